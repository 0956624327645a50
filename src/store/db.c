/* db.c: the store's connection — opening the file, errors in the clerk's words, the
 * statement cache, binds and reads, the transaction stack. */
#include <errno.h>
#include <stdarg.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "store_int.h"

#define APP_ID          1498630228      /* 'YSHT', set by 0001_init.sql */

/* ---- errors ------------------------------------------------------------- */

int db_fail(struct store *st, const char *fmt, ...)
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

/* What went wrong, in words the clerk can act on, by result code (the
 * extended code first, then the primary one).  detail: 1 adds the part of
 * SQLite's text that names the constraint, 2 the whole text, 0 nothing. */
static const struct {
	int code;
	const char *words;
	int detail;
} sql_words[] = {
	{ SQLITE_CONSTRAINT_CHECK, "数据不合规则", 1 },
	{ SQLITE_CONSTRAINT_UNIQUE, "编号重复", 1 },
	{ SQLITE_CONSTRAINT_PRIMARYKEY, "编号重复", 1 },
	{ SQLITE_CONSTRAINT_FOREIGNKEY, "引用的记录不存在", 0 },
	{ SQLITE_CONSTRAINT_NOTNULL, "缺少必填内容", 1 },
	{ SQLITE_CONSTRAINT, "违反数据约束", 2 },
	{ SQLITE_BUSY, "数据库正被另一个程序占用，请稍后再试", 0 },
	{ SQLITE_LOCKED, "数据库正被另一个程序占用，请稍后再试", 0 },
	{ SQLITE_FULL, "磁盘已满", 0 },
	{ SQLITE_READONLY, "数据库文件是只读的", 0 },
	{ SQLITE_IOERR, "磁盘读写出错", 2 },
	{ SQLITE_CORRUPT, "数据库文件已损坏", 0 },
	{ SQLITE_NOTADB, "不是数据库文件", 0 },
	{ SQLITE_CANTOPEN, "无法打开文件", 0 },
	{ SQLITE_PERM, "没有访问权限", 0 },
	{ SQLITE_AUTH, "没有访问权限", 0 },
	{ SQLITE_NOMEM, "内存不足", 0 },
	{ SQLITE_TOOBIG, "内容过长", 0 },
};

void db_sql_reason(sqlite3 *db, int rc, char *buf, size_t len)
{
	const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	int ext = db ? sqlite3_extended_errcode(db) : rc;

	for (int pass = 0; pass < 2; pass++) {
		int code = pass == 0 ? ext : (rc & 0xff);
		for (size_t i = 0; i < YS_ARRAY_LEN(sql_words); i++) {
			if (sql_words[i].code != code)
				continue;
			if (sql_words[i].detail)
				snprintf(buf, len, "%s（%s）", sql_words[i].words,
				         sql_words[i].detail == 1 ? msg_detail(msg) : msg);
			else
				snprintf(buf, len, "%s", sql_words[i].words);
			return;
		}
	}
	snprintf(buf, len, "%s", msg);
}

int db_sql_fail(struct store *st, const char *what, int rc)
{
	char why[400];

	db_sql_reason(st->db, rc, why, sizeof why);
	return db_fail(st, "%s：%s", what, why);
}

/* ---- statements ---------------------------------------------------------- */

/* The prepared statement for sql, reset and with no bindings.  The cache
 * is keyed by the address of the string constant: each call site passes
 * the same literal every time. */
sqlite3_stmt *db_stmt(struct store *st, const char *sql)
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
		db_sql_fail(st, "数据库语句无法执行", rc);
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

void db_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

/* an optional reference: "" (or NULL) means none and is stored as NULL so
 * that the foreign key does not look for a record called "" */
void db_bind_ref(sqlite3_stmt *s, int i, const char *v)
{
	db_bind_text(s, i, v && *v ? v : NULL);
}

void db_bind_int(sqlite3_stmt *s, int i, long long v)
{
	sqlite3_bind_int64(s, i, v);
}

