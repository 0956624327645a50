/* live_vote.c: the vote pane of the live meeting — the selected item's
 * votes with their bars and sentences, taking a vote (counts typed, by one
 * clerk or two, or a roll call), and closing the item. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live.h"
#include "base/text.h"
#include "base/util.h"

void live_draw_vote(struct ui *u, int top, int bottom, int x, int w)
{
	if (L.nitems == 0) {
		ui_put(top, x, w, " 没有议题。", 0, UA_DIM);
		return;
	}
	struct agenda_item *a = &L.items[L.item];
	int y = top;
	ui_putf(y++, x, w, TEXT_ELLIPSIS, UA_HEAD, " %d. %s", L.item + 1, a->title);
	ui_putf(y++, x, w, TEXT_ELLIPSIS, a->outcome == OC_OPEN ? UA_NORMAL : UA_OK, " %s  %s%s%s",
	        a->proposal_number[0] ? a->proposal_number : "其他事项", live_outcome_name(a->outcome),
	        a->reason && a->reason[0] ? "：" : "", a->reason ? a->reason : "");
	struct rule_set r;
	if (store_rule_get(u->st, L.ms.m.rule_id, &r) == 0) {
		char desc[512];
		rule_describe(&r, desc, sizeof desc);
		char *line = xasprintf("规则：%s。%s", r.name, desc);
		y += ui_put_wrap(y, x + 1, w - 1, 3, line, UA_DIM);
		free(line);
	}
	if (L.nvotes == 0) {
		/* what to do next is never cut: it wraps */
		ui_put_wrap(y + 1, x + 1, w - 1, bottom - y - 1,
		            a->outcome != OC_OPEN ? "本议题没有表决。"
		            : L.ms.m.status == MS_CLOSED ? "会议已散会，本议题未表决、未结束。"
		            : L.ms.m.status == MS_PLANNED ? "会议尚未开始：签到后按 s 宣布开会，再按 v 表决。"
		            : a->proposal_id[0] ? "尚未表决。按 v 表决（须达到法定人数），表决后按 c 结束议题。"
		            : "尚未表决。其他议题可按 v 表决，也可不表决，按 c 结束本议程。",
		            UA_DIM);
		return;
	}
	struct vote *v = &L.votes[L.nvotes - 1];
	int last = L.nvotes - 1;
	y++;
	ui_putf(y++, x, w, TEXT_ELLIPSIS, UA_NORMAL, " 第 %d 轮 %s  应到 %d  实到 %d%s",
	        vote_round_shown(L.votes, L.nvotes, last), vote_method_name(v->method),
	        v->t.entitled, v->t.present, v->correction ? "  （计票已更正）" : "");
	static const struct { const char *name, *secret; int attr; } bars[] = {
		{ "赞成", "同意", UA_YES }, { "反对", "不同意", UA_NO }, { "弃权", "弃权", UA_ABSTAIN },
		{ "未表决", "无效", UA_NONE_VOTED },
	};
	int counted = v->method == VM_SECRET && v->bc.issued >= 0;
	int counts[4] = { v->t.yes, v->t.no, v->t.abstain,
	                  counted ? v->bc.invalid : tally_not_voted(&v->t) };
	if (counted && y < bottom - 2)
		ui_putf(y++, x + 1, w - 1, TEXT_ELLIPSIS, v->voided ? UA_ERR : UA_NORMAL,
		        "发出 %d 张  收回 %d 张%s", v->bc.issued, v->bc.returned,
		        v->voided ? "  收回多于发出，本轮无效" : "");
	for (int i = 0; i < 4 && y < bottom - 2 && !v->voided; i++, y++) {
		ui_putf(y, x + 1, 6, 0, UA_NORMAL, "%s", counted ? bars[i].secret : bars[i].name);
		ui_putf(y, x + 7, 5, TEXT_RIGHT, UA_NORMAL, "%d ", counts[i]);
		ui_bar(y, x + 13, w - 14, counts[i], counted ? v->bc.returned : v->t.present,
		       bars[i].attr);
	}
	{
		/* the result in full: it wraps rather than being cut */
		char *line = xasprintf("%s %s", v->passed ? "✓" : "✗", v->sentence);
		y += ui_put_wrap(y, x + 1, w - 1, bottom - y > 4 ? (counted ? 4 : 2) : 1, line,
		                 v->passed ? UA_OK : UA_ERR);
		free(line);
	}
	if (y < bottom) {
		char *line = xasprintf("依据：%s", v->rule.source);
		y += ui_put_wrap(y, x + 1, w - 1, bottom - y > 2 ? 2 : 1, line, UA_DIM);
		free(line);
	}
	/* earlier rounds stay visible: a recount never overwrites, and a
	 * corrected tally shows what was first written and why */
	for (int i = L.nvotes - 2; i >= 0 && y < bottom; i--, y++) {
		const struct vote *o = &L.votes[i];
		const struct vote *by = &L.votes[i + 1];
		if (vote_corrected(L.votes, L.nvotes, i))
			ui_putf(y, x, w, TEXT_ELLIPSIS, UA_DIM, " 原记 赞成 %d 反对 %d 弃权 %d，已更正：%s",
			        o->t.yes, o->t.no, o->t.abstain, by->reason);
		else
			ui_putf(y, x, w, TEXT_ELLIPSIS, UA_DIM, " 第 %d 轮 %s 赞成 %d 反对 %d 弃权 %d，%s%s%s",
			        vote_round_shown(L.votes, L.nvotes, i), vote_method_name(o->method),
			        o->t.yes, o->t.no, o->t.abstain, o->passed ? "通过" : "未通过",
			        o->reason[0] && !o->correction ? "；" : "",
			        o->correction ? "" : o->reason);
	}
	if (L.nvotes > 1 && !v->correction && y < bottom)
		ui_putf(y, x, w, TEXT_ELLIPSIS, UA_DIM, " 第 %d 轮是再次表决：%s",
		        vote_round_shown(L.votes, L.nvotes, last), v->reason[0] ? v->reason : "");
}

