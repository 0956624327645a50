/* test_diary.c: 民情日记 on a real (temporary) database — the urgencies
 * and when a reply is due, entries entered afterwards and numbered by the
 * year they were raised, the refusals in the clerk's words, the reply that
 * closes the loop, the filters, a concern turned into a proposal (both
 * linked, all or nothing) and the delete refused once it is. */
#include <stdlib.h>
#include <sqlite3.h>

#include "t.h"
#include "fixture.h"
#include "model/core.h"
#include "model/diary.h"
#include "ops/ops.h"
#include "store/store.h"
#include "base/clock.h"
#include "base/util.h"

static struct store *st;
static char err[512];

/* an entry raised on day by the roster's person who, of urgency */
static struct diary entry(const char *day, int who, int urgency, const char *content)
{
	struct diary d;

	memset(&d, 0, sizeof d);
	snprintf(d.raised_on, sizeof d.raised_on, "%s", day);
	snprintf(d.worker_id, sizeof d.worker_id, "%s", fx_id(FX_MEM));
	snprintf(d.worker_name, sizeof d.worker_name, "%s", fx_name(FX_MEM));
	snprintf(d.resident_id, sizeof d.resident_id, "%s", fx_id(who));
	snprintf(d.resident_name, sizeof d.resident_name, "%s", fx_name(who));
	snprintf(d.grid, sizeof d.grid, "第一网格");
	snprintf(d.place, sizeof d.place, "7栋2单元");
	snprintf(d.category, sizeof d.category, "房屋维修");
	d.urgency = urgency;
	d.content = xstrdup(content);
	return d;
}

static long sql_int(const char *sql)
{
	sqlite3_stmt *s;
	long v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK)
		return -2;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void test_model(void)
{
	char due[11];

	CHECK_STR(urgency_name(URG_URGENT), "紧急");
	CHECK_INT(urgency_by_name("较急"), URG_SOON);
	CHECK_INT(urgency_by_name("很急"), -1);
	CHECK_INT(diary_due_date("2026-11-01", URG_URGENT, due), 0);
	CHECK_STR(due, "2026-11-04");
	CHECK_INT(diary_due_date("2026-11-01", URG_SOON, due), 0);
	CHECK_STR(due, "2026-11-08");
	CHECK_INT(diary_due_date("2026-11-20", URG_NORMAL, due), 0);
	CHECK_STR(due, "2026-12-05");
	/* due on the 4th: still open that day, overdue the day after */
	CHECK_INT(diary_state("2026-11-01", URG_URGENT, "", "2026-11-04"), DS_OPEN);
	CHECK_INT(diary_state("2026-11-01", URG_URGENT, "", "2026-11-05"), DS_OVERDUE);
	CHECK_INT(diary_state("2026-11-01", URG_URGENT, "2026-11-09", "2026-11-22"), DS_ANSWERED);
	CHECK_STR(diary_state_name(DS_OVERDUE), "逾期");
	CHECK_INT(diary_filter_by_word("overdue"), DF_OVERDUE);
	CHECK_INT(diary_filter_by_word("已答复"), DF_ANSWERED);
	CHECK_INT(diary_filter_by_word("late"), -1);
}

static void test_open(void)
{
	CHECK_INT(fx_db_temp("diary"), 0);
	st = fx_db_open(err, sizeof err);
	CHECK(st != NULL);
	CHECK_INT(fx_small_community("138-0000-"), FX_SMALL_COUNT);
}

/* entered afterwards: numbered by the year it was raised, logged */
static void test_add(void)
{
	struct diary d = entry("2026-11-15", FX_REP, URG_NORMAL, "  7栋楼顶漏水，顶层住户天花板渗水。 ");
	struct diary old = entry("2025-12-28", FX_REP + 1, URG_SOON, "背巷路灯不亮");
	struct diary got;

	CHECK_INT(ops_diary_save(st, &d, err, sizeof err), 0);
	CHECK_STR(d.number, "2026-民-001");
	CHECK_STR(d.content, "7栋楼顶漏水，顶层住户天花板渗水。");
	CHECK_INT(ops_diary_save(st, &old, err, sizeof err), 0);
	CHECK_STR(old.number, "2025-民-001");
	CHECK_INT(store_diary_get_number(st, "2026-民-001", &got), 0);
	CHECK_STR(got.resident_name, fx_name(FX_REP));
	CHECK_STR(got.raised_on, "2026-11-15");
	CHECK_STR(got.content, "7栋楼顶漏水，顶层住户天花板渗水。");
	CHECK_STR(got.reply, "");
	CHECK_STR(got.proposal_id, "");
	diary_clear(&got);
	/* a new entry is not a change: nothing in the log */
	CHECK_INT(sql_int("SELECT COUNT(*) FROM change_log WHERE entity = 'diary'"), 0);
	/* a name not on the roster is kept as written */
	struct diary free_name = entry("2026-11-20", FX_REP, URG_URGENT, "楼道灯坏了");
	free_name.resident_id[0] = '\0';
	snprintf(free_name.resident_name, sizeof free_name.resident_name, "过路的陈阿姨");
	snprintf(free_name.phone, sizeof free_name.phone, "138 0000 1234");
	CHECK_INT(ops_diary_save(st, &free_name, err, sizeof err), 0);
	CHECK_STR(free_name.number, "2026-民-002");
	CHECK_INT(sql_int("SELECT resident_id IS NULL FROM diary WHERE number = '2026-民-002'"), 1);
	diary_clear(&d);
	diary_clear(&old);
	diary_clear(&free_name);
}

