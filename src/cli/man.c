/* man.c: the manual page, written in roff from the template under
 * data/man/ (the prose) and the tables — commands, options, environment
 * (table.c) and every key of every screen (ui_keys_each) — so that the
 * manual says what the program does.  make runs it through mangen.c into
 * build/yishiting.1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "base/util.h"
#include "ui/ui.h"
#include "version.h"

/* text for a roff text line: backslashes, hyphens (options must stay
 * ASCII minus signs), quotes; a control character at the start of a line
 * is made harmless; '\n' ends the line and breaks it (.br) */
static void roff(FILE *out, const char *s, int *bol)
{
	for (const char *p = s; p && *p; p++) {
		if (*bol && (*p == '.' || *p == '\''))
			fputs("\\&", out);
		*bol = 0;
		switch (*p) {
		case '\\': fputs("\\e", out); break;
		case '-': fputs("\\-", out); break;
		case '\'': fputs("\\(aq", out); break;
		case '`': fputs("\\(ga", out); break;
		case '\n': fputs("\n.br\n", out); *bol = 1; break;
		default: fputc(*p, out);
		}
	}
}

static void text(FILE *out, const char *s)
{
	int bol = 1;
	roff(out, s, &bol);
	fputc('\n', out);
}

/* a literal in bold, or a placeholder in italics */
static void font(FILE *out, const char *f, const char *s)
{
	int bol = 0;
	fprintf(out, "\\f%s", f);
	roff(out, s, &bol);
	fputs("\\fR", out);
}

/* choices ("pdf|html|txt") are typed as they are; other arguments
 * ("路径") stand for what the clerk types */
static int literal(const char *arg)
{
	return strchr(arg, '|') != NULL || strspn(arg, "abcdefghijklmnopqrstuvwxyz") == strlen(arg);
}

static void synopsis(FILE *out, const struct cli_command *c)
{
	struct syn_token t[OPT_COUNT + 2];
	int n = cli_synopsis(c, t, (int)YS_ARRAY_LEN(t));
	font(out, "B", "yishiting");
	for (int i = 0; i < n; i++) {
		fputc(' ', out);
		if (t[i].optional)
			fputc('[', out);
		font(out, t[i].kind == SYN_OPERAND ? "I" : "B", t[i].text);
		if (t[i].arg) {
			fputs("\\~", out);     /* "[--format pdf]" is never broken */
			font(out, literal(t[i].arg) ? "B" : "I", t[i].arg);
		}
		if (t[i].optional)
			fputc(']', out);
	}
	fputc('\n', out);
}

static void sec_synopsis(FILE *out)
{
	fputs(".PP\n.in +4n\n", out);
	for (size_t i = 0; i < cli_command_count; i++) {
		if (!cli_command_shown(&cli_commands[i]))
			continue;
		fputs(".ti -4n\n", out);
		synopsis(out, &cli_commands[i]);
	}
	fputs(".ti -4n\n", out);
	font(out, "B", "yishiting");
	fputs(" \\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR\n.in -4n\n", out);
}

/* each command: its synopsis (continued lines indented), then what it does */
static void sec_commands(FILE *out)
{
	for (size_t i = 0; i < cli_command_count; i++) {
		const struct cli_command *c = &cli_commands[i];
		if (!cli_command_shown(c))
			continue;
		fputs(".PP\n.in +4n\n.ti -4n\n", out);
		synopsis(out, c);
		fputs(".in +3n\n", out);
		text(out, c->help);
		fputs(".in -7n\n", out);
	}
}

/* "-o, --output 文件或文件夹": the shorter name first, as --help has it */
static void option_label(FILE *out, const struct cli_option *o)
{
	const char *a = o->name, *b = o->alias;
	if (b && strlen(b) < strlen(a)) {
		const char *x = a;
		a = b;
		b = x;
	}
	font(out, "B", a);
	if (b) {
		fputs(", ", out);
		font(out, "B", b);
	}
	if (o->arg) {
		fputc(' ', out);
		font(out, "I", o->arg);
	}
	fputc('\n', out);
}