/* roll call: one choice per present person */
static int roll_call(struct ui *u, struct ballot **out, int *nout)
{
	int n = L.ms.q.c.present, cur = 0, top = 0;
	struct attendance *pres = xcalloc((size_t)(n ? n : 1), sizeof *pres);
	struct ballot *b = xcalloc((size_t)(n ? n : 1), sizeof *b);
	int got = 0, after = 0;
	while (got < n) {
		int m = store_attendance_page(u->st, L.ms.m.id, "", ATT_PRESENT, after, 1, pres + got, n - got);
		if (m <= 0)
			break;
		got += m;
		after = pres[got - 1].person_no;
	}
	n = got;
	for (int i = 0; i < n; i++) {
		snprintf(b[i].person_id, sizeof b[i].person_id, "%s", pres[i].person_id);
		snprintf(b[i].name, sizeof b[i].name, "%s", pres[i].name);
	}
	int ok = 0;
	for (;;) {
		ui_draw_frame(u);
		int h = u->rows - 2, w = u->cols - 4 > 70 ? 70 : u->cols - 4;
		int y0 = 1, x0 = (u->cols - w) / 2;
		int cnt[4] = { 0 };
		for (int i = 0; i < n; i++)
			cnt[b[i].choice]++;
		/* a box of its own: nothing of the screen behind shows through */
		for (int i = 0; i < h; i++) {
			ui_fill(y0 + i, x0, w, UA_NORMAL);
			ui_put(y0 + i, x0 - 1, 1, "|", 0, UA_NORMAL);
			ui_put(y0 + i, x0 + w, 1, "|", 0, UA_NORMAL);
		}
		ui_putf(y0, x0, w, TEXT_ELLIPSIS, UA_TITLE, " 记名表决  赞成 %d  反对 %d  弃权 %d  未表决 %d",
		        cnt[CH_YES], cnt[CH_NO], cnt[CH_ABSTAIN], cnt[CH_NONE]);
		int vis = h - 2;
		if (cur < top)
			top = cur;
		if (cur >= top + vis)
			top = cur - vis + 1;
		for (int i = 0; i < vis; i++) {
			int j = top + i;
			if (j >= n) {
				ui_fill(y0 + 1 + i, x0, w, UA_NORMAL);
				continue;
			}
			char *nm = text_fit(b[j].name, 10, TEXT_ELLIPSIS);
			ui_putf(y0 + 1 + i, x0, w, TEXT_ELLIPSIS, j == cur ? UA_SEL : UA_NORMAL, "%s%4d %s %s",
			        j == cur ? "▸" : " ", pres[j].person_no, nm, choice_name(b[j].choice));
			free(nm);
		}
		ui_put(y0 + h - 1, x0, w, " 1 赞成  2 反对  3 弃权  0 清除  ↑↓ 选人  " UI_SAVE("保存") "  Esc 取消",
		       TEXT_ELLIPSIS, UA_TAB);
		wnoutrefresh(stdscr);
		doupdate();
		int k = ui_getkey(u, NULL);
		if (k == 27) {
			if (ui_confirm(u, "放弃本次记名表决？"))
				break;
		} else if (k == 19 || k == KC(KEY_F(10))) {
			ok = 1;
			break;
		} else if (k >= '0' && k <= '3' && n > 0) {
			b[cur].choice = k - '0';
			if (cur < n - 1)
				cur++;
		} else if (k == KC(KEY_DOWN) && cur < n - 1) {
			cur++;
		} else if (k == KC(KEY_UP) && cur > 0) {
			cur--;
		}
	}
	free(pres);
	if (!ok) {
		free(b);
		return 0;
	}
	*out = b;
	*nout = n;
	return 1;
}

