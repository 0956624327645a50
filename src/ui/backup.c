/* backup.c: the backup made from the screen, and the board's reminder
 * when the last one is older than the setting backup_remind_days. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui_int.h"
#include "base/util.h"
#include "ops/ops.h"
#include "store/store.h"

void ui_backup_note(struct ui *u)
{
	char last[20];
	int days = ops_backup_age(u->st, last), remind = ops_setting_int(u->st, "backup_remind_days");

	u->backup_note[0] = '\0';
	if (remind <= 0)
		return;
	if (days < 0)
		snprintf(u->backup_note, sizeof u->backup_note,
		         "还没有备份过：按 B 把数据库备份到 U 盘（程序开着也能备份）。");
	else if (days > remind)
		snprintf(u->backup_note, sizeof u->backup_note,
		         "已经 %d 天没有备份（上次 %.10s）：按 B 备份到 U 盘。", days, last);
}

/* where a USB stick is mounted for this user (/media/USER/NAME or
 * /run/media/USER/NAME), the first one found; "" when none */
static void guess_stick(char *out, size_t len)
{
	const char *user = getenv("USER");
	const char *bases[] = { "/media", "/run/media" };

	out[0] = '\0';
	for (size_t i = 0; i < YS_ARRAY_LEN(bases) && !out[0] && user && *user; i++) {
		char *dir = xasprintf("%s/%s", bases[i], user);
		DIR *d = opendir(dir);
		struct dirent *e;
		while (d && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			snprintf(out, len, "%s/%s", dir, e->d_name);
			break;
		}
		if (d)
			closedir(d);
		free(dir);
	}
}

void ui_backup(struct ui *u)
{
	char dir[1024] = "", err[1024];
	struct backup_result r;
	char *in = NULL;

	if (store_setting_get(u->st, "backup_dir", dir, sizeof dir) != 0 || !dir[0])
		guess_stick(dir, sizeof dir);
	if (!ui_prompt_required(u, "备份数据库", "备份到哪个文件夹（U 盘插上后一般在 /media/用户名/ 下）：",
	                        dir, 1000, &in)) {
		free(in);
		return;
	}
	/* ~ is the home folder, as in the shell */
	if (in[0] == '~' && (in[1] == '/' || !in[1]) && getenv("HOME")) {
		char *h = xasprintf("%s%s", getenv("HOME"), in + 1);
		free(in);
		in = h;
	}
	if (ops_backup(u->st, in, BACKUP_KEEP_DEFAULT, &r, err, sizeof err) == 0)
		ui_message(u, UA_OK, "已备份到 %s（已核对：签字确认的会议记录 %d 份都与摘要一致%s）。",
		           r.path, r.sealed, r.removed ? "；更早的备份只保留最新 10 份" : "");
	else
		ui_error(u, "没有备份：%s", err);
	free(in);
	ui_backup_note(u);
}
