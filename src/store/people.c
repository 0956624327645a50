/* people.c: the roster (花名册). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ---- people -------------------------------------------------------------- */

#define PERSON_COLS "id, no, name, gender, roles, grid, building, unit, room, phone, note, active, post," \
	" birth, id_tail, household, res_group"

/* the table's columns in its order, and last the rank a page is read
 * by (store_person_page): the record itself is every column but that */
static const struct db_col person_cols[] = {
	COL_T(struct person, id, "人员编号"),
	COL_I(struct person, no),
	COL_T(struct person, name, "姓名"),
	COL_T(struct person, gender, "性别"),
	COL_I(struct person, roles),
	COL_T(struct person, grid, "网格"),
	COL_T(struct person, building, "楼栋"),
	COL_T(struct person, unit, "单元"),
	COL_T(struct person, room, "房号"),
	COL_T(struct person, phone, "电话"),
	COL_T(struct person, note, "备注"),
	COL_I(struct person, active),
	COL_T(struct person, post, "职务"),
	COL_T(struct person, birth, "出生日期"),
	COL_T(struct person, id_tail, "身份证号后四位"),
	COL_T(struct person, household, "户号"),
	COL_T(struct person, res_group, "居民小组"),
	COL_I(struct person, rank),
};
static const struct db_row person_rank_row = DB_ROW(struct person, person_cols, NULL);
static const struct db_row person_row = {
	sizeof(struct person), person_cols, YS_ARRAY_LEN(person_cols) - 1, NULL
};

static int person_fits(struct store *st, const struct person *p)
{
	return FITS(st, p->id, "人员编号") || FITS(st, p->name, "姓名") ||
	       FITS(st, p->gender, "性别") || FITS(st, p->grid, "网格") ||
	       FITS(st, p->building, "楼栋") || FITS(st, p->unit, "单元") ||
	       FITS(st, p->room, "房号") || FITS(st, p->phone, "电话") ||
	       FITS(st, p->note, "备注") || FITS(st, p->post, "职务") ||
	       FITS(st, p->birth, "出生日期") || FITS(st, p->id_tail, "身份证号后四位") ||
	       FITS(st, p->household, "户号") || FITS(st, p->res_group, "居民小组") ? -1 : 0;
}

int store_person_add(struct store *st, struct person *p)
{
	char id[ID_LEN], now[20];
	long long no;
	sqlite3_stmt *s;
	int rc;

	if (person_fits(st, p))
		return -1;
	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st, "SELECT COALESCE(MAX(no), 0) + 1 FROM person");
	if (!s || db_query_int(st, s, &no))
		return db_tx_end(st, -1);
	if (no > INT_MAX)
		return db_tx_end(st, db_fail(st, "人员编号已用尽"));
	db_new_id(id);
	db_now_stamp(now);
	s = db_stmt(st,
		"INSERT INTO person(id, no, name, gender, roles, grid, building, unit, room,"
		" phone, note, active, post, birth, id_tail, household, res_group, created_at, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
		" ?18, ?18)");
	if (!s)
		return db_tx_end(st, -1);
	{
		struct person row = *p;
		memcpy(row.id, id, sizeof row.id);
		row.no = (int)no;
		row.active = p->active ? 1 : 0;
		db_bind_row(s, &person_row, &row);
	}
	db_bind_text(s, 18, now);
	rc = db_run(st, s, "人员保存失败");
	if (db_tx_end(st, rc))
		return -1;
	memcpy(p->id, id, sizeof p->id);
	p->no = (int)no;
	return 0;
}

