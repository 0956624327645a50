/* core.c: the procedure 四议两公开 as data.
 *
 * A proposal moves through the steps of enum step one at a time.  What may
 * happen to it is decided by action_table below (one row per action: the
 * steps it may start from, where it leads, whether it needs a reason) and
 * by meeting_kind_table (which meeting performs which step).  proc_apply()
 * only interprets those tables, so a change of procedure is a change of a
 * row, and the tests can compare the whole matrix against an independent
 * expectation.
 *
 * Plain libc only: no terminal, no SQL. */
#include <stdio.h>
#include <string.h>

#include "model/core.h"
#include "base/util.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- names --------------------------------------------------------------- */

/* the steps: a short name that fits the board's column headers, and what
 * the procedure calls the step in full (决议公开, 实施结果公开) */
static const struct { const char *short_name, *long_name; } steps[STEP_MAX + 1] = {
	[STEP_NONE] = { "未提出", "未提出" },        [STEP_PROPOSE] = { "提议", "提议" },
	[STEP_CONSULT] = { "商议", "商议" },         [STEP_REVIEW] = { "审议", "审议" },
	[STEP_RESOLVE] = { "决议", "决议" },         [STEP_PUBLISH] = { "公开", "决议公开" },
	[STEP_IMPLEMENT] = { "实施", "实施" },       [STEP_RESULT] = { "结果公开", "实施结果公开" },
	[STEP_ARCHIVE] = { "归档", "归档" },
};

static const char *const passed_phrases[STEP_MAX + 1] = {
	[STEP_CONSULT] = "商议通过，提交党员大会审议",
	[STEP_REVIEW] = "审议通过，提交居民会议或居民代表会议决议",
	[STEP_RESOLVE] = "决议通过，予以公开并组织实施",
};

const char *step_passed_phrase(int step)
{
	return step >= 0 && step <= STEP_MAX && passed_phrases[step] ? passed_phrases[step] : "";
}

/* names[i], "?" outside the table (or a gap in it) */
static const char *name_in(const char *const *names, size_t n, int i)
{
	return i >= 0 && (size_t)i < n && names[i] ? names[i] : "?";
}
#define NAME_IN(names, i) name_in((names), ARRAY_LEN(names), (i))

const char *step_name(int step)
{
	return step >= 0 && step <= STEP_MAX ? steps[step].short_name : "?";
}

const char *step_long_name(int step)
{
	return step >= 0 && step <= STEP_MAX ? steps[step].long_name : "?";
}

static const char *const pstatus_names[] = {
	[PST_ACTIVE] = "进行中", [PST_REJECTED] = "不予采纳", [PST_WITHDRAWN] = "撤回",
};

const char *pstatus_name(int status)
{
	return NAME_IN(pstatus_names, status);
}

static const char *const attend_names[] = {
	[ATT_NONE] = "未签到", [ATT_PRESENT] = "出席", [ATT_LEAVE] = "请假",
	[ATT_ABSENT] = "缺席", [ATT_OBSERVER] = "列席",
};

const char *attend_name(int a)
{
	return NAME_IN(attend_names, a);
}

static const char *const meeting_status_names[] = { "未开始", "进行中", "已散会", "已取消" };

const char *meeting_status_name(int status, int sealed, int postponed)
{
	if (sealed)
		return "已签字";
	if (status == 0 && postponed)
		return "已延期";
	return NAME_IN(meeting_status_names, status);
}

static const char *const vote_method_names[] = {
	[VM_HANDS] = "举手表决", [VM_SECRET] = "无记名投票", [VM_ROLLCALL] = "记名表决",
};

const char *vote_method_name(int m)
{
	return NAME_IN(vote_method_names, m);
}

static const char *const choice_names[] = {
	[CH_NONE] = "未表决", [CH_YES] = "赞成", [CH_NO] = "反对", [CH_ABSTAIN] = "弃权",
};

const char *choice_name(int c)
{
	return NAME_IN(choice_names, c);
}

