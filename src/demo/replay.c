/* replay.c: the demo's history run through the ops layer.  The community
 * and the roster come first, at community.tsv's setup_at; then every event
 * in time order (events at the same moment in the order of enum ev_type:
 * a meeting is created before people sign in, speeches come before the
 * vote, the vote before the item's conclusion, everything before 散会),
 * with the process clock set to the moment each thing happened, so the
 * demo obeys the same rules as real use and its numbers (2026-001 …, 文号
 * 〔2026〕1号 …) come out as the store assigns them.  A meeting held live
 * takes the clock; one entered afterwards (补录) is typed in later, each
 * time given as the meeting's own.  Every meeting held is signed and
 * sealed (签字确认) as it closes.  At the end each
 * proposal must be where proposals.tsv expects it, and store_check must
 * find nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/util.h"
#include "model/core.h"
#include "ops/ops.h"
#include "store/store.h"
#include "demo_int.h"

/* events at one moment in the order of enum ev_type, then in file order */
static int ev_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->type != y->type)
		return x->type - y->type;
	return x->seq - y->seq;
}

static int person_by_id(const struct demo *d, const char *id)
{
	for (int i = 0; i < d->np; i++)
		if (strcmp(d->pp[i].id, id) == 0)
			return i;
	return -1;
}

/* an ops failure, reported against the data line that caused it */
static int ops_err(struct demo *d, const struct tsv *t, int r, const char *msg)
{
	return derr(d, t->file, t->rows[r].line, "%s", msg);
}

static int do_left(struct demo *d, int who)
{
	char err[512];
	struct person *p = &d->pp[who];

	p->active = 0;
	if (ops_person_save(d->st, p, err, sizeof err) != 0)
		return ops_err(d, &d->people, who, err);
	return 0;
}

static int do_proposal(struct demo *d, int i)
{
	const struct tsv *t = &d->proposals;
	const int *c = d->pc;
	int r = d->props[i].row;
	const char *kind = fld(t, r, c[4]);
	struct proposal p;
	struct proposer *pp;
	struct strlist names;
	char err[512];
	int n, rc;

	memset(&p, 0, sizeof p);
	/* typed as first typed: a later correction puts it right */
	if (put(d, t, r, p.title, sizeof p.title,
	        first_typed(d, FX_PROPOSAL, i, FF_TITLE, -1, fld(t, r, c[2])), "标题") ||
	    put(d, t, r, p.source, sizeof p.source, fld(t, r, c[6]), "来源") ||
	    put(d, t, r, p.category, sizeof p.category, fld(t, r, c[7]), "类别") ||
	    put(d, t, r, p.grid, sizeof p.grid, fld(t, r, c[8]), "网格") ||
	    put(d, t, r, p.building, sizeof p.building, fld(t, r, c[9]), "楼栋"))
		return -1;
	strlist_split(&names, fld(t, r, c[5]));
	n = names.n ? names.n : 1;
	pp = xcalloc((size_t)n, sizeof *pp);
	if (strcmp(kind, "社区党组织") == 0) {
		pp[0].kind = PK_ORG;
		snprintf(pp[0].name, sizeof pp[0].name, "%s", d->com.party_org);
	} else {
		for (int k = 0; k < names.n; k++) {
			int who = person_by_name(d, names.v[k]);
			pp[k].kind = strcmp(kind, "居民联名") == 0 ? PK_JOINT : PK_PERSON;
			snprintf(pp[k].person_id, sizeof pp[k].person_id, "%s", d->pp[who].id);
			snprintf(pp[k].name, sizeof pp[k].name, "%s", d->pp[who].name);
		}
	}
	p.content = xstrdup(first_typed(d, FX_PROPOSAL, i, FF_CONTENT, -1, fld(t, r, c[3])));
	rc = d->prop_diary[i] >= 0 ? diary_proposal(d, i, &p, pp, n, err, sizeof err)
	   : ops_proposal_new(d->st, &p, pp, n, err, sizeof err);
	if (rc != 0)
		ops_err(d, t, r, err);
	else
		snprintf(d->props[i].id, sizeof d->props[i].id, "%s", p.id);
	proposal_clear(&p);
	free(pp);
	strlist_free(&names);
	return rc;
}

