/* print.c: paper through CUPS.  The program makes its own A4 PDF (Chinese
 * text sent as plain text prints as boxes) in a private temporary folder,
 * under the document's own name, which CUPS shows as the job's title, and
 * hands it to `lp`; the folder is removed once CUPS has the file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "out_int.h"
#include "base/util.h"
#include "out/output.h"
#include "paper/doc.h"
#include "store/store.h"


/* names of the CUPS destinations (`lpstat -e`), one per line, into sb */
static int list_destinations(struct strbuf *names, char *err, size_t errlen)
{
	char *argv[] = { "lpstat", "-e", NULL };
	int rc = out_run_capture(argv, names, 20);
	if (rc == 127)
		return ys_err(err, errlen, "没有找到打印命令（lpstat）：请安装 CUPS（软件包 cups-client）");
	if (rc == -2)
		return ys_err(err, errlen, "打印服务（CUPS）没有响应：请检查打印服务后再试");
	if (rc != 0) {
		out_chomp(names->s);
		return ys_err(err, errlen, "无法列出打印机：%s", names->s);
	}
	out_chomp(names->s);
	return 0;
}

/* is CUPS there at all?  `lpstat -e` says nothing when it is not */
static int cups_running(char *err, size_t errlen)
{
	struct strbuf o = { 0 };
	char *a_r[] = { "lpstat", "-r", NULL };
	int rc = out_run_capture(a_r, &o, 20);
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
		rc = out_run_capture(a_d, &o, 20);
		const char *k = o.s ? strstr(o.s, "system default destination: ") : NULL;
		if (rc == 0 && k) {
			k += strlen("system default destination: ");
			ys_strlcpy(printer, k, sizeof printer);
			out_chomp(printer);
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
	rc = out_run_capture(a_lp, &o, 120);
	free(title);
	if (rc != 0) {
		if (o.s)
			out_chomp(o.s);
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

int out_print_doc(struct store *st, const struct doc *d, const char *dest,
                  char *job, size_t joblen, char *err, size_t errlen)
{
	char why[1024];
	const char *tmpdir = getenv("TMPDIR");
	char *dir = xasprintf("%s/yishiting-print-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	int rc = 0;

	if (job && joblen)
		job[0] = '\0';
	if (!mkdtemp(dir)) {
		ys_err(err, errlen, "没有打印：无法建立临时文件夹 %s：%s", dir, ys_errno_zh(errno));
		free(dir);
		return -1;
	}
	char *name = out_filename(d, "pdf");
	char *path = xasprintf("%s/%s", dir, name);
	free(name);
	if (out_write_doc(d, OF_PDF, 0, path, why, sizeof why) != 0)
		rc = ys_err(err, errlen, "没有打印：无法生成 PDF：%s", why);
	else if (out_print_pdf(st, path, dest, job, joblen, why, sizeof why) != 0)
		rc = ys_err(err, errlen, "没有打印：%s", why);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	return rc;
}
