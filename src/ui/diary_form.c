/* diary_form.c: the forms of 民情日记 — an entry recorded or corrected, the
 * reply that closes the loop — and an entry in full in the pager. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"
#include "model/diary.h"
#include "ops/ops.h"
#include "paper/doc.h"

enum { F_DATE, F_WORKER, F_RESIDENT, F_PHONE, F_GRID, F_PLACE, F_CATEGORY, F_URGENCY,
       F_CONTENT, F_DONE, F_REPLY, F_REPLIED, F_N };

#define NOT_SET "（未填）"
#define NEW_CATEGORY "＋ 新类别…"
#define CAT_MAX 48

struct dform {
	struct diary d;          /* the entry being edited (id "" for a new one) */
	const char *urgencies[URG_COUNT];
	const char *categories[CAT_MAX];
	int ncategories;
	char used[24][64];       /* categories in use in the diary and the proposals */
	char added[64];          /* a category the clerk typed in this form */
};

/* the categories offered: 「（未填）」, the proposals' list, those in use,
 * the entry's own, and 「＋ 新类别…」 last */
static void category_choices(struct ui *u, struct dform *df, const char *own)
{
	char more[24][64];
	int n = 0, nu = store_diary_categories(u->st, df->used, 12), nm;

	if (nu < 0)
		nu = 0;
	nm = store_proposal_categories(u->st, more, 12);
	for (int i = 0; i < nm && nu < 24; i++)
		memcpy(df->used[nu++], more[i], sizeof more[i]);
	df->categories[n++] = NOT_SET;
	for (size_t i = 0; i < ui_category_count && n < CAT_MAX - 3; i++)
		df->categories[n++] = ui_categories[i];
	for (int i = 0; i < nu && n < CAT_MAX - 3; i++) {
		int dup = 0;
		for (int j = 0; j < n; j++)
			dup |= strcmp(df->categories[j], df->used[i]) == 0;
		if (!dup)
			df->categories[n++] = df->used[i];
	}
	if (own && *own) {
		int dup = 0;
		for (int j = 0; j < n; j++)
			dup |= strcmp(df->categories[j], own) == 0;
		if (!dup)
			df->categories[n++] = own;
	}
	df->categories[n++] = NEW_CATEGORY;
	df->ncategories = n;
}

static int choice_of(const char *const *list, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return 0;
}

/* a resident picked from the roster brings the phone, grid and building
 * into the fields left empty; 「新类别」 asks for its name */
static void dform_changed(struct ui *u, struct form *fm, int field, void *arg)
{
	struct dform *df = arg;

	if (field == F_CATEGORY &&
	    strcmp(df->categories[fm->f[F_CATEGORY].choice], NEW_CATEGORY) == 0) {
		char *name = NULL;
		int n = df->ncategories;
		if (ui_prompt(u, "新类别", "类别名称（最多 10 个字）：", NULL, 10, &name) &&
		    ys_has_text(ys_trim(name)) && df->added[0]) {
			/* one new category a form: a second one replaces the first */
			ys_strlcpy(df->added, name, sizeof df->added);
			fm->f[F_CATEGORY].choice = n - 2;
		} else if (name && ys_has_text(name)) {
			ys_strlcpy(df->added, name, sizeof df->added);
			df->categories[n - 1] = df->added;
			df->categories[n] = NEW_CATEGORY;
			df->ncategories = n + 1 < CAT_MAX ? n + 1 : n;
			fm->f[F_CATEGORY].nchoices = df->ncategories;
			fm->f[F_CATEGORY].choice = n - 1;
		} else {
			fm->f[F_CATEGORY].choice = 0;
		}
		free(name);
		return;
	}
	if (field != F_RESIDENT || fm->f[F_RESIDENT].npeople != 1)
		return;
	const struct person *p = &fm->f[F_RESIDENT].people[0];
	struct person full;
	if (!p->id[0] || store_person_get(u->st, p->id, &full) != 0)
		return;
	const struct { int field; const char *value; } fill[] = {
		{ F_PHONE, full.phone }, { F_GRID, full.grid },
	};
	for (size_t i = 0; i < YS_ARRAY_LEN(fill); i++) {
		char *s = form_get_text(fm, fill[i].field);
		if (!s[0])
			form_set_text(fm, fill[i].field, fill[i].value);
		free(s);
	}
	char *s = form_get_text(fm, F_PLACE);
	if (!s[0]) {
		char place[96];
		snprintf(place, sizeof place, "%s%s", full.building, full.unit);
		form_set_text(fm, F_PLACE, place);
	}
	free(s);
}

