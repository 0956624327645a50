/* ops.h: what the clerk does, checked against the procedure (model/) and
 * written through the store in one transaction each.  The screens, the
 * command line and the demo loader all write through here, so every rule
 * has one owner: each check runs inside the transaction that writes,
 * against the state read in it.  The screens ask the same checks before
 * they open a dialog (ops_meeting_check, ops_proposal_can) and never keep
 * a copy of a rule.
 *
 * Every function returns 0 on success or -1 with a Chinese message in err
 * (nothing written on failure). */
#ifndef YS_OPS_H
#define YS_OPS_H

#include "model/timeline.h"
#include "store/store.h"

/* ---- proposals ------------------------------------------------------------ */

/* 提议: title non-empty (<= 60 characters), content non-empty, >= 1 proposer.
 * Fills p->id and p->number. */
int ops_proposal_new(struct store *st, struct proposal *p,
                     const struct proposer *pp, int n, char *err, size_t errlen);
/* 修改议题: title, content, 提议日期, proposers, source, category, grid and
 * building, checked as for a new one (p->id names it); freely until the
 * first meeting that handled it is sealed, after that only as a 更正 with
 * a reason.  Every changed field goes into the change log with its old and
 * new value and the reason; "没有改动" when nothing changed. */
int ops_proposal_edit(struct store *st, struct proposal *p, const struct proposer *pp, int n,
                      const char *reason, char *err, size_t errlen);
/* whether an edit now is a 更正: 0 free, 1 a reason is needed (why says
 * which sealed meeting), -1 error (why) */
int ops_proposal_edit_check(struct store *st, const char *pid, char *why, size_t len);
/* 撤回 by the proposer outside a meeting (reason required) */
int ops_proposal_withdraw(struct store *st, const char *pid, const char *reason,
                          char *err, size_t errlen);
/* 决议公开 / 实施 / 实施结果公开 / 归档: the next step after RESOLVE..RESULT */
int ops_proposal_advance(struct store *st, const char *pid, char *err, size_t errlen);

/* What the clerk may do to a proposal outside a meeting, as the screens
 * ask it before opening a dialog.  ops_proposal_can() answers with the
 * same check the operation itself makes: 0 when allowed (for OPP_ADVANCE
 * *action gets the transition the advance would make: ACT_PUBLISH,
 * ACT_IMPLEMENT, ACT_PUBLISH_RESULT or ACT_ARCHIVE; action may be NULL),
 * -1 with the refusal in err. */
enum ops_proposal_op {
	OPP_WITHDRAW = 1,        /* 撤回 (the reason is asked afterwards) */
	OPP_ADVANCE,             /* 推进: the clerk's next step after the decision */
	OPP_PROGRESS,            /* 登记实施进展 */
};
int ops_proposal_can(struct store *st, const char *pid, int opp, int *action,
                     char *err, size_t errlen);

/* ---- meetings ------------------------------------------------------------- */

/* Create a meeting of m->kind: date/start time valid, place, chair and clerk
 * named; every proposal in pids must be ACTIVE at the kind's from_step
 * (otherwise: "2026-018 尚未经两委联席会议商议，不能提交党员大会审议" style
 * message).  The rule set is the kind's default unless m->rule_id is set.
 * The meeting starts MS_PLANNED. */
int ops_meeting_new(struct store *st, struct meeting *m,
                    const char *const *pids, int n,
                    const char *const *free_titles, int nfree,
                    char *err, size_t errlen);
/* the name a meeting gets when the clerk leaves it empty: 「2026年第3次两委
 * 联席会议」, the next of its kind in its year (a meeting entered out of
 * order still gets a number of its own; cancelled ones are not counted);
 * 0, or -1 (a date that is not one) */
int ops_meeting_default_title(struct store *st, int kind, const char *date,
                              char *out, size_t len);