int store_person_update(struct store *st, const struct person *p)
{
	sqlite3_stmt *s;

	if (person_fits(st, p))
		return -1;
	s = db_write(st,
		"UPDATE person SET name = ?3, gender = ?4, roles = ?5, grid = ?6, building = ?7,"
		" unit = ?8, room = ?9, phone = ?10, note = ?11, active = ?12, post = ?13, birth = ?14,"
		" id_tail = ?15, household = ?16, res_group = ?17, updated_at = ?18"
		" WHERE id = ?1");
	if (!s)
		return -1;
	{
		/* ?2, the number, is not set: past sheets and printed lists use it */
		struct person row = *p;
		row.active = p->active ? 1 : 0;
		db_bind_row(s, &person_row, &row);
	}
	db_bind_now(s, 18);
	return db_write_end(st, s, "人员保存失败", "人员不存在");
}

int store_person_set_active(struct store *st, const char *id, int active)
{
	sqlite3_stmt *s;

	s = db_write(st, "UPDATE person SET active = ?2, updated_at = ?3 WHERE id = ?1");
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	db_bind_int(s, 2, active ? 1 : 0);
	db_bind_now(s, 3);
	return db_write_end(st, s, "人员保存失败", "人员不存在");
}

int store_person_get(struct store *st, const char *id, struct person *p)
{
	return db_get(st, "SELECT " PERSON_COLS " FROM person WHERE id = ?1",
	       id, p, &person_row);
}

int store_person_get_by_no(struct store *st, int no, struct person *p)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT " PERSON_COLS " FROM person WHERE no = ?1");

	if (!s)
		return -1;
	db_bind_int(s, 1, no);
	return db_read_one(st, s, p, &person_row);
}

/* the filter of a person query, as parameters ?2 ?3 ?4 */
#define PERSON_FILTER \
	" (?2 = '' OR instr(name, ?2) > 0) AND (?3 = 0 OR (roles & ?3) <> 0)" \
	" AND (?4 = 0 OR active = 1)"

static void bind_person_query(sqlite3_stmt *s, const struct person_query *q)
{
	db_bind_text(s, 2, q && q->name ? q->name : "");
	db_bind_int(s, 3, q ? q->roles : 0);
	db_bind_int(s, 4, q ? q->active_only : 0);
}

int store_person_page(struct store *st, const struct person_query *q,
                      int after_no, int dir, struct person *out, int max)
{
	sqlite3_stmt *s;
	int n;

	if (max <= 0)
		return 0;
	if (q && q->present_at && *q->present_at) {
		/* those signed in present at the meeting first, each part by no */
#define PERSON_RANKED "SELECT " PERSON_COLS ", rank FROM (SELECT *, no + CASE WHEN EXISTS" \
	" (SELECT 1 FROM attendance a WHERE a.meeting_id = ?6 AND a.person_id = person.id" \
	" AND a.status = 1) THEN 0 ELSE " STR(PERSON_AWAY) " END AS rank FROM person)"
		s = dir >= 0
			? db_stmt(st, PERSON_RANKED " WHERE rank > ?1 AND" PERSON_FILTER
			           " ORDER BY rank LIMIT ?5")
			: db_stmt(st, PERSON_RANKED " WHERE rank < ?1 AND" PERSON_FILTER
			           " ORDER BY rank DESC LIMIT ?5");
		if (!s)
			return -1;
		db_bind_text(s, 6, q->present_at);
	} else {
		s = dir >= 0
			? db_stmt(st, "SELECT " PERSON_COLS ", no FROM person WHERE no > ?1 AND" PERSON_FILTER
			           " ORDER BY no LIMIT ?5")
			: db_stmt(st, "SELECT " PERSON_COLS ", no FROM person WHERE no < ?1 AND" PERSON_FILTER
			           " ORDER BY no DESC LIMIT ?5");
		if (!s)
			return -1;
	}
	db_bind_int(s, 1, after_no);
	bind_person_query(s, q);
	db_bind_int(s, 5, max);
	n = db_read_rows(st, s, out, max, &person_rank_row);
	if (dir < 0 && n > 0)
		db_reverse(out, n, sizeof *out);
	return n;
}

static const struct db_col person_count_cols[] = {
	COL_I(struct person_counts, everyone),
	COL_I(struct person_counts, found),
	COL_I(struct person_counts, active),
};
static const struct db_row person_count_row = DB_ROW(struct person_counts, person_count_cols, NULL);

