/* ui_int.h: what the files of src/ui/ share (private to the screens).  Screens are thin: they read
 * through the store, act through ops, and draw through ui_put(), the one
 * function by which text reaches the terminal.
 *
 * Keys are data: ui_keys[] maps keys to actions per screen with their hint
 * and help text; the hint bar and the help screen are generated from it. */
#ifndef YS_UI_INT_H
#define YS_UI_INT_H

#include <stddef.h>
#include <wchar.h>
#include "store/store.h"
#include "ui/ui.h"
#include "base/edbuf.h"
#include "base/util.h"

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

/* ---- screens ------------------------------------------------------------ */
enum screen_id {
	SCR_BOARD = 0,       /* 议题看板 */
	SCR_DOSSIER,         /* 议题档案 */
	SCR_MEETINGS,        /* 会议列表 */
	SCR_LIVE,            /* 会议进行中（签到/记录/表决） */
	SCR_ROSTER,          /* 花名册 */
	SCR_RULES,           /* 表决规则 */
	SCR_NOTICES,         /* 公示栏 */
	SCR_DIARY,           /* 民情日记 */
	SCR_STATS,           /* 统计、年度台账 */
	SCR_ATTACH,          /* 附件 of a proposal, meeting or notice */
	SCR_NOTES,           /* 手记：书记手记 | 大事记 */
	SCR_COUNT
};
#define SCR_ANY (-1)          /* key row valid on every screen */

/* ---- actions ------------------------------------------------------------ */
enum ui_action {
	K_NONE = 0,
	K_QUIT, K_HELP, K_BACK,
	K_TAB_BOARD, K_TAB_MEETINGS, K_TAB_ROSTER, K_TAB_RULES,
	K_UP, K_DOWN, K_LEFT, K_RIGHT, K_PGUP, K_PGDN, K_HOME, K_END,
	K_OPEN, K_NEW, K_EDIT, K_SEARCH, K_NEXT_PAGE,
	K_WITHDRAW, K_ADVANCE, K_TOGGLE_ACTIVE, K_FILTER,
	/* live meeting */
	K_PANE, K_START, K_SIGN, K_LEAVE, K_ABSENT, K_UNSIGN, K_OBSERVER,
	K_MINUTE, K_VOTE, K_CLOSE_ITEM, K_END_MEETING, K_TIME,
	/* corrections */
	K_POSTPONE, K_CANCEL, K_DELETE, K_HISTORY, K_CORRECT_TALLY, K_PAPERS,
	K_MINUTE_FIX, K_MINUTE_DELETE, K_MINUTE_INSERT,
	/* paper */
	K_TAB_NOTICES, K_PREVIEW, K_PREVIEW_INTERNAL, K_SEAL, K_ADDENDUM, K_PROGRESS,
	K_OBJECTION, K_ANSWER, K_EXPORT, K_PRINT, K_SETTINGS, K_BACKUP, K_IMPORT,
	/* statistics */
	K_TAB_STATS, K_PERIOD,
	/* search everywhere */
	K_FIND,
	/* 民情日记 */
	K_TAB_DIARY, K_REPLY, K_TO_PROPOSAL, K_DIARY_LINK,
	/* attachments and the dossier */
	K_ATTACH, K_DOSSIER,
	/* 手记 */
	K_TAB_NOTES, K_YEAR, K_HIDE, K_SHOW_HIDDEN,
	K_ACTION_COUNT
};

/* keys: a character is its code point; a curses key code is KC(code) so
 * that the two never collide */
#define KC(k) ((k) | 0x40000000)
#define UI_KEY_PASTE KC(0x3fff0001)   /* a bracketed paste arrived */
#define UI_KEY_UNKNOWN KC(0x3fff0002) /* a key the terminal sent that the
                                       * program does not know (Alt+key…):
                                       * read whole, acted on by nobody */

