/* meetings.c: meetings and their agenda items. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ---- meetings -------------------------------------------------------------- */

#define MEETING_COLS "id, number, kind, title, date, start_time, end_time, place," \
	" chair_id, chair_name, chair_post, clerk_id, clerk_name, rule_id, status, pending," \
	" held_start, held_live, postponed_from, status_reason"

static const struct db_col meeting_cols[] = {
	COL_T(struct meeting, id, "会议编号"),
	COL_T(struct meeting, number, "会议编号"),
	COL_I(struct meeting, kind),
	COL_T(struct meeting, title, "会议名称"),
	COL_T(struct meeting, date, "会议日期"),
	COL_T(struct meeting, start_time, "开始时间"),
	COL_T(struct meeting, end_time, "结束时间"),
	COL_T(struct meeting, place, "会议地点"),
	COL_R(struct meeting, chair_id, "主持人编号"),
	COL_T(struct meeting, chair_name, "主持人姓名"),
	COL_T(struct meeting, chair_post, "主持人职务"),
	COL_R(struct meeting, clerk_id, "记录人编号"),
	COL_T(struct meeting, clerk_name, "记录人姓名"),
	COL_R(struct meeting, rule_id, "表决规则编号"),
	COL_I(struct meeting, status),
	COL_D(struct meeting, pending),
	COL_T(struct meeting, held_start, "实际开始时间"),
	COL_I(struct meeting, held_live),
	COL_T(struct meeting, postponed_from, "原定日期"),
	COL_T(struct meeting, status_reason, "延期或取消的理由"),
};
static const struct db_row meeting_row = DB_ROW(struct meeting, meeting_cols, NULL);

void meeting_clear(struct meeting *m)
{
	db_clear_row(&meeting_row, m);
}

static int meeting_fits(struct store *st, const struct meeting *m)
{
	return FITS(st, m->title, "会议名称") || FITS(st, m->date, "会议日期") ||
	       FITS(st, m->start_time, "开始时间") || FITS(st, m->end_time, "结束时间") ||
	       FITS(st, m->place, "会议地点") || FITS(st, m->chair_id, "主持人编号") ||
	       FITS(st, m->chair_name, "主持人姓名") || FITS(st, m->chair_post, "主持人职务") ||
	       FITS(st, m->clerk_id, "记录人编号") || FITS(st, m->clerk_name, "记录人姓名") ||
	       FITS(st, m->rule_id, "表决规则编号") ? -1 : 0;
}

static int insert_agenda(struct store *st, const char *mid, int seq,
                         const char *pid, const char *title)
{
	char id[ID_LEN];
	sqlite3_stmt *s = db_stmt(st,
		"INSERT INTO agenda_item(id, meeting_id, seq, proposal_id, title)"
		" VALUES (?1, ?2, ?3, ?4, ?5)");

	if (!s)
		return -1;
	db_new_id(id);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, mid);
	db_bind_int(s, 3, seq);
	db_bind_ref(s, 4, pid);
	db_bind_text(s, 5, title);
	return db_run(st, s, "议程保存失败");
}

/* the attendance sheet: a copy of the roster as it is now, so that a
 * later roster edit never changes who was 应到 at this meeting */
/* the entitled list: the active people of these roles; with adults_on (a
 * date), only those 18 or older that day (born on or before the same day
 * 18 years earlier, compared as text: one born on 29 February comes of age
 * on 1 March, and on a 29 February those born on it that year do) and
 * those whose birth date is not known */
static int build_sheet(struct store *st, const char *mid, int roles, const char *adults_on)
{
	sqlite3_stmt *sel = db_stmt(st,
		"SELECT id, no, name, roles, grid FROM person"
		" WHERE active = 1 AND (roles & ?1) <> 0"
		" AND (?2 = '' OR birth = '' OR"
		"  birth <= printf('%04d', CAST(substr(?2, 1, 4) AS INTEGER) - 18) || substr(?2, 5))"
		" ORDER BY no");
	sqlite3_stmt *ins;
	char id[ID_LEN];
	int rc;

	if (!sel)
		return -1;
	db_bind_int(sel, 1, roles);
	db_bind_text(sel, 2, adults_on ? adults_on : "");
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		ins = db_stmt(st,
			"INSERT INTO attendance(id, meeting_id, person_id, person_no, name, roles,"
			" grid, entitled, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8)");
		if (!ins) {
			sqlite3_reset(sel);
			return -1;
		}
		db_new_id(id);
		db_bind_text(ins, 1, id);
		db_bind_text(ins, 2, mid);
		db_bind_text(ins, 3, db_col_text(sel, 0));
		db_bind_int(ins, 4, sqlite3_column_int64(sel, 1));
		db_bind_text(ins, 5, db_col_text(sel, 2));
		db_bind_int(ins, 6, sqlite3_column_int64(sel, 3));
		db_bind_text(ins, 7, db_col_text(sel, 4));
		db_bind_int(ins, 8, ATT_NONE);
		if (db_run(st, ins, "签到表生成失败")) {
			sqlite3_reset(sel);
			return -1;
		}
	}
	return db_step_end(st, sel, rc);
}