/* Corrections before the record is signed, each in the change log with its
 * old and new value:
 *   ops_meeting_edit      the header (title, date, start, place, chair and
 *                         post, clerk), until sealed; a date that keeps the
 *                         agenda's steps in order, not in the future once
 *                         the meeting was held; reason optional
 *   ops_meeting_postpone  a meeting not begun, to a new date and start,
 *                         reason required; it keeps its number and agenda
 *                         and is listed as 已延期 (the first date kept)
 *   ops_meeting_cancel    a meeting not begun, reason required; it stays in
 *                         the list as 已取消 and its proposals may go on
 *                         another meeting's agenda
 *   ops_meeting_delete    a meeting never opened, with its sheet and agenda */
int ops_meeting_edit(struct store *st, struct meeting *m, const char *reason,
                     char *err, size_t errlen);
int ops_meeting_postpone(struct store *st, const char *mid, const char *date,
                         const char *start_time, const char *reason, char *err, size_t errlen);
int ops_meeting_cancel(struct store *st, const char *mid, const char *reason,
                       char *err, size_t errlen);
int ops_meeting_delete(struct store *st, const char *mid, char *err, size_t errlen);
/* what a clerk should know about a meeting before it is held, never a
 * refusal: a meeting set sooner than its kind is to be noticed
 * (ops_notice_ahead_warn); for a 党员大会, a proposal whose materials reach the Party members
 * later than the setting "material_days" before the meeting.  1 with the
 * warning in warn, 0 when there is none, -1 on error. */
int ops_meeting_warnings(struct store *st, const char *mid, char *warn, size_t len);
/* 宣布开会 at the actual start `at` (HH:MM, "" = the offer: the clock for
 * a meeting held now, else the planned start); refused before the
 * meeting's date, and for a meeting postponed or cancelled */
int ops_meeting_open(struct store *st, const char *mid, const char *at,
                     char *err, size_t errlen);
/* 散会 at `at` (the actual end, "" = the offer), not before anything
 * recorded at the meeting; refuses when an agenda item is still open
 * unless force (then they stay 未决) */
int ops_meeting_close(struct store *st, const char *mid, int force, const char *at,
                      char *err, size_t errlen);
/* 遗留问题 of a meeting that is not sealed ("" clears it) */
int ops_meeting_set_pending(struct store *st, const char *mid, const char *text,
                            char *err, size_t errlen);

/* the quorum meter: counts, and whether the meeting's rule is met, with the
 * sentence (see rule_quorum) */
struct quorum_state {
	struct attendance_counts c;
	int ok;
	long needed;             /* smallest 实到 that meets the quorum */
	int none;                /* the rule sets no quorum (议事协商会) */
	char sentence[512];
	char rule_name[96];
};
int ops_quorum(struct store *st, const char *mid, struct quorum_state *q,
               char *err, size_t errlen);

/* What the clerk does at a meeting, with its prerequisites in one table
 * (ops/can.c).  Every operation below checks its own row inside its
 * transaction; a screen reads the state once (ops_meeting_state) and asks
 * ops_meeting_check() for each key, so that the hint bar offers, and the
 * key refuses, exactly what the operation would. */
enum ops_meeting_op {
	OPM_OPEN = 1,            /* 宣布开会 */
	OPM_SIGN,                /* 签到、缺席 */
	OPM_LEAVE,               /* 请假 (also before the meeting's day), and undoing it */
	OPM_OBSERVER,            /* 登记列席 */
	OPM_MINUTE,              /* 记录发言 */
	OPM_MINUTE_EDIT,         /* 修改一条记录（散会后、签字前也可以） */
	OPM_VOTE,                /* 表决 (an agenda item) */
	OPM_ITEM_CLOSE,          /* 对议程作出结论 (an agenda item) */
	OPM_CLOSE,               /* 散会 */
	OPM_PENDING,             /* 遗留问题 */
	OPM_SEAL,                /* 签字确认 */
	OPM_ADDENDUM,            /* 更正 */
	OPM_EDIT,                /* 修改会议名称、日期、地点、主持、记录 */
	OPM_POSTPONE,            /* 延期 */
	OPM_CANCEL,              /* 取消 */
	OPM_DELETE,              /* 删除从未召开的会议 */
};
/* why an operation is refused, so that a screen can add its key to the
 * message (「……请按 e 添加更正」); the message itself is ops' */
