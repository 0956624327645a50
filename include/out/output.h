/* output.h: documents leave the program — files in a folder the clerk
 * picks, the printer through CUPS, decisions as data, the notice board as
 * a small static site.  The screens and the command line export and print
 * through the same functions (out_export_*, out_print_doc): the same file
 * names, the same temporary files, the same messages.
 *
 * src/out/: files.c (formats, folders, names, files written whole, GB18030),
 * export.c (the exports), print.c (CUPS), decisions.c (CSV/JSON), list.c,
 * board.c (the static site). */
#ifndef YS_OUTPUT_H
#define YS_OUTPUT_H

#include <stdio.h>
#include "paper/doc.h"
#include "store/store.h"

enum out_format { OF_TXT = 1, OF_HTML, OF_PDF, OF_CSV, OF_JSON, OF_XLSX };
/* "pdf" → OF_PDF …; -1 if unknown */
int out_format_parse(const char *s);
/* OF_PDF → "pdf" … (the extension of the file names) */
const char *out_format_ext(int format);
/* the format a file name asks for by its extension ("x.html" → OF_HTML);
 * -1 when it has none or an unknown one */
int out_format_of_name(const char *path);

/* The default export folder: the setting "export_dir" (the folder the
 * clerk chose last, as it is), else $XDG_DOCUMENTS_DIR (or xdg-user-dirs'
 * DOCUMENTS), else ~/Documents, + "/议事厅".  Created when missing.  0 or
 * -1 with a message. */
int out_default_dir(struct store *st, char *buf, size_t len, char *err, size_t errlen);
/* a name a person recognises: "2026-017_关于加装电梯的公示.pdf"; characters
 * not allowed in file names (/ \ : * ? " < > | and controls) become "_";
 * caller frees */
char *out_filename(const struct doc *d, const char *ext);

/* "决议汇总_2026-11-22.csv": the decisions' file name, dated today (the
 * program's clock); caller frees */
char *out_decisions_filename(int format);
/* where the board site goes unless the clerk says otherwise: the default
 * folder + "/公示栏" (not created here) */
int out_board_default_dir(struct store *st, char *buf, size_t len, char *err, size_t errlen);

/* ---- exports: one path for the screens and the command line -------------
 * Every file is written beside its final name and renamed into place
 * (mkstemp, 0666 less the umask, fsync, rename), so that a failure leaves
 * no half file and an older file of that name untouched; an existing file
 * of the same name is replaced.  On success *path is the file written
 * (caller frees); on failure err is a whole Chinese sentence
 * ("导出失败：无法写入 …"). */
enum out_where {
	/* target is a file, or an existing folder to write into under the
	 * file's own name; NULL or "" = the default folder; a name ending
	 * in "/" is a folder, created when missing */
	OUT_AUTO,
	/* target is a folder (created when missing); NULL = the default one */
	OUT_FOLDER,
};
/* the roster as .xlsx or CSV (CSV may be GB18030), named
 * "花名册_2026-11-22.xlsx" in a folder */
int out_export_roster(struct store *st, int format, int gb18030, const char *target,
                      int where, char **path, char *err, size_t errlen);
/* the statistics of a period: a document (pdf/html/txt, stats_doc) or a
 * workbook (xlsx, a sheet per table), named after the document's title */
struct stats_report;
int out_export_stats(struct store *st, const struct stats_report *rep, int format, int gb18030,
                     const char *target, int where, char **path, char *err, size_t errlen);
/* a document as txt/html/pdf, named out_filename() in a folder */
int out_export_doc(struct store *st, const struct doc *d, int format, int gb18030,
                   const char *target, int where, char **path, char *err, size_t errlen);
/* every decision as CSV/JSON, named out_decisions_filename() in a folder */
int out_export_decisions(struct store *st, int format, int gb18030, const char *target,
                         int where, char **path, char *err, size_t errlen);
/* the board site into the folder dir (created when missing; its pages are
 * replaced), dated today; *index = dir/index.html (caller frees); err is
 * "导出公示栏网页失败：…" */
int out_export_board(struct store *st, const char *dir, char **index, char *err, size_t errlen);
/* Print a document: our own PDF, made in a private temporary folder
 * ($TMPDIR or /tmp, "yishiting-print-XXXXXX") under the document's name —
 * the job's title in the print queue — and sent with out_print_pdf; the
 * folder is removed afterwards, whatever happened.  err is "没有打印：…". */
int out_print_doc(struct store *st, const struct doc *d, const char *dest,
                  char *job, size_t joblen, char *err, size_t errlen);

/* ---- the parts the exports are made of ---------------------------------- */

/* write a doc as txt/html/pdf to path, whole or not at all; gb18030 != 0
 * converts text and HTML to GB18030 (iconv) for older Windows machines (a
 * character that cannot be converted is an error naming it, never
 * silently dropped) */
int out_write_doc(const struct doc *d, int format, int gb18030, const char *path,
                  char *err, size_t errlen);

/* Print a PDF through CUPS (`lp`, destination = dest, else the setting
 * "printer", else the system default).  A clear Chinese message when CUPS
 * is not running or no printer is set up.  job gets "已送打印机 X（作业 Y）". */
int out_print_pdf(struct store *st, const char *pdf_path, const char *dest,
                  char *job, size_t joblen, char *err, size_t errlen);

/* the printers CUPS knows (lpstat -e), one name per line into names;
 * 0 or -1 with a Chinese message (CUPS not running, not installed) */
int out_printers(struct strbuf *names, char *err, size_t errlen);

/* every decision (proposals at RESOLVE or later, and rejected ones that had
 * a vote) with its steps, dates, vote counts and result: CSV (UTF-8 with a
 * BOM, or GB18030) that Excel/WPS opens correctly, or JSON (UTF-8) */
int out_decisions(struct store *st, int format, int gb18030, FILE *out,
                  char *err, size_t errlen);

/* `yishiting list meetings|proposals|notices`: one line per record,
 * tab-separated: number, date, kind or step, title */
int out_list(struct store *st, const char *what, FILE *out, char *err, size_t errlen);

/* the board as a static site in dir (created when missing): index.html (notices now posted, with
 * days left, and recently expired ones marked) and one page per notice,
 * readable on a 1920×1080 lobby screen and on a phone, no script, no
 * network.  today = YYYY-MM-DD. */
int out_board_site(struct store *st, const char *dir, const char *today,
                   char *err, size_t errlen);

/* ---- 民情日记 (issue 10) ----------------------------------------------------
 * the diary as .xlsx or CSV (CSV may be GB18030), every entry newest first
 * with its state today, named 「民情日记_2026-11-22.xlsx」 in a folder */
int out_export_diary(struct store *st, int format, int gb18030, const char *target,
                     int where, char **path, char *err, size_t errlen);
/* `yishiting list diary`: the entries q finds, one per line, and a total */
struct diary_query;
int out_list_diary(struct store *st, const struct diary_query *q, FILE *f, char *err, size_t errlen);

#endif
