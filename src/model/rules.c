/* rules.c: rule sets as data and the arithmetic of quorum and majority.
 *
 * Chinese legal wording is exact (民法典 第一千二百五十九条): "以上" includes
 * the number itself (CMP_GE), "过半数" and "超过" do not (CMP_GT).  Every
 * comparison is done in integers, value * den against base * num, so that
 * 15 of 30 is exactly half and never 0.49999 of it.
 *
 * Plain libc only. */
#include <stdio.h>
#include <string.h>

#include "model/core.h"
#include "base/util.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The default rule sets, from the law, one a line: the quorum (出席 counted
 * against whom, compared how, with what fraction), the passing rule (赞成
 * likewise), and the source, which the clerk sees beside every result.
 * The clerk may edit the copies in the database (the law was revised in
 * 2025, places differ). */
#define RULE(code_, name_, qb, qc, qn, qd, pb, pc, pn, pd, source_) { \
	.code = code_, .name = name_, \
	.q_base = BASE_##qb, .q_cmp = CMP_##qc, .q_num = qn, .q_den = qd, \
	.p_base = BASE_##pb, .p_cmp = CMP_##pc, .p_num = pn, .p_den = pd, \
	.source = source_ }
const struct rule_set rule_defaults[] = {
	/* 两委 decide by majority of the members present, with more than half
	 * of the members there */
	RULE("LIANGWEI", "两委联席会议表决规则", ENTITLED, GT, 1, 2, PRESENT, GT, 1, 2,
	     "社区“两委”联席会议议事规则（四议两公开工作法通行做法）"),
	/* 半数以上 of the voting members must attend; a decision needs more
	 * than half of the members entitled to attend (应到), not of those
	 * present */
	RULE("PARTY", "党员大会表决规则", ENTITLED, GE, 1, 2, ENTITLED, GT, 1, 2,
	     "中国共产党支部工作条例（试行）第十一条"),
	/* 居民会议: 过半数 of the adult residents / households / group
	 * representatives present; decisions by more than half of those
	 * present */
	RULE("RESIDENTS", "居民会议表决规则", ENTITLED, GT, 1, 2, PRESENT, GT, 1, 2,
	     "城市居民委员会组织法 第十条"),
	/* no statute for 居民代表会议; the 村民代表会议 rule is the model: two
	 * thirds of the representatives present, majority of them */
	RULE("REPS", "居民代表会议表决规则", ENTITLED, GE, 2, 3, PRESENT, GT, 1, 2,
	     "参照村民委员会组织法 第二十五、二十六条"),
	/* a round table has no quorum; when it votes, majority present */
	RULE("CONSULT", "议事协商会表决规则", ENTITLED, GE, 0, 1, PRESENT, GT, 1, 2,
	     "社区议事协商规则（社区自定）"),
};
#undef RULE
const size_t rule_default_count = ARRAY_LEN(rule_defaults);

/* ---- words --------------------------------------------------------------- */

/* fractions that have a Chinese name; anything else is written N/M */
static const struct { int num, den; const char *name; } frac_names[] = {
	{ 1, 2, "半数" },
	{ 2, 3, "三分之二" },
	{ 3, 4, "四分之三" },
	{ 1, 3, "三分之一" },
};

/* how the base of a test is called, and its unit */
static const struct { const char *label, *unit; } base_words[] = {
	[BASE_ENTITLED] = { "应到人数", "人" },
	[BASE_PRESENT]  = { "出席人数", "人" },
	[BASE_VALID]    = { "有效票",   "票" },
};

