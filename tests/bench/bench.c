/* bench.c: speed and memory of the storage paths the screens use, on a
 * database the size of a street office's merged archive.  Not a test: it
 * prints numbers for `make bench` (targets in tests/bench.sh).
 *
 *   bench DB [PROPOSALS] [MINUTES] [PEOPLE]
 * builds DB when it does not exist yet (PEOPLE people, PROPOSALS
 * proposals, and one 居民会议 whose sign-in sheet holds every household,
 * most of them signed in, with MINUTES lines of minutes), then times keyset
 * pages at the start, middle and end, counts, searches, sign-in and minute
 * pages, and reports the peak resident memory before and after the
 * queries. */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "ops/ops.h"
#include "store/store.h"
#include "base/util.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long peak_kib(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static const char *const words[] = {
	"加装电梯", "停车位改造", "雨污分流", "高空抛物", "广场舞噪声", "楼道堆物",
	"路面硬化", "充电桩", "垃圾分类", "老年食堂", "外墙脱落", "绿化补种",
};

/* The build commits every BATCH operations: one transaction over millions
 * of rows would keep them all in the WAL until its end, and every page
 * read would search an ever longer WAL index (10× took half an hour). */
#define BATCH 20000
#define PER_YEAR 500000

static void batch(struct store *st, int i)
{
	if (i % BATCH == BATCH - 1 && (store_commit(st) != 0 || store_begin(st) != 0))
		die("commit: %s", store_errmsg(st));
}

static void build(struct store *st, int np, int nm, int npeople)
{
	char err[512];
	struct person p;
	char (*pid)[ID_LEN] = xcalloc((size_t)npeople, ID_LEN);
	double t0 = now_ms();
	store_begin(st);
	for (int i = 0; i < npeople; i++) {
		memset(&p, 0, sizeof p);
		snprintf(p.name, sizeof p.name, "居民%05d", i);
		p.roles = ROLE_HOUSEHOLD | (i % 5 == 0 ? ROLE_PARTY : 0) | (i % 40 == 0 ? ROLE_REP : 0)
		        | (i < 7 ? ROLE_PARTY_CMTE | ROLE_RES_CMTE : 0);
		p.active = 1;
		snprintf(p.grid, sizeof p.grid, "第%d网格", i % 8 + 1);
		if (store_person_add(st, &p) != 0)
			die("person: %s", store_errmsg(st));
		memcpy(pid[i], p.id, ID_LEN);
		batch(st, i);
	}
	struct proposer pp = { .kind = PK_PERSON };
	snprintf(pp.person_id, sizeof pp.person_id, "%s", p.id);
	snprintf(pp.name, sizeof pp.name, "%s", p.name);
	double t1 = now_ms();
	/* a number is YEAR-NNNNNN, at most 999,999 a year: a large archive
	 * spans years, at most PER_YEAR proposals each, the last one 2026 */
	int years = (np + PER_YEAR - 1) / PER_YEAR, per = years ? (np + years - 1) / years : 1;
	for (int i = 0; i < np; i++) {
		struct proposal pr;
		if (i % per == 0) {
			char stamp[32];
			snprintf(stamp, sizeof stamp, "%d-11-22 14:00", 2026 - years + 1 + i / per);
			ys_clock_set(ys_parse_stamp(stamp));
		}
		memset(&pr, 0, sizeof pr);
		snprintf(pr.title, sizeof pr.title, "关于%d栋%s的提议", i % 300 + 1, words[i % 12]);
		pr.content = xasprintf("第%d号议题。居民反映%s问题，建议两委研究解决。", i, words[(i * 7) % 12]);
		snprintf(pr.category, sizeof pr.category, "%s", words[i % 12]);
		if (ops_proposal_new(st, &pr, &pp, 1, err, sizeof err) != 0)
			die("proposal: %s", err);
		free(pr.content);
		batch(st, i);
	}
	ys_clock_set(ys_parse_stamp("2026-11-22 14:00"));
	double t2 = now_ms();
	/* the long meeting: a 居民会议, so every household is on its sign-in
	 * sheet (npeople lines), most of them already signed in */
	struct meeting m;
	memset(&m, 0, sizeof m);
	m.kind = MK_RESIDENTS;
	snprintf(m.date, sizeof m.date, "2026-11-22");
	snprintf(m.start_time, sizeof m.start_time, "14:00");
	snprintf(m.place, sizeof m.place, "会议室");
	snprintf(m.chair_name, sizeof m.chair_name, "主持人");
	snprintf(m.clerk_name, sizeof m.clerk_name, "记录人");
	const char *free_title[] = { "长会" };
	if (ops_meeting_new(st, &m, NULL, 0, free_title, 1, err, sizeof err) != 0 ||
	    ops_meeting_open(st, m.id, NULL, err, sizeof err) != 0)
		die("meeting: %s", err);
	for (int i = 0; i < npeople; i++) {
		int status = i % 10 < 6 ? ATT_PRESENT : i % 10 == 6 ? ATT_LEAVE : i % 10 == 7 ? ATT_ABSENT : ATT_NONE;
		if (status != ATT_NONE &&
		    ops_attend(st, m.id, pid[i], status, status == ATT_LEAVE ? "外出务工" : NULL,
		               NULL, err, sizeof err) != 0)
			die("sign-in: %s", err);
		batch(st, i);
	}
	free(pid);
	double t3 = now_ms();
	for (int i = 0; i < nm; i++) {
		struct minute mi;
		memset(&mi, 0, sizeof mi);
		snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", m.id);
		snprintf(mi.speaker, sizeof mi.speaker, "居民%05d", i % npeople);
		mi.text = xasprintf("第%d条发言：关于%s，建议尽快落实，并向居民公开进展。", i, words[i % 12]);
		if (ops_minute_add(st, &mi, err, sizeof err) != 0)
			die("minute: %s", err);
		free(mi.text);
		batch(st, i);
	}
	meeting_clear(&m);
	if (store_commit(st) != 0)
		die("commit: %s", store_errmsg(st));
	double t4 = now_ms();
	printf("built: %d people, %d proposals, %d minute lines, a sign-in sheet of %d in %.1f s\n"
	       "  (people %.1f s, proposals %.1f s, sign-in %.1f s, minutes %.1f s)\n",
	       npeople, np, nm, npeople, (t4 - t0) / 1e3,
	       (t1 - t0) / 1e3, (t2 - t1) / 1e3, (t3 - t2) / 1e3, (t4 - t3) / 1e3);
}