struct keydef {
	int screen;              /* enum screen_id or SCR_ANY */
	int pane;                /* SCR_LIVE pane (0 签到 1 记录 2 表决), -1 = any */
	int action;              /* enum ui_action */
	int key;                 /* the letter key or KEY_* code */
	int key2;                /* an alternative (F-key), 0 = none */
	const char *keyname;     /* shown: "n", "F2/n", "Enter" */
	const char *hint;        /* short, for the hint bar; NULL = not in bar */
	const char *help;        /* longer, for the help screen */
};
extern const struct keydef ui_keys[];
extern const size_t ui_key_count;
/* the action bound to key on screen/pane, K_NONE if none */
int ui_key_action(int screen, int pane, int key);

/* ---- attributes (colour or monochrome from one table) ------------------ */
enum ui_attr {
	UA_NORMAL = 0, UA_TITLE, UA_TAB, UA_TAB_ON, UA_SEL, UA_HEAD, UA_ERR,
	UA_OK, UA_WARN, UA_DIM, UA_KEY, UA_FIELD, UA_FIELD_ON,
	UA_YES, UA_NO, UA_ABSTAIN, UA_NONE_VOTED, UA_BANNER, UA_COUNT
};

/* ---- the program state -------------------------------------------------- */
struct ui {
	struct store *st;
	struct community comm;
	int rows, cols;
	int color;               /* 0 = monochrome */
	int screen;              /* current enum screen_id */
	int prev_screen;         /* where Esc returns to from a detail screen */
	int quit;
	char msg[512];           /* message line */
	int msg_attr;
	char backup_note[256];   /* the board's reminder to back up, or "" */
	/* selection passed between screens */
	char proposal_id[ID_LEN];
	char meeting_id[ID_LEN];
	int exit_after_frame;    /* --exit-after-first-frame (sanitizer runs) */
	int pane;                /* SCR_LIVE: 0 签到 1 记录 2 表决 */
	/* a modal view (the document pager) drawn over the frame, so that the
	 * dialogs it opens appear over it; NULL when none */
	void (*overlay)(struct ui *u, void *arg);
	void *overlay_arg;
	const struct screen_def *const *screens;   /* the table of run.c, by screen_id */
};

/* each screen: draw into stdscr rows [top, bottom) and handle actions
 * (key is the raw key for screens that take text) */
struct screen_def {
	int id;
	const char *title;       /* tab title, NULL if not a tab */
	void (*enter)(struct ui *);      /* when shown (reload data), may be NULL */
	void (*draw)(struct ui *, int top, int bottom);
	void (*action)(struct ui *, int action);
	/* whether an action makes sense now (for the hint bar); NULL = all */
	int (*key_ok)(struct ui *, int action);
};
extern const struct screen_def screen_board, screen_dossier, screen_meetings,
	screen_live, screen_roster, screen_rules, screen_notices, screen_stats;
extern const struct screen_def screen_diary;
extern const struct screen_def screen_attach;
extern const struct screen_def screen_notes;     /* notes.c: 书记手记 and 大事记 */

/* the clerk's steps on a proposal (steps.c), from the board and the
 * dossier: 推进, 实施进展, 撤回, and the proposal's notices */
void ui_advance(struct ui *u, const char *pid);
void ui_progress(struct ui *u, const char *pid);
void ui_withdraw(struct ui *u, const char *pid, const char *number);
void ui_preview_notices(struct ui *u, const char *pid);
/* what the clerk does next at a step: a line for the board and the dossier */
const char *ui_next_step_hint(int step);

/* the form that convenes a meeting (meeting_new.c); 1 when one was made,
 * its id in u->meeting_id */
int ui_meeting_new(struct ui *u);
/* the chair and clerk a meeting form's people fields chose, into m */
struct field;
struct form;
void ui_meeting_people(const struct field *chair, const struct field *clerk, struct meeting *m);
/* the chair picked from the roster brings the post written there into the
 * post field, unless the clerk typed another (last: what was put there) */
