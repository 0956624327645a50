/* settings.c: the roster, the rule sets, the community's names and the
 * program's settings — everything the clerk sets up rather than records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "base/text.h"
#include "ops_int.h"

/* ---- people --------------------------------------------------------------- */

/* the roster's rules for one person, for the form and for an import; the
 * text fields are trimmed and the 身份证号 tail's x made X first */
int ops_person_check(struct person *p, char *err, size_t errlen)
{
	struct tm born;
	char today[11];

	ys_trim(p->name);
	ys_trim(p->phone);
	ys_trim(p->post);
	ys_trim(p->birth);
	ys_trim(p->id_tail);
	ys_trim(p->grid);
	ys_trim(p->building);
	ys_trim(p->unit);
	ys_trim(p->room);
	ys_trim(p->household);
	ys_trim(p->res_group);
	ys_today(today);
	if (p->birth[0] && (ys_parse_date(p->birth, &born) != 0 || born.tm_year + 1900 < 1900))
		return ys_err(err, errlen, "出生日期“%s”不是有效日期，应写作 1960-03-05。", p->birth);
	if (p->birth[0] && strcmp(p->birth, today) > 0)
		return ys_err(err, errlen, "出生日期 %s 晚于今天。", p->birth);
	if (p->id_tail[0] && p->id_tail[3] == 'x')
		p->id_tail[3] = 'X';
	if (p->id_tail[0] && (strlen(p->id_tail) != 4 || strspn(p->id_tail, "0123456789") < 3 ||
	                      !strchr("0123456789X", p->id_tail[3])))
		return ys_err(err, errlen, "身份证号后四位应是 4 个字符：数字，最后一位可以是 X。");
	if (text_chars(p->post) > POST_MAX_CHARS)
		return ys_err(err, errlen, "职务不能超过 %d 个字。", POST_MAX_CHARS);
	if (!p->name[0])
		return ys_err(err, errlen, "请填写姓名。");
	if (text_chars(p->name) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "姓名不能超过 %d 个字。", NAME_MAX_CHARS);
	if (strspn(p->phone, "0123456789-+ ") != strlen(p->phone))
		return ys_err(err, errlen, "电话只能包含数字、“-”、“+”和空格。");
	if (p->gender[0] && strcmp(p->gender, "男") != 0 && strcmp(p->gender, "女") != 0)
		return ys_err(err, errlen, "性别只能是男、女或不填。");
	if (p->roles < 0 || p->roles >= 1 << 9)
		return ys_err(err, errlen, "身份无效。");
	/* a 预备党员 becomes a 正式党员 on admission: never both at once */
	if ((p->roles & ROLE_PARTY) && (p->roles & ROLE_PARTY_PROB))
		return ys_err(err, errlen, "正式党员和预备党员只能选一项。");
	return 0;
}

