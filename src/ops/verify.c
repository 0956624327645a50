/* verify.c: `yishiting verify` — every sealed meeting, every 更正 and the
 * chain that links them, checked against the file as it is now; each
 * finding names the record: which meeting, which minute line (its number,
 * time and speaker), which vote round, which attendance row, which 更正.
 *
 * A seal of format 4 keeps the canonical text it was taken over: the text
 * is checked against the seal's digest, then compared line by line with
 * today's record, so that a change is named, not only found.  Older seals
 * are recomputed whole.  What the chain cannot see: the file's last link
 * removed (or a link added at its end) by someone who recomputes the
 * digests by hand — the digest printed on the paper copy shows that
 * (seal_verify_paper). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/core.h"
#include "ops/seal.h"
#include "ops_int.h"
#include "store/record.h"
#include "store/store.h"
#include "base/util.h"

struct finder {
	void (*cb)(const char *line, void *arg);
	void *arg;
	int found;
};

/* one finding, counted */
#define say(f, ...) ((f)->found++, ys_say((f)->cb, (f)->arg, __VA_ARGS__))

/* ---- the canonical text, line by line ------------------------------------ */

struct kv {
	char *key;               /* "minute.12.text" */
	char *val;               /* the escaped value; NULL for an unset one */
};

struct text_map {
	struct kv *v;
	int n;
	char *buf;
};

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct kv *)a)->key, ((const struct kv *)b)->key);
}

static void map_of(const char *text, struct text_map *m)
{
	char *p;

	memset(m, 0, sizeof *m);
	m->buf = xstrdup(text ? text : "");
	for (p = m->buf; *p; ) {
		char *nl = strchr(p, '\n'), *eq;
		if (nl)
			*nl = '\0';
		m->v = xrealloc(m->v, (size_t)(m->n + 1) * sizeof *m->v);
		eq = strchr(p, '=');
		if (eq)
			*eq = '\0';
		m->v[m->n].key = p;
		m->v[m->n].val = eq ? eq + 1 : NULL;
		m->n++;
		if (!nl)
			break;
		p = nl + 1;
	}
	qsort(m->v, (size_t)m->n, sizeof *m->v, by_key);
}

static void map_free(struct text_map *m)
{
	free(m->v);
	free(m->buf);
}

static const char *map_get(const struct text_map *m, const char *key)
{
	struct kv k = { (char *)key, NULL };
	const struct kv *hit = bsearch(&k, m->v, (size_t)m->n, sizeof *m->v, by_key);

	return hit && hit->val ? hit->val : "";
}

/* the record a key belongs to ("minute.12" of "minute.12.text") and the
 * field ("text"); the meeting and the community are one record each */
static void split_key(const char *key, char *rec, size_t rlen, const char **field)
{
	const char *dot = strrchr(key, '.');

	if (!dot) {
		ys_strlcpy(rec, key, rlen);
		*field = "";
		return;
	}
	snprintf(rec, rlen, "%.*s", (int)(dot - key), key);
	*field = dot + 1;
}

static const char *field_cn(const char *f)
{
	static const char *const names[][2] = {
		{ "text", "内容" }, { "at", "时间" }, { "speaker", "发言人" }, { "speaker_id", "发言人" },
		{ "place", "地点" }, { "date", "日期" }, { "title", "标题" }, { "yes", "赞成票数" },
		{ "no", "反对票数" }, { "abstain", "弃权票数" }, { "present", "实到人数" },
		{ "entitled", "应到人数" }, { "outcome", "结论" }, { "decision", "决定事项" },
		{ "reason", "理由" }, { "returned_to", "退回至" }, { "status", "状态" }, { "name", "姓名" },
		{ "choice", "表决意见" }, { "start_time", "开始时间" }, { "end_time", "结束时间" },
		{ "chair_name", "主持人" }, { "clerk_name", "记录人" }, { "passed", "表决结果" },
		{ "sentence", "表决结果的表述" }, { "quorum_ok", "是否达到法定人数" },
		{ "method", "表决方式" }, { "signed_at", "签到时间" }, { "roles", "身份" },
		{ "grid", "网格" }, { "count", "条数" }, { "closed_time", "结束时间" },
		{ "responsible", "负责人" }, { "deadline", "完成期限" }, { "held_start", "实际开始时间" },
		{ "issued", "发出票数" }, { "returned", "收回票数" }, { "valid", "有效票数" },
		{ "invalid", "无效票数" }, { "role", "职责" }, { "proposal_number", "议题编号" },
	};

	for (size_t i = 0; i < YS_ARRAY_LEN(names); i++)
		if (strcmp(names[i][0], f) == 0)
			return names[i][1];
	return f;
}

