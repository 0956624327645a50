/* ops.h: what the clerk does, checked against the procedure (core) and
 * written through the store in one transaction each.  The screens, the
 * command line and the demo loader all go through here, so the procedure
 * is enforced in one place.  Every function returns 0 on success or -1 with
 * a Chinese message in err (nothing written on failure). */
#ifndef YS_OPS_H
#define YS_OPS_H

#include "store/store.h"

/* 提议: title non-empty (<= 60 characters), content non-empty, >= 1 proposer.
 * Fills p->id and p->number. */
int ops_proposal_new(struct store *st, struct proposal *p,
                     const struct proposer *pp, int n, char *err, size_t errlen);
/* 撤回 by the proposer outside a meeting (reason required) */
int ops_proposal_withdraw(struct store *st, const char *pid, const char *reason,
                          char *err, size_t errlen);
/* 决议公开 / 实施 / 实施结果公开 / 归档: the next step after RESOLVE..RESULT */
int ops_proposal_advance(struct store *st, const char *pid, char *err, size_t errlen);

/* Create a meeting of m->kind: date/start time valid, place, chair and clerk
 * named; every proposal in pids must be ACTIVE at the kind's from_step
 * (otherwise: "2026-018 尚未经两委联席会议商议，不能提交党员大会审议" style
 * message).  The rule set is the kind's default unless m->rule_id is set.
 * The meeting starts MS_PLANNED. */
int ops_meeting_new(struct store *st, struct meeting *m,
                    const char *const *pids, int n,
                    const char *const *free_titles, int nfree,
                    char *err, size_t errlen);
int ops_meeting_open(struct store *st, const char *mid, char *err, size_t errlen);
/* closes (散会) with end_time = now; refuses when an agenda item is still
 * open unless force (then they stay 未决) */
int ops_meeting_close(struct store *st, const char *mid, int force,
                      char *err, size_t errlen);

/* sign-in: refused on a closed meeting; ATT_LEAVE needs a reason */
int ops_attend(struct store *st, const char *mid, const char *person_id,
               int status, const char *reason, char *err, size_t errlen);
int ops_observer(struct store *st, const char *mid, const char *person_id,
                 const char *name, char *err, size_t errlen);

/* the quorum meter: counts, and whether the meeting's rule is met, with the
 * sentence (see rule_quorum) */
struct quorum_state {
	struct attendance_counts c;
	int ok;
	long needed;             /* smallest 实到 that meets the quorum */
	char sentence[512];
	char rule_name[96];
};
int ops_quorum(struct store *st, const char *mid, struct quorum_state *q,
               char *err, size_t errlen);

/* minutes: at = now (HH:MM) unless set; refused on a closed meeting; text
 * non-empty */
int ops_minute_add(struct store *st, struct minute *m, char *err, size_t errlen);

/* Take a vote on an agenda item.  Refused when: the meeting is not open
 * (planned or closed), the item is closed, the quorum is not met, the counts
 * exceed those present (tally_check).  For VM_ROLLCALL pass the ballots (one
 * per present person; counts are derived from them); otherwise counts in
 * yes/no/abstain.  A recount (supersedes = previous vote id) needs a reason.
 * The snapshot (entitled, present, counts, rule) is stored with the result
 * and its sentence; *out gets the stored vote. */
struct vote_req {
	int method;
	int yes, no, abstain;
	const struct ballot *ballots;
	int nballots;
	const char *supersedes;
	const char *reason;
};
int ops_vote(struct store *st, const char *mid, const char *agenda_id,
             const struct vote_req *rq, struct vote *out, char *err, size_t errlen);

/* Close an agenda item:
 *   OC_FORWARD  the latest vote passed -> proposal to the kind's performs_step
 *   OC_RETURN   to_step (earlier step) with reason
 *   OC_REJECT   不予采纳 with reason
 *   OC_WITHDRAW 撤回 with reason
 *   OC_NOTED    议事协商会 items (no step change)
 * Each exit is also written into the meeting's minutes as a line by the clerk
 * ("议题 2026-018 退回提议：理由").  decision/responsible/deadline optional. */
