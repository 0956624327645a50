/* cmd_list.c: `yishiting list meetings|proposals|notices` — the numbers
 * the other commands take, one record per line (out_list). */
#include <stdio.h>

#include "cli_int.h"
#include "out/output.h"
#include "store/store.h"

int cmd_list(const struct cli_args *a)
{
	char err[512];
	struct store *st = cli_open_existing(a->opt[OPT_DB]);
	if (!st)
		return 1;
	int rc = out_list(st, a->cmd->sub, stdout, err, sizeof err) == 0 ? 0 : 1;
	if (rc)
		fprintf(stderr, "%s\n", err);
	store_close(st);
	return rc;
}
