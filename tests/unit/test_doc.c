/* test_doc.c: documents from a real (temporary) database built through the
 * ops layer: the minutes of a meeting with every field a 会议记录 must carry, in
 * order, from the meeting's own snapshots; sealed minutes with their digest
 * and an addendum; notices (§6) in their public and internal versions; the
 * text renderer's Chinese line-breaking and the HTML renderer's escaping;
 * tables and cut lines in text and HTML. */
#include <stdlib.h>

#include "t.h"
#include "fixture.h"
#include "base/clock.h"
#include "model/core.h"
#include "paper/doc.h"
#include "ops/ops.h"
#include "store/store.h"
#include "base/text.h"
#include "base/util.h"

static struct store *st;
static char err[512];

/* the roster */
enum {
	P_SECRETARY,              /* 张书记: 党组织委员 + 党员 */
	P_DIRECTOR,               /* 李主任: 居委会委员 + 党员 */
	P_MEMBER,                 /* 王委员: 居委会委员 */
	P_PARTY1,                 /* 4 党员 */
	P_HOUSE = P_PARTY1 + 4,   /* 5 户代表 */
	P_CLERK = P_HOUSE + 5,    /* 赵记录 */
	P_COUNT
};
static const struct fx_group roster[] = {
	{ "张书记", ROLE_PARTY_CMTE | ROLE_PARTY, 1 },
	{ "李主任", ROLE_RES_CMTE | ROLE_PARTY, 1 },
	{ "王委员", ROLE_RES_CMTE, 1 },
	{ "党员", ROLE_PARTY, 4 },
	{ "户代表", ROLE_HOUSEHOLD, 5 },
	{ "赵记录", ROLE_OTHER, 1 },
};

static void test_open(void)
{
	CHECK_INT(fx_db_temp("doc"), 0);
	st = fx_db_open(err, sizeof err);
	CHECK(st != NULL);
}

static void test_people(void)
{
	struct community com;

	memset(&com, 0, sizeof com);
	snprintf(com.name, sizeof com.name, "军门社区");
	snprintf(com.party_org, sizeof com.party_org, "中共军门社区委员会");
	snprintf(com.committee, sizeof com.committee, "军门社区居民委员会");
	snprintf(com.street, sizeof com.street, "鼓楼街道");
	snprintf(com.phone, sizeof com.phone, "0591-87654321");
	CHECK_INT(store_community_set(st, &com), 0);

	CHECK_INT(fx_people(roster, YS_ARRAY_LEN(roster), "139-5000-", 1200), P_COUNT);
	for (int i = 0; i < P_COUNT; i++)
		CHECK(fx_id(i)[0] != '\0');
}

static int new_proposal(const char *title, char out_id[ID_LEN])
{
	return fx_proposal(title, NULL, P_HOUSE, out_id, NULL);
}

static int new_meeting(int kind, const char *title, const char *const *pids, int n,
                       char mid[ID_LEN])
{
	struct meeting m;
	int rc;

	fx_meeting_fill(&m, kind, "2026-11-22", "13:30", P_CLERK);
	if (title)
		ys_strlcpy(m.title, title, sizeof m.title);
	rc = fx_meeting_new(&m, pids, n, NULL, 0, mid);
	if (rc != 0)
		printf("  meeting: %s\n", err);
	meeting_clear(&m);
	return rc;
}

static int say(const char *mid, int who, const char *text)
{
	struct minute mi;

	memset(&mi, 0, sizeof mi);
	ys_strlcpy(mi.meeting_id, mid, sizeof mi.meeting_id);
	ys_strlcpy(mi.speaker_id, fx_id(who), sizeof mi.speaker_id);
	ys_strlcpy(mi.speaker, fx_name(who), sizeof mi.speaker);
	mi.text = (char *)text;
	if (ops_minute_add(st, &mi, err, sizeof err) != 0) {
		printf("  minute: %s\n", err);
		return -1;
	}
	return 0;
}

/* a meeting that votes a proposal through: everybody entitled present */
static int pass_meeting(int kind, const char *prop, int first, int count, char mid[ID_LEN])
{
	const char *ids[1] = { prop };
	struct close_req fwd = { .outcome = OC_FORWARD, .decision = "同意，转入下一步" };

	if (new_meeting(kind, NULL, ids, 1, mid) != 0)
		return -1;
	return fx_pass(mid, first, count, &fwd);
}

/* ---- checks on rendered text -------------------------------------------- */

/* no line starts (after its indentation) with closing punctuation, and no
 * line is wider than cols */
static int lines_ok(const char *txt, int cols)
{
	static const char *const bad[] = {
		"。", "，", "、", "；", "：", "？", "！", "）", "」", "』", "】", "》",
	};
	const char *p = txt;
	int ok = 1;

	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *line = xmalloc(n + 1), *s;

		memcpy(line, p, n);
		line[n] = '\0';
		for (s = line; *s == ' '; s++)
			;
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
			if (strncmp(s, bad[i], strlen(bad[i])) == 0) {
				printf("  line starts with %s: \"%s\"\n", bad[i], line);
				ok = 0;
			}
		if (text_width(line) > cols) {
			printf("  line wider than %d: \"%s\"\n", cols, line);
			ok = 0;
		}
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
	return ok;
}

