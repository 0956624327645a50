/* attachments.c: scans and photos (附件) attached to a proposal, a
 * meeting or a notice — the signed 签到表, the signed minutes, the notice
 * as posted, the 验收 report.  The file is read and checked before the
 * transaction; the owner is checked, the bytes written and the change
 * logged inside it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/digest.h"
#include "base/text.h"
#include "ops_int.h"

#define ATTACH_TITLE_CHARS 60

/* the entity of the change log for an owner */
static const char *owner_entity(int kind)
{
	return kind == AO_PROPOSAL ? "proposal" : kind == AO_MEETING ? "meeting" : "notice";
}

/* the owner exists (read in the transaction): 0, or -1 with err */
static int owner_exists(struct store *st, int kind, const char *id, char *err, size_t errlen)
{
	int rc;

	if (kind == AO_PROPOSAL) {
		struct proposal p;
		memset(&p, 0, sizeof p);
		rc = store_proposal_get(st, id, &p);
		proposal_clear(&p);
	} else if (kind == AO_MEETING) {
		struct meeting m;
		memset(&m, 0, sizeof m);
		rc = store_meeting_get(st, id, &m);
		meeting_clear(&m);
	} else if (kind == AO_NOTICE) {
		struct notice n;
		memset(&n, 0, sizeof n);
		rc = store_notice_get(st, id, &n);
		notice_clear(&n);
	} else {
		return ys_err(err, errlen, "附件只能属于议题、会议或公示。");
	}
	if (rc < 0)
		return store_fail(st, err, errlen);
	if (rc != 0)
		return ys_err(err, errlen, "要加附件的%s不存在。", attach_owner_name(kind));
	return 0;
}


/* the same bytes (the same SM3) attached to the same record already: a
 * second copy would only confuse the dossier, so it is refused, naming the
 * first */
static int not_twice(struct store *st, const struct attachment *a, char *err, size_t errlen)
{
	struct attachment *have = NULL;
	int n = store_attachment_list(st, a->owner_kind, a->owner_id, &have), rc = 0;

	if (n < 0)
		return store_fail(st, err, errlen);
	for (int i = 0; i < n && rc == 0; i++)
		if (strcmp(have[i].sm3, a->sm3) == 0)
			rc = ys_err(err, errlen, "这个文件已经附上过了：「%s」（%s，%.10s 附上，SM3 相同），不再重复附上。",
			            have[i].title, have[i].file_name, have[i].added_at);
	free(have);
	return rc;
}

/* the last part of a path */
static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int ops_attach_bytes(struct store *st, int owner_kind, const char *owner_id, const void *data,
                     size_t n, const char *name, const char *title, struct attachment *a,
                     char *err, size_t errlen)
{
	char sizetxt[32];
	int rc;

	memset(a, 0, sizeof *a);
	if (!name || !*name)
		name = "附件";
	if (!title || !*title)
		title = name;
	if (!text_valid_utf8(title) || !text_valid_utf8(name))
		return ys_err(err, errlen, "附件说明或文件名不是有效的文字（UTF-8）。");
	if (strpbrk(title, "\t\r\n"))
		return ys_err(err, errlen, "附件说明只写一行，不能有换行或制表符。");
	if (text_chars(title) > ATTACH_TITLE_CHARS)
		return ys_err(err, errlen, "附件说明太长（%zu 字），最多 %d 字。", text_chars(title),
		              ATTACH_TITLE_CHARS);
	if (strlen(name) >= sizeof a->file_name)
		return ys_err(err, errlen, "文件名太长（%zu 字节），最多 %zu 字节。", strlen(name),
		              sizeof a->file_name - 1);
	if (n > ATTACH_MAX_BYTES) {
		attach_size_text((long long)n, sizetxt, sizeof sizetxt);
		return ys_err(err, errlen, "文件有 %s，超过附件的上限 %d MB。扫描时请选较低的分辨率，或把照片缩小后再附上。",
		              sizetxt, ATTACH_MAX_BYTES / (1024 * 1024));
	}
	if (n == 0)
		return ys_err(err, errlen, "文件是空的（0 字节），没有可附上的内容。");
	a->owner_kind = owner_kind;
	ys_strlcpy(a->owner_id, owner_id ? owner_id : "", sizeof a->owner_id);
	ys_strlcpy(a->title, title, sizeof a->title);
	ys_strlcpy(a->file_name, name, sizeof a->file_name);
	ys_strlcpy(a->type, attach_type_of(data, n), sizeof a->type);
	if (digest_sm3_hex(data, n, a->sm3) != 0)
		return ys_err(err, errlen, "无法计算文件的 SM3 摘要。");

	if (op_begin(st, err, errlen))
		return -1;
	rc = owner_exists(st, owner_kind, a->owner_id, err, errlen);
	if (rc == 0)
		rc = not_twice(st, a, err, errlen);
	if (rc == 0 && store_attachment_add(st, a, data, n) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		attach_size_text((long long)n, sizetxt, sizeof sizetxt);
		char *what = xasprintf("%s（%s，%s，%s，SM3 %s）", a->title, a->file_name,
		                       attach_type_name(a->type), sizetxt, a->sm3);
		if (store_log(st, owner_entity(owner_kind), a->owner_id, "附件", NULL, what, NULL) != 0)
			rc = store_fail(st, err, errlen);
		free(what);
	}
	return op_end(st, rc, err, errlen);
}

