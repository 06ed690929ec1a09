/* sys_service.c — Get-Service, Start-/Stop-/Restart-Service, Set-Service
 * (Microsoft.PowerShell.Management) on systemd: engine/syssvc runs systemctl with an argv.
 * A unit "foo.service" is the service "foo"; Description is its DisplayName; ActiveState
 * gives Status and UnitFileState gives StartType (enabled = Automatic, disabled/masked =
 * Disabled, static/indirect = Manual). */
#include "cmdlets/cmdlets.h"
#include "cmdlets/sysmods.h"
#include "engine/syssvc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SVC_TYPE "System.ServiceProcess.ServiceController"

static const hv_view_column svc_view[] = {
    {.label = "Status", .property = "Status", .width = 8, .align = -1},
    {.label = "Name", .property = "Name", .width = 18, .align = -1},
    {.label = "DisplayName", .property = "DisplayName", .width = 38, .align = -1},
    {0}};
static const char *const svc_base[] = {"System.ComponentModel.Component",
                                       "System.MarshalByRefObject", "System.Object", NULL};
static hv_value svc_tostring(const hv_value *self);
static const hv_obj_class cls_svc = {.type_name = SVC_TYPE, .base_types = svc_base,
                                     .table_view = svc_view, .to_string = svc_tostring};

static hv_value
svc_tostring(const hv_value *self)
{
    const hv_value *n = hv_obj_get(self, "Name");
    return n ? hv_ref(n) : hv_str(SVC_TYPE);
}

static hv_value
names_array(const char *list)
{
    hv_value a = hv_array_new(0);
    char *dup = hv_xstrdup(list), *save = NULL;
    for (char *t = strtok_r(dup, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        size_t l = strlen(t);
        if (l > 8 && !strcmp(t + l - 8, ".service")) {
            t[l - 8] = 0;
            hv_array_push(&a, hv_str(t));
        }
    }
    free(dup);
    return a;
}

static hv_value
svc_obj(const hv_sys_svc *s)
{
    hv_value o = hv_obj_new(&cls_svc);
    hv_obj_set(&o, "Name", hv_str(s->name));
    hv_obj_set(&o, "DisplayName", hv_str(s->description[0] ? s->description : s->name));
    hv_obj_set(&o, "Status", hv_str(hv_sys_svc_status(s)));
    hv_obj_set(&o, "StartType", hv_str(hv_sys_svc_start_type(s)));
    hv_obj_set(&o, "ServiceName", hv_str(s->name));
    hv_obj_set(&o, "CanStop", hv_bool(s->can_stop && !strcmp(hv_sys_svc_status(s), "Running")));
    hv_obj_set(&o, "CanPauseAndContinue", hv_bool(false));
    hv_obj_set(&o, "CanShutdown", hv_bool(false));
    hv_obj_set(&o, "ServiceType", hv_str("Win32OwnProcess"));
    hv_obj_set(&o, "MachineName", hv_str("."));
    hv_obj_set(&o, "DependentServices", names_array(s->required_by));
    hv_obj_set(&o, "ServicesDependedOn", names_array(s->requires));
    hv_obj_set(&o, "RequiredServices", names_array(s->requires));
    hv_obj_set(&o, "UserName", hv_null());
    hv_obj_set(&o, "BinaryPathName", hv_null());
    return o;
}

static hv_status
svc_error(hv_cmd *cmd, hv_err_category cat, const char *id, const char *target,
          const char *fmt, const char *a, const char *b, const char *c)
{
    hv_value t = hv_str(target);
    hv_value rec = hv_error_new_ex(cmd, "Microsoft.PowerShell.Commands.ServiceCommandException",
                                   cat, id, &t, fmt, a, b, c);
    hv_unref(t);
    return hv_write_error(cmd, rec);
}

/* Load every service; on failure the error (naming systemctl) is written and false returned. */
static bool
load_all(hv_cmd *cmd, hv_sys_svc **v, size_t *n, hv_status *st)
{
    hv_eng_err e;
    if (hv_sys_svc_list(v, n, &e) == 0)
        return true;
    hv_value t = hv_str(hv_sys_svc_program());
    *st = hv_write_error(cmd, hv_error_new_ex(cmd, "System.InvalidOperationException",
                                              HV_CAT_ResourceUnavailable, "SystemctlFailed", &t,
                                              "Cannot read the services from systemd: %s",
                                              e.msg));
    hv_unref(t);
    return false;
}

/* Selecting parameters shared by every service cmdlet: Name (0), DisplayName (1),
 * InputObject (2); Include (3), Exclude (4). Marks sel[i]; writes not-found errors. */
enum { SV_NAME, SV_DISPLAY, SV_INPUT, SV_INCLUDE, SV_EXCLUDE, SV__N };
static const char *const sv_sets[] = {"Default", "DisplayName", "InputObject", NULL};
static const char *const al_svcname[] = {"ServiceName", NULL};
#define SV_PARAMS(name_flags)                                                                  \
    [SV_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,                          \
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS | HV_PF_BY_VALUE |                     \
                          HV_PF_BY_PROPERTY_NAME | (name_flags),                               \
                 .sets = HV_SET(0), .aliases = al_svcname,                                     \
                 .help = "Service names (systemd unit names without .service); wildcards."},  \
    [SV_DISPLAY] = {.name = "DisplayName", .type = HV_PT_STRING, .position = HV_POS_NAMED,     \
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS | HV_PF_MANDATORY,                  \
                    .sets = HV_SET(1), .help = "Display names (unit descriptions); wildcards."}, \
    [SV_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,          \
                  .flags = HV_PF_ARRAY | HV_PF_BY_VALUE | HV_PF_MANDATORY, .sets = HV_SET(2),  \
                  .help = "ServiceController objects (their Name is used)."},                 \
    [SV_INCLUDE] = {.name = "Include", .type = HV_PT_STRING, .position = HV_POS_NAMED,         \
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,                                    \
                    .help = "Only services whose name matches."},                              \
    [SV_EXCLUDE] = {.name = "Exclude", .type = HV_PT_STRING, .position = HV_POS_NAMED,         \
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,                                    \
                    .help = "Leave out services whose name matches."}

static const char **
arg_strv(hv_cmd *cmd, int idx, size_t *n)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    *n = 0;
    if (!v)
        return NULL;
    size_t len = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
    const char **out = hv_xcalloc(len + 1, sizeof *out);
    for (size_t i = 0; i < len; i++) {
        const hv_value *e = v->kind == HV_ARRAY ? hv_array_at(v, i) : v;
        if (e->kind == HV_STRING)
            out[(*n)++] = hv_str_cstr(e);
    }
    return out;
}