/* the counts typed, and how: a show of hands (赞成 反对 弃权) or a secret
 * ballot counted on paper (发出 收回 有效 无效, then 同意 不同意 弃权 of
 * the valid ones, with its 监票人 and 计票人) */
enum { CT_SCRUT, CT_COUNTER, CT_COUNTS };       /* a secret ballot's fields */
/* the reason of the round after a void one */
#define VOID_AGAIN "上一轮收回票数多于发出票数，表决无效，重新投票"
static const char *const secret_labels[] = { "发出", "收回", "有效", "无效", "同意", "不同意", "弃权" };
static const char *const hands_labels[] = { "赞成", "反对", "弃权" };

struct count_arg {
	const char *mid, *aid;
	int method;
	struct vote out;
	const char *supersedes;
	char *reason;
	int correction;
	int tellers;                 /* the form asks for 监票人 and 计票人 */
	int blind;                   /* 两人计票: this is the first of two entries */
	int second;                  /* this is the second clerk's entry */
	struct vote_req first;       /* the first entry, checked, kept for the second */
	struct teller t[16];
	int nt;
	int saved;
	char mismatch[512];          /* the second entry differs: where */
};

static int ncounts(int method)
{
	return method == VM_SECRET ? 7 : 3;
}

/* the counts of the form (after its teller fields) into rq; -1 with the
 * message and the focus on the field at fault */
static int form_counts(struct form *fm, int from, int method, struct vote_req *rq)
{
	int v[7] = { 0 };
	char err[256];
	int n = ncounts(method);

	for (int i = 0; i < n; i++) {
		char *s = form_get_text(fm, from + i);
		/* each count alone, by the model's parser: within those present
		 * (but for 发出, a secret ballot's counts may be more: more
		 * returned than issued voids the round, it is not refused); the
		 * sums are ops' check */
		int max = method == VM_SECRET && i > 0 ? 999999 : L.ms.q.c.present;
		int rc = parse_count(s, max, &v[i], err, sizeof err);
		free(s);
		if (rc != 0) {
			snprintf(fm->msg, sizeof fm->msg, "「%s」%s", fm->f[from + i].label, err);
			fm->focus = from + i;
			return -1;
		}
	}
	if (method == VM_SECRET) {
		rq->bc = (struct ballot_count){ v[0], v[1], v[2], v[3] };
		rq->yes = v[4];
		rq->no = v[5];
		rq->abstain = v[6];
	} else {
		rq->yes = v[0];
		rq->no = v[1];
		rq->abstain = v[2];
	}
	return 0;
}

