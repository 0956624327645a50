/* proposals.c: proposals (议题), their proposers, the search index and the
 * events that record every step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* the proposal_fts rowid of a proposal (0002_proposal_search.sql) */

/* ---- proposals ------------------------------------------------------------- */

/* content is the last column: the page queries select NULL there */
#define PROPOSAL_BASE "p.id, p.number, p.title, p.source, p.category, p.grid, p.building," \
	" p.step, p.status, p.proposed_on, p.created_at, p.updated_at"
#define PROPOSAL_COLS PROPOSAL_BASE ", p.content"
#define PROPOSAL_PAGE_COLS PROPOSAL_BASE ", NULL"

/* "张三、李四" into p->proposers.  A long joint signature is shortened at
 * a name with 「等 N 人」, which says that it was shortened. */
static int fill_proposers(struct store *st, struct proposal *p)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT name FROM proposer WHERE proposal_id = ?1 ORDER BY seq");
	char *buf = p->proposers;
	size_t cap = sizeof p->proposers, len = 0, room = cap - 24; /* 「等 N 人」 */
	int rc, total = 0, cut = 0;

	buf[0] = '\0';
	if (!s)
		return -1;
	db_bind_text(s, 1, p->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = db_col_text(s, 0);
		size_t n = strlen(name), sep = len ? strlen("、") : 0;

		total++;
		if (cut)
			continue;
		if (len + sep + n >= room) {
			cut = 1;
			continue;
		}
		if (sep)
			memcpy(buf + len, "、", sep);
		memcpy(buf + len + sep, name, n);
		len += sep + n;
		buf[len] = '\0';
	}
	if (db_step_end(st, s, rc))
		return -1;
	if (cut)
		snprintf(buf + len, cap - len, "等 %d 人", total);
	return 0;
}

static int proposers_after(struct store *st, void *dst)
{
	return fill_proposers(st, dst);
}

static const struct db_col proposal_cols[] = {
	COL_T(struct proposal, id, "议题编号"),
	COL_T(struct proposal, number, "议题编号"),
	COL_T(struct proposal, title, "议题标题"),
	COL_T(struct proposal, source, "议题来源"),
	COL_T(struct proposal, category, "议题类别"),
	COL_T(struct proposal, grid, "网格"),
	COL_T(struct proposal, building, "楼栋"),
	COL_I(struct proposal, step),
	COL_I(struct proposal, status),
	COL_T(struct proposal, proposed_on, "提议日期"),
	COL_T(struct proposal, created_at, "提出时间"),
	COL_T(struct proposal, updated_at, "更新时间"),
	COL_D(struct proposal, content),
};
/* the proposers' display line is read with every proposal */
static const struct db_row proposal_row = DB_ROW(struct proposal, proposal_cols, proposers_after);

void proposal_clear(struct proposal *p)
{
	db_clear_row(&proposal_row, p);
}

/* the proposers of a proposal, numbered from 1; a name not given is the
 * roster's, frozen with the proposal */