/* a record of the canonical text as the minutes name it */
static void describe(const char *rec, const struct text_map *m, char *out, size_t len)
{
	char k[96];
	int a, b, c;

	if (sscanf(rec, "minute.%d", &a) == 1) {
		char at[96], who[96];
		snprintf(k, sizeof k, "%s.at", rec);
		ys_strlcpy(at, map_get(m, k), sizeof at);
		snprintf(k, sizeof k, "%s.speaker", rec);
		ys_strlcpy(who, map_get(m, k), sizeof who);
		snprintf(out, len, "第 %d 条记录（%s%s%s）", a, at, *who ? " " : "", who);
	} else if (sscanf(rec, "attendance.%d", &a) == 1) {
		snprintf(k, sizeof k, "%s.name", rec);
		snprintf(out, len, "签到表上花名册 %d 号（%s）那一行", a, map_get(m, k));
	} else if (sscanf(rec, "ballot.%d.%d.%d", &a, &b, &c) == 3) {
		snprintf(k, sizeof k, "%s.name", rec);
		snprintf(out, len, "第 %d 项议程第 %d 轮表决的第 %d 张记名票（%s）", a, b, c, map_get(m, k));
	} else if (sscanf(rec, "teller.%d.%d.%d", &a, &b, &c) == 3) {
		snprintf(k, sizeof k, "%s.name", rec);
		snprintf(out, len, "第 %d 项议程第 %d 轮表决的监票、计票人（%s）", a, b, map_get(m, k));
	} else if (sscanf(rec, "vote.%d.%d", &a, &b) == 2) {
		snprintf(out, len, "第 %d 项议程第 %d 轮表决", a, b);
	} else if (sscanf(rec, "agenda.%d", &a) == 1) {
		snprintf(k, sizeof k, "%s.title", rec);
		snprintf(out, len, "第 %d 项议程（%s）", a, map_get(m, k));
	} else if (strcmp(rec, "agenda") == 0) {
		snprintf(out, len, "议程的项数");
	} else if (strcmp(rec, "minute") == 0) {
		snprintf(out, len, "会议记录的条数");
	} else if (strcmp(rec, "attendance") == 0) {
		snprintf(out, len, "签到表的人数");
	} else if (strcmp(rec, "meeting") == 0) {
		snprintf(out, len, "会议本身的信息");
	} else if (strcmp(rec, "community") == 0) {
		snprintf(out, len, "社区名称（会议记录的标题）");
	} else {
		snprintf(out, len, "%s", rec);
	}
}

/* one record's differences, said in one line */
static void say_record(struct finder *f, const char *where, const char *rec, const struct text_map *o,
                       const struct text_map *n, int gone, int added, const struct strbuf *fields)
{
	char what[256];

	describe(rec, gone ? o : n, what, sizeof what);
	if (!strchr(rec, '.') && fields->s && strcmp(fields->s, "条数") == 0) {
		char k[64];
		snprintf(k, sizeof k, "%s.count", rec);
		say(f, "%s：%s在签字确认后由 %s 变为 %s。", where, what, map_get(o, k), map_get(n, k));
	} else if (strcmp(rec, "community") == 0)
		say(f, "%s：社区名称与签字时不同（签字时「%s」，现在「%s」），会议记录的标题随之改变。", where,
		    map_get(o, "community.name"), map_get(n, "community.name"));
	else if (gone)
		say(f, "%s：%s在签字确认后被删除。", where, what);
	else if (added)
		say(f, "%s：%s是签字确认后加进去的。", where, what);
	else
		say(f, "%s：%s在签字确认后被改动（%s）。", where, what, fields->s ? fields->s : "");
}

