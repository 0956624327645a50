/* rule_sets.c: the rule sets as the clerk edited them (defaults in model/). */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "store_int.h"

#define RULE_COLS "id, code, name, q_base, q_cmp, q_num, q_den, p_base, p_cmp, p_num, p_den, source"

static const struct db_col rule_cols[] = {
	RULE_SET_COLS(struct rule_set, ),
};
static const struct db_row rule_row = DB_ROW(struct rule_set, rule_cols, NULL);

void db_bind_fractions(sqlite3_stmt *s, int first, const struct rule_set *r)
{
	const int v[] = { r->q_base, r->q_cmp, r->q_num, r->q_den,
	                  r->p_base, r->p_cmp, r->p_num, r->p_den };

	for (int i = 0; i < 8; i++)
		db_bind_int(s, first + i, v[i]);
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
	return db_read_rows(st, s, out, max, &rule_row);
}

int store_rule_get(struct store *st, const char *id, struct rule_set *r)
{
	return db_get(st, "SELECT " RULE_COLS " FROM rule_set WHERE id = ?1",
	       id, r, &rule_row);
}

int store_rule_get_code(struct store *st, const char *code, struct rule_set *r)
{
	return db_get(st, "SELECT " RULE_COLS " FROM rule_set WHERE code = ?1",
	       code, r, &rule_row);
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
	db_bind_fractions(s, 3, r);
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
