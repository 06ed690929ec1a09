/* mgmt_proc.c — Get-Process, Stop-Process, Start-Process, Clear-Host.
 *
 * Processes are read from /proc (snapshot objects with pwsh's default columns NPM(K), PM(M),
 * WS(M), CPU(s), Id, SI, ProcessName). Start-Process uses posix_spawnp, never a shell; like
 * pwsh on Unix it joins -ArgumentList with spaces and splits the result with the Windows
 * command-line rules of .NET's ProcessStartInfo.Arguments (double quotes group words).
 */
#include "cmdlets/data.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* ---- Process objects ---- */
static hv_value
col_npm(const hv_value *self)
{
    const hv_value *v = hv_obj_get(self, "NPM");
    return hv_long(v ? hv_int_of(v) / 1024 : 0);
}

static hv_value
col_mb(const hv_value *self, const char *prop)
{
    const hv_value *v = hv_obj_get(self, prop);
    HV_AUTO hv_value d = hv_double(v ? (double)hv_int_of(v) / 1048576.0 : 0);
    return hv_conv_format_one(&d, "N2");
}

static hv_value
col_pm(const hv_value *self)
{
    return col_mb(self, "PM");
}

static hv_value
col_ws(const hv_value *self)
{
    return col_mb(self, "WS");
}

static hv_value
col_cpu(const hv_value *self)
{
    /* pwsh's view: "{0:N2}" -f [float]($_.CPU) */
    const hv_value *v = hv_obj_get(self, "CPU");
    HV_AUTO hv_value d = hv_double(v && v->kind == HV_DOUBLE ? (double)(float)v->u.d : 0);
    return hv_conv_format_one(&d, "N2");
}

static hv_value
proc_to_string(const hv_value *self)
{
    const hv_value *n = hv_obj_get(self, "ProcessName");
    return hv_strf("System.Diagnostics.Process (%s)", n ? hv_str_cstr(n) : "");
}

static const hv_view_column proc_view[] = {
    {.label = "NPM(K)", .compute = col_npm, .width = 7, .align = 1},
    {.label = "PM(M)", .compute = col_pm, .width = 8, .align = 1},
    {.label = "WS(M)", .compute = col_ws, .width = 10, .align = 1},
    {.label = "CPU(s)", .compute = col_cpu, .width = 10, .align = 1},
    {.label = "Id", .property = "Id", .width = 7, .align = 1},
    {.label = "SI", .property = "SI", .width = 3, .align = 1},
    {.label = "ProcessName", .property = "ProcessName", .align = -1},
    {.label = NULL},
};

static const hv_obj_class proc_class = {
    .type_name = "System.Diagnostics.Process",
    .base_types = (const char *const[]){"System.ComponentModel.Component",
                                        "System.MarshalByRefObject", "System.Object", NULL},
    .table_view = proc_view,
    .to_string = proc_to_string,
};

static char *
read_small(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    hv_buf b = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        hv_buf_put(&b, buf, n);
    fclose(f);
    if (len)
        *len = b.len;
    char *r = hv_xstrndup(b.data ? b.data : "", b.len);
    hv_buf_free(&b);
    return r;
}

static long
status_kb(const char *status, const char *key)
{
    const char *p = strstr(status, key);
    return p ? strtol(p + strlen(key), NULL, 10) : 0;
}

static int64_t
boot_ticks_local(void)
{
    char *up = read_small("/proc/uptime", NULL);
    double secs = up ? strtod(up, NULL) : 0;
    free(up);
    return hv_dt_now_ticks(HV_DT_LOCAL) - (int64_t)(secs * HVC_TICKS_PER_SEC);
}