/* the sealed text o against today's n: every record that differs */
static void diff_texts(struct finder *f, const char *where, const char *sealed, const char *now)
{
	struct text_map o, n;
	int i = 0, j = 0;
	char rec[96] = "", cur[96];
	int gone = 1, added = 1, any = 0;
	struct strbuf fields = { 0 };

	map_of(sealed, &o);
	map_of(now, &n);
	while (i < o.n || j < n.n) {
		int c = i >= o.n ? 1 : j >= n.n ? -1 : strcmp(o.v[i].key, n.v[j].key);
		const char *key = c <= 0 ? o.v[i].key : n.v[j].key, *field;
		int differs = c != 0 || (o.v[i].val == NULL) != (n.v[j].val == NULL) ||
		              (o.v[i].val && strcmp(o.v[i].val, n.v[j].val) != 0);

		split_key(key, cur, sizeof cur, &field);
		/* a record's lines are together in key order: report the last
		 * one when the next begins */
		if (strcmp(cur, rec) != 0) {
			if (any)
				say_record(f, where, rec, &o, &n, gone, added, &fields);
			ys_strlcpy(rec, cur, sizeof rec);
			gone = added = 1;
			any = 0;
			sb_free(&fields);
		}
		if (c > 0)
			gone = 0;
		else if (c < 0)
			added = 0;
		else
			gone = added = 0;
		if (differs) {
			if (any)
				sb_add(&fields, "、");
			sb_add(&fields, field_cn(field));
			any = 1;
		}
		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
	}
	if (any)
		say_record(f, where, rec, &o, &n, gone, added, &fields);
	sb_free(&fields);
	map_free(&o);
	map_free(&n);
}

/* ---- one sealed meeting -------------------------------------------------- */

static int verify_addenda(struct finder *f, const char *where, const struct meeting_record *r,
                          const char *seal_sm3, int chained)
{
	char sm3[65];

	for (int i = 0; i < r->naddenda; i++) {
		const struct addendum *a = &r->addenda[i];
		if (store_addendum_digest(seal_sm3, a, sm3) != 0)
			return -1;
		if (chained && a->chain_no == 0)
			say(f, "%s：第 %d 条更正（%.16s）不在签字确认与更正的链上：在程序外插入。", where, a->seq,
			    a->at);
		else if (strcmp(sm3, a->sm3) != 0)
			say(f, "%s：第 %d 条更正（%.16s）与它的摘要不符：在程序外被改动。", where, a->seq, a->at);
		else if (a->seq != i + 1)
			say(f, "%s：更正缺少第 %d 条：在程序外被删除。", where, i + 1);
	}
	return 0;
}

static int verify_one(struct store *st, struct finder *f, const struct seal *sealed)
{
	struct meeting_record r;
	struct seal now = *sealed;
	struct strbuf cur = { 0 };
	char where[320], *canon = NULL;
	int rc = store_record_load(st, sealed->meeting_id, REC_ITEMS | REC_ADDENDA, &r);

	if (rc != 0) {
		record_free(&r);
		return -1;
	}
	snprintf(where, sizeof where, "会议 %s（%s）", r.m.number, r.m.title);
	if (now.format < 1 || now.format > SEAL_FORMAT_NOW) {
		say(f, "%s：签字确认的格式（%d）不是本程序写的：在程序外被修改。", where, now.format);
		record_free(&r);
		return 0;
	}
	if (now.format < 4) {
		/* before the chain: the whole record recomputed */
		rc = seal_digests(st, &now);
		if (rc == 0 && (strcmp(now.sm3, sealed->sm3) != 0 || strcmp(now.sha256, sealed->sha256) != 0))
			say(f, "%s：记录与签字确认时的摘要不符：在程序外被修改。", where);
	} else if ((rc = store_seal_canon(st, sealed->meeting_id, &canon)) == 0 && !canon) {
		say(f, "%s：签字确认时保存的记录文本不见了：在程序外被删除。", where);
	} else if (rc == 0) {
		/* how many meetings were sealed with it: those sealed up to it
		 * now, and, where links before it are missing (said once, by the
		 * chain), as many more as are missing */
		int n = store_seal_count_upto(st, now.chain_no);
		int before = store_chain_count_before(st, now.chain_no), ok = 0;
		int missing = before < 0 ? 0 : now.chain_no - 1 - before;
		rc = n < 0 || before < 0 ? -1 : 0;
		for (int extra = 0; rc == 0 && !ok && extra <= missing; extra++) {
			if (seal_text_digests(canon, &now, n + extra) != 0)
				rc = -1;
			ok = strcmp(now.sm3, sealed->sm3) == 0 && strcmp(now.sha256, sealed->sha256) == 0;
		}
		if (rc == 0)
			rc = seal_record_canonical(st, sealed->meeting_id, now.format, &cur);
		if (rc == 0 && ok && strcmp(cur.s ? cur.s : "", canon) != 0)
			diff_texts(f, where, canon, cur.s ? cur.s : "");
		else if (rc == 0 && !ok && strcmp(cur.s ? cur.s : "", canon) == 0)
			say(f, "%s：签字确认本身（签字人、签字时间或它在链中的位置）与它的摘要不符：在程序外被修改。", where);
		else if (rc == 0 && !ok) {
			/* the text kept was altered: is today's record still what
			 * was signed? */
			int same = 0;
			for (int extra = 0; rc == 0 && !same && extra <= missing; extra++) {
				if (seal_text_digests(cur.s ? cur.s : "", &now, n + extra) != 0)
					rc = -1;
				same = strcmp(now.sm3, sealed->sm3) == 0;
			}
			if (same)
				say(f, "%s：签字确认时保存的记录文本在程序外被改动；会议记录本身与签字时一致。", where);
			else
				say(f, "%s：签字确认时保存的记录文本与签字确认的摘要不符，现在的记录也与签字时不同："
				    "在程序外被修改（无法指出是哪一条，以签字的纸质件为准）。", where);
		}
	}
	if (rc == 0)
		rc = verify_addenda(f, where, &r, sealed->sm3, now.format >= 4);
	free(canon);
	sb_free(&cur);
	record_free(&r);
	return rc;
}

