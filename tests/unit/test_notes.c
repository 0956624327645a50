/* test_notes.c: 书记手记 and 大事记 — the rules of a note and of a hand line,
 * links to meetings and matters, the generated 大事记 of the demo year
 * checked against SQL written here, hiding and showing a line, and the
 * two documents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/clock.h"
#include "base/util.h"
#include "demo/demo.h"
#include "ops/ops.h"
#include "paper/doc.h"
#include "store/store.h"
#include "t.h"
#include "fixture.h"

static int sql_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	int v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK) {
		printf("  sql: %s: %s\n", sql, sqlite3_errmsg(store_db(st)));
		return -1;
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* a note of the fixture's database, the links given */
static void note_fill(struct note *n, const char *date, const char *title, const char *body)
{
	memset(n, 0, sizeof *n);
	snprintf(n->date, sizeof n->date, "%s", date);
	snprintf(n->title, sizeof n->title, "%s", title);
	snprintf(n->author, sizeof n->author, "%s", fx_name(FX_SEC));
	snprintf(n->author_id, sizeof n->author_id, "%s", fx_id(FX_SEC));
	n->body = (char *)body;
}

static void link_meeting(struct note *n, const char *mid)
{
	memset(&n->links[n->nlinks], 0, sizeof n->links[0]);
	snprintf(n->links[n->nlinks++].meeting_id, ID_LEN, "%s", mid);
}

static void link_proposal(struct note *n, const char *pid)
{
	memset(&n->links[n->nlinks], 0, sizeof n->links[0]);
	snprintf(n->links[n->nlinks++].proposal_id, ID_LEN, "%s", pid);
}

static void test_note_rules(void)
{
	char err[512], pid[ID_LEN], mid[ID_LEN], name[64], aid[ID_LEN];
	struct store *st;
	struct meeting m;
	struct note n, got;
	char longtitle[400] = "";

	fx_db_temp("notes");
	st = fx_db_open(err, sizeof err);
	CHECK(st != NULL);
	if (!st)
		return;
	fx_at("2026-11-20 20:00");
	CHECK_INT(fx_small_community(NULL), FX_SMALL_COUNT);
	/* no secretary named on the roster: no default author */
	ops_note_author_default(st, name, aid);
	CHECK_STR(name, "");
	struct person sec = *fx_person(FX_SEC);
	snprintf(sec.post, sizeof sec.post, "社区党委书记");
	CHECK_INT(ops_person_save(st, &sec, err, sizeof err), 0);
	ops_note_author_default(st, name, aid);
	CHECK_STR(name, "张书记");
	CHECK_STR(aid, fx_id(FX_SEC));

	CHECK_INT(fx_proposal("小区路灯维修", NULL, FX_REP, pid, NULL), 0);
	fx_meeting_fill(&m, MK_LIANGWEI, "2026-11-25", "14:30", FX_DIR);
	CHECK_INT(fx_meeting_new(&m, (const char *[]){ pid }, 1, NULL, 0, mid), 0);
	meeting_clear(&m);

	/* refusals, each in Chinese and nothing written */
	note_fill(&n, "2026-11-21", "路灯", "内容");
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), -1);
	CHECK_CONTAINS(err, "在今天（2026-11-20）之后");
	note_fill(&n, "2026-02-30", "路灯", "内容");
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), -1);
	CHECK_CONTAINS(err, "手记日期不对");
	note_fill(&n, "2026-11-15", "　 ", "内容");
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), -1);
	CHECK_CONTAINS(err, "请填写手记标题");
	for (int i = 0; i < 61; i++)
		strcat(longtitle, "路");
	note_fill(&n, "2026-11-15", longtitle, "内容");
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), -1);
	CHECK_CONTAINS(err, "最多 60 个字");
	note_fill(&n, "2026-11-15", "路灯", "");
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), -1);
	CHECK_CONTAINS(err, "请填写手记内容");
	note_fill(&n, "2026-11-15", "路灯", "内容");
	n.author[0] = n.author_id[0] = '\0';
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), -1);
	CHECK_CONTAINS(err, "作者");
	note_fill(&n, "2026-11-15", "路灯", "内容");
	link_meeting(&n, "00000000-0000-0000-0000-000000000000");
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), -1);
	CHECK_CONTAINS(err, "会议不存在");
	note_fill(&n, "2026-11-15", "路灯", "内容");
	link_proposal(&n, pid);
	link_proposal(&n, pid);
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), -1);
	CHECK_CONTAINS(err, "关联了两次");
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM note"), 0);

	/* a note of last week, typed tonight, with a meeting and a matter */
	note_fill(&n, "2026-11-13", "走访路灯坏的楼栋", "3栋门口路灯坏了两周。\n已请物业修。");
	link_meeting(&n, mid);
	link_proposal(&n, pid);
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), 0);
	CHECK(n.id[0] != '\0');
	memset(&got, 0, sizeof got);
	CHECK_INT(store_note_get(st, n.id, &got), 0);
	CHECK_STR(got.title, "走访路灯坏的楼栋");
	CHECK_STR(got.author, "张书记");
	CHECK_INT(got.nlinks, 2);
	CHECK_STR(got.links[0].meeting_id, mid);
	CHECK_STR(got.links[0].date, "2026-11-25");
	CHECK_STR(got.links[1].proposal_id, pid);
	CHECK_STR(got.links[1].title, "小区路灯维修");
	CHECK_CONTAINS(got.body, "已请物业修");
	note_clear(&got);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM change_log WHERE entity = 'note'"
	                      " AND field = '新建手记'"), 1);

	/* changed: the links replaced, the date moved to another year */
	n.nlinks = 0;
	link_proposal(&n, pid);
	snprintf(n.date, sizeof n.date, "2025-12-30");
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM note_link"), 1);
	struct note *year = NULL;
	CHECK_INT(store_note_year(st, 2026, &year), 0);
	free(year);
	CHECK_INT(store_note_year(st, 2025, &year), 1);
	if (year) {
		CHECK_INT(year[0].nlinks, 1);
		note_clear(&year[0]);
	}
	free(year);

	/* a meeting made by mistake and deleted takes its links, not the note */
	n.nlinks = 0;
	link_meeting(&n, mid);
	CHECK_INT(ops_note_save(st, &n, err, sizeof err), 0);
	CHECK_INT(ops_meeting_delete(st, mid, err, sizeof err), 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM note_link"), 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM note"), 1);

	CHECK_INT(ops_note_delete(st, n.id, err, sizeof err), 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM note"), 0);
	CHECK_INT(ops_note_delete(st, n.id, err, sizeof err), -1);
	CHECK_CONTAINS(err, "已不存在");
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM change_log WHERE entity = 'note'"), 4);
	fx_db_done(st);
}

