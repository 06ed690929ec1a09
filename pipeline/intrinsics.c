/* intrinsics.c — cmdlets that need the runtime's internals (command table, scopes,
 * modules, the evaluator), declared as data like every other cmdlet: Get-Command,
 * *-Variable, *-Alias, *-Module, Export-ModuleMember, Invoke-Expression, Set-StrictMode,
 * Invoke-Command (local). */
#include "intrinsics.h"

#include "commands.h"
#include "errors.h"
#include "jobs.h"
#include "pipe.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define A(...)  ((const char *const[]){__VA_ARGS__, NULL})
#define EX(...) ((const hv_example[]){__VA_ARGS__, {.title = NULL}})

/* ====================================================================================
 * Shared helpers
 * ==================================================================================== */

static const char *
sarg(hv_cmd *cmd, int i)
{
    const hv_value *v = hv_cmd_arg(cmd, i);
    return v && v->kind == HV_STRING ? hv_str_cstr(v) : NULL;
}

/* Iterate the strings of a string[] argument. */
static size_t
sarr_len(hv_cmd *cmd, int i)
{
    const hv_value *v = hv_cmd_arg(cmd, i);
    return v && v->kind == HV_ARRAY ? hv_array_len(v) : 0;
}

static const char *
sarr_at(hv_cmd *cmd, int i, size_t k)
{
    const hv_value *e = hv_array_at(hv_cmd_arg(cmd, i), k);
    return e->kind == HV_STRING ? hv_str_cstr(e) : "";
}

static bool
match_any(hv_cmd *cmd, int i, const char *name)
{
    size_t n = sarr_len(cmd, i);
    if (!n)
        return true;
    for (size_t k = 0; k < n; k++)
        if (hv_wildcard_match(sarr_at(cmd, i, k), name, false))
            return true;
    return false;
}

static hv_status
not_found(hv_cmd *cmd, const char *exc, const char *id, const char *name, const char *fmt)
{
    HV_AUTO hv_value target = hv_str(name);
    hv_value rec = hv_error_new_ex(cmd, exc, HV_CAT_ObjectNotFound, id, &target, fmt, name);
    return hv_write_error(cmd, rec);
}

static hv_scope *
scope_arg(hv_cmd *cmd, int i, hv_status *st)
{
    const char *s = sarg(cmd, i);
    *st = HV_OK;
    if (!s)
        return NULL;
    hv_scope *sc = hv_scope_at(cmd->ctx, s);
    if (!sc) {
        HV_AUTO hv_value t = hv_str(s);
        *st = hv_throw(cmd, hv_error_new_ex(cmd, "System.ArgumentOutOfRangeException",
                                            HV_CAT_InvalidArgument, "ArgumentOutOfRange", &t,
                                            "The scope number '%s' exceeds the number of "
                                            "active scopes. (Parameter 'Scope')",
                                            s));
    }
    return sc;
}

/* ====================================================================================
 * Get-Command
 * ==================================================================================== */

static const hv_view_column cmdinfo_view[] = {
    {.label = "CommandType", .property = "CommandType", .width = 15},
    {.label = "Name", .property = "DisplayName", .width = 50},
    {.label = "Version", .property = "Version", .width = 10},
    {.label = "Source", .property = "Source"},
    {.label = NULL},
};

static hv_value
cmdinfo_to_string(const hv_value *self)
{
    const hv_value *n = hv_obj_get(self, "Name");
    return n ? hv_conv_to_string(n, NULL) : hv_str("");
}

static const hv_obj_class cmdinfo_class = {
    .type_name = "System.Management.Automation.CommandInfo",
    .table_view = cmdinfo_view,
    .to_string = cmdinfo_to_string,
};

static const char *const kind_names[] = {
    [HV_CMDK_CMDLET] = "Cmdlet",           [HV_CMDK_FUNCTION] = "Function",
    [HV_CMDK_FILTER] = "Filter",           [HV_CMDK_ALIAS] = "Alias",
    [HV_CMDK_APPLICATION] = "Application", [HV_CMDK_SCRIPT] = "ExternalScript",
};

static const char *
module_version(hv_ctx *ctx, const char *module)
{
    hv_module *m = module && *module ? hv_cmds_find_module(ctx, module) : NULL;
    return m && m->def.version ? m->def.version : "";
}

/* A function's Definition is its body's text without the outer braces: for
 * `function f { 1 }` pwsh shows " 1 ". */
static hv_value
function_definition(hv_ctx *ctx, const char *name)
{
    hv_function *fn = hv_scope_func_lookup(ctx, name);
    if (!fn || !fn->unit || !fn->body)
        return hv_str("");
    size_t len = 0;
    const char *t = hv_ast_text(fn->unit, fn->body, &len);
    if (!t)
        return hv_str("");
    if (len >= 2 && t[0] == '{' && t[len - 1] == '}')
        t++, len -= 2;
    return hv_strn(t, len);
}

/* ---- CommandInfo.Parameters / ParameterSets / DefaultParameterSet (scripts feature-test
 * with (Get-Command New-VM).Parameters.ContainsKey('Version')) ---- */

static const hv_obj_class parammeta_class = {
    .type_name = "System.Management.Automation.ParameterMetadata"};
static const hv_obj_class paramsetinfo_class = {
    .type_name = "System.Management.Automation.CommandParameterSetInfo",
    .to_string = cmdinfo_to_string};

static const char *
set_name(const hv_cmdlet_def *def, int set)
{
    return def->sets && def->sets[set] ? def->sets[set] : "__AllParameterSets";
}

static hv_value
string_list(const char *const *v)
{
    hv_value a = hv_array_new(2);
    for (; v && *v; v++)
        hv_array_push(&a, hv_str(*v));
    return a;
}

static void
add_param_meta(hv_value *dict, const hv_cmdlet_def *def, const hv_param_def *p, bool common)
{
    char tn[160];
    hv_value m = hv_obj_new(&parammeta_class);
    hv_obj_set(&m, "Name", hv_str(p->name));
    hv_obj_set(&m, "ParameterType", hv_str(hv_bind_type_name(p, tn, sizeof tn)));
    hv_value sets = hv_table_new(HV_TABLE_ORDERED);
    int nsets = hv_bind_nsets(def);
    if (common || p->sets == HV_ALL_SETS || p->sets == 0)
        hv_table_sets(&sets, "__AllParameterSets", hv_null());
    else
        for (int i = 0; i < nsets; i++)
            if (hv_bind_in_set(p, i))
                hv_table_sets(&sets, set_name(def, i), hv_null());
    hv_obj_set(&m, "ParameterSets", sets);
    hv_obj_set(&m, "IsDynamic", hv_bool(false));
    hv_obj_set(&m, "Aliases", string_list(p->aliases));
    hv_obj_set(&m, "SwitchParameter", hv_bool(p->type == HV_PT_SWITCH));
    hv_table_sets(dict, p->name, m);
}

static void
add_command_metadata(hv_value *o, const hv_cmdlet_def *def)
{
    hv_value dict = hv_table_new(HV_TABLE_ORDERED);
    for (const hv_param_def *p = def->params; p && p->name; p++)
        add_param_meta(&dict, def, p, false);
    /* simple functions (no [CmdletBinding()]/[Parameter()]) and raw-argument built-ins
     * have no common parameters */
    bool simple = ((def->flags & HV_CF_FUNCTION) && !(def->flags & HV_CF_ADVANCED)) ||
                  (def->flags & HV_CF_NO_COMMON);
    for (const hv_param_def *p = hv_common_params(); !simple && p && p->name; p++)
        add_param_meta(&dict, def, p, true);
    if (!simple && (def->flags & HV_CF_SHOULD_PROCESS))
        for (const hv_param_def *p = hv_should_process_params(); p && p->name; p++)
            add_param_meta(&dict, def, p, true);
    hv_obj_set(o, "Parameters", dict);
    int nsets = hv_bind_nsets(def);
    hv_value sets = hv_array_new((size_t)nsets);
    for (int i = 0; i < nsets; i++) {
        hv_value si = hv_obj_new(&paramsetinfo_class);
        hv_obj_set(&si, "Name", hv_str(set_name(def, i)));
        hv_obj_set(&si, "IsDefault", hv_bool(def->sets && i == def->default_set));
        hv_array_push(&sets, si);
    }
    hv_obj_set(o, "ParameterSets", sets);
    hv_obj_set(o, "DefaultParameterSet",
               def->sets ? hv_str(set_name(def, def->default_set)) : hv_null());
    const char *dash = strchr(def->name ? def->name : "", '-');
    if (dash) {
        hv_obj_set(o, "Verb", hv_strn(def->name, (size_t)(dash - def->name)));
        hv_obj_set(o, "Noun", hv_str(dash + 1));
    }
}

static hv_value
make_cmdinfo(hv_ctx *ctx, const hv_cmdinfo *ci)
{
    hv_value o = hv_obj_new(&cmdinfo_class);
    hv_obj_set(&o, "CommandType", hv_str(kind_names[ci->kind]));
    hv_obj_set(&o, "Name", hv_str(ci->name));
    if (ci->kind == HV_CMDK_ALIAS)
        hv_obj_set(&o, "DisplayName", hv_strf("%s -> %s", ci->name, ci->definition));
    else
        hv_obj_set(&o, "DisplayName", hv_str(ci->name));
    const char *ver = ci->kind == HV_CMDK_APPLICATION ? "0.0.0.0"
                      : ci->kind == HV_CMDK_ALIAS     ? ""
                                                      : module_version(ctx, ci->module);
    hv_obj_set(&o, "Version", hv_str(ver));
    const char *src = ci->kind == HV_CMDK_APPLICATION || ci->kind == HV_CMDK_SCRIPT ? ci->definition
                      : ci->kind == HV_CMDK_ALIAS                                   ? ""
                      : ci->module                                                  ? ci->module
                                                                                    : "";
    hv_obj_set(&o, "Source", hv_str(src));
    hv_obj_set(&o, "ModuleName", hv_str(ci->module ? ci->module : ""));
    hv_obj_set(&o, "Definition", hv_str(ci->definition ? ci->definition : ""));
    if (ci->kind == HV_CMDK_FUNCTION || ci->kind == HV_CMDK_FILTER)
        hv_obj_set(&o, "Definition", function_definition(ctx, ci->name));
    if (ci->kind == HV_CMDK_ALIAS)
        hv_obj_set(&o, "ResolvedCommandName", hv_str(ci->definition));
    else if (ci->def && ci->kind != HV_CMDK_APPLICATION)
        add_command_metadata(&o, ci->def);
    return o;
}

/* ---- -Syntax: one line per parameter set, as pwsh prints it ---- */

static void
syntax_param(hv_buf *b, const hv_param_def *p, int set)
{
    char tn[160];
    bool mand = hv_bind_mandatory_in(p, set);
    bool pos = p->position >= 0;
    hv_buf_putc(b, ' ');
    if (!mand)
        hv_buf_putc(b, '[');
    if (pos)
        hv_buf_printf(b, "[-%s]", p->name);
    else
        hv_buf_printf(b, "-%s", p->name);
    if (p->type != HV_PT_SWITCH) {
        if (p->accepted && !p->enum_def) {
            hv_buf_puts(b, " {");
            for (const char *const *a = p->accepted; *a; a++)
                hv_buf_printf(b, "%s%s", a == p->accepted ? "" : " | ", *a);
            hv_buf_putc(b, '}');
        } else {
            hv_buf_printf(b, " <%s>", hv_bind_type_short(p, tn, sizeof tn));
        }
    }
    if (!mand)
        hv_buf_putc(b, ']');
}

