/* tsv.c: the demo's data files — UTF-8, tab-separated, the first
 * non-comment line the header (columns are found by name), '#' lines
 * comments, empty lines skipped, \n \t \\ escapes inside a field — and the
 * "甲、乙（理由）、丙" lists some fields hold, and the checks and dates
 * every reader shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "base/embed.h"
#include "base/text.h"
#include "base/util.h"
#include "demo_int.h"

/* ---- TSV ----------------------------------------------------------------- */

void tsv_free(struct tsv *t)
{
	for (int i = 0; i < t->nrows; i++)
		free(t->rows[i].f);
	free(t->rows);
	free(t->head);
	free(t->buf);
	memset(t, 0, sizeof *t);
}

/* undo \n \t \\ in place; -1 on an unknown or unfinished escape */
static int tsv_unescape(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++) {
		if (*r != '\\') {
			*w++ = *r;
			continue;
		}
		switch (r[1]) {
		case 'n':  *w++ = '\n'; break;
		case 't':  *w++ = '\t'; break;
		case '\\': *w++ = '\\'; break;
		default:   return -1;
		}
		r++;
	}
	*w = '\0';
	return 0;
}

/* 1 if the line has nothing but spaces and tabs */
static int blank_line(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* cut one line into fields (in place); returns the count */
static int split_fields(char *line, char ***out)
{
	int n = 1;
	char **f;

	for (const char *p = line; *p; p++)
		n += *p == '\t';
	f = xcalloc((size_t)n, sizeof *f);
	n = 0;
	f[n++] = line;
	for (char *p = line; *p; p++) {
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	}
	*out = f;
	return n;
}

int tsv_load(struct demo *d, struct tsv *t, const char *file)
{
	const struct embedded_file *ef = embedded_find(file);
	char *p, *next;
	int line = 0, cap = 0;

	memset(t, 0, sizeof *t);
	t->file = file;
	if (!ef)
		return derr(d, file, 0, "程序中没有内嵌这个演示数据文件。");
	t->buf = xmalloc(ef->len + 1);
	memcpy(t->buf, ef->data, ef->len);
	t->buf[ef->len] = '\0';
	if (strlen(t->buf) != ef->len)
		return derr(d, file, 0, "文件中有 NUL 字符。");
	p = t->buf;
	if (strncmp(p, "\xef\xbb\xbf", 3) == 0)    /* a BOM from a Windows editor */
		p += 3;
	for (; *p; p = next) {
		char **f;
		int n;
		size_t len;

		line++;
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		else
			next = p + strlen(p);
		len = strlen(p);
		if (len > 0 && p[len - 1] == '\r')
			p[--len] = '\0';
		if (p[0] == '#' || blank_line(p))
			continue;
		if (!text_valid_utf8(p))
			return derr(d, file, line, "不是有效的 UTF-8 文本。");
		n = split_fields(p, &f);
		for (int i = 0; i < n; i++) {
			if (tsv_unescape(f[i]) != 0) {
				free(f);
				return derr(d, file, line, "第 %d 列有无效的转义（只能用 \\n、\\t、\\\\）。",
				            i + 1);
			}
			ys_trim(f[i]);
		}
		if (!t->head) {
			t->head = f;
			t->ncols = n;
			continue;
		}
		if (n > t->ncols) {
			free(f);
			return derr(d, file, line, "有 %d 列，表头只有 %d 列"
			            "（字段中的制表符请写作 \\t）。", n, t->ncols);
		}
		if (t->nrows == cap) {
			cap = cap ? cap * 2 : 32;
			t->rows = xrealloc(t->rows, (size_t)cap * sizeof *t->rows);
		}
		t->rows[t->nrows].line = line;
		t->rows[t->nrows].n = n;
		t->rows[t->nrows].f = f;
		t->nrows++;
	}
	if (!t->head)
		return derr(d, file, 0, "文件是空的，没有表头。");
	return 0;
}

/* the columns a reader needs, by name, into idx[] */
int tsv_cols(struct demo *d, const struct tsv *t, const char *const *names,
             int *idx, int n)
{
	for (int i = 0; i < n; i++) {
		idx[i] = -1;
		for (int c = 0; c < t->ncols; c++)
			if (strcmp(t->head[c], names[i]) == 0)
				idx[i] = c;
		if (idx[i] < 0)
			return derr(d, t->file, 0, "缺少列「%s」。", names[i]);
	}
	return 0;
}

/* a field; a row may leave trailing empty fields out */
const char *fld(const struct tsv *t, int r, int col)
{
	const struct tsv_row *row = &t->rows[r];
	return col >= 0 && col < row->n ? row->f[col] : "";
}

/* ---- lists: "甲、乙（理由）、丙" ---------------------------------------- */

void strlist_free(struct strlist *l)
{
	free(l->buf);
	free(l->v);
	memset(l, 0, sizeof *l);
}

#define SEP "\xe3\x80\x81"       /* 、 */
#define LPAREN "\xef\xbc\x88"    /* （ */
#define RPAREN "\xef\xbc\x89"    /* ） */

/* split at 、 outside parentheses (a reason may contain 、) */
void strlist_split(struct strlist *l, const char *s)
{
	int depth = 0, cap = 1;
	char *start;

	memset(l, 0, sizeof *l);
	l->buf = xstrdup(s);
	for (const char *p = s; *p; p++)
		cap += strncmp(p, SEP, 3) == 0;
	l->v = xcalloc((size_t)cap, sizeof *l->v);
	start = l->buf;
	for (char *p = l->buf;; ) {
		int end = *p == '\0';
		if (!end && (strncmp(p, LPAREN, 3) == 0 || *p == '(')) {
			depth++;
			p += *p == '(' ? 1 : 3;
			continue;
		}
		if (!end && (strncmp(p, RPAREN, 3) == 0 || *p == ')')) {
			depth -= depth > 0;
			p += *p == ')' ? 1 : 3;
			continue;
		}
		if (end || (depth == 0 && strncmp(p, SEP, 3) == 0)) {
			*p = '\0';
			ys_trim(start);
			if (*start && l->n < cap)
				l->v[l->n++] = start;
			if (end)
				break;
			p += 3;
			start = p;
			continue;
		}
		p++;
	}
}

/* "姓名（理由）" -> name and inner text (both cut in place); no parentheses:
 * inner = "" */
void split_paren(char *item, char **name, char **inner)
{
	char *l = strstr(item, LPAREN);
	size_t n;

	*name = item;
	*inner = item + strlen(item);
	if (!l)
		return;
	*l = '\0';
	*inner = l + 3;
	n = strlen(*inner);
	if (n >= 3 && strcmp(*inner + n - 3, RPAREN) == 0)
		(*inner)[n - 3] = '\0';
	ys_trim(*name);
	ys_trim(*inner);
}

int names_known(struct demo *d, const struct tsv *t, int r, int col)
{
	struct strlist names;
	int rc = 0;

	strlist_split(&names, fld(t, r, col));
	for (int i = 0; i < names.n && rc == 0; i++)
		if (person_by_name(d, names.v[i]) < 0)
			rc = derr(d, t->file, t->rows[r].line, "「%s」不在花名册中。", names.v[i]);
	strlist_free(&names);
	return rc;
}

time_t stamp_of(const char *date, const char *hm)
{
	char s[40];
	struct tm tm;
	int hh, mm;

	if (ys_parse_date(date, &tm) != 0 || ys_parse_time(hm, &hh, &mm) != 0)
		return (time_t)-1;
	snprintf(s, sizeof s, "%s %02d:%02d", date, hh, mm);
	return ys_parse_stamp(s);
}

time_t opt_stamp(const char *s)
{
	return s[0] ? ys_parse_stamp(s) : 0;
}