/* step a statement that returns no rows we need; resets it */
int db_run(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_sql_fail(st, what, rc);
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	return 0;
}

/* step a one-row query: 0 with *out = column 0, 1 when there is no row */
int db_query_int(struct store *st, sqlite3_stmt *s, long long *out)
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
	db_sql_fail(st, "数据库读取失败", rc);
	sqlite3_reset(s);
	return -1;
}

/* after a sqlite3_step() that did not return a row: 0 when done */
int db_step_end(struct store *st, sqlite3_stmt *s, int rc)
{
	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		sqlite3_reset(s);
		return 0;
	}
	db_sql_fail(st, "数据库读取失败", rc);
	sqlite3_reset(s);
	return -1;
}

const char *db_col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? (const char *)t : "";
}

int db_col_int(sqlite3_stmt *s, int i)
{
	return sqlite3_column_int(s, i);
}

/* copy a column into a fixed field; a value that does not fit is an
 * error, never cut (the clerk would print a shortened name) */
int db_col_copy(struct store *st, sqlite3_stmt *s, int i, char *dst,
                    size_t size, const char *label)
{
	const char *v = db_col_text(s, i);
	size_t n = (size_t)sqlite3_column_bytes(s, i);

	if (n >= size)
		return db_fail(st, "数据库中的%s过长（最多 %zu 字节），无法读取", label, size - 1);
	memcpy(dst, v, n);
	dst[n] = '\0';
	return 0;
}

/* an allocated copy (caller frees), NULL for a NULL column */
char *db_col_dup(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return NULL;
	return xstrdup(db_col_text(s, i));
}

/* A value handed in for a fixed field: it must end inside the field.  For
 * the fixed arrays of a struct that means it is NUL-terminated; for a
 * char * argument it means it fits the struct field it is read back into. */
int db_fits(struct store *st, const char *v, size_t size, const char *label)
{
	if (v && strnlen(v, size) >= size)
		return db_fail(st, "%s过长（最多 %zu 字节）", label, size - 1);
	return 0;
}

/* out[0..n) reversed in place: backward pages are read newest first and
 * handed back in ascending order */
void db_reverse(void *base, int n, size_t size)
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

/* ---- rows: a record's columns as a table ----------------------------------- */

int db_read_row(struct store *st, sqlite3_stmt *s, const struct db_row *row, void *dst)
{
	unsigned char *base = dst;

	memset(dst, 0, row->size);
	for (size_t i = 0; i < row->ncols; i++) {
		const struct db_col *c = &row->cols[i];
		int col = (int)i;
		switch (c->kind) {
		case COL_TEXT:
		case COL_REF:
			if (db_col_copy(st, s, col, (char *)(base + c->off), c->size, c->label)) {
				db_clear_row(row, dst);
				return -1;
			}
			break;
		case COL_INT:
			*(int *)(void *)(base + c->off) = db_col_int(s, col);
			break;
		case COL_DUP:
			*(char **)(void *)(base + c->off) = db_col_dup(s, col);
			break;
		case COL_STR:
			*(char **)(void *)(base + c->off) = xstrdup(db_col_text(s, col));
			break;
		}
	}
	if (row->after && row->after(st, dst)) {
		db_clear_row(row, dst);
		return -1;
	}
	return 0;
}

void db_clear_row(const struct db_row *row, void *dst)
{
	unsigned char *base = dst;

	if (!dst)
		return;
	for (size_t i = 0; i < row->ncols; i++) {
		const struct db_col *c = &row->cols[i];
		if (c->kind == COL_DUP || c->kind == COL_STR) {
			char **p = (char **)(void *)(base + c->off);
			free(*p);
			*p = NULL;
		}
	}
}

