/* ui_roster.c: 花名册 — the people of the community, their roles, where they
 * live.  The list pages by keyset on the person's number (never the whole
 * table); adding and editing go through ops_person_save, which checks. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "ops/ops.h"
#include "base/text.h"
#include "base/util.h"

#define ROW_MAX 128

static struct {
	struct person rows[ROW_MAX];
	int nrows;
	int cur;
	int after;               /* keyset: the page shows numbers > after */
	int vis;                 /* visible rows, from the last draw */
	int total, active;       /* counts under the current search and filter */
	int everyone;            /* the whole roster, active or not */
	char search[96];         /* part of a name, "" = all */
	int role;                /* index into role_table, -1 = every role */
	int show_inactive;       /* list 停用 people too */
} R = { .role = -1 };

static struct person_query query(void)
{
	struct person_query q = {
		R.search,
		R.role >= 0 ? role_table[R.role].bit : 0,
		!R.show_inactive,
		NULL,
	};
	return q;
}

static int page(struct ui *u, int after, int dir, struct person *out, int max)
{
	struct person_query q = query();
	int n = store_person_page(u->st, &q, after, dir, out, max);
	if (n < 0) {
		ui_error(u, "%s", store_errmsg(u->st));
		return 0;
	}
	return n;
}

static int rows_wanted(void)
{
	return R.vis > 0 && R.vis <= ROW_MAX ? R.vis : ROW_MAX;
}

static const struct person *selected(void)
{
	return R.nrows > 0 && R.cur < R.nrows ? &R.rows[R.cur] : NULL;
}

/* Reload the page at R.after and keep the selection on the same person
 * (by number) when they are still listed; otherwise on the same row. */
static void roster_load(struct ui *u)
{
	int keep_no = R.nrows > 0 && R.cur < R.nrows ? R.rows[R.cur].no : 0;
	struct person_query q = query();
	struct person_counts c;
	if (store_person_counts(u->st, &q, &c)) {
		ui_error(u, "%s", store_errmsg(u->st));
		memset(&c, 0, sizeof c);
	}
	R.total = c.found;
	R.active = c.active;
	R.everyone = c.everyone;

	int want = rows_wanted();
	R.nrows = page(u, R.after, 1, R.rows, want);
	/* a page that is not full after a change or a new filter: show the
	 * last full page instead, so that the screen is never half empty while
	 * there are people above */
	if (R.nrows < want && R.after > 0) {
		R.nrows = page(u, INT_MAX, -1, R.rows, want);
		R.after = R.nrows > 0 ? R.rows[0].no - 1 : 0;
	}
	if (keep_no) {
		for (int i = 0; i < R.nrows; i++)
			if (R.rows[i].no == keep_no) {
				R.cur = i;
				break;
			}
	}
	if (R.cur >= R.nrows)
		R.cur = R.nrows ? R.nrows - 1 : 0;
	if (R.cur < 0)
		R.cur = 0;
}

/* first page, first row */
static void roster_home(struct ui *u)
{
	R.after = 0;
	R.cur = 0;
	R.nrows = 0;
	roster_load(u);
}

static void roster_end(struct ui *u)
{
	int want = rows_wanted();
	R.nrows = page(u, INT_MAX, -1, R.rows, want);
	R.after = R.nrows > 0 ? R.rows[0].no - 1 : 0;
	R.cur = R.nrows ? R.nrows - 1 : 0;
}

/* show the page that starts after `after`, with the person numbered no
 * selected if listed */
static void load_select(struct ui *u, int after, int no)
{
	R.after = after;
	R.nrows = 0;
	R.cur = 0;
	roster_load(u);
	for (int i = 0; i < R.nrows; i++)
		if (R.rows[i].no == no)
			R.cur = i;
}

/* the page that ends with the person numbered no, selected if listed */
static void show_no(struct ui *u, int no)
{
	struct person tmp[ROW_MAX];
	int want = rows_wanted();
	int m = want > 1 ? page(u, no, -1, tmp, want - 1) : 0;
	load_select(u, m > 0 ? tmp[0].no - 1 : no - 1, no);
}

/* after an add: show the new person; say so when the current search or
 * filter hides them */
