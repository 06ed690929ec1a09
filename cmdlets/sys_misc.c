/* sys_misc.c — Get-FileHash and New-TemporaryFile (Microsoft.PowerShell.Utility);
 * Get-TimeZone, Get-ComputerInfo (subset), Restart-Computer, Stop-Computer and
 * Rename-Computer (Microsoft.PowerShell.Management). Digests come from libcrypto
 * (engine/syshash, dlopen'ed), host facts from engine/syscim, power and host name through
 * systemctl / hostnamectl run with an argv (engine/syssvc). */
#include "cmdlets/cmdlets.h"
#include "cmdlets/data.h"
#include "cmdlets/sysmods.h"
#include "engine/syscim.h"
#include "engine/syshash.h"
#include "engine/syssvc.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ==================================== Get-FileHash ==================================== */

static const hv_view_column hash_view[] = {
    {.label = "Algorithm", .property = "Algorithm", .width = 15, .align = -1},
    {.label = "Hash", .property = "Hash", .width = 70, .align = -1},
    {.label = "Path", .property = "Path", .align = -1},
    {0}};
static const hv_obj_class cls_hash = {.type_name = "Microsoft.PowerShell.Commands.FileHashInfo",
                                      .table_view = hash_view};

enum { FH_PATH, FH_LITERAL, FH_STREAM, FH_ALG, FH__N };
static const char *const fh_sets[] = {"Path", "LiteralPath", "Stream", NULL};
static const char *const algs[] = {"SHA1", "SHA256", "SHA384", "SHA512", "MD5", NULL};
static const hv_param_def fh_params[FH__N + 1] = {
    [FH_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_WILDCARDS | HV_PF_BY_VALUE |
                          HV_PF_BY_PROPERTY_NAME,
                 .sets = HV_SET(0), .help = "Files to hash; wildcards allowed."},
    [FH_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                    .sets = HV_SET(1), .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Files to hash, taken exactly as written."},
    [FH_STREAM] = {.name = "InputStream", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                   .flags = HV_PF_MANDATORY, .sets = HV_SET(2),
                   .help = "Data to hash: a byte array, or a string (its UTF-8 bytes)."},
    [FH_ALG] = {.name = "Algorithm", .type = HV_PT_STRING, .position = 1, .accepted = algs,
                .help = "SHA256 (default), SHA1, SHA384, SHA512 or MD5."},
};

static hv_value
hash_obj(const char *alg, const char *hex, const char *path)
{
    hv_value o = hv_obj_new(&cls_hash);
    hv_obj_set(&o, "Algorithm", hv_str(alg));
    hv_obj_set(&o, "Hash", hv_str(hex));
    hv_obj_set(&o, "Path", path ? hv_str(path) : hv_null());
    return o;
}

static hv_status
hash_fail(hv_cmd *cmd, const char *path, const hv_eng_err *e)
{
    hv_value t = hv_str(path ? path : "");
    hv_value rec = hv_error_new_ex(cmd, "System.IO.IOException", HV_CAT_ReadError,
                                   "FileReadError", &t, "%s", e->msg);
    hv_unref(t);
    return hv_write_error(cmd, rec);
}

static hv_status
hash_stream(hv_cmd *cmd, const char *alg, const hv_value *in)
{
    hv_sys_hash *h;
    hv_eng_err e;
    if (hv_sys_hash_new(alg, &h, &e) < 0)
        return hash_fail(cmd, NULL, &e);
    if (in->kind == HV_STRING) {
        hv_sys_hash_update(h, hv_str_cstr(in), hv_str_len(in));
    } else if (in->kind == HV_ARRAY) {
        size_t n = hv_array_len(in);
        unsigned char *b = hv_xmalloc(n + 1);
        for (size_t i = 0; i < n; i++)
            b[i] = (unsigned char)hv_int_of(hv_array_at(in, i));
        hv_sys_hash_update(h, b, n);
        free(b);
    } else if (in->kind == HV_INT) {
        unsigned char b = (unsigned char)hv_int_of(in);
        hv_sys_hash_update(h, &b, 1);
    } else {
        hv_sys_hash_free(h);
        hv_value t = hv_ref(in);
        hv_value rec = hv_error_new(cmd, HV_CAT_InvalidArgument, "InputStreamNotSupported", &t,
                                    "-InputStream takes a byte array or a string here.");
        hv_unref(t);
        return hv_write_error(cmd, rec);
    }
    char hex[160];
    if (hv_sys_hash_final(h, hex, sizeof hex, &e) < 0)
        return hash_fail(cmd, NULL, &e);
    return hv_emit(cmd, hash_obj(alg, hex, NULL));
}

static hv_status
fh_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *av = hv_cmd_arg(cmd, FH_ALG);
    char alg[16] = "SHA256";
    if (av && av->kind == HV_STRING) {
        snprintf(alg, sizeof alg, "%s", hv_str_cstr(av));
        for (char *p = alg; *p; p++)
            *p = (char)toupper((unsigned char)*p);
    }
    int set = hv_cmd_set_index(cmd);
    if (set == 2)
        return hash_stream(cmd, alg, hv_cmd_arg(cmd, FH_STREAM));
    bool literal = set == 1;
    const hv_value *pv = hv_cmd_arg(cmd, literal ? FH_LITERAL : FH_PATH);
    size_t np = pv->kind == HV_ARRAY ? hv_array_len(pv) : 1;
    hv_status st = HV_OK;
    for (size_t i = 0; i < np && st == HV_OK; i++) {
        const hv_value *p = pv->kind == HV_ARRAY ? hv_array_at(pv, i) : pv;
        if (p->kind != HV_STRING)
            continue;
        hv_value found = hvc_fs_resolve(cmd, hv_str_cstr(p), literal);
        if (found.kind == HV_NULL) {
            st = hvc_path_not_found(cmd, hv_str_cstr(p));
            continue;
        }
        for (size_t k = 0; k < hv_array_len(&found) && st == HV_OK; k++) {
            const char *full = hv_str_cstr(hv_array_at(&found, k));
            char hex[160];
            hv_eng_err e;
            if (hv_sys_hash_file(full, alg, hex, sizeof hex, &e) < 0) {
                if (e.code == HV_ENG_UNSUPPORTED || e.code == HV_ENG_INVALID) {
                    st = hash_fail(cmd, full, &e);
                    break;
                }
                /* directories are skipped silently, as pwsh does */
                if (e.sys_errno != EISDIR)
                    st = hash_fail(cmd, full, &e);
                continue;
            }
            st = hv_emit(cmd, hash_obj(alg, hex, full));
        }
        hv_unref(found);
    }
    return st;
}

