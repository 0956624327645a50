/* cmd_db.c: the commands on a database as a whole — the screen (no
 * command), demo, check, verify — and what every handler shares: the
 * locale, the default database, opening an existing database. */
#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_int.h"
#include "base/util.h"
#include "demo/demo.h"
#include "ops/seal.h"
#include "store/store.h"
#include "ui/ui.h"

static int is_utf8_name(const char *cs)
{
	return strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0;
}

/* the character set the user's environment asks for: the locale's, or,
 * when that locale is not installed, the one its name gives
 * (zh_CN.GB18030@x → GB18030); "" when nothing names one (C, POSIX, unset) */
static void wanted_codeset(int have_locale, char *cs, size_t n)
{
	const char *name = NULL;

	cs[0] = '\0';
	if (have_locale) {
		const char *l = nl_langinfo(CODESET);
		/* the C locale's ASCII is no choice of the user's */
		if (l && strcmp(l, "ANSI_X3.4-1968") != 0)
			ys_strlcpy(cs, l, n);
		return;
	}
	const char *vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	for (size_t i = 0; i < YS_ARRAY_LEN(vars) && !name; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			name = v;
	}
	const char *dot = name ? strchr(name, '.') : NULL;
	if (!dot)
		return;
	ys_strlcpy(cs, dot + 1, n);
	cs[strcspn(cs, "@")] = '\0';
}

/* the refusal in the terminal's own encoding (when iconv knows it), so
 * that it can be read there, then in UTF-8 */
static void say_in(const char *cs, const char *msg)
{
	iconv_t cd = iconv_open(cs, "UTF-8");
	if (cd == (iconv_t)-1) {
		char tr[64];
		snprintf(tr, sizeof tr, "%s//TRANSLIT", cs);
		cd = iconv_open(tr, "UTF-8");
	}
	if (cd == (iconv_t)-1)
		return;
	char out[2048], *op = out, *ip = (char *)msg;
	size_t il = strlen(msg), ol = sizeof out - 1;
	while (il > 0 && iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
		if (errno != EILSEQ || ol == 0)
			break;
		*op++ = '?';            /* a character the charset lacks */
		ol--;
		do {
			ip++;
			il--;
		} while (il > 0 && ((unsigned char)*ip & 0xC0) == 0x80);
	}
	iconv(cd, NULL, NULL, &op, &ol);
	iconv_close(cd);
	fwrite(out, 1, (size_t)(op - out), stderr);
}

/* The program reads, stores and shows UTF-8.  A UTF-8 locale is used as
 * it is; none at all (C, POSIX, LANG unset) becomes C.UTF-8, as terminals
 * today are UTF-8; a terminal set to another encoding (zh_CN.GB18030, GBK,
 * GB2312, BIG5) is refused, saying what to set, in its own encoding and in
 * UTF-8: guessing wrongly there would show every Chinese character as
 * garbage and read the clerk's typing as other characters. */
int cli_setup_locale(void)
{
	char cs[64];
	int have = setlocale(LC_ALL, "") != NULL;

	wanted_codeset(have, cs, sizeof cs);
	if (cs[0] && is_utf8_name(cs))
		return 0;
	if (cs[0]) {
		char msg[1024];
		snprintf(msg, sizeof msg,
		         "议事厅只支持 UTF-8 编码的终端，现在的编码是 %s。\n"
		         "请把终端的字符编码设为 UTF-8（PuTTY：窗口→转换→远程字符集），"
		         "再以 LANG=zh_CN.UTF-8（或 LANG=C.UTF-8）运行，例如：\n"
		         "  LANG=C.UTF-8 yishiting\n"
		         "yishiting: the terminal's encoding is %s; set it to UTF-8 and run with "
		         "LANG=zh_CN.UTF-8 or LANG=C.UTF-8.\n", cs, cs);
		say_in(cs, msg);
		fprintf(stderr, "（以下是同一段话的 UTF-8 文本）\n%s", msg);
		return -1;
	}
	if (setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "C.utf8"))
		return 0;
	fprintf(stderr, "yishiting: the locale is not UTF-8 and C.UTF-8 is missing; "
	        "set LANG to a UTF-8 locale (e.g. zh_CN.UTF-8).\n"
	        "当前区域设置不是 UTF-8，且系统没有 C.UTF-8；请把 LANG 设为 zh_CN.UTF-8 等 UTF-8 区域。\n");
	return -1;
}