int store_person_counts(struct store *st, const struct person_query *q, struct person_counts *c)
{
	/* one pass: the roster can be large, and it is counted at every change */
	sqlite3_stmt *s = db_stmt(st,
		"SELECT COUNT(*), COALESCE(SUM(hit), 0), COALESCE(SUM(hit AND active = 1), 0) FROM"
		" (SELECT active, (?1 = '' OR instr(name, ?1) > 0) AND (?2 = 0 OR (roles & ?2) <> 0) AS hit"
		"  FROM person)");

	memset(c, 0, sizeof *c);
	if (!s)
		return -1;
	db_bind_text(s, 1, q && q->name ? q->name : "");
	db_bind_int(s, 2, q ? q->roles : 0);
	return db_read_one(st, s, c, &person_count_row) < 0 ? -1 : 0;
}

int store_person_count(struct store *st, const struct person_query *q)
{
	struct person_counts c;

	if (store_person_counts(st, q, &c))
		return -1;
	return q && q->active_only ? c.active : c.found;
}

/* ---- where a person is named ---------------------------------------------- */

static const struct db_col person_uses_cols[] = {
	COL_I(struct person_uses, proposer),
	COL_I(struct person_uses, meeting),
	COL_I(struct person_uses, attendance),
	COL_I(struct person_uses, minute),
	COL_I(struct person_uses, ballot),
};
static const struct db_row person_uses_row = DB_ROW(struct person_uses, person_uses_cols, NULL);

int store_person_uses(struct store *st, const char *id, struct person_uses *u)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT (SELECT COUNT(*) FROM proposer WHERE person_id = ?1),"
		" (SELECT COUNT(*) FROM meeting WHERE chair_id = ?1 OR clerk_id = ?1),"
		" (SELECT COUNT(*) FROM attendance WHERE person_id = ?1),"
		" (SELECT COUNT(*) FROM minute WHERE speaker_id = ?1),"
		" (SELECT COUNT(*) FROM ballot WHERE person_id = ?1)"
		" + (SELECT COUNT(*) FROM vote_teller WHERE person_id = ?1)");

	memset(u, 0, sizeof *u);
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	return db_read_one(st, s, u, &person_uses_row) < 0 ? -1 : 0;
}

int store_person_delete(struct store *st, const char *id)
{
	sqlite3_stmt *s = db_write(st, "DELETE FROM person WHERE id = ?1");

	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	return db_write_end(st, s, "人员删除失败", "人员不存在");
}

int store_person_find_dup(struct store *st, const struct person *p, struct person *found)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT " PERSON_COLS " FROM person WHERE name = ?1 AND"
		" ((?2 <> '' AND household = ?2) OR (?5 <> '' AND building = ?3 AND unit = ?4 AND room = ?5)"
		"  OR (?6 <> '' AND phone = ?6))"
		" ORDER BY CASE WHEN ?2 <> '' AND household = ?2 THEN 0"
		" WHEN ?5 <> '' AND room = ?5 THEN 1 ELSE 2 END, no LIMIT 1");

	if (!s)
		return -1;
	db_bind_text(s, 1, p->name);
	db_bind_text(s, 2, p->household);
	db_bind_text(s, 3, p->building);
	db_bind_text(s, 4, p->unit);
	db_bind_text(s, 5, p->room);
	db_bind_text(s, 6, p->phone);
	return db_read_one(st, s, found, &person_row);
}

int store_household_reps(struct store *st, const char *household, const char *except_id)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT COUNT(*) FROM person WHERE household = ?1 AND household <> ''"
		" AND active = 1 AND (roles & ?2) <> 0 AND id <> ?3");
	long long n;

	if (!s)
		return -1;
	db_bind_text(s, 1, household);
	db_bind_int(s, 2, ROLE_HOUSEHOLD);
	db_bind_text(s, 3, except_id ? except_id : "");
	return db_query_int(st, s, &n) ? -1 : (int)n;
}
