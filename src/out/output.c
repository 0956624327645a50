/* output.c: documents leave the program — files in a folder, the printer
 * through CUPS, decisions as CSV/JSON, `yishiting list`, and the notice
 * board as a small static site.  See output.h.
 *
 * Child programs (lp, lpstat, xdg-user-dir) are started with fork/exec,
 * never through a shell, with LC_ALL=C so that their answers can be read,
 * and with a time limit so that a hung CUPS never hangs the program. */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "model/core.h"
#include "paper/doc.h"
#include "out/output.h"
#include "store/store.h"
#include "base/text.h"
#include "base/util.h"

#define SETTING_LEN 1024

int out_format_parse(const char *s)
{
	static const struct { const char *name; int f; } t[] = {
		{ "txt", OF_TXT }, { "text", OF_TXT }, { "html", OF_HTML }, { "htm", OF_HTML },
		{ "pdf", OF_PDF }, { "csv", OF_CSV }, { "json", OF_JSON },
	};
	if (!s)
		return -1;
	for (size_t i = 0; i < YS_ARRAY_LEN(t); i++)
		if (strcasecmp(s, t[i].name) == 0)
			return t[i].f;
	return -1;
}

/* ---- small helpers ---------------------------------------------------------- */

/* mkdir -p */
/* Run argv[0] (searched in PATH) with stdin from /dev/null, stdout and
 * stderr into out, LC_ALL=C, for at most timeout_s seconds.  Returns the
 * exit status, 127 when the program could not be started, -2 on timeout
 * (the child is killed), -1 when fork/pipe failed. */
