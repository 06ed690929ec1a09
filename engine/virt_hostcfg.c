/* virt_hostcfg.c — Hyper-V host settings libvirt has no place for (Set-VMHost): default
 * folders, enhanced session mode, the MAC address pool, NUMA spanning, migration limits. They
 * live in <state dir>/vmhost.json ({"hosts": {"<host name>": {...}}}), read-modified-written
 * under an exclusive lock and replaced atomically (temporary file, fsync, rename), so a crash
 * or a concurrent Set-VMHost never leaves a torn or half-merged file. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "engine/virt_int.h"

static const char *
state_dir(void)
{
    const char *d = getenv("HVSH_STATE_DIR");
    return d && *d ? d : "/var/lib/hvsh";
}

static int
make_dirs(const char *dir)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", dir);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            if (mkdir(tmp, 0755) < 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    return mkdir(tmp, 0755) < 0 && errno != EEXIST ? -1 : 0;
}

void
hv_virt_hostcfg_defaults(hv_vmhost_cfg *c)
{
    memset(c, 0, sizeof *c);
    snprintf(c->vhd_path, sizeof c->vhd_path, "/var/lib/libvirt/images");
    snprintf(c->vm_path, sizeof c->vm_path, "/var/lib/libvirt/qemu");
    snprintf(c->mac_min, sizeof c->mac_min, "00155D000000");
    snprintf(c->mac_max, sizeof c->mac_max, "00155DFFFFFF");
    c->numa_spanning = true;
    c->max_vm_migrations = 2;
    c->max_storage_migrations = 2;
}

static void
str_field(json_t *o, const char *k, char *dst, size_t n)
{
    const char *s = json_string_value(json_object_get(o, k));
    if (s)
        snprintf(dst, n, "%s", s);
}

static void
bool_field(json_t *o, const char *k, bool *dst)
{
    json_t *b = json_object_get(o, k);
    if (json_is_boolean(b))
        *dst = json_is_true(b);
}

static void
int_field(json_t *o, const char *k, int *dst)
{
    json_t *i = json_object_get(o, k);
    if (json_is_integer(i))
        *dst = (int)json_integer_value(i);
}

static void
from_json(json_t *o, hv_vmhost_cfg *c)
{
    str_field(o, "virtualHardDiskPath", c->vhd_path, sizeof c->vhd_path);
    str_field(o, "virtualMachinePath", c->vm_path, sizeof c->vm_path);
    str_field(o, "macAddressMinimum", c->mac_min, sizeof c->mac_min);
    str_field(o, "macAddressMaximum", c->mac_max, sizeof c->mac_max);
    bool_field(o, "enableEnhancedSessionMode", &c->enhanced_session);
    bool_field(o, "numaSpanningEnabled", &c->numa_spanning);
    int_field(o, "maximumVirtualMachineMigrations", &c->max_vm_migrations);
    int_field(o, "maximumStorageMigrations", &c->max_storage_migrations);
}

static json_t *
to_json(const hv_vmhost_cfg *c)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:i, s:i}", "virtualHardDiskPath", c->vhd_path,
                     "virtualMachinePath", c->vm_path, "macAddressMinimum", c->mac_min,
                     "macAddressMaximum", c->mac_max, "enableEnhancedSessionMode",
                     c->enhanced_session, "numaSpanningEnabled", c->numa_spanning,
                     "maximumVirtualMachineMigrations", c->max_vm_migrations,
                     "maximumStorageMigrations", c->max_storage_migrations);
}

/* The whole file (an empty document when absent); NULL with err when unreadable. */
static json_t *
read_file(const char *path, hv_eng_err *err)
{
    if (access(path, F_OK) != 0)
        return json_object();
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root || !json_is_object(root)) {
        json_decref(root);
        hv_virt_err_set(err, HV_VIRT_E_IO, "The host settings file %s is not valid JSON: %s", path,
                        je.text);
        return NULL;
    }
    return root;
}

int
hv_virt_hostcfg_load(const char *host, hv_vmhost_cfg *c, hv_eng_err *err)
{
    hv_virt_hostcfg_defaults(c);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/vmhost.json", state_dir());
    json_t *root = read_file(path, err);
    if (!root)
        return -1;
    json_t *h = json_object_get(json_object_get(root, "hosts"), host ? host : "");
    if (json_is_object(h))
        from_json(h, c);
    json_decref(root);
    return 0;
}

static bool
mac_hex(const char *s, unsigned long long *v)
{
    if (strlen(s) != 12)
        return false;
    char *end;
    *v = strtoull(s, &end, 16);
    return *end == 0;
}

