/* seal.c: digests of sealed minutes (see seal.h).
 *
 * The canonical text of a meeting is read through the store, never with
 * SQL of its own: one "table.key.field=value" line per field, the rows of
 * each table in the order of a stable key (agenda and minutes by their
 * number in the meeting, attendance by roster number, votes by agenda item
 * and round, ballots by their number in the vote).  Values are escaped so
 * that a value can never imitate a line: \ becomes \\, a newline \n, a tab
 * \t, a carriage return \r.  A NULL (an optional text that was never set)
 * is the key without "=", which is not the same as an empty value.
 *
 * The first line names the format ("yishiting-seal 2"); each seal keeps
 * the format it was taken in (seal.format) and verify computes that one:
 * format 1 is the record before the meeting's own times were kept
 * (migration 0004), format 2 adds them (the actual start, postponement,
 * when each person signed in, each vote was taken and each item was
 * concluded, whether a vote corrects a mistyped tally); format 3 (migration
 * 0006) adds a secret ballot's paper count (发出, 收回, 有效, 无效, a void
 * round) and its 监票人 and 计票人; format 4 (migration 0008) adds what the
 * minutes print beyond the meeting's rows: the community's name (their
 * title) and the step each 退回 sent its item back to.  From format 4 each
 * seal is also a link of the chain of seals and 更正 (chain.no, chain.prev,
 * chain.sealed after the signature lines), and the canonical text is kept
 * with the seal, so that verify can name what changed (verify.c).
 *
 * Digests: SM3 (GB/T 32905-2016) and SHA-256 through OpenSSL's EVP
 * interface.  EVP_sm3() is tried first; an OpenSSL 3 build whose default
 * provider has SM3 but whose headers leave EVP_sm3() out (OPENSSL_NO_SM3)
 * is served by EVP_MD_fetch(). */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/digest.h"
#include "model/core.h"
#include "ops/seal.h"
#include "ops_int.h"
#include "store/record.h"
#include "store/store.h"
#include "base/util.h"


static void field_int(struct strbuf *sb, const char *key, long v)
{
	sb_addf(sb, "%s=%ld\n", key, v);
}

/* The fields of each record, in the order of the canonical text: its key
 * (after the record's prefix), where and what the value is, and the
 * format it first appears in.  This order is the seal's format: a field
 * is only ever added, at the end of its record, with a new format. */
enum { F_TEXT, F_INT, F_PTR };
struct seal_field {
	const char *key;
	int kind;                    /* F_TEXT: a char array; F_PTR: a char * (NULL = unset) */
	size_t off;
	int since;                   /* the first format with this field */
};
#define FT(T, key, f) { key, F_TEXT, offsetof(T, f), 1 }
#define FI(T, key, f) { key, F_INT, offsetof(T, f), 1 }
#define FP(T, key, f) { key, F_PTR, offsetof(T, f), 1 }
#define FT2(T, key, f) { key, F_TEXT, offsetof(T, f), 2 }
#define FI2(T, key, f) { key, F_INT, offsetof(T, f), 2 }
#define FI3(T, key, f) { key, F_INT, offsetof(T, f), 3 }

