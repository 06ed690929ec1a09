/* virt_vhd.c — virtual hard disks through qemu-img, spawned with an argv (never a shell). */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/virt_int.h"

extern char **environ;

/* Runs argv, captures stdout (malloc'd into *out if out) and stderr (into err->msg). */
static int
run(char *const argv[], char **out, hv_eng_err *err)
{
    int po[2], pe[2];
    if (pipe2(po, O_CLOEXEC) < 0 || pipe2(pe, O_CLOEXEC) < 0) {
        hv_virt_err_set(err, HV_VIRT_E_IO, "pipe: %s", strerror(errno));
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, po[1], 1);
    posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(po[1]);
    close(pe[1]);
    if (rc != 0) {
        close(po[0]);
        close(pe[0]);
        hv_virt_err_set(err, HV_VIRT_E_IO, "cannot run %s: %s (install qemu-utils)", argv[0],
                        strerror(rc));
        return -1;
    }
    size_t ocap = 4096, olen = 0, elen = 0;
    char *obuf = malloc(ocap), ebuf[512];
    /* stderr is small; read stdout fully first, then stderr (qemu-img writes little) */
    for (;;) {
        if (olen + 1024 > ocap)
            obuf = realloc(obuf, ocap *= 2);
        ssize_t k = read(po[0], obuf + olen, ocap - olen - 1);
        if (k <= 0)
            break;
        olen += (size_t)k;
    }
    obuf[olen] = 0;
    for (;;) {
        ssize_t k = read(pe[0], ebuf + elen, sizeof ebuf - elen - 1);
        if (k <= 0)
            break;
        elen += (size_t)k;
    }
    ebuf[elen] = 0;
    close(po[0]);
    close(pe[0]);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        ebuf[strcspn(ebuf, "\n")] = 0;
        const char *m = ebuf;
        if (!strncmp(m, "qemu-img: ", 10))
            m += 10;
        hv_virt_err_set(err, HV_VIRT_E_IO, "%s", *m ? m : "qemu-img failed");
        free(obuf);
        return -1;
    }
    if (out)
        *out = obuf;
    else
        free(obuf);
    return 0;
}

/* The format New-VHD writes for a path. libvirt has no 'vhdx' disk format (QEMU's vhdx
 * driver is not exposed), so a .vhdx New-VHD creates holds qcow2: the VM can then use it
 * (Add-VMHardDiskDrive, New-VM -VHDPath), and Get-VHD still reports VHDX from the name. */
static const char *
fmt_for(const char *path)
{
    size_t l = strlen(path);
    if (l > 5 && !strcasecmp(path + l - 5, ".vhdx"))
        return "qcow2";
    if (l > 4 && !strcasecmp(path + l - 4, ".vhd"))
        return "vpc";
    if (l > 4 && (!strcasecmp(path + l - 4, ".img") || !strcasecmp(path + l - 4, ".raw")))
        return "raw";
    return "qcow2";
}

const char *
hv_virt_disk_format(const char *path)
{
    unsigned char h[8] = {0};
    int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
    ssize_t got = fd >= 0 ? read(fd, h, sizeof h) : -1;
    if (fd >= 0)
        close(fd);
    if (got == (ssize_t)sizeof h) {
        if (!memcmp(h, "QFI\xfb", 4))
            return "qcow2";
        if (!memcmp(h, "vhdxfile", 8))
            return "vhdx";
        if (!memcmp(h, "conectix", 8))
            return "vpc";
    }
    if (!path)
        return "raw";
    size_t l = strlen(path);
    if (l > 5 && !strcasecmp(path + l - 5, ".vhdx"))
        return "qcow2";
    if (l > 4 && !strcasecmp(path + l - 4, ".vhd"))
        return "vpc";
    if (l > 4 && (!strcasecmp(path + l - 4, ".img") || !strcasecmp(path + l - 4, ".raw") ||
                  !strcasecmp(path + l - 4, ".iso")))
        return "raw";
    return "qcow2";
}

int
hv_virt_vhd_create(const char *path, uint64_t size, const char *parent, bool fixed, hv_eng_err *err)
{
    if (!path || !*path) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The path cannot be empty.");
        return -1;
    }
    if (access(path, F_OK) == 0) {
        hv_virt_err_set(err, HV_VIRT_E_EXISTS, "The file '%s' already exists.", path);
        return -1;
    }
    if (!parent && (size < (3u << 20) || size > (64ull << 40) || size % 512)) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The size %llu is not valid: it must be a multiple of 512 bytes between "
                        "3 MB and 64 TB.",
                        (unsigned long long)size);
        return -1;
    }
    char sz[32];
    snprintf(sz, sizeof sz, "%llu", (unsigned long long)size);
    const char *fmt = fmt_for(path);
    char *argv[16];
    int n = 0;
    argv[n++] = "qemu-img";
    argv[n++] = "create";
    argv[n++] = "-q";
    argv[n++] = "-f";
    argv[n++] = (char *)fmt;
    if (parent) {
        argv[n++] = "-b";
        argv[n++] = (char *)parent;
        argv[n++] = "-F";
        argv[n++] = (char *)hv_virt_disk_format(parent);
    }
    if (fixed && !strcmp(fmt, "qcow2")) {
        argv[n++] = "-o";
        argv[n++] = "preallocation=falloc";
    }
    argv[n++] = (char *)path;
    if (!parent || size)
        argv[n++] = sz;
    argv[n] = NULL;
    return run(argv, NULL, err);
}