static int run_capture(char *const argv[], struct strbuf *out, int timeout_s)
{
	int fd[2];
	pid_t pid;
	int status;

	if (pipe(fd) != 0)
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		int nul = open("/dev/null", O_RDONLY);
		if (nul >= 0) {
			dup2(nul, STDIN_FILENO);
			close(nul);
		}
		dup2(fd[1], STDOUT_FILENO);
		dup2(fd[1], STDERR_FILENO);
		close(fd[0]);
		close(fd[1]);
		setenv("LC_ALL", "C", 1);
		setenv("LANG", "C", 1);
		unsetenv("LANGUAGE");
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	time_t deadline = time(NULL) + timeout_s;
	int timed_out = 0;
	for (;;) {
		struct pollfd p = { .fd = fd[0], .events = POLLIN };
		long left = (long)(deadline - time(NULL));
		if (left <= 0) {
			timed_out = 1;
			break;
		}
		int r = poll(&p, 1, (int)(left > 1 ? 1000 : left * 1000));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		if (r == 0)
			continue;
		char buf[4096];
		ssize_t k = read(fd[0], buf, sizeof buf);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		if (out && out->len < 65536)
			sb_addn(out, buf, (size_t)k);
	}
	close(fd[0]);
	if (timed_out)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (out && !out->s)
		sb_add(out, "");
	if (timed_out)
		return -2;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/* strip trailing white space (a child's output) in place */
static void chomp(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
}

/* Write data to path through a temporary file in the same folder and a
 * rename, so that a reader never sees half a file and a failure leaves
 * the old file alone. */
static int write_file(const char *path, const char *data, size_t n, char *err, size_t errlen)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		ys_err(err, errlen, "无法写入 %s：%s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	size_t off = 0;
	while (off < n) {
		ssize_t k = write(fd, data + off, n - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			ys_err(err, errlen, "写入 %s 失败：%s", path, strerror(errno));
			close(fd);
			unlink(tmp);
			free(tmp);
			return -1;
		}
		off += (size_t)k;
	}
	/* the file gets the usual permissions (mkstemp makes it 0600) */
	mode_t um = umask(0);
	umask(um);
	fchmod(fd, 0666 & ~um);
	if (fsync(fd) != 0 || close(fd) != 0) {
		ys_err(err, errlen, "写入 %s 失败：%s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	if (rename(tmp, path) != 0) {
		ys_err(err, errlen, "无法写入 %s：%s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

/* ---- GB18030 ------------------------------------------------------------------ */

/* Convert UTF-8 text to GB18030 and append it to out.  A character that
 * cannot be converted (or a byte that is not UTF-8) is an error naming it
 * and its line; nothing is dropped silently. */
static int to_gb18030(iconv_t cd, const char *in, size_t n, struct strbuf *out,
                      char *err, size_t errlen)
{
	char *ip = (char *)in;
	size_t il = n;
	char buf[4096];

	iconv(cd, NULL, NULL, NULL, NULL);
	while (il > 0) {
		char *op = buf;
		size_t ol = sizeof buf;
		size_t r = iconv(cd, &ip, &il, &op, &ol);
		sb_addn(out, buf, (size_t)(op - buf));
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL: name the character and where it is */
		size_t at = (size_t)(ip - in);
		int line = 1;
		for (size_t i = 0; i < at; i++)
			if (in[i] == '\n')
				line++;
		wchar_t c;
		size_t k = text_decode(ip, il, &c);
		int real = c != TEXT_REPLACEMENT || (k == 3 && memcmp(ip, "\xEF\xBF\xBD", 3) == 0);
		if (real && k > 0 && k < 8) {
			char ch[8];
			memcpy(ch, ip, k);
			ch[k] = '\0';
			return ys_err(err, errlen, "第 %d 行的字符「%s」（U+%04lX）无法转换为 GB18030 编码；"
			              "请改用 UTF-8 导出，或修改这个字符", line, ch, (unsigned long)c);
		}
		return ys_err(err, errlen, "第 %d 行有不是 UTF-8 的字节 0x%02X，无法转换为 GB18030 编码",
		              line, (unsigned)(unsigned char)*ip);
	}
	char *op = buf;
	size_t ol = sizeof buf;
	iconv(cd, NULL, NULL, &op, &ol);
	sb_addn(out, buf, (size_t)(op - buf));
	return 0;
}

static iconv_t gb_open(char *err, size_t errlen)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	if (cd == (iconv_t)-1)
		ys_err(err, errlen, "系统不支持 GB18030 编码转换（iconv）：%s", strerror(errno));
	return cd;
}

static int gb_convert_all(const char *in, size_t n, struct strbuf *out, char *err, size_t errlen)
{
	iconv_t cd = gb_open(err, errlen);
	if (cd == (iconv_t)-1)
		return -1;
	int rc = to_gb18030(cd, in, n, out, err, errlen);
	iconv_close(cd);
	return rc;
}

/* in an HTML page, say charset=gb18030 where it said utf-8 */
static void html_charset_gb(struct strbuf *sb)
{
	for (size_t i = 0; sb->s && i + 8 <= sb->len; i++) {
		if (strncasecmp(sb->s + i, "charset=", 8) != 0)
			continue;
		size_t j = i + 8;
		if (j < sb->len && (sb->s[j] == '"' || sb->s[j] == '\''))
			j++;
		if (j + 5 <= sb->len && strncasecmp(sb->s + j, "utf-8", 5) == 0) {
			struct strbuf nb = { 0 };
			sb_addn(&nb, sb->s, j);
			sb_add(&nb, "gb18030");
			sb_addn(&nb, sb->s + j + 5, sb->len - j - 5);
			sb_free(sb);
			*sb = nb;
			return;
		}
	}
}

/* ---- folders and names ---------------------------------------------------------- */

int out_default_dir(struct store *st, char *buf, size_t len, char *err, size_t errlen)
{
	char val[SETTING_LEN];
	char *base = NULL;
	const char *home = getenv("HOME");

	/* the folder the clerk chose last time, as it is */
	if (st && store_setting_get(st, "export_dir", val, sizeof val) == 0) {
		ys_trim(val);
		if (*val) {
			if (ys_snprintf(buf, len, "%s", val) != 0)
				return ys_err(err, errlen, "导出文件夹的路径太长");
			return ys_mkdir_p(buf, err, errlen);
		}
	}
	if (!base) {
		const char *x = getenv("XDG_DOCUMENTS_DIR");
		if (x && *x)
			base = xstrdup(x);
	}
	if (!base) {
		/* xdg-user-dirs knows the localised folder (~/文档); it prints
		 * $HOME itself when no documents folder is configured */
		struct strbuf o = { 0 };
		char *argv[] = { "xdg-user-dir", "DOCUMENTS", NULL };
		if (run_capture(argv, &o, 5) == 0 && o.s) {
			chomp(o.s);
			if (o.s[0] == '/' && !(home && strcmp(o.s, home) == 0))
				base = xstrdup(o.s);
		}
		sb_free(&o);
	}
	if (!base) {
		if (!home || !*home)
			return ys_err(err, errlen, "不知道把文件导出到哪里：没有设置 HOME；请用 -o 指定文件夹");
		base = xasprintf("%s/Documents", home);
	}
	if (ys_snprintf(buf, len, "%s/议事厅", base) != 0) {
		free(base);
		return ys_err(err, errlen, "导出文件夹的路径太长");
	}
	free(base);
	return ys_mkdir_p(buf, err, errlen);
}

char *out_filename(const struct doc *d, const char *ext)
{
	struct strbuf sb = { 0 };
	const char *num = d && d->number ? d->number : "";
	const char *title = d && d->title ? d->title : "";
	char *raw = *num && *title ? xasprintf("%s_%s", num, title)
	          : xstrdup(*num ? num : *title ? title : "文档");

	/* bytes left for the name before the extension (NAME_MAX is 255) */
	size_t extlen = ext && *ext ? strlen(ext) + 1 : 0;
	size_t max = 240 - extlen;
	const char *p = raw;
	size_t n = strlen(raw);
	while (*p && sb.len < max) {
		wchar_t c;
		size_t k = text_decode(p, n - (size_t)(p - raw), &c);
		if (sb.len + k > max)
			break;
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == TEXT_REPLACEMENT ||
		    c == 0x2028 || c == 0x2029 || strchr("/\\:*?\"<>|", (int)(c < 0x80 ? c : 'a')))
			sb_add(&sb, "_");
		else
			sb_addn(&sb, p, k);
		p += k;
	}
	free(raw);
	/* no name that starts with a dot or a dash, none that is empty or
	 * ends with spaces or dots (Windows refuses those) */
	char *s = sb.s ? sb.s : xstrdup("");
	sb.s = NULL;
	size_t len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '.'))
		s[--len] = '\0';
	char *r;
	if (!*s)
		r = xstrdup("文档");
	else if (s[0] == '.' || s[0] == '-')
		r = xasprintf("_%s", s);
	else
		r = xstrdup(s);
	free(s);
	if (extlen) {
		char *full = xasprintf("%s.%s", r, ext);
		free(r);
		r = full;
	}
	return r;
}

/* ---- documents ---------------------------------------------------------------------- */

int out_write_doc(const struct doc *d, int format, int gb18030, const char *path,
                  char *err, size_t errlen)
{
	struct strbuf sb = { 0 }, gb = { 0 };
	int rc;

	if (!d || !path || !*path)
		return ys_err(err, errlen, "没有要写的文档或文件名");
	switch (format) {
	case OF_TXT:
	case OF_HTML:
		if (format == OF_TXT)
			render_txt(d, 80, &sb);
		else
			render_html(d, &sb);
		if (!sb.s)
			sb_add(&sb, "");
		if (gb18030) {
			if (format == OF_HTML)
				html_charset_gb(&sb);
			if (gb_convert_all(sb.s, sb.len, &gb, err, errlen) != 0) {
				sb_free(&sb);
				sb_free(&gb);
				return -1;
			}
			if (!gb.s)
				sb_add(&gb, "");
			rc = write_file(path, gb.s, gb.len, err, errlen);
		} else {
			rc = write_file(path, sb.s, sb.len, err, errlen);
		}
		sb_free(&sb);
		sb_free(&gb);
		return rc;
	case OF_PDF: {
		/* the PDF carries its fonts: no encoding to choose */
		struct pdf_opts o = { 0 };
		char *tmp = xasprintf("%s.tmp-XXXXXX", path);
		int fd = mkstemp(tmp);
		if (fd < 0) {
			ys_err(err, errlen, "无法写入 %s：%s", path, strerror(errno));
			free(tmp);
			return -1;
		}
		close(fd);
		rc = render_pdf(d, &o, tmp, err, errlen);
		if (rc == 0) {
			mode_t um = umask(0);
			umask(um);
			chmod(tmp, 0666 & ~um);
			if (rename(tmp, path) != 0)
				rc = ys_err(err, errlen, "无法写入 %s：%s", path, strerror(errno));
		}
		if (rc != 0)
			unlink(tmp);
		free(tmp);
		return rc;
	}
	default:
		return ys_err(err, errlen, "文档只能导出为 PDF、HTML 或纯文本");
	}
}

/* ---- printing -------------------------------------------------------------------------- */

/* names of the CUPS destinations (`lpstat -e`), one per line, into sb */
static int list_destinations(struct strbuf *names, char *err, size_t errlen)
{
	char *argv[] = { "lpstat", "-e", NULL };
	int rc = run_capture(argv, names, 20);
	if (rc == 127)
		return ys_err(err, errlen, "没有找到打印命令（lpstat）：请安装 CUPS（软件包 cups-client）");
	if (rc == -2)
		return ys_err(err, errlen, "打印服务（CUPS）没有响应：请检查打印服务后再试");
	if (rc != 0) {
		chomp(names->s);
		return ys_err(err, errlen, "无法列出打印机：%s", names->s);
	}
	chomp(names->s);
	return 0;
}

/* is CUPS there at all?  `lpstat -e` says nothing when it is not */
static int cups_running(char *err, size_t errlen)
{
	struct strbuf o = { 0 };
	char *a_r[] = { "lpstat", "-r", NULL };
	int rc = run_capture(a_r, &o, 20);
	int up = rc == 0 && o.s && strstr(o.s, "scheduler is running");
	sb_free(&o);
	if (rc == 127)
		return ys_err(err, errlen, "没有找到打印命令（lp、lpstat）：请先安装 CUPS 打印服务（软件包 cups）");
	if (!up)
		return ys_err(err, errlen, "打印服务（CUPS）没有运行：请启动打印服务"
		              "（例如 systemctl start cups）后再打印");
	return 0;
}

int out_printers(struct strbuf *names, char *err, size_t errlen)
{
	if (cups_running(err, errlen) != 0)
		return -1;
	return list_destinations(names, err, errlen);
}

static int has_line(const char *lines, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = lines; p && *p; ) {
		const char *e = strchr(p, '\n');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && strncmp(p, name, n) == 0)
			return 1;
		p = e ? e + 1 : p + k;
	}
	return 0;
}

/* "A、B、C" from lines */
static void join_lines(const char *lines, struct strbuf *out)
{
	int first = 1;
	for (const char *p = lines; p && *p; ) {
		const char *e = strchr(p, '\n');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k > 0) {
			if (!first)
				sb_add(out, "、");
			sb_addn(out, p, k);
			first = 0;
		}
		p = e ? e + 1 : p + k;
	}
	if (!out->s)
		sb_add(out, "");
}