/* ---- roles --------------------------------------------------------------- */

const struct role_def role_table[] = {
	{ ROLE_REP,        "居民代表",   "代" },
	{ ROLE_PARTY_CMTE, "党组织委员", "党委" },
	{ ROLE_RES_CMTE,   "居委会委员", "居委" },
	{ ROLE_PARTY,      "党员",       "党" },
	{ ROLE_PARTY_PROB, "预备党员",   "预" },
	{ ROLE_RESIDENT,   "居民",       "民" },
	{ ROLE_HOUSEHOLD,  "户代表",     "户" },
	{ ROLE_GRID,       "网格员",     "网" },
	{ ROLE_OTHER,      "其他",       "他" },
};
const size_t role_count = ARRAY_LEN(role_table);

void roles_format(int roles, char *buf, size_t len)
{
	size_t used = 0;

	if (!buf || len == 0)
		return;
	buf[0] = '\0';
	for (size_t i = 0; i < role_count; i++) {
		if (!(roles & role_table[i].bit))
			continue;
		const char *sep = used ? "、" : "";
		size_t need = strlen(sep) + strlen(role_table[i].name);
		/* stop at a whole name rather than cut a character in half */
		if (used + need >= len)
			break;
		used += (size_t)snprintf(buf + used, len - used, "%s%s", sep,
		                         role_table[i].name);
	}
}

/* other names a roster may use for a role */
static const struct { const char *name; int bit; } role_alias[] = {
	{ "正式党员", ROLE_PARTY },       { "中共党员", ROLE_PARTY },
	{ "代表", ROLE_REP },             { "居民代表会议代表", ROLE_REP },
	{ "党委委员", ROLE_PARTY_CMTE },  { "党支部委员", ROLE_PARTY_CMTE },
	{ "党组织委员会委员", ROLE_PARTY_CMTE },
	{ "居委委员", ROLE_RES_CMTE },    { "居民委员会委员", ROLE_RES_CMTE },
	{ "户主", ROLE_HOUSEHOLD },       { "网格长", ROLE_GRID },
	{ "群众", ROLE_RESIDENT },
};

int roles_parse(const char *text, int *roles, char *bad, size_t badlen)
{
	/* the separators a roster puts between roles */
	static const char *const seps[] = { "、", "，", ",", "；", ";", "/", "|", " ", "　", "和" };
	const char *p = text ? text : "";
	int r = 0;

	if (bad && badlen)
		bad[0] = '\0';
	while (*p) {
		size_t n = strlen(p), cut = n, skip = 0;
		for (size_t i = 0; i < ARRAY_LEN(seps); i++) {
			const char *hit = strstr(p, seps[i]);
			if (hit && (size_t)(hit - p) < cut) {
				cut = (size_t)(hit - p);
				skip = strlen(seps[i]);
			}
		}
		if (cut > 0) {
			int bit = 0;
			for (size_t i = 0; i < role_count && !bit; i++)
				if (strlen(role_table[i].name) == cut && strncmp(p, role_table[i].name, cut) == 0)
					bit = role_table[i].bit;
			for (size_t i = 0; i < ARRAY_LEN(role_alias) && !bit; i++)
				if (strlen(role_alias[i].name) == cut && strncmp(p, role_alias[i].name, cut) == 0)
					bit = role_alias[i].bit;
			if (!bit) {
				if (bad && badlen) {
					size_t k = cut < badlen - 1 ? cut : badlen - 1;
					while (k > 0 && k < cut && ((unsigned char)p[k] & 0xC0) == 0x80)
						k--;    /* not inside a character */
					memcpy(bad, p, k);
					bad[k] = '\0';
				}
				return -1;
			}
			r |= bit;
		}
		p += cut + skip;
	}
	*roles = r;
	return 0;
}

/* ---- meeting kinds ------------------------------------------------------- */

