/* decisions.c: every decision as data — CSV (UTF-8 with a BOM, or
 * GB18030) that Excel and WPS open correctly, or JSON — and the walk over
 * the proposals in number order that the lists share. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out_int.h"
#include "base/text.h"
#include "base/util.h"
#include "model/core.h"
#include "out/output.h"
#include "store/store.h"

/* ---- proposals in number order --------------------------------------------------------
 * The store pages proposals per board column (step, status); a merge of the
 * columns' pages gives every proposal in number order with flat memory. */

#define MERGE_PAGE 32

struct pcol {
	int step;                  /* 1..8 active, or 0 = every ended one */
	struct proposal page[MERGE_PAGE];
	int n, i;
	int done;
	char after[16];
};
struct pmerge {
	struct pcol col[STEP_MAX + 1];
	int ncol;
};

static void pnum(const char *number, int *y, int *s)
{
	*y = *s = 0;
	if (sscanf(number, "%d-%d", y, s) != 2)
		*y = *s = 0;
}

struct pmerge *out_pmerge_new(int from_step, int with_ended)
{
	struct pmerge *m = xcalloc(1, sizeof *m);
	for (int s = from_step; s <= STEP_MAX; s++)
		m->col[m->ncol++].step = s;
	if (with_ended)
		m->col[m->ncol++].step = 0;
	return m;
}

void out_pmerge_free(struct pmerge *m)
{
	if (!m)
		return;
	for (int c = 0; c < m->ncol; c++)
		for (int i = 0; i < m->col[c].n; i++)
			proposal_clear(&m->col[c].page[i]);
	free(m);
}

static int pcol_fill(struct store *st, struct pcol *c)
{
	if (c->i < c->n || c->done)
		return 0;
	for (int i = 0; i < c->n; i++)
		proposal_clear(&c->page[i]);
	c->n = c->i = 0;
	int n = store_proposal_page(st, c->step, c->after, 1, c->page, MERGE_PAGE);
	if (n < 0)
		return -1;
	c->n = n;
	if (n < MERGE_PAGE)
		c->done = 1;
	if (n > 0)
		ys_strlcpy(c->after, c->page[n - 1].number, sizeof c->after);
	return 0;
}

/* the next proposal in number order into *out (a copy: content NULL);
 * 1 = got one, 0 = no more, -1 = error */
int out_pmerge_next(struct store *st, struct pmerge *m, struct proposal *out)
{
	int best = -1, by = 0, bs = 0;
	for (int c = 0; c < m->ncol; c++) {
		if (pcol_fill(st, &m->col[c]) != 0)
			return -1;
		struct pcol *k = &m->col[c];
		if (k->i >= k->n)
			continue;
		int y, s;
		pnum(k->page[k->i].number, &y, &s);
		if (best < 0 || y < by || (y == by && s < bs)) {
			best = c;
			by = y;
			bs = s;
		}
	}
	if (best < 0)
		return 0;
	struct pcol *k = &m->col[best];
	*out = k->page[k->i];
	out->content = NULL;
	k->i++;
	return 1;
}

/* ---- decisions ------------------------------------------------------------------------------ */

#define MAX_ROUNDS 32

struct decision {
	struct proposal p;
	char proposed[11], consulted[11], reviewed[11], resolved[11];
	char mnumber[16], mtitle[256], mdate[11];
	int has_vote;
	struct vote v;
	const char *result;
};

/* the vote with this id on that agenda item, else the item's latest */
static int find_vote(struct store *st, const char *agenda_id, const char *vote_id,
                     struct vote *out)
{
	if (!agenda_id || !*agenda_id)
		return 1;
	struct vote *vs = xcalloc(MAX_ROUNDS, sizeof *vs);
	int n = store_vote_list(st, agenda_id, vs, MAX_ROUNDS);
	int rc = 1;
	if (n < 0) {
		rc = -1;
	} else if (n > 0) {
		int pick = n - 1;
		for (int i = 0; vote_id && *vote_id && i < n; i++)
			if (strcmp(vs[i].id, vote_id) == 0)
				pick = i;
		*out = vs[pick];
		rc = 0;
	}
	free(vs);
	if (rc == 1 && n >= MAX_ROUNDS)   /* more rounds than fit: the latest */
		rc = store_vote_latest(st, agenda_id, out);
	return rc;
}