int out_print_pdf(struct store *st, const char *pdf_path, const char *dest,
                  char *job, size_t joblen, char *err, size_t errlen)
{
	char printer[SETTING_LEN] = "";
	struct strbuf o = { 0 }, names = { 0 }, avail = { 0 };
	int rc;

	if (job && joblen)
		job[0] = '\0';
	if (!pdf_path || access(pdf_path, R_OK) != 0)
		return ys_err(err, errlen, "要打印的文件不存在：%s", pdf_path ? pdf_path : "");
	if (dest && *dest) {
		ys_strlcpy(printer, dest, sizeof printer);
	} else if (st && store_setting_get(st, "printer", printer, sizeof printer) == 0) {
		ys_trim(printer);
	} else {
		printer[0] = '\0';
	}

	if (cups_running(err, errlen) != 0)
		return -1;

	if (list_destinations(&names, err, errlen) != 0) {
		sb_free(&names);
		return -1;
	}
	join_lines(names.s, &avail);
	if (*printer) {
		if (!has_line(names.s, printer)) {
			if (*avail.s)
				ys_err(err, errlen, "找不到打印机「%s」：可用的打印机有 %s；请指定其中一台（屏幕上在预览中按 d，命令行用 --printer）",
				       printer, avail.s);
			else
				ys_err(err, errlen, "找不到打印机「%s」：系统中还没有可用的打印机，"
				       "请先在系统中添加打印机", printer);
			sb_free(&names);
			sb_free(&avail);
			return -1;
		}
	} else {
		char *a_d[] = { "lpstat", "-d", NULL };
		rc = run_capture(a_d, &o, 20);
		const char *k = o.s ? strstr(o.s, "system default destination: ") : NULL;
		if (rc == 0 && k) {
			k += strlen("system default destination: ");
			ys_strlcpy(printer, k, sizeof printer);
			chomp(printer);
		}
		sb_free(&o);
		if (!*printer) {
			if (*avail.s)
				ys_err(err, errlen, "没有设置默认打印机：请指定一台（屏幕上在预览中按 d，命令行用 --printer；可用的打印机有 %s），"
				       "或在系统中设置默认打印机", avail.s);
			else
				ys_err(err, errlen, "没有可用的打印机：请先在系统中添加打印机");
			sb_free(&names);
			sb_free(&avail);
			return -1;
		}
	}
	sb_free(&names);
	sb_free(&avail);

	/* the job title is the file's name without the folder and ".pdf" */
	const char *slash = strrchr(pdf_path, '/');
	char *title = xstrdup(slash ? slash + 1 : pdf_path);
	size_t tl = strlen(title);
	if (tl > 4 && strcasecmp(title + tl - 4, ".pdf") == 0)
		title[tl - 4] = '\0';
	char *a_lp[] = { "lp", "-d", printer, "-t", title, "--", (char *)pdf_path, NULL };
	rc = run_capture(a_lp, &o, 120);
	free(title);
	if (rc != 0) {
		if (o.s)
			chomp(o.s);
		if (rc == 127)
			ys_err(err, errlen, "没有找到打印命令 lp：请安装 CUPS（软件包 cups-client）");
		else if (rc == -2)
			ys_err(err, errlen, "打印服务（CUPS）没有响应，打印没有完成：请检查打印机「%s」", printer);
		else
			ys_err(err, errlen, "打印机「%s」没有接受打印任务：%s", printer, o.s ? o.s : "");
		sb_free(&o);
		return -1;
	}
	/* "request id is YS-PDF-3 (1 file(s))" */
	char id[256] = "";
	const char *r = o.s ? strstr(o.s, "request id is ") : NULL;
	if (r) {
		r += strlen("request id is ");
		size_t k = strcspn(r, " \n");
		if (k >= sizeof id)
			k = sizeof id - 1;
		memcpy(id, r, k);
		id[k] = '\0';
	}
	sb_free(&o);
	if (job && joblen) {
		if (*id)
			snprintf(job, joblen, "已送打印机 %s（作业 %s）", printer, id);
		else
			snprintf(job, joblen, "已送打印机 %s", printer);
	}
	return 0;
}

/* ---- proposals in number order --------------------------------------------------------
 * The store pages proposals per board column (step, status); a merge of the
 * columns' pages gives every proposal in number order with flat memory. */

#define MERGE_PAGE 32

struct pcol {
	int step;                  /* 1..8 active, or 0 = every ended one */
	struct proposal page[MERGE_PAGE];
	int n, i;
	int done;
	char after[16];
};
struct pmerge {
	struct pcol col[STEP_MAX + 1];
	int ncol;
};

static void pnum(const char *number, int *y, int *s)
{
	*y = *s = 0;
	if (sscanf(number, "%d-%d", y, s) != 2)
		*y = *s = 0;
}

static struct pmerge *pmerge_new(int from_step, int with_ended)
{
	struct pmerge *m = xcalloc(1, sizeof *m);
	for (int s = from_step; s <= STEP_MAX; s++)
		m->col[m->ncol++].step = s;
	if (with_ended)
		m->col[m->ncol++].step = 0;
	return m;
}

static void pmerge_free(struct pmerge *m)
{
	if (!m)
		return;
	for (int c = 0; c < m->ncol; c++)
		for (int i = 0; i < m->col[c].n; i++)
			proposal_clear(&m->col[c].page[i]);
	free(m);
}

static int pcol_fill(struct store *st, struct pcol *c)
{
	if (c->i < c->n || c->done)
		return 0;
	for (int i = 0; i < c->n; i++)
		proposal_clear(&c->page[i]);
	c->n = c->i = 0;
	int n = store_proposal_page(st, c->step, c->after, 1, c->page, MERGE_PAGE);
	if (n < 0)
		return -1;
	c->n = n;
	if (n < MERGE_PAGE)
		c->done = 1;
	if (n > 0)
		ys_strlcpy(c->after, c->page[n - 1].number, sizeof c->after);
	return 0;
}

/* the next proposal in number order into *out (a copy: content NULL);
 * 1 = got one, 0 = no more, -1 = error */
static int pmerge_next(struct store *st, struct pmerge *m, struct proposal *out)
{
	int best = -1, by = 0, bs = 0;
	for (int c = 0; c < m->ncol; c++) {
		if (pcol_fill(st, &m->col[c]) != 0)
			return -1;
		struct pcol *k = &m->col[c];
		if (k->i >= k->n)
			continue;
		int y, s;
		pnum(k->page[k->i].number, &y, &s);
		if (best < 0 || y < by || (y == by && s < bs)) {
			best = c;
			by = y;
			bs = s;
		}
	}
	if (best < 0)
		return 0;
	struct pcol *k = &m->col[best];
	*out = k->page[k->i];
	out->content = NULL;
	k->i++;
	return 1;
}

/* ---- decisions ------------------------------------------------------------------------------ */

#define MAX_ROUNDS 32

struct decision {
	struct proposal p;
	char proposed[11], consulted[11], reviewed[11], resolved[11];
	char mnumber[16], mtitle[256], mdate[11];
	int has_vote;
	struct vote v;
	const char *result;
};

/* the vote with this id on that agenda item, else the item's latest */
static int find_vote(struct store *st, const char *agenda_id, const char *vote_id,
                     struct vote *out)
{
	if (!agenda_id || !*agenda_id)
		return 1;
	struct vote *vs = xcalloc(MAX_ROUNDS, sizeof *vs);
	int n = store_vote_list(st, agenda_id, vs, MAX_ROUNDS);
	int rc = 1;
	if (n < 0) {
		rc = -1;
	} else if (n > 0) {
		int pick = n - 1;
		for (int i = 0; vote_id && *vote_id && i < n; i++)
			if (strcmp(vs[i].id, vote_id) == 0)
				pick = i;
		*out = vs[pick];
		rc = 0;
	}
	free(vs);
	if (rc == 1 && n >= MAX_ROUNDS)   /* more rounds than fit: the latest */
		rc = store_vote_latest(st, agenda_id, out);
	return rc;
}