void db_bind_row(sqlite3_stmt *s, const struct db_row *row, const void *rec)
{
	const unsigned char *base = rec;

	for (size_t i = 0; i < row->ncols; i++) {
		const struct db_col *c = &row->cols[i];
		const void *v = base + c->off;
		int at = (int)i + 1;
		if (c->kind == COL_INT)
			db_bind_int(s, at, *(const int *)v);
		else if (c->kind == COL_TEXT)
			db_bind_text(s, at, (const char *)v);
		else if (c->kind == COL_REF)
			db_bind_ref(s, at, (const char *)v);
		else
			db_bind_text(s, at, *(const char *const *)v);
	}
}

/* rows of s into *buf: at most max of them, or all when max < 0 (then
 * the buffer grows); on an error the rows read are cleared, -1 */
static int read_rows(struct store *st, sqlite3_stmt *s, unsigned char **buf, int max,
                     const struct db_row *row)
{
	size_t cap = max >= 0 ? (size_t)max : 0;
	int rc = SQLITE_DONE, n = 0;

	while ((max < 0 || n < max) && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((size_t)n == cap) {
			cap = cap ? cap * 2 : 16;
			*buf = xrealloc(*buf, cap * row->size);
		}
		if (db_read_row(st, s, row, *buf + (size_t)n * row->size))
			goto fail;
		n++;
	}
	if ((max < 0 || n < max) && rc != SQLITE_DONE) {
		db_sql_fail(st, "数据库读取失败", rc);
		goto fail;
	}
	sqlite3_reset(s);
	return n;
fail:
	sqlite3_reset(s);
	for (int i = 0; i < n; i++)
		db_clear_row(row, *buf + (size_t)i * row->size);
	return -1;
}

int db_read_rows(struct store *st, sqlite3_stmt *s, void *out, int max, const struct db_row *row)
{
	unsigned char *buf = out;

	if (max <= 0) {
		sqlite3_reset(s);
		return 0;
	}
	return read_rows(st, s, &buf, max, row);
}

int db_read_all(struct store *st, sqlite3_stmt *s, void **out, const struct db_row *row)
{
	unsigned char *buf = NULL;
	int n = read_rows(st, s, &buf, -1, row);

	if (n < 0) {
		free(buf);
		buf = NULL;
	}
	*out = buf;
	return n;
}

int db_read_one(struct store *st, sqlite3_stmt *s, void *dst, const struct db_row *row)
{
	int n = db_read_rows(st, s, dst, 1, row);

	if (n == 0)
		memset(dst, 0, row->size);
	return n < 0 ? -1 : n == 0 ? 1 : 0;
}

/* ---- one statement keyed by one text: the shapes every family uses ---- */

/* the statement with key bound to ?1; NULL with st->err set */
static sqlite3_stmt *keyed(struct store *st, const char *sql, const char *key)
{
	sqlite3_stmt *s = db_stmt(st, sql);

	if (s)
		db_bind_text(s, 1, key);
	return s;
}

int db_get(struct store *st, const char *sql, const char *key, void *dst,
           const struct db_row *row)
{
	sqlite3_stmt *s = keyed(st, sql, key);

	return s ? db_read_one(st, s, dst, row) : -1;
}

int db_list(struct store *st, const char *sql, const char *key, void *out, int max,
            const struct db_row *row)
{
	sqlite3_stmt *s = keyed(st, sql, key);

	if (!s)
		return -1;
	db_bind_int(s, 2, max);
	return db_read_rows(st, s, out, max, row);
}

int db_all(struct store *st, const char *sql, const char *key, void **out,
           const struct db_row *row)
{
	sqlite3_stmt *s = keyed(st, sql, key);

	*out = NULL;
	return s ? db_read_all(st, s, out, row) : -1;
}

int db_count(struct store *st, const char *sql, const char *key)
{
	sqlite3_stmt *s = keyed(st, sql, key);
	long long n;

	if (!s || db_query_int(st, s, &n))
		return -1;
	return (int)n;
}

