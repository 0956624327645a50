/* backup.c: backups a clerk makes to a USB stick, and putting one back.
 * A backup is a consistent copy (SQLite's backup API), checked before it
 * gets its name: the file is sound and every sealed meeting still matches
 * its digest.  Named by date, the last N kept. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "ops_int.h"
#include "ops/seal.h"

#define PREFIX "议事厅备份_"

/* a copy is sound: it opens, SQLite's integrity check passes and every
 * seal still matches; else the reason */
int ops_backup_check(const char *path, int *sealed, char *err, size_t errlen)
{
	char why[512];
	struct store *st = store_open(path, STORE_READONLY, why, sizeof why);
	int bad, changed;

	if (!st)
		return ys_err(err, errlen, "%s", why);
	if (store_damage(st)) {
		ys_err(err, errlen, "%s 已经损坏（%s）", path, store_damage(st));
		store_close(st);
		return -1;
	}
	bad = store_check_file(st, NULL, NULL);
	changed = bad == 0 ? seal_verify_all(st, NULL, NULL) : 0;
	if (sealed)
		*sealed = store_seal_count(st);
	if (bad != 0)
		ys_err(err, errlen, "%s 没有通过 SQLite 的完整性检查", path);
	else if (changed != 0)
		ys_err(err, errlen, "%s 里有 %d 份签字确认的会议记录与摘要不符", path, changed < 0 ? 0 : changed);
	store_close(st);
	return bad != 0 || changed != 0 ? -1 : 0;
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	int rc = fd >= 0 && fsync(fd) == 0 ? 0 : -1;

	if (fd >= 0)
		close(fd);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* the backups in dir beyond the newest keep are removed; how many */
static int prune(const char *dir, int keep)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	int n = 0, removed = 0;
	size_t pl = strlen(PREFIX);

	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (l > pl + 3 && strncmp(e->d_name, PREFIX, pl) == 0 &&
		    strcmp(e->d_name + l - 3, ".db") == 0) {
			names = xrealloc(names, (size_t)(n + 1) * sizeof *names);
			names[n++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof *names, by_name);
	for (int i = 0; i < n; i++) {
		if (i < n - keep) {
			char *p = xasprintf("%s/%s", dir, names[i]);
			if (unlink(p) == 0)
				removed++;
			free(p);
		}
		free(names[i]);
	}
	free(names);
	return removed;
}

int ops_backup(struct store *st, const char *dir, int keep, struct backup_result *res,
               char *err, size_t errlen)
{
	struct stat sb;
	struct tm now;
	char date[11], stamp[20], hms[8], *tmp, *name = NULL;

	memset(res, 0, sizeof *res);
	if (!dir || !*dir)
		return ys_err(err, errlen, "请写明备份到哪个文件夹（如 U 盘）。");
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return ys_err(err, errlen, "文件夹 %s 不存在：U 盘插好了吗？路径写对了吗？", dir);
	if (keep < 1 || keep > BACKUP_KEEP_MAX)
		return ys_err(err, errlen, "保留的备份份数应为 1 至 %d。", BACKUP_KEEP_MAX);
	ys_now_tm(&now);
	ys_fmt_date(&now, date);
	ys_fmt_stamp(&now, stamp);
	strftime(hms, sizeof hms, "%H%M%S", &now);
	/* a second backup within the same second (a fixed clock) gets _2 … */
	for (int i = 1; i < 100 && !name; i++) {
		char *p = i == 1 ? xasprintf("%s/" PREFIX "%s_%s.db", dir, date, hms)
		                 : xasprintf("%s/" PREFIX "%s_%s_%d.db", dir, date, hms, i);
		if (access(p, F_OK) != 0)
			name = p;
		else
			free(p);
	}
	if (!name)
		return ys_err(err, errlen, "%s 里同一时刻的备份太多了。", dir);
	tmp = xasprintf("%s/.%s.part", dir, strrchr(name, '/') + 1);
	if (store_backup_into(st, tmp, err, errlen) != 0)
		goto fail;
	if (ops_backup_check(tmp, &res->sealed, err, errlen) != 0) {
		size_t n = strlen(err);
		snprintf(err + n, errlen > n ? errlen - n : 0, "：这份备份不可用，已删除。");
		goto fail;
	}
	if (rename(tmp, name) != 0) {
		ys_err(err, errlen, "无法在 %s 里给备份起名：%s", dir, ys_errno_zh(errno));
		goto fail;
	}
	fsync_dir(dir);
	ys_strlcpy(res->path, name, sizeof res->path);
	res->removed = prune(dir, keep);
	if (stat(name, &sb) == 0)
		res->bytes = (long long)sb.st_size;
	/* remembered for the reminder and the next backup's folder; a
	 * read-only database is backed up all the same */
	if (!store_readonly(st)) {
		char werr[256];
		if (ops_setting_set(st, "last_backup", stamp, werr, sizeof werr) != 0 ||
		    ops_setting_set(st, "backup_dir", dir, werr, sizeof werr) != 0)
			res->unrecorded = 1;
	} else {
		res->unrecorded = 1;
	}
	free(tmp);
	free(name);
	return 0;

fail:
	unlink(tmp);
	free(tmp);
	free(name);
	return -1;
}

int ops_backup_age(struct store *st, char last[20])
{
	char val[32];
	struct tm now;
	char today[11];

	last[0] = '\0';
	if (store_setting_get(st, "last_backup", val, sizeof val) != 0 || strlen(val) < 10)
		return -1;
	ys_strlcpy(last, val, 20);
	ys_now_tm(&now);
	ys_fmt_date(&now, today);
	val[10] = '\0';
	int days = ys_days_between(val, today);
	return days < 0 ? 0 : days;
}

int ops_restore(const char *db, const char *from, struct restore_result *res,
                char *err, size_t errlen)
{
	struct tm now;
	char stamp[16];
	static const char *const side[] = { "", "-wal", "-shm" };
	char *part = xasprintf("%s.restore-part", db), *p;
	struct store *st;
	int rc = -1;

	memset(res, 0, sizeof *res);
	if (access(from, R_OK) != 0) {
		ys_err(err, errlen, "读不到备份文件 %s：%s", from, ys_errno_zh(errno));
		goto out;
	}
	/* the copy is made beside the database and opened as the program
	 * opens its database (a backup of an older version is brought up to
	 * date there), then checked, before anything at the path is touched */
	for (size_t i = 0; i < YS_ARRAY_LEN(side); i++) {
		p = xasprintf("%s%s", part, side[i]);
		unlink(p);
		free(p);
	}
	if (store_copy_file(from, part, err, errlen) != 0)
		goto out;
	st = store_open(part, 0, err, errlen);
	if (!st)
		goto out;
	store_close(st);
	if (ops_backup_check(part, &res->sealed, err, errlen) != 0) {
		size_t n = strlen(err);
		snprintf(err + n, errlen > n ? errlen - n : 0, "：备份 %s 不能用来恢复。", from);
		goto out;
	}
	/* the file now at the path is kept beside it, never overwritten:
	 * renamed with its -wal (which may hold the latest lines) */
	if (access(db, F_OK) == 0) {
		ys_now_tm(&now);
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &now);
		char *keep = xasprintf("%s.恢复前-%s", db, stamp);
		for (size_t i = 0; i < YS_ARRAY_LEN(side); i++) {
			char *a = xasprintf("%s%s", db, side[i]), *b = xasprintf("%s%s", keep, side[i]);
			int bad = access(a, F_OK) == 0 && rename(a, b) != 0 && i < 2;
			if (bad)
				ys_err(err, errlen, "无法把现在的 %s 改名保留：%s；没有恢复。", a, ys_errno_zh(errno));
			free(a);
			free(b);
			if (bad) {
				free(keep);
				goto out;
			}
		}
		ys_strlcpy(res->kept, keep, sizeof res->kept);
		free(keep);
	}
	if (rename(part, db) != 0) {
		ys_err(err, errlen, "无法把恢复的文件改名为 %s：%s", db, ys_errno_zh(errno));
		goto out;
	}
	rc = 0;
out:
	for (size_t i = 0; i < YS_ARRAY_LEN(side); i++) {
		p = xasprintf("%s%s", part, side[i]);
		unlink(p);
		free(p);
	}
	free(part);
	return rc;
}
