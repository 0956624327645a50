/* can.c: what may happen now, as tables — the prerequisites of every
 * meeting operation (like neomutt's CHECK_* flags, checked once by one
 * function) and of the clerk's steps on a proposal.  The operations check
 * their row inside their transaction; the screens ask the same functions
 * before they open a dialog. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ops_int.h"

/* prerequisites of a meeting operation */
enum {
	NEED_UNSEALED = 1 << 0,      /* minutes not signed yet */
	NEED_SEALED = 1 << 1,        /* signed (addenda) */
	NEED_PLANNED = 1 << 2,       /* not begun yet */
	NEED_OPEN = 1 << 3,          /* in session */
	NEED_NOT_CLOSED = 1 << 4,    /* before 散会 */
	NEED_CLOSED = 1 << 5,        /* after 散会 */
	NEED_ITEM_OPEN = 1 << 6,     /* the agenda item has no conclusion yet */
	NEED_QUORUM = 1 << 7,        /* 法定人数 */
	NEED_SIGNERS = 1 << 8,       /* a chair and a clerk to sign */
	NEED_DUE = 1 << 9,           /* the meeting's date has come */
	NEED_HELD = 1 << 10,         /* not cancelled */
};
#define HAPPENS (NEED_UNSEALED | NEED_DUE | NEED_HELD)

static const struct meeting_op {
	int opm;
	const char *verb;            /* 「会议已散会，不能再表决。」 */
	unsigned need;
	const char *closed;          /* the refusal after 散会, when not the usual one */
} meeting_ops[] = {
	{ OPM_OPEN, "开始", HAPPENS | NEED_PLANNED, NULL },
	{ OPM_SIGN, "签到", HAPPENS | NEED_NOT_CLOSED, NULL },
	/* a leave is often asked for days ahead: it can be written down then */
	{ OPM_LEAVE, "登记请假", NEED_UNSEALED | NEED_HELD | NEED_NOT_CLOSED, NULL },
	{ OPM_OBSERVER, "登记列席", HAPPENS | NEED_NOT_CLOSED, NULL },
	{ OPM_MINUTE, "添加记录", HAPPENS | NEED_NOT_CLOSED, NULL },
	{ OPM_MINUTE_EDIT, "修改记录", HAPPENS, NULL },
	{ OPM_VOTE, "表决", HAPPENS | NEED_OPEN | NEED_ITEM_OPEN | NEED_QUORUM, NULL },
	{ OPM_ITEM_CLOSE, "对议程作出结论", HAPPENS | NEED_OPEN | NEED_ITEM_OPEN, NULL },
	{ OPM_CLOSE, "散会", HAPPENS | NEED_OPEN, "会议已经散会。" },
	{ OPM_PENDING, "记录遗留问题", HAPPENS, NULL },
	{ OPM_SEAL, "签字确认", HAPPENS | NEED_CLOSED | NEED_SIGNERS, NULL },
	{ OPM_ADDENDUM, "添加更正", NEED_SEALED, NULL },
	{ OPM_EDIT, "修改", NEED_UNSEALED | NEED_HELD, NULL },
	{ OPM_POSTPONE, "延期", NEED_UNSEALED | NEED_HELD | NEED_PLANNED, NULL },
	{ OPM_CANCEL, "取消", NEED_UNSEALED | NEED_HELD | NEED_PLANNED, NULL },
	{ OPM_DELETE, "删除", NEED_UNSEALED | NEED_PLANNED, NULL },
};

static const struct meeting_op *meeting_op_get(int opm)
{
	for (size_t i = 0; i < YS_ARRAY_LEN(meeting_ops); i++)
		if (meeting_ops[i].opm == opm)
			return &meeting_ops[i];
	return NULL;
}

