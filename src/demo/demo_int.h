/* demo_int.h: what the files of src/demo/ share — the TSV tables and name
 * lists read from data/demo/, and the replay's state.  Private to the demo:
 * nothing outside src/demo/ includes it.
 *
 *   tsv.c     TSV files and "甲、乙（理由）" lists
 *   read.c    each data file read and checked into struct demo, its events
 *             queued
 *   replay.c  the events run in order through the ops layer
 *   demo.c    demo_write: the file, one batch, errors */
#ifndef YS_DEMO_INT_H
#define YS_DEMO_INT_H

#include <stddef.h>
#include <time.h>

#include "store/store.h"

#define DEMO_DIR "data/demo/"

/* ---- TSV (tsv.c) --------------------------------------------------------- */

struct tsv_row {
	int line;                /* 1-based line in the file */
	int n;                   /* fields present (<= ncols) */
	char **f;
};

struct tsv {
	const char *file;        /* "data/demo/people.tsv" */
	char *buf;               /* the file's copy; fields point into it */
	char **head;
	int ncols;
	struct tsv_row *rows;
	int nrows;
};

/* lists: "甲、乙（理由）、丙" */
struct strlist {
	char *buf;
	char **v;
	int n;
};

struct demo;

int tsv_load(struct demo *d, struct tsv *t, const char *file);
void tsv_free(struct tsv *t);
/* the columns a reader needs, by name, into idx[] */
int tsv_cols(struct demo *d, const struct tsv *t, const char *const *names,
             int *idx, int n);
/* a field; a row may leave trailing empty fields out */
const char *fld(const struct tsv *t, int r, int col);
/* split at 、 outside parentheses (a reason may contain 、) */
void strlist_split(struct strlist *l, const char *s);
void strlist_free(struct strlist *l);
/* "姓名（理由）" -> name and inner text (both cut in place) */
void split_paren(char *item, char **name, char **inner);

/* ---- the replay's state -------------------------------------------------- */

enum ev_type {                   /* order of events at the same moment */
	EV_LEFT,                 /* a person moves away */
	EV_PROPOSAL,             /* 提议 */
	EV_ACTION,               /* 决议公开 … 归档, 撤回 */
	EV_MEETING,              /* a meeting is created */
	EV_ATTEND,               /* sign-in, leave, absence, observers */
	EV_OPEN,                 /* the meeting starts */
	EV_MINUTE,
	EV_VOTE,
	EV_FIX,                  /* a correction, 延期 or 取消 (corrections.tsv) */
	EV_OUTCOME,
	EV_CLOSE,                /* 散会, and the minutes are signed */
	EV_ADDENDUM,             /* 更正 to sealed minutes */
	EV_PROGRESS,             /* 实施进展 */
	EV_OBJECTION,            /* 异议 to a notice */
	EV_ANSWER,               /* its answer */
	EV_DIARY,                /* a 民情日记 entry typed in */
	EV_DIARY_REPLY,          /* its reply recorded */
};

struct event {
	time_t at;
	int type;
	int seq;                 /* file order, for a stable sort */
	int idx;                 /* row / person / proposal / meeting */
	int meet;                /* the meeting of a minute, vote, outcome */
	int item;                /* its agenda item (index into the meeting's) */
	int speaker;             /* minute: roster index, -1 = free name */
};

struct dprop {
	int row;
	char id[ID_LEN];
	int expect_step;         /* -1: any (an exit) */
	int expect_status;
};

struct dmeet {
	int row;
	int kind;
	time_t start, end;       /* end 0: not held (planned, postponed, cancelled) */
	time_t set_up;           /* created in the program */
	time_t entered;          /* typed in afterwards (补录) from then; 0 = live */
	time_t sealed;           /* the moment of 签字确认 (the clock) */
	char id[ID_LEN];
	int chair, clerk;        /* roster indexes */
	struct strlist agenda;   /* proposal keys */
	struct strlist free_items;
	struct strlist leave, absent, observers;
	char **leave_why;        /* reason of each leave entry (into leave.buf) */
	int *agenda_prop;        /* proposal index of each agenda key */
	char (*item_id)[ID_LEN]; /* agenda item ids: agenda keys then free items */
	char (*last_vote)[ID_LEN];
	int nitems;
	int *att;                /* per roster person: ATT_* here, 0 = not on the sheet */
	int closed;
};

/* what a row of corrections.tsv changes */
enum fix_kind { FX_PROPOSAL = 1, FX_MEETING, FX_MINUTE, FX_TALLY, FX_POSTPONE, FX_CANCEL };
/* the field it puts right (议题, 会议) */
enum fix_field { FF_NONE = 0, FF_TITLE, FF_CONTENT, FF_MTITLE, FF_PLACE, FF_CHAIR,
                 FF_CHAIR_POST, FF_CLERK };

struct dfix {
	int kind;                /* enum fix_kind */
	int field;               /* enum fix_field */
	int target;              /* proposal or meeting index */
	int row;                 /* 发言: minutes.tsv row; 计票: votes.tsv row; else -1 */
	int by;                  /* roster index of the clerk */
	int yes, no, abstain;    /* 计票: the tally first typed */
	time_t was;              /* 延期: the date and start first planned */
};

