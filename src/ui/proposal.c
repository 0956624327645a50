/* ui_proposal.c: 提议 — the form that records a new proposal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "ops/ops.h"
#include "base/clock.h"
#include "base/util.h"


/* 提议主体: who puts the matter forward — people (居民代表, 居民联名) or
 * the community's organisations, each written as a proposer by its name;
 * people picked beside an organisation are the members handling it */
enum { ORG_PARTY = 1, ORG_COMMITTEE = 2 };
static const struct who_def {
	const char *label;
	int orgs;                /* ORG_* that propose */
	int roles;               /* the picker's filter */
	int required, free_text;
	const char *hint;
} who_table[] = {
	{ "居民代表", 0, ROLE_REP, 1, 0, "从花名册中的居民代表中选择（可多人）" },
	{ "社区党组织", ORG_PARTY, ROLE_PARTY_CMTE, 0, 0,
	  "由社区党组织提出；可另选经办的委员（可不选）" },
	{ "居委会", ORG_COMMITTEE, ROLE_RES_CMTE, 0, 0, "由居委会提出；可另选经办的委员（可不选）" },
	{ "社区两委", ORG_PARTY | ORG_COMMITTEE, ROLE_PARTY_CMTE | ROLE_RES_CMTE, 0, 0,
	  "由社区党组织和居委会共同提出；可另选经办的委员（可不选）" },
	{ "居民联名", 0, 0, 1, 1, "联名的居民（可多人，可输入不在花名册上的姓名）" },
};
#define WHO_N ((int)YS_ARRAY_LEN(who_table))
#define WHO_JOINT (WHO_N - 1)

/* the organisations' names as proposers */
static const char *org_name(const struct ui *u, int org)
{
	if (org == ORG_PARTY)
		return u->comm.party_org[0] ? u->comm.party_org : "社区党组织";
	return u->comm.committee[0] ? u->comm.committee : "社区居民委员会";
}
static const char *const sources[] = {
	"民情日记", "网格走访", "居民来信", "12345热线", "议事协商会", "党员联系群众", "其他",
};
/* offered by the 民情日记 form too (ui_int.h) */
const char *const ui_categories[] = {
	"加装电梯", "停车管理", "环境卫生", "雨污分流", "安全隐患", "噪声扰民",
	"公共设施", "物业管理", "养老托幼", "其他",
};
const size_t ui_category_count = YS_ARRAY_LEN(ui_categories);

enum { F_TITLE, F_DATE, F_CONTENT, F_WHO, F_PEOPLE, F_SOURCE, F_CATEGORY, F_GRID, F_BUILDING,
       F_REASON, F_N };

/* what the form is for: a new proposal, or the correction of one (id set;
 * reason_needed when a meeting that handled it is sealed) */
struct pform {
	char id[ID_LEN];
	int reason_needed;
	/* a proposal from a 民情日记 entry: its id, and its 来源 offered */
	char diary_id[ID_LEN];
	char diary_source[64];
	/* the choices offered: the lists, and a value of the proposal that is
	 * not in them kept as one more choice (never changed unasked) */
	const char *sources[16], *categories[40];
	int nsources, ncategories;
	char used[24][64];       /* categories already in use */
	char added[8][64];       /* categories the clerk added in this form */
	int nadded;
};
#define NEW_CATEGORY "＋ 新类别…"

#define NOT_SET "（未填）"

/* list into out, and extra (when not in it) at its end; an empty extra
 * is offered as 「（未填）」 */
static int choices_with(const char *const *list, int n, const char *extra, const char **out)
{
	int k = 0, found = 0;

	for (int i = 0; i < n && k < 15; i++) {
		out[k++] = list[i];
		found |= extra && strcmp(list[i], extra) == 0;
	}
	if (extra && !found)
		out[k++] = *extra ? extra : NOT_SET;
	return k;
}

static const char *choice_value(const char *s)
{
	return strcmp(s, NOT_SET) == 0 ? "" : s;
}

