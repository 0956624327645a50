/* seals.c: sealed minutes (签字确认) and their addenda (更正). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/digest.h"
#include "store_int.h"

#define SEAL_COLS "s.meeting_id, s.signed_at, s.chair_name, s.clerk_name, s.sm3, s.sha256," \
	" s.format, s.recorded_at, COALESCE(s.chain_no, 0), s.prev_sm3"

static const struct db_col seal_cols[] = {
	COL_T(struct seal, meeting_id, "会议编号"),
	COL_T(struct seal, signed_at, "签字时间"),
	COL_T(struct seal, chair_name, "主持人姓名"),
	COL_T(struct seal, clerk_name, "记录人姓名"),
	COL_T(struct seal, sm3, "SM3 摘要"),
	COL_T(struct seal, sha256, "SHA-256 摘要"),
	COL_I(struct seal, format),
	COL_T(struct seal, recorded_at, "签字确认录入时间"),
	COL_I(struct seal, chain_no),
	COL_T(struct seal, prev_sm3, "前一份摘要"),
};
static const struct db_row seal_row = DB_ROW(struct seal, seal_cols, NULL);

int store_seal_get(struct store *st, const char *meeting_id, struct seal *s)
{
	sqlite3_stmt *q = db_stmt(st, "SELECT " SEAL_COLS " FROM seal s WHERE s.meeting_id = ?1");

	if (!q)
		return -1;
	db_bind_text(q, 1, meeting_id);
	return db_read_one(st, q, s, &seal_row);
}

int store_seal_add(struct store *st, const struct seal *x, const char *canon)
{
	sqlite3_stmt *s;

	if (FITS(st, x->meeting_id, "会议编号") || FITS(st, x->signed_at, "签字时间") ||
	    FITS(st, x->chair_name, "主持人姓名") || FITS(st, x->clerk_name, "记录人姓名") ||
	    FITS(st, x->sm3, "SM3 摘要") || FITS(st, x->sha256, "SHA-256 摘要"))
		return -1;
	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st,
		"INSERT INTO seal(meeting_id, signed_at, chair_name, clerk_name, sm3, sha256, format,"
		" recorded_at, chain_no, prev_sm3, canon)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULLIF(?9, 0), ?10, ?11)");
	if (!s)
		return db_tx_end(st, -1);
	{
		struct seal row = *x;
		db_now_stamp(row.recorded_at);
		db_bind_row(s, &seal_row, &row);
		db_bind_text(s, 11, canon);
	}
	return db_tx_end(st, db_run(st, s, "签字确认保存失败"));
}

int store_seal_canon(struct store *st, const char *meeting_id, char **out)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT canon FROM seal WHERE meeting_id = ?1 AND canon IS NOT NULL");
	int rc;

	*out = NULL;
	if (!s)
		return -1;
	db_bind_text(s, 1, meeting_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = db_col_dup(s, 0);
	return db_step_end(st, s, rc == SQLITE_ROW ? SQLITE_DONE : rc);
}

/* the links of both tables, as one list in chain order */
#define CHAIN_SQL \
	"SELECT l.no, l.addendum, l.meeting_id, m.number, l.seq, l.prev_sm3, l.sm3 FROM (" \
	" SELECT chain_no AS no, 0 AS addendum, meeting_id, 0 AS seq, prev_sm3, sm3 FROM seal" \
	"  WHERE chain_no IS NOT NULL" \
	" UNION ALL SELECT chain_no, 1, meeting_id, seq, prev_sm3, sm3 FROM addendum" \
	"  WHERE chain_no IS NOT NULL) l LEFT JOIN meeting m ON m.id = l.meeting_id"

int store_chain_head(struct store *st, int *no, char sm3[65], int *sealed)
{
	sqlite3_stmt *s = db_stmt(st, CHAIN_SQL " ORDER BY l.no DESC LIMIT 1");
	int rc;

	*no = 0;
	sm3[0] = '\0';
	if (!s)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*no = db_col_int(s, 0);
		ys_strlcpy(sm3, db_col_text(s, 6), 65);
	}
	if (db_step_end(st, s, rc == SQLITE_ROW ? SQLITE_DONE : rc))
		return -1;
	*sealed = store_seal_count(st);
	return *sealed < 0 ? -1 : 0;
}

