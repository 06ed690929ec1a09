/* syscim.c — host facts for the Win32_* classes (see syscim.h). */
#include "engine/syscim.h"

#include "engine/resolv.h"

#include <dirent.h>
#include <errno.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/statvfs.h>
#include <sys/utsname.h>
#include <unistd.h>

static FILE *
sys_open(const char *path)
{
    const char *root = getenv("HVSH_SYSROOT");
    if (!root || !*root)
        return fopen(path, "r");
    char buf[1024];
    snprintf(buf, sizeof buf, "%s%s", root, path);
    return fopen(buf, "r");
}

/* First line of a file, trimmed; "" when unreadable. */
static void
read_line(const char *path, char *out, size_t n)
{
    out[0] = 0;
    FILE *f = sys_open(path);
    if (!f)
        return;
    if (fgets(out, (int)n, f))
        out[strcspn(out, "\r\n")] = 0;
    fclose(f);
}

static void
os_release(hv_sys_cim_os *os)
{
    FILE *f = sys_open("/etc/os-release");
    if (!f)
        f = sys_open("/usr/lib/os-release");
    snprintf(os->caption, sizeof os->caption, "Linux");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        char *eq = strchr(line, '=');
        if (!eq)
            continue;
        *eq = 0;
        char *v = eq + 1;
        size_t l = strlen(v);
        if (l >= 2 && (v[0] == '"' || v[0] == '\'') && v[l - 1] == v[0]) {
            v[l - 1] = 0;
            v++;
        }
        if (!strcmp(line, "PRETTY_NAME"))
            snprintf(os->caption, sizeof os->caption, "%s", v);
        else if (!strcmp(line, "VERSION_ID"))
            snprintf(os->build, sizeof os->build, "%s", v);
    }
    fclose(f);
}

static void
meminfo(uint64_t *total, uint64_t *avail, uint64_t *stotal, uint64_t *sfree)
{
    *total = *avail = *stotal = *sfree = 0;
    FILE *f = sys_open("/proc/meminfo");
    if (!f)
        return;
    char key[64];
    unsigned long long v;
    char line[256];
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "%63[^:]: %llu", key, &v) == 2) {
            if (!strcmp(key, "MemTotal"))
                *total = v;
            else if (!strcmp(key, "MemAvailable"))
                *avail = v;
            else if (!strcmp(key, "SwapTotal"))
                *stotal = v;
            else if (!strcmp(key, "SwapFree"))
                *sfree = v;
        }
    fclose(f);
}

int
hv_sys_cim_os_get(hv_sys_cim_os *os, hv_eng_err *err)
{
    (void)err;
    memset(os, 0, sizeof *os);
    os_release(os);
    struct utsname u;
    uname(&u);
    read_line("/proc/sys/kernel/osrelease", os->version, sizeof os->version);
    if (!os->version[0])
        snprintf(os->version, sizeof os->version, "%.100s", u.release);
    read_line("/proc/sys/kernel/hostname", os->hostname, sizeof os->hostname);
    if (!os->hostname[0])
        snprintf(os->hostname, sizeof os->hostname, "%s", u.nodename);
    snprintf(os->machine, sizeof os->machine, "%s", u.machine);
    bool b64 = strstr(u.machine, "64") != NULL || !strcmp(u.machine, "s390x");
    snprintf(os->arch, sizeof os->arch, "%s", b64 ? "64-bit" : "32-bit");
    meminfo(&os->total_kb, &os->free_kb, &os->swap_total_kb, &os->swap_free_kb);
    FILE *f = sys_open("/proc/stat");
    if (f) {
        char line[512];
        long long bt;
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "btime %lld", &bt) == 1)
                os->boot_time = bt;
        fclose(f);
    }
    DIR *d = opendir("/proc");
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)))
            if (de->d_name[0] >= '1' && de->d_name[0] <= '9')
                os->processes++;
        closedir(d);
    }
    return 0;
}

static bool
has_flag(const char *flags, const char *f)
{
    size_t l = strlen(f);
    for (const char *p = flags; (p = strstr(p, f)); p += l)
        if ((p == flags || p[-1] == ' ' || p[-1] == '\t') && (p[l] == 0 || p[l] == ' ' || p[l] == '\n'))
            return true;
    return false;
}