static int
validate(const hv_vmhost_cfg *c, hv_eng_err *err)
{
    unsigned long long lo, hi;
    if (!mac_hex(c->mac_min, &lo) || !mac_hex(c->mac_max, &hi)) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The MAC address range %s-%s is not valid: use 12 hexadecimal digits.",
                        c->mac_min, c->mac_max);
        return -1;
    }
    if (lo > hi || (lo >> 24) != (hi >> 24) || ((lo >> 40) & 1)) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The MAC address range %s-%s is not valid: the minimum must not exceed "
                        "the maximum, both must share the first three bytes, and the address "
                        "must be unicast.",
                        c->mac_min, c->mac_max);
        return -1;
    }
    if (c->vhd_path[0] != '/' || c->vm_path[0] != '/') {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The default folders must be absolute paths.");
        return -1;
    }
    if (c->max_vm_migrations < 1 || c->max_storage_migrations < 1) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The migration limits must be at least 1.");
        return -1;
    }
    return 0;
}

int
hv_virt_hostcfg_save(const char *host, const hv_vmhost_cfg *c, hv_eng_err *err)
{
    if (validate(c, err) < 0)
        return -1;
    const char *dir = state_dir();
    if (make_dirs(dir) < 0) {
        hv_virt_err_set(err, HV_VIRT_E_IO, "Cannot create %s: %s", dir, strerror(errno));
        return -1;
    }
    char path[PATH_MAX], lock[PATH_MAX], tmp[PATH_MAX];
    snprintf(path, sizeof path, "%s/vmhost.json", dir);
    snprintf(lock, sizeof lock, "%s/vmhost.lock", dir);
    snprintf(tmp, sizeof tmp, "%s/.vmhost.json.%ld", dir, (long)getpid());
    int lfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lfd < 0 || flock(lfd, LOCK_EX) < 0) {
        hv_virt_err_set(err, HV_VIRT_E_IO, "Cannot lock %s: %s", lock, strerror(errno));
        if (lfd >= 0)
            close(lfd);
        return -1;
    }
    int r = -1;
    json_t *root = read_file(path, err);
    if (root) {
        json_t *hosts = json_object_get(root, "hosts");
        if (!json_is_object(hosts)) {
            hosts = json_object();
            json_object_set_new(root, "hosts", hosts);
        }
        json_object_set_new(hosts, host ? host : "", to_json(c));
        int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd >= 0 && json_dumpfd(root, fd, JSON_INDENT(2) | JSON_SORT_KEYS) == 0 &&
            write(fd, "\n", 1) == 1 && fsync(fd) == 0 && close(fd) == 0) {
            fd = -1;
            if (rename(tmp, path) == 0)
                r = 0;
        }
        if (r < 0) {
            hv_virt_err_set(err, HV_VIRT_E_IO, "Cannot write %s: %s", path, strerror(errno));
            if (fd >= 0)
                close(fd);
            unlink(tmp);
        }
        json_decref(root);
    }
    flock(lfd, LOCK_UN);
    close(lfd);
    return r;
}

/* A MAC in the host's pool (Set-VMHost -MacAddressMinimum/-Maximum), as Hyper-V assigns
 * dynamic addresses; the default pool is Hyper-V's OUI 00:15:5D. */
void
hv_virt_gen_mac_v(hv_virt *v, char out[18])
{
    hv_vmhost_cfg c;
    hv_eng_err err = {0};
    char *host = hv_virt_hostname(v);
    unsigned long long lo, hi;
    if (hv_virt_hostcfg_load(host, &c, &err) < 0 || !mac_hex(c.mac_min, &lo) ||
        !mac_hex(c.mac_max, &hi) || lo > hi) {
        free(host);
        hv_virt_gen_mac(out);
        return;
    }
    free(host);
    char tmp[18];
    hv_virt_gen_mac(tmp); /* its low 24 bits are the random part */
    unsigned long long r = 0;
    for (int i = 9; i < 17; i += 3)
        r = (r << 8) | strtoull((char[]){tmp[i], tmp[i + 1], 0}, NULL, 16);
    unsigned long long m = lo + r % (hi - lo + 1);
    snprintf(out, 18, "%02llx:%02llx:%02llx:%02llx:%02llx:%02llx", (m >> 40) & 0xff,
             (m >> 32) & 0xff, (m >> 24) & 0xff, (m >> 16) & 0xff, (m >> 8) & 0xff, m & 0xff);
}
