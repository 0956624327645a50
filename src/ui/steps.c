/* steps.c: the clerk's steps on a proposal outside a meeting, from the
 * board and the dossier alike — 推进 (决议公开, 实施, 实施结果公开, 归档),
 * 撤回, 实施进展, and the proposal's notices.  Whether a step may be taken,
 * and which one comes next, is ops' answer (ops_proposal_can): the screen
 * only opens the dialog that step needs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
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

/* 实施: who is responsible, by when */
struct impl_arg { const char *pid; };

static int implement_submit(struct ui *u, struct form *fm, void *arg)
{
	struct impl_arg *ia = arg;
	char err[512];
	char *who = fm->f[0].npeople ? xstrdup(fm->f[0].people[0].name) : xstrdup("");
	char *when = form_get_text(fm, 1);
	int rc = ops_implement(u->st, ia->pid, who, when, err, sizeof err);
	if (rc != 0)
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
	else
		ui_message(u, UA_OK, "已进入实施：责任人 %s，时限 %s。按 r 记录进展。", who, when);
	free(who);
	free(when);
	return rc;
}

static void implement(struct ui *u, const struct proposal *p)
{
	struct field f[] = {
		{ .label = "责任人", .type = FT_PEOPLE, .required = 1, .free_text = 1,
		  .hint = "Enter 从花名册选择，或输入姓名、单位" },
		{ .label = "时限", .type = FT_DATE, .required = 1, .maxchars = 10, .hint = "年-月-日，如 2026-12-31" },
	};
	struct impl_arg ia = { p->id };
	char title[320];
	snprintf(title, sizeof title, "组织实施：%s %s", p->number, p->title);
	struct form fm = { .title = title, .f = f, .n = 2, .submit = implement_submit, .arg = &ia };
	form_init(&fm);
	/* start from what the deciding meeting wrote (责任人, 时限) */
	struct impl im;
	char err[512];
	if (ops_impl_defaults(u->st, p->id, &im, err, sizeof err) == 0) {
		if (im.responsible[0]) {
			ys_strlcpy(f[0].people[0].name, im.responsible, sizeof f[0].people[0].name);
			f[0].npeople = 1;
		}
		form_set_text(&fm, 1, im.deadline);
	}
	form_run(u, &fm);
	form_free(&fm);
}

/* a notice written from the record; the clerk sees it at once */
static void publish(struct ui *u, const struct proposal *p, int kind)
{
	struct notice n;
	char q[512], err[512];

	snprintf(q, sizeof q, "生成%s的公示并张贴（公示期按设置，默认 7 天）？",
	         kind == NK_DECISION ? "决议公开" : "实施结果公开");
	if (!ui_confirm(u, q))
		return;
	memset(&n, 0, sizeof n);
	if (ops_notice_new(u->st, p->id, kind, 0, &n, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	ui_message(u, UA_OK, "已生成公示 %s「%s」，公示期 %s 至 %s。", n.doc_no, n.title,
	           n.start_date, n.end_date);
	ui_preview_notice(u, n.id, 0);
	notice_clear(&n);
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

void ui_progress(struct ui *u, const char *pid)
{
	char *text = NULL, err[512];

	if (ops_proposal_can(u->st, pid, OPP_PROGRESS, NULL, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	if (!ui_prompt_text(u, "实施进展（^S 保存）", NULL, &text))
		return;
	ys_trim(text);
	if (ops_progress(u->st, pid, text, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "已记录实施进展。");
	free(text);
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
