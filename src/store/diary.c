/* diary.c: 民情日记 — residents' concerns, their replies and the proposal
 * a concern became (migration 0010). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/diary.h"
#include "store_int.h"

/* the table's columns in its order; the proposal's number, read with a
 * join, comes last and is not written */
#define DIARY_COLS "d.id, d.number, d.raised_on, d.worker_id, d.worker_name, d.resident_id," \
	" d.resident_name, d.phone, d.grid, d.place, d.category, d.urgency, d.content, d.done," \
	" d.reply, d.replied_on, d.proposal_id, d.created_at, d.updated_at," \
	" COALESCE(p.number, '')"
#define DIARY_FROM " FROM diary d LEFT JOIN proposal p ON p.id = d.proposal_id"

static const struct db_col diary_cols[] = {
	COL_T(struct diary, id, "民情编号"),
	COL_T(struct diary, number, "民情编号"),
	COL_T(struct diary, raised_on, "反映日期"),
	COL_R(struct diary, worker_id, "记录人"),
	COL_T(struct diary, worker_name, "记录人"),
	COL_R(struct diary, resident_id, "反映人"),
	COL_T(struct diary, resident_name, "反映人"),
	COL_T(struct diary, phone, "电话"),
	COL_T(struct diary, grid, "网格"),
	COL_T(struct diary, place, "地点"),
	COL_T(struct diary, category, "类别"),
	COL_I(struct diary, urgency),
	COL_S(struct diary, content),
	COL_S(struct diary, done),
	COL_S(struct diary, reply),
	COL_T(struct diary, replied_on, "答复日期"),
	COL_R(struct diary, proposal_id, "议题"),
	COL_T(struct diary, created_at, "录入时间"),
	COL_T(struct diary, updated_at, "更新时间"),
	COL_T(struct diary, proposal_number, "议题编号"),
};
static const struct db_row diary_read_row = DB_ROW(struct diary, diary_cols, NULL);
/* what is written: every column but the joined number */
static const struct db_row diary_row = {
	sizeof(struct diary), diary_cols, YS_ARRAY_LEN(diary_cols) - 1, NULL
};

void diary_clear(struct diary *d)
{
	db_clear_row(&diary_read_row, d);
}

static int diary_fits(struct store *st, const struct diary *d)
{
	return FITS(st, d->raised_on, "反映日期") || FITS(st, d->worker_id, "记录人") ||
	       FITS(st, d->worker_name, "记录人") || FITS(st, d->resident_id, "反映人") ||
	       FITS(st, d->resident_name, "反映人") || FITS(st, d->phone, "电话") ||
	       FITS(st, d->grid, "网格") || FITS(st, d->place, "地点") ||
	       FITS(st, d->category, "类别") || FITS(st, d->replied_on, "答复日期") ||
	       FITS(st, d->proposal_id, "议题") ? -1 : 0;
}

/* the record as written: its texts never NULL */
static struct diary diary_for_write(const struct diary *d)
{
	struct diary row = *d;

	row.content = d->content ? d->content : "";
	row.done = d->done ? d->done : "";
	row.reply = d->reply ? d->reply : "";
	return row;
}

int store_diary_add(struct store *st, struct diary *d)
{
	char id[ID_LEN], now[20], number[24];
	int year, seq;
	sqlite3_stmt *s;

	if (diary_fits(st, d))
		return -1;
	if (!db_valid_date(d->raised_on))
		return db_fail(st, "反映日期不对：%s（应为 YYYY-MM-DD）", d->raised_on);
	year = atoi(d->raised_on);
	if (db_tx_begin(st))
		return -1;
	seq = db_next_seq(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM diary WHERE year = ?1",
	                  year, "民情编号");
	if (seq < 0)
		return db_tx_end(st, -1);
	snprintf(number, sizeof number, "%04d-民-%03d", year % 10000, seq);
	db_new_id(id);
	db_now_stamp(now);
	s = db_stmt(st,
		"INSERT INTO diary(id, number, raised_on, worker_id, worker_name, resident_id,"
		" resident_name, phone, grid, place, category, urgency, content, done, reply,"
		" replied_on, proposal_id, created_at, updated_at, year, seq)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
		" ?17, ?18, ?19, ?20, ?21)");
	if (!s)
		return db_tx_end(st, -1);
	{
		struct diary row = diary_for_write(d);
		memcpy(row.id, id, sizeof row.id);
		memcpy(row.number, number, sizeof row.number);
		memcpy(row.created_at, now, sizeof row.created_at);
		memcpy(row.updated_at, now, sizeof row.updated_at);
		db_bind_row(s, &diary_row, &row);
	}
	db_bind_int(s, 20, year);
	db_bind_int(s, 21, seq);
	if (db_tx_end(st, db_run(st, s, "民情日记保存失败")))
		return -1;
	memcpy(d->id, id, sizeof d->id);
	memcpy(d->number, number, sizeof d->number);
	memcpy(d->created_at, now, sizeof d->created_at);
	memcpy(d->updated_at, now, sizeof d->updated_at);
	return 0;
}