static bool
match_any(const char **p, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (hv_wildcard_match(p[i], s, false))
            return true;
    return false;
}

static hv_status
select_svcs(hv_cmd *cmd, const hv_sys_svc *v, size_t n, bool *sel, bool all_default)
{
    hv_status st = HV_OK;
    size_t nn, nd, ni, nx;
    const char **names = arg_strv(cmd, SV_NAME, &nn);
    const char **disp = arg_strv(cmd, SV_DISPLAY, &nd);
    const char **inc = arg_strv(cmd, SV_INCLUDE, &ni);
    const char **exc = arg_strv(cmd, SV_EXCLUDE, &nx);
    const hv_value *in = hv_cmd_arg(cmd, SV_INPUT);
    size_t nin = !in ? 0 : in->kind == HV_ARRAY ? hv_array_len(in) : 1;
    const char **inn = hv_xcalloc(nin + 1, sizeof *inn);
    hv_value *held = hv_xcalloc(nin + 1, sizeof *held);
    for (size_t k = 0; k < nin; k++) {
        const hv_value *o = in->kind == HV_ARRAY ? hv_array_at(in, k) : in;
        held[k] = o->kind == HV_STRING ? hv_ref(o) : hv_get_member(hv_cmd_ctx(cmd), o, "Name");
        inn[k] = held[k].kind == HV_STRING ? hv_str_cstr(&held[k]) : "";
    }
    bool none = !nn && !nd && !nin;
    for (int pass = 0; pass < 3; pass++) {
        const char **pats = pass == 0 ? names : pass == 1 ? disp : inn;
        size_t np = pass == 0 ? nn : pass == 1 ? nd : nin;
        for (size_t k = 0; k < np && st == HV_OK; k++) {
            bool hit = false;
            for (size_t i = 0; i < n; i++) {
                const char *field = pass == 1 ? (v[i].description[0] ? v[i].description : v[i].name)
                                              : v[i].name;
                if (hv_wildcard_match(pats[k], field, false)) {
                    hit = true;
                    sel[i] = true;
                }
            }
            if (!hit && !hv_wildcard_has_meta(pats[k]))
                st = svc_error(cmd, HV_CAT_ObjectNotFound,
                               pass == 1 ? "NoServiceFoundForGivenDisplayName"
                                         : "NoServiceFoundForGivenName",
                               pats[k], "Cannot find any service with %s '%s'.%s",
                               pass == 1 ? "display name" : "service name", pats[k], "");
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (none && all_default)
            sel[i] = true;
        if (sel[i] && ni && !match_any(inc, ni, v[i].name))
            sel[i] = false;
        if (sel[i] && nx && match_any(exc, nx, v[i].name))
            sel[i] = false;
    }
    for (size_t k = 0; k < nin; k++)
        hv_unref(held[k]);
    free(held);
    free(inn);
    free(names);
    free(disp);
    free(inc);
    free(exc);
    return st;
}

/* ---------------------------------------------------------------- Get-Service */

enum { GS_DEPENDENT = SV__N, GS_REQUIRED, GS__N };
static const char *const al_dep[] = {"DS", NULL};
static const char *const al_req[] = {"SDO", "ServicesDependedOn", NULL};
static const hv_param_def gs_params[GS__N + 1] = {
    SV_PARAMS(0),
    [GS_DEPENDENT] = {.name = "DependentServices", .type = HV_PT_SWITCH,
                      .position = HV_POS_NAMED, .aliases = al_dep,
                      .help = "The services that depend on the named ones (RequiredBy=)."},
    [GS_REQUIRED] = {.name = "RequiredServices", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .aliases = al_req,
                     .help = "The services the named ones depend on (Requires=)."},
};

static hv_status
gs_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_sys_svc *v = NULL;
    size_t n = 0;
    hv_status st = HV_OK;
    if (!load_all(cmd, &v, &n, &st))
        return st;
    bool *sel = hv_xcalloc(n + 1, sizeof *sel);
    st = select_svcs(cmd, v, n, sel, true);
    bool dep = hv_cmd_switch(cmd, GS_DEPENDENT), req = hv_cmd_switch(cmd, GS_REQUIRED);
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        if (!sel[i])
            continue;
        if (!dep && !req) {
            st = hv_emit(cmd, svc_obj(&v[i]));
            continue;
        }
        /* the related services, as objects */
        const char *list = dep ? v[i].required_by : v[i].requires;
        for (size_t j = 0; j < n && st == HV_OK; j++) {
            char unit[300];
            snprintf(unit, sizeof unit, "%s.service", v[j].name);
            const char *hit = strstr(list, unit);
            size_t ul = strlen(unit);
            if (hit && (hit == list || hit[-1] == ' ') && (hit[ul] == 0 || hit[ul] == ' '))
                st = hv_emit(cmd, svc_obj(&v[j]));
        }
    }
    free(sel);
    free(v);
    return st;
}