static int do_action(struct demo *d, int r)
{
	const struct tsv *t = &d->actions;
	const int *c = d->ac;
	const char *act = fld(t, r, c[2]);
	int i = prop_by_key(d, fld(t, r, c[1]));
	struct proposal p;
	char err[512];
	int want = step_by_name(act), rc;

	if (!d->props[i].id[0])
		return derr(d, t->file, t->rows[r].line, "议题「%s」此时尚未提出。",
		            fld(t, r, c[1]));
	if (strcmp(act, "撤回") == 0) {
		if (ops_proposal_withdraw(d->st, d->props[i].id, fld(t, r, c[3]),
		                          err, sizeof err) != 0)
			return ops_err(d, t, r, err);
		return 0;
	}
	memset(&p, 0, sizeof p);
	if (store_proposal_get(d->st, d->props[i].id, &p) != 0)
		return derr(d, t->file, t->rows[r].line, "读取议题失败：%s",
		            store_errmsg(d->st));
	rc = p.step;
	proposal_clear(&p);
	/* advance goes one step at a time: the data must name that step */
	if (rc + 1 != want)
		return derr(d, t->file, t->rows[r].line, "议题「%s」处于「%s」，下一步不是「%s」。",
		            fld(t, r, c[1]), step_long_name(rc), act);
	/* 实施 names the responsible person and the deadline; 决议公开 and
	 * 实施结果公开 write their notices with the default posting period,
	 * dated the row's day, with the paragraphs the row adds; reason is
	 * why 实施 or 实施结果公开 came before the decision notice ended */
	if (want == STEP_IMPLEMENT) {
		struct impl_req ir = { .responsible = fld(t, r, c[4]), .deadline = fld(t, r, c[5]),
		                       .reason = fld(t, r, c[3]) };
		rc = ops_implement(d->st, d->props[i].id, &ir, err, sizeof err);
	} else if (want == STEP_PUBLISH || want == STEP_RESULT) {
		struct notice_req nr = { .kind = want == STEP_PUBLISH ? NK_DECISION : NK_RESULT,
		                         .plan = fld(t, r, c[6]), .funds = fld(t, r, c[7]),
		                         .accept = fld(t, r, c[8]), .attach = fld(t, r, c[9]),
		                         .reason = fld(t, r, c[3]) };
		rc = ops_notice_new(d->st, d->props[i].id, &nr, NULL, err, sizeof err);
	} else {
		rc = ops_proposal_advance(d->st, d->props[i].id, err, sizeof err);
	}
	if (rc != 0)
		return ops_err(d, t, r, err);
	return 0;
}

static int do_meeting(struct demo *d, int mi)
{
	const struct tsv *t = &d->meetings;
	const int *c = d->mc;
	struct dmeet *dm = &d->meets[mi];
	int r = dm->row;
	struct meeting m;
	const char **pids;
	struct agenda_item *items;
	char err[512];
	int n, rc = 0, chair, clerk, plan;

	memset(&m, 0, sizeof m);
	m.kind = dm->kind;
	/* the header as first typed, and the date first planned: corrections
	 * and a postponement later put them as the data has them */
	if (put(d, t, r, m.title, sizeof m.title,
	        first_typed(d, FX_MEETING, mi, FF_MTITLE, -1, fld(t, r, c[2])), "会议名称") ||
	    put(d, t, r, m.date, sizeof m.date, fld(t, r, c[3]), "日期") ||
	    put(d, t, r, m.start_time, sizeof m.start_time, fld(t, r, c[4]), "开始时间") ||
	    put(d, t, r, m.place, sizeof m.place,
	        first_typed(d, FX_MEETING, mi, FF_PLACE, -1, fld(t, r, c[6])), "地点") ||
	    put(d, t, r, m.chair_post, sizeof m.chair_post,
	        first_typed(d, FX_MEETING, mi, FF_CHAIR_POST, -1, fld(t, r, c[8])), "主持人职务"))
		return -1;
	if ((plan = fix_of(d, FX_POSTPONE, mi, FF_NONE, -1)) >= 0) {
		const char *was = fld(&d->corrections, plan, d->xc[6]);
		snprintf(m.date, sizeof m.date, "%.10s", was);
		snprintf(m.start_time, sizeof m.start_time, "%.5s", was + 11);
	}
	chair = person_by_name(d, first_typed(d, FX_MEETING, mi, FF_CHAIR, -1, d->pp[dm->chair].name));
	clerk = person_by_name(d, first_typed(d, FX_MEETING, mi, FF_CLERK, -1, d->pp[dm->clerk].name));
	snprintf(m.chair_id, sizeof m.chair_id, "%s", d->pp[chair].id);
	snprintf(m.chair_name, sizeof m.chair_name, "%s", d->pp[chair].name);
	snprintf(m.clerk_id, sizeof m.clerk_id, "%s", d->pp[clerk].id);
	snprintf(m.clerk_name, sizeof m.clerk_name, "%s", d->pp[clerk].name);
	pids = xcalloc((size_t)dm->agenda.n + 1, sizeof *pids);
	for (int i = 0; i < dm->agenda.n; i++) {
		const struct dprop *p = &d->props[dm->agenda_prop[i]];
		if (!p->id[0]) {
			free(pids);
			return derr(d, t->file, t->rows[r].line, "议题「%s」在会议之前尚未提出。",
			            dm->agenda.v[i]);
		}
		pids[i] = p->id;
	}
	rc = ops_meeting_new(d->st, &m, pids, dm->agenda.n,
	                     (const char *const *)dm->free_items.v, dm->free_items.n,
	                     err, sizeof err);
	free(pids);
	if (rc != 0) {
		meeting_clear(&m);
		return ops_err(d, t, r, err);
	}
	snprintf(dm->id, sizeof dm->id, "%s", m.id);
	meeting_clear(&m);

	/* the agenda items' ids, by proposal (agenda keys) or by title (free) */
	items = xcalloc((size_t)dm->nitems + 1, sizeof *items);
	n = store_agenda_list(d->st, dm->id, items, dm->nitems + 1);
	if (n != dm->nitems)
		rc = derr(d, t->file, t->rows[r].line, "会议议程应有 %d 项，数据库中有 %d 项。%s",
		          dm->nitems, n, n < 0 ? store_errmsg(d->st) : "");
	for (int k = 0; rc == 0 && k < n; k++) {
		int at = -1;
		for (int i = 0; i < dm->agenda.n; i++)
			if (strcmp(items[k].proposal_id, d->props[dm->agenda_prop[i]].id) == 0)
				at = i;
		for (int i = 0; at < 0 && !items[k].proposal_id[0] &&
		                i < dm->free_items.n; i++)
			if (strcmp(items[k].title, dm->free_items.v[i]) == 0 &&
			    !dm->item_id[dm->agenda.n + i][0])
				at = dm->agenda.n + i;
		if (at < 0)
			rc = derr(d, t->file, t->rows[r].line, "数据库中的议程「%s」与数据不符。",
			          items[k].title);
		else
			snprintf(dm->item_id[at], sizeof dm->item_id[at], "%s", items[k].id);
	}
	for (int k = 0; k < n; k++)
		agenda_clear(&items[k]);
	free(items);
	return rc;
}

