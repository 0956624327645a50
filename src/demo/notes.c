/* notes.c: the demo's 书记手记 (data/demo/notes.tsv) and the lines of its
 * 大事记 written by hand (data/demo/chronicle.tsv), typed in through ops
 * after the year's meetings and matters, each at its own moment (entered),
 * linked to the meetings and matters by their keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/util.h"
#include "ops/ops.h"
#include "demo_int.h"

static int meet_key(const struct demo *d, const char *key)
{
	for (int i = 0; i < d->nmeets; i++)
		if (strcmp(fld(&d->meetings, d->meets[i].row, d->mc[0]), key) == 0)
			return i;
	return -1;
}

/* the moment a row was typed: entered, not before the day it tells of */
static time_t entered_at(struct demo *d, const struct tsv *t, int r, const char *date,
                         const char *entered)
{
	time_t at = opt_stamp(entered), day = stamp_of(date, "00:00");

	if (day == (time_t)-1)
		return row_err(d, t, r, "date 应为 YYYY-MM-DD。"), (time_t)-1;
	if (at <= 0)
		return row_err(d, t, r, "entered 应为 YYYY-MM-DD HH:MM。"), (time_t)-1;
	if (at < day)
		return row_err(d, t, r, "entered 早于 date：不能在事情发生之前录入。"), (time_t)-1;
	return at;
}

/* the links named in a field of keys into n: 0 or -1 */
static int add_links(struct demo *d, const struct tsv *t, int r, const char *keys, int meetings,
                     struct note *n)
{
	struct strlist l;
	int rc = 0;

	strlist_split(&l, keys);
	for (int i = 0; i < l.n && rc == 0; i++) {
		int k = meetings ? meet_key(d, l.v[i]) : prop_by_key(d, l.v[i]);
		char msg[256];
		if (k < 0) {
			snprintf(msg, sizeof msg, "没有 key 为「%s」的%s。", l.v[i], meetings ? "会议" : "议题");
			rc = row_err(d, t, r, msg);
		} else if (n->nlinks >= NOTE_MAX_LINKS) {
			rc = row_err(d, t, r, "关联太多。");
		} else {
			struct note_link *lk = &n->links[n->nlinks++];
			memset(lk, 0, sizeof *lk);
			snprintf(meetings ? lk->meeting_id : lk->proposal_id, ID_LEN, "%s",
			         meetings ? d->meets[k].id : d->props[k].id);
		}
	}
	strlist_free(&l);
	return rc;
}

static int note_row(struct demo *d, const struct tsv *t, int r, const int *c)
{
	const char *author = fld(t, r, c[2]);
	char err[512];
	struct note n;
	time_t at = entered_at(d, t, r, fld(t, r, c[0]), fld(t, r, c[1]));
	int rc;

	if (at == (time_t)-1)
		return -1;
	memset(&n, 0, sizeof n);
	if (put(d, t, r, n.date, sizeof n.date, fld(t, r, c[0]), "date") ||
	    put(d, t, r, n.title, sizeof n.title, fld(t, r, c[3]), "title"))
		return -1;
	if (*author) {
		int p = person_by_name(d, author);
		if (p < 0)
			return row_err(d, t, r, "author 不在花名册中。");
		snprintf(n.author, sizeof n.author, "%s", d->pp[p].name);
		snprintf(n.author_id, sizeof n.author_id, "%s", d->pp[p].id);
	} else {
		ops_note_author_default(d->st, n.author, n.author_id);
	}
	if (add_links(d, t, r, fld(t, r, c[5]), 1, &n) || add_links(d, t, r, fld(t, r, c[6]), 0, &n))
		return -1;
	n.body = xstrdup(fld(t, r, c[4]));
	ys_clock_set(at);
	rc = ops_note_save(d->st, &n, err, sizeof err);
	free(n.body);
	return rc ? row_err(d, t, r, err) : 0;
}

static int chronicle_row(struct demo *d, const struct tsv *t, int r, const int *c)
{
	const char *text = fld(t, r, c[2]), *hide = fld(t, r, c[3]);
	char err[512];
	time_t at = entered_at(d, t, r, fld(t, r, c[0]), fld(t, r, c[1]));
	int rc;

	if (at == (time_t)-1)
		return -1;
	if (!*text == !*hide)
		return row_err(d, t, r, "text 和 hide 只写一个：写大事，或隐藏一次会议生成的一行。");
	ys_clock_set(at);
	if (*hide) {
		int k = meet_key(d, hide);
		if (k < 0 || !d->meets[k].end)
			return row_err(d, t, r, "hide 应为 meetings.tsv 中召开了的会议的 key。");
		if (strcmp(fld(&d->meetings, d->meets[k].row, d->mc[3]), fld(t, r, c[0])) != 0)
			return row_err(d, t, r, "date 应为所隐藏的会议的日期。");
		rc = ops_chron_hide(d->st, CK_MEETING, d->meets[k].id, 1, err, sizeof err);
	} else {
		struct chron_entry e;
		memset(&e, 0, sizeof e);
		if (put(d, t, r, e.date, sizeof e.date, fld(t, r, c[0]), "date"))
			return -1;
		e.text = xstrdup(text);
		rc = ops_chron_save(d->st, &e, err, sizeof err);
		free(e.text);
	}
	return rc ? row_err(d, t, r, err) : 0;
}

int replay_notes(struct demo *d)
{
	static const char *const ncols[] = { "date", "entered", "author", "title", "text",
	                                     "meetings", "proposals" };
	static const char *const ccols[] = { "date", "entered", "text", "hide" };
	struct tsv notes, chron;
	int nc[7], cc[4], rc = 0;

	memset(&notes, 0, sizeof notes);
	memset(&chron, 0, sizeof chron);
	if (tsv_load(d, &notes, DEMO_DIR "notes.tsv") || tsv_load(d, &chron, DEMO_DIR "chronicle.tsv") ||
	    tsv_cols(d, &notes, ncols, nc, 7) || tsv_cols(d, &chron, ccols, cc, 4))
		rc = -1;
	for (int r = 0; rc == 0 && r < notes.nrows; r++)
		rc = note_row(d, &notes, r, nc);
	for (int r = 0; rc == 0 && r < chron.nrows; r++)
		rc = chronicle_row(d, &chron, r, cc);
	tsv_free(&notes);
	tsv_free(&chron);
	return rc;
}
