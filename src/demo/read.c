/* read.c: the demo's data files read and checked into struct demo before
 * anything is written — the community, the roster, proposals, meetings and
 * what happened in them, the steps after a decision — each dated thing
 * queued as an event for the replay.  Every problem is reported as
 * "data/demo/FILE 第 N 行：…" in Chinese. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/util.h"
#include "model/core.h"
#include "demo_int.h"

/* ---- lookups ------------------------------------------------------------- */

void add_event(struct demo *d, time_t at, int type, int idx, int meet,
               int item, int speaker)
{
	struct event *e;

	if (d->nev == d->evcap) {
		d->evcap = d->evcap ? d->evcap * 2 : 256;
		d->ev = xrealloc(d->ev, (size_t)d->evcap * sizeof *d->ev);
	}
	e = &d->ev[d->nev];
	e->at = at;
	e->type = type;
	e->seq = d->nev;
	e->idx = idx;
	e->meet = meet;
	e->item = item;
	e->speaker = speaker;
	d->nev++;
}

int person_by_name(const struct demo *d, const char *name)
{
	for (int i = 0; i < d->np; i++)
		if (strcmp(d->pp[i].name, name) == 0)
			return i;
	return -1;
}

int prop_by_key(const struct demo *d, const char *key)
{
	for (int i = 0; i < d->nprops; i++)
		if (strcmp(fld(&d->proposals, d->props[i].row, d->pc[0]), key) == 0)
			return i;
	return -1;
}

static int meet_by_key(const struct demo *d, const char *key)
{
	for (int i = 0; i < d->nmeets; i++)
		if (strcmp(fld(&d->meetings, d->meets[i].row, d->mc[0]), key) == 0)
			return i;
	return -1;
}

/* copy into a fixed field of a store struct; -1 if it does not fit */
int put(struct demo *d, const struct tsv *t, int r, char *dst, size_t len,
        const char *src, const char *what)
{
	if (ys_strlcpy(dst, src, len) != 0)
		return derr(d, t->file, t->rows[r].line, "%s过长：%s", what, src);
	return 0;
}

/* ---- names of things ----------------------------------------------------- */

/* role names: core's role_table, plus the words clerks also use */
static const struct { const char *name; int bit; } role_alias[] = {
	{ "正式党员", ROLE_PARTY },
	{ "社区党组织委员", ROLE_PARTY_CMTE },
	{ "党委委员", ROLE_PARTY_CMTE },
	{ "物业", ROLE_OTHER },
	{ "业委会", ROLE_OTHER },
	{ "驻区单位", ROLE_OTHER },
	{ "物业/业委会/驻区单位", ROLE_OTHER },
};

static int parse_roles(const char *s, int *roles, char *bad, size_t badlen)
{
	struct strlist l;
	int rc = 0;

	*roles = 0;
	strlist_split(&l, s);
	for (int i = 0; i < l.n && rc == 0; i++) {
		int bit = 0;
		for (size_t k = 0; k < role_count; k++)
			if (strcmp(l.v[i], role_table[k].name) == 0)
				bit = role_table[k].bit;
		for (size_t k = 0; !bit && k < YS_ARRAY_LEN(role_alias); k++)
			if (strcmp(l.v[i], role_alias[k].name) == 0)
				bit = role_alias[k].bit;
		if (!bit) {
			snprintf(bad, badlen, "%s", l.v[i]);
			rc = -1;
		}
		*roles |= bit;
	}
	strlist_free(&l);
	return rc;
}

/* a step by its short or long name (提议 … 归档, 决议公开 …), 0 if none */
int step_by_name(const char *s)
{
	for (int i = STEP_PROPOSE; i <= STEP_MAX; i++)
		if (strcmp(s, step_name(i)) == 0 || strcmp(s, step_long_name(i)) == 0)
			return i;
	return 0;
}

static const struct { const char *name; int method; } method_names[] = {
	{ "举手", VM_HANDS },
	{ "无记名", VM_SECRET },
	{ "记名", VM_ROLLCALL },
};

int method_by_name(const char *s)
{
	for (size_t i = 0; i < YS_ARRAY_LEN(method_names); i++)
		if (strcmp(s, method_names[i].name) == 0 ||
		    strcmp(s, vote_method_name(method_names[i].method)) == 0)
			return method_names[i].method;
	return -1;
}

static const struct { const char *name; int outcome; } outcome_names[] = {
	{ "转入下一步", OC_FORWARD },
	{ "通过", OC_FORWARD },
	{ "退回", OC_RETURN },
	{ "不予采纳", OC_REJECT },
	{ "撤回", OC_WITHDRAW },
	{ "已听取意见", OC_NOTED },
};

int outcome_by_name(const char *s)
{
	for (size_t i = 0; i < YS_ARRAY_LEN(outcome_names); i++)
		if (strcmp(s, outcome_names[i].name) == 0)
			return outcome_names[i].outcome;
	return -1;
}

/* a count: digits only, or "*" (= the rest of those present) -> -2 */
int parse_num(const char *s)
{
	long v = 0;

	if (strcmp(s, "*") == 0)
		return -2;
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 6)
		return -1;
	for (; *s; s++)
		v = v * 10 + (*s - '0');
	return (int)v;
}

/* ---- reading the files --------------------------------------------------- */

