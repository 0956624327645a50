/* notice_doc.c: a notice (公示) as a doc: 标题, 文号, 主送,
 * 正文, 公示期, 异议渠道, 落款, 成文日期.  The public version (the one that
 * goes on the board) leaves out personal data the notice does not need:
 * phone numbers other than the objection line's, and the objections with
 * the objectors' names; the internal version (the file copy) adds the
 * objections received and how each was answered. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "paper/doc.h"
#include "store/store.h"
#include "base/util.h"

/* ---- phone numbers ------------------------------------------------------ */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* a unit right after a number says it is not a phone number:
 * 年 月 日 号 元 人 票 户 平 米 万 亿 % */
static int unit_follows(const char *p)
{
	static const char *const units[] = {
		"年", "月", "日", "号", "元", "人", "票", "户", "平", "米", "万", "亿", "%", "％",
	};
	for (size_t i = 0; i < YS_ARRAY_LEN(units); i++)
		if (strncmp(p, units[i], strlen(units[i])) == 0)
			return 1;
	return 0;
}

#define MAX_GROUPS 8

/* Scan a number at s (a digit, or "+" and a digit): groups of digits with
 * a single "-" or " " between them.  ends[k] gets the byte offset after
 * group k; returns the number of groups (0 if none). */
static int scan_number(const char *s, size_t ends[MAX_GROUPS])
{
	size_t i = 0;
	int g = 0;

	if (s[0] == '+' && is_digit(s[1]))
		i = 1;
	if (!is_digit(s[i]))
		return 0;
	while (g < MAX_GROUPS) {
		while (is_digit(s[i]))
			i++;
		ends[g++] = i;
		if ((s[i] == '-' || s[i] == ' ') && is_digit(s[i + 1]))
			i++;
		else
			break;
	}
	return g;
}

/* the digits of s[0..n) without a leading 86 country code, into dig, if
 * they look like a phone number (groups = number of digit groups, ends =
 * where each ends); 0 if not */
static int phone_digits(const char *s, size_t n, int groups, const size_t *ends,
                        char *dig, size_t diglen)
{
	size_t nd = 0, g0 = 0, g1 = 0;

	for (size_t i = 0; i < n && nd + 1 < diglen; i++)
		if (is_digit(s[i]))
			dig[nd++] = s[i];
	dig[nd] = '\0';
	if (groups >= 1)
		g0 = ends[0] - (s[0] == '+');
	if (groups >= 2)
		g1 = ends[1] - ends[0] - 1;
	if (nd == 13 && strncmp(dig, "861", 3) == 0) {
		memmove(dig, dig + 2, nd - 1);             /* +86 and a mobile */
		return 1;
	}
	if (nd == 11 && dig[0] == '1' && dig[1] >= '3' && dig[1] <= '9')
		return 1;                                  /* mobile */
	if (nd >= 10 && nd <= 12 && dig[0] == '0')
		return 1;                                  /* area code + number */
	/* a local number; 2026-1017 is a proposal number of a busy year */
	if ((nd == 7 || nd == 8) && dig[0] != '0' &&
	    (groups == 1 || (groups == 2 && (g0 == 3 || g0 == 4) && g1 == 4)) &&
	    !(groups == 2 && g0 == 4 && (strncmp(dig, "19", 2) == 0 || strncmp(dig, "20", 2) == 0)))
		return 1;
	return 0;
}

/* s with every phone number not in keep (the objection channel's digits)
 * replaced by 「（略）」; caller frees */
static char *mask_phones(const char *s, const char *keep)
{
	struct strbuf out = {0};
	size_t i = 0;

	sb_add(&out, "");
	while (s[i]) {
		size_t ends[MAX_GROUPS];
		int groups = 0, masked = 0;

		if ((i == 0 || !is_alnum(s[i - 1])) && (is_digit(s[i]) || s[i] == '+'))
			groups = scan_number(s + i, ends);
		if (!groups) {
			sb_addn(&out, s + i, 1);
			i++;
			continue;
		}
		/* the longest run of groups that is a phone number: "户代表1
		 * 139-5000-1207" holds one after its first group */
		for (int k = groups; k >= 1 && !masked; k--) {
			const char *after = s + i + ends[k - 1];
			char dig[64];
			if (is_alnum(*after) || (k == groups && unit_follows(after)))
				continue;
			if (phone_digits(s + i, ends[k - 1], k, ends, dig, sizeof dig) &&
			    !(keep && *keep && strstr(keep, dig))) {
				sb_add(&out, "（略）");
				i += ends[k - 1];
				masked = 1;
			}
		}
		if (!masked) {
			size_t n = ends[0];
			sb_addn(&out, s + i, n);
			i += n;
		}
	}
	return sb_steal(&out);
}

