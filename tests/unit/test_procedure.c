/* test_procedure.c: every transition of the procedure against a table of
 * expectations written here independently of core.c, the refusals the
 * clerk reads, names, meeting kinds, roles and parse_count. */
#include "t.h"
#include "model/core.h"

/* ---- the expected procedure, written from the procedure 四议两公开 ------------ */

static int reason_given(const char *r)
{
	/* blank (ASCII or ideographic spaces) is no reason */
	if (!r)
		return 0;
	return strcmp(r, "") != 0 && strcmp(r, " ") != 0 && strcmp(r, "\xe3\x80\x80") != 0;
}

/* the step whose proposals are the agenda of a meeting kind (0 = any) */
static int agenda_step(int kind)
{
	switch (kind) {
	case MK_LIANGWEI:  return STEP_PROPOSE;
	case MK_PARTY:     return STEP_CONSULT;
	case MK_RESIDENTS: return STEP_REVIEW;
	case MK_REPS:      return STEP_REVIEW;
	default:           return 0;
	}
}

/* expected step after the action, or -1 when it must be refused */
static int expect(int step, int status, int action, int kind, int to, int passed,
                  const char *reason)
{
	int in_meeting_ok;

	if (status != PST_ACTIVE)
		return -1;
	if (kind < 0 || kind > MK_CONSULT)
		return -1;
	if (step < 0 || step > STEP_ARCHIVE)
		return -1;
	/* a meeting may act on a proposal only at its agenda step; a 议事协商会
	 * on any, but it decides nothing (only a withdrawal can happen there) */
	in_meeting_ok = kind == 0 || kind == MK_CONSULT || agenda_step(kind) == step;
	if (kind == MK_CONSULT && (action == ACT_RETURN || action == ACT_REJECT))
		return -1;

	switch (action) {
	case ACT_PROPOSE:
		return step == STEP_NONE ? STEP_PROPOSE : -1;
	case ACT_FORWARD:
		if (kind == 0 || kind == MK_CONSULT || !passed)
			return -1;
		if (step == agenda_step(kind))
			return step + 1;
		return -1;
	case ACT_RETURN:
		if (step < STEP_CONSULT || step > STEP_RESULT)
			return -1;
		if (!in_meeting_ok || !reason_given(reason))
			return -1;
		if (to < STEP_PROPOSE || to >= step)
			return -1;
		return to;
	case ACT_REJECT:
	case ACT_WITHDRAW:
		if (step < STEP_PROPOSE || step > STEP_REVIEW)
			return -1;
		if (!in_meeting_ok || !reason_given(reason))
			return -1;
		return step;
	case ACT_PUBLISH:
		return step == STEP_RESOLVE ? STEP_PUBLISH : -1;
	case ACT_IMPLEMENT:
		return step == STEP_PUBLISH ? STEP_IMPLEMENT : -1;
	case ACT_PUBLISH_RESULT:
		return step == STEP_IMPLEMENT ? STEP_RESULT : -1;
	case ACT_ARCHIVE:
		return step == STEP_RESULT ? STEP_ARCHIVE : -1;
	default:
		return -1;
	}
}

static int expect_status(int action)
{
	if (action == ACT_REJECT)
		return PST_REJECTED;
	if (action == ACT_WITHDRAW)
		return PST_WITHDRAWN;
	return PST_ACTIVE;
}

static void test_matrix(void)
{
	static const char *const reasons[] = { NULL, "", " ", "\xe3\x80\x80", "需补充方案" };
	long cases = 0, legal = 0;
	int shown = 0;

	for (int step = -1; step <= STEP_MAX + 1; step++)
	for (int status = -1; status <= 3; status++)
	for (int action = 0; action <= ACT_ARCHIVE + 1; action++)
	for (int kind = 0; kind <= MK_CONSULT + 1; kind++)
	for (int to = -1; to <= STEP_MAX + 1; to++)
	for (int passed = 0; passed <= 1; passed++)
	for (size_t r = 0; r < sizeof reasons / sizeof reasons[0]; r++) {
		struct transition_req rq = {
			.step = step, .status = status, .action = action,
			.meeting_kind = kind, .to_step = to, .vote_passed = passed,
			.reason = reasons[r],
		};
		int ns = -99, nst = -99;
		char err[256] = "";
		int rc = proc_apply(&rq, &ns, &nst, err, sizeof err);
		int want = expect(step, status, action, kind, to, passed, reasons[r]);

		cases++;
		if (want < 0) {
			if (rc != -1 || err[0] == '\0') {
				if (shown++ < 20)
					printf("  step %d status %d action %d kind %d to %d passed %d reason %zu:"
					       " expected refusal, got %d -> %d\n",
					       step, status, action, kind, to, passed, r, rc, ns);
				CHECK(rc == -1 && err[0] != '\0');
			}
		} else {
			legal++;
			if (rc != 0 || ns != want || nst != expect_status(action)) {
				if (shown++ < 20)
					printf("  step %d status %d action %d kind %d to %d passed %d reason %zu:"
					       " expected %d, got rc %d step %d status %d (%s)\n",
					       step, status, action, kind, to, passed, r, want, rc, ns, nst, err);
				CHECK(rc == 0 && ns == want && nst == expect_status(action));
			}
		}
	}
	CHECK(cases > 10000);
	CHECK(legal > 100);
}

