/* errors.c — ErrorRecords (as HV_OBJECT values shaped like pwsh's), WriteError with
 * -ErrorAction / $ErrorActionPreference / -ErrorVariable / $Error, ThrowTerminatingError,
 * and the ConciseView display ($ErrorView default in pwsh 7.4). */
#include "errors.h"

#include "commands.h"
#include "pipe.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const category_names[HV_CAT__COUNT] = {
    "NotSpecified",        "OpenError",           "CloseError",       "DeviceError",
    "DeadlockDetected",    "InvalidArgument",     "InvalidData",      "InvalidOperation",
    "InvalidResult",       "InvalidType",         "MetadataError",    "NotImplemented",
    "NotInstalled",        "ObjectNotFound",      "OperationStopped", "OperationTimeout",
    "SyntaxError",         "ParserError",         "PermissionDenied", "ResourceBusy",
    "ResourceExists",      "ResourceUnavailable", "ReadError",        "WriteError",
    "FromStdErr",          "SecurityError",       "ProtocolError",    "ConnectionError",
    "AuthenticationError", "LimitsExceeded",      "QuotaExceeded",    "NotEnabled",
};
static const int32_t category_values[HV_CAT__COUNT] = {
    0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15,
    16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
};
static const hv_enum_def category_enum = {
    .type_name = "System.Management.Automation.ErrorCategory",
    .names = category_names,
    .values = category_values,
    .count = HV_CAT__COUNT,
};

const char *
hv_err_category_name(hv_err_category c)
{
    return (unsigned)c < HV_CAT__COUNT ? category_names[c] : "NotSpecified";
}

const hv_enum_def *
hv_err_category_enum(void)
{
    return &category_enum;
}

/* ---- exception types: a small hierarchy so `catch [RuntimeException]` etc. work ---- */

#define SMA "System.Management.Automation."
static const char *const base_exception[] = {"System.Exception", "System.Object", NULL};
static const char *const base_system[] = {"System.SystemException", "System.Exception",
                                          "System.Object", NULL};
static const char *const base_runtime[] = {SMA "RuntimeException", "System.SystemException",
                                           "System.Exception", "System.Object", NULL};
static const char *const base_session[] = {
    SMA "SessionStateException", SMA "RuntimeException", "System.SystemException",
    "System.Exception",          "System.Object",        NULL};
static const char *const base_binding[] = {SMA "ParameterBindingException",
                                           SMA "RuntimeException",
                                           "System.SystemException",
                                           "System.Exception",
                                           "System.Object",
                                           NULL};
static const char *const base_argument[] = {"System.ArgumentException", "System.SystemException",
                                            "System.Exception", "System.Object", NULL};
static const char *const base_io[] = {"System.IO.IOException", "System.SystemException",
                                      "System.Exception", "System.Object", NULL};
static const char *const base_invalidop[] = {"System.InvalidOperationException",
                                             "System.SystemException", "System.Exception",
                                             "System.Object", NULL};
static const char *const base_arith[] = {"System.ArithmeticException", "System.SystemException",
                                         "System.Exception", "System.Object", NULL};

static hv_value exception_to_string(const hv_value *self);
static const char *short_name(const char *full);

#define EXC(var, tn, bases)                                                                        \
    static const hv_obj_class var = {                                                              \
        .type_name = tn, .base_types = bases, .list_view = NULL, .to_string = exception_to_string}
EXC(exc_exception, "System.Exception", base_exception + 1);
EXC(exc_system, "System.SystemException", base_exception);
EXC(exc_runtime, SMA "RuntimeException", base_system);
EXC(exc_binding, SMA "ParameterBindingException", base_runtime);
EXC(exc_binding_val, SMA "ParameterBindingValidationException", base_binding);
EXC(exc_item_nf, SMA "ItemNotFoundException", base_session);
EXC(exc_session, SMA "SessionStateException", base_runtime);
EXC(exc_cmd_nf, SMA "CommandNotFoundException", base_runtime);
EXC(exc_stop, SMA "ActionPreferenceStopException", base_runtime);
EXC(exc_invocation, SMA "CmdletInvocationException", base_runtime);
EXC(exc_method_inv, SMA "MethodInvocationException", base_runtime);
EXC(exc_parse, SMA "ParseException", base_runtime);
EXC(exc_psargument, SMA "PSArgumentException", base_argument);
EXC(exc_invalidop, "System.InvalidOperationException", base_system);
EXC(exc_argument, "System.ArgumentException", base_system);
EXC(exc_arg_null, "System.ArgumentNullException", base_argument);
EXC(exc_arg_range, "System.ArgumentOutOfRangeException", base_argument);
EXC(exc_io, "System.IO.IOException", base_system);
EXC(exc_fnf, "System.IO.FileNotFoundException", base_io);
EXC(exc_dnf, "System.IO.DirectoryNotFoundException", base_io);
EXC(exc_unauth, "System.UnauthorizedAccessException", base_system);
EXC(exc_notsup, "System.NotSupportedException", base_system);
EXC(exc_notimpl, "System.NotImplementedException", base_system);
EXC(exc_divzero, "System.DivideByZeroException", base_arith);
EXC(exc_format, "System.FormatException", base_system);
EXC(exc_virt, "Microsoft.HyperV.PowerShell.VirtualizationException", base_exception);
EXC(exc_cim, "Microsoft.Management.Infrastructure.CimException", base_system);
EXC(exc_remote, SMA "RemoteException", base_runtime);
EXC(exc_win32, "System.ComponentModel.Win32Exception", base_system);
/* further types scripts commonly throw/catch by name */
EXC(exc_invalidcast, "System.InvalidCastException", base_system);
EXC(exc_timeout, "System.TimeoutException", base_system);
EXC(exc_index, "System.IndexOutOfRangeException", base_system);
EXC(exc_nullref, "System.NullReferenceException", base_system);
EXC(exc_keynf, "System.Collections.Generic.KeyNotFoundException", base_system);
EXC(exc_opcancel, "System.OperationCanceledException", base_system);
EXC(exc_app, "System.ApplicationException", base_exception);
EXC(exc_psinvalidop, SMA "PSInvalidOperationException", base_invalidop);
/* Write-Error's default exception, and the CDXML (Net*) cmdlets' not-found exception */
EXC(exc_setvalue, SMA "SetValueInvocationException", base_runtime);
EXC(exc_validation_md, SMA "ValidationMetadataException", base_runtime);
EXC(exc_writeerror, "Microsoft.PowerShell.Commands.WriteErrorException", base_system);
EXC(exc_cimjob, "Microsoft.PowerShell.Cmdletization.Cim.CimJobException", base_system);

