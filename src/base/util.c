/* util.c: allocation that never returns NULL, a growable string, UUIDs,
 * and the lookup into the files embedded in the binary. */
#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uuid/uuid.h>

#include "base/util.h"
#include "base/embed.h"

/* No allocation on this path: we are here because allocation failed. */
static void oom(size_t n) __attribute__((noreturn));
static void oom(size_t n)
{
	fprintf(stderr, "yishiting: out of memory (%zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);   /* calloc checks n*size */
	if (!p)
		oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *xstrdup(const char *s)
{
	size_t n;
	char *d;

	if (!s)
		s = "";
	n = strlen(s);
	d = xmalloc(n + 1);
	memcpy(d, s, n + 1);
	return d;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *s;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		die("bad format string: %s", fmt);
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

void ys_say(ys_line_cb cb, void *arg, const char *fmt, ...)
{
	va_list ap;
	char *line;

	if (!cb)
		return;
	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	cb(line, arg);
	free(line);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void die(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("yishiting: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

int ys_snprintf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return (n < 0 || (size_t)n >= len) ? -1 : 0;
}

int ys_strlcpy(char *dst, const char *src, size_t len)
{
	size_t n = strlen(src), k;

	if (len == 0)
		return n ? -1 : 0;
	if (n < len) {
		memcpy(dst, src, n + 1);
		return 0;
	}
	/* src[k] is the first byte left out; if it continues a character,
	 * that character started earlier and must go too. */
	k = len - 1;
	while (k > 0 && ((unsigned char)src[k] & 0xC0) == 0x80)
		k--;
	memcpy(dst, src, k);
	dst[k] = '\0';
	return -1;
}

/* ---- strbuf ---------------------------------------------------------- */

static void sb_grow(struct strbuf *sb, size_t more)
{
	size_t need = sb->len + more + 1;

	if (need <= sb->cap)
		return;
	if (need < sb->len)             /* size_t overflow */
		oom((size_t)-1);
	while (sb->cap < need)
		sb->cap = sb->cap ? sb->cap * 2 : 64;
	sb->s = xrealloc(sb->s, sb->cap);
}

void sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	if (n)
		memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void sb_add(struct strbuf *sb, const char *s)
{
	if (!s)
		s = "";
	sb_addn(sb, s, strlen(s));
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap, cp;
	int n;

	va_start(ap, fmt);
	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		die("bad format string: %s", fmt);
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

void sb_free(struct strbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

char *sb_steal(struct strbuf *sb)
{
	char *s = sb->s ? sb->s : xstrdup("");

	sb->s = NULL;
	sb->len = sb->cap = 0;
	return s;
}

/* ---- UUIDs ----------------------------------------------------------- */

void ys_uuid(char out[YS_UUID_LEN + 1])
{
	uuid_t u;

	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

int ys_uuid_valid(const char *s)
{
	static const char hex[] = "0123456789abcdefABCDEF";
	int i;

	if (!s || strlen(s) != YS_UUID_LEN)
		return 0;
	for (i = 0; i < YS_UUID_LEN; i++) {
		int dash = (i == 8 || i == 13 || i == 18 || i == 23);
		if (dash ? s[i] != '-' : !s[i] || !strchr(hex, s[i]))
			return 0;
	}
	return 1;
}

/* ---- trimming -------------------------------------------------------- */

/* length of the space at p: 1 for ASCII white space, 3 for U+3000, 0 if none */
static size_t space_len(const char *p)
{
	if (*p && strchr(" \t\n\r\v\f", *p))
		return 1;
	if (!strncmp(p, "\xE3\x80\x80", 3))
		return 3;
	return 0;
}

/* 1 if the end of s (length n) is a space; *k gets its length */
static int space_before(const char *s, size_t n, size_t *k)
{
	if (n >= 1 && space_len(s + n - 1) == 1) {
		*k = 1;
		return 1;
	}
	if (n >= 3 && !strncmp(s + n - 3, "\xE3\x80\x80", 3)) {
		*k = 3;
		return 1;
	}
	return 0;
}

char *ys_trim(char *s)
{
	size_t start = 0, n, k;

	if (!s)
		return s;
	while ((k = space_len(s + start)) > 0)
		start += k;
	n = strlen(s + start);
	/* keep the returned pointer equal to s, so it can still be freed */
	memmove(s, s + start, n + 1);
	while (space_before(s, n, &k))
		n -= k;
	s[n] = '\0';
	return s;
}

/* ---- embedded files -------------------------------------------------- */

const struct embedded_file *embedded_find(const char *name)
{
	size_t i;

	for (i = 0; name && i < embedded_count; i++)
		if (strcmp(embedded_files[i].name, name) == 0)
			return &embedded_files[i];
	return NULL;
}

int ys_has_text(const char *s)
{
	if (!s)
		return 0;
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' || *s == '\f')
			s++;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else
			return 1;
	}
	return 0;
}

int ys_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	/* never leave half a character at the end of a cut message */
	size_t n = strlen(err), k = n;
	while (k > 0 && ((unsigned char)err[k - 1] & 0xC0) == 0x80)
		k--;
	if (k > 0 && ((unsigned char)err[k - 1] & 0x80)) {
		unsigned char c = (unsigned char)err[k - 1];
		size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (n - (k - 1) < want)
			err[k - 1] = '\0';
	}
	return -1;
}

int ys_mkdir_p(const char *path, char *err, size_t errlen)
{
	char *d = xstrdup(path);
	size_t n = strlen(d);
	struct stat sb;

	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	for (char *p = d + 1; ; p++) {
		int end = *p == '\0';
		if (*p != '/' && !end)
			continue;
		*p = '\0';
		if (mkdir(d, 0777) != 0 && errno != EEXIST) {
			ys_err(err, errlen, "无法创建文件夹 %s：%s", d, ys_errno_zh(errno));
			free(d);
			return -1;
		}
		if (end)
			break;
		*p = '/';
	}
	if (stat(d, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		ys_err(err, errlen, "%s 不是文件夹", d);
		free(d);
		return -1;
	}
	free(d);
	return 0;
}

const char *ys_errno_zh(int e)
{
	switch (e) {
	case EACCES: case EPERM: return "没有写入权限";
	case ENOENT:  return "所在的文件夹不存在";
	case ENOTDIR: return "路径中有一段不是文件夹";
	case EISDIR:  return "这是一个文件夹";
	case EROFS:   return "只读的文件系统";
	case ENOSPC:  return "磁盘空间不足";
	case EDQUOT:  return "超出磁盘配额";
	case ENAMETOOLONG: return "文件名太长";
	default:      return strerror(e);
	}
}