void ui_chair_post_follow(struct form *fm, int chair, int post, char last[64]);
/* corrections of a meeting not signed yet (meeting_fix.c) */
void ui_meeting_edit(struct ui *u, const char *mid);
void ui_meeting_postpone(struct ui *u, const char *mid);
void ui_meeting_cancel(struct ui *u, const char *mid);
void ui_meeting_delete(struct ui *u, const char *mid);
/* the form of a new proposal (proposal.c); 1 when one was recorded */
int ui_proposal_new(struct ui *u);
/* the same form to correct a proposal (修改 / 更正); 1 when saved */
int ui_proposal_edit(struct ui *u, const char *pid);

/* the community's names and the settings (ui_setup.c); 1 saved */
int ui_settings(struct ui *u);

/* i on the roster: a 花名册 file imported after its preview (roster_import.c);
 * 1 when imported */
int ui_roster_import(struct ui *u);

/* search.c: / on any screen — ask the words, list what holds them grouped
 * by kind, open the one chosen */
void ui_search(struct ui *u);
/* where a search opens a record: the person in the roster (roster.c), the
 * meeting's minutes at line seq (live_minutes.c) */
void ui_roster_show(struct ui *u, const char *person_id);
void ui_live_show_minute(struct ui *u, int seq);
/* the 书记手记 of the note's year with the note open whole (notes.c) */
void ui_notes_show(struct ui *u, const char *note_id, const char *date);
/* the 大事记 of the line's year with the line the clerk wrote selected */
void ui_chronicle_show(struct ui *u, const char *entry_id, const char *date);
/* ---- 民情日记 (diary.c, diary_form.c) ------------------------------------ */
/* the form of a new entry (orig NULL) or of the correction of orig; 1 when
 * saved, the entry's number into number[24] */
int ui_diary_form(struct ui *u, const struct diary *orig, char *number);
/* r: the reply given (the loop closed) and what was done; 1 when saved */
int ui_diary_reply(struct ui *u, const struct diary *d);
/* Enter: the entry in full in the pager (export, print) */
void ui_diary_detail(struct ui *u, const char *diary_id);
/* the diary tab with the entry selected (from a proposal's dossier) */
void ui_diary_show(struct ui *u, const char *diary_id);
/* x: the diary as .xlsx or CSV into a folder */
void ui_export_diary(struct ui *u);
/* p: the new-proposal form filled from the entry; on save the proposal
 * and the link in one operation; 1 when recorded (proposal.c) */
int ui_proposal_from_diary(struct ui *u, const char *diary_id);
/* the categories the proposal form offers (proposal.c), 「其他」 last */
extern const char *const ui_categories[];
extern const size_t ui_category_count;

/* ---- paper (ui_paper.c) -------------------------------------------------- */
struct doc;
/* a document on screen (the pager), with export (x) and print (P/F5);
 * takes ownership of nothing: the caller frees d */
void ui_preview(struct ui *u, struct doc *d);
/* a draft in the pager: Enter does `ask` (returns 1), Esc goes back (0) */
int ui_preview_ask(struct ui *u, struct doc *d, const char *ask);
/* 导出决议数据: every decision as CSV (Excel/WPS) or JSON into a folder */
void ui_export_decisions(struct ui *u);
/* backup.c: B on the board — the database backed up to a folder (a USB
 * stick); ui_backup_note sets the board's reminder from the last backup's
 * date and the setting backup_remind_days */
void ui_backup(struct ui *u);
void ui_backup_note(struct ui *u);
/* 导出花名册: the roster as .xlsx or CSV into a folder */
void ui_export_roster(struct ui *u);
/* 导出统计: the statistics as Excel, PDF, HTML or text into a folder */
struct stats_report;
void ui_export_stats(struct ui *u, const struct stats_report *rep);
/* 导出公示栏网页: the notice board as a static site into a folder */
void ui_export_board(struct ui *u);
/* the minutes of a meeting in the pager */
void ui_preview_minutes(struct ui *u, const char *meeting_id);
/* the papers before a meeting (签到表, 表决票, 议程, 主持词): which one and
 * its options asked, then previewed for export (x) and printing (P) */
