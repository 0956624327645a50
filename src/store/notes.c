/* notes.c: 书记手记 (note, note_link) and 大事记 (chronicle_entry, the
 * lines left out in chronicle_hidden, and the year's generated lines read
 * from the meetings, the proposal events and the notices). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ---- 书记手记 ---- */

static const struct db_col link_cols[] = {
	COL_T(struct note_link, meeting_id, "会议编号"),
	COL_T(struct note_link, proposal_id, "议题编号"),
	COL_T(struct note_link, number, "编号"),
	COL_T(struct note_link, title, "标题"),
	COL_T(struct note_link, date, "日期"),
};
static const struct db_row link_row = DB_ROW(struct note_link, link_cols, NULL);

static int links_after(struct store *st, void *dst)
{
	struct note *n = dst;
	sqlite3_stmt *s = db_stmt(st,
		"SELECT COALESCE(l.meeting_id, ''), COALESCE(l.proposal_id, ''),"
		" COALESCE(m.number, p.number, ''), COALESCE(m.title, p.title, ''),"
		" COALESCE(m.date, substr(p.created_at, 1, 10), '')"
		" FROM note_link l LEFT JOIN meeting m ON m.id = l.meeting_id"
		" LEFT JOIN proposal p ON p.id = l.proposal_id"
		" WHERE l.note_id = ?1 ORDER BY l.seq LIMIT ?2");
	int k;

	if (!s)
		return -1;
	db_bind_text(s, 1, n->id);
	db_bind_int(s, 2, NOTE_MAX_LINKS);
	k = db_read_rows(st, s, n->links, NOTE_MAX_LINKS, &link_row);
	if (k < 0)
		return -1;
	n->nlinks = k;
	return 0;
}

static const struct db_col note_cols[] = {
	COL_T(struct note, id, "手记编号"),
	COL_T(struct note, date, "手记日期"),
	COL_T(struct note, title, "手记标题"),
	COL_S(struct note, body),
	COL_T(struct note, author_id, "作者"),
	COL_T(struct note, author, "作者"),
	COL_T(struct note, created_at, "录入时间"),
	COL_T(struct note, updated_at, "修改时间"),
};
static const struct db_row note_row = DB_ROW(struct note, note_cols, links_after);

#define NOTE_COLS "id, date, title, body, COALESCE(author_id, ''), author, created_at, updated_at"

void note_clear(struct note *n)
{
	db_clear_row(&note_row, n);
}

static int note_fits(struct store *st, const struct note *n)
{
	if (FITS(st, n->date, "手记日期") || FITS(st, n->title, "手记标题") ||
	    FITS(st, n->author_id, "作者") || FITS(st, n->author, "作者"))
		return -1;
	if (!db_valid_date(n->date))
		return db_fail(st, "手记日期不对：%s（应为 YYYY-MM-DD）", n->date);
	if (n->nlinks < 0 || n->nlinks > NOTE_MAX_LINKS)
		return db_fail(st, "一篇手记最多关联 %d 项会议或议题", NOTE_MAX_LINKS);
	for (int i = 0; i < n->nlinks; i++)
		if (!n->links[i].meeting_id[0] == !n->links[i].proposal_id[0])
			return db_fail(st, "手记关联须是一次会议或一个议题");
	return 0;
}

/* the links of note id replaced by n's, inside the caller's transaction */
static int links_write(struct store *st, const char *id, const struct note *n)
{
	sqlite3_stmt *s = db_stmt(st, "DELETE FROM note_link WHERE note_id = ?1");
	char lid[ID_LEN];

	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	if (db_run(st, s, "手记关联保存失败"))
		return -1;
	for (int i = 0; i < n->nlinks; i++) {
		s = db_stmt(st, "INSERT INTO note_link(id, note_id, seq, meeting_id, proposal_id)"
		                " VALUES (?1, ?2, ?3, NULLIF(?4, ''), NULLIF(?5, ''))");
		if (!s)
			return -1;
		db_new_id(lid);
		db_bind_text(s, 1, lid);
		db_bind_text(s, 2, id);
		db_bind_int(s, 3, i + 1);
		db_bind_text(s, 4, n->links[i].meeting_id);
		db_bind_text(s, 5, n->links[i].proposal_id);
		if (db_run(st, s, "手记关联保存失败"))
			return -1;
	}
	return 0;
}

