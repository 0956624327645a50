/* check.c: `yishiting check` — SQLite's own checks and the program's
 * consistency rules over the whole file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ---- checks ---------------------------------------------------------------- */

struct check {
	struct store *st;
	store_report_cb cb;
	void *arg;
	int found;
	int damaged;            /* the file's structure, not only its CHECKs */
};

/* one finding, counted */
#define report(c, ...) ((c)->found++, ys_say((c)->cb, (c)->arg, __VA_ARGS__))

/* what the tables are called on paper */
const char *db_table_cn(const char *t)
{
	static const struct { const char *table, *name; } names[] = {
		{ "community", "社区" }, { "setting", "设置" }, { "person", "人员" },
		{ "rule_set", "表决规则" }, { "proposal", "议题" }, { "proposer", "提议人" },
		{ "proposal_event", "议题流转记录" }, { "meeting", "会议" },
		{ "agenda_item", "议程" }, { "attendance", "签到" }, { "minute", "会议记录" },
		{ "vote", "表决" }, { "ballot", "记名表决票" }, { "change_log", "修改记录" },
		{ "seal", "签字确认" }, { "addendum", "更正" }, { "notice", "公示" },
		{ "objection", "异议" }, { "impl", "实施安排" }, { "progress", "实施进展" },
		{ "vote_teller", "监票、计票人" }, { "diary", "民情日记" }, { "attachment", "附件" },
	};
	size_t i;

	for (i = 0; t && i < YS_ARRAY_LEN(names); i++)
		if (strcmp(names[i].table, t) == 0)
			return names[i].name;
	return t ? t : "?";
}

/* the name of a vote for a finding: 会议 2026-H-05 第 2 项第 1 轮表决 */
#define VOTE_WHERE "会议 %s 第 %d 项第 %d 轮表决"

#define HX "[0-9a-fA-F]"
#define HX4 HX HX HX HX
#define UUID_GLOB HX4 HX4 "-" HX4 "-" HX4 "-" HX4 "-" HX4 HX4 HX4
#define BAD_ID(t) "SELECT '" t "', id FROM " t " WHERE NOT (id GLOB '" UUID_GLOB "')"

/* Each check is one statement; a row is one finding. */
static int check_rows(struct check *c, const char *sql,
                      void (*say)(struct check *c, sqlite3_stmt *s))
{
	sqlite3_stmt *s = db_stmt(c->st, sql);
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		say(c, s);
	return db_step_end(c->st, s, rc);
}

static void say_integrity(struct check *c, sqlite3_stmt *s)
{
	static const char chk[] = "CHECK constraint failed in ";
	const char *t = db_col_text(s, 0);

	if (strcmp(t, "ok") == 0)
		return;
	/* since SQLite 3.33 integrity_check also tests the CHECK
	 * constraints; the checks below say which row and why */
	if (strncmp(t, chk, sizeof chk - 1) == 0) {
		report(c, "数据库文件完整性检查：%s中有不符合约束的数据", db_table_cn(t + sizeof chk - 1));
	} else {
		/* one finding per line, without SQLite's heading */
		c->damaged = 1;
		while (*t) {
			size_t n = strcspn(t, "\n");
			if (n && strncmp(t, "*** in database", 15) != 0)
				report(c, "数据库文件完整性检查：%.*s", (int)n, t);
			t += n + (t[n] == '\n');
		}
	}
}

static void say_fk(struct check *c, sqlite3_stmt *s)
{
	report(c, "%s（第 %lld 行）引用的%s不存在", db_table_cn(db_col_text(s, 0)),
	       sqlite3_column_int64(s, 1), db_table_cn(db_col_text(s, 2)));
}

static void say_uuid(struct check *c, sqlite3_stmt *s)
{
	report(c, "%s的编号「%s」不是合规的 UUID", db_table_cn(db_col_text(s, 0)), db_col_text(s, 1));
}

static void say_step(struct check *c, sqlite3_stmt *s)
{
	report(c, "议题 %s 的当前状态（%s，%s）与最后一条流转记录（%s，%s）不符",
	       db_col_text(s, 0), step_name(db_col_int(s, 1)), pstatus_name(db_col_int(s, 2)),
	       step_name(db_col_int(s, 3)), pstatus_name(db_col_int(s, 4)));
}