/* ------------------------------------------------ Start / Stop / Restart / Set-Service */

enum { SA_PASSTHRU = SV__N, SA_FORCE, SA_NOWAIT, SA__N };
static const hv_param_def sa_params[SA__N + 1] = {
    SV_PARAMS(HV_PF_MANDATORY),
    [SA_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Emit the service after the change."},
    [SA_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Accepted (systemd stops dependent units itself)."},
    [SA_NOWAIT] = {.name = "NoWait", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Accepted; systemctl returns when the job is queued or done."},
};

enum { SS_STARTUP = SV__N, SS_STATUS, SS_PASSTHRU, SS_DESC, SS_FORCE, SS__N };
static const char *const startup_types[] = {"Automatic", "Manual", "Disabled",
                                            "AutomaticDelayedStart", NULL};
static const char *const statuses[] = {"Running", "Stopped", "Paused", NULL};
static const char *const al_st[] = {"StartMode", "SM", "ST", "StartType", NULL};
static const hv_param_def ss_params[SS__N + 1] = {
    SV_PARAMS(HV_PF_MANDATORY),
    [SS_STARTUP] = {.name = "StartupType", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .accepted = startup_types, .aliases = al_st,
                    .help = "Automatic (systemctl enable), Manual or Disabled (disable)."},
    [SS_STATUS] = {.name = "Status", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .accepted = statuses, .help = "Running (start) or Stopped (stop)."},
    [SS_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Emit the service after the change."},
    [SS_DESC] = {.name = "Description", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .help = "Not supported: a unit's Description is in its unit file."},
    [SS_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Accepted for compatibility."},
};

typedef enum { ACT_START, ACT_STOP, ACT_RESTART, ACT_SET } svc_act;

static hv_status
act_error(hv_cmd *cmd, svc_act a, const hv_sys_svc *s, const char *why)
{
    static const char *const ids[] = {"CouldNotStartService", "CouldNotStopService",
                                      "CouldNotStopService", "CouldNotSetService"};
    static const char *const verbs[] = {"started", "stopped", "stopped", "configured"};
    static const hv_err_category cats[] = {HV_CAT_OpenError, HV_CAT_CloseError, HV_CAT_CloseError,
                                           HV_CAT_PermissionDenied};
    char target[800];
    snprintf(target, sizeof target, "%s (%s)", s->description[0] ? s->description : s->name,
             s->name);
    return svc_error(cmd, cats[a], ids[a], s->name,
                     "Service '%s' cannot be %s due to the following error: %s", target,
                     verbs[a], why);
}

static hv_status
svc_act_run(hv_cmd *cmd, svc_act a)
{
    hv_sys_svc *v = NULL;
    size_t n = 0;
    hv_status st = HV_OK;
    if (!load_all(cmd, &v, &n, &st))
        return st;
    bool *sel = hv_xcalloc(n + 1, sizeof *sel);
    st = select_svcs(cmd, v, n, sel, false);
    static const char *const ops[] = {"Start-Service", "Stop-Service", "Restart-Service",
                                      "Set-Service"};
    int pt = a == ACT_SET ? SS_PASSTHRU : SA_PASSTHRU;
    const char *startup = a == ACT_SET && hv_cmd_arg(cmd, SS_STARTUP) ? hv_str_cstr(hv_cmd_arg(cmd, SS_STARTUP)) : NULL;
    const char *status = a == ACT_SET && hv_cmd_arg(cmd, SS_STATUS) ? hv_str_cstr(hv_cmd_arg(cmd, SS_STATUS)) : NULL;
    if (a == ACT_SET && hv_cmd_bound(cmd, SS_DESC) && st == HV_OK) {
        hv_value t = hv_str("Description");
        st = hv_write_error(cmd, hv_error_new(cmd, HV_CAT_NotImplemented, "DescriptionNotSupported",
                                              &t, "Set-Service -Description is not supported: "
                                              "a systemd unit's description is in its unit file."));
        hv_unref(t);
        n = 0;
    }
    if (status && hv_str_eq_ci(status, "Paused") && st == HV_OK) {
        hv_value t = hv_str("Paused");
        st = hv_write_error(cmd, hv_error_new(cmd, HV_CAT_NotImplemented, "PauseNotSupported", &t,
                                              "systemd services cannot be paused."));
        hv_unref(t);
        n = 0;
    }
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        if (!sel[i])
            continue;
        char target[800];
        snprintf(target, sizeof target, "%s (%s)",
                 v[i].description[0] ? v[i].description : v[i].name, v[i].name);
        if (!hv_should_process(cmd, target, ops[a]))
            continue;
        hv_eng_err e;
        int rc = 0;
        if (a == ACT_START)
            rc = hv_sys_svc_action("start", v[i].name, &e);
        else if (a == ACT_STOP)
            rc = hv_sys_svc_action("stop", v[i].name, &e);
        else if (a == ACT_RESTART)
            rc = hv_sys_svc_action("restart", v[i].name, &e);
        else {
            if (startup) {
                bool masked = !strcmp(v[i].load, "masked") || !strncmp(v[i].file_state, "masked", 6);
                if (masked && !hv_str_eq_ci(startup, "Disabled"))
                    rc = hv_sys_svc_action("unmask", v[i].name, &e);
                if (rc == 0)
                    rc = hv_sys_svc_action(hv_str_eq_ci(startup, "Automatic") ||
                                               hv_str_eq_ci(startup, "AutomaticDelayedStart")
                                           ? "enable"
                                           : "disable",
                                       v[i].name, &e);
            }
            if (rc == 0 && status)
                rc = hv_sys_svc_action(hv_str_eq_ci(status, "Running") ? "start" : "stop", v[i].name, &e);
        }
        if (rc < 0) {
            st = act_error(cmd, a, &v[i], e.msg);
            continue;
        }
        if (hv_cmd_switch(cmd, pt)) {
            hv_sys_svc now;
            st = hv_emit(cmd, svc_obj(hv_sys_svc_get(v[i].name, &now, NULL) == 0 ? &now : &v[i]));
        }
    }
    free(sel);
    free(v);
    return st;
}

static hv_status
start_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return svc_act_run(cmd, ACT_START);
}

static hv_status
stop_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return svc_act_run(cmd, ACT_STOP);
}

static hv_status
restart_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return svc_act_run(cmd, ACT_RESTART);
}

static hv_status
set_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return svc_act_run(cmd, ACT_SET);
}

