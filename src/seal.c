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

#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include "core.h"
#include "seal.h"
#include "store.h"
#include "util.h"

#define SEAL_FORMAT "yishiting-seal 1"
#define PAGE 256                /* attendance and minute rows per read */

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

int seal_sm3_hex(const void *data, size_t n, char out[65])
{
#ifndef OPENSSL_NO_SM3
	return digest(EVP_sm3(), "SM3", data, n, out);
#else
	return digest(NULL, "SM3", data, n, out);
#endif
}

int seal_sha256_hex(const void *data, size_t n, char out[65])
{
	return digest(EVP_sha256(), "SHA256", data, n, out);
}

/* ---- the canonical text ---------------------------------------------------- */

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
static void field(struct strbuf *sb, const char *key, const char *v)
{
	sb_add(sb, key);
	if (v) {
		sb_add(sb, "=");
		esc(sb, v);
	}
	sb_add(sb, "\n");
}

static void field_int(struct strbuf *sb, const char *key, long v)
{
	sb_addf(sb, "%s=%ld\n", key, v);
}

/* prefix.name: the key of a row's field */
#define K(buf, ...) (snprintf((buf), sizeof (buf), __VA_ARGS__), (buf))

static void add_meeting(struct strbuf *sb, const struct meeting *m)
{
	field(sb, "meeting.id", m->id);
	field(sb, "meeting.number", m->number);
	field_int(sb, "meeting.kind", m->kind);
	field(sb, "meeting.title", m->title);
	field(sb, "meeting.date", m->date);
	field(sb, "meeting.start_time", m->start_time);
	field(sb, "meeting.end_time", m->end_time);
	field(sb, "meeting.place", m->place);
	field(sb, "meeting.chair_id", m->chair_id);
	field(sb, "meeting.chair_name", m->chair_name);
	field(sb, "meeting.chair_post", m->chair_post);
	field(sb, "meeting.clerk_id", m->clerk_id);
	field(sb, "meeting.clerk_name", m->clerk_name);
	field(sb, "meeting.rule_id", m->rule_id);
	field_int(sb, "meeting.status", m->status);
	field(sb, "meeting.pending", m->pending);
}

static void add_rule(struct strbuf *sb, const char *p, const struct rule_set *r)
{
	char k[96];

	field(sb, K(k, "%s.rule_id", p), r->id);
	field(sb, K(k, "%s.rule_code", p), r->code);
	field(sb, K(k, "%s.rule_name", p), r->name);
	field_int(sb, K(k, "%s.q_base", p), r->q_base);
	field_int(sb, K(k, "%s.q_cmp", p), r->q_cmp);
	field_int(sb, K(k, "%s.q_num", p), r->q_num);
	field_int(sb, K(k, "%s.q_den", p), r->q_den);
	field_int(sb, K(k, "%s.p_base", p), r->p_base);
	field_int(sb, K(k, "%s.p_cmp", p), r->p_cmp);
	field_int(sb, K(k, "%s.p_num", p), r->p_num);
	field_int(sb, K(k, "%s.p_den", p), r->p_den);
	field(sb, K(k, "%s.rule_source", p), r->source);
}

/* the ballots of one vote: as many as it has (a tampered database may
 * have more than were present; they must show too) */
static int add_ballots(struct store *st, struct strbuf *sb, const char *p, const struct vote *v)
{
	int max = (v->t.present > 0 ? v->t.present : 0) + 16, n;
	struct ballot *b = NULL;
	char k[96];

	for (;;) {
		b = xrealloc(b, (size_t)max * sizeof *b);
		n = store_ballots(st, v->id, b, max);
		if (n < 0) {
			free(b);
			return -1;
		}
		if (n < max)
			break;
		max *= 2;
	}
	field_int(sb, K(k, "%s.ballots", p), n);
	for (int i = 0; i < n; i++) {
		field(sb, K(k, "ballot.%s.%d.person_id", p + 5, i + 1), b[i].person_id);
		field(sb, K(k, "ballot.%s.%d.name", p + 5, i + 1), b[i].name);
		field_int(sb, K(k, "ballot.%s.%d.choice", p + 5, i + 1), b[i].choice);
	}
	free(b);
	return 0;
}

