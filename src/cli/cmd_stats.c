/* cmd_stats.c: `stats` — the statistics of a year or a period (年度台账) as
 * text on the terminal, or written as PDF, HTML, text or an Excel workbook. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "base/clock.h"
#include "base/util.h"
#include "model/stats.h"
#include "out/output.h"
#include "paper/doc.h"

/* --year or --period (a..b) into the period: 0, or the exit status 2 */
static int period_of(const struct cli_args *a, char from[11], char to[11])
{
	const char *y = a->opt[OPT_YEAR], *p = a->opt[OPT_PERIOD];
	char err[256], a1[64] = "", b1[64] = "";
	int year = 0;

	if (y && p)
		return cli_usage_error(a->cmd, "--year 和 --period 只能给一个。");
	if (y) {
		char *end;
		long v = strtol(y, &end, 10);

		if (*y == '\0' || *end != '\0' || v < 1900 || v > 9999)
			return cli_usage_error(a->cmd, "--year 应为四位数的年份，如 2026，不认识「%s」。", y);
		year = (int)v;
	} else if (p) {
		const char *dots = strstr(p, "..");

		if (!dots || (size_t)(dots - p) >= sizeof a1 || strlen(dots + 2) >= sizeof b1)
			return cli_usage_error(a->cmd,
			                       "--period 应写成 起始日期..截止日期，如 2026-03-01..2026-08-31，不认识「%s」。", p);
		snprintf(a1, sizeof a1, "%.*s", (int)(dots - p), p);
		snprintf(b1, sizeof b1, "%s", dots + 2);
	} else {
		year = ys_year_now();
	}
	if (stats_period(year, a1, b1, from, to, err, sizeof err) != 0)
		return cli_usage_error(a->cmd, "%s", err);
	return 0;
}

int cmd_stats(const struct cli_args *a)
{
	const char *fmt = a->opt[OPT_FORMAT], *out = a->opt[OPT_OUTPUT];
	int format = -1, rc, gb = a->opt[OPT_GB18030] != NULL;
	char from[11], to[11], today[11], err[1024], *path = NULL;
	struct stats_report rep;
	struct store *st;

	if ((rc = period_of(a, from, to)) != 0)
		return rc;
	if (fmt) {
		format = out_format_parse(fmt);
		if (format != OF_PDF && format != OF_HTML && format != OF_TXT && format != OF_XLSX)
			return cli_usage_error(a->cmd, "统计的 --format 只能是 pdf、xlsx、html 或 txt，不认识「%s」。", fmt);
	} else if (out && strcmp(out, "-") != 0) {
		format = out_format_of_name(out);
		if (format != OF_PDF && format != OF_HTML && format != OF_TXT && format != OF_XLSX)
			format = OF_PDF;
	}
	if (gb && (format == OF_PDF || format == OF_XLSX))
		return cli_usage_error(a->cmd, "PDF 和 Excel 文件不分编码；--gb18030 用于 txt 和 html。");
	if (out && strcmp(out, "-") == 0 && format != -1 && format != OF_TXT)
		return cli_usage_error(a->cmd, "写到标准输出（-o -）的只能是纯文本。");
	st = cli_open_existing(a->opt[OPT_DB]);
	if (!st)
		return 1;
	ys_today(today);
	if (store_stats(st, from, to, today, &rep) != 0) {
		fprintf(stderr, "统计失败：%s\n", store_errmsg(st));
		store_close(st);
		return 1;
	}
	if (format == -1 || (format == OF_TXT && (!out || strcmp(out, "-") == 0) && !gb)) {
		/* on the terminal */
		struct community comm;
		struct strbuf sb = {0};
		struct doc d;

		if (store_community_get(st, &comm) != 0)
			comm.name[0] = '\0';
		stats_doc(comm.name, &rep, &d);
		render_txt(&d, 80, &sb);
		fputs(sb.s, stdout);
		sb_free(&sb);
		doc_free(&d);
		rc = 0;
	} else {
		rc = out_export_stats(st, &rep, format, gb, out, OUT_AUTO, &path, err, sizeof err);
		if (rc != 0)
			fprintf(stderr, "%s\n", err);
		else
			printf("已导出：%s\n", path);
		free(path);
		rc = rc != 0;
	}
	stats_report_free(&rep);
	store_close(st);
	return rc;
}