static void ev_date(const struct pevent *e, char out[11])
{
	const char *src = e->meeting_date[0] ? e->meeting_date : e->at;
	ys_strlcpy(out, src, 11);
}

/* Fill d from p and its events.  1 = not a decision (skip), 0 = ok, -1. */
static int decision_load(struct store *st, const struct proposal *p, struct decision *d,
                         struct pevent **evs, int *nev)
{
	int total = 0;

	memset(d, 0, sizeof *d);
	d->p = *p;
	d->p.content = NULL;
	*evs = NULL;
	*nev = 0;
	if (store_proposal_events(st, p->id, NULL, 0, &total) < 0)
		return -1;
	struct pevent *e = xcalloc(total > 0 ? (size_t)total : 1, sizeof *e);
	int n = store_proposal_events(st, p->id, e, total, NULL);
	if (n < 0) {
		free(e);
		return -1;
	}
	int rejected_with_vote = 0;
	for (int i = 0; i < n; i++) {
		const struct pevent *x = &e[i];
		char dt[11];
		ev_date(x, dt);
		switch (x->action) {
		case ACT_PROPOSE:
			memcpy(d->proposed, dt, sizeof dt);
			break;
		case ACT_FORWARD:
			if (x->to_step == STEP_CONSULT)
				memcpy(d->consulted, dt, sizeof dt);
			else if (x->to_step == STEP_REVIEW)
				memcpy(d->reviewed, dt, sizeof dt);
			else if (x->to_step == STEP_RESOLVE) {
				memcpy(d->resolved, dt, sizeof dt);
				ys_strlcpy(d->mnumber, x->meeting_number, sizeof d->mnumber);
				ys_strlcpy(d->mtitle, x->meeting_title, sizeof d->mtitle);
				ys_strlcpy(d->mdate, x->meeting_date, sizeof d->mdate);
				int r = find_vote(st, x->agenda_id, x->vote_id, &d->v);
				if (r < 0)
					goto fail;
				d->has_vote = r == 0;
			}
			break;
		case ACT_RETURN:
			/* the later steps are done again: their old dates go */
			if (x->to_step < STEP_CONSULT)
				d->consulted[0] = '\0';
			if (x->to_step < STEP_REVIEW)
				d->reviewed[0] = '\0';
			if (x->to_step < STEP_RESOLVE) {
				d->resolved[0] = d->mnumber[0] = d->mtitle[0] = d->mdate[0] = '\0';
				d->has_vote = 0;
			}
			break;
		case ACT_REJECT: {
			/* a 不予采纳 decided by a vote counts as a decision: its
			 * meeting and vote stand in the 决议 columns */
			int r = find_vote(st, x->agenda_id, x->vote_id, &d->v);
			if (r < 0)
				goto fail;
			if (r == 0) {
				rejected_with_vote = 1;
				d->has_vote = 1;
				memcpy(d->resolved, dt, sizeof dt);
				ys_strlcpy(d->mnumber, x->meeting_number, sizeof d->mnumber);
				ys_strlcpy(d->mtitle, x->meeting_title, sizeof d->mtitle);
				ys_strlcpy(d->mdate, x->meeting_date, sizeof d->mdate);
			}
			break;
		}
		default:
			break;
		}
	}
	if (!d->proposed[0])
		ys_strlcpy(d->proposed, p->created_at, sizeof d->proposed);
	if (p->status == PST_ACTIVE && p->step >= STEP_RESOLVE) {
		d->result = d->has_vote && !d->v.passed ? "未通过" : "通过";
	} else if (p->status == PST_REJECTED && rejected_with_vote) {
		d->result = pstatus_name(PST_REJECTED);
	} else {
		for (int i = 0; i < n; i++)
			pevent_clear(&e[i]);
		free(e);
		return 1;
	}
	*evs = e;
	*nev = n;
	return 0;
fail:
	for (int i = 0; i < n; i++)
		pevent_clear(&e[i]);
	free(e);
	return -1;
}

static const char *current_step(const struct proposal *p)
{
	return p->status == PST_ACTIVE ? step_long_name(p->step) : pstatus_name(p->status);
}

/* one CSV field (RFC 4180): quoted when it holds a comma, quote, line
 * break or surrounding space; text that Excel would take for a formula
 * (= + - @ at the start) gets a leading apostrophe */
static void csv_field(struct strbuf *sb, const char *s, int text)
{
	if (!s)
		s = "";
	int quote = strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' ||
	            (*s && s[strlen(s) - 1] == ' ');
	int guard = text && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	                     s[0] == '\t');
	if (quote)
		sb_add(sb, "\"");
	if (guard)
		sb_add(sb, "'");
	for (const char *c = s; *c; c++) {
		if (*c == '"')
			sb_add(sb, "\"\"");
		else
			sb_addn(sb, c, 1);
	}
	if (quote)
		sb_add(sb, "\"");
}

static void csv_int(struct strbuf *sb, int has, int v)
{
	if (has)
		sb_addf(sb, "%d", v);
}

static void json_str(struct strbuf *sb, const char *s)
{
	if (!s) {
		sb_add(sb, "null");
		return;
	}
	sb_add(sb, "\"");
	size_t n = strlen(s);
	for (const char *p = s; *p; ) {
		unsigned char c = (unsigned char)*p;
		if (c == '"') {
			sb_add(sb, "\\\"");
			p++;
		} else if (c == '\\') {
			sb_add(sb, "\\\\");
			p++;
		} else if (c == '\n') {
			sb_add(sb, "\\n");
			p++;
		} else if (c == '\r') {
			sb_add(sb, "\\r");
			p++;
		} else if (c == '\t') {
			sb_add(sb, "\\t");
			p++;
		} else if (c < 0x20 || c == 0x7F) {
			sb_addf(sb, "\\u%04x", c);
			p++;
		} else if (c < 0x80) {
			sb_addn(sb, p, 1);
			p++;
		} else {
			wchar_t w;
			size_t k = text_decode(p, n - (size_t)(p - s), &w);
			if (w == TEXT_REPLACEMENT && !(k == 3 && memcmp(p, "\xEF\xBF\xBD", 3) == 0))
				sb_add(sb, "\\ufffd");      /* not UTF-8: never invalid JSON */
			else if (w == 0x2028 || w == 0x2029)
				sb_addf(sb, "\\u%04x", (unsigned)w);
			else
				sb_addn(sb, p, k);
			p += k ? k : 1;
		}
	}
	sb_add(sb, "\"");
}

/* a date or null */
static void json_date(struct strbuf *sb, const char *s)
{
	if (s && *s)
		json_str(sb, s);
	else
		sb_add(sb, "null");
}

static void json_vote(struct strbuf *sb, const struct vote *v)
{
	sb_addf(sb, "{\"round\":%d,\"method\":", v->round);
	json_str(sb, vote_method_name(v->method));
	sb_addf(sb, ",\"entitled\":%d,\"present\":%d,\"yes\":%d,\"no\":%d,\"abstain\":%d,"
	        "\"not_voted\":%d,\"quorum_ok\":%s,\"passed\":%s,\"rule\":",
	        v->t.entitled, v->t.present, v->t.yes, v->t.no, v->t.abstain,
	        tally_not_voted(&v->t), v->quorum_ok ? "true" : "false",
	        v->passed ? "true" : "false");
	json_str(sb, v->rule.name);
	sb_add(sb, ",\"sentence\":");
	json_str(sb, v->sentence);
	sb_add(sb, ",\"recount_reason\":");
	json_str(sb, v->supersedes[0] ? v->reason : NULL);
	sb_add(sb, ",\"at\":");
	json_date(sb, v->created_at);
	sb_add(sb, "}");
}