/* only the digits of s */
static char *digits_of(const char *s)
{
	struct strbuf sb = {0};

	sb_add(&sb, "");
	for (; s && *s; s++)
		if (is_digit(*s))
			sb_addn(&sb, s, 1);
	return sb_steal(&sb);
}

/* ---- the notice ---------------------------------------------------------- */

/* add each non-blank line of text as a block of kind; prefix goes in front
 * of the first; public versions mask phone numbers */
static void add_lines_as(struct doc *d, int kind, const char *prefix, const char *rest,
                         const char *text, int mask, const char *keep);

static void add_lines(struct doc *d, int kind, const char *prefix, const char *text,
                      int mask, const char *keep)
{
	add_lines_as(d, kind, prefix, NULL, text, mask, keep);
}

/* the same, the lines after the first behind `rest` (「附件：1．…」 and
 * under it 「　　　2．…」) */
static void add_lines_as(struct doc *d, int kind, const char *prefix, const char *rest,
                         const char *text, int mask, const char *keep)
{
	const char *p = text ? text : "";
	int first = 1;

	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *line = xmalloc(n + 1);

		memcpy(line, p, n);
		line[n] = '\0';
		if (n && line[n - 1] == '\r')
			line[n - 1] = '\0';
		ys_trim(line);
		if (*line) {
			char *m = mask ? mask_phones(line, keep) : xstrdup(line);
			doc_addf(d, kind, NULL, "%s%s", first && prefix ? prefix : !first && rest ? rest : "",
			         m);
			first = 0;
			free(m);
		}
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
	if (first && prefix)
		doc_add(d, kind, NULL, prefix);
}