static void say_no_event(struct check *c, sqlite3_stmt *s)
{
	report(c, "议题 %s 没有任何流转记录", db_col_text(s, 0));
}

static void say_no_proposer(struct check *c, sqlite3_stmt *s)
{
	report(c, "议题 %s 没有提议人", db_col_text(s, 0));
}

static void say_attachment_owner(struct check *c, sqlite3_stmt *s)
{
	static const char *const kinds[] = { "", "议题", "会议", "公示" };
	int k = db_col_int(s, 1);

	report(c, "附件「%s」所属的%s（%s）不存在", db_col_text(s, 0), k >= 1 && k <= 3 ? kinds[k] : "记录",
	       db_col_text(s, 2));
}

static void say_counts(struct check *c, sqlite3_stmt *s)
{
	report(c, VOTE_WHERE "的人数不合理：应到 %d，实到 %d，赞成 %d，反对 %d，弃权 %d",
	       db_col_text(s, 0), db_col_int(s, 1), db_col_int(s, 2), db_col_int(s, 3), db_col_int(s, 4),
	       db_col_int(s, 5), db_col_int(s, 6), db_col_int(s, 7));
}

static void say_vote_meeting(struct check *c, sqlite3_stmt *s)
{
	report(c, VOTE_WHERE "所属的议程不在这次会议上", db_col_text(s, 0), db_col_int(s, 1), db_col_int(s, 2));
}

static void say_secret_ballots(struct check *c, sqlite3_stmt *s)
{
	report(c, VOTE_WHERE "是%s，却存有 %d 人的表决意见", db_col_text(s, 0), db_col_int(s, 1),
	       db_col_int(s, 2), vote_method_name(db_col_int(s, 3)), db_col_int(s, 4));
}

static void say_rollcall(struct check *c, sqlite3_stmt *s)
{
	report(c, VOTE_WHERE "（记名）的票数与每人的表决不一致：实到 %d 人，记名 %d 人；"
	       "赞成 %d/%d，反对 %d/%d，弃权 %d/%d",
	       db_col_text(s, 0), db_col_int(s, 1), db_col_int(s, 2), db_col_int(s, 3), db_col_int(s, 4),
	       db_col_int(s, 5), db_col_int(s, 6), db_col_int(s, 7), db_col_int(s, 8), db_col_int(s, 9),
	       db_col_int(s, 10));
}

static void say_ballot_count(struct check *c, sqlite3_stmt *s)
{
	if (db_col_int(s, 12) != VM_SECRET) {
		report(c, VOTE_WHERE "不是无记名投票，却记有发出、收回、有效、无效票数", db_col_text(s, 0),
		       db_col_int(s, 1), db_col_int(s, 2));
		return;
	}
	report(c, VOTE_WHERE "（无记名投票）的计票对不上：实到 %d，发出 %d，收回 %d，有效 %d，"
	       "无效 %d，同意 %d，不同意 %d，弃权 %d，%s", db_col_text(s, 0), db_col_int(s, 1),
	       db_col_int(s, 2), db_col_int(s, 3), db_col_int(s, 4), db_col_int(s, 5),
	       db_col_int(s, 6), db_col_int(s, 7), db_col_int(s, 8), db_col_int(s, 9),
	       db_col_int(s, 10), db_col_int(s, 11) ? "记为无效的一轮" : "记为有效");
}

static void say_teller(struct check *c, sqlite3_stmt *s)
{
	report(c, VOTE_WHERE "的监票、计票人%s%s", db_col_text(s, 0), db_col_int(s, 1),
	       db_col_int(s, 2), db_col_text(s, 3), db_col_text(s, 4));
}

static void say_dup(struct check *c, sqlite3_stmt *s)
{
	report(c, "%s编号 %s 重复（%d 处）", db_table_cn(db_col_text(s, 0)), db_col_text(s, 1), db_col_int(s, 2));
}

