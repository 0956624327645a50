/* demo.c: the demo community (军门社区, fictional), written by replaying
 * its 2026 history through the ops layer.
 *
 * The data lives in data/demo/ (*.tsv) and is carried inside the binary
 * (tools/embed.sh).  People, proposals, meetings, sign-ins, minutes,
 * votes and the steps after a decision all go through ops_*(), with the
 * process clock set to the moment each thing happened, so the demo obeys
 * the same rules as real use and its numbers (2026-001 …, 文号 〔2026〕1号
 * …) come out as the store assigns them.  Every meeting is signed and
 * sealed (签字确认) at the moment it closes; the paper that follows a
 * decision (notices, 实施 with its progress, objections to a notice,
 * addenda to sealed minutes) is replayed like the rest.  Only the
 * community record is written with the store directly.  The whole replay
 * is one transaction: the file is written whole or removed.
 *
 * The TSV files: UTF-8, tab-separated, the first non-comment line is the
 * header (columns are found by name), lines starting with '#' are
 * comments, empty lines are skipped.  Inside a field \n is a newline, \t a
 * tab and \\ a backslash.  Every problem in the data is reported as
 * "data/demo/FILE 第 N 行：…" in Chinese.
 *
 * The replay is chronological: each event has a moment, and events at the
 * same moment run in the order of enum ev_type (a meeting is created
 * before people sign in, speeches come before the vote, the vote before
 * the item's conclusion, everything before 散会), then in file order. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "model/core.h"
#include "demo/demo.h"
#include "base/embed.h"
#include "ops/ops.h"
#include "store/store.h"
#include "base/text.h"
#include "base/util.h"

#define DEMO_DIR "data/demo/"

/* ---- errors -------------------------------------------------------------- */

struct demo;
static int derr(struct demo *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* ---- TSV ----------------------------------------------------------------- */

struct tsv_row {
	int line;                /* 1-based line in the file */
	int n;                   /* fields present (<= ncols) */
	char **f;
};

struct tsv {
	const char *file;        /* "data/demo/people.tsv" */
	char *buf;               /* the file's copy; fields point into it */
	char **head;
	int ncols;
	struct tsv_row *rows;
	int nrows;
};

static void tsv_free(struct tsv *t)
{
	for (int i = 0; i < t->nrows; i++)
		free(t->rows[i].f);
	free(t->rows);
	free(t->head);
	free(t->buf);
	memset(t, 0, sizeof *t);
}

/* undo \n \t \\ in place; -1 on an unknown or unfinished escape */
static int tsv_unescape(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++) {
		if (*r != '\\') {
			*w++ = *r;
			continue;
		}
		switch (r[1]) {
		case 'n':  *w++ = '\n'; break;
		case 't':  *w++ = '\t'; break;
		case '\\': *w++ = '\\'; break;
		default:   return -1;
		}
		r++;
	}
	*w = '\0';
	return 0;
}

/* 1 if the line has nothing but spaces and tabs */
static int blank_line(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* cut one line into fields (in place); returns the count */
static int split_fields(char *line, char ***out)
{
	int n = 1;
	char **f;

	for (const char *p = line; *p; p++)
		n += *p == '\t';
	f = xcalloc((size_t)n, sizeof *f);
	n = 0;
	f[n++] = line;
	for (char *p = line; *p; p++) {
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	}
	*out = f;
	return n;
}

static int tsv_load(struct demo *d, struct tsv *t, const char *file)
{
	const struct embedded_file *ef = embedded_find(file);
	char *p, *next;
	int line = 0, cap = 0;

	memset(t, 0, sizeof *t);
	t->file = file;
	if (!ef)
		return derr(d, file, 0, "程序中没有内嵌这个演示数据文件。");
	t->buf = xmalloc(ef->len + 1);
	memcpy(t->buf, ef->data, ef->len);
	t->buf[ef->len] = '\0';
	if (strlen(t->buf) != ef->len)
		return derr(d, file, 0, "文件中有 NUL 字符。");
	p = t->buf;
	if (strncmp(p, "\xef\xbb\xbf", 3) == 0)    /* a BOM from a Windows editor */
		p += 3;
	for (; *p; p = next) {
		char **f;
		int n;
		size_t len;

		line++;
		next = strchr(p, '\n');
		if (next)
			*next++ = '\0';
		else
			next = p + strlen(p);
		len = strlen(p);
		if (len > 0 && p[len - 1] == '\r')
			p[--len] = '\0';
		if (p[0] == '#' || blank_line(p))
			continue;
		if (!text_valid_utf8(p))
			return derr(d, file, line, "不是有效的 UTF-8 文本。");
		n = split_fields(p, &f);
		for (int i = 0; i < n; i++) {
			if (tsv_unescape(f[i]) != 0) {
				free(f);
				return derr(d, file, line, "第 %d 列有无效的转义（只能用 \\n、\\t、\\\\）。",
				            i + 1);
			}
			ys_trim(f[i]);
		}
		if (!t->head) {
			t->head = f;
			t->ncols = n;
			continue;
		}
		if (n > t->ncols) {
			free(f);
			return derr(d, file, line, "有 %d 列，表头只有 %d 列"
			            "（字段中的制表符请写作 \\t）。", n, t->ncols);
		}
		if (t->nrows == cap) {
			cap = cap ? cap * 2 : 32;
			t->rows = xrealloc(t->rows, (size_t)cap * sizeof *t->rows);
		}
		t->rows[t->nrows].line = line;
		t->rows[t->nrows].n = n;
		t->rows[t->nrows].f = f;
		t->nrows++;
	}
	if (!t->head)
		return derr(d, file, 0, "文件是空的，没有表头。");
	return 0;
}

/* the columns a reader needs, by name, into idx[] */
static int tsv_cols(struct demo *d, const struct tsv *t, const char *const *names,
                    int *idx, int n)
{
	for (int i = 0; i < n; i++) {
		idx[i] = -1;
		for (int c = 0; c < t->ncols; c++)
			if (strcmp(t->head[c], names[i]) == 0)
				idx[i] = c;
		if (idx[i] < 0)
			return derr(d, t->file, 0, "缺少列「%s」。", names[i]);
	}
	return 0;
}

/* a field; a row may leave trailing empty fields out */
static const char *fld(const struct tsv *t, int r, int col)
{
	const struct tsv_row *row = &t->rows[r];
	return col >= 0 && col < row->n ? row->f[col] : "";
}

/* ---- lists: "甲、乙（理由）、丙" ---------------------------------------- */

struct strlist {
	char *buf;
	char **v;
	int n;
};

static void strlist_free(struct strlist *l)
{
	free(l->buf);
	free(l->v);
	memset(l, 0, sizeof *l);
}

#define SEP "\xe3\x80\x81"       /* 、 */
#define LPAREN "\xef\xbc\x88"    /* （ */
#define RPAREN "\xef\xbc\x89"    /* ） */

/* split at 、 outside parentheses (a reason may contain 、) */
static void strlist_split(struct strlist *l, const char *s)
{
	int depth = 0, cap = 1;
	char *start;

	memset(l, 0, sizeof *l);
	l->buf = xstrdup(s);
	for (const char *p = s; *p; p++)
		cap += strncmp(p, SEP, 3) == 0;
	l->v = xcalloc((size_t)cap, sizeof *l->v);
	start = l->buf;
	for (char *p = l->buf;; ) {
		int end = *p == '\0';
		if (!end && (strncmp(p, LPAREN, 3) == 0 || *p == '(')) {
			depth++;
			p += *p == '(' ? 1 : 3;
			continue;
		}
		if (!end && (strncmp(p, RPAREN, 3) == 0 || *p == ')')) {
			depth -= depth > 0;
			p += *p == ')' ? 1 : 3;
			continue;
		}
		if (end || (depth == 0 && strncmp(p, SEP, 3) == 0)) {
			*p = '\0';
			ys_trim(start);
			if (*start && l->n < cap)
				l->v[l->n++] = start;
			if (end)
				break;
			p += 3;
			start = p;
			continue;
		}
		p++;
	}
}

/* "姓名（理由）" -> name and inner text (both cut in place); no parentheses:
 * inner = "" */
static void split_paren(char *item, char **name, char **inner)
{
	char *l = strstr(item, LPAREN);
	size_t n;

	*name = item;
	*inner = item + strlen(item);
	if (!l)
		return;
	*l = '\0';
	*inner = l + 3;
	n = strlen(*inner);
	if (n >= 3 && strcmp(*inner + n - 3, RPAREN) == 0)
		(*inner)[n - 3] = '\0';
	ys_trim(*name);
	ys_trim(*inner);
}

/* ---- the replay's state -------------------------------------------------- */

enum ev_type {                   /* order of events at the same moment */
	EV_LEFT,                 /* a person moves away */
	EV_PROPOSAL,             /* 提议 */
	EV_ACTION,               /* 决议公开 … 归档, 撤回 */
	EV_MEETING,              /* a meeting is created */
	EV_ATTEND,               /* sign-in, leave, absence, observers */
	EV_OPEN,                 /* the meeting starts */
	EV_MINUTE,
	EV_VOTE,
	EV_OUTCOME,
	EV_CLOSE,                /* 散会, and the minutes are signed */
	EV_ADDENDUM,             /* 更正 to sealed minutes */
	EV_PROGRESS,             /* 实施进展 */
	EV_OBJECTION,            /* 异议 to a notice */
	EV_ANSWER,               /* its answer */
};

struct event {
	time_t at;
	int type;
	int seq;                 /* file order, for a stable sort */
	int idx;                 /* row / person / proposal / meeting */
	int meet;                /* the meeting of a minute, vote, outcome */
	int item;                /* its agenda item (index into the meeting's) */
	int speaker;             /* minute: roster index, -1 = free name */
};

struct dprop {
	int row;
	char id[ID_LEN];
	int expect_step;         /* -1: any (an exit) */
	int expect_status;
};

struct dmeet {
	int row;
	int kind;
	time_t start, end;
	char id[ID_LEN];
	int chair, clerk;        /* roster indexes */
	struct strlist agenda;   /* proposal keys */
	struct strlist free_items;
	struct strlist leave, absent, observers;
	char **leave_why;        /* reason of each leave entry (into leave.buf) */
	int *agenda_prop;        /* proposal index of each agenda key */
	char (*item_id)[ID_LEN]; /* agenda item ids: agenda keys then free items */
	char (*last_vote)[ID_LEN];
	int nitems;
	int *att;                /* per roster person: ATT_* here, 0 = not on the sheet */
	int closed;
};

struct demo {
	struct store *st;
	char *err;
	size_t errlen;
	int failed;

	struct tsv community, people, proposals, meetings, minutes, votes,
	           outcomes, actions, progress, objections, addenda;

	struct community com;
	time_t setup_at;

	struct person *pp;       /* the roster, in people.tsv order */
	int np;

	struct dprop *props;
	int nprops;

	struct dmeet *meets;
	int nmeets;

	struct event *ev;
	int nev, evcap;

	/* column indexes of each file, by the order of its reader's names */
	int pec[11], pc[11], mc[16], nc[5], vc[8], oc[9], ac[6], gc[3], jc[7], dc[4];

	char (*objection_id)[ID_LEN];   /* per objections.tsv row, once recorded */
};

static int derr(struct demo *d, const char *file, int line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (d->failed)
		return -1;          /* keep the first problem: it explains the rest */
	d->failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!d->err || !d->errlen)
		return -1;
	if (file && line > 0)
		snprintf(d->err, d->errlen, "%s 第 %d 行：%s", file, line, msg);
	else if (file)
		snprintf(d->err, d->errlen, "%s：%s", file, msg);
	else
		snprintf(d->err, d->errlen, "%s", msg);
	return -1;
}