int store_diary_update(struct store *st, const struct diary *d)
{
	sqlite3_stmt *s;

	if (diary_fits(st, d))
		return -1;
	/* ?2 the number, ?17 the link and ?18 created_at are bound but not
	 * written (an unused parameter below the highest one is allowed) */
	s = db_write(st,
		"UPDATE diary SET raised_on = ?3, worker_id = ?4, worker_name = ?5, resident_id = ?6,"
		" resident_name = ?7, phone = ?8, grid = ?9, place = ?10, category = ?11,"
		" urgency = ?12, content = ?13, done = ?14, reply = ?15, replied_on = ?16,"
		" updated_at = ?19 WHERE id = ?1");
	if (!s)
		return -1;
	{
		struct diary row = diary_for_write(d);
		db_now_stamp(row.updated_at);
		db_bind_row(s, &diary_row, &row);
	}
	return db_write_end(st, s, "民情日记保存失败", "这条民情日记不存在");
}

int store_diary_get(struct store *st, const char *id, struct diary *d)
{
	return db_get(st, "SELECT " DIARY_COLS DIARY_FROM " WHERE d.id = ?1", id, d,
	              &diary_read_row);
}

int store_diary_get_number(struct store *st, const char *number, struct diary *d)
{
	return db_get(st, "SELECT " DIARY_COLS DIARY_FROM " WHERE d.number = ?1", number, d,
	              &diary_read_row);
}

int store_diary_for_proposal(struct store *st, const char *proposal_id, struct diary *d)
{
	return db_get(st, "SELECT " DIARY_COLS DIARY_FROM " WHERE d.proposal_id = ?1",
	              proposal_id, d, &diary_read_row);
}

int store_diary_link(struct store *st, const char *id, const char *proposal_id)
{
	sqlite3_stmt *s = db_write(st,
		"UPDATE diary SET proposal_id = ?2, updated_at = ?3 WHERE id = ?1 AND proposal_id IS NULL");

	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, proposal_id);
	db_bind_now(s, 3);
	return db_write_end(st, s, "民情日记保存失败", "这条民情日记不存在或已转为议题");
}

int store_diary_delete(struct store *st, const char *id)
{
	sqlite3_stmt *s = db_write(st, "DELETE FROM diary WHERE id = ?1");

	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	return db_write_end(st, s, "民情日记删除失败", "这条民情日记不存在");
}

/* ---- lists ------------------------------------------------------------------
 * The filter as parameters ?1 state, ?2 grid, ?3 category, ?4 today and
 * ?5 ?6 ?7 the days a reply is due in for 一般, 较急, 紧急 (model/diary.h) */
#define DIARY_DUE "date(d.raised_on, '+' || (CASE d.urgency WHEN 2 THEN ?7 WHEN 1 THEN ?6" \
	" ELSE ?5 END) || ' days')"
#define DIARY_OVERDUE "(d.replied_on = '' AND " DIARY_DUE " < ?4)"
#define DIARY_WHERE " (?2 = '' OR d.grid = ?2) AND (?3 = '' OR d.category = ?3) AND" \
	" (?1 = 0 OR (?1 = 1 AND d.replied_on = '') OR (?1 = 2 AND d.replied_on <> '')" \
	" OR (?1 = 3 AND " DIARY_OVERDUE "))"

