/* notices.c: notices (公示) and the objections to them (异议). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"

/* ---- notices (公示) ---- */

#define NOTICE_COLS "n.id, COALESCE(n.proposal_id, ''), COALESCE(p.number, '')," \
	" COALESCE(n.meeting_id, ''), COALESCE(m.number, ''), n.kind, n.doc_prefix, n.year, n.seq," \
	" n.doc_no, n.title, n.addressee, n.body, n.start_date, n.end_date, n.channel," \
	" n.signoff, n.written_date, n.created_at, n.attach"
#define NOTICE_FROM " FROM notice n LEFT JOIN proposal p ON p.id = n.proposal_id" \
	" LEFT JOIN meeting m ON m.id = n.meeting_id"

static const struct db_col notice_cols[] = {
	COL_T(struct notice, id, "公示编号"),
	COL_T(struct notice, proposal_id, "议题编号"),
	COL_T(struct notice, proposal_number, "议题编号"),
	COL_T(struct notice, meeting_id, "会议编号"),
	COL_T(struct notice, meeting_number, "会议编号"),
	COL_I(struct notice, kind),
	COL_T(struct notice, doc_prefix, "发文机关代字"),
	COL_I(struct notice, year), COL_I(struct notice, seq),
	COL_T(struct notice, doc_no, "文号"),
	COL_T(struct notice, title, "公示标题"),
	COL_T(struct notice, addressee, "主送"),
	COL_S(struct notice, body),
	COL_T(struct notice, start_date, "公示开始日期"),
	COL_T(struct notice, end_date, "公示结束日期"),
	COL_S(struct notice, channel),
	COL_T(struct notice, signoff, "落款"),
	COL_T(struct notice, written_date, "成文日期"),
	COL_T(struct notice, created_at, "公示时间"),
	COL_S(struct notice, attach),
};
static const struct db_row notice_row = DB_ROW(struct notice, notice_cols, NULL);

void notice_clear(struct notice *n)
{
	db_clear_row(&notice_row, n);
}

int store_notice_add(struct store *st, struct notice *n)
{
	char id[ID_LEN], now[20], doc_no[64], number[16] = "";
	struct community com;
	long long seq;
	sqlite3_stmt *s;
	int year;

	if (FITS(st, n->proposal_id, "议题编号") || FITS(st, n->title, "公示标题") ||
	    FITS(st, n->addressee, "主送") || FITS(st, n->start_date, "公示开始日期") ||
	    FITS(st, n->end_date, "公示结束日期") || FITS(st, n->signoff, "落款") ||
	    FITS(st, n->written_date, "成文日期"))
		return -1;
	if (n->kind != NK_DECISION && n->kind != NK_RESULT && n->kind != NK_MEETING)
		return db_fail(st, "公示类型不对：%d", n->kind);
	if ((n->kind == NK_MEETING) != (n->meeting_id[0] != '\0') ||
	    (n->meeting_id[0] != '\0') == (n->proposal_id[0] != '\0'))
		return db_fail(st, "公示须属于一个议题，会议通知须属于一次会议");
	if (!db_valid_date(n->start_date) || !db_valid_date(n->end_date))
		return db_fail(st, "公示期日期不对：%s 至 %s（应为 YYYY-MM-DD）", n->start_date, n->end_date);
	if (strcmp(n->end_date, n->start_date) < 0)
		return db_fail(st, "公示结束日期（%s）早于开始日期（%s）", n->end_date, n->start_date);
	if (!db_valid_date(n->written_date))
		return db_fail(st, "成文日期不对：%s（应为 YYYY-MM-DD）", n->written_date);
	if (!n->body || !*n->body)
		return db_fail(st, "公示正文不能为空");
	/* 文号 counts the notices of the year they are written in */
	year = atoi(n->written_date);
	if (db_tx_begin(st))
		return -1;
	seq = db_next_seq(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM notice WHERE year = ?1",
	                  year, "公示文号");
	if (seq < 0)
		return db_tx_end(st, -1);
	/* the office's short name as set now goes with the number for good */
	memset(&com, 0, sizeof com);
	if (store_community_get(st, &com) < 0)
		return db_tx_end(st, -1);
	if (ys_strlcpy(n->doc_prefix, com.doc_abbr, sizeof n->doc_prefix) != 0)
		return db_tx_end(st, db_fail(st, "发文机关代字过长"));
	snprintf(doc_no, sizeof doc_no, "%s〔%d〕%d号", n->doc_prefix, year, (int)seq);
	if (strlen(doc_no) >= sizeof n->doc_no)
		return db_tx_end(st, db_fail(st, "文号过长：%s", doc_no));
	db_new_id(id);
	db_now_stamp(now);
	s = db_stmt(st,
		"INSERT INTO notice(id, proposal_id, kind, year, seq, doc_no, title, addressee, body,"
		" start_date, end_date, channel, signoff, written_date, created_at, attach, meeting_id,"
		" doc_prefix) VALUES (?1, NULLIF(?2, ''), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
		" ?14, ?15, ?16, NULLIF(?17, ''), ?18)");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, n->proposal_id);
	db_bind_int(s, 3, n->kind);
	db_bind_int(s, 4, year);
	db_bind_int(s, 5, seq);
	db_bind_text(s, 6, doc_no);
	db_bind_text(s, 7, n->title);
	db_bind_text(s, 8, n->addressee);
	db_bind_text(s, 9, n->body);
	db_bind_text(s, 10, n->start_date);
	db_bind_text(s, 11, n->end_date);
	db_bind_text(s, 12, n->channel ? n->channel : "");
	db_bind_text(s, 13, n->signoff);
	db_bind_text(s, 14, n->written_date);
	db_bind_text(s, 15, now);
	db_bind_text(s, 16, n->attach ? n->attach : "");
	db_bind_text(s, 17, n->meeting_id);
	db_bind_text(s, 18, n->doc_prefix);
	if (db_run(st, s, "公示保存失败"))
		return db_tx_end(st, -1);
	s = db_stmt(st, n->kind == NK_MEETING ? "SELECT number FROM meeting WHERE id = ?1"
	                                      : "SELECT number FROM proposal WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, n->kind == NK_MEETING ? n->meeting_id : n->proposal_id);
	if (db_read_one_text(st, s, number, sizeof number, "编号") < 0)
		return db_tx_end(st, -1);
	if (db_tx_end(st, 0))
		return -1;
	memcpy(n->id, id, sizeof n->id);
	memcpy(n->kind == NK_MEETING ? n->meeting_number : n->proposal_number, number,
	       sizeof n->proposal_number);
	memcpy(n->doc_no, doc_no, sizeof n->doc_no);
	memcpy(n->created_at, now, sizeof n->created_at);
	n->year = year;
	n->seq = (int)seq;
	return 0;
}