static const hv_obj_class *const known_exceptions[] = {
    &exc_exception,  &exc_system,    &exc_runtime,  &exc_binding,    &exc_binding_val, &exc_item_nf,
    &exc_session,    &exc_cmd_nf,    &exc_stop,     &exc_invocation, &exc_method_inv,  &exc_parse,
    &exc_psargument, &exc_invalidop, &exc_argument, &exc_arg_null,   &exc_arg_range,   &exc_io,
    &exc_fnf,        &exc_dnf,       &exc_unauth,   &exc_notsup,     &exc_notimpl,     &exc_divzero,
    &exc_format,     &exc_virt,      &exc_cim,      &exc_remote,     &exc_win32,
    &exc_invalidcast, &exc_timeout,  &exc_index,    &exc_nullref,    &exc_keynf,       &exc_opcancel,
    &exc_app,        &exc_psinvalidop, &exc_writeerror, &exc_cimjob,
    &exc_setvalue,   &exc_validation_md, NULL,
};

static hv_value
exception_to_string(const hv_value *self)
{
    const hv_value *m = hv_obj_get(self, "Message");
    const char *tn = hv_obj_typename_count(self) ? hv_obj_typename_at(self, 0) : "System.Exception";
    return hv_strf("%s: %s", tn, m && m->kind == HV_STRING ? hv_str_cstr(m) : "");
}

static hv_value
new_exception(const char *type, const char *message)
{
    if (!type || !*type)
        type = SMA "RuntimeException";
    const hv_obj_class *cls = NULL;
    for (size_t i = 0; known_exceptions[i] && !cls; i++)
        if (hv_str_eq_ci(known_exceptions[i]->type_name, type))
            cls = known_exceptions[i];
    hv_value e = hv_obj_new(cls ? cls : &exc_exception);
    if (!cls)
        hv_obj_add_typename(&e, type);
    hv_obj_set(&e, "Message", hv_str(message));
    hv_obj_set(&e, "InnerException", hv_null());
    hv_obj_set(&e, "Source", hv_null());
    hv_obj_set(&e, "HResult", hv_int(-2146233087));
    return e;
}

/* The exception types script code can name ([System.ArgumentException]::new(...), catch
 * [IOException]): the canonical full name for a full, "System."-less or last-segment name. */
const char *
hv_err_exception_type_named(const char *name, size_t len)
{
    for (size_t i = 0; known_exceptions[i]; i++) {
        const char *full = known_exceptions[i]->type_name;
        size_t fl = strlen(full);
        if (hv_strn_eq_ci(full, fl, name, len))
            return full;
        if (fl > 7 && hv_strn_eq_ci(full + 7, fl - 7, name, len) &&
            hv_strn_eq_ci(full, 7, "System.", 7))
            return full;
        const char *last = short_name(full);
        if (hv_strn_eq_ci(last, strlen(last), name, len))
            return full;
    }
    return NULL;
}

/* A new exception object as .NET's constructors make it: no message = the default text. */
hv_value
hv_err_exception_new(const char *type, const char *message, const hv_value *inner)
{
    char dflt[300];
    if (!message) {
        if (hv_str_eq_ci(type, "System.ArgumentNullException"))
            message = "Value cannot be null.";
        else if (hv_str_eq_ci(type, "System.ArgumentOutOfRangeException"))
            message = "Specified argument was out of the range of valid values.";
        else if (hv_str_eq_ci(type, "System.ArgumentException"))
            message = "Value does not fall within the expected range.";
        else if (hv_str_eq_ci(type, "System.InvalidOperationException"))
            message = "Operation is not valid due to the current state of the object.";
        else if (hv_str_eq_ci(type, "System.NotImplementedException"))
            message = "The method or operation is not implemented.";
        else if (hv_str_eq_ci(type, "System.NotSupportedException"))
            message = "Specified method is not supported.";
        else {
            snprintf(dflt, sizeof dflt, "Exception of type '%s' was thrown.", type);
            message = dflt;
        }
    }
    hv_value e = new_exception(type, message);
    if (inner && inner->kind != HV_NULL)
        hv_obj_set(&e, "InnerException", hv_ref(inner));
    return e;
}

