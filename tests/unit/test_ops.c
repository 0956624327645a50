/* test_ops.c: the clerk's operations on a real (temporary) database: a
 * proposal through 两委联席会议, 党员大会 and 居民会议, the refusals on the
 * way (no quorum, a failed vote, a closed meeting), roll-call and secret
 * ballots, recounts, and exits whose reasons reach the events and the
 * minutes. */
#include <stdlib.h>
#include <sqlite3.h>

#include "t.h"
#include "fixture.h"
#include "model/core.h"
#include "ops/ops.h"
#include "store/store.h"
#include "base/clock.h"
#include "base/util.h"

static struct store *st;
static char err[512];

/* the roster of the test community */
enum {
	P_SECRETARY,              /* 党委书记: 党组织委员 + 党员 */
	P_DIRECTOR,               /* 居委会主任: 居委会委员 + 党员 */
	P_MEMBER,                 /* 居委会委员 */
	P_PARTY1,                 /* 8 more 党员: P_PARTY1 .. P_PARTY1+7 */
	P_PROB = P_PARTY1 + 8,    /* 2 预备党员 (no vote) */
	P_HOUSE = P_PROB + 2,     /* 12 户代表 */
	P_REP = P_HOUSE + 12,     /* 6 居民代表 */
	P_CLERK = P_REP + 6,      /* 社区工作者 */
	P_COUNT
};
static const struct fx_group roster[] = {
	{ "张书记", ROLE_PARTY_CMTE | ROLE_PARTY, 1 },
	{ "李主任", ROLE_RES_CMTE | ROLE_PARTY, 1 },
	{ "王委员", ROLE_RES_CMTE, 1 },
	{ "党员", ROLE_PARTY, 8 },
	{ "预备党员", ROLE_PARTY_PROB, 2 },
	{ "户代表", ROLE_HOUSEHOLD, 12 },
	{ "居民代表", ROLE_REP, 6 },
	{ "赵记录", ROLE_OTHER, 1 },
};

static void test_open(void)
{
	CHECK_INT(fx_db_temp("ops"), 0);
	st = fx_db_open(err, sizeof err);
	CHECK(st != NULL);
}

static void test_people(void)
{
	CHECK_INT(fx_people(roster, YS_ARRAY_LEN(roster), "138-0000-", 0), P_COUNT);
	for (int i = 0; i < P_COUNT; i++) {
		CHECK(fx_id(i)[0] != '\0');
		CHECK(fx_person(i)->no > 0);
	}
}

static void test_person_save(void)
{
	struct person p;

	memset(&p, 0, sizeof p);
	CHECK_INT(ops_person_save(st, &p, err, sizeof err), -1);
	CHECK_CONTAINS(err, "姓名");
	snprintf(p.name, sizeof p.name, "\xe3\x80\x80 ");
	CHECK_INT(ops_person_save(st, &p, err, sizeof err), -1);
	/* 21 characters */
	snprintf(p.name, sizeof p.name, "一二三四五六七八九十一二三四五六七八九十一");
	CHECK_INT(ops_person_save(st, &p, err, sizeof err), -1);
	CHECK_CONTAINS(err, "20");
	snprintf(p.name, sizeof p.name, "一二三四五六七八九十一二三四五六七八九十");
	snprintf(p.phone, sizeof p.phone, "138abc");
	CHECK_INT(ops_person_save(st, &p, err, sizeof err), -1);
	CHECK_CONTAINS(err, "电话");
	snprintf(p.phone, sizeof p.phone, "+86 138-0000-0000");
	p.roles = ROLE_PARTY | ROLE_PARTY_PROB;
	CHECK_INT(ops_person_save(st, &p, err, sizeof err), -1);
	CHECK_CONTAINS(err, "预备党员");
	p.roles = ROLE_RESIDENT;
	p.active = 1;
	/* 职务: at most 20 characters, what a meeting's chair post holds */
	snprintf(p.post, sizeof p.post, "一二三四五六七八九十一二三四五六七八九十一");
	CHECK_INT(ops_person_save(st, &p, err, sizeof err), -1);
	CHECK_STR(err, "职务不能超过 20 个字。");
	snprintf(p.post, sizeof p.post, " 楼栋长 ");
	CHECK_INT(ops_person_save(st, &p, err, sizeof err), 0);
	CHECK(p.id[0] != '\0');
	CHECK_STR(p.post, "楼栋长");

	/* an update keeps the id and number */
	struct person q;
	char id[ID_LEN];
	int no = p.no;
	ys_strlcpy(id, p.id, sizeof id);
	snprintf(p.name, sizeof p.name, "  孙大妈 ");
	CHECK_INT(ops_person_save(st, &p, err, sizeof err), 0);
	CHECK_STR(p.id, id);
	CHECK_INT(store_person_get(st, id, &q), 0);
	CHECK_STR(q.name, "孙大妈");
	CHECK_INT(q.no, no);
	/* not on any roll: inactive */
	CHECK_INT(store_person_set_active(st, id, 0), 0);
}

static int new_proposal(const char *title, char out_id[ID_LEN], char out_no[16])
{
	return fx_proposal(title, NULL, P_REP, out_id, out_no);
}