/* a new category typed by the clerk, added to the choices before the
 * 「新类别」 entry and chosen */
static void category_add(struct ui *u, struct form *fm, struct pform *pf)
{
	struct field *f = &fm->f[F_CATEGORY];
	char *name = NULL;

	if (!ui_prompt(u, "新类别", "类别名称（如：垃圾分类、适老化改造；最多 10 个字）：", NULL, 10,
	               &name) || !ys_has_text(ys_trim(name))) {
		f->choice = pf->ncategories - 2;        /* back to the one before */
		free(name);
		return;
	}
	for (int i = 0; i < pf->ncategories - 1; i++)
		if (strcmp(pf->categories[i], name) == 0) {
			f->choice = i;          /* already offered */
			free(name);
			return;
		}
	if (pf->nadded >= (int)YS_ARRAY_LEN(pf->added) ||
	    pf->ncategories >= (int)YS_ARRAY_LEN(pf->categories)) {
		snprintf(fm->msg, sizeof fm->msg, "一次最多新增 %d 个类别。", (int)YS_ARRAY_LEN(pf->added));
		f->choice = pf->ncategories - 2;
		free(name);
		return;
	}
	ys_strlcpy(pf->added[pf->nadded], name, sizeof pf->added[0]);
	pf->categories[pf->ncategories - 1] = pf->added[pf->nadded++];
	pf->categories[pf->ncategories++] = NEW_CATEGORY;
	f->nchoices = pf->ncategories;
	f->choice = pf->ncategories - 2;
	free(name);
}

/* the proposer picker follows the kind of proposer; 「新类别」 asks for it */
static void form_changed(struct ui *u, struct form *fm, int field, void *arg)
{
	struct pform *pf = arg;

	if (field == F_CATEGORY && pf &&
	    strcmp(pf->categories[fm->f[F_CATEGORY].choice], NEW_CATEGORY) == 0) {
		category_add(u, fm, pf);
		return;
	}
	if (field != F_WHO)
		return;
	const struct who_def *w = &who_table[fm->f[F_WHO].choice];
	struct field *f = &fm->f[F_PEOPLE];
	f->roles = w->roles;
	f->required = w->required;
	f->hint = w->hint;
	f->free_text = w->free_text;
	f->npeople = 0;
}