static int row_err(struct demo *d, const struct tsv *t, int r, const char *msg)
{
	return derr(d, t->file, t->rows[r].line, "%s", msg);
}

static void add_event(struct demo *d, time_t at, int type, int idx, int meet,
                      int item, int speaker)
{
	struct event *e;

	if (d->nev == d->evcap) {
		d->evcap = d->evcap ? d->evcap * 2 : 256;
		d->ev = xrealloc(d->ev, (size_t)d->evcap * sizeof *d->ev);
	}
	e = &d->ev[d->nev];
	e->at = at;
	e->type = type;
	e->seq = d->nev;
	e->idx = idx;
	e->meet = meet;
	e->item = item;
	e->speaker = speaker;
	d->nev++;
}

static int ev_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->type != y->type)
		return x->type - y->type;
	return x->seq - y->seq;
}

static int person_by_name(const struct demo *d, const char *name)
{
	for (int i = 0; i < d->np; i++)
		if (strcmp(d->pp[i].name, name) == 0)
			return i;
	return -1;
}

static int person_by_id(const struct demo *d, const char *id)
{
	for (int i = 0; i < d->np; i++)
		if (strcmp(d->pp[i].id, id) == 0)
			return i;
	return -1;
}

static int prop_by_key(const struct demo *d, const char *key)
{
	for (int i = 0; i < d->nprops; i++)
		if (strcmp(fld(&d->proposals, d->props[i].row, d->pc[0]), key) == 0)
			return i;
	return -1;
}

static int meet_by_key(const struct demo *d, const char *key)
{
	for (int i = 0; i < d->nmeets; i++)
		if (strcmp(fld(&d->meetings, d->meets[i].row, d->mc[0]), key) == 0)
			return i;
	return -1;
}

/* "YYYY-MM-DD" + "HH:MM" -> time_t, -1 if either is invalid */
static time_t stamp_of(const char *date, const char *hm)
{
	char s[40];
	struct tm tm;
	int hh, mm;

	if (ys_parse_date(date, &tm) != 0 || ys_parse_time(hm, &hh, &mm) != 0)
		return (time_t)-1;
	snprintf(s, sizeof s, "%s %02d:%02d", date, hh, mm);
	return ys_parse_stamp(s);
}

/* copy into a fixed field of a store struct; -1 if it does not fit */
static int put(struct demo *d, const struct tsv *t, int r, char *dst, size_t len,
               const char *src, const char *what)
{
	if (ys_strlcpy(dst, src, len) != 0)
		return derr(d, t->file, t->rows[r].line, "%s过长：%s", what, src);
	return 0;
}

/* ---- names of things ----------------------------------------------------- */

/* role names: core's role_table, plus the words clerks also use */
static const struct { const char *name; int bit; } role_alias[] = {
	{ "正式党员", ROLE_PARTY },
	{ "社区党组织委员", ROLE_PARTY_CMTE },
	{ "党委委员", ROLE_PARTY_CMTE },
	{ "物业", ROLE_OTHER },
	{ "业委会", ROLE_OTHER },
	{ "驻区单位", ROLE_OTHER },
	{ "物业/业委会/驻区单位", ROLE_OTHER },
};

static int parse_roles(const char *s, int *roles, char *bad, size_t badlen)
{
	struct strlist l;
	int rc = 0;

	*roles = 0;
	strlist_split(&l, s);
	for (int i = 0; i < l.n && rc == 0; i++) {
		int bit = 0;
		for (size_t k = 0; k < role_count; k++)
			if (strcmp(l.v[i], role_table[k].name) == 0)
				bit = role_table[k].bit;
		for (size_t k = 0; !bit && k < YS_ARRAY_LEN(role_alias); k++)
			if (strcmp(l.v[i], role_alias[k].name) == 0)
				bit = role_alias[k].bit;
		if (!bit) {
			snprintf(bad, badlen, "%s", l.v[i]);
			rc = -1;
		}
		*roles |= bit;
	}
	strlist_free(&l);
	return rc;
}

/* a step by its short or long name (提议 … 归档, 决议公开 …), 0 if none */
static int step_by_name(const char *s)
{
	for (int i = STEP_PROPOSE; i <= STEP_MAX; i++)
		if (strcmp(s, step_name(i)) == 0 || strcmp(s, step_long_name(i)) == 0)
			return i;
	return 0;
}

static const struct { const char *name; int method; } method_names[] = {
	{ "举手", VM_HANDS },
	{ "无记名", VM_SECRET },
	{ "记名", VM_ROLLCALL },
};

static int method_by_name(const char *s)
{
	for (size_t i = 0; i < YS_ARRAY_LEN(method_names); i++)
		if (strcmp(s, method_names[i].name) == 0 ||
		    strcmp(s, vote_method_name(method_names[i].method)) == 0)
			return method_names[i].method;
	return -1;
}

static const struct { const char *name; int outcome; } outcome_names[] = {
	{ "转入下一步", OC_FORWARD },
	{ "通过", OC_FORWARD },
	{ "退回", OC_RETURN },
	{ "不予采纳", OC_REJECT },
	{ "撤回", OC_WITHDRAW },
	{ "已听取意见", OC_NOTED },
};

static int outcome_by_name(const char *s)
{
	for (size_t i = 0; i < YS_ARRAY_LEN(outcome_names); i++)
		if (strcmp(s, outcome_names[i].name) == 0)
			return outcome_names[i].outcome;
	return -1;
}

/* a count: digits only, or "*" (= the rest of those present) -> -2 */
static int parse_num(const char *s)
{
	long v = 0;

	if (strcmp(s, "*") == 0)
		return -2;
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 6)
		return -1;
	for (; *s; s++)
		v = v * 10 + (*s - '0');
	return (int)v;
}

/* ---- reading the files --------------------------------------------------- */