/* every refusal says what is wrong, and nothing is written */
static void test_refusals(void)
{
	static const struct { const char *day, *replied, *reply, *content, *phone, *want; } bad[] = {
		{ "2026-11-30", "", "", "事项", "", "反映日期 2026-11-30 还没到" },
		{ "2026-02-30", "", "", "事项", "", "反映日期“2026-02-30”无效" },
		{ "2026-11-01", "", "", "   ", "", "请填写反映的事项" },
		{ "2026-11-01", "", "", "事项", "电话abc", "电话“电话abc”只能含数字" },
		{ "2026-11-10", "2026-11-09", "已答复", "事项", "", "答复日期 2026-11-09 不能早于反映日期 2026-11-10" },
		{ "2026-11-10", "2026-11-23", "已答复", "事项", "", "答复日期 2026-11-23 还没到" },
		{ "2026-11-10", "", "已答复", "事项", "", "请填写答复日期" },
		{ "2026-11-10", "2026-11-12", "", "事项", "", "请同时填写答复内容" },
	};
	int before = (int)sql_int("SELECT COUNT(*) FROM diary");

	for (size_t i = 0; i < YS_ARRAY_LEN(bad); i++) {
		struct diary d = entry(bad[i].day, FX_REP, URG_NORMAL, bad[i].content);
		snprintf(d.replied_on, sizeof d.replied_on, "%s", bad[i].replied);
		d.reply = xstrdup(bad[i].reply);
		snprintf(d.phone, sizeof d.phone, "%s", bad[i].phone);
		err[0] = '\0';
		CHECK_INT(ops_diary_save(st, &d, err, sizeof err), -1);
		CHECK_CONTAINS(err, bad[i].want);
		diary_clear(&d);
	}
	/* too long: the count is told */
	struct strbuf sb = { 0 };
	for (int i = 0; i < 1001; i++)
		sb_add(&sb, "漏");
	struct diary d = entry("2026-11-01", FX_REP, URG_NORMAL, sb.s);
	CHECK_INT(ops_diary_save(st, &d, err, sizeof err), -1);
	CHECK_CONTAINS(err, "反映的事项不能超过 1000 个字（现有 1001 个字）");
	diary_clear(&d);
	sb_free(&sb);
	d = entry("2026-11-01", FX_REP, URG_NORMAL, "事项");
	d.worker_name[0] = '\0';
	CHECK_INT(ops_diary_save(st, &d, err, sizeof err), -1);
	CHECK_CONTAINS(err, "请填写记录人");
	d.urgency = 7;
	snprintf(d.worker_name, sizeof d.worker_name, "某网格员");
	CHECK_INT(ops_diary_save(st, &d, err, sizeof err), -1);
	CHECK_CONTAINS(err, "紧急程度只能是");
	diary_clear(&d);
	CHECK_INT(sql_int("SELECT COUNT(*) FROM diary"), before);
	/* the schema refuses what ops would, for a hand edit */
	CHECK(fx_sql("UPDATE diary SET replied_on = '2026-11-20' WHERE number = '2026-民-001'") != 0);
	CHECK(fx_sql("UPDATE diary SET number = '2026-民-9' WHERE number = '2026-民-001'") != 0);
}

