/* doc.h: a document to print — minutes (会议记录), a notice (公示), a
 * sign-in sheet (签到表), ballots (表决票) — as a list of typed blocks.  Builders read the store and make a doc; renderers
 * turn the same doc into plain text, HTML or PDF, so the screen preview,
 * the files and the paper always say the same thing.  No terminal, no SQL. */
#ifndef YS_DOC_H
#define YS_DOC_H

#include <stddef.h>
#include "store/store.h"
#include "base/util.h"

enum block_kind {
	B_TITLE,        /* the document title: centred, large (2号 for notices) */
	B_SUBTITLE,     /* under the title, centred: 文号 〔2026〕3号, or the meeting number */
	B_HEADING,      /* a section heading: 「一、出席情况」 */
	B_FIELD,        /* "label：text" on one line (wraps under the text) */
	B_PARA,         /* a paragraph, first line indented two characters */
	B_LINE,         /* a line as it is, no indent (list entries, speeches) */
	B_RIGHT,        /* the 落款 of a sealed document (GB/T 9704-2012
	                 * 7.3.5.1): a run of B_RIGHT ends with the 成文日期,
	                 * set 右空四字; the 署名 lines above it are centred on
	                 * the date (flush right when one is too wide for that) */
	B_CENTER,       /* centred line (「散会」) */
	B_SIGN,         /* a signature line: "label：______________" */
	B_SPACE,        /* a blank line */
	B_PAGEBREAK,    /* start a new page (PDF), a form feed in text */
	B_THEAD,        /* a table's head row: cells in text separated by '\t';
	                 * starts a table; the columns come from doc_table();
	                 * repeated at the top of every page the table
	                 * continues on (PDF) */
	B_ROW,          /* a table row: cells separated by '\t' (fewer cells
	                 * than columns = the rest empty); rows of a table
	                 * follow its B_THEAD; any other block ends the table.
	                 * A row with no table before it prints as a line. */
	B_CHART,        /* a bar chart (doc_chart): label holds the series'
	                 * names and text the rows, both tab-separated; bars
	                 * lie across the page, one row of the chart a line.
	                 * Drawn in vectors (PDF), with block characters
	                 * (text), as sized boxes (HTML).  Kept whole on a page */
	B_CUT,          /* a cut line across the text block: a dashed rule with
	                 * 「✂」 at its left end, half a line above and below; in
	                 * text "- - ✂ - - -" across the width.  In a doc of
	                 * pieces (doc.pieces) it separates the pieces */
	B_CONTENTS,     /* the table of contents: one line for every block
	                 * after it whose toc is set (doc_section), indented
	                 * by its level, with the page it landed on in the PDF
	                 * (dot leaders, the number right; the renderer takes
	                 * the pages from a pass before the one it draws) */
	B_IMAGE,        /* a picture (PNG or JPEG bytes in data) on a page of
	                 * its own, scaled to fit the text block under its
	                 * caption (text); in text and HTML the caption (HTML
	                 * shows the picture too) */
};

#define DOC_MAX_COLS 12

struct block {
	int kind;
	char *label;    /* B_FIELD, B_SIGN: the label; else NULL */
	char *text;     /* allocated; never NULL (may be "") */
	/* B_THEAD only (0 in every other block): the table's columns */
	int ncols;
	int colw[DOC_MAX_COLS];  /* relative widths (e.g. 6,16,22,18,26,12); the
	                          * table fills the text block's width */
	int row_mm;              /* the least height of each B_ROW in mm (e.g. 10
	                          * to sign in); 0 = as the text needs */
	int center_mask;         /* bit i set: column i centred (序号, the
	                          * 同意/不同意/弃权 boxes); else left */
	int stacked;             /* B_CHART: the series on top of each other
	                          * (else side by side) */
	/* B_HEADING added by doc_section(): its level in the contents (1, 2);
	 * 0 for every other block */
	int toc;
	/* B_IMAGE only: the picture's bytes (allocated, freed by doc_free) */
	unsigned char *data;
	size_t len;
};

enum doc_kind {
	DOC_MINUTES = 1, DOC_NOTICE = 2, DOC_CHANGES = 3,
	DOC_MEETING_NOTICE = 4,  /* 会议通知: set as a notice */
	DOC_SIGNIN = 5,          /* 签到表 */
	DOC_BALLOTS = 6,         /* 表决票, several to a page */
	DOC_AGENDA = 7,          /* 议程 */
	DOC_SCRIPT = 8,          /* 主持词 */
	DOC_STATS = 9,           /* 统计、年度台账 */
	DOC_DOSSIER = 10,        /* 一事一档: a proposal's whole file */
	DOC_CHRONICLE = 11,      /* 大事记 of a year */
	DOC_NOTES = 12,          /* 书记手记 of a year */
};

enum doc_pageno {
	PN_OF_TOTAL = 0,  /* 「第 i 页 共 N 页」 centred under the block (minutes;
	                   * the default) */
	PN_GB = 1,        /* GB/T 9704-2012: 「— i —」 in 4号 (14 pt), 7 mm below
	                   * the text block; odd pages at the right edge less one
	                   * character (one 14 pt em in from the right edge of
	                   * the block), even pages at the left edge plus one */
	PN_NONE = 2,      /* no page number (ballots are cut apart) */
};