/* field i into dst; -1 with a message when it does not fit */
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

/* one person of a people field: the roster's id and name, or a name */
static void take_person(const struct field *f, char id[ID_LEN], char *name, size_t len)
{
	id[0] = name[0] = '\0';
	if (f->npeople > 0) {
		ys_strlcpy(id, f->people[0].id, ID_LEN);
		ys_strlcpy(name, f->people[0].name, len);
	}
}

static int dform_submit(struct ui *u, struct form *fm, void *arg)
{
	struct dform *df = arg;
	struct diary d = df->d;
	char err[512];

	d.content = d.done = d.reply = NULL;
	if (take(fm, F_DATE, d.raised_on, sizeof d.raised_on) ||
	    take(fm, F_PHONE, d.phone, sizeof d.phone) || take(fm, F_GRID, d.grid, sizeof d.grid) ||
	    take(fm, F_PLACE, d.place, sizeof d.place) ||
	    take(fm, F_REPLIED, d.replied_on, sizeof d.replied_on))
		return -1;
	take_person(&fm->f[F_WORKER], d.worker_id, d.worker_name, sizeof d.worker_name);
	take_person(&fm->f[F_RESIDENT], d.resident_id, d.resident_name, sizeof d.resident_name);
	const char *cat = df->categories[fm->f[F_CATEGORY].choice];
	ys_strlcpy(d.category, strcmp(cat, NOT_SET) == 0 || strcmp(cat, NEW_CATEGORY) == 0 ? "" : cat,
	           sizeof d.category);
	d.urgency = fm->f[F_URGENCY].choice;
	d.content = form_get_text(fm, F_CONTENT);
	d.done = form_get_text(fm, F_DONE);
	d.reply = form_get_text(fm, F_REPLY);
	int rc = ops_diary_save(u->st, &d, err, sizeof err);
	if (rc != 0) {
		static const struct { const char *word; int field; } about[] = {
			{ "反映日期", F_DATE }, { "记录人", F_WORKER }, { "反映人", F_RESIDENT },
			{ "电话", F_PHONE }, { "网格", F_GRID }, { "地点", F_PLACE }, { "类别", F_CATEGORY },
			{ "反映的事项", F_CONTENT }, { "办理情况", F_DONE }, { "答复日期", F_REPLIED },
			{ "答复内容", F_REPLY },
		};
		const char *first = NULL;

		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		/* the field the message is about: the one it names first
		 * (「答复日期 … 不能早于反映日期 …」 is about 答复日期) */
		for (size_t i = 0; i < YS_ARRAY_LEN(about); i++) {
			const char *at = strstr(err, about[i].word);

			if (at && (!first || at < first)) {
				first = at;
				fm->focus = about[i].field;
			}
		}
	} else {
		memcpy(df->d.number, d.number, sizeof df->d.number);
		ui_message(u, UA_OK, "已%s民情日记 %s（%s %s 反映）%s", df->d.id[0] ? "修改" : "记下",
		           d.number, d.raised_on, d.resident_name,
		           d.replied_on[0] ? "，已答复。" : "。答复后按 r 记录答复。");
	}
	free(d.content);
	free(d.done);
	free(d.reply);
	return rc != 0 ? -1 : 0;
}

