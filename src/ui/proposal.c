/* ui_proposal.c: 提议 — the form that records a new proposal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "ops/ops.h"
#include "base/clock.h"
#include "base/util.h"

int ui_proposal_new(struct ui *u);

static const char *const who_kinds[] = { "居民代表", "社区党组织", "居民联名" };
static const char *const sources[] = {
	"民情日记", "网格走访", "居民来信", "12345热线", "议事协商会", "党员联系群众", "其他",
};
static const char *const categories[] = {
	"加装电梯", "停车管理", "环境卫生", "雨污分流", "安全隐患", "噪声扰民",
	"公共设施", "物业管理", "养老托幼", "其他",
};

enum { F_TITLE, F_DATE, F_CONTENT, F_WHO, F_PEOPLE, F_SOURCE, F_CATEGORY, F_GRID, F_BUILDING, F_N };

/* the proposer picker follows the kind of proposer */
static void who_changed(struct ui *u, struct form *fm, int field, void *arg)
{
	(void)u;
	(void)arg;
	if (field != F_WHO)
		return;
	struct field *f = &fm->f[F_PEOPLE];
	switch (fm->f[F_WHO].choice) {
	case 0:
		f->roles = ROLE_REP;
		f->required = 1;
		f->hint = "从花名册中的居民代表中选择（可多人）";
		break;
	case 1:
		f->roles = ROLE_PARTY_CMTE;
		f->required = 0;
		f->hint = "由社区党组织提出；可另选经办的委员（可不选）";
		break;
	default:
		f->roles = 0;
		f->required = 1;
		f->hint = "联名的居民（可多人，可输入不在花名册上的姓名）";
	}
	f->free_text = fm->f[F_WHO].choice == 2;
	f->npeople = 0;
}

static int proposal_submit(struct ui *u, struct form *fm, void *arg)
{
	(void)arg;
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
	ys_strlcpy(p.source, sources[fm->f[F_SOURCE].choice], sizeof p.source);
	ys_strlcpy(p.category, categories[fm->f[F_CATEGORY].choice], sizeof p.category);

	int who = fm->f[F_WHO].choice;
	if (who == 1) {
		pp[n].kind = PK_PARTY_ORG;
		ys_strlcpy(pp[n].name, u->comm.party_org[0] ? u->comm.party_org : "社区党组织", sizeof pp[n].name);
		n++;
	}
	for (int i = 0; i < fm->f[F_PEOPLE].npeople; i++, n++) {
		const struct person *q = &fm->f[F_PEOPLE].people[i];
		pp[n].kind = who == 2 ? PK_JOINT : PK_PERSON;
		ys_strlcpy(pp[n].person_id, q->id, sizeof pp[n].person_id);
		ys_strlcpy(pp[n].name, q->name, sizeof pp[n].name);
	}
	int rc = ops_proposal_new(u->st, &p, pp, n, err, sizeof err);
	if (rc != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		/* the cursor goes to the date when the date is at fault */
		if (strncmp(err, "提议日期", strlen("提议日期")) == 0)
			fm->focus = F_DATE;
		free(p.content);
		return -1;
	}
	ui_message(u, UA_OK, "已登记议题 %s「%s」。下一步：两委联席会议商议。", p.number, p.title);
	free(p.content);
	return 0;
}

int ui_proposal_new(struct ui *u)
{
	struct field f[F_N] = {
		[F_TITLE] = { .label = "标题", .type = FT_TEXT, .required = 1, .maxchars = 60,
		              .hint = "例如：关于3栋加装电梯的提议（最多 60 字）" },
		[F_DATE] = { .label = "提议日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		             .hint = "提出的日期：按纸面材料补录时改为当时的日期（不能晚于今天）" },
		[F_CONTENT] = { .label = "内容", .type = FT_MULTI, .required = 1, .rows = 6,
		                .hint = "事由、诉求和初步设想；可粘贴多段文字" },
		[F_WHO] = { .label = "提议主体", .type = FT_CHOICE, .choices = who_kinds, .nchoices = 3 },
		[F_PEOPLE] = { .label = "提议人", .type = FT_PEOPLE, .required = 1, .multi = 1,
		               .roles = ROLE_REP, .hint = "从花名册中的居民代表中选择（可多人）" },
		[F_SOURCE] = { .label = "来源", .type = FT_CHOICE, .choices = sources,
		               .nchoices = (int)YS_ARRAY_LEN(sources) },
		[F_CATEGORY] = { .label = "类别", .type = FT_CHOICE, .choices = categories,
		                 .nchoices = (int)YS_ARRAY_LEN(categories) },
		[F_GRID] = { .label = "网格", .type = FT_TEXT, .maxchars = 15, .hint = "例如：第一网格" },
		[F_BUILDING] = { .label = "楼栋", .type = FT_TEXT, .maxchars = 15, .hint = "例如：3栋" },
	};
	struct form fm = { .title = "新议题（提议）", .f = f, .n = F_N,
	                   .submit = proposal_submit, .changed = who_changed };
	form_init(&fm);
	struct tm now;
	char today[11];
	ys_now_tm(&now);
	ys_fmt_date(&now, today);
	form_set_text(&fm, F_DATE, today);
	int ok = form_run(u, &fm);
	form_free(&fm);
	return ok;
}