int store_meeting_create(struct store *st, struct meeting *m,
                         const char *const *proposal_ids, int n,
                         const char *const *free_titles, int nfree)
{
	const struct meeting_kind_def *kd = meeting_kind_get(m->kind);
	char id[ID_LEN], now[20], number[16], rule_id[ID_LEN], title[256];
	struct tm day;
	long long seq;
	sqlite3_stmt *s;
	int year, i, rc;

	if (!kd)
		return db_fail(st, "会议类型不对：%d", m->kind);
	if (meeting_fits(st, m))
		return -1;
	if (n < 0 || nfree < 0 || (n > 0 && !proposal_ids) || (nfree > 0 && !free_titles))
		return db_fail(st, "议程参数不对");
	if (strlen(m->date) != 10 || ys_parse_date(m->date, &day))
		return db_fail(st, "会议日期不对：%s（应为 YYYY-MM-DD）", m->date);
	/* the number counts the meetings of the year the meeting is held in */
	year = atoi(m->date);
	if (year < 1900 || year > 9999)
		return db_fail(st, "会议日期不对：%s", m->date);
	if (db_tx_begin(st))
		return -1;
	seq = db_next_seq(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM meeting WHERE year = ?1",
	                  year, "会议编号");
	if (seq < 0)
		return db_tx_end(st, -1);
	snprintf(number, sizeof number, "%04d-H-%02d", year % 10000, (int)(seq % 1000000));

	memcpy(rule_id, m->rule_id, sizeof rule_id);
	if (!rule_id[0] && kd->rule_code) {
		struct rule_set r;

		rc = store_rule_get_code(st, kd->rule_code, &r);
		if (rc < 0)
			return db_tx_end(st, -1);
		if (rc == 0)
			memcpy(rule_id, r.id, sizeof rule_id);
	}
	db_new_id(id);
	db_now_stamp(now);
	s = db_stmt(st,
		"INSERT INTO meeting(" MEETING_COLS ", year, seq, created_at, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
		" ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23)");
	if (!s)
		return db_tx_end(st, -1);
	{
		struct meeting row = *m;
		memcpy(row.id, id, sizeof row.id);
		memcpy(row.number, number, sizeof row.number);
		memcpy(row.rule_id, rule_id, sizeof row.rule_id);
		db_bind_row(s, &meeting_row, &row);
	}
	db_bind_int(s, 21, year);
	db_bind_int(s, 22, seq);
	db_bind_text(s, 23, now);
	if (db_run(st, s, "会议保存失败"))
		return db_tx_end(st, -1);

	for (i = 0; i < n; i++) {
		s = db_stmt(st, "SELECT title FROM proposal WHERE id = ?1");
		if (!s)
			return db_tx_end(st, -1);
		db_bind_text(s, 1, proposal_ids[i]);
		rc = db_read_one_text(st, s, title, sizeof title, "议题标题");
		if (rc)
			return db_tx_end(st, rc < 0 ? -1 : db_fail(st, "议题不存在：%s", proposal_ids[i]));
		if (insert_agenda(st, id, i + 1, proposal_ids[i], title))
			return db_tx_end(st, -1);
	}
	for (i = 0; i < nfree; i++) {
		if (!free_titles[i] || !*free_titles[i])
			return db_tx_end(st, db_fail(st, "议程标题不能为空"));
		if (db_fits(st, free_titles[i], sizeof title, "议程标题") ||
		    insert_agenda(st, id, n + i + 1, NULL, free_titles[i]))
			return db_tx_end(st, -1);
	}
	if (db_tx_end(st, build_sheet(st, id, kd->entitled_roles, kd->adults_only ? m->date : NULL)))
		return -1;
	memcpy(m->id, id, sizeof m->id);
	memcpy(m->number, number, sizeof m->number);
	memcpy(m->rule_id, rule_id, sizeof m->rule_id);
	return 0;
}

