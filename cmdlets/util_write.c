/* util_write.c — Write-Output, Write-Host, Write-Error/Warning/Verbose/Debug/Information,
 * Write-Progress, Out-Null, Out-String, Out-Host, Out-Default, Read-Host. */
#include "cmdlets/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const char *const console_colors[] = {
    "Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow",
    "Gray", "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White", NULL};

static const char *const err_categories[] = {
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected",
    "InvalidArgument", "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType",
    "MetadataError", "NotImplemented", "NotInstalled", "ObjectNotFound", "OperationStopped",
    "OperationTimeout", "SyntaxError", "ParserError", "PermissionDenied", "ResourceBusy",
    "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError", "FromStdErr",
    "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
    "LimitsExceeded", "QuotaExceeded", "NotEnabled", NULL};

/* ======================================================================================
 * Write-Output
 * ====================================================================================== */
enum { WO_INPUT, WO_NOENUM, WO__N };
static const hv_param_def wo_params[WO__N + 1] = {
    [WO_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_REMAINING | HV_PF_ARRAY,
                  .help = "Specifies the objects to send down the pipeline. Enter a variable "
                          "that contains the objects, or type a command or expression that "
                          "gets the objects."},
    [WO_NOENUM] = {.name = "NoEnumerate", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "By default, the Write-Output cmdlet always enumerates its output. "
                           "The NoEnumerate parameter suppresses the default behavior, and "
                           "prevents Write-Output from enumerating output."},
    [WO__N] = {.name = NULL},
};

static hv_status
wo_process(hv_cmd *cmd, const hv_value *input)
{
    const hv_value *v = hv_cmd_arg(cmd, WO_INPUT);
    if (!v)
        v = input;
    if (v->kind == HV_NULL)
        return HV_OK;
    if (hv_cmd_switch(cmd, WO_NOENUM)) {
        if (v->kind == HV_ARRAY && hv_array_len(v) == 1)
            return hv_emit(cmd, hv_ref(hv_array_at(v, 0)));
        return hv_emit(cmd, hv_ref(v));
    }
    if (v->kind != HV_ARRAY)
        return hv_emit_enum(cmd, hv_ref(v));
    size_t n = hv_array_len(v);
    for (size_t i = 0; i < n; i++) {
        hv_status st = hv_emit_enum(cmd, hv_ref(hv_array_at(v, i)));
        if (st != HV_OK)
            return st;
    }
    return HV_OK;
}

/* ======================================================================================
 * Write-Host
 * ====================================================================================== */
enum { WH_OBJECT, WH_NONEWLINE, WH_SEPARATOR, WH_FG, WH_BG, WH__N };
static const hv_param_def whost_params[WH__N + 1] = {
    [WH_OBJECT] = {.name = "Object", .type = HV_PT_ANY, .position = 0,
                   .flags = HV_PF_BY_VALUE | HV_PF_REMAINING,
                   .aliases = (const char *const[]){"Msg", "Message", NULL},
                   .help = "Objects to display in the host. Collections are displayed with "
                           "their elements separated by the separator."},
    [WH_NONEWLINE] = {.name = "NoNewline", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .help = "The string representations of the input objects are "
                              "concatenated to form the output. No spaces or newlines are "
                              "inserted between the output strings. No newline is added after "
                              "the last output string."},
    [WH_SEPARATOR] = {.name = "Separator", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                      .help = "Specifies a separator string to insert between objects "
                              "displayed by the host."},
    [WH_FG] = {.name = "ForegroundColor", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
               .accepted = console_colors,
               .help = "Specifies the text color. There is no default."},
    [WH_BG] = {.name = "BackgroundColor", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
               .accepted = console_colors,
               .help = "Specifies the background color. There is no default."},
    [WH__N] = {.name = NULL},
};

static void
host_append(hv_buf *b, const hv_value *v, const char *sep, bool *first)
{
    if (v->kind == HV_ARRAY) {
        size_t n = hv_array_len(v);
        for (size_t i = 0; i < n; i++)
            host_append(b, hv_array_at(v, i), sep, first);
        return;
    }
    if (!*first && sep)
        hv_buf_puts(b, sep);
    *first = false;
    hv_conv_append_string(b, v, NULL);
}

