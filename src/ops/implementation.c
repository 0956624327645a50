/* implementation.c: 实施 — the responsible person and the deadline of a
 * published decision, and the progress entries of its implementation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/text.h"
#include "ops_int.h"

/* the item of the meeting that made the decision: what it wrote down as
 * 责任人 and 时限; 1 when there is none */
static int decided_item(struct store *st, const char *pid, struct agenda_item *a)
{
	struct pevent ev;
	int rc;

	memset(a, 0, sizeof *a);
	rc = store_proposal_event_find(st, pid, ACT_FORWARD, STEP_RESOLVE, &ev);
	if (rc != 0)
		return rc;
	rc = ev.agenda_id[0] ? store_agenda_get(st, ev.agenda_id, a) : 1;
	pevent_clear(&ev);
	return rc;
}

int ops_impl_defaults(struct store *st, const char *pid, struct impl *im,
                      char *err, size_t errlen)
{
	struct agenda_item a;
	int rc;

	memset(im, 0, sizeof im[0]);
	rc = store_impl_get(st, pid ? pid : "", im);
	if (rc < 0)
		return store_fail(st, err, errlen);
	if (rc == 0)
		return 0;
	snprintf(im->proposal_id, sizeof im->proposal_id, "%s", pid ? pid : "");
	/* not set yet: what the deciding meeting wrote, if anything */
	rc = decided_item(st, im->proposal_id, &a);
	if (rc < 0)
		return store_fail(st, err, errlen);
	if (rc == 0) {
		snprintf(im->responsible, sizeof im->responsible, "%s", a.responsible);
		snprintf(im->deadline, sizeof im->deadline, "%s", a.deadline);
		agenda_clear(&a);
	}
	return 0;
}

#define EARLY_REASON_MAX 500

/* a day typed for something that happened ("" = today): a real date, not
 * in the future; into out */
static int happened_on(const char *what, const char *typed, char out[11], char *err,
                       size_t errlen)
{
	char day[11];

	today(day);
	if (!ys_has_text(typed)) {
		memcpy(out, day, 11);
		return 0;
	}
	if (strlen(typed) != 10 || ys_parse_date(typed, NULL) != 0)
		return ys_err(err, errlen, "%s“%s”无效，格式应为 2026-11-23。", what, typed);
	memcpy(out, typed, 11);
	return date_past_check(what, out, day, err, errlen);
}

int ops_implement(struct store *st, const char *pid, const struct impl_req *in,
                  char *err, size_t errlen)
{
	struct proposal p;
	struct transition_req rq = { .action = ACT_IMPLEMENT };
	struct impl im;
	char date[11], at[20], dstart[11], dend[11];
	int rc;

	if (!in || !ys_has_text(in->responsible))
		return ys_err(err, errlen, "请填写实施责任人。");
	memset(&im, 0, sizeof im);
	if (ys_strlcpy(im.responsible, in->responsible, sizeof im.responsible) != 0 ||
	    text_chars(ys_trim(im.responsible)) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "责任人不能超过 %d 个字。", NAME_MAX_CHARS);
	if (!in->deadline || strlen(in->deadline) != 10 || ys_parse_date(in->deadline, NULL) != 0)
		return ys_err(err, errlen, "完成时限“%s”无效，格式应为 2026-12-31。",
		              in->deadline ? in->deadline : "");
	snprintf(im.deadline, sizeof im.deadline, "%s", in->deadline);
	if (happened_on("开始实施日期", in->date, date, err, errlen) != 0 ||
	    date_order_check("完成时限", im.deadline, "开始实施日期", date, err, errlen) != 0)
		return -1;
	if (ys_has_text(in->reason) && text_chars(in->reason) > EARLY_REASON_MAX)
		return ys_err(err, errlen, "提前实施的理由不能超过 %d 个字。", EARLY_REASON_MAX);
	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_proposal(st, pid, &p, err, errlen);
	if (rc != 0)
		return op_end(st, rc, err, errlen);
	/* after the decision went up; before its posting period ends only
	 * with a reason, which the record keeps */
	/* (not published: both "", and proc_apply refuses the step) */
	rc = decision_notice_start_end(st, p.id, dstart, dend, err, errlen);
	if (rc == 0)
		rc = date_order_check("开始实施日期", date, "决议公开日期", dstart, err, errlen);
	if (rc == 0 && notice_period_runs(date, dend)) {
		if (!ys_has_text(in->reason))
			rc = ys_err(err, errlen, "决议公示期到 %s 才结束，在此之前（%s）开始实施"
			            "须写明理由。", dend, date);
		else
			rq.reason = in->reason;
	}
	/* the row and the step together: the transaction undoes both when
	 * the step is refused (not published, already under way …) */
	snprintf(im.proposal_id, sizeof im.proposal_id, "%s", p.id);
	if (rc == 0 && store_impl_set(st, &im) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		char *reason = rq.reason ? ys_trim(xstrdup(rq.reason)) : NULL;
		rq.reason = reason;
		day_stamp(date, at);
		rc = step_proposal(st, &p, &rq, at, err, errlen);
		free(reason);
	}
	proposal_clear(&p);
	return op_end(st, rc, err, errlen);
}

int ops_progress(struct store *st, const char *pid, const char *date, const char *text,
                 char *err, size_t errlen)
{
	struct proposal p;
	struct progress pr;
	struct pevent ev;
	int rc;

	if (!ys_has_text(text))
		return ys_err(err, errlen, "请填写实施进展。");
	memset(&pr, 0, sizeof pr);
	if (happened_on("进展日期", date, pr.at, err, errlen) != 0)
		return -1;
	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_proposal(st, pid, &p, err, errlen);
	if (rc == 0)
		rc = proposal_check(st, &p, OPP_PROGRESS, NULL, err, errlen);
	if (rc == 0) {
		/* not before the implementation began */
		rc = store_proposal_event_find(st, p.id, ACT_IMPLEMENT, STEP_IMPLEMENT, &ev);
		if (rc < 0) {
			rc = store_fail(st, err, errlen);
		} else if (rc == 0) {
			rc = date_order_check("进展日期", pr.at, "开始实施日期", ev.at, err, errlen);
			pevent_clear(&ev);
		} else {
			rc = 0;
		}
	}
	if (rc == 0) {
		snprintf(pr.proposal_id, sizeof pr.proposal_id, "%s", p.id);
		pr.text = ys_trim(xstrdup(text));
		if (store_progress_add(st, &pr) != 0)
			rc = store_fail(st, err, errlen);
	}
	proposal_clear(&p);
	progress_clear(&pr);
	return op_end(st, rc, err, errlen);
}
