/* streams.c — warning/verbose/debug/information/progress streams, Write-Host, and
 * ShouldProcess (-WhatIf / -Confirm). pwsh's host writes warning, verbose, debug and
 * information text to stdout (only errors go to stderr), so that is where they go unless a
 * redirection (3> 4>&1 *>$null ...) of the writing command or an enclosing one says
 * otherwise. */
#include "errors.h"
#include "pipe.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static hv_value
record_to_string(const hv_value *self)
{
    const hv_value *m = hv_obj_get(self, "Message");
    if (!m)
        m = hv_obj_get(self, "MessageData");
    return m ? hv_conv_to_string(m, NULL) : hv_str("");
}

static const hv_obj_class warning_class = {
    .type_name = "System.Management.Automation.WarningRecord",
    .to_string = record_to_string,
};
static const hv_obj_class verbose_class = {
    .type_name = "System.Management.Automation.VerboseRecord",
    .to_string = record_to_string,
};
static const hv_obj_class debug_class = {
    .type_name = "System.Management.Automation.DebugRecord",
    .to_string = record_to_string,
};
static const hv_obj_class info_class = {
    .type_name = "System.Management.Automation.InformationRecord",
    .to_string = record_to_string,
};

typedef struct {
    int stream;
    hv_pref pref;
    const char *prefix;
    const char *color;
    const hv_obj_class *cls;
    const char *pref_var;
} stream_info;

static const stream_info warning_stream = {
    3, HV_PREF_WARNING, "WARNING: ", "\x1b[33;1m", &warning_class, "WarningPreference"};
static const stream_info verbose_stream = {
    4, HV_PREF_VERBOSE, "VERBOSE: ", "\x1b[33;1m", &verbose_class, "VerbosePreference"};
static const stream_info debug_stream = {
    5, HV_PREF_DEBUG, "DEBUG: ", "\x1b[33;1m", &debug_class, "DebugPreference"};

static bool
stdout_color(hv_ctx *ctx)
{
    const char *nc = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    FILE *f = ctx->out ? ctx->out : stdout;
    return !(nc && *nc) && isatty(fileno(f)) && !(term && strcmp(term, "dumb") == 0);
}

static void
host_line(hv_ctx *ctx, const char *color, const char *prefix, const char *msg)
{
    bool c = color && stdout_color(ctx);
    hv_buf b = {0};
    hv_buf_printf(&b, "%s%s%s%s\n", c ? color : "", prefix, msg, c ? "\x1b[0m" : "");
    hv_host_write(ctx, false, b.data, b.len);
    hv_buf_free(&b);
}

static hv_value
make_record(const stream_info *si, const char *msg)
{
    hv_value r = hv_obj_new(si->cls);
    hv_obj_set(&r, "Message", hv_str(msg));
    hv_obj_set(&r, "InvocationInfo", hv_null());
    return r;
}

/* Deliver a message of stream si, already allowed by its preference. */
static hv_status
route(hv_ctx *ctx, hv_cmd *cmd, const stream_info *si, const char *msg)
{
    hv_cmd *owner = NULL;
    const hv_stream_redir *r = cmd ? hv_pipe_redir_of(cmd, si->stream, &owner) : NULL;
    if (!r) {
        host_line(ctx, si->color, si->prefix, msg);
        return HV_OK;
    }
    if (r->mode == HV_RD_MERGE)
        return hv_emit(owner, make_record(si, msg));
    if (r->mode == HV_RD_FILE && r->f) {
        hv_pipe_flush_file_output(owner, r->f);
        fprintf(r->f, "%s\n", msg);
    }
    return HV_OK;
}

static hv_status
stop_error(hv_ctx *ctx, hv_cmd *cmd, const stream_info *si, const char *msg)
{
    hv_pos pos = cmd && cmd->stage ? cmd->stage->pos : (hv_pos){0};
    hv_value rec =
        hv_err_make("System.Management.Automation.ActionPreferenceStopException", "",
                    HV_CAT_OperationStopped, "ActionPreferenceStop", NULL,
                    cmd && cmd->def ? cmd->def->name : NULL, cmd && cmd->stage ? &pos : NULL);
    HV_AUTO hv_value text = hv_strf("The running command stopped because the preference "
                                    "variable \"%s\" or common parameter is set to Stop: %s",
                                    si->pref_var, msg);
    const hv_value *e = hv_obj_get(&rec, "Exception");
    hv_value ex = hv_ref(e);
    hv_obj_set(&ex, "Message", hv_ref(&text));
    hv_unref(ex);
    return hv_eval_raise(ctx, rec, true);
}

