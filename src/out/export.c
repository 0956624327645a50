/* export.c: the exports, one path for the screens and the command line.
 * Where the file goes (a folder under the file's own name, or a file the
 * clerk named), how it is named, how it is written (files.c: beside the
 * final name, then renamed) and what the clerk is told on failure are
 * decided here, once.  See output.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out_int.h"
#include "base/clock.h"
#include "base/util.h"
#include "out/output.h"
#include "paper/doc.h"
#include "store/store.h"

static int is_dir(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static void today(char out[11])
{
	struct tm now;
	ys_now_tm(&now);
	ys_fmt_date(&now, out);
}

char *out_decisions_filename(int format)
{
	char day[11];
	today(day);
	return xasprintf("决议汇总_%s.%s", day, out_format_ext(format));
}

int out_board_default_dir(struct store *st, char *buf, size_t len, char *err, size_t errlen)
{
	char dir[4096];
	if (out_default_dir(st, dir, sizeof dir, err, errlen) != 0)
		return -1;
	size_t n = strlen(dir);
	if (ys_snprintf(buf, len, "%s%s公示栏", dir, n && dir[n - 1] == '/' ? "" : "/") != 0)
		return ys_err(err, errlen, "导出文件夹的路径太长");
	return 0;
}

/* The file an export writes: into the folder (made when missing) under
 * name, or the file target names.  NULL with a message in err. */
static char *target_path(struct store *st, const char *target, int where, const char *name,
                         char *err, size_t errlen)
{
	char dir[4096];
	int folder = where == OUT_FOLDER || !target || !*target || is_dir(target) ||
	             target[strlen(target) - 1] == '/';
	if (!folder)
		return xstrdup(target);
	if (target && *target) {
		if (ys_snprintf(dir, sizeof dir, "%s", target) != 0) {
			ys_err(err, errlen, "文件夹的路径太长：%s", target);
			return NULL;
		}
		if (ys_mkdir_p(dir, err, errlen) != 0)
			return NULL;
	} else if (out_default_dir(st, dir, sizeof dir, err, errlen) != 0) {
		return NULL;
	}
	size_t n = strlen(dir);
	return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

/* what each kind of export can be written as */
enum { FAM_DOC, FAM_DATA, FAM_ROSTER, FAM_STATS, FAM_DIARY };
static const struct {
	unsigned formats;        /* 1 << OF_… */
	const char *can;
} families[] = {
	[FAM_DOC] = { 1u << OF_PDF | 1u << OF_HTML | 1u << OF_TXT,
	              "文档只能导出为 PDF（.pdf）、HTML（.html）或纯文本（.txt）" },
	[FAM_DATA] = { 1u << OF_CSV | 1u << OF_JSON, "决议数据只能导出为 CSV（.csv）或 JSON（.json）" },
	[FAM_ROSTER] = { 1u << OF_XLSX | 1u << OF_CSV, "花名册只能导出为 Excel（.xlsx）或 CSV（.csv）" },
	[FAM_STATS] = { 1u << OF_PDF | 1u << OF_HTML | 1u << OF_TXT | 1u << OF_XLSX,
	                "统计只能导出为 PDF（.pdf）、HTML（.html）、纯文本（.txt）或 Excel（.xlsx）" },
	[FAM_DIARY] = { 1u << OF_XLSX | 1u << OF_CSV, "民情日记只能导出为 Excel（.xlsx）或 CSV（.csv）" },
};

/* A file named with an extension that is not the format's (x.docx, or
 * a.txt for a PDF): 1 with the sentence in why, so that no file carries a
 * name that lies about what is in it.  A name without an extension is
 * taken as it is. */
static int ext_mismatch(const char *path, int family, int format, char *why, size_t len)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	int f;

	if (!dot || dot == base || !dot[1])
		return 0;
	static const char *const names[] = {
		[OF_PDF] = "PDF", [OF_HTML] = "HTML", [OF_TXT] = "纯文本", [OF_CSV] = "CSV", [OF_JSON] = "JSON",
		[OF_XLSX] = "Excel",
	};

	f = out_format_of_name(base);
	if (f == format)
		return 0;
	if (f < 0 || !(families[family].formats & 1u << f))
		ys_snprintf(why, len, "不能导出为「%s」这种文件：%s，请把文件名改为以 .%s 结尾", dot,
		            families[family].can, out_format_ext(format));
	else
		ys_snprintf(why, len, "文件名「%s」的扩展名与导出格式不符：%s 应以 .%s 结尾", base,
		            names[format], out_format_ext(format));
	return 1;
}

/* "导出失败：" + what went wrong */
static int failed(char *err, size_t errlen, const char *why)
{
	return ys_err(err, errlen, "导出失败：%s", why);
}

/* a file written through of: committed under p when rc is 0 (*path = p),
 * else dropped, with the writer's why */
static int settle(struct out_file *of, int rc, char *p, char *why, size_t whylen, char **path,
                  char *err, size_t errlen)
{
	if (rc != 0)
		out_file_abort(of);
	else if (out_file_commit(of, why, whylen) != 0)
		rc = -1;
	if (rc != 0) {
		free(p);
		return failed(err, errlen, why);
	}
	*path = p;
	return 0;
}