enum ops_refusal {
	OPR_OK = 0,
	OPR_SEALED,              /* signed: only an addendum */
	OPR_NOT_SEALED,          /* an addendum to minutes not signed yet */
	OPR_NOT_STARTED,         /* the meeting has not begun */
	OPR_STARTED,             /* it has begun already */
	OPR_CLOSED,              /* it is over (散会) */
	OPR_NOT_CLOSED,          /* it is not over yet */
	OPR_ITEM_DONE,           /* the agenda item has its conclusion */
	OPR_NO_QUORUM,           /* 不足法定人数 */
	OPR_NO_CHAIR,            /* no chair or clerk to sign */
	OPR_EARLY,               /* the meeting's date has not come */
	OPR_CANCELLED,           /* 已取消 */
};
struct meeting_state {
	struct meeting m;        /* m.pending is not read (NULL) */
	int sealed;
	struct seal seal;
	struct quorum_state q;
	/* when: the program's today and clock, how the meeting's date stands
	 * to today (enum tense), the latest time recorded at the meeting */
	char today[11], now[6];
	int tense;
	char latest[6];
};
/* read a meeting's state; 0 or -1 (not found, store error) */
int ops_meeting_state(struct store *st, const char *mid, struct meeting_state *ms,
                      char *err, size_t errlen);
/* whether opm may happen now; item is the agenda item it acts on (OPM_VOTE,
 * OPM_ITEM_CLOSE; may be NULL to ask about the meeting only).  Returns
 * OPR_OK, or the refusal with its message in err (err may be NULL). */
int ops_meeting_check(const struct meeting_state *ms, const struct agenda_item *item,
                      int opm, char *err, size_t errlen);
/* The meeting's times (model/timeline.h) as the state read them; whether
 * it is being held now (held today, not over: the clock is offered); and
 * the time offered for the next thing recorded at it — the clock for a
 * meeting held now, else the latest time recorded, else its start.  Every
 * operation below that records something at a time takes the time typed
 * ("" = this offer) and checks it with meeting_time_check(). */
void ops_meeting_times(const struct meeting_state *ms, struct meeting_times *mt);
int ops_meeting_live(const struct meeting_state *ms);
void ops_meeting_offer(const struct meeting_state *ms, char out[6]);

/* ---- attendance and minutes ------------------------------------------------ */

/* sign-in: refused on a closed meeting; ATT_LEAVE needs a reason; at is
 * the time of a sign-in (ATT_PRESENT; "" = the offer) */
int ops_attend(struct store *st, const char *mid, const char *person_id,
               int status, const char *reason, const char *at, char *err, size_t errlen);
int ops_observer(struct store *st, const char *mid, const char *person_id,
                 const char *name, char *err, size_t errlen);

/* minutes: at is the time of the speech ("" = the offer), not before the
 * start; refused on a closed meeting; text non-empty */
#define MINUTE_MAX_CHARS 2000 /* characters of one line of the minutes */
int ops_minute_add(struct store *st, struct minute *m, char *err, size_t errlen);
/* edit a minute line (text, time, speaker, agenda item) of a meeting that
 * is not sealed, also after 散会; refused on sealed minutes.  Every
 * correction of the minutes (fix, delete, insert) goes into the meeting's
 * change log with the line before and after, and the reason (optional). */
int ops_minute_update(struct store *st, const struct minute *mi, char *err, size_t errlen);
int ops_minute_fix(struct store *st, const struct minute *mi, const char *reason,
                   char *err, size_t errlen);
/* take a line out (those after it move up one) */
int ops_minute_delete(struct store *st, const char *mid, const char *minute_id,
                      const char *reason, char *err, size_t errlen);
