/* test_demo.c: the demo community is written through the ops layer, obeys
 * the procedure, passes store_check and comes out the same every time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/clock.h"
#include "model/core.h"
#include "demo/demo.h"
#include "ops/seal.h"
#include "store/store.h"
#include "base/util.h"
#include "t.h"
#include "fixture.h"

/* write the demo at path; prints the message on failure */
static int write_demo(const char *path)
{
	char err[1024] = "";
	int rc = demo_write(path, err, sizeof err);

	if (rc != 0)
		printf("  demo_write: %s\n", err);
	return rc;
}

static struct store *open_db(const char *path)
{
	char err[512] = "";
	struct store *st = store_open(path, 0, err, sizeof err);

	if (!st)
		printf("  store_open: %s\n", err);
	return st;
}

/* The demo written once for the checks that only read it: each opens its
 * own handle on the same file (a replay of the whole year is the slow part
 * of these tests). */
static struct store *open_demo(void)
{
	static int written = -1;
	const char *path = fx_path("shared.db");

	if (written < 0)
		written = write_demo(path) == 0;
	CHECK(written == 1);
	return written == 1 ? open_db(path) : NULL;
}

/* the first value of a query, as text ("" when there is no row); freed
 * by the caller */
static char *sql_text(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	char *out;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK) {
		printf("  sql: %s: %s\n", sql, sqlite3_errmsg(store_db(st)));
		return xstrdup("?");
	}
	out = xstrdup(sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)
	              ? (const char *)sqlite3_column_text(s, 0) : "");
	sqlite3_finalize(s);
	return out;
}

static long sql_int(struct store *st, const char *sql)
{
	char *v = sql_text(st, sql);
	long n = strcmp(v, "?") == 0 ? -1 : strtol(v, NULL, 10);

	free(v);
	return n;
}

/* a text summary of everything that must not depend on the run: proposals
 * with number/title/step/status, meetings with number/title/date/status,
 * every vote's snapshot */
static char *summary(struct store *st)
{
	struct strbuf sb = { 0 };
	struct proposal p[16];
	struct meeting m[16];
	char after[16] = "", adate[11] = "", anum[16] = "";
	int n;

	for (int step = 0; step <= STEP_MAX; step++) {
		after[0] = '\0';
		while ((n = store_proposal_page(st, step, after, 1, p, 16)) > 0) {
			for (int i = 0; i < n; i++) {
				sb_addf(&sb, "P %s %s %d %d %s|%s|%s\n", p[i].number, p[i].title,
				        p[i].step, p[i].status, p[i].proposers, p[i].created_at,
				        p[i].updated_at);
				snprintf(after, sizeof after, "%s", p[i].number);
				proposal_clear(&p[i]);
			}
			if (n < 16)
				break;
		}
	}
	while ((n = store_meeting_page(st, adate, anum, m, 16)) > 0) {
		for (int i = 0; i < n; i++) {
			struct agenda_item a[8];
			int na = store_agenda_list(st, m[i].id, a, 8);
			struct attendance_counts c;

			store_attendance_counts(st, m[i].id, &c);
			sb_addf(&sb, "M %s %s %s %s-%s %d 应到%d 实到%d 请假%d 缺席%d 列席%d 记录%d\n",
			        m[i].number, m[i].title, m[i].date, m[i].start_time,
			        m[i].end_time, m[i].status, c.entitled, c.present, c.leave,
			        c.absent, c.observers, store_minute_count(st, m[i].id));
			for (int k = 0; k < na; k++) {
				struct vote v[4];
				int nv = store_vote_list(st, a[k].id, v, 4);
				sb_addf(&sb, "  A %d %s %d\n", a[k].seq, a[k].title, a[k].outcome);
				for (int j = 0; j < nv; j++)
					sb_addf(&sb, "    V %d %d %d/%d %d:%d:%d %d %s\n", v[j].round,
					        v[j].method, v[j].t.entitled, v[j].t.present, v[j].t.yes,
					        v[j].t.no, v[j].t.abstain, v[j].passed, v[j].sentence);
				agenda_clear(&a[k]);
			}
			snprintf(adate, sizeof adate, "%s", m[i].date);
			snprintf(anum, sizeof anum, "%s", m[i].number);
			meeting_clear(&m[i]);
		}
		if (n < 16)
			break;
	}
	/* the paper: notices with their numbers, periods and text, objections */
	{
		struct notice no[8];
		char as[11] = "", aid[ID_LEN] = "";
		while ((n = store_notice_page(st, as, aid, no, 8)) > 0) {
			for (int i = 0; i < n; i++) {
				int t = 0, u = 0;
				store_objection_count(st, no[i].id, &t, &u);
				sb_addf(&sb, "N %s %s %s %s..%s %s 异议%d/%d\n%s\n", no[i].doc_no,
				        no[i].proposal_number, no[i].title, no[i].start_date,
				        no[i].end_date, no[i].written_date, t, u, no[i].body);
				memcpy(as, no[i].start_date, sizeof as);
				memcpy(aid, no[i].id, sizeof aid);
				notice_clear(&no[i]);
			}
			if (n < 8)
				break;
		}
	}
	return sb_steal(&sb);
}