/* ==================================== New-TemporaryFile ==================================== */

static hv_status
nt_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    char path[4096];
    snprintf(path, sizeof path, "%s%stmpXXXXXX.tmp", dir, dir[strlen(dir) - 1] == '/' ? "" : "/");
    if (!hv_should_process(cmd, dir, "New-TemporaryFile"))
        return HV_OK;
    int fd = mkstemps(path, 4);
    if (fd < 0) {
        hv_value t = hv_str(dir);
        hv_value rec = hv_error_new_ex(cmd, "System.IO.IOException", HV_CAT_WriteError,
                                       "NewTemporaryFileWriteError", &t,
                                       "Cannot create a temporary file in %s: %s", dir,
                                       strerror(errno));
        hv_unref(t);
        return hv_write_error(cmd, rec);
    }
    close(fd);
    return hv_emit(cmd, hvc_fs_item(path));
}

/* ==================================== Get-TimeZone ==================================== */

static const char *const tz_list[] = {"Id", "HasIanaId", "DisplayName", "StandardName",
                                      "DaylightName", "BaseUtcOffset",
                                      "SupportsDaylightSavingTime", NULL};
static const char *const tz_base[] = {"System.Object", NULL};
static hv_value tz_tostring(const hv_value *self);
static const hv_obj_class cls_tz = {.type_name = "System.TimeZoneInfo", .base_types = tz_base,
                                    .list_view = tz_list, .to_string = tz_tostring};

static hv_value
tz_tostring(const hv_value *self)
{
    const hv_value *d = hv_obj_get(self, "DisplayName");
    return d ? hv_ref(d) : hv_str("");
}

