/* live.c: the live meeting — the header with the quorum meter, the agenda,
 * the three panes (签到, 记录, 表决), and the meeting's own steps: 宣布开会,
 * 散会, 签字确认, 更正.  What each key does is one table (live_actions[]):
 * the operation it starts, whose prerequisites ops checks — for the hint
 * bar, for the refusal on the key, and again inside the operation. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live.h"
#include "base/text.h"
#include "base/util.h"

struct live L;

static const char *const pane_names[] = { "签到", "记录", "表决" };

const char *live_outcome_name(int oc)
{
	static const char *const names[] = { "未决", "已通过", "已退回", "不予采纳", "已撤回", "已结束" };
	return oc >= 0 && oc <= OC_NOTED ? names[oc] : "?";
}

static void live_clear(void)
{
	for (int i = 0; i < L.nitems; i++)
		agenda_clear(&L.items[i]);
	L.nitems = 0;
	L.loaded = 0;
}

void live_load_votes(struct ui *u)
{
	L.nvotes = 0;
	if (L.item < L.nitems) {
		int n = store_vote_list(u->st, L.items[L.item].id, L.votes, 8);
		L.nvotes = n > 0 ? n : 0;
	}
}

void live_reload(struct ui *u)
{
	char err[512], id[ID_LEN];
	int keep = L.item;

	snprintf(id, sizeof id, "%s", u->meeting_id);
	live_clear();
	if (ops_meeting_state(u->st, id, &L.ms, err, sizeof err) != 0) {
		ui_error(u, "找不到这次会议。");
		return;
	}
	L.loaded = 1;
	int n = store_agenda_list(u->st, L.ms.m.id, L.items, L_ITEMS);
	L.nitems = n > 0 ? n : 0;
	L.item = keep < L.nitems ? keep : 0;
	L.nminutes = -1;             /* counted when the minutes are shown */
	live_load_attendance(u);
	live_load_votes(u);
}

static void live_enter(struct ui *u)
{
	L.item = 0;
	L.acur = 0;
	L.after_no = 0;
	L.filter[0] = '\0';
	L.clock[0] = '\0';          /* each meeting has its own times */
	L.msel = 0;
	L.have_speaker = 0;
	u->pane = PANE_SIGN;
	live_reload(u);
}

struct agenda_item *live_item(void)
{
	return L.item < L.nitems ? &L.items[L.item] : NULL;
}

/* ---- the meeting's time ------------------------------------------------------ */

const char *live_time(void)
{
	return L.clock[0] ? L.clock : NULL;
}

void live_time_label(char *buf, size_t len)
{
	char offer[6];

	if (L.clock[0]) {
		snprintf(buf, len, "%s", L.clock);
	} else if (ops_meeting_live(&L.ms)) {
		snprintf(buf, len, "按钟点");
	} else {
		ops_meeting_offer(&L.ms, offer);
		snprintf(buf, len, "%s", offer);
	}
}

/* ask for a time, prefilled; 1 with it in out, 0 when cancelled */
static int ask_time(struct ui *u, const char *title, const char *label, const char *initial,
                    char out[6])
{
	char *t = NULL;
	int ok = ui_prompt(u, title, label, initial, 5, &t);

	if (ok)
		snprintf(out, 6, "%s", ys_trim(t));
	free(t);
	return ok;
}

/* the same, asked again until the time fits the meeting (the check ops
 * makes again when it writes): 1 with the normalised time, 0 cancelled */
static int ask_meeting_time(struct ui *u, const char *title, const char *label,
                            const char *initial, int mom, char out[6])
{
	struct meeting_times mt;
	char t[6], err[512];

	snprintf(t, sizeof t, "%s", initial ? initial : "");
	ops_meeting_times(&L.ms, &mt);
	for (;;) {
		if (!ask_time(u, title, label, t, t))
			return 0;
		if (meeting_time_check(&mt, mom, t, out, err, sizeof err) == 0)
			return 1;
		ui_error(u, "%s", err);
	}
}