static void roster_show_no(struct ui *u, int no)
{
	show_no(u, no);
	const struct person *p = selected();
	if (!p || p->no != no) {
		char msg[sizeof u->msg];
		snprintf(msg, sizeof msg, "%s", u->msg);
		ui_message(u, UA_OK, "%s（不在当前查找或筛选的结果中）", msg);
	}
}

/* a search opened a person: the roster without any name search or role
 * filter (停用 people listed when it is one of them), that person selected */
void ui_roster_show(struct ui *u, const char *person_id)
{
	struct person p;

	if (store_person_get(u->st, person_id, &p) != 0) {
		ui_error(u, "找不到这个人员：%s", store_errmsg(u->st));
		return;
	}
	R.search[0] = '\0';
	R.role = -1;
	if (!p.active)
		R.show_inactive = 1;
	ui_goto(u, SCR_ROSTER);
	show_no(u, p.no);
}

static void roster_enter(struct ui *u)
{
	R.nrows = 0;
	/* the first time, the rows are read at the first draw, when it is
	 * known how many fit */
	if (R.vis > 0)
		roster_load(u);
}

/* ---- drawing ------------------------------------------------------------- */

/* column widths; the role column takes what is left */
enum { C_NO, C_NAME, C_GENDER, C_ROLES, C_GRID, C_ADDR, C_PHONE, C_STATUS, C_NOTE, C_N };
static const struct { const char *title; int w; int flags; } cols[C_N] = {
	[C_NO] = { "编号", 4, TEXT_RIGHT },
	[C_NAME] = { "姓名", 10, TEXT_ELLIPSIS },
	[C_GENDER] = { "性别", 4, 0 },
	[C_ROLES] = { "身份", 0, TEXT_ELLIPSIS },
	[C_GRID] = { "网格", 8, TEXT_ELLIPSIS },
	[C_ADDR] = { "楼栋/单元/室", 12, TEXT_ELLIPSIS },
	[C_PHONE] = { "电话", 12, TEXT_ELLIPSIS },
	[C_STATUS] = { "状态", 4, 0 },
	[C_NOTE] = { "备注", 0, TEXT_ELLIPSIS },
};
#define MARK_W 2            /* "▸" and a space */
#define FULL_ROLES_W 24     /* from this width the role names are written out */
#define ROLES_MAX_W 44      /* wider than this, the rest goes to 备注 */

/* widths of the columns; 0 = not shown */
static void col_widths(int total, int w[C_N])
{
	int used = MARK_W + C_NOTE - 1;      /* a space between columns */
	for (int i = 0; i < C_N; i++) {
		w[i] = cols[i].w;
		used += w[i];
	}
	w[C_ROLES] = total - 1 - used;      /* one column margin at the right */
	if (w[C_ROLES] < 6)
		w[C_ROLES] = 6;
	if (w[C_ROLES] > ROLES_MAX_W + 10) {
		w[C_NOTE] = w[C_ROLES] - ROLES_MAX_W - 1;
		w[C_ROLES] = ROLES_MAX_W;
	}
}

/* 1 if s is non-empty and all ASCII digits */
static int digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* "12栋2单元301"; a bare number gets its 栋 / 单元 */
static void format_addr(const struct person *p, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s%s", p->building, digits(p->building) ? "栋" : "",
	         p->unit, digits(p->unit) ? "单元" : "", p->room);
}

/* short roles for the table: "代 党 民", or the full names when wide */
static void format_roles(int roles, int width, char *buf, size_t len)
{
	if (width >= FULL_ROLES_W) {
		roles_format(roles, buf, len);
		return;
	}
	ui_roles_short(roles, buf, len);     /* as in the sign-in sheet, with the legend */
}

static void put_row(int y, const int w[C_N], const char *const cell[C_N], int attr)
{
	int x = MARK_W;
	for (int i = 0; i < C_N; i++) {
		if (w[i] <= 0)
			continue;
		if (x > MARK_W) {
			ui_put(y, x, 1, " ", 0, attr);
			x++;
		}
		ui_put(y, x, w[i], cell[i], cols[i].flags, attr);
		x += w[i];
	}
}