static int insert_proposers(struct store *st, const char *id, const struct proposer *pp, int n)
{
	char pname[128];
	sqlite3_stmt *s;
	int i, rc;

	for (i = 0; i < n; i++) {
		char pid[ID_LEN];

		memcpy(pname, pp[i].name, sizeof pname);
		if (!pname[0] && pp[i].person_id[0]) {
			/* the name as it is today, frozen with the proposal */
			struct person who;

			rc = store_person_get(st, pp[i].person_id, &who);
			if (rc)
				return rc < 0 ? -1 : db_fail(st, "提议人不在花名册中");
			ys_strlcpy(pname, who.name, sizeof pname);
		}
		if (!pname[0])
			return db_fail(st, "提议人姓名不能为空");
		db_new_id(pid);
		s = db_stmt(st,
			"INSERT INTO proposer(id, proposal_id, seq, person_id, name, kind)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
		if (!s)
			return -1;
		db_bind_text(s, 1, pid);
		db_bind_text(s, 2, id);
		db_bind_int(s, 3, i + 1);
		db_bind_ref(s, 4, pp[i].person_id);
		db_bind_text(s, 5, pname);
		db_bind_int(s, 6, pp[i].kind);
		if (db_run(st, s, "提议人保存失败"))
			return -1;
	}
	return 0;
}

int store_proposal_add(struct store *st, struct proposal *p,
                       const struct proposer *pp, int n)
{
	char id[ID_LEN], eid[ID_LEN], now[20], number[16], on[11], at[20];
	long long seq;
	int year, i;
	sqlite3_stmt *s;

	if (n < 1 || !pp)
		return db_fail(st, "议题至少要有一位提议人");
	if (FITS(st, p->title, "议题标题") || FITS(st, p->source, "议题来源") ||
	    FITS(st, p->category, "议题类别") || FITS(st, p->grid, "网格") ||
	    FITS(st, p->building, "楼栋"))
		return -1;
	for (i = 0; i < n; i++)
		if (FITS(st, pp[i].person_id, "提议人编号") || FITS(st, pp[i].name, "提议人姓名"))
			return -1;
	db_now_stamp(now);
	/* the number counts the proposals of the year they were made */
	if (p->proposed_on[0] && ys_parse_date(p->proposed_on, NULL) != 0)
		return db_fail(st, "提议日期不对：%s（应为 YYYY-MM-DD）", p->proposed_on);
	snprintf(on, sizeof on, "%.10s", p->proposed_on[0] ? p->proposed_on : now);
	year = atoi(on);
	if (year < 1900 || year > 9999)
		return db_fail(st, "提议日期不对（%d 年），无法给议题编号", year);
	/* the 提出 event happened on that day; the time is the typing's when
	 * it is today, else the day's beginning */
	if (strncmp(on, now, 10) == 0)
		memcpy(at, now, sizeof at);
	else
		snprintf(at, sizeof at, "%s 00:00:00", on);
	if (db_tx_begin(st))
		return -1;
	seq = db_next_seq(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM proposal WHERE year = ?1",
	                  year, "议题编号");
	if (seq < 0)
		return db_tx_end(st, -1);
	snprintf(number, sizeof number, "%04d-%03d", year % 10000, (int)(seq % 1000000));
	db_new_id(id);
	s = db_stmt(st,
		"INSERT INTO proposal(id, number, title, source, category, grid, building, step,"
		" status, proposed_on, created_at, updated_at, content, year, seq)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
	if (!s)
		return db_tx_end(st, -1);
	{
		/* the columns in the order of proposal_cols, then the number's parts */
		struct proposal row = *p;
		memcpy(row.id, id, sizeof row.id);
		memcpy(row.number, number, sizeof row.number);
		row.step = STEP_PROPOSE;
		row.status = PST_ACTIVE;
		memcpy(row.proposed_on, on, sizeof row.proposed_on);
		memcpy(row.created_at, now, sizeof row.created_at);
		memcpy(row.updated_at, now, sizeof row.updated_at);
		row.content = p->content ? p->content : "";
		db_bind_row(s, &proposal_row, &row);
	}
	db_bind_int(s, 14, year);
	db_bind_int(s, 15, seq);
	if (db_run(st, s, "议题保存失败"))
		return db_tx_end(st, -1);

	if (insert_proposers(st, id, pp, n))
		return db_tx_end(st, -1);

	db_new_id(eid);
	s = db_stmt(st,
		"INSERT INTO proposal_event(id, proposal_id, seq, at, action, from_step, to_step, status,"
		" recorded_at) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, eid);
	db_bind_text(s, 2, id);
	db_bind_text(s, 3, at);
	db_bind_text(s, 8, now);
	db_bind_int(s, 4, ACT_PROPOSE);
	db_bind_int(s, 5, STEP_NONE);
	db_bind_int(s, 6, STEP_PROPOSE);
	db_bind_int(s, 7, PST_ACTIVE);
	if (db_tx_end(st, db_run(st, s, "议题保存失败")))
		return -1;

	memcpy(p->id, id, sizeof p->id);
	memcpy(p->number, number, sizeof p->number);
	p->step = STEP_PROPOSE;
	p->status = PST_ACTIVE;
	memcpy(p->proposed_on, on, sizeof p->proposed_on);
	memcpy(p->created_at, now, sizeof p->created_at);
	memcpy(p->updated_at, now, sizeof p->updated_at);
	/* saved already; a failure here only leaves the display line empty */
	fill_proposers(st, p);
	return 0;
}

int store_proposal_update(struct store *st, const struct proposal *p)
{
	sqlite3_stmt *s;

	if (FITS(st, p->title, "议题标题") || FITS(st, p->source, "议题来源") ||
	    FITS(st, p->category, "议题类别") || FITS(st, p->grid, "网格") ||
	    FITS(st, p->building, "楼栋"))
		return -1;
	if (!db_valid_date(p->proposed_on))
		return db_fail(st, "提议日期不对：%s（应为 YYYY-MM-DD）", p->proposed_on);
	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st,
		"UPDATE proposal SET title = ?2, content = ?3, source = ?4, category = ?5, grid = ?6,"
		" building = ?7, proposed_on = ?8, updated_at = ?9 WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, p->id);
	db_bind_text(s, 2, p->title);
	db_bind_text(s, 3, p->content ? p->content : "");
	db_bind_text(s, 4, p->source);
	db_bind_text(s, 5, p->category);
	db_bind_text(s, 6, p->grid);
	db_bind_text(s, 7, p->building);
	db_bind_text(s, 8, p->proposed_on);
	db_bind_now(s, 9);
	if (db_run(st, s, "议题保存失败"))
		return db_tx_end(st, -1);
	if (sqlite3_changes(st->db) == 0)
		return db_tx_end(st, db_fail(st, "议题不存在"));
	/* the 提出 happened on the corrected date */
	s = db_stmt(st,
		"UPDATE proposal_event SET at = ?2 || substr(at, 11) WHERE proposal_id = ?1"
		" AND action = 1 AND substr(at, 1, 10) <> ?2");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, p->id);
	db_bind_text(s, 2, p->proposed_on);
	return db_tx_end(st, db_run(st, s, "议题保存失败"));
}

int store_proposal_set_proposers(struct store *st, const char *pid,
                                 const struct proposer *pp, int n)
{
	sqlite3_stmt *s;

	if (n < 1 || !pp)
		return db_fail(st, "议题至少要有一位提议人");
	for (int i = 0; i < n; i++)
		if (FITS(st, pp[i].person_id, "提议人编号") || FITS(st, pp[i].name, "提议人姓名"))
			return -1;
	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st, "DELETE FROM proposer WHERE proposal_id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, pid);
	if (db_run(st, s, "提议人保存失败"))
		return db_tx_end(st, -1);
	return db_tx_end(st, insert_proposers(st, pid, pp, n));
}

int store_proposal_sealed_meeting(struct store *st, const char *pid, char number[16])
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT m.number FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
		" JOIN seal s ON s.meeting_id = m.id WHERE a.proposal_id = ?1"
		" ORDER BY m.date, m.year, m.seq LIMIT 1");

	if (!s)
		return -1;
	db_bind_text(s, 1, pid);
	return db_read_one_text(st, s, number, 16, "会议编号");
}