int store_meeting_get(struct store *st, const char *id, struct meeting *m)
{
	return db_get(st, "SELECT " MEETING_COLS " FROM meeting WHERE id = ?1",
	       id, m, &meeting_row);
}

int store_meeting_get_number(struct store *st, const char *number, struct meeting *m)
{
	return db_get(st, "SELECT " MEETING_COLS " FROM meeting WHERE number = ?1",
	       number, m, &meeting_row);
}

int store_meeting_page(struct store *st, const char *after_date,
                       const char *after_number, struct meeting *out, int max)
{
	sqlite3_stmt *s;
	int year, seq;

	if (max <= 0)
		return 0;
	if (!after_date || !*after_date) {
		s = db_stmt(st, "SELECT " MEETING_COLS " FROM meeting"
		             " ORDER BY date DESC, year DESC, seq DESC LIMIT ?4");
		if (!s)
			return -1;
	} else {
		/* (date, year, seq) rather than (date, number): the text of
		 * 2026-H-100 sorts before 2026-H-99 */
		if (db_parse_number(st, after_number, "-H-", "会议编号", "2026-H-05", &year, &seq))
			return -1;
		s = db_stmt(st, "SELECT " MEETING_COLS " FROM meeting"
		             " WHERE (date, year, seq) < (?1, ?2, ?3)"
		             " ORDER BY date DESC, year DESC, seq DESC LIMIT ?4");
		if (!s)
			return -1;
		db_bind_text(s, 1, after_date);
		db_bind_int(s, 2, year);
		db_bind_int(s, 3, seq);
	}
	db_bind_int(s, 4, max);
	return db_read_rows(st, s, out, max, &meeting_row);
}

int store_meeting_set_status(struct store *st, const char *id, int status,
                             const char *time)
{
	sqlite3_stmt *s;

	if (db_fits(st, time, FSIZE(struct meeting, end_time), "会议时间"))
		return -1;
	s = db_write(st,
		"UPDATE meeting SET status = ?2,"
		" held_start = CASE WHEN ?2 = 1 THEN COALESCE(?3, held_start) ELSE held_start END,"
		" end_time = CASE WHEN ?2 = 2 THEN COALESCE(?3, end_time) ELSE end_time END,"
		" updated_at = ?4 WHERE id = ?1");
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	db_bind_int(s, 2, status);
	db_bind_text(s, 3, time);
	db_bind_now(s, 4);
	return db_write_end(st, s, "会议保存失败", "会议不存在");
}

int store_meeting_update(struct store *st, const struct meeting *m)
{
	sqlite3_stmt *s;

	if (meeting_fits(st, m))
		return -1;
	if (!db_valid_date(m->date))
		return db_fail(st, "会议日期不对：%s（应为 YYYY-MM-DD）", m->date);
	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st,
		"UPDATE meeting SET title = ?2, date = ?3, start_time = ?4, place = ?5, chair_id = ?6,"
		" chair_name = ?7, chair_post = ?8, clerk_id = ?9, clerk_name = ?10, updated_at = ?11"
		" WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, m->id);
	db_bind_text(s, 2, m->title);
	db_bind_text(s, 3, m->date);
	db_bind_text(s, 4, m->start_time);
	db_bind_text(s, 5, m->place);
	db_bind_ref(s, 6, m->chair_id);
	db_bind_text(s, 7, m->chair_name);
	db_bind_text(s, 8, m->chair_post);
	db_bind_ref(s, 9, m->clerk_id);
	db_bind_text(s, 10, m->clerk_name);
	db_bind_now(s, 11);
	if (db_run(st, s, "会议保存失败"))
		return db_tx_end(st, -1);
	if (sqlite3_changes(st->db) == 0)
		return db_tx_end(st, db_fail(st, "会议不存在"));
	/* what happened at the meeting happened on its (corrected) date */
	s = db_stmt(st,
		"UPDATE proposal_event SET at = ?2 || substr(at, 11) WHERE meeting_id = ?1"
		" AND substr(at, 1, 10) <> ?2");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, m->id);
	db_bind_text(s, 2, m->date);
	return db_tx_end(st, db_run(st, s, "会议保存失败"));
}