int store_note_add(struct store *st, struct note *n)
{
	char id[ID_LEN], now[20];
	sqlite3_stmt *s;

	if (note_fits(st, n))
		return -1;
	if (db_tx_begin(st))
		return -1;
	db_new_id(id);
	db_now_stamp(now);
	s = db_stmt(st, "INSERT INTO note(id, date, title, body, author_id, author, created_at,"
	                " updated_at) VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''), ?6, ?7, ?7)");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, n->date);
	db_bind_text(s, 3, n->title);
	db_bind_text(s, 4, n->body ? n->body : "");
	db_bind_text(s, 5, n->author_id);
	db_bind_text(s, 6, n->author);
	db_bind_text(s, 7, now);
	if (db_run(st, s, "手记保存失败") || links_write(st, id, n))
		return db_tx_end(st, -1);
	if (db_tx_end(st, 0))
		return -1;
	memcpy(n->id, id, sizeof n->id);
	memcpy(n->created_at, now, sizeof now);
	memcpy(n->updated_at, now, sizeof now);
	return 0;
}

int store_note_update(struct store *st, const struct note *n)
{
	sqlite3_stmt *s;

	if (note_fits(st, n))
		return -1;
	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st, "UPDATE note SET date = ?2, title = ?3, body = ?4,"
	                " author_id = NULLIF(?5, ''), author = ?6, updated_at = ?7 WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, n->id);
	db_bind_text(s, 2, n->date);
	db_bind_text(s, 3, n->title);
	db_bind_text(s, 4, n->body ? n->body : "");
	db_bind_text(s, 5, n->author_id);
	db_bind_text(s, 6, n->author);
	db_bind_now(s, 7);
	if (db_run(st, s, "手记保存失败"))
		return db_tx_end(st, -1);
	if (sqlite3_changes(st->db) == 0)
		return db_tx_end(st, db_fail(st, "手记不存在（可能已被删除）"));
	return db_tx_end(st, links_write(st, n->id, n));
}

int store_note_delete(struct store *st, const char *id)
{
	sqlite3_stmt *s;

	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st, "DELETE FROM note_link WHERE note_id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, id);
	if (db_run(st, s, "手记删除失败"))
		return db_tx_end(st, -1);
	s = db_stmt(st, "DELETE FROM note WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, id);
	return db_write_end(st, s, "手记删除失败", "手记不存在（可能已被删除）");
}

int store_note_get(struct store *st, const char *id, struct note *n)
{
	return db_get(st, "SELECT " NOTE_COLS " FROM note WHERE id = ?1", id, n, &note_row);
}

/* ?1 .. ?2: the first days of the year and of the next */
static void bind_year(sqlite3_stmt *s, int year)
{
	char from[24], to[24];

	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-01-01", year + 1);
	db_bind_text(s, 1, from);
	db_bind_text(s, 2, to);
}

int store_note_year(struct store *st, int year, struct note **out)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT " NOTE_COLS " FROM note"
	                          " WHERE date >= ?1 AND date < ?2 ORDER BY date, created_at, id");

	*out = NULL;
	if (!s)
		return -1;
	bind_year(s, year);
	return db_read_all(st, s, (void **)out, &note_row);
}

/* ---- the people a note is by ---- */

int store_party_secretary(struct store *st, struct person *p)
{
	char id[ID_LEN] = "";
	sqlite3_stmt *s = db_stmt(st,
		"SELECT id FROM person WHERE active = 1 AND post LIKE '%书记%'"
		" AND post NOT LIKE '%副书记%' AND (post LIKE '%党委书记%' OR post LIKE '%党支部书记%'"
		" OR post LIKE '%党总支书记%' OR post LIKE '%党组织书记%') ORDER BY no LIMIT 1");
	int rc;

	memset(p, 0, sizeof *p);
	if (!s)
		return -1;
	rc = db_read_one_text(st, s, id, sizeof id, "人员编号");
	if (rc != 0)
		return rc;
	return store_person_get(st, id, p);
}

/* ---- 大事记: the clerk's lines ---- */

static const struct db_col entry_cols[] = {
	COL_T(struct chron_entry, id, "大事记编号"),
	COL_T(struct chron_entry, date, "大事记日期"),
	COL_S(struct chron_entry, text),
};
static const struct db_row entry_row = DB_ROW(struct chron_entry, entry_cols, NULL);

void chron_entry_clear(struct chron_entry *e)
{
	db_clear_row(&entry_row, e);
}

static int entry_fits(struct store *st, const struct chron_entry *e)
{
	if (FITS(st, e->date, "大事记日期"))
		return -1;
	if (!db_valid_date(e->date))
		return db_fail(st, "大事记日期不对：%s（应为 YYYY-MM-DD）", e->date);
	return 0;
}

int store_chron_add(struct store *st, struct chron_entry *e)
{
	char id[ID_LEN];
	sqlite3_stmt *s;

	if (entry_fits(st, e))
		return -1;
	db_new_id(id);
	s = db_write(st, "INSERT INTO chronicle_entry(id, date, text, created_at, updated_at)"
	                 " VALUES (?1, ?2, ?3, ?4, ?4)");
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, e->date);
	db_bind_text(s, 3, e->text ? e->text : "");
	db_bind_now(s, 4);
	if (db_write_end(st, s, "大事记保存失败", NULL))
		return -1;
	memcpy(e->id, id, sizeof e->id);
	return 0;
}