static int json_decision(struct store *st, struct strbuf *sb, const struct decision *d,
                         const struct pevent *e, int n)
{
	sb_add(sb, "{\"number\":");
	json_str(sb, d->p.number);
	sb_add(sb, ",\"title\":");
	json_str(sb, d->p.title);
	sb_add(sb, ",\"category\":");
	json_str(sb, d->p.category);
	sb_add(sb, ",\"proposers\":");
	json_str(sb, d->p.proposers);
	sb_add(sb, ",\"result\":");
	json_str(sb, d->result);
	sb_add(sb, ",\"current_step\":");
	json_str(sb, current_step(&d->p));
	sb_add(sb, ",\"dates\":{\"proposed\":");
	json_date(sb, d->proposed);
	sb_add(sb, ",\"consulted\":");
	json_date(sb, d->consulted);
	sb_add(sb, ",\"reviewed\":");
	json_date(sb, d->reviewed);
	sb_add(sb, ",\"resolved\":");
	json_date(sb, d->resolved);
	sb_add(sb, "},\"meeting\":");
	if (d->mnumber[0]) {
		sb_add(sb, "{\"number\":");
		json_str(sb, d->mnumber);
		sb_add(sb, ",\"title\":");
		json_str(sb, d->mtitle);
		sb_add(sb, ",\"date\":");
		json_date(sb, d->mdate);
		sb_add(sb, "}");
	} else {
		sb_add(sb, "null");
	}
	sb_add(sb, ",\"vote\":");
	if (d->has_vote)
		json_vote(sb, &d->v);
	else
		sb_add(sb, "null");
	sb_add(sb, ",\"steps\":[");
	for (int i = 0; i < n; i++) {
		const struct pevent *x = &e[i];
		if (i)
			sb_add(sb, ",");
		sb_add(sb, "{\"at\":");
		json_str(sb, x->at);
		sb_add(sb, ",\"action\":");
		json_str(sb, action_name(x->action));
		sb_add(sb, ",\"from\":");
		json_str(sb, step_long_name(x->from_step));
		sb_add(sb, ",\"to\":");
		json_str(sb, step_long_name(x->to_step));
		sb_add(sb, ",\"status\":");
		json_str(sb, pstatus_name(x->status));
		sb_add(sb, ",\"meeting\":");
		if (x->meeting_id[0]) {
			sb_add(sb, "{\"number\":");
			json_str(sb, x->meeting_number);
			sb_add(sb, ",\"kind\":");
			const struct meeting_kind_def *k = meeting_kind_get(x->meeting_kind);
			json_str(sb, k ? k->name : "");
			sb_add(sb, ",\"title\":");
			json_str(sb, x->meeting_title);
			sb_add(sb, ",\"date\":");
			json_date(sb, x->meeting_date);
			sb_add(sb, "}");
		} else {
			sb_add(sb, "null");
		}
		sb_add(sb, ",\"reason\":");
		json_str(sb, x->reason && *x->reason ? x->reason : NULL);
		sb_add(sb, ",\"vote\":");
		struct vote v;
		int r = find_vote(st, x->agenda_id, x->vote_id, &v);
		if (r < 0)
			return -1;
		if (r == 0)
			json_vote(sb, &v);
		else
			sb_add(sb, "null");
		sb_add(sb, "}");
	}
	sb_add(sb, "]}");
	return 0;
}

static void csv_decision(struct strbuf *sb, const struct decision *d)
{
	char meeting[300] = "";
	if (d->mnumber[0])
		snprintf(meeting, sizeof meeting, "%s %s", d->mnumber, d->mtitle);
	csv_field(sb, d->p.number, 0);
	sb_add(sb, ",");
	csv_field(sb, d->p.title, 1);
	sb_add(sb, ",");
	csv_field(sb, d->p.category, 1);
	sb_add(sb, ",");
	csv_field(sb, d->proposed, 0);
	sb_add(sb, ",");
	csv_field(sb, d->consulted, 0);
	sb_add(sb, ",");
	csv_field(sb, d->reviewed, 0);
	sb_add(sb, ",");
	csv_field(sb, d->resolved, 0);
	sb_add(sb, ",");
	csv_field(sb, meeting, 1);
	sb_add(sb, ",");
	csv_int(sb, d->has_vote, d->v.t.entitled);
	sb_add(sb, ",");
	csv_int(sb, d->has_vote, d->v.t.present);
	sb_add(sb, ",");
	csv_int(sb, d->has_vote, d->v.t.yes);
	sb_add(sb, ",");
	csv_int(sb, d->has_vote, d->v.t.no);
	sb_add(sb, ",");
	csv_int(sb, d->has_vote, d->v.t.abstain);
	sb_add(sb, ",");
	csv_field(sb, d->result, 0);
	sb_add(sb, ",");
	csv_field(sb, current_step(&d->p), 0);
	sb_add(sb, "\r\n");
}

/* write sb to out (converted when cd is open); sb is emptied */
static int emit(FILE *out, iconv_t cd, struct strbuf *sb, char *err, size_t errlen)
{
	int rc = 0;
	if (!sb->len)
		return 0;
	if (cd != (iconv_t)-1) {
		struct strbuf g = { 0 };
		rc = to_gb18030(cd, sb->s, sb->len, &g, err, errlen);
		if (rc == 0 && g.len && fwrite(g.s, 1, g.len, out) != g.len)
			rc = ys_err(err, errlen, "写入失败：%s", strerror(errno));
		sb_free(&g);
	} else if (fwrite(sb->s, 1, sb->len, out) != sb->len) {
		rc = ys_err(err, errlen, "写入失败：%s", strerror(errno));
	}
	sb->len = 0;
	if (sb->s)
		sb->s[0] = '\0';
	return rc;
}