static void test_proposal_new(void)
{
	struct proposal p;
	struct proposer pp;
	char id[ID_LEN], no[16];

	memset(&p, 0, sizeof p);
	memset(&pp, 0, sizeof pp);
	snprintf(pp.name, sizeof pp.name, "社区党委");
	pp.kind = PK_ORG;
	p.content = "内容";
	CHECK_INT(ops_proposal_new(st, &p, &pp, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "标题");
	snprintf(p.title, sizeof p.title, "%s",
	         "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	         "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");
	CHECK_INT(ops_proposal_new(st, &p, &pp, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "60");
	snprintf(p.title, sizeof p.title, "路灯维修");
	p.content = "  ";
	CHECK_INT(ops_proposal_new(st, &p, &pp, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "内容");
	p.content = "内容";
	CHECK_INT(ops_proposal_new(st, &p, &pp, 0, err, sizeof err), -1);
	CHECK_CONTAINS(err, "提议人");
	CHECK_INT(store_proposal_count(st, STEP_PROPOSE), 0);

	CHECK_INT(new_proposal("3栋加装电梯", id, no), 0);
	CHECK_STR(no, "2026-001");
	CHECK_INT(fx_step(id, NULL), STEP_PROPOSE);
}

/* a planned meeting of `kind` with the proposals given */
static int new_meeting(int kind, const char *const *pids, int n,
                       const char *const *free_titles, int nfree, char mid[ID_LEN])
{
	struct meeting m;
	int rc;

	fx_meeting_fill(&m, kind, "2026-11-22", "14:00", P_CLERK);
	rc = fx_meeting_new(&m, pids, n, free_titles, nfree, mid);
	if (rc == 0) {
		CHECK_INT(m.status, MS_PLANNED);
		CHECK_STR(m.chair_name, "张书记");
		CHECK_STR(m.clerk_name, "赵记录");
		CHECK(m.rule_id[0] != '\0');
	}
	meeting_clear(&m);
	return rc;
}

/* does the meeting's minutes contain a line with text (by speaker)? */
static int minutes_have(const char *mid, const char *text, const char *speaker)
{
	struct minute mi[32];
	int n = store_minute_page(st, mid, 0, 1, mi, 32), found = 0;
	for (int i = 0; i < n; i++) {
		if (mi[i].text && strstr(mi[i].text, text) &&
		    (!speaker || strcmp(mi[i].speaker, speaker) == 0))
			found = 1;
		minute_clear(&mi[i]);
	}
	return found;
}

/* the last event of a proposal */
static int last_event(const char *id, struct pevent *out)
{
	struct pevent ev[16];
	int total = 0, n = store_proposal_events(st, id, ev, 16, &total);
	if (n <= 0)
		return -1;
	*out = ev[n - 1];
	ev[n - 1].reason = NULL;      /* moved to *out */
	for (int i = 0; i < n; i++)
		pevent_clear(&ev[i]);
	return 0;
}

/* the scenario: one proposal through the whole procedure */
static void test_scenario(void)
{
	char prop[ID_LEN], no[16], mid[ID_LEN], aid[ID_LEN], fid[ID_LEN];
	const char *ids[1];
	struct vote v, v2;
	struct quorum_state q;
	struct pevent ev;

	CHECK_INT(new_proposal("5栋雨污分流改造", prop, no), 0);
	ids[0] = prop;

	/* steps are never skipped: not to 党员大会 before 两委 */
	CHECK_INT(new_meeting(MK_PARTY, ids, 1, NULL, 0, mid), -1);
	CHECK_CONTAINS(err, "尚未经两委联席会议商议，不能提交党员大会审议");
	CHECK_CONTAINS(err, no);
	CHECK_INT(new_meeting(MK_RESIDENTS, ids, 1, NULL, 0, mid), -1);

	/* ---- 两委联席会议 ---- */
	CHECK_INT(new_meeting(MK_LIANGWEI, ids, 1, NULL, 0, mid), 0);
	CHECK_INT(fx_agenda(mid, 1, aid), 0);
	CHECK_INT(fx_hands(mid, aid, 3, 0, 0, &v), -1);
	CHECK_CONTAINS(err, "会议尚未开始");
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), -1);
	/* 应到 3 (张书记, 李主任, 王委员) */
	CHECK_INT(fx_sign(mid, P_SECRETARY, 3), 0);
	CHECK_INT(ops_quorum(st, mid, &q, err, sizeof err), 0);
	CHECK_INT(q.c.entitled, 3);
	CHECK_INT(q.c.present, 3);
	CHECK_INT(q.ok, 1);
	/* no vote yet: cannot forward */
	struct close_req fwd = { .outcome = OC_FORWARD };
	CHECK_INT(ops_item_close(st, mid, aid, &fwd, err, sizeof err), -1);
	CHECK_CONTAINS(err, "表决未通过");
	CHECK_INT(fx_hands(mid, aid, 3, 0, 0, &v), 0);
	CHECK_INT(v.passed, 1);
	CHECK_STR(v.sentence, "赞成 3 票，超过出席人数 3 人的半数，通过。");
	CHECK_STR(v.rule.code, "LIANGWEI");
	CHECK_INT(ops_item_close(st, mid, aid, &fwd, err, sizeof err), 0);
	CHECK_INT(fx_step(prop, NULL), STEP_CONSULT);
	CHECK_INT(ops_item_close(st, mid, aid, &fwd, err, sizeof err), -1);
	CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), 0);
	/* a closed meeting refuses sign-in, votes and minutes */
	CHECK_INT(ops_attend(st, mid, fx_id(P_MEMBER), ATT_ABSENT, NULL, NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, "散会");
	CHECK_INT(fx_hands(mid, aid, 3, 0, 0, &v2), -1);
	CHECK_STR(err, "会议已散会，不能再表决。");
	struct minute mi = { .text = "补记" };
	ys_strlcpy(mi.meeting_id, mid, sizeof mi.meeting_id);
	CHECK_INT(ops_minute_add(st, &mi, err, sizeof err), -1);
	CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), -1);

	/* ---- 党员大会 ---- */
	CHECK_INT(new_meeting(MK_LIANGWEI, ids, 1, NULL, 0, mid), -1);
	CHECK_CONTAINS(err, "不能再提交两委联席会议");
	CHECK_INT(new_meeting(MK_PARTY, ids, 1, NULL, 0, mid), 0);
	CHECK_INT(fx_agenda(mid, 1, aid), 0);
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
	CHECK_INT(ops_quorum(st, mid, &q, err, sizeof err), 0);
	CHECK_INT(q.c.entitled, 10);          /* 正式党员 only */
	CHECK_INT(q.needed, 5);
	/* 预备党员 are not on the sheet */
	CHECK_INT(ops_attend(st, mid, fx_id(P_PROB), ATT_PRESENT, NULL, NULL, err, sizeof err), -1);
	/* 请假 needs a reason */
	CHECK_INT(ops_attend(st, mid, fx_id(P_PARTY1 + 7), ATT_LEAVE, "", NULL, err, sizeof err), -1);
	CHECK_INT(ops_attend(st, mid, fx_id(P_PARTY1 + 7), ATT_LEAVE, "外出务工", NULL, err, sizeof err), 0);
	CHECK_INT(fx_sign(mid, P_SECRETARY, 2), 0);
	CHECK_INT(fx_sign(mid, P_PARTY1, 2), 0);      /* 4 of 10 */
	CHECK_INT(fx_hands(mid, aid, 4, 0, 0, &v), -1);
	CHECK_STR(err, "应到 10 人，实到 4 人，未达到应到会有表决权的党员的半数以上（至少 5 人），"
	          "不足法定人数，不能表决。");
	CHECK_INT(store_vote_latest(st, aid, &v2), 1);   /* nothing stored */
	CHECK_INT(fx_sign(mid, P_PARTY1 + 2, 2), 0);  /* 6 of 10 */
	CHECK_INT(ops_quorum(st, mid, &q, err, sizeof err), 0);
	CHECK_INT(q.ok, 1);
	CHECK_INT(q.c.leave, 1);
	/* more votes than people present */
	CHECK_INT(fx_hands(mid, aid, 5, 2, 0, &v), -1);
	CHECK_CONTAINS(err, "赞成、反对、弃权合计 7 票，超过实到 6 人");
	/* 5 of 6 present but not more than half of 10 entitled */
	CHECK_INT(fx_hands(mid, aid, 5, 1, 0, &v), 0);
	CHECK_INT(v.passed, 0);
	CHECK_INT(v.t.entitled, 10);
	CHECK_INT(v.t.present, 6);
	CHECK_STR(v.sentence, "赞成 5 票，未超过应到会有表决权的党员 10 人的半数，未通过。");
	CHECK_INT(ops_item_close(st, mid, aid, &fwd, err, sizeof err), -1);
	CHECK_CONTAINS(err, "表决未通过");
	/* a recount needs a reason and corrects the latest vote only */
	struct vote_req re = { .method = VM_HANDS, .yes = 6, .supersedes = v.id };
	CHECK_INT(ops_vote(st, mid, aid, &re, &v2, err, sizeof err), -1);
	CHECK_CONTAINS(err, "理由");
	re.reason = "计票人漏记一票，重新清点";
	CHECK_INT(ops_vote(st, mid, aid, &re, &v2, err, sizeof err), 0);
	CHECK_INT(v2.passed, 1);
	CHECK_INT(v2.round, 2);
	CHECK_STR(v2.supersedes, v.id);
	CHECK_STR(v2.sentence, "赞成 6 票，超过应到会有表决权的党员 10 人的半数，通过。");
	CHECK_INT(ops_vote(st, mid, aid, &re, &v, err, sizeof err), -1);   /* v is no longer latest */
	struct vote list[4];
	CHECK_INT(store_vote_list(st, aid, list, 4), 2);
	/* a proposal at a 党员大会 is concluded, not merely heard */
	CHECK_INT(ops_item_close_check(st, mid, aid, OC_NOTED, err, sizeof err), -1);
	CHECK_CONTAINS(err, "“已听取意见”只用于议事协商会和其他议题");
	CHECK_INT(ops_item_close(st, mid, aid, &fwd, err, sizeof err), 0);
	CHECK_INT(fx_step(prop, NULL), STEP_REVIEW);
	CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), 0);

	/* ---- 居民会议 with a free item ---- */
	const char *free_titles[] = { "小区停车收费意见征集" };
	CHECK_INT(new_meeting(MK_RESIDENTS, ids, 1, free_titles, 1, mid), 0);
	CHECK_INT(fx_agenda(mid, 1, aid), 0);
	CHECK_INT(fx_agenda(mid, 2, fid), 0);
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
	/* 12 households, 6 present is exactly half: 过半数 not reached */
	CHECK_INT(fx_sign(mid, P_HOUSE, 6), 0);
	CHECK_INT(fx_hands(mid, aid, 6, 0, 0, &v), -1);
	CHECK_CONTAINS(err, "未超过应到户代表的半数（至少 7 人）");
	CHECK_INT(fx_sign(mid, P_HOUSE + 6, 1), 0);   /* 7 of 12 */

	/* roll call: one ballot per present person */
	struct ballot b[8];
	memset(b, 0, sizeof b);
	for (int i = 0; i < 7; i++) {
		ys_strlcpy(b[i].person_id, fx_id(P_HOUSE + i), sizeof b[i].person_id);
		b[i].choice = i < 5 ? CH_YES : i == 5 ? CH_NO : CH_ABSTAIN;
	}
	struct vote_req rc = { .method = VM_ROLLCALL, .ballots = b, .nballots = 6 };
	CHECK_INT(ops_vote(st, mid, aid, &rc, &v, err, sizeof err), -1);   /* one missing */
	CHECK_CONTAINS(err, "实到 7 人");
	rc.nballots = 7;
	ys_strlcpy(b[6].person_id, fx_id(P_HOUSE + 10), sizeof b[6].person_id);  /* absent */
	CHECK_INT(ops_vote(st, mid, aid, &rc, &v, err, sizeof err), -1);
	ys_strlcpy(b[6].person_id, fx_id(P_HOUSE), sizeof b[6].person_id);       /* twice */
	CHECK_INT(ops_vote(st, mid, aid, &rc, &v, err, sizeof err), -1);
	CHECK_CONTAINS(err, "两票");
	ys_strlcpy(b[6].person_id, fx_id(P_HOUSE + 6), sizeof b[6].person_id);
	rc.yes = 99;                 /* ignored: counts come from the ballots */
	/* given in any order, kept in roster order (the minutes print them so) */
	for (int i = 0; i < 3; i++) {
		struct ballot t = b[i];
		b[i] = b[6 - i];
		b[6 - i] = t;
	}
	CHECK_INT(ops_vote(st, mid, aid, &rc, &v, err, sizeof err), 0);
	CHECK_INT(v.method, VM_ROLLCALL);
	CHECK_INT(v.t.yes, 5);
	CHECK_INT(v.t.no, 1);
	CHECK_INT(v.t.abstain, 1);
	CHECK_INT(v.passed, 1);
	CHECK_STR(v.sentence, "赞成 5 票，超过出席人数 7 人的半数，通过。");
	struct ballot got[10];
	CHECK_INT(store_ballots(st, v.id, got, 10), 7);
	for (int i = 0; i < 7; i++)
		CHECK_STR(got[i].person_id, fx_id(P_HOUSE + i));
	CHECK_INT(got[0].choice, CH_YES);
	CHECK_INT(got[6].choice, CH_ABSTAIN);

	/* a picker at this meeting lists the 7 present first, then the rest,
	 * each part in roster order, paging by rank without loss */
	{
		struct person_query pq = { .present_at = mid };
		struct person pg[4];
		int seen = 0, present = 0, after = 0, last = 0, n;
		int total = store_person_count(st, &(struct person_query){ 0 });
		while ((n = store_person_page(st, &pq, after, 1, pg, 4)) > 0) {
			for (int i = 0; i < n; i++) {
				CHECK(pg[i].rank > last);
				last = pg[i].rank;
				if (pg[i].rank < PERSON_AWAY) {
					CHECK_INT(seen, present);     /* all present before any other */
					present++;
				}
				seen++;
			}
			after = pg[n - 1].rank;
		}
		CHECK_INT(present, 7);
		CHECK_INT(seen, total);
		CHECK_INT(store_person_page(st, &pq, PERSON_AWAY, -1, pg, 4), 4);
		CHECK_INT(pg[3].rank, fx_person(P_HOUSE + 6)->no);   /* the last present */
	}

	/* secret ballot on the free item: counts only */
	struct teller tl[2] = { { .role = TELLER_SCRUTINEER }, { .role = TELLER_COUNTER } };
	snprintf(tl[0].person_id, sizeof tl[0].person_id, "%s", fx_id(P_HOUSE));
	snprintf(tl[1].person_id, sizeof tl[1].person_id, "%s", fx_id(P_HOUSE + 1));
	struct vote_req sec = { .method = VM_SECRET, .yes = 4, .no = 2, .abstain = 1,
	                        .ballots = b, .nballots = 7, .bc = { 7, 7, 7, 0 },
	                        .tellers = tl, .ntellers = 2 };
	CHECK_INT(ops_vote(st, mid, fid, &sec, &v2, err, sizeof err), -1);
	CHECK_CONTAINS(err, "无记名");
	sec.ballots = NULL;
	sec.nballots = 0;
	CHECK_INT(ops_vote(st, mid, fid, &sec, &v2, err, sizeof err), 0);
	CHECK_INT(v2.method, VM_SECRET);
	CHECK_INT(store_ballots(st, v2.id, got, 10), 0);

	/* a 决议 passed says what was decided: it is the notice's content */
	CHECK_INT(ops_item_close(st, mid, aid, &fwd, err, sizeof err), -1);
	CHECK_STR(err, "决议通过须写明决定事项（作为决议公开的决议内容）。");
	fwd.decision = "一、同意加装电梯；\n二、费用按楼层分摊。";
	/* closing with an item still open needs force */
	CHECK_INT(ops_item_close(st, mid, aid, &fwd, err, sizeof err), 0);
	fwd.decision = NULL;
	CHECK_INT(fx_step(prop, NULL), STEP_RESOLVE);
	CHECK_INT(last_event(prop, &ev), 0);
	CHECK_INT(ev.action, ACT_FORWARD);
	CHECK_INT(ev.from_step, STEP_REVIEW);
	CHECK_INT(ev.to_step, STEP_RESOLVE);
	CHECK_STR(ev.meeting_id, mid);
	CHECK_STR(ev.agenda_id, aid);
	CHECK_STR(ev.vote_id, v.id);
	pevent_clear(&ev);
	struct close_req noted = { .outcome = OC_NOTED };
	/* 其他议题 may be heard and closed at any meeting: each choice offered
	 * is one the item may take */
	{
		struct meeting_state ms;
		struct agenda_item fi;
		int oc[5], k;
		CHECK_INT(ops_meeting_state(st, mid, &ms, err, sizeof err), 0);
		CHECK_INT(store_agenda_get(st, fid, &fi), 0);
		k = ops_item_outcomes(&ms, &fi, oc);
		CHECK_INT(k, 3);
		CHECK_INT(oc[0], OC_NOTED);
		for (int i = 0; i < k; i++)
			CHECK_INT(ops_item_close_check(st, mid, fid, oc[i], err, sizeof err), 0);
		agenda_clear(&fi);
	}
	CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, "小区停车收费意见征集");
	(void)noted;
	CHECK_INT(ops_meeting_close(st, mid, 1, NULL, err, sizeof err), 0);

	/* ---- after the decision: the clerk's steps ---- */
	/* the notices are signed by the community's organisations */
	CHECK_INT(ops_proposal_advance(st, prop, err, sizeof err), -1);
	CHECK_CONTAINS(err, "落款");
	CHECK_INT(fx_step(prop, NULL), STEP_RESOLVE);
	{
		struct community com;
		memset(&com, 0, sizeof com);
		snprintf(com.name, sizeof com.name, "幸福里社区");
		snprintf(com.party_org, sizeof com.party_org, "中共幸福里社区委员会");
		snprintf(com.committee, sizeof com.committee, "幸福里社区居民委员会");
		CHECK_INT(store_community_set(st, &com), 0);
	}
	CHECK_INT(ops_proposal_advance(st, prop, err, sizeof err), 0);     /* 决议公开 */
	CHECK_INT(fx_step(prop, NULL), STEP_PUBLISH);
	CHECK_INT(ops_proposal_withdraw(st, prop, "不想做了", err, sizeof err), -1);
	/* 实施 needs a responsible person and a deadline */
	CHECK_INT(ops_proposal_advance(st, prop, err, sizeof err), -1);
	CHECK_CONTAINS(err, "责任人");
	/* today is within the decision notice's 7 days: 实施 needs a reason */
	struct impl_req ir = { .responsible = "李主任", .deadline = "2026-12-31" };
	CHECK_INT(ops_implement(st, prop, &ir, err, sizeof err), -1);
	CHECK_STR(err, "决议公示期到 2026-11-28 才结束，在此之前（2026-11-22）开始实施须写明理由。");
	CHECK_INT(fx_step(prop, NULL), STEP_PUBLISH);
	ir.reason = "汛期将至，经街道同意提前施工。";
	CHECK_INT(ops_implement(st, prop, &ir, err, sizeof err), 0);
	CHECK_INT(fx_step(prop, NULL), STEP_IMPLEMENT);
	CHECK_INT(last_event(prop, &ev), 0);
	CHECK_INT(ev.action, ACT_IMPLEMENT);
	CHECK_STR(ev.reason, "汛期将至，经街道同意提前施工。");
	pevent_clear(&ev);
	/* the result notice is written from progress entries */
	CHECK_INT(ops_proposal_advance(st, prop, err, sizeof err), -1);
	CHECK_CONTAINS(err, "实施进展");
	CHECK_INT(ops_progress(st, prop, "", "管道改造完工，通过验收。", err, sizeof err), 0);
	/* still within the decision notice: the plain step is refused, the
	 * notice with a reason goes up */
	CHECK_INT(ops_proposal_advance(st, prop, err, sizeof err), -1);
	CHECK_STR(err, "决议公示期到 2026-11-28 才结束，在此之前（2026-11-22）公开实施结果须写明理由。");
	{
		struct notice_req nr = { .kind = NK_RESULT, .reason = "工程当日完工，居民要求尽快公开。" };
		CHECK_INT(ops_notice_new(st, prop, &nr, NULL, err, sizeof err), 0);     /* 实施结果公开 */
	}
	CHECK_INT(fx_step(prop, NULL), STEP_RESULT);
	CHECK_INT(last_event(prop, &ev), 0);
	CHECK_STR(ev.reason, "工程当日完工，居民要求尽快公开。");
	pevent_clear(&ev);
	/* an objection not answered keeps the matter open */
	{
		struct notice n;
		struct objection o[2];
		CHECK_INT(store_notice_for(st, prop, NK_RESULT, &n), 0);
		CHECK_INT(ops_objection(st, n.id, "7栋住户", "管道接口仍有渗漏。", err, sizeof err), 0);
		CHECK_INT(ops_proposal_advance(st, prop, err, sizeof err), -1);
		CHECK_STR(err, "公示还有 1 条异议未答复：答复后才能归档（在「5 公示栏」选中公示，按 r 答复）。");
		CHECK_INT(ops_proposal_can(st, prop, OPP_ADVANCE, NULL, err, sizeof err), -1);
		CHECK_INT(store_objection_list(st, n.id, o, 2), 1);
		CHECK_INT(ops_objection_answer(st, o[0].id, "已安排物业公司复查接口，三日内修复。",
		                               err, sizeof err), 0);
		objection_clear(&o[0]);
		/* objections may still come while the result is posted */
		CHECK_INT(ops_proposal_advance(st, prop, err, sizeof err), -1);
		CHECK_STR(err, "实施结果公示期到 2026-11-28 才结束，期满后才能归档（公示期内还可能收到异议）。");
		ys_clock_set(ys_parse_stamp("2026-11-29 09:00"));
		CHECK_INT(ops_proposal_advance(st, prop, err, sizeof err), 0);     /* 归档 */
		CHECK_INT(fx_step(prop, NULL), STEP_ARCHIVE);
		/* an archived matter takes no more objections */
		CHECK_INT(ops_objection(st, n.id, "7栋住户", "又渗漏了。", err, sizeof err), -1);
		CHECK_CONTAINS(err, "已归档，不能再对其公示登记异议");
		notice_clear(&n);
	}
	CHECK_INT(ops_proposal_advance(st, prop, err, sizeof err), -1);
	CHECK_CONTAINS(err, "归档");
	ys_clock_set(0);
}

