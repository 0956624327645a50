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
 * The first line names the format ("yishiting-seal 1"); a later program
 * that changes the format must keep computing this one for old seals.
 *
 * Digests: SM3 (GB/T 32905-2016) and SHA-256 through OpenSSL's EVP
 * interface.  EVP_sm3() is tried first; an OpenSSL 3 build whose default
 * provider has SM3 but whose headers leave EVP_sm3() out (OPENSSL_NO_SM3)
 * is served by EVP_MD_fetch(). */
#include <stdarg.h>
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

#define SEAL_FORMAT "yishiting-seal 1"

static void field_int(struct strbuf *sb, const char *key, long v)
{
	sb_addf(sb, "%s=%ld\n", key, v);
}

/* prefix.name: the key of a row's field */
#define K(buf, ...) (snprintf((buf), sizeof (buf), __VA_ARGS__), (buf))

static void add_meeting(struct strbuf *sb, const struct meeting *m)
{
	digest_field(sb, "meeting.id", m->id);
	digest_field(sb, "meeting.number", m->number);
	field_int(sb, "meeting.kind", m->kind);
	digest_field(sb, "meeting.title", m->title);
	digest_field(sb, "meeting.date", m->date);
	digest_field(sb, "meeting.start_time", m->start_time);
	digest_field(sb, "meeting.end_time", m->end_time);
	digest_field(sb, "meeting.place", m->place);
	digest_field(sb, "meeting.chair_id", m->chair_id);
	digest_field(sb, "meeting.chair_name", m->chair_name);
	digest_field(sb, "meeting.chair_post", m->chair_post);
	digest_field(sb, "meeting.clerk_id", m->clerk_id);
	digest_field(sb, "meeting.clerk_name", m->clerk_name);
	digest_field(sb, "meeting.rule_id", m->rule_id);
	field_int(sb, "meeting.status", m->status);
	digest_field(sb, "meeting.pending", m->pending);
}

static void add_rule(struct strbuf *sb, const char *p, const struct rule_set *r)
{
	char k[96];

	digest_field(sb, K(k, "%s.rule_id", p), r->id);
	digest_field(sb, K(k, "%s.rule_code", p), r->code);
	digest_field(sb, K(k, "%s.rule_name", p), r->name);
	field_int(sb, K(k, "%s.q_base", p), r->q_base);
	field_int(sb, K(k, "%s.q_cmp", p), r->q_cmp);
	field_int(sb, K(k, "%s.q_num", p), r->q_num);
	field_int(sb, K(k, "%s.q_den", p), r->q_den);
	field_int(sb, K(k, "%s.p_base", p), r->p_base);
	field_int(sb, K(k, "%s.p_cmp", p), r->p_cmp);
	field_int(sb, K(k, "%s.p_num", p), r->p_num);
	field_int(sb, K(k, "%s.p_den", p), r->p_den);
	digest_field(sb, K(k, "%s.rule_source", p), r->source);
}

static void add_ballots(struct strbuf *sb, const char *p, const struct record_vote *rv)
{
	char k[96];

	field_int(sb, K(k, "%s.ballots", p), rv->nballots);
	for (int i = 0; i < rv->nballots; i++) {
		const struct ballot *b = &rv->ballots[i];
		digest_field(sb, K(k, "ballot.%s.%d.person_id", p + 5, i + 1), b->person_id);
		digest_field(sb, K(k, "ballot.%s.%d.name", p + 5, i + 1), b->name);
		field_int(sb, K(k, "ballot.%s.%d.choice", p + 5, i + 1), b->choice);
	}
}

static void add_votes(struct strbuf *sb, const struct record_item *it)
{
	char p[48], k[96];

	for (int i = 0; i < it->nvotes; i++) {
		const struct vote *v = &it->votes[i].v;

		/* vote.<item seq>.<round> */
		snprintf(p, sizeof p, "vote.%d.%d", it->a.seq, v->round);
		digest_field(sb, K(k, "%s.id", p), v->id);
		digest_field(sb, K(k, "%s.agenda_id", p), v->agenda_id);
		field_int(sb, K(k, "%s.method", p), v->method);
		field_int(sb, K(k, "%s.entitled", p), v->t.entitled);
		field_int(sb, K(k, "%s.present", p), v->t.present);
		field_int(sb, K(k, "%s.yes", p), v->t.yes);
		field_int(sb, K(k, "%s.no", p), v->t.no);
		field_int(sb, K(k, "%s.abstain", p), v->t.abstain);
		add_rule(sb, p, &v->rule);
		field_int(sb, K(k, "%s.quorum_ok", p), v->quorum_ok);
		field_int(sb, K(k, "%s.passed", p), v->passed);
		digest_field(sb, K(k, "%s.sentence", p), v->sentence);
		digest_field(sb, K(k, "%s.supersedes", p), v->supersedes);
		digest_field(sb, K(k, "%s.reason", p), v->reason);
		digest_field(sb, K(k, "%s.created_at", p), v->created_at);
		add_ballots(sb, p, &it->votes[i]);
	}
}