static void
syntax_line(hv_buf *b, const hv_cmdlet_def *def, int set)
{
    int n = hv_bind_nparams(def);
    hv_buf_puts(b, def->name);
    /* positional parameters by position, then mandatory named, then optional named */
    for (int pos = 0; pos < 64; pos++)
        for (int i = 0; i < n; i++)
            if (def->params[i].position == pos && hv_bind_in_set(&def->params[i], set))
                syntax_param(b, &def->params[i], set);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n; i++) {
            const hv_param_def *p = &def->params[i];
            if (p->position >= 0 || !hv_bind_in_set(p, set))
                continue;
            if (hv_bind_mandatory_in(p, set) == (pass == 0))
                syntax_param(b, p, set);
        }
    bool common = !(def->flags & HV_CF_NO_COMMON) &&
                  (!(def->flags & HV_CF_FUNCTION) || (def->flags & HV_CF_ADVANCED));
    if (common && (def->flags & HV_CF_SHOULD_PROCESS))
        hv_buf_puts(b, " [-WhatIf] [-Confirm]");
    if (common)
        hv_buf_puts(b, " [<CommonParameters>]");
}

/* CommandInfo.Syntax: "\n<set line>\n" per parameter set, default set first. */
static hv_value
syntax_text(const hv_cmdlet_def *def)
{
    hv_buf b = {0};
    int nsets = hv_bind_nsets(def);
    for (int k = 0; k < nsets; k++) {
        int set = k == 0 ? def->default_set : (k <= def->default_set ? k - 1 : k);
        hv_buf_putc(&b, '\n');
        syntax_line(&b, def, set);
        hv_buf_putc(&b, '\n');
    }
    return hv_buf_finish(&b);
}

enum { GCM_NAME, GCM_MODULE, GCM_NOUN, GCM_VERB, GCM_TYPE, GCM_SYNTAX, GCM_ALL, GCM_N };
static const hv_param_def gcm_params[GCM_N + 1] = {
    [GCM_NAME] = {.name = "Name",
                  .type = HV_PT_STRING,
                  .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                  .help = "Names of the commands to get (wildcards allowed)."},
    [GCM_MODULE] = {.name = "Module",
                    .type = HV_PT_STRING,
                    .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .aliases = A("PSSnapin"),
                    .help = "Only commands of these modules."},
    [GCM_NOUN] = {.name = "Noun",
                  .type = HV_PT_STRING,
                  .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                  .help = "Only commands with this noun."},
    [GCM_VERB] = {.name = "Verb",
                  .type = HV_PT_STRING,
                  .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                  .help = "Only commands with this verb."},
    [GCM_TYPE] = {.name = "CommandType",
                  .type = HV_PT_ENUM,
                  .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY,
                  .aliases = A("Type"),
                  .accepted = A("Alias", "Function", "Filter", "Cmdlet", "ExternalScript",
                                "Application", "Script", "All"),
                  .help = "Only commands of these types."},
    [GCM_SYNTAX] = {.name = "Syntax",
                    .type = HV_PT_SWITCH,
                    .position = HV_POS_NAMED,
                    .help = "Shows the syntax of each parameter set."},
    [GCM_ALL] = {.name = "All",
                 .type = HV_PT_SWITCH,
                 .position = HV_POS_NAMED,
                 .help = "Includes commands of the same name that are hidden."},
    [GCM_N] = {.name = NULL},
};

static bool
type_wanted(hv_cmd *cmd, hv_cmd_kind k)
{
    size_t n = sarr_len(cmd, GCM_TYPE);
    if (!n)
        return k != HV_CMDK_APPLICATION;
    for (size_t i = 0; i < n; i++) {
        const char *t = sarr_at(cmd, GCM_TYPE, i);
        if (hv_str_eq_ci(t, "All") || hv_str_eq_ci(t, kind_names[k]) ||
            (hv_str_eq_ci(t, "Script") && k == HV_CMDK_SCRIPT))
            return true;
    }
    return false;
}

static bool
verb_noun_ok(hv_cmd *cmd, const char *name)
{
    const char *dash = strchr(name, '-');
    if (sarr_len(cmd, GCM_VERB) || sarr_len(cmd, GCM_NOUN)) {
        if (!dash)
            return false;
        char verb[64];
        snprintf(verb, sizeof verb, "%.*s", (int)(dash - name), name);
        return match_any(cmd, GCM_VERB, verb) && match_any(cmd, GCM_NOUN, dash + 1);
    }
    return true;
}

static hv_status
gcm_emit(hv_cmd *cmd, const hv_cmdinfo *ci)
{
    if (hv_cmd_switch(cmd, GCM_SYNTAX)) {
        hv_cmdinfo t = *ci;
        if (ci->kind == HV_CMDK_ALIAS && !hv_command_lookup(cmd->ctx, ci->name, &t))
            return hv_emit(cmd, hv_str(ci->definition));
        if (!t.def)
            return hv_emit(cmd, hv_strf("%s", t.definition ? t.definition : t.name));
        return hv_emit(cmd, syntax_text(t.def));
    }
    return hv_emit(cmd, make_cmdinfo(cmd->ctx, ci));
}

static bool
gcm_filter(hv_cmd *cmd, const hv_cmdinfo *ci)
{
    if (!type_wanted(cmd, ci->kind) || !verb_noun_ok(cmd, ci->name))
        return false;
    return match_any(cmd, GCM_MODULE, ci->module ? ci->module : "");
}

static hv_status gcm_apps(hv_cmd *cmd, const char *pattern);

static hv_status
gcm_one_name(hv_cmd *cmd, const char *pattern, hv_cmdinfo *all, size_t n)
{
    hv_status st = HV_OK;
    if (!hv_wildcard_has_meta(pattern)) {
        hv_cmdinfo ci;
        if (!hv_cmds_resolve(cmd->ctx, pattern, false, &ci))
            return not_found(cmd, "System.Management.Automation.CommandNotFoundException",
                             "CommandNotFoundException", pattern,
                             "The term '%s' is not recognized as a name of a cmdlet, function, "
                             "script file, or executable program.\nCheck the spelling of the "
                             "name, or if a path was included, verify that the path is correct "
                             "and try again.");
        if (ci.kind == HV_CMDK_CMDLET || ci.kind == HV_CMDK_ALIAS || gcm_filter(cmd, &ci) ||
            !sarr_len(cmd, GCM_TYPE))
            return gcm_emit(cmd, &ci);
        return HV_OK;
    }
    for (size_t i = 0; i < n && st == HV_OK; i++)
        if (hv_wildcard_match(pattern, all[i].name, false) && gcm_filter(cmd, &all[i]))
            st = gcm_emit(cmd, &all[i]);
    /* a wildcard name also finds applications (unless -CommandType excludes them) */
    bool apps = !sarr_len(cmd, GCM_TYPE) || type_wanted(cmd, HV_CMDK_APPLICATION);
    if (st == HV_OK && apps && !sarr_len(cmd, GCM_MODULE))
        st = gcm_apps(cmd, pattern);
    return st;
}

/* pwsh lists commands by CommandType (Alias, Function, Filter, Cmdlet, ExternalScript,
 * Application), then by name. */
static int
kind_rank(hv_cmd_kind k)
{
    switch (k) {
    case HV_CMDK_ALIAS:
        return 0;
    case HV_CMDK_FUNCTION:
        return 1;
    case HV_CMDK_FILTER:
        return 2;
    case HV_CMDK_CMDLET:
        return 3;
    case HV_CMDK_SCRIPT:
        return 4;
    default:
        return 5;
    }
}

static int
cmp_listing(const void *a, const void *b)
{
    const hv_cmdinfo *x = a, *y = b;
    int d = kind_rank(x->kind) - kind_rank(y->kind);
    return d ? d : hv_str_cmp_ci(x->name, y->name);
}

/* Applications on PATH whose file name matches a wildcard (Get-Command *name*). The
 * strings live in `pool` (freed by the caller). */
static size_t
apps_matching(const char *pattern, hv_cmdinfo **out, char ***pool, size_t *npool)
{
    const char *path = getenv("PATH");
    char *copy = hv_xstrdup(path ? path : "");
    size_t n = 0;
    for (char *dir = strtok(copy, ":"); dir; dir = strtok(NULL, ":")) {
        DIR *d = opendir(*dir ? dir : ".");
        if (!d)
            continue;
        struct dirent *de;
        while ((de = readdir(d))) {
            if (de->d_name[0] == '.' || !hv_wildcard_match(pattern, de->d_name, false))
                continue;
            char *full = hv_xasprintf("%s/%s", dir, de->d_name);
            struct stat st;
            if (stat(full, &st) != 0 || !S_ISREG(st.st_mode) || access(full, X_OK) != 0) {
                free(full);
                continue;
            }
            *pool = hv_xrealloc(*pool, (*npool + 1) * sizeof **pool);
            (*pool)[(*npool)++] = full;
            *out = hv_xrealloc(*out, (n + 1) * sizeof **out);
            (*out)[n++] = (hv_cmdinfo){.name = strrchr(full, '/') + 1,
                                       .kind = HV_CMDK_APPLICATION,
                                       .module = "",
                                       .definition = full};
        }
        closedir(d);
    }
    free(copy);
    return n;
}

static hv_status
gcm_apps(hv_cmd *cmd, const char *pattern)
{
    hv_cmdinfo *apps = NULL;
    char **pool = NULL;
    size_t npool = 0;
    size_t n = apps_matching(pattern, &apps, &pool, &npool);
    /* by name; the same name in several PATH folders keeps PATH order (pool order) */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && hv_str_cmp_ci(apps[j - 1].name, apps[j].name) > 0; j--) {
            hv_cmdinfo t = apps[j];
            apps[j] = apps[j - 1];
            apps[j - 1] = t;
        }
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++)
        if (verb_noun_ok(cmd, apps[i].name))
            st = gcm_emit(cmd, &apps[i]);
    free(apps);
    for (size_t i = 0; i < npool; i++)
        free(pool[i]);
    free(pool);
    return st;
}

static hv_status
gcm_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_cmdinfo *all = NULL;
    size_t n = hv_commands_list(cmd->ctx, false, &all);
    if (n)
        qsort(all, n, sizeof *all, cmp_listing);
    hv_status st = HV_OK;
    size_t nn = sarr_len(cmd, GCM_NAME);
    if (!nn) {
        for (size_t i = 0; i < n && st == HV_OK; i++)
            if (gcm_filter(cmd, &all[i]) &&
                (sarr_len(cmd, GCM_TYPE) || all[i].kind != HV_CMDK_ALIAS ||
                 sarr_len(cmd, GCM_MODULE) == 0))
                st = gcm_emit(cmd, &all[i]);
    }
    for (size_t k = 0; k < nn && st == HV_OK; k++)
        st = gcm_one_name(cmd, sarr_at(cmd, GCM_NAME, k), all, n);
    free(all);
    return st;
}

/* ====================================================================================
 * Variables
 * ==================================================================================== */

static const hv_view_column var_view[] = {
    {.label = "Name", .property = "Name"},
    {.label = "Value", .property = "Value"},
    {.label = NULL},
};

static const hv_obj_class var_class = {
    .type_name = "System.Management.Automation.PSVariable",
    .table_view = var_view,
};

