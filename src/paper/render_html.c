/* render_html.c: a doc as one self-contained HTML5 page (UTF-8, inline CSS,
 * A4 print styles, no script, no external resource).  Every piece of text
 * goes through html_escape().  A table's head is a <thead>, which browsers
 * repeat at the top of every printed page the table runs over. */
#include <string.h>

#include "paper/doc.h"
#include "base/text.h"
#include "base/util.h"

/* &<>"' become entities; invalid UTF-8 becomes U+FFFD and control
 * characters other than tab and newline are dropped, so that the page is
 * always well-formed; the bidirectional controls are dropped, so that no
 * text shows reordered */
void html_escape(const char *s, struct strbuf *out)
{
	size_t n = s ? strlen(s) : 0, i = 0;

	sb_add(out, "");
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		const char *rep = NULL;

		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: break;
		}
		if (rep) {
			sb_add(out, rep);
			i++;
		} else if (c < 0x80) {
			if (c >= 0x20 ? c != 0x7f : (c == '\n' || c == '\t'))
				sb_addn(out, s + i, 1);
			i++;
		} else {
			wchar_t wc;
			size_t k = text_decode(s + i, n - i, &wc);
			char buf[4];
			if (wc == TEXT_REPLACEMENT || (wc >= 0x80 && wc < 0xa0) ||
			    text_is_bidi_control(wc)) {
				if (wc == TEXT_REPLACEMENT)
					sb_addn(out, buf, text_encode(TEXT_REPLACEMENT, buf));
			} else {
				sb_addn(out, s + i, k);
			}
			i += k;
		}
	}
}

static const char css[] =
	"*{box-sizing:border-box}"
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
	"body{margin:0;background:#eceae4;color:#111;"
	"font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Noto Serif SC\","
	"\"Songti SC\",\"SimSun\",serif;font-size:16px;line-height:1.8}"
	".doc{border-collapse:collapse;width:100%;max-width:210mm;margin:1.5em auto;"
	"background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.2)}"
	".doc>tbody>tr>td{padding:2.5em 2.2em 1.5em}"
	".doc>tfoot>tr>td{padding:.6em 2.2em 1.5em;font-size:12px;color:#444;"
	"font-family:monospace,\"Noto Serif CJK SC\",serif;overflow-wrap:anywhere}"
	"h1{font-size:1.75em;font-weight:bold;text-align:center;margin:.4em 0 .2em;"
	"line-height:1.5;overflow-wrap:anywhere}"
	".subtitle{text-align:center;margin:.2em 0 1em}"
	"h2{font-size:1.1em;font-weight:bold;margin:1.2em 0 .4em}"
	"p{margin:.2em 0;overflow-wrap:anywhere}"
	".field{display:flex;align-items:baseline}"
	".field .label{flex:none;font-weight:bold}"
	".field .text,.line{white-space:pre-wrap;min-width:0}"
	".para{text-indent:2em;white-space:pre-wrap}"
	/* the 落款: the date 右空四字, the 署名 centred on it (GB/T 9704) */
	".signoff{width:max-content;max-width:calc(100% - 4em);margin:.2em 4em .2em auto;text-align:center}"
	".signoff p{margin:0}"
	".center{text-align:center}"
	".sign{display:flex;align-items:flex-end;margin:1.4em 0 .6em}"
	".sign .label{flex:none}"
	".sign .blank{flex:0 1 18em;border-bottom:1px solid #111;min-height:1.6em;"
	"padding:0 .5em;white-space:pre-wrap}"
	".sign.wide .blank{flex:1 1 auto}"
	".doc.notice{font-size:1.125em}"
	".space{height:1em}"
	".pagebreak{break-after:page;page-break-after:always;height:0}"
	".tab{width:100%;border-collapse:collapse;table-layout:fixed;margin:.3em 0}"
	".tab th,.tab td{border:.6pt solid #111;padding:1.5mm 1mm;vertical-align:middle;"
	"text-align:left;white-space:pre-wrap;overflow-wrap:anywhere}"
	".tab th{text-align:center;font-weight:bold}"
	".tab td.c{text-align:center}"
	".chart{margin:.6em 0 1em}.chart .legend{margin:0 0 .4em}"
	".chart .key{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 .8em;vertical-align:-.1em}"
	".bar-row{display:flex;align-items:center;line-height:1.5}"
	".bar-label{flex:0 0 11em;text-align:right;padding-right:.6em;overflow:hidden;white-space:nowrap}"
	".bars{flex:1;display:flex;align-items:center}.bar{display:inline-block;height:.9em}"
	".val{margin-left:.4em;font-size:.85em}"
	".cutline{display:flex;align-items:center;margin:.9em 0}"
	".cutline .scissors{flex:none;margin-right:.3em}"
	"hr.cut{flex:1 1 auto;border:0;border-top:1px dashed #111;margin:0}"
	"@media (max-width:600px){body{font-size:15px}"
	".doc{margin:0;box-shadow:none}.doc>tbody>tr>td{padding:1.2em 1em}"
	".doc>tfoot>tr>td{padding:.6em 1em 1em}}"
	"@page{size:A4;margin:37mm 26mm 30mm 28mm}"
	"@media print{body{background:#fff;font-size:12pt}"
	".doc{max-width:none;margin:0;box-shadow:none}"
	".doc>tbody>tr>td,.doc>tfoot>tr>td{padding:0}"
	".doc>tfoot>tr>td{padding-top:4mm;font-size:8pt}"
	"h1{font-size:22pt}"
	".notice{font-size:16pt}"
	"h2,.field,.sign{break-inside:avoid;page-break-inside:avoid}"
	".tab thead{display:table-header-group}"
	".tab tr{break-inside:avoid;page-break-inside:avoid}"
	"h2{break-after:avoid;page-break-after:avoid}}";

