/* search.c: 检索 everywhere — proposals, the lines of the minutes, notices,
 * people (and the 民情日记 and 手记) through one FTS5 trigram index
 * (0013_search.sql).  A word of three or more characters is found through
 * the index; one of one or two characters (电梯, 停车) by LIKE on the index's
 * text.  Several words separated by spaces must all be there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

const struct search_kind search_kinds[] = {
	{ "proposal", "议题" },
	{ "meeting", "会议" },
	{ "minute", "会议发言" },
	{ "notice", "公示" },
	{ "diary", "民情日记" },
	{ "note", "书记手记" },
	{ "chronicle", "大事记" },
	{ "person", "人员" },
};
const size_t search_kind_count = YS_ARRAY_LEN(search_kinds);

int search_kind_index(const char *kind)
{
	for (size_t i = 0; i < search_kind_count; i++)
		if (strcmp(search_kinds[i].kind, kind) == 0)
			return (int)i;
	return -1;
}

void search_hits_free(struct search_hit *h, int n)
{
	for (int i = 0; i < n; i++)
		free(h[i].text);
	free(h);
}

static size_t chars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* the words of q: split at ASCII white space and the ideographic space */
static int words(const char *q, char w[SEARCH_MAX_WORDS][SEARCH_MAX_QUERY + 1])
{
	int n = 0;
	const char *p = q;

	while (*p && n < SEARCH_MAX_WORDS) {
		size_t len;

		while (*p == ' ' || *p == '\t' || *p == '\n' || strncmp(p, "\u3000", 3) == 0)
			p += *p == '\xe3' ? 3 : 1;
		if (!*p)
			break;
		len = 0;
		while (p[len] && p[len] != ' ' && p[len] != '\t' && p[len] != '\n' &&
		       strncmp(p + len, "\u3000", 3) != 0)
			len++;
		if (len > SEARCH_MAX_QUERY)
			len = SEARCH_MAX_QUERY;
		memcpy(w[n], p, len);
		w[n][len] = '\0';
		n++;
		p += len;
		while (*p && ((unsigned char)*p & 0xC0) == 0x80)
			p++;        /* a word cut at the limit: not half a character on */
	}
	return n;
}

