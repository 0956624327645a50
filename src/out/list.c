/* list.c: `yishiting list meetings|proposals|notices` — one line per
 * record, tab-separated: number, date, kind or step, title. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out_int.h"
#include "base/util.h"
#include "model/core.h"
#include "out/output.h"
#include "store/store.h"


/* a field of a tab-separated line: tabs, line breaks and other control
 * characters become spaces */
static void tsv_field(FILE *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		fputc(c < 0x20 || c == 0x7F ? ' ' : c, out);
	}
}

/* one line of fields, up to a NULL */
static void tsv_line(FILE *out, const char *first, ...) __attribute__((sentinel));
static void tsv_line(FILE *out, const char *first, ...)
{
	va_list ap;

	va_start(ap, first);
	for (const char *f = first; f; f = va_arg(ap, const char *)) {
		if (f != first)
			fputc('\t', out);
		tsv_field(out, f);
	}
	va_end(ap);
	fputc('\n', out);
}

const char *out_notice_kind_name(int kind)
{
	return kind == NK_RESULT ? "实施结果公开" : kind == NK_MEETING ? "会议通知" : "决议公开";
}


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
				struct seal sl;
				int sealed = store_seal_get(st, m[i].id, &sl) == 0;
				/* and how it stands: 已延期, 已取消 … */
				tsv_line(out, m[i].number, m[i].date, k ? k->name : "?", m[i].title,
				         meeting_status_name(m[i].status, sealed, m[i].postponed_from[0]),
				         (const char *)NULL);
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
		struct pmerge *pm = out_pmerge_new(STEP_PROPOSE, 1);
		struct proposal p;
		int r;
		while ((r = out_pmerge_next(st, pm, &p)) == 1) {
			char date[11];
			ys_strlcpy(date, p.proposed_on[0] ? p.proposed_on : p.created_at, sizeof date);
			tsv_line(out, p.number, date, out_current_step(&p), p.title, (const char *)NULL);
		}
		out_pmerge_free(pm);
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
				tsv_line(out, nn[i].kind == NK_MEETING ? nn[i].meeting_number
				         : nn[i].proposal_number, nn[i].start_date,
				         out_notice_kind_name(nn[i].kind), nn[i].title, (const char *)NULL);
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
		return ys_err(err, errlen, "写入失败：%s", ys_errno_zh(errno));
	return 0;
}