char *cli_default_db_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg)
		return xasprintf("%s/yishiting/yishiting.db", xdg);
	const char *home = getenv("HOME");
	if (!home || !*home)
		home = ".";
	return xasprintf("%s/.local/share/yishiting/yishiting.db", home);
}

/* what a damaged database is told with, and the way out */
void cli_say_damaged(const char *db, const char *damage)
{
	fprintf(stderr,
	        "数据库 %s 已经损坏：SQLite 的检查发现「%s」。\n"
	        "为免打印出错的内容或把文件写坏得更多，没有打开它。可以这样做：\n"
	        "  yishiting check --db %s    查看损坏在哪里\n"
	        "  yishiting restore --db %s --from 备份文件    用最近的备份恢复（这个文件改名保留）\n"
	        "  yishiting salvage --db %s -o 新文件.db    没有备份时，把还读得出的记录救到一个新数据库\n",
	        db, damage, db, db, db);
}

static struct store *open_existing(const char *db, int damaged_ok)
{
	char err[512];
	if (access(db, F_OK) != 0) {
		fprintf(stderr, "数据库文件不存在：%s\n", db);
		return NULL;
	}
	struct store *st = store_open(db, 0, err, sizeof err);
	if (!st) {
		fprintf(stderr, "无法打开数据库 %s：%s\n", db, err);
		return NULL;
	}
	if (store_damage(st) && !damaged_ok) {
		cli_say_damaged(db, store_damage(st));
		store_close(st);
		return NULL;
	}
	return st;
}

struct store *cli_open_existing(const char *db)
{
	return open_existing(db, 0);
}

/* mkdir -p for the folder of the database: private (0700), it holds
 * the residents' names and phone numbers */
static int make_parent(const char *path)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			fprintf(stderr, "无法创建目录 %s：%s\n", dir, ys_errno_zh(errno));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

int cmd_ui(const struct cli_args *a)
{
	char err[512];
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "议事厅需要在终端中运行（标准输入输出不是终端）。\n");
		return 2;
	}
	char *dflt = a->opt[OPT_DB] ? NULL : cli_default_db_path();
	const char *db = dflt ? dflt : a->opt[OPT_DB];
	int rc = 1, flags = STORE_CREATE;
	/* an empty file is not taken for a new database without asking: it
	 * may be a copy that did not finish */
	if (store_file_empty(db)) {
		char line[16] = "";
		fprintf(stderr, "数据库文件 %s 是空的（0 字节），里面没有任何记录。\n"
		        "如果它是复制或拷贝没有完成的文件，请回答 n，换用完整的文件或备份。\n"
		        "在这个文件里新建一个社区的数据库吗？(y/n) ", db);
		if (!fgets(line, sizeof line, stdin) || (line[0] != 'y' && line[0] != 'Y')) {
			fprintf(stderr, "没有打开，文件保持原样。\n");
			free(dflt);
			return 1;
		}
		flags |= STORE_EMPTY_OK;
	}
	if (make_parent(db) == 0) {
		struct store *st = store_open(db, flags, err, sizeof err);
		if (!st) {
			fprintf(stderr, "无法打开数据库 %s：%s\n", db, err);
		} else if (store_damage(st)) {
			cli_say_damaged(db, store_damage(st));
			store_close(st);
		} else {
			rc = ui_run(st, a->opt[OPT_FIRST_FRAME] != NULL, a->opt[OPT_MONO] != NULL);
			store_close(st);
		}
	}
	free(dflt);
	return rc;
}