static void test_refuses_existing(void)
{
	const char *path = fx_path("exists.db");
	char err[512] = "";
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	if (f) {
		fputs("keep me", f);
		fclose(f);
	}
	CHECK_INT(demo_write(path, err, sizeof err), -1);
	CHECK_CONTAINS(err, "文件已存在，不会覆盖：");
	CHECK_CONTAINS(err, path);
	f = fopen(path, "r");
	if (f) {
		char buf[16] = "";
		CHECK(fgets(buf, sizeof buf, f) != NULL);
		CHECK_STR(buf, "keep me");
		fclose(f);
	}
	unlink(path);
}

static void test_contents(void)
{
	const char *path = fx_path("demo.db");
	struct store *st;
	struct community com;
	struct person_query all = { 0 }, active = { .active_only = 1 };
	struct person_query party = { .roles = ROLE_PARTY, .active_only = 1 };
	struct proposal p;
	int total = 0, n;

	CHECK_INT(write_demo(path), 0);
	/* the process clock is back to the real one */
	CHECK(labs((long)(ys_now() - time(NULL))) < 5);
	st = open_db(path);
	CHECK(st != NULL);
	if (!st)
		return;

	CHECK_INT(store_community_get(st, &com), 0);
	CHECK_STR(com.name, "军门社区");
	CHECK_STR(com.party_org, "中共军门社区委员会");

	n = store_person_count(st, &all);
	CHECK(n >= 55 && n <= 65);
	CHECK(store_person_count(st, &active) < n);         /* some moved away */
	CHECK(store_person_count(st, &party) >= 20);

	/* every column of the board has a proposal, and so have the exits */
	for (int step = 1; step <= STEP_MAX; step++) {
		int c = store_proposal_count(st, step);
		if (c < 1)
			printf("  no proposal at step %d (%s)\n", step, step_name(step));
		CHECK(c >= 1);
		total += c;
	}
	CHECK(store_proposal_count(st, 0) >= 2);
	total += store_proposal_count(st, 0);
	CHECK(total >= 10);

	/* numbers follow the order of proposing, with the clock's year */
	memset(&p, 0, sizeof p);
	CHECK_INT(store_proposal_get_number(st, "2026-001", &p), 0);
	CHECK_STR(p.title, "10栋至12栋背巷路面硬化");
	CHECK_INT(p.step, STEP_ARCHIVE);
	CHECK_STR(p.created_at, "2026-01-06 10:20:00");
	proposal_clear(&p);

	/* the exits: one 不予采纳, one 撤回, one 退回 waiting again */
	{
		struct proposal ex[16];
		int rej = 0, wd = 0, returned = 0;
		n = store_proposal_page(st, 0, "", 1, ex, 16);
		for (int i = 0; i < n; i++) {
			rej += ex[i].status == PST_REJECTED;
			wd += ex[i].status == PST_WITHDRAWN;
			proposal_clear(&ex[i]);
		}
		CHECK(rej >= 1);
		CHECK(wd >= 1);
		n = store_proposal_page(st, STEP_PROPOSE, "", 1, ex, 16);
		for (int i = 0; i < n; i++) {
			struct pevent ev[16];
			int tot = 0, ne = store_proposal_events(st, ex[i].id, ev, 16, &tot);
			for (int k = 0; k < ne; k++) {
				if (ev[k].action == ACT_RETURN) {
					returned++;
					CHECK(ev[k].reason && ev[k].reason[0]);
					CHECK(ev[k].meeting_id[0]);
				}
				pevent_clear(&ev[k]);
			}
			proposal_clear(&ex[i]);
		}
		CHECK(returned >= 1);
	}

	/* meetings: all held are closed, and the rest were postponed to a day
	 * to come or cancelled; votes within those present, the snapshot
	 * consistent; one vote failed; a roll call has its ballots */
	{
		struct meeting m[32];
		int nm = store_meeting_page(st, "", "", m, 32);
		int kinds = 0, failed = 0, rollcall = 0, votes = 0, recounts = 0, held = 0;

		CHECK(nm >= 10);
		for (int i = 0; i < nm; i++) {
			struct agenda_item a[8];
			int na;

			if (m[i].status != MS_CLOSED) {
				CHECK(m[i].status == MS_CANCELLED || m[i].status == MS_PLANNED);
				/* cancelled or postponed with a reason, or the meeting
				 * still to come, its papers ready to print: an agenda */
				na = store_agenda_list(st, m[i].id, a, 8);
				CHECK(m[i].status_reason[0] || (m[i].status == MS_PLANNED && na > 0));
				for (int j = 0; j < na; j++)
					agenda_clear(&a[j]);
				CHECK_INT(store_minute_count(st, m[i].id), 0);
				meeting_clear(&m[i]);
				continue;
			}
			held++;
			na = store_agenda_list(st, m[i].id, a, 8);
			CHECK(m[i].end_time[0]);
			CHECK(strncmp(m[i].date, "2026-", 5) == 0);
			CHECK(strcmp(m[i].date, "2026-11-20") < 0);
			CHECK(store_minute_count(st, m[i].id) >= 3);
			kinds |= 1 << m[i].kind;
			for (int k = 0; k < na; k++) {
				struct vote v[4];
				int nv = store_vote_list(st, a[k].id, v, 4);
				CHECK(a[k].outcome != OC_OPEN);
				for (int j = 0; j < nv; j++) {
					votes++;
					CHECK(v[j].t.yes + v[j].t.no + v[j].t.abstain <= v[j].t.present);
					CHECK(v[j].t.present <= v[j].t.entitled);
					CHECK(v[j].quorum_ok);
					CHECK(v[j].sentence[0]);
					failed += !v[j].passed;
					recounts += v[j].supersedes[0] != '\0';
					if (v[j].method == VM_ROLLCALL) {
						struct ballot b[64];
						int nb = store_ballots(st, v[j].id, b, 64);
						CHECK_INT(nb, v[j].t.present);
						rollcall++;
					}
				}
				agenda_clear(&a[k]);
			}
			meeting_clear(&m[i]);
		}
		CHECK(held >= 10);
		CHECK(held < nm);
		CHECK(votes >= 15);
		CHECK(failed >= 1);
		CHECK(rollcall >= 1);
		CHECK(recounts >= 1);
		for (int k = MK_LIANGWEI; k <= MK_CONSULT; k++)
			CHECK(kinds & (1 << k));
	}

	CHECK_INT(store_check(st, NULL, NULL), 0);
	store_close(st);
	fx_db_unlink(path);
}