/* the status a person on the sheet gets, from the leave/absent lists */
static int sheet_status(const struct dmeet *dm, const char *name,
                        const char **reason, int *found_leave, int *found_absent)
{
	for (int i = 0; i < dm->leave.n; i++) {
		if (strcmp(dm->leave.v[i], name) == 0) {
			*reason = dm->leave_why[i];
			found_leave[i] = 1;
			return ATT_LEAVE;
		}
	}
	for (int i = 0; i < dm->absent.n; i++) {
		if (strcmp(dm->absent.v[i], name) == 0) {
			found_absent[i] = 1;
			return ATT_ABSENT;
		}
	}
	return ATT_PRESENT;
}

/* "HH:MM" of a moment */
static void hm_of(time_t t, char out[6])
{
	struct tm tm;

	localtime_r(&t, &tm);
	ys_fmt_time(&tm, out);
}

/* a meeting to come: the leaves asked for ahead, written down at `at` */
static int do_leaves_ahead(struct demo *d, int mi, time_t at)
{
	const struct dmeet *dm = &d->meets[mi];
	int line = d->meetings.rows[dm->row].line;
	char err[512];

	ys_clock_set(at);
	for (int i = 0; i < dm->leave.n; i++) {
		int who = person_by_name(d, dm->leave.v[i]);

		if (ops_attend(d->st, dm->id, d->pp[who].id, ATT_LEAVE, dm->leave_why[i], NULL,
		               err, sizeof err) != 0)
			return derr(d, d->meetings.file, line, "%s请假：%s", dm->leave.v[i], err);
	}
	return 0;
}

/* the sign-in sheet as it was filled at the door; a meeting entered
 * afterwards is typed from it at `at`, each sign-in with its time on paper */
static int do_attend(struct demo *d, int mi, time_t at)
{
	const struct tsv *t = &d->meetings;
	struct dmeet *dm = &d->meets[mi];
	int line = t->rows[dm->row].line;
	struct attendance a[64];
	int *fl, *fa;
	int after = 0, n, k = 0, rc = 0;
	char err[512], hm[6];
	time_t when;

	if (!dm->end)
		return do_leaves_ahead(d, mi, at);
	fl = xcalloc((size_t)dm->leave.n + 1, sizeof *fl);
	fa = xcalloc((size_t)dm->absent.n + 1, sizeof *fa);
	do {
		n = store_attendance_page(d->st, dm->id, NULL, -1, after, 1, a, 64);
		if (n < 0) {
			rc = derr(d, t->file, line, "读取签到表失败：%s", store_errmsg(d->st));
			break;
		}
		for (int i = 0; i < n && rc == 0; i++, k++) {
			const char *reason = NULL;
			int who = person_by_id(d, a[i].person_id);
			int status;

			after = a[i].person_no;
			if (who < 0 || !a[i].entitled)
				continue;
			status = sheet_status(dm, a[i].name, &reason, fl, fa);
			/* people drift in over the quarter hour before the start */
			when = dm->start - 15 * 60 + (k * 7 % 15) * 60;
			hm_of(when, hm);
			ys_clock_set(dm->entered ? at : when);
			if (ops_attend(d->st, dm->id, a[i].person_id, status, reason,
			               dm->entered && status == ATT_PRESENT ? hm : NULL,
			               err, sizeof err) != 0)
				rc = derr(d, t->file, line, "%s签到：%s", a[i].name, err);
			dm->att[who] = status;
		}
	} while (rc == 0 && n == 64);
	for (int i = 0; rc == 0 && i < dm->leave.n; i++)
		if (!fl[i])
			rc = derr(d, t->file, line, "请假人员「%s」不在本次会议的应到名单中。",
			          dm->leave.v[i]);
	for (int i = 0; rc == 0 && i < dm->absent.n; i++)
		if (!fa[i])
			rc = derr(d, t->file, line, "缺席人员「%s」不在本次会议的应到名单中。",
			          dm->absent.v[i]);
	free(fl);
	free(fa);
	if (rc != 0)
		return -1;

	ys_clock_set(dm->entered ? at : dm->start - 2 * 60);
	for (int i = 0; i < dm->observers.n; i++) {
		int who = person_by_name(d, dm->observers.v[i]);
		if (who >= 0 && dm->att[who])
			return derr(d, t->file, line, "列席人员「%s」已在本次会议的应到名单中。",
			            dm->observers.v[i]);
		if (ops_observer(d->st, dm->id, who >= 0 ? d->pp[who].id : NULL,
		                 who >= 0 ? NULL : dm->observers.v[i], err, sizeof err) != 0)
			return derr(d, t->file, line, "列席「%s」：%s", dm->observers.v[i], err);
		if (who >= 0)
			dm->att[who] = ATT_OBSERVER;
	}
	return 0;
}