int notice_objections_doc(struct store *st, const char *nid, struct doc *d,
                          char *err, size_t errlen)
{
	static const char *const num[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
	struct objection *o = NULL;
	char stamp[48];
	int n = store_objection_all(st, nid, &o);

	if (n < 0)
		return ys_err(err, errlen, "%s", store_errmsg(st));
	if (!n)
		doc_add(d, B_LINE, NULL, "公示期内未收到异议。");
	for (int i = 0; i < n; i++) {
		ys_cn_stamp(o[i].received_at, stamp, sizeof stamp);
		if (i < 10)
			doc_addf(d, B_LINE, NULL, "（%s）%s 收到", num[i], stamp);
		else
			doc_addf(d, B_LINE, NULL, "（%d）%s 收到", i + 1, stamp);
		doc_add(d, B_FIELD, "异议人", o[i].person[0] ? o[i].person : "匿名");
		doc_add(d, B_FIELD, "异议内容", o[i].content);
		if (o[i].answer && *o[i].answer) {
			ys_cn_stamp(o[i].answered_at, stamp, sizeof stamp);
			doc_add(d, B_FIELD, "答复", o[i].answer);
			if (stamp[0])
				doc_add(d, B_FIELD, "答复时间", stamp);
		} else {
			doc_add(d, B_FIELD, "答复", "尚未答复");
		}
		objection_clear(&o[i]);
	}
	free(o);
	return 0;
}

static int objections_section(struct store *st, const char *nid, struct doc *d,
                              char *err, size_t errlen)
{
	doc_add(d, B_SPACE, NULL, "");
	doc_add(d, B_HEADING, NULL, "附：公示期内收到的异议及答复（内部存档，不对外张贴）");
	return notice_objections_doc(st, nid, d, err, errlen);
}

int notice_doc(struct store *st, const char *notice_id, int public_version,
               struct doc *d, char *err, size_t errlen)
{
	struct notice n;
	int rc;

	doc_init(d, DOC_NOTICE);
	if (!notice_id || !*notice_id)
		return ys_err(err, errlen, "未指定公示。");
	memset(&n, 0, sizeof n);
	rc = store_notice_get(st, notice_id, &n);
	if (rc == 1)
		return ys_err(err, errlen, "找不到该公示。");
	if (rc != 0)
		return ys_err(err, errlen, "%s", store_errmsg(st));
	rc = notice_doc_of(st, &n, public_version, d, err, errlen);
	notice_clear(&n);
	return rc;
}

int notice_doc_of(struct store *st, const struct notice *np, int public_version,
                  struct doc *d, char *err, size_t errlen)
{
	const struct notice n = *np;     /* the fields, read only */
	struct community com;
	char from[32], to[32], written[32], day[11];
	char *keep = NULL, *addressee = NULL;
	int rc, alen;

	doc_init(d, n.kind == NK_MEETING ? DOC_MEETING_NOTICE : DOC_NOTICE);
	rc = store_community_get(st, &com);
	if (rc < 0) {
		ys_err(err, errlen, "%s", store_errmsg(st));
		goto fail;
	}
	if (rc == 1)
		memset(&com, 0, sizeof com);

	/* a draft (not posted yet) has no number and no objections */
	if (!n.id[0])
		d->title = xasprintf("%s（尚未张贴）", n.title);
	else
		d->title = public_version ? xstrdup(n.title) : xasprintf("%s（内部存档）", n.title);
	d->number = xstrdup(n.kind == NK_MEETING && n.meeting_number[0] ? n.meeting_number
	                    : n.proposal_number[0] ? n.proposal_number : n.doc_no);

	/* the objection line's own numbers stay; every other one goes */
	keep = digits_of(n.channel);

	doc_add(d, B_TITLE, NULL, n.title);
	if (n.doc_no[0])
		doc_add(d, B_SUBTITLE, NULL, n.doc_no);
	else
		doc_add(d, B_SUBTITLE, NULL, "（文号在张贴时编定）");
	if (!public_version)
		doc_add(d, B_CENTER, NULL, "（内部存档件，含个人信息，不得张贴）");
	doc_add(d, B_SPACE, NULL, "");

	/* 主送: 「全体居民：」 */
	addressee = xstrdup(n.addressee[0] ? n.addressee : "全体居民");
	ys_trim(addressee);
	alen = (int)strlen(addressee);
	if ((alen >= 3 && strcmp(addressee + alen - 3, "：") == 0) ||
	    (alen >= 1 && addressee[alen - 1] == ':'))
		doc_add(d, B_LINE, NULL, addressee);
	else
		doc_addf(d, B_LINE, NULL, "%s：", addressee);

	add_lines(d, B_PARA, NULL, n.body, public_version, keep);

	if (n.kind == NK_MEETING) {
		/* a meeting's notice: who to ask, no posting period to object in */
		add_lines(d, B_PARA, NULL, n.channel, 0, NULL);
	} else {
		ys_cn_date_any(n.start_date, from);
		ys_cn_date_any(n.end_date, to);
		doc_addf(d, B_PARA, NULL, "公示期：%s至%s。", from, to);
		/* the channel is printed as the clerk set it: nothing is stripped */
		add_lines(d, B_PARA, "异议渠道：", n.channel, 0, NULL);
	}
	/* 附件说明 after the body, before the 落款 */
	if (n.attach && ys_has_text(n.attach)) {
		doc_add(d, B_SPACE, NULL, "");
		add_lines_as(d, B_PARA, "附件：", "\u3000\u3000\u3000", n.attach, public_version, keep);
	}

	/* room for the seals above the 落款 (GB/T 9704: the seal's top within a
	 * line of the text, pressing on the 署名 and the date) */
	doc_add(d, B_SPACE, NULL, "");
	doc_add(d, B_SPACE, NULL, "");
	if (n.signoff[0]) {
		add_lines(d, B_RIGHT, NULL, n.signoff, 0, NULL);
	} else {
		if (com.party_org[0])
			doc_add(d, B_RIGHT, NULL, com.party_org);
		if (com.committee[0])
			doc_add(d, B_RIGHT, NULL, com.committee);
	}
	if (n.written_date[0]) {
		ys_cn_date_any(n.written_date, written);
	} else {
		snprintf(day, sizeof day, "%.10s", n.created_at);
		ys_cn_date_any(day, written);
	}
	doc_add(d, B_RIGHT, NULL, written);

	if (!public_version && n.id[0] && objections_section(st, n.id, d, err, errlen) != 0)
		goto fail;

	free(keep);
	free(addressee);
	return 0;
fail:
	free(keep);
	free(addressee);
	doc_free(d);
	doc_init(d, n.kind == NK_MEETING ? DOC_MEETING_NOTICE : DOC_NOTICE);
	return -1;
}