static void status_line(struct ui *u, int y)
{
	struct strbuf sb = { 0 };
	sb_addf(&sb, "共 %d 人，在册 %d 人", R.total, R.active);
	if (R.role >= 0)
		sb_addf(&sb, "；筛选：%s", role_table[R.role].name);
	if (R.search[0])
		sb_addf(&sb, "；查找：%s", R.search);
	if (R.show_inactive)
		sb_add(&sb, "；含停用人员");
	else if (R.total > R.active)
		sb_addf(&sb, "；停用的 %d 人未列出（f 可显示）", R.total - R.active);
	ui_put(y, 1, u->cols - 2, sb.s, TEXT_ELLIPSIS, UA_NORMAL);
	sb_free(&sb);
}

static void roster_draw(struct ui *u, int top, int bottom)
{
	int w[C_N];
	col_widths(u->cols, w);
	/* short identity codes get their legend under the column heads */
	char legend[512] = "";
	int lrows = 0;
	if (w[C_ROLES] < FULL_ROLES_W) {
		ui_roles_legend(legend, sizeof legend);
		lrows = text_wrap(legend, u->cols - 2, NULL, NULL);
		if (lrows > 2)
			lrows = 2;
	}
	int vis = bottom - top - 4 - lrows;   /* counts, header, legend, rows, rule, detail */
	if (vis < 1)
		vis = 1;
	if (vis > ROW_MAX)
		vis = ROW_MAX;
	if (vis != R.vis) {
		/* a smaller window must not lose the selected person below it */
		int no = selected() ? selected()->no : 0;
		R.vis = vis;
		roster_load(u);
		if (no && R.nrows > 0 && no > R.rows[R.nrows - 1].no)
			show_no(u, no);
	}
	status_line(u, top);
	const char *head[C_N];
	for (int i = 0; i < C_N; i++)
		head[i] = cols[i].title;
	ui_fill(top + 1, 0, u->cols, UA_HEAD);
	put_row(top + 1, w, head, UA_HEAD);
	if (lrows)
		ui_put_wrap(top + 2, 1, u->cols - 2, lrows, legend, UA_DIM);
	top += lrows;

	for (int i = 0; i < R.nrows && i < R.vis; i++) {
		const struct person *p = &R.rows[i];
		int sel = i == R.cur;
		int attr = sel ? UA_SEL : p->active ? UA_NORMAL : UA_DIM;
		char no[16], roles[256], addr[128];
		snprintf(no, sizeof no, "%d", p->no);
		format_roles(p->roles, w[C_ROLES], roles, sizeof roles);
		format_addr(p, addr, sizeof addr);
		const char *cell[C_N] = {
			[C_NO] = no, [C_NAME] = p->name, [C_GENDER] = p->gender,
			[C_ROLES] = roles, [C_GRID] = p->grid, [C_ADDR] = addr,
			[C_PHONE] = p->phone, [C_STATUS] = p->active ? "在册" : "停用",
			[C_NOTE] = p->note,
		};
		int y = top + 2 + i;
		if (sel)
			ui_fill(y, 0, u->cols, UA_SEL);
		ui_put(y, 0, MARK_W, sel ? "▸" : "", 0, attr);
		put_row(y, w, cell, attr);
	}

	int y = bottom - 2;
	ui_hline(y, 0, u->cols, UA_DIM);
	if (R.nrows == 0) {
		const char *empty = R.everyone == 0
			? "花名册是空的。按 n 新增人员。"
			: R.total > 0 && !R.show_inactive
			? "符合条件的人员都已停用。按 f 选「显示停用人员」。"
			: "没有符合条件的人员。按 s 更换查找的姓名，按 f 更改筛选。";
		ui_put(top + 3, 2, u->cols - 4, empty, TEXT_ELLIPSIS, UA_WARN);
		ui_put(y + 1, 1, u->cols - 2, R.everyone == 0
		       ? "花名册上的人员用于会议签到、应到人数的计算和选择提议人。"
		       : "按 n 新增人员；按 s 按姓名查找；按 f 按身份筛选。",
		       TEXT_ELLIPSIS, UA_DIM);
		return;
	}
	/* the selected person in full: all roles and the note */
	const struct person *p = selected();
	char roles[256];
	roles_format(p->roles, roles, sizeof roles);
	struct strbuf sb = { 0 };
	sb_addf(&sb, "%d %s%s%s%s：%s", p->no, p->name, p->post[0] ? "（" : "", p->post,
	        p->post[0] ? "）" : "", roles[0] ? roles : "（未填身份）");
	if (p->household[0])
		sb_addf(&sb, "；户号 %s", p->household);
	if (p->res_group[0])
		sb_addf(&sb, "；%s", p->res_group);
	if (p->birth[0])
		sb_addf(&sb, "；%s 生", p->birth);
	if (p->note[0])
		sb_addf(&sb, "；备注：%s", p->note);
	if (!p->active)
		sb_add(&sb, "；已停用，按 d 恢复");
	ui_put(y + 1, 1, u->cols - 2, sb.s, TEXT_ELLIPSIS, p->active ? UA_NORMAL : UA_WARN);
	sb_free(&sb);
}