/* the meeting's own time (HH:MM) of a thing typed afterwards; NULL for a
 * meeting recorded as it happens, which takes the clock */
static const char *paper_time(const struct dmeet *dm, const char *hm)
{
	return dm->entered ? hm : NULL;
}

static int do_open(struct demo *d, int mi)
{
	const struct dmeet *dm = &d->meets[mi];
	char err[512];

	if (ops_meeting_open(d->st, dm->id, paper_time(dm, fld(&d->meetings, dm->row, d->mc[4])),
	                     err, sizeof err) != 0)
		return ops_err(d, &d->meetings, d->meets[mi].row, err);
	return 0;
}

static int do_close(struct demo *d, int mi)
{
	struct dmeet *dm = &d->meets[mi];
	const char *pending = fld(&d->meetings, dm->row, d->mc[15]);
	const char *end = fld(&d->meetings, dm->row, d->mc[5]);
	char err[512], signed_at[32];

	if (pending[0] && ops_meeting_set_pending(d->st, dm->id, pending, err, sizeof err) != 0)
		return derr(d, d->meetings.file, d->meetings.rows[dm->row].line,
		            "遗留问题：%s", err);
	if (ops_meeting_close(d->st, dm->id, 0, paper_time(dm, end), err, sizeof err) != 0)
		return ops_err(d, &d->meetings, dm->row, err);
	dm->closed = 1;
	/* chair and clerk sign the minutes as the meeting ends (on paper, for
	 * one entered afterwards: the record says so, typed now) */
	snprintf(signed_at, sizeof signed_at, "%s %s", fld(&d->meetings, dm->row, d->mc[3]), end);
	/* the meeting's clerk enters the seal: the change log names them */
	if (ops_operator_set(d->st, d->pp[dm->clerk].name, err, sizeof err) != 0)
		return ops_err(d, &d->meetings, dm->row, err);
	d->operator_set = 1;
	if (ops_seal(d->st, dm->id, paper_time(dm, signed_at), NULL, err, sizeof err) != 0)
		return derr(d, d->meetings.file, d->meetings.rows[dm->row].line,
		            "签字确认：%s", err);
	return 0;
}

static int do_minute(struct demo *d, const struct event *e)
{
	const struct tsv *t = &d->minutes;
	const int *c = d->nc;
	struct dmeet *dm = &d->meets[e->meet];
	const char *speaker = fld(t, e->idx, c[2]);
	struct minute mi;
	char err[512];
	int ok = 0;

	memset(&mi, 0, sizeof mi);
	if (e->speaker >= 0) {
		int a = dm->att[e->speaker];
		ok = e->speaker == dm->chair || e->speaker == dm->clerk ||
		     a == ATT_PRESENT || a == ATT_OBSERVER;
		snprintf(mi.speaker_id, sizeof mi.speaker_id, "%s", d->pp[e->speaker].id);
	} else {
		for (int i = 0; i < dm->observers.n; i++)
			ok |= strcmp(dm->observers.v[i], speaker) == 0;
	}
	if (!ok)
		return derr(d, t->file, t->rows[e->idx].line, "发言人「%s」不是本次会议的主持人、"
		            "记录人、出席或列席人员。", speaker);
	if (put(d, t, e->idx, mi.speaker, sizeof mi.speaker, speaker, "发言人") ||
	    put(d, t, e->idx, mi.at, sizeof mi.at, fld(t, e->idx, c[1]), "时间"))
		return -1;
	snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", dm->id);
	if (e->item >= 0)
		snprintf(mi.agenda_id, sizeof mi.agenda_id, "%s", dm->item_id[e->item]);
	mi.text = xstrdup(first_typed(d, FX_MINUTE, e->meet, FF_NONE, e->idx, fld(t, e->idx, c[4])));
	if (ops_minute_add(d->st, &mi, err, sizeof err) != 0) {
		minute_clear(&mi);
		return ops_err(d, t, e->idx, err);
	}
	snprintf(d->minute_id[e->idx], sizeof d->minute_id[e->idx], "%s", mi.id);
	minute_clear(&mi);
	return 0;
}