static int add_votes(struct store *st, struct strbuf *sb, const struct agenda_item *a)
{
	int max = 8, n;
	struct vote *v = NULL;
	char p[48], k[96];

	for (;;) {
		v = xrealloc(v, (size_t)max * sizeof *v);
		n = store_vote_list(st, a->id, v, max);
		if (n < 0) {
			free(v);
			return -1;
		}
		if (n < max)
			break;
		max *= 2;
	}
	for (int i = 0; i < n; i++) {
		/* vote.<item seq>.<round> */
		snprintf(p, sizeof p, "vote.%d.%d", a->seq, v[i].round);
		field(sb, K(k, "%s.id", p), v[i].id);
		field(sb, K(k, "%s.agenda_id", p), v[i].agenda_id);
		field_int(sb, K(k, "%s.method", p), v[i].method);
		field_int(sb, K(k, "%s.entitled", p), v[i].t.entitled);
		field_int(sb, K(k, "%s.present", p), v[i].t.present);
		field_int(sb, K(k, "%s.yes", p), v[i].t.yes);
		field_int(sb, K(k, "%s.no", p), v[i].t.no);
		field_int(sb, K(k, "%s.abstain", p), v[i].t.abstain);
		add_rule(sb, p, &v[i].rule);
		field_int(sb, K(k, "%s.quorum_ok", p), v[i].quorum_ok);
		field_int(sb, K(k, "%s.passed", p), v[i].passed);
		field(sb, K(k, "%s.sentence", p), v[i].sentence);
		field(sb, K(k, "%s.supersedes", p), v[i].supersedes);
		field(sb, K(k, "%s.reason", p), v[i].reason);
		field(sb, K(k, "%s.created_at", p), v[i].created_at);
		if (add_ballots(st, sb, p, &v[i]) != 0) {
			free(v);
			return -1;
		}
	}
	free(v);
	return 0;
}

static int add_agenda(struct store *st, struct strbuf *sb, const char *mid)
{
	int max = 32, n, rc = 0;
	struct agenda_item *a = NULL;
	char k[64];

	for (;;) {
		a = xrealloc(a, (size_t)max * sizeof *a);
		n = store_agenda_list(st, mid, a, max);
		if (n < 0) {
			free(a);
			return -1;
		}
		if (n < max)
			break;
		for (int i = 0; i < n; i++)
			agenda_clear(&a[i]);
		max *= 2;
	}
	field_int(sb, "agenda.count", n);
	for (int i = 0; i < n; i++) {
		int q = a[i].seq;

		field(sb, K(k, "agenda.%d.id", q), a[i].id);
		field(sb, K(k, "agenda.%d.proposal_id", q), a[i].proposal_id);
		field(sb, K(k, "agenda.%d.proposal_number", q), a[i].proposal_number);
		field(sb, K(k, "agenda.%d.title", q), a[i].title);
		field_int(sb, K(k, "agenda.%d.outcome", q), a[i].outcome);
		field(sb, K(k, "agenda.%d.reason", q), a[i].reason);
		field(sb, K(k, "agenda.%d.decision", q), a[i].decision);
		field(sb, K(k, "agenda.%d.responsible", q), a[i].responsible);
		field(sb, K(k, "agenda.%d.deadline", q), a[i].deadline);
	}
	for (int i = 0; i < n && rc == 0; i++)
		rc = add_votes(st, sb, &a[i]);
	for (int i = 0; i < n; i++)
		agenda_clear(&a[i]);
	free(a);
	return rc;
}

static int add_attendance(struct store *st, struct strbuf *sb, const char *mid)
{
	struct attendance *a = xcalloc(PAGE, sizeof *a);
	int after = -1, n, total = 0;
	char k[64];

	do {
		n = store_attendance_page(st, mid, NULL, -1, after, 1, a, PAGE);
		if (n < 0) {
			free(a);
			return -1;
		}
		for (int i = 0; i < n; i++) {
			int no = a[i].person_no;

			field(sb, K(k, "attendance.%d.person_id", no), a[i].person_id);
			field(sb, K(k, "attendance.%d.name", no), a[i].name);
			field_int(sb, K(k, "attendance.%d.roles", no), a[i].roles);
			field(sb, K(k, "attendance.%d.grid", no), a[i].grid);
			field_int(sb, K(k, "attendance.%d.entitled", no), a[i].entitled);
			field_int(sb, K(k, "attendance.%d.status", no), a[i].status);
			field(sb, K(k, "attendance.%d.reason", no), a[i].reason);
			field(sb, K(k, "attendance.%d.signed_at", no), a[i].signed_at);
			after = no;
		}
		total += n;
	} while (n == PAGE);
	field_int(sb, "attendance.count", total);
	free(a);
	return 0;
}

static int add_minutes(struct store *st, struct strbuf *sb, const char *mid)
{
	struct minute *m = xcalloc(PAGE, sizeof *m);
	int after = 0, n, total = 0;
	char k[64];

	do {
		n = store_minute_page(st, mid, after, 1, m, PAGE);
		if (n < 0) {
			free(m);
			return -1;
		}
		for (int i = 0; i < n; i++) {
			int q = m[i].seq;

			field(sb, K(k, "minute.%d.id", q), m[i].id);
			field(sb, K(k, "minute.%d.at", q), m[i].at);
			field(sb, K(k, "minute.%d.speaker_id", q), m[i].speaker_id);
			field(sb, K(k, "minute.%d.speaker", q), m[i].speaker);
			field(sb, K(k, "minute.%d.agenda_id", q), m[i].agenda_id);
			field(sb, K(k, "minute.%d.text", q), m[i].text);
			after = q;
			minute_clear(&m[i]);
		}
		total += n;
	} while (n == PAGE);
	field_int(sb, "minute.count", total);
	free(m);
	return 0;
}

