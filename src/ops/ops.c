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

#include "base/clock.h"
#include "model/core.h"
#include "ops/ops.h"
#include "ops/seal.h"
#include "store/store.h"
#include "base/text.h"
#include "base/util.h"

#define TITLE_MAX_CHARS 60      /* a proposal title fits a notice's heading */
#define NAME_MAX_CHARS 20

/* Optional references (meeting, agenda item, vote of an event; speaker of
 * a minute line) are passed to the store as NULL when absent: the columns
 * are foreign keys, where only NULL means "none". */
static const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

/* the store's message for the last failed call */
static int store_fail(struct store *st, char *err, size_t errlen)
{
	const char *msg = store_errmsg(st);
	return ys_err(err, errlen, "%s", msg && *msg ? msg : "数据库操作失败。");
}

/* a write inside store_begin() failed: keep its message, undo everything */
static int tx_fail(struct store *st, char *err, size_t errlen)
{
	store_fail(st, err, errlen);
	store_rollback(st);
	return -1;
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
		return ys_err(err, errlen, "会议不存在。");
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
		return ys_err(err, errlen, "议题不存在。");
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
		return ys_err(err, errlen, "议程不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	if (strcmp(a->meeting_id, mid) != 0) {
		agenda_clear(a);
		return ys_err(err, errlen, "该议程不属于本次会议。");
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
		return ys_err(err, errlen, "会议尚未开始，不能%s。", what);
	return ys_err(err, errlen, "会议已散会，不能再%s。", what);
}

/* 签字确认: a sealed meeting's record never changes again (an addendum
 * corrects it).  Every op that writes to a meeting asks this first, so
 * that the refusal is the same whatever else is wrong. */
#define SEALED_MSG "会议记录已签字确认，不能修改；如有错误请添加更正。"

static int not_sealed(struct store *st, const char *mid, char *err, size_t errlen)
{
	struct seal s;
	int rc = store_seal_get(st, mid ? mid : "", &s);

	if (rc == 0)
		return ys_err(err, errlen, SEALED_MSG);
	if (rc < 0)
		return store_fail(st, err, errlen);
	return 0;
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
		ys_err(err, errlen, "%s", why);
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

/* The clerk's steps after the decision, one per completed step:
 *   决议 -> 决议公开     writes the decision notice (default posting period)
 *   决议公开 -> 实施     needs the responsible person and the deadline
 *   实施 -> 实施结果公开 writes the result notice from the progress entries
 *   实施结果公开 -> 归档
 * Any other step (and a proposal no longer active) is left to proc_apply
 * to refuse with its own words. */
int ops_proposal_advance(struct store *st, const char *pid, char *err, size_t errlen)
{
	struct proposal p;
	struct notice n;
	struct impl im;
	int step, status, rc;

	if (load_proposal(st, pid, &p, err, errlen) != 0)
		return -1;
	step = p.step;
	status = p.status;
	proposal_clear(&p);
	if (status == PST_ACTIVE) {
		switch (step) {
		case STEP_RESOLVE:
		case STEP_IMPLEMENT:
			memset(&n, 0, sizeof n);
			rc = ops_notice_new(st, pid, step == STEP_RESOLVE ? NK_DECISION : NK_RESULT,
			                    0, &n, err, errlen);
			notice_clear(&n);
			return rc;
		case STEP_PUBLISH:
			rc = store_impl_get(st, pid, &im);
			if (rc < 0)
				return store_fail(st, err, errlen);
			if (rc == 1 || !im.responsible[0] || !im.deadline[0])
				return ys_err(err, errlen, "请先确定实施责任人和完成时限，再进入实施。");
			return ops_implement(st, pid, im.responsible, im.deadline, err, errlen);
		case STEP_RESULT:
			return transition(st, pid, ACT_ARCHIVE, NULL, err, errlen);
		default:
			break;
		}
	}
	/* before the decision: "尚未作出决议，不能决议公开"; after: "已经归档" */
	return transition(st, pid, step < STEP_RESOLVE ? ACT_PUBLISH : ACT_ARCHIVE, NULL,
	                  err, errlen);
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
		return ys_err(err, errlen, "%s不在花名册中。", role);
	if (rc != 0)
		return store_fail(st, err, errlen);
	if (!name[0] && ys_strlcpy(name, pr.name, len) != 0)
		return ys_err(err, errlen, "%s姓名过长。", role);
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
		return ys_err(err, errlen, "请选择会议类型。");
	if (ys_parse_date(m->date, &tm) != 0)
		return ys_err(err, errlen, "会议日期“%s”无效，格式应为 2026-11-22。", m->date);
	if (ys_parse_time(m->start_time, &hh, &mm) != 0)
		return ys_err(err, errlen, "开始时间“%s”无效，格式应为 14:30。", m->start_time);
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
		return ys_err(err, errlen, "请填写会议地点。");
	if (!m->chair_name[0])
		return ys_err(err, errlen, "请填写主持人。");
	if (!m->clerk_name[0])
		return ys_err(err, errlen, "请填写记录人。");
	if (n < 0 || nfree < 0 || (n > 0 && !pids) || (nfree > 0 && !free_titles))
		return ys_err(err, errlen, "议程无效。");
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
		return ys_err(err, errlen, "找不到表决规则（%s）。",
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
				return ys_err(err, errlen, "同一议题不能重复列入议程。");
		if (load_proposal(st, pids[i], &p, err, errlen) != 0)
			return -1;
		rc = proc_agenda_ok(m->kind, p.step, p.status, why, sizeof why);
		if (rc != 0)
			ys_err(err, errlen, "议题 %s %s", p.number, why);
		proposal_clear(&p);
		if (rc != 0)
			return -1;
	}
	for (int i = 0; i < nfree; i++)
		if (!ys_has_text(free_titles[i]))
			return ys_err(err, errlen, "第 %d 个临时议程没有标题。", i + 1);

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
	if (not_sealed(st, m.id, err, errlen) != 0)
		rc = -1;
	else if (m.status == MS_OPEN)
		rc = ys_err(err, errlen, "会议已经开始。");
	else if (m.status == MS_CLOSED)
		rc = ys_err(err, errlen, "会议已散会，不能再开始。");
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
	if (not_sealed(st, m.id, err, errlen) != 0) {
		meeting_clear(&m);
		return -1;
	}
	if (m.status == MS_PLANNED) {
		meeting_clear(&m);
		return ys_err(err, errlen, "会议尚未开始，不能散会。");
	}
	if (m.status == MS_CLOSED) {
		meeting_clear(&m);
		return ys_err(err, errlen, "会议已经散会。");
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
		return ys_err(err, errlen, "还有 %d 项议程未作结论（%s%s），请先处理，"
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
		return ys_err(err, errlen, "签到状态无效（列席请另行登记）。");
	if (status == ATT_LEAVE && !ys_has_text(reason))
		return ys_err(err, errlen, "请假须写明原因。");
	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	rc = not_sealed(st, m.id, err, errlen);
	if (rc == 0 && m.status == MS_CLOSED)
		rc = ys_err(err, errlen, "会议已散会，不能再签到。");
	meeting_clear(&m);
	if (rc != 0)
		return -1;
	rc = store_attendance_get(st, mid, person_id ? person_id : "", &a);
	if (rc == 1)
		return ys_err(err, errlen, "此人不在本次会议的签到表中（可登记为列席）。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	if (a.status == ATT_OBSERVER)
		return ys_err(err, errlen, "%s是列席人员，不计入应到和实到。", a.name);

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

	if (!opt(person_id) && !ys_has_text(name))
		return ys_err(err, errlen, "请选择列席人员或填写姓名。");
	if (name && text_chars(name) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "姓名不能超过 %d 个字。", NAME_MAX_CHARS);
	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	rc = not_sealed(st, m.id, err, errlen);
	if (rc == 0 && m.status == MS_CLOSED)
		rc = ys_err(err, errlen, "会议已散会，不能再登记列席。");
	meeting_clear(&m);
	if (rc != 0)
		return -1;
	if (opt(person_id)) {
		rc = store_attendance_get(st, mid, person_id, &a);
		if (rc == 0)
			return ys_err(err, errlen, "%s已在本次会议的签到表中。", a.name);
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
		rc = ys_err(err, errlen, "本次会议的表决规则不存在。");
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

	if (!ys_has_text(mi->text))
		return ys_err(err, errlen, "记录内容不能为空。");
	if (mi->at[0] && ys_parse_time(mi->at, &hh, &mm) != 0)
		return ys_err(err, errlen, "时间“%s”无效，格式应为 14:30。", mi->at);
	if (load_meeting(st, mi->meeting_id, &m, err, errlen) != 0)
		return -1;
	rc = not_sealed(st, m.id, err, errlen);
	if (rc == 0 && m.status == MS_CLOSED)
		rc = ys_err(err, errlen, "会议已散会，不能再添加记录。");
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
		return ys_err(err, errlen, "记名表决须为每位出席人员记录一票：实到 %d 人，"
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
			return ys_err(err, errlen, "第 %d 票：%s不是本次会议的出席人员，不能表决。",
			            i + 1, rc == 1 ? "此人" : a.name);
		}
		if (b[i].choice < CH_NONE || b[i].choice > CH_ABSTAIN) {
			free(b);
			return ys_err(err, errlen, "%s的表决意见无效。", a.name);
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
			ys_err(err, errlen, "%s记录了两票。", b[i].name);
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
	rc = not_sealed(st, m.id, err, errlen);
	if (rc == 0)
		rc = meeting_in_session(&m, "表决", err, errlen);
	if (rc == 0)
		rc = load_agenda(st, m.id, agenda_id, &a, err, errlen);
	if (rc != 0) {
		meeting_clear(&m);
		return -1;
	}
	if (a.outcome != OC_OPEN)
		rc = ys_err(err, errlen, "该议程已作出结论（%s），不能再表决。", a.title);
	agenda_clear(&a);
	if (rc != 0)
		goto out;

	if (rq->method < VM_HANDS || rq->method > VM_ROLLCALL) {
		rc = ys_err(err, errlen, "表决方式无效。");
		goto out;
	}
	if (rq->method != VM_ROLLCALL && (rq->ballots || rq->nballots != 0)) {
		rc = ys_err(err, errlen, rq->method == VM_SECRET
		          ? "无记名投票只记票数，不记录个人的选择。"
		          : "举手表决只记票数，不记录个人的选择。");
		goto out;
	}

	/* a recount corrects the latest vote and must say why */
	if (opt(rq->supersedes)) {
		if (!ys_has_text(rq->reason)) {
			rc = ys_err(err, errlen, "复核表决须说明理由。");
			goto out;
		}
		rc = store_vote_latest(st, agenda_id, &prev);
		if (rc == 1 || (rc == 0 && strcmp(prev.id, rq->supersedes) != 0))
			rc = ys_err(err, errlen, "只能复核该议程最近一次的表决。");
		else if (rc != 0)
			rc = store_fail(st, err, errlen);
		if (rc != 0)
			goto out;
		if (ys_strlcpy(v.supersedes, rq->supersedes, sizeof v.supersedes) != 0 ||
		    ys_strlcpy(v.reason, rq->reason, sizeof v.reason) != 0) {
			rc = ys_err(err, errlen, "复核理由过长。");
			goto out;
		}
	}

	/* the snapshot: who is entitled and present now, and the rule set */
	rc = store_attendance_counts(st, m.id, &c);
	if (rc == 0)
		rc = store_rule_get(st, m.rule_id, &v.rule);
	if (rc == 1)
		rc = ys_err(err, errlen, "本次会议的表决规则不存在。");
	else if (rc != 0)
		rc = store_fail(st, err, errlen);
	if (rc != 0)
		goto out;
	v.t.entitled = c.entitled;
	v.t.present = c.present;
	if (!rule_quorum(&v.rule, c.entitled, c.present, kind_label(m.kind),
	                 v.sentence, sizeof v.sentence)) {
		rc = ys_err(err, errlen, "%s", v.sentence);
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
		return ys_err(err, errlen, "请选择议程的结论。");
	if (rq->deadline && rq->deadline[0] && ys_parse_date(rq->deadline, &tm) != 0)
		return ys_err(err, errlen, "时限“%s”无效，格式应为 2026-12-31。", rq->deadline);
	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	memset(&p, 0, sizeof p);
	k = meeting_kind_get(m.kind);
	rc = not_sealed(st, m.id, err, errlen);
	if (rc == 0)
		rc = meeting_in_session(&m, "对议程作出结论", err, errlen);
	if (rc == 0)
		rc = load_agenda(st, m.id, agenda_id, &a, err, errlen);
	if (rc != 0) {
		meeting_clear(&m);
		return -1;
	}
	if (a.outcome != OC_OPEN) {
		rc = ys_err(err, errlen, "该议程已作出结论。");
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
		rc = ys_err(err, errlen, "“已听取意见”只用于议事协商会；%s的议程须通过、"
		          "退回、不予采纳或撤回。", k->name);
		goto out;
	}
	if (!a.proposal_id[0]) {
		/* a free item (临时议程) has no proposal to move: it can be
		 * noted, passed by a vote or not adopted */
		if (rq->outcome == OC_FORWARD && !passed)
			rc = ys_err(err, errlen, "表决未通过（或尚未表决），不能作出通过的结论。");
		else if (rq->outcome == OC_RETURN || rq->outcome == OC_WITHDRAW)
			rc = ys_err(err, errlen, "临时议程没有对应的议题，不能%s。",
			          rq->outcome == OC_RETURN ? "退回" : "撤回");
		else if (rq->outcome == OC_REJECT && !ys_has_text(rq->reason))
			rc = ys_err(err, errlen, "不予采纳须写明理由。");
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

/* ---- minutes after 散会 -------------------------------------------------- */

int ops_minute_update(struct store *st, const struct minute *mi, char *err, size_t errlen)
{
	struct minute old;
	struct meeting m;
	int hh, mm, rc;

	if (!ys_has_text(mi->text))
		return ys_err(err, errlen, "记录内容不能为空。");
	if (mi->at[0] && ys_parse_time(mi->at, &hh, &mm) != 0)
		return ys_err(err, errlen, "时间“%s”无效，格式应为 14:30。", mi->at);
	/* the meeting the line really belongs to, whatever the caller says */
	rc = store_minute_get(st, mi->id, &old);
	if (rc == 1)
		return ys_err(err, errlen, "会议记录不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	rc = strcmp(old.meeting_id, mi->meeting_id) != 0
		? ys_err(err, errlen, "该条记录不属于本次会议。") : 0;
	minute_clear(&old);
	if (rc != 0)
		return -1;
	if (load_meeting(st, mi->meeting_id, &m, err, errlen) != 0)
		return -1;
	rc = not_sealed(st, m.id, err, errlen);
	meeting_clear(&m);
	if (rc != 0)
		return -1;
	if (mi->agenda_id[0]) {
		struct agenda_item a;
		if (load_agenda(st, mi->meeting_id, mi->agenda_id, &a, err, errlen) != 0)
			return -1;
		agenda_clear(&a);
	}
	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	if (store_minute_update(st, mi) != 0 || store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	return 0;
}

int ops_meeting_set_pending(struct store *st, const char *mid, const char *text,
                            char *err, size_t errlen)
{
	struct meeting m;
	int rc;

	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	rc = not_sealed(st, m.id, err, errlen);
	if (rc == 0 && store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (rc == 0 && (store_meeting_set_pending(st, m.id, ys_has_text(text) ? text : NULL) != 0 ||
	                     store_commit(st) != 0))
		rc = tx_fail(st, err, errlen);
	meeting_clear(&m);
	return rc;
}

/* ---- 签字确认 and 更正 ----------------------------------------------------- */

static void now_stamp(char out[20])
{
	struct tm tm;
	ys_now_tm(&tm);
	ys_fmt_stamp(&tm, out);
}

int ops_seal(struct store *st, const char *mid, struct seal *out, char *err, size_t errlen)
{
	struct meeting m;
	struct seal s;
	int rc;

	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	rc = store_seal_get(st, m.id, &s);
	if (rc == 0)
		rc = ys_err(err, errlen, "会议记录已于 %s 签字确认，不能重复签字。", s.signed_at);
	else if (rc < 0)
		rc = store_fail(st, err, errlen);
	else if (m.status != MS_CLOSED)
		rc = ys_err(err, errlen, "会议%s，不能签字确认；散会后再由主持人和记录人签字。",
		          m.status == MS_PLANNED ? "尚未召开" : "尚未散会");
	else if (!ys_has_text(m.chair_name) || !ys_has_text(m.clerk_name))
		rc = ys_err(err, errlen, "会议没有%s，不能签字确认。",
		          !ys_has_text(m.chair_name) ? "主持人" : "记录人");
	else
		rc = 0;
	if (rc != 0) {
		meeting_clear(&m);
		return -1;
	}
	memset(&s, 0, sizeof s);
	snprintf(s.meeting_id, sizeof s.meeting_id, "%s", m.id);
	snprintf(s.chair_name, sizeof s.chair_name, "%s", m.chair_name);
	snprintf(s.clerk_name, sizeof s.clerk_name, "%s", m.clerk_name);
	now_stamp(s.signed_at);
	meeting_clear(&m);
	/* the digests are taken inside the write transaction: what is
	 * signed is exactly what is in the file at that moment */
	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	if (seal_digests(st, &s) != 0) {
		store_rollback(st);
		return ys_err(err, errlen, "无法计算会议记录的摘要（SM3），未签字确认。");
	}
	if (store_seal_add(st, &s) != 0 || store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	if (out)
		*out = s;
	return 0;
}

int ops_addendum(struct store *st, const char *mid, const char *reason, const char *text,
                 char *err, size_t errlen)
{
	struct meeting m;
	struct addendum a;
	struct seal s;
	int rc;

	if (load_meeting(st, mid, &m, err, errlen) != 0)
		return -1;
	rc = store_seal_get(st, m.id, &s);
	if (rc == 1)
		rc = ys_err(err, errlen, "会议记录尚未签字确认，可以直接修改，不需要更正。");
	else if (rc < 0)
		rc = store_fail(st, err, errlen);
	else if (!ys_has_text(reason))
		rc = ys_err(err, errlen, "更正须写明理由。");
	else if (!ys_has_text(text))
		rc = ys_err(err, errlen, "请填写更正内容。");
	if (rc != 0) {
		meeting_clear(&m);
		return -1;
	}
	memset(&a, 0, sizeof a);
	snprintf(a.meeting_id, sizeof a.meeting_id, "%s", m.id);
	meeting_clear(&m);
	a.reason = ys_trim(xstrdup(reason));
	a.text = ys_trim(xstrdup(text));
	if (store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (store_addendum_add(st, &a) != 0 || store_commit(st) != 0)
		rc = tx_fail(st, err, errlen);
	addendum_clear(&a);
	return rc;
}

/* ---- notices (公示) -------------------------------------------------------- */

#define NOTICE_DAYS_DEFAULT 7
#define NOTICE_DAYS_MAX 365

static void today(char out[11])
{
	struct tm tm;
	ys_now_tm(&tm);
	ys_fmt_date(&tm, out);
}

/* days since 1970-01-01 of a civil date (proleptic Gregorian) */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* iso + days into out (YYYY-MM-DD); -1 if iso is not a date */
static int date_add(const char *iso, int days, char out[11])
{
	struct tm tm;
	long y;
	int m, d;

	if (ys_parse_date(iso, &tm) != 0)
		return -1;
	civil_from_days(days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday) + days,
	                &y, &m, &d);
	if (y < 1000 || y > 9999)
		return -1;
	return ys_snprintf(out, 11, "%04ld-%02d-%02d", y, m, d);
}

/* the posting period: the setting "notice_days", else 7 */
static int notice_days(struct store *st)
{
	char val[16];
	int d;

	if (store_setting_get(st, "notice_days", val, sizeof val) != 0)
		return NOTICE_DAYS_DEFAULT;
	d = atoi(val);
	return d >= 1 && d <= NOTICE_DAYS_MAX ? d : NOTICE_DAYS_DEFAULT;
}

static int starts_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int ends_with(const char *s, const char *p)
{
	size_t n = strlen(s), k = strlen(p);
	return n >= k && strcmp(s + n - k, p) == 0;
}

/* what a notice is about: the proposal's title without a leading 关于 and
 * a trailing 的提议 / 的建议 (「关于加装电梯的提议」 -> 「加装电梯」) */
static void notice_subject(const char *title, char *out, size_t len)
{
	static const char *const tails[] = { "的提议", "的建议", "的议题" };
	const char *t = title;

	if (starts_with(t, "关于") && strlen(t) > strlen("关于"))
		t += strlen("关于");
	ys_strlcpy(out, t, len);
	for (size_t i = 0; i < YS_ARRAY_LEN(tails); i++) {
		if (ends_with(out, tails[i]) && strlen(out) > strlen(tails[i])) {
			out[strlen(out) - strlen(tails[i])] = '\0';
			break;
		}
	}
}

/* "召开2026年第1次居民代表会议（会议编号 2026-H-03）" */
static void meeting_phrase(const struct meeting *m, char *out, size_t len)
{
	const struct meeting_kind_def *k = meeting_kind_get(m->kind);
	char d[32];

	ys_cn_date_any(m->date, d);
	if (!k || strstr(m->title, k->name))
		snprintf(out, len, "%s，社区召开%s（会议编号 %s）", d, m->title, m->number);
	else
		snprintf(out, len, "%s，社区召开%s「%s」（会议编号 %s）", d, k->name, m->title,
		         m->number);
}

/* the decision and who carries it out, as the meeting recorded it */
struct decided {
	struct meeting m;
	struct agenda_item a;
	struct vote v;
	int has_vote;
};

static void decided_clear(struct decided *d)
{
	meeting_clear(&d->m);
	agenda_clear(&d->a);
}

/* the 居民会议 / 居民代表会议 that moved the proposal to 决议 */
static int load_decided(struct store *st, const char *pid, struct decided *d,
                        char *err, size_t errlen)
{
	struct pevent ev;
	int rc;

	memset(d, 0, sizeof *d);
	rc = store_proposal_event_find(st, pid, ACT_FORWARD, STEP_RESOLVE, &ev);
	if (rc < 0)
		return store_fail(st, err, errlen);
	if (rc == 1 || !ev.meeting_id[0] || !ev.agenda_id[0]) {
		if (rc == 0)
			pevent_clear(&ev);
		return ys_err(err, errlen, "找不到作出决议的会议记录，无法生成公示。");
	}
	rc = load_meeting(st, ev.meeting_id, &d->m, err, errlen);
	if (rc == 0)
		rc = load_agenda(st, ev.meeting_id, ev.agenda_id, &d->a, err, errlen);
	if (rc == 0 && ev.vote_id[0]) {
		int r = store_vote_get(st, ev.vote_id, &d->v);
		if (r < 0)
			rc = store_fail(st, err, errlen);
		d->has_vote = r == 0;
	}
	pevent_clear(&ev);
	if (rc != 0)
		decided_clear(d);
	return rc;
}

/* 决议公开: which meeting, 应到/实到, the vote and its result, the decision,
 * the responsible person and the deadline */
static void decision_body(const struct proposal *p, const struct decided *d,
                          struct strbuf *b)
{
	const struct meeting_kind_def *k = meeting_kind_get(d->m.kind);
	const char *dec = d->a.decision;
	char ph[512], dl[32];

	meeting_phrase(&d->m, ph, sizeof ph);
	sb_addf(b, "%s，对议题 %s「%s」进行表决。", ph, p->number, p->title);
	if (d->has_vote) {
		sb_addf(b, "会议%s %d 人，实到 %d 人。采用%s，赞成 %d 票，反对 %d 票，弃权 %d 票。%s",
		        k ? k->entitled_label : "应到", d->v.t.entitled, d->v.t.present,
		        vote_method_name(d->v.method), d->v.t.yes, d->v.t.no, d->v.t.abstain,
		        d->v.sentence);
	}
	sb_add(b, "\n");
	if (starts_with(dec, "决议："))
		dec += strlen("决议：");
	if (ys_has_text(dec))
		sb_addf(b, "决议内容：%s\n", dec);
	else
		sb_addf(b, "决议内容：同意议题「%s」。\n", p->title);
	if (d->a.responsible[0] && d->a.deadline[0]) {
		ys_cn_date_any(d->a.deadline, dl);
		sb_addf(b, "责任人：%s；完成时限：%s。\n", d->a.responsible, dl);
	} else if (d->a.responsible[0]) {
		sb_addf(b, "责任人：%s。\n", d->a.responsible);
	} else if (d->a.deadline[0]) {
		ys_cn_date_any(d->a.deadline, dl);
		sb_addf(b, "完成时限：%s。\n", dl);
	}
	sb_add(b, "现予公示。");
}

/* the progress entries of a proposal, oldest first */
static int progress_all(struct store *st, const char *pid, struct progress **out)
{
	int max = 16, n;
	struct progress *pr = NULL;

	for (;;) {
		pr = xrealloc(pr, (size_t)max * sizeof *pr);
		n = store_progress_list(st, pid, pr, max);
		if (n < 0) {
			free(pr);
			return -1;
		}
		if (n < max)
			break;
		for (int i = 0; i < n; i++)
			progress_clear(&pr[i]);
		max *= 2;
	}
	*out = pr;
	return n;
}

/* 实施结果公开: the decision it carries out, who and by when, what was done */
static void result_body(const struct proposal *p, const struct decided *d,
                        const struct impl *im, const struct progress *pr, int npr,
                        struct strbuf *b)
{
	char ph[512], dl[32], day[32];
	const char *who = im->responsible[0] ? im->responsible : d->a.responsible;
	const char *deadline = im->deadline[0] ? im->deadline : d->a.deadline;

	meeting_phrase(&d->m, ph, sizeof ph);
	sb_addf(b, "%s，决定实施议题 %s「%s」", ph, p->number, p->title);
	if (who[0])
		sb_addf(b, "，由%s负责", who);
	if (deadline[0]) {
		ys_cn_date_any(deadline, dl);
		sb_addf(b, "，完成时限为%s", dl);
	}
	sb_add(b, "。实施情况如下：\n");
	for (int i = 0; i < npr; i++) {
		ys_cn_date_any(pr[i].at, day);
		sb_addf(b, "%s：%s\n", day, pr[i].text);
	}
	if (deadline[0] && npr > 0 && strcmp(pr[npr - 1].at, deadline) > 0) {
		ys_cn_date_any(deadline, dl);
		sb_addf(b, "实施晚于完成时限（%s）%d 天。\n", dl,
		        ys_days_between(deadline, pr[npr - 1].at));
	}
	sb_add(b, "现将实施结果予以公示。");
}

int ops_notice_new(struct store *st, const char *pid, int kind, int days,
                   struct notice *n, char *err, size_t errlen)
{
	struct proposal p;
	struct community com;
	struct decided d;
	struct impl im;
	struct progress *pr = NULL;
	struct notice local;
	struct strbuf body = { 0 };
	struct transition_req rq = { .action = kind == NK_RESULT ? ACT_PUBLISH_RESULT : ACT_PUBLISH };
	char subject[256];
	int ns, nst, npr = 0, rc;

	if (!n)
		n = &local;
	memset(n, 0, sizeof *n);
	if (kind != NK_DECISION && kind != NK_RESULT)
		return ys_err(err, errlen, "公示类型无效。");
	if (days < 0 || days > NOTICE_DAYS_MAX)
		return ys_err(err, errlen, "公示期应为 1 至 %d 天。", NOTICE_DAYS_MAX);
	if (load_proposal(st, pid, &p, err, errlen) != 0)
		return -1;
	rq.step = p.step;
	rq.status = p.status;
	if (proc_apply(&rq, &ns, &nst, err, errlen) != 0) {
		proposal_clear(&p);
		return -1;
	}
	rc = store_community_get(st, &com);
	if (rc == 1 || (rc == 0 && (!com.party_org[0] || !com.committee[0])))
		rc = ys_err(err, errlen, "尚未填写社区党组织和居委会名称，无法生成公示落款。");
	else if (rc < 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0 && load_decided(st, p.id, &d, err, errlen) != 0)
		rc = -1;
	if (rc != 0) {
		proposal_clear(&p);
		return -1;
	}
	memset(&im, 0, sizeof im);
	if (kind == NK_RESULT) {
		npr = progress_all(st, p.id, &pr);
		if (npr < 0)
			rc = store_fail(st, err, errlen);
		else if (npr == 0)
			rc = ys_err(err, errlen, "还没有实施进展记录，不能发布实施结果公示；"
			          "请先登记实施进展。");
		else if (store_impl_get(st, p.id, &im) < 0)
			rc = store_fail(st, err, errlen);
		if (rc != 0)
			goto out;
	}

	notice_subject(p.title, subject, sizeof subject);
	n->kind = kind;
	snprintf(n->proposal_id, sizeof n->proposal_id, "%s", p.id);
	if (ys_snprintf(n->title, sizeof n->title, "关于%s%s的公示", subject,
	                kind == NK_RESULT ? "实施结果" : "") != 0) {
		rc = ys_err(err, errlen, "议题标题过长，无法生成公示标题。");
		goto out;
	}
	snprintf(n->addressee, sizeof n->addressee, "全体居民");
	if (kind == NK_DECISION)
		decision_body(&p, &d, &body);
	else
		result_body(&p, &d, &im, pr, npr, &body);
	n->body = sb_steal(&body);
	today(n->start_date);
	snprintf(n->written_date, sizeof n->written_date, "%s", n->start_date);
	if (date_add(n->start_date, (days ? days : notice_days(st)) - 1, n->end_date) != 0) {
		rc = ys_err(err, errlen, "系统日期不对，无法计算公示期。");
		goto out;
	}
	n->channel = com.phone[0]
		? xasprintf("公示期内如有异议，请向社区居委会反映，电话：%s", com.phone)
		: xstrdup("公示期内如有异议，请向社区居委会反映。");
	if (ys_snprintf(n->signoff, sizeof n->signoff, "%s\n%s", com.party_org, com.committee) != 0) {
		rc = ys_err(err, errlen, "社区党组织和居委会名称过长，无法生成落款。");
		goto out;
	}

	if (store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (store_notice_add(st, n) != 0 ||
	         store_proposal_transition(st, p.id, rq.action, ns, nst, NULL, NULL, NULL,
	                                   NULL) != 0 ||
	         store_commit(st) != 0)
		rc = tx_fail(st, err, errlen);
out:
	for (int i = 0; i < npr; i++)
		progress_clear(&pr[i]);
	free(pr);
	sb_free(&body);
	decided_clear(&d);
	proposal_clear(&p);
	if (rc != 0 || n == &local)
		notice_clear(n);
	return rc;
}

/* ---- 实施 ---------------------------------------------------------------- */

int ops_impl_defaults(struct store *st, const char *pid, struct impl *im,
                      char *err, size_t errlen)
{
	struct decided d;
	int rc;

	memset(im, 0, sizeof im[0]);
	rc = store_impl_get(st, pid ? pid : "", im);
	if (rc < 0)
		return store_fail(st, err, errlen);
	if (rc == 0)
		return 0;
	snprintf(im->proposal_id, sizeof im->proposal_id, "%s", pid ? pid : "");
	/* not set yet: what the deciding meeting wrote, if anything */
	if (load_decided(st, pid, &d, err, errlen) != 0)
		return 0;
	snprintf(im->responsible, sizeof im->responsible, "%s", d.a.responsible);
	snprintf(im->deadline, sizeof im->deadline, "%s", d.a.deadline);
	decided_clear(&d);
	return 0;
}

int ops_implement(struct store *st, const char *pid, const char *responsible,
                  const char *deadline, char *err, size_t errlen)
{
	struct proposal p;
	struct transition_req rq = { .action = ACT_IMPLEMENT };
	struct impl im;
	struct tm tm;
	int ns, nst, rc = 0;

	if (!ys_has_text(responsible))
		return ys_err(err, errlen, "请填写实施责任人。");
	memset(&im, 0, sizeof im);
	if (ys_strlcpy(im.responsible, responsible, sizeof im.responsible) != 0 ||
	    text_chars(ys_trim(im.responsible)) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "责任人不能超过 %d 个字。", NAME_MAX_CHARS);
	if (!deadline || strlen(deadline) != 10 || ys_parse_date(deadline, &tm) != 0)
		return ys_err(err, errlen, "完成时限“%s”无效，格式应为 2026-12-31。",
		            deadline ? deadline : "");
	snprintf(im.deadline, sizeof im.deadline, "%s", deadline);
	if (load_proposal(st, pid, &p, err, errlen) != 0)
		return -1;
	rq.step = p.step;
	rq.status = p.status;
	if (proc_apply(&rq, &ns, &nst, err, errlen) != 0) {
		proposal_clear(&p);
		return -1;
	}
	snprintf(im.proposal_id, sizeof im.proposal_id, "%s", p.id);
	if (store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (store_impl_set(st, &im) != 0 ||
	         store_proposal_transition(st, p.id, ACT_IMPLEMENT, ns, nst, NULL, NULL, NULL,
	                                   NULL) != 0 ||
	         store_commit(st) != 0)
		rc = tx_fail(st, err, errlen);
	proposal_clear(&p);
	return rc;
}

int ops_progress(struct store *st, const char *pid, const char *text, char *err, size_t errlen)
{
	struct proposal p;
	struct progress pr;
	int rc = 0;

	if (!ys_has_text(text))
		return ys_err(err, errlen, "请填写实施进展。");
	if (load_proposal(st, pid, &p, err, errlen) != 0)
		return -1;
	if (p.status != PST_ACTIVE || p.step != STEP_IMPLEMENT)
		rc = ys_err(err, errlen, "议题 %s 现为「%s」，不在实施阶段，不能登记实施进展。",
		          p.number, p.status == PST_ACTIVE ? step_long_name(p.step)
		                                           : pstatus_name(p.status));
	if (rc != 0) {
		proposal_clear(&p);
		return -1;
	}
	memset(&pr, 0, sizeof pr);
	snprintf(pr.proposal_id, sizeof pr.proposal_id, "%s", p.id);
	proposal_clear(&p);
	pr.text = ys_trim(xstrdup(text));
	if (store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (store_progress_add(st, &pr) != 0 || store_commit(st) != 0)
		rc = tx_fail(st, err, errlen);
	progress_clear(&pr);
	return rc;
}

/* ---- 异议 ------------------------------------------------------------------ */

/* An objection is recorded whenever it arrives, also after the posting
 * period ended: the record must show it, and the board marks it as late
 * (received_at after the notice's end_date). */
int ops_objection(struct store *st, const char *notice_id, const char *person,
                  const char *content, char *err, size_t errlen)
{
	struct notice n;
	struct objection o;
	int rc;

	if (!ys_has_text(person))
		return ys_err(err, errlen, "请填写提出异议的人。");
	if (!ys_has_text(content))
		return ys_err(err, errlen, "请填写异议内容。");
	memset(&o, 0, sizeof o);
	if (ys_strlcpy(o.person, person, sizeof o.person) != 0 ||
	    text_chars(ys_trim(o.person)) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "异议人姓名不能超过 %d 个字。", NAME_MAX_CHARS);
	rc = store_notice_get(st, notice_id ? notice_id : "", &n);
	if (rc == 1)
		return ys_err(err, errlen, "公示不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	snprintf(o.notice_id, sizeof o.notice_id, "%s", n.id);
	notice_clear(&n);
	now_stamp(o.received_at);
	o.content = ys_trim(xstrdup(content));
	rc = 0;
	if (store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (store_objection_add(st, &o) != 0 || store_commit(st) != 0)
		rc = tx_fail(st, err, errlen);
	objection_clear(&o);
	return rc;
}

int ops_objection_answer(struct store *st, const char *objection_id, const char *answer,
                         char *err, size_t errlen)
{
	struct objection o;
	char *a;
	int rc;

	if (!ys_has_text(answer))
		return ys_err(err, errlen, "请填写答复内容。");
	rc = store_objection_get(st, objection_id ? objection_id : "", &o);
	if (rc == 1)
		return ys_err(err, errlen, "异议不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	rc = o.answer ? ys_err(err, errlen, "该异议已于 %s 答复。", o.answered_at) : 0;
	objection_clear(&o);
	if (rc != 0)
		return -1;
	a = ys_trim(xstrdup(answer));
	if (store_begin(st) != 0)
		rc = store_fail(st, err, errlen);
	else if (store_objection_answer(st, objection_id, a) != 0 || store_commit(st) != 0)
		rc = tx_fail(st, err, errlen);
	free(a);
	return rc;
}

/* ---- people -------------------------------------------------------------- */

int ops_person_save(struct store *st, struct person *p, char *err, size_t errlen)
{
	ys_trim(p->name);
	ys_trim(p->phone);
	if (!p->name[0])
		return ys_err(err, errlen, "请填写姓名。");
	if (text_chars(p->name) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "姓名不能超过 %d 个字。", NAME_MAX_CHARS);
	if (strspn(p->phone, "0123456789-+ ") != strlen(p->phone))
		return ys_err(err, errlen, "电话只能包含数字、“-”、“+”和空格。");
	if (p->gender[0] && strcmp(p->gender, "男") != 0 && strcmp(p->gender, "女") != 0)
		return ys_err(err, errlen, "性别只能是男、女或不填。");
	if (p->roles < 0 || p->roles >= 1 << 9)
		return ys_err(err, errlen, "身份无效。");
	/* a 预备党员 becomes a 正式党员 on admission: never both at once */
	if ((p->roles & ROLE_PARTY) && (p->roles & ROLE_PARTY_PROB))
		return ys_err(err, errlen, "正式党员和预备党员只能选一项。");

	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	if ((p->id[0] ? store_person_update(st, p) : store_person_add(st, p)) != 0 ||
	    store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	return 0;
}

/* ---- the community and batches ------------------------------------------- */

int ops_community_save(struct store *st, struct community *c, char *err, size_t errlen)
{
	ys_trim(c->name);
	ys_trim(c->party_org);
	ys_trim(c->committee);
	ys_trim(c->street);
	ys_trim(c->phone);
	if (!c->name[0])
		return ys_err(err, errlen, "请填写社区名称。");
	/* the organisations' names follow from the community's when empty */
	if (!c->party_org[0] &&
	    ys_snprintf(c->party_org, sizeof c->party_org, "中共%s委员会", c->name) != 0)
		return ys_err(err, errlen, "社区名称过长。");
	if (!c->committee[0] &&
	    ys_snprintf(c->committee, sizeof c->committee, "%s居民委员会", c->name) != 0)
		return ys_err(err, errlen, "社区名称过长。");
	if (strspn(c->phone, "0123456789-+ ") != strlen(c->phone))
		return ys_err(err, errlen, "异议电话只能包含数字、“-”、“+”和空格。");
	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	if (store_community_set(st, c) != 0 || store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	return 0;
}

int ops_batch_begin(struct store *st, char *err, size_t errlen)
{
	return store_begin(st) != 0 ? store_fail(st, err, errlen) : 0;
}

int ops_batch_end(struct store *st, int commit, char *err, size_t errlen)
{
	if (!commit) {
		store_rollback(st);
		return 0;
	}
	return store_commit(st) != 0 ? tx_fail(st, err, errlen) : 0;
}

int ops_setting_set(struct store *st, const char *key, const char *value,
                    char *err, size_t errlen)
{
	if (!key || !*key)
		return ys_err(err, errlen, "设置项没有名称。");
	if (store_begin(st) != 0)
		return store_fail(st, err, errlen);
	if (store_setting_set(st, key, value ? value : "") != 0 || store_commit(st) != 0)
		return tx_fail(st, err, errlen);
	return 0;
}
