/* ui_setup.c: the community's names (asked at the first start, which head
 * every screen and every paper) and the program's settings, in one form
 * that the first start and 「4 规则」→ s share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "model/core.h"
#include "base/util.h"

int ui_setup_community(struct ui *u);
int ui_settings(struct ui *u);

enum { S_NAME, S_PARTY, S_COMMITTEE, S_STREET, S_PHONE, S_NOTICE_DAYS, S_MATERIAL_DAYS,
       S_DOUBLE, S_N };

/* the settings kept as text, with their defaults (DESIGN §2, §4, §6) */
static const struct { int field; const char *key; const char *dflt; } settings[] = {
	{ S_NOTICE_DAYS, "notice_days", "7" },
	{ S_MATERIAL_DAYS, "material_days", "3" },
	{ S_DOUBLE, "tally_double_entry", "0" },
};
static const char *const yes_no[] = { "否：一人录入", "是：两人各录一遍，一致才保存" };

static int settings_submit(struct ui *u, struct form *fm, void *arg)
{
	int first = *(int *)arg;
	struct community c = u->comm;
	char *v[S_PHONE + 1];
	char err[256];
	int days[2];

	for (int i = 0; i <= S_PHONE; i++)
		v[i] = form_get_text(fm, i);
	/* the organisations' names follow from the community's when left empty */
	if (!v[S_PARTY][0]) {
		free(v[S_PARTY]);
		v[S_PARTY] = xasprintf("中共%s委员会", v[S_NAME]);
	}
	if (!v[S_COMMITTEE][0]) {
		free(v[S_COMMITTEE]);
		v[S_COMMITTEE] = xasprintf("%s居民委员会", v[S_NAME]);
	}
	int bad = ys_strlcpy(c.name, v[S_NAME], sizeof c.name)
	        | ys_strlcpy(c.party_org, v[S_PARTY], sizeof c.party_org)
	        | ys_strlcpy(c.committee, v[S_COMMITTEE], sizeof c.committee)
	        | ys_strlcpy(c.street, v[S_STREET], sizeof c.street)
	        | ys_strlcpy(c.phone, v[S_PHONE], sizeof c.phone);
	for (int i = 0; i <= S_PHONE; i++)
		free(v[i]);
	if (bad) {
		snprintf(fm->msg, sizeof fm->msg, "名称过长，请缩短。");
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		char *s = form_get_text(fm, S_NOTICE_DAYS + i);
		int rc = parse_count(s, 90, &days[i], err, sizeof err);
		free(s);
		if (rc != 0 || days[i] < 1) {
			snprintf(fm->msg, sizeof fm->msg, "「%s」%s", fm->f[S_NOTICE_DAYS + i].label,
			         rc != 0 ? err : "至少 1 天。");
			fm->focus = S_NOTICE_DAYS + i;
			return -1;
		}
	}
	/* one transaction: the community and the settings change together */
	store_begin(u->st);
	int rc = store_community_set(u->st, &c);
	for (size_t i = 0; rc == 0 && i < YS_ARRAY_LEN(settings); i++) {
		char val[16];
		if (settings[i].field == S_DOUBLE)
			snprintf(val, sizeof val, "%d", fm->f[S_DOUBLE].choice);
		else
			snprintf(val, sizeof val, "%d", days[settings[i].field - S_NOTICE_DAYS]);
		rc = store_setting_set(u->st, settings[i].key, val);
	}
	if (rc == 0 && !first)
		rc = store_log(u->st, "community", c.id, "settings", u->comm.name, c.name, "设置");
	if (rc != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", store_errmsg(u->st));
		store_rollback(u->st);
		return -1;
	}
	store_commit(u->st);
	u->comm = c;
	if (!first)
		ui_message(u, UA_OK, "设置已保存。已经生成的公示和会议记录不变。");
	return 0;
}

static int settings_form(struct ui *u, int first)
{
	struct field f[S_N] = {
		[S_NAME] = { .label = "社区名称", .type = FT_TEXT, .required = 1, .maxchars = 30,
		             .hint = "例如：军门社区" },
		[S_PARTY] = { .label = "党组织", .type = FT_TEXT, .maxchars = 40,
		              .hint = "公示的落款；留空则为「中共××社区委员会」" },
		[S_COMMITTEE] = { .label = "居委会", .type = FT_TEXT, .maxchars = 40,
		                  .hint = "公示的落款；留空则为「××社区居民委员会」" },
		[S_STREET] = { .label = "所属街道", .type = FT_TEXT, .maxchars = 40, .hint = "例如：鼓楼区南门街道" },
		[S_PHONE] = { .label = "异议电话", .type = FT_TEXT, .maxchars = 20, .hint = "公示中接受异议的电话" },
		[S_NOTICE_DAYS] = { .label = "公示天数", .type = FT_NUMBER, .required = 1, .maxchars = 2,
		                    .hint = "决议公开、实施结果公开的公示期，默认 7 天" },
		[S_MATERIAL_DAYS] = { .label = "材料提前", .type = FT_NUMBER, .required = 1, .maxchars = 2,
		                      .hint = "审议材料应在党员大会前几天送达党员（只提醒，不阻止），默认 3 天" },
		[S_DOUBLE] = { .label = "两人计票", .type = FT_CHOICE, .choices = yes_no, .nchoices = 2,
		               .hint = "举手、无记名的票数由两名工作人员各录一遍，一致才保存" },
	};
	struct form fm = { .title = first ? "新数据库：请先填写社区名称" : "设置", .f = f, .n = S_N,
	                   .submit = settings_submit, .arg = &first };
	form_init(&fm);
	if (!first) {
		form_set_text(&fm, S_NAME, u->comm.name);
		form_set_text(&fm, S_PARTY, u->comm.party_org);
		form_set_text(&fm, S_COMMITTEE, u->comm.committee);
		form_set_text(&fm, S_STREET, u->comm.street);
		form_set_text(&fm, S_PHONE, u->comm.phone);
	}
	for (size_t i = 0; i < YS_ARRAY_LEN(settings); i++) {
		char val[16];
		if (store_setting_get(u->st, settings[i].key, val, sizeof val) != 0)
			snprintf(val, sizeof val, "%s", settings[i].dflt);
		if (settings[i].field == S_DOUBLE)
			f[S_DOUBLE].choice = atoi(val) ? 1 : 0;
		else
			form_set_text(&fm, settings[i].field, val);
	}
	int ok = form_run(u, &fm);
	form_free(&fm);
	return ok;
}

int ui_setup_community(struct ui *u)
{
	return settings_form(u, 1);
}

int ui_settings(struct ui *u)
{
	return settings_form(u, 0);
}