/* Which meeting performs which step (四议两公开), one kind a line: the
 * step its agenda's proposals have completed (0: any in progress), the
 * step a passed vote moves them to (0: none), the roster roles counted in
 * 应到 and what they are called, the default rule set.  预备党员 have no
 * vote, so 党员大会 counts only ROLE_PARTY.  议事协商会 is a round table:
 * it hears opinions about any proposal in progress and moves none.
 * Then who the notice of the meeting is addressed to (how many days ahead
 * it goes out is a setting: ops_settings, with its ground), and whether
 * only those 18 or older on the meeting's date count (居民会议: 城市居民
 * 委员会组织法 第十条, 十八周岁以上的居民或每户派代表). */
#define KIND(kind_, name_, from, performs, roles, label, rule, example, who, adults) { \
	.kind = kind_, .name = name_, .from_step = from, .performs_step = performs, \
	.entitled_roles = roles, .entitled_label = label, .rule_code = rule, \
	.decision_example = example, .attendees = who, .adults_only = adults }
const struct meeting_kind_def meeting_kind_table[] = {
	KIND(MK_LIANGWEI, "两委联席会议", STEP_PROPOSE, STEP_CONSULT,
	     ROLE_PARTY_CMTE | ROLE_RES_CMTE, "应到两委成员", "LIANGWEI",
	     "一、原则同意该方案，提交党员大会审议；\n二、由居委会根据讨论意见完善方案。",
	     "社区党组织、居委会全体成员", 0),
	KIND(MK_PARTY, "党员大会", STEP_CONSULT, STEP_REVIEW, ROLE_PARTY, "应到会有表决权的党员", "PARTY",
	     "一、审议同意该方案，提交居民代表会议（居民会议）决议；\n二、党员带头做好楼栋居民的宣传解释。",
	     "全体党员", 0),
	KIND(MK_RESIDENTS, "居民会议", STEP_REVIEW, STEP_RESOLVE, ROLE_HOUSEHOLD, "应到户代表", "RESIDENTS",
	     "一、同意实施该方案；\n二、所需资金由……承担；\n三、由……负责实施，于……前完成。",
	     "各户代表", 1),
	KIND(MK_REPS, "居民代表会议", STEP_REVIEW, STEP_RESOLVE, ROLE_REP, "应到居民代表", "REPS",
	     "一、同意实施该方案；\n二、所需资金由……承担；\n三、由……负责实施，于……前完成。",
	     "全体居民代表", 0),
	KIND(MK_CONSULT, "议事协商会", 0, 0, ROLE_REP | ROLE_OTHER, "应到人员", "CONSULT",
	     "一、听取了各方意见：……；\n二、建议……，由……提出议题。",
	     "居民代表及相关单位、居民", 0),
};
#undef KIND
const size_t meeting_kind_count = ARRAY_LEN(meeting_kind_table);

const struct meeting_kind_def *meeting_kind_get(int kind)
{
	for (size_t i = 0; i < meeting_kind_count; i++)
		if (meeting_kind_table[i].kind == kind)
			return &meeting_kind_table[i];
	return NULL;
}

/* the meeting kind that performs a step (the first one: 决议 has two, but
 * messages only ask for the steps before it) */
static const struct meeting_kind_def *kind_performing(int step)
{
	for (size_t i = 0; i < meeting_kind_count; i++)
		if (meeting_kind_table[i].performs_step == step)
			return &meeting_kind_table[i];
	return NULL;
}

/* ---- the procedure ------------------------------------------------------- */

/* where an action leads */
enum move {
	MV_NEXT,        /* step + 1 */
	MV_TARGET,      /* the requested earlier step (退回) */
	MV_SAME,        /* step unchanged, status changes */
};

struct action_def {
	int action;
	const char *name;
	int first, last;         /* the steps it may start from */
	int move;
	int status;              /* status afterwards */
	int in_meeting;          /* 1: the meeting's agenda step is checked */
	const char *no_decide;   /* in a meeting that performs no step (议事协商会):
	                          * what it cannot do; NULL = it may */
	const char *early;       /* refusal when step < first */
	const char *late;        /* refusal when step > last */
	const char *need_reason; /* refusal without a reason; NULL = none needed */
};