int out_export_doc(struct store *st, const struct doc *d, int format, int gb18030,
                   const char *target, int where, char **path, char *err, size_t errlen)
{
	char why[1024];
	*path = NULL;
	if (format != OF_PDF && format != OF_HTML && format != OF_TXT)
		return failed(err, errlen, "文档只能导出为 PDF、HTML 或纯文本");
	if (gb18030 && format == OF_PDF)
		return failed(err, errlen, "PDF 自带字体，不用 GB18030 编码；GB18030 用于纯文本和 HTML");
	char *name = out_filename(d, out_format_ext(format));
	char *p = target_path(st, target, where, name, why, sizeof why);
	free(name);
	if (!p)
		return failed(err, errlen, why);
	if (ext_mismatch(p, FAM_DOC, format, why, sizeof why)) {
		free(p);
		return failed(err, errlen, why);
	}
	if (out_write_doc(d, format, gb18030, p, why, sizeof why) != 0) {
		free(p);
		return failed(err, errlen, why);
	}
	*path = p;
	return 0;
}

int out_export_decisions(struct store *st, int format, int gb18030, const char *target,
                         int where, char **path, char *err, size_t errlen)
{
	char why[1024];
	struct out_file of;
	*path = NULL;
	if (format != OF_CSV && format != OF_JSON)
		return failed(err, errlen, "决议数据只能导出为 CSV 或 JSON");
	if (gb18030 && format == OF_JSON)
		return failed(err, errlen, "JSON 总是 UTF-8 编码，不能用 GB18030");
	char *name = out_decisions_filename(format);
	char *p = target_path(st, target, where, name, why, sizeof why);
	free(name);
	if (!p)
		return failed(err, errlen, why);
	if (ext_mismatch(p, FAM_DATA, format, why, sizeof why)) {
		free(p);
		return failed(err, errlen, why);
	}
	if (out_file_open(&of, p, why, sizeof why) != 0) {
		free(p);
		return failed(err, errlen, why);
	}
	return settle(&of, out_decisions(st, format, gb18030, of.f, why, sizeof why), p, why, sizeof why,
	              path, err, errlen);
}

/* a list kept as a sheet for the office (the roster, the diary): .xlsx or
 * CSV, named 「<name>_2026-11-22.xlsx」 */
struct sheet_export {
	int family;
	const char *name;
	int (*csv)(struct store *st, int gb18030, struct strbuf *out, char *err, size_t errlen);
	int (*xlsx)(struct store *st, const char *path, char *err, size_t errlen);
};

static int export_sheet(struct store *st, const struct sheet_export *x, int format, int gb18030,
                        const char *target, int where, char **path, char *err, size_t errlen)
{
	char why[1024], day[11];
	struct out_file of;
	int rc;

	*path = NULL;
	if (format != OF_XLSX && format != OF_CSV)
		return failed(err, errlen, families[x->family].can);
	if (gb18030 && format == OF_XLSX)
		return failed(err, errlen, "Excel 文件不分编码；GB18030 只用于 CSV");
	today(day);
	char *name = xasprintf("%s_%s.%s", x->name, day, out_format_ext(format));
	char *p = target_path(st, target, where, name, why, sizeof why);
	free(name);
	if (!p)
		return failed(err, errlen, why);
	if (ext_mismatch(p, x->family, format, why, sizeof why) || out_file_open(&of, p, why, sizeof why) != 0) {
		free(p);
		return failed(err, errlen, why);
	}
	if (format == OF_CSV) {
		struct strbuf sb = {0};
		rc = x->csv(st, gb18030, &sb, why, sizeof why);
		if (rc == 0 && sb.len && fwrite(sb.s, 1, sb.len, of.f) != sb.len)
			rc = ys_err(why, sizeof why, "写入 %s 失败：%s", p, ys_errno_zh(errno));
		sb_free(&sb);
	} else {
		/* libxlsxwriter writes the file under the temporary name itself */
		fclose(of.f);
		of.f = NULL;
		rc = x->xlsx(st, of.tmp, why, sizeof why);
	}
	return settle(&of, rc, p, why, sizeof why, path, err, errlen);
}

