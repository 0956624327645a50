/* out_int.h: what the files of src/out/ share — child programs, files
 * written whole or not at all, GB18030, and proposals in number order.
 * Private to src/out/. */
#ifndef YS_OUT_INT_H
#define YS_OUT_INT_H

#include <iconv.h>
#include <stdio.h>

#include "base/util.h"
#include "store/store.h"

#define SETTING_LEN 1024
#define LIST_PAGE 64

/* ---- child programs (files.c) ---------------------------------------------
 * Run argv[0] (searched in PATH) with stdin from /dev/null, stdout and
 * stderr into out, LC_ALL=C, for at most timeout_s seconds; never through a
 * shell.  Returns the exit status, 127 when the program could not be
 * started, -2 on timeout (the child is killed), -1 when fork/pipe failed. */
int out_run_capture(char *const argv[], struct strbuf *out, int timeout_s);
/* strip trailing white space (a child's output) in place */
void out_chomp(char *s);

/* ---- files written whole or not at all (files.c) ---------------------------
 * Every file the program writes goes through a temporary file beside it
 * ("NAME.tmp-XXXXXX", mkstemp) and a rename, so that a reader never sees
 * half a file and a failure leaves the old file alone.  The file gets the
 * usual permissions (0666 less the umask), not mkstemp's 0600. */
struct out_file {
	char *path, *tmp;
	FILE *f;              /* open for writing; NULL once closed */
};
/* 0, or -1 with "无法写入 PATH：why" */
int out_file_open(struct out_file *of, const char *path, char *err, size_t errlen);
/* close what is still open, set the permissions, sync, rename over path;
 * on failure the temporary file is removed.  0 or -1 with a message. */
int out_file_commit(struct out_file *of, char *err, size_t errlen);
/* give up: close and remove the temporary file */
void out_file_abort(struct out_file *of);
/* one CSV field (RFC 4180) appended to sb; text: guarded against Excel
 * taking it for a formula */
void out_csv_field(struct strbuf *sb, const char *s, int text);
/* the roster as CSV (BOM and UTF-8, or GB18030; CR LF) appended to out,
 * or as an .xlsx workbook written to path (roster.c) */
int out_roster_csv(struct store *st, int gb18030, struct strbuf *out, char *err, size_t errlen);
int out_roster_xlsx(struct store *st, const char *path, char *err, size_t errlen);
/* the statistics of a period (model/stats.h) as an .xlsx workbook (stats.c) */
struct stats_report;
int out_stats_xlsx(const char *community, const struct stats_report *rep, const char *path,
                   char *err, size_t errlen);
/* the diary the same way, newest first (diary.c) */
int out_diary_csv(struct store *st, int gb18030, struct strbuf *out, char *err, size_t errlen);
int out_diary_xlsx(struct store *st, const char *path, char *err, size_t errlen);
/* data written to path through the above */
int out_write_file(const char *path, const char *data, size_t n, char *err, size_t errlen);

/* ---- GB18030 (files.c) ------------------------------------------------------ */
iconv_t out_gb_open(char *err, size_t errlen);
/* UTF-8 → GB18030 appended to out; a character that cannot be converted is
 * an error naming it and its line, never dropped silently */
int out_gb_convert(iconv_t cd, const char *in, size_t n, struct strbuf *out,
                   char *err, size_t errlen);

/* ---- proposals in number order (decisions.c) -------------------------------- */
struct pmerge;
/* every active proposal from from_step on, and the ended ones when asked */
struct pmerge *out_pmerge_new(int from_step, int with_ended);
void out_pmerge_free(struct pmerge *m);
/* the next proposal in number order into *out (a copy: content NULL);
 * 1 = got one, 0 = no more, -1 = error */
int out_pmerge_next(struct store *st, struct pmerge *m, struct proposal *out);

/* names as the lists and the site show them */
const char *out_current_step(const struct proposal *p);
const char *out_notice_kind_name(int kind);

#endif
