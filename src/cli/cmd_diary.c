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
	return cli_export_sheet(a, "民情日记", out_export_diary);
}
