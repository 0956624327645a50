/* notices.c: 决议公开 and 实施结果公开 — the notice written from the
 * record of the deciding meeting (read through the one meeting loader) or
 * from the progress entries — and the objections to a notice. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/text.h"
#include "ops_int.h"
#include "store/record.h"

static int starts_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int ends_with(const char *s, const char *p)
{
	size_t n = strlen(s), k = strlen(p);
	return n >= k && strcmp(s + n - k, p) == 0;
}

/* what a notice is about: the proposal's title without a leading 关于 and
 * a trailing 的提议 / 的建议 (「关于加装电梯的提议」 -> 「加装电梯」) */
static void notice_subject(const char *title, char *out, size_t len)
{
	static const char *const tails[] = { "的提议", "的建议", "的议题" };
	const char *t = title;

	if (starts_with(t, "关于") && strlen(t) > strlen("关于"))
		t += strlen("关于");
	ys_strlcpy(out, t, len);
	for (size_t i = 0; i < YS_ARRAY_LEN(tails); i++) {
		if (ends_with(out, tails[i]) && strlen(out) > strlen(tails[i])) {
			out[strlen(out) - strlen(tails[i])] = '\0';
			break;
		}
	}
}

/* "召开2026年第1次居民代表会议（会议编号 2026-H-03）" */
static void meeting_phrase(const struct meeting *m, char *out, size_t len)
{
	const struct meeting_kind_def *k = meeting_kind_get(m->kind);
	char d[32];

	ys_cn_date_any(m->date, d);
	if (!k || strstr(m->title, k->name))
		snprintf(out, len, "%s，社区召开%s（会议编号 %s）", d, m->title, m->number);
	else
		snprintf(out, len, "%s，社区召开%s「%s」（会议编号 %s）", d, k->name, m->title,
		         m->number);
}

/* the decision as the deciding meeting recorded it: the 居民会议 / 居民代表
 * 会议 that moved the proposal to 决议, its item and the vote */
struct decided {
	struct meeting_record r;
	const struct agenda_item *a;
	const struct vote *v;        /* NULL when decided without a vote */
};

static int load_decided(struct store *st, const char *pid, struct decided *d,
                        char *err, size_t errlen)
{
	struct pevent ev;
	int rc;

	memset(d, 0, sizeof *d);
	rc = store_proposal_event_find(st, pid, ACT_FORWARD, STEP_RESOLVE, &ev);
	if (rc < 0)
		return store_fail(st, err, errlen);
	if (rc == 1 || !ev.meeting_id[0] || !ev.agenda_id[0]) {
		if (rc == 0)
			pevent_clear(&ev);
		return ys_err(err, errlen, "找不到作出决议的会议记录，无法生成公示。");
	}
	rc = store_record_load(st, ev.meeting_id, REC_ITEMS, &d->r);
	if (rc == 1)
		rc = ys_err(err, errlen, "会议不存在。");
	else if (rc != 0)
		rc = store_fail(st, err, errlen);
	for (int i = 0; rc == 0 && i < d->r.nitems; i++) {
		const struct record_item *it = &d->r.items[i];
		if (strcmp(it->a.id, ev.agenda_id) != 0)
			continue;
		d->a = &it->a;
		for (int j = 0; j < it->nvotes; j++)
			if (ev.vote_id[0] && strcmp(it->votes[j].v.id, ev.vote_id) == 0)
				d->v = &it->votes[j].v;
	}
	if (rc == 0 && !d->a)
		rc = ys_err(err, errlen, "议程不存在。");
	pevent_clear(&ev);
	if (rc != 0)
		record_free(&d->r);
	return rc;
}

/* a paragraph the clerk added: 「实施方案：……」 on one line, or the label on
 * its own line over the lines of a longer text */
static void add_para(struct strbuf *b, const char *label, const char *text)
{
	if (!ys_has_text(text))
		return;
	if (strchr(text, '\n'))
		sb_addf(b, "%s：\n%s\n", label, text);
	else
		sb_addf(b, "%s：%s\n", label, text);
}

/* 决议公开: which meeting, 应到/实到, the vote and its result, the decision,
 * the responsible person and the deadline, the clerk's 实施方案 */