int
hv_sys_cim_cpus(hv_sys_cim_cpu **out, size_t *n, hv_eng_err *err)
{
    *out = NULL;
    *n = 0;
    FILE *f = sys_open("/proc/cpuinfo");
    if (!f)
        return hv_eng_fail(err, HV_ENG_SYSTEM, errno, "Cannot read /proc/cpuinfo: %s",
                           strerror(errno));
    char line[4096];
    hv_sys_cim_cpu cur = {0};
    bool have = false;
    unsigned logical_seen = 0;
    for (;;) {
        bool eof = !fgets(line, sizeof line, f);
        if (eof || line[0] == '\n') {
            if (have) {
                logical_seen++;
                bool dup = false;
                for (size_t i = 0; i < *n && !dup; i++)
                    dup = (*out)[i].socket == cur.socket;
                if (!dup) {
                    *out = realloc(*out, (*n + 1) * sizeof **out);
                    if (!*out)
                        abort();
                    if (!cur.logical)
                        cur.logical = 1;
                    if (!cur.cores)
                        cur.cores = cur.logical;
                    (*out)[(*n)++] = cur;
                }
            }
            memset(&cur, 0, sizeof cur);
            have = false;
            if (eof)
                break;
            continue;
        }
        char *colon = strchr(line, ':');
        if (!colon)
            continue;
        char *v = colon + 1;
        while (*v == ' ' || *v == '\t')
            v++;
        v[strcspn(v, "\n")] = 0;
        char *k = line;
        char *ke = colon;
        while (ke > k && (ke[-1] == ' ' || ke[-1] == '\t'))
            ke--;
        *ke = 0;
        have = true;
        if (!strcmp(k, "model name"))
            snprintf(cur.name, sizeof cur.name, "%s", v);
        else if (!strcmp(k, "vendor_id"))
            snprintf(cur.vendor, sizeof cur.vendor, "%s", v);
        else if (!strcmp(k, "physical id"))
            cur.socket = (unsigned)atoi(v);
        else if (!strcmp(k, "cpu cores"))
            cur.cores = (unsigned)atoi(v);
        else if (!strcmp(k, "siblings"))
            cur.logical = (unsigned)atoi(v);
        else if (!strcmp(k, "cpu MHz"))
            cur.mhz = (unsigned)(atof(v) + 0.5);
        else if (!strcmp(k, "flags")) {
            cur.vmx = has_flag(v, "vmx") || has_flag(v, "svm");
            cur.slat = has_flag(v, "ept") || has_flag(v, "npt");
            cur.hypervisor = has_flag(v, "hypervisor");
        }
    }
    fclose(f);
    (void)logical_seen;
    return 0;
}

int
hv_sys_cim_cs_get(hv_sys_cim_cs *cs, hv_eng_err *err)
{
    memset(cs, 0, sizeof *cs);
    read_line("/sys/class/dmi/id/sys_vendor", cs->manufacturer, sizeof cs->manufacturer);
    read_line("/sys/class/dmi/id/product_name", cs->model, sizeof cs->model);
    hv_sys_cim_cpu *c;
    size_t n;
    if (hv_sys_cim_cpus(&c, &n, err) < 0)
        return -1;
    cs->sockets = (unsigned)n;
    for (size_t i = 0; i < n; i++) {
        cs->logical += c[i].logical;
        cs->hypervisor |= c[i].hypervisor;
    }
    free(c);
    uint64_t t, a, st, sf;
    meminfo(&t, &a, &st, &sf);
    cs->total_bytes = t * 1024;
    snprintf(cs->domain, sizeof cs->domain, "WORKGROUP");
    FILE *f = fopen(hv_dns_conf_path(), "r");
    if (f) {
        char line[512], kw[32], val[256];
        while (fgets(line, sizeof line, f))
            if (sscanf(line, " %31s %255s", kw, val) == 2 &&
                (!strcmp(kw, "search") || !strcmp(kw, "domain"))) {
                snprintf(cs->domain, sizeof cs->domain, "%s", val);
                break;
            }
        fclose(f);
    }
    return 0;
}

static bool
real_fs(const char *type, const char *dev)
{
    static const char *const skip[] = {"proc", "sysfs", "devtmpfs", "devpts", "cgroup",
                                       "cgroup2", "securityfs", "pstore", "bpf", "debugfs",
                                       "tracefs", "mqueue", "hugetlbfs", "fusectl",
                                       "configfs", "binfmt_misc", "autofs", "rpc_pipefs",
                                       "nsfs", "overlay", "squashfs", "efivarfs", "ramfs",
                                       "fuse.lxcfs", "devfs", NULL};
    for (int i = 0; skip[i]; i++)
        if (!strcmp(type, skip[i]))
            return false;
    /* tmpfs only where it is a file system someone asked for (not /run, /dev/shm ...) */
    (void)dev;
    return true;
}

int
hv_sys_cim_disks(hv_sys_cim_disk **out, size_t *n, hv_eng_err *err)
{
    *out = NULL;
    *n = 0;
    FILE *f = setmntent("/proc/self/mounts", "r");
    if (!f)
        return hv_eng_fail(err, HV_ENG_SYSTEM, errno, "Cannot read the mount table: %s",
                           strerror(errno));
    struct mntent me, *m;
    char buf[4096];
    while ((m = getmntent_r(f, &me, buf, sizeof buf))) {
        if (!real_fs(m->mnt_type, m->mnt_fsname))
            continue;
        if (!strcmp(m->mnt_type, "tmpfs") &&
            (!strncmp(m->mnt_dir, "/run", 4) || !strncmp(m->mnt_dir, "/dev", 4) ||
             !strncmp(m->mnt_dir, "/sys", 4) || !strncmp(m->mnt_dir, "/proc", 5)))
            continue;
        bool dup = false;
        for (size_t i = 0; i < *n && !dup; i++)
            dup = !strcmp((*out)[i].mount, m->mnt_dir);
        if (dup)
            continue;
        struct statvfs sv;
        if (statvfs(m->mnt_dir, &sv) < 0)
            continue;
        *out = realloc(*out, (*n + 1) * sizeof **out);
        if (!*out)
            abort();
        hv_sys_cim_disk *d = &(*out)[(*n)++];
        snprintf(d->mount, sizeof d->mount, "%s", m->mnt_dir);
        snprintf(d->device, sizeof d->device, "%s", m->mnt_fsname);
        snprintf(d->fstype, sizeof d->fstype, "%s", m->mnt_type);
        d->size = (uint64_t)sv.f_blocks * sv.f_frsize;
        d->free = (uint64_t)sv.f_bavail * sv.f_frsize;
    }
    endmntent(f);
    return 0;
}