/* every needle appears, each after the one before */
static int in_order(const char *hay, const char *const *needles, size_t n)
{
	const char *from = hay;
	int ok = 1;

	for (size_t i = 0; i < n; i++) {
		const char *at = strstr(from, needles[i]);
		if (!at) {
			printf("  \"%s\" missing%s\n", needles[i],
			       strstr(hay, needles[i]) ? " after the one before" : "");
			ok = 0;
			continue;
		}
		from = at + strlen(needles[i]);
	}
	return ok;
}

/* YS_TEST_DUMP=1 prints every rendered text, YS_TEST_DUMP=2 every HTML
 * page, to look at them */
static char *txt_of(const struct doc *d, int cols)
{
	struct strbuf sb = {0};
	const char *dump = getenv("YS_TEST_DUMP");

	render_txt(d, cols, &sb);
	if (dump && *dump == '1')
		printf("---- %s (%d columns)\n%s----\n", d->title ? d->title : "", cols, sb.s);
	return sb_steal(&sb);
}

static void html_of(const struct doc *d, struct strbuf *h)
{
	const char *dump = getenv("YS_TEST_DUMP");

	render_html(d, h);
	if (dump && *dump == '2')
		printf("---- %s (HTML)\n%s----\n", d->title ? d->title : "", h->s);
}

/* ---- the minutes --------------------------------------------------------- */

static char lw_mid[ID_LEN];      /* the 两委联席会议 of test_minutes */
static char lw_prop[ID_LEN];

static const char long_speech[] =
	"经过走访，3栋共有住户二十四户，其中同意加装电梯的二十一户，"
	"反对的一户，未表态的两户。低层住户担心采光、噪音和出行不便，"
	"高层住户希望尽快开工。建议：一、请设计单位出具两套方案；"
	"二、费用按楼层分摊，一楼、二楼不出资；三、施工期间做好安全防护，"
	"避免影响居民出行！大家还有什么意见？（请在会后一周内反馈。）";

static void test_minutes(void)
{
	const char *ids[1];
	char aid[ID_LEN], *txt;
	struct vote v;
	struct vote_req rq = { .method = VM_HANDS, .yes = 2 };
	struct close_req fwd = { .outcome = OC_FORWARD, .decision = "同意提交党员大会审议",
	                         .responsible = "李主任", .deadline = "2026-12-01" };
	struct doc d;

	CHECK_INT(new_proposal("3栋加装电梯", lw_prop), 0);
	ids[0] = lw_prop;
	CHECK_INT(new_meeting(MK_LIANGWEI, NULL, ids, 1, lw_mid), 0);
	CHECK_INT(fx_agenda(lw_mid, 1, aid), 0);
	CHECK_INT(ops_meeting_open(st, lw_mid, NULL, err, sizeof err), 0);
	CHECK_INT(fx_attend(lw_mid, P_SECRETARY, ATT_PRESENT, NULL), 0);
	CHECK_INT(fx_attend(lw_mid, P_DIRECTOR, ATT_PRESENT, NULL), 0);
	CHECK_INT(fx_attend(lw_mid, P_MEMBER, ATT_LEAVE, "外出参加街道培训"), 0);
	CHECK_INT(ops_observer(st, lw_mid, NULL, "物业孙经理", err, sizeof err), 0);

	/* an unfinished meeting: a preview that says so */
	CHECK_INT(minutes_doc(st, lw_mid, &d, err, sizeof err), 0);
	txt = txt_of(&d, 72);
	CHECK_CONTAINS(txt, "预览");
	CHECK_CONTAINS(txt, "尚未散会");
	CHECK(d.footer == NULL);
	free(txt);
	doc_free(&d);

	CHECK_INT(say(lw_mid, P_SECRETARY, "今天商议3栋加装电梯。\n第一，听取网格员走访情况；\n第二，讨论初步方案。"), 0);
	CHECK_INT(say(lw_mid, P_DIRECTOR, long_speech), 0);
	CHECK_INT(ops_vote(st, lw_mid, aid, &rq, &v, err, sizeof err), 0);
	CHECK_INT(ops_item_close(st, lw_mid, aid, &fwd, err, sizeof err), 0);
	CHECK_INT(store_meeting_set_pending(st, lw_mid, "电梯费用分摊比例待下次会议确定"), 0);
	CHECK_INT(ops_meeting_close(st, lw_mid, 0, NULL, err, sizeof err), 0);

	/* later edits never change the printed record: rename a person and
	 * edit the rule set the vote used */
	struct person p;
	CHECK_INT(store_person_get(st, fx_id(P_DIRECTOR), &p), 0);
	snprintf(p.name, sizeof p.name, "李新名");
	CHECK_INT(ops_person_save(st, &p, err, sizeof err), 0);
	struct rule_set r;
	CHECK_INT(store_rule_get_code(st, "LIANGWEI", &r), 0);
	char old_rule[96];
	ys_strlcpy(old_rule, r.name, sizeof old_rule);
	snprintf(r.name, sizeof r.name, "改过的规则");
	CHECK_INT(store_rule_update(st, &r, "测试"), 0);

	CHECK_INT(minutes_doc(st, lw_mid, &d, err, sizeof err), 0);
	CHECK(d.kind == DOC_MINUTES);
	CHECK(d.title != NULL && strstr(d.title, "两委联席会议记录") != NULL);
	CHECK(d.number != NULL && d.number[0] != '\0');
	CHECK(d.footer == NULL);
	for (int cols = 40; cols <= 100; cols += 30) {
		txt = txt_of(&d, cols);
		CHECK(lines_ok(txt, cols));
		free(txt);
	}
	txt = txt_of(&d, 72);
	static const char *const fields[] = {
		"会议名称：", "会议类型：两委联席会议", "日期：2026年11月22日", "起止时间：14:05 至 14:05",
		"地点：社区党群服务中心", "主持人：张书记（社区党委书记）", "记录人：赵记录",
		"应到人数：3 人", "实到人数：2 人", "出席名单：张书记、李主任",
		"缺席人员及原因：王委员（请假：外出参加街道培训）", "列席人员：物业孙经理",
		"议题：3栋加装电梯", "议程：", "发言摘要",
		"今天商议3栋加装电梯。", "第一，听取网格员走访情况；", "第二，讨论初步方案。",
		"表决方式：举手表决", "赞成 2 票", "反对 0 票", "弃权 0 票", "未表决 0 人",
		"法定人数：", "表决结果：赞成 2 票", "表决规则：", "结论：通过",
		"决定事项：同意提交党员大会审议", "责任人：李主任", "时限：2026年12月1日",
		"遗留问题", "电梯费用分摊比例待下次会议确定", "散会",
		"主持人（签字）：", "记录人（签字）：", "参会人员（签字）：",
		"尚未签字确认",
	};
	CHECK(in_order(txt, fields, sizeof fields / sizeof fields[0]));
	/* the speaker and time of a speech */
	CHECK_CONTAINS(txt, "14:05 张书记：");
	/* the multi-line entry keeps its lines, each under the text */
	CHECK_CONTAINS(txt, "今天商议3栋加装电梯。\n");
	/* the snapshot, not the current rule and roster */
	CHECK_CONTAINS(txt, old_rule);
	CHECK(strstr(txt, "改过的规则") == NULL);
	CHECK(strstr(txt, "李新名") == NULL);
	CHECK_CONTAINS(txt, "散会（14:05）");
	/* the proposal's number in the agenda */
	struct proposal pr;
	CHECK_INT(store_proposal_get(st, lw_prop, &pr), 0);
	CHECK_CONTAINS(txt, pr.number);
	proposal_clear(&pr);
	/* roster phones never reach the minutes */
	for (int i = 0; i < P_COUNT; i++)
		CHECK(strstr(txt, fx_person(i)->phone) == NULL);
	free(txt);

	/* the same doc as HTML */
	struct strbuf h = {0};
	html_of(&d, &h);
	CHECK_CONTAINS(h.s, "<!DOCTYPE html>");
	CHECK_CONTAINS(h.s, "<meta charset=\"utf-8\">");
	CHECK_CONTAINS(h.s, "lang=\"zh-CN\"");
	CHECK_CONTAINS(h.s, "外出参加街道培训");
	CHECK_CONTAINS(h.s, "@page");
	CHECK(strstr(h.s, "http://") == NULL && strstr(h.s, "https://") == NULL);
	CHECK(strstr(h.s, "<script") == NULL && strstr(h.s, "<link") == NULL);
	sb_free(&h);
	doc_free(&d);

	/* a meeting that does not exist */
	CHECK_INT(minutes_doc(st, "00000000-0000-0000-0000-000000000000", &d, err, sizeof err), -1);
	CHECK(err[0] != '\0');
	doc_free(&d);
}