static int proposal_submit(struct ui *u, struct form *fm, void *arg)
{
	const struct pform *pf = arg;
	struct proposal p;
	struct proposer pp[17];
	int n = 0;
	char err[512];
	memset(&p, 0, sizeof p);
	memset(pp, 0, sizeof pp);

	char *title = form_get_text(fm, F_TITLE);
	char *grid = form_get_text(fm, F_GRID);
	char *bld = form_get_text(fm, F_BUILDING);
	char *date = form_get_text(fm, F_DATE);
	int bad = ys_strlcpy(p.title, title, sizeof p.title) | ys_strlcpy(p.grid, grid, sizeof p.grid)
	        | ys_strlcpy(p.building, bld, sizeof p.building);
	int bad_date = ys_strlcpy(p.proposed_on, date, sizeof p.proposed_on);
	free(title);
	free(grid);
	free(bld);
	if (bad_date) {
		snprintf(fm->msg, sizeof fm->msg, "提议日期“%s”无效，格式应为 2026-11-22。", date);
		fm->focus = F_DATE;
		free(date);
		return -1;
	}
	free(date);
	if (bad) {
		snprintf(fm->msg, sizeof fm->msg, "标题、网格或楼栋过长，请缩短。");
		return -1;
	}
	p.content = form_get_text(fm, F_CONTENT);
	ys_strlcpy(p.source, choice_value(pf->sources[fm->f[F_SOURCE].choice]), sizeof p.source);
	ys_strlcpy(p.category, choice_value(pf->categories[fm->f[F_CATEGORY].choice]),
	           sizeof p.category);

	int who = fm->f[F_WHO].choice;
	for (int org = ORG_PARTY; org <= ORG_COMMITTEE; org <<= 1)
		if (who_table[who].orgs & org) {
			pp[n].kind = PK_ORG;
			ys_strlcpy(pp[n].name, org_name(u, org), sizeof pp[n].name);
			n++;
		}
	for (int i = 0; i < fm->f[F_PEOPLE].npeople && n < 17; i++, n++) {
		const struct person *q = &fm->f[F_PEOPLE].people[i];
		pp[n].kind = who == WHO_JOINT ? PK_JOINT : PK_PERSON;
		ys_strlcpy(pp[n].person_id, q->id, sizeof pp[n].person_id);
		ys_strlcpy(pp[n].name, q->name, sizeof pp[n].name);
	}
	int rc;
	if (pf->id[0]) {
		char *reason = form_get_text(fm, F_REASON);
		/* after a sealed meeting: a 更正, with its reason (ops' words) */
		if (pf->reason_needed == 1 && !reason[0]) {
			snprintf(fm->msg, sizeof fm->msg, "%s请在「更正理由」中写明。", fm->f[F_REASON].hint);
			fm->focus = F_REASON;
			free(reason);
			free(p.content);
			return -1;
		}
		ys_strlcpy(p.id, pf->id, sizeof p.id);
		rc = ops_proposal_edit(u->st, &p, pp, n, reason, err, sizeof err);
		free(reason);
	} else if (pf->diary_id[0]) {
		/* the proposal and the entry's link, in one operation */
		rc = ops_diary_to_proposal(u->st, pf->diary_id, &p, pp, n, err, sizeof err);
	} else {
		rc = ops_proposal_new(u->st, &p, pp, n, err, sizeof err);
	}
	if (rc != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		/* the cursor goes to the date when the date is at fault */
		if (strncmp(err, "提议日期", strlen("提议日期")) == 0)
			fm->focus = F_DATE;
		free(p.content);
		return -1;
	}
	if (pf->id[0])
		ui_message(u, UA_OK, "已修改议题「%s」；改动记入修改记录（按 h 查看）。", p.title);
	else if (pf->diary_id[0])
		ui_message(u, UA_OK, "已登记议题 %s「%s」，来源：%s。下一步：两委联席会议商议。", p.number,
		           p.title, p.source);
	else
		ui_message(u, UA_OK, "已登记议题 %s「%s」。下一步：两委联席会议商议。", p.number, p.title);
	free(p.content);
	return 0;
}