void ui_meeting_papers(struct ui *u, const char *meeting_id);
/* the change log of a meeting or a proposal (entity) in the pager */
void ui_preview_changes(struct ui *u, const char *entity, const char *id);
/* a notice in the pager, public or internal version */
void ui_preview_notice(struct ui *u, const char *notice_id, int internal);
/* a notice not posted yet, as it will print: 1 = the clerk pressed Enter
 * to number and post it, 0 = back, -1 = error (err) */
int ui_preview_draft(struct ui *u, const struct notice *n, char *err, size_t errlen);

/* ---- attachments (attach.c) and the dossier ---------------------------- */
/* the attachments of a proposal, meeting or notice (enum attach_owner) on
 * their screen; label names the record there ("2026-001 标题"); Esc comes
 * back to the screen it was opened from */
void ui_attachments(struct ui *u, int kind, const char *owner_id, const char *label);
/* paper.c: an attachment written back to a file in a folder the clerk
 * confirms; a proposal's dossier (一事一档) in the pager, to export and print */
void ui_export_attachment(struct ui *u, const char *id);
void ui_preview_dossier(struct ui *u, const char *proposal_id);

void ui_goto(struct ui *u, int screen);
/* the screen a tab key (K_TAB_BOARD …) shows; -1 for another action */
int ui_tab_screen(int action);
/* the terminal is below 80×24 */
int ui_too_small(const struct ui *u);
void ui_help(struct ui *u);                     /* help.c */
int ui_setup_community(struct ui *u);           /* setup.c: the first start */
/* term.c: start the terminal (curses, colours, bracketed paste) and end it */
int ui_term_start(struct ui *u);
void ui_term_end(void);
void ui_message(struct ui *u, int attr, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ui_error(struct ui *u, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- drawing (ui_draw.c) ----------------------------------------------- */
/* THE function through which text reaches the screen: sanitised, fitted
 * to exactly cols columns (text_fit flags), never a split character. */
void ui_put(int y, int x, int cols, const char *s, int flags, int attr);
/* how every dialog saves: Enter in a one-line field (on a form's last
 * field), and in a text of several lines this key, named the same way in
 * every hint — F10 first, since many terminals take ^S alone as XOFF */
#define UI_SAVE(word) "F10 " word "（或 ^S）"
/* text wrapped into rows of cols columns (Chinese line-breaking rules),
 * at most maxrows, the last one ending with … when more would follow;
 * returns the rows used */
int ui_put_wrap(int y, int x, int cols, int maxrows, const char *s, int attr);
extern int ui_small;          /* the terminal is below 80×24 (set by ui_draw_frame) */
extern int ui_small_notice;   /* drawing the notice that says so */
void ui_cursor(int y, int x);  /* show the text cursor there (not when too small) */
void ui_putf(int y, int x, int cols, int flags, int attr, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void ui_fill(int y, int x, int cols, int attr);       /* blank run */
void ui_hline(int y, int x, int cols, int attr);
int ui_attr(int which);                                 /* curses attr */
/* a bar of `value` out of `total` in `cols` columns: "██████░░░░" in colour,
 * "######----" in monochrome */
void ui_bar(int y, int x, int cols, long value, long total, int attr);
/* read a key: a character (possibly wide) or KC(curses key code).
 * A bracketed paste is delivered as UI_KEY_PASTE with the text (UTF-8,
 * newlines as '\n') in *paste (caller frees).  Returns KC(KEY_RESIZE) after
 * updating u->rows/cols on resize. */
int ui_getkey(struct ui *u, char **paste);
static inline int ui_is_enter(int k)
{ return k == '\r' || k == '\n' || k == KC(0527) /* KEY_ENTER */; }
void ui_draw_frame(struct ui *u);
/* the message line (two rows when the message is long) */
void ui_draw_message(struct ui *u);
/* a table row of n cells fitted to widths (negative = right-aligned), one
 * space apart; the last cell takes the rest of cols */
void ui_row(int y, int x, int cols, int attr, const char *const *cells,
            const int *widths, int n);
/* roles as short marks for lists: "党委 居委 党 户" */
void ui_roles_short(int roles, char *buf, size_t len);
/* 「身份简称：代=居民代表 党委=党组织委员 …」: what the short codes mean */
void ui_roles_legend(char *buf, size_t len);      /* the whole screen: header, body, message, hints */

/* ---- text to scroll through (pager.c): the help, the dossier, a preview - */
struct pager {
	struct strbuf text;      /* the lines, each ended by '\0' once set */
	const char **line;
	int nlines, top;         /* lines, the first one shown */
};
/* take over text ("\n" between lines; text is emptied) */
void pager_set(struct pager *pg, struct strbuf *text);
void pager_free(struct pager *pg);
/* lines [top, top + h) in rows y.., columns x..x+w (text_fit flags);
 * attr_of(i, line) chooses a line's attribute, NULL = normal */
void pager_draw(struct pager *pg, int y, int x, int h, int w, int flags,
                int (*attr_of)(int i, const char *line));
/* K_UP K_DOWN K_PGUP K_PGDN K_HOME K_END with h rows shown; 1 if handled */
int pager_scroll(struct pager *pg, int action, int h);
/* the scrolling action of a raw key in a pager's own loop (arrows, j/k,
 * PgUp/PgDn/space, Home/g, End/G), K_NONE otherwise */
int pager_key(int key);

/* ---- lists read a page at a time (pages.c) ------------------------------ */
#define PAGE_DEPTH 256
/* where a page begins: the ordering columns of the row before it (the
 * second empty where the list is ordered by one column); both empty on
 * the first page */
struct page_key {
	char a[40], b[40];
};
/* how a list is read, one constant per list: the size of a row and how
 * many fit in the screen's array, how a page is read (up to max rows
 * after the key; the count or -1), which text fields of a row order the
 * list (offsets of char arrays; nkeys 1 or 2), how a row is freed (may be
 * NULL), and what else the screen reads with a page (may be NULL) */
struct page_def {
	size_t size;
	int max;
	int (*read)(struct ui *u, void *ctx, const struct page_key *after, void *rows, int max);
	size_t key[2];
	int nkeys;
	void (*clear)(void *row);
	void (*loaded)(struct ui *u, void *ctx);
};
struct pages {
	/* the screen's: how the list is read, its array of rows, the context
	 * handed to read and loaded */
	const struct page_def *def;
	void *rows;
	void *ctx;
	/* the state */
	struct page_key start[PAGE_DEPTH]; /* the key after which each page begins */
	int depth;                         /* pages before the current one */
	int n, cur, vis;                   /* rows on the page, the selected one, rows that fit */
};
/* read the current page again */
void pages_load(struct ui *u, struct pages *p);
/* free the rows read */
void pages_clear(struct pages *p);
/* back to the first page */
void pages_reset(struct pages *p);
/* K_UP K_DOWN K_PGUP K_PGDN K_HOME; 1 if it was one of them */
int pages_move(struct ui *u, struct pages *p, int action);
/* the rows that fit (1..p->max); reads the page again when that changed */
void pages_fit(struct ui *u, struct pages *p, int vis);
/* row i of the page */
void *pages_row(const struct pages *p, int i);

/* ---- dialogs (ui_dialog.c): modal, each runs its own loop and redraws the
 * screen underneath on resize.  Return 1 on OK, 0 on cancel. ------------ */
int ui_confirm(struct ui *u, const char *question);
/* a box titled title with text (wrapped; each '\n' starts a line) and the
 * keys named at its foot: 1 for y/Enter, 0 for n/Esc */
int ui_ask(struct ui *u, const char *title, const char *text, const char *keys);
/* one line of text; initial may be NULL; result allocated into *out */
int ui_prompt(struct ui *u, const char *title, const char *label,
              const char *initial, size_t maxchars, char **out);
/* the same, but an empty answer is refused in the dialog (reasons) */
int ui_prompt_required(struct ui *u, const char *title, const char *label,
                       const char *initial, size_t maxchars, char **out);
/* multi-line text (Enter = new line, ^S/F10 = OK) */
/* a multi-line text in a box as large as the terminal allows, the hint
 * (wrapped, may be NULL) above it; saved with ^S or F10 (Enter breaks the
 * line); required: an empty text is refused on the spot; maxbytes: a text
 * that would not fit (0 = any) is refused, never cut.  1 with *out */
int ui_prompt_multi(struct ui *u, const char *title, const char *hint, const char *initial,
                    size_t maxbytes, int required, char **out);
int ui_prompt_text(struct ui *u, const char *title, const char *initial,
                   char **out);
/* pick one of n strings; *sel in/out */
int ui_choose(struct ui *u, const char *title, const char *const *items, int n,
              int *sel);
/* pick people from the roster (active, roles mask 0 = any) by typing part of
 * the name; multi != 0 allows several (Space toggles); free_text allows a
 * name not on the roster.  Results into out[max]; *n in/out. */
/* present_at: a meeting whose people signed in present are listed first,
 * marked 出席 (NULL = the roster in its order) */
int ui_pick_people(struct ui *u, const char *title, int roles, int multi,
                   int free_text, const char *present_at, struct person *out, int max, int *n);

/* an edit buffer drawn as a one-line field (returns the cursor column) or
 * as a box of rows (the cursor's row and column into *crow, *ccol) */
int ui_draw_line_field(struct edbuf *e, int y, int x, int cols, int attr);
void ui_draw_multi_field(struct edbuf *e, int y, int x, int rows, int cols,
                         int attr, int *crow, int *ccol);

/* text editing keys shared by every field (ui_dialog.c): 1 if handled;
 * ui_edit_dropped tells how many characters of a paste did not fit */
int ui_edit_key(struct edbuf *e, int key, const char *paste, int cols);
extern size_t ui_edit_dropped;

/* ---- forms (ui_form.c) -------------------------------------------------- */
enum field_type {
	FT_TEXT,             /* one line */
	FT_MULTI,            /* several lines (Enter = new line) */
	FT_NUMBER,           /* digits */
	FT_DATE,             /* YYYY-MM-DD */
	FT_TIME,             /* HH:MM */
	FT_CHOICE,           /* one of choices[], ←/→ or Space to change */
	FT_PEOPLE,           /* people picked from the roster (Enter opens picker) */
	FT_LIST,             /* several of list items (Enter opens a check list) */
};
struct field {
	const char *label;
	int type;
	int required;
	size_t maxchars;
	int min, max;                /* FT_NUMBER: the range (max 0: 0..1000000) */
	const char *hint;            /* shown when the field has focus */
	/* FT_TEXT/MULTI/NUMBER/DATE/TIME */
	struct edbuf *eb;            /* owned by the form (allocated on init) */
	int rows;                    /* FT_MULTI rows shown (more on a tall terminal) */
	int shown;                   /* FT_MULTI rows as last drawn (form.c) */
	/* FT_CHOICE */
	const char *const *choices;
	int nchoices;
	int choice;
	/* FT_PEOPLE */
	int roles;                   /* picker filter */
	int multi;
	int free_text;
	const char *present_at;      /* a meeting: those present listed first */
	struct person people[16];
	int npeople;
	/* FT_LIST */
	const char *const *items;
	int nitems;
	unsigned char checked[64];
};
struct form {
	const char *title;
	struct field *f;
	int n;
	int focus;
	char msg[512];
	/* called on ^S/F10: validate and save; 0 = done, -1 = stay (msg set) */
	int (*submit)(struct ui *u, struct form *fm, void *arg);
	const char *save;            /* what ^S/F10 does, for the hints ("" = 保存) */
	/* called when a choice changes (may rebuild dependent fields) */
	void (*changed)(struct ui *u, struct form *fm, int field, void *arg);
	void *arg;
};
void form_init(struct form *fm);               /* allocates edit buffers */
void form_free(struct form *fm);
void form_set_text(struct form *fm, int i, const char *s);
char *form_get_text(const struct form *fm, int i);     /* caller frees, trimmed */
int form_run(struct ui *u, struct form *fm);           /* 1 saved, 0 cancelled */

#endif