/* exits: 退回, 不予采纳, 撤回 with their reasons in events and minutes */
static void test_exits(void)
{
	char a[ID_LEN], an[16], b[ID_LEN], bn[16], c[ID_LEN], cn[16];
	char mid[ID_LEN], aid[ID_LEN], bid[ID_LEN];
	const char *both[2];
	struct vote v;
	struct pevent ev;
	int status = -1;

	CHECK_INT(new_proposal("停车位改造", a, an), 0);
	CHECK_INT(new_proposal("楼道杂物清理", b, bn), 0);
	CHECK_INT(new_proposal("广场舞噪音", c, cn), 0);

	/* 撤回 outside a meeting */
	CHECK_INT(ops_proposal_withdraw(st, c, "", err, sizeof err), -1);
	CHECK_STR(err, "撤回须写明理由。");
	CHECK_INT(ops_proposal_withdraw(st, c, "已与物业协商解决", err, sizeof err), 0);
	CHECK_INT(fx_step(c, &status), STEP_PROPOSE);
	CHECK_INT(status, PST_WITHDRAWN);
	CHECK_INT(last_event(c, &ev), 0);
	CHECK_INT(ev.action, ACT_WITHDRAW);
	CHECK_STR(ev.reason, "已与物业协商解决");
	pevent_clear(&ev);
	both[0] = c;
	CHECK_INT(new_meeting(MK_LIANGWEI, both, 1, NULL, 0, mid), -1);
	CHECK_CONTAINS(err, "已撤回");

	/* 两委: A forwarded, B not adopted */
	both[0] = a;
	both[1] = b;
	CHECK_INT(new_meeting(MK_LIANGWEI, both, 2, NULL, 0, mid), 0);
	CHECK_INT(fx_agenda(mid, 1, aid), 0);
	CHECK_INT(fx_agenda(mid, 2, bid), 0);
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
	CHECK_INT(fx_sign(mid, P_SECRETARY, 2), 0);
	CHECK_INT(fx_hands(mid, aid, 2, 0, 0, &v), 0);
	struct close_req fwd = { .outcome = OC_FORWARD };
	CHECK_INT(ops_item_close(st, mid, aid, &fwd, err, sizeof err), 0);
	struct close_req rej = { .outcome = OC_REJECT };
	CHECK_INT(ops_item_close(st, mid, bid, &rej, err, sizeof err), -1);
	CHECK_STR(err, "不予采纳须写明理由。");
	struct close_req ret = { .outcome = OC_RETURN, .to_step = STEP_PROPOSE, .reason = "x" };
	CHECK_INT(ops_item_close(st, mid, bid, &ret, err, sizeof err), -1);
	CHECK_CONTAINS(err, "没有更早的步骤");
	rej.reason = "属于物业服务范围，转物业公司处理";
	CHECK_INT(ops_item_close(st, mid, bid, &rej, err, sizeof err), 0);
	CHECK_INT(fx_step(b, &status), STEP_PROPOSE);
	CHECK_INT(status, PST_REJECTED);
	CHECK(minutes_have(mid, "不予采纳：属于物业服务范围，转物业公司处理", "赵记录"));
	CHECK(minutes_have(mid, bn, NULL));
	CHECK_INT(last_event(b, &ev), 0);
	CHECK_INT(ev.action, ACT_REJECT);
	CHECK_STR(ev.meeting_id, mid);
	CHECK_STR(ev.reason, "属于物业服务范围，转物业公司处理");
	pevent_clear(&ev);
	/* minutes by hand, with the clock fixed by YISHITING_NOW */
	struct minute mi = { .text = "王委员：建议先摸清车位数量。" };
	ys_strlcpy(mi.meeting_id, mid, sizeof mi.meeting_id);
	snprintf(mi.speaker, sizeof mi.speaker, "王委员");
	CHECK_INT(ops_minute_add(st, &mi, err, sizeof err), 0);
	CHECK_STR(mi.at, "14:05");
	CHECK(mi.id[0] != '\0');        /* text is ours (a literal): no minute_clear */
	struct minute empty = { .text = " " };
	ys_strlcpy(empty.meeting_id, mid, sizeof empty.meeting_id);
	CHECK_INT(ops_minute_add(st, &empty, err, sizeof err), -1);
	/* a line longer than the limit is refused with its length, not cut */
	{
		struct strbuf big = { 0 };
		for (int i = 0; i <= MINUTE_MAX_CHARS; i++)
			sb_add(&big, "字");
		struct minute lng = { .text = big.s };
		ys_strlcpy(lng.meeting_id, mid, sizeof lng.meeting_id);
		CHECK_INT(ops_minute_add(st, &lng, err, sizeof err), -1);
		CHECK(strstr(err, "最多 2000 个字，这一条有 2001 个字") != NULL);
		big.s[strlen(big.s) - 3] = '\0';
		CHECK_INT(ops_minute_add(st, &lng, err, sizeof err), 0);
		sb_free(&big);
	}
	CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), 0);

	/* 党员大会: A returned to 提议 */
	both[0] = a;
	CHECK_INT(new_meeting(MK_PARTY, both, 1, NULL, 0, mid), 0);
	CHECK_INT(fx_agenda(mid, 1, aid), 0);
	struct close_req ret2 = { .outcome = OC_RETURN, .to_step = STEP_PROPOSE,
	                          .reason = "方案需补充费用测算" };
	CHECK_INT(ops_item_close(st, mid, aid, &ret2, err, sizeof err), -1);
	CHECK_CONTAINS(err, "会议尚未开始");
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
	ret2.to_step = STEP_CONSULT;      /* not earlier than the current step */
	CHECK_INT(ops_item_close(st, mid, aid, &ret2, err, sizeof err), -1);
	ret2.to_step = STEP_PROPOSE;
	ret2.reason = NULL;
	CHECK_INT(ops_item_close(st, mid, aid, &ret2, err, sizeof err), -1);
	CHECK_STR(err, "退回须写明理由。");
	ret2.reason = "方案需补充费用测算";
	CHECK_INT(ops_item_close(st, mid, aid, &ret2, err, sizeof err), 0);
	CHECK_INT(fx_step(a, &status), STEP_PROPOSE);
	CHECK_INT(status, PST_ACTIVE);
	char line[128];
	snprintf(line, sizeof line, "议题 %s 退回至提议：方案需补充费用测算", an);
	CHECK(minutes_have(mid, line, "赵记录"));
	CHECK_INT(last_event(a, &ev), 0);
	CHECK_INT(ev.action, ACT_RETURN);
	CHECK_INT(ev.from_step, STEP_CONSULT);
	CHECK_INT(ev.to_step, STEP_PROPOSE);
	CHECK_STR(ev.reason, "方案需补充费用测算");
	CHECK_STR(ev.agenda_id, aid);
	pevent_clear(&ev);
	CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), 0);

	/* a rejected proposal cannot come back */
	both[0] = b;
	CHECK_INT(new_meeting(MK_LIANGWEI, both, 1, NULL, 0, mid), -1);
	CHECK_CONTAINS(err, "已不予采纳");
}

