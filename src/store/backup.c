/* backup.c: copies of the database file made with SQLite's backup API
 * (consistent while the program is open on it, the -wal included), and
 * salvage: what can still be read from a damaged file, table by table,
 * into a new database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"

/* copy the database src (schema "main") into the file dest, which is
 * created or overwritten; the copy is left in rollback-journal mode, a
 * single file that can be carried away (a USB stick needs no -wal) */
static int copy_into(sqlite3 *src, const char *dest, char *err, size_t errlen)
{
	sqlite3 *d = NULL;
	sqlite3_backup *b;
	char why[400];
	int rc = sqlite3_open_v2(dest, &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(d, BUSY_MS);
		b = sqlite3_backup_init(d, "main", src, "main");
		if (!b) {
			rc = sqlite3_errcode(d);
		} else {
			do
				rc = sqlite3_backup_step(b, -1);
			while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
			sqlite3_backup_finish(b);
			if (rc == SQLITE_OK)
				rc = sqlite3_errcode(d);
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(d, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		db_sql_reason(d ? d : src, rc, why, sizeof why);
		ys_err(err, errlen, "无法写入 %s：%s", dest, why);
	}
	sqlite3_close(d);
	return rc == SQLITE_OK ? 0 : -1;
}

int store_backup_into(struct store *st, const char *dest, char *err, size_t errlen)
{
	return copy_into(st->db, dest, err, errlen);
}

int store_copy_file(const char *from, const char *to, char *err, size_t errlen)
{
	sqlite3 *s = NULL;
	char why[400];
	int rc = sqlite3_open_v2(from, &s, SQLITE_OPEN_READONLY, NULL);

	if (rc != SQLITE_OK) {
		db_sql_reason(s, rc, why, sizeof why);
		sqlite3_close(s);
		return ys_err(err, errlen, "无法读取 %s：%s", from, why);
	}
	rc = copy_into(s, to, err, errlen);
	sqlite3_close(s);
	return rc;
}

/* ---- salvage -------------------------------------------------------------- */

struct salvage {
	sqlite3 *from, *to;
	store_report_cb cb;
	void *arg;
	int lost;                  /* tables where damage stopped the reading */
};

#define say(sv, ...) ys_say((sv)->cb, (sv)->arg, __VA_ARGS__)

/* the columns of table t in db, as "a","b",... (quoted); 0 when none */
static int columns(sqlite3 *db, const char *t, struct strbuf *cols)
{
	sqlite3_stmt *s = NULL;
	char *sql = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q)", t);
	int n = 0;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK)
		while (sqlite3_step(s) == SQLITE_ROW) {
			char *q = sqlite3_mprintf("%s\"%w\"", n ? "," : "",
			                          (const char *)sqlite3_column_text(s, 0));
			sb_add(cols, q);
			sqlite3_free(q);
			n++;
		}
	sqlite3_finalize(s);
	sqlite3_free(sql);
	return n;
}

/* 1 when column c (quoted) is among the quoted list */
static int has_column(const char *list, const char *c)
{
	size_t n = strlen(c);

	for (const char *p = list; (p = strstr(p, c)) != NULL; p += n)
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

/* rows of `sel` (rowid first, then the columns) into `ins`; stops at the
 * first error.  Returns the rows copied; *last = the last rowid read,
 * *bad = the SQLite error that stopped it (0 at the end) */
static int copy_rows(sqlite3_stmt *sel, sqlite3_stmt *ins, int ncol, long long *last, int *bad)
{
	int rc, n = 0;

	*bad = 0;
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		*last = sqlite3_column_int64(sel, 0);
		for (int i = 0; i <= ncol; i++)
			sqlite3_bind_value(ins, i + 1, sqlite3_column_value(sel, i));
		if (sqlite3_step(ins) == SQLITE_DONE && sqlite3_changes(sqlite3_db_handle(ins)) > 0)
			n++;
		sqlite3_reset(ins);
	}
	if (rc != SQLITE_DONE)
		*bad = rc;
	return n;
}

/* one table: read from the start; where damage stops it, read again from
 * the end backwards down to where the first reading stopped */