/* put a line in before line `before` (0 = at the end): a speech left out
 * when the paper was typed in; at = its time ("" = the offer) */
int ops_minute_insert(struct store *st, struct minute *mi, int before, const char *reason,
                      char *err, size_t errlen);

/* ---- votes and conclusions ---------------------------------------------------- */

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
	const char *at;          /* when it was taken, HH:MM ("" = the offer) */
	/* 1: not a new vote but the correction of a mistyped tally of
	 * supersedes (the latest), before the item is concluded; printed as
	 * the final tally with the one it corrects, never as another round.
	 * A show of hands or a secret ballot; a roll call is voted again. */
	int correction;
	/* 无记名投票: the paper count (发出, 收回, 有效, 无效; yes/no/abstain
	 * are 同意/不同意/弃权 of the valid ballots), refused unless it adds
	 * up (ballot_count_check); more returned than issued records the
	 * round as void.  Its 监票人 and 计票人 (at least one of each, from
	 * those present or attending, not the item's proposer, nobody
	 * twice; a correction keeps those of the tally it corrects when
	 * none are given).  Not for a show of hands or a roll call. */
	struct ballot_count bc;
	const struct teller *tellers;
	int ntellers;
	/* 两人计票 (the setting tally_double_entry): the second clerk's entry
	 * of the same counts (yes, no, abstain and bc), typed blind; required
	 * for a show of hands and a secret ballot when the setting is on, and
	 * when it differs nothing is saved and err names each difference */
	const struct vote_req *second;
	/* 1: check everything and write nothing (the first clerk's entry is
	 * checked before the second clerk types; the two-clerk rule is not
	 * asked then) */
	int check_only;
};
/* the counts of a vote_req as the two clerks' entries are compared, with
 * their labels (同意… for a secret ballot, 赞成… for a show of hands);
 * returns how many (at most VOTE_COUNTS) */
#define VOTE_COUNTS 7
int ops_vote_counts(const struct vote_req *rq, int *vals, const char **labels);
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
	const char *at;          /* when it was concluded, HH:MM ("" = the offer) */
};
int ops_item_close(struct store *st, const char *mid, const char *agenda_id,
                   const struct close_req *rq, char *err, size_t errlen);
/* whether the item may be closed with this outcome now, before the clerk
 * is asked for a reason or a target step (a failed vote cannot be
 * forwarded, 提议 has no earlier step to return to …): 0 or -1 */
int ops_item_close_check(struct store *st, const char *mid, const char *agenda_id,
                         int outcome, char *err, size_t errlen);
/* the conclusions the item may take now, in the order a clerk meets them
 * (into out[], at most 5): what the close dialog offers */
int ops_item_outcomes(const struct meeting_state *ms, const struct agenda_item *item,
                      int out[5]);

/* ---- paper: seals, addenda, notices, implementation ---------------------------- */

/* 签字确认: seal a closed meeting's minutes (chair and clerk named); from
 * then on every op that would change the meeting, its attendance, minutes,
 * votes or agenda is refused with 「会议记录已签字确认，不能修改；如有错误请
 * 添加更正」.  Fills s. */
/* signed_at: when they signed, "YYYY-MM-DD HH:MM" ("" = now for a meeting
 * held today, else the meeting's date at its end), not before the end and
 * not in the future */
int ops_seal(struct store *st, const char *mid, const char *signed_at, struct seal *s,
             char *err, size_t errlen);
/* what a seal form starts with: see signed_at above */
void ops_seal_offer(const struct meeting_state *ms, char out[17]);
/* 更正 to sealed minutes: reason and text required */
int ops_addendum(struct store *st, const char *mid, const char *reason, const char *text,
                 char *err, size_t errlen);
/* A notice as the clerk asks for it.  The body is written from the record
 * (the deciding meeting, its vote and decision; for the result notice the
 * progress entries); the clerk adds paragraphs of their own. */
