/* sqltrace.c: an LD_PRELOAD library for `make bench` that writes every
 * SQL statement the program runs, with its bound values filled in, one per
 * line ending in ";", to the file named by YS_SQLTRACE.  The benchmark
 * gives the statements of the first frame to the sqlite3 command-line
 * program, so that the floor it compares against runs exactly the SQL
 * text the program ran, read from the program rather than copied by hand.
 * Not part of the program. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>

static FILE *out;

static int on_stmt(unsigned type, void *ctx, void *p, void *x)
{
	(void)ctx;
	if (type == SQLITE_TRACE_STMT && out) {
		const char *sql = x;
		char *full = sqlite3_expanded_sql(p);
		/* "-- …" lines are the statements a trigger or PRAGMA runs
		 * inside another one: not statements of the program's own */
		if (sql[0] == '-' && sql[1] == '-') {
			sqlite3_free(full);
			return 0;
		}
		fprintf(out, "%s;\n", full ? full : sql);
		sqlite3_free(full);
	}
	return 0;
}

int sqlite3_open_v2(const char *file, sqlite3 **db, int flags, const char *vfs)
{
	int (*real)(const char *, sqlite3 **, int, const char *);
	const char *path = getenv("YS_SQLTRACE");
	int rc;

	*(void **)&real = dlsym(RTLD_NEXT, "sqlite3_open_v2");
	if (!real)
		return SQLITE_ERROR;
	rc = real(file, db, flags, vfs);
	if (rc == SQLITE_OK && path && *path) {
		if (!out) {
			out = fopen(path, "w");
			if (out)
				setvbuf(out, NULL, _IOLBF, 0);
		}
		sqlite3_trace_v2(*db, SQLITE_TRACE_STMT, on_stmt, NULL);
	}
	return rc;
}