static void decision_body(const struct proposal *p, const struct decided *d,
                          const struct notice_req *rq, struct strbuf *b)
{
	const struct meeting_kind_def *k = meeting_kind_get(d->r.m.kind);
	const char *dec = d->a->decision;
	char ph[512], dl[32];

	meeting_phrase(&d->r.m, ph, sizeof ph);
	sb_addf(b, "%s，对议题 %s「%s」进行表决。", ph, p->number, p->title);
	if (d->v && d->v->method == VM_SECRET && d->v->bc.issued >= 0) {
		/* the sentence gives the paper count, then the result */
		sb_addf(b, "会议%s %d 人，实到 %d 人。采用无记名投票，%s",
		        k ? k->entitled_label : "应到", d->v->t.entitled, d->v->t.present,
		        d->v->sentence);
	} else if (d->v) {
		sb_addf(b, "会议%s %d 人，实到 %d 人。采用%s，赞成 %d 票，反对 %d 票，弃权 %d 票。%s",
		        k ? k->entitled_label : "应到", d->v->t.entitled, d->v->t.present,
		        vote_method_name(d->v->method), d->v->t.yes, d->v->t.no, d->v->t.abstain,
		        d->v->sentence);
	}
	sb_add(b, "\n");
	if (starts_with(dec, "决议："))
		dec += strlen("决议：");
	if (ys_has_text(dec) && strchr(dec, '\n'))
		sb_addf(b, "决议内容如下：\n%s\n", dec);     /* 一、二、三…: a paragraph each */
	else if (ys_has_text(dec))
		sb_addf(b, "决议内容：%s\n", dec);
	else
		sb_addf(b, "决议内容：同意议题「%s」。\n", p->title);
	if (d->a->responsible[0] && d->a->deadline[0]) {
		ys_cn_date_any(d->a->deadline, dl);
		sb_addf(b, "责任人：%s；完成时限：%s。\n", d->a->responsible, dl);
	} else if (d->a->responsible[0]) {
		sb_addf(b, "责任人：%s。\n", d->a->responsible);
	} else if (d->a->deadline[0]) {
		ys_cn_date_any(d->a->deadline, dl);
		sb_addf(b, "完成时限：%s。\n", dl);
	}
	add_para(b, "实施方案", rq->plan);
	sb_add(b, "现予公示。");     /* 附件说明 is the notice's own field */
}

/* 实施结果公开: the decision it carries out, who and by when, what was
 * done, the money and the acceptance as the clerk writes them */
static void result_body(const struct proposal *p, const struct decided *d,
                        const struct impl *im, const struct progress *pr, int npr,
                        const struct notice_req *rq, struct strbuf *b)
{
	char ph[512], dl[32], day[32];
	const char *who = im->responsible[0] ? im->responsible : d->a->responsible;
	const char *deadline = im->deadline[0] ? im->deadline : d->a->deadline;

	meeting_phrase(&d->r.m, ph, sizeof ph);
	sb_addf(b, "%s，决定实施议题 %s「%s」", ph, p->number, p->title);
	if (who[0])
		sb_addf(b, "，由%s负责", who);
	if (deadline[0]) {
		ys_cn_date_any(deadline, dl);
		sb_addf(b, "，完成时限为%s", dl);
	}
	sb_add(b, "。实施情况如下：\n");
	for (int i = 0; i < npr; i++) {
		ys_cn_date_any(pr[i].at, day);
		sb_addf(b, "%s：%s\n", day, pr[i].text);
	}
	if (deadline[0] && npr > 0 && strcmp(pr[npr - 1].at, deadline) > 0) {
		ys_cn_date_any(deadline, dl);
		sb_addf(b, "实施晚于完成时限（%s）%d 天。\n", dl,
		        ys_days_between(deadline, pr[npr - 1].at));
	}
	add_para(b, "资金使用情况", rq->funds);
	add_para(b, "验收情况", rq->accept);
	sb_add(b, "现将实施结果予以公示。");
}

#define NOTICE_DAYS_MAX 365

/* the clerk's paragraphs: trimmed copies (freed by req_free), each within
 * NOTICE_PARA_MAX characters, only those of the notice's kind */