static hv_status
whost_process(hv_cmd *cmd, const hv_value *input)
{
    const hv_value *v = hv_cmd_arg(cmd, WH_OBJECT);
    if (!v)
        v = input;
    const hv_value *sepv = hv_cmd_arg(cmd, WH_SEPARATOR);
    char *sep = sepv ? hvc_u_cstr(sepv) : hv_xstrdup(" ");
    bool nonl = hv_cmd_switch(cmd, WH_NONEWLINE);
    hv_buf b = {0};
    bool first = true;
    host_append(&b, v, nonl && !sepv ? "" : sep, &first);
    hv_buf_putc(&b, 0);
    hv_write_host(cmd, b.data, !nonl, hvc_u_arg_str(cmd, WH_FG), hvc_u_arg_str(cmd, WH_BG));
    hv_buf_free(&b);
    free(sep);
    return HV_OK;
}

/* ======================================================================================
 * Write-Error
 * ====================================================================================== */
enum { WE_SET_NOEX, WE_SET_EX, WE_SET_REC };
enum { WE_EXCEPTION, WE_MESSAGE, WE_RECORD, WE_CATEGORY, WE_ERRORID, WE_TARGET, WE_RECOMMENDED,
       WE_ACTIVITY, WE_REASON, WE_TARGETNAME, WE_TARGETTYPE, WE__N };
#define WE_NOREC (HV_SET(WE_SET_NOEX) | HV_SET(WE_SET_EX))

static const hv_param_def we_params[WE__N + 1] = {
    [WE_EXCEPTION] = {.name = "Exception", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                      .flags = HV_PF_MANDATORY, .sets = HV_SET(WE_SET_EX),
                      .help = "Specifies an exception object that represents the error. You "
                              "can use this parameter instead of -Message."},
    [WE_MESSAGE] = {.name = "Message", .type = HV_PT_STRING, .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE, .sets = WE_NOREC,
                    .mandatory_sets = HV_SET(WE_SET_NOEX),
                    .aliases = (const char *const[]){"Msg", NULL},
                    .help = "Specifies the message text of the error."},
    [WE_RECORD] = {.name = "ErrorRecord", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                   .flags = HV_PF_MANDATORY, .sets = HV_SET(WE_SET_REC),
                   .help = "Specifies an error record object that represents the error."},
    [WE_CATEGORY] = {.name = "Category", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                     .sets = WE_NOREC, .accepted = err_categories,
                     .help = "Specifies the category of the error. The default value is "
                             "NotSpecified."},
    [WE_ERRORID] = {.name = "ErrorId", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = WE_NOREC,
                    .help = "Specifies an ID string to identify the error. The string should "
                            "be unique to the error."},
    [WE_TARGET] = {.name = "TargetObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                   .sets = WE_NOREC,
                   .help = "Specifies the object that was being processed when the error "
                           "occurred."},
    [WE_RECOMMENDED] = {.name = "RecommendedAction", .type = HV_PT_STRING,
                        .position = HV_POS_NAMED,
                        .help = "Specifies the action that the user should take to resolve or "
                                "prevent the error."},
    [WE_ACTIVITY] = {.name = "CategoryActivity", .type = HV_PT_STRING,
                     .position = HV_POS_NAMED,
                     .aliases = (const char *const[]){"Activity", NULL},
                     .help = "Specifies the action that caused the error."},
    [WE_REASON] = {.name = "CategoryReason", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .aliases = (const char *const[]){"Reason", NULL},
                   .help = "Specifies how or why the activity caused the error."},
    [WE_TARGETNAME] = {.name = "CategoryTargetName", .type = HV_PT_STRING,
                       .position = HV_POS_NAMED,
                       .aliases = (const char *const[]){"TargetName", NULL},
                       .help = "Specifies the name of the object that was being processed "
                               "when the error occurred."},
    [WE_TARGETTYPE] = {.name = "CategoryTargetType", .type = HV_PT_STRING,
                       .position = HV_POS_NAMED,
                       .aliases = (const char *const[]){"TargetType", NULL},
                       .help = "Specifies the type of the object that was being processed "
                               "when the error occurred."},
    [WE__N] = {.name = NULL},
};