static void test_meeting_checks(void)
{
	struct meeting m;
	char mid[ID_LEN];
	const char *free_titles[] = { "听取居民对垃圾分类的意见" };

	memset(&m, 0, sizeof m);
	m.kind = 9;
	CHECK_INT(ops_meeting_new(st, &m, NULL, 0, NULL, 0, err, sizeof err), -1);
	m.kind = MK_CONSULT;
	snprintf(m.date, sizeof m.date, "2026-02-30");
	snprintf(m.start_time, sizeof m.start_time, "14:00");
	snprintf(m.place, sizeof m.place, "小区议事厅");
	snprintf(m.chair_name, sizeof m.chair_name, "李主任");
	snprintf(m.clerk_name, sizeof m.clerk_name, "赵记录");
	CHECK_INT(ops_meeting_new(st, &m, NULL, 0, free_titles, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "日期");
	snprintf(m.date, sizeof m.date, "2026-11-23");
	snprintf(m.start_time, sizeof m.start_time, "25:00");
	CHECK_INT(ops_meeting_new(st, &m, NULL, 0, free_titles, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "时间");
	snprintf(m.start_time, sizeof m.start_time, "19:30");
	m.place[0] = '\0';
	CHECK_INT(ops_meeting_new(st, &m, NULL, 0, free_titles, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "地点");
	snprintf(m.place, sizeof m.place, "小区议事厅");
	snprintf(m.clerk_name, sizeof m.clerk_name, " ");
	CHECK_INT(ops_meeting_new(st, &m, NULL, 0, free_titles, 1, err, sizeof err), -1);
	CHECK_CONTAINS(err, "记录人");
	snprintf(m.clerk_name, sizeof m.clerk_name, "赵记录");
	CHECK_INT(ops_meeting_new(st, &m, NULL, 0, free_titles, 1, err, sizeof err), 0);
	CHECK_STR(m.title, "2026年第1次议事协商会");
	ys_strlcpy(mid, m.id, sizeof mid);
	meeting_clear(&m);

	/* 议事协商会: no quorum, items are noted */
	char fid[ID_LEN];
	struct quorum_state q;
	struct close_req noted = { .outcome = OC_NOTED };
	CHECK_INT(fx_agenda(mid, 1, fid), 0);
	/* dated tomorrow: nothing can be recorded at it yet */
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, "会议日期 2026-11-23 还没到（今天是 2026-11-22）");
	CHECK_INT(ops_observer(st, mid, NULL, "物业公司刘经理", err, sizeof err), -1);
	CHECK_CONTAINS(err, "还没到");
	fx_at("2026-11-23 19:00");
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
	CHECK_INT(ops_quorum(st, mid, &q, err, sizeof err), 0);
	CHECK_INT(q.ok, 1);
	/* a guest from the property company */
	CHECK_INT(ops_observer(st, mid, NULL, "物业公司刘经理", err, sizeof err), 0);
	CHECK_INT(ops_observer(st, mid, NULL, "", err, sizeof err), -1);
	CHECK_INT(ops_observer(st, mid, fx_id(P_REP), NULL, err, sizeof err), -1);  /* on the sheet */
	CHECK_INT(ops_observer(st, mid, fx_id(P_HOUSE), NULL, err, sizeof err), 0);
	CHECK_INT(ops_quorum(st, mid, &q, err, sizeof err), 0);
	CHECK_INT(q.c.observers, 2);
	CHECK_INT(ops_item_close(st, mid, fid, &noted, err, sizeof err), 0);
	CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), 0);
	CHECK_INT(ops_observer(st, mid, NULL, "迟到的人", err, sizeof err), -1);
	ys_clock_set(0);
}

/* nothing is half-written: a write that fails in the middle of an
 * operation (made to fail here by a trigger) undoes the whole of it */
