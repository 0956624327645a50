/* core.h: the procedure (四议两公开), roles, meeting kinds, rule sets and
 * vote arithmetic.  Plain C: no terminal, no SQL.  Everything procedural is
 * a table (see core.c / rules.c); code only interprets the tables. */
#ifndef YS_CORE_H
#define YS_CORE_H

#include <stddef.h>

/* ---- steps of a proposal ------------------------------------------------
 * proposal.step is the last step the proposal has completed:
 *   PROPOSE   recorded, waiting for 商议 (两委联席会议)
 *   CONSULT   consulted, waiting for 审议 (党员大会)
 *   REVIEW    reviewed, waiting for 决议 (居民会议 / 居民代表会议)
 *   RESOLVE   decided, waiting for 决议公开
 *   PUBLISH   decision posted, being implemented next
 *   IMPLEMENT under implementation, waiting for 实施结果公开
 *   RESULT    result posted
 *   ARCHIVE   archived                                                     */
enum step {
	STEP_NONE = 0,
	STEP_PROPOSE = 1,
	STEP_CONSULT = 2,
	STEP_REVIEW = 3,
	STEP_RESOLVE = 4,
	STEP_PUBLISH = 5,
	STEP_IMPLEMENT = 6,
	STEP_RESULT = 7,
	STEP_ARCHIVE = 8,
};
#define STEP_MAX 8

enum pstatus {
	PST_ACTIVE = 0,      /* in the procedure */
	PST_REJECTED = 1,    /* 不予采纳 */
	PST_WITHDRAWN = 2,   /* 撤回 */
};

const char *step_name(int step);          /* "提议" … "归档"; "?" if unknown */
const char *step_long_name(int step);     /* "决议公开", "实施结果公开" … */
/* what passing a step leads to, in the words a clerk says at the meeting:
 * 「商议通过，提交党员大会审议」; "" for a step no meeting takes */
const char *step_passed_phrase(int step);
const char *pstatus_name(int status);     /* "进行中" "不予采纳" "撤回" */

/* ---- actions on a proposal ---------------------------------------------- */
enum action {
	ACT_PROPOSE = 1,     /* NONE -> PROPOSE, with >= 1 proposer */
	ACT_FORWARD,         /* step -> step+1 by a meeting of the right kind, after a passed vote */
	ACT_RETURN,          /* 退回: back to an earlier step (>= PROPOSE), reason required */
	ACT_REJECT,          /* 不予采纳: status -> REJECTED, reason required */
	ACT_WITHDRAW,        /* 撤回 by the proposer: status -> WITHDRAWN, reason required */
	ACT_PUBLISH,         /* RESOLVE -> PUBLISH (决议公开) */
	ACT_IMPLEMENT,       /* PUBLISH -> IMPLEMENT */
	ACT_PUBLISH_RESULT,  /* IMPLEMENT -> RESULT (实施结果公开) */
	ACT_ARCHIVE,         /* RESULT -> ARCHIVE */
};
const char *action_name(int action);      /* "提出" "转入下一步" "退回" "不予采纳" "撤回" "决议公开" … */

/* Check whether `action` may be applied to a proposal in (step, status).
 * meeting_kind: the kind of the meeting where it happens (0 = none).
 * to_step: for ACT_RETURN the target step, ignored otherwise.
 * vote_passed: for ACT_FORWARD, 1 if the item's latest vote passed.
 * reason: may be NULL/empty; required for RETURN, REJECT, WITHDRAW (unless
 * probe: a screen asks whether the action is possible before asking for it;
 * then a RETURN's to_step 0 means "not chosen yet" too).
 * Returns the resulting step in *new_step and status in *new_status and 0,
 * or -1 with a Chinese explanation in err.
 * The table (core.c action_table): RETURN from CONSULT..RESULT to a step in
 * PROPOSE..step-1; REJECT and WITHDRAW from PROPOSE..REVIEW only (a 决议 is
 * the residents', not the proposer's); nothing on an archived, rejected or
 * withdrawn proposal.  With a meeting_kind, the actions taken in a meeting
 * (FORWARD, RETURN, REJECT, WITHDRAW) also need the proposal at the kind's
 * agenda step (proc_agenda_ok); FORWARD needs a meeting that performs a step,
 * and a meeting that performs none (议事协商会) cannot RETURN or REJECT either
 * (only a WITHDRAW can happen there).  PUBLISH..ARCHIVE are the clerk's and
 * ignore meeting_kind. */