/* The local zone's IANA id: $TZ, /etc/timezone, or the /etc/localtime link target. */
static void
local_tz_id(char *out, size_t n)
{
    const char *tz = getenv("TZ");
    if (tz && *tz) {
        snprintf(out, n, "%s", tz[0] == ':' ? tz + 1 : tz);
        return;
    }
    char buf[512];
    ssize_t k = readlink("/etc/localtime", buf, sizeof buf - 1);
    if (k > 0) {
        buf[k] = 0;
        const char *p = strstr(buf, "zoneinfo/");
        if (p) {
            snprintf(out, n, "%s", p + 9);
            return;
        }
    }
    FILE *f = fopen("/etc/timezone", "r");
    if (f) {
        if (fgets(buf, sizeof buf, f)) {
            buf[strcspn(buf, "\n")] = 0;
            snprintf(out, n, "%.255s", buf);
            fclose(f);
            return;
        }
        fclose(f);
    }
    snprintf(out, n, "Etc/UTC");
}

static bool
zone_exists(const char *id)
{
    if (strstr(id, ".."))
        return false;
    char p[600];
    snprintf(p, sizeof p, "/usr/share/zoneinfo/%s", id);
    return access(p, R_OK) == 0 || !strcmp(id, "UTC") || !strcmp(id, "Etc/UTC");
}

/* Facts of zone id (TZ switched for the lookup, then restored). */
static hv_value
tz_obj(const char *id)
{
    char *saved = getenv("TZ") ? hv_xstrdup(getenv("TZ")) : NULL;
    setenv("TZ", id, 1);
    tzset();
    time_t now = time(NULL);
    /* the standard offset: January and July, the smaller one (northern/southern zones) */
    struct tm jan = {.tm_year = 126, .tm_mon = 0, .tm_mday = 15, .tm_hour = 12, .tm_isdst = -1};
    struct tm jul = {.tm_year = 126, .tm_mon = 6, .tm_mday = 15, .tm_hour = 12, .tm_isdst = -1};
    time_t tj = mktime(&jan), tl = mktime(&jul);
    struct tm a, b;
    localtime_r(&tj, &a);
    localtime_r(&tl, &b);
    long off_std = a.tm_gmtoff < b.tm_gmtoff ? a.tm_gmtoff : b.tm_gmtoff;
    bool dst = a.tm_gmtoff != b.tm_gmtoff;
    char std_name[64], dst_name[64];
    const struct tm *s = a.tm_gmtoff <= b.tm_gmtoff ? &a : &b, *d = s == &a ? &b : &a;
    snprintf(std_name, sizeof std_name, "%s", s->tm_zone ? s->tm_zone : "UTC");
    snprintf(dst_name, sizeof dst_name, "%s", dst && d->tm_zone ? d->tm_zone : std_name);
    (void)now;
    if (saved) {
        setenv("TZ", saved, 1);
        free(saved);
    } else {
        unsetenv("TZ");
    }
    tzset();
    bool utc = !strcmp(id, "UTC") || !strcmp(id, "Etc/UTC");
    long ao = off_std < 0 ? -off_std : off_std;
    hv_value o = hv_obj_new(&cls_tz);
    hv_obj_set(&o, "Id", hv_str(id));
    hv_obj_set(&o, "HasIanaId", hv_bool(true));
    hv_obj_set(&o, "DisplayName",
               utc ? hv_str("(UTC) Coordinated Universal Time")
                   : off_std == 0 ? hv_strf("(UTC) %s", id)
                                  : hv_strf("(UTC%c%02ld:%02ld) %s", off_std < 0 ? '-' : '+',
                                            ao / 3600, ao / 60 % 60, id));
    hv_obj_set(&o, "StandardName", hv_str(utc ? "Coordinated Universal Time" : std_name));
    hv_obj_set(&o, "DaylightName", hv_str(utc ? "Coordinated Universal Time" : dst_name));
    hv_obj_set(&o, "BaseUtcOffset", hv_timespan((int64_t)off_std * 10000000LL));
    hv_obj_set(&o, "SupportsDaylightSavingTime", hv_bool(dst));
    return o;
}

