/* keys.c: the whole program measured, for `make bench` (see tests/bench.sh).
 * Runs the real yishiting in a pseudo-terminal of 80×24 (TERM
 * xterm-256color, LANG C.UTF-8, YISHITING_FRAME_MARK=1, the clock fixed)
 * and times it by the mark it writes after every frame it draws
 * (ESC ] 7775 ; f BEL).  Not a test: it prints numbers.
 *
 *   bench-keys frame RUNS SQL BIN DB
 *       start → first frame of `BIN --db DB --exit-after-first-frame`,
 *       against the floor: `sqlite3 DB` running the statements in SQL (the
 *       queries of that first frame); RUNS runs of each, alternating, after
 *       one unmeasured run of each; medians and their ratio.
 *   bench-keys keys BIN NAME DB [NAME DB]
 *       a scripted session of keystrokes on each DB, one key at a time,
 *       each timed from its write to the frame mark; median and p99 per
 *       kind of keystroke, and the peak memory of the program (max RSS of
 *       the child, from wait4).
 *   bench-keys pty CMD [ARG...]
 *       runs CMD in the same pseudo-terminal and environment, its output
 *       read and dropped; exits with its status (for strace and the SQL
 *       trace, which need a terminal for the program). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TARGET_KEY_P99_MS  5.0
#define TARGET_FRAME_RATIO 1.5
#define TARGET_MEM_GROWTH  0.10     /* "flat": the 10× peak within 10 % */
#define MARK_TIMEOUT_MS    30000
#define SETTLE_MS          5        /* quiet time after a frame before the next key */

static const char MARK[] = "\033]7775;f\007";
#define MARK_LEN (sizeof MARK - 1)

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench-keys: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* sorts v; the nearest-rank percentile q (0..1) */
static double pct(double *v, int n, double q)
{
	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	int k = (int)(q * n + 0.999999);
	if (k < 1)
		k = 1;
	return v[k - 1];
}

