/* store.c: the storage layer (see store.h).
 *
 * Every statement is a string constant in this file, prepared once and
 * kept in a small cache in struct store, and every value goes in through a
 * bind: nothing the clerk types is ever pasted into SQL.
 *
 * Writes: each write function runs inside its own level of the
 * transaction stack (BEGIN IMMEDIATE at the outermost level, a SAVEPOINT
 * inside) and commits before it returns, so that nothing the clerk
 * confirmed lives only in memory.  BEGIN IMMEDIATE rather than a bare
 * SAVEPOINT at the outermost level: it takes the write lock first, so two
 * copies of the program on one file wait for each other (busy timeout)
 * instead of failing half-way through with SQLITE_BUSY.
 *
 * Reads: lists are keyset pages over an index, counts are COUNT(*); no
 * function loads a whole table.  A cached statement is always reset after
 * use so that no read transaction stays open (it would stop WAL
 * checkpoints and show stale data). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "clock.h"
#include "core.h"
#include "embed.h"
#include "seal.h"
#include "store.h"
#include "util.h"

#define APP_ID          1498630228      /* 'YSHT', set by 0001_init.sql */
#define MIGRATION_DIR   "data/migrations/"
#define MAX_MIGRATIONS  64
#define BUSY_MS         5000
/* the proposal_fts rowid of a proposal (0002_proposal_search.sql) */
#define FTS_KEY(year, seq) ((long long)(year) * 1000000 + (seq))

#define FSIZE(type, field) sizeof(((type *)0)->field)

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

/* ---- errors ------------------------------------------------------------- */

static int fail(struct store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct store *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(st->err, sizeof st->err, fmt, ap);
	va_end(ap);
	return -1;
}

/* the part of SQLite's message after "…: ", which names the column or our
 * Chinese-named constraint */
static const char *msg_detail(const char *msg)
{
	const char *p = strstr(msg, ": ");
	return p ? p + 2 : msg;
}

/* What went wrong, in words the clerk can act on.  The SQLite text stays
 * in brackets where it names the constraint or the cause. */
static void sql_reason(sqlite3 *db, int rc, char *buf, size_t len)
{
	const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		switch (db ? sqlite3_extended_errcode(db) : rc) {
		case SQLITE_CONSTRAINT_CHECK:
			snprintf(buf, len, "数据不合规则（%s）", msg_detail(msg));
			return;
		case SQLITE_CONSTRAINT_UNIQUE:
		case SQLITE_CONSTRAINT_PRIMARYKEY:
			snprintf(buf, len, "编号重复（%s）", msg_detail(msg));
			return;
		case SQLITE_CONSTRAINT_FOREIGNKEY:
			snprintf(buf, len, "引用的记录不存在");
			return;
		case SQLITE_CONSTRAINT_NOTNULL:
			snprintf(buf, len, "缺少必填内容（%s）", msg_detail(msg));
			return;
		default:
			snprintf(buf, len, "违反数据约束（%s）", msg);
			return;
		}
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		snprintf(buf, len, "数据库正被另一个程序占用，请稍后再试");
		return;
	case SQLITE_FULL:
		snprintf(buf, len, "磁盘已满");
		return;
	case SQLITE_READONLY:
		snprintf(buf, len, "数据库文件是只读的");
		return;
	case SQLITE_IOERR:
		snprintf(buf, len, "磁盘读写出错（%s）", msg);
		return;
	case SQLITE_CORRUPT:
		snprintf(buf, len, "数据库文件已损坏");
		return;
	case SQLITE_NOTADB:
		snprintf(buf, len, "不是数据库文件");
		return;
	case SQLITE_CANTOPEN:
		snprintf(buf, len, "无法打开文件");
		return;
	case SQLITE_PERM:
	case SQLITE_AUTH:
		snprintf(buf, len, "没有访问权限");
		return;
	case SQLITE_NOMEM:
		snprintf(buf, len, "内存不足");
		return;
	case SQLITE_TOOBIG:
		snprintf(buf, len, "内容过长");
		return;
	default:
		snprintf(buf, len, "%s", msg);
		return;
	}
}

static int sql_fail(struct store *st, const char *what, int rc)
{
	char why[400];

	sql_reason(st->db, rc, why, sizeof why);
	return fail(st, "%s：%s", what, why);
}

/* ---- statements ---------------------------------------------------------- */

/* The prepared statement for sql, reset and with no bindings.  The cache
 * is keyed by the address of the string constant: each call site passes
 * the same literal every time. */
static sqlite3_stmt *stmt(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	size_t i;
	int rc;

	for (i = 0; i < st->ncache; i++) {
		if (st->cache[i].sql == sql) {
			s = st->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
	}
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK) {
		sql_fail(st, "数据库语句无法执行", rc);
		return NULL;
	}
	if (st->ncache == st->cache_cap) {
		st->cache_cap = st->cache_cap ? st->cache_cap * 2 : 64;
		st->cache = xrealloc(st->cache, st->cache_cap * sizeof *st->cache);
	}
	st->cache[st->ncache].sql = sql;
	st->cache[st->ncache].stmt = s;
	st->ncache++;
	return s;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* an optional reference: "" (or NULL) means none and is stored as NULL so
 * that the foreign key does not look for a record called "" */
static void bind_ref(sqlite3_stmt *s, int i, const char *v)
{
	bind_text(s, i, v && *v ? v : NULL);
}

static void bind_int(sqlite3_stmt *s, int i, long long v)
{
	sqlite3_bind_int64(s, i, v);
}

/* step a statement that returns no rows we need; resets it */
static int run(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		sql_fail(st, what, rc);
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	return 0;
}

/* step a one-row query: 0 with *out = column 0, 1 when there is no row */
static int query_int(struct store *st, sqlite3_stmt *s, long long *out)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return 0;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return 1;
	}
	sql_fail(st, "数据库读取失败", rc);
	sqlite3_reset(s);
	return -1;
}

/* after a sqlite3_step() that did not return a row: 0 when done */
static int step_end(struct store *st, sqlite3_stmt *s, int rc)
{
	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(s);
		return 0;
	}
	sql_fail(st, "数据库读取失败", rc);
	sqlite3_reset(s);
	return -1;
}

static const char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? (const char *)t : "";
}

static int col_int(sqlite3_stmt *s, int i)
{
	return sqlite3_column_int(s, i);
}

/* copy a column into a fixed field; a value that does not fit is an
 * error, never cut (the clerk would print a shortened name) */
static int col_copy(struct store *st, sqlite3_stmt *s, int i, char *dst,
                    size_t size, const char *label)
{
	const char *v = col_text(s, i);
	size_t n = (size_t)sqlite3_column_bytes(s, i);

	if (n >= size)
		return fail(st, "数据库中的%s过长（最多 %zu 字节），无法读取", label, size - 1);
	memcpy(dst, v, n);
	dst[n] = '\0';
	return 0;
}

/* an allocated copy (caller frees), NULL for a NULL column */
static char *col_dup(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return NULL;
	return xstrdup(col_text(s, i));
}

/* A value handed in for a fixed field: it must end inside the field.  For
 * the fixed arrays of a struct that means it is NUL-terminated; for a
 * char * argument it means it fits the struct field it is read back into. */
static int fits(struct store *st, const char *v, size_t size, const char *label)
{
	if (v && strnlen(v, size) >= size)
		return fail(st, "%s过长（最多 %zu 字节）", label, size - 1);
	return 0;
}
#define FITS(st, field, label) fits((st), (field), sizeof(field), (label))

/* out[0..n) reversed in place: backward pages are read newest first and
 * handed back in ascending order */
static void reverse(void *base, int n, size_t size)
{
	unsigned char *a = base, *tmp;
	int i, j;

	if (n < 2)
		return;
	tmp = xmalloc(size);
	for (i = 0, j = n - 1; i < j; i++, j--) {
		memcpy(tmp, a + (size_t)i * size, size);
		memcpy(a + (size_t)i * size, a + (size_t)j * size, size);
		memcpy(a + (size_t)j * size, tmp, size);
	}
	free(tmp);
}

/* Read up to max rows of s into out[] (elements of size bytes) with rd;
 * on an error the rows read so far are cleared with clear (may be NULL)
 * and -1 returned.  Resets s. */
typedef int (*row_reader)(struct store *st, sqlite3_stmt *s, void *dst);
typedef void (*row_clear)(void *dst);

static int read_rows(struct store *st, sqlite3_stmt *s, void *out, size_t size,
                     int max, row_reader rd, row_clear clear)
{
	unsigned char *o = out;
	int rc = SQLITE_DONE, n = 0, i;

	while (n < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (rd(st, s, o + (size_t)n * size))
			goto fail;
		n++;
	}
	if (n < max && rc != SQLITE_DONE) {
		sql_fail(st, "数据库读取失败", rc);
		goto fail;
	}
	sqlite3_reset(s);
	return n;
fail:
	sqlite3_reset(s);
	for (i = 0; clear && i < n; i++)
		clear(o + (size_t)i * size);
	return -1;
}

/* read the single row of s: 0, 1 when there is none, -1 on error */
static int read_one(struct store *st, sqlite3_stmt *s, void *dst, size_t size, row_reader rd)
{
	int n = read_rows(st, s, dst, size, 1, rd, NULL);

	if (n == 0)
		memset(dst, 0, size);
	return n < 0 ? -1 : n == 0 ? 1 : 0;
}

/* the first column of the single row of s into buf: 0, 1 when there is
 * no row, -1 on error (or when it does not fit) */
static int read_one_text(struct store *st, sqlite3_stmt *s, char *buf, size_t len,
                         const char *label)
{
	int rc = sqlite3_step(s), r;

	buf[0] = '\0';
	if (rc != SQLITE_ROW)
		return step_end(st, s, rc) ? -1 : 1;
	r = col_copy(st, s, 0, buf, len, label);
	sqlite3_reset(s);
	return r;
}

static void now_stamp(char out[20])
{
	struct tm t;

	ys_now_tm(&t);
	ys_fmt_stamp(&t, out);
}

/* ---- transactions -------------------------------------------------------- */

static int exec_const(struct store *st, const char *sql, const char *what)
{
	sqlite3_stmt *s = stmt(st, sql);

	return s ? run(st, s, what) : -1;
}

static int tx_begin(struct store *st)
{
	/* SQLite may have rolled the whole transaction back by itself (disk
	 * full, I/O error); then the stack is empty whatever we counted */
	if (st->depth > 0 && sqlite3_get_autocommit(st->db))
		st->depth = 0;
	if (exec_const(st, st->depth ? "SAVEPOINT w" : "BEGIN IMMEDIATE", "无法开始写入数据库"))
		return -1;
	st->depth++;
	return 0;
}

/* undo the innermost level; keeps the message of the error that caused it */
static void tx_abort(struct store *st)
{
	char keep[sizeof st->err];

	if (st->depth <= 0)
		return;
	memcpy(keep, st->err, sizeof keep);
	if (sqlite3_get_autocommit(st->db)) {
		st->depth = 0;
	} else if (st->depth == 1) {
		exec_const(st, "ROLLBACK", "");
		st->depth = 0;
	} else {
		exec_const(st, "ROLLBACK TO w", "");
		exec_const(st, "RELEASE w", "");
		st->depth--;
	}
	memcpy(st->err, keep, sizeof keep);
}

static int tx_commit(struct store *st)
{
	if (st->depth > 0 && sqlite3_get_autocommit(st->db)) {
		st->depth = 0;
		return fail(st, "数据库写入失败：事务已被撤销");
	}
	if (st->depth <= 0)
		return fail(st, "数据库写入失败：没有进行中的事务");
	if (st->depth == 1) {
		if (exec_const(st, "COMMIT", "数据库写入失败")) {
			/* nothing was saved: say so, and leave no half-open
			 * transaction behind */
			tx_abort(st);
			return -1;
		}
		st->depth = 0;
		return 0;
	}
	if (exec_const(st, "RELEASE w", "数据库写入失败"))
		return -1;
	st->depth--;
	return 0;
}

/* the end of a write function: commit on success, undo on failure */
static int tx_end(struct store *st, int rc)
{
	if (rc) {
		tx_abort(st);
		return -1;
	}
	return tx_commit(st);
}

int store_begin(struct store *st)
{
	return tx_begin(st);
}

int store_commit(struct store *st)
{
	return tx_commit(st);
}

int store_rollback(struct store *st)
{
	if (st->depth <= 0)
		return fail(st, "没有进行中的事务");
	tx_abort(st);
	return 0;
}

/* a fresh id into a local buffer */
static void new_id(char id[ID_LEN])
{
	ys_uuid(id);
}

/* ---- migrations ---------------------------------------------------------- */

struct migration {
	int version;
	const struct embedded_file *f;
};

/* the embedded data/migrations/NNNN_*.sql files, by version */
static int migration_list(struct migration *out, int max)
{
	size_t plen = strlen(MIGRATION_DIR), i;
	int n = 0, j;

	for (i = 0; i < embedded_count; i++) {
		const char *name = embedded_files[i].name, *b;
		size_t len = strlen(name);
		int v = 0, k;

		if (strncmp(name, MIGRATION_DIR, plen) != 0 || len < plen + 9 ||
		    strcmp(name + len - 4, ".sql") != 0)
			continue;
		b = name + plen;
		for (k = 0; k < 4; k++) {
			if (b[k] < '0' || b[k] > '9')
				break;
			v = v * 10 + (b[k] - '0');
		}
		if (k < 4 || b[4] != '_' || v <= 0 || n >= max)
			continue;
		/* insertion sort: a handful of files */
		for (j = n; j > 0 && out[j - 1].version > v; j--)
			out[j] = out[j - 1];
		out[j].version = v;
		out[j].f = &embedded_files[i];
		n++;
	}
	return n;
}

int store_latest_version(void)
{
	struct migration ms[MAX_MIGRATIONS];
	int n = migration_list(ms, MAX_MIGRATIONS);

	return n ? ms[n - 1].version : 0;
}

static int pragma_int(struct store *st, const char *sql, long long *out)
{
	sqlite3_stmt *s = stmt(st, sql);
	int rc;

	if (!s)
		return -1;
	rc = query_int(st, s, out);
	if (rc == 1)
		*out = 0;
	return rc < 0 ? -1 : 0;
}

/* rule sets of a new database, from the defaults in rules.c */
static int seed_rules(struct store *st)
{
	static const char sql[] =
		"INSERT INTO rule_set(id, code, name, sort, q_base, q_cmp, q_num, q_den,"
		" p_base, p_cmp, p_num, p_den, source, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
	char now[20], id[ID_LEN];
	size_t i;

	now_stamp(now);
	for (i = 0; i < rule_default_count; i++) {
		const struct rule_set *r = &rule_defaults[i];
		sqlite3_stmt *s = stmt(st, sql);

		if (!s)
			return -1;
		new_id(id);
		bind_text(s, 1, id);
		bind_text(s, 2, r->code);
		bind_text(s, 3, r->name);
		bind_int(s, 4, (long long)i + 1);
		bind_int(s, 5, r->q_base);
		bind_int(s, 6, r->q_cmp);
		bind_int(s, 7, r->q_num);
		bind_int(s, 8, r->q_den);
		bind_int(s, 9, r->p_base);
		bind_int(s, 10, r->p_cmp);
		bind_int(s, 11, r->p_num);
		bind_int(s, 12, r->p_den);
		bind_text(s, 13, r->source);
		bind_text(s, 14, now);
		if (run(st, s, "无法写入默认表决规则"))
			return -1;
	}
	return 0;
}

/* foreign keys are off while migrating (a migration may rebuild a table);
 * this checks what they would have checked before the commit */
static int migration_fk_check(struct store *st, const char *name)
{
	sqlite3_stmt *s = stmt(st, "PRAGMA foreign_key_check");
	int rc, n = 0;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		n++;
	if (step_end(st, s, rc))
		return -1;
	if (n)
		return fail(st, "数据库升级（%s）后有 %d 处引用不一致，已撤销升级", name, n);
	return 0;
}

/* Apply every embedded migration newer than the file.  An upgrade runs
 * each migration in its own transaction together with its user_version, so
 * a power cut leaves the file at one version or the next.  A new file gets
 * all of them and the default rule sets in one transaction: it is either
 * complete or still empty. */
