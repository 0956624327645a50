/* store.h: the storage layer.  Owns every SQL statement (prepared, bound,
 * never pasted together).  SQLite with WAL, foreign_keys=ON,
 * synchronous=FULL and a busy timeout; the schema is in data/migrations/
 * (embedded at build time) and applied in order by PRAGMA user_version.
 *
 * Every write function commits on return (its own SAVEPOINT, so that the
 * ops layer can wrap several in store_begin()/store_commit()).
 * Functions return 0 on success and -1 on error; store_errmsg() then holds
 * a Chinese message.  Lookup functions return 1 when the record is not found.
 * Lists are read in pages with keyset queries (never a whole table).
 *
 * Text fields: fixed arrays hold short fields; a value that does not fit is
 * an error (-1, "……过长"), never silently cut.  char * fields are
 * allocated by the store and freed with the matching *_clear() function. */
#ifndef YS_STORE_H
#define YS_STORE_H

#include <stddef.h>
#include "model/core.h"
#include "base/util.h"

struct store;

#define ID_LEN 37

/* ---- open / close ------------------------------------------------------- */
/* Opens path.  flags: STORE_CREATE makes a missing file a new database
 * (else a missing file is an error); STORE_EMPTY_OK takes an existing empty
 * (0-byte) file for a new database too, which is otherwise refused (a copy
 * that did not finish, a file emptied by mistake).  Applies pending
 * migrations.  A file the program may not write to opens read-only: every
 * write is refused (store_readonly says so).  A quick check of the file
 * runs on opening; what it finds is kept for store_damage.  Returns NULL
 * with a message in err. */
typedef ys_line_cb store_report_cb;
#define STORE_CREATE 1
#define STORE_EMPTY_OK 2
#define STORE_READONLY 4     /* only to read: nothing at all is written, not
                              * even the journal mode (a backup checked) */
struct store *store_open(const char *path, int flags, char *err, size_t errlen);
/* ---- copies ---------------------------------------------------------------- */
/* A consistent copy of the open database into the file dest (created or
 * overwritten), made with SQLite's backup API while the program may be
 * writing; the copy is one file (rollback journal), ready to carry away. */
int store_backup_into(struct store *st, const char *dest, char *err, size_t errlen);
/* The database file `from` copied over the file `to` (created or
 * overwritten) the same way, also one file.  0 or -1 with the reason. */
int store_copy_file(const char *from, const char *to, char *err, size_t errlen);
/* What can be read from a damaged database, table by table, into the new
 * file dest (which must not exist): each table is read from its start and,
 * where damage stops the reading, again from its end backwards; cb gets one
 * line per table.  Returns the number of tables where damage stopped the
 * reading (0 = everything read), -1 with the reason (dest removed). */
int store_salvage(const char *broken, const char *dest, store_report_cb cb, void *arg,
                  char *err, size_t errlen);

/* 1 when path is an existing empty (0-byte) file with no -wal frames
 * beside it: no database, and not to be taken for a new one unasked */
int store_file_empty(const char *path);
/* 1 when the database was opened read-only (no write permission) */
int store_readonly(const struct store *st);
/* the first problem SQLite's quick check found on opening, or NULL when
 * the file is sound */
const char *store_damage(const struct store *st);
/* SQLite's integrity check and the foreign keys, the first part of
 * store_check: the file itself.  Returns the number of problems, -1. */
int store_check_file(struct store *st, store_report_cb cb, void *arg);
void store_close(struct store *st);
const char *store_errmsg(struct store *st);
int store_user_version(struct store *st);
int store_latest_version(void);              /* highest migration embedded */

int store_begin(struct store *st);           /* SAVEPOINT; nests */
int store_commit(struct store *st);          /* RELEASE */
int store_rollback(struct store *st);        /* ROLLBACK TO + RELEASE */

/* ---- the community and settings ---------------------------------------- */
struct community {
	char id[ID_LEN];
	char name[128];          /* 军门社区 */
	char party_org[128];     /* 中共军门社区委员会 */
	char committee[128];     /* 军门社区居民委员会 */
	char street[128];        /* 街道 */
	char phone[64];          /* 异议电话 */
	char doc_abbr[32];       /* 发文机关代字 for 文号 (军社〔2026〕3号); "" = none */
};
int store_community_get(struct store *st, struct community *c);      /* 1 = not set up */
int store_community_set(struct store *st, struct community *c);      /* id assigned if empty */

int store_setting_get(struct store *st, const char *key, char *val, size_t len); /* 1 = unset */
int store_setting_set(struct store *st, const char *key, const char *val);

/* ---- people (花名册) ----------------------------------------------------- */
struct person {
	char id[ID_LEN];
	int no;                  /* human number, 1.. */
	char name[64];
	char gender[8];          /* 男 / 女 / "" */
	int roles;               /* enum role bits */
	char grid[32];           /* 第一网格 */
	char building[32];       /* 3栋 */
	char unit[32];           /* 2单元 */
	char room[32];           /* 301 */
	char phone[32];
	char note[256];
	int active;
	char post[64];           /* 职务: 社区党委书记、居委会主任 (<= 20 characters) */
	char birth[11];          /* 出生日期 YYYY-MM-DD or "" */
	char id_tail[5];         /* 身份证号后四位: 4 of 0-9, the last may be X; or "" */
	char household[32];      /* 户号 */
	char res_group[32];      /* 居民小组 */
	int rank;                /* the paging key of store_person_page: no, and
	                          * with present_at, + PERSON_AWAY when not present */
};
int store_person_add(struct store *st, struct person *p);   /* assigns id, no */
int store_person_update(struct store *st, const struct person *p);
int store_person_set_active(struct store *st, const char *id, int active);
int store_person_get(struct store *st, const char *id, struct person *p);
/* how many records name a person: as a proposer, a meeting's chair or
 * clerk, on an attendance sheet, as a speaker, in a ballot or as a teller */
