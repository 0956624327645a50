/* doc.h: a document to print — minutes (会议记录) or a notice (公示) — as a
 * list of typed blocks.  Builders read the store and make a doc; renderers
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
	B_RIGHT,        /* right-aligned (落款, 成文日期) */
	B_CENTER,       /* centred line (「散会」) */
	B_SIGN,         /* a signature line: "label：______________" */
	B_SPACE,        /* a blank line */
	B_PAGEBREAK,    /* start a new page (PDF), a form feed in text */
};

struct block {
	int kind;
	char *label;    /* B_FIELD, B_SIGN: the label; else NULL */
	char *text;     /* allocated; never NULL (may be "") */
};

enum doc_kind { DOC_MINUTES = 1, DOC_NOTICE = 2, DOC_CHANGES = 3 };

struct doc {
	int kind;               /* enum doc_kind */
	char *title;            /* for file names and the window title */
	char *number;           /* 2026-H-05 or 2026-017 (file names) */
	char *footer;           /* printed on every page (the seal digest), may be NULL */
	struct block *b;
	size_t n, cap;
};

void doc_init(struct doc *d, int kind);
void doc_free(struct doc *d);
/* add a block; label may be NULL; text is copied */
void doc_add(struct doc *d, int kind, const char *label, const char *text);
void doc_addf(struct doc *d, int kind, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* ---- builders (minutes_doc.c, notice_doc.c) ---------------------------- */
/* The minutes of a meeting with every field a 会议记录 must carry, in order,
 * the addenda (更正) after them, and, when sealed, the digest as footer. */
int minutes_doc(struct store *st, const char *meeting_id, struct doc *d,
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
	double title_pt;         /* 0 = 22 (二号) */
	double body_pt;          /* 0 = 16 (三号) for notices, 12 (小四) for minutes */
};
/* A4 PDF with the fonts embedded (pango/cairo), GB/T 9704 margins (top 37mm,
 * left 28mm, text block 156×225mm), 「第 i 页 共 N 页」 at the bottom of
 * every page and the footer (digest) above it.  0 or -1 with a message. */
int render_pdf(const struct doc *d, const struct pdf_opts *o, const char *path,
               char *err, size_t errlen);

#endif
