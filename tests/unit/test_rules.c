/* test_rules.c: quorum and majority arithmetic at the boundaries, the
 * default rule sets, tallies that do not add up, and the exact sentences
 * the clerk reads and the minutes print. */
#include <limits.h>

#include "t.h"
#include "model/core.h"

static const struct rule_set *rule(const char *code)
{
	for (size_t i = 0; i < rule_default_count; i++)
		if (strcmp(rule_defaults[i].code, code) == 0)
			return &rule_defaults[i];
	return NULL;
}

static void test_defaults_table(void)
{
	char err[256];
	static const char *const codes[] = { "LIANGWEI", "PARTY", "RESIDENTS", "REPS", "CONSULT" };

	CHECK_INT(rule_default_count, 5);
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		const struct rule_set *r = rule(codes[i]);
		CHECK(r != NULL);
		if (!r)
			continue;
		err[0] = '\0';
		CHECK_INT(rule_validate(r, err, sizeof err), 0);
		CHECK_STR(err, "");
		CHECK(r->source[0] != '\0');
	}
	/* each meeting kind names a default rule set that exists */
	for (size_t i = 0; i < meeting_kind_count; i++)
		CHECK(rule(meeting_kind_table[i].rule_code) != NULL);
}

static void test_defaults_values(void)
{
	const struct rule_set *r;

	r = rule("LIANGWEI");
	CHECK_INT(r->q_base, BASE_ENTITLED);
	CHECK_INT(r->q_cmp, CMP_GT); CHECK_INT(r->q_num, 1); CHECK_INT(r->q_den, 2);
	CHECK_INT(r->p_base, BASE_PRESENT);
	CHECK_INT(r->p_cmp, CMP_GT); CHECK_INT(r->p_num, 1); CHECK_INT(r->p_den, 2);
	CHECK_STR(r->source, "社区“两委”联席会议议事规则（四议两公开工作法通行做法）");

	r = rule("PARTY");
	CHECK_INT(r->q_cmp, CMP_GE); CHECK_INT(r->q_num, 1); CHECK_INT(r->q_den, 2);
	CHECK_INT(r->p_base, BASE_ENTITLED);
	CHECK_INT(r->p_cmp, CMP_GT); CHECK_INT(r->p_num, 1); CHECK_INT(r->p_den, 2);
	CHECK_STR(r->source, "中国共产党支部工作条例（试行）第十一条");

	r = rule("RESIDENTS");
	CHECK_INT(r->q_cmp, CMP_GT); CHECK_INT(r->q_num, 1); CHECK_INT(r->q_den, 2);
	CHECK_INT(r->p_base, BASE_PRESENT);
	CHECK_INT(r->p_cmp, CMP_GT);
	CHECK_STR(r->source, "城市居民委员会组织法 第十条");

	r = rule("REPS");
	CHECK_INT(r->q_cmp, CMP_GE); CHECK_INT(r->q_num, 2); CHECK_INT(r->q_den, 3);
	CHECK_INT(r->p_base, BASE_PRESENT);
	CHECK_INT(r->p_cmp, CMP_GT); CHECK_INT(r->p_num, 1); CHECK_INT(r->p_den, 2);
	CHECK_STR(r->source, "参照村民委员会组织法 第二十五、二十六条");

	r = rule("CONSULT");
	CHECK_INT(r->q_num, 0);
	CHECK_INT(r->p_base, BASE_PRESENT);
	CHECK_INT(r->p_cmp, CMP_GT);
	CHECK_STR(r->source, "社区议事协商规则（社区自定）");
}

static void test_meets_half(void)
{
	/* "过半数": exactly half is not enough, one more is */
	CHECK_INT(rule_meets(15, 30, CMP_GT, 1, 2), 0);
	CHECK_INT(rule_meets(16, 30, CMP_GT, 1, 2), 1);
	CHECK_INT(rule_meets(14, 30, CMP_GT, 1, 2), 0);
	/* odd base: 15.5 is half of 31 */
	CHECK_INT(rule_meets(15, 31, CMP_GT, 1, 2), 0);
	CHECK_INT(rule_meets(16, 31, CMP_GT, 1, 2), 1);
	/* "半数以上": exactly half is enough */
	CHECK_INT(rule_meets(15, 30, CMP_GE, 1, 2), 1);
	CHECK_INT(rule_meets(14, 30, CMP_GE, 1, 2), 0);
	CHECK_INT(rule_meets(15, 31, CMP_GE, 1, 2), 0);
	CHECK_INT(rule_meets(16, 31, CMP_GE, 1, 2), 1);
	/* empty base */
	CHECK_INT(rule_meets(0, 0, CMP_GT, 1, 2), 0);
	CHECK_INT(rule_meets(0, 0, CMP_GE, 1, 2), 1);
	/* a broken rule never passes */
	CHECK_INT(rule_meets(10, 10, CMP_GE, 1, 0), 0);
}