struct person_uses {
	int proposer, meeting, attendance, minute, ballot;
};
int store_person_uses(struct store *st, const char *id, struct person_uses *u);
/* removes a person no record names (ops checks store_person_uses first) */
int store_person_delete(struct store *st, const char *id);
/* the person p would repeat: the same name and the same 户号, or 楼栋/单元/
 * 房号, or phone (in that order; a family shares a phone, so never the
 * phone alone); 0 found, 1 none, -1 */
int store_person_find_dup(struct store *st, const struct person *p, struct person *found);
/* active 户代表 of a household other than except_id (may be NULL), or -1 */
int store_household_reps(struct store *st, const char *household, const char *except_id);
int store_person_get_by_no(struct store *st, int no, struct person *p);

struct person_query {
	const char *name;        /* substring of name, NULL/"" = all */
	int roles;               /* any of these roles, 0 = all */
	int active_only;
	const char *present_at;  /* a meeting: the people signed in present come first */
};
#define PERSON_AWAY 10000000 /* added to the rank of those not present */
/* page ordered by rank (the roster number; with present_at, those present
 * first): rows with rank > after (dir > 0, ascending) or rank < after (dir
 * < 0, returned in ascending order too).  after 0 with dir > 0 is the
 * first page; INT_MAX with dir < 0 the last. */
int store_person_page(struct store *st, const struct person_query *q,
                      int after_no, int dir, struct person *out, int max);
/* in one pass over the roster: everyone, those q finds (its active_only
 * aside), and of them the active ones */
struct person_counts {
	int everyone, found, active;
};
int store_person_counts(struct store *st, const struct person_query *q, struct person_counts *c);
/* how many q finds (active_only counts), -1 on an error */
int store_person_count(struct store *st, const struct person_query *q);

/* ---- rule sets ---------------------------------------------------------- */
int store_rule_list(struct store *st, struct rule_set *out, int max);
int store_rule_get(struct store *st, const char *id, struct rule_set *r);
int store_rule_get_code(struct store *st, const char *code, struct rule_set *r);
/* the edit is recorded in the change log with the old and new description */
int store_rule_update(struct store *st, const struct rule_set *r, const char *reason);

/* ---- proposals (议题) ---------------------------------------------------- */
struct proposal {
	char id[ID_LEN];
	char number[16];         /* 2026-018 */
	char title[256];
	char *content;           /* allocated */
	char source[64];         /* 民情日记 网格走访 居民来信 … */
	char category[64];       /* 加装电梯 停车 … */
	char grid[32];
	char building[32];
	int step;                /* enum step */
	int status;              /* enum pstatus */
	char proposed_on[11];    /* 提议日期 YYYY-MM-DD ("" = today, when adding) */
	char created_at[20];     /* YYYY-MM-DD HH:MM:SS: when it was typed */
	char updated_at[20];
	char proposers[256];     /* display: "张三、李四" (filled by get/page) */
};
void proposal_clear(struct proposal *p);     /* frees content */

/* PK_ORG: an organisation (社区党组织, 居委会) proposing, written by its name */
enum proposer_kind { PK_PERSON = 0, PK_ORG = 1, PK_JOINT = 2 };
struct proposer {
	char person_id[ID_LEN];  /* "" for the Party organisation */
	char name[128];          /* snapshot of the name at the time */
	int kind;
};
/* assigns id and number (the year of proposed_on, next sequence), step
 * PROPOSE, status ACTIVE, and writes the 提出 event dated proposed_on
 * (today when empty).  n >= 1. */
int store_proposal_add(struct store *st, struct proposal *p,
                       const struct proposer *pp, int n);
int store_proposal_get(struct store *st, const char *id, struct proposal *p);
/* the clerk's corrections: title, content, source, category, grid,
 * building, proposed_on (and the 提出 event's date with it) */
int store_proposal_update(struct store *st, const struct proposal *p);
/* the proposers replaced by pp (n >= 1), names frozen as with add */
int store_proposal_set_proposers(struct store *st, const char *pid,
                                 const struct proposer *pp, int n);
/* the first sealed meeting whose agenda had the proposal: its number into
 * number; 1 = none */
int store_proposal_sealed_meeting(struct store *st, const char *pid, char number[16]);
int store_proposal_get_number(struct store *st, const char *number, struct proposal *p);
int store_proposal_proposers(struct store *st, const char *pid,
                             struct proposer *out, int max);

/* board column: step = 1..8 with status ACTIVE, or step = 0 meaning every
 * proposal with status != ACTIVE (终止: 不予采纳/撤回).  Keyset by number,
 * ascending; after = "" for the first page (dir > 0), or a number with
 * dir < 0 for the page before it (returned in ascending order).
 * content is NOT loaded in pages (NULL). */
int store_proposal_page(struct store *st, int step, const char *after, int dir,
                        struct proposal *out, int max);
int store_proposal_count(struct store *st, int step);
/* the categories the proposals carry, the most used first (at most max);
 * the form offers them with its own list, so a category the clerk added
 * once is offered from then on */
int store_proposal_categories(struct store *st, char (*out)[64], int max);
/* active proposals at a step, oldest first (for a meeting's agenda) */
int store_proposal_waiting(struct store *st, int step, struct proposal *out, int max);

/* change step/status (the caller validated with proc_apply) and write the event */
struct pevent {
	char id[ID_LEN];
	char proposal_id[ID_LEN];
	char at[20];             /* when it happened: YYYY-MM-DD HH:MM:SS */
	char recorded_at[20];    /* when it was typed */
	int action;              /* enum action */
	int from_step, to_step;
	int status;              /* status after */
	char meeting_id[ID_LEN]; /* "" when none */
	char meeting_number[16]; /* filled by list */
	char meeting_title[256]; /* filled by list */
	char meeting_date[11];   /* filled by list */
	int meeting_kind;        /* filled by list */
	char agenda_id[ID_LEN];
	char vote_id[ID_LEN];
	char *reason;            /* allocated, may be NULL */
};
void pevent_clear(struct pevent *e);
/* at: when it happened, YYYY-MM-DD HH:MM:SS (NULL = now) */
int store_proposal_transition(struct store *st, const char *pid, int action,
                              int new_step, int new_status,
                              const char *meeting_id, const char *agenda_id,
                              const char *vote_id, const char *reason, const char *at);