enum { TZ_NAME, TZ_ID, TZ_LIST, TZ__N };
static const char *const tz_sets[] = {"Name", "Id", "ListAvailable", NULL};
static const hv_param_def tz_params[TZ__N + 1] = {
    [TZ_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .sets = HV_SET(0),
                 .help = "Zone ids (IANA names, as pwsh on Linux uses); wildcards allowed."},
    [TZ_ID] = {.name = "Id", .type = HV_PT_STRING, .position = HV_POS_NAMED,
               .flags = HV_PF_ARRAY | HV_PF_MANDATORY, .sets = HV_SET(1),
               .help = "Exact zone ids such as Europe/Berlin."},
    [TZ_LIST] = {.name = "ListAvailable", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .flags = HV_PF_MANDATORY, .sets = HV_SET(2),
                 .help = "Every zone under /usr/share/zoneinfo."},
};

static hv_status
tz_not_found(hv_cmd *cmd, const char *what, const char *v)
{
    hv_value t = hv_str(v);
    hv_value rec = hv_error_new_ex(cmd, "System.Exception", HV_CAT_InvalidArgument,
                                   what[0] == 'I' ? "TimeZoneNotFound" : "TimeZoneNotFound", &t,
                                   "A time zone with the %s '%s' was not found.", what, v);
    hv_unref(t);
    return hv_write_error(cmd, rec);
}

static hv_status
tz_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    int set = hv_cmd_set_index(cmd);
    if (set == 2) {
        static const char *const zones[] = {
            "Etc/UTC", "America/New_York", "America/Chicago", "America/Denver",
            "America/Los_Angeles", "America/Sao_Paulo", "Europe/London", "Europe/Berlin",
            "Europe/Paris", "Europe/Moscow", "Africa/Johannesburg", "Asia/Dubai",
            "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul", "Australia/Sydney",
            "Pacific/Auckland", NULL};
        hv_status st = HV_OK;
        for (int i = 0; zones[i] && st == HV_OK; i++)
            if (zone_exists(zones[i]))
                st = hv_emit(cmd, tz_obj(zones[i]));
        return st;
    }
    const hv_value *v = hv_cmd_arg(cmd, set == 1 ? TZ_ID : TZ_NAME);
    if (!v) {
        char id[256];
        local_tz_id(id, sizeof id);
        return hv_emit(cmd, tz_obj(id));
    }
    size_t n = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        const hv_value *e = v->kind == HV_ARRAY ? hv_array_at(v, i) : v;
        const char *id = e->kind == HV_STRING ? hv_str_cstr(e) : "";
        if (zone_exists(id))
            st = hv_emit(cmd, tz_obj(id));
        else
            st = tz_not_found(cmd, set == 1 ? "Id" : "name", id);
    }
    return st;
}

/* ==================================== Get-ComputerInfo ==================================== */

static const hv_obj_class cls_ci = {.type_name = "Microsoft.PowerShell.Commands.ComputerInfo"};

enum { CI_PROPERTY, CI__N };
static const hv_param_def ci_params[CI__N + 1] = {
    [CI_PROPERTY] = {.name = "Property", .type = HV_PT_STRING, .position = 0,
                     .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                     .help = "Only these properties (wildcards allowed)."},
};