int store_proposal_get(struct store *st, const char *id, struct proposal *p)
{
	return db_get(st, "SELECT " PROPOSAL_COLS " FROM proposal p WHERE p.id = ?1",
	       id, p, &proposal_row);
}

int store_proposal_get_number(struct store *st, const char *number, struct proposal *p)
{
	return db_get(st, "SELECT " PROPOSAL_COLS " FROM proposal p WHERE p.number = ?1",
	       number, p, &proposal_row);
}

static const struct db_col proposer_cols[] = {
	COL_T(struct proposer, person_id, "提议人编号"),
	COL_T(struct proposer, name, "提议人姓名"),
	COL_I(struct proposer, kind),
};
static const struct db_row proposer_row = DB_ROW(struct proposer, proposer_cols, NULL);

int store_proposal_proposers(struct store *st, const char *pid,
                             struct proposer *out, int max)
{
	return db_list(st,
		"SELECT person_id, name, kind FROM proposer WHERE proposal_id = ?1"
		" ORDER BY seq LIMIT ?2", pid, out, max, &proposer_row);
}

int store_proposal_page(struct store *st, int step, const char *after, int dir,
                        struct proposal *out, int max)
{
	sqlite3_stmt *s;
	int year, seq, n;

	if (step < 0 || step > STEP_MAX)
		return db_fail(st, "议题步骤不对：%d", step);
	if (max <= 0)
		return 0;
	if (db_parse_number(st, after, "-", "议题编号", "2026-018", &year, &seq))
		return -1;
	if (!after || !*after) {
		/* from the start, or from the end going backwards */
		year = dir >= 0 ? 0 : 10000;
		seq = 0;
	}
	if (step > 0)
		s = dir >= 0
			? db_stmt(st, "SELECT " PROPOSAL_PAGE_COLS " FROM proposal p"
			           " WHERE p.step = ?1 AND p.status = 0 AND (p.year, p.seq) > (?2, ?3)"
			           " ORDER BY p.year, p.seq LIMIT ?4")
			: db_stmt(st, "SELECT " PROPOSAL_PAGE_COLS " FROM proposal p"
			           " WHERE p.step = ?1 AND p.status = 0 AND (p.year, p.seq) < (?2, ?3)"
			           " ORDER BY p.year DESC, p.seq DESC LIMIT ?4");
	else
		/* ?1 unused: the 终止 column of every step (partial index) */
		s = dir >= 0
			? db_stmt(st, "SELECT " PROPOSAL_PAGE_COLS " FROM proposal p"
			           " WHERE p.status <> 0 AND (p.year, p.seq) > (?2, ?3)"
			           " ORDER BY p.year, p.seq LIMIT ?4")
			: db_stmt(st, "SELECT " PROPOSAL_PAGE_COLS " FROM proposal p"
			           " WHERE p.status <> 0 AND (p.year, p.seq) < (?2, ?3)"
			           " ORDER BY p.year DESC, p.seq DESC LIMIT ?4");
	if (!s)
		return -1;
	if (step > 0)
		db_bind_int(s, 1, step);
	db_bind_int(s, 2, year);
	db_bind_int(s, 3, seq);
	db_bind_int(s, 4, max);
	n = db_read_rows(st, s, out, max, &proposal_row);
	if (dir < 0 && n > 0)
		db_reverse(out, n, sizeof *out);
	return n;
}