static void test_meets_thirds_quarters(void)
{
	/* 2/3 of 30 = 20 exactly */
	CHECK_INT(rule_meets(20, 30, CMP_GE, 2, 3), 1);
	CHECK_INT(rule_meets(19, 30, CMP_GE, 2, 3), 0);
	CHECK_INT(rule_meets(20, 30, CMP_GT, 2, 3), 0);
	CHECK_INT(rule_meets(21, 30, CMP_GT, 2, 3), 1);
	/* 2/3 of 31 = 20.67: 21 needed either way */
	CHECK_INT(rule_meets(20, 31, CMP_GE, 2, 3), 0);
	CHECK_INT(rule_meets(21, 31, CMP_GE, 2, 3), 1);
	/* 3/4 of 40 = 30 exactly */
	CHECK_INT(rule_meets(30, 40, CMP_GE, 3, 4), 1);
	CHECK_INT(rule_meets(29, 40, CMP_GE, 3, 4), 0);
	CHECK_INT(rule_meets(30, 40, CMP_GT, 3, 4), 0);
	/* a fraction that floating point gets wrong: 1/3 of 3 is 1 */
	CHECK_INT(rule_meets(1, 3, CMP_GE, 1, 3), 1);
	CHECK_INT(rule_meets(1, 3, CMP_GT, 1, 3), 0);
	/* large counts do not overflow */
	CHECK_INT(rule_meets(INT_MAX, INT_MAX, CMP_GE, 99, 100), 1);
	CHECK_INT(rule_meets(INT_MAX / 2, INT_MAX, CMP_GT, 1, 2), 0);
}

static void test_min_needed(void)
{
	CHECK_INT(rule_min_needed(30, CMP_GT, 1, 2), 16);
	CHECK_INT(rule_min_needed(30, CMP_GE, 1, 2), 15);
	CHECK_INT(rule_min_needed(31, CMP_GT, 1, 2), 16);
	CHECK_INT(rule_min_needed(31, CMP_GE, 1, 2), 16);
	CHECK_INT(rule_min_needed(30, CMP_GE, 2, 3), 20);
	CHECK_INT(rule_min_needed(31, CMP_GE, 2, 3), 21);
	CHECK_INT(rule_min_needed(30, CMP_GT, 2, 3), 21);
	CHECK_INT(rule_min_needed(40, CMP_GE, 3, 4), 30);
	CHECK_INT(rule_min_needed(0, CMP_GT, 1, 2), 1);
	CHECK_INT(rule_min_needed(0, CMP_GE, 1, 2), 0);
	CHECK_INT(rule_min_needed(67, CMP_GT, 1, 2), 34);
	/* "more than all" cannot be met: base + 1 */
	CHECK_INT(rule_min_needed(10, CMP_GT, 1, 1), 11);
	/* consistency with rule_meets over a range */
	for (int base = 0; base <= 60; base++) {
		static const int fr[][2] = { {1, 2}, {2, 3}, {3, 4}, {1, 3}, {3, 5} };
		for (int f = 0; f < 5; f++) {
			for (int cmp = CMP_GT; cmp <= CMP_GE; cmp++) {
				long need = rule_min_needed(base, cmp, fr[f][0], fr[f][1]);
				CHECK_INT(rule_meets(need, base, cmp, fr[f][0], fr[f][1]), 1);
				if (need > 0)
					CHECK_INT(rule_meets(need - 1, base, cmp, fr[f][0], fr[f][1]), 0);
			}
		}
	}
}

