/* meeting_notice.c: 会议通知 — the notice of a meeting not yet held, read
 * before it is posted and numbered like every notice (ops.h), and the
 * warning when a meeting is set sooner than its kind is to be noticed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "ops_int.h"
#include "store/record.h"

int ops_notice_ahead_days(struct store *st, int kind)
{
	char key[32];

	snprintf(key, sizeof key, "notice_ahead_%d", kind);
	return ops_setting_int(st, key);
}

/* the setting's help says why that many days */
static const char *ahead_ground(int kind)
{
	char key[32];

	snprintf(key, sizeof key, "notice_ahead_%d", kind);
	for (size_t i = 0; i < ops_setting_count; i++)
		if (strcmp(ops_settings[i].key, key) == 0)
			return ops_settings[i].help;
	return "";
}

int ops_notice_ahead_warn(struct store *st, int kind, const char *date, const char *from,
                          char *buf, size_t len)
{
	const struct meeting_kind_def *k = meeting_kind_get(kind);
	char day[11];
	int need = ops_notice_ahead_days(st, kind), have;

	if (buf && len)
		buf[0] = '\0';
	if (!from || !*from) {
		today(day);
		from = day;
	}
	have = ys_days_between(from, date);
	if (!k || need <= 0 || have >= need || have < 0)
		return 0;
	snprintf(buf, len, "%s应提前 %d 天通知（%s）；从 %s 到会议日期 %s 只有 %d 天。", k->name,
	         need, ahead_ground(kind), from, date, have);
	return 1;
}

/* the 落款 of a kind of meeting: who calls it */
static int signoff_of(int kind, const struct community *c, char *out, size_t len)
{
	switch (kind) {
	case MK_PARTY:
		return ys_snprintf(out, len, "%s", c->party_org);
	case MK_LIANGWEI:
		return ys_snprintf(out, len, "%s\n%s", c->party_org, c->committee);
	default:
		return ys_snprintf(out, len, "%s", c->committee);
	}
}

/* 一、二 … for the notice's points */
static const char *const points[] = { "一", "二", "三", "四", "五", "六" };

