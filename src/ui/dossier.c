/* dossier.c: a proposal's dossier (一事一档) — its content, proposers and
 * every step with the meeting, the counts and the reasons, its
 * implementation and its notices; the clerk's steps from here too. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"

static struct {
	struct pager pg;            /* the dossier, wrapped for the width */
	struct strbuf text;         /* lines while they are being built */
	int width;                  /* wrapped for this width */
	int step, status;
	char number[16];
	char diary_id[ID_LEN];      /* the 民情日记 entry it came from, "" none */
} D;

struct wrap_ctx { struct strbuf *sb; const char *indent; };

static void wrap_cb(const char *line, size_t nbytes, void *arg)
{
	struct wrap_ctx *w = arg;
	sb_add(w->sb, w->indent);
	sb_addn(w->sb, line, nbytes);
	sb_add(w->sb, "\n");
}

/* add text wrapped at width with an indent (the indent is ASCII spaces) */
static void add_wrapped(const char *indent, const char *s, int width)
{
	struct wrap_ctx w = { &D.text, indent };
	int iw = (int)strlen(indent);
	text_wrap(s && *s ? s : " ", width - iw > 4 ? width - iw : 4, wrap_cb, &w);
}

static void add_linef(int width, const char *indent, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void add_linef(int width, const char *indent, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	add_wrapped(indent, s, width);
	free(s);
}

/* the 民情日记 entry the proposal came from: its number, day, resident
 * and what was raised, and the key that shows it */
static void dossier_diary(struct ui *u, const char *pid, int width)
{
	struct diary d;

	D.diary_id[0] = '\0';
	if (store_diary_for_proposal(u->st, pid, &d) != 0)
		return;
	ys_strlcpy(D.diary_id, d.id, sizeof D.diary_id);
	add_wrapped("", "", width);
	add_wrapped("", "民情日记", width);
	add_linef(width, "  ", "%s  %s  %s 反映（%s 记录）  按 m 查看这条民情日记", d.number, d.raised_on,
	          d.resident_name, d.worker_name);
	add_wrapped("  ", d.content, width);
	if (d.replied_on[0])
		add_linef(width, "  ", "%s 答复：%s", d.replied_on, d.reply);
	diary_clear(&d);
}

static void dossier_build(struct ui *u, int width)
{
	struct proposal p;
	memset(&p, 0, sizeof p);
	sb_free(&D.text);
	sb_add(&D.text, "");
	D.width = width;
	if (store_proposal_get(u->st, u->proposal_id, &p) != 0) {
		add_wrapped("", "找不到这个议题。", width);
		pager_set(&D.pg, &D.text);
		return;
	}
	D.step = p.step;
	D.status = p.status;
	snprintf(D.number, sizeof D.number, "%s", p.number);

	struct proposer pp[16];
	int npp = store_proposal_proposers(u->st, p.id, pp, 16);
	struct strbuf who = { 0 };
	sb_add(&who, "");
	for (int i = 0; i < npp; i++)
		sb_addf(&who, "%s%s", i ? "、" : "", pp[i].name);

	add_linef(width, "", "【%s】%s", p.number, p.title);
	add_linef(width, "", "当前：%s%s    提议日期：%s    录入：%.16s", step_long_name(p.step),
	          p.status == PST_REJECTED ? "（不予采纳，已终止）" : p.status == PST_WITHDRAWN ? "（已撤回）"
	          : p.step == STEP_ARCHIVE ? "（已完成）" : "（进行中）",
	          p.proposed_on[0] ? p.proposed_on : "—", p.created_at);
	add_linef(width, "", "提议人：%s", who.s);
	add_linef(width, "", "来源：%s    类别：%s    网格：%s %s", p.source[0] ? p.source : "—",
	          p.category[0] ? p.category : "—", p.grid[0] ? p.grid : "—", p.building);
	if (p.status == PST_ACTIVE)
		add_wrapped("", ui_next_step_hint(p.step), width);
	sb_free(&who);
	dossier_diary(u, p.id, width);
	add_wrapped("", "", width);
	add_wrapped("", "内容", width);
	add_wrapped("  ", p.content, width);
	add_wrapped("", "", width);
	add_wrapped("", "流程", width);

	struct pevent *ev = NULL;
	int nev = store_proposal_events_all(u->st, p.id, &ev);
	for (int i = 0; i < nev; i++) {
		struct pevent *e = &ev[i];
		char day[11];
		/* when it happened (a meeting's date), never when it was typed */
		snprintf(day, sizeof day, "%.10s", e->meeting_date[0] ? e->meeting_date : e->at);
		if (e->meeting_id[0]) {
			const struct meeting_kind_def *k = meeting_kind_get(e->meeting_kind);
			add_linef(width, "  ", "%s  %s：%s → %s    %s %s（%s）", day, action_name(e->action),
			          step_name(e->from_step), step_name(e->to_step), k ? k->name : "会议",
			          e->meeting_number, e->meeting_title);
		} else {
			add_linef(width, "  ", "%s  %s：%s → %s", day, action_name(e->action),
			          e->from_step ? step_name(e->from_step) : "—", step_name(e->to_step));
		}
		/* every round of the item's votes: a recount never hides the first */
		struct vote v[8];
		int nv = e->agenda_id[0] ? store_vote_list(u->st, e->agenda_id, v, 8) : 0;
		int rounds = nv > 0 ? vote_round_shown(v, nv, nv - 1) : 0;
		for (int j = 0; j < nv; j++) {
			char round[32] = "";
			/* a corrected tally is shown with its correction */
			if (vote_corrected(v, nv, j))
				continue;
			if (rounds > 1)
				snprintf(round, sizeof round, "第 %d 轮：", vote_round_shown(v, nv, j));
			add_linef(width, "      ", "%s应到 %d 人，实到 %d 人；%s：赞成 %d，反对 %d，弃权 %d，未表决 %d。",
			          round, v[j].t.entitled, v[j].t.present, vote_method_name(v[j].method),
			          v[j].t.yes, v[j].t.no, v[j].t.abstain, tally_not_voted(&v[j].t));
			add_linef(width, "      ", "%s（%s）", v[j].sentence, v[j].rule.name);
			if (v[j].reason[0])
				add_linef(width, "      ", "%s：%s", v[j].correction ? "计票更正的理由"
				          : "再次表决的理由", v[j].reason);
		}
		if (nv <= 0 && e->meeting_id[0]) {
			struct attendance_counts c;
			if (store_attendance_counts(u->st, e->meeting_id, &c) == 0)
				add_linef(width, "      ", "应到 %d 人，实到 %d 人。", c.entitled, c.present);
		}
		if (e->reason && e->reason[0])
			add_linef(width, "      ", "理由：%s", e->reason);
		pevent_clear(e);
	}
	free(ev);

	struct impl im;
	char today[11];
	struct tm now;
	ys_now_tm(&now);
	ys_fmt_date(&now, today);
	if (store_impl_get(u->st, p.id, &im) == 0) {
		add_wrapped("", "", width);
		add_wrapped("", "实施", width);
		add_linef(width, "  ", "责任人：%s    时限：%s%s", im.responsible, im.deadline,
		          p.step == STEP_IMPLEMENT && strcmp(im.deadline, today) < 0 ? "（已逾期）" : "");
		struct progress *pr = NULL;
		int npr = store_progress_all(u->st, p.id, &pr);
		for (int i = 0; i < npr; i++) {
			add_linef(width, "  ", "%s  %s", pr[i].at, pr[i].text ? pr[i].text : "");
			progress_clear(&pr[i]);
		}
		free(pr);
		if (npr <= 0)
			add_wrapped("  ", "还没有实施进展。按 r 记录。", width);
	}
	static const int kinds[] = { NK_DECISION, NK_RESULT };
	int header = 0;
	for (size_t i = 0; i < YS_ARRAY_LEN(kinds); i++) {
		struct notice n;
		memset(&n, 0, sizeof n);
		if (store_notice_for(u->st, p.id, kinds[i], &n) != 0)
			continue;
		if (!header++) {
			add_wrapped("", "", width);
			add_wrapped("", "公示", width);
		}
		add_linef(width, "  ", "%s %s  公示期 %s 至 %s（按 p 预览、导出、打印）", n.doc_no, n.title,
		          n.start_date, n.end_date);
		notice_clear(&n);
	}
	proposal_clear(&p);
	pager_set(&D.pg, &D.text);
}

static void dossier_enter(struct ui *u)
{
	D.pg.top = 0;
	dossier_build(u, u->cols - 2);
}

/* the first line and the section names stand out */
static int dossier_attr(int i, const char *line)
{
	static const char *const heads[] = { "内容", "流程", "实施", "公示", "民情日记" };
	if (i == 0)
		return UA_HEAD;
	for (size_t k = 0; k < YS_ARRAY_LEN(heads); k++)
		if (strcmp(line, heads[k]) == 0)
			return UA_HEAD;
	return UA_NORMAL;
}

static void dossier_draw(struct ui *u, int top, int bottom)
{
	int h = bottom - top - 1;     /* the last row tells where we are */
	if (D.width != u->cols - 2)
		dossier_build(u, u->cols - 2);
	pager_draw(&D.pg, top, 1, h, u->cols - 2, TEXT_ELLIPSIS, dossier_attr);
	if (D.pg.nlines > h)
		ui_putf(bottom - 1, 1, u->cols - 2, TEXT_RIGHT, UA_DIM, "↑↓ PgUp PgDn 翻看  第 %d-%d 行，共 %d 行",
		        D.pg.top + 1, D.pg.top + h < D.pg.nlines ? D.pg.top + h : D.pg.nlines, D.pg.nlines);
}

static void dossier_action(struct ui *u, int a)
{
	if (pager_scroll(&D.pg, a, u->rows - 5))
		return;
	switch (a) {
	case K_BACK: ui_goto(u, u->prev_screen); break;
	case K_ADVANCE:
		ui_advance(u, u->proposal_id);
		dossier_build(u, u->cols - 2);
		break;
	case K_WITHDRAW:
		ui_withdraw(u, u->proposal_id, D.number);
		dossier_build(u, u->cols - 2);
		break;
	case K_PROGRESS:
		ui_progress(u, u->proposal_id);
		dossier_build(u, u->cols - 2);
		break;
	case K_PREVIEW:
		ui_preview_notices(u, u->proposal_id);
		break;
	case K_EDIT:
		if (ui_proposal_edit(u, u->proposal_id))
			dossier_build(u, u->cols - 2);
		break;
	case K_HISTORY:
		ui_preview_changes(u, "proposal", u->proposal_id);
		break;
	case K_DIARY_LINK:
		if (D.diary_id[0])
			ui_diary_show(u, D.diary_id);
		else
			ui_message(u, UA_WARN, "议题 %s 不是由民情日记转来的。", D.number);
		break;
	}
}

const struct screen_def screen_dossier = {
	.id = SCR_DOSSIER, .title = NULL, .enter = dossier_enter, .draw = dossier_draw, .action = dossier_action,
};
