/* votes.c: votes with their snapshots, and roll-call ballots. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ---- votes ----------------------------------------------------------------- */

#define VOTE_COLS "id, meeting_id, agenda_id, round, method, entitled, present, yes, no, abstain," \
	" rule_id, rule_code, rule_name, q_base, q_cmp, q_num, q_den, p_base, p_cmp, p_num, p_den," \
	" rule_source, quorum_ok, passed, sentence, supersedes, reason, created_at, at, correction," \
	" issued, returned, valid, invalid, void"

/* the same columns of the vote aliased v */
#define VOTE_COLS_V "v.id, v.meeting_id, v.agenda_id, v.round, v.method, v.entitled, v.present," \
	" v.yes, v.no, v.abstain, v.rule_id, v.rule_code, v.rule_name, v.q_base, v.q_cmp, v.q_num," \
	" v.q_den, v.p_base, v.p_cmp, v.p_num, v.p_den, v.rule_source, v.quorum_ok, v.passed," \
	" v.sentence, v.supersedes, v.reason, v.created_at, v.at, v.correction," \
	" v.issued, v.returned, v.valid, v.invalid, v.void"

/* the rule set is a snapshot: its columns are the vote's own */
static const struct db_col vote_cols[] = {
	COL_T(struct vote, id, "表决编号"),
	COL_T(struct vote, meeting_id, "会议编号"),
	COL_T(struct vote, agenda_id, "议程编号"),
	COL_I(struct vote, round),
	COL_I(struct vote, method),
	/* the tally */
	COL_I(struct vote, t.entitled), COL_I(struct vote, t.present),
	COL_I(struct vote, t.yes), COL_I(struct vote, t.no), COL_I(struct vote, t.abstain),
	RULE_SET_COLS(struct vote, rule.),
	/* the rule engine's finding */
	COL_I(struct vote, quorum_ok), COL_I(struct vote, passed),
	COL_T(struct vote, sentence, "表决结果说明"),
	COL_R(struct vote, supersedes, "被更正的表决"),
	COL_T(struct vote, reason, "复核理由"),
	COL_T(struct vote, created_at, "表决录入时间"),
	COL_T(struct vote, at, "表决时间"),
	COL_I(struct vote, correction),
	/* a secret ballot's count */
	COL_I(struct vote, bc.issued), COL_I(struct vote, bc.returned),
	COL_I(struct vote, bc.valid), COL_I(struct vote, bc.invalid),
	COL_I(struct vote, voided),
};
static const struct db_row vote_row = DB_ROW(struct vote, vote_cols, NULL);

/* the ballots must be exactly the present people and give the counts */
static int check_ballots(struct store *st, const struct vote *v,
                         const struct ballot *b, int n)
{
	int i, c[4] = { 0, 0, 0, 0 };

	if (v->method != VM_ROLLCALL) {
		if (n != 0)
			return db_fail(st, "%s不记录每人的表决意见", vote_method_name(v->method));
		return 0;
	}
	if (n != v->t.present || (n > 0 && !b))
		return db_fail(st, "记名表决须有每位出席者的表决意见（实到 %d 人，收到 %d 人）",
		            v->t.present, n);
	for (i = 0; i < n; i++) {
		if (!b[i].person_id[0])
			return db_fail(st, "记名表决的第 %d 票没有表决人", i + 1);
		if (FITS(st, b[i].person_id, "表决人编号") || FITS(st, b[i].name, "表决人姓名"))
			return -1;
		if (b[i].choice < CH_NONE || b[i].choice > CH_ABSTAIN)
			return db_fail(st, "记名表决的第 %d 票意见不对", i + 1);
		c[b[i].choice]++;
	}
	if (c[CH_YES] != v->t.yes || c[CH_NO] != v->t.no || c[CH_ABSTAIN] != v->t.abstain)
		return db_fail(st, "记名表决的票数（赞成 %d，反对 %d，弃权 %d）与每人的表决"
		            "（赞成 %d，反对 %d，弃权 %d）不一致",
		            v->t.yes, v->t.no, v->t.abstain, c[CH_YES], c[CH_NO], c[CH_ABSTAIN]);
	return 0;
}

static int insert_ballot(struct store *st, const char *vid, const char *mid,
                         int seq, const struct ballot *b)
{
	char id[ID_LEN], name[64];
	sqlite3_stmt *s;
	int rc;

	memcpy(name, b->name, sizeof name);
	if (!name[0]) {
		/* the name as on this meeting's attendance sheet */
		s = db_stmt(st, "SELECT name FROM attendance WHERE meeting_id = ?1 AND person_id = ?2");
		if (!s)
			return -1;
		db_bind_text(s, 1, mid);
		db_bind_text(s, 2, b->person_id);
		rc = db_read_one_text(st, s, name, sizeof name, "表决人姓名");
		if (rc < 0)
			return -1;
	}
	s = db_stmt(st,
		"INSERT INTO ballot(id, vote_id, seq, person_id, name, choice)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!s)
		return -1;
	db_new_id(id);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, vid);
	db_bind_int(s, 3, seq);
	db_bind_text(s, 4, b->person_id);
	db_bind_text(s, 5, name);
	db_bind_int(s, 6, b->choice);
	return db_run(st, s, "记名表决保存失败");
}

