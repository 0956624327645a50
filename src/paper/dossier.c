/* dossier.c: a proposal's dossier (一事一档) as one document, ready to be
 * printed and filed: a cover, the contents with page numbers, then the
 * proposal, its course step by step, every meeting's part of the minutes
 * (minutes_doc_part), the notices as posted (notice_doc), the
 * implementation, the objections and their answers
 * (notice_objections_doc), the attachments with their SM3 (pictures on
 * pages of their own) and the digests of the meetings' seals.  Nothing is
 * written twice: the meetings and notices come from their own builders. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/util.h"
#include "model/core.h"
#include "paper/doc.h"
#include "store/store.h"

#define MAX_MEETINGS 32
#define MAX_PROPOSERS 16

/* what the dossier gathers before it writes */
struct dossier {
	struct proposal p;
	struct community com;
	struct pevent *ev;
	int nev;
	char meetings[MAX_MEETINGS][ID_LEN];      /* in the order they handled it */
	int nmeetings;
	struct notice notices[2];                 /* 决议公开, 实施结果公开 */
	int nnotices;
};

static const char *const cn_num[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

/* 「（一）」 … 「（十）」, then digits */
static void sub_num(int i, char *buf, size_t len)
{
	if (i < 10)
		snprintf(buf, len, "（%s）", cn_num[i]);
	else
		snprintf(buf, len, "（%d）", i + 1);
}

static int fail_store(struct store *st, char *err, size_t errlen)
{
	return ys_err(err, errlen, "%s", store_errmsg(st));
}

static void dossier_free(struct dossier *x)
{
	proposal_clear(&x->p);
	for (int i = 0; i < x->nev; i++)
		pevent_clear(&x->ev[i]);
	free(x->ev);
	for (int i = 0; i < x->nnotices; i++)
		notice_clear(&x->notices[i]);
}

static int gather(struct store *st, const char *pid, struct dossier *x, char *err, size_t errlen)
{
	static const int kinds[] = { NK_DECISION, NK_RESULT };
	int rc;

	memset(x, 0, sizeof *x);
	rc = store_proposal_get(st, pid ? pid : "", &x->p);
	if (rc != 0)
		return rc > 0 ? ys_err(err, errlen, "找不到该议题。") : fail_store(st, err, errlen);
	rc = store_community_get(st, &x->com);
	if (rc < 0)
		return fail_store(st, err, errlen);
	x->nev = store_proposal_events_all(st, x->p.id, &x->ev);
	if (x->nev < 0) {
		x->nev = 0;
		return fail_store(st, err, errlen);
	}
	for (int i = 0; i < x->nev; i++) {
		const char *mid = x->ev[i].meeting_id;
		int seen = 0;
		if (!mid[0])
			continue;
		for (int k = 0; k < x->nmeetings; k++)
			seen |= strcmp(x->meetings[k], mid) == 0;
		if (!seen && x->nmeetings < MAX_MEETINGS)
			ys_strlcpy(x->meetings[x->nmeetings++], mid, ID_LEN);
	}
	for (size_t i = 0; i < YS_ARRAY_LEN(kinds); i++) {
		rc = store_notice_for(st, x->p.id, kinds[i], &x->notices[x->nnotices]);
		if (rc < 0)
			return fail_store(st, err, errlen);
		if (rc == 0)
			x->nnotices++;
	}
	return 0;
}

static const char *state_text(const struct proposal *p)
{
	if (p->status == PST_REJECTED)
		return "不予采纳，已终止";
	if (p->status == PST_WITHDRAWN)
		return "已撤回";
	if (p->step == STEP_ARCHIVE)
		return "已归档，办理完毕";
	return "办理中";
}

/* the day an event happened: its meeting's date, else its own */
static void event_day(const struct pevent *e, char out[11])
{
	snprintf(out, 11, "%.10s", e->meeting_date[0] ? e->meeting_date : e->at);
}

/* ---- the cover and the contents ------------------------------------------------ */

static void cover(struct store *st, const struct dossier *x, struct doc *d)
{
	char from[32], to[32], day[11], today[11], made[32];
	struct proposer pp[MAX_PROPOSERS];
	struct strbuf who = { 0 };
	int npp = store_proposal_proposers(st, x->p.id, pp, MAX_PROPOSERS);

	sb_add(&who, "");
	for (int i = 0; i < npp; i++)
		sb_addf(&who, "%s%s", i ? "、" : "", pp[i].name);
	for (int i = 0; i < 4; i++)
		doc_add(d, B_SPACE, NULL, "");
	doc_add(d, B_TITLE, NULL, x->com.name[0] ? x->com.name : "社区");
	doc_add(d, B_TITLE, NULL, "议事协商档案");
	doc_add(d, B_SUBTITLE, NULL, "（一事一档）");
	for (int i = 0; i < 3; i++)
		doc_add(d, B_SPACE, NULL, "");
	doc_add(d, B_FIELD, "议题编号", x->p.number);
	doc_add(d, B_FIELD, "议题名称", x->p.title);
	doc_add(d, B_FIELD, "议题类别", x->p.category[0] ? x->p.category : "未分类");
	doc_add(d, B_FIELD, "提议人", who.len ? who.s : x->p.proposers);
	ys_cn_date_any(x->p.proposed_on[0] ? x->p.proposed_on : x->p.created_at, from);
	if (x->nev > 0) {
		const struct pevent *last = &x->ev[x->nev - 1];
		event_day(last, day);
		ys_cn_date_any(day, to);
		doc_addf(d, B_FIELD, "办理时间", "%s（提议）至%s（%s）", from, to,
		         last->action == ACT_PROPOSE ? "提议"
		         : x->p.status != PST_ACTIVE ? action_name(last->action)   /* 撤回, 不予采纳 */
		         : step_long_name(last->to_step));
	} else {
		doc_addf(d, B_FIELD, "办理时间", "%s（提议）", from);
	}
	doc_addf(d, B_FIELD, "办理状态", "%s（%s）", step_long_name(x->p.step), state_text(&x->p));
	ys_today(today);
	ys_cn_date_any(today, made);
	doc_add(d, B_FIELD, "立卷日期", made);
	sb_free(&who);
	doc_add(d, B_PAGEBREAK, NULL, "");
	doc_add(d, B_TITLE, NULL, "目　录");
	doc_add(d, B_CONTENTS, NULL, "");
	doc_add(d, B_PAGEBREAK, NULL, "");
}

/* ---- 一、提议 二、办理经过 ---------------------------------------------------------- */

static void proposal_part(const struct dossier *x, struct doc *d)
{
	char date[32];

	doc_section(d, 1, "一、提议");
	doc_add(d, B_FIELD, "议题编号", x->p.number);
	doc_add(d, B_FIELD, "议题名称", x->p.title);
	ys_cn_date_any(x->p.proposed_on[0] ? x->p.proposed_on : x->p.created_at, date);
	doc_add(d, B_FIELD, "提议日期", date);
	doc_add(d, B_FIELD, "提议人", x->p.proposers[0] ? x->p.proposers : "—");
	doc_add(d, B_FIELD, "来源", x->p.source[0] ? x->p.source : "—");
	doc_add(d, B_FIELD, "类别", x->p.category[0] ? x->p.category : "—");
	if (x->p.grid[0] || x->p.building[0])
		doc_addf(d, B_FIELD, "网格、楼栋", "%s %s", x->p.grid, x->p.building);
	doc_add(d, B_HEADING, NULL, "议题内容");
	doc_add(d, B_PARA, NULL, x->p.content ? x->p.content : "");
}

static void course_part(const struct dossier *x, struct doc *d)
{
	static const int colw[] = { 24, 32, 44 };
	static const char *const head[] = { "日期", "事项", "会议或理由" };

	doc_section(d, 1, "二、办理经过");
	doc_table(d, 3, colw, 0, 0, head);
	for (int i = 0; i < x->nev; i++) {
		const struct pevent *e = &x->ev[i];
		char day[11], date[32];
		char *what, *where;

		event_day(e, day);
		ys_cn_date_any(day, date);
		what = e->from_step ? xasprintf("%s：%s → %s", action_name(e->action), step_name(e->from_step),
		                                step_name(e->to_step))
		                    : xasprintf("%s：%s", action_name(e->action), step_name(e->to_step));
		if (e->meeting_id[0])
			where = xasprintf("%s（%s）%s%s", e->meeting_title, e->meeting_number,
			                  e->reason && *e->reason ? "；理由：" : "", e->reason ? e->reason : "");
		else
			where = xstrdup(e->reason && *e->reason ? e->reason : "—");
		const char *cells[] = { date, what, where };
		doc_row(d, 3, cells);
		free(what);
		free(where);
	}
}

/* ---- 三、会议 -------------------------------------------------------------------------- */

static int meetings_part(struct store *st, const struct dossier *x, struct doc *d,
                         char *err, size_t errlen)
{
	char num[32], date[32];

	doc_add(d, B_PAGEBREAK, NULL, "");
	doc_section(d, 1, "三、会议记录（本议题部分）");
	if (!x->nmeetings)
		doc_add(d, B_LINE, NULL, "本议题还没有经过会议。");
	for (int i = 0; i < x->nmeetings; i++) {
		struct meeting m;

		memset(&m, 0, sizeof m);
		if (store_meeting_get(st, x->meetings[i], &m) != 0) {
			meeting_clear(&m);
			return fail_store(st, err, errlen);
		}
		sub_num(i, num, sizeof num);
		ys_cn_date_any(m.date, date);
		char *h = xasprintf("%s%s（%s）", num, m.title, date);
		doc_section(d, 2, h);
		free(h);
		meeting_clear(&m);
		if (minutes_doc_part(st, x->meetings[i], x->p.id, d, err, errlen) != 0)
			return -1;
	}
	return 0;
}

/* ---- 四、公示 -------------------------------------------------------------------------- */

static const char *notice_kind_text(int kind)
{
	return kind == NK_RESULT ? "实施结果公开" : "决议公开";
}

static int notices_part(struct store *st, const struct dossier *x, struct doc *d,
                        char *err, size_t errlen)
{
	char num[32];

	doc_add(d, B_PAGEBREAK, NULL, "");
	doc_section(d, 1, "四、公示");
	if (!x->nnotices)
		doc_add(d, B_LINE, NULL, "本议题还没有公示。");
	for (int i = 0; i < x->nnotices; i++) {
		const struct notice *n = &x->notices[i];
		char from[32], to[32];
		struct doc nd;

		sub_num(i, num, sizeof num);
		char *h = xasprintf("%s%s %s", num, notice_kind_text(n->kind), n->doc_no);
		doc_section(d, 2, h);
		free(h);
		ys_cn_date_any(n->start_date, from);
		ys_cn_date_any(n->end_date, to);
		doc_addf(d, B_FIELD, "公示期", "%s至%s", from, to);
		doc_add(d, B_LINE, NULL, "张贴的公示如下：");
		doc_add(d, B_SPACE, NULL, "");
		if (notice_doc(st, n->id, 1, &nd, err, errlen) != 0)
			return -1;
		doc_append(d, &nd);
		doc_free(&nd);
		doc_add(d, B_SPACE, NULL, "");
	}
	return 0;
}

/* ---- 五、实施 六、异议 ------------------------------------------------------------------- */

static int impl_part(struct store *st, const struct dossier *x, struct doc *d,
                     char *err, size_t errlen)
{
	static const int colw[] = { 22, 78 };
	static const char *const head[] = { "日期", "实施进展" };
	struct impl im;
	struct progress *pr = NULL;
	char date[32];
	int rc, n;

	doc_add(d, B_PAGEBREAK, NULL, "");
	doc_section(d, 1, "五、实施情况");
	rc = store_impl_get(st, x->p.id, &im);
	if (rc < 0)
		return fail_store(st, err, errlen);
	if (rc > 0) {
		doc_add(d, B_LINE, NULL, "本议题还没有进入实施。");
		return 0;
	}
	doc_add(d, B_FIELD, "责任人", im.responsible);
	ys_cn_date_any(im.deadline, date);
	doc_add(d, B_FIELD, "完成时限", date);
	n = store_progress_all(st, x->p.id, &pr);
	if (n < 0)
		return fail_store(st, err, errlen);
	if (n == 0)
		doc_add(d, B_LINE, NULL, "没有登记实施进展。");
	else
		doc_table(d, 2, colw, 0, 0, head);
	for (int i = 0; i < n; i++) {
		ys_cn_date_any(pr[i].at, date);
		const char *cells[] = { date, pr[i].text ? pr[i].text : "" };
		doc_row(d, 2, cells);
		progress_clear(&pr[i]);
	}
	free(pr);
	return 0;
}

static int objections_part(struct store *st, const struct dossier *x, struct doc *d,
                           char *err, size_t errlen)
{
	doc_section(d, 1, "六、异议及答复");
	if (!x->nnotices)
		doc_add(d, B_LINE, NULL, "本议题还没有公示，没有异议。");
	for (int i = 0; i < x->nnotices; i++) {
		const struct notice *n = &x->notices[i];
		doc_addf(d, B_HEADING, NULL, "%s %s", notice_kind_text(n->kind), n->doc_no);
		if (notice_objections_doc(st, n->id, d, err, errlen) != 0)
			return -1;
	}
	return 0;
}

/* ---- 七、附件 ----------------------------------------------------------------------------- */

struct owned { struct attachment *a; int n; int kind; char number[80]; };

/* the SM3 in groups of eight: 6522e7dd 455a3206 … */
static void sm3_groups(const char *hex, char *out, size_t len)
{
	size_t k = 0;

	for (size_t i = 0; hex[i] && k + 2 < len; i++) {
		if (i && i % 8 == 0)
			out[k++] = ' ';
		out[k++] = hex[i];
	}
	out[k] = '\0';
}

static int attach_of(struct store *st, int kind, const char *id, const char *number,
                     struct owned *o, int *no, char *err, size_t errlen)
{
	o[*no].kind = kind;
	ys_strlcpy(o[*no].number, number, sizeof o[*no].number);
	o[*no].n = store_attachment_list(st, kind, id, &o[*no].a);
	if (o[*no].n < 0) {
		o[*no].n = 0;
		return fail_store(st, err, errlen);
	}
	(*no)++;
	return 0;
}

static int attachments_part(struct store *st, const struct dossier *x, struct doc *d,
                            char *err, size_t errlen)
{
	static const int colw[] = { 7, 45, 48 };
	static const char *const head[] = { "序号", "附件", "SM3 摘要" };
	struct owned o[MAX_MEETINGS + 3];
	int no = 0, total = 0, k = 0, rc = 0;

	memset(o, 0, sizeof o);
	rc = attach_of(st, AO_PROPOSAL, x->p.id, x->p.number, o, &no, err, errlen);
	for (int i = 0; rc == 0 && i < x->nmeetings; i++) {
		struct meeting m;
		memset(&m, 0, sizeof m);
		if (store_meeting_get(st, x->meetings[i], &m) != 0)
			rc = fail_store(st, err, errlen);
		else
			rc = attach_of(st, AO_MEETING, m.id, m.number, o, &no, err, errlen);
		meeting_clear(&m);
	}
	for (int i = 0; rc == 0 && i < x->nnotices; i++)
		rc = attach_of(st, AO_NOTICE, x->notices[i].id, x->notices[i].doc_no, o, &no, err, errlen);
	if (rc != 0)
		goto done;

	doc_add(d, B_PAGEBREAK, NULL, "");
	doc_section(d, 1, "七、附件");
	for (int i = 0; i < no; i++)
		total += o[i].n;
	if (!total) {
		doc_add(d, B_LINE, NULL, "没有附件。");
		goto done;
	}
	doc_addf(d, B_LINE, NULL, "共 %d 件。SM3 摘要是附上时算出的，yishiting verify 可核对附件是否被改动；"
	         "图片附后，PDF 等其他文件只列出（yishiting export attachment 可导出原文件）。", total);
	doc_table(d, 3, colw, 0, 1, head);
	for (int i = 0; i < no; i++)
		for (int j = 0; j < o[i].n; j++) {
			const struct attachment *a = &o[i].a[j];
			char seq[16], size[32], hex[80];
			attach_size_text(a->size, size, sizeof size);
			sm3_groups(a->sm3, hex, sizeof hex);
			snprintf(seq, sizeof seq, "%d", ++k);
			char *what = xasprintf("%s\n%s %s · %s · %s\n文件 %s，%.10s 附上", a->title,
			                       attach_owner_name(o[i].kind), o[i].number,
			                       attach_type_name(a->type), size, a->file_name, a->added_at);
			const char *cells[] = { seq, what, hex };
			doc_row(d, 3, cells);
			free(what);
		}
	/* the pictures, each on a page of its own */
	k = 0;
	for (int i = 0; i < no; i++)
		for (int j = 0; j < o[i].n; j++) {
			const struct attachment *a = &o[i].a[j];
			unsigned char *data;
			size_t n;
			char size[32];

			k++;
			if (strcmp(a->type, "png") != 0 && strcmp(a->type, "jpeg") != 0)
				continue;
			if (store_attachment_data(st, a->id, &data, &n) != 0) {
				rc = fail_store(st, err, errlen);
				goto done;
			}
			attach_size_text(a->size, size, sizeof size);
			char *cap = xasprintf("附件 %d　%s\n%s %s · %s · %s · SM3 %.16s…", k, a->title,
			                      attach_owner_name(o[i].kind), o[i].number,
			                      attach_type_name(a->type), size, a->sm3);
			doc_image(d, cap, data, n);
			free(cap);
			free(data);
		}
done:
	for (int i = 0; i < no; i++)
		free(o[i].a);
	return rc;
}

/* ---- 八、签字确认的摘要 ------------------------------------------------------------------- */

static int seals_part(struct store *st, const struct dossier *x, struct doc *d,
                      char *err, size_t errlen)
{
	doc_add(d, B_PAGEBREAK, NULL, "");
	doc_section(d, 1, "八、会议记录签字确认的摘要");
	doc_add(d, B_PARA, NULL, "下列摘要印在各次会议记录每页的下方；yishiting verify 可用它们核对数据库中的"
	        "会议记录是否在签字后被改动。");
	if (!x->nmeetings)
		doc_add(d, B_LINE, NULL, "没有会议记录。");
	for (int i = 0; i < x->nmeetings; i++) {
		struct meeting m;
		struct seal s;
		char stamp[48], hex[80];
		int rc;

		memset(&m, 0, sizeof m);
		if (store_meeting_get(st, x->meetings[i], &m) != 0) {
			meeting_clear(&m);
			return fail_store(st, err, errlen);
		}
		rc = store_seal_get(st, m.id, &s);
		if (rc < 0) {
			meeting_clear(&m);
			return fail_store(st, err, errlen);
		}
		doc_addf(d, B_LINE, NULL, "%s %s", m.number, m.title);
		if (rc == 0) {
			ys_cn_stamp(s.signed_at, stamp, sizeof stamp);
			doc_addf(d, B_FIELD, "签字确认", "%s，主持人%s、记录人%s", stamp, s.chair_name, s.clerk_name);
			sm3_groups(s.sm3, hex, sizeof hex);
			doc_add(d, B_FIELD, "SM3", hex);
		} else {
			doc_add(d, B_FIELD, "签字确认", "尚未签字确认");
		}
		meeting_clear(&m);
	}
	return 0;
}

int dossier_doc(struct store *st, const char *proposal_id, struct doc *d,
                char *err, size_t errlen)
{
	struct dossier x;
	int rc;

	doc_init(d, DOC_DOSSIER);
	rc = gather(st, proposal_id, &x, err, errlen);
	if (rc == 0) {
		d->title = xasprintf("%s（一事一档）", x.p.title);
		d->number = xstrdup(x.p.number);
		d->footer = xasprintf("%s 议题 %s「%s」 一事一档", x.com.name, x.p.number, x.p.title);
		cover(st, &x, d);
		proposal_part(&x, d);
		course_part(&x, d);
		rc = meetings_part(st, &x, d, err, errlen);
	}
	if (rc == 0)
		rc = notices_part(st, &x, d, err, errlen);
	if (rc == 0)
		rc = impl_part(st, &x, d, err, errlen);
	if (rc == 0)
		rc = objections_part(st, &x, d, err, errlen);
	if (rc == 0)
		rc = attachments_part(st, &x, d, err, errlen);
	if (rc == 0)
		rc = seals_part(st, &x, d, err, errlen);
	dossier_free(&x);
	if (rc != 0) {
		doc_free(d);
		doc_init(d, DOC_DOSSIER);
	}
	return rc;
}