static int read_community(struct demo *d)
{
	static const char *const cols[] = { "name", "party_org", "committee",
	                                    "street", "phone", "setup_at" };
	const struct tsv *t = &d->community;
	int c[6];

	if (tsv_cols(d, t, cols, c, 6) != 0)
		return -1;
	if (t->nrows != 1)
		return derr(d, t->file, 0, "应当正好有一行社区信息（现有 %d 行）。", t->nrows);
	memset(&d->com, 0, sizeof d->com);
	if (put(d, t, 0, d->com.name, sizeof d->com.name, fld(t, 0, c[0]), "社区名称") ||
	    put(d, t, 0, d->com.party_org, sizeof d->com.party_org, fld(t, 0, c[1]),
	        "社区党组织名称") ||
	    put(d, t, 0, d->com.committee, sizeof d->com.committee, fld(t, 0, c[2]),
	        "居委会名称") ||
	    put(d, t, 0, d->com.street, sizeof d->com.street, fld(t, 0, c[3]), "街道") ||
	    put(d, t, 0, d->com.phone, sizeof d->com.phone, fld(t, 0, c[4]), "电话"))
		return -1;
	if (!d->com.name[0] || !d->com.party_org[0] || !d->com.committee[0])
		return row_err(d, t, 0, "社区名称、党组织和居委会名称不能为空。");
	d->setup_at = ys_parse_stamp(fld(t, 0, c[5]));
	if (d->setup_at == (time_t)-1)
		return row_err(d, t, 0, "setup_at 应为 YYYY-MM-DD HH:MM。");
	return 0;
}

static int read_people(struct demo *d)
{
	static const char *const cols[] = { "name", "gender", "roles", "grid",
	                                    "building", "unit", "room", "phone",
	                                    "note", "active", "left_on" };
	const struct tsv *t = &d->people;
	int *c = d->pec;

	if (tsv_cols(d, t, cols, c, 11) != 0)
		return -1;
	d->np = t->nrows;
	d->pp = xcalloc((size_t)d->np + 1, sizeof *d->pp);
	for (int r = 0; r < t->nrows; r++) {
		struct person *p = &d->pp[r];
		const char *active = fld(t, r, c[9]), *left = fld(t, r, c[10]);
		char bad[128];

		if (put(d, t, r, p->name, sizeof p->name, fld(t, r, c[0]), "姓名") ||
		    put(d, t, r, p->gender, sizeof p->gender, fld(t, r, c[1]), "性别") ||
		    put(d, t, r, p->grid, sizeof p->grid, fld(t, r, c[3]), "网格") ||
		    put(d, t, r, p->building, sizeof p->building, fld(t, r, c[4]), "楼栋") ||
		    put(d, t, r, p->unit, sizeof p->unit, fld(t, r, c[5]), "单元") ||
		    put(d, t, r, p->room, sizeof p->room, fld(t, r, c[6]), "房号") ||
		    put(d, t, r, p->phone, sizeof p->phone, fld(t, r, c[7]), "电话") ||
		    put(d, t, r, p->note, sizeof p->note, fld(t, r, c[8]), "备注"))
			return -1;
		if (!p->name[0])
			return row_err(d, t, r, "姓名不能为空。");
		for (int k = 0; k < r; k++)
			if (strcmp(d->pp[k].name, p->name) == 0)
				return derr(d, t->file, t->rows[r].line,
				            "「%s」与第 %d 行重名；演示数据按姓名引用人员，姓名须唯一。",
				            p->name, t->rows[k].line);
		if (parse_roles(fld(t, r, c[2]), &p->roles, bad, sizeof bad) != 0)
			return derr(d, t->file, t->rows[r].line, "未知的身份「%s」。", bad);
		if (strcmp(active, "1") == 0)
			p->active = 1;
		else if (strcmp(active, "0") == 0)
			p->active = 0;
		else
			return row_err(d, t, r, "active 应为 1 或 0。");
		if (left[0]) {
			time_t at = stamp_of(left, "09:00");
			if (at == (time_t)-1)
				return row_err(d, t, r, "left_on 应为 YYYY-MM-DD。");
			if (!p->active)
				return row_err(d, t, r, "不在册的人员不能再写迁出日期。");
			add_event(d, at, EV_LEFT, r, -1, -1, -1);
		}
	}
	return 0;
}

static int read_proposals(struct demo *d)
{
	static const char *const cols[] = { "key", "created_at", "title", "content",
	                                    "proposer_kind", "proposers", "source",
	                                    "category", "grid", "building", "expect" };
	const struct tsv *t = &d->proposals;
	int *pc = d->pc;

	if (tsv_cols(d, t, cols, pc, 11) != 0)
		return -1;
	d->nprops = t->nrows;
	d->props = xcalloc((size_t)d->nprops + 1, sizeof *d->props);
	for (int r = 0; r < t->nrows; r++) {
		struct dprop *p = &d->props[r];
		const char *key = fld(t, r, pc[0]), *kind = fld(t, r, pc[4]);
		const char *expect = fld(t, r, pc[10]);
		struct strlist names;
		time_t at;
		int rc = 0;

		p->row = r;
		if (!key[0])
			return row_err(d, t, r, "key 不能为空。");
		for (int k = 0; k < r; k++)
			if (strcmp(fld(t, k, pc[0]), key) == 0)
				return derr(d, t->file, t->rows[r].line, "key「%s」重复。", key);
		at = ys_parse_stamp(fld(t, r, pc[1]));
		if (at == (time_t)-1)
			return row_err(d, t, r, "created_at 应为 YYYY-MM-DD HH:MM。");
		if (at < d->setup_at)
			return row_err(d, t, r, "提出时间早于花名册录入时间（community.tsv 的 setup_at）。");
		if ((p->expect_step = step_by_name(expect)) != 0) {
			p->expect_status = PST_ACTIVE;
		} else if (strcmp(expect, pstatus_name(PST_REJECTED)) == 0) {
			p->expect_step = -1;
			p->expect_status = PST_REJECTED;
		} else if (strcmp(expect, pstatus_name(PST_WITHDRAWN)) == 0) {
			p->expect_step = -1;
			p->expect_status = PST_WITHDRAWN;
		} else {
			return derr(d, t->file, t->rows[r].line, "未知的 expect「%s」。", expect);
		}
		strlist_split(&names, fld(t, r, pc[5]));
		if (strcmp(kind, "社区党组织") == 0) {
			if (names.n != 0)
				rc = row_err(d, t, r, "社区党组织提出的议题，proposers 应留空。");
		} else if (strcmp(kind, "居民代表") == 0 || strcmp(kind, "居民联名") == 0) {
			if (names.n == 0)
				rc = row_err(d, t, r, "没有提议人。");
			for (int i = 0; i < names.n && rc == 0; i++) {
				int who = person_by_name(d, names.v[i]);
				if (who < 0)
					rc = derr(d, t->file, t->rows[r].line,
					          "提议人「%s」不在花名册中。", names.v[i]);
				else if (strcmp(kind, "居民代表") == 0 &&
				         !(d->pp[who].roles & ROLE_REP))
					rc = derr(d, t->file, t->rows[r].line,
					          "「%s」不是居民代表；居民提出议题请用「居民联名」。",
					          names.v[i]);
			}
		} else {
			rc = derr(d, t->file, t->rows[r].line,
			          "proposer_kind 应为 居民代表、社区党组织 或 居民联名，不是「%s」。",
			          kind);
		}
		strlist_free(&names);
		if (rc != 0)
			return -1;
		add_event(d, at, EV_PROPOSAL, r, -1, -1, -1);
	}
	return 0;
}

