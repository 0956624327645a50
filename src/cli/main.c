/* main.c: the command line.  Without a command it opens the screen on a
 * database; commands: demo, check, export, print, list, verify.
 * Exit status: 0 done, 1 failed, 2 wrong usage. */
#include <errno.h>
#include <stddef.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "demo/demo.h"
#include "paper/doc.h"
#include "out/output.h"
#include "ops/seal.h"
#include "store/store.h"
#include "base/text.h"
#include "ui/ui.h"
#include "base/util.h"

#include "version.h"

static const char usage[] =
	"用法：yishiting [--db 路径] [--mono]\n"
	"      yishiting demo --db 路径      写一个演示社区数据库（不覆盖已有文件）\n"
	"      yishiting check --db 路径     检查数据库完整性与一致性\n"
	"      yishiting verify --db 路径    核对已签字确认的会议记录是否被改动\n"
	"      yishiting export minutes --db 路径 --meeting 会议编号 [--format pdf|html|txt] [-o 文件] [--gb18030]\n"
	"      yishiting export notice --db 路径 --proposal 议题编号 [--kind decision|result]\n"
	"                              [--format pdf|html|txt] [-o 文件] [--gb18030] [--internal]\n"
	"      yishiting export decisions --db 路径 --format csv|json [-o 文件] [--gb18030]\n"
	"      yishiting export board --db 路径 -o 文件夹\n"
	"      yishiting print minutes --db 路径 --meeting 会议编号 [--printer 打印机]\n"
	"      yishiting print notice --db 路径 --proposal 议题编号 [--kind decision|result] [--internal]\n"
	"                             [--printer 打印机]\n"
	"      yishiting list meetings|proposals|notices --db 路径\n"
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
	"导出与打印：\n"
	"  --meeting 编号       会议编号，如 2026-H-05（见 list meetings）\n"
	"  --proposal 编号      议题编号，如 2026-017（见 list proposals、list notices）\n"
	"  --kind decision      决议公开的公示（默认）；result：实施结果公开的公示\n"
	"  --format 格式        pdf（默认，按 -o 文件的扩展名推断）、html、txt；决议数据为 csv 或 json\n"
	"  -o 文件或文件夹      写到哪里；省略或给出文件夹时，按“编号_标题”起名，\n"
	"                       默认写入 文档/议事厅（设置 export_dir 可改）；决议数据省略时写到标准输出\n"
	"  --gb18030            文本、HTML、CSV 用 GB18030 编码（供旧版 Windows 使用）\n"
	"  --internal           公示的内部版本（含个人信息）；默认是可张贴的公开版本\n"
	"  --printer 打印机     CUPS 打印机名称；默认用设置 printer，再不然用系统默认打印机\n"
	"  list 每行一条记录，以制表符分隔：编号、日期、类型或步骤、标题\n"
	"\n"
	"环境变量：\n"
	"  YISHITING_NOW=\"2026-11-22 14:05\"  固定程序的时钟（测试用）\n"
	"  YISHITING_AMBIWIDTH=2             把“”…等宽度不定的字符按两列计算（默认一列）\n"
	"  YISHITING_TITLE_FONT、YISHITING_BODY_FONT  PDF 的标题、正文字体（fontconfig 字体名，\n"
	"                                    默认 Noto Serif CJK SC）\n";

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

/* ---- export, print, list, verify ------------------------------------------- */

struct cli {
	const char *cmd;         /* export print list verify */
	const char *what;        /* minutes notice decisions board / meetings … */
	const char *db, *meeting, *proposal, *kind, *format, *out, *printer;
	int gb18030, internal;
};

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n（yishiting --help 显示用法）\n");
	return 2;
}

