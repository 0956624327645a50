/* fuzz_import.c: a roster file as an office could hand it over (CSV in
 * any encoding, an .xlsx whole or broken, a file of anything else) through
 * the import: the table read (encodings, quotes, the archive and its XML),
 * the header found, every line made a person and checked, repeats found
 * against a roster and decided.  Nothing is written.  A refusal is fine;
 * a crash, a sanitizer report or a line made of bytes that are not UTF-8
 * is not. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/text.h"
#include "base/util.h"
#include "in/roster.h"
#include "store/store.h"

static struct store *st;
static char path[256];

static void close_store(void)
{
	char side[300];

	store_close(st);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct roster_import ri;
	char err[1024];

	if (!st) {
		snprintf(path, sizeof path, "%s/ys-fuzz-import-%d.db",
		         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (int)getpid());
		unlink(path);
		st = store_open(path, STORE_CREATE, err, sizeof err);
		if (!st)
			abort();
		atexit(close_store);
	}
	if (roster_import_parse(size && data[0] == 'P' ? "花名册.xlsx" : "花名册.csv", data, size, &ri,
	                        err, sizeof err) != 0) {
		if (!text_valid_utf8(err))
			abort();
		return 0;
	}
	for (int r = 0; r < ri.t.rows; r++)
		for (int c = 0; c < ri.t.cols; c++)
			if (!text_valid_utf8(table_cell(&ri.t, r, c)))
				abort();
	if (roster_import_check(st, &ri, err, sizeof err) == 0) {
		for (int i = 0; i < ri.n; i++)
			if (!text_valid_utf8(ri.lines[i].p.name) || !text_valid_utf8(ri.lines[i].why))
				abort();
		roster_import_decide(&ri, DUP_MERGE, 1);
	}
	roster_import_free(&ri);
	return 0;
}
