/* table.c: a table of text from a CSV file or an .xlsx workbook.
 *
 * CSV: the encoding is found from the bytes (a UTF-8 or UTF-16 BOM; else
 * valid UTF-8; else GB18030, which older Excel and WPS write for Chinese)
 * and converted with iconv; the separator is the one of comma, tab and
 * semicolon the first line has most of; quotes as RFC 4180 has them
 * (doubled inside, line breaks allowed).
 *
 * .xlsx: opened with libzip, its XML read with libxml2 (no network, no
 * entities expanded): the first sheet the workbook lists, its shared
 * strings, inline strings and numbers (an integral number without its
 * ".0", so that a phone number stays a phone number). */
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"
#include "in/table.h"

#define XLSX_MAX_PART (64u << 20)   /* bytes of one unpacked part */

/* ---- building the table ------------------------------------------------- */

struct builder {
	char **cell;            /* rows * TABLE_MAX_COLS while building */
	int *line;
	int rows, cap, cols;
};

static void b_free(struct builder *b)
{
	for (int r = 0; r < b->rows; r++)
		for (int c = 0; c < TABLE_MAX_COLS; c++)
			free(b->cell[(size_t)r * TABLE_MAX_COLS + c]);
	free(b->cell);
	free(b->line);
	memset(b, 0, sizeof *b);
}

static int b_row(struct builder *b, int line, char *err, size_t errlen)
{
	if (b->rows >= TABLE_MAX_ROWS)
		return ys_err(err, errlen, "文件超过 %d 行：请分成几个文件导入。", TABLE_MAX_ROWS);
	if (b->rows == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->cell = xrealloc(b->cell, (size_t)b->cap * TABLE_MAX_COLS * sizeof *b->cell);
		b->line = xrealloc(b->line, (size_t)b->cap * sizeof *b->line);
	}
	memset(b->cell + (size_t)b->rows * TABLE_MAX_COLS, 0, TABLE_MAX_COLS * sizeof *b->cell);
	b->line[b->rows++] = line;
	return 0;
}

/* text (n bytes, valid UTF-8) into column col of the last row */
static int b_cell(struct builder *b, int col, const char *text, size_t n, char *err, size_t errlen)
{
	char **slot;
	char *s;

	if (col >= TABLE_MAX_COLS) {
		if (n == 0)
			return 0;
		return ys_err(err, errlen, "第 %d 行有超过 %d 列的内容：花名册用不了这么多列，请删去多余的列。",
		              b->line[b->rows - 1], TABLE_MAX_COLS);
	}
	s = xasprintf("%.*s", (int)n, text);
	if (text_chars(s) > TABLE_MAX_CELL) {
		free(s);
		return ys_err(err, errlen, "第 %d 行第 %d 列超过 %d 个字：这不像花名册的内容。",
		              b->line[b->rows - 1], col + 1, TABLE_MAX_CELL);
	}
	slot = &b->cell[(size_t)(b->rows - 1) * TABLE_MAX_COLS + col];
	free(*slot);
	*slot = s;
	if (n > 0 && col + 1 > b->cols)
		b->cols = col + 1;
	return 0;
}

/* the finished table: only the columns that hold something */
static void b_done(struct builder *b, struct table *t)
{
	t->rows = b->rows;
	t->cols = b->cols;
	t->line = b->line;
	t->cell = xcalloc((size_t)(t->rows ? t->rows : 1) * (size_t)(t->cols ? t->cols : 1), sizeof *t->cell);
	for (int r = 0; r < b->rows; r++)
		for (int c = 0; c < TABLE_MAX_COLS; c++) {
			char *s = b->cell[(size_t)r * TABLE_MAX_COLS + c];
			if (c < t->cols)
				t->cell[(size_t)r * t->cols + c] = s ? s : xstrdup("");
			else
				free(s);
		}
	free(b->cell);
	memset(b, 0, sizeof *b);
}

void table_free(struct table *t)
{
	for (int i = 0; i < t->rows * t->cols; i++)
		free(t->cell[i]);
	free(t->cell);
	free(t->line);
	memset(t, 0, sizeof *t);
}

