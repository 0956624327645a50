/* paper.c: documents on screen.  The pager shows the same document the
 * files and the printer get (render_txt of the doc the builders make), and
 * exports or prints it from there. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"
#include "paper/doc.h"
#include "paper/papers.h"
#include "ops/ops.h"
#include "out/output.h"
#include "base/clock.h"
#include "base/text.h"
#include "base/util.h"

/* the export formats offered, as data: a document's, then the decisions' */
struct format { const char *label; int format; int gb18030; };
static const struct format doc_formats[] = {
	{ "PDF（打印、存档用）", OF_PDF, 0 },
	{ "HTML（网页、转发用）", OF_HTML, 0 },
	{ "纯文本 UTF-8", OF_TXT, 0 },
	{ "纯文本 GB18030（旧版 Windows 电脑）", OF_TXT, 1 },
};
static const struct format data_formats[] = {
	{ "CSV（Excel、WPS 直接打开，UTF-8）", OF_CSV, 0 },
	{ "CSV（GB18030，旧版 Excel）", OF_CSV, 1 },
	{ "JSON（交给其他系统）", OF_JSON, 0 },
};
static const struct format roster_formats[] = {
	{ "Excel（.xlsx）", OF_XLSX, 0 },
	{ "CSV（Excel、WPS 直接打开，UTF-8）", OF_CSV, 0 },
	{ "CSV（GB18030，旧版 Excel）", OF_CSV, 1 },
};

static const struct format stats_formats[] = {
	{ "Excel（.xlsx，每张表一页，附图表）", OF_XLSX, 0 },
	{ "PDF（带图表，打印存档）", OF_PDF, 0 },
	{ "网页（.html）", OF_HTML, 0 },
	{ "纯文本（.txt）", OF_TXT, 0 },
};

static char *ask_folder(struct ui *u, const char *title, const char *initial);

/* the format from a table, then the folder; NULL when the clerk gave up */
static char *ask_format_folder(struct ui *u, const char *title, const char *folder_title,
                               const struct format *f, int n, const struct format **chosen)
{
	const char *labels[8];
	int sel = 0;

	for (int i = 0; i < n && i < 8; i++)
		labels[i] = f[i].label;
	if (!ui_choose(u, title, labels, n < 8 ? n : 8, &sel))
		return NULL;
	*chosen = &f[sel];
	return ask_folder(u, folder_title, NULL);
}

/* an export's result on the message line; the folder exported to is
 * offered again next time */
static void exported(struct ui *u, int rc, const char *folder, char *path, const char *err)
{
	char werr[512];

	if (rc != 0) {
		ui_error(u, "%s", err);
		return;
	}
	ui_message(u, UA_OK, "已导出：%s", path);
	free(path);
	if (ops_setting_set(u->st, "export_dir", folder, werr, sizeof werr) != 0)
		ui_error(u, "%s", werr);
}

/* the same export as `yishiting export` (out_export_doc): the file is
 * named 编号_标题 in the folder the clerk confirms */
static void do_export(struct ui *u, const struct doc *d)
{
	const struct format *f;
	char err[1024], *path = NULL;
	char *folder = ask_format_folder(u, "导出为", "导出到文件夹", doc_formats,
	                                 (int)YS_ARRAY_LEN(doc_formats), &f);
	if (!folder)
		return;
	int rc = out_export_doc(u->st, d, f->format, f->gb18030, folder, OUT_FOLDER, &path,
	                        err, sizeof err);
	exported(u, rc, folder, path, err);
	free(folder);
}