/* the whole file into *data: 0, or -1 with a message naming the path */
static int read_file(const char *path, unsigned char **data, size_t *n, char *err, size_t errlen)
{
	struct stat sb;
	char sizetxt[32];
	size_t got = 0;
	int fd;

	*data = NULL;
	*n = 0;
	if (!path || !*path)
		return ys_err(err, errlen, "请写出要附上的文件的路径（如 /home/用户名/扫描/签到表.jpg）。");
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return ys_err(err, errlen, "找不到文件「%s」。请检查路径和文件名。",
			              path);
		return ys_err(err, errlen, "无法读取文件「%s」：%s。", path, ys_errno_zh(errno));
	}
	if (S_ISDIR(sb.st_mode))
		return ys_err(err, errlen, "「%s」是一个文件夹，不是文件。请写出文件夹里的文件名。", path);
	if (!S_ISREG(sb.st_mode))
		return ys_err(err, errlen, "「%s」不是普通文件，不能作为附件。", path);
	if (sb.st_size > ATTACH_MAX_BYTES) {
		attach_size_text((long long)sb.st_size, sizetxt, sizeof sizetxt);
		return ys_err(err, errlen, "文件「%s」有 %s，超过附件的上限 %d MB。扫描时请选较低的分辨率，"
		              "或把照片缩小后再附上。", path, sizetxt, ATTACH_MAX_BYTES / (1024 * 1024));
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return ys_err(err, errlen, "无法读取文件「%s」：%s。", path, ys_errno_zh(errno));
	*data = xmalloc((size_t)sb.st_size + 1);
	/* read to the end, one byte past the size: a file that grows while
	 * it is read is refused rather than cut */
	for (;;) {
		ssize_t r = read(fd, *data + got, (size_t)sb.st_size + 1 - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			free(*data);
			*data = NULL;
			return ys_err(err, errlen, "读取文件「%s」失败：%s。", path, ys_errno_zh(e));
		}
		if (r == 0)
			break;
		got += (size_t)r;
		if (got > (size_t)sb.st_size) {
			close(fd);
			free(*data);
			*data = NULL;
			return ys_err(err, errlen, "文件「%s」在读取时还在变大（还在复制或扫描？），请等它写完再附上。",
			              path);
		}
	}
	close(fd);
	*n = got;
	return 0;
}

int ops_attach_file(struct store *st, int owner_kind, const char *owner_id, const char *path,
                    const char *title, struct attachment *a, char *err, size_t errlen)
{
	unsigned char *data;
	size_t n;
	int rc;

	memset(a, 0, sizeof *a);
	if (read_file(path, &data, &n, err, errlen) != 0)
		return -1;
	if (n == 0) {
		free(data);
		return ys_err(err, errlen, "文件「%s」是空的（0 字节），没有可附上的内容。", path);
	}
	rc = ops_attach_bytes(st, owner_kind, owner_id, data, n, base_name(path), title, a, err, errlen);
	free(data);
	return rc;
}

int ops_attach_delete(struct store *st, const char *id, const char *reason,
                      char *err, size_t errlen)
{
	struct attachment a;
	int rc;

	if (!reason || !*reason)
		return ys_err(err, errlen, "删除附件须写明理由。");
	if (op_begin(st, err, errlen))
		return -1;
	rc = store_attachment_get(st, id ? id : "", &a);
	if (rc < 0)
		rc = store_fail(st, err, errlen);
	else if (rc > 0)
		rc = ys_err(err, errlen, "附件不存在（可能已被删除）。");
	if (rc == 0 && store_attachment_delete(st, a.id) != 0)
		rc = store_fail(st, err, errlen);
	if (rc == 0) {
		char *what = xasprintf("%s（%s，SM3 %s）", a.title, a.file_name, a.sm3);
		if (store_log(st, owner_entity(a.owner_kind), a.owner_id, "删除附件", what, NULL, reason) != 0)
			rc = store_fail(st, err, errlen);
		free(what);
	}
	return op_end(st, rc, err, errlen);
}

/* 〔2026〕3号, 军社〔2026〕3号, 2026-3, 2026年3号: the year and the number */
static int notice_no(const char *s, int *year, int *seq)
{
	long v[2];
	int k = 0;

	while (*s && k < 2) {
		if (*s >= '0' && *s <= '9') {
			char *end;
			v[k++] = strtol(s, &end, 10);
			s = end;
		} else {
			s++;
		}
	}
	if (k != 2 || v[0] < 1900 || v[0] > 9999 || v[1] < 1 || v[1] > 999999)
		return -1;
	*year = (int)v[0];
	*seq = (int)v[1];
	return 0;
}

