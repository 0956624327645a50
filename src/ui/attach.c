/* attach.c: the attachments (附件) of a proposal, a meeting or a notice —
 * the signed 签到表, the signed minutes, the notice as posted — listed with
 * their type, size, date and the first digits of their SM3; a file
 * attached from its path (a form that keeps what was typed when the file
 * cannot be taken), one exported back to a file, one removed with a
 * reason.  Reached with f from the dossier, the meetings and the notices;
 * Esc goes back there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "base/text.h"
#include "base/util.h"
#include "ops/ops.h"

static struct {
	int kind;                    /* enum attach_owner */
	char owner_id[ID_LEN];
	char label[320];             /* 「议题 2026-001 10栋至12栋背巷路面硬化」 */
	int back;                    /* the screen Esc returns to */
	struct attachment *a;
	int n, cur, top;
} A;

static void att_load(struct ui *u)
{
	free(A.a);
	A.a = NULL;
	A.n = store_attachment_list(u->st, A.kind, A.owner_id, &A.a);
	if (A.n < 0) {
		ui_error(u, "读取附件失败：%s", store_errmsg(u->st));
		A.n = 0;
	}
	if (A.cur >= A.n)
		A.cur = A.n > 0 ? A.n - 1 : 0;
}

void ui_attachments(struct ui *u, int kind, const char *owner_id, const char *label)
{
	A.kind = kind;
	ys_strlcpy(A.owner_id, owner_id, sizeof A.owner_id);
	snprintf(A.label, sizeof A.label, "%s %s", attach_owner_name(kind), label);
	A.back = u->screen;
	A.cur = A.top = 0;
	ui_goto(u, SCR_ATTACH);
}

static void att_enter(struct ui *u)
{
	att_load(u);
}

static void att_draw(struct ui *u, int top, int bottom)
{
	int h = bottom - top - 3, tw;

	ui_putf(top, 1, u->cols - 2, TEXT_ELLIPSIS, UA_TITLE, "附件：%s（共 %d 件）", A.label, A.n);
	/* 说明 类型 大小 添加日期 SM3 文件名; the title takes the spare width */
	tw = u->cols - 2 - (9 + 1) - (8 + 1) - (10 + 1) - (8 + 1) - 18 - 1;
	if (tw < 10)
		tw = 10;
	const int widths[] = { tw, 9, -8, 10, 8, 18 };
	const char *head[] = { "说明", "类型", "大小", "添加日期", "SM3", "文件名" };
	ui_row(top + 1, 1, u->cols - 2, UA_HEAD, head, widths, 6);
	if (A.cur < A.top)
		A.top = A.cur;
	if (h > 0 && A.cur >= A.top + h)
		A.top = A.cur - h + 1;
	for (int i = A.top; i < A.n && i < A.top + h; i++) {
		const struct attachment *a = &A.a[i];
		char size[32], day[11], sm3[9];
		attach_size_text(a->size, size, sizeof size);
		snprintf(day, sizeof day, "%.10s", a->added_at);
		snprintf(sm3, sizeof sm3, "%.8s", a->sm3);
		const char *cells[] = { a->title, attach_type_name(a->type), size, day, sm3, a->file_name };
		int attr = i == A.cur ? UA_SEL : UA_NORMAL;
		ui_put(top + 2 + i - A.top, 0, 1, i == A.cur ? "▸" : " ", 0, attr);
		ui_row(top + 2 + i - A.top, 1, u->cols - 2, attr, cells, widths, 6);
	}
	if (A.n == 0)
		ui_put(top + 2, 1, u->cols - 2, "还没有附件。按 a 附上扫描件或照片（签字的签到表、会议记录，张贴的公示，验收报告）。",
		       TEXT_ELLIPSIS, UA_DIM);
	ui_put(bottom - 1, 1, u->cols - 2, "附件随数据库备份；SM3 是附上时算出的，yishiting verify 可核对附件是否被改动。",
	       TEXT_ELLIPSIS, UA_DIM);
}

/* ---- a file attached ------------------------------------------------------------ */

enum { AF_PATH, AF_TITLE, AF_N };