struct notice_req {
	int kind;                /* NK_DECISION (决议公开) or NK_RESULT (实施结果公开) */
	const char *date;        /* 张贴日期 = 成文日期 ("" = ops_notice_offer's);
	                          * not before the decision (the last progress
	                          * entry), at most NOTICE_AHEAD_DAYS ahead */
	int days;                /* 公示天数 (0 = the setting "notice_days") */
	const char *plan;        /* 实施方案 (决议公开) */
	const char *funds;       /* 资金使用情况 (实施结果公开) */
	const char *accept;      /* 验收情况 (实施结果公开) */
	const char *attach;      /* 附件说明, printed after the body */
	const char *reason;      /* 实施结果公开 dated while the decision notice is
	                          * still up: why (required then, recorded) */
};
#define NOTICE_PARA_MAX 2000 /* characters of each added paragraph */
/* the notice as it will print, nothing written: n->doc_no is "" (the
 * number is given when it is posted) */
int ops_notice_draft(struct store *st, const char *pid, const struct notice_req *rq,
                     struct notice *n, char *err, size_t errlen);
/* 决议公开: number and post the decision notice of a decided proposal (step
 * RESOLVE) and move it to PUBLISH; 实施结果公开: the result notice of a
 * proposal under implementation (IMPLEMENT, with progress entries), moved
 * to RESULT.  Fills n (may be NULL). */
int ops_notice_new(struct store *st, const char *pid, const struct notice_req *rq,
                   struct notice *n, char *err, size_t errlen);
/* ---- 会议通知: the notice of a meeting not yet held -------------------------
 * To 参加对象 (the kind's attendees): when and where, 议题及议程 (each item
 * with its proposer and the steps it passed), what to bring, who to ask
 * and the phone, the 落款 (社区党组织 for a 党员大会, both for a 两委联席会议,
 * 居委会 else) and the 成文日期 (the posting date).  Posted on the 公示栏
 * from its date to the meeting's day, numbered like every notice. */
struct meeting_notice_req {
	const char *date;        /* 张贴日期 = 成文日期 ("" = today); not after the meeting */
	const char *bring;       /* 请携带 (may be empty) */
	const char *contact;     /* 联系人 ("" = the meeting's clerk) */
	const char *phone;       /* 联系电话 ("" = the community's phone) */
	const char *attach;      /* 附件说明 */
};
/* how many days ahead a kind of meeting is noticed (the settings
 * notice_ahead_<kind>) */
int ops_notice_ahead_days(struct store *st, int kind);
/* a meeting on date set (or noticed) on from ("" = today) sooner than its
 * kind's days ahead: 1 and the warning in buf (「居民代表会议应提前 7 天通知
 * （……）；距会议只有 3 天。」), else 0 */
int ops_notice_ahead_warn(struct store *st, int kind, const char *date, const char *from,
                          char *buf, size_t len);
/* the notice as it will print (n->doc_no ""), nothing written; warn gets
 * ops_notice_ahead_warn's sentence or "" */
int ops_meeting_notice_draft(struct store *st, const char *mid,
                             const struct meeting_notice_req *rq, struct notice *n,
                             char *warn, size_t warnlen, char *err, size_t errlen);
/* the same, numbered and posted (n may be NULL) */
int ops_meeting_notice_new(struct store *st, const char *mid, const struct meeting_notice_req *rq,
                           struct notice *n, char *err, size_t errlen);

/* what a notice form starts with: the posting date offered (today, or the
 * earliest date allowed when that is later) and the posting days */
int ops_notice_offer(struct store *st, const char *pid, int kind, char date[11], int *days,
                     char *err, size_t errlen);
/* whether the decision notice of pid is still up on date ("" = today): 1
 * (its last day into end), 0 no, -1 error.  实施 and 实施结果公开 dated so
 * need a reason: the screens ask for it when this says 1. */
int ops_decision_notice_runs(struct store *st, const char *pid, const char *date,
                             char end[11], char *err, size_t errlen);