struct doc {
	int kind;               /* enum doc_kind */
	char *title;            /* for file names and the window title */
	char *number;           /* 2026-H-05 or 2026-017 (file names) */
	char *footer;           /* printed on every page (the seal digest), may be NULL */
	struct block *b;
	size_t n, cap;
	int pageno;             /* enum doc_pageno; doc_init sets PN_GB for
	                         * DOC_NOTICE and DOC_MEETING_NOTICE,
	                         * PN_OF_TOTAL otherwise */
	double title_pt;        /* 0 = the renderer's default for the kind (22) */
	double body_pt;         /* 0 = the default for the kind (16 notices, 12
	                         * the others) */
	int pieces;             /* > 0: the doc is pieces to be cut apart (表决票)
	                         * separated by B_CUT, at most this many to a
	                         * page; the PDF divides the text block into
	                         * equal parts, one piece at the top of each,
	                         * the cut lines on the parts' edges, and sets
	                         * fewer to a page when the tallest piece does
	                         * not fit its part.  No piece is split. */
};

void doc_init(struct doc *d, int kind);
void doc_free(struct doc *d);
/* add a block; label may be NULL; text is copied */
void doc_add(struct doc *d, int kind, const char *label, const char *text);
void doc_addf(struct doc *d, int kind, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Start a table: its head row's cells (ncols strings, 1..DOC_MAX_COLS; a
 * NULL cell is empty), the columns' relative widths (NULL: equal), the
 * rows' least height in mm and the centred columns.  A tab in a cell
 * becomes a space (tabs separate the cells). */
void doc_table(struct doc *d, int ncols, const int *colw, int row_mm, int center_mask,
               const char *const *head);
/* a row of the current table: n cells (n <= that table's ncols; more are
 * joined into the last cell, not lost) */
void doc_row(struct doc *d, int n, const char *const *cells);

/* A bar chart: nseries (1..DOC_MAX_COLS - 1) series named series[], nrows rows
 * labelled label[] with the values v[row * nseries + series] (>= 0), side by
 * side or stacked. */
void doc_chart(struct doc *d, int nseries, const char *const *series, int stacked,
               int nrows, const char *const *label, const double *v);
/* A heading that the contents (B_CONTENTS) list, at level 1 or 2. */
void doc_section(struct doc *d, int level, const char *text);
/* A picture on a page of its own: caption, and n bytes of PNG or JPEG
 * (copied) */
void doc_image(struct doc *d, const char *caption, const void *data, size_t n);
/* every block of src appended to d (copies; B_PAGEBREAK too) */
void doc_append(struct doc *d, const struct doc *src);

/* ---- for the renderers ---------------------------------------------------- */
/* A B_CHART block read back: free with doc_chart_free.  max is the longest
 * bar (the largest value, or the largest sum when stacked), at least 1. */
struct doc_chart {
	int nseries, stacked, nrows;
	char *series[DOC_MAX_COLS];
	char **label;
	double *v;
	double max;
};
void doc_chart_read(const struct block *b, struct doc_chart *c);
void doc_chart_free(struct doc_chart *c);
/* the value as the chart prints it: 12, 3.5 */
void doc_chart_value(double v, char *buf, size_t len);
/* a tick step for an axis up to max: 1, 2, 5, 10, 20, 50 … giving at most
 * `ticks` steps */
double doc_chart_step(double max, int ticks);
/* The B_THEAD of the table block i belongs to (i itself for a B_THEAD), or
 * NULL when block i is no table's (a B_ROW after some other block). */
const struct block *doc_table_head(const struct doc *d, size_t i);
/* A table's columns: their number (the head's ncols, else as many as its
 * cells) and their relative widths, each >= 1, into colw. */
int doc_table_cols(const struct block *head, int colw[DOC_MAX_COLS]);
/* The 成文日期 of the 落款 block i is in: the last B_RIGHT of its run. */
size_t doc_signoff_date(const struct doc *d, size_t i);
/* How far a 署名 line of width `name` stands from the right edge of a text
 * block `width` wide, centred on a date of width `date` that stands
 * `date_right` from the edge; 0 (flush right) when it would not fit. */
double doc_signoff_right(double width, double date, double date_right, double name);
/* The EXIF orientation of JPEG bytes, 1..8 (1: as stored, 6: turn a
 * quarter clockwise …); 1 for none or for other bytes.  B_IMAGE is drawn
 * turned as it says (pdf_image.c). */
int image_orientation(const unsigned char *p, size_t n);
/* Split a row's text at its tabs into exactly ncols allocated strings
 * (missing cells ""; cells past the last column joined into it with a
 * space).  Free with doc_cells_free(). */
void doc_cells(const char *text, int ncols, char *cells[DOC_MAX_COLS]);
void doc_cells_free(char *cells[DOC_MAX_COLS], int ncols);