static int read_meetings(struct demo *d)
{
	static const char *const cols[] = { "key", "kind", "title", "date", "start",
	                                    "end", "place", "chair", "chair_post",
	                                    "clerk", "agenda", "free_items", "leave",
	                                    "absent", "observers", "pending" };
	const struct tsv *t = &d->meetings;
	int *c = d->mc;

	if (tsv_cols(d, t, cols, c, 16) != 0)
		return -1;
	d->nmeets = t->nrows;
	d->meets = xcalloc((size_t)d->nmeets + 1, sizeof *d->meets);
	for (int r = 0; r < t->nrows; r++) {
		struct dmeet *m = &d->meets[r];
		const char *key = fld(t, r, c[0]), *kind = fld(t, r, c[1]);
		const char *date = fld(t, r, c[3]);
		int line = t->rows[r].line;

		m->row = r;
		strlist_split(&m->agenda, fld(t, r, c[10]));
		strlist_split(&m->free_items, fld(t, r, c[11]));
		strlist_split(&m->leave, fld(t, r, c[12]));
		strlist_split(&m->absent, fld(t, r, c[13]));
		strlist_split(&m->observers, fld(t, r, c[14]));
		m->leave_why = xcalloc((size_t)m->leave.n + 1, sizeof *m->leave_why);
		m->att = xcalloc((size_t)d->np + 1, sizeof *m->att);
		m->nitems = m->agenda.n + m->free_items.n;
		m->agenda_prop = xcalloc((size_t)m->agenda.n + 1, sizeof *m->agenda_prop);
		m->item_id = xcalloc((size_t)m->nitems + 1, sizeof *m->item_id);
		m->last_vote = xcalloc((size_t)m->nitems + 1, sizeof *m->last_vote);
		if (!key[0])
			return row_err(d, t, r, "key 不能为空。");
		for (int k = 0; k < r; k++)
			if (strcmp(fld(t, k, c[0]), key) == 0)
				return derr(d, t->file, line, "key「%s」重复。", key);
		m->kind = 0;
		for (size_t k = 0; k < meeting_kind_count; k++)
			if (strcmp(kind, meeting_kind_table[k].name) == 0)
				m->kind = meeting_kind_table[k].kind;
		if (!m->kind)
			return derr(d, t->file, line, "未知的会议类型「%s」。", kind);
		m->start = stamp_of(date, fld(t, r, c[4]));
		m->end = stamp_of(date, fld(t, r, c[5]));
		if (m->start == (time_t)-1 || m->end == (time_t)-1)
			return row_err(d, t, r, "date 应为 YYYY-MM-DD，start、end 应为 HH:MM。");
		if (m->end <= m->start)
			return row_err(d, t, r, "散会时间应晚于开始时间。");
		if (m->start - 30 * 60 < d->setup_at)
			return row_err(d, t, r, "会议早于花名册录入时间（community.tsv 的 setup_at）。");
		m->chair = person_by_name(d, fld(t, r, c[7]));
		m->clerk = person_by_name(d, fld(t, r, c[9]));
		if (m->chair < 0)
			return derr(d, t->file, line, "主持人「%s」不在花名册中。", fld(t, r, c[7]));
		if (m->clerk < 0)
			return derr(d, t->file, line, "记录人「%s」不在花名册中。", fld(t, r, c[9]));
		for (int i = 0; i < m->agenda.n; i++) {
			m->agenda_prop[i] = prop_by_key(d, m->agenda.v[i]);
			if (m->agenda_prop[i] < 0)
				return derr(d, t->file, line, "议程中的议题「%s」不在 proposals.tsv 中。",
				            m->agenda.v[i]);
		}
		for (int i = 0; i < m->leave.n; i++) {
			char *name, *why;
			split_paren(m->leave.v[i], &name, &why);
			m->leave_why[i] = why;
			if (person_by_name(d, name) < 0)
				return derr(d, t->file, line, "请假人员「%s」不在花名册中。", name);
			if (!why[0])
				return derr(d, t->file, line, "请假人员「%s」没有写理由，"
				            "应写作「%s（理由）」。", name, name);
		}
		for (int i = 0; i < m->absent.n; i++)
			if (person_by_name(d, m->absent.v[i]) < 0)
				return derr(d, t->file, line, "缺席人员「%s」不在花名册中。",
				            m->absent.v[i]);
		add_event(d, m->start - 30 * 60, EV_MEETING, r, r, -1, -1);
		add_event(d, m->start - 15 * 60, EV_ATTEND, r, r, -1, -1);
		add_event(d, m->start, EV_OPEN, r, r, -1, -1);
		add_event(d, m->end, EV_CLOSE, r, r, -1, -1);
	}
	return 0;
}

/* meeting, at and item of a minutes/votes/outcomes row -> the event's
 * meeting, moment and item index (-1 = none) */
static int meeting_row(struct demo *d, const struct tsv *t, int r, int cm, int cat,
                       int citem, int need_item, int *meet, time_t *at, int *item)
{
	const char *key = fld(t, r, cm), *hm = fld(t, r, cat), *it = fld(t, r, citem);
	const struct dmeet *m;
	int line = t->rows[r].line;

	*meet = meet_by_key(d, key);
	if (*meet < 0)
		return derr(d, t->file, line, "会议「%s」不在 meetings.tsv 中。", key);
	m = &d->meets[*meet];
	*at = stamp_of(fld(&d->meetings, m->row, d->mc[3]), hm);
	if (*at == (time_t)-1)
		return derr(d, t->file, line, "时间「%s」应为 HH:MM。", hm);
	if (*at < m->start || *at > m->end)
		return derr(d, t->file, line, "时间 %s 不在会议 %s 的起止时间 %s—%s 之内。", hm,
		            key, fld(&d->meetings, m->row, d->mc[4]),
		            fld(&d->meetings, m->row, d->mc[5]));
	*item = -1;
	if (!it[0]) {
		if (need_item)
			return row_err(d, t, r, "没有写 item（议程）。");
		return 0;
	}
	for (int i = 0; i < m->agenda.n; i++)
		if (strcmp(m->agenda.v[i], it) == 0)
			*item = i;
	for (int i = 0; *item < 0 && i < m->free_items.n; i++)
		if (strcmp(m->free_items.v[i], it) == 0)
			*item = m->agenda.n + i;
	if (*item < 0)
		return derr(d, t->file, line, "「%s」不是会议 %s 的议程。", it, key);
	return 0;
}

static int read_minutes(struct demo *d)
{
	static const char *const cols[] = { "meeting", "at", "speaker", "item", "text" };
	const struct tsv *t = &d->minutes;
	int *c = d->nc;

	if (tsv_cols(d, t, cols, c, 5) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		int meet, item, who;
		time_t at;

		if (meeting_row(d, t, r, c[0], c[1], c[3], 0, &meet, &at, &item) != 0)
			return -1;
		if (!fld(t, r, c[4])[0])
			return row_err(d, t, r, "发言内容不能为空。");
		if (!fld(t, r, c[2])[0])
			return row_err(d, t, r, "没有写发言人。");
		who = person_by_name(d, fld(t, r, c[2]));
		add_event(d, at, EV_MINUTE, r, meet, item, who);
	}
	return 0;
}

static int read_votes(struct demo *d)
{
	static const char *const cols[] = { "meeting", "at", "item", "method", "yes",
	                                    "no", "abstain", "recount" };
	const struct tsv *t = &d->votes;
	int *c = d->vc;

	if (tsv_cols(d, t, cols, c, 8) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		int meet, item, method;
		time_t at;

		if (meeting_row(d, t, r, c[0], c[1], c[2], 1, &meet, &at, &item) != 0)
			return -1;
		method = method_by_name(fld(t, r, c[3]));
		if (method < 0)
			return derr(d, t->file, t->rows[r].line,
			            "表决方式应为 举手、无记名 或 记名，不是「%s」。", fld(t, r, c[3]));
		if (method == VM_ROLLCALL) {
			if (strcmp(fld(t, r, c[4]), "*") != 0)
				return row_err(d, t, r, "记名表决的 yes 写 *，no、abstain 写姓名。");
		} else {
			int y = parse_num(fld(t, r, c[4]));
			if (y == -1 || parse_num(fld(t, r, c[5])) < 0 ||
			    parse_num(fld(t, r, c[6])) < 0)
				return row_err(d, t, r, "票数应为非负整数（yes 可写 *）。");
		}
		add_event(d, at, EV_VOTE, r, meet, item, -1);
	}
	return 0;
}

static int read_outcomes(struct demo *d)
{
	static const char *const cols[] = { "meeting", "at", "item", "outcome", "to_step",
	                                    "reason", "decision", "responsible",
	                                    "deadline" };
	const struct tsv *t = &d->outcomes;
	int *c = d->oc;

	if (tsv_cols(d, t, cols, c, 9) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		int meet, item, oc;
		time_t at;

		if (meeting_row(d, t, r, c[0], c[1], c[2], 1, &meet, &at, &item) != 0)
			return -1;
		oc = outcome_by_name(fld(t, r, c[3]));
		if (oc < 0)
			return derr(d, t->file, t->rows[r].line, "未知的结论「%s」。",
			            fld(t, r, c[3]));
		if (oc == OC_RETURN && !step_by_name(fld(t, r, c[4])))
			return derr(d, t->file, t->rows[r].line, "退回须在 to_step 写明退回到的步骤"
			            "（如「提议」），不是「%s」。", fld(t, r, c[4]));
		add_event(d, at, EV_OUTCOME, r, meet, item, -1);
	}
	return 0;
}

