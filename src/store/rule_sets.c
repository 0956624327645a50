/* rule_sets.c: the rule sets as the clerk edited them (defaults in model/). */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "store_int.h"

/* ---- rule sets ------------------------------------------------------------ */


/* columns from `first` on, in the order of RULE_COLS (votes carry the
 * same fields as a snapshot) */
int db_read_rule_at(struct store *st, sqlite3_stmt *s, int first, struct rule_set *r)
{
	memset(r, 0, sizeof *r);
	r->q_base = db_col_int(s, first + 3);
	r->q_cmp = db_col_int(s, first + 4);
	r->q_num = db_col_int(s, first + 5);
	r->q_den = db_col_int(s, first + 6);
	r->p_base = db_col_int(s, first + 7);
	r->p_cmp = db_col_int(s, first + 8);
	r->p_num = db_col_int(s, first + 9);
	r->p_den = db_col_int(s, first + 10);
	return db_col_copy(st, s, first, r->id, sizeof r->id, "规则编号") ||
	       db_col_copy(st, s, first + 1, r->code, sizeof r->code, "规则代码") ||
	       db_col_copy(st, s, first + 2, r->name, sizeof r->name, "规则名称") ||
	       db_col_copy(st, s, first + 11, r->source, sizeof r->source, "规则依据") ? -1 : 0;
}

static int read_rule(struct store *st, sqlite3_stmt *s, void *dst)
{
	return db_read_rule_at(st, s, 0, dst);
}

int db_rule_fits(struct store *st, const struct rule_set *r)
{
	return FITS(st, r->id, "规则编号") || FITS(st, r->code, "规则代码") ||
	       FITS(st, r->name, "规则名称") || FITS(st, r->source, "规则依据") ? -1 : 0;
}

int store_rule_list(struct store *st, struct rule_set *out, int max)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT " RULE_COLS " FROM rule_set ORDER BY sort, code LIMIT ?1");

	if (!s)
		return -1;
	if (max <= 0)
		return 0;
	db_bind_int(s, 1, max);
	return db_read_rows(st, s, out, sizeof *out, max, read_rule, NULL);
}

int store_rule_get(struct store *st, const char *id, struct rule_set *r)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT " RULE_COLS " FROM rule_set WHERE id = ?1");

	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	return db_read_one(st, s, r, sizeof *r, read_rule);
}

int store_rule_get_code(struct store *st, const char *code, struct rule_set *r)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT " RULE_COLS " FROM rule_set WHERE code = ?1");

	if (!s)
		return -1;
	db_bind_text(s, 1, code);
	return db_read_one(st, s, r, sizeof *r, read_rule);
}

/* the whole rule in one line, for the change log */
static char *rule_text(const struct rule_set *r)
{
	char desc[1024];

	rule_describe(r, desc, sizeof desc);
	return xasprintf("%s（%s）：%s；依据：%s", r->name, r->code, desc, r->source);
}

int store_rule_update(struct store *st, const struct rule_set *r, const char *reason)
{
	struct rule_set old;
	char now[20], err[256], *was, *now_text;
	sqlite3_stmt *s;
	int rc;

	if (db_rule_fits(st, r))
		return -1;
	if (rule_validate(r, err, sizeof err))
		return db_fail(st, "%s", err);
	if (db_tx_begin(st))
		return -1;
	rc = store_rule_get(st, r->id, &old);
	if (rc)
		return db_tx_end(st, rc < 0 ? -1 : db_fail(st, "表决规则不存在"));
	db_now_stamp(now);
	/* the code stays: meeting kinds find their default rule by it */
	s = db_stmt(st,
		"UPDATE rule_set SET name = ?2, q_base = ?3, q_cmp = ?4, q_num = ?5, q_den = ?6,"
		" p_base = ?7, p_cmp = ?8, p_num = ?9, p_den = ?10, source = ?11, updated_at = ?12"
		" WHERE id = ?1");
	if (!s)
		return db_tx_end(st, -1);
	db_bind_text(s, 1, r->id);
	db_bind_text(s, 2, r->name);
	db_bind_int(s, 3, r->q_base);
	db_bind_int(s, 4, r->q_cmp);
	db_bind_int(s, 5, r->q_num);
	db_bind_int(s, 6, r->q_den);
	db_bind_int(s, 7, r->p_base);
	db_bind_int(s, 8, r->p_cmp);
	db_bind_int(s, 9, r->p_num);
	db_bind_int(s, 10, r->p_den);
	db_bind_text(s, 11, r->source);
	db_bind_text(s, 12, now);
	if (db_run(st, s, "表决规则保存失败"))
		return db_tx_end(st, -1);
	{
		struct rule_set nw = *r;

		memcpy(nw.code, old.code, sizeof nw.code);
		was = rule_text(&old);
		now_text = rule_text(&nw);
	}
	rc = store_log(st, "rule_set", r->id, "rule", was, now_text, reason);
	free(was);
	free(now_text);
	return db_tx_end(st, rc);
}