int out_export_stats(struct store *st, const struct stats_report *rep, int format, int gb18030,
                     const char *target, int where, char **path, char *err, size_t errlen)
{
	char why[1024];
	struct community comm;
	struct out_file of;
	struct doc d;
	int rc;

	*path = NULL;
	if (!(families[FAM_STATS].formats & 1u << format))
		return failed(err, errlen, families[FAM_STATS].can);
	if (gb18030 && (format == OF_PDF || format == OF_XLSX))
		return failed(err, errlen, "PDF 和 Excel 文件不分编码；GB18030 只用于纯文本和 HTML");
	if (store_community_get(st, &comm) != 0)
		comm.name[0] = '\0';
	stats_doc(comm.name, rep, &d);
	char *name = out_filename(&d, out_format_ext(format));
	char *p = target_path(st, target, where, name, why, sizeof why);
	free(name);
	if (!p) {
		doc_free(&d);
		return failed(err, errlen, why);
	}
	if (ext_mismatch(p, FAM_STATS, format, why, sizeof why)) {
		doc_free(&d);
		free(p);
		return failed(err, errlen, why);
	}
	if (format != OF_XLSX) {
		rc = out_write_doc(&d, format, gb18030, p, why, sizeof why);
		doc_free(&d);
		if (rc != 0) {
			free(p);
			return failed(err, errlen, why);
		}
		*path = p;
		return 0;
	}
	doc_free(&d);
	if (out_file_open(&of, p, why, sizeof why) != 0) {
		free(p);
		return failed(err, errlen, why);
	}
	/* libxlsxwriter writes the file under the temporary name itself */
	fclose(of.f);
	of.f = NULL;
	rc = out_stats_xlsx(comm.name, rep, of.tmp, why, sizeof why);
	return settle(&of, rc, p, why, sizeof why, path, err, errlen);
}

int out_export_roster(struct store *st, int format, int gb18030, const char *target,
                      int where, char **path, char *err, size_t errlen)
{
	static const struct sheet_export x = { FAM_ROSTER, "花名册", out_roster_csv, out_roster_xlsx };
	return export_sheet(st, &x, format, gb18030, target, where, path, err, errlen);
}

int out_export_diary(struct store *st, int format, int gb18030, const char *target,
                     int where, char **path, char *err, size_t errlen)
{
	static const struct sheet_export x = { FAM_DIARY, "民情日记", out_diary_csv, out_diary_xlsx };
	return export_sheet(st, &x, format, gb18030, target, where, path, err, errlen);
}

int out_export_board(struct store *st, const char *dir, char **index, char *err, size_t errlen)
{
	char why[1024], day[11];
	*index = NULL;
	struct stat sb;
	const char *slash = dir ? strrchr(dir, '/') : NULL, *base = slash ? slash + 1 : dir;
	if (!dir || !*dir)
		return ys_err(err, errlen, "导出公示栏网页失败：没有给出文件夹");
	/* the site is a folder (index.html and a page per notice): a file
	 * name (公示栏.html, x.pdf) would make a folder under that name */
	if ((stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode)) ||
	    (stat(dir, &sb) != 0 && out_format_of_name(base) >= 0))
		return ys_err(err, errlen, "导出公示栏网页失败：「%s」是文件名；公示栏网页是一个文件夹"
		              "（首页 index.html，每条公示一页），-o 请给文件夹，如 公示栏网页", dir);
	today(day);
	if (out_board_site(st, dir, day, why, sizeof why) != 0)
		return ys_err(err, errlen, "导出公示栏网页失败：%s", why);
	size_t n = strlen(dir);
	*index = xasprintf("%s%sindex.html", dir, dir[n - 1] == '/' ? "" : "/");
	return 0;
}

int out_export_attachment(struct store *st, const char *id, const char *target, int where,
                          char **path, char *err, size_t errlen)
{
	char why[1024];
	struct attachment a;
	unsigned char *data;
	size_t n;
	int rc;

	*path = NULL;
	rc = store_attachment_get(st, id, &a);
	if (rc != 0)
		return failed(err, errlen, rc > 0 ? "附件不存在" : store_errmsg(st));
	/* its own name; one made of its title when it had none */
	char *name = a.file_name[0] ? xstrdup(a.file_name)
	           : xasprintf("%s.%s", a.title, strcmp(a.type, "other") ? a.type : "bin");
	for (char *c = name; *c; c++)
		if (*c == '/' || (unsigned char)*c < 0x20)
			*c = '_';
	char *p = target_path(st, target, where, name, why, sizeof why);
	free(name);
	if (!p)
		return failed(err, errlen, why);
	if (store_attachment_data(st, a.id, &data, &n) != 0) {
		free(p);
		return failed(err, errlen, store_errmsg(st));
	}
	/* into a folder under its own name: a file of that name already there
	 * (the clerk's own, or another attachment of the same name) is kept,
	 * and this one becomes 「名称 (2).png」; a file named by the clerk is
	 * written as asked */
	if (!(target && strcmp(p, target) == 0) && access(p, F_OK) == 0) {
		const char *slash = strrchr(p, '/'), *base = slash ? slash + 1 : p;
		const char *dot = strrchr(base, '.');
		size_t stem = dot && dot != base ? (size_t)(dot - p) : strlen(p);
		char *q = NULL;

		for (int k = 2; k < 1000; k++) {
			free(q);
			q = xasprintf("%.*s (%d)%s", (int)stem, p, k, p + stem);
			if (access(q, F_OK) != 0)
				break;
		}
		free(p);
		p = q;
	}
	rc = out_write_file(p, (const char *)data, n, why, sizeof why);
	free(data);
	if (rc != 0) {
		free(p);
		return failed(err, errlen, why);
	}
	*path = p;
	return 0;
}
