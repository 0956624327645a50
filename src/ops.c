/* ops.c: what the clerk does, checked against the procedure and written in
 * one transaction each.
 *
 * Every function follows the same shape: read what it needs, check it with
 * the core (proc_apply, rule_quorum, tally_check …) and refuse with a
 * Chinese message before anything is written; then store_begin(), the
 * store writes, store_commit().  A failing write rolls the whole operation
 * back, so a vote never exists without its snapshot and a proposal never
 * moves without its event and minute line. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "core.h"
#include "ops.h"
#include "store.h"
#include "text.h"
#include "util.h"

#define TITLE_MAX_CHARS 60      /* a proposal title fits a notice's heading */
#define NAME_MAX_CHARS 20

/* Optional references (meeting, agenda item, vote of an event; speaker of
 * a minute line) are passed to the store as NULL when absent: the columns
 * are foreign keys, where only NULL means "none". */
static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* the store's message for the last failed call */
static int store_fail(struct store *st, char *err, size_t errlen)
{
	const char *msg = store_errmsg(st);
	return fail(err, errlen, "%s", msg && *msg ? msg : "数据库操作失败。");
}

/* a write inside store_begin() failed: keep its message, undo everything */
static int tx_fail(struct store *st, char *err, size_t errlen)
{
	store_fail(st, err, errlen);
	store_rollback(st);
	return -1;
}

/* 1 if s has something besides ASCII and ideographic (U+3000) spaces */
static int has_text(const char *s)
{
	if (!s)
		return 0;
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		    *s == '\v' || *s == '\f')
			s++;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else
			return 1;
	}
	return 0;
}

static void now_hm(char out[6])
{
	struct tm tm;
	ys_now_tm(&tm);
	ys_fmt_time(&tm, out);
}