struct transition_req {
	int step, status;
	int action;
	int meeting_kind;
	int to_step;
	int vote_passed;
	const char *reason;
	int probe;               /* asking before the reason is typed: not checked */
};
int proc_apply(const struct transition_req *rq, int *new_step,
               int *new_status, char *err, size_t errlen);

/* Whether a proposal at (step, status) may be on the agenda of a meeting of
 * `kind` (at the kind's from_step, or any step PROPOSE..RESULT when
 * from_step is 0; ACTIVE only).  The message has no subject, e.g.
 * "尚未经两委联席会议商议，不能提交党员大会审议。", so that the caller can
 * put "议题 2026-018 " in front.  proc_apply uses it for the actions taken
 * in a meeting. */
int proc_agenda_ok(int kind, int step, int status, char *err, size_t errlen);

/* the steps a proposal at `step` may be returned to (退回), earliest first,
 * into out; returns how many (0 at 提议: nothing earlier) */
int proc_return_targets(int step, int out[STEP_MAX]);

/* ---- roles (bit mask on a person) --------------------------------------- */
enum role {
	ROLE_REP         = 1 << 0,  /* 居民代表 */
	ROLE_PARTY_CMTE  = 1 << 1,  /* 社区党组织委员 (两委) */
	ROLE_RES_CMTE    = 1 << 2,  /* 居委会委员 (两委) */
	ROLE_PARTY       = 1 << 3,  /* 正式党员 (有表决权) */
	ROLE_PARTY_PROB  = 1 << 4,  /* 预备党员 (无表决权) */
	ROLE_RESIDENT    = 1 << 5,  /* 居民 (年满十八周岁) */
	ROLE_HOUSEHOLD   = 1 << 6,  /* 户代表 */
	ROLE_GRID        = 1 << 7,  /* 网格员 */
	ROLE_OTHER       = 1 << 8,  /* 物业/业委会/驻区单位等 */
};
struct role_def {
	int bit;
	const char *name;        /* "居民代表" */
	const char *abbr;        /* one or two characters for lists: "代" */
};
extern const struct role_def role_table[];
extern const size_t role_count;
/* "居民代表、党员" into buf; "" when none */
void roles_format(int roles, char *buf, size_t len);
/* the other way: "居民代表、党员", "党员,户代表", "正式党员 网格员" (the
 * names above or a roster's other names for them, between 、，,；;/| spaces
 * or 和) into *roles; -1 with the first unknown name in bad (as much of
 * it as fits, never half a character) */
int roles_parse(const char *text, int *roles, char *bad, size_t badlen);

/* ---- meeting kinds ------------------------------------------------------ */
enum meeting_kind {
	MK_LIANGWEI = 1,         /* 两委联席会议: 商议 */
	MK_PARTY = 2,            /* 党员大会: 审议 */
	MK_RESIDENTS = 3,        /* 居民会议: 决议 */
	MK_REPS = 4,             /* 居民代表会议: 决议 */
	MK_CONSULT = 5,          /* 议事协商会: records opinions, no step */
};
struct meeting_kind_def {
	int kind;
	const char *name;            /* "党员大会" */
	int from_step;               /* proposals at this step are its agenda (0 = any active) */
	int performs_step;           /* ACT_FORWARD moves them to this step (0 = none) */
	int entitled_roles;          /* roster roles counted in 应到 */
	const char *entitled_label;  /* "应到会有表决权的党员" */
	const char *rule_code;       /* default rule set code */
	const char *decision_example; /* 决定事项 as this kind of meeting words it */
	const char *attendees;       /* 会议通知's 参加对象: 全体党员, 各户代表 … */
	int adults_only;             /* 应到 only those 18 or older on the day
	                              * (a person without a birth date counts) */
};
extern const struct meeting_kind_def meeting_kind_table[];
extern const size_t meeting_kind_count;
const struct meeting_kind_def *meeting_kind_get(int kind);  /* NULL if unknown */