static void tag(struct strbuf *out, const char *open, const char *text, const char *close)
{
	sb_add(out, open);
	html_escape(text, out);
	sb_add(out, close);
	sb_add(out, "\n");
}

/* The table whose B_THEAD is block i: the columns' widths in per cent,
 * the head in a <thead>, each row at least row_mm high (a tr's height is
 * its least height).  The print styles repeat the head on every page and
 * keep a row whole; they name .tab, not every tr, because the page itself
 * is a table (.doc) whose one row holds the whole document.  Returns the
 * block after the table. */
static size_t table(const struct doc *d, size_t i, struct strbuf *out)
{
	const struct block *head = &d->b[i];
	int colw[DOC_MAX_COLS], n = doc_table_cols(head, colw);
	double rel = 0;
	char *cells[DOC_MAX_COLS];
	size_t k;

	for (int c = 0; c < n; c++)
		rel += colw[c];
	sb_add(out, "<table class=\"tab\"><colgroup>");
	for (int c = 0; c < n; c++) {
		/* tenths of a per cent in integers: a decimal comma of the
		 * process's locale would make the width invalid */
		int pm = (int)(1000 * colw[c] / rel + 0.5);

		sb_addf(out, "<col style=\"width:%d.%d%%\">", pm / 10, pm % 10);
	}
	sb_add(out, "</colgroup>\n<thead><tr>");
	doc_cells(head->text, n, cells);
	for (int c = 0; c < n; c++) {
		sb_add(out, "<th>");
		html_escape(cells[c], out);
		sb_add(out, "</th>");
	}
	doc_cells_free(cells, n);
	sb_add(out, "</tr></thead>\n<tbody>\n");
	for (k = i + 1; k < d->n && d->b[k].kind == B_ROW; k++) {
		if (head->row_mm > 0)
			sb_addf(out, "<tr style=\"height:%dmm\">", head->row_mm);
		else
			sb_add(out, "<tr>");
		doc_cells(d->b[k].text, n, cells);
		for (int c = 0; c < n; c++) {
			sb_add(out, head->center_mask >> c & 1 ? "<td class=\"c\">" : "<td>");
			html_escape(cells[c], out);
			sb_add(out, "</td>");
		}
		doc_cells_free(cells, n);
		sb_add(out, "</tr>\n");
	}
	sb_add(out, "</tbody></table>\n");
	return k;
}

/* the colours of a chart's series (the PDF's, pdf_chart.c) */
static const char *const chart_color[] = {
	"#2f5597", "#c55a11", "#7f7f7f", "#70ad47", "#bf9000", "#7030a0",
};