/* 实施: who is responsible, by when, from when */
struct impl_req {
	const char *responsible; /* required */
	const char *deadline;    /* 完成时限, not before the start */
	const char *date;        /* 开始实施日期 ("" = today): not before the decision
	                          * notice went up, not in the future */
	const char *reason;      /* required when the decision notice is still up */
};
/* 实施: set the responsible person and deadline of a published decision and
 * move it to IMPLEMENT */
int ops_implement(struct store *st, const char *pid, const struct impl_req *rq,
                  char *err, size_t errlen);
/* what a form for 实施 starts with: the impl row when set, else the
 * responsible person and deadline the deciding meeting wrote (either may
 * be ""); im->proposal_id is set.  0 or -1. */
int ops_impl_defaults(struct store *st, const char *pid, struct impl *im,
                      char *err, size_t errlen);
/* 实施进展 on date ("" = today): not before 实施 began, not in the future */
int ops_progress(struct store *st, const char *pid, const char *date, const char *text,
                 char *err, size_t errlen);
int ops_objection(struct store *st, const char *notice_id, const char *person,
                  const char *content, char *err, size_t errlen);
/* an objection's answer (once; refused when already answered) */
int ops_objection_answer(struct store *st, const char *objection_id, const char *answer,
                         char *err, size_t errlen);

/* ---- the roster and the rule sets ------------------------------------------------ */

/* people: name required (<= 20 characters), phone digits/-/+ only, the
 * birth date a real date not after today, the ID card tail 4 characters
 * (digits, the last may be X); every text trimmed; check without
 * saving (an import checks every line before it writes any) */
int ops_person_check(struct person *p, char *err, size_t errlen);
int ops_person_save(struct store *st, struct person *p, char *err, size_t errlen);
/* a person entered by mistake: removed while no record names them (else
 * refused, saying where they are named); logged */
int ops_person_delete(struct store *st, const char *person_id, char *err, size_t errlen);

/* from's non-empty fields over into's, from's roles added to into's (a
 * party role of from's replaces into's: 预备党员 become 正式党员) — how an
 * import merges a repeated person */
void ops_person_merge(struct person *into, const struct person *from);
/* one person of an imported roster: added, or merged into the roster's
 * person target_id (the file's non-empty fields replace theirs, roles are
 * added to theirs) */
struct import_person {
	int line;                /* where in the file, for the message */
	int merge;
	char target_id[ID_LEN];
	struct person p;
};
/* the whole import in one transaction: every person checked again
 * (ops_person_check), any failure keeps the roster as it was and names the
 * line; logged once with source (the file's name) and the counts */
int ops_roster_import(struct store *st, struct import_person *v, int n, const char *source,
                      int *added, int *merged, char *err, size_t errlen);
/* 停用 / 启用: past attendance sheets keep their snapshot */
int ops_person_set_active(struct store *st, const char *person_id, int active,
                          char *err, size_t errlen);
/* a rule set edited by the clerk: checked (rule_check; *field names the
 * field at fault, may be NULL), the reason required, the change logged
 * with the old and the new rule */
int ops_rule_update(struct store *st, const struct rule_set *r, const char *reason,
                    int *field, char *err, size_t errlen);

/* ---- the community and the settings ------------------------------------------------ */

/* The settings kept as numbers, with their defaults and ranges: one table
 * that the operations read and the settings screen shows. */
struct setting_def {
	const char *key;         /* "notice_days" */
	const char *label;       /* 「公示天数」 */
	int dflt, min, max;
	const char *help;        /* what it does, with its source */
};
extern const struct setting_def ops_settings[];
extern const size_t ops_setting_count;
/* a numeric setting's value, or its default when unset or out of range */
int ops_setting_int(struct store *st, const char *key);

/* The community's names (name required; 党组织 and 居委会 default to
 * 「中共××委员会」 and 「××居民委员会」); c->id is assigned when empty. */
