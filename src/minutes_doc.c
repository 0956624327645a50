/* minutes_doc.c: the minutes (会议记录) of a meeting as a doc, with every
 * field of DESIGN.md §5 in that order.  Everything comes from what the
 * meeting stored at the time: the attendance sheet's name snapshots, the
 * agenda items' titles, the votes' snapshots (counts and the rule set as it
 * was), so a later roster or rule edit never changes printed minutes.
 * Lists are read in pages; nothing loads a whole table. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "core.h"
#include "doc.h"
#include "store.h"
#include "util.h"

#define PAGE 128
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

static int attendance_section(struct store *st, const struct meeting *m,
                              const struct meeting_kind_def *k, struct doc *d,
                              int *signers, char *err, size_t errlen)
{
	struct attendance_counts c;
	struct attendance *a = xcalloc(PAGE, sizeof *a);
	struct strbuf present = {0}, away = {0}, obs = {0}, extra = {0};
	int after = 0, n, rc = -1;

	if (store_attendance_counts(st, m->id, &c) != 0) {
		rc = store_err(st, err, errlen);
		goto out;
	}
	/* in roster order (free-text observers after, by name) */
	while ((n = store_attendance_page(st, m->id, NULL, -1, after, 1, a, PAGE)) > 0) {
		for (int i = 0; i < n; i++) {
			char *s = NULL;
			switch (a[i].status) {
			case ATT_PRESENT:
				list_add(&present, a[i].name);
				break;
			case ATT_OBSERVER:
				list_add(&obs, a[i].name);
				break;
			case ATT_LEAVE:
				s = a[i].reason[0] ? xasprintf("%s（请假：%s）", a[i].name, a[i].reason)
				                   : xasprintf("%s（请假）", a[i].name);
				break;
			case ATT_ABSENT:
				s = xasprintf("%s（缺席）", a[i].name);
				break;
			default:
				if (a[i].entitled)
					s = xasprintf("%s（%s）", a[i].name,
					              m->status == MS_CLOSED ? "缺席，未签到" : "未签到");
				break;
			}
			if (s) {
				list_add(&away, s);
				free(s);
			}
		}
		after = a[n - 1].person_no;
		if (n < PAGE)
			break;
	}
	if (n < 0) {
		rc = store_err(st, err, errlen);
		goto out;
	}

	doc_add(d, B_HEADING, NULL, "二、出席情况");
	doc_addf(d, B_FIELD, "应到人数", "%d 人%s%s%s", c.entitled,
	         k && k->entitled_label ? "（" : "",
	         k && k->entitled_label ? k->entitled_label : "",
	         k && k->entitled_label ? "）" : "");
	if (c.leave)
		sb_addf(&extra, "请假 %d 人", c.leave);
	if (c.absent)
		sb_addf(&extra, "%s缺席 %d 人", extra.len ? "，" : "", c.absent);
	if (c.none)
		sb_addf(&extra, "%s未签到 %d 人", extra.len ? "，" : "", c.none);
	doc_addf(d, B_FIELD, "实到人数", "%d 人%s%s%s", c.present,
	         extra.len ? "（" : "", extra.len ? extra.s : "", extra.len ? "）" : "");
	doc_add(d, B_FIELD, "出席名单", or_none(&present));
	doc_add(d, B_FIELD, "缺席人员及原因", or_none(&away));
	doc_add(d, B_FIELD, "列席人员", or_none(&obs));
	*signers = c.present + c.observers;
	rc = 0;
out:
	sb_free(&present);
	sb_free(&away);
	sb_free(&obs);
	sb_free(&extra);
	free(a);
	return rc;
}

/* ---- agenda ------------------------------------------------------------- */

/* every agenda item of the meeting; *out allocated, count returned */
static int load_agenda(struct store *st, const char *mid, struct agenda_item **out)
{
	int max = 32, n;
	struct agenda_item *a = NULL;

	for (;;) {
		a = xrealloc(a, (size_t)max * sizeof *a);
		n = store_agenda_list(st, mid, a, max);
		if (n < max)
			break;
		for (int i = 0; i < n; i++)
			agenda_clear(&a[i]);
		max *= 2;
	}
	if (n < 0) {
		free(a);
		a = NULL;
	}
	*out = a;
	return n;
}

