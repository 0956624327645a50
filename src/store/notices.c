/* notices.c: notices (公示) and the objections to them (异议). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"

/* ---- notices (公示) ---- */

#define NOTICE_COLS "n.id, n.proposal_id, COALESCE(p.number, ''), n.kind, n.year, n.seq," \
	" n.doc_no, n.title, n.addressee, n.body, n.start_date, n.end_date, n.channel," \
	" n.signoff, n.written_date, n.created_at"
#define NOTICE_FROM " FROM notice n LEFT JOIN proposal p ON p.id = n.proposal_id"

void notice_clear(struct notice *n)
{
	if (!n)
		return;
	free(n->body);
	free(n->channel);
	n->body = n->channel = NULL;
}

static void notice_clear_v(void *n)
{
	notice_clear(n);
}

static int read_notice(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct notice *n = dst;

	memset(n, 0, sizeof *n);
	n->kind = db_col_int(s, 3);
	n->year = db_col_int(s, 4);
	n->seq = db_col_int(s, 5);
	if (db_col_copy(st, s, 0, n->id, sizeof n->id, "公示编号") ||
	    db_col_copy(st, s, 1, n->proposal_id, sizeof n->proposal_id, "议题编号") ||
	    db_col_copy(st, s, 2, n->proposal_number, sizeof n->proposal_number, "议题编号") ||
	    db_col_copy(st, s, 6, n->doc_no, sizeof n->doc_no, "文号") ||
	    db_col_copy(st, s, 7, n->title, sizeof n->title, "公示标题") ||
	    db_col_copy(st, s, 8, n->addressee, sizeof n->addressee, "主送") ||
	    db_col_copy(st, s, 10, n->start_date, sizeof n->start_date, "公示开始日期") ||
	    db_col_copy(st, s, 11, n->end_date, sizeof n->end_date, "公示结束日期") ||
	    db_col_copy(st, s, 13, n->signoff, sizeof n->signoff, "落款") ||
	    db_col_copy(st, s, 14, n->written_date, sizeof n->written_date, "成文日期") ||
	    db_col_copy(st, s, 15, n->created_at, sizeof n->created_at, "公示时间"))
		return -1;
	n->body = xstrdup(db_col_text(s, 9));
	n->channel = xstrdup(db_col_text(s, 12));
	return 0;
}

int store_notice_add(struct store *st, struct notice *n)
{
	char id[ID_LEN], now[20], doc_no[32], number[16];
	long long seq;
	sqlite3_stmt *s;
	int year;

	if (FITS(st, n->proposal_id, "议题编号") || FITS(st, n->title, "公示标题") ||
	    FITS(st, n->addressee, "主送") || FITS(st, n->start_date, "公示开始日期") ||
	    FITS(st, n->end_date, "公示结束日期") || FITS(st, n->signoff, "落款") ||
	    FITS(st, n->written_date, "成文日期"))
		return -1;
	if (n->kind != NK_DECISION && n->kind != NK_RESULT)
		return db_fail(st, "公示类型不对：%d", n->kind);
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
	s = db_stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM notice WHERE year = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_int(s, 1, year);
	if (db_query_int(st, s, &seq))
		return db_tx_end(st, -1);
	if (seq > 999999)
		return db_tx_end(st, db_fail(st, "%d 年的公示文号已用尽", year));
	snprintf(doc_no, sizeof doc_no, "〔%d〕%d号", year, (int)seq);
	db_new_id(id);
	db_now_stamp(now);
	s = db_stmt(st,
		"INSERT INTO notice(id, proposal_id, kind, year, seq, doc_no, title, addressee, body,"
		" start_date, end_date, channel, signoff, written_date, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
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
	if (db_run(st, s, "公示保存失败"))
		return db_tx_end(st, -1);
	s = db_stmt(st, "SELECT number FROM proposal WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, n->proposal_id);
	if (db_read_one_text(st, s, number, sizeof number, "议题编号") < 0)
		return db_tx_end(st, -1);
	if (db_tx_end(st, 0))
		return -1;
	memcpy(n->id, id, sizeof n->id);
	memcpy(n->proposal_number, number, sizeof n->proposal_number);
	memcpy(n->doc_no, doc_no, sizeof n->doc_no);
	memcpy(n->created_at, now, sizeof n->created_at);
	n->year = year;
	n->seq = (int)seq;
	return 0;
}

int store_notice_get(struct store *st, const char *id, struct notice *n)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT " NOTICE_COLS NOTICE_FROM " WHERE n.id = ?1");

	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	return db_read_one(st, s, n, sizeof *n, read_notice);
}

int store_notice_for(struct store *st, const char *proposal_id, int kind, struct notice *n)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT " NOTICE_COLS NOTICE_FROM
		" WHERE n.proposal_id = ?1 AND n.kind = ?2 ORDER BY n.year DESC, n.seq DESC LIMIT 1");

	if (!s)
		return -1;
	db_bind_text(s, 1, proposal_id);
	db_bind_int(s, 2, kind);
	return db_read_one(st, s, n, sizeof *n, read_notice);
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
	return db_read_rows(st, s, out, sizeof *out, max, read_notice, notice_clear_v);
}