static int counts_submit(struct ui *u, struct form *fm, void *arg)
{
	struct count_arg *ca = arg;
	struct vote_req rq = { .method = ca->method, .at = live_time(), .correction = ca->correction,
	                       .supersedes = ca->supersedes, .reason = ca->reason };
	int from = ca->tellers ? CT_COUNTS : 0;

	if (ca->second) {
		/* the second clerk's entry against the first: where they differ
		 * is shown once both have typed, and neither is saved */
		struct vote_req b = rq;
		int x[VOTE_COUNTS], y[VOTE_COUNTS], n;
		const char *lx[VOTE_COUNTS], *ly[VOTE_COUNTS];
		if (form_counts(fm, 0, ca->method, &b) != 0)
			return -1;
		n = ops_vote_counts(&ca->first, x, lx);
		ops_vote_counts(&b, y, ly);
		if (counts_differ(lx, x, y, n, ca->mismatch, sizeof ca->mismatch) > 0)
			return 0;
		rq = ca->first;
		rq.second = &b;
		rq.check_only = 0;
		if (ops_vote(u->st, ca->mid, ca->aid, &rq, &ca->out, fm->msg, sizeof fm->msg) != 0)
			return -1;
		ca->saved = 1;
		return 0;
	}
	if (form_counts(fm, from, ca->method, &rq) != 0)
		return -1;
	if (ca->tellers) {
		/* 监票人 then 计票人, as picked */
		ca->nt = 0;
		for (int r = CT_SCRUT; r <= CT_COUNTER; r++)
			for (int i = 0; i < fm->f[r].npeople && ca->nt < (int)YS_ARRAY_LEN(ca->t); i++) {
				struct teller *t = &ca->t[ca->nt++];
				memset(t, 0, sizeof *t);
				snprintf(t->person_id, sizeof t->person_id, "%s", fm->f[r].people[i].id);
				snprintf(t->name, sizeof t->name, "%s", fm->f[r].people[i].name);
				t->role = r == CT_SCRUT ? TELLER_SCRUTINEER : TELLER_COUNTER;
			}
		rq.tellers = ca->t;
		rq.ntellers = ca->nt;
	}
	if (ca->blind) {
		/* checked in full now, so that the second clerk never counts
		 * again for a sum that could not have been saved */
		rq.check_only = 1;
		if (ops_vote(u->st, ca->mid, ca->aid, &rq, NULL, fm->msg, sizeof fm->msg) != 0)
			return -1;
		ca->first = rq;
		return 0;
	}
	if (ops_vote(u->st, ca->mid, ca->aid, &rq, &ca->out, fm->msg, sizeof fm->msg) != 0)
		return -1;
	ca->saved = 1;
	return 0;
}

/* one entry of the counts: the first (with the tellers of a new secret
 * ballot) or the second clerk's, blank; was: a tally being corrected,
 * shown to be put right (never to the second clerk).  1 when the form
 * was submitted. */
