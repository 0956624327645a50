/* test_seal.c: 签字确认 — SM3 and SHA-256 against their published test
 * vectors, the canonical text of a meeting's record (it changes whenever
 * any part of the record is changed behind the program's back), sealing,
 * the refusals that follow it, addenda chained on the seal, and
 * `verify` naming exactly the meeting that was altered. */
#include <stdlib.h>
#include <sqlite3.h>

#include "t.h"
#include "fixture.h"
#include "base/clock.h"
#include "model/core.h"
#include "ops/ops.h"
#include "base/digest.h"
#include "ops/seal.h"
#include "store/store.h"
#include "base/util.h"

#define SEALED "会议记录已签字确认，不能修改；如有错误请添加更正。"

static struct store *st;
static char err[512];


/* the meeting the tests work on: a closed 两委联席会议 with attendance, a
 * hands vote, a roll call with ballots, minutes and an observer */
static char mid[ID_LEN], aid[ID_LEN], bid[ID_LEN], prop[ID_LEN], prop2[ID_LEN];
static char mnumber[16];

/* run a statement with the meeting id as ?1 */
static int exec_mid(const char *sql)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK) {
		printf("  sql: %s: %s\n", sql, sqlite3_errmsg(store_db(st)));
		return -1;
	}
	sqlite3_bind_text(s, 1, mid, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* the meeting's seal row as a program of that format would have written it */
static int put_seal(int format, const char *sm3, const char *sha256)
{
	sqlite3_stmt *q;
	int rc;

	if (sqlite3_prepare_v2(store_db(st), "UPDATE seal SET format = ?1, sm3 = ?2, sha256 = ?3"
	                       " WHERE meeting_id = ?4", -1, &q, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(q, 1, format);
	sqlite3_bind_text(q, 2, sm3, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, mid, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

static char *canonical(void)
{
	struct strbuf sb = { 0 };

	if (seal_canonical(st, mid, &sb) != 0) {
		printf("  seal_canonical: %s\n", store_errmsg(st));
		return xstrdup("");
	}
	return sb_steal(&sb);
}

static int verify(struct fx_lines *l)
{
	memset(l, 0, sizeof *l);
	return seal_verify_all(st, fx_collect, l);
}

/* ---- the digests ------------------------------------------------------------ */

static void test_vectors(void)
{
	char h[65];
	const char *abcd16 = "abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd";

	/* GB/T 32905-2016, appendix A: the two examples */
	CHECK_INT(digest_sm3_hex("abc", 3, h), 0);
	CHECK_STR(h, "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
	CHECK_INT(digest_sm3_hex(abcd16, 64, h), 0);
	CHECK_STR(h, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
	/* FIPS 180-2 */
	CHECK_INT(digest_sha256_hex("abc", 3, h), 0);
	CHECK_STR(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	CHECK_INT(digest_sha256_hex("", 0, h), 0);
	CHECK_STR(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	/* Chinese text is hashed as its UTF-8 bytes */
	CHECK_INT(digest_sm3_hex("会议记录", strlen("会议记录"), h), 0);
	CHECK_INT((int)strlen(h), 64);
}

/* ---- the fixture ---------------------------------------------------------- */

static void test_setup(void)
{
	struct meeting m;
	struct agenda_item a[4];
	const char *ids[2];
	int n;

	CHECK_INT(fx_db_temp("seal"), 0);
	st = fx_db_open(err, sizeof err);
	CHECK(st != NULL);
	if (!st)
		return;
	fx_at("2026-11-20 09:00");
	CHECK_INT(fx_small_community(NULL), FX_SMALL_COUNT);
	CHECK_INT(fx_proposal("3栋楼道照明改造", "居民反映夜间照明不足。\n请两委研究。", FX_REP,
	                      prop, NULL), 0);
	CHECK_INT(fx_proposal("小区路灯维修", "居民反映夜间照明不足。\n请两委研究。", FX_REP,
	                      prop2, NULL), 0);

	fx_at("2026-11-21 14:00");
	fx_meeting_fill(&m, MK_LIANGWEI, "2026-11-21", "14:30", -1);
	ids[0] = prop;
	ids[1] = prop2;
	CHECK_INT(fx_meeting_new(&m, ids, 2, NULL, 0, mid), 0);
	snprintf(mnumber, sizeof mnumber, "%s", m.number);
	meeting_clear(&m);
	n = store_agenda_list(st, mid, a, 4);
	CHECK_INT(n, 2);
	if (n == 2) {
		snprintf(aid, sizeof aid, "%s", a[0].id);
		snprintf(bid, sizeof bid, "%s", a[1].id);
	}
	for (int i = 0; i < n; i++)
		agenda_clear(&a[i]);

	fx_at("2026-11-21 14:30");
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), 0);
	CHECK_INT(ops_attend(st, mid, fx_id(FX_SEC), ATT_PRESENT, NULL, NULL, err, sizeof err), 0);
	CHECK_INT(ops_attend(st, mid, fx_id(FX_DIR), ATT_PRESENT, NULL, NULL, err, sizeof err), 0);
	CHECK_INT(ops_attend(st, mid, fx_id(FX_MEM), ATT_LEAVE, "外出开会", NULL, err, sizeof err), 0);
	CHECK_INT(ops_observer(st, mid, NULL, "孙网格员", err, sizeof err), 0);

	struct minute mi;
	memset(&mi, 0, sizeof mi);
	snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", mid);
	snprintf(mi.speaker, sizeof mi.speaker, "张书记");
	snprintf(mi.agenda_id, sizeof mi.agenda_id, "%s", aid);
	mi.text = "介绍方案：更换楼道灯具\t24盏，\n费用由公共收益列支。\\";
	CHECK_INT(ops_minute_add(st, &mi, err, sizeof err), 0);
	memset(&mi, 0, sizeof mi);
	snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", mid);
	snprintf(mi.speaker, sizeof mi.speaker, "李主任");
	mi.text = "同意提交党员大会审议。";
	CHECK_INT(ops_minute_add(st, &mi, err, sizeof err), 0);

	struct vote_req hands = { .method = VM_HANDS, .yes = 2 };
	struct vote v;
	CHECK_INT(ops_vote(st, mid, aid, &hands, &v, err, sizeof err), 0);
	struct close_req fwd = { .outcome = OC_FORWARD, .decision = "同意提交党员大会审议。" };
	CHECK_INT(ops_item_close(st, mid, aid, &fwd, err, sizeof err), 0);
	struct ballot b[2];
	memset(b, 0, sizeof b);
	snprintf(b[0].person_id, sizeof b[0].person_id, "%s", fx_id(FX_SEC));
	b[0].choice = CH_YES;
	snprintf(b[1].person_id, sizeof b[1].person_id, "%s", fx_id(FX_DIR));
	b[1].choice = CH_NO;
	struct vote_req roll = { .method = VM_ROLLCALL, .ballots = b, .nballots = 2 };
	CHECK_INT(ops_vote(st, mid, bid, &roll, &v, err, sizeof err), 0);
	CHECK_INT(v.passed, 0);
	struct close_req rej = { .outcome = OC_REJECT, .reason = "表决未通过，路灯另行报修" };
	CHECK_INT(ops_item_close(st, mid, bid, &rej, err, sizeof err), 0);
}

/* ---- the canonical text ------------------------------------------------------ */

static void test_canonical(void)
{
	char *a = canonical(), *b = canonical(), *c;

	CHECK(strlen(a) > 1000);
	CHECK_STR(a, b);                       /* the same record, the same text */
	CHECK(strncmp(a, "yishiting-seal 4\n", 17) == 0);
	/* format 4 has what the minutes print beyond the meeting's rows */
	CHECK(strstr(a, "\ncommunity.name=") != NULL);
	CHECK(strstr(a, "\nagenda.1.returned_to=") != NULL);
	/* format 2 has the meeting's own times */
	CHECK_CONTAINS(a, "\nmeeting.held_start=14:30\n");
	CHECK_CONTAINS(a, "\nmeeting.postponed_from=\n");
	CHECK_CONTAINS(a, "\nagenda.1.closed_time=");
	CHECK_CONTAINS(a, "\nvote.1.1.at=");
	CHECK_CONTAINS(a, "\nvote.1.1.correction=0\n");
	CHECK_CONTAINS(a, "\nattendance.1.at=");
	/* format 3 has a secret ballot's count and tellers (none for a show
	 * of hands: -1, and no tellers) */
	CHECK_CONTAINS(a, "\nvote.1.1.issued=-1\n");
	CHECK_CONTAINS(a, "\nvote.1.1.void=0\n");
	CHECK_CONTAINS(a, "\nvote.1.1.tellers=0\n");
	CHECK_CONTAINS(a, "\nmeeting.number=");
	CHECK_CONTAINS(a, mnumber);
	CHECK_CONTAINS(a, "\nmeeting.place=社区党群服务中心二楼会议室\n");
	CHECK_CONTAINS(a, "\nagenda.2.reason=表决未通过，路灯另行报修\n");
	CHECK_CONTAINS(a, "\nagenda.1.decision=同意提交党员大会审议。\n");
	CHECK_CONTAINS(a, "\nvote.1.1.yes=2\n");
	CHECK_CONTAINS(a, "\nvote.2.1.rule_code=LIANGWEI\n");
	/* the roll call: one ballot per present person (in the order of the
	 * ballots' numbers, which ops gives by person id) */
	CHECK_CONTAINS(a, "\nvote.2.1.ballots=2\n");
	CHECK_CONTAINS(a, "\nballot.2.1.1.person_id=");
	CHECK_CONTAINS(a, "\nballot.2.1.2.person_id=");
	CHECK(strstr(a, "\nballot.2.1.1.name=李主任\n") || strstr(a, "\nballot.2.1.2.name=李主任\n"));
	CHECK(strstr(a, ".choice=2\n") != NULL);
	CHECK_CONTAINS(a, "\nattendance.3.reason=外出开会\n");
	CHECK_CONTAINS(a, "name=孙网格员\n");
	/* values escaped: a value never makes a line of its own */
	CHECK_CONTAINS(a, "\nminute.1.text=介绍方案：更换楼道灯具\\t24盏，\\n费用由公共收益列支。\\\\\n");
	/* a NULL is the key alone, not an empty value */
	CHECK_CONTAINS(a, "\nagenda.1.reason\n");
	free(b);

	/* each kind of change behind the program's back changes the text */
	static const struct { const char *change, *undo, *what; } edits[] = {
		{ "UPDATE minute SET text = text || '。' WHERE meeting_id = ?1 AND seq = 2",
		  "UPDATE minute SET text = substr(text, 1, length(text) - 1) WHERE meeting_id = ?1 AND seq = 2",
		  "a minute's text" },
		{ "UPDATE vote SET yes = yes - 1 WHERE meeting_id = ?1 AND method = 0",
		  "UPDATE vote SET yes = yes + 1 WHERE meeting_id = ?1 AND method = 0",
		  "a vote count" },
		{ "UPDATE attendance SET status = 3 WHERE meeting_id = ?1 AND status = 2",
		  "UPDATE attendance SET status = 2 WHERE meeting_id = ?1 AND status = 3",
		  "an attendance status" },
		{ "UPDATE ballot SET choice = 3 WHERE choice = 2",
		  "UPDATE ballot SET choice = 2 WHERE choice = 3",
		  "a ballot" },
		{ "UPDATE agenda_item SET decision = '' WHERE meeting_id = ?1 AND seq = 1",
		  "UPDATE agenda_item SET decision = '同意提交党员大会审议。' WHERE meeting_id = ?1 AND seq = 1",
		  "a decision" },
		{ "UPDATE meeting SET pending = '' WHERE id = ?1",
		  "UPDATE meeting SET pending = NULL WHERE id = ?1",
		  "the pending issues (NULL vs empty)" },
		{ "UPDATE vote SET p_num = 2, p_den = 3 WHERE meeting_id = ?1 AND method = 0",
		  "UPDATE vote SET p_num = 1, p_den = 2 WHERE meeting_id = ?1 AND method = 0",
		  "a rule snapshot" },
	};
	for (size_t i = 0; i < YS_ARRAY_LEN(edits); i++) {
		CHECK_INT(exec_mid(edits[i].change), 0);
		c = canonical();
		if (strcmp(a, c) == 0)
			printf("  the text did not change with %s\n", edits[i].what);
		CHECK(strcmp(a, c) != 0);
		free(c);
		CHECK_INT(exec_mid(edits[i].undo), 0);
		c = canonical();
		if (strcmp(a, c) != 0)
			printf("  the text did not come back after undoing %s\n", edits[i].what);
		CHECK_STR(c, a);
		free(c);
	}
	free(a);
}

/* ---- sealing ----------------------------------------------------------------- */

static void test_seal(void)
{
	struct seal s, got;
	struct fx_lines l;
	char h[65];
	struct strbuf sb = { 0 };

	/* only after 散会 */
	CHECK_INT(ops_seal(st, mid, NULL, &s, err, sizeof err), -1);
	CHECK_CONTAINS(err, "尚未散会");
	CHECK_INT(store_seal_get(st, mid, &got), 1);
	CHECK_INT(ops_addendum(st, mid, "笔误", "更正", err, sizeof err), -1);
	CHECK_CONTAINS(err, "尚未签字确认");
	fx_at("2026-11-21 16:00");
	CHECK_INT(ops_meeting_close(st, mid, 0, NULL, err, sizeof err), 0);

	/* closed but not signed: the minutes can still be put right */
	{
		struct minute mi[4];
		int n = store_minute_page(st, mid, 0, 1, mi, 4);
		CHECK(n >= 2);
		if (n >= 2) {
			free(mi[1].text);
			mi[1].text = xstrdup("同意提交党员大会审议（会后核对记录）。");
			CHECK_INT(ops_minute_update(st, &mi[1], err, sizeof err), 0);
		}
		for (int i = 0; i < n; i++)
			minute_clear(&mi[i]);
	}
	CHECK_INT(ops_meeting_set_pending(st, mid, "路灯选址待定", err, sizeof err), 0);

	fx_at("2026-11-21 16:05");
	CHECK_INT(ops_seal(st, mid, NULL, &s, err, sizeof err), 0);
	CHECK_STR(s.meeting_id, mid);
	CHECK_STR(s.signed_at, "2026-11-21 16:05:00");
	CHECK_STR(s.chair_name, "张书记");
	CHECK_STR(s.clerk_name, "赵记录");
	CHECK_INT((int)strlen(s.sm3), 64);
	CHECK_INT((int)strlen(s.sha256), 64);
	CHECK_INT(store_seal_get(st, mid, &got), 0);
	CHECK_STR(got.sm3, s.sm3);
	CHECK_STR(got.sha256, s.sha256);
	CHECK_STR(got.signed_at, s.signed_at);
	/* the digest is over the canonical text, the three signature lines
	 * and the seal's link in the chain: its number, the previous link's
	 * SM3 (none: it is the first) and how many meetings are sealed */
	CHECK_INT(s.format, 4);
	CHECK_INT(s.chain_no, 1);
	CHECK_STR(s.prev_sm3, "");
	CHECK_INT(seal_canonical(st, mid, &sb), 0);
	sb_addf(&sb, "seal.signed_at=%s\nseal.chair_name=%s\nseal.clerk_name=%s\n"
	        "chain.no=1\nchain.prev=\nchain.sealed=1\n", s.signed_at, s.chair_name, s.clerk_name);
	CHECK_INT(digest_sm3_hex(sb.s, sb.len, h), 0);
	CHECK_STR(h, s.sm3);
	CHECK_INT(digest_sha256_hex(sb.s, sb.len, h), 0);
	CHECK_STR(h, s.sha256);
	sb_free(&sb);
	{
		struct seal page[4];
		CHECK_INT(store_seal_page(st, "", page, 4), 1);
		CHECK_STR(page[0].meeting_id, mid);
		CHECK_INT(store_seal_page(st, mnumber, page, 4), 0);
	}

	/* once is enough */
	CHECK_INT(ops_seal(st, mid, NULL, &got, err, sizeof err), -1);
	CHECK_CONTAINS(err, "2026-11-21 16:05:00");
	CHECK_CONTAINS(err, "不能重复签字");

	/* every change to the record is refused with the same words */
	struct minute mi;
	memset(&mi, 0, sizeof mi);
	snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", mid);
	mi.text = "补记一条发言。";
	CHECK_INT(ops_minute_add(st, &mi, err, sizeof err), -1);
	CHECK_STR(err, SEALED);
	CHECK_INT(ops_attend(st, mid, fx_id(FX_MEM), ATT_PRESENT, NULL, NULL, err, sizeof err), -1);
	CHECK_STR(err, SEALED);
	CHECK_INT(ops_observer(st, mid, NULL, "补登列席", err, sizeof err), -1);
	CHECK_STR(err, SEALED);
	struct vote_req hands = { .method = VM_HANDS, .yes = 2 };
	struct vote v;
	CHECK_INT(ops_vote(st, mid, aid, &hands, &v, err, sizeof err), -1);
	CHECK_STR(err, SEALED);
	struct close_req rej = { .outcome = OC_REJECT, .reason = "补记" };
	CHECK_INT(ops_item_close(st, mid, bid, &rej, err, sizeof err), -1);
	CHECK_STR(err, SEALED);
	CHECK_INT(ops_meeting_open(st, mid, NULL, err, sizeof err), -1);
	CHECK_STR(err, SEALED);
	CHECK_INT(ops_meeting_close(st, mid, 1, NULL, err, sizeof err), -1);
	CHECK_STR(err, SEALED);
	CHECK_INT(ops_meeting_set_pending(st, mid, "改一改", err, sizeof err), -1);
	CHECK_STR(err, SEALED);
	{
		struct minute ml[2];
		int n = store_minute_page(st, mid, 0, 1, ml, 2);
		CHECK_INT(n, 2);
		if (n > 0) {
			free(ml[0].text);
			ml[0].text = xstrdup("改写的发言。");
			CHECK_INT(ops_minute_update(st, &ml[0], err, sizeof err), -1);
			CHECK_STR(err, SEALED);
		}
		for (int i = 0; i < n; i++)
			minute_clear(&ml[i]);
	}
	/* nothing of that reached the record */
	CHECK_INT(verify(&l), 0);
	CHECK_STR(l.all, "");
	CHECK_INT(store_check(st, NULL, NULL), 0);
}

static void test_verify(void)
{
	struct fx_lines l;
	char want[512];

	/* as with the sqlite3 shell: each finding names the record */
	snprintf(want, sizeof want, "会议 %s（2026年第1次两委联席会议）：第 2 条记录（14:30 李主任）"
	         "在签字确认后被改动（内容）。\n", mnumber);
	CHECK_INT(exec_mid("UPDATE minute SET text = '同意提交党员大会审议。' WHERE meeting_id = ?1 AND seq = 2"), 0);
	CHECK_INT(verify(&l), 1);
	CHECK_STR(l.all, want);
	CHECK_INT(exec_mid("UPDATE minute SET text = '同意提交党员大会审议（会后核对记录）。'"
	                   " WHERE meeting_id = ?1 AND seq = 2"), 0);
	CHECK_INT(verify(&l), 0);

	CHECK_INT(exec_mid("UPDATE vote SET yes = 1, no = 1 WHERE meeting_id = ?1 AND method = 0"), 0);
	CHECK_INT(verify(&l), 1);
	snprintf(want, sizeof want, "会议 %s（2026年第1次两委联席会议）：第 1 项议程第 1 轮表决"
	         "在签字确认后被改动（反对票数、赞成票数）。\n", mnumber);
	CHECK_STR(l.all, want);
	CHECK_INT(exec_mid("UPDATE vote SET yes = 2, no = 0 WHERE meeting_id = ?1 AND method = 0"), 0);
	CHECK_INT(exec_mid("UPDATE attendance SET signed_at = '' WHERE meeting_id = ?1 AND status = 1"), 0);
	CHECK(verify(&l) >= 1);
	snprintf(want, sizeof want, "会议 %s（2026年第1次两委联席会议）：签到表上花名册 1 号（张书记）那一行"
	         "在签字确认后被改动（签到时间）。\n", mnumber);
	CHECK(strstr(l.all, want) != NULL);
	CHECK_INT(exec_mid("UPDATE attendance SET signed_at = '2026-11-21 14:30:00'"
	                   " WHERE meeting_id = ?1 AND status = 1"), 0);
	CHECK_INT(verify(&l), 0);

	/* a meeting's own times are covered (format 2) */
	CHECK_INT(exec_mid("UPDATE meeting SET held_start = '13:00' WHERE id = ?1"), 0);
	CHECK_INT(verify(&l), 1);
	CHECK_INT(exec_mid("UPDATE meeting SET held_start = '14:30' WHERE id = ?1"), 0);
	CHECK_INT(exec_mid("CREATE TEMP TABLE kept AS SELECT id, at FROM vote WHERE meeting_id = ?1"), 0);
	CHECK_INT(exec_mid("UPDATE vote SET at = '23:59' WHERE meeting_id = ?1"), 0);
	CHECK(verify(&l) >= 1);
	CHECK(strstr(l.all, "轮表决在签字确认后被改动（时间）") != NULL);
	CHECK_INT(exec_mid("UPDATE vote SET at = (SELECT at FROM kept WHERE kept.id = vote.id)"
	                   " WHERE meeting_id = ?1"), 0);
	CHECK_INT(verify(&l), 0);

	/* a seal taken before the meeting's times were kept (format 1)
	 * still verifies, over the text of its own format */
	{
		struct seal s1, s2;
		CHECK_INT(store_seal_get(st, mid, &s2), 0);
		CHECK_INT(s2.format, 4);
		s1 = s2;
		s1.format = 1;
		CHECK_INT(seal_digests(st, &s1), 0);
		CHECK(strcmp(s1.sm3, s2.sm3) != 0);
		/* verified over the text of format 1 it holds; but a seal made
		 * again in an older format is not the one the change log kept */
		CHECK_INT(put_seal(1, s1.sm3, s1.sha256), 0);
		CHECK_INT(verify(&l), 1);
		CHECK_CONTAINS(l.all, "签字确认在程序外被删除后重做");
		/* format 1 does not cover the times: that is what format 2 is for */
		CHECK_INT(exec_mid("UPDATE meeting SET held_start = '13:00' WHERE id = ?1"), 0);
		CHECK_INT(verify(&l), 1);
		CHECK_INT(exec_mid("UPDATE meeting SET held_start = '14:30' WHERE id = ?1"), 0);
		/* a format the program never wrote is named */
		CHECK_INT(exec_mid("PRAGMA ignore_check_constraints = ON"), 0);
		CHECK_INT(exec_mid("UPDATE seal SET format = 7 WHERE meeting_id = ?1"), 0);
		CHECK_INT(verify(&l), 2);
		CHECK_CONTAINS(l.all, "签字确认的格式（7）");
		CHECK_INT(exec_mid("PRAGMA ignore_check_constraints = OFF"), 0);
		CHECK_INT(put_seal(s2.format, s2.sm3, s2.sha256), 0);
		CHECK_INT(verify(&l), 0);
	}

	/* the signature itself is covered too */
	CHECK_INT(exec_mid("UPDATE seal SET clerk_name = '钱记录' WHERE meeting_id = ?1"), 0);
	CHECK_INT(verify(&l), 1);
	CHECK_INT(exec_mid("UPDATE seal SET clerk_name = '赵记录' WHERE meeting_id = ?1"), 0);
	CHECK_INT(verify(&l), 0);

	/* a seal on a meeting put back in session is a finding of check */
	CHECK_INT(exec_mid("UPDATE meeting SET status = 1 WHERE id = ?1"), 0);
	memset(&l, 0, sizeof l);
	CHECK_INT(store_check(st, fx_collect, &l), 1);
	CHECK_CONTAINS(l.all, "尚未散会，却已签字确认");
	CHECK_INT(exec_mid("UPDATE meeting SET status = 2 WHERE id = ?1"), 0);
	CHECK_INT(store_check(st, NULL, NULL), 0);
}

static void test_addendum(void)
{
	struct addendum a[4];
	struct seal s;
	struct fx_lines l;
	char h[65];
	int n;

	CHECK_INT(ops_addendum(st, mid, "", "第 2 条发言人应为王委员。", err, sizeof err), -1);
	CHECK_CONTAINS(err, "理由");
	CHECK_INT(ops_addendum(st, mid, "记录人笔误", " \xe3\x80\x80", err, sizeof err), -1);
	CHECK_CONTAINS(err, "更正内容");
	CHECK_INT(ops_addendum(st, "no-such-meeting", "记录人笔误", "x", err, sizeof err), -1);
	CHECK_CONTAINS(err, "会议不存在");

	fx_at("2026-11-22 09:00");
	CHECK_INT(ops_addendum(st, mid, "  记录人笔误 ", "第 2 条发言人应为王委员。\n其余不变。",
	                       err, sizeof err), 0);
	fx_at("2026-11-22 10:30");
	CHECK_INT(ops_addendum(st, mid, "核对签到表", "王委员请假原因应为「参加街道培训」。",
	                       err, sizeof err), 0);
	n = store_addendum_list(st, mid, a, 4);
	CHECK_INT(n, 2);
	CHECK_INT(store_seal_get(st, mid, &s), 0);
	if (n == 2) {
		CHECK_INT(a[0].seq, 1);
		CHECK_INT(a[1].seq, 2);
		CHECK_STR(a[0].reason, "记录人笔误");
		CHECK_STR(a[0].text, "第 2 条发言人应为王委员。\n其余不变。");
		CHECK_STR(a[0].at, "2026-11-22 09:00:00");
		CHECK_STR(a[1].at, "2026-11-22 10:30:00");
		/* chained on the seal */
		CHECK_INT(store_addendum_digest(s.sm3, &a[0], h), 0);
		CHECK_STR(h, a[0].sm3);
		CHECK_INT(store_addendum_digest(s.sm3, &a[1], h), 0);
		CHECK_STR(h, a[1].sm3);
		CHECK(strcmp(a[0].sm3, a[1].sm3) != 0);
		/* another seal would give another chain */
		CHECK_INT(store_addendum_digest(s.sha256, &a[0], h), 0);
		CHECK(strcmp(h, a[0].sm3) != 0);
	}
	for (int i = 0; i < n; i++)
		addendum_clear(&a[i]);
	/* the record itself is untouched by addenda */
	CHECK_INT(verify(&l), 0);

	CHECK_INT(exec_mid("UPDATE addendum SET reason = '核对签到表后' WHERE meeting_id = ?1 AND seq = 2"), 0);
	CHECK_INT(verify(&l), 1);
	CHECK_CONTAINS(l.all, "第 2 条更正（");
	CHECK_CONTAINS(l.all, "与它的摘要不符");
	CHECK_CONTAINS(l.all, mnumber);
	CHECK_INT(exec_mid("UPDATE addendum SET reason = '核对签到表' WHERE meeting_id = ?1 AND seq = 2"), 0);
	CHECK_INT(verify(&l), 0);
	/* an addendum taken away from the middle */
	CHECK_INT(fx_sql("PRAGMA foreign_keys = OFF"), SQLITE_OK);
	CHECK_INT(exec_mid("DELETE FROM addendum WHERE meeting_id = ?1 AND seq = 1"), 0);
	CHECK_INT(verify(&l), 3);
	CHECK_CONTAINS(l.all, "缺少第 1 条");
	CHECK_CONTAINS(l.all, "第 2 环（排在会议");
	CHECK_CONTAINS(l.all, "这条更正却不见了");
	memset(&l, 0, sizeof l);
	CHECK_INT(store_check(st, fx_collect, &l), 1);
	CHECK_CONTAINS(l.all, "更正编号不连续");
	CHECK_INT(fx_sql("PRAGMA foreign_keys = ON"), SQLITE_OK);
}

int main(void)
{
	unsetenv("YISHITING_NOW");
	RUN(test_vectors);
	RUN(test_setup);
	if (st) {
		RUN(test_canonical);
		RUN(test_seal);
		RUN(test_verify);
		RUN(test_addendum);
	}
	fx_db_done(st);
	ys_clock_set(0);
	T_DONE();
}