static void ev_date(const struct pevent *e, char out[11])
{
	const char *src = e->meeting_date[0] ? e->meeting_date : e->at;
	ys_strlcpy(out, src, 11);
}

/* Fill d from p and its events.  1 = not a decision (skip), 0 = ok, -1. */
static int decision_load(struct store *st, const struct proposal *p, struct decision *d,
                         struct pevent **evs, int *nev)
{
	int total = 0;

	memset(d, 0, sizeof *d);
	d->p = *p;
	d->p.content = NULL;
	*evs = NULL;
	*nev = 0;
	if (store_proposal_events(st, p->id, NULL, 0, &total) < 0)
		return -1;
	struct pevent *e = xcalloc(total > 0 ? (size_t)total : 1, sizeof *e);
	int n = store_proposal_events(st, p->id, e, total, NULL);
	if (n < 0) {
		free(e);
		return -1;
	}
	int rejected_with_vote = 0;
	for (int i = 0; i < n; i++) {
		const struct pevent *x = &e[i];
		char dt[11];
		ev_date(x, dt);
		switch (x->action) {
		case ACT_PROPOSE:
			memcpy(d->proposed, dt, sizeof dt);
			break;
		case ACT_FORWARD:
			if (x->to_step == STEP_CONSULT)
				memcpy(d->consulted, dt, sizeof dt);
			else if (x->to_step == STEP_REVIEW)
				memcpy(d->reviewed, dt, sizeof dt);
			else if (x->to_step == STEP_RESOLVE) {
				memcpy(d->resolved, dt, sizeof dt);
				ys_strlcpy(d->mnumber, x->meeting_number, sizeof d->mnumber);
				ys_strlcpy(d->mtitle, x->meeting_title, sizeof d->mtitle);
				ys_strlcpy(d->mdate, x->meeting_date, sizeof d->mdate);
				int r = find_vote(st, x->agenda_id, x->vote_id, &d->v);
				if (r < 0)
					goto fail;
				d->has_vote = r == 0;
			}
			break;
		case ACT_RETURN:
			/* the later steps are done again: their old dates go */
			if (x->to_step < STEP_CONSULT)
				d->consulted[0] = '\0';
			if (x->to_step < STEP_REVIEW)
				d->reviewed[0] = '\0';
			if (x->to_step < STEP_RESOLVE) {
				d->resolved[0] = d->mnumber[0] = d->mtitle[0] = d->mdate[0] = '\0';
				d->has_vote = 0;
			}
			break;
		case ACT_REJECT: {
			/* a 不予采纳 decided by a vote counts as a decision: its
			 * meeting and vote stand in the 决议 columns */
			int r = find_vote(st, x->agenda_id, x->vote_id, &d->v);
			if (r < 0)
				goto fail;
			if (r == 0) {
				rejected_with_vote = 1;
				d->has_vote = 1;
				memcpy(d->resolved, dt, sizeof dt);
				ys_strlcpy(d->mnumber, x->meeting_number, sizeof d->mnumber);
				ys_strlcpy(d->mtitle, x->meeting_title, sizeof d->mtitle);
				ys_strlcpy(d->mdate, x->meeting_date, sizeof d->mdate);
			}
			break;
		}
		default:
			break;
		}
	}
	if (!d->proposed[0])
		ys_strlcpy(d->proposed, p->proposed_on[0] ? p->proposed_on : p->created_at,
		           sizeof d->proposed);
	if (p->status == PST_ACTIVE && p->step >= STEP_RESOLVE) {
		d->result = d->has_vote && !d->v.passed ? "未通过" : "通过";
	} else if (p->status == PST_REJECTED && rejected_with_vote) {
		d->result = pstatus_name(PST_REJECTED);
	} else {
		for (int i = 0; i < n; i++)
			pevent_clear(&e[i]);
		free(e);
		return 1;
	}
	*evs = e;
	*nev = n;
	return 0;
fail:
	for (int i = 0; i < n; i++)
		pevent_clear(&e[i]);
	free(e);
	return -1;
}