static int read_community(struct demo *d)
{
	static const char *const cols[] = { "name", "party_org", "committee",
	                                    "street", "phone", "setup_at" };
	const struct tsv *t = &d->community;
	int c[6];

	if (tsv_cols(d, t, cols, c, 6) != 0)
		return -1;
	if (t->nrows != 1)
		return derr(d, t->file, 0, "应当正好有一行社区信息（现有 %d 行）。", t->nrows);
	memset(&d->com, 0, sizeof d->com);
	if (put(d, t, 0, d->com.name, sizeof d->com.name, fld(t, 0, c[0]), "社区名称") ||
	    put(d, t, 0, d->com.party_org, sizeof d->com.party_org, fld(t, 0, c[1]),
	        "社区党组织名称") ||
	    put(d, t, 0, d->com.committee, sizeof d->com.committee, fld(t, 0, c[2]),
	        "居委会名称") ||
	    put(d, t, 0, d->com.street, sizeof d->com.street, fld(t, 0, c[3]), "街道") ||
	    put(d, t, 0, d->com.phone, sizeof d->com.phone, fld(t, 0, c[4]), "电话"))
		return -1;
	if (!d->com.name[0] || !d->com.party_org[0] || !d->com.committee[0])
		return row_err(d, t, 0, "社区名称、党组织和居委会名称不能为空。");
	d->setup_at = ys_parse_stamp(fld(t, 0, c[5]));
	if (d->setup_at == (time_t)-1)
		return row_err(d, t, 0, "setup_at 应为 YYYY-MM-DD HH:MM。");
	return 0;
}

static int read_people(struct demo *d)
{
	static const char *const cols[] = { "name", "gender", "roles", "grid",
	                                    "building", "unit", "room", "phone",
	                                    "note", "active", "left_on", "post" };
	const struct tsv *t = &d->people;
	int *c = d->pec;

	if (tsv_cols(d, t, cols, c, 12) != 0)
		return -1;
	d->np = t->nrows;
	d->pp = xcalloc((size_t)d->np + 1, sizeof *d->pp);
	for (int r = 0; r < t->nrows; r++) {
		struct person *p = &d->pp[r];
		const char *active = fld(t, r, c[9]), *left = fld(t, r, c[10]);
		char bad[128];

		if (put(d, t, r, p->name, sizeof p->name, fld(t, r, c[0]), "姓名") ||
		    put(d, t, r, p->gender, sizeof p->gender, fld(t, r, c[1]), "性别") ||
		    put(d, t, r, p->grid, sizeof p->grid, fld(t, r, c[3]), "网格") ||
		    put(d, t, r, p->building, sizeof p->building, fld(t, r, c[4]), "楼栋") ||
		    put(d, t, r, p->unit, sizeof p->unit, fld(t, r, c[5]), "单元") ||
		    put(d, t, r, p->room, sizeof p->room, fld(t, r, c[6]), "房号") ||
		    put(d, t, r, p->phone, sizeof p->phone, fld(t, r, c[7]), "电话") ||
		    put(d, t, r, p->note, sizeof p->note, fld(t, r, c[8]), "备注") ||
		    put(d, t, r, p->post, sizeof p->post, fld(t, r, c[11]), "职务"))
			return -1;
		if (!p->name[0])
			return row_err(d, t, r, "姓名不能为空。");
		for (int k = 0; k < r; k++)
			if (strcmp(d->pp[k].name, p->name) == 0)
				return derr(d, t->file, t->rows[r].line,
				            "「%s」与第 %d 行重名；演示数据按姓名引用人员，姓名须唯一。",
				            p->name, t->rows[k].line);
		if (parse_roles(fld(t, r, c[2]), &p->roles, bad, sizeof bad) != 0)
			return derr(d, t->file, t->rows[r].line, "未知的身份「%s」。", bad);
		if (strcmp(active, "1") == 0)
			p->active = 1;
		else if (strcmp(active, "0") == 0)
			p->active = 0;
		else
			return row_err(d, t, r, "active 应为 1 或 0。");
		if (left[0]) {
			time_t at = stamp_of(left, "09:00");
			if (at == (time_t)-1)
				return row_err(d, t, r, "left_on 应为 YYYY-MM-DD。");
			if (!p->active)
				return row_err(d, t, r, "不在册的人员不能再写迁出日期。");
			add_event(d, at, EV_LEFT, r, -1, -1, -1);
		}
	}
	return 0;
}

static int read_proposals(struct demo *d)
{
	static const char *const cols[] = { "key", "created_at", "title", "content",
	                                    "proposer_kind", "proposers", "source",
	                                    "category", "grid", "building", "expect" };
	const struct tsv *t = &d->proposals;
	int *pc = d->pc;

	if (tsv_cols(d, t, cols, pc, 11) != 0)
		return -1;
	d->nprops = t->nrows;
	d->props = xcalloc((size_t)d->nprops + 1, sizeof *d->props);
	for (int r = 0; r < t->nrows; r++) {
		struct dprop *p = &d->props[r];
		const char *key = fld(t, r, pc[0]), *kind = fld(t, r, pc[4]);
		const char *expect = fld(t, r, pc[10]);
		struct strlist names;
		time_t at;
		int rc = 0;

		p->row = r;
		if (!key[0])
			return row_err(d, t, r, "key 不能为空。");
		for (int k = 0; k < r; k++)
			if (strcmp(fld(t, k, pc[0]), key) == 0)
				return derr(d, t->file, t->rows[r].line, "key「%s」重复。", key);
		at = ys_parse_stamp(fld(t, r, pc[1]));
		if (at == (time_t)-1)
			return row_err(d, t, r, "created_at 应为 YYYY-MM-DD HH:MM。");
		if (at < d->setup_at)
			return row_err(d, t, r, "提出时间早于花名册录入时间（community.tsv 的 setup_at）。");
		if ((p->expect_step = step_by_name(expect)) != 0) {
			p->expect_status = PST_ACTIVE;
		} else if (strcmp(expect, pstatus_name(PST_REJECTED)) == 0) {
			p->expect_step = -1;
			p->expect_status = PST_REJECTED;
		} else if (strcmp(expect, pstatus_name(PST_WITHDRAWN)) == 0) {
			p->expect_step = -1;
			p->expect_status = PST_WITHDRAWN;
		} else {
			return derr(d, t->file, t->rows[r].line, "未知的 expect「%s」。", expect);
		}
		strlist_split(&names, fld(t, r, pc[5]));
		if (strcmp(kind, "社区党组织") == 0) {
			if (names.n != 0)
				rc = row_err(d, t, r, "社区党组织提出的议题，proposers 应留空。");
		} else if (strcmp(kind, "居民代表") == 0 || strcmp(kind, "居民联名") == 0) {
			if (names.n == 0)
				rc = row_err(d, t, r, "没有提议人。");
			for (int i = 0; i < names.n && rc == 0; i++) {
				int who = person_by_name(d, names.v[i]);
				if (who < 0)
					rc = derr(d, t->file, t->rows[r].line,
					          "提议人「%s」不在花名册中。", names.v[i]);
				else if (strcmp(kind, "居民代表") == 0 &&
				         !(d->pp[who].roles & ROLE_REP))
					rc = derr(d, t->file, t->rows[r].line,
					          "「%s」不是居民代表；居民提出议题请用「居民联名」。",
					          names.v[i]);
			}
		} else {
			rc = derr(d, t->file, t->rows[r].line,
			          "proposer_kind 应为 居民代表、社区党组织 或 居民联名，不是「%s」。",
			          kind);
		}
		strlist_free(&names);
		if (rc != 0)
			return -1;
		add_event(d, at, EV_PROPOSAL, r, -1, -1, -1);
	}
	return 0;
}