static int req_copy(const struct notice_req *in, struct notice_req *out, char *err, size_t errlen)
{
	static const struct { size_t off; const char *label; int kind; } paras[] = {
		{ offsetof(struct notice_req, plan), "实施方案", NK_DECISION },
		{ offsetof(struct notice_req, funds), "资金使用情况", NK_RESULT },
		{ offsetof(struct notice_req, accept), "验收情况", NK_RESULT },
		{ offsetof(struct notice_req, attach), "附件说明", 0 },
		{ offsetof(struct notice_req, reason), "提前公开的理由", NK_RESULT },
	};

	*out = *in;
	for (size_t i = 0; i < YS_ARRAY_LEN(paras); i++)      /* ours only, from here */
		*(const char **)((char *)out + paras[i].off) = NULL;
	if (out->kind != NK_DECISION && out->kind != NK_RESULT)
		return ys_err(err, errlen, "公示类型无效。");
	if (out->days < 0 || out->days > NOTICE_DAYS_MAX)
		return ys_err(err, errlen, "公示期应为 1 至 %d 天。", NOTICE_DAYS_MAX);
	for (size_t i = 0; i < YS_ARRAY_LEN(paras); i++) {
		const char **slot = (const char **)((char *)out + paras[i].off);
		const char *t = *(const char *const *)((const char *)in + paras[i].off);
		if (!ys_has_text(t))
			continue;
		if (paras[i].kind && paras[i].kind != out->kind)
			return ys_err(err, errlen, "%s不属于这种公示。", paras[i].label);
		if (text_chars(t) > NOTICE_PARA_MAX)
			return ys_err(err, errlen, "%s不能超过 %d 个字（现有 %zu 个字）。", paras[i].label,
			              NOTICE_PARA_MAX, text_chars(t));
		*slot = ys_trim(xstrdup(t));
	}
	return 0;
}

static void req_free(struct notice_req *rq)
{
	free((char *)rq->plan);
	free((char *)rq->funds);
	free((char *)rq->accept);
	free((char *)rq->attach);
	free((char *)rq->reason);
	memset(rq, 0, sizeof *rq);
}

/* the earliest posting date: the deciding meeting's date, or the last
 * progress entry's; with what it is called */
static void notice_after(const struct decided *d, const struct progress *pr, int npr,
                         int kind, const char **what, const char **date)
{
	if (kind == NK_RESULT && npr > 0) {
		*what = "最后一次实施进展日期";
		*date = pr[npr - 1].at;
	} else {
		*what = "决议日期";
		*date = d->r.m.date;
	}
}

/* the posting period of pid's decision notice ("" both when none) */
int decision_notice_start_end(struct store *st, const char *pid, char start[11],
                              char end[11], char *err, size_t errlen)
{
	struct notice dn;
	int rc = store_notice_for(st, pid, NK_DECISION, &dn);

	start[0] = end[0] = '\0';
	if (rc < 0)
		return store_fail(st, err, errlen);
	if (rc == 0) {
		snprintf(start, 11, "%s", dn.start_date);
		snprintf(end, 11, "%s", dn.end_date);
		notice_clear(&dn);
	}
	return 0;
}

/* Composes the notice of rq for p (read in the caller's transaction, if
 * any) and, when post != 0, numbers it, writes it and moves p on. */