int out_decisions(struct store *st, int format, int gb18030, FILE *out,
                  char *err, size_t errlen)
{
	static const char *const cols[] = {
		"编号", "标题", "类别", "提议日期", "商议日期", "审议日期", "决议日期", "决议会议",
		"应到", "实到", "赞成", "反对", "弃权", "结果", "当前步骤",
	};
	struct strbuf sb = { 0 };
	iconv_t cd = (iconv_t)-1;
	int rc = 0, count = 0;

	if (format != OF_CSV && format != OF_JSON)
		return ys_err(err, errlen, "决议数据只能导出为 CSV 或 JSON");
	if (gb18030) {
		if (format == OF_JSON)
			return ys_err(err, errlen, "JSON 总是 UTF-8 编码，不能用 GB18030");
		cd = gb_open(err, errlen);
		if (cd == (iconv_t)-1)
			return -1;
	}
	if (format == OF_CSV) {
		if (!gb18030)
			sb_add(&sb, "\xEF\xBB\xBF");       /* so that Excel/WPS read UTF-8 */
		for (size_t i = 0; i < YS_ARRAY_LEN(cols); i++) {
			if (i)
				sb_add(&sb, ",");
			sb_add(&sb, cols[i]);
		}
		sb_add(&sb, "\r\n");
	} else {
		sb_add(&sb, "[");
	}
	struct pmerge *m = pmerge_new(STEP_RESOLVE, 1);
	struct proposal p;
	struct decision *d = xcalloc(1, sizeof *d);
	for (;;) {
		int r = pmerge_next(st, m, &p);
		if (r < 0) {
			rc = ys_err(err, errlen, "读取议题失败：%s", store_errmsg(st));
			break;
		}
		if (r == 0)
			break;
		struct pevent *e;
		int n;
		r = decision_load(st, &p, d, &e, &n);
		if (r < 0) {
			rc = ys_err(err, errlen, "读取议题 %s 的流转记录失败：%s", p.number, store_errmsg(st));
			break;
		}
		if (r == 1)
			continue;
		if (format == OF_CSV) {
			csv_decision(&sb, d);
		} else {
			sb_add(&sb, count ? ",\n" : "\n");
			if (json_decision(st, &sb, d, e, n) != 0)
				rc = ys_err(err, errlen, "读取议题 %s 的表决失败：%s", p.number, store_errmsg(st));
		}
		for (int i = 0; i < n; i++)
			pevent_clear(&e[i]);
		free(e);
		count++;
		if (rc == 0 && sb.len > 65536)
			rc = emit(out, cd, &sb, err, errlen);
		if (rc != 0)
			break;
	}
	free(d);
	pmerge_free(m);
	if (rc == 0) {
		if (format == OF_JSON)
			sb_add(&sb, count ? "\n]\n" : "]\n");
		rc = emit(out, cd, &sb, err, errlen);
	}
	if (rc == 0 && fflush(out) != 0)
		rc = ys_err(err, errlen, "写入失败：%s", strerror(errno));
	sb_free(&sb);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	return rc;
}

/* ---- list ------------------------------------------------------------------------------------ */

/* a field of a tab-separated line: tabs, line breaks and other control
 * characters become spaces */
static void tsv_field(FILE *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		fputc(c < 0x20 || c == 0x7F ? ' ' : c, out);
	}
}

static void tsv_line(FILE *out, const char *a, const char *b, const char *c, const char *d)
{
	tsv_field(out, a);
	fputc('\t', out);
	tsv_field(out, b);
	fputc('\t', out);
	tsv_field(out, c);
	fputc('\t', out);
	tsv_field(out, d);
	fputc('\n', out);
}

static const char *notice_kind_name(int kind)
{
	return kind == NK_RESULT ? "实施结果公开" : "决议公开";
}

#define LIST_PAGE 64

int out_list(struct store *st, const char *what, FILE *out, char *err, size_t errlen)
{
	if (!what)
		what = "";
	if (strcmp(what, "meetings") == 0) {
		struct meeting *m = xcalloc(LIST_PAGE, sizeof *m);
		char ad[11] = "", an[16] = "";
		for (;;) {
			int n = store_meeting_page(st, ad, an, m, LIST_PAGE);
			if (n < 0) {
				free(m);
				return ys_err(err, errlen, "读取会议失败：%s", store_errmsg(st));
			}
			for (int i = 0; i < n; i++) {
				const struct meeting_kind_def *k = meeting_kind_get(m[i].kind);
				tsv_line(out, m[i].number, m[i].date, k ? k->name : "?", m[i].title);
			}
			if (n > 0) {
				ys_strlcpy(ad, m[n - 1].date, sizeof ad);
				ys_strlcpy(an, m[n - 1].number, sizeof an);
			}
			for (int i = 0; i < n; i++)
				meeting_clear(&m[i]);
			if (n < LIST_PAGE)
				break;
		}
		free(m);
	} else if (strcmp(what, "proposals") == 0) {
		struct pmerge *pm = pmerge_new(STEP_PROPOSE, 1);
		struct proposal p;
		int r;
		while ((r = pmerge_next(st, pm, &p)) == 1) {
			char date[11];
			ys_strlcpy(date, p.created_at, sizeof date);
			tsv_line(out, p.number, date, current_step(&p), p.title);
		}
		pmerge_free(pm);
		if (r < 0)
			return ys_err(err, errlen, "读取议题失败：%s", store_errmsg(st));
	} else if (strcmp(what, "notices") == 0) {
		struct notice *nn = xcalloc(LIST_PAGE, sizeof *nn);
		char as[11] = "", ai[ID_LEN] = "";
		for (;;) {
			int n = store_notice_page(st, as, ai, nn, LIST_PAGE);
			if (n < 0) {
				free(nn);
				return ys_err(err, errlen, "读取公示失败：%s", store_errmsg(st));
			}
			for (int i = 0; i < n; i++)
				tsv_line(out, nn[i].proposal_number, nn[i].start_date,
				         notice_kind_name(nn[i].kind), nn[i].title);
			if (n > 0) {
				ys_strlcpy(as, nn[n - 1].start_date, sizeof as);
				ys_strlcpy(ai, nn[n - 1].id, sizeof ai);
			}
			for (int i = 0; i < n; i++)
				notice_clear(&nn[i]);
			if (n < LIST_PAGE)
				break;
		}
		free(nn);
	} else {
		return ys_err(err, errlen, "只能列出 meetings（会议）、proposals（议题）或 notices（公示），"
		              "不认识「%s」", what);
	}
	if (fflush(out) != 0)
		return ys_err(err, errlen, "写入失败：%s", strerror(errno));
	return 0;
}

/* ---- the board as a static site ------------------------------------------------------------- */

/* Fluid, one column on a phone, cards side by side on wide screens, large
 * type on a 1920×1080 lobby screen.  Every text may break anywhere when it
 * has to (phone numbers, digests, URLs), so nothing is wider than the
 * screen. */