void
hv_virt_vhd_clear(hv_vhd *d)
{
    free(d->path);
    free(d->format);
    free(d->parent);
    memset(d, 0, sizeof *d);
}

int
hv_virt_vhd_info(const char *path, hv_vhd *out, hv_eng_err *err)
{
    memset(out, 0, sizeof *out);
    if (access(path, F_OK) != 0) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "The file '%s' does not exist.", path);
        return -1;
    }
    char *argv[] = {"qemu-img", "info", "-U", "--output=json", (char *)path, NULL};
    char *js = NULL;
    if (run(argv, &js, err) < 0)
        return -1;
    json_error_t je;
    json_t *j = json_loads(js, 0, &je);
    free(js);
    if (!j) {
        hv_virt_err_set(err, HV_VIRT_E_IO, "qemu-img printed unreadable JSON: %s", je.text);
        return -1;
    }
    out->path = hv_virt_strdup(path);
    out->format = hv_virt_strdup(json_string_value(json_object_get(j, "format")));
    out->size = (uint64_t)json_integer_value(json_object_get(j, "virtual-size"));
    out->file_size = (uint64_t)json_integer_value(json_object_get(j, "actual-size"));
    const char *bf = json_string_value(json_object_get(j, "full-backing-filename"));
    if (!bf)
        bf = json_string_value(json_object_get(j, "backing-filename"));
    out->parent = hv_virt_strdup(bf);
    json_decref(j);
    return 0;
}

int
hv_virt_vhd_resize(const char *path, uint64_t size, hv_eng_err *err)
{
    hv_vhd cur;
    if (hv_virt_vhd_info(path, &cur, err) < 0)
        return -1;
    bool shrink = size < cur.size;
    hv_virt_vhd_clear(&cur);
    if (size < (3u << 20) || size % 512) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The size %llu is not valid: it must be a multiple of 512 bytes of at "
                        "least 3 MB.",
                        (unsigned long long)size);
        return -1;
    }
    char sz[32];
    snprintf(sz, sizeof sz, "%llu", (unsigned long long)size);
    char *argv[8];
    int n = 0;
    argv[n++] = "qemu-img";
    argv[n++] = "resize";
    argv[n++] = "-q";
    if (shrink)
        argv[n++] = "--shrink";
    argv[n++] = (char *)path;
    argv[n++] = sz;
    argv[n] = NULL;
    return run(argv, NULL, err);
}

/* A temporary name next to dst: renamed over dst only once the new file is complete. */
static void
tmp_name(const char *dst, char *buf, size_t n)
{
    const char *slash = strrchr(dst, '/');
    int dl = slash ? (int)(slash - dst + 1) : 0;
    snprintf(buf, n, "%.*s.%s.hvsh-tmp-%ld", dl, dst, slash ? slash + 1 : dst, (long)getpid());
}

/* qemu-img convert src -> dst (all of it, or only what differs from backing), through a
 * temporary file: dst appears complete or not at all. */
static int
convert_atomic(const char *src, const char *dst, const char *fmt, bool fixed, const char *backing,
               bool replace, hv_eng_err *err)
{
    char tmp[4096];
    tmp_name(dst, tmp, sizeof tmp);
    char *argv[20];
    int n = 0;
    argv[n++] = "qemu-img";
    argv[n++] = "convert";
    argv[n++] = "-q";
    argv[n++] = "-f";
    argv[n++] = (char *)hv_virt_disk_format(src);
    argv[n++] = "-O";
    argv[n++] = (char *)fmt;
    if (fixed && !strcmp(fmt, "qcow2")) {
        argv[n++] = "-o";
        argv[n++] = "preallocation=falloc";
    } else if (fixed && !strcmp(fmt, "vpc")) {
        argv[n++] = "-o";
        argv[n++] = "subformat=fixed";
    }
    if (backing) {
        argv[n++] = "-B";
        argv[n++] = (char *)backing;
        argv[n++] = "-F";
        argv[n++] = (char *)hv_virt_disk_format(backing);
    }
    argv[n++] = (char *)src;
    argv[n++] = tmp;
    argv[n] = NULL;
    if (run(argv, NULL, err) < 0) {
        unlink(tmp);
        return -1;
    }
    /* no replacing a file that appeared meanwhile (unless this is an in-place rewrite) */
    int r = replace ? rename(tmp, dst) : renameat2(AT_FDCWD, tmp, AT_FDCWD, dst, RENAME_NOREPLACE);
    if (r < 0) {
        hv_virt_err_set(err, errno == EEXIST ? HV_VIRT_E_EXISTS : HV_VIRT_E_IO,
                        "Cannot create '%s': %s", dst, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

int
hv_virt_vhd_copy(const char *src, const char *dst, hv_eng_err *err)
{
    /* the whole chain flattened into one file of the source's format */
    return convert_atomic(src, dst, hv_virt_disk_format(src), false, NULL, false, err);
}

int
hv_virt_vhd_convert(const char *src, const char *dst, int type, const char *parent, hv_eng_err *err)
{
    if (access(src, R_OK) != 0) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "The file '%s' does not exist.", src);
        return -1;
    }
    if (access(dst, F_OK) == 0) {
        hv_virt_err_set(err, HV_VIRT_E_EXISTS, "The file '%s' already exists.", dst);
        return -1;
    }
    if (type == 4 && (!parent || access(parent, R_OK) != 0)) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "A differencing disk needs an existing parent: give -ParentPath.");
        return -1;
    }
    hv_vhd info;
    if (hv_virt_vhd_info(src, &info, err) < 0)
        return -1;
    /* keep the source's kind unless told: a differencing source converts to a whole disk */
    bool fixed = type == 2 || (type < 0 && info.format && !strcmp(info.format, "raw"));
    hv_virt_vhd_clear(&info);
    return convert_atomic(src, dst, fmt_for(dst), fixed, type == 4 ? parent : NULL, false, err);
}