static int counts_entry(struct ui *u, struct count_arg *ca, const struct vote *was)
{
	char title[200];
	int secret = ca->method == VM_SECRET, n = ncounts(ca->method);
	const char *const *labels = secret ? secret_labels : hands_labels;
	struct field f[2 + 7];
	int nf = 0, from;

	memset(f, 0, sizeof f);
	snprintf(title, sizeof title, "%s%s%s：实到 %d 人", was ? "计票更正 · " : "",
	         vote_method_name(ca->method), ca->second ? " · 第二名工作人员复核录入"
	         : ca->blind ? " · 第一名工作人员录入" : "", L.ms.q.c.present);
	ca->tellers = secret && !ca->second && !ca->correction;
	if (ca->tellers) {
		f[nf++] = (struct field){ .label = "监票人", .type = FT_PEOPLE, .required = 1, .multi = 1,
		                          .present_at = L.ms.m.id,
		                          .hint = "从出席人员中推选，提议人不能担任；Enter 选人，空格可选多人" };
		f[nf++] = (struct field){ .label = "计票人", .type = FT_PEOPLE, .required = 1, .multi = 1,
		                          .present_at = L.ms.m.id,
		                          .hint = "从出席人员中推选，不能同时是监票人" };
	}
	from = nf;
	for (int i = 0; i < n; i++)
		f[nf++] = (struct field){ .label = labels[i], .type = FT_NUMBER, .required = 1,
		                          .maxchars = 7 };
	if (secret) {
		f[from + 0].hint = "发出的表决票张数，不能多于实到人数";
		f[from + 1].hint = "收回多于发出时，本轮表决无效，须重新投票";
		f[from + 2].hint = "有效票 + 无效票 = 收回";
		f[from + 3].hint = "有效票 + 无效票 = 收回";
		f[from + 4].hint = "同意 + 不同意 + 弃权 = 有效票（同意画“○”，不同意画“×”，弃权不画）";
		f[from + 5].hint = f[from + 4].hint;
		f[from + 6].hint = f[from + 4].hint;
	} else {
		f[from + 2].hint = "三项合计不能超过实到人数；未表决 = 实到 − 三项之和";
	}
	if (ca->blind)
		f[from].hint = "两人计票：两名工作人员各自清点纸面票数、各录一遍，一致才保存";
	if (ca->second)
		f[from].hint = "第一遍的数字不显示：请独立清点纸面票数后录入";
	struct form fm = { .title = title, .f = f, .n = nf, .submit = counts_submit, .arg = ca,
	                   .save = ca->blind ? "录入第一遍" : "保存" };
	form_init(&fm);
	if (!secret)
		for (int i = 1; i < n; i++)
			form_set_text(&fm, from + i, "0");
	if (ca->tellers && ca->nt > 0) {
		/* counting again after a mismatch: the tellers stay */
		for (int i = 0; i < ca->nt; i++) {
			struct field *pf = &fm.f[ca->t[i].role == TELLER_SCRUTINEER ? CT_SCRUT : CT_COUNTER];
			if (pf->npeople < (int)YS_ARRAY_LEN(pf->people)) {
				struct person *p = &pf->people[pf->npeople++];
				memset(p, 0, sizeof *p);
				snprintf(p->id, sizeof p->id, "%s", ca->t[i].person_id);
				snprintf(p->name, sizeof p->name, "%s", ca->t[i].name);
			}
		}
		fm.focus = from;
	}
	if (was && !ca->second) {
		/* the tally as written, to put right */
		const int cnt[7] = { was->bc.issued, was->bc.returned, was->bc.valid, was->bc.invalid,
		                     was->t.yes, was->t.no, was->t.abstain };
		const int *c = secret ? cnt : cnt + 4;
		char buf[16];
		for (int i = 0; i < n; i++)
			if (c[i] >= 0) {
				snprintf(buf, sizeof buf, "%d", c[i]);
				form_set_text(&fm, from + i, buf);
			}
	}
	int ok = form_run(u, &fm);
	form_free(&fm);
	return ok;
}

/* the counts typed (by one clerk, or by two blind to each other), for a
 * new vote or, with was, the correction of was's tally; the result on
 * the message line.  A void round offers the new round at once. */
static void counts_form(struct ui *u, struct count_arg *ca, const struct vote *was)
{
	int blind = ops_setting_int(u->st, "tally_double_entry");

	for (;;) {
		ca->blind = blind;
		ca->second = 0;
		ca->mismatch[0] = '\0';
		if (!counts_entry(u, ca, was))
			return;
		if (!blind)
			break;
		/* the second clerk sees none of the first clerk's numbers */
		if (!ui_ask(u, "两人计票", "第一遍已录入，数字不再显示。\n"
		            "请第二名工作人员独立清点纸面票数，再录入一遍；两遍一致才保存。",
		            "Enter 开始第二遍   Esc 放弃（都不保存）"))
			return;
		ca->blind = 0;
		ca->second = 1;
		if (!counts_entry(u, ca, was))
			return;
		if (!ca->mismatch[0])
			break;
		/* one difference a line: each fits the dialog at 80 columns */
		struct strbuf lines = {0};
		for (const char *p = ca->mismatch; *p;) {
			const char *q = strstr(p, "；");
			sb_addf(&lines, "  %.*s\n", (int)(q ? (size_t)(q - p) : strlen(p)), p);
			p = q ? q + strlen("；") : p + strlen(p);
		}
		char *msg = xasprintf("两遍录入不一致，都没有保存：\n%s请两人重新清点纸面票数，"
		                      "再各录一遍。", lines.s);
		sb_free(&lines);
		int again = ui_ask(u, "两遍不一致", msg, "Enter 重新录入   Esc 放弃");
		free(msg);
		if (!again)
			return;
	}
	if (!ca->saved)
		return;
	ui_message(u, ca->out.passed ? UA_OK : UA_WARN, "%s%s", was ? "计票已更正：" : "",
	           ca->out.sentence);
}