static void test_atomic(void)
{
	char prop[ID_LEN], no[16], mid[ID_LEN], aid[ID_LEN];
	const char *ids[1];
	struct pevent ev[4];
	struct agenda_item a;
	struct vote v;
	int total = 0, status = -1;

	CHECK_INT(new_proposal("垃圾分类亭选址", prop, no), 0);
	ids[0] = prop;
	CHECK_INT(new_meeting(MK_LIANGWEI, ids, 1, NULL, 0, mid), 0);
	CHECK_INT(fx_agenda(mid, 1, aid), 0);
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
	CHECK_INT(fx_sign(mid, P_SECRETARY, 3), 0);

	/* the minute line is the last write of a rejection */
	CHECK_INT(fx_sql("CREATE TEMP TRIGGER no_minute BEFORE INSERT ON minute "
	                   "BEGIN SELECT RAISE(ABORT, '测试：记录写入失败'); END"), SQLITE_OK);
	struct close_req rej = { .outcome = OC_REJECT, .reason = "选址不当" };
	CHECK_INT(ops_item_close(st, mid, aid, &rej, err, sizeof err), -1);
	CHECK(err[0] != '\0');
	CHECK_INT(store_agenda_get(st, aid, &a), 0);
	CHECK_INT(a.outcome, OC_OPEN);
	agenda_clear(&a);
	CHECK_INT(fx_step(prop, &status), STEP_PROPOSE);
	CHECK_INT(status, PST_ACTIVE);
	CHECK_INT(store_proposal_events(st, prop, ev, 4, &total), 1);   /* 提出 only */
	for (int i = 0; i < total && i < 4; i++)
		pevent_clear(&ev[i]);
	CHECK_INT(fx_sql("DROP TRIGGER no_minute"), SQLITE_OK);

	/* a roll call whose ballots cannot be written leaves no vote */
	CHECK_INT(fx_sql("CREATE TEMP TRIGGER no_ballot BEFORE INSERT ON ballot "
	                   "BEGIN SELECT RAISE(ABORT, '测试：选票写入失败'); END"), SQLITE_OK);
	struct ballot b[3];
	memset(b, 0, sizeof b);
	for (int i = 0; i < 3; i++) {
		ys_strlcpy(b[i].person_id, fx_id(P_SECRETARY + i), sizeof b[i].person_id);
		b[i].choice = CH_YES;
	}
	struct vote_req rc = { .method = VM_ROLLCALL, .ballots = b, .nballots = 3 };
	CHECK_INT(ops_vote(st, mid, aid, &rc, &v, err, sizeof err), -1);
	CHECK_INT(store_vote_latest(st, aid, &v), 1);
	CHECK_INT(fx_sql("DROP TRIGGER no_ballot"), SQLITE_OK);

	/* and once the fault is gone, the same operations go through */
	CHECK_INT(ops_vote(st, mid, aid, &rc, &v, err, sizeof err), 0);
	CHECK_INT(store_ballots(st, v.id, b, 3), 3);
	CHECK_INT(ops_item_close(st, mid, aid, &rej, err, sizeof err), 0);
	CHECK_INT(fx_step(prop, &status), STEP_PROPOSE);
	CHECK_INT(status, PST_REJECTED);
	CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), 0);
}

/* the last event of a proposal, with when it happened and when it was typed */
static int last_event_of(const char *pid, struct pevent *ev)
{
	struct pevent *all = NULL;
	int n = store_proposal_events_all(st, pid, &all);

	if (n <= 0)
		return -1;
	*ev = all[n - 1];
	all[n - 1].reason = NULL;
	for (int i = 0; i < n; i++)
		pevent_clear(&all[i]);
	free(all);
	return 0;
}

/* Meetings held on paper and typed in afterwards: the record carries the
 * meeting's own times, and the dates of a matter stay in order. */
static void test_entered_afterwards(void)
{
	char prop[ID_LEN], pno[16], lw[ID_LEN], pa[ID_LEN], aid[ID_LEN], bad[ID_LEN];
	const char *pids[1];
	struct meeting m, got;
	struct meeting_state ms;
	struct pevent ev;
	struct seal s;
	struct vote v;
	char t[6];

	fx_at("2026-11-22 20:10");
	/* 提议日期: from the paper, never in the future */
	struct proposal p;
	struct proposer pp;
	memset(&p, 0, sizeof p);
	memset(&pp, 0, sizeof pp);
	snprintf(p.title, sizeof p.title, "关于5号楼雨污分流改造的提议");
	p.content = "5号楼雨水管与污水管混接，雨天返臭。";
	snprintf(pp.name, sizeof pp.name, "%s", fx_name(P_REP));
	snprintf(pp.person_id, sizeof pp.person_id, "%s", fx_id(P_REP));
	snprintf(p.proposed_on, sizeof p.proposed_on, "2026-12-01");
	CHECK_INT(ops_proposal_new(st, &p, &pp, 1, err, sizeof err), -1);
	CHECK_STR(err, "提议日期 2026-12-01 还没到（今天是 2026-11-22）。");
	snprintf(p.proposed_on, sizeof p.proposed_on, "2026-10-08");
	CHECK_INT(ops_proposal_new(st, &p, &pp, 1, err, sizeof err), 0);
	snprintf(prop, sizeof prop, "%s", p.id);
	snprintf(pno, sizeof pno, "%s", p.number);
	CHECK_INT(last_event_of(prop, &ev), 0);
	CHECK_STR(ev.at, "2026-10-08 00:00:00");         /* when it was proposed */
	CHECK_STR(ev.recorded_at, "2026-11-22 20:10:00"); /* when it was typed */
	pevent_clear(&ev);

	/* a 两委联席会议 dated before the proposal is refused */
	pids[0] = prop;
	fx_meeting_fill(&m, MK_LIANGWEI, "2026-10-01", "09:30", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, pids, 1, NULL, 0, bad), -1);
	CHECK_CONTAINS(err, "商议日期 2026-10-01 不能早于提议日期 2026-10-08");
	meeting_clear(&m);
	/* held on 2026-10-15 09:30–11:10, typed in on 2026-11-22 */
	fx_meeting_fill(&m, MK_LIANGWEI, "2026-10-15", "09:30", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, pids, 1, NULL, 0, lw), 0);
	meeting_clear(&m);
	CHECK_INT(fx_agenda(lw, 1, aid), 0);
	CHECK_INT(ops_meeting_state(st, lw, &ms, err, sizeof err), 0);
	CHECK_INT(ms.tense, TENSE_PAST);
	CHECK_INT(ops_meeting_live(&ms), 0);
	ops_meeting_offer(&ms, t);
	CHECK_STR(t, "09:30");                           /* the planned start, not the clock */
	/* sign-in at the times on the sheet */
	CHECK_INT(ops_attend(st, lw, fx_id(P_SECRETARY), ATT_PRESENT, NULL, "09:20", err, sizeof err), 0);
	CHECK_INT(ops_attend(st, lw, fx_id(P_DIRECTOR), ATT_PRESENT, NULL, "9:25", err, sizeof err), 0);
	CHECK_INT(ops_attend(st, lw, fx_id(P_MEMBER), ATT_PRESENT, NULL, "9:61", err, sizeof err), -1);
	CHECK_CONTAINS(err, "签到时间“9:61”无效");
	CHECK_INT(ops_attend(st, lw, fx_id(P_MEMBER), ATT_PRESENT, NULL, NULL, err, sizeof err), 0);
	{
		struct attendance a;
		CHECK_INT(store_attendance_get(st, lw, fx_id(P_DIRECTOR), &a), 0);
		CHECK_STR(a.at, "09:25");
		CHECK_STR(a.signed_at, "2026-11-22 20:10:00");
		CHECK_INT(store_attendance_get(st, lw, fx_id(P_MEMBER), &a), 0);
		CHECK_STR(a.at, "09:25");                /* the latest recorded */
	}
	/* opened at the planned start unless the paper says otherwise */
	CHECK_INT(ops_meeting_open(st, lw, "09:35", err, sizeof err), 0);
	CHECK_INT(store_meeting_get(st, lw, &got), 0);
	CHECK_STR(got.held_start, "09:35");
	CHECK_INT(got.held_live, 0);
	meeting_clear(&got);
	/* a speech before the start is refused, naming both times */
	struct minute mi;
	memset(&mi, 0, sizeof mi);
	snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", lw);
	snprintf(mi.speaker, sizeof mi.speaker, "张书记");
	snprintf(mi.agenda_id, sizeof mi.agenda_id, "%s", aid);
	mi.text = "介绍5号楼雨污分流改造方案。";
	snprintf(mi.at, sizeof mi.at, "09:30");
	CHECK_INT(ops_minute_add(st, &mi, err, sizeof err), -1);
	CHECK_STR(err, "发言时间 09:30 早于开会时间 09:35。");
	snprintf(mi.at, sizeof mi.at, "09:40");
	CHECK_INT(ops_minute_add(st, &mi, err, sizeof err), 0);
	memset(mi.id, 0, sizeof mi.id);
	mi.at[0] = '\0';                               /* the offer: the latest time */
	mi.text = "同意提交党员大会审议。";
	CHECK_INT(ops_minute_add(st, &mi, err, sizeof err), 0);
	CHECK_STR(mi.at, "09:40");
	/* the vote and the conclusion at their times */
	struct vote_req hands = { .method = VM_HANDS, .yes = 3, .at = "10:50" };
	CHECK_INT(ops_vote(st, lw, aid, &hands, &v, err, sizeof err), 0);
	CHECK_STR(v.at, "10:50");
	CHECK_STR(v.created_at, "2026-11-22 20:10:00");
	struct close_req fwd = { .outcome = OC_FORWARD, .decision = "同意提交党员大会审议。",
	                         .at = "10:45" };
	CHECK_INT(ops_item_close(st, lw, aid, &fwd, err, sizeof err), -1);
	CHECK_STR(err, "议程结束时间 10:45 早于表决时间 10:50。");
	fwd.at = "10:55";
	CHECK_INT(ops_item_close(st, lw, aid, &fwd, err, sizeof err), 0);
	CHECK_INT(last_event_of(prop, &ev), 0);
	CHECK_INT(ev.action, ACT_FORWARD);
	CHECK_STR(ev.at, "2026-10-15 10:55:00");         /* the meeting's date and time */
	CHECK_STR(ev.recorded_at, "2026-11-22 20:10:00");
	pevent_clear(&ev);
	/* 散会 not before what was recorded */
	CHECK_INT(ops_meeting_close(st, lw, 0, "10:30", err, sizeof err), -1);
	CHECK_STR(err, "散会时间 10:30 早于会上已记录的最晚时间 10:55。");
	CHECK_INT(ops_meeting_close(st, lw, 0, "11:10", err, sizeof err), 0);
	/* after 散会 a speech may be corrected, within the meeting's times */
	{
		struct minute ed[2];
		CHECK_INT(store_minute_page(st, lw, 0, 1, ed, 2), 2);
		snprintf(ed[0].at, sizeof ed[0].at, "11:30");
		CHECK_INT(ops_minute_update(st, &ed[0], err, sizeof err), -1);
		CHECK_STR(err, "发言时间 11:30 晚于散会时间 11:10。");
		snprintf(ed[0].at, sizeof ed[0].at, "09:45");
		CHECK_INT(ops_minute_update(st, &ed[0], err, sizeof err), 0);
		minute_clear(&ed[0]);
		minute_clear(&ed[1]);
	}
	/* signed as it ended, not tonight */
	CHECK_INT(ops_meeting_state(st, lw, &ms, err, sizeof err), 0);
	{
		char offer[17];
		ops_seal_offer(&ms, offer);
		CHECK_STR(offer, "2026-10-15 11:10");
	}
	CHECK_INT(ops_seal(st, lw, "2026-10-15 11:05", &s, err, sizeof err), -1);
	CHECK_STR(err, "签字时间 2026-10-15 11:05 早于散会时间 2026-10-15 11:10。");
	CHECK_INT(ops_seal(st, lw, "2026-11-23 09:00", &s, err, sizeof err), -1);
	CHECK_CONTAINS(err, "还没到");
	CHECK_INT(ops_seal(st, lw, NULL, &s, err, sizeof err), 0);
	CHECK_STR(s.signed_at, "2026-10-15 11:10:00");
	CHECK_INT(s.format, 4);
	CHECK_INT(store_seal_get(st, lw, &s), 0);
	CHECK_STR(s.recorded_at, "2026-11-22 20:10:00");

	/* a 党员大会 dated before the 商议 it follows is refused, naming both */
	fx_meeting_fill(&m, MK_PARTY, "2026-10-10", "19:00", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, pids, 1, NULL, 0, bad), -1);
	{
		char want[256];
		snprintf(want, sizeof want, "议题 %s 审议日期 2026-10-10 不能早于商议日期 2026-10-15。",
		         pno);
		CHECK_STR(err, want);
	}
	meeting_clear(&m);
	/* a meeting in the future: planned, but nothing happens at it yet */
	fx_meeting_fill(&m, MK_PARTY, "2026-12-06", "19:00", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, pids, 1, NULL, 0, pa), 0);
	meeting_clear(&m);
	CHECK_INT(ops_attend(st, pa, fx_id(P_SECRETARY), ATT_PRESENT, NULL, NULL, err, sizeof err), -1);
	CHECK_STR(err, "会议日期 2026-12-06 还没到（今天是 2026-11-22），不能签到；会议开过后再录入。");
	CHECK_INT(ops_attend(st, pa, fx_id(P_SECRETARY), ATT_ABSENT, NULL, NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, "还没到");
	/* ...but a 请假 asked for ahead of it is recorded now, and can be undone */
	{
		struct attendance_counts c;
		CHECK_INT(ops_attend(st, pa, fx_id(P_PARTY1 + 3), ATT_LEAVE, "出差在外", NULL,
		                     err, sizeof err), 0);
		CHECK_INT(store_attendance_counts(st, pa, &c), 0);
		CHECK_INT(c.leave, 1);
		CHECK_INT(c.present, 0);
		CHECK_INT(ops_attend(st, pa, fx_id(P_PARTY1 + 3), ATT_NONE, NULL, NULL,
		                     err, sizeof err), 0);
		CHECK_INT(store_attendance_counts(st, pa, &c), 0);
		CHECK_INT(c.leave, 0);
		CHECK_INT(ops_attend(st, pa, fx_id(P_PARTY1 + 3), ATT_LEAVE, "出差在外", NULL,
		                     err, sizeof err), 0);
	}
	CHECK_INT(ops_meeting_open(st, pa, NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, "不能开始");

	/* the same meeting today, typed tonight long after its start: entered
	 * afterwards; and one held now gets the clock */
	fx_meeting_fill(&m, MK_CONSULT, "2026-11-22", "09:30", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, NULL, 0, (const char *const[]){ "听取意见" }, 1, bad), 0);
	meeting_clear(&m);
	CHECK_INT(ops_meeting_state(st, bad, &ms, err, sizeof err), 0);
	CHECK_INT(ops_meeting_live(&ms), 0);
	CHECK_INT(ops_meeting_open(st, bad, NULL, err, sizeof err), 0);
	CHECK_INT(store_meeting_get(st, bad, &got), 0);
	CHECK_STR(got.held_start, "09:30");
	CHECK_INT(got.held_live, 0);
	meeting_clear(&got);
	fx_meeting_fill(&m, MK_CONSULT, "2026-11-22", "20:00", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, NULL, 0, (const char *const[]){ "听取意见" }, 1, bad), 0);
	meeting_clear(&m);
	CHECK_INT(ops_meeting_open(st, bad, NULL, err, sizeof err), 0);
	CHECK_INT(store_meeting_get(st, bad, &got), 0);
	CHECK_STR(got.held_start, "20:10");
	CHECK_INT(got.held_live, 1);
	meeting_clear(&got);
	memset(&mi, 0, sizeof mi);
	snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", bad);
	snprintf(mi.speaker, sizeof mi.speaker, "张书记");
	mi.text = "开场。";
	snprintf(mi.at, sizeof mi.at, "20:30");
	CHECK_INT(ops_minute_add(st, &mi, err, sizeof err), -1);
	CHECK_STR(err, "发言时间 20:30 还没到（现在是 20:10）。");
	ys_clock_set(0);
}