/* ---- moving ---------------------------------------------------------------- */

static void roster_move(struct ui *u, int d)
{
	struct person one[1];
	while (d > 0) {
		if (R.cur < R.nrows - 1) {
			R.cur++;
		} else if (R.nrows > 0 && R.nrows == R.vis
		           && page(u, R.rows[R.nrows - 1].no, 1, one, 1) == 1) {
			/* scroll by one row */
			R.after = R.rows[0].no;
			R.nrows = 0;
			roster_load(u);
			R.cur = R.nrows - 1;
		} else {
			break;
		}
		d--;
	}
	while (d < 0) {
		if (R.cur > 0) {
			R.cur--;
		} else if (R.nrows > 0 && page(u, R.rows[0].no, -1, one, 1) == 1) {
			R.after = one[0].no - 1;
			R.nrows = 0;
			roster_load(u);
			R.cur = 0;
		} else {
			break;
		}
		d++;
	}
}

/* PgDn/PgUp: the selection moves a screenful, and stays on the same row of
 * the screen when it can */
static void roster_page(struct ui *u, int dir)
{
	struct person tmp[ROW_MAX];
	int want = rows_wanted();
	if (R.nrows == 0)
		return;
	if (dir > 0) {
		int m = page(u, R.rows[R.nrows - 1].no, 1, tmp, want);
		if (m == 0) {
			R.cur = R.nrows - 1;
			return;
		}
		int t = R.cur + want;           /* index in rows[] followed by tmp[] */
		int no = t < R.nrows ? R.rows[t].no : t - R.nrows < m ? tmp[t - R.nrows].no
		       : tmp[m - 1].no;
		load_select(u, R.rows[R.nrows - 1].no, no);   /* a short last page is topped up */
	} else {
		int m = page(u, R.rows[0].no, -1, tmp, want);
		if (m == 0) {
			R.cur = 0;
			return;
		}
		int t = m + R.cur - want;       /* index in tmp[] followed by rows[] */
		if (t < 0)
			t = 0;
		int no = t < m ? tmp[t].no : R.rows[t - m].no;
		load_select(u, m == want ? tmp[0].no - 1 : 0, no);
	}
}

/* ---- the person form ------------------------------------------------------- */

static const char *const genders[] = { "男", "女", "未填" };
enum { F_NAME, F_GENDER, F_BIRTH, F_IDTAIL, F_ROLES, F_POST, F_HOUSEHOLD, F_GRID, F_GROUP,
       F_BUILDING, F_UNIT, F_ROOM, F_PHONE, F_NOTE, F_N };

struct person_form {
	struct person p;         /* the record being edited (id "" for new) */
	const char *role_names[64];
};

/* copy field i into dst; -1 with a message if it does not fit */
static int take(struct form *fm, int i, char *dst, size_t len)
{
	char *s = form_get_text(fm, i);
	int r = ys_strlcpy(dst, s, len);
	free(s);
	if (r != 0) {
		snprintf(fm->msg, sizeof fm->msg, "「%s」太长，请缩短。", fm->f[i].label);
		fm->focus = i;
	}
	return r;
}

/* 1 when nobody on the roster has this name, or the clerk confirms a
 * second person of that name */