const char *table_cell(const struct table *t, int row, int col)
{
	if (row < 0 || row >= t->rows || col < 0 || col >= t->cols)
		return "";
	return t->cell[(size_t)row * t->cols + col];
}

int table_row_empty(const struct table *t, int row)
{
	for (int c = 0; c < t->cols; c++) {
		const char *s = table_cell(t, row, c);
		if (s[strspn(s, " \t\r\n")])
			return 0;
	}
	return 1;
}

/* ---- text encodings ----------------------------------------------------- */

static int line_at(const unsigned char *d, size_t off)
{
	int line = 1;

	for (size_t i = 0; i < off; i++)
		if (d[i] == '\n')
			line++;
	return line;
}

/* d converted from `from` to UTF-8 into *out; -1 with the place it failed */
static int convert(const char *from, const unsigned char *d, size_t n, char **out,
                   size_t *outlen, char *err, size_t errlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = n * 2 + 16, left_in = n, left_out = cap;
	char *buf, *in = (char *)d, *o;

	if (cd == (iconv_t)-1)
		return ys_err(err, errlen, "这台机器不能转换 %s 编码（iconv）。", from);
	buf = o = xmalloc(cap + 1);
	while (left_in > 0) {
		if (iconv(cd, &in, &left_in, &o, &left_out) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(o - buf);
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
			o = buf + used;
			left_out = cap - used;
			continue;
		}
		{
			size_t off = (size_t)(in - (char *)d);
			free(buf);
			iconv_close(cd);
			return ys_err(err, errlen, "第 %d 行有既不是 UTF-8 也不是 %s 的字节：文件可能已损坏，"
			              "或是用别的编码保存的。请在 Excel/WPS 中另存为“CSV UTF-8”后再导入。",
			              line_at(d, off), from);
		}
	}
	iconv_close(cd);
	*outlen = (size_t)(o - buf);
	buf[*outlen] = '\0';
	*out = buf;
	return 0;
}

/* the bytes as UTF-8 text, the encoding named in fmt */
static int decode(const unsigned char *d, size_t n, char **out, size_t *outlen,
                  const char **enc, char *err, size_t errlen)
{
	int bom = 0;

	if (n >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF) {
		d += 3;
		n -= 3;
		bom = 1;
		*enc = "UTF-8";
	} else if (n >= 2 && d[0] == 0xFF && d[1] == 0xFE) {
		*enc = "UTF-16";
		return convert("UTF-16LE", d + 2, n - 2, out, outlen, err, errlen);
	} else if (n >= 2 && d[0] == 0xFE && d[1] == 0xFF) {
		*enc = "UTF-16";
		return convert("UTF-16BE", d + 2, n - 2, out, outlen, err, errlen);
	} else {
		*enc = "UTF-8";
	}
	if (memchr(d, '\0', n))
		return ys_err(err, errlen, "这不是文本文件（其中有空字节）：请选择 CSV 或 .xlsx 文件。");
	{
		char *s = xasprintf("%.*s", (int)n, (const char *)d);
		int ok = text_valid_utf8(s);
		if (ok) {
			*out = s;
			*outlen = n;
			return 0;
		}
		free(s);
	}
	if (bom) {
		/* a BOM promised UTF-8 */
		size_t i = 0;
		while (i < n) {
			wchar_t c;
			size_t k = text_decode((const char *)d + i, n - i, &c);
			if (c == 0xFFFD && !(k == 3 && memcmp(d + i, "\xEF\xBF\xBD", 3) == 0))
				break;
			i += k;
		}
		return ys_err(err, errlen, "文件开头标明是 UTF-8，但第 %d 行有不是 UTF-8 的字节：文件可能已损坏。",
		              line_at(d, i));
	}
	*enc = "GB18030";
	return convert("GB18030", d, n, out, outlen, err, errlen);
}

/* ---- CSV ---------------------------------------------------------------- */

/* the separator one of the first ten lines (outside quotes) has most of:
 * a title line above the header has none */
