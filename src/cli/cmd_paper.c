/* cmd_paper.c: export and print.  The documents are built here from the
 * numbers the clerk knows (meeting 2026-H-05, proposal 2026-017); where
 * and how they are written or printed is out/'s (out_export_*,
 * out_print_doc), the same functions the screens use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "base/util.h"
#include "out/output.h"
#include "paper/doc.h"
#include "paper/papers.h"
#include "ops/ops.h"
#include "store/store.h"

/* the options of the papers before a meeting */
struct paper_opts {
	int sort;                /* enum signin_sort */
	int method;              /* the 主持词's vote method */
	struct ballot_opts ballots;
	int year;                /* 大事记, 书记手记 */
};

/* decision|result (or the Chinese names) → enum notice_kind; 0 if unknown */
static int parse_kind(const char *k)
{
	if (!k || strcmp(k, "decision") == 0 || strcmp(k, "决议公开") == 0 || strcmp(k, "决议") == 0)
		return NK_DECISION;
	if (strcmp(k, "result") == 0 || strcmp(k, "实施结果公开") == 0 || strcmp(k, "结果") == 0)
		return NK_RESULT;
	return 0;
}

/* r from a lookup by number: 0 when found; otherwise what is missing (or
 * why it could not be read) on standard error, and 1 */
static int found(struct store *st, int r, const char *missing, const char *what,
                 const char *number)
{
	if (r == 0)
		return 0;
	if (r > 0)
		fprintf(stderr, "%s\n", missing);
	else
		fprintf(stderr, "读取%s %s 失败：%s\n", what, number, store_errmsg(st));
	return 1;
}

/* a document built by the paper layer, or why not; 0 or 1 */
static int built(int r, const char *what, const char *err, struct doc *d)
{
	if (r == 0)
		return 0;
	fprintf(stderr, "无法生成%s：%s\n", what, err);
	doc_free(d);
	return 1;
}

/* a meeting's number as typed, its letters made capitals: 2026-h-05 is
 * 2026-H-05 (numbers are made so) */
static const char *meeting_number(const char *typed, char *buf, size_t len)
{
	size_t i = 0;

	for (; typed && typed[i] && i + 1 < len; i++)
		buf[i] = typed[i] >= 'a' && typed[i] <= 'z' ? (char)(typed[i] - 'a' + 'A') : typed[i];
	buf[i] = '\0';
	return typed && typed[i] ? typed : buf;     /* too long for buf: as typed */
}

static int minutes(struct store *st, const char *typed, struct doc *d)
{
	char err[512], missing[256], nbuf[64];
	const char *number = meeting_number(typed, nbuf, sizeof nbuf);
	struct meeting m;
	int r;

	memset(&m, 0, sizeof m);
	snprintf(missing, sizeof missing, "没有编号为 %s 的会议（yishiting list meetings 可列出全部会议）。",
	         number);
	r = found(st, store_meeting_get_number(st, number, &m), missing, "会议", number);
	if (r == 0) {
		doc_init(d, DOC_MINUTES);
		r = built(minutes_doc(st, m.id, d, err, sizeof err), "会议记录", err, d);
	}
	meeting_clear(&m);
	return r;
}

static int notice(struct store *st, const char *number, int kind, int internal, struct doc *d)
{
	char err[512], missing[256];
	struct proposal p;
	struct notice n;
	int r;

	memset(&p, 0, sizeof p);
	memset(&n, 0, sizeof n);
	snprintf(missing, sizeof missing, "没有编号为 %s 的议题（yishiting list proposals 可列出全部议题）。",
	         number);
	r = found(st, store_proposal_get_number(st, number, &p), missing, "议题", number);
	if (r == 0) {
		snprintf(missing, sizeof missing, "议题 %s 还没有%s的公示。", number,
		         kind == NK_RESULT ? "实施结果公开" : "决议公开");
		r = found(st, store_notice_for(st, p.id, kind, &n), missing, "议题的公示", number);
	}
	if (r == 0) {
		doc_init(d, DOC_NOTICE);
		r = built(notice_doc(st, n.id, !internal, d, err, sizeof err), "公示", err, d);
	}
	notice_clear(&n);
	proposal_clear(&p);
	return r;
}

