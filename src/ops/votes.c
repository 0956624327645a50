/* votes.c: taking a vote on an agenda item (with its snapshot), and
 * closing the item: forwarding the proposal after a passed vote, 退回,
 * 不予采纳, 撤回, or noting the opinions heard. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "ops_int.h"

/* a ballot with the voter's number in the roster: the record keeps them in
 * roster order, the order the minutes print the names in */
struct numbered_ballot {
	int no;
	struct ballot b;
};

static int ballot_cmp(const void *a, const void *b)
{
	const struct numbered_ballot *x = a, *y = b;
	if (x->no != y->no)
		return x->no < y->no ? -1 : 1;
	return strcmp(x->b.person_id, y->b.person_id);
}

/* Roll call: one ballot per present, entitled person, nobody twice; the
 * counts are derived from the ballots so they cannot disagree.  The copy
 * in *out gets the names from the attendance sheet. */
static int rollcall_ballots(struct store *st, const char *mid, const struct vote_req *rq,
                            int present, struct tally *t, struct ballot **out,
                            char *err, size_t errlen)
{
	struct ballot *b;
	struct numbered_ballot *nb;

	if (!rq->ballots || rq->nballots != present)
		return ys_err(err, errlen, "记名表决须为每位出席人员记录一票：实到 %d 人，"
		            "记录了 %d 票。", present, rq->ballots ? rq->nballots : 0);
	b = xcalloc((size_t)present + 1, sizeof *b);
	nb = xcalloc((size_t)present + 1, sizeof *nb);
	if (present > 0)
		memcpy(b, rq->ballots, (size_t)present * sizeof *b);
	for (int i = 0; i < present; i++) {
		struct attendance a;
		int rc = store_attendance_get(st, mid, b[i].person_id, &a);
		if (rc < 0) {
			free(b);
			free(nb);
			return store_fail(st, err, errlen);
		}
		if (rc == 1 || a.status != ATT_PRESENT || !a.entitled) {
			free(b);
			free(nb);
			return ys_err(err, errlen, "第 %d 票：%s不是本次会议的出席人员，不能表决。",
			            i + 1, rc == 1 ? "此人" : a.name);
		}
		if (b[i].choice < CH_NONE || b[i].choice > CH_ABSTAIN) {
			free(b);
			free(nb);
			return ys_err(err, errlen, "%s的表决意见无效。", a.name);
		}
		snprintf(b[i].name, sizeof b[i].name, "%s", a.name);
		nb[i].no = a.person_no;
		switch (b[i].choice) {
		case CH_YES:     t->yes++; break;
		case CH_NO:      t->no++; break;
		case CH_ABSTAIN: t->abstain++; break;
		default:         break;
		}
	}
	for (int i = 0; i < present; i++)
		nb[i].b = b[i];
	qsort(nb, (size_t)present, sizeof *nb, ballot_cmp);
	for (int i = 0; i < present; i++)
		b[i] = nb[i].b;
	free(nb);
	for (int i = 1; i < present; i++) {
		if (strcmp(b[i].person_id, b[i - 1].person_id) == 0) {
			ys_err(err, errlen, "%s记录了两票。", b[i].name);
			free(b);
			return -1;
		}
	}
	*out = b;
	return 0;
}

/* ---- a secret ballot's tellers and the two clerks' entries ------------------ */

int ops_vote_counts(const struct vote_req *rq, int *vals, const char **labels)
{
	static const char *const secret[] = { "发出", "收回", "有效", "无效", "同意", "不同意", "弃权" };
	static const char *const hands[] = { "赞成", "反对", "弃权" };

	if (rq->method == VM_SECRET) {
		const int v[] = { rq->bc.issued, rq->bc.returned, rq->bc.valid, rq->bc.invalid,
		                  rq->yes, rq->no, rq->abstain };
		for (int i = 0; i < 7; i++) {
			vals[i] = v[i];
			labels[i] = secret[i];
		}
		return 7;
	}
	vals[0] = rq->yes;
	vals[1] = rq->no;
	vals[2] = rq->abstain;
	for (int i = 0; i < 3; i++)
		labels[i] = hands[i];
	return 3;
}

