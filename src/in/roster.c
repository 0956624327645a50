/* roster.c: a 花名册 from the office's file into the roster: the columns
 * matched by their headings, every line made a person and checked by the
 * roster's own rules (ops_person_check), repeats found (in the file and
 * against the roster) and decided, then all of it written in one
 * transaction (ops_roster_import) or nothing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"
#include "in/roster.h"
#include "model/core.h"
#include "ops/ops.h"

/* the store's last message into err */
static int store_said(struct store *st, char *err, size_t errlen)
{
	const char *msg = store_errmsg(st);

	return ys_err(err, errlen, "%s", msg && *msg ? msg : "读取花名册失败。");
}

/* ---- fields and their headings ------------------------------------------ */

/* each field's name, then the other headings offices give it */
static const struct {
	const char *name;
	const char *const other[8];
} fields[RO_COUNT] = {
	[RO_SKIP]      = { "不导入",         { "忽略", "序号", "编号" } },
	[RO_NAME]      = { "姓名",           { "名字", "居民姓名", "人员姓名" } },
	[RO_GENDER]    = { "性别",           { NULL } },
	[RO_BIRTH]     = { "出生日期",       { "出生年月日", "生日", "出生时间" } },
	[RO_IDTAIL]    = { "身份证号后四位", { "身份证后四位", "证件号后四位", "身份证号码后四位" } },
	[RO_IDCARD]    = { "身份证号",       { "身份证号码", "公民身份号码", "身份证", "证件号码" } },
	[RO_PHONE]     = { "电话",           { "联系电话", "手机", "手机号", "手机号码", "联系方式", "电话号码" } },
	[RO_HOUSEHOLD] = { "户号",           { "户编号", "户籍编号", "户口编号" } },
	[RO_BUILDING]  = { "楼栋",           { "楼号", "栋", "幢", "楼栋号" } },
	[RO_UNIT]      = { "单元",           { "单元号" } },
	[RO_ROOM]      = { "房号",           { "房间号", "门牌号", "室", "户室号" } },
	[RO_GRID]      = { "网格",           { "所属网格", "网格名称" } },
	[RO_GROUP]     = { "居民小组",       { "小组", "所属小组", "居民组" } },
	[RO_ROLES]     = { "身份",           { "人员类别", "类别", "人员身份" } },
	[RO_POLITICS]  = { "政治面貌",       { NULL } },
	[RO_POST]      = { "职务",           { NULL } },
	[RO_NOTE]      = { "备注",           { "说明" } },
	[RO_STATUS]    = { "状态",           { "在册状态" } },
};

const char *roster_field_name(int f)
{
	return f >= 0 && f < RO_COUNT ? fields[f].name : "";
}

/* a heading as offices vary it: "姓  名", "性　别", "*姓名", "姓名（必填）",
 * "出生\n日期" are all their field's name */
static char *plain_heading(const char *name)
{
	struct strbuf sb = {0};

	sb_add(&sb, "");
	for (const char *p = name; *p; ) {
		if (strncmp(p, "（", 3) == 0 || *p == '(') {
			break;       /* a note in brackets ends the heading */
		} else if ((unsigned char)*p <= ' ' || *p == '*') {
			p++;
		} else if (strncmp(p, "　", 3) == 0) {
			p += 3;
		} else {
			sb_addn(&sb, p, 1);
			p++;
		}
	}
	return sb_steal(&sb);
}

int roster_field_parse(const char *name)
{
	char *s = plain_heading(name);
	int hit = -1;

	for (int f = 0; f < RO_COUNT && hit < 0; f++) {
		if (strcmp(s, fields[f].name) == 0)
			hit = f;
		for (int k = 0; k < 8 && fields[f].other[k] && hit < 0; k++)
			if (strcmp(s, fields[f].other[k]) == 0)
				hit = f;
	}
	free(s);
	return hit;
}

const char *dup_action_name(int a)
{
	static const char *const names[] = { "待定", "合并", "跳过", "仍然新增" };

	return a >= 0 && a <= DUP_ADD ? names[a] : "";
}

/* ---- reading ------------------------------------------------------------ */

