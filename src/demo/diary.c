/* diary.c: the demo's 民情日记 (data/demo/diary.tsv) — a year of the
 * residents' concerns, read and checked before anything is written, then
 * typed in at their `entered` moment (last December's notebook after the
 * roster was set up) and answered on the day of the reply, through ops.
 * An entry that names a proposal of proposals.tsv becomes it: the
 * proposal is made from the entry (ops_diary_to_proposal) when the
 * replay reaches the proposal's own moment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/util.h"
#include "model/diary.h"
#include "ops/ops.h"
#include "demo_int.h"

enum { Y_RAISED, Y_ENTERED, Y_WORKER, Y_RESIDENT, Y_PHONE, Y_GRID, Y_PLACE, Y_CATEGORY,
       Y_URGENCY, Y_CONTENT, Y_DONE, Y_REPLY, Y_REPLIED, Y_PROPOSAL, Y_N };

static const char *yf(const struct demo *d, int r, int col)
{
	return fld(&d->diary, r, d->yc[col]);
}

int read_diary(struct demo *d)
{
	static const char *const cols[Y_N] = {
		"raised_on", "entered", "worker", "resident", "phone", "grid", "place", "category",
		"urgency", "content", "done", "reply", "replied_on", "proposal",
	};
	const struct tsv *t = &d->diary;

	if (tsv_cols(d, t, cols, d->yc, Y_N) != 0)
		return -1;
	d->diary_id = xcalloc((size_t)t->nrows + 1, sizeof *d->diary_id);
	d->prop_diary = xcalloc((size_t)d->nprops + 1, sizeof *d->prop_diary);
	for (int i = 0; i < d->nprops; i++)
		d->prop_diary[i] = -1;
	for (int r = 0; r < t->nrows; r++) {
		const char *raised = yf(d, r, Y_RAISED), *replied = yf(d, r, Y_REPLIED);
		const char *key = yf(d, r, Y_PROPOSAL);
		time_t entered = ys_parse_stamp(yf(d, r, Y_ENTERED)), reply_at;
		char day[11];

		if (ys_parse_date(raised, NULL) != 0)
			return row_err(d, t, r, "raised_on 应为 YYYY-MM-DD。");
		if (entered == (time_t)-1)
			return row_err(d, t, r, "entered 应为 YYYY-MM-DD HH:MM。");
		if (entered < d->setup_at)
			return row_err(d, t, r, "录入时间早于花名册录入时间（community.tsv 的 setup_at）。");
		if (strncmp(yf(d, r, Y_ENTERED), raised, 10) < 0)
			return row_err(d, t, r, "录入时间早于反映日期。");
		if (person_by_name(d, yf(d, r, Y_WORKER)) < 0)
			return derr(d, t->file, t->rows[r].line, "记录人「%s」不在花名册中。",
			            yf(d, r, Y_WORKER));
		if (!yf(d, r, Y_RESIDENT)[0] || !yf(d, r, Y_CONTENT)[0])
			return row_err(d, t, r, "resident 和 content 不能为空。");
		if (urgency_by_name(yf(d, r, Y_URGENCY)) < 0)
			return derr(d, t->file, t->rows[r].line, "urgency 应为 一般、较急 或 紧急，不是「%s」。",
			            yf(d, r, Y_URGENCY));
		if (!replied[0] != !yf(d, r, Y_REPLY)[0])
			return row_err(d, t, r, "replied_on 和 reply 应同时填写或同时留空。");
		add_event(d, entered, EV_DIARY, r, -1, -1, -1);
		if (key[0]) {
			int i = prop_by_key(d, key);
			if (i < 0)
				return derr(d, t->file, t->rows[r].line, "议题「%s」不在 proposals.tsv 中。", key);
			if (d->prop_diary[i] >= 0)
				return derr(d, t->file, t->rows[r].line, "议题「%s」已由第 %d 行的民情日记转来。",
				            key, t->rows[d->prop_diary[i]].line);
			d->prop_diary[i] = r;
		}
		/* a reply given before the entry was typed goes in with it */
		if (!replied[0])
			continue;
		if (ys_parse_date(replied, NULL) != 0)
			return row_err(d, t, r, "replied_on 应为 YYYY-MM-DD。");
		snprintf(day, sizeof day, "%.10s", yf(d, r, Y_ENTERED));
		if (strcmp(replied, day) < 0)
			continue;
		reply_at = stamp_of(replied, "19:30");
		if (reply_at <= entered)
			return row_err(d, t, r, "答复当天的 19:30 早于录入时间。");
		add_event(d, reply_at, EV_DIARY_REPLY, r, -1, -1, -1);
	}
	return 0;
}