/* 两人计票: both entries the same, or nothing is saved */
static int double_entry(struct store *st, const struct vote_req *rq, char *err, size_t errlen)
{
	int a[VOTE_COUNTS], b[VOTE_COUNTS], n;
	const char *la[VOTE_COUNTS], *lb[VOTE_COUNTS];
	char diff[512];

	if (rq->method == VM_ROLLCALL || rq->check_only || !ops_setting_int(st, "tally_double_entry"))
		return 0;
	if (!rq->second)
		return ys_err(err, errlen, "已设置两人计票：票数须由两名工作人员各录入一遍。");
	n = ops_vote_counts(rq, a, la);
	struct vote_req second = *rq->second;
	second.method = rq->method;
	ops_vote_counts(&second, b, lb);
	if (counts_differ(la, a, b, n, diff, sizeof diff) == 0)
		return 0;
	return ys_err(err, errlen, "两遍录入不一致，都没有保存。%s。请两人重新清点后再各录一遍。", diff);
}

/* 监票人 and 计票人 of a secret ballot: checked, with their names from the
 * attendance sheet, into out (at most max); a correction with none given
 * keeps those of the tally it corrects.  The count, or -1. */
static int tellers_of(struct store *st, const struct meeting_state *ms, const struct agenda_item *a,
                      const struct vote_req *rq, struct teller *out, int max,
                      char *err, size_t errlen)
{
	struct proposer pp[32];
	int npp = 0, n = rq->ntellers, has[3] = { 0 };

	if (rq->method != VM_SECRET) {
		if (rq->ntellers > 0)
			return ys_err(err, errlen, "只有无记名投票设监票人、计票人。");
		return 0;
	}
	if (n == 0 && rq->correction && opt(rq->supersedes)) {
		n = store_tellers(st, rq->supersedes, out, max);
		return n < 0 ? store_fail(st, err, errlen) : n;
	}
	if (n > max)
		return ys_err(err, errlen, "监票人、计票人合计不能超过 %d 人。", max);
	if (a->proposal_id[0]) {
		npp = store_proposal_proposers(st, a->proposal_id, pp, (int)YS_ARRAY_LEN(pp));
		if (npp < 0)
			return store_fail(st, err, errlen);
	}
	for (int i = 0; i < n; i++) {
		const struct teller *t = &rq->tellers[i];
		struct attendance at;
		int rc;

		if (t->role != TELLER_SCRUTINEER && t->role != TELLER_COUNTER)
			return ys_err(err, errlen, "监票、计票人的职责不对。");
		rc = store_attendance_get(st, ms->m.id, t->person_id, &at);
		if (rc < 0)
			return store_fail(st, err, errlen);
		if (rc == 1 || (at.status != ATT_PRESENT && at.status != ATT_OBSERVER))
			return ys_err(err, errlen, "%s没有出席本次会议，不能担任%s；监票人、计票人从出席、"
			              "列席的人员中推选。", rc == 1 ? (t->name[0] ? t->name : "此人") : at.name,
			              teller_role_name(t->role));
		for (int j = 0; j < npp; j++)
			if (pp[j].person_id[0] && strcmp(pp[j].person_id, t->person_id) == 0)
				return ys_err(err, errlen, "%s是本议题的提议人，不能担任%s。", at.name,
				              teller_role_name(t->role));
		for (int j = 0; j < i; j++)
			if (strcmp(out[j].person_id, t->person_id) == 0)
				return ys_err(err, errlen, out[j].role == t->role
				              ? "%s被选了两次。" : "%s不能同时担任监票人和计票人。", at.name);
		out[i] = *t;
		snprintf(out[i].name, sizeof out[i].name, "%s", at.name);
		has[t->role] = 1;
	}
	if (!has[TELLER_SCRUTINEER] || !has[TELLER_COUNTER])
		return ys_err(err, errlen, "无记名投票须推选监票人和计票人（各至少一人），从出席人员中选，"
		              "提议人不能担任。");
	return n;
}

/* the counts of a stored vote in a line: 「赞成 6 反对 0 弃权 1」, for a
 * counted secret ballot 「发出 9 收回 9 有效 9 无效 0，同意 6 不同意 2 弃权 1」 */
static void vote_counts_text(const struct vote *v, char *buf, size_t len)
{
	if (v->method == VM_SECRET && v->bc.issued >= 0 && v->voided)
		snprintf(buf, len, "发出 %d 收回 %d（无效的一轮）", v->bc.issued, v->bc.returned);
	else if (v->method == VM_SECRET && v->bc.issued >= 0)
		snprintf(buf, len, "发出 %d 收回 %d 有效 %d 无效 %d，同意 %d 不同意 %d 弃权 %d",
		         v->bc.issued, v->bc.returned, v->bc.valid, v->bc.invalid, v->t.yes, v->t.no,
		         v->t.abstain);
	else
		snprintf(buf, len, "赞成 %d 反对 %d 弃权 %d", v->t.yes, v->t.no, v->t.abstain);
}

