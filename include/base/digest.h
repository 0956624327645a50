/* digest.h: SM3 (GB/T 32905-2016, the national standard hash) and SHA-256
 * through OpenSSL's libcrypto, and the escaped "key=value" lines that
 * sealed records are digested in. */
#ifndef YS_DIGEST_H
#define YS_DIGEST_H

#include <stddef.h>
#include "base/util.h"

/* hex digests of a byte string into out (65 bytes, lower case); 0 or -1 */
int digest_sm3_hex(const void *data, size_t n, char out[65]);
int digest_sha256_hex(const void *data, size_t n, char out[65]);

/* "key=value\n" with the value escaped so that it can never imitate a line:
 * \ becomes \\, a newline \n, a tab \t, a carriage return \r.  A NULL
 * value (an optional text never set) writes "key\n", which is not the same
 * as an empty value. */
void digest_field(struct strbuf *sb, const char *key, const char *value);

#endif
