/* ui_rules.c: 表决规则 — the rule sets (quorum and majority, with their
 * source).  An edit needs a reason and is written to the change log by the
 * store; votes already taken keep the snapshot of the rule they used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/text.h"
#include "ops/ops.h"
#include "base/util.h"

#define RULE_MAX 32

static struct {
	struct rule_set rows[RULE_MAX];
	int n;
	int cur;
	int top;                 /* first listed row */
} RS;

static const char *const notice =
	"修改规则只影响以后的表决；已经进行的表决保留当时所用规则的快照，结果不变。";

static void rules_load(struct ui *u)
{
	char keep[sizeof RS.rows[0].id] = "";
	if (RS.n > 0 && RS.cur < RS.n)
		snprintf(keep, sizeof keep, "%s", RS.rows[RS.cur].id);
	RS.n = store_rule_list(u->st, RS.rows, RULE_MAX);
	if (RS.n < 0) {
		ui_error(u, "%s", store_errmsg(u->st));
		RS.n = 0;
	}
	for (int i = 0; keep[0] && i < RS.n; i++)
		if (strcmp(RS.rows[i].id, keep) == 0)
			RS.cur = i;
	if (RS.cur >= RS.n)
		RS.cur = RS.n ? RS.n - 1 : 0;
}

static void rules_enter(struct ui *u)
{
	rules_load(u);
}

/* "半数以上" / "过半数" / "不设" */
static void quorum_short(const struct rule_set *r, char *buf, size_t len)
{
	if (r->q_num <= 0) {
		snprintf(buf, len, "不设");
		return;
	}
	char ph[64];
	rule_phrase(r->q_cmp, r->q_num, r->q_den, ph, sizeof ph);
	snprintf(buf, len, "应到%s出席", ph);
}

static const char *const base_names[] = { "应到人数", "出席人数", "有效票" };

static void pass_short(const struct rule_set *r, char *buf, size_t len)
{
	char ph[64];
	rule_phrase(r->p_cmp, r->p_num, r->p_den, ph, sizeof ph);
	snprintf(buf, len, "赞成%s%s", r->p_base >= 0 && r->p_base <= 2 ? base_names[r->p_base] : "?", ph);
}

/* ---- drawing ------------------------------------------------------------- */

struct lines { struct strbuf sb; int n; };

static void line_cb(const char *line, size_t nbytes, void *arg)
{
	struct lines *l = arg;
	sb_addn(&l->sb, line, nbytes);
	sb_add(&l->sb, "\n");
	l->n++;
}

/* draw s wrapped to cols from row y with x, indented continuation lines;
 * returns the next free row (never past bottom) */
static int put_wrapped(int y, int bottom, int x, int cols, const char *s, int attr)
{
	struct lines l = { { 0 }, 0 };
	sb_add(&l.sb, "");
	text_wrap(s, cols > 4 ? cols : 4, line_cb, &l);
	const char *p = l.sb.s;
	while (*p && y < bottom) {
		const char *e = strchr(p, '\n');
		char *line = xasprintf("%.*s", (int)(e - p), p);
		ui_put(y++, x, cols, line, TEXT_ELLIPSIS, attr);
		free(line);
		p = e + 1;
	}
	sb_free(&l.sb);
	return y;
}

/* the rule worked through on round numbers, so that the clerk can check
 * it: "举例：应到 100 人，至少 51 人出席才能表决；出席 80 人时赞成至少 41 票
 * 通过。"  Caller frees. */
static char *example(const struct rule_set *r)
{
	enum { ENTITLED = 100, PRESENT = 80 };
	struct strbuf sb = { 0 };
	sb_addf(&sb, "举例：应到 %d 人，", ENTITLED);
	if (r->q_num > 0)
		sb_addf(&sb, "至少 %ld 人出席才能表决；",
		        rule_min_needed(ENTITLED, r->q_cmp, r->q_num, r->q_den));
	else
		sb_add(&sb, "出席人数不限；");
	long base = r->p_base == BASE_ENTITLED ? ENTITLED : PRESENT;
	long need = rule_min_needed(base, r->p_cmp, r->p_num, r->p_den);
	if (r->p_base == BASE_PRESENT)
		sb_addf(&sb, "出席 %d 人时赞成至少 %ld 票通过。", PRESENT, need);
	else if (r->p_base == BASE_VALID)
		sb_addf(&sb, "有效票 %d 票时赞成至少 %ld 票通过。", PRESENT, need);
	else
		sb_addf(&sb, "赞成至少 %ld 票通过（不论出席多少人）。", need);
	return sb_steal(&sb);
}

