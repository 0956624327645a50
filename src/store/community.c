/* community.c: the community's names, the settings and the change log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* ---- the community and settings ------------------------------------------ */

static const struct db_col community_cols[] = {
	COL_T(struct community, id, "社区编号"),
	COL_T(struct community, name, "社区名称"),
	COL_T(struct community, party_org, "党组织名称"),
	COL_T(struct community, committee, "居委会名称"),
	COL_T(struct community, street, "街道名称"),
	COL_T(struct community, phone, "异议电话"),
	COL_T(struct community, doc_abbr, "发文机关代字"),
};
static const struct db_row community_row = DB_ROW(struct community, community_cols, NULL);

int store_community_get(struct store *st, struct community *c)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT id, name, party_org, committee, street, phone, doc_abbr"
		" FROM community ORDER BY rowid LIMIT 1");

	return s ? db_read_one(st, s, c, &community_row) : -1;
}

int store_community_set(struct store *st, struct community *c)
{
	char id[ID_LEN], now[20];
	sqlite3_stmt *s;

	if (FITS(st, c->id, "社区编号") || FITS(st, c->name, "社区名称") ||
	    FITS(st, c->party_org, "党组织名称") || FITS(st, c->committee, "居委会名称") ||
	    FITS(st, c->street, "街道名称") || FITS(st, c->phone, "异议电话") ||
	    FITS(st, c->doc_abbr, "发文机关代字"))
		return -1;
	if (db_tx_begin(st))
		return -1;
	id[0] = '\0';
	if (c->id[0]) {
		ys_strlcpy(id, c->id, sizeof id);
	} else {
		/* one community per database: an empty id edits the one
		 * that is there, or creates it */
		s = db_stmt(st, "SELECT id FROM community ORDER BY rowid LIMIT 1");
		if (!s)
			return db_tx_end(st, -1);
		if (db_read_one_text(st, s, id, sizeof id, "社区编号") < 0)
			return db_tx_end(st, -1);
		if (!id[0])
			db_new_id(id);
	}
	db_now_stamp(now);
	s = db_stmt(st,
		"INSERT INTO community(id, name, party_org, committee, street, phone, doc_abbr,"
		" updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
		" party_org = excluded.party_org, committee = excluded.committee,"
		" street = excluded.street, phone = excluded.phone, doc_abbr = excluded.doc_abbr,"
		" updated_at = excluded.updated_at");
	if (!s)
		return db_tx_end(st, -1);
	{
		struct community row = *c;
		memcpy(row.id, id, sizeof row.id);
		db_bind_row(s, &community_row, &row);
	}
	db_bind_text(s, 8, now);
	if (db_tx_end(st, db_run(st, s, "社区信息保存失败")))
		return -1;
	memcpy(c->id, id, sizeof c->id);
	return 0;
}

int store_setting_get(struct store *st, const char *key, char *val, size_t len)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT value FROM setting WHERE key = ?1");

	if (!s)
		return -1;
	if (!val || len == 0)
		return db_fail(st, "设置值的缓冲区不能为空");
	db_bind_text(s, 1, key);
	return db_read_one_text(st, s, val, len, "设置值");
}

int store_setting_set(struct store *st, const char *key, const char *val)
{
	sqlite3_stmt *s;

	if (!key || !*key)
		return db_fail(st, "设置项名称不能为空");
	s = db_write(st,
		"INSERT INTO setting(key, value, updated_at) VALUES (?1, ?2, ?3)"
		" ON CONFLICT(key) DO UPDATE SET value = excluded.value,"
		" updated_at = excluded.updated_at");
	if (!s)
		return -1;
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, val ? val : "");
	db_bind_now(s, 3);
	return db_write_end(st, s, "设置保存失败", NULL);
}

/* ---- change log ------------------------------------------------------------ */

int store_log(struct store *st, const char *entity, const char *entity_id,
              const char *field, const char *old_value, const char *new_value,
              const char *reason)
{
	char id[ID_LEN], now[20];
	sqlite3_stmt *s;

	if (!entity || !*entity)
		return db_fail(st, "修改记录缺少对象");
	if (db_tx_begin(st))
		return -1;
	s = db_stmt(st,
		"INSERT INTO change_log(id, at, entity, entity_id, field, old_value, new_value, reason,"
		" who) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!s)
		return db_tx_end(st, -1);
	db_new_id(id);
	db_now_stamp(now);
	db_bind_text(s, 1, id);
	db_bind_text(s, 2, now);
	db_bind_text(s, 3, entity);
	db_bind_text(s, 4, entity_id ? entity_id : "");
	db_bind_text(s, 5, field ? field : "");
	db_bind_text(s, 6, old_value);
	db_bind_text(s, 7, new_value);
	db_bind_text(s, 8, reason ? reason : "");
	db_bind_text(s, 9, st->who);
	return db_tx_end(st, db_run(st, s, "修改记录保存失败"));
}

void store_set_who(struct store *st, const char *who)
{
	if (who && *who)
		snprintf(st->who, sizeof st->who, "%s", who);
}

const char *store_who(struct store *st)
{
	return st->who;
}

/* ---- reading the change log ---- */

#define CHANGE_COLS "id, at, entity, entity_id, field, old_value, new_value, reason, who"

static const struct db_col change_cols[] = {
	COL_T(struct change, id, "修改记录编号"),
	COL_T(struct change, at, "修改时间"),
	COL_T(struct change, entity, "修改对象"),
	COL_T(struct change, entity_id, "修改对象编号"),
	COL_T(struct change, field, "修改项目"),
	COL_D(struct change, old_value),
	COL_D(struct change, new_value),
	COL_D(struct change, reason),
	COL_T(struct change, who, "修改人"),
};
static const struct db_row change_row = DB_ROW(struct change, change_cols, NULL);

void change_clear(struct change *c)
{
	db_clear_row(&change_row, c);
}

/* the log's rows about one kind of record whose column `col` is value,
 * oldest first */
#define CHANGES_WHERE(col) \
	"SELECT " CHANGE_COLS " FROM change_log WHERE entity = ?1 AND " col " = ?2 ORDER BY at, rowid"

static int changes_where(struct store *st, const char *sql, const char *entity,
                         const char *value, struct change **out)
{
	sqlite3_stmt *s = db_stmt(st, sql);

	*out = NULL;
	if (!s)
		return -1;
	db_bind_text(s, 1, entity);
	db_bind_text(s, 2, value);
	return db_read_all(st, s, (void **)out, &change_row);
}

int store_changes_field(struct store *st, const char *entity, const char *field,
                        struct change **out)
{
	return changes_where(st, CHANGES_WHERE("field"), entity, field, out);
}

int store_changes_of(struct store *st, const char *entity, const char *entity_id,
                     struct change **out)
{
	return changes_where(st, CHANGES_WHERE("entity_id"), entity, entity_id, out);
}