/* ---- CategoryInfo / InvocationInfo / ErrorRecord classes ---- */

static const char *
short_name(const char *full)
{
    const char *d = strrchr(full, '.');
    return d ? d + 1 : full;
}

static const char *
sget(const hv_value *o, const char *name)
{
    const hv_value *v = o && o->kind == HV_OBJECT ? hv_obj_get(o, name) : NULL;
    return v && v->kind == HV_STRING ? hv_str_cstr(v) : "";
}

static hv_value
category_to_string(const hv_value *self)
{
    const hv_value *c = hv_obj_get(self, "Category");
    const char *cat = c ? hv_enum_name(c) : NULL;
    return hv_strf("%s: (%s:%s) [%s], %s", cat ? cat : "NotSpecified", sget(self, "TargetName"),
                   sget(self, "TargetType"), sget(self, "Activity"), sget(self, "Reason"));
}

static const hv_obj_class category_class = {
    .type_name = SMA "ErrorCategoryInfo",
    .to_string = category_to_string,
};

static hv_value
invocation_to_string(const hv_value *self)
{
    (void)self;
    return hv_str(SMA "InvocationInfo");
}

static const hv_obj_class invocation_class = {
    .type_name = SMA "InvocationInfo",
    .to_string = invocation_to_string,
};

/* Hidden details of a record (not properties, so Format-List shows what pwsh shows). */
typedef struct {
    uint32_t end_line, end_col;
    bool thrown;
} err_native;

static hv_value
record_to_string(const hv_value *self)
{
    return hv_str(hv_err_message(self));
}

static const char *const record_list_view[] = {
    "Exception", "TargetObject", "CategoryInfo", "FullyQualifiedErrorId", "InvocationInfo", NULL};

static const hv_obj_class record_class = {
    .type_name = SMA "ErrorRecord",
    .list_view = record_list_view,
    .to_string = record_to_string,
    .finalize = free,
};

bool
hv_err_is_record(const hv_value *v)
{
    return v && v->kind == HV_OBJECT && hv_obj_class_of(v) == &record_class;
}

static const hv_value *
rget(const hv_value *rec, const char *name)
{
    return rec->kind == HV_OBJECT ? hv_obj_get(rec, name) : NULL;
}

const char *
hv_err_message(const hv_value *rec)
{
    const hv_value *e = rget(rec, "Exception");
    const char *m = sget(e, "Message");
    return m;
}

const char *
hv_err_exception_type(const hv_value *rec)
{
    const hv_value *e = rget(rec, "Exception");
    if (!e || e->kind != HV_OBJECT)
        return SMA "RuntimeException";
    return hv_obj_typename_count(e) ? hv_obj_typename_at(e, 0) : SMA "RuntimeException";
}

bool
hv_err_is_a(const hv_value *rec, const char *type_name)
{
    const hv_value *e = rget(rec, "Exception");
    if (!e || e->kind != HV_OBJECT)
        return false;
    for (size_t i = 0; i < hv_obj_typename_count(e); i++) {
        const char *t = hv_obj_typename_at(e, i);
        if (hv_str_eq_ci(t, type_name) || hv_str_eq_ci(short_name(t), type_name))
            return true;
    }
    return false;
}

const char *
hv_err_fqid(const hv_value *rec)
{
    const hv_value *v = rget(rec, "FullyQualifiedErrorId");
    return v && v->kind == HV_STRING ? hv_str_cstr(v) : NULL;
}

void
hv_err_set_thrown(hv_value *rec)
{
    err_native *n = hv_err_is_record(rec) ? hv_obj_native(rec) : NULL;
    if (n)
        n->thrown = true;
}

bool
hv_err_was_thrown(const hv_value *rec)
{
    err_native *n = hv_err_is_record(rec) ? hv_obj_native(rec) : NULL;
    return n && n->thrown;
}

static hv_value
target_type(const hv_value *t)
{
    if (!t || t->kind == HV_NULL)
        return hv_str("");
    return hv_str(short_name(hv_type_name_of(t)));
}

static hv_value
make_category(hv_err_category cat, const char *activity, const char *reason, const hv_value *target)
{
    hv_value c = hv_obj_new(&category_class);
    hv_obj_set(&c, "Category", hv_enum(&category_enum, (int32_t)cat));
    hv_obj_set(&c, "Activity", hv_str(activity ? activity : ""));
    hv_obj_set(&c, "Reason", hv_str(reason));
    hv_obj_set(&c, "TargetName",
               target && target->kind != HV_NULL ? hv_conv_to_string(target, NULL) : hv_str(""));
    hv_obj_set(&c, "TargetType", target_type(target));
    return c;
}

