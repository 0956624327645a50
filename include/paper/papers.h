/* papers.h: the papers a clerk prints before a meeting — the 签到表 from
 * the meeting's entitled list, the 表决票 of a secret ballot (or named
 * ballots for a roll call), the 议程 and the chair's 主持词 — as docs
 * (doc.h), so that the screen, the files and the printer say the same. */
#ifndef YS_PAPERS_H
#define YS_PAPERS_H

#include <stddef.h>
#include "paper/doc.h"
#include "store/store.h"

/* ---- 签到表 ----------------------------------------------------------------
 * One row per entitled person (序号, 姓名, 身份/职务, 网格/楼栋, 签名, 备注:
 * a leave already asked for), the column head on every page; then a
 * separate sheet for 列席 (those registered, and blank rows to sign on);
 * at the end 应到 filled in, 实到/请假/缺席 blank, and the clerk's
 * signature. */
enum signin_sort {
	SIGNIN_BY_NO = 0,        /* by roster number */
	SIGNIN_BY_GRID = 1,      /* by 网格, then roster number */
};
#define SIGNIN_OBSERVER_BLANKS 8     /* blank rows on the 列席 sheet */
int signin_doc(struct store *st, const char *meeting_id, int sort, struct doc *d,
               char *err, size_t errlen);

/* ---- 表决票 ----------------------------------------------------------------
 * The meeting's name and date, 「同意的画“○”，不同意的画“×”，弃权的不画任何
 * 符号」, and a row of 同意/不同意/弃权 boxes for each item; several to an A4
 * page with cut lines between them, or one to a page. */
#define BALLOT_MAX_ITEMS 16
#define BALLOT_MAX_COPIES 5000
struct ballot_opts {
	int items[BALLOT_MAX_ITEMS];  /* agenda numbers (1 …); nitems 0 = every open item */
	int nitems;
	int separate;            /* 1: one item per ballot (a set for each item); 0: all on one */
	int copies;              /* how many of each ballot; 0 = 应到 */
	int per_page;            /* 1, 2 or 4; 0 = as many as fit (at most 4) */
	int named;               /* 1: 记名 — one ballot per entitled person, named */
};
/* The ballots; the options as used (copies, per_page after fitting: a
 * ballot with many items takes more room) come back in *used when not
 * NULL.  -1 with a message for an item that is not on the agenda, or
 * options out of range. */
int ballots_doc(struct store *st, const char *meeting_id, const struct ballot_opts *o,
                struct doc *d, struct ballot_opts *used, char *err, size_t errlen);
/* how many ballots of n items fit on an A4 page (4, 2 or 1) */
int ballots_per_page_max(int nitems);

/* ---- 议程 and 主持词 -------------------------------------------------------
 * The order of business from the agenda; the chair's script from it: the
 * opening with the quorum statement (filled in when the meeting is open,
 * else with blanks for 实到), each item's presentation, discussion and
 * vote procedure (method is how it will be voted: enum vote_method) with
 * the rule that decides it, the result, 散会. */
int agenda_doc(struct store *st, const char *meeting_id, struct doc *d,
               char *err, size_t errlen);
int script_doc(struct store *st, const char *meeting_id, int method, struct doc *d,
               char *err, size_t errlen);

#endif