/* options after the command; 0, or 2 with a message */
static int parse_cli(int argc, char **argv, struct cli *c)
{
	static const struct { const char *name; size_t off; } valopts[] = {
		{ "--db", offsetof(struct cli, db) },
		{ "--meeting", offsetof(struct cli, meeting) },
		{ "--proposal", offsetof(struct cli, proposal) },
		{ "--kind", offsetof(struct cli, kind) },
		{ "--format", offsetof(struct cli, format) },
		{ "-o", offsetof(struct cli, out) },
		{ "--output", offsetof(struct cli, out) },
		{ "--printer", offsetof(struct cli, printer) },
	};
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		int done = 0;
		if (strcmp(a, "--gb18030") == 0) {
			c->gb18030 = 1;
			continue;
		}
		if (strcmp(a, "--internal") == 0) {
			c->internal = 1;
			continue;
		}
		for (size_t k = 0; k < YS_ARRAY_LEN(valopts) && !done; k++) {
			size_t n = strlen(valopts[k].name);
			const char **slot = (const char **)((char *)c + valopts[k].off);
			if (strcmp(a, valopts[k].name) == 0) {
				if (i + 1 >= argc)
					return usage_error("%s 后面缺少参数。", a);
				*slot = argv[++i];
				done = 1;
			} else if (n > 2 && strncmp(a, valopts[k].name, n) == 0 && a[n] == '=') {
				*slot = a + n + 1;
				done = 1;
			}
		}
		if (done)
			continue;
		if (!c->what && a[0] != '-') {
			c->what = a;
			continue;
		}
		return usage_error("不认识的参数：%s", a);
	}
	return 0;
}

static struct store *open_existing(const char *db)
{
	char err[512];
	if (access(db, F_OK) != 0) {
		fprintf(stderr, "数据库文件不存在：%s\n", db);
		return NULL;
	}
	struct store *st = store_open(db, 0, err, sizeof err);
	if (!st)
		fprintf(stderr, "无法打开数据库 %s：%s\n", db, err);
	return st;
}

/* options that a command does not take are refused rather than ignored */
static int refuse(const struct cli *c, const char *allowed)
{
	static const struct { const char *name; size_t off; } o[] = {
		{ "--meeting", offsetof(struct cli, meeting) },
		{ "--proposal", offsetof(struct cli, proposal) },
		{ "--kind", offsetof(struct cli, kind) },
		{ "--format", offsetof(struct cli, format) },
		{ "-o", offsetof(struct cli, out) },
		{ "--printer", offsetof(struct cli, printer) },
	};
	for (size_t k = 0; k < YS_ARRAY_LEN(o); k++) {
		const char *const *slot = (const char *const *)((const char *)c + o[k].off);
		if (*slot && !strstr(allowed, o[k].name)) {
			fprintf(stderr, "%s %s 不用 %s 参数。\n", c->cmd, c->what ? c->what : "", o[k].name);
			return 2;
		}
	}
	if (c->gb18030 && !strstr(allowed, "--gb18030")) {
		fprintf(stderr, "%s %s 不用 --gb18030 参数。\n", c->cmd, c->what ? c->what : "");
		return 2;
	}
	if (c->internal && !strstr(allowed, "--internal")) {
		fprintf(stderr, "%s %s 不用 --internal 参数。\n", c->cmd, c->what ? c->what : "");
		return 2;
	}
	return 0;
}

