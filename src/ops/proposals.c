/* proposals.c: 提议, 撤回 outside a meeting, and the clerk's steps after
 * the decision (决议公开, 实施, 实施结果公开, 归档). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/text.h"
#include "ops_int.h"

/* what a proposal must have, new or corrected: 0 or -1 with err */
static int proposal_input(struct proposal *p, const struct proposer *pp, int n,
                          char *err, size_t errlen)
{
	char day[11];

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
	return 0;
}

int ops_proposal_new(struct store *st, struct proposal *p,
                     const struct proposer *pp, int n, char *err, size_t errlen)
{
	struct transition_req rq = { .step = STEP_NONE, .status = PST_ACTIVE,
	                             .action = ACT_PROPOSE };
	int ns, nst, rc;

	if (proposal_input(p, pp, n, err, errlen) != 0)
		return -1;
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
		rc = step_proposal(st, &p, &rq, NULL, err, errlen);
	proposal_clear(&p);
	return op_end(st, rc, err, errlen);
}

/* ---- corrections ------------------------------------------------------- */

int ops_proposal_edit_check(struct store *st, const char *pid, char *why, size_t len)
{
	char number[16];
	int rc = store_proposal_sealed_meeting(st, pid ? pid : "", number);

	if (rc < 0)
		return store_fail(st, why, len);
	if (rc == 1) {
		if (why && len)
			why[0] = '\0';
		return 0;
	}
	ys_err(why, len, "会议 %s 的记录已签字确认，修改议题须作为更正写明理由。", number);
	return 1;
}

/* "张三、李四" of a proposer list */
static void names_of(const struct proposer *pp, int n, struct strbuf *sb)
{
	sb_add(sb, "");
	for (int i = 0; i < n; i++)
		sb_addf(sb, "%s%s", i ? "、" : "", pp[i].name);
}

/* one changed field into the change log */
static int log_field(struct store *st, const char *pid, const char *label, const char *was,
                     const char *now, const char *reason, int *changed, char *err, size_t errlen)
{
	if (strcmp(was ? was : "", now ? now : "") == 0)
		return 0;
	(*changed)++;
	return store_log(st, "proposal", pid, label, was, now, reason) != 0
		? store_fail(st, err, errlen) : 0;
}

int ops_proposal_edit(struct store *st, struct proposal *p, const struct proposer *pp, int n,
                      const char *reason, char *err, size_t errlen)
{
	struct proposal old;
	struct proposer was[17];
	struct pevent *ev = NULL;
	struct strbuf a = { 0 }, b = { 0 };
	char why[256], first[11] = "";
	int nwas, nev, sealed, changed = 0, rc;

	if (proposal_input(p, pp, n, err, errlen) != 0)
		return -1;
	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_proposal(st, p->id, &old, err, errlen);
	if (rc != 0)
		return op_end(st, rc, err, errlen);
	/* after a sealed meeting, only a 更正 with its reason */
	sealed = ops_proposal_edit_check(st, old.id, why, sizeof why);
	if (sealed < 0)
		rc = ys_err(err, errlen, "%s", why);
	else if (sealed && !ys_has_text(reason))
		rc = ys_err(err, errlen, "议题 %s：%s", old.number, why);
	/* the date it was proposed stays before the step that followed */
	nev = rc == 0 ? store_proposal_events_all(st, old.id, &ev) : 0;
	if (nev < 0)
		rc = store_fail(st, err, errlen);
	for (int i = 0; i < nev; i++) {
		if (!first[0] && ev[i].action != ACT_PROPOSE)
			snprintf(first, sizeof first, "%.10s",
			         ev[i].meeting_date[0] ? ev[i].meeting_date : ev[i].at);
		pevent_clear(&ev[i]);
	}
	free(ev);
	if (rc == 0 && first[0] && strcmp(p->proposed_on, first) > 0)
		rc = ys_err(err, errlen, "提议日期 %s 不能晚于后一步的日期 %s。", p->proposed_on, first);
	nwas = rc == 0 ? store_proposal_proposers(st, old.id, was, 17) : 0;
	if (nwas < 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		names_of(was, nwas, &a);
		names_of(pp, n, &b);
	}
	if (rc == 0)
		rc = log_field(st, old.id, "标题", old.title, p->title, reason, &changed, err, errlen);
	if (rc == 0)
		rc = log_field(st, old.id, "提议日期", old.proposed_on, p->proposed_on, reason, &changed,
		               err, errlen);
	if (rc == 0)
		rc = log_field(st, old.id, "内容", old.content, p->content, reason, &changed, err, errlen);
	if (rc == 0)
		rc = log_field(st, old.id, "提议人", a.s, b.s, reason, &changed, err, errlen);
	if (rc == 0)
		rc = log_field(st, old.id, "来源", old.source, p->source, reason, &changed, err, errlen);
	if (rc == 0)
		rc = log_field(st, old.id, "类别", old.category, p->category, reason, &changed, err, errlen);
	if (rc == 0)
		rc = log_field(st, old.id, "网格", old.grid, p->grid, reason, &changed, err, errlen);
	if (rc == 0)
		rc = log_field(st, old.id, "楼栋", old.building, p->building, reason, &changed, err, errlen);
	if (rc == 0 && changed == 0)
		rc = ys_err(err, errlen, "没有改动。");
	if (rc == 0 && store_proposal_update(st, p) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0 && strcmp(a.s, b.s) != 0 && store_proposal_set_proposers(st, old.id, pp, n) != 0)
		rc = store_fail(st, err, errlen);
	sb_free(&a);
	sb_free(&b);
	proposal_clear(&old);
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
		struct notice_req rq = { .kind = action == ACT_PUBLISH ? NK_DECISION : NK_RESULT };
		memset(&n, 0, sizeof n);
		rc = notice_write(st, &p, &rq, &n, err, errlen);
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
			rc = step_proposal(st, &p, &rq, NULL, err, errlen);
	}
	proposal_clear(&p);
	return op_end(st, rc, err, errlen);
}