/* A Process object for pid, or HV_NULL if it vanished. */
static hv_value
process_object(int pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    char *stat = read_small(path, NULL);
    if (!stat)
        return hv_null();
    char *lp = strchr(stat, '('), *rp = strrchr(stat, ')');
    if (!lp || !rp) {
        free(stat);
        return hv_null();
    }
    char *comm = hv_xstrndup(lp + 1, (size_t)(rp - lp - 1));
    /* fields after ")": state ppid pgrp session tty tpgid flags minflt cminflt majflt
     * cmajflt utime stime cutime cstime priority nice threads itrealvalue starttime ... */
    char state = 0;
    long ppid = 0, pgrp = 0, session = 0, utime = 0, stime = 0, prio = 0, nice = 0,
         threads = 0;
    unsigned long long start = 0;
    sscanf(rp + 2, "%c %ld %ld %ld %*d %*d %*u %*u %*u %*u %*u %lu %lu %*d %*d %ld %ld %ld "
                   "%*d %llu",
           &state, &ppid, &pgrp, &session, (unsigned long *)&utime, (unsigned long *)&stime,
           &prio, &nice, &threads, &start);
    free(stat);
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    char *status = read_small(path, NULL);
    long rss = status ? status_kb(status, "VmRSS:") : 0;
    long data = status ? status_kb(status, "VmData:") : 0;
    long vsz = status ? status_kb(status, "VmSize:") : 0;
    free(status);
    char exe[PATH_MAX];
    snprintf(path, sizeof path, "/proc/%d/exe", pid);
    ssize_t el = readlink(path, exe, sizeof exe - 1);
    if (el >= 0)
        exe[el] = '\0';
    /* comm is truncated to 15 bytes: take the executable's name when it extends it */
    if (strlen(comm) == 15 && el > 0) {
        const char *base = strrchr(exe, '/') ? strrchr(exe, '/') + 1 : exe;
        if (strncmp(base, comm, 15) == 0) {
            free(comm);
            comm = hv_xstrdup(base);
        }
    }
    long hz = sysconf(_SC_CLK_TCK);
    hv_value o = hv_obj_new(&proc_class);
    hv_obj_set(&o, "Name", hv_str(comm));
    hv_obj_set(&o, "Id", hv_int(pid));
    hv_obj_set(&o, "ProcessName", hv_str(comm));
    hv_obj_set(&o, "CPU", hv_double((double)(utime + stime) / (double)(hz > 0 ? hz : 100)));
    hv_obj_set(&o, "WS", hv_long((int64_t)rss * 1024));
    hv_obj_set(&o, "WorkingSet64", hv_long((int64_t)rss * 1024));
    hv_obj_set(&o, "PM", hv_long((int64_t)data * 1024));
    hv_obj_set(&o, "PrivateMemorySize64", hv_long((int64_t)data * 1024));
    hv_obj_set(&o, "VM", hv_long((int64_t)vsz * 1024));
    hv_obj_set(&o, "VirtualMemorySize64", hv_long((int64_t)vsz * 1024));
    hv_obj_set(&o, "NPM", hv_long(0));
    hv_obj_set(&o, "SI", hv_int((int32_t)session));
    hv_obj_set(&o, "SessionId", hv_int((int32_t)session));
    hv_obj_set(&o, "Path", el >= 0 ? hv_str(exe) : hv_null());
    hv_obj_set(&o, "Threads", hv_int((int32_t)threads));
    hv_obj_set(&o, "BasePriority", hv_int((int32_t)(20 - nice)));
    hv_obj_set(&o, "Parent", hv_int((int32_t)ppid));
    hv_obj_set(&o, "State", hv_strf("%c", state));
    hv_obj_set(&o, "StartTime",
               hv_datetime(boot_ticks_local() + (int64_t)start * HVC_TICKS_PER_SEC /
                                                    (hz > 0 ? hz : 100),
                           HV_DT_LOCAL));
    hv_obj_set(&o, "HasExited", hv_bool(false));
    free(comm);
    return o;
}

static int
proc_cmp(const void *a, const void *b)
{
    const hv_value *x = a, *y = b;
    int c = hv_str_cmp_ci(hv_str_cstr(hv_obj_get(x, "ProcessName")),
                          hv_str_cstr(hv_obj_get(y, "ProcessName")));
    if (c)
        return c;
    return (int)(hv_int_of(hv_obj_get(x, "Id")) - hv_int_of(hv_obj_get(y, "Id")));
}

/* Every process, sorted by name then id (as Get-Process lists them). */
static hv_value
all_processes(void)
{
    hv_value a = hv_array_new(128);
    DIR *d = opendir("/proc");
    if (!d)
        return a;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!isdigit((unsigned char)e->d_name[0]))
            continue;
        hv_value o = process_object(atoi(e->d_name));
        if (o.kind == HV_OBJECT)
            hv_array_push(&a, o);
    }
    closedir(d);
    if (hv_array_len(&a) > 1)
        qsort(hv_array_items(&a), hv_array_len(&a), sizeof(hv_value), proc_cmp);
    return a;
}