static hv_status
ci_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_sys_cim_os os;
    hv_sys_cim_cs cs;
    hv_sys_cim_cpu *cpu = NULL;
    size_t ncpu = 0;
    hv_sys_cim_os_get(&os, NULL);
    hv_sys_cim_cs_get(&cs, NULL);
    hv_sys_cim_cpus(&cpu, &ncpu, NULL);
    bool vmx = ncpu > 0, slat = ncpu > 0;
    for (size_t i = 0; i < ncpu; i++) {
        vmx &= cpu[i].vmx;
        slat &= cpu[i].slat;
    }
    hv_value all = hv_obj_new(&cls_ci);
    int64_t boot_utc = HV_UNIX_EPOCH_TICKS + os.boot_time * HV_TICKS_PER_SEC;
    int64_t boot = boot_utc + (int64_t)hv_dt_local_offset(boot_utc) * HV_TICKS_PER_SEC;
    hv_obj_set(&all, "OsName", hv_str(os.caption));
    hv_obj_set(&all, "OsType", hv_str("LINUX"));
    hv_obj_set(&all, "OsVersion", hv_str(os.version));
    hv_obj_set(&all, "OsBuildNumber", hv_str(os.build));
    hv_obj_set(&all, "OsArchitecture", hv_str(os.arch));
    hv_obj_set(&all, "OsTotalVisibleMemorySize", hv_uint64(os.total_kb));
    hv_obj_set(&all, "OsFreePhysicalMemory", hv_uint64(os.free_kb));
    hv_obj_set(&all, "OsLastBootUpTime", os.boot_time ? hv_datetime(boot, HV_DT_LOCAL) : hv_null());
    hv_obj_set(&all, "OsUptime", os.boot_time ? hv_timespan(hv_dt_now_ticks(HV_DT_UTC) - boot_utc) : hv_null());
    hv_obj_set(&all, "OsNumberOfProcesses", hv_intk(os.processes, HV_N_UINT32));
    hv_obj_set(&all, "CsName", hv_str(os.hostname));
    hv_obj_set(&all, "CsDNSHostName", hv_str(os.hostname));
    hv_obj_set(&all, "CsDomain", hv_str(cs.domain));
    hv_obj_set(&all, "CsManufacturer", hv_str(cs.manufacturer));
    hv_obj_set(&all, "CsModel", hv_str(cs.model));
    hv_obj_set(&all, "CsNumberOfProcessors", hv_intk(cs.sockets, HV_N_UINT32));
    hv_obj_set(&all, "CsNumberOfLogicalProcessors", hv_intk(cs.logical, HV_N_UINT32));
    hv_obj_set(&all, "CsTotalPhysicalMemory", hv_uint64(cs.total_bytes));
    hv_value procs = hv_array_new(ncpu);
    for (size_t i = 0; i < ncpu; i++)
        hv_array_push(&procs, hv_str(cpu[i].name));
    hv_obj_set(&all, "CsProcessors", procs);
    hv_obj_set(&all, "HyperVisorPresent", hv_bool(cs.hypervisor));
    hv_obj_set(&all, "HyperVRequirementDataExecutionPreventionAvailable", hv_bool(true));
    hv_obj_set(&all, "HyperVRequirementSecondLevelAddressTranslation", hv_bool(slat));
    hv_obj_set(&all, "HyperVRequirementVirtualizationFirmwareEnabled", hv_bool(vmx));
    hv_obj_set(&all, "HyperVRequirementVMMonitorModeExtensions", hv_bool(vmx));
    char tz[256];
    local_tz_id(tz, sizeof tz);
    hv_obj_set(&all, "TimeZone", hv_str(tz));
    free(cpu);
    const hv_value *pv = hv_cmd_arg(cmd, CI_PROPERTY);
    if (!pv)
        return hv_emit(cmd, all);
    hv_value sel = hv_obj_new(&cls_ci);
    size_t np = pv->kind == HV_ARRAY ? hv_array_len(pv) : 1;
    for (size_t k = 0; k < hv_obj_count(&all); k++) {
        const char *name = hv_obj_name_at(&all, k);
        for (size_t i = 0; i < np; i++) {
            const hv_value *p = pv->kind == HV_ARRAY ? hv_array_at(pv, i) : pv;
            if (p->kind == HV_STRING && hv_wildcard_match(hv_str_cstr(p), name, false)) {
                hv_obj_set(&sel, name, hv_ref(hv_obj_value_at(&all, k)));
                break;
            }
        }
    }
    hv_unref(all);
    return hv_emit(cmd, sel);
}

/* ============================ Restart- / Stop- / Rename-Computer ============================ */

