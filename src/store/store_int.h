/* store_int.h: what the files of src/store/ share — the connection, the
 * statement cache and the helpers every record family reads and writes
 * with.  Private to the store: nothing outside src/store/ includes it.
 *
 * Every statement is a string constant in the file of its record family,
 * prepared once and kept in the cache of struct store (keyed by the
 * constant's address), and every value goes in through a bind: nothing the
 * clerk types is ever pasted into SQL.
 *
 * Writes: each write function runs inside its own level of the transaction
 * stack (BEGIN IMMEDIATE at the outermost level, a SAVEPOINT inside) and
 * commits before it returns, so that nothing the clerk confirmed lives only
 * in memory.  BEGIN IMMEDIATE rather than a bare SAVEPOINT at the outermost
 * level: it takes the write lock first, so two copies of the program on one
 * file wait for each other (busy timeout) instead of failing half-way
 * through with SQLITE_BUSY.  The ops layer wraps several writes, and the
 * checks that decide them, in one store_begin() … store_commit().
 *
 * Reads: lists are keyset pages over an index, counts are COUNT(*); only a
 * meeting's own record (store_record_load) and a proposal's own history are
 * read whole.  A cached statement is always reset after use so that no read
 * transaction stays open (it would stop WAL checkpoints and show stale
 * data). */
#ifndef YS_STORE_INT_H
#define YS_STORE_INT_H

#include <stddef.h>
#include <sqlite3.h>

#include "base/clock.h"
#include "base/util.h"
#include "model/core.h"
#include "store/store.h"

#define FSIZE(type, field) sizeof(((type *)0)->field)
#define STAMP_LEN 19                    /* YYYY-MM-DD HH:MM:SS */

struct stmt_slot {
	const char *sql;                /* the constant it was prepared from */
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	int depth;                      /* levels of the write transaction stack */
	int version;                    /* user_version after migrations */
	struct stmt_slot *cache;
	size_t ncache, cache_cap;
	char err[512];
};

/* ---- errors (db.c): set st->err and return -1 ---------------------------- */
int db_fail(struct store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "what：why" with why the SQLite error rc in the clerk's words */
int db_sql_fail(struct store *st, const char *what, int rc);
void db_sql_reason(sqlite3 *db, int rc, char *buf, size_t len);

/* ---- statements (db.c) ----------------------------------------------------- */
/* the prepared statement for the constant sql, reset, no bindings; NULL
 * with st->err set when it cannot be prepared */
sqlite3_stmt *db_stmt(struct store *st, const char *sql);
void db_bind_text(sqlite3_stmt *s, int i, const char *v);   /* NULL binds NULL */
void db_bind_ref(sqlite3_stmt *s, int i, const char *v);    /* "" binds NULL too */
void db_bind_int(sqlite3_stmt *s, int i, long long v);
/* step a statement whose rows are not needed; resets it; 0 or -1 */
int db_run(struct store *st, sqlite3_stmt *s, const char *what);
/* a one-row query: 0 with *out = column 0, 1 when there is no row, -1 */
int db_query_int(struct store *st, sqlite3_stmt *s, long long *out);
/* after a sqlite3_step() that returned no row: 0 when done, -1 */
int db_step_end(struct store *st, sqlite3_stmt *s, int rc);
int db_exec(struct store *st, const char *sql, const char *what);
int db_pragma_int(struct store *st, const char *sql, long long *out);

const char *db_col_text(sqlite3_stmt *s, int i);            /* never NULL */
int db_col_int(sqlite3_stmt *s, int i);
/* a column into a fixed field; a value that does not fit is an error,
 * never cut (the clerk would print a shortened name) */
int db_col_copy(struct store *st, sqlite3_stmt *s, int i, char *dst, size_t size,
                const char *label);
char *db_col_dup(sqlite3_stmt *s, int i);                   /* NULL for NULL; caller frees */

/* a value handed in for a fixed field must end inside it */
int db_fits(struct store *st, const char *v, size_t size, const char *label);
#define FITS(st, field, label) db_fits((st), (field), sizeof(field), (label))

/* ---- reading rows (db.c) ----------------------------------------------------- */
typedef int (*row_reader)(struct store *st, sqlite3_stmt *s, void *dst);
typedef void (*row_clear)(void *dst);
/* up to max rows of s into out[] (elements of size bytes) with rd; on an
 * error the rows read so far are cleared (clear may be NULL), -1 */
int db_read_rows(struct store *st, sqlite3_stmt *s, void *out, size_t size, int max,
                 row_reader rd, row_clear clear);
/* every row of s into a new array *out (caller frees the rows with clear
 * and the array with free); returns the count or -1 */
int db_read_all(struct store *st, sqlite3_stmt *s, void **out, size_t size,
                row_reader rd, row_clear clear);
/* the single row of s: 0, 1 when there is none (dst zeroed), -1 */
int db_read_one(struct store *st, sqlite3_stmt *s, void *dst, size_t size, row_reader rd);
/* column 0 of the single row into buf: 0, 1 when none, -1 */
int db_read_one_text(struct store *st, sqlite3_stmt *s, char *buf, size_t len,
                     const char *label);
/* out[0..n) reversed in place (backward pages are handed back ascending) */
void db_reverse(void *base, int n, size_t size);

/* ---- transactions (db.c) ------------------------------------------------------ */
int db_tx_begin(struct store *st);
void db_tx_abort(struct store *st);
int db_tx_commit(struct store *st);
/* the end of a write function: commit when rc == 0, else undo; 0 or -1 */
int db_tx_end(struct store *st, int rc);

void db_new_id(char id[ID_LEN]);
void db_now_stamp(char out[20]);                  /* YYYY-MM-DD HH:MM:SS */
int db_valid_date(const char *s);                 /* YYYY-MM-DD, a real day */
/* "2026-H-05" into year and seq; "" gives 0; -1 with a message */
int db_parse_mnumber(struct store *st, const char *num, int *year, int *seq);

/* ---- shared by record families -------------------------------------------------- */
int db_migrate(struct store *st, int user_version);                  /* migrate.c */
/* the columns of a rule set from `first` on (rule_sets.c; votes keep a copy) */
#define RULE_COLS "id, code, name, q_base, q_cmp, q_num, q_den, p_base, p_cmp, p_num, p_den, source"
int db_read_rule_at(struct store *st, sqlite3_stmt *s, int first, struct rule_set *r);
int db_rule_fits(struct store *st, const struct rule_set *r);

#endif
