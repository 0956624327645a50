/* test_paper.c: what follows a decision — notices (公示) with their 文号
 * numbered per year, posting periods, titles and bodies written from the
 * meeting and the vote, objections and their answers, implementation with
 * a responsible person, a deadline, progress entries and the overdue list,
 * and ops_proposal_advance through every later step with its refusals. */
#include <stdlib.h>
#include <sqlite3.h>

#include "t.h"
#include "fixture.h"
#include "base/clock.h"
#include "model/core.h"
#include "ops/ops.h"
#include "store/store.h"
#include "base/util.h"

static struct store *st;
static char err[512];


/* three proposals decided by a 居民代表会议, one waiting at 提议 */
static char p1[ID_LEN], p2[ID_LEN], p3[ID_LEN], p4[ID_LEN];
static char n1[ID_LEN];
static char reps_meeting1[16];

/* the notice of kind with the defaults (date today, the setting's days) */
static int notice_new(const char *pid, int kind, int days, struct notice *n)
{
	struct notice_req rq = { .kind = kind, .days = days };
	return ops_notice_new(st, pid, &rq, n, err, sizeof err);
}

/* 实施 from today */
static int implement(const char *pid, const char *who, const char *deadline)
{
	struct impl_req rq = { .responsible = who, .deadline = deadline };
	return ops_implement(st, pid, &rq, err, sizeof err);
}

static int new_proposal(const char *title, char out[ID_LEN])
{
	return fx_proposal(title, "居民多次反映，请社区研究解决。", FX_REP, out, NULL);
}

/* one meeting of kind on the proposal: everyone entitled signs in, all vote
 * yes by show of hands, the item is forwarded with the decision given */
static int one_meeting(int kind, const char *prop, const char *date, const struct close_req *cr,
                       char number[16])
{
	struct meeting m;
	char mid[ID_LEN], stamp[32];
	const char *ids[1] = { prop };
	int rc;

	snprintf(stamp, sizeof stamp, "%s 14:00", date);
	fx_at(stamp);
	fx_meeting_fill(&m, kind, date, "14:30", -1);
	m.chair_post[0] = '\0';
	rc = fx_meeting_new(&m, ids, 1, NULL, 0, mid);
	if (rc != 0)
		printf("  meeting: %s\n", err);
	else if (number)
		snprintf(number, 16, "%s", m.number);
	meeting_clear(&m);
	if (rc != 0)
		return -1;
	snprintf(stamp, sizeof stamp, "%s 14:30", date);
	fx_at(stamp);
	return fx_pass(mid, 0, -1, cr);
}

/* 两委联席会议, 党员大会, 居民代表会议 in the month given ("2026-01") */
static int decide(const char *title, const char *month, const char *decision,
                  const char *responsible, const char *deadline, char out[ID_LEN],
                  char reps_number[16])
{
	struct close_req fwd = { .outcome = OC_FORWARD };
	struct close_req dec = { .outcome = OC_FORWARD, .decision = decision,
	                         .responsible = responsible, .deadline = deadline };
	char d1[11], d2[11], d3[11];

	snprintf(d1, sizeof d1, "%s-05", month);
	snprintf(d2, sizeof d2, "%s-12", month);
	snprintf(d3, sizeof d3, "%s-19", month);
	fx_at("2026-01-04 09:00");
	if (new_proposal(title, out) != 0)
		return -1;
	if (one_meeting(MK_LIANGWEI, out, d1, &fwd, NULL) != 0 ||
	    one_meeting(MK_PARTY, out, d2, &fwd, NULL) != 0 ||
	    one_meeting(MK_REPS, out, d3, &dec, reps_number) != 0)
		return -1;
	return fx_step(out, NULL) == STEP_RESOLVE ? 0 : -1;
}

