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
 * seal's format (s->format: 1 to 4, see seal.c) followed by the three
 * signature lines (seal.signed_at, seal.chair_name, seal.clerk_name) and,
 * in format 4, its link (chain.no, chain.prev, chain.sealed).
 * Reads s->meeting_id, s->format, those fields and s->chain_no,
 * s->prev_sm3, fills s->sm3 and s->sha256.  0, or -1 (store_errmsg() says why; an unknown format). */
int seal_digests(struct store *st, struct seal *s);

/* `yishiting verify` (verify.c): every sealed meeting against its seal,
 * naming each record that changed (the minute line with its number, time
 * and speaker, the vote round, the attendance row, the 更正), every 更正
 * against its digest, the chain of seals and 更正 (a link deleted, re-done
 * or slipped in), each seal the change log recorded, and every
 * attachment's bytes against their SM3 (attachments.c).  cb gets one
 * Chinese line per finding; returns the number of findings, -1 on error. */
int seal_verify_all(struct store *st, void (*cb)(const char *line, void *arg), void *arg);
/* A paper copy against the database: hex is the SM3 printed on its pages
 * (either case, spaces ignored).  The meeting's seal must have that digest
 * and its record must still match it.  Returns the number of findings (0:
 * the paper and the database agree), or -1 with the reason in err (no such
 * meeting, a digest that is not 64 hex digits). */
int seal_verify_paper(struct store *st, const char *number, const char *hex,
                      void (*cb)(const char *line, void *arg), void *arg, char *err, size_t errlen);

#endif
