/* diary.c: 民情日记 leaves the program — as a sheet for the office (.xlsx
 * with libxlsxwriter, or CSV: UTF-8 with a BOM, or GB18030; CR LF), and as
 * the lines of `yishiting list diary`.  Every entry newest first, with
 * where it stands today (待答复, 已答复, 逾期) and the day its reply is
 * due. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "base/clock.h"
#include "base/util.h"
#include "model/diary.h"
#include "out/output.h"
#include "out_int.h"

static const struct {
	const char *head;
	double width;            /* in Excel's character widths */
} cols[] = {
	{ "编号", 12 }, { "反映日期", 11 }, { "记录人", 10 }, { "反映人", 10 }, { "电话", 14 },
	{ "网格", 10 }, { "地点", 14 }, { "类别", 10 }, { "紧急程度", 8 }, { "反映的事项", 40 },
	{ "办理情况", 30 }, { "答复内容", 30 }, { "答复日期", 11 }, { "应答复日期", 11 },
	{ "状态", 8 }, { "转为议题", 10 },
};
#define NCOLS ((int)YS_ARRAY_LEN(cols))

/* one entry's cells in the order of cols[] (pointing into d and due) */
static void cells_of(const struct diary *d, const char *today, const char *c[NCOLS],
                     char due[11])
{
	if (diary_due_date(d->raised_on, d->urgency, due) != 0)
		due[0] = '\0';
	const char *v[] = {
		d->number, d->raised_on, d->worker_name, d->resident_name, d->phone, d->grid,
		d->place, d->category, urgency_name(d->urgency), d->content, d->done, d->reply,
		d->replied_on, due,
		diary_state_name(diary_state(d->raised_on, d->urgency, d->replied_on, today)),
		d->proposal_number,
	};
	memcpy(c, v, sizeof v);
}

/* every entry q finds (NULL: all), newest first, to fn; -1 when the diary
 * cannot be read */
static int each_entry(struct store *st, const struct diary_query *q,
                      int (*fn)(const struct diary *d, const char *today, void *arg), void *arg,
                      char *err, size_t errlen)
{
	struct diary page[LIST_PAGE];
	struct diary_query all = { DF_ALL, NULL, NULL, NULL };
	char day[11] = "", num[24] = "", today[11];
	int n, rc = 0;

	ys_today(today);
	all = q ? *q : all;
	all.today = today;
	do {
		n = store_diary_page(st, &all, day, num, page, LIST_PAGE);
		if (n < 0)
			return ys_err(err, errlen, "读取民情日记失败：%s", store_errmsg(st));
		for (int i = 0; i < n && rc == 0; i++)
			rc = fn(&page[i], today, arg);
		if (n > 0) {
			ys_strlcpy(day, page[n - 1].raised_on, sizeof day);
			ys_strlcpy(num, page[n - 1].number, sizeof num);
		}
		for (int i = 0; i < n; i++)
			diary_clear(&page[i]);
	} while (rc == 0 && n == LIST_PAGE);
	return rc;
}

/* ---- CSV ---------------------------------------------------------------- */

static int csv_entry(const struct diary *d, const char *today, void *arg)
{
	struct strbuf *sb = arg;
	const char *c[NCOLS];
	char due[11];

	cells_of(d, today, c, due);
	for (int i = 0; i < NCOLS; i++) {
		if (i)
			sb_add(sb, ",");
		out_csv_field(sb, c[i], 1);
	}
	sb_add(sb, "\r\n");
	return 0;
}

int out_diary_csv(struct store *st, int gb18030, struct strbuf *out, char *err, size_t errlen)
{
	struct strbuf sb = {0};
	int rc;

	sb_add(&sb, gb18030 ? "" : "\xEF\xBB\xBF");    /* Excel reads UTF-8 by its BOM */
	for (int i = 0; i < NCOLS; i++)
		sb_addf(&sb, "%s%s", i ? "," : "", cols[i].head);
	sb_add(&sb, "\r\n");
	rc = each_entry(st, NULL, csv_entry, &sb, err, errlen);
	if (rc == 0 && gb18030) {
		iconv_t cd = out_gb_open(err, errlen);
		rc = cd == (iconv_t)-1 ? -1 : out_gb_convert(cd, sb.s, sb.len, out, err, errlen);
		if (cd != (iconv_t)-1)
			iconv_close(cd);
	} else if (rc == 0) {
		sb_addn(out, sb.s, sb.len);
	}
	sb_free(&sb);
	return rc;
}