static void test_quorum_defaults(void)
{
	char s[512];

	/* PARTY: 半数以上, 15 of 30 is enough */
	CHECK_INT(rule_quorum(rule("PARTY"), 30, 15, NULL, s, sizeof s), 1);
	CHECK_INT(rule_quorum(rule("PARTY"), 30, 14, NULL, s, sizeof s), 0);
	/* RESIDENTS: 过半数, 15 of 30 is not */
	CHECK_INT(rule_quorum(rule("RESIDENTS"), 30, 15, NULL, s, sizeof s), 0);
	CHECK_INT(rule_quorum(rule("RESIDENTS"), 30, 16, NULL, s, sizeof s), 1);
	/* REPS: 2/3 以上 */
	CHECK_INT(rule_quorum(rule("REPS"), 30, 20, NULL, s, sizeof s), 1);
	CHECK_INT(rule_quorum(rule("REPS"), 30, 19, NULL, s, sizeof s), 0);
	/* LIANGWEI: 过半数 */
	CHECK_INT(rule_quorum(rule("LIANGWEI"), 9, 4, NULL, s, sizeof s), 0);
	CHECK_INT(rule_quorum(rule("LIANGWEI"), 9, 5, NULL, s, sizeof s), 1);
	/* CONSULT: none */
	CHECK_INT(rule_quorum(rule("CONSULT"), 30, 0, NULL, s, sizeof s), 1);
	CHECK_STR(s, "应到 30 人，实到 0 人，本表决规则不设法定人数。");
	/* a NULL sentence is allowed */
	CHECK_INT(rule_quorum(rule("PARTY"), 30, 15, NULL, NULL, 0), 1);
}

static void test_quorum_sentences(void)
{
	char s[512];

	rule_quorum(rule("PARTY"), 30, 14, NULL, s, sizeof s);
	CHECK_STR(s, "应到 30 人，实到 14 人，未达到应到人数的半数以上（至少 15 人），"
	          "不足法定人数，不能表决。");
	rule_quorum(rule("PARTY"), 30, 16, NULL, s, sizeof s);
	CHECK_STR(s, "应到 30 人，实到 16 人，达到应到人数的半数以上，符合法定人数。");
	rule_quorum(rule("RESIDENTS"), 30, 15, NULL, s, sizeof s);
	CHECK_STR(s, "应到 30 人，实到 15 人，未超过应到人数的半数（至少 16 人），"
	          "不足法定人数，不能表决。");
	rule_quorum(rule("RESIDENTS"), 120, 67, "应到户代表", s, sizeof s);
	CHECK_STR(s, "应到 120 人，实到 67 人，超过应到户代表的半数，符合法定人数。");
	rule_quorum(rule("REPS"), 30, 19, "", s, sizeof s);
	CHECK_STR(s, "应到 30 人，实到 19 人，未达到应到人数的三分之二以上（至少 20 人），"
	          "不足法定人数，不能表决。");
}

static void test_party_base_entitled(void)
{
	/* PARTY passes on more than half of 应到, not of those present */
	struct tally t = { .entitled = 30, .present = 16, .yes = 15 };
	struct vote_result res;
	char err[256];

	CHECK_INT(rule_evaluate(rule("PARTY"), &t, "应到会党员", &res, err, sizeof err), 0);
	CHECK_INT(res.quorum_ok, 1);
	CHECK_INT(res.passed, 0);          /* 15 of 16 present, but not > 15 */
	CHECK_INT(res.pass_base, 30);
	CHECK_INT(res.pass_needed, 16);
	CHECK_STR(res.sentence, "赞成 15 票，未超过应到会党员 30 人的半数，未通过。");

	t.yes = 16;
	CHECK_INT(rule_evaluate(rule("PARTY"), &t, "应到会党员", &res, err, sizeof err), 0);
	CHECK_INT(res.passed, 1);
	CHECK_STR(res.sentence, "赞成 16 票，超过应到会党员 30 人的半数，通过。");
	/* a secret ballot's sentence in the words of its paper */
	CHECK_INT(rule_evaluate_as(rule("PARTY"), &t, "应到会党员", "同意", &res, err, sizeof err), 0);
	CHECK_INT(res.passed, 1);
	CHECK_STR(res.sentence, "同意 16 票，超过应到会党员 30 人的半数，通过。");

	/* the same 15 of 16 under a present-based rule passes */
	t.yes = 15;
	CHECK_INT(rule_evaluate(rule("RESIDENTS"), &t, NULL, &res, err, sizeof err), 0);
	CHECK_INT(res.passed, 1);
	CHECK_INT(res.pass_base, 16);
	CHECK_STR(res.sentence, "赞成 15 票，超过出席人数 16 人的半数，通过。");
}