static char separator(const char *s)
{
	int comma = 0, tab = 0, semi = 0, q = 0;

	for (int line = 0; *s && line < 10; s++) {
		int c = 0, t = 0, m = 0;
		for (; *s && (q || (*s != '\n' && *s != '\r')); s++) {
			if (*s == '"')
				q = !q;
			else if (!q && *s == ',')
				c++;
			else if (!q && *s == '\t')
				t++;
			else if (!q && *s == ';')
				m++;
		}
		comma = c > comma ? c : comma;
		tab = t > tab ? t : tab;
		semi = m > semi ? m : semi;
		line++;
		if (!*s)
			break;
	}
	if (tab > comma && tab >= semi)
		return '\t';
	if (semi > comma && semi > tab)
		return ';';
	return ',';
}

static int parse_csv(const char *s, size_t n, struct builder *b, char *err, size_t errlen)
{
	char sep = separator(s);
	struct strbuf f = {0};
	size_t i = 0;
	int line = 1, col = 0, quoted = 0, qline = 0, rc = 0;

	if (n == 0)
		return 0;
	if (b_row(b, 1, err, errlen))
		return -1;
	sb_add(&f, "");
	while (i < n && rc == 0) {
		char c = s[i];

		if (quoted) {
			if (c == '"' && i + 1 < n && s[i + 1] == '"') {
				sb_addn(&f, "\"", 1);
				i += 2;
				continue;
			}
			if (c == '"') {
				quoted = 0;
				i++;
				continue;
			}
			if (c == '\n')
				line++;
			if (c != '\r' || (i + 1 < n && s[i + 1] != '\n'))
				sb_addn(&f, &c, 1);
			i++;
			continue;
		}
		if (c == '"' && f.len == 0) {
			quoted = 1;
			qline = line;
			i++;
			continue;
		}
		if (c == sep) {
			rc = b_cell(b, col++, f.s, f.len, err, errlen);
			f.len = 0;
			f.s[0] = '\0';
			i++;
			continue;
		}
		if (c == '\r' || c == '\n') {
			rc = b_cell(b, col, f.s, f.len, err, errlen);
			f.len = 0;
			f.s[0] = '\0';
			i += (c == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
			line++;
			col = 0;
			if (rc == 0 && i < n)
				rc = b_row(b, line, err, errlen);
			continue;
		}
		sb_addn(&f, &c, 1);
		i++;
	}
	if (rc == 0 && quoted)
		rc = ys_err(err, errlen, "第 %d 行开始的引号到文件末尾也没有配对：请检查这一行。", qline);
	if (rc == 0 && (f.len > 0 || col > 0))    /* a last line without its line end */
		rc = b_cell(b, col, f.s, f.len, err, errlen);
	sb_free(&f);
	return rc;
}

/* ---- .xlsx -------------------------------------------------------------- */

/* a part of the archive, NUL-terminated; NULL (and a message) when absent
 * and required, or too big */
static char *zip_part(zip_t *z, const char *name, int required, size_t *len,
                      char *err, size_t errlen)
{
	zip_stat_t zs;
	zip_file_t *f;
	char *buf;
	zip_int64_t got;

	*len = 0;
	if (zip_stat(z, name, 0, &zs) != 0 || !(zs.valid & ZIP_STAT_SIZE)) {
		if (required)
			ys_err(err, errlen, "这个 .xlsx 文件缺少 %s：它可能已损坏，或不是 Excel 文件。", name);
		return NULL;
	}
	if (zs.size > XLSX_MAX_PART) {
		ys_err(err, errlen, "这个 .xlsx 文件的 %s 解压后超过 %u MB：不像花名册。", name, XLSX_MAX_PART >> 20);
		return NULL;
	}
	f = zip_fopen(z, name, 0);
	if (!f) {
		ys_err(err, errlen, "读不出 .xlsx 文件中的 %s：%s", name, zip_strerror(z));
		return NULL;
	}
	buf = xmalloc((size_t)zs.size + 1);
	got = zip_fread(f, buf, zs.size);
	zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != zs.size) {
		free(buf);
		ys_err(err, errlen, "读不出 .xlsx 文件中的 %s：文件可能已损坏。", name);
		return NULL;
	}
	buf[got] = '\0';
	*len = (size_t)got;
	return buf;
}