/* attendance of one person at a meeting */
enum attend {
	ATT_NONE = 0,            /* 未签到 */
	ATT_PRESENT = 1,         /* 出席 */
	ATT_LEAVE = 2,           /* 请假 (reason) */
	ATT_ABSENT = 3,          /* 缺席 */
	ATT_OBSERVER = 4,        /* 列席 (not counted in 应到/实到) */
};
const char *attend_name(int a);

/* how a meeting stands, in a word for lists: status is store.h's enum
 * meeting_status (0 未开始, 1 进行中, 2 已散会, 3 已取消); a planned meeting
 * that was postponed is 已延期, a sealed one 已签字 */
const char *meeting_status_name(int status, int sealed, int postponed);

enum vote_method {
	VM_HANDS = 0,            /* 举手表决: counts typed */
	VM_SECRET = 1,           /* 无记名投票: counts only, never per person */
	VM_ROLLCALL = 2,         /* 记名表决: a choice per present person */
};
const char *vote_method_name(int m);
enum choice { CH_NONE = 0, CH_YES = 1, CH_NO = 2, CH_ABSTAIN = 3 };
const char *choice_name(int c);           /* 未表决 赞成 反对 弃权 */

/* ---- rule sets ---------------------------------------------------------- */
enum rule_base {
	BASE_ENTITLED = 0,       /* 应到 */
	BASE_PRESENT = 1,        /* 实到 (出席) */
	BASE_VALID = 2,          /* 有效票 = 赞成+反对+弃权 */
};
enum rule_cmp {
	CMP_GT = 0,              /* 过半数 / 超过: strictly more than */
	CMP_GE = 1,              /* 以上 / 达到: at least */
};
struct rule_set {
	char id[37];
	char code[16];           /* "PARTY" */
	char name[96];           /* "党员大会表决规则" */
	int q_base;              /* always BASE_ENTITLED for quorum in the defaults */
	int q_cmp, q_num, q_den; /* q_num = 0: no quorum requirement */
	int p_base;
	int p_cmp, p_num, p_den;
	char source[512];        /* law and article */
};
/* default rule sets, each with its source in law */
extern const struct rule_set rule_defaults[];
extern const size_t rule_default_count;

/* "过半数" / "半数以上" / "三分之二以上" / "超过三分之一" … for a comparator and fraction */
void rule_phrase(int cmp, int num, int den, char *buf, size_t len);
/* one line describing the rule: "法定人数：应到人数半数以上出席；通过：赞成超过出席人数的半数" */
void rule_describe(const struct rule_set *r, char *buf, size_t len);
/* validate a rule set edited by the clerk (fractions 0<num<=den<=100, den>0,
 * known bases/comparators, name and source not empty); 0 or -1 + err */
int rule_validate(const struct rule_set *r, char *err, size_t errlen);
/* the same, naming the field at fault in *field (may be NULL) so that a
 * form can put the cursor there; messages name fields by these labels
 * (「通过分子」3 不能大于「通过分母」2。) */
enum rule_field {
	RF_NONE, RF_NAME, RF_SOURCE, RF_Q_NUM, RF_Q_DEN, RF_P_BASE, RF_P_NUM, RF_P_DEN, RF_CMP,
	RF_COUNT
};
extern const char *const rule_field_label[RF_COUNT];
int rule_check(const struct rule_set *r, int *field, char *err, size_t errlen);

/* 1 if value (cmp) base*num/den, integers only: value*den > base*num etc. */
int rule_meets(long value, long base, int cmp, int num, int den);
/* the smallest integer value that meets the test (0..base+1) */
long rule_min_needed(long base, int cmp, int num, int den);

struct tally {
	int entitled;            /* 应到 */
	int present;             /* 实到 */
	int yes, no, abstain;    /* 赞成 反对 弃权 */
};
/* counts are non-negative, present <= entitled, yes+no+abstain <= present.
 * 0 or -1 with a Chinese message naming the numbers. */
int tally_check(const struct tally *t, char *err, size_t errlen);
static inline int tally_not_voted(const struct tally *t)
{ return t->present - t->yes - t->no - t->abstain; }

/* quorum: 1 if met.  sentence gets e.g.
 * "应到 30 人，实到 16 人，达到应到人数的半数以上，符合法定人数。" or
 * "应到 30 人，实到 14 人，未达到应到人数的半数以上（至少 15 人），不足法定人数，不能表决。" */
int rule_quorum(const struct rule_set *r, int entitled, int present,
                const char *entitled_label, char *sentence, size_t len);