/* roll call: one ballot per present person, choices from the name lists */
static int rollcall(struct demo *d, const struct event *e, struct ballot **out, int *nout)
{
	const struct tsv *t = &d->votes;
	const int *c = d->vc;
	struct dmeet *dm = &d->meets[e->meet];
	struct strlist no, ab;
	struct ballot *b = xcalloc((size_t)d->np + 1, sizeof *b);
	int n = 0, rc = 0;

	strlist_split(&no, fld(t, e->idx, c[5]));
	strlist_split(&ab, fld(t, e->idx, c[6]));
	for (int k = 0; k < no.n + ab.n && rc == 0; k++) {
		const char *name = k < no.n ? no.v[k] : ab.v[k - no.n];
		int who = person_by_name(d, name);
		if (who < 0 || dm->att[who] != ATT_PRESENT)
			rc = derr(d, t->file, t->rows[e->idx].line,
			          "「%s」不是本次会议的出席人员，不能表决。", name);
	}
	for (int i = 0; i < d->np && rc == 0; i++) {
		if (dm->att[i] != ATT_PRESENT)
			continue;
		snprintf(b[n].person_id, sizeof b[n].person_id, "%s", d->pp[i].id);
		snprintf(b[n].name, sizeof b[n].name, "%s", d->pp[i].name);
		b[n].choice = CH_YES;
		for (int k = 0; k < no.n; k++)
			if (strcmp(no.v[k], d->pp[i].name) == 0)
				b[n].choice = CH_NO;
		for (int k = 0; k < ab.n; k++)
			if (strcmp(ab.v[k], d->pp[i].name) == 0)
				b[n].choice = CH_ABSTAIN;
		n++;
	}
	strlist_free(&no);
	strlist_free(&ab);
	if (rc != 0) {
		free(b);
		return -1;
	}
	*out = b;
	*nout = n;
	return 0;
}

/* the counts of a show of hands or a secret ballot of votes.tsv row r at
 * meeting dm ("*" = the rest of those present) into rq; 0 or -1 */
static int tally_of(struct demo *d, const struct dmeet *dm, int r, struct vote_req *rq)
{
	const struct tsv *t = &d->votes;
	const int *c = d->vc;
	struct attendance_counts ac;

	if (store_attendance_counts(d->st, dm->id, &ac) != 0)
		return derr(d, t->file, t->rows[r].line, "读取出席人数失败：%s", store_errmsg(d->st));
	rq->yes = parse_num(fld(t, r, c[4]));
	rq->no = parse_num(fld(t, r, c[5]));
	rq->abstain = parse_num(fld(t, r, c[6]));
	if (rq->yes == -2)
		rq->yes = ac.present - rq->no - rq->abstain;
	if (rq->yes < 0)
		return derr(d, t->file, t->rows[r].line, "反对和弃权票超过了出席人数 %d。", ac.present);
	if (rq->method == VM_SECRET) {
		/* the paper count: 有效 = 收回 − 无效 */
		rq->bc.issued = parse_num(fld(t, r, c[8]));
		rq->bc.returned = parse_num(fld(t, r, c[9]));
		rq->bc.invalid = parse_num(fld(t, r, c[10]));
		rq->bc.valid = rq->bc.returned - rq->bc.invalid;
	}
	return 0;
}

/* the 监票人 and 计票人 of a secret ballot of votes.tsv row r into t (at
 * most max); the count */
static int tellers_of(struct demo *d, int r, struct teller *t, int max)
{
	int n = 0;

	for (int k = 11; k <= 12; k++) {
		struct strlist names;
		strlist_split(&names, fld(&d->votes, r, d->vc[k]));
		for (int i = 0; i < names.n && n < max; i++) {
			int who = person_by_name(d, names.v[i]);
			if (who < 0)
				continue;       /* read.c named it already */
			memset(&t[n], 0, sizeof t[n]);
			snprintf(t[n].person_id, sizeof t[n].person_id, "%s", d->pp[who].id);
			t[n].role = k == 11 ? TELLER_SCRUTINEER : TELLER_COUNTER;
			n++;
		}
		strlist_free(&names);
	}
	return n;
}

static int do_vote(struct demo *d, const struct event *e)
{
	const struct tsv *t = &d->votes;
	const int *c = d->vc;
	struct dmeet *dm = &d->meets[e->meet];
	const char *recount = fld(t, e->idx, c[7]);
	struct vote_req rq;
	struct vote v;
	struct ballot *b = NULL;
	struct teller tellers[16];
	char err[512];
	int rc, k;

	memset(&rq, 0, sizeof rq);
	rq.method = method_by_name(fld(t, e->idx, c[3]));
	rq.at = paper_time(dm, fld(t, e->idx, c[1]));
	if (rq.method == VM_SECRET) {
		rq.ntellers = tellers_of(d, e->idx, tellers, (int)YS_ARRAY_LEN(tellers));
		rq.tellers = tellers;
	}
	if (rq.method == VM_ROLLCALL) {
		if (rollcall(d, e, &b, &rq.nballots) != 0)
			return -1;
		rq.ballots = b;
	} else if ((k = fix_of(d, FX_TALLY, e->meet, FF_NONE, e->idx)) >= 0) {
		/* mistyped: corrections.tsv puts the tally right before the
		 * item is concluded */
		rq.yes = d->fixes[k].yes;
		rq.no = d->fixes[k].no;
		rq.abstain = d->fixes[k].abstain;
	} else if (tally_of(d, dm, e->idx, &rq) != 0) {
		return -1;
	}
	if (recount[0]) {
		if (!dm->last_vote[e->item][0]) {
			free(b);
			return row_err(d, t, e->idx, "写了 recount，但该议程此前没有表决。");
		}
		rq.supersedes = dm->last_vote[e->item];
		rq.reason = recount;
	}
	memset(&v, 0, sizeof v);
	rc = ops_vote(d->st, dm->id, dm->item_id[e->item], &rq, &v, err, sizeof err);
	free(b);
	if (rc != 0)
		return ops_err(d, t, e->idx, err);
	snprintf(dm->last_vote[e->item], sizeof dm->last_vote[e->item], "%s", v.id);
	return 0;
}

