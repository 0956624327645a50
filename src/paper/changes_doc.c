/* changes_doc.c: the change log of one record (修改记录) as a document —
 * what was changed, from what to what, by whom, when and why — to read
 * on screen, export or print beside the minutes it concerns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/util.h"
#include "paper/doc.h"

/* what the record is called at the head of its log */
static int subject_of(struct store *st, const char *entity, const char *id, char *buf,
                      size_t len, char number[16], char *err, size_t errlen)
{
	if (strcmp(entity, "meeting") == 0) {
		struct meeting m;
		int rc = store_meeting_get(st, id, &m);
		if (rc < 0)
			return ys_err(err, errlen, "%s", store_errmsg(st));
		if (rc == 1) {
			snprintf(buf, len, "会议（已删除）");
			snprintf(number, 16, "会议");
		} else {
			snprintf(buf, len, "会议 %s %s", m.number, m.title);
			snprintf(number, 16, "%s", m.number);
			meeting_clear(&m);
		}
		return 0;
	}
	if (strcmp(entity, "proposal") == 0) {
		struct proposal p;
		int rc = store_proposal_get(st, id, &p);
		if (rc != 0)
			return ys_err(err, errlen, rc < 0 ? "%s" : "议题不存在。", store_errmsg(st));
		snprintf(buf, len, "议题 %s %s", p.number, p.title);
		snprintf(number, 16, "%s", p.number);
		proposal_clear(&p);
		return 0;
	}
	if (strcmp(entity, "diary") == 0) {
		struct diary d;
		int rc = store_diary_get(st, id, &d);
		if (rc < 0)
			return ys_err(err, errlen, "%s", store_errmsg(st));
		if (rc == 1) {
			snprintf(buf, len, "民情日记（已删除）");
			snprintf(number, 16, "民情日记");
		} else {
			snprintf(buf, len, "民情日记 %s（%s %s 反映）", d.number, d.raised_on, d.resident_name);
			snprintf(number, 16, "%.15s", d.number);
			diary_clear(&d);
		}
		return 0;
	}
	return ys_err(err, errlen, "未知的记录类型：%s", entity);
}

int changes_doc(struct store *st, const char *entity, const char *id, struct doc *d,
                char *err, size_t errlen)
{
	struct change *c = NULL;
	char subject[400], when[64], number[16];
	int n;

	doc_init(d, DOC_CHANGES);
	if (subject_of(st, entity, id, subject, sizeof subject, number, err, errlen) != 0)
		return -1;
	n = store_changes_of(st, entity, id, &c);
	if (n < 0)
		return ys_err(err, errlen, "读取修改记录失败：%s", store_errmsg(st));
	/* files are named 编号_标题: 2026-H-18_修改记录.pdf */
	d->title = xstrdup("修改记录");
	d->number = xstrdup(number);
	doc_add(d, B_TITLE, NULL, "修改记录");
	doc_add(d, B_SUBTITLE, NULL, subject);
	if (n == 0)
		doc_add(d, B_PARA, NULL, "没有修改记录：录入后未作改动。");
	for (int i = 0; i < n; i++) {
		ys_cn_stamp(c[i].at, when, sizeof when);
		doc_addf(d, B_LINE, NULL, "%d. %s  %s  %s", i + 1, when, c[i].who[0] ? c[i].who : "—",
		         c[i].field);
		doc_add(d, B_FIELD, "原为", c[i].old_value && *c[i].old_value ? c[i].old_value : "（空）");
		doc_add(d, B_FIELD, "改为", c[i].new_value ? (*c[i].new_value ? c[i].new_value : "（空）")
		                                           : "（删除）");
		if (c[i].reason && *c[i].reason)
			doc_add(d, B_FIELD, "理由", c[i].reason);
		change_clear(&c[i]);
	}
	free(c);
	return 0;
}
