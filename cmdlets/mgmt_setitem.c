/* mgmt_setitem.c — Set-Item on the env:, variable:, function: and alias: drives (the
 * file system provider does not support Set-Item in pwsh either). Variables, functions
 * and aliases are set in the caller's scope through the language itself
 * (hv_cmd_invoke_text), as the drives are views of the session state. */
#include "cmdlets/data.h"

#include <stdlib.h>
#include <string.h>

enum { SI_PATH, SI_VALUE, SI_PASSTHRU, SI_FORCE, SI__N };

const hv_param_def hvc_setitem_params[SI__N + 1] = {
    [SI_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY |
                          HV_PF_WILDCARDS,
                 .aliases = (const char *const[]){"PSPath", "LiteralPath", NULL},
                 .help = "Specifies a path of the location of the items."},
    [SI_VALUE] = {.name = "Value", .type = HV_PT_ANY, .position = 1,
                  .flags = HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                  .help = "Specifies a new value for the item."},
    [SI_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Passes an object that represents the item to the pipeline."},
    [SI_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Forces the cmdlet to set items that can't otherwise be changed, "
                          "such as read-only aliases or variables."},
    [SI__N] = {.name = NULL},
};

/* 'text' as a single-quoted PowerShell literal (quotes doubled). */
static char *
quote_ps(const char *s)
{
    size_t n = strlen(s), q = 0;
    for (size_t i = 0; i < n; i++)
        q += s[i] == '\'';
    char *r = malloc(n + q + 3), *w = r;
    if (!r)
        abort();
    *w++ = '\'';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\'')
            *w++ = '\'';
        *w++ = s[i];
    }
    *w++ = '\'';
    *w = 0;
    return r;
}

/* Run `pre <quoted name> post` in the caller's scope, with the value in a temporary
 * variable so any object (script block, array) passes through unchanged. */
static hv_status
set_via_language(hv_cmd *cmd, const char *pre, const char *post, const char *name,
                 const hv_value *value)
{
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    hv_var_set(ctx, "__hvsh_setitem_value", value ? hv_ref(value) : hv_null());
    char *q = quote_ps(name);
    char *src = hv_xasprintf("%s%s%s", pre, q, post);
    free(q);
    hv_status st = hv_cmd_invoke_text(cmd, src, strlen(src));
    free(src);
    static const char cleanup[] = "Remove-Variable -Name __hvsh_setitem_value -ErrorAction Ignore";
    hv_status st2 = hv_cmd_invoke_text(cmd, cleanup, sizeof cleanup - 1);
    return st != HV_OK ? st : st2;
}

static hv_status
set_one(hv_cmd *cmd, const char *path, const hv_value *value)
{
    const char *name = NULL;
    hvc_provider prov = hvc_path_provider(path, &name);
    if (!name || !*name)
        return hvc_error(cmd, HV_CAT_InvalidArgument, "SetItemNoName", path,
                         "Cannot process argument because the value of argument \"name\" is not "
                         "valid. Change the value of the \"name\" argument and run the operation "
                         "again.");
    if (!hv_should_process(cmd, path, "Set Item"))
        return HV_OK;
    switch (prov) {
    case HVC_PROV_ENV: {
        if (!value || value->kind == HV_NULL) {
            unsetenv(name);
            return HV_OK;
        }
        hv_value s = hv_conv_to_string(value, NULL);
        setenv(name, hv_str_cstr(&s), 1);
        hv_unref(s);
        return HV_OK;
    }
    case HVC_PROV_VARIABLE:
        return set_via_language(cmd, "Set-Variable -Name ",
                                hv_cmd_switch(cmd, SI_FORCE)
                                    ? " -Value $__hvsh_setitem_value -Force"
                                    : " -Value $__hvsh_setitem_value",
                                name, value);
    case HVC_PROV_FUNCTION:
        if (value && value->kind != HV_SCRIPTBLOCK && value->kind != HV_STRING)
            return hvc_error(cmd, HV_CAT_InvalidArgument, "Argument", path,
                             "The argument is not a script block or a string.");
        return set_via_language(cmd, "Invoke-Expression ('function ' + ",
                                " + ' {' + [string]$__hvsh_setitem_value + '}')", name, value);
    case HVC_PROV_ALIAS:
        return set_via_language(cmd, "Set-Alias -Name ",
                                hv_cmd_switch(cmd, SI_FORCE)
                                    ? " -Value $__hvsh_setitem_value -Force"
                                    : " -Value $__hvsh_setitem_value",
                                name, value);
    case HVC_PROV_UNKNOWN:
        return hvc_drive_not_found(cmd, path);
    case HVC_PROV_FS:
    default:
        return hvc_error(cmd, HV_CAT_NotImplemented, "NotSupported", path,
                         "Provider operation stopped because the provider does not support this "
                         "operation.");
    }
}

/* Remove-Item variable:X / alias:X: through Remove-Variable / Remove-Alias in the
 * caller's scope. */
hv_status
hvc_remove_session_item(hv_cmd *cmd, hvc_provider prov, const char *name)
{
    const char *pre = prov == HVC_PROV_ALIAS ? "Remove-Alias -Force -Name "
                                             : "Remove-Variable -Force -Name ";
    return set_via_language(cmd, pre, "", name, NULL);
}

hv_status
hvc_setitem_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *paths = hv_cmd_arg(cmd, SI_PATH);
    const hv_value *value = hv_cmd_arg(cmd, SI_VALUE);
    if (!paths)
        return HV_OK;
    hv_status st = HV_OK;
    if (paths->kind == HV_ARRAY) {
        for (size_t i = 0; i < hv_array_len(paths) && st == HV_OK; i++) {
            hv_value s = hv_conv_to_string(hv_array_at(paths, i), NULL);
            st = set_one(cmd, hv_str_cstr(&s), value);
            hv_unref(s);
        }
    } else {
        hv_value s = hv_conv_to_string(paths, NULL);
        st = set_one(cmd, hv_str_cstr(&s), value);
        hv_unref(s);
    }
    return st;
}
