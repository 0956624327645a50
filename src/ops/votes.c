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
	int rc, nb = 0;

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
	}
	/* counts within those present, the result and its sentence: the model's */
	if (rc == 0 && rule_evaluate(&v.rule, &v.t, kind_label(ms.m.kind), &res, err, errlen) != 0)
		rc = -1;
	if (rc == 0) {
		snprintf(v.meeting_id, sizeof v.meeting_id, "%s", ms.m.id);
		snprintf(v.agenda_id, sizeof v.agenda_id, "%s", a.id);
		v.method = rq->method;
		v.quorum_ok = res.quorum_ok;
		v.passed = res.passed;
		snprintf(v.sentence, sizeof v.sentence, "%s", res.sentence);
		if (store_vote_add(st, &v, ballots, nb) != 0)
			rc = store_fail(st, err, errlen);
	}
	/* a corrected tally is a change of the record: into the change log */
	if (rc == 0 && v.correction) {
		struct vote was;
		char field[300], before[96], after[96];
		if (store_vote_get(st, v.supersedes, &was) != 0)
			rc = store_fail(st, err, errlen);
		snprintf(field, sizeof field, "计票更正：第 %d 项议程 %s", a.seq,
		         a.proposal_number[0] ? a.proposal_number : a.title);
		snprintf(before, sizeof before, "赞成 %d 反对 %d 弃权 %d", was.t.yes, was.t.no,
		         was.t.abstain);
		snprintf(after, sizeof after, "赞成 %d 反对 %d 弃权 %d", v.t.yes, v.t.no, v.t.abstain);
		if (rc == 0 && store_log(st, "meeting", ms.m.id, field, before, after, v.reason) != 0)
			rc = store_fail(st, err, errlen);
	}
	free(ballots);
	agenda_clear(&a);
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
