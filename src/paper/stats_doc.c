/* stats_doc.c: the statistics of a year or a period as a document — the
 * annual ledger (年度台账) a community files and reports: the year in one
 * paragraph, then each table with its note and, where it helps, its chart.
 * The numbers are the report's (model/stats.c); nothing is counted here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paper/doc.h"
#include "model/stats.h"
#include "base/util.h"
#include "base/clock.h"

static void table(struct doc *d, const struct stat_table *t, int no)
{
	const char *head[DOC_MAX_COLS];
	int colw[DOC_MAX_COLS], n = t->ncols + 1 < DOC_MAX_COLS ? t->ncols + 1 : DOC_MAX_COLS;
	char cells[DOC_MAX_COLS][48];
	const char *cellp[DOC_MAX_COLS];

	doc_addf(d, B_HEADING, NULL, "%s、%s", stat_number_cn(no + 1), t->title);
	head[0] = t->label_head;
	colw[0] = 22;
	for (int c = 1; c < n; c++) {
		head[c] = t->head[c - 1];
		colw[c] = 10;
	}
	doc_table(d, n, colw, 0, ~1 & ((1 << n) - 1), head);
	for (int r = 0; r < t->nrows; r++) {
		cellp[0] = t->row[r].label;
		for (int c = 1; c < n; c++) {
			stat_cell(t, r, c - 1, cells[c], sizeof cells[c]);
			cellp[c] = cells[c];
		}
		doc_row(d, n, cellp);
	}
	if (t->note[0])
		doc_addf(d, B_LINE, NULL, "注：%s", t->note);
	if (t->chart != SC_NONE && t->nrows - t->total > 0) {
		const char *series[DOC_MAX_COLS], **label;
		int cols[DOC_MAX_COLS], ns = 0, nr = t->nrows - t->total;
		double *v;

		for (int c = 0; c < t->ncols && ns < DOC_MAX_COLS - 1; c++)
			if (t->chart_cols >> c & 1) {
				cols[ns] = c;
				series[ns++] = t->head[c];
			}
		label = xcalloc((size_t)nr, sizeof *label);
		v = xcalloc((size_t)(nr * ns), sizeof *v);
		for (int r = 0; r < nr; r++) {
			label[r] = t->row[r].label;
			for (int k = 0; k < ns; k++)
				v[r * ns + k] = t->row[r].v[cols[k]] > 0 ? t->row[r].v[cols[k]] : 0;
		}
		doc_add(d, B_SPACE, NULL, "");
		doc_chart(d, ns, series, t->chart == SC_STACKED, nr, label, v);
		free(label);
		free(v);
	}
}

void stats_doc(const char *community, const struct stats_report *rep, struct doc *d)
{
	char from[32], to[32];

	doc_init(d, DOC_STATS);
	d->title = xasprintf("%s%s议事协商工作统计", community, rep->period);
	d->number = xasprintf("%s_%s", rep->from, rep->to);
	doc_add(d, B_TITLE, NULL, d->title);
	ys_cn_date_any(rep->from, from);
	ys_cn_date_any(rep->to, to);
	doc_addf(d, B_SUBTITLE, NULL, "（%s至%s）", from, to);
	doc_add(d, B_HEADING, NULL, "一、概况");
	doc_add(d, B_PARA, NULL, rep->summary);
	for (int i = 0; i < rep->ntables; i++)
		table(d, &rep->table[i], i + 1);
}
