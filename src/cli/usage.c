/* usage.c: `yishiting --help`, written from the tables of table.c, and
 * the synopses that the usage errors and the manual page show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "base/text.h"
#include "base/util.h"

#define WIDTH 79         /* the help fits an 80-column terminal */
#define HELP_COL 28      /* where an option's help starts */

/* a and b are shown as one line ("list meetings|proposals|notices") */
static int same_shape(const struct cli_command *a, const struct cli_command *b)
{
	return a->name && b->name && a->sub && b->sub && strcmp(a->name, b->name) == 0 &&
	       a->takes == b->takes && a->required == b->required && strcmp(a->help, b->help) == 0;
}

int cli_command_shown(const struct cli_command *c)
{
	for (const struct cli_command *p = cli_commands; p < c; p++)
		if (same_shape(p, c))
			return 0;
	return 1;
}

int cli_synopsis(const struct cli_command *c, struct syn_token *t, int max)
{
	int n = 0;
	if (c->name && n < max) {
		t[n] = (struct syn_token){ .kind = SYN_WORD };
		ys_strlcpy(t[n++].text, c->name, sizeof t->text);
	}
	if (c->sub && n < max) {
		struct strbuf sb = { 0 };
		for (size_t i = 0; i < cli_command_count; i++) {
			const struct cli_command *k = &cli_commands[i];
			if (k == c || same_shape(k, c)) {
				if (sb.len)
					sb_add(&sb, "|");
				sb_add(&sb, k->sub);
			}
		}
		t[n] = (struct syn_token){ .kind = SYN_WORD };
		ys_strlcpy(t[n++].text, sb.s, sizeof t->text);
		sb_free(&sb);
	}
	if (c->arg[ARG_OPERAND] && n < max) {
		t[n] = (struct syn_token){ .kind = SYN_OPERAND };
		ys_strlcpy(t[n++].text, c->arg[ARG_OPERAND], sizeof t->text);
	}
	for (int o = 0; o < OPT_COUNT && n < max; o++) {
		if (!(c->takes & OPT(o)) || cli_options[o].testing)
			continue;
		t[n] = (struct syn_token){ .kind = SYN_OPTION, .optional = !(c->required & OPT(o)) };
		ys_strlcpy(t[n].text, cli_options[o].name, sizeof t->text);
		t[n++].arg = c->arg[o] ? c->arg[o] : cli_options[o].arg;
	}
	return n;
}

static char *token_text(const struct syn_token *t)
{
	return xasprintf("%s%s%s%s%s", t->optional ? "[" : "", t->text, t->arg ? " " : "",
	                 t->arg ? t->arg : "", t->optional ? "]" : "");
}

char *cli_synopsis_text(const struct cli_command *c)
{
	struct syn_token t[OPT_COUNT + 2];
	struct strbuf sb = { 0 };
	int n = cli_synopsis(c, t, (int)YS_ARRAY_LEN(t));
	sb_add(&sb, "yishiting");
	for (int i = 0; i < n; i++) {
		char *s = token_text(&t[i]);
		sb_addf(&sb, " %s", s);
		free(s);
	}
	return sb_steal(&sb);
}

/* c's synopsis, indented, wrapped under its options */
static void synopsis_lines(FILE *out, const struct cli_command *c)
{
	struct syn_token t[OPT_COUNT + 2];
	struct strbuf sb = { 0 };
	int n = cli_synopsis(c, t, (int)YS_ARRAY_LEN(t));
	sb_add(&sb, "  yishiting");
	int i = 0;
	for (; i < n && t[i].kind != SYN_OPTION; i++)
		sb_addf(&sb, " %s", t[i].text);
	int hang = text_width(sb.s) + 1, col = hang - 1;
	for (; i < n; i++) {
		char *s = token_text(&t[i]);
		int w = text_width(s);
		if (col + 1 + w > WIDTH) {
			sb_addf(&sb, "\n%*s%s", hang, "", s);
			col = hang + w;
		} else {
			sb_addf(&sb, " %s", s);
			col += 1 + w;
		}
		free(s);
	}
	fprintf(out, "%s\n", sb.s);
	sb_free(&sb);
}

struct item_state {
	FILE *out;
	int pad;
};

static void item_line(const char *line, size_t n, void *arg)
{
	struct item_state *is = arg;
	fprintf(is->out, "%*s%.*s\n", is->pad, "", (int)n, line);
	is->pad = HELP_COL;
}

static void block_line(const char *line, size_t n, void *arg)
{
	struct item_state *is = arg;
	fprintf(is->out, "%*s%.*s\n", is->pad, "", (int)n, line);
}

/* text wrapped to the help's width, every line indented */
static void block(FILE *out, int indent, const char *text)
{
	struct item_state is = { out, indent };
	text_wrap(text, WIDTH - indent, block_line, &is);
}

/* "  LABEL    help", the help wrapped under its first line */
static void item(FILE *out, const char *label, const char *help)
{
	struct item_state is = { out, 0 };
	int w = 2 + text_width(label);
	fprintf(out, "  %s", label);
	if (w + 2 > HELP_COL) {
		fputc('\n', out);
		is.pad = HELP_COL;
	} else {
		is.pad = HELP_COL - w;
	}
	text_wrap(help, WIDTH - HELP_COL, item_line, &is);
}

static char *option_label(const struct cli_option *o)
{
	const char *a = o->name, *b = o->alias;
	if (b && strlen(b) < strlen(a)) {
		const char *x = a;
		a = b;
		b = x;
	}
	return xasprintf("%s%s%s%s%s", a, b ? ", " : "", b ? b : "", o->arg ? " " : "",
	                 o->arg ? o->arg : "");
}

void cli_usage_short(FILE *out)
{
	fprintf(out, "用法：yishiting [--db 路径] [--mono]\n"
	        "      yishiting 命令 [种类] --db 路径 [选项]\n"
	        "      yishiting %s | %s\n", cli_options[OPT_HELP].name, cli_options[OPT_VERSION].name);
}

void cli_usage(FILE *out)
{
	static const char *const groups[] = { [GROUP_GENERAL] = "选项：", [GROUP_PAPER] = "导出与打印的选项：",
	                                      [GROUP_DATA] = "备份与恢复的选项：" };

	cli_usage_short(out);
	fprintf(out, "\n%s\n\n命令：\n", cli_summary);
	for (size_t i = 0; i < cli_command_count; i++) {
		const struct cli_command *c = &cli_commands[i];
		if (!cli_command_shown(c))
			continue;
		synopsis_lines(out, c);
		block(out, 6, c->help);
	}
	for (size_t g = 0; g < YS_ARRAY_LEN(groups); g++) {
		fprintf(out, "\n%s\n", groups[g]);
		for (int o = 0; o < OPT_COUNT; o++) {
			if (cli_options[o].group != (enum cli_group)g)
				continue;
			char *label = option_label(&cli_options[o]);
			item(out, label, cli_options[o].help);
			free(label);
		}
	}
	fputs("\n环境变量：\n", out);
	for (size_t i = 0; i < cli_env_count; i++) {
		const struct cli_envvar *e = &cli_env[i];
		char *label = xasprintf("%s%s%s", e->name, e->value ? "=" : "", e->value ? e->value : "");
		item(out, label, e->help);
		free(label);
	}
	fputs("\n退出状态：\n", out);
	block(out, 2, cli_exit_status);
	fputs("\n完整的说明（每个命令、选项、按键）：man yishiting\n", out);
}
