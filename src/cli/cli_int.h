/* cli_int.h: the command line as tables.  One table of options
 * (cli_options[]), one of commands (cli_commands[]: name, sub-command, the
 * options each takes and requires as bit sets, handler, one-line help), one
 * of the environment variables the program reads (cli_env[]).  table.c
 * parses argv against them and checks everything a handler may rely on
 * before it runs; --help (usage.c) and the manual page (man.c) are written
 * from the same tables, so they cannot drift.  One file per group of
 * handlers: cmd_db.c (the screen, demo, check, verify), cmd_paper.c
 * (export, print), cmd_list.c (list).
 *
 * Exit status of every handler: 0 done, 1 failed (said why on stderr),
 * 2 wrong usage. */
#ifndef YS_CLI_INT_H
#define YS_CLI_INT_H

#include <stddef.h>
#include <stdio.h>

#include "store/store.h"

/* ---- options --------------------------------------------------------------- */
enum cli_opt {
	OPT_DB,
	OPT_MONO,
	OPT_FIRST_FRAME,
	OPT_MEETING,
	OPT_PROPOSAL,
	OPT_KIND,
	OPT_FORMAT,
	OPT_OUTPUT,
	OPT_GB18030,
	OPT_INTERNAL,
	OPT_PRINTER,
	OPT_SORT,
	OPT_ITEMS,
	OPT_COPIES,
	OPT_PER_PAGE,
	OPT_SEPARATE,
	OPT_NAMED,
	OPT_METHOD,
	OPT_TO,
	OPT_KEEP,
	OPT_FROM,
	OPT_DIGEST,
	OPT_MAP,
	OPT_DUPLICATES,
	OPT_DRY_RUN,
	OPT_YEAR,
	OPT_PERIOD,
	OPT_NOTICE,
	OPT_TITLE,
	OPT_ID,
	OPT_HELP,
	OPT_VERSION,
	OPT_STATE,
	OPT_COUNT
};
#define OPT(o) (1ull << (o))     /* up to 64 options */

/* where an option is listed in --help and the manual */
enum cli_group { GROUP_GENERAL, GROUP_PAPER, GROUP_DATA };

struct cli_option {
	const char *name;        /* "--db" */
	const char *alias;       /* "-h", "--output"; NULL when none */
	const char *arg;         /* its argument as shown ("路径"); NULL for a switch */
	const char *hint;        /* said after the argument in messages, NULL for
	                          * none ("如 2026-H-05；yishiting list meetings …") */
	const char *help;        /* one or more lines, separated by '\n' */
	enum cli_group group;
	int testing;             /* for tests only: left out of the synopses */
};
extern const struct cli_option cli_options[OPT_COUNT];

/* ---- commands -------------------------------------------------------------- */
struct cli_args;
struct cli_command {
	const char *name;        /* "export"; NULL: no command (the screen) */
	const char *sub;         /* "minutes"; NULL when the command has none */
	unsigned long long takes;    /* OPT() bits: the options it accepts */
	unsigned long long required; /* OPT() bits: those it cannot do without */
	const char *arg[OPT_COUNT + 1];  /* an option's argument as this command
	                              * shows it, when not the option's own
	                              * ("pdf|html|txt" for --format) */
	const char *help;        /* one line */
	int (*run)(const struct cli_args *a);
};
/* arg[ARG_OPERAND]: a word the command needs after its sub-command, as
 * shown ("文件"); NULL when it needs none */
#define ARG_OPERAND OPT_COUNT
extern const struct cli_command cli_commands[];
extern const size_t cli_command_count;

/* what a handler gets: the command, and each option's value ("" for a
 * switch that was given; NULL when not given).  Everything the command
 * requires is there; nothing it does not take is. */
struct cli_args {
	const struct cli_command *cmd;
	const char *opt[OPT_COUNT];
	const char *operand;     /* the word the command needs (arg[ARG_OPERAND]) */
};

/* ---- the environment ------------------------------------------------------- */
struct cli_envvar {
	const char *name;        /* "YISHITING_NOW" */
	const char *value;       /* an example value or its kind, NULL for none */
	const char *help;        /* lines separated by '\n' */
};
extern const struct cli_envvar cli_env[];
extern const size_t cli_env_count;

/* the program in one sentence, and its exit statuses (help and manual) */
extern const char cli_summary[];
extern const char cli_exit_status[];