enum { RC_COMPUTER, RC_FORCE, RC_WAIT, RC__N };
static const hv_param_def rc_params[RC__N + 1] = {
    [RC_COMPUTER] = {.name = "ComputerName", .type = HV_PT_STRING, .position = 0,
                     .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME,
                     .aliases = (const char *const[]){"CN", "__SERVER", "Server", "IPAddress", NULL},
                     .help = "Only the local computer (localhost, ., or its name)."},
    [RC_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .aliases = (const char *const[]){"f", NULL},
                  .help = "Accepted; systemd asks running services to stop either way."},
    [RC_WAIT] = {.name = "Wait", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Not supported for the local computer (reported as an error)."},
};

static bool
is_local(const char *n, const char *host)
{
    return !strcasecmp(n, "localhost") || !strcmp(n, ".") || !strcasecmp(n, host) ||
           !strcmp(n, "127.0.0.1") || !strcmp(n, "::1");
}

static hv_status
power(hv_cmd *cmd, bool reboot)
{
    char host[256];
    if (gethostname(host, sizeof host) < 0)
        snprintf(host, sizeof host, "localhost");
    host[sizeof host - 1] = 0;
    const hv_value *cv = hv_cmd_arg(cmd, RC_COMPUTER);
    size_t n = cv ? (cv->kind == HV_ARRAY ? hv_array_len(cv) : 1) : 0;
    for (size_t i = 0; i < n; i++) {
        const hv_value *e = cv->kind == HV_ARRAY ? hv_array_at(cv, i) : cv;
        const char *name = e->kind == HV_STRING ? hv_str_cstr(e) : "";
        if (!is_local(name, host)) {
            hv_value t = hv_str(name);
            hv_value rec = hv_error_new_ex(cmd, "System.InvalidOperationException",
                                           HV_CAT_OperationStopped,
                                           reboot ? "RestartcomputerFailed" : "StopComputerFailed",
                                           &t, "Failed to %s the computer %s: hvsh manages "
                                           "the local computer only.",
                                           reboot ? "restart" : "stop", name);
            hv_unref(t);
            return hv_write_error(cmd, rec);
        }
    }
    if (reboot && hv_cmd_switch(cmd, RC_WAIT)) {
        hv_value t = hv_str(host);
        hv_value rec = hv_error_new(cmd, HV_CAT_InvalidOperation, "RestartComputerInvalidParameter",
                                    &t, "The Wait parameter cannot be used with the local computer.");
        hv_unref(t);
        return hv_write_error(cmd, rec);
    }
    char target[400];
    snprintf(target, sizeof target, "localhost (%s)", host);
    if (!hv_should_process(cmd, target,
                           reboot ? "Enable the Local shutdown access rights and restart the computer."
                                  : "Stop-Computer"))
        return HV_OK;
    hv_eng_err e;
    if (hv_sys_svc_power(reboot ? "reboot" : "poweroff", &e) < 0) {
        hv_value t = hv_str(host);
        hv_value rec = hv_error_new_ex(cmd, "System.InvalidOperationException",
                                       HV_CAT_OperationStopped,
                                       reboot ? "RestartcomputerFailed" : "StopComputerFailed", &t,
                                       "Failed to %s the computer %s with the following error "
                                       "message: %s", reboot ? "restart" : "stop", host, e.msg);
        hv_unref(t);
        return hv_write_error(cmd, rec);
    }
    return HV_OK;
}

static hv_status
restart_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return power(cmd, true);
}

static hv_status
stop_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return power(cmd, false);
}