/* "At /path/x.ps1:3 char:5" + the line + the ~~~ marker, as InvocationInfo.PositionMessage. */
static hv_value
position_message(const hv_pos *pos)
{
    if (!pos || !pos->line)
        return hv_str("");
    hv_buf b = {0};
    if (pos->script && pos->script[0])
        hv_buf_printf(&b, "At %s:%u char:%u", pos->script, pos->line, pos->col);
    else
        hv_buf_printf(&b, "At line:%u char:%u", pos->line, pos->col);
    if (pos->line_text) {
        size_t n = pos->line_len;
        while (n && (pos->line_text[n - 1] == ' ' || pos->line_text[n - 1] == '\r'))
            n--;
        hv_buf_puts(&b, "\n+ ");
        hv_buf_put(&b, pos->line_text, n);
        hv_buf_puts(&b, "\n+ ");
        for (uint32_t i = 1; i < pos->col; i++)
            hv_buf_putc(&b, ' ');
        uint32_t end = pos->end_line == pos->line && pos->end_col > pos->col
                           ? pos->end_col
                           : (uint32_t)hv_utf16_len(pos->line_text, n) + 1;
        for (uint32_t i = pos->col; i < end; i++)
            hv_buf_putc(&b, '~');
    }
    return hv_buf_finish(&b);
}

static hv_value
cmdref_to_string(const hv_value *self)
{
    const hv_value *n = hv_obj_get(self, "Name");
    return n ? hv_ref(n) : hv_str("");
}

/* InvocationInfo.MyCommand: enough of a CommandInfo for .Name and "$($x.MyCommand)". */
static const hv_obj_class cmdref_class = {
    .type_name = SMA "CommandInfo",
    .to_string = cmdref_to_string,
};

static hv_value
command_ref(const char *command)
{
    hv_value c = hv_obj_new(&cmdref_class);
    hv_obj_set(&c, "Name", hv_str(command));
    return c;
}

static hv_value
make_invocation(const char *command, const hv_pos *pos)
{
    hv_value inv = hv_obj_new(&invocation_class);
    hv_obj_set(&inv, "MyCommand", command ? command_ref(command) : hv_null());
    hv_obj_set(&inv, "ScriptName", hv_str(pos && pos->script ? pos->script : ""));
    hv_obj_set(&inv, "ScriptLineNumber", hv_int(pos ? (int32_t)pos->line : 0));
    hv_obj_set(&inv, "OffsetInLine", hv_int(pos ? (int32_t)pos->col : 0));
    hv_obj_set(&inv, "Line",
               pos && pos->line_text ? hv_strn(pos->line_text, pos->line_len) : hv_str(""));
    hv_obj_set(&inv, "PositionMessage", position_message(pos));
    hv_obj_set(&inv, "InvocationName", hv_str(command ? command : ""));
    return inv;
}

hv_value
hv_err_make(const char *exception_type, const char *message, hv_err_category cat, const char *fqid,
            const hv_value *target, const char *command, const hv_pos *pos)
{
    if (!exception_type || !*exception_type)
        exception_type = SMA "RuntimeException";
    hv_value rec = hv_obj_new(&record_class);
    err_native *n = hv_xcalloc(1, sizeof *n);
    if (pos) {
        n->end_line = pos->end_line;
        n->end_col = pos->end_col;
    }
    hv_obj_set_native(&rec, n);
    hv_obj_set(&rec, "Exception", new_exception(exception_type, message));
    hv_obj_set(&rec, "TargetObject", target ? hv_ref(target) : hv_null());
    hv_obj_set(&rec, "CategoryInfo",
               make_category(cat, command, short_name(exception_type), target));
    hv_obj_set(&rec, "FullyQualifiedErrorId", hv_str(fqid ? fqid : ""));
    hv_obj_set(&rec, "ErrorDetails", hv_null());
    hv_obj_set(&rec, "InvocationInfo", make_invocation(command, pos));
    hv_value st =
        pos && pos->line
            ? hv_strf("at <ScriptBlock>, %s: line %u",
                      pos->script && pos->script[0] ? pos->script : "<No file>", pos->line)
            : hv_str("");
    hv_obj_set(&rec, "ScriptStackTrace", st);
    hv_obj_set(&rec, "PipelineIterationInfo", hv_array_new(0));
    return rec;
}

/* [System.Management.Automation.ErrorRecord]::new(exception, errorId, category, target) */
hv_value
hv_err_record_new(const hv_value *exception, const char *fqid, hv_err_category cat,
                  const hv_value *target)
{
    const char *type = NULL, *msg = "";
    if (exception && exception->kind == HV_OBJECT) {
        if (hv_obj_typename_count(exception))
            type = hv_obj_typename_at(exception, 0);
        const hv_value *m = hv_obj_get(exception, "Message");
        if (m && m->kind == HV_STRING)
            msg = hv_str_cstr(m);
    }
    hv_value rec = hv_err_make(type ? type : "System.Exception", msg, cat, fqid,
                               target && target->kind != HV_NULL ? target : NULL, NULL, NULL);
    if (type)
        hv_obj_set(&rec, "Exception", hv_ref(exception));
    return rec;
}