/* the changes of a record, as "field：old→new（reason）" lines */
static int changes(const char *entity, const char *id, char *out, size_t len)
{
	struct change *c = NULL;
	int n = store_changes_of(st, entity, id, &c);
	size_t used = 0;

	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		used += (size_t)snprintf(out + used, used < len ? len - used : 0, "%s：%s→%s（%s）%s\n",
		                         c[i].field, c[i].old_value ? c[i].old_value : "",
		                         c[i].new_value ? c[i].new_value : "",
		                         c[i].reason ? c[i].reason : "", c[i].who);
		change_clear(&c[i]);
	}
	free(c);
	return n;
}

/* Corrections before the chair signs: a proposal edited freely until its
 * first meeting is sealed and as a 更正 after; a meeting's header edited,
 * postponed, cancelled, deleted — each in the change log. */
static void test_corrections(void)
{
	char prop[ID_LEN], pno[16], mid[ID_LEN], other[ID_LEN], log[4096];
	const char *pids[1];
	struct proposal p;
	struct proposer pp[2];
	struct meeting m;

	fx_at("2026-11-22 20:30");
	store_set_who(st, "王晓燕");
	CHECK_INT(new_proposal("7号楼外墙脱落", prop, pno), 0);
	CHECK_INT(store_proposal_get(st, prop, &p), 0);
	/* a correction of the title, the date and the proposers */
	snprintf(p.title, sizeof p.title, "7号楼外墙瓷砖脱落");
	snprintf(p.proposed_on, sizeof p.proposed_on, "2026-11-02");
	memset(pp, 0, sizeof pp);
	snprintf(pp[0].person_id, sizeof pp[0].person_id, "%s", fx_id(P_REP));
	snprintf(pp[1].person_id, sizeof pp[1].person_id, "%s", fx_id(P_REP + 1));
	snprintf(pp[0].name, sizeof pp[0].name, "%s", fx_name(P_REP));
	snprintf(pp[1].name, sizeof pp[1].name, "%s", fx_name(P_REP + 1));
	CHECK_INT(ops_proposal_edit_check(st, prop, err, sizeof err), 0);
	CHECK_INT(ops_proposal_edit(st, &p, pp, 2, NULL, err, sizeof err), 0);
	CHECK_INT(ops_proposal_edit(st, &p, pp, 2, NULL, err, sizeof err), -1);
	CHECK_STR(err, "没有改动。");
	proposal_clear(&p);
	CHECK_INT(store_proposal_get(st, prop, &p), 0);
	CHECK_STR(p.title, "7号楼外墙瓷砖脱落");
	CHECK_STR(p.proposed_on, "2026-11-02");
	CHECK_CONTAINS(p.proposers, "、");
	proposal_clear(&p);
	CHECK_INT(changes("proposal", prop, log, sizeof log), 3);
	CHECK_CONTAINS(log, "标题：7号楼外墙脱落→7号楼外墙瓷砖脱落（）王晓燕\n");
	CHECK_CONTAINS(log, "提议日期：2026-11-22→2026-11-02");
	CHECK_CONTAINS(log, "提议人：");
	/* the 提出 moves with the date */
	{
		struct pevent ev;
		CHECK_INT(last_event_of(prop, &ev), 0);
		CHECK(strncmp(ev.at, "2026-11-02", 10) == 0);
		pevent_clear(&ev);
	}

	/* a 两委联席会议 on 2026-11-10, planned; edited, postponed */
	pids[0] = prop;
	fx_meeting_fill(&m, MK_LIANGWEI, "2026-11-10", "14:30", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, pids, 1, NULL, 0, mid), 0);
	meeting_clear(&m);
	/* one proposal, one meeting at a time */
	fx_meeting_fill(&m, MK_LIANGWEI, "2026-11-12", "14:30", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, pids, 1, NULL, 0, other), -1);
	CHECK_CONTAINS(err, "已列入会议 ");
	meeting_clear(&m);
	/* the proposal cannot be dated after the step that follows it */
	CHECK_INT(store_proposal_get(st, prop, &p), 0);
	CHECK_INT(store_proposal_proposers(st, prop, pp, 2), 2);
	/* not yet: the meeting has not taken the step */
	snprintf(p.proposed_on, sizeof p.proposed_on, "2026-11-12");
	CHECK_INT(ops_proposal_edit(st, &p, pp, 2, NULL, err, sizeof err), 0);
	proposal_clear(&p);

	CHECK_INT(store_meeting_get(st, mid, &m), 0);
	snprintf(m.place, sizeof m.place, "社区党群服务中心一楼议事厅");
	snprintf(m.date, sizeof m.date, "2026-11-11");
	CHECK_INT(ops_meeting_edit(st, &m, NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, "商议日期 2026-11-11 不能早于提议日期 2026-11-12。");
	snprintf(m.date, sizeof m.date, "2026-11-13");
	CHECK_INT(ops_meeting_edit(st, &m, NULL, err, sizeof err), 0);
	meeting_clear(&m);
	CHECK_INT(ops_meeting_postpone(st, mid, "2026-11-20", NULL, "", err, sizeof err), -1);
	CHECK_STR(err, "延期须写明理由。");
	CHECK_INT(ops_meeting_postpone(st, mid, "2026-11-20", "15:00", "书记参加区里的会议",
	                               err, sizeof err), 0);
	CHECK_INT(ops_meeting_postpone(st, mid, "2026-11-21", NULL, "场地冲突", err, sizeof err), 0);
	CHECK_INT(store_meeting_get(st, mid, &m), 0);
	CHECK_STR(m.date, "2026-11-21");
	CHECK_STR(m.start_time, "15:00");
	CHECK_STR(m.postponed_from, "2026-11-13");       /* the first date planned */
	CHECK_STR(m.status_reason, "场地冲突");
	CHECK_STR(meeting_status_name(m.status, 0, m.postponed_from[0]), "已延期");
	meeting_clear(&m);
	CHECK_INT(changes("meeting", mid, log, sizeof log), 4);
	CHECK_CONTAINS(log, "地点：社区党群服务中心二楼会议室→社区党群服务中心一楼议事厅");
	CHECK_CONTAINS(log, "日期：2026-11-10→2026-11-13");
	CHECK_CONTAINS(log, "延期：2026-11-13 14:30→2026-11-20 15:00（书记参加区里的会议）");
	CHECK_CONTAINS(log, "延期：2026-11-20 15:00→2026-11-21 15:00（场地冲突）");

	/* cancelled: it stays, as 已取消, and lets its proposal go */
	CHECK_INT(ops_meeting_cancel(st, mid, " ", err, sizeof err), -1);
	CHECK_STR(err, "取消会议须写明理由。");
	CHECK_INT(ops_meeting_cancel(st, mid, "议题须先补充材料", err, sizeof err), 0);
	CHECK_INT(store_meeting_get(st, mid, &m), 0);
	CHECK_INT(m.status, MS_CANCELLED);
	CHECK_STR(meeting_status_name(m.status, 0, m.postponed_from[0]), "已取消");
	meeting_clear(&m);
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), -1);
	CHECK_STR(err, "会议已取消（议题须先补充材料），不能开始。");
	CHECK_INT(ops_meeting_postpone(st, mid, "2026-11-25", NULL, "再议", err, sizeof err), -1);
	fx_meeting_fill(&m, MK_LIANGWEI, "2026-11-20", "14:30", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, pids, 1, NULL, 0, other), 0);
	meeting_clear(&m);
	/* a meeting never opened can go altogether; one held cannot */
	CHECK_INT(ops_meeting_delete(st, mid, err, sizeof err), 0);
	CHECK_INT(store_meeting_get(st, mid, &m), 1);
	CHECK_INT(changes("meeting", mid, log, sizeof log), 6);
	CHECK_CONTAINS(log, "删除：");
	CHECK_INT(fx_pass(other, 0, -1, &(struct close_req){ .outcome = OC_FORWARD }), 0);
	CHECK_INT(ops_meeting_delete(st, other, err, sizeof err), -1);
	CHECK_STR(err, "会议已散会，不能再删除。");
	CHECK_INT(ops_meeting_postpone(st, other, "2026-11-25", NULL, "再议", err, sizeof err), -1);
	CHECK_STR(err, "会议已散会，不能再延期。");
	/* held: its date cannot move into the future */
	CHECK_INT(store_meeting_get(st, other, &m), 0);
	snprintf(m.date, sizeof m.date, "2026-11-30");
	CHECK_INT(ops_meeting_edit(st, &m, NULL, err, sizeof err), -1);
	CHECK_STR(err, "会议日期 2026-11-30 还没到（今天是 2026-11-22）。");
	meeting_clear(&m);

	/* once its meeting is sealed, a proposal changes only as a 更正 */
	{
		struct seal s;
		CHECK_INT(ops_seal(st, other, NULL, &s, err, sizeof err), 0);
	}
	CHECK_INT(ops_proposal_edit_check(st, prop, err, sizeof err), 1);
	CHECK_CONTAINS(err, "的记录已签字确认，修改议题须作为更正写明理由。");
	CHECK_INT(store_proposal_get(st, prop, &p), 0);
	snprintf(p.category, sizeof p.category, "房屋维修");
	CHECK_INT(ops_proposal_edit(st, &p, pp, 2, NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, pno);
	CHECK_INT(ops_proposal_edit(st, &p, pp, 2, "类别录错", err, sizeof err), 0);
	/* and never dated after the 商议 that followed it */
	snprintf(p.proposed_on, sizeof p.proposed_on, "2026-11-21");
	CHECK_INT(ops_proposal_edit(st, &p, pp, 2, "日期", err, sizeof err), -1);
	CHECK_STR(err, "提议日期 2026-11-21 不能晚于后一步的日期 2026-11-20。");
	proposal_clear(&p);
	CHECK_INT(changes("proposal", prop, log, sizeof log), 5);
	CHECK_CONTAINS(log, "类别：");
	CHECK_CONTAINS(log, "→房屋维修（类别录错）王晓燕");
	/* the log only grows */
	CHECK(fx_sql("UPDATE change_log SET reason = ''") != SQLITE_OK);
	CHECK(fx_sql("DELETE FROM change_log") != SQLITE_OK);
	ys_clock_set(0);
}