/* ---- Get-Process ---- */
enum { GP_SET_NAME, GP_SET_ID, GP_SET_INPUT };
enum { GP_NAME, GP_ID, GP_INPUT, GP_USERNAME, GP_MODULE, GP_FVI, GP__N };

const hv_param_def hvc_getprocess_params[GP__N + 1] = {
    [GP_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(GP_SET_NAME),
                 .flags = HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .aliases = (const char *const[]){"ProcessName", NULL},
                 .help = "Specifies one or more processes by process name. Wildcard "
                         "characters are permitted."},
    [GP_ID] = {.name = "Id", .type = HV_PT_INT32, .position = HV_POS_NAMED,
               .sets = HV_SET(GP_SET_ID),
               .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
               .aliases = (const char *const[]){"PID", NULL},
               .help = "Specifies one or more processes by process ID (PID)."},
    [GP_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .sets = HV_SET(GP_SET_INPUT),
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                  .help = "Specifies one or more process objects."},
    [GP_USERNAME] = {.name = "IncludeUserName", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Indicates that the UserName value of the Process object is "
                             "returned with results of the command."},
    [GP_MODULE] = {.name = "Module", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Indicates that this cmdlet gets the modules that have been loaded "
                           "by the processes (not supported on Linux)."},
    [GP_FVI] = {.name = "FileVersionInfo", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                .aliases = (const char *const[]){"FV", "FVI", NULL},
                .help = "Indicates that this cmdlet gets the file version information for the "
                        "program that runs in the process (not supported on Linux)."},
    [GP__N] = {.name = NULL},
};

static hv_status
no_process_name(hv_cmd *cmd, const char *name, const char *cls_id)
{
    return hvc_error(cmd, HV_CAT_ObjectNotFound, cls_id, name,
                     "Cannot find a process with the name \"%s\". Verify the process name and "
                     "call the cmdlet again.", name);
}

static hv_status
no_process_id(hv_cmd *cmd, int64_t id, const char *cls_id)
{
    char t[32];
    snprintf(t, sizeof t, "%lld", (long long)id);
    return hvc_error(cmd, HV_CAT_ObjectNotFound, cls_id, t,
                     "Cannot find a process with the process identifier %lld.", (long long)id);
}

static void
add_user(hv_value *o, bool want)
{
    if (!want)
        return;
    char path[64];
    snprintf(path, sizeof path, "/proc/%lld", (long long)hv_int_of(hv_obj_get(o, "Id")));
    struct stat st;
    if (stat(path, &st) == 0) {
        char *u = NULL;
        FILE *f = fopen("/etc/passwd", "r");
        char line[512];
        while (f && fgets(line, sizeof line, f)) {
            char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
            if (c2 && (uid_t)strtoul(c2 + 1, NULL, 10) == st.st_uid) {
                u = hv_xstrndup(line, (size_t)(c1 - line));
                break;
            }
        }
        if (f)
            fclose(f);
        hv_obj_set(o, "UserName", u ? hv_str_take(u) : hv_strf("%u", (unsigned)st.st_uid));
    }
}