/* a recount and a 退回 in the minutes: every round with its reason, the
 * step it went back to */
static void test_rounds_and_exit(void)
{
	const char *ids[1];
	char prop[ID_LEN], mid[ID_LEN], aid[ID_LEN], *txt;
	struct vote v1, v2;
	struct vote_req rq = { .method = VM_HANDS, .yes = 3, .no = 2, .abstain = 1 };
	struct close_req ret = { .outcome = OC_RETURN, .to_step = STEP_PROPOSE,
	                         .reason = "方案需补充费用测算" };
	struct doc d;

	CHECK_INT(new_proposal("2号楼外墙保温", prop), 0);
	CHECK_INT(pass_meeting(MK_LIANGWEI, prop, P_SECRETARY, 3, mid), 0);
	ids[0] = prop;
	CHECK_INT(new_meeting(MK_PARTY, NULL, ids, 1, mid), 0);

	/* planned: a preview that says so */
	CHECK_INT(minutes_doc(st, mid, &d, err, sizeof err), 0);
	txt = txt_of(&d, 80);
	CHECK_CONTAINS(txt, "会议尚未开始");
	free(txt);
	doc_free(&d);

	CHECK_INT(fx_agenda(mid, 1, aid), 0);
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
	CHECK_INT(fx_attend(mid, P_SECRETARY, ATT_PRESENT, NULL), 0);
	CHECK_INT(fx_attend(mid, P_DIRECTOR, ATT_PRESENT, NULL), 0);
	for (int i = P_PARTY1; i < P_HOUSE; i++)
		CHECK_INT(fx_attend(mid, i, ATT_PRESENT, NULL), 0);
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v1, err, sizeof err), 0);
	CHECK_INT(v1.passed, 0);
	rq.yes = 2;
	rq.no = 3;
	rq.supersedes = v1.id;
	rq.reason = "计票人将反对票误记为赞成票";
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v2, err, sizeof err), 0);
	CHECK_INT(ops_item_close(st, mid, aid, &ret, err, sizeof err), 0);
	CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), 0);

	CHECK_INT(minutes_doc(st, mid, &d, err, sizeof err), 0);
	txt = txt_of(&d, 100);
	CHECK(lines_ok(txt, 100));
	static const char *const order[] = {
		"出席名单：张书记、李新名、党员1、党员2、党员3、党员4", "缺席人员及原因：无",
		"第 1 轮表决", "赞成 3 票，反对 2 票，弃权 1 票，未表决 0 人", "未通过",
		"第 2 轮表决", "重新计票，更正第 1 轮结果；理由：计票人将反对票误记为赞成票",
		"赞成 2 票，反对 3 票，弃权 1 票", "未通过",
		"结论：退回至提议。理由：方案需补充费用测算", "决定事项：无", "散会",
	};
	CHECK(in_order(txt, order, sizeof order / sizeof order[0]));
	free(txt);
	doc_free(&d);
}