/* a proposal's dossier (一事一档) */
static int dossier(struct store *st, const char *number, struct doc *d)
{
	char err[512], missing[256];
	struct proposal p;
	int r;

	memset(&p, 0, sizeof p);
	snprintf(missing, sizeof missing, "没有编号为 %s 的议题（yishiting list proposals 可列出全部议题）。",
	         number);
	r = found(st, store_proposal_get_number(st, number, &p), missing, "议题", number);
	if (r == 0)
		r = built(dossier_doc(st, p.id, d, err, sizeof err), "一事一档", err, d);
	proposal_clear(&p);
	return r;
}

/* a paper for a meeting (签到表, 表决票, 议程, 主持词) by the options */
static int meeting_paper(struct store *st, const struct cli_args *a, const struct paper_opts *po,
                         struct doc *d)
{
	char err[512], missing[256], nbuf[64];
	const char *number = meeting_number(a->opt[OPT_MEETING], nbuf, sizeof nbuf);
	const char *sub = a->cmd->sub;
	struct meeting m;
	int r;

	memset(&m, 0, sizeof m);
	snprintf(missing, sizeof missing, "没有编号为 %s 的会议（yishiting list meetings 可列出全部会议）。",
	         number);
	r = found(st, store_meeting_get_number(st, number, &m), missing, "会议", number);
	if (r == 0 && strcmp(sub, "meeting-notice") == 0) {
		/* the notice as posted, else as it would be posted today */
		struct notice n;
		char warn[768];
		int got = store_notice_for_meeting(st, m.id, &n);
		if (got < 0) {
			r = found(st, got, "", "会议通知", number);
		} else if (got == 0) {
			r = built(notice_doc(st, n.id, 1, d, err, sizeof err), "会议通知", err, d);
			notice_clear(&n);
		} else if (ops_meeting_notice_draft(st, m.id, NULL, &n, warn, sizeof warn, err,
		                                    sizeof err) != 0) {
			r = built(-1, "会议通知", err, d);
		} else {
			if (warn[0])
				fprintf(stderr, "提醒：%s\n", warn);
			fprintf(stderr, "会议通知尚未张贴（在会议界面按 m 预览后张贴，张贴时编定文号）。\n");
			r = built(notice_doc_of(st, &n, 1, d, err, sizeof err), "会议通知", err, d);
			notice_clear(&n);
		}
	} else if (r == 0 && strcmp(sub, "signin") == 0) {
		r = built(signin_doc(st, m.id, po->sort, d, err, sizeof err), "签到表", err, d);
	} else if (r == 0 && strcmp(sub, "ballots") == 0) {
		struct ballot_opts used;
		r = built(ballots_doc(st, m.id, &po->ballots, d, &used, err, sizeof err), "表决票", err, d);
		if (r == 0 && po->ballots.per_page > used.per_page)
			fprintf(stderr, "每张表决票有 %d 项议程，一页最多印 %d 张，已按每页 %d 张印制。\n",
			        used.nitems, used.per_page, used.per_page);
	} else if (r == 0 && strcmp(sub, "agenda") == 0) {
		r = built(agenda_doc(st, m.id, d, err, sizeof err), "议程", err, d);
	} else if (r == 0) {
		r = built(script_doc(st, m.id, po->method, d, err, sizeof err), "主持词", err, d);
	}
	meeting_clear(&m);
	return r;
}

/* the options of the meeting papers, checked before the database is
 * opened: 0, or the exit status of a usage error */