/* ---- refusals the clerk reads ------------------------------------------- */

static int apply(int step, int status, int action, int kind, int to, int passed,
                 const char *reason, char *err, size_t len)
{
	struct transition_req rq = { .step = step, .status = status, .action = action,
	                             .meeting_kind = kind, .to_step = to, .vote_passed = passed,
	                             .reason = reason };
	int ns, nst;
	err[0] = '\0';
	return proc_apply(&rq, &ns, &nst, err, len);
}

static void test_messages(void)
{
	char err[256];

	/* steps are never skipped */
	CHECK_INT(apply(STEP_PROPOSE, PST_ACTIVE, ACT_FORWARD, MK_PARTY, 0, 1, NULL, err, sizeof err), -1);
	CHECK_STR(err, "议题尚未经两委联席会议商议，不能提交党员大会审议。");
	CHECK_INT(apply(STEP_CONSULT, PST_ACTIVE, ACT_FORWARD, MK_RESIDENTS, 0, 1, NULL, err, sizeof err), -1);
	CHECK_STR(err, "议题尚未经党员大会审议，不能提交居民会议决议。");
	CHECK_INT(apply(STEP_PROPOSE, PST_ACTIVE, ACT_FORWARD, MK_REPS, 0, 1, NULL, err, sizeof err), -1);
	CHECK_STR(err, "议题尚未经两委联席会议商议，不能提交居民代表会议决议。");
	CHECK_INT(apply(STEP_REVIEW, PST_ACTIVE, ACT_FORWARD, MK_LIANGWEI, 0, 1, NULL, err, sizeof err), -1);
	CHECK_STR(err, "议题已经完成「审议」，不能再提交两委联席会议商议。");

	/* forward without a passed vote */
	CHECK_INT(apply(STEP_CONSULT, PST_ACTIVE, ACT_FORWARD, MK_PARTY, 0, 0, NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, "表决未通过");
	CHECK_INT(apply(STEP_CONSULT, PST_ACTIVE, ACT_FORWARD, 0, 0, 1, NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, "会议表决通过");
	CHECK_INT(apply(STEP_CONSULT, PST_ACTIVE, ACT_FORWARD, MK_CONSULT, 0, 1, NULL, err, sizeof err), -1);
	CHECK_STR(err, "议事协商会只听取意见，不能使议题转入下一步。");
	CHECK_INT(apply(STEP_REVIEW, PST_ACTIVE, ACT_RETURN, MK_CONSULT, 1, 0, "x", err, sizeof err), -1);
	CHECK_STR(err, "议事协商会只听取意见，不能退回议题。");
	CHECK_INT(apply(STEP_REVIEW, PST_ACTIVE, ACT_WITHDRAW, MK_CONSULT, 0, 0, "x", err, sizeof err), 0);

	/* exits */
	CHECK_INT(apply(STEP_REVIEW, PST_ACTIVE, ACT_RETURN, MK_RESIDENTS, STEP_PROPOSE, 0, "", err, sizeof err), -1);
	CHECK_STR(err, "退回须写明理由。");
	CHECK_INT(apply(STEP_REVIEW, PST_ACTIVE, ACT_RETURN, MK_RESIDENTS, STEP_REVIEW, 0, "x", err, sizeof err), -1);
	CHECK_STR(err, "只能退回到「提议」至「商议」之间的步骤。");
	CHECK_INT(apply(STEP_REVIEW, PST_ACTIVE, ACT_RETURN, MK_RESIDENTS, STEP_NONE, 0, "x", err, sizeof err), -1);
	CHECK_INT(apply(STEP_CONSULT, PST_ACTIVE, ACT_RETURN, MK_PARTY, STEP_CONSULT, 0, "x", err, sizeof err), -1);
	CHECK_STR(err, "只能退回到「提议」。");
	CHECK_INT(apply(STEP_PUBLISH, PST_ACTIVE, ACT_RETURN, 0, STEP_REVIEW, 0, "公示期内收到异议", err, sizeof err), 0);
	CHECK_INT(apply(STEP_PROPOSE, PST_ACTIVE, ACT_RETURN, MK_LIANGWEI, STEP_PROPOSE, 0, "x", err, sizeof err), -1);
	CHECK_CONTAINS(err, "没有更早的步骤");
	CHECK_INT(apply(STEP_CONSULT, PST_ACTIVE, ACT_REJECT, MK_PARTY, 0, 0, NULL, err, sizeof err), -1);
	CHECK_STR(err, "不予采纳须写明理由。");
	CHECK_INT(apply(STEP_CONSULT, PST_ACTIVE, ACT_WITHDRAW, 0, 0, 0, "\xe3\x80\x80", err, sizeof err), -1);
	CHECK_STR(err, "撤回须写明理由。");
	CHECK_INT(apply(STEP_RESOLVE, PST_ACTIVE, ACT_WITHDRAW, 0, 0, 0, "不想做了", err, sizeof err), -1);
	CHECK_CONTAINS(err, "不能再撤回");

	/* a closed proposal */
	CHECK_INT(apply(STEP_CONSULT, PST_REJECTED, ACT_FORWARD, MK_PARTY, 0, 1, NULL, err, sizeof err), -1);
	CHECK_STR(err, "议题已不予采纳，不能再办理。");
	CHECK_INT(apply(STEP_CONSULT, PST_WITHDRAWN, ACT_RETURN, MK_PARTY, 1, 0, "x", err, sizeof err), -1);
	CHECK_STR(err, "议题已撤回，不能再办理。");
	CHECK_INT(apply(STEP_ARCHIVE, PST_ACTIVE, ACT_RETURN, 0, 1, 0, "x", err, sizeof err), -1);
	CHECK_STR(err, "议题已经归档，不能再变更。");

	/* publication */
	CHECK_INT(apply(STEP_REVIEW, PST_ACTIVE, ACT_PUBLISH, 0, 0, 0, NULL, err, sizeof err), -1);
	CHECK_STR(err, "议题尚未作出决议，不能决议公开。");
	CHECK_INT(apply(STEP_PUBLISH, PST_ACTIVE, ACT_PUBLISH, 0, 0, 0, NULL, err, sizeof err), -1);
	CHECK_STR(err, "决议已经公开。");
	CHECK_INT(apply(STEP_RESOLVE, PST_ACTIVE, ACT_IMPLEMENT, 0, 0, 0, NULL, err, sizeof err), -1);
	CHECK_STR(err, "决议尚未公开，不能开始实施。");

	/* other */
	CHECK_INT(apply(STEP_PROPOSE, PST_ACTIVE, ACT_PROPOSE, 0, 0, 0, NULL, err, sizeof err), -1);
	CHECK_CONTAINS(err, "已经提出");
	CHECK_INT(apply(STEP_NONE, PST_ACTIVE, ACT_FORWARD, MK_LIANGWEI, 0, 1, NULL, err, sizeof err), -1);
	CHECK_STR(err, "议题尚未提出。");
	CHECK_INT(apply(STEP_PROPOSE, PST_ACTIVE, 99, 0, 0, 0, NULL, err, sizeof err), -1);
	CHECK_STR(err, "未知的操作。");
	CHECK_INT(apply(STEP_PROPOSE, PST_ACTIVE, ACT_FORWARD, 42, 0, 1, NULL, err, sizeof err), -1);
	CHECK_STR(err, "未知的会议类型。");

	/* a tiny error buffer is never overrun */
	char tiny[8];
	CHECK_INT(apply(STEP_PROPOSE, PST_ACTIVE, ACT_FORWARD, MK_PARTY, 0, 1, NULL, tiny, sizeof tiny), -1);
	CHECK(strlen(tiny) < sizeof tiny);
}

static void test_full_path(void)
{
	/* 提议 → 商议 → 审议 → 决议 → 公开 → 实施 → 结果公开 → 归档 */
	static const struct { int action, kind; } path[] = {
		{ ACT_PROPOSE, 0 }, { ACT_FORWARD, MK_LIANGWEI }, { ACT_FORWARD, MK_PARTY },
		{ ACT_FORWARD, MK_REPS }, { ACT_PUBLISH, 0 }, { ACT_IMPLEMENT, 0 },
		{ ACT_PUBLISH_RESULT, 0 }, { ACT_ARCHIVE, 0 },
	};
	int step = STEP_NONE, status = PST_ACTIVE;
	char err[256];

	for (size_t i = 0; i < sizeof path / sizeof path[0]; i++) {
		struct transition_req rq = { .step = step, .status = status,
			.action = path[i].action, .meeting_kind = path[i].kind, .vote_passed = 1 };
		int ns, nst;
		CHECK_INT(proc_apply(&rq, &ns, &nst, err, sizeof err), 0);
		CHECK_INT(ns, step + 1);
		CHECK_INT(nst, PST_ACTIVE);
		step = ns;
	}
	CHECK_INT(step, STEP_ARCHIVE);
}

static void test_agenda_ok(void)
{
	char err[256];

	CHECK_INT(proc_agenda_ok(MK_LIANGWEI, STEP_PROPOSE, PST_ACTIVE, err, sizeof err), 0);
	CHECK_INT(proc_agenda_ok(MK_PARTY, STEP_CONSULT, PST_ACTIVE, err, sizeof err), 0);
	CHECK_INT(proc_agenda_ok(MK_RESIDENTS, STEP_REVIEW, PST_ACTIVE, err, sizeof err), 0);
	CHECK_INT(proc_agenda_ok(MK_REPS, STEP_REVIEW, PST_ACTIVE, err, sizeof err), 0);
	CHECK_INT(proc_agenda_ok(MK_PARTY, STEP_PROPOSE, PST_ACTIVE, err, sizeof err), -1);
	CHECK_STR(err, "尚未经两委联席会议商议，不能提交党员大会审议。");
	for (int s = STEP_PROPOSE; s <= STEP_RESULT; s++)
		CHECK_INT(proc_agenda_ok(MK_CONSULT, s, PST_ACTIVE, err, sizeof err), 0);
	CHECK_INT(proc_agenda_ok(MK_CONSULT, STEP_ARCHIVE, PST_ACTIVE, err, sizeof err), -1);
	CHECK_INT(proc_agenda_ok(MK_CONSULT, STEP_PROPOSE, PST_WITHDRAWN, err, sizeof err), -1);
	CHECK_STR(err, "已撤回，不能列入议程。");
	CHECK_INT(proc_agenda_ok(MK_LIANGWEI, STEP_PROPOSE, PST_REJECTED, err, sizeof err), -1);
	CHECK_STR(err, "已不予采纳，不能列入议程。");
	CHECK_INT(proc_agenda_ok(0, STEP_PROPOSE, PST_ACTIVE, err, sizeof err), -1);
}

/* ---- names and tables ---------------------------------------------------- */

static void test_names(void)
{
	CHECK_STR(step_name(STEP_PROPOSE), "提议");
	CHECK_STR(step_name(STEP_CONSULT), "商议");
	CHECK_STR(step_name(STEP_REVIEW), "审议");
	CHECK_STR(step_name(STEP_RESOLVE), "决议");
	CHECK_STR(step_name(STEP_ARCHIVE), "归档");
	CHECK_STR(step_name(99), "?");
	CHECK_STR(step_name(-1), "?");
	CHECK_STR(step_long_name(STEP_PUBLISH), "决议公开");
	CHECK_STR(step_long_name(STEP_RESULT), "实施结果公开");
	CHECK_STR(pstatus_name(PST_ACTIVE), "进行中");
	CHECK_STR(pstatus_name(PST_REJECTED), "不予采纳");
	CHECK_STR(pstatus_name(PST_WITHDRAWN), "撤回");
	CHECK_STR(pstatus_name(7), "?");
	CHECK_STR(action_name(ACT_PROPOSE), "提出");
	CHECK_STR(action_name(ACT_FORWARD), "转入下一步");
	CHECK_STR(action_name(ACT_RETURN), "退回");
	CHECK_STR(action_name(ACT_PUBLISH), "决议公开");
	CHECK_STR(action_name(ACT_PUBLISH_RESULT), "实施结果公开");
	CHECK_STR(action_name(0), "?");
	CHECK_STR(attend_name(ATT_NONE), "未签到");
	CHECK_STR(attend_name(ATT_PRESENT), "出席");
	CHECK_STR(attend_name(ATT_LEAVE), "请假");
	CHECK_STR(attend_name(ATT_ABSENT), "缺席");
	CHECK_STR(attend_name(ATT_OBSERVER), "列席");
	CHECK_STR(attend_name(5), "?");
	CHECK_STR(vote_method_name(VM_HANDS), "举手表决");
	CHECK_STR(vote_method_name(VM_SECRET), "无记名投票");
	CHECK_STR(vote_method_name(VM_ROLLCALL), "记名表决");
	CHECK_STR(choice_name(CH_NONE), "未表决");
	CHECK_STR(choice_name(CH_YES), "赞成");
	CHECK_STR(choice_name(CH_NO), "反对");
	CHECK_STR(choice_name(CH_ABSTAIN), "弃权");
	CHECK_STR(choice_name(-1), "?");
}

static void test_meeting_kinds(void)
{
	const struct meeting_kind_def *k;

	CHECK_INT(meeting_kind_count, 5);
	k = meeting_kind_get(MK_LIANGWEI);
	CHECK_STR(k->name, "两委联席会议");
	CHECK_INT(k->from_step, STEP_PROPOSE);
	CHECK_INT(k->performs_step, STEP_CONSULT);
	CHECK_INT(k->entitled_roles, ROLE_PARTY_CMTE | ROLE_RES_CMTE);
	CHECK_STR(k->entitled_label, "应到两委成员");
	k = meeting_kind_get(MK_PARTY);
	CHECK_STR(k->name, "党员大会");
	CHECK_INT(k->from_step, STEP_CONSULT);
	CHECK_INT(k->performs_step, STEP_REVIEW);
	CHECK_INT(k->entitled_roles, ROLE_PARTY);   /* 预备党员 have no vote */
	CHECK_STR(k->entitled_label, "应到会有表决权的党员");
	k = meeting_kind_get(MK_RESIDENTS);
	CHECK_STR(k->name, "居民会议");
	CHECK_INT(k->from_step, STEP_REVIEW);
	CHECK_INT(k->performs_step, STEP_RESOLVE);
	CHECK_INT(k->entitled_roles, ROLE_HOUSEHOLD);
	CHECK_STR(k->entitled_label, "应到户代表");
	k = meeting_kind_get(MK_REPS);
	CHECK_STR(k->name, "居民代表会议");
	CHECK_INT(k->from_step, STEP_REVIEW);
	CHECK_INT(k->performs_step, STEP_RESOLVE);
	CHECK_INT(k->entitled_roles, ROLE_REP);
	CHECK_STR(k->entitled_label, "应到居民代表");
	k = meeting_kind_get(MK_CONSULT);
	CHECK_STR(k->name, "议事协商会");
	CHECK_INT(k->from_step, 0);
	CHECK_INT(k->performs_step, 0);
	CHECK_INT(k->entitled_roles, ROLE_REP | ROLE_OTHER);
	CHECK_STR(k->entitled_label, "应到人员");
	CHECK(meeting_kind_get(0) == NULL);
	CHECK(meeting_kind_get(6) == NULL);
}

static void test_roles(void)
{
	char b[128];

	roles_format(0, b, sizeof b);
	CHECK_STR(b, "");
	roles_format(ROLE_REP | ROLE_PARTY, b, sizeof b);
	CHECK_STR(b, "居民代表、党员");
	roles_format(ROLE_PARTY_PROB, b, sizeof b);
	CHECK_STR(b, "预备党员");
	/* every bit has a distinct name */
	int all = 0;
	for (size_t i = 0; i < role_count; i++) {
		CHECK((all & role_table[i].bit) == 0);
		all |= role_table[i].bit;
		CHECK(role_table[i].name[0] != '\0');
		CHECK(role_table[i].abbr[0] != '\0');
	}
	/* too small a buffer keeps whole names only */
	char small[24];
	roles_format(ROLE_REP | ROLE_PARTY | ROLE_GRID, small, sizeof small);
	CHECK_STR(small, "居民代表、党员");
	roles_format(ROLE_REP, small, 4);
	CHECK_STR(small, "");
}

/* ---- parse_count --------------------------------------------------------- */

static void test_parse_count_ok(void)
{
	static const struct { const char *in; int max, want; } ok[] = {
		{ "30", 30, 30 },
		{ "0", 30, 0 },
		{ " 7 ", 30, 7 },
		{ "\t12\n", 30, 12 },
		{ "007", 30, 7 },
		{ "\xef\xbc\x90", 30, 0 },                             /* ０ */
		{ "\xef\xbc\x93\xef\xbc\x90", 30, 30 },                /* ３０ */
		{ "\xe3\x80\x80\xef\xbc\x91\xef\xbc\x95\xe3\x80\x80", 30, 15 }, /* 　１５　 */
		{ "1\xef\xbc\x92", 30, 12 },                           /* mixed 1２ */
		{ "2147483647", 2147483647, 2147483647 },
	};
	char err[128];

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		int v = -1;
		err[0] = '\0';
		CHECK_INT(parse_count(ok[i].in, ok[i].max, &v, err, sizeof err), 0);
		CHECK_INT(v, ok[i].want);
		CHECK_STR(err, "");
	}
}

static void test_parse_count_bad(void)
{
	static const struct { const char *in; int max; const char *msg; } bad[] = {
		{ "", 30, "未输入数字，请输入 0 到 30 之间的整数。" },
		{ "   ", 30, "未输入数字，请输入 0 到 30 之间的整数。" },
		{ "\xe3\x80\x80", 30, "未输入数字" },
		{ "-1", 30, "不能带正负号，请输入 0 到 30 之间的整数。" },
		{ "+5", 30, "不能带正负号" },
		{ "\xef\xbc\x8d\xef\xbc\x93", 30, "不能带正负号" },     /* －３ */
		{ "3.5", 30, "不能有小数，请输入 0 到 30 之间的整数。" },
		{ "\xef\xbc\x91\xef\xbc\x8e\xef\xbc\x95", 30, "不能有小数" },  /* １．５ */
		{ "abc", 30, "只能输入数字，请输入 0 到 30 之间的整数。" },
		{ "12a", 30, "只能输入数字" },
		{ "十二", 30, "只能输入数字" },
		{ "1 2", 30, "数字中间不能有空格" },
		{ "31", 30, "超出范围，请输入 0 到 30 之间的整数。" },
		{ "99999999999999999999", 30, "超出范围" },
		{ "99999999999999999999", 2147483647, "超出范围" },
		{ "1", 0, "请输入 0 到 0 之间的整数" },
	};
	char err[128];

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int v = 777;
		err[0] = '\0';
		CHECK_INT(parse_count(bad[i].in, bad[i].max, &v, err, sizeof err), -1);
		CHECK_CONTAINS(err, bad[i].msg);
		CHECK_INT(v, 777);     /* untouched on error */
	}
	int v = 777;
	CHECK_INT(parse_count(NULL, 30, &v, err, sizeof err), -1);
	CHECK_INT(v, 777);
	/* a range from 1 (份数): every refusal names the same range */
	CHECK_INT(parse_count_in("0", 1, 5000, &v, err, sizeof err), -1);
	CHECK_STR(err, "超出范围，请输入 1 到 5000 之间的整数。");
	CHECK_INT(parse_count_in("abc", 1, 5000, &v, err, sizeof err), -1);
	CHECK_STR(err, "只能输入数字，请输入 1 到 5000 之间的整数。");
	CHECK_INT(parse_count_in("6000", 1, 5000, &v, err, sizeof err), -1);
	CHECK_STR(err, "超出范围，请输入 1 到 5000 之间的整数。");
	CHECK_INT(v, 777);
	CHECK_INT(parse_count_in("１５", 1, 5000, &v, err, sizeof err), 0);
	CHECK_INT(v, 15);
}

int main(void)
{
	RUN(test_matrix);
	RUN(test_messages);
	RUN(test_full_path);
	RUN(test_agenda_ok);
	RUN(test_names);
	RUN(test_meeting_kinds);
	RUN(test_roles);
	RUN(test_parse_count_ok);
	RUN(test_parse_count_bad);
	T_DONE();
}