/* ---- .xlsx -------------------------------------------------------------- */

struct sheet {
	lxw_worksheet *ws;
	lxw_format *wrap;
	lxw_row_t row;
	lxw_error rc;
};

static int xlsx_entry(const struct diary *d, const char *today, void *arg)
{
	struct sheet *s = arg;
	const char *c[NCOLS];
	char due[11];

	cells_of(d, today, c, due);
	s->row++;
	for (int i = 0; i < NCOLS && s->rc == LXW_NO_ERROR; i++)
		if (c[i][0])
			s->rc = worksheet_write_string(s->ws, s->row, (lxw_col_t)i, c[i], s->wrap);
	return s->rc == LXW_NO_ERROR ? 0 : -1;
}

int out_diary_xlsx(struct store *st, const char *path, char *err, size_t errlen)
{
	lxw_workbook *wb = workbook_new(path);
	struct sheet s = { 0 };
	lxw_format *bold;
	lxw_error closed;
	int rc = 0;

	if (!wb)
		return ys_err(err, errlen, "无法创建 Excel 文件 %s", path);
	s.ws = workbook_add_worksheet(wb, "民情日记");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	s.wrap = workbook_add_format(wb);
	format_set_text_wrap(s.wrap);
	format_set_align(s.wrap, LXW_ALIGN_VERTICAL_TOP);
	for (int i = 0; i < NCOLS && s.ws; i++) {
		worksheet_set_column(s.ws, (lxw_col_t)i, (lxw_col_t)i, cols[i].width, NULL);
		s.rc = worksheet_write_string(s.ws, 0, (lxw_col_t)i, cols[i].head, bold);
	}
	if (s.ws)
		worksheet_freeze_panes(s.ws, 1, 0);
	rc = s.ws ? each_entry(st, NULL, xlsx_entry, &s, err, errlen) : -1;
	if (s.rc != LXW_NO_ERROR && (!err || !*err || rc == 0))
		rc = ys_err(err, errlen, "写入 Excel 文件失败：%s", lxw_strerror(s.rc));
	closed = workbook_close(wb);
	if (rc == 0 && closed != LXW_NO_ERROR)
		rc = ys_err(err, errlen, "写入 Excel 文件 %s 失败：%s", path, lxw_strerror(closed));
	return rc;
}

/* ---- yishiting list diary ----------------------------------------------- */

struct list_ctx {
	FILE *f;
	int n;
};

/* a field of a tab-separated line: tabs, line breaks and other control
 * characters become spaces */
static void tsv_field(FILE *f, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		fputc(c < 0x20 || c == 0x7F ? ' ' : c, f);
	}
}

static int list_entry(const struct diary *d, const char *today, void *arg)
{
	struct list_ctx *x = arg;
	const char *c[NCOLS];
	char due[11];
	/* number, date, resident, grid and place, category, urgency, state,
	 * what was raised, the proposal it became */
	static const int shown[] = { 0, 1, 3, 5, 6, 7, 8, 14, 9, 15 };

	cells_of(d, today, c, due);
	for (size_t i = 0; i < YS_ARRAY_LEN(shown); i++) {
		if (i)
			fputc('\t', x->f);
		tsv_field(x->f, c[shown[i]]);
	}
	fputc('\n', x->f);
	x->n++;
	return 0;
}

int out_list_diary(struct store *st, const struct diary_query *q, FILE *f, char *err, size_t errlen)
{
	struct list_ctx x = { f, 0 };

	if (each_entry(st, q, list_entry, &x, err, errlen) != 0)
		return -1;
	if (fflush(f) != 0)
		return ys_err(err, errlen, "写入失败：%s", ys_errno_zh(errno));
	return 0;
}