static void say_seal_open(struct check *c, sqlite3_stmt *s)
{
	report(c, "会议 %s 尚未散会，却已签字确认", db_col_text(s, 0));
}

static void say_notice_no(struct check *c, sqlite3_stmt *s)
{
	report(c, "公示「%s」的文号 %s 与其年份序号（%d 年第 %d 号）不符", db_col_text(s, 0),
	       db_col_text(s, 1), db_col_int(s, 2), db_col_int(s, 3));
}

static void say_notice_year(struct check *c, sqlite3_stmt *s)
{
	report(c, "公示 %s 的文号年份（%d）与成文日期（%s）不符", db_col_text(s, 0), db_col_int(s, 1),
	       db_col_text(s, 2));
}

static void say_notice_period(struct check *c, sqlite3_stmt *s)
{
	report(c, "公示 %s 的公示期不合理：%s 至 %s", db_col_text(s, 0), db_col_text(s, 1), db_col_text(s, 2));
}

static void say_notice_kind(struct check *c, sqlite3_stmt *s)
{
	report(c, "公示 %s 是%s，但议题 %s 从未%s", db_col_text(s, 0),
	       db_col_int(s, 1) == NK_DECISION ? "决议公开" : "实施结果公开", db_col_text(s, 2),
	       db_col_int(s, 1) == NK_DECISION ? "作出决议" : "进入实施");
}

static void say_addendum_seq(struct check *c, sqlite3_stmt *s)
{
	report(c, "会议 %s 的更正编号不连续：%d 条更正，最大编号 %d", db_col_text(s, 0), db_col_int(s, 1),
	       db_col_int(s, 2));
}

static void say_agenda(struct check *c, sqlite3_stmt *s)
{
	report(c, "会议 %s 第 %d 项议程引用的议题（%s）不存在", db_col_text(s, 0), db_col_int(s, 1),
	       db_col_text(s, 2));
}

static void say_search(struct check *c, sqlite3_stmt *s)
{
	static const struct { const char *kind, *what; } kinds[] = {
		{ "index", "检索索引中有 %d 条没有对应的文字" },
		{ "proposal", "有 %d 个议题不在检索索引中" },
		{ "minute", "有 %d 条发言记录不在检索索引中" },
		{ "notice", "有 %d 份公示不在检索索引中" },
		{ "person", "有 %d 个人员不在检索索引中" },
		{ "diary", "有 %d 条民情日记不在检索索引中" },
		{ "note", "有 %d 篇书记手记不在检索索引中" },
		{ "meeting", "有 %d 次会议不在检索索引中" },
		{ "chronicle", "有 %d 条手写的大事记不在检索索引中" },
	};
	for (size_t i = 0; i < YS_ARRAY_LEN(kinds); i++)
		if (strcmp(db_col_text(s, 0), kinds[i].kind) == 0)
			report(c, kinds[i].what, db_col_int(s, 1));
}

/* the file's own structure; the references only when it is sound (on a
 * damaged file they would read the damaged pages and stop half-way) */
static int check_file(struct check *c)
{
	/* reading on after damage can fail: what was found is the answer */
	if (check_rows(c, "PRAGMA integrity_check(100)", say_integrity) && !c->damaged)
		return -1;
	if (c->damaged)
		return 0;
	return check_rows(c, "PRAGMA foreign_key_check", say_fk) ? -1 : 0;
}

int store_check_file(struct store *st, store_report_cb cb, void *arg)
{
	struct check c = { st, cb, arg, 0, 0 };

	return check_file(&c) ? -1 : c.found;
}

