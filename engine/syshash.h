/* syshash.h — message digests for Get-FileHash through OpenSSL's libcrypto, loaded with
 * dlopen on first use (like libxml2 and libnftables: start-up stays fast and hvsh runs
 * without it until a hash is asked for). 0 / -1 with *err (engerr.h). */
#ifndef HV_SYSHASH_H
#define HV_SYSHASH_H

#include <stddef.h>

#include "engine/engerr.h"

typedef struct hv_sys_hash hv_sys_hash;

/* alg: "SHA1", "SHA256", "SHA384", "SHA512", "MD5" (case-insensitive). */
int hv_sys_hash_new(const char *alg, hv_sys_hash **out, hv_eng_err *err);
void hv_sys_hash_update(hv_sys_hash *h, const void *data, size_t n);
/* Upper-case hex digest into hex (at least 129 bytes); frees h. */
int hv_sys_hash_final(hv_sys_hash *h, char *hex, size_t n, hv_eng_err *err);
void hv_sys_hash_free(hv_sys_hash *h);
/* Hash a whole file. */
int hv_sys_hash_file(const char *path, const char *alg, char *hex, size_t n, hv_eng_err *err);

#endif