static int read_actions(struct demo *d)
{
	static const char *const cols[] = { "at", "proposal", "action", "reason",
	                                    "responsible", "deadline" };
	const struct tsv *t = &d->actions;
	int *c = d->ac;

	if (tsv_cols(d, t, cols, c, 6) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		const char *act = fld(t, r, c[2]);
		time_t at = ys_parse_stamp(fld(t, r, c[0]));
		int s = step_by_name(act);

		if (at == (time_t)-1)
			return row_err(d, t, r, "at 应为 YYYY-MM-DD HH:MM。");
		if (prop_by_key(d, fld(t, r, c[1])) < 0)
			return derr(d, t->file, t->rows[r].line, "议题「%s」不在 proposals.tsv 中。",
			            fld(t, r, c[1]));
		if (strcmp(act, "撤回") != 0 && s < STEP_PUBLISH)
			return derr(d, t->file, t->rows[r].line, "action 应为 决议公开、实施、"
			            "实施结果公开、归档 或 撤回，不是「%s」。", act);
		if (s == STEP_IMPLEMENT &&
		    (!fld(t, r, c[4])[0] || ys_parse_date(fld(t, r, c[5]), NULL) != 0))
			return row_err(d, t, r, "实施须写明 responsible（责任人）和 deadline"
			               "（完成时限 YYYY-MM-DD）。");
		add_event(d, at, EV_ACTION, r, -1, -1, -1);
	}
	return 0;
}

static int read_progress(struct demo *d)
{
	static const char *const cols[] = { "at", "proposal", "text" };
	const struct tsv *t = &d->progress;
	int *c = d->gc;

	if (tsv_cols(d, t, cols, c, 3) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		time_t at = ys_parse_stamp(fld(t, r, c[0]));

		if (at == (time_t)-1)
			return row_err(d, t, r, "at 应为 YYYY-MM-DD HH:MM。");
		if (prop_by_key(d, fld(t, r, c[1])) < 0)
			return derr(d, t->file, t->rows[r].line, "议题「%s」不在 proposals.tsv 中。",
			            fld(t, r, c[1]));
		if (!fld(t, r, c[2])[0])
			return row_err(d, t, r, "进展内容不能为空。");
		add_event(d, at, EV_PROGRESS, r, -1, -1, -1);
	}
	return 0;
}

/* the kind of notice named in a data file: 决议公开 or 实施结果公开 */
static int notice_kind_by_name(const char *s)
{
	if (strcmp(s, step_long_name(STEP_PUBLISH)) == 0)
		return NK_DECISION;
	if (strcmp(s, step_long_name(STEP_RESULT)) == 0)
		return NK_RESULT;
	return 0;
}

static int read_objections(struct demo *d)
{
	static const char *const cols[] = { "at", "proposal", "notice", "person", "content",
	                                    "answered_at", "answer" };
	const struct tsv *t = &d->objections;
	int *c = d->jc;

	if (tsv_cols(d, t, cols, c, 7) != 0)
		return -1;
	d->objection_id = xcalloc((size_t)t->nrows + 1, sizeof *d->objection_id);
	for (int r = 0; r < t->nrows; r++) {
		time_t at = ys_parse_stamp(fld(t, r, c[0]));
		const char *ans_at = fld(t, r, c[5]), *ans = fld(t, r, c[6]);

		if (at == (time_t)-1)
			return row_err(d, t, r, "at 应为 YYYY-MM-DD HH:MM。");
		if (prop_by_key(d, fld(t, r, c[1])) < 0)
			return derr(d, t->file, t->rows[r].line, "议题「%s」不在 proposals.tsv 中。",
			            fld(t, r, c[1]));
		if (!notice_kind_by_name(fld(t, r, c[2])))
			return derr(d, t->file, t->rows[r].line, "notice 应为 决议公开 或 实施结果公开，"
			            "不是「%s」。", fld(t, r, c[2]));
		if (!fld(t, r, c[3])[0] || !fld(t, r, c[4])[0])
			return row_err(d, t, r, "异议须写明 person（异议人）和 content（内容）。");
		if (!ans_at[0] != !ans[0])
			return row_err(d, t, r, "answered_at 和 answer 须同时填写或同时留空。");
		add_event(d, at, EV_OBJECTION, r, -1, -1, -1);
		if (ans_at[0]) {
			time_t when = ys_parse_stamp(ans_at);
			if (when == (time_t)-1 || when < at)
				return row_err(d, t, r, "answered_at 应为 YYYY-MM-DD HH:MM，且不早于收到异议的时间。");
			add_event(d, when, EV_ANSWER, r, -1, -1, -1);
		}
	}
	return 0;
}

static int read_addenda(struct demo *d)
{
	static const char *const cols[] = { "meeting", "at", "reason", "text" };
	const struct tsv *t = &d->addenda;
	int *c = d->dc;

	if (tsv_cols(d, t, cols, c, 4) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		time_t at = ys_parse_stamp(fld(t, r, c[1]));
		int meet = meet_by_key(d, fld(t, r, c[0]));

		if (meet < 0)
			return derr(d, t->file, t->rows[r].line, "会议「%s」不在 meetings.tsv 中。",
			            fld(t, r, c[0]));
		if (at == (time_t)-1)
			return row_err(d, t, r, "at 应为 YYYY-MM-DD HH:MM。");
		if (at <= d->meets[meet].end)
			return row_err(d, t, r, "更正须在会议散会、签字确认之后。");
		if (!fld(t, r, c[2])[0] || !fld(t, r, c[3])[0])
			return row_err(d, t, r, "更正须写明 reason（理由）和 text（内容）。");
		add_event(d, at, EV_ADDENDUM, r, meet, -1, -1);
	}
	return 0;
}

/* ---- replay -------------------------------------------------------------- */

/* an ops failure, reported against the data line that caused it */
static int ops_err(struct demo *d, const struct tsv *t, int r, const char *msg)
{
	return derr(d, t->file, t->rows[r].line, "%s", msg);
}

static int do_left(struct demo *d, int who)
{
	char err[512];
	struct person *p = &d->pp[who];

	p->active = 0;
	if (ops_person_save(d->st, p, err, sizeof err) != 0)
		return ops_err(d, &d->people, who, err);
	return 0;
}

static int do_proposal(struct demo *d, int i)
{
	const struct tsv *t = &d->proposals;
	const int *c = d->pc;
	int r = d->props[i].row;
	const char *kind = fld(t, r, c[4]);
	struct proposal p;
	struct proposer *pp;
	struct strlist names;
	char err[512];
	int n, rc;

	memset(&p, 0, sizeof p);
	if (put(d, t, r, p.title, sizeof p.title, fld(t, r, c[2]), "标题") ||
	    put(d, t, r, p.source, sizeof p.source, fld(t, r, c[6]), "来源") ||
	    put(d, t, r, p.category, sizeof p.category, fld(t, r, c[7]), "类别") ||
	    put(d, t, r, p.grid, sizeof p.grid, fld(t, r, c[8]), "网格") ||
	    put(d, t, r, p.building, sizeof p.building, fld(t, r, c[9]), "楼栋"))
		return -1;
	strlist_split(&names, fld(t, r, c[5]));
	n = names.n ? names.n : 1;
	pp = xcalloc((size_t)n, sizeof *pp);
	if (strcmp(kind, "社区党组织") == 0) {
		pp[0].kind = PK_PARTY_ORG;
		snprintf(pp[0].name, sizeof pp[0].name, "%s", d->com.party_org);
	} else {
		for (int k = 0; k < names.n; k++) {
			int who = person_by_name(d, names.v[k]);
			pp[k].kind = strcmp(kind, "居民联名") == 0 ? PK_JOINT : PK_PERSON;
			snprintf(pp[k].person_id, sizeof pp[k].person_id, "%s", d->pp[who].id);
			snprintf(pp[k].name, sizeof pp[k].name, "%s", d->pp[who].name);
		}
	}
	p.content = xstrdup(fld(t, r, c[3]));
	rc = ops_proposal_new(d->st, &p, pp, n, err, sizeof err);
	if (rc != 0)
		ops_err(d, t, r, err);
	else
		snprintf(d->props[i].id, sizeof d->props[i].id, "%s", p.id);
	proposal_clear(&p);
	free(pp);
	strlist_free(&names);
	return rc;
}

static int do_action(struct demo *d, int r)
{
	const struct tsv *t = &d->actions;
	const int *c = d->ac;
	const char *act = fld(t, r, c[2]);
	int i = prop_by_key(d, fld(t, r, c[1]));
	struct proposal p;
	char err[512];
	int want = step_by_name(act), rc;

	if (!d->props[i].id[0])
		return derr(d, t->file, t->rows[r].line, "议题「%s」此时尚未提出。",
		            fld(t, r, c[1]));
	if (strcmp(act, "撤回") == 0) {
		if (ops_proposal_withdraw(d->st, d->props[i].id, fld(t, r, c[3]),
		                          err, sizeof err) != 0)
			return ops_err(d, t, r, err);
		return 0;
	}
	memset(&p, 0, sizeof p);
	if (store_proposal_get(d->st, d->props[i].id, &p) != 0)
		return derr(d, t->file, t->rows[r].line, "读取议题失败：%s",
		            store_errmsg(d->st));
	rc = p.step;
	proposal_clear(&p);
	/* advance goes one step at a time: the data must name that step */
	if (rc + 1 != want)
		return derr(d, t->file, t->rows[r].line, "议题「%s」处于「%s」，下一步不是「%s」。",
		            fld(t, r, c[1]), step_long_name(rc), act);
	/* 实施 names the responsible person and the deadline; 决议公开 and
	 * 实施结果公开 write their notices with the default posting period */
	rc = want == STEP_IMPLEMENT
		? ops_implement(d->st, d->props[i].id, fld(t, r, c[4]), fld(t, r, c[5]),
		                err, sizeof err)
		: ops_proposal_advance(d->st, d->props[i].id, err, sizeof err);
	if (rc != 0)
		return ops_err(d, t, r, err);
	return 0;
}