static xmlDocPtr xml_of(const char *buf, size_t len, const char *name, char *err, size_t errlen)
{
	xmlDocPtr doc;

	if (len > INT_MAX) {
		ys_err(err, errlen, "%s 太大。", name);
		return NULL;
	}
	doc = xmlReadMemory(buf, (int)len, name, NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc || !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		ys_err(err, errlen, ".xlsx 文件中的 %s 不是完好的 XML：文件可能已损坏。", name);
		return NULL;
	}
	return doc;
}

static int is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* the first element called name at or below n (depth first) */
static xmlNode *find(xmlNode *n, const char *name)
{
	for (; n; n = n->next) {
		xmlNode *hit;
		if (is(n, name))
			return n;
		if ((hit = find(n->children, name)) != NULL)
			return hit;
	}
	return NULL;
}

/* an attribute by local name, whatever its namespace; caller frees */
static char *attr(const xmlNode *n, const char *name)
{
	for (xmlAttr *a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0) {
			xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
			char *s = xstrdup((const char *)v);
			xmlFree(v);
			return s;
		}
	return NULL;
}

/* the text of the <t> elements below n, leaving out phonetic runs */
static void text_of(const xmlNode *n, struct strbuf *sb)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is(c, "rPh"))
			continue;
		if (is(c, "t")) {
			xmlChar *v = xmlNodeGetContent(c);
			sb_add(sb, (const char *)v);
			xmlFree(v);
		} else if (c->type == XML_ELEMENT_NODE) {
			text_of(c, sb);
		}
	}
}

struct strings {
	char **s;
	int n;
};

static void strings_free(struct strings *ss)
{
	for (int i = 0; i < ss->n; i++)
		free(ss->s[i]);
	free(ss->s);
}

static int read_strings(zip_t *z, struct strings *ss, char *err, size_t errlen)
{
	size_t len;
	char *buf = zip_part(z, "xl/sharedStrings.xml", 0, &len, err, errlen);
	xmlDocPtr doc;
	int cap = 0;

	memset(ss, 0, sizeof *ss);
	if (!buf)
		return err && *err ? -1 : 0;
	doc = xml_of(buf, len, "xl/sharedStrings.xml", err, errlen);
	free(buf);
	if (!doc)
		return -1;
	for (xmlNode *si = xmlDocGetRootElement(doc)->children; si; si = si->next) {
		struct strbuf sb = {0};
		if (!is(si, "si"))
			continue;
		sb_add(&sb, "");
		text_of(si, &sb);
		if (ss->n == cap) {
			cap = cap ? cap * 2 : 256;
			ss->s = xrealloc(ss->s, (size_t)cap * sizeof *ss->s);
		}
		ss->s[ss->n++] = sb_steal(&sb);
	}
	xmlFreeDoc(doc);
	return 0;
}

/* the first sheet's part name, and whether dates count from 1904 */
static char *first_sheet(zip_t *z, int *date1904, char *err, size_t errlen)
{
	size_t len;
	char *buf = zip_part(z, "xl/workbook.xml", 1, &len, err, errlen), *rid = NULL, *target = NULL;
	xmlDocPtr doc;
	xmlNode *n;

	if (!buf)
		return NULL;
	doc = xml_of(buf, len, "xl/workbook.xml", err, errlen);
	free(buf);
	if (!doc)
		return NULL;
	if ((n = find(xmlDocGetRootElement(doc), "workbookPr")) != NULL) {
		char *v = attr(n, "date1904");
		*date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
		free(v);
	}
	if ((n = find(xmlDocGetRootElement(doc), "sheet")) != NULL)
		rid = attr(n, "id");
	xmlFreeDoc(doc);
	if (!rid) {
		ys_err(err, errlen, "这个 .xlsx 文件里没有工作表。");
		return NULL;
	}
	buf = zip_part(z, "xl/_rels/workbook.xml.rels", 1, &len, err, errlen);
	if (buf && (doc = xml_of(buf, len, "xl/_rels/workbook.xml.rels", err, errlen)) != NULL) {
		for (n = xmlDocGetRootElement(doc)->children; n && !target; n = n->next) {
			char *id = is(n, "Relationship") ? attr(n, "Id") : NULL;
			if (id && strcmp(id, rid) == 0) {
				char *t = attr(n, "Target");
				if (t && t[0] == '/')
					target = xstrdup(t + 1);
				else if (t)
					target = xasprintf("xl/%s", t);
				free(t);
			}
			free(id);
		}
		xmlFreeDoc(doc);
		if (!target)
			ys_err(err, errlen, "这个 .xlsx 文件找不到第一个工作表：文件可能已损坏。");
	}
	free(buf);
	free(rid);
	return target;
}

