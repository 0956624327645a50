/* live.h: what the files of the live meeting share (live.c and its panes
 * live_sign.c, live_minutes.c, live_vote.c).  Private to src/ui/. */
#ifndef YS_LIVE_H
#define YS_LIVE_H

#include "ui_int.h"
#include "ops/ops.h"

#define L_ITEMS 64
#define L_ROWS 64
enum { PANE_SIGN, PANE_MINUTES, PANE_VOTE };

/* the meeting on the screen */
struct live {
	int loaded;
	struct meeting_state ms;     /* the meeting, its seal, its quorum: what ops checks */
	struct agenda_item items[L_ITEMS];
	int nitems, item;            /* the agenda and the selected item */
	/* the sign-in pane: a page of the sheet, by roster number */
	struct attendance att[L_ROWS];
	int natt, acur, after_no, avis;
	char filter[64];             /* part of a name, "" for all */
	/* the minutes pane: the line selected (its seq; 0 = the newest) */
	int nminutes;
	int msel;
	struct person speaker;       /* kept between entries */
	int have_speaker;
	/* the vote pane: the votes of the selected item */
	struct vote votes[8];
	int nvotes;
	/* the time the next sign-in, speech, vote or conclusion is recorded
	 * at, set with t; "" = what ops offers (the clock at a meeting held
	 * now, else the latest time recorded) */
	char clock[6];
};
extern struct live L;

void live_reload(struct ui *u);
void live_load_attendance(struct ui *u);
void live_load_votes(struct ui *u);
/* the selected agenda item, NULL when there is none */
struct agenda_item *live_item(void);
/* Whether opm may happen now (on the selected item when it acts on one):
 * ops' own check of the state read with the meeting.  When not, the
 * refusal is on the message line (with the key that helps, where there is
 * one) and 0 is returned. */
int live_allowed(struct ui *u, int opm);
const char *live_outcome_name(int oc);
/* the time typed with t, NULL when none (ops then takes its offer) */
const char *live_time(void);
/* the time the next entry gets, for the screen: 「09:40」 or 「按钟点」 */
void live_time_label(char *buf, size_t len);
/* ask for the time of the next entries (t, and ^T in the minute editor) */
void live_set_time(struct ui *u);

/* the panes (x, w: the pane's columns) and their actions */
void live_draw_sign(struct ui *u, int top, int bottom, int x, int w);
void live_sign(struct ui *u, int status);
void live_att_move(struct ui *u, int d);
void live_add_observer(struct ui *u);
void live_find(struct ui *u);

void live_draw_minutes(struct ui *u, int top, int bottom, int x, int w);
void live_minute_editor(struct ui *u);
void live_minute_move(struct ui *u, int d);
void live_minute_fix(struct ui *u);
void live_minute_delete(struct ui *u);
void live_minute_insert(struct ui *u);

void live_draw_vote(struct ui *u, int top, int bottom, int x, int w);
void live_take_vote(struct ui *u);
void live_correct_tally(struct ui *u);
void live_close_item(struct ui *u);

#endif