/* the first column of the single row of s into buf: 0, 1 when there is
 * no row, -1 on error (or when it does not fit) */
int db_read_one_text(struct store *st, sqlite3_stmt *s, char *buf, size_t len,
                         const char *label)
{
	int rc = sqlite3_step(s), r;

	buf[0] = '\0';
	if (rc != SQLITE_ROW)
		return db_step_end(st, s, rc) ? -1 : 1;
	r = db_col_copy(st, s, 0, buf, len, label);
	sqlite3_reset(s);
	return r;
}

void db_now_stamp(char out[20])
{
	struct tm t;

	ys_now_tm(&t);
	ys_fmt_stamp(&t, out);
}

int db_valid_date(const char *s)
{
	return s && strlen(s) == 10 && ys_parse_date(s, NULL) == 0;
}

int db_parse_number(struct store *st, const char *num, const char *sep, const char *what,
                    const char *example, int *year, int *seq)
{
	int y = 0, q = 0, i;
	size_t k = strlen(sep);
	const char *p = num;

	*year = *seq = 0;
	if (!num || !*num)
		return 0;
	for (i = 0; i < 4 && *p >= '0' && *p <= '9'; i++, p++)
		y = y * 10 + (*p - '0');
	if (i != 4 || strncmp(p, sep, k) != 0)
		return db_fail(st, "%s格式不对：%s（应为 %s）", what, num, example);
	for (p += k, i = 0; *p >= '0' && *p <= '9' && i < 7; i++, p++)
		q = q * 10 + (*p - '0');
	if (*p || i == 0)
		return db_fail(st, "%s格式不对：%s（应为 %s）", what, num, example);
	*year = y;
	*seq = q;
	return 0;
}

int db_next_seq(struct store *st, const char *sql, int year, const char *what)
{
	sqlite3_stmt *s = db_stmt(st, sql);
	long long seq;

	if (!s)
		return -1;
	db_bind_int(s, 1, year);
	if (db_query_int(st, s, &seq))
		return -1;
	if (seq > 999999)
		return db_fail(st, "%d 年的%s已用尽", year, what);
	return (int)seq;
}

/* ---- one write ------------------------------------------------------------ */

sqlite3_stmt *db_write(struct store *st, const char *sql)
{
	sqlite3_stmt *s;

	if (db_tx_begin(st))
		return NULL;
	s = db_stmt(st, sql);
	if (!s)
		db_tx_end(st, -1);
	return s;
}

int db_write_end(struct store *st, sqlite3_stmt *s, const char *what, const char *missing)
{
	int rc = db_run(st, s, what);

	if (rc == 0 && missing && sqlite3_changes(st->db) == 0)
		rc = db_fail(st, "%s", missing);
	return db_tx_end(st, rc);
}

void db_bind_now(sqlite3_stmt *s, int i)
{
	char now[20];

	db_now_stamp(now);
	db_bind_text(s, i, now);
}

/* ---- transactions -------------------------------------------------------- */

int db_exec(struct store *st, const char *sql, const char *what)
{
	sqlite3_stmt *s = db_stmt(st, sql);

	return s ? db_run(st, s, what) : -1;
}

/* Is the file at the path still the one opened?  A database renamed,
 * deleted or replaced while the program runs would take the writes into
 * the old file and its -wal, which nobody opens again: the screen said
 * 「已保存」 and the lines were lost.  Checked before every write. */
static int same_file(struct store *st)
{
	struct stat sb;

	if (!st->have_ident)
		return 0;
	if (stat(st->path, &sb) != 0 && errno == ENOENT)
		return db_fail(st, "数据库文件 %s 已不在原处（被移走、改名或删除）：这次的内容没有保存，"
		               "输入的文字仍在。请把文件放回原处再保存，或退出后重新打开。", st->path);
	if (stat(st->path, &sb) != 0)
		return db_fail(st, "无法访问数据库文件 %s（%s）：这次的内容没有保存，输入的文字仍在。",
		               st->path, ys_errno_zh(errno));
	if (sb.st_dev != st->dev || sb.st_ino != st->ino)
		return db_fail(st, "数据库文件 %s 已不是本程序打开的那个文件（被移走、改名或换成了别的文件）："
		               "这次的内容没有保存，输入的文字仍在。请把原文件放回原处，或退出后重新打开。",
		               st->path);
	return 0;
}