static hv_value
option_names(unsigned o)
{
    if (!o)
        return hv_str("None");
    hv_buf b = {0};
    if (o & HV_VAR_READONLY)
        hv_buf_printf(&b, "%sReadOnly", b.len ? ", " : "");
    if (o & HV_VAR_CONSTANT)
        hv_buf_printf(&b, "%sConstant", b.len ? ", " : "");
    if (o & HV_VAR_PRIVATE)
        hv_buf_printf(&b, "%sPrivate", b.len ? ", " : "");
    if (o & HV_VAR_ALLSCOPE)
        hv_buf_printf(&b, "%sAllScope", b.len ? ", " : "");
    return hv_buf_finish(&b);
}

static hv_value
var_object(const hv_var *v)
{
    hv_value o = hv_obj_new(&var_class);
    hv_obj_set(&o, "Name", hv_ref(&v->name));
    hv_obj_set(&o, "Value", hv_ref(&v->value));
    hv_obj_set(&o, "Description",
               v->description.kind == HV_STRING ? hv_ref(&v->description) : hv_str(""));
    hv_obj_set(&o, "Options", option_names(v->options));
    return o;
}

static bool
parse_options(const hv_value *v, unsigned *out)
{
    *out = 0;
    if (!v)
        return true;
    HV_AUTO hv_value s = hv_conv_to_string(v, ",");
    char *copy = hv_xstrdup(hv_str_cstr(&s));
    bool ok = true;
    for (char *tok = strtok(copy, ", "); tok; tok = strtok(NULL, ", ")) {
        if (hv_str_eq_ci(tok, "ReadOnly"))
            *out |= HV_VAR_READONLY;
        else if (hv_str_eq_ci(tok, "Constant"))
            *out |= HV_VAR_CONSTANT;
        else if (hv_str_eq_ci(tok, "Private"))
            *out |= HV_VAR_PRIVATE;
        else if (hv_str_eq_ci(tok, "AllScope"))
            *out |= HV_VAR_ALLSCOPE;
        else if (!hv_str_eq_ci(tok, "None") && !hv_str_eq_ci(tok, "Unspecified"))
            ok = false;
    }
    free(copy);
    return ok;
}

enum { GV_NAME, GV_VALUEONLY, GV_INCLUDE, GV_EXCLUDE, GV_SCOPE, GV_N };
static const hv_param_def gv_params[GV_N + 1] = {
    [GV_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                 .help = "Names of the variables (wildcards allowed)."},
    [GV_VALUEONLY] = {.name = "ValueOnly",
                      .type = HV_PT_SWITCH,
                      .position = HV_POS_NAMED,
                      .help = "Gets only the values."},
    [GV_SCOPE] = {.name = "Scope",
                  .type = HV_PT_STRING,
                  .position = HV_POS_NAMED,
                  .help = "Global, Script, Local, or a number of scopes up."},
    [GV_INCLUDE] = {.name = "Include",
                    .type = HV_PT_STRING,
                    .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Only these names."},
    [GV_EXCLUDE] = {.name = "Exclude",
                    .type = HV_PT_STRING,
                    .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Not these names."},
    [GV_N] = {.name = NULL},
};

static bool
excluded(hv_cmd *cmd, int inc, int exc, const char *name)
{
    if (sarr_len(cmd, inc) && !match_any(cmd, inc, name))
        return true;
    return sarr_len(cmd, exc) && match_any(cmd, exc, name);
}

static hv_status
gv_emit(hv_cmd *cmd, const hv_var *v)
{
    if (hv_cmd_switch(cmd, GV_VALUEONLY))
        return hv_emit(cmd, hv_ref(&v->value));
    return hv_emit(cmd, var_object(v));
}

static hv_status
gv_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_status st;
    hv_scope *sc = scope_arg(cmd, GV_SCOPE, &st);
    if (st != HV_OK)
        return st;
    size_t n = 0;
    hv_var **vars = hv_scope_list(cmd->ctx, sc, sc != NULL, &n);
    size_t nn = sarr_len(cmd, GV_NAME);
    for (size_t k = 0; k < (nn ? nn : 1) && st == HV_OK; k++) {
        const char *pat = nn ? sarr_at(cmd, GV_NAME, k) : "*";
        bool found = false;
        for (size_t i = 0; i < n && st == HV_OK; i++) {
            const char *name = hv_str_cstr(&vars[i]->name);
            if (vars[i]->removed || !hv_wildcard_match(pat, name, false) ||
                excluded(cmd, GV_INCLUDE, GV_EXCLUDE, name))
                continue;
            found = true;
            st = gv_emit(cmd, vars[i]);
        }
        if (!found && !hv_wildcard_has_meta(pat) && st == HV_OK)
            st = not_found(cmd, "System.Management.Automation.ItemNotFoundException",
                           "VariableNotFound", pat, "Cannot find a variable with the name '%s'.");
    }
    free(vars);
    return st;
}

enum { SV_NAME, SV_VALUE, SV_SCOPE, SV_OPTION, SV_FORCE, SV_PASSTHRU, SV_DESC, SV_N };
static const hv_param_def sv_params[SV_N + 1] = {
    [SV_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                 .help = "Names of the variables."},
    [SV_VALUE] = {.name = "Value",
                  .type = HV_PT_ANY,
                  .position = 1,
                  .flags = HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                  .help = "The value."},
    [SV_SCOPE] = {.name = "Scope",
                  .type = HV_PT_STRING,
                  .position = HV_POS_NAMED,
                  .help = "Global, Script, Local, or a number of scopes up."},
    [SV_OPTION] = {.name = "Option",
                   .type = HV_PT_ANY,
                   .position = HV_POS_NAMED,
                   .help = "None, ReadOnly, Constant, Private, AllScope."},
    [SV_FORCE] = {.name = "Force",
                  .type = HV_PT_SWITCH,
                  .position = HV_POS_NAMED,
                  .help = "Changes a read-only variable."},
    [SV_PASSTHRU] = {.name = "PassThru",
                     .type = HV_PT_SWITCH,
                     .position = HV_POS_NAMED,
                     .help = "Outputs the variable."},
    [SV_DESC] = {.name = "Description",
                 .type = HV_PT_STRING,
                 .position = HV_POS_NAMED,
                 .help = "A description of the variable."},
    [SV_N] = {.name = NULL},
};

typedef struct {
    bool is_new;
} sv_mode;

static hv_status
set_one(hv_cmd *cmd, hv_scope *sc, const char *name, bool is_new)
{
    hv_ctx *ctx = cmd->ctx;
    unsigned opts;
    if (!parse_options(hv_cmd_arg(cmd, SV_OPTION), &opts)) {
        HV_AUTO hv_value t = hv_str(name);
        return hv_throw(cmd, hv_error_new_ex(cmd, "System.ArgumentException",
                                             HV_CAT_InvalidArgument, "InvalidOption", &t,
                                             "Cannot convert the value of -Option."));
    }
    hv_var *existing =
        sc ? hv_scope_find_in(sc, name) : hv_scope_find_in(hv_scope_current(ctx), name);
    if (existing && existing->removed)
        existing = NULL;
    if (is_new && existing && !hv_cmd_switch(cmd, SV_FORCE)) {
        HV_AUTO hv_value t = hv_str(name);
        return hv_write_error(
            cmd, hv_error_new_ex(cmd, "System.Management.Automation.SessionStateException",
                                 HV_CAT_ResourceExists, "VariableAlreadyExists", &t,
                                 "A variable with name '%s' already exists.", name));
    }
    const hv_value *val = hv_cmd_arg(cmd, SV_VALUE);
    {
        HV_AUTO hv_value shown = val ? hv_conv_to_string(val, NULL) : hv_str("");
        HV_AUTO hv_value target = hv_strf("Name: %s Value: %s", name, hv_str_cstr(&shown));
        if (!hv_should_process(cmd, hv_str_cstr(&target), is_new ? "New variable" : "Set variable"))
            return HV_OK;
    }
    hv_value v = val ? hv_ref(val) : (existing && !is_new ? hv_ref(&existing->value) : hv_null());
    hv_status st;
    if (hv_cmd_bound(cmd, SV_OPTION) || hv_cmd_switch(cmd, SV_FORCE) || is_new)
        st = hv_scope_define(
            ctx, sc, name, v,
            opts | (existing && !hv_cmd_bound(cmd, SV_OPTION) ? existing->options : 0),
            hv_cmd_switch(cmd, SV_FORCE));
    else
        st = hv_scope_assign(ctx, sc, name, v);
    if (st != HV_OK)
        return st;
    hv_var *nv = sc ? hv_scope_find_in(sc, name) : hv_scope_find_in(hv_scope_current(ctx), name);
    if (nv && hv_cmd_bound(cmd, SV_DESC)) {
        hv_unref(nv->description);
        nv->description = hv_ref(hv_cmd_arg(cmd, SV_DESC));
    }
    if (nv && hv_cmd_switch(cmd, SV_PASSTHRU))
        return hv_emit(cmd, var_object(nv));
    return HV_OK;
}

/* The invocation runs one scope deeper than the script that called it? No: cmdlets run in
 * the caller's scope (no scope of their own), so "current" is the caller's. */
static hv_status
sv_common(hv_cmd *cmd, bool is_new)
{
    hv_status st;
    hv_scope *sc = scope_arg(cmd, SV_SCOPE, &st);
    for (size_t k = 0; k < sarr_len(cmd, SV_NAME) && st == HV_OK; k++)
        st = set_one(cmd, sc, sarr_at(cmd, SV_NAME, k), is_new);
    return st;
}

static hv_status
sv_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return sv_common(cmd, false);
}

static hv_status
nv_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return sv_common(cmd, true);
}

