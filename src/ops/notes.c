/* notes.c: 书记手记 and the 大事记 — each write checked here, in the
 * transaction that makes it, and written into the change log. */
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "base/text.h"
#include "ops_int.h"

/* a day of the records: a real date, not after today */
static int past_day(const char *date, const char *what, char *err, size_t errlen)
{
	char now[11];

	if (!date || !*date)
		return ys_err(err, errlen, "请填写%s日期。", what);
	if (ys_parse_date(date, NULL) != 0)
		return ys_err(err, errlen, "%s日期不对：%s（应为 YYYY-MM-DD，如 2026-11-15）。", what, date);
	today(now);
	if (strcmp(date, now) > 0)
		return ys_err(err, errlen, "%s日期 %s 在今天（%s）之后：只记已经发生的事。", what, date, now);
	return 0;
}

/* the checks that need no database */
static int note_check(const struct note *n, char *err, size_t errlen)
{
	if (past_day(n->date, "手记", err, errlen))
		return -1;
	if (!ys_has_text(n->title))
		return ys_err(err, errlen, "请填写手记标题。");
	if (text_chars(n->title) > NOTE_TITLE_MAX_CHARS)
		return ys_err(err, errlen, "手记标题最多 %d 个字（现在 %zu 个）。", NOTE_TITLE_MAX_CHARS,
		              text_chars(n->title));
	if (!ys_has_text(n->body))
		return ys_err(err, errlen, "请填写手记内容。");
	if (text_chars(n->body) > NOTE_BODY_MAX_CHARS)
		return ys_err(err, errlen, "手记内容最多 %d 个字（现在 %zu 个），请分成几篇。",
		              NOTE_BODY_MAX_CHARS, text_chars(n->body));
	if (!ys_has_text(n->author))
		return ys_err(err, errlen, "请填写手记的作者。");
	if (text_chars(n->author) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "作者姓名最多 %d 个字。", NAME_MAX_CHARS);
	if (n->nlinks < 0 || n->nlinks > NOTE_MAX_LINKS)
		return ys_err(err, errlen, "一篇手记最多关联 %d 项会议或议题。", NOTE_MAX_LINKS);
	for (int i = 0; i < n->nlinks; i++) {
		const struct note_link *l = &n->links[i];
		if (!l->meeting_id[0] == !l->proposal_id[0])
			return ys_err(err, errlen, "手记关联须是一次会议或一个议题。");
		for (int j = 0; j < i; j++)
			if (strcmp(l->meeting_id, n->links[j].meeting_id) == 0 &&
			    strcmp(l->proposal_id, n->links[j].proposal_id) == 0)
				return ys_err(err, errlen, "同一%s关联了两次。",
				              l->meeting_id[0] ? "次会议" : "个议题");
	}
	return 0;
}

/* every linked meeting and matter exists (read in the transaction) */
static int links_exist(struct store *st, const struct note *n, char *err, size_t errlen)
{
	for (int i = 0; i < n->nlinks; i++) {
		const struct note_link *l = &n->links[i];
		if (l->meeting_id[0]) {
			struct meeting m;
			if (load_meeting(st, l->meeting_id, &m, err, errlen))
				return -1;
			meeting_clear(&m);
		} else {
			struct proposal p;
			if (load_proposal(st, l->proposal_id, &p, err, errlen))
				return -1;
			proposal_clear(&p);
		}
	}
	return 0;
}

int ops_note_save(struct store *st, struct note *n, char *err, size_t errlen)
{
	struct note old;
	char what[400];
	int rc = 0, isnew = !n->id[0];

	ys_trim(n->title);
	ys_trim(n->author);
	if (note_check(n, err, errlen) || op_begin(st, err, errlen))
		return -1;
	memset(&old, 0, sizeof old);
	if (!isnew) {
		int got = store_note_get(st, n->id, &old);
		if (got == 1)
			rc = ys_err(err, errlen, "这篇手记已不存在（可能已被删除）。");
		else if (got != 0)
			rc = store_fail(st, err, errlen);
	}
	if (rc == 0)
		rc = links_exist(st, n, err, errlen);
	if (rc == 0 && (isnew ? store_note_add(st, n) : store_note_update(st, n)) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		snprintf(what, sizeof what, "%s %s（%s）", n->date, n->title, n->author);
		if (store_log(st, "note", n->id, isnew ? "新建手记" : "修改手记",
		              isnew ? NULL : old.title, what, NULL) != 0)
			rc = store_fail(st, err, errlen);
	}
	note_clear(&old);
	return op_end(st, rc, err, errlen);
}

