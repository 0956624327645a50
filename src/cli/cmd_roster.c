/* cmd_roster.c: import roster and export roster — the office's 花名册 in
 * and out as CSV or .xlsx.  An import shows how it reads the file (the
 * encoding, the header, which column is which field), every line it
 * cannot take and why, every repeat of a person already there; it writes
 * all of it or nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "base/util.h"
#include "in/roster.h"
#include "out/output.h"
#include "store/store.h"

/* "3=电话,联系方式=不导入": each column (its number, or its heading) to a
 * field; 2 (usage) with the message when it cannot be read */
static int apply_map(const struct cli_args *a, struct roster_import *ri)
{
	char *spec = xstrdup(a->opt[OPT_MAP]), *save = NULL, *q, err[512];
	int rc = 0;

	/* items apart by "," or "，" (whose bytes are in other characters too:
	 * made "," first) */
	while ((q = strstr(spec, "，")) != NULL) {
		*q = ',';
		memmove(q + 1, q + 3, strlen(q + 3) + 1);
	}

	/* headings it did not know: the first line is the header all the same,
	 * and the clerk names its columns */
	roster_import_first_header(ri);

	for (char *item = strtok_r(spec, ",", &save); item && rc == 0; item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '='), *end;
		int col = -1, f;

		if (!eq) {
			rc = cli_usage_error(a->cmd, "--map 的每一项应写作“列=字段”，如 3=电话 或 联系方式=电话：%s", item);
			break;
		}
		*eq = '\0';
		ys_trim(item);
		long n = strtol(item, &end, 10);
		if (*item && !*end)
			col = n >= 1 && n <= ri->t.cols ? (int)n - 1 : -2;
		for (int c = 0; c < ri->t.cols && col == -1 && ri->header >= 0; c++) {
			char *h = xstrdup(table_cell(&ri->t, ri->header, c));
			if (strcmp(ys_trim(h), item) == 0)
				col = c;
			free(h);
		}
		if (col < 0) {
			rc = cli_usage_error(a->cmd, "--map：文件里没有“%s”这一列（共 %d 列，可以写列号 1 至 %d 或表头上的名称）。",
			                     item, ri->t.cols, ri->t.cols);
			break;
		}
		f = roster_field_parse(eq + 1);
		if (f < 0) {
			struct strbuf sb = {0};
			for (int k = 0; k < RO_COUNT; k++)
				sb_addf(&sb, "%s%s", k ? "、" : "", roster_field_name(k));
			rc = cli_usage_error(a->cmd, "--map：不认识的字段“%s”（可以是 %s）。", eq + 1, sb.s);
			sb_free(&sb);
			break;
		}
		if (roster_import_map(ri, col, f, err, sizeof err) != 0)
			rc = cli_usage_error(a->cmd, "--map：%s", err);
	}
	free(spec);
	return rc;
}

static void show_mapping(const struct roster_import *ri)
{
	printf("读取 %s：%s，", ri->source, ri->t.format);
	if (ri->header >= 0)
		printf("表头在第 %d 行。\n各列对应：\n", ri->t.line[ri->header]);
	else
		printf("没有找到表头。\n");
	for (int c = 0; c < ri->t.cols; c++) {
		const char *h = ri->header >= 0 ? table_cell(&ri->t, ri->header, c) : "";
		printf("  第 %d 列  %s → %s\n", c + 1, *h ? h : "（无表头）", roster_field_name(ri->map[c]));
	}
}

static void show_lines(const struct roster_import *ri)
{
	if (ri->bad) {
		printf("有 %d 行不能导入：\n", ri->bad);
		for (int i = 0; i < ri->n; i++)
			if (ri->lines[i].why[0])
				printf("  第 %d 行：%s\n", ri->lines[i].line, ri->lines[i].why);
	}
	if (ri->dups) {
		printf("有 %d 行与已有的人重复：\n", ri->dups);
		for (int i = 0; i < ri->n; i++) {
			const struct roster_line *l = &ri->lines[i];
			if (l->why[0] || !(l->dup_line || l->dup.id[0]))
				continue;
			if (l->dup_line)
				printf("  第 %d 行 %s：与文件第 %d 行%s", l->line, l->p.name, l->dup_line, l->dup_why);
			else
				printf("  第 %d 行 %s：与花名册第 %d 号 %s %s", l->line, l->p.name, l->dup.no, l->dup.name,
				       l->dup_why);
			printf(l->action ? "（%s）\n" : "\n", dup_action_name(l->action));
		}
	}
	for (int i = 0; i < ri->nwarn; i++)
		printf("注意：%s\n", ri->warn[i]);
}