static void test_setup(void)
{
	struct community com;

	CHECK_INT(fx_db_temp("paper"), 0);
	st = fx_db_open(err, sizeof err);
	CHECK(st != NULL);
	if (!st)
		return;
	fx_at("2026-01-04 09:00");
	memset(&com, 0, sizeof com);
	snprintf(com.name, sizeof com.name, "幸福里社区");
	snprintf(com.party_org, sizeof com.party_org, "中共幸福里社区委员会");
	snprintf(com.committee, sizeof com.committee, "幸福里社区居民委员会");
	snprintf(com.phone, sizeof com.phone, "0591-87654321");
	CHECK_INT(store_community_set(st, &com), 0);
	CHECK_INT(fx_small_community("1380000"), FX_SMALL_COUNT);
	/* the settings the migration brings */
	{
		char v[16];
		CHECK_INT(store_setting_get(st, "notice_days", v, sizeof v), 0);
		CHECK_STR(v, "7");
		CHECK_INT(store_setting_get(st, "material_days", v, sizeof v), 0);
		CHECK_STR(v, "3");
	}
	CHECK_INT(decide("关于小区路灯维修的提议", "2026-01", "决议：更换损坏路灯12盏，增设2盏。",
	                 "李主任", "2026-06-30", p1, reps_meeting1), 0);
	CHECK_INT(decide("3栋楼道照明改造", "2026-02", "一、同意改造3栋楼道照明；\n二、由物业公司实施。",
	                 "", "", p2, NULL), 0);
	CHECK_INT(decide("关于4栋外墙修缮的建议", "2026-03", "4栋外墙脱落部分重新粉刷。",
	                 "王委员", "", p3, NULL), 0);
	fx_at("2026-02-01 09:00");
	CHECK_INT(new_proposal("中心广场增设座椅", p4), 0);
}

/* ---- notices ------------------------------------------------------------------ */

