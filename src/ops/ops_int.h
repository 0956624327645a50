/* ops_int.h: what the files of src/ops/ share.  Private to ops.
 *
 * Every operation has the same shape: state-free input checks (an empty
 * title, a date that is not a date) first; then op_begin() opens the write
 * transaction (BEGIN IMMEDIATE: the write lock is taken before anything is
 * read), the state is read inside it, the procedure's checks run against
 * that state (through the model and the prerequisite tables of can.c, the
 * same code the screens ask), the store writes, and op_end() commits — or
 * rolls everything back when a check refused or a write failed.  So a vote
 * never exists without its snapshot, a proposal never moves without its
 * event and minute line, and no check reads a state that another copy of
 * the program changed before the write. */
#ifndef YS_OPS_INT_H
#define YS_OPS_INT_H

#include <stddef.h>

#include "base/util.h"
#include "model/core.h"
#include "ops/ops.h"
#include "store/store.h"

#define SEAL_FORMAT_NOW 4
/* seal.c, for verify.c: the canonical text of a meeting in format fmt
 * (appended to out), and the digests of a seal over a canonical text, its
 * signature lines and (format 4) its link: sealed is how many meetings
 * were sealed with it.  0 or -1. */
int seal_record_canonical(struct store *st, const char *meeting_id, int fmt, struct strbuf *out);
int seal_text_digests(const char *canon, struct seal *s, int sealed);
#define TITLE_MAX_CHARS 60      /* a proposal title fits a notice's heading */
#define NAME_MAX_CHARS 20
#define POST_MAX_CHARS 20        /* 职务 (a meeting's chair_post holds it) */

/* an optional reference: NULL when absent (the columns are foreign keys,
 * where only NULL means "none") */
const char *opt(const char *s);

/* the store's message for its last failed call into err; -1 */
int store_fail(struct store *st, char *err, size_t errlen);

/* ---- the transaction of an operation ------------------------------------- */
int op_begin(struct store *st, char *err, size_t errlen);
/* rc == 0: commit (a failed commit is reported); otherwise roll back and
 * keep the message already in err.  Returns 0 or -1. */
int op_end(struct store *st, int rc, char *err, size_t errlen);

/* op_begin, then the meeting's state read in the transaction and checked
 * for opm (can.c); on a refusal the transaction is rolled back.  0 or -1 */
int meeting_begin(struct store *st, const char *mid, int opm, struct meeting_state *ms,
                  char *err, size_t errlen);

/* ---- loading, with the refusal when missing: 0 or -1 ---------------------- */
int load_meeting(struct store *st, const char *mid, struct meeting *m, char *err, size_t errlen);
int load_proposal(struct store *st, const char *pid, struct proposal *p, char *err, size_t errlen);
int load_agenda(struct store *st, const char *mid, const char *aid, struct agenda_item *a,
                char *err, size_t errlen);

/* what the meeting kind calls its 应到 ("应到会有表决权的党员") */
const char *kind_label(int kind);

/* now, in the forms records keep */
/* the time typed for mom at the meeting ("" = ops_meeting_offer), checked
 * (meeting_time_check) and normalised into out: 0 or -1 with err */
int meeting_time(const struct meeting_state *ms, int mom, const char *typed, char out[6],
                 char *err, size_t errlen);
/* a meeting of kind on date takes a step of p: not before p's latest
 * step (timeline.h's step_order_check); 0 or -1 with err */
int step_date_ok(struct store *st, const struct proposal *p, int kind, const char *date,
                 char *err, size_t errlen);
void now_hm(char out[6]);
void now_stamp(char out[20]);
void today(char out[11]);
/* the moment of a step taken on a day: now when it is today, else the
 * day itself (its time unknown: 00:00:00) */
void day_stamp(const char *day, char out[20]);

/* the proposal's state for OPP_* checks (can.c), read in the transaction:
 * 0 allowed (*action = the transition the operation makes, for
 * OPP_ADVANCE), or -1 with the refusal */
int proposal_check(struct store *st, const struct proposal *p, int opp, int *action,
                   char *err, size_t errlen);

/* one transition outside a meeting: rq (action, reason) checked by
 * proc_apply against the proposal p as read in the transaction, then its
 * event written; 0 or -1 */
int step_proposal(struct store *st, const struct proposal *p, struct transition_req *rq,
                  const char *at, char *err, size_t errlen);

/* the notice of a decided proposal, written inside the caller's
 * transaction (notices.c) */
int notice_write(struct store *st, const struct proposal *p, const struct notice_req *rq,
                 struct notice *n, char *err, size_t errlen);
/* the posting period of pid's decision notice (both "" when none): 0 or -1 */
int decision_notice_start_end(struct store *st, const char *pid, char start[11],
                              char end[11], char *err, size_t errlen);


/* attachments.c, for verify.c: every attachment's SM3 taken again; one
 * line per attachment whose bytes no longer give it.  The count or -1. */
int attach_verify(struct store *st, void (*cb)(const char *line, void *arg), void *arg);

#endif
