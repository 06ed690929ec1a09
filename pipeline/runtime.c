/* runtime.c — the interpreter as shell/ sees it (runtime.h): creating the context with its
 * automatic variables, running source text and script files, the prompt, and the few
 * cmdlet.h calls that belong to the evaluator (hv_var_get/set, hv_host_width).
 *
 * Start-up must stay instant: everything here is a handful of small allocations; modules
 * are const tables registered by B's hv_cmds_init without scanning anything.
 */
#include "complete.h"
#include "history.h"
#include "internal.h"
#include "intrinsics.h"
#include "psstyle.h"
#include "runtime.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

volatile sig_atomic_t hv_runtime_interrupted;


#define HV_PS_VERSION "7.4.6"

/* ---- automatic variables ---- */

static const char *const action_pref_names[] = {"SilentlyContinue", "Stop", "Continue", "Inquire",
                                                "Ignore", "Suspend", "Break"};
static const int32_t action_pref_values[] = {0, 1, 2, 3, 4, 5, 6};
static const hv_enum_def action_pref_enum = {
    .type_name = "System.Management.Automation.ActionPreference",
    .names = action_pref_names, .values = action_pref_values, .count = 7,
};
static const char *const confirm_names[] = {"None", "Low", "Medium", "High"};
static const int32_t confirm_values[] = {0, 1, 2, 3};
static const hv_enum_def confirm_enum = {
    .type_name = "System.Management.Automation.ConfirmImpact",
    .names = confirm_names, .values = confirm_values, .count = 4,
};

hv_value
hv_eval_action_value(int action)
{
    return hv_enum(&action_pref_enum, action);
}

static hv_value
version_to_string(const hv_value *self)
{
    const hv_value *a = hv_obj_get(self, "Major"), *b = hv_obj_get(self, "Minor"),
                   *c = hv_obj_get(self, "Patch");
    if (!a || !b || !c)
        return hv_str("");
    return hv_strf("%lld.%lld.%lld", (long long)hv_int_of(a), (long long)hv_int_of(b),
                   (long long)hv_int_of(c));
}

static const hv_view_column semver_view[] = {
    {.label = "Major", .property = "Major"}, {.label = "Minor", .property = "Minor"},
    {.label = "Patch", .property = "Patch"}, {.label = "PreReleaseLabel", .property = "PreReleaseLabel"},
    {.label = "BuildLabel", .property = "BuildLabel"}, {0},
};
static const char *const semver_props[] = {"Major", "Minor", "Patch", "PreReleaseLabel", "BuildLabel", NULL};
static const hv_obj_class semver_class = {
    .type_name = "System.Management.Automation.SemanticVersion",
    .table_view = semver_view,
    .default_props = semver_props,
    .to_string = version_to_string,
};

static hv_value
semver(int major, int minor, int patch)
{
    hv_value v = hv_obj_new(&semver_class);
    hv_obj_set(&v, "Major", hv_int(major));
    hv_obj_set(&v, "Minor", hv_int(minor));
    hv_obj_set(&v, "Patch", hv_int(patch));
    hv_obj_set(&v, "PreReleaseLabel", hv_null());
    hv_obj_set(&v, "BuildLabel", hv_null());
    return v;
}

/* RuntimeInformation.OSDescription as .NET 8 gives it on Linux: the distribution's
 * PRETTY_NAME from /etc/os-release, else "Linux <release>". */
static hv_value
os_description(void)
{
    char line[256];
    FILE *f = fopen("/etc/os-release", "r");
    if (f) {
        while (fgets(line, sizeof line, f)) {
            if (strncmp(line, "PRETTY_NAME=", 12) != 0)
                continue;
            char *v = line + 12;
            v[strcspn(v, "\n")] = 0;
            size_t n = strlen(v);
            if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
                v[n - 1] = 0;
                v++;
            }
            fclose(f);
            return hv_str(v);
        }
        fclose(f);
    }
    char buf[128] = "";
    f = fopen("/proc/sys/kernel/osrelease", "r");
    if (f) {
        if (fgets(buf, sizeof buf, f))
            buf[strcspn(buf, "\n")] = 0;
        fclose(f);
    }
    return hv_strf("Linux %s", buf);
}