int db_tx_begin(struct store *st)
{
	/* SQLite may have rolled the whole transaction back by itself (disk
	 * full, I/O error); then the stack is empty whatever we counted */
	if (st->depth > 0 && sqlite3_get_autocommit(st->db))
		st->depth = 0;
	if (st->depth == 0 && st->damage)
		return db_fail(st, "数据库文件已损坏（%s），不再写入：这次的内容没有保存。"
		               "请用 yishiting check 查看，再用 yishiting restore 从备份恢复。", st->damage);
	if (st->depth == 0 && st->readonly)
		return db_fail(st, "数据库文件是只读的（没有写入权限）：只能查看、导出和核对，不能修改。"
		               "这次的内容没有保存。");
	if (st->depth == 0 && same_file(st))
		return -1;
	if (db_exec(st, st->depth ? "SAVEPOINT w" : "BEGIN IMMEDIATE", "无法开始写入数据库"))
		return -1;
	st->depth++;
	return 0;
}

/* undo the innermost level; keeps the message of the error that caused it */
void db_tx_abort(struct store *st)
{
	char keep[sizeof st->err];

	if (st->depth <= 0)
		return;
	memcpy(keep, st->err, sizeof keep);
	if (sqlite3_get_autocommit(st->db)) {
		st->depth = 0;
	} else if (st->depth == 1) {
		db_exec(st, "ROLLBACK", "");
		st->depth = 0;
	} else {
		db_exec(st, "ROLLBACK TO w", "");
		db_exec(st, "RELEASE w", "");
		st->depth--;
	}
	memcpy(st->err, keep, sizeof keep);
}

int db_tx_commit(struct store *st)
{
	if (st->depth > 0 && sqlite3_get_autocommit(st->db)) {
		st->depth = 0;
		return db_fail(st, "数据库写入失败：事务已被撤销");
	}
	if (st->depth <= 0)
		return db_fail(st, "数据库写入失败：没有进行中的事务");
	if (st->depth == 1) {
		if (db_exec(st, "COMMIT", "数据库写入失败")) {
			/* nothing was saved: say so, and leave no half-open
			 * transaction behind */
			db_tx_abort(st);
			return -1;
		}
		st->depth = 0;
		return 0;
	}
	if (db_exec(st, "RELEASE w", "数据库写入失败"))
		return -1;
	st->depth--;
	return 0;
}

/* the end of a write function: commit on success, undo on failure */
int db_tx_end(struct store *st, int rc)
{
	if (rc) {
		db_tx_abort(st);
		return -1;
	}
	return db_tx_commit(st);
}

int store_begin(struct store *st)
{
	return db_tx_begin(st);
}

int store_commit(struct store *st)
{
	return db_tx_commit(st);
}

int store_rollback(struct store *st)
{
	if (st->depth <= 0)
		return db_fail(st, "没有进行中的事务");
	db_tx_abort(st);
	return 0;
}

/* a fresh id into a local buffer */
void db_new_id(char id[ID_LEN])
{
	ys_uuid(id);
}

/* ---- open / close -------------------------------------------------------- */

/* an empty main file whose -wal holds frames is a database whose pages
 * were never copied back (the program stopped before a checkpoint) */
static int wal_has_frames(const char *path)
{
	struct stat sb;
	char *wal = xasprintf("%s-wal", path);
	int r = stat(wal, &sb) == 0 && sb.st_size > 32;

	free(wal);
	return r;
}

int store_file_empty(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0 &&
	       !wal_has_frames(path);
}