static void test_chron_rules(void)
{
	char err[512], text[700] = "";
	struct store *st;
	struct chron_entry e, got;

	fx_db_temp("chron");
	st = fx_db_open(err, sizeof err);
	CHECK(st != NULL);
	if (!st)
		return;
	fx_at("2026-11-20 20:00");
	memset(&e, 0, sizeof e);
	snprintf(e.date, sizeof e.date, "2026-12-01");
	e.text = xstrdup("街道检查");
	CHECK_INT(ops_chron_save(st, &e, err, sizeof err), -1);
	CHECK_CONTAINS(err, "之后");
	snprintf(e.date, sizeof e.date, "2026-11-18");
	free(e.text);
	e.text = xstrdup("  ");
	CHECK_INT(ops_chron_save(st, &e, err, sizeof err), -1);
	CHECK_CONTAINS(err, "请填写大事记的内容");
	for (int i = 0; i < 201; i++)
		strcat(text, "检");
	free(e.text);
	e.text = xstrdup(text);
	CHECK_INT(ops_chron_save(st, &e, err, sizeof err), -1);
	CHECK_CONTAINS(err, "最多 200 个字");
	free(e.text);
	e.text = xstrdup("南门街道检查社区居务公开工作。");
	CHECK_INT(ops_chron_save(st, &e, err, sizeof err), 0);
	free(e.text);
	e.text = xstrdup("南门街道检查社区居务公开工作，评为优秀。");
	CHECK_INT(ops_chron_save(st, &e, err, sizeof err), 0);
	memset(&got, 0, sizeof got);
	CHECK_INT(store_chron_get(st, e.id, &got), 0);
	CHECK_STR(got.text, "南门街道检查社区居务公开工作，评为优秀。");
	chron_entry_clear(&got);
	/* a hand line is deleted, not hidden */
	CHECK_INT(ops_chron_hide(st, CK_HAND, e.id, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "可以删除");
	CHECK_INT(ops_chron_delete(st, e.id, err, sizeof err), 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM chronicle_entry"), 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM change_log WHERE entity = 'chronicle'"), 3);
	chron_entry_clear(&e);
	fx_db_done(st);
}

static struct store *demo_db(void)
{
	char err[1024] = "";
	const char *path = fx_path("demo.db");
	struct store *st;

	if (access(path, F_OK) != 0 && demo_write(path, err, sizeof err) != 0) {
		printf("  demo_write: %s\n", err);
		return NULL;
	}
	st = store_open(path, 0, err, sizeof err);
	if (!st)
		printf("  store_open: %s\n", err);
	return st;
}