#define NAME_W 22
#define CODE_W 10
#define QUORUM_W 20

static void rules_draw(struct ui *u, int top, int bottom)
{
	int w = u->cols - 2;
	ui_put(top, 1, w, notice, TEXT_ELLIPSIS, UA_NORMAL);
	int pass_w = w - 2 - NAME_W - CODE_W - QUORUM_W - 3;
	ui_fill(top + 1, 0, u->cols, UA_HEAD);
	{
		int x = 3;
		ui_put(top + 1, x, NAME_W, "名称", 0, UA_HEAD);
		x += NAME_W + 1;
		ui_put(top + 1, x, CODE_W, "代码", 0, UA_HEAD);
		x += CODE_W + 1;
		ui_put(top + 1, x, QUORUM_W, "法定人数", 0, UA_HEAD);
		x += QUORUM_W + 1;
		ui_put(top + 1, x, pass_w, "通过", 0, UA_HEAD);
	}
	if (RS.n == 0) {
		ui_put(top + 3, 2, w - 2, "还没有表决规则。重新打开数据库会写入默认规则；"
		       "如仍没有，请运行 yishiting check 检查数据库。", TEXT_ELLIPSIS, UA_WARN);
		return;
	}

	/* the list takes at most half of the area; the rest is the detail */
	int list_h = RS.n;
	int max_h = (bottom - top - 2) / 2;
	if (list_h > max_h)
		list_h = max_h > 1 ? max_h : 1;
	if (RS.cur < RS.top)
		RS.top = RS.cur;
	if (RS.cur >= RS.top + list_h)
		RS.top = RS.cur - list_h + 1;
	for (int i = 0; i < list_h && RS.top + i < RS.n; i++) {
		int j = RS.top + i, y = top + 2 + i;
		const struct rule_set *r = &RS.rows[j];
		int attr = j == RS.cur ? UA_SEL : UA_NORMAL;
		char q[96], p[96];
		quorum_short(r, q, sizeof q);
		pass_short(r, p, sizeof p);
		if (j == RS.cur)
			ui_fill(y, 0, u->cols, attr);
		ui_put(y, 1, 2, j == RS.cur ? "▸" : "", 0, attr);
		int x = 3;
		ui_put(y, x, NAME_W, r->name, TEXT_ELLIPSIS, attr);
		x += NAME_W + 1;
		ui_put(y, x, CODE_W, r->code, TEXT_ELLIPSIS, attr);
		x += CODE_W + 1;
		ui_put(y, x, QUORUM_W, q, TEXT_ELLIPSIS, attr);
		x += QUORUM_W + 1;
		ui_put(y, x, pass_w, p, TEXT_ELLIPSIS, attr);
	}

	/* the selected rule in full */
	const struct rule_set *r = &RS.rows[RS.cur];
	int y = top + 2 + list_h;
	ui_hline(y++, 0, u->cols, UA_DIM);
	char desc[512];
	rule_describe(r, desc, sizeof desc);
	ui_putf(y++, 1, w, TEXT_ELLIPSIS, UA_HEAD, "%s（%s）", r->name, r->code);
	y = put_wrapped(y, bottom, 1, w, desc, UA_NORMAL);
	char *src = xasprintf("依据：%s", r->source[0] ? r->source : "（未填写）");
	y = put_wrapped(y, bottom, 1, w, src, UA_NORMAL);
	free(src);
	char *ex = example(r);
	y = put_wrapped(y, bottom, 1, w, ex, UA_NORMAL);
	free(ex);
	if (y < bottom - 1)
		y++;
	y = put_wrapped(y, bottom, 1, w, "按 e 或 Enter 修改所选规则，须写明理由；修改记入变更记录。", UA_DIM);
	put_wrapped(y, bottom, 1, w, "「以上」含本数，「过半数」「超过」不含本数（民法典第一千二百五十九条）。", UA_DIM);
}

/* ---- the edit form --------------------------------------------------------- */

static const char *const q_cmps[] = { "不要求", "超过（>）", "以上（≥，含本数）" };
static const char *const p_cmps[] = { "超过（>）", "以上（≥，含本数）" };
static const char *const bases[] = { "应到人数", "实到（出席）人数", "有效票（赞成+反对+弃权）" };

enum { F_NAME, F_QCMP, F_QNUM, F_QDEN, F_PBASE, F_PCMP, F_PNUM, F_PDEN, F_SOURCE,
       F_REASON, F_N };