enum { RV_NAME, RV_INCLUDE, RV_EXCLUDE, RV_FORCE, RV_SCOPE, RV_N };
static const hv_param_def rv_params[RV_N + 1] = {
    [RV_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_WILDCARDS | HV_PF_BY_PROPERTY_NAME,
                 .help = "Names of the variables (wildcards allowed)."},
    [RV_SCOPE] = {.name = "Scope",
                  .type = HV_PT_STRING,
                  .position = HV_POS_NAMED,
                  .help = "Global, Script, Local, or a number of scopes up."},
    [RV_FORCE] = {.name = "Force",
                  .type = HV_PT_SWITCH,
                  .position = HV_POS_NAMED,
                  .help = "Removes read-only variables too."},
    [RV_INCLUDE] = {.name = "Include",
                    .type = HV_PT_STRING,
                    .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Only these names."},
    [RV_EXCLUDE] = {.name = "Exclude",
                    .type = HV_PT_STRING,
                    .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Not these names."},
    [RV_N] = {.name = NULL},
};

static hv_status
rv_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_status st;
    hv_scope *sc = scope_arg(cmd, RV_SCOPE, &st);
    for (size_t k = 0; k < sarr_len(cmd, RV_NAME) && st == HV_OK; k++) {
        const char *pat = sarr_at(cmd, RV_NAME, k);
        if (!hv_wildcard_has_meta(pat)) {
            hv_var *cur = sc ? hv_scope_find_in(sc, pat) : hv_scope_lookup(cmd->ctx, pat);
            if (cur && !cur->removed &&
                ((cur->options & HV_VAR_CONSTANT) ||
                 ((cur->options & HV_VAR_READONLY) && !hv_cmd_switch(cmd, RV_FORCE)))) {
                HV_AUTO hv_value t = hv_str(pat);
                st = hv_write_error(
                    cmd,
                    hv_error_new_ex(
                        cmd, "System.Management.Automation.SessionStateUnauthorizedAccessException",
                        HV_CAT_WriteError, "VariableNotRemovable", &t,
                        "Cannot remove variable %s because it is constant or read-only. If the "
                        "variable is read-only, try the operation again specifying the Force "
                        "option.",
                        pat));
                continue;
            }
            if (cur && !cur->removed) {
                HV_AUTO hv_value target = hv_strf("Name: %s", pat);
                if (!hv_should_process(cmd, hv_str_cstr(&target), "Remove variable"))
                    continue;
            }
            if (!hv_scope_remove(cmd->ctx, sc, pat, hv_cmd_switch(cmd, RV_FORCE)))
                st = not_found(cmd, "System.Management.Automation.ItemNotFoundException",
                               "VariableNotFound", pat,
                               "Cannot find a variable with the name '%s'.");
            continue;
        }
        size_t n = 0;
        hv_var **vars = hv_scope_list(cmd->ctx, sc, true, &n);
        for (size_t i = 0; i < n; i++) {
            const char *name = hv_str_cstr(&vars[i]->name);
            if (!vars[i]->removed && hv_wildcard_match(pat, name, false) &&
                !excluded(cmd, RV_INCLUDE, RV_EXCLUDE, name))
                hv_scope_remove(cmd->ctx, sc ? sc : hv_scope_current(cmd->ctx), name,
                                hv_cmd_switch(cmd, RV_FORCE));
        }
        free(vars);
    }
    return st;
}

enum { CV_NAME, CV_SCOPE, CV_FORCE, CV_PASSTHRU, CV_N };
static const hv_param_def cv_params[CV_N + 1] = {
    [CV_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_WILDCARDS | HV_PF_BY_PROPERTY_NAME,
                 .help = "Names of the variables to clear."},
    [CV_SCOPE] = {.name = "Scope",
                  .type = HV_PT_STRING,
                  .position = HV_POS_NAMED,
                  .help = "Global, Script, Local, or a number of scopes up."},
    [CV_FORCE] = {.name = "Force",
                  .type = HV_PT_SWITCH,
                  .position = HV_POS_NAMED,
                  .help = "Clears read-only variables too."},
    [CV_PASSTHRU] = {.name = "PassThru",
                     .type = HV_PT_SWITCH,
                     .position = HV_POS_NAMED,
                     .help = "Outputs the cleared variable."},
    [CV_N] = {.name = NULL},
};

static hv_status
cv_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_status st;
    hv_scope *sc = scope_arg(cmd, CV_SCOPE, &st);
    for (size_t k = 0; k < sarr_len(cmd, CV_NAME) && st == HV_OK; k++) {
        const char *name = sarr_at(cmd, CV_NAME, k);
        hv_var *v = sc ? hv_scope_find_in(sc, name) : hv_scope_lookup(cmd->ctx, name);
        if (!v || v->removed) {
            st = not_found(cmd, "System.Management.Automation.ItemNotFoundException",
                           "VariableNotFound", name, "Cannot find a variable with the name '%s'.");
            continue;
        }
        HV_AUTO hv_value target = hv_strf("Name: %s", name);
        if (!hv_should_process(cmd, hv_str_cstr(&target), "Clear variable"))
            continue;
        hv_unref(v->value);
        v->value = hv_null();
        if (hv_cmd_switch(cmd, CV_PASSTHRU))
            st = hv_emit(cmd, var_object(v));
    }
    return st;
}

/* ====================================================================================
 * Aliases
 * ==================================================================================== */

static hv_value
alias_object(hv_ctx *ctx, const char *name, const char *target)
{
    hv_cmdinfo ci = {.name = name, .kind = HV_CMDK_ALIAS, .module = "", .definition = target};
    hv_cmdinfo t;
    if (hv_command_lookup(ctx, target, &t))
        ci.module = t.module;
    hv_value o = make_cmdinfo(ctx, &ci);
    hv_obj_add_typename(&o, "System.Management.Automation.AliasInfo");
    hv_obj_set(&o, "Version", hv_str(""));
    hv_obj_set(&o, "Source", hv_str(""));
    return o;
}

enum { GAL_NAME, GAL_DEFINITION, GAL_SCOPE, GAL_EXCLUDE, GAL_N };
static const hv_param_def gal_params[GAL_N + 1] = {
    [GAL_NAME] = {.name = "Name",
                  .type = HV_PT_STRING,
                  .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                  .help = "Alias names (wildcards allowed)."},
    [GAL_DEFINITION] = {.name = "Definition",
                        .type = HV_PT_STRING,
                        .position = HV_POS_NAMED,
                        .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                        .help = "Aliases for these commands."},
    [GAL_SCOPE] = {.name = "Scope",
                   .type = HV_PT_STRING,
                   .position = HV_POS_NAMED,
                   .help = "Accepted for compatibility."},
    [GAL_EXCLUDE] = {.name = "Exclude",
                     .type = HV_PT_STRING,
                     .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                     .help = "Not these names."},
    [GAL_N] = {.name = NULL},
};

typedef struct {
    const char *name, *target;
} alias_pair;

static int
cmp_alias(const void *a, const void *b)
{
    return hv_str_cmp_ci(((const alias_pair *)a)->name, ((const alias_pair *)b)->name);
}

static size_t
all_aliases(hv_ctx *ctx, alias_pair **out)
{
    const char **bn, **bt, **un, **ut;
    size_t nb = hv_cmds_builtin_aliases(ctx, &bn, &bt);
    size_t nu = hv_scope_alias_list(ctx, &un, &ut);
    alias_pair *v = hv_xcalloc(nb + nu + 1, sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < nu; i++)
        v[n++] = (alias_pair){un[i], ut[i]};
    for (size_t i = 0; i < nb; i++) {
        if (!hv_scope_alias_lookup(ctx, bn[i]))
            v[n++] = (alias_pair){bn[i], bt[i]};
    }
    free(bn);
    free(bt);
    free(un);
    free(ut);
    qsort(v, n, sizeof *v, cmp_alias);
    *out = v;
    return n;
}

static hv_status
gal_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    alias_pair *all;
    size_t n = all_aliases(cmd->ctx, &all);
    size_t nn = sarr_len(cmd, GAL_NAME);
    hv_status st = HV_OK;
    for (size_t k = 0; k < (nn ? nn : 1) && st == HV_OK; k++) {
        const char *pat = nn ? sarr_at(cmd, GAL_NAME, k) : "*";
        bool found = false;
        for (size_t i = 0; i < n && st == HV_OK; i++) {
            if (!hv_wildcard_match(pat, all[i].name, false) ||
                !match_any(cmd, GAL_DEFINITION, all[i].target) ||
                (sarr_len(cmd, GAL_EXCLUDE) && match_any(cmd, GAL_EXCLUDE, all[i].name)))
                continue;
            found = true;
            st = hv_emit(cmd, alias_object(cmd->ctx, all[i].name, all[i].target));
        }
        if (!found && !hv_wildcard_has_meta(pat) && !sarr_len(cmd, GAL_DEFINITION) && st == HV_OK)
            st = not_found(cmd, "System.Management.Automation.ItemNotFoundException",
                           "ItemNotFoundException", pat,
                           "This command cannot find a matching alias because an alias with "
                           "the name '%s' does not exist.");
    }
    free(all);
    return st;
}

enum { SAL_NAME, SAL_VALUE, SAL_DESC, SAL_OPTION, SAL_SCOPE, SAL_FORCE, SAL_PASSTHRU, SAL_N };
static const hv_param_def sal_params[SAL_N + 1] = {
    [SAL_NAME] = {.name = "Name",
                  .type = HV_PT_STRING,
                  .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                  .help = "The alias name."},
    [SAL_VALUE] = {.name = "Value",
                   .type = HV_PT_STRING,
                   .position = 1,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                   .help = "The command the alias runs."},
    [SAL_DESC] = {.name = "Description",
                  .type = HV_PT_STRING,
                  .position = HV_POS_NAMED,
                  .help = "A description of the alias."},
    [SAL_OPTION] = {.name = "Option",
                    .type = HV_PT_ANY,
                    .position = HV_POS_NAMED,
                    .help = "None, ReadOnly, Constant, Private, AllScope (accepted)."},
    [SAL_SCOPE] = {.name = "Scope",
                   .type = HV_PT_STRING,
                   .position = HV_POS_NAMED,
                   .help = "Global, Script, Local, or a number of scopes up."},
    [SAL_FORCE] = {.name = "Force",
                   .type = HV_PT_SWITCH,
                   .position = HV_POS_NAMED,
                   .help = "Replaces an existing alias."},
    [SAL_PASSTHRU] = {.name = "PassThru",
                      .type = HV_PT_SWITCH,
                      .position = HV_POS_NAMED,
                      .help = "Outputs the alias."},
    [SAL_N] = {.name = NULL},
};

static hv_status
alias_set(hv_cmd *cmd, bool is_new)
{
    hv_ctx *ctx = cmd->ctx;
    const char *name = sarg(cmd, SAL_NAME), *value = sarg(cmd, SAL_VALUE);
    if (!name || !value)
        return HV_OK;
    if (is_new && !hv_cmd_switch(cmd, SAL_FORCE) &&
        (hv_scope_alias_lookup(ctx, name) || hv_cmds_builtin_alias(ctx, name))) {
        HV_AUTO hv_value t = hv_str(name);
        return hv_write_error(
            cmd, hv_error_new_ex(cmd, "System.Management.Automation.SessionStateException",
                                 HV_CAT_ResourceExists, "AliasAlreadyExists", &t,
                                 "The alias is not allowed, because an alias "
                                 "with the name '%s' already exists.",
                                 name));
    }
    hv_status st;
    hv_scope *sc = scope_arg(cmd, SAL_SCOPE, &st);
    if (st != HV_OK)
        return st;
    HV_AUTO hv_value target = hv_strf("Name: %s Value: %s", name, value);
    if (!hv_should_process(cmd, hv_str_cstr(&target), is_new ? "New Alias" : "Set Alias"))
        return HV_OK;
    hv_scope_alias_set(ctx, sc, name, value, sarg(cmd, SAL_DESC));
    ctx->cmd_epoch++;
    if (hv_cmd_switch(cmd, SAL_PASSTHRU))
        return hv_emit(cmd, alias_object(ctx, name, value));
    return HV_OK;
}

static hv_status
sal_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return alias_set(cmd, false);
}

static hv_status
nal_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return alias_set(cmd, true);
}

/* Remove-Alias (pwsh 6+): removes session aliases by name. */
enum { RAL_NAME, RAL_SCOPE, RAL_FORCE, RAL_N };
static const hv_param_def ral_params[RAL_N + 1] = {
    [RAL_NAME] = {.name = "Name",
                  .type = HV_PT_STRING,
                  .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                           HV_PF_ARRAY,
                  .help = "Specifies the name of the alias to remove."},
    [RAL_SCOPE] = {.name = "Scope",
                   .type = HV_PT_STRING,
                   .position = HV_POS_NAMED,
                   .help = "Global, Script, Local or a number (accepted)."},
    [RAL_FORCE] = {.name = "Force",
                   .type = HV_PT_SWITCH,
                   .position = HV_POS_NAMED,
                   .help = "Removes read-only aliases too."},
    [RAL_N] = {.name = NULL},
};

