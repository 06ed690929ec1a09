/* resolv.c — per-interface DNS servers rendered into resolv.conf or systemd-resolved. */
#include "engine/resolv.h"

#include "engine/fault.h"

#include <errno.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define BLOCK_BEGIN "# BEGIN hvsh: per-interface DNS servers (Set-DnsClientServerAddress)"
#define BLOCK_END "# END hvsh"

const char *
hv_dns_conf_path(void)
{
    const char *p = getenv("HVSH_RESOLV_CONF");
    return p && *p ? p : "/etc/resolv.conf";
}

hv_dns_backend
hv_dns_detect(void)
{
    const char *p = getenv("HVSH_RESOLV_CONF");
    if (p && *p)
        return HV_DNS_RESOLV_CONF;
    /* the varlink socket systemd-resolved listens on ($HVSH_RESOLVED_SOCKET for tests) */
    const char *sock = getenv("HVSH_RESOLVED_SOCKET");
    if (access(sock && *sock ? sock : "/run/systemd/resolve/io.systemd.Resolve", F_OK) == 0)
        return HV_DNS_RESOLVED;
    return HV_DNS_RESOLV_CONF;
}

void
hv_dns_strv_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

typedef struct {
    char *data;
    size_t len, cap;
} tbuf;

static void
tb_put(tbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        if (!b->data)
            abort();
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

static void
tb_puts(tbuf *b, const char *s)
{
    tb_put(b, s, strlen(s));
}

/* Read the whole file; a missing file reads as empty. */
static int
read_all(const char *path, tbuf *out, hv_eng_err *err)
{
    memset(out, 0, sizeof *out);
    tb_put(out, "", 0);
    FILE *f = fopen(path, "re");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        return hv_eng_fail(err, hv_eng_code_from_errno(errno), errno, "Cannot read %s: %s",
                           path, strerror(errno));
    }
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        tb_put(out, chunk, n);
    fclose(f);
    return 0;
}

/* Call fn for each line outside the managed block. */
static void
foreach_outside(const char *text, void (*fn)(const char *line, size_t len, void *), void *arg)
{
    bool inside = false;
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        if (!strncmp(p, BLOCK_BEGIN, strlen(BLOCK_BEGIN)))
            inside = true;
        else if (inside && !strncmp(p, BLOCK_END, strlen(BLOCK_END)) && len == strlen(BLOCK_END))
            inside = false;
        else if (!inside)
            fn(p, len, arg);
        p += len + (p[len] == '\n');
    }
}

typedef struct {
    char **v;
    size_t n;
} strv;

static void
collect_server(const char *line, size_t len, void *arg)
{
    strv *sv = arg;
    char tmp[256];
    if (len >= sizeof tmp)
        return;
    memcpy(tmp, line, len);
    tmp[len] = 0;
    char *p = tmp;
    while (*p == ' ' || *p == '\t')
        p++;
    if (strncmp(p, "nameserver", 10) || (p[10] != ' ' && p[10] != '\t'))
        return;
    p += 10;
    while (*p == ' ' || *p == '\t')
        p++;
    p[strcspn(p, ";# \t\r")] = 0;
    if (!*p)
        return;
    sv->v = realloc(sv->v, (sv->n + 1) * sizeof *sv->v);
    if (!sv->v)
        abort();
    sv->v[sv->n++] = strdup(p);
}

int
hv_dns_conf_servers(const char *path, char ***out, size_t *n, hv_eng_err *err)
{
    tbuf text;
    if (read_all(path, &text, err) < 0)
        return -1;
    strv sv = {0};
    foreach_outside(text.data, collect_server, &sv);
    free(text.data);
    *out = sv.v;
    *n = sv.n;
    return 0;
}

char *
hv_dns_block_text(const hv_dns_iface *ifs, size_t n)
{
    tbuf b = {0};
    tb_puts(&b, BLOCK_BEGIN "\n");
    for (size_t i = 0; i < n; i++) {
        if (!ifs[i].n)
            continue;
        tb_puts(&b, "# interface ");
        tb_puts(&b, ifs[i].ifname);
        tb_puts(&b, ":");
        for (size_t j = 0; j < ifs[i].n; j++) {
            tb_puts(&b, " ");
            tb_puts(&b, ifs[i].servers[j]);
        }
        tb_puts(&b, "\n");
    }
    /* each server once, in interface order */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < ifs[i].n; j++) {
            bool seen = false;
            for (size_t k = 0; k <= i && !seen; k++)
                for (size_t l = 0; l < (k == i ? j : ifs[k].n) && !seen; l++)
                    seen = !strcmp(ifs[k].servers[l], ifs[i].servers[j]);
            if (seen)
                continue;
            tb_puts(&b, "nameserver ");
            tb_puts(&b, ifs[i].servers[j]);
            tb_puts(&b, "\n");
        }
    tb_puts(&b, BLOCK_END "\n");
    return b.data;
}