static void bind_query(sqlite3_stmt *s, const struct diary_query *q)
{
	db_bind_int(s, 1, q ? q->state : 0);
	db_bind_text(s, 2, q && q->grid ? q->grid : "");
	db_bind_text(s, 3, q && q->category ? q->category : "");
	db_bind_text(s, 4, q && q->today ? q->today : "");
	db_bind_int(s, 5, urgency_table[URG_NORMAL].due_days);
	db_bind_int(s, 6, urgency_table[URG_SOON].due_days);
	db_bind_int(s, 7, urgency_table[URG_URGENT].due_days);
}

/* Newest first.  Within one day the number orders the rows as text: a
 * year would need a thousand entries on one day to put them out of order. */
int store_diary_page(struct store *st, const struct diary_query *q, const char *after_day,
                     const char *after_number, struct diary *out, int max)
{
	sqlite3_stmt *s;

	if (max <= 0)
		return 0;
	s = db_stmt(st, "SELECT " DIARY_COLS DIARY_FROM " WHERE" DIARY_WHERE
	            " AND (?8 = '' OR d.raised_on < ?8 OR (d.raised_on = ?8 AND d.number < ?9))"
	            " ORDER BY d.raised_on DESC, d.number DESC LIMIT ?10");
	if (!s)
		return -1;
	bind_query(s, q);
	db_bind_text(s, 8, after_day ? after_day : "");
	db_bind_text(s, 9, after_number ? after_number : "");
	db_bind_int(s, 10, max);
	return db_read_rows(st, s, out, max, &diary_read_row);
}

int store_diary_all(struct store *st, const struct diary_query *q, struct diary **out)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT " DIARY_COLS DIARY_FROM " WHERE" DIARY_WHERE
	                          " ORDER BY d.raised_on DESC, d.number DESC");

	*out = NULL;
	if (!s)
		return -1;
	bind_query(s, q);
	return db_read_all(st, s, (void **)out, &diary_read_row);
}

static const struct db_col diary_count_cols[] = {
	COL_I(struct diary_counts, total),
	COL_I(struct diary_counts, open),
	COL_I(struct diary_counts, answered),
	COL_I(struct diary_counts, overdue),
};
static const struct db_row diary_count_row = DB_ROW(struct diary_counts, diary_count_cols, NULL);

int store_diary_counts(struct store *st, const struct diary_query *q, struct diary_counts *c)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT COUNT(*), COALESCE(SUM(d.replied_on = ''), 0), COALESCE(SUM(d.replied_on <> ''), 0),"
		" COALESCE(SUM(" DIARY_OVERDUE "), 0) FROM diary d WHERE"
		" (?2 = '' OR d.grid = ?2) AND (?3 = '' OR d.category = ?3)");

	memset(c, 0, sizeof *c);
	if (!s)
		return -1;
	bind_query(s, q);
	return db_read_one(st, s, c, &diary_count_row) < 0 ? -1 : 0;
}

/* the values of one column, most used first */
static int values(struct store *st, sqlite3_stmt *s, char (*out)[64], int max)
{
	int rc, n = 0;

	if (!s)
		return -1;
	db_bind_int(s, 1, max);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < max) {
		if (ys_strlcpy(out[n], db_col_text(s, 0), sizeof out[n]) == 0)
			n++;
	}
	if (rc == SQLITE_ROW) {
		sqlite3_reset(s);
		return n;
	}
	return db_step_end(st, s, rc) ? -1 : n;
}

int store_diary_grids(struct store *st, char (*out)[64], int max)
{
	return values(st, db_stmt(st, "SELECT grid FROM diary WHERE grid <> '' GROUP BY grid"
	                          " ORDER BY COUNT(*) DESC, grid LIMIT ?1"), out, max);
}

int store_diary_categories(struct store *st, char (*out)[64], int max)
{
	return values(st, db_stmt(st, "SELECT category FROM diary WHERE category <> ''"
	                          " GROUP BY category ORDER BY COUNT(*) DESC, category LIMIT ?1"),
	              out, max);
}