/* DB is built as DB.building by a child process and renamed when it is
 * complete: an interrupted build leaves no half database that a later run
 * would take for a whole one, and the build's memory (a large page cache
 * for the build only) is not in the peak memory the queries report. */
static void build_file(const char *db, int np, int nm, int npeople)
{
	char *tmp = xasprintf("%s.building", db), *wal = xasprintf("%s-wal", tmp),
	     *shm = xasprintf("%s-shm", tmp);
	int status;

	unlink(tmp);
	unlink(wal);
	unlink(shm);
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		char err[512];
		struct store *st = store_open(tmp, STORE_CREATE | STORE_EMPTY_OK, err, sizeof err);
		if (!st)
			die("%s", err);
		/* for the build only: a file that is thrown away when the
		 * machine stops halfway, and 256 MiB of page cache */
		if (sqlite3_exec(store_db(st), "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144",
		                 NULL, NULL, NULL) != SQLITE_OK)
			die("%s", sqlite3_errmsg(store_db(st)));
		struct community c = { .name = "基准社区" };
		if (store_community_set(st, &c) != 0)
			die("community: %s", store_errmsg(st));
		build(st, np, nm, npeople);
		store_close(st);
		fflush(stdout);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("building %s failed", db);
	if (rename(tmp, db) != 0)
		die("rename %s: %s", tmp, strerror(errno));
	free(tmp);
	free(wal);
	free(shm);
}