static void add_agenda(struct strbuf *sb, const struct meeting_record *r)
{
	char k[64];

	field_int(sb, "agenda.count", r->nitems);
	for (int i = 0; i < r->nitems; i++) {
		const struct agenda_item *a = &r->items[i].a;
		int q = a->seq;

		digest_field(sb, K(k, "agenda.%d.id", q), a->id);
		digest_field(sb, K(k, "agenda.%d.proposal_id", q), a->proposal_id);
		digest_field(sb, K(k, "agenda.%d.proposal_number", q), a->proposal_number);
		digest_field(sb, K(k, "agenda.%d.title", q), a->title);
		field_int(sb, K(k, "agenda.%d.outcome", q), a->outcome);
		digest_field(sb, K(k, "agenda.%d.reason", q), a->reason);
		digest_field(sb, K(k, "agenda.%d.decision", q), a->decision);
		digest_field(sb, K(k, "agenda.%d.responsible", q), a->responsible);
		digest_field(sb, K(k, "agenda.%d.deadline", q), a->deadline);
	}
	for (int i = 0; i < r->nitems; i++)
		add_votes(sb, &r->items[i]);
}

static void add_attendance(struct strbuf *sb, const struct meeting_record *r)
{
	char k[64];

	for (int i = 0; i < r->natt; i++) {
		const struct attendance *a = &r->att[i];
		int no = a->person_no;

		digest_field(sb, K(k, "attendance.%d.person_id", no), a->person_id);
		digest_field(sb, K(k, "attendance.%d.name", no), a->name);
		field_int(sb, K(k, "attendance.%d.roles", no), a->roles);
		digest_field(sb, K(k, "attendance.%d.grid", no), a->grid);
		field_int(sb, K(k, "attendance.%d.entitled", no), a->entitled);
		field_int(sb, K(k, "attendance.%d.status", no), a->status);
		digest_field(sb, K(k, "attendance.%d.reason", no), a->reason);
		digest_field(sb, K(k, "attendance.%d.signed_at", no), a->signed_at);
	}
	field_int(sb, "attendance.count", r->natt);
}

static void add_minutes(struct strbuf *sb, const struct meeting_record *r)
{
	char k[64];

	for (int i = 0; i < r->nminutes; i++) {
		const struct minute *m = &r->minutes[i];
		int q = m->seq;

		digest_field(sb, K(k, "minute.%d.id", q), m->id);
		digest_field(sb, K(k, "minute.%d.at", q), m->at);
		digest_field(sb, K(k, "minute.%d.speaker_id", q), m->speaker_id);
		digest_field(sb, K(k, "minute.%d.speaker", q), m->speaker);
		digest_field(sb, K(k, "minute.%d.agenda_id", q), m->agenda_id);
		digest_field(sb, K(k, "minute.%d.text", q), m->text);
	}
	field_int(sb, "minute.count", r->nminutes);
}

static void canonical_of(const struct meeting_record *r, struct strbuf *out)
{
	sb_add(out, SEAL_FORMAT "\n");
	add_meeting(out, &r->m);
	add_agenda(out, r);
	add_attendance(out, r);
	add_minutes(out, r);
}

/* the digests of the record r as sealed by s's three signature lines */
static int digests_of(const struct meeting_record *r, struct seal *s)
{
	struct strbuf sb = { 0 };
	int rc;

	canonical_of(r, &sb);
	digest_field(&sb, "seal.signed_at", s->signed_at);
	digest_field(&sb, "seal.chair_name", s->chair_name);
	digest_field(&sb, "seal.clerk_name", s->clerk_name);
	rc = digest_sm3_hex(sb.s, sb.len, s->sm3) == 0 &&
	     digest_sha256_hex(sb.s, sb.len, s->sha256) == 0 ? 0 : -1;
	sb_free(&sb);
	return rc;
}