/* A vote counts only for the proposal as it stood when it was taken; an
 * item left open says why in the minutes. */
static void test_stale_and_unvoted(void)
{
	char prop[ID_LEN], pno[16], lw[ID_LEN], pa[ID_LEN], aid[ID_LEN];
	const char *pids[1];
	struct meeting m;
	struct minute mins[8];
	struct vote v;
	int n, found = 0;

	fx_at("2026-11-22 09:00");
	CHECK_INT(new_proposal("11号楼消防通道占用", prop, pno), 0);
	pids[0] = prop;
	fx_meeting_fill(&m, MK_LIANGWEI, "2026-11-22", "09:00", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, pids, 1, NULL, 0, lw), 0);
	meeting_clear(&m);
	CHECK_INT(fx_pass(lw, 0, -1, &(struct close_req){ .outcome = OC_FORWARD }), 0);
	CHECK_INT(fx_step(prop, NULL), STEP_CONSULT);
	fx_meeting_fill(&m, MK_PARTY, "2026-11-22", "09:00", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, pids, 1, NULL, 0, pa), 0);
	meeting_clear(&m);
	CHECK_INT(fx_agenda(pa, 1, aid), 0);
	CHECK_INT(ops_meeting_open(st, pa, NULL, err, sizeof err), 0);
	CHECK_INT(fx_attend(pa, P_SECRETARY, ATT_PRESENT, NULL), 0);
	CHECK_INT(fx_attend(pa, P_DIRECTOR, ATT_PRESENT, NULL), 0);
	CHECK_INT(fx_sign(pa, P_PARTY1, 8), 0);
	CHECK_INT(fx_hands(pa, aid, 10, 0, 0, &v), 0);
	/* after the vote the proposal moves and comes back (as hand edits or
	 * a meeting elsewhere would do): the vote no longer speaks for it */
	fx_at("2026-11-22 09:10");
	CHECK_INT(store_proposal_transition(st, prop, ACT_RETURN, STEP_PROPOSE, PST_ACTIVE,
	                                    NULL, NULL, NULL, "补充材料", NULL), 0);
	CHECK_INT(store_proposal_transition(st, prop, ACT_FORWARD, STEP_CONSULT, PST_ACTIVE,
	                                    NULL, NULL, NULL, NULL, NULL), 0);
	CHECK_INT(ops_item_close(st, pa, aid, &(struct close_req){ .outcome = OC_FORWARD },
	                         err, sizeof err), -1);
	CHECK_CONTAINS(err, "已有变动（转入下一步至商议），这次表决不能作为依据；请重新表决。");
	CHECK_INT(ops_item_close_check(st, pa, aid, OC_FORWARD, err, sizeof err), -1);
	/* a vote taken again counts */
	fx_at("2026-11-22 09:20");
	{
		struct vote_req again = { .method = VM_HANDS, .yes = 10, .supersedes = v.id,
		                          .reason = "议题退回后重新提交" };
		CHECK_INT(ops_vote(st, pa, aid, &again, &v, err, sizeof err), 0);
	}
	CHECK_INT(ops_item_close(st, pa, aid, &(struct close_req){ .outcome = OC_FORWARD },
	                         err, sizeof err), 0);
	CHECK_INT(ops_meeting_close(st, pa, 0, NULL, err, sizeof err), 0);

	/* a 党员大会 without its quorum: the item left open says so */
	fx_meeting_fill(&m, MK_PARTY, "2026-11-22", "09:00", P_CLERK);
	CHECK_INT(new_proposal("12号楼电梯维保", prop, pno), 0);
	CHECK_INT(fx_meeting_new(&m, NULL, 0, (const char *const[]){ "听取电梯维保情况" }, 1, pa), 0);
	meeting_clear(&m);
	CHECK_INT(ops_meeting_open(st, pa, NULL, err, sizeof err), 0);
	CHECK_INT(fx_sign(pa, 0, 2), 0);
	CHECK_INT(ops_meeting_close(st, pa, 1, NULL, err, sizeof err), 0);
	n = store_minute_page(st, pa, 0, 1, mins, 8);
	for (int i = 0; i < n; i++) {
		if (mins[i].text && strstr(mins[i].text, "听取电梯维保情况 未表决：应到 ") &&
		    strstr(mins[i].text, "不足法定人数，不能表决。"))
			found = 1;
		minute_clear(&mins[i]);
	}
	CHECK_INT(found, 1);
	ys_clock_set(0);
}