static int do_meeting(struct demo *d, int mi)
{
	const struct tsv *t = &d->meetings;
	const int *c = d->mc;
	struct dmeet *dm = &d->meets[mi];
	int r = dm->row;
	struct meeting m;
	const char **pids;
	struct agenda_item *items;
	char err[512];
	int n, rc = 0;

	memset(&m, 0, sizeof m);
	m.kind = dm->kind;
	if (put(d, t, r, m.title, sizeof m.title, fld(t, r, c[2]), "会议名称") ||
	    put(d, t, r, m.date, sizeof m.date, fld(t, r, c[3]), "日期") ||
	    put(d, t, r, m.start_time, sizeof m.start_time, fld(t, r, c[4]), "开始时间") ||
	    put(d, t, r, m.place, sizeof m.place, fld(t, r, c[6]), "地点") ||
	    put(d, t, r, m.chair_post, sizeof m.chair_post, fld(t, r, c[8]), "主持人职务"))
		return -1;
	snprintf(m.chair_id, sizeof m.chair_id, "%s", d->pp[dm->chair].id);
	snprintf(m.chair_name, sizeof m.chair_name, "%s", d->pp[dm->chair].name);
	snprintf(m.clerk_id, sizeof m.clerk_id, "%s", d->pp[dm->clerk].id);
	snprintf(m.clerk_name, sizeof m.clerk_name, "%s", d->pp[dm->clerk].name);
	pids = xcalloc((size_t)dm->agenda.n + 1, sizeof *pids);
	for (int i = 0; i < dm->agenda.n; i++) {
		const struct dprop *p = &d->props[dm->agenda_prop[i]];
		if (!p->id[0]) {
			free(pids);
			return derr(d, t->file, t->rows[r].line, "议题「%s」在会议之前尚未提出。",
			            dm->agenda.v[i]);
		}
		pids[i] = p->id;
	}
	rc = ops_meeting_new(d->st, &m, pids, dm->agenda.n,
	                     (const char *const *)dm->free_items.v, dm->free_items.n,
	                     err, sizeof err);
	free(pids);
	if (rc != 0) {
		meeting_clear(&m);
		return ops_err(d, t, r, err);
	}
	snprintf(dm->id, sizeof dm->id, "%s", m.id);
	meeting_clear(&m);

	/* the agenda items' ids, by proposal (agenda keys) or by title (free) */
	items = xcalloc((size_t)dm->nitems + 1, sizeof *items);
	n = store_agenda_list(d->st, dm->id, items, dm->nitems + 1);
	if (n != dm->nitems)
		rc = derr(d, t->file, t->rows[r].line, "会议议程应有 %d 项，数据库中有 %d 项。%s",
		          dm->nitems, n, n < 0 ? store_errmsg(d->st) : "");
	for (int k = 0; rc == 0 && k < n; k++) {
		int at = -1;
		for (int i = 0; i < dm->agenda.n; i++)
			if (strcmp(items[k].proposal_id, d->props[dm->agenda_prop[i]].id) == 0)
				at = i;
		for (int i = 0; at < 0 && !items[k].proposal_id[0] &&
		                i < dm->free_items.n; i++)
			if (strcmp(items[k].title, dm->free_items.v[i]) == 0 &&
			    !dm->item_id[dm->agenda.n + i][0])
				at = dm->agenda.n + i;
		if (at < 0)
			rc = derr(d, t->file, t->rows[r].line, "数据库中的议程「%s」与数据不符。",
			          items[k].title);
		else
			snprintf(dm->item_id[at], sizeof dm->item_id[at], "%s", items[k].id);
	}
	for (int k = 0; k < n; k++)
		agenda_clear(&items[k]);
	free(items);
	return rc;
}

/* the status a person on the sheet gets, from the leave/absent lists */
static int sheet_status(const struct dmeet *dm, const char *name,
                        const char **reason, int *found_leave, int *found_absent)
{
	for (int i = 0; i < dm->leave.n; i++) {
		if (strcmp(dm->leave.v[i], name) == 0) {
			*reason = dm->leave_why[i];
			found_leave[i] = 1;
			return ATT_LEAVE;
		}
	}
	for (int i = 0; i < dm->absent.n; i++) {
		if (strcmp(dm->absent.v[i], name) == 0) {
			found_absent[i] = 1;
			return ATT_ABSENT;
		}
	}
	return ATT_PRESENT;
}

static int do_attend(struct demo *d, int mi)
{
	const struct tsv *t = &d->meetings;
	struct dmeet *dm = &d->meets[mi];
	int line = t->rows[dm->row].line;
	struct attendance a[64];
	int *fl = xcalloc((size_t)dm->leave.n + 1, sizeof *fl);
	int *fa = xcalloc((size_t)dm->absent.n + 1, sizeof *fa);
	int after = 0, n, k = 0, rc = 0;
	char err[512];

	do {
		n = store_attendance_page(d->st, dm->id, NULL, -1, after, 1, a, 64);
		if (n < 0) {
			rc = derr(d, t->file, line, "读取签到表失败：%s", store_errmsg(d->st));
			break;
		}
		for (int i = 0; i < n && rc == 0; i++, k++) {
			const char *reason = NULL;
			int who = person_by_id(d, a[i].person_id);
			int status;

			after = a[i].person_no;
			if (who < 0 || !a[i].entitled)
				continue;
			status = sheet_status(dm, a[i].name, &reason, fl, fa);
			/* people drift in over the quarter hour before the start */
			ys_clock_set(dm->start - 15 * 60 + (k * 7 % 15) * 60);
			if (ops_attend(d->st, dm->id, a[i].person_id, status, reason,
			               err, sizeof err) != 0)
				rc = derr(d, t->file, line, "%s签到：%s", a[i].name, err);
			dm->att[who] = status;
		}
	} while (rc == 0 && n == 64);
	for (int i = 0; rc == 0 && i < dm->leave.n; i++)
		if (!fl[i])
			rc = derr(d, t->file, line, "请假人员「%s」不在本次会议的应到名单中。",
			          dm->leave.v[i]);
	for (int i = 0; rc == 0 && i < dm->absent.n; i++)
		if (!fa[i])
			rc = derr(d, t->file, line, "缺席人员「%s」不在本次会议的应到名单中。",
			          dm->absent.v[i]);
	free(fl);
	free(fa);
	if (rc != 0)
		return -1;

	ys_clock_set(dm->start - 2 * 60);
	for (int i = 0; i < dm->observers.n; i++) {
		int who = person_by_name(d, dm->observers.v[i]);
		if (who >= 0 && dm->att[who])
			return derr(d, t->file, line, "列席人员「%s」已在本次会议的应到名单中。",
			            dm->observers.v[i]);
		if (ops_observer(d->st, dm->id, who >= 0 ? d->pp[who].id : NULL,
		                 who >= 0 ? NULL : dm->observers.v[i], err, sizeof err) != 0)
			return derr(d, t->file, line, "列席「%s」：%s", dm->observers.v[i], err);
		if (who >= 0)
			dm->att[who] = ATT_OBSERVER;
	}
	return 0;
}

static int do_open(struct demo *d, int mi)
{
	char err[512];

	if (ops_meeting_open(d->st, d->meets[mi].id, err, sizeof err) != 0)
		return ops_err(d, &d->meetings, d->meets[mi].row, err);
	return 0;
}

static int do_close(struct demo *d, int mi)
{
	struct dmeet *dm = &d->meets[mi];
	const char *pending = fld(&d->meetings, dm->row, d->mc[15]);
	char err[512];

	if (pending[0] && ops_meeting_set_pending(d->st, dm->id, pending, err, sizeof err) != 0)
		return derr(d, d->meetings.file, d->meetings.rows[dm->row].line,
		            "遗留问题：%s", err);
	if (ops_meeting_close(d->st, dm->id, 0, err, sizeof err) != 0)
		return ops_err(d, &d->meetings, dm->row, err);
	dm->closed = 1;
	/* chair and clerk sign the minutes as the meeting ends */
	if (ops_seal(d->st, dm->id, NULL, err, sizeof err) != 0)
		return derr(d, d->meetings.file, d->meetings.rows[dm->row].line,
		            "签字确认：%s", err);
	return 0;
}

