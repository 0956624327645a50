/* ui.h: the full-screen interface (ncursesw), as the command line sees it:
 * one call that runs the screens on an open database until the clerk
 * quits.  Everything else about the screens is private to src/ui/. */
#ifndef YS_UI_H
#define YS_UI_H

#include "store/store.h"

/* Run the screens on st.  exit_after_frame != 0 draws the first frame and
 * returns (tests, benchmarks); mono != 0 draws without colour.  Returns the
 * exit status for the program: 0, or 1 when the terminal could not be
 * used. */
int ui_run(struct store *st, int exit_after_frame, int mono);

/* For the manual and the help: every key of the screens, in the order of
 * the key table (the screen's own keys, those of every screen last):
 * cb(screen, key, help, arg) with the screen's name (「议题看板」…, 「各屏通用」),
 * the key as shown (「F2/n」) and what it does; a key of one pane of the
 * live meeting says so in help (「……（签到栏）」). */
void ui_keys_each(void (*cb)(const char *screen, const char *key, const char *help, void *arg),
                  void *arg);

#endif