hv_value
hv_err_new(hv_ctx *ctx, const char *exception_type, hv_err_category cat, const char *error_id,
           const hv_value *target, const hv_pos *pos, const char *fmt, ...)
{
    (void)ctx;
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        abort();
    va_end(ap);
    hv_value rec =
        hv_err_make(exception_type, msg, cat, error_id, target, pos ? pos->command : NULL, pos);
    free(msg);
    return rec;
}

/* ---- the SDK constructors (cmdlets) ---- */

/* The command part of a FullyQualifiedErrorId as pwsh forms it: the cmdlet's .NET class
 * for pwsh's own modules ("Microsoft.PowerShell.Commands.GetVariableCommand") and for
 * Hyper-V ("Microsoft.HyperV.PowerShell.Commands.GetVM"); the command name for functions
 * and CDXML modules (NetTCPIP, NetNat ...). */
const char *
hv_err_command_id(hv_ctx *ctx, const hv_cmdlet_def *def, char *buf, size_t n)
{
    if (!def || !def->name)
        return "";
    const char *mod = ctx && !(def->flags & HV_CF_FUNCTION) ? hv_cmds_module_of(ctx, def) : "";
    char vn[128];
    size_t k = 0;
    for (const char *p = def->name; *p && k + 1 < sizeof vn; p++)
        if (*p != '-')
            vn[k++] = *p;
    vn[k] = 0;
    if (strncmp(mod, "Microsoft.PowerShell.", 21) == 0)
        snprintf(buf, n, "Microsoft.PowerShell.Commands.%sCommand", vn);
    else if (hv_str_eq_ci(mod, "Hyper-V"))
        snprintf(buf, n, "Microsoft.HyperV.PowerShell.Commands.%s", vn);
    else if (hv_str_eq_ci(mod, "CimCmdlets"))
        snprintf(buf, n, "Microsoft.Management.Infrastructure.CimCmdlets.%sCommand", vn);
    else if (hv_str_eq_ci(mod, "DnsClient") && hv_str_eq_ci(def->name, "Resolve-DnsName"))
        /* the one binary cmdlet of DnsClient; the others are CDXML and carry their name */
        snprintf(buf, n, "Microsoft.DnsClient.Commands.%s", vn);
    else
        snprintf(buf, n, "%s", def->name);
    return buf;
}

static hv_value
cmd_error(hv_cmd *cmd, const char *exc, hv_err_category cat, const char *error_id,
          const hv_value *target, const char *msg)
{
    const char *name = cmd && cmd->def ? cmd->def->name : NULL;
    char fqid[300], cid[200];
    const char *id =
        cmd && cmd->def ? hv_err_command_id(cmd->ctx, cmd->def, cid, sizeof cid) : NULL;
    snprintf(fqid, sizeof fqid, "%s%s%s", error_id ? error_id : "", id ? "," : "", id ? id : "");
    hv_pos pos = {0};
    if (cmd && cmd->stage)
        pos = cmd->stage->pos;
    return hv_err_make(exc, msg, cat, fqid, target, name, cmd && cmd->stage ? &pos : NULL);
}

hv_value
hv_error_new(hv_cmd *cmd, hv_err_category cat, const char *error_id, const hv_value *target,
             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        abort();
    va_end(ap);
    hv_value rec = cmd_error(cmd, NULL, cat, error_id, target, msg);
    free(msg);
    return rec;
}

hv_value
hv_error_new_ex(hv_cmd *cmd, const char *exception_type, hv_err_category cat, const char *error_id,
                const hv_value *target, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        abort();
    va_end(ap);
    hv_value rec = cmd_error(cmd, exception_type, cat, error_id, target, msg);
    free(msg);
    return rec;
}

hv_value
hv_err_from_thrown(hv_ctx *ctx, hv_value v, const hv_pos *pos)
{
    (void)ctx;
    if (hv_err_is_record(&v))
        return v;
    hv_value rec;
    if (v.kind == HV_OBJECT && hv_obj_get(&v, "Message") && hv_obj_typename_count(&v) &&
        strstr(hv_obj_typename_at(&v, 0), "Exception")) {
        /* an exception object: wrap it as is */
        rec = hv_err_make(NULL, "", HV_CAT_NotSpecified, "", NULL, NULL, pos);
        const char *tn = hv_obj_typename_at(&v, 0);
        hv_obj_set(&rec, "FullyQualifiedErrorId", hv_str(short_name(tn)));
        hv_obj_set(&rec, "CategoryInfo",
                   make_category(HV_CAT_NotSpecified, NULL, short_name(tn), NULL));
        hv_obj_set(&rec, "Exception", v);
    } else {
        HV_AUTO hv_value s = hv_conv_to_string(&v, NULL);
        rec = hv_err_make(SMA "RuntimeException", hv_str_cstr(&s), HV_CAT_OperationStopped,
                          hv_str_cstr(&s), &v, NULL, pos);
        hv_unref(v);
    }
    hv_err_set_thrown(&rec);
    return rec;
}

/* ---- $Error ---- */

void
hv_err_record(hv_ctx *ctx, const hv_value *rec)
{
    if (ctx->error_list.kind != HV_ARRAY)
        return;
    int64_t max = 256;
    HV_AUTO hv_value m = hv_var_get(ctx, "MaximumErrorCount");
    if (m.kind == HV_INT && hv_int_of(&m) > 0)
        max = hv_int_of(&m);
    hv_array_insert(&ctx->error_list, 0, hv_ref(rec));
    if ((int64_t)hv_array_len(&ctx->error_list) > max)
        hv_array_truncate(&ctx->error_list, (size_t)max);
}