const char *out_current_step(const struct proposal *p)
{
	return p->status == PST_ACTIVE ? step_long_name(p->step) : pstatus_name(p->status);
}

static void csv_int(struct strbuf *sb, int has, int v)
{
	if (has)
		sb_addf(sb, "%d", v);
}

static void json_str(struct strbuf *sb, const char *s)
{
	if (!s) {
		sb_add(sb, "null");
		return;
	}
	sb_add(sb, "\"");
	size_t n = strlen(s);
	for (const char *p = s; *p; ) {
		unsigned char c = (unsigned char)*p;
		if (c == '"') {
			sb_add(sb, "\\\"");
			p++;
		} else if (c == '\\') {
			sb_add(sb, "\\\\");
			p++;
		} else if (c == '\n') {
			sb_add(sb, "\\n");
			p++;
		} else if (c == '\r') {
			sb_add(sb, "\\r");
			p++;
		} else if (c == '\t') {
			sb_add(sb, "\\t");
			p++;
		} else if (c < 0x20 || c == 0x7F) {
			sb_addf(sb, "\\u%04x", c);
			p++;
		} else if (c < 0x80) {
			sb_addn(sb, p, 1);
			p++;
		} else {
			wchar_t w;
			size_t k = text_decode(p, n - (size_t)(p - s), &w);
			if (w == TEXT_REPLACEMENT && !(k == 3 && memcmp(p, "\xEF\xBF\xBD", 3) == 0))
				sb_add(sb, "\\ufffd");      /* not UTF-8: never invalid JSON */
			else if (w == 0x2028 || w == 0x2029 || text_is_bidi_control(w))
				sb_addf(sb, "\\u%04x", (unsigned)w);
			else
				sb_addn(sb, p, k);
			p += k ? k : 1;
		}
	}
	sb_add(sb, "\"");
}

/* a date or null */
static void json_date(struct strbuf *sb, const char *s)
{
	if (s && *s)
		json_str(sb, s);
	else
		sb_add(sb, "null");
}

static void json_vote(struct strbuf *sb, const struct vote *v)
{
	sb_addf(sb, "{\"round\":%d,\"method\":", v->round);
	json_str(sb, vote_method_name(v->method));
	sb_addf(sb, ",\"entitled\":%d,\"present\":%d,\"yes\":%d,\"no\":%d,\"abstain\":%d,"
	        "\"not_voted\":%d,\"quorum_ok\":%s,\"passed\":%s,\"rule\":",
	        v->t.entitled, v->t.present, v->t.yes, v->t.no, v->t.abstain,
	        tally_not_voted(&v->t), v->quorum_ok ? "true" : "false",
	        v->passed ? "true" : "false");
	json_str(sb, v->rule.name);
	sb_add(sb, ",\"sentence\":");
	json_str(sb, v->sentence);
	sb_add(sb, ",\"recount_reason\":");
	json_str(sb, v->supersedes[0] ? v->reason : NULL);
	/* when it was taken at its meeting (HH:MM), and when it was typed */
	sb_add(sb, ",\"at\":");
	json_date(sb, v->at);
	sb_add(sb, ",\"recorded_at\":");
	json_date(sb, v->created_at);
	sb_add(sb, "}");
}