/* the moment a thing at `when` in meeting m is typed (demo_int.h) */
time_t typed_at(const struct dmeet *m, time_t when)
{
	if (!m->entered)
		return when;
	return m->entered + (when - (m->start - 15 * 60)) / 4;
}

static int read_meetings(struct demo *d)
{
	static const char *const cols[] = { "key", "kind", "title", "date", "start",
	                                    "end", "place", "chair", "chair_post",
	                                    "clerk", "agenda", "free_items", "leave",
	                                    "absent", "observers", "pending", "set_up",
	                                    "entered" };
	const struct tsv *t = &d->meetings;
	int *c = d->mc;

	if (tsv_cols(d, t, cols, c, 18) != 0)
		return -1;
	d->nmeets = t->nrows;
	d->meets = xcalloc((size_t)d->nmeets + 1, sizeof *d->meets);
	for (int r = 0; r < t->nrows; r++) {
		struct dmeet *m = &d->meets[r];
		const char *key = fld(t, r, c[0]), *kind = fld(t, r, c[1]);
		const char *date = fld(t, r, c[3]), *end = fld(t, r, c[5]);
		int line = t->rows[r].line;

		m->row = r;
		strlist_split(&m->agenda, fld(t, r, c[10]));
		strlist_split(&m->free_items, fld(t, r, c[11]));
		strlist_split(&m->leave, fld(t, r, c[12]));
		strlist_split(&m->absent, fld(t, r, c[13]));
		strlist_split(&m->observers, fld(t, r, c[14]));
		m->leave_why = xcalloc((size_t)m->leave.n + 1, sizeof *m->leave_why);
		m->att = xcalloc((size_t)d->np + 1, sizeof *m->att);
		m->nitems = m->agenda.n + m->free_items.n;
		m->agenda_prop = xcalloc((size_t)m->agenda.n + 1, sizeof *m->agenda_prop);
		m->item_id = xcalloc((size_t)m->nitems + 1, sizeof *m->item_id);
		m->last_vote = xcalloc((size_t)m->nitems + 1, sizeof *m->last_vote);
		if (!key[0])
			return row_err(d, t, r, "key 不能为空。");
		for (int k = 0; k < r; k++)
			if (strcmp(fld(t, k, c[0]), key) == 0)
				return derr(d, t->file, line, "key「%s」重复。", key);
		m->kind = 0;
		for (size_t k = 0; k < meeting_kind_count; k++)
			if (strcmp(kind, meeting_kind_table[k].name) == 0)
				m->kind = meeting_kind_table[k].kind;
		if (!m->kind)
			return derr(d, t->file, line, "未知的会议类型「%s」。", kind);
		m->start = stamp_of(date, fld(t, r, c[4]));
		m->end = end[0] ? stamp_of(date, end) : 0;
		if (m->start == (time_t)-1 || m->end == (time_t)-1)
			return row_err(d, t, r, "date 应为 YYYY-MM-DD，start、end 应为 HH:MM。");
		if (m->end && m->end <= m->start)
			return row_err(d, t, r, "散会时间应晚于开始时间。");
		m->set_up = opt_stamp(fld(t, r, c[16]));
		m->entered = opt_stamp(fld(t, r, c[17]));
		if (m->set_up == (time_t)-1 || m->entered == (time_t)-1)
			return row_err(d, t, r, "set_up、entered 应为 YYYY-MM-DD HH:MM。");
		if (!m->set_up)
			m->set_up = m->start - 30 * 60;
		if (m->set_up < d->setup_at)
			return row_err(d, t, r, "会议早于花名册录入时间（community.tsv 的 setup_at）。");
		if (m->set_up >= m->start)
			return row_err(d, t, r, "建立会议的时间（set_up）应早于会议开始时间。");
		if (!m->end && (m->absent.n || m->observers.n ||
		                fld(t, r, c[15])[0] || m->entered))
			return row_err(d, t, r, "没有散会时间（end）的会议没有召开，不能写缺席、"
			               "列席、遗留问题或补录时间（entered）；可以写会前请假。");
		if (m->entered && m->entered < m->end)
			return row_err(d, t, r, "补录时间（entered）应在散会之后：会后才能照纸面记录录入。");
		m->chair = person_by_name(d, fld(t, r, c[7]));
		m->clerk = person_by_name(d, fld(t, r, c[9]));
		if (m->chair < 0)
			return derr(d, t->file, line, "主持人「%s」不在花名册中。", fld(t, r, c[7]));
		if (m->clerk < 0)
			return derr(d, t->file, line, "记录人「%s」不在花名册中。", fld(t, r, c[9]));
		for (int i = 0; i < m->agenda.n; i++) {
			m->agenda_prop[i] = prop_by_key(d, m->agenda.v[i]);
			if (m->agenda_prop[i] < 0)
				return derr(d, t->file, line, "议程中的议题「%s」不在 proposals.tsv 中。",
				            m->agenda.v[i]);
		}
		for (int i = 0; i < m->leave.n; i++) {
			char *name, *why;
			split_paren(m->leave.v[i], &name, &why);
			m->leave_why[i] = why;
			if (person_by_name(d, name) < 0)
				return derr(d, t->file, line, "请假人员「%s」不在花名册中。", name);
			if (!why[0])
				return derr(d, t->file, line, "请假人员「%s」没有写理由，"
				            "应写作「%s（理由）」。", name, name);
		}
		for (int i = 0; i < m->absent.n; i++)
			if (person_by_name(d, m->absent.v[i]) < 0)
				return derr(d, t->file, line, "缺席人员「%s」不在花名册中。",
				            m->absent.v[i]);
		add_event(d, m->set_up, EV_MEETING, r, r, -1, -1);
		if (!m->end) {
			/* planned only: postponed, cancelled or to come; leaves
			 * asked for ahead are written down the day after the notice */
			if (m->leave.n)
				add_event(d, m->set_up + 24 * 60 * 60 < m->start ? m->set_up + 24 * 60 * 60
				             : m->set_up + 60, EV_ATTEND, r, r, -1, -1);
			continue;
		}
		m->sealed = typed_at(m, m->end);
		add_event(d, typed_at(m, m->start - 15 * 60), EV_ATTEND, r, r, -1, -1);
		add_event(d, typed_at(m, m->start), EV_OPEN, r, r, -1, -1);
		add_event(d, m->sealed, EV_CLOSE, r, r, -1, -1);
	}
	return 0;
}