hv_status
hvc_getprocess_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    int set = hv_cmd_set_index(cmd);
    bool user = hv_cmd_switch(cmd, GP_USERNAME);
    hv_status st = HV_OK;
    if (set == GP_SET_INPUT) {
        const hv_value *in = hvc_arg_array(cmd, GP_INPUT);
        for (size_t i = 0; in && i < hv_array_len(in) && st == HV_OK; i++) {
            const hv_value *e = hv_array_at(in, i);
            const hv_value *id = e->kind == HV_OBJECT ? hv_obj_get(e, "Id") : NULL;
            hv_value o = id ? process_object((int)hv_int_of(id)) : hv_null();
            if (o.kind == HV_OBJECT)
                add_user(&o, user), st = hv_emit(cmd, o);
        }
        return st;
    }
    if (set == GP_SET_ID) {
        const hv_value *ids = hvc_arg_array(cmd, GP_ID);
        for (size_t i = 0; ids && i < hv_array_len(ids) && st == HV_OK; i++) {
            int64_t id = hv_int_of(hv_array_at(ids, i));
            hv_value o = process_object((int)id);
            if (o.kind != HV_OBJECT) {
                st = no_process_id(cmd, id, "NoProcessFoundForGivenId");
                continue;
            }
            add_user(&o, user);
            st = hv_emit(cmd, o);
        }
        return st;
    }
    hv_value all = all_processes();
    const hv_value *names = hvc_arg_array(cmd, GP_NAME);
    size_t nn = names ? hv_array_len(names) : 0;
    bool *seen = hv_xcalloc(hv_array_len(&all) + 1, 1);
    for (size_t k = 0; k < (nn ? nn : 1) && st == HV_OK; k++) {
        HV_AUTO hv_value pat = nn ? hv_conv_to_string(hv_array_at(names, k), NULL) : hv_str("*");
        bool any = false;
        for (size_t i = 0; i < hv_array_len(&all) && st == HV_OK; i++) {
            const hv_value *o = hv_array_at(&all, i);
            if (!hv_wildcard_match(hv_str_cstr(&pat), hv_str_cstr(hv_obj_get(o, "ProcessName")),
                                   false))
                continue;
            any = true;
            if (seen[i])
                continue;
            seen[i] = true;
            hv_value c = hv_ref(o);
            add_user(&c, user);
            st = hv_emit(cmd, c);
        }
        if (!any && st == HV_OK && !hv_wildcard_has_meta(hv_str_cstr(&pat)))
            st = no_process_name(cmd, hv_str_cstr(&pat),
                                 "NoProcessFoundForGivenName");
    }
    free(seen);
    hv_unref(all);
    return st;
}

/* ---- Stop-Process ---- */
enum { SP_SET_ID, SP_SET_NAME, SP_SET_INPUT };
enum { SPR_ID, SPR_NAME, SPR_INPUT, SPR_PASSTHRU, SPR_FORCE, SPR__N };

const hv_param_def hvc_stopprocess_params[SPR__N + 1] = {
    [SPR_ID] = {.name = "Id", .type = HV_PT_INT32, .position = 0, .sets = HV_SET(SP_SET_ID),
                .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                .help = "Specifies the process IDs of the processes to stop."},
    [SPR_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .sets = HV_SET(SP_SET_NAME),
                  .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY |
                           HV_PF_WILDCARDS,
                  .aliases = (const char *const[]){"ProcessName", NULL},
                  .help = "Specifies the process names of the processes to stop. Wildcards "
                          "are permitted."},
    [SPR_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = 0,
                   .sets = HV_SET(SP_SET_INPUT),
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                   .help = "Specifies the process objects to stop (as Get-Process returns "
                           "them)."},
    [SPR_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .help = "Returns an object that represents the process."},
    [SPR_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Stops the specified processes without prompting for "
                           "confirmation."},
    [SPR__N] = {.name = NULL},
};

static hv_status
kill_one(hv_cmd *cmd, hv_value proc)
{
    int pid = (int)hv_int_of(hv_obj_get(&proc, "Id"));
    char *target = hv_xasprintf("%s (%d)", hv_str_cstr(hv_obj_get(&proc, "ProcessName")), pid);
    hv_status st = HV_OK;
    if (hv_should_process(cmd, target, "Stop-Process")) {
        if (kill(pid, SIGKILL) != 0 && errno != ESRCH) {
            st = hvc_error(cmd, HV_CAT_CloseError,
                           "CouldNotStopProcess",
                           target, "Cannot stop process \"%s\" because of the following error: "
                                   "%s", target, strerror(errno));
        } else {
            /* reap it when it is our own child (Start-Process), so no zombie remains */
            waitpid(pid, NULL, 0);
        }
        if (st == HV_OK && hv_cmd_switch(cmd, SPR_PASSTHRU)) {
            hv_obj_set(&proc, "HasExited", hv_bool(true));
            free(target);
            return hv_emit(cmd, proc);
        }
    }
    free(target);
    hv_unref(proc);
    return st;
}

