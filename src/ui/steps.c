/* steps.c: the clerk's steps on a proposal outside a meeting, from the
 * board and the dossier alike — 推进 (决议公开, 实施, 实施结果公开, 归档),
 * 撤回, 实施进展, and the proposal's notices.  Whether a step may be taken,
 * and which one comes next, is ops' answer (ops_proposal_can): the screen
 * only opens the dialog that step needs. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "base/util.h"
#include "ops/ops.h"

/* what the clerk does next, per step: shown under the board and in the
 * dossier */
static const char *const next_step_hint[STEP_MAX + 1] = {
	[STEP_PROPOSE] = "下一步：两委联席会议商议。在「2 会议」按 n 新建会议，类型选「两委联席会议」。",
	[STEP_CONSULT] = "下一步：党员大会审议。在「2 会议」按 n 新建会议，类型选「党员大会」。",
	[STEP_REVIEW] = "下一步：居民会议或居民代表会议决议。在「2 会议」新建会议。",
	[STEP_RESOLVE] = "下一步：决议公开。按 a 推进。",
	[STEP_PUBLISH] = "下一步：组织实施。按 a 推进。",
	[STEP_IMPLEMENT] = "下一步：实施结果公开。按 a 推进。",
	[STEP_RESULT] = "下一步：归档。按 a 推进。",
	[STEP_ARCHIVE] = "已归档。",
};

const char *ui_next_step_hint(int step)
{
	return step >= STEP_PROPOSE && step <= STEP_MAX ? next_step_hint[step] : "";
}

/* A reason asked when a step is dated while the decision notice is still
 * up (ops_decision_notice_runs): the clerk sees why, and what is typed is
 * kept for the next try.  1 = go on (*reason set or not needed), 0 = the
 * clerk cancelled, -1 = error (in msg). */
static int early_reason(struct ui *u, const char *pid, const char *date, const char *what,
                        char **reason, char *msg, size_t msglen)
{
	char end[11], title[160], label[256], err[512];
	char *typed = NULL;
	int rc = ops_decision_notice_runs(u->st, pid, date, end, err, sizeof err);

	if (rc < 0) {
		snprintf(msg, msglen, "%s", err);
		return -1;
	}
	if (rc == 0) {
		free(*reason);
		*reason = NULL;
		return 1;
	}
	snprintf(title, sizeof title, "提前%s", what);
	snprintf(label, sizeof label, "决议公示期到 %s 才结束，请写明提前的理由：", end);
	if (!ui_prompt_required(u, title, label, *reason, 200, &typed))
		return 0;
	free(*reason);
	*reason = typed;
	return 1;
}

/* 实施: who is responsible, by when, from when */
struct impl_arg {
	const char *pid;
	char *reason;            /* 提前实施的理由, kept between tries */
};

enum { IF_WHO, IF_DEADLINE, IF_DATE };

static int implement_submit(struct ui *u, struct form *fm, void *arg)
{
	struct impl_arg *ia = arg;
	char err[512];
	char *who = fm->f[IF_WHO].npeople ? xstrdup(fm->f[IF_WHO].people[0].name) : xstrdup("");
	char *when = form_get_text(fm, IF_DEADLINE);
	char *date = form_get_text(fm, IF_DATE);
	int rc = early_reason(u, ia->pid, date, "开始实施", &ia->reason, fm->msg, sizeof fm->msg);

	if (rc == 1) {
		struct impl_req rq = { .responsible = who, .deadline = when, .date = date,
		                       .reason = ia->reason };
		rc = ops_implement(u->st, ia->pid, &rq, err, sizeof err) == 0;
		if (!rc)
			snprintf(fm->msg, sizeof fm->msg, "%s", err);
		else
			ui_message(u, UA_OK, "已进入实施：%s 起，责任人 %s，时限 %s。按 r 记录进展。",
			           date, who, when);
	}
	free(who);
	free(when);
	free(date);
	return rc == 1 ? 0 : -1;
}