/* SQLite's quick check (the structure of every page, not the indexes'
 * contents): a damaged file is found on opening, before anything is shown
 * or written.  Its first finding is kept in st->damage. */
static void quick_check(struct store *st)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA quick_check(1)", -1, &s, NULL);
	const char *t;
	char why[400];

	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		t = (const char *)sqlite3_column_text(s, 0);
		if (t && strcmp(t, "ok") != 0) {
			/* the first finding, without SQLite's heading line */
			const char *h = "*** in database main ***\n";
			if (strncmp(t, h, strlen(h)) == 0)
				t += strlen(h);
			st->damage = xasprintf("%.*s", (int)strcspn(t, "\n"), t);
		}
	} else {
		db_sql_reason(st->db, rc, why, sizeof why);
		st->damage = xstrdup(why);
	}
	sqlite3_finalize(s);
}

/* A read-only file of an older version cannot be brought up to date where
 * it is: it is copied into memory (SQLite's backup API) and updated there,
 * so that it can still be looked at, exported and verified.  Nothing is
 * written anywhere; writes stay refused (st->readonly). */
static int in_memory(struct store *st, const char *path)
{
	sqlite3 *mem = NULL;
	sqlite3_backup *b;
	char why[400];
	int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL);

	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(mem, "main", st->db, "main");
		rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(mem);
		if (b)
			sqlite3_backup_finish(b);
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK) {
		db_sql_reason(mem ? mem : st->db, rc, why, sizeof why);
		sqlite3_close(mem);
		return db_fail(st, "数据库 %s 是旧版本，文件是只读的，读入内存升级也没有成功：%s", path, why);
	}
	for (size_t i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	st->ncache = 0;
	sqlite3_close_v2(st->db);
	st->db = mem;
	sqlite3_extended_result_codes(st->db, 1);
	st->in_memory = 1;
	return 0;
}