static int count_kind(const struct chron_item *it, int n, int kind, int hidden)
{
	int c = 0;
	for (int i = 0; i < n; i++)
		c += it[i].kind == kind && it[i].hidden == hidden;
	return c;
}

/* the demo's year: every kind of line as many as SQL written here finds */
static void test_chronicle_demo(void)
{
	struct store *st = demo_db();
	struct chron_item *it = NULL;
	int n;

	CHECK(st != NULL);
	if (!st)
		return;
	n = store_chronicle_year(st, 2026, &it);
	CHECK(n > 30);
	CHECK_INT(count_kind(it, n, CK_MEETING, 0) + count_kind(it, n, CK_MEETING, 1),
	          sql_int(st, "SELECT COUNT(*) FROM meeting WHERE substr(date, 1, 4) = '2026'"
	                      " AND status IN (1, 2)"));
	CHECK_INT(count_kind(it, n, CK_MEETING, 1), 1);      /* chronicle.tsv hides M05 */
	CHECK_INT(count_kind(it, n, CK_DECISION, 0),
	          sql_int(st, "SELECT COUNT(*) FROM proposal_event e JOIN meeting m"
	                      " ON m.id = e.meeting_id WHERE substr(m.date, 1, 4) = '2026'"
	                      " AND ((e.action = 2 AND e.to_step = 4) OR e.action = 4)"));
	CHECK_INT(count_kind(it, n, CK_NOTICE, 0),
	          sql_int(st, "SELECT COUNT(*) FROM notice WHERE kind <> 3"
	                      " AND start_date LIKE '2026-%'"));
	CHECK_INT(count_kind(it, n, CK_ARCHIVE, 0),
	          sql_int(st, "SELECT COUNT(*) FROM proposal_event WHERE action = 9"
	                      " AND at LIKE '2026-%'"));
	CHECK_INT(count_kind(it, n, CK_HAND, 0), 12);
	CHECK_INT(n, sql_int(st, "SELECT (SELECT COUNT(*) FROM meeting WHERE date LIKE '2026-%'"
	                         " AND status IN (1, 2))"
	                         " + (SELECT COUNT(*) FROM proposal_event e JOIN meeting m"
	                         " ON m.id = e.meeting_id WHERE m.date LIKE '2026-%'"
	                         " AND ((e.action = 2 AND e.to_step = 4) OR e.action = 4))"
	                         " + (SELECT COUNT(*) FROM notice WHERE kind <> 3"
	                         " AND start_date LIKE '2026-%')"
	                         " + (SELECT COUNT(*) FROM proposal_event WHERE action = 9"
	                         " AND at LIKE '2026-%')"
	                         " + (SELECT COUNT(*) FROM chronicle_entry WHERE date LIKE '2026-%')"));
	for (int i = 1; i < n; i++)
		CHECK(strcmp(it[i - 1].date, it[i].date) <= 0);
	/* the lines of a matter name it, for the screen to open its dossier */
	for (int i = 0; i < n; i++)
		CHECK((it[i].kind == CK_DECISION || it[i].kind == CK_ARCHIVE || it[i].kind == CK_NOTICE)
		      == (it[i].proposal_id[0] != '\0'));
	/* a meeting's attendance as its sheet says */
	for (int i = 0; i < n; i++) {
		if (it[i].kind != CK_MEETING || strcmp(it[i].number, "2026-H-17") != 0)
			continue;
		CHECK_INT(it[i].a, sql_int(st, "SELECT COUNT(*) FROM attendance a JOIN meeting m"
		                               " ON m.id = a.meeting_id WHERE m.number = '2026-H-17'"
		                               " AND a.entitled = 1"));
		CHECK_INT(it[i].b, sql_int(st, "SELECT COUNT(*) FROM attendance a JOIN meeting m"
		                               " ON m.id = a.meeting_id WHERE m.number = '2026-H-17'"
		                               " AND a.entitled = 1 AND a.status = 1"));
		struct strbuf sb = { 0 };
		chronicle_line(&it[i], &sb);
		CHECK_CONTAINS(sb.s, "召开2026年第1次居民会议（应到");
		sb_free(&sb);
	}
	for (int i = 0; i < n; i++)
		chron_item_clear(&it[i]);
	free(it);
	/* other years are empty */
	CHECK_INT(store_chronicle_year(st, 2025, &it), 0);
	free(it);
	/* the notes of the demo */
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM note WHERE date LIKE '2026-%'"), 24);
	CHECK(sql_int(st, "SELECT COUNT(*) FROM note_link") >= 30);
	store_close(st);
}

