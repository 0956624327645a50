/* minutes.c: the lines of a meeting's minutes (发言记录). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ---- minutes --------------------------------------------------------------- */

#define MINUTE_COLS "id, meeting_id, seq, at, speaker_id, speaker, agenda_id, text"

static const struct db_col minute_cols[] = {
	COL_T(struct minute, id, "记录编号"),
	COL_T(struct minute, meeting_id, "会议编号"),
	COL_I(struct minute, seq),
	COL_T(struct minute, at, "发言时间"),
	COL_T(struct minute, speaker_id, "发言人编号"),
	COL_T(struct minute, speaker, "发言人"),
	COL_T(struct minute, agenda_id, "议程编号"),
	COL_S(struct minute, text),
};
static const struct db_row minute_row = DB_ROW(struct minute, minute_cols, NULL);

void minute_clear(struct minute *m)
{
	db_clear_row(&minute_row, m);
}

static int minute_fits(struct store *st, const struct minute *m)
{
	return FITS(st, m->meeting_id, "会议编号") || FITS(st, m->at, "发言时间") ||
	       FITS(st, m->speaker_id, "发言人编号") || FITS(st, m->speaker, "发言人") ||
	       FITS(st, m->agenda_id, "议程编号") ? -1 : 0;
}

/* the lines from seq on moved by d (+1 to make room, -1 to close a gap):
 * through numbers far above any real one, so that UNIQUE(meeting_id, seq)
 * holds at every row */
#define SEQ_AWAY 1000000000

static int shift_from(struct store *st, const char *meeting_id, int seq, int d)
{
	sqlite3_stmt *s = db_stmt(st,
		"UPDATE minute SET seq = seq + ?3 WHERE meeting_id = ?1 AND seq >= ?2");

	if (!s)
		return -1;
	db_bind_text(s, 1, meeting_id);
	db_bind_int(s, 2, seq);
	db_bind_int(s, 3, SEQ_AWAY);
	if (db_run(st, s, "会议记录保存失败"))
		return -1;
	s = db_stmt(st,
		"UPDATE minute SET seq = seq - ?2 + ?3 WHERE meeting_id = ?1 AND seq >= ?2");
	if (!s)
		return -1;
	db_bind_text(s, 1, meeting_id);
	db_bind_int(s, 2, SEQ_AWAY);
	db_bind_int(s, 3, d);
	return db_run(st, s, "会议记录保存失败");
}

int store_minute_add(struct store *st, struct minute *m)
{
	return store_minute_insert(st, m, 0);
}

int store_minute_insert(struct store *st, struct minute *m, int before)
{
	char id[ID_LEN], now[20];
	long long seq;
	sqlite3_stmt *s;

	if (minute_fits(st, m))
		return -1;
	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM minute WHERE meeting_id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, m->meeting_id);
	if (db_query_int(st, s, &seq))
		return db_tx_end(st, -1);
	if (before > 0 && before < seq) {
		if (shift_from(st, m->meeting_id, before, 1))
			return db_tx_end(st, -1);
		seq = before;
	}
	db_new_id(id);
	db_now_stamp(now);
	s = db_stmt(st,
		"INSERT INTO minute(id, meeting_id, seq, at, speaker_id, speaker, agenda_id, text,"
		" created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, m->meeting_id);
	db_bind_int(s, 3, seq);
	db_bind_text(s, 4, m->at);
	db_bind_ref(s, 5, m->speaker_id);
	db_bind_text(s, 6, m->speaker);
	db_bind_ref(s, 7, m->agenda_id);
	db_bind_text(s, 8, m->text ? m->text : "");
	db_bind_text(s, 9, now);
	if (db_tx_end(st, db_run(st, s, "会议记录保存失败")))
		return -1;
	memcpy(m->id, id, sizeof m->id);
	m->seq = (int)seq;
	return 0;
}

int store_minute_delete(struct store *st, const struct minute *m)
{
	sqlite3_stmt *s;

	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st, "DELETE FROM minute WHERE id = ?1 AND meeting_id = ?2");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, m->id);
	db_bind_text(s, 2, m->meeting_id);
	if (db_run(st, s, "会议记录删除失败"))
		return db_tx_end(st, -1);
	if (sqlite3_changes(st->db) == 0)
		return db_tx_end(st, db_fail(st, "会议记录不存在"));
	return db_tx_end(st, shift_from(st, m->meeting_id, m->seq + 1, -1));
}

int store_minute_update(struct store *st, const struct minute *m)
{
	sqlite3_stmt *s;

	if (minute_fits(st, m) || FITS(st, m->id, "记录编号"))
		return -1;
	s = db_write(st,
		"UPDATE minute SET at = ?2, speaker_id = ?3, speaker = ?4, agenda_id = ?5, text = ?6,"
		" updated_at = ?7 WHERE id = ?1");
	if (!s)
		return -1;
	db_bind_text(s, 1, m->id);
	db_bind_text(s, 2, m->at);
	db_bind_ref(s, 3, m->speaker_id);
	db_bind_text(s, 4, m->speaker);
	db_bind_ref(s, 5, m->agenda_id);
	db_bind_text(s, 6, m->text ? m->text : "");
	db_bind_now(s, 7);
	return db_write_end(st, s, "会议记录保存失败", "会议记录不存在");
}

int store_minute_get(struct store *st, const char *id, struct minute *m)
{
	return db_get(st, "SELECT " MINUTE_COLS " FROM minute WHERE id = ?1",
	       id, m, &minute_row);
}

int store_minute_page(struct store *st, const char *meeting_id, int after,
                      int dir, struct minute *out, int max)
{
	sqlite3_stmt *s;
	int n;

	if (max <= 0)
		return 0;
	s = dir >= 0
		? db_stmt(st, "SELECT " MINUTE_COLS " FROM minute WHERE meeting_id = ?1 AND seq > ?2"
		           " ORDER BY seq LIMIT ?3")
		: db_stmt(st, "SELECT " MINUTE_COLS " FROM minute WHERE meeting_id = ?1 AND seq < ?2"
		           " ORDER BY seq DESC LIMIT ?3");
	if (!s)
		return -1;
	db_bind_text(s, 1, meeting_id);
	db_bind_int(s, 2, after);
	db_bind_int(s, 3, max);
	n = db_read_rows(st, s, out, max, &minute_row);
	if (dir < 0 && n > 0)
		db_reverse(out, n, sizeof *out);
	return n;
}

int store_minute_count(struct store *st, const char *meeting_id)
{
	return db_count(st, "SELECT COUNT(*) FROM minute WHERE meeting_id = ?1", meeting_id);
}

int store_minute_all(struct store *st, const char *meeting_id, struct minute **out)
{
	return db_all(st,
		"SELECT " MINUTE_COLS " FROM minute WHERE meeting_id = ?1 ORDER BY seq",
		meeting_id, (void **)out, &minute_row);
}