/* meeting, at and item of a minutes/votes/outcomes row -> the event's
 * meeting, moment and item index (-1 = none) */
static int meeting_row(struct demo *d, const struct tsv *t, int r, int cm, int cat,
                       int citem, int need_item, int *meet, time_t *at, int *item)
{
	const char *key = fld(t, r, cm), *hm = fld(t, r, cat), *it = fld(t, r, citem);
	const struct dmeet *m;
	int line = t->rows[r].line;

	*meet = meet_by_key(d, key);
	if (*meet < 0)
		return derr(d, t->file, line, "会议「%s」不在 meetings.tsv 中。", key);
	m = &d->meets[*meet];
	if (!m->end)
		return derr(d, t->file, line, "会议「%s」没有召开（meetings.tsv 中没有散会时间）。",
		            key);
	*at = stamp_of(fld(&d->meetings, m->row, d->mc[3]), hm);
	if (*at == (time_t)-1)
		return derr(d, t->file, line, "时间「%s」应为 HH:MM。", hm);
	if (*at < m->start || *at > m->end)
		return derr(d, t->file, line, "时间 %s 不在会议 %s 的起止时间 %s—%s 之内。", hm,
		            key, fld(&d->meetings, m->row, d->mc[4]),
		            fld(&d->meetings, m->row, d->mc[5]));
	/* typed then, or when the paper was entered afterwards */
	*at = typed_at(m, *at);
	*item = -1;
	if (!it[0]) {
		if (need_item)
			return row_err(d, t, r, "没有写 item（议程）。");
		return 0;
	}
	for (int i = 0; i < m->agenda.n; i++)
		if (strcmp(m->agenda.v[i], it) == 0)
			*item = i;
	for (int i = 0; *item < 0 && i < m->free_items.n; i++)
		if (strcmp(m->free_items.v[i], it) == 0)
			*item = m->agenda.n + i;
	if (*item < 0)
		return derr(d, t->file, line, "「%s」不是会议 %s 的议程。", it, key);
	return 0;
}

static int read_minutes(struct demo *d)
{
	static const char *const cols[] = { "meeting", "at", "speaker", "item", "text" };
	const struct tsv *t = &d->minutes;
	int *c = d->nc;

	if (tsv_cols(d, t, cols, c, 5) != 0)
		return -1;
	d->minute_id = xcalloc((size_t)t->nrows + 1, sizeof *d->minute_id);
	for (int r = 0; r < t->nrows; r++) {
		int meet, item, who;
		time_t at;

		if (meeting_row(d, t, r, c[0], c[1], c[3], 0, &meet, &at, &item) != 0)
			return -1;
		if (!fld(t, r, c[4])[0])
			return row_err(d, t, r, "发言内容不能为空。");
		if (!fld(t, r, c[2])[0])
			return row_err(d, t, r, "没有写发言人。");
		who = person_by_name(d, fld(t, r, c[2]));
		add_event(d, at, EV_MINUTE, r, meet, item, who);
	}
	return 0;
}