static hv_value
ps_version_table(void)
{
    hv_value t = hv_table_new(HV_TABLE_ORDERED);
    hv_table_sets(&t, "PSVersion", semver(7, 4, 6));
    hv_table_sets(&t, "PSEdition", hv_str("Core"));
    hv_table_sets(&t, "GitCommitId", hv_str(HV_PS_VERSION));
    hv_table_sets(&t, "OS", os_description());
    hv_table_sets(&t, "Platform", hv_str("Unix"));
    hv_value compat = hv_array_new(8);
    const char *vers[] = {"1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0"};
    for (size_t i = 0; i < 8; i++)
        hv_array_push(&compat, hv_str(vers[i]));
    hv_table_sets(&t, "PSCompatibleVersions", compat);
    hv_table_sets(&t, "PSRemotingProtocolVersion", hv_str("2.3"));
    hv_table_sets(&t, "SerializationVersion", hv_str("1.1.0.1"));
    hv_table_sets(&t, "WSManStackVersion", hv_str("3.0"));
    return t;
}

static hv_value
host_object(hv_ctx *ctx)
{
    hv_value size = hv_obj_new(NULL);
    hv_obj_set(&size, "Width", hv_int(hv_host_width(ctx)));
    hv_obj_set(&size, "Height", hv_int(50));
    hv_value raw = hv_obj_new(NULL);
    hv_obj_set(&raw, "ForegroundColor", hv_int(-1));
    hv_obj_set(&raw, "BackgroundColor", hv_int(-1));
    hv_obj_set(&raw, "WindowSize", size);
    hv_obj_set(&raw, "BufferSize", hv_obj_clone(&size));
    hv_obj_set(&raw, "WindowTitle", hv_str("hvsh"));
    hv_value ui = hv_obj_new(NULL);
    hv_obj_set(&ui, "RawUI", raw);
    hv_value h = hv_obj_new(NULL);
    hv_obj_set(&h, "Name", hv_str("ConsoleHost"));
    hv_obj_set(&h, "Version", semver(7, 4, 6));
    hv_obj_set(&h, "InstanceId", hv_str("8f2b6a4e-0000-4000-8000-000000000001"));
    hv_obj_set(&h, "UI", ui);
    hv_obj_set(&h, "CurrentCulture", hv_str("en-US"));
    hv_obj_set(&h, "CurrentUICulture", hv_str("en-US"));
    hv_obj_set(&h, "IsRunspacePushed", hv_bool(false));
    return h;
}

static void
set_global(hv_ctx *ctx, const char *name, hv_value v)
{
    hv_status st = hv_scope_assign(ctx, ctx->global, name, v);
    (void)st;
}

static void
define_constant(hv_ctx *ctx, const char *name, hv_value v)
{
    hv_status st = hv_scope_define(ctx, ctx->global, name, v, HV_VAR_READONLY, true);
    (void)st;
}