enum { RN_NEW, RN_COMPUTER, RN_RESTART, RN_FORCE, RN_PASSTHRU, RN_DOMAINCRED, RN__N };
static const hv_param_def rn_params[RN__N + 1] = {
    [RN_NEW] = {.name = "NewName", .type = HV_PT_STRING, .position = 0,
                .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                .help = "The new host name (1-63 letters, digits and hyphens)."},
    [RN_COMPUTER] = {.name = "ComputerName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .help = "Only the local computer."},
    [RN_RESTART] = {.name = "Restart", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "Restart after renaming (not needed on Linux; done when asked)."},
    [RN_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Accepted for compatibility."},
    [RN_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Emit a RenameComputerChangeInfo object."},
    [RN_DOMAINCRED] = {.name = "DomainCredential", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                       .help = "Not supported: Linux hosts are not domain members here."},
};

static bool
valid_hostname(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > 63 || s[0] == '-' || s[n - 1] == '-')
        return false;
    bool digits_only = true;
    for (const char *p = s; *p; p++) {
        if (!isalnum((unsigned char)*p) && *p != '-')
            return false;
        if (!isdigit((unsigned char)*p))
            digits_only = false;
    }
    return !digits_only;
}

static const hv_obj_class cls_rename = {
    .type_name = "Microsoft.PowerShell.Commands.RenameComputerChangeInfo"};

static hv_status
rn_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const char *nn = hv_str_cstr(hv_cmd_arg(cmd, RN_NEW));
    char host[256];
    if (gethostname(host, sizeof host) < 0)
        snprintf(host, sizeof host, "localhost");
    host[sizeof host - 1] = 0;
    const hv_value *cv = hv_cmd_arg(cmd, RN_COMPUTER);
    if (cv && cv->kind == HV_STRING && !is_local(hv_str_cstr(cv), host)) {
        hv_value t = hv_ref(cv);
        hv_value rec = hv_error_new(cmd, HV_CAT_InvalidOperation, "FailToRenameComputer", &t,
                                    "Skip computer '%s' with new name '%s' because hvsh "
                                    "manages the local computer only.", hv_str_cstr(cv), nn);
        hv_unref(t);
        return hv_write_error(cmd, rec);
    }
    if (!valid_hostname(nn)) {
        hv_value t = hv_str(nn);
        hv_value rec = hv_error_new(cmd, HV_CAT_InvalidArgument, "InvalidNewName", &t,
                                    "Skip computer '%s' with new name '%s' because the new name "
                                    "is not valid. The new computer name entered is not properly "
                                    "formatted. Standard names may contain letters (a-z, A-Z), "
                                    "numbers (0-9), and hyphens (-), but no spaces or periods "
                                    "(.). The name may not consist entirely of digits, and may "
                                    "not be longer than 63 characters.", host, nn);
        hv_unref(t);
        return hv_write_error(cmd, rec);
    }
    if (!strcmp(nn, host)) {
        hv_value t = hv_str(nn);
        hv_value rec = hv_error_new(cmd, HV_CAT_InvalidArgument, "NewNameIsOldName", &t,
                                    "Skip computer '%s' with new name '%s' because the new name "
                                    "is the same as the current name.", host, nn);
        hv_unref(t);
        return hv_write_error(cmd, rec);
    }
    char target[600];
    snprintf(target, sizeof target, "Name: %s, New Name: %s", host, nn);
    if (!hv_should_process(cmd, target, "Rename-Computer"))
        return HV_OK;
    hv_eng_err e;
    if (hv_sys_set_hostname(nn, &e) < 0) {
        hv_value t = hv_str(host);
        hv_value rec = hv_error_new(cmd, HV_CAT_OperationStopped, "FailToRenameComputer", &t,
                                    "Fail to rename computer '%s' to '%s' due to the following "
                                    "exception: %s", host, nn, e.msg);
        hv_unref(t);
        return hv_write_error(cmd, rec);
    }
    hv_status st = HV_OK;
    if (hv_cmd_switch(cmd, RN_PASSTHRU)) {
        hv_value o = hv_obj_new(&cls_rename);
        hv_obj_set(&o, "HasSucceeded", hv_bool(true));
        hv_obj_set(&o, "NewComputerName", hv_str(nn));
        hv_obj_set(&o, "OldComputerName", hv_str(host));
        st = hv_emit(cmd, o);
    }
    if (st == HV_OK && hv_cmd_switch(cmd, RN_RESTART) && hv_sys_svc_power("reboot", &e) < 0) {
        hv_value t = hv_str(nn);
        hv_value rec = hv_error_new(cmd, HV_CAT_OperationStopped, "RestartcomputerFailed", &t,
                                    "Failed to restart the computer %s with the following error "
                                    "message: %s", nn, e.msg);
        hv_unref(t);
        st = hv_write_error(cmd, rec);
    }
    return st;
}

/* ==================================== tables ==================================== */

#define UTIL_ONLINE(x) "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/" x
#define MGMT_ONLINE(x) "https://learn.microsoft.com/powershell/module/microsoft.powershell.management/" x
static const hv_example ex_fh[] = {
    {.title = "SHA256 of an ISO", .code = "Get-FileHash -Path ./debian.iso"},
    {.title = "MD5 of text", .code = "Get-FileHash -InputStream ([byte[]](104,105)) -Algorithm MD5"},
    {0}};
static const hv_example ex_nt[] = {
    {.title = "A scratch file", .code = "$f = New-TemporaryFile; Set-Content $f 'x'"}, {0}};
static const hv_example ex_tz[] = {
    {.title = "The local zone", .code = "Get-TimeZone"},
    {.title = "A zone by id", .code = "Get-TimeZone -Id Europe/Berlin"},
    {0}};
static const hv_example ex_ci[] = {
    {.title = "Can this host run VMs?", .code = "Get-ComputerInfo -Property HyperV*"}, {0}};
static const hv_example ex_rc[] = {
    {.title = "Reboot now", .code = "Restart-Computer -Force"}, {0}};
static const hv_example ex_sc[] = {
    {.title = "Power off", .code = "Stop-Computer -Force"}, {0}};
static const hv_example ex_rn[] = {
    {.title = "Rename the host", .code = "Rename-Computer -NewName hv-lab02"}, {0}};

static const hv_cmdlet_def util_cmdlets[] = {
    {.name = "Get-FileHash", .sets = fh_sets, .default_set = 0, .params = fh_params,
     .ops = {.process = fh_process}, .examples = ex_fh,
     .synopsis = "Computes the hash value for a file by using a specified hash algorithm.",
     .description = "SHA256 unless -Algorithm says SHA1, SHA384, SHA512 or MD5; the digest is "
                    "upper-case hex. Computed by OpenSSL's libcrypto, loaded on first use.",
     .output_type = "Microsoft.PowerShell.Commands.FileHashInfo",
     .online = UTIL_ONLINE("get-filehash")},
    {.name = "New-TemporaryFile", .params = NULL, .ops = {.process = nt_process},
     .flags = HV_CF_SHOULD_PROCESS, .examples = ex_nt,
     .synopsis = "Creates a temporary file.",
     .description = "An empty file tmpXXXXXX.tmp in $env:TMPDIR (else /tmp), made with "
                    "mkstemps (mode 0600, unique name).",
     .output_type = "System.IO.FileInfo", .online = UTIL_ONLINE("new-temporaryfile")},
    {.name = NULL},
};

static const hv_cmdlet_def mgmt_cmdlets[] = {
    {.name = "Get-TimeZone", .sets = tz_sets, .default_set = 0, .params = tz_params,
     .ops = {.process = tz_process}, .examples = ex_tz,
     .synopsis = "Gets the current time zone or a list of available time zones.",
     .description = "IANA zone ids, as pwsh on Linux: the local zone from $env:TZ or "
                    "/etc/localtime; StandardName and DaylightName are the zone's "
                    "abbreviations (no ICU display names).",
     .output_type = "System.TimeZoneInfo", .online = MGMT_ONLINE("get-timezone")},
    {.name = "Get-ComputerInfo", .params = ci_params, .ops = {.process = ci_process},
     .examples = ex_ci,
     .synopsis = "Gets a consolidated object of system and operating system properties.",
     .description = "A subset for Linux hosts: Os* (os-release, kernel, memory, boot time), "
                    "Cs* (host name, domain, dmi, processors, memory), HyperVisorPresent and the "
                    "HyperVRequirement* checks (vmx/svm, ept/npt), TimeZone.",
     .output_type = "Microsoft.PowerShell.Commands.ComputerInfo",
     .online = MGMT_ONLINE("get-computerinfo")},
    {.name = "Restart-Computer", .params = rc_params, .ops = {.process = restart_process},
     .flags = HV_CF_SHOULD_PROCESS, .examples = ex_rc,
     .synopsis = "Restarts the operating system on local and remote computers.",
     .description = "systemctl reboot (run with an argv). Remote computers are not supported.",
     .output_type = "None", .online = MGMT_ONLINE("restart-computer")},
    {.name = "Stop-Computer", .params = rc_params, .ops = {.process = stop_process},
     .flags = HV_CF_SHOULD_PROCESS, .examples = ex_sc,
     .synopsis = "Stops (shuts down) local and remote computers.",
     .description = "systemctl poweroff (run with an argv). Remote computers are not supported.",
     .output_type = "None", .online = MGMT_ONLINE("stop-computer")},
    {.name = "Rename-Computer", .params = rn_params, .ops = {.process = rn_process},
     .flags = HV_CF_SHOULD_PROCESS, .examples = ex_rn,
     .synopsis = "Renames a computer.",
     .description = "hostnamectl set-hostname <NewName> (run with an argv; "
                    "$env:HVSH_HOSTNAMECTL names another program). The name is checked as "
                    "Windows checks it first.",
     .output_type = "None, or RenameComputerChangeInfo with -PassThru",
     .online = MGMT_ONLINE("rename-computer")},
    {.name = NULL},
};

const hv_module_def hv_mod_sys_util = {.name = "Microsoft.PowerShell.Utility",
                                       .version = "7.0.0.0", .cmdlets = util_cmdlets};
const hv_module_def hv_mod_sys_mgmt = {.name = "Microsoft.PowerShell.Management",
                                       .version = "7.0.0.0", .cmdlets = mgmt_cmdlets};