static int do_minute(struct demo *d, const struct event *e)
{
	const struct tsv *t = &d->minutes;
	const int *c = d->nc;
	struct dmeet *dm = &d->meets[e->meet];
	const char *speaker = fld(t, e->idx, c[2]);
	struct minute mi;
	char err[512];
	int ok = 0;

	memset(&mi, 0, sizeof mi);
	if (e->speaker >= 0) {
		int a = dm->att[e->speaker];
		ok = e->speaker == dm->chair || e->speaker == dm->clerk ||
		     a == ATT_PRESENT || a == ATT_OBSERVER;
		snprintf(mi.speaker_id, sizeof mi.speaker_id, "%s", d->pp[e->speaker].id);
	} else {
		for (int i = 0; i < dm->observers.n; i++)
			ok |= strcmp(dm->observers.v[i], speaker) == 0;
	}
	if (!ok)
		return derr(d, t->file, t->rows[e->idx].line, "发言人「%s」不是本次会议的主持人、"
		            "记录人、出席或列席人员。", speaker);
	if (put(d, t, e->idx, mi.speaker, sizeof mi.speaker, speaker, "发言人") ||
	    put(d, t, e->idx, mi.at, sizeof mi.at, fld(t, e->idx, c[1]), "时间"))
		return -1;
	snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", dm->id);
	if (e->item >= 0)
		snprintf(mi.agenda_id, sizeof mi.agenda_id, "%s", dm->item_id[e->item]);
	mi.text = xstrdup(fld(t, e->idx, c[4]));
	if (ops_minute_add(d->st, &mi, err, sizeof err) != 0) {
		minute_clear(&mi);
		return ops_err(d, t, e->idx, err);
	}
	minute_clear(&mi);
	return 0;
}

/* roll call: one ballot per present person, choices from the name lists */
static int rollcall(struct demo *d, const struct event *e, struct ballot **out, int *nout)
{
	const struct tsv *t = &d->votes;
	const int *c = d->vc;
	struct dmeet *dm = &d->meets[e->meet];
	struct strlist no, ab;
	struct ballot *b = xcalloc((size_t)d->np + 1, sizeof *b);
	int n = 0, rc = 0;

	strlist_split(&no, fld(t, e->idx, c[5]));
	strlist_split(&ab, fld(t, e->idx, c[6]));
	for (int k = 0; k < no.n + ab.n && rc == 0; k++) {
		const char *name = k < no.n ? no.v[k] : ab.v[k - no.n];
		int who = person_by_name(d, name);
		if (who < 0 || dm->att[who] != ATT_PRESENT)
			rc = derr(d, t->file, t->rows[e->idx].line,
			          "「%s」不是本次会议的出席人员，不能表决。", name);
	}
	for (int i = 0; i < d->np && rc == 0; i++) {
		if (dm->att[i] != ATT_PRESENT)
			continue;
		snprintf(b[n].person_id, sizeof b[n].person_id, "%s", d->pp[i].id);
		snprintf(b[n].name, sizeof b[n].name, "%s", d->pp[i].name);
		b[n].choice = CH_YES;
		for (int k = 0; k < no.n; k++)
			if (strcmp(no.v[k], d->pp[i].name) == 0)
				b[n].choice = CH_NO;
		for (int k = 0; k < ab.n; k++)
			if (strcmp(ab.v[k], d->pp[i].name) == 0)
				b[n].choice = CH_ABSTAIN;
		n++;
	}
	strlist_free(&no);
	strlist_free(&ab);
	if (rc != 0) {
		free(b);
		return -1;
	}
	*out = b;
	*nout = n;
	return 0;
}

static int do_vote(struct demo *d, const struct event *e)
{
	const struct tsv *t = &d->votes;
	const int *c = d->vc;
	struct dmeet *dm = &d->meets[e->meet];
	const char *recount = fld(t, e->idx, c[7]);
	struct vote_req rq;
	struct vote v;
	struct ballot *b = NULL;
	struct attendance_counts ac;
	char err[512];
	int rc;

	memset(&rq, 0, sizeof rq);
	rq.method = method_by_name(fld(t, e->idx, c[3]));
	if (rq.method == VM_ROLLCALL) {
		if (rollcall(d, e, &b, &rq.nballots) != 0)
			return -1;
		rq.ballots = b;
	} else {
		if (store_attendance_counts(d->st, dm->id, &ac) != 0) {
			return derr(d, t->file, t->rows[e->idx].line, "读取出席人数失败：%s",
			            store_errmsg(d->st));
		}
		rq.yes = parse_num(fld(t, e->idx, c[4]));
		rq.no = parse_num(fld(t, e->idx, c[5]));
		rq.abstain = parse_num(fld(t, e->idx, c[6]));
		if (rq.yes == -2)
			rq.yes = ac.present - rq.no - rq.abstain;
		if (rq.yes < 0)
			return derr(d, t->file, t->rows[e->idx].line, "反对和弃权票超过了出席人数 %d。",
			            ac.present);
	}
	if (recount[0]) {
		if (!dm->last_vote[e->item][0]) {
			free(b);
			return row_err(d, t, e->idx, "写了 recount，但该议程此前没有表决。");
		}
		rq.supersedes = dm->last_vote[e->item];
		rq.reason = recount;
	}
	memset(&v, 0, sizeof v);
	rc = ops_vote(d->st, dm->id, dm->item_id[e->item], &rq, &v, err, sizeof err);
	free(b);
	if (rc != 0)
		return ops_err(d, t, e->idx, err);
	snprintf(dm->last_vote[e->item], sizeof dm->last_vote[e->item], "%s", v.id);
	return 0;
}

static int do_outcome(struct demo *d, const struct event *e)
{
	const struct tsv *t = &d->outcomes;
	const int *c = d->oc;
	struct dmeet *dm = &d->meets[e->meet];
	struct close_req rq;
	char err[512];

	memset(&rq, 0, sizeof rq);
	rq.outcome = outcome_by_name(fld(t, e->idx, c[3]));
	rq.to_step = step_by_name(fld(t, e->idx, c[4]));
	rq.reason = fld(t, e->idx, c[5]);
	rq.decision = fld(t, e->idx, c[6]);
	rq.responsible = fld(t, e->idx, c[7]);
	rq.deadline = fld(t, e->idx, c[8]);
	if (ops_item_close(d->st, dm->id, dm->item_id[e->item], &rq, err, sizeof err) != 0)
		return ops_err(d, t, e->idx, err);
	return 0;
}

static int do_addendum(struct demo *d, const struct event *e)
{
	const struct tsv *t = &d->addenda;
	const int *c = d->dc;
	char err[512];

	if (ops_addendum(d->st, d->meets[e->meet].id, fld(t, e->idx, c[2]), fld(t, e->idx, c[3]),
	                 err, sizeof err) != 0)
		return ops_err(d, t, e->idx, err);
	return 0;
}

static int do_progress(struct demo *d, int r)
{
	const struct tsv *t = &d->progress;
	int i = prop_by_key(d, fld(t, r, d->gc[1]));
	char err[512];

	if (!d->props[i].id[0])
		return derr(d, t->file, t->rows[r].line, "议题「%s」此时尚未提出。",
		            fld(t, r, d->gc[1]));
	if (ops_progress(d->st, d->props[i].id, fld(t, r, d->gc[2]), err, sizeof err) != 0)
		return ops_err(d, t, r, err);
	return 0;
}

/* the objection of row r: recorded against the latest notice of its kind;
 * its id is found again as the newest objection of that notice */
static int do_objection(struct demo *d, int r)
{
	const struct tsv *t = &d->objections;
	const int *c = d->jc;
	int i = prop_by_key(d, fld(t, r, c[1]));
	struct notice n;
	struct objection o[64];
	char err[512];
	int rc, k;

	if (!d->props[i].id[0])
		return derr(d, t->file, t->rows[r].line, "议题「%s」此时尚未提出。", fld(t, r, c[1]));
	rc = store_notice_for(d->st, d->props[i].id, notice_kind_by_name(fld(t, r, c[2])), &n);
	if (rc != 0)
		return derr(d, t->file, t->rows[r].line, "议题「%s」此时还没有%s公示。%s",
		            fld(t, r, c[1]), fld(t, r, c[2]), rc < 0 ? store_errmsg(d->st) : "");
	rc = ops_objection(d->st, n.id, fld(t, r, c[3]), fld(t, r, c[4]), err, sizeof err);
	if (rc != 0) {
		notice_clear(&n);
		return ops_err(d, t, r, err);
	}
	k = store_objection_list(d->st, n.id, o, 64);
	notice_clear(&n);
	if (k <= 0)
		return derr(d, t->file, t->rows[r].line, "读取异议失败：%s", store_errmsg(d->st));
	snprintf(d->objection_id[r], sizeof d->objection_id[r], "%s", o[k - 1].id);
	for (int j = 0; j < k; j++)
		objection_clear(&o[j]);
	return 0;
}