void live_set_time(struct ui *u)
{
	struct meeting_times mt;
	char t[6], hm[6], err[512], label[128], now[32];
	int live = ops_meeting_live(&L.ms);

	snprintf(label, sizeof label, live ? "时间（如 14:30；空白＝按钟点）："
	                                   : "时间（如 09:40，按纸面记录）：");
	live_time_label(now, sizeof now);
	if (!ask_time(u, "此后记录的时间", label, L.clock[0] || !live ? now : "", t))
		return;
	if (!t[0] && live) {
		L.clock[0] = '\0';
		ui_message(u, UA_OK, "此后按钟点记录时间。");
		return;
	}
	/* the same check the operations make, with words for the field */
	ops_meeting_times(&L.ms, &mt);
	if (meeting_time_check(&mt, L.ms.m.status == MS_PLANNED ? MOM_SIGN : MOM_ENTRY, t, hm,
	                       err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	snprintf(L.clock, sizeof L.clock, "%s", hm);
	ui_message(u, UA_OK, "此后的签到、发言、表决、议程结论记为 %s。", hm);
}

/* ---- the refusals ----------------------------------------------------------- */

/* How this screen words a refusal when a key helps; the reason and the
 * rule are ops' (ops_meeting_check).  opm 0 = any operation; the first
 * matching row wins; text NULL = ops' own words. */
static const struct {
	int code, opm;
	const char *text;
} refusal_words[] = {
	{ OPR_SEALED, OPM_SEAL, NULL },
	{ OPR_SEALED, 0, "会议记录已签字确认，不能修改；如有错误请按 e 添加更正。" },
	{ OPR_NOT_STARTED, 0, "会议尚未开始：请先按 s 宣布开会。" },
	{ OPR_NOT_CLOSED, OPM_SEAL, "散会后才能签字确认：请先按 z 宣布散会。" },
	{ OPR_NOT_SEALED, OPM_ADDENDUM, "记录尚未签字确认，可以直接修改；散会后核对无误再按 f 签字确认。" },
};

int live_allowed(struct ui *u, int opm)
{
	char why[512];
	int code = ops_meeting_check(&L.ms, live_item(), opm, why, sizeof why);

	if (code == OPR_OK)
		return 1;
	for (size_t i = 0; i < YS_ARRAY_LEN(refusal_words); i++) {
		if (refusal_words[i].code != code ||
		    (refusal_words[i].opm && refusal_words[i].opm != opm))
			continue;
		if (refusal_words[i].text)
			snprintf(why, sizeof why, "%s", refusal_words[i].text);
		break;
	}
	ui_error(u, "%s", why);
	return 0;
}

/* ---- the meeting's own steps ------------------------------------------------- */

/* at a meeting held now, the clock; entered afterwards, the time it
 * really began, from the paper record (the planned start offered) */
static void start_meeting(struct ui *u)
{
	char err[512], start[6] = "";
	const char *at = NULL;

	if (!ops_meeting_live(&L.ms)) {
		if (!ask_meeting_time(u, "补录：宣布开会", "实际开始时间（按纸面记录）：",
		                      L.ms.m.start_time, MOM_START, start))
			return;
		at = start;
	}
	if (ops_meeting_open(u->st, L.ms.m.id, at, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "会议开始（%s）。", L.ms.m.number);
	live_reload(u);
	/* what is entered next happened after the start */
	if (at && L.clock[0] && strcmp(L.clock, L.ms.m.held_start) < 0)
		L.clock[0] = '\0';
}

static void end_meeting(struct ui *u)
{
	char err[512], *pending = NULL, end[6] = "", offer[6];
	const char *at = live_time();
	struct meeting m;
	int open = 0;

	for (int i = 0; i < L.nitems; i++)
		if (L.items[i].outcome == OC_OPEN)
			open++;
	if (!ui_confirm(u, open ? "还有议题未结束，仍然散会？散会后不能再签到、记录或表决。"
	                        : "宣布散会？散会后不能再签到、记录或表决。"))
		return;
	if (!ops_meeting_live(&L.ms)) {
		ops_meeting_offer(&L.ms, offer);
		if (!ask_meeting_time(u, "补录：散会", "散会时间（按纸面记录）：", at ? at : offer,
		                      MOM_END, end))
			return;
		at = end;
	}
	memset(&m, 0, sizeof m);
	store_meeting_get(u->st, L.ms.m.id, &m);
	int ok = ui_prompt_text(u, "遗留问题（可空）", m.pending, &pending);
	meeting_clear(&m);
	if (!ok)
		return;
	ys_trim(pending);
	if (pending[0] && ops_meeting_set_pending(u->st, L.ms.m.id, pending, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else if (ops_meeting_close(u->st, L.ms.m.id, 1, at, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "散会。会议 %s 已关闭。", L.ms.m.number);
	free(pending);
	live_reload(u);
}

/* 签字确认: after the meeting, chair and clerk sign; the record is sealed */
static void seal_minutes(struct ui *u)
{
	char q[512], err[512], offer[17], *when = NULL;
	struct seal s;

	snprintf(q, sizeof q, "主持人 %s、记录人 %s 已在纸面记录上签字？确认后记录封存，不能再修改。",
	         L.ms.m.chair_name, L.ms.m.clerk_name);
	if (!ui_confirm(u, q))
		return;
	/* signed now at a meeting held today; afterwards, when they signed */
	if (L.ms.tense != TENSE_TODAY || !L.ms.m.held_live) {
		ops_seal_offer(&L.ms, offer);
		if (!ui_prompt(u, "补录：签字确认", "签字时间（按纸面记录，如 2026-10-15 11:20）：",
		               offer, 16, &when))
			return;
		ys_trim(when);
	}
	if (ops_seal(u->st, L.ms.m.id, when, &s, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "已签字确认。摘要 SM3 %.16s…，打印在记录的每一页上。", s.sm3);
	free(when);
	live_reload(u);
}

/* 更正 to a sealed record: reason and text, never an edit */
static void addendum(struct ui *u)
{
	char *reason = NULL, *text = NULL, err[512];

	if (!ui_prompt_required(u, "更正", "更正的理由（必填，打印在以后的记录上）：", NULL, 200, &reason))
		return;
	if (ui_prompt_text(u, "更正的内容", NULL, &text)) {
		ys_trim(text);
		if (ops_addendum(u->st, L.ms.m.id, reason, text, err, sizeof err) != 0)
			ui_error(u, "%s", err);
		else
			ui_message(u, UA_OK, "已添加更正；原记录不变，更正随记录打印。");
	}
	free(reason);
	free(text);
	live_reload(u);
}

/* ---- moving --------------------------------------------------------------------- */

static void select_item(struct ui *u, int d)
{
	int i = L.item + d;
	if (i >= 0 && i < L.nitems) {
		L.item = i;
		live_load_votes(u);
	}
}

static void go_back(struct ui *u) { ui_goto(u, SCR_MEETINGS); }
static void next_pane(struct ui *u) { u->pane = (u->pane + 1) % 3; }
static void prev_item(struct ui *u) { select_item(u, -1); }
static void next_item(struct ui *u) { select_item(u, 1); }
static void sign_present(struct ui *u) { live_sign(u, ATT_PRESENT); }
static void sign_leave(struct ui *u) { live_sign(u, ATT_LEAVE); }
static void sign_absent(struct ui *u) { live_sign(u, ATT_ABSENT); }
static void sign_none(struct ui *u) { live_sign(u, ATT_NONE); }
static void preview(struct ui *u) { ui_preview_minutes(u, L.ms.m.id); }
static void history(struct ui *u) { ui_preview_changes(u, "meeting", L.ms.m.id); }
static void papers(struct ui *u) { ui_meeting_papers(u, L.ms.m.id); }

static void minute(struct ui *u)
{
	live_minute_editor(u);
	live_reload(u);
}

static void sheet_home(struct ui *u)
{
	L.after_no = 0;
	L.acur = 0;
	live_load_attendance(u);
}

/* ↑↓ move in the sign-in sheet, or between the items in the other panes */
static void move_in_pane(struct ui *u, int a)
{
	if (u->pane == PANE_SIGN)
		live_att_move(u, a == K_UP ? -1 : a == K_DOWN ? 1 : a == K_PGUP ? -L.avis : L.avis);
	else if (u->pane == PANE_MINUTES)
		live_minute_move(u, a == K_UP ? -1 : a == K_DOWN ? 1 : a == K_PGUP ? -10 : 10);
	else if (a == K_UP || a == K_DOWN)
		select_item(u, a == K_UP ? -1 : 1);
}

/* ---- the actions ------------------------------------------------------------------ */

/* every key of the live meeting: the operation it starts (0 = none: it
 * only moves or shows), and what the screen does for it */
static const struct live_action {
	int action;
	int opm;
	void (*run)(struct ui *u);
} live_actions[] = {
	{ K_BACK, 0, go_back },
	{ K_PANE, 0, next_pane },
	{ K_LEFT, 0, prev_item },
	{ K_RIGHT, 0, next_item },
	{ K_HOME, 0, sheet_home },
	{ K_START, OPM_OPEN, start_meeting },
	{ K_SIGN, OPM_SIGN, sign_present },
	{ K_LEAVE, OPM_LEAVE, sign_leave },
	{ K_ABSENT, OPM_SIGN, sign_absent },
	{ K_UNSIGN, OPM_LEAVE, sign_none },
	{ K_OBSERVER, OPM_OBSERVER, live_add_observer },
	{ K_SEARCH, 0, live_find },
	{ K_MINUTE, OPM_MINUTE, minute },
	{ K_VOTE, OPM_VOTE, live_take_vote },
	{ K_CLOSE_ITEM, OPM_ITEM_CLOSE, live_close_item },
	{ K_CORRECT_TALLY, OPM_VOTE, live_correct_tally },
	{ K_MINUTE_FIX, OPM_MINUTE_EDIT, live_minute_fix },
	{ K_MINUTE_DELETE, OPM_MINUTE_EDIT, live_minute_delete },
	{ K_MINUTE_INSERT, OPM_MINUTE_EDIT, live_minute_insert },
	{ K_END_MEETING, OPM_CLOSE, end_meeting },
	{ K_TIME, 0, live_set_time },
	{ K_HISTORY, 0, history },
	{ K_PREVIEW, 0, preview },
	{ K_PAPERS, 0, papers },
	{ K_SEAL, OPM_SEAL, seal_minutes },
	{ K_ADDENDUM, OPM_ADDENDUM, addendum },
};

static const struct live_action *live_action_get(int a)
{
	for (size_t i = 0; i < YS_ARRAY_LEN(live_actions); i++)
		if (live_actions[i].action == a)
			return &live_actions[i];
	return NULL;
}

static void live_action(struct ui *u, int a)
{
	const struct live_action *la;

	if (!L.loaded) {
		if (a == K_BACK)
			go_back(u);
		return;
	}
	if (a == K_UP || a == K_DOWN || a == K_PGUP || a == K_PGDN) {
		move_in_pane(u, a);
		return;
	}
	la = live_action_get(a);
	if (!la)
		return;
	/* refused on the key, before the clerk types anything */
	if (la->opm && !live_allowed(u, la->opm))
		return;
	la->run(u);
}

/* the hint bar offers what the meeting's state allows (a vote is offered
 * without the quorum: the key then says why it cannot be taken) */
static int live_key_ok(struct ui *u, int a)
{
	const struct live_action *la;
	int code;

	(void)u;
	if (!L.loaded)
		return a == K_BACK;
	la = live_action_get(a);
	if (!la || !la->opm)
		return 1;
	code = ops_meeting_check(&L.ms, live_item(), la->opm, NULL, 0);
	return code == OPR_OK || code == OPR_NO_QUORUM;
}

/* ---- drawing ------------------------------------------------------------------------ */

static void draw_agenda(int top, int bottom, int w)
{
	ui_put(top, 0, w, " 议程", 0, UA_HEAD);
	for (int i = 0; i < L.nitems && top + 1 + i * 2 < bottom; i++) {
		struct agenda_item *a = &L.items[i];
		int sel = i == L.item;
		ui_putf(top + 1 + i * 2, 0, w, TEXT_ELLIPSIS, sel ? UA_SEL : UA_NORMAL, "%s%d. %s",
		        sel ? "▸" : " ", i + 1, a->title);
		ui_putf(top + 2 + i * 2, 0, w, TEXT_ELLIPSIS, a->outcome == OC_OPEN ? UA_DIM : UA_OK,
		        "   %s %s", a->proposal_number[0] ? a->proposal_number : "其他事项",
		        live_outcome_name(a->outcome));
	}
}

/* what the meeting's state allows next, beside the pane tabs; a meeting
 * entered afterwards says so, with the time its entries get */
static const char *state_line(char *buf, size_t len)
{
	char when[32];
	const char *what;
	int entered;

	if (L.ms.m.status == MS_CANCELLED)
		return " 会议已取消";
	if (L.ms.tense == TENSE_FUTURE)
		return " 会议还没到日期：可按 l 登记请假，开过后再录入";
	if (L.ms.m.status == MS_PLANNED)
		what = "签到后按 s 宣布开会";
	else if (L.ms.sealed)
		what = "已签字确认、封存：有误请按 e 添加更正";
	else if (L.ms.m.status == MS_CLOSED)
		what = "已散会：按 p 预览记录，核对后按 f 签字确认";
	else
		what = "Tab 切换栏目  [ ] 选择议题";
	if (ops_meeting_live(&L.ms) && !L.clock[0]) {
		snprintf(buf, len, " %s", what);
		return buf;
	}
	live_time_label(when, sizeof when);
	entered = L.ms.m.status == MS_PLANNED ? !ops_meeting_live(&L.ms) : !L.ms.m.held_live;
	if (L.ms.sealed || L.ms.m.status == MS_CLOSED)
		snprintf(buf, len, " %s%s", entered ? "补录  " : "", what);
	else
		snprintf(buf, len, " %s时间 %s（t 修改）  %s", entered ? "补录  " : "", when, what);
	return buf;
}

static void live_draw(struct ui *u, int top, int bottom)
{
	if (!L.loaded) {
		ui_put(top, 1, u->cols - 2, "没有打开的会议。按 Esc 返回。", 0, UA_DIM);
		return;
	}
	const struct meeting *m = &L.ms.m;
	const struct meeting_kind_def *k = meeting_kind_get(m->kind);
	ui_putf(top, 0, u->cols, TEXT_ELLIPSIS, UA_HEAD, " %s [%s] %s  %s %s  主持 %s  记录 %s  %s",
	        m->number, meeting_status_name(m->status, L.ms.sealed, m->postponed_from[0]),
	        k ? k->name : "", m->date, m->start_time, m->chair_name, m->clerk_name, m->place);
	/* the quorum meter */
	const struct quorum_state *q = &L.ms.q;
	const struct attendance_counts *c = &q->c;
	char meter[256], verdict[128];
	snprintf(meter, sizeof meter, " 应到 %d  实到 %d  请假 %d  缺席 %d  未签到 %d  列席 %d ",
	         c->entitled, c->present, c->leave, c->absent, c->none, c->observers);
	int mw = text_width(meter);
	ui_put(top + 1, 0, mw, meter, 0, UA_NORMAL);
	int ahead = L.ms.tense == TENSE_FUTURE;   /* before the meeting: what it will need */
	if (q->none)
		snprintf(verdict, sizeof verdict, "不设法定人数");
	else if (ahead)
		snprintf(verdict, sizeof verdict, "开会须至少 %ld 人", q->needed);
	else if (q->ok)
		snprintf(verdict, sizeof verdict, "✓ 已达法定人数");
	else
		snprintf(verdict, sizeof verdict, "✗ 不足（至少 %ld 人）", q->needed);
	int vw = text_width(verdict);
	int bw = u->cols - mw - vw - 2;
	if (bw >= 4)
		ui_bar(top + 1, mw, bw, c->present, c->entitled, q->ok ? UA_YES : UA_ABSTAIN);
	ui_put(top + 1, u->cols - vw - 1, vw + 1, verdict, 0,
	       q->none || ahead ? UA_DIM : q->ok ? UA_OK : UA_ERR);
	/* pane tabs */
	int x = 1;
	for (int i = 0; i < 3; i++) {
		int on = i == u->pane;
		ui_putf(top + 2, x, 8, 0, on ? UA_TAB_ON : UA_TAB, on ? "[%s]" : " %s ", pane_names[i]);
		x += 9;
	}
	char sl[256];
	ui_put(top + 2, x, u->cols - x, state_line(sl, sizeof sl), TEXT_ELLIPSIS,
	       m->status == MS_OPEN ? UA_DIM : UA_WARN);
	int aw = u->cols >= 120 ? 34 : 24;
	draw_agenda(top + 3, bottom, aw);
	int px = aw + 1, pw = u->cols - px;
	switch (u->pane) {
	case PANE_SIGN: live_draw_sign(u, top + 3, bottom, px, pw); break;
	case PANE_MINUTES: live_draw_minutes(u, top + 3, bottom, px, pw); break;
	default: live_draw_vote(u, top + 3, bottom, px, pw);
	}
}

const struct screen_def screen_live = {
	.id = SCR_LIVE, .enter = live_enter, .draw = live_draw, .action = live_action,
	.key_ok = live_key_ok,
};