/* ASCII case folded, for the check of every word */
static int has_word(const char *hay, const char *w)
{
	size_t n = strlen(w);

	for (const char *h = hay; *h; h++) {
		size_t i = 0;

		while (i < n && h[i] && (h[i] == w[i] || ((unsigned char)h[i] < 0x80 && (unsigned char)w[i] < 0x80 &&
		                                          (h[i] | 0x20) == (w[i] | 0x20) && (h[i] | 0x20) >= 'a' &&
		                                          (h[i] | 0x20) <= 'z')))
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

static void like_pattern(const char *w, struct strbuf *sb)
{
	sb_add(sb, "%");
	for (const char *c = w; *c; c++) {
		if (*c == '%' || *c == '_' || *c == '\\')
			sb_add(sb, "\\");
		sb_addn(sb, c, 1);
	}
	sb_add(sb, "%");
}

/* what every search selects: the kind, the record, what opens it (the
 * meeting of a line of the minutes), its date, a number that says more
 * (a proposal's step, a notice's kind), the meeting of a line, the text */
#define HIT_COLS \
	"SELECT k.kind, k.ref," \
	" CASE k.kind WHEN 'minute' THEN (SELECT m.meeting_id FROM minute m WHERE m.id = k.ref)" \
	"  ELSE k.ref END," \
	" COALESCE(CASE k.kind" \
	"  WHEN 'proposal' THEN (SELECT p.proposed_on FROM proposal p WHERE p.id = k.ref)" \
	"  WHEN 'minute' THEN (SELECT t.date FROM minute m JOIN meeting t ON t.id = m.meeting_id" \
	"   WHERE m.id = k.ref)" \
	"  WHEN 'notice' THEN (SELECT n.start_date FROM notice n WHERE n.id = k.ref)" \
	"  WHEN 'diary' THEN (SELECT d.raised_on FROM diary d WHERE d.id = k.ref)" \
	"  WHEN 'note' THEN (SELECT n.date FROM note n WHERE n.id = k.ref)" \
	"  WHEN 'meeting' THEN (SELECT t.date FROM meeting t WHERE t.id = k.ref)" \
	"  WHEN 'chronicle' THEN (SELECT c.date FROM chronicle_entry c WHERE c.id = k.ref)" \
	"  END, '') AS day," \
	" COALESCE(CASE k.kind" \
	"  WHEN 'proposal' THEN (SELECT p.step + 100 * p.status FROM proposal p WHERE p.id = k.ref)" \
	"  WHEN 'notice' THEN (SELECT n.kind FROM notice n WHERE n.id = k.ref)" \
	"  WHEN 'minute' THEN (SELECT m.seq FROM minute m WHERE m.id = k.ref)" \
	"  WHEN 'person' THEN (SELECT p.active FROM person p WHERE p.id = k.ref)" \
	"  WHEN 'meeting' THEN (SELECT t.kind FROM meeting t WHERE t.id = k.ref)" \
	"  WHEN 'diary' THEN (SELECT d.replied_on <> '' FROM diary d WHERE d.id = k.ref) END, 0)," \
	" COALESCE(CASE k.kind WHEN 'minute' THEN (SELECT t.number FROM minute m" \
	"  JOIN meeting t ON t.id = m.meeting_id WHERE m.id = k.ref) END, '')," \
	" f.title, f.body," \
	" CASE k.kind WHEN 'diary' THEN (SELECT d.content || ' ' || d.reply FROM diary d" \
	"  WHERE d.id = k.ref) ELSE f.body END"

/* the newest first by when they were entered, a kind at a time, stopping
 * after a few more rows than are shown: a common word in a large file
 * reads a page, not the file.  With a word of three characters or more
 * the index finds the rows (walked from the newest); with short words only,
 * the kind's keys are walked from the newest and each text is tested. */
static sqlite3_stmt *kind_stmt(struct store *st, int indexed)
{
	if (indexed)
		return db_stmt(st, HIT_COLS
			" FROM search_fts f JOIN search_fts_key k ON k.id = f.rowid"
			" WHERE search_fts MATCH ?1 AND k.kind = ?3"
			" AND (?2 = '' OR f.title LIKE ?2 ESCAPE '\\' OR f.body LIKE ?2 ESCAPE '\\')"
			" ORDER BY f.rowid DESC LIMIT ?4");
	return db_stmt(st, HIT_COLS
		" FROM search_fts_key k CROSS JOIN search_fts f ON f.rowid = k.id"
		" WHERE k.kind = ?3 AND (f.title LIKE ?2 ESCAPE '\\' OR f.body LIKE ?2 ESCAPE '\\')"
		" ORDER BY k.id DESC LIMIT ?4");
}

static int hit_cmp(const void *a, const void *b)
{
	const struct search_hit *x = a, *y = b;
	int c = search_kind_index(x->kind) - search_kind_index(y->kind);

	if (c)
		return c;
	c = strcmp(y->date, x->date);           /* the newest day first */
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

int store_search(struct store *st, const char *q, struct search_hit **out, unsigned *more)
{
	char w[SEARCH_MAX_WORDS][SEARCH_MAX_QUERY + 1];
	struct strbuf fts = {0}, like = {0};
	int nw = words(q ? q : "", w), n = 0, cap = 0, rc = SQLITE_DONE;

	*out = NULL;
	if (more)
		*more = 0;
	if (nw == 0)
		return 0;
	sb_add(&fts, "");
	sb_add(&like, "");
	for (int i = 0; i < nw; i++) {
		if (chars(w[i], strlen(w[i])) >= 3) {
			/* FTS5 query syntax: the word as one quoted phrase, a
			 * quote inside doubled, so that its trigrams must follow
			 * each other — a plain substring */
			sb_add(&fts, fts.len ? " \"" : "\"");
			for (const char *c = w[i]; *c; c++)
				sb_addn(&fts, *c == '"' ? "\"\"" : c, *c == '"' ? 2 : 1);
			sb_add(&fts, "\"");
		} else if (!like.len) {
			like_pattern(w[i], &like);
		}
	}
	for (size_t k = 0; k < search_kind_count && rc == SQLITE_DONE; k++) {
		sqlite3_stmt *s = kind_stmt(st, fts.len > 0);
		int got = 0;

		if (!s) {
			rc = SQLITE_ERROR;
			break;
		}
		db_bind_text(s, 1, fts.s);
		db_bind_text(s, 2, like.s);
		db_bind_text(s, 3, search_kinds[k].kind);
		db_bind_int(s, 4, SEARCH_PER_KIND * 4);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			struct search_hit *h;
			const char *title = db_col_text(s, 6), *body = db_col_text(s, 7);
			int all = 1;

			/* every word, the short ones too, in the title or the text */
			for (int i = 0; i < nw && all; i++)
				all = has_word(title, w[i]) || has_word(body, w[i]);
			if (!all)
				continue;
			if (got == SEARCH_PER_KIND) {
				if (more)
					*more |= 1u << k;
				break;
			}
			if (n == cap) {
				cap = cap ? cap * 2 : 32;
				*out = xrealloc(*out, (size_t)cap * sizeof **out);
			}
			h = &(*out)[n++];
			got++;
			memset(h, 0, sizeof *h);
			h->order = n;
			ys_strlcpy(h->kind, db_col_text(s, 0), sizeof h->kind);
			ys_strlcpy(h->ref, db_col_text(s, 1), sizeof h->ref);
			ys_strlcpy(h->target, db_col_text(s, 2), sizeof h->target);
			ys_strlcpy(h->date, db_col_text(s, 3), sizeof h->date);
			h->sub = db_col_int(s, 4);
			ys_strlcpy(h->where, db_col_text(s, 5), sizeof h->where);
			ys_strlcpy(h->title, title, sizeof h->title);
			h->text = xstrdup(db_col_text(s, 8));      /* what is shown */
		}
		if (rc == SQLITE_ROW) {
			sqlite3_reset(s);
			rc = SQLITE_DONE;
		} else if (db_step_end(st, s, rc) != 0) {
			rc = SQLITE_ERROR;
		}
	}
	sb_free(&fts);
	sb_free(&like);
	if (rc != SQLITE_DONE) {
		search_hits_free(*out, n);
		*out = NULL;
		return -1;
	}
	if (n > 1)
		qsort(*out, (size_t)n, sizeof **out, hit_cmp);
	return n;
}