int cmd_import_roster(const struct cli_args *a)
{
	struct roster_import ri;
	struct store *st;
	char err[1024];
	int added, merged, skipped, rc = 0, action = DUP_ASK;
	const char *dup = a->opt[OPT_DUPLICATES];

	if (dup) {
		static const struct { const char *name; int action; } acts[] = {
			{ "merge", DUP_MERGE }, { "skip", DUP_SKIP }, { "add", DUP_ADD },
		};
		for (size_t i = 0; i < YS_ARRAY_LEN(acts); i++)
			if (strcmp(dup, acts[i].name) == 0)
				action = acts[i].action;
		if (action == DUP_ASK)
			return cli_usage_error(a->cmd, "--duplicates 只能是 merge（合并）、skip（跳过）或 add（仍然新增）：%s", dup);
	}
	if (roster_import_read(a->operand, &ri, err, sizeof err) != 0) {
		fprintf(stderr, "没有导入：%s\n", err);
		return 1;
	}
	if (a->opt[OPT_MAP] && (rc = apply_map(a, &ri)) != 0) {
		roster_import_free(&ri);
		return rc;
	}
	st = cli_open_existing(a->opt[OPT_DB]);
	if (!st) {
		roster_import_free(&ri);
		return 1;
	}
	show_mapping(&ri);
	if (roster_import_check(st, &ri, err, sizeof err) != 0) {
		fprintf(stderr, "没有导入：%s\n", err);
		rc = 1;
		goto done;
	}
	if (action != DUP_ASK)
		roster_import_decide(&ri, action, 1);
	printf("共 %d 行：可导入 %d 行。\n", ri.n, ri.n - ri.bad);
	show_lines(&ri);
	if (ri.bad) {
		fprintf(stderr, "没有导入：有 %d 行不能导入，改好文件后再导入（一行也没有写入）。\n", ri.bad);
		rc = 1;
	} else if (ri.undecided) {
		fprintf(stderr, "没有导入：有 %d 行与已有的人重复，请用 --duplicates merge（合并：文件中有的内容填入已有的人）、"
		        "skip（跳过这些行）或 add（仍然作为新的人）决定。\n", ri.undecided);
		rc = 1;
	} else if (a->opt[OPT_DRY_RUN]) {
		printf("试导入：可以导入，没有写入（去掉 --dry-run 即导入）。\n");
	} else if (roster_import_apply(st, &ri, &added, &merged, &skipped, err, sizeof err) != 0) {
		fprintf(stderr, "没有导入：%s\n", err);
		rc = 1;
	} else {
		printf("已导入：新增 %d 人，合并 %d 人，跳过 %d 行。\n", added, merged, skipped);
	}
done:
	roster_import_free(&ri);
	store_close(st);
	return rc;
}

int cli_export_sheet(const struct cli_args *a, const char *what, out_sheet_fn export)
{
	const char *fmt = a->opt[OPT_FORMAT], *out = a->opt[OPT_OUTPUT];
	int format = OF_XLSX, gb = a->opt[OPT_GB18030] != NULL;
	char err[1024], *path = NULL;
	struct store *st;
	int rc;

	if (fmt) {
		format = out_format_parse(fmt);
		if (format != OF_XLSX && format != OF_CSV)
			return cli_usage_error(a->cmd, "%s的 --format 只能是 xlsx 或 csv，不认识「%s」。", what, fmt);
	} else if (out && out_format_of_name(out) == OF_CSV) {
		format = OF_CSV;
	}
	if (gb && format == OF_XLSX)
		return cli_usage_error(a->cmd, "Excel 文件不分编码；--gb18030 只用于 csv。");
	st = cli_open_existing(a->opt[OPT_DB]);
	if (!st)
		return 1;
	rc = export(st, format, gb, out, OUT_AUTO, &path, err, sizeof err);
	store_close(st);
	if (rc != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	printf("已导出：%s\n", path);
	free(path);
	return 0;
}

int cmd_export_roster(const struct cli_args *a)
{
	return cli_export_sheet(a, "花名册", out_export_roster);
}