static int do_answer(struct demo *d, int r)
{
	const struct tsv *t = &d->objections;
	char err[512];

	if (ops_objection_answer(d->st, d->objection_id[r], fld(t, r, d->jc[6]),
	                         err, sizeof err) != 0)
		return ops_err(d, t, r, err);
	return 0;
}

static int run_event(struct demo *d, const struct event *e)
{
	if (e->type != EV_ATTEND)
		ys_clock_set(e->at);
	switch (e->type) {
	case EV_LEFT:     return do_left(d, e->idx);
	case EV_PROPOSAL: return do_proposal(d, e->idx);
	case EV_ACTION:   return do_action(d, e->idx);
	case EV_MEETING:  return do_meeting(d, e->meet);
	case EV_ATTEND:   return do_attend(d, e->meet);
	case EV_OPEN:     return do_open(d, e->meet);
	case EV_MINUTE:   return do_minute(d, e);
	case EV_VOTE:     return do_vote(d, e);
	case EV_OUTCOME:  return do_outcome(d, e);
	case EV_CLOSE:    return do_close(d, e->meet);
	case EV_ADDENDUM: return do_addendum(d, e);
	case EV_PROGRESS: return do_progress(d, e->idx);
	case EV_OBJECTION: return do_objection(d, e->idx);
	case EV_ANSWER:   return do_answer(d, e->idx);
	}
	return derr(d, NULL, 0, "内部错误：未知的事件。");
}

/* every proposal where proposals.tsv says it ends */
static int check_expect(struct demo *d)
{
	const struct tsv *t = &d->proposals;

	for (int i = 0; i < d->nprops; i++) {
		const struct dprop *dp = &d->props[i];
		struct proposal p;
		int ok;

		memset(&p, 0, sizeof p);
		if (store_proposal_get(d->st, dp->id, &p) != 0)
			return derr(d, t->file, t->rows[dp->row].line, "读取议题失败：%s",
			            store_errmsg(d->st));
		ok = p.status == dp->expect_status &&
		     (dp->expect_step < 0 || p.step == dp->expect_step);
		if (!ok) {
			char now[64];
			snprintf(now, sizeof now, "%s", p.status == PST_ACTIVE
			         ? step_long_name(p.step) : pstatus_name(p.status));
			proposal_clear(&p);
			return derr(d, t->file, t->rows[dp->row].line,
			            "回放结束时议题处于「%s」，数据中 expect 为「%s」。", now,
			            fld(t, dp->row, d->pc[10]));
		}
		proposal_clear(&p);
	}
	for (int i = 0; i < d->nmeets; i++) {
		struct seal s;

		if (!d->meets[i].closed)
			return derr(d, d->meetings.file, d->meetings.rows[d->meets[i].row].line,
			            "会议没有散会。");
		if (store_seal_get(d->st, d->meets[i].id, &s) != 0)
			return derr(d, d->meetings.file, d->meetings.rows[d->meets[i].row].line,
			            "会议记录没有签字确认。");
	}
	return 0;
}

struct check_ctx {
	int n;
	char first[512];
};

static void check_cb(const char *line, void *arg)
{
	struct check_ctx *c = arg;
	if (c->n++ == 0)
		snprintf(c->first, sizeof c->first, "%s", line);
}

static int replay(struct demo *d)
{
	char err[512];
	struct check_ctx cc;
	int problems;

	ys_clock_set(d->setup_at);
	if (store_community_set(d->st, &d->com) != 0)
		return derr(d, d->community.file, d->community.rows[0].line, "%s",
		            store_errmsg(d->st));
	for (int i = 0; i < d->np; i++) {
		/* a person who moves away later is on the roll until then */
		if (ops_person_save(d->st, &d->pp[i], err, sizeof err) != 0)
			return ops_err(d, &d->people, i, err);
	}
	qsort(d->ev, (size_t)d->nev, sizeof *d->ev, ev_cmp);
	for (int i = 0; i < d->nev; i++)
		if (run_event(d, &d->ev[i]) != 0)
			return -1;
	if (check_expect(d) != 0)
		return -1;
	memset(&cc, 0, sizeof cc);
	problems = store_check(d->st, check_cb, &cc);
	if (problems < 0)
		return derr(d, NULL, 0, "数据库检查失败：%s", store_errmsg(d->st));
	if (problems > 0)
		return derr(d, NULL, 0, "演示数据库检查发现 %d 个问题，第一个：%s", problems,
		            cc.first);
	return 0;
}

static void demo_free(struct demo *d)
{
	struct tsv *all[] = { &d->community, &d->people, &d->proposals, &d->meetings,
	                      &d->minutes, &d->votes, &d->outcomes, &d->actions,
	                      &d->progress, &d->objections, &d->addenda };

	for (size_t i = 0; i < YS_ARRAY_LEN(all); i++)
		tsv_free(all[i]);
	for (int i = 0; i < d->nmeets; i++) {
		struct dmeet *m = &d->meets[i];
		strlist_free(&m->agenda);
		strlist_free(&m->free_items);
		strlist_free(&m->leave);
		strlist_free(&m->absent);
		strlist_free(&m->observers);
		free(m->leave_why);
		free(m->agenda_prop);
		free(m->item_id);
		free(m->last_vote);
		free(m->att);
	}
	free(d->meets);
	free(d->objection_id);
	free(d->props);
	free(d->pp);
	free(d->ev);
}

static void remove_db(const char *path)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < YS_ARRAY_LEN(sfx); i++) {
		char *p = xasprintf("%s%s", path, sfx[i]);
		unlink(p);
		free(p);
	}
}

static int load_all(struct demo *d)
{
	static const struct { size_t off; const char *file; } files[] = {
		{ offsetof(struct demo, community), DEMO_DIR "community.tsv" },
		{ offsetof(struct demo, people),    DEMO_DIR "people.tsv" },
		{ offsetof(struct demo, proposals), DEMO_DIR "proposals.tsv" },
		{ offsetof(struct demo, meetings),  DEMO_DIR "meetings.tsv" },
		{ offsetof(struct demo, minutes),   DEMO_DIR "minutes.tsv" },
		{ offsetof(struct demo, votes),     DEMO_DIR "votes.tsv" },
		{ offsetof(struct demo, outcomes),  DEMO_DIR "outcomes.tsv" },
		{ offsetof(struct demo, actions),   DEMO_DIR "actions.tsv" },
		{ offsetof(struct demo, progress),  DEMO_DIR "progress.tsv" },
		{ offsetof(struct demo, objections), DEMO_DIR "objections.tsv" },
		{ offsetof(struct demo, addenda),   DEMO_DIR "addenda.tsv" },
	};

	for (size_t i = 0; i < YS_ARRAY_LEN(files); i++)
		if (tsv_load(d, (struct tsv *)((char *)d + files[i].off), files[i].file) != 0)
			return -1;
	if (read_community(d) || read_people(d) || read_proposals(d) ||
	    read_meetings(d) || read_minutes(d) || read_votes(d) ||
	    read_outcomes(d) || read_actions(d) || read_progress(d) ||
	    read_objections(d) || read_addenda(d))
		return -1;
	return 0;
}

int demo_write(const char *path, char *err, size_t errlen)
{
	struct demo d;
	struct stat sb;
	char oerr[512];
	int rc;

	memset(&d, 0, sizeof d);
	d.err = err;
	d.errlen = errlen;
	if (err && errlen)
		err[0] = '\0';
	if (!path || !*path) {
		derr(&d, NULL, 0, "没有指定演示数据库的路径。");
		return -1;
	}
	if (stat(path, &sb) == 0) {
		derr(&d, NULL, 0, "文件已存在，不会覆盖：%s", path);
		return -1;
	}
	/* read and check all the data before creating anything */
	if (load_all(&d) != 0) {
		demo_free(&d);
		return -1;
	}
	d.st = store_open(path, 1, oerr, sizeof oerr);
	if (!d.st) {
		derr(&d, NULL, 0, "%s", oerr);
		demo_free(&d);
		remove_db(path);
		return -1;
	}
	/* one transaction: a demo is written whole or not at all, and fast */
	rc = store_begin(d.st);
	if (rc != 0)
		derr(&d, NULL, 0, "%s", store_errmsg(d.st));
	else {
		rc = replay(&d);
		if (rc == 0 && store_commit(d.st) != 0)
			rc = derr(&d, NULL, 0, "%s", store_errmsg(d.st));
		else if (rc != 0)
			store_rollback(d.st);
	}
	ys_clock_set(0);
	store_close(d.st);
	if (rc != 0)
		remove_db(path);
	demo_free(&d);
	return rc;
}