static int notice_make(struct store *st, const struct proposal *p, const struct notice_req *in,
                       int post, struct notice *n, char *err, size_t errlen)
{
	struct community com;
	struct decided d;
	struct impl im;
	struct notice_req rq;
	struct progress *pr = NULL;
	struct strbuf body = { 0 };
	struct transition_req tr = { .step = p->step, .status = p->status,
	                             .action = in->kind == NK_RESULT ? ACT_PUBLISH_RESULT : ACT_PUBLISH };
	char subject[256], day[11], dend[11], at[20];
	const char *after_what, *after;
	int ns, nst, npr = 0, rc;

	memset(n, 0, sizeof *n);
	memset(&d, 0, sizeof d);
	memset(&rq, 0, sizeof rq);
	if (req_copy(in, &rq, err, errlen) != 0) {
		req_free(&rq);
		return -1;
	}
	tr.reason = rq.reason;
	if (proc_apply(&tr, &ns, &nst, err, errlen) != 0) {
		req_free(&rq);
		return -1;
	}
	rc = store_community_get(st, &com);
	if (rc == 1 || (rc == 0 && (!com.party_org[0] || !com.committee[0])))
		rc = ys_err(err, errlen, "尚未填写社区党组织和居委会名称，无法生成公示落款。");
	else if (rc < 0)
		rc = store_fail(st, err, errlen);
	if (rc != 0 || load_decided(st, p->id, &d, err, errlen) != 0) {
		req_free(&rq);
		return -1;
	}
	memset(&im, 0, sizeof im);
	if (rq.kind == NK_RESULT) {
		npr = store_progress_all(st, p->id, &pr);
		if (npr < 0)
			rc = store_fail(st, err, errlen);
		else if (npr == 0)
			rc = ys_err(err, errlen, "还没有实施进展记录，不能发布实施结果公示；"
			            "请先登记实施进展。");
		else if (store_impl_get(st, p->id, &im) < 0)
			rc = store_fail(st, err, errlen);
		if (rc != 0)
			goto out;
	}

	/* 张贴日期: after the decision (the last progress), not far ahead */
	today(day);
	notice_after(&d, pr, npr, rq.kind, &after_what, &after);
	if (ys_has_text(rq.date) && strlen(rq.date) != 10) {
		rc = ys_err(err, errlen, "张贴日期“%s”无效，格式应为 2026-11-23。", rq.date);
		goto out;
	}
	snprintf(n->start_date, sizeof n->start_date, "%s", ys_has_text(rq.date) ? rq.date
	         : strcmp(day, after) >= 0 ? day : after);
	if (notice_date_check(n->start_date, after_what, after, day, err, errlen) != 0) {
		rc = -1;
		goto out;
	}
	/* the result posted while the decision is still up: say why */
	if (rq.kind == NK_RESULT) {
		char dstart[11];
		if (decision_notice_start_end(st, p->id, dstart, dend, err, errlen) != 0) {
			rc = -1;
			goto out;
		}
		if (notice_period_runs(n->start_date, dend) && !rq.reason) {
			rc = ys_err(err, errlen, "决议公示期到 %s 才结束，在此之前（%s）公开实施结果"
			            "须写明理由。", dend, n->start_date);
			goto out;
		}
	}

	notice_subject(p->title, subject, sizeof subject);
	n->kind = rq.kind;
	snprintf(n->proposal_id, sizeof n->proposal_id, "%s", p->id);
	snprintf(n->proposal_number, sizeof n->proposal_number, "%s", p->number);
	if (ys_snprintf(n->title, sizeof n->title, "关于%s%s的公示", subject,
	                rq.kind == NK_RESULT ? "实施结果" : "") != 0) {
		rc = ys_err(err, errlen, "议题标题过长，无法生成公示标题。");
		goto out;
	}
	snprintf(n->addressee, sizeof n->addressee, "全体居民");
	if (rq.kind == NK_DECISION)
		decision_body(p, &d, &rq, &body);
	else
		result_body(p, &d, &im, pr, npr, &rq, &body);
	n->body = sb_steal(&body);
	n->attach = xstrdup(rq.attach ? rq.attach : "");
	snprintf(n->written_date, sizeof n->written_date, "%s", n->start_date);
	if (ys_date_add(n->start_date, (rq.days ? rq.days : ops_setting_int(st, "notice_days")) - 1,
	                n->end_date) != 0) {
		rc = ys_err(err, errlen, "张贴日期不对，无法计算公示期。");
		goto out;
	}
	n->channel = com.phone[0]
		? xasprintf("公示期内如有异议，请向社区居委会反映，电话：%s", com.phone)
		: xstrdup("公示期内如有异议，请向社区居委会反映。");
	if (ys_snprintf(n->signoff, sizeof n->signoff, "%s\n%s", com.party_org, com.committee) != 0) {
		rc = ys_err(err, errlen, "社区党组织和居委会名称过长，无法生成落款。");
		goto out;
	}
	if (!post)
		goto out;
	day_stamp(n->start_date, at);
	if (store_notice_add(st, n) != 0 ||
	    store_proposal_transition(st, p->id, tr.action, ns, nst, NULL, NULL, NULL, tr.reason,
	                              at) != 0)
		rc = store_fail(st, err, errlen);
out:
	for (int i = 0; i < npr; i++)
		progress_clear(&pr[i]);
	free(pr);
	sb_free(&body);
	record_free(&d.r);
	req_free(&rq);
	return rc;
}

int notice_write(struct store *st, const struct proposal *p, const struct notice_req *rq,
                 struct notice *n, char *err, size_t errlen)
{
	return notice_make(st, p, rq, 1, n, err, errlen);
}

int ops_notice_draft(struct store *st, const char *pid, const struct notice_req *rq,
                     struct notice *n, char *err, size_t errlen)
{
	struct proposal p;
	int rc;

	memset(n, 0, sizeof *n);
	if (!rq)
		return ys_err(err, errlen, "公示类型无效。");
	rc = load_proposal(st, pid, &p, err, errlen);
	if (rc != 0)
		return -1;
	rc = notice_make(st, &p, rq, 0, n, err, errlen);
	proposal_clear(&p);
	if (rc != 0)
		notice_clear(n);
	return rc;
}

int ops_notice_new(struct store *st, const char *pid, const struct notice_req *rq,
                   struct notice *n, char *err, size_t errlen)
{
	struct proposal p;
	struct notice local;
	int rc;

	if (!n)
		n = &local;
	memset(n, 0, sizeof *n);
	if (!rq)
		return ys_err(err, errlen, "公示类型无效。");
	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_proposal(st, pid, &p, err, errlen);
	if (rc == 0)
		rc = notice_write(st, &p, rq, n, err, errlen);
	proposal_clear(&p);
	rc = op_end(st, rc, err, errlen);
	if (rc != 0 || n == &local)
		notice_clear(n);
	return rc;
}