int ui_diary_form(struct ui *u, const struct diary *orig, char *number)
{
	struct dform df;
	char title[128];

	memset(&df, 0, sizeof df);
	if (orig) {
		df.d = *orig;
		df.d.content = df.d.done = df.d.reply = NULL;
	}
	for (int i = 0; i < URG_COUNT; i++)
		df.urgencies[i] = urgency_table[i].name;
	category_choices(u, &df, orig ? orig->category : NULL);
	struct field f[F_N] = {
		[F_DATE] = { .label = "反映日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		             .hint = "居民反映的那一天：按走访本补录时填当时的日期（不能晚于今天）" },
		[F_WORKER] = { .label = "记录人", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		               .roles = ROLE_GRID | ROLE_RES_CMTE | ROLE_PARTY_CMTE,
		               .hint = "听到诉求的网格员或社区工作者：按 Enter 从花名册选择，或输入姓名" },
		[F_RESIDENT] = { .label = "反映人", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		                 .hint = "按 Enter 从花名册选择（电话、网格、楼栋随之填入），不在花名册上的输入姓名" },
		[F_PHONE] = { .label = "电话", .type = FT_TEXT, .maxchars = 20, .hint = "回访用，可空" },
		[F_GRID] = { .label = "网格", .type = FT_TEXT, .maxchars = 10, .hint = "例如：第三网格" },
		[F_PLACE] = { .label = "地点", .type = FT_TEXT, .maxchars = 30,
		              .hint = "楼栋单元或具体地点，例如：7栋2单元、中心广场东侧" },
		[F_CATEGORY] = { .label = "类别", .type = FT_CHOICE, .choices = df.categories,
		                 .nchoices = df.ncategories,
		                 .hint = "←→ 选择（与议题的类别相同）；没有合适的选「＋ 新类别…」" },
		[F_URGENCY] = { .label = "紧急程度", .type = FT_CHOICE, .choices = df.urgencies,
		                .nchoices = URG_COUNT,
		                .hint = "←→ 选择：一般 15 天内答复，较急 7 天内，紧急 3 天内" },
		[F_CONTENT] = { .label = "反映的事项", .type = FT_MULTI, .required = 1, .rows = 4,
		                .maxchars = 1000, .hint = "居民说了什么、诉求是什么（第一行作为摘要）" },
		[F_DONE] = { .label = "办理情况", .type = FT_MULTI, .rows = 2, .maxchars = 1000,
		             .hint = "可空：做了什么、交给了谁" },
		[F_REPLY] = { .label = "答复内容", .type = FT_MULTI, .rows = 2, .maxchars = 500,
		              .hint = "可空：已经答复居民的，写明答复了什么（再填答复日期）" },
		[F_REPLIED] = { .label = "答复日期", .type = FT_DATE, .maxchars = 10,
		                .hint = "答复居民的日期；与答复内容同时填写" },
	};
	if (orig)
		snprintf(title, sizeof title, "修改民情日记 %s", orig->number);
	struct form fm = { .title = orig ? title : "新的民情日记", .f = f, .n = F_N,
	                   .submit = dform_submit, .changed = dform_changed, .arg = &df };
	form_init(&fm);
	if (orig) {
		form_set_text(&fm, F_DATE, orig->raised_on);
		const struct { int field; const char *id, *name; } who[] = {
			{ F_WORKER, orig->worker_id, orig->worker_name },
			{ F_RESIDENT, orig->resident_id, orig->resident_name },
		};
		for (size_t i = 0; i < YS_ARRAY_LEN(who); i++) {
			struct person *p = &f[who[i].field].people[0];
			memset(p, 0, sizeof *p);
			ys_strlcpy(p->id, who[i].id, sizeof p->id);
			ys_strlcpy(p->name, who[i].name, sizeof p->name);
			f[who[i].field].npeople = 1;
		}
		form_set_text(&fm, F_PHONE, orig->phone);
		form_set_text(&fm, F_GRID, orig->grid);
		form_set_text(&fm, F_PLACE, orig->place);
		f[F_CATEGORY].choice = choice_of(df.categories, df.ncategories,
		                                 orig->category[0] ? orig->category : NOT_SET);
		f[F_URGENCY].choice = orig->urgency >= 0 && orig->urgency < URG_COUNT ? orig->urgency : 0;
		form_set_text(&fm, F_CONTENT, orig->content);
		form_set_text(&fm, F_DONE, orig->done);
		form_set_text(&fm, F_REPLY, orig->reply);
		form_set_text(&fm, F_REPLIED, orig->replied_on);
	} else {
		char today[11];
		ys_today(today);
		form_set_text(&fm, F_DATE, today);
	}
	int ok = form_run(u, &fm);
	form_free(&fm);
	if (ok && number)
		snprintf(number, 24, "%s", df.d.number);
	return ok;
}

/* ---- the reply ------------------------------------------------------------- */

enum { R_DATE, R_REPLY, R_DONE, R_N };

struct rform {
	char id[ID_LEN];
	char number[24];
};

static int reply_submit(struct ui *u, struct form *fm, void *arg)
{
	struct rform *rf = arg;
	char err[512];
	char *date = form_get_text(fm, R_DATE), *reply = form_get_text(fm, R_REPLY);
	char *done = form_get_text(fm, R_DONE);
	int rc = ops_diary_reply(u->st, rf->id, reply, date, done, err, sizeof err);

	if (rc != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		fm->focus = strstr(err, "日期") ? R_DATE : strstr(err, "办理") ? R_DONE : R_REPLY;
	} else {
		ui_message(u, UA_OK, "已记录 %s 的答复（%s），这条民情日记已答复。", rf->number, date);
	}
	free(date);
	free(reply);
	free(done);
	return rc != 0 ? -1 : 0;
}

int ui_diary_reply(struct ui *u, const struct diary *d)
{
	struct rform rf;
	char title[160], today[11];

	memset(&rf, 0, sizeof rf);
	ys_strlcpy(rf.id, d->id, sizeof rf.id);
	ys_strlcpy(rf.number, d->number, sizeof rf.number);
	struct field f[R_N] = {
		[R_DATE] = { .label = "答复日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		             .hint = "答复居民的那一天（补录时填当时的日期；不早于反映日期）" },
		[R_REPLY] = { .label = "答复内容", .type = FT_MULTI, .required = 1, .rows = 3,
		              .maxchars = 500, .hint = "告诉居民的结果或安排" },
		[R_DONE] = { .label = "办理情况", .type = FT_MULTI, .rows = 3, .maxchars = 1000,
		             .hint = "做了什么、交给了谁（可空）" },
	};
	snprintf(title, sizeof title, "答复 %s（%s %s 反映）", d->number, d->raised_on, d->resident_name);
	struct form fm = { .title = title, .f = f, .n = R_N, .submit = reply_submit, .arg = &rf,
	                   .save = "记录答复" };
	form_init(&fm);
	ys_today(today);
	form_set_text(&fm, R_DATE, d->replied_on[0] ? d->replied_on : today);
	form_set_text(&fm, R_REPLY, d->reply);
	form_set_text(&fm, R_DONE, d->done);
	int ok = form_run(u, &fm);
	form_free(&fm);
	return ok;
}

/* ---- an entry in full --------------------------------------------------------- */

void ui_diary_detail(struct ui *u, const char *diary_id)
{
	struct diary d;
	struct doc doc;
	char due[11] = "", today[11];

	if (store_diary_get(u->st, diary_id, &d) != 0) {
		ui_error(u, "找不到这条民情日记。");
		return;
	}
	ys_today(today);
	diary_due_date(d.raised_on, d.urgency, due);
	int st = diary_state(d.raised_on, d.urgency, d.replied_on, today);
	doc_init(&doc, DOC_CHANGES);
	doc.title = xstrdup("民情日记");
	doc.number = xstrdup(d.number);
	doc_add(&doc, B_TITLE, NULL, "民情日记");
	doc_addf(&doc, B_SUBTITLE, NULL, "%s", d.number);
	doc_add(&doc, B_FIELD, "反映日期", d.raised_on);
	doc_addf(&doc, B_FIELD, "反映人", "%s%s%s%s", d.resident_name, d.phone[0] ? "（电话 " : "",
	         d.phone, d.phone[0] ? "）" : "");
	doc_add(&doc, B_FIELD, "记录人", d.worker_name);
	doc_addf(&doc, B_FIELD, "地点", "%s %s", d.grid[0] ? d.grid : "", d.place[0] ? d.place : "");
	doc_add(&doc, B_FIELD, "类别", d.category[0] ? d.category : "—");
	doc_addf(&doc, B_FIELD, "紧急程度", "%s（%d 天内答复，应在 %s 前）", urgency_name(d.urgency),
	         urgency_table[d.urgency % URG_COUNT].due_days, due);
	doc_addf(&doc, B_FIELD, "状态", "%s", diary_state_name(st));
	doc_add(&doc, B_HEADING, NULL, "反映的事项");
	doc_add(&doc, B_PARA, NULL, d.content);
	doc_add(&doc, B_HEADING, NULL, "办理情况");
	doc_add(&doc, B_PARA, NULL, d.done[0] ? d.done : "（未填）");
	doc_add(&doc, B_HEADING, NULL, "答复");
	if (d.replied_on[0]) {
		doc_add(&doc, B_FIELD, "答复日期", d.replied_on);
		doc_add(&doc, B_PARA, NULL, d.reply);
	} else {
		doc_add(&doc, B_PARA, NULL, "尚未答复。");
	}
	if (d.proposal_number[0]) {
		struct proposal p;
		doc_add(&doc, B_HEADING, NULL, "转为议题");
		if (store_proposal_get(u->st, d.proposal_id, &p) == 0) {
			doc_addf(&doc, B_LINE, NULL, "议题 %s %s（%s）", p.number, p.title,
			         p.status == PST_ACTIVE ? step_long_name(p.step) : pstatus_name(p.status));
			proposal_clear(&p);
		}
	}
	ui_preview(u, &doc);
	doc_free(&doc);
	diary_clear(&d);
}