static void warn(struct roster_import *ri, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(struct roster_import *ri, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ri->warn = xrealloc(ri->warn, (size_t)(ri->nwarn + 1) * sizeof *ri->warn);
	ri->warn[ri->nwarn++] = xvasprintf(fmt, ap);
	va_end(ap);
}

static void clear_check(struct roster_import *ri)
{
	free(ri->lines);
	ri->lines = NULL;
	ri->n = ri->bad = ri->dups = ri->undecided = 0;
	for (int i = 0; i < ri->nwarn; i++)
		free(ri->warn[i]);
	free(ri->warn);
	ri->warn = NULL;
	ri->nwarn = 0;
}

void roster_import_free(struct roster_import *ri)
{
	clear_check(ri);
	table_free(&ri->t);
	memset(ri, 0, sizeof *ri);
}

/* each column's field from its heading in the header row */
static void map_headings(struct roster_import *ri)
{
	for (int c = 0; c < TABLE_MAX_COLS; c++) {
		int f = ri->header >= 0 ? roster_field_parse(table_cell(&ri->t, ri->header, c)) : -1;
		ri->map[c] = f > 0 ? f : RO_SKIP;
	}
}

/* the header: among the first rows with text, the first where 姓名 and at
 * least one other field have a column */
static void find_header(struct roster_import *ri)
{
	ri->header = -1;
	for (int r = 0, seen = 0; r < ri->t.rows && seen < 10 && ri->header < 0; r++) {
		int name = 0, other = 0;
		if (table_row_empty(&ri->t, r))
			continue;
		seen++;
		for (int c = 0; c < ri->t.cols; c++) {
			int f = roster_field_parse(table_cell(&ri->t, r, c));
			name += f == RO_NAME;
			other += f > RO_SKIP && f != RO_NAME;
		}
		if (name && other)
			ri->header = r;
	}
	map_headings(ri);
}

void roster_import_first_header(struct roster_import *ri)
{
	int best = 0;

	if (ri->header >= 0)
		return;
	/* among the first ten lines with text, the one with most cells: a
	 * title line above the header has one */
	for (int r = 0, seen = 0; r < ri->t.rows && seen < 10; r++) {
		int n = 0;
		if (table_row_empty(&ri->t, r))
			continue;
		seen++;
		for (int c = 0; c < ri->t.cols; c++)
			n += table_cell(&ri->t, r, c)[0] != '\0';
		if (n > best) {
			best = n;
			ri->header = r;
		}
	}
	map_headings(ri);
	clear_check(ri);
}

static int after_read(struct roster_import *ri, const char *name, char *err, size_t errlen)
{
	const char *base = strrchr(name, '/');

	snprintf(ri->source, sizeof ri->source, "%s", base ? base + 1 : name);
	find_header(ri);
	if (ri->t.rows == 0) {
		roster_import_free(ri);
		return ys_err(err, errlen, "文件是空的：没有可导入的内容。");
	}
	return 0;
}

int roster_import_read(const char *path, struct roster_import *ri, char *err, size_t errlen)
{
	memset(ri, 0, sizeof *ri);
	if (table_read(path, &ri->t, err, errlen) != 0)
		return -1;
	return after_read(ri, path, err, errlen);
}

int roster_import_parse(const char *name, const unsigned char *data, size_t n,
                        struct roster_import *ri, char *err, size_t errlen)
{
	memset(ri, 0, sizeof *ri);
	if (table_parse(name, data, n, &ri->t, err, errlen) != 0)
		return -1;
	return after_read(ri, name, err, errlen);
}

int roster_import_map(struct roster_import *ri, int col, int f, char *err, size_t errlen)
{
	if (col < 0 || col >= ri->t.cols)
		return ys_err(err, errlen, "没有第 %d 列：文件共 %d 列。", col + 1, ri->t.cols);
	if (f < 0 || f >= RO_COUNT)
		return ys_err(err, errlen, "没有这个字段。");
	ri->map[col] = f;
	clear_check(ri);
	return 0;
}

/* ---- one line to a person ----------------------------------------------- */

/* the digit groups of s: 1960年3月5日 -> 1960 3 5 */
static int digit_groups(const char *s, long g[4], int len[4])
{
	int n = 0;

	while (*s) {
		if (*s >= '0' && *s <= '9') {
			long v = 0;
			int k = 0;
			while (*s >= '0' && *s <= '9') {
				if (k < 9)
					v = v * 10 + (*s - '0');
				s++;
				k++;
			}
			if (n == 4)
				return 5;
			g[n] = v;
			len[n++] = k;
		} else {
			s++;
		}
	}
	return n;
}

/* 1960-03-05, 1960/3/5, 1960.3.5, 1960年3月5日, 19600305 or an Excel
 * date number, into YYYY-MM-DD; -1 with why */
static int parse_birth(const char *s, int date1904, char out[11], char *why, size_t len)
{
	long g[4];
	int l[4], n;
	struct tm tm;
	char d[64] = "", date[128];
	const char *sp;

	/* a date with its time (1960-03-05 00:00:00): the date */
	snprintf(date, sizeof date, "%s", s);
	if (strchr(date, ':') && ((sp = strchr(date, ' ')) != NULL || (sp = strchr(date, 'T')) != NULL))
		date[sp - date] = '\0';
	n = digit_groups(date, g, l);
	if (n == 1 && l[0] == 4)
		return ys_err(why, len, "出生日期“%s”只有年份：请写全年月日，如 1960-03-05。", s);
	if (n == 1 && l[0] == 8) {
		snprintf(d, sizeof d, "%04ld-%02ld-%02ld", g[0] / 10000, g[0] / 100 % 100, g[0] % 100);
	} else if (n >= 3 && l[0] == 4 && l[1] <= 2 && l[2] <= 2) {
		snprintf(d, sizeof d, "%04ld-%02ld-%02ld", g[0], g[1], g[2]);
		if (n > 3)
			n = 5;
	} else if (n == 2 && l[0] == 4 && l[1] <= 2) {
		return ys_err(why, len, "出生日期“%s”只有年月，缺少日：请写全年月日，如 1960-03-05。", s);
	} else if ((n == 1 || (n == 2 && strchr(date, '.'))) && l[0] == 5 &&
	           table_excel_date(date, date1904, out) == 0) {
		return 0;    /* a cell formatted as a date: Excel keeps its number
		              * (five digits: the years 1927 to 2173) */
	} else {
		n = 5;
	}
	if (n == 5 || strlen(d) != 10 || ys_parse_date(d, &tm) != 0)
		return ys_err(why, len, "出生日期“%s”不是有效日期，应写作 1960-03-05。", s);
	memcpy(out, d, 11);
	return 0;
}

/* an 18-digit (or old 15-digit) ID card number: its last four characters,
 * and the birth date and sex it holds; the number itself is not kept */
static int parse_idcard(const char *s, struct person *p, char *why, size_t len)
{
	static const int weight[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	char id[19], birth[11];
	size_t n = strlen(s);
	int sum = 0, sexdigit;
	struct tm tm;

	if (strpbrk(s, "Ee") && strspn(s, "0123456789.+Ee") == n)
		return ys_err(why, len, "Excel 把身份证号存成了数字（%s），后几位已经丢失：请把这一列设为文本后"
		              "重新输入身份证号。", s);
	if (n != 18 && n != 15)
		return ys_err(why, len, "身份证号应是 18 位（或旧的 15 位），这里是 %zu 位。", n);
	memcpy(id, s, n + 1);
	if (n == 18 && id[17] == 'x')
		id[17] = 'X';
	if (strspn(id, "0123456789") < (n == 18 ? 17 : 15) || (n == 18 && !strchr("0123456789X", id[17])))
		return ys_err(why, len, "身份证号只能是数字，18 位的最后一位可以是 X。");
	if (n == 18) {
		for (int i = 0; i < 17; i++)
			sum += (id[i] - '0') * weight[i];
		if (check[sum % 11] != id[17])
			return ys_err(why, len, "身份证号的校验位不对：请核对这个号码。");
		snprintf(birth, sizeof birth, "%.4s-%.2s-%.2s", id + 6, id + 10, id + 12);
		sexdigit = id[16] - '0';
	} else {
		snprintf(birth, sizeof birth, "19%.2s-%.2s-%.2s", id + 6, id + 8, id + 10);
		sexdigit = id[14] - '0';
	}
	if (ys_parse_date(birth, &tm) != 0)
		return ys_err(why, len, "身份证号中的出生日期 %s 不是有效日期：请核对这个号码。", birth);
	memcpy(p->id_tail, id + n - 4, 5);
	if (!p->birth[0])
		memcpy(p->birth, birth, sizeof p->birth);
	if (!p->gender[0])
		snprintf(p->gender, sizeof p->gender, "%s", sexdigit % 2 ? "男" : "女");
	return 0;
}

static int parse_gender(const char *s, char out[8], char *why, size_t len)
{
	static const struct { const char *in, *out; } g[] = {
		{ "男", "男" }, { "女", "女" }, { "男性", "男" }, { "女性", "女" },
		{ "M", "男" }, { "F", "女" }, { "m", "男" }, { "f", "女" },
	};

	for (size_t i = 0; i < YS_ARRAY_LEN(g); i++)
		if (strcmp(s, g[i].in) == 0) {
			snprintf(out, 8, "%s", g[i].out);
			return 0;
		}
	return ys_err(why, len, "性别“%s”应是“男”或“女”。", s);
}

/* text into a fixed field of p; -1 (and why) when it does not fit */
static int put(char *dst, size_t size, const char *s, const char *label, char *why, size_t len)
{
	if (strlen(s) >= size)
		return ys_err(why, len, "%s“%s”太长：最多 %zu 个汉字或 %zu 个数字、字母。", label, s,
		              (size - 1) / 3, size - 1);
	memcpy(dst, s, strlen(s) + 1);
	return 0;
}

static void make_line(struct roster_import *ri, int row, struct roster_line *l)
{
	struct person *p = &l->p;
	char *v[RO_COUNT] = {0};
	int rc = 0;

	memset(l, 0, sizeof *l);
	l->line = ri->t.line[row];
	p->active = 1;
	for (int c = 0; c < ri->t.cols; c++) {
		int f = ri->map[c];
		if (f > RO_SKIP && !v[f]) {
			v[f] = xstrdup(table_cell(&ri->t, row, c));
			/* a line break or tab inside a cell is a space on the roster */
			for (char *q = v[f]; *q; q++)
				if ((unsigned char)*q < 0x20)
					*q = ' ';
			ys_trim(v[f]);
			/* a CSV exported for Excel guards '=+-@' with an apostrophe */
			if (v[f][0] == '\'' && v[f][1] && strchr("=+-@", v[f][1]))
				memmove(v[f], v[f] + 1, strlen(v[f]));
		}
	}
#define W l->why, sizeof l->why
#define PUT(field, label) put(p->field, sizeof p->field, v[f], label, W)
	for (int f = RO_NAME; f < RO_COUNT && rc == 0; f++) {
		if (!v[f] || !v[f][0])
			continue;
		switch (f) {
		case RO_NAME: rc = PUT(name, "姓名"); break;
		case RO_GENDER: rc = parse_gender(v[f], p->gender, W); break;
		case RO_BIRTH: rc = parse_birth(v[f], ri->t.date1904, p->birth, W); break;
		case RO_IDTAIL: rc = PUT(id_tail, "身份证号后四位"); break;
		case RO_IDCARD: rc = parse_idcard(v[f], p, W); break;
		case RO_PHONE: rc = PUT(phone, "电话"); break;
		case RO_HOUSEHOLD: rc = PUT(household, "户号"); break;
		case RO_BUILDING: rc = PUT(building, "楼栋"); break;
		case RO_UNIT: rc = PUT(unit, "单元"); break;
		case RO_ROOM: rc = PUT(room, "房号"); break;
		case RO_GRID: rc = PUT(grid, "网格"); break;
		case RO_GROUP: rc = PUT(res_group, "居民小组"); break;
		case RO_POST: rc = PUT(post, "职务"); break;
		case RO_NOTE: rc = PUT(note, "备注"); break;
		case RO_POLITICS:
			/* 中共党员, 中共预备党员; 群众, 共青团员, 民主党派: no party role */
			if (strstr(v[f], "预备"))
				p->roles |= ROLE_PARTY_PROB;
			else if (strstr(v[f], "党员") && !strstr(v[f], "团员"))
				p->roles |= ROLE_PARTY;
			break;
		case RO_STATUS:
			if (strcmp(v[f], "停用") == 0 || strcmp(v[f], "不在册") == 0 || strcmp(v[f], "迁出") == 0)
				p->active = 0;
			else if (strcmp(v[f], "在册") != 0)
				rc = ys_err(W, "状态“%s”应是“在册”或“停用”。", v[f]);
			break;
		case RO_ROLES: {
			char bad[64];
			int got;
			if (roles_parse(v[f], &got, bad, sizeof bad) != 0)
				rc = ys_err(W, "身份“%s”不认识：可以写居民、居民代表、党员、预备党员、户代表、"
				            "网格员、党组织委员、居委会委员、其他，用顿号隔开。", bad);
			else
				p->roles |= got;
			break;
		}
		}
	}
#undef PUT
	/* no 身份 given: a resident (a 政治面貌 alone adds to that) */
	if (rc == 0 && (!v[RO_ROLES] || !v[RO_ROLES][0]))
		p->roles |= ROLE_RESIDENT;
	if (rc == 0 && !p->name[0])
		rc = ys_err(W, "没有姓名。");
	if (rc == 0)
		ops_person_check(p, W);
#undef W
	for (int f = 0; f < RO_COUNT; f++)
		free(v[f]);
}

/* ---- repeats ------------------------------------------------------------ */

struct key {
	char *k;
	int line;               /* index into ri->lines */
	const char *why;
};

static int key_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = strcmp(x->k, y->k);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static void file_repeats(struct roster_import *ri)
{
	struct key *keys = xcalloc((size_t)ri->n * 3 + 1, sizeof *keys);
	size_t nk = 0;

	for (int i = 0; i < ri->n; i++) {
		const struct person *p = &ri->lines[i].p;
		if (ri->lines[i].why[0])
			continue;
		if (p->household[0])
			keys[nk++] = (struct key){ xasprintf("H\037%s\037%s", p->name, p->household), i, "同名同户号" };
		if (p->room[0])
			keys[nk++] = (struct key){ xasprintf("R\037%s\037%s\037%s\037%s", p->name, p->building,
			                                     p->unit, p->room), i, "同名同房号" };
		if (p->phone[0])    /* a family shares a phone: the name too */
			keys[nk++] = (struct key){ xasprintf("P\037%s\037%s", p->name, p->phone), i, "同名同电话" };
	}
	qsort(keys, nk, sizeof *keys, key_cmp);
	for (size_t a = 0, b; a < nk; a = b) {
		for (b = a + 1; b < nk && strcmp(keys[a].k, keys[b].k) == 0; b++) {
			struct roster_line *l = &ri->lines[keys[b].line];
			if (!l->dup_line && keys[b].line != keys[a].line) {
				l->dup_line = ri->lines[keys[a].line].line;
				snprintf(l->dup_why, sizeof l->dup_why, "%s", keys[b].why);
			}
		}
	}
	for (size_t i = 0; i < nk; i++)
		free(keys[i].k);
	free(keys);
}

static int roster_repeats(struct store *st, struct roster_import *ri, char *err, size_t errlen)
{
	for (int i = 0; i < ri->n; i++) {
		struct roster_line *l = &ri->lines[i];
		const struct person *p = &l->p, *d = &l->dup;
		int rc;

		if (l->why[0] || l->dup_line)
			continue;
		rc = store_person_find_dup(st, p, &l->dup);
		if (rc < 0)
			return store_said(st, err, errlen);
		if (rc == 1)
			continue;
		snprintf(l->dup_why, sizeof l->dup_why, "%s",
		         p->household[0] && strcmp(p->household, d->household) == 0 ? "同名同户号"
		         : p->room[0] && strcmp(p->room, d->room) == 0 ? "同名同房号" : "同名同电话");
		if (!d->active)
			snprintf(l->dup_why + strlen(l->dup_why), sizeof l->dup_why - strlen(l->dup_why),
			         "（已停用）");
	}
	return 0;
}

/* two 户代表 for one household: said, not refused */
static int household_reps(struct store *st, struct roster_import *ri, char *err, size_t errlen)
{
	for (int i = 0; i < ri->n; i++) {
		const struct roster_line *l = &ri->lines[i];
		struct strbuf at = {0};
		int n = 0, earlier = 0, roster;

		if (l->why[0] || !(l->p.roles & ROLE_HOUSEHOLD) || !l->p.household[0])
			continue;
		for (int j = 0; j < ri->n; j++) {
			const struct roster_line *o = &ri->lines[j];
			if (o->why[0] || !(o->p.roles & ROLE_HOUSEHOLD) || strcmp(o->p.household, l->p.household))
				continue;
			earlier |= j < i;
			sb_addf(&at, "%s%d", n++ ? "、" : "", o->line);
		}
		roster = earlier ? 0 : store_household_reps(st, l->p.household, l->dup.id);
		if (roster < 0) {
			sb_free(&at);
			return store_said(st, err, errlen);
		}
		if (!earlier && n + roster > 1)
			warn(ri, "户号 %s 将有 %d 位户代表（文件第 %s 行%s）：一户只应有一位户代表。",
			     l->p.household, n + roster, at.s, roster ? "，另有花名册中的人" : "");
		sb_free(&at);
	}
	return 0;
}

int roster_import_check(struct store *st, struct roster_import *ri, char *err, size_t errlen)
{
	int seen[RO_COUNT] = {0};

	clear_check(ri);
	if (ri->header < 0)
		return ys_err(err, errlen, "找不到表头：前几行中应有一行写着“姓名”和其他列名（如性别、电话、户号）。"
		              "请在文件中加上表头，或指明各列对应的字段（屏幕上按 m，命令行用 --map）。");
	for (int c = 0; c < ri->t.cols; c++) {
		int f = ri->map[c];
		if (f > RO_SKIP && seen[f])
			return ys_err(err, errlen, "第 %d 列和第 %d 列都对应“%s”：请把其中一列改为别的字段或不导入。",
			              seen[f], c + 1, roster_field_name(f));
		if (f > RO_SKIP)
			seen[f] = c + 1;
	}
	if (!seen[RO_NAME])
		return ys_err(err, errlen, "没有对应“姓名”的列：请指明哪一列是姓名。");
	ri->lines = xcalloc((size_t)ri->t.rows + 1, sizeof *ri->lines);
	for (int r = ri->header + 1; r < ri->t.rows; r++) {
		if (table_row_empty(&ri->t, r))
			continue;
		make_line(ri, r, &ri->lines[ri->n++]);
	}
	file_repeats(ri);
	if (roster_repeats(st, ri, err, errlen) != 0 || household_reps(st, ri, err, errlen) != 0) {
		clear_check(ri);
		return -1;
	}
	for (int i = 0; i < ri->n; i++) {
		const struct roster_line *l = &ri->lines[i];
		ri->bad += l->why[0] != '\0';
		ri->dups += !l->why[0] && (l->dup_line || l->dup.id[0]);
	}
	ri->undecided = ri->dups;
	if (!seen[RO_BIRTH] && !seen[RO_IDCARD])
		warn(ri, "没有出生日期：居民会议的应到人数只计年满十八周岁的居民，没有出生日期的人按成年计。");
	return 0;
}

void roster_import_decide(struct roster_import *ri, int action, int all)
{
	ri->undecided = 0;
	for (int i = 0; i < ri->n; i++) {
		struct roster_line *l = &ri->lines[i];
		if (l->why[0] || !(l->dup_line || l->dup.id[0]))
			continue;
		if (all || l->action == DUP_ASK)
			l->action = action;
		ri->undecided += l->action == DUP_ASK;
	}
}

/* ---- writing ------------------------------------------------------------ */

int roster_import_apply(struct store *st, struct roster_import *ri, int *added, int *merged,
                        int *skipped, char *err, size_t errlen)
{
	struct import_person *v;
	int *entry, n = 0, rc;

	*added = *merged = *skipped = 0;
	if (ri->bad)
		return ys_err(err, errlen, "有 %d 行不能导入：改好文件后再导入（一行也没有写入）。", ri->bad);
	if (ri->undecided)
		return ys_err(err, errlen, "有 %d 行与已有的人重复，还没决定合并、跳过还是仍然新增。", ri->undecided);
	v = xcalloc((size_t)ri->n + 1, sizeof *v);
	entry = xcalloc((size_t)ri->n + 1, sizeof *entry);
	for (int i = 0; i < ri->n; i++) {
		struct roster_line *l = &ri->lines[i];
		entry[i] = -1;
		if (l->dup_line || (l->dup.id[0] && l->action == DUP_SKIP)) {
			continue;    /* repeats within the file: below */
		}
		v[n].line = l->line;
		v[n].p = l->p;
		if (l->dup.id[0] && l->action == DUP_MERGE) {
			v[n].merge = 1;
			memcpy(v[n].target_id, l->dup.id, sizeof v[n].target_id);
		}
		entry[i] = n++;
	}
	for (int i = 0; i < ri->n; i++) {
		struct roster_line *l = &ri->lines[i];
		int first = -1;
		if (!l->dup_line)
			continue;
		for (int j = 0; j < i && first < 0; j++)
			if (ri->lines[j].line == l->dup_line)
				first = j;
		if (l->action == DUP_ADD) {
			v[n].line = l->line;
			v[n].p = l->p;
			entry[i] = n++;
		} else if (l->action == DUP_MERGE && first >= 0 && entry[first] >= 0) {
			ops_person_merge(&v[entry[first]].p, &l->p);
			entry[i] = entry[first];
		}
	}
	for (int i = 0; i < ri->n; i++)
		*skipped += entry[i] < 0;
	rc = ops_roster_import(st, v, n, ri->source, added, merged, err, errlen);
	if (rc == 0)
		*merged += ri->n - *skipped - n;      /* lines folded into another */
	if (rc != 0)
		*skipped = 0;
	free(entry);
	free(v);
	return rc;
}