hv_status
hvc_stopprocess_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    int set = hv_cmd_set_index(cmd);
    hv_status st = HV_OK;
    const char *eid = "NoProcessFoundForGivenId";
    if (set == SP_SET_ID || set == SP_SET_INPUT) {
        const hv_value *arr = hvc_arg_array(cmd, set == SP_SET_ID ? SPR_ID : SPR_INPUT);
        for (size_t i = 0; arr && i < hv_array_len(arr) && st == HV_OK; i++) {
            const hv_value *e = hv_array_at(arr, i);
            const hv_value *idv = set == SP_SET_ID ? e
                                  : e->kind == HV_OBJECT ? hv_obj_get(e, "Id") : NULL;
            int64_t id = idv ? hv_int_of(idv) : -1;
            hv_value o = process_object((int)id);
            st = o.kind == HV_OBJECT ? kill_one(cmd, o) : no_process_id(cmd, id, eid);
        }
        return st;
    }
    const hv_value *names = hvc_arg_array(cmd, SPR_NAME);
    hv_value all = all_processes();
    for (size_t k = 0; names && k < hv_array_len(names) && st == HV_OK; k++) {
        HV_AUTO hv_value pat = hv_conv_to_string(hv_array_at(names, k), NULL);
        bool any = false;
        for (size_t i = 0; i < hv_array_len(&all) && st == HV_OK; i++) {
            const hv_value *o = hv_array_at(&all, i);
            if (!hv_wildcard_match(hv_str_cstr(&pat), hv_str_cstr(hv_obj_get(o, "ProcessName")),
                                   false))
                continue;
            any = true;
            if ((int)hv_int_of(hv_obj_get(o, "Id")) == getpid())
                continue; /* never ourselves by name */
            st = kill_one(cmd, hv_ref(o));
        }
        if (!any && !hv_wildcard_has_meta(hv_str_cstr(&pat)))
            st = no_process_name(cmd, hv_str_cstr(&pat),
                                 "NoProcessFoundForGivenName");
    }
    hv_unref(all);
    return st;
}

/* ---- Start-Process ---- */
enum { SPS_FILE, SPS_ARGS, SPS_WORKDIR, SPS_PASSTHRU, SPS_WAIT, SPS_NONEWWINDOW, SPS_RIN,
       SPS_ROUT, SPS_RERR, SPS_NEWENV, SPS_WINDOWSTYLE, SPS_ENV, SPS__N };

const hv_param_def hvc_startprocess_params[SPS__N + 1] = {
    [SPS_FILE] = {.name = "FilePath", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_MANDATORY,
                  .aliases = (const char *const[]){"PSPath", "Path", NULL},
                  .help = "Specifies the optional path and filename of the program that runs "
                          "in the process; a bare name is searched on PATH."},
    [SPS_ARGS] = {.name = "ArgumentList", .type = HV_PT_STRING, .position = 1,
                  .flags = HV_PF_ARRAY, .aliases = (const char *const[]){"Args", NULL},
                  .help = "Specifies parameters or parameter values to use when this cmdlet "
                          "starts the process. The strings are joined with spaces; use "
                          "embedded double quotes to keep spaces inside one argument."},
    [SPS_WORKDIR] = {.name = "WorkingDirectory", .type = HV_PT_STRING,
                     .position = HV_POS_NAMED,
                     .help = "Specifies the location that the new process should start in. "
                             "The default is the current location."},
    [SPS_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .help = "Returns a process object for each process that the cmdlet "
                              "started."},
    [SPS_WAIT] = {.name = "Wait", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Waits for the specified process to complete before accepting more "
                          "input."},
    [SPS_NONEWWINDOW] = {.name = "NoNewWindow", .type = HV_PT_SWITCH,
                         .position = HV_POS_NAMED,
                         .aliases = (const char *const[]){"nnw", NULL},
                         .help = "Start the new process in the current console window (always "
                                 "the case on Linux)."},
    [SPS_RIN] = {.name = "RedirectStandardInput", .type = HV_PT_STRING,
                 .position = HV_POS_NAMED, .aliases = (const char *const[]){"RSI", NULL},
                 .help = "Specifies a file: the process reads its input from it."},
    [SPS_ROUT] = {.name = "RedirectStandardOutput", .type = HV_PT_STRING,
                  .position = HV_POS_NAMED, .aliases = (const char *const[]){"RSO", NULL},
                  .help = "Specifies a file: the process's output is written to it."},
    [SPS_RERR] = {.name = "RedirectStandardError", .type = HV_PT_STRING,
                  .position = HV_POS_NAMED, .aliases = (const char *const[]){"RSE", NULL},
                  .help = "Specifies a file: the process's error output is written to it."},
    [SPS_NEWENV] = {.name = "UseNewEnvironment", .type = HV_PT_SWITCH,
                    .position = HV_POS_NAMED,
                    .help = "Indicates that this cmdlet uses a minimal environment (PATH and "
                            "HOME) instead of the current one."},
    [SPS_WINDOWSTYLE] = {.name = "WindowStyle", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                         .accepted = (const char *const[]){"Normal", "Hidden", "Minimized",
                                                           "Maximized", NULL},
                         .help = "Specifies the state of the window (accepted; no effect on "
                                 "Linux)."},
    [SPS_ENV] = {.name = "Environment", .type = HV_PT_HASHTABLE, .position = HV_POS_NAMED,
                 .help = "Specifies environment variables to set (or, with $null values, "
                         "remove) for the new process."},
    [SPS__N] = {.name = NULL},
};

