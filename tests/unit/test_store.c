/* test_store.c: the storage layer against real database files: a new
 * file, an upgrade from the first schema, files it must refuse, UUIDs, a
 * restart that keeps every kind of record, keyset paging both ways, fields
 * that are too long, transactions, the snapshot of roster and rule at a
 * vote, search, and store_check finding what was broken behind its back. */
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "t.h"
#include "fixture.h"
#include "model/core.h"
#include "base/embed.h"
#include "store/store.h"
#include "base/util.h"

static struct store *fresh(const char *name)
{
	char err[512] = "";
	const char *path = fx_path(name);
	struct store *st;

	fx_db_unlink(path);
	st = store_open(path, STORE_CREATE, err, sizeof err);
	if (!st)
		printf("store_open(%s): %s\n", path, err);
	return st;
}

/* one value of a query on the raw handle */
static long long sql_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	long long v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return -999;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void sql_text(sqlite3 *db, const char *sql, char *out, size_t len)
{
	sqlite3_stmt *s;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, len, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
}

static int add_person(struct store *st, const char *name, int roles, struct person *out)
{
	struct person p;

	memset(&p, 0, sizeof p);
	ys_strlcpy(p.name, name, sizeof p.name);
	p.roles = roles;
	p.active = 1;
	ys_strlcpy(p.grid, "第一网格", sizeof p.grid);
	if (store_person_add(st, &p))
		return -1;
	if (out)
		*out = p;
	return 0;
}

static int add_proposal(struct store *st, const char *title, const char *content,
                        const char *proposer_id, struct proposal *out)
{
	struct proposal p;
	struct proposer pp;

	memset(&p, 0, sizeof p);
	memset(&pp, 0, sizeof pp);
	ys_strlcpy(p.title, title, sizeof p.title);
	p.content = (char *)content;
	ys_strlcpy(p.source, "网格走访", sizeof p.source);
	ys_strlcpy(pp.person_id, proposer_id ? proposer_id : "", sizeof pp.person_id);
	ys_strlcpy(pp.name, proposer_id ? "" : "社区党委", sizeof pp.name);
	pp.kind = proposer_id ? PK_PERSON : PK_ORG;
	if (store_proposal_add(st, &p, &pp, 1))
		return -1;
	p.content = NULL;
	if (out)
		*out = p;
	return 0;
}

static int new_meeting(struct store *st, int kind, const char *date, const char *const *pids,
                       int n, struct meeting *out)
{
	struct meeting m;

	memset(&m, 0, sizeof m);
	m.kind = kind;
	ys_strlcpy(m.title, "测试会议", sizeof m.title);
	ys_strlcpy(m.date, date, sizeof m.date);
	ys_strlcpy(m.start_time, "14:00", sizeof m.start_time);
	ys_strlcpy(m.place, "社区会议室", sizeof m.place);
	ys_strlcpy(m.chair_name, "王书记", sizeof m.chair_name);
	ys_strlcpy(m.clerk_name, "李记录", sizeof m.clerk_name);
	if (store_meeting_create(st, &m, pids, n, NULL, 0))
		return -1;
	if (out)
		*out = m;
	return 0;
}

/* how many records of `kind` the search for q finds; the first one's
 * title in found_first */
static char found_first[300];
static int found(struct store *st, const char *q, const char *kind)
{
	struct search_hit *h;
	int n = store_search(st, q, &h, NULL), k = 0;

	found_first[0] = '\0';
	for (int i = 0; i < n; i++)
		if (strcmp(h[i].kind, kind) == 0 && k++ == 0)
			snprintf(found_first, sizeof found_first, "%s", h[i].title);
	if (n > 0)
		search_hits_free(h, n);
	return n < 0 ? -1 : k;
}

/* ---- opening -------------------------------------------------------------- */

static void test_fresh_database(void)
{
	static const char *const tables[] = {
		"community", "setting", "person", "rule_set", "proposal", "proposer",
		"proposal_event", "meeting", "agenda_item", "attendance", "minute", "vote",
		"ballot", "change_log", "search_fts", "search_fts_key",
	};
	struct store *st = fresh("fresh.db");
	struct rule_set rules[16];
	struct fx_lines l = { 0, "" };
	char buf[64], sql[128];
	sqlite3 *db;
	int i, n;

	CHECK(st != NULL);
	if (!st)
		return;
	db = store_db(st);
	for (i = 0; i < (int)YS_ARRAY_LEN(tables); i++) {
		snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM sqlite_master WHERE name = '%s'", tables[i]);
		CHECK_INT(sql_int(db, sql), 1);
	}
	sql_text(db, "PRAGMA journal_mode", buf, sizeof buf);
	CHECK_STR(buf, "wal");
	CHECK_INT(sql_int(db, "PRAGMA foreign_keys"), 1);
	CHECK_INT(sql_int(db, "PRAGMA synchronous"), 2);
	CHECK_INT(sql_int(db, "PRAGMA busy_timeout"), 5000);
	CHECK(store_latest_version() >= 2);
	CHECK_INT(sql_int(db, "PRAGMA user_version"), store_latest_version());
	CHECK_INT(store_user_version(st), store_latest_version());

	/* the rule sets are seeded from the defaults, with fresh UUIDs */
	n = store_rule_list(st, rules, 16);
	CHECK_INT(n, (int)rule_default_count);
	for (i = 0; i < n && i < (int)rule_default_count; i++) {
		CHECK_STR(rules[i].code, rule_defaults[i].code);
		CHECK_STR(rules[i].name, rule_defaults[i].name);
		CHECK_STR(rules[i].source, rule_defaults[i].source);
		CHECK_INT(rules[i].q_num, rule_defaults[i].q_num);
		CHECK_INT(rules[i].p_den, rule_defaults[i].p_den);
		CHECK(ys_uuid_valid(rules[i].id));
	}
	CHECK_INT(store_check(st, fx_collect, &l), 0);
	CHECK_STR(l.all, "");
	store_close(st);

	/* opening it again changes nothing */
	st = store_open(fx_path("fresh.db"), 0, buf, sizeof buf);
	CHECK(st != NULL);
	if (st) {
		CHECK_INT(store_rule_list(st, rules, 16), (int)rule_default_count);
		store_close(st);
	}
}

static void test_missing_file(void)
{
	char err[512] = "";
	struct store *st;

	fx_db_unlink(fx_path("missing.db"));
	st = store_open(fx_path("missing.db"), 0, err, sizeof err);
	CHECK(st == NULL);
	CHECK_CONTAINS(err, "数据库文件不存在");
	CHECK(access(fx_path("missing.db"), F_OK) != 0);
	store_close(st);
}

/* a database written by the first version of the program (schema 0001
 * only) is upgraded, and what it held is kept and usable */