static int migrate(struct store *st, int uv)
{
	struct migration ms[MAX_MIGRATIONS];
	int nm = migration_list(ms, MAX_MIGRATIONS), i, in_tx = 0, fresh = (uv == 0);
	long long cur;
	char sql[64], *msg = NULL;

	if (nm == 0)
		return fail(st, "程序内没有数据库结构（data/migrations），无法打开数据库");
	if (exec_const(st, "PRAGMA foreign_keys = OFF", "无法设置数据库"))
		return -1;
	for (i = 0; i < nm; i++) {
		if (ms[i].version <= uv)
			continue;
		if (!in_tx) {
			if (exec_const(st, "BEGIN IMMEDIATE", "数据库升级失败"))
				return -1;
			in_tx = 1;
			/* another copy of the program may have done it while
			 * we waited for the lock */
			if (pragma_int(st, "PRAGMA user_version", &cur))
				goto fail;
			if (cur >= ms[i].version) {
				uv = (int)cur;
				fresh = 0;
				if (exec_const(st, "COMMIT", "数据库升级失败"))
					goto fail;
				in_tx = 0;
				continue;
			}
		}
		if (sqlite3_exec(st->db, ms[i].f->data, NULL, NULL, &msg) != SQLITE_OK) {
			fail(st, "数据库升级失败（%s）：%s", ms[i].f->name, msg ? msg : "");
			sqlite3_free(msg);
			goto fail;
		}
		/* PRAGMA takes no parameters; the number is our own */
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", ms[i].version);
		if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			sql_fail(st, "数据库升级失败", sqlite3_errcode(st->db));
			goto fail;
		}
		uv = ms[i].version;
		if (!fresh) {
			if (migration_fk_check(st, ms[i].f->name) ||
			    exec_const(st, "COMMIT", "数据库升级失败"))
				goto fail;
			in_tx = 0;
		}
	}
	if (in_tx) {
		if (seed_rules(st) || migration_fk_check(st, "新建") ||
		    exec_const(st, "COMMIT", "数据库创建失败"))
			goto fail;
		in_tx = 0;
	}
	st->version = uv;
	return exec_const(st, "PRAGMA foreign_keys = ON", "无法设置数据库");
fail:
	/* sqlite3_exec, not exec_const: the message of the failure stays */
	if (in_tx && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* ---- open / close -------------------------------------------------------- */

static int open_db(struct store *st, const char *path, int create)
{
	struct stat sb;
	long long uv, appid, objects;
	int rc, latest;
	sqlite3_stmt *s;
	char why[400];

	if (!path || !*path)
		return fail(st, "没有指定数据库文件");
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return fail(st, "无法访问数据库文件 %s：%s", path, strerror(errno));
		if (!create)
			return fail(st, "数据库文件不存在：%s", path);
	} else if (!S_ISREG(sb.st_mode)) {
		return fail(st, "%s 不是普通文件，不能作为数据库打开", path);
	}
	rc = sqlite3_open_v2(path, &st->db,
	                     SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0), NULL);
	if (rc != SQLITE_OK) {
		sql_reason(st->db, rc, why, sizeof why);
		return fail(st, "无法打开数据库 %s：%s", path, why);
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, BUSY_MS);
	/* A file we may not write to would let the clerk type a whole
	 * meeting and then lose it: refuse at once. */
	if (sqlite3_db_readonly(st->db, "main") == 1)
		return fail(st, "数据库文件 %s 是只读的（没有写入权限）。为免记录丢失，未打开。", path);

	/* The first read of the file: something that is not a database shows
	 * up here, before anything is written to it. */
	s = stmt(st, "SELECT COUNT(*) FROM sqlite_master");
	if (!s) {
		rc = sqlite3_errcode(st->db);
		goto unreadable;
	}
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		goto unreadable;
	}
	objects = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (pragma_int(st, "PRAGMA user_version", &uv) ||
	    pragma_int(st, "PRAGMA application_id", &appid))
		return -1;
	if ((uv == 0 && objects > 0) || (uv > 0 && appid != APP_ID))
		return fail(st, "%s 是别的程序的 SQLite 数据库，不是议事厅的数据库，未打开。", path);
	latest = store_latest_version();
	if (uv > latest)
		return fail(st, "数据库 %s 的版本（%lld）比本程序能识别的版本（%d）新，"
		            "是用更新版本的议事厅写的。请使用新版议事厅打开，以免损坏数据。",
		            path, uv, latest);

	/* WAL: readers never block the writer; FULL: a power cut never loses
	 * a committed line (DESIGN.md 8) */
	if (exec_const(st, "PRAGMA journal_mode = WAL", "无法设置数据库日志方式") ||
	    exec_const(st, "PRAGMA synchronous = FULL", "无法设置数据库"))
		return -1;
	if (migrate(st, (int)uv))
		return -1;
	return 0;

unreadable:
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return fail(st, "%s 不是议事厅的数据库文件（不是 SQLite 数据库，或者已经损坏），未打开。"
		            "请检查文件路径。", path);
	default:
		sql_reason(st->db, rc, why, sizeof why);
		return fail(st, "无法读取数据库 %s：%s", path, why);
	}
}

struct store *store_open(const char *path, int create, char *err, size_t errlen)
{
	struct store *st = xcalloc(1, sizeof *st);

	if (open_db(st, path, create) == 0)
		return st;
	if (err && errlen)
		snprintf(err, errlen, "%s", st->err);
	store_close(st);
	return NULL;
}

void store_close(struct store *st)
{
	size_t i;

	if (!st)
		return;
	if (st->db && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	for (i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	free(st->cache);
	if (st->db) {
		/* keeps the query planner's statistics fresh; cheap when
		 * nothing changed (SQLite's advice for long-lived connections) */
		if (st->version > 0)
			sqlite3_exec(st->db, "PRAGMA optimize", NULL, NULL, NULL);
		sqlite3_close_v2(st->db);
	}
	free(st);
}

const char *store_errmsg(struct store *st)
{
	return st ? st->err : "";
}

int store_user_version(struct store *st)
{
	return st->version;
}

struct sqlite3 *store_db(struct store *st)
{
	return st->db;
}

/* ---- the community and settings ------------------------------------------ */

int store_community_get(struct store *st, struct community *c)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT id, name, party_org, committee, street, phone"
		" FROM community ORDER BY rowid LIMIT 1");
	int rc, r = 0;

	if (!s)
		return -1;
	memset(c, 0, sizeof *c);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW)
		return step_end(st, s, rc) ? -1 : 1;
	if (col_copy(st, s, 0, c->id, sizeof c->id, "社区编号") ||
	    col_copy(st, s, 1, c->name, sizeof c->name, "社区名称") ||
	    col_copy(st, s, 2, c->party_org, sizeof c->party_org, "党组织名称") ||
	    col_copy(st, s, 3, c->committee, sizeof c->committee, "居委会名称") ||
	    col_copy(st, s, 4, c->street, sizeof c->street, "街道名称") ||
	    col_copy(st, s, 5, c->phone, sizeof c->phone, "异议电话"))
		r = -1;
	sqlite3_reset(s);
	return r;
}

int store_community_set(struct store *st, struct community *c)
{
	char id[ID_LEN], now[20];
	sqlite3_stmt *s;

	if (FITS(st, c->id, "社区编号") || FITS(st, c->name, "社区名称") ||
	    FITS(st, c->party_org, "党组织名称") || FITS(st, c->committee, "居委会名称") ||
	    FITS(st, c->street, "街道名称") || FITS(st, c->phone, "异议电话"))
		return -1;
	if (tx_begin(st))
		return -1;
	id[0] = '\0';
	if (c->id[0]) {
		ys_strlcpy(id, c->id, sizeof id);
	} else {
		/* one community per database: an empty id edits the one
		 * that is there, or creates it */
		s = stmt(st, "SELECT id FROM community ORDER BY rowid LIMIT 1");
		if (!s)
			return tx_end(st, -1);
		if (read_one_text(st, s, id, sizeof id, "社区编号") < 0)
			return tx_end(st, -1);
		if (!id[0])
			new_id(id);
	}
	now_stamp(now);
	s = stmt(st,
		"INSERT INTO community(id, name, party_org, committee, street, phone, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
		" ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
		" party_org = excluded.party_org, committee = excluded.committee,"
		" street = excluded.street, phone = excluded.phone,"
		" updated_at = excluded.updated_at");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, c->name);
	bind_text(s, 3, c->party_org);
	bind_text(s, 4, c->committee);
	bind_text(s, 5, c->street);
	bind_text(s, 6, c->phone);
	bind_text(s, 7, now);
	if (tx_end(st, run(st, s, "社区信息保存失败")))
		return -1;
	memcpy(c->id, id, sizeof c->id);
	return 0;
}

int store_setting_get(struct store *st, const char *key, char *val, size_t len)
{
	sqlite3_stmt *s = stmt(st, "SELECT value FROM setting WHERE key = ?1");

	if (!s)
		return -1;
	if (!val || len == 0)
		return fail(st, "设置值的缓冲区不能为空");
	bind_text(s, 1, key);
	return read_one_text(st, s, val, len, "设置值");
}

int store_setting_set(struct store *st, const char *key, const char *val)
{
	char now[20];
	sqlite3_stmt *s;

	if (!key || !*key)
		return fail(st, "设置项名称不能为空");
	if (tx_begin(st))
		return -1;
	now_stamp(now);
	s = stmt(st,
		"INSERT INTO setting(key, value, updated_at) VALUES (?1, ?2, ?3)"
		" ON CONFLICT(key) DO UPDATE SET value = excluded.value,"
		" updated_at = excluded.updated_at");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, key);
	bind_text(s, 2, val ? val : "");
	bind_text(s, 3, now);
	return tx_end(st, run(st, s, "设置保存失败"));
}

/* ---- people -------------------------------------------------------------- */

#define PERSON_COLS "id, no, name, gender, roles, grid, building, unit, room, phone, note, active"

static int read_person(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct person *p = dst;

	memset(p, 0, sizeof *p);
	p->no = col_int(s, 1);
	p->roles = col_int(s, 4);
	p->active = col_int(s, 11);
	return col_copy(st, s, 0, p->id, sizeof p->id, "人员编号") ||
	       col_copy(st, s, 2, p->name, sizeof p->name, "姓名") ||
	       col_copy(st, s, 3, p->gender, sizeof p->gender, "性别") ||
	       col_copy(st, s, 5, p->grid, sizeof p->grid, "网格") ||
	       col_copy(st, s, 6, p->building, sizeof p->building, "楼栋") ||
	       col_copy(st, s, 7, p->unit, sizeof p->unit, "单元") ||
	       col_copy(st, s, 8, p->room, sizeof p->room, "房号") ||
	       col_copy(st, s, 9, p->phone, sizeof p->phone, "电话") ||
	       col_copy(st, s, 10, p->note, sizeof p->note, "备注") ? -1 : 0;
}

static int person_fits(struct store *st, const struct person *p)
{
	return FITS(st, p->id, "人员编号") || FITS(st, p->name, "姓名") ||
	       FITS(st, p->gender, "性别") || FITS(st, p->grid, "网格") ||
	       FITS(st, p->building, "楼栋") || FITS(st, p->unit, "单元") ||
	       FITS(st, p->room, "房号") || FITS(st, p->phone, "电话") ||
	       FITS(st, p->note, "备注") ? -1 : 0;
}