int vote_corrected(const struct vote *votes, int n, int i)
{
	for (int j = i + 1; j < n; j++)
		if (votes[j].correction && strcmp(votes[j].supersedes, votes[i].id) == 0)
			return 1;
	return 0;
}

int vote_round_shown(const struct vote *votes, int n, int i)
{
	int r = 0;

	for (int j = 0; j <= i && j < n; j++)
		if (!votes[j].correction)
			r++;
	return r;
}

int store_vote_add(struct store *st, struct vote *v, const struct ballot *b, int n)
{
	char id[ID_LEN], now[20], mid[ID_LEN], err[256];
	struct vote row;
	long long round;
	sqlite3_stmt *s;
	int rc, i;

	if (v->method < VM_HANDS || v->method > VM_ROLLCALL)
		return db_fail(st, "表决方式不对：%d", v->method);
	if (tally_check(&v->t, err, sizeof err))
		return db_fail(st, "%s", err);
	if (check_ballots(st, v, b, n))
		return -1;
	if (FITS(st, v->meeting_id, "会议编号") || FITS(st, v->agenda_id, "议程编号") ||
	    db_rule_fits(st, &v->rule) || FITS(st, v->sentence, "表决结果说明") ||
	    FITS(st, v->supersedes, "被更正的表决") || FITS(st, v->reason, "复核理由"))
		return -1;
	if (v->supersedes[0] && !v->reason[0])
		return db_fail(st, "复核表决须说明理由");
	if (v->correction && !v->supersedes[0])
		return db_fail(st, "计票更正须指明所更正的表决");
	if (FITS(st, v->at, "表决时间"))
		return -1;
	if (v->voided && v->passed)
		return db_fail(st, "无效的表决不能通过");
	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st, "SELECT meeting_id FROM agenda_item WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, v->agenda_id);
	rc = db_read_one_text(st, s, mid, sizeof mid, "会议编号");
	if (rc)
		return db_tx_end(st, rc < 0 ? -1 : db_fail(st, "议程不存在"));
	if (v->meeting_id[0] && strcmp(v->meeting_id, mid) != 0)
		return db_tx_end(st, db_fail(st, "议程不属于这次会议"));
	/* a recount is a new round; the old result stays */
	s = db_stmt(st, "SELECT COALESCE(MAX(round), 0) + 1 FROM vote WHERE agenda_id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, v->agenda_id);
	if (db_query_int(st, s, &round))
		return db_tx_end(st, -1);
	db_new_id(id);
	db_now_stamp(now);
	s = db_stmt(st,
		"INSERT INTO vote(" VOTE_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
		" ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26,"
		" ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35)");
	if (!s)
		return db_tx_end(st, -1);
	/* the row as written, handed back to the caller once it is committed */
	row = *v;
	memcpy(row.id, id, sizeof row.id);
	memcpy(row.meeting_id, mid, sizeof row.meeting_id);
	row.round = (int)round;
	row.quorum_ok = v->quorum_ok ? 1 : 0;
	row.passed = v->passed ? 1 : 0;
	row.correction = v->correction ? 1 : 0;
	row.voided = v->voided ? 1 : 0;
	/* only a secret ballot is counted on paper */
	if (row.method != VM_SECRET) {
		row.bc = (struct ballot_count){ -1, -1, -1, -1 };
		row.voided = 0;
	}
	memcpy(row.created_at, now, sizeof row.created_at);
	db_bind_row(s, &vote_row, &row);
	if (db_run(st, s, "表决保存失败"))
		return db_tx_end(st, -1);
	for (i = 0; i < n; i++)
		if (insert_ballot(st, id, mid, i + 1, &b[i]))
			return db_tx_end(st, -1);
	if (db_tx_end(st, 0))
		return -1;
	*v = row;
	return 0;
}

int store_vote_list(struct store *st, const char *agenda_id, struct vote *out, int max)
{
	return db_list(st,
		"SELECT " VOTE_COLS " FROM vote WHERE agenda_id = ?1 ORDER BY round LIMIT ?2",
		agenda_id, out, max, &vote_row);
}

int store_vote_latest(struct store *st, const char *agenda_id, struct vote *v)
{
	return db_get(st,
		"SELECT " VOTE_COLS " FROM vote WHERE agenda_id = ?1 ORDER BY round DESC LIMIT 1",
		agenda_id, v, &vote_row);
}

int store_vote_get(struct store *st, const char *id, struct vote *v)
{
	return db_get(st, "SELECT " VOTE_COLS " FROM vote WHERE id = ?1",
	       id, v, &vote_row);
}

static const struct db_col ballot_cols[] = {
	COL_T(struct ballot, person_id, "表决人编号"),
	COL_T(struct ballot, name, "表决人姓名"),
	COL_I(struct ballot, choice),
};
static const struct db_row ballot_row = DB_ROW(struct ballot, ballot_cols, NULL);

int store_ballots(struct store *st, const char *vote_id, struct ballot *out, int max)
{
	return db_list(st,
		"SELECT person_id, name, choice FROM ballot WHERE vote_id = ?1 ORDER BY seq LIMIT ?2",
		vote_id, out, max, &ballot_row);
}

int store_vote_all(struct store *st, const char *meeting_id, struct vote **out)
{
	/* by the item's place in the agenda, then round: a vote is the
	 * agenda item's, whatever its own meeting_id says */
	return db_all(st,
		"SELECT " VOTE_COLS_V " FROM vote v JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE a.meeting_id = ?1 ORDER BY a.seq, v.round",
		meeting_id, (void **)out, &vote_row);
}

static const struct db_col ballot_of_cols[] = {
	COL_T(struct ballot, person_id, "表决人编号"),
	COL_T(struct ballot, name, "表决人姓名"),
	COL_I(struct ballot, choice),
	COL_T(struct ballot, vote_id, "表决编号"),
};
static const struct db_row ballot_of_row = DB_ROW(struct ballot, ballot_of_cols, NULL);

int store_ballot_all(struct store *st, const char *meeting_id, struct ballot **out)
{
	return db_all(st,
		"SELECT b.person_id, b.name, b.choice, b.vote_id FROM ballot b"
		" JOIN vote v ON v.id = b.vote_id JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE a.meeting_id = ?1 ORDER BY a.seq, v.round, b.seq", meeting_id, (void **)out, &ballot_of_row);
}

/* ---- 监票人 and 计票人 -------------------------------------------------------- */

const char *teller_role_name(int role)
{
	return role == TELLER_SCRUTINEER ? "监票人" : role == TELLER_COUNTER ? "计票人" : "?";
}

int store_tellers_add(struct store *st, const char *vote_id, const struct teller *t, int n)
{
	if (db_tx_begin(st))
		return -1;
	for (int i = 0; i < n; i++) {
		char id[ID_LEN], name[64];
		sqlite3_stmt *s;

		if (t[i].role != TELLER_SCRUTINEER && t[i].role != TELLER_COUNTER)
			return db_tx_end(st, db_fail(st, "第 %d 位监票、计票人的职责不对", i + 1));
		if (FITS(st, t[i].person_id, "监票、计票人编号") || FITS(st, t[i].name, "监票、计票人姓名"))
			return db_tx_end(st, -1);
		memcpy(name, t[i].name, sizeof name);
		if (!name[0]) {
			/* the name as on this meeting's attendance sheet */
			s = db_stmt(st, "SELECT a.name FROM attendance a JOIN vote v ON v.meeting_id = a.meeting_id"
			            " WHERE v.id = ?1 AND a.person_id = ?2");
			if (!s)
				return db_tx_end(st, -1);
			db_bind_text(s, 1, vote_id);
			db_bind_text(s, 2, t[i].person_id);
			int rc = db_read_one_text(st, s, name, sizeof name, "监票、计票人姓名");
			if (rc)
				return db_tx_end(st, rc < 0 ? -1 : db_fail(st, "监票、计票人不在本次会议的签到表上"));
		}
		s = db_stmt(st, "INSERT INTO vote_teller(id, vote_id, role, seq, person_id, name)"
		            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
		if (!s)
			return db_tx_end(st, -1);
		db_new_id(id);
		db_bind_text(s, 1, id);
		db_bind_text(s, 2, vote_id);
		db_bind_int(s, 3, t[i].role);
		db_bind_int(s, 4, i + 1);
		db_bind_text(s, 5, t[i].person_id);
		db_bind_text(s, 6, name);
		if (db_run(st, s, "监票、计票人保存失败"))
			return db_tx_end(st, -1);
	}
	return db_tx_end(st, 0);
}

static const struct db_col teller_cols[] = {
	COL_T(struct teller, person_id, "监票、计票人编号"),
	COL_T(struct teller, name, "监票、计票人姓名"),
	COL_I(struct teller, role),
	COL_T(struct teller, vote_id, "表决编号"),
};
static const struct db_row teller_row = DB_ROW(struct teller, teller_cols, NULL);

int store_tellers(struct store *st, const char *vote_id, struct teller *out, int max)
{
	return db_list(st,
		"SELECT person_id, name, role, vote_id FROM vote_teller WHERE vote_id = ?1"
		" ORDER BY role, seq LIMIT ?2", vote_id, out, max, &teller_row);
}

int store_teller_all(struct store *st, const char *meeting_id, struct teller **out)
{
	return db_all(st,
		"SELECT t.person_id, t.name, t.role, t.vote_id FROM vote_teller t"
		" JOIN vote v ON v.id = t.vote_id JOIN agenda_item a ON a.id = v.agenda_id"
		" WHERE a.meeting_id = ?1 ORDER BY a.seq, v.round, t.role, t.seq",
		meeting_id, (void **)out, &teller_row);
}