static int meeting_notice_make(struct store *st, const char *mid, const struct meeting_notice_req *rq,
                               int post, struct notice *n, char *warn, size_t warnlen,
                               char *err, size_t errlen)
{
	struct meeting_record r;
	struct community com;
	const struct meeting_kind_def *k;
	struct strbuf b = { 0 };
	char day[11], when[48], wd[16] = "", bg[1024];
	const char *contact, *phone;
	int rc, p = 0, step = 0;

	memset(n, 0, sizeof *n);
	if (warn && warnlen)
		warn[0] = '\0';
	rc = store_record_load(st, mid ? mid : "", REC_ITEMS | REC_ATTENDANCE, &r);
	if (rc != 0) {
		record_free(&r);
		return rc == 1 ? ys_err(err, errlen, "会议不存在。") : store_fail(st, err, errlen);
	}
	k = meeting_kind_get(r.m.kind);
	rc = store_community_get(st, &com);
	if (rc == 1 || (rc == 0 && (!com.party_org[0] || !com.committee[0])))
		rc = ys_err(err, errlen, "尚未填写社区党组织和居委会名称，无法生成通知落款。");
	else if (rc < 0)
		rc = store_fail(st, err, errlen);
	else if (r.m.status != MS_PLANNED)
		rc = ys_err(err, errlen, "会议 %s %s，不再发会议通知。", r.m.number,
		            r.m.status == MS_CANCELLED ? "已取消" : "已经召开");
	else if (!k)
		rc = ys_err(err, errlen, "会议类型无效。");
	if (rc != 0)
		goto out;

	/* posted on its date (today unless typed), not after the meeting */
	today(day);
	snprintf(n->start_date, sizeof n->start_date, "%s", rq && ys_has_text(rq->date) ? rq->date : day);
	if (strlen(n->start_date) != 10 || ys_date_add(n->start_date, 0, n->written_date) != 0) {
		rc = ys_err(err, errlen, "张贴日期“%s”无效，格式应为 2026-11-23。", n->start_date);
		goto out;
	}
	if (strcmp(n->start_date, r.m.date) > 0) {
		rc = ys_err(err, errlen, "张贴日期 %s 晚于会议日期 %s：会议通知须在会前张贴。",
		            n->start_date, r.m.date);
		goto out;
	}
	snprintf(n->end_date, sizeof n->end_date, "%s", r.m.date);
	ops_notice_ahead_warn(st, r.m.kind, r.m.date, n->start_date, warn, warnlen);

	n->kind = NK_MEETING;
	snprintf(n->meeting_id, sizeof n->meeting_id, "%s", r.m.id);
	snprintf(n->meeting_number, sizeof n->meeting_number, "%s", r.m.number);
	if (ys_snprintf(n->title, sizeof n->title, "关于召开%s的通知", r.m.title) != 0) {
		rc = ys_err(err, errlen, "会议名称过长，无法生成通知标题。");
		goto out;
	}
	snprintf(n->addressee, sizeof n->addressee, "%s", k->attendees);

	/* 兹定于2026年12月10日（星期四）19:00在……召开…… */
	{
		struct tm tm;
		char d[32];
		static const char *const wdn[] = { "日", "一", "二", "三", "四", "五", "六" };
		ys_cn_date_any(r.m.date, d);
		if (ys_parse_date(r.m.date, &tm) == 0 && tm.tm_wday >= 0 && tm.tm_wday < 7)
			snprintf(wd, sizeof wd, "（星期%s）", wdn[tm.tm_wday]);
		snprintf(when, sizeof when, "%s%s%s", d, wd, r.m.start_time);
	}
	sb_addf(&b, "兹定于%s在%s召开%s。现将有关事项通知如下：\n", when,
	        r.m.place[0] ? r.m.place : "（地点另行通知）", r.m.title);
	sb_addf(&b, "%s、参加对象：%s（应到 %d 人）。\n", points[p++], k->attendees, r.counts.entitled);
	sb_addf(&b, "%s、会议议题及议程：\n", points[p++]);
	sb_addf(&b, "（%d）主持人宣布开会，报告应到、实到人数；\n", ++step);
	for (int i = 0; i < r.nitems; i++) {
		const struct agenda_item *a = &r.items[i].a;
		if (a->proposal_id[0])
			sb_addf(&b, "（%d）议题 %s「%s」", ++step, a->proposal_number, a->title);
		else
			sb_addf(&b, "（%d）%s", ++step, a->title);
		store_item_background(st, &r.m, a, bg, sizeof bg);
		sb_addf(&b, "%s%s%s；\n", bg[0] ? "（" : "", bg, bg[0] ? "）" : "");
	}
	if (k->performs_step)
		sb_addf(&b, "（%d）表决，宣布表决结果；\n", ++step);
	sb_addf(&b, "（%d）散会。\n", ++step);
	if (rq && ys_has_text(rq->bring))
		sb_addf(&b, "%s、请携带：%s\n", points[p++], rq->bring);
	sb_addf(&b, "%s、请准时参加。因故不能参加的，请于会前向联系人请假。", points[p++]);
	n->body = sb_steal(&b);

	contact = rq && ys_has_text(rq->contact) ? rq->contact : r.m.clerk_name;
	phone = rq && ys_has_text(rq->phone) ? rq->phone : com.phone;
	if (strspn(phone, "0123456789-+ ") != strlen(phone)) {
		rc = ys_err(err, errlen, "联系电话只能包含数字、“-”、“+”和空格。");
		goto out;
	}
	n->channel = xasprintf("联系人：%s%s%s", contact[0] ? contact : "社区居委会",
	                       phone[0] ? "　联系电话：" : "", phone);
	n->attach = xstrdup(rq && rq->attach ? rq->attach : "");
	if (signoff_of(r.m.kind, &com, n->signoff, sizeof n->signoff) != 0) {
		rc = ys_err(err, errlen, "社区党组织和居委会名称过长，无法生成落款。");
		goto out;
	}
	if (post && store_notice_add(st, n) != 0)
		rc = store_fail(st, err, errlen);
out:
	sb_free(&b);
	record_free(&r);
	if (rc != 0)
		notice_clear(n);
	return rc;
}

int ops_meeting_notice_draft(struct store *st, const char *mid,
                             const struct meeting_notice_req *rq, struct notice *n,
                             char *warn, size_t warnlen, char *err, size_t errlen)
{
	return meeting_notice_make(st, mid, rq, 0, n, warn, warnlen, err, errlen);
}

int ops_meeting_notice_new(struct store *st, const char *mid, const struct meeting_notice_req *rq,
                           struct notice *n, char *err, size_t errlen)
{
	struct notice local;
	int rc;

	if (!n)
		n = &local;
	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = meeting_notice_make(st, mid, rq, 1, n, NULL, 0, err, errlen);
	rc = op_end(st, rc, err, errlen);
	if (rc != 0 || n == &local)
		notice_clear(n);
	return rc;
}