static const struct seal_field meeting_fields[] = {
	FT(struct meeting, "id", id), FT(struct meeting, "number", number),
	FI(struct meeting, "kind", kind), FT(struct meeting, "title", title),
	FT(struct meeting, "date", date), FT(struct meeting, "start_time", start_time),
	FT(struct meeting, "end_time", end_time), FT(struct meeting, "place", place),
	FT(struct meeting, "chair_id", chair_id), FT(struct meeting, "chair_name", chair_name),
	FT(struct meeting, "chair_post", chair_post), FT(struct meeting, "clerk_id", clerk_id),
	FT(struct meeting, "clerk_name", clerk_name), FT(struct meeting, "rule_id", rule_id),
	FI(struct meeting, "status", status), FP(struct meeting, "pending", pending),
	FT2(struct meeting, "held_start", held_start),
	FT2(struct meeting, "postponed_from", postponed_from),
	FT2(struct meeting, "status_reason", status_reason),
};
static const struct seal_field agenda_fields[] = {
	FT(struct agenda_item, "id", id), FT(struct agenda_item, "proposal_id", proposal_id),
	FT(struct agenda_item, "proposal_number", proposal_number),
	FT(struct agenda_item, "title", title), FI(struct agenda_item, "outcome", outcome),
	FP(struct agenda_item, "reason", reason), FT(struct agenda_item, "decision", decision),
	FT(struct agenda_item, "responsible", responsible),
	FT(struct agenda_item, "deadline", deadline),
	FT2(struct agenda_item, "closed_time", closed_time),
};
/* the vote with its rule snapshot, then its outcome */
static const struct seal_field vote_fields[] = {
	FT(struct vote, "id", id), FT(struct vote, "agenda_id", agenda_id),
	FI(struct vote, "method", method), FI(struct vote, "entitled", t.entitled),
	FI(struct vote, "present", t.present), FI(struct vote, "yes", t.yes),
	FI(struct vote, "no", t.no), FI(struct vote, "abstain", t.abstain),
	FT(struct vote, "rule_id", rule.id), FT(struct vote, "rule_code", rule.code),
	FT(struct vote, "rule_name", rule.name), FI(struct vote, "q_base", rule.q_base),
	FI(struct vote, "q_cmp", rule.q_cmp), FI(struct vote, "q_num", rule.q_num),
	FI(struct vote, "q_den", rule.q_den), FI(struct vote, "p_base", rule.p_base),
	FI(struct vote, "p_cmp", rule.p_cmp), FI(struct vote, "p_num", rule.p_num),
	FI(struct vote, "p_den", rule.p_den), FT(struct vote, "rule_source", rule.source),
	FI(struct vote, "quorum_ok", quorum_ok), FI(struct vote, "passed", passed),
	FT(struct vote, "sentence", sentence), FT(struct vote, "supersedes", supersedes),
	FT(struct vote, "reason", reason), FT(struct vote, "created_at", created_at),
	FT2(struct vote, "at", at), FI2(struct vote, "correction", correction),
	FI3(struct vote, "issued", bc.issued), FI3(struct vote, "returned", bc.returned),
	FI3(struct vote, "valid", bc.valid), FI3(struct vote, "invalid", bc.invalid),
	FI3(struct vote, "void", voided),
};
static const struct seal_field teller_fields[] = {
	FT(struct teller, "person_id", person_id), FT(struct teller, "name", name),
	FI(struct teller, "role", role),
};
static const struct seal_field ballot_fields[] = {
	FT(struct ballot, "person_id", person_id), FT(struct ballot, "name", name),
	FI(struct ballot, "choice", choice),
};
static const struct seal_field attendance_fields[] = {
	FT(struct attendance, "person_id", person_id), FT(struct attendance, "name", name),
	FI(struct attendance, "roles", roles), FT(struct attendance, "grid", grid),
	FI(struct attendance, "entitled", entitled), FI(struct attendance, "status", status),
	FT(struct attendance, "reason", reason), FT(struct attendance, "signed_at", signed_at),
	FT2(struct attendance, "at", at),
};
static const struct seal_field minute_fields[] = {
	FT(struct minute, "id", id), FT(struct minute, "at", at),
	FT(struct minute, "speaker_id", speaker_id), FT(struct minute, "speaker", speaker),
	FT(struct minute, "agenda_id", agenda_id), FP(struct minute, "text", text),
};

/* every field of rec in format fmt as "prefix.key=value" lines */
static void add_fields(struct strbuf *sb, int fmt, const char *prefix, const void *rec,
                       const struct seal_field *f, size_t n)
{
	const unsigned char *base = rec;
	char k[128];

	for (size_t i = 0; i < n; i++) {
		const void *v = base + f[i].off;
		if (f[i].since > fmt)
			continue;
		snprintf(k, sizeof k, "%s.%s", prefix, f[i].key);
		if (f[i].kind == F_INT)
			field_int(sb, k, *(const int *)v);
		else
			digest_field(sb, k, f[i].kind == F_TEXT ? (const char *)v
			                                        : *(const char *const *)v);
	}
}
#define ADD(sb, prefix, rec, fields) \
	add_fields((sb), fmt, (prefix), (rec), (fields), YS_ARRAY_LEN(fields))