static void test_decision_notice(void)
{
	struct notice n, g;

	/* refusals before anything is written */
	fx_at("2026-03-01 10:00");
	CHECK_INT(notice_new(p1, NK_RESULT, 0, &n), -1);
	CHECK_CONTAINS(err, "实施");
	CHECK_INT(notice_new(p1, 9, 0, &n), -1);
	CHECK_STR(err, "公示类型无效。");
	CHECK_INT(notice_new(p1, NK_DECISION, -1, &n), -1);
	CHECK_CONTAINS(err, "公示期");
	CHECK_INT(notice_new(p1, NK_DECISION, 400, &n), -1);
	CHECK_INT(notice_new(p4, NK_DECISION, 0, &n), -1);
	CHECK_CONTAINS(err, "决议");
	CHECK_INT(notice_new("no-such-proposal", NK_DECISION, 0, &n), -1);
	CHECK_STR(err, "议题不存在。");
	CHECK_INT(store_notice_page(st, "", "", &g, 1), 0);

	/* the posting date: offered today, never before the decision, not
	 * far ahead, a real date */
	{
		char day[11];
		int days = 0;
		CHECK_INT(ops_notice_offer(st, p1, NK_DECISION, day, &days, err, sizeof err), 0);
		CHECK_STR(day, "2026-03-01");
		CHECK_INT(days, 7);
		struct notice_req rq = { .kind = NK_DECISION, .date = "2026-01-10" };
		CHECK_INT(ops_notice_new(st, p1, &rq, &n, err, sizeof err), -1);
		CHECK_STR(err, "张贴日期 2026-01-10 不能早于决议日期 2026-01-19。");
		rq.date = "2026-04-01";
		CHECK_INT(ops_notice_new(st, p1, &rq, &n, err, sizeof err), -1);
		CHECK_STR(err, "张贴日期 2026-04-01 太远：最多提前 30 天准备公示（今天是 2026-03-01）。");
		rq.date = "2026-3-1";
		CHECK_INT(ops_notice_new(st, p1, &rq, &n, err, sizeof err), -1);
		CHECK_STR(err, "张贴日期“2026-3-1”无效，格式应为 2026-11-23。");
		/* a result paragraph does not belong on a decision notice */
		rq.date = "";
		rq.funds = "共计 3 万元。";
		CHECK_INT(ops_notice_new(st, p1, &rq, &n, err, sizeof err), -1);
		CHECK_STR(err, "资金使用情况不属于这种公示。");
		/* the draft: the clerk's paragraphs in place, no number, nothing written */
		struct notice_req dr = { .kind = NK_DECISION, .date = "2026-03-02",
		                         .plan = "一、3月完成采购；\n二、4月安装。",
		                         .attach = "1．路灯布置图" };
		CHECK_INT(ops_notice_draft(st, p1, &dr, &n, err, sizeof err), 0);
		CHECK_STR(n.doc_no, "");
		CHECK_STR(n.id, "");
		CHECK_STR(n.start_date, "2026-03-02");
		CHECK_STR(n.end_date, "2026-03-08");
		CHECK_CONTAINS(n.body, "完成时限：2026年6月30日。\n实施方案：\n一、3月完成采购；\n二、4月安装。\n现予公示。");
		CHECK(strstr(n.body, "附件") == NULL);
		CHECK_STR(n.attach, "1．路灯布置图");
		notice_clear(&n);
		dr.plan = "一句话的方案。";
		CHECK_INT(ops_notice_draft(st, p1, &dr, &n, err, sizeof err), 0);
		CHECK_CONTAINS(n.body, "实施方案：一句话的方案。\n现予公示。");
		notice_clear(&n);
		/* too long a paragraph is refused, not cut */
		char *longp = malloc(3 * (NOTICE_PARA_MAX + 1) + 1);
		longp[0] = '\0';
		for (int i = 0; i <= NOTICE_PARA_MAX; i++)
			strcat(longp, "字");
		dr.plan = longp;
		CHECK_INT(ops_notice_draft(st, p1, &dr, &n, err, sizeof err), -1);
		CHECK_STR(err, "实施方案不能超过 2000 个字（现有 2001 个字）。");
		free(longp);
		CHECK_INT(store_notice_page(st, "", "", &g, 1), 0);
		CHECK_INT(fx_step(p1, NULL), STEP_RESOLVE);
	}

	CHECK_INT(notice_new(p1, NK_DECISION, 0, &n), 0);
	CHECK_INT(fx_step(p1, NULL), STEP_PUBLISH);
	snprintf(n1, sizeof n1, "%s", n.id);
	CHECK_INT(n.kind, NK_DECISION);
	CHECK_INT(n.year, 2026);
	CHECK_INT(n.seq, 1);
	CHECK_STR(n.doc_no, "〔2026〕1号");
	CHECK_STR(n.title, "关于小区路灯维修的公示");
	CHECK_STR(n.addressee, "全体居民");
	CHECK_STR(n.start_date, "2026-03-01");
	CHECK_STR(n.end_date, "2026-03-07");            /* 7 days, the first included */
	CHECK_STR(n.written_date, "2026-03-01");
	CHECK_STR(n.channel, "公示期内如有异议，请向社区居委会反映，电话：0591-87654321");
	CHECK_STR(n.signoff, "中共幸福里社区委员会\n幸福里社区居民委员会");
	CHECK_STR(n.proposal_number, "2026-001");
	/* the body from the data: meeting, 应到/实到, counts, result, decision */
	CHECK_CONTAINS(n.body, "2026年1月19日");
	CHECK_CONTAINS(n.body, reps_meeting1);
	CHECK_CONTAINS(n.body, "居民代表会议");
	CHECK_CONTAINS(n.body, "议题 2026-001「关于小区路灯维修的提议」");
	CHECK_CONTAINS(n.body, "应到居民代表 4 人，实到 4 人");
	CHECK_CONTAINS(n.body, "举手表决");
	CHECK_CONTAINS(n.body, "赞成 4 票，反对 0 票，弃权 0 票");
	CHECK_CONTAINS(n.body, "赞成 4 票，超过出席人数 4 人的半数，通过。");
	CHECK_CONTAINS(n.body, "决议内容：更换损坏路灯12盏，增设2盏。");
	CHECK(strstr(n.body, "决议：决议") == NULL);
	CHECK_CONTAINS(n.body, "责任人：李主任；完成时限：2026年6月30日。");
	/* personal data the notice does not need stays out */
	CHECK(strstr(n.body, "1380000") == NULL);
	CHECK(strstr(n.body, "赵记录") == NULL);

	/* the stored notice is the one returned */
	CHECK_INT(store_notice_get(st, n1, &g), 0);
	CHECK_STR(g.doc_no, n.doc_no);
	CHECK_STR(g.body, n.body);
	CHECK_STR(g.channel, n.channel);
	CHECK_STR(g.signoff, n.signoff);
	CHECK_STR(g.created_at, "2026-03-01 10:00:00");
	notice_clear(&g);
	CHECK_INT(store_notice_for(st, p1, NK_DECISION, &g), 0);
	CHECK_STR(g.id, n1);
	notice_clear(&g);
	CHECK_INT(store_notice_for(st, p1, NK_RESULT, &g), 1);
	notice_clear(&n);

	/* the event of 决议公开 is written */
	{
		struct pevent e;
		CHECK_INT(store_proposal_event_find(st, p1, ACT_PUBLISH, 0, &e), 0);
		CHECK_INT(e.from_step, STEP_RESOLVE);
		CHECK_INT(e.to_step, STEP_PUBLISH);
		CHECK_STR(e.at, "2026-03-01 10:00:00");
		pevent_clear(&e);
	}
	/* once published, not again */
	CHECK_INT(notice_new(p1, NK_DECISION, 0, &n), -1);
	CHECK_INT(store_notice_page(st, "", "", &g, 1), 1);
	notice_clear(&g);
}

