/* util.h: allocation wrappers that abort on failure, a growable string,
 * UUIDs.  Nothing here knows about the terminal or SQL. */
#ifndef YS_UTIL_H
#define YS_UTIL_H

#include <stddef.h>
#include <stdarg.h>

#define YS_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define YS_UUID_LEN 36          /* text form, without the NUL */

/* x* functions print a message and abort() when memory runs out; die()
 * prints "yishiting: <message>" to stderr and exits with status 1 */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);                 /* NULL -> "" copy; caller frees */
char *xasprintf(const char *fmt, ...)         /* caller frees */
	__attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* A report line by line (check, verify, salvage): each line formatted
 * whole, however long, and handed to cb with arg; nothing when cb is NULL */
typedef void (*ys_line_cb)(const char *line, void *arg);
void ys_say(ys_line_cb cb, void *arg, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* a Chinese message into err (may be NULL), never cut inside a character;
 * returns -1 so that `return ys_err(err, len, "……");` reads naturally */
int ys_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* what a failed file operation's errno means, in Chinese for the common
 * cases (no permission, no such folder, disk full…), else strerror() */
const char *ys_errno_zh(int e);

/* snprintf that tells whether it fitted: 0 ok, -1 truncated */
int ys_snprintf(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* copy with truncation at a UTF-8 character boundary (never half a
 * character); returns -1 if cut */
int ys_strlcpy(char *dst, const char *src, size_t len);

/* growable string; sb.s is always NUL-terminated once anything was added */
struct strbuf {
	char   *s;
	size_t  len;
	size_t  cap;
};
void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_free(struct strbuf *sb);
char *sb_steal(struct strbuf *sb);            /* caller frees; sb reset */

/* a new random UUID (libuuid), lower-case text, into out[37] */
void ys_uuid(char out[YS_UUID_LEN + 1]);
/* 1 if s is a well-formed lower/upper-case UUID text */
int ys_uuid_valid(const char *s);

/* mkdir -p: the folder and its parents; 0, or -1 with a Chinese message
 * (also when the path exists but is not a folder) */
int ys_mkdir_p(const char *path, char *err, size_t errlen);

/* 1 if s (may be NULL) has something besides ASCII white space and
 * ideographic spaces (U+3000): a reason of blanks is no reason */
int ys_has_text(const char *s);

/* trim ASCII white space and ideographic (U+3000) spaces at both ends, in
 * place; returns s itself (the text is moved to the front), so it can still
 * be freed */
char *ys_trim(char *s);

#endif