static hv_err_category
we_category(hv_cmd *cmd)
{
    const hv_value *c = hv_cmd_arg(cmd, WE_CATEGORY);
    if (!c)
        return HV_CAT_NotSpecified;
    if (c->kind == HV_ENUM || c->kind == HV_INT) {
        int64_t i = c->kind == HV_ENUM ? c->aux : hv_int_of(c);
        return i >= 0 && i < HV_CAT__COUNT ? (hv_err_category)i : HV_CAT_NotSpecified;
    }
    char *s = hvc_u_cstr(c);
    hv_err_category r = HV_CAT_NotSpecified;
    for (int i = 0; err_categories[i]; i++)
        if (hv_str_eq_ci(s, err_categories[i]))
            r = (hv_err_category)i;
    free(s);
    return r;
}

static hv_status
we_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    if (hv_cmd_set_index(cmd) == WE_SET_REC) {
        const hv_value *rec = hv_cmd_arg(cmd, WE_RECORD);
        return rec ? hv_write_error(cmd, hv_ref(rec)) : HV_OK;
    }
    const char *msg = hvc_u_arg_str(cmd, WE_MESSAGE);
    const char *id = hvc_u_arg_str(cmd, WE_ERRORID);
    const hv_value *target = hv_cmd_arg(cmd, WE_TARGET);
    const char *extype = "Microsoft.PowerShell.Commands.WriteErrorException";
    char *exmsg = NULL;
    const hv_value *ex = hv_cmd_arg(cmd, WE_EXCEPTION);
    if (ex) {
        if (ex->kind == HV_OBJECT && hv_obj_typename_count(ex) > 0)
            extype = hv_obj_typename_at(ex, 0);
        if (!msg) {
            hv_value m = hv_get_member(hv_cmd_ctx(cmd), ex, "Message");
            exmsg = m.kind != HV_NULL ? hvc_u_cstr(&m) : hvc_u_cstr(ex);
            hv_unref(m);
            msg = exmsg;
        }
        if (!id)
            id = extype;
    }
    if (!id)
        id = "Microsoft.PowerShell.Commands.WriteErrorException";
    hv_value rec = hv_error_new_ex(cmd, extype, we_category(cmd), id, target, "%s",
                                   msg ? msg : "");
    free(exmsg);
    return hv_write_error(cmd, rec);
}

/* ======================================================================================
 * Write-Warning / Write-Verbose / Write-Debug
 * ====================================================================================== */
enum { WM_MESSAGE, WM__N };
static const hv_param_def wwarn_params[WM__N + 1] = {
    [WM_MESSAGE] = {.name = "Message", .type = HV_PT_STRING, .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                    .aliases = (const char *const[]){"Msg", NULL},
                    .help = "Specifies the warning message."},
    [WM__N] = {.name = NULL},
};
static const hv_param_def wverb_params[WM__N + 1] = {
    [WM_MESSAGE] = {.name = "Message", .type = HV_PT_STRING, .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                    .aliases = (const char *const[]){"Msg", NULL},
                    .help = "Specifies the message to send to the verbose message stream."},
    [WM__N] = {.name = NULL},
};
static const hv_param_def wdebug_params[WM__N + 1] = {
    [WM_MESSAGE] = {.name = "Message", .type = HV_PT_STRING, .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                    .aliases = (const char *const[]){"Msg", NULL},
                    .help = "Specifies the debug message to send to the console."},
    [WM__N] = {.name = NULL},
};

static const char *
wm_msg(hv_cmd *cmd)
{
    const char *m = hvc_u_arg_str(cmd, WM_MESSAGE);
    return m ? m : "";
}

static hv_status
wwarn_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return hv_write_warning(cmd, "%s", wm_msg(cmd));
}

static hv_status
wverb_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return hv_write_verbose(cmd, "%s", wm_msg(cmd));
}

static hv_status
wdebug_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return hv_write_debug(cmd, "%s", wm_msg(cmd));
}

/* ======================================================================================
 * Write-Information
 * ====================================================================================== */
enum { WI_DATA, WI_TAGS, WI__N };
static const hv_param_def winfo_params[WI__N + 1] = {
    [WI_DATA] = {.name = "MessageData", .type = HV_PT_ANY, .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                 .aliases = (const char *const[]){"Msg", "Message", NULL},
                 .help = "Specifies an informational message that you want to display to "
                         "users as they run a script or command."},
    [WI_TAGS] = {.name = "Tags", .type = HV_PT_STRING, .position = 1, .flags = HV_PF_ARRAY,
                 .help = "One or more strings that you can use to sort and filter the messages "
                         "that you have added to the information stream."},
    [WI__N] = {.name = NULL},
};