int ops_community_save(struct store *st, struct community *c, char *err, size_t errlen);
/* the settings form: the community and every numeric setting (values[i]
 * for ops_settings[i]) in one transaction, logged when log != 0 */
int ops_settings_save(struct store *st, struct community *c, const int *values, int log,
                      char *err, size_t errlen);
/* 录入人: the clerk's name the change log gives as who made a change (the
 * setting "operator"; the computer's login name when it is not set).
 * ops_operator_load applies the setting to the open store; ops_operator_set
 * saves it ("" = back to the login name at the next start) and applies it. */
void ops_operator_load(struct store *st);
int ops_operator_set(struct store *st, const char *name, char *err, size_t errlen);
/* one text setting the program remembers (export_dir, printer, last_place) */
int ops_setting_set(struct store *st, const char *key, const char *value,
                    char *err, size_t errlen);

/* ---- backups ------------------------------------------------------------------------ */

#define BACKUP_KEEP_DEFAULT 10   /* backups kept in a folder */
#define BACKUP_KEEP_MAX 1000
struct backup_result {
	char path[1024];         /* the backup made: DIR/议事厅备份_2026-11-22_140500.db */
	long long bytes;
	int sealed;              /* sealed meetings in it, each checked */
	int removed;             /* older backups removed (more than keep) */
	int unrecorded;          /* the date could not be noted in the database
	                          * (read-only): the reminder will not know */
};
/* A backup of the open database into the folder dir (a USB stick): a
 * consistent copy made while the program may be writing, checked (SQLite's
 * integrity check, every seal) before it gets its dated name; the newest
 * keep backups in dir are kept, older ones removed.  The date and folder are
 * noted (settings last_backup, backup_dir).  0, or -1 with the reason
 * (nothing half-made is left). */
int ops_backup(struct store *st, const char *dir, int keep, struct backup_result *res,
               char *err, size_t errlen);
/* the file at path is a sound database of the program whose seals all
 * hold: 0 (with *sealed), or -1 with the reason */
int ops_backup_check(const char *path, int *sealed, char *err, size_t errlen);
/* days since the last backup (last gets its time), -1 when there has been
 * none */
int ops_backup_age(struct store *st, char last[20]);
struct restore_result {
	char kept[1024];         /* the file that was at the path, renamed */
	int sealed;
};
/* The backup `from`, checked as above, copied to the path db; the file that
 * was there is kept under 「db.恢复前-日期」 (with its -wal), never lost. */
int ops_restore(const char *db, const char *from, struct restore_result *res,
                char *err, size_t errlen);

/* Several operations written all or nothing, as one transaction (the demo
 * replays its whole history in one): every ops call between them joins it.
 * ops_batch_end(commit = 0) undoes them all. */
int ops_batch_begin(struct store *st, char *err, size_t errlen);
int ops_batch_end(struct store *st, int commit, char *err, size_t errlen);

/* ---- 书记手记 and 大事记 (notes.c) ------------------------------------------ */
#define NOTE_TITLE_MAX_CHARS 60
#define NOTE_BODY_MAX_CHARS 20000
#define CHRON_TEXT_MAX_CHARS 200
/* A note new (n->id "") or changed: a date (not after today; a past day is
 * the rule: notes are typed up later), a title (<= 60 characters), a text,
 * an author (<= 20 characters), and links to meetings and matters that
 * exist, each once.  Logged (entity "note"). */
int ops_note_save(struct store *st, struct note *n, char *err, size_t errlen);
int ops_note_delete(struct store *st, const char *note_id, char *err, size_t errlen);
/* who writes the notes when the clerk names nobody: the party secretary of
 * the roster (store_party_secretary) into name/id; "" when none */
void ops_note_author_default(struct store *st, char name[64], char id[ID_LEN]);
/* a line of the 大事记 written by hand, new (e->id "") or changed: a date
 * not after today, a text of at most 200 characters.  Logged ("chronicle") */