static int paper_opts_of(const struct cli_args *a, struct paper_opts *po)
{
	const char *s;
	char *end;
	long v;

	memset(po, 0, sizeof *po);
	if ((s = a->opt[OPT_SORT]) && strcmp(s, "number") != 0 && strcmp(s, "grid") != 0)
		return cli_usage_error(a->cmd, "--sort 只能是 number（按编号）或 grid（按网格），不认识「%s」。", s);
	po->sort = s && strcmp(s, "grid") == 0 ? SIGNIN_BY_GRID : SIGNIN_BY_NO;
	if ((s = a->opt[OPT_METHOD])) {
		static const char *const names[] = { "hands", "secret", "rollcall" };
		po->method = -1;
		for (int i = 0; i < 3; i++)
			if (strcmp(s, names[i]) == 0)
				po->method = i;
		if (po->method < 0)
			return cli_usage_error(a->cmd, "--method 只能是 hands（举手）、secret（无记名投票）或 "
			                       "rollcall（记名表决），不认识「%s」。", s);
	}
	if ((s = a->opt[OPT_COPIES])) {
		v = strtol(s, &end, 10);
		if (end == s || *end || v < 1 || v > BALLOT_MAX_COPIES)
			return cli_usage_error(a->cmd, "--copies 应为 1 至 %d 的整数，不是「%s」。",
			                       BALLOT_MAX_COPIES, s);
		po->ballots.copies = (int)v;
	}
	if ((s = a->opt[OPT_PER_PAGE])) {
		v = strtol(s, &end, 10);
		if (end == s || *end || (v != 1 && v != 2 && v != 4))
			return cli_usage_error(a->cmd, "--per-page 只能是 1、2 或 4，不是「%s」。", s);
		po->ballots.per_page = (int)v;
	}
	for (s = a->opt[OPT_ITEMS]; s && *s;) {
		v = strtol(s, &end, 10);
		if (end == s || v < 1 || v > 999 || (*end && *end != ',') ||
		    po->ballots.nitems >= BALLOT_MAX_ITEMS)
			return cli_usage_error(a->cmd, "--items 写议程的序号，用逗号分隔（如 1,3），最多 %d 项；"
			                       "不认识「%s」。", BALLOT_MAX_ITEMS, a->opt[OPT_ITEMS]);
		po->ballots.items[po->ballots.nitems++] = (int)v;
		s = *end ? end + 1 : end;
	}
	if ((s = a->opt[OPT_YEAR])) {
		v = strtol(s, &end, 10);
		if (end == s || *end || v < 1900 || v > 9999)
			return cli_usage_error(a->cmd, "--year 应为四位数的年份，如 2026，不是「%s」。", s);
		po->year = (int)v;
	}
	po->ballots.separate = a->opt[OPT_SEPARATE] != NULL;
	po->ballots.named = a->opt[OPT_NAMED] != NULL;
	if (po->ballots.named && a->opt[OPT_COPIES])
		return cli_usage_error(a->cmd, "--named 给每位应到人员印一张，不能再指定 --copies。");
	return 0;
}

/* the --kind given, checked before the database is opened; 0 after a
 * usage error */
static int kind_of(const struct cli_args *a)
{
	int kind = parse_kind(a->opt[OPT_KIND]);
	if (!kind)
		cli_usage_error(a->cmd, "--kind 只能是 decision（决议公开）或 result（实施结果公开），不认识「%s」。",
		                a->opt[OPT_KIND]);
	return kind;
}

/* the minutes or the notice the options name, into d: 0, or 1 after
 * saying why (d is then empty) */
static int build_doc(struct store *st, const struct cli_args *a, int kind,
                     const struct paper_opts *po, struct doc *d)
{
	char err[512];

	if (strcmp(a->cmd->sub, "chronicle") == 0)
		return built(chronicle_doc(st, po->year, d, err, sizeof err), "大事记", err, d);
	if (strcmp(a->cmd->sub, "notes") == 0)
		return built(notes_doc(st, po->year, d, err, sizeof err), "书记手记", err, d);
	if (strcmp(a->cmd->sub, "minutes") == 0)
		return minutes(st, a->opt[OPT_MEETING], d);
	if (strcmp(a->cmd->sub, "notice") == 0)
		return notice(st, a->opt[OPT_PROPOSAL], kind, a->opt[OPT_INTERNAL] != NULL, d);
	if (strcmp(a->cmd->sub, "dossier") == 0)
		return dossier(st, a->opt[OPT_PROPOSAL], d);
	return meeting_paper(st, a, po, d);
}

/* the database opened and the document the options name built: 0 (close
 * the store and free the doc afterwards), or the exit status after saying
 * why not */