struct category_row { char name[64]; };
static const struct db_col category_cols[] = {
	COL_T(struct category_row, name, "类别"),
};
static const struct db_row category_row = DB_ROW(struct category_row, category_cols, NULL);

int store_proposal_categories(struct store *st, char (*out)[64], int max)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT category FROM proposal WHERE category <> ''"
		" GROUP BY category ORDER BY COUNT(*) DESC, category LIMIT ?1");

	if (!s)
		return -1;
	db_bind_int(s, 1, max);
	return db_read_rows(st, s, out, max, &category_row);
}

int store_proposal_count(struct store *st, int step)
{
	sqlite3_stmt *s;
	long long n;

	if (step < 0 || step > STEP_MAX)
		return db_fail(st, "议题步骤不对：%d", step);
	if (step > 0) {
		s = db_stmt(st, "SELECT COUNT(*) FROM proposal WHERE step = ?1 AND status = 0");
		if (!s)
			return -1;
		db_bind_int(s, 1, step);
	} else {
		/* the planner would rather scan proposal_board, which
		 * covers every proposal; the partial index holds only these */
		s = db_stmt(st, "SELECT COUNT(*) FROM proposal INDEXED BY proposal_ended"
		             " WHERE status <> 0");
		if (!s)
			return -1;
	}
	if (db_query_int(st, s, &n))
		return -1;
	return (int)n;
}

int store_proposal_waiting(struct store *st, int step, struct proposal *out, int max)
{
	if (step < 1 || step > STEP_MAX)
		return db_fail(st, "议题步骤不对：%d", step);
	/* the board column read from its start is exactly that */
	return store_proposal_page(st, step, "", 1, out, max);
}

/* ---- proposal events ------------------------------------------------------- */

int store_proposal_transition(struct store *st, const char *pid, int action,
                              int new_step, int new_status,
                              const char *meeting_id, const char *agenda_id,
                              const char *vote_id, const char *reason, const char *at)
{
	char eid[ID_LEN], now[20];
	long long from, seq;
	sqlite3_stmt *s;
	int rc;

	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st, "SELECT step FROM proposal WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, pid);
	rc = db_query_int(st, s, &from);
	if (rc)
		return db_tx_end(st, rc < 0 ? -1 : db_fail(st, "议题不存在"));
	db_now_stamp(now);
	s = db_stmt(st, "UPDATE proposal SET step = ?2, status = ?3, updated_at = ?4 WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, pid);
	db_bind_int(s, 2, new_step);
	db_bind_int(s, 3, new_status);
	db_bind_text(s, 4, now);
	if (db_run(st, s, "议题流转保存失败"))
		return db_tx_end(st, -1);
	s = db_stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM proposal_event WHERE proposal_id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, pid);
	if (db_query_int(st, s, &seq))
		return db_tx_end(st, -1);
	db_new_id(eid);
	s = db_stmt(st,
		"INSERT INTO proposal_event(id, proposal_id, seq, at, action, from_step, to_step,"
		" status, meeting_id, agenda_id, vote_id, reason, recorded_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, eid);
	db_bind_text(s, 2, pid);
	db_bind_int(s, 3, seq);
	db_bind_text(s, 4, at && *at ? at : now);
	db_bind_int(s, 5, action);
	db_bind_int(s, 6, from);
	db_bind_int(s, 7, new_step);
	db_bind_int(s, 8, new_status);
	db_bind_ref(s, 9, meeting_id);
	db_bind_ref(s, 10, agenda_id);
	db_bind_ref(s, 11, vote_id);
	db_bind_ref(s, 12, reason);
	db_bind_text(s, 13, now);
	return db_tx_end(st, db_run(st, s, "议题流转保存失败"));
}

int store_proposal_moved_after(struct store *st, const char *pid, const char *stamp,
                               int *action, int *to_step)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT action, to_step FROM proposal_event WHERE proposal_id = ?1 AND recorded_at > ?2"
		" ORDER BY seq DESC LIMIT 1");
	int rc;

	if (!s)
		return -1;
	db_bind_text(s, 1, pid);
	db_bind_text(s, 2, stamp);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*action = sqlite3_column_int(s, 0);
		*to_step = sqlite3_column_int(s, 1);
		sqlite3_reset(s);
		return 0;
	}
	return db_step_end(st, s, rc) ? -1 : 1;
}