/* refuse with code and message */
static int refuse(int code, char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int refuse(int code, char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return code;
}

static const char *outcome_word(int oc)
{
	static const char *const names[] = { "未决", "已通过", "已退回", "不予采纳", "已撤回", "已结束" };
	return oc >= 0 && oc <= OC_NOTED ? names[oc] : "?";
}

int ops_meeting_check(const struct meeting_state *ms, const struct agenda_item *item,
                      int opm, char *err, size_t errlen)
{
	const struct meeting_op *op = meeting_op_get(opm);
	const struct meeting *m = &ms->m;
	unsigned need;

	if (!op)
		return refuse(-1, err, errlen, "未知的会议操作。");
	need = op->need;
	/* the signature comes first: a signed record never changes, whatever
	 * else is the matter */
	if ((need & NEED_UNSEALED) && ms->sealed)
		return opm == OPM_SEAL
			? refuse(OPR_SEALED, err, errlen, "会议记录已于 %s 签字确认，不能重复签字。",
			         ms->seal.signed_at)
			: refuse(OPR_SEALED, err, errlen, "会议记录已签字确认，不能修改；如有错误请添加更正。");
	if ((need & NEED_HELD) && m->status == MS_CANCELLED)
		return refuse(OPR_CANCELLED, err, errlen, "会议已取消（%s），不能%s。",
		              m->status_reason, op->verb);
	if ((need & NEED_DUE) && ms->tense == TENSE_FUTURE)
		return refuse(OPR_EARLY, err, errlen,
		              "会议日期 %s 还没到（今天是 %s），不能%s；会议开过后再录入。",
		              m->date, ms->today, op->verb);
	if ((need & NEED_SEALED) && !ms->sealed)
		return refuse(OPR_NOT_SEALED, err, errlen,
		              "会议记录尚未签字确认，可以直接修改，不需要更正。");
	if ((need & NEED_PLANNED) && m->status == MS_OPEN)
		return opm == OPM_OPEN ? refuse(OPR_STARTED, err, errlen, "会议已经开始。")
		       : refuse(OPR_STARTED, err, errlen, "会议已经开始，不能%s。", op->verb);
	if ((need & (NEED_PLANNED | NEED_NOT_CLOSED | NEED_OPEN)) && m->status == MS_CLOSED)
		return op->closed ? refuse(OPR_CLOSED, err, errlen, "%s", op->closed)
		                  : refuse(OPR_CLOSED, err, errlen, "会议已散会，不能再%s。", op->verb);
	if ((need & NEED_OPEN) && m->status == MS_PLANNED)
		return refuse(OPR_NOT_STARTED, err, errlen, "会议尚未开始，不能%s。", op->verb);
	if ((need & NEED_CLOSED) && m->status != MS_CLOSED)
		return refuse(OPR_NOT_CLOSED, err, errlen,
		              "会议%s，不能签字确认；散会后再由主持人和记录人签字。",
		              m->status == MS_PLANNED ? "尚未召开" : "尚未散会");
	if ((need & NEED_SIGNERS) && (!ys_has_text(m->chair_name) || !ys_has_text(m->clerk_name)))
		return refuse(OPR_NO_CHAIR, err, errlen, "会议没有%s，不能签字确认。",
		              !ys_has_text(m->chair_name) ? "主持人" : "记录人");
	if ((need & NEED_ITEM_OPEN) && item && item->outcome != OC_OPEN)
		return refuse(OPR_ITEM_DONE, err, errlen, "该议程已作出结论（%s：%s），不能再%s。",
		              item->title, outcome_word(item->outcome), op->verb);
	if ((need & NEED_QUORUM) && !ms->q.ok)
		return refuse(OPR_NO_QUORUM, err, errlen, "%s", ms->q.sentence);
	if (err && errlen)
		err[0] = '\0';
	return OPR_OK;
}

int ops_meeting_state(struct store *st, const char *mid, struct meeting_state *ms,
                      char *err, size_t errlen)
{
	struct rule_set r;
	int rc;

	memset(ms, 0, sizeof *ms);
	if (load_meeting(st, mid, &ms->m, err, errlen) != 0)
		return -1;
	/* the state is what the checks read; the long text is not part of it */
	meeting_clear(&ms->m);
	rc = store_seal_get(st, ms->m.id, &ms->seal);
	if (rc < 0)
		return store_fail(st, err, errlen);
	ms->sealed = rc == 0;
	rc = store_rule_get(st, ms->m.rule_id, &r);
	if (rc == 0)
		rc = store_attendance_counts(st, ms->m.id, &ms->q.c);
	if (rc == 1)
		return ys_err(err, errlen, "本次会议的表决规则不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	ms->q.ok = rule_quorum(&r, ms->q.c.entitled, ms->q.c.present, kind_label(ms->m.kind),
	                       ms->q.sentence, sizeof ms->q.sentence);
	ms->q.needed = r.q_num > 0 ? rule_min_needed(ms->q.c.entitled, r.q_cmp, r.q_num, r.q_den) : 0;
	ms->q.none = r.q_num == 0;
	snprintf(ms->q.rule_name, sizeof ms->q.rule_name, "%s", r.name);
	/* the times: today and the clock, and the latest time recorded */
	today(ms->today);
	now_hm(ms->now);
	ms->tense = date_tense(ms->m.date, ms->today);
	if (store_meeting_latest_time(st, ms->m.id, ms->latest) < 0)
		return store_fail(st, err, errlen);
	return 0;
}

void ops_meeting_times(const struct meeting_state *ms, struct meeting_times *mt)
{
	mt->date = ms->m.date;
	mt->today = ms->today;
	mt->now = ms->now;
	mt->planned = ms->m.start_time;
	mt->start = ms->m.held_start;
	mt->end = ms->m.end_time;
	mt->latest = ms->latest;
	mt->held_live = ms->m.held_live;
}

void ops_meeting_offer(const struct meeting_state *ms, char out[6])
{
	struct meeting_times mt;

	ops_meeting_times(ms, &mt);
	meeting_offer_time(&mt, out);
}

int ops_meeting_live(const struct meeting_state *ms)
{
	struct meeting_times mt;

	ops_meeting_times(ms, &mt);
	return meeting_is_live(&mt);
}

int meeting_time(const struct meeting_state *ms, int mom, const char *typed, char out[6],
                 char *err, size_t errlen)
{
	struct meeting_times mt;
	char offer[6];

	ops_meeting_times(ms, &mt);
	if (!typed || !*typed) {
		meeting_offer_time(&mt, offer);
		typed = offer;
	}
	return meeting_time_check(&mt, mom, typed, out, err, errlen);
}

int ops_quorum(struct store *st, const char *mid, struct quorum_state *q,
               char *err, size_t errlen)
{
	struct meeting_state ms;

	memset(q, 0, sizeof *q);
	if (ops_meeting_state(st, mid, &ms, err, errlen) != 0)
		return -1;
	*q = ms.q;
	return 0;
}

/* What the close dialog offers for an item: a meeting that performs a step
 * forwards its proposals; a round table (or a free item) notes opinions;
 * a proposal can also be returned, rejected or withdrawn. */
int ops_item_outcomes(const struct meeting_state *ms, const struct agenda_item *item,
                      int out[5])
{
	const struct meeting_kind_def *k = meeting_kind_get(ms->m.kind);
	int has_p = item && item->proposal_id[0], n = 0;
	int performs = k && k->performs_step;

	if (!has_p) {
		/* 其他议题 (a report, a question raised): heard and closed,
		 * or put to the vote and passed, or not adopted */
		out[n++] = OC_NOTED;
		out[n++] = OC_FORWARD;
		out[n++] = OC_REJECT;
		return n;
	}
	out[n++] = performs ? OC_FORWARD : OC_NOTED;
	out[n++] = OC_RETURN;
	out[n++] = OC_REJECT;
	out[n++] = OC_WITHDRAW;
	return n;
}

/* ---- proposals --------------------------------------------------------------- */

/* the clerk's step after each step of the decision */
static const struct { int step, action; } next_action[] = {
	{ STEP_RESOLVE, ACT_PUBLISH },
	{ STEP_PUBLISH, ACT_IMPLEMENT },
	{ STEP_IMPLEMENT, ACT_PUBLISH_RESULT },
	{ STEP_RESULT, ACT_ARCHIVE },
};

int proposal_check(struct store *st, const struct proposal *p, int opp, int *action,
                   char *err, size_t errlen)
{
	struct transition_req rq = { .step = p->step, .status = p->status, .probe = 1 };
	int ns, nst, n;

	switch (opp) {
	case OPP_WITHDRAW:
		rq.action = ACT_WITHDRAW;
		break;
	case OPP_ADVANCE:
		/* before the decision: "尚未作出决议，不能决议公开"; after the
		 * last step: "已经归档" — proc_apply's own words */
		rq.action = p->step < STEP_RESOLVE ? ACT_PUBLISH : ACT_ARCHIVE;
		for (size_t i = 0; i < YS_ARRAY_LEN(next_action); i++)
			if (next_action[i].step == p->step)
				rq.action = next_action[i].action;
		break;
	case OPP_PROGRESS:
		if (p->status != PST_ACTIVE || p->step != STEP_IMPLEMENT)
			return ys_err(err, errlen, "议题 %s 现为「%s」，不在实施阶段，不能登记实施进展。",
			              p->number, p->status == PST_ACTIVE ? step_long_name(p->step)
			                                                 : pstatus_name(p->status));
		if (action)
			*action = 0;
		return 0;
	default:
		return ys_err(err, errlen, "未知的议题操作。");
	}
	if (proc_apply(&rq, &ns, &nst, err, errlen) != 0)
		return -1;
	/* an objection is answered before the matter is closed for good */
	if (rq.action == ACT_ARCHIVE) {
		n = store_proposal_unanswered(st, p->id);
		if (n < 0)
			return store_fail(st, err, errlen);
		if (n > 0)
			return ys_err(err, errlen, "公示还有 %d 条异议未答复：答复后才能归档"
			              "（在「5 公示栏」选中公示，按 r 答复）。", n);
		/* objections may come while the result is up: not archived before */
		struct notice rn;
		char day[11];
		int rc = store_notice_for(st, p->id, NK_RESULT, &rn);
		if (rc < 0)
			return store_fail(st, err, errlen);
		today(day);
		if (rc == 0) {
			rc = notice_period_runs(day, rn.end_date);
			if (rc)
				ys_err(err, errlen, "实施结果公示期到 %s 才结束，期满后才能归档"
				       "（公示期内还可能收到异议）。", rn.end_date);
			notice_clear(&rn);
			if (rc)
				return -1;
		}
	}
	/* the result notice tells what was done: it needs progress entries */
	if (rq.action == ACT_PUBLISH_RESULT) {
		n = store_progress_count(st, p->id);
		if (n < 0)
			return store_fail(st, err, errlen);
		if (n == 0)
			return ys_err(err, errlen, "还没有实施进展记录，不能发布实施结果公示；"
			              "请先登记实施进展。");
	}
	if (action)
		*action = rq.action;
	return 0;
}

int ops_proposal_can(struct store *st, const char *pid, int opp, int *action,
                     char *err, size_t errlen)
{
	struct proposal p;
	int rc;

	if (load_proposal(st, pid, &p, err, errlen) != 0)
		return -1;
	rc = proposal_check(st, &p, opp, action, err, errlen);
	proposal_clear(&p);
	return rc;
}
