/* cmd_diary.c: 民情日记 on the command line — `yishiting list diary`
 * (one entry per line, --state open|answered|overdue) and `yishiting
 * export diary` (.xlsx or CSV, as the screen's x writes it). */
#include <stdio.h>
#include <stdlib.h>

#include "cli_int.h"
#include "base/clock.h"
#include "model/diary.h"
#include "out/output.h"
#include "store/store.h"

int cmd_list_diary(const struct cli_args *a)
{
	const char *word = a->opt[OPT_STATE];
	struct diary_query q = { DF_ALL, NULL, NULL, NULL };
	char err[512], today[11];
	struct store *st;
	int rc;

	if (word && ((q.state = diary_filter_by_word(word)) < 0 || q.state == DF_ALL))
		return cli_usage_error(a->cmd, "--state 只能是 open（待答复）、answered（已答复）"
		                       "或 overdue（逾期），不认识「%s」。", word);
	st = cli_open_existing(a->opt[OPT_DB]);
	if (!st)
		return 1;
	ys_today(today);
	q.today = today;
	rc = out_list_diary(st, &q, stdout, err, sizeof err) == 0 ? 0 : 1;
	if (rc)
		fprintf(stderr, "%s\n", err);
	store_close(st);
	return rc;
}

int cmd_export_diary(const struct cli_args *a)
{
	const char *fmt = a->opt[OPT_FORMAT], *out = a->opt[OPT_OUTPUT];
	int format = OF_XLSX, gb = a->opt[OPT_GB18030] != NULL;
	char err[1024], *path = NULL;
	struct store *st;
	int rc;

	if (fmt) {
		format = out_format_parse(fmt);
		if (format != OF_XLSX && format != OF_CSV)
			return cli_usage_error(a->cmd, "民情日记的 --format 只能是 xlsx 或 csv，不认识「%s」。", fmt);
	} else if (out && out_format_of_name(out) == OF_CSV) {
		format = OF_CSV;
	}
	if (gb && format == OF_XLSX)
		return cli_usage_error(a->cmd, "Excel 文件不分编码；--gb18030 只用于 csv。");
	st = cli_open_existing(a->opt[OPT_DB]);
	if (!st)
		return 1;
	rc = out_export_diary(st, format, gb, out, OUT_AUTO, &path, err, sizeof err);
	store_close(st);
	if (rc != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	printf("已导出：%s\n", path);
	free(path);
	return 0;
}