/* 0 found, -1 with a message (not found or error) */
static int load_meeting(struct store *st, const char *mid, struct meeting *m,
                        char *err, size_t errlen)
{
	int rc;

	memset(m, 0, sizeof *m);
	rc = store_meeting_get(st, mid ? mid : "", m);
	if (rc == 1)
		return fail(err, errlen, "会议不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	return 0;
}

static int load_proposal(struct store *st, const char *pid, struct proposal *p,
                         char *err, size_t errlen)
{
	int rc;

	memset(p, 0, sizeof *p);
	rc = store_proposal_get(st, pid ? pid : "", p);
	if (rc == 1)
		return fail(err, errlen, "议题不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	return 0;
}

static int load_agenda(struct store *st, const char *mid, const char *aid,
                       struct agenda_item *a, char *err, size_t errlen)
{
	int rc;

	memset(a, 0, sizeof *a);
	rc = store_agenda_get(st, aid ? aid : "", a);
	if (rc == 1)
		return fail(err, errlen, "议程不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	if (strcmp(a->meeting_id, mid) != 0) {
		agenda_clear(a);
		return fail(err, errlen, "该议程不属于本次会议。");
	}
	return 0;
}

/* the refusals for a meeting that is not in session, per status: before it
 * starts nothing is decided, after 散会 nothing changes */
static int meeting_in_session(const struct meeting *m, const char *what,
                              char *err, size_t errlen)
{
	if (m->status == MS_OPEN)
		return 0;
	if (m->status == MS_PLANNED)
		return fail(err, errlen, "会议尚未开始，不能%s。", what);
	return fail(err, errlen, "会议已散会，不能再%s。", what);
}

static const char *kind_label(int kind)
{
	const struct meeting_kind_def *k = meeting_kind_get(kind);
	return k ? k->entitled_label : NULL;
}

/* ---- proposals ----------------------------------------------------------- */

int ops_proposal_new(struct store *st, struct proposal *p,
                     const struct proposer *pp, int n, char *err, size_t errlen)
{
	struct transition_req rq = { .step = STEP_NONE, .status = PST_ACTIVE,
	                             .action = ACT_PROPOSE };
	int ns, nst;

	ys_trim(p->title);
	if (!p->title[0])
		return fail(err, errlen, "请填写议题标题。");
	if (text_chars(p->title) > TITLE_MAX_CHARS)
		return fail(err, errlen, "议题标题不能超过 %d 个字（现有 %zu 个字）。",
		            TITLE_MAX_CHARS, text_chars(p->title));
	if (!has_text(p->content))
		return fail(err, errlen, "请填写议题内容。");
	if (!pp || n < 1)
		return fail(err, errlen, "议题至少要有一位提议人。");
	for (int i = 0; i < n; i++)
		if (!has_text(pp[i].name))
			return fail(err, errlen, "第 %d 位提议人没有姓名。", i + 1);
	if (proc_apply(&rq, &ns, &nst, err, errlen) != 0)
		return -1;

	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	if (store_proposal_add(st, p, pp, n) != 0)
		return tx_fail(st, err, errlen);
	if (store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	return 0;
}

/* one transition outside a meeting, validated by proc_apply */
static int transition(struct store *st, const char *pid, int action,
                      const char *reason, char *err, size_t errlen)
{
	struct proposal p;
	struct transition_req rq = { .action = action, .reason = reason };
	int ns, nst, rc;
	char why[256];

	if (load_proposal(st, pid, &p, err, errlen) != 0)
		return -1;
	rq.step = p.step;
	rq.status = p.status;
	rc = proc_apply(&rq, &ns, &nst, why, sizeof why);
	if (rc != 0) {
		fail(err, errlen, "%s", why);
		proposal_clear(&p);
		return -1;
	}
	if (store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (store_proposal_transition(st, p.id, action, ns, nst, NULL, NULL,
	                                   NULL, opt(reason)) != 0 ||
	         store_commit(st) != 0)
		rc = tx_fail(st, err, errlen);
	proposal_clear(&p);
	return rc;
}

int ops_proposal_withdraw(struct store *st, const char *pid, const char *reason,
                          char *err, size_t errlen)
{
	return transition(st, pid, ACT_WITHDRAW, reason, err, errlen);
}

/* the clerk's steps after the decision, one per completed step; any other
 * step is left to proc_apply to refuse with its own words */
static const struct { int from, action; } advance_table[] = {
	{ STEP_RESOLVE,   ACT_PUBLISH },
	{ STEP_PUBLISH,   ACT_IMPLEMENT },
	{ STEP_IMPLEMENT, ACT_PUBLISH_RESULT },
	{ STEP_RESULT,    ACT_ARCHIVE },
};

int ops_proposal_advance(struct store *st, const char *pid, char *err, size_t errlen)
{
	struct proposal p;
	int action;

	if (load_proposal(st, pid, &p, err, errlen) != 0)
		return -1;
	/* before the decision: "尚未作出决议，不能决议公开"; after: "已经归档" */
	action = p.step < STEP_RESOLVE ? ACT_PUBLISH : ACT_ARCHIVE;
	for (size_t i = 0; i < YS_ARRAY_LEN(advance_table); i++)
		if (advance_table[i].from == p.step)
			action = advance_table[i].action;
	proposal_clear(&p);
	return transition(st, pid, action, NULL, err, errlen);
}

/* ---- meetings ------------------------------------------------------------ */

/* fill a chair/clerk name from the roster when only the id was given */
static int person_name(struct store *st, const char *id, char *name, size_t len,
                       const char *role, char *err, size_t errlen)
{
	struct person pr;
	int rc;

	if (!id[0])
		return 0;
	rc = store_person_get(st, id, &pr);
	if (rc == 1)
		return fail(err, errlen, "%s不在花名册中。", role);
	if (rc != 0)
		return store_fail(st, err, errlen);
	if (!name[0] && ys_strlcpy(name, pr.name, len) != 0)
		return fail(err, errlen, "%s姓名过长。", role);
	return 0;
}

int ops_meeting_new(struct store *st, struct meeting *m,
                    const char *const *pids, int n,
                    const char *const *free_titles, int nfree,
                    char *err, size_t errlen)
{
	const struct meeting_kind_def *k = meeting_kind_get(m->kind);
	struct tm tm;
	struct rule_set r;
	int hh, mm, rc;
	char why[256];

	if (!k)
		return fail(err, errlen, "请选择会议类型。");
	if (ys_parse_date(m->date, &tm) != 0)
		return fail(err, errlen, "会议日期“%s”无效，格式应为 2026-11-22。", m->date);
	if (ys_parse_time(m->start_time, &hh, &mm) != 0)
		return fail(err, errlen, "开始时间“%s”无效，格式应为 14:30。", m->start_time);
	ys_trim(m->title);
	ys_trim(m->place);
	ys_trim(m->chair_name);
	ys_trim(m->clerk_name);
	ys_trim(m->chair_post);
	if (person_name(st, m->chair_id, m->chair_name, sizeof m->chair_name,
	                "主持人", err, errlen) != 0 ||
	    person_name(st, m->clerk_id, m->clerk_name, sizeof m->clerk_name,
	                "记录人", err, errlen) != 0)
		return -1;
	if (!m->place[0])
		return fail(err, errlen, "请填写会议地点。");
	if (!m->chair_name[0])
		return fail(err, errlen, "请填写主持人。");
	if (!m->clerk_name[0])
		return fail(err, errlen, "请填写记录人。");
	if (n < 0 || nfree < 0 || (n > 0 && !pids) || (nfree > 0 && !free_titles))
		return fail(err, errlen, "议程无效。");
	if (!m->title[0]) {
		/* 2026年11月22日党员大会: what the minutes and lists call it */
		char cn[32];
		ys_cn_date(m->date, cn);
		snprintf(m->title, sizeof m->title, "%s%s", cn, k->name);
	}

	/* the rule set: the kind's default unless the clerk chose one */
	rc = m->rule_id[0] ? store_rule_get(st, m->rule_id, &r)
	                   : store_rule_get_code(st, k->rule_code, &r);
	if (rc == 1)
		return fail(err, errlen, "找不到表决规则（%s）。",
		            m->rule_id[0] ? m->rule_id : k->rule_code);
	if (rc != 0)
		return store_fail(st, err, errlen);
	snprintf(m->rule_id, sizeof m->rule_id, "%s", r.id);

	/* each proposal must be waiting for exactly this kind of meeting:
	 * steps are never skipped */
	for (int i = 0; i < n; i++) {
		struct proposal p;
		for (int j = 0; j < i; j++)
			if (strcmp(pids[i], pids[j]) == 0)
				return fail(err, errlen, "同一议题不能重复列入议程。");
		if (load_proposal(st, pids[i], &p, err, errlen) != 0)
			return -1;
		rc = proc_agenda_ok(m->kind, p.step, p.status, why, sizeof why);
		if (rc != 0)
			fail(err, errlen, "议题 %s %s", p.number, why);
		proposal_clear(&p);
		if (rc != 0)
			return -1;
	}
	for (int i = 0; i < nfree; i++)
		if (!has_text(free_titles[i]))
			return fail(err, errlen, "第 %d 个临时议程没有标题。", i + 1);

	m->status = MS_PLANNED;
	m->end_time[0] = '\0';
	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	if (store_meeting_create(st, m, pids, n, free_titles, nfree) != 0)
		return tx_fail(st, err, errlen);
	if (store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	return 0;
}

int ops_meeting_open(struct store *st, const char *mid, char *err, size_t errlen)
{
	struct meeting m;
	int rc = 0;

	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	if (m.status == MS_OPEN)
		rc = fail(err, errlen, "会议已经开始。");
	else if (m.status == MS_CLOSED)
		rc = fail(err, errlen, "会议已散会，不能再开始。");
	else if (store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (store_meeting_set_status(st, m.id, MS_OPEN, "") != 0 ||
	         store_commit(st) != 0)
		rc = tx_fail(st, err, errlen);
	meeting_clear(&m);
	return rc;
}

/* the whole agenda of a meeting (a few items; grown until it fits) */
static int agenda_all(struct store *st, const char *mid, struct agenda_item **out)
{
	int max = 64, n;
	struct agenda_item *a = NULL;

	for (;;) {
		a = xrealloc(a, (size_t)max * sizeof *a);
		memset(a, 0, (size_t)max * sizeof *a);
		n = store_agenda_list(st, mid, a, max);
		if (n < 0) {
			free(a);
			return -1;
		}
		if (n < max)
			break;
		for (int i = 0; i < n; i++)
			agenda_clear(&a[i]);
		max *= 2;
	}
	*out = a;
	return n;
}

static void agenda_free(struct agenda_item *a, int n)
{
	for (int i = 0; i < n; i++)
		agenda_clear(&a[i]);
	free(a);
}

int ops_meeting_close(struct store *st, const char *mid, int force,
                      char *err, size_t errlen)
{
	struct meeting m;
	struct agenda_item *a = NULL;
	int n, open = 0, rc = 0;
	char end[6], first[300] = "";

	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	if (m.status == MS_PLANNED) {
		meeting_clear(&m);
		return fail(err, errlen, "会议尚未开始，不能散会。");
	}
	if (m.status == MS_CLOSED) {
		meeting_clear(&m);
		return fail(err, errlen, "会议已经散会。");
	}
	n = agenda_all(st, m.id, &a);
	if (n < 0) {
		meeting_clear(&m);
		return store_fail(st, err, errlen);
	}
	for (int i = 0; i < n; i++) {
		if (a[i].outcome != OC_OPEN)
			continue;
		if (!open++)
			snprintf(first, sizeof first, "%s", a[i].proposal_number[0]
			         ? a[i].proposal_number : a[i].title);
	}
	agenda_free(a, n);
	if (open && !force) {
		meeting_clear(&m);
		return fail(err, errlen, "还有 %d 项议程未作结论（%s%s），请先处理，"
		            "或确认散会后留作未决。", open, first, open > 1 ? " 等" : "");
	}
	now_hm(end);
	if (store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (store_meeting_set_status(st, m.id, MS_CLOSED, end) != 0 ||
	         store_commit(st) != 0)
		rc = tx_fail(st, err, errlen);
	meeting_clear(&m);
	return rc;
}

/* ---- attendance ---------------------------------------------------------- */

int ops_attend(struct store *st, const char *mid, const char *person_id,
               int status, const char *reason, char *err, size_t errlen)
{
	struct meeting m;
	struct attendance a;
	int rc;

	if (status < ATT_NONE || status > ATT_ABSENT)
		return fail(err, errlen, "签到状态无效（列席请另行登记）。");
	if (status == ATT_LEAVE && !has_text(reason))
		return fail(err, errlen, "请假须写明原因。");
	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	rc = m.status == MS_CLOSED ? fail(err, errlen, "会议已散会，不能再签到。") : 0;
	meeting_clear(&m);
	if (rc != 0)
		return -1;
	rc = store_attendance_get(st, mid, person_id ? person_id : "", &a);
	if (rc == 1)
		return fail(err, errlen, "此人不在本次会议的签到表中（可登记为列席）。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	if (a.status == ATT_OBSERVER)
		return fail(err, errlen, "%s是列席人员，不计入应到和实到。", a.name);

	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	/* a reason belongs to 请假 only: signing in clears an old one */
	if (store_attendance_set(st, mid, a.person_id, status,
	                         status == ATT_LEAVE ? reason : "") != 0 ||
	    store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	return 0;
}

int ops_observer(struct store *st, const char *mid, const char *person_id,
                 const char *name, char *err, size_t errlen)
{
	struct meeting m;
	struct attendance a;
	int rc;

	if (!opt(person_id) && !has_text(name))
		return fail(err, errlen, "请选择列席人员或填写姓名。");
	if (name && text_chars(name) > NAME_MAX_CHARS)
		return fail(err, errlen, "姓名不能超过 %d 个字。", NAME_MAX_CHARS);
	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	rc = m.status == MS_CLOSED ? fail(err, errlen, "会议已散会，不能再登记列席。") : 0;
	meeting_clear(&m);
	if (rc != 0)
		return -1;
	if (opt(person_id)) {
		rc = store_attendance_get(st, mid, person_id, &a);
		if (rc == 0)
			return fail(err, errlen, "%s已在本次会议的签到表中。", a.name);
		if (rc != 1)
			return store_fail(st, err, errlen);
	}
	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	if (store_attendance_add_observer(st, mid, opt(person_id), opt(name)) != 0 ||
	    store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	return 0;
}

int ops_quorum(struct store *st, const char *mid, struct quorum_state *q,
               char *err, size_t errlen)
{
	struct meeting m;
	struct rule_set r;
	int rc;

	memset(q, 0, sizeof *q);
	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	rc = store_rule_get(st, m.rule_id, &r);
	if (rc == 0)
		rc = store_attendance_counts(st, m.id, &q->c);
	if (rc == 1)
		rc = fail(err, errlen, "本次会议的表决规则不存在。");
	else if (rc != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		q->ok = rule_quorum(&r, q->c.entitled, q->c.present, kind_label(m.kind),
		                    q->sentence, sizeof q->sentence);
		q->needed = r.q_num > 0 ? rule_min_needed(q->c.entitled, r.q_cmp,
		                                          r.q_num, r.q_den) : 0;
		snprintf(q->rule_name, sizeof q->rule_name, "%s", r.name);
	}
	meeting_clear(&m);
	return rc;
}

/* ---- minutes ------------------------------------------------------------- */

int ops_minute_add(struct store *st, struct minute *mi, char *err, size_t errlen)
{
	struct meeting m;
	int hh, mm, rc;

	if (!has_text(mi->text))
		return fail(err, errlen, "记录内容不能为空。");
	if (mi->at[0] && ys_parse_time(mi->at, &hh, &mm) != 0)
		return fail(err, errlen, "时间“%s”无效，格式应为 14:30。", mi->at);
	if (load_meeting(st, mi->meeting_id, &m, err, errlen) != 0)
		return -1;
	rc = m.status == MS_CLOSED ? fail(err, errlen, "会议已散会，不能再添加记录。") : 0;
	meeting_clear(&m);
	if (rc != 0)
		return -1;
	if (mi->agenda_id[0]) {
		/* a line about an item of another meeting would print in the
		 * wrong minutes */
		struct agenda_item a;
		if (load_agenda(st, mi->meeting_id, mi->agenda_id, &a, err, errlen) != 0)
			return -1;
		agenda_clear(&a);
	}
	if (!mi->at[0])
		now_hm(mi->at);
	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	if (store_minute_add(st, mi) != 0 || store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	return 0;
}

/* ---- votes --------------------------------------------------------------- */

static int ballot_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ballot *)a)->person_id,
	              ((const struct ballot *)b)->person_id);
}

/* Roll call: one ballot per present, entitled person, nobody twice; the
 * counts are derived from the ballots so they cannot disagree.  The copy
 * in *out gets the names from the attendance sheet. */
static int rollcall_ballots(struct store *st, const char *mid, const struct vote_req *rq,
                            int present, struct tally *t, struct ballot **out,
                            char *err, size_t errlen)
{
	struct ballot *b;

	if (!rq->ballots || rq->nballots != present)
		return fail(err, errlen, "记名表决须为每位出席人员记录一票：实到 %d 人，"
		            "记录了 %d 票。", present, rq->ballots ? rq->nballots : 0);
	b = xcalloc((size_t)present + 1, sizeof *b);
	if (present > 0)
		memcpy(b, rq->ballots, (size_t)present * sizeof *b);
	for (int i = 0; i < present; i++) {
		struct attendance a;
		int rc = store_attendance_get(st, mid, b[i].person_id, &a);
		if (rc < 0) {
			free(b);
			return store_fail(st, err, errlen);
		}
		if (rc == 1 || a.status != ATT_PRESENT || !a.entitled) {
			free(b);
			return fail(err, errlen, "第 %d 票：%s不是本次会议的出席人员，不能表决。",
			            i + 1, rc == 1 ? "此人" : a.name);
		}
		if (b[i].choice < CH_NONE || b[i].choice > CH_ABSTAIN) {
			free(b);
			return fail(err, errlen, "%s的表决意见无效。", a.name);
		}
		snprintf(b[i].name, sizeof b[i].name, "%s", a.name);
		switch (b[i].choice) {
		case CH_YES:     t->yes++; break;
		case CH_NO:      t->no++; break;
		case CH_ABSTAIN: t->abstain++; break;
		default:         break;
		}
	}
	qsort(b, (size_t)present, sizeof *b, ballot_cmp);
	for (int i = 1; i < present; i++) {
		if (strcmp(b[i].person_id, b[i - 1].person_id) == 0) {
			fail(err, errlen, "%s记录了两票。", b[i].name);
			free(b);
			return -1;
		}
	}
	*out = b;
	return 0;
}

int ops_vote(struct store *st, const char *mid, const char *agenda_id,
             const struct vote_req *rq, struct vote *out, char *err, size_t errlen)
{
	struct meeting m;
	struct agenda_item a;
	struct attendance_counts c;
	struct vote v, prev;
	struct vote_result res;
	struct ballot *ballots = NULL;
	int rc, nb = 0;

	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	memset(&v, 0, sizeof v);
	rc = meeting_in_session(&m, "表决", err, errlen);
	if (rc == 0)
		rc = load_agenda(st, m.id, agenda_id, &a, err, errlen);
	if (rc != 0) {
		meeting_clear(&m);
		return -1;
	}
	if (a.outcome != OC_OPEN)
		rc = fail(err, errlen, "该议程已作出结论（%s），不能再表决。", a.title);
	agenda_clear(&a);
	if (rc != 0)
		goto out;

	if (rq->method < VM_HANDS || rq->method > VM_ROLLCALL) {
		rc = fail(err, errlen, "表决方式无效。");
		goto out;
	}
	if (rq->method != VM_ROLLCALL && (rq->ballots || rq->nballots != 0)) {
		rc = fail(err, errlen, rq->method == VM_SECRET
		          ? "无记名投票只记票数，不记录个人的选择。"
		          : "举手表决只记票数，不记录个人的选择。");
		goto out;
	}

	/* a recount corrects the latest vote and must say why */
	if (opt(rq->supersedes)) {
		if (!has_text(rq->reason)) {
			rc = fail(err, errlen, "复核表决须说明理由。");
			goto out;
		}
		rc = store_vote_latest(st, agenda_id, &prev);
		if (rc == 1 || (rc == 0 && strcmp(prev.id, rq->supersedes) != 0))
			rc = fail(err, errlen, "只能复核该议程最近一次的表决。");
		else if (rc != 0)
			rc = store_fail(st, err, errlen);
		if (rc != 0)
			goto out;
		if (ys_strlcpy(v.supersedes, rq->supersedes, sizeof v.supersedes) != 0 ||
		    ys_strlcpy(v.reason, rq->reason, sizeof v.reason) != 0) {
			rc = fail(err, errlen, "复核理由过长。");
			goto out;
		}
	}

	/* the snapshot: who is entitled and present now, and the rule set */
	rc = store_attendance_counts(st, m.id, &c);
	if (rc == 0)
		rc = store_rule_get(st, m.rule_id, &v.rule);
	if (rc == 1)
		rc = fail(err, errlen, "本次会议的表决规则不存在。");
	else if (rc != 0)
		rc = store_fail(st, err, errlen);
	if (rc != 0)
		goto out;
	v.t.entitled = c.entitled;
	v.t.present = c.present;
	if (!rule_quorum(&v.rule, c.entitled, c.present, kind_label(m.kind),
	                 v.sentence, sizeof v.sentence)) {
		rc = fail(err, errlen, "%s", v.sentence);
		goto out;
	}
	if (rq->method == VM_ROLLCALL) {
		rc = rollcall_ballots(st, m.id, rq, c.present, &v.t, &ballots, err, errlen);
		if (rc != 0)
			goto out;
		nb = c.present;
	} else {
		v.t.yes = rq->yes;
		v.t.no = rq->no;
		v.t.abstain = rq->abstain;
	}
	if (rule_evaluate(&v.rule, &v.t, kind_label(m.kind), &res, err, errlen) != 0) {
		rc = -1;
		goto out;
	}

	snprintf(v.meeting_id, sizeof v.meeting_id, "%s", m.id);
	snprintf(v.agenda_id, sizeof v.agenda_id, "%s", agenda_id);
	v.method = rq->method;
	v.quorum_ok = res.quorum_ok;
	v.passed = res.passed;
	snprintf(v.sentence, sizeof v.sentence, "%s", res.sentence);
	if (store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (store_vote_add(st, &v, ballots, nb) != 0 || store_commit(st) != 0)
		rc = tx_fail(st, err, errlen);
	if (rc == 0 && out)
		*out = v;
out:
	free(ballots);
	meeting_clear(&m);
	return rc;
}

/* ---- closing an agenda item --------------------------------------------- */

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

int ops_item_close(struct store *st, const char *mid, const char *agenda_id,
                   const struct close_req *rq, char *err, size_t errlen)
{
	struct meeting m;
	struct agenda_item a;
	struct proposal p;
	struct vote v;
	const struct meeting_kind_def *k;
	int rc, has_vote = 0, passed = 0, ns = 0, nst = 0, action = -1;
	const char *verb = NULL;
	char *line = NULL;
	struct tm tm;

	for (size_t i = 0; i < YS_ARRAY_LEN(outcome_table); i++) {
		if (outcome_table[i].outcome == rq->outcome) {
			action = outcome_table[i].action;
			verb = outcome_table[i].minute;
		}
	}
	if (action < 0)
		return fail(err, errlen, "请选择议程的结论。");
	if (rq->deadline && rq->deadline[0] && ys_parse_date(rq->deadline, &tm) != 0)
		return fail(err, errlen, "时限“%s”无效，格式应为 2026-12-31。", rq->deadline);
	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	memset(&p, 0, sizeof p);
	k = meeting_kind_get(m.kind);
	rc = meeting_in_session(&m, "对议程作出结论", err, errlen);
	if (rc == 0)
		rc = load_agenda(st, m.id, agenda_id, &a, err, errlen);
	if (rc != 0) {
		meeting_clear(&m);
		return -1;
	}
	if (a.outcome != OC_OPEN) {
		rc = fail(err, errlen, "该议程已作出结论。");
		goto out;
	}

	rc = store_vote_latest(st, a.id, &v);
	if (rc == 0)
		has_vote = 1, passed = v.quorum_ok && v.passed;
	else if (rc == 1)
		rc = 0;
	else
		rc = store_fail(st, err, errlen);
	if (rc != 0)
		goto out;

	if (rq->outcome == OC_NOTED && k && k->performs_step != 0) {
		rc = fail(err, errlen, "“已听取意见”只用于议事协商会；%s的议程须通过、"
		          "退回、不予采纳或撤回。", k->name);
		goto out;
	}
	if (!a.proposal_id[0]) {
		/* a free item (临时议程) has no proposal to move: it can be
		 * noted, passed by a vote or not adopted */
		if (rq->outcome == OC_FORWARD && !passed)
			rc = fail(err, errlen, "表决未通过（或尚未表决），不能作出通过的结论。");
		else if (rq->outcome == OC_RETURN || rq->outcome == OC_WITHDRAW)
			rc = fail(err, errlen, "临时议程没有对应的议题，不能%s。",
			          rq->outcome == OC_RETURN ? "退回" : "撤回");
		else if (rq->outcome == OC_REJECT && !has_text(rq->reason))
			rc = fail(err, errlen, "不予采纳须写明理由。");
		if (rc != 0)
			goto out;
	} else if (action != 0) {
		struct transition_req tr = {
			.action = action, .meeting_kind = m.kind, .to_step = rq->to_step,
			.vote_passed = passed, .reason = rq->reason,
		};
		if (load_proposal(st, a.proposal_id, &p, err, errlen) != 0) {
			rc = -1;
			goto out;
		}
		tr.step = p.step;
		tr.status = p.status;
		if (proc_apply(&tr, &ns, &nst, err, errlen) != 0) {
			rc = -1;
			goto out;
		}
	}

	if (verb) {
		/* 议题 2026-018 退回至提议：理由 — the exit is part of the minutes */
		const char *subject = a.proposal_number[0] ? a.proposal_number : a.title;
		line = xasprintf("议题 %s %s%s：%s", subject, verb,
		                 rq->outcome == OC_RETURN ? step_long_name(rq->to_step) : "",
		                 rq->reason);
	}

	if (store_begin(st) != 0) {
		rc = store_fail(st, err, errlen);
		goto out;
	}
	if (store_agenda_close(st, a.id, rq->outcome, opt(rq->reason),
	                       rq->decision ? rq->decision : "",
	                       rq->responsible ? rq->responsible : "",
	                       rq->deadline ? rq->deadline : "") != 0)
		goto tx;
	if (a.proposal_id[0] && action != 0 &&
	    store_proposal_transition(st, p.id, action, ns, nst, m.id, a.id,
	                              has_vote ? v.id : NULL, opt(rq->reason)) != 0)
		goto tx;
	if (line) {
		struct minute mi;
		memset(&mi, 0, sizeof mi);
		snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", m.id);
		snprintf(mi.speaker_id, sizeof mi.speaker_id, "%s", m.clerk_id);
		snprintf(mi.speaker, sizeof mi.speaker, "%s", m.clerk_name);
		snprintf(mi.agenda_id, sizeof mi.agenda_id, "%s", a.id);
		now_hm(mi.at);
		mi.text = line;
		if (store_minute_add(st, &mi) != 0)
			goto tx;
	}
	if (store_commit(st) != 0)
		goto tx;
	rc = 0;
	goto out;
tx:
	rc = tx_fail(st, err, errlen);
out:
	free(line);
	proposal_clear(&p);
	agenda_clear(&a);
	meeting_clear(&m);
	return rc;
}

/* ---- people -------------------------------------------------------------- */

int ops_person_save(struct store *st, struct person *p, char *err, size_t errlen)
{
	ys_trim(p->name);
	ys_trim(p->phone);
	if (!p->name[0])
		return fail(err, errlen, "请填写姓名。");
	if (text_chars(p->name) > NAME_MAX_CHARS)
		return fail(err, errlen, "姓名不能超过 %d 个字。", NAME_MAX_CHARS);
	if (strspn(p->phone, "0123456789-+ ") != strlen(p->phone))
		return fail(err, errlen, "电话只能包含数字、“-”、“+”和空格。");
	if (p->gender[0] && strcmp(p->gender, "男") != 0 && strcmp(p->gender, "女") != 0)
		return fail(err, errlen, "性别只能是男、女或不填。");
	if (p->roles < 0 || p->roles >= 1 << 9)
		return fail(err, errlen, "身份无效。");
	/* a 预备党员 becomes a 正式党员 on admission: never both at once */
	if ((p->roles & ROLE_PARTY) && (p->roles & ROLE_PARTY_PROB))
		return fail(err, errlen, "正式党员和预备党员只能选一项。");

	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	if ((p->id[0] ? store_person_update(st, p) : store_person_add(st, p)) != 0 ||
	    store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	return 0;
}
