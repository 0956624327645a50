/* setup.c: the community's names (asked at the first start, which head
 * every screen and every paper) and the program's settings, in one form
 * that the first start and 「4 规则」→ s share.  The numeric settings, with
 * their defaults and ranges, are ops' table (ops_settings[]). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/util.h"
#include "model/core.h"
#include "ops/ops.h"

enum { S_NAME, S_PARTY, S_COMMITTEE, S_STREET, S_PHONE, S_ABBR, S_FIRST_SETTING };
#define S_MAX (S_FIRST_SETTING + 16)      /* the settings, then 录入人 */

static const char *const yes_no[] = { "否：一人录入", "是：两人各录一遍，一致才保存" };

/* a setting whose range is 0..1 is a yes/no choice */
static int is_choice(const struct setting_def *d)
{
	return d->min == 0 && d->max == 1;
}

static int settings_submit(struct ui *u, struct form *fm, void *arg)
{
	int first = *(int *)arg;
	struct community c = u->comm;
	int values[S_MAX], n = (int)ops_setting_count;
	char err[400];

	char *v[S_FIRST_SETTING];
	for (int i = 0; i < S_FIRST_SETTING; i++)
		v[i] = form_get_text(fm, i);
	int bad = ys_strlcpy(c.name, v[S_NAME], sizeof c.name)
	        | ys_strlcpy(c.party_org, v[S_PARTY], sizeof c.party_org)
	        | ys_strlcpy(c.committee, v[S_COMMITTEE], sizeof c.committee)
	        | ys_strlcpy(c.street, v[S_STREET], sizeof c.street)
	        | ys_strlcpy(c.phone, v[S_PHONE], sizeof c.phone)
	        | ys_strlcpy(c.doc_abbr, v[S_ABBR], sizeof c.doc_abbr);
	for (int i = 0; i < S_FIRST_SETTING; i++)
		free(v[i]);
	if (bad) {
		snprintf(fm->msg, sizeof fm->msg, "名称过长，请缩短。");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const struct setting_def *d = &ops_settings[i];
		struct field *f = &fm->f[S_FIRST_SETTING + i];
		if (is_choice(d)) {
			values[i] = f->choice;
			continue;
		}
		/* the digits are read here; the range is ops' to judge */
		char *s = form_get_text(fm, S_FIRST_SETTING + i);
		int rc = parse_count(s, 1000000, &values[i], err, sizeof err);
		free(s);
		if (rc != 0) {
			snprintf(fm->msg, sizeof fm->msg, "「%s」%s", f->label, err);
			fm->focus = S_FIRST_SETTING + i;
			return -1;
		}
	}
	/* who makes the changes the change log records, these included */
	char *who = form_get_text(fm, fm->n - 1);
	int rc = ops_operator_set(u->st, who, err, sizeof err);
	free(who);
	if (rc != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		fm->focus = fm->n - 1;
		return -1;
	}
	if (ops_settings_save(u->st, &c, values, !first, err, sizeof err) != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", err);
		return -1;
	}
	u->comm = c;
	if (!first)
		ui_message(u, UA_OK, "设置已保存。已经生成的公示和会议记录不变。");
	return 0;
}

static int settings_form(struct ui *u, int first)
{
	struct field f[S_MAX] = {
		[S_NAME] = { .label = "社区名称", .type = FT_TEXT, .required = 1, .maxchars = 30,
		             .hint = "例如：军门社区" },
		[S_PARTY] = { .label = "党组织", .type = FT_TEXT, .maxchars = 40,
		              .hint = "公示的落款；留空则为「中共××社区委员会」" },
		[S_COMMITTEE] = { .label = "居委会", .type = FT_TEXT, .maxchars = 40,
		                  .hint = "公示的落款；留空则为「××社区居民委员会」" },
		[S_STREET] = { .label = "所属街道", .type = FT_TEXT, .maxchars = 40, .hint = "例如：鼓楼区南门街道" },
		[S_PHONE] = { .label = "异议电话", .type = FT_TEXT, .maxchars = 20, .hint = "公示中接受异议的电话" },
		[S_ABBR] = { .label = "发文机关代字", .type = FT_TEXT, .maxchars = 8,
		             .hint = "文号前的机关简称（GB/T 9704），如「军社」：军社〔2026〕3号；留空则为〔2026〕3号" },
	};
	int n = S_FIRST_SETTING;
	for (size_t i = 0; i < ops_setting_count && n < S_MAX; i++, n++) {
		const struct setting_def *d = &ops_settings[i];
		f[n].label = d->label;
		f[n].hint = d->help;
		if (is_choice(d)) {
			f[n].type = FT_CHOICE;
			f[n].choices = yes_no;
			f[n].nchoices = 2;
		} else {
			f[n].type = FT_NUMBER;
			f[n].required = 1;
			f[n].maxchars = 4;
		}
	}
	f[n].label = "录入人";
	f[n].type = FT_TEXT;
	f[n].maxchars = 20;
	f[n].hint = "修改记录中写的录入人姓名；留空则为电脑的登录名";
	n++;
	struct form fm = { .title = first ? "新数据库：请先填写社区名称" : "设置", .f = f, .n = n,
	                   .submit = settings_submit, .arg = &first };
	form_init(&fm);
	if (!first) {
		form_set_text(&fm, S_NAME, u->comm.name);
		form_set_text(&fm, S_PARTY, u->comm.party_org);
		form_set_text(&fm, S_COMMITTEE, u->comm.committee);
		form_set_text(&fm, S_STREET, u->comm.street);
		form_set_text(&fm, S_PHONE, u->comm.phone);
		form_set_text(&fm, S_ABBR, u->comm.doc_abbr);
	}
	char who[64];
	if (store_setting_get(u->st, "operator", who, sizeof who) == 0)
		form_set_text(&fm, n - 1, who);
	for (size_t i = 0; i < ops_setting_count && S_FIRST_SETTING + (int)i < n - 1; i++) {
		const struct setting_def *d = &ops_settings[i];
		int val = ops_setting_int(u->st, d->key);
		char buf[16];
		if (is_choice(d)) {
			f[S_FIRST_SETTING + i].choice = val ? 1 : 0;
		} else {
			snprintf(buf, sizeof buf, "%d", val);
			form_set_text(&fm, S_FIRST_SETTING + (int)i, buf);
		}
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