static long gcd(long a, long b)
{
	while (b) {
		long t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static void frac_name(int num, int den, char *buf, size_t len)
{
	long g = num > 0 && den > 0 ? gcd(num, den) : 1;
	long n = num / g, d = den / g;

	for (size_t i = 0; i < ARRAY_LEN(frac_names); i++) {
		if (frac_names[i].num == n && frac_names[i].den == d) {
			snprintf(buf, len, "%s", frac_names[i].name);
			return;
		}
	}
	snprintf(buf, len, "%ld/%ld", n, d);
}

void rule_phrase(int cmp, int num, int den, char *buf, size_t len)
{
	char f[32];

	if (!buf || len == 0)
		return;
	if (num <= 0 || den <= 0) {
		snprintf(buf, len, "不限");
		return;
	}
	frac_name(num, den, f, sizeof f);
	if (cmp == CMP_GE)
		snprintf(buf, len, "%s以上", f);
	else if (strcmp(f, "半数") == 0)
		snprintf(buf, len, "过半数");
	else
		snprintf(buf, len, "超过%s", f);
}

static const char *base_label(int base)
{
	return base >= 0 && (size_t)base < ARRAY_LEN(base_words)
	       ? base_words[base].label : "?";
}

void rule_describe(const struct rule_set *r, char *buf, size_t len)
{
	char q[64], f[32];

	if (!buf || len == 0)
		return;
	if (r->q_num > 0) {
		rule_phrase(r->q_cmp, r->q_num, r->q_den, f, sizeof f);
		snprintf(q, sizeof q, "%s%s出席", base_label(r->q_base), f);
	} else {
		snprintf(q, sizeof q, "不设");
	}
	frac_name(r->p_num, r->p_den, f, sizeof f);
	snprintf(buf, len, "法定人数：%s；通过：赞成%s%s的%s%s", q,
	         r->p_cmp == CMP_GE ? "达到" : "超过", base_label(r->p_base), f,
	         r->p_cmp == CMP_GE ? "以上" : "");
}

static int fail(char *err, size_t errlen, const char *msg)
{
	if (err && errlen)
		snprintf(err, errlen, "%s", msg);
	return -1;
}

const char *const rule_field_label[RF_COUNT] = {
	[RF_NONE] = "", [RF_NAME] = "名称", [RF_SOURCE] = "依据", [RF_Q_NUM] = "法定分子",
	[RF_Q_DEN] = "法定分母", [RF_P_BASE] = "通过基数", [RF_P_NUM] = "通过分子",
	[RF_P_DEN] = "通过分母", [RF_CMP] = "比较方式",
};

/* a fraction of the rule, named by its fields; 0 or -1 */
static int check_fraction(int cmp, int num, int den, int fnum, int fden, int *field,
                          char *err, size_t errlen)
{
	const char *ln = rule_field_label[fnum], *ld = rule_field_label[fden];
	int at = fnum;

	if (den <= 0) {
		at = fden;
		if (err && errlen)
			snprintf(err, errlen, "「%s」不能为 0。", ld);
	} else if (num <= 0) {
		if (err && errlen)
			snprintf(err, errlen, "「%s」不能为 0。", ln);
	} else if (num > den) {
		if (err && errlen)
			snprintf(err, errlen, "「%s」%d 不能大于「%s」%d。", ln, num, ld, den);
	} else if (den > 100) {
		at = fden;
		if (err && errlen)
			snprintf(err, errlen, "「%s」不能大于 100。", ld);
	} else if (cmp == CMP_GT && num == den) {
		/* "more than all of them" can never be met */
		if (err && errlen)
			snprintf(err, errlen, "「超过全部」永远达不到：请改为「以上」，或减小「%s」。", ln);
	} else {
		return 0;
	}
	if (field)
		*field = at;
	return -1;
}

int rule_check(const struct rule_set *r, int *field, char *err, size_t errlen)
{
	int f = RF_NONE, rc = -1;

	if (!ys_has_text(r->name))
		fail(err, errlen, "规则名称不能为空。"), f = RF_NAME;
	else if (!ys_has_text(r->source))
		fail(err, errlen, "请填写规则的依据（法律条文或议事规则）。"), f = RF_SOURCE;
	else if (r->q_base != BASE_ENTITLED)
		fail(err, errlen, "法定人数只能以应到人数为基数。"), f = RF_Q_NUM;
	else if (r->p_base < BASE_ENTITLED || r->p_base > BASE_VALID)
		fail(err, errlen, "通过的基数只能是应到人数、出席人数或有效票。"), f = RF_P_BASE;
	else if ((r->q_cmp != CMP_GT && r->q_cmp != CMP_GE) ||
	         (r->p_cmp != CMP_GT && r->p_cmp != CMP_GE))
		fail(err, errlen, "比较方式只能是“超过”或“以上”。"), f = RF_CMP;
	else if (r->q_num != 0 &&
	         check_fraction(r->q_cmp, r->q_num, r->q_den, RF_Q_NUM, RF_Q_DEN, &f, err, errlen))
		;
	else if (check_fraction(r->p_cmp, r->p_num, r->p_den, RF_P_NUM, RF_P_DEN, &f, err, errlen))
		;
	else
		rc = 0;
	if (field)
		*field = rc ? f : RF_NONE;
	if (rc == 0 && err && errlen)
		err[0] = '\0';
	return rc;
}

int rule_validate(const struct rule_set *r, char *err, size_t errlen)
{
	return rule_check(r, NULL, err, errlen);
}

/* ---- arithmetic ---------------------------------------------------------- */

int rule_meets(long value, long base, int cmp, int num, int den)
{
	long long lhs, rhs;

	if (den <= 0)
		return 0;
	lhs = (long long)value * den;
	rhs = (long long)base * num;
	return cmp == CMP_GE ? lhs >= rhs : lhs > rhs;
}

long rule_min_needed(long base, int cmp, int num, int den)
{
	long long v;

	if (den <= 0 || base < 0)
		return base + 1;
	if (num <= 0)
		return cmp == CMP_GE ? 0 : 1;
	v = (long long)base * num / den;            /* floor: num, den > 0 */
	if (cmp == CMP_GT)
		v += 1;                             /* the next integer above */
	else if (v * den < (long long)base * num)
		v += 1;                             /* ceiling */
	if (v > base + 1)
		v = base + 1;
	return (long)v;
}

int tally_check(const struct tally *t, char *err, size_t errlen)
{
	long long sum = (long long)t->yes + t->no + t->abstain;

	if (t->entitled < 0 || t->present < 0 || t->yes < 0 || t->no < 0 ||
	    t->abstain < 0)
		return fail(err, errlen, "人数和票数不能是负数。");
	if (t->present > t->entitled) {
		if (err && errlen)
			snprintf(err, errlen, "实到 %d 人，超过应到 %d 人。",
			         t->present, t->entitled);
		return -1;
	}
	if (sum > t->present) {
		if (err && errlen)
			snprintf(err, errlen, "赞成、反对、弃权合计 %lld 票，超过实到 %d 人。",
			         sum, t->present);
		return -1;
	}
	return 0;
}

int rule_quorum(const struct rule_set *r, int entitled, int present,
                const char *entitled_label, char *sentence, size_t len)
{
	char f[32];
	int ok;
	const char *label = entitled_label && *entitled_label ? entitled_label
	                    : base_words[BASE_ENTITLED].label;

	if (r->q_num <= 0) {
		if (sentence && len)
			snprintf(sentence, len, "应到 %d 人，实到 %d 人，本表决规则不设法定人数。",
			         entitled, present);
		return 1;
	}
	ok = rule_meets(present, entitled, r->q_cmp, r->q_num, r->q_den);
	frac_name(r->q_num, r->q_den, f, sizeof f);
	if (!sentence || !len)
		return ok;
	if (ok)
		snprintf(sentence, len, "应到 %d 人，实到 %d 人，%s%s的%s%s，符合法定人数。",
		         entitled, present, r->q_cmp == CMP_GE ? "达到" : "超过",
		         label, f, r->q_cmp == CMP_GE ? "以上" : "");
	else
		snprintf(sentence, len, "应到 %d 人，实到 %d 人，未%s%s的%s%s（至少 %ld 人），"
		         "不足法定人数，不能表决。",
		         entitled, present, r->q_cmp == CMP_GE ? "达到" : "超过",
		         label, f, r->q_cmp == CMP_GE ? "以上" : "",
		         rule_min_needed(entitled, r->q_cmp, r->q_num, r->q_den));
	return ok;
}

int rule_evaluate(const struct rule_set *r, const struct tally *t,
                  const char *entitled_label, struct vote_result *res,
                  char *err, size_t errlen)
{
	return rule_evaluate_as(r, t, entitled_label, NULL, res, err, errlen);
}

int rule_evaluate_as(const struct rule_set *r, const struct tally *t,
                     const char *entitled_label, const char *yes_word,
                     struct vote_result *res, char *err, size_t errlen)
{
	char f[32];
	const char *label, *unit;

	if (tally_check(t, err, errlen) != 0)
		return -1;
	if (r->p_base < BASE_ENTITLED || r->p_base > BASE_VALID || r->p_den <= 0)
		return fail(err, errlen, "表决规则无效。");
	memset(res, 0, sizeof *res);
	switch (r->p_base) {
	case BASE_ENTITLED: res->pass_base = t->entitled; break;
	case BASE_PRESENT:  res->pass_base = t->present; break;
	default:            res->pass_base = (long)t->yes + t->no + t->abstain; break;
	}
	res->pass_needed = rule_min_needed(res->pass_base, r->p_cmp, r->p_num, r->p_den);
	res->quorum_ok = rule_quorum(r, t->entitled, t->present, entitled_label,
	                             res->sentence, sizeof res->sentence);
	if (!res->quorum_ok)
		return 0;   /* the sentence says why no vote could be taken */

	res->passed = rule_meets(t->yes, res->pass_base, r->p_cmp, r->p_num, r->p_den);
	label = base_words[r->p_base].label;
	if (r->p_base == BASE_ENTITLED && entitled_label && *entitled_label)
		label = entitled_label;
	unit = base_words[r->p_base].unit;
	frac_name(r->p_num, r->p_den, f, sizeof f);
	snprintf(res->sentence, sizeof res->sentence, "%s %d 票，%s%s%s %ld %s的%s%s，%s。",
	         yes_word && *yes_word ? yes_word : "赞成", t->yes, res->passed ? "" : "未",
	         r->p_cmp == CMP_GE ? "达到" : "超过",
	         label, res->pass_base, unit, f, r->p_cmp == CMP_GE ? "以上" : "",
	         res->passed ? "通过" : "未通过");
	return 0;
}

/* ---- a secret ballot counted on paper -------------------------------------- */

int ballot_count_check(const struct ballot_count *c, const struct tally *t,
                       char *err, size_t errlen)
{
	long long choices = (long long)t->yes + t->no + t->abstain;

	if (c->issued < 0 || c->returned < 0)
		return fail(err, errlen, "请填写发出和收回的表决票张数。");
	if (c->issued > t->present) {
		if (err && errlen)
			snprintf(err, errlen, "发出表决票 %d 张，多于实到 %d 人。", c->issued, t->present);
		return -1;
	}
	/* more came back than went out: the round is void, whatever the
	 * ballots say; the chair announces a new vote */
	if (c->returned > c->issued)
		return 1;
	if (c->valid < 0 || c->invalid < 0 || t->yes < 0 || t->no < 0 || t->abstain < 0)
		return fail(err, errlen, "票数不能是负数。");
	if ((long long)c->valid + c->invalid != c->returned) {
		if (err && errlen)
			snprintf(err, errlen, "有效票 %d 张加无效票 %d 张为 %lld 张，与收回的 %d 张不符。",
			         c->valid, c->invalid, (long long)c->valid + c->invalid, c->returned);
		return -1;
	}
	if (choices != c->valid) {
		if (err && errlen)
			snprintf(err, errlen, "同意 %d、不同意 %d、弃权 %d 合计 %lld 票，与有效票 %d 张不符。",
			         t->yes, t->no, t->abstain, choices, c->valid);
		return -1;
	}
	return 0;
}

void ballot_count_sentence(const struct ballot_count *c, const struct tally *t,
                           char *buf, size_t len)
{
	if (!buf || !len)
		return;
	if (c->returned > c->issued)
		snprintf(buf, len, "发出表决票 %d 张，收回 %d 张，" BALLOT_VOID_SENTENCE,
		         c->issued, c->returned);
	else
		snprintf(buf, len, "发出表决票 %d 张，收回 %d 张，其中有效票 %d 张、无效票 %d 张；"
		         "有效票中同意 %d 票、不同意 %d 票、弃权 %d 票。", c->issued, c->returned,
		         c->valid, c->invalid, t->yes, t->no, t->abstain);
}

int counts_differ(const char *const *labels, const int *a, const int *b, int n,
                  char *out, size_t len)
{
	size_t used = 0;
	int diff = 0;

	if (out && len)
		out[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (a[i] == b[i])
			continue;
		if (out && used < len) {
			int w = snprintf(out + used, len - used, "%s%s：第一遍 %d，第二遍 %d",
			                 diff ? "；" : "", labels[i], a[i], b[i]);
			used = w < 0 ? len : used + (size_t)w;
		}
		diff++;
	}
	return diff;
}

/* ---- what the rule asks, before the vote ------------------------------------ */

void rule_quorum_statement(const struct rule_set *r, int entitled, const char *entitled_label,
                           char *buf, size_t len)
{
	char f[32];
	const char *label = entitled_label && *entitled_label ? entitled_label
	                    : base_words[BASE_ENTITLED].label;

	if (!buf || !len)
		return;
	if (r->q_num <= 0) {
		snprintf(buf, len, "本表决规则不设法定人数");
		return;
	}
	rule_phrase(r->q_cmp, r->q_num, r->q_den, f, sizeof f);
	snprintf(buf, len, "%s %d 人，须有 %ld 人以上出席（应到的%s）", label, entitled,
	         rule_min_needed(entitled, r->q_cmp, r->q_num, r->q_den), f);
}

void rule_pass_statement(const struct rule_set *r, int entitled, int present,
                         const char *entitled_label, char *buf, size_t len)
{
	char f[32];
	const char *cmp = r->p_cmp == CMP_GE ? "达到" : "超过";
	const char *ge = r->p_cmp == CMP_GE ? "以上" : "";

	if (!buf || !len)
		return;
	frac_name(r->p_num, r->p_den, f, sizeof f);
	if (r->p_base == BASE_ENTITLED || (r->p_base == BASE_PRESENT && present >= 0)) {
		long base = r->p_base == BASE_ENTITLED ? entitled : present;
		const char *label = r->p_base == BASE_PRESENT ? base_words[BASE_PRESENT].label
		                    : entitled_label && *entitled_label ? entitled_label
		                    : base_words[BASE_ENTITLED].label;
		snprintf(buf, len, "赞成须%s%s %ld 人的%s%s，即至少 %ld 票", cmp, label, base, f, ge,
		         rule_min_needed(base, r->p_cmp, r->p_num, r->p_den));
	} else {
		snprintf(buf, len, "赞成须%s%s的%s%s（按%s计算）", cmp, base_label(r->p_base), f, ge,
		         r->p_base == BASE_PRESENT ? "实到人数" : "清点后的有效票");
	}
}