int store_chain_count_before(struct store *st, int no)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT COUNT(*) FROM (" CHAIN_SQL ") WHERE no < ?1");
	long long n;

	if (!s)
		return -1;
	db_bind_int(s, 1, no);
	return db_query_int(st, s, &n) ? -1 : (int)n;
}

int store_chain_all(struct store *st, struct chain_link **out)
{
	sqlite3_stmt *s = db_stmt(st, CHAIN_SQL " ORDER BY l.no, l.addendum");
	struct chain_link *v = NULL;
	int n = 0, rc;

	*out = NULL;
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct chain_link *l;
		v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
		l = &v[n++];
		memset(l, 0, sizeof *l);
		l->no = db_col_int(s, 0);
		l->addendum = db_col_int(s, 1);
		ys_strlcpy(l->meeting_id, db_col_text(s, 2), sizeof l->meeting_id);
		ys_strlcpy(l->meeting_number, db_col_text(s, 3), sizeof l->meeting_number);
		l->seq = db_col_int(s, 4);
		ys_strlcpy(l->prev_sm3, db_col_text(s, 5), sizeof l->prev_sm3);
		ys_strlcpy(l->sm3, db_col_text(s, 6), sizeof l->sm3);
	}
	if (db_step_end(st, s, rc)) {
		free(v);
		return -1;
	}
	*out = v;
	return n;
}

int store_seal_count_upto(struct store *st, int chain_no)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT COUNT(*) FROM seal WHERE chain_no IS NULL OR chain_no <= ?1");
	long long n;

	if (!s)
		return -1;
	db_bind_int(s, 1, chain_no);
	return db_query_int(st, s, &n) ? -1 : (int)n;
}

int store_seal_count(struct store *st)
{
	return db_count(st, "SELECT COUNT(*) FROM seal", NULL);
}

int store_seal_page(struct store *st, const char *after_number, struct seal *out, int max)
{
	sqlite3_stmt *s;
	int year, seq;

	if (max <= 0)
		return 0;
	if (db_parse_number(st, after_number, "-H-", "会议编号", "2026-H-05", &year, &seq))
		return -1;
	/* (year, seq) rather than the number's text: 2026-H-100 sorts
	 * after 2026-H-99 */
	s = db_stmt(st, "SELECT " SEAL_COLS " FROM seal s JOIN meeting m ON m.id = s.meeting_id"
	             " WHERE (m.year, m.seq) > (?1, ?2) ORDER BY m.year, m.seq LIMIT ?3");
	if (!s)
		return -1;
	db_bind_int(s, 1, year);
	db_bind_int(s, 2, seq);
	db_bind_int(s, 3, max);
	return db_read_rows(st, s, out, max, &seal_row);
}

/* ---- addenda (更正) ---- */

#define ADDENDUM_COLS "id, meeting_id, seq, at, reason, text, sm3, COALESCE(chain_no, 0), prev_sm3"
#define ADDENDUM_INS "id, meeting_id, seq, at, reason, text, sm3, chain_no, prev_sm3"

static const struct db_col addendum_cols[] = {
	COL_T(struct addendum, id, "更正编号"),
	COL_T(struct addendum, meeting_id, "会议编号"),
	COL_I(struct addendum, seq),
	COL_T(struct addendum, at, "更正时间"),
	COL_S(struct addendum, reason),
	COL_S(struct addendum, text),
	COL_T(struct addendum, sm3, "SM3 摘要"),
	COL_I(struct addendum, chain_no),
	COL_T(struct addendum, prev_sm3, "前一份摘要"),
};
static const struct db_row addendum_row = DB_ROW(struct addendum, addendum_cols, NULL);

void addendum_clear(struct addendum *a)
{
	db_clear_row(&addendum_row, a);
}

/* the addendum's line of the chain: over the sealed meeting's SM3 and the
 * addendum's own fields, in the seal's escaped one-field-per-line form;
 * a chained one (format 2) also over its link: its number and the
 * previous link's SM3 */