int ops_chron_save(struct store *st, struct chron_entry *e, char *err, size_t errlen);
int ops_chron_delete(struct store *st, const char *entry_id, char *err, size_t errlen);
/* a generated line of the 大事记 left out (hide 1) or taken back (0);
 * nothing is deleted.  Logged. */
int ops_chron_hide(struct store *st, int kind, const char *ref_id, int hide,
                   char *err, size_t errlen);
/* ---- 民情日记 (issue 10) --------------------------------------------------------
 * Every write of the diary; corrections (field by field), deletions and
 * the link to a proposal are logged in the change log under "diary".
 * The checks (ops_diary_check, also without saving): the day raised a real
 * date and not in the future ("" = today); 记录人 and 反映人 named (<= 20
 * characters); the phone digits, -, + and spaces; what was raised not
 * empty (<= 1000 characters), what was done <= 1000, the reply <= 500;
 * 网格 and 类别 <= 10 characters, 地点 <= 30; the urgency one of
 * model/diary.h; a reply and its day together, the day not in the future
 * and not before the day raised.  Every text is trimmed. */
int ops_diary_check(struct diary *d, char *err, size_t errlen);
/* a new entry (d->id "", number assigned) or the correction of one,
 * each changed field logged */
int ops_diary_save(struct store *st, struct diary *d, char *err, size_t errlen);
/* the loop closed: the reply given on date ("" = today), and what was
 * done when done is not NULL; a reply written over an earlier one is
 * logged as a correction */
int ops_diary_reply(struct store *st, const char *id, const char *reply, const char *date,
                    const char *done, char *err, size_t errlen);
/* an entry made by mistake: refused once it became a proposal */
int ops_diary_delete(struct store *st, const char *id, char *err, size_t errlen);
/* 转为议题: the proposal p (as ops_proposal_new takes it) added and the
 * entry linked to it in one transaction; p->source becomes 「民情日记
 * 2026-民-007」; refused when the entry already became one, or when the
 * proposal's date is before the day the concern was raised */
int ops_diary_to_proposal(struct store *st, const char *diary_id, struct proposal *p,
                          const struct proposer *pp, int n, char *err, size_t errlen);
/* the source a proposal from entry `number` carries */
void ops_diary_source(const char *number, char *out, size_t len);
/* ---- attachments (附件: attachments.c) ------------------------------------
 * A scan or photo attached to a proposal, a meeting or a notice from a
 * file: the file must be a readable regular file of at most 20 MB
 * (ATTACH_MAX_BYTES); its type comes from its bytes, its SM3 is taken, and
 * it is written with a line in the owner's change log, in one transaction.
 * title "" = the file's name.  Fills *a (without the bytes). */
int ops_attach_file(struct store *st, int owner_kind, const char *owner_id, const char *path,
                    const char *title, struct attachment *a, char *err, size_t errlen);
/* the same for bytes in hand (the demo); name is the file name kept */
int ops_attach_bytes(struct store *st, int owner_kind, const char *owner_id, const void *data,
                     size_t n, const char *name, const char *title, struct attachment *a,
                     char *err, size_t errlen);
/* remove one, the reason required; the change log keeps its title, file
 * name and SM3 */
int ops_attach_delete(struct store *st, const char *id, const char *reason,
                      char *err, size_t errlen);
/* The record a clerk names by its number: a proposal 2026-008, a meeting
 * 2026-H-05 (letters in either case), a notice by its 文号 〔2026〕3号 (or
 * 2026-3).  id gets its id; 0, or -1 with a message that says how to list
 * them. */
int ops_attach_owner(struct store *st, int owner_kind, const char *number, char id[ID_LEN],
                     char *err, size_t errlen);
/* The owner's number as the clerk knows it (2026-008, 2026-H-05, 〔2026〕3号) */
int ops_attach_owner_number(struct store *st, int owner_kind, const char *owner_id,
                            char *out, size_t len);

#endif
