/* seal.h: sealed minutes (签字确认).  The digests (SM3, the national
 * standard hash, and SHA-256 beside it; base/digest.h) are taken over a
 * canonical text of the meeting's whole record, so that neither the record
 * nor who signed it when can change unnoticed; `yishiting verify` takes
 * them again. */
#ifndef YS_SEAL_H
#define YS_SEAL_H

#include <stddef.h>
#include "base/util.h"
#include "store/store.h"

/* The canonical text of a meeting's record in the current format: every field of the meeting, its
 * agenda items with outcomes, attendance, minutes, votes with their
 * snapshots and ballots, one field per line in a fixed order, values
 * escaped.  Any change to any of them changes the text.  0 or -1. */
int seal_canonical(struct store *st, const char *meeting_id, struct strbuf *out);

/* The digests of a seal: SM3 and SHA-256 of the canonical text in the
 * seal's format (s->format: 1 or 2, see seal.c) followed by the three
 * signature lines (seal.signed_at, seal.chair_name, seal.clerk_name).
 * Reads s->meeting_id, s->format and those three fields, fills s->sm3 and
 * s->sha256.  0, or -1 (store_errmsg() says why; an unknown format). */
int seal_digests(struct store *st, struct seal *s);

/* `yishiting verify`: recompute every sealed meeting's digests (and every
 * addendum's chain, store_addendum_digest) and report each that differs.
 * cb gets one Chinese line per finding; returns the number of altered
 * records, -1 on error. */
int seal_verify_all(struct store *st, void (*cb)(const char *line, void *arg), void *arg);

#endif
