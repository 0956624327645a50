/* fuzz_db.c: a database file as anyone could hand it to the program (a
 * copy cut short, a bad sector, a file of another program, one altered by
 * hand): opened as the program opens one, then checked (check), verified
 * (verify) and each meeting's minutes made and rendered.  Refusals are
 * fine; a crash, a sanitizer report or a hang is not. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ops/seal.h"
#include "paper/doc.h"
#include "store/store.h"
#include "base/util.h"

static char path[256];

static void remove_all(void)
{
	static const char *const side[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < YS_ARRAY_LEN(side); i++) {
		char p[300];
		snprintf(p, sizeof p, "%s%s", path, side[i]);
		unlink(p);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	struct store *st;
	FILE *f;

	if (!path[0])
		snprintf(path, sizeof path, "%s/ys-fuzz-db-%d.db",
		         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (int)getpid());
	remove_all();
	f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	st = store_open(path, 0, err, sizeof err);
	if (st) {
		struct meeting m[16];
		int n;

		store_check(st, NULL, NULL);
		seal_verify_all(st, NULL, NULL);
		n = store_meeting_page(st, "", "", m, 16);
		for (int i = 0; i < n; i++) {
			struct doc d;
			struct strbuf sb = { 0 };

			if (minutes_doc(st, m[i].id, &d, err, sizeof err) == 0) {
				render_txt(&d, 80, &sb);
				render_html(&d, &sb);
			}
			doc_free(&d);
			sb_free(&sb);
			meeting_clear(&m[i]);
		}
		store_close(st);
	}
	remove_all();
	return 0;
}