/* a roster person or a name as written: id and name into the entry */
static void who(const struct demo *d, const char *name, char id[ID_LEN], char *out, size_t len,
                const struct person **p)
{
	int i = person_by_name(d, name);

	*p = i >= 0 ? &d->pp[i] : NULL;
	snprintf(id, ID_LEN, "%s", i >= 0 ? d->pp[i].id : "");
	snprintf(out, len, "%s", name);
}

int do_diary(struct demo *d, int r)
{
	const struct tsv *t = &d->diary;
	const struct person *w, *res;
	struct diary e;
	char err[512], day[11];
	int rc;

	memset(&e, 0, sizeof e);
	who(d, yf(d, r, Y_WORKER), e.worker_id, e.worker_name, sizeof e.worker_name, &w);
	who(d, yf(d, r, Y_RESIDENT), e.resident_id, e.resident_name, sizeof e.resident_name, &res);
	if (put(d, t, r, e.raised_on, sizeof e.raised_on, yf(d, r, Y_RAISED), "反映日期") ||
	    put(d, t, r, e.phone, sizeof e.phone,
	        yf(d, r, Y_PHONE)[0] || !res ? yf(d, r, Y_PHONE) : res->phone, "电话") ||
	    put(d, t, r, e.grid, sizeof e.grid, yf(d, r, Y_GRID), "网格") ||
	    put(d, t, r, e.place, sizeof e.place, yf(d, r, Y_PLACE), "地点") ||
	    put(d, t, r, e.category, sizeof e.category, yf(d, r, Y_CATEGORY), "类别"))
		return -1;
	e.urgency = urgency_by_name(yf(d, r, Y_URGENCY));
	e.content = xstrdup(yf(d, r, Y_CONTENT));
	e.done = xstrdup(yf(d, r, Y_DONE));
	snprintf(day, sizeof day, "%.10s", yf(d, r, Y_ENTERED));
	/* answered before it was typed: the reply goes in with it */
	if (yf(d, r, Y_REPLIED)[0] && strcmp(yf(d, r, Y_REPLIED), day) < 0) {
		e.reply = xstrdup(yf(d, r, Y_REPLY));
		snprintf(e.replied_on, sizeof e.replied_on, "%s", yf(d, r, Y_REPLIED));
	} else {
		e.reply = xstrdup("");
	}
	rc = ops_diary_save(d->st, &e, err, sizeof err);
	if (rc != 0)
		derr(d, t->file, t->rows[r].line, "%s", err);
	else
		snprintf(d->diary_id[r], sizeof d->diary_id[r], "%s", e.id);
	diary_clear(&e);
	(void)w;
	return rc;
}

int do_diary_reply(struct demo *d, int r)
{
	char err[512];

	if (ops_diary_reply(d->st, d->diary_id[r], yf(d, r, Y_REPLY), yf(d, r, Y_REPLIED), NULL,
	                    err, sizeof err) != 0)
		return derr(d, d->diary.file, d->diary.rows[r].line, "%s", err);
	return 0;
}

int diary_proposal(struct demo *d, int i, struct proposal *p, const struct proposer *pp, int n,
                   char *err, size_t errlen)
{
	int r = d->prop_diary[i];

	if (!d->diary_id[r][0])
		return ys_err(err, errlen, "议题由 diary.tsv 第 %d 行的民情日记转来，但那条民情日记此时尚未录入。",
		              d->diary.rows[r].line);
	return ops_diary_to_proposal(d->st, d->diary_id[r], p, pp, n, err, errlen);
}

void diary_free(struct demo *d)
{
	tsv_free(&d->diary);
	free(d->diary_id);
	free(d->prop_diary);
}