static int open_doc(const struct cli_args *a, struct store **st, struct doc *d)
{
	int kind = NK_DECISION, rc;
	struct paper_opts po;

	if (strcmp(a->cmd->sub, "notice") == 0 && !(kind = kind_of(a)))
		return 2;
	if ((rc = paper_opts_of(a, &po)) != 0)
		return rc;
	*st = cli_open_existing(a->opt[OPT_DB]);
	if (!*st)
		return 1;
	rc = build_doc(*st, a, kind, &po, d);
	if (rc != 0) {
		store_close(*st);
		*st = NULL;
	}
	return rc;
}

/* an output's result: what was written (what, then the path; the path is
 * freed), or why not on standard error.  The exit status: 0 or 1. */
static int written(int rc, const char *what, char *path, const char *err)
{
	if (rc != 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	printf("%s%s\n", what, path);
	free(path);
	return 0;
}

int cmd_export_doc(const struct cli_args *a)
{
	const char *fmt = a->opt[OPT_FORMAT], *out = a->opt[OPT_OUTPUT];
	int format = OF_PDF;
	char err[1024];

	if (fmt) {
		format = out_format_parse(fmt);
		if (format != OF_PDF && format != OF_HTML && format != OF_TXT)
			return cli_usage_error(a->cmd, "--format 只能是 pdf、html 或 txt，不认识「%s」。", fmt);
	} else if (out) {
		/* the format follows the file's name when not given */
		int f = out_format_of_name(out);
		if (f == OF_PDF || f == OF_HTML || f == OF_TXT)
			format = f;
	}
	if (a->opt[OPT_GB18030] && format == OF_PDF)
		return cli_usage_error(a->cmd, "PDF 自带字体，不需要 --gb18030；--gb18030 用于 txt 和 html。");
	struct store *st;
	struct doc d;
	char *path = NULL;
	int rc = open_doc(a, &st, &d);
	if (rc != 0)
		return rc;
	rc = out_export_doc(st, &d, format, a->opt[OPT_GB18030] != NULL, out, OUT_AUTO,
	                    &path, err, sizeof err);
	rc = written(rc, "已导出：", path, err);
	doc_free(&d);
	store_close(st);
	return rc;
}

int cmd_export_decisions(const struct cli_args *a)
{
	const char *out = a->opt[OPT_OUTPUT];
	int gb = a->opt[OPT_GB18030] != NULL;
	char err[1024];
	int format = out_format_parse(a->opt[OPT_FORMAT]);
	if (format != OF_CSV && format != OF_JSON)
		return cli_usage_error(a->cmd, "决议数据的 --format 只能是 csv 或 json，不认识「%s」。",
		                       a->opt[OPT_FORMAT]);
	if (gb && format == OF_JSON)
		return cli_usage_error(a->cmd, "JSON 总是 UTF-8 编码；--gb18030 只用于 csv。");
	struct store *st = cli_open_existing(a->opt[OPT_DB]);
	if (!st)
		return 1;
	int rc = 0;
	if (!out || strcmp(out, "-") == 0) {
		/* data for another program: standard output */
		if (out_decisions(st, format, gb, stdout, err, sizeof err) != 0) {
			fprintf(stderr, "导出失败：%s\n", err);
			rc = 1;
		}
	} else {
		char *path = NULL;
		rc = out_export_decisions(st, format, gb, out, OUT_AUTO, &path, err, sizeof err);
		rc = written(rc, "已导出：", path, err);
	}
	store_close(st);
	return rc;
}

int cmd_export_board(const struct cli_args *a)
{
	char err[1024], *index;
	struct store *st = cli_open_existing(a->opt[OPT_DB]);
	if (!st)
		return 1;
	index = NULL;
	int rc = out_export_board(st, a->opt[OPT_OUTPUT], &index, err, sizeof err);
	rc = written(rc, "已导出公示栏网页（用浏览器打开，不需要网络）：", index, err);
	store_close(st);
	return rc;
}

int cmd_print(const struct cli_args *a)
{
	char err[1024], job[512];
	struct store *st;
	struct doc d;
	int rc = open_doc(a, &st, &d);

	if (rc != 0)
		return rc;
	if (out_print_doc(st, &d, a->opt[OPT_PRINTER], job, sizeof job, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		rc = 1;
	} else {
		printf("%s\n", job);
	}
	doc_free(&d);
	store_close(st);
	return rc;
}
