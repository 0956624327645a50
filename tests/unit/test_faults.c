/* test_faults.c: the program's writes under I/O failures, as SQLite tests
 * itself.  A VFS shim over the default one makes the Nth write, sync or
 * truncate fail (an I/O error, or a full disk), once or from then on; for
 * every N the clerk's operations run (people and proposals saved, a meeting
 * signed in, minuted, voted on, closed and sealed), and then the file,
 * reopened without faults, must be
 * sound (SQLite's integrity check and the program's own checks), and hold
 * exactly what was reported saved: nothing half-written, nothing reported
 * saved and lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "t.h"
#include "fixture.h"
#include "model/core.h"
#include "ops/ops.h"
#include "ops/seal.h"
#include "store/store.h"
#include "base/util.h"

/* ---- the shim ------------------------------------------------------------ */

static struct {
	int countdown;       /* writes left before the failure; < 0: none */
	int persistent;      /* keep failing after the first */
	int full;            /* SQLITE_FULL rather than an I/O error */
	int failed;          /* how many were failed */
} fault = { -1, 0, 0, 0 };

struct ffile {
	sqlite3_file base;
	sqlite3_file *real;  /* follows this struct in the same allocation */
};

static sqlite3_vfs *real_vfs;
static sqlite3_vfs faulty;

static int trip(void)
{
	if (fault.countdown < 0)
		return 0;
	if (fault.countdown > 0) {
		fault.countdown--;
		return 0;
	}
	fault.failed++;
	if (!fault.persistent)
		fault.countdown = -1;
	return 1;
}

#define REAL(f) (((struct ffile *)(f))->real)
static int f_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
	return rc;
}
static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
	return REAL(f)->pMethods->xRead(REAL(f), b, n, o);
}
static int f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
	if (trip())
		return fault.full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
	return REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (trip())
		return SQLITE_IOERR_TRUNCATE;
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int f_sync(sqlite3_file *f, int flags)
{
	if (trip())
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int f_size(sqlite3_file *f, sqlite3_int64 *s)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), s);
}
static int f_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}
static int f_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}
static int f_reserved(sqlite3_file *f, int *r)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r);
}
static int f_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int f_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int f_device(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int f_shm_map(sqlite3_file *f, int pg, int sz, int ext, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, pp);
}
static int f_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void f_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int f_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}
static int f_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), o, n, pp);
}
static int f_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), o, p);
}

static const sqlite3_io_methods f_methods = {
	3, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock, f_unlock, f_reserved,
	f_control, f_sector, f_device, f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap,
	f_fetch, f_unfetch,
};

static int f_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
	struct ffile *ff = (struct ffile *)f;
	int rc;

	(void)v;
	ff->real = (sqlite3_file *)&ff[1];
	rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out);
	/* the methods only when the real file has them: a failed open is
	 * closed through them otherwise */
	f->pMethods = ff->real->pMethods ? &f_methods : NULL;
	return rc;
}

static int f_delete(sqlite3_vfs *v, const char *name, int sync)
{
	(void)v;
	return real_vfs->xDelete(real_vfs, name, sync);
}
static int f_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	(void)v;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}
static int f_full(sqlite3_vfs *v, const char *name, int n, char *out)
{
	(void)v;
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}
static void *f_dlopen(sqlite3_vfs *v, const char *p) { (void)v; return real_vfs->xDlOpen(real_vfs, p); }
static void f_dlerror(sqlite3_vfs *v, int n, char *m) { (void)v; real_vfs->xDlError(real_vfs, n, m); }
static void (*f_dlsym(sqlite3_vfs *v, void *h, const char *s))(void)
{
	(void)v;
	return real_vfs->xDlSym(real_vfs, h, s);
}
static void f_dlclose(sqlite3_vfs *v, void *h) { (void)v; real_vfs->xDlClose(real_vfs, h); }
static int f_random(sqlite3_vfs *v, int n, char *b) { (void)v; return real_vfs->xRandomness(real_vfs, n, b); }
static int f_sleep(sqlite3_vfs *v, int us) { (void)v; return real_vfs->xSleep(real_vfs, us); }
static int f_time(sqlite3_vfs *v, double *t) { (void)v; return real_vfs->xCurrentTime(real_vfs, t); }
static int f_lasterr(sqlite3_vfs *v, int n, char *b)
{
	(void)v;
	return real_vfs->xGetLastError ? real_vfs->xGetLastError(real_vfs, n, b) : 0;
}
static int f_time64(sqlite3_vfs *v, sqlite3_int64 *t)
{
	(void)v;
	return real_vfs->xCurrentTimeInt64(real_vfs, t);
}

static void install(void)
{
	real_vfs = sqlite3_vfs_find(NULL);
	faulty = (sqlite3_vfs){
		2, (int)sizeof(struct ffile) + real_vfs->szOsFile, real_vfs->mxPathname, NULL, "faulty",
		NULL, f_open, f_delete, f_access, f_full, f_dlopen, f_dlerror, f_dlsym, f_dlclose,
		f_random, f_sleep, f_time, f_lasterr, f_time64, NULL, NULL, NULL,
	};
	/* the default from now on: the program opens its files through it */
	sqlite3_vfs_register(&faulty, 1);
}

