/* util_joinstring.c — Join-String (PowerShell 7): combines pipeline objects into one
 * string, optionally through a property or script block, a format string and quotes. */
#include "cmdlets/util.h"

#include <string.h>

enum { JS_PROPERTY, JS_SEPARATOR, JS_PREFIX, JS_SUFFIX, JS_SINGLE, JS_DOUBLE, JS_FORMAT,
       JS_CULTURE, JS_INPUT, JS__N };

static const hv_param_def js_params[JS__N + 1] = {
    [JS_PROPERTY] = {.name = "Property", .type = HV_PT_ANY, .position = 0,
                     .help = "The name of a property, or a property expression (script block), "
                             "whose value is joined instead of the object itself."},
    [JS_SEPARATOR] = {.name = "Separator", .type = HV_PT_STRING, .position = 1,
                      .help = "Text inserted between the text of each pipeline object. By "
                              "default there is no separator."},
    [JS_PREFIX] = {.name = "OutputPrefix", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .aliases = (const char *const[]){"op", NULL},
                   .help = "Text inserted before the output string."},
    [JS_SUFFIX] = {.name = "OutputSuffix", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .aliases = (const char *const[]){"os", NULL},
                   .help = "Text appended to the output string."},
    [JS_SINGLE] = {.name = "SingleQuote", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Wraps the string value of each pipeline object in single quotes."},
    [JS_DOUBLE] = {.name = "DoubleQuote", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Wraps the string value of each pipeline object in double quotes."},
    [JS_FORMAT] = {.name = "FormatString", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .help = "A format string ({0}) applied to each pipeline object."},
    [JS_CULTURE] = {.name = "UseCulture", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "Uses the list separator of the current culture (,) as the "
                            "separator."},
    [JS_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "The objects to join."},
    [JS__N] = {.name = NULL},
};

typedef struct {
    hv_buf buf;
    size_t count;
} js_state;

/* The text of one object: the property / script block value, formatted, quoted. */
static hv_status
js_text(hv_cmd *cmd, const hv_value *in, hv_value *out)
{
    const hv_value *prop = hv_cmd_arg(cmd, JS_PROPERTY);
    hv_value v = hv_ref(in);
    if (prop && prop->kind == HV_SCRIPTBLOCK) {
        hv_value r;
        hv_status st = hv_cmd_invoke(cmd, prop, in, NULL, 0, &r);
        if (st != HV_OK) {
            hv_unref(v);
            return st;
        }
        hv_unref(v);
        v = r.kind == HV_ARRAY && hv_array_len(&r) == 1 ? hv_ref(hv_array_at(&r, 0)) : hv_ref(&r);
        hv_unref(r);
    } else if (prop && prop->kind != HV_NULL) {
        hv_value name = hv_conv_to_string(prop, NULL);
        hv_value m = hv_get_member(hv_cmd_ctx(cmd), in, hv_str_cstr(&name));
        hv_unref(name);
        hv_unref(v);
        v = m;
    }
    const char *fmt = hvc_u_arg_str(cmd, JS_FORMAT);
    hv_value s;
    if (fmt) {
        hv_value f = hv_str(fmt);
        hv_conv_err err;
        if (!hv_op_binary(HV_OP_FORMAT, 0, &f, &v, &s, NULL, &err))
            s = hv_conv_to_string(&v, NULL);
        hv_unref(f);
    } else {
        s = hv_conv_to_string(&v, NULL);
    }
    hv_unref(v);
    if (hv_cmd_switch(cmd, JS_SINGLE) || hv_cmd_switch(cmd, JS_DOUBLE)) {
        const char *q = hv_cmd_switch(cmd, JS_SINGLE) ? "'" : "\"";
        hv_value w = hv_strf("%s%s%s", q, hv_str_cstr(&s), q);
        hv_unref(s);
        s = w;
    }
    *out = s;
    return HV_OK;
}

static hv_status
js_process(hv_cmd *cmd, const hv_value *input)
{
    js_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, JS_INPUT);
    if (!in)
        in = input;
    if (!in)
        return HV_OK;
    hv_value t;
    hv_status st = js_text(cmd, in, &t);
    if (st != HV_OK)
        return st;
    if (s->count++) {
        const char *sep = hvc_u_arg_str(cmd, JS_SEPARATOR);
        if (!sep && hv_cmd_switch(cmd, JS_CULTURE))
            sep = ",";
        if (sep)
            hv_buf_puts(&s->buf, sep);
    }
    hv_buf_put(&s->buf, hv_str_cstr(&t), hv_str_len(&t));
    hv_unref(t);
    return HV_OK;
}

static hv_status
js_end(hv_cmd *cmd)
{
    js_state *s = hv_cmd_state(cmd);
    const char *pre = hvc_u_arg_str(cmd, JS_PREFIX), *suf = hvc_u_arg_str(cmd, JS_SUFFIX);
    hv_buf out = {0};
    if (pre)
        hv_buf_puts(&out, pre);
    if (s->buf.data)
        hv_buf_put(&out, s->buf.data, s->buf.len);
    if (suf)
        hv_buf_puts(&out, suf);
    return hv_emit(cmd, out.data ? hv_buf_finish(&out) : hv_str_empty());
}

static void
js_cleanup(hv_cmd *cmd)
{
    js_state *s = hv_cmd_state(cmd);
    hv_buf_free(&s->buf);
}

const hv_cmdlet_def hvc_u_defs_joinstring[] = {
    {
        .name = "Join-String",
        .aliases = (const char *const[]){"js", NULL},
        .params = js_params,
        .ops = {.process = js_process, .end = js_end, .cleanup = js_cleanup},
        .state_size = sizeof(js_state),
        .synopsis = "Combines objects from the pipeline into a single string.",
        .description =
            "The Join-String cmdlet joins, or combines, text from pipeline objects into a "
            "single string. If no parameters are specified, the pipeline objects are "
            "converted to a string and joined with no separator. You can specify a property "
            "name or a script block whose value is used, a separator, a prefix and suffix for "
            "the whole output, a format string for each item, and single or double quotes "
            "around each item.",
        .output_type = "System.String",
        .examples = (const hv_example[]){
            {.title = "Join directory names", .code = "Get-ChildItem -Directory | Join-String -Property Name -Separator ', '"},
            {.title = "Quote each item", .code = "'a','b' | Join-String -SingleQuote -Separator ','"},
            {.title = NULL}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/join-string",
    },
    {.name = NULL},
};