/* "B12" -> column 1; -1 when not a reference */
static int ref_col(const char *r)
{
	int c = 0, k = 0;

	for (; *r >= 'A' && *r <= 'Z'; r++, k++) {
		c = c * 26 + (*r - 'A' + 1);
		if (c > 16384)
			return -1;
	}
	return k ? c - 1 : -1;
}

/* a number as a person would write it: an integral one without ".0" or an
 * exponent (13800138000, 301), others as stored */
static char *number_text(const char *v)
{
	char *end;
	double d = strtod(v, &end);

	if (*v && !*end && isfinite(d) && fabs(d) < 1e15 && d == floor(d))
		return xasprintf("%.0f", d);
	return xstrdup(v);
}

static int read_sheet(zip_t *z, const char *part, const struct strings *ss, struct builder *b,
                      char *err, size_t errlen)
{
	size_t len;
	char *buf = zip_part(z, part, 1, &len, err, errlen);
	xmlDocPtr doc;
	xmlNode *data;
	int rc = 0, last = 0;

	if (!buf)
		return -1;
	doc = xml_of(buf, len, part, err, errlen);
	free(buf);
	if (!doc)
		return -1;
	data = find(xmlDocGetRootElement(doc), "sheetData");
	for (xmlNode *row = data ? data->children : NULL; row && rc == 0; row = row->next) {
		char *r;
		int num, col = 0;

		if (!is(row, "row"))
			continue;
		r = attr(row, "r");
		num = r ? atoi(r) : last + 1;
		free(r);
		if (num <= last)
			num = last + 1;
		last = num;
		if ((rc = b_row(b, num, err, errlen)) != 0)
			break;
		for (xmlNode *c = row->children; c && rc == 0; c = c->next) {
			char *ref, *type, *val = NULL;
			xmlNode *v;
			int at;

			if (!is(c, "c"))
				continue;
			ref = attr(c, "r");
			type = attr(c, "t");
			at = ref ? ref_col(ref) : col;
			free(ref);
			if (at < 0)
				at = col;
			col = at + 1;
			if (type && strcmp(type, "inlineStr") == 0) {
				struct strbuf sb = {0};
				sb_add(&sb, "");
				if ((v = find(c->children, "is")) != NULL)
					text_of(v, &sb);
				val = sb_steal(&sb);
			} else if ((v = find(c->children, "v")) != NULL) {
				xmlChar *x = xmlNodeGetContent(v);
				const char *t = (const char *)x;
				if (type && strcmp(type, "s") == 0) {
					char *end;
					long k = strtol(t, &end, 10);
					if (*t && !*end && k >= 0 && k < ss->n)
						val = xstrdup(ss->s[k]);
					else
						rc = ys_err(err, errlen, "工作表第 %d 行引用了不存在的文字（%s）：文件可能已损坏。",
						            num, t);
				} else if (!type || strcmp(type, "n") == 0) {
					val = number_text(t);
				} else {
					val = xstrdup(t);
				}
				xmlFree(x);
			}
			free(type);
			if (val && rc == 0) {
				/* XML carries only valid characters, but be sure */
				char *ok = text_valid_dup(val);
				rc = b_cell(b, at, ok, strlen(ok), err, errlen);
				free(ok);
			}
			free(val);
		}
	}
	xmlFreeDoc(doc);
	return rc;
}