/* ---- the workload ---------------------------------------------------------- */

static char err[512];

/* what the operations reported saved */
struct saved {
	int people, proposals, meetings, present, minutes, votes, seals;
};

static int add_person(struct store *st, int i)
{
	struct person p;

	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "居民%03d", i);
	p.roles = ROLE_REP;
	return ops_person_save(st, &p, err, sizeof err);
}

static int add_proposal(struct store *st, int i, const char *person_id)
{
	struct proposal p;
	struct proposer who;

	memset(&p, 0, sizeof p);
	memset(&who, 0, sizeof who);
	snprintf(p.title, sizeof p.title, "楼道照明第%d项", i);
	p.content = (char *)"楼道灯损坏，居民反映夜间出行不便。";
	who.kind = PK_PERSON;
	ys_strlcpy(who.person_id, person_id, sizeof who.person_id);
	ys_strlcpy(who.name, "居民001", sizeof who.name);
	return ops_proposal_new(st, &p, &who, 1, err, sizeof err);
}

/* the proposal every run's meeting takes up, made in the base file */
static char base_pid[ID_LEN];

/* the operations, every kind the clerk does: each reported saved is
 * counted; one that fails leaves the ones after it to fail or not as they
 * will (a meeting never made cannot be opened) */
static void workload(struct store *st, struct saved *t, const char *first_person)
{
	struct meeting m;
	struct vote v;
	char mid[ID_LEN] = "", aid[ID_LEN] = "";
	const char *pids[] = { base_pid };

	for (int i = 0; i < 2; i++) {
		if (add_person(st, 100 + i) == 0)
			t->people++;
		if (add_proposal(st, i, first_person) == 0)
			t->proposals++;
	}
	fx_db_use(st);
	fx_meeting_fill(&m, MK_LIANGWEI, "2026-11-22", "14:00", -1);
	if (fx_meeting_new(&m, pids, 1, NULL, 0, mid) == 0)
		t->meetings++;
	else if (getenv("FAULTS_DEBUG"))
		printf("meeting: %s\n", fx_err());
	meeting_clear(&m);
	if (!mid[0])
		return;
	if (ops_meeting_open(st, mid, "14:00", err, sizeof err) != 0) {
		if (getenv("FAULTS_DEBUG"))
			printf("open: %s\n", err);
		return;
	}
	for (int i = 0; i < FX_PARTY; i++)
		if (fx_attend(mid, i, ATT_PRESENT, NULL) == 0)
			t->present++;
	for (int i = 0; i < 2; i++) {
		struct minute mi = { .text = (char *)"同意提交党员大会审议。" };
		ys_strlcpy(mi.meeting_id, mid, sizeof mi.meeting_id);
		snprintf(mi.at, sizeof mi.at, "14:1%d", i);
		if (ops_minute_add(st, &mi, err, sizeof err) == 0)
			t->minutes++;
	}
	if (fx_agenda(mid, 1, aid) == 0 && fx_hands(mid, aid, FX_PARTY, 0, 0, &v) == 0)
		t->votes++;
	struct close_req cr = { .outcome = OC_FORWARD };
	if (ops_item_close(st, mid, aid, &cr, err, sizeof err) != 0 && getenv("FAULTS_DEBUG"))
		printf("item: %s\n", err);
	if (ops_meeting_close(st, mid, 0, "15:00", err, sizeof err) != 0 && getenv("FAULTS_DEBUG"))
		printf("close: %s\n", err);
	if (ops_seal(st, mid, NULL, NULL, err, sizeof err) == 0)
		t->seals++;
	else if (getenv("FAULTS_DEBUG"))
		printf("seal: %s (vote %d)\n", err, t->votes);
}

