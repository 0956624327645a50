/* minutes_doc.c: the minutes (会议记录) of a meeting as a doc, with every
 * field a 会议记录 must carry, in that order.  Everything comes from what the
 * meeting stored at the time: the attendance sheet's name snapshots, the
 * agenda items' titles, the votes' snapshots (counts and the rule set as it
 * was), so a later roster or rule edit never changes printed minutes.
 * The meeting is read whole through the one loader (store/record.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "model/core.h"
#include "paper/doc.h"
#include "store/record.h"
#include "store/store.h"
#include "base/util.h"

#define SIGN_PER_LINE 4          /* attendees' signatures per blank line */

static int store_err(struct store *st, char *err, size_t errlen)
{
	return ys_err(err, errlen, "%s", store_errmsg(st));
}

/* 1..99 as 一 … 九十九; larger numbers in digits */
static void cn_numeral(int n, char *buf, size_t len)
{
	static const char *const d[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	if (n <= 0 || n >= 100)
		snprintf(buf, len, "%d", n);
	else if (n < 10)
		snprintf(buf, len, "%s", d[n]);
	else
		snprintf(buf, len, "%s十%s", n >= 20 ? d[n / 10] : "", d[n % 10]);
}

static void list_add(struct strbuf *sb, const char *item)
{
	if (sb->len)
		sb_add(sb, "、");
	sb_add(sb, item);
}

static const char *or_none(const struct strbuf *sb)
{
	return sb->len ? sb->s : "无";
}

/* ---- 出席情况 ----------------------------------------------------------- */

static void attendance_section(const struct meeting_record *r, const struct meeting_kind_def *k,
                               struct doc *d, int *signers, const char *head)
{
	const struct attendance_counts *c = &r->counts;
	struct strbuf present = {0}, away = {0}, obs = {0}, extra = {0};

	/* in roster order (free-text observers after, by name) */
	for (int i = 0; i < r->natt; i++) {
		const struct attendance *a = &r->att[i];
		char *s = NULL;
		switch (a->status) {
		case ATT_PRESENT:
			list_add(&present, a->name);
			break;
		case ATT_OBSERVER:
			list_add(&obs, a->name);
			break;
		case ATT_LEAVE:
			s = a->reason[0] ? xasprintf("%s（请假：%s）", a->name, a->reason)
			                 : xasprintf("%s（请假）", a->name);
			break;
		case ATT_ABSENT:
			s = xasprintf("%s（缺席）", a->name);
			break;
		default:
			if (a->entitled)
				s = xasprintf("%s（%s）", a->name,
				              r->m.status == MS_CLOSED ? "缺席，未签到" : "未签到");
			break;
		}
		if (s) {
			list_add(&away, s);
			free(s);
		}
	}

	doc_add(d, B_HEADING, NULL, head);
	doc_addf(d, B_FIELD, "应到人数", "%d 人%s%s%s", c->entitled,
	         k && k->entitled_label ? "（" : "",
	         k && k->entitled_label ? k->entitled_label : "",
	         k && k->entitled_label ? "）" : "");
	if (c->leave)
		sb_addf(&extra, "请假 %d 人", c->leave);
	if (c->absent)
		sb_addf(&extra, "%s缺席 %d 人", extra.len ? "，" : "", c->absent);
	if (c->none)
		sb_addf(&extra, "%s未签到 %d 人", extra.len ? "，" : "", c->none);
	doc_addf(d, B_FIELD, "实到人数", "%d 人%s%s%s", c->present,
	         extra.len ? "（" : "", extra.len ? extra.s : "", extra.len ? "）" : "");
	doc_add(d, B_FIELD, "出席名单", or_none(&present));
	doc_add(d, B_FIELD, "缺席人员及原因", or_none(&away));
	doc_add(d, B_FIELD, "列席人员", or_none(&obs));
	*signers = c->present + c->observers;
	sb_free(&present);
	sb_free(&away);
	sb_free(&obs);
	sb_free(&extra);
}

/* ---- agenda ------------------------------------------------------------- */

/* "2026-001 3栋加装电梯" or the free item's title */
static char *item_name(const struct agenda_item *a)
{
	return a->proposal_number[0] ? xasprintf("议题 %s %s", a->proposal_number, a->title)
	                             : xstrdup(a->title);
}

static void agenda_section(const struct meeting_record *r, const struct meeting_kind_def *k,
                           struct doc *d)
{
	struct strbuf topics = {0}, order = {0};
	const char *verb = k && k->performs_step ? step_long_name(k->performs_step) : NULL;

	for (int i = 0; i < r->nitems; i++) {
		const struct agenda_item *a = &r->items[i].a;
		if (topics.len)
			sb_add(&topics, "；");
		sb_add(&topics, a->title);
		if (a->proposal_number[0])
			sb_addf(&topics, "（%s）", a->proposal_number);
		if (order.len)
			sb_add(&order, "\n");
		if (a->proposal_number[0])
			sb_addf(&order, "%d. %s议题 %s「%s」", i + 1, verb ? verb : "",
			        a->proposal_number, a->title);
		else
			sb_addf(&order, "%d. %s", i + 1, a->title);
	}
	doc_add(d, B_HEADING, NULL, "三、议题及议程");
	doc_add(d, B_FIELD, "议题", or_none(&topics));
	doc_add(d, B_FIELD, "议程", or_none(&order));
	sb_free(&topics);
	sb_free(&order);
}

/* ---- 发言摘要 ----------------------------------------------------------- */

/* the item of the agenda with that id is the proposal pid's (pid NULL:
 * every item is) */
static int item_of(const struct meeting_record *r, const char *agenda_id, const char *pid)
{
	if (!pid)
		return 1;
	for (int i = 0; i < r->nitems; i++)
		if (strcmp(r->items[i].a.id, agenda_id) == 0)
			return strcmp(r->items[i].a.proposal_id, pid) == 0;
	return 0;
}

/* the lines of the meeting, or (pid) those on the proposal's item */
static void minutes_section(const struct meeting_record *r, struct doc *d, const char *head,
                            const char *pid)
{
	int n = 0;

	doc_add(d, B_HEADING, NULL, head);
	for (int i = 0; i < r->nminutes; i++) {
		const struct minute *mi = &r->minutes[i];
		if (!item_of(r, mi->agenda_id, pid))
			continue;
		char *label = mi->speaker[0] ? xasprintf("%s %s", mi->at, mi->speaker)
		                             : xstrdup(mi->at);
		doc_add(d, B_FIELD, label, mi->text);
		free(label);
		n++;
	}
	if (!n)
		doc_add(d, B_LINE, NULL, "（无发言记录）");
}

/* ---- 表决情况及决定事项 ------------------------------------------------- */

/* 记名表决: the names under each choice */
static void rollcall_lines(const struct record_vote *rv, struct doc *d)
{
	static const int order[] = { CH_YES, CH_NO, CH_ABSTAIN, CH_NONE };

	for (size_t c = 0; c < YS_ARRAY_LEN(order); c++) {
		struct strbuf names = {0};
		int cnt = 0;
		for (int i = 0; i < rv->nballots; i++)
			if (rv->ballots[i].choice == order[c]) {
				list_add(&names, rv->ballots[i].name);
				cnt++;
			}
		if (cnt) {
			char *label = xasprintf("记名%s（%d 人）", choice_name(order[c]), cnt);
			doc_add(d, B_FIELD, label, names.s);
			free(label);
		}
		sb_free(&names);
	}
}

/* 无记名投票: 监票人 and 计票人 */
static void teller_lines(const struct record_vote *rv, struct doc *d)
{
	static const int roles[] = { TELLER_SCRUTINEER, TELLER_COUNTER };

	for (size_t r = 0; r < YS_ARRAY_LEN(roles); r++) {
		struct strbuf names = {0};
		for (int i = 0; i < rv->ntellers; i++)
			if (rv->tellers[i].role == roles[r])
				list_add(&names, rv->tellers[i].name);
		if (names.len)
			doc_add(d, B_FIELD, teller_role_name(roles[r]), names.s);
		sb_free(&names);
	}
}

/* the item's vote that supersedes has as id, or NULL */
static const struct vote *vote_by_id(const struct record_item *it, const char *id)
{
	for (int i = 0; i < it->nvotes; i++)
		if (id[0] && strcmp(it->votes[i].v.id, id) == 0)
			return &it->votes[i].v;
	return NULL;
}

/* a tally put right by a later correction is printed with the correction,
 * not as a round of its own */
static int corrected_later(const struct record_item *it, int j)
{
	for (int i = j + 1; i < it->nvotes; i++)
		if (it->votes[i].v.correction && strcmp(it->votes[i].v.supersedes, it->votes[j].v.id) == 0)
			return 1;
	return 0;
}

/* the round a reader counts: corrections are not rounds */
static int round_of(const struct record_item *it, int j)
{
	int r = 0;
	for (int i = 0; i <= j; i++)
		r += !it->votes[i].v.correction;
	return r;
}

static void vote_lines(const struct record_item *it, int j, const struct meeting_kind_def *k,
                       struct doc *d)
{
	const struct vote *v = &it->votes[j].v;
	char buf[1024], stamp[48];
	const char *label = k ? k->entitled_label : NULL;
	int rounds = round_of(it, it->nvotes - 1);

	if (corrected_later(it, j))
		return;
	if (rounds > 1) {
		/* the time of the vote at the meeting, not of the typing */
		if (v->at[0])
			snprintf(stamp, sizeof stamp, "%s", v->at);
		else
			ys_cn_stamp(v->created_at, stamp, sizeof stamp);
		/* a recount names the round it corrects; a corrected tally
		 * stays the round it was */
		const struct vote *was = v->correction ? NULL : vote_by_id(it, v->supersedes);
		int prev = 0;
		for (int i = 0; was && i < it->nvotes; i++)
			if (&it->votes[i].v == was)
				prev = round_of(it, i);
		if (v->supersedes[0] && !v->correction && prev)
			doc_addf(d, B_LINE, NULL, "第 %d 轮表决（%s，重新计票，更正第 %d 轮结果；理由：%s）",
			         round_of(it, j), stamp, prev, v->reason[0] ? v->reason : "未注明");
		else if (v->supersedes[0] && !v->correction)
			doc_addf(d, B_LINE, NULL, "第 %d 轮表决（%s，重新计票；理由：%s）",
			         round_of(it, j), stamp, v->reason[0] ? v->reason : "未注明");
		else
			doc_addf(d, B_LINE, NULL, "第 %d 轮表决（%s）", round_of(it, j), stamp);
	}
	const char *result = v->sentence;
	doc_add(d, B_FIELD, "表决方式", vote_method_name(v->method));
	if (v->method == VM_SECRET && v->bc.issued >= 0) {
		/* counted as on paper: the count, its tellers, then the result
		 * (the sentence begins with the count: not printed twice) */
		ballot_count_sentence(&v->bc, &v->t, buf, sizeof buf);
		doc_add(d, B_FIELD, "计票情况", buf);
		if (strncmp(result, buf, strlen(buf)) == 0)
			result += strlen(buf);
		teller_lines(&it->votes[j], d);
	} else if (v->method == VM_ROLLCALL) {
		doc_addf(d, B_FIELD, "表决票数", "实到 %d 人，参加表决 %d 人（赞成 %d 票，反对 %d 票，"
		         "弃权 %d 票），未表决 %d 人", v->t.present, v->t.yes + v->t.no + v->t.abstain,
		         v->t.yes, v->t.no, v->t.abstain, tally_not_voted(&v->t));
	} else {
		doc_addf(d, B_FIELD, "表决票数", "赞成 %d 票，反对 %d 票，弃权 %d 票，未表决 %d 人",
		         v->t.yes, v->t.no, v->t.abstain, tally_not_voted(&v->t));
	}
	if (v->correction) {
		/* what was first written, and why it was put right (the first
		 * of a chain of corrections is the tally as typed) */
		const struct vote *o = vote_by_id(it, v->supersedes);
		while (o && o->correction && vote_by_id(it, o->supersedes))
			o = vote_by_id(it, o->supersedes);
		if (o)
			doc_addf(d, B_FIELD, "计票更正", "原录入赞成 %d 票，反对 %d 票，弃权 %d 票，"
			         "录入有误，已按纸面记录更正；理由：%s", o->t.yes, o->t.no, o->t.abstain,
			         v->reason[0] ? v->reason : "未注明");
	}
	if (v->method == VM_ROLLCALL)
		rollcall_lines(&it->votes[j], d);
	/* from the snapshot: the rule set as it was when the vote was taken */
	rule_quorum(&v->rule, v->t.entitled, v->t.present, label, buf, sizeof buf);
	doc_add(d, B_FIELD, "法定人数", buf);
	if (v->voided)
		doc_add(d, B_FIELD, "表决结果", BALLOT_VOID_SENTENCE "须重新投票。");
	else
		doc_addf(d, B_FIELD, "表决结果", "%s", result[0] ? result
		         : v->passed ? "通过。" : "未通过。");
	rule_describe(&v->rule, buf, sizeof buf);
	doc_addf(d, B_FIELD, "表决规则", "%s（%s）", v->rule.name, buf);
	if (v->rule.source[0])
		doc_add(d, B_FIELD, "规则依据", v->rule.source);
}

static void outcome_line(const struct record_item *it, const struct meeting_kind_def *k,
                         struct doc *d)
{
	const struct agenda_item *a = &it->a;
	const char *why = a->reason && a->reason[0] ? a->reason : "未注明";

	switch (a->outcome) {
	case OC_FORWARD:
		if (k && k->performs_step)
			doc_addf(d, B_FIELD, "结论", "通过，完成%s，转入下一步",
			         step_long_name(k->performs_step));
		else
			doc_add(d, B_FIELD, "结论", "通过，转入下一步");
		break;
	case OC_RETURN:
		if (it->returned_to > 0)
			doc_addf(d, B_FIELD, "结论", "退回至%s。理由：%s", step_long_name(it->returned_to), why);
		else
			doc_addf(d, B_FIELD, "结论", "退回。理由：%s", why);
		break;
	case OC_REJECT:
		doc_addf(d, B_FIELD, "结论", "不予采纳。理由：%s", why);
		break;
	case OC_WITHDRAW:
		doc_addf(d, B_FIELD, "结论", "撤回。理由：%s", why);
		break;
	case OC_NOTED:
		doc_add(d, B_FIELD, "结论", "已听取意见");
		break;
	default:
		doc_add(d, B_FIELD, "结论", "未作结论（未决）");
		break;
	}
}

static void items_section(const struct meeting_record *r, const struct meeting_kind_def *k,
                          struct doc *d, const char *head, const char *pid)
{
	char num[16], date[32];

	doc_add(d, B_HEADING, NULL, head);
	if (!r->nitems)
		doc_add(d, B_LINE, NULL, "（本次会议无议程）");
	for (int i = 0; i < r->nitems; i++) {
		const struct record_item *it = &r->items[i];
		if (pid && strcmp(it->a.proposal_id, pid) != 0)
			continue;
		char *name = item_name(&it->a);

		cn_numeral(i + 1, num, sizeof num);
		doc_addf(d, B_LINE, NULL, "（%s）%s", num, name);
		free(name);
		if (!it->nvotes)
			doc_add(d, B_FIELD, "表决方式", "未表决");
		for (int j = 0; j < it->nvotes; j++)
			vote_lines(it, j, k, d);
		outcome_line(it, k, d);
		doc_add(d, B_FIELD, "决定事项", it->a.decision[0] ? it->a.decision : "无");
		if (it->a.responsible[0])
			doc_add(d, B_FIELD, "责任人", it->a.responsible);
		if (it->a.deadline[0]) {
			ys_cn_date_any(it->a.deadline, date);
			doc_add(d, B_FIELD, "时限", date);
		}
	}
}

/* ---- 更正 --------------------------------------------------------------- */

static void addenda_section(const struct meeting_record *r, struct doc *d)
{
	char num[16], stamp[48];

	if (r->naddenda > 0) {
		doc_add(d, B_SPACE, NULL, "");
		doc_add(d, B_HEADING, NULL, "更正");
	}
	for (int i = 0; i < r->naddenda; i++) {
		const struct addendum *ad = &r->addenda[i];
		cn_numeral(i + 1, num, sizeof num);
		ys_cn_stamp(ad->at, stamp, sizeof stamp);
		doc_addf(d, B_LINE, NULL, "（%s）%s", num, stamp);
		doc_add(d, B_FIELD, "更正理由", ad->reason);
		doc_add(d, B_FIELD, "更正内容", ad->text);
		if (ad->sm3[0])
			doc_addf(d, B_FIELD, "校验码", "SM3 %s", ad->sm3);
	}
}

/* ---- 基本情况 ----------------------------------------------------------- */

static void basic_fields(const struct meeting *m, const char *kname, struct doc *d)
{
	char date[32];

	doc_add(d, B_FIELD, "会议名称", m->title);
	doc_add(d, B_FIELD, "会议类型", kname);
	ys_cn_date_any(m->date, date);
	doc_add(d, B_FIELD, "日期", date);
	if (m->postponed_from[0]) {
		char first[32];
		ys_cn_date_any(m->postponed_from, first);
		doc_addf(d, B_FIELD, "延期", "原定%s，延期理由：%s", first, m->status_reason);
	}
	/* the times it was held (typed from the paper record when it was
	 * entered afterwards); before it began, the planned start */
	if (m->end_time[0])
		doc_addf(d, B_FIELD, "起止时间", "%s 至 %s",
		         m->held_start[0] ? m->held_start : m->start_time, m->end_time);
	else if (m->held_start[0])
		doc_addf(d, B_FIELD, "起止时间", "%s 开始，尚未散会", m->held_start);
	else
		doc_addf(d, B_FIELD, "起止时间", "定于 %s 开始", m->start_time);
	doc_add(d, B_FIELD, "地点", m->place);
	if (m->chair_post[0])
		doc_addf(d, B_FIELD, "主持人", "%s（%s）", m->chair_name, m->chair_post);
	else
		doc_add(d, B_FIELD, "主持人", m->chair_name);
	doc_add(d, B_FIELD, "记录人", m->clerk_name);
}

/* ---- the whole record --------------------------------------------------- */

int minutes_doc(struct store *st, const char *meeting_id, struct doc *d,
                char *err, size_t errlen)
{
	struct meeting_record r;
	struct community com;
	const struct meeting *m = &r.m;
	const struct meeting_kind_def *k;
	const char *kname;
	char stamp[48];
	int rc, signers = 0, tlen, lines;

	doc_init(d, DOC_MINUTES);
	if (!meeting_id || !*meeting_id)
		return ys_err(err, errlen, "未指定会议。");
	rc = store_record_load(st, meeting_id, REC_ALL, &r);
	if (rc == 0) {
		rc = store_community_get(st, &com);
		if (rc == 1) {
			memset(&com, 0, sizeof com);
			rc = 0;
		}
	}
	if (rc != 0) {
		if (rc == 1 && !r.m.id[0])
			ys_err(err, errlen, "找不到该会议。");
		else
			store_err(st, err, errlen);
		record_free(&r);
		return -1;
	}

	k = meeting_kind_get(m->kind);
	kname = k ? k->name : "会议";
	tlen = (int)strlen(m->title);
	/* 「……两委联席会议记录」, 「……党员大会会议记录」 */
	d->title = tlen >= 6 && strcmp(m->title + tlen - 6, "会议") == 0
		? xasprintf("%s记录", m->title) : xasprintf("%s会议记录", m->title);
	d->number = xstrdup(m->number);

	doc_addf(d, B_TITLE, NULL, "%s会议记录", com.name);
	doc_addf(d, B_SUBTITLE, NULL, "编号：%s", m->number);
	if (m->status == MS_PLANNED)
		doc_add(d, B_CENTER, NULL, "（预览：会议尚未开始，本记录未完成）");
	else if (m->status == MS_CANCELLED) {
		/* a reason of several sentences ends with its own 。 */
		size_t n = strlen(m->status_reason);
		int stop = n >= 3 && strcmp(m->status_reason + n - 3, "。") == 0;
		doc_addf(d, B_CENTER, NULL, "（会议已取消：%s%s以下是原定的安排）", m->status_reason,
		         stop ? "" : "。");
	}
	else if (m->status != MS_CLOSED)
		doc_add(d, B_CENTER, NULL, "（预览：会议尚未散会，本记录未完成）");

	/* 一、基本情况 */
	doc_add(d, B_HEADING, NULL, "一、基本情况");
	basic_fields(m, kname, d);

	attendance_section(&r, k, d, &signers, "二、出席情况");
	agenda_section(&r, k, d);
	minutes_section(&r, d, "四、发言摘要", NULL);
	items_section(&r, k, d, "五、表决情况及决定事项", NULL);

	doc_add(d, B_HEADING, NULL, "六、遗留问题");
	doc_add(d, B_PARA, NULL, m->pending && *m->pending ? m->pending : "无");

	doc_add(d, B_SPACE, NULL, "");
	if (m->status == MS_CLOSED)
		doc_addf(d, B_CENTER, NULL, "散会（%s）", m->end_time);
	else
		doc_add(d, B_CENTER, NULL, "（会议尚未散会）");
	doc_add(d, B_SPACE, NULL, "");

	doc_add(d, B_SIGN, "主持人（签字）", "");
	doc_add(d, B_SIGN, "记录人（签字）", "");
	doc_add(d, B_SIGN, "参会人员（签字）", "");
	lines = (signers + SIGN_PER_LINE - 1) / SIGN_PER_LINE;
	if (lines < 2)
		lines = 2;
	for (int i = 1; i < lines; i++)
		doc_add(d, B_SIGN, "", "");
	doc_add(d, B_SPACE, NULL, "");

	if (r.sealed) {
		ys_cn_stamp(r.seal.signed_at, stamp, sizeof stamp);
		doc_addf(d, B_LINE, NULL, "本记录已于%s 经主持人%s、记录人%s签字确认。",
		         stamp, r.seal.chair_name, r.seal.clerk_name);
		d->footer = xasprintf("签字确认 %.16s  SM3 %s", r.seal.signed_at, r.seal.sm3);
	} else {
		doc_add(d, B_LINE, NULL, "（本记录尚未签字确认）");
	}
	addenda_section(&r, d);
	record_free(&r);
	return 0;
}

/* ---- one proposal's part (the dossier) ----------------------------------- */

int minutes_doc_part(struct store *st, const char *meeting_id, const char *proposal_id,
                     struct doc *d, char *err, size_t errlen)
{
	struct meeting_record r;
	const struct meeting_kind_def *k;
	char stamp[48];
	int rc, signers = 0;

	rc = store_record_load(st, meeting_id ? meeting_id : "", REC_ALL, &r);
	if (rc != 0) {
		if (rc == 1)
			ys_err(err, errlen, "找不到该会议。");
		else
			store_err(st, err, errlen);
		record_free(&r);
		return -1;
	}
	k = meeting_kind_get(r.m.kind);
	basic_fields(&r.m, k ? k->name : "会议", d);
	doc_addf(d, B_FIELD, "会议编号", "%s", r.m.number);
	attendance_section(&r, k, d, &signers, "出席情况");
	minutes_section(&r, d, "发言摘要（本议题）", proposal_id);
	items_section(&r, k, d, "表决情况及决定事项（本议题）", proposal_id);
	if (r.sealed) {
		ys_cn_stamp(r.seal.signed_at, stamp, sizeof stamp);
		doc_addf(d, B_FIELD, "签字确认", "%s，主持人%s、记录人%s", stamp, r.seal.chair_name,
		         r.seal.clerk_name);
		/* in groups of eight, as verify --digest takes it too */
		doc_addf(d, B_FIELD, "SM3", "%.8s %.8s %.8s %.8s %.8s %.8s %.8s %.8s", r.seal.sm3,
		         r.seal.sm3 + 8, r.seal.sm3 + 16, r.seal.sm3 + 24, r.seal.sm3 + 32, r.seal.sm3 + 40,
		         r.seal.sm3 + 48, r.seal.sm3 + 56);
	} else {
		doc_add(d, B_LINE, NULL, "（本次会议记录尚未签字确认）");
	}
	if (r.naddenda > 0)
		doc_addf(d, B_LINE, NULL, "签字后有更正 %d 条，见该次会议记录全文。", r.naddenda);
	record_free(&r);
	return 0;
}
