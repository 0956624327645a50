/* t.h: a tiny test harness.  Each test binary prints "PASS name" or
 * "FAIL name: file:line: what" per test and ends with the line
 * "unit: N passed, N failed" that tests/run.sh adds up. */
#ifndef YS_T_H
#define YS_T_H

#include <stdio.h>
#include <string.h>

static int t_passed, t_failed, t_cur_failed;
static const char *t_cur;

#define CHECK(cond) do { if (!(cond)) { \
	printf("FAIL %s: %s:%d: %s\n", t_cur, __FILE__, __LINE__, #cond); \
	t_cur_failed = 1; } } while (0)
#define CHECK_INT(a, b) do { long _a = (long)(a), _b = (long)(b); if (_a != _b) { \
	printf("FAIL %s: %s:%d: %s == %ld, expected %ld\n", t_cur, __FILE__, __LINE__, #a, _a, _b); \
	t_cur_failed = 1; } } while (0)
#define CHECK_STR(a, b) do { const char *_a = (a), *_b = (b); \
	if (!_a || !_b || strcmp(_a, _b) != 0) { \
	printf("FAIL %s: %s:%d: %s == \"%s\", expected \"%s\"\n", t_cur, __FILE__, __LINE__, #a, \
	       _a ? _a : "(null)", _b ? _b : "(null)"); t_cur_failed = 1; } } while (0)
#define CHECK_CONTAINS(hay, needle) do { const char *_h = (hay), *_n = (needle); \
	if (!_h || !strstr(_h, _n)) { \
	printf("FAIL %s: %s:%d: \"%s\" does not contain \"%s\"\n", t_cur, __FILE__, __LINE__, \
	       _h ? _h : "(null)", _n); t_cur_failed = 1; } } while (0)

#define RUN(fn) do { t_cur = #fn; t_cur_failed = 0; fn(); \
	if (t_cur_failed) t_failed++; else { t_passed++; printf("PASS %s\n", #fn); } } while (0)

#define T_DONE() do { printf("unit: %d passed, %d failed\n", t_passed, t_failed); \
	return t_failed ? 1 : 0; } while (0)

#endif