static hv_status
ral_one(hv_cmd *cmd, const char *name)
{
    if (hv_scope_alias_remove(cmd->ctx, name)) {
        cmd->ctx->cmd_epoch++;
        return HV_OK;
    }
    return not_found(cmd, "System.Management.Automation.ItemNotFoundException",
                     "ItemNotFoundException", name,
                     "Cannot find alias because alias '%s' does not exist.");
}

static hv_status
ral_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *n = hv_cmd_arg(cmd, RAL_NAME);
    if (!n)
        return HV_OK;
    if (n->kind != HV_ARRAY) {
        HV_AUTO hv_value s = hv_conv_to_string(n, NULL);
        return ral_one(cmd, hv_str_cstr(&s));
    }
    hv_status st = HV_OK;
    for (size_t i = 0; i < hv_array_len(n) && st == HV_OK; i++) {
        HV_AUTO hv_value s = hv_conv_to_string(hv_array_at(n, i), NULL);
        st = ral_one(cmd, hv_str_cstr(&s));
    }
    return st;
}

/* ====================================================================================
 * Invoke-Expression, Set-StrictMode, Invoke-Command
 * ==================================================================================== */

enum { IEX_COMMAND, IEX_N };
static const hv_param_def iex_params[IEX_N + 1] = {
    [IEX_COMMAND] = {.name = "Command",
                     .type = HV_PT_STRING,
                     .position = 0,
                     .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                     .help = "The text to run as PowerShell code."},
    [IEX_N] = {.name = NULL},
};

static hv_status
iex_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *c = hv_cmd_arg(cmd, IEX_COMMAND);
    if (!c || c->kind != HV_STRING)
        return HV_OK;
    hv_ctx *ctx = cmd->ctx;
    hv_cmd *saved = ctx->cur_cmd;
    ctx->cur_cmd = cmd;
    hv_status st = hv_eval_string(ctx, hv_str_cstr(c), hv_str_len(c), "", hv_pipe_cmd_sink(cmd));
    ctx->cur_cmd = saved;
    return st;
}

enum { SSM_VERSION, SSM_OFF, SSM_N };
static const hv_param_def ssm_params[SSM_N + 1] = {
    [SSM_VERSION] = {.name = "Version",
                     .type = HV_PT_STRING,
                     .position = HV_POS_NAMED,
                     .flags = HV_PF_MANDATORY,
                     .sets = HV_SET(0),
                     .aliases = A("v"),
                     .help = "1.0, 2.0, 3.0 or Latest."},
    [SSM_OFF] = {.name = "Off",
                 .type = HV_PT_SWITCH,
                 .position = HV_POS_NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(1),
                 .help = "Turns strict mode off."},
    [SSM_N] = {.name = NULL},
};

static hv_status
ssm_end(hv_cmd *cmd)
{
    hv_ctx *ctx = cmd->ctx;
    if (hv_cmd_set_index(cmd) == 1) {
        ctx->strict_version = 0;
        return HV_OK;
    }
    const char *v = sarg(cmd, SSM_VERSION);
    if (!v)
        return HV_OK;
    if (hv_str_eq_ci(v, "Latest")) {
        ctx->strict_version = 3;
        return HV_OK;
    }
    int major = atoi(v);
    if (major < 1 || major > 3) {
        HV_AUTO hv_value t = hv_str(v);
        return hv_throw(cmd, hv_error_new_ex(cmd, "System.ArgumentOutOfRangeException",
                                             HV_CAT_InvalidArgument, "ArgumentOutOfRange", &t,
                                             "The value %s is not valid for the Version "
                                             "parameter. Use 1.0, 2.0, 3.0, or Latest.",
                                             v));
    }
    ctx->strict_version = major;
    return HV_OK;
}

enum { ICM_SCRIPTBLOCK, ICM_ARGS, ICM_NONEWSCOPE, ICM_INPUT, ICM_COMPUTER, ICM_VMNAME,
       ICM_CREDENTIAL, ICM_ASJOB, ICM_JOBNAME, ICM_N };
static const hv_param_def icm_params[ICM_N + 1] = {
    [ICM_SCRIPTBLOCK] = {.name = "ScriptBlock",
                         .type = HV_PT_SCRIPTBLOCK,
                         .position = 0,
                         .flags = HV_PF_MANDATORY,
                         .aliases = A("Command"),
                         .help = "The commands to run."},
    [ICM_ARGS] = {.name = "ArgumentList",
                  .type = HV_PT_ANY,
                  .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY,
                  .aliases = A("Args"),
                  .help = "Values for the script block's parameters ($args)."},
    [ICM_NONEWSCOPE] = {.name = "NoNewScope",
                        .type = HV_PT_SWITCH,
                        .position = HV_POS_NAMED,
                        .help = "Runs in the current scope."},
    [ICM_INPUT] = {.name = "InputObject",
                   .type = HV_PT_ANY,
                   .position = HV_POS_NAMED,
                   .flags = HV_PF_BY_VALUE,
                   .help = "Input for the script block ($input)."},
    [ICM_COMPUTER] = {.name = "ComputerName",
                      .type = HV_PT_STRING,
                      .position = HV_POS_NAMED,
                      .flags = HV_PF_ARRAY,
                      .aliases = A("Cn"),
                      .help = "Only the local computer (localhost, .) is supported."},
    [ICM_VMNAME] = {.name = "VMName",
                    .type = HV_PT_STRING,
                    .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY,
                    .help = "PowerShell Direct into a Hyper-V guest: not available on KVM "
                            "(the command fails with a NotImplemented error)."},
    [ICM_CREDENTIAL] = {.name = "Credential",
                        .type = HV_PT_ANY,
                        .position = HV_POS_NAMED,
                        .help = "Accepted for scripts written for remoting; unused locally."},
    [ICM_ASJOB] = {.name = "AsJob",
                   .type = HV_PT_SWITCH,
                   .position = HV_POS_NAMED,
                   .help = "Runs the command as a background job and returns the job (a "
                           "RemoteJob); Receive-Job gets the results."},
    [ICM_JOBNAME] = {.name = "JobName",
                     .type = HV_PT_STRING,
                     .position = HV_POS_NAMED,
                     .help = "A friendly name for the job of -AsJob (default JobN)."},
    [ICM_N] = {.name = NULL},
};

typedef struct {
    bool ran;
    hv_value input; /* -AsJob: the pipeline input, for the job's $input */
} icm_state;

static hv_status
icm_run(hv_cmd *cmd, const hv_value *input)
{
    const hv_value *blk = hv_cmd_arg(cmd, ICM_SCRIPTBLOCK);
    const hv_value *args = hv_cmd_arg(cmd, ICM_ARGS);
    if (args && args->kind != HV_ARRAY) /* the binder leaves -ArgumentList $null as $null */
        args = NULL;
    if (!blk)
        return HV_OK;
    hv_ctx *ctx = cmd->ctx;
    hv_cmd *saved = ctx->cur_cmd;
    ctx->cur_cmd = cmd;
    hv_status st = hv_eval_invoke_block(ctx, blk, input, args ? hv_array_items(args) : NULL,
                                        args ? hv_array_len(args) : 0,
                                        hv_cmd_switch(cmd, ICM_NONEWSCOPE), hv_pipe_cmd_sink(cmd));
    ctx->cur_cmd = saved;
    ((icm_state *)cmd->state)->ran = true;
    return st;
}

static hv_status
icm_process(hv_cmd *cmd, const hv_value *input)
{
    if (!hv_cmd_bound(cmd, ICM_INPUT))
        return HV_OK;
    if (hv_cmd_switch(cmd, ICM_ASJOB)) {
        icm_state *s = cmd->state;
        if (s->input.kind != HV_ARRAY)
            s->input = hv_array_new(4);
        hv_array_push(&s->input, hv_ref(input));
        return HV_OK;
    }
    return icm_run(cmd, input);
}

static hv_status
icm_end(hv_cmd *cmd)
{
    if (sarr_len(cmd, ICM_VMNAME)) {
        /* Lab scripts use PowerShell Direct after a VM boots; say what to do instead of
         * suggesting a typo in the parameter name. */
        const char *vm = sarr_at(cmd, ICM_VMNAME, 0);
        HV_AUTO hv_value t = hv_str(vm);
        return hv_throw(cmd, hv_error_new_ex(
                                 cmd, "System.NotSupportedException", HV_CAT_NotImplemented,
                                 "PowerShellDirectNotSupported", &t,
                                 "Invoke-Command -VMName '%s': PowerShell Direct is not available "
                                 "for KVM guests. Run the commands inside the guest over SSH "
                                 "(ssh <user>@<guest-address> pwsh -Command ...) or through the "
                                 "QEMU guest agent (virsh qemu-agent-command).",
                                 vm));
    }
    for (size_t k = 0; k < sarr_len(cmd, ICM_COMPUTER); k++) {
        const char *c = sarr_at(cmd, ICM_COMPUTER, k);
        char host[256] = "";
        gethostname(host, sizeof host - 1);
        if (!hv_str_eq_ci(c, "localhost") && strcmp(c, ".") != 0 && !hv_str_eq_ci(c, host)) {
            HV_AUTO hv_value t = hv_str(c);
            return hv_throw(
                cmd, hv_error_new_ex(
                         cmd, "System.Management.Automation.Remoting.PSRemotingTransportException",
                         HV_CAT_OpenError, "PSSessionStateBroken", &t,
                         "Connecting to remote server %s failed: remoting is "
                         "not supported by hvsh.",
                         c));
        }
    }
    icm_state *s = cmd->state;
    if (hv_cmd_switch(cmd, ICM_ASJOB)) {
        const hv_value *blk = hv_cmd_arg(cmd, ICM_SCRIPTBLOCK);
        const char *name = sarg(cmd, ICM_JOBNAME);
        const char *where = sarr_len(cmd, ICM_COMPUTER) ? sarr_at(cmd, ICM_COMPUTER, 0) : "localhost";
        hv_value job;
        hv_status st = blk ? hv_jobs_start(cmd, blk, hv_cmd_arg(cmd, ICM_ARGS),
                                           s->input.kind == HV_ARRAY ? &s->input : NULL, name,
                                           "RemoteJob", where, &job)
                           : HV_OK;
        return blk && st == HV_OK ? hv_emit(cmd, job) : st;
    }
    if (s->ran)
        return HV_OK;
    return icm_run(cmd, NULL);
}

static void
icm_cleanup(hv_cmd *cmd)
{
    hv_unrefp(&((icm_state *)cmd->state)->input);
}

/* ====================================================================================
 * Modules
 * ==================================================================================== */

typedef struct {
    hv_module *loading; /* the script module being imported (Export-ModuleMember) */
    bool exported;      /* Export-ModuleMember was called */
    char **funcs;
    size_t nfuncs;
    void *jobs;         /* jobs.c's state (the session's jobs) */
} bstate;

static bstate *
bs(hv_ctx *ctx)
{
    if (!ctx->pipe_private)
        ctx->pipe_private = hv_xcalloc(1, sizeof(bstate));
    return ctx->pipe_private;
}

void **
hv_intrinsics_jobs_slot(hv_ctx *ctx)
{
    return &bs(ctx)->jobs;
}

void
hv_intrinsics_free(hv_ctx *ctx)
{
    bstate *b = ctx->pipe_private;
    if (!b)
        return;
    for (size_t i = 0; i < b->nfuncs; i++)
        free(b->funcs[i]);
    free(b->funcs);
    hv_jobs_free(ctx);
    free(b);
    ctx->pipe_private = NULL;
}