struct close_req {
	int outcome;
	int to_step;
	const char *reason;
	const char *decision;
	const char *responsible;
	const char *deadline;
};
int ops_item_close(struct store *st, const char *mid, const char *agenda_id,
                   const struct close_req *rq, char *err, size_t errlen);

/* ---- paper (issue 3) ------------------------------------------------- */
/* 签字确认: seal a closed meeting's minutes (chair and clerk named); from
 * then on every op that would change the meeting, its attendance, minutes,
 * votes or agenda is refused with 「会议记录已签字确认，不能修改；如有错误请
 * 添加更正」.  Fills s. */
int ops_seal(struct store *st, const char *mid, struct seal *s, char *err, size_t errlen);
/* 更正 to sealed minutes: reason and text required */
int ops_addendum(struct store *st, const char *mid, const char *reason, const char *text,
                 char *err, size_t errlen);
/* 决议公开: make the decision notice of a decided proposal (step RESOLVE) and
 * move it to PUBLISH; 实施结果公开: the result notice of a proposal under
 * implementation (IMPLEMENT, with progress entries) and move it to RESULT.
 * The body is written from the meeting, the vote and the decision (or the
 * progress entries); days = posting period (0 = the setting "notice_days",
 * default 7).  Fills n. */
int ops_notice_new(struct store *st, const char *pid, int kind, int days,
                   struct notice *n, char *err, size_t errlen);
/* 实施: set the responsible person and deadline of a published decision and
 * move it to IMPLEMENT */
int ops_implement(struct store *st, const char *pid, const char *responsible,
                  const char *deadline, char *err, size_t errlen);
int ops_progress(struct store *st, const char *pid, const char *text, char *err, size_t errlen);
int ops_objection(struct store *st, const char *notice_id, const char *person,
                  const char *content, char *err, size_t errlen);

/* Added with the implementation of issue 3:
 * an objection's answer (once; refused when already answered) */
int ops_objection_answer(struct store *st, const char *objection_id, const char *answer,
                         char *err, size_t errlen);
/* what a form for 实施 starts with: the impl row when set, else the
 * responsible person and deadline the deciding meeting wrote (either may
 * be ""); im->proposal_id is set.  0 or -1. */
int ops_impl_defaults(struct store *st, const char *pid, struct impl *im,
                      char *err, size_t errlen);
/* edit a minute line (text, time, speaker, agenda item) of a meeting that
 * is not sealed, also after 散会; refused on sealed minutes */
int ops_minute_update(struct store *st, const struct minute *mi, char *err, size_t errlen);
/* 遗留问题 of a meeting that is not sealed ("" clears it) */
int ops_meeting_set_pending(struct store *st, const char *mid, const char *text,
                            char *err, size_t errlen);

/* people: name required (<= 20 characters), phone digits/-/+ only */
int ops_person_save(struct store *st, struct person *p, char *err, size_t errlen);

/* ---- the community and batches ------------------------------------------ */
/* The community's names (name required; 党组织 and 居委会 default to
 * 「中共××委员会」 and 「××居民委员会」); c->id is assigned when empty. */
int ops_community_save(struct store *st, struct community *c, char *err, size_t errlen);
/* Several operations written all or nothing, as one transaction (the demo
 * replays its whole history in one): every ops call between them joins it.
 * ops_batch_end(commit = 0) undoes them all. */
int ops_batch_begin(struct store *st, char *err, size_t errlen);
int ops_batch_end(struct store *st, int commit, char *err, size_t errlen);

/* a setting, e.g. the folder exported to last ("export_dir") or the
 * printer ("printer"); key non-empty, a NULL value is stored as "" */
int ops_setting_set(struct store *st, const char *key, const char *value,
                    char *err, size_t errlen);

#endif