int store_notice_get(struct store *st, const char *id, struct notice *n)
{
	return db_get(st,
		"SELECT " NOTICE_COLS NOTICE_FROM " WHERE n.id = ?1",
		id, n, &notice_row);
}

int store_notice_for(struct store *st, const char *proposal_id, int kind, struct notice *n)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT " NOTICE_COLS NOTICE_FROM
		" WHERE n.proposal_id = ?1 AND n.kind = ?2 ORDER BY n.year DESC, n.seq DESC LIMIT 1");

	if (!s)
		return -1;
	db_bind_text(s, 1, proposal_id);
	db_bind_int(s, 2, kind);
	return db_read_one(st, s, n, &notice_row);
}

int store_notice_for_meeting(struct store *st, const char *meeting_id, struct notice *n)
{
	return db_get(st, "SELECT " NOTICE_COLS NOTICE_FROM
		" WHERE n.meeting_id = ?1 ORDER BY n.year DESC, n.seq DESC LIMIT 1", meeting_id, n,
		&notice_row);
}

int store_notice_page(struct store *st, const char *after_start, const char *after_id,
                      struct notice *out, int max)
{
	sqlite3_stmt *s;

	if (max <= 0)
		return 0;
	if (!after_id || !*after_id) {
		s = db_stmt(st, "SELECT " NOTICE_COLS NOTICE_FROM
		             " ORDER BY n.start_date DESC, n.year DESC, n.seq DESC LIMIT ?3");
		if (!s)
			return -1;
	} else {
		/* the row after which to go on is named by its id; its 文号
		 * (year, seq) breaks ties between notices posted the same day */
		s = db_stmt(st, "SELECT " NOTICE_COLS NOTICE_FROM
		             " WHERE (n.start_date, n.year, n.seq) < (?1,"
		             " (SELECT year FROM notice WHERE id = ?2),"
		             " (SELECT seq FROM notice WHERE id = ?2))"
		             " ORDER BY n.start_date DESC, n.year DESC, n.seq DESC LIMIT ?3");
		if (!s)
			return -1;
		db_bind_text(s, 1, after_start ? after_start : "");
		db_bind_text(s, 2, after_id);
	}
	db_bind_int(s, 3, max);
	return db_read_rows(st, s, out, max, &notice_row);
}