/* the proposal's latest event typed after stamp (YYYY-MM-DD HH:MM:SS): its
 * action and to_step into *action, *to_step; 1 = none */
int store_proposal_moved_after(struct store *st, const char *pid, const char *stamp,
                               int *action, int *to_step);
/* the date of the step a proposal last completed (its latest event that
 * moved it: for a meeting's, the meeting's date), into out; 1 = none */
int store_proposal_step_date(struct store *st, const char *pid, char out[11]);
/* events in time order; returns count (<= max); *total gets the full count */
int store_proposal_events(struct store *st, const char *pid,
                          struct pevent *out, int max, int *total);
/* every event of a proposal in time order; *out allocated (pevent_clear each) */
int store_proposal_events_all(struct store *st, const char *pid, struct pevent **out);

/* ---- meetings ----------------------------------------------------------- */
enum meeting_status { MS_PLANNED = 0, MS_OPEN = 1, MS_CLOSED = 2, MS_CANCELLED = 3 };
struct meeting {
	char id[ID_LEN];
	char number[16];         /* 2026-H-05 */
	int kind;                /* enum meeting_kind */
	char title[256];         /* 2026年第5次党员大会 */
	char date[11];           /* YYYY-MM-DD */
	char start_time[6];      /* HH:MM, as planned */
	char end_time[6];        /* the actual end (散会), "" until closed */
	char held_start[6];      /* the actual start (宣布开会), "" until opened */
	int held_live;           /* opened as it happened (the clock), not entered afterwards */
	char postponed_from[11]; /* 延期: the date first planned, "" if never postponed */
	char status_reason[256]; /* why it was postponed or cancelled */
	char place[128];
	char chair_id[ID_LEN];   /* "" if typed freely */
	char chair_name[64];
	char chair_post[64];     /* 社区党委书记 */
	char clerk_id[ID_LEN];
	char clerk_name[64];
	char rule_id[ID_LEN];    /* rule set used by this meeting's votes */
	int status;              /* enum meeting_status */
	char *pending;           /* 遗留问题, allocated, may be NULL */
};
void meeting_clear(struct meeting *m);
/* Creates the meeting, its agenda items (one per proposal id, in order,
 * plus free-text items in titles[] when nfree > 0) and its attendance
 * sheet: every active person whose roles intersect the kind's
 * entitled_roles, with entitled = 1, status ATT_NONE, name/roles snapshot. */
int store_meeting_create(struct store *st, struct meeting *m,
                         const char *const *proposal_ids, int n,
                         const char *const *free_titles, int nfree);
int store_meeting_get(struct store *st, const char *id, struct meeting *m);
int store_meeting_get_number(struct store *st, const char *number, struct meeting *m);
/* newest first: keyset on (date, number) descending; after = "" first page */
int store_meeting_page(struct store *st, const char *after_date,
                       const char *after_number, struct meeting *out, int max);
/* status with the time that goes with it: MS_OPEN the actual start
 * (held_start), MS_CLOSED the actual end (end_time); time NULL keeps it */
int store_meeting_set_status(struct store *st, const char *id, int status,
                             const char *time);
/* the header a clerk corrects: title, date, start_time, place, chair_id,
 * chair_name, chair_post, clerk_id, clerk_name */
int store_meeting_update(struct store *st, const struct meeting *m);
/* 延期 (status MS_PLANNED, a new date and start, postponed_from kept at
 * the first date planned) or 取消 (MS_CANCELLED), with the reason */
int store_meeting_set_plan(struct store *st, const char *id, int status, const char *date,
                           const char *start_time, const char *postponed_from,
                           const char *reason);
/* a meeting never opened, with its agenda, sheet and lines: gone */
int store_meeting_delete(struct store *st, const char *id);
/* the planned or open meeting of a kind that takes a step (not a 议事协商会)
 * whose agenda has the proposal, other than except_id: its number into
 * number; 1 = none */
int store_proposal_booked(struct store *st, const char *pid, const char *except_id,
                          char number[16]);
/* 宣布开会: MS_OPEN at the actual start, held live or entered afterwards */
int store_meeting_open(struct store *st, const char *id, const char *start, int live);
int store_meeting_set_pending(struct store *st, const char *id, const char *text);
/* meetings of kind in date's year, not cancelled */
int store_meeting_count_year(struct store *st, int kind, const char *date);
/* the latest time recorded at a meeting (its actual start and end, sign-in,
 * speeches, votes, conclusions of items) into out, "" when none; 0 or -1 */
int store_meeting_latest_time(struct store *st, const char *id, char out[6]);

struct agenda_item {
	char id[ID_LEN];
	char meeting_id[ID_LEN];
	int seq;
	char proposal_id[ID_LEN]; /* "" for a free item */
	char proposal_number[16];
	char title[256];
	int outcome;             /* enum outcome */
	char *reason;            /* allocated, may be NULL */
	char decision[2048];     /* 决定事项 text (一、二、三… on lines of their own) */
	char responsible[64];    /* 责任人 */
	char deadline[11];       /* 时限 */
	char closed_time[6];     /* when it was concluded (HH:MM), "" while open */
};
enum outcome {
	OC_OPEN = 0,             /* 未决 */
	OC_FORWARD = 1,          /* 通过，转入下一步 */
	OC_RETURN = 2,           /* 退回 */
	OC_REJECT = 3,           /* 不予采纳 */
	OC_WITHDRAW = 4,         /* 撤回 */
	OC_NOTED = 5,            /* 议事协商会: 已听取意见 */
};
void agenda_clear(struct agenda_item *a);
int store_agenda_list(struct store *st, const char *meeting_id,
                      struct agenda_item *out, int max);
