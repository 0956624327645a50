/* proposals.c: 提议, 撤回 outside a meeting, and the clerk's steps after
 * the decision (决议公开, 实施, 实施结果公开, 归档). */
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "base/text.h"
#include "ops_int.h"

int ops_proposal_new(struct store *st, struct proposal *p,
                     const struct proposer *pp, int n, char *err, size_t errlen)
{
	struct transition_req rq = { .step = STEP_NONE, .status = PST_ACTIVE,
	                             .action = ACT_PROPOSE };
	char day[11];
	int ns, nst, rc;

	/* 提议日期: today unless the clerk enters an earlier one from paper */
	ys_trim(p->proposed_on);
	today(day);
	if (!p->proposed_on[0])
		snprintf(p->proposed_on, sizeof p->proposed_on, "%s", day);
	if (ys_parse_date(p->proposed_on, NULL) != 0)
		return ys_err(err, errlen, "提议日期“%s”无效，格式应为 2026-11-22。", p->proposed_on);
	if (date_past_check("提议日期", p->proposed_on, day, err, errlen) != 0)
		return -1;
	ys_trim(p->title);
	if (!p->title[0])
		return ys_err(err, errlen, "请填写议题标题。");
	if (text_chars(p->title) > TITLE_MAX_CHARS)
		return ys_err(err, errlen, "议题标题不能超过 %d 个字（现有 %zu 个字）。",
		            TITLE_MAX_CHARS, text_chars(p->title));
	if (!ys_has_text(p->content))
		return ys_err(err, errlen, "请填写议题内容。");
	if (!pp || n < 1)
		return ys_err(err, errlen, "议题至少要有一位提议人。");
	for (int i = 0; i < n; i++)
		if (!ys_has_text(pp[i].name))
			return ys_err(err, errlen, "第 %d 位提议人没有姓名。", i + 1);
	if (proc_apply(&rq, &ns, &nst, err, errlen) != 0)
		return -1;

	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = store_proposal_add(st, p, pp, n) != 0 ? store_fail(st, err, errlen) : 0;
	return op_end(st, rc, err, errlen);
}

/* one transition outside a meeting, checked by proc_apply against the
 * proposal as it is in the transaction */
static int transition(struct store *st, const char *pid, int action, const char *reason,
                      char *err, size_t errlen)
{
	struct proposal p;
	struct transition_req rq = { .action = action, .reason = reason };
	int rc;

	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_proposal(st, pid, &p, err, errlen);
	if (rc == 0)
		rc = step_proposal(st, &p, &rq, err, errlen);
	proposal_clear(&p);
	return op_end(st, rc, err, errlen);
}

int ops_proposal_withdraw(struct store *st, const char *pid, const char *reason,
                          char *err, size_t errlen)
{
	return transition(st, pid, ACT_WITHDRAW, reason, err, errlen);
}

/* The clerk's steps after the decision, one per completed step:
 *   决议 -> 决议公开     writes the decision notice (default posting period)
 *   决议公开 -> 实施     needs the responsible person and the deadline
 *   实施 -> 实施结果公开 writes the result notice from the progress entries
 *   实施结果公开 -> 归档
 * Which one comes next, or why none can, is proposal_check's answer (the
 * same the board asks before it opens a dialog). */
int ops_proposal_advance(struct store *st, const char *pid, char *err, size_t errlen)
{
	struct proposal p;
	struct notice n;
	struct impl im;
	int action = 0, rc;

	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_proposal(st, pid, &p, err, errlen);
	if (rc == 0)
		rc = proposal_check(st, &p, OPP_ADVANCE, &action, err, errlen);
	if (rc == 0 && (action == ACT_PUBLISH || action == ACT_PUBLISH_RESULT)) {
		/* the notice and its transition, written together */
		memset(&n, 0, sizeof n);
		rc = notice_write(st, &p, action == ACT_PUBLISH ? NK_DECISION : NK_RESULT, 0,
		                  &n, err, errlen);
		notice_clear(&n);
	} else if (rc == 0) {
		struct transition_req rq = { .action = action };
		if (action == ACT_IMPLEMENT) {
			rc = store_impl_get(st, p.id, &im);
			if (rc < 0)
				rc = store_fail(st, err, errlen);
			else if (rc == 1 || !im.responsible[0] || !im.deadline[0])
				rc = ys_err(err, errlen, "请先确定实施责任人和完成时限，再进入实施。");
		}
		if (rc == 0)
			rc = step_proposal(st, &p, &rq, err, errlen);
	}
	proposal_clear(&p);
	return op_end(st, rc, err, errlen);
}