static void count_line(const char *line, void *arg)
{
	(void)line;
	(*(int *)arg)++;
}

/* the paper the demo leaves: every meeting signed, one addendum, notices
 * for every proposal past 决议 (numbered in order), none for the one just
 * decided, an overdue implementation, objections with one answered */
static void test_paper(void)
{
	struct store *st;
	struct meeting m[32];
	struct notice no[16];
	int nm, nn, sealed = 0, held = 0, addenda = 0, lines = 0;

	st = open_demo();
	CHECK(st != NULL);
	if (!st)
		return;
	nm = store_meeting_page(st, "", "", m, 32);
	for (int i = 0; i < nm; i++) {
		struct seal s;
		struct addendum a[4];
		int na;

		held += m[i].status == MS_CLOSED;
		if (store_seal_get(st, m[i].id, &s) == 0) {
			sealed++;
			/* signed as the meeting ended */
			CHECK(strncmp(s.signed_at, m[i].date, 10) == 0);
			CHECK(strncmp(s.signed_at + 11, m[i].end_time, 5) == 0);
			CHECK_STR(s.chair_name, m[i].chair_name);
			CHECK_STR(s.clerk_name, m[i].clerk_name);
		}
		na = store_addendum_list(st, m[i].id, a, 4);
		for (int k = 0; k < na; k++) {
			addenda++;
			CHECK(a[k].reason && a[k].reason[0]);
			CHECK(strcmp(a[k].at, s.signed_at) > 0);
			addendum_clear(&a[k]);
		}
		meeting_clear(&m[i]);
	}
	CHECK(nm >= 10);
	CHECK_INT(sealed, held);
	CHECK(addenda >= 1);
	CHECK_INT(seal_verify_all(st, count_line, &lines), 0);
	CHECK_INT(lines, 0);

	/* notices: 〔2026〕1号 … in the order they were written */
	nn = store_notice_page(st, "", "", no, 16);
	CHECK(nn >= 5);
	for (int i = 0; i < nn; i++) {
		char want[32];
		struct proposal p;

		snprintf(want, sizeof want, "〔2026〕%d号", nn - i);
		CHECK_STR(no[i].doc_no, want);
		CHECK(strncmp(no[i].title, "关于", 6) == 0);
		/* a decision gives its vote's count: 赞成 by show of hands, 同意 on a
		 * secret ballot's paper */
		if (no[i].kind == NK_DECISION)
			CHECK(strstr(no[i].body, " 票，") != NULL &&
			      (strstr(no[i].body, "赞成 ") || strstr(no[i].body, "同意 ")));
		else
			CHECK_CONTAINS(no[i].body, "实施情况如下");
		CHECK_CONTAINS(no[i].channel, "0591-87654321");
		CHECK_INT(store_proposal_get(st, no[i].proposal_id, &p), 0);
		CHECK(p.step >= (no[i].kind == NK_DECISION ? STEP_PUBLISH : STEP_RESULT));
		proposal_clear(&p);
	}
	/* every proposal past 决议 has its decision notice, past 实施 its
	 * result notice; the one at 决议 has none */
	for (int step = STEP_RESOLVE; step <= STEP_ARCHIVE; step++) {
		struct proposal p[8];
		int np = store_proposal_page(st, step, "", 1, p, 8);
		for (int i = 0; i < np; i++) {
			struct notice x;
			int rc = store_notice_for(st, p[i].id, NK_DECISION, &x);
			CHECK_INT(rc, step >= STEP_PUBLISH ? 0 : 1);
			if (rc == 0)
				notice_clear(&x);
			rc = store_notice_for(st, p[i].id, NK_RESULT, &x);
			CHECK_INT(rc, step >= STEP_RESULT ? 0 : 1);
			if (rc == 0) {
				CHECK_CONTAINS(x.title, "实施结果的公示");
				notice_clear(&x);
			}
			if (step == STEP_IMPLEMENT) {
				struct impl im;
				CHECK_INT(store_impl_get(st, p[i].id, &im), 0);
				CHECK(store_progress_count(st, p[i].id) >= 2);
			}
			proposal_clear(&p[i]);
		}
	}
	/* one notice has two objections, one of them answered */
	{
		int two = 0;
		for (int i = 0; i < nn; i++) {
			int t = 0, u = 0;
			store_objection_count(st, no[i].id, &t, &u);
			if (t == 2 && u == 1)
				two++;
		}
		CHECK_INT(two, 1);
	}
	for (int i = 0; i < nn; i++)
		notice_clear(&no[i]);
	/* the board on 2026-11-22 shows an overdue implementation */
	{
		char ids[4][ID_LEN];
		CHECK(store_impl_overdue(st, "2026-11-22", ids, 4) >= 1);
	}
	CHECK_INT(store_check(st, NULL, NULL), 0);
	store_close(st);
}