static hv_status
write_stream(hv_cmd *cmd, const stream_info *si, const char *msg)
{
    hv_ctx *ctx = cmd ? cmd->ctx : NULL;
    hv_action act = hv_pipe_action(ctx, cmd, si->pref);
    if (si->stream == 3 && cmd) {
        for (hv_cmd *c = cmd; c; c = c->parent) {
            if (c != cmd && !(c->def && (c->def->flags & HV_CF_FUNCTION)))
                break;
            if (c->warnvar_list.kind == HV_ARRAY && act != HV_ACT_IGNORE)
                hv_array_push(&c->warnvar_list, make_record(si, msg));
        }
    }
    switch (act) {
    case HV_ACT_STOP: { /* written first, then the command stops (pwsh's WriteHelper) */
        hv_status st = route(ctx, cmd, si, msg);
        return st != HV_OK ? st : stop_error(ctx, cmd, si, msg);
    }
    case HV_ACT_CONTINUE:
    case HV_ACT_INQUIRE:
    case HV_ACT_BREAK:
        return route(ctx, cmd, si, msg);
    default:
        return HV_OK;
    }
}

static char *
vformat(const char *fmt, va_list ap)
{
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0)
        abort();
    return s;
}

hv_status
hv_write_warning(hv_cmd *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    hv_status st = write_stream(cmd, &warning_stream, s);
    free(s);
    return st;
}

hv_status
hv_write_verbose(hv_cmd *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    hv_status st = write_stream(cmd, &verbose_stream, s);
    free(s);
    return st;
}

hv_status
hv_write_debug(hv_cmd *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    hv_status st = write_stream(cmd, &debug_stream, s);
    free(s);
    return st;
}

static hv_value
info_record(hv_value msg, const char *tags)
{
    hv_value r = hv_obj_new(&info_class);
    hv_obj_set(&r, "MessageData", msg);
    hv_value t = hv_array_new(1);
    if (tags && *tags)
        hv_array_push(&t, hv_str(tags));
    hv_obj_set(&r, "Tags", t);
    hv_obj_set(&r, "TimeGenerated", hv_datetime(hv_dt_now_ticks(HV_DT_LOCAL), HV_DT_LOCAL));
    return r;
}

/* Information records go to stream 6: redirected, merged, or shown on the host. */
static hv_status
route_info(hv_ctx *ctx, hv_cmd *cmd, hv_value rec, const char *text, bool newline)
{
    for (hv_cmd *c = cmd; c; c = c->parent) {
        if (c != cmd && !(c->def && (c->def->flags & HV_CF_FUNCTION)))
            break;
        if (c->infovar_list.kind == HV_ARRAY)
            hv_array_push(&c->infovar_list, hv_ref(&rec));
    }
    hv_cmd *owner = NULL;
    const hv_stream_redir *r = cmd ? hv_pipe_redir_of(cmd, 6, &owner) : NULL;
    if (!r) {
        hv_host_write(ctx, false, text, strlen(text));
        if (newline)
            hv_host_write(ctx, false, "\n", 1);
        hv_unref(rec);
        return HV_OK;
    }
    if (r->mode == HV_RD_MERGE)
        return hv_emit(owner, rec);
    if (r->mode == HV_RD_FILE && r->f) {
        hv_pipe_flush_file_output(owner, r->f);
        fprintf(r->f, "%s\n", text);
    }
    hv_unref(rec);
    return HV_OK;
}

hv_status
hv_write_information(hv_cmd *cmd, hv_value msg, const char *tags)
{
    hv_ctx *ctx = cmd->ctx;
    hv_action act = hv_pipe_action(ctx, cmd, HV_PREF_INFORMATION);
    HV_AUTO hv_value text = hv_conv_to_string(&msg, NULL);
    hv_value rec = info_record(msg, tags);
    if (act == HV_ACT_STOP) {
        hv_unref(rec);
        return stop_error(
            ctx, cmd,
            &(stream_info){6, HV_PREF_INFORMATION, "", NULL, &info_class, "InformationPreference"},
            hv_str_cstr(&text));
    }
    /* a redirected information stream (6>&1, 6> file) gets the record unless Ignore:
     * the preference only decides whether the host shows it */
    if (act != HV_ACT_IGNORE && hv_pipe_redir_of(cmd, 6, NULL))
        return route_info(ctx, cmd, rec, hv_str_cstr(&text), true);
    if (act != HV_ACT_CONTINUE && act != HV_ACT_INQUIRE) {
        if (act == HV_ACT_SILENTLY_CONTINUE)
            for (hv_cmd *c = cmd; c; c = c->parent)
                if (c->infovar_list.kind == HV_ARRAY) {
                    hv_array_push(&c->infovar_list, hv_ref(&rec));
                    break;
                }
        hv_unref(rec);
        return HV_OK;
    }
    return route_info(ctx, cmd, rec, hv_str_cstr(&text), true);
}