int store_agenda_get(struct store *st, const char *id, struct agenda_item *a);
/* every item of a meeting's agenda in order; *out allocated (clear each
 * with agenda_clear, then free); count or -1 */
int store_agenda_all(struct store *st, const char *meeting_id, struct agenda_item **out);
int store_agenda_close(struct store *st, const char *id, int outcome,
                       const char *reason, const char *decision,
                       const char *responsible, const char *deadline,
                       const char *closed_time);

struct attendance {
	char meeting_id[ID_LEN];
	char person_id[ID_LEN];  /* "" for a free-text observer */
	int person_no;
	char name[64];           /* snapshot */
	int roles;               /* snapshot */
	char grid[32];           /* snapshot */
	int entitled;            /* counts in 应到 */
	int status;              /* enum attend */
	char reason[128];        /* 请假 reason */
	char at[6];              /* when the person signed in (HH:MM), the meeting's time */
	char signed_at[20];      /* when it was typed */
};
/* A free-text observer has no roster number: its person_no is
 * ATT_FREE_NO + its rank by name, so that it sorts after the roster in the
 * keyset below.  Show no number for person_no >= ATT_FREE_NO. */
#define ATT_FREE_NO 1000000000
/* page ordered by person_no (free observers after, by name): name filter
 * substring, status filter -1 = all; keyset on person_no like people */
int store_attendance_page(struct store *st, const char *meeting_id,
                          const char *name, int status, int after_no, int dir,
                          struct attendance *out, int max);
int store_attendance_get(struct store *st, const char *meeting_id,
                         const char *person_id, struct attendance *a);
/* at: the time of a sign-in (ATT_PRESENT), HH:MM */
int store_attendance_set(struct store *st, const char *meeting_id,
                         const char *person_id, int status, const char *reason,
                         const char *at);
/* 列席: a roster person not on the sheet (person_id) or a free name */
int store_attendance_add_observer(struct store *st, const char *meeting_id,
                                  const char *person_id, const char *name);
struct attendance_counts {
	int entitled, present, leave, absent, none, observers;
};
int store_attendance_counts(struct store *st, const char *meeting_id,
                            struct attendance_counts *c);
/* the whole sheet in roster order (free observers after); *out allocated */
int store_attendance_all(struct store *st, const char *meeting_id, struct attendance **out);

struct minute {
	char id[ID_LEN];
	char meeting_id[ID_LEN];
	int seq;
	char at[6];              /* HH:MM */
	char speaker_id[ID_LEN]; /* "" for free text */
	char speaker[64];
	char agenda_id[ID_LEN];  /* "" for none */
	char *text;              /* allocated */
};
void minute_clear(struct minute *m);
int store_minute_add(struct store *st, struct minute *m);   /* assigns id, seq */
/* a line put in before line `before` (which moves down one, with those
 * after it); before 0 or past the end = at the end.  Assigns id, seq. */
int store_minute_insert(struct store *st, struct minute *m, int before);
/* a line taken out (m->id, m->meeting_id, m->seq); those after move up */
int store_minute_delete(struct store *st, const struct minute *m);
int store_minute_update(struct store *st, const struct minute *m);
/* ascending by seq: seq > after (dir > 0) or seq < after (dir < 0, still
 * returned ascending) */
int store_minute_page(struct store *st, const char *meeting_id, int after,
                      int dir, struct minute *out, int max);
int store_minute_count(struct store *st, const char *meeting_id);
/* every line of a meeting's minutes by seq; *out allocated (minute_clear each) */
int store_minute_all(struct store *st, const char *meeting_id, struct minute **out);

struct vote {
	char id[ID_LEN];
	char meeting_id[ID_LEN];
	char agenda_id[ID_LEN];
	int round;               /* 1, 2 … per agenda item */
	int method;              /* enum vote_method */
	struct tally t;          /* snapshot */
	struct rule_set rule;    /* snapshot of the rule set (all fields) */
	int quorum_ok;
	int passed;
	char sentence[512];
	char supersedes[ID_LEN]; /* recount: the vote it corrects, "" */
	char reason[256];        /* reason of a recount or a correction */
	char created_at[20];     /* when it was typed */
	char at[6];              /* when it was taken (HH:MM), the meeting's time */
	int correction;          /* 1: corrects a mistyped tally of `supersedes` */
	/* a secret ballot counted on paper (发出/收回/有效/无效); -1 each
	 * when not counted that way (hands, roll call, older records) */
	struct ballot_count bc;
	int voided;              /* 1: more ballots returned than issued */
};
/* 监票人 and 计票人 of a secret ballot */
enum teller_role { TELLER_SCRUTINEER = 1, TELLER_COUNTER = 2 };
const char *teller_role_name(int role);      /* "监票人" "计票人" */
struct teller {
	char person_id[ID_LEN];
	char name[64];           /* as on the attendance sheet */
	int role;                /* enum teller_role */
	char vote_id[ID_LEN];    /* filled by the readers */
};
struct ballot {
	char person_id[ID_LEN];
	char name[64];
	int choice;              /* enum choice */
	char vote_id[ID_LEN];    /* filled by store_ballot_all */
};
/* method VM_ROLLCALL: ballots required (n = present); otherwise n must be 0
 * (a secret ballot never stores per-person choices).  Assigns id, round. */
int store_vote_add(struct store *st, struct vote *v, const struct ballot *b, int n);
/* Of an item's votes in round order: the round a person reads for votes[i]
 * (a correction of a mistyped tally is the round it corrects, not one more)
 * and whether votes[i] was put right by a later correction (then it is
 * not a round of its own but the tally as first written). */