/* the same printing as `yishiting print` (out_print_doc) */
static void do_print(struct ui *u, const struct doc *d)
{
	char err[1024], job[256];
	if (out_print_doc(u->st, d, NULL, job, sizeof job, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_message(u, UA_OK, "%s", job);
}

/* choose the printer for this and later prints (the setting "printer") */
static void choose_printer(struct ui *u)
{
	struct strbuf names = { 0 };
	char err[512], cur[128] = "";
	const char *items[33];
	int n = 0;
	if (out_printers(&names, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		sb_free(&names);
		return;
	}
	store_setting_get(u->st, "printer", cur, sizeof cur);
	items[n++] = "系统默认打印机";
	for (char *p = names.s; p && *p && n < 33; ) {
		char *e = strchr(p, '\n');
		if (e)
			*e = '\0';
		if (*p)
			items[n++] = p;
		p = e ? e + 1 : p + strlen(p);
	}
	int sel = 0;
	for (int i = 1; i < n; i++)
		if (strcmp(items[i], cur) == 0)
			sel = i;
	if (n == 1)
		ui_error(u, "系统中还没有打印机：请先在系统设置中添加打印机。");
	else if (ui_choose(u, "选择打印机", items, n, &sel)) {
		if (ops_setting_set(u->st, "printer", sel ? items[sel] : "", err, sizeof err) != 0)
			ui_error(u, "%s", err);
		else
			ui_message(u, UA_OK, "打印机：%s", items[sel]);
	}
	sb_free(&names);
}

/* the preview's state: the document laid out for the width, in the one
 * pager; drawn through the frame's overlay so that dialogs opened from it
 * (export, printer) appear over the preview */
struct preview {
	const struct doc *d;
	struct pager pg;
	int width;
	const char *ask;         /* a draft: what Enter does (「编号并张贴」) */
};

static void preview_draw(struct ui *u, void *arg)
{
	struct preview *pv = arg;
	int h = u->rows - 3;

	if (pv->width != u->cols - 2) {
		struct strbuf text = { 0 };
		pv->width = u->cols - 2;
		render_txt(pv->d, pv->width, &text);
		pager_set(&pv->pg, &text);
	}
	/* the screen under the preview does not show at its edges */
	for (int y = 2; y < h + 1; y++)
		ui_fill(y, 0, u->cols, UA_NORMAL);
	pager_draw(&pv->pg, 2, 1, h - 1, u->cols - 2, 0, NULL);
	ui_putf(1, 0, u->cols, TEXT_ELLIPSIS, UA_TITLE, " 预览：%s   第 %d-%d 行，共 %d 行",
	        pv->d->title ? pv->d->title : "", pv->pg.nlines ? pv->pg.top + 1 : 0,
	        pv->pg.top + h - 1 < pv->pg.nlines ? pv->pg.top + h - 1 : pv->pg.nlines, pv->pg.nlines);
	ui_draw_message(u);
	if (pv->ask)
		ui_putf(u->rows - 1, 0, u->cols, TEXT_ELLIPSIS, UA_TAB,
		        " Enter %s  ↑↓ PgUp PgDn 翻看  Esc 返回修改", pv->ask);
	else
		ui_put(u->rows - 1, 0, u->cols,
		       " ↑↓ PgUp PgDn 翻看  x 导出  F5/P 打印  d 选打印机  Esc 返回",
		       TEXT_ELLIPSIS, UA_TAB);
}

static int preview_run(struct ui *u, struct doc *d, const char *ask)
{
	struct preview pv = { .d = d, .width = -1, .ask = ask };
	int chosen = 0;
	void (*prev)(struct ui *, void *) = u->overlay;
	void *prev_arg = u->overlay_arg;
	u->overlay = preview_draw;
	u->overlay_arg = &pv;
	for (;;) {
		ui_draw_frame(u);
		if (u->exit_after_frame)
			break;
		int k = ui_getkey(u, NULL);
		if (k == 27 || k == 'q')
			break;
		u->msg[0] = '\0';
		if (pager_scroll(&pv.pg, pager_key(k), u->rows - 4))
			continue;
		if (ask) {
			/* a draft is neither exported nor printed: it has no number */
			if (k == '\n' || k == '\r' || k == KC(KEY_ENTER)) {
				chosen = 1;
				break;
			}
			if (k == 'x' || k == 'P' || k == KC(KEY_F(5)) || k == 'd')
				ui_message(u, UA_WARN, "这是张贴前的预览，还没有文号：按 Enter %s后"
				           "再导出、打印。", ask);
			continue;
		}
		if (k == 'x')
			do_export(u, d);
		else if (k == 'P' || k == KC(KEY_F(5)))
			do_print(u, d);
		else if (k == 'd')
			choose_printer(u);
	}
	u->overlay = prev;
	u->overlay_arg = prev_arg;
	pager_free(&pv.pg);
	return chosen;
}

void ui_preview(struct ui *u, struct doc *d)
{
	preview_run(u, d, NULL);
}

int ui_preview_ask(struct ui *u, struct doc *d, const char *ask)
{
	return preview_run(u, d, ask);
}

/* the folder: initial, else the default one, confirmed or changed by the
 * clerk; created when missing */
static char *ask_folder(struct ui *u, const char *title, const char *initial)
{
	char dir[1024], err[512], *folder = NULL;
	if (initial)
		ys_strlcpy(dir, initial, sizeof dir);
	else if (out_default_dir(u->st, dir, sizeof dir, err, sizeof err) != 0)
		dir[0] = '\0';
	if (!ui_prompt_required(u, title, "文件夹（不存在时自动建立）：", dir, 400, &folder))
		return NULL;
	if (ys_mkdir_p(folder, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
		free(folder);
		return NULL;
	}
	return folder;
}

/* the same export as `yishiting export decisions` (out_export_decisions) */
void ui_export_decisions(struct ui *u)
{
	const struct format *f;
	char err[1024], *path = NULL;
	char *folder = ask_format_folder(u, "导出全部决议的数据", "导出决议数据到文件夹",
	                                 data_formats, (int)YS_ARRAY_LEN(data_formats), &f);
	if (!folder)
		return;
	int rc = out_export_decisions(u->st, f->format, f->gb18030, folder, OUT_FOLDER, &path,
	                              err, sizeof err);
	exported(u, rc, folder, path, err);
	free(folder);
}

/* the same export as `yishiting export roster` (out_export_roster) */
void ui_export_roster(struct ui *u)
{
	const struct format *f;
	char err[1024], *path = NULL;
	char *folder = ask_format_folder(u, "导出花名册", "导出花名册到文件夹", roster_formats,
	                                 (int)YS_ARRAY_LEN(roster_formats), &f);
	if (!folder)
		return;
	int rc = out_export_roster(u->st, f->format, f->gb18030, folder, OUT_FOLDER, &path, err, sizeof err);
	exported(u, rc, folder, path, err);
	free(folder);
}

/* the same export as `yishiting stats -o FOLDER` (out_export_stats) */
void ui_export_stats(struct ui *u, const struct stats_report *rep)
{
	const struct format *f;
	char err[1024], *path = NULL;
	char *folder = ask_format_folder(u, "导出统计", "导出统计到文件夹", stats_formats,
	                                 (int)YS_ARRAY_LEN(stats_formats), &f);
	if (!folder)
		return;
	int rc = out_export_stats(u->st, rep, f->format, f->gb18030, folder, OUT_FOLDER, &path, err,
	                          sizeof err);
	exported(u, rc, folder, path, err);
	free(folder);
}

/* the same export as `yishiting export diary` (out_export_diary) */
void ui_export_diary(struct ui *u)
{
	const struct format *f;
	char err[1024], *path = NULL;
	char *folder = ask_format_folder(u, "导出民情日记", "导出民情日记到文件夹", roster_formats,
	                                 (int)YS_ARRAY_LEN(roster_formats), &f);
	if (!folder)
		return;
	int rc = out_export_diary(u->st, f->format, f->gb18030, folder, OUT_FOLDER, &path, err, sizeof err);
	exported(u, rc, folder, path, err);
	free(folder);
}

/* the same export as `yishiting export board -o FOLDER` (out_export_board);
 * the folder offered is 公示栏 in the export folder */
void ui_export_board(struct ui *u)
{
	char dflt[1024], err[1024], *index;
	if (out_board_default_dir(u->st, dflt, sizeof dflt, err, sizeof err) != 0)
		dflt[0] = '\0';
	char *folder = ask_folder(u, "公示栏网页导出到文件夹", dflt);
	if (!folder)
		return;
	if (out_export_board(u->st, folder, &index, err, sizeof err) != 0) {
		ui_error(u, "%s", err);
	} else {
		ui_message(u, UA_OK, "已导出公示栏网页：%s（用浏览器打开，不需要网络）", index);
		free(index);
	}
	free(folder);
}

void ui_preview_minutes(struct ui *u, const char *meeting_id)
{
	struct doc d;
	char err[512];
	doc_init(&d, DOC_MINUTES);
	if (minutes_doc(u->st, meeting_id, &d, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_preview(u, &d);
	doc_free(&d);
}

void ui_preview_changes(struct ui *u, const char *entity, const char *id)
{
	struct doc d;
	char err[512];
	if (changes_doc(u->st, entity, id, &d, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_preview(u, &d);
	doc_free(&d);
}

int ui_preview_draft(struct ui *u, const struct notice *n, char *err, size_t errlen)
{
	struct doc d;
	int rc;
	doc_init(&d, DOC_NOTICE);
	rc = notice_doc_of(u->st, n, 1, &d, err, errlen);
	if (rc == 0)
		rc = ui_preview_ask(u, &d, "编号并张贴");
	doc_free(&d);
	return rc;
}

void ui_preview_notice(struct ui *u, const char *notice_id, int internal)
{
	struct doc d;
	char err[512];
	doc_init(&d, DOC_NOTICE);
	if (notice_doc(u->st, notice_id, !internal, &d, err, sizeof err) != 0)
		ui_error(u, "%s", err);
	else
		ui_preview(u, &d);
	doc_free(&d);
}

/* ---- the papers before a meeting ------------------------------------------------ */

enum { BF_ITEMS, BF_HOW, BF_COPIES, BF_PER_PAGE, BF_COUNT };

struct ballots_arg {
	const char *mid;
	int named, nitems;
	struct doc *d;
	struct ballot_opts asked, used;
};

/* the options read from the form and the ballots made (into a->d) */
static int ballots_submit(struct ui *u, struct form *fm, void *arg)
{
	static const int per_of[] = { 4, 2, 1 };
	struct ballots_arg *a = arg;
	struct ballot_opts o = { .separate = fm->f[BF_HOW].choice, .named = a->named };
	char err[400];

	for (int i = 0; i < a->nitems; i++)
		if (fm->f[BF_ITEMS].checked[i])
			o.items[o.nitems++] = i + 1;
	if (!a->named) {
		char *s = form_get_text(fm, BF_COPIES);
		int rc = parse_count_in(s, 1, BALLOT_MAX_COPIES, &o.copies, err, sizeof err);
		free(s);
		if (rc != 0) {
			ys_snprintf(fm->msg, sizeof fm->msg, "「份数」%s", err);
			fm->focus = BF_COPIES;
			return -1;
		}
		o.per_page = per_of[fm->f[BF_PER_PAGE].choice];
	}
	doc_free(a->d);
	if (ballots_doc(u->st, a->mid, &o, a->d, &a->used, err, sizeof err) != 0) {
		ys_strlcpy(fm->msg, err, sizeof fm->msg);
		return -1;
	}
	a->asked = o;
	return 0;
}

/* 表决票: which items, together or one to a ballot, how many, how many to
 * a page; named ballots are one per entitled person.  1 with the doc. */
static int ballots_paper(struct ui *u, const char *mid, int named, struct doc *d)
{
	static const char *const hows[] = { "各项印在同一张上", "每项单独一张" };
	static const char *const pers[] = { "4 张（带裁剪线）", "2 张（带裁剪线）", "1 张" };
	struct agenda_item items[BALLOT_MAX_ITEMS];
	const char *titles[BALLOT_MAX_ITEMS];
	char err[512], buf[16];
	struct meeting_state ms;
	int n = store_agenda_list(u->st, mid, items, BALLOT_MAX_ITEMS);

	if (n < 0 || ops_meeting_state(u->st, mid, &ms, err, sizeof err) != 0) {
		ui_error(u, "读取会议失败：%s", n < 0 ? store_errmsg(u->st) : err);
		for (int i = 0; i < n; i++)
			agenda_clear(&items[i]);
		return 0;
	}
	if (n == 0) {
		ui_error(u, "这次会议还没有议程，无从印制表决票。");
		return 0;
	}
	struct field f[BF_COUNT] = {
		[BF_ITEMS] = { .label = "表决事项", .type = FT_LIST, .required = 1, .items = titles,
		               .nitems = n, .hint = "Enter 勾选要印在表决票上的议程" },
		[BF_HOW] = { .label = "印法", .type = FT_CHOICE, .choices = hows, .nchoices = 2 },
		[BF_COPIES] = { .label = "份数", .type = FT_NUMBER, .required = 1, .maxchars = 5,
		                .min = 1, .max = BALLOT_MAX_COPIES,
		                .hint = "每种表决票印几张，默认为应到人数" },
		[BF_PER_PAGE] = { .label = "每页", .type = FT_CHOICE, .choices = pers, .nchoices = 3,
		                  .hint = "一页放不下时（议程多、标题长）自动减少，各张等分一页" },
	};
	for (int i = 0; i < n; i++) {
		titles[i] = items[i].title;
		/* the items still open are ticked */
		f[BF_ITEMS].checked[i] = items[i].outcome == OC_OPEN;
	}
	int nf = named ? BF_COPIES : BF_COUNT;
	if (named)
		f[BF_HOW].hint = "记名表决票：每位应到人员一张，印有姓名";
	struct ballots_arg ba = { .mid = mid, .named = named, .nitems = n, .d = d };
	struct form fm = { .title = named ? "记名表决票" : "表决票", .f = f, .n = nf, .save = "预览",
	                   .submit = ballots_submit, .arg = &ba };
	form_init(&fm);
	snprintf(buf, sizeof buf, "%d", ms.q.c.entitled > 0 ? ms.q.c.entitled : 1);
	if (!named)
		form_set_text(&fm, BF_COPIES, buf);
	int ok = form_run(u, &fm);
	if (ok && ba.asked.per_page > ba.used.per_page)
		ui_message(u, UA_WARN, "每张表决票有 %d 项议程，一页最多印 %d 张，已按每页 %d 张排版。",
		           ba.used.nitems, ba.used.per_page, ba.used.per_page);
	form_free(&fm);
	for (int i = 0; i < n; i++)
		agenda_clear(&items[i]);
	return ok;
}

/* 会议通知: the posted one again, or a form, the notice read as it will
 * print (with the warning when the meeting is too soon), and Enter there
 * numbers and posts it */
enum { MN_DATE, MN_BRING, MN_CONTACT, MN_PHONE, MN_ATTACH, MN_COUNT };
struct mnotice_arg {
	const char *mid;
	char posted[ID_LEN];
};

static int mnotice_submit(struct ui *u, struct form *fm, void *arg)
{
	struct mnotice_arg *a = arg;
	char *t[MN_COUNT], err[512], warn[512];
	struct notice n;
	int rc = -1;

	for (int i = 0; i < MN_COUNT; i++)
		t[i] = form_get_text(fm, i);
	struct meeting_notice_req rq = { .date = t[MN_DATE], .bring = t[MN_BRING],
	                                 .contact = t[MN_CONTACT], .phone = t[MN_PHONE],
	                                 .attach = t[MN_ATTACH] };
	if (ops_meeting_notice_draft(u->st, a->mid, &rq, &n, warn, sizeof warn, err, sizeof err) != 0) {
		ys_strlcpy(fm->msg, err, sizeof fm->msg);
		goto out;
	}
	if (warn[0])
		ui_message(u, UA_WARN, "%s", warn);
	int post = ui_preview_draft(u, &n, err, sizeof err);
	notice_clear(&n);
	if (post <= 0) {
		ys_strlcpy(fm->msg, post < 0 ? err : "尚未张贴：可修改后按 F10 再预览。", sizeof fm->msg);
		goto out;
	}
	if (ops_meeting_notice_new(u->st, a->mid, &rq, &n, err, sizeof err) != 0) {
		ys_strlcpy(fm->msg, err, sizeof fm->msg);
		goto out;
	}
	ui_message(u, warn[0] ? UA_WARN : UA_OK, "已张贴会议通知 %s「%s」，张贴至 %s。%s", n.doc_no,
	           n.title, n.end_date, warn);
	snprintf(a->posted, sizeof a->posted, "%s", n.id);
	notice_clear(&n);
	rc = 0;
out:
	for (int i = 0; i < MN_COUNT; i++)
		free(t[i]);
	return rc;
}

static void meeting_notice(struct ui *u, const char *mid)
{
	struct notice n;
	struct meeting m;
	char day[11];
	int rc = store_notice_for_meeting(u->st, mid, &n);

	if (rc < 0) {
		ui_error(u, "读取会议通知失败：%s", store_errmsg(u->st));
		return;
	}
	if (rc == 0) {
		/* posted already: the notice as posted, to print again */
		char id[ID_LEN];
		snprintf(id, sizeof id, "%s", n.id);
		notice_clear(&n);
		ui_preview_notice(u, id, 0);
		return;
	}
	memset(&m, 0, sizeof m);
	if (store_meeting_get(u->st, mid, &m) != 0) {
		ui_error(u, "读取会议失败：%s", store_errmsg(u->st));
		return;
	}
	struct field f[MN_COUNT] = {
		[MN_DATE] = { .label = "张贴日期", .type = FT_DATE, .required = 1,
		              .hint = "即成文日期；不晚于会议日期，太晚时会提醒提前通知的天数" },
		[MN_BRING] = { .label = "请携带", .type = FT_MULTI, .rows = 2, .maxchars = 400,
		               .hint = "可空，如：居民代表证、审议材料（会前已送达）" },
		[MN_CONTACT] = { .label = "联系人", .type = FT_TEXT, .maxchars = 20,
		                 .hint = "请假、咨询找谁；留空为会议的记录人" },
		[MN_PHONE] = { .label = "联系电话", .type = FT_TEXT, .maxchars = 20,
		               .hint = "留空为设置中的社区电话" },
		[MN_ATTACH] = { .label = "附件说明", .type = FT_MULTI, .rows = 2, .maxchars = 400,
		                .hint = "可空，如：1.停车位改建方案（草案）" },
	};
	struct mnotice_arg a = { .mid = mid };
	struct form fm = { .title = "会议通知", .f = f, .n = MN_COUNT, .submit = mnotice_submit,
	                   .arg = &a, .save = "预览" };
	form_init(&fm);
	ys_today(day);
	form_set_text(&fm, MN_DATE, day);
	form_set_text(&fm, MN_CONTACT, m.clerk_name);
	form_set_text(&fm, MN_PHONE, u->comm.phone);
	meeting_clear(&m);
	int ok = form_run(u, &fm);
	form_free(&fm);
	if (ok && a.posted[0])
		ui_preview_notice(u, a.posted, 0);
}

void ui_meeting_papers(struct ui *u, const char *meeting_id)
{
	static const char *const papers[] = {
		"会议通知（预览后可编号张贴到公示栏）",
		"签到表（按应到名单，另附列席人员签到表）",
		"表决票（无记名投票，几张一页，带裁剪线）",
		"记名表决票（每位应到人员一张，印有姓名）",
		"议程",
		"主持词（含法定人数和每项表决的规则）",
	};
	static const char *const sorts[] = { "按花名册编号", "按网格（网格内按编号）" };
	const char *methods[3];
	struct doc d;
	char err[512];
	int which = 0, sel = 0, rc = -1;

	if (!ui_choose(u, "会前材料：预览后可导出（x）、打印（P）", papers, (int)YS_ARRAY_LEN(papers),
	               &which))
		return;
	doc_init(&d, DOC_SIGNIN);
	switch (which - 1) {
	case -1:
		meeting_notice(u, meeting_id);
		rc = 1;
		break;
	case 0:
		if (ui_choose(u, "签到表的次序", sorts, 2, &sel))
			rc = signin_doc(u->st, meeting_id, sel ? SIGNIN_BY_GRID : SIGNIN_BY_NO, &d,
			                err, sizeof err);
		else
			rc = 1;
		break;
	case 1:
	case 2:
		rc = ballots_paper(u, meeting_id, which == 3, &d) ? 0 : 1;
		break;
	case 3:
		rc = agenda_doc(u->st, meeting_id, &d, err, sizeof err);
		break;
	default:
		for (int i = 0; i < 3; i++)
			methods[i] = vote_method_name(i);
		if (ui_choose(u, "主持词按哪种表决方式写", methods, 3, &sel))
			rc = script_doc(u->st, meeting_id, sel, &d, err, sizeof err);
		else
			rc = 1;
		break;
	}
	if (rc < 0)
		ui_error(u, "%s", err);
	else if (rc == 0)
		ui_preview(u, &d);
	doc_free(&d);
}