static double median(double *v, int n)
{
	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- the program in a pseudo-terminal ------------------------------------ */

struct child {
	pid_t pid;
	int fd;
	char tail[MARK_LEN];    /* the end of the output so far: a mark may be split */
	size_t ntail;
	int eof;
	long marks;             /* frame marks seen */
};

static void child_env(void)
{
	setenv("TERM", "xterm-256color", 1);
	setenv("LANG", "C.UTF-8", 1);
	unsetenv("LC_ALL");
	unsetenv("LC_CTYPE");
	setenv("YISHITING_FRAME_MARK", "1", 1);
	/* the clock the bench database was built for, unless one is given */
	setenv("YISHITING_NOW", "2026-11-22 14:05", 0);
}

static void spawn(struct child *c, char *const argv[])
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };

	memset(c, 0, sizeof *c);
	c->pid = forkpty(&c->fd, NULL, NULL, &ws);
	if (c->pid < 0)
		die("forkpty: %s", strerror(errno));
	if (c->pid == 0) {
		child_env();
		execvp(argv[0], argv);
		fprintf(stderr, "bench-keys: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
}

/* count the marks in what was read, including one split across reads */
static void scan(struct child *c, const char *buf, size_t n)
{
	char win[sizeof c->tail + 4096];
	size_t len = 0, i;

	while (n > 0) {
		size_t take = n < 4096 ? n : 4096;
		memcpy(win, c->tail, c->ntail);
		memcpy(win + c->ntail, buf, take);
		len = c->ntail + take;
		for (i = 0; i + MARK_LEN <= len; i++)
			if (win[i] == MARK[0] && memcmp(win + i, MARK, MARK_LEN) == 0) {
				c->marks++;
				/* a mark is never counted twice: drop it */
				memset(win + i, 0, MARK_LEN);
				i += MARK_LEN - 1;
			}
		c->ntail = len < MARK_LEN - 1 ? len : MARK_LEN - 1;
		memcpy(c->tail, win + len - c->ntail, c->ntail);
		buf += take;
		n -= take;
	}
}

/* read what is there within timeout_ms; 0 when nothing came */
static int pump(struct child *c, int timeout_ms)
{
	struct pollfd p = { .fd = c->fd, .events = POLLIN };
	char buf[65536];

	if (c->eof)
		return 0;
	int r = poll(&p, 1, timeout_ms);
	if (r < 0) {
		if (errno == EINTR)
			return 1;
		die("poll: %s", strerror(errno));
	}
	if (r == 0)
		return 0;
	ssize_t n = read(c->fd, buf, sizeof buf);
	if (n <= 0) {
		/* EIO: the program has closed the terminal (it exited) */
		if (n < 0 && errno == EINTR)
			return 1;
		c->eof = 1;
		return 0;
	}
	scan(c, buf, (size_t)n);
	return 1;
}

/* until the next frame mark; its time in ms after t0, -1 if the program
 * ended or took longer than MARK_TIMEOUT_MS */
static double wait_mark(struct child *c, double t0)
{
	long want = c->marks + 1;

	while (c->marks < want) {
		if (c->eof || now_ms() - t0 > MARK_TIMEOUT_MS)
			return -1;
		pump(c, 100);
	}
	return now_ms() - t0;
}

/* read until the program has been quiet for SETTLE_MS: what it draws after
 * its mark (a dialog box over the frame) is not left for the next key */
static void settle(struct child *c)
{
	while (pump(c, SETTLE_MS))
		;
}

/* read to the end, reap; the child's peak memory (KiB) into *rss */
static int finish(struct child *c, long *rss)
{
	struct rusage ru;
	int status;

	while (!c->eof)
		pump(c, 1000);
	if (wait4(c->pid, &status, 0, &ru) < 0)
		die("wait4: %s", strerror(errno));
	close(c->fd);
	if (rss)
		*rss = ru.ru_maxrss;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void send_key(struct child *c, const char *bytes)
{
	size_t n = strlen(bytes);
	while (n > 0) {
		ssize_t w = write(c->fd, bytes, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			die("write to the terminal: %s", strerror(errno));
		}
		bytes += w;
		n -= (size_t)w;
	}
}

/* ---- frame: start to first frame, against sqlite3 ------------------------ */

static int count_statements(const char *sql)
{
	FILE *f = fopen(sql, "r");
	int n = 0, ch, prev = '\n';
	if (!f)
		die("%s: %s", sql, strerror(errno));
	/* one statement a line, each ending in ";" (sqltrace.c writes them so) */
	while ((ch = getc(f)) != EOF) {
		if (ch == '\n' && prev == ';')
			n++;
		prev = ch;
	}
	fclose(f);
	return n;
}

/* sqlite3 DB < SQL, output dropped: ms from fork to exit */
static double run_floor(const char *sql, const char *db)
{
	double t0 = now_ms();
	int status;
	pid_t pid = fork();

	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		int in = open(sql, O_RDONLY), out = open("/dev/null", O_WRONLY);
		if (in < 0 || out < 0)
			_exit(126);
		dup2(in, 0);
		dup2(out, 1);
		execlp("sqlite3", "sqlite3", "-batch", "-bail", "-init", "/dev/null", db, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		die("waitpid: %s", strerror(errno));
	double t = now_ms() - t0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("sqlite3 %s < %s failed (status %d)", db, sql, status);
	return t;
}

/* the program to its first frame and on to its exit */
static void run_program(const char *bin, const char *db, double *first, double *exit_ms, long *rss)
{
	char *argv[] = { (char *)bin, "--db", (char *)db, "--exit-after-first-frame", NULL };
	struct child c;
	double t0 = now_ms();

	spawn(&c, argv);
	*first = wait_mark(&c, t0);
	int rc = finish(&c, rss);
	*exit_ms = now_ms() - t0;
	if (*first < 0 || rc != 0)
		die("%s --db %s drew no first frame (exit status %d)", bin, db, rc);
}

static int cmd_frame(int runs, const char *sql, const char *bin, const char *db)
{
	double *first = calloc((size_t)runs, sizeof *first);
	double *ex = calloc((size_t)runs, sizeof *ex);
	double *fl = calloc((size_t)runs, sizeof *fl);
	long rss = 0, r;
	double a, b;

	if (!first || !ex || !fl)
		die("out of memory");
	/* one of each first: the file in the page cache for both */
	run_program(bin, db, &a, &b, &r);
	run_floor(sql, db);
	for (int i = 0; i < runs; i++) {
		run_program(bin, db, &first[i], &ex[i], &r);
		if (r > rss)
			rss = r;
		fl[i] = run_floor(sql, db);
	}
	double mf = median(first, runs), me = median(ex, runs), mfl = median(fl, runs);
	double ratio = mfl > 0 ? mf / mfl : 0;
	printf("  yishiting: start → first frame drawn   %8.2f ms  (median of %d; p99 %.2f ms)\n",
	       mf, runs, pct(first, runs, 0.99));
	printf("  yishiting: start → exit after it       %8.2f ms  (peak memory %ld KiB)\n", me, rss);
	printf("  floor: sqlite3, the same %d statements %8.2f ms  (start → exit, median of %d)\n",
	       count_statements(sql), mfl, runs);
	printf("  ratio first frame / floor              %8.2f×    target ≤ %.1f×  %s\n",
	       ratio, TARGET_FRAME_RATIO, ratio <= TARGET_FRAME_RATIO ? "✓" : "✗");
	free(first);
	free(ex);
	free(fl);
	return 0;
}

/* ---- keys: a scripted session ---------------------------------------------- */

/* xterm's keys with the keypad in application mode, as curses asks for */
#define K_DOWN  "\033OB"
#define K_PGDN  "\033[6~"
#define K_PGUP  "\033[5~"
#define K_ENTER "\r"
#define K_ESC   "\033"

struct step { int kind; const char *bytes; };

static const char *const kinds[] = {
	"board PgDn", "board Down", "board j", "board PgUp",
	"dossier: Enter opens", "dossier: Esc back (*)",
	"3 roster", "roster: s prompt", "roster: ^U, type 居民012", "roster: Enter searches",
	"2 meetings", "meeting: Enter, sign-in list", "sign-in Down", "sign-in PgDn",
	"meeting: Esc back (*)", "1 board",
};
enum {
	S_PGDN, S_DOWN, S_J, S_PGUP, S_DOSSIER, S_DOSSIER_ESC, S_ROSTER, S_SLASH, S_TYPE,
	S_SEARCH, S_MEETINGS, S_LIVE, S_ATT_DOWN, S_ATT_PGDN, S_LIVE_ESC, S_BOARD, S_KINDS
};

#define MAX_STEPS 2048
static struct step script[MAX_STEPS];
static int nscript;

static void add(int kind, const char *bytes, int times)
{
	for (int i = 0; i < times; i++) {
		if (nscript == MAX_STEPS)
			die("script too long");
		script[nscript].kind = kind;
		script[nscript].bytes = bytes;
		nscript++;
	}
}

static void make_script(void)
{
	add(S_PGDN, K_PGDN, 100);
	add(S_DOWN, K_DOWN, 100);
	add(S_J, "j", 100);
	add(S_PGUP, K_PGUP, 50);
	for (int i = 0; i < 20; i++) {
		add(S_DOSSIER, K_ENTER, 1);
		add(S_DOSSIER_ESC, K_ESC, 1);
		add(S_DOWN, K_DOWN, 1);
	}
	for (int i = 0; i < 10; i++) {
		add(S_ROSTER, "3", 1);
		add(S_SLASH, "s", 1);
		add(S_TYPE, "\025", 1);                 /* ^U: the last search away */
		/* one character a write, as an input method sends them */
		add(S_TYPE, "居", 1);
		add(S_TYPE, "民", 1);
		add(S_TYPE, "0", 1);
		add(S_TYPE, "1", 1);
		add(S_TYPE, "2", 1);
		add(S_SEARCH, K_ENTER, 1);
		add(S_MEETINGS, "2", 1);
		add(S_LIVE, K_ENTER, 1);
		add(S_ATT_DOWN, K_DOWN, 10);
		add(S_ATT_PGDN, K_PGDN, 10);
		add(S_LIVE_ESC, K_ESC, 1);
		add(S_BOARD, "1", 1);
	}
}

struct session {
	const char *name;
	double first;
	double *t[S_KINDS];
	int n[S_KINDS];
	long rss;
	long frames;
};

static void play(const char *bin, const char *db, struct session *s)
{
	char *argv[] = { (char *)bin, "--db", (char *)db, NULL };
	struct child c;
	double t0 = now_ms();

	for (int k = 0; k < S_KINDS; k++) {
		s->t[k] = calloc((size_t)nscript, sizeof *s->t[k]);
		if (!s->t[k])
			die("out of memory");
	}
	spawn(&c, argv);
	s->first = wait_mark(&c, t0);
	if (s->first < 0)
		die("%s --db %s drew no first frame", bin, db);
	settle(&c);
	for (int i = 0; i < nscript; i++) {
		double t = now_ms();
		send_key(&c, script[i].bytes);
		double d = wait_mark(&c, t);
		if (d < 0)
			die("%s: no frame after key %d of the script (%s)", db, i + 1, kinds[script[i].kind]);
		s->t[script[i].kind][s->n[script[i].kind]++] = d;
		settle(&c);
	}
	send_key(&c, "q");
	int rc = finish(&c, &s->rss);
	if (rc != 0)
		die("%s --db %s exited with status %d after q", bin, db, rc);
	s->frames = c.marks;
}

static int cmd_keys(const char *bin, int nsess, char **names, char **dbs)
{
	struct session s[2];
	int ok = 1;

	make_script();
	for (int i = 0; i < nsess; i++) {
		memset(&s[i], 0, sizeof s[i]);
		s[i].name = names[i];
		play(bin, dbs[i], &s[i]);
	}
	printf("  %-32s %5s", "keystroke (ms to its frame)", "n");
	for (int i = 0; i < nsess; i++)
		printf("  %5s median    p99", s[i].name);
	printf("  target p99 < %.0f ms\n", TARGET_KEY_P99_MS);
	for (int k = 0; k < S_KINDS; k++) {
		int good = 1;
		/* kinds[] is UTF-8: pad by columns, not bytes (the CJK take two) */
		int cols = 0;
		for (const unsigned char *p = (const unsigned char *)kinds[k]; *p; p++)
			if ((*p & 0xc0) != 0x80)
				cols += *p >= 0xe0 ? 2 : 1;
		printf("  %s%*s %5d", kinds[k], cols < 32 ? 32 - cols : 0, "", s[0].n[k]);
		for (int i = 0; i < nsess; i++) {
			double p99 = pct(s[i].t[k], s[i].n[k], 0.99);
			double med = median(s[i].t[k], s[i].n[k]);
			printf("  %12.2f %6.2f", med, p99);
			if (p99 >= TARGET_KEY_P99_MS)
				good = 0;
		}
		printf("  %s\n", good ? "✓" : "✗");
		if (!good)
			ok = 0;
	}
	printf("  (*) Esc: curses waits ESCDELAY (the program sets 50 ms) to tell a lone Esc\n"
	       "      from the start of an escape sequence; that wait is in these times.\n");
	printf("  every keystroke p99 < %.0f ms: %s\n", TARGET_KEY_P99_MS, ok ? "✓" : "✗");
	for (int i = 0; i < nsess; i++)
		printf("  %s: start → first frame %.2f ms; %d keys, %ld frames drawn; peak memory (max RSS) %ld KiB\n",
		       s[i].name, s[i].first, nscript, s[i].frames, s[i].rss);
	if (nsess == 2) {
		double g = s[0].rss > 0 ? (double)(s[1].rss - s[0].rss) / (double)s[0].rss : 0;
		printf("  memory %s → %s: %+ld KiB (%+.1f %%)  target flat (within %.0f %%)  %s\n",
		       s[0].name, s[1].name, s[1].rss - s[0].rss, g * 100, TARGET_MEM_GROWTH * 100,
		       g <= TARGET_MEM_GROWTH ? "✓" : "✗");
	}
	for (int i = 0; i < nsess; i++)
		for (int k = 0; k < S_KINDS; k++)
			free(s[i].t[k]);
	return 0;
}

static int cmd_pty(char **argv)
{
	struct child c;
	spawn(&c, argv);
	return finish(&c, NULL);
}

int main(int argc, char **argv)
{
	if (argc >= 6 && strcmp(argv[1], "frame") == 0) {
		int runs = atoi(argv[2]);
		if (runs < 1)
			die("RUNS must be at least 1");
		return cmd_frame(runs, argv[3], argv[4], argv[5]);
	}
	if ((argc == 5 || argc == 7) && strcmp(argv[1], "keys") == 0) {
		char *names[2] = { argv[3], argc == 7 ? argv[5] : NULL };
		char *dbs[2] = { argv[4], argc == 7 ? argv[6] : NULL };
		return cmd_keys(argv[2], argc == 7 ? 2 : 1, names, dbs);
	}
	if (argc >= 3 && strcmp(argv[1], "pty") == 0)
		return cmd_pty(argv + 2);
	fprintf(stderr, "usage: bench-keys frame RUNS SQL BIN DB\n"
	                "       bench-keys keys BIN NAME DB [NAME DB]\n"
	                "       bench-keys pty CMD [ARG...]\n");
	return 2;
}