/* ---- builders (minutes_doc.c, notice_doc.c, stats_doc.c) ---------------- */
/* The statistics of a period (model/stats.h) for the archive: the title
 * with the community's name, the year in a paragraph, each table with its
 * note and chart. */
struct stats_report;
void stats_doc(const char *community, const struct stats_report *rep, struct doc *d);

/* The minutes of a meeting with every field a 会议记录 must carry, in order,
 * the addenda (更正) after them, and, when sealed, the digest as footer. */
int minutes_doc(struct store *st, const char *meeting_id, struct doc *d,
                char *err, size_t errlen);
/* One proposal's part of a meeting's minutes, appended to d (the
 * dossier): the meeting's name, date, times, place, chair and clerk, its
 * number, the attendance (应到, 实到, the names), the speeches on the
 * proposal's agenda item, its votes with their result sentences and the
 * conclusion, and the seal with its SM3. */
int minutes_doc_part(struct store *st, const char *meeting_id, const char *proposal_id,
                     struct doc *d, char *err, size_t errlen);
/* the objections to a notice and their answers, appended to d (the
 * internal notice ends with them; the dossier has them in a section) */
int notice_objections_doc(struct store *st, const char *notice_id, struct doc *d,
                          char *err, size_t errlen);
/* A proposal's dossier (一事一档), ready to file: a cover, the contents,
 * the proposal, its course, every meeting's part of the minutes, the
 * notices as posted, the implementation, the objections and answers, the
 * attachments (a list with their SM3; pictures on pages of their own)
 * and the seals' digests.  dossier.c. */
int dossier_doc(struct store *st, const char *proposal_id, struct doc *d,
                char *err, size_t errlen);

/* A notice (标题, 文号, 主送, 正文, 公示期, 异议渠道, 落款, 成文日期).  public_version != 0 leaves out personal data
 * the notice does not need (phone numbers other than the objection line,
 * reasons for absence, names of objectors). */
int notice_doc(struct store *st, const char *notice_id, int public_version,
               struct doc *d, char *err, size_t errlen);
/* the same for a notice in hand: a draft (no id, no number yet) prints
 * 「（文号在张贴时编定）」 where the number goes */
int notice_doc_of(struct store *st, const struct notice *n, int public_version,
                  struct doc *d, char *err, size_t errlen);

/* The change log of a record (entity "meeting" or "proposal"): each change
 * with when, who, what, the old and new value and the reason. */
int changes_doc(struct store *st, const char *entity, const char *id, struct doc *d,
                char *err, size_t errlen);

/* ---- 大事记 and 书记手记 (chronicle_doc.c) ----------------------------------- */
/* a line of the 大事记 as it is printed and shown: 「召开2026年第1次党员大会
 * （应到45人，实到38人）」 (without its date), appended to out */
void chronicle_line(const struct chron_item *it, struct strbuf *out);
/* 「XX社区2026年大事记」: the year's lines not hidden, by month, each with
 * its date; an empty year says so */
int chronicle_doc(struct store *st, int year, struct doc *d, char *err, size_t errlen);
/* 「XX社区2026年书记手记」: every note of the year in date order, with its
 * author and the meetings and matters it speaks of */
int notes_doc(struct store *st, int year, struct doc *d, char *err, size_t errlen);

/* ---- renderers ----------------------------------------------------------- */
/* plain text wrapped at `cols` display columns (Chinese line-breaking rules),
 * UTF-8; pages are not numbered (use the PDF for paper) */
void render_txt(const struct doc *d, int cols, struct strbuf *out);
/* a complete HTML5 page (UTF-8, inline CSS, A4 print styles); every text
 * the clerk typed is escaped */
void render_html(const struct doc *d, struct strbuf *out);
/* the blocks alone (no page, no footer): <h1>, <p class="para"> …, for a
 * page that frames them itself; classes as in render_html's style sheet */
void render_html_blocks(const struct doc *d, struct strbuf *out);
/* escape &<>"' for HTML into out */
void html_escape(const char *s, struct strbuf *out);

struct pdf_opts {
	/* fontconfig families; NULL = $YISHITING_TITLE_FONT / $YISHITING_BODY_FONT,
	 * else "Noto Serif CJK SC" */
	const char *title_font;
	const char *body_font;
	double title_pt;         /* 0 = d->title_pt, else 22 (二号) */
	double body_pt;          /* 0 = d->body_pt, else 16 (三号) for notices,
	                          * 12 (小四) for the others */
};
/* A4 PDF with the fonts embedded (pango/cairo), GB/T 9704 margins (top 37mm,
 * left 28mm, text block 156×225mm), the page number as d->pageno says at
 * the bottom of every page and the footer (digest) above it.  The sizes:
 * pdf_opts', else the doc's, else the kind's.  0 or -1 with a message. */
int render_pdf(const struct doc *d, const struct pdf_opts *o, const char *path,
               char *err, size_t errlen);
/* A doc of pieces: how many go to a page in the PDF (d->pieces, or fewer
 * when they do not fit); 0 for other docs, -1 with a message. */
int render_pdf_pieces(const struct doc *d, const struct pdf_opts *o, char *err, size_t errlen);

#endif