static void test_evaluate_present(void)
{
	struct tally t = { .entitled = 120, .present = 67, .yes = 45, .no = 12, .abstain = 5 };
	struct vote_result res;
	char err[256];

	CHECK_INT(rule_evaluate(rule("RESIDENTS"), &t, NULL, &res, err, sizeof err), 0);
	CHECK_INT(res.passed, 1);
	CHECK_STR(res.sentence, "赞成 45 票，超过出席人数 67 人的半数，通过。");
	CHECK_INT(tally_not_voted(&t), 5);

	/* exactly half of present: not more than half */
	t.entitled = 30; t.present = 20; t.yes = 10; t.no = 10; t.abstain = 0;
	CHECK_INT(rule_evaluate(rule("REPS"), &t, NULL, &res, err, sizeof err), 0);
	CHECK_INT(res.quorum_ok, 1);
	CHECK_INT(res.passed, 0);
	CHECK_STR(res.sentence, "赞成 10 票，未超过出席人数 20 人的半数，未通过。");
	t.yes = 11; t.no = 9;
	CHECK_INT(rule_evaluate(rule("REPS"), &t, NULL, &res, err, sizeof err), 0);
	CHECK_INT(res.passed, 1);
}

static void test_evaluate_ge_sentences(void)
{
	/* an owners' rule: at least 2/3 of 应到 */
	struct rule_set r = {
		.code = "OWN", .name = "业主共同决定",
		.q_base = BASE_ENTITLED, .q_cmp = CMP_GE, .q_num = 2, .q_den = 3,
		.p_base = BASE_ENTITLED, .p_cmp = CMP_GE, .p_num = 2, .p_den = 3,
		.source = "民法典 第二百七十八条",
	};
	struct tally t = { .entitled = 30, .present = 25, .yes = 20, .no = 5 };
	struct vote_result res;
	char err[256];

	CHECK_INT(rule_validate(&r, err, sizeof err), 0);
	CHECK_INT(rule_evaluate(&r, &t, NULL, &res, err, sizeof err), 0);
	CHECK_INT(res.passed, 1);
	CHECK_STR(res.sentence, "赞成 20 票，达到应到人数 30 人的三分之二以上，通过。");
	t.yes = 19; t.no = 6;
	CHECK_INT(rule_evaluate(&r, &t, NULL, &res, err, sizeof err), 0);
	CHECK_INT(res.passed, 0);
	CHECK_STR(res.sentence, "赞成 19 票，未达到应到人数 30 人的三分之二以上，未通过。");

	/* 3/4 of valid votes */
	r.p_base = BASE_VALID; r.p_num = 3; r.p_den = 4;
	t.yes = 15; t.no = 5; t.abstain = 0;
	CHECK_INT(rule_evaluate(&r, &t, NULL, &res, err, sizeof err), 0);
	CHECK_INT(res.pass_base, 20);
	CHECK_INT(res.passed, 1);
	CHECK_STR(res.sentence, "赞成 15 票，达到有效票 20 票的四分之三以上，通过。");
	t.yes = 14; t.no = 6;
	CHECK_INT(rule_evaluate(&r, &t, NULL, &res, err, sizeof err), 0);
	CHECK_INT(res.passed, 0);
	CHECK_STR(res.sentence, "赞成 14 票，未达到有效票 20 票的四分之三以上，未通过。");
}

static void test_evaluate_no_quorum(void)
{
	struct tally t = { .entitled = 30, .present = 14, .yes = 14 };
	struct vote_result res;
	char err[256];

	CHECK_INT(rule_evaluate(rule("PARTY"), &t, NULL, &res, err, sizeof err), 0);
	CHECK_INT(res.quorum_ok, 0);
	CHECK_INT(res.passed, 0);
	CHECK_STR(res.sentence, "应到 30 人，实到 14 人，未达到应到人数的半数以上（至少 15 人），"
	          "不足法定人数，不能表决。");
}

