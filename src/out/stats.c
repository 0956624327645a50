/* stats.c: the statistics of a period as a workbook (.xlsx, libxlsxwriter):
 * a sheet 「概况」 with the year in a paragraph, then a sheet per table —
 * the numbers as numbers (rates as percentages, days with one decimal) so
 * that the office can sum and chart them further — and Excel's own bar
 * chart beside each table that has one on paper. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "base/util.h"
#include "model/stats.h"
#include "out/output.h"
#include "out_int.h"

struct book {
	lxw_workbook *wb;
	lxw_format *bold, *pct, *days, *title, *wrap, *note;
	lxw_error rc;
};

static void keep(struct book *b, lxw_error rc)
{
	if (b->rc == LXW_NO_ERROR)
		b->rc = rc;
}

/* a sheet name Excel takes: at most 31 characters, none of []:*?/\ */
static void sheet_name(const char *title, int no, char *buf, size_t len)
{
	char clean[128];
	size_t j = 0;

	for (const char *s = title; *s && j + 1 < sizeof clean; s++)
		clean[j++] = strchr("[]:*?/\\", *s) ? '_' : *s;
	clean[j] = '\0';
	snprintf(buf, len, "%s %s", stat_number_cn(no), clean);
	/* 31 characters: cut at a character boundary */
	{
		size_t chars = 0, i = 0;

		while (buf[i] && chars < 31) {
			i++;
			while ((buf[i] & 0xC0) == 0x80)
				i++;
			chars++;
		}
		buf[i] = '\0';
	}
}

static void table_sheet(struct book *b, const struct stat_table *t, int no)
{
	char name[160], cell[64];
	lxw_worksheet *ws;
	int first = 2;           /* the head row */

	sheet_name(t->title, no, name, sizeof name);
	ws = workbook_add_worksheet(b->wb, name);
	if (!ws) {
		keep(b, LXW_ERROR_SHEETNAME_ALREADY_USED);
		return;
	}
	keep(b, worksheet_write_string(ws, 0, 0, t->title, b->title));
	worksheet_set_column(ws, 0, 0, 24, NULL);
	worksheet_set_column(ws, 1, (lxw_col_t)t->ncols, 12, NULL);
	keep(b, worksheet_write_string(ws, (lxw_row_t)first, 0, t->label_head, b->bold));
	for (int c = 0; c < t->ncols; c++)
		keep(b, worksheet_write_string(ws, (lxw_row_t)first, (lxw_col_t)(c + 1), t->head[c], b->bold));
	for (int r = 0; r < t->nrows; r++) {
		lxw_row_t row = (lxw_row_t)(first + 1 + r);

		keep(b, worksheet_write_string(ws, row, 0, t->row[r].label,
		                               t->total && r == t->nrows - 1 ? b->bold : NULL));
		for (int c = 0; c < t->ncols; c++) {
			double v = t->row[r].v[c];
			lxw_format *f = t->fmt[c] == SF_PCT ? b->pct : t->fmt[c] == SF_DAYS ? b->days : NULL;

			if (v == STAT_NA) {
				stat_cell(t, r, c, cell, sizeof cell);
				keep(b, worksheet_write_string(ws, row, (lxw_col_t)(c + 1), cell, NULL));
			} else {
				keep(b, worksheet_write_number(ws, row, (lxw_col_t)(c + 1), v, f));
			}
		}
	}
	if (t->note[0]) {
		char *n = xasprintf("注：%s", t->note);

		keep(b, worksheet_write_string(ws, (lxw_row_t)(first + 2 + t->nrows), 0, n, b->note));
		free(n);
	}
	worksheet_freeze_panes(ws, (lxw_row_t)(first + 1), 1);
	if (t->chart != SC_NONE && t->nrows - t->total > 0) {
		lxw_chart *ch = workbook_add_chart(b->wb, t->chart == SC_STACKED ?
		                                   LXW_CHART_BAR_STACKED : LXW_CHART_BAR);
		lxw_row_t r0 = (lxw_row_t)(first + 1), r1 = (lxw_row_t)(first + t->nrows - t->total);

		if (!ch) {
			keep(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		for (int c = 0; c < t->ncols; c++) {
			lxw_chart_series *s;

			if (!(t->chart_cols >> c & 1))
				continue;
			s = chart_add_series(ch, NULL, NULL);
			if (!s)
				continue;
			chart_series_set_categories(s, name, r0, 0, r1, 0);
			chart_series_set_values(s, name, r0, (lxw_col_t)(c + 1), r1, (lxw_col_t)(c + 1));
			chart_series_set_name_range(s, name, (lxw_row_t)first, (lxw_col_t)(c + 1));
		}
		chart_title_set_name(ch, t->title);
		/* the first row at the top, as in the table */
		chart_axis_set_reverse(ch->y_axis);
		keep(b, worksheet_insert_chart(ws, (lxw_row_t)first, (lxw_col_t)(t->ncols + 2), ch));
	}
}

int out_stats_xlsx(const char *community, const struct stats_report *rep, const char *path,
                   char *err, size_t errlen)
{
	struct book b = { 0 };
	lxw_worksheet *ws;
	lxw_error closed;
	char *title;

	b.wb = workbook_new(path);
	if (!b.wb)
		return ys_err(err, errlen, "无法创建 Excel 文件 %s", path);
	b.bold = workbook_add_format(b.wb);
	format_set_bold(b.bold);
	b.title = workbook_add_format(b.wb);
	format_set_bold(b.title);
	format_set_font_size(b.title, 14);
	b.pct = workbook_add_format(b.wb);
	format_set_num_format(b.pct, "0.0%");
	b.days = workbook_add_format(b.wb);
	format_set_num_format(b.days, "0.0");
	b.wrap = workbook_add_format(b.wb);
	format_set_text_wrap(b.wrap);
	format_set_align(b.wrap, LXW_ALIGN_VERTICAL_TOP);
	b.note = workbook_add_format(b.wb);
	format_set_italic(b.note);

	ws = workbook_add_worksheet(b.wb, "一 概况");
	if (!ws) {
		workbook_close(b.wb);
		return ys_err(err, errlen, "写入 Excel 文件失败：无法添加工作表");
	}
	title = xasprintf("%s%s议事协商工作统计", community, rep->period);
	worksheet_set_column(ws, 0, 0, 90, NULL);
	keep(&b, worksheet_write_string(ws, 0, 0, title, b.title));
	free(title);
	title = xasprintf("统计期间：%s 至 %s", rep->from, rep->to);
	keep(&b, worksheet_write_string(ws, 1, 0, title, NULL));
	free(title);
	worksheet_set_row(ws, 3, 120, NULL);
	keep(&b, worksheet_write_string(ws, 3, 0, rep->summary, b.wrap));
	for (int i = 0; i < rep->ntables; i++)
		table_sheet(&b, &rep->table[i], i + 2);     /* 二 … as on paper */
	closed = workbook_close(b.wb);
	if (b.rc != LXW_NO_ERROR)
		return ys_err(err, errlen, "写入 Excel 文件失败：%s", lxw_strerror(b.rc));
	if (closed != LXW_NO_ERROR)
		return ys_err(err, errlen, "写入 Excel 文件 %s 失败：%s", path, lxw_strerror(closed));
	return 0;
}