static void
init_variables(hv_ctx *ctx)
{
    set_global(ctx, "ErrorActionPreference", hv_enum(&action_pref_enum, HV_ACT_CONTINUE));
    set_global(ctx, "WarningPreference", hv_enum(&action_pref_enum, HV_ACT_CONTINUE));
    set_global(ctx, "VerbosePreference", hv_enum(&action_pref_enum, HV_ACT_SILENTLY_CONTINUE));
    set_global(ctx, "DebugPreference", hv_enum(&action_pref_enum, HV_ACT_SILENTLY_CONTINUE));
    set_global(ctx, "InformationPreference", hv_enum(&action_pref_enum, HV_ACT_SILENTLY_CONTINUE));
    set_global(ctx, "ProgressPreference", hv_enum(&action_pref_enum, HV_ACT_CONTINUE));
    set_global(ctx, "ConfirmPreference", hv_enum(&confirm_enum, 3));
    set_global(ctx, "WhatIfPreference", hv_bool(false));
    set_global(ctx, "ErrorView", hv_str("ConciseView"));
    set_global(ctx, "FormatEnumerationLimit", hv_int(4));
    set_global(ctx, "MaximumHistoryCount", hv_int(4096));
    set_global(ctx, "PSNativeCommandArgumentPassing", hv_str("Standard"));
    set_global(ctx, "PSNativeCommandUseErrorActionPreference", hv_bool(false));
    set_global(ctx, "PSDefaultParameterValues", hv_table_new(0));
    const char *term = getenv("TERM");
    set_global(ctx, "PSStyle",
               hv_psstyle_new(getenv("NO_COLOR") || (term && strcmp(term, "dumb") == 0)));
    set_global(ctx, "OutputEncoding", hv_output_encoding_new());
    set_global(ctx, "PSModuleAutoLoadingPreference", hv_str("All"));
    set_global(ctx, "NestedPromptLevel", hv_int(0));
    const char *home = getenv("HOME");
    define_constant(ctx, "HOME", hv_str(home ? home : "/"));
    /* listed by Get-Variable; reads of $true/$false/$null never reach the table */
    hv_status cst = hv_scope_define(ctx, ctx->global, "true", hv_bool(true), HV_VAR_CONSTANT, true);
    cst = hv_scope_define(ctx, ctx->global, "false", hv_bool(false), HV_VAR_CONSTANT, true);
    cst = hv_scope_define(ctx, ctx->global, "null", hv_null(), 0, true);
    (void)cst;
    define_constant(ctx, "PID", hv_int((int32_t)getpid()));
    define_constant(ctx, "IsLinux", hv_bool(true));
    define_constant(ctx, "IsWindows", hv_bool(false));
    define_constant(ctx, "IsMacOS", hv_bool(false));
    define_constant(ctx, "IsCoreCLR", hv_bool(true));
    define_constant(ctx, "PSEdition", hv_str("Core"));
    define_constant(ctx, "ShellId", hv_str("Microsoft.PowerShell"));
    define_constant(ctx, "PSHOME", hv_str("/usr/local/share/hvsh"));
    define_constant(ctx, "PSCulture", hv_str("en-US"));
    define_constant(ctx, "PSUICulture", hv_str("en-US"));
    define_constant(ctx, "PSVersionTable", ps_version_table());
    define_constant(ctx, "Host", host_object(ctx));
    hv_value ec = hv_obj_new(NULL);
    hv_value ss = hv_obj_new(NULL);
    hv_obj_set(&ss, "LanguageMode", hv_str("FullLanguage"));
    hv_obj_set(&ss, "Path", hv_obj_new(&hv_session_path_class));
    hv_obj_set(&ss, "PSVariable", hv_obj_new(&hv_session_psvariable_class));
    hv_obj_set(&ec, "SessionState", ss);
    /* InvokeCommand: ExpandString() is handled by the evaluator (eval_member.c) */
    hv_obj_set(&ec, "InvokeCommand", hv_obj_new(&hv_invoke_command_class));
    hv_obj_set(&ec, "Host", hv_ref(&hv_scope_find_in(ctx->global, "Host")->value));
    define_constant(ctx, "ExecutionContext", ec);
    set_global(ctx, "MaximumErrorCount", hv_int(256));
}

hv_ctx *
hv_runtime_new(const hv_runtime_opts *opts)
{
    hv_ctx *ctx = hv_xcalloc(1, sizeof *ctx);
    ctx->modules = opts->modules;
    ctx->interactive = opts->interactive;
    ctx->non_interactive = opts->non_interactive;
    ctx->script_path = opts->script_path ? hv_xstrdup(opts->script_path) : NULL;
    ctx->out = stdout;
    ctx->errout = stderr;
    ctx->err = hv_null();
    ctx->jump_label = hv_null();
    ctx->usings = hv_null();
    ctx->error_list = hv_array_new(8);
    ctx->error_list.sub = HV_TA_LIST; /* $Error is an ArrayList in pwsh ($Error.Clear(), .Count) */
    ctx->last_success = true;
    ctx->stack_base = __builtin_frame_address(0);
    struct rlimit rl;
    size_t stack = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur > (1u << 20))
        stack = (size_t)rl.rlim_cur;
    ctx->stack_limit = stack - stack / 4;
    hv_eval_blocks_init();
    ctx->global = hv_scope_new_child(ctx, NULL, HV_SCOPE_GLOBAL | HV_SCOPE_SCRIPT);
    ctx->script = ctx->cur = ctx->global;
    init_variables(ctx);
    hv_eval_console_sink(ctx);
    hv_cmds_init(ctx, opts->modules);
    return ctx;
}

void
hv_runtime_free(hv_ctx *ctx)
{
    if (!ctx)
        return;
    hv_eval_console_flush(ctx);
    hv_cmds_free(ctx);
    while (ctx->cur && ctx->cur != ctx->global)
        hv_scope_pop(ctx);
    hv_eval_scripts_free(ctx);
    hv_scope_free(ctx, ctx->global);
    hv_eval_cache_free(ctx);
    hv_eval_console_free(ctx);
    hv_unref(ctx->err);
    hv_unref(ctx->jump_label);
    hv_unref(ctx->error_list);
    hv_unref(ctx->usings);
    hv_unref(ctx->script_members);
    hv_history_free(ctx);
    /* last: instances still referenced above (in $Error targets...) point at class defs */
    hv_class_free_all(ctx);
    free(ctx->script_path);
    free(ctx);
}

