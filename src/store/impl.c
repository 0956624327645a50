/* impl.c: implementation (实施): responsible person, deadline, progress. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ---- implementation (实施) ---- */

static const struct db_col impl_cols[] = {
	COL_T(struct impl, proposal_id, "议题编号"),
	COL_T(struct impl, responsible, "责任人"),
	COL_T(struct impl, deadline, "完成时限"),
};
static const struct db_row impl_row = DB_ROW(struct impl, impl_cols, NULL);

int store_impl_get(struct store *st, const char *proposal_id, struct impl *im)
{
	return db_get(st,
		"SELECT proposal_id, responsible, deadline FROM impl WHERE proposal_id = ?1",
		proposal_id, im, &impl_row);
}

int store_impl_set(struct store *st, const struct impl *im)
{
	sqlite3_stmt *s;

	if (FITS(st, im->proposal_id, "议题编号") || FITS(st, im->responsible, "责任人") ||
	    FITS(st, im->deadline, "完成时限"))
		return -1;
	if (!im->responsible[0])
		return db_fail(st, "实施须有责任人");
	if (!db_valid_date(im->deadline))
		return db_fail(st, "完成时限不对：%s（应为 YYYY-MM-DD）", im->deadline);
	s = db_write(st,
		"INSERT INTO impl(proposal_id, responsible, deadline, updated_at) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT(proposal_id) DO UPDATE SET responsible = excluded.responsible,"
		" deadline = excluded.deadline, updated_at = excluded.updated_at");
	if (!s)
		return -1;
	db_bind_text(s, 1, im->proposal_id);
	db_bind_text(s, 2, im->responsible);
	db_bind_text(s, 3, im->deadline);
	db_bind_now(s, 4);
	return db_write_end(st, s, "实施安排保存失败", NULL);
}

int store_impl_overdue(struct store *st, const char *today, char (*ids)[ID_LEN], int max)
{
	sqlite3_stmt *s;
	int rc = SQLITE_DONE, n = 0;

	if (max <= 0)
		return 0;
	/* few proposals are under implementation at a time, while impl
	 * keeps the rows of every finished one: CROSS JOIN keeps this order,
	 * the board's index finds them, the impl row is looked up by its key */
	s = db_stmt(st,
		"SELECT p.id FROM proposal p CROSS JOIN impl i ON i.proposal_id = p.id"
		" WHERE p.step = 6 AND p.status = 0 AND +i.deadline < ?1"
		" ORDER BY i.deadline, p.year, p.seq LIMIT ?2");
	if (!s)
		return -1;
	db_bind_text(s, 1, today ? today : "");
	db_bind_int(s, 2, max);
	while (n < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (db_col_copy(st, s, 0, ids[n], ID_LEN, "议题编号")) {
			sqlite3_reset(s);
			return -1;
		}
		n++;
	}
	if (n < max && db_step_end(st, s, rc))
		return -1;
	sqlite3_reset(s);
	return n;
}

#define PROGRESS_COLS "id, proposal_id, at, text"

static const struct db_col progress_cols[] = {
	COL_T(struct progress, id, "进展编号"),
	COL_T(struct progress, proposal_id, "议题编号"),
	COL_T(struct progress, at, "进展日期"),
	COL_S(struct progress, text),
};
static const struct db_row progress_row = DB_ROW(struct progress, progress_cols, NULL);

void progress_clear(struct progress *p)
{
	db_clear_row(&progress_row, p);
}

int store_progress_add(struct store *st, struct progress *p)
{
	char id[ID_LEN], now[20], at[11];
	long long seq;
	sqlite3_stmt *s;

	if (FITS(st, p->proposal_id, "议题编号") || FITS(st, p->at, "进展日期"))
		return -1;
	if (!p->text || !*p->text)
		return db_fail(st, "进展内容不能为空");
	db_now_stamp(now);
	if (p->at[0]) {
		if (!db_valid_date(p->at))
			return db_fail(st, "进展日期不对：%s（应为 YYYY-MM-DD）", p->at);
		memcpy(at, p->at, sizeof at);
	} else {
		memcpy(at, now, 10);
		at[10] = '\0';
	}
	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM progress WHERE proposal_id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, p->proposal_id);
	if (db_query_int(st, s, &seq))
		return db_tx_end(st, -1);
	db_new_id(id);
	s = db_stmt(st,
		"INSERT INTO progress(id, proposal_id, seq, at, text, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, p->proposal_id);
	db_bind_int(s, 3, seq);
	db_bind_text(s, 4, at);
	db_bind_text(s, 5, p->text);
	db_bind_text(s, 6, now);
	if (db_tx_end(st, db_run(st, s, "实施进展保存失败")))
		return -1;
	memcpy(p->id, id, sizeof p->id);
	memcpy(p->at, at, sizeof p->at);
	return 0;
}

int store_progress_list(struct store *st, const char *proposal_id, struct progress *out, int max)
{
	return db_list(st,
		"SELECT " PROGRESS_COLS " FROM progress WHERE proposal_id = ?1 ORDER BY at, seq LIMIT ?2",
		proposal_id, out, max, &progress_row);
}

int store_progress_count(struct store *st, const char *proposal_id)
{
	return db_count(st, "SELECT COUNT(*) FROM progress WHERE proposal_id = ?1",
	         proposal_id);
}

int store_progress_all(struct store *st, const char *proposal_id, struct progress **out)
{
	return db_all(st,
		"SELECT " PROGRESS_COLS " FROM progress WHERE proposal_id = ?1 ORDER BY at, seq",
		proposal_id, (void **)out, &progress_row);
}
