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
#include <sys/types.h>
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
	char who[64];                   /* who changes things: the change log's "who" */
	char err[512];
	char *path;                     /* as opened, made absolute */
	dev_t dev;                      /* the file opened: a write checks that */
	ino_t ino;                      /* the path still names it */
	int have_ident;
	int readonly;                   /* opened read-only: no write permission */
	int in_memory;                  /* an older read-only file, updated in a
	                                 * copy in memory (db.c) */
	char *damage;                   /* what the quick check on opening found */
};

/* ---- errors (db.c): set st->err and return -1 ---------------------------- */
int db_fail(struct store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "what：why" with why the SQLite error rc in the clerk's words */
int db_sql_fail(struct store *st, const char *what, int rc);
void db_sql_reason(sqlite3 *db, int rc, char *buf, size_t len);

/* how long a statement waits for another writer before it gives up */
#define BUSY_MS 5000

/* what a table is called on paper: 「会议记录」 for minute (check.c) */
const char *db_table_cn(const char *t);

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

/* ---- rows (db.c): a record family's columns as a table ----------------------
 * Each family describes its record once, in the order of its SELECT's
 * columns: a fixed text field (too long is an error, never cut), an int, an
 * allocated text that stays NULL for NULL (DUP) or becomes "" (STR).  The
 * readers below fill records from it, and db_clear_row() frees what they
 * allocated. */
enum { COL_TEXT, COL_INT, COL_DUP, COL_STR, COL_REF };
struct db_col {
	int kind;
	size_t off, size;
	const char *label;           /* COL_TEXT: the field's name in a message */
};
#define COL_T(T, f, label) { COL_TEXT, offsetof(T, f), sizeof(((T *)0)->f), label }
#define COL_I(T, f)        { COL_INT, offsetof(T, f), 0, NULL }
#define COL_D(T, f)        { COL_DUP, offsetof(T, f), 0, NULL }
#define COL_S(T, f)        { COL_STR, offsetof(T, f), 0, NULL }
/* a fixed text that refers to another record: "" is bound as NULL */
#define COL_R(T, f, label) { COL_REF, offsetof(T, f), sizeof(((T *)0)->f), label }
/* a rule set's twelve columns (id, code, name, the quorum's and the
 * passing rule's base, comparison and fraction, source), read where a
 * struct rule_set is: m is the path to it inside T, "rule." in a vote's
 * snapshot, empty in the rule set itself */
#define RULE_SET_COLS(T, m) \
	COL_T(T, m id, "规则编号"), COL_T(T, m code, "规则代码"), COL_T(T, m name, "规则名称"), \
	COL_I(T, m q_base), COL_I(T, m q_cmp), COL_I(T, m q_num), COL_I(T, m q_den), \
	COL_I(T, m p_base), COL_I(T, m p_cmp), COL_I(T, m p_num), COL_I(T, m p_den), \
	COL_T(T, m source, "规则依据")
struct db_row {
	size_t size;                 /* of the record */
	const struct db_col *cols;
	size_t ncols;
	/* what a record needs read besides its columns (a proposal's
	 * proposers); NULL for none */
	int (*after)(struct store *st, void *dst);
};
#define DB_ROW(T, cols, after) { sizeof(T), (cols), YS_ARRAY_LEN(cols), (after) }

int db_read_row(struct store *st, sqlite3_stmt *s, const struct db_row *row, void *dst);
/* the record's columns as parameters ?1 .. ?ncols, in the table's order */
void db_bind_row(sqlite3_stmt *s, const struct db_row *row, const void *rec);
void db_clear_row(const struct db_row *row, void *dst);
/* up to max rows of s into out[]; on an error the rows read are cleared, -1 */
int db_read_rows(struct store *st, sqlite3_stmt *s, void *out, int max, const struct db_row *row);
/* every row of s into a new array *out (caller frees); the count or -1 */
int db_read_all(struct store *st, sqlite3_stmt *s, void **out, const struct db_row *row);
/* the single row of s: 0, 1 when there is none (dst zeroed), -1 */
int db_read_one(struct store *st, sqlite3_stmt *s, void *dst, const struct db_row *row);
/* column 0 of the single row into buf: 0, 1 when none, -1 */
int db_read_one_text(struct store *st, sqlite3_stmt *s, char *buf, size_t len,
                     const char *label);
/* out[0..n) reversed in place (backward pages are handed back ascending) */
void db_reverse(void *base, int n, size_t size);

/* a number as SQL text inside a statement constant */
#define STR_(x) #x
#define STR(x) STR_(x)

/* The shapes of most reads, a statement with the key bound to ?1:
 * db_get   the single row (0, 1 when none, -1),
 * db_list  up to max rows, max bound to ?2 (the count, or -1),
 * db_all   every row into a new array *out (the count, or -1),
 * db_count the integer of COUNT(*) (or -1).
 * sql is a string constant: the statement cache is keyed by its address. */
int db_get(struct store *st, const char *sql, const char *key, void *dst,
           const struct db_row *row);
int db_list(struct store *st, const char *sql, const char *key, void *out, int max,
            const struct db_row *row);
int db_all(struct store *st, const char *sql, const char *key, void **out,
           const struct db_row *row);
int db_count(struct store *st, const char *sql, const char *key);

/* ---- one write (db.c) ------------------------------------------------------
 * db_write() opens a level of the transaction stack and prepares sql (NULL,
 * with the level closed again, on failure); the caller binds; db_write_end()
 * runs it, refuses with `missing` when it changed no row (missing NULL:
 * not checked), and commits or undoes the level. */
sqlite3_stmt *db_write(struct store *st, const char *sql);
int db_write_end(struct store *st, sqlite3_stmt *s, const char *what, const char *missing);
/* the current time (YYYY-MM-DD HH:MM:SS) as parameter i */
void db_bind_now(sqlite3_stmt *s, int i);

/* ---- transactions (db.c) ------------------------------------------------------ */
int db_tx_begin(struct store *st);
void db_tx_abort(struct store *st);
int db_tx_commit(struct store *st);
/* the end of a write function: commit when rc == 0, else undo; 0 or -1 */
int db_tx_end(struct store *st, int rc);

void db_new_id(char id[ID_LEN]);
void db_now_stamp(char out[20]);                  /* YYYY-MM-DD HH:MM:SS */
int db_valid_date(const char *s);                 /* YYYY-MM-DD, a real day */
/* a human number "2026<sep>05" (sep "-" for proposals, "-H-" for meetings)
 * into year and seq; "" gives 0; -1 with 「<what>格式不对：…（应为 <example>）」 */
int db_parse_number(struct store *st, const char *num, const char *sep, const char *what,
                    const char *example, int *year, int *seq);
/* the next number of a year: sql's COUNT ... WHERE year = ?1 result, or -1
 * (also when the year's numbers are used up: 「2026 年的<what>已用尽」) */
int db_next_seq(struct store *st, const char *sql, int year, const char *what);

/* ---- shared by record families -------------------------------------------------- */
int db_migrate(struct store *st, int user_version);                  /* migrate.c */
int db_rule_fits(struct store *st, const struct rule_set *r);      /* rule_sets.c */
/* a rule's quorum and pass: base, cmp, num, den of each, as ?first.. ?first+7 */
void db_bind_fractions(sqlite3_stmt *s, int first, const struct rule_set *r);

#endif