int store_check(struct store *st, store_report_cb cb, void *arg)
{
	struct check c = { st, cb, arg, 0, 0 };
	sqlite3_stmt *s;
	int rc;

	/* the file itself, then the references */
	if (check_file(&c))
		return -1;
	if (c.damaged) {
		report(&c, "文件本身已损坏，程序自身的一致性检查没有进行（从损坏的页读出的内容不可信）");
		return c.found;
	}
	if (check_rows(&c,
		BAD_ID("community") " UNION ALL " BAD_ID("person") " UNION ALL "
		BAD_ID("rule_set") " UNION ALL " BAD_ID("proposal") " UNION ALL "
		BAD_ID("proposer") " UNION ALL " BAD_ID("proposal_event") " UNION ALL "
		BAD_ID("meeting") " UNION ALL " BAD_ID("agenda_item") " UNION ALL "
		BAD_ID("attendance") " UNION ALL " BAD_ID("minute") " UNION ALL "
		BAD_ID("vote") " UNION ALL " BAD_ID("ballot") " UNION ALL "
		BAD_ID("change_log") " UNION ALL " BAD_ID("addendum") " UNION ALL "
		BAD_ID("notice") " UNION ALL " BAD_ID("objection") " UNION ALL "
		BAD_ID("progress") " UNION ALL " BAD_ID("vote_teller") " UNION ALL " BAD_ID("diary")
		" UNION ALL " BAD_ID("attachment"), say_uuid))
		return -1;

	/* the procedure: a proposal is where its last event put it */
	if (check_rows(&c,
		"SELECT p.number, p.step, p.status, e.to_step, e.status"
		" FROM proposal p JOIN proposal_event e ON e.proposal_id = p.id"
		" WHERE e.seq = (SELECT MAX(seq) FROM proposal_event x WHERE x.proposal_id = p.id)"
		" AND (p.step <> e.to_step OR p.status <> e.status) ORDER BY p.year, p.seq",
		say_step) ||
	    check_rows(&c,
		"SELECT p.number FROM proposal p WHERE NOT EXISTS"
		" (SELECT 1 FROM proposal_event e WHERE e.proposal_id = p.id) ORDER BY p.year, p.seq",
		say_no_event) ||
	    check_rows(&c,
		"SELECT p.number FROM proposal p WHERE NOT EXISTS"
		" (SELECT 1 FROM proposer x WHERE x.proposal_id = p.id) ORDER BY p.year, p.seq",
		say_no_proposer))
		return -1;

	/* votes: counts within present, present within entitled */
	if (check_rows(&c,
		"SELECT COALESCE(m.number, '?'), COALESCE(a.seq, 0), v.round, v.entitled, v.present,"
		" v.yes, v.no, v.abstain FROM vote v"
		" LEFT JOIN meeting m ON m.id = v.meeting_id LEFT JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE v.entitled < 0 OR v.present < 0 OR v.yes < 0 OR v.no < 0 OR v.abstain < 0"
		" OR v.present > v.entitled OR v.yes + v.no + v.abstain > v.present",
		say_counts) ||
	    check_rows(&c,
		"SELECT COALESCE(m.number, '?'), a.seq, v.round FROM vote v"
		" JOIN agenda_item a ON a.id = v.agenda_id LEFT JOIN meeting m ON m.id = v.meeting_id"
		" WHERE a.meeting_id <> v.meeting_id",
		say_vote_meeting))
		return -1;

	/* ballots: only for roll-call votes, and they must add up */
	if (check_rows(&c,
		"SELECT COALESCE(m.number, '?'), COALESCE(a.seq, 0), v.round, v.method, COUNT(*)"
		" FROM vote v JOIN ballot b ON b.vote_id = v.id"
		" LEFT JOIN meeting m ON m.id = v.meeting_id LEFT JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE v.method <> 2 GROUP BY v.id",
		say_secret_ballots) ||
	    check_rows(&c,
		"SELECT COALESCE(m.number, '?'), COALESCE(a.seq, 0), v.round, v.present, COUNT(b.id),"
		" v.yes, COALESCE(SUM(b.choice = 1), 0), v.no, COALESCE(SUM(b.choice = 2), 0),"
		" v.abstain, COALESCE(SUM(b.choice = 3), 0)"
		" FROM vote v LEFT JOIN ballot b ON b.vote_id = v.id"
		" LEFT JOIN meeting m ON m.id = v.meeting_id LEFT JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE v.method = 2 GROUP BY v.id"
		" HAVING COUNT(b.id) <> v.present OR COALESCE(SUM(b.choice = 1), 0) <> v.yes"
		" OR COALESCE(SUM(b.choice = 2), 0) <> v.no OR COALESCE(SUM(b.choice = 3), 0) <> v.abstain",
		say_rollcall))
		return -1;

	/* a secret ballot counted on paper adds up, or is a void round;
	 * tellers only for secret ballots, from the meeting's sheet */
	if (check_rows(&c,
		"SELECT COALESCE(m.number, '?'), COALESCE(a.seq, 0), v.round, v.present, v.issued,"
		" v.returned, v.valid, v.invalid, v.yes, v.no, v.abstain, v.void, v.method FROM vote v"
		" LEFT JOIN meeting m ON m.id = v.meeting_id LEFT JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE (v.method <> 1 AND (v.issued <> -1 OR v.returned <> -1 OR v.valid <> -1"
		"  OR v.invalid <> -1 OR v.void <> 0))"
		" OR (v.method = 1 AND v.issued < 0 AND (v.returned <> -1 OR v.valid <> -1"
		"  OR v.invalid <> -1 OR v.void <> 0))"
		" OR (v.method = 1 AND v.issued >= 0 AND (v.issued > v.present OR v.returned < 0"
		"  OR (v.void = 1) <> (v.returned > v.issued)"
		"  OR (v.void = 0 AND (v.valid + v.invalid <> v.returned OR v.yes + v.no + v.abstain <> v.valid))))",
		say_ballot_count) ||
	    check_rows(&c,
		"SELECT COALESCE(m.number, '?'), COALESCE(a.seq, 0), v.round, t.name,"
		" CASE WHEN v.method <> 1 THEN '，但这不是无记名投票'"
		" ELSE '不在本次会议的签到表上' END FROM vote_teller t JOIN vote v ON v.id = t.vote_id"
		" LEFT JOIN meeting m ON m.id = v.meeting_id LEFT JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE v.method <> 1 OR NOT EXISTS (SELECT 1 FROM attendance x"
		"  WHERE x.meeting_id = v.meeting_id AND x.person_id = t.person_id)",
		say_teller))
		return -1;

	/* human numbers: unique (the UNIQUE constraints say so, but a
	 * database merged or edited by hand may not have them) */
	if (check_rows(&c,
		"SELECT 'proposal', number, COUNT(*) FROM proposal GROUP BY number HAVING COUNT(*) > 1"
		" UNION ALL SELECT 'meeting', number, COUNT(*) FROM meeting GROUP BY number"
		" HAVING COUNT(*) > 1"
		" UNION ALL SELECT 'person', no, COUNT(*) FROM person GROUP BY no HAVING COUNT(*) > 1"
		" UNION ALL SELECT 'notice', doc_no, COUNT(*) FROM notice GROUP BY doc_no"
		" HAVING COUNT(*) > 1",
		say_dup))
		return -1;

	/* paper (0003): a seal only after 散会, 文号 as numbered, posting
	 * periods that make sense, notices of steps the proposal reached,
	 * addenda numbered 1..n */
	if (check_rows(&c,
		"SELECT m.number FROM seal s JOIN meeting m ON m.id = s.meeting_id"
		" WHERE m.status <> 2 ORDER BY m.year, m.seq",
		say_seal_open) ||
	    check_rows(&c,
		"SELECT title, doc_no, year, seq FROM notice"
		" WHERE doc_no <> doc_prefix || printf('〔%d〕%d号', year, seq) ORDER BY year, seq",
		say_notice_no) ||
	    check_rows(&c,
		"SELECT doc_no, year, written_date FROM notice"
		" WHERE year <> CAST(substr(written_date, 1, 4) AS INTEGER) ORDER BY year, seq",
		say_notice_year) ||
	    check_rows(&c,
		"SELECT doc_no, start_date, end_date FROM notice"
		" WHERE end_date < start_date OR date(start_date) IS NULL OR date(end_date) IS NULL"
		" ORDER BY year, seq",
		say_notice_period) ||
	    check_rows(&c,
		"SELECT n.doc_no, n.kind, p.number FROM notice n JOIN proposal p ON p.id = n.proposal_id"
		" WHERE NOT EXISTS (SELECT 1 FROM proposal_event e WHERE e.proposal_id = p.id"
		" AND e.to_step >= CASE n.kind WHEN 1 THEN 4 ELSE 6 END)"
		" ORDER BY n.year, n.seq",
		say_notice_kind) ||
	    check_rows(&c,
		"SELECT m.number, COUNT(*), MAX(a.seq) FROM addendum a JOIN meeting m ON m.id = a.meeting_id"
		" GROUP BY a.meeting_id HAVING COUNT(*) <> MAX(a.seq)",
		say_addendum_seq))
		return -1;

	/* agenda items point at proposals that exist */
	if (check_rows(&c,
		"SELECT COALESCE(m.number, '?'), a.seq, a.proposal_id FROM agenda_item a"
		" LEFT JOIN meeting m ON m.id = a.meeting_id"
		" WHERE a.proposal_id IS NOT NULL"
		" AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.id = a.proposal_id)",
		say_agenda))
		return -1;

	/* attachments (0012) belong to a record that exists */
	if (check_rows(&c,
		"SELECT t.title, t.owner_kind, t.owner_id FROM attachment t WHERE NOT EXISTS"
		" (SELECT 1 FROM proposal p WHERE t.owner_kind = 1 AND p.id = t.owner_id"
		"  UNION ALL SELECT 1 FROM meeting m WHERE t.owner_kind = 2 AND m.id = t.owner_id"
		"  UNION ALL SELECT 1 FROM notice n WHERE t.owner_kind = 3 AND n.id = t.owner_id)",
		say_attachment_owner))
		return -1;

	/* the search everywhere (0013): the index agrees with its text, and
	 * every record searched is in it once */
	s = db_stmt(st, "INSERT INTO search_fts(search_fts) VALUES ('integrity-check')");
	if (!s)
		return -1;
	rc = sqlite3_step(s);
	if (rc != SQLITE_DONE)
		report(&c, "检索索引损坏（%s）", sqlite3_errmsg(st->db));
	sqlite3_reset(s);
	if (check_rows(&c,
		"SELECT kind, n FROM ("
		" SELECT 'index' kind, COUNT(*) n FROM search_fts_key k"
		"  WHERE NOT EXISTS (SELECT 1 FROM search_fts f WHERE f.rowid = k.id)"
		" UNION ALL SELECT 'proposal', COUNT(*) FROM proposal p WHERE NOT EXISTS"
		"  (SELECT 1 FROM search_fts_key k WHERE k.kind = 'proposal' AND k.ref = p.id)"
		" UNION ALL SELECT 'minute', COUNT(*) FROM minute m WHERE NOT EXISTS"
		"  (SELECT 1 FROM search_fts_key k WHERE k.kind = 'minute' AND k.ref = m.id)"
		" UNION ALL SELECT 'notice', COUNT(*) FROM notice n WHERE NOT EXISTS"
		"  (SELECT 1 FROM search_fts_key k WHERE k.kind = 'notice' AND k.ref = n.id)"
		" UNION ALL SELECT 'person', COUNT(*) FROM person p WHERE NOT EXISTS"
		"  (SELECT 1 FROM search_fts_key k WHERE k.kind = 'person' AND k.ref = p.id)"
		" UNION ALL SELECT 'diary', COUNT(*) FROM diary d WHERE NOT EXISTS"
		"  (SELECT 1 FROM search_fts_key k WHERE k.kind = 'diary' AND k.ref = d.id)"
		" UNION ALL SELECT 'note', COUNT(*) FROM note n WHERE NOT EXISTS"
		"  (SELECT 1 FROM search_fts_key k WHERE k.kind = 'note' AND k.ref = n.id)"
		" UNION ALL SELECT 'meeting', COUNT(*) FROM meeting m WHERE NOT EXISTS"
		"  (SELECT 1 FROM search_fts_key k WHERE k.kind = 'meeting' AND k.ref = m.id)"
		" UNION ALL SELECT 'chronicle', COUNT(*) FROM chronicle_entry c WHERE NOT EXISTS"
		"  (SELECT 1 FROM search_fts_key k WHERE k.kind = 'chronicle' AND k.ref = c.id)"
		") WHERE n > 0",
		say_search))
		return -1;
	return c.found;
}
