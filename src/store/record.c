/* record.c: a meeting's whole record at once (see record.h).  Each part is
 * one query over the meeting's rows; votes and ballots are read for the
 * whole meeting and handed to their items in order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/record.h"
#include "store_int.h"

/* the step each 退回 taken at this meeting sent its item back to */
static int return_targets(struct store *st, struct meeting_record *r)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT e.agenda_id, e.to_step FROM proposal_event e"
		" JOIN agenda_item a ON a.id = e.agenda_id"
		" WHERE a.meeting_id = ?1 AND e.action = ?2 ORDER BY e.seq");
	int rc;

	if (!s)
		return -1;
	db_bind_text(s, 1, r->m.id);
	db_bind_int(s, 2, ACT_RETURN);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *aid = db_col_text(s, 0);
		for (int i = 0; i < r->nitems; i++)
			if (strcmp(r->items[i].a.id, aid) == 0)
				r->items[i].returned_to = db_col_int(s, 1);
	}
	return db_step_end(st, s, rc);
}

static int load_items(struct store *st, struct meeting_record *r)
{
	struct agenda_item *a = NULL;
	struct vote *v = NULL;
	struct ballot *b = NULL;
	struct teller *t = NULL;
	int na, nv, nb, nt, iv = 0, ib = 0, itl = 0;

	na = store_agenda_all(st, r->m.id, &a);
	if (na < 0)
		return -1;
	r->items = xcalloc(na > 0 ? (size_t)na : 1, sizeof *r->items);
	for (int i = 0; i < na; i++)
		r->items[i].a = a[i];           /* the reasons move with them */
	r->nitems = na;
	free(a);
	nv = store_vote_all(st, r->m.id, &v);
	if (nv < 0)
		return -1;
	nb = store_ballot_all(st, r->m.id, &b);
	if (nb < 0) {
		free(v);
		return -1;
	}
	nt = store_teller_all(st, r->m.id, &t);
	if (nt < 0) {
		free(v);
		free(b);
		return -1;
	}
	/* votes come by item and round, ballots by item, round and seq: one
	 * pass hands each its own */
	for (int i = 0; i < na; i++) {
		struct record_item *it = &r->items[i];
		int first = iv;
		while (iv < nv && strcmp(v[iv].agenda_id, it->a.id) == 0)
			iv++;
		it->nvotes = iv - first;
		it->votes = xcalloc(it->nvotes > 0 ? (size_t)it->nvotes : 1, sizeof *it->votes);
		for (int j = 0; j < it->nvotes; j++) {
			struct record_vote *rv = &it->votes[j];
			int fb = ib;
			rv->v = v[first + j];
			while (ib < nb && strcmp(b[ib].vote_id, rv->v.id) == 0)
				ib++;
			rv->nballots = ib - fb;
			rv->ballots = xcalloc(rv->nballots > 0 ? (size_t)rv->nballots : 1,
			                      sizeof *rv->ballots);
			if (rv->nballots > 0)
				memcpy(rv->ballots, b + fb, (size_t)rv->nballots * sizeof *b);
			int ft = itl;
			while (itl < nt && strcmp(t[itl].vote_id, rv->v.id) == 0)
				itl++;
			rv->ntellers = itl - ft;
			rv->tellers = xcalloc(rv->ntellers > 0 ? (size_t)rv->ntellers : 1,
			                      sizeof *rv->tellers);
			if (rv->ntellers > 0)
				memcpy(rv->tellers, t + ft, (size_t)rv->ntellers * sizeof *t);
		}
	}
	free(v);
	free(b);
	free(t);
	return return_targets(st, r);
}

int store_record_load(struct store *st, const char *meeting_id, int parts,
                      struct meeting_record *r)
{
	int rc;

	memset(r, 0, sizeof *r);
	rc = store_meeting_get(st, meeting_id ? meeting_id : "", &r->m);
	if (rc != 0)
		return rc;
	rc = store_seal_get(st, r->m.id, &r->seal);
	if (rc < 0)
		return -1;
	r->sealed = rc == 0;
	if ((parts & REC_ITEMS) && load_items(st, r) != 0)
		return -1;
	if (parts & REC_ATTENDANCE) {
		r->natt = store_attendance_all(st, r->m.id, &r->att);
		if (r->natt < 0 || store_attendance_counts(st, r->m.id, &r->counts) != 0) {
			r->natt = 0;
			return -1;
		}
	}
	if (parts & REC_MINUTES) {
		r->nminutes = store_minute_all(st, r->m.id, &r->minutes);
		if (r->nminutes < 0) {
			r->nminutes = 0;
			return -1;
		}
	}
	if (parts & REC_ADDENDA) {
		r->naddenda = store_addendum_all(st, r->m.id, &r->addenda);
		if (r->naddenda < 0) {
			r->naddenda = 0;
			return -1;
		}
	}
	return 0;
}

void record_free(struct meeting_record *r)
{
	if (!r)
		return;
	meeting_clear(&r->m);
	for (int i = 0; i < r->nitems; i++) {
		for (int j = 0; j < r->items[i].nvotes; j++) {
			free(r->items[i].votes[j].ballots);
			free(r->items[i].votes[j].tellers);
		}
		free(r->items[i].votes);
		agenda_clear(&r->items[i].a);
	}
	free(r->items);
	free(r->att);
	for (int i = 0; i < r->nminutes; i++)
		minute_clear(&r->minutes[i]);
	free(r->minutes);
	for (int i = 0; i < r->naddenda; i++)
		addendum_clear(&r->addenda[i]);
	free(r->addenda);
	memset(r, 0, sizeof *r);
}

/* ---- an item as a notice or an agenda says it ------------------------------ */

/* the proposer and the steps already passed before meeting m, in one
 * line: 「提议人：张三；2026年10月12日两委联席会议商议通过；2026年10月22日
 * 党员大会审议通过」 */
void store_item_background(struct store *st, const struct meeting *m,
                           const struct agenda_item *a, char *buf, size_t len)
{
	struct proposer pp[16];
	struct pevent *ev = NULL;
	struct strbuf sb = {0};
	int npp, nev;

	buf[0] = '\0';
	if (!a->proposal_id[0])
		return;
	npp = store_proposal_proposers(st, a->proposal_id, pp, (int)YS_ARRAY_LEN(pp));
	for (int i = 0; i < npp; i++)
		sb_addf(&sb, "%s%s", i ? "、" : "提议人：", pp[i].name);
	nev = store_proposal_events_all(st, a->proposal_id, &ev);
	for (int i = 0; i < nev; i++) {
		if (ev[i].action == ACT_FORWARD && ev[i].meeting_id[0] &&
		    strcmp(ev[i].meeting_id, m->id) != 0 && strcmp(ev[i].meeting_date, m->date) <= 0) {
			const struct meeting_kind_def *k = meeting_kind_get(ev[i].meeting_kind);
			char day[32];
			ys_cn_date_any(ev[i].meeting_date[0] ? ev[i].meeting_date : ev[i].at, day);
			sb_addf(&sb, "%s%s%s%s通过", sb.len ? "；" : "", day, k ? k->name : "会议",
			        step_name(ev[i].to_step));
		}
		pevent_clear(&ev[i]);
	}
	free(ev);
	snprintf(buf, len, "%s", sb.s ? sb.s : "");
	sb_free(&sb);
}