int store_meeting_set_plan(struct store *st, const char *id, int status, const char *date,
                           const char *start_time, const char *postponed_from,
                           const char *reason)
{
	sqlite3_stmt *s;

	if (db_fits(st, reason, FSIZE(struct meeting, status_reason), "延期或取消的理由") ||
	    db_fits(st, start_time, FSIZE(struct meeting, start_time), "开始时间"))
		return -1;
	if (!db_valid_date(date) || (postponed_from && *postponed_from && !db_valid_date(postponed_from)))
		return db_fail(st, "会议日期不对：%s（应为 YYYY-MM-DD）", date ? date : "");
	s = db_write(st,
		"UPDATE meeting SET status = ?2, date = ?3, start_time = ?4, postponed_from = ?5,"
		" status_reason = ?6, updated_at = ?7 WHERE id = ?1");
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	db_bind_int(s, 2, status);
	db_bind_text(s, 3, date);
	db_bind_text(s, 4, start_time ? start_time : "");
	db_bind_text(s, 5, postponed_from ? postponed_from : "");
	db_bind_text(s, 6, reason ? reason : "");
	db_bind_now(s, 7);
	return db_write_end(st, s, "会议保存失败", "会议不存在");
}

int store_meeting_delete(struct store *st, const char *id)
{
	/* the rows that name it, then the meeting: one transaction */
	static const char *const sql[] = {
		"DELETE FROM minute WHERE meeting_id = ?1",
		"DELETE FROM attendance WHERE meeting_id = ?1",
		"DELETE FROM agenda_item WHERE meeting_id = ?1",
		"DELETE FROM meeting WHERE id = ?1 AND status IN (0, 3)",
	};
	sqlite3_stmt *s;

	if (db_tx_begin(st))
		return -1;
	for (size_t i = 0; i < YS_ARRAY_LEN(sql); i++) {
		s = db_stmt(st, sql[i]);
		if (!s)
			return db_tx_end(st, -1);
		db_bind_text(s, 1, id);
		if (db_run(st, s, "会议删除失败"))
			return db_tx_end(st, -1);
	}
	if (sqlite3_changes(st->db) == 0)
		return db_tx_end(st, db_fail(st, "会议不存在，或已经开过，不能删除"));
	return db_tx_end(st, 0);
}

int store_proposal_booked(struct store *st, const char *pid, const char *except_id,
                          char number[16])
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT m.number FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
		" WHERE a.proposal_id = ?1 AND m.status IN (0, 1) AND m.id <> ?2 AND m.kind <> 5"
		" ORDER BY m.date LIMIT 1");

	if (!s)
		return -1;
	db_bind_text(s, 1, pid);
	db_bind_text(s, 2, except_id ? except_id : "");
	return db_read_one_text(st, s, number, 16, "会议编号");
}

int store_meeting_open(struct store *st, const char *id, const char *start, int live)
{
	sqlite3_stmt *s;

	if (db_fits(st, start, FSIZE(struct meeting, held_start), "实际开始时间"))
		return -1;
	s = db_write(st,
		"UPDATE meeting SET status = 1, held_start = ?2, held_live = ?3, updated_at = ?4"
		" WHERE id = ?1");
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, start);
	db_bind_int(s, 3, live ? 1 : 0);
	db_bind_now(s, 4);
	return db_write_end(st, s, "会议保存失败", "会议不存在");
}

int store_meeting_set_pending(struct store *st, const char *id, const char *text)
{
	sqlite3_stmt *s;

	s = db_write(st, "UPDATE meeting SET pending = ?2, updated_at = ?3 WHERE id = ?1");
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, text);
	db_bind_now(s, 3);
	return db_write_end(st, s, "遗留问题保存失败", "会议不存在");
}

int store_meeting_count_year(struct store *st, int kind, const char *date)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT COUNT(*) FROM meeting WHERE kind = ?1 AND year = ?2 AND status <> 3");
	long long n;

	if (!s)
		return -1;
	db_bind_int(s, 1, kind);
	db_bind_int(s, 2, atoi(date ? date : ""));
	if (db_query_int(st, s, &n))
		return -1;
	return (int)n;
}

