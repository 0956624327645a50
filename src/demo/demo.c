/* demo.c: the demo community (军门社区, fictional), written by replaying
 * its 2026 history through the ops layer.
 *
 * The data lives in data/demo/ (*.tsv) and is carried inside the binary
 * (tools/embed.sh).  People, proposals, meetings, sign-ins, minutes,
 * votes, the steps after a decision and the community record itself all
 * go through ops_*(), with the process clock set to the moment each thing
 * happened (replay.c).  The paper that follows a decision (notices, 实施
 * with its progress, objections to a notice, addenda to sealed minutes)
 * is replayed like the rest, and so are a clerk's corrections before the
 * minutes are signed, meetings postponed or cancelled (corrections.tsv),
 * and meetings typed in afterwards from paper (补录, meetings.tsv's
 * entered).  The whole replay is one batch
 * (ops_batch_begin … ops_batch_end): the file is written whole or removed.
 *
 * The TSV files (tsv.c): UTF-8, tab-separated, the first non-comment line
 * is the header (columns are found by name), lines starting with '#' are
 * comments, empty lines are skipped.  Inside a field \n is a newline, \t a
 * tab and \\ a backslash.  All the data is read and checked (read.c)
 * before the file is created, and every problem in it is reported as
 * "data/demo/FILE 第 N 行：…" in Chinese. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/util.h"
#include "demo/demo.h"
#include "ops/ops.h"
#include "store/store.h"
#include "demo_int.h"

/* ---- errors -------------------------------------------------------------- */

int derr(struct demo *d, const char *file, int line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (d->failed)
		return -1;          /* keep the first problem: it explains the rest */
	d->failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!d->err || !d->errlen)
		return -1;
	if (file && line > 0)
		snprintf(d->err, d->errlen, "%s 第 %d 行：%s", file, line, msg);
	else if (file)
		snprintf(d->err, d->errlen, "%s：%s", file, msg);
	else
		snprintf(d->err, d->errlen, "%s", msg);
	return -1;
}

int row_err(struct demo *d, const struct tsv *t, int r, const char *msg)
{
	return derr(d, t->file, t->rows[r].line, "%s", msg);
}

/* ---- the file -------------------------------------------------------------- */

static void demo_free(struct demo *d)
{
	struct tsv *all[] = { &d->community, &d->people, &d->proposals, &d->meetings,
	                      &d->minutes, &d->votes, &d->outcomes, &d->actions,
	                      &d->progress, &d->objections, &d->addenda, &d->corrections };

	for (size_t i = 0; i < YS_ARRAY_LEN(all); i++)
		tsv_free(all[i]);
	for (int i = 0; i < d->nmeets; i++) {
		struct dmeet *m = &d->meets[i];
		strlist_free(&m->agenda);
		strlist_free(&m->free_items);
		strlist_free(&m->leave);
		strlist_free(&m->absent);
		strlist_free(&m->observers);
		free(m->leave_why);
		free(m->agenda_prop);
		free(m->item_id);
		free(m->last_vote);
		free(m->att);
	}
	free(d->meets);
	free(d->objection_id);
	free(d->minute_id);
	free(d->fixes);
	free(d->props);
	free(d->pp);
	free(d->ev);
	diary_free(d);
}

static void remove_db(const char *path)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < YS_ARRAY_LEN(sfx); i++) {
		char *p = xasprintf("%s%s", path, sfx[i]);
		unlink(p);
		free(p);
	}
}

int demo_write(const char *path, char *err, size_t errlen)
{
	struct demo d;
	struct stat sb;
	char oerr[512];
	int rc;

	memset(&d, 0, sizeof d);
	d.err = err;
	d.errlen = errlen;
	if (err && errlen)
		err[0] = '\0';
	if (!path || !*path) {
		derr(&d, NULL, 0, "没有指定演示数据库的路径。");
		return -1;
	}
	if (stat(path, &sb) == 0) {
		derr(&d, NULL, 0, "文件已存在，不会覆盖：%s", path);
		return -1;
	}
	/* read and check all the data before creating anything */
	if (load_all(&d) != 0) {
		demo_free(&d);
		return -1;
	}
	d.st = store_open(path, STORE_CREATE, oerr, sizeof oerr);
	if (!d.st) {
		derr(&d, NULL, 0, "%s", oerr);
		demo_free(&d);
		remove_db(path);
		return -1;
	}
	/* one batch: a demo is written whole or not at all, and fast */
	rc = ops_batch_begin(d.st, oerr, sizeof oerr);
	if (rc != 0)
		derr(&d, NULL, 0, "%s", oerr);
	else {
		rc = replay(&d);
		if (rc == 0 && ops_batch_end(d.st, 1, oerr, sizeof oerr) != 0)
			rc = derr(&d, NULL, 0, "%s", oerr);
		else if (rc != 0)
			ops_batch_end(d.st, 0, oerr, sizeof oerr);
	}
	ys_clock_set(0);
	store_close(d.st);
	if (rc != 0)
		remove_db(path);
	demo_free(&d);
	return rc;
}