/* ---- objections (异议) ---- */

#define OBJECTION_COLS "id, notice_id, received_at, person, content, answer, answered_at"

static const struct db_col objection_cols[] = {
	COL_T(struct objection, id, "异议编号"),
	COL_T(struct objection, notice_id, "公示编号"),
	COL_T(struct objection, received_at, "异议收到时间"),
	COL_T(struct objection, person, "异议人"),
	COL_S(struct objection, content),
	COL_D(struct objection, answer),
	COL_T(struct objection, answered_at, "答复时间"),
};
static const struct db_row objection_row = DB_ROW(struct objection, objection_cols, NULL);

void objection_clear(struct objection *o)
{
	db_clear_row(&objection_row, o);
}

int store_objection_add(struct store *st, struct objection *o)
{
	char id[ID_LEN], at[20];
	sqlite3_stmt *s;

	if (FITS(st, o->notice_id, "公示编号") || FITS(st, o->person, "异议人") ||
	    FITS(st, o->received_at, "异议收到时间"))
		return -1;
	if (!o->content || !*o->content)
		return db_fail(st, "异议内容不能为空");
	if (o->received_at[0]) {
		if (strlen(o->received_at) != STAMP_LEN || ys_parse_stamp(o->received_at) == (time_t)-1)
			return db_fail(st, "异议收到时间不对：%s（应为 YYYY-MM-DD HH:MM:SS）",
			            o->received_at);
		memcpy(at, o->received_at, sizeof at);
	} else {
		db_now_stamp(at);
	}
	if (db_tx_begin(st))
		return -1;
	db_new_id(id);
	s = db_stmt(st,
		"INSERT INTO objection(id, notice_id, received_at, person, content)"
		" VALUES (?1, ?2, ?3, ?4, ?5)");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, o->notice_id);
	db_bind_text(s, 3, at);
	db_bind_text(s, 4, o->person);
	db_bind_text(s, 5, o->content);
	if (db_tx_end(st, db_run(st, s, "异议保存失败")))
		return -1;
	memcpy(o->id, id, sizeof o->id);
	memcpy(o->received_at, at, sizeof o->received_at);
	return 0;
}

int store_objection_answer(struct store *st, const char *id, const char *answer)
{
	sqlite3_stmt *s;

	if (!answer || !*answer)
		return db_fail(st, "答复内容不能为空");
	s = db_write(st, "UPDATE objection SET answer = ?2, answered_at = ?3 WHERE id = ?1");
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, answer);
	db_bind_now(s, 3);
	return db_write_end(st, s, "答复保存失败", "异议不存在");
}

int store_objection_get(struct store *st, const char *id, struct objection *o)
{
	return db_get(st, "SELECT " OBJECTION_COLS " FROM objection WHERE id = ?1",
	       id, o, &objection_row);
}

int store_objection_list(struct store *st, const char *notice_id, struct objection *out, int max)
{
	return db_list(st,
		"SELECT " OBJECTION_COLS " FROM objection WHERE notice_id = ?1"
		" ORDER BY received_at, id LIMIT ?2",
		notice_id, out, max, &objection_row);
}

int store_objection_count(struct store *st, const char *notice_id, int *total, int *unanswered)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT COUNT(*), COALESCE(SUM(answer IS NULL), 0) FROM objection WHERE notice_id = ?1");
	int rc;

	if (total)
		*total = 0;
	if (unanswered)
		*unanswered = 0;
	if (!s)
		return -1;
	db_bind_text(s, 1, notice_id);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW)
		return db_step_end(st, s, rc);
	if (total)
		*total = db_col_int(s, 0);
	if (unanswered)
		*unanswered = db_col_int(s, 1);
	sqlite3_reset(s);
	return 0;
}

int store_objection_all(struct store *st, const char *notice_id, struct objection **out)
{
	return db_all(st,
		"SELECT " OBJECTION_COLS " FROM objection WHERE notice_id = ?1 ORDER BY received_at, id",
		notice_id, (void **)out, &objection_row);
}

int store_proposal_unanswered(struct store *st, const char *pid)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT COUNT(*) FROM objection o JOIN notice n ON n.id = o.notice_id"
		" WHERE n.proposal_id = ?1 AND o.answer IS NULL");
	long long n;

	if (!s)
		return -1;
	db_bind_text(s, 1, pid);
	return db_query_int(st, s, &n) ? -1 : (int)n;
}