static int read_votes(struct demo *d)
{
	static const char *const cols[] = { "meeting", "at", "item", "method", "yes",
	                                    "no", "abstain", "recount", "issued", "returned",
	                                    "invalid", "scrutineers", "counters" };
	const struct tsv *t = &d->votes;
	int *c = d->vc;

	if (tsv_cols(d, t, cols, c, 13) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		int meet, item, method;
		time_t at;

		if (meeting_row(d, t, r, c[0], c[1], c[2], 1, &meet, &at, &item) != 0)
			return -1;
		method = method_by_name(fld(t, r, c[3]));
		if (method < 0)
			return derr(d, t->file, t->rows[r].line,
			            "表决方式应为 举手、无记名 或 记名，不是「%s」。", fld(t, r, c[3]));
		if (method == VM_ROLLCALL) {
			if (strcmp(fld(t, r, c[4]), "*") != 0)
				return row_err(d, t, r, "记名表决的 yes 写 *，no、abstain 写姓名。");
		} else {
			int y = parse_num(fld(t, r, c[4]));
			if (y == -1 || parse_num(fld(t, r, c[5])) < 0 ||
			    parse_num(fld(t, r, c[6])) < 0)
				return row_err(d, t, r, "票数应为非负整数（yes 可写 *）。");
		}
		/* a secret ballot's paper count and its tellers; none for the others */
		int counted = 0;
		for (int k = 8; k <= 12; k++)
			counted += fld(t, r, c[k])[0] != '\0';
		if (counted != (method == VM_SECRET ? 5 : 0))
			return row_err(d, t, r, method == VM_SECRET
			               ? "无记名投票须写 issued、returned、invalid、scrutineers、counters。"
			               : "只有无记名投票写发出、收回、无效票和监票、计票人。");
		for (int k = 8; k <= 10 && counted; k++)
			if (parse_num(fld(t, r, c[k])) < 0)
				return row_err(d, t, r, "发出、收回、无效票数应为非负整数。");
		if (counted && (names_known(d, t, r, c[11]) != 0 || names_known(d, t, r, c[12]) != 0))
			return -1;
		add_event(d, at, EV_VOTE, r, meet, item, -1);
	}
	return 0;
}

static int read_outcomes(struct demo *d)
{
	static const char *const cols[] = { "meeting", "at", "item", "outcome", "to_step",
	                                    "reason", "decision", "responsible",
	                                    "deadline" };
	const struct tsv *t = &d->outcomes;
	int *c = d->oc;

	if (tsv_cols(d, t, cols, c, 9) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		int meet, item, oc;
		time_t at;

		if (meeting_row(d, t, r, c[0], c[1], c[2], 1, &meet, &at, &item) != 0)
			return -1;
		oc = outcome_by_name(fld(t, r, c[3]));
		if (oc < 0)
			return derr(d, t->file, t->rows[r].line, "未知的结论「%s」。",
			            fld(t, r, c[3]));
		if (oc == OC_RETURN && !step_by_name(fld(t, r, c[4])))
			return derr(d, t->file, t->rows[r].line, "退回须在 to_step 写明退回到的步骤"
			            "（如「提议」），不是「%s」。", fld(t, r, c[4]));
		add_event(d, at, EV_OUTCOME, r, meet, item, -1);
	}
	return 0;
}

static int read_actions(struct demo *d)
{
	static const char *const cols[] = { "at", "proposal", "action", "reason",
	                                    "responsible", "deadline", "plan", "funds",
	                                    "accept", "attach" };
	const struct tsv *t = &d->actions;
	int *c = d->ac;

	if (tsv_cols(d, t, cols, c, 10) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		const char *act = fld(t, r, c[2]);
		time_t at = ys_parse_stamp(fld(t, r, c[0]));
		int s = step_by_name(act);

		if (at == (time_t)-1)
			return row_err(d, t, r, "at 应为 YYYY-MM-DD HH:MM。");
		if (prop_by_key(d, fld(t, r, c[1])) < 0)
			return derr(d, t->file, t->rows[r].line, "议题「%s」不在 proposals.tsv 中。",
			            fld(t, r, c[1]));
		if (strcmp(act, "撤回") != 0 && s < STEP_PUBLISH)
			return derr(d, t->file, t->rows[r].line, "action 应为 决议公开、实施、"
			            "实施结果公开、归档 或 撤回，不是「%s」。", act);
		if (s == STEP_IMPLEMENT &&
		    (!fld(t, r, c[4])[0] || ys_parse_date(fld(t, r, c[5]), NULL) != 0))
			return row_err(d, t, r, "实施须写明 responsible（责任人）和 deadline"
			               "（完成时限 YYYY-MM-DD）。");
		add_event(d, at, EV_ACTION, r, -1, -1, -1);
	}
	return 0;
}

static int read_progress(struct demo *d)
{
	static const char *const cols[] = { "at", "proposal", "text" };
	const struct tsv *t = &d->progress;
	int *c = d->gc;

	if (tsv_cols(d, t, cols, c, 3) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		time_t at = ys_parse_stamp(fld(t, r, c[0]));

		if (at == (time_t)-1)
			return row_err(d, t, r, "at 应为 YYYY-MM-DD HH:MM。");
		if (prop_by_key(d, fld(t, r, c[1])) < 0)
			return derr(d, t->file, t->rows[r].line, "议题「%s」不在 proposals.tsv 中。",
			            fld(t, r, c[1]));
		if (!fld(t, r, c[2])[0])
			return row_err(d, t, r, "进展内容不能为空。");
		add_event(d, at, EV_PROGRESS, r, -1, -1, -1);
	}
	return 0;
}

/* the kind of notice named in a data file: 决议公开 or 实施结果公开 */
int notice_kind_by_name(const char *s)
{
	if (strcmp(s, step_long_name(STEP_PUBLISH)) == 0)
		return NK_DECISION;
	if (strcmp(s, step_long_name(STEP_RESULT)) == 0)
		return NK_RESULT;
	return 0;
}