/* .NET's ParseArgumentsIntoList (Windows command-line rules). */
static void
split_windows_args(const char *s, char ***argv, size_t *argc)
{
    size_t i = 0, n = strlen(s);
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            break;
        hv_buf a = {0};
        bool inq = false;
        while (i < n && (inq || (s[i] != ' ' && s[i] != '\t'))) {
            if (s[i] == '\\') {
                size_t bs = 0;
                while (i < n && s[i] == '\\')
                    bs++, i++;
                if (i < n && s[i] == '"') {
                    for (size_t k = 0; k < bs / 2; k++)
                        hv_buf_putc(&a, '\\');
                    if (bs % 2) {
                        hv_buf_putc(&a, '"');
                        i++;
                    }
                } else {
                    for (size_t k = 0; k < bs; k++)
                        hv_buf_putc(&a, '\\');
                }
            } else if (s[i] == '"') {
                if (inq && i + 1 < n && s[i + 1] == '"') {
                    hv_buf_putc(&a, '"');
                    i += 2;
                } else {
                    inq = !inq;
                    i++;
                }
            } else {
                hv_buf_putc(&a, s[i++]);
            }
        }
        *argv = hv_xrealloc(*argv, (*argc + 2) * sizeof **argv);
        (*argv)[(*argc)++] = hv_xstrndup(a.data ? a.data : "", a.len);
        hv_buf_free(&a);
    }
}

static char **
build_env(hv_cmd *cmd)
{
    const hv_value *extra = hv_cmd_arg(cmd, SPS_ENV);
    bool fresh = hv_cmd_switch(cmd, SPS_NEWENV);
    if (!extra && !fresh)
        return NULL;
    size_t n = 0;
    char **env = hv_xcalloc(1, sizeof *env);
    const char *keep[] = {"PATH", "HOME", "USER", "TERM", NULL};
    for (char **e = environ; e && *e; e++) {
        bool ok = !fresh;
        for (int k = 0; fresh && keep[k]; k++)
            if (strncmp(*e, keep[k], strlen(keep[k])) == 0 && (*e)[strlen(keep[k])] == '=')
                ok = true;
        const char *eq = strchr(*e, '=');
        if (ok && eq && extra && extra->kind == HV_TABLE) {
            char *name = hv_xstrndup(*e, (size_t)(eq - *e));
            ok = hv_table_gets(extra, name) == NULL;
            free(name);
        }
        if (ok) {
            env = hv_xrealloc(env, (n + 2) * sizeof *env);
            env[n++] = hv_xstrdup(*e);
        }
    }
    const hv_value *k, *v;
    for (size_t it = 0; extra && extra->kind == HV_TABLE && hv_table_next(extra, &it, &k, &v);) {
        if (v->kind == HV_NULL)
            continue;
        HV_AUTO hv_value ks = hv_conv_to_string(k, NULL);
        HV_AUTO hv_value vs = hv_conv_to_string(v, NULL);
        env = hv_xrealloc(env, (n + 2) * sizeof *env);
        env[n++] = hv_xasprintf("%s=%s", hv_str_cstr(&ks), hv_str_cstr(&vs));
    }
    env[n] = NULL;
    return env;
}