/* ~/ made the home folder; caller frees */
static char *path_of(const char *typed)
{
	const char *home = getenv("HOME");

	if (typed[0] == '~' && typed[1] == '/' && home && *home)
		return xasprintf("%s%s", home, typed + 1);
	return xstrdup(typed);
}

static int attach_submit(struct ui *u, struct form *fm, void *arg)
{
	struct attachment a;
	char err[1024], size[32];
	char *typed = form_get_text(fm, AF_PATH), *title = form_get_text(fm, AF_TITLE);
	char *path;
	int rc;

	(void)arg;
	/* a path pasted from a file manager comes in quotes */
	if (strlen(typed) >= 2 && (typed[0] == '\'' || typed[0] == '"') && typed[strlen(typed) - 1] == typed[0]) {
		char *inner = xasprintf("%.*s", (int)(strlen(typed) - 2), typed + 1);
		path = path_of(inner);
		free(inner);
	} else {
		path = path_of(typed);
	}
	rc = ops_attach_file(u->st, A.kind, A.owner_id, path, title, &a, err, sizeof err);
	if (rc != 0) {
		ys_strlcpy(fm->msg, err, sizeof fm->msg);
		fm->focus = strstr(err, "说明") ? AF_TITLE : AF_PATH;
	} else {
		attach_size_text(a.size, size, sizeof size);
		ui_message(u, UA_OK, "已附上「%s」（%s，%s），SM3 %.16s…", a.title, attach_type_name(a.type),
		           size, a.sm3);
	}
	free(typed);
	free(title);
	free(path);
	return rc;
}

static void attach_form(struct ui *u)
{
	struct field f[AF_N] = {
		[AF_PATH] = { .label = "文件", .type = FT_TEXT, .required = 1, .maxchars = 1000,
		              .hint = "文件的完整路径，如 /media/用户名/U盘/签到表.jpg；PNG、JPEG、PDF 等，最大 20 MB" },
		[AF_TITLE] = { .label = "说明", .type = FT_TEXT, .maxchars = 60,
		               .hint = "这是什么：如 签字的签到表、张贴的公示照片、验收报告；空着则用文件名" },
	};
	char title[400];
	snprintf(title, sizeof title, "附上文件：%s", A.label);
	struct form fm = { .title = title, .f = f, .n = AF_N, .submit = attach_submit, .save = "附上" };
	form_init(&fm);
	if (form_run(u, &fm)) {
		att_load(u);
		A.cur = A.n > 0 ? A.n - 1 : 0;
	}
	form_free(&fm);
}

static void attach_delete(struct ui *u)
{
	const struct attachment *a = &A.a[A.cur];
	char q[600], err[512], *reason = NULL;

	snprintf(q, sizeof q, "删除附件「%s」（%s）", a->title, a->file_name);
	if (!ui_prompt_required(u, q, "删除的理由（记入修改记录）：", NULL, 100, &reason))
		return;
	if (ops_attach_delete(u->st, a->id, reason, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "已删除附件，理由已记入修改记录。");
	free(reason);
	att_load(u);
}

static void att_action(struct ui *u, int act)
{
	switch (act) {
	case K_BACK:
		ui_goto(u, A.back);
		break;
	case K_UP:
		if (A.cur > 0)
			A.cur--;
		break;
	case K_DOWN:
		if (A.cur + 1 < A.n)
			A.cur++;
		break;
	case K_HOME:
		A.cur = 0;
		break;
	case K_END:
		A.cur = A.n > 0 ? A.n - 1 : 0;
		break;
	case K_NEW:
		attach_form(u);
		break;
	case K_EXPORT:
		if (A.n > 0)
			ui_export_attachment(u, A.a[A.cur].id);
		break;
	case K_DELETE:
		if (A.n > 0)
			attach_delete(u);
		break;
	}
}

static int att_key_ok(struct ui *u, int act)
{
	(void)u;
	return act == K_EXPORT || act == K_DELETE ? A.n > 0 : 1;
}

const struct screen_def screen_attach = {
	.id = SCR_ATTACH, .title = NULL, .enter = att_enter, .draw = att_draw, .action = att_action,
	.key_ok = att_key_ok,
};