struct demo {
	struct store *st;
	char *err;
	size_t errlen;
	int failed;

	struct tsv community, people, proposals, meetings, minutes, votes,
	           outcomes, actions, progress, objections, addenda, corrections;

	struct community com;
	time_t setup_at;

	struct person *pp;       /* the roster, in people.tsv order */
	int np;

	struct dprop *props;
	int nprops;

	struct dmeet *meets;
	int nmeets;

	struct dfix *fixes;      /* per corrections.tsv row */
	int nfixes;
	int operator_set;        /* a correction named its clerk (the 录入人) */

	struct event *ev;
	int nev, evcap;

	/* column indexes of each file, by the order of its reader's names */
	int pec[12], pc[11], mc[18], nc[5], vc[13], oc[9], ac[10], gc[3], jc[7], dc[4],
	    xc[8];

	char (*objection_id)[ID_LEN];   /* per objections.tsv row, once recorded */
	char (*minute_id)[ID_LEN];      /* per minutes.tsv row, once recorded */

	/* 民情日记 (diary.c) */
	struct tsv diary;
	int yc[14];                     /* diary.tsv's columns */
	char (*diary_id)[ID_LEN];       /* per diary.tsv row, once recorded */
	int *prop_diary;                /* per proposal: the diary row it comes from, -1 */
};

/* ---- errors (demo.c) ----------------------------------------------------- */

/* the first problem, as "data/demo/FILE 第 N 行：…", into d->err; -1 */
int derr(struct demo *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int row_err(struct demo *d, const struct tsv *t, int r, const char *msg);
/* every name of field col of row r (「、」-separated) is on the roster: 0,
 * or -1 with the first that is not named */
int names_known(struct demo *d, const struct tsv *t, int r, int col);
/* "YYYY-MM-DD" + "HH:MM" -> time_t, -1 if either is invalid */
time_t stamp_of(const char *date, const char *hm);
/* an optional "YYYY-MM-DD HH:MM" field: 0 when empty, -1 when invalid */
time_t opt_stamp(const char *s);

/* ---- reading (read.c) ---------------------------------------------------- */

/* every file loaded and checked, the events queued; -1 on the first problem */
int load_all(struct demo *d);

int person_by_name(const struct demo *d, const char *name);
int prop_by_key(const struct demo *d, const char *key);
/* copy into a fixed field of a store struct; -1 if it does not fit */
int put(struct demo *d, const struct tsv *t, int r, char *dst, size_t len,
        const char *src, const char *what);
/* names of things as the data writes them; 0 or -1 if unknown */
int step_by_name(const char *s);
int method_by_name(const char *s);
int outcome_by_name(const char *s);
int notice_kind_by_name(const char *s);
/* a count: digits only, or "*" (= the rest of those present) -> -2 */
int parse_num(const char *s);
/* the moment a thing that happened at `when` in meeting m is typed: then,
 * for a meeting recorded as it happened; for one entered afterwards from
 * paper (补录) the clock runs from m->entered, a quarter as fast as the
 * meeting did (its quarter hour of signing in first) */
time_t typed_at(const struct dmeet *m, time_t when);
/* the correction of corrections.tsv that changes this, -1 if none: kind
 * and target, with field (议题, 会议) or the data row (发言, 计票) */
int fix_of(const struct demo *d, int kind, int target, int field, int row);
/* the text first typed for a field the data corrects later (its was), else
 * the data's own */
const char *first_typed(const struct demo *d, int kind, int target, int field,
                        int row, const char *final);

/* queue an event (read.c) */
void add_event(struct demo *d, time_t at, int type, int idx, int meet, int item, int speaker);

/* ---- 民情日记 (diary.c) ---------------------------------------------------- */
/* diary.tsv read and checked after proposals.tsv, its entries and replies
 * queued; -1 on the first problem */
int read_diary(struct demo *d);
/* an entry typed in; its reply recorded (the events EV_DIARY and
 * EV_DIARY_REPLY) */
int do_diary(struct demo *d, int r);
int do_diary_reply(struct demo *d, int r);
/* the proposal i of proposals.tsv, from its diary entry when one names
 * it (d->prop_diary[i] >= 0): 0 or -1 with err */
int diary_proposal(struct demo *d, int i, struct proposal *p, const struct proposer *pp, int n,
                   char *err, size_t errlen);
void diary_free(struct demo *d);

/* ---- the replay (replay.c) ----------------------------------------------- */

/* the community, the roster and every event through ops, then checked */
int replay(struct demo *d);

/* ---- attachments (attach.c) ----------------------------------------------- */
/* data/demo/attachments.tsv attached through ops after the replay, each
 * with a picture drawn for it; 0 or -1 */
int demo_attach(struct demo *d);
/* ---- 书记手记 and 大事记 (notes.c) ------------------------------------------ */

/* notes.tsv and chronicle.tsv read, checked and typed in through ops, each
 * row at its entered moment, after the events; 0 or -1 */
int replay_notes(struct demo *d);

#endif