/* B_CHART: a row per label with sized boxes, a legend above */
static void chart(const struct block *b, struct strbuf *out)
{
	struct doc_chart c;

	doc_chart_read(b, &c);
	sb_add(out, "<div class=\"chart\">\n");
	if (c.nseries > 1) {
		sb_add(out, "<p class=\"legend\">");
		for (int k = 0; k < c.nseries; k++) {
			sb_addf(out, "<span class=\"key\" style=\"background:%s\"></span>",
			        chart_color[k % YS_ARRAY_LEN(chart_color)]);
			html_escape(c.series[k], out);
			sb_add(out, " ");
		}
		sb_add(out, "</p>\n");
	}
	for (int r = 0; r < c.nrows; r++) {
		int lines = c.stacked ? 1 : c.nseries;

		for (int k = 0; k < lines; k++) {
			double total = 0;
			char val[32];

			sb_add(out, "<div class=\"bar-row\"><span class=\"bar-label\">");
			if (k == 0)
				html_escape(c.label[r], out);
			sb_add(out, "</span><span class=\"bars\">");
			for (int s = c.stacked ? 0 : k; s < (c.stacked ? c.nseries : k + 1); s++) {
				double v = c.v[r * c.nseries + s];

				sb_addf(out, "<span class=\"bar\" style=\"width:%.1f%%;background:%s\"></span>",
				        v / c.max * 85.0, chart_color[s % YS_ARRAY_LEN(chart_color)]);
				total += v;
			}
			doc_chart_value(total, val, sizeof val);
			sb_addf(out, "<span class=\"val\">%s</span></span></div>\n", val);
		}
	}
	sb_add(out, "</div>\n");
	doc_chart_free(&c);
}

/* the blocks alone, for pages that frame them themselves (the board site) */
void render_html_blocks(const struct doc *d, struct strbuf *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		const char *t = b->text ? b->text : "";

		switch (b->kind) {
		case B_TITLE:
			tag(out, "<h1>", t, "</h1>");
			break;
		case B_SUBTITLE:
			tag(out, "<p class=\"subtitle\">", t, "</p>");
			break;
		case B_HEADING:
			tag(out, "<h2>", t, "</h2>");
			break;
		case B_FIELD:
			if (b->label && *b->label) {
				sb_add(out, "<p class=\"field\"><span class=\"label\">");
				html_escape(b->label, out);
				tag(out, "：</span><span class=\"text\">", t, "</span></p>");
			} else {
				tag(out, "<p class=\"line\">", t, "</p>");
			}
			break;
		case B_PARA:
			tag(out, "<p class=\"para\">", t, "</p>");
			break;
		case B_RIGHT:
			if (i == 0 || d->b[i - 1].kind != B_RIGHT)
				sb_add(out, "<div class=\"signoff\">");
			tag(out, "<p>", t, "</p>");
			if (doc_signoff_date(d, i) == i)
				sb_add(out, "</div>");
			break;
		case B_CENTER:
			tag(out, "<p class=\"center\">", t, "</p>");
			break;
		case B_SIGN:
			if (b->label && *b->label) {
				sb_add(out, "<p class=\"sign\"><span class=\"label\">");
				html_escape(b->label, out);
				tag(out, "：</span><span class=\"blank\">", t, "</span></p>");
			} else {
				tag(out, "<p class=\"sign wide\"><span class=\"blank\">", t,
				    "</span></p>");
			}
			break;
		case B_SPACE:
			sb_add(out, "<div class=\"space\"></div>\n");
			break;
		case B_PAGEBREAK:
			sb_add(out, "<div class=\"pagebreak\"></div>\n");
			break;
		case B_THEAD:
			i = table(d, i, out) - 1;
			break;
		case B_ROW: {            /* one with no table: its cells on a line */
			struct strbuf s = {0};

			sb_add(&s, "");
			for (const char *c = t; *c; c++)
				sb_addn(&s, *c == '\t' ? "  " : c, *c == '\t' ? 2 : 1);
			tag(out, "<p class=\"line\">", s.s, "</p>");
			sb_free(&s);
			break;
		}
		case B_CUT:
			sb_add(out, "<div class=\"cutline\"><span class=\"scissors\">\u2702</span>"
			       "<hr class=\"cut\"></div>\n");
			break;
		case B_CHART:
			chart(b, out);
			break;
		case B_LINE:
		default:
			tag(out, "<p class=\"line\">", t, "</p>");
			break;
		}
	}
}

void render_html(const struct doc *d, struct strbuf *out)
{
	sb_add(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	tag(out, "<title>", d->title ? d->title : "", "</title>");
	sb_add(out, "<style>");
	sb_add(out, css);
	sb_add(out, "</style>\n</head>\n<body>\n");
	sb_addf(out, "<table class=\"doc %s\">\n",
	        d->kind == DOC_NOTICE || d->kind == DOC_MEETING_NOTICE ? "notice" : "minutes");
	/* a table footer repeats at the bottom of every printed page */
	if (d->footer && *d->footer)
		tag(out, "<tfoot><tr><td class=\"footer\">", d->footer, "</td></tr></tfoot>");
	sb_add(out, "<tbody><tr><td>\n");
	render_html_blocks(d, out);
	sb_add(out, "</td></tr></tbody>\n</table>\n</body>\n</html>\n");
}