struct vote_result {
	int quorum_ok;
	int passed;
	long pass_base;          /* the number the pass fraction is taken of */
	long pass_needed;        /* smallest 赞成 that would pass */
	char sentence[512];      /* 「赞成 45 票，超过出席人数 67 人的半数，通过。」 */
};
/* Evaluate a tally under a rule set.  Returns -1 (with err) when the tally
 * is inconsistent (see tally_check); otherwise 0 and fills res.  When the
 * quorum is not met res->passed = 0 and the sentence says so.
 * entitled_label: how 应到 is called for this meeting kind, e.g. "应到会党员"
 * (NULL = "应到人数"). */
int rule_evaluate(const struct rule_set *r, const struct tally *t,
                  const char *entitled_label, struct vote_result *res,
                  char *err, size_t errlen);
/* the same, the sentence calling the yes votes yes_word: "同意" for a
 * secret ballot, whose paper says 同意/不同意/弃权 (NULL = "赞成") */
int rule_evaluate_as(const struct rule_set *r, const struct tally *t,
                     const char *entitled_label, const char *yes_word,
                     struct vote_result *res, char *err, size_t errlen);

/* What the rule asks, said before the meeting to those who will vote (the
 * chair's script, the agenda):
 * rule_quorum_statement: 「应到会有表决权的党员 30 人，须有 15 人以上出席（应到的
 *   半数以上）」, or 「本表决规则不设法定人数」;
 * rule_pass_statement: 「赞成须超过应到会有表决权的党员 30 人的半数，即至少 16
 *   票」 when the base is known before the meeting (应到), else 「赞成须超过出席
 *   人数的半数（按实到人数计算）」; with present >= 0 (known at the meeting)
 *   the number is given for 出席 too (有效票 stays a rule: it is known only
 *   after the count). */
void rule_quorum_statement(const struct rule_set *r, int entitled, const char *entitled_label,
                           char *buf, size_t len);
void rule_pass_statement(const struct rule_set *r, int entitled, int present,
                         const char *entitled_label, char *buf, size_t len);

/* ---- a secret ballot counted on paper (无记名投票的清点) -------------------
 * The ballots are counted as on paper: how many were issued (发出) and
 * returned (收回), how many of those are valid (有效) and invalid (无效),
 * then 同意/不同意/弃权 of the valid ones (the tally's yes/no/abstain). */
struct ballot_count {
	int issued;              /* 发出 */
	int returned;            /* 收回 */
	int valid;               /* 有效 */
	int invalid;             /* 无效 */
};
#define BALLOT_VOID_SENTENCE "收回票数多于发出票数，本次表决无效。"
/* The count against the tally's 实到 and choices: counts not negative,
 * 发出 <= 实到; more returned than issued makes the round void (returns 1:
 * nothing else is counted then); otherwise 有效 + 无效 = 收回 and 同意 +
 * 不同意 + 弃权 = 有效.  0 when it adds up, 1 void, -1 with a Chinese
 * message naming the numbers that do not add up. */
int ballot_count_check(const struct ballot_count *c, const struct tally *t,
                       char *err, size_t errlen);
/* 「发出表决票 30 张，收回 30 张，其中有效票 29 张、无效票 1 张；有效票中同意
 * 25 票、不同意 3 票、弃权 1 票。」, or for a void round 「发出表决票 30 张，
 * 收回 31 张，收回票数多于发出票数，本次表决无效。」 */
void ballot_count_sentence(const struct ballot_count *c, const struct tally *t,
                           char *buf, size_t len);

/* Two clerks' entries of the same counts (两人计票), compared: how many of
 * the n counts differ, named in out by labels[i] with both values:
 * 「收回：第一遍 30，第二遍 29；同意：第一遍 25，第二遍 24」 ("" when none). */
int counts_differ(const char *const *labels, const int *a, const int *b, int n,
                  char *out, size_t len);

/* Parse a count typed by the clerk: digits only (ASCII or full-width ０-９),
 * surrounding spaces allowed, 0..max.  0 ok / -1 with a Chinese message. */
int parse_count(const char *s, int max, int *out, char *err, size_t errlen);
/* the same, min..max (the message names that range) */
int parse_count_in(const char *s, int min, int max, int *out, char *err, size_t errlen);

#endif