static void sec_options(FILE *out)
{
	static const char *const groups[] = { [GROUP_GENERAL] = NULL, [GROUP_PAPER] = "导出与打印",
	                                      [GROUP_DATA] = "备份与恢复" };
	for (size_t g = 0; g < YS_ARRAY_LEN(groups); g++) {
		if (groups[g]) {
			fputs(".SS ", out);
			text(out, groups[g]);
		}
		for (int o = 0; o < OPT_COUNT; o++) {
			if (cli_options[o].group != (enum cli_group)g)
				continue;
			fputs(".TP\n", out);
			option_label(out, &cli_options[o]);
			text(out, cli_options[o].help);
		}
	}
}

struct keys_state {
	FILE *out;
	char screen[64];
};

static void key_cb(const char *screen, const char *key, const char *help, void *arg)
{
	struct keys_state *ks = arg;
	if (strcmp(ks->screen, screen) != 0) {
		ys_strlcpy(ks->screen, screen, sizeof ks->screen);
		fputs(".PD\n.SS ", ks->out);
		text(ks->out, screen);
		fputs(".PD 0\n", ks->out);
	}
	fputs(".TP\n", ks->out);
	font(ks->out, "B", key);
	fputc('\n', ks->out);
	text(ks->out, help);
}

/* the keys close together (no blank line between them) */
static void sec_keys(FILE *out)
{
	struct keys_state ks = { out, "" };
	ui_keys_each(key_cb, &ks);
	fputs(".PD\n", out);
}

static void sec_environment(FILE *out)
{
	for (size_t i = 0; i < cli_env_count; i++) {
		const struct cli_envvar *e = &cli_env[i];
		fputs(".TP\n", out);
		font(out, "B", e->name);
		if (e->value) {
			fputc('=', out);
			font(out, "I", e->value);
		}
		fputc('\n', out);
		text(out, e->help);
	}
}

/* "0 完成。" lines: the status in bold, then what it means */
static void sec_exit_status(FILE *out)
{
	for (const char *p = cli_exit_status; *p; ) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *line = xasprintf("%.*s", (int)len, p);
		char *sp = strchr(line, ' ');
		if (sp)
			*sp = '\0';
		fputs(".TP\n", out);
		font(out, "B", line);
		fputc('\n', out);
		text(out, sp ? sp + 1 : "");
		free(line);
		p = e ? e + 1 : p + len;
	}
}

static const struct {
	const char *mark;
	void (*write)(FILE *out);
} sections[] = {
	{ "@SYNOPSIS@", sec_synopsis },
	{ "@COMMANDS@", sec_commands },
	{ "@OPTIONS@", sec_options },
	{ "@KEYS@", sec_keys },
	{ "@ENVIRONMENT@", sec_environment },
	{ "@EXIT_STATUS@", sec_exit_status },
};

/* line with @VERSION@ and @DATE@ replaced */
static void substitute(FILE *out, const char *line, const char *date)
{
	for (const char *p = line; *p; ) {
		if (strncmp(p, "@VERSION@", 9) == 0) {
			fputs(YS_VERSION, out);
			p += 9;
		} else if (strncmp(p, "@DATE@", 6) == 0) {
			fputs(date, out);
			p += 6;
		} else {
			fputc(*p++, out);
		}
	}
}

int cli_man(FILE *out, const char *tmpl, const char *date)
{
	FILE *in = fopen(tmpl, "r");
	char line[4096];
	int used[YS_ARRAY_LEN(sections)] = { 0 };
	if (!in) {
		perror(tmpl);
		return -1;
	}
	while (fgets(line, sizeof line, in)) {
		char bare[4096];
		ys_strlcpy(bare, line, sizeof bare);
		bare[strcspn(bare, "\r\n")] = '\0';
		size_t k = 0;
		while (k < YS_ARRAY_LEN(sections) && strcmp(bare, sections[k].mark) != 0)
			k++;
		if (k < YS_ARRAY_LEN(sections)) {
			sections[k].write(out);
			used[k] = 1;
		} else {
			substitute(out, line, date);
		}
	}
	fclose(in);
	for (size_t k = 0; k < YS_ARRAY_LEN(sections); k++)
		if (!used[k]) {
			fprintf(stderr, "%s: the template has no line %s\n", tmpl, sections[k].mark);
			return -1;
		}
	if (fflush(out) != 0 || ferror(out)) {
		perror("writing the manual page");
		return -1;
	}
	return 0;
}
