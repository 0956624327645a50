/* output.h: documents leave the program — files in a folder the clerk
 * picks, the printer through CUPS, decisions as data, the notice board as
 * a small static site.  Used by the command line and the screens alike. */
#ifndef YS_OUTPUT_H
#define YS_OUTPUT_H

#include <stdio.h>
#include "paper/doc.h"
#include "store/store.h"

enum out_format { OF_TXT = 1, OF_HTML, OF_PDF, OF_CSV, OF_JSON };
/* "pdf" → OF_PDF …; -1 if unknown */
int out_format_parse(const char *s);

/* The default export folder: the setting "export_dir" (the folder the
 * clerk chose last, as it is), else $XDG_DOCUMENTS_DIR (or xdg-user-dirs'
 * DOCUMENTS), else ~/Documents, + "/议事厅".  Created when missing.  0 or
 * -1 with a message. */
int out_default_dir(struct store *st, char *buf, size_t len, char *err, size_t errlen);
/* a name a person recognises: "2026-017_关于加装电梯的公示.pdf"; characters
 * not allowed in file names (/ \ : * ? " < > | and controls) become "_";
 * caller frees */
char *out_filename(const struct doc *d, const char *ext);

/* write a doc as txt/html/pdf to path; gb18030 != 0 converts text and HTML
 * to GB18030 (iconv) for older Windows machines (a character that cannot be
 * converted is an error naming it, never silently dropped) */
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

/* the board as a static site in dir: index.html (notices now posted, with
 * days left, and recently expired ones marked) and one page per notice,
 * readable on a 1920×1080 lobby screen and on a phone, no script, no
 * network.  today = YYYY-MM-DD. */
int out_board_site(struct store *st, const char *dir, const char *today,
                   char *err, size_t errlen);

#endif