static int json_decision(struct store *st, struct strbuf *sb, const struct decision *d,
                         const struct pevent *e, int n)
{
	sb_add(sb, "{\"number\":");
	json_str(sb, d->p.number);
	sb_add(sb, ",\"title\":");
	json_str(sb, d->p.title);
	sb_add(sb, ",\"category\":");
	json_str(sb, d->p.category);
	sb_add(sb, ",\"proposers\":");
	json_str(sb, d->p.proposers);
	sb_add(sb, ",\"result\":");
	json_str(sb, d->result);
	sb_add(sb, ",\"current_step\":");
	json_str(sb, out_current_step(&d->p));
	sb_add(sb, ",\"dates\":{\"proposed\":");
	json_date(sb, d->proposed);
	sb_add(sb, ",\"consulted\":");
	json_date(sb, d->consulted);
	sb_add(sb, ",\"reviewed\":");
	json_date(sb, d->reviewed);
	sb_add(sb, ",\"resolved\":");
	json_date(sb, d->resolved);
	sb_add(sb, "},\"meeting\":");
	if (d->mnumber[0]) {
		sb_add(sb, "{\"number\":");
		json_str(sb, d->mnumber);
		sb_add(sb, ",\"title\":");
		json_str(sb, d->mtitle);
		sb_add(sb, ",\"date\":");
		json_date(sb, d->mdate);
		sb_add(sb, "}");
	} else {
		sb_add(sb, "null");
	}
	sb_add(sb, ",\"vote\":");
	if (d->has_vote)
		json_vote(sb, &d->v);
	else
		sb_add(sb, "null");
	sb_add(sb, ",\"steps\":[");
	for (int i = 0; i < n; i++) {
		const struct pevent *x = &e[i];
		if (i)
			sb_add(sb, ",");
		sb_add(sb, "{\"at\":");
		json_str(sb, x->at);
		sb_add(sb, ",\"action\":");
		json_str(sb, action_name(x->action));
		sb_add(sb, ",\"from\":");
		json_str(sb, step_long_name(x->from_step));
		sb_add(sb, ",\"to\":");
		json_str(sb, step_long_name(x->to_step));
		sb_add(sb, ",\"status\":");
		json_str(sb, pstatus_name(x->status));
		sb_add(sb, ",\"meeting\":");
		if (x->meeting_id[0]) {
			sb_add(sb, "{\"number\":");
			json_str(sb, x->meeting_number);
			sb_add(sb, ",\"kind\":");
			const struct meeting_kind_def *k = meeting_kind_get(x->meeting_kind);
			json_str(sb, k ? k->name : "");
			sb_add(sb, ",\"title\":");
			json_str(sb, x->meeting_title);
			sb_add(sb, ",\"date\":");
			json_date(sb, x->meeting_date);
			sb_add(sb, "}");
		} else {
			sb_add(sb, "null");
		}
		sb_add(sb, ",\"reason\":");
		json_str(sb, x->reason && *x->reason ? x->reason : NULL);
		sb_add(sb, ",\"vote\":");
		struct vote v;
		int r = find_vote(st, x->agenda_id, x->vote_id, &v);
		if (r < 0)
			return -1;
		if (r == 0)
			json_vote(sb, &v);
		else
			sb_add(sb, "null");
		sb_add(sb, "}");
	}
	sb_add(sb, "]}");
	return 0;
}

static void csv_decision(struct strbuf *sb, const struct decision *d)
{
	char meeting[300] = "";
	if (d->mnumber[0])
		snprintf(meeting, sizeof meeting, "%s %s", d->mnumber, d->mtitle);
	out_csv_field(sb, d->p.number, 0);
	sb_add(sb, ",");
	out_csv_field(sb, d->p.title, 1);
	sb_add(sb, ",");
	out_csv_field(sb, d->p.category, 1);
	sb_add(sb, ",");
	out_csv_field(sb, d->proposed, 0);
	sb_add(sb, ",");
	out_csv_field(sb, d->consulted, 0);
	sb_add(sb, ",");
	out_csv_field(sb, d->reviewed, 0);
	sb_add(sb, ",");
	out_csv_field(sb, d->resolved, 0);
	sb_add(sb, ",");
	out_csv_field(sb, meeting, 1);
	sb_add(sb, ",");
	csv_int(sb, d->has_vote, d->v.t.entitled);
	sb_add(sb, ",");
	csv_int(sb, d->has_vote, d->v.t.present);
	sb_add(sb, ",");
	csv_int(sb, d->has_vote, d->v.t.yes);
	sb_add(sb, ",");
	csv_int(sb, d->has_vote, d->v.t.no);
	sb_add(sb, ",");
	csv_int(sb, d->has_vote, d->v.t.abstain);
	sb_add(sb, ",");
	out_csv_field(sb, d->result, 0);
	sb_add(sb, ",");
	out_csv_field(sb, out_current_step(&d->p), 0);
	sb_add(sb, "\r\n");
}

