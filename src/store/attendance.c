/* attendance.c: a meeting's attendance sheet (签到). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ---- attendance ------------------------------------------------------------ */

#define ATT_COLS "meeting_id, person_id, person_no, name, roles, grid, entitled, status," \
	" reason, at, signed_at"

static const struct db_col attendance_cols[] = {
	COL_T(struct attendance, meeting_id, "会议编号"),
	COL_T(struct attendance, person_id, "人员编号"),
	COL_I(struct attendance, person_no),
	COL_T(struct attendance, name, "姓名"),
	COL_I(struct attendance, roles),
	COL_T(struct attendance, grid, "网格"),
	COL_I(struct attendance, entitled),
	COL_I(struct attendance, status),
	COL_T(struct attendance, reason, "请假原因"),
	COL_T(struct attendance, at, "签到时间"),
	COL_T(struct attendance, signed_at, "签到录入时间"),
};
static const struct db_row attendance_row = DB_ROW(struct attendance, attendance_cols, NULL);

#define ATT_FILTER " (?3 = '' OR instr(name, ?3) > 0) AND (?4 < 0 OR status = ?4)"

int store_attendance_page(struct store *st, const char *meeting_id,
                          const char *name, int status, int after_no, int dir,
                          struct attendance *out, int max)
{
	sqlite3_stmt *s;
	int n;

	if (max <= 0)
		return 0;
	s = dir >= 0
		? db_stmt(st, "SELECT " ATT_COLS " FROM attendance WHERE meeting_id = ?1"
		           " AND person_no > ?2 AND" ATT_FILTER " ORDER BY person_no LIMIT ?5")
		: db_stmt(st, "SELECT " ATT_COLS " FROM attendance WHERE meeting_id = ?1"
		           " AND person_no < ?2 AND" ATT_FILTER " ORDER BY person_no DESC LIMIT ?5");
	if (!s)
		return -1;
	db_bind_text(s, 1, meeting_id);
	db_bind_int(s, 2, after_no);
	db_bind_text(s, 3, name ? name : "");
	db_bind_int(s, 4, status);
	db_bind_int(s, 5, max);
	n = db_read_rows(st, s, out, max, &attendance_row);
	if (dir < 0 && n > 0)
		db_reverse(out, n, sizeof *out);
	return n;
}

int store_attendance_get(struct store *st, const char *meeting_id,
                         const char *person_id, struct attendance *a)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT " ATT_COLS " FROM attendance WHERE meeting_id = ?1 AND person_id = ?2");

	if (!s)
		return -1;
	db_bind_text(s, 1, meeting_id);
	db_bind_text(s, 2, person_id);
	return db_read_one(st, s, a, &attendance_row);
}

int store_attendance_set(struct store *st, const char *meeting_id,
                         const char *person_id, int status, const char *reason,
                         const char *at)
{
	sqlite3_stmt *s;

	if (db_fits(st, reason, FSIZE(struct attendance, reason), "请假原因") ||
	    db_fits(st, at, FSIZE(struct attendance, at), "签到时间"))
		return -1;
	s = db_write(st,
		"UPDATE attendance SET status = ?3, reason = ?4, signed_at = ?5, at = ?6"
		" WHERE meeting_id = ?1 AND person_id = ?2");
	if (!s)
		return -1;
	db_bind_text(s, 1, meeting_id);
	db_bind_text(s, 2, person_id);
	db_bind_int(s, 3, status);
	db_bind_text(s, 4, reason ? reason : "");
	if (status == ATT_PRESENT) {
		db_bind_now(s, 5);
		db_bind_text(s, 6, at ? at : "");
	} else {
		db_bind_text(s, 5, "");
		db_bind_text(s, 6, "");
	}
	return db_write_end(st, s, "签到保存失败", "此人不在本次会议的签到表上");
}

/* Free-text guests sort after the roster, by name: their person_no is
 * ATT_FREE_NO + rank, given again whenever one is added. */

