/* cmd_list.c: `yishiting list meetings|proposals|notices` — the numbers
 * the other commands take, one record per line (out_list) — and `search`,
 * the screens' / on the command line. */
#include <stdio.h>
#include <stdlib.h>

#include "cli_int.h"
#include "base/text.h"
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

int cmd_search(const struct cli_args *a)
{
	struct search_hit *h;
	int n;
	unsigned more;
	struct store *st = cli_open_existing(a->opt[OPT_DB]);

	if (!st)
		return 1;
	n = store_search(st, a->operand, &h, &more);
	if (n < 0) {
		fprintf(stderr, "检索失败：%s\n", store_errmsg(st));
		store_close(st);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		int k = search_kind_index(h[i].kind);
		char around[512], *line;

		text_around(h[i].text ? h[i].text : "", a->operand, 8, around, sizeof around);
		line = text_fit(around, 60, TEXT_ELLIPSIS | TEXT_NOPAD);
		printf("%s\t%s\t%s%s%s\t%s\n", k >= 0 ? search_kinds[k].name : h[i].kind, h[i].date,
		       h[i].where, h[i].where[0] ? " " : "", h[i].title, line);
		free(line);
	}
	for (size_t k = 0; k < search_kind_count; k++)
		if (more >> k & 1)
			fprintf(stderr, "%s不止 %d 条，只列出了最新录入的 %d 条；可加字词缩小范围。\n",
			        search_kinds[k].name, SEARCH_PER_KIND, SEARCH_PER_KIND);
	if (n == 0)
		fprintf(stderr, "没有找到含「%s」的记录。\n", a->operand);
	search_hits_free(h, n);
	store_close(st);
	return n > 0 ? 0 : 1;
}