static void
free_strv(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

static void
add_redirect(hv_cmd *cmd, posix_spawn_file_actions_t *fa, int idx, int fd, int flags)
{
    const char *p = hvc_arg_str(cmd, idx);
    if (!p)
        return;
    char *full = hvc_fs_full_path(cmd, p);
    posix_spawn_file_actions_addopen(fa, fd, full, flags, 0666);
    free(full);
}

hv_status
hvc_startprocess_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const char *file = hvc_arg_str(cmd, SPS_FILE);
    const hv_value *args = hvc_arg_array(cmd, SPS_ARGS);
    hv_buf joined = {0};
    for (size_t i = 0; args && i < hv_array_len(args); i++) {
        if (i)
            hv_buf_putc(&joined, ' ');
        hv_conv_append_string(&joined, hv_array_at(args, i), NULL);
    }
    char **argv = hv_xcalloc(2, sizeof *argv);
    size_t argc = 1;
    /* a path with a separator is resolved against the current location */
    char *prog = strchr(file, '/') ? hvc_fs_full_path(cmd, file) : hv_xstrdup(file);
    argv[0] = hv_xstrdup(file);
    split_windows_args(joined.data ? joined.data : "", &argv, &argc);
    argv[argc] = NULL;
    hv_buf_free(&joined);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    const char *wd = hvc_arg_str(cmd, SPS_WORKDIR);
    char *wdfull = wd ? hvc_fs_full_path(cmd, wd) : NULL;
    if (wdfull)
        posix_spawn_file_actions_addchdir_np(&fa, wdfull);
    add_redirect(cmd, &fa, SPS_RIN, 0, O_RDONLY);
    add_redirect(cmd, &fa, SPS_ROUT, 1, O_WRONLY | O_CREAT | O_TRUNC);
    add_redirect(cmd, &fa, SPS_RERR, 2, O_WRONLY | O_CREAT | O_TRUNC);
    char **env = build_env(cmd);
    pid_t pid;
    int rc = posix_spawnp(&pid, prog, &fa, NULL, argv, env ? env : environ);
    posix_spawn_file_actions_destroy(&fa);
    free_strv(env);
    free_strv(argv);
    hv_status st = HV_OK;
    if (rc != 0) {
        char cwd[PATH_MAX];
        const char *wdir = wdfull ? wdfull : (getcwd(cwd, sizeof cwd) ? cwd : ".");
        /* .NET's Win32Exception text, wrapped by Start-Process */
        st = hvc_throw(cmd, HV_CAT_InvalidOperation, "InvalidOperationException", file,
                       "This command cannot be run due to the error: An error occurred trying "
                       "to start process '%s' with working directory '%s'. %s", file, wdir,
                       rc == ENOENT ? "No such file or directory" : strerror(rc));
        free(prog);
        free(wdfull);
        return st;
    }
    free(prog);
    free(wdfull);
    hv_value proc = hv_cmd_switch(cmd, SPS_PASSTHRU) ? process_object(pid) : hv_null();
    if (hv_cmd_switch(cmd, SPS_WAIT)) {
        int wst = 0;
        for (;;) {
            pid_t r = waitpid(pid, &wst, WNOHANG);
            if (r == pid || (r < 0 && errno != EINTR))
                break;
            if (hv_cmd_interrupted(cmd)) {
                hv_unref(proc);
                return HV_STOPPED;
            }
            usleep(20000);
        }
        if (proc.kind == HV_OBJECT) {
            hv_obj_set(&proc, "HasExited", hv_bool(true));
            hv_obj_set(&proc, "ExitCode",
                       hv_int(WIFEXITED(wst) ? WEXITSTATUS(wst) : 128 + WTERMSIG(wst)));
        }
    }
    if (proc.kind == HV_OBJECT)
        st = hv_emit(cmd, proc);
    return st;
}

/* ---- Clear-Host ---- */
const hv_param_def hvc_clearhost_params[1] = {{.name = NULL}};

hv_status
hvc_clearhost_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    /* what [Console]::Clear() sends to a terminal: home, erase screen and scrollback */
    if (isatty(STDOUT_FILENO))
        hv_write_host(cmd, "\033[H\033[2J\033[3J", false, NULL, NULL);
    return HV_OK;
}