/* sealed minutes: the digest on every page (the footer), addenda after */
static void test_sealed(void)
{
	struct seal s;
	struct doc d;
	char *txt, *foot;

	memset(&s, 0, sizeof s);
	CHECK_INT(ops_seal(st, lw_mid, NULL, &s, err, sizeof err), 0);
	CHECK_INT(ops_addendum(st, lw_mid, "记录人笔误", "第二项发言人应为李主任，特此更正。",
	                       err, sizeof err), 0);
	CHECK_INT(minutes_doc(st, lw_mid, &d, err, sizeof err), 0);
	foot = xasprintf("签字确认 %.16s  SM3 %s", s.signed_at, s.sm3);
	CHECK_STR(d.footer, foot);
	txt = txt_of(&d, 80);
	CHECK(lines_ok(txt, 80));
	CHECK(strstr(txt, "尚未签字确认") == NULL);
	static const char *const order[] = {
		"散会", "主持人（签字）：", "更正", "记录人笔误", "第二项发言人应为李主任", "SM3",
	};
	CHECK(in_order(txt, order, sizeof order / sizeof order[0]));
	CHECK_CONTAINS(txt, s.sm3);
	/* the digest in the HTML page's footer, repeated on every printed page */
	struct strbuf h = {0};
	html_of(&d, &h);
	CHECK_CONTAINS(h.s, "<tfoot>");
	CHECK_CONTAINS(h.s, foot);
	sb_free(&h);
	free(foot);
	free(txt);
	doc_free(&d);
}

