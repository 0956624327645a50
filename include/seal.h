/* seal.h: digests of sealed minutes (SM3, the national standard hash, and
 * SHA-256 beside it, both through OpenSSL's libcrypto). */
#ifndef YS_SEAL_H
#define YS_SEAL_H

#include <stddef.h>
#include "store.h"
#include "util.h"

/* hex digests of a byte string: out must hold 65 bytes; 0 or -1 */
int seal_sm3_hex(const void *data, size_t n, char out[65]);
int seal_sha256_hex(const void *data, size_t n, char out[65]);

/* The canonical text of a meeting's record: every field of the meeting, its
 * agenda items with outcomes, attendance, minutes, votes with their
 * snapshots and ballots, one field per line in a fixed order, values
 * escaped.  Any change to any of them changes the text. */
int seal_canonical(struct store *st, const char *meeting_id, struct strbuf *out);

/* Added with the implementation:
 * The digests of a seal: SM3 and SHA-256 of the canonical text followed by
 * the three signature lines (seal.signed_at, seal.chair_name,
 * seal.clerk_name), so that neither the record nor who signed it when can
 * change unnoticed.  Reads s->meeting_id and those three fields, fills
 * s->sm3 and s->sha256.  0, or -1 (store_errmsg() says why). */
int seal_digests(struct store *st, struct seal *s);
/* the SM3 of an addendum, chained on the sealed meeting's SM3:
 * over meeting_sm3, a->seq, a->at, a->reason and a->text (escaped, one per
 * line).  0 or -1. */
int seal_addendum_sm3(const char *meeting_sm3, const struct addendum *a, char out[65]);

/* `yishiting verify`: recompute every sealed meeting's digests (and every
 * addendum's) and report each that differs.  cb gets one Chinese line per
 * finding; returns the number of altered records, -1 on error. */
int seal_verify_all(struct store *st, void (*cb)(const char *line, void *arg), void *arg);

#endif
