/* files.c: what every file the program writes shares — the formats and
 * their extensions, the default folder, the names a person recognises,
 * files written whole or not at all, GB18030 for older Windows machines,
 * and child programs (xdg-user-dir here, lp and lpstat in print.c).
 *
 * Child programs are started with fork/exec, never through a shell, with
 * LC_ALL=C so that their answers can be read, and with a time limit so
 * that a hung CUPS never hangs the program. */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
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

#include "out_int.h"
#include "base/text.h"
#include "base/util.h"
#include "out/output.h"
#include "paper/doc.h"
#include "store/store.h"

static const struct { const char *name; int f; } format_names[] = {
	{ "txt", OF_TXT }, { "text", OF_TXT }, { "html", OF_HTML }, { "htm", OF_HTML },
	{ "pdf", OF_PDF }, { "csv", OF_CSV }, { "json", OF_JSON }, { "xlsx", OF_XLSX },
};

int out_format_parse(const char *s)
{
	if (!s)
		return -1;
	for (size_t i = 0; i < YS_ARRAY_LEN(format_names); i++)
		if (strcasecmp(s, format_names[i].name) == 0)
			return format_names[i].f;
	return -1;
}

const char *out_format_ext(int format)
{
	switch (format) {
	case OF_TXT: return "txt";
	case OF_HTML: return "html";
	case OF_CSV: return "csv";
	case OF_JSON: return "json";
	case OF_XLSX: return "xlsx";
	default: return "pdf";
	}
}

int out_format_of_name(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	const char *slash = path ? strrchr(path, '/') : NULL;
	if (!dot || (slash && dot < slash))
		return -1;
	return out_format_parse(dot + 1);
}

/* ---- child programs ----------------------------------------------------------- */

int out_run_capture(char *const argv[], struct strbuf *out, int timeout_s)
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
void out_chomp(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
}
/* ---- files written whole or not at all ------------------------------------------ */

int out_file_open(struct out_file *of, const char *path, char *err, size_t errlen)
{
	memset(of, 0, sizeof *of);
	if (!path || !*path)
		return ys_err(err, errlen, "没有给出文件名");
	of->path = xstrdup(path);
	of->tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(of->tmp);
	if (fd < 0) {
		ys_err(err, errlen, "无法写入 %s：%s", path, ys_errno_zh(errno));
		free(of->tmp);
		free(of->path);
		of->tmp = of->path = NULL;
		return -1;
	}
	of->f = fdopen(fd, "wb");
	if (!of->f) {
		ys_err(err, errlen, "无法写入 %s：%s", path, ys_errno_zh(errno));
		close(fd);
		out_file_abort(of);
		return -1;
	}
	return 0;
}

void out_file_abort(struct out_file *of)
{
	if (of->f)
		fclose(of->f);
	if (of->tmp)
		unlink(of->tmp);
	free(of->tmp);
	free(of->path);
	memset(of, 0, sizeof *of);
}

int out_file_commit(struct out_file *of, char *err, size_t errlen)
{
	mode_t um = umask(0);
	umask(um);
	int rc = 0;
	if (of->f) {
		int fd = fileno(of->f);
		if (fflush(of->f) != 0 || fchmod(fd, 0666 & ~um) != 0 || fsync(fd) != 0)
			rc = ys_err(err, errlen, "写入 %s 失败：%s", of->path, ys_errno_zh(errno));
		if (fclose(of->f) != 0 && rc == 0)
			rc = ys_err(err, errlen, "写入 %s 失败：%s", of->path, ys_errno_zh(errno));
		of->f = NULL;
	} else {
		/* written by another library under its name (the PDF) */
		int fd = open(of->tmp, O_RDONLY);
		if (fd < 0 || fchmod(fd, 0666 & ~um) != 0 || fsync(fd) != 0)
			rc = ys_err(err, errlen, "写入 %s 失败：%s", of->path, ys_errno_zh(errno));
		if (fd >= 0)
			close(fd);
	}
	if (rc == 0 && rename(of->tmp, of->path) != 0)
		rc = ys_err(err, errlen, "无法写入 %s：%s", of->path, ys_errno_zh(errno));
	if (rc != 0) {
		out_file_abort(of);
		return -1;
	}
	free(of->tmp);
	free(of->path);
	memset(of, 0, sizeof *of);
	return 0;
}