int cmd_demo(const struct cli_args *a)
{
	char err[512];
	const char *db = a->opt[OPT_DB];
	if (make_parent(db) != 0)
		return 1;
	if (demo_write(db, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	printf("演示社区已写入 %s\n", db);
	return 0;
}

static void print_line(const char *line, void *arg)
{
	(void)arg;
	printf("  %s\n", line);
}

int cmd_check(const struct cli_args *a)
{
	char err[512];
	const char *db = a->opt[OPT_DB];
	if (access(db, F_OK) != 0) {
		fprintf(stderr, "数据库文件不存在：%s\n", db);
		return 2;
	}
	struct store *st = store_open(db, 0, err, sizeof err);
	if (!st) {
		fprintf(stderr, "无法打开数据库 %s：%s\n", db, err);
		return 2;
	}
	printf("检查 %s（结构版本 %d%s）……\n", db, store_user_version(st),
	       store_readonly(st) && !store_damage(st) ? "，只读" : "");
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

static void print_finding(const char *line, void *arg)
{
	int *n = arg;
	(*n)++;
	printf("  %s\n", line);
}

int cmd_verify(const struct cli_args *a)
{
	struct store *st = open_existing(a->opt[OPT_DB], 1);
	if (!st)
		return 1;
	int lines = 0, rc;
	/* the file itself first, as check does: a damaged file cannot vouch
	 * for any seal */
	int bad = store_check_file(st, print_finding, &lines);
	if (bad != 0) {
		if (bad > 0)
			printf("数据库文件本身已损坏（发现 %d 处问题，见上）：签字确认的核对结果不可信。\n"
			       "请用 yishiting check 查看，用 yishiting restore 从备份恢复，"
			       "或用 yishiting salvage 救出还读得出的记录。\n", bad);
		else
			fprintf(stderr, "数据库文件无法读完：%s\n", store_errmsg(st));
		store_close(st);
		return 1;
	}
	if (a->opt[OPT_MEETING] || a->opt[OPT_DIGEST]) {
		char err[512];
		if (!a->opt[OPT_MEETING] || !a->opt[OPT_DIGEST]) {
			store_close(st);
			return cli_usage_error(a->cmd, "用纸质件核对时 --meeting 和 --digest 都要给出。");
		}
		printf("用纸质件上的摘要核对会议 %s……\n", a->opt[OPT_MEETING]);
		int k = seal_verify_paper(st, a->opt[OPT_MEETING], a->opt[OPT_DIGEST], print_finding, &lines,
		                          err, sizeof err);
		store_close(st);
		if (k < 0) {
			fprintf(stderr, "没有核对：%s\n", err);
			return 1;
		}
		if (k == 0) {
			printf("一致：纸质件上的摘要就是数据库里这次会议的签字确认，记录签字后没有改动。\n");
			return 0;
		}
		printf("不一致：发现 %d 处问题（见上）。以签字的纸质件为准。\n", k);
		return 1;
	}
	printf("核对已签字确认的会议记录……\n");
	int n = seal_verify_all(st, print_finding, &lines);
	if (n < 0) {
		fprintf(stderr, "核对未能完成：%s\n", store_errmsg(st));
		rc = 1;
	} else if (n == 0) {
		printf("完好：已签字确认的会议记录共 %d 份，全部与签字时的摘要一致。\n", store_seal_count(st));
		if (store_attachment_count(st) > 0)
			printf("附件共 %d 个，全部与添加时的 SM3 摘要一致。\n", store_attachment_count(st));
		rc = 0;
	} else {
		printf("发现 %d 处在签字确认后的改动（共核对 %d 份签字确认的会议记录）。\n", n,
		       store_seal_count(st));
		rc = 1;
	}
	store_close(st);
	return rc;
}