/* ---- running code ---- */

static int
finish_status(hv_ctx *ctx, hv_status st, bool *exited, bool command_mode)
{
    hv_eval_console_flush(ctx);
    if (st == HV_EXIT) {
        if (exited)
            *exited = true;
        return ctx->exit_code;
    }
    if (st == HV_ERR) {
        hv_value rec = hv_eval_take_error(ctx);
        hv_err_record(ctx, &rec);
        hv_err_display(ctx, &rec);
        hv_unref(rec);
        ctx->last_success = false;
        return 1;
    }
    if (command_mode && !ctx->last_success)
        return 1;
    return 0;
}

static void
print_parse_errors(hv_ctx *ctx, const hv_ast_unit *u)
{
    hv_eval_console_flush(ctx);
    hv_parse_print_error_detail(u, &u->errors[0], ctx->errout);
    fflush(ctx->errout);
}

int
hv_run_source(hv_ctx *ctx, const char *src, size_t len, const char *name, bool *exited)
{
    if (exited)
        *exited = false;
    hv_ast_unit *u = hv_parse(src, len, name);
    if (u->nerrors) {
        print_parse_errors(ctx, u);
        hv_ast_unit_unref(u);
        ctx->last_success = false;
        return 1;
    }
    /* The interrupt flag is not cleared here: a Ctrl-C that came while a -Command/-File
     * run was starting up must still stop it. The REPL clears it before each line. */
    /* $? is not reset here: at the prompt it still tells about the previous line. */
    if (u->root->u.sb.nrequires) {
        hv_status rst = hv_requires_check(ctx, u->root->u.sb.requires, u->root->u.sb.nrequires, NULL);
        if (rst != HV_OK) {
            int rc = finish_status(ctx, rst, exited, true);
            hv_ast_unit_unref(u);
            return rc;
        }
    }
    hv_status st = hv_eval_run_scriptblock(ctx, u->root, NULL, hv_eval_console_sink(ctx));
    if (st == HV_RETURN || st == HV_BREAK || st == HV_CONTINUE) {
        hv_unrefp(&ctx->jump_label);
        st = HV_OK;
    }
    if (st == HV_STOPPED)
        st = HV_OK;
    int rc = finish_status(ctx, st, exited, true);
    hv_ast_unit_unref(u);
    return rc;
}

/* -File arguments: "-Name" / "-Name:value" become parameters, the rest string values. */
static hv_arg *
file_args(int argc, char **argv, hv_value *keep)
{
    hv_arg *args = hv_xcalloc((size_t)argc + 1, sizeof *args);
    *keep = hv_array_new((size_t)argc);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        bool is_param = a[0] == '-' && a[1] && !(a[1] >= '0' && a[1] <= '9') && a[1] != '.';
        if (is_param) {
            const char *colon = strchr(a + 1, ':');
            hv_value name = colon ? hv_strn(a + 1, (size_t)(colon - a - 1)) : hv_str(a + 1);
            args[i].param = hv_str_cstr(&name);
            args[i].text = a;
            hv_array_push(keep, name);
            if (colon) {
                const char *v = colon + 1;
                if (hv_str_eq_ci(v, "$true") || hv_str_eq_ci(v, "$false"))
                    args[i].value = hv_bool(hv_str_eq_ci(v, "$true"));
                else
                    args[i].value = hv_str(v);
                args[i].has_value = true;
            }
        } else {
            args[i].value = hv_str(a);
            args[i].has_value = true;
        }
    }
    return args;
}

int
hv_run_file(hv_ctx *ctx, const char *path, int argc, char **argv, bool *exited)
{
    if (exited)
        *exited = false;
    hv_function *fn;
    hv_status st = hv_eval_script_function(ctx, path, &fn);
    if (st != HV_OK) {
        hv_value rec = hv_eval_take_error(ctx);
        hv_err_display(ctx, &rec);
        hv_unref(rec);
        return 1;
    }
    hv_function_ref(fn);
    hv_value keep;
    hv_arg *args = file_args(argc, argv, &keep);
    hv_stage stage = {0};
    stage.info.name = fn->name;
    stage.info.kind = HV_CMDK_SCRIPT;
    stage.info.def = &fn->def;
    stage.info.module = "";
    stage.info.definition = fn->name;
    stage.invocation_name = path;
    stage.args = args;
    stage.nargs = (size_t)argc;
    stage.pos.script = NULL;
    ctx->last_success = true;
    ctx->top_script = fn;
    st = hv_pipe_run(ctx, &stage, 1, NULL, NULL, 0, hv_eval_console_sink(ctx));
    ctx->top_script = NULL;
    if (st == HV_RETURN || st == HV_BREAK || st == HV_CONTINUE || st == HV_STOPPED) {
        hv_unrefp(&ctx->jump_label);
        st = HV_OK;
    }
    int rc = finish_status(ctx, st, exited, false);
    for (int i = 0; i < argc; i++)
        hv_unref(args[i].value);
    free(args);
    hv_unref(keep);
    hv_function_unref(fn);
    return rc;
}