int out_write_file(const char *path, const char *data, size_t n, char *err, size_t errlen)
{
	struct out_file of;
	if (out_file_open(&of, path, err, errlen) != 0)
		return -1;
	if (n > 0 && fwrite(data, 1, n, of.f) != n) {
		ys_err(err, errlen, "写入 %s 失败：%s", path, ys_errno_zh(errno));
		out_file_abort(&of);
		return -1;
	}
	return out_file_commit(&of, err, errlen);
}

/* one CSV field (RFC 4180): quoted when it holds a comma, quote, line
 * break or surrounding space; text that Excel would take for a formula
 * (= + - @ at the start) gets a leading apostrophe */
void out_csv_field(struct strbuf *sb, const char *s, int text)
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
		size_t bidi = text_bidi_len(c);

		if (bidi)
			c += bidi - 1;      /* would reorder the cell in Excel */
		else if (*c == '"')
			sb_add(sb, "\"\"");
		else
			sb_addn(sb, c, 1);
	}
	if (quote)
		sb_add(sb, "\"");
}

/* ---- GB18030 ------------------------------------------------------------------ */

/* Convert UTF-8 text to GB18030 and append it to out.  A character that
 * cannot be converted (or a byte that is not UTF-8) is an error naming it
 * and its line; nothing is dropped silently. */
int out_gb_convert(iconv_t cd, const char *in, size_t n, struct strbuf *out,
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

iconv_t out_gb_open(char *err, size_t errlen)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	if (cd == (iconv_t)-1)
		ys_err(err, errlen, "系统不支持 GB18030 编码转换（iconv）：%s", ys_errno_zh(errno));
	return cd;
}

static int gb_convert_all(const char *in, size_t n, struct strbuf *out, char *err, size_t errlen)
{
	iconv_t cd = out_gb_open(err, errlen);
	if (cd == (iconv_t)-1)
		return -1;
	int rc = out_gb_convert(cd, in, n, out, err, errlen);
	iconv_close(cd);
	return rc;
}

/* every line end made CR LF (a CR LF already there stays one) */
static void crlf(struct strbuf *sb)
{
	struct strbuf nb = { 0 };

	sb_add(&nb, "");
	for (size_t i = 0; i < sb->len; i++) {
		if (sb->s[i] == '\n' && (i == 0 || sb->s[i - 1] != '\r'))
			sb_add(&nb, "\r");
		sb_addn(&nb, sb->s + i, 1);
	}
	sb_free(sb);
	*sb = nb;
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
		if (out_run_capture(argv, &o, 5) == 0 && o.s) {
			out_chomp(o.s);
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
			/* a GB18030 text is for old Windows, whose Notepad shows a
			 * lone LF as no line break at all */
			if (format == OF_TXT)
				crlf(&sb);
			if (gb_convert_all(sb.s, sb.len, &gb, err, errlen) != 0) {
				sb_free(&sb);
				sb_free(&gb);
				return -1;
			}
			if (!gb.s)
				sb_add(&gb, "");
			rc = out_write_file(path, gb.s, gb.len, err, errlen);
		} else {
			rc = out_write_file(path, sb.s, sb.len, err, errlen);
		}
		sb_free(&sb);
		sb_free(&gb);
		return rc;
	case OF_PDF: {
		/* the PDF carries its fonts: no encoding to choose.  cairo writes
		 * the temporary file by its name. */
		struct pdf_opts o = { 0 };
		struct out_file of;
		if (out_file_open(&of, path, err, errlen) != 0)
			return -1;
		fclose(of.f);
		of.f = NULL;
		if (render_pdf(d, &o, of.tmp, err, errlen) != 0) {
			out_file_abort(&of);
			return -1;
		}
		return out_file_commit(&of, err, errlen);
	}
	default:
		return ys_err(err, errlen, "文档只能导出为 PDF、HTML 或纯文本");
	}
}
