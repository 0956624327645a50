/* cmd_backup.c: backup, restore and salvage — the database file copied
 * to a USB stick, put back from one, or rescued from damage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_int.h"
#include "base/util.h"
#include "ops/ops.h"
#include "ops/seal.h"
#include "store/store.h"

static void print_line(const char *line, void *arg)
{
	(void)arg;
	printf("  %s\n", line);
}

int cmd_backup(const struct cli_args *a)
{
	struct store *st = cli_open_existing(a->opt[OPT_DB]);
	struct backup_result r;
	char err[1024];
	int keep = BACKUP_KEEP_DEFAULT;

	if (!st)
		return 1;
	if (a->opt[OPT_KEEP]) {
		char *end;
		long k = strtol(a->opt[OPT_KEEP], &end, 10);
		if (end == a->opt[OPT_KEEP] || *end || k < 1 || k > BACKUP_KEEP_MAX) {
			fprintf(stderr, "--keep 应为 1 至 %d 之间的整数：%s\n", BACKUP_KEEP_MAX, a->opt[OPT_KEEP]);
			store_close(st);
			return 2;
		}
		keep = (int)k;
	}
	int rc = ops_backup(st, a->opt[OPT_TO], keep, &r, err, sizeof err);
	store_close(st);
	if (rc != 0) {
		fprintf(stderr, "没有备份：%s\n", err);
		return 1;
	}
	printf("已备份到 %s（%.1f MB）。\n", r.path, (double)r.bytes / 1048576.0);
	printf("已核对：SQLite 完整性检查通过，签字确认的会议记录 %d 份都与摘要一致。\n", r.sealed);
	if (r.removed)
		printf("文件夹里只保留最新的 %d 份备份，删除了更早的 %d 份。\n", keep, r.removed);
	if (r.unrecorded)
		printf("注意：数据库是只读的，这次备份的日期没有记下，议题板上的备份提醒不会知道它。\n");
	return 0;
}

int cmd_restore(const struct cli_args *a)
{
	struct restore_result r;
	char err[1024];

	if (ops_restore(a->opt[OPT_DB], a->opt[OPT_FROM], &r, err, sizeof err) != 0) {
		fprintf(stderr, "没有恢复：%s\n", err);
		return 1;
	}
	printf("已用 %s 恢复 %s（已核对：签字确认的会议记录 %d 份都与摘要一致）。\n",
	       a->opt[OPT_FROM], a->opt[OPT_DB], r.sealed);
	if (r.kept[0])
		printf("原来的文件改名保留为 %s，确认无误后可以删除。\n", r.kept);
	return 0;
}

int cmd_salvage(const struct cli_args *a)
{
	char err[1024];
	const char *db = a->opt[OPT_DB], *out = a->opt[OPT_OUTPUT];

	if (access(db, R_OK) != 0) {
		fprintf(stderr, "读不到数据库文件 %s。\n", db);
		return 1;
	}
	printf("从 %s 救出记录到 %s：\n", db, out);
	int lost = store_salvage(db, out, print_line, NULL, err, sizeof err);
	if (lost < 0) {
		fprintf(stderr, "没有救出：%s\n", err);
		return 1;
	}
	if (lost == 0)
		printf("全部表都完整读出。\n");
	else
		printf("有 %d 张表读到损坏处，其中的一部分行可能已丢失（见上）。\n", lost);
	/* what the new file lacks: references to rows not rescued, sealed
	 * minutes no longer whole */
	struct store *st = store_open(out, 0, err, sizeof err);
	if (!st) {
		fprintf(stderr, "无法打开救出的数据库：%s\n", err);
		return 1;
	}
	int problems = store_check(st, NULL, NULL);
	int changed = seal_verify_all(st, NULL, NULL);
	int sealed = store_seal_count(st);
	store_close(st);
	if (problems == 0)
		printf("新数据库的一致性检查没有发现问题。\n");
	else
		printf("新数据库的一致性检查发现 %d 处问题（多是引用了没有救出的记录）："
		       "用 yishiting check --db %s 查看。\n", problems, out);
	if (changed == 0)
		printf("签字确认的会议记录 %d 份都与摘要一致。\n", sealed);
	else
		printf("签字确认的会议记录有 %d 份与摘要不符（有的行没有救出）：用 yishiting verify --db %s "
		       "查看是哪几份，对照纸质签字件补正。\n", changed, out);
	printf("原来的文件没有改动；请用 yishiting --db %s 打开新数据库查看。\n", out);
	return lost == 0 && problems == 0 && changed == 0 ? 0 : 1;
}