static int read_objections(struct demo *d)
{
	static const char *const cols[] = { "at", "proposal", "notice", "person", "content",
	                                    "answered_at", "answer" };
	const struct tsv *t = &d->objections;
	int *c = d->jc;

	if (tsv_cols(d, t, cols, c, 7) != 0)
		return -1;
	d->objection_id = xcalloc((size_t)t->nrows + 1, sizeof *d->objection_id);
	for (int r = 0; r < t->nrows; r++) {
		time_t at = ys_parse_stamp(fld(t, r, c[0]));
		const char *ans_at = fld(t, r, c[5]), *ans = fld(t, r, c[6]);

		if (at == (time_t)-1)
			return row_err(d, t, r, "at 应为 YYYY-MM-DD HH:MM。");
		if (prop_by_key(d, fld(t, r, c[1])) < 0)
			return derr(d, t->file, t->rows[r].line, "议题「%s」不在 proposals.tsv 中。",
			            fld(t, r, c[1]));
		if (!notice_kind_by_name(fld(t, r, c[2])))
			return derr(d, t->file, t->rows[r].line, "notice 应为 决议公开 或 实施结果公开，"
			            "不是「%s」。", fld(t, r, c[2]));
		if (!fld(t, r, c[3])[0] || !fld(t, r, c[4])[0])
			return row_err(d, t, r, "异议须写明 person（异议人）和 content（内容）。");
		if (!ans_at[0] != !ans[0])
			return row_err(d, t, r, "answered_at 和 answer 须同时填写或同时留空。");
		add_event(d, at, EV_OBJECTION, r, -1, -1, -1);
		if (ans_at[0]) {
			time_t when = ys_parse_stamp(ans_at);
			if (when == (time_t)-1 || when < at)
				return row_err(d, t, r, "answered_at 应为 YYYY-MM-DD HH:MM，且不早于收到异议的时间。");
			add_event(d, when, EV_ANSWER, r, -1, -1, -1);
		}
	}
	return 0;
}

static int read_addenda(struct demo *d)
{
	static const char *const cols[] = { "meeting", "at", "reason", "text" };
	const struct tsv *t = &d->addenda;
	int *c = d->dc;

	if (tsv_cols(d, t, cols, c, 4) != 0)
		return -1;
	for (int r = 0; r < t->nrows; r++) {
		time_t at = ys_parse_stamp(fld(t, r, c[1]));
		int meet = meet_by_key(d, fld(t, r, c[0]));

		if (meet < 0)
			return derr(d, t->file, t->rows[r].line, "会议「%s」不在 meetings.tsv 中。",
			            fld(t, r, c[0]));
		if (at == (time_t)-1)
			return row_err(d, t, r, "at 应为 YYYY-MM-DD HH:MM。");
		if (!d->meets[meet].end || at <= d->meets[meet].sealed)
			return row_err(d, t, r, "更正须在会议散会、签字确认之后（会后补录的会议，"
			               "在补录完、签字确认之后）。");
		if (!fld(t, r, c[2])[0] || !fld(t, r, c[3])[0])
			return row_err(d, t, r, "更正须写明 reason（理由）和 text（内容）。");
		add_event(d, at, EV_ADDENDUM, r, meet, -1, -1);
	}
	return 0;
}

/* ---- corrections, 延期 and 取消 -------------------------------------------- */

static const struct { const char *name; int kind; } fix_kinds[] = {
	{ "议题", FX_PROPOSAL },
	{ "会议", FX_MEETING },
	{ "发言", FX_MINUTE },
	{ "计票", FX_TALLY },
	{ "延期", FX_POSTPONE },
	{ "取消", FX_CANCEL },
};

/* the fields a correction of a proposal or of a meeting's header puts
 * right, and the column of proposals.tsv / meetings.tsv with the value it
 * ends with (an index into d->pc / d->mc) */
static const struct { int kind; const char *name; int field; int col; } fix_fields[] = {
	{ FX_PROPOSAL, "标题", FF_TITLE, 2 },
	{ FX_PROPOSAL, "内容", FF_CONTENT, 3 },
	{ FX_MEETING, "会议名称", FF_MTITLE, 2 },
	{ FX_MEETING, "地点", FF_PLACE, 6 },
	{ FX_MEETING, "主持人", FF_CHAIR, 7 },
	{ FX_MEETING, "主持人职务", FF_CHAIR_POST, 8 },
	{ FX_MEETING, "记录人", FF_CLERK, 9 },
};

int fix_of(const struct demo *d, int kind, int target, int field, int row)
{
	for (int i = 0; i < d->nfixes; i++) {
		const struct dfix *x = &d->fixes[i];
		if (x->kind == kind && x->target == target && x->field == field && x->row == row)
			return i;
	}
	return -1;
}

const char *first_typed(const struct demo *d, int kind, int target, int field,
                        int row, const char *final)
{
	int k = fix_of(d, kind, target, field, row);

	return k >= 0 ? fld(&d->corrections, k, d->xc[6]) : final;
}

/* the value a field of a proposal or meeting ends with, in its own file */
static const char *final_value(const struct demo *d, const struct dfix *x)
{
	for (size_t i = 0; i < YS_ARRAY_LEN(fix_fields); i++) {
		if (fix_fields[i].kind != x->kind || fix_fields[i].field != x->field)
			continue;
		if (x->kind == FX_PROPOSAL)
			return fld(&d->proposals, d->props[x->target].row, d->pc[fix_fields[i].col]);
		return fld(&d->meetings, d->meets[x->target].row, d->mc[fix_fields[i].col]);
	}
	return "";
}

/* the row of minutes.tsv or votes.tsv of meeting `key` at `hm`: its index,
 * -1 none, -2 more than one */
static int row_at(const struct tsv *t, int cmeet, int cat, const char *key, const char *hm)
{
	int found = -1;

	for (int r = 0; r < t->nrows; r++) {
		if (strcmp(fld(t, r, cmeet), key) != 0 || strcmp(fld(t, r, cat), hm) != 0)
			continue;
		if (found >= 0)
			return -2;
		found = r;
	}
	return found;
}

/* a 发言 or 计票 row: the line it corrects and the meeting's moment it is
 * corrected at (HH:MM, not before that line, not after 散会) */