/* A 议事协商会 hears opinions and decides nothing: in it a proposal can be
 * withdrawn by its proposer, but not moved, returned or rejected.
 * Exits: 退回 is possible from any step that has an earlier step to go
 * back to (an objection during 公示 sends a decision back for rework), but
 * 不予采纳 and 撤回 only until the residents have decided: a 决议 belongs
 * to the residents and is not the proposer's to take back. */
#define AFTER(action_, name_, step, early_, late_) { \
	.action = action_, .name = name_, .first = step, .last = step, .move = MV_NEXT, \
	.status = PST_ACTIVE, .early = early_, .late = late_ }
static const struct action_def action_table[] = {
	{
		.action = ACT_PROPOSE, .name = "提出",
		.first = STEP_NONE, .last = STEP_NONE, .move = MV_NEXT,
		.status = PST_ACTIVE,
		.late = "议题已经提出，不能重复提出。",
	},
	/* a meeting's vote moves a proposal on, or back to an earlier step */
	{
		.action = ACT_FORWARD, .name = "转入下一步", .status = PST_ACTIVE,
		.first = STEP_PROPOSE, .last = STEP_REVIEW, .move = MV_NEXT, .in_meeting = 1,
		.no_decide = "不能使议题转入下一步",
		.late = "议题已经作出决议，以后的步骤是决议公开、实施和实施结果公开，"
		        "不经会议表决。",
	},
	{
		.action = ACT_RETURN, .name = "退回", .status = PST_ACTIVE,
		.first = STEP_CONSULT, .last = STEP_RESULT, .move = MV_TARGET, .in_meeting = 1,
		.no_decide = "不能退回议题", .need_reason = "退回须写明理由。",
		.early = "议题处于提议阶段，没有更早的步骤可以退回；可以不予采纳，"
		         "或留待下次商议。",
	},
	/* the two ways out before 决议: the proposal stays where it is and
	 * leaves the procedure */
	{
		.action = ACT_REJECT, .name = "不予采纳", .status = PST_REJECTED,
		.first = STEP_PROPOSE, .last = STEP_REVIEW, .move = MV_SAME, .in_meeting = 1,
		.no_decide = "不能决定不予采纳", .need_reason = "不予采纳须写明理由。",
		.late = "议题已经作出决议，不能再不予采纳；如需改变，请退回重新审议。",
	},
	{
		.action = ACT_WITHDRAW, .name = "撤回", .status = PST_WITHDRAWN,
		.first = STEP_PROPOSE, .last = STEP_REVIEW, .move = MV_SAME, .in_meeting = 1,
		.need_reason = "撤回须写明理由。",
		.late = "议题已经作出决议，提议人不能再撤回；如需改变，请退回重新审议。",
	},
	/* the steps after 决议 are not voted on: each follows the one before,
	 * outside meetings */
	AFTER(ACT_PUBLISH, "决议公开", STEP_RESOLVE, "议题尚未作出决议，不能决议公开。", "决议已经公开。"),
	AFTER(ACT_IMPLEMENT, "实施", STEP_PUBLISH, "决议尚未公开，不能开始实施。", "议题已经进入实施。"),
	AFTER(ACT_PUBLISH_RESULT, "实施结果公开", STEP_IMPLEMENT,
	      "议题尚未实施，不能公开实施结果。", "实施结果已经公开。"),
	AFTER(ACT_ARCHIVE, "归档", STEP_RESULT, "实施结果尚未公开，不能归档。", "议题已经归档。"),
};
#undef AFTER

static const struct action_def *action_get(int action)
{
	for (size_t i = 0; i < ARRAY_LEN(action_table); i++)
		if (action_table[i].action == action)
			return &action_table[i];
	return NULL;
}

const char *action_name(int action)
{
	const struct action_def *a = action_get(action);
	return a ? a->name : "?";
}