static int open_db(struct store *st, const char *path, int flags)
{
	struct stat sb;
	long long uv, appid, objects;
	int rc, latest, exists = 0, create = flags & STORE_CREATE;
	sqlite3_stmt *s;
	char why[400], mode[16];

	if (!path || !*path)
		return db_fail(st, "没有指定数据库文件");
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return db_fail(st, "无法访问数据库文件 %s：%s", path, ys_errno_zh(errno));
		if (!create)
			return db_fail(st, "数据库文件不存在：%s", path);
	} else if (!S_ISREG(sb.st_mode)) {
		return db_fail(st, "%s 不是普通文件，不能作为数据库打开", path);
	} else {
		exists = 1;
		if (sb.st_size == 0 && !(flags & STORE_EMPTY_OK) && !wal_has_frames(path))
			return db_fail(st, "数据库文件 %s 是空的（0 字节），里面没有任何记录，未打开。"
			               "可能是复制没有完成或文件被清空：请换用完整的文件或备份。", path);
	}
	/* A file we may not write to opens read-only: it can be looked at,
	 * exported and verified, and every write is refused at once. */
	st->readonly = (exists && access(path, W_OK) != 0) || (flags & STORE_READONLY);
	rc = sqlite3_open_v2(path, &st->db, st->readonly ? SQLITE_OPEN_READONLY :
	                     SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0), NULL);
	if (rc != SQLITE_OK) {
		db_sql_reason(st->db, rc, why, sizeof why);
		return db_fail(st, "无法打开数据库 %s：%s", path, why);
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, BUSY_MS);
	if (sqlite3_db_readonly(st->db, "main") == 1)
		st->readonly = 1;

	/* The first read of the file: something that is not a database shows
	 * up here, before anything is written to it. */
	s = db_stmt(st, "SELECT COUNT(*) FROM sqlite_master");
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
	/* the file is there now (SQLite made a new one on that first read) */
	if (stat(path, &sb) != 0)
		return db_fail(st, "无法访问数据库文件 %s：%s", path, ys_errno_zh(errno));
	st->dev = sb.st_dev;
	st->ino = sb.st_ino;
	st->path = path[0] == '/' ? xstrdup(path) : NULL;
	if (!st->path) {
		char *cwd = getcwd(NULL, 0);
		st->path = cwd ? xasprintf("%s/%s", cwd, path) : xstrdup(path);
		free(cwd);
	}
	st->have_ident = 1;
	if (db_pragma_int(st, "PRAGMA user_version", &uv) ||
	    db_pragma_int(st, "PRAGMA application_id", &appid))
		return -1;
	if ((uv == 0 && objects > 0) || (uv > 0 && appid != APP_ID))
		return db_fail(st, "%s 是别的程序的 SQLite 数据库，不是议事厅的数据库，未打开。", path);
	latest = store_latest_version();
	if (uv > latest)
		return db_fail(st, "数据库 %s 的版本（%lld）比本程序能识别的版本（%d）新，"
		            "是用更新版本的议事厅写的。请使用新版议事厅打开，以免损坏数据。",
		            path, uv, latest);
	if (objects > 0)
		quick_check(st);
	if (st->damage) {
		/* nothing more is written into a damaged file: it is read as it
		 * is, for check, verify and salvage */
		st->readonly = 1;
		st->version = (int)uv;
		return 0;
	}
	if (st->readonly && uv < latest && in_memory(st, path) != 0)
		return -1;

	/* WAL: readers never block the writer; FULL: a power cut never loses
	 * a committed line (offices lose power).  The journal mode is kept in the
	 * file: it is set only on a file that is not in WAL yet (new, or
	 * written by another program), so that opening an existing database
	 * asks for nothing that writes.  synchronous belongs to the
	 * connection and is set every time. */
	s = db_stmt(st, "PRAGMA journal_mode");
	if (!s || db_read_one_text(st, s, mode, sizeof mode, "数据库日志方式") < 0)
		return -1;
	if (strcmp(mode, "wal") != 0 && !st->readonly &&
	    db_exec(st, "PRAGMA journal_mode = WAL", "无法设置数据库日志方式"))
		return -1;
	if (db_exec(st, "PRAGMA synchronous = FULL", "无法设置数据库"))
		return -1;
	if (db_migrate(st, (int)uv))
		return -1;
	return 0;

unreadable:
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return db_fail(st, "%s 不是议事厅的数据库文件（不是 SQLite 数据库，或者已经损坏），未打开。"
		            "请检查文件路径。", path);
	default:
		db_sql_reason(st->db, rc, why, sizeof why);
		return db_fail(st, "无法读取数据库 %s：%s", path, why);
	}
}

struct store *store_open(const char *path, int flags, char *err, size_t errlen)
{
	struct store *st = xcalloc(1, sizeof *st);
	struct passwd *pw = getpwuid(getuid());
	const char *user = pw && pw->pw_name ? pw->pw_name : NULL;

	/* the computer account until the program is told the clerk's name */
	snprintf(st->who, sizeof st->who, "%s", user && *user ? user : "未知");
	if (open_db(st, path, flags) == 0)
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
	free(st->path);
	free(st->damage);
	if (st->db) {
		/* keeps the query planner's statistics fresh after this
		 * connection changed rows (SQLite's advice for long-lived
		 * connections).  Not after a session that only read: the
		 * statistics are as fresh as the last writer left them, and
		 * PRAGMA optimize would still ANALYZE some tables (an empty
		 * one every time), a write transaction with its syncs on
		 * every quit. */
		if (st->version > 0 && sqlite3_total_changes64(st->db) > 0)
			sqlite3_exec(st->db, "PRAGMA optimize", NULL, NULL, NULL);
		sqlite3_close_v2(st->db);
	}
	free(st);
}

int store_readonly(const struct store *st)
{
	return st->readonly;
}

const char *store_damage(const struct store *st)
{
	return st->damage;
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