int store_person_add(struct store *st, struct person *p)
{
	char id[ID_LEN], now[20];
	long long no;
	sqlite3_stmt *s;
	int rc;

	if (person_fits(st, p))
		return -1;
	if (tx_begin(st))
		return -1;
	s = stmt(st, "SELECT COALESCE(MAX(no), 0) + 1 FROM person");
	if (!s || query_int(st, s, &no))
		return tx_end(st, -1);
	if (no > INT_MAX)
		return tx_end(st, fail(st, "人员编号已用尽"));
	new_id(id);
	now_stamp(now);
	s = stmt(st,
		"INSERT INTO person(id, no, name, gender, roles, grid, building, unit, room,"
		" phone, note, active, created_at, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_int(s, 2, no);
	bind_text(s, 3, p->name);
	bind_text(s, 4, p->gender);
	bind_int(s, 5, p->roles);
	bind_text(s, 6, p->grid);
	bind_text(s, 7, p->building);
	bind_text(s, 8, p->unit);
	bind_text(s, 9, p->room);
	bind_text(s, 10, p->phone);
	bind_text(s, 11, p->note);
	bind_int(s, 12, p->active ? 1 : 0);
	bind_text(s, 13, now);
	rc = run(st, s, "人员保存失败");
	if (tx_end(st, rc))
		return -1;
	memcpy(p->id, id, sizeof p->id);
	p->no = (int)no;
	return 0;
}

int store_person_update(struct store *st, const struct person *p)
{
	char now[20];
	sqlite3_stmt *s;
	int rc;

	if (person_fits(st, p))
		return -1;
	if (tx_begin(st))
		return -1;
	now_stamp(now);
	/* the number stays: past attendance sheets and printed lists use it */
	s = stmt(st,
		"UPDATE person SET name = ?2, gender = ?3, roles = ?4, grid = ?5, building = ?6,"
		" unit = ?7, room = ?8, phone = ?9, note = ?10, active = ?11, updated_at = ?12"
		" WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, p->id);
	bind_text(s, 2, p->name);
	bind_text(s, 3, p->gender);
	bind_int(s, 4, p->roles);
	bind_text(s, 5, p->grid);
	bind_text(s, 6, p->building);
	bind_text(s, 7, p->unit);
	bind_text(s, 8, p->room);
	bind_text(s, 9, p->phone);
	bind_text(s, 10, p->note);
	bind_int(s, 11, p->active ? 1 : 0);
	bind_text(s, 12, now);
	rc = run(st, s, "人员保存失败");
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = fail(st, "人员不存在");
	return tx_end(st, rc);
}

int store_person_set_active(struct store *st, const char *id, int active)
{
	char now[20];
	sqlite3_stmt *s;
	int rc;

	if (tx_begin(st))
		return -1;
	now_stamp(now);
	s = stmt(st, "UPDATE person SET active = ?2, updated_at = ?3 WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_int(s, 2, active ? 1 : 0);
	bind_text(s, 3, now);
	rc = run(st, s, "人员保存失败");
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = fail(st, "人员不存在");
	return tx_end(st, rc);
}

int store_person_get(struct store *st, const char *id, struct person *p)
{
	sqlite3_stmt *s = stmt(st, "SELECT " PERSON_COLS " FROM person WHERE id = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, id);
	return read_one(st, s, p, sizeof *p, read_person);
}

int store_person_get_by_no(struct store *st, int no, struct person *p)
{
	sqlite3_stmt *s = stmt(st, "SELECT " PERSON_COLS " FROM person WHERE no = ?1");

	if (!s)
		return -1;
	bind_int(s, 1, no);
	return read_one(st, s, p, sizeof *p, read_person);
}

/* the filter of a person query, as parameters ?2 ?3 ?4 */
#define PERSON_FILTER \
	" (?2 = '' OR instr(name, ?2) > 0) AND (?3 = 0 OR (roles & ?3) <> 0)" \
	" AND (?4 = 0 OR active = 1)"

static void bind_person_query(sqlite3_stmt *s, const struct person_query *q)
{
	bind_text(s, 2, q && q->name ? q->name : "");
	bind_int(s, 3, q ? q->roles : 0);
	bind_int(s, 4, q ? q->active_only : 0);
}

int store_person_page(struct store *st, const struct person_query *q,
                      int after_no, int dir, struct person *out, int max)
{
	sqlite3_stmt *s;
	int n;

	if (max <= 0)
		return 0;
	s = dir >= 0
		? stmt(st, "SELECT " PERSON_COLS " FROM person WHERE no > ?1 AND" PERSON_FILTER
		           " ORDER BY no LIMIT ?5")
		: stmt(st, "SELECT " PERSON_COLS " FROM person WHERE no < ?1 AND" PERSON_FILTER
		           " ORDER BY no DESC LIMIT ?5");
	if (!s)
		return -1;
	bind_int(s, 1, after_no);
	bind_person_query(s, q);
	bind_int(s, 5, max);
	n = read_rows(st, s, out, sizeof *out, max, read_person, NULL);
	if (dir < 0 && n > 0)
		reverse(out, n, sizeof *out);
	return n;
}

int store_person_count(struct store *st, const struct person_query *q)
{
	sqlite3_stmt *s = stmt(st, "SELECT COUNT(*) FROM person WHERE" PERSON_FILTER);
	long long n;

	if (!s)
		return -1;
	bind_person_query(s, q);
	if (query_int(st, s, &n))
		return -1;
	return (int)n;
}

/* ---- rule sets ------------------------------------------------------------ */

#define RULE_COLS "id, code, name, q_base, q_cmp, q_num, q_den, p_base, p_cmp, p_num, p_den, source"

/* columns from `first` on, in the order of RULE_COLS (votes carry the
 * same fields as a snapshot) */
static int read_rule_at(struct store *st, sqlite3_stmt *s, int first, struct rule_set *r)
{
	memset(r, 0, sizeof *r);
	r->q_base = col_int(s, first + 3);
	r->q_cmp = col_int(s, first + 4);
	r->q_num = col_int(s, first + 5);
	r->q_den = col_int(s, first + 6);
	r->p_base = col_int(s, first + 7);
	r->p_cmp = col_int(s, first + 8);
	r->p_num = col_int(s, first + 9);
	r->p_den = col_int(s, first + 10);
	return col_copy(st, s, first, r->id, sizeof r->id, "规则编号") ||
	       col_copy(st, s, first + 1, r->code, sizeof r->code, "规则代码") ||
	       col_copy(st, s, first + 2, r->name, sizeof r->name, "规则名称") ||
	       col_copy(st, s, first + 11, r->source, sizeof r->source, "规则依据") ? -1 : 0;
}

static int read_rule(struct store *st, sqlite3_stmt *s, void *dst)
{
	return read_rule_at(st, s, 0, dst);
}

static int rule_fits(struct store *st, const struct rule_set *r)
{
	return FITS(st, r->id, "规则编号") || FITS(st, r->code, "规则代码") ||
	       FITS(st, r->name, "规则名称") || FITS(st, r->source, "规则依据") ? -1 : 0;
}

int store_rule_list(struct store *st, struct rule_set *out, int max)
{
	sqlite3_stmt *s = stmt(st, "SELECT " RULE_COLS " FROM rule_set ORDER BY sort, code LIMIT ?1");

	if (!s)
		return -1;
	if (max <= 0)
		return 0;
	bind_int(s, 1, max);
	return read_rows(st, s, out, sizeof *out, max, read_rule, NULL);
}

int store_rule_get(struct store *st, const char *id, struct rule_set *r)
{
	sqlite3_stmt *s = stmt(st, "SELECT " RULE_COLS " FROM rule_set WHERE id = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, id);
	return read_one(st, s, r, sizeof *r, read_rule);
}

int store_rule_get_code(struct store *st, const char *code, struct rule_set *r)
{
	sqlite3_stmt *s = stmt(st, "SELECT " RULE_COLS " FROM rule_set WHERE code = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, code);
	return read_one(st, s, r, sizeof *r, read_rule);
}

/* the whole rule in one line, for the change log */
static char *rule_text(const struct rule_set *r)
{
	char desc[1024];

	rule_describe(r, desc, sizeof desc);
	return xasprintf("%s（%s）：%s；依据：%s", r->name, r->code, desc, r->source);
}

int store_rule_update(struct store *st, const struct rule_set *r, const char *reason)
{
	struct rule_set old;
	char now[20], err[256], *was, *now_text;
	sqlite3_stmt *s;
	int rc;

	if (rule_fits(st, r))
		return -1;
	if (rule_validate(r, err, sizeof err))
		return fail(st, "%s", err);
	if (tx_begin(st))
		return -1;
	rc = store_rule_get(st, r->id, &old);
	if (rc)
		return tx_end(st, rc < 0 ? -1 : fail(st, "表决规则不存在"));
	now_stamp(now);
	/* the code stays: meeting kinds find their default rule by it */
	s = stmt(st,
		"UPDATE rule_set SET name = ?2, q_base = ?3, q_cmp = ?4, q_num = ?5, q_den = ?6,"
		" p_base = ?7, p_cmp = ?8, p_num = ?9, p_den = ?10, source = ?11, updated_at = ?12"
		" WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, r->id);
	bind_text(s, 2, r->name);
	bind_int(s, 3, r->q_base);
	bind_int(s, 4, r->q_cmp);
	bind_int(s, 5, r->q_num);
	bind_int(s, 6, r->q_den);
	bind_int(s, 7, r->p_base);
	bind_int(s, 8, r->p_cmp);
	bind_int(s, 9, r->p_num);
	bind_int(s, 10, r->p_den);
	bind_text(s, 11, r->source);
	bind_text(s, 12, now);
	if (run(st, s, "表决规则保存失败"))
		return tx_end(st, -1);
	{
		struct rule_set nw = *r;

		memcpy(nw.code, old.code, sizeof nw.code);
		was = rule_text(&old);
		now_text = rule_text(&nw);
	}
	rc = store_log(st, "rule_set", r->id, "rule", was, now_text, reason);
	free(was);
	free(now_text);
	return tx_end(st, rc);
}

/* ---- proposals ------------------------------------------------------------- */

/* content is the last column: the page queries select NULL there */
#define PROPOSAL_BASE "p.id, p.number, p.title, p.source, p.category, p.grid, p.building," \
	" p.step, p.status, p.created_at, p.updated_at"
#define PROPOSAL_COLS PROPOSAL_BASE ", p.content"
#define PROPOSAL_PAGE_COLS PROPOSAL_BASE ", NULL"

void proposal_clear(struct proposal *p)
{
	if (!p)
		return;
	free(p->content);
	p->content = NULL;
}

static void proposal_clear_v(void *p)
{
	proposal_clear(p);
}

/* "张三、李四" into p->proposers.  A long joint signature is shortened at
 * a name with 「等 N 人」, which says that it was shortened. */
static int fill_proposers(struct store *st, struct proposal *p)
{
	sqlite3_stmt *s = stmt(st, "SELECT name FROM proposer WHERE proposal_id = ?1 ORDER BY seq");
	char *buf = p->proposers;
	size_t cap = sizeof p->proposers, len = 0, room = cap - 24; /* 「等 N 人」 */
	int rc, total = 0, cut = 0;

	buf[0] = '\0';
	if (!s)
		return -1;
	bind_text(s, 1, p->id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = col_text(s, 0);
		size_t n = strlen(name), sep = len ? strlen("、") : 0;

		total++;
		if (cut)
			continue;
		if (len + sep + n >= room) {
			cut = 1;
			continue;
		}
		if (sep)
			memcpy(buf + len, "、", sep);
		memcpy(buf + len + sep, name, n);
		len += sep + n;
		buf[len] = '\0';
	}
	if (step_end(st, s, rc))
		return -1;
	if (cut)
		snprintf(buf + len, cap - len, "等 %d 人", total);
	return 0;
}

static int read_proposal_row(struct store *st, sqlite3_stmt *s, struct proposal *p)
{
	memset(p, 0, sizeof *p);
	p->step = col_int(s, 7);
	p->status = col_int(s, 8);
	if (col_copy(st, s, 0, p->id, sizeof p->id, "议题编号") ||
	    col_copy(st, s, 1, p->number, sizeof p->number, "议题编号") ||
	    col_copy(st, s, 2, p->title, sizeof p->title, "议题标题") ||
	    col_copy(st, s, 3, p->source, sizeof p->source, "议题来源") ||
	    col_copy(st, s, 4, p->category, sizeof p->category, "议题类别") ||
	    col_copy(st, s, 5, p->grid, sizeof p->grid, "网格") ||
	    col_copy(st, s, 6, p->building, sizeof p->building, "楼栋") ||
	    col_copy(st, s, 9, p->created_at, sizeof p->created_at, "提出时间") ||
	    col_copy(st, s, 10, p->updated_at, sizeof p->updated_at, "更新时间"))
		return -1;
	p->content = col_dup(s, 11);
	if (fill_proposers(st, p)) {
		proposal_clear(p);
		return -1;
	}
	return 0;
}

static int read_proposal(struct store *st, sqlite3_stmt *s, void *dst)
{
	return read_proposal_row(st, s, dst);
}

/* "2026-018" into year and seq; "" gives 0 (caller decides) */
static int parse_pnumber(struct store *st, const char *num, int *year, int *seq)
{
	int y = 0, q = 0, i;
	const char *p = num;

	*year = *seq = 0;
	if (!num || !*num)
		return 0;
	for (i = 0; i < 4 && *p >= '0' && *p <= '9'; i++, p++)
		y = y * 10 + (*p - '0');
	if (i != 4 || *p++ != '-' || !*p)
		return fail(st, "议题编号格式不对：%s（应为 2026-018）", num);
	for (i = 0; *p >= '0' && *p <= '9' && i < 7; i++, p++)
		q = q * 10 + (*p - '0');
	if (*p || i == 0)
		return fail(st, "议题编号格式不对：%s（应为 2026-018）", num);
	*year = y;
	*seq = q;
	return 0;
}

int store_proposal_add(struct store *st, struct proposal *p,
                       const struct proposer *pp, int n)
{
	char id[ID_LEN], eid[ID_LEN], now[20], number[16], pname[128];
	long long seq;
	int year = ys_year_now(), i, rc;
	sqlite3_stmt *s;

	if (n < 1 || !pp)
		return fail(st, "议题至少要有一位提议人");
	if (FITS(st, p->title, "议题标题") || FITS(st, p->source, "议题来源") ||
	    FITS(st, p->category, "议题类别") || FITS(st, p->grid, "网格") ||
	    FITS(st, p->building, "楼栋"))
		return -1;
	for (i = 0; i < n; i++)
		if (FITS(st, pp[i].person_id, "提议人编号") || FITS(st, pp[i].name, "提议人姓名"))
			return -1;
	if (year < 1900 || year > 9999)
		return fail(st, "系统日期不对（%d 年），无法给议题编号", year);
	if (tx_begin(st))
		return -1;
	s = stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM proposal WHERE year = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_int(s, 1, year);
	if (query_int(st, s, &seq))
		return tx_end(st, -1);
	if (seq > 999999)
		return tx_end(st, fail(st, "%d 年的议题编号已用尽", year));
	snprintf(number, sizeof number, "%04d-%03d", year, (int)seq);
	new_id(id);
	now_stamp(now);
	s = stmt(st,
		"INSERT INTO proposal(id, number, year, seq, title, content, source, category,"
		" grid, building, step, status, created_at, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, number);
	bind_int(s, 3, year);
	bind_int(s, 4, seq);
	bind_text(s, 5, p->title);
	bind_text(s, 6, p->content ? p->content : "");
	bind_text(s, 7, p->source);
	bind_text(s, 8, p->category);
	bind_text(s, 9, p->grid);
	bind_text(s, 10, p->building);
	bind_int(s, 11, STEP_PROPOSE);
	bind_int(s, 12, PST_ACTIVE);
	bind_text(s, 13, now);
	if (run(st, s, "议题保存失败"))
		return tx_end(st, -1);

	for (i = 0; i < n; i++) {
		char pid[ID_LEN];

		memcpy(pname, pp[i].name, sizeof pname);
		if (!pname[0] && pp[i].person_id[0]) {
			/* the name as it is today, frozen with the proposal */
			struct person who;

			rc = store_person_get(st, pp[i].person_id, &who);
			if (rc)
				return tx_end(st, rc < 0 ? -1 : fail(st, "提议人不在花名册中"));
			ys_strlcpy(pname, who.name, sizeof pname);
		}
		if (!pname[0])
			return tx_end(st, fail(st, "提议人姓名不能为空"));
		new_id(pid);
		s = stmt(st,
			"INSERT INTO proposer(id, proposal_id, seq, person_id, name, kind)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
		if (!s)
			return tx_end(st, -1);
		bind_text(s, 1, pid);
		bind_text(s, 2, id);
		bind_int(s, 3, i + 1);
		bind_ref(s, 4, pp[i].person_id);
		bind_text(s, 5, pname);
		bind_int(s, 6, pp[i].kind);
		if (run(st, s, "提议人保存失败"))
			return tx_end(st, -1);
	}

	new_id(eid);
	s = stmt(st,
		"INSERT INTO proposal_event(id, proposal_id, seq, at, action, from_step, to_step, status)"
		" VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, eid);
	bind_text(s, 2, id);
	bind_text(s, 3, now);
	bind_int(s, 4, ACT_PROPOSE);
	bind_int(s, 5, STEP_NONE);
	bind_int(s, 6, STEP_PROPOSE);
	bind_int(s, 7, PST_ACTIVE);
	if (tx_end(st, run(st, s, "议题保存失败")))
		return -1;

	memcpy(p->id, id, sizeof p->id);
	memcpy(p->number, number, sizeof p->number);
	p->step = STEP_PROPOSE;
	p->status = PST_ACTIVE;
	memcpy(p->created_at, now, sizeof p->created_at);
	memcpy(p->updated_at, now, sizeof p->updated_at);
	/* saved already; a failure here only leaves the display line empty */
	fill_proposers(st, p);
	return 0;
}

int store_proposal_get(struct store *st, const char *id, struct proposal *p)
{
	sqlite3_stmt *s = stmt(st, "SELECT " PROPOSAL_COLS " FROM proposal p WHERE p.id = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, id);
	return read_one(st, s, p, sizeof *p, read_proposal);
}

int store_proposal_get_number(struct store *st, const char *number, struct proposal *p)
{
	sqlite3_stmt *s = stmt(st, "SELECT " PROPOSAL_COLS " FROM proposal p WHERE p.number = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, number);
	return read_one(st, s, p, sizeof *p, read_proposal);
}

static int read_proposer(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct proposer *p = dst;

	memset(p, 0, sizeof *p);
	p->kind = col_int(s, 2);
	return col_copy(st, s, 0, p->person_id, sizeof p->person_id, "提议人编号") ||
	       col_copy(st, s, 1, p->name, sizeof p->name, "提议人姓名") ? -1 : 0;
}

int store_proposal_proposers(struct store *st, const char *pid,
                             struct proposer *out, int max)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT person_id, name, kind FROM proposer WHERE proposal_id = ?1"
		" ORDER BY seq LIMIT ?2");

	if (!s)
		return -1;
	if (max <= 0)
		return 0;
	bind_text(s, 1, pid);
	bind_int(s, 2, max);
	return read_rows(st, s, out, sizeof *out, max, read_proposer, NULL);
}

int store_proposal_page(struct store *st, int step, const char *after, int dir,
                        struct proposal *out, int max)
{
	sqlite3_stmt *s;
	int year, seq, n;

	if (step < 0 || step > STEP_MAX)
		return fail(st, "议题步骤不对：%d", step);
	if (max <= 0)
		return 0;
	if (parse_pnumber(st, after, &year, &seq))
		return -1;
	if (!after || !*after) {
		/* from the start, or from the end going backwards */
		year = dir >= 0 ? 0 : 10000;
		seq = 0;
	}
	if (step > 0)
		s = dir >= 0
			? stmt(st, "SELECT " PROPOSAL_PAGE_COLS " FROM proposal p"
			           " WHERE p.step = ?1 AND p.status = 0 AND (p.year, p.seq) > (?2, ?3)"
			           " ORDER BY p.year, p.seq LIMIT ?4")
			: stmt(st, "SELECT " PROPOSAL_PAGE_COLS " FROM proposal p"
			           " WHERE p.step = ?1 AND p.status = 0 AND (p.year, p.seq) < (?2, ?3)"
			           " ORDER BY p.year DESC, p.seq DESC LIMIT ?4");
	else
		/* ?1 unused: the 终止 column of every step (partial index) */
		s = dir >= 0
			? stmt(st, "SELECT " PROPOSAL_PAGE_COLS " FROM proposal p"
			           " WHERE p.status <> 0 AND (p.year, p.seq) > (?2, ?3)"
			           " ORDER BY p.year, p.seq LIMIT ?4")
			: stmt(st, "SELECT " PROPOSAL_PAGE_COLS " FROM proposal p"
			           " WHERE p.status <> 0 AND (p.year, p.seq) < (?2, ?3)"
			           " ORDER BY p.year DESC, p.seq DESC LIMIT ?4");
	if (!s)
		return -1;
	if (step > 0)
		bind_int(s, 1, step);
	bind_int(s, 2, year);
	bind_int(s, 3, seq);
	bind_int(s, 4, max);
	n = read_rows(st, s, out, sizeof *out, max, read_proposal, proposal_clear_v);
	if (dir < 0 && n > 0)
		reverse(out, n, sizeof *out);
	return n;
}

int store_proposal_count(struct store *st, int step)
{
	sqlite3_stmt *s;
	long long n;

	if (step < 0 || step > STEP_MAX)
		return fail(st, "议题步骤不对：%d", step);
	if (step > 0) {
		s = stmt(st, "SELECT COUNT(*) FROM proposal WHERE step = ?1 AND status = 0");
		if (!s)
			return -1;
		bind_int(s, 1, step);
	} else {
		/* the planner would rather scan proposal_board, which
		 * covers every proposal; the partial index holds only these */
		s = stmt(st, "SELECT COUNT(*) FROM proposal INDEXED BY proposal_ended"
		             " WHERE status <> 0");
		if (!s)
			return -1;
	}
	if (query_int(st, s, &n))
		return -1;
	return (int)n;
}

int store_proposal_waiting(struct store *st, int step, struct proposal *out, int max)
{
	if (step < 1 || step > STEP_MAX)
		return fail(st, "议题步骤不对：%d", step);
	/* the board column read from its start is exactly that */
	return store_proposal_page(st, step, "", 1, out, max);
}

/* number of characters (code points) of UTF-8 text */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

int store_proposal_search(struct store *st, const char *q, const char *after,
                          struct proposal *out, int max)
{
	struct strbuf pat = { 0 };
	sqlite3_stmt *s;
	const char *c;
	int year, seq, n;

	if (!q || !*q || max <= 0)
		return 0;
	if (parse_pnumber(st, after, &year, &seq))
		return -1;
	if (!after || !*after) {
		year = 10000;
		seq = 0;
	}
	if (utf8_chars(q) >= 3) {
		/* FTS5 query syntax, not SQL: the text becomes one quoted
		 * phrase (a quote inside is doubled), so that the trigrams
		 * must follow each other = a plain substring match */
		sb_add(&pat, "\"");
		for (c = q; *c; c++) {
			if (*c == '"')
				sb_add(&pat, "\"\"");
			else
				sb_addn(&pat, c, 1);
		}
		sb_add(&pat, "\"");
		s = stmt(st,
			"SELECT " PROPOSAL_PAGE_COLS " FROM proposal_fts f"
			" JOIN proposal p ON p.year = f.rowid / 1000000 AND p.seq = f.rowid % 1000000"
			" WHERE proposal_fts MATCH ?1 AND f.rowid < ?2"
			" ORDER BY f.rowid DESC LIMIT ?3");
		if (!s) {
			sb_free(&pat);
			return -1;
		}
		bind_text(s, 1, pat.s);
		bind_int(s, 2, FTS_KEY(year, seq));
		bind_int(s, 3, max);
	} else {
		/* one or two characters have no trigram: scan, newest first,
		 * stopping after a page of hits */
		sb_add(&pat, "%");
		for (c = q; *c; c++) {
			if (*c == '%' || *c == '_' || *c == '\\')
				sb_add(&pat, "\\");
			sb_addn(&pat, c, 1);
		}
		sb_add(&pat, "%");
		s = stmt(st,
			"SELECT " PROPOSAL_PAGE_COLS " FROM proposal p"
			" WHERE (p.year, p.seq) < (?2, ?3)"
			" AND (p.title LIKE ?1 ESCAPE '\\' OR p.content LIKE ?1 ESCAPE '\\')"
			" ORDER BY p.year DESC, p.seq DESC LIMIT ?4");
		if (!s) {
			sb_free(&pat);
			return -1;
		}
		bind_text(s, 1, pat.s);
		bind_int(s, 2, year);
		bind_int(s, 3, seq);
		bind_int(s, 4, max);
	}
	sb_free(&pat);
	n = read_rows(st, s, out, sizeof *out, max, read_proposal, proposal_clear_v);
	return n;
}

/* ---- proposal events ------------------------------------------------------- */

void pevent_clear(struct pevent *e)
{
	if (!e)
		return;
	free(e->reason);
	e->reason = NULL;
}

static void pevent_clear_v(void *e)
{
	pevent_clear(e);
}

int store_proposal_transition(struct store *st, const char *pid, int action,
                              int new_step, int new_status,
                              const char *meeting_id, const char *agenda_id,
                              const char *vote_id, const char *reason)
{
	char eid[ID_LEN], now[20];
	long long from, seq;
	sqlite3_stmt *s;
	int rc;

	if (tx_begin(st))
		return -1;
	s = stmt(st, "SELECT step FROM proposal WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, pid);
	rc = query_int(st, s, &from);
	if (rc)
		return tx_end(st, rc < 0 ? -1 : fail(st, "议题不存在"));
	now_stamp(now);
	s = stmt(st, "UPDATE proposal SET step = ?2, status = ?3, updated_at = ?4 WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, pid);
	bind_int(s, 2, new_step);
	bind_int(s, 3, new_status);
	bind_text(s, 4, now);
	if (run(st, s, "议题流转保存失败"))
		return tx_end(st, -1);
	s = stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM proposal_event WHERE proposal_id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, pid);
	if (query_int(st, s, &seq))
		return tx_end(st, -1);
	new_id(eid);
	s = stmt(st,
		"INSERT INTO proposal_event(id, proposal_id, seq, at, action, from_step, to_step,"
		" status, meeting_id, agenda_id, vote_id, reason)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, eid);
	bind_text(s, 2, pid);
	bind_int(s, 3, seq);
	bind_text(s, 4, now);
	bind_int(s, 5, action);
	bind_int(s, 6, from);
	bind_int(s, 7, new_step);
	bind_int(s, 8, new_status);
	bind_ref(s, 9, meeting_id);
	bind_ref(s, 10, agenda_id);
	bind_ref(s, 11, vote_id);
	bind_ref(s, 12, reason);
	return tx_end(st, run(st, s, "议题流转保存失败"));
}

static int read_pevent(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct pevent *e = dst;

	memset(e, 0, sizeof *e);
	e->action = col_int(s, 3);
	e->from_step = col_int(s, 4);
	e->to_step = col_int(s, 5);
	e->status = col_int(s, 6);
	e->meeting_kind = col_int(s, 11);
	if (col_copy(st, s, 0, e->id, sizeof e->id, "流转记录编号") ||
	    col_copy(st, s, 1, e->proposal_id, sizeof e->proposal_id, "议题编号") ||
	    col_copy(st, s, 2, e->at, sizeof e->at, "流转时间") ||
	    col_copy(st, s, 7, e->meeting_id, sizeof e->meeting_id, "会议编号") ||
	    col_copy(st, s, 8, e->meeting_number, sizeof e->meeting_number, "会议编号") ||
	    col_copy(st, s, 9, e->meeting_title, sizeof e->meeting_title, "会议名称") ||
	    col_copy(st, s, 10, e->meeting_date, sizeof e->meeting_date, "会议日期") ||
	    col_copy(st, s, 12, e->agenda_id, sizeof e->agenda_id, "议程编号") ||
	    col_copy(st, s, 13, e->vote_id, sizeof e->vote_id, "表决编号"))
		return -1;
	e->reason = col_dup(s, 14);
	return 0;
}

int store_proposal_events(struct store *st, const char *pid,
                          struct pevent *out, int max, int *total)
{
	sqlite3_stmt *s;
	long long n;

	if (total) {
		s = stmt(st, "SELECT COUNT(*) FROM proposal_event WHERE proposal_id = ?1");
		if (!s)
			return -1;
		bind_text(s, 1, pid);
		if (query_int(st, s, &n))
			return -1;
		*total = (int)n;
	}
	if (max <= 0)
		return 0;
	s = stmt(st,
		"SELECT e.id, e.proposal_id, e.at, e.action, e.from_step, e.to_step, e.status,"
		" e.meeting_id, m.number, m.title, m.date, m.kind, e.agenda_id, e.vote_id, e.reason"
		" FROM proposal_event e LEFT JOIN meeting m ON m.id = e.meeting_id"
		" WHERE e.proposal_id = ?1 ORDER BY e.seq LIMIT ?2");
	if (!s)
		return -1;
	bind_text(s, 1, pid);
	bind_int(s, 2, max);
	return read_rows(st, s, out, sizeof *out, max, read_pevent, pevent_clear_v);
}

int store_proposal_event_find(struct store *st, const char *pid, int action,
                              int to_step, struct pevent *e)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT e.id, e.proposal_id, e.at, e.action, e.from_step, e.to_step, e.status,"
		" e.meeting_id, m.number, m.title, m.date, m.kind, e.agenda_id, e.vote_id, e.reason"
		" FROM proposal_event e LEFT JOIN meeting m ON m.id = e.meeting_id"
		" WHERE e.proposal_id = ?1 AND e.action = ?2 AND (?3 <= 0 OR e.to_step = ?3)"
		" ORDER BY e.seq DESC LIMIT 1");

	if (!s)
		return -1;
	bind_text(s, 1, pid);
	bind_int(s, 2, action);
	bind_int(s, 3, to_step);
	return read_one(st, s, e, sizeof *e, read_pevent);
}

/* ---- meetings -------------------------------------------------------------- */

#define MEETING_COLS "id, number, kind, title, date, start_time, end_time, place," \
	" chair_id, chair_name, chair_post, clerk_id, clerk_name, rule_id, status, pending"

void meeting_clear(struct meeting *m)
{
	if (!m)
		return;
	free(m->pending);
	m->pending = NULL;
}

static void meeting_clear_v(void *m)
{
	meeting_clear(m);
}

static int read_meeting(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct meeting *m = dst;

	memset(m, 0, sizeof *m);
	m->kind = col_int(s, 2);
	m->status = col_int(s, 14);
	if (col_copy(st, s, 0, m->id, sizeof m->id, "会议编号") ||
	    col_copy(st, s, 1, m->number, sizeof m->number, "会议编号") ||
	    col_copy(st, s, 3, m->title, sizeof m->title, "会议名称") ||
	    col_copy(st, s, 4, m->date, sizeof m->date, "会议日期") ||
	    col_copy(st, s, 5, m->start_time, sizeof m->start_time, "开始时间") ||
	    col_copy(st, s, 6, m->end_time, sizeof m->end_time, "结束时间") ||
	    col_copy(st, s, 7, m->place, sizeof m->place, "会议地点") ||
	    col_copy(st, s, 8, m->chair_id, sizeof m->chair_id, "主持人编号") ||
	    col_copy(st, s, 9, m->chair_name, sizeof m->chair_name, "主持人姓名") ||
	    col_copy(st, s, 10, m->chair_post, sizeof m->chair_post, "主持人职务") ||
	    col_copy(st, s, 11, m->clerk_id, sizeof m->clerk_id, "记录人编号") ||
	    col_copy(st, s, 12, m->clerk_name, sizeof m->clerk_name, "记录人姓名") ||
	    col_copy(st, s, 13, m->rule_id, sizeof m->rule_id, "表决规则编号"))
		return -1;
	m->pending = col_dup(s, 15);
	return 0;
}

static int meeting_fits(struct store *st, const struct meeting *m)
{
	return FITS(st, m->title, "会议名称") || FITS(st, m->date, "会议日期") ||
	       FITS(st, m->start_time, "开始时间") || FITS(st, m->end_time, "结束时间") ||
	       FITS(st, m->place, "会议地点") || FITS(st, m->chair_id, "主持人编号") ||
	       FITS(st, m->chair_name, "主持人姓名") || FITS(st, m->chair_post, "主持人职务") ||
	       FITS(st, m->clerk_id, "记录人编号") || FITS(st, m->clerk_name, "记录人姓名") ||
	       FITS(st, m->rule_id, "表决规则编号") ? -1 : 0;
}

/* "2026-H-05" into year and seq; "" gives 0 */
static int parse_mnumber(struct store *st, const char *num, int *year, int *seq)
{
	int y = 0, q = 0, i;
	const char *p = num;

	*year = *seq = 0;
	if (!num || !*num)
		return 0;
	for (i = 0; i < 4 && *p >= '0' && *p <= '9'; i++, p++)
		y = y * 10 + (*p - '0');
	if (i != 4 || strncmp(p, "-H-", 3) != 0)
		return fail(st, "会议编号格式不对：%s（应为 2026-H-05）", num);
	for (p += 3, i = 0; *p >= '0' && *p <= '9' && i < 7; i++, p++)
		q = q * 10 + (*p - '0');
	if (*p || i == 0)
		return fail(st, "会议编号格式不对：%s（应为 2026-H-05）", num);
	*year = y;
	*seq = q;
	return 0;
}

static int insert_agenda(struct store *st, const char *mid, int seq,
                         const char *pid, const char *title)
{
	char id[ID_LEN];
	sqlite3_stmt *s = stmt(st,
		"INSERT INTO agenda_item(id, meeting_id, seq, proposal_id, title)"
		" VALUES (?1, ?2, ?3, ?4, ?5)");

	if (!s)
		return -1;
	new_id(id);
	bind_text(s, 1, id);
	bind_text(s, 2, mid);
	bind_int(s, 3, seq);
	bind_ref(s, 4, pid);
	bind_text(s, 5, title);
	return run(st, s, "议程保存失败");
}

/* the attendance sheet: a copy of the roster as it is now, so that a
 * later roster edit never changes who was 应到 at this meeting */
static int build_sheet(struct store *st, const char *mid, int roles)
{
	sqlite3_stmt *sel = stmt(st,
		"SELECT id, no, name, roles, grid FROM person"
		" WHERE active = 1 AND (roles & ?1) <> 0 ORDER BY no");
	sqlite3_stmt *ins;
	char id[ID_LEN];
	int rc;

	if (!sel)
		return -1;
	bind_int(sel, 1, roles);
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		ins = stmt(st,
			"INSERT INTO attendance(id, meeting_id, person_id, person_no, name, roles,"
			" grid, entitled, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8)");
		if (!ins) {
			sqlite3_reset(sel);
			return -1;
		}
		new_id(id);
		bind_text(ins, 1, id);
		bind_text(ins, 2, mid);
		bind_text(ins, 3, col_text(sel, 0));
		bind_int(ins, 4, sqlite3_column_int64(sel, 1));
		bind_text(ins, 5, col_text(sel, 2));
		bind_int(ins, 6, sqlite3_column_int64(sel, 3));
		bind_text(ins, 7, col_text(sel, 4));
		bind_int(ins, 8, ATT_NONE);
		if (run(st, ins, "签到表生成失败")) {
			sqlite3_reset(sel);
			return -1;
		}
	}
	return step_end(st, sel, rc);
}

int store_meeting_create(struct store *st, struct meeting *m,
                         const char *const *proposal_ids, int n,
                         const char *const *free_titles, int nfree)
{
	const struct meeting_kind_def *kd = meeting_kind_get(m->kind);
	char id[ID_LEN], now[20], number[16], rule_id[ID_LEN], title[256];
	struct tm day;
	long long seq;
	sqlite3_stmt *s;
	int year, i, rc;

	if (!kd)
		return fail(st, "会议类型不对：%d", m->kind);
	if (meeting_fits(st, m))
		return -1;
	if (n < 0 || nfree < 0 || (n > 0 && !proposal_ids) || (nfree > 0 && !free_titles))
		return fail(st, "议程参数不对");
	if (strlen(m->date) != 10 || ys_parse_date(m->date, &day))
		return fail(st, "会议日期不对：%s（应为 YYYY-MM-DD）", m->date);
	/* the number counts the meetings of the year the meeting is held in */
	year = atoi(m->date);
	if (year < 1900 || year > 9999)
		return fail(st, "会议日期不对：%s", m->date);
	if (tx_begin(st))
		return -1;
	s = stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM meeting WHERE year = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_int(s, 1, year);
	if (query_int(st, s, &seq))
		return tx_end(st, -1);
	if (seq > 999999)
		return tx_end(st, fail(st, "%d 年的会议编号已用尽", year));
	snprintf(number, sizeof number, "%04d-H-%02d", year, (int)seq);

	memcpy(rule_id, m->rule_id, sizeof rule_id);
	if (!rule_id[0] && kd->rule_code) {
		struct rule_set r;

		rc = store_rule_get_code(st, kd->rule_code, &r);
		if (rc < 0)
			return tx_end(st, -1);
		if (rc == 0)
			memcpy(rule_id, r.id, sizeof rule_id);
	}
	new_id(id);
	now_stamp(now);
	s = stmt(st,
		"INSERT INTO meeting(id, number, year, seq, kind, title, date, start_time, end_time,"
		" place, chair_id, chair_name, chair_post, clerk_id, clerk_name, rule_id, status,"
		" pending, created_at, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
		" ?17, ?18, ?19, ?19)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, number);
	bind_int(s, 3, year);
	bind_int(s, 4, seq);
	bind_int(s, 5, m->kind);
	bind_text(s, 6, m->title);
	bind_text(s, 7, m->date);
	bind_text(s, 8, m->start_time);
	bind_text(s, 9, m->end_time);
	bind_text(s, 10, m->place);
	bind_ref(s, 11, m->chair_id);
	bind_text(s, 12, m->chair_name);
	bind_text(s, 13, m->chair_post);
	bind_ref(s, 14, m->clerk_id);
	bind_text(s, 15, m->clerk_name);
	bind_ref(s, 16, rule_id);
	bind_int(s, 17, m->status);
	bind_text(s, 18, m->pending);
	bind_text(s, 19, now);
	if (run(st, s, "会议保存失败"))
		return tx_end(st, -1);

	for (i = 0; i < n; i++) {
		s = stmt(st, "SELECT title FROM proposal WHERE id = ?1");
		if (!s)
			return tx_end(st, -1);
		bind_text(s, 1, proposal_ids[i]);
		rc = read_one_text(st, s, title, sizeof title, "议题标题");
		if (rc)
			return tx_end(st, rc < 0 ? -1 : fail(st, "议题不存在：%s", proposal_ids[i]));
		if (insert_agenda(st, id, i + 1, proposal_ids[i], title))
			return tx_end(st, -1);
	}
	for (i = 0; i < nfree; i++) {
		if (!free_titles[i] || !*free_titles[i])
			return tx_end(st, fail(st, "议程标题不能为空"));
		if (fits(st, free_titles[i], sizeof title, "议程标题") ||
		    insert_agenda(st, id, n + i + 1, NULL, free_titles[i]))
			return tx_end(st, -1);
	}
	if (tx_end(st, build_sheet(st, id, kd->entitled_roles)))
		return -1;
	memcpy(m->id, id, sizeof m->id);
	memcpy(m->number, number, sizeof m->number);
	memcpy(m->rule_id, rule_id, sizeof m->rule_id);
	return 0;
}

int store_meeting_get(struct store *st, const char *id, struct meeting *m)
{
	sqlite3_stmt *s = stmt(st, "SELECT " MEETING_COLS " FROM meeting WHERE id = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, id);
	return read_one(st, s, m, sizeof *m, read_meeting);
}

int store_meeting_get_number(struct store *st, const char *number, struct meeting *m)
{
	sqlite3_stmt *s = stmt(st, "SELECT " MEETING_COLS " FROM meeting WHERE number = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, number);
	return read_one(st, s, m, sizeof *m, read_meeting);
}

int store_meeting_page(struct store *st, const char *after_date,
                       const char *after_number, struct meeting *out, int max)
{
	sqlite3_stmt *s;
	int year, seq;

	if (max <= 0)
		return 0;
	if (!after_date || !*after_date) {
		s = stmt(st, "SELECT " MEETING_COLS " FROM meeting"
		             " ORDER BY date DESC, year DESC, seq DESC LIMIT ?4");
		if (!s)
			return -1;
	} else {
		/* (date, year, seq) rather than (date, number): the text of
		 * 2026-H-100 sorts before 2026-H-99 */
		if (parse_mnumber(st, after_number, &year, &seq))
			return -1;
		s = stmt(st, "SELECT " MEETING_COLS " FROM meeting"
		             " WHERE (date, year, seq) < (?1, ?2, ?3)"
		             " ORDER BY date DESC, year DESC, seq DESC LIMIT ?4");
		if (!s)
			return -1;
		bind_text(s, 1, after_date);
		bind_int(s, 2, year);
		bind_int(s, 3, seq);
	}
	bind_int(s, 4, max);
	return read_rows(st, s, out, sizeof *out, max, read_meeting, meeting_clear_v);
}

int store_meeting_set_status(struct store *st, const char *id, int status,
                             const char *end_time)
{
	char now[20];
	sqlite3_stmt *s;
	int rc;

	if (fits(st, end_time, FSIZE(struct meeting, end_time), "结束时间"))
		return -1;
	if (tx_begin(st))
		return -1;
	now_stamp(now);
	s = stmt(st,
		"UPDATE meeting SET status = ?2, end_time = COALESCE(?3, end_time), updated_at = ?4"
		" WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_int(s, 2, status);
	bind_text(s, 3, end_time);
	bind_text(s, 4, now);
	rc = run(st, s, "会议保存失败");
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = fail(st, "会议不存在");
	return tx_end(st, rc);
}

int store_meeting_set_pending(struct store *st, const char *id, const char *text)
{
	char now[20];
	sqlite3_stmt *s;
	int rc;

	if (tx_begin(st))
		return -1;
	now_stamp(now);
	s = stmt(st, "UPDATE meeting SET pending = ?2, updated_at = ?3 WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, text);
	bind_text(s, 3, now);
	rc = run(st, s, "遗留问题保存失败");
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = fail(st, "会议不存在");
	return tx_end(st, rc);
}

/* ---- agenda ---------------------------------------------------------------- */

#define AGENDA_COLS "a.id, a.meeting_id, a.seq, a.proposal_id, p.number, a.title, a.outcome," \
	" a.decision, a.responsible, a.deadline, a.reason"

void agenda_clear(struct agenda_item *a)
{
	if (!a)
		return;
	free(a->reason);
	a->reason = NULL;
}

static void agenda_clear_v(void *a)
{
	agenda_clear(a);
}

static int read_agenda(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct agenda_item *a = dst;

	memset(a, 0, sizeof *a);
	a->seq = col_int(s, 2);
	a->outcome = col_int(s, 6);
	if (col_copy(st, s, 0, a->id, sizeof a->id, "议程编号") ||
	    col_copy(st, s, 1, a->meeting_id, sizeof a->meeting_id, "会议编号") ||
	    col_copy(st, s, 3, a->proposal_id, sizeof a->proposal_id, "议题编号") ||
	    col_copy(st, s, 4, a->proposal_number, sizeof a->proposal_number, "议题编号") ||
	    col_copy(st, s, 5, a->title, sizeof a->title, "议程标题") ||
	    col_copy(st, s, 7, a->decision, sizeof a->decision, "决定事项") ||
	    col_copy(st, s, 8, a->responsible, sizeof a->responsible, "责任人") ||
	    col_copy(st, s, 9, a->deadline, sizeof a->deadline, "时限"))
		return -1;
	a->reason = col_dup(s, 10);
	return 0;
}

int store_agenda_list(struct store *st, const char *meeting_id,
                      struct agenda_item *out, int max)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT " AGENDA_COLS " FROM agenda_item a LEFT JOIN proposal p ON p.id = a.proposal_id"
		" WHERE a.meeting_id = ?1 ORDER BY a.seq LIMIT ?2");

	if (!s)
		return -1;
	if (max <= 0)
		return 0;
	bind_text(s, 1, meeting_id);
	bind_int(s, 2, max);
	return read_rows(st, s, out, sizeof *out, max, read_agenda, agenda_clear_v);
}

int store_agenda_get(struct store *st, const char *id, struct agenda_item *a)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT " AGENDA_COLS " FROM agenda_item a LEFT JOIN proposal p ON p.id = a.proposal_id"
		" WHERE a.id = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, id);
	return read_one(st, s, a, sizeof *a, read_agenda);
}

int store_agenda_close(struct store *st, const char *id, int outcome,
                       const char *reason, const char *decision,
                       const char *responsible, const char *deadline)
{
	char now[20];
	sqlite3_stmt *s;
	int rc;

	if (fits(st, decision, FSIZE(struct agenda_item, decision), "决定事项") ||
	    fits(st, responsible, FSIZE(struct agenda_item, responsible), "责任人") ||
	    fits(st, deadline, FSIZE(struct agenda_item, deadline), "时限"))
		return -1;
	if (tx_begin(st))
		return -1;
	now_stamp(now);
	s = stmt(st,
		"UPDATE agenda_item SET outcome = ?2, reason = ?3, decision = ?4, responsible = ?5,"
		" deadline = ?6, closed_at = ?7 WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_int(s, 2, outcome);
	bind_ref(s, 3, reason);
	bind_text(s, 4, decision ? decision : "");
	bind_text(s, 5, responsible ? responsible : "");
	bind_text(s, 6, deadline ? deadline : "");
	bind_text(s, 7, now);
	rc = run(st, s, "议程保存失败");
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = fail(st, "议程不存在");
	return tx_end(st, rc);
}

/* ---- attendance ------------------------------------------------------------ */

#define ATT_COLS "meeting_id, person_id, person_no, name, roles, grid, entitled, status," \
	" reason, signed_at"

static int read_attendance(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct attendance *a = dst;

	memset(a, 0, sizeof *a);
	a->person_no = col_int(s, 2);
	a->roles = col_int(s, 4);
	a->entitled = col_int(s, 6);
	a->status = col_int(s, 7);
	return col_copy(st, s, 0, a->meeting_id, sizeof a->meeting_id, "会议编号") ||
	       col_copy(st, s, 1, a->person_id, sizeof a->person_id, "人员编号") ||
	       col_copy(st, s, 3, a->name, sizeof a->name, "姓名") ||
	       col_copy(st, s, 5, a->grid, sizeof a->grid, "网格") ||
	       col_copy(st, s, 8, a->reason, sizeof a->reason, "请假原因") ||
	       col_copy(st, s, 9, a->signed_at, sizeof a->signed_at, "签到时间") ? -1 : 0;
}

#define ATT_FILTER " (?3 = '' OR instr(name, ?3) > 0) AND (?4 < 0 OR status = ?4)"

int store_attendance_page(struct store *st, const char *meeting_id,
                          const char *name, int status, int after_no, int dir,
                          struct attendance *out, int max)
{
	sqlite3_stmt *s;
	int n;

	if (max <= 0)
		return 0;
	s = dir >= 0
		? stmt(st, "SELECT " ATT_COLS " FROM attendance WHERE meeting_id = ?1"
		           " AND person_no > ?2 AND" ATT_FILTER " ORDER BY person_no LIMIT ?5")
		: stmt(st, "SELECT " ATT_COLS " FROM attendance WHERE meeting_id = ?1"
		           " AND person_no < ?2 AND" ATT_FILTER " ORDER BY person_no DESC LIMIT ?5");
	if (!s)
		return -1;
	bind_text(s, 1, meeting_id);
	bind_int(s, 2, after_no);
	bind_text(s, 3, name ? name : "");
	bind_int(s, 4, status);
	bind_int(s, 5, max);
	n = read_rows(st, s, out, sizeof *out, max, read_attendance, NULL);
	if (dir < 0 && n > 0)
		reverse(out, n, sizeof *out);
	return n;
}

int store_attendance_get(struct store *st, const char *meeting_id,
                         const char *person_id, struct attendance *a)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT " ATT_COLS " FROM attendance WHERE meeting_id = ?1 AND person_id = ?2");

	if (!s)
		return -1;
	bind_text(s, 1, meeting_id);
	bind_text(s, 2, person_id);
	return read_one(st, s, a, sizeof *a, read_attendance);
}

int store_attendance_set(struct store *st, const char *meeting_id,
                         const char *person_id, int status, const char *reason)
{
	char now[20];
	sqlite3_stmt *s;
	int rc;

	if (fits(st, reason, FSIZE(struct attendance, reason), "请假原因"))
		return -1;
	if (tx_begin(st))
		return -1;
	now_stamp(now);
	s = stmt(st,
		"UPDATE attendance SET status = ?3, reason = ?4, signed_at = ?5"
		" WHERE meeting_id = ?1 AND person_id = ?2");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, meeting_id);
	bind_text(s, 2, person_id);
	bind_int(s, 3, status);
	bind_text(s, 4, reason ? reason : "");
	bind_text(s, 5, status == ATT_PRESENT ? now : "");
	rc = run(st, s, "签到保存失败");
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = fail(st, "此人不在本次会议的签到表上");
	return tx_end(st, rc);
}

/* Free-text guests sort after the roster, by name: their person_no is
 * ATT_FREE_NO + rank, given again whenever one is added. */
#define STR_(x) #x
#define STR(x) STR_(x)

static int renumber_free(struct store *st, const char *meeting_id)
{
	sqlite3_stmt *s = stmt(st,
		"UPDATE attendance SET person_no = " STR(ATT_FREE_NO) " + 1 + ("
		" SELECT COUNT(*) FROM attendance b WHERE b.meeting_id = attendance.meeting_id"
		" AND b.person_id IS NULL AND (b.name < attendance.name"
		" OR (b.name = attendance.name AND b.id < attendance.id)))"
		" WHERE meeting_id = ?1 AND person_id IS NULL");

	if (!s)
		return -1;
	bind_text(s, 1, meeting_id);
	return run(st, s, "列席人员保存失败");
}

int store_attendance_add_observer(struct store *st, const char *meeting_id,
                                  const char *person_id, const char *name)
{
	struct person p;
	struct attendance a;
	char id[ID_LEN], now[20];
	sqlite3_stmt *s;
	int rc, roster = person_id && *person_id;

	if (!roster && (!name || !*name))
		return fail(st, "列席人员姓名不能为空");
	if (!roster && fits(st, name, FSIZE(struct attendance, name), "姓名"))
		return -1;
	if (tx_begin(st))
		return -1;
	memset(&p, 0, sizeof p);
	if (roster) {
		rc = store_person_get(st, person_id, &p);
		if (rc)
			return tx_end(st, rc < 0 ? -1 : fail(st, "人员不存在"));
		rc = store_attendance_get(st, meeting_id, person_id, &a);
		if (rc < 0)
			return tx_end(st, -1);
		if (rc == 0)
			return tx_end(st, fail(st, "%s 已在本次会议的签到表上", p.name));
	} else {
		ys_strlcpy(p.name, name, sizeof p.name);
		p.no = ATT_FREE_NO;
	}
	new_id(id);
	now_stamp(now);
	s = stmt(st,
		"INSERT INTO attendance(id, meeting_id, person_id, person_no, name, roles, grid,"
		" entitled, status, signed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, meeting_id);
	bind_ref(s, 3, roster ? person_id : NULL);
	bind_int(s, 4, p.no);
	bind_text(s, 5, p.name);
	bind_int(s, 6, p.roles);
	bind_text(s, 7, p.grid);
	bind_int(s, 8, ATT_OBSERVER);
	bind_text(s, 9, now);
	rc = run(st, s, "列席人员保存失败");
	if (!rc && !roster)
		rc = renumber_free(st, meeting_id);
	return tx_end(st, rc);
}

int store_attendance_counts(struct store *st, const char *meeting_id,
                            struct attendance_counts *c)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT COALESCE(SUM(entitled), 0),"
		" COALESCE(SUM(entitled = 1 AND status = 1), 0),"
		" COALESCE(SUM(entitled = 1 AND status = 2), 0),"
		" COALESCE(SUM(entitled = 1 AND status = 3), 0),"
		" COALESCE(SUM(entitled = 1 AND status = 0), 0),"
		" COALESCE(SUM(status = 4), 0)"
		" FROM attendance WHERE meeting_id = ?1");
	int rc;

	memset(c, 0, sizeof *c);
	if (!s)
		return -1;
	bind_text(s, 1, meeting_id);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW)
		return step_end(st, s, rc) ? -1 : 0;
	c->entitled = col_int(s, 0);
	c->present = col_int(s, 1);
	c->leave = col_int(s, 2);
	c->absent = col_int(s, 3);
	c->none = col_int(s, 4);
	c->observers = col_int(s, 5);
	sqlite3_reset(s);
	return 0;
}

/* ---- minutes --------------------------------------------------------------- */

#define MINUTE_COLS "id, meeting_id, seq, at, speaker_id, speaker, agenda_id, text"

void minute_clear(struct minute *m)
{
	if (!m)
		return;
	free(m->text);
	m->text = NULL;
}

static void minute_clear_v(void *m)
{
	minute_clear(m);
}

static int read_minute(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct minute *m = dst;

	memset(m, 0, sizeof *m);
	m->seq = col_int(s, 2);
	if (col_copy(st, s, 0, m->id, sizeof m->id, "记录编号") ||
	    col_copy(st, s, 1, m->meeting_id, sizeof m->meeting_id, "会议编号") ||
	    col_copy(st, s, 3, m->at, sizeof m->at, "发言时间") ||
	    col_copy(st, s, 4, m->speaker_id, sizeof m->speaker_id, "发言人编号") ||
	    col_copy(st, s, 5, m->speaker, sizeof m->speaker, "发言人") ||
	    col_copy(st, s, 6, m->agenda_id, sizeof m->agenda_id, "议程编号"))
		return -1;
	m->text = xstrdup(col_text(s, 7));
	return 0;
}

static int minute_fits(struct store *st, const struct minute *m)
{
	return FITS(st, m->meeting_id, "会议编号") || FITS(st, m->at, "发言时间") ||
	       FITS(st, m->speaker_id, "发言人编号") || FITS(st, m->speaker, "发言人") ||
	       FITS(st, m->agenda_id, "议程编号") ? -1 : 0;
}

int store_minute_add(struct store *st, struct minute *m)
{
	char id[ID_LEN], now[20];
	long long seq;
	sqlite3_stmt *s;

	if (minute_fits(st, m))
		return -1;
	if (tx_begin(st))
		return -1;
	s = stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM minute WHERE meeting_id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, m->meeting_id);
	if (query_int(st, s, &seq))
		return tx_end(st, -1);
	new_id(id);
	now_stamp(now);
	s = stmt(st,
		"INSERT INTO minute(id, meeting_id, seq, at, speaker_id, speaker, agenda_id, text,"
		" created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, m->meeting_id);
	bind_int(s, 3, seq);
	bind_text(s, 4, m->at);
	bind_ref(s, 5, m->speaker_id);
	bind_text(s, 6, m->speaker);
	bind_ref(s, 7, m->agenda_id);
	bind_text(s, 8, m->text ? m->text : "");
	bind_text(s, 9, now);
	if (tx_end(st, run(st, s, "会议记录保存失败")))
		return -1;
	memcpy(m->id, id, sizeof m->id);
	m->seq = (int)seq;
	return 0;
}

int store_minute_update(struct store *st, const struct minute *m)
{
	char now[20];
	sqlite3_stmt *s;
	int rc;

	if (minute_fits(st, m) || FITS(st, m->id, "记录编号"))
		return -1;
	if (tx_begin(st))
		return -1;
	now_stamp(now);
	s = stmt(st,
		"UPDATE minute SET at = ?2, speaker_id = ?3, speaker = ?4, agenda_id = ?5, text = ?6,"
		" updated_at = ?7 WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, m->id);
	bind_text(s, 2, m->at);
	bind_ref(s, 3, m->speaker_id);
	bind_text(s, 4, m->speaker);
	bind_ref(s, 5, m->agenda_id);
	bind_text(s, 6, m->text ? m->text : "");
	bind_text(s, 7, now);
	rc = run(st, s, "会议记录保存失败");
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = fail(st, "会议记录不存在");
	return tx_end(st, rc);
}

int store_minute_get(struct store *st, const char *id, struct minute *m)
{
	sqlite3_stmt *s = stmt(st, "SELECT " MINUTE_COLS " FROM minute WHERE id = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, id);
	return read_one(st, s, m, sizeof *m, read_minute);
}

int store_minute_page(struct store *st, const char *meeting_id, int after,
                      int dir, struct minute *out, int max)
{
	sqlite3_stmt *s;
	int n;

	if (max <= 0)
		return 0;
	s = dir >= 0
		? stmt(st, "SELECT " MINUTE_COLS " FROM minute WHERE meeting_id = ?1 AND seq > ?2"
		           " ORDER BY seq LIMIT ?3")
		: stmt(st, "SELECT " MINUTE_COLS " FROM minute WHERE meeting_id = ?1 AND seq < ?2"
		           " ORDER BY seq DESC LIMIT ?3");
	if (!s)
		return -1;
	bind_text(s, 1, meeting_id);
	bind_int(s, 2, after);
	bind_int(s, 3, max);
	n = read_rows(st, s, out, sizeof *out, max, read_minute, minute_clear_v);
	if (dir < 0 && n > 0)
		reverse(out, n, sizeof *out);
	return n;
}

int store_minute_count(struct store *st, const char *meeting_id)
{
	sqlite3_stmt *s = stmt(st, "SELECT COUNT(*) FROM minute WHERE meeting_id = ?1");
	long long n;

	if (!s)
		return -1;
	bind_text(s, 1, meeting_id);
	if (query_int(st, s, &n))
		return -1;
	return (int)n;
}

/* ---- votes ----------------------------------------------------------------- */

#define VOTE_COLS "id, meeting_id, agenda_id, round, method, entitled, present, yes, no, abstain," \
	" rule_id, rule_code, rule_name, q_base, q_cmp, q_num, q_den, p_base, p_cmp, p_num, p_den," \
	" rule_source, quorum_ok, passed, sentence, supersedes, reason, created_at"

static int read_vote(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct vote *v = dst;

	memset(v, 0, sizeof *v);
	v->round = col_int(s, 3);
	v->method = col_int(s, 4);
	v->t.entitled = col_int(s, 5);
	v->t.present = col_int(s, 6);
	v->t.yes = col_int(s, 7);
	v->t.no = col_int(s, 8);
	v->t.abstain = col_int(s, 9);
	/* columns 10..21 are the rule snapshot in the order of RULE_COLS */
	if (read_rule_at(st, s, 10, &v->rule))
		return -1;
	v->quorum_ok = col_int(s, 22);
	v->passed = col_int(s, 23);
	return col_copy(st, s, 0, v->id, sizeof v->id, "表决编号") ||
	       col_copy(st, s, 1, v->meeting_id, sizeof v->meeting_id, "会议编号") ||
	       col_copy(st, s, 2, v->agenda_id, sizeof v->agenda_id, "议程编号") ||
	       col_copy(st, s, 24, v->sentence, sizeof v->sentence, "表决结果说明") ||
	       col_copy(st, s, 25, v->supersedes, sizeof v->supersedes, "被更正的表决") ||
	       col_copy(st, s, 26, v->reason, sizeof v->reason, "复核理由") ||
	       col_copy(st, s, 27, v->created_at, sizeof v->created_at, "表决时间") ? -1 : 0;
}

/* the ballots must be exactly the present people and give the counts */
static int check_ballots(struct store *st, const struct vote *v,
                         const struct ballot *b, int n)
{
	int i, c[4] = { 0, 0, 0, 0 };

	if (v->method != VM_ROLLCALL) {
		if (n != 0)
			return fail(st, "%s不记录每人的表决意见", vote_method_name(v->method));
		return 0;
	}
	if (n != v->t.present || (n > 0 && !b))
		return fail(st, "记名表决须有每位出席者的表决意见（实到 %d 人，收到 %d 人）",
		            v->t.present, n);
	for (i = 0; i < n; i++) {
		if (!b[i].person_id[0])
			return fail(st, "记名表决的第 %d 票没有表决人", i + 1);
		if (FITS(st, b[i].person_id, "表决人编号") || FITS(st, b[i].name, "表决人姓名"))
			return -1;
		if (b[i].choice < CH_NONE || b[i].choice > CH_ABSTAIN)
			return fail(st, "记名表决的第 %d 票意见不对", i + 1);
		c[b[i].choice]++;
	}
	if (c[CH_YES] != v->t.yes || c[CH_NO] != v->t.no || c[CH_ABSTAIN] != v->t.abstain)
		return fail(st, "记名表决的票数（赞成 %d，反对 %d，弃权 %d）与每人的表决"
		            "（赞成 %d，反对 %d，弃权 %d）不一致",
		            v->t.yes, v->t.no, v->t.abstain, c[CH_YES], c[CH_NO], c[CH_ABSTAIN]);
	return 0;
}

static int insert_ballot(struct store *st, const char *vid, const char *mid,
                         int seq, const struct ballot *b)
{
	char id[ID_LEN], name[64];
	sqlite3_stmt *s;
	int rc;

	memcpy(name, b->name, sizeof name);
	if (!name[0]) {
		/* the name as on this meeting's attendance sheet */
		s = stmt(st, "SELECT name FROM attendance WHERE meeting_id = ?1 AND person_id = ?2");
		if (!s)
			return -1;
		bind_text(s, 1, mid);
		bind_text(s, 2, b->person_id);
		rc = read_one_text(st, s, name, sizeof name, "表决人姓名");
		if (rc < 0)
			return -1;
	}
	s = stmt(st,
		"INSERT INTO ballot(id, vote_id, seq, person_id, name, choice)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!s)
		return -1;
	new_id(id);
	bind_text(s, 1, id);
	bind_text(s, 2, vid);
	bind_int(s, 3, seq);
	bind_text(s, 4, b->person_id);
	bind_text(s, 5, name);
	bind_int(s, 6, b->choice);
	return run(st, s, "记名表决保存失败");
}

int store_vote_add(struct store *st, struct vote *v, const struct ballot *b, int n)
{
	char id[ID_LEN], now[20], mid[ID_LEN], err[256];
	long long round;
	sqlite3_stmt *s;
	int rc, i;

	if (v->method < VM_HANDS || v->method > VM_ROLLCALL)
		return fail(st, "表决方式不对：%d", v->method);
	if (tally_check(&v->t, err, sizeof err))
		return fail(st, "%s", err);
	if (check_ballots(st, v, b, n))
		return -1;
	if (FITS(st, v->meeting_id, "会议编号") || FITS(st, v->agenda_id, "议程编号") ||
	    rule_fits(st, &v->rule) || FITS(st, v->sentence, "表决结果说明") ||
	    FITS(st, v->supersedes, "被更正的表决") || FITS(st, v->reason, "复核理由"))
		return -1;
	if (v->supersedes[0] && !v->reason[0])
		return fail(st, "复核表决须说明理由");
	if (tx_begin(st))
		return -1;
	s = stmt(st, "SELECT meeting_id FROM agenda_item WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, v->agenda_id);
	rc = read_one_text(st, s, mid, sizeof mid, "会议编号");
	if (rc)
		return tx_end(st, rc < 0 ? -1 : fail(st, "议程不存在"));
	if (v->meeting_id[0] && strcmp(v->meeting_id, mid) != 0)
		return tx_end(st, fail(st, "议程不属于这次会议"));
	/* a recount is a new round; the old result stays */
	s = stmt(st, "SELECT COALESCE(MAX(round), 0) + 1 FROM vote WHERE agenda_id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, v->agenda_id);
	if (query_int(st, s, &round))
		return tx_end(st, -1);
	new_id(id);
	now_stamp(now);
	s = stmt(st,
		"INSERT INTO vote(" VOTE_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
		" ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26,"
		" ?27, ?28)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, mid);
	bind_text(s, 3, v->agenda_id);
	bind_int(s, 4, round);
	bind_int(s, 5, v->method);
	bind_int(s, 6, v->t.entitled);
	bind_int(s, 7, v->t.present);
	bind_int(s, 8, v->t.yes);
	bind_int(s, 9, v->t.no);
	bind_int(s, 10, v->t.abstain);
	bind_text(s, 11, v->rule.id);
	bind_text(s, 12, v->rule.code);
	bind_text(s, 13, v->rule.name);
	bind_int(s, 14, v->rule.q_base);
	bind_int(s, 15, v->rule.q_cmp);
	bind_int(s, 16, v->rule.q_num);
	bind_int(s, 17, v->rule.q_den);
	bind_int(s, 18, v->rule.p_base);
	bind_int(s, 19, v->rule.p_cmp);
	bind_int(s, 20, v->rule.p_num);
	bind_int(s, 21, v->rule.p_den);
	bind_text(s, 22, v->rule.source);
	bind_int(s, 23, v->quorum_ok ? 1 : 0);
	bind_int(s, 24, v->passed ? 1 : 0);
	bind_text(s, 25, v->sentence);
	bind_ref(s, 26, v->supersedes);
	bind_text(s, 27, v->reason);
	bind_text(s, 28, now);
	if (run(st, s, "表决保存失败"))
		return tx_end(st, -1);
	for (i = 0; i < n; i++)
		if (insert_ballot(st, id, mid, i + 1, &b[i]))
			return tx_end(st, -1);
	if (tx_end(st, 0))
		return -1;
	memcpy(v->id, id, sizeof v->id);
	memcpy(v->meeting_id, mid, sizeof v->meeting_id);
	memcpy(v->created_at, now, sizeof v->created_at);
	v->round = (int)round;
	return 0;
}

int store_vote_list(struct store *st, const char *agenda_id, struct vote *out, int max)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT " VOTE_COLS " FROM vote WHERE agenda_id = ?1 ORDER BY round LIMIT ?2");

	if (!s)
		return -1;
	if (max <= 0)
		return 0;
	bind_text(s, 1, agenda_id);
	bind_int(s, 2, max);
	return read_rows(st, s, out, sizeof *out, max, read_vote, NULL);
}

int store_vote_latest(struct store *st, const char *agenda_id, struct vote *v)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT " VOTE_COLS " FROM vote WHERE agenda_id = ?1 ORDER BY round DESC LIMIT 1");

	if (!s)
		return -1;
	bind_text(s, 1, agenda_id);
	return read_one(st, s, v, sizeof *v, read_vote);
}

int store_vote_get(struct store *st, const char *id, struct vote *v)
{
	sqlite3_stmt *s = stmt(st, "SELECT " VOTE_COLS " FROM vote WHERE id = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, id);
	return read_one(st, s, v, sizeof *v, read_vote);
}

static int read_ballot(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct ballot *b = dst;

	memset(b, 0, sizeof *b);
	b->choice = col_int(s, 2);
	return col_copy(st, s, 0, b->person_id, sizeof b->person_id, "表决人编号") ||
	       col_copy(st, s, 1, b->name, sizeof b->name, "表决人姓名") ? -1 : 0;
}

int store_ballots(struct store *st, const char *vote_id, struct ballot *out, int max)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT person_id, name, choice FROM ballot WHERE vote_id = ?1 ORDER BY seq LIMIT ?2");

	if (!s)
		return -1;
	if (max <= 0)
		return 0;
	bind_text(s, 1, vote_id);
	bind_int(s, 2, max);
	return read_rows(st, s, out, sizeof *out, max, read_ballot, NULL);
}

/* ---- paper: seals, addenda, notices, objections, implementation ---------- */

#define STAMP_LEN 19                    /* YYYY-MM-DD HH:MM:SS */

/* a YYYY-MM-DD date handed in: exactly that form and a real day */
static int valid_date(const char *s)
{
	return s && strlen(s) == 10 && ys_parse_date(s, NULL) == 0;
}

#define SEAL_COLS "s.meeting_id, s.signed_at, s.chair_name, s.clerk_name, s.sm3, s.sha256"

static int read_seal(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct seal *x = dst;

	memset(x, 0, sizeof *x);
	return col_copy(st, s, 0, x->meeting_id, sizeof x->meeting_id, "会议编号") ||
	       col_copy(st, s, 1, x->signed_at, sizeof x->signed_at, "签字时间") ||
	       col_copy(st, s, 2, x->chair_name, sizeof x->chair_name, "主持人姓名") ||
	       col_copy(st, s, 3, x->clerk_name, sizeof x->clerk_name, "记录人姓名") ||
	       col_copy(st, s, 4, x->sm3, sizeof x->sm3, "SM3 摘要") ||
	       col_copy(st, s, 5, x->sha256, sizeof x->sha256, "SHA-256 摘要") ? -1 : 0;
}

int store_seal_get(struct store *st, const char *meeting_id, struct seal *s)
{
	sqlite3_stmt *q = stmt(st, "SELECT " SEAL_COLS " FROM seal s WHERE s.meeting_id = ?1");

	if (!q)
		return -1;
	bind_text(q, 1, meeting_id);
	return read_one(st, q, s, sizeof *s, read_seal);
}

int store_seal_add(struct store *st, const struct seal *x)
{
	sqlite3_stmt *s;

	if (FITS(st, x->meeting_id, "会议编号") || FITS(st, x->signed_at, "签字时间") ||
	    FITS(st, x->chair_name, "主持人姓名") || FITS(st, x->clerk_name, "记录人姓名") ||
	    FITS(st, x->sm3, "SM3 摘要") || FITS(st, x->sha256, "SHA-256 摘要"))
		return -1;
	if (tx_begin(st))
		return -1;
	s = stmt(st,
		"INSERT INTO seal(meeting_id, signed_at, chair_name, clerk_name, sm3, sha256)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, x->meeting_id);
	bind_text(s, 2, x->signed_at);
	bind_text(s, 3, x->chair_name);
	bind_text(s, 4, x->clerk_name);
	bind_text(s, 5, x->sm3);
	bind_text(s, 6, x->sha256);
	return tx_end(st, run(st, s, "签字确认保存失败"));
}

int store_seal_page(struct store *st, const char *after_number, struct seal *out, int max)
{
	sqlite3_stmt *s;
	int year, seq;

	if (max <= 0)
		return 0;
	if (parse_mnumber(st, after_number, &year, &seq))
		return -1;
	/* (year, seq) rather than the number's text: 2026-H-100 sorts
	 * after 2026-H-99 */
	s = stmt(st, "SELECT " SEAL_COLS " FROM seal s JOIN meeting m ON m.id = s.meeting_id"
	             " WHERE (m.year, m.seq) > (?1, ?2) ORDER BY m.year, m.seq LIMIT ?3");
	if (!s)
		return -1;
	bind_int(s, 1, year);
	bind_int(s, 2, seq);
	bind_int(s, 3, max);
	return read_rows(st, s, out, sizeof *out, max, read_seal, NULL);
}

/* ---- addenda (更正) ---- */

#define ADDENDUM_COLS "id, meeting_id, seq, at, reason, text, sm3"

void addendum_clear(struct addendum *a)
{
	if (!a)
		return;
	free(a->reason);
	free(a->text);
	a->reason = a->text = NULL;
}

static void addendum_clear_v(void *a)
{
	addendum_clear(a);
}

static int read_addendum(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct addendum *a = dst;

	memset(a, 0, sizeof *a);
	a->seq = col_int(s, 2);
	if (col_copy(st, s, 0, a->id, sizeof a->id, "更正编号") ||
	    col_copy(st, s, 1, a->meeting_id, sizeof a->meeting_id, "会议编号") ||
	    col_copy(st, s, 3, a->at, sizeof a->at, "更正时间") ||
	    col_copy(st, s, 6, a->sm3, sizeof a->sm3, "SM3 摘要"))
		return -1;
	a->reason = xstrdup(col_text(s, 4));
	a->text = xstrdup(col_text(s, 5));
	return 0;
}

int store_addendum_add(struct store *st, struct addendum *a)
{
	struct addendum x;
	char msm3[65];
	long long seq;
	sqlite3_stmt *s;
	int rc;

	if (FITS(st, a->meeting_id, "会议编号"))
		return -1;
	if (!a->reason || !*a->reason)
		return fail(st, "更正须写明理由");
	if (!a->text || !*a->text)
		return fail(st, "更正内容不能为空");
	if (tx_begin(st))
		return -1;
	/* the chain starts at the seal: no addendum to unsigned minutes */
	s = stmt(st, "SELECT sm3 FROM seal WHERE meeting_id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, a->meeting_id);
	rc = read_one_text(st, s, msm3, sizeof msm3, "SM3 摘要");
	if (rc)
		return tx_end(st, rc < 0 ? -1 : fail(st, "会议记录尚未签字确认，不能添加更正"));
	s = stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM addendum WHERE meeting_id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, a->meeting_id);
	if (query_int(st, s, &seq))
		return tx_end(st, -1);
	memset(&x, 0, sizeof x);
	new_id(x.id);
	memcpy(x.meeting_id, a->meeting_id, sizeof x.meeting_id);
	x.seq = (int)seq;
	now_stamp(x.at);
	x.reason = a->reason;
	x.text = a->text;
	if (seal_addendum_sm3(msm3, &x, x.sm3) != 0)
		return tx_end(st, fail(st, "无法计算更正的 SM3 摘要"));
	s = stmt(st,
		"INSERT INTO addendum(" ADDENDUM_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, x.id);
	bind_text(s, 2, x.meeting_id);
	bind_int(s, 3, x.seq);
	bind_text(s, 4, x.at);
	bind_text(s, 5, x.reason);
	bind_text(s, 6, x.text);
	bind_text(s, 7, x.sm3);
	if (tx_end(st, run(st, s, "更正保存失败")))
		return -1;
	memcpy(a->id, x.id, sizeof a->id);
	a->seq = x.seq;
	memcpy(a->at, x.at, sizeof a->at);
	memcpy(a->sm3, x.sm3, sizeof a->sm3);
	return 0;
}

int store_addendum_list(struct store *st, const char *meeting_id, struct addendum *out, int max)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT " ADDENDUM_COLS " FROM addendum WHERE meeting_id = ?1 ORDER BY seq LIMIT ?2");

	if (!s)
		return -1;
	if (max <= 0)
		return 0;
	bind_text(s, 1, meeting_id);
	bind_int(s, 2, max);
	return read_rows(st, s, out, sizeof *out, max, read_addendum, addendum_clear_v);
}

/* ---- notices (公示) ---- */

#define NOTICE_COLS "n.id, n.proposal_id, COALESCE(p.number, ''), n.kind, n.year, n.seq," \
	" n.doc_no, n.title, n.addressee, n.body, n.start_date, n.end_date, n.channel," \
	" n.signoff, n.written_date, n.created_at"
#define NOTICE_FROM " FROM notice n LEFT JOIN proposal p ON p.id = n.proposal_id"

void notice_clear(struct notice *n)
{
	if (!n)
		return;
	free(n->body);
	free(n->channel);
	n->body = n->channel = NULL;
}

static void notice_clear_v(void *n)
{
	notice_clear(n);
}

static int read_notice(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct notice *n = dst;

	memset(n, 0, sizeof *n);
	n->kind = col_int(s, 3);
	n->year = col_int(s, 4);
	n->seq = col_int(s, 5);
	if (col_copy(st, s, 0, n->id, sizeof n->id, "公示编号") ||
	    col_copy(st, s, 1, n->proposal_id, sizeof n->proposal_id, "议题编号") ||
	    col_copy(st, s, 2, n->proposal_number, sizeof n->proposal_number, "议题编号") ||
	    col_copy(st, s, 6, n->doc_no, sizeof n->doc_no, "文号") ||
	    col_copy(st, s, 7, n->title, sizeof n->title, "公示标题") ||
	    col_copy(st, s, 8, n->addressee, sizeof n->addressee, "主送") ||
	    col_copy(st, s, 10, n->start_date, sizeof n->start_date, "公示开始日期") ||
	    col_copy(st, s, 11, n->end_date, sizeof n->end_date, "公示结束日期") ||
	    col_copy(st, s, 13, n->signoff, sizeof n->signoff, "落款") ||
	    col_copy(st, s, 14, n->written_date, sizeof n->written_date, "成文日期") ||
	    col_copy(st, s, 15, n->created_at, sizeof n->created_at, "公示时间"))
		return -1;
	n->body = xstrdup(col_text(s, 9));
	n->channel = xstrdup(col_text(s, 12));
	return 0;
}

int store_notice_add(struct store *st, struct notice *n)
{
	char id[ID_LEN], now[20], doc_no[32], number[16];
	long long seq;
	sqlite3_stmt *s;
	int year;

	if (FITS(st, n->proposal_id, "议题编号") || FITS(st, n->title, "公示标题") ||
	    FITS(st, n->addressee, "主送") || FITS(st, n->start_date, "公示开始日期") ||
	    FITS(st, n->end_date, "公示结束日期") || FITS(st, n->signoff, "落款") ||
	    FITS(st, n->written_date, "成文日期"))
		return -1;
	if (n->kind != NK_DECISION && n->kind != NK_RESULT)
		return fail(st, "公示类型不对：%d", n->kind);
	if (!valid_date(n->start_date) || !valid_date(n->end_date))
		return fail(st, "公示期日期不对：%s 至 %s（应为 YYYY-MM-DD）", n->start_date, n->end_date);
	if (strcmp(n->end_date, n->start_date) < 0)
		return fail(st, "公示结束日期（%s）早于开始日期（%s）", n->end_date, n->start_date);
	if (!valid_date(n->written_date))
		return fail(st, "成文日期不对：%s（应为 YYYY-MM-DD）", n->written_date);
	if (!n->body || !*n->body)
		return fail(st, "公示正文不能为空");
	/* 文号 counts the notices of the year they are written in */
	year = atoi(n->written_date);
	if (tx_begin(st))
		return -1;
	s = stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM notice WHERE year = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_int(s, 1, year);
	if (query_int(st, s, &seq))
		return tx_end(st, -1);
	if (seq > 999999)
		return tx_end(st, fail(st, "%d 年的公示文号已用尽", year));
	snprintf(doc_no, sizeof doc_no, "〔%d〕%d号", year, (int)seq);
	new_id(id);
	now_stamp(now);
	s = stmt(st,
		"INSERT INTO notice(id, proposal_id, kind, year, seq, doc_no, title, addressee, body,"
		" start_date, end_date, channel, signoff, written_date, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, n->proposal_id);
	bind_int(s, 3, n->kind);
	bind_int(s, 4, year);
	bind_int(s, 5, seq);
	bind_text(s, 6, doc_no);
	bind_text(s, 7, n->title);
	bind_text(s, 8, n->addressee);
	bind_text(s, 9, n->body);
	bind_text(s, 10, n->start_date);
	bind_text(s, 11, n->end_date);
	bind_text(s, 12, n->channel ? n->channel : "");
	bind_text(s, 13, n->signoff);
	bind_text(s, 14, n->written_date);
	bind_text(s, 15, now);
	if (run(st, s, "公示保存失败"))
		return tx_end(st, -1);
	s = stmt(st, "SELECT number FROM proposal WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, n->proposal_id);
	if (read_one_text(st, s, number, sizeof number, "议题编号") < 0)
		return tx_end(st, -1);
	if (tx_end(st, 0))
		return -1;
	memcpy(n->id, id, sizeof n->id);
	memcpy(n->proposal_number, number, sizeof n->proposal_number);
	memcpy(n->doc_no, doc_no, sizeof n->doc_no);
	memcpy(n->created_at, now, sizeof n->created_at);
	n->year = year;
	n->seq = (int)seq;
	return 0;
}

int store_notice_get(struct store *st, const char *id, struct notice *n)
{
	sqlite3_stmt *s = stmt(st, "SELECT " NOTICE_COLS NOTICE_FROM " WHERE n.id = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, id);
	return read_one(st, s, n, sizeof *n, read_notice);
}

int store_notice_for(struct store *st, const char *proposal_id, int kind, struct notice *n)
{
	sqlite3_stmt *s = stmt(st, "SELECT " NOTICE_COLS NOTICE_FROM
		" WHERE n.proposal_id = ?1 AND n.kind = ?2 ORDER BY n.year DESC, n.seq DESC LIMIT 1");

	if (!s)
		return -1;
	bind_text(s, 1, proposal_id);
	bind_int(s, 2, kind);
	return read_one(st, s, n, sizeof *n, read_notice);
}

int store_notice_page(struct store *st, const char *after_start, const char *after_id,
                      struct notice *out, int max)
{
	sqlite3_stmt *s;

	if (max <= 0)
		return 0;
	if (!after_id || !*after_id) {
		s = stmt(st, "SELECT " NOTICE_COLS NOTICE_FROM
		             " ORDER BY n.start_date DESC, n.year DESC, n.seq DESC LIMIT ?3");
		if (!s)
			return -1;
	} else {
		/* the row after which to go on is named by its id; its 文号
		 * (year, seq) breaks ties between notices posted the same day */
		s = stmt(st, "SELECT " NOTICE_COLS NOTICE_FROM
		             " WHERE (n.start_date, n.year, n.seq) < (?1,"
		             " (SELECT year FROM notice WHERE id = ?2),"
		             " (SELECT seq FROM notice WHERE id = ?2))"
		             " ORDER BY n.start_date DESC, n.year DESC, n.seq DESC LIMIT ?3");
		if (!s)
			return -1;
		bind_text(s, 1, after_start ? after_start : "");
		bind_text(s, 2, after_id);
	}
	bind_int(s, 3, max);
	return read_rows(st, s, out, sizeof *out, max, read_notice, notice_clear_v);
}

/* ---- objections (异议) ---- */

#define OBJECTION_COLS "id, notice_id, received_at, person, content, answer, answered_at"

void objection_clear(struct objection *o)
{
	if (!o)
		return;
	free(o->content);
	free(o->answer);
	o->content = o->answer = NULL;
}

static void objection_clear_v(void *o)
{
	objection_clear(o);
}

static int read_objection(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct objection *o = dst;

	memset(o, 0, sizeof *o);
	if (col_copy(st, s, 0, o->id, sizeof o->id, "异议编号") ||
	    col_copy(st, s, 1, o->notice_id, sizeof o->notice_id, "公示编号") ||
	    col_copy(st, s, 2, o->received_at, sizeof o->received_at, "异议收到时间") ||
	    col_copy(st, s, 3, o->person, sizeof o->person, "异议人") ||
	    col_copy(st, s, 6, o->answered_at, sizeof o->answered_at, "答复时间"))
		return -1;
	o->content = xstrdup(col_text(s, 4));
	o->answer = col_dup(s, 5);
	return 0;
}

int store_objection_add(struct store *st, struct objection *o)
{
	char id[ID_LEN], at[20];
	sqlite3_stmt *s;

	if (FITS(st, o->notice_id, "公示编号") || FITS(st, o->person, "异议人") ||
	    FITS(st, o->received_at, "异议收到时间"))
		return -1;
	if (!o->content || !*o->content)
		return fail(st, "异议内容不能为空");
	if (o->received_at[0]) {
		if (strlen(o->received_at) != STAMP_LEN || ys_parse_stamp(o->received_at) == (time_t)-1)
			return fail(st, "异议收到时间不对：%s（应为 YYYY-MM-DD HH:MM:SS）",
			            o->received_at);
		memcpy(at, o->received_at, sizeof at);
	} else {
		now_stamp(at);
	}
	if (tx_begin(st))
		return -1;
	new_id(id);
	s = stmt(st,
		"INSERT INTO objection(id, notice_id, received_at, person, content)"
		" VALUES (?1, ?2, ?3, ?4, ?5)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, o->notice_id);
	bind_text(s, 3, at);
	bind_text(s, 4, o->person);
	bind_text(s, 5, o->content);
	if (tx_end(st, run(st, s, "异议保存失败")))
		return -1;
	memcpy(o->id, id, sizeof o->id);
	memcpy(o->received_at, at, sizeof o->received_at);
	return 0;
}

int store_objection_answer(struct store *st, const char *id, const char *answer)
{
	char now[20];
	sqlite3_stmt *s;
	int rc;

	if (!answer || !*answer)
		return fail(st, "答复内容不能为空");
	if (tx_begin(st))
		return -1;
	now_stamp(now);
	s = stmt(st, "UPDATE objection SET answer = ?2, answered_at = ?3 WHERE id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, answer);
	bind_text(s, 3, now);
	rc = run(st, s, "答复保存失败");
	if (!rc && sqlite3_changes(st->db) == 0)
		rc = fail(st, "异议不存在");
	return tx_end(st, rc);
}

int store_objection_get(struct store *st, const char *id, struct objection *o)
{
	sqlite3_stmt *s = stmt(st, "SELECT " OBJECTION_COLS " FROM objection WHERE id = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, id);
	return read_one(st, s, o, sizeof *o, read_objection);
}

int store_objection_list(struct store *st, const char *notice_id, struct objection *out, int max)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT " OBJECTION_COLS " FROM objection WHERE notice_id = ?1"
		" ORDER BY received_at, id LIMIT ?2");

	if (!s)
		return -1;
	if (max <= 0)
		return 0;
	bind_text(s, 1, notice_id);
	bind_int(s, 2, max);
	return read_rows(st, s, out, sizeof *out, max, read_objection, objection_clear_v);
}

int store_objection_count(struct store *st, const char *notice_id, int *total, int *unanswered)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT COUNT(*), COALESCE(SUM(answer IS NULL), 0) FROM objection WHERE notice_id = ?1");
	int rc;

	if (total)
		*total = 0;
	if (unanswered)
		*unanswered = 0;
	if (!s)
		return -1;
	bind_text(s, 1, notice_id);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW)
		return step_end(st, s, rc);
	if (total)
		*total = col_int(s, 0);
	if (unanswered)
		*unanswered = col_int(s, 1);
	sqlite3_reset(s);
	return 0;
}

/* ---- implementation (实施) ---- */

static int read_impl(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct impl *im = dst;

	memset(im, 0, sizeof *im);
	return col_copy(st, s, 0, im->proposal_id, sizeof im->proposal_id, "议题编号") ||
	       col_copy(st, s, 1, im->responsible, sizeof im->responsible, "责任人") ||
	       col_copy(st, s, 2, im->deadline, sizeof im->deadline, "完成时限") ? -1 : 0;
}

int store_impl_get(struct store *st, const char *proposal_id, struct impl *im)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT proposal_id, responsible, deadline FROM impl WHERE proposal_id = ?1");

	if (!s)
		return -1;
	bind_text(s, 1, proposal_id);
	return read_one(st, s, im, sizeof *im, read_impl);
}

int store_impl_set(struct store *st, const struct impl *im)
{
	char now[20];
	sqlite3_stmt *s;

	if (FITS(st, im->proposal_id, "议题编号") || FITS(st, im->responsible, "责任人") ||
	    FITS(st, im->deadline, "完成时限"))
		return -1;
	if (!im->responsible[0])
		return fail(st, "实施须有责任人");
	if (!valid_date(im->deadline))
		return fail(st, "完成时限不对：%s（应为 YYYY-MM-DD）", im->deadline);
	if (tx_begin(st))
		return -1;
	now_stamp(now);
	s = stmt(st,
		"INSERT INTO impl(proposal_id, responsible, deadline, updated_at) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT(proposal_id) DO UPDATE SET responsible = excluded.responsible,"
		" deadline = excluded.deadline, updated_at = excluded.updated_at");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, im->proposal_id);
	bind_text(s, 2, im->responsible);
	bind_text(s, 3, im->deadline);
	bind_text(s, 4, now);
	return tx_end(st, run(st, s, "实施安排保存失败"));
}

int store_impl_overdue(struct store *st, const char *today, char (*ids)[ID_LEN], int max)
{
	sqlite3_stmt *s;
	int rc = SQLITE_DONE, n = 0;

	if (max <= 0)
		return 0;
	/* few proposals are under implementation at a time, while impl
	 * keeps the rows of every finished one: CROSS JOIN keeps this order,
	 * the board's index finds them, the impl row is looked up by its key */
	s = stmt(st,
		"SELECT p.id FROM proposal p CROSS JOIN impl i ON i.proposal_id = p.id"
		" WHERE p.step = 6 AND p.status = 0 AND +i.deadline < ?1"
		" ORDER BY i.deadline, p.year, p.seq LIMIT ?2");
	if (!s)
		return -1;
	bind_text(s, 1, today ? today : "");
	bind_int(s, 2, max);
	while (n < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (col_copy(st, s, 0, ids[n], ID_LEN, "议题编号")) {
			sqlite3_reset(s);
			return -1;
		}
		n++;
	}
	if (n < max && step_end(st, s, rc))
		return -1;
	sqlite3_reset(s);
	return n;
}

#define PROGRESS_COLS "id, proposal_id, at, text"

void progress_clear(struct progress *p)
{
	if (!p)
		return;
	free(p->text);
	p->text = NULL;
}

static void progress_clear_v(void *p)
{
	progress_clear(p);
}

static int read_progress(struct store *st, sqlite3_stmt *s, void *dst)
{
	struct progress *p = dst;

	memset(p, 0, sizeof *p);
	if (col_copy(st, s, 0, p->id, sizeof p->id, "进展编号") ||
	    col_copy(st, s, 1, p->proposal_id, sizeof p->proposal_id, "议题编号") ||
	    col_copy(st, s, 2, p->at, sizeof p->at, "进展日期"))
		return -1;
	p->text = xstrdup(col_text(s, 3));
	return 0;
}

int store_progress_add(struct store *st, struct progress *p)
{
	char id[ID_LEN], now[20], at[11];
	long long seq;
	sqlite3_stmt *s;

	if (FITS(st, p->proposal_id, "议题编号") || FITS(st, p->at, "进展日期"))
		return -1;
	if (!p->text || !*p->text)
		return fail(st, "进展内容不能为空");
	now_stamp(now);
	if (p->at[0]) {
		if (!valid_date(p->at))
			return fail(st, "进展日期不对：%s（应为 YYYY-MM-DD）", p->at);
		memcpy(at, p->at, sizeof at);
	} else {
		memcpy(at, now, 10);
		at[10] = '\0';
	}
	if (tx_begin(st))
		return -1;
	s = stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM progress WHERE proposal_id = ?1");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, p->proposal_id);
	if (query_int(st, s, &seq))
		return tx_end(st, -1);
	new_id(id);
	s = stmt(st,
		"INSERT INTO progress(id, proposal_id, seq, at, text, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!s)
		return tx_end(st, -1);
	bind_text(s, 1, id);
	bind_text(s, 2, p->proposal_id);
	bind_int(s, 3, seq);
	bind_text(s, 4, at);
	bind_text(s, 5, p->text);
	bind_text(s, 6, now);
	if (tx_end(st, run(st, s, "实施进展保存失败")))
		return -1;
	memcpy(p->id, id, sizeof p->id);
	memcpy(p->at, at, sizeof p->at);
	return 0;
}

int store_progress_list(struct store *st, const char *proposal_id, struct progress *out, int max)
{
	sqlite3_stmt *s = stmt(st,
		"SELECT " PROGRESS_COLS " FROM progress WHERE proposal_id = ?1 ORDER BY seq LIMIT ?2");

	if (!s)
		return -1;
	if (max <= 0)
		return 0;
	bind_text(s, 1, proposal_id);
	bind_int(s, 2, max);
	return read_rows(st, s, out, sizeof *out, max, read_progress, progress_clear_v);
}

int store_progress_count(struct store *st, const char *proposal_id)
{
	sqlite3_stmt *s = stmt(st, "SELECT COUNT(*) FROM progress WHERE proposal_id = ?1");
	long long n;

	if (!s)
		return -1;
	bind_text(s, 1, proposal_id);
	if (query_int(st, s, &n))
		return -1;
	return (int)n;
}

/* ---- change log ------------------------------------------------------------ */

int store_log(struct store *st, const char *entity, const char *entity_id,
              const char *field, const char *old_value, const char *new_value,
              const char *reason)
{
	char id[ID_LEN], now[20];
	sqlite3_stmt *s;

	if (!entity || !*entity)
		return fail(st, "修改记录缺少对象");
	if (tx_begin(st))
		return -1;
	s = stmt(st,
		"INSERT INTO change_log(id, at, entity, entity_id, field, old_value, new_value, reason)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (!s)
		return tx_end(st, -1);
	new_id(id);
	now_stamp(now);
	bind_text(s, 1, id);
	bind_text(s, 2, now);
	bind_text(s, 3, entity);
	bind_text(s, 4, entity_id ? entity_id : "");
	bind_text(s, 5, field ? field : "");
	bind_text(s, 6, old_value);
	bind_text(s, 7, new_value);
	bind_text(s, 8, reason ? reason : "");
	return tx_end(st, run(st, s, "修改记录保存失败"));
}

/* ---- checks ---------------------------------------------------------------- */

struct check {
	struct store *st;
	store_report_cb cb;
	void *arg;
	int found;
};

static void report(struct check *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void report(struct check *c, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	c->found++;
	if (c->cb)
		c->cb(line, c->arg);
}

/* what the tables are called on paper */
static const char *table_cn(const char *t)
{
	static const struct { const char *table, *name; } names[] = {
		{ "community", "社区" }, { "setting", "设置" }, { "person", "人员" },
		{ "rule_set", "表决规则" }, { "proposal", "议题" }, { "proposer", "提议人" },
		{ "proposal_event", "议题流转记录" }, { "meeting", "会议" },
		{ "agenda_item", "议程" }, { "attendance", "签到" }, { "minute", "会议记录" },
		{ "vote", "表决" }, { "ballot", "记名表决票" }, { "change_log", "修改记录" },
		{ "seal", "签字确认" }, { "addendum", "更正" }, { "notice", "公示" },
		{ "objection", "异议" }, { "impl", "实施安排" }, { "progress", "实施进展" },
	};
	size_t i;

	for (i = 0; t && i < YS_ARRAY_LEN(names); i++)
		if (strcmp(names[i].table, t) == 0)
			return names[i].name;
	return t ? t : "?";
}

/* the name of a vote for a finding: 会议 2026-H-05 第 2 项第 1 轮表决 */
#define VOTE_WHERE "会议 %s 第 %d 项第 %d 轮表决"

#define HX "[0-9a-fA-F]"
#define HX4 HX HX HX HX
#define UUID_GLOB HX4 HX4 "-" HX4 "-" HX4 "-" HX4 "-" HX4 HX4 HX4
#define BAD_ID(t) "SELECT '" t "', id FROM " t " WHERE NOT (id GLOB '" UUID_GLOB "')"

/* Each check is one statement; a row is one finding. */
static int check_rows(struct check *c, const char *sql,
                      void (*say)(struct check *c, sqlite3_stmt *s))
{
	sqlite3_stmt *s = stmt(c->st, sql);
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		say(c, s);
	return step_end(c->st, s, rc);
}

static void say_integrity(struct check *c, sqlite3_stmt *s)
{
	static const char chk[] = "CHECK constraint failed in ";
	const char *t = col_text(s, 0);

	if (strcmp(t, "ok") == 0)
		return;
	/* since SQLite 3.33 integrity_check also tests the CHECK
	 * constraints; the checks below say which row and why */
	if (strncmp(t, chk, sizeof chk - 1) == 0)
		report(c, "数据库文件完整性检查：%s中有不符合约束的数据", table_cn(t + sizeof chk - 1));
	else
		report(c, "数据库文件完整性检查：%s", t);
}

static void say_fk(struct check *c, sqlite3_stmt *s)
{
	report(c, "%s（第 %lld 行）引用的%s不存在", table_cn(col_text(s, 0)),
	       sqlite3_column_int64(s, 1), table_cn(col_text(s, 2)));
}

static void say_uuid(struct check *c, sqlite3_stmt *s)
{
	report(c, "%s的编号「%s」不是合规的 UUID", table_cn(col_text(s, 0)), col_text(s, 1));
}

static void say_step(struct check *c, sqlite3_stmt *s)
{
	report(c, "议题 %s 的当前状态（%s，%s）与最后一条流转记录（%s，%s）不符",
	       col_text(s, 0), step_name(col_int(s, 1)), pstatus_name(col_int(s, 2)),
	       step_name(col_int(s, 3)), pstatus_name(col_int(s, 4)));
}

static void say_no_event(struct check *c, sqlite3_stmt *s)
{
	report(c, "议题 %s 没有任何流转记录", col_text(s, 0));
}

static void say_no_proposer(struct check *c, sqlite3_stmt *s)
{
	report(c, "议题 %s 没有提议人", col_text(s, 0));
}

static void say_counts(struct check *c, sqlite3_stmt *s)
{
	report(c, VOTE_WHERE "的人数不合理：应到 %d，实到 %d，赞成 %d，反对 %d，弃权 %d",
	       col_text(s, 0), col_int(s, 1), col_int(s, 2), col_int(s, 3), col_int(s, 4),
	       col_int(s, 5), col_int(s, 6), col_int(s, 7));
}

static void say_vote_meeting(struct check *c, sqlite3_stmt *s)
{
	report(c, VOTE_WHERE "所属的议程不在这次会议上", col_text(s, 0), col_int(s, 1), col_int(s, 2));
}

static void say_secret_ballots(struct check *c, sqlite3_stmt *s)
{
	report(c, VOTE_WHERE "是%s，却存有 %d 人的表决意见", col_text(s, 0), col_int(s, 1),
	       col_int(s, 2), vote_method_name(col_int(s, 3)), col_int(s, 4));
}

static void say_rollcall(struct check *c, sqlite3_stmt *s)
{
	report(c, VOTE_WHERE "（记名）的票数与每人的表决不一致：实到 %d 人，记名 %d 人；"
	       "赞成 %d/%d，反对 %d/%d，弃权 %d/%d",
	       col_text(s, 0), col_int(s, 1), col_int(s, 2), col_int(s, 3), col_int(s, 4),
	       col_int(s, 5), col_int(s, 6), col_int(s, 7), col_int(s, 8), col_int(s, 9),
	       col_int(s, 10));
}

static void say_dup(struct check *c, sqlite3_stmt *s)
{
	report(c, "%s编号 %s 重复（%d 处）", table_cn(col_text(s, 0)), col_text(s, 1), col_int(s, 2));
}

static void say_seal_open(struct check *c, sqlite3_stmt *s)
{
	report(c, "会议 %s 尚未散会，却已签字确认", col_text(s, 0));
}

static void say_notice_no(struct check *c, sqlite3_stmt *s)
{
	report(c, "公示「%s」的文号 %s 与其年份序号（%d 年第 %d 号）不符", col_text(s, 0),
	       col_text(s, 1), col_int(s, 2), col_int(s, 3));
}

static void say_notice_year(struct check *c, sqlite3_stmt *s)
{
	report(c, "公示 %s 的文号年份（%d）与成文日期（%s）不符", col_text(s, 0), col_int(s, 1),
	       col_text(s, 2));
}

static void say_notice_period(struct check *c, sqlite3_stmt *s)
{
	report(c, "公示 %s 的公示期不合理：%s 至 %s", col_text(s, 0), col_text(s, 1), col_text(s, 2));
}

static void say_notice_kind(struct check *c, sqlite3_stmt *s)
{
	report(c, "公示 %s 是%s，但议题 %s 从未%s", col_text(s, 0),
	       col_int(s, 1) == NK_DECISION ? "决议公开" : "实施结果公开", col_text(s, 2),
	       col_int(s, 1) == NK_DECISION ? "作出决议" : "进入实施");
}

static void say_addendum_seq(struct check *c, sqlite3_stmt *s)
{
	report(c, "会议 %s 的更正编号不连续：%d 条更正，最大编号 %d", col_text(s, 0), col_int(s, 1),
	       col_int(s, 2));
}

static void say_agenda(struct check *c, sqlite3_stmt *s)
{
	report(c, "会议 %s 第 %d 项议程引用的议题（%s）不存在", col_text(s, 0), col_int(s, 1),
	       col_text(s, 2));
}

int store_check(struct store *st, store_report_cb cb, void *arg)
{
	struct check c = { st, cb, arg, 0 };
	sqlite3_stmt *s;
	int rc;

	/* the file itself, then the references */
	if (check_rows(&c, "PRAGMA integrity_check(100)", say_integrity) ||
	    check_rows(&c, "PRAGMA foreign_key_check", say_fk))
		return -1;
	if (check_rows(&c,
		BAD_ID("community") " UNION ALL " BAD_ID("person") " UNION ALL "
		BAD_ID("rule_set") " UNION ALL " BAD_ID("proposal") " UNION ALL "
		BAD_ID("proposer") " UNION ALL " BAD_ID("proposal_event") " UNION ALL "
		BAD_ID("meeting") " UNION ALL " BAD_ID("agenda_item") " UNION ALL "
		BAD_ID("attendance") " UNION ALL " BAD_ID("minute") " UNION ALL "
		BAD_ID("vote") " UNION ALL " BAD_ID("ballot") " UNION ALL "
		BAD_ID("change_log") " UNION ALL " BAD_ID("addendum") " UNION ALL "
		BAD_ID("notice") " UNION ALL " BAD_ID("objection") " UNION ALL "
		BAD_ID("progress"), say_uuid))
		return -1;

	/* the procedure: a proposal is where its last event put it */
	if (check_rows(&c,
		"SELECT p.number, p.step, p.status, e.to_step, e.status"
		" FROM proposal p JOIN proposal_event e ON e.proposal_id = p.id"
		" WHERE e.seq = (SELECT MAX(seq) FROM proposal_event x WHERE x.proposal_id = p.id)"
		" AND (p.step <> e.to_step OR p.status <> e.status) ORDER BY p.year, p.seq",
		say_step) ||
	    check_rows(&c,
		"SELECT p.number FROM proposal p WHERE NOT EXISTS"
		" (SELECT 1 FROM proposal_event e WHERE e.proposal_id = p.id) ORDER BY p.year, p.seq",
		say_no_event) ||
	    check_rows(&c,
		"SELECT p.number FROM proposal p WHERE NOT EXISTS"
		" (SELECT 1 FROM proposer x WHERE x.proposal_id = p.id) ORDER BY p.year, p.seq",
		say_no_proposer))
		return -1;

	/* votes: counts within present, present within entitled */
	if (check_rows(&c,
		"SELECT COALESCE(m.number, '?'), COALESCE(a.seq, 0), v.round, v.entitled, v.present,"
		" v.yes, v.no, v.abstain FROM vote v"
		" LEFT JOIN meeting m ON m.id = v.meeting_id LEFT JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE v.entitled < 0 OR v.present < 0 OR v.yes < 0 OR v.no < 0 OR v.abstain < 0"
		" OR v.present > v.entitled OR v.yes + v.no + v.abstain > v.present",
		say_counts) ||
	    check_rows(&c,
		"SELECT COALESCE(m.number, '?'), a.seq, v.round FROM vote v"
		" JOIN agenda_item a ON a.id = v.agenda_id LEFT JOIN meeting m ON m.id = v.meeting_id"
		" WHERE a.meeting_id <> v.meeting_id",
		say_vote_meeting))
		return -1;

	/* ballots: only for roll-call votes, and they must add up */
	if (check_rows(&c,
		"SELECT COALESCE(m.number, '?'), COALESCE(a.seq, 0), v.round, v.method, COUNT(*)"
		" FROM vote v JOIN ballot b ON b.vote_id = v.id"
		" LEFT JOIN meeting m ON m.id = v.meeting_id LEFT JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE v.method <> 2 GROUP BY v.id",
		say_secret_ballots) ||
	    check_rows(&c,
		"SELECT COALESCE(m.number, '?'), COALESCE(a.seq, 0), v.round, v.present, COUNT(b.id),"
		" v.yes, COALESCE(SUM(b.choice = 1), 0), v.no, COALESCE(SUM(b.choice = 2), 0),"
		" v.abstain, COALESCE(SUM(b.choice = 3), 0)"
		" FROM vote v LEFT JOIN ballot b ON b.vote_id = v.id"
		" LEFT JOIN meeting m ON m.id = v.meeting_id LEFT JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE v.method = 2 GROUP BY v.id"
		" HAVING COUNT(b.id) <> v.present OR COALESCE(SUM(b.choice = 1), 0) <> v.yes"
		" OR COALESCE(SUM(b.choice = 2), 0) <> v.no OR COALESCE(SUM(b.choice = 3), 0) <> v.abstain",
		say_rollcall))
		return -1;

	/* human numbers: unique (the UNIQUE constraints say so, but a
	 * database merged or edited by hand may not have them) */
	if (check_rows(&c,
		"SELECT 'proposal', number, COUNT(*) FROM proposal GROUP BY number HAVING COUNT(*) > 1"
		" UNION ALL SELECT 'meeting', number, COUNT(*) FROM meeting GROUP BY number"
		" HAVING COUNT(*) > 1"
		" UNION ALL SELECT 'person', no, COUNT(*) FROM person GROUP BY no HAVING COUNT(*) > 1"
		" UNION ALL SELECT 'notice', doc_no, COUNT(*) FROM notice GROUP BY doc_no"
		" HAVING COUNT(*) > 1",
		say_dup))
		return -1;

	/* paper (0003): a seal only after 散会, 文号 as numbered, posting
	 * periods that make sense, notices of steps the proposal reached,
	 * addenda numbered 1..n */
	if (check_rows(&c,
		"SELECT m.number FROM seal s JOIN meeting m ON m.id = s.meeting_id"
		" WHERE m.status <> 2 ORDER BY m.year, m.seq",
		say_seal_open) ||
	    check_rows(&c,
		"SELECT title, doc_no, year, seq FROM notice"
		" WHERE doc_no <> printf('〔%d〕%d号', year, seq) ORDER BY year, seq",
		say_notice_no) ||
	    check_rows(&c,
		"SELECT doc_no, year, written_date FROM notice"
		" WHERE year <> CAST(substr(written_date, 1, 4) AS INTEGER) ORDER BY year, seq",
		say_notice_year) ||
	    check_rows(&c,
		"SELECT doc_no, start_date, end_date FROM notice"
		" WHERE end_date < start_date OR date(start_date) IS NULL OR date(end_date) IS NULL"
		" ORDER BY year, seq",
		say_notice_period) ||
	    check_rows(&c,
		"SELECT n.doc_no, n.kind, p.number FROM notice n JOIN proposal p ON p.id = n.proposal_id"
		" WHERE NOT EXISTS (SELECT 1 FROM proposal_event e WHERE e.proposal_id = p.id"
		" AND e.to_step >= CASE n.kind WHEN 1 THEN 4 ELSE 6 END)"
		" ORDER BY n.year, n.seq",
		say_notice_kind) ||
	    check_rows(&c,
		"SELECT m.number, COUNT(*), MAX(a.seq) FROM addendum a JOIN meeting m ON m.id = a.meeting_id"
		" GROUP BY a.meeting_id HAVING COUNT(*) <> MAX(a.seq)",
		say_addendum_seq))
		return -1;

	/* agenda items point at proposals that exist */
	if (check_rows(&c,
		"SELECT COALESCE(m.number, '?'), a.seq, a.proposal_id FROM agenda_item a"
		" LEFT JOIN meeting m ON m.id = a.meeting_id"
		" WHERE a.proposal_id IS NOT NULL"
		" AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.id = a.proposal_id)",
		say_agenda))
		return -1;

	/* the search index (0002) */
	s = stmt(st, "INSERT INTO proposal_fts(proposal_fts) VALUES ('integrity-check')");
	if (!s)
		return -1;
	rc = sqlite3_step(s);
	if (rc != SQLITE_DONE) {
		report(&c, "议题检索索引损坏（%s）", sqlite3_errmsg(st->db));
	}
	sqlite3_reset(s);
	return c.found;
}