static void free_agenda(struct agenda_item *a, int n)
{
	for (int i = 0; i < n; i++)
		agenda_clear(&a[i]);
	free(a);
}

/* "2026-001 3栋加装电梯" or the free item's title */
static char *item_name(const struct agenda_item *a)
{
	return a->proposal_number[0] ? xasprintf("议题 %s %s", a->proposal_number, a->title)
	                             : xstrdup(a->title);
}

static void agenda_section(const struct agenda_item *a, int n,
                           const struct meeting_kind_def *k, struct doc *d)
{
	struct strbuf topics = {0}, order = {0};
	const char *verb = k && k->performs_step ? step_long_name(k->performs_step) : NULL;

	for (int i = 0; i < n; i++) {
		if (topics.len)
			sb_add(&topics, "；");
		sb_add(&topics, a[i].title);
		if (a[i].proposal_number[0])
			sb_addf(&topics, "（%s）", a[i].proposal_number);
		if (order.len)
			sb_add(&order, "\n");
		if (a[i].proposal_number[0])
			sb_addf(&order, "%d. %s议题 %s「%s」", i + 1, verb ? verb : "",
			        a[i].proposal_number, a[i].title);
		else
			sb_addf(&order, "%d. %s", i + 1, a[i].title);
	}
	doc_add(d, B_HEADING, NULL, "三、议题及议程");
	doc_add(d, B_FIELD, "议题", or_none(&topics));
	doc_add(d, B_FIELD, "议程", or_none(&order));
	sb_free(&topics);
	sb_free(&order);
}

/* ---- 发言摘要 ----------------------------------------------------------- */

static int minutes_section(struct store *st, const char *mid, struct doc *d,
                           char *err, size_t errlen)
{
	struct minute *mi = xcalloc(PAGE, sizeof *mi);
	int after = 0, n, total = 0;

	doc_add(d, B_HEADING, NULL, "四、发言摘要");
	while ((n = store_minute_page(st, mid, after, 1, mi, PAGE)) > 0) {
		for (int i = 0; i < n; i++) {
			char *label = mi[i].speaker[0]
				? xasprintf("%s %s", mi[i].at, mi[i].speaker)
				: xstrdup(mi[i].at);
			doc_add(d, B_FIELD, label, mi[i].text);
			free(label);
			minute_clear(&mi[i]);
		}
		total += n;
		after = mi[n - 1].seq;
		if (n < PAGE)
			break;
	}
	free(mi);
	if (n < 0)
		return store_err(st, err, errlen);
	if (!total)
		doc_add(d, B_LINE, NULL, "（无发言记录）");
	return 0;
}

/* ---- 表决情况及决定事项 ------------------------------------------------- */

static int load_votes(struct store *st, const char *aid, struct vote **out)
{
	int max = 4, n;
	struct vote *v = NULL;

	for (;;) {
		v = xrealloc(v, (size_t)max * sizeof *v);
		n = store_vote_list(st, aid, v, max);
		if (n < max)
			break;
		max *= 2;
	}
	if (n < 0) {
		free(v);
		v = NULL;
	}
	*out = v;
	return n;
}

/* 记名表决: the names under each choice */
static int rollcall_lines(struct store *st, const struct vote *v, struct doc *d,
                          char *err, size_t errlen)
{
	int max = v->t.present + 1, n;
	struct ballot *b = NULL;
	static const int order[] = { CH_YES, CH_NO, CH_ABSTAIN, CH_NONE };

	for (;;) {
		b = xrealloc(b, (size_t)max * sizeof *b);
		n = store_ballots(st, v->id, b, max);
		if (n < max)
			break;
		max *= 2;
	}
	if (n < 0) {
		free(b);
		return store_err(st, err, errlen);
	}
	for (size_t c = 0; c < YS_ARRAY_LEN(order); c++) {
		struct strbuf names = {0};
		int cnt = 0;
		for (int i = 0; i < n; i++)
			if (b[i].choice == order[c]) {
				list_add(&names, b[i].name);
				cnt++;
			}
		if (cnt) {
			char *label = xasprintf("记名%s（%d 人）", choice_name(order[c]), cnt);
			doc_add(d, B_FIELD, label, names.s);
			free(label);
		}
		sb_free(&names);
	}
	free(b);
	return 0;
}

