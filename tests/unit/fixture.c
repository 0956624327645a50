/* fixture.c: what the unit tests share (see fixture.h). */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/util.h"
#include "fixture.h"

static const char *tmp_root(void)
{
	const char *tmp = getenv("TMPDIR");
	return tmp && *tmp ? tmp : "/tmp";
}

/* ---- a temporary folder -------------------------------------------------- */

static char dir[512];

int fx_tmpdir(const char *tag)
{
	snprintf(dir, sizeof dir, "%s/ys_%s_XXXXXX", tmp_root(), tag);
	if (!mkdtemp(dir)) {
		perror(dir);
		dir[0] = '\0';
		return -1;
	}
	return 0;
}

const char *fx_dir(void)
{
	return dir;
}

const char *fx_path(const char *name)
{
	static char buf[8][600];
	static int k;

	k = (k + 1) % 8;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	if (remove(path) != 0) {
		perror(path);
		return -1;
	}
	return 0;
}

int fx_tmpdir_remove(void)
{
	int rc;

	if (!dir[0])
		return 0;
	rc = nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	dir[0] = '\0';
	return rc == 0 ? 0 : -1;
}

/* ---- one temporary database ---------------------------------------------- */

static char db_path[512];
static struct store *st;
static char own_err[512];
static char *err = own_err;
static size_t errlen = sizeof own_err;

int fx_db_temp(const char *tag)
{
	int fd;

	snprintf(db_path, sizeof db_path, "%s/yishiting-test-%s-XXXXXX", tmp_root(), tag);
	fd = mkstemp(db_path);
	if (fd < 0) {
		perror(db_path);
		return -1;
	}
	close(fd);
	return 0;
}

struct store *fx_db_open(char *e, size_t elen)
{
	if (e && elen) {
		err = e;
		errlen = elen;
	}
	st = store_open(db_path, STORE_CREATE | STORE_EMPTY_OK, err, errlen);
	if (!st)
		printf("  store_open: %s\n", err);
	return st;
}

void fx_db_use(struct store *s)
{
	st = s;
}

const char *fx_err(void)
{
	return err;
}

void fx_db_unlink(const char *path)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	char p[600];

	for (size_t i = 0; i < YS_ARRAY_LEN(sfx); i++) {
		snprintf(p, sizeof p, "%s%s", path, sfx[i]);
		unlink(p);
	}
}

/* the database and its WAL files go at the end (SQLite refuses to write to
 * a database file that was unlinked while open) */
void fx_db_done(struct store *s)
{
	if (s)
		store_close(s);
	if (s == st)
		st = NULL;
	if (db_path[0])
		fx_db_unlink(db_path);
	db_path[0] = '\0';
}

/* ---- SQL behind the program's back --------------------------------------- */

int fx_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK)
		printf("  sql: %s: %s\n", sql, msg ? msg : "?");
	sqlite3_free(msg);
	return rc;
}

int fx_sql(const char *sql)
{
	return fx_exec(store_db(st), sql);
}

void fx_collect(const char *line, void *arg)
{
	struct fx_lines *l = arg;
	size_t len = strlen(l->all);

	l->n++;
	snprintf(l->all + len, sizeof l->all - len, "%s\n", line);
}

void fx_at(const char *stamp)
{
	ys_clock_set(ys_parse_stamp(stamp));
}

/* ---- the roster ------------------------------------------------------------ */

static struct person people[FX_MAX_PEOPLE];
static int npeople;

int fx_people(const struct fx_group *g, size_t ngroups, const char *phone_prefix,
              int phone_base)
{
	int failed = 0;

	memset(people, 0, sizeof people);
	npeople = 0;
	for (size_t k = 0; k < ngroups; k++) {
		int count = g[k].count > 1 ? g[k].count : 1;

		for (int j = 1; j <= count; j++) {
			struct person *p = &people[npeople];

			if (npeople == FX_MAX_PEOPLE) {
				printf("  fx_people: more than %d people\n", FX_MAX_PEOPLE);
				return -1;
			}
			if (g[k].count > 1)
				snprintf(p->name, sizeof p->name, "%s%d", g[k].name, j);
			else
				ys_strlcpy(p->name, g[k].name, sizeof p->name);
			p->roles = g[k].roles;
			if (phone_prefix)
				snprintf(p->phone, sizeof p->phone, "%s%04d", phone_prefix,
				         phone_base + npeople);
			p->active = 1;
			if (ops_person_save(st, p, err, errlen) != 0) {
				printf("  person %d: %s\n", npeople, err);
				failed = 1;
			}
			npeople++;
		}
	}
	return failed ? -1 : npeople;
}

int fx_small_community(const char *phone_prefix)
{
	static const struct fx_group small[] = {
		{ "张书记", ROLE_PARTY_CMTE | ROLE_PARTY, 1 },
		{ "李主任", ROLE_RES_CMTE | ROLE_PARTY, 1 },
		{ "王委员", ROLE_RES_CMTE, 1 },
		{ "党员甲", ROLE_PARTY, 1 },
		{ "党员乙", ROLE_PARTY, 1 },
		{ "党员丙", ROLE_PARTY, 1 },
		{ "代表甲", ROLE_REP, 1 },
		{ "代表乙", ROLE_REP, 1 },
		{ "代表丙", ROLE_REP, 1 },
		{ "代表丁", ROLE_REP, 1 },
	};
	return fx_people(small, sizeof small / sizeof small[0], phone_prefix, 0);
}

const struct person *fx_person(int i)
{
	static const struct person none;

	return i >= 0 && i < npeople ? &people[i] : &none;
}