int store_addendum_digest(const char *meeting_sm3, const struct addendum *a, char out[65])
{
	struct strbuf sb = { 0 };
	int rc;

	sb_addf(&sb, "yishiting-seal %d addendum\n", a->chain_no > 0 ? 2 : 1);
	digest_field(&sb, "seal.sm3", meeting_sm3 ? meeting_sm3 : "");
	sb_addf(&sb, "addendum.seq=%d\n", a->seq);
	digest_field(&sb, "addendum.at", a->at);
	digest_field(&sb, "addendum.reason", a->reason ? a->reason : "");
	digest_field(&sb, "addendum.text", a->text ? a->text : "");
	if (a->chain_no > 0) {
		sb_addf(&sb, "chain.no=%d\n", a->chain_no);
		digest_field(&sb, "chain.prev", a->prev_sm3);
	}
	rc = digest_sm3_hex(sb.s, sb.len, out);
	sb_free(&sb);
	return rc;
}

int store_addendum_add(struct store *st, struct addendum *a)
{
	struct addendum x;
	char msm3[65];
	long long seq;
	sqlite3_stmt *s;
	int rc;

	if (FITS(st, a->meeting_id, "会议编号"))
		return -1;
	if (!a->reason || !*a->reason)
		return db_fail(st, "更正须写明理由");
	if (!a->text || !*a->text)
		return db_fail(st, "更正内容不能为空");
	if (db_tx_begin(st))
		return -1;
	/* the chain starts at the seal: no addendum to unsigned minutes */
	s = db_stmt(st, "SELECT sm3 FROM seal WHERE meeting_id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, a->meeting_id);
	rc = db_read_one_text(st, s, msm3, sizeof msm3, "SM3 摘要");
	if (rc)
		return db_tx_end(st, rc < 0 ? -1 : db_fail(st, "会议记录尚未签字确认，不能添加更正"));
	s = db_stmt(st, "SELECT COALESCE(MAX(seq), 0) + 1 FROM addendum WHERE meeting_id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, a->meeting_id);
	if (db_query_int(st, s, &seq))
		return db_tx_end(st, -1);
	memset(&x, 0, sizeof x);
	db_new_id(x.id);
	memcpy(x.meeting_id, a->meeting_id, sizeof x.meeting_id);
	x.seq = (int)seq;
	db_now_stamp(x.at);
	x.reason = a->reason;
	x.text = a->text;
	/* the next link of the chain, read in the transaction that adds it */
	{
		int sealed;
		if (store_chain_head(st, &x.chain_no, x.prev_sm3, &sealed) != 0)
			return db_tx_end(st, -1);
		x.chain_no++;
	}
	if (store_addendum_digest(msm3, &x, x.sm3) != 0)
		return db_tx_end(st, db_fail(st, "无法计算更正的 SM3 摘要"));
	s = db_stmt(st,
		"INSERT INTO addendum(" ADDENDUM_INS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, x.id);
	db_bind_text(s, 2, x.meeting_id);
	db_bind_int(s, 3, x.seq);
	db_bind_text(s, 4, x.at);
	db_bind_text(s, 5, x.reason);
	db_bind_text(s, 6, x.text);
	db_bind_text(s, 7, x.sm3);
	db_bind_int(s, 8, x.chain_no);
	db_bind_text(s, 9, x.prev_sm3);
	if (db_tx_end(st, db_run(st, s, "更正保存失败")))
		return -1;
	memcpy(a->id, x.id, sizeof a->id);
	a->seq = x.seq;
	memcpy(a->at, x.at, sizeof a->at);
	memcpy(a->sm3, x.sm3, sizeof a->sm3);
	a->chain_no = x.chain_no;
	memcpy(a->prev_sm3, x.prev_sm3, sizeof a->prev_sm3);
	return 0;
}

int store_addendum_list(struct store *st, const char *meeting_id, struct addendum *out, int max)
{
	return db_list(st,
		"SELECT " ADDENDUM_COLS " FROM addendum WHERE meeting_id = ?1 ORDER BY seq LIMIT ?2",
		meeting_id, out, max, &addendum_row);
}

int store_addendum_all(struct store *st, const char *meeting_id, struct addendum **out)
{
	return db_all(st,
		"SELECT " ADDENDUM_COLS " FROM addendum WHERE meeting_id = ?1 ORDER BY seq",
		meeting_id, (void **)out, &addendum_row);
}