static void add_votes(struct strbuf *sb, int fmt, const struct record_item *it)
{
	char p[48], k[96];

	for (int i = 0; i < it->nvotes; i++) {
		const struct record_vote *rv = &it->votes[i];

		/* vote.<item seq>.<round>, its ballots ballot.<item seq>.<round>.<n> */
		snprintf(p, sizeof p, "vote.%d.%d", it->a.seq, rv->v.round);
		ADD(sb, p, &rv->v, vote_fields);
		snprintf(k, sizeof k, "%s.ballots", p);
		field_int(sb, k, rv->nballots);
		for (int j = 0; j < rv->nballots; j++) {
			snprintf(k, sizeof k, "ballot.%s.%d", p + 5, j + 1);
			ADD(sb, k, &rv->ballots[j], ballot_fields);
		}
		if (fmt < 3)
			continue;
		/* the tellers, teller.<item seq>.<round>.<n> */
		snprintf(k, sizeof k, "%s.tellers", p);
		field_int(sb, k, rv->ntellers);
		for (int j = 0; j < rv->ntellers; j++) {
			snprintf(k, sizeof k, "teller.%s.%d", p + 5, j + 1);
			ADD(sb, k, &rv->tellers[j], teller_fields);
		}
	}
}

static void canonical_of(const struct meeting_record *r, const char *community, int fmt,
                         struct strbuf *out)
{
	char p[48], k[64];

	sb_addf(out, "yishiting-seal %d\n", fmt);
	if (fmt >= 4)
		digest_field(out, "community.name", community);
	ADD(out, "meeting", &r->m, meeting_fields);
	field_int(out, "agenda.count", r->nitems);
	for (int i = 0; i < r->nitems; i++) {
		snprintf(p, sizeof p, "agenda.%d", r->items[i].a.seq);
		ADD(out, p, &r->items[i].a, agenda_fields);
		if (fmt >= 4) {
			snprintf(k, sizeof k, "%s.returned_to", p);
			field_int(out, k, r->items[i].returned_to);
		}
	}
	for (int i = 0; i < r->nitems; i++)
		add_votes(out, fmt, &r->items[i]);
	for (int i = 0; i < r->natt; i++) {
		snprintf(p, sizeof p, "attendance.%d", r->att[i].person_no);
		ADD(out, p, &r->att[i], attendance_fields);
	}
	field_int(out, "attendance.count", r->natt);
	for (int i = 0; i < r->nminutes; i++) {
		snprintf(p, sizeof p, "minute.%d", r->minutes[i].seq);
		ADD(out, p, &r->minutes[i], minute_fields);
	}
	field_int(out, "minute.count", r->nminutes);
}


#define SEAL_PARTS (REC_ITEMS | REC_ATTENDANCE | REC_MINUTES)

int seal_text_digests(const char *canon, struct seal *s, int sealed)
{
	struct strbuf sb = { 0 };
	int rc;

	if (s->format < 1 || s->format > SEAL_FORMAT_NOW)
		return -1;
	sb_add(&sb, canon);
	digest_field(&sb, "seal.signed_at", s->signed_at);
	digest_field(&sb, "seal.chair_name", s->chair_name);
	digest_field(&sb, "seal.clerk_name", s->clerk_name);
	if (s->format >= 4) {
		sb_addf(&sb, "chain.no=%d\n", s->chain_no);
		digest_field(&sb, "chain.prev", s->prev_sm3);
		sb_addf(&sb, "chain.sealed=%d\n", sealed);
	}
	rc = digest_sm3_hex(sb.s, sb.len, s->sm3) == 0 &&
	     digest_sha256_hex(sb.s, sb.len, s->sha256) == 0 ? 0 : -1;
	sb_free(&sb);
	return rc;
}

int seal_record_canonical(struct store *st, const char *meeting_id, int fmt, struct strbuf *out)
{
	struct meeting_record r;
	struct community c;
	int rc = store_record_load(st, meeting_id, SEAL_PARTS, &r), crc;

	memset(&c, 0, sizeof c);
	crc = fmt >= 4 ? store_community_get(st, &c) : 0;
	if (rc == 0 && crc >= 0)
		canonical_of(&r, c.name, fmt, out);
	record_free(&r);
	return rc == 0 && crc >= 0 ? 0 : -1;
}

int seal_canonical(struct store *st, const char *meeting_id, struct strbuf *out)
{
	return seal_record_canonical(st, meeting_id, SEAL_FORMAT_NOW, out);
}

int seal_digests(struct store *st, struct seal *s)
{
	struct strbuf sb = { 0 };
	int rc = seal_record_canonical(st, s->meeting_id, s->format, &sb);
	int sealed = s->format >= 4 ? store_seal_count_upto(st, s->chain_no) : 0;

	if (rc == 0 && sealed >= 0)
		rc = seal_text_digests(sb.s ? sb.s : "", s, sealed);
	else
		rc = -1;
	sb_free(&sb);
	return rc;
}