/* a secret ballot counted as on paper: its tellers, each refusal of a
 * count that does not add up, the void round and the round after it, and
 * two clerks typing blind (the second entry must agree) */
static int votes_of(const char *aid)
{
	struct vote vs[16];
	return store_vote_list(st, aid, vs, 16);
}

static void test_secret_ballot(void)
{
	char prop[ID_LEN], pno[16], mid[ID_LEN], aid[ID_LEN];
	const char *pids[1];
	struct meeting m;
	struct vote v, w;
	struct teller t[4], got[8];

	fx_at("2026-11-23 09:00");
	CHECK_INT(fx_proposal("3号楼屋面防水维修", NULL, P_SECRETARY, prop, pno), 0);
	pids[0] = prop;
	fx_meeting_fill(&m, MK_LIANGWEI, "2026-11-23", "09:00", P_CLERK);
	CHECK_INT(fx_meeting_new(&m, pids, 1, NULL, 0, mid), 0);
	meeting_clear(&m);
	CHECK_INT(fx_agenda(mid, 1, aid), 0);
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
	CHECK_INT(fx_sign(mid, P_SECRETARY, 3), 0);        /* the three of 两委 */
	CHECK_INT(ops_observer(st, mid, fx_id(P_CLERK), NULL, err, sizeof err), 0);

	struct vote_req rq = { .method = VM_SECRET, .yes = 2, .no = 1, .abstain = 0,
	                       .bc = { 3, 3, 3, 0 } };
	/* tellers: named, from those present, not the proposer, nobody twice */
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v, err, sizeof err), -1);
	CHECK_CONTAINS(err, "须推选监票人和计票人");
	memset(t, 0, sizeof t);
	snprintf(t[0].person_id, sizeof t[0].person_id, "%s", fx_id(P_SECRETARY));
	t[0].role = TELLER_SCRUTINEER;
	snprintf(t[1].person_id, sizeof t[1].person_id, "%s", fx_id(P_CLERK));
	t[1].role = TELLER_COUNTER;
	rq.tellers = t;
	rq.ntellers = 2;
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v, err, sizeof err), -1);
	CHECK_STR(err, "张书记是本议题的提议人，不能担任监票人。");
	snprintf(t[0].person_id, sizeof t[0].person_id, "%s", fx_id(P_CLERK));
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v, err, sizeof err), -1);
	CHECK_STR(err, "赵记录不能同时担任监票人和计票人。");
	snprintf(t[0].person_id, sizeof t[0].person_id, "%s", fx_id(P_PARTY1));
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v, err, sizeof err), -1);
	CHECK_CONTAINS(err, "没有出席本次会议，不能担任监票人");
	snprintf(t[0].person_id, sizeof t[0].person_id, "%s", fx_id(P_DIRECTOR));
	/* a show of hands has no tellers */
	rq.method = VM_HANDS;
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v, err, sizeof err), -1);
	CHECK_STR(err, "只有无记名投票设监票人、计票人。");
	rq.method = VM_SECRET;

	/* counts that do not add up are refused, naming the numbers */
	rq.bc = (struct ballot_count){ 4, 4, 4, 0 };
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v, err, sizeof err), -1);
	CHECK_STR(err, "发出表决票 4 张，多于实到 3 人。");
	rq.bc = (struct ballot_count){ 3, 3, 2, 0 };
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v, err, sizeof err), -1);
	CHECK_STR(err, "有效票 2 张加无效票 0 张为 2 张，与收回的 3 张不符。");
	rq.bc = (struct ballot_count){ 3, 3, 3, 0 };
	rq.yes = 1;
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v, err, sizeof err), -1);
	CHECK_STR(err, "同意 1、不同意 1、弃权 0 合计 2 票，与有效票 3 张不符。");
	CHECK_INT(votes_of(aid), 0);

	/* more returned than issued: the round is recorded void, never passes */
	rq.bc = (struct ballot_count){ 3, 4, 4, 0 };
	rq.yes = 3;
	rq.no = 1;
	CHECK_INT(ops_vote(st, mid, aid, &rq, &v, err, sizeof err), 0);
	CHECK_INT(v.voided, 1);
	CHECK_INT(v.passed, 0);
	CHECK_STR(v.sentence, "发出表决票 3 张，收回 4 张，收回票数多于发出票数，本次表决无效。");
	CHECK_INT(ops_item_close(st, mid, aid, &(struct close_req){ .outcome = OC_FORWARD },
	                         err, sizeof err), -1);
	CHECK_CONTAINS(err, "未通过");

	/* the new round names the void one; 2 valid of 3 returned pass */
	struct vote_req again = rq;
	again.supersedes = v.id;
	again.reason = "上一轮收回票数多于发出票数，表决无效，重新投票";
	again.bc = (struct ballot_count){ 3, 3, 2, 1 };
	again.yes = 2;
	again.no = 0;
	CHECK_INT(ops_vote(st, mid, aid, &again, &w, err, sizeof err), 0);
	CHECK_INT(w.voided, 0);
	CHECK_INT(w.passed, 1);
	CHECK_INT(w.round, 2);
	CHECK_STR(w.sentence, "发出表决票 3 张，收回 3 张，其中有效票 2 张、无效票 1 张；有效票中"
	          "同意 2 票、不同意 0 票、弃权 0 票。同意 2 票，超过出席人数 3 人的半数，通过。");
	CHECK_INT(store_tellers(st, w.id, got, 8), 2);
	CHECK_STR(got[0].name, "李主任");
	CHECK_INT(got[0].role, TELLER_SCRUTINEER);
	CHECK_STR(got[1].name, "赵记录");
	CHECK_INT(got[1].role, TELLER_COUNTER);

	/* two clerks: with the setting on, one entry alone is refused; a
	 * second that differs saves neither and names each difference */
	CHECK_INT(ops_setting_set(st, "tally_double_entry", "1", err, sizeof err), 0);
	struct vote_req fix = again;
	fix.supersedes = w.id;
	fix.correction = 1;
	fix.reason = "核对纸面计票单：无效票 1 张实为有效的同意票";
	fix.tellers = NULL;
	fix.ntellers = 0;
	fix.bc = (struct ballot_count){ 3, 3, 3, 0 };
	fix.yes = 3;
	CHECK_INT(ops_vote(st, mid, aid, &fix, &v, err, sizeof err), -1);
	CHECK_STR(err, "已设置两人计票：票数须由两名工作人员各录入一遍。");
	struct vote_req second = fix;
	second.bc.returned = 2;
	second.yes = 2;
	fix.second = &second;
	CHECK_INT(ops_vote(st, mid, aid, &fix, &v, err, sizeof err), -1);
	CHECK_STR(err, "两遍录入不一致，都没有保存。收回：第一遍 3，第二遍 2；同意：第一遍 3，第二遍 2。"
	          "请两人重新清点后再各录一遍。");
	CHECK_INT(votes_of(aid), 2);
	/* the first entry alone can be checked without writing anything */
	fix.second = NULL;
	fix.check_only = 1;
	CHECK_INT(ops_vote(st, mid, aid, &fix, NULL, err, sizeof err), 0);
	CHECK_INT(votes_of(aid), 2);
	fix.check_only = 0;
	second = fix;
	fix.second = &second;
	CHECK_INT(ops_vote(st, mid, aid, &fix, &v, err, sizeof err), 0);
	CHECK_INT(votes_of(aid), 3);
	CHECK_INT(v.correction, 1);
	CHECK_INT(v.bc.valid, 3);
	/* the correction keeps the tellers of the tally it corrects */
	CHECK_INT(store_tellers(st, v.id, got, 8), 2);
	CHECK_INT(ops_setting_set(st, "tally_double_entry", "0", err, sizeof err), 0);
	{
		struct fx_lines l = { 0 };
		CHECK_INT(store_check(st, fx_collect, &l), 0);
		CHECK_STR(l.all, "");
		/* a count that does not add up, written behind the program's back */
		CHECK_INT(fx_sql("UPDATE vote SET invalid = 5 WHERE void = 0 AND method = 1 AND issued >= 0"), 0);
		CHECK(store_check(st, fx_collect, &l) > 0);
		CHECK_CONTAINS(l.all, "（无记名投票）的计票对不上");
		CHECK_INT(fx_sql("UPDATE vote SET invalid = returned - valid WHERE void = 0 AND method = 1"
		                 " AND issued >= 0"), 0);
		l = (struct fx_lines){ 0 };
		CHECK_INT(store_check(st, fx_collect, &l), 0);
	}
	ys_clock_set(0);
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
	RUN(test_person_save);
	RUN(test_proposal_new);
	RUN(test_scenario);
	RUN(test_exits);
	RUN(test_meeting_checks);
	RUN(test_atomic);
	RUN(test_entered_afterwards);
	RUN(test_corrections);
	RUN(test_stale_and_unvoted);
	RUN(test_secret_ballot);
	fx_db_done(st);
	T_DONE();
}