int vote_round_shown(const struct vote *votes, int n, int i);
int vote_corrected(const struct vote *votes, int n, int i);
int store_vote_list(struct store *st, const char *agenda_id, struct vote *out, int max);
int store_vote_latest(struct store *st, const char *agenda_id, struct vote *v); /* 1 = none */
int store_ballots(struct store *st, const char *vote_id, struct ballot *out, int max);
/* every vote of a meeting's agenda items (by item, then round), and every
 * roll-call ballot of them (by item, round, then seq; vote_id set); the
 * arrays are allocated (caller frees), the count is returned, or -1 */
int store_vote_all(struct store *st, const char *meeting_id, struct vote **out);
/* a vote's tellers (names from the attendance sheet when empty), in the
 * order given; read back by role then that order */
int store_tellers_add(struct store *st, const char *vote_id, const struct teller *t, int n);
int store_tellers(struct store *st, const char *vote_id, struct teller *out, int max);
/* every teller of a meeting's votes (by item, round, role, order; vote_id
 * set); allocated, the count returned, or -1 */
int store_teller_all(struct store *st, const char *meeting_id, struct teller **out);
int store_ballot_all(struct store *st, const char *meeting_id, struct ballot **out);

/* ---- paper: seals, addenda, notices, objections, implementation --------
 * (migration 0003) */

/* 签字确认: a sealed meeting record.  The digests are over the canonical
 * text seal_canonical() makes of the meeting (seal.h). */
struct seal {
	char meeting_id[ID_LEN];
	char signed_at[20];
	char chair_name[64];
	char clerk_name[64];
	char sm3[65];            /* hex */
	char sha256[65];         /* hex */
	int format;              /* the canonical text's format (seal.h) */
	char recorded_at[20];    /* when it was typed */
	int chain_no;            /* its link in the chain of seals and 更正; 0
	                          * for a seal made before the chain */
	char prev_sm3[65];       /* the previous link's SM3 ("" for the first) */
};
int store_seal_get(struct store *st, const char *meeting_id, struct seal *s); /* 1 = not sealed */
/* canon: the canonical text the digests are over, kept for verify */
int store_seal_add(struct store *st, const struct seal *s, const char *canon);
/* the canonical text kept with a meeting's seal (malloc'd), or NULL when
 * the seal is older than that (or there is none); -1 on error */
int store_seal_canon(struct store *st, const char *meeting_id, char **out);

/* ---- the chain of seals and 更正 ---- */
struct chain_link {
	int no;                  /* 1, 2, 3 … */
	int addendum;            /* 0: a seal; 1: a 更正 */
	char meeting_id[ID_LEN];
	char meeting_number[16];
	int seq;                 /* the 更正's number in its meeting */
	char prev_sm3[65];
	char sm3[65];
};
/* the last link: its number (0 when there is none), its SM3, and how many
 * meetings are sealed */
int store_chain_head(struct store *st, int *no, char sm3[65], int *sealed);
/* how many links there are before the link no; -1 on error */
int store_chain_count_before(struct store *st, int no);
/* every link in chain order; the count or -1 (free *out) */
int store_chain_all(struct store *st, struct chain_link **out);
/* sealed meetings in number order, keyset on the meeting number */
int store_seal_page(struct store *st, const char *after_number, struct seal *out, int max);
/* how many meetings are sealed; -1 on error */
int store_seal_count(struct store *st);
/* how many were sealed up to the link chain_no (those made before the
 * chain included); -1 on error */
int store_seal_count_upto(struct store *st, int chain_no);

/* 更正: an addendum to sealed minutes; never edited, never deleted */
struct addendum {
	char id[ID_LEN];
	char meeting_id[ID_LEN];
	int seq;
	char at[20];
	char *reason;            /* allocated */
	char *text;              /* allocated */
	char sm3[65];            /* over the meeting's sm3, seq, at, reason, text
	                          * and, when chained, its link */
	int chain_no;            /* its link in the chain (0: made before it) */
	char prev_sm3[65];
};
void addendum_clear(struct addendum *a);
/* assigns id, seq, at and the chained sm3 (below); the meeting must be
 * sealed */
int store_addendum_add(struct store *st, struct addendum *a);
/* the SM3 of an addendum, chained on the sealed meeting's SM3: over
 * meeting_sm3, a->seq, a->at, a->reason and a->text (escaped, one per
 * line).  0 or -1. */
int store_addendum_digest(const char *meeting_sm3, const struct addendum *a, char out[65]);
int store_addendum_list(struct store *st, const char *meeting_id, struct addendum *out, int max);
int store_addendum_all(struct store *st, const char *meeting_id, struct addendum **out);

/* 决议公开, 实施结果公开, and the notice of a meeting (会议通知: of a
 * meeting, not of a proposal; posted until the meeting's day) */
enum notice_kind { NK_DECISION = 1, NK_RESULT = 2, NK_MEETING = 3 };
struct notice {
	char id[ID_LEN];
	char proposal_id[ID_LEN];
	char proposal_number[16];        /* filled by get/page */
	char meeting_id[ID_LEN];         /* NK_MEETING: the meeting ("" otherwise) */
	char meeting_number[16];         /* filled by get/page */
	int kind;                        /* enum notice_kind */
	char doc_prefix[32];             /* 发文机关代字 (军社), set by add from the community */
	int year, seq;                   /* 文号 numbering per year */
	char doc_no[64];                 /* 〔2026〕3号, 军社〔2026〕3号 */
	char title[256];                 /* 关于……的公示 */
	char addressee[128];             /* 主送: 全体居民 */
	char *body;                      /* 正文, allocated */
	char start_date[11], end_date[11];  /* 公示期 */
	char *channel;                   /* 异议渠道, allocated */
	char signoff[256];               /* 落款: 党组织 + 居委会, one per line */
	char written_date[11];           /* 成文日期 (YYYY-MM-DD; printed 2026年11月22日) */
	char created_at[20];
	char *attach;                    /* 附件说明, allocated ("" or NULL: none) */
};
void notice_clear(struct notice *n);
/* assigns id, year (of written_date), seq and doc_no */
int store_notice_add(struct store *st, struct notice *n);
int store_notice_get(struct store *st, const char *id, struct notice *n);
/* the latest notice of that kind for a proposal; 1 = none */
int store_notice_for(struct store *st, const char *proposal_id, int kind, struct notice *n);
/* the latest notice of a meeting (会议通知); 1 = none */
int store_notice_for_meeting(struct store *st, const char *meeting_id, struct notice *n);
/* newest first (start_date, then doc number), keyset; after_id "" = first page */
int store_notice_page(struct store *st, const char *after_start, const char *after_id,
                      struct notice *out, int max);