/* ---- the chain ------------------------------------------------------------- */

static void link_name(const struct chain_link *l, char *out, size_t len)
{
	if (l->addendum)
		snprintf(out, len, "会议 %s 的第 %d 条更正", l->meeting_number[0] ? l->meeting_number : "（已删除）",
		         l->seq);
	else
		snprintf(out, len, "会议 %s 的签字确认", l->meeting_number[0] ? l->meeting_number : "（已删除）");
}

static int verify_chain(struct store *st, struct finder *f)
{
	struct chain_link *l;
	int n = store_chain_all(st, &l), expect = 1;
	char a[96], b[96];

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		link_name(&l[i], a, sizeof a);
		if (i > 0 && l[i].no == l[i - 1].no) {
			say(f, "签字确认与更正的链：第 %d 环出现两次（%s）：在程序外插入。", l[i].no, a);
			continue;
		}
		for (; expect < l[i].no; expect++)
			say(f, "签字确认与更正的链：第 %d 环（排在%s之前）不见了：有一份签字确认或更正在程序外被删除。",
			    expect, a);
		expect = l[i].no + 1;
		if (i > 0 && l[i - 1].no == l[i].no - 1) {
			if (strcmp(l[i].prev_sm3, l[i - 1].sm3) != 0) {
				link_name(&l[i - 1], b, sizeof b);
				say(f, "签字确认与更正的链：%s（第 %d 环）接的不是%s（第 %d 环）："
				    "其间的记录在程序外被删除后重做、改动或插入。", a, l[i].no, b, l[i - 1].no);
			}
		} else if (l[i].no == 1 && l[i].prev_sm3[0]) {
			say(f, "签字确认与更正的链：%s 是第 1 环，却接着另一份摘要：在程序外被改动。", a);
		}
	}
	free(l);
	return 0;
}

/* each 更正 the change log recorded is still there, with its digest */
static int verify_logged_addenda(struct store *st, struct finder *f)
{
	struct change *c;
	int n = store_changes_field(st, "meeting", "更正", &c);

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		struct addendum *a = NULL;
		struct meeting m;
		int na = store_addendum_all(st, c[i].entity_id, &a), found = 0;
		int rm = store_meeting_get(st, c[i].entity_id, &m);

		for (int j = 0; j < na; j++) {
			found |= c[i].new_value && strcmp(a[j].sm3, c[i].new_value) == 0;
			addendum_clear(&a[j]);
		}
		free(a);
		if (na < 0 || rm < 0)
			n = -1;
		else if (!found)
			say(f, "会议 %s：修改记录显示 %.16s 添加过一条更正（SM3 %.16s…，理由：%s），这条更正却不见了："
			    "在程序外被删除或改动。", rm == 0 ? m.number : "（已删除的会议）", c[i].at,
			    c[i].new_value ? c[i].new_value : "", c[i].reason ? c[i].reason : "");
		if (rm == 0)
			meeting_clear(&m);
		change_clear(&c[i]);
	}
	free(c);
	return n < 0 ? -1 : 0;
}