static void test_objections(void)
{
	struct objection o[4];
	int total = -1, open = -1, n;

	fx_at("2026-03-02 09:15");
	CHECK_INT(ops_objection(st, n1, "", "路灯离窗户太近。", err, sizeof err), -1);
	CHECK_CONTAINS(err, "异议的人");
	CHECK_INT(ops_objection(st, n1, "钱大爷", " ", err, sizeof err), -1);
	CHECK_CONTAINS(err, "异议内容");
	CHECK_INT(ops_objection(st, "no-such-notice", "钱大爷", "路灯离窗户太近。", err, sizeof err), -1);
	CHECK_STR(err, "公示不存在。");
	CHECK_INT(ops_objection(st, n1, " 钱大爷 ", "5栋东侧新增路灯离我家卧室窗户太近，晚上影响休息。",
	                        err, sizeof err), 0);
	CHECK_INT(store_objection_count(st, n1, &total, &open), 0);
	CHECK_INT(total, 1);
	CHECK_INT(open, 1);
	/* after the posting period (ended 2026-03-07): recorded all the same */
	fx_at("2026-03-09 16:40");
	CHECK_INT(ops_objection(st, n1, "孙阿姨", "希望路灯用暖光。", err, sizeof err), 0);

	n = store_objection_list(st, n1, o, 4);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(o[0].person, "钱大爷");
		CHECK_STR(o[0].received_at, "2026-03-02 09:15:00");
		CHECK(o[0].answer == NULL);
		CHECK_STR(o[0].answered_at, "");
		CHECK_STR(o[1].received_at, "2026-03-09 16:40:00");
		CHECK(strcmp(o[1].received_at, "2026-03-07 23:59:59") > 0);   /* late */

		fx_at("2026-03-03 10:00");
		CHECK_INT(ops_objection_answer(st, o[0].id, "  ", err, sizeof err), -1);
		CHECK_CONTAINS(err, "答复");
		CHECK_INT(ops_objection_answer(st, o[0].id, "已调整灯杆位置，向东移5米并加装遮光罩。",
		                               err, sizeof err), 0);
		CHECK_INT(ops_objection_answer(st, o[0].id, "再答一次", err, sizeof err), -1);
		CHECK_CONTAINS(err, "已于 2026-03-03 10:00:00 答复");
		CHECK_INT(ops_objection_answer(st, "no-such-objection", "答复", err, sizeof err), -1);
		CHECK_STR(err, "异议不存在。");
		struct objection g;
		CHECK_INT(store_objection_get(st, o[0].id, &g), 0);
		CHECK_STR(g.answer, "已调整灯杆位置，向东移5米并加装遮光罩。");
		CHECK_STR(g.answered_at, "2026-03-03 10:00:00");
		CHECK_STR(g.person, "钱大爷");
		objection_clear(&g);
	}
	for (int i = 0; i < n; i++)
		objection_clear(&o[i]);
	CHECK_INT(store_objection_count(st, n1, &total, &open), 0);
	CHECK_INT(total, 2);
	CHECK_INT(open, 1);
}