/* the date of the proposal's latest event: a meeting's is dated by the
 * meeting, the others by their own date (events written before migration
 * 0004 carry the moment they were typed, which was when they happened) */
int store_proposal_step_date(struct store *st, const char *pid, char out[11])
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT COALESCE(m.date, substr(e.at, 1, 10)) FROM proposal_event e"
		" LEFT JOIN meeting m ON m.id = e.meeting_id"
		" WHERE e.proposal_id = ?1 ORDER BY e.seq DESC LIMIT 1");

	if (!s)
		return -1;
	db_bind_text(s, 1, pid);
	return db_read_one_text(st, s, out, 11, "流转日期");
}

#define PEVENT_COLS "e.id, e.proposal_id, e.at, e.recorded_at, e.action, e.from_step, e.to_step, e.status," \
	" e.meeting_id, m.number, m.title, m.date, m.kind, e.agenda_id, e.vote_id, e.reason"

static const struct db_col pevent_cols[] = {
	COL_T(struct pevent, id, "流转记录编号"),
	COL_T(struct pevent, proposal_id, "议题编号"),
	COL_T(struct pevent, at, "流转时间"),
	COL_T(struct pevent, recorded_at, "录入时间"),
	COL_I(struct pevent, action),
	COL_I(struct pevent, from_step),
	COL_I(struct pevent, to_step),
	COL_I(struct pevent, status),
	COL_T(struct pevent, meeting_id, "会议编号"),
	COL_T(struct pevent, meeting_number, "会议编号"),
	COL_T(struct pevent, meeting_title, "会议名称"),
	COL_T(struct pevent, meeting_date, "会议日期"),
	COL_I(struct pevent, meeting_kind),
	COL_T(struct pevent, agenda_id, "议程编号"),
	COL_T(struct pevent, vote_id, "表决编号"),
	COL_D(struct pevent, reason),
};
static const struct db_row pevent_row = DB_ROW(struct pevent, pevent_cols, NULL);

void pevent_clear(struct pevent *e)
{
	db_clear_row(&pevent_row, e);
}

int store_proposal_events(struct store *st, const char *pid,
                          struct pevent *out, int max, int *total)
{
	sqlite3_stmt *s;
	long long n;

	if (total) {
		s = db_stmt(st, "SELECT COUNT(*) FROM proposal_event WHERE proposal_id = ?1");
		if (!s)
			return -1;
		db_bind_text(s, 1, pid);
		if (db_query_int(st, s, &n))
			return -1;
		*total = (int)n;
	}
	if (max <= 0)
		return 0;
	s = db_stmt(st,
		"SELECT " PEVENT_COLS
		" FROM proposal_event e LEFT JOIN meeting m ON m.id = e.meeting_id"
		" WHERE e.proposal_id = ?1 ORDER BY e.seq LIMIT ?2");
	if (!s)
		return -1;
	db_bind_text(s, 1, pid);
	db_bind_int(s, 2, max);
	return db_read_rows(st, s, out, max, &pevent_row);
}

int store_proposal_event_find(struct store *st, const char *pid, int action,
                              int to_step, struct pevent *e)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT " PEVENT_COLS
		" FROM proposal_event e LEFT JOIN meeting m ON m.id = e.meeting_id"
		" WHERE e.proposal_id = ?1 AND e.action = ?2 AND (?3 <= 0 OR e.to_step = ?3)"
		" ORDER BY e.seq DESC LIMIT 1");

	if (!s)
		return -1;
	db_bind_text(s, 1, pid);
	db_bind_int(s, 2, action);
	db_bind_int(s, 3, to_step);
	return db_read_one(st, s, e, &pevent_row);
}

int store_proposal_events_all(struct store *st, const char *pid, struct pevent **out)
{
	return db_all(st,
		"SELECT " PEVENT_COLS " FROM proposal_event e LEFT JOIN meeting m ON m.id = e.meeting_id"
		" WHERE e.proposal_id = ?1 ORDER BY e.seq",
		pid, (void **)out, &pevent_row);
}
