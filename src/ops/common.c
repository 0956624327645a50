/* common.c: what every operation uses — its transaction, loading the
 * records it acts on, the clock in the forms the records keep. */
#include <stdio.h>
#include <string.h>

#include "base/clock.h"
#include "ops_int.h"

const char *opt(const char *s)
{
	return s && *s ? s : NULL;
}

int store_fail(struct store *st, char *err, size_t errlen)
{
	const char *msg = store_errmsg(st);
	return ys_err(err, errlen, "%s", msg && *msg ? msg : "数据库操作失败。");
}

int op_begin(struct store *st, char *err, size_t errlen)
{
	return store_begin(st) != 0 ? store_fail(st, err, errlen) : 0;
}

int op_end(struct store *st, int rc, char *err, size_t errlen)
{
	if (rc != 0) {
		store_rollback(st);
		return -1;
	}
	if (store_commit(st) != 0) {
		store_fail(st, err, errlen);
		store_rollback(st);
		return -1;
	}
	return 0;
}

int load_meeting(struct store *st, const char *mid, struct meeting *m, char *err, size_t errlen)
{
	int rc;

	memset(m, 0, sizeof *m);
	rc = store_meeting_get(st, mid ? mid : "", m);
	if (rc == 1)
		return ys_err(err, errlen, "会议不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	return 0;
}

int load_proposal(struct store *st, const char *pid, struct proposal *p, char *err, size_t errlen)
{
	int rc;

	memset(p, 0, sizeof *p);
	rc = store_proposal_get(st, pid ? pid : "", p);
	if (rc == 1)
		return ys_err(err, errlen, "议题不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	return 0;
}

int load_agenda(struct store *st, const char *mid, const char *aid, struct agenda_item *a,
                char *err, size_t errlen)
{
	int rc;

	memset(a, 0, sizeof *a);
	rc = store_agenda_get(st, aid ? aid : "", a);
	if (rc == 1)
		return ys_err(err, errlen, "议程不存在。");
	if (rc != 0)
		return store_fail(st, err, errlen);
	if (strcmp(a->meeting_id, mid) != 0) {
		agenda_clear(a);
		return ys_err(err, errlen, "该议程不属于本次会议。");
	}
	return 0;
}

const char *kind_label(int kind)
{
	const struct meeting_kind_def *k = meeting_kind_get(kind);
	return k ? k->entitled_label : NULL;
}

void now_hm(char out[6])
{
	struct tm tm;
	ys_now_tm(&tm);
	ys_fmt_time(&tm, out);
}

void now_stamp(char out[20])
{
	struct tm tm;
	ys_now_tm(&tm);
	ys_fmt_stamp(&tm, out);
}

void today(char out[11])
{
	ys_today(out);
}

void day_stamp(const char *day, char out[20])
{
	char d[11];

	today(d);
	if (!day || !*day || strncmp(day, d, 10) == 0)
		now_stamp(out);
	else
		snprintf(out, 20, "%.10s 00:00:00", day);
}

int meeting_begin(struct store *st, const char *mid, int opm, struct meeting_state *ms,
                  char *err, size_t errlen)
{
	if (op_begin(st, err, errlen) != 0)
		return -1;
	if (ops_meeting_state(st, mid, ms, err, errlen) != 0 ||
	    ops_meeting_check(ms, NULL, opm, err, errlen) != OPR_OK) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

int step_date_ok(struct store *st, const struct proposal *p, int kind, const char *date,
                 char *err, size_t errlen)
{
	const struct meeting_kind_def *k = meeting_kind_get(kind);
	char prev[11];
	int rc = store_proposal_step_date(st, p->id, prev);

	if (rc < 0)
		return store_fail(st, err, errlen);
	if (rc == 1)
		return 0;
	return step_order_check(k ? k->performs_step : STEP_NONE, date, p->step, prev, err, errlen);
}

int step_proposal(struct store *st, const struct proposal *p, struct transition_req *rq,
                  const char *at, char *err, size_t errlen)
{
	int ns, nst;

	rq->step = p->step;
	rq->status = p->status;
	if (proc_apply(rq, &ns, &nst, err, errlen) != 0)
		return -1;
	if (store_proposal_transition(st, p->id, rq->action, ns, nst, NULL, NULL, NULL,
	                              opt(rq->reason), at) != 0)
		return store_fail(st, err, errlen);
	return 0;
}

/* ---- batches ------------------------------------------------------------- */

int ops_batch_begin(struct store *st, char *err, size_t errlen)
{
	return op_begin(st, err, errlen);
}

int ops_batch_end(struct store *st, int commit, char *err, size_t errlen)
{
	return op_end(st, commit ? 0 : -1, err, errlen) == 0 || !commit ? 0 : -1;
}