/* ---- the concise view ---- */

bool
hv_err_use_color(hv_ctx *ctx)
{
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        return false;
    FILE *f = ctx && ctx->errout ? ctx->errout : stderr;
    const char *term = getenv("TERM");
    return isatty(fileno(f)) && !(term && strcmp(term, "dumb") == 0);
}

/* The word before the colon, in the order of pwsh's ConciseView: "Exception" for `throw`;
 * the command of the InvocationInfo when it is a real command (a function or cmdlet, not a
 * script file); CategoryInfo.Activity; the command anyway; the category unless
 * NotSpecified; the exception's short type name. */
static const char *
concise_reason(hv_ctx *ctx, const hv_value *rec, char *buf, size_t n)
{
    const hv_value *inv = rget(rec, "InvocationInfo");
    const hv_value *ci = rget(rec, "CategoryInfo");
    const hv_value *cmd = inv && inv->kind == HV_OBJECT ? hv_obj_get(inv, "MyCommand") : NULL;
    if (hv_err_was_thrown(rec))
        return "Exception";
    HV_AUTO hv_value cname =
        cmd && cmd->kind != HV_NULL ? hv_conv_to_string(cmd, NULL) : hv_str("");
    hv_cmdinfo info;
    if (hv_str_len(&cname) && ctx && ctx->cmds &&
        hv_command_lookup(ctx, hv_str_cstr(&cname), &info)) {
        snprintf(buf, n, "%s", hv_str_cstr(&cname));
        return buf;
    }
    const char *activity = sget(ci, "Activity");
    if (*activity)
        return activity;
    if (hv_str_len(&cname)) {
        snprintf(buf, n, "%s", hv_str_cstr(&cname));
        return buf;
    }
    const hv_value *c = ci && ci->kind == HV_OBJECT ? hv_obj_get(ci, "Category") : NULL;
    const char *cat = c ? hv_enum_name(c) : NULL;
    if (c && c->kind == HV_ENUM && c->aux != HV_CAT_NotSpecified && cat)
        return cat;
    const char *reason = sget(ci, "Reason");
    return *reason ? reason : "Error";
}

/* Get-TruncatedString of the format script: cut at `len`, then drop the partial word. */
static size_t
truncate_at_word(const char *s, size_t n, size_t len)
{
    if (n <= len)
        return n;
    size_t cut = len;
    while (cut > 0 && s[cut - 1] != ' ' && s[cut - 1] != '\t')
        cut--;
    return cut ? cut - 1 : len;
}

static void
put_wrapped_message(hv_buf *b, const char *msg, size_t width)
{
    const char *prefix = "     | ";
    size_t plen = strlen(prefix);
    size_t n = strlen(msg);
    /* newlines and tabs in the message are folded to spaces in this view */
    char *m = hv_xstrndup(msg, n);
    for (size_t i = 0; i < n; i++)
        if (m[i] == '\n' || m[i] == '\r' || m[i] == '\t')
            m[i] = ' ';
    size_t off = 0;
    bool first = true;
    while (off < n) {
        size_t avail = width > plen ? width - plen : 40;
        size_t rest = n - off;
        size_t take = rest + plen > width ? truncate_at_word(m + off, rest, avail) : rest;
        if (take == 0)
            take = rest < avail ? rest : avail;
        size_t keep = take;
        if (n + plen > width) /* the wrapped form trims each piece, as the view does */
            while (keep && m[off + keep - 1] == ' ')
                keep--;
        hv_buf_puts(b, prefix);
        hv_buf_put(b, m + off, keep);
        hv_buf_putc(b, '\n');
        off += take;
        while (off < n && m[off] == ' ')
            off++;
        first = false;
    }
    if (first)
        hv_buf_printf(b, "%s\n", prefix);
    free(m);
}

static int
host_width(hv_ctx *ctx)
{
    const char *c = getenv("COLUMNS");
    if (c && atoi(c) > 0)
        return atoi(c);
    return ctx ? hv_host_width(ctx) : 120;
}

