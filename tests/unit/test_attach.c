/* test_attach.c: attachments (附件) — what a file's bytes are, the rules
 * that refuse a file (missing, a folder, empty, too large), the owner and
 * its number, the change log, verify naming an altered attachment — and
 * the dossier (一事一档) of a demo matter that went through every step:
 * its parts in order, its contents, its pictures, its PDF. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/digest.h"
#include "demo/demo.h"
#include "ops/ops.h"
#include "ops/seal.h"
#include "paper/doc.h"
#include "store/store.h"
#include "base/util.h"
#include "t.h"
#include "fixture.h"
#include "pdf_sanitizer.h"

/* the smallest PNG there is: 1×1, one grey pixel */
static const unsigned char png1[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
	0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a,
	0x7e, 0x9b, 0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x68,
	0x00, 0x00, 0x00, 0x82, 0x00, 0x81, 0x4c, 0x17, 0xd7, 0xdf, 0x00, 0x00, 0x00, 0x00, 0x49,
	0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static struct store *st;
static char err[1024];
static char pid[ID_LEN], pnum[16];

static int write_bytes(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(data, 1, n, f) == n;

	if (f)
		fclose(f);
	return ok ? 0 : -1;
}

static int count_attachments(void)
{
	return store_attachment_count(st);
}

static void test_type_of(void)
{
	CHECK_STR(attach_type_of(png1, sizeof png1), "png");
	CHECK_STR(attach_type_of("\xff\xd8\xff\xe0", 4), "jpeg");
	CHECK_STR(attach_type_of("%PDF-1.5\n", 9), "pdf");
	CHECK_STR(attach_type_of("\x89PN", 3), "other");
	CHECK_STR(attach_type_of("", 0), "other");
	CHECK_STR(attach_type_name("png"), "PNG 图片");
	CHECK_STR(attach_type_name("jpeg"), "JPEG 图片");
	CHECK_STR(attach_type_name("pdf"), "PDF 文件");
	CHECK_STR(attach_type_name("other"), "其他文件");
	char s[32];
	attach_size_text(512, s, sizeof s);
	CHECK_STR(s, "512 字节");
	attach_size_text(20 * 1024 + 1, s, sizeof s);
	CHECK_STR(s, "21 KB");
	attach_size_text(ATTACH_MAX_BYTES, s, sizeof s);
	CHECK_STR(s, "20.0 MB");
}

/* the EXIF orientation of a phone's photo, in either byte order */
static void test_orientation(void)
{
	static const unsigned char mm[] = {
		0xff, 0xd8, 0xff, 0xe1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
		'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0,
		0xff, 0xd9,
	};
	static const unsigned char ii[] = {
		0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0,
		0xff, 0xe1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
		'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0,
		0xff, 0xd9,
	};
	unsigned char bad[sizeof mm];

	CHECK_INT(image_orientation(mm, sizeof mm), 6);
	CHECK_INT(image_orientation(ii, sizeof ii), 8);
	CHECK_INT(image_orientation(png1, sizeof png1), 1);
	/* cut short, or a value out of range: as stored */
	CHECK_INT(image_orientation(mm, 20), 1);
	memcpy(bad, mm, sizeof bad);
	bad[31] = 9;
	CHECK_INT(image_orientation(bad, sizeof bad), 1);
	/* an IFD offset past the segment */
	memcpy(bad, mm, sizeof bad);
	bad[19] = 200;
	CHECK_INT(image_orientation(bad, sizeof bad), 1);
}

static void test_setup(void)
{
	CHECK_INT(fx_tmpdir("attach"), 0);
	CHECK_INT(fx_db_temp("attach"), 0);
	st = fx_db_open(err, sizeof err);
	CHECK(st != NULL);
	if (!st)
		return;
	fx_at("2026-11-20 09:00");
	CHECK_INT(fx_small_community(NULL), FX_SMALL_COUNT);
	CHECK_INT(fx_proposal("3栋门前路灯维修", NULL, FX_REP, pid, pnum), 0);
}

/* each refusal says why in Chinese and writes nothing */
static void test_refusals(void)
{
	struct attachment a;
	char title[200] = "";

	CHECK_INT(ops_attach_file(st, AO_PROPOSAL, pid, fx_path("none.png"), "", &a, err, sizeof err), -1);
	CHECK_CONTAINS(err, "找不到文件");
	CHECK_INT(ops_attach_file(st, AO_PROPOSAL, pid, fx_dir(), "", &a, err, sizeof err), -1);
	CHECK_CONTAINS(err, "是一个文件夹，不是文件");
	CHECK_INT(ops_attach_file(st, AO_PROPOSAL, pid, "", "", &a, err, sizeof err), -1);
	CHECK_CONTAINS(err, "请写出要附上的文件的路径");
	CHECK_INT(write_bytes(fx_path("empty.jpg"), "", 0), 0);
	CHECK_INT(ops_attach_file(st, AO_PROPOSAL, pid, fx_path("empty.jpg"), "", &a, err, sizeof err), -1);
	CHECK_CONTAINS(err, "是空的（0 字节）");
	/* too large: known from its size, never read (a sparse file) */
	int fd = open(fx_path("big.pdf"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	CHECK_INT(ftruncate(fd, (off_t)ATTACH_MAX_BYTES + 1), 0);
	close(fd);
	CHECK_INT(ops_attach_file(st, AO_PROPOSAL, pid, fx_path("big.pdf"), "", &a, err, sizeof err), -1);
	CHECK_CONTAINS(err, "超过附件的上限 20 MB");
	CHECK_CONTAINS(err, "20.0 MB");
	/* a file the clerk may not read */
	if (getuid() != 0) {
		CHECK_INT(write_bytes(fx_path("secret.png"), png1, sizeof png1), 0);
		chmod(fx_path("secret.png"), 0);
		CHECK_INT(ops_attach_file(st, AO_PROPOSAL, pid, fx_path("secret.png"), "", &a, err,
		                          sizeof err), -1);
		CHECK_CONTAINS(err, "无法读取文件");
	}
	/* a title of 61 characters */
	for (int i = 0; i < 61; i++)
		strcat(title, "字");
	CHECK_INT(write_bytes(fx_path("ok.png"), png1, sizeof png1), 0);
	CHECK_INT(ops_attach_file(st, AO_PROPOSAL, pid, fx_path("ok.png"), title, &a, err, sizeof err), -1);
	CHECK_CONTAINS(err, "附件说明太长（61 字），最多 60 字");
	CHECK_INT(ops_attach_file(st, AO_PROPOSAL, pid, fx_path("ok.png"), "两\n行", &a, err, sizeof err), -1);
	CHECK_CONTAINS(err, "只写一行");
	/* an owner that is not there */
	CHECK_INT(ops_attach_file(st, AO_MEETING, "00000000-0000-4000-8000-000000000000", fx_path("ok.png"),
	                          "", &a, err, sizeof err), -1);
	CHECK_CONTAINS(err, "要加附件的会议不存在");
	CHECK_INT(count_attachments(), 0);
}

static void test_attach_and_log(void)
{
	struct attachment a, got;
	struct change *c = NULL;
	unsigned char *data = NULL;
	size_t n = 0;
	char hex[65];
	int nc, found = 0;

	CHECK_INT(ops_attach_file(st, AO_PROPOSAL, pid, fx_path("ok.png"), "", &a, err, sizeof err), 0);
	CHECK_STR(a.title, "ok.png");                  /* no title: the file's name */
	{
		struct attachment again;
		int before = count_attachments();

		/* the same bytes to the same record again: refused, the first named */
		CHECK_INT(ops_attach_file(st, AO_PROPOSAL, pid, fx_path("ok.png"), "再附一次", &again, err,
		                          sizeof err), -1);
		CHECK_CONTAINS(err, "这个文件已经附上过了：「ok.png」");
		CHECK_INT(count_attachments(), before);
	}
	CHECK_STR(a.file_name, "ok.png");
	CHECK_STR(a.type, "png");
	CHECK_INT(a.size, (int)sizeof png1);
	CHECK_INT(digest_sm3_hex(png1, sizeof png1, hex), 0);
	CHECK_STR(a.sm3, hex);
	CHECK_INT(store_attachment_get(st, a.id, &got), 0);
	CHECK_STR(got.sm3, hex);
	CHECK_INT(got.owner_kind, AO_PROPOSAL);
	CHECK_STR(got.owner_id, pid);
	/* the same bytes back */
	CHECK_INT(store_attachment_data(st, a.id, &data, &n), 0);
	CHECK_INT(n, sizeof png1);
	CHECK(data && memcmp(data, png1, n) == 0);
	free(data);
	/* found by the first eight digits of its id */
	char prefix[9];
	snprintf(prefix, sizeof prefix, "%.8s", a.id);
	CHECK_INT(store_attachment_find(st, prefix, &got), 0);
	CHECK_STR(got.id, a.id);
	CHECK_INT(store_attachment_find(st, "zz", &got), 1);
	for (char *q = prefix; *q; q++)          /* typed in capitals */
		if (*q >= 'a' && *q <= 'f')
			*q = (char)(*q - 'a' + 'A');
	CHECK_INT(store_attachment_find(st, prefix, &got), 0);
	/* the proposal's change log names it with its digest */
	nc = store_changes_of(st, "proposal", pid, &c);
	for (int i = 0; i < nc; i++) {
		if (strcmp(c[i].field, "附件") == 0 && c[i].new_value && strstr(c[i].new_value, hex))
			found = 1;
		change_clear(&c[i]);
	}
	free(c);
	CHECK(found);
	/* removed only with a reason, and logged */
	CHECK_INT(ops_attach_delete(st, a.id, "", err, sizeof err), -1);
	CHECK_CONTAINS(err, "须写明理由");
	CHECK_INT(ops_attach_delete(st, a.id, "附错了议题", err, sizeof err), 0);
	CHECK_INT(store_attachment_get(st, a.id, &got), 1);
	CHECK_INT(ops_attach_delete(st, a.id, "再删一次", err, sizeof err), -1);
	CHECK_CONTAINS(err, "附件不存在");
	found = 0;
	nc = store_changes_of(st, "proposal", pid, &c);
	for (int i = 0; i < nc; i++) {
		if (strcmp(c[i].field, "删除附件") == 0 && c[i].reason && strcmp(c[i].reason, "附错了议题") == 0)
			found = 1;
		change_clear(&c[i]);
	}
	free(c);
	CHECK(found);
}

static void test_owner_numbers(void)
{
	char id[ID_LEN], num[80];

	CHECK_INT(ops_attach_owner(st, AO_PROPOSAL, pnum, id, err, sizeof err), 0);
	CHECK_STR(id, pid);
	CHECK_INT(ops_attach_owner_number(st, AO_PROPOSAL, pid, num, sizeof num), 0);
	CHECK_STR(num, pnum);
	CHECK_INT(ops_attach_owner(st, AO_PROPOSAL, "2026-999", id, err, sizeof err), -1);
	CHECK_CONTAINS(err, "没有编号为 2026-999 的议题");
	CHECK_INT(ops_attach_owner(st, AO_MEETING, "2026-h-77", id, err, sizeof err), -1);
	CHECK_CONTAINS(err, "没有编号为 2026-h-77 的会议");
	CHECK_INT(ops_attach_owner(st, AO_NOTICE, "〔2026〕3号", id, err, sizeof err), -1);
	CHECK_CONTAINS(err, "没有文号为〔2026〕3号的公示");
	CHECK_INT(ops_attach_owner(st, AO_NOTICE, "三号", id, err, sizeof err), -1);
	CHECK_CONTAINS(err, "看不懂");
}

/* verify takes every attachment's SM3 again and names the altered one */
static void test_verify(void)
{
	struct attachment a;
	struct fx_lines l = { 0 };

	CHECK_INT(ops_attach_bytes(st, AO_PROPOSAL, pid, png1, sizeof png1, "签到表.png", "签字的签到表",
	                           &a, err, sizeof err), 0);
	CHECK_INT(seal_verify_all(st, fx_collect, &l), 0);
	/* the same size, other bytes: only the digest can tell */
	CHECK_INT(fx_sql("UPDATE attachment SET data = zeroblob(size)"), 0);
	CHECK_INT(seal_verify_all(st, fx_collect, &l), 1);
	CHECK_CONTAINS(l.all, "议题");
	CHECK_CONTAINS(l.all, "签字的签到表");
	CHECK_CONTAINS(l.all, "与添加时的 SM3 摘要不符");
	CHECK_INT(ops_attach_delete(st, a.id, "扫描件损坏，重新扫描", err, sizeof err), 0);
	memset(&l, 0, sizeof l);
	CHECK_INT(seal_verify_all(st, fx_collect, &l), 0);
}

/* a meeting never held is not deleted with its attachments; check finds
 * an attachment whose record is gone */
static void test_meeting_delete_and_check(void)
{
	struct meeting m;
	struct attachment a;
	struct fx_lines l = { 0 };
	const char *pids[] = { pid };
	char mid[ID_LEN];

	fx_meeting_fill(&m, MK_LIANGWEI, "2026-11-30", "09:30", FX_MEM);
	if (fx_meeting_new(&m, pids, 1, NULL, 0, mid) != 0)
		printf("  meeting: %s\n", fx_err());
	CHECK(mid[0] != 0);
	meeting_clear(&m);
	CHECK_INT(ops_attach_bytes(st, AO_MEETING, mid, png1, sizeof png1, "通知.png", "张贴的会议通知",
	                           &a, err, sizeof err), 0);
	CHECK_INT(ops_meeting_delete(st, mid, err, sizeof err), -1);
	CHECK_CONTAINS(err, "有 1 个附件");
	CHECK_INT(store_check(st, fx_collect, &l), 0);
	/* the meeting removed behind the program's back */
	CHECK_INT(fx_sql("PRAGMA foreign_keys = OFF"), 0);
	CHECK_INT(fx_sql("DELETE FROM agenda_item; DELETE FROM meeting"), 0);
	CHECK(store_check(st, fx_collect, &l) >= 1);   /* the agenda's events are gone too */
	CHECK_CONTAINS(l.all, "附件「张贴的会议通知」所属的会议");
	CHECK_INT(fx_sql("DELETE FROM attachment"), 0);
	CHECK_INT(fx_sql("PRAGMA foreign_keys = ON"), 0);
}

/* the store refuses a row that lies about itself */
static void test_store_checks(void)
{
	CHECK(fx_sql("INSERT INTO attachment(id, owner_kind, owner_id, title, type, size, sm3, data, added_at)"
	             " VALUES ('00000000-0000-4000-8000-000000000001', 1, '00000000-0000-4000-8000-000000000002',"
	             " 't', 'png', 5, '" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	             "', x'00', '2026-01-01 00:00:00')") != 0);
	CHECK(fx_sql("INSERT INTO attachment(id, owner_kind, owner_id, title, type, size, sm3, data, added_at)"
	             " VALUES ('00000000-0000-4000-8000-000000000001', 4, '00000000-0000-4000-8000-000000000002',"
	             " 't', 'png', 1, '" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	             "', x'00', '2026-01-01 00:00:00')") != 0);
}

/* ---- the dossier of the demo's archived matter 2026-001 ----------------------------- */

static int find_block(const struct doc *d, int kind, const char *text, size_t from)
{
	for (size_t i = from; i < d->n; i++)
		if (d->b[i].kind == kind && strstr(d->b[i].text, text))
			return (int)i;
	return -1;
}

static void test_dossier(void)
{
	static const char *const parts[] = {
		"一、提议", "二、办理经过", "三、会议记录", "四、公示", "五、实施情况", "六、异议及答复",
		"七、附件", "八、会议记录签字确认的摘要",
	};
	const char *path = fx_path("demo.db");
	struct store *ds;
	struct proposal p;
	struct attachment a;
	struct doc d;
	int at = 0, ntoc = 0, nimg = 0;

	ys_clock_set(0);
	CHECK_INT(demo_write(path, err, sizeof err), 0);
	ds = store_open(path, 0, err, sizeof err);
	CHECK(ds != NULL);
	if (!ds)
		return;
	memset(&p, 0, sizeof p);
	CHECK_INT(store_proposal_get_number(ds, "2026-001", &p), 0);
	CHECK_INT(p.step, STEP_ARCHIVE);
	CHECK_INT(ops_attach_bytes(ds, AO_PROPOSAL, p.id, png1, sizeof png1, "验收.png", "验收照片",
	                           &a, err, sizeof err), 0);
	CHECK_INT(ops_attach_bytes(ds, AO_PROPOSAL, p.id, "%PDF-1.4\n%%EOF\n", 15, "验收报告.pdf",
	                           "验收报告", &a, err, sizeof err), 0);
	/* pictures that cannot be shown: their page says so, the PDF is made */
	CHECK_INT(ops_attach_bytes(ds, AO_PROPOSAL, p.id, "\x89PNG\r\n\x1a\nbroken", 14, "坏.png",
	                           "损坏的图片", &a, err, sizeof err), 0);
	CHECK_INT(ops_attach_bytes(ds, AO_PROPOSAL, p.id, "\xff\xd8\xff\xe0" "broken jpeg", 15, "坏.jpg",
	                           "损坏的照片", &a, err, sizeof err), 0);
	CHECK_INT(dossier_doc(ds, p.id, &d, err, sizeof err), 0);
	/* the cover, then the contents before the first part */
	CHECK(find_block(&d, B_FIELD, "2026-001", 0) >= 0);
	CHECK(find_block(&d, B_FIELD, "10栋至12栋背巷路面硬化", 0) >= 0);
	int contents = -1;
	for (size_t i = 0; i < d.n; i++)
		if (d.b[i].kind == B_CONTENTS)
			contents = (int)i;
	CHECK(contents > 0);
	/* the parts in order, each in the contents */
	for (size_t k = 0; k < YS_ARRAY_LEN(parts); k++) {
		int i = find_block(&d, B_HEADING, parts[k], (size_t)at);
		CHECK(i > at);
		if (i > 0) {
			CHECK_INT(d.b[i].toc, 1);
			at = i;
		}
	}
	for (size_t i = 0; i < d.n; i++) {
		ntoc += d.b[i].toc > 0;
		nimg += d.b[i].kind == B_IMAGE;
	}
	/* 8 parts, three meetings and two notices under them */
	CHECK_INT(ntoc, 8 + 3 + 2);
	/* the PNG is shown, the PDF only listed (and the demo's own three
	 * pictures: the matter's, its first meeting's and its notice's) */
	CHECK_INT(nimg, 1 + 2 + 3);
	CHECK(find_block(&d, B_IMAGE, "验收照片", 0) > 0);
	CHECK(find_block(&d, B_ROW, "验收报告", 0) > 0);
	/* each meeting's part: attendance, speeches on this matter, the vote's sentence, the seal */
	CHECK(find_block(&d, B_FIELD, "应到", 0) > 0);
	CHECK(find_block(&d, B_HEADING, "发言摘要（本议题）", 0) > 0);
	CHECK(find_block(&d, B_FIELD, "通过", 0) > 0);
	CHECK(find_block(&d, B_FIELD, "、记录人", 0) > 0);
	/* the text and the PDF */
	struct strbuf t = { 0 };
	render_txt(&d, 80, &t);
	CHECK_CONTAINS(t.s, "议事协商档案");
	CHECK_CONTAINS(t.s, "七、附件");
	sb_free(&t);
	CHECK_INT(render_pdf(&d, NULL, fx_path("dossier.pdf"), err, sizeof err), 0);
	struct stat sb;
	CHECK_INT(stat(fx_path("dossier.pdf"), &sb), 0);
	CHECK(sb.st_size > 10000);
	/* a copy of the doc is the same doc */
	struct doc c;
	doc_init(&c, DOC_DOSSIER);
	doc_append(&c, &d);
	CHECK_INT(c.n, d.n);
	int same = 1;
	for (size_t i = 0; i < d.n && i < c.n; i++)
		same &= c.b[i].kind == d.b[i].kind && c.b[i].toc == d.b[i].toc && c.b[i].len == d.b[i].len &&
		        strcmp(c.b[i].text, d.b[i].text) == 0;
	CHECK(same);
	doc_free(&c);
	doc_free(&d);
	/* a proposal not there */
	CHECK_INT(dossier_doc(ds, "00000000-0000-4000-8000-000000000000", &d, err, sizeof err), -1);
	CHECK_CONTAINS(err, "找不到该议题");
	doc_free(&d);
	proposal_clear(&p);
	store_close(ds);
	fx_db_unlink(path);
}

int main(void)
{
	unsetenv("YISHITING_NOW");
	RUN(test_type_of);
	RUN(test_orientation);
	RUN(test_setup);
	if (st) {
		RUN(test_refusals);
		RUN(test_attach_and_log);
		RUN(test_owner_numbers);
		RUN(test_verify);
		RUN(test_store_checks);
		RUN(test_meeting_delete_and_check);
	}
	fx_db_done(st);
	RUN(test_dossier);
	fx_tmpdir_remove();
	ys_clock_set(0);
	pdf_caches_done();
	T_DONE();
}