/* a recount corrects the latest vote and says why */
static int recount_of(struct store *st, const char *agenda_id, const struct vote_req *rq,
                      struct vote *v, char *err, size_t errlen)
{
	struct vote prev;
	int rc;

	if (!opt(rq->supersedes))
		return rq->correction ? ys_err(err, errlen, "还没有表决，无可更正。") : 0;
	if (!ys_has_text(rq->reason))
		return ys_err(err, errlen, rq->correction ? "计票更正须说明理由。" : "复核表决须说明理由。");
	rc = store_vote_latest(st, agenda_id, &prev);
	if (rc == 1 || (rc == 0 && strcmp(prev.id, rq->supersedes) != 0))
		return ys_err(err, errlen, "只能复核该议程最近一次的表决。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	if (rq->correction && (prev.method != rq->method || rq->method == VM_ROLLCALL))
		return ys_err(err, errlen, prev.method == VM_ROLLCALL || rq->method == VM_ROLLCALL
		              ? "记名表决的票数由每人的意见得出，不能更正票数；请再次表决。"
		              : "计票更正不能改变表决方式；请再次表决。");
	if (ys_strlcpy(v->supersedes, rq->supersedes, sizeof v->supersedes) != 0 ||
	    ys_strlcpy(v->reason, rq->reason, sizeof v->reason) != 0)
		return ys_err(err, errlen, "复核理由过长。");
	v->correction = rq->correction ? 1 : 0;
	return 0;
}

int ops_vote(struct store *st, const char *mid, const char *agenda_id,
             const struct vote_req *rq, struct vote *out, char *err, size_t errlen)
{
	struct meeting_state ms;
	struct agenda_item a;
	struct vote v;
	struct vote_result res;
	struct ballot *ballots = NULL;
	struct teller tellers[16];
	int rc, nb = 0, nt = 0;

	if (rq->method < VM_HANDS || rq->method > VM_ROLLCALL)
		return ys_err(err, errlen, "表决方式无效。");
	if (rq->method != VM_ROLLCALL && (rq->ballots || rq->nballots != 0))
		return ys_err(err, errlen, rq->method == VM_SECRET
		              ? "无记名投票只记票数，不记录个人的选择。"
		              : "举手表决只记票数，不记录个人的选择。");
	memset(&v, 0, sizeof v);
	memset(&a, 0, sizeof a);
	if (op_begin(st, err, errlen) != 0)
		return -1;
	/* the state, the item and the quorum as they are now, in the
	 * transaction that writes the vote */
	rc = ops_meeting_state(st, mid, &ms, err, errlen);
	if (rc == 0) {
		/* the meeting first (signed, not in session), then the item;
		 * the quorum is asked with the item */
		int r = ops_meeting_check(&ms, NULL, OPM_VOTE, err, errlen);
		if (r != OPR_OK && r != OPR_NO_QUORUM)
			rc = -1;
	}
	if (rc == 0)
		rc = load_agenda(st, ms.m.id, agenda_id, &a, err, errlen);
	if (rc == 0 && ops_meeting_check(&ms, &a, OPM_VOTE, err, errlen) != OPR_OK)
		rc = -1;
	if (rc == 0)
		rc = meeting_time(&ms, MOM_VOTE, rq->at, v.at, err, errlen);
	if (rc == 0)
		rc = recount_of(st, a.id, rq, &v, err, errlen);
	if (rc == 0)
		rc = double_entry(st, rq, err, errlen);
	if (rc == 0 && (nt = tellers_of(st, &ms, &a, rq, tellers, (int)YS_ARRAY_LEN(tellers),
	                                err, errlen)) < 0)
		rc = -1;
	if (rc == 0 && store_rule_get(st, ms.m.rule_id, &v.rule) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		/* the snapshot: who is entitled and present now, and the rule */
		v.t.entitled = ms.q.c.entitled;
		v.t.present = ms.q.c.present;
		if (rq->method == VM_ROLLCALL) {
			rc = rollcall_ballots(st, ms.m.id, rq, ms.q.c.present, &v.t, &ballots,
			                      err, errlen);
			nb = ms.q.c.present;
		} else {
			v.t.yes = rq->yes;
			v.t.no = rq->no;
			v.t.abstain = rq->abstain;
		}
		v.bc = (struct ballot_count){ -1, -1, -1, -1 };
	}
	/* a secret ballot: the paper count adds up, or the round is void */
	if (rc == 0 && rq->method == VM_SECRET) {
		int c = ballot_count_check(&rq->bc, &v.t, err, errlen);
		if (c < 0) {
			rc = -1;
		} else if (c == 1) {
			v.voided = 1;
			v.bc = (struct ballot_count){ rq->bc.issued, rq->bc.returned, -1, -1 };
			v.t.yes = v.t.no = v.t.abstain = 0;
		} else {
			v.bc = rq->bc;
		}
	}
	/* counts within those present, the result and its sentence: the model's */
	if (rc == 0 && rule_evaluate_as(&v.rule, &v.t, kind_label(ms.m.kind),
	                                rq->method == VM_SECRET ? "同意" : NULL, &res,
	                                err, errlen) != 0)
		rc = -1;
	if (rc == 0) {
		snprintf(v.meeting_id, sizeof v.meeting_id, "%s", ms.m.id);
		snprintf(v.agenda_id, sizeof v.agenda_id, "%s", a.id);
		v.method = rq->method;
		v.quorum_ok = res.quorum_ok;
		v.passed = res.passed && !v.voided;
		if (v.method == VM_SECRET) {
			/* the count first, then what the rule makes of it */
			char count[320];
			ballot_count_sentence(&v.bc, &v.t, count, sizeof count);
			if (ys_snprintf(v.sentence, sizeof v.sentence, "%s%s", count,
			                v.voided ? "" : res.sentence) != 0)
				rc = ys_err(err, errlen, "表决结果说明过长。");
		} else {
			snprintf(v.sentence, sizeof v.sentence, "%s", res.sentence);
		}
		if (rc == 0 && !rq->check_only && (store_vote_add(st, &v, ballots, nb) != 0 ||
		    (nt > 0 && store_tellers_add(st, v.id, tellers, nt) != 0)))
			rc = store_fail(st, err, errlen);
	}
	/* a corrected tally is a change of the record: into the change log */
	if (rc == 0 && v.correction && !rq->check_only) {
		struct vote was;
		char field[300], before[200], after[200];
		if (store_vote_get(st, v.supersedes, &was) != 0)
			rc = store_fail(st, err, errlen);
		snprintf(field, sizeof field, "计票更正：第 %d 项议程 %s", a.seq,
		         a.proposal_number[0] ? a.proposal_number : a.title);
		vote_counts_text(&was, before, sizeof before);
		vote_counts_text(&v, after, sizeof after);
		if (rc == 0 && store_log(st, "meeting", ms.m.id, field, before, after, v.reason) != 0)
			rc = store_fail(st, err, errlen);
	}
	free(ballots);
	agenda_clear(&a);
	if (rq->check_only) {
		/* everything checked, nothing written */
		op_end(st, -1, err, errlen);
		return rc;
	}
	rc = op_end(st, rc, err, errlen);
	if (rc == 0 && out)
		*out = v;
	return rc;
}

/* ---- closing an agenda item ------------------------------------------------ */

/* outcome -> the action on the proposal, and how the minute line says it
 * (NULL: no minute line, the vote and its sentence are the record) */
static const struct {
	int outcome, action;
	const char *minute;
} outcome_table[] = {
	{ OC_FORWARD,  ACT_FORWARD,  NULL },
	{ OC_RETURN,   ACT_RETURN,   "退回至" },
	{ OC_REJECT,   ACT_REJECT,   "不予采纳" },
	{ OC_WITHDRAW, ACT_WITHDRAW, "撤回" },
	{ OC_NOTED,    0,            NULL },
};

/* whether the outcome fits the item: 0, or -1 with the refusal; for a
 * proposal the transition it makes in *ns / *nst */
static int outcome_check(const struct meeting_state *ms, const struct agenda_item *a,
                         const struct proposal *p, const struct close_req *rq, int action,
                         int passed, int probe, int *ns, int *nst, char *err, size_t errlen)
{
	const struct meeting_kind_def *k = meeting_kind_get(ms->m.kind);
	int allowed[5], n = ops_item_outcomes(ms, a, allowed), ok = 0;

	if (rq->outcome == OC_NOTED && a->proposal_id[0] && k && k->performs_step != 0)
		return ys_err(err, errlen, "议题在%s上须通过、退回、不予采纳或撤回；"
		              "“已听取意见”只用于议事协商会和其他议题。", k->name);
	if (!a->proposal_id[0]) {
		/* a free item (临时议程) has no proposal to move: it can be
		 * noted, passed by a vote or not adopted */
		if (rq->outcome == OC_FORWARD && !passed)
			return ys_err(err, errlen, "表决未通过（或尚未表决），不能作出通过的结论。");
		if (rq->outcome == OC_RETURN || rq->outcome == OC_WITHDRAW)
			return ys_err(err, errlen, "临时议程没有对应的议题，不能%s。",
			              rq->outcome == OC_RETURN ? "退回" : "撤回");
		if (rq->outcome == OC_REJECT && !probe && !ys_has_text(rq->reason))
			return ys_err(err, errlen, "不予采纳须写明理由。");
		return 0;
	}
	for (int i = 0; i < n; i++)
		ok |= allowed[i] == rq->outcome;
	if (action != 0) {
		struct transition_req tr = {
			.step = p->step, .status = p->status, .action = action,
			.meeting_kind = ms->m.kind, .to_step = rq->to_step,
			.vote_passed = passed, .reason = rq->reason, .probe = probe,
		};
		return proc_apply(&tr, ns, nst, err, errlen);
	}
	return ok ? 0 : ys_err(err, errlen, "这项议程不能作出这个结论。");
}

/* what closing an item reads, in the caller's transaction or outside one */
struct closing {
	struct meeting_state ms;
	struct agenda_item a;
	struct proposal p;
	struct vote v;
	int has_vote, passed, action, ns, nst;
	const char *verb;
	int stale;               /* the proposal moved after its vote */
	char stale_why[300];
};

static int closing_load(struct store *st, const char *mid, const char *agenda_id,
                        const struct close_req *rq, int probe, struct closing *c,
                        char *err, size_t errlen)
{
	int rc;

	memset(c, 0, sizeof *c);
	c->action = -1;
	for (size_t i = 0; i < YS_ARRAY_LEN(outcome_table); i++) {
		if (outcome_table[i].outcome == rq->outcome) {
			c->action = outcome_table[i].action;
			c->verb = outcome_table[i].minute;
		}
	}
	if (c->action < 0)
		return ys_err(err, errlen, "请选择议程的结论。");
	rc = ops_meeting_state(st, mid, &c->ms, err, errlen);
	if (rc == 0 && ops_meeting_check(&c->ms, NULL, OPM_ITEM_CLOSE, err, errlen) != OPR_OK)
		rc = -1;
	if (rc == 0)
		rc = load_agenda(st, c->ms.m.id, agenda_id, &c->a, err, errlen);
	if (rc == 0 && ops_meeting_check(&c->ms, &c->a, OPM_ITEM_CLOSE, err, errlen) != OPR_OK)
		rc = -1;
	if (rc == 0) {
		rc = store_vote_latest(st, c->a.id, &c->v);
		if (rc == 0)
			c->has_vote = 1, c->passed = c->v.quorum_ok && c->v.passed;
		else if (rc == 1)
			rc = 0;
		else
			rc = store_fail(st, err, errlen);
	}
	if (rc == 0 && c->a.proposal_id[0] && c->action != 0)
		rc = load_proposal(st, c->a.proposal_id, &c->p, err, errlen);
	/* a vote counts only for the proposal as it stood when the vote was
	 * taken: moved since (at another meeting, or by hand), it is stale */
	if (rc == 0 && c->has_vote && c->a.proposal_id[0] && c->action != 0) {
		int act, to, moved = store_proposal_moved_after(st, c->a.proposal_id, c->v.created_at,
		                                                &act, &to);
		if (moved < 0)
			rc = store_fail(st, err, errlen);
		else if (moved == 0) {
			c->passed = 0;
			c->stale = 1;
			snprintf(c->stale_why, sizeof c->stale_why, "表决之后议题 %s 已有变动（%s至%s），"
			         "这次表决不能作为依据；请重新表决。", c->p.number, action_name(act),
			         step_long_name(to));
		}
	}
	if (rc == 0 && c->stale && rq->outcome == OC_FORWARD)
		rc = ys_err(err, errlen, "%s", c->stale_why);
	if (rc == 0 && c->a.proposal_id[0] && c->action != 0 &&
	    step_date_ok(st, &c->p, c->ms.m.kind, c->ms.m.date, err, errlen) != 0) {
		char why[512];
		snprintf(why, sizeof why, "%s", err);
		rc = ys_err(err, errlen, "议题 %s %s", c->p.number, why);
	}
	if (rc == 0)
		rc = outcome_check(&c->ms, &c->a, &c->p, rq, c->a.proposal_id[0] ? c->action : 0,
		                   c->passed, probe, &c->ns, &c->nst, err, errlen);
	return rc;
}

static void closing_clear(struct closing *c)
{
	proposal_clear(&c->p);
	agenda_clear(&c->a);
}

int ops_item_close_check(struct store *st, const char *mid, const char *agenda_id,
                         int outcome, char *err, size_t errlen)
{
	struct close_req rq = { .outcome = outcome };
	struct closing c;
	int rc = closing_load(st, mid, agenda_id, &rq, 1, &c, err, errlen);

	closing_clear(&c);
	return rc;
}

int ops_item_close(struct store *st, const char *mid, const char *agenda_id,
                   const struct close_req *rq, char *err, size_t errlen)
{
	struct closing c;
	char *line = NULL, hm[6] = "", at[20] = "";
	int rc;

	if (rq->deadline && rq->deadline[0] && ys_parse_date(rq->deadline, NULL) != 0)
		return ys_err(err, errlen, "时限“%s”无效，格式应为 2026-12-31。", rq->deadline);
	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = closing_load(st, mid, agenda_id, rq, 0, &c, err, errlen);
	/* a 决议 passed is what the public notice announces: it says what was
	 * decided */
	if (rc == 0 && rq->outcome == OC_FORWARD && c.a.proposal_id[0] &&
	    meeting_kind_get(c.ms.m.kind)->performs_step == STEP_RESOLVE && !ys_has_text(rq->decision))
		rc = ys_err(err, errlen, "决议通过须写明决定事项（作为决议公开的决议内容）。");
	/* the item is concluded after its vote, at the meeting's time */
	if (rc == 0)
		rc = meeting_time(&c.ms, MOM_ITEM, rq->at, hm, err, errlen);
	if (rc == 0 && c.has_vote && c.v.at[0] && strcmp(hm, c.v.at) < 0)
		rc = ys_err(err, errlen, "议程结束时间 %s 早于表决时间 %s。", hm, c.v.at);
	if (rc == 0)
		snprintf(at, sizeof at, "%s %s:00", c.ms.m.date, hm);
	if (rc == 0 && c.verb) {
		/* 议题 2026-018 退回至提议：理由 — the exit is part of the minutes */
		const char *subject = c.a.proposal_number[0] ? c.a.proposal_number : c.a.title;
		line = xasprintf("议题 %s %s%s：%s", subject, c.verb,
		                 rq->outcome == OC_RETURN ? step_long_name(rq->to_step) : "",
		                 rq->reason);
	}
	if (rc == 0 && store_agenda_close(st, c.a.id, rq->outcome, opt(rq->reason),
	                                  rq->decision ? rq->decision : "",
	                                  rq->responsible ? rq->responsible : "",
	                                  rq->deadline ? rq->deadline : "", hm) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0 && c.a.proposal_id[0] && c.action != 0 &&
	    store_proposal_transition(st, c.p.id, c.action, c.ns, c.nst, c.ms.m.id, c.a.id,
	                              c.has_vote ? c.v.id : NULL, opt(rq->reason), at) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0 && line) {
		struct minute mi;
		memset(&mi, 0, sizeof mi);
		snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", c.ms.m.id);
		snprintf(mi.speaker_id, sizeof mi.speaker_id, "%s", c.ms.m.clerk_id);
		snprintf(mi.speaker, sizeof mi.speaker, "%s", c.ms.m.clerk_name);
		snprintf(mi.agenda_id, sizeof mi.agenda_id, "%s", c.a.id);
		memcpy(mi.at, hm, sizeof mi.at);
		mi.text = line;
		if (store_minute_add(st, &mi) != 0)
			rc = store_fail(st, err, errlen);
	}
	free(line);
	closing_clear(&c);
	return op_end(st, rc, err, errlen);
}