static int is_dir(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static const char *ext_of(int format)
{
	switch (format) {
	case OF_TXT: return "txt";
	case OF_HTML: return "html";
	case OF_CSV: return "csv";
	case OF_JSON: return "json";
	default: return "pdf";
	}
}

/* decision|result (or the Chinese names) → enum notice_kind; 0 if unknown */
static int parse_kind(const char *k)
{
	if (!k || strcmp(k, "decision") == 0 || strcmp(k, "决议公开") == 0 || strcmp(k, "决议") == 0)
		return NK_DECISION;
	if (strcmp(k, "result") == 0 || strcmp(k, "实施结果公开") == 0 || strcmp(k, "结果") == 0)
		return NK_RESULT;
	return 0;
}

/* Build the minutes or the notice the options name.  0, 1 (failed, said
 * why) or 2 (usage). */
static int build_doc(struct store *st, const struct cli *c, struct doc *d)
{
	char err[512];
	if (strcmp(c->what, "minutes") == 0) {
		struct meeting m;
		memset(&m, 0, sizeof m);
		if (!c->meeting) {
			fprintf(stderr, "请用 --meeting 给出会议编号（如 2026-H-05；yishiting list meetings 可列出全部会议）。\n");
			return 2;
		}
		int r = store_meeting_get_number(st, c->meeting, &m);
		if (r != 0) {
			if (r > 0)
				fprintf(stderr, "没有编号为 %s 的会议（yishiting list meetings 可列出全部会议）。\n", c->meeting);
			else
				fprintf(stderr, "读取会议 %s 失败：%s\n", c->meeting, store_errmsg(st));
			meeting_clear(&m);
			return 1;
		}
		doc_init(d, DOC_MINUTES);
		r = minutes_doc(st, m.id, d, err, sizeof err);
		meeting_clear(&m);
		if (r != 0) {
			fprintf(stderr, "无法生成会议记录：%s\n", err);
			return 1;
		}
		return 0;
	}
	/* notice */
	int kind = parse_kind(c->kind);
	if (!kind) {
		fprintf(stderr, "--kind 只能是 decision（决议公开）或 result（实施结果公开），不认识「%s」。\n", c->kind);
		return 2;
	}
	if (!c->proposal) {
		fprintf(stderr, "请用 --proposal 给出议题编号（如 2026-017；yishiting list notices 可列出全部公示）。\n");
		return 2;
	}
	struct proposal p;
	memset(&p, 0, sizeof p);
	int r = store_proposal_get_number(st, c->proposal, &p);
	if (r != 0) {
		if (r > 0)
			fprintf(stderr, "没有编号为 %s 的议题。\n", c->proposal);
		else
			fprintf(stderr, "读取议题 %s 失败：%s\n", c->proposal, store_errmsg(st));
		proposal_clear(&p);
		return 1;
	}
	struct notice n;
	memset(&n, 0, sizeof n);
	r = store_notice_for(st, p.id, kind, &n);
	proposal_clear(&p);
	if (r != 0) {
		if (r > 0)
			fprintf(stderr, "议题 %s 还没有%s的公示。\n", c->proposal,
			        kind == NK_RESULT ? "实施结果公开" : "决议公开");
		else
			fprintf(stderr, "读取议题 %s 的公示失败：%s\n", c->proposal, store_errmsg(st));
		notice_clear(&n);
		return 1;
	}
	doc_init(d, DOC_NOTICE);
	r = notice_doc(st, n.id, !c->internal, d, err, sizeof err);
	notice_clear(&n);
	if (r != 0) {
		fprintf(stderr, "无法生成公示：%s\n", err);
		return 1;
	}
	return 0;
}

static int export_doc(struct store *st, const struct cli *c)
{
	char err[1024], dir[4096];
	int format = OF_PDF;

	if (c->format) {
		format = out_format_parse(c->format);
		if (format != OF_PDF && format != OF_HTML && format != OF_TXT)
			return usage_error("--format 只能是 pdf、html 或 txt，不认识「%s」。", c->format);
	} else if (c->out && !is_dir(c->out)) {
		const char *dot = strrchr(c->out, '.');
		const char *slash = strrchr(c->out, '/');
		int f = dot && (!slash || dot > slash) ? out_format_parse(dot + 1) : -1;
		if (f == OF_PDF || f == OF_HTML || f == OF_TXT)
			format = f;
	}
	if (c->gb18030 && format == OF_PDF) {
		fprintf(stderr, "PDF 自带字体，不需要 --gb18030；--gb18030 用于 txt 和 html。\n");
		return 2;
	}
	struct doc d;
	int rc = build_doc(st, c, &d);
	if (rc != 0)
		return rc;
	char *path;
	if (c->out && !is_dir(c->out)) {
		path = xstrdup(c->out);
	} else {
		if (c->out)
			ys_strlcpy(dir, c->out, sizeof dir);
		else if (out_default_dir(st, dir, sizeof dir, err, sizeof err) != 0) {
			fprintf(stderr, "%s\n", err);
			doc_free(&d);
			return 1;
		}
		char *name = out_filename(&d, ext_of(format));
		size_t dl = strlen(dir);
		path = xasprintf("%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", name);
		free(name);
	}
	if (out_write_doc(&d, format, c->gb18030, path, err, sizeof err) != 0) {
		fprintf(stderr, "导出失败：%s\n", err);
		rc = 1;
	} else {
		printf("已导出：%s\n", path);
	}
	free(path);
	doc_free(&d);
	return rc;
}

static int export_decisions(struct store *st, const struct cli *c)
{
	char err[1024];
	if (!c->format)
		return usage_error("%s请用 --format csv 或 --format json 选择格式。", "");
	int format = out_format_parse(c->format);
	if (format != OF_CSV && format != OF_JSON)
		return usage_error("决议数据的 --format 只能是 csv 或 json，不认识「%s」。", c->format);
	if (c->gb18030 && format == OF_JSON) {
		fprintf(stderr, "JSON 总是 UTF-8 编码；--gb18030 只用于 csv。\n");
		return 2;
	}
	if (!c->out || strcmp(c->out, "-") == 0) {
		if (out_decisions(st, format, c->gb18030, stdout, err, sizeof err) != 0) {
			fprintf(stderr, "导出失败：%s\n", err);
			return 1;
		}
		return 0;
	}
	char *path;
	if (is_dir(c->out)) {
		size_t dl = strlen(c->out);
		path = xasprintf("%s%s决议数据.%s", c->out, dl && c->out[dl - 1] == '/' ? "" : "/",
		                 ext_of(format));
	} else {
		path = xstrdup(c->out);
	}
	/* written beside the target and renamed, so a failure leaves no half file */
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!f) {
		fprintf(stderr, "无法写入 %s：%s\n", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		free(path);
		return 1;
	}
	int rc = out_decisions(st, format, c->gb18030, f, err, sizeof err);
	mode_t um = umask(0);
	umask(um);
	fchmod(fileno(f), 0666 & ~um);
	if (fclose(f) != 0 && rc == 0)
		rc = -1, snprintf(err, sizeof err, "%s", strerror(errno));
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1, snprintf(err, sizeof err, "%s", strerror(errno));
	if (rc != 0) {
		unlink(tmp);
		fprintf(stderr, "导出失败：%s\n", err);
	} else {
		printf("已导出：%s\n", path);
	}
	free(tmp);
	free(path);
	return rc == 0 ? 0 : 1;
}

static int export_board(struct store *st, const struct cli *c)
{
	char err[1024], today[11];
	struct tm now;
	if (!c->out)
		return usage_error("%s请用 -o 指定网页要写入的文件夹。", "");
	ys_now_tm(&now);
	ys_fmt_date(&now, today);
	if (out_board_site(st, c->out, today, err, sizeof err) != 0) {
		fprintf(stderr, "导出公示栏网页失败：%s\n", err);
		return 1;
	}
	size_t dl = strlen(c->out);
	printf("已导出公示栏网页：%s%sindex.html\n", c->out, dl && c->out[dl - 1] == '/' ? "" : "/");
	return 0;
}

static int print_doc(struct store *st, const struct cli *c)
{
	char err[1024], job[512];
	struct doc d;
	int rc = build_doc(st, c, &d);
	if (rc != 0)
		return rc;
	/* the PDF goes into a private temporary folder under its own name
	 * (the print job's title), and is removed once CUPS has it */
	const char *tmpdir = getenv("TMPDIR");
	char *dir = xasprintf("%s/yishiting-print-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "无法创建临时文件夹 %s：%s\n", dir, strerror(errno));
		free(dir);
		doc_free(&d);
		return 1;
	}
	char *name = out_filename(&d, "pdf");
	char *path = xasprintf("%s/%s", dir, name);
	free(name);
	if (out_write_doc(&d, OF_PDF, 0, path, err, sizeof err) != 0) {
		fprintf(stderr, "无法生成 PDF：%s\n", err);
		rc = 1;
	} else if (out_print_pdf(st, path, c->printer, job, sizeof job, err, sizeof err) != 0) {
		fprintf(stderr, "没有打印：%s\n", err);
		rc = 1;
	} else {
		printf("%s\n", job);
	}
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	doc_free(&d);
	return rc;
}

static void print_finding(const char *line, void *arg)
{
	int *n = arg;
	(*n)++;
	printf("  %s\n", line);
}

static int cmd_verify(struct store *st)
{
	int lines = 0;
	printf("核对已签字确认的会议记录……\n");
	int n = seal_verify_all(st, print_finding, &lines);
	if (n < 0) {
		fprintf(stderr, "核对未能完成：%s\n", store_errmsg(st));
		return 1;
	}
	/* how many were checked */
	int sealed = 0;
	char after[16] = "";
	struct seal page[64];
	for (;;) {
		int k = store_seal_page(st, after, page, 64);
		if (k < 0)
			break;
		sealed += k;
		if (k > 0) {
			struct meeting m;
			memset(&m, 0, sizeof m);
			if (store_meeting_get(st, page[k - 1].meeting_id, &m) != 0) {
				meeting_clear(&m);
				break;
			}
			ys_strlcpy(after, m.number, sizeof after);
			meeting_clear(&m);
		}
		if (k < 64)
			break;
	}
	if (n == 0) {
		printf("完好：已签字确认的会议记录共 %d 份，全部与签字时的摘要一致。\n", sealed);
		return 0;
	}
	printf("发现 %d 份记录在签字确认后被改动（共核对 %d 份）。\n", n, sealed);
	return 1;
}

static int cmd_paper(int argc, char **argv, const char *cmd, const char *db_before)
{
	struct cli c;
	memset(&c, 0, sizeof c);
	c.cmd = cmd;
	c.db = db_before;
	int rc = parse_cli(argc, argv, &c);
	if (rc != 0)
		return rc;
	const char *allowed = NULL;
	if (strcmp(cmd, "export") == 0) {
		if (!c.what)
			return usage_error("%sexport 后面要写导出什么：minutes、notice、decisions 或 board。", "");
		if (strcmp(c.what, "minutes") == 0)
			allowed = "--meeting --format -o --gb18030";
		else if (strcmp(c.what, "notice") == 0)
			allowed = "--proposal --kind --format -o --gb18030 --internal";
		else if (strcmp(c.what, "decisions") == 0)
			allowed = "--format -o --gb18030";
		else if (strcmp(c.what, "board") == 0)
			allowed = "-o";
		else
			return usage_error("不认识的导出内容：%s（可以是 minutes、notice、decisions、board）", c.what);
	} else if (strcmp(cmd, "print") == 0) {
		if (!c.what)
			return usage_error("%sprint 后面要写打印什么：minutes 或 notice。", "");
		if (strcmp(c.what, "minutes") == 0)
			allowed = "--meeting --printer";
		else if (strcmp(c.what, "notice") == 0)
			allowed = "--proposal --kind --internal --printer";
		else
			return usage_error("不认识的打印内容：%s（可以是 minutes、notice）", c.what);
	} else if (strcmp(cmd, "list") == 0) {
		if (!c.what)
			return usage_error("%slist 后面要写列出什么：meetings、proposals 或 notices。", "");
		if (strcmp(c.what, "meetings") != 0 && strcmp(c.what, "proposals") != 0 &&
		    strcmp(c.what, "notices") != 0)
			return usage_error("不认识的列表：%s（可以是 meetings、proposals、notices）", c.what);
		allowed = "";
	} else {  /* verify */
		if (c.what)
			return usage_error("不认识的参数：%s", c.what);
		allowed = "";
	}
	if ((rc = refuse(&c, allowed)) != 0)
		return rc;
	if (!c.db) {
		fprintf(stderr, "%s 命令需要 --db 路径。\n", cmd);
		return 2;
	}
	if (setup_locale() != 0)
		return 2;
	struct store *st = open_existing(c.db);
	if (!st)
		return 1;
	if (strcmp(cmd, "export") == 0) {
		if (strcmp(c.what, "decisions") == 0)
			rc = export_decisions(st, &c);
		else if (strcmp(c.what, "board") == 0)
			rc = export_board(st, &c);
		else
			rc = export_doc(st, &c);
	} else if (strcmp(cmd, "print") == 0) {
		rc = print_doc(st, &c);
	} else if (strcmp(cmd, "list") == 0) {
		char err[512];
		rc = out_list(st, c.what, stdout, err, sizeof err) == 0 ? 0 : 1;
		if (rc)
			fprintf(stderr, "%s\n", err);
	} else {
		rc = cmd_verify(st);
	}
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
		} else if (!cmd && (strcmp(a, "export") == 0 || strcmp(a, "print") == 0 ||
		                    strcmp(a, "list") == 0 || strcmp(a, "verify") == 0)) {
			/* these take their own options (and --db) from here on */
			for (int k = i + 1; k < argc; k++)
				if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
					fputs(usage, stdout);
					return 0;
				}
			return cmd_paper(argc - i - 1, argv + i + 1, a, db);
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