static int fail(char *err, size_t errlen, const char *msg)
{
	if (err && errlen)
		snprintf(err, errlen, "%s", msg ? msg : "当前步骤不能进行这项操作。");
	return -1;
}

int proc_agenda_ok(int kind, int step, int status, char *err, size_t errlen)
{
	const struct meeting_kind_def *k = meeting_kind_get(kind);

	if (!k)
		return fail(err, errlen, "未知的会议类型。");
	if (status == PST_REJECTED)
		return fail(err, errlen, "已不予采纳，不能列入议程。");
	if (status == PST_WITHDRAWN)
		return fail(err, errlen, "已撤回，不能列入议程。");
	if (status != PST_ACTIVE || step < STEP_NONE || step > STEP_MAX)
		return fail(err, errlen, "步骤或状态无效。");
	if (step == STEP_NONE)
		return fail(err, errlen, "尚未提出。");
	if (step == STEP_ARCHIVE)
		return fail(err, errlen, "已经归档，不能列入议程。");
	if (k->from_step == 0 || step == k->from_step)
		return 0;
	if (step < k->from_step) {
		/* name the meeting that has to come first: steps are never skipped */
		const struct meeting_kind_def *missing = kind_performing(step + 1);
		if (err && errlen)
			snprintf(err, errlen, "尚未经%s%s，不能提交%s%s。",
			         missing ? missing->name : "", step_name(step + 1),
			         k->name, step_name(k->performs_step));
		return -1;
	}
	if (err && errlen)
		snprintf(err, errlen, "已经完成「%s」，不能再提交%s%s。",
		         step_long_name(step), k->name, step_name(k->performs_step));
	return -1;
}

int proc_apply(const struct transition_req *rq, int *new_step,
               int *new_status, char *err, size_t errlen)
{
	const struct action_def *a = action_get(rq->action);
	const struct meeting_kind_def *k = NULL;
	int step = rq->step;
	char sub[256];

	if (!a)
		return fail(err, errlen, "未知的操作。");
	if (step < STEP_NONE || step > STEP_MAX || rq->status < PST_ACTIVE ||
	    rq->status > PST_WITHDRAWN)
		return fail(err, errlen, "议题的步骤或状态无效。");
	if (rq->status == PST_REJECTED)
		return fail(err, errlen, "议题已不予采纳，不能再办理。");
	if (rq->status == PST_WITHDRAWN)
		return fail(err, errlen, "议题已撤回，不能再办理。");
	if (rq->meeting_kind != 0) {
		k = meeting_kind_get(rq->meeting_kind);
		if (!k)
			return fail(err, errlen, "未知的会议类型。");
	}
	if (step == STEP_NONE && a->action != ACT_PROPOSE)
		return fail(err, errlen, "议题尚未提出。");
	if (step == STEP_ARCHIVE)
		return fail(err, errlen, "议题已经归档，不能再变更。");
	if (step < a->first)
		return fail(err, errlen, a->early);
	if (step > a->last)
		return fail(err, errlen, a->late);

	if (a->action == ACT_FORWARD && !k)
		return fail(err, errlen, "议题转入下一步须经相应会议表决通过。");
	if (a->in_meeting && k && k->performs_step == 0 && a->no_decide) {
		if (err && errlen)
			snprintf(err, errlen, "%s只听取意见，%s。", k->name, a->no_decide);
		return -1;
	}
	/* a meeting acts only on the proposals that are at its agenda step */
	if (a->in_meeting && k && proc_agenda_ok(k->kind, step, rq->status,
	                                         sub, sizeof sub) != 0) {
		if (err && errlen)
			snprintf(err, errlen, "议题%s", sub);
		return -1;
	}
	if (a->action == ACT_FORWARD && !rq->vote_passed)
		return fail(err, errlen, "表决未通过（或尚未表决），不能转入下一步。");
	if (a->move == MV_TARGET && !(rq->probe && rq->to_step == 0) &&
	    (rq->to_step < STEP_PROPOSE || rq->to_step >= step)) {
		if (err && errlen && step - 1 == STEP_PROPOSE)
			snprintf(err, errlen, "只能退回到「提议」。");
		else if (err && errlen)
			snprintf(err, errlen, "只能退回到「提议」至「%s」之间的步骤。",
			         step_long_name(step - 1));
		return -1;
	}
	if (a->need_reason && !rq->probe && !ys_has_text(rq->reason))
		return fail(err, errlen, a->need_reason);

	switch (a->move) {
	case MV_NEXT:   *new_step = step + 1; break;
	case MV_TARGET: *new_step = rq->to_step; break;
	default:        *new_step = step; break;
	}
	*new_status = a->status;
	return 0;
}