#define SEAL_PARTS (REC_ITEMS | REC_ATTENDANCE | REC_MINUTES)

int seal_canonical(struct store *st, const char *meeting_id, struct strbuf *out)
{
	struct meeting_record r;
	int rc = store_record_load(st, meeting_id, SEAL_PARTS, &r);

	if (rc == 0)
		canonical_of(&r, out);
	record_free(&r);
	return rc == 0 ? 0 : -1;
}

int seal_digests(struct store *st, struct seal *s)
{
	struct meeting_record r;
	int rc = store_record_load(st, s->meeting_id, SEAL_PARTS, &r);

	if (rc == 0)
		rc = digests_of(&r, s);
	record_free(&r);
	return rc == 0 ? 0 : -1;
}

/* ---- verify ----------------------------------------------------------------- */

struct finder {
	void (*cb)(const char *line, void *arg);
	void *arg;
	int found;
};

static void say(struct finder *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct finder *f, const char *fmt, ...)
{
	char line[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	f->found++;
	if (f->cb)
		f->cb(line, f->arg);
}

/* one sealed meeting: its record against the seal, its addenda against
 * the chain that starts at the seal's SM3 */
static int verify_one(struct store *st, struct finder *f, const struct seal *sealed)
{
	struct meeting_record r;
	struct seal now = *sealed;
	char sm3[65];
	int rc = store_record_load(st, sealed->meeting_id, SEAL_PARTS | REC_ADDENDA, &r);

	if (rc == 0)
		rc = digests_of(&r, &now);
	if (rc != 0) {
		record_free(&r);
		return -1;
	}
	if (strcmp(now.sm3, sealed->sm3) != 0 || strcmp(now.sha256, sealed->sha256) != 0)
		say(f, "会议 %s（%s）的记录与签字确认时的摘要不符：可能被程序外修改。",
		    r.m.number, r.m.title);
	for (int i = 0; i < r.naddenda; i++) {
		const struct addendum *a = &r.addenda[i];
		if (store_addendum_digest(sealed->sm3, a, sm3) != 0) {
			record_free(&r);
			return -1;
		}
		if (strcmp(sm3, a->sm3) != 0)
			say(f, "会议 %s（%s）的第 %d 条更正与其摘要不符：可能被程序外修改。",
			    r.m.number, r.m.title, a->seq);
		else if (a->seq != i + 1)
			say(f, "会议 %s（%s）的更正缺少第 %d 条：可能被程序外删除。",
			    r.m.number, r.m.title, i + 1);
	}
	record_free(&r);
	return 0;
}

int seal_verify_all(struct store *st, void (*cb)(const char *line, void *arg), void *arg)
{
	struct finder f = { cb, arg, 0 };
	struct seal page[64];
	char after[16] = "";
	int n;

	do {
		n = store_seal_page(st, after, page, 64);
		if (n < 0)
			return -1;
		for (int i = 0; i < n; i++) {
			struct meeting m;

			if (verify_one(st, &f, &page[i]) != 0)
				return -1;
			if (store_meeting_get(st, page[i].meeting_id, &m) != 0)
				return -1;
			snprintf(after, sizeof after, "%s", m.number);
			meeting_clear(&m);
		}
	} while (n == 64);
	return f.found;
}

/* ---- 签字确认 and 更正 ---------------------------------------------------- */

int ops_seal(struct store *st, const char *mid, struct seal *out, char *err, size_t errlen)
{
	struct meeting_state ms;
	struct seal s;
	int rc = 0;

	if (meeting_begin(st, mid, OPM_SEAL, &ms, err, errlen) != 0)
		return -1;
	memset(&s, 0, sizeof s);
	snprintf(s.meeting_id, sizeof s.meeting_id, "%s", ms.m.id);
	snprintf(s.chair_name, sizeof s.chair_name, "%s", ms.m.chair_name);
	snprintf(s.clerk_name, sizeof s.clerk_name, "%s", ms.m.clerk_name);
	now_stamp(s.signed_at);
	/* the digests are taken inside the write transaction: what is
	 * signed is exactly what is in the file at that moment */
	if (seal_digests(st, &s) != 0)
		rc = ys_err(err, errlen, "无法计算会议记录的摘要（SM3），未签字确认。");
	else if (store_seal_add(st, &s) != 0)
		rc = store_fail(st, err, errlen);
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
	addendum_clear(&a);
	return op_end(st, rc, err, errlen);
}