static void rule_changed(struct ui *u, struct form *fm, int field, void *arg)
{
	(void)u;
	(void)arg;
	if (field != F_QCMP)
		return;
	int none = fm->f[F_QCMP].choice == 0;
	fm->f[F_QNUM].hint = fm->f[F_QDEN].hint = none
		? "不要求法定人数时，比例不用填（不计算）。"
		: "例如半数：分子 1、分母 2；三分之二：分子 2、分母 3。";
}

/* a fraction part typed in field i; -1 with a message */
static int take_number(struct form *fm, int i, int *out)
{
	char *s = form_get_text(fm, i);
	char err[160];
	int r = 0;
	if (!s[0]) {
		snprintf(fm->msg, sizeof fm->msg, "请填写「%s」。", fm->f[i].label);
		r = -1;
	} else if (parse_count(s, 1000000, out, err, sizeof err) != 0) {
		snprintf(fm->msg, sizeof fm->msg, "「%s」%s", fm->f[i].label, err);
		r = -1;
	}
	free(s);
	if (r)
		fm->focus = i;
	return r;
}

static int same_rule(const struct rule_set *a, const struct rule_set *b)
{
	return strcmp(a->name, b->name) == 0 && a->q_cmp == b->q_cmp && a->q_num == b->q_num
	    && (a->q_num == 0 || a->q_den == b->q_den) && a->p_base == b->p_base
	    && a->p_cmp == b->p_cmp && a->p_num == b->p_num && a->p_den == b->p_den
	    && strcmp(a->source, b->source) == 0;
}

static int rule_submit(struct ui *u, struct form *fm, void *arg)
{
	const struct rule_set *orig = arg;
	struct rule_set r = *orig;
	char err[512];

	char *name = form_get_text(fm, F_NAME);
	char *source = form_get_text(fm, F_SOURCE);
	ys_trim(source);
	int bad_name = ys_strlcpy(r.name, name, sizeof r.name);
	int bad_source = ys_strlcpy(r.source, source, sizeof r.source);
	free(name);
	free(source);
	if (bad_name || bad_source) {
		fm->focus = bad_name ? F_NAME : F_SOURCE;
		snprintf(fm->msg, sizeof fm->msg, "「%s」太长，请缩短。", fm->f[fm->focus].label);
		return -1;
	}
	r.q_base = BASE_ENTITLED;
	if (fm->f[F_QCMP].choice == 0) {
		r.q_cmp = CMP_GE;
		r.q_num = 0;
		r.q_den = 1;
	} else {
		r.q_cmp = fm->f[F_QCMP].choice == 1 ? CMP_GT : CMP_GE;
		if (take_number(fm, F_QNUM, &r.q_num) || take_number(fm, F_QDEN, &r.q_den))
			return -1;
		if (r.q_num == 0) {
			snprintf(fm->msg, sizeof fm->msg, "「法定分子」不能为 0；不要求法定人数请选「不要求」。");
			fm->focus = F_QNUM;
			return -1;
		}
	}
	r.p_base = fm->f[F_PBASE].choice == 0 ? BASE_ENTITLED
	         : fm->f[F_PBASE].choice == 1 ? BASE_PRESENT : BASE_VALID;
	r.p_cmp = fm->f[F_PCMP].choice == 0 ? CMP_GT : CMP_GE;
	if (take_number(fm, F_PNUM, &r.p_num) || take_number(fm, F_PDEN, &r.p_den))
		return -1;
	if (same_rule(&r, orig)) {
		snprintf(fm->msg, sizeof fm->msg, "规则没有改动。按 Esc 返回。");
		return -1;
	}
	char *reason = form_get_text(fm, F_REASON);
	int field = RF_NONE;
	int rc = ops_rule_update(u->st, &r, reason, &field, err, sizeof err);
	free(reason);
	if (rc != 0) {
		/* the rule's own check names the field: the cursor goes there */
		static const int at[RF_COUNT] = {
			[RF_NAME] = F_NAME, [RF_SOURCE] = F_SOURCE, [RF_Q_NUM] = F_QNUM,
			[RF_Q_DEN] = F_QDEN, [RF_P_BASE] = F_PBASE, [RF_P_NUM] = F_PNUM,
			[RF_P_DEN] = F_PDEN, [RF_CMP] = F_PCMP,
		};
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		if (field > RF_NONE && field < RF_COUNT)
			fm->focus = at[field];
		return -1;
	}
	ui_message(u, UA_OK, "已修改，修改已记入变更记录。以后的表决按新规则，以往的表决不受影响。");
	return 0;
}

