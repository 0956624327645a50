/* stats.c: the raw facts of a period for the statistics (model/stats.c
 * counts them).  A report reads the whole period once: the meetings held,
 * every matter's events up to the period's end, the 民情日记. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "model/diary.h"
#include "model/stats.h"

static int meetings(struct store *st, struct stats_raw *r)
{
	sqlite3_stmt *s;
	int rc, cap = 0;

	/* 应到/实到 as the minutes count them (store_attendance_counts);
	 * 形成决定: an item closed with its 决定事项 (协商意见) written */
	s = db_stmt(st,
		"SELECT m.kind, m.date,"
		" (SELECT COALESCE(SUM(a.entitled), 0) FROM attendance a WHERE a.meeting_id = m.id),"
		" (SELECT COALESCE(SUM(a.entitled = 1 AND a.status = 1), 0) FROM attendance a"
		"   WHERE a.meeting_id = m.id),"
		" (SELECT COUNT(*) FROM agenda_item i WHERE i.meeting_id = m.id),"
		" (SELECT COUNT(*) FROM agenda_item i WHERE i.meeting_id = m.id"
		"   AND i.outcome <> 0 AND trim(i.decision) <> '')"
		" FROM meeting m WHERE m.status = 2 AND m.date BETWEEN ?1 AND ?2"
		" ORDER BY m.date, m.year, m.seq");
	if (!s)
		return -1;
	db_bind_text(s, 1, r->from);
	db_bind_text(s, 2, r->to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct stat_meeting *m;

		if (r->nmeeting == cap) {
			cap = cap ? cap * 2 : 32;
			r->meeting = xrealloc(r->meeting, (size_t)cap * sizeof *r->meeting);
		}
		m = &r->meeting[r->nmeeting++];
		memset(m, 0, sizeof *m);
		m->kind = db_col_int(s, 0);
		ys_strlcpy(m->date, db_col_text(s, 1), sizeof m->date);
		m->entitled = db_col_int(s, 2);
		m->present = db_col_int(s, 3);
		m->items = db_col_int(s, 4);
		m->agreed = db_col_int(s, 5);
	}
	return db_step_end(st, s, rc);
}

static int matters(struct store *st, struct stats_raw *r)
{
	sqlite3_stmt *s;
	int rc, cap = 0, evcap = 0;
	char last[ID_LEN] = "";

	s = db_stmt(st,
		"SELECT p.id, p.category, substr(e.at, 1, 10), e.action, e.to_step, e.status"
		" FROM proposal p JOIN proposal_event e ON e.proposal_id = p.id"
		" WHERE substr(e.at, 1, 10) <= ?1"
		" ORDER BY p.year, p.seq, e.seq");
	if (!s)
		return -1;
	db_bind_text(s, 1, r->to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct stat_matter *m;
		struct stat_event *e;

		if (strcmp(last, db_col_text(s, 0)) != 0) {
			if (r->nmatter == cap) {
				cap = cap ? cap * 2 : 32;
				r->matter = xrealloc(r->matter, (size_t)cap * sizeof *r->matter);
			}
			m = &r->matter[r->nmatter++];
			memset(m, 0, sizeof *m);
			ys_strlcpy(m->category, db_col_text(s, 1), sizeof m->category);
			ys_strlcpy(last, db_col_text(s, 0), sizeof last);
			evcap = 0;
		}
		m = &r->matter[r->nmatter - 1];
		if (m->nev == evcap) {
			evcap = evcap ? evcap * 2 : 8;
			m->ev = xrealloc(m->ev, (size_t)evcap * sizeof *m->ev);
		}
		e = &m->ev[m->nev++];
		ys_strlcpy(e->date, db_col_text(s, 2), sizeof e->date);
		e->action = db_col_int(s, 3);
		e->to_step = db_col_int(s, 4);
		e->status = db_col_int(s, 5);
	}
	return db_step_end(st, s, rc);
}

/* the 民情日记 raised up to the end: when its reply is due comes from its
 * urgency (model/diary.c), as the diary's own list says 逾期 */
static int concerns(struct store *st, struct stats_raw *r)
{
	sqlite3_stmt *s;
	int rc, cap = 0;

	r->has_concerns = 1;
	s = db_stmt(st,
		"SELECT raised_on, category, urgency, replied_on, proposal_id IS NOT NULL FROM diary"
		" WHERE raised_on <= ?1 ORDER BY raised_on, number");
	if (!s)
		return -1;
	db_bind_text(s, 1, r->to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct stat_concern *c;

		if (r->nconcern == cap) {
			cap = cap ? cap * 2 : 64;
			r->concern = xrealloc(r->concern, (size_t)cap * sizeof *r->concern);
		}
		c = &r->concern[r->nconcern++];
		memset(c, 0, sizeof *c);
		ys_strlcpy(c->date, db_col_text(s, 0), sizeof c->date);
		ys_strlcpy(c->category, db_col_text(s, 1), sizeof c->category);
		if (diary_due_date(c->date, db_col_int(s, 2), c->due) != 0)
			c->due[0] = '\0';
		ys_strlcpy(c->answered, db_col_text(s, 3), sizeof c->answered);
		c->to_proposal = db_col_int(s, 4);
	}
	return db_step_end(st, s, rc);
}

int store_stats_raw(struct store *st, struct stats_raw *raw)
{
	if (meetings(st, raw) || matters(st, raw) || concerns(st, raw)) {
		stats_raw_free(raw);
		return -1;
	}
	return 0;
}

int store_stats(struct store *st, const char *from, const char *to, const char *today,
                struct stats_report *rep)
{
	struct stats_raw raw = {0};

	ys_strlcpy(raw.from, from, sizeof raw.from);
	ys_strlcpy(raw.to, to, sizeof raw.to);
	if (store_stats_raw(st, &raw))
		return -1;
	stats_build(&raw, today, rep);
	stats_raw_free(&raw);
	return 0;
}
