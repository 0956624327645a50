/* record.h: a meeting's whole record, read at once by one loader.  The
 * minutes (paper/), the seal's canonical text (ops/seal.c), the checks of
 * closing a meeting and the notices of a decision all read a meeting
 * through it, so that they can never disagree about what the record holds.
 * Everything comes from what the meeting stored at the time: the
 * attendance sheet's snapshots, the agenda titles, the votes' snapshots. */
#ifndef YS_RECORD_H
#define YS_RECORD_H

#include "store/store.h"

struct record_vote {
	struct vote v;
	struct ballot *ballots;      /* roll call: one per person, in order */
	int nballots;
	struct teller *tellers;      /* secret ballot: 监票人 then 计票人 */
	int ntellers;
};

struct record_item {
	struct agenda_item a;
	struct record_vote *votes;   /* every round, in order */
	int nvotes;
	int returned_to;             /* the step a 退回 of this item went back to; 0 */
};

/* the parts to read (the meeting itself and its seal are always read) */
enum {
	REC_ITEMS = 1 << 0,          /* agenda items, their votes and ballots */
	REC_ATTENDANCE = 1 << 1,     /* the sheet and its counts */
	REC_MINUTES = 1 << 2,
	REC_ADDENDA = 1 << 3,
	REC_ALL = 0xf,
};

struct meeting_record {
	struct meeting m;
	int sealed;
	struct seal seal;
	struct record_item *items;
	int nitems;
	struct attendance *att;      /* roster order, free observers after */
	int natt;
	struct attendance_counts counts;
	struct minute *minutes;
	int nminutes;
	struct addendum *addenda;
	int naddenda;
};

/* Read the meeting with that id and the parts asked for.  0, 1 when there
 * is no such meeting, -1 on error (store_errmsg).  Free with
 * record_free() whatever it returned. */
int store_record_load(struct store *st, const char *meeting_id, int parts,
                      struct meeting_record *r);
void record_free(struct meeting_record *r);

/* An agenda item's proposer and the steps it passed before meeting m, in
 * one line, as the notice of the meeting and the 议程 say it: 「提议人：
 * 张三；2026年10月12日两委联席会议商议通过；2026年10月22日党员大会审议通过」
 * ("" for an item without a proposal) */
void store_item_background(struct store *st, const struct meeting *m,
                           const struct agenda_item *a, char *buf, size_t len);

#endif