/* ConsoleColor names -> ANSI SGR codes. */
static int
ansi_color(const char *name, bool bg)
{
    static const struct {
        const char *name;
        int code;
    } map[] = {
        {"Black", 30},    {"DarkBlue", 34},    {"DarkGreen", 32},  {"DarkCyan", 36},
        {"DarkRed", 31},  {"DarkMagenta", 35}, {"DarkYellow", 33}, {"Gray", 37},
        {"DarkGray", 90}, {"Blue", 94},        {"Green", 92},      {"Cyan", 96},
        {"Red", 91},      {"Magenta", 95},     {"Yellow", 93},     {"White", 97},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (hv_str_eq_ci(map[i].name, name))
            return map[i].code + (bg ? 10 : 0);
    return 0;
}

void
hv_write_host(hv_cmd *cmd, const char *text, bool newline, const char *fg, const char *bg)
{
    hv_ctx *ctx = cmd->ctx;
    /* Write-Host ignores $InformationPreference; only its own -InformationAction counts */
    if (cmd->infoact == HV_ACT_IGNORE || cmd->infoact == HV_ACT_SILENTLY_CONTINUE)
        return;
    hv_cmd *owner = NULL;
    if (hv_pipe_redir_of(cmd, 6, &owner)) {
        hv_value rec = info_record(hv_str(text), "PSHOST");
        hv_status st = route_info(ctx, cmd, rec, text, newline);
        (void)st;
        return;
    }
    int f = fg ? ansi_color(fg, false) : 0, b = bg ? ansi_color(bg, true) : 0;
    bool color = (f || b) && stdout_color(ctx);
    hv_buf out = {0};
    if (color) {
        if (f && b)
            hv_buf_printf(&out, "\x1b[%d;%dm", f, b);
        else
            hv_buf_printf(&out, "\x1b[%dm", f ? f : b);
    }
    hv_buf_puts(&out, text);
    if (color)
        hv_buf_puts(&out, "\x1b[0m");
    if (newline)
        hv_buf_putc(&out, '\n');
    hv_host_write(ctx, false, out.data ? out.data : "", out.len);
    hv_buf_free(&out);
}

void
hv_write_progress(hv_cmd *cmd, const char *activity, const char *status, int percent,
                  bool completed)
{
    hv_ctx *ctx = cmd->ctx;
    FILE *f = ctx->errout ? ctx->errout : stderr;
    if (!isatty(fileno(f)) || hv_pipe_action(ctx, cmd, HV_PREF_PROGRESS) != HV_ACT_CONTINUE)
        return;
    if (completed) {
        fputs("\r\x1b[K", f);
        fflush(f);
        return;
    }
    int width = 30, fill = percent < 0 ? 0 : percent > 100 ? width : percent * width / 100;
    fprintf(f, "\r\x1b[K%s%s%s [", activity ? activity : "", status ? " " : "",
            status ? status : "");
    for (int i = 0; i < width; i++)
        fputc(i < fill ? 'o' : ' ', f);
    if (percent >= 0)
        fprintf(f, "] %d%%", percent);
    else
        fputs("]", f);
    fflush(f);
}

/* ---- ShouldProcess ---- */

static int
confirm_level(const char *s)
{
    if (hv_str_eq_ci(s, "None"))
        return 0;
    if (hv_str_eq_ci(s, "Low"))
        return 1;
    if (hv_str_eq_ci(s, "Medium"))
        return 2;
    return 3; /* High */
}

static bool
whatif_pref(hv_ctx *ctx)
{
    HV_AUTO hv_value v = hv_var_get(ctx, "WhatIfPreference");
    return hv_conv_to_bool(&v);
}

/* Does the command have to ask? -Confirm, or its impact at/above $ConfirmPreference. */
static bool
must_confirm(hv_cmd *cmd)
{
    if (cmd->confirm_set)
        return cmd->confirm;
    HV_AUTO hv_value p = hv_var_get(cmd->ctx, "ConfirmPreference");
    HV_AUTO hv_value ps = hv_conv_to_string(&p, NULL);
    int pref = p.kind == HV_NULL ? 3 : confirm_level(hv_str_cstr(&ps));
    int impact = (cmd->def && (cmd->def->flags & HV_CF_CONFIRM_HIGH)) ? 3 : 2;
    return pref > 0 && impact >= pref;
}

static char
ask(hv_ctx *ctx, const char *target, const char *action)
{
    FILE *out = ctx->out ? ctx->out : stdout;
    for (;;) {
        fprintf(out,
                "\nConfirm\nAre you sure you want to perform this action?\n"
                "Performing the operation \"%s\" on target \"%s\".\n"
                "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help "
                "(default is \"Y\"): ",
                action, target);
        fflush(out);
        char line[64];
        if (!fgets(line, sizeof line, stdin))
            return 'n';
        char c = line[0] == '\n' ? 'y' : (char)(line[0] | 0x20);
        if (strchr("yanls", c))
            return c;
        fputs("Y - Continue with only the next step of the operation.\n"
              "A - Continue with all the steps of the operation.\n"
              "N - Skip this operation and proceed with the next operation.\n"
              "L - Skip this operation and all subsequent operations.\n"
              "S - Pause the current pipeline and return to the command prompt. Type \"exit\" "
              "to resume the pipeline.\n",
              out);
    }
}

bool
hv_should_process(hv_cmd *cmd, const char *target, const char *action)
{
    hv_ctx *ctx = cmd->ctx;
    if (!action)
        action = cmd->def ? cmd->def->name : "";
    if (!target)
        target = "";
    bool whatif =
        cmd->bind.nsp && hv_cmd_bound(cmd, cmd->bind.nparams + cmd->bind.ncommon + HV_SP_WHATIF)
            ? cmd->whatif
            : whatif_pref(ctx);
    if (whatif) {
        HV_AUTO hv_value s =
            hv_strf("What if: Performing the operation \"%s\" on target \"%s\".", action, target);
        host_line(ctx, NULL, "", hv_str_cstr(&s));
        return false;
    }
    if (cmd->yes_all)
        return true;
    if (cmd->no_all)
        return false;
    if (!must_confirm(cmd))
        return true;
    if (ctx->non_interactive || !isatty(0)) {
        hv_pos pos = cmd->stage ? cmd->stage->pos : (hv_pos){0};
        hv_value rec = hv_err_make("System.Management.Automation.PSInvalidOperationException",
                                   "PowerShell is in NonInteractive mode. Read and Prompt "
                                   "functionality is not available.",
                                   HV_CAT_InvalidOperation, "InvalidOperation", NULL,
                                   cmd->def ? cmd->def->name : NULL, cmd->stage ? &pos : NULL);
        hv_status st = hv_write_error(cmd, rec);
        (void)st;
        return false;
    }
    switch (ask(ctx, target, action)) {
    case 'a':
        cmd->yes_all = true;
        return true;
    case 'y':
        return true;
    case 'l':
        cmd->no_all = true;
        return false;
    default:
        return false;
    }
}

bool
hv_stream_record_text(hv_ctx *ctx, const hv_value *v, hv_value *text)
{
    if (v->kind != HV_OBJECT)
        return false;
    if (hv_err_is_record(v)) {
        hv_value s = hv_err_view_text(ctx, v, false);
        size_t n = hv_str_len(&s);
        while (n && hv_str_cstr(&s)[n - 1] == '\n')
            n--;
        *text = hv_strn(hv_str_cstr(&s), n);
        hv_unref(s);
        return true;
    }
    const hv_obj_class *c = hv_obj_class_of(v);
    const char *prefix = c == &warning_class   ? "WARNING: "
                         : c == &verbose_class ? "VERBOSE: "
                         : c == &debug_class   ? "DEBUG: "
                         : c == &info_class    ? ""
                                               : NULL;
    if (!prefix)
        return false;
    HV_AUTO hv_value msg = record_to_string(v);
    *text = hv_strf("%s%s", prefix, hv_str_cstr(&msg));
    return true;
}