/* HTML escapes everything the clerk typed */
static void test_html_escape(void)
{
	const char *ids[1];
	char prop[ID_LEN], mid[ID_LEN];
	struct doc d;
	struct strbuf h = {0};

	CHECK_INT(new_proposal("<script>alert(1)</script> & \"引号\" 'x'", prop), 0);
	ids[0] = prop;
	CHECK_INT(new_meeting(MK_CONSULT, "<script>alert(2)</script>议事会 & \"协商\"", ids, 1, mid), 0);
	CHECK_INT(minutes_doc(st, mid, &d, err, sizeof err), 0);
	html_of(&d, &h);
	CHECK(strstr(h.s, "<script") == NULL);
	CHECK(strstr(h.s, "alert(1)</script>") == NULL);
	CHECK_CONTAINS(h.s, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot; &#39;x&#39;");
	CHECK_CONTAINS(h.s, "<title>&lt;script&gt;alert(2)&lt;/script&gt;议事会 &amp; &quot;协商&quot;");
	sb_free(&h);
	doc_free(&d);

	/* html_escape on its own, with invalid UTF-8 and a control character */
	html_escape("a<b>&\"'\x01\xff中", &h);
	CHECK_STR(h.s, "a&lt;b&gt;&amp;&quot;&#39;\xef\xbf\xbd中");
	sb_free(&h);
	/* the bidirectional controls are dropped: 「\u202E0051元」 would show
	 * as 「元1500」 */
	html_escape("补偿\u202E0051元\u202C\u2067x\u2069\u200E", &h);
	CHECK_STR(h.s, "补偿0051元x");
	sb_free(&h);
}

/* the renderers on a hand-made doc */
static void test_render_txt(void)
{
	struct doc d;
	char *txt;

	doc_init(&d, DOC_NOTICE);
	doc_add(&d, B_TITLE, NULL, "关于3栋加装电梯的公示");
	doc_addf(&d, B_SUBTITLE, NULL, "〔%d〕%d号", 2026, 3);
	doc_add(&d, B_FIELD, "地点", "社区党群服务中心二楼会议室，会议由社区党委书记主持，居委会主任作说明。");
	doc_add(&d, B_PARA, NULL, "第一段。\n第二段，较长的一段文字需要折行，折行时不能把句号、逗号放在行首。");
	doc_add(&d, B_RIGHT, NULL, "军门社区居民委员会");
	doc_add(&d, B_RIGHT, NULL, "2026年11月22日");
	doc_add(&d, B_SIGN, "主持人（签字）", "");
	doc_add(&d, B_PAGEBREAK, NULL, "");
	doc_add(&d, B_CENTER, NULL, "散会");
	d.footer = xstrdup("签字确认 2026-11-22 20:15  SM3 abc");
	txt = txt_of(&d, 30);
	CHECK(lines_ok(txt, 30));
	/* the title centred: (30 - 21) / 2 spaces */
	CHECK(strncmp(txt, "    关于3栋加装电梯的公示\n", strlen("    关于3栋加装电梯的公示\n")) == 0);
	/* the 落款 (GB/T 9704): the date (14 columns) 右空四字, 8 columns from
	 * the right edge; the 署名 (18 columns) centred on it: 6 from the edge */
	CHECK_CONTAINS(txt, "\n      军门社区居民委员会\n        2026年11月22日\n");
	/* a field's continuation lines stand under its text (6 columns) */
	CHECK_CONTAINS(txt, "地点：社区党群服务中心二楼会议\n      室，会议");
	/* paragraphs indented two characters */
	CHECK_CONTAINS(txt, "\n    第一段。\n    第二段");
	CHECK_CONTAINS(txt, "主持人（签字）：______");
	CHECK_CONTAINS(txt, "\f\n");
	/* the footer at the end */
	CHECK_CONTAINS(txt, "\n\n签字确认 2026-11-22 20:15");
	CHECK(strlen(txt) > 4 && strcmp(txt + strlen(txt) - 4, "abc\n") == 0);
	free(txt);
	doc_free(&d);
}

/* ---- tables ------------------------------------------------------------- */

static const char *const tab_head[] = { "序号", "姓名", "身份/职务", "网格/楼栋", "签名", "备注" };
static const int tab_colw[] = { 6, 16, 22, 18, 26, 12 };
static const char long_note[] = "因出差委托家属代签，已电话核实，另附委托书一份";

/* a sign-in sheet's table: three rows, one with a note longer than its
 * column, one with fewer cells than columns and markup in a cell, then a
 * cut line */
static void build_table(struct doc *d)
{
	const char *r1[] = { "1", "居民001", "居民代表", "3号楼2单元", "", "" };
	const char *r2[] = { "2", "居民002", "楼栋长", "5号楼1单元", "", long_note };
	const char *r3[] = { "120", "欧阳明华", "<b>&", "12号楼3单元" };

	doc_init(d, DOC_SIGNIN);
	d->title = xstrdup("签到表");
	doc_add(d, B_TITLE, NULL, "签到表");
	doc_table(d, 6, tab_colw, 10, 1, tab_head);
	doc_row(d, 6, r1);
	doc_row(d, 6, r2);
	doc_row(d, 4, r3);
	doc_add(d, B_CUT, NULL, "");
	doc_add(d, B_LINE, NULL, "表后");
}

/* the display column where needle starts in line, or -1 */
static int col_of(const char *line, const char *needle)
{
	const char *at = strstr(line, needle);
	char *pre;
	int w;

	if (!at)
		return -1;
	pre = xasprintf("%.*s", (int)(at - line), line);
	w = text_width(pre);
	free(pre);
	return w;
}

/* line k (from 0) of txt, or NULL; caller frees */
static char *line_at(const char *txt, int k)
{
	const char *p = txt;

	for (int i = 0; i < k && p; i++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!p || !*p)
		return NULL;
	return xasprintf("%.*s", (int)(strchr(p, '\n') ? strchr(p, '\n') - p : (long)strlen(p)), p);
}

/* the number of the first line of txt that holds needle, or -1 */
static int line_of(const char *txt, const char *needle)
{
	const char *at = strstr(txt, needle);
	int n = 0;

	if (!at)
		return -1;
	for (const char *p = txt; p < at; p++)
		n += *p == '\n';
	return n;
}

/* text that is not UTF-8 (a damaged file, an import) reaches no renderer:
 * the 落款's name was printed as it came (found by fuzz_doc) */
static void test_invalid_bytes(void)
{
	struct doc d;
	struct strbuf sb = {0};

	doc_init(&d, DOC_MINUTES);
	doc_add(&d, B_SIGN, "记录\xe4\x8e人", "");
	doc_add(&d, B_FIELD, "标\xff签", "内容\xc3");
	doc_add(&d, B_PARA, NULL, "段落\x80");
	render_txt(&d, 40, &sb);
	CHECK(text_valid_utf8(sb.s));
	CHECK_CONTAINS(sb.s, "记录\xef\xbf\xbd\xef\xbf\xbd人");   /* two bad bytes */
	CHECK_CONTAINS(sb.s, "标\xef\xbf\xbd签");
	sb_free(&sb);
	render_html(&d, &sb);
	CHECK(text_valid_utf8(sb.s));
	sb_free(&sb);
	doc_free(&d);
}

static void test_table_txt(void)
{
	struct doc d;
	static const char *const names[] = { "居民001", "居民002", "欧阳明华" };

	build_table(&d);
	/* narrow: the widest columns give up room, nothing runs past */
	for (int cols = 30; cols <= 50; cols += 10) {
		char *txt = txt_of(&d, cols);

		CHECK(lines_ok(txt, cols));
		CHECK_CONTAINS(txt, "\n---");
		CHECK_CONTAINS(txt, "120");
		free(txt);
	}
	for (int cols = 60; cols <= 100; cols += 20) {
		char *txt = txt_of(&d, cols), *head, *rule, *l, *next;
		int h = line_of(txt, "姓名"), c2, k, ln;

		CHECK(lines_ok(txt, cols));
		/* the head, and under it a rule of '-' column by column */
		head = line_at(txt, h);
		rule = line_at(txt, h + 1);
		CHECK(head && strstr(head, "序号") && strstr(head, "签名") && strstr(head, "备注"));
		CHECK(rule && rule[0] == '-' && strspn(rule, "- ") == strlen(rule) &&
		      strstr(rule, "-  -") != NULL && strstr(rule, "- -") == NULL);
		if (!rule) {
			free(head);
			free(txt);
			continue;
		}
		/* every row's second column starts where the rule's second
		 * column does, two spaces after the first */
		c2 = (int)(strchr(rule, ' ') - rule) + 2;
		CHECK(rule[c2] == '-' && rule[c2 - 1] == ' ' && rule[c2 - 2] == ' ');
		for (size_t i = 0; i < YS_ARRAY_LEN(names); i++) {
			l = line_at(txt, line_of(txt, names[i]));
			CHECK(l && col_of(l, names[i]) == c2);
			free(l);
		}
		/* a row to sign in: a blank line after it */
		l = line_at(txt, line_of(txt, "居民001") + 1);
		CHECK_STR(l, "");
		free(l);
		/* the long note wraps inside its column: the next line has only
		 * spaces before the same column (at 100 columns it fits whole) */
		ln = line_of(txt, "因出差");
		l = line_at(txt, ln);
		next = line_at(txt, ln + 1);
		k = l ? col_of(l, "因出差") : -1;
		CHECK(k > c2);
		if (cols < 100) {
			CHECK(next && (int)strspn(next, " ") == k && next[k] != ' ');
			CHECK(strstr(txt, long_note) == NULL);
		} else {
			CHECK_CONTAINS(txt, long_note);
		}
		free(l);
		free(next);
		/* the cut line: dashes and ✂, within the width (✂ counted two) */
		l = line_at(txt, line_of(txt, "\u2702"));
		CHECK(l && strncmp(l, "- - - \u2702 - ", strlen("- - - \u2702 - ")) == 0);
		CHECK(l && text_width(l) + 1 <= cols && text_width(l) + 1 >= cols - 1);
		free(l);
		CHECK_CONTAINS(txt, "\n表后\n");
		free(head);
		free(rule);
		free(txt);
	}
	doc_free(&d);
}

static void test_table_html(void)
{
	struct doc d;
	struct strbuf h = {0};

	build_table(&d);
	html_of(&d, &h);
	CHECK_CONTAINS(h.s, "<table class=\"tab\">");
	CHECK_CONTAINS(h.s, "<thead><tr><th>序号</th><th>姓名</th><th>身份/职务</th>");
	CHECK_CONTAINS(h.s, "</thead>");
	/* the clerk's text escaped */
	CHECK_CONTAINS(h.s, "<td>&lt;b&gt;&amp;</td>");
	CHECK(strstr(h.s, "<b>&") == NULL);
	/* rows at least 10 mm, 序号 centred, the missing cells empty */
	CHECK_CONTAINS(h.s, "<tr style=\"height:10mm\"><td class=\"c\">120</td><td>欧阳明华</td>");
	CHECK_CONTAINS(h.s, "<td>12号楼3单元</td><td></td><td></td></tr>");
	CHECK_CONTAINS(h.s, "<col style=\"width:26.0%\">");
	/* printed: the head on every page, a row never split */
	CHECK_CONTAINS(h.s, ".tab thead{display:table-header-group}");
	CHECK_CONTAINS(h.s, ".tab tr{break-inside:avoid;page-break-inside:avoid}");
	CHECK_CONTAINS(h.s, "<hr class=\"cut\">");
	CHECK_CONTAINS(h.s, "\u2702");
	sb_free(&h);
	doc_free(&d);
}

/* the model: doc_table keeps the columns, a tab typed in a cell does not
 * make two cells, surplus cells join the last column, a row outside a
 * table prints as a line */
static void test_table_model(void)
{
	struct doc d;
	static const char *const head[] = { "议题", "表决" };
	static const char *const row[] = { "甲\t乙", "同意", "多余" };
	static const int w[] = { 3, 0 };
	char *cells[DOC_MAX_COLS], *txt;
	int colw[DOC_MAX_COLS];

	doc_init(&d, DOC_BALLOTS);
	CHECK_INT(d.pageno, PN_OF_TOTAL);
	doc_add(&d, B_ROW, NULL, "孤\t行");
	doc_table(&d, 2, w, 0, 0xff, head);
	doc_row(&d, 3, row);
	doc_add(&d, B_LINE, NULL, "后");
	CHECK(doc_table_head(&d, 0) == NULL);
	CHECK(doc_table_head(&d, 2) == &d.b[1]);
	CHECK(doc_table_head(&d, 3) == NULL);
	CHECK_INT(doc_table_cols(&d.b[1], colw), 2);
	CHECK_INT(colw[0], 3);
	CHECK_INT(colw[1], 1);
	CHECK_INT(d.b[1].center_mask, 3);
	doc_cells(d.b[2].text, 2, cells);
	CHECK_STR(cells[0], "甲 乙");
	CHECK_STR(cells[1], "同意 多余");
	doc_cells_free(cells, 2);
	txt = txt_of(&d, 40);
	CHECK(strncmp(txt, "孤  行\n", strlen("孤  行\n")) == 0);
	CHECK_CONTAINS(txt, "甲 乙");
	free(txt);
	doc_free(&d);
	doc_init(&d, DOC_MEETING_NOTICE);
	CHECK_INT(d.pageno, PN_GB);
	doc_free(&d);
}

/* ---- notices ------------------------------------------------------------- */

static int leaks_phone(const char *txt)
{
	for (int i = 0; i < P_COUNT; i++) {
		char digits[32];
		size_t n = 0;
		if (strstr(txt, fx_person(i)->phone))
			return 1;
		for (const char *s = fx_person(i)->phone; *s; s++)
			if (*s >= '0' && *s <= '9')
				digits[n++] = *s;
		digits[n] = '\0';
		if (strstr(txt, digits))
			return 1;
	}
	return 0;
}

static void check_notice(const struct notice *n, int public_version, const char *objector,
                         const char *objection)
{
	struct doc d;
	char *txt, *wide, from[32], to[32], written[32], *period, sig[256], *last = NULL;
	const char *p;

	CHECK_INT(notice_doc(st, n->id, public_version, &d, err, sizeof err), 0);
	CHECK(d.kind == DOC_NOTICE);
	txt = txt_of(&d, 56);
	CHECK(lines_ok(txt, 56));
	wide = txt_of(&d, 400);          /* nothing wraps: look for whole texts */
	ys_cn_date(n->start_date, from);
	ys_cn_date(n->end_date, to);
	ys_cn_date(n->written_date, written);
	period = xasprintf("公示期：%s至%s", from, to);
	CHECK(strstr(n->title, "关于") == n->title);
	CHECK(strstr(n->doc_no, "〔") == n->doc_no);
	const char *const order[] = {
		n->title, n->doc_no, "全体居民：", period, "异议渠道：",
	};
	CHECK(in_order(wide, order, sizeof order / sizeof order[0]));
	/* the objection line as it is (its first line) */
	char *ch = xstrdup(n->channel);
	char *nl = strchr(ch, '\n');
	if (nl)
		*nl = '\0';
	CHECK_CONTAINS(wide, ch);
	free(ch);
	/* 落款: every line of the signoff, after the channel, then 成文日期 */
	ys_strlcpy(sig, n->signoff, sizeof sig);
	p = strstr(wide, "异议渠道：");
	for (char *line = strtok(sig, "\n"); line; line = strtok(NULL, "\n")) {
		p = p ? strstr(p, line) : NULL;
		CHECK(p != NULL);
		last = line;
	}
	CHECK(last != NULL);
	CHECK(p != NULL && strstr(p, written) != NULL);
	if (public_version) {
		CHECK(strstr(wide, objector) == NULL);
		CHECK(strstr(wide, objection) == NULL);
		CHECK(!leaks_phone(wide));
		CHECK(!leaks_phone(txt));
	} else {
		CHECK_CONTAINS(wide, objector);
		CHECK_CONTAINS(wide, objection);
		CHECK_CONTAINS(wide, "内部");
	}
	struct strbuf h = {0};
	html_of(&d, &h);
	CHECK_CONTAINS(h.s, "<h1>");
	/* the 落款 as one block: the 署名 lines and the date, centred on it */
	{
		struct strbuf want = {0};

		ys_strlcpy(sig, n->signoff, sizeof sig);
		sb_add(&want, "<div class=\"signoff\">");
		for (char *line = strtok(sig, "\n"); line; line = strtok(NULL, "\n"))
			sb_addf(&want, "<p>%s</p>", line);
		sb_addf(&want, "<p>%s</p></div>", written);
		/* as one line: the renderer puts each <p> on a line of its own */
		{
			char *flat = xstrdup(h.s), *w = flat;

			for (const char *r = h.s; *r; r++)
				if (*r != '\n')
					*w++ = *r;
			*w = '\0';
			CHECK(strstr(flat, want.s) != NULL);
			free(flat);
		}
		sb_free(&want);
	}
	if (public_version) {
		CHECK(strstr(h.s, objector) == NULL);
		CHECK(!leaks_phone(h.s));
	}
	sb_free(&h);
	free(period);
	free(txt);
	free(wide);
	doc_free(&d);
}

static void test_notice(void)
{
	char prop[ID_LEN], mid[ID_LEN];
	struct notice n;

	CHECK_INT(new_proposal("5栋屋面防水维修", prop), 0);
	CHECK_INT(pass_meeting(MK_LIANGWEI, prop, P_SECRETARY, 3, mid), 0);
	/* 党员大会: 张书记, 李主任 and 4 党员 */
	{
		const char *ids[1] = { prop };
		char aid[ID_LEN];
		struct vote v;
		struct vote_req rq = { .method = VM_HANDS, .yes = 6 };
		struct close_req fwd = { .outcome = OC_FORWARD };
		CHECK_INT(new_meeting(MK_PARTY, NULL, ids, 1, mid), 0);
		CHECK_INT(fx_agenda(mid, 1, aid), 0);
		CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
		CHECK_INT(fx_attend(mid, P_SECRETARY, ATT_PRESENT, NULL), 0);
		CHECK_INT(fx_attend(mid, P_DIRECTOR, ATT_PRESENT, NULL), 0);
		for (int i = P_PARTY1; i < P_HOUSE; i++)
			CHECK_INT(fx_attend(mid, i, ATT_PRESENT, NULL), 0);
		CHECK_INT(ops_vote(st, mid, aid, &rq, &v, err, sizeof err), 0);
		CHECK_INT(ops_item_close(st, mid, aid, &fwd, err, sizeof err), 0);
		CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), 0);
	}
	CHECK_INT(pass_meeting(MK_RESIDENTS, prop, P_HOUSE, 5, mid), 0);

	/* the draft the clerk reads first: no number yet, no objections part */
	{
		struct notice_req dr = { .kind = NK_DECISION, .days = 7,
		                         .plan = "一、先施工北侧；\n二、再施工南侧。",
		                         .attach = "1．施工平面图" };
		struct doc d;
		CHECK_INT(ops_notice_draft(st, prop, &dr, &n, err, sizeof err), 0);
		CHECK_INT(notice_doc_of(st, &n, 0, &d, err, sizeof err), 0);
		char *txt = txt_of(&d, 60);
		CHECK(lines_ok(txt, 60));
		CHECK_CONTAINS(txt, "（文号在张贴时编定）");
		CHECK_CONTAINS(txt, "实施方案：\n");
		CHECK_CONTAINS(txt, "二、再施工南侧。");
		CHECK(strstr(txt, "〔") == NULL);
		CHECK(strstr(txt, "异议及答复") == NULL);
		/* 附件 after the objection line, before the 落款 */
		const char *ch = strstr(txt, "异议渠道"), *at = strstr(txt, "附件：1．施工平面图");
		CHECK(ch && at && ch < at);
		CHECK(at && strstr(at, "居民委员会") != NULL);
		CHECK_CONTAINS(d.title, "（尚未张贴）");
		free(txt);
		doc_free(&d);
		notice_clear(&n);
	}
	struct notice_req rq = { .kind = NK_DECISION, .days = 7 };
	memset(&n, 0, sizeof n);
	if (ops_notice_new(st, prop, &rq, &n, err, sizeof err) != 0)
		printf("  ops_notice_new: %s\n", err);
	CHECK(n.id[0] != '\0');
	if (!n.id[0])
		return;
	CHECK_INT(ops_objection(st, n.id, "钱某某", "施工时间安排在午休时段，影响休息", err, sizeof err), 0);
	check_notice(&n, 1, "钱某某", "影响休息");
	check_notice(&n, 0, "钱某某", "影响休息");
	notice_clear(&n);
}