int ops_notice_offer(struct store *st, const char *pid, int kind, char date[11], int *days,
                     char *err, size_t errlen)
{
	struct decided d;
	struct progress *pr = NULL;
	const char *after_what, *after;
	char day[11];
	int npr = 0, rc;

	date[0] = '\0';
	if (days)
		*days = ops_setting_int(st, "notice_days");
	if (kind != NK_DECISION && kind != NK_RESULT)
		return ys_err(err, errlen, "公示类型无效。");
	if (load_decided(st, pid ? pid : "", &d, err, errlen) != 0)
		return -1;
	rc = 0;
	if (kind == NK_RESULT && (npr = store_progress_all(st, pid, &pr)) < 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		/* today, or the earliest date allowed when that is later */
		today(day);
		notice_after(&d, pr, npr, kind, &after_what, &after);
		snprintf(date, 11, "%s", strcmp(day, after) >= 0 ? day : after);
	}
	for (int i = 0; i < npr; i++)
		progress_clear(&pr[i]);
	free(pr);
	record_free(&d.r);
	return rc;
}

int ops_decision_notice_runs(struct store *st, const char *pid, const char *date,
                             char end[11], char *err, size_t errlen)
{
	char day[11], start[11];

	end[0] = '\0';
	if (ys_has_text(date))
		snprintf(day, sizeof day, "%.10s", date);
	else
		today(day);
	if (decision_notice_start_end(st, pid ? pid : "", start, end, err, errlen) != 0)
		return -1;
	/* before it went up the step is refused anyway, for its date */
	if (strcmp(day, start) >= 0 && notice_period_runs(day, end))
		return 1;
	end[0] = '\0';
	return 0;
}

/* ---- 异议 ------------------------------------------------------------------ */

/* An objection is recorded whenever it arrives, also after the posting
 * period ended: the record must show it, and the board marks it as late
 * (received_at after the notice's end_date). */
int ops_objection(struct store *st, const char *notice_id, const char *person,
                  const char *content, char *err, size_t errlen)
{
	struct notice n;
	struct objection o;
	int rc;

	if (!ys_has_text(person))
		return ys_err(err, errlen, "请填写提出异议的人。");
	if (!ys_has_text(content))
		return ys_err(err, errlen, "请填写异议内容。");
	memset(&o, 0, sizeof o);
	if (ys_strlcpy(o.person, person, sizeof o.person) != 0 ||
	    text_chars(ys_trim(o.person)) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "异议人姓名不能超过 %d 个字。", NAME_MAX_CHARS);
	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = store_notice_get(st, notice_id ? notice_id : "", &n);
	if (rc == 1)
		rc = ys_err(err, errlen, "公示不存在。");
	else if (rc != 0)
		rc = store_fail(st, err, errlen);
	else {
		struct proposal p;
		snprintf(o.notice_id, sizeof o.notice_id, "%s", n.id);
		/* an archived matter is closed: an objection to it is handled
		 * as a new matter, not recorded against the old one */
		rc = load_proposal(st, n.proposal_id, &p, err, errlen);
		if (rc == 0) {
			if (p.step == STEP_ARCHIVE)
				rc = ys_err(err, errlen, "议题 %s 已归档，不能再对其公示登记异议；"
				            "如有新的诉求，请作为新议题登记。", p.number);
			proposal_clear(&p);
		}
		notice_clear(&n);
	}
	if (rc == 0) {
		now_stamp(o.received_at);
		o.content = ys_trim(xstrdup(content));
		if (store_objection_add(st, &o) != 0)
			rc = store_fail(st, err, errlen);
	}
	objection_clear(&o);
	return op_end(st, rc, err, errlen);
}

int ops_objection_answer(struct store *st, const char *objection_id, const char *answer,
                         char *err, size_t errlen)
{
	struct objection o;
	char *a;
	int rc;

	if (!ys_has_text(answer))
		return ys_err(err, errlen, "请填写答复内容。");
	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = store_objection_get(st, objection_id ? objection_id : "", &o);
	if (rc == 1)
		rc = ys_err(err, errlen, "异议不存在。");
	else if (rc != 0)
		rc = store_fail(st, err, errlen);
	else {
		rc = o.answer ? ys_err(err, errlen, "该异议已于 %s 答复。", o.answered_at) : 0;
		objection_clear(&o);
	}
	if (rc == 0) {
		a = ys_trim(xstrdup(answer));
		if (store_objection_answer(st, objection_id, a) != 0)
			rc = store_fail(st, err, errlen);
		free(a);
	}
	return op_end(st, rc, err, errlen);
}