static int renumber_free(struct store *st, const char *meeting_id)
{
	sqlite3_stmt *s = db_stmt(st,
		"UPDATE attendance SET person_no = " STR(ATT_FREE_NO) " + 1 + ("
		" SELECT COUNT(*) FROM attendance b WHERE b.meeting_id = attendance.meeting_id"
		" AND b.person_id IS NULL AND (b.name < attendance.name"
		" OR (b.name = attendance.name AND b.id < attendance.id)))"
		" WHERE meeting_id = ?1 AND person_id IS NULL");

	if (!s)
		return -1;
	db_bind_text(s, 1, meeting_id);
	return db_run(st, s, "列席人员保存失败");
}

int store_attendance_add_observer(struct store *st, const char *meeting_id,
                                  const char *person_id, const char *name)
{
	struct person p;
	struct attendance a;
	char id[ID_LEN], now[20];
	sqlite3_stmt *s;
	int rc, roster = person_id && *person_id;

	if (!roster && (!name || !*name))
		return db_fail(st, "列席人员姓名不能为空");
	if (!roster && db_fits(st, name, FSIZE(struct attendance, name), "姓名"))
		return -1;
	if (db_tx_begin(st))
		return -1;
	memset(&p, 0, sizeof p);
	if (roster) {
		rc = store_person_get(st, person_id, &p);
		if (rc)
			return db_tx_end(st, rc < 0 ? -1 : db_fail(st, "人员不存在"));
		rc = store_attendance_get(st, meeting_id, person_id, &a);
		if (rc < 0)
			return db_tx_end(st, -1);
		if (rc == 0)
			return db_tx_end(st, db_fail(st, "%s 已在本次会议的签到表上", p.name));
	} else {
		ys_strlcpy(p.name, name, sizeof p.name);
		p.no = ATT_FREE_NO;
	}
	db_new_id(id);
	db_now_stamp(now);
	s = db_stmt(st,
		"INSERT INTO attendance(id, meeting_id, person_id, person_no, name, roles, grid,"
		" entitled, status, signed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9)");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, meeting_id);
	db_bind_ref(s, 3, roster ? person_id : NULL);
	db_bind_int(s, 4, p.no);
	db_bind_text(s, 5, p.name);
	db_bind_int(s, 6, p.roles);
	db_bind_text(s, 7, p.grid);
	db_bind_int(s, 8, ATT_OBSERVER);
	db_bind_text(s, 9, now);
	rc = db_run(st, s, "列席人员保存失败");
	if (!rc && !roster)
		rc = renumber_free(st, meeting_id);
	return db_tx_end(st, rc);
}

static const struct db_col count_cols[] = {
	COL_I(struct attendance_counts, entitled),
	COL_I(struct attendance_counts, present),
	COL_I(struct attendance_counts, leave),
	COL_I(struct attendance_counts, absent),
	COL_I(struct attendance_counts, none),
	COL_I(struct attendance_counts, observers),
};
static const struct db_row count_row = DB_ROW(struct attendance_counts, count_cols, NULL);

int store_attendance_counts(struct store *st, const char *meeting_id,
                            struct attendance_counts *c)
{
	return db_get(st,
		"SELECT COALESCE(SUM(entitled), 0),"
		" COALESCE(SUM(entitled = 1 AND status = 1), 0),"
		" COALESCE(SUM(entitled = 1 AND status = 2), 0),"
		" COALESCE(SUM(entitled = 1 AND status = 3), 0),"
		" COALESCE(SUM(entitled = 1 AND status = 0), 0),"
		" COALESCE(SUM(status = 4), 0)"
		" FROM attendance WHERE meeting_id = ?1",
		meeting_id, c, &count_row) < 0 ? -1 : 0;
}

int store_attendance_all(struct store *st, const char *meeting_id, struct attendance **out)
{
	return db_all(st,
		"SELECT " ATT_COLS " FROM attendance WHERE meeting_id = ?1 ORDER BY person_no",
		meeting_id, (void **)out, &attendance_row);
}