static int fix_line(struct demo *d, int r, struct dfix *x, time_t *at, int *item)
{
	const struct tsv *t = &d->corrections, *src = x->kind == FX_MINUTE ? &d->minutes : &d->votes;
	const int *c = d->xc, *sc = x->kind == FX_MINUTE ? d->nc : d->vc;
	const char *key = fld(t, r, c[3]), *line = fld(t, r, c[4]), *hm = fld(t, r, c[0]);
	const char *what = x->kind == FX_MINUTE ? "发言" : "表决";
	const struct dmeet *m;
	time_t when, then;
	int meet;

	if (x->target < 0)
		return derr(d, t->file, t->rows[r].line, "会议「%s」不在 meetings.tsv 中。", key);
	m = &d->meets[x->target];
	if (!m->end)
		return derr(d, t->file, t->rows[r].line,
		            "会议「%s」没有召开（meetings.tsv 中没有散会时间）。", key);
	x->row = row_at(src, sc[0], sc[1], key, line);
	if (x->row == -2)
		return derr(d, t->file, t->rows[r].line, "会议 %s 在 %s 有不止一条%s，无法确定更正哪一条。",
		            key, line, what);
	if (x->row < 0)
		return derr(d, t->file, t->rows[r].line, "%s 中没有会议 %s 在 %s（line）的%s。",
		            src->file, key, line[0] ? line : "（空）", what);
	when = stamp_of(fld(&d->meetings, m->row, d->mc[3]), hm);
	then = stamp_of(fld(&d->meetings, m->row, d->mc[3]), line);
	if (when == (time_t)-1)
		return derr(d, t->file, t->rows[r].line, "%s的更正，at 写会上的时间 HH:MM，不是「%s」。",
		            what, hm);
	if (when < then || when > m->end)
		return derr(d, t->file, t->rows[r].line, "更正时间 %s 应在该条%s（%s）之后、散会（%s）之前。",
		            hm, what, line, fld(&d->meetings, m->row, d->mc[5]));
	*at = typed_at(m, when);
	*item = -1;
	if (x->kind == FX_TALLY && meeting_row(d, src, x->row, sc[0], sc[1], sc[2], 1, &meet,
	                                       &then, item) != 0)
		return -1;
	return 0;
}

/* "赞成 N 反对 N 弃权 N" (spaces optional) -> the three counts; 0 or -1 */
static int parse_tally(const char *s, int *yes, int *no, int *abstain)
{
	static const char *const words[] = { "赞成", "反对", "弃权" };
	int *out[] = { yes, no, abstain };

	for (size_t i = 0; i < YS_ARRAY_LEN(words); i++) {
		size_t n = strlen(words[i]), k;
		char num[8];
		s += strspn(s, " ");
		if (strncmp(s, words[i], n) != 0)
			return -1;
		s += n;
		s += strspn(s, " ");
		k = strspn(s, "0123456789");
		if (k == 0 || k >= sizeof num)
			return -1;
		memcpy(num, s, k);
		num[k] = '\0';
		*out[i] = parse_num(num);
		s += k;
	}
	return s[strspn(s, " ")] ? -1 : 0;
}