int store_chron_update(struct store *st, const struct chron_entry *e)
{
	sqlite3_stmt *s;

	if (entry_fits(st, e))
		return -1;
	s = db_write(st, "UPDATE chronicle_entry SET date = ?2, text = ?3, updated_at = ?4 WHERE id = ?1");
	if (!s)
		return -1;
	db_bind_text(s, 1, e->id);
	db_bind_text(s, 2, e->date);
	db_bind_text(s, 3, e->text ? e->text : "");
	db_bind_now(s, 4);
	return db_write_end(st, s, "大事记保存失败", "大事记条目不存在（可能已被删除）");
}

int store_chron_delete(struct store *st, const char *id)
{
	sqlite3_stmt *s = db_write(st, "DELETE FROM chronicle_entry WHERE id = ?1");

	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	return db_write_end(st, s, "大事记删除失败", "大事记条目不存在（可能已被删除）");
}

int store_chron_get(struct store *st, const char *id, struct chron_entry *e)
{
	return db_get(st, "SELECT id, date, text FROM chronicle_entry WHERE id = ?1", id, e,
	              &entry_row);
}

/* ---- 大事记: the year's lines ---- */

static const char *const kind_keys[CK_COUNT] = {
	[CK_MEETING] = "meeting", [CK_DECISION] = "decision", [CK_NOTICE] = "notice",
	[CK_ARCHIVE] = "archive",
};

const char *chron_kind_key(int kind)
{
	return kind > 0 && kind < CK_COUNT ? kind_keys[kind] : NULL;
}

static const struct db_col item_cols[] = {
	COL_I(struct chron_item, kind),
	COL_T(struct chron_item, ref_id, "编号"),
	COL_T(struct chron_item, date, "日期"),
	COL_I(struct chron_item, hidden),
	COL_T(struct chron_item, number, "编号"),
	COL_T(struct chron_item, title, "标题"),
	COL_I(struct chron_item, sub),
	COL_I(struct chron_item, a), COL_I(struct chron_item, b), COL_I(struct chron_item, c),
	COL_I(struct chron_item, has_vote),
	COL_T(struct chron_item, where, "会议名称"),
	COL_R(struct chron_item, proposal_id, "议题编号"),
	COL_D(struct chron_item, text),
};
static const struct db_row item_row = DB_ROW(struct chron_item, item_cols, NULL);

void chron_item_clear(struct chron_item *it)
{
	db_clear_row(&item_row, it);
}

/* One statement: each kind of line is a SELECT of the same columns, kind
 * as a number (the order of a day's lines) and hidden from
 * chronicle_hidden.  A meeting is held once it was opened (开会) and not
 * cancelled; a decision is the event that took a matter to 决议 (with the
 * vote that carried it) or refused it at a meeting (不予采纳); its date is
 * the meeting's. */
/* the numbers written into the statement below */
_Static_assert(CK_MEETING == 1 && CK_DECISION == 2 && CK_NOTICE == 3 && CK_ARCHIVE == 4 &&
               CK_HAND == 5, "chron_kind in chronicle_sql");
_Static_assert(ATT_PRESENT == 1 && ACT_FORWARD == 2 && STEP_RESOLVE == 4 && ACT_REJECT == 4 &&
               ACT_ARCHIVE == 9 && NK_DECISION == 1 && NK_RESULT == 2, "enums in chronicle_sql");
#define HIDDEN(k, ref) " EXISTS (SELECT 1 FROM chronicle_hidden h WHERE h.kind = '" k \
	"' AND h.ref_id = " ref ")"
