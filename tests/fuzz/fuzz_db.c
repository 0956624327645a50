/* fuzz_db.c: a database file as anyone could hand it to the program (a
 * copy cut short, a bad sector, a file of another program, one altered by
 * hand): opened as the program opens one, then checked (check), verified
 * (verify) and each meeting's minutes made and rendered.  Refusals are
 * fine; a crash, a sanitizer report or a hang is not.
 *
 * An input is either a whole file, or (first byte 'P') a patch on a sound
 * database named by YS_FUZZ_BASE (the small one seed_db.sh makes): three
 * bytes of length to cut it to (0: keep), then any number of edits, each
 * three bytes of offset, one of length and the bytes to write there.  A
 * patch of a few bytes reaches deep into a real file: libFuzzer mutates
 * small inputs thousands of times faster than a file of 175 KB. */
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
static uint8_t *base;
static size_t base_len;

static void remove_all(void)
{
	static const char *const side[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < YS_ARRAY_LEN(side); i++) {
		char p[300];
		snprintf(p, sizeof p, "%s%s", path, side[i]);
		unlink(p);
	}
}

static void load_base(void)
{
	const char *b = getenv("YS_FUZZ_BASE");
	FILE *f = b && *b ? fopen(b, "rb") : NULL;
	long n;

	if (!f)
		return;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
		base = xmalloc((size_t)n);
		base_len = fread(base, 1, (size_t)n, f);
	}
	fclose(f);
}

static unsigned get24(const uint8_t *p)
{
	return p[0] | (unsigned)p[1] << 8 | (unsigned)p[2] << 16;
}

/* the file the input stands for, written to path; 0 if none */
static int write_input(const uint8_t *data, size_t size)
{
	const uint8_t *out = data;
	uint8_t *patched = NULL;
	size_t len = size;
	FILE *f;

	if (size >= 4 && data[0] == 'P' && base) {
		len = get24(data + 1);
		if (len == 0 || len > base_len)
			len = base_len;
		patched = xmalloc(len);
		memcpy(patched, base, len);
		for (size_t i = 4; i + 4 <= size;) {
			size_t at = get24(data + i) % len, n = data[i + 3];
			i += 4;
			if (n > size - i)
				n = size - i;
			memcpy(patched + at, data + i, n < len - at ? n : len - at);
			i += n;
		}
		out = patched;
	}
	f = fopen(path, "wb");
	if (f) {
		fwrite(out, 1, len, f);
		fclose(f);
	}
	free(patched);
	return f != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	struct store *st;

	if (!path[0]) {
		snprintf(path, sizeof path, "%s/ys-fuzz-db-%d.db",
		         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (int)getpid());
		load_base();
	}
	remove_all();
	if (!write_input(data, size))
		return 0;
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