static int do_outcome(struct demo *d, const struct event *e)
{
	const struct tsv *t = &d->outcomes;
	const int *c = d->oc;
	struct dmeet *dm = &d->meets[e->meet];
	struct close_req rq;
	char err[512];

	memset(&rq, 0, sizeof rq);
	rq.outcome = outcome_by_name(fld(t, e->idx, c[3]));
	rq.to_step = step_by_name(fld(t, e->idx, c[4]));
	rq.reason = fld(t, e->idx, c[5]);
	rq.decision = fld(t, e->idx, c[6]);
	rq.responsible = fld(t, e->idx, c[7]);
	rq.deadline = fld(t, e->idx, c[8]);
	rq.at = paper_time(dm, fld(t, e->idx, c[1]));
	if (ops_item_close(d->st, dm->id, dm->item_id[e->item], &rq, err, sizeof err) != 0)
		return ops_err(d, t, e->idx, err);
	return 0;
}

/* ---- corrections, 延期 and 取消 (corrections.tsv) ---------------------------- */

/* a proposal's title or content put right: the rest as it stands */
static int fix_proposal(struct demo *d, const struct dfix *x, const char *reason,
                        char *err, size_t errlen)
{
	const struct tsv *t = &d->proposals;
	int r = d->props[x->target].row, n, rc;
	struct proposal p;
	struct proposer pp[17];

	memset(&p, 0, sizeof p);
	if (store_proposal_get(d->st, d->props[x->target].id, &p) != 0)
		return ys_err(err, errlen, "读取议题失败：%s", store_errmsg(d->st));
	n = store_proposal_proposers(d->st, p.id, pp, 17);
	if (n < 0) {
		proposal_clear(&p);
		return ys_err(err, errlen, "读取提议人失败：%s", store_errmsg(d->st));
	}
	if (x->field == FF_TITLE) {
		snprintf(p.title, sizeof p.title, "%s", fld(t, r, d->pc[2]));
	} else {
		free(p.content);
		p.content = xstrdup(fld(t, r, d->pc[3]));
	}
	rc = ops_proposal_edit(d->st, &p, pp, n, reason, err, errlen);
	proposal_clear(&p);
	return rc;
}

/* a field of a meeting's header put right: the rest as it stands */
static int fix_meeting(struct demo *d, const struct dfix *x, const char *reason,
                       char *err, size_t errlen)
{
	const struct tsv *t = &d->meetings;
	const struct dmeet *dm = &d->meets[x->target];
	const struct person *who = NULL;
	struct meeting m;
	int rc;

	memset(&m, 0, sizeof m);
	if (store_meeting_get(d->st, dm->id, &m) != 0)
		return ys_err(err, errlen, "读取会议失败：%s", store_errmsg(d->st));
	switch (x->field) {
	case FF_MTITLE:
		snprintf(m.title, sizeof m.title, "%s", fld(t, dm->row, d->mc[2]));
		break;
	case FF_PLACE:
		snprintf(m.place, sizeof m.place, "%s", fld(t, dm->row, d->mc[6]));
		break;
	case FF_CHAIR_POST:
		snprintf(m.chair_post, sizeof m.chair_post, "%s", fld(t, dm->row, d->mc[8]));
		break;
	case FF_CHAIR:
		who = &d->pp[dm->chair];
		snprintf(m.chair_id, sizeof m.chair_id, "%s", who->id);
		snprintf(m.chair_name, sizeof m.chair_name, "%s", who->name);
		break;
	case FF_CLERK:
		who = &d->pp[dm->clerk];
		snprintf(m.clerk_id, sizeof m.clerk_id, "%s", who->id);
		snprintf(m.clerk_name, sizeof m.clerk_name, "%s", who->name);
		break;
	}
	rc = ops_meeting_edit(d->st, &m, reason, err, errlen);
	meeting_clear(&m);
	return rc;
}

/* a speech put right: its text as minutes.tsv has it */
static int fix_minute(struct demo *d, const struct dfix *x, const char *reason,
                      char *err, size_t errlen)
{
	struct minute mi;
	int rc;

	memset(&mi, 0, sizeof mi);
	if (store_minute_get(d->st, d->minute_id[x->row], &mi) != 0)
		return ys_err(err, errlen, "读取发言记录失败：%s", store_errmsg(d->st));
	free(mi.text);
	mi.text = xstrdup(fld(&d->minutes, x->row, d->nc[4]));
	rc = ops_minute_fix(d->st, &mi, reason, err, errlen);
	minute_clear(&mi);
	return rc;
}

/* a mistyped tally put right before the item is concluded: not a new
 * round, the correction of the latest (votes.tsv has the true counts) */