hv_parse_state
hv_runtime_check_input(const char *src, size_t len)
{
    hv_ast_unit *u = hv_parse(src, len, "");
    hv_parse_state s = u->incomplete ? HV_PARSE_INCOMPLETE : (u->nerrors ? HV_PARSE_ERROR : HV_PARSE_OK);
    hv_ast_unit_unref(u);
    return s;
}

int
hv_runtime_syntax_check(const char *path)
{
    int n = hv_parse_check_file(path, stdout);
    return n < 0 ? 1 : n;
}

void
hv_runtime_interrupt(void)
{
    hv_runtime_interrupted = 1;
}

void
hv_runtime_clear_interrupt(void)
{
    hv_runtime_interrupted = 0;
}

bool
hv_runtime_interrupted_p(void)
{
    return hv_runtime_interrupted != 0;
}

char *
hv_runtime_prompt(hv_ctx *ctx)
{
    hv_function *fn = hv_scope_func_lookup(ctx, "prompt");
    if (fn) {
        hv_collector c;
        hv_collect_init(&c);
        hv_status st = hv_eval_call_function(ctx, fn, NULL, 0, NULL, 0, false, &c.sink);
        if (st == HV_OK) {
            hv_value r = hv_collect_result(&c);
            hv_value s = hv_conv_to_string(&r, NULL);
            char *p = hv_xstrdup(hv_str_cstr(&s));
            hv_unref(s);
            hv_unref(r);
            hv_collect_free(&c);
            return p;
        }
        if (st == HV_ERR)
            hv_unref(hv_eval_take_error(ctx));
        hv_collect_free(&c);
    }
    char buf[4096];
    const char *cwd = getcwd(buf, sizeof buf) ? buf : "/";
    return hv_xasprintf("PS %s> ", cwd);
}

char **
hv_runtime_complete(hv_ctx *ctx, const char *line, size_t cursor, size_t *word_start)
{
    return hv_complete_line(ctx, line, cursor, word_start);
}

bool
hv_runtime_last_success(hv_ctx *ctx)
{
    return ctx->last_success;
}

bool
hv_eval_stack_exhausted(hv_ctx *ctx)
{
    char here;
    char *p = &here;
    size_t used = ctx->stack_base > p ? (size_t)(ctx->stack_base - p) : (size_t)(p - ctx->stack_base);
    return used > ctx->stack_limit;
}

/* ---- cmdlet.h calls owned by the evaluator ---- */

hv_value
hv_var_get(hv_ctx *ctx, const char *name)
{
    hv_var *v = hv_scope_lookup(ctx, name);
    if (v)
        return hv_ref(&v->value);
    if (strcmp(name, "?") == 0)
        return hv_bool(ctx->last_success);
    if (hv_str_eq_ci(name, "true"))
        return hv_bool(true);
    if (hv_str_eq_ci(name, "false"))
        return hv_bool(false);
    if (hv_str_eq_ci(name, "Error"))
        return hv_ref(&ctx->error_list);
    if (hv_str_eq_ci(name, "PID"))
        return hv_int((int32_t)getpid());
    if (hv_str_eq_ci(name, "PWD")) {
        char buf[4096];
        return hv_str(getcwd(buf, sizeof buf) ? buf : "/");
    }
    return hv_null();
}

void
hv_var_set(hv_ctx *ctx, const char *name, hv_value v)
{
    if (hv_str_eq_ci(name, "null")) {
        hv_unref(v);
        return;
    }
    if (hv_scope_assign(ctx, NULL, name, v) != HV_OK)
        hv_unref(hv_eval_take_error(ctx));
}

int
hv_host_width(hv_ctx *ctx)
{
    (void)ctx;
    const char *c = getenv("COLUMNS");
    if (c && atoi(c) > 0)
        return atoi(c);
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 120;
}
