/* digest.c: SM3 and SHA-256 (see digest.h).  EVP_sm3() is tried first; an
 * OpenSSL 3 build whose default provider has SM3 but whose headers leave
 * EVP_sm3() out (OPENSSL_NO_SM3) is served by EVP_MD_fetch(). */
#include <string.h>

#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include "base/digest.h"
#include "base/util.h"

/* ---- digests -------------------------------------------------------------- */

static void to_hex(const unsigned char *d, unsigned n, char out[65])
{
	static const char hx[] = "0123456789abcdef";
	unsigned i;

	for (i = 0; i < n && i < 32; i++) {
		out[2 * i] = hx[d[i] >> 4];
		out[2 * i + 1] = hx[d[i] & 15];
	}
	out[2 * i] = '\0';
}

/* one digest with md; 0 when it gave 32 bytes */
static int digest_with(const EVP_MD *md, const void *data, size_t n, char out[65])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned len = 0;

	if (!md || !EVP_Digest(data, n, d, &len, md, NULL) || len != 32)
		return -1;
	to_hex(d, len, out);
	return 0;
}

/* the algorithm by its static accessor, else fetched from the provider */
static int digest(const EVP_MD *md, const char *name, const void *data, size_t n,
                  char out[65])
{
	int rc = -1;

	out[0] = '\0';
	if (md)
		rc = digest_with(md, data, n, out);
#if OPENSSL_VERSION_NUMBER >= 0x30000000L
	if (rc != 0) {
		EVP_MD *f = EVP_MD_fetch(NULL, name, NULL);
		if (f) {
			rc = digest_with(f, data, n, out);
			EVP_MD_free(f);
		}
	}
#else
	(void)name;
#endif
	if (rc != 0)
		out[0] = '\0';
	return rc;
}

int digest_sm3_hex(const void *data, size_t n, char out[65])
{
#ifndef OPENSSL_NO_SM3
	return digest(EVP_sm3(), "SM3", data, n, out);
#else
	return digest(NULL, "SM3", data, n, out);
#endif
}

int digest_sha256_hex(const void *data, size_t n, char out[65])
{
	return digest(EVP_sha256(), "SHA256", data, n, out);
}

static void esc(struct strbuf *sb, const char *v)
{
	const char *p, *run = v;

	for (p = v; *p; p++) {
		const char *rep = NULL;

		switch (*p) {
		case '\\': rep = "\\\\"; break;
		case '\n': rep = "\\n"; break;
		case '\t': rep = "\\t"; break;
		case '\r': rep = "\\r"; break;
		default:   continue;
		}
		sb_addn(sb, run, (size_t)(p - run));
		sb_add(sb, rep);
		run = p + 1;
	}
	sb_addn(sb, run, (size_t)(p - run));
}

/* key=value; v == NULL writes the key alone */
void digest_field(struct strbuf *sb, const char *key, const char *v)
{
	sb_add(sb, key);
	if (v) {
		sb_add(sb, "=");
		esc(sb, v);
	}
	sb_add(sb, "\n");
}