static const char site_css[] =
	"*,*::before,*::after{box-sizing:border-box}"
	"html{font-size:17px;-webkit-text-size-adjust:100%;text-size-adjust:100%}"
	"body{margin:0;background:#f4f0e6;color:#1c1c1c;line-height:1.75;"
	"font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Songti SC\",\"SimSun\","
	"\"Noto Sans CJK SC\",\"Microsoft YaHei\",serif;overflow-wrap:anywhere;word-break:normal}"
	"a{color:#8e1111}"
	".top{background:#b3261e;color:#fff;padding:1rem 1.25rem}"
	".top h1{margin:0;font-size:1.6rem;line-height:1.4;letter-spacing:.08em}"
	".top p{margin:.3rem 0 0;opacity:.92}"
	".top a{color:#fff}"
	"main{max-width:64rem;margin:0 auto;padding:1rem}"
	"h2.section{font-size:1.25rem;margin:1.2rem 0 .6rem;padding-left:.6rem;border-left:.3rem solid #b3261e}"
	".cards{list-style:none;margin:0;padding:0;display:grid;gap:1rem;"
	"grid-template-columns:repeat(auto-fill,minmax(min(100%,24rem),1fr))}"
	".card{min-width:0;background:#fff;border-left:.4rem solid #b3261e;border-radius:.3rem;"
	"padding:.9rem 1.2rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}"
	".card h3{margin:0 0 .4rem;font-size:1.3rem;line-height:1.45}"
	".card h3 a{color:inherit;text-decoration:none}"
	".card h3 a:hover,.card h3 a:focus{text-decoration:underline}"
	".meta{margin:.15rem 0;color:#444}"
	".badge{display:inline-block;margin:.3rem .5rem .1rem 0;padding:0 .7rem;border-radius:1rem;"
	"background:#1e6b2e;color:#fff;font-weight:bold}"
	".badge.last{background:#b3261e}"
	".expired{color:#666}"
	".card.expired{border-left-color:#9a9a9a}"
	".expired .badge,.badge.expired{background:#777;color:#fff}"
	".nw{white-space:nowrap}"
	".empty{background:#fff;padding:1rem 1.2rem;border-radius:.3rem}"
	".doc{max-width:46rem;margin:0 auto;background:#fff;border-radius:.3rem;"
	"padding:1.2rem clamp(1rem,4vw,3rem);"
	"box-shadow:0 1px 3px rgba(0,0,0,.15)}"
	".doc h1{text-align:center;font-size:1.7rem;line-height:1.45;margin:.4rem 0 .6rem}"
	".doc .subtitle,.doc .center{text-align:center}"
	".doc .field .text,.doc .line,.doc .para{white-space:pre-wrap}"
	".doc .sign .blank{display:inline-block;min-width:10em;border-bottom:1px solid #111}"
	".doc .pagebreak{display:none}"
	".doc .right{text-align:right}"
	".doc .para{text-indent:2em}"
	".doc h2{font-size:1.2rem;margin:1rem 0 .3rem}"
	".doc p{margin:.35rem 0}"
	".doc .label{font-weight:bold}"
	".doc .space{height:.8rem}"
	".doc .digest{font-size:.85rem;color:#555}"
	".status,.objections{max-width:46rem;margin:0 auto 1rem}"
	".objections{margin-top:1.2rem}"
	".objection{background:#fff;border-radius:.3rem;padding:.8rem 1.2rem;margin:.6rem 0;"
	"box-shadow:0 1px 3px rgba(0,0,0,.12)}"
	".objection p{margin:.2rem 0}"
	"footer{max-width:64rem;margin:0 auto;padding:1rem;color:#666;font-size:.9rem}"
	"@media (min-width:1600px){html{font-size:26px}"
	"main,footer{max-width:none;padding:1.2rem 3rem}.top{padding:1.4rem 3rem}}"
	"@media (max-width:480px){html{font-size:16px}main{padding:.6rem}"
	".top{padding:.8rem}.card{padding:.8rem .9rem}.doc{padding:1rem .9rem}"
	".top h1{font-size:1.35rem}.doc h1{font-size:1.4rem}}"
	"@media print{body{background:#fff}.top{background:#fff;color:#000}"
	".card,.doc,.objection{box-shadow:none;border:1px solid #999}}";

static void esc(struct strbuf *sb, const char *s)
{
	html_escape(s ? s : "", sb);
}

/* escaped, with line breaks as <br> */
static void esc_lines(struct strbuf *sb, const char *s)
{
	const char *p = s ? s : "";
	for (;;) {
		const char *e = strchr(p, '\n');
		if (!e) {
			esc(sb, p);
			break;
		}
		char *part = xmalloc((size_t)(e - p) + 1);
		memcpy(part, p, (size_t)(e - p));
		part[e - p] = '\0';
		if (e > p && part[e - p - 1] == '\r')
			part[e - p - 1] = '\0';
		esc(sb, part);
		free(part);
		sb_add(sb, "<br>");
		p = e + 1;
	}
}

static void page_head(struct strbuf *sb, const char *title)
{
	sb_add(sb, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	       "<meta name=\"generator\" content=\"议事厅 yishiting\">\n<title>");
	esc(sb, title);
	sb_add(sb, "</title>\n<style>");
	sb_add(sb, site_css);
	sb_add(sb, "</style>\n</head>\n<body>\n");
}

struct board_item {
	struct notice n;
	char file[64];
	int days_left;           /* counting today; 0 = expired */
	int expired;
	int objections, unanswered;
};

/* 「还剩 3 天」 or 「已过公示期」 */
static void status_badge(struct strbuf *sb, const struct board_item *it)
{
	if (it->expired)
		sb_add(sb, "<span class=\"badge expired\">已过公示期</span>");
	else if (it->days_left <= 1)
		sb_add(sb, "<span class=\"badge last\">今天是公示期最后一天</span>");
	else
		sb_addf(sb, "<span class=\"badge\">还剩 %d 天</span>", it->days_left);
}

static void period_text(struct strbuf *sb, const struct notice *n)
{
	char a[32], b[32];
	if (ys_cn_date(n->start_date, a) != 0)
		ys_strlcpy(a, n->start_date, sizeof a);
	if (ys_cn_date(n->end_date, b) != 0)
		ys_strlcpy(b, n->end_date, sizeof b);
	/* a date is never split over two lines */
	sb_add(sb, "公示期：<span class=\"nw\">");
	esc(sb, a);
	sb_add(sb, "</span>至<span class=\"nw\">");
	esc(sb, b);
	sb_add(sb, "</span>");
}

static void objection_text(struct strbuf *sb, const struct board_item *it)
{
	if (it->objections == 0)
		sb_add(sb, "公示期内未收到异议");
	else if (it->unanswered == 0)
		sb_addf(sb, "收到异议 %d 条，均已答复", it->objections);
	else
		sb_addf(sb, "收到异议 %d 条，%d 条待答复", it->objections, it->unanswered);
}

/* the notice itself: the same blocks as every HTML export */
static void doc_blocks_html(struct strbuf *sb, const struct doc *d)
{
	sb_add(sb, "<article class=\"doc\">\n");
	render_html_blocks(d, sb);
	if (d->footer && *d->footer) {
		sb_add(sb, "<p class=\"digest\">");
		esc_lines(sb, d->footer);
		sb_add(sb, "</p>\n");
	}
	sb_add(sb, "</article>\n");
}

#define OBJ_MAX 200

static int notice_page(struct store *st, const char *dir, const struct board_item *it,
                       const char *site_title, char *err, size_t errlen)
{
	struct doc d;
	struct strbuf sb = { 0 };
	int rc;

	doc_init(&d, DOC_NOTICE);
	if (notice_doc(st, it->n.id, 1, &d, err, errlen) != 0) {
		doc_free(&d);
		return -1;
	}
	page_head(&sb, it->n.title);
	sb_add(&sb, "<header class=\"top\"><h1>");
	esc(&sb, site_title);
	sb_add(&sb, "</h1><p><a href=\"index.html\">← 返回公示栏</a></p></header>\n<main>\n");
	sb_add(&sb, it->expired ? "<p class=\"status expired\">" : "<p class=\"status\">");
	status_badge(&sb, it);
	period_text(&sb, &it->n);
	sb_add(&sb, "</p>\n");
	doc_blocks_html(&sb, &d);
	doc_free(&d);

	/* the objections received in the period and how each was answered;
	 * who objected stays out of the public page */
	struct objection *ob = xcalloc(OBJ_MAX, sizeof *ob);
	int n = store_objection_list(st, it->n.id, ob, OBJ_MAX);
	if (n < 0) {
		free(ob);
		sb_free(&sb);
		return ys_err(err, errlen, "读取异议失败：%s", store_errmsg(st));
	}
	sb_add(&sb, "<section class=\"objections\">\n<h2 class=\"section\">异议及答复</h2>\n");
	if (n == 0)
		sb_add(&sb, "<p class=\"empty\">公示期内未收到异议。</p>\n");
	for (int i = 0; i < n; i++) {
		char day[32], rec[11];
		ys_strlcpy(rec, ob[i].received_at, sizeof rec);
		if (ys_cn_date(rec, day) != 0)
			ys_strlcpy(day, rec, sizeof day);
		sb_addf(&sb, "<div class=\"objection\">\n<p><span class=\"label\">异议 %d</span>（", i + 1);
		esc(&sb, day);
		sb_add(&sb, "收到）：");
		esc_lines(&sb, ob[i].content);
		sb_add(&sb, "</p>\n<p>");
		if (ob[i].answer && *ob[i].answer) {
			char ad[11], aday[32];
			ys_strlcpy(ad, ob[i].answered_at, sizeof ad);
			if (ys_cn_date(ad, aday) != 0)
				ys_strlcpy(aday, ad, sizeof aday);
			sb_add(&sb, "<span class=\"label\">答复</span>");
			if (*aday) {
				sb_add(&sb, "（");
				esc(&sb, aday);
				sb_add(&sb, "）");
			}
			sb_add(&sb, "：");
			esc_lines(&sb, ob[i].answer);
		} else {
			sb_add(&sb, "<span class=\"label\">答复</span>：正在办理，尚未答复。");
		}
		sb_add(&sb, "</p>\n</div>\n");
		objection_clear(&ob[i]);
	}
	free(ob);
	sb_add(&sb, "</section>\n</main>\n<footer>本页由议事厅生成，可在公示栏屏幕或手机上查看。</footer>\n"
	       "</body>\n</html>\n");
	char *path = xasprintf("%s/%s", dir, it->file);
	rc = write_file(path, sb.s, sb.len, err, errlen);
	free(path);
	sb_free(&sb);
	return rc;
}

