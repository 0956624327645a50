/* ui_setup.c: the first start on a new database asks for the community's
 * names, which head every screen and every paper. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

int ui_setup_community(struct ui *u);

static int setup_submit(struct ui *u, struct form *fm, void *arg)
{
	(void)arg;
	struct community c;
	memset(&c, 0, sizeof c);
	char *v[5];
	for (int i = 0; i < 5; i++)
		v[i] = form_get_text(fm, i);
	/* the organisations' names follow from the community's when left empty */
	if (!v[1][0]) {
		free(v[1]);
		v[1] = xasprintf("中共%s委员会", v[0]);
	}
	if (!v[2][0]) {
		free(v[2]);
		v[2] = xasprintf("%s居民委员会", v[0]);
	}
	int bad = ys_strlcpy(c.name, v[0], sizeof c.name) | ys_strlcpy(c.party_org, v[1], sizeof c.party_org)
	        | ys_strlcpy(c.committee, v[2], sizeof c.committee) | ys_strlcpy(c.street, v[3], sizeof c.street)
	        | ys_strlcpy(c.phone, v[4], sizeof c.phone);
	for (int i = 0; i < 5; i++)
		free(v[i]);
	if (bad) {
		snprintf(fm->msg, sizeof fm->msg, "名称过长，请缩短。");
		return -1;
	}
	if (store_community_set(u->st, &c) != 0) {
		snprintf(fm->msg, sizeof fm->msg, "%s", store_errmsg(u->st));
		return -1;
	}
	u->comm = c;
	return 0;
}

int ui_setup_community(struct ui *u)
{
	struct field f[] = {
		{ .label = "社区名称", .type = FT_TEXT, .required = 1, .maxchars = 30,
		  .hint = "例如：军门社区" },
		{ .label = "党组织", .type = FT_TEXT, .maxchars = 40,
		  .hint = "留空则为「中共××社区委员会」" },
		{ .label = "居委会", .type = FT_TEXT, .maxchars = 40,
		  .hint = "留空则为「××社区居民委员会」" },
		{ .label = "所属街道", .type = FT_TEXT, .maxchars = 40, .hint = "例如：鼓楼区南门街道" },
		{ .label = "异议电话", .type = FT_TEXT, .maxchars = 20, .hint = "公示中接受异议的电话" },
	};
	struct form fm = { .title = "新数据库：请先填写社区名称", .f = f, .n = 5,
	                   .submit = setup_submit };
	form_init(&fm);
	int ok = form_run(u, &fm);
	form_free(&fm);
	return ok;
}