int store_meeting_latest_time(struct store *st, const char *id, char out[6])
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT COALESCE(MAX(t), '') FROM ("
		" SELECT held_start AS t FROM meeting WHERE id = ?1"
		" UNION ALL SELECT end_time FROM meeting WHERE id = ?1"
		" UNION ALL SELECT MAX(at) FROM attendance WHERE meeting_id = ?1"
		" UNION ALL SELECT MAX(at) FROM minute WHERE meeting_id = ?1"
		" UNION ALL SELECT MAX(at) FROM vote WHERE meeting_id = ?1"
		" UNION ALL SELECT MAX(closed_time) FROM agenda_item WHERE meeting_id = ?1)"
		" WHERE t <> ''");
	int rc;

	out[0] = '\0';
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	rc = db_read_one_text(st, s, out, 6, "会议时间");
	return rc < 0 ? -1 : 0;
}

/* ---- agenda ---------------------------------------------------------------- */

#define AGENDA_COLS "a.id, a.meeting_id, a.seq, a.proposal_id, p.number, a.title, a.outcome," \
	" a.decision, a.responsible, a.deadline, a.closed_time, a.reason"

static const struct db_col agenda_cols[] = {
	COL_T(struct agenda_item, id, "议程编号"),
	COL_T(struct agenda_item, meeting_id, "会议编号"),
	COL_I(struct agenda_item, seq),
	COL_T(struct agenda_item, proposal_id, "议题编号"),
	COL_T(struct agenda_item, proposal_number, "议题编号"),
	COL_T(struct agenda_item, title, "议程标题"),
	COL_I(struct agenda_item, outcome),
	COL_T(struct agenda_item, decision, "决定事项"),
	COL_T(struct agenda_item, responsible, "责任人"),
	COL_T(struct agenda_item, deadline, "时限"),
	COL_T(struct agenda_item, closed_time, "议程结束时间"),
	COL_D(struct agenda_item, reason),
};
static const struct db_row agenda_row = DB_ROW(struct agenda_item, agenda_cols, NULL);

void agenda_clear(struct agenda_item *a)
{
	db_clear_row(&agenda_row, a);
}

int store_agenda_list(struct store *st, const char *meeting_id,
                      struct agenda_item *out, int max)
{
	return db_list(st,
		"SELECT " AGENDA_COLS " FROM agenda_item a LEFT JOIN proposal p ON p.id = a.proposal_id"
		" WHERE a.meeting_id = ?1 ORDER BY a.seq LIMIT ?2",
		meeting_id, out, max, &agenda_row);
}

int store_agenda_get(struct store *st, const char *id, struct agenda_item *a)
{
	return db_get(st,
		"SELECT " AGENDA_COLS " FROM agenda_item a LEFT JOIN proposal p ON p.id = a.proposal_id"
		" WHERE a.id = ?1", id, a, &agenda_row);
}

int store_agenda_close(struct store *st, const char *id, int outcome,
                       const char *reason, const char *decision,
                       const char *responsible, const char *deadline,
                       const char *closed_time)
{
	sqlite3_stmt *s;

	if (db_fits(st, decision, FSIZE(struct agenda_item, decision), "决定事项") ||
	    db_fits(st, responsible, FSIZE(struct agenda_item, responsible), "责任人") ||
	    db_fits(st, deadline, FSIZE(struct agenda_item, deadline), "时限"))
		return -1;
	s = db_write(st,
		"UPDATE agenda_item SET outcome = ?2, reason = ?3, decision = ?4, responsible = ?5,"
		" deadline = ?6, closed_at = ?7, closed_time = ?8 WHERE id = ?1");
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	db_bind_int(s, 2, outcome);
	db_bind_ref(s, 3, reason);
	db_bind_text(s, 4, decision ? decision : "");
	db_bind_text(s, 5, responsible ? responsible : "");
	db_bind_text(s, 6, deadline ? deadline : "");
	db_bind_now(s, 7);
	db_bind_text(s, 8, closed_time ? closed_time : "");
	return db_write_end(st, s, "议程保存失败", "议程不存在");
}

int store_agenda_all(struct store *st, const char *meeting_id, struct agenda_item **out)
{
	return db_all(st,
		"SELECT " AGENDA_COLS " FROM agenda_item a LEFT JOIN proposal p ON p.id = a.proposal_id"
		" WHERE a.meeting_id = ?1 ORDER BY a.seq",
		meeting_id, (void **)out, &agenda_row);
}