static int same_name_ok(struct ui *u, const char *name)
{
	struct person_query q = { name, 0, 0, NULL };
	struct person rows[8];
	char trimmed[64], q_text[512];
	int n, k = 0;

	ys_strlcpy(trimmed, name, sizeof trimmed);
	ys_trim(trimmed);
	q.name = trimmed;
	n = store_person_page(u->st, &q, 0, 1, rows, 8);
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].name, trimmed) == 0)
			rows[k++] = rows[i];
	if (k == 0)
		return 1;
	char addr[96];
	snprintf(addr, sizeof addr, "%s%s%s%s", rows[0].grid, rows[0].building[0] ? "，" : "",
	         rows[0].building, rows[0].active ? "" : "，已停用");
	snprintf(q_text, sizeof q_text, "花名册上已有%s「%s」（编号 %d%s%s）%s。仍要新增一位同名的人？",
	         k > 1 ? "几位" : "", trimmed, rows[0].no, addr[0] ? "，" : "", addr,
	         k > 1 ? " 等" : "");
	return ui_confirm(u, q_text);
}

static int person_submit(struct ui *u, struct form *fm, void *arg)
{
	struct person_form *pf = arg;
	struct person p = pf->p;
	char err[512];

	if (take(fm, F_NAME, p.name, sizeof p.name) || take(fm, F_GRID, p.grid, sizeof p.grid)
	    || take(fm, F_BUILDING, p.building, sizeof p.building)
	    || take(fm, F_UNIT, p.unit, sizeof p.unit) || take(fm, F_ROOM, p.room, sizeof p.room)
	    || take(fm, F_PHONE, p.phone, sizeof p.phone) || take(fm, F_NOTE, p.note, sizeof p.note)
	    || take(fm, F_POST, p.post, sizeof p.post) || take(fm, F_BIRTH, p.birth, sizeof p.birth)
	    || take(fm, F_IDTAIL, p.id_tail, sizeof p.id_tail)
	    || take(fm, F_HOUSEHOLD, p.household, sizeof p.household)
	    || take(fm, F_GROUP, p.res_group, sizeof p.res_group))
		return -1;
	int g = fm->f[F_GENDER].choice;
	snprintf(p.gender, sizeof p.gender, "%s", g == 0 ? "男" : g == 1 ? "女" : "");
	p.roles = 0;
	for (size_t i = 0; i < role_count && i < 64; i++)
		if (fm->f[F_ROLES].checked[i])
			p.roles |= role_table[i].bit;
	if (!pf->p.id[0])
		p.active = 1;
	/* a new person with the name of one on the roster: the same person
	 * typed twice is the commoner mistake, so ask first */
	if (!pf->p.id[0] && !same_name_ok(u, p.name))
		return -1;
	if (ops_person_save(u->st, &p, err, sizeof err) != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		/* put the cursor on the field the message is about */
		static const struct { const char *word; int field; } about[] = {
			{ "姓名", F_NAME }, { "性别", F_GENDER }, { "党员", F_ROLES },
			{ "身份证", F_IDTAIL }, { "身份", F_ROLES }, { "电话", F_PHONE }, { "职务", F_POST },
			{ "出生日期", F_BIRTH },
		};
		for (size_t i = 0; i < YS_ARRAY_LEN(about); i++)
			if (strstr(err, about[i].word)) {
				fm->focus = about[i].field;
				break;
			}
		return -1;
	}
	pf->p = p;               /* id and no assigned for a new person */
	int reps = (p.roles & ROLE_HOUSEHOLD) && p.household[0] && p.active
	           ? store_household_reps(u->st, p.household, p.id) : 0;
	if (reps > 0)
		ui_message(u, UA_WARN, "已保存：%s。注意：户号 %s 另有 %d 位户代表，一户只应有一位。", p.name,
		           p.household, reps);
	else
		ui_message(u, UA_OK, "已保存：%s", p.name);
	return 0;
}

/* the form for a new person (orig NULL) or an edit; returns the number of
 * the person saved, 0 when cancelled */