static void test_tally_check(void)
{
	char err[256];
	struct tally t = { .entitled = 120, .present = 67, .yes = 45, .no = 20, .abstain = 5 };
	struct vote_result res;

	CHECK_INT(tally_check(&t, err, sizeof err), -1);
	CHECK_STR(err, "赞成、反对、弃权合计 70 票，超过实到 67 人。");
	CHECK_INT(rule_evaluate(rule("RESIDENTS"), &t, NULL, &res, err, sizeof err), -1);
	CHECK_CONTAINS(err, "合计 70 票");

	t.abstain = 2;   /* exactly present */
	CHECK_INT(tally_check(&t, err, sizeof err), 0);

	t.entitled = 60;
	CHECK_INT(tally_check(&t, err, sizeof err), -1);
	CHECK_STR(err, "实到 67 人，超过应到 60 人。");

	struct tally neg = { .entitled = 10, .present = 5, .yes = -1 };
	CHECK_INT(tally_check(&neg, err, sizeof err), -1);
	CHECK_CONTAINS(err, "负数");
	neg.yes = 0; neg.present = -1;
	CHECK_INT(tally_check(&neg, err, sizeof err), -1);

	struct tally zero = { 0 };
	CHECK_INT(tally_check(&zero, err, sizeof err), 0);
	/* sums that would overflow an int are still caught */
	struct tally big = { .entitled = INT_MAX, .present = INT_MAX,
	                     .yes = INT_MAX, .no = INT_MAX, .abstain = 1 };
	CHECK_INT(tally_check(&big, err, sizeof err), -1);
}

static void test_phrase(void)
{
	char b[64];

	rule_phrase(CMP_GT, 1, 2, b, sizeof b);  CHECK_STR(b, "过半数");
	rule_phrase(CMP_GE, 1, 2, b, sizeof b);  CHECK_STR(b, "半数以上");
	rule_phrase(CMP_GE, 2, 3, b, sizeof b);  CHECK_STR(b, "三分之二以上");
	rule_phrase(CMP_GE, 3, 4, b, sizeof b);  CHECK_STR(b, "四分之三以上");
	rule_phrase(CMP_GT, 1, 3, b, sizeof b);  CHECK_STR(b, "超过三分之一");
	rule_phrase(CMP_GT, 2, 3, b, sizeof b);  CHECK_STR(b, "超过三分之二");
	rule_phrase(CMP_GE, 3, 5, b, sizeof b);  CHECK_STR(b, "3/5以上");
	rule_phrase(CMP_GE, 2, 4, b, sizeof b);  CHECK_STR(b, "半数以上");
	rule_phrase(CMP_GE, 0, 1, b, sizeof b);  CHECK_STR(b, "不限");
}

static void test_describe(void)
{
	char b[256];

	rule_describe(rule("PARTY"), b, sizeof b);
	CHECK_STR(b, "法定人数：应到人数半数以上出席；通过：赞成超过应到人数的半数");
	rule_describe(rule("RESIDENTS"), b, sizeof b);
	CHECK_STR(b, "法定人数：应到人数过半数出席；通过：赞成超过出席人数的半数");
	rule_describe(rule("REPS"), b, sizeof b);
	CHECK_STR(b, "法定人数：应到人数三分之二以上出席；通过：赞成超过出席人数的半数");
	rule_describe(rule("CONSULT"), b, sizeof b);
	CHECK_STR(b, "法定人数：不设；通过：赞成超过出席人数的半数");
}

static void test_validate(void)
{
	struct rule_set r = rule_defaults[0];
	char err[256];

	CHECK_INT(rule_validate(&r, err, sizeof err), 0);
	r.name[0] = '\0';
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
	CHECK_CONTAINS(err, "名称");
	strcpy(r.name, "\xe3\x80\x80 ");   /* only spaces */
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);

	r = rule_defaults[0];
	r.source[0] = '\0';
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
	CHECK_CONTAINS(err, "依据");

	r = rule_defaults[0];
	r.p_den = 0;
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
	r = rule_defaults[0];
	r.p_num = 3; r.p_den = 2;
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
	r = rule_defaults[0];
	r.p_num = 0;
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
	r = rule_defaults[0];
	r.p_num = 101; r.p_den = 101;
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
	r = rule_defaults[0];
	r.p_cmp = CMP_GT; r.p_num = 1; r.p_den = 1;   /* more than all */
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
	r.p_cmp = CMP_GE;                             /* all: allowed */
	CHECK_INT(rule_validate(&r, err, sizeof err), 0);
	r = rule_defaults[0];
	r.p_base = 7;
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
	r = rule_defaults[0];
	r.q_cmp = 5;
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
	r = rule_defaults[0];
	r.q_base = BASE_PRESENT;
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
	r = rule_defaults[0];
	r.q_num = 0; r.q_den = 0;    /* no quorum: the denominator does not matter */
	CHECK_INT(rule_validate(&r, err, sizeof err), 0);
	r = rule_defaults[0];
	r.q_num = -1;
	CHECK_INT(rule_validate(&r, err, sizeof err), -1);
}