static int parse_xlsx(const unsigned char *d, size_t n, struct builder *b, int *date1904,
                      char *err, size_t errlen)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	struct strings ss;
	char *sheet;
	int rc;

	zip_error_init(&ze);
	src = zip_source_buffer_create(d, n, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return ys_err(err, errlen, "无法读取 .xlsx 文件。");
	}
	z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!z) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return ys_err(err, errlen, "这不是完好的 .xlsx 文件（压缩包打不开）：它可能已损坏，"
		              "或是旧的 .xls 格式。请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入。");
	}
	zip_error_fini(&ze);
	if (err && errlen)
		err[0] = '\0';
	rc = read_strings(z, &ss, err, errlen);
	if (rc == 0) {
		sheet = first_sheet(z, date1904, err, errlen);
		rc = sheet ? read_sheet(z, sheet, &ss, b, err, errlen) : -1;
		free(sheet);
	}
	strings_free(&ss);
	zip_discard(z);
	return rc;
}

/* ---- reading ------------------------------------------------------------ */

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && strcasecmp(s + n - k, tail) == 0;
}

int table_parse(const char *name, const unsigned char *data, size_t n, struct table *t,
                char *err, size_t errlen)
{
	struct builder b = {0};
	int rc;

	memset(t, 0, sizeof *t);
	if (n >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
		rc = parse_xlsx(data, n, &b, &t->date1904, err, errlen);
		snprintf(t->format, sizeof t->format, "Excel（.xlsx）");
	} else if (n >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
		rc = ys_err(err, errlen, "这是旧的 Excel .xls 格式，读不了：请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入。");
	} else if (ends_with(name ? name : "", ".xlsx")) {
		rc = ys_err(err, errlen, "文件名是 .xlsx，内容却不是 Excel 工作簿：它可能已损坏。");
	} else {
		char *text = NULL;
		size_t len = 0;
		const char *enc = "UTF-8";
		rc = decode(data, n, &text, &len, &enc, err, errlen);
		if (rc == 0)
			rc = parse_csv(text, len, &b, err, errlen);
		snprintf(t->format, sizeof t->format, "CSV（%s）", enc);
		free(text);
	}
	if (rc != 0) {
		b_free(&b);
		memset(t, 0, sizeof *t);
		return -1;
	}
	b_done(&b, t);
	return 0;
}

int table_read(const char *path, struct table *t, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t n = 0, cap = 0, k;
	int rc;

	memset(t, 0, sizeof *t);
	if (!f)
		return ys_err(err, errlen, "打不开文件 %s：%s", path, strerror(errno));
	do {
		if (n + 65536 > cap) {
			if (cap > (256u << 20)) {
				fclose(f);
				free(buf);
				return ys_err(err, errlen, "文件 %s 超过 256 MB：不像花名册。", path);
			}
			cap = (n + 65536) * 2;
			buf = xrealloc(buf, cap);
		}
		k = fread(buf + n, 1, 65536, f);
		n += k;
	} while (k > 0);
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return ys_err(err, errlen, "读取文件 %s 时出错。", path);
	}
	fclose(f);
	rc = table_parse(path, buf ? buf : (unsigned char *)"", n, t, err, errlen);
	free(buf);
	return rc;
}

/* ---- Excel dates -------------------------------------------------------- */

int table_excel_date(const char *s, int date1904, char out[11])
{
	char *end;
	double d = strtod(s, &end);
	long serial;
	struct tm tm;
	char base[11];

	if (!*s || *end || !isfinite(d) || d < 1 || d >= 2958466)
		return -1;
	serial = (long)floor(d);
	if (date1904) {
		snprintf(base, sizeof base, "1904-01-01");
	} else {
		/* 1 is 1900-01-01; Excel counts a 1900-02-29 that never was */
		if (serial == 60)
			return -1;
		if (serial > 60)
			serial--;
		snprintf(base, sizeof base, "1899-12-31");
	}
	if (ys_date_add(base, (int)serial, out) != 0 || ys_parse_date(out, &tm) != 0)
		return -1;
	return 0;
}