static void
copy_line(const char *line, size_t len, void *arg)
{
    tb_put(arg, line, len);
    tb_put(arg, "\n", 1);
}

/* Write text to path through a temporary file in the same directory and rename(2), so
 * readers never see a half-written resolv.conf. A symlink is followed (its target is
 * replaced, the link stays). */
static int
write_atomic(const char *path, const char *text, hv_eng_err *err)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        snprintf(real, sizeof real, "%s", path);
    char tmp[PATH_MAX + 16];
    snprintf(tmp, sizeof tmp, "%s.XXXXXX", real);
    int fd = hv_eng_fault("file:resolv.conf") ? -1 : mkstemp(tmp);
    if (fd < 0)
        return hv_eng_fail(err, hv_eng_code_from_errno(errno), errno, "Cannot write %s: %s",
                           real, strerror(errno));
    struct stat st;
    fchmod(fd, stat(real, &st) == 0 ? (st.st_mode & 07777) : 0644);
    size_t len = strlen(text);
    bool ok = write(fd, text, len) == (ssize_t)len && fsync(fd) == 0;
    int e = errno;
    close(fd);
    if (!ok || rename(tmp, real) < 0) {
        if (ok)
            e = errno;
        unlink(tmp);
        return hv_eng_fail(err, hv_eng_code_from_errno(e), e, "Cannot write %s: %s", real,
                           strerror(e));
    }
    return 0;
}

static int
apply_conf(const hv_dns_iface *ifs, size_t n, hv_eng_err *err)
{
    const char *path = hv_dns_conf_path();
    tbuf text, out = {0};
    if (read_all(path, &text, err) < 0)
        return -1;
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += ifs[i].n;
    if (total) {
        char *block = hv_dns_block_text(ifs, n);
        tb_puts(&out, block);
        free(block);
    }
    tb_put(&out, "", 0);
    foreach_outside(text.data, copy_line, &out);
    free(text.data);
    int rc = write_atomic(path, out.data, err);
    free(out.data);
    return rc;
}

/* systemd-resolved: `resolvectl dns <ifindex> <servers...>` per interface (an empty list
 * reverts the link). Spawned with an argv, never through a shell. */
static int
apply_resolved(const hv_dns_iface *ifs, size_t n, hv_eng_err *err)
{
    for (size_t i = 0; i < n; i++) {
        char idx[16];
        snprintf(idx, sizeof idx, "%d", ifs[i].ifindex);
        char **argv = calloc(ifs[i].n + 5, sizeof *argv);
        if (!argv)
            abort();
        size_t a = 0;
        argv[a++] = (char *)"resolvectl";
        argv[a++] = (char *)(ifs[i].n ? "dns" : "revert");
        argv[a++] = idx;
        for (size_t j = 0; j < ifs[i].n; j++)
            argv[a++] = (char *)ifs[i].servers[j];
        pid_t pid;
        int rc = hv_eng_fault("exec:resolvectl") ? EIO
                 : posix_spawnp(&pid, "resolvectl", NULL, NULL, argv, environ);
        free(argv);
        int status = 0;
        if (rc != 0)
            return hv_eng_fail(err, HV_ENG_SYSTEM, rc, "Cannot run resolvectl: %s", strerror(rc));
        if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            return hv_eng_fail(err, HV_ENG_SYSTEM, 0,
                               "systemd-resolved refused the DNS servers of '%s'.", ifs[i].ifname);
    }
    return 0;
}

int
hv_dns_apply(const hv_dns_iface *ifs, size_t n, hv_eng_err *err)
{
    if (hv_dns_detect() == HV_DNS_RESOLVED)
        return apply_resolved(ifs, n, err);
    return apply_conf(ifs, n, err);
}