/* meetings held on paper and typed in afterwards (补录): opened with the
 * paper's start, not the clock; every time in their record is the
 * meeting's own, and the moment of typing, later, is kept beside it */
static void test_entered_afterwards(void)
{
	struct store *st;
	char *v;

	st = open_demo();
	CHECK(st != NULL);
	if (!st)
		return;
	CHECK(sql_int(st, "SELECT count(*) FROM meeting WHERE status = 2 AND held_live = 0") >= 3);
	CHECK(sql_int(st, "SELECT count(*) FROM meeting WHERE status = 2 AND held_live = 1") >= 10);
	/* a two-committee meeting of an afternoon, typed in later, keeps its number */
	v = sql_text(st, "SELECT held_live || ' ' || held_start || '-' || end_time FROM meeting"
	                 " WHERE number = '2026-H-10'");
	CHECK_STR(v, "0 14:30-16:00");
	free(v);
	/* the sign-in sheet: each sign-in at its time on paper, within the
	 * half hour before the start and the end; typed after the meeting */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id"
	                      " WHERE m.status = 2 AND m.held_live = 0 AND a.status = 1"
	                      " AND (a.at = '' OR a.at > m.end_time"
	                      "      OR a.at < substr(time(m.held_start, '-30 minutes'), 1, 5))"), 0);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id"
	                      " WHERE m.status = 2 AND m.held_live = 0 AND a.signed_at <> ''"
	                      " AND a.signed_at <= m.date || ' ' || m.end_time"), 0);
	CHECK(sql_int(st, "SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id"
	                  " WHERE m.status = 2 AND m.held_live = 0 AND a.status = 1") >= 20);
	/* speeches, votes and conclusions at the meeting's times, typed later */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM minute x JOIN meeting m ON m.id = x.meeting_id"
	                      " WHERE m.status = 2 AND m.held_live = 0 AND (x.at < m.held_start"
	                      " OR x.at > m.end_time OR x.created_at <= m.date || ' ' || m.end_time)"), 0);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM vote x JOIN meeting m ON m.id = x.meeting_id"
	                      " WHERE m.status = 2 AND m.held_live = 0 AND (x.at < m.held_start"
	                      " OR x.at > m.end_time OR x.created_at <= m.date || ' ' || m.end_time)"), 0);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM agenda_item x JOIN meeting m ON m.id = x.meeting_id"
	                      " WHERE m.status = 2 AND m.held_live = 0 AND (x.closed_time < m.held_start"
	                      " OR x.closed_time > m.end_time)"), 0);
	/* the steps the proposals took happened at the meeting, recorded later */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM proposal_event e JOIN meeting m ON m.id = e.meeting_id"
	                      " WHERE m.status = 2 AND m.held_live = 0 AND (substr(e.at, 1, 10) <> m.date"
	                      " OR e.recorded_at <= m.date || ' ' || m.end_time)"), 0);
	CHECK(sql_int(st, "SELECT count(*) FROM proposal_event e JOIN meeting m ON m.id = e.meeting_id"
	                  " WHERE m.held_live = 0") >= 4);
	/* signed as the meeting ended, on paper; the seal typed afterwards */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM seal s JOIN meeting m ON m.id = s.meeting_id"
	                      " WHERE m.held_live = 0 AND (s.signed_at <> m.date || ' ' || m.end_time || ':00'"
	                      " OR s.recorded_at <= s.signed_at)"), 0);
	/* a meeting held live: the clock is the meeting's, signed as it ended */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM seal s JOIN meeting m ON m.id = s.meeting_id"
	                      " WHERE m.held_live = 1 AND s.recorded_at <> s.signed_at"), 0);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id"
	                      " WHERE m.held_live = 1 AND a.status = 1"
	                      " AND a.signed_at <> m.date || ' ' || a.at || ':00'"), 0);
	store_close(st);
}