struct objection {
	char id[ID_LEN];
	char notice_id[ID_LEN];
	char received_at[20];
	char person[64];                 /* who objected (kept out of public versions) */
	char *content;                   /* allocated */
	char *answer;                    /* allocated, NULL until answered */
	char answered_at[20];
};
void objection_clear(struct objection *o);
int store_objection_add(struct store *st, struct objection *o);   /* assigns id */
int store_objection_answer(struct store *st, const char *id, const char *answer);
int store_objection_list(struct store *st, const char *notice_id, struct objection *out, int max);
int store_objection_all(struct store *st, const char *notice_id, struct objection **out);
int store_objection_count(struct store *st, const char *notice_id, int *total, int *unanswered);
/* objections not answered yet on any notice of a proposal; -1 on error */
int store_proposal_unanswered(struct store *st, const char *pid);

/* 实施: a decided proposal's responsible person, deadline and progress */
struct impl {
	char proposal_id[ID_LEN];
	char responsible[64];
	char deadline[11];
};
int store_impl_get(struct store *st, const char *proposal_id, struct impl *im);  /* 1 = none */
int store_impl_set(struct store *st, const struct impl *im);
struct progress {
	char id[ID_LEN];
	char proposal_id[ID_LEN];
	char at[11];                     /* date */
	char *text;                      /* allocated */
};
void progress_clear(struct progress *p);
int store_progress_add(struct store *st, struct progress *p);     /* assigns id */
int store_progress_list(struct store *st, const char *proposal_id, struct progress *out, int max);
int store_progress_all(struct store *st, const char *proposal_id, struct progress **out);
/* proposals under implementation whose deadline is before `today` */
int store_impl_overdue(struct store *st, const char *today, char (*ids)[ID_LEN], int max);

/* Added with the implementation of issue 3: */
/* an objection by id; 1 = none */
int store_objection_get(struct store *st, const char *id, struct objection *o);
/* number of progress entries of a proposal */
int store_progress_count(struct store *st, const char *proposal_id);
/* a minute line by its id; 1 = none */
int store_minute_get(struct store *st, const char *id, struct minute *m);
/* a vote by its id; 1 = none */
int store_vote_get(struct store *st, const char *id, struct vote *v);
/* the latest event of a proposal with that action (and to_step, when
 * to_step > 0), e.g. the ACT_FORWARD that made the decision; 1 = none */
int store_proposal_event_find(struct store *st, const char *pid, int action,
                              int to_step, struct pevent *e);

/* ---- change log --------------------------------------------------------- */
/* one change, with who made it (store_set_who; the computer account until
 * then) and when; the log only grows */
int store_log(struct store *st, const char *entity, const char *entity_id,
              const char *field, const char *old_value, const char *new_value,
              const char *reason);
void store_set_who(struct store *st, const char *who);
const char *store_who(struct store *st);
struct change {
	char id[ID_LEN];
	char at[20];
	char entity[32];         /* proposal, meeting, minute, vote, rule_set, community */
	char entity_id[ID_LEN];
	char field[64];          /* 「标题」… */
	char *old_value, *new_value, *reason;   /* allocated, may be NULL */
	char who[64];
};
void change_clear(struct change *c);
/* the changes of one record, oldest first; *out allocated (change_clear
 * each, then free); count or -1 */
int store_changes_of(struct store *st, const char *entity, const char *entity_id,
                     struct change **out);
/* every change of one field of an entity ("meeting", "签字确认"), oldest
 * first; as store_changes_of */
int store_changes_field(struct store *st, const char *entity, const char *field,
                        struct change **out);

/* ---- checks ------------------------------------------------------------- */
/* PRAGMA integrity_check and foreign_key_check, then the program's own:
 * UUIDs well-formed, proposal step/status agree with its last event, vote
 * counts within present and present within entitled, ballots only for
 * roll-call votes and matching counts, numbers unique, agenda items whose
 * proposal exists.  cb is called once per finding (Chinese text).
 * Returns the number of problems found (0 = all good), -1 on error. */
int store_check(struct store *st, store_report_cb cb, void *arg);

/* ---- 书记手记 and 大事记 (notes.c) ---------------------------------------- */
/* 书记手记: a note of the branch secretary on a day (may lie in the past),
 * with the meetings and matters (议题) it speaks of. */
#define NOTE_MAX_LINKS 16
struct note_link {
	char meeting_id[ID_LEN];     /* exactly one of the two is set */
	char proposal_id[ID_LEN];
	char number[16];             /* filled by get/year: 2026-H-05 or 2026-017 */
	char title[256];             /* filled by get/year */
	char date[11];               /* filled: the meeting's date, the 提议日期 */
};
struct note {
	char id[ID_LEN];
	char date[11];               /* YYYY-MM-DD */
	char title[256];
	char *body;                  /* allocated */
	char author_id[ID_LEN];      /* "" for a name typed freely */
	char author[64];             /* the name, a snapshot */
	char created_at[20], updated_at[20];
	struct note_link links[NOTE_MAX_LINKS];
	int nlinks;
};
void note_clear(struct note *n);
/* assigns id; the links are written in their order */
int store_note_add(struct store *st, struct note *n);
/* date, title, body, author and the links (replaced) */
int store_note_update(struct store *st, const struct note *n);
int store_note_delete(struct store *st, const char *id);        /* with its links */
int store_note_get(struct store *st, const char *id, struct note *n);   /* 1 = none */
/* the notes dated in a year, oldest first (date, then when typed); *out
 * allocated (note_clear each, then free); the count or -1 */