static void salvage_table(struct salvage *sv, const char *t, const char *label)
{
	struct strbuf have = { 0 }, want = { 0 }, cols = { 0 }, marks = { 0 };
	sqlite3_stmt *sel = NULL, *ins = NULL;
	long long last = 0, first_bad = 0;
	int ncol = 0, got = 0, back = 0, bad = 0, bad2 = 0;
	char *sql;

	sb_add(&have, "");
	sb_add(&want, "");
	sb_add(&cols, "");
	sb_add(&marks, "?");
	if (columns(sv->from, t, &have) == 0) {
		say(sv, "%s：损坏的文件里读不到这张表，没有救出", label);
		sv->lost++;
		goto out;
	}
	columns(sv->to, t, &want);
	/* the columns both have (an older file may lack newer ones) */
	for (char *c = strtok(want.s, ","); c; c = strtok(NULL, ","))
		if (has_column(have.s, c)) {
			sb_addf(&cols, "%s%s", ncol ? "," : "", c);
			sb_add(&marks, ",?");
			ncol++;
		}
	sql = sqlite3_mprintf("INSERT OR IGNORE INTO \"%w\"(rowid,%s) VALUES (%s)", t, cols.s, marks.s);
	sqlite3_prepare_v2(sv->to, sql, -1, &ins, NULL);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("SELECT rowid,%s FROM \"%w\" ORDER BY rowid", cols.s, t);
	sqlite3_prepare_v2(sv->from, sql, -1, &sel, NULL);
	sqlite3_free(sql);
	if (!ins || !sel) {
		say(sv, "%s：无法读取（%s），没有救出", label, sqlite3_errmsg(sel ? sv->to : sv->from));
		sv->lost++;
		goto out;
	}
	got = copy_rows(sel, ins, ncol, &last, &bad);
	sqlite3_finalize(sel);
	sel = NULL;
	if (bad) {
		first_bad = last;
		sql = sqlite3_mprintf("SELECT rowid,%s FROM \"%w\" WHERE rowid > %lld ORDER BY rowid DESC",
		                      cols.s, t, first_bad);
		sqlite3_prepare_v2(sv->from, sql, -1, &sel, NULL);
		sqlite3_free(sql);
		if (sel)
			back = copy_rows(sel, ins, ncol, &last, &bad2);
		sv->lost++;
		if (got + back == 0)
			say(sv, "%s：一行也没有救出（这张表的目录页已损坏）", label);
		else
			say(sv, "%s：救出 %d 行；读到损坏处停下，其后从末尾倒读又救出 %d 行，中间的行可能已丢失",
			    label, got, back);
	} else {
		say(sv, "%s：救出 %d 行（全部）", label, got);
	}
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	sb_free(&have);
	sb_free(&want);
	sb_free(&cols);
	sb_free(&marks);
}

static long long count_of(sqlite3 *db, const char *t)
{
	sqlite3_stmt *s = NULL;
	char *sql = sqlite3_mprintf("SELECT COUNT(*) FROM \"%w\"", t);
	long long n = 0;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_free(sql);
	return n;
}

int store_salvage(const char *broken, const char *dest, store_report_cb cb, void *arg,
                  char *err, size_t errlen)
{
	struct salvage sv = { NULL, NULL, cb, arg, 0 };
	struct store *made;
	sqlite3_stmt *s = NULL;
	char why[400];
	int rc;

	if (access(dest, F_OK) == 0)
		return ys_err(err, errlen, "%s 已经存在：救出的记录只写入新文件，请换一个文件名。", dest);
	rc = sqlite3_open_v2(broken, &sv.from, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(sv.from, "SELECT COUNT(*) FROM sqlite_master", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		db_sql_reason(sv.from, rc, why, sizeof why);
		sqlite3_close(sv.from);
		return ys_err(err, errlen, "读不出 %s 的表目录（%s）：这个文件已无法救出，请用备份。",
		              broken, why);
	}
	/* the new file, made as the program makes one: every table, the
	 * current structure */
	made = store_open(dest, STORE_CREATE, err, errlen);
	if (!made) {
		sqlite3_close(sv.from);
		return -1;
	}
	store_close(made);
	rc = sqlite3_open_v2(dest, &sv.to, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(sv.to, "PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE", NULL, NULL, NULL);
	/* the triggers stay: the search index's fill it as the proposals go
	 * in, the change log's guard only updates and deletes */
	if (rc != SQLITE_OK) {
		db_sql_reason(sv.to, sqlite3_errcode(sv.to), why, sizeof why);
		ys_err(err, errlen, "无法写入 %s：%s", dest, why);
		goto fail;
	}
	rc = sqlite3_prepare_v2(sv.to, "SELECT name FROM sqlite_master WHERE type = 'table'"
	                        " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY rowid",
	                        -1, &s, NULL);
	while (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
		char *t = xstrdup((const char *)sqlite3_column_text(s, 0));
		long long seeded = count_of(sv.to, t);
		char *del = sqlite3_mprintf("SAVEPOINT t; DELETE FROM \"%w\"", t);

		/* the new file's own first rows (the rule sets) give way to the
		 * old file's, unless nothing of that table can be read */
		sqlite3_exec(sv.to, del, NULL, NULL, NULL);
		sqlite3_free(del);
		salvage_table(&sv, t, db_table_cn(t));
		if (seeded > 0 && count_of(sv.to, t) == 0) {
			sqlite3_exec(sv.to, "ROLLBACK TO t", NULL, NULL, NULL);
			say(&sv, "%s：一行也没有救出，保留新文件自带的 %lld 行", db_table_cn(t), seeded);
		}
		sqlite3_exec(sv.to, "RELEASE t", NULL, NULL, NULL);
		free(t);
	}
	sqlite3_finalize(s);
	if (sqlite3_exec(sv.to, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		db_sql_reason(sv.to, sqlite3_errcode(sv.to), why, sizeof why);
		ys_err(err, errlen, "无法写入 %s：%s", dest, why);
		goto fail;
	}
	sqlite3_close(sv.from);
	sqlite3_close(sv.to);
	return sv.lost;

fail:
	sqlite3_close(sv.from);
	sqlite3_close(sv.to);
	unlink(dest);
	return -1;
}