static hv_status
winfo_process(hv_cmd *cmd, const hv_value *input)
{
    const hv_value *d = hv_cmd_arg(cmd, WI_DATA);
    if (!d)
        d = input;
    const hv_value *tags = hv_cmd_arg(cmd, WI_TAGS);
    char *t = NULL;
    if (tags) {
        hv_buf b = {0};
        size_t n = tags->kind == HV_ARRAY ? hv_array_len(tags) : 1;
        for (size_t i = 0; i < n; i++) {
            if (i)
                hv_buf_putc(&b, ',');
            hv_conv_append_string(&b, tags->kind == HV_ARRAY ? hv_array_at(tags, i) : tags,
                                  NULL);
        }
        hv_buf_putc(&b, 0);
        t = b.data;
    }
    hv_status st = hv_write_information(cmd, hv_ref(d), t);
    free(t);
    return st;
}

/* ======================================================================================
 * Write-Progress
 * ====================================================================================== */
enum { WP_ACTIVITY, WP_STATUS, WP_ID, WP_PERCENT, WP_SECONDS, WP_CURRENT, WP_PARENT,
       WP_COMPLETED, WP_SOURCE, WP__N };
static const hv_param_def wprog_params[WP__N + 1] = {
    [WP_ACTIVITY] = {.name = "Activity", .type = HV_PT_STRING, .position = 0,
                     .help = "Specifies the first line of text in the heading above the status "
                             "bar. This text describes the activity whose progress is being "
                             "reported."},
    [WP_STATUS] = {.name = "Status", .type = HV_PT_STRING, .position = 1,
                   .help = "Specifies the second line of text in the heading above the status "
                           "bar. This text describes current state of the activity."},
    [WP_ID] = {.name = "Id", .type = HV_PT_INT32, .position = 2,
               .help = "Specifies an ID that distinguishes each progress bar from the others."},
    [WP_PERCENT] = {.name = "PercentComplete", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .min = -1, .max = 100,
                    .help = "Specifies the percentage of the activity that is completed. Use "
                            "the value -1 if the percentage complete is unknown."},
    [WP_SECONDS] = {.name = "SecondsRemaining", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .help = "Specifies the projected number of seconds remaining until the "
                            "activity is completed."},
    [WP_CURRENT] = {.name = "CurrentOperation", .type = HV_PT_STRING,
                    .position = HV_POS_NAMED,
                    .help = "Specifies the line of text below the progress bar. This text "
                            "describes the operation that's currently taking place."},
    [WP_PARENT] = {.name = "ParentId", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                   .help = "Specifies the parent activity of the current activity."},
    [WP_COMPLETED] = {.name = "Completed", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .help = "Indicates whether the progress bar is visible. If this "
                              "parameter is omitted, Write-Progress displays progress "
                              "information."},
    [WP_SOURCE] = {.name = "SourceId", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                   .help = "Specifies the source of the record."},
    [WP__N] = {.name = NULL},
};

static hv_status
wprog_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_write_progress(cmd, hvc_u_arg_str(cmd, WP_ACTIVITY), hvc_u_arg_str(cmd, WP_STATUS),
                      (int)hvc_u_arg_int(cmd, WP_PERCENT, -1),
                      hv_cmd_switch(cmd, WP_COMPLETED));
    return HV_OK;
}

/* ======================================================================================
 * Out-Null, Out-String, Out-Host, Out-Default
 * ====================================================================================== */
enum { ON_INPUT, ON__N };
static const hv_param_def onull_params[ON__N + 1] = {
    [ON_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies the object to be sent to NULL (removed from pipeline)."},
    [ON__N] = {.name = NULL},
};

static hv_status
onull_process(hv_cmd *cmd, const hv_value *input)
{
    (void)cmd;
    (void)input;
    return HV_OK;
}

typedef struct {
    hvc_u_vec items;
} collect_state;

static hv_status
collect_input(hv_cmd *cmd, const hv_value *input)
{
    collect_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, 0); /* InputObject is index 0 in every Out-* table */
    if (!in)
        in = input;
    if (in->kind != HV_NULL)
        hvc_u_vec_push(&s->items, hv_ref(in));
    return HV_OK;
}