/* a notice whose body carries phone numbers: the public version keeps only
 * the objection line's */
static void test_notice_phones(void)
{
	char prop[ID_LEN];
	struct notice n;
	struct doc d;
	char *txt, *body;

	CHECK_INT(new_proposal("小区路灯更换", prop), 0);
	memset(&n, 0, sizeof n);
	ys_strlcpy(n.proposal_id, prop, sizeof n.proposal_id);
	n.kind = NK_RESULT;
	snprintf(n.title, sizeof n.title, "关于小区路灯更换实施结果的公示");
	snprintf(n.addressee, sizeof n.addressee, "全体居民");
	body = xasprintf("2026年11月20日更换路灯12盏，议题 2026-017 已实施完毕。\n"
	                 "施工联系人%s，电话 %s；手机13950001299；座机 0591-88886666；"
	                 "值班 87651234，+86 139 5000 1288；另见议题 2026-1017。\n"
	                 "社区电话 0591-87654321。\n费用 38000 元，共 120 户受益。",
	                 fx_name(P_HOUSE), fx_person(P_HOUSE)->phone);
	n.body = body;
	snprintf(n.start_date, sizeof n.start_date, "2026-11-22");
	snprintf(n.end_date, sizeof n.end_date, "2026-11-28");
	n.channel = "如有异议，请于公示期内向社区居委会反映。\n电话：0591-87654321";
	snprintf(n.signoff, sizeof n.signoff, "中共军门社区委员会\n军门社区居民委员会");
	snprintf(n.written_date, sizeof n.written_date, "2026-11-22");
	CHECK_INT(store_notice_add(st, &n), 0);
	n.body = NULL;
	n.channel = NULL;
	free(body);

	CHECK_INT(notice_doc(st, n.id, 1, &d, err, sizeof err), 0);
	txt = txt_of(&d, 60);
	CHECK(lines_ok(txt, 60));
	CHECK(!leaks_phone(txt));
	CHECK(strstr(txt, "13950001299") == NULL);
	CHECK(strstr(txt, "88886666") == NULL);
	CHECK_CONTAINS(txt, "电话：0591-87654321");
	CHECK_CONTAINS(txt, "社区电话 0591-87654321");   /* the objection line's own number */
	CHECK(strstr(txt, "87651234") == NULL);
	CHECK(strstr(txt, "5000 1288") == NULL);
	CHECK_CONTAINS(txt, "2026-017");                  /* not phone numbers */
	CHECK_CONTAINS(txt, "2026-1017");
	CHECK_CONTAINS(txt, "38000 元");
	CHECK_CONTAINS(txt, "〔2026〕");
	CHECK_CONTAINS(txt, "公示期：2026年11月22日至2026年11月28日");
	CHECK_CONTAINS(txt, "2026年11月22日\n");
	free(txt);
	doc_free(&d);

	/* the file copy keeps the body as written */
	CHECK_INT(notice_doc(st, n.id, 0, &d, err, sizeof err), 0);
	txt = txt_of(&d, 200);
	CHECK_CONTAINS(txt, "13950001299");
	CHECK_CONTAINS(txt, "公示期内未收到异议");
	free(txt);
	doc_free(&d);

	CHECK_INT(notice_doc(st, "00000000-0000-0000-0000-000000000000", 1, &d, err, sizeof err), -1);
	doc_free(&d);
}

int main(void)
{
	setenv("YISHITING_NOW", "2026-11-22 14:05", 1);
	RUN(test_open);
	if (!st) {
		fx_db_done(st);
		T_DONE();
	}
	RUN(test_people);
	RUN(test_render_txt);
	RUN(test_invalid_bytes);
	RUN(test_table_txt);
	RUN(test_table_html);
	RUN(test_table_model);
	RUN(test_minutes);
	RUN(test_sealed);
	RUN(test_rounds_and_exit);
	RUN(test_html_escape);
	RUN(test_notice);
	RUN(test_notice_phones);
	fx_db_done(st);
	T_DONE();
}