int store_note_year(struct store *st, int year, struct note **out);
/* the community's party secretary (a roster person whose 职务 says
 * 党委书记 or 党支部书记, not 副书记): 0, 1 when the roster names none */
int store_party_secretary(struct store *st, struct person *p);

/* 大事记: the clerk's own lines, and every line of a year, the generated
 * ones read from the meetings held, the decisions, the notices posted and
 * the matters archived. */
struct chron_entry {
	char id[ID_LEN];
	char date[11];
	char *text;                  /* allocated */
};
void chron_entry_clear(struct chron_entry *e);
int store_chron_add(struct store *st, struct chron_entry *e);         /* assigns id */
int store_chron_update(struct store *st, const struct chron_entry *e);
int store_chron_delete(struct store *st, const char *id);
int store_chron_get(struct store *st, const char *id, struct chron_entry *e);  /* 1 = none */

enum chron_kind {
	CK_MEETING = 1,              /* a meeting held (开会 or 散会) */
	CK_DECISION = 2,             /* 决议: a matter passed to 决议, or 不予采纳 at a meeting */
	CK_NOTICE = 3,               /* 决议公开 / 实施结果公开 posted */
	CK_ARCHIVE = 4,              /* a matter 归档 (办结) */
	CK_HAND = 5,                 /* the clerk's own line */
};
#define CK_COUNT 6
/* the stable name of a generated kind in chronicle_hidden ("meeting" …),
 * NULL for CK_HAND and unknown kinds */
const char *chron_kind_key(int kind);
struct chron_item {
	int kind;                    /* enum chron_kind */
	char ref_id[ID_LEN];         /* the meeting, event, notice or entry */
	char date[11];
	int hidden;                  /* left out of the 大事记 by the clerk */
	char number[64];             /* meeting 2026-H-05, proposal 2026-017, 文号 */
	char title[256];             /* the meeting's, the proposal's, the notice's */
	int sub;                     /* meeting kind; event action; notice kind */
	int a, b, c;                 /* meeting: 应到, 实到; decision: 赞成, 反对, 弃权 */
	int has_vote;                /* a decision with its vote */
	char where[256];             /* a decision: the meeting's title */
	char proposal_id[ID_LEN];    /* a decision, notice or archive: its matter */
	char *text;                  /* CK_HAND: the text (allocated); else NULL */
};
void chron_item_clear(struct chron_item *it);
/* every line of a year, hidden ones included (it->hidden), by date, then
 * kind, then number; *out allocated; the count or -1 */
int store_chronicle_year(struct store *st, int year, struct chron_item **out);
/* leave a generated line out of the 大事记 (hide 1) or take it back (0) */
int store_chron_hide(struct store *st, int kind, const char *ref_id, int hide);
/* what a note may be linked to, for a form: the links of `keep` (may be
 * NULL) first, then the newest meetings not cancelled (meetings 1) or the
 * newest matters (0), up to max; number, title and date filled; the count
 * or -1 */
int store_link_choices(struct store *st, int meetings, const struct note *keep,
                       struct note_link *out, int max);
/* the years that have notes, chronicle entries or meetings, newest first,
 * into years[max]; the count or -1 */
int store_record_years(struct store *st, int *years, int max);
/* ---- statistics (stats.c) ------------------------------------------------ */
struct stats_raw;
/* the raw facts of the period raw->from .. raw->to (set by the caller; see
 * model/stats.h): the meetings held, every matter with its events up to the
 * end, the 民情日记 entries; 0 or -1 (raw freed) */
int store_stats_raw(struct store *st, struct stats_raw *raw);
/* the report of the period from .. to (stats_period checked them), with
 * today for what is overdue: 0, or -1 with st's error */
struct stats_report;
int store_stats(struct store *st, const char *from, const char *to, const char *today,
                struct stats_report *rep);

/* ---- search everywhere (search.c) ------------------------------------------- */
/* the kinds of record searched, in the order results are grouped */
struct search_kind {
	const char *kind;        /* "proposal" */
	const char *name;        /* "议题" */
};
extern const struct search_kind search_kinds[];
extern const size_t search_kind_count;
int search_kind_index(const char *kind);        /* -1 if unknown */

#define SEARCH_MAX_WORDS 8       /* words of a query (more are not used) */
#define SEARCH_MAX_QUERY 120     /* bytes of one word */
#define SEARCH_PER_KIND 100      /* hits of one kind handed back at most */
struct search_hit {
	char kind[12];           /* search_kinds[].kind */
	char ref[ID_LEN];        /* the record */
	char target[ID_LEN];     /* what opens it: the meeting of a line of
	                          * the minutes, else the record */
	char date[11];           /* its day, "" when it has none */
	int sub;                 /* a proposal's step + 100 × status, a notice's
	                          * kind, a line's number in its minutes,
	                          * whether a person is active, whether a
	                          * 民情日记 entry is answered, a meeting's kind */
	char where[32];          /* a line of the minutes: its meeting's number */
	char title[300];         /* number and title, speaker, name … */
	char *text;              /* the rest of its text as shown (allocated;
	                          * a 民情日记 entry: what was raised, the reply) */
	int order;               /* found as the how-manieth (newest entered first) */
};
/* The records that hold every word of q (words separated by spaces; a
 * word of any length, 电梯 as well as 装电梯), grouped by kind in the order
 * of search_kinds, the newest day first in each: at most SEARCH_PER_KIND
 * of a kind, the newest entered; bit k of *more (when not NULL) set when
 * kind k has more than those.  *out allocated (free with search_hits_free);
 * the count returned, or -1. */