static const char chronicle_sql[] =
	"SELECT * FROM ("
	" SELECT 1 AS k, m.id, m.date AS d," HIDDEN("meeting", "m.id") ","
	"  m.number AS num, m.title, m.kind,"
	"  (SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = m.id AND a.entitled = 1),"
	"  (SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = m.id AND a.entitled = 1"
	"   AND a.status = 1), 0, 0, '', '', NULL"
	" FROM meeting m WHERE m.date >= ?1 AND m.date < ?2 AND m.status IN (1, 2)"
	"  AND m.held_start <> ''"
	" UNION ALL"
	" SELECT 2, e.id, COALESCE(m.date, substr(e.at, 1, 10)),"
	HIDDEN("decision", "e.id") ", p.number, p.title, e.action,"
	"  COALESCE(v.yes, 0), COALESCE(v.no, 0), COALESCE(v.abstain, 0), v.id IS NOT NULL,"
	"  COALESCE(m.title, ''), p.id, NULL"
	" FROM proposal_event e JOIN proposal p ON p.id = e.proposal_id"
	" LEFT JOIN meeting m ON m.id = e.meeting_id LEFT JOIN vote v ON v.id = e.vote_id"
	" WHERE ((e.action = 2 AND e.to_step = 4)"
	"  OR (e.action = 4 AND e.meeting_id IS NOT NULL))"
	"  AND COALESCE(m.date, substr(e.at, 1, 10)) >= ?1"
	"  AND COALESCE(m.date, substr(e.at, 1, 10)) < ?2"
	" UNION ALL"
	" SELECT 3, n.id, n.start_date," HIDDEN("notice", "n.id") ","
	"  n.doc_no, n.title, n.kind, 0, 0, 0, 0, COALESCE(p.number, ''), COALESCE(p.id, ''), NULL"
	" FROM notice n LEFT JOIN proposal p ON p.id = n.proposal_id"
	" WHERE n.kind IN (1, 2) AND n.start_date >= ?1 AND n.start_date < ?2"
	" UNION ALL"
	" SELECT 4, e.id, substr(e.at, 1, 10)," HIDDEN("archive", "e.id") ","
	"  p.number, p.title, e.action, 0, 0, 0, 0, '', p.id, NULL"
	" FROM proposal_event e JOIN proposal p ON p.id = e.proposal_id"
	" WHERE e.action = 9 AND e.at >= ?1 AND e.at < ?2"
	" UNION ALL"
	" SELECT 5, c.id, c.date, 0, '', '', 0, 0, 0, 0, 0, '', '', c.text"
	" FROM chronicle_entry c WHERE c.date >= ?1 AND c.date < ?2"
	") ORDER BY d, k, num, 2";

int store_chronicle_year(struct store *st, int year, struct chron_item **out)
{
	sqlite3_stmt *s = db_stmt(st, chronicle_sql);

	*out = NULL;
	if (!s)
		return -1;
	bind_year(s, year);
	return db_read_all(st, s, (void **)out, &item_row);
}

int store_chron_hide(struct store *st, int kind, const char *ref_id, int hide)
{
	const char *key = chron_kind_key(kind);
	sqlite3_stmt *s;

	if (!key)
		return db_fail(st, "只有从会议、决议、公示、归档生成的大事记条目可以隐藏");
	if (strlen(ref_id) != ID_LEN - 1)
		return db_fail(st, "大事记条目的编号不对");
	s = db_write(st, hide ? "INSERT OR IGNORE INTO chronicle_hidden(kind, ref_id, hidden_at)"
	                        " VALUES (?1, ?2, ?3)"
	                      : "DELETE FROM chronicle_hidden WHERE kind = ?1 AND ref_id = ?2");
	if (!s)
		return -1;
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, ref_id);
	if (hide)
		db_bind_now(s, 3);
	return db_write_end(st, s, "大事记保存失败", NULL);
}

int store_record_years(struct store *st, int *years, int max)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT DISTINCT y FROM (SELECT CAST(substr(date, 1, 4) AS INTEGER) AS y FROM note"
		" UNION SELECT CAST(substr(date, 1, 4) AS INTEGER) FROM chronicle_entry"
		" UNION SELECT year FROM meeting) ORDER BY y DESC LIMIT ?1");
	int n = 0, rc;

	if (!s)
		return -1;
	db_bind_int(s, 1, max);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < max)
		years[n++] = sqlite3_column_int(s, 0);
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	return db_step_end(st, s, rc) ? -1 : n;
}

int store_link_choices(struct store *st, int meetings, const struct note *keep,
                       struct note_link *out, int max)
{
	struct note_link *more;
	sqlite3_stmt *s;
	int n = 0, k;

	for (int i = 0; keep && i < keep->nlinks && n < max; i++)
		if (!!keep->links[i].meeting_id[0] == !!meetings)
			out[n++] = keep->links[i];
	if (n >= max)
		return n;
	s = db_stmt(st, meetings
		? "SELECT id, '', number, title, date FROM meeting WHERE status <> 3"
		  " ORDER BY date DESC, year DESC, seq DESC LIMIT ?1"
		: "SELECT '', id, number, title, substr(created_at, 1, 10) FROM proposal"
		  " ORDER BY year DESC, seq DESC LIMIT ?1");
	if (!s)
		return -1;
	more = xcalloc((size_t)max, sizeof *more);
	db_bind_int(s, 1, max);
	k = db_read_rows(st, s, more, max, &link_row);
	for (int i = 0; i < k && n < max; i++) {
		int dup = 0;
		for (int j = 0; j < n && !dup; j++)
			dup = strcmp(out[j].meeting_id, more[i].meeting_id) == 0 &&
			      strcmp(out[j].proposal_id, more[i].proposal_id) == 0;
		if (!dup)
			out[n++] = more[i];
	}
	free(more);
	return k < 0 ? -1 : n;
}
