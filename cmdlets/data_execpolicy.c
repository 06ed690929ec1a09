/* data_execpolicy.c — Get-/Set-ExecutionPolicy as pwsh 7 has them on Linux: execution
 * policies are a Windows feature, so every scope reports Unrestricted and setting one fails
 * with "Operation is not supported on this platform." (PlatformNotSupportedException), which
 * is what lab scripts starting with `Set-ExecutionPolicy Bypass -Scope Process -Force` see
 * under pwsh on Linux. */
#include <string.h>
#include <strings.h>

#include "cmdlets/data.h"

static const char *const policy_names[] = {"Unrestricted", "RemoteSigned", "AllSigned",
                                           "Restricted",   "Default",      "Bypass",
                                           "Undefined"};
static const int32_t policy_values[] = {0, 1, 2, 3, 4, 5, 6};
static const hv_enum_def policy_enum = {
    .type_name = "Microsoft.PowerShell.ExecutionPolicy",
    .names = policy_names, .values = policy_values, .count = 7};

static const char *const scope_names[] = {"Process", "CurrentUser", "LocalMachine",
                                          "UserPolicy", "MachinePolicy"};
static const int32_t scope_values[] = {0, 1, 2, 3, 4};
static const hv_enum_def scope_enum = {
    .type_name = "Microsoft.PowerShell.ExecutionPolicyScope",
    .names = scope_names, .values = scope_values, .count = 5};

/* ---- Get-ExecutionPolicy ---- */
enum { GEP_SCOPE, GEP_LIST, GEP__N };
const hv_param_def hvc_getexecpolicy_params[GEP__N + 1] = {
    [GEP_SCOPE] = {.name = "Scope", .type = HV_PT_ENUM, .position = 0, .enum_def = &scope_enum,
                   .flags = HV_PF_BY_PROPERTY_NAME,
                   .help = "Specifies the scope whose execution policy is returned (Process, "
                           "CurrentUser, LocalMachine, UserPolicy, MachinePolicy)."},
    [GEP_LIST] = {.name = "List", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Gets the execution policy of every scope, in precedence order."},
    [GEP__N] = {.name = NULL},
};

static const hv_view_column policy_view[] = {
    {.label = "Scope", .property = "Scope", .align = 1},
    {.label = "ExecutionPolicy", .property = "ExecutionPolicy", .align = 1},
    {.label = NULL}};
static const hv_obj_class policy_scope_class = {
    .type_name = "System.Management.Automation.PSCustomObject", .table_view = policy_view};

hv_status
hvc_getexecpolicy_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    /* pwsh on Unix: SecuritySupport.GetExecutionPolicy returns Unrestricted for any scope */
    if (!hv_cmd_switch(cmd, GEP_LIST))
        return hv_emit(cmd, hv_enum(&policy_enum, 0));
    static const int32_t order[] = {4, 3, 0, 1, 2}; /* MachinePolicy ... LocalMachine */
    hv_status st = HV_OK;
    for (size_t i = 0; i < sizeof order / sizeof order[0] && st == HV_OK; i++) {
        hv_value o = hv_obj_new(&policy_scope_class);
        hv_obj_set(&o, "Scope", hv_enum(&scope_enum, order[i]));
        hv_obj_set(&o, "ExecutionPolicy", hv_enum(&policy_enum, 0));
        st = hv_emit(cmd, o);
    }
    return st;
}

/* ---- Set-ExecutionPolicy ---- */
enum { SEP_POLICY, SEP_SCOPE, SEP_FORCE, SEP__N };
const hv_param_def hvc_setexecpolicy_params[SEP__N + 1] = {
    [SEP_POLICY] = {.name = "ExecutionPolicy", .type = HV_PT_ENUM, .position = 0,
                    .enum_def = &policy_enum,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                    .help = "Specifies the execution policy (Unrestricted, RemoteSigned, "
                            "AllSigned, Restricted, Default, Bypass, Undefined)."},
    [SEP_SCOPE] = {.name = "Scope", .type = HV_PT_ENUM, .position = 1, .enum_def = &scope_enum,
                   .flags = HV_PF_BY_PROPERTY_NAME,
                   .help = "Specifies the scope the policy applies to (default LocalMachine)."},
    [SEP_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Suppresses the confirmation prompt."},
    [SEP__N] = {.name = NULL},
};

hv_status
hvc_setexecpolicy_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return hvc_throw(cmd, HV_CAT_NotSpecified, "System.PlatformNotSupportedException", NULL,
                     "Operation is not supported on this platform.");
}