static void
collect_cleanup(hv_cmd *cmd)
{
    collect_state *s = hv_cmd_state(cmd);
    hvc_u_vec_free(&s->items);
}

enum { OS_INPUT, OS_WIDTH, OS_STREAM, OS_NONEWLINE, OS__N };
enum { OS_SET_NOSTREAM, OS_SET_STREAM };
static const hv_param_def ostr_params[OS__N + 1] = {
    [OS_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies the objects to be written to a string."},
    [OS_WIDTH] = {.name = "Width", .type = HV_PT_INT32, .position = HV_POS_NAMED, .min = 2,
                  .max = 2147483647,
                  .help = "Specifies the number of characters in each line of output. Any "
                          "additional characters are truncated, not wrapped. If omitted, the "
                          "width is determined by the host."},
    [OS_STREAM] = {.name = "Stream", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .sets = HV_SET(OS_SET_STREAM),
                   .help = "Indicates that the cmdlet sends a separate string for each line of "
                           "an input object. By default, the strings for each object are "
                           "accumulated and sent as a single string."},
    [OS_NONEWLINE] = {.name = "NoNewline", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .sets = HV_SET(OS_SET_NOSTREAM),
                      .help = "Removes all newlines from formatter generated output."},
    [OS__N] = {.name = NULL},
};

static hv_status
ostr_end(hv_cmd *cmd)
{
    collect_state *s = hv_cmd_state(cmd);
    int width = (int)hvc_u_arg_int(cmd, OS_WIDTH, 0);
    hv_value text = hv_format_default(hv_cmd_ctx(cmd), s->items.v, s->items.n, width);
    if (text.kind != HV_STRING) {
        hv_unref(text);
        return HV_OK;
    }
    const char *t = hv_str_cstr(&text);
    size_t n = hv_str_len(&text);
    if (hv_cmd_switch(cmd, OS_STREAM)) {
        size_t st0 = 0;
        hv_status st = HV_OK;
        for (size_t i = 0; i < n && st == HV_OK; i++)
            if (t[i] == '\n') {
                st = hv_emit(cmd, hv_strn(t + st0, i - st0));
                st0 = i + 1;
            }
        if (st == HV_OK && st0 < n)
            st = hv_emit(cmd, hv_strn(t + st0, n - st0));
        hv_unref(text);
        return st;
    }
    if (hv_cmd_switch(cmd, OS_NONEWLINE)) {
        hv_buf b = {0};
        for (size_t i = 0; i < n; i++)
            if (t[i] != '\n' && t[i] != '\r')
                hv_buf_putc(&b, t[i]);
        hv_unref(text);
        return hv_emit(cmd, hv_buf_finish(&b));
    }
    return hv_emit(cmd, text);
}

enum { OH_INPUT, OH_PAGING, OH__N };
static const hv_param_def ohost_params[OH__N + 1] = {
    [OH_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies the objects that are written to the console."},
    [OH_PAGING] = {.name = "Paging", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Indicates that Out-Host displays one page of output at a time. "
                           "Accepted for compatibility; output is not paged."},
    [OH__N] = {.name = NULL},
};

enum { OD_INPUT, OD_TRANSCRIPT, OD__N };
static const hv_param_def odef_params[OD__N + 1] = {
    [OD_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Accepts input to the cmdlet."},
    [OD_TRANSCRIPT] = {.name = "Transcript", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                       .help = "Determines whether the output should be sent only to the "
                               "transcript. Accepted for compatibility."},
    [OD__N] = {.name = NULL},
};

static hv_status
ohost_end(hv_cmd *cmd)
{
    collect_state *s = hv_cmd_state(cmd);
    if (s->items.n == 0)
        return HV_OK;
    hv_value text = hv_format_default(hv_cmd_ctx(cmd), s->items.v, s->items.n, 0);
    if (text.kind == HV_STRING && hv_str_len(&text) > 0) {
        /* the text ends with a newline already */
        hv_value t = hv_strn(hv_str_cstr(&text), hv_str_len(&text) - 1);
        hv_write_host(cmd, hv_str_cstr(&t), true, NULL, NULL);
        hv_unref(t);
    }
    hv_unref(text);
    return HV_OK;
}

/* ======================================================================================
 * Read-Host
 * ====================================================================================== */
enum { RH_SET_STRING, RH_SET_SECURE };
enum { RH_PROMPT, RH_SECURE, RH_MASK, RH__N };
static const hv_param_def rh_params[RH__N + 1] = {
    [RH_PROMPT] = {.name = "Prompt", .type = HV_PT_ANY, .position = 0,
                   .flags = HV_PF_REMAINING,
                   .help = "Specifies the text of the prompt. Type a string. If the string "
                           "includes spaces, enclose it in quotation marks. A colon (:) is "
                           "appended to the text."},
    [RH_SECURE] = {.name = "AsSecureString", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .sets = HV_SET(RH_SET_SECURE),
                   .help = "Indicates that the cmdlet displays asterisks (*) in place of the "
                           "characters that the user types as input. The input is returned as "
                           "a plain string here."},
    [RH_MASK] = {.name = "MaskInput", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .sets = HV_SET(RH_SET_STRING),
                 .help = "Indicates that the cmdlet displays asterisks (*) in place of the "
                         "characters that the user types as input."},
    [RH__N] = {.name = NULL},
};

/* -MaskInput / -AsSecureString on a terminal: no echo, one '*' per character typed. */
static hv_status
rh_masked(hv_cmd *cmd)
{
    struct termios old, raw;
    if (tcgetattr(STDIN_FILENO, &old) != 0)
        return HV_OK;
    raw = old;
    raw.c_lflag &= ~(tcflag_t)(ECHO | ICANON);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);
    hv_buf b = {0};
    for (;;) {
        char c;
        if (read(STDIN_FILENO, &c, 1) != 1 || c == '\n' || c == '\r' || c == 4)
            break;
        if (c == 127 || c == 8) {
            if (b.len > 0) {
                /* drop one UTF-8 character */
                do
                    b.len--;
                while (b.len > 0 && ((unsigned char)b.data[b.len] & 0xC0) == 0x80);
                fputs("\b \b", stdout);
            }
        } else {
            hv_buf_putc(&b, c);
            if (((unsigned char)c & 0xC0) != 0x80)
                fputc('*', stdout);
        }
        fflush(stdout);
    }
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    fputc('\n', stdout);
    fflush(stdout);
    return hv_emit(cmd, hv_buf_finish(&b));
}

static hv_status
rh_end(hv_cmd *cmd)
{
    const hv_value *p = hv_cmd_arg(cmd, RH_PROMPT);
    if (p && p->kind != HV_NULL) {
        hv_buf b = {0};
        bool first = true;
        host_append(&b, p, " ", &first);
        hv_buf_puts(&b, ": ");
        hv_buf_putc(&b, 0);
        hv_write_host(cmd, b.data, false, NULL, NULL);
        hv_buf_free(&b);
    }
    fflush(stdout);
    bool mask = hv_cmd_switch(cmd, RH_SECURE) || hv_cmd_switch(cmd, RH_MASK);
    if (mask && isatty(STDIN_FILENO))
        return rh_masked(cmd);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return HV_OK;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = 0;
    hv_value v = hv_strn(line, (size_t)n);
    free(line);
    return hv_emit(cmd, v);
}

/* ======================================================================================
 * Definitions
 * ====================================================================================== */
#define ONLINE(x) "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/" x "?view=powershell-7.4&WT.mc_id=ps-gethelp"

const hv_cmdlet_def hvc_u_defs_write[] = {
    {
        .name = "Write-Output",
        .aliases = (const char *const[]){"echo", "write", NULL},
        .params = wo_params,
        .ops = {.process = wo_process},
        .synopsis = "Writes the specified objects to the pipeline.",
        .description =
            "Writes the specified objects to the pipeline. If Write-Output is the last "
            "command in the pipeline, the objects are displayed in the console.\n\n"
            "Write-Output sends objects to the primary pipeline, also known as the success "
            "stream. By default it enumerates collections; -NoEnumerate sends a collection as "
            "a single object.",
        .output_type = "System.Management.Automation.PSObject",
        .examples = (const hv_example[]){
            {.title = "Get objects and write them to the console",
             .code = "$vms = Get-VM\nWrite-Output -InputObject $vms"},
            {.title = "Suppress enumeration in output",
             .code = "Write-Output 1,2,3 -NoEnumerate | Measure-Object",
             .remarks = "Count is 1: the array is one object."},
            {0}},
        .online = ONLINE("write-output"),
    },
    {
        .name = "Write-Host",
        .params = whost_params,
        .ops = {.process = whost_process},
        .synopsis = "Writes customized output to a host.",
        .description =
            "The Write-Host cmdlet's primary purpose is to produce for-(host)-display-only "
            "output, such as printing colored text like when prompting the user for input. "
            "Write-Host uses the ToString() method to write the output. The objects are "
            "separated by a single space unless -Separator is given; collections are written "
            "element by element.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Write to the console without adding a new line",
             .code = "Write-Host \"no newline test \" -NoNewline\nWrite-Host \"second string\""},
            {.title = "Add a separator",
             .code = "Write-Host (2,4,6,8,10,12) -Separator \", +2= \""},
            {.title = "Write with different text and background colors",
             .code = "Write-Host \"Red on white text.\" -ForegroundColor red -BackgroundColor white"},
            {0}},
        .online = ONLINE("write-host"),
    },
    {
        .name = "Write-Error",
        .sets = (const char *const[]){"NoException", "WithException", "ErrorRecord", NULL},
        .default_set = WE_SET_NOEX,
        .params = we_params,
        .ops = {.process = we_process},
        .synopsis = "Writes an object to the error stream.",
        .description =
            "The Write-Error cmdlet declares a non-terminating error. By default, errors are "
            "sent in the error stream to the host program to be displayed, along with output. "
            "The error honors -ErrorAction and $ErrorActionPreference, is added to $Error and "
            "sets $? to false.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Write an error",
             .code = "Write-Error \"Access denied.\""},
            {.title = "Write an error with a category and id",
             .code = "Write-Error -Message \"VM not found\" -Category ObjectNotFound -ErrorId VMNotFound"},
            {0}},
        .online = ONLINE("write-error"),
    },
    {
        .name = "Write-Warning",
        .params = wwarn_params,
        .ops = {.process = wwarn_process},
        .synopsis = "Writes a warning message.",
        .description =
            "The Write-Warning cmdlet writes a warning message to the PowerShell host. The "
            "response to the warning depends on the value of the user's $WarningPreference "
            "variable and the use of the WarningAction common parameter.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Write a warning message",
             .code = "Write-Warning \"This is only a test warning.\""},
            {0}},
        .online = ONLINE("write-warning"),
    },
    {
        .name = "Write-Verbose",
        .params = wverb_params,
        .ops = {.process = wverb_process},
        .synopsis = "Writes text to the verbose message stream.",
        .description =
            "The Write-Verbose cmdlet writes text to the verbose message stream in "
            "PowerShell. The messages are displayed only when $VerbosePreference is Continue "
            "or the -Verbose common parameter is used.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Write a verbose message",
             .code = "Write-Verbose -Message \"Searching the Application Event Log.\" -Verbose"},
            {0}},
        .online = ONLINE("write-verbose"),
    },
    {
        .name = "Write-Debug",
        .params = wdebug_params,
        .ops = {.process = wdebug_process},
        .synopsis = "Writes a debug message to the console.",
        .description =
            "The Write-Debug cmdlet writes debug messages to the host from a script or "
            "command. By default, debug messages are not displayed; they appear when "
            "$DebugPreference is Continue or the -Debug common parameter is used.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Write a debug message",
             .code = "Write-Debug \"Cannot open file.\" -Debug"},
            {0}},
        .online = ONLINE("write-debug"),
    },
    {
        .name = "Write-Information",
        .params = winfo_params,
        .ops = {.process = winfo_process},
        .synopsis = "Specifies how PowerShell handles information stream data for a command.",
        .description =
            "The Write-Information cmdlet specifies how PowerShell handles information stream "
            "data for a command. The message is shown when $InformationPreference is "
            "Continue or -InformationAction Continue is given.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Write information",
             .code = "Write-Information -MessageData \"Got your features!\" -InformationAction Continue"},
            {0}},
        .online = ONLINE("write-information"),
    },
    {
        .name = "Write-Progress",
        .params = wprog_params,
        .ops = {.process = wprog_process},
        .synopsis = "Displays a progress bar within a PowerShell command window.",
        .description =
            "The Write-Progress cmdlet displays a progress bar in a PowerShell command window "
            "that depicts the status of a running command or script. Nothing is shown when "
            "the output is not a terminal or $ProgressPreference is SilentlyContinue.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Display the progress of a loop",
             .code = "for ($i = 1; $i -le 100; $i++) { Write-Progress -Activity \"Search in Progress\" -Status \"$i% Complete:\" -PercentComplete $i }"},
            {0}},
        .online = ONLINE("write-progress"),
    },
    {
        .name = "Out-Null",
        .params = onull_params,
        .ops = {.process = onull_process},
        .synopsis = "Hides the output instead of sending it down the pipeline or displaying "
                    "it.",
        .description =
            "The Out-Null cmdlet sends its output to NULL, in effect, removing it from the "
            "pipeline and preventing the output from being displayed at screen.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Delete output",
             .code = "New-VMSwitch -Name Lab -SwitchType Internal | Out-Null"},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.core/out-null?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {
        .name = "Out-String",
        .sets = (const char *const[]){"NoNewLineFormatting", "StreamFormatting", NULL},
        .default_set = OS_SET_NOSTREAM,
        .params = ostr_params,
        .ops = {.process = collect_input, .end = ostr_end, .cleanup = collect_cleanup},
        .state_size = sizeof(collect_state),
        .synopsis = "Outputs input objects as a string.",
        .description =
            "The Out-String cmdlet converts input objects into strings, formatted as they "
            "would be displayed in the console. By default, Out-String accumulates the "
            "strings and returns them as a single string, but you can use -Stream to return "
            "one line at a time.",
        .output_type = "System.String",
        .examples = (const hv_example[]){
            {.title = "Get the display text of objects",
             .code = "Get-VM | Out-String"},
            {.title = "Work with one line at a time",
             .code = "Get-VM | Out-String -Stream | Select-String Running"},
            {.title = "Use a narrow width",
             .code = "Get-VM | Format-Table | Out-String -Width 40"},
            {0}},
        .online = ONLINE("out-string"),
    },
    {
        .name = "Out-Host",
        .aliases = (const char *const[]){"oh", NULL},
        .params = ohost_params,
        .ops = {.process = collect_input, .end = ohost_end, .cleanup = collect_cleanup},
        .state_size = sizeof(collect_state),
        .synopsis = "Sends output to the command line.",
        .description =
            "The Out-Host cmdlet sends output to the PowerShell host for display. The host "
            "displays the output at the command line. Because Out-Host is the default, you "
            "don't have to specify it unless you want to use its parameters.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Display output",
             .code = "Get-VM | Out-Host"},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.core/out-host?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {
        .name = "Out-Default",
        .params = odef_params,
        .ops = {.process = collect_input, .end = ohost_end, .cleanup = collect_cleanup},
        .state_size = sizeof(collect_state),
        .synopsis = "Sends the output to the default formatter and to the default output "
                    "cmdlet.",
        .description =
            "The Out-Default cmdlet sends output to the default formatter and the default "
            "output cmdlet. This cmdlet has no effect on the formatting or output of "
            "PowerShell commands. It is a placeholder that lets you write your own "
            "Out-Default function or cmdlet.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Display output explicitly",
             .code = "Get-VM | Out-Default"},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.core/out-default?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {
        .name = "Read-Host",
        .sets = (const char *const[]){"AsString", "AsSecureString", NULL},
        .default_set = RH_SET_STRING,
        .params = rh_params,
        .ops = {.end = rh_end},
        .synopsis = "Reads a line of input from the console.",
        .description =
            "The Read-Host cmdlet reads a line of input from the console (stdin). You can use "
            "it to prompt a user for input. When input is not a terminal, the next line of "
            "standard input is read.",
        .output_type = "System.String",
        .examples = (const hv_example[]){
            {.title = "Save console input to a variable",
             .code = "$Age = Read-Host \"Please enter your age\""},
            {0}},
        .online = ONLINE("read-host"),
    },
    {.name = NULL},
};