/* ---- objections (异议) ---- */

#define OBJECTION_COLS "id, notice_id, received_at, person, content, answer, answered_at"

void objection_clear(struct objection *o)
{
	if (!o)
		return;
	free(o->content);
	free(o->answer);
	o->content = o->answer = NULL;
}

static void objection_clear_v(void *o)
{
	objection_clear(o);
}

static int read_objection(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct objection *o = dst;

	memset(o, 0, sizeof *o);
	if (db_col_copy(st, s, 0, o->id, sizeof o->id, "异议编号") ||
	    db_col_copy(st, s, 1, o->notice_id, sizeof o->notice_id, "公示编号") ||
	    db_col_copy(st, s, 2, o->received_at, sizeof o->received_at, "异议收到时间") ||
	    db_col_copy(st, s, 3, o->person, sizeof o->person, "异议人") ||
	    db_col_copy(st, s, 6, o->answered_at, sizeof o->answered_at, "答复时间"))
		return -1;
	o->content = xstrdup(db_col_text(s, 4));
	o->answer = db_col_dup(s, 5);
	return 0;
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
	char now[20];
	sqlite3_stmt *s;
	int rc;

	if (!answer || !*answer)
		return db_fail(st, "答复内容不能为空");
	if (db_tx_begin(st))
		return -1;
	db_now_stamp(now);
	s = db_stmt(st, "UPDATE objection SET answer = ?2, answered_at = ?3 WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, answer);
	db_bind_text(s, 3, now);
	rc = db_run(st, s, "答复保存失败");
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = db_fail(st, "异议不存在");
	return db_tx_end(st, rc);
}

int store_objection_get(struct store *st, const char *id, struct objection *o)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT " OBJECTION_COLS " FROM objection WHERE id = ?1");

	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	return db_read_one(st, s, o, sizeof *o, read_objection);
}

int store_objection_list(struct store *st, const char *notice_id, struct objection *out, int max)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT " OBJECTION_COLS " FROM objection WHERE notice_id = ?1"
		" ORDER BY received_at, id LIMIT ?2");

	if (!s)
		return -1;
	if (max <= 0)
		return 0;
	db_bind_text(s, 1, notice_id);
	db_bind_int(s, 2, max);
	return db_read_rows(st, s, out, sizeof *out, max, read_objection, objection_clear_v);
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
	sqlite3_stmt *s = db_stmt(st,
		"SELECT " OBJECTION_COLS " FROM objection WHERE notice_id = ?1 ORDER BY received_at, id");

	*out = NULL;
	if (!s)
		return -1;
	db_bind_text(s, 1, notice_id);
	return db_read_all(st, s, (void **)out, sizeof **out, read_objection, objection_clear_v);
}