static int fix_tally(struct demo *d, const struct event *e, const struct dfix *x,
                     const char *reason, char *err, size_t errlen)
{
	struct dmeet *dm = &d->meets[e->meet];
	struct vote_req rq;
	struct vote v;
	int rc;

	memset(&rq, 0, sizeof rq);
	rq.method = method_by_name(fld(&d->votes, x->row, d->vc[3]));
	if (tally_of(d, dm, x->row, &rq) != 0)
		return -1;
	rq.correction = 1;
	rq.supersedes = dm->last_vote[e->item];
	rq.reason = reason;
	rq.at = paper_time(dm, fld(&d->corrections, e->idx, d->xc[0]));
	memset(&v, 0, sizeof v);
	rc = ops_vote(d->st, dm->id, dm->item_id[e->item], &rq, &v, err, errlen);
	if (rc == 0)
		snprintf(dm->last_vote[e->item], sizeof dm->last_vote[e->item], "%s", v.id);
	return rc;
}

static int do_fix(struct demo *d, const struct event *e)
{
	const struct tsv *t = &d->corrections;
	const struct dfix *x = &d->fixes[e->idx];
	const char *reason = fld(t, e->idx, d->xc[7]);
	const struct dmeet *dm = x->kind == FX_PROPOSAL ? NULL : &d->meets[x->target];
	char err[512] = "";
	int rc = 0;

	/* the change log names the clerk who made the change */
	if (ops_operator_set(d->st, d->pp[x->by].name, err, sizeof err) != 0)
		return ops_err(d, t, e->idx, err);
	d->operator_set = 1;
	if (x->kind == FX_PROPOSAL && !d->props[x->target].id[0])
		return derr(d, t->file, t->rows[e->idx].line, "议题「%s」此时尚未提出。",
		            fld(t, e->idx, d->xc[3]));
	if (dm && !dm->id[0])
		return derr(d, t->file, t->rows[e->idx].line, "会议「%s」此时尚未建立。",
		            fld(t, e->idx, d->xc[3]));
	switch (x->kind) {
	case FX_PROPOSAL:
		rc = fix_proposal(d, x, reason, err, sizeof err);
		break;
	case FX_MEETING:
		rc = fix_meeting(d, x, reason, err, sizeof err);
		break;
	case FX_MINUTE:
		if (!d->minute_id[x->row][0])
			return derr(d, t->file, t->rows[e->idx].line, "要更正的发言此时尚未记录。");
		rc = fix_minute(d, x, reason, err, sizeof err);
		break;
	case FX_TALLY:
		rc = fix_tally(d, e, x, reason, err, sizeof err);
		break;
	case FX_POSTPONE:
		rc = ops_meeting_postpone(d->st, dm->id, fld(&d->meetings, dm->row, d->mc[3]),
		                          fld(&d->meetings, dm->row, d->mc[4]), reason,
		                          err, sizeof err);
		break;
	case FX_CANCEL:
		rc = ops_meeting_cancel(d->st, dm->id, reason, err, sizeof err);
		break;
	}
	if (rc != 0)
		return d->failed ? -1 : ops_err(d, t, e->idx, err);
	return 0;
}

static int do_addendum(struct demo *d, const struct event *e)
{
	const struct tsv *t = &d->addenda;
	const int *c = d->dc;
	char err[512];

	if (ops_addendum(d->st, d->meets[e->meet].id, fld(t, e->idx, c[2]), fld(t, e->idx, c[3]),
	                 err, sizeof err) != 0)
		return ops_err(d, t, e->idx, err);
	return 0;
}

static int do_progress(struct demo *d, int r)
{
	const struct tsv *t = &d->progress;
	int i = prop_by_key(d, fld(t, r, d->gc[1]));
	char err[512];

	if (!d->props[i].id[0])
		return derr(d, t->file, t->rows[r].line, "议题「%s」此时尚未提出。",
		            fld(t, r, d->gc[1]));
	if (ops_progress(d->st, d->props[i].id, "", fld(t, r, d->gc[2]), err, sizeof err) != 0)
		return ops_err(d, t, r, err);
	return 0;
}

/* the objection of row r: recorded against the latest notice of its kind;
 * its id is found again as the newest objection of that notice */
static int do_objection(struct demo *d, int r)
{
	const struct tsv *t = &d->objections;
	const int *c = d->jc;
	int i = prop_by_key(d, fld(t, r, c[1]));
	struct notice n;
	struct objection o[64];
	char err[512];
	int rc, k;

	if (!d->props[i].id[0])
		return derr(d, t->file, t->rows[r].line, "议题「%s」此时尚未提出。", fld(t, r, c[1]));
	rc = store_notice_for(d->st, d->props[i].id, notice_kind_by_name(fld(t, r, c[2])), &n);
	if (rc != 0)
		return derr(d, t->file, t->rows[r].line, "议题「%s」此时还没有%s公示。%s",
		            fld(t, r, c[1]), fld(t, r, c[2]), rc < 0 ? store_errmsg(d->st) : "");
	rc = ops_objection(d->st, n.id, fld(t, r, c[3]), fld(t, r, c[4]), err, sizeof err);
	if (rc != 0) {
		notice_clear(&n);
		return ops_err(d, t, r, err);
	}
	k = store_objection_list(d->st, n.id, o, 64);
	notice_clear(&n);
	if (k <= 0)
		return derr(d, t->file, t->rows[r].line, "读取异议失败：%s", store_errmsg(d->st));
	snprintf(d->objection_id[r], sizeof d->objection_id[r], "%s", o[k - 1].id);
	for (int j = 0; j < k; j++)
		objection_clear(&o[j]);
	return 0;
}