static int person_form(struct ui *u, const struct person *orig)
{
	struct person_form pf;
	memset(&pf, 0, sizeof pf);
	if (orig)
		pf.p = *orig;
	for (size_t i = 0; i < role_count && i < 64; i++)
		pf.role_names[i] = role_table[i].name;

	struct field f[F_N] = {
		[F_NAME] = { .label = "姓名", .type = FT_TEXT, .required = 1, .maxchars = 20,
		             .hint = "最多 20 个字" },
		[F_GENDER] = { .label = "性别", .type = FT_CHOICE, .choices = genders,
		               .nchoices = (int)YS_ARRAY_LEN(genders), .choice = 2 },
		[F_ROLES] = { .label = "身份", .type = FT_LIST, .items = pf.role_names,
		              .nitems = (int)(role_count < 64 ? role_count : 64),
		              .hint = "按 Enter 勾选身份（可多选）；正式党员和预备党员只选一项" },
		[F_BIRTH] = { .label = "出生日期", .type = FT_TEXT, .maxchars = 10,
		              .hint = "例如 1960-03-05。居民会议的应到人数只计年满十八周岁的居民" },
		[F_IDTAIL] = { .label = "身份证后四位", .type = FT_TEXT, .maxchars = 4,
		               .hint = "可空。同名的人靠它区分；不记整个身份证号" },
		[F_POST] = { .label = "职务", .type = FT_TEXT, .maxchars = 20,
		             .hint = "可空。例如：社区党委书记、居委会主任（主持会议时写入会议记录）" },
		[F_HOUSEHOLD] = { .label = "户号", .type = FT_TEXT, .maxchars = 10,
		                  .hint = "同一户的人写同一个户号；一户只有一位户代表" },
		[F_GROUP] = { .label = "居民小组", .type = FT_TEXT, .maxchars = 10, .hint = "例如：第三居民小组" },
		[F_GRID] = { .label = "网格", .type = FT_TEXT, .maxchars = 10, .hint = "例如：第一网格" },
		[F_BUILDING] = { .label = "楼栋", .type = FT_TEXT, .maxchars = 10, .hint = "例如：3栋" },
		[F_UNIT] = { .label = "单元", .type = FT_TEXT, .maxchars = 5, .hint = "例如：2单元" },
		[F_ROOM] = { .label = "室", .type = FT_TEXT, .maxchars = 10, .hint = "例如：301" },
		[F_PHONE] = { .label = "电话", .type = FT_TEXT, .maxchars = 20,
		              .hint = "数字，可带 - + 和空格，例如 0591-83012345" },
		[F_NOTE] = { .label = "备注", .type = FT_TEXT, .maxchars = 80,
		             .hint = "例如：楼长；行动不便，需上门征求意见" },
	};
	char title[128];
	if (orig)
		snprintf(title, sizeof title, "修改人员：%d %s", orig->no, orig->name);
	else
		snprintf(title, sizeof title, "新增人员");
	struct form fm = { .title = title, .f = f, .n = F_N, .submit = person_submit, .arg = &pf };
	form_init(&fm);
	if (orig) {
		form_set_text(&fm, F_NAME, orig->name);
		f[F_GENDER].choice = strcmp(orig->gender, "男") == 0 ? 0
		                   : strcmp(orig->gender, "女") == 0 ? 1 : 2;
		for (size_t i = 0; i < role_count && i < 64; i++)
			f[F_ROLES].checked[i] = (orig->roles & role_table[i].bit) != 0;
		form_set_text(&fm, F_GRID, orig->grid);
		form_set_text(&fm, F_BUILDING, orig->building);
		form_set_text(&fm, F_UNIT, orig->unit);
		form_set_text(&fm, F_ROOM, orig->room);
		form_set_text(&fm, F_PHONE, orig->phone);
		form_set_text(&fm, F_NOTE, orig->note);
		form_set_text(&fm, F_POST, orig->post);
		form_set_text(&fm, F_BIRTH, orig->birth);
		form_set_text(&fm, F_IDTAIL, orig->id_tail);
		form_set_text(&fm, F_HOUSEHOLD, orig->household);
		form_set_text(&fm, F_GROUP, orig->res_group);
	}
	int ok = form_run(u, &fm);
	form_free(&fm);
	return ok ? pf.p.no : 0;
}

/* ---- actions --------------------------------------------------------------- */