#define ONLINE(x) "https://learn.microsoft.com/powershell/module/microsoft.powershell.management/" x
#define SYSTEMD_NOTE                                                                           \
    " Services are systemd units: systemctl is run with an argument vector (never a shell); "  \
    "$env:HVSH_SYSTEMCTL names another program to run instead."
static const hv_example ex_gs[] = {
    {.title = "Running services", .code = "Get-Service | Where-Object Status -eq Running"},
    {.title = "One service", .code = "Get-Service -Name libvirtd"},
    {0}};
static const hv_example ex_start[] = {
    {.title = "Start libvirtd", .code = "Start-Service -Name libvirtd"}, {0}};
static const hv_example ex_stop[] = {
    {.title = "Stop a service and show it", .code = "Stop-Service -Name cron -PassThru"}, {0}};
static const hv_example ex_restart[] = {
    {.title = "Restart libvirtd", .code = "Restart-Service libvirtd"}, {0}};
static const hv_example ex_set[] = {
    {.title = "Start at boot", .code = "Set-Service -Name libvirtd -StartupType Automatic"}, {0}};

static const hv_cmdlet_def svc_cmdlets[] = {
    {.name = "Get-Service", .sets = sv_sets,
     .default_set = 0, .params = gs_params, .ops = {.process = gs_process}, .examples = ex_gs,
     .synopsis = "Gets the services on the computer.",
     .description = "Every systemd service unit (list-unit-files + show): Status from "
                    "ActiveState, StartType from UnitFileState, DisplayName from Description."
                    SYSTEMD_NOTE,
     .output_type = SVC_TYPE, .online = ONLINE("get-service")},
    {.name = "Start-Service", .sets = sv_sets,
     .default_set = 0, .params = sa_params, .ops = {.process = start_process},
     .flags = HV_CF_SHOULD_PROCESS, .examples = ex_start,
     .synopsis = "Starts one or more stopped services.",
     .description = "systemctl start <name>.service for each selected service." SYSTEMD_NOTE,
     .output_type = "None, or " SVC_TYPE " with -PassThru", .online = ONLINE("start-service")},
    {.name = "Stop-Service", .sets = sv_sets,
     .default_set = 0, .params = sa_params, .ops = {.process = stop_process},
     .flags = HV_CF_SHOULD_PROCESS, .examples = ex_stop,
     .synopsis = "Stops one or more running services.",
     .description = "systemctl stop <name>.service for each selected service." SYSTEMD_NOTE,
     .output_type = "None, or " SVC_TYPE " with -PassThru", .online = ONLINE("stop-service")},
    {.name = "Restart-Service", .sets = sv_sets, .default_set = 0, .params = sa_params,
     .ops = {.process = restart_process}, .flags = HV_CF_SHOULD_PROCESS, .examples = ex_restart,
     .synopsis = "Stops and then starts one or more services.",
     .description = "systemctl restart <name>.service for each selected service." SYSTEMD_NOTE,
     .output_type = "None, or " SVC_TYPE " with -PassThru", .online = ONLINE("restart-service")},
    {.name = "Set-Service", .sets = sv_sets, .default_set = 0, .params = ss_params,
     .ops = {.process = set_process}, .flags = HV_CF_SHOULD_PROCESS, .examples = ex_set,
     .synopsis = "Starts, stops, and suspends a service, and changes its properties.",
     .description = "-StartupType Automatic runs systemctl enable, Manual and Disabled run "
                    "disable (a masked unit is unmasked first unless Disabled); -Status "
                    "Running/Stopped starts or stops it." SYSTEMD_NOTE,
     .output_type = "None, or " SVC_TYPE " with -PassThru", .online = ONLINE("set-service")},
    {.name = NULL},
};

const hv_module_def hv_mod_sys_svc = {.name = "Microsoft.PowerShell.Management",
                                      .version = "7.0.0.0", .cmdlets = svc_cmdlets};