static int do_answer(struct demo *d, int r)
{
	const struct tsv *t = &d->objections;
	char err[512];

	if (ops_objection_answer(d->st, d->objection_id[r], fld(t, r, d->jc[6]),
	                         err, sizeof err) != 0)
		return ops_err(d, t, r, err);
	return 0;
}

static int run_event(struct demo *d, const struct event *e)
{
	if (e->type != EV_ATTEND)
		ys_clock_set(e->at);
	switch (e->type) {
	case EV_LEFT:     return do_left(d, e->idx);
	case EV_PROPOSAL: return do_proposal(d, e->idx);
	case EV_ACTION:   return do_action(d, e->idx);
	case EV_MEETING:  return do_meeting(d, e->meet);
	case EV_ATTEND:   return do_attend(d, e->meet, e->at);
	case EV_OPEN:     return do_open(d, e->meet);
	case EV_MINUTE:   return do_minute(d, e);
	case EV_VOTE:     return do_vote(d, e);
	case EV_FIX:      return do_fix(d, e);
	case EV_OUTCOME:  return do_outcome(d, e);
	case EV_CLOSE:    return do_close(d, e->meet);
	case EV_ADDENDUM: return do_addendum(d, e);
	case EV_PROGRESS: return do_progress(d, e->idx);
	case EV_OBJECTION: return do_objection(d, e->idx);
	case EV_ANSWER:   return do_answer(d, e->idx);
	case EV_DIARY:    return do_diary(d, e->idx);
	case EV_DIARY_REPLY: return do_diary_reply(d, e->idx);
	}
	return derr(d, NULL, 0, "内部错误：未知的事件。");
}

/* every proposal where proposals.tsv says it ends */
static int check_expect(struct demo *d)
{
	const struct tsv *t = &d->proposals;

	for (int i = 0; i < d->nprops; i++) {
		const struct dprop *dp = &d->props[i];
		struct proposal p;
		int ok;

		memset(&p, 0, sizeof p);
		if (store_proposal_get(d->st, dp->id, &p) != 0)
			return derr(d, t->file, t->rows[dp->row].line, "读取议题失败：%s",
			            store_errmsg(d->st));
		ok = p.status == dp->expect_status &&
		     (dp->expect_step < 0 || p.step == dp->expect_step);
		if (!ok) {
			char now[64];
			snprintf(now, sizeof now, "%s", p.status == PST_ACTIVE
			         ? step_long_name(p.step) : pstatus_name(p.status));
			proposal_clear(&p);
			return derr(d, t->file, t->rows[dp->row].line,
			            "回放结束时议题处于「%s」，数据中 expect 为「%s」。", now,
			            fld(t, dp->row, d->pc[10]));
		}
		proposal_clear(&p);
	}
	for (int i = 0; i < d->nmeets; i++) {
		struct seal s;

		if (!d->meets[i].end)
			continue;    /* not held: planned, postponed or cancelled */
		if (!d->meets[i].closed)
			return derr(d, d->meetings.file, d->meetings.rows[d->meets[i].row].line,
			            "会议没有散会。");
		if (store_seal_get(d->st, d->meets[i].id, &s) != 0)
			return derr(d, d->meetings.file, d->meetings.rows[d->meets[i].row].line,
			            "会议记录没有签字确认。");
	}
	return 0;
}

struct check_ctx {
	int n;
	char first[512];
};

static void check_cb(const char *line, void *arg)
{
	struct check_ctx *c = arg;
	if (c->n++ == 0)
		snprintf(c->first, sizeof c->first, "%s", line);
}

int replay(struct demo *d)
{
	char err[512];
	struct check_ctx cc;
	int problems;

	ys_clock_set(d->setup_at);
	if (ops_community_save(d->st, &d->com, err, sizeof err) != 0)
		return ops_err(d, &d->community, 0, err);
	for (int i = 0; i < d->np; i++) {
		/* a person who moves away later is on the roll until then */
		if (ops_person_save(d->st, &d->pp[i], err, sizeof err) != 0)
			return ops_err(d, &d->people, i, err);
	}
	qsort(d->ev, (size_t)d->nev, sizeof *d->ev, ev_cmp);
	for (int i = 0; i < d->nev; i++)
		if (run_event(d, &d->ev[i]) != 0)
			return -1;
	/* the secretary's notes and the 大事记's own lines, about all of it */
	if (replay_notes(d) != 0)
		return -1;
	/* the demo names no clerk: whoever opens it is the 录入人 until they
	 * name themselves (4 规则 → s) */
	if (d->operator_set && ops_operator_set(d->st, "", err, sizeof err) != 0)
		return derr(d, NULL, 0, "%s", err);
	if (check_expect(d) != 0)
		return -1;
	memset(&cc, 0, sizeof cc);
	problems = store_check(d->st, check_cb, &cc);
	if (problems < 0)
		return derr(d, NULL, 0, "数据库检查失败：%s", store_errmsg(d->st));
	if (problems > 0)
		return derr(d, NULL, 0, "演示数据库检查发现 %d 个问题，第一个：%s", problems,
		            cc.first);
	return 0;
}