static void toggle_active(struct ui *u)
{
	const struct person *sp = selected();
	if (!sp)
		return;
	struct person p = *sp;
	char q[512];
	char *name = text_fit(p.name, text_width(p.name) > 12 ? 12 : text_width(p.name),
	                      TEXT_ELLIPSIS);
	if (p.active)
		snprintf(q, sizeof q, "停用 %s？以往会议的签到和表决记录不受影响。", name);
	else
		snprintf(q, sizeof q, "恢复 %s 为在册？以往会议的签到和表决记录不受影响。", name);
	free(name);
	if (!ui_confirm(u, q))
		return;
	char err[512];
	if (ops_person_set_active(u->st, p.id, !p.active, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	if (p.active)
		ui_message(u, UA_OK, "已停用：%s。新会议不再计入；以往记录不变。%s", p.name,
		           R.show_inactive ? "" : "按 f 可显示停用人员。");
	else
		ui_message(u, UA_OK, "已恢复在册：%s。", p.name);
	roster_load(u);
}

/* a person entered by mistake: removed, when no record names them */
static void delete_person(struct ui *u)
{
	const struct person *sp = selected();
	char q[512], err[512];
	struct person p;

	if (!sp) {
		ui_message(u, UA_WARN, "没有选中人员。");
		return;
	}
	p = *sp;
	char *name = text_fit(p.name, text_width(p.name) > 12 ? 12 : text_width(p.name), TEXT_ELLIPSIS);
	snprintf(q, sizeof q, "删除 %d %s？只用于误录的人：删除后花名册上不再有这个人。", p.no, name);
	free(name);
	if (!ui_confirm(u, q))
		return;
	if (ops_person_delete(u->st, p.id, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	ui_message(u, UA_OK, "已删除：%s。", p.name);
	roster_load(u);
}

static void search(struct ui *u)
{
	char *s = NULL;
	if (!ui_prompt(u, "查找人员", "姓名中的字（留空则列出全部）：", R.search, 20, &s))
		return;
	if (ys_strlcpy(R.search, s, sizeof R.search) != 0)
		R.search[0] = '\0';
	free(s);
	roster_home(u);
	if (R.search[0] && R.total == 0)
		ui_message(u, UA_WARN, "没有姓名含「%s」的人员。", R.search);
}

static void filter(struct ui *u)
{
	const char *items[72];
	int n = 0;
	items[n++] = "全部身份";
	for (size_t i = 0; i < role_count && n < 70; i++)
		items[n++] = role_table[i].name;
	int toggle = n;
	items[n++] = R.show_inactive ? "不显示停用人员" : "同时显示停用人员";
	int sel = R.role + 1;
	if (!ui_choose(u, "筛选：按身份，或显示停用人员", items, n, &sel))
		return;
	if (sel == toggle)
		R.show_inactive = !R.show_inactive;
	else
		R.role = sel - 1;
	roster_home(u);
}

static void roster_action(struct ui *u, int a)
{
	const struct person *p = selected();
	switch (a) {
	case K_UP: roster_move(u, -1); break;
	case K_DOWN: roster_move(u, 1); break;
	case K_PGUP: roster_page(u, -1); break;
	case K_PGDN: roster_page(u, 1); break;
	case K_HOME: roster_home(u); break;
	case K_END: roster_end(u); break;
	case K_NEW: {
		int no = person_form(u, NULL);
		if (no > 0)
			roster_show_no(u, no);
		break;
	}
	case K_EDIT:
		if (p) {
			struct person orig = *p;
			if (person_form(u, &orig))
				roster_load(u);
		} else {
			ui_message(u, UA_WARN, "没有选中人员。按 n 新增。");
		}
		break;
	case K_TOGGLE_ACTIVE:
		toggle_active(u);
		break;
	case K_DELETE:
		delete_person(u);
		break;
	case K_IMPORT:
		if (ui_roster_import(u))
			roster_home(u);
		break;
	case K_EXPORT:
		ui_export_roster(u);
		break;
	case K_SEARCH:
		search(u);
		break;
	case K_FILTER:
		filter(u);
		break;
	}
}

const struct screen_def screen_roster = {
	.id = SCR_ROSTER, .title = "花名册", .enter = roster_enter, .draw = roster_draw, .action = roster_action,
};