/* a meeting postponed and then held on its new date, one postponed and
 * still to come (已延期), one cancelled (已取消); the numbers of the
 * meetings held stay those of the order they were set up in */
static void test_postponed_cancelled(void)
{
	struct store *st;
	char *v;

	st = open_demo();
	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(sql_int(st, "SELECT count(*) FROM meeting WHERE status = 3 AND status_reason <> ''"), 1);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM meeting WHERE status = 3"), 1);
	/* nobody signed in at the cancelled meeting, nothing recorded */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id"
	                      " WHERE m.status = 3 AND (a.status <> 0 OR a.signed_at <> '')"), 0);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM minute x JOIN meeting m ON m.id = x.meeting_id"
	                      " WHERE m.status = 3"), 0);
	/* postponed and held: its first date kept, signed */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM meeting m JOIN seal s ON s.meeting_id = m.id"
	                      " WHERE m.postponed_from <> '' AND m.status_reason <> ''"
	                      " AND m.status = 2 AND m.date > m.postponed_from"), 1);
	/* postponed, still to come */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM meeting WHERE postponed_from <> ''"
	                      " AND status_reason <> '' AND status = 0 AND date > postponed_from"), 1);
	v = sql_text(st, "SELECT date || ' ' || postponed_from || ' ' || status FROM meeting"
	                 " WHERE number = '2026-H-17'");
	CHECK_STR(v, "2026-11-18 2026-11-11 2");
	free(v);
	/* each in the change log, with its reason and the clerk */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM change_log c JOIN meeting m ON m.id = c.entity_id"
	                      " WHERE c.field = '延期' AND c.reason <> '' AND c.who <> ''"
	                      " AND c.new_value = m.date || ' ' || m.start_time"), 2);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM change_log c JOIN meeting m ON m.id = c.entity_id"
	                      " WHERE c.field = '取消' AND m.status = 3 AND c.reason = m.status_reason"), 1);
	/* a cancelled meeting lets its proposal go on another agenda; a
	 * postponed one still to come is a 议事协商会, which holds nobody's
	 * proposal; the one meeting still to come that decides holds the two
	 * proposals reviewed by the 党员大会 */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM meeting WHERE status = 0 AND kind <> 5"), 1);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
	                      " JOIN proposal p ON p.id = a.proposal_id"
	                      " WHERE m.status = 0 AND m.kind = 4 AND p.step = 3"), 2);
	store_close(st);
}

