/* stats.h: the statistics of a year or a period (统计、年度台账), as a
 * community reports them: meetings by kind and month with attendance,
 * matters by category, step and outcome, how long they took, the 议事协商会
 * and the 民情日记.
 *
 * The store reads the raw facts of the period (struct stats_raw); here they
 * are counted into a report of tables (struct stats_report) that the
 * screen draws with bars, the paper sets with charts and the export writes
 * as a workbook — one set of numbers for all three.  Pure: no SQL, no
 * terminal; today is passed in. */
#ifndef YS_STATS_H
#define YS_STATS_H

#include <stddef.h>

/* ---- the raw facts (filled by store_stats_raw) --------------------------- */

/* a meeting held (散会) in the period */
struct stat_meeting {
	int kind;                /* enum meeting_kind */
	char date[11];
	int entitled;            /* 应到 */
	int present;             /* 实到 (entitled and present) */
	int items;               /* agenda items */
	int agreed;              /* items closed with a decision text (协商意见,
	                          * 决定事项) */
};

/* one step of a matter (proposal_event), in the order they happened */
struct stat_event {
	char date[11];
	int action;              /* enum action */
	int to_step, status;     /* where it left the matter */
};

/* a matter with every event it had up to the end of the period */
struct stat_matter {
	char category[64];
	struct stat_event *ev;   /* in order */
	int nev;
};

/* a 民情日记 entry received up to the end of the period */
struct stat_concern {
	char date[11];           /* raised on */
	char category[64];
	char due[11];            /* the reply is due by ("" = no due date) */
	char answered[11];       /* answered on ("" = not yet) */
	int to_proposal;         /* became a proposal */
};

struct stats_raw {
	char from[11], to[11];   /* the period, both days included */
	struct stat_meeting *meeting;
	int nmeeting;
	struct stat_matter *matter;
	int nmatter;
	struct stat_concern *concern;
	int nconcern;
	int has_concerns;        /* the database keeps a 民情日记 */
};
void stats_raw_free(struct stats_raw *r);

/* ---- the report ---------------------------------------------------------- */

#define STAT_MAXCOL 10
#define STAT_NA (-1.0)           /* no value (a rate of nothing) */

enum stat_fmt {
	SF_INT = 0,              /* 12 */
	SF_PCT,                  /* 0.935 -> 93.5% */
	SF_DAYS,                 /* 12.5 -> 12.5 (days, one decimal) */
};

struct stat_row {
	char label[96];
	double v[STAT_MAXCOL];
};

enum stat_chart { SC_NONE = 0, SC_BARS, SC_STACKED };

struct stat_table {
	char title[96];          /* 「会议召开情况（按类型）」 */
	char label_head[32];     /* the first column's head: 「会议类型」 */
	char note[256];          /* a line under the table, "" = none */
	int ncols;
	char head[STAT_MAXCOL][32];
	int fmt[STAT_MAXCOL];
	struct stat_row *row;
	int nrows;
	int total;               /* the last row is the 合计 */
	/* the chart: columns drawn (bit i = column i), side by side (SC_BARS) or
	 * on top of each other (SC_STACKED); the total row is never drawn */
	int chart;
	int chart_cols;
};

struct stats_report {
	char from[11], to[11];
	char period[96];          /* 「2026年」 or 「2026年3月1日至2026年8月31日」 */
	char summary[2048];      /* the year in one paragraph */
	struct stat_table *table;
	int ntables;
	int has_concerns;        /* the 民情日记 table is there */
};

/* Count the raw facts into the report; today decides which open concerns
 * are overdue.  The report owns its memory: stats_report_free. */
void stats_build(const struct stats_raw *raw, const char *today, struct stats_report *rep);
void stats_report_free(struct stats_report *rep);

/* one cell as text: 12, 93.5%, 12.5, 「—」 for STAT_NA */
void stat_cell(const struct stat_table *t, int row, int col, char *buf, size_t len);

/* The period of a year, or of two dates: 0, or -1 with a Chinese message.
 * year > 0 takes that year; else from and to (YYYY-MM-DD, from <= to). */
int stats_period(int year, const char *from, const char *to, char out_from[11],
                 char out_to[11], char *err, size_t errlen);

/* 一, 二 … 二十 for the headings: the summary is 一, table i is i + 2 */
const char *stat_number_cn(int n);

/* the share of `part` in `whole` (0..1), STAT_NA when whole is 0 */
double stat_rate(double part, double whole);

#endif
