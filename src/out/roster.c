/* roster.c: the roster (花名册) as a file for the office: .xlsx written
 * with libxlsxwriter, or CSV (UTF-8 with a BOM, or GB18030; CR LF).  The
 * headings are the ones `import roster` reads, so a roster exported,
 * edited in Excel or WPS and imported again lands where it came from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "base/util.h"
#include "model/core.h"
#include "out/output.h"
#include "out_int.h"

static const struct {
	const char *head;
	double width;            /* in Excel's character widths */
} cols[] = {
	{ "编号", 6 }, { "姓名", 10 }, { "性别", 5 }, { "出生日期", 11 }, { "身份证号后四位", 8 },
	{ "电话", 14 }, { "户号", 10 }, { "楼栋", 8 }, { "单元", 7 }, { "房号", 7 }, { "网格", 12 },
	{ "居民小组", 12 }, { "身份", 20 }, { "职务", 14 }, { "备注", 24 }, { "状态", 6 },
};
#define NCOLS ((int)YS_ARRAY_LEN(cols))

/* one person's cells in the order of cols[] (pointing into p, no, roles) */
static void cells_of(const struct person *p, const char *c[NCOLS], char no[16], char roles[160])
{
	snprintf(no, 16, "%d", p->no);
	roles_format(p->roles, roles, 160);
	const char *v[] = {
		no, p->name, p->gender, p->birth, p->id_tail, p->phone, p->household, p->building,
		p->unit, p->room, p->grid, p->res_group, roles, p->post, p->note,
		p->active ? "在册" : "停用",
	};
	memcpy(c, v, sizeof v);
}

/* every person, by number, to fn; -1 when the roster cannot be read */
static int each_person(struct store *st, int (*fn)(const struct person *p, void *arg), void *arg,
                       char *err, size_t errlen)
{
	struct person page[64];
	int after = 0, n;

	do {
		n = store_person_page(st, NULL, after, 1, page, (int)YS_ARRAY_LEN(page));
		if (n < 0)
			return ys_err(err, errlen, "读取花名册失败：%s", store_errmsg(st));
		for (int i = 0; i < n; i++)
			if (fn(&page[i], arg) != 0)
				return -1;
		if (n > 0)
			after = page[n - 1].no;
	} while (n == (int)YS_ARRAY_LEN(page));
	return 0;
}

/* ---- CSV ---------------------------------------------------------------- */

static int csv_person(const struct person *p, void *arg)
{
	struct strbuf *sb = arg;
	const char *c[NCOLS];
	char no[16], roles[160];

	cells_of(p, c, no, roles);
	for (int i = 0; i < NCOLS; i++) {
		if (i)
			sb_add(sb, ",");
		out_csv_field(sb, c[i], 1);
	}
	sb_add(sb, "\r\n");
	return 0;
}

int out_roster_csv(struct store *st, int gb18030, struct strbuf *out, char *err, size_t errlen)
{
	struct strbuf sb = {0};
	int rc;

	sb_add(&sb, gb18030 ? "" : "\xEF\xBB\xBF");    /* Excel reads UTF-8 by its BOM */
	for (int i = 0; i < NCOLS; i++)
		sb_addf(&sb, "%s%s", i ? "," : "", cols[i].head);
	sb_add(&sb, "\r\n");
	rc = each_person(st, csv_person, &sb, err, errlen);
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
	lxw_row_t row;
	lxw_error rc;
};

static int xlsx_person(const struct person *p, void *arg)
{
	struct sheet *s = arg;
	const char *c[NCOLS];
	char no[16], roles[160];

	cells_of(p, c, no, roles);
	s->row++;
	s->rc = worksheet_write_number(s->ws, s->row, 0, p->no, NULL);
	for (int i = 1; i < NCOLS && s->rc == LXW_NO_ERROR; i++)
		if (c[i][0])
			s->rc = worksheet_write_string(s->ws, s->row, (lxw_col_t)i, c[i], NULL);
	return s->rc == LXW_NO_ERROR ? 0 : -1;
}

int out_roster_xlsx(struct store *st, const char *path, char *err, size_t errlen)
{
	lxw_workbook *wb = workbook_new(path);
	struct sheet s = { 0 };
	lxw_format *bold;
	lxw_error closed;
	int rc = 0;

	if (!wb)
		return ys_err(err, errlen, "无法创建 Excel 文件 %s", path);
	s.ws = workbook_add_worksheet(wb, "花名册");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	for (int i = 0; i < NCOLS && s.ws; i++) {
		worksheet_set_column(s.ws, (lxw_col_t)i, (lxw_col_t)i, cols[i].width, NULL);
		s.rc = worksheet_write_string(s.ws, 0, (lxw_col_t)i, cols[i].head, bold);
	}
	if (s.ws)
		worksheet_freeze_panes(s.ws, 1, 0);
	rc = s.ws ? each_person(st, xlsx_person, &s, err, errlen) : -1;
	if (s.rc != LXW_NO_ERROR && (!err || !*err || rc == 0))
		rc = ys_err(err, errlen, "写入 Excel 文件失败：%s", lxw_strerror(s.rc));
	closed = workbook_close(wb);
	if (rc == 0 && closed != LXW_NO_ERROR)
		rc = ys_err(err, errlen, "写入 Excel 文件 %s 失败：%s", path, lxw_strerror(closed));
	return rc;
}