static const hv_view_column mod_view[] = {
    {.label = "ModuleType", .property = "ModuleType", .width = 10},
    {.label = "Version", .property = "Version", .width = 10},
    {.label = "PreRelease", .property = "PreRelease", .width = 10},
    {.label = "Name", .property = "Name", .width = 35},
    {.label = "ExportedCommands", .property = "ExportedCommands"},
    {.label = NULL},
};

static hv_value
mod_to_string(const hv_value *self)
{
    const hv_value *n = hv_obj_get(self, "Name");
    return n ? hv_ref(n) : hv_str("");
}

static const hv_obj_class mod_class = {
    .type_name = "System.Management.Automation.PSModuleInfo",
    .table_view = mod_view,
    .to_string = mod_to_string,
};

static hv_value
module_object(const hv_module *m)
{
    hv_value o = hv_obj_new(&mod_class);
    hv_obj_set(&o, "ModuleType", hv_str(m->builtin ? "Manifest" : "Script"));
    hv_obj_set(&o, "Version", hv_str(m->def.version ? m->def.version : "0.0"));
    hv_obj_set(&o, "PreRelease", hv_str(""));
    hv_obj_set(&o, "Name", hv_str(m->def.name));
    hv_value cmds = hv_array_new(8);
    for (const hv_cmdlet_def *c = m->def.cmdlets; c && c->name; c++)
        hv_array_push(&cmds, hv_str(c->name));
    for (size_t i = 0; i < m->nfunctions; i++)
        hv_array_push(&cmds, hv_str(m->functions[i]));
    hv_obj_set(&o, "ExportedCommands", cmds);
    hv_obj_set(&o, "Path", hv_str(m->path ? m->path : ""));
    hv_obj_set(&o, "Description", hv_str(m->description ? m->description : ""));
    return o;
}

enum { GMO_NAME, GMO_LISTAVAILABLE, GMO_ALL, GMO_N };
static const hv_param_def gmo_params[GMO_N + 1] = {
    [GMO_NAME] = {.name = "Name",
                  .type = HV_PT_STRING,
                  .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS | HV_PF_BY_VALUE,
                  .help = "Module names (wildcards allowed)."},
    [GMO_LISTAVAILABLE] = {.name = "ListAvailable",
                           .type = HV_PT_SWITCH,
                           .position = HV_POS_NAMED,
                           .help = "Lists every module that can be imported."},
    [GMO_ALL] = {.name = "All",
                 .type = HV_PT_SWITCH,
                 .position = HV_POS_NAMED,
                 .help = "Includes nested modules."},
    [GMO_N] = {.name = NULL},
};

static char *module_in_dir(const char *dir, const char *base);
static char *read_file(const char *path, size_t *len);
static bool has_suffix(const char *s, const char *suf);

/* A module found on $env:PSModulePath but not imported (Get-Module -ListAvailable). */
static hv_value
available_module(hv_ctx *ctx, const char *name, const char *path)
{
    hv_module m = {.def = {.name = name, .version = "0.0"}, .path = (char *)path};
    HV_AUTO hv_value manifest = hv_null();
    if (has_suffix(path, ".psd1")) {
        size_t len;
        char *src = read_file(path, &len);
        if (src) {
            hv_collector c;
            hv_collect_init(&c);
            if (hv_eval_string(ctx, src, len, path, &c.sink) == HV_OK)
                manifest = hv_collect_result(&c);
            else
                hv_unref(hv_eval_take_error(ctx));
            hv_collect_free(&c);
            free(src);
        }
        const hv_value *v =
            manifest.kind == HV_TABLE ? hv_table_gets(&manifest, "ModuleVersion") : NULL;
        if (v && v->kind == HV_STRING)
            m.def.version = hv_str_cstr(v);
    }
    hv_value o = module_object(&m);
    hv_obj_set(&o, "ModuleType", hv_str(has_suffix(path, ".psd1") ? "Manifest" : "Script"));
    return o;
}

static hv_status
list_available(hv_cmd *cmd)
{
    const char *mp = getenv("PSModulePath");
    char *copy = hv_xstrdup(mp ? mp : "");
    hv_status st = HV_OK;
    for (char *dir = strtok(copy, ":"); dir && st == HV_OK; dir = strtok(NULL, ":")) {
        DIR *d = opendir(dir);
        if (!d)
            continue;
        struct dirent *de;
        while (st == HV_OK && (de = readdir(d))) {
            if (de->d_name[0] == '.' || !match_any(cmd, GMO_NAME, de->d_name) ||
                hv_cmds_find_module(cmd->ctx, de->d_name))
                continue;
            char *sub = hv_xasprintf("%s/%s", dir, de->d_name);
            char *file = module_in_dir(sub, de->d_name);
            if (file)
                st = hv_emit(cmd, available_module(cmd->ctx, de->d_name, file));
            free(file);
            free(sub);
        }
        closedir(d);
    }
    free(copy);
    return st;
}

static hv_status
gmo_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_module **mods;
    size_t n = hv_cmds_modules(cmd->ctx, &mods);
    bool all = hv_cmd_switch(cmd, GMO_LISTAVAILABLE);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++)
        if ((all || mods[i]->loaded) && match_any(cmd, GMO_NAME, mods[i]->def.name) &&
            /* Core is a snap-in in pwsh: Get-Module never lists it */
            !hv_str_eq_ci(mods[i]->def.name, "Microsoft.PowerShell.Core"))
            st = hv_emit(cmd, module_object(mods[i]));
    if (st == HV_OK && all)
        st = list_available(cmd);
    return st;
}

static bool
has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && hv_str_eq_ci(s + n - m, suf);
}

static bool
is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool
is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* <dir>/<base>.psd1 or .psm1, also one version subfolder deep (<dir>/1.0/<base>.psd1). */
static char *
module_in_dir(const char *dir, const char *base)
{
    static const char *const exts[] = {".psd1", ".psm1"};
    for (size_t e = 0; e < 2; e++) {
        char *p = hv_xasprintf("%s/%s%s", dir, base, exts[e]);
        if (is_file(p))
            return p;
        free(p);
    }
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char *found = NULL;
    struct dirent *de;
    while (!found && (de = readdir(d))) {
        if (de->d_name[0] < '0' || de->d_name[0] > '9')
            continue;
        char *sub = hv_xasprintf("%s/%s", dir, de->d_name);
        if (is_dir(sub))
            found = module_in_dir(sub, base);
        free(sub);
    }
    closedir(d);
    return found;
}

static char *
find_module_file(const char *name)
{
    if (strchr(name, '/') || has_suffix(name, ".psm1") || has_suffix(name, ".psd1")) {
        if (is_file(name))
            return realpath(name, NULL);
        if (is_dir(name)) {
            const char *base = strrchr(name, '/');
            char *b = hv_xstrdup(base && base[1] ? base + 1 : name);
            size_t bl = strlen(b);
            if (bl && b[bl - 1] == '/')
                b[bl - 1] = 0;
            char *p = module_in_dir(name, b);
            free(b);
            return p;
        }
        return NULL;
    }
    const char *mp = getenv("PSModulePath");
    char *copy = hv_xstrdup(mp ? mp : "");
    char *found = NULL;
    for (char *dir = strtok(copy, ":"); dir && !found; dir = strtok(NULL, ":")) {
        char *sub = hv_xasprintf("%s/%s", dir, name);
        if (is_dir(sub))
            found = module_in_dir(sub, name);
        free(sub);
        if (!found) {
            char *p = hv_xasprintf("%s/%s.psm1", dir, name);
            if (is_file(p))
                found = p;
            else
                free(p);
        }
    }
    free(copy);
    return found;
}

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    hv_buf b = {0};
    char tmp[8192];
    size_t r;
    while ((r = fread(tmp, 1, sizeof tmp, f)) > 0)
        hv_buf_put(&b, tmp, r);
    fclose(f);
    hv_buf_putc(&b, 0);
    *len = b.len - 1;
    return b.data;
}

/* Names of the functions visible now (to find what a module defined). */
static char **
function_names(hv_ctx *ctx, size_t *n)
{
    hv_function **fns = hv_scope_func_list(ctx, n);
    char **names = hv_xcalloc(*n + 1, sizeof *names);
    for (size_t i = 0; i < *n; i++)
        names[i] = hv_xstrdup(fns[i]->name);
    free(fns);
    return names;
}

static bool
in_list(char **names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (hv_str_eq_ci(names[i], name))
            return true;
    return false;
}

static void
free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static hv_status load_module_file(hv_cmd *cmd, const char *path, hv_module *m);

/* Run a .psm1 in the global scope (functions become global; non-exported ones are
 * removed again, so only the exports are visible). */
static hv_status
run_psm1(hv_cmd *cmd, const char *path, hv_module *m)
{
    hv_ctx *ctx = cmd->ctx;
    size_t len, nbefore;
    char *src = read_file(path, &len);
    if (!src)
        return HV_OK;
    char **before = function_names(ctx, &nbefore);
    bstate *b = bs(ctx);
    bstate saved = *b;
    *b = (bstate){.loading = m};
    hv_scope *scope_saved = ctx->cur;
    ctx->cur = ctx->global;
    char *dir = hv_xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    HV_AUTO hv_value old_root = hv_var_get(ctx, "PSScriptRoot");
    hv_status st = hv_scope_assign(ctx, ctx->global, "PSScriptRoot", hv_str(dir));
    if (st == HV_OK)
        st = hv_eval_string(ctx, src, len, path, NULL);
    hv_status s2 = hv_scope_assign(ctx, ctx->global, "PSScriptRoot", hv_ref(&old_root));
    (void)s2;
    ctx->cur = scope_saved;
    free(dir);
    free(src);
    size_t nafter;
    char **after = function_names(ctx, &nafter);
    for (size_t i = 0; i < nafter; i++) {
        if (in_list(before, nbefore, after[i]))
            continue;
        bool exported = !b->exported || in_list(b->funcs, b->nfuncs, after[i]);
        hv_function *fn = hv_scope_func_lookup(ctx, after[i]);
        if (fn) {
            free(fn->module);
            fn->module = hv_xstrdup(m->def.name);
        }
        if (!exported) { /* stays callable from the module's own functions */
            m->privates = hv_xrealloc(m->privates, (m->nprivates + 1) * sizeof *m->privates);
            m->privates[m->nprivates++] = hv_xstrdup(after[i]);
            continue;
        }
        m->functions = hv_xrealloc(m->functions, (m->nfunctions + 1) * sizeof *m->functions);
        m->functions[m->nfunctions++] = hv_xstrdup(after[i]);
    }
    free_names(before, nbefore);
    free_names(after, nafter);
    for (size_t i = 0; i < b->nfuncs; i++)
        free(b->funcs[i]);
    free(b->funcs);
    *b = saved;
    ctx->cmd_epoch++;
    return st;
}

static const char *
tget(const hv_value *t, const char *key)
{
    const hv_value *v = hv_table_gets(t, key);
    return v && v->kind == HV_STRING ? hv_str_cstr(v) : NULL;
}

/* A .psd1 manifest is a hashtable literal: RootModule (or ModuleToProcess),
 * NestedModules, ModuleVersion, Description. */