static int notice_by_no(struct store *st, const char *number, char id[ID_LEN],
                        char *err, size_t errlen)
{
	struct notice page[64];
	char as[11] = "", ai[ID_LEN] = "";
	int year, seq, n, found = 0;

	if (notice_no(number, &year, &seq) != 0)
		return ys_err(err, errlen, "公示文号「%s」看不懂：应写成 〔2026〕3号 或 2026-3。", number);
	do {
		n = store_notice_page(st, as, ai, page, 64);
		if (n < 0)
			return store_fail(st, err, errlen);
		for (int i = 0; i < n; i++) {
			if (!found && page[i].year == year && page[i].seq == seq) {
				ys_strlcpy(id, page[i].id, ID_LEN);
				found = 1;
			}
			if (i == n - 1) {
				ys_strlcpy(as, page[i].start_date, sizeof as);
				ys_strlcpy(ai, page[i].id, sizeof ai);
			}
			notice_clear(&page[i]);
		}
	} while (n == 64 && !found);
	if (!found)
		return ys_err(err, errlen, "没有文号为〔%d〕%d号的公示（在公示栏或议题档案里可以看到文号）。",
		              year, seq);
	return 0;
}

int ops_attach_owner(struct store *st, int owner_kind, const char *number, char id[ID_LEN],
                     char *err, size_t errlen)
{
	int rc;

	id[0] = '\0';
	if (!number || !*number)
		return ys_err(err, errlen, "请写出%s的编号。", attach_owner_name(owner_kind));
	if (owner_kind == AO_PROPOSAL) {
		struct proposal p;
		memset(&p, 0, sizeof p);
		rc = store_proposal_get_number(st, number, &p);
		if (rc == 0)
			ys_strlcpy(id, p.id, ID_LEN);
		proposal_clear(&p);
		if (rc > 0)
			return ys_err(err, errlen, "没有编号为 %s 的议题（yishiting list proposals 可列出全部议题）。",
			              number);
	} else if (owner_kind == AO_MEETING) {
		struct meeting m;
		char up[64];
		size_t i;
		for (i = 0; number[i] && i + 1 < sizeof up; i++)
			up[i] = number[i] >= 'a' && number[i] <= 'z' ? (char)(number[i] - 'a' + 'A') : number[i];
		up[i] = '\0';
		memset(&m, 0, sizeof m);
		rc = store_meeting_get_number(st, up, &m);
		if (rc == 0)
			ys_strlcpy(id, m.id, ID_LEN);
		meeting_clear(&m);
		if (rc > 0)
			return ys_err(err, errlen, "没有编号为 %s 的会议（yishiting list meetings 可列出全部会议）。",
			              number);
	} else if (owner_kind == AO_NOTICE) {
		return notice_by_no(st, number, id, err, errlen);
	} else {
		return ys_err(err, errlen, "附件只能属于议题、会议或公示。");
	}
	return rc < 0 ? store_fail(st, err, errlen) : 0;
}

int ops_attach_owner_number(struct store *st, int owner_kind, const char *owner_id,
                            char *out, size_t len)
{
	int rc = -1;

	out[0] = '\0';
	if (owner_kind == AO_PROPOSAL) {
		struct proposal p;
		memset(&p, 0, sizeof p);
		if ((rc = store_proposal_get(st, owner_id, &p)) == 0)
			ys_strlcpy(out, p.number, len);
		proposal_clear(&p);
	} else if (owner_kind == AO_MEETING) {
		struct meeting m;
		memset(&m, 0, sizeof m);
		if ((rc = store_meeting_get(st, owner_id, &m)) == 0)
			ys_strlcpy(out, m.number, len);
		meeting_clear(&m);
	} else if (owner_kind == AO_NOTICE) {
		struct notice n;
		memset(&n, 0, sizeof n);
		if ((rc = store_notice_get(st, owner_id, &n)) == 0)
			ys_strlcpy(out, n.doc_no, len);
		notice_clear(&n);
	}
	return rc;
}

/* ---- verify ------------------------------------------------------------------ */

int attach_verify(struct store *st, void (*cb)(const char *line, void *arg), void *arg)
{
	struct attachment page[32];
	char after[ID_LEN] = "", hex[65], num[80];
	int n, found = 0;

	do {
		n = store_attachment_page(st, after, page, 32);
		if (n < 0)
			return -1;
		for (int i = 0; i < n; i++) {
			unsigned char *data;
			size_t len;
			struct attachment *a = &page[i];

			if (store_attachment_data(st, a->id, &data, &len) != 0)
				return -1;
			if (digest_sm3_hex(data, len, hex) != 0)
				hex[0] = '\0';
			free(data);
			if (strcmp(hex, a->sm3) != 0 || len != (size_t)a->size) {
				if (ops_attach_owner_number(st, a->owner_kind, a->owner_id, num, sizeof num) != 0)
					snprintf(num, sizeof num, "（已不存在）");
				ys_say(cb, arg, "%s %s 的附件「%s」（%s，添加于 %.16s）：内容与添加时的 SM3 摘要不符"
				       "（当时 %.16s…，现在 %.16s…）：在程序外被改动。", attach_owner_name(a->owner_kind),
				       num, a->title, a->file_name, a->added_at, a->sm3, hex);
				found++;
			}
			ys_strlcpy(after, a->id, sizeof after);
		}
	} while (n == 32);
	return found;
}