int proc_return_targets(int step, int out[STEP_MAX])
{
	int n = 0;

	for (int s = STEP_PROPOSE; s < step && s < STEP_ARCHIVE && n < STEP_MAX; s++)
		out[n++] = s;
	return n;
}

/* ---- counts typed by the clerk ------------------------------------------ */

/* what a byte sequence at s is, for parse_count */
enum tok { TK_END, TK_SPACE, TK_DIGIT, TK_SIGN, TK_POINT, TK_OTHER };

static enum tok next_tok(const char *s, int *len, int *digit)
{
	const unsigned char *u = (const unsigned char *)s;

	*len = 1;
	if (!*u)
		return TK_END;
	if (*u == ' ' || *u == '\t' || *u == '\n' || *u == '\r')
		return TK_SPACE;
	if (*u >= '0' && *u <= '9') {
		*digit = *u - '0';
		return TK_DIGIT;
	}
	if (*u == '+' || *u == '-')
		return TK_SIGN;
	if (*u == '.')
		return TK_POINT;
	if (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80) {   /* U+3000 */
		*len = 3;
		return TK_SPACE;
	}
	if (u[0] == 0xef && u[1] == 0xbc) {   /* U+FF00..U+FF3F: full-width forms */
		*len = 3;
		if (u[2] >= 0x90 && u[2] <= 0x99) {   /* ０-９ */
			*digit = u[2] - 0x90;
			return TK_DIGIT;
		}
		if (u[2] == 0x8b || u[2] == 0x8d)     /* ＋ － */
			return TK_SIGN;
		if (u[2] == 0x8e)                     /* ． */
			return TK_POINT;
	}
	return TK_OTHER;
}

int parse_count(const char *s, int max, int *out, char *err, size_t errlen)
{
	return parse_count_in(s, 0, max, out, err, errlen);
}

int parse_count_in(const char *s, int min, int max, int *out, char *err, size_t errlen)
{
	char range[96];
	long long v = 0;
	int ndigits = 0, len, digit = 0;
	enum tok t;
	const char *why = NULL;

	if (min < 0)
		min = 0;
	snprintf(range, sizeof range, "请输入 %d 到 %d 之间的整数", min, max < min ? min : max);
	if (!s)
		s = "";
	while ((t = next_tok(s, &len, &digit)) == TK_SPACE)
		s += len;
	for (; (t = next_tok(s, &len, &digit)) == TK_DIGIT; s += len) {
		ndigits++;
		/* stop growing once past max: the value is out of range anyway */
		if (v <= (long long)max)
			v = v * 10 + digit;
	}
	while (t == TK_SPACE) {
		s += len;
		t = next_tok(s, &len, &digit);
	}
	switch (t) {
	case TK_END:
		if (ndigits == 0)
			why = "未输入数字";
		break;
	case TK_DIGIT: why = "数字中间不能有空格"; break;
	case TK_SIGN:  why = "不能带正负号"; break;
	case TK_POINT: why = "不能有小数"; break;
	default:       why = "只能输入数字"; break;
	}
	if (!why && (max < min || v > (long long)max || v < (long long)min))
		why = "超出范围";
	if (why) {
		if (err && errlen)
			snprintf(err, errlen, "%s，%s。", why, range);
		return -1;
	}
	*out = (int)v;
	return 0;
}
