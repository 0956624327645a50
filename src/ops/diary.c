/* diary.c: 民情日记 — a resident's concern recorded, corrected, answered
 * (the loop closed), deleted while it led nowhere, or turned into a
 * proposal (议题) in the transaction that adds the proposal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/text.h"
#include "model/diary.h"
#include "model/timeline.h"
#include "ops_int.h"

#define DIARY_TEXT_MAX 1000      /* what was raised, what was done */
#define DIARY_REPLY_MAX 500
#define DIARY_SHORT_MAX 10       /* 网格, 类别 */
#define DIARY_PLACE_MAX 30

/* the limits of the texts, as one table: the field, its name, its most
 * characters and whether it is required */
struct text_limit {
	const char *label;
	size_t max;
	int required;
};

static int text_ok(const char *s, const struct text_limit *l, char *err, size_t errlen)
{
	size_t n = text_chars(s ? s : "");

	if (l->required && !ys_has_text(s))
		return ys_err(err, errlen, "请填写%s。", l->label);
	if (n > l->max)
		return ys_err(err, errlen, "%s不能超过 %zu 个字（现有 %zu 个字）。", l->label, l->max, n);
	return 0;
}

/* trim an allocated text in place; NULL becomes "" (allocated) */
static char *trimmed(char **s)
{
	if (!*s)
		*s = xstrdup("");
	ys_trim(*s);
	return *s;
}

int ops_diary_check(struct diary *d, char *err, size_t errlen)
{
	char day[11];
	const struct { const char *s; struct text_limit l; } texts[] = {
		{ d->worker_name, { "记录人（网格员或社区工作者）", NAME_MAX_CHARS, 1 } },
		{ d->resident_name, { "反映人", NAME_MAX_CHARS, 1 } },
		{ d->grid, { "网格", DIARY_SHORT_MAX, 0 } },
		{ d->place, { "地点", DIARY_PLACE_MAX, 0 } },
		{ d->category, { "类别", DIARY_SHORT_MAX, 0 } },
		{ trimmed(&d->content), { "反映的事项", DIARY_TEXT_MAX, 1 } },
		{ trimmed(&d->done), { "办理情况", DIARY_TEXT_MAX, 0 } },
		{ trimmed(&d->reply), { "答复内容", DIARY_REPLY_MAX, 0 } },
	};

	ys_trim(d->raised_on);
	ys_trim(d->worker_name);
	ys_trim(d->resident_name);
	ys_trim(d->phone);
	ys_trim(d->grid);
	ys_trim(d->place);
	ys_trim(d->category);
	ys_trim(d->replied_on);
	today(day);
	if (!d->raised_on[0])
		snprintf(d->raised_on, sizeof d->raised_on, "%s", day);
	if (ys_parse_date(d->raised_on, NULL) != 0)
		return ys_err(err, errlen, "反映日期“%s”无效，格式应为 2026-11-22。", d->raised_on);
	if (date_past_check("反映日期", d->raised_on, day, err, errlen) != 0)
		return -1;
	for (size_t i = 0; i < YS_ARRAY_LEN(texts); i++)
		if (text_ok(texts[i].s, &texts[i].l, err, errlen) != 0)
			return -1;
	if (strspn(d->phone, "0123456789-+ ") != strlen(d->phone))
		return ys_err(err, errlen, "电话“%s”只能含数字、-、+ 和空格。", d->phone);
	if (d->urgency < 0 || d->urgency >= URG_COUNT)
		return ys_err(err, errlen, "紧急程度只能是一般、较急或紧急。");
	if (d->reply[0] && !d->replied_on[0])
		return ys_err(err, errlen, "请填写答复日期。");
	if (!d->reply[0] && d->replied_on[0])
		return ys_err(err, errlen, "填了答复日期，请同时填写答复内容。");
	if (d->replied_on[0]) {
		if (ys_parse_date(d->replied_on, NULL) != 0)
			return ys_err(err, errlen, "答复日期“%s”无效，格式应为 2026-11-22。", d->replied_on);
		if (date_past_check("答复日期", d->replied_on, day, err, errlen) != 0 ||
		    date_order_check("答复日期", d->replied_on, "反映日期", d->raised_on, err, errlen) != 0)
			return -1;
	}
	return 0;
}

void ops_diary_source(const char *number, char *out, size_t len)
{
	snprintf(out, len, "民情日记 %s", number);
}

/* ---- the change log ------------------------------------------------------
 * As for proposals and meetings: what was corrected (field by field), what
 * was deleted and the link to a proposal are logged; a new entry and its
 * first reply are not changes of anything. */

static int log_change(struct store *st, const char *id, const char *field, const char *was,
                      const char *now, char *err, size_t errlen)
{
	return store_log(st, "diary", id, field, was, now, NULL) != 0 ? store_fail(st, err, errlen) : 0;
}

/* what the clerk reads of an entry in the log */
static char *summary(const struct diary *d)
{
	return xasprintf("%s %s %s反映：%s", d->number, d->raised_on, d->resident_name,
	                 d->content ? d->content : "");
}

static int load_diary(struct store *st, const char *id, struct diary *d, char *err, size_t errlen)
{
	int rc;

	memset(d, 0, sizeof *d);
	rc = store_diary_get(st, id ? id : "", d);
	if (rc == 1)
		return ys_err(err, errlen, "这条民情日记不存在。");
	return rc != 0 ? store_fail(st, err, errlen) : 0;
}