/* each seal the change log recorded is still the seal of its meeting */
static int verify_logged(struct store *st, struct finder *f)
{
	struct change *c;
	int n = store_changes_field(st, "meeting", "签字确认", &c);

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		struct seal s;
		struct meeting m;
		int rs = store_seal_get(st, c[i].entity_id, &s), rm = store_meeting_get(st, c[i].entity_id, &m);
		const char *num = rm == 0 ? m.number : "（已删除的会议）";

		if (rs < 0 || rm < 0) {
			n = -1;
		} else if (rs == 1) {
			say(f, "会议 %s：修改记录显示它已于 %.16s 签字确认（SM3 %.16s…），签字确认却不见了："
			    "在程序外被删除。", num, c[i].at, c[i].new_value ? c[i].new_value : "");
		} else if (c[i].new_value && strcmp(c[i].new_value, s.sm3) != 0) {
			say(f, "会议 %s：现在的签字确认不是 %.16s 那一次的（当时 SM3 %.16s…，现在 %.16s…）："
			    "签字确认在程序外被删除后重做。", num, c[i].at, c[i].new_value, s.sm3);
		}
		if (rm == 0)
			meeting_clear(&m);
		change_clear(&c[i]);
	}
	free(c);
	return n < 0 ? -1 : 0;
}

int seal_verify_all(struct store *st, void (*cb)(const char *line, void *arg), void *arg)
{
	struct finder f = { cb, arg, 0 };
	struct seal page[64];
	char after[16] = "";
	int n;

	do {
		n = store_seal_page(st, after, page, 64);
		if (n < 0)
			return -1;
		for (int i = 0; i < n; i++) {
			struct meeting m;

			if (verify_one(st, &f, &page[i]) != 0)
				return -1;
			if (store_meeting_get(st, page[i].meeting_id, &m) != 0)
				return -1;
			snprintf(after, sizeof after, "%s", m.number);
			meeting_clear(&m);
		}
	} while (n == 64);
	if (verify_chain(st, &f) != 0 || verify_logged(st, &f) != 0 || verify_logged_addenda(st, &f) != 0)
		return -1;
	/* the attachments: each one's bytes against the SM3 taken when attached */
	n = attach_verify(st, cb, arg);
	if (n < 0)
		return -1;
	return f.found + n;
}

/* ---- a paper copy ----------------------------------------------------------- */

int seal_verify_paper(struct store *st, const char *number, const char *hex,
                      void (*cb)(const char *line, void *arg), void *arg, char *err, size_t errlen)
{
	struct finder f = { cb, arg, 0 };
	struct meeting m;
	struct seal s;
	char want[65];
	size_t k = 0;
	int rc;

	/* the digest as printed: letters in either case, spaces allowed */
	for (const char *p = hex ? hex : ""; *p && k < 64; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		if (!strchr("0123456789abcdefABCDEF", *p))
			return ys_err(err, errlen, "摘要只能由 0–9 和 a–f 组成：「%c」不是。", *p);
		want[k++] = (char)(*p >= 'A' && *p <= 'F' ? *p - 'A' + 'a' : *p);
	}
	want[k] = '\0';
	if (k != 64)
		return ys_err(err, errlen, "摘要应为 64 位（纸上“SM3”后面的那一串），现在是 %zu 位。", k);
	memset(&m, 0, sizeof m);
	rc = store_meeting_get_number(st, number, &m);
	if (rc != 0) {
		meeting_clear(&m);
		return rc < 0 ? store_fail(st, err, errlen) : ys_err(err, errlen, "没有编号为 %s 的会议。", number);
	}
	rc = store_seal_get(st, m.id, &s);
	if (rc < 0) {
		meeting_clear(&m);
		return store_fail(st, err, errlen);
	}
	if (rc == 1)
		say(&f, "会议 %s 在数据库里没有签字确认，纸质件却有（SM3 %.16s…）：签字确认在程序外被删除。",
		    m.number, want);
	else if (strcmp(s.sm3, want) != 0)
		say(&f, "会议 %s：纸质件上的摘要（%.16s…）与数据库里的签字确认（%.16s…）不同："
		    "数据库里的签字确认是后来重做的，或者纸质件不是这次会议的。", m.number, want, s.sm3);
	else if (verify_one(st, &f, &s) != 0) {
		meeting_clear(&m);
		return store_fail(st, err, errlen);
	}
	meeting_clear(&m);
	return f.found;
}