static void rule_edit(struct ui *u, const struct rule_set *orig)
{
	struct field f[F_N] = {
		[F_NAME] = { .label = "名称", .type = FT_TEXT, .required = 1, .maxchars = 30,
		             .hint = "例如：居民代表会议表决规则（最多 30 字）" },
		[F_QCMP] = { .label = "法定人数", .type = FT_CHOICE, .choices = q_cmps,
		             .nchoices = (int)YS_ARRAY_LEN(q_cmps),
		             .hint = "出席人数与应到人数相比：「过半数」为超过，「半数以上」为以上" },
		[F_QNUM] = { .label = "法定分子", .type = FT_NUMBER, .maxchars = 3 },
		[F_QDEN] = { .label = "法定分母", .type = FT_NUMBER, .maxchars = 3 },
		[F_PBASE] = { .label = "通过基数", .type = FT_CHOICE, .choices = bases,
		              .nchoices = (int)YS_ARRAY_LEN(bases),
		              .hint = "赞成票与哪个数相比：应到、实到（出席）或有效票" },
		[F_PCMP] = { .label = "通过", .type = FT_CHOICE, .choices = p_cmps,
		             .nchoices = (int)YS_ARRAY_LEN(p_cmps),
		             .hint = "「过半数」「超过」不含本数（>）；「以上」含本数（≥）" },
		[F_PNUM] = { .label = "通过分子", .type = FT_NUMBER, .maxchars = 3,
		             .hint = "例如半数：分子 1、分母 2；三分之二：分子 2、分母 3" },
		[F_PDEN] = { .label = "通过分母", .type = FT_NUMBER, .maxchars = 3,
		             .hint = "分母不大于 100" },
		[F_SOURCE] = { .label = "依据", .type = FT_MULTI, .required = 1, .rows = 3,
		               .maxchars = 160, .hint = "法律条文或议事规则，例如：城市居民委员会组织法 第十条" },
		[F_REASON] = { .label = "修改理由", .type = FT_TEXT, .required = 1, .maxchars = 100,
		               .hint = "写入变更记录，例如：依据2026年修订的组织法调整" },
	};
	char title[160];
	snprintf(title, sizeof title, "修改表决规则：%s", orig->name);
	struct form fm = { .title = title, .f = f, .n = F_N, .submit = rule_submit,
	                   .changed = rule_changed, .arg = (void *)orig };
	form_init(&fm);
	char num[16];
	form_set_text(&fm, F_NAME, orig->name);
	f[F_QCMP].choice = orig->q_num <= 0 ? 0 : orig->q_cmp == CMP_GT ? 1 : 2;
	if (orig->q_num > 0) {
		snprintf(num, sizeof num, "%d", orig->q_num);
		form_set_text(&fm, F_QNUM, num);
		snprintf(num, sizeof num, "%d", orig->q_den);
		form_set_text(&fm, F_QDEN, num);
	}
	f[F_PBASE].choice = orig->p_base == BASE_PRESENT ? 1 : orig->p_base == BASE_VALID ? 2 : 0;
	f[F_PCMP].choice = orig->p_cmp == CMP_GE ? 1 : 0;
	snprintf(num, sizeof num, "%d", orig->p_num);
	form_set_text(&fm, F_PNUM, num);
	snprintf(num, sizeof num, "%d", orig->p_den);
	form_set_text(&fm, F_PDEN, num);
	form_set_text(&fm, F_SOURCE, orig->source);
	rule_changed(u, &fm, F_QCMP, NULL);
	form_run(u, &fm);
	form_free(&fm);
}

static void rules_action(struct ui *u, int a)
{
	switch (a) {
	case K_UP: if (RS.cur > 0) RS.cur--; break;
	case K_DOWN: if (RS.cur < RS.n - 1) RS.cur++; break;
	case K_PGUP: case K_HOME: RS.cur = 0; break;
	case K_PGDN: case K_END: RS.cur = RS.n ? RS.n - 1 : 0; break;
	case K_SETTINGS:
		ui_settings(u);
		break;
	case K_EDIT:
		if (RS.n > 0) {
			struct rule_set orig = RS.rows[RS.cur];
			rule_edit(u, &orig);
			rules_load(u);
		}
		break;
	}
}

const struct screen_def screen_rules = {
	.id = SCR_RULES, .title = "表决规则", .enter = rules_enter, .draw = rules_draw, .action = rules_action,
};
