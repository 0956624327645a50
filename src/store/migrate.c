/* migrate.c: the schema, applied from the embedded data/migrations files in
 * order of PRAGMA user_version, and the default rule sets of a new file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/embed.h"
#include "store_int.h"

#define MIGRATION_DIR   "data/migrations/"
#define MAX_MIGRATIONS  64

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

int db_pragma_int(struct store *st, const char *sql, long long *out)
{
	sqlite3_stmt *s = db_stmt(st, sql);
	int rc;

	if (!s)
		return -1;
	rc = db_query_int(st, s, out);
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

	db_now_stamp(now);
	for (i = 0; i < rule_default_count; i++) {
		const struct rule_set *r = &rule_defaults[i];
		sqlite3_stmt *s = db_stmt(st, sql);

		if (!s)
			return -1;
		db_new_id(id);
		db_bind_text(s, 1, id);
		db_bind_text(s, 2, r->code);
		db_bind_text(s, 3, r->name);
		db_bind_int(s, 4, (long long)i + 1);
		db_bind_fractions(s, 5, r);
		db_bind_text(s, 13, r->source);
		db_bind_text(s, 14, now);
		if (db_run(st, s, "无法写入默认表决规则"))
			return -1;
	}
	return 0;
}

/* foreign keys are off while migrating (a migration may rebuild a table);
 * this checks what they would have checked before the commit */
static int migration_fk_check(struct store *st, const char *name)
{
	sqlite3_stmt *s = db_stmt(st, "PRAGMA foreign_key_check");
	int rc, n = 0;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		n++;
	if (db_step_end(st, s, rc))
		return -1;
	if (n)
		return db_fail(st, "数据库升级（%s）后有 %d 处引用不一致，已撤销升级", name, n);
	return 0;
}

/* Apply every embedded migration newer than the file.  An upgrade runs
 * each migration in its own transaction together with its user_version, so
 * a power cut leaves the file at one version or the next.  A new file gets
 * all of them and the default rule sets in one transaction: it is either
 * complete or still empty. */
int db_migrate(struct store *st, int uv)
{
	struct migration ms[MAX_MIGRATIONS];
	int nm = migration_list(ms, MAX_MIGRATIONS), i, in_tx = 0, fresh = (uv == 0);
	long long cur;
	char sql[64], *msg = NULL;

	if (nm == 0)
		return db_fail(st, "程序内没有数据库结构（data/migrations），无法打开数据库");
	/* the file is up to date (the usual open): nothing to lock, nothing
	 * to write, only the connection's own setting */
	if (ms[nm - 1].version <= uv) {
		st->version = uv;
		return db_exec(st, "PRAGMA foreign_keys = ON", "无法设置数据库");
	}
	if (db_exec(st, "PRAGMA foreign_keys = OFF", "无法设置数据库"))
		return -1;
	for (i = 0; i < nm; i++) {
		if (ms[i].version <= uv)
			continue;
		if (!in_tx) {
			if (db_exec(st, "BEGIN IMMEDIATE", "数据库升级失败"))
				return -1;
			in_tx = 1;
			/* another copy of the program may have done it while
			 * we waited for the lock */
			if (db_pragma_int(st, "PRAGMA user_version", &cur))
				goto fail;
			if (cur >= ms[i].version) {
				uv = (int)cur;
				fresh = 0;
				if (db_exec(st, "COMMIT", "数据库升级失败"))
					goto fail;
				in_tx = 0;
				continue;
			}
		}
		if (sqlite3_exec(st->db, ms[i].f->data, NULL, NULL, &msg) != SQLITE_OK) {
			db_fail(st, "数据库升级失败（%s）：%s", ms[i].f->name, msg ? msg : "");
			sqlite3_free(msg);
			goto fail;
		}
		/* PRAGMA takes no parameters; the number is our own */
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", ms[i].version);
		if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			db_sql_fail(st, "数据库升级失败", sqlite3_errcode(st->db));
			goto fail;
		}
		uv = ms[i].version;
		if (!fresh) {
			if (migration_fk_check(st, ms[i].f->name) ||
			    db_exec(st, "COMMIT", "数据库升级失败"))
				goto fail;
			in_tx = 0;
		}
	}
	if (in_tx) {
		if (seed_rules(st) || migration_fk_check(st, "新建") ||
		    db_exec(st, "COMMIT", "数据库创建失败"))
			goto fail;
		in_tx = 0;
	}
	st->version = uv;
	return db_exec(st, "PRAGMA foreign_keys = ON", "无法设置数据库");
fail:
	/* sqlite3_exec, not exec_const: the message of the failure stays */
	if (in_tx && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