static void implement(struct ui *u, const struct proposal *p)
{
	struct field f[] = {
		[IF_WHO] = { .label = "责任人", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		             .hint = "Enter 从花名册选择，或输入姓名、单位" },
		[IF_DEADLINE] = { .label = "完成时限", .type = FT_DATE, .required = 1, .maxchars = 10,
		                  .hint = "年-月-日，如 2026-12-31" },
		[IF_DATE] = { .label = "开始日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		              .hint = "实际开始的日期；决议公示期内开始须写明理由" },
	};
	struct impl_arg ia = { p->id, NULL };
	char title[320], day[11];
	snprintf(title, sizeof title, "组织实施：%s %s", p->number, p->title);
	struct form fm = { .title = title, .f = f, .n = 3, .submit = implement_submit, .arg = &ia };
	form_init(&fm);
	/* start from what the deciding meeting wrote (责任人, 时限) */
	struct impl im;
	char err[512];
	if (ops_impl_defaults(u->st, p->id, &im, err, sizeof err) == 0) {
		if (im.responsible[0]) {
			ys_strlcpy(f[IF_WHO].people[0].name, im.responsible, sizeof f[IF_WHO].people[0].name);
			f[IF_WHO].npeople = 1;
		}
		form_set_text(&fm, IF_DEADLINE, im.deadline);
	}
	ys_today(day);
	form_set_text(&fm, IF_DATE, day);
	form_run(u, &fm);
	form_free(&fm);
	free(ia.reason);
}

/* 决议公开 / 实施结果公开: the date, the days, the clerk's paragraphs; then
 * the notice as it will print, and only then numbered and posted */
struct publish_arg {
	const struct proposal *p;
	int kind;
	char *reason;            /* 提前公开的理由, kept between tries */
	char posted[ID_LEN];     /* the notice once posted: shown for printing */
};

/* the fields of each kind's form, and which notice_req slot each fills */
enum { PF_DATE, PF_DAYS, PF_PARA };
struct para_def {
	const char *label, *hint;
	int rows;
	size_t off;
};
static const struct para_def decision_paras[] = {
	{ "实施方案", "可不填。怎么做、谁来做、经费从哪里来，一条一行", 4,
	  offsetof(struct notice_req, plan) },
	{ "附件说明", "可不填。如：1．加装电梯设计方案  2．费用分摊表", 2,
	  offsetof(struct notice_req, attach) },
};
static const struct para_def result_paras[] = {
	{ "资金使用情况", "可不填。经费来源、金额、支出明细", 3, offsetof(struct notice_req, funds) },
	{ "验收情况", "可不填。何时、由谁验收，结论如何", 3, offsetof(struct notice_req, accept) },
	{ "附件说明", "可不填。如：1．验收报告  2．费用结算单", 2, offsetof(struct notice_req, attach) },
};

static int publish_submit(struct ui *u, struct form *fm, void *arg)
{
	struct publish_arg *pa = arg;
	const struct para_def *paras = pa->kind == NK_DECISION ? decision_paras : result_paras;
	int npara = pa->kind == NK_DECISION ? (int)YS_ARRAY_LEN(decision_paras)
	                                    : (int)YS_ARRAY_LEN(result_paras);
	struct notice_req rq = { .kind = pa->kind };
	struct notice n;
	char err[512], *texts[4] = { 0 };
	char *date = form_get_text(fm, PF_DATE), *days = form_get_text(fm, PF_DAYS), *end;
	long nd = strtol(days, &end, 10);
	int rc = -1;

	memset(&n, 0, sizeof n);
	if (!*days || *end || nd < 1 || nd > 365) {
		snprintf(fm->msg, sizeof fm->msg, "公示天数应为 1 至 365 天。");
		fm->focus = PF_DAYS;
		goto out;
	}
	rq.date = date;
	rq.days = (int)nd;
	for (int i = 0; i < npara; i++) {
		texts[i] = form_get_text(fm, PF_PARA + i);
		*(const char **)((char *)&rq + paras[i].off) = texts[i];
	}
	if (pa->kind == NK_RESULT) {
		int go = early_reason(u, pa->p->id, date, "公开实施结果", &pa->reason, fm->msg,
		                      sizeof fm->msg);
		if (go != 1)
			goto out;
		rq.reason = pa->reason;
	}
	if (ops_notice_draft(u->st, pa->p->id, &rq, &n, err, sizeof err) != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		goto out;
	}
	int post = ui_preview_draft(u, &n, err, sizeof err);
	notice_clear(&n);
	if (post < 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		goto out;
	}
	if (!post) {
		snprintf(fm->msg, sizeof fm->msg, "尚未张贴：可修改后按 F10 再预览。");
		goto out;
	}
	if (ops_notice_new(u->st, pa->p->id, &rq, &n, err, sizeof err) != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		goto out;
	}
	ui_message(u, UA_OK, "已张贴公示 %s「%s」，公示期 %s 至 %s。", n.doc_no, n.title,
	           n.start_date, n.end_date);
	snprintf(pa->posted, sizeof pa->posted, "%s", n.id);
	rc = 0;
out:
	for (int i = 0; i < 4; i++)
		free(texts[i]);
	notice_clear(&n);
	free(date);
	free(days);
	return rc;
}

static void publish(struct ui *u, const struct proposal *p, int kind)
{
	const struct para_def *paras = kind == NK_DECISION ? decision_paras : result_paras;
	int npara = kind == NK_DECISION ? (int)YS_ARRAY_LEN(decision_paras)
	                                : (int)YS_ARRAY_LEN(result_paras);
	struct field f[PF_PARA + 3];
	struct publish_arg pa = { p, kind, NULL, "" };
	char title[320], date[11], err[512], days[8];
	int nd;

	if (ops_notice_offer(u->st, p->id, kind, date, &nd, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	memset(f, 0, sizeof f);
	f[PF_DATE] = (struct field){ .label = "张贴日期", .type = FT_DATE, .required = 1,
	                             .maxchars = 10,
	                             .hint = kind == NK_DECISION
	                             ? "公示贴出的日期，也是成文日期；不能早于决议日期"
	                             : "公示贴出的日期，也是成文日期；不能早于最后一次进展" };
	f[PF_DAYS] = (struct field){ .label = "公示天数", .type = FT_NUMBER, .required = 1,
	                             .maxchars = 3, .hint = "公示期从张贴日期算起，默认按设置" };
	for (int i = 0; i < npara; i++)
		f[PF_PARA + i] = (struct field){ .label = paras[i].label, .type = FT_MULTI,
		                                 .maxchars = NOTICE_PARA_MAX, .rows = paras[i].rows,
		                                 .hint = paras[i].hint };
	snprintf(title, sizeof title, "%s：%s %s", kind == NK_DECISION ? "决议公开" : "实施结果公开",
	         p->number, p->title);
	struct form fm = { .title = title, .f = f, .n = PF_PARA + npara, .submit = publish_submit,
	                   .save = "预览", .arg = &pa };
	form_init(&fm);
	form_set_text(&fm, PF_DATE, date);
	snprintf(days, sizeof days, "%d", nd);
	form_set_text(&fm, PF_DAYS, days);
	snprintf(fm.msg, sizeof fm.msg, "填好后按 F10 预览公示，确认无误再编号张贴。");
	form_run(u, &fm);
	form_free(&fm);
	free(pa.reason);
	/* posted: the notice with its number, to print (P) or export (x) */
	if (pa.posted[0])
		ui_preview_notice(u, pa.posted, 0);
}

void ui_advance(struct ui *u, const char *pid)
{
	struct proposal p;
	char err[512], q[512];
	int action = 0;

	memset(&p, 0, sizeof p);
	if (store_proposal_get(u->st, pid, &p) != 0)
		return;
	if (ops_proposal_can(u->st, pid, OPP_ADVANCE, &action, err, sizeof err) != 0) {
		ui_error(u, "%s %s", p.number, err);
	} else if (action == ACT_PUBLISH || action == ACT_PUBLISH_RESULT) {
		publish(u, &p, action == ACT_PUBLISH ? NK_DECISION : NK_RESULT);
	} else if (action == ACT_IMPLEMENT) {
		implement(u, &p);
	} else {
		snprintf(q, sizeof q, "把 %s %s 归档？", p.number, p.title);
		if (ui_confirm(u, q)) {
			if (ops_proposal_advance(u->st, pid, err, sizeof err) != 0)
				ui_error(u, "%s", err);
			else
				ui_message(u, UA_OK, "%s 已归档。", p.number);
		}
	}
	proposal_clear(&p);
}

/* 实施进展: on which day, what was done */
struct progress_arg { const char *pid; };

static int progress_submit(struct ui *u, struct form *fm, void *arg)
{
	struct progress_arg *pg = arg;
	char err[512], *date = form_get_text(fm, 0), *text = form_get_text(fm, 1);
	int rc = ops_progress(u->st, pg->pid, date, text, err, sizeof err);

	if (rc != 0)
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
	else
		ui_message(u, UA_OK, "已记录 %s 的实施进展。", date);
	free(date);
	free(text);
	return rc;
}

void ui_progress(struct ui *u, const char *pid)
{
	struct field f[] = {
		{ .label = "进展日期", .type = FT_DATE, .required = 1, .maxchars = 10,
		  .hint = "这项进展发生的日期，不能早于开始实施" },
		{ .label = "进展情况", .type = FT_MULTI, .required = 1, .maxchars = 2000, .rows = 5,
		  .hint = "做了什么、到了哪一步" },
	};
	struct progress_arg pg = { pid };
	char err[512], day[11];

	if (ops_proposal_can(u->st, pid, OPP_PROGRESS, NULL, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	struct form fm = { .title = "登记实施进展", .f = f, .n = 2, .submit = progress_submit,
	                   .arg = &pg };
	form_init(&fm);
	ys_today(day);
	form_set_text(&fm, 0, day);
	form_run(u, &fm);
	form_free(&fm);
}

/* the proposal's notices: the result notice first if there is one */
void ui_preview_notices(struct ui *u, const char *pid)
{
	struct notice n[2];
	const char *labels[2];
	int k = 0;
	memset(n, 0, sizeof n);
	if (store_notice_for(u->st, pid, NK_DECISION, &n[k]) == 0)
		labels[k++] = "决议公开的公示";
	if (store_notice_for(u->st, pid, NK_RESULT, &n[k]) == 0)
		labels[k++] = "实施结果公开的公示";
	int sel = k - 1;
	if (k == 0)
		ui_error(u, "本议题还没有公示：决议后在看板上按 a 生成。");
	else if (k == 1 || ui_choose(u, "预览哪一份公示", labels, k, &sel))
		ui_preview_notice(u, n[sel].id, 0);
	for (int i = 0; i < k; i++)
		notice_clear(&n[i]);
}

void ui_withdraw(struct ui *u, const char *pid, const char *number)
{
	char *reason = NULL, err[512], title[128];

	/* refused before a reason is typed when the step does not allow it */
	if (ops_proposal_can(u->st, pid, OPP_WITHDRAW, NULL, err, sizeof err) != 0) {
		ui_error(u, "%s %s", number, err);
		return;
	}
	snprintf(title, sizeof title, "撤回议题 %s", number);
	if (!ui_prompt_required(u, title, "撤回理由（必填，写入档案）：", NULL, 200, &reason))
		return;
	if (ops_proposal_withdraw(u->st, pid, reason, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "%s 已撤回。", number);
	free(reason);
}