/* the reply closes the loop; the filters and counts follow */
static void test_reply_and_filters(void)
{
	struct diary d, rows[16];
	struct diary_counts c;
	struct diary_query q = { DF_ALL, NULL, NULL, "2026-11-22" };
	int n;

	/* 2026-民-002 (紧急, raised 11-20) is due 11-23: open; one more
	 * urgent from 11-10 is overdue */
	d = entry("2026-11-10", FX_REP + 2, URG_URGENT, "电梯困人");
	CHECK_INT(ops_diary_save(st, &d, err, sizeof err), 0);
	CHECK_STR(d.number, "2026-民-003");
	CHECK_INT(store_diary_counts(st, &q, &c), 0);
	CHECK_INT(c.total, 4);
	CHECK_INT(c.open, 4);
	CHECK_INT(c.answered, 0);
	CHECK_INT(c.overdue, 2);          /* 2025-民-001 and 2026-民-003 */
	q.state = DF_OVERDUE;
	n = store_diary_page(st, &q, "", "", rows, 16);
	CHECK_INT(n, 2);
	CHECK_STR(rows[0].number, "2026-民-003");   /* newest first */
	CHECK_STR(rows[1].number, "2025-民-001");
	for (int i = 0; i < n; i++)
		diary_clear(&rows[i]);

	CHECK_INT(ops_diary_reply(st, d.id, "", "2026-11-12", NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, "请填写答复内容");
	CHECK_INT(ops_diary_reply(st, d.id, "已联系维保单位，当天解困。", "2026-11-09", NULL, err,
	                          sizeof err), -1);
	CHECK_CONTAINS(err, "不能早于反映日期");
	CHECK_INT(ops_diary_reply(st, d.id, "已联系维保单位，当天解困。", "2026-11-12",
	                          "维保单位检修曳引机", err, sizeof err), 0);
	diary_clear(&d);
	CHECK_INT(store_diary_get_number(st, "2026-民-003", &d), 0);
	CHECK_STR(d.replied_on, "2026-11-12");
	CHECK_STR(d.done, "维保单位检修曳引机");
	CHECK_INT(diary_state(d.raised_on, d.urgency, d.replied_on, "2026-11-22"), DS_ANSWERED);
	diary_clear(&d);
	/* the first reply is a step; a reply written over is a correction */
	CHECK_INT(sql_int("SELECT COUNT(*) FROM change_log WHERE entity = 'diary' AND field = '答复内容'"), 0);
	CHECK_INT(ops_diary_reply(st, d.id, "已联系维保单位，当天解困，并检修了曳引机。", "2026-11-12",
	                          NULL, err, sizeof err), 0);
	CHECK_INT(sql_int("SELECT COUNT(*) FROM change_log WHERE entity = 'diary' AND field = '答复内容'"
	                  " AND old_value = '已联系维保单位，当天解困。'"), 1);
	q.state = DF_ALL;
	CHECK_INT(store_diary_counts(st, &q, &c), 0);
	CHECK_INT(c.answered, 1);
	CHECK_INT(c.overdue, 1);
	q.state = DF_ANSWERED;
	n = store_diary_page(st, &q, "", "", rows, 16);
	CHECK_INT(n, 1);
	for (int i = 0; i < n; i++)
		diary_clear(&rows[i]);
	/* open lists the overdue too; the grid and category filter */
	q.state = DF_OPEN;
	CHECK_INT(store_diary_page(st, &q, "", "", rows, 16), 3);
	for (int i = 0; i < 3; i++)
		diary_clear(&rows[i]);
	q.state = DF_ALL;
	q.category = "电梯";
	CHECK_INT(store_diary_page(st, &q, "", "", rows, 16), 0);
	q.category = "房屋维修";
	q.grid = "第一网格";
	CHECK_INT(store_diary_counts(st, &q, &c), 0);
	CHECK_INT(c.total, 4);
	/* keyset paging: two at a time, newest first, nothing lost */
	q.grid = NULL;
	q.category = NULL;
	n = store_diary_page(st, &q, "", "", rows, 2);
	CHECK_INT(n, 2);
	struct diary more[4];
	int m = store_diary_page(st, &q, rows[1].raised_on, rows[1].number, more, 4);
	CHECK_INT(m, 2);
	CHECK_STR(more[1].number, "2025-民-001");
	for (int i = 0; i < n; i++)
		diary_clear(&rows[i]);
	for (int i = 0; i < m; i++)
		diary_clear(&more[i]);
	char grids[4][64];
	CHECK_INT(store_diary_grids(st, grids, 4), 1);
	CHECK_STR(grids[0], "第一网格");
}

/* an edit is logged field by field */
static void test_edit(void)
{
	struct diary d;

	CHECK_INT(store_diary_get_number(st, "2026-民-002", &d), 0);
	snprintf(d.place, sizeof d.place, "3栋1单元");
	d.urgency = URG_SOON;
	CHECK_INT(ops_diary_save(st, &d, err, sizeof err), 0);
	CHECK_STR(d.number, "2026-民-002");
	diary_clear(&d);
	CHECK_INT(sql_int("SELECT COUNT(*) FROM change_log WHERE entity = 'diary' AND"
	                  " field IN ('地点', '紧急程度')"), 2);
	CHECK_INT(sql_int("SELECT COUNT(*) FROM change_log WHERE entity = 'diary' AND"
	                  " field = '紧急程度' AND old_value = '紧急' AND new_value = '较急'"), 1);
}

/* 转为议题: both linked in one transaction; delete refused after */
static void test_to_proposal(void)
{
	struct diary d, back;
	struct proposal p;
	struct proposer pp[1];
	int proposals = (int)sql_int("SELECT COUNT(*) FROM proposal");

	CHECK_INT(store_diary_get_number(st, "2026-民-001", &d), 0);
	memset(&p, 0, sizeof p);
	memset(pp, 0, sizeof pp);
	snprintf(p.title, sizeof p.title, "7栋楼顶防水层修缮");
	p.content = xstrdup(d.content);
	snprintf(pp[0].person_id, sizeof pp[0].person_id, "%s", d.resident_id);
	snprintf(pp[0].name, sizeof pp[0].name, "%s", d.resident_name);
	pp[0].kind = PK_PERSON;
	/* a proposal before the concern it grew from is refused, and nothing
	 * of it stays */
	snprintf(p.proposed_on, sizeof p.proposed_on, "2026-11-14");
	CHECK_INT(ops_diary_to_proposal(st, d.id, &p, pp, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "提议日期 2026-11-14 不能早于反映日期 2026-11-15");
	/* a proposal the proposal rules refuse leaves the entry unlinked */
	snprintf(p.proposed_on, sizeof p.proposed_on, "2026-11-16");
	p.title[0] = '\0';
	CHECK_INT(ops_diary_to_proposal(st, d.id, &p, pp, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "请填写议题标题");
	CHECK_INT(sql_int("SELECT COUNT(*) FROM proposal"), proposals);
	CHECK_INT(sql_int("SELECT COUNT(*) FROM diary WHERE proposal_id IS NOT NULL"), 0);
	snprintf(p.title, sizeof p.title, "7栋楼顶防水层修缮");
	CHECK_INT(ops_diary_to_proposal(st, d.id, &p, pp, 1, err, sizeof err), 0);
	CHECK_STR(p.source, "民情日记 2026-民-001");
	CHECK_INT(sql_int("SELECT COUNT(*) FROM proposal"), proposals + 1);
	CHECK_INT(store_diary_for_proposal(st, p.id, &back), 0);
	CHECK_STR(back.number, "2026-民-001");
	CHECK_STR(back.proposal_number, p.number);
	diary_clear(&back);
	CHECK_INT(sql_int("SELECT COUNT(*) FROM change_log WHERE entity = 'diary' AND field = '转为议题'"), 1);
	/* once only */
	CHECK_INT(ops_diary_to_proposal(st, d.id, &p, pp, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "已转为议题");
	/* delete refused while linked; an unlinked one goes, logged */
	CHECK_INT(ops_diary_delete(st, d.id, err, sizeof err), -1);
	CHECK_CONTAINS(err, "已转为议题");
	CHECK_INT(store_diary_get_number(st, "2025-民-001", &back), 0);
	char gone[ID_LEN];
	snprintf(gone, sizeof gone, "%s", back.id);
	diary_clear(&back);
	CHECK_INT(ops_diary_delete(st, gone, err, sizeof err), 0);
	CHECK_INT(store_diary_get(st, gone, &back), 1);
	CHECK_INT(sql_int("SELECT COUNT(*) FROM change_log WHERE entity = 'diary' AND field = '删除'"), 1);
	CHECK_INT(ops_diary_delete(st, "no-such-id", err, sizeof err), -1);
	CHECK_CONTAINS(err, "不存在");
	/* an editable entry keeps its link when corrected */
	snprintf(d.place, sizeof d.place, "7栋楼顶");
	CHECK_INT(ops_diary_save(st, &d, err, sizeof err), 0);
	CHECK_INT(sql_int("SELECT COUNT(*) FROM diary WHERE proposal_id IS NOT NULL"), 1);
	diary_clear(&d);
	proposal_clear(&p);
	/* a person on the roster deleted leaves the diary's names */
	struct fx_lines lines = { 0 };
	CHECK_INT(store_check(st, fx_collect, &lines), 0);
}

int main(void)
{
	setenv("YISHITING_NOW", "2026-11-22 14:05", 1);
	RUN(test_model);
	RUN(test_open);
	if (!st) {
		fx_db_done(st);
		T_DONE();
	}
	RUN(test_add);
	RUN(test_refusals);
	RUN(test_reply_and_filters);
	RUN(test_edit);
	RUN(test_to_proposal);
	fx_db_done(st);
	T_DONE();
}