static void index_card(struct strbuf *sb, const struct board_item *it)
{
	sb_add(sb, it->expired ? "<li class=\"card expired\">\n<h3><a href=\""
	                       : "<li class=\"card\">\n<h3><a href=\"");
	esc(sb, it->file);
	sb_add(sb, "\">");
	esc(sb, it->n.title);
	sb_add(sb, "</a></h3>\n<p class=\"meta\">");
	if (it->n.doc_no[0]) {
		esc(sb, it->n.doc_no);
		sb_add(sb, " · ");
	}
	sb_add(sb, notice_kind_name(it->n.kind));
	sb_add(sb, " · 议题 ");
	esc(sb, it->n.proposal_number);
	sb_add(sb, "</p>\n<p class=\"meta\">");
	period_text(sb, &it->n);
	sb_add(sb, "</p>\n<p class=\"meta\">");
	status_badge(sb, it);
	objection_text(sb, it);
	sb_add(sb, "</p>\n</li>\n");
}

/* how long an expired notice stays on the board (the setting
 * "board_expired_days", default 30) */
static int expired_days(struct store *st)
{
	char v[32];
	if (store_setting_get(st, "board_expired_days", v, sizeof v) == 0) {
		char *end;
		long d = strtol(v, &end, 10);
		if (end != v && d >= 0 && d <= 3660)
			return (int)d;
	}
	return 30;
}

#define BOARD_MAX 500

int out_board_site(struct store *st, const char *dir, const char *today,
                   char *err, size_t errlen)
{
	struct community c;
	char site_title[300], cn_today[32];
	struct board_item *items = NULL;
	int nitems = 0, rc = 0;

	if (!dir || !*dir)
		return ys_err(err, errlen, "请用 -o 指定网页要写入的文件夹");
	if (!today || ys_parse_date(today, NULL) != 0)
		return ys_err(err, errlen, "日期不对：%s", today ? today : "");
	if (ys_mkdir_p(dir, err, errlen) != 0)
		return -1;
	memset(&c, 0, sizeof c);
	int r = store_community_get(st, &c);
	if (r < 0)
		return ys_err(err, errlen, "读取社区信息失败：%s", store_errmsg(st));
	snprintf(site_title, sizeof site_title, "%s居务公开栏", c.name);
	ys_cn_date(today, cn_today);
	int keep = expired_days(st);

	/* notices newest first; a posting period is never a year long, so
	 * the walk stops at notices that began more than a year ago */
	items = xcalloc(BOARD_MAX, sizeof *items);
	struct notice *page = xcalloc(LIST_PAGE, sizeof *page);
	char as[11] = "", ai[ID_LEN] = "";
	int stop = 0;
	while (!stop && nitems < BOARD_MAX) {
		int n = store_notice_page(st, as, ai, page, LIST_PAGE);
		if (n < 0) {
			rc = ys_err(err, errlen, "读取公示失败：%s", store_errmsg(st));
			break;
		}
		for (int i = 0; i < n; i++) {
			struct notice *x = &page[i];
			int ok_dates = ys_parse_date(x->start_date, NULL) == 0 &&
			               ys_parse_date(x->end_date, NULL) == 0;
			if (ok_dates && ys_days_between(x->start_date, today) > 366)
				stop = 1;
			if (!stop && ok_dates && nitems < BOARD_MAX &&
			    ys_days_between(x->start_date, today) >= 0 &&
			    ys_days_between(x->end_date, today) <= keep) {
				struct board_item *it = &items[nitems++];
				it->n = *x;
				x->body = x->channel = NULL;     /* moved into it->n */
				it->expired = ys_days_between(it->n.end_date, today) > 0;
				it->days_left = it->expired ? 0 : ys_days_between(today, it->n.end_date) + 1;
				snprintf(it->file, sizeof it->file, "%04d-%03d_%s.html",
				         it->n.year, it->n.seq, it->n.proposal_number);
				if (store_objection_count(st, it->n.id, &it->objections, &it->unanswered) != 0) {
					it->objections = it->unanswered = 0;
				}
			}
		}
		if (n > 0) {
			ys_strlcpy(as, page[n - 1].start_date, sizeof as);
			ys_strlcpy(ai, page[n - 1].id, sizeof ai);
		}
		for (int i = 0; i < n; i++)
			notice_clear(&page[i]);
		if (n < LIST_PAGE)
			break;
	}
	free(page);

	for (int i = 0; rc == 0 && i < nitems; i++)
		rc = notice_page(st, dir, &items[i], site_title, err, errlen);

	if (rc == 0) {
		struct strbuf sb = { 0 };
		int posted = 0;
		for (int i = 0; i < nitems; i++)
			posted += !items[i].expired;
		page_head(&sb, site_title);
		sb_add(&sb, "<header class=\"top\"><h1>");
		esc(&sb, site_title);
		sb_add(&sb, "</h1><p>");
		esc(&sb, cn_today);
		sb_addf(&sb, "更新 · 正在公示 %d 项</p></header>\n<main>\n", posted);
		sb_add(&sb, "<h2 class=\"section\">正在公示</h2>\n");
		if (posted == 0)
			sb_add(&sb, "<p class=\"empty\">目前没有正在公示的事项。</p>\n");
		else {
			sb_add(&sb, "<ul class=\"cards\">\n");
			for (int i = 0; i < nitems; i++)
				if (!items[i].expired)
					index_card(&sb, &items[i]);
			sb_add(&sb, "</ul>\n");
		}
		if (posted < nitems) {
			sb_add(&sb, "<h2 class=\"section\">已过公示期</h2>\n<ul class=\"cards\">\n");
			for (int i = 0; i < nitems; i++)
				if (items[i].expired)
					index_card(&sb, &items[i]);
			sb_add(&sb, "</ul>\n");
		}
		sb_add(&sb, "</main>\n<footer>");
		if (c.phone[0]) {
			sb_add(&sb, "对公示事项有异议，请在公示期内联系");
			esc(&sb, c.committee[0] ? c.committee : c.name);
			sb_add(&sb, "，电话 ");
			esc(&sb, c.phone);
			sb_add(&sb, "。");
		}
		sb_add(&sb, "本页由议事厅生成。</footer>\n</body>\n</html>\n");
		char *path = xasprintf("%s/index.html", dir);
		rc = write_file(path, sb.s, sb.len, err, errlen);
		free(path);
		sb_free(&sb);
	}
	for (int i = 0; i < nitems; i++)
		notice_clear(&items[i].n);
	free(items);
	return rc;
}