/* the fields of an entry that the log names when they change */
static int log_edits(struct store *st, const struct diary *was, const struct diary *d,
                     char *err, size_t errlen)
{
	const char *a_urg = urgency_name(was->urgency), *b_urg = urgency_name(d->urgency);
	const struct { const char *label, *a, *b; } f[] = {
		{ "反映日期", was->raised_on, d->raised_on },
		{ "记录人", was->worker_name, d->worker_name },
		{ "反映人", was->resident_name, d->resident_name },
		{ "电话", was->phone, d->phone },
		{ "网格", was->grid, d->grid },
		{ "地点", was->place, d->place },
		{ "类别", was->category, d->category },
		{ "紧急程度", a_urg, b_urg },
		{ "反映的事项", was->content, d->content },
		{ "办理情况", was->done, d->done },
		{ "答复内容", was->reply, d->reply },
		{ "答复日期", was->replied_on, d->replied_on },
	};

	for (size_t i = 0; i < YS_ARRAY_LEN(f); i++)
		if (strcmp(f[i].a ? f[i].a : "", f[i].b ? f[i].b : "") != 0 &&
		    log_change(st, d->id, f[i].label, f[i].a, f[i].b, err, errlen) != 0)
			return -1;
	return 0;
}

int ops_diary_save(struct store *st, struct diary *d, char *err, size_t errlen)
{
	struct diary was;
	int rc;

	if (ops_diary_check(d, err, errlen) != 0)
		return -1;
	if (op_begin(st, err, errlen) != 0)
		return -1;
	if (!d->id[0]) {
		/* a new record is not a change: like a new proposal, it carries
		 * when it was typed (created_at) */
		rc = store_diary_add(st, d) != 0 ? store_fail(st, err, errlen) : 0;
		return op_end(st, rc, err, errlen);
	}
	rc = load_diary(st, d->id, &was, err, errlen);
	if (rc == 0 && store_diary_update(st, d) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		memcpy(d->number, was.number, sizeof d->number);
		rc = log_edits(st, &was, d, err, errlen);
	}
	diary_clear(&was);
	return op_end(st, rc, err, errlen);
}

int ops_diary_reply(struct store *st, const char *id, const char *reply, const char *date,
                    const char *done, char *err, size_t errlen)
{
	struct diary d, was;
	char day[11];
	int rc;

	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_diary(st, id, &d, err, errlen);
	if (rc != 0)
		return op_end(st, rc, err, errlen);
	was = d;
	was.content = xstrdup(d.content);
	was.done = xstrdup(d.done);
	was.reply = xstrdup(d.reply);
	free(d.reply);
	d.reply = xstrdup(reply);
	if (!ys_has_text(d.reply))
		rc = ys_err(err, errlen, "请填写答复内容。");
	if (done) {
		free(d.done);
		d.done = xstrdup(done);
	}
	today(day);
	snprintf(d.replied_on, sizeof d.replied_on, "%s", date && *date ? date : day);
	if (rc == 0 && strlen(date ? date : "") >= sizeof d.replied_on)
		rc = ys_err(err, errlen, "答复日期“%s”无效，格式应为 2026-11-22。", date);
	if (rc == 0)
		rc = ops_diary_check(&d, err, errlen);
	if (rc == 0 && store_diary_update(st, &d) != 0)
		rc = store_fail(st, err, errlen);
	/* the first reply is a step, like an objection's answer; a reply
	 * written over is a correction, logged with what it was */
	if (rc == 0 && was.replied_on[0])
		rc = log_edits(st, &was, &d, err, errlen);
	diary_clear(&d);
	diary_clear(&was);
	return op_end(st, rc, err, errlen);
}

int ops_diary_delete(struct store *st, const char *id, char *err, size_t errlen)
{
	struct diary d;
	int rc;

	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_diary(st, id, &d, err, errlen);
	if (rc != 0)
		return op_end(st, rc, err, errlen);
	if (d.proposal_id[0])
		rc = ys_err(err, errlen, "民情日记 %s 已转为议题 %s，不能删除。", d.number,
		            d.proposal_number);
	else if (store_diary_delete(st, d.id) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		char *s = summary(&d);
		rc = log_change(st, d.id, "删除", s, NULL, err, errlen);
		free(s);
	}
	diary_clear(&d);
	return op_end(st, rc, err, errlen);
}

int ops_diary_to_proposal(struct store *st, const char *diary_id, struct proposal *p,
                          const struct proposer *pp, int n, char *err, size_t errlen)
{
	struct diary d;
	char day[11];
	int rc;

	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_diary(st, diary_id, &d, err, errlen);
	if (rc != 0)
		return op_end(st, rc, err, errlen);
	if (d.proposal_id[0])
		rc = ys_err(err, errlen, "民情日记 %s 已转为议题 %s。", d.number, d.proposal_number);
	/* the proposal comes after the concern it grew from */
	today(day);
	ys_trim(p->proposed_on);
	if (rc == 0 && date_order_check("提议日期", p->proposed_on[0] ? p->proposed_on : day,
	                                "反映日期", d.raised_on, err, errlen) != 0)
		rc = -1;
	if (rc == 0) {
		ops_diary_source(d.number, p->source, sizeof p->source);
		/* joins this transaction: the proposal and the link, or neither */
		rc = ops_proposal_new(st, p, pp, n, err, errlen);
	}
	if (rc == 0 && store_diary_link(st, d.id, p->id) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0)
		rc = log_change(st, d.id, "转为议题", NULL, p->number, err, errlen);
	diary_clear(&d);
	return op_end(st, rc, err, errlen);
}