static hv_status
run_psd1(hv_cmd *cmd, const char *path, hv_module *m)
{
    hv_ctx *ctx = cmd->ctx;
    size_t len;
    char *src = read_file(path, &len);
    if (!src)
        return HV_OK;
    hv_collector c;
    hv_collect_init(&c);
    hv_status st = hv_eval_string(ctx, src, len, path, &c.sink);
    free(src);
    HV_AUTO hv_value t = hv_collect_result(&c);
    hv_collect_free(&c);
    if (st != HV_OK || t.kind != HV_TABLE)
        return st;
    const char *ver = tget(&t, "ModuleVersion");
    if (ver) {
        free((char *)m->def.version);
        m->def.version = hv_xstrdup(ver);
    }
    const char *desc = tget(&t, "Description");
    if (desc)
        m->description = hv_xstrdup(desc);
    char *dir = hv_xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    const hv_value *nested = hv_table_gets(&t, "NestedModules");
    size_t nn = nested ? (nested->kind == HV_ARRAY ? hv_array_len(nested) : 1) : 0;
    for (size_t i = 0; i < nn && st == HV_OK; i++) {
        const hv_value *e = nested->kind == HV_ARRAY ? hv_array_at(nested, i) : nested;
        if (e->kind != HV_STRING)
            continue;
        char *p = hv_xasprintf("%s/%s", dir, hv_str_cstr(e));
        st = load_module_file(cmd, p, m);
        free(p);
    }
    const char *root = tget(&t, "RootModule");
    if (!root)
        root = tget(&t, "ModuleToProcess");
    if (root && st == HV_OK) {
        char *p = hv_xasprintf("%s/%s", dir, root);
        if (!is_file(p) && !has_suffix(p, ".psm1")) {
            char *q = hv_xasprintf("%s.psm1", p);
            free(p);
            p = q;
        }
        st = load_module_file(cmd, p, m);
        free(p);
    }
    free(dir);
    /* FunctionsToExport narrows what stays visible ('*' or absent = everything) */
    const hv_value *fte = hv_table_gets(&t, "FunctionsToExport");
    if (fte && (fte->kind == HV_ARRAY || fte->kind == HV_STRING)) {
        size_t w = 0;
        for (size_t i = 0; i < m->nfunctions; i++) {
            bool keep = false;
            size_t n = fte->kind == HV_ARRAY ? hv_array_len(fte) : 1;
            for (size_t k = 0; k < n && !keep; k++) {
                const hv_value *e = fte->kind == HV_ARRAY ? hv_array_at(fte, k) : fte;
                keep = e->kind == HV_STRING &&
                       hv_wildcard_match(hv_str_cstr(e), m->functions[i], false);
            }
            if (keep) {
                m->functions[w++] = m->functions[i];
            } else {
                m->privates = hv_xrealloc(m->privates, (m->nprivates + 1) * sizeof *m->privates);
                m->privates[m->nprivates++] = m->functions[i];
            }
        }
        m->nfunctions = w;
    }
    return st;
}

static hv_status
load_module_file(hv_cmd *cmd, const char *path, hv_module *m)
{
    if (has_suffix(path, ".psd1"))
        return run_psd1(cmd, path, m);
    return run_psm1(cmd, path, m);
}

static char *
module_base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    return dot ? hv_xstrndup(b, (size_t)(dot - b)) : hv_xstrdup(b);
}

enum {
    IPMO_NAME,
    IPMO_FORCE,
    IPMO_PASSTHRU,
    IPMO_GLOBAL,
    IPMO_PREFIX,
    IPMO_NOCHECK,
    IPMO_ARGS,
    IPMO_FUNCTION,
    IPMO_SCOPE,
    IPMO_N
};
static const hv_param_def ipmo_params[IPMO_N + 1] = {
    [IPMO_NAME] = {.name = "Name",
                   .type = HV_PT_STRING,
                   .position = 0,
                   .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE,
                   .help = "Module names or paths (.psm1, .psd1, or a folder)."},
    [IPMO_FORCE] = {.name = "Force",
                    .type = HV_PT_SWITCH,
                    .position = HV_POS_NAMED,
                    .help = "Reloads a module that is already imported."},
    [IPMO_PASSTHRU] = {.name = "PassThru",
                       .type = HV_PT_SWITCH,
                       .position = HV_POS_NAMED,
                       .help = "Outputs the module."},
    [IPMO_GLOBAL] = {.name = "Global",
                     .type = HV_PT_SWITCH,
                     .position = HV_POS_NAMED,
                     .help = "Imports into the global scope (always the case here)."},
    [IPMO_PREFIX] = {.name = "Prefix",
                     .type = HV_PT_STRING,
                     .position = HV_POS_NAMED,
                     .help = "Accepted for compatibility; not applied."},
    [IPMO_NOCHECK] = {.name = "DisableNameChecking",
                      .type = HV_PT_SWITCH,
                      .position = HV_POS_NAMED,
                      .help = "Suppresses the verb check."},
    [IPMO_ARGS] = {.name = "ArgumentList",
                   .type = HV_PT_ANY,
                   .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY,
                   .aliases = A("Args"),
                   .help = "Accepted for compatibility."},
    [IPMO_FUNCTION] = {.name = "Function",
                       .type = HV_PT_STRING,
                       .position = HV_POS_NAMED,
                       .flags = HV_PF_ARRAY,
                       .help = "Accepted for compatibility."},
    [IPMO_SCOPE] = {.name = "Scope",
                    .type = HV_PT_STRING,
                    .position = HV_POS_NAMED,
                    .accepted = A("Local", "Global"),
                    .help = "Local or Global."},
    [IPMO_N] = {.name = NULL},
};

static hv_status
import_one(hv_cmd *cmd, const char *name)
{
    hv_ctx *ctx = cmd->ctx;
    hv_module *m = hv_cmds_find_module(ctx, name);
    if (m && (m->builtin || !hv_cmd_switch(cmd, IPMO_FORCE))) {
        m->loaded = true;
        return hv_cmd_switch(cmd, IPMO_PASSTHRU) ? hv_emit(cmd, module_object(m)) : HV_OK;
    }
    char *path = find_module_file(name);
    if (!path) {
        HV_AUTO hv_value t = hv_str(name);
        return hv_write_error(cmd, hv_error_new_ex(cmd, "System.IO.FileNotFoundException",
                                                   HV_CAT_ResourceUnavailable,
                                                   "Modules_ModuleNotFound", &t,
                                                   "The specified module '%s' was not loaded "
                                                   "because no valid module file was found in "
                                                   "any module directory.",
                                                   name));
    }
    char *base = module_base_name(path);
    hv_module *old = hv_cmds_find_module(ctx, base);
    if (old && !old->builtin)
        hv_cmds_remove_module(ctx, old);
    m = hv_xcalloc(1, sizeof *m);
    m->def.name = base;
    m->def.version = hv_xstrdup("0.0");
    m->path = path;
    m->loaded = true;
    hv_cmds_add_module(ctx, m);
    hv_status st = load_module_file(cmd, path, m);
    if (st == HV_OK && hv_cmd_switch(cmd, IPMO_PASSTHRU))
        st = hv_emit(cmd, module_object(m));
    return st;
}

static hv_status
ipmo_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_status st = HV_OK;
    for (size_t k = 0; k < sarr_len(cmd, IPMO_NAME) && st == HV_OK; k++)
        st = import_one(cmd, sarr_at(cmd, IPMO_NAME, k));
    return st;
}

enum { RMO_NAME, RMO_FORCE, RMO_N };
static const hv_param_def rmo_params[RMO_N + 1] = {
    [RMO_NAME] = {.name = "Name",
                  .type = HV_PT_STRING,
                  .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_WILDCARDS,
                  .help = "Modules to remove."},
    [RMO_FORCE] = {.name = "Force",
                   .type = HV_PT_SWITCH,
                   .position = HV_POS_NAMED,
                   .help = "Accepted for compatibility."},
    [RMO_N] = {.name = NULL},
};

static hv_status
rmo_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_ctx *ctx = cmd->ctx;
    for (size_t k = 0; k < sarr_len(cmd, RMO_NAME); k++) {
        const char *pat = sarr_at(cmd, RMO_NAME, k);
        hv_module **mods;
        size_t n = hv_cmds_modules(ctx, &mods);
        bool found = false;
        for (size_t i = n; i-- > 0;) {
            hv_module *m = mods[i];
            if (!hv_wildcard_match(pat, m->def.name, false) || !m->loaded)
                continue;
            found = true;
            for (size_t f = 0; f < m->nfunctions; f++)
                hv_scope_func_remove(ctx, m->functions[f]);
            for (size_t f = 0; f < m->nprivates; f++)
                hv_scope_func_remove(ctx, m->privates[f]);
            hv_cmds_remove_module(ctx, m);
            n = hv_cmds_modules(ctx, &mods);
        }
        if (!found && !hv_wildcard_has_meta(pat)) {
            HV_AUTO hv_value t = hv_str(pat);
            hv_status st = hv_write_error(
                cmd, hv_error_new_ex(cmd, "System.InvalidOperationException",
                                     HV_CAT_ResourceUnavailable, "Modules_NoModulesRemoved", &t,
                                     "No modules were removed. Verify that the "
                                     "specification of modules to remove is "
                                     "correct and those modules exist in the "
                                     "runspace."));
            if (st != HV_OK)
                return st;
        }
    }
    ctx->cmd_epoch++;
    return HV_OK;
}

enum { EMM_FUNCTION, EMM_CMDLET, EMM_VARIABLE, EMM_ALIAS, EMM_N };
static const hv_param_def emm_params[EMM_N + 1] = {
    [EMM_FUNCTION] = {.name = "Function",
                      .type = HV_PT_STRING,
                      .position = 0,
                      .flags =
                          HV_PF_ARRAY | HV_PF_WILDCARDS | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                      .help = "Functions to export (wildcards allowed)."},
    [EMM_CMDLET] = {.name = "Cmdlet",
                    .type = HV_PT_STRING,
                    .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Cmdlets to export."},
    [EMM_VARIABLE] = {.name = "Variable",
                      .type = HV_PT_STRING,
                      .position = HV_POS_NAMED,
                      .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                      .help = "Variables to export."},
    [EMM_ALIAS] = {.name = "Alias",
                   .type = HV_PT_STRING,
                   .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                   .help = "Aliases to export."},
    [EMM_N] = {.name = NULL},
};

static hv_status
emm_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    bstate *b = bs(cmd->ctx);
    if (!b->loading) {
        return hv_throw(
            cmd, hv_error_new_ex(cmd, "System.InvalidOperationException", HV_CAT_PermissionDenied,
                                 "Modules_CanOnlyExecuteExportModuleMemberInsideAModule", NULL,
                                 "The Export-ModuleMember cmdlet can only be called "
                                 "from inside a module."));
    }
    b->exported = true;
    /* expand wildcards against the functions visible now */
    size_t nf = 0;
    hv_function **fns = hv_scope_func_list(cmd->ctx, &nf);
    for (size_t k = 0; k < sarr_len(cmd, EMM_FUNCTION); k++) {
        const char *pat = sarr_at(cmd, EMM_FUNCTION, k);
        for (size_t i = 0; i < nf; i++)
            if (hv_wildcard_match(pat, fns[i]->name, false)) {
                b->funcs = hv_xrealloc(b->funcs, (b->nfuncs + 1) * sizeof *b->funcs);
                b->funcs[b->nfuncs++] = hv_xstrdup(fns[i]->name);
            }
    }
    free(fns);
    return HV_OK;
}

/* ====================================================================================
 * The tables
 * ==================================================================================== */