/* a secret ballot's paper count: each sum, the void round, the sentence */
static void test_ballot_count(void)
{
	struct tally t = { .entitled = 30, .present = 28, .yes = 20, .no = 5, .abstain = 2 };
	struct ballot_count c = { 28, 28, 27, 1 };
	char err[256], s[512];

	CHECK_INT(ballot_count_check(&c, &t, err, sizeof err), 0);
	ballot_count_sentence(&c, &t, s, sizeof s);
	CHECK_STR(s, "发出表决票 28 张，收回 28 张，其中有效票 27 张、无效票 1 张；"
	          "有效票中同意 20 票、不同意 5 票、弃权 2 票。");
	/* 收回 <= 发出 <= 实到 */
	c.issued = 29;
	CHECK_INT(ballot_count_check(&c, &t, err, sizeof err), -1);
	CHECK_STR(err, "发出表决票 29 张，多于实到 28 人。");
	c.issued = 28;
	/* 有效 + 无效 = 收回 */
	c.returned = 27;
	CHECK_INT(ballot_count_check(&c, &t, err, sizeof err), -1);
	CHECK_STR(err, "有效票 27 张加无效票 1 张为 28 张，与收回的 27 张不符。");
	/* fewer returned than issued is no fault: a ballot not handed in */
	c.valid = 26;
	t.abstain = 1;
	CHECK_INT(ballot_count_check(&c, &t, err, sizeof err), 0);
	/* 同意 + 不同意 + 弃权 = 有效 */
	t.yes = 21;
	CHECK_INT(ballot_count_check(&c, &t, err, sizeof err), -1);
	CHECK_STR(err, "同意 21、不同意 5、弃权 1 合计 27 票，与有效票 26 张不符。");
	/* more returned than issued: void, whatever the rest says */
	c = (struct ballot_count){ 28, 29, 0, 0 };
	CHECK_INT(ballot_count_check(&c, &t, err, sizeof err), 1);
	ballot_count_sentence(&c, &t, s, sizeof s);
	CHECK_STR(s, "发出表决票 28 张，收回 29 张，收回票数多于发出票数，本次表决无效。");
	/* counts missing or negative */
	c = (struct ballot_count){ -1, -1, -1, -1 };
	CHECK_INT(ballot_count_check(&c, &t, err, sizeof err), -1);
	CHECK_STR(err, "请填写发出和收回的表决票张数。");
	c = (struct ballot_count){ 28, 28, -1, 29 };
	CHECK_INT(ballot_count_check(&c, &t, err, sizeof err), -1);
	CHECK_STR(err, "票数不能是负数。");
}

/* two clerks' entries: each difference named, in order */
static void test_counts_differ(void)
{
	static const char *const labels[] = { "发出", "收回", "同意" };
	const int a[] = { 30, 30, 20 }, b[] = { 30, 29, 19 };
	char out[256];

	CHECK_INT(counts_differ(labels, a, a, 3, out, sizeof out), 0);
	CHECK_STR(out, "");
	CHECK_INT(counts_differ(labels, a, b, 3, out, sizeof out), 2);
	CHECK_STR(out, "收回：第一遍 30，第二遍 29；同意：第一遍 20，第二遍 19");
}

int main(void)
{
	RUN(test_defaults_table);
	RUN(test_defaults_values);
	RUN(test_meets_half);
	RUN(test_meets_thirds_quarters);
	RUN(test_min_needed);
	RUN(test_quorum_defaults);
	RUN(test_quorum_sentences);
	RUN(test_party_base_entitled);
	RUN(test_evaluate_present);
	RUN(test_evaluate_ge_sentences);
	RUN(test_evaluate_no_quorum);
	RUN(test_tally_check);
	RUN(test_phrase);
	RUN(test_describe);
	RUN(test_validate);
	RUN(test_ballot_count);
	RUN(test_counts_differ);
	T_DONE();
}