/* 计票更正: the latest tally was typed wrong (the paper says otherwise);
 * put right before the item is concluded, with the reason — not a new
 * round of voting */
void live_correct_tally(struct ui *u)
{
	struct count_arg ca;
	char prev_id[ID_LEN];

	if (L.nitems == 0)
		return;
	if (L.nvotes == 0) {
		ui_error(u, "本议题还没有表决，无可更正。");
		return;
	}
	const struct vote *was = &L.votes[L.nvotes - 1];
	if (was->method == VM_ROLLCALL) {
		ui_error(u, "记名表决的票数由每人的意见得出，不能更正票数；请按 v 再次表决。");
		return;
	}
	memset(&ca, 0, sizeof ca);
	ca.mid = L.ms.m.id;
	ca.aid = L.items[L.item].id;
	ca.method = was->method;
	ca.correction = 1;
	snprintf(prev_id, sizeof prev_id, "%s", was->id);
	ca.supersedes = prev_id;
	if (!ui_prompt_required(u, "计票更正", "更正的理由（必填，如：录入时看错纸面票数）：", NULL, 100,
	                        &ca.reason))
		return;
	counts_form(u, &ca, was);
	free(ca.reason);
	live_reload(u);
}

void live_take_vote(struct ui *u)
{
	if (L.nitems == 0)
		return;
	struct agenda_item *a = &L.items[L.item];
	const char *methods[3];
	for (int i = 0; i < 3; i++)
		methods[i] = vote_method_name(i);
	int method = 0;
	if (!ui_choose(u, "表决方式", methods, 3, &method))
		return;
	struct count_arg ca;
	memset(&ca, 0, sizeof ca);
	ca.mid = L.ms.m.id;
	ca.aid = a->id;
	ca.method = method;
	char prev_id[ID_LEN] = "";
	if (L.nvotes > 0) {
		/* a new round on the same item: a recount keeps the old record;
		 * after a void round the reason is that */
		const struct vote *last = &L.votes[L.nvotes - 1];
		snprintf(prev_id, sizeof prev_id, "%s", last->id);
		if (!ui_prompt_required(u, "再次表决", "本议题已表决过。再次表决的理由（必填，原记录保留）：",
		                        last->voided ? VOID_AGAIN : NULL, 100, &ca.reason))
			return;
		ca.supersedes = prev_id;
		/* the same 监票人 and 计票人 unless the clerk changes them */
		if (method == VM_SECRET && last->method == VM_SECRET) {
			int nt = store_tellers(u->st, last->id, ca.t, (int)YS_ARRAY_LEN(ca.t));
			ca.nt = nt > 0 ? nt : 0;
		}
	}
	char err[512];
	if (method == VM_ROLLCALL) {
		struct ballot *b = NULL;
		int n = 0;
		if (roll_call(u, &b, &n)) {
			struct vote_req rq = { .method = method, .ballots = b, .nballots = n,
			                       .at = live_time(),
			                       .supersedes = ca.supersedes, .reason = ca.reason };
			if (ops_vote(u->st, L.ms.m.id, a->id, &rq, &ca.out, err, sizeof err) != 0)
				ui_error(u, "%s", err);
			else
				ui_message(u, ca.out.passed ? UA_OK : UA_WARN, "%s", ca.out.sentence);
			free(b);
		}
	} else {
		counts_form(u, &ca, NULL);
		/* a void round: the chair announces a new vote at once */
		while (ca.saved && ca.out.voided &&
		       ui_ask(u, "本轮表决无效", "收回票数多于发出票数，本次表决无效。\n"
		              "按 Enter 重新投票（本轮记录保留），Esc 稍后再说（按 v 再次表决）。",
		              "Enter 重新投票   Esc 稍后")) {
			snprintf(prev_id, sizeof prev_id, "%s", ca.out.id);
			free(ca.reason);
			ca.reason = xstrdup(VOID_AGAIN);
			ca.supersedes = prev_id;
			ca.saved = 0;
			counts_form(u, &ca, NULL);
		}
	}
	free(ca.reason);
	live_reload(u);
}