static void test_migrate_from_v1(void)
{
	const struct embedded_file *f = embedded_find("data/migrations/0001_init.sql");
	const char *path = fx_path("old.db");
	struct proposal p;
	struct fx_lines l = { 0, "" };
	char err[512] = "";
	struct store *st;
	sqlite3 *db;

	CHECK(f != NULL);
	if (!f)
		return;
	fx_db_unlink(path);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(fx_exec(db, f->data), SQLITE_OK);
	CHECK_INT(fx_exec(db, "PRAGMA user_version = 1"), SQLITE_OK);
	CHECK_INT(fx_exec(db,
		"INSERT INTO person(id, no, name, roles, active) VALUES"
		" ('11111111-2222-4333-8444-555555555555', 1, '张三', 1, 1);"
		"INSERT INTO proposal(id, number, year, seq, title, content, step, status,"
		" created_at, updated_at) VALUES ('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',"
		" '2026-001', 2026, 1, '3栋加装电梯', '3栋2单元住户申请加装电梯，已征得本单元同意。',"
		" 1, 0, '2026-03-01 09:00:00', '2026-03-01 09:00:00');"
		"INSERT INTO proposer(id, proposal_id, seq, person_id, name, kind) VALUES"
		" ('aaaaaaaa-bbbb-4ccc-8ddd-000000000001', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', 1,"
		" '11111111-2222-4333-8444-555555555555', '张三', 0);"
		"INSERT INTO proposal_event(id, proposal_id, seq, at, action, from_step, to_step, status)"
		" VALUES ('aaaaaaaa-bbbb-4ccc-8ddd-000000000002', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',"
		" 1, '2026-03-01 09:00:00', 1, 0, 1, 0);"), SQLITE_OK);
	CHECK_INT(sql_int(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'proposal_fts'"), 0);
	sqlite3_close(db);

	/* read-only (a copy on a write-protected stick): brought up to date
	 * in memory, readable, nothing written to the file */
	st = store_open(path, STORE_READONLY, err, sizeof err);
	CHECK(st != NULL);
	if (st) {
		CHECK_INT(store_readonly(st), 1);
		CHECK_INT(store_user_version(st), store_latest_version());
		CHECK_INT(store_person_count(st, NULL), 1);
		CHECK_INT(add_person(st, "李四", 0, NULL), -1);
		CHECK_CONTAINS(store_errmsg(st), "只读");
		store_close(st);
		CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
		CHECK_INT(sql_int(db, "PRAGMA user_version"), 1);
		sqlite3_close(db);
	}

	st = store_open(path, 0, err, sizeof err);
	CHECK(st != NULL);
	if (!st) {
		printf("  %s\n", err);
		return;
	}
	CHECK_INT(store_user_version(st), store_latest_version());
	CHECK_INT(sql_int(store_db(st), "PRAGMA user_version"), store_latest_version());
	CHECK_INT(store_proposal_get_number(st, "2026-001", &p), 0);
	CHECK_STR(p.title, "3栋加装电梯");
	CHECK_STR(p.content, "3栋2单元住户申请加装电梯，已征得本单元同意。");
	CHECK_STR(p.proposers, "张三");
	proposal_clear(&p);

	/* the old proposal is in the new search index, by trigram and by the
	 * short-query fallback */
	CHECK_INT(found(st, "加装电梯", "proposal"), 1);
	CHECK_STR(found_first, "2026-001 3栋加装电梯");
	CHECK_INT(found(st, "本单元同意", "proposal"), 1);
	CHECK_INT(found(st, "电梯", "proposal"), 1);
	CHECK_INT(found(st, "张三", "person"), 1);

	/* and the upgraded file takes new records after the old ones */
	CHECK_INT(add_proposal(st, "小区停车位改造", "地面停车位重新划线", NULL, &p), 0);
	CHECK_STR(p.number, "2026-002");
	CHECK_INT(found(st, "停车位", "proposal"), 1);
	CHECK_INT(store_check(st, fx_collect, &l), 0);
	CHECK_STR(l.all, "");
	store_close(st);

	/* a second open has nothing left to do */
	st = store_open(path, 0, err, sizeof err);
	CHECK(st != NULL);
	if (st) {
		CHECK_INT(store_proposal_count(st, STEP_PROPOSE), 2);
		store_close(st);
	}
}

static void test_newer_version_refused(void)
{
	const char *path = fx_path("newer.db");
	struct store *st = fresh("newer.db");
	char err[512] = "", want[64];
	sqlite3 *db;

	CHECK(st != NULL);
	store_close(st);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(fx_exec(db, "PRAGMA user_version = 99"), SQLITE_OK);
	sqlite3_close(db);

	st = store_open(path, 0, err, sizeof err);
	CHECK(st == NULL);
	store_close(st);
	CHECK_CONTAINS(err, "版本（99）");
	snprintf(want, sizeof want, "能识别的版本（%d）", store_latest_version());
	CHECK_CONTAINS(err, want);
	CHECK_CONTAINS(err, "新版议事厅");

	/* and the file was left as it was */
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(sql_int(db, "PRAGMA user_version"), 99);
	sqlite3_close(db);
}

static void test_not_a_database(void)
{
	const char *path = fx_path("notes.txt");
	char err[512] = "", back[8192];
	char text[4096] = "";
	struct store *st;
	sqlite3 *db;
	FILE *fp;
	size_t n;
	int i;

	for (i = 0; i < 60; i++)
		strcat(text, "这不是数据库，是会议通知。\n");
	fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (!fp)
		return;
	fputs(text, fp);
	fclose(fp);

	st = store_open(path, 0, err, sizeof err);
	CHECK(st == NULL);
	store_close(st);
	CHECK_CONTAINS(err, "不是议事厅的数据库文件");
	CHECK_CONTAINS(err, path);
	/* not touched */
	fp = fopen(path, "r");
	CHECK(fp != NULL);
	if (fp) {
		n = fread(back, 1, sizeof back - 1, fp);
		back[n] = '\0';
		fclose(fp);
		CHECK_STR(back, text);
	}
	/* create = 1 does not overwrite it either */
	err[0] = '\0';
	st = store_open(path, STORE_CREATE, err, sizeof err);
	CHECK(st == NULL);
	store_close(st);
	CHECK_CONTAINS(err, "不是议事厅的数据库文件");

	/* a SQLite database of some other program */
	path = fx_path("other.db");
	fx_db_unlink(path);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(fx_exec(db, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);"), SQLITE_OK);
	sqlite3_close(db);
	err[0] = '\0';
	st = store_open(path, STORE_CREATE, err, sizeof err);
	CHECK(st == NULL);
	store_close(st);
	CHECK_CONTAINS(err, "不是议事厅的数据库");

	/* a directory */
	err[0] = '\0';
	st = store_open(fx_dir(), STORE_CREATE, err, sizeof err);
	CHECK(st == NULL);
	store_close(st);
	CHECK_CONTAINS(err, "不是普通文件");
}

/* ---- identity ----------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_uuids(void)
{
	enum { N = 400 };
	struct store *st = fresh("uuid.db");
	char *ids[N + 20];
	struct person p;
	struct proposal pr;
	int i, n = 0, lower = 1;

	CHECK(st != NULL);
	if (!st)
		return;
	for (i = 0; i < N; i++) {
		char name[32];

		snprintf(name, sizeof name, "居民%d", i);
		if (add_person(st, name, ROLE_RESIDENT, &p))
			break;
		CHECK_INT(p.no, i + 1);
		ids[n++] = xstrdup(p.id);
	}
	CHECK_INT(n, N);
	for (i = 0; i < 20; i++) {
		if (add_proposal(st, "议题", "内容", NULL, &pr))
			break;
		ids[n++] = xstrdup(pr.id);
	}
	CHECK_INT(n, N + 20);
	for (i = 0; i < n; i++) {
		const char *c;

		CHECK(ys_uuid_valid(ids[i]));
		CHECK_INT(strlen(ids[i]), 36);
		CHECK_INT(ids[i][14], '4');          /* random (version 4) */
		for (c = ids[i]; *c; c++)
			if (*c >= 'A' && *c <= 'F')
				lower = 0;
	}
	CHECK(lower);
	qsort(ids, (size_t)n, sizeof ids[0], cmp_str);
	for (i = 1; i < n; i++)
		CHECK(strcmp(ids[i - 1], ids[i]) != 0);
	for (i = 0; i < n; i++)
		free(ids[i]);
	/* the numbers people read */
	CHECK_STR(pr.number, "2026-020");
	store_close(st);
}

/* ---- a whole meeting survives a restart ------------------------------------- */

static void test_restart_keeps_everything(void)
{
	const char *path = fx_path("restart.db");
	struct store *st = fresh("restart.db");
	struct person a, b, c, d, got;
	struct proposal p, q;
	struct meeting m;
	struct agenda_item items[4];
	struct attendance att[8];
	struct attendance_counts cnt;
	struct minute mn, mins[4];
	struct vote v, vs[4];
	struct ballot bal[3], bout[4];
	struct pevent ev[4];
	struct community com;
	struct rule_set rule;
	char val[64], err[512] = "";
	const char *pids[1];
	int total, n;

	CHECK(st != NULL);
	if (!st)
		return;
	memset(&com, 0, sizeof com);
	ys_strlcpy(com.name, "军门社区", sizeof com.name);
	ys_strlcpy(com.phone, "0591-87654321", sizeof com.phone);
	CHECK_INT(store_community_set(st, &com), 0);
	CHECK(ys_uuid_valid(com.id));
	CHECK_INT(store_setting_set(st, "posting_days", "7"), 0);

	CHECK_INT(add_person(st, "王建国", ROLE_PARTY | ROLE_PARTY_CMTE, &a), 0);
	CHECK_INT(add_person(st, "李秀英", ROLE_PARTY, &b), 0);
	CHECK_INT(add_person(st, "张伟", ROLE_PARTY, &c), 0);
	CHECK_INT(add_person(st, "刘芳", ROLE_RESIDENT, &d), 0);   /* not entitled */
	CHECK_INT(add_proposal(st, "加装电梯", "3栋申请加装电梯", a.id, &p), 0);
	CHECK_INT(store_proposal_transition(st, p.id, ACT_FORWARD, STEP_CONSULT, PST_ACTIVE,
	                                    NULL, NULL, NULL, NULL, NULL), 0);

	pids[0] = p.id;
	CHECK_INT(new_meeting(st, MK_PARTY, "2026-11-22", pids, 1, &m), 0);
	CHECK_STR(m.number, "2026-H-01");
	CHECK(ys_uuid_valid(m.rule_id));            /* the kind's default rule */
	CHECK_INT(store_agenda_list(st, m.id, items, 4), 1);
	CHECK_INT(store_attendance_set(st, m.id, a.id, ATT_PRESENT, NULL, "09:00"), 0);
	CHECK_INT(store_attendance_set(st, m.id, b.id, ATT_PRESENT, NULL, "09:00"), 0);
	CHECK_INT(store_attendance_set(st, m.id, c.id, ATT_LEAVE, "出差", "09:00"), 0);
	CHECK_INT(store_attendance_add_observer(st, m.id, NULL, "街道联络员"), 0);
	CHECK_INT(store_attendance_add_observer(st, m.id, d.id, NULL), 0);

	memset(&mn, 0, sizeof mn);
	ys_strlcpy(mn.meeting_id, m.id, sizeof mn.meeting_id);
	ys_strlcpy(mn.at, "14:10", sizeof mn.at);
	ys_strlcpy(mn.speaker_id, a.id, sizeof mn.speaker_id);
	ys_strlcpy(mn.speaker, a.name, sizeof mn.speaker);
	ys_strlcpy(mn.agenda_id, items[0].id, sizeof mn.agenda_id);
	mn.text = "同意提交居民会议决议。";
	CHECK_INT(store_minute_add(st, &mn), 0);
	CHECK_INT(mn.seq, 1);

	memset(&v, 0, sizeof v);
	ys_strlcpy(v.agenda_id, items[0].id, sizeof v.agenda_id);
	v.method = VM_ROLLCALL;
	v.t = (struct tally){ .entitled = 3, .present = 2, .yes = 1, .no = 0, .abstain = 1 };
	CHECK_INT(store_rule_get(st, m.rule_id, &rule), 0);
	v.rule = rule;
	v.quorum_ok = 1;
	v.passed = 0;
	ys_strlcpy(v.sentence, "赞成 1 票，未超过应到会党员 3 人的半数，未通过。", sizeof v.sentence);
	memset(bal, 0, sizeof bal);
	ys_strlcpy(bal[0].person_id, a.id, sizeof bal[0].person_id);
	bal[0].choice = CH_YES;
	ys_strlcpy(bal[1].person_id, b.id, sizeof bal[1].person_id);
	bal[1].choice = CH_ABSTAIN;
	CHECK_INT(store_vote_add(st, &v, bal, 2), 0);
	CHECK_INT(v.round, 1);
	CHECK_STR(v.meeting_id, m.id);
	CHECK_INT(store_agenda_close(st, items[0].id, OC_RETURN, "需补充方案", "", "", "", "10:00"), 0);
	/* a meeting that has begun has its actual start (a CHECK) */
	CHECK_INT(store_meeting_set_status(st, m.id, MS_CLOSED, "16:30"), -1);
	CHECK_CONTAINS(store_errmsg(st), "已开始的会议须有实际开始时间");
	CHECK_INT(store_meeting_set_status(st, m.id, MS_OPEN, "14:00"), 0);
	CHECK_INT(store_meeting_set_status(st, m.id, MS_CLOSED, "16:30"), 0);
	CHECK_INT(store_meeting_set_pending(st, m.id, "电梯费用分摊待议"), 0);
	agenda_clear(&items[0]);
	store_close(st);

	/* ---- later: the roster changes; none of it touches the meeting */
	st = store_open(path, 0, err, sizeof err);
	CHECK(st != NULL);
	if (!st) {
		printf("  %s\n", err);
		return;
	}
	b.roles = ROLE_RESIDENT;
	ys_strlcpy(b.name, "李秀英（已迁出）", sizeof b.name);
	CHECK_INT(store_person_update(st, &b), 0);
	CHECK_INT(store_person_set_active(st, c.id, 0), 0);
	{
		/* the rule is edited too (recorded in the change log) */
		struct rule_set r2 = rule;

		r2.p_base = BASE_PRESENT;
		CHECK_INT(store_rule_update(st, &r2, "按街道新规"), 0);
	}
	store_close(st);

	st = store_open(path, 0, err, sizeof err);
	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(store_community_get(st, &com), 0);
	CHECK_STR(com.name, "军门社区");
	CHECK_STR(com.phone, "0591-87654321");
	CHECK_INT(store_setting_get(st, "posting_days", val, sizeof val), 0);
	CHECK_STR(val, "7");
	CHECK_INT(store_setting_get(st, "nothing", val, sizeof val), 1);

	CHECK_INT(store_person_get_by_no(st, 2, &got), 0);
	CHECK_STR(got.name, "李秀英（已迁出）");
	CHECK_INT(store_person_get(st, c.id, &got), 0);
	CHECK_INT(got.active, 0);
	CHECK_INT(store_person_get(st, "00000000-0000-4000-8000-000000000000", &got), 1);

	CHECK_INT(store_proposal_get(st, p.id, &q), 0);
	CHECK_STR(q.number, "2026-001");
	CHECK_STR(q.content, "3栋申请加装电梯");
	CHECK_STR(q.proposers, "王建国");
	CHECK_INT(q.step, STEP_CONSULT);
	proposal_clear(&q);
	n = store_proposal_events(st, p.id, ev, 4, &total);
	CHECK_INT(n, 2);
	CHECK_INT(total, 2);
	CHECK_INT(ev[0].action, ACT_PROPOSE);
	CHECK_INT(ev[1].action, ACT_FORWARD);
	CHECK_INT(ev[1].from_step, STEP_PROPOSE);
	CHECK_INT(ev[1].to_step, STEP_CONSULT);
	for (int i = 0; i < n; i++)
		pevent_clear(&ev[i]);

	CHECK_INT(store_meeting_get_number(st, "2026-H-01", &m), 0);
	CHECK_INT(m.kind, MK_PARTY);
	CHECK_INT(m.status, MS_CLOSED);
	CHECK_STR(m.end_time, "16:30");
	CHECK_STR(m.held_start, "14:00");
	CHECK_STR(m.pending, "电梯费用分摊待议");
	meeting_clear(&m);
	CHECK_INT(store_agenda_list(st, m.id, items, 4), 1);
	CHECK_STR(items[0].proposal_number, "2026-001");
	CHECK_STR(items[0].title, "加装电梯");
	CHECK_INT(items[0].outcome, OC_RETURN);
	CHECK_STR(items[0].reason, "需补充方案");
	agenda_clear(&items[0]);

	/* the attendance sheet is the roster as it was: three Party members,
	 * 李秀英 under her old name and roles, plus two observers */
	n = store_attendance_page(st, m.id, NULL, -1, 0, 1, att, 8);
	CHECK_INT(n, 5);
	if (n == 5) {
		CHECK_STR(att[0].name, "王建国");
		CHECK_INT(att[0].status, ATT_PRESENT);
		CHECK(att[0].signed_at[0] != '\0');
		CHECK_STR(att[1].name, "李秀英");
		CHECK_INT(att[1].roles, ROLE_PARTY);
		CHECK_INT(att[1].person_no, 2);
		CHECK_STR(att[2].name, "张伟");
		CHECK_INT(att[2].status, ATT_LEAVE);
		CHECK_STR(att[2].reason, "出差");
		CHECK_STR(att[3].name, "刘芳");
		CHECK_INT(att[3].entitled, 0);
		CHECK_INT(att[3].status, ATT_OBSERVER);
		CHECK_STR(att[4].name, "街道联络员");
		CHECK_STR(att[4].person_id, "");
		CHECK(att[4].person_no > ATT_FREE_NO);
	}
	CHECK_INT(store_attendance_counts(st, m.id, &cnt), 0);
	CHECK_INT(cnt.entitled, 3);
	CHECK_INT(cnt.present, 2);
	CHECK_INT(cnt.leave, 1);
	CHECK_INT(cnt.absent, 0);
	CHECK_INT(cnt.none, 0);
	CHECK_INT(cnt.observers, 2);

	CHECK_INT(store_minute_count(st, m.id), 1);
	CHECK_INT(store_minute_page(st, m.id, 0, 1, mins, 4), 1);
	CHECK_STR(mins[0].text, "同意提交居民会议决议。");
	CHECK_STR(mins[0].speaker, "王建国");
	CHECK_STR(mins[0].at, "14:10");
	minute_clear(&mins[0]);

	/* the vote keeps its snapshot: counts and the rule as it was */
	CHECK_INT(store_vote_list(st, v.agenda_id, vs, 4), 1);
	CHECK_INT(vs[0].t.entitled, 3);
	CHECK_INT(vs[0].t.present, 2);
	CHECK_INT(vs[0].t.yes, 1);
	CHECK_INT(vs[0].t.abstain, 1);
	CHECK_INT(vs[0].method, VM_ROLLCALL);
	CHECK_INT(vs[0].rule.p_base, BASE_ENTITLED);
	CHECK_STR(vs[0].rule.code, "PARTY");
	CHECK_STR(vs[0].rule.source, rule.source);
	CHECK_STR(vs[0].sentence, "赞成 1 票，未超过应到会党员 3 人的半数，未通过。");
	CHECK_INT(vs[0].passed, 0);
	CHECK_INT(store_rule_get(st, rule.id, &rule), 0);
	CHECK_INT(rule.p_base, BASE_PRESENT);
	CHECK_INT(store_ballots(st, v.id, bout, 4), 2);
	CHECK_STR(bout[0].name, "王建国");
	CHECK_INT(bout[0].choice, CH_YES);
	CHECK_STR(bout[1].name, "李秀英");              /* the name on the sheet */
	CHECK_INT(bout[1].choice, CH_ABSTAIN);
	CHECK_INT(sql_int(store_db(st),
		"SELECT COUNT(*) FROM change_log WHERE entity = 'rule_set' AND reason = '按街道新规'"
		" AND old_value LIKE '%应到%' AND new_value LIKE '%出席%'"), 1);
	{
		struct fx_lines l = { 0, "" };

		CHECK_INT(store_check(st, fx_collect, &l), 0);
		CHECK_STR(l.all, "");
	}
	store_close(st);
}

/* ---- the roster's posts and the categories in use ------------------------ */

static void test_posts_and_categories(void)
{
	struct store *st = fresh("posts.db");
	struct person p, g;
	struct proposal pr;
	char cats[4][64];
	static const char *const by[] = { "停车管理", "适老化改造", "停车管理", "", "加装电梯", "停车管理",
	                                  "适老化改造" };

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(add_person(st, "林志强", ROLE_PARTY_CMTE, &p), 0);
	snprintf(p.post, sizeof p.post, "社区党委书记、居委会主任");
	CHECK_INT(store_person_update(st, &p), 0);
	CHECK_INT(store_person_get(st, p.id, &g), 0);
	CHECK_STR(g.post, "社区党委书记、居委会主任");
	CHECK_INT(store_proposal_categories(st, cats, 4), 0);
	for (size_t i = 0; i < sizeof by / sizeof by[0]; i++) {
		char title[32];
		snprintf(title, sizeof title, "议题%zu", i);
		memset(&pr, 0, sizeof pr);
		CHECK_INT(add_proposal(st, title, "内容", p.id, &pr), 0);
		snprintf(pr.category, sizeof pr.category, "%s", by[i]);
		pr.content = "内容";
		CHECK_INT(store_proposal_update(st, &pr), 0);
	}
	/* the most used first, empty ones left out */
	CHECK_INT(store_proposal_categories(st, cats, 4), 3);
	CHECK_STR(cats[0], "停车管理");
	CHECK_STR(cats[1], "适老化改造");
	CHECK_STR(cats[2], "加装电梯");
	CHECK_INT(store_proposal_categories(st, cats, 1), 1);
	store_close(st);
}

/* ---- paging ---------------------------------------------------------------- */

static void test_person_paging(void)
{
	enum { N = 250, PAGE = 20 };
	struct store *st = fresh("paging.db");
	struct person page[PAGE];
	struct person_query q = { 0 };
	int seen[N + 1], i, n, after, pages, last;

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(store_begin(st), 0);
	for (i = 1; i <= N; i++) {
		char name[32];

		snprintf(name, sizeof name, "%s%03d", i % 2 ? "陈" : "林", i);
		if (add_person(st, name, i % 5 == 0 ? ROLE_REP : ROLE_RESIDENT, NULL))
			break;
	}
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(store_person_count(st, &q), N);

	/* forwards */
	memset(seen, 0, sizeof seen);
	after = 0;
	last = 0;
	pages = 0;
	while ((n = store_person_page(st, &q, after, 1, page, PAGE)) > 0) {
		pages++;
		for (i = 0; i < n; i++) {
			CHECK(page[i].no > last);    /* ascending, across pages too */
			last = page[i].no;
			if (page[i].no >= 1 && page[i].no <= N)
				seen[page[i].no]++;
		}
		after = page[n - 1].no;
	}
	CHECK_INT(n, 0);
	CHECK_INT(pages, (N + PAGE - 1) / PAGE);
	for (i = 1; i <= N; i++)
		CHECK_INT(seen[i], 1);

	/* backwards from the end: each page still in ascending order */
	memset(seen, 0, sizeof seen);
	after = INT_MAX;
	last = INT_MAX;
	pages = 0;
	while ((n = store_person_page(st, &q, after, -1, page, PAGE)) > 0) {
		pages++;
		for (i = 1; i < n; i++)
			CHECK(page[i - 1].no < page[i].no);
		CHECK(page[n - 1].no < last);
		last = page[0].no;
		for (i = 0; i < n; i++)
			if (page[i].no >= 1 && page[i].no <= N)
				seen[page[i].no]++;
		after = page[0].no;
	}
	CHECK_INT(pages, (N + PAGE - 1) / PAGE);
	for (i = 1; i <= N; i++)
		CHECK_INT(seen[i], 1);
	/* the last page of 250 in pages of 20 from the end is 231..250 */
	n = store_person_page(st, &q, INT_MAX, -1, page, PAGE);
	CHECK_INT(n, PAGE);
	CHECK_INT(page[0].no, 231);
	CHECK_INT(page[PAGE - 1].no, 250);

	/* filters: name substring, roles, active */
	q.name = "林";
	CHECK_INT(store_person_count(st, &q), N / 2);
	n = store_person_page(st, &q, 0, 1, page, PAGE);
	CHECK_INT(n, PAGE);
	CHECK_STR(page[0].name, "林002");
	q.name = "陈1";
	CHECK_INT(store_person_count(st, &q), 50);  /* 陈101 … 陈199, odd */
	q.name = NULL;
	q.roles = ROLE_REP;
	CHECK_INT(store_person_count(st, &q), N / 5);
	CHECK_INT(store_person_set_active(st, page[0].id, 0), 0);
	q.roles = 0;
	q.active_only = 1;
	CHECK_INT(store_person_count(st, &q), N - 1);
	store_close(st);
}

static void test_proposal_board(void)
{
	struct store *st = fresh("board.db");
	struct proposal pg[10], p;
	char numbers[40][16];
	int i, n, total;

	CHECK(st != NULL);
	if (!st)
		return;
	for (i = 0; i < 30; i++) {
		char title[64];

		snprintf(title, sizeof title, "议题第%d号", i + 1);
		CHECK_INT(add_proposal(st, title, "内容", NULL, &p), 0);
		memcpy(numbers[i], p.number, sizeof numbers[i]);
		/* every third goes on to 商议, every seventh is withdrawn */
		if (i % 3 == 0)
			CHECK_INT(store_proposal_transition(st, p.id, ACT_FORWARD, STEP_CONSULT,
			                                    PST_ACTIVE, NULL, NULL, NULL, NULL, NULL), 0);
		else if (i % 7 == 0)
			CHECK_INT(store_proposal_transition(st, p.id, ACT_WITHDRAW, STEP_PROPOSE,
			                                    PST_WITHDRAWN, NULL, NULL, NULL,
			                                    "提议人撤回", NULL), 0);
	}
	CHECK_STR(numbers[0], "2026-001");
	CHECK_STR(numbers[29], "2026-030");
	CHECK_INT(store_proposal_count(st, STEP_CONSULT), 10);
	CHECK_INT(store_proposal_count(st, 0), 3);               /* 8, 15, 29 */
	CHECK_INT(store_proposal_count(st, STEP_PROPOSE), 17);

	/* the 提议 column in pages of 10, forwards then back */
	total = 0;
	n = store_proposal_page(st, STEP_PROPOSE, "", 1, pg, 10);
	CHECK_INT(n, 10);
	CHECK_STR(pg[0].number, "2026-002");
	CHECK(pg[0].content == NULL);
	CHECK_STR(pg[0].proposers, "社区党委");
	total += n;
	n = store_proposal_page(st, STEP_PROPOSE, pg[9].number, 1, pg, 10);
	CHECK_INT(n, 7);
	total += n;
	CHECK_INT(total, 17);
	CHECK_STR(pg[6].number, "2026-030");
	n = store_proposal_page(st, STEP_PROPOSE, pg[0].number, -1, pg, 10);
	CHECK_INT(n, 10);
	CHECK_STR(pg[0].number, "2026-002");
	for (i = 1; i < n; i++)
		CHECK(strcmp(pg[i - 1].number, pg[i].number) < 0);
	n = store_proposal_page(st, STEP_PROPOSE, "", -1, pg, 5);
	CHECK_INT(n, 5);
	CHECK_STR(pg[4].number, "2026-030");

	n = store_proposal_page(st, 0, "", 1, pg, 10);
	CHECK_INT(n, 3);
	CHECK_STR(pg[0].number, "2026-008");
	CHECK_INT(pg[0].status, PST_WITHDRAWN);
	n = store_proposal_waiting(st, STEP_CONSULT, pg, 3);
	CHECK_INT(n, 3);
	CHECK_STR(pg[0].number, "2026-001");
	CHECK_STR(pg[2].number, "2026-007");

	CHECK_INT(store_proposal_page(st, STEP_PROPOSE, "第一号", 1, pg, 10), -1);
	CHECK_CONTAINS(store_errmsg(st), "议题编号格式不对");
	CHECK_INT(store_proposal_get_number(st, "2026-999", &p), 1);
	store_close(st);
}

static void test_search(void)
{
	struct store *st = fresh("search.db");
	struct proposal p;
	struct search_hit *h;
	int n;
	unsigned more;

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(add_proposal(st, "3栋加装电梯", "2单元申请加装电梯", NULL, NULL), 0);
	CHECK_INT(add_proposal(st, "停车位改造", "地面停车位划线，增设充电桩", NULL, NULL), 0);
	CHECK_INT(add_proposal(st, "5栋电梯维修", "电梯维修资金使用", NULL, NULL), 0);
	CHECK_INT(add_proposal(st, "引号\"测试\"议题", "Elevator Repair", NULL, &p), 0);
	CHECK_INT(add_person(st, "梯子王", ROLE_REP, NULL), 0);

	CHECK_INT(found(st, "加装电梯", "proposal"), 1);
	CHECK_STR(found_first, "2026-001 3栋加装电梯");
	/* two characters: LIKE on the index's text; newest first */
	CHECK_INT(found(st, "电梯", "proposal"), 2);
	CHECK_STR(found_first, "2026-003 5栋电梯维修");
	/* one character reaches people too, grouped after the proposals */
	n = store_search(st, "梯", &h, &more);
	CHECK_INT(n, 3);
	CHECK_INT(more, 0);
	if (n == 3) {
		CHECK_STR(h[0].kind, "proposal");
		CHECK_STR(h[2].kind, "person");
		CHECK_STR(h[2].title, "梯子王");
		CHECK_INT(h[2].sub, 1);                  /* active */
		CHECK_INT(h[0].sub, STEP_PROPOSE);       /* a proposal's step */
	}
	search_hits_free(h, n);
	/* content, by trigram */
	CHECK_INT(found(st, "充电桩", "proposal"), 1);
	CHECK_STR(found_first, "2026-002 停车位改造");
	CHECK_INT(found(st, "电梯维修", "proposal"), 1);
	/* several words must all be there, short ones too */
	CHECK_INT(found(st, "电梯 资金", "proposal"), 1);
	CHECK_INT(found(st, "加装电梯\u30002单元", "proposal"), 1);
	CHECK_INT(found(st, "电梯 停车", "proposal"), 0);
	/* a quote in the query is text, not FTS syntax; case folded */
	CHECK_INT(found(st, "\"测试\"", "proposal"), 1);
	CHECK_INT(found(st, "elevator", "proposal"), 1);
	CHECK_INT(found(st, "ELEV", "proposal"), 1);
	CHECK_INT(found(st, "%", "proposal"), 0);
	CHECK_INT(found(st, "_", "proposal"), 0);
	CHECK_INT(found(st, "不存在的词", "proposal"), 0);
	CHECK_INT(found(st, "   ", "proposal"), 0);
	/* an edit is searched at once, the old words no longer */
	p.content = xstrdup("电动车充电");
	CHECK_INT(store_proposal_update(st, &p), 0);
	proposal_clear(&p);
	CHECK_INT(found(st, "Elevator", "proposal"), 0);
	CHECK_INT(found(st, "电动车充电", "proposal"), 1);

	/* a common word in a large file: the newest SEARCH_PER_KIND of the
	 * kind, and the kind said to have more — by trigram and by LIKE */
	for (int i = 0; i < SEARCH_PER_KIND + 5; i++) {
		char title[64];

		snprintf(title, sizeof title, "楼道灯维修第%d处", i + 1);
		CHECK_INT(add_proposal(st, title, "楼道灯不亮", NULL, NULL), 0);
	}
	for (int pass = 0; pass < 2; pass++) {
		n = store_search(st, pass ? "楼道" : "楼道灯", &h, &more);
		CHECK_INT(n, SEARCH_PER_KIND);
		CHECK_INT(more, 1u << search_kind_index("proposal"));
		if (n > 0)
			CHECK_STR(h[0].title, "2026-109 楼道灯维修第105处");
		search_hits_free(h, n);
	}
	store_close(st);
}

/* ---- limits ---------------------------------------------------------------- */

static void test_too_long(void)
{
	struct store *st = fresh("long.db");
	struct person p, got;
	struct meeting m;
	char reason[200];
	sqlite3_stmt *s;

	CHECK(st != NULL);
	if (!st)
		return;
	/* a name that fills the whole array without its NUL */
	memset(&p, 0, sizeof p);
	memset(p.name, 'a', sizeof p.name);
	p.active = 1;
	CHECK_INT(store_person_add(st, &p), -1);
	CHECK_CONTAINS(store_errmsg(st), "姓名过长（最多 63 字节）");
	CHECK_STR(p.id, "");
	memset(&p, 0, sizeof p);
	CHECK_INT(store_person_count(st, NULL), 0);

	/* an empty name: the schema refuses it, with its Chinese reason */
	CHECK_INT(store_person_add(st, &p), -1);
	CHECK_CONTAINS(store_errmsg(st), "姓名不能为空");

	/* a char * argument longer than the field it is read back into */
	CHECK_INT(add_person(st, "赵六", ROLE_REP, &p), 0);
	CHECK_INT(new_meeting(st, MK_REPS, "2026-11-22", NULL, 0, &m), 0);
	memset(reason, 'x', sizeof reason - 1);
	reason[sizeof reason - 1] = '\0';
	CHECK_INT(store_attendance_set(st, m.id, p.id, ATT_LEAVE, reason, "09:00"), -1);
	CHECK_CONTAINS(store_errmsg(st), "请假原因过长（最多 127 字节）");

	/* a value in the file longer than the struct holds is refused when
	 * read, never cut */
	CHECK_INT(sqlite3_prepare_v2(store_db(st), "UPDATE person SET name = ?1 WHERE id = ?2",
	                             -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, "很长的名字很长的名字很长的名字很长的名字很长的名字很长的名字",
	                  -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, p.id, -1, SQLITE_STATIC);
	CHECK_INT(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	CHECK_INT(store_person_get(st, p.id, &got), -1);
	CHECK_CONTAINS(store_errmsg(st), "姓名过长");
	store_close(st);
}

static void test_transactions(void)
{
	struct store *st = fresh("tx.db");
	struct person p;

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(add_person(st, "甲", 0, NULL), 0);
	CHECK_INT(store_rollback(st), 0);
	CHECK_INT(store_person_count(st, NULL), 0);

	/* a failing write inside an outer transaction undoes only itself */
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(add_person(st, "乙", 0, NULL), 0);
	memset(&p, 0, sizeof p);
	CHECK_INT(store_person_add(st, &p), -1);             /* empty name */
	CHECK_INT(store_begin(st), 0);
	CHECK_INT(add_person(st, "丙", 0, NULL), 0);
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(store_person_count(st, NULL), 2);
	CHECK_INT(sqlite3_get_autocommit(store_db(st)), 1);
	CHECK_INT(store_commit(st), -1);
	CHECK_CONTAINS(store_errmsg(st), "没有进行中的事务");
	store_close(st);
}

/* An empty file is no database unless the caller says so; a damaged one
 * opens only to be read, its damage named */
static void test_empty_and_damaged(void)
{
	char err[512] = "";
	const char *path = fx_path("empty.db");
	struct store *st;
	FILE *fp;

	fx_db_unlink(path);
	fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (fp)
		fclose(fp);
	CHECK_INT(store_file_empty(path), 1);
	st = store_open(path, STORE_CREATE, err, sizeof err);
	CHECK(st == NULL);
	CHECK_CONTAINS(err, "是空的（0 字节）");
	st = store_open(path, STORE_CREATE | STORE_EMPTY_OK, err, sizeof err);
	CHECK(st != NULL);
	if (!st)
		return;
	CHECK(store_damage(st) == NULL);
	CHECK_INT(store_readonly(st), 0);
	for (int i = 0; i < 300; i++)
		CHECK_INT(add_person(st, i % 2 ? "甲" : "乙", 0, NULL), 0);
	store_close(st);
	CHECK_INT(store_file_empty(path), 0);

	/* two pages in the middle overwritten */
	{
		sqlite3 *db;
		CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
		CHECK_INT(fx_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
		sqlite3_close(db);
		fp = fopen(path, "r+b");
		CHECK(fp != NULL);
		if (fp) {
			char junk[8192];
			memset(junk, 0x5a, sizeof junk);
			fseek(fp, 0, SEEK_END);
			CHECK(ftell(fp) > 6 * 4096);
			fseek(fp, 4 * 4096, SEEK_SET);
			fwrite(junk, 1, sizeof junk, fp);
			fclose(fp);
		}
	}
	st = store_open(path, 0, err, sizeof err);
	CHECK(st != NULL);
	if (!st)
		return;
	CHECK(store_damage(st) != NULL);
	CHECK_INT(store_readonly(st), 1);
	CHECK_INT(add_person(st, "丙", 0, NULL), -1);
	CHECK_CONTAINS(store_errmsg(st), "已损坏");
	{
		struct fx_lines l = { 0 };
		CHECK(store_check_file(st, fx_collect, &l) > 0);
		CHECK_CONTAINS(l.all, "数据库文件完整性检查");
		l.n = 0;
		l.all[0] = '\0';
		CHECK(store_check(st, fx_collect, &l) > 0);
		CHECK_CONTAINS(l.all, "程序自身的一致性检查没有进行");
	}
	store_close(st);
	fx_db_unlink(path);
}

/* A database renamed, deleted or replaced while open takes no write: the
 * rows would go to a file nobody opens again */
static void test_file_moved_away(void)
{
	struct store *st = fresh("moved.db");
	char moved[512], copy[512];
	const char *path = fx_path("moved.db");

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(add_person(st, "甲", 0, NULL), 0);
	snprintf(moved, sizeof moved, "%s", fx_path("moved-away.db"));
	snprintf(copy, sizeof copy, "%s", fx_path("moved-copy.db"));
	/* renamed: refused, nothing written anywhere */
	CHECK_INT(rename(path, moved), 0);
	CHECK_INT(add_person(st, "乙", 0, NULL), -1);
	CHECK_CONTAINS(store_errmsg(st), "已不在原处");
	CHECK_CONTAINS(store_errmsg(st), "没有保存");
	CHECK_INT(sqlite3_get_autocommit(store_db(st)), 1);
	/* put back: writes go on */
	CHECK_INT(rename(moved, path), 0);
	CHECK_INT(add_person(st, "丙", 0, NULL), 0);
	CHECK_INT(store_person_count(st, NULL), 2);
	/* replaced by another file of the same name */
	{
		char cmd[1200];
		snprintf(cmd, sizeof cmd, "cp '%s' '%s' && mv '%s' '%s'", path, copy, copy, path);
		CHECK_INT(system(cmd), 0);
	}
	CHECK_INT(add_person(st, "丁", 0, NULL), -1);
	CHECK_CONTAINS(store_errmsg(st), "已不是本程序打开的那个文件");
	store_close(st);
	fx_db_unlink(path);
}

/* ---- votes, meetings, minutes ---------------------------------------------- */

static void test_votes(void)
{
	struct store *st = fresh("votes.db");
	struct person a, b;
	struct meeting m;
	struct agenda_item it[2];
	struct vote v, latest, list[4];
	struct ballot bal[2];
	const char *titles[] = { "其他事项" };
	int n;

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(add_person(st, "甲", ROLE_REP, &a), 0);
	CHECK_INT(add_person(st, "乙", ROLE_REP, &b), 0);
	memset(&m, 0, sizeof m);
	m.kind = MK_REPS;
	ys_strlcpy(m.title, "居民代表会议", sizeof m.title);
	ys_strlcpy(m.date, "2026-11-22", sizeof m.date);
	CHECK_INT(store_meeting_create(st, &m, NULL, 0, titles, 1), 0);
	CHECK_INT(store_agenda_list(st, m.id, it, 2), 1);
	CHECK_STR(it[0].title, "其他事项");
	CHECK_STR(it[0].proposal_id, "");
	agenda_clear(&it[0]);

	memset(&v, 0, sizeof v);
	ys_strlcpy(v.agenda_id, it[0].id, sizeof v.agenda_id);
	CHECK_INT(store_rule_get_code(st, "REPS", &v.rule), 0);
	v.t = (struct tally){ .entitled = 2, .present = 2, .yes = 2 };
	v.quorum_ok = v.passed = 1;

	/* a secret ballot never stores per-person choices */
	memset(bal, 0, sizeof bal);
	ys_strlcpy(bal[0].person_id, a.id, sizeof bal[0].person_id);
	bal[0].choice = CH_YES;
	ys_strlcpy(bal[1].person_id, b.id, sizeof bal[1].person_id);
	bal[1].choice = CH_YES;
	v.method = VM_SECRET;
	CHECK_INT(store_vote_add(st, &v, bal, 2), -1);
	CHECK_CONTAINS(store_errmsg(st), "无记名投票不记录每人的表决意见");
	v.method = VM_HANDS;
	CHECK_INT(store_vote_add(st, &v, bal, 1), -1);
	/* roll call: one ballot per present person, agreeing with the counts */
	v.method = VM_ROLLCALL;
	CHECK_INT(store_vote_add(st, &v, bal, 1), -1);
	CHECK_CONTAINS(store_errmsg(st), "实到 2 人，收到 1 人");
	bal[1].choice = CH_NO;
	CHECK_INT(store_vote_add(st, &v, bal, 2), -1);
	CHECK_CONTAINS(store_errmsg(st), "不一致");
	/* counts above those present */
	v.method = VM_HANDS;
	v.t.yes = 3;
	CHECK_INT(store_vote_add(st, &v, NULL, 0), -1);
	CHECK_INT(sql_int(store_db(st), "SELECT COUNT(*) FROM vote"), 0);

	v.t.yes = 1;
	v.passed = 0;
	CHECK_INT(store_vote_add(st, &v, NULL, 0), 0);
	CHECK_INT(v.round, 1);
	/* a recount: a new round naming the old one, with a reason */
	{
		struct vote r = v;

		memcpy(r.supersedes, v.id, sizeof r.supersedes);
		r.t.yes = 2;
		r.passed = 1;
		CHECK_INT(store_vote_add(st, &r, NULL, 0), -1);
		CHECK_CONTAINS(store_errmsg(st), "复核表决须说明理由");
		ys_strlcpy(r.reason, "计票有误，重新清点", sizeof r.reason);
		CHECK_INT(store_vote_add(st, &r, NULL, 0), 0);
		CHECK_INT(r.round, 2);
	}
	CHECK_INT(store_vote_latest(st, it[0].id, &latest), 0);
	CHECK_INT(latest.round, 2);
	CHECK_INT(latest.t.yes, 2);
	CHECK_STR(latest.supersedes, v.id);
	n = store_vote_list(st, it[0].id, list, 4);
	CHECK_INT(n, 2);
	CHECK_INT(list[0].t.yes, 1);                     /* the old one stays */
	CHECK_INT(store_vote_latest(st, "00000000-0000-4000-8000-000000000000", &latest), 1);
	CHECK_INT(store_ballots(st, v.id, bal, 2), 0);
	store_close(st);
}

static void test_meetings_and_minutes(void)
{
	struct store *st = fresh("minutes.db");
	struct meeting m, pg[4];
	struct minute mn, page[16];
	int i, n, seen, after;

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(new_meeting(st, MK_CONSULT, "2026-03-01", NULL, 0, NULL), 0);
	CHECK_INT(new_meeting(st, MK_CONSULT, "2026-05-01", NULL, 0, NULL), 0);
	CHECK_INT(new_meeting(st, MK_CONSULT, "2026-05-01", NULL, 0, &m), 0);
	CHECK_INT(new_meeting(st, MK_CONSULT, "2025-12-30", NULL, 0, NULL), 0);
	CHECK_STR(m.number, "2026-H-03");
	memset(&pg[0], 0, sizeof pg[0]);
	CHECK_INT(new_meeting(st, 42, "2026-05-01", NULL, 0, NULL), -1);
	CHECK_INT(new_meeting(st, MK_CONSULT, "2026-02-30", NULL, 0, NULL), -1);
	CHECK_CONTAINS(store_errmsg(st), "会议日期不对");

	/* newest first, keyset on (date, number) */
	n = store_meeting_page(st, "", "", pg, 2);
	CHECK_INT(n, 2);
	CHECK_STR(pg[0].number, "2026-H-03");
	CHECK_STR(pg[1].number, "2026-H-02");
	n = store_meeting_page(st, pg[1].date, pg[1].number, pg, 4);
	CHECK_INT(n, 2);
	CHECK_STR(pg[0].number, "2026-H-01");
	CHECK_STR(pg[1].number, "2025-H-01");
	for (i = 0; i < n; i++)
		meeting_clear(&pg[i]);

	/* 100 minute lines, read in pages of 16 both ways */
	CHECK_INT(store_begin(st), 0);
	for (i = 1; i <= 100; i++) {
		char text[64];

		memset(&mn, 0, sizeof mn);
		ys_strlcpy(mn.meeting_id, m.id, sizeof mn.meeting_id);
		ys_strlcpy(mn.speaker, "居民", sizeof mn.speaker);
		snprintf(text, sizeof text, "第%d条发言", i);
		mn.text = text;
		CHECK_INT(store_minute_add(st, &mn), 0);
		CHECK_INT(mn.seq, i);
	}
	CHECK_INT(store_commit(st), 0);
	CHECK_INT(store_minute_count(st, m.id), 100);
	seen = 0;
	after = 0;
	while ((n = store_minute_page(st, m.id, after, 1, page, 16)) > 0) {
		for (i = 0; i < n; i++) {
			CHECK_INT(page[i].seq, seen + 1);
			seen++;
			minute_clear(&page[i]);
		}
		after = page[n - 1].seq;
	}
	CHECK_INT(seen, 100);
	n = store_minute_page(st, m.id, INT_MAX, -1, page, 16);
	CHECK_INT(n, 16);
	CHECK_INT(page[0].seq, 85);
	CHECK_STR(page[15].text, "第100条发言");
	/* a correction of a line */
	free(page[15].text);
	page[15].text = xstrdup("第100条发言（更正）");
	CHECK_INT(store_minute_update(st, &page[15]), 0);
	for (i = 0; i < n; i++)
		minute_clear(&page[i]);
	n = store_minute_page(st, m.id, 99, 1, page, 16);
	CHECK_INT(n, 1);
	CHECK_STR(page[0].text, "第100条发言（更正）");
	minute_clear(&page[0]);
	store_close(st);
}

static void test_attendance_sheet(void)
{
	struct store *st = fresh("sheet.db");
	struct person p[6];
	struct meeting m;
	struct attendance att[8];
	struct attendance_counts c;
	int n;

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(add_person(st, "党员甲", ROLE_PARTY, &p[0]), 0);
	CHECK_INT(add_person(st, "预备党员", ROLE_PARTY_PROB, &p[1]), 0);
	CHECK_INT(add_person(st, "党员乙", ROLE_PARTY | ROLE_REP, &p[2]), 0);
	CHECK_INT(add_person(st, "居民", ROLE_RESIDENT, &p[3]), 0);
	CHECK_INT(add_person(st, "党员丙", ROLE_PARTY, &p[4]), 0);
	CHECK_INT(store_person_set_active(st, p[4].id, 0), 0);   /* moved away */
	CHECK_INT(new_meeting(st, MK_PARTY, "2026-11-22", NULL, 0, &m), 0);

	/* 应到: the active full Party members only */
	CHECK_INT(store_attendance_counts(st, m.id, &c), 0);
	CHECK_INT(c.entitled, 2);
	CHECK_INT(c.none, 2);
	n = store_attendance_page(st, m.id, NULL, -1, 0, 1, att, 8);
	CHECK_INT(n, 2);
	CHECK_STR(att[0].name, "党员甲");
	CHECK_STR(att[1].name, "党员乙");
	CHECK_INT(att[1].roles, ROLE_PARTY | ROLE_REP);
	CHECK_STR(att[1].grid, "第一网格");

	/* someone not on the sheet cannot sign in; observers are separate */
	CHECK_INT(store_attendance_set(st, m.id, p[3].id, ATT_PRESENT, NULL, "09:00"), -1);
	CHECK_CONTAINS(store_errmsg(st), "不在本次会议的签到表上");
	CHECK_INT(store_attendance_add_observer(st, m.id, p[0].id, NULL), -1);
	CHECK_CONTAINS(store_errmsg(st), "已在本次会议的签到表上");
	CHECK_INT(store_attendance_add_observer(st, m.id, p[1].id, NULL), 0);
	CHECK_INT(store_attendance_add_observer(st, m.id, NULL, "物业经理"), 0);
	CHECK_INT(store_attendance_add_observer(st, m.id, NULL, "业委会主任"), 0);
	CHECK_INT(store_attendance_add_observer(st, m.id, NULL, ""), -1);
	CHECK_INT(store_attendance_set(st, m.id, p[0].id, ATT_PRESENT, NULL, "09:00"), 0);
	CHECK_INT(store_attendance_set(st, m.id, p[2].id, ATT_ABSENT, NULL, "09:00"), 0);
	CHECK_INT(store_attendance_counts(st, m.id, &c), 0);
	CHECK_INT(c.entitled, 2);
	CHECK_INT(c.present, 1);
	CHECK_INT(c.absent, 1);
	CHECK_INT(c.none, 0);
	CHECK_INT(c.observers, 3);

	/* roster order, then the free guests by name; paging both ways */
	n = store_attendance_page(st, m.id, NULL, -1, 0, 1, att, 8);
	CHECK_INT(n, 5);
	if (n == 5) {
		CHECK_INT(att[0].person_no, 1);
		CHECK_INT(att[1].person_no, 2);
		CHECK_STR(att[1].name, "预备党员");
		CHECK_INT(att[1].status, ATT_OBSERVER);
		CHECK_INT(att[2].person_no, 3);
		CHECK_STR(att[3].name, "业委会主任");  /* 业 U+4E1A < 物 U+7269 */
		CHECK_STR(att[4].name, "物业经理");
		CHECK(att[3].person_no < att[4].person_no);
	}
	n = store_attendance_page(st, m.id, NULL, -1, att[2].person_no, 1, att, 2);
	CHECK_INT(n, 2);
	CHECK_STR(att[0].name, "业委会主任");
	n = store_attendance_page(st, m.id, NULL, -1, INT_MAX, -1, att, 2);
	CHECK_INT(n, 2);
	CHECK_STR(att[0].name, "业委会主任");
	CHECK_STR(att[1].name, "物业经理");
	n = store_attendance_page(st, m.id, "党员", ATT_PRESENT, 0, 1, att, 8);
	CHECK_INT(n, 1);
	CHECK_STR(att[0].name, "党员甲");
	CHECK_INT(store_attendance_get(st, m.id, p[2].id, &att[0]), 0);
	CHECK_INT(att[0].status, ATT_ABSENT);
	CHECK_INT(store_attendance_get(st, m.id, p[3].id, &att[0]), 1);
	store_close(st);
}

/* two copies of the program on one file (WAL): each sees what the other
 * committed, so no read is ever left open on an old snapshot */
static void test_two_handles(void)
{
	const char *path = fx_path("two.db");
	struct store *a = fresh("two.db"), *b;
	struct community c1, c2;
	struct person page[4];
	char err[512] = "";

	CHECK(a != NULL);
	if (!a)
		return;
	b = store_open(path, 0, err, sizeof err);
	CHECK(b != NULL);
	if (!b) {
		store_close(a);
		return;
	}
	CHECK_INT(add_person(a, "甲", 0, NULL), 0);
	CHECK_INT(store_person_page(b, NULL, 0, 1, page, 4), 1);
	CHECK_INT(add_person(b, "乙", 0, NULL), 0);
	CHECK_INT(store_person_count(a, NULL), 2);
	CHECK_INT(store_person_page(a, NULL, 0, 1, page, 4), 2);
	CHECK_STR(page[1].name, "乙");

	/* one community per file: an empty id edits the one that is there */
	memset(&c1, 0, sizeof c1);
	ys_strlcpy(c1.name, "军门社区", sizeof c1.name);
	CHECK_INT(store_community_set(a, &c1), 0);
	memset(&c2, 0, sizeof c2);
	ys_strlcpy(c2.name, "军门社区居委会", sizeof c2.name);
	CHECK_INT(store_community_set(b, &c2), 0);
	CHECK_STR(c2.id, c1.id);
	CHECK_INT(store_community_get(a, &c1), 0);
	CHECK_STR(c1.name, "军门社区居委会");
	CHECK_INT(sql_int(store_db(a), "SELECT COUNT(*) FROM community"), 1);
	store_close(b);
	store_close(a);
}

/* ---- store_check ------------------------------------------------------------ */

static void test_check_finds_problems(void)
{
	struct store *st = fresh("check.db");
	struct fx_lines l = { 0, "" };
	struct proposal p;
	struct person a;
	struct meeting m;
	struct agenda_item it;
	struct vote v;
	sqlite3 *db;
	const char *pids[1];
	char sql[512];

	CHECK(st != NULL);
	if (!st)
		return;
	db = store_db(st);
	CHECK_INT(add_person(st, "甲", ROLE_PARTY_CMTE, &a), 0);
	CHECK_INT(add_proposal(st, "路面硬化", "内容", a.id, &p), 0);
	pids[0] = p.id;
	CHECK_INT(new_meeting(st, MK_LIANGWEI, "2026-11-22", pids, 1, &m), 0);
	CHECK_INT(store_agenda_list(st, m.id, &it, 1), 1);
	agenda_clear(&it);
	memset(&v, 0, sizeof v);
	ys_strlcpy(v.agenda_id, it.id, sizeof v.agenda_id);
	CHECK_INT(store_rule_get_code(st, "LIANGWEI", &v.rule), 0);
	v.method = VM_SECRET;
	v.t = (struct tally){ .entitled = 1, .present = 1, .yes = 1 };
	v.bc = (struct ballot_count){ -1, -1, -1, -1 };     /* not counted on paper */
	v.quorum_ok = v.passed = 1;
	CHECK_INT(store_vote_add(st, &v, NULL, 0), 0);
	CHECK_INT(store_log(st, "proposal", p.id, "title", "旧", "新", "笔误"), 0);
	CHECK_INT(store_check(st, fx_collect, &l), 0);
	CHECK_STR(l.all, "");

	/* 1. the proposal's step no longer agrees with its last event */
	CHECK_INT(fx_exec(db, "UPDATE proposal SET step = 3"), SQLITE_OK);
	l.n = 0;
	l.all[0] = '\0';
	CHECK_INT(store_check(st, fx_collect, &l), 1);
	CHECK_CONTAINS(l.all, "议题 2026-001 的当前状态（审议");
	CHECK_CONTAINS(l.all, "与最后一条流转记录（提议");

	/* 2. a malformed UUID: the change log only grows (a trigger), so a
	 * hand edit takes the trigger away first */
	CHECK(fx_exec(db, "UPDATE change_log SET id = 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'")
	      != SQLITE_OK);
	CHECK(fx_exec(db, "DELETE FROM change_log") != SQLITE_OK);
	CHECK_INT(fx_exec(db, "DROP TRIGGER change_log_no_update;"
	                      "UPDATE change_log SET id = 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'"),
	          SQLITE_OK);
	/* 3. counts above those present, written past the CHECK constraints */
	CHECK_INT(fx_exec(db, "PRAGMA ignore_check_constraints = ON"), SQLITE_OK);
	snprintf(sql, sizeof sql, "UPDATE vote SET yes = 5 WHERE id = '%s'", v.id);
	CHECK_INT(fx_exec(db, sql), SQLITE_OK);
	CHECK_INT(fx_exec(db, "PRAGMA ignore_check_constraints = OFF"), SQLITE_OK);
	/* 4. per-person choices stored for a secret ballot */
	snprintf(sql, sizeof sql,
	         "INSERT INTO ballot(id, vote_id, seq, person_id, name, choice) VALUES"
	         " ('12345678-1234-4234-8234-123456789abc', '%s', 1, '%s', '甲', 1)", v.id, a.id);
	CHECK_INT(fx_exec(db, sql), SQLITE_OK);
	/* 5. a dangling reference, written with the foreign keys off */
	CHECK_INT(fx_exec(db, "PRAGMA foreign_keys = OFF"), SQLITE_OK);
	CHECK_INT(fx_exec(db, "UPDATE agenda_item SET proposal_id = "
	                       "'00000000-0000-4000-8000-000000000000'"), SQLITE_OK);
	CHECK_INT(fx_exec(db, "PRAGMA foreign_keys = ON"), SQLITE_OK);

	l.n = 0;
	l.all[0] = '\0';
	CHECK_INT(store_check(st, fx_collect, &l), 7);
	CHECK_INT(l.n, 7);
	CHECK_CONTAINS(l.all, "数据库文件完整性检查：表决中有不符合约束的数据");
	CHECK_CONTAINS(l.all, "修改记录的编号「zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz」不是合规的 UUID");
	CHECK_CONTAINS(l.all, "会议 2026-H-01 第 1 项第 1 轮表决的人数不合理：应到 1，实到 1，赞成 5");
	CHECK_CONTAINS(l.all, "是无记名投票，却存有 1 人的表决意见");
	CHECK_CONTAINS(l.all, "议程（第 1 行）引用的议题不存在");
	CHECK_CONTAINS(l.all, "会议 2026-H-01 第 1 项议程引用的议题（00000000-0000-4000-8000-000000000000）不存在");
	store_close(st);
}

/* ---- paper (0003) ------------------------------------------------------------ */

/* a database of schema 0002 takes the paper tables and the settings, and
 * keeps a posting period the clerk had set */
static void test_migrate_to_paper(void)
{
	const char *path = fx_path("v2.db");
	char err[512] = "", val[16];
	struct store *st;
	sqlite3 *db;
	const struct embedded_file *f1 = embedded_find("data/migrations/0001_init.sql");
	const struct embedded_file *f2 = embedded_find("data/migrations/0002_proposal_search.sql");

	CHECK(f1 && f2);
	if (!f1 || !f2)
		return;
	fx_db_unlink(path);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(fx_exec(db, f1->data), SQLITE_OK);
	CHECK_INT(fx_exec(db, f2->data), SQLITE_OK);
	CHECK_INT(fx_exec(db, "PRAGMA user_version = 2;"
	                       "INSERT INTO setting(key, value) VALUES ('notice_days', '10')"), SQLITE_OK);
	sqlite3_close(db);
	st = store_open(path, 0, err, sizeof err);
	CHECK(st != NULL);
	if (!st) {
		printf("  %s\n", err);
		return;
	}
	CHECK(store_user_version(st) >= 3);
	CHECK_INT(sql_int(store_db(st), "SELECT COUNT(*) FROM sqlite_master WHERE name IN"
	                  " ('seal', 'addendum', 'notice', 'objection', 'impl', 'progress')"), 6);
	CHECK_INT(store_setting_get(st, "notice_days", val, sizeof val), 0);
	CHECK_STR(val, "10");
	CHECK_INT(store_setting_get(st, "material_days", val, sizeof val), 0);
	CHECK_STR(val, "3");
	CHECK_INT(store_check(st, NULL, NULL), 0);
	store_close(st);
}

/* the paper records at the store level: what they refuse and what they
 * keep across a restart */
static void test_paper_records(void)
{
	struct store *st = fresh("paper.db");
	struct person a;
	struct proposal p;
	struct meeting m;
	struct seal s, g;
	struct addendum ad;
	struct notice n, ng;
	struct objection o;
	struct impl im;
	struct progress pr;
	const char *pids[1];

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(add_person(st, "甲", ROLE_PARTY_CMTE, &a), 0);
	CHECK_INT(add_proposal(st, "路面硬化", "内容", a.id, &p), 0);
	pids[0] = p.id;
	CHECK_INT(new_meeting(st, MK_LIANGWEI, "2026-11-22", pids, 1, &m), 0);

	/* seals */
	memset(&s, 0, sizeof s);
	ys_strlcpy(s.meeting_id, m.id, sizeof s.meeting_id);
	ys_strlcpy(s.signed_at, "2026-11-22 16:00:00", sizeof s.signed_at);
	ys_strlcpy(s.chair_name, "王书记", sizeof s.chair_name);
	ys_strlcpy(s.clerk_name, "李记录", sizeof s.clerk_name);
	memset(s.sm3, 'a', 64);
	memset(s.sha256, 'b', 64);
	memset(&ad, 0, sizeof ad);
	ys_strlcpy(ad.meeting_id, m.id, sizeof ad.meeting_id);
	ad.reason = "笔误";
	ad.text = "第 1 条应为……";
	CHECK_INT(store_addendum_add(st, &ad), -1);           /* not sealed */
	CHECK_CONTAINS(store_errmsg(st), "尚未签字确认");
	s.sm3[3] = 'G';
	CHECK_INT(store_seal_add(st, &s, NULL), -1);                /* not hex */
	CHECK_CONTAINS(store_errmsg(st), "SM3");
	s.sm3[3] = 'a';
	CHECK_INT(store_seal_add(st, &s, NULL), -1);                /* no format */
	CHECK_CONTAINS(store_errmsg(st), "摘要格式");
	s.format = 2;
	CHECK_INT(store_seal_add(st, &s, NULL), 0);
	CHECK_INT(store_seal_add(st, &s, NULL), -1);                /* once */
	CHECK_CONTAINS(store_errmsg(st), "编号重复");
	CHECK_INT(store_seal_get(st, m.id, &g), 0);
	CHECK_STR(g.sm3, s.sm3);
	CHECK_STR(g.chair_name, "王书记");
	CHECK_INT(store_addendum_add(st, &ad), 0);
	CHECK_INT(ad.seq, 1);
	CHECK_STR(ad.at, "2026-11-22 14:05:00");
	CHECK_INT((int)strlen(ad.sm3), 64);
	ad.reason = "";
	CHECK_INT(store_addendum_add(st, &ad), -1);
	CHECK_CONTAINS(store_errmsg(st), "理由");

	/* notices */
	memset(&n, 0, sizeof n);
	ys_strlcpy(n.proposal_id, p.id, sizeof n.proposal_id);
	n.kind = NK_DECISION;
	ys_strlcpy(n.title, "关于路面硬化的公示", sizeof n.title);
	ys_strlcpy(n.addressee, "全体居民", sizeof n.addressee);
	n.body = "正文";
	n.channel = "电话";
	ys_strlcpy(n.start_date, "2026-11-22", sizeof n.start_date);
	ys_strlcpy(n.end_date, "2026-11-21", sizeof n.end_date);
	ys_strlcpy(n.written_date, "2026-11-22", sizeof n.written_date);
	CHECK_INT(store_notice_add(st, &n), -1);
	CHECK_CONTAINS(store_errmsg(st), "早于");
	ys_strlcpy(n.end_date, "2026-11-31", sizeof n.end_date);
	CHECK_INT(store_notice_add(st, &n), -1);
	ys_strlcpy(n.end_date, "2026-11-28", sizeof n.end_date);
	n.kind = 3;
	CHECK_INT(store_notice_add(st, &n), -1);
	n.kind = NK_DECISION;
	CHECK_INT(store_notice_add(st, &n), 0);
	CHECK_STR(n.doc_no, "〔2026〕1号");
	CHECK_STR(n.proposal_number, "2026-001");
	/* the year of the 成文日期, not of the clock */
	ys_strlcpy(n.written_date, "2027-01-02", sizeof n.written_date);
	CHECK_INT(store_notice_add(st, &n), 0);
	CHECK_STR(n.doc_no, "〔2027〕1号");
	CHECK_INT(n.year, 2027);

	/* objections */
	memset(&o, 0, sizeof o);
	ys_strlcpy(o.notice_id, n.id, sizeof o.notice_id);
	ys_strlcpy(o.person, "钱大爷", sizeof o.person);
	o.content = "有意见";
	ys_strlcpy(o.received_at, "2026-11-23", sizeof o.received_at);
	CHECK_INT(store_objection_add(st, &o), -1);
	o.received_at[0] = '\0';
	CHECK_INT(store_objection_add(st, &o), 0);
	CHECK_STR(o.received_at, "2026-11-22 14:05:00");
	CHECK_INT(store_objection_answer(st, o.id, ""), -1);
	CHECK_INT(store_objection_answer(st, "nope", "答复"), -1);
	CHECK_CONTAINS(store_errmsg(st), "异议不存在");

	/* implementation */
	memset(&im, 0, sizeof im);
	ys_strlcpy(im.proposal_id, p.id, sizeof im.proposal_id);
	ys_strlcpy(im.responsible, "甲", sizeof im.responsible);
	ys_strlcpy(im.deadline, "2026-13-01", sizeof im.deadline);
	CHECK_INT(store_impl_set(st, &im), -1);
	ys_strlcpy(im.deadline, "2026-12-31", sizeof im.deadline);
	CHECK_INT(store_impl_set(st, &im), 0);
	ys_strlcpy(im.deadline, "2027-01-31", sizeof im.deadline);
	CHECK_INT(store_impl_set(st, &im), 0);             /* an update */
	memset(&pr, 0, sizeof pr);
	ys_strlcpy(pr.proposal_id, p.id, sizeof pr.proposal_id);
	pr.text = "开工";
	CHECK_INT(store_progress_add(st, &pr), 0);
	CHECK_STR(pr.at, "2026-11-22");
	store_close(st);

	/* everything is there after a restart */
	st = store_open(fx_path("paper.db"), 0, NULL, 0);
	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(store_seal_get(st, m.id, &g), 0);
	CHECK_INT(store_notice_get(st, n.id, &ng), 0);
	CHECK_STR(ng.body, "正文");
	CHECK_STR(ng.channel, "电话");
	CHECK_STR(ng.written_date, "2027-01-02");
	notice_clear(&ng);
	CHECK_INT(store_impl_get(st, p.id, &im), 0);
	CHECK_STR(im.deadline, "2027-01-31");
	CHECK_INT(store_progress_count(st, p.id), 1);
	{
		int t = 0, u = 0;
		CHECK_INT(store_objection_count(st, n.id, &t, &u), 0);
		CHECK_INT(t, 1);
		CHECK_INT(u, 1);
	}
	{
		/* stored at the store level, past what ops would refuse */
		struct fx_lines l = { 0, "" };
		CHECK_INT(store_check(st, fx_collect, &l), 3);
		CHECK_CONTAINS(l.all, "会议 2026-H-01 尚未散会，却已签字确认");
		CHECK_CONTAINS(l.all, "公示 〔2026〕1号 是决议公开，但议题 2026-001 从未作出决议");
		CHECK_CONTAINS(l.all, "公示 〔2027〕1号 是决议公开");
	}
	store_close(st);
}

int main(void)
{
	/* a fixed clock: numbers start with 2026 */
	setenv("YISHITING_NOW", "2026-11-22 14:05", 1);
	if (fx_tmpdir("store") != 0)
		return 1;

	RUN(test_fresh_database);
	RUN(test_missing_file);
	RUN(test_migrate_from_v1);
	RUN(test_newer_version_refused);
	RUN(test_not_a_database);
	RUN(test_uuids);
	RUN(test_restart_keeps_everything);
	RUN(test_posts_and_categories);
	RUN(test_person_paging);
	RUN(test_proposal_board);
	RUN(test_search);
	RUN(test_too_long);
	RUN(test_transactions);
	RUN(test_file_moved_away);
	RUN(test_empty_and_damaged);
	RUN(test_votes);
	RUN(test_meetings_and_minutes);
	RUN(test_attendance_sheet);
	RUN(test_two_handles);
	RUN(test_check_finds_problems);
	RUN(test_migrate_to_paper);
	RUN(test_paper_records);

	fx_tmpdir_remove();
	T_DONE();
}
