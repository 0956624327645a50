/* fixture.h: what the unit tests share — temporary files and databases, a
 * roster of test people, and proposals and meetings put through the ops
 * layer the way a clerk would.  tests/unit/fixture.c is linked into every
 * unit test binary (Makefile: FIXTURE).
 *
 * The helpers make no checks of their own (t.h's counters belong to each
 * test file): they return 0 or -1 (or a count) and print what went wrong,
 * and the tests CHECK what they return.
 *
 * The roster and the proposal and meeting helpers work on the database of
 * fx_db_open() and write their messages into the buffer given to it, so
 * that a test can CHECK the message of a refusal a helper met. */
#ifndef YS_FIXTURE_H
#define YS_FIXTURE_H

#include <stddef.h>
#include <sqlite3.h>

#include "model/core.h"
#include "ops/ops.h"
#include "store/store.h"

/* ---- a temporary folder -------------------------------------------------- */

/* $TMPDIR (or /tmp) /ys_TAG_XXXXXX, made; 0, or -1 with the reason printed */
int fx_tmpdir(const char *tag);
const char *fx_dir(void);
/* the folder's path of name; the string lasts for 8 calls */
const char *fx_path(const char *name);
/* the folder and everything in it; 0 or -1 */
int fx_tmpdir_remove(void);

/* ---- one temporary database ---------------------------------------------- */

/* a new empty file $TMPDIR (or /tmp) /yishiting-test-TAG-XXXXXX; 0 or -1 */
int fx_db_temp(const char *tag);
/* store_open on it, creating the schema; the helpers below work on it and
 * write their messages into err.  NULL (and the message printed) on failure. */
struct store *fx_db_open(char *err, size_t errlen);
/* the helpers below work on s from now on (a store the test opened) */
void fx_db_use(struct store *s);
/* the helpers' last refusal */
const char *fx_err(void);
/* store_close(st) when st is not NULL, then the file removed */
void fx_db_done(struct store *st);
/* a database file and its -wal, -shm and -journal removed */
void fx_db_unlink(const char *path);

/* ---- SQL behind the program's back --------------------------------------- */

/* sqlite3_exec; the error printed.  fx_sql: on fx_db_open's database. */
int fx_exec(sqlite3 *db, const char *sql);
int fx_sql(const char *sql);

/* the lines of store_check or seal_verify_all, collected */
struct fx_lines {
	int n;
	char all[4096];
};
void fx_collect(const char *line, void *arg);

/* the process clock at "YYYY-MM-DD HH:MM" */
void fx_at(const char *stamp);

/* ---- the roster ------------------------------------------------------------ */

/* count people of the same roles: count 0 or 1 is one person of that name,
 * more are name1, name2 … */
struct fx_group {
	const char *name;
	int roles;
	int count;
};
#define FX_MAX_PEOPLE 160

/* the groups saved through ops_person_save, in order (index 0 …), all
 * active; phone prefix followed by 4 digits of phone_base + index (NULL:
 * no phone).  The number of people saved, -1 if any failed. */
int fx_people(const struct fx_group *g, size_t ngroups, const char *phone_prefix,
              int phone_base);
/* a small community: 党委书记, 居委会主任, a 居委委员, three 党员 and four
 * 居民代表, saved with fx_people and indexed by these numbers (FX_PARTY and
 * FX_REP are the first of theirs).  FX_SMALL_COUNT, -1 if any failed. */
enum { FX_SEC, FX_DIR, FX_MEM, FX_PARTY, FX_REP = FX_PARTY + 3, FX_SMALL_COUNT = FX_REP + 4 };
int fx_small_community(const char *phone_prefix);
/* person i as saved (id, no, name, phone …) */
const struct person *fx_person(int i);
const char *fx_id(int i);
const char *fx_name(int i);

/* ---- proposals and meetings through ops ------------------------------------- */

/* a new proposal of the roster's person who (content NULL: 「居民反映多年，
 * 请两委研究。」); its id and (number not NULL) number out; 0 or -1 */
int fx_proposal(const char *title, const char *content, int who, char id[ID_LEN],
                char number[16]);
/* a proposal's step (and status), -1 if it cannot be read */
int fx_step(const char *id, int *status);

/* m cleared and filled as the tests plan meetings: kind on date at start,
 * in 社区党群服务中心二楼会议室, chaired by roster person 0 as 社区党委书记,
 * minuted by roster person clerk (clerk < 0: by 赵记录, named only) */
void fx_meeting_fill(struct meeting *m, int kind, const char *date, const char *start,
                     int clerk);
/* ops_meeting_new on m (a refusal is not printed: tests provoke them); the
 * id into mid (if not NULL).  m is left as ops left it: meeting_clear() it. */
int fx_meeting_new(struct meeting *m, const char *const *pids, int n,
                   const char *const *free_titles, int nfree, char mid[ID_LEN]);
/* the id of the meeting's agenda item seq (1 …) */
int fx_agenda(const char *mid, int seq, char aid[ID_LEN]);
/* roster person who signed in (or status, with reason) */
int fx_attend(const char *mid, int who, int status, const char *reason);
/* roster people from … from + count - 1 present */
int fx_sign(const char *mid, int from, int count);
/* a show of hands on an agenda item */
int fx_hands(const char *mid, const char *aid, int yes, int no, int abstain,
             struct vote *v);
/* a planned meeting with its first item voted through: opened, roster
 * people first … first + count - 1 present (count < 0: everyone on the
 * sheet with a vote), all of them yes by show of hands, the item closed
 * with cr, the meeting closed */
int fx_pass(const char *mid, int first, int count, const struct close_req *cr);

#endif