int ops_note_delete(struct store *st, const char *note_id, char *err, size_t errlen)
{
	struct note n;
	char what[400];
	int rc = 0, got;

	if (op_begin(st, err, errlen))
		return -1;
	memset(&n, 0, sizeof n);
	got = store_note_get(st, note_id ? note_id : "", &n);
	if (got == 1)
		rc = ys_err(err, errlen, "这篇手记已不存在（可能已被删除）。");
	else if (got != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		snprintf(what, sizeof what, "%s %s（%s）", n.date, n.title, n.author);
		if (store_note_delete(st, n.id) != 0 ||
		    store_log(st, "note", n.id, "删除手记", what, NULL, NULL) != 0)
			rc = store_fail(st, err, errlen);
	}
	note_clear(&n);
	return op_end(st, rc, err, errlen);
}

void ops_note_author_default(struct store *st, char name[64], char id[ID_LEN])
{
	struct person p;

	name[0] = id[0] = '\0';
	if (store_party_secretary(st, &p) == 0) {
		snprintf(name, 64, "%s", p.name);
		snprintf(id, ID_LEN, "%s", p.id);
	}
}

int ops_chron_save(struct store *st, struct chron_entry *e, char *err, size_t errlen)
{
	struct chron_entry old;
	char what[1024];
	int rc = 0, isnew = !e->id[0];

	if (e->text)
		ys_trim(e->text);
	if (past_day(e->date, "大事记", err, errlen))
		return -1;
	if (!ys_has_text(e->text))
		return ys_err(err, errlen, "请填写大事记的内容。");
	if (text_chars(e->text) > CHRON_TEXT_MAX_CHARS)
		return ys_err(err, errlen, "一条大事记最多 %d 个字（现在 %zu 个），请写得简要些。",
		              CHRON_TEXT_MAX_CHARS, text_chars(e->text));
	if (op_begin(st, err, errlen))
		return -1;
	memset(&old, 0, sizeof old);
	if (!isnew) {
		int got = store_chron_get(st, e->id, &old);
		if (got == 1)
			rc = ys_err(err, errlen, "这条大事记已不存在（可能已被删除）。");
		else if (got != 0)
			rc = store_fail(st, err, errlen);
	}
	if (rc == 0 && (isnew ? store_chron_add(st, e) : store_chron_update(st, e)) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		char was[1024];
		snprintf(what, sizeof what, "%s %s", e->date, e->text);
		snprintf(was, sizeof was, "%s %s", old.date, old.text ? old.text : "");
		if (store_log(st, "chronicle", e->id, isnew ? "新增大事记" : "修改大事记",
		              isnew ? NULL : was, what, NULL) != 0)
			rc = store_fail(st, err, errlen);
	}
	chron_entry_clear(&old);
	return op_end(st, rc, err, errlen);
}

int ops_chron_delete(struct store *st, const char *entry_id, char *err, size_t errlen)
{
	struct chron_entry e;
	char what[1024];
	int rc = 0, got;

	if (op_begin(st, err, errlen))
		return -1;
	memset(&e, 0, sizeof e);
	got = store_chron_get(st, entry_id ? entry_id : "", &e);
	if (got == 1)
		rc = ys_err(err, errlen, "这条大事记已不存在（可能已被删除）。");
	else if (got != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		snprintf(what, sizeof what, "%s %s", e.date, e.text ? e.text : "");
		if (store_chron_delete(st, e.id) != 0 ||
		    store_log(st, "chronicle", e.id, "删除大事记", what, NULL, NULL) != 0)
			rc = store_fail(st, err, errlen);
	}
	chron_entry_clear(&e);
	return op_end(st, rc, err, errlen);
}

int ops_chron_hide(struct store *st, int kind, const char *ref_id, int hide,
                   char *err, size_t errlen)
{
	int rc = 0;

	if (!chron_kind_key(kind))
		return ys_err(err, errlen, "手写的大事记不用隐藏：不要的可以删除。");
	if (op_begin(st, err, errlen))
		return -1;
	if (store_chron_hide(st, kind, ref_id ? ref_id : "", hide) != 0 ||
	    store_log(st, "chronicle", ref_id, hide ? "大事记中隐藏" : "大事记中恢复",
	              NULL, chron_kind_key(kind), NULL) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}