int
hv_virt_vhd_check(const char *path, bool *ok, char *detail, size_t n, hv_eng_err *err)
{
    *ok = false;
    if (detail && n)
        detail[0] = 0;
    if (access(path, R_OK) != 0) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "The file '%s' does not exist.", path);
        return -1;
    }
    char *argv[] = {"qemu-img", "check", "-q", "-U", (char *)path, NULL};
    hv_eng_err e = {0};
    if (run(argv, NULL, &e) == 0) {
        *ok = true;
        return 0;
    }
    /* formats without a consistency check (raw, vpc) are fine when their header reads */
    if (strstr(e.msg, "does not support checks")) {
        hv_vhd info;
        *ok = hv_virt_vhd_info(path, &info, &e) == 0;
        if (!*ok) {
            if (detail)
                snprintf(detail, n, "%s", e.msg);
            return 0;
        }
        /* a .vhdx/.vhd/.qcow2 that probes as raw has no valid header */
        if (info.format && !strcmp(info.format, "raw") && strcmp(fmt_for(path), "raw") != 0) {
            *ok = false;
            if (detail)
                snprintf(detail, n, "no %s header: the file is not a virtual hard disk",
                         fmt_for(path));
        }
        hv_virt_vhd_clear(&info);
        return 0;
    }
    if (detail)
        snprintf(detail, n, "%s", e.msg);
    return 0;
}

int
hv_virt_vhd_optimize(const char *path, hv_eng_err *err)
{
    hv_vhd info;
    if (hv_virt_vhd_info(path, &info, err) < 0)
        return -1;
    int r = -1;
    if (!info.format || strcmp(info.format, "qcow2") != 0) {
        hv_virt_err_set(err, HV_VIRT_E_UNSUPPORTED,
                        "The virtual hard disk '%s' (%s) cannot be compacted: only dynamic "
                        "(qcow2) disks can.",
                        path, info.format ? info.format : "unknown format");
    } else {
        /* the file must not be in use: qemu-img takes a write lock and fails otherwise */
        char *lk[] = {"qemu-img", "check", "-q", (char *)path, NULL};
        hv_eng_err e = {0};
        if (run(lk, NULL, &e) < 0 && strstr(e.msg, "lock")) {
            hv_virt_err_set(err, HV_VIRT_E_STATE, "The virtual hard disk '%s' is in use: %s", path,
                            e.msg);
        } else {
            /* a rewrite copies only allocated, non-zero clusters */
            r = convert_atomic(path, path, "qcow2", false, info.parent, true, err);
        }
    }
    hv_virt_vhd_clear(&info);
    return r;
}

/* ---- packages ---- */
int
hv_virt_pkg_installed(const char *pkg)
{
    char *argv[] = {"dpkg-query", "-W", "-f=${Status}", (char *)pkg, NULL};
    char *out = NULL;
    hv_eng_err err = {0};
    if (!hv_virt_have_program("dpkg-query"))
        return -1;
    if (run(argv, &out, &err) < 0)
        return 0;
    int r = strstr(out, "install ok installed") != NULL;
    free(out);
    return r;
}

int
hv_virt_pkg_install(const char *const *pkgs, hv_eng_err *err)
{
    char *argv[32];
    int n = 0;
    argv[n++] = "apt-get";
    argv[n++] = "install";
    argv[n++] = "-y";
    argv[n++] = "-q";
    argv[n++] = "--no-install-recommends";
    for (; *pkgs && n < 31; pkgs++)
        argv[n++] = (char *)*pkgs;
    argv[n] = NULL;
    return run(argv, NULL, err);
}

bool
hv_virt_have_program(const char *name)
{
    if (strchr(name, '/'))
        return access(name, X_OK) == 0;
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
    char buf[4096];
    for (const char *p = path; *p;) {
        const char *e = strchr(p, ':');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        snprintf(buf, sizeof buf, "%.*s/%s", (int)len, p, name);
        if (access(buf, X_OK) == 0)
            return true;
        p += len + (e ? 1 : 0);
    }
    return false;
}