static int read_corrections(struct demo *d)
{
	static const char *const cols[] = { "at", "by", "what", "target", "line", "field",
	                                    "was", "reason" };
	const struct tsv *t = &d->corrections;
	int *c = d->xc;

	if (tsv_cols(d, t, cols, c, 8) != 0)
		return -1;
	d->nfixes = t->nrows;
	d->fixes = xcalloc((size_t)d->nfixes + 1, sizeof *d->fixes);
	for (int r = 0; r < t->nrows; r++) {
		struct dfix *x = &d->fixes[r];
		const char *what = fld(t, r, c[2]), *target = fld(t, r, c[3]);
		const char *field = fld(t, r, c[5]), *was = fld(t, r, c[6]);
		int line = t->rows[r].line, item = -1, same;
		time_t at = 0;

		x->row = -1;
		x->target = -1;
		for (size_t k = 0; k < YS_ARRAY_LEN(fix_kinds); k++)
			if (strcmp(what, fix_kinds[k].name) == 0)
				x->kind = fix_kinds[k].kind;
		if (!x->kind)
			return derr(d, t->file, line, "what 应为 议题、会议、发言、计票、延期 或 取消，"
			            "不是「%s」。", what);
		x->by = person_by_name(d, fld(t, r, c[1]));
		if (x->by < 0)
			return derr(d, t->file, line, "录入人（by）「%s」不在花名册中。", fld(t, r, c[1]));
		if (!fld(t, r, c[7])[0])
			return row_err(d, t, r, "须写明理由（reason）。");
		x->target = x->kind == FX_PROPOSAL ? prop_by_key(d, target) : meet_by_key(d, target);
		if (x->target < 0)
			return derr(d, t->file, line, "%s「%s」不在 %s 中。",
			            x->kind == FX_PROPOSAL ? "议题" : "会议", target,
			            x->kind == FX_PROPOSAL ? "proposals.tsv" : "meetings.tsv");
		if ((x->kind == FX_MINUTE || x->kind == FX_TALLY) != !!fld(t, r, c[4])[0])
			return row_err(d, t, r, "line 只用于发言和计票：写该条发言或该次表决的时间 HH:MM。");
		if ((x->kind == FX_PROPOSAL || x->kind == FX_MEETING) != !!field[0])
			return row_err(d, t, r, "field 只用于议题（标题、内容）和会议（会议名称、地点、"
			               "主持人、主持人职务、记录人）。");
		if ((x->kind == FX_CANCEL) != !was[0])
			return row_err(d, t, r, x->kind == FX_CANCEL ? "取消不写 was。"
			               : "须写明最初录入的内容（was）。");
		for (size_t k = 0; field[0] && k < YS_ARRAY_LEN(fix_fields); k++)
			if (fix_fields[k].kind == x->kind && strcmp(field, fix_fields[k].name) == 0)
				x->field = fix_fields[k].field;
		if (field[0] && !x->field)
			return derr(d, t->file, line, "%s没有可改正的「%s」；可改正的是 %s。", what, field,
			            x->kind == FX_PROPOSAL ? "标题、内容"
			            : "会议名称、地点、主持人、主持人职务、记录人");
		if (x->kind == FX_MINUTE || x->kind == FX_TALLY) {
			if (fix_line(d, r, x, &at, &item) != 0)
				return -1;
		} else {
			at = ys_parse_stamp(fld(t, r, c[0]));
			if (at == (time_t)-1)
				return row_err(d, t, r, "at 应为 YYYY-MM-DD HH:MM。");
		}
		switch (x->kind) {
		case FX_PROPOSAL:
			if (at < ys_parse_stamp(fld(&d->proposals, d->props[x->target].row, d->pc[1])))
				return row_err(d, t, r, "更正早于议题提出的时间。");
			break;
		case FX_MEETING: {
			const struct dmeet *m = &d->meets[x->target];
			if (at < m->set_up || (m->end && at >= m->sealed))
				return row_err(d, t, r, "会议的更正须在建立会议之后、会议记录签字确认之前。");
			if ((x->field == FF_CHAIR || x->field == FF_CLERK) && person_by_name(d, was) < 0)
				return derr(d, t->file, line, "「%s」不在花名册中。", was);
			break;
		}
		case FX_TALLY: {
			const char *method = fld(&d->votes, x->row, d->vc[3]);
			if (method_by_name(method) != VM_HANDS)
				return row_err(d, t, r, method_by_name(method) == VM_ROLLCALL
				               ? "记名表决的票数由每人的意见得出，不能更正票数。"
				               : "演示数据的计票更正只写举手表决（was 只记赞成、反对、弃权）。");
			if (parse_tally(was, &x->yes, &x->no, &x->abstain) != 0)
				return row_err(d, t, r, "计票的 was 写「赞成 N 反对 N 弃权 N」。");
			break;
		}
		case FX_POSTPONE: {
			const struct dmeet *m = &d->meets[x->target];
			x->was = ys_parse_stamp(was);
			if (x->was == (time_t)-1)
				return row_err(d, t, r, "延期的 was 写原定的日期和开始时间 YYYY-MM-DD HH:MM。");
			if (x->was == m->start)
				return row_err(d, t, r, "原定的日期和时间与 meetings.tsv 中的相同。");
			if (m->set_up >= x->was || at < m->set_up || at >= x->was)
				return row_err(d, t, r, "延期须在建立会议之后、原定开会之前。");
			break;
		}
		case FX_CANCEL: {
			const struct dmeet *m = &d->meets[x->target];
			if (m->end)
				return row_err(d, t, r, "取消的会议没有召开，meetings.tsv 中不写散会时间（end）。");
			if (at < m->set_up || at >= m->start)
				return row_err(d, t, r, "取消须在建立会议之后、会议开始之前。");
			break;
		}
		}
		if (x->kind == FX_MINUTE &&
		    strcmp(was, fld(&d->minutes, x->row, d->nc[4])) == 0)
			return row_err(d, t, r, "was 与 minutes.tsv 中的发言相同，没有更正。");
		if ((x->kind == FX_PROPOSAL || x->kind == FX_MEETING) &&
		    strcmp(was, final_value(d, x)) == 0)
			return row_err(d, t, r, "was 与改正后的内容相同，没有更正。");
		same = fix_of(d, x->kind, x->target, x->field, x->row);
		if (same < r)
			return derr(d, t->file, line, "与第 %d 行更正的是同一处；同一处只更正一次。",
			            t->rows[same].line);
		add_event(d, at, EV_FIX, r, x->kind == FX_PROPOSAL ? -1 : x->target, item, -1);
	}
	return 0;
}

/* every file loaded, then read in the order they refer to each other */
int load_all(struct demo *d)
{
	static const struct { size_t off; const char *file; } files[] = {
		{ offsetof(struct demo, community), DEMO_DIR "community.tsv" },
		{ offsetof(struct demo, people),    DEMO_DIR "people.tsv" },
		{ offsetof(struct demo, proposals), DEMO_DIR "proposals.tsv" },
		{ offsetof(struct demo, meetings),  DEMO_DIR "meetings.tsv" },
		{ offsetof(struct demo, minutes),   DEMO_DIR "minutes.tsv" },
		{ offsetof(struct demo, votes),     DEMO_DIR "votes.tsv" },
		{ offsetof(struct demo, outcomes),  DEMO_DIR "outcomes.tsv" },
		{ offsetof(struct demo, actions),   DEMO_DIR "actions.tsv" },
		{ offsetof(struct demo, progress),  DEMO_DIR "progress.tsv" },
		{ offsetof(struct demo, objections), DEMO_DIR "objections.tsv" },
		{ offsetof(struct demo, addenda),   DEMO_DIR "addenda.tsv" },
		{ offsetof(struct demo, corrections), DEMO_DIR "corrections.tsv" },
		{ offsetof(struct demo, diary),     DEMO_DIR "diary.tsv" },
	};

	for (size_t i = 0; i < YS_ARRAY_LEN(files); i++)
		if (tsv_load(d, (struct tsv *)((char *)d + files[i].off), files[i].file) != 0)
			return -1;
	if (read_community(d) || read_people(d) || read_proposals(d) ||
	    read_meetings(d) || read_minutes(d) || read_votes(d) ||
	    read_outcomes(d) || read_actions(d) || read_progress(d) ||
	    read_objections(d) || read_addenda(d) || read_corrections(d) || read_diary(d))
		return -1;
	return 0;
}