hv_value
hv_err_concise(hv_ctx *ctx, const hv_value *rec, bool color)
{
    hv_buf b = {0};
    const char *red = color ? "\x1b[31;1m" : "", *cyan = color ? "\x1b[36;1m" : "",
               *reset = color ? "\x1b[0m" : "";
    char rbuf[256];
    const char *reason = concise_reason(ctx, rec, rbuf, sizeof rbuf);
    const char *msg = hv_err_message(rec);
    const char *fqid = hv_err_fqid(rec);
    if (fqid && (strncmp(fqid, "NativeCommandError", 18) == 0)) {
        hv_buf_printf(&b, "%s%s%s\n", red, msg, reset);
        return hv_buf_finish(&b);
    }
    const hv_value *inv = rget(rec, "InvocationInfo");
    const char *script = sget(inv, "ScriptName");
    const hv_value *lnv =
        inv && inv->kind == HV_OBJECT ? hv_obj_get(inv, "ScriptLineNumber") : NULL;
    int line = lnv && lnv->kind == HV_INT ? (int)hv_int_of(lnv) : 0;
    /* the Line | block: for scripts, for line > 1 of interactive input, and for parse
     * errors; never inside .psm1 modules (users don't want module internals) */
    const hv_value *ci = rget(rec, "CategoryInfo");
    const hv_value *cv = ci && ci->kind == HV_OBJECT ? hv_obj_get(ci, "Category") : NULL;
    bool parse_error = cv && cv->kind == HV_ENUM && cv->aux == HV_CAT_ParserError;
    size_t sl = strlen(script);
    bool in_module = sl > 5 && hv_str_eq_ci(script + sl - 5, ".psm1");
    if (!(*script || line > 1 || parse_error) || line <= 0 || in_module) {
        hv_buf_printf(&b, "%s%s: %s%s\n", red, reason, msg, reset);
        return hv_buf_finish(&b);
    }
    const hv_value *colv = hv_obj_get(inv, "OffsetInLine");
    int col = colv && colv->kind == HV_INT ? (int)hv_int_of(colv) : 1;
    const char *text = sget(inv, "Line");
    size_t tl = strlen(text);
    while (tl && (text[tl - 1] == ' ' || text[tl - 1] == '\r' || text[tl - 1] == '\n'))
        tl--;
    err_native *nat = hv_obj_native(rec);
    int ulen;
    if (nat && nat->end_line == (uint32_t)line && nat->end_col > (uint32_t)col)
        ulen = (int)nat->end_col - col;
    else
        ulen = (int)hv_utf16_len(text, tl) - col + 1;
    if (ulen < 1)
        ulen = 1;
    if (*script)
        hv_buf_printf(&b, "%s%s: %s%s%s:%d\n", red, reason, reset, cyan, script, line);
    else
        hv_buf_printf(&b, "%s%s: %s\n", red, reason, reset);
    hv_buf_printf(&b, "%sLine |\n", cyan);
    hv_buf_printf(&b, "%s%4d |%s  ", cyan, line, reset);
    hv_buf_put(&b, text, tl);
    hv_buf_printf(&b, "\n%s     |%s  ", cyan, red);
    for (int i = 1; i < col; i++)
        hv_buf_putc(&b, ' ');
    for (int i = 0; i < ulen; i++)
        hv_buf_putc(&b, '~');
    hv_buf_printf(&b, "%s\n", reset);
    if (color)
        hv_buf_printf(&b, "%s", red);
    /* the view wraps long messages only when it shows a script position (or a parse error) */
    put_wrapped_message(&b, msg,
                        *script || parse_error ? (size_t)host_width(ctx) : (size_t)1 << 30);
    if (color)
        hv_buf_printf(&b, "%s", reset);
    return hv_buf_finish(&b);
}

void
hv_err_display(hv_ctx *ctx, const hv_value *rec)
{
    if (!hv_err_is_record(rec)) {
        HV_AUTO hv_value s = hv_conv_to_string(rec, NULL);
        hv_host_write(ctx, true, hv_str_cstr(&s), hv_str_len(&s));
        hv_host_write(ctx, true, "\n", 1);
        return;
    }
    HV_AUTO hv_value s = hv_err_view_text(ctx, rec, hv_err_use_color(ctx));
    hv_host_write(ctx, true, hv_str_cstr(&s), hv_str_len(&s));
}

/* $ErrorView = 'NormalView': the Windows PowerShell layout. */
static hv_value
normal_view(const hv_value *rec)
{
    hv_buf b = {0};
    const hv_value *inv = rget(rec, "InvocationInfo");
    const hv_value *cmd = inv && inv->kind == HV_OBJECT ? hv_obj_get(inv, "MyCommand") : NULL;
    HV_AUTO hv_value cname =
        cmd && cmd->kind != HV_NULL ? hv_conv_to_string(cmd, NULL) : hv_str("");
    if (hv_str_len(&cname))
        hv_buf_printf(&b, "%s : ", hv_str_cstr(&cname));
    hv_buf_printf(&b, "%s\n", hv_err_message(rec));
    const char *pm = sget(inv, "PositionMessage");
    if (*pm)
        hv_buf_printf(&b, "%s\n", pm);
    HV_AUTO hv_value ci = hv_conv_to_string(rget(rec, "CategoryInfo"), NULL);
    const char *fq = hv_err_fqid(rec);
    hv_buf_printf(&b, "    + CategoryInfo          : %s\n    + FullyQualifiedErrorId : %s\n",
                  hv_str_cstr(&ci), fq ? fq : "");
    return hv_buf_finish(&b);
}

hv_value
hv_err_view_text(hv_ctx *ctx, const hv_value *rec, bool color)
{
    HV_AUTO hv_value view = ctx && ctx->cmds ? hv_var_get(ctx, "ErrorView") : hv_null();
    HV_AUTO hv_value vs = hv_conv_to_string(&view, NULL);
    if (hv_str_eq_ci(hv_str_cstr(&vs), "CategoryView")) {
        HV_AUTO hv_value ci = hv_conv_to_string(rget(rec, "CategoryInfo"), NULL);
        return hv_strf("%s\n", hv_str_cstr(&ci));
    }
    if (hv_str_eq_ci(hv_str_cstr(&vs), "NormalView"))
        return normal_view(rec);
    return hv_err_concise(ctx, rec, color);
}