int seal_canonical(struct store *st, const char *meeting_id, struct strbuf *out)
{
	struct meeting m;
	struct strbuf sb = { 0 };
	int rc;

	rc = store_meeting_get(st, meeting_id ? meeting_id : "", &m);
	if (rc != 0)
		return -1;
	sb_add(&sb, SEAL_FORMAT "\n");
	add_meeting(&sb, &m);
	rc = add_agenda(st, &sb, m.id);
	if (rc == 0)
		rc = add_attendance(st, &sb, m.id);
	if (rc == 0)
		rc = add_minutes(st, &sb, m.id);
	meeting_clear(&m);
	if (rc != 0) {
		sb_free(&sb);
		return -1;
	}
	sb_add(out, sb.s);
	sb_free(&sb);
	return 0;
}

int seal_digests(struct store *st, struct seal *s)
{
	struct strbuf sb = { 0 };
	int rc;

	if (seal_canonical(st, s->meeting_id, &sb) != 0)
		return -1;
	field(&sb, "seal.signed_at", s->signed_at);
	field(&sb, "seal.chair_name", s->chair_name);
	field(&sb, "seal.clerk_name", s->clerk_name);
	rc = seal_sm3_hex(sb.s, sb.len, s->sm3) == 0 &&
	     seal_sha256_hex(sb.s, sb.len, s->sha256) == 0 ? 0 : -1;
	sb_free(&sb);
	return rc;
}

int seal_addendum_sm3(const char *meeting_sm3, const struct addendum *a, char out[65])
{
	struct strbuf sb = { 0 };
	int rc;

	sb_add(&sb, SEAL_FORMAT " addendum\n");
	field(&sb, "seal.sm3", meeting_sm3 ? meeting_sm3 : "");
	field_int(&sb, "addendum.seq", a->seq);
	field(&sb, "addendum.at", a->at);
	field(&sb, "addendum.reason", a->reason ? a->reason : "");
	field(&sb, "addendum.text", a->text ? a->text : "");
	rc = seal_sm3_hex(sb.s, sb.len, out);
	sb_free(&sb);
	return rc;
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

/* the addenda of one sealed meeting, chained on its recorded SM3 */
static int verify_addenda(struct store *st, struct finder *f, const struct seal *s,
                          const struct meeting *m)
{
	int max = 16, n;
	struct addendum *a = NULL;
	char sm3[65];

	for (;;) {
		a = xrealloc(a, (size_t)max * sizeof *a);
		n = store_addendum_list(st, s->meeting_id, a, max);
		if (n < 0) {
			free(a);
			return -1;
		}
		if (n < max)
			break;
		for (int i = 0; i < n; i++)
			addendum_clear(&a[i]);
		max *= 2;
	}
	for (int i = 0; i < n; i++) {
		if (seal_addendum_sm3(s->sm3, &a[i], sm3) != 0) {
			for (int j = i; j < n; j++)
				addendum_clear(&a[j]);
			free(a);
			return -1;
		}
		if (strcmp(sm3, a[i].sm3) != 0)
			say(f, "会议 %s（%s）的第 %d 条更正与其摘要不符：可能被程序外修改。",
			    m->number, m->title, a[i].seq);
		else if (a[i].seq != i + 1)
			say(f, "会议 %s（%s）的更正缺少第 %d 条：可能被程序外删除。",
			    m->number, m->title, i + 1);
		addendum_clear(&a[i]);
	}
	free(a);
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
			struct seal now = page[i];
			struct meeting m;

			if (store_meeting_get(st, page[i].meeting_id, &m) != 0)
				return -1;
			if (seal_digests(st, &now) != 0) {
				meeting_clear(&m);
				return -1;
			}
			if (strcmp(now.sm3, page[i].sm3) != 0 || strcmp(now.sha256, page[i].sha256) != 0)
				say(&f, "会议 %s（%s）的记录与签字确认时的摘要不符：可能被程序外修改。",
				    m.number, m.title);
			if (verify_addenda(st, &f, &page[i], &m) != 0) {
				meeting_clear(&m);
				return -1;
			}
			snprintf(after, sizeof after, "%s", m.number);
			meeting_clear(&m);
		}
	} while (n == 64);
	return f.found;
}