static int count(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	int n = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

static int total_seals;      /* seals reported over all the runs */

/* the database every run starts from: one person, made without faults
 * (once: a copy of the file is quicker than making the schema again) */
static char base_path[512];

static int copy_file(const char *from, const char *to)
{
	FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
	char buf[65536];
	size_t n;
	int rc = a && b ? 0 : -1;

	while (rc == 0 && (n = fread(buf, 1, sizeof buf, a)) > 0)
		if (fwrite(buf, 1, n, b) != n)
			rc = -1;
	if (a)
		fclose(a);
	if (b && fclose(b) != 0)
		rc = -1;
	return rc;
}

static void one_run(const char *path, int at, int persistent, int full, int *tripped)
{
	struct store *st;
	struct saved t = { 0, 0, 0, 0, 0, 0, 0 };
	int people0, props0, problems;
	char pid[ID_LEN];

	fault.countdown = -1;
	fx_db_unlink(path);
	if (!base_path[0]) {
		snprintf(base_path, sizeof base_path, "%s", fx_path("faults-base.db"));
		fx_db_unlink(base_path);
		st = store_open(base_path, STORE_CREATE, err, sizeof err);
		CHECK(st != NULL);
		if (!st)
			return;
		CHECK_INT(add_person(st, 1), 0);
		fx_db_use(st);
		fx_at("2026-11-20 09:00");
		CHECK_INT(fx_small_community(NULL), FX_SMALL_COUNT);
		CHECK_INT(fx_proposal("楼顶防水修缮", NULL, FX_SEC, base_pid, NULL), 0);
		store_close(st);
		/* the meeting of every run is entered afterwards, that evening */
		fx_at("2026-11-22 19:00");
	}
	CHECK_INT(copy_file(base_path, path), 0);
	st = store_open(path, 0, err, sizeof err);
	if (!st) {
		CHECK(st != NULL);
		return;
	}
	people0 = count(st, "SELECT COUNT(*) FROM person");
	props0 = count(st, "SELECT COUNT(*) FROM proposal");
	int meet0 = count(st, "SELECT COUNT(*) FROM meeting");
	{
		sqlite3_stmt *s;
		pid[0] = '\0';
		if (sqlite3_prepare_v2(store_db(st), "SELECT id FROM person LIMIT 1", -1, &s, NULL) == SQLITE_OK &&
		    sqlite3_step(s) == SQLITE_ROW)
			ys_strlcpy(pid, (const char *)sqlite3_column_text(s, 0), sizeof pid);
		sqlite3_finalize(s);
	}
	/* the faults from the at-th write on */
	fault.countdown = at;
	fault.persistent = persistent;
	fault.full = full;
	fault.failed = 0;
	workload(st, &t, pid);
	*tripped = fault.failed > 0;
	fault.countdown = -1;
	store_close(st);

	/* reopened without faults: sound, and exactly what was reported */
	st = store_open(path, 0, err, sizeof err);
	if (!st) {
		printf("  fault at write %d%s%s: reopening failed: %s\n", at, persistent ? " (persistent)" : "",
		       full ? " (disk full)" : "", err);
		CHECK(st != NULL);
		return;
	}
	CHECK(store_damage(st) == NULL);
	problems = store_check(st, NULL, NULL);
	{
		int got[7] = {
			count(st, "SELECT COUNT(*) FROM person") - people0,
			count(st, "SELECT COUNT(*) FROM proposal") - props0,
			count(st, "SELECT COUNT(*) FROM meeting") - meet0,
			count(st, "SELECT COUNT(*) FROM attendance WHERE status = 1"),
			count(st, "SELECT COUNT(*) FROM minute"),
			count(st, "SELECT COUNT(*) FROM vote"),
			count(st, "SELECT COUNT(*) FROM seal"),
		};
		int want[7] = { t.people, t.proposals, t.meetings, t.present, t.minutes, t.votes, t.seals };
		if (problems != 0 || memcmp(got, want, sizeof got) != 0)
			printf("  fault at write %d%s%s: %d problems; saved/reported: people %d/%d, proposals %d/%d,"
			       " meetings %d/%d, present %d/%d, minutes %d/%d, votes %d/%d, seals %d/%d\n",
			       at, persistent ? " (persistent)" : "", full ? " (disk full)" : "", problems,
			       got[0], want[0], got[1], want[1], got[2], want[2], got[3], want[3], got[4], want[4],
			       got[5], want[5], got[6], want[6]);
		CHECK_INT(problems, 0);
		CHECK(memcmp(got, want, sizeof got) == 0);
		total_seals += t.seals;
	}
	/* and the program goes on writing to it */
	CHECK_INT(add_person(st, 999), 0);
	store_close(st);
}

static void test_every_write_fails(void)
{
	const char *path = fx_path("faults.db");
	int at, tripped = 1, runs = 0;

	/* without faults, every operation of the work goes through */
	one_run(path, -1, 0, 0, &tripped);
	CHECK_INT(total_seals, 1);
	tripped = 1;
	/* each write in turn fails, until the workload runs through
	 * without reaching the failure */
	for (at = 0; tripped && at < 400; at++) {
		one_run(path, at, 0, 0, &tripped);
		runs++;
	}
	printf("  a single failing write: %d positions, every one sound\n", runs);
	CHECK(runs > 20);
	tripped = 1;
	for (at = 0; tripped && at < 400; at += 5) {
		one_run(path, at, 1, 1, &tripped);
		runs++;
	}
	printf("  a disk that stays full from a point on: sound at every point (%d runs in all)\n", runs);
	/* the runs reached the end of the work: the last operations were
	 * tried, not only the first ones */
	CHECK(total_seals > 0);
	fx_db_unlink(path);
	fx_db_unlink(base_path);
}

int main(void)
{
	unsetenv("YISHITING_NOW");
	/* hundreds of databases, each synced at every commit: in memory when
	 * the machine has /dev/shm (the failures are the shim's, not the
	 * disk's) */
	if (access("/dev/shm", W_OK) == 0)
		setenv("TMPDIR", "/dev/shm", 1);
	if (fx_tmpdir("faults") != 0)
		return 1;
	install();
	RUN(test_every_write_fails);
	fx_tmpdir_remove();
	T_DONE();
}