static int vote_lines(struct store *st, const struct vote *v, const struct vote *all, int nall,
                      const struct meeting_kind_def *k, struct doc *d,
                      char *err, size_t errlen)
{
	char buf[1024], stamp[48];
	const char *label = k ? k->entitled_label : NULL;

	if (nall > 1) {
		ys_cn_stamp(v->created_at, stamp, sizeof stamp);
		if (v->supersedes[0]) {
			int prev = 0;
			for (int i = 0; i < nall; i++)
				if (strcmp(all[i].id, v->supersedes) == 0)
					prev = all[i].round;
			if (prev)
				doc_addf(d, B_LINE, NULL, "第 %d 轮表决（%s，重新计票，更正第 %d 轮结果；理由：%s）",
				         v->round, stamp, prev, v->reason[0] ? v->reason : "未注明");
			else
				doc_addf(d, B_LINE, NULL, "第 %d 轮表决（%s，重新计票；理由：%s）",
				         v->round, stamp, v->reason[0] ? v->reason : "未注明");
		} else {
			doc_addf(d, B_LINE, NULL, "第 %d 轮表决（%s）", v->round, stamp);
		}
	}
	doc_add(d, B_FIELD, "表决方式", vote_method_name(v->method));
	doc_addf(d, B_FIELD, "表决票数", "赞成 %d 票，反对 %d 票，弃权 %d 票，未表决 %d 人",
	         v->t.yes, v->t.no, v->t.abstain, tally_not_voted(&v->t));
	if (v->method == VM_ROLLCALL && rollcall_lines(st, v, d, err, errlen) != 0)
		return -1;
	/* from the snapshot: the rule set as it was when the vote was taken */
	rule_quorum(&v->rule, v->t.entitled, v->t.present, label, buf, sizeof buf);
	doc_add(d, B_FIELD, "法定人数", buf);
	doc_addf(d, B_FIELD, "表决结果", "%s", v->sentence[0] ? v->sentence
	         : v->passed ? "通过。" : "未通过。");
	rule_describe(&v->rule, buf, sizeof buf);
	doc_addf(d, B_FIELD, "表决规则", "%s（%s）", v->rule.name, buf);
	if (v->rule.source[0])
		doc_add(d, B_FIELD, "规则依据", v->rule.source);
	return 0;
}

/* the step a 退回 of this agenda item went back to (from the proposal's
 * events); 0 when not found */
static int returned_to(struct store *st, const struct agenda_item *a)
{
	int max = 64, total = 0, n, to = 0;
	struct pevent *ev;

	if (!a->proposal_id[0])
		return 0;
	ev = xcalloc((size_t)max, sizeof *ev);
	n = store_proposal_events(st, a->proposal_id, ev, max, &total);
	if (n >= 0 && total > max) {
		for (int i = 0; i < n; i++)
			pevent_clear(&ev[i]);
		max = total;
		ev = xrealloc(ev, (size_t)max * sizeof *ev);
		memset(ev, 0, (size_t)max * sizeof *ev);
		n = store_proposal_events(st, a->proposal_id, ev, max, &total);
	}
	for (int i = 0; i < n; i++) {
		if (ev[i].action == ACT_RETURN && strcmp(ev[i].agenda_id, a->id) == 0)
			to = ev[i].to_step;
		pevent_clear(&ev[i]);
	}
	free(ev);
	return to;
}

