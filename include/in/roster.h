/* roster.h: importing a community's 花名册 from the office's CSV or .xlsx.
 *
 *   roster_import_read    the file read, its header row found and each
 *                         column matched to a field by its Chinese heading
 *   roster_import_map     a column's field changed by the clerk
 *   roster_import_check   every line made a person and checked; the lines
 *                         that repeat another (in the file or the roster)
 *   roster_import_decide  what to do with those repeats
 *   roster_import_apply   all of it written, or none of it
 *
 * Nothing is written before apply, and apply refuses while a line is bad,
 * a repeat is undecided or 姓名 has no column. */
#ifndef YS_IN_ROSTER_H
#define YS_IN_ROSTER_H

#include <stddef.h>

#include "in/table.h"
#include "store/store.h"

enum roster_field {
	RO_SKIP = 0,             /* 不导入 */
	RO_NAME, RO_GENDER, RO_BIRTH, RO_IDTAIL, RO_IDCARD, RO_PHONE, RO_HOUSEHOLD,
	RO_BUILDING, RO_UNIT, RO_ROOM, RO_GRID, RO_GROUP, RO_ROLES, RO_POLITICS, RO_POST, RO_NOTE,
	RO_STATUS, RO_COUNT
};
/* the field's name as the clerk sees it: "姓名" … ("不导入" for RO_SKIP).
 * 政治面貌 gives the party roles (中共党员, 中共预备党员; anything else
 * none); 状态 在册 or 停用, as the export writes it. */
const char *roster_field_name(int f);
/* a name or heading ("联系电话", "身份证号码", "不导入") to its field; -1 */
int roster_field_parse(const char *name);

enum { DUP_ASK = 0, DUP_MERGE, DUP_SKIP, DUP_ADD };
/* "合并" "跳过" "仍然新增" */
const char *dup_action_name(int a);

struct roster_line {
	int line;                /* where in the file */
	struct person p;
	char why[512];           /* why it cannot be imported; "" when it can */
	int dup_line;            /* the earlier line of the file it repeats, or 0 */
	struct person dup;       /* or the roster's person it repeats (dup.id[0]) */
	char dup_why[64];        /* 同名同户号, 同名同房号, 同名同电话 (and
	                          * （已停用） when the roster's person is) */
	int action;              /* DUP_ASK … for a repeat */
};

struct roster_import {
	char source[256];        /* the file's name, for the log */
	struct table t;
	int header;              /* the header row, -1 when none was found */
	int map[TABLE_MAX_COLS];
	struct roster_line *lines;
	int n, bad, dups, undecided;
	char **warn;             /* notes that do not stop the import */
	int nwarn;
};

/* -1 with a message when the file cannot be read at all */
int roster_import_read(const char *path, struct roster_import *ri, char *err, size_t errlen);
int roster_import_parse(const char *name, const unsigned char *data, size_t n,
                        struct roster_import *ri, char *err, size_t errlen);
/* no header was found: the first line with text is taken as the header
 * all the same (its headings were not known), the columns it names
 * matched; the clerk maps the others */
void roster_import_first_header(struct roster_import *ri);
/* column col (0-based) to field f; roster_import_check again after */
int roster_import_map(struct roster_import *ri, int col, int f, char *err, size_t errlen);
/* -1 with a message when the mapping cannot work (no 姓名, one field twice)
 * or the roster cannot be read; otherwise fills lines, bad, dups, warn */
int roster_import_check(struct store *st, struct roster_import *ri, char *err, size_t errlen);
/* every repeat (DUP_ASK ones only, unless all) to action */
void roster_import_decide(struct roster_import *ri, int action, int all);
/* writes everything through ops_roster_import; -1 with the reason */
int roster_import_apply(struct store *st, struct roster_import *ri, int *added, int *merged,
                        int *skipped, char *err, size_t errlen);
void roster_import_free(struct roster_import *ri);

#endif
