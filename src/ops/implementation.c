/* implementation.c: 实施 — the responsible person and the deadline of a
 * published decision, and the progress entries of its implementation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/text.h"
#include "ops_int.h"

/* the item of the meeting that made the decision: what it wrote down as
 * 责任人 and 时限; 1 when there is none */
static int decided_item(struct store *st, const char *pid, struct agenda_item *a)
{
	struct pevent ev;
	int rc;

	memset(a, 0, sizeof *a);
	rc = store_proposal_event_find(st, pid, ACT_FORWARD, STEP_RESOLVE, &ev);
	if (rc != 0)
		return rc;
	rc = ev.agenda_id[0] ? store_agenda_get(st, ev.agenda_id, a) : 1;
	pevent_clear(&ev);
	return rc;
}

int ops_impl_defaults(struct store *st, const char *pid, struct impl *im,
                      char *err, size_t errlen)
{
	struct agenda_item a;
	int rc;

	memset(im, 0, sizeof im[0]);
	rc = store_impl_get(st, pid ? pid : "", im);
	if (rc < 0)
		return store_fail(st, err, errlen);
	if (rc == 0)
		return 0;
	snprintf(im->proposal_id, sizeof im->proposal_id, "%s", pid ? pid : "");
	/* not set yet: what the deciding meeting wrote, if anything */
	rc = decided_item(st, im->proposal_id, &a);
	if (rc < 0)
		return store_fail(st, err, errlen);
	if (rc == 0) {
		snprintf(im->responsible, sizeof im->responsible, "%s", a.responsible);
		snprintf(im->deadline, sizeof im->deadline, "%s", a.deadline);
		agenda_clear(&a);
	}
	return 0;
}

int ops_implement(struct store *st, const char *pid, const char *responsible,
                  const char *deadline, char *err, size_t errlen)
{
	struct proposal p;
	struct transition_req rq = { .action = ACT_IMPLEMENT };
	struct impl im;
	int rc;

	if (!ys_has_text(responsible))
		return ys_err(err, errlen, "请填写实施责任人。");
	memset(&im, 0, sizeof im);
	if (ys_strlcpy(im.responsible, responsible, sizeof im.responsible) != 0 ||
	    text_chars(ys_trim(im.responsible)) > NAME_MAX_CHARS)
		return ys_err(err, errlen, "责任人不能超过 %d 个字。", NAME_MAX_CHARS);
	if (!deadline || ys_parse_date(deadline, NULL) != 0)
		return ys_err(err, errlen, "完成时限“%s”无效，格式应为 2026-12-31。",
		            deadline ? deadline : "");
	snprintf(im.deadline, sizeof im.deadline, "%s", deadline);
	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_proposal(st, pid, &p, err, errlen);
	if (rc == 0) {
		snprintf(im.proposal_id, sizeof im.proposal_id, "%s", p.id);
		if (store_impl_set(st, &im) != 0)
			rc = store_fail(st, err, errlen);
	}
	if (rc == 0)
		rc = step_proposal(st, &p, &rq, err, errlen);
	proposal_clear(&p);
	return op_end(st, rc, err, errlen);
}

int ops_progress(struct store *st, const char *pid, const char *text, char *err, size_t errlen)
{
	struct proposal p;
	struct progress pr;
	int rc;

	if (!ys_has_text(text))
		return ys_err(err, errlen, "请填写实施进展。");
	memset(&pr, 0, sizeof pr);
	if (op_begin(st, err, errlen) != 0)
		return -1;
	rc = load_proposal(st, pid, &p, err, errlen);
	if (rc == 0)
		rc = proposal_check(st, &p, OPP_PROGRESS, NULL, err, errlen);
	if (rc == 0) {
		snprintf(pr.proposal_id, sizeof pr.proposal_id, "%s", p.id);
		pr.text = ys_trim(xstrdup(text));
		if (store_progress_add(st, &pr) != 0)
			rc = store_fail(st, err, errlen);
	}
	proposal_clear(&p);
	progress_clear(&pr);
	return op_end(st, rc, err, errlen);
}