/* Jobs (Start-Job, *-Job, Start-ThreadJob) live in jobs.c. */

static const hv_cmdlet_def core_cmdlets[] = {
    {
        .name = "Get-Command",
        .params = gcm_params,
        .ops = {.process = gcm_process},
        .synopsis = "Gets all commands.",
        .description = "Lists cmdlets, functions, aliases and (by name) applications; -Syntax "
                       "prints each parameter set in pwsh notation.",
        .output_type = "System.Management.Automation.CommandInfo",
        .examples = EX({.title = "The syntax of a cmdlet", .code = "Get-Command Get-VM -Syntax"},
                       {.title = "Cmdlets of a module", .code = "Get-Command -Module Hyper-V"}),
    },
    {
        .name = "Get-Module",
        .params = gmo_params,
        .ops = {.process = gmo_process},
        .synopsis = "Gets the modules that have been imported or that can be imported.",
        .output_type = "System.Management.Automation.PSModuleInfo",
        .examples = EX({.title = "Every module", .code = "Get-Module -ListAvailable"}),
    },
    {
        .name = "Import-Module",
        .params = ipmo_params,
        .ops = {.process = ipmo_process},
        .synopsis = "Adds modules to the current session.",
        .examples = EX({.title = "A built-in module", .code = "Import-Module Hyper-V"},
                       {.title = "A script module", .code = "Import-Module ./Lab.psm1"}),
    },
    {
        .name = "Remove-Module",
        .params = rmo_params,
        .ops = {.process = rmo_process},
        .synopsis = "Removes modules from the current session.",
        .examples = EX({.title = "Unload a script module", .code = "Remove-Module Lab"}),
    },
    {
        .name = "Export-ModuleMember",
        .params = emm_params,
        .ops = {.process = emm_process},
        .synopsis = "Specifies the module members that are exported.",
        .examples = EX({.title = "Export two functions",
                        .code = "Export-ModuleMember -Function New-Lab, Remove-Lab"}),
    },
    {
        .name = "Set-StrictMode",
        .sets = A("Version", "Off"),
        .params = ssm_params,
        .ops = {.end = ssm_end},
        .synopsis = "Establishes and enforces coding rules in expressions, scripts, and "
                    "script blocks.",
        .examples = EX({.title = "Strictest rules", .code = "Set-StrictMode -Version Latest"}),
    },
    {
        .name = "Invoke-Command",
        .params = icm_params,
        .ops = {.process = icm_process, .end = icm_end, .cleanup = icm_cleanup},
        .state_size = sizeof(icm_state),
        .synopsis = "Runs commands on the local computer.",
        .examples = EX(
            {.title = "Arguments", .code = "Invoke-Command { param($a) $a * 2 } -ArgumentList 21"}),
    },
    {.name = NULL},
};

static const hv_cmdlet_def utility_cmdlets[] = {
    {
        .name = "Get-Variable",
        .aliases = NULL,
        .params = gv_params,
        .ops = {.process = gv_process},
        .synopsis = "Gets the variables in the current console.",
        .output_type = "System.Management.Automation.PSVariable",
        .examples = EX({.title = "Variables starting with m", .code = "Get-Variable m*"}),
    },
    {
        .name = "Set-Variable",
        .params = sv_params,
        .ops = {.process = sv_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Sets the value of a variable, creating it if needed.",
        .examples = EX({.title = "A read-only variable",
                        .code = "Set-Variable -Name max -Value 10 -Option ReadOnly"}),
    },
    {
        .name = "New-Variable",
        .params = sv_params,
        .ops = {.process = nv_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Creates a new variable.",
        .examples = EX(
            {.title = "A constant", .code = "New-Variable -Name pi2 -Value 6.28 -Option Constant"}),
    },
    {
        .name = "Remove-Variable",
        .params = rv_params,
        .ops = {.process = rv_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Deletes a variable and its value.",
        .examples = EX({.title = "Remove one", .code = "Remove-Variable -Name tmp"}),
    },
    {
        .name = "Clear-Variable",
        .params = cv_params,
        .ops = {.process = cv_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Deletes the value of a variable.",
        .examples = EX({.title = "Clear one", .code = "Clear-Variable -Name tmp"}),
    },
    {
        .name = "Get-Alias",
        .params = gal_params,
        .ops = {.process = gal_process},
        .synopsis = "Gets the aliases for the current session.",
        .output_type = "System.Management.Automation.AliasInfo",
        .examples =
            EX({.title = "Aliases of a cmdlet", .code = "Get-Alias -Definition Get-ChildItem"}),
    },
    {
        .name = "Set-Alias",
        .params = sal_params,
        .ops = {.process = sal_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Creates or changes an alias for a cmdlet or other command.",
        .examples =
            EX({.title = "A short name", .code = "Set-Alias -Name list -Value Get-ChildItem"}),
    },
    {
        .name = "Remove-Alias",
        .params = ral_params,
        .ops = {.process = ral_process},
        .synopsis = "Remove an alias from the current session.",
        .examples = EX({.title = "Remove an alias", .code = "Remove-Alias -Name del"}),
    },
    {
        .name = "New-Alias",
        .params = sal_params,
        .ops = {.process = nal_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Creates a new alias.",
        .examples = EX({.title = "A short name", .code = "New-Alias -Name vms -Value Get-VM"}),
    },
    {
        .name = "Invoke-Expression",
        .params = iex_params,
        .ops = {.process = iex_process},
        .synopsis = "Runs commands or expressions on the local computer.",
        .examples = EX({.title = "Run text", .code = "Invoke-Expression '1 + 2'"}),
    },
    {.name = NULL},
};

static const hv_module_def mod_core = {
    .name = "Microsoft.PowerShell.Core",
    .version = "7.4.0",
    .cmdlets = core_cmdlets,
};
static const hv_module_def mod_utility = {
    .name = "Microsoft.PowerShell.Utility",
    .version = "7.0.0.0",
    .cmdlets = utility_cmdlets,
};

const hv_module_def *const *
hv_intrinsic_modules(void)
{
    static const hv_module_def *const list[] = {&mod_core, &mod_utility, &hv_jobs_mod_core,
                                               &hv_jobs_mod_thread, NULL};
    return list;
}

/* ====================================================================================
 * #Requires
 * ==================================================================================== */

static hv_status
requires_fail(hv_ctx *ctx, const char *id, hv_err_category cat, const char *msg)
{
    hv_value rec = hv_err_make("System.Management.Automation.ScriptRequiresException", msg, cat, id,
                               NULL, NULL, NULL);
    return hv_eval_raise(ctx, rec, true);
}

/* Module names after -Modules: a comma list of names and/or @{ModuleName='x'; ...}. */
static size_t
requires_modules(const char *s, char ***out)
{
    char **names = NULL;
    size_t n = 0;
    while (*s && *s != '-') {
        while (*s == ' ' || *s == '\t' || *s == ',')
            s++;
        if (!*s || *s == '-')
            break;
        const char *start, *end;
        if (*s == '@') {
            const char *mn = strcasestr(s, "ModuleName");
            const char *close = strchr(s, '}');
            if (!mn || !close || mn > close) {
                s = close ? close + 1 : s + strlen(s);
                continue;
            }
            mn = strchr(mn, '=');
            mn = mn ? mn + 1 : close;
            while (*mn == ' ' || *mn == '\'' || *mn == '"')
                mn++;
            start = mn;
            end = start;
            while (end < close && *end != '\'' && *end != '"' && *end != ';' && *end != ' ')
                end++;
            s = close + 1;
        } else {
            bool q = *s == '\'' || *s == '"';
            char qc = *s;
            start = q ? s + 1 : s;
            end = start;
            while (*end && (q ? *end != qc : (*end != ',' && *end != ' ' && *end != '\t')))
                end++;
            s = *end && q ? end + 1 : end;
        }
        if (end > start) {
            names = hv_xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = hv_xstrndup(start, (size_t)(end - start));
        }
    }
    *out = names;
    return n;
}

static bool
module_available(hv_ctx *ctx, const char *name)
{
    if (hv_cmds_find_module(ctx, name))
        return true;
    char *p = find_module_file(name);
    free(p);
    return p != NULL;
}

static hv_status
requires_line(hv_ctx *ctx, const char *line, const char *script)
{
    char msg[1024];
    for (const char *s = line; (s = strchr(s, '-')); s++) {
        if (strncasecmp(s, "-RunAsAdministrator", 19) == 0) {
            if (geteuid() == 0)
                continue;
            snprintf(msg, sizeof msg,
                     "The script '%s' cannot be run because it contains a \"#requires\" statement "
                     "for running as Administrator. The current PowerShell session is not running "
                     "as Administrator. Start PowerShell by using the Run as Administrator option, "
                     "and then try running the script again.",
                     script);
            return requires_fail(ctx, "ScriptRequiresElevation", HV_CAT_PermissionDenied, msg);
        }
        if (strncasecmp(s, "-Modules", 8) == 0) {
            char **names;
            size_t n = requires_modules(s + 8, &names);
            hv_buf missing = {0};
            for (size_t i = 0; i < n; i++) {
                if (!module_available(ctx, names[i]))
                    hv_buf_printf(&missing, "%s%s", missing.len ? ", " : "", names[i]);
                else if (hv_cmds_find_module(ctx, names[i]))
                    hv_cmds_find_module(ctx, names[i])->loaded = true;
                free(names[i]);
            }
            free(names);
            if (missing.len) {
                snprintf(msg, sizeof msg,
                         "The script '%s' cannot be run because the following modules that are "
                         "specified by the \"#requires\" statements of the script are missing: %s.",
                         script, missing.data);
                hv_buf_free(&missing);
                return requires_fail(ctx, "ScriptRequiresMissingModules",
                                     HV_CAT_ResourceUnavailable, msg);
            }
            continue;
        }
        if (strncasecmp(s, "-Version", 8) == 0) {
            double v = atof(s + 8);
            if (v <= 7.4 + 1e-9)
                continue;
            snprintf(msg, sizeof msg,
                     "The script '%s' cannot be run because it contained a \"#requires\" statement "
                     "for PowerShell %.1f. The version of PowerShell that is required by the "
                     "script does not match the currently running version of PowerShell 7.4.6.",
                     script, v);
            return requires_fail(ctx, "ScriptRequiresUnmatchedPSVersion",
                                 HV_CAT_ResourceUnavailable, msg);
        }
        if (strncasecmp(s, "-PSEdition", 10) == 0) {
            const char *e = s + 10;
            while (*e == ' ')
                e++;
            if (strncasecmp(e, "Core", 4) == 0)
                continue;
            snprintf(msg, sizeof msg,
                     "The script '%s' cannot be run because it contained a \"#requires\" statement "
                     "for PowerShell editions 'Desktop'. The edition of PowerShell that is "
                     "required by the script does not match the currently running PowerShell "
                     "Core.",
                     script);
            return requires_fail(ctx, "ScriptRequiresUnmatchedPSEdition",
                                 HV_CAT_ResourceUnavailable, msg);
        }
    }
    return HV_OK;
}

hv_status
hv_requires_check(hv_ctx *ctx, const char *const *lines, size_t n, const char *script_path)
{
    const char *base = script_path ? strrchr(script_path, '/') : NULL;
    base = base ? base + 1 : script_path ? script_path : "";
    for (size_t i = 0; i < n; i++) {
        hv_status st = requires_line(ctx, lines[i], base);
        if (st != HV_OK)
            return st;
    }
    return HV_OK;
}