const char *fx_id(int i)
{
	return fx_person(i)->id;
}

const char *fx_name(int i)
{
	return fx_person(i)->name;
}

/* ---- proposals and meetings through ops ------------------------------------- */

int fx_proposal(const char *title, const char *content, int who, char id[ID_LEN],
                char number[16])
{
	struct proposal p;
	struct proposer pp;

	memset(&p, 0, sizeof p);
	memset(&pp, 0, sizeof pp);
	ys_strlcpy(p.title, title, sizeof p.title);
	p.content = (char *)(content ? content : "居民反映多年，请两委研究。");
	ys_strlcpy(pp.person_id, fx_id(who), sizeof pp.person_id);
	ys_strlcpy(pp.name, fx_name(who), sizeof pp.name);
	pp.kind = PK_PERSON;
	/* content is ours (a literal): no proposal_clear */
	if (ops_proposal_new(st, &p, &pp, 1, err, errlen) != 0) {
		printf("  proposal: %s\n", err);
		return -1;
	}
	ys_strlcpy(id, p.id, ID_LEN);
	if (number)
		ys_strlcpy(number, p.number, 16);
	return 0;
}

int fx_step(const char *id, int *status)
{
	struct proposal p;
	int step = -1;

	if (store_proposal_get(st, id, &p) == 0) {
		step = p.step;
		if (status)
			*status = p.status;
		proposal_clear(&p);
	}
	return step;
}

void fx_meeting_fill(struct meeting *m, int kind, const char *date, const char *start,
                     int clerk)
{
	memset(m, 0, sizeof *m);
	m->kind = kind;
	ys_strlcpy(m->date, date, sizeof m->date);
	ys_strlcpy(m->start_time, start, sizeof m->start_time);
	snprintf(m->place, sizeof m->place, "社区党群服务中心二楼会议室");
	ys_strlcpy(m->chair_id, fx_id(0), sizeof m->chair_id);
	snprintf(m->chair_post, sizeof m->chair_post, "社区党委书记");
	if (clerk >= 0)
		ys_strlcpy(m->clerk_id, fx_id(clerk), sizeof m->clerk_id);
	else
		snprintf(m->clerk_name, sizeof m->clerk_name, "赵记录");
}

int fx_meeting_new(struct meeting *m, const char *const *pids, int n,
                   const char *const *free_titles, int nfree, char mid[ID_LEN])
{
	if (ops_meeting_new(st, m, pids, n, free_titles, nfree, err, errlen) != 0)
		return -1;
	if (mid)
		ys_strlcpy(mid, m->id, ID_LEN);
	return 0;
}

int fx_agenda(const char *mid, int seq, char aid[ID_LEN])
{
	struct agenda_item a[8];
	int n = store_agenda_list(st, mid, a, 8), rc = -1;

	for (int i = 0; i < n; i++) {
		if (a[i].seq == seq) {
			ys_strlcpy(aid, a[i].id, ID_LEN);
			rc = 0;
		}
		agenda_clear(&a[i]);
	}
	return rc;
}

int fx_attend(const char *mid, int who, int status, const char *reason)
{
	if (ops_attend(st, mid, fx_id(who), status, reason, NULL, err, errlen) != 0) {
		printf("  attend %s: %s\n", fx_name(who), err);
		return -1;
	}
	return 0;
}

int fx_sign(const char *mid, int from, int count)
{
	for (int i = from; i < from + count; i++)
		if (fx_attend(mid, i, ATT_PRESENT, NULL) != 0)
			return -1;
	return 0;
}

int fx_hands(const char *mid, const char *aid, int yes, int no, int abstain,
             struct vote *v)
{
	struct vote_req rq = { .method = VM_HANDS, .yes = yes, .no = no, .abstain = abstain };

	return ops_vote(st, mid, aid, &rq, v, err, errlen);
}

/* everyone on the sheet with a vote signed in; how many, or -1 */
static int sign_all(const char *mid)
{
	struct attendance att[FX_MAX_PEOPLE];
	int n = store_attendance_page(st, mid, NULL, -1, 0, 1, att, FX_MAX_PEOPLE), yes = 0;

	for (int i = 0; i < n; i++) {
		if (!att[i].entitled)
			continue;
		if (ops_attend(st, mid, att[i].person_id, ATT_PRESENT, NULL, NULL, err, errlen) != 0) {
			printf("  attend %s: %s\n", att[i].name, err);
			return -1;
		}
		yes++;
	}
	return n < 0 ? -1 : yes;
}

int fx_pass(const char *mid, int first, int count, const struct close_req *cr)
{
	char aid[ID_LEN];
	struct vote v;
	struct vote_req rq = { .method = VM_HANDS, .yes = count };

	if (fx_agenda(mid, 1, aid) != 0) {
		printf("  pass: the meeting has no first item\n");
		return -1;
	}
	if (ops_meeting_open(st, mid, NULL, err, errlen) != 0) {
		printf("  pass: %s\n", err);
		return -1;
	}
	if (count < 0)
		rq.yes = sign_all(mid);
	else if (fx_sign(mid, first, count) != 0)
		return -1;
	if (rq.yes < 0)
		return -1;
	if (ops_vote(st, mid, aid, &rq, &v, err, errlen) != 0 ||
	    ops_item_close(st, mid, aid, cr, err, errlen) != 0 ||
	    ops_meeting_close(st, mid, 0, NULL, err, errlen) != 0) {
		printf("  pass: %s\n", err);
		return -1;
	}
	return 0;
}
