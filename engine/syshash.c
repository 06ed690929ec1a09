/* syshash.c — digests through a dlopen'ed libcrypto (see syshash.h). */
#include "engine/syshash.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static struct {
    bool tried, ok;
    EVP_MD_CTX *(*ctx_new)(void);
    void (*ctx_free)(EVP_MD_CTX *);
    const EVP_MD *(*by_name)(const char *);
    int (*init)(EVP_MD_CTX *, const EVP_MD *, ENGINE *);
    int (*update)(EVP_MD_CTX *, const void *, size_t);
    int (*final)(EVP_MD_CTX *, unsigned char *, unsigned int *);
    char err[256];
} lib;

static int
load(hv_eng_err *err)
{
    if (!lib.tried) {
        lib.tried = true;
        void *h = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
        if (!h)
            h = dlopen("libcrypto.so", RTLD_NOW | RTLD_LOCAL);
        if (h) {
            *(void **)&lib.ctx_new = dlsym(h, "EVP_MD_CTX_new");
            *(void **)&lib.ctx_free = dlsym(h, "EVP_MD_CTX_free");
            *(void **)&lib.by_name = dlsym(h, "EVP_get_digestbyname");
            *(void **)&lib.init = dlsym(h, "EVP_DigestInit_ex");
            *(void **)&lib.update = dlsym(h, "EVP_DigestUpdate");
            *(void **)&lib.final = dlsym(h, "EVP_DigestFinal_ex");
        }
        lib.ok = h && lib.ctx_new && lib.ctx_free && lib.by_name && lib.init && lib.update &&
                 lib.final;
        if (!lib.ok)
            snprintf(lib.err, sizeof lib.err, "%s", h ? "missing symbols" : dlerror());
    }
    if (lib.ok)
        return 0;
    return hv_eng_fail(err, HV_ENG_UNSUPPORTED, ENOENT,
                       "Cannot load libcrypto.so.3 (install the libssl3 package): %s", lib.err);
}

struct hv_sys_hash {
    EVP_MD_CTX *ctx;
};

int
hv_sys_hash_new(const char *alg, hv_sys_hash **out, hv_eng_err *err)
{
    static const char *const names[][2] = {{"SHA1", "sha1"}, {"SHA256", "sha256"},
                                           {"SHA384", "sha384"}, {"SHA512", "sha512"},
                                           {"MD5", "md5"}};
    const char *ossl = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcasecmp(alg, names[i][0]))
            ossl = names[i][1];
    if (!ossl)
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "The hash algorithm '%s' is not supported.",
                           alg);
    if (load(err) < 0)
        return -1;
    const EVP_MD *md = lib.by_name(ossl);
    EVP_MD_CTX *ctx = md ? lib.ctx_new() : NULL;
    if (!ctx || lib.init(ctx, md, NULL) != 1) {
        if (ctx)
            lib.ctx_free(ctx);
        return hv_eng_fail(err, HV_ENG_UNSUPPORTED, EINVAL,
                           "libcrypto cannot compute %s (disabled by the OpenSSL configuration?).",
                           alg);
    }
    *out = calloc(1, sizeof **out);
    if (!*out)
        abort();
    (*out)->ctx = ctx;
    return 0;
}

void
hv_sys_hash_update(hv_sys_hash *h, const void *data, size_t n)
{
    lib.update(h->ctx, data, n);
}

void
hv_sys_hash_free(hv_sys_hash *h)
{
    if (!h)
        return;
    lib.ctx_free(h->ctx);
    free(h);
}

int
hv_sys_hash_final(hv_sys_hash *h, char *hex, size_t n, hv_eng_err *err)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    int ok = lib.final(h->ctx, md, &len) == 1;
    hv_sys_hash_free(h);
    if (!ok || n < (size_t)len * 2 + 1)
        return hv_eng_fail(err, HV_ENG_SYSTEM, EINVAL, "The digest could not be computed.");
    for (unsigned i = 0; i < len; i++)
        snprintf(hex + i * 2, 3, "%02X", md[i]);
    return 0;
}

int
hv_sys_hash_file(const char *path, const char *alg, char *hex, size_t n, hv_eng_err *err)
{
    hv_sys_hash *h;
    if (hv_sys_hash_new(alg, &h, err) < 0)
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        hv_sys_hash_free(h);
        return hv_eng_fail(err, hv_eng_code_from_errno(e), e, "%s", strerror(e));
    }
    char *buf = malloc(1 << 16);
    if (!buf)
        abort();
    ssize_t k;
    while ((k = read(fd, buf, 1 << 16)) > 0 || (k < 0 && errno == EINTR))
        if (k > 0)
            hv_sys_hash_update(h, buf, (size_t)k);
    int e = errno;
    free(buf);
    close(fd);
    if (k < 0) {
        hv_sys_hash_free(h);
        return hv_eng_fail(err, hv_eng_code_from_errno(e), e, "%s", strerror(e));
    }
    return hv_sys_hash_final(h, hex, n, err);
}