/* write sb to out (converted when cd is open); sb is emptied */
static int emit(FILE *out, iconv_t cd, struct strbuf *sb, char *err, size_t errlen)
{
	int rc = 0;
	if (!sb->len)
		return 0;
	if (cd != (iconv_t)-1) {
		struct strbuf g = { 0 };
		rc = out_gb_convert(cd, sb->s, sb->len, &g, err, errlen);
		if (rc == 0 && g.len && fwrite(g.s, 1, g.len, out) != g.len)
			rc = ys_err(err, errlen, "写入失败：%s", ys_errno_zh(errno));
		sb_free(&g);
	} else if (fwrite(sb->s, 1, sb->len, out) != sb->len) {
		rc = ys_err(err, errlen, "写入失败：%s", ys_errno_zh(errno));
	}
	sb->len = 0;
	if (sb->s)
		sb->s[0] = '\0';
	return rc;
}

int out_decisions(struct store *st, int format, int gb18030, FILE *out,
                  char *err, size_t errlen)
{
	static const char *const cols[] = {
		"编号", "标题", "类别", "提议日期", "商议日期", "审议日期", "决议日期", "决议会议",
		"应到", "实到", "赞成", "反对", "弃权", "结果", "当前步骤",
	};
	struct strbuf sb = { 0 };
	iconv_t cd = (iconv_t)-1;
	int rc = 0, count = 0;

	if (format != OF_CSV && format != OF_JSON)
		return ys_err(err, errlen, "决议数据只能导出为 CSV 或 JSON");
	if (gb18030) {
		if (format == OF_JSON)
			return ys_err(err, errlen, "JSON 总是 UTF-8 编码，不能用 GB18030");
		cd = out_gb_open(err, errlen);
		if (cd == (iconv_t)-1)
			return -1;
	}
	if (format == OF_CSV) {
		if (!gb18030)
			sb_add(&sb, "\xEF\xBB\xBF");       /* so that Excel/WPS read UTF-8 */
		for (size_t i = 0; i < YS_ARRAY_LEN(cols); i++) {
			if (i)
				sb_add(&sb, ",");
			sb_add(&sb, cols[i]);
		}
		sb_add(&sb, "\r\n");
	} else {
		sb_add(&sb, "[");
	}
	struct pmerge *m = out_pmerge_new(STEP_RESOLVE, 1);
	struct proposal p;
	struct decision *d = xcalloc(1, sizeof *d);
	for (;;) {
		int r = out_pmerge_next(st, m, &p);
		if (r < 0) {
			rc = ys_err(err, errlen, "读取议题失败：%s", store_errmsg(st));
			break;
		}
		if (r == 0)
			break;
		struct pevent *e;
		int n;
		r = decision_load(st, &p, d, &e, &n);
		if (r < 0) {
			rc = ys_err(err, errlen, "读取议题 %s 的流转记录失败：%s", p.number, store_errmsg(st));
			break;
		}
		if (r == 1)
			continue;
		if (format == OF_CSV) {
			csv_decision(&sb, d);
		} else {
			sb_add(&sb, count ? ",\n" : "\n");
			if (json_decision(st, &sb, d, e, n) != 0)
				rc = ys_err(err, errlen, "读取议题 %s 的表决失败：%s", p.number, store_errmsg(st));
		}
		for (int i = 0; i < n; i++)
			pevent_clear(&e[i]);
		free(e);
		count++;
		if (rc == 0 && sb.len > 65536)
			rc = emit(out, cd, &sb, err, errlen);
		if (rc != 0)
			break;
	}
	free(d);
	out_pmerge_free(m);
	if (rc == 0) {
		if (format == OF_JSON)
			sb_add(&sb, count ? "\n]\n" : "]\n");
		rc = emit(out, cd, &sb, err, errlen);
	}
	if (rc == 0 && fflush(out) != 0)
		rc = ys_err(err, errlen, "写入失败：%s", ys_errno_zh(errno));
	sb_free(&sb);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	return rc;
}
