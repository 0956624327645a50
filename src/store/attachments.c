/* attachments.c: scans and photos (附件) kept with a proposal, a meeting
 * or a notice: the bytes as a BLOB with their type, size and SM3. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

#define ATT_COLS "id, owner_kind, owner_id, title, file_name, type, size, sm3, added_at"

static const struct db_col att_cols[] = {
	COL_T(struct attachment, id, "附件编号"),
	COL_I(struct attachment, owner_kind),
	COL_T(struct attachment, owner_id, "附件所属记录"),
	COL_T(struct attachment, title, "附件说明"),
	COL_T(struct attachment, file_name, "附件文件名"),
	COL_T(struct attachment, type, "附件类型"),
	COL_I(struct attachment, size),
	COL_T(struct attachment, sm3, "附件摘要"),
	COL_T(struct attachment, added_at, "附件添加时间"),
};
static const struct db_row att_row = DB_ROW(struct attachment, att_cols, NULL);

int store_attachment_add(struct store *st, struct attachment *a, const void *data, size_t n)
{
	char id[ID_LEN], now[20];
	sqlite3_stmt *s;

	if (FITS(st, a->owner_id, "附件所属记录") || FITS(st, a->title, "附件说明") ||
	    FITS(st, a->file_name, "附件文件名") || FITS(st, a->type, "附件类型") ||
	    FITS(st, a->sm3, "附件摘要"))
		return -1;
	if (n > ATTACH_MAX_BYTES)
		return db_fail(st, "附件太大（%zu 字节），最大 %d MB", n, ATTACH_MAX_BYTES / (1024 * 1024));
	db_new_id(id);
	db_now_stamp(now);
	s = db_write(st,
		"INSERT INTO attachment(" ATT_COLS ", data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	db_bind_int(s, 2, a->owner_kind);
	db_bind_text(s, 3, a->owner_id);
	db_bind_text(s, 4, a->title);
	db_bind_text(s, 5, a->file_name);
	db_bind_text(s, 6, a->type);
	db_bind_int(s, 7, (long long)n);
	db_bind_text(s, 8, a->sm3);
	db_bind_text(s, 9, now);
	/* a zero-length blob must still be a blob, not NULL */
	sqlite3_bind_blob(s, 10, n ? data : "", (int)n, SQLITE_TRANSIENT);
	if (db_write_end(st, s, "附件保存失败", NULL))
		return -1;
	memcpy(a->id, id, sizeof a->id);
	memcpy(a->added_at, now, sizeof a->added_at);
	a->size = (int)n;
	return 0;
}

int store_attachment_get(struct store *st, const char *id, struct attachment *a)
{
	return db_get(st, "SELECT " ATT_COLS " FROM attachment WHERE id = ?1", id, a, &att_row);
}

int store_attachment_find(struct store *st, const char *prefix, struct attachment *a)
{
	struct attachment two[2];
	char pat[ID_LEN + 2];
	size_t n = strlen(prefix ? prefix : "");
	int got;

	memset(a, 0, sizeof *a);
	if (n < 8 || n >= ID_LEN || strspn(prefix, "0123456789abcdefABCDEF-") != n)
		return 1;
	snprintf(pat, sizeof pat, "%s*", prefix);
	for (char *c = pat; *c; c++)             /* ids are written in small letters */
		if (*c >= 'A' && *c <= 'F')
			*c = (char)(*c - 'A' + 'a');
	got = db_list(st, "SELECT " ATT_COLS " FROM attachment WHERE id GLOB ?1 ORDER BY id LIMIT ?2",
	              pat, two, 2, &att_row);
	if (got < 0)
		return -1;
	if (got == 0)
		return 1;
	*a = two[0];
	return got == 1 ? 0 : 2;
}

int store_attachment_data(struct store *st, const char *id, unsigned char **data, size_t *n)
{
	sqlite3_stmt *s = db_stmt(st, "SELECT data FROM attachment WHERE id = ?1");
	int rc;

	*data = NULL;
	*n = 0;
	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const void *b = sqlite3_column_blob(s, 0);
		int len = sqlite3_column_bytes(s, 0);

		*n = len > 0 ? (size_t)len : 0;
		*data = xmalloc(*n + 1);
		if (*n)
			memcpy(*data, b, *n);
		sqlite3_reset(s);
		return 0;
	}
	if (db_step_end(st, s, rc))
		return -1;
	sqlite3_reset(s);
	return 1;
}

int store_attachment_list(struct store *st, int owner_kind, const char *owner_id,
                          struct attachment **out)
{
	sqlite3_stmt *s = db_stmt(st,
		"SELECT " ATT_COLS " FROM attachment WHERE owner_kind = ?1 AND owner_id = ?2"
		" ORDER BY added_at, id");

	*out = NULL;
	if (!s)
		return -1;
	db_bind_int(s, 1, owner_kind);
	db_bind_text(s, 2, owner_id ? owner_id : "");
	return db_read_all(st, s, (void **)out, &att_row);
}

int store_attachment_page(struct store *st, const char *after_id, struct attachment *out, int max)
{
	return db_list(st, "SELECT " ATT_COLS " FROM attachment WHERE id > ?1 ORDER BY id LIMIT ?2",
	               after_id ? after_id : "", out, max, &att_row);
}

int store_attachment_delete(struct store *st, const char *id)
{
	sqlite3_stmt *s = db_write(st, "DELETE FROM attachment WHERE id = ?1");

	if (!s)
		return -1;
	db_bind_text(s, 1, id);
	return db_write_end(st, s, "附件删除失败", "附件不存在");
}

int store_attachment_count(struct store *st)
{
	return db_count(st, "SELECT COUNT(*) FROM attachment WHERE ?1 IS NULL", NULL);
}

const char *attach_type_of(const void *data, size_t n)
{
	const unsigned char *b = data;

	if (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "png";
	if (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff)
		return "jpeg";
	if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
		return "pdf";
	return "other";
}

const char *attach_type_name(const char *type)
{
	static const char *const names[][2] = {
		{ "png", "PNG 图片" }, { "jpeg", "JPEG 图片" }, { "pdf", "PDF 文件" },
	};

	for (size_t i = 0; type && i < YS_ARRAY_LEN(names); i++)
		if (strcmp(names[i][0], type) == 0)
			return names[i][1];
	return "其他文件";
}

const char *attach_owner_name(int owner_kind)
{
	switch (owner_kind) {
	case AO_PROPOSAL: return "议题";
	case AO_MEETING:  return "会议";
	case AO_NOTICE:   return "公示";
	}
	return "";
}

void attach_size_text(long long size, char *buf, size_t len)
{
	if (size >= 1024 * 1024)
		snprintf(buf, len, "%.1f MB", (double)size / (1024.0 * 1024.0));
	else if (size >= 1024)
		snprintf(buf, len, "%lld KB", (size + 1023) / 1024);
	else
		snprintf(buf, len, "%lld 字节", size);
}
