/* chronicle_doc.c: the 大事记 of a year — the meetings held, the decisions,
 * the notices posted and the matters archived, read from the records,
 * with the clerk's own lines, less those the clerk left out — and the
 * 书记手记 of a year, as documents for the archive. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/util.h"
#include "model/core.h"
#include "paper/doc.h"

static const char *kind_name(int kind)
{
	const struct meeting_kind_def *k = meeting_kind_get(kind);
	return k ? k->name : "会议";
}

void chronicle_line(const struct chron_item *it, struct strbuf *out)
{
	switch (it->kind) {
	case CK_MEETING:
		sb_addf(out, "召开%s", it->title);
		if (it->a > 0)
			sb_addf(out, "（应到%d人，实到%d人）", it->a, it->b);
		else if (it->b > 0)
			sb_addf(out, "（出席%d人）", it->b);
		/* the kind when the title does not say it */
		if (!strstr(it->title, kind_name(it->sub)))
			sb_addf(out, "，为%s", kind_name(it->sub));
		break;
	case CK_DECISION:
		if (it->sub == ACT_REJECT) {
			sb_addf(out, "%s决定对议题“%s”（%s）不予采纳", it->where[0] ? it->where : "会议",
			        it->title, it->number);
			break;
		}
		sb_addf(out, "%s表决通过议题“%s”（%s）", it->where[0] ? it->where : "会议", it->title,
		        it->number);
		if (it->has_vote)
			sb_addf(out, "，赞成%d票、反对%d票、弃权%d票", it->a, it->b, it->c);
		break;
	case CK_NOTICE:
		sb_addf(out, "%s：张贴《%s》（%s）", it->sub == NK_RESULT ? "实施结果公开" : "决议公开",
		        it->title, it->number);
		break;
	case CK_ARCHIVE:
		sb_addf(out, "议题“%s”（%s）办结归档", it->title, it->number);
		break;
	default:
		sb_add(out, it->text ? it->text : "");
	}
}

/* the community's name for the title: 军门社区 */
static void community_name(struct store *st, char *buf, size_t len)
{
	struct community c;

	memset(&c, 0, sizeof c);
	if (store_community_get(st, &c) == 0 && c.name[0])
		snprintf(buf, len, "%s", c.name);
	else
		snprintf(buf, len, "%s", "社区");
}

static const char *const months[] = {
	"一月", "二月", "三月", "四月", "五月", "六月",
	"七月", "八月", "九月", "十月", "十一月", "十二月",
};

static int year_ok(int year, char *err, size_t errlen)
{
	if (year < 1900 || year > 9999)
		return ys_err(err, errlen, "年份不对：%d（应为四位数，如 2026）。", year);
	return 0;
}

int chronicle_doc(struct store *st, int year, struct doc *d, char *err, size_t errlen)
{
	static const int colw[] = { 5, 25 };
	static const char *const head[] = { "日期", "大事" };
	struct chron_item *it = NULL;
	char name[160], num[16];
	int n, month = 0, shown = 0;

	doc_init(d, DOC_CHRONICLE);
	if (year_ok(year, err, errlen))
		return -1;
	n = store_chronicle_year(st, year, &it);
	if (n < 0)
		return ys_err(err, errlen, "读取大事记失败：%s", store_errmsg(st));
	community_name(st, name, sizeof name);
	snprintf(num, sizeof num, "%d", year);
	d->title = xasprintf("%s%d年大事记", name, year);
	d->number = xstrdup(num);
	doc_add(d, B_TITLE, NULL, d->title);
	for (int i = 0; i < n; i++) {
		struct strbuf line = { 0 };
		const char *cells[2];
		char day[32];
		int m = atoi(it[i].date + 5);

		if (it[i].hidden || m < 1 || m > 12) {
			chron_item_clear(&it[i]);
			continue;
		}
		if (m != month) {
			month = m;
			doc_add(d, B_HEADING, NULL, months[m - 1]);
			doc_table(d, 2, colw, 0, 1 << 0, head);
		}
		snprintf(day, sizeof day, "%d月%d日", m, atoi(it[i].date + 8));
		chronicle_line(&it[i], &line);
		cells[0] = day;
		cells[1] = line.s ? line.s : "";
		doc_row(d, 2, cells);
		sb_free(&line);
		chron_item_clear(&it[i]);
		shown++;
	}
	free(it);
	if (shown == 0)
		doc_addf(d, B_PARA, NULL, "%d年还没有可记入大事记的事项。", year);
	return 0;
}

/* the meetings and matters a note speaks of, on one line */
static void links_text(const struct note *n, struct strbuf *out)
{
	for (int i = 0; i < n->nlinks; i++) {
		const struct note_link *l = &n->links[i];
		sb_addf(out, "%s%s %s", i ? "；" : "", l->number, l->title);
	}
}

int notes_doc(struct store *st, int year, struct doc *d, char *err, size_t errlen)
{
	struct note *v = NULL;
	char name[160], num[16], day[32];
	int n;

	doc_init(d, DOC_NOTES);
	if (year_ok(year, err, errlen))
		return -1;
	n = store_note_year(st, year, &v);
	if (n < 0)
		return ys_err(err, errlen, "读取书记手记失败：%s", store_errmsg(st));
	community_name(st, name, sizeof name);
	snprintf(num, sizeof num, "%d", year);
	d->title = xasprintf("%s%d年书记手记", name, year);
	d->number = xstrdup(num);
	doc_add(d, B_TITLE, NULL, d->title);
	for (int i = 0; i < n; i++) {
		struct strbuf links = { 0 };
		const char *p = v[i].body ? v[i].body : "";

		if (i > 0)
			doc_add(d, B_SPACE, NULL, "");
		doc_addf(d, B_HEADING, NULL, "%s", v[i].title);
		ys_cn_date_any(v[i].date, day);
		doc_addf(d, B_FIELD, "日期", "%s　　作者：%s", day, v[i].author);
		links_text(&v[i], &links);
		if (links.s)
			doc_add(d, B_FIELD, "关联", links.s);
		sb_free(&links);
		/* a paragraph per line of the text */
		while (*p) {
			const char *e = strchr(p, '\n');
			size_t len = e ? (size_t)(e - p) : strlen(p);
			char *para = xasprintf("%.*s", (int)len, p);
			if (ys_has_text(para))
				doc_add(d, B_PARA, NULL, ys_trim(para));
			free(para);
			p += len;
			if (*p)
				p++;
		}
		note_clear(&v[i]);
	}
	free(v);
	if (n == 0)
		doc_addf(d, B_PARA, NULL, "%d年还没有书记手记。", year);
	return 0;
}
