/* bench.c: speed and memory of the storage paths the screens use, on a
 * database the size of a street office's merged archive.  Not a test: it
 * prints numbers for `make bench` (targets in tests/bench.sh).
 *
 *   bench DB [PROPOSALS] [MINUTES] [PEOPLE]
 * builds DB when it does not exist yet, then times keyset pages at the
 * start, middle and end, counts, searches and minute pages, and reports
 * the peak resident memory before and after the queries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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

static void build(struct store *st, int np, int nm, int npeople)
{
	char err[512];
	struct person p;
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
	}
	struct proposer pp = { .kind = PK_PERSON };
	snprintf(pp.person_id, sizeof pp.person_id, "%s", p.id);
	snprintf(pp.name, sizeof pp.name, "%s", p.name);
	for (int i = 0; i < np; i++) {
		struct proposal pr;
		memset(&pr, 0, sizeof pr);
		snprintf(pr.title, sizeof pr.title, "关于%d栋%s的提议", i % 300 + 1, words[i % 12]);
		pr.content = xasprintf("第%d号议题。居民反映%s问题，建议两委研究解决。", i, words[(i * 7) % 12]);
		snprintf(pr.category, sizeof pr.category, "%s", words[i % 12]);
		if (ops_proposal_new(st, &pr, &pp, 1, err, sizeof err) != 0)
			die("proposal: %s", err);
		free(pr.content);
	}
	struct meeting m;
	memset(&m, 0, sizeof m);
	m.kind = MK_CONSULT;
	snprintf(m.date, sizeof m.date, "2026-11-22");
	snprintf(m.start_time, sizeof m.start_time, "14:00");
	snprintf(m.place, sizeof m.place, "会议室");
	snprintf(m.chair_name, sizeof m.chair_name, "主持人");
	snprintf(m.clerk_name, sizeof m.clerk_name, "记录人");
	const char *free_title[] = { "长会" };
	if (ops_meeting_new(st, &m, NULL, 0, free_title, 1, err, sizeof err) != 0 ||
	    ops_meeting_open(st, m.id, err, sizeof err) != 0)
		die("meeting: %s", err);
	for (int i = 0; i < nm; i++) {
		struct minute mi;
		memset(&mi, 0, sizeof mi);
		snprintf(mi.meeting_id, sizeof mi.meeting_id, "%s", m.id);
		snprintf(mi.speaker, sizeof mi.speaker, "居民%05d", i % npeople);
		mi.text = xasprintf("第%d条发言：关于%s，建议尽快落实，并向居民公开进展。", i, words[i % 12]);
		if (ops_minute_add(st, &mi, err, sizeof err) != 0)
			die("minute: %s", err);
		free(mi.text);
	}
	meeting_clear(&m);
	store_commit(st);
	printf("built: %d people, %d proposals, %d minute lines in %.1f s\n", npeople, np, nm,
	       (now_ms() - t0) / 1e3);
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
	int fresh = access(db, F_OK) != 0;
	ys_clock_set(ys_parse_stamp("2026-11-22 14:00"));
	struct store *st = store_open(db, 1, err, sizeof err);
	if (!st)
		die("%s", err);
	if (fresh) {
		struct community c = { .name = "基准社区" };
		store_community_set(st, &c);
		build(st, np, nm, npeople);
	}
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
	TIME("search 加装电梯 (trigram), 40", 20, n = store_proposal_search(st, "加装电梯", "", page, 40));
	TIME("search 电梯 (2 chars, fallback), 40", 20, n = store_proposal_search(st, "电梯", "", page, 40));
	struct person_query q = { "0123", 0, 1 };
	TIME("roster search by name, 40", 50, n = store_person_page(st, &q, 0, 1, pe, 40));
	struct person_query all = { NULL, 0, 1 };
	TIME("roster page from the middle, 40", 200, n = store_person_page(st, &all, npeople / 2, 1, pe, 40));
	TIME("minutes, newest page (40)", 200, {
		n = store_minute_page(st, mid, 1 << 30, -1, mi, 40);
		for (int j = 0; j < n; j++) minute_clear(&mi[j]);
	});
	TIME("minutes, page in the middle (40)", 200, {
		n = store_minute_page(st, mid, nm / 2, 1, mi, 40);
		for (int j = 0; j < n; j++) minute_clear(&mi[j]);
	});
	for (int i = 0; i < 40; i++)
		proposal_clear(&page[i]);
	long rss1 = peak_kib();
	printf("peak memory after queries: %ld KiB (grew %ld KiB)\n", rss1, rss1 - rss0);
	store_close(st);
	return 0;
}