/* ---- 签字确认 and 更正 ---------------------------------------------------- */

void ops_seal_offer(const struct meeting_state *ms, char out[17])
{
	/* signed now at a meeting held as it happened today; one entered
	 * afterwards was signed as it ended */
	if (ms->tense == TENSE_TODAY && ms->m.held_live)
		snprintf(out, 17, "%.10s %.5s", ms->today, ms->now);
	else
		snprintf(out, 17, "%.10s %.5s", ms->m.date,
		         ms->m.end_time[0] ? ms->m.end_time : ms->latest);
}

int ops_seal(struct store *st, const char *mid, const char *signed_at, struct seal *out,
             char *err, size_t errlen)
{
	struct meeting_state ms;
	struct meeting_times mt;
	struct seal s;
	struct strbuf canon = { 0 };
	char offer[17];
	int rc = 0, sealed = 0;

	if (meeting_begin(st, mid, OPM_SEAL, &ms, err, errlen) != 0)
		return -1;
	memset(&s, 0, sizeof s);
	ops_meeting_times(&ms, &mt);
	if (!opt(signed_at)) {
		ops_seal_offer(&ms, offer);
		signed_at = offer;
	}
	if (seal_time_check(&mt, signed_at, s.signed_at, err, errlen) != 0)
		return op_end(st, -1, err, errlen);
	snprintf(s.meeting_id, sizeof s.meeting_id, "%s", ms.m.id);
	snprintf(s.chair_name, sizeof s.chair_name, "%s", ms.m.chair_name);
	snprintf(s.clerk_name, sizeof s.clerk_name, "%s", ms.m.clerk_name);
	s.format = SEAL_FORMAT_NOW;
	/* the digests are taken inside the write transaction: what is
	 * signed is exactly what is in the file at that moment, linked to
	 * the last seal or 更正 before it */
	if (store_chain_head(st, &s.chain_no, s.prev_sm3, &sealed) != 0)
		rc = store_fail(st, err, errlen);
	s.chain_no++;
	if (rc == 0 && (seal_record_canonical(st, ms.m.id, s.format, &canon) != 0 ||
	                seal_text_digests(canon.s ? canon.s : "", &s, sealed + 1) != 0))
		rc = ys_err(err, errlen, "无法计算会议记录的摘要（SM3），未签字确认。");
	else if (rc == 0 && store_seal_add(st, &s, canon.s) != 0)
		rc = store_fail(st, err, errlen);
	/* the change log keeps it too: a seal removed and made again later
	 * no longer matches the logged one */
	else if (rc == 0 && store_log(st, "meeting", ms.m.id, "签字确认", NULL, s.sm3,
	                              "会议记录经主持人、记录人签字确认") != 0)
		rc = store_fail(st, err, errlen);
	sb_free(&canon);
	rc = op_end(st, rc, err, errlen);
	if (rc == 0 && out)
		*out = s;
	return rc;
}

int ops_addendum(struct store *st, const char *mid, const char *reason, const char *text,
                 char *err, size_t errlen)
{
	struct meeting_state ms;
	struct addendum a;
	int rc = 0;

	if (meeting_begin(st, mid, OPM_ADDENDUM, &ms, err, errlen) != 0)
		return -1;
	if (!ys_has_text(reason))
		return op_end(st, ys_err(err, errlen, "更正须写明理由。"), err, errlen);
	if (!ys_has_text(text))
		return op_end(st, ys_err(err, errlen, "请填写更正内容。"), err, errlen);
	memset(&a, 0, sizeof a);
	snprintf(a.meeting_id, sizeof a.meeting_id, "%s", ms.m.id);
	a.reason = ys_trim(xstrdup(reason));
	a.text = ys_trim(xstrdup(text));
	if (store_addendum_add(st, &a) != 0)
		rc = store_fail(st, err, errlen);
	/* logged with its digest, as the seal: the last 更正 removed is
	 * found even where no later link shows the gap */
	else if (store_log(st, "meeting", ms.m.id, "更正", NULL, a.sm3, a.reason) != 0)
		rc = store_fail(st, err, errlen);
	addendum_clear(&a);
	return op_end(st, rc, err, errlen);
}