/* the close dialog's words for each conclusion */
static void outcome_label(int oc, const struct meeting_kind_def *k, int has_p, char *buf,
                          size_t len)
{
	switch (oc) {
	case OC_FORWARD:
		snprintf(buf, len, "%s", has_p && k && k->performs_step
		         ? step_passed_phrase(k->performs_step) : "表决通过");
		break;
	case OC_NOTED:
		snprintf(buf, len, "%s", has_p ? "已听取意见，结束本议题" : "已听取（通报、说明等），结束本议程");
		break;
	case OC_RETURN: snprintf(buf, len, "退回修改（回到较早的步骤）"); break;
	case OC_REJECT: snprintf(buf, len, "不予采纳"); break;
	default:        snprintf(buf, len, "提议人撤回"); break;
	}
}

/* 退回: the step to go back to, from the ones the procedure offers */
static int return_target(struct ui *u, const struct agenda_item *a, int *to)
{
	struct proposal p;
	int vals[STEP_MAX], ns, ts;
	const char *steps[STEP_MAX];

	memset(&p, 0, sizeof p);
	if (store_proposal_get(u->st, a->proposal_id, &p) != 0)
		return 0;
	ns = proc_return_targets(p.step, vals);
	proposal_clear(&p);
	for (int i = 0; i < ns; i++)
		steps[i] = step_long_name(vals[i]);
	ts = ns - 1;
	if (ns == 0 || !ui_choose(u, "退回到哪一步（之后重新进行）", steps, ns, &ts))
		return 0;
	*to = vals[ts];
	return 1;
}

void live_close_item(struct ui *u)
{
	struct agenda_item *a = live_item();
	const struct meeting_kind_def *k = meeting_kind_get(L.ms.m.kind);
	int outcomes[5], n, sel = 0, go = 1;
	char labels_buf[5][128], title[320], err[512];
	const char *labels[5];
	char *reason = NULL, *decision = NULL;

	if (!a)
		return;
	/* what can happen to this item: ops' list */
	n = ops_item_outcomes(&L.ms, a, outcomes);
	for (int i = 0; i < n; i++) {
		outcome_label(outcomes[i], k, a->proposal_id[0] != '\0', labels_buf[i],
		              sizeof labels_buf[i]);
		labels[i] = labels_buf[i];
	}
	snprintf(title, sizeof title, "结束议题：%s", a->title);
	if (!ui_choose(u, title, labels, n, &sel))
		return;
	struct close_req rq = { .outcome = outcomes[sel], .at = live_time() };
	/* a conclusion that cannot be drawn is refused before anything is
	 * asked (a failed vote cannot be forwarded …) */
	if (ops_item_close_check(u->st, L.ms.m.id, a->id, rq.outcome, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		return;
	}
	if (rq.outcome == OC_RETURN)
		go = return_target(u, a, &rq.to_step);
	if (go && rq.outcome != OC_FORWARD && rq.outcome != OC_NOTED)
		go = ui_prompt_required(u, labels[sel], "理由（必填，写入会议记录和议题档案）：", NULL, 200,
		                        &reason);
	if (go && (rq.outcome == OC_FORWARD || rq.outcome == OC_NOTED)) {
		/* a 决议 passed is what the public notice announces */
		int resolve = rq.outcome == OC_FORWARD && a->proposal_id[0] && k &&
		              k->performs_step == STEP_RESOLVE;
		char hint[512];
		snprintf(hint, sizeof hint, "%s每项一行，例如：%s", resolve
		         ? "必填：作为决议公开的决议内容。" : "可空。", k ? k->decision_example : "");
		go = ui_prompt_multi(u, "决定事项", hint, NULL, sizeof a->decision, resolve, &decision);
	}
	if (go) {
		rq.reason = reason;
		rq.decision = decision;
		if (ops_item_close(u->st, L.ms.m.id, a->id, &rq, err, sizeof err) != 0)
			ui_error(u, "%s", err);
		else
			ui_message(u, UA_OK, "议题「%s」：%s。", a->title, labels[sel]);
	}
	free(reason);
	free(decision);
	live_reload(u);
}
