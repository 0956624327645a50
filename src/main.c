/* main.c: the command line.  Without a command it opens the screen on a
 * database; commands: demo, check. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "demo.h"
#include "store.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define YS_VERSION "0.1.0"

static const char usage[] =
	"用法：yishiting [--db 路径] [--mono]\n"
	"      yishiting demo --db 路径      写一个演示社区数据库（不覆盖已有文件）\n"
	"      yishiting check --db 路径     检查数据库完整性与一致性\n"
	"      yishiting --help | --version\n"
	"\n"
	"议事厅：社区“四议两公开”议事协商的会议记录与表决程序。\n"
	"\n"
	"选项：\n"
	"  --db 路径     数据库文件；不存在时新建并先询问社区名称。\n"
	"                默认：$XDG_DATA_HOME/yishiting/yishiting.db\n"
	"                （未设置时为 ~/.local/share/yishiting/yishiting.db）\n"
	"  --mono        不用颜色（也可设置环境变量 NO_COLOR）\n"
	"  --exit-after-first-frame  画出第一屏后退出（测试用）\n"
	"\n"
	"环境变量：\n"
	"  YISHITING_NOW=\"2026-11-22 14:05\"  固定程序的时钟（测试用）\n"
	"  YISHITING_AMBIWIDTH=2             把“”…等宽度不定的字符按两列计算（默认一列）\n";

/* The screen needs a UTF-8 locale for wide characters.  Use the user's;
 * when it is not UTF-8, fall back to C.UTF-8, or say what is wrong. */
static int setup_locale(void)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return 0;
	if (setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8"))
		return 0;
	fprintf(stderr, "yishiting: the locale is not UTF-8 and C.UTF-8 is missing; "
	        "set LANG to a UTF-8 locale (e.g. zh_CN.UTF-8).\n"
	        "当前区域设置不是 UTF-8，且系统没有 C.UTF-8；请把 LANG 设为 zh_CN.UTF-8 等 UTF-8 区域。\n");
	return -1;
}

/* mkdir -p for the directory part of path */
static int make_parent(const char *path)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			fprintf(stderr, "无法创建目录 %s：%s\n", dir, strerror(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

static char *default_db_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/yishiting/yishiting.db", xdg);
	const char *home = getenv("HOME");
	if (!home || !*home)
		home = ".";
	return xasprintf("%s/.local/share/yishiting/yishiting.db", home);
}

static void print_line(const char *line, void *arg)
{
	(void)arg;
	printf("  %s\n", line);
}

static int cmd_check(const char *db)
{
	char err[512];
	if (access(db, F_OK) != 0) {
		fprintf(stderr, "数据库文件不存在：%s\n", db);
		return 2;
	}
	struct store *st = store_open(db, 0, err, sizeof err);
	if (!st) {
		fprintf(stderr, "无法打开数据库 %s：%s\n", db, err);
		return 2;
	}
	printf("检查 %s（结构版本 %d）……\n", db, store_user_version(st));
	int n = store_check(st, print_line, NULL);
	store_close(st);
	if (n < 0) {
		fprintf(stderr, "检查未能完成。\n");
		return 2;
	}
	if (n == 0) {
		printf("完好：SQLite 完整性检查通过，程序自身的一致性检查未发现问题。\n");
		return 0;
	}
	printf("发现 %d 处问题。\n", n);
	return 1;
}

static int cmd_demo(const char *db)
{
	char err[512];
	if (make_parent(db) != 0)
		return 1;
	if (demo_write(db, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	printf("演示社区已写入 %s\n", db);
	return 0;
}

static int cmd_ui(const char *db, int exit_after_frame, int mono)
{
	char err[512];
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "议事厅需要在终端中运行（标准输入输出不是终端）。\n");
		return 2;
	}
	if (make_parent(db) != 0)
		return 1;
	struct store *st = store_open(db, 1, err, sizeof err);
	if (!st) {
		fprintf(stderr, "无法打开数据库 %s：%s\n", db, err);
		return 1;
	}
	int rc = ui_run(st, exit_after_frame, mono);
	store_close(st);
	return rc;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *cmd = NULL;
	int exit_after_frame = 0, mono = 0;
	char *dflt = NULL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage, stdout);
			return 0;
		}
		if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			printf("议事厅 yishiting %s（数据库结构版本 %d）\n", YS_VERSION, store_latest_version());
			return 0;
		}
		if (strcmp(a, "--db") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "--db 后面要跟数据库文件的路径。\n");
				return 2;
			}
			db = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			db = a + 5;
		} else if (strcmp(a, "--mono") == 0) {
			mono = 1;
		} else if (strcmp(a, "--exit-after-first-frame") == 0) {
			exit_after_frame = 1;
		} else if (!cmd && (strcmp(a, "demo") == 0 || strcmp(a, "check") == 0)) {
			cmd = a;
		} else {
			fprintf(stderr, "不认识的参数：%s\n\n%s", a, usage);
			return 2;
		}
	}
	if (setup_locale() != 0)
		return 2;

	if (cmd && !db) {
		fprintf(stderr, "%s 命令需要 --db 路径。\n", cmd);
		return 2;
	}
	if (cmd && strcmp(cmd, "demo") == 0)
		return cmd_demo(db);
	if (cmd && strcmp(cmd, "check") == 0)
		return cmd_check(db);
	if (!db)
		db = dflt = default_db_path();
	int rc = cmd_ui(db, exit_after_frame, mono);
	free(dflt);
	return rc;
}