/* ---- table.c: parsing ------------------------------------------------------- */
/* the whole command line: parse, check, run; the exit status */
int cli_main(int argc, char **argv);
/* "export minutes", "demo", "" for the screen */
const char *cli_command_label(const struct cli_command *c, char *buf, size_t len);
/* a usage error of the command: the message, the command's synopsis and
 * where to read more on stderr; returns 2 */
int cli_usage_error(const struct cli_command *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- usage.c: --help, and the synopses the manual uses too ------------------- */
/* one synopsis token: an option with its argument, or a literal word */
enum syn_kind { SYN_WORD, SYN_OPERAND, SYN_OPTION };
struct syn_token {
	enum syn_kind kind;
	char text[160];          /* the word ("meetings|proposals|notices"), or
	                          * the option's name */
	const char *arg;         /* the option's argument, NULL for a switch */
	int optional;
};
/* the tokens of c's synopsis after "yishiting" (the name and the sub, with
 * the subs of the commands merged with it, then its options in table
 * order, those for tests left out); returns how many, at most max */
int cli_synopsis(const struct cli_command *c, struct syn_token *t, int max);
/* the same as plain text ("yishiting export minutes --db 路径 …"); caller frees */
char *cli_synopsis_text(const struct cli_command *c);
/* Commands that differ only by their sub-command and take the same
 * options with the same help ("list meetings|proposals|notices") are shown
 * as one: 1 when c is shown, 0 when it was merged into an earlier one. */
int cli_command_shown(const struct cli_command *c);
/* --help */
void cli_usage(FILE *out);
/* the short usage lines that start --help and follow a usage error */
void cli_usage_short(FILE *out);

/* ---- man.c: the manual page ------------------------------------------------- */
/* Write the manual page (roff) from the template tmpl to out: lines
 * "@SYNOPSIS@", "@COMMANDS@", "@OPTIONS@", "@KEYS@", "@ENVIRONMENT@",
 * "@EXIT_STATUS@" become those parts; "@VERSION@" and "@DATE@" anywhere
 * are replaced.  0, or -1 with a message on stderr. */
int cli_man(FILE *out, const char *tmpl, const char *date);

/* ---- shared by the handlers ------------------------------------------------- */
/* the user's locale when it is UTF-8, else C.UTF-8; -1 with a message */
int cli_setup_locale(void);
int cmd_backup(const struct cli_args *a);
int cmd_restore(const struct cli_args *a);
int cmd_salvage(const struct cli_args *a);
/* cmd_roster.c */
int cmd_import_roster(const struct cli_args *a);
int cmd_export_roster(const struct cli_args *a);
/* export roster|diary: --format xlsx|csv (or the -o name's), --gb18030 for
 * CSV only, the sheet written by export; what names it in the messages */
typedef int (*out_sheet_fn)(struct store *st, int format, int gb18030, const char *target,
                            int where, char **path, char *err, size_t errlen);
int cli_export_sheet(const struct cli_args *a, const char *what, out_sheet_fn export);
/* cmd_stats.c: stats */
int cmd_stats(const struct cli_args *a);
/* the refusal of a damaged database, with the way out (stderr) */
void cli_say_damaged(const char *db, const char *damage);
/* an existing database, opened; NULL after saying why on stderr */
struct store *cli_open_existing(const char *db);
/* $XDG_DATA_HOME/yishiting/yishiting.db, or ~/.local/share/…; caller frees */
char *cli_default_db_path(void);

/* ---- the handlers ----------------------------------------------------------- */
int cmd_ui(const struct cli_args *a);
int cmd_demo(const struct cli_args *a);
int cmd_check(const struct cli_args *a);
int cmd_verify(const struct cli_args *a);
int cmd_export_doc(const struct cli_args *a);
int cmd_export_decisions(const struct cli_args *a);
int cmd_export_board(const struct cli_args *a);
int cmd_print(const struct cli_args *a);
int cmd_list(const struct cli_args *a);
int cmd_search(const struct cli_args *a);
/* cmd_diary.c: list diary, export diary */
int cmd_list_diary(const struct cli_args *a);
int cmd_export_diary(const struct cli_args *a);
/* cmd_attach.c: attachments */
int cmd_attach(const struct cli_args *a);
int cmd_list_attachments(const struct cli_args *a);
int cmd_export_attachment(const struct cli_args *a);

#endif