/* corrections before signing, each in the change log with its old and new
 * value, the reason and the clerk: a proposal's title, a meeting's place,
 * a speech, a mistyped tally */
static void test_corrections(void)
{
	struct store *st;
	char *v;

	st = open_demo();
	CHECK(st != NULL);
	if (!st)
		return;
	CHECK(sql_int(st, "SELECT count(*) FROM change_log c JOIN proposal p ON p.id = c.entity_id"
	                  " WHERE c.entity = 'proposal' AND c.field = '标题' AND c.new_value = p.title"
	                  " AND c.old_value <> p.title") >= 1);
	CHECK(sql_int(st, "SELECT count(*) FROM change_log c JOIN meeting m ON m.id = c.entity_id"
	                  " WHERE c.field = '地点' AND c.new_value = m.place") >= 1);
	CHECK(sql_int(st, "SELECT count(*) FROM change_log c JOIN minute x ON x.meeting_id = c.entity_id"
	                  " WHERE c.field = '修改第 ' || x.seq || ' 条发言'"
	                  " AND c.new_value = x.at || ' ' || x.speaker || '：' || x.text") >= 1);
	CHECK(sql_int(st, "SELECT count(*) FROM change_log WHERE field LIKE '计票更正：%'") >= 1);
	/* the tally corrected, not voted again: the first typed is kept */
	CHECK(sql_int(st, "SELECT count(*) FROM vote v JOIN vote w ON w.id = v.supersedes"
	                  " WHERE v.correction = 1 AND v.reason <> '' AND v.round = w.round + 1"
	                  " AND (v.yes <> w.yes OR v.no <> w.no OR v.abstain <> w.abstain)") >= 1);
	/* every change has its reason and names a clerk of the roster (an
	 * attachment added needs no reason: it is no change of the record; the
	 * 书记手记 and the 大事记 are written, not corrected; the diary logs its
	 * own entries, below) */
	CHECK(sql_int(st, "SELECT count(*) FROM change_log") >= 4);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM change_log WHERE entity NOT IN ('diary', 'note',"
	                      " 'chronicle') AND ((reason = '' AND field <> '附件')"
	                      " OR who NOT IN (SELECT name FROM person))"), 0);
	/* the diary's log: the three proposals made from entries, nothing else */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM change_log c JOIN diary d ON d.id = c.entity_id"
	                      " JOIN proposal p ON p.id = d.proposal_id WHERE c.entity = 'diary'"
	                      " AND c.field = '转为议题' AND c.new_value = p.number"), 3);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM change_log WHERE entity = 'diary'"), 3);
	/* the demo's attachments: the scans of signed papers, attached after
	 * the signing, each logged with its digest */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM attachment"), 3);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM attachment t WHERE EXISTS (SELECT 1 FROM change_log c"
	                      " WHERE c.entity_id = t.owner_id AND c.field = '附件'"
	                      " AND c.new_value LIKE '%' || t.sm3 || '%')"), 3);
	/* made before the record was signed: a meeting's before its seal, a
	 * proposal's before the first meeting that handled it was sealed
	 * (attachments, the scans of what was signed, come after) */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM change_log c JOIN seal s ON s.meeting_id = c.entity_id"
	                      " WHERE c.at >= s.recorded_at AND c.field NOT IN ('签字确认', '更正', '附件')"
	                      " AND c.entity <> 'chronicle'"), 0);
	/* and each seal is in the log, with its digest */
	CHECK_INT(sql_int(st, "SELECT count(*) FROM seal s WHERE NOT EXISTS (SELECT 1 FROM change_log c"
	                      " WHERE c.entity_id = s.meeting_id AND c.field = '签字确认' AND c.new_value = s.sm3)"), 0);
	CHECK_INT(sql_int(st, "SELECT count(*) FROM change_log c WHERE c.entity = 'proposal' AND c.field <> '附件'"
	                      " AND c.at >= (SELECT min(s.recorded_at) FROM proposal_event e"
	                      " JOIN seal s ON s.meeting_id = e.meeting_id WHERE e.proposal_id = c.entity_id)"), 0);
	/* whoever opens the demo is not taken for its clerk */
	v = sql_text(st, "SELECT value FROM setting WHERE key = 'operator'");
	CHECK_STR(v, "");
	free(v);
	CHECK_INT(store_check(st, NULL, NULL), 0);
	store_close(st);
}

static void test_deterministic(void)
{
	const char *a = fx_path("a.db"), *b = fx_path("b.db");
	struct store *sa, *sb;

	CHECK_INT(write_demo(a), 0);
	CHECK_INT(write_demo(b), 0);
	sa = open_db(a);
	sb = open_db(b);
	CHECK(sa && sb);
	if (sa && sb) {
		char *x = summary(sa), *y = summary(sb);
		CHECK(strlen(x) > 1000);
		CHECK_STR(x, y);
		CHECK_CONTAINS(x, "2026-013");
		free(x);
		free(y);
	}
	if (sa)
		store_close(sa);
	if (sb)
		store_close(sb);
	fx_db_unlink(a);
	fx_db_unlink(b);
}

int main(void)
{
	unsetenv("YISHITING_NOW");
	if (fx_tmpdir("demo") != 0)
		return 1;
	RUN(test_refuses_existing);
	RUN(test_contents);
	RUN(test_paper);
	RUN(test_entered_afterwards);
	RUN(test_postponed_cancelled);
	RUN(test_corrections);
	RUN(test_deterministic);
	fx_db_unlink(fx_path("shared.db"));
	fx_tmpdir_remove();
	T_DONE();
}