#define TIME(label, reps, expr) do { \
	double _t = now_ms(); \
	for (int _i = 0; _i < (reps); _i++) { expr; } \
	printf("  %-40s %8.3f ms\n", label, (now_ms() - _t) / (reps)); \
} while (0)

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench DB [PROPOSALS] [MINUTES] [PEOPLE]\n");
		return 2;
	}
	const char *db = argv[1];
	int np = argc > 2 ? atoi(argv[2]) : 100000;
	int nm = argc > 3 ? atoi(argv[3]) : 500000;
	int npeople = argc > 4 ? atoi(argv[4]) : 5000;
	char err[512];
	ys_clock_set(ys_parse_stamp("2026-11-22 14:00"));
	if (access(db, F_OK) != 0)
		build_file(db, np, nm, npeople);
	struct store *st = store_open(db, STORE_CREATE | STORE_EMPTY_OK, err, sizeof err);
	if (!st)
		die("%s", err);
	long rss0 = peak_kib();
	printf("peak memory before queries: %ld KiB\n", rss0);

	struct proposal page[40];
	struct person pe[40];
	struct minute mi[40];
	struct meeting mt[1];
	int n = 0;
	char mid[ID_LEN];
	n = store_meeting_page(st, "", "", mt, 1);
	if (n != 1)
		die("no meeting");
	snprintf(mid, sizeof mid, "%s", mt[0].id);
	meeting_clear(&mt[0]);

	printf("per operation (average):\n");
	TIME("board column, first page (40)", 200, n = store_proposal_page(st, STEP_PROPOSE, "", 1, page, 40));
	TIME("board column, page after 2026-050000", 200,
	     n = store_proposal_page(st, STEP_PROPOSE, "2026-050000", 1, page, 40));
	TIME("board column, last page", 200, n = store_proposal_page(st, STEP_PROPOSE, "9999-999999", -1, page, 40));
	TIME("board column count", 20, n = store_proposal_count(st, STEP_PROPOSE));
	printf("    (count = %d)\n", n);
	TIME("search everywhere 加装电梯 (trigram)", 20, {
		struct search_hit *h;
		n = store_search(st, "加装电梯", &h, NULL);
		search_hits_free(h, n);
	});
	TIME("search everywhere 电梯 (2 chars, LIKE)", 20, {
		struct search_hit *h;
		n = store_search(st, "电梯", &h, NULL);
		search_hits_free(h, n);
	});
	struct person_query q = { "0123", 0, 1, NULL };
	TIME("roster search by name, 40", 50, n = store_person_page(st, &q, 0, 1, pe, 40));
	struct person_query all = { NULL, 0, 1, NULL };
	TIME("roster page from the middle, 40", 200, n = store_person_page(st, &all, npeople / 2, 1, pe, 40));
	TIME("minutes, newest page (40)", 200, {
		n = store_minute_page(st, mid, 1 << 30, -1, mi, 40);
		for (int j = 0; j < n; j++) minute_clear(&mi[j]);
	});
	TIME("minutes, page in the middle (40)", 200, {
		n = store_minute_page(st, mid, nm / 2, 1, mi, 40);
		for (int j = 0; j < n; j++) minute_clear(&mi[j]);
	});
	struct attendance att[40];
	struct attendance_counts ac;
	TIME("sign-in sheet, first page (40)", 200, n = store_attendance_page(st, mid, "", -1, 0, 1, att, 40));
	TIME("sign-in sheet, page in the middle (40)", 200,
	     n = store_attendance_page(st, mid, "", -1, npeople / 2, 1, att, 40));
	TIME("sign-in counts (meetings list, quorum)", 20, store_attendance_counts(st, mid, &ac));
	printf("    (entitled = %d, present = %d)\n", ac.entitled, ac.present);
	TIME("minutes count (live meeting)", 20, n = store_minute_count(st, mid));
	printf("    (count = %d)\n", n);
	for (int i = 0; i < 40; i++)
		proposal_clear(&page[i]);
	long rss1 = peak_kib();
	printf("peak memory after queries: %ld KiB (grew %ld KiB)\n", rss1, rss1 - rss0);
	/* what the file holds (it may have been built with other sizes),
	 * counted after the timings: the peak memory above is theirs */
	sqlite3_stmt *cs;
	if (sqlite3_prepare_v2(store_db(st),
	        "SELECT (SELECT COUNT(*) FROM person), (SELECT COUNT(*) FROM proposal),"
	        " (SELECT COUNT(*) FROM minute), (SELECT MAX(n) FROM (SELECT COUNT(*) AS n"
	        " FROM attendance GROUP BY meeting_id))", -1, &cs, NULL) != SQLITE_OK ||
	    sqlite3_step(cs) != SQLITE_ROW)
		die("%s", sqlite3_errmsg(store_db(st)));
	printf("contents: %d people, %d proposals, %d minute lines, a sign-in sheet of %d\n",
	       sqlite3_column_int(cs, 0), sqlite3_column_int(cs, 1), sqlite3_column_int(cs, 2),
	       sqlite3_column_int(cs, 3));
	sqlite3_finalize(cs);
	store_close(st);
	return 0;
}