/* ---- WriteError / ThrowTerminatingError ---- */

/* Send a non-terminating error to where stream 2 of cmd goes. */
static hv_status
route_error(hv_ctx *ctx, hv_cmd *cmd, hv_value rec)
{
    hv_cmd *owner = NULL;
    const hv_stream_redir *r = cmd ? hv_pipe_redir_of(cmd, 2, &owner) : NULL;
    if (!r) {
        hv_err_display(ctx, &rec);
        hv_unref(rec);
        return HV_OK;
    }
    if (r->mode == HV_RD_MERGE)
        return hv_emit(owner, rec);
    if (r->mode == HV_RD_FILE && r->f) {
        hv_pipe_flush_file_output(owner, r->f);
        HV_AUTO hv_value s = hv_err_view_text(ctx, &rec, false);
        fwrite(hv_str_cstr(&s), 1, hv_str_len(&s), r->f);
    }
    hv_unref(rec);
    return HV_OK;
}

/* Write-Error attributes its record to the code that called it, as pwsh's
 * WriteErrorCommand does with the caller's $MyInvocation: InvocationInfo (command name and
 * call-site position) and the command part of the FullyQualifiedErrorId come from the
 * enclosing function or script; CategoryInfo.Activity stays "Write-Error". */
static void
attribute_to_caller(hv_cmd *cmd, hv_value *rec)
{
    hv_cmd *caller = cmd->parent;
    while (caller && !(caller->def && caller->def->name && caller->def->name[0] &&
                       (caller->def->flags & HV_CF_FUNCTION)))
        caller = caller->parent;
    const hv_value *f = hv_obj_get(rec, "FullyQualifiedErrorId");
    const char *fq = f && f->kind == HV_STRING ? hv_str_cstr(f) : "";
    const char *comma = strchr(fq, ',');
    HV_AUTO hv_value base = comma ? hv_strn(fq, (size_t)(comma - fq)) : hv_str(fq);
    if (!caller) {
        hv_obj_set(rec, "FullyQualifiedErrorId", hv_ref(&base));
        hv_obj_set(rec, "InvocationInfo", make_invocation(NULL, NULL));
        return;
    }
    const char *name = caller->def->name;
    if (caller->def->flags & HV_CF_SCRIPT) {
        const char *slash = strrchr(name, '/');
        name = slash ? slash + 1 : name;
    }
    hv_obj_set(rec, "FullyQualifiedErrorId", hv_strf("%s,%s", hv_str_cstr(&base), name));
    hv_pos pos = caller->stage ? caller->stage->pos : (hv_pos){0};
    hv_obj_set(rec, "InvocationInfo", make_invocation(name, caller->stage ? &pos : NULL));
    err_native *n = hv_obj_native(rec);
    if (n) {
        n->end_line = pos.end_line;
        n->end_col = pos.end_col;
    }
}

static hv_status
write_error(hv_ctx *ctx, hv_cmd *cmd, hv_value rec)
{
    if (cmd && cmd->def && cmd->def->name && strcmp(cmd->def->name, "Write-Error") == 0 &&
        hv_err_is_record(&rec) && hv_value_refcount(&rec) == 1)
        attribute_to_caller(cmd, &rec);
    hv_action act = hv_pipe_action(ctx, cmd, HV_PREF_ERROR);
    /* the command and the functions it runs inside all "wrote an error" ($? false),
     * and their -ErrorVariable lists collect it */
    for (hv_cmd *c = cmd; c; c = c->parent) {
        if (c != cmd && !(c->def && (c->def->flags & HV_CF_FUNCTION)))
            break;
        c->wrote_error = true;
        /* Ignore keeps the error out of $Error and of -ErrorVariable alike */
        if (c->errvar_list.kind == HV_ARRAY && act != HV_ACT_IGNORE)
            hv_array_push(&c->errvar_list, hv_ref(&rec));
    }
    ctx->last_success = false;
    if (act == HV_ACT_INQUIRE && (ctx->non_interactive || !ctx->interactive))
        act = HV_ACT_STOP;
    switch (act) {
    case HV_ACT_STOP:
    case HV_ACT_INQUIRE:
        /* ActionPreferenceStopException semantics: catch sees the original record */
        return hv_eval_raise(ctx, rec, true);
    case HV_ACT_IGNORE:
        hv_unref(rec);
        return HV_OK;
    case HV_ACT_SILENTLY_CONTINUE:
        hv_err_record(ctx, &rec);
        hv_unref(rec);
        return HV_OK;
    default:
        hv_err_record(ctx, &rec);
        return route_error(ctx, cmd, rec);
    }
}

hv_status
hv_write_error(hv_cmd *cmd, hv_value record)
{
    return write_error(cmd->ctx, cmd, record);
}

hv_status
hv_err_write(hv_ctx *ctx, hv_value rec)
{
    return write_error(ctx, ctx->cur_cmd, rec);
}

hv_status
hv_throw(hv_cmd *cmd, hv_value record)
{
    cmd->wrote_error = true;
    return hv_eval_raise(cmd->ctx, record, false);
}