int ops_person_save(struct store *st, struct person *p, char *err, size_t errlen)
{
	int rc = 0;

	if (ops_person_check(p, err, errlen) != 0)
		return -1;
	if (op_begin(st, err, errlen) != 0)
		return -1;
	if ((p->id[0] ? store_person_update(st, p) : store_person_add(st, p)) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_person_set_active(struct store *st, const char *person_id, int active,
                          char *err, size_t errlen)
{
	int rc = 0;

	if (op_begin(st, err, errlen) != 0)
		return -1;
	if (store_person_set_active(st, person_id ? person_id : "", active) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_person_delete(struct store *st, const char *person_id, char *err, size_t errlen)
{
	struct person p;
	struct person_uses u;
	int rc = 0;

	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = store_person_get(st, person_id ? person_id : "", &p);
	if (rc == 1)
		rc = ys_err(err, errlen, "花名册中没有这个人。");
	else if (rc != 0 || store_person_uses(st, p.id, &u) != 0)
		rc = store_fail(st, err, errlen);
	else if (u.proposer + u.meeting + u.attendance + u.minute + u.ballot > 0) {
		struct strbuf why = {0};
		static const char *const what[] = { "提议人", "会议主持人或记录人", "签到", "发言", "表决或监票计票" };
		const int n[] = { u.proposer, u.meeting, u.attendance, u.minute, u.ballot };

		for (size_t i = 0; i < YS_ARRAY_LEN(what); i++)
			if (n[i] > 0)
				sb_addf(&why, "%s%s %d 处", why.len ? "、" : "", what[i], n[i]);
		rc = ys_err(err, errlen, "“%s”已记在会议或议题中（%s），不能删除。不再参加的人请停用（d）。",
		            p.name, why.s);
		sb_free(&why);
	} else if (store_person_delete(st, p.id) != 0 ||
	           store_log(st, "person", p.id, "删除", p.name, NULL, NULL) != 0) {
		rc = store_fail(st, err, errlen);
	}
	return op_end(st, rc, err, errlen);
}

void ops_person_merge(struct person *into, const struct person *from)
{
#define TAKE(f) do { if (from->f[0]) memcpy(into->f, from->f, sizeof into->f); } while (0)
	TAKE(gender); TAKE(grid); TAKE(building); TAKE(unit); TAKE(room); TAKE(phone);
	TAKE(note); TAKE(post); TAKE(birth); TAKE(id_tail); TAKE(household); TAKE(res_group);
#undef TAKE
	/* 预备党员 admitted as 正式党员 (or the other way): the file's one */
	if (from->roles & (ROLE_PARTY | ROLE_PARTY_PROB))
		into->roles &= ~(ROLE_PARTY | ROLE_PARTY_PROB);
	into->roles |= from->roles;
}

int ops_roster_import(struct store *st, struct import_person *v, int n, const char *source,
                      int *added, int *merged, char *err, size_t errlen)
{
	char why[256], summary[256];
	int rc = 0, add = 0, mrg = 0;

	*added = *merged = 0;
	for (int i = 0; i < n; i++)
		if (ops_person_check(&v[i].p, why, sizeof why) != 0)
			return ys_err(err, errlen, "第 %d 行：%s", v[i].line, why);
	if (op_begin(st, err, errlen) != 0)
		return -1;
	for (int i = 0; i < n && rc == 0; i++) {
		if (v[i].merge) {
			struct person old;
			int got = store_person_get(st, v[i].target_id, &old);
			if (got == 1) {
				rc = ys_err(err, errlen, "第 %d 行要合并到的人已不在花名册中。", v[i].line);
				break;
			}
			if (got != 0) {
				rc = store_fail(st, err, errlen);
				break;
			}
			ops_person_merge(&old, &v[i].p);
			if (ops_person_check(&old, why, sizeof why) != 0) {
				rc = ys_err(err, errlen, "第 %d 行合并后：%s", v[i].line, why);
				break;
			}
			if (store_person_update(st, &old) != 0) {
				rc = store_fail(st, err, errlen);
				break;
			}
			mrg++;
		} else {
			v[i].p.id[0] = '\0';
			v[i].p.active = 1;
			if (store_person_add(st, &v[i].p) != 0) {
				char e[256];
				store_fail(st, e, sizeof e);
				rc = ys_err(err, errlen, "第 %d 行：%s", v[i].line, e);
				break;
			}
			add++;
		}
	}
	if (rc == 0) {
		snprintf(summary, sizeof summary, "新增 %d 人，合并 %d 人", add, mrg);
		if (store_log(st, "person", "", "导入花名册", source ? source : "", summary, NULL) != 0)
			rc = store_fail(st, err, errlen);
	}
	if (op_end(st, rc, err, errlen) != 0)
		return -1;
	*added = add;
	*merged = mrg;
	return 0;
}

/* ---- rule sets -------------------------------------------------------------- */

int ops_rule_update(struct store *st, const struct rule_set *r, const char *reason,
                    int *field, char *err, size_t errlen)
{
	int rc = 0;

	if (field)
		*field = RF_NONE;
	if (!ys_has_text(reason))
		return ys_err(err, errlen, "修改表决规则须写明理由。");
	if (rule_check(r, field, err, errlen) != 0)
		return -1;
	if (op_begin(st, err, errlen) != 0)
		return -1;
	if (store_rule_update(st, r, reason) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

/* ---- settings ---------------------------------------------------------------- */

const struct setting_def ops_settings[] = {
	{ "notice_days", "公示天数", 7, 1, 90,
	  "决议公开、实施结果公开的公示期，默认 7 天" },
	{ "material_days", "材料提前", 3, 1, 90,
	  "审议材料应在党员大会前几天送达党员（只提醒，不阻止），默认 3 天" },
	{ "tally_double_entry", "两人计票", 0, 0, 1,
	  "举手、无记名的票数由两名工作人员各录一遍，一致才保存" },
	{ "backup_remind_days", "备份提醒", 7, 0, 365,
	  "距上次备份超过几天，议题板上提醒备份（按 B 备份到 U 盘）；0 = 不提醒，默认 7 天" },
	{ "board_expired_days", "过期公示保留", 30, 0, 3660,
	  "公示栏网页上，已过公示期的公示还显示几天，默认 30 天" },
	/* how many days ahead each kind of meeting is noticed (会议通知), with
	 * its ground: the program warns when a meeting is set sooner */
	{ "notice_ahead_3", "居民会议通知", 7, 0, 60,
	  "居民会议提前几天通知：上海市居民委员会工作条例第十一条（应当提前通知居民，"
	  "公布议题和议程；未定天数），默认 7 天" },
	{ "notice_ahead_4", "代表会议通知", 7, 0, 60,
	  "居民代表会议提前几天通知：参照上海市居民委员会工作条例第十一条，默认 7 天" },
	{ "notice_ahead_2", "党员大会通知", 3, 0, 60,
	  "党员大会提前几天通知：通行做法，使党员会前阅看审议材料（同「材料提前」），默认 3 天" },
	{ "notice_ahead_1", "两委会议通知", 1, 0, 60,
	  "两委联席会议提前几天通知：两委议事规则的通行做法，默认 1 天" },
	{ "notice_ahead_5", "协商会通知", 3, 0, 60,
	  "议事协商会提前几天通知相关方：通行做法，默认 3 天" },
};
const size_t ops_setting_count = YS_ARRAY_LEN(ops_settings);

static const struct setting_def *setting_get(const char *key)
{
	for (size_t i = 0; i < ops_setting_count; i++)
		if (strcmp(ops_settings[i].key, key) == 0)
			return &ops_settings[i];
	return NULL;
}

int ops_setting_int(struct store *st, const char *key)
{
	const struct setting_def *d = setting_get(key);
	char val[32], *end;
	long v;

	if (!d)
		return 0;
	if (store_setting_get(st, key, val, sizeof val) != 0)
		return d->dflt;
	v = strtol(val, &end, 10);
	if (end == val || *end || v < d->min || v > d->max)
		return d->dflt;
	return (int)v;
}

int ops_setting_set(struct store *st, const char *key, const char *value,
                    char *err, size_t errlen)
{
	const struct setting_def *d;
	int rc = 0;

	if (!key || !*key)
		return ys_err(err, errlen, "设置项名称不能为空。");
	d = setting_get(key);
	if (d) {
		char *end;
		long v = value ? strtol(value, &end, 10) : 0;
		if (!value || end == value || *end || v < d->min || v > d->max)
			return ys_err(err, errlen, "「%s」应为 %d 至 %d 之间的整数。", d->label,
			              d->min, d->max);
	}
	if (op_begin(st, err, errlen) != 0)
		return -1;
	if (store_setting_set(st, key, value ? value : "") != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

void ops_operator_load(struct store *st)
{
	char who[64];

	if (store_setting_get(st, "operator", who, sizeof who) == 0 && who[0])
		store_set_who(st, who);
}

int ops_operator_set(struct store *st, const char *name, char *err, size_t errlen)
{
	char who[64];

	if (ys_strlcpy(who, name ? name : "", sizeof who) != 0 ||
	    text_chars(ys_trim(who)) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "录入人姓名不能超过 %d 个字。", NAME_MAX_CHARS);
	if (ops_setting_set(st, "operator", who, err, errlen) != 0)
		return -1;
	if (who[0])
		store_set_who(st, who);
	return 0;
}

/* ---- the community ------------------------------------------------------------ */

/* the names checked and completed; 0 or -1 */
static int community_check(struct community *c, char *err, size_t errlen)
{
	ys_trim(c->name);
	ys_trim(c->party_org);
	ys_trim(c->committee);
	ys_trim(c->street);
	ys_trim(c->phone);
	ys_trim(c->doc_abbr);
	if (strpbrk(c->doc_abbr, " \t〔〕"))
		return ys_err(err, errlen, "发文机关代字只写机关简称（如“军社”），不含空格和〔〕。");
	if (!c->name[0])
		return ys_err(err, errlen, "请填写社区名称。");
	/* the organisations' names follow from the community's when empty */
	if (!c->party_org[0] &&
	    ys_snprintf(c->party_org, sizeof c->party_org, "中共%s委员会", c->name) != 0)
		return ys_err(err, errlen, "社区名称过长。");
	if (!c->committee[0] &&
	    ys_snprintf(c->committee, sizeof c->committee, "%s居民委员会", c->name) != 0)
		return ys_err(err, errlen, "社区名称过长。");
	if (strspn(c->phone, "0123456789-+ ") != strlen(c->phone))
		return ys_err(err, errlen, "异议电话只能包含数字、“-”、“+”和空格。");
	return 0;
}

int ops_community_save(struct store *st, struct community *c, char *err, size_t errlen)
{
	int rc = 0;

	if (community_check(c, err, errlen) != 0)
		return -1;
	if (op_begin(st, err, errlen) != 0)
		return -1;
	if (store_community_set(st, c) != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}

int ops_settings_save(struct store *st, struct community *c, const int *values, int log,
                      char *err, size_t errlen)
{
	struct community old;
	int rc;

	if (community_check(c, err, errlen) != 0)
		return -1;
	for (size_t i = 0; i < ops_setting_count; i++)
		if (values[i] < ops_settings[i].min || values[i] > ops_settings[i].max)
			return ys_err(err, errlen, "「%s」应为 %d 至 %d。", ops_settings[i].label,
			              ops_settings[i].min, ops_settings[i].max);
	if (op_begin(st, err, errlen) != 0)
		return -1;
	/* one transaction: the community and the settings change together */
	rc = store_community_get(st, &old);
	if (rc == 1)
		memset(&old, 0, sizeof old), rc = 0;
	else if (rc != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0 && store_community_set(st, c) != 0)
		rc = store_fail(st, err, errlen);
	for (size_t i = 0; rc == 0 && i < ops_setting_count; i++) {
		char val[16];
		snprintf(val, sizeof val, "%d", values[i]);
		if (store_setting_set(st, ops_settings[i].key, val) != 0)
			rc = store_fail(st, err, errlen);
	}
	if (rc == 0 && log && store_log(st, "community", c->id, "settings", old.name, c->name,
	                                "设置") != 0)
		rc = store_fail(st, err, errlen);
	return op_end(st, rc, err, errlen);
}