static void test_implementation(void)
{
	struct impl im;
	struct progress pr[4];
	struct notice n;
	char ids[4][ID_LEN];
	int k;

	fx_at("2026-03-10 09:00");
	/* 实施 has not started: no progress yet */
	CHECK_INT(ops_progress(st, p1, "", "开始施工。", err, sizeof err), -1);
	CHECK_CONTAINS(err, "不在实施阶段");
	/* the form starts with what the meeting decided */
	CHECK_INT(ops_impl_defaults(st, p1, &im, err, sizeof err), 0);
	CHECK_STR(im.responsible, "李主任");
	CHECK_STR(im.deadline, "2026-06-30");
	CHECK_INT(store_impl_get(st, p1, &im), 1);
	/* advancing needs them set */
	CHECK_INT(ops_proposal_advance(st, p1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "实施责任人和完成时限");
	CHECK_INT(fx_step(p1, NULL), STEP_PUBLISH);
	CHECK_INT(implement(p1, "", "2026-06-30"), -1);
	CHECK_CONTAINS(err, "责任人");
	CHECK_INT(implement(p1, "李主任", "2026-02-30"), -1);
	CHECK_CONTAINS(err, "完成时限");
	CHECK_INT(implement(p1, "李主任", "6月30日"), -1);
	CHECK_INT(implement(p2, "李主任", "2026-06-30"), -1);  /* not published */
	CHECK_INT(fx_step(p2, NULL), STEP_RESOLVE);
	CHECK_INT(implement(p1, " 李主任 ", "2026-06-30"), 0);
	CHECK_INT(fx_step(p1, NULL), STEP_IMPLEMENT);
	CHECK_INT(store_impl_get(st, p1, &im), 0);
	CHECK_STR(im.responsible, "李主任");
	CHECK_STR(im.deadline, "2026-06-30");
	CHECK_INT(implement(p1, "李主任", "2026-07-30"), -1);

	/* the result notice needs progress */
	CHECK_INT(notice_new(p1, NK_RESULT, 0, &n), -1);
	CHECK_CONTAINS(err, "实施进展");
	CHECK_INT(ops_progress(st, p1, "", "   ", err, sizeof err), -1);
	fx_at("2026-04-01 15:00");
	CHECK_INT(ops_progress(st, p1, "", "路灯采购完成，开始安装。", err, sizeof err), 0);
	fx_at("2026-07-05 17:00");
	CHECK_INT(ops_progress(st, p1, "", "14盏路灯全部安装通电，经居民代表验收合格。", err, sizeof err), 0);
	CHECK_INT(store_progress_count(st, p1), 2);
	k = store_progress_list(st, p1, pr, 4);
	CHECK_INT(k, 2);
	if (k == 2) {
		CHECK_STR(pr[0].at, "2026-04-01");
		CHECK_STR(pr[1].at, "2026-07-05");
		CHECK_STR(pr[1].text, "14盏路灯全部安装通电，经居民代表验收合格。");
	}
	for (int i = 0; i < k; i++)
		progress_clear(&pr[i]);

	/* overdue: under implementation with the deadline before today */
	CHECK_INT(store_impl_overdue(st, "2026-06-30", ids, 4), 0);
	CHECK_INT(store_impl_overdue(st, "2026-07-01", ids, 4), 1);
	CHECK_STR(ids[0], p1);

	/* 实施结果公开 written from the entries, with the clerk's paragraphs,
	 * not dated before the last entry */
	fx_at("2026-07-10 09:00");
	{
		struct notice_req rq = { .kind = NK_RESULT, .date = "2026-07-01" };
		CHECK_INT(ops_notice_new(st, p1, &rq, NULL, err, sizeof err), -1);
		CHECK_STR(err, "张贴日期 2026-07-01 不能早于最后一次实施进展日期 2026-07-05。");
		rq.plan = "方案";
		rq.date = "";
		CHECK_INT(ops_notice_new(st, p1, &rq, NULL, err, sizeof err), -1);
		CHECK_STR(err, "实施方案不属于这种公示。");
		rq.plan = NULL;
		rq.funds = "社区惠民资金 4.2 万元，其中灯具 2.6 万元、安装 1.6 万元。";
		rq.accept = "7月5日由街道城管科和居民代表 3 人联合验收，合格。";
		rq.attach = "1．验收单\n2．费用结算单";
		CHECK_INT(ops_notice_new(st, p1, &rq, NULL, err, sizeof err), 0);
	}
	CHECK_INT(fx_step(p1, NULL), STEP_RESULT);
	CHECK_INT(store_notice_for(st, p1, NK_RESULT, &n), 0);
	CHECK_STR(n.doc_no, "〔2026〕2号");
	CHECK_STR(n.title, "关于小区路灯维修实施结果的公示");
	CHECK_STR(n.start_date, "2026-07-10");
	CHECK_STR(n.end_date, "2026-07-16");
	CHECK_CONTAINS(n.body, "由李主任负责");
	CHECK_CONTAINS(n.body, "完成时限为2026年6月30日");
	CHECK_CONTAINS(n.body, "2026年4月1日：路灯采购完成，开始安装。");
	CHECK_CONTAINS(n.body, "2026年7月5日：14盏路灯全部安装通电，经居民代表验收合格。");
	CHECK_CONTAINS(n.body, "实施晚于完成时限（2026年6月30日）5 天。\n"
	               "资金使用情况：社区惠民资金 4.2 万元，其中灯具 2.6 万元、安装 1.6 万元。\n"
	               "验收情况：7月5日由街道城管科和居民代表 3 人联合验收，合格。\n"
	               "现将实施结果予以公示。");
	CHECK_STR(n.attach, "1．验收单\n2．费用结算单");
	CHECK_CONTAINS(n.body, reps_meeting1);
	notice_clear(&n);
	/* no longer under implementation: not overdue */
	CHECK_INT(store_impl_overdue(st, "2026-07-11", ids, 4), 0);
	CHECK_INT(ops_progress(st, p1, "", "补记。", err, sizeof err), -1);

	/* 孙阿姨's objection to the decision notice is still unanswered */
	CHECK_INT(ops_proposal_advance(st, p1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "1 条异议未答复");
	{
		struct objection o[4];
		int no = store_objection_list(st, n1, o, 4);
		for (int i = 0; i < no; i++) {
			if (!o[i].answer)
				CHECK_INT(ops_objection_answer(st, o[i].id, "路灯已改用暖光灯具。",
				                               err, sizeof err), 0);
			objection_clear(&o[i]);
		}
	}
	/* the result is still up (to 07-16): objections may come, no archive */
	CHECK_INT(ops_proposal_advance(st, p1, err, sizeof err), -1);
	CHECK_STR(err, "实施结果公示期到 2026-07-16 才结束，期满后才能归档（公示期内还可能收到异议）。");
	fx_at("2026-07-17 09:00");
	CHECK_INT(ops_proposal_advance(st, p1, err, sizeof err), 0);
	CHECK_INT(fx_step(p1, NULL), STEP_ARCHIVE);
	CHECK_INT(ops_proposal_advance(st, p1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "归档");
}

static void test_numbering(void)
{
	struct notice n, page[4];
	int k;

	/* a longer posting period that runs into the next year: the 文号 is
	 * of the year it is written */
	fx_at("2026-12-28 09:00");
	{
		/* prepared two days ahead of the day it goes up */
		struct notice_req rq = { .kind = NK_DECISION, .date = "2026-12-30", .days = 10 };
		CHECK_INT(ops_notice_new(st, p2, &rq, &n, err, sizeof err), 0);
	}
	CHECK_STR(n.doc_no, "〔2026〕3号");
	CHECK_STR(n.start_date, "2026-12-30");
	CHECK_STR(n.written_date, "2026-12-30");
	CHECK_STR(n.end_date, "2027-01-08");
	CHECK_STR(n.title, "关于3栋楼道照明改造的公示");
	/* a decision of several items: a paragraph each */
	CHECK_CONTAINS(n.body, "决议内容如下：\n一、同意改造3栋楼道照明；\n二、由物业公司实施。\n");
	CHECK(strstr(n.body, "责任人") == NULL);
	notice_clear(&n);

	/* the posting period from the setting; a new year starts at 1 */
	CHECK_INT(store_setting_set(st, "notice_days", "5"), 0);
	fx_at("2027-01-05 09:00");
	CHECK_INT(ops_proposal_advance(st, p3, err, sizeof err), 0);
	CHECK_INT(fx_step(p3, NULL), STEP_PUBLISH);
	CHECK_INT(store_notice_for(st, p3, NK_DECISION, &n), 0);
	CHECK_STR(n.doc_no, "〔2027〕1号");
	CHECK_INT(n.year, 2027);
	CHECK_INT(n.seq, 1);
	CHECK_STR(n.start_date, "2027-01-05");
	CHECK_STR(n.end_date, "2027-01-09");
	CHECK_STR(n.title, "关于4栋外墙修缮的公示");
	CHECK_CONTAINS(n.body, "责任人：王委员。");
	notice_clear(&n);
	CHECK_INT(store_setting_set(st, "notice_days", "7"), 0);

	/* the board: newest first, in pages */
	k = store_notice_page(st, "", "", page, 2);
	CHECK_INT(k, 2);
	if (k == 2) {
		CHECK_STR(page[0].doc_no, "〔2027〕1号");
		CHECK_STR(page[1].doc_no, "〔2026〕3号");
		char s[11], id[ID_LEN];
		snprintf(s, sizeof s, "%s", page[1].start_date);
		snprintf(id, sizeof id, "%s", page[1].id);
		for (int i = 0; i < k; i++)
			notice_clear(&page[i]);
		k = store_notice_page(st, s, id, page, 4);
		CHECK_INT(k, 2);
		if (k == 2) {
			CHECK_STR(page[0].doc_no, "〔2026〕2号");
			CHECK_STR(page[1].doc_no, "〔2026〕1号");
		}
	}
	for (int i = 0; i < k; i++)
		notice_clear(&page[i]);
}

/* the whole way by advance alone, each refusal telling the clerk what to do */
static void test_advance(void)
{
	fx_at("2027-01-06 09:00");
	CHECK_INT(ops_proposal_advance(st, p4, err, sizeof err), -1);     /* still at 提议 */
	CHECK_INT(fx_step(p4, NULL), STEP_PROPOSE);
	CHECK_INT(ops_proposal_advance(st, p3, err, sizeof err), -1);
	CHECK_STR(err, "请先确定实施责任人和完成时限，再进入实施。");
	/* the decision notice is up until 01-09: starting now needs a reason */
	CHECK_INT(implement(p3, "王委员", "2027-03-31"), -1);
	CHECK_STR(err, "决议公示期到 2027-01-09 才结束，在此之前（2027-01-06）开始实施须写明理由。");
	{
		char end[11];
		CHECK_INT(ops_decision_notice_runs(st, p3, "", end, err, sizeof err), 1);
		CHECK_STR(end, "2027-01-09");
		CHECK_INT(ops_decision_notice_runs(st, p3, "2027-01-10", end, err, sizeof err), 0);
		CHECK_STR(end, "");
		struct impl_req rq = { .responsible = "王委员", .deadline = "2027-03-31",
		                       .date = "2027-01-04" };
		CHECK_INT(ops_implement(st, p3, &rq, err, sizeof err), -1);
		CHECK_STR(err, "开始实施日期 2027-01-04 不能早于决议公开日期 2027-01-05。");
		rq.date = "2027-01-07";
		CHECK_INT(ops_implement(st, p3, &rq, err, sizeof err), -1);
		CHECK_STR(err, "开始实施日期 2027-01-07 还没到（今天是 2027-01-06）。");
		rq.date = "2027-01-06";
		rq.deadline = "2027-01-05";
		CHECK_INT(ops_implement(st, p3, &rq, err, sizeof err), -1);
		CHECK_STR(err, "完成时限 2027-01-05 不能早于开始实施日期 2027-01-06。");
		rq.deadline = "2027-03-31";
		rq.reason = "外墙空鼓有坠落危险，先行处置。";
		CHECK_INT(ops_implement(st, p3, &rq, err, sizeof err), 0);
		struct pevent e;
		CHECK_INT(store_proposal_event_find(st, p3, ACT_IMPLEMENT, 0, &e), 0);
		CHECK_STR(e.reason, "外墙空鼓有坠落危险，先行处置。");
		CHECK_STR(e.at, "2027-01-06 09:00:00");
		pevent_clear(&e);
	}
	CHECK_INT(ops_proposal_advance(st, p3, err, sizeof err), -1);
	CHECK_CONTAINS(err, "请先登记实施进展");
	CHECK_INT(fx_step(p3, NULL), STEP_IMPLEMENT);
	fx_at("2027-03-01 10:00");
	/* progress: not before the work began, not in the future */
	CHECK_INT(ops_progress(st, p3, "2027-01-05", "脚手架搭设。", err, sizeof err), -1);
	CHECK_STR(err, "进展日期 2027-01-05 不能早于开始实施日期 2027-01-06。");
	CHECK_INT(ops_progress(st, p3, "2027-03-02", "外墙粉刷完成。", err, sizeof err), -1);
	CHECK_STR(err, "进展日期 2027-03-02 还没到（今天是 2027-03-01）。");
	CHECK_INT(ops_progress(st, p3, "2027/02/20", "外墙粉刷完成。", err, sizeof err), -1);
	CHECK_STR(err, "进展日期“2027/02/20”无效，格式应为 2026-11-23。");
	CHECK_INT(ops_progress(st, p3, "2027-02-20", "外墙粉刷完成。", err, sizeof err), 0);
	CHECK_INT(ops_progress(st, p3, "2027-01-20", "脚手架搭设，空鼓部分凿除。", err, sizeof err), 0);
	CHECK_INT(ops_proposal_advance(st, p3, err, sizeof err), 0);
	CHECK_INT(fx_step(p3, NULL), STEP_RESULT);
	CHECK_INT(ops_proposal_advance(st, p3, err, sizeof err), -1);      /* result still up */
	CHECK_CONTAINS(err, "期满后才能归档");
	fx_at("2027-03-08 10:00");
	CHECK_INT(ops_proposal_advance(st, p3, err, sizeof err), 0);
	CHECK_INT(fx_step(p3, NULL), STEP_ARCHIVE);
	{
		struct notice n;
		CHECK_INT(store_notice_for(st, p3, NK_RESULT, &n), 0);
		CHECK_STR(n.doc_no, "〔2027〕2号");
		CHECK(strstr(n.body, "晚于") == NULL);           /* done in time */
		/* the entries in the order they happened, not as typed */
		CHECK_CONTAINS(n.body, "2027年1月20日：脚手架搭设，空鼓部分凿除。\n2027年2月20日：外墙粉刷完成。");
		notice_clear(&n);
	}
	/* every step is in the history */
	{
		struct pevent ev[16];
		int total = 0, n = store_proposal_events(st, p3, ev, 16, &total);
		int seen = 0;
		for (int i = 0; i < n; i++) {
			if (ev[i].action >= ACT_PUBLISH)
				seen |= 1 << ev[i].action;
			pevent_clear(&ev[i]);
		}
		CHECK_INT(seen, (1 << ACT_PUBLISH) | (1 << ACT_IMPLEMENT) |
		                (1 << ACT_PUBLISH_RESULT) | (1 << ACT_ARCHIVE));
	}
}

static void test_check(void)
{
	struct fx_lines l;

	memset(&l, 0, sizeof l);
	CHECK_INT(store_check(st, fx_collect, &l), 0);
	CHECK_STR(l.all, "");
	/* a 文号 edited by hand, past the CHECK constraint */
	CHECK((sqlite3_exec(store_db(st), "UPDATE notice SET doc_no = '〔2026〕9号'"
	                    " WHERE year = 2026 AND seq = 1", NULL, NULL, NULL) & 0xff) == SQLITE_CONSTRAINT);
	CHECK_INT(fx_sql("PRAGMA ignore_check_constraints = 1"), SQLITE_OK);
	CHECK_INT(fx_sql("UPDATE notice SET doc_no = '〔2026〕9号' WHERE year = 2026 AND seq = 1"), SQLITE_OK);
	CHECK_INT(fx_sql("UPDATE notice SET end_date = '2026-02-01' WHERE year = 2026 AND seq = 2"), SQLITE_OK);
	CHECK_INT(fx_sql("PRAGMA ignore_check_constraints = 0"), SQLITE_OK);
	memset(&l, 0, sizeof l);
	CHECK(store_check(st, fx_collect, &l) >= 2);
	CHECK_CONTAINS(l.all, "文号 〔2026〕9号 与其年份序号（2026 年第 1 号）不符");
	CHECK_CONTAINS(l.all, "公示 〔2026〕2号 的公示期不合理");
	CHECK_INT(fx_sql("PRAGMA ignore_check_constraints = 1"), SQLITE_OK);
	CHECK_INT(fx_sql("UPDATE notice SET doc_no = '〔2026〕1号' WHERE year = 2026 AND seq = 1"), SQLITE_OK);
	CHECK_INT(fx_sql("UPDATE notice SET end_date = '2026-07-16' WHERE year = 2026 AND seq = 2"), SQLITE_OK);
	CHECK_INT(fx_sql("PRAGMA ignore_check_constraints = 0"), SQLITE_OK);
	CHECK_INT(store_check(st, NULL, NULL), 0);
}

int main(void)
{
	unsetenv("YISHITING_NOW");
	RUN(test_setup);
	if (st) {
		RUN(test_decision_notice);
		RUN(test_objections);
		RUN(test_implementation);
		RUN(test_numbering);
		RUN(test_advance);
		RUN(test_check);
	}
	fx_db_done(st);
	ys_clock_set(0);
	T_DONE();
}