static void outcome_line(struct store *st, const struct agenda_item *a,
                         const struct meeting_kind_def *k, struct doc *d)
{
	const char *why = a->reason && a->reason[0] ? a->reason : "未注明";
	int to;

	switch (a->outcome) {
	case OC_FORWARD:
		if (k && k->performs_step)
			doc_addf(d, B_FIELD, "结论", "通过，完成%s，转入下一步",
			         step_long_name(k->performs_step));
		else
			doc_add(d, B_FIELD, "结论", "通过，转入下一步");
		break;
	case OC_RETURN:
		to = returned_to(st, a);
		if (to > 0)
			doc_addf(d, B_FIELD, "结论", "退回至%s。理由：%s", step_long_name(to), why);
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

static int items_section(struct store *st, const struct agenda_item *a, int n,
                         const struct meeting_kind_def *k, struct doc *d,
                         char *err, size_t errlen)
{
	char num[16], date[32];

	doc_add(d, B_HEADING, NULL, "五、表决情况及决定事项");
	if (!n)
		doc_add(d, B_LINE, NULL, "（本次会议无议程）");
	for (int i = 0; i < n; i++) {
		struct vote *v = NULL;
		char *name = item_name(&a[i]);
		int nv;

		cn_numeral(i + 1, num, sizeof num);
		doc_addf(d, B_LINE, NULL, "（%s）%s", num, name);
		free(name);
		nv = load_votes(st, a[i].id, &v);
		if (nv < 0)
			return store_err(st, err, errlen);
		if (!nv)
			doc_add(d, B_FIELD, "表决方式", "未表决");
		for (int j = 0; j < nv; j++)
			if (vote_lines(st, &v[j], v, nv, k, d, err, errlen) != 0) {
				free(v);
				return -1;
			}
		free(v);
		outcome_line(st, &a[i], k, d);
		doc_add(d, B_FIELD, "决定事项", a[i].decision[0] ? a[i].decision : "无");
		if (a[i].responsible[0])
			doc_add(d, B_FIELD, "责任人", a[i].responsible);
		if (a[i].deadline[0]) {
			ys_cn_date_any(a[i].deadline, date);
			doc_add(d, B_FIELD, "时限", date);
		}
	}
	return 0;
}

/* ---- 更正 --------------------------------------------------------------- */

static int addenda_section(struct store *st, const char *mid, struct doc *d,
                           char *err, size_t errlen)
{
	int max = 16, n;
	struct addendum *ad = NULL;
	char num[16], stamp[48];

	for (;;) {
		ad = xrealloc(ad, (size_t)max * sizeof *ad);
		n = store_addendum_list(st, mid, ad, max);
		if (n < max)
			break;
		for (int i = 0; i < n; i++)
			addendum_clear(&ad[i]);
		max *= 2;
	}
	if (n < 0) {
		free(ad);
		return store_err(st, err, errlen);
	}
	if (n > 0) {
		doc_add(d, B_SPACE, NULL, "");
		doc_add(d, B_HEADING, NULL, "更正");
	}
	for (int i = 0; i < n; i++) {
		cn_numeral(i + 1, num, sizeof num);
		ys_cn_stamp(ad[i].at, stamp, sizeof stamp);
		doc_addf(d, B_LINE, NULL, "（%s）%s", num, stamp);
		doc_add(d, B_FIELD, "更正理由", ad[i].reason);
		doc_add(d, B_FIELD, "更正内容", ad[i].text);
		if (ad[i].sm3[0])
			doc_addf(d, B_FIELD, "校验码", "SM3 %s", ad[i].sm3);
		addendum_clear(&ad[i]);
	}
	free(ad);
	return 0;
}

/* ---- the whole record --------------------------------------------------- */

int minutes_doc(struct store *st, const char *meeting_id, struct doc *d,
                char *err, size_t errlen)
{
	struct meeting m;
	struct community com;
	struct seal seal;
	struct agenda_item *ag = NULL;
	const struct meeting_kind_def *k;
	const char *kname;
	char date[32], stamp[48];
	int rc, nag = 0, signers = 0, sealed, tlen, lines;

	doc_init(d, DOC_MINUTES);
	if (!meeting_id || !*meeting_id)
		return ys_err(err, errlen, "未指定会议。");
	rc = store_meeting_get(st, meeting_id, &m);
	if (rc == 1)
		return ys_err(err, errlen, "找不到该会议。");
	if (rc != 0)
		return store_err(st, err, errlen);
	rc = store_seal_get(st, m.id, &seal);
	if (rc < 0)
		goto store_fail;
	sealed = rc == 0;
	rc = store_community_get(st, &com);
	if (rc < 0)
		goto store_fail;
	if (rc == 1)
		memset(&com, 0, sizeof com);
	nag = load_agenda(st, m.id, &ag);
	if (nag < 0)
		goto store_fail;

	k = meeting_kind_get(m.kind);
	kname = k ? k->name : "会议";
	tlen = (int)strlen(m.title);
	/* 「……两委联席会议记录」, 「……党员大会会议记录」 */
	d->title = tlen >= 6 && strcmp(m.title + tlen - 6, "会议") == 0
		? xasprintf("%s记录", m.title) : xasprintf("%s会议记录", m.title);
	d->number = xstrdup(m.number);

	doc_addf(d, B_TITLE, NULL, "%s会议记录", com.name);
	doc_addf(d, B_SUBTITLE, NULL, "编号：%s", m.number);
	if (m.status == MS_PLANNED)
		doc_add(d, B_CENTER, NULL, "（预览：会议尚未开始，本记录未完成）");
	else if (m.status != MS_CLOSED)
		doc_add(d, B_CENTER, NULL, "（预览：会议尚未散会，本记录未完成）");

	/* 一、基本情况 */
	doc_add(d, B_HEADING, NULL, "一、基本情况");
	doc_add(d, B_FIELD, "会议名称", m.title);
	doc_add(d, B_FIELD, "会议类型", kname);
	ys_cn_date_any(m.date, date);
	doc_add(d, B_FIELD, "日期", date);
	if (m.end_time[0])
		doc_addf(d, B_FIELD, "起止时间", "%s 至 %s", m.start_time, m.end_time);
	else
		doc_addf(d, B_FIELD, "起止时间", "%s 开始，尚未散会", m.start_time);
	doc_add(d, B_FIELD, "地点", m.place);
	if (m.chair_post[0])
		doc_addf(d, B_FIELD, "主持人", "%s（%s）", m.chair_name, m.chair_post);
	else
		doc_add(d, B_FIELD, "主持人", m.chair_name);
	doc_add(d, B_FIELD, "记录人", m.clerk_name);

	if (attendance_section(st, &m, k, d, &signers, err, errlen) != 0)
		goto fail;
	agenda_section(ag, nag, k, d);
	if (minutes_section(st, m.id, d, err, errlen) != 0)
		goto fail;
	if (items_section(st, ag, nag, k, d, err, errlen) != 0)
		goto fail;

	doc_add(d, B_HEADING, NULL, "六、遗留问题");
	doc_add(d, B_PARA, NULL, m.pending && *m.pending ? m.pending : "无");

	doc_add(d, B_SPACE, NULL, "");
	if (m.status == MS_CLOSED)
		doc_addf(d, B_CENTER, NULL, "散会（%s）", m.end_time);
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

	if (sealed) {
		ys_cn_stamp(seal.signed_at, stamp, sizeof stamp);
		doc_addf(d, B_LINE, NULL, "本记录已于%s 经主持人%s、记录人%s签字确认。",
		         stamp, seal.chair_name, seal.clerk_name);
		d->footer = xasprintf("签字确认 %.16s  SM3 %s", seal.signed_at, seal.sm3);
	} else {
		doc_add(d, B_LINE, NULL, "（本记录尚未签字确认）");
	}
	if (addenda_section(st, m.id, d, err, errlen) != 0)
		goto fail;

	free_agenda(ag, nag);
	meeting_clear(&m);
	return 0;

store_fail:
	store_err(st, err, errlen);
fail:
	free_agenda(ag, nag > 0 ? nag : 0);
	meeting_clear(&m);
	doc_free(d);
	doc_init(d, DOC_MINUTES);
	return -1;
}