int store_search(struct store *st, const char *q, struct search_hit **out, unsigned *more);
void search_hits_free(struct search_hit *h, int n);

/* the raw handle, for tests only */
struct sqlite3 *store_db(struct store *st);

/* ---- 民情日记 (migration 0010) ---------------------------------------------
 * What residents raised with the community's workers, entered afterwards
 * from a notebook as often as on the day.  Numbered 'YYYY-民-NNN' per year
 * of raised_on.  The link to the proposal it became is set once, by
 * store_diary_link, inside the transaction that adds the proposal. */
struct diary {
	char id[ID_LEN];
	char number[24];         /* 2026-民-007 */
	char raised_on[11];      /* the day it was raised, YYYY-MM-DD */
	char worker_id[ID_LEN];  /* "" = a name not on the roster */
	char worker_name[64];
	char resident_id[ID_LEN];
	char resident_name[64];
	char phone[32];
	char grid[32];
	char place[96];          /* 7栋2单元, 中心广场 */
	char category[64];
	int urgency;             /* enum urgency (model/diary.h) */
	char *content;           /* what was raised (allocated, never NULL once read) */
	char *done;              /* what was done ("" none) */
	char *reply;             /* the reply given ("" none) */
	char replied_on[11];     /* its day, "" while open */
	char proposal_id[ID_LEN];        /* the proposal it became, "" none */
	char created_at[20];
	char updated_at[20];
	char proposal_number[16];        /* filled by reads */
};
void diary_clear(struct diary *d);           /* frees content, done, reply */
/* assigns id, number (the year of raised_on, next sequence), created_at */
int store_diary_add(struct store *st, struct diary *d);
/* every field but the number, the link and created_at */
int store_diary_update(struct store *st, const struct diary *d);
int store_diary_get(struct store *st, const char *id, struct diary *d);      /* 1 = none */
int store_diary_get_number(struct store *st, const char *number, struct diary *d);
/* the entry a proposal came from; 1 = none */
int store_diary_for_proposal(struct store *st, const char *proposal_id, struct diary *d);
/* the entry now points to the proposal (refused when it already does) */
int store_diary_link(struct store *st, const char *id, const char *proposal_id);
int store_diary_delete(struct store *st, const char *id);
/* which entries a list shows: state (enum diary_filter), grid and
 * category ("" or NULL = any), today for 逾期 */
struct diary_query {
	int state;
	const char *grid;
	const char *category;
	const char *today;
};
/* newest first (raised_on, then number, descending), keyset: after_day
 * and after_number of the last row shown, both "" for the first page */
int store_diary_page(struct store *st, const struct diary_query *q, const char *after_day,
                     const char *after_number, struct diary *out, int max);
/* every entry q finds, newest first; *out allocated (diary_clear each) */
int store_diary_all(struct store *st, const struct diary_query *q, struct diary **out);
/* under q's grid and category (its state aside): how many, and of them
 * open (overdue included), answered, overdue */
struct diary_counts {
	int total, open, answered, overdue;
};
int store_diary_counts(struct store *st, const struct diary_query *q, struct diary_counts *c);
/* the grids and the categories the entries carry, most used first */
int store_diary_grids(struct store *st, char (*out)[64], int max);
int store_diary_categories(struct store *st, char (*out)[64], int max);
/* ---- attachments (附件, 0012_attachments.sql) ------------------------------
 * A scan or a photo kept with the proposal, meeting or notice it proves:
 * its bytes, what they are (from their magic), their size and SM3.  The
 * list functions leave the bytes out; store_attachment_data reads them. */
enum attach_owner { AO_PROPOSAL = 1, AO_MEETING = 2, AO_NOTICE = 3 };
#define ATTACH_MAX_BYTES (20 * 1024 * 1024)     /* 20 MB */
struct attachment {
	char id[ID_LEN];
	int owner_kind;                  /* enum attach_owner */
	char owner_id[ID_LEN];
	char title[256];                 /* 签字的签到表 */
	char file_name[256];             /* the file's name when attached */
	char type[8];                    /* png, jpeg, pdf, other */
	int size;                        /* bytes */
	char sm3[65];                    /* hex, lower case */
	char added_at[20];
};
/* assigns a->id and a->added_at (now); the caller has set the rest and
 * computed sm3 over the n bytes of data */
int store_attachment_add(struct store *st, struct attachment *a, const void *data, size_t n);
/* 1 = none */
int store_attachment_get(struct store *st, const char *id, struct attachment *a);
/* the attachment whose id starts with prefix (at least 8 hex digits);
 * 1 = none, 2 = more than one */
int store_attachment_find(struct store *st, const char *prefix, struct attachment *a);
/* the bytes, allocated into *data (caller frees; never NULL on success) */
int store_attachment_data(struct store *st, const char *id, unsigned char **data, size_t *n);
/* a record's attachments in the order they were added (*out allocated;
 * the count or -1) */
int store_attachment_list(struct store *st, int owner_kind, const char *owner_id,
                          struct attachment **out);
/* every attachment by id, a page at a time (after_id "" = first page) */
int store_attachment_page(struct store *st, const char *after_id, struct attachment *out, int max);
int store_attachment_delete(struct store *st, const char *id);
int store_attachment_count(struct store *st);
/* what bytes are, from their magic: "png", "jpeg", "pdf" or "other" */
const char *attach_type_of(const void *data, size_t n);
/* "PNG 图片", "JPEG 图片", "PDF 文件", "其他文件" */
const char *attach_type_name(const char *type);
/* "议题", "会议", "公示"; "" for another number */
const char *attach_owner_name(int owner_kind);
/* "1.2 MB", "37 KB", "512 字节" */
void attach_size_text(long long size, char *buf, size_t len);

#endif
