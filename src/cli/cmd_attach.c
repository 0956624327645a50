/* cmd_attach.c: attachments from the command line — `attach` a file to a
 * proposal, meeting or notice, `list attachments`, `export attachment`
 * writes one back out.  The owner is named by the number the clerk knows
 * (ops_attach_owner). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "base/util.h"
#include "ops/ops.h"
#include "out/output.h"
#include "store/store.h"

/* the one owner option given: its kind and number; 0 when none, -1 when
 * more than one */
static int owner_opt(const struct cli_args *a, const char **number)
{
	static const struct { int opt, kind; } owners[] = {
		{ OPT_PROPOSAL, AO_PROPOSAL }, { OPT_MEETING, AO_MEETING }, { OPT_NOTICE, AO_NOTICE },
	};
	int kind = 0;

	*number = NULL;
	for (size_t i = 0; i < YS_ARRAY_LEN(owners); i++) {
		if (!a->opt[owners[i].opt])
			continue;
		if (kind)
			return -1;
		kind = owners[i].kind;
		*number = a->opt[owners[i].opt];
	}
	return kind;
}

int cmd_attach(const struct cli_args *a)
{
	char err[1024], id[ID_LEN], sizetxt[32];
	const char *number;
	struct attachment at;
	int kind = owner_opt(a, &number), rc;

	if (kind <= 0)
		return cli_usage_error(a->cmd, "附件要属于一个议题、会议或公示：--proposal、--meeting、--notice "
		                       "三者给出一个%s。", kind < 0 ? "（只能一个）" : "");
	struct store *st = cli_open_existing(a->opt[OPT_DB]);
	if (!st)
		return 1;
	rc = ops_attach_owner(st, kind, number, id, err, sizeof err);
	if (rc == 0)
		rc = ops_attach_file(st, kind, id, a->operand, a->opt[OPT_TITLE] ? a->opt[OPT_TITLE] : "",
		                     &at, err, sizeof err);
	if (rc != 0) {
		fprintf(stderr, "没有附上：%s\n", err);
		store_close(st);
		return 1;
	}
	attach_size_text(at.size, sizetxt, sizeof sizetxt);
	printf("已附上：%s %s 的附件「%s」（%s，%s），编号 %.8s，SM3 %s\n", attach_owner_name(kind), number,
	       at.title, attach_type_name(at.type), sizetxt, at.id, at.sm3);
	store_close(st);
	return 0;
}

static void list_line(struct store *st, const struct attachment *at)
{
	char num[80], sizetxt[32];

	if (ops_attach_owner_number(st, at->owner_kind, at->owner_id, num, sizeof num) != 0)
		snprintf(num, sizeof num, "（已不存在）");
	attach_size_text(at->size, sizetxt, sizeof sizetxt);
	printf("%.8s\t%s %s\t%s\t%s\t%s\t%.10s\t%s\n", at->id, attach_owner_name(at->owner_kind), num,
	       at->title, attach_type_name(at->type), sizetxt, at->added_at, at->sm3);
}

int cmd_list_attachments(const struct cli_args *a)
{
	char err[1024], id[ID_LEN];
	const char *number;
	int kind = owner_opt(a, &number), n;

	if (kind < 0)
		return cli_usage_error(a->cmd, "--proposal、--meeting、--notice 只能给出一个。");
	struct store *st = cli_open_existing(a->opt[OPT_DB]);
	if (!st)
		return 1;
	if (kind > 0) {
		struct attachment *all = NULL;
		if (ops_attach_owner(st, kind, number, id, err, sizeof err) != 0) {
			fprintf(stderr, "%s\n", err);
			store_close(st);
			return 1;
		}
		n = store_attachment_list(st, kind, id, &all);
		for (int i = 0; i < n; i++)
			list_line(st, &all[i]);
		free(all);
	} else {
		struct attachment page[64];
		char after[ID_LEN] = "";
		do {
			n = store_attachment_page(st, after, page, 64);
			for (int i = 0; i < n; i++)
				list_line(st, &page[i]);
			if (n > 0)
				ys_strlcpy(after, page[n - 1].id, sizeof after);
		} while (n == 64);
	}
	if (n < 0) {
		fprintf(stderr, "读取附件失败：%s\n", store_errmsg(st));
		store_close(st);
		return 1;
	}
	store_close(st);
	return 0;
}

int cmd_export_attachment(const struct cli_args *a)
{
	char err[1024], *path = NULL;
	struct attachment at;
	struct store *st = cli_open_existing(a->opt[OPT_DB]);
	int rc;

	if (!st)
		return 1;
	rc = store_attachment_find(st, a->opt[OPT_ID], &at);
	if (rc != 0) {
		if (rc == 2)
			fprintf(stderr, "有不止一个附件的编号以 %s 开头，请多写几位。\n", a->opt[OPT_ID]);
		else if (rc < 0)
			fprintf(stderr, "读取附件失败：%s\n", store_errmsg(st));
		else
			fprintf(stderr, "没有编号为 %s 的附件（yishiting list attachments 第一列是编号，写前 8 位即可）。\n",
			        a->opt[OPT_ID]);
		store_close(st);
		return 1;
	}
	rc = out_export_attachment(st, at.id, a->opt[OPT_OUTPUT], OUT_AUTO, &path, err, sizeof err);
	if (rc != 0) {
		fprintf(stderr, "%s\n", err);
	} else {
		printf("已导出附件「%s」：%s\n", at.title, path);
		free(path);
	}
	store_close(st);
	return rc ? 1 : 0;
}