/* index of s in list, or -1 */
static int choice_of(const char *const *list, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

/* the text up to the first line break, at most max characters */
static void first_line(const char *s, size_t max, char *out, size_t len)
{
	size_t n = 0, chars = 0;

	while (s[n] && s[n] != '\n' && chars < max && n + 4 < len) {
		n++;
		while (((unsigned char)s[n] & 0xC0) == 0x80)
			n++;
		chars++;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	ys_trim(out);
}

/* a new proposal filled from a 民情日记 entry: the title from the first
 * line of what was raised, the content, grid and place, its 来源 and
 * category chosen, and the resident as proposer when on the roster (a
 * 居民代表 proposes as one, another resident as 居民联名) */
static void diary_prefill(struct ui *u, struct form *fm, const struct pform *pf,
                          const struct diary *d)
{
	struct field *f = fm->f;
	char title[256];
	struct person who;

	first_line(d->content ? d->content : "", 60, title, sizeof title);
	form_set_text(fm, F_TITLE, title);
	form_set_text(fm, F_CONTENT, d->content);
	form_set_text(fm, F_GRID, d->grid);
	first_line(d->place, 15, title, sizeof title);
	form_set_text(fm, F_BUILDING, title);
	f[F_SOURCE].choice = choice_of(pf->sources, pf->nsources, pf->diary_source);
	if (f[F_SOURCE].choice < 0)
		f[F_SOURCE].choice = 0;
	if (d->category[0]) {
		int c = choice_of(pf->categories, pf->ncategories, d->category);
		f[F_CATEGORY].choice = c >= 0 ? c : 0;
	}
	if (!d->resident_id[0] || store_person_get(u->st, d->resident_id, &who) != 0)
		return;
	f[F_WHO].choice = who.roles & ROLE_REP ? 0 : WHO_JOINT;
	form_changed(u, fm, F_WHO, NULL);
	f[F_PEOPLE].people[0] = who;
	f[F_PEOPLE].npeople = 1;
}

/* the form of a new proposal (old NULL) or of the correction of old; a
 * new one may come from the 民情日记 entry from (NULL: none) */
static int proposal_form(struct ui *u, const struct proposal *old, const struct diary *from)
{
	struct pform pf;
	char why[256] = "", title[128];
	const char *who_labels[WHO_N];

	for (int i = 0; i < WHO_N; i++)
		who_labels[i] = who_table[i].label;
	memset(&pf, 0, sizeof pf);
	if (old) {
		ys_strlcpy(pf.id, old->id, sizeof pf.id);
		pf.reason_needed = ops_proposal_edit_check(u->st, old->id, why, sizeof why);
		if (pf.reason_needed < 0) {
			ui_error(u, "%s", why);
			return 0;
		}
	}
	if (from) {
		ys_strlcpy(pf.diary_id, from->id, sizeof pf.diary_id);
		ops_diary_source(from->number, pf.diary_source, sizeof pf.diary_source);
	}
	pf.nsources = choices_with(sources, (int)YS_ARRAY_LEN(sources),
	                           old ? old->source : from ? pf.diary_source : NULL, pf.sources);
	/* the built-in categories, those in use, and the clerk's new one */
	{
		const char *all[40];
		int k = 0, nused = store_proposal_categories(u->st, pf.used, 24);
		for (size_t i = 0; i < ui_category_count - 1; i++)
			all[k++] = ui_categories[i];                   /* 「其他」 goes last */
		for (int i = 0; i < nused; i++) {
			int dup = 0;
			for (int j = 0; j < k; j++)
				dup |= strcmp(all[j], pf.used[i]) == 0;
			dup |= strcmp(pf.used[i], "其他") == 0;
			if (!dup && k < 36)
				all[k++] = pf.used[i];
		}
		all[k++] = "其他";
		pf.ncategories = choices_with(all, k, old ? old->category
		                              : from && from->category[0] ? from->category : NULL,
		                              pf.categories);
		pf.categories[pf.ncategories++] = NEW_CATEGORY;
	}
	struct field f[F_N] = {
		[F_TITLE] = { .label = "标题", .type = FT_TEXT, .required = 1, .maxchars = 60,
		              .hint = "例如：关于3栋加装电梯的提议（最多 60 字）" },
		[F_DATE] = { .label = "提议日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		             .hint = "提出的日期：按纸面材料补录时改为当时的日期（不能晚于今天）" },
		[F_CONTENT] = { .label = "内容", .type = FT_MULTI, .required = 1, .rows = 6,
		                .hint = "事由、诉求和初步设想；可粘贴多段文字" },
		[F_WHO] = { .label = "提议主体", .type = FT_CHOICE, .choices = who_labels, .nchoices = WHO_N },
		[F_PEOPLE] = { .label = "提议人", .type = FT_PEOPLE, .required = 1, .multi = 1,
		               .roles = ROLE_REP, .hint = "从花名册中的居民代表中选择（可多人）" },
		[F_SOURCE] = { .label = "来源", .type = FT_CHOICE, .choices = pf.sources,
		               .nchoices = pf.nsources },
		[F_CATEGORY] = { .label = "类别", .type = FT_CHOICE, .choices = pf.categories,
		                 .nchoices = pf.ncategories,
		                 .hint = "←→ 选择；没有合适的选「＋ 新类别…」自己填" },
		[F_GRID] = { .label = "网格", .type = FT_TEXT, .maxchars = 15, .hint = "例如：第一网格" },
		[F_BUILDING] = { .label = "楼栋", .type = FT_TEXT, .maxchars = 15, .hint = "例如：3栋" },
		[F_REASON] = { .label = "更正理由", .type = FT_TEXT, .maxchars = 100,
		               .hint = pf.reason_needed == 1 ? why : "可空；写明后随改动记入修改记录" },
	};
	if (old)
		snprintf(title, sizeof title, "修改议题 %s", old->number);
	if (from)
		snprintf(title, sizeof title, "新议题（来自民情日记 %s）", from->number);
	struct form fm = { .title = old || from ? title : "新议题（提议）", .f = f, .n = old ? F_N : F_REASON,
	                   .submit = proposal_submit, .changed = form_changed, .arg = &pf };
	form_init(&fm);
	if (!old) {
		char today[11];
		ys_today(today);
		form_set_text(&fm, F_DATE, today);
		if (from)
			diary_prefill(u, &fm, &pf, from);
	} else {
		struct proposer pp[16];
		int n = store_proposal_proposers(u->st, old->id, pp, 16), who = 0, k = 0;
		form_set_text(&fm, F_TITLE, old->title);
		form_set_text(&fm, F_DATE, old->proposed_on);
		form_set_text(&fm, F_CONTENT, old->content ? old->content : "");
		form_set_text(&fm, F_GRID, old->grid);
		form_set_text(&fm, F_BUILDING, old->building);
		int c = choice_of(pf.sources, pf.nsources, old->source[0] ? old->source : NOT_SET);
		f[F_SOURCE].choice = c >= 0 ? c : 0;
		c = choice_of(pf.categories, pf.ncategories, old->category[0] ? old->category : NOT_SET);
		f[F_CATEGORY].choice = c >= 0 ? c : 0;
		int orgs = 0, joint = 0;
		for (int i = 0; i < n; i++) {
			if (pp[i].kind == PK_ORG)
				orgs |= strcmp(pp[i].name, org_name(u, ORG_COMMITTEE)) == 0
				        ? ORG_COMMITTEE : ORG_PARTY;
			joint |= pp[i].kind == PK_JOINT;
		}
		for (int i = 0; i < WHO_N; i++)
			if (who_table[i].orgs == orgs && (orgs || (i == WHO_JOINT) == joint)) {
				who = i;
				break;
			}
		f[F_WHO].choice = who;
		form_changed(u, &fm, F_WHO, NULL);
		for (int i = 0; i < n && k < 16; i++) {
			if (pp[i].kind == PK_ORG)
				continue;
			memset(&f[F_PEOPLE].people[k], 0, sizeof f[F_PEOPLE].people[k]);
			ys_strlcpy(f[F_PEOPLE].people[k].id, pp[i].person_id, sizeof f[F_PEOPLE].people[k].id);
			ys_strlcpy(f[F_PEOPLE].people[k].name, pp[i].name, sizeof f[F_PEOPLE].people[k].name);
			k++;
		}
		f[F_PEOPLE].npeople = k;
	}
	int ok = form_run(u, &fm);
	form_free(&fm);
	return ok;
}

int ui_proposal_new(struct ui *u)
{
	return proposal_form(u, NULL, NULL);
}

int ui_proposal_from_diary(struct ui *u, const char *diary_id)
{
	struct diary d;
	int ok;

	if (store_diary_get(u->st, diary_id, &d) != 0) {
		ui_error(u, "找不到这条民情日记。");
		return 0;
	}
	ok = proposal_form(u, NULL, &d);
	diary_clear(&d);
	return ok;
}

int ui_proposal_edit(struct ui *u, const char *pid)
{
	struct proposal p;
	int ok;

	if (store_proposal_get(u->st, pid, &p) != 0) {
		ui_error(u, "找不到这个议题。");
		return 0;
	}
	ok = proposal_form(u, &p, NULL);
	proposal_clear(&p);
	return ok;
}