static char *doc_text(const struct doc *d)
{
	struct strbuf sb = { 0 };
	render_txt(d, 200, &sb);
	return sb_steal(&sb);
}

static void test_hide_and_doc(void)
{
	struct store *st = demo_db();
	struct chron_item *it = NULL;
	struct doc d;
	char err[512], id[ID_LEN] = "", *txt;
	int n;

	CHECK(st != NULL);
	if (!st)
		return;
	CHECK_INT(chronicle_doc(st, 2026, &d, err, sizeof err), 0);
	txt = doc_text(&d);
	CHECK_STR(d.title, "军门社区2026年大事记");
	CHECK_CONTAINS(txt, "军门社区2026年大事记");
	CHECK_CONTAINS(txt, "十一月");
	CHECK_CONTAINS(txt, "社区获评鼓楼区“平安社区”。");
	CHECK_CONTAINS(txt, "11月18日");
	CHECK_CONTAINS(txt, "表决通过议题“开办社区老年助餐点”（2026-006），赞成");
	CHECK(strstr(txt, "召开2026年第2次两委联席会议") == NULL);   /* hidden */
	CHECK_CONTAINS(txt, "召开2026年第1次两委联席会议");
	free(txt);
	doc_free(&d);

	/* hide the first decision, then show it again */
	n = store_chronicle_year(st, 2026, &it);
	for (int i = 0; i < n; i++) {
		if (!id[0] && it[i].kind == CK_DECISION && strcmp(it[i].number, "2026-001") == 0)
			snprintf(id, sizeof id, "%s", it[i].ref_id);
		chron_item_clear(&it[i]);
	}
	free(it);
	CHECK(id[0] != '\0');
	CHECK_INT(ops_chron_hide(st, CK_DECISION, id, 1, err, sizeof err), 0);
	CHECK_INT(ops_chron_hide(st, CK_DECISION, id, 1, err, sizeof err), 0);   /* twice: once */
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM chronicle_hidden"), 2);
	CHECK_INT(chronicle_doc(st, 2026, &d, err, sizeof err), 0);
	txt = doc_text(&d);
	CHECK(strstr(txt, "10栋至12栋背巷路面硬化”（2026-001），赞成") == NULL);
	CHECK_CONTAINS(txt, "《关于10栋至12栋背巷路面硬化的公示》");
	free(txt);
	doc_free(&d);
	n = store_chronicle_year(st, 2026, &it);
	int hidden = 0;
	for (int i = 0; i < n; i++) {
		hidden += it[i].hidden;
		chron_item_clear(&it[i]);
	}
	free(it);
	CHECK_INT(hidden, 2);
	CHECK_INT(ops_chron_hide(st, CK_DECISION, id, 0, err, sizeof err), 0);
	CHECK_INT(sql_int(st, "SELECT COUNT(*) FROM chronicle_hidden"), 1);
	CHECK_INT(chronicle_doc(st, 2026, &d, err, sizeof err), 0);
	txt = doc_text(&d);
	CHECK_CONTAINS(txt, "10栋至12栋背巷路面硬化”（2026-001），赞成12票");
	free(txt);
	doc_free(&d);
	CHECK_INT(ops_chron_hide(st, CK_MEETING, "not-an-id", 1, err, sizeof err), -1);

	/* the notes as a document */
	CHECK_INT(notes_doc(st, 2026, &d, err, sizeof err), 0);
	txt = doc_text(&d);
	CHECK_CONTAINS(txt, "军门社区2026年书记手记");
	CHECK_CONTAINS(txt, "新年第一天的走访");
	CHECK_CONTAINS(txt, "2026-H-17 2026年第1次居民会议");
	CHECK_CONTAINS(txt, "作者：陈美华");
	free(txt);
	doc_free(&d);
	CHECK_INT(notes_doc(st, 2025, &d, err, sizeof err), 0);
	txt = doc_text(&d);
	CHECK_CONTAINS(txt, "2025年还没有书记手记");
	free(txt);
	doc_free(&d);
	CHECK_INT(chronicle_doc(st, 123, &d, err, sizeof err), -1);
	CHECK_CONTAINS(err, "年份不对");
	doc_free(&d);
	store_close(st);
}

int main(void)
{
	unsetenv("YISHITING_NOW");
	if (fx_tmpdir("notes") != 0)
		return 1;
	RUN(test_note_rules);
	RUN(test_chron_rules);
	RUN(test_chronicle_demo);
	RUN(test_hide_and_doc);
	fx_db_unlink(fx_path("demo.db"));
	fx_tmpdir_remove();
	ys_clock_set(0);
	T_DONE();
}
