/* binder.c — parameter binding as PowerShell does it: named arguments (unique prefixes,
 * aliases), positional arguments in position order among the still-possible parameter
 * sets, pipeline input by value then by property name, parameter-set resolution by
 * bitmask intersection with the default set as tie-break, conversion and validation. */
#include "binder.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the common parameters: one table for every cmdlet ---- */
static const char *const action_names[] = {"SilentlyContinue", "Stop",    "Continue", "Inquire",
                                           "Ignore",           "Suspend", "Break"};
static const int32_t action_values[] = {0, 1, 2, 3, 4, 5, 6};
static const hv_enum_def action_enum = {
    .type_name = "System.Management.Automation.ActionPreference",
    .names = action_names,
    .values = action_values,
    .count = 7,
};

#define ALIASES(...) ((const char *const[]){__VA_ARGS__, NULL})

static const hv_param_def common_params[HV_CP__COUNT + 1] = {
    [HV_CP_VERBOSE] = {.name = "Verbose",
                       .type = HV_PT_SWITCH,
                       .position = HV_POS_NAMED,
                       .aliases = ALIASES("vb"),
                       .help = "Shows verbose messages."},
    [HV_CP_DEBUG] = {.name = "Debug",
                     .type = HV_PT_SWITCH,
                     .position = HV_POS_NAMED,
                     .aliases = ALIASES("db"),
                     .help = "Shows debug messages."},
    [HV_CP_ERRORACTION] = {.name = "ErrorAction",
                           .type = HV_PT_ENUM,
                           .position = HV_POS_NAMED,
                           .enum_def = &action_enum,
                           .aliases = ALIASES("ea"),
                           .help = "How to respond to non-terminating errors."},
    [HV_CP_WARNINGACTION] = {.name = "WarningAction",
                             .type = HV_PT_ENUM,
                             .position = HV_POS_NAMED,
                             .enum_def = &action_enum,
                             .aliases = ALIASES("wa"),
                             .help = "How to respond to warnings."},
    [HV_CP_INFORMATIONACTION] = {.name = "InformationAction",
                                 .type = HV_PT_ENUM,
                                 .position = HV_POS_NAMED,
                                 .enum_def = &action_enum,
                                 .aliases = ALIASES("infa"),
                                 .help = "How to respond to information messages."},
    [HV_CP_PROGRESSACTION] = {.name = "ProgressAction",
                              .type = HV_PT_ENUM,
                              .position = HV_POS_NAMED,
                              .enum_def = &action_enum,
                              .aliases = ALIASES("proga"),
                              .help = "How to respond to progress updates."},
    [HV_CP_ERRORVARIABLE] = {.name = "ErrorVariable",
                             .type = HV_PT_STRING,
                             .position = HV_POS_NAMED,
                             .aliases = ALIASES("ev"),
                             .help = "Stores errors in this variable (+name appends)."},
    [HV_CP_WARNINGVARIABLE] = {.name = "WarningVariable",
                               .type = HV_PT_STRING,
                               .position = HV_POS_NAMED,
                               .aliases = ALIASES("wv"),
                               .help = "Stores warnings in this variable."},
    [HV_CP_INFORMATIONVARIABLE] = {.name = "InformationVariable",
                                   .type = HV_PT_STRING,
                                   .position = HV_POS_NAMED,
                                   .aliases = ALIASES("iv"),
                                   .help = "Stores information records in this variable."},
    [HV_CP_OUTVARIABLE] = {.name = "OutVariable",
                           .type = HV_PT_STRING,
                           .position = HV_POS_NAMED,
                           .aliases = ALIASES("ov"),
                           .help = "Stores output objects in this variable."},
    [HV_CP_OUTBUFFER] = {.name = "OutBuffer",
                         .type = HV_PT_INT32,
                         .position = HV_POS_NAMED,
                         .aliases = ALIASES("ob"),
                         .help = "Objects to buffer (ignored)."},
    [HV_CP_PIPELINEVARIABLE] = {.name = "PipelineVariable",
                                .type = HV_PT_STRING,
                                .position = HV_POS_NAMED,
                                .aliases = ALIASES("pv"),
                                .help = "Stores the current pipeline object in this variable."},
    [HV_CP__COUNT] = {.name = NULL},
};

static const hv_param_def sp_params[HV_SP__COUNT + 1] = {
    [HV_SP_WHATIF] = {.name = "WhatIf",
                      .type = HV_PT_SWITCH,
                      .position = HV_POS_NAMED,
                      .aliases = ALIASES("wi"),
                      .help = "Shows what would happen if the cmdlet runs."},
    [HV_SP_CONFIRM] = {.name = "Confirm",
                       .type = HV_PT_SWITCH,
                       .position = HV_POS_NAMED,
                       .aliases = ALIASES("cf"),
                       .help = "Prompts for confirmation before running the cmdlet."},
    [HV_SP__COUNT] = {.name = NULL},
};

const hv_param_def *
hv_common_params(void)
{
    return common_params;
}

const hv_param_def *
hv_should_process_params(void)
{
    return sp_params;
}

/* ---- small helpers ---- */

int
hv_bind_nparams(const hv_cmdlet_def *def)
{
    int n = 0;
    if (def->params)
        while (def->params[n].name)
            n++;
    return n;
}

int
hv_bind_nsets(const hv_cmdlet_def *def)
{
    int n = 0;
    if (def->sets)
        while (def->sets[n])
            n++;
    return n ? n : 1;
}

bool
hv_bind_in_set(const hv_param_def *p, int set)
{
    return p->sets == HV_ALL_SETS || (p->sets & HV_SET(set));
}

bool
hv_bind_mandatory_in(const hv_param_def *p, int set)
{
    if (!(p->flags & HV_PF_MANDATORY) || !hv_bind_in_set(p, set))
        return false;
    return p->mandatory_sets == 0 || (p->mandatory_sets & HV_SET(set));
}

static unsigned
param_sets(const hv_binding *b, const hv_param_def *p)
{
    return p->sets == HV_ALL_SETS ? b->all_sets : (p->sets & b->all_sets);
}

static bool
is_simple_function(const hv_cmdlet_def *def)
{
    return (def->flags & HV_CF_FUNCTION) && !(def->flags & HV_CF_ADVANCED);
}

void
hv_bind_init(hv_binding *b, const hv_cmdlet_def *def)
{
    memset(b, 0, sizeof *b);
    b->def = def;
    b->nparams = hv_bind_nparams(def);
    bool common = !(def->flags & HV_CF_NO_COMMON) && !is_simple_function(def);
    b->ncommon = common ? HV_CP__COUNT : 0;
    b->nsp = common && (def->flags & HV_CF_SHOULD_PROCESS) ? HV_SP__COUNT : 0;
    b->ntotal = b->nparams + b->ncommon + b->nsp;
    b->vals = hv_xcalloc((size_t)b->ntotal + 1, sizeof *b->vals);
    b->how = hv_xcalloc((size_t)b->ntotal + 1, 1);
    int nsets = hv_bind_nsets(def);
    b->all_sets = nsets >= 32 ? ~0u : (1u << nsets) - 1;
    b->sets = b->all_sets;
    b->set_index = -1;
    b->lenient = is_simple_function(def);
    b->extras = hv_null();
    b->fast_pi = -2;
    for (int i = 0; i < b->nparams; i++)
        if (def->params[i].flags & (HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME))
            b->takes_input = true;
}

void
hv_bind_free(hv_binding *b)
{
    for (int i = 0; i < b->ntotal; i++)
        hv_unref(b->vals[i]);
    free(b->vals);
    free(b->how);
    hv_unref(b->extras);
    memset(b, 0, sizeof *b);
}

const hv_param_def *
hv_bind_param(const hv_binding *b, int i)
{
    if (i < b->nparams)
        return &b->def->params[i];
    if (i < b->nparams + b->ncommon)
        return &common_params[i - b->nparams];
    return &sp_params[i - b->nparams - b->ncommon];
}

void
hv_bind_fail_free(hv_bind_fail *f)
{
    hv_unref(f->target);
    f->target = hv_null();
}

static bool failf(hv_bind_fail *f, const char *id, hv_err_category cat, const char *exc, int arg,
                  const char *param, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static bool
failf(hv_bind_fail *f, const char *id, hv_err_category cat, const char *exc, int arg,
      const char *param, const char *fmt, ...)
{
    if (!f)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->msg, sizeof f->msg, fmt, ap);
    va_end(ap);
    f->id = id;
    f->cat = cat;
    f->exception = exc ? exc : "System.Management.Automation.ParameterBindingException";
    f->arg = arg;
    f->param = param;
    return false;
}

/* ---- type names ---- */

static const char *const full_type_names[HV_PT__COUNT] = {
    [HV_PT_ANY] = "System.Object",
    [HV_PT_STRING] = "System.String",
    [HV_PT_BOOL] = "System.Boolean",
    [HV_PT_SWITCH] = "System.Management.Automation.SwitchParameter",
    [HV_PT_INT32] = "System.Int32",
    [HV_PT_INT64] = "System.Int64",
    [HV_PT_UINT8] = "System.Byte",
    [HV_PT_UINT16] = "System.UInt16",
    [HV_PT_UINT32] = "System.UInt32",
    [HV_PT_UINT64] = "System.UInt64",
    [HV_PT_DOUBLE] = "System.Double",
    [HV_PT_ENUM] = "System.String",
    [HV_PT_SCRIPTBLOCK] = "System.Management.Automation.ScriptBlock",
    [HV_PT_HASHTABLE] = "System.Collections.Hashtable",
    [HV_PT_DATETIME] = "System.DateTime",
    [HV_PT_TIMESPAN] = "System.TimeSpan",
};

static const char *const short_type_names[HV_PT__COUNT] = {
    [HV_PT_ANY] = "Object",
    [HV_PT_STRING] = "string",
    [HV_PT_BOOL] = "bool",
    [HV_PT_SWITCH] = "switch",
    [HV_PT_INT32] = "int",
    [HV_PT_INT64] = "long",
    [HV_PT_UINT8] = "byte",
    [HV_PT_UINT16] = "uint16",
    [HV_PT_UINT32] = "uint",
    [HV_PT_UINT64] = "uint64",
    [HV_PT_DOUBLE] = "double",
    [HV_PT_ENUM] = "string",
    [HV_PT_SCRIPTBLOCK] = "scriptblock",
    [HV_PT_HASHTABLE] = "hashtable",
    [HV_PT_DATETIME] = "datetime",
    [HV_PT_TIMESPAN] = "timespan",
};

static const char *
elem_type_name(const hv_param_def *p)
{
    if (p->type == HV_PT_ENUM && p->enum_def)
        return p->enum_def->type_name;
    return full_type_names[p->type < HV_PT__COUNT ? p->type : HV_PT_ANY];
}

const char *
hv_bind_type_name(const hv_param_def *p, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s", elem_type_name(p), (p->flags & HV_PF_ARRAY) ? "[]" : "");
    return buf;
}

const char *
hv_bind_type_short(const hv_param_def *p, char *buf, size_t n)
{
    const char *base;
    if (p->type == HV_PT_ENUM && p->enum_def) {
        base = strrchr(p->enum_def->type_name, '.');
        base = base ? base + 1 : p->enum_def->type_name;
    } else {
        base = short_type_names[p->type < HV_PT__COUNT ? p->type : HV_PT_ANY];
    }
    snprintf(buf, n, "%s%s", base, (p->flags & HV_PF_ARRAY) ? "[]" : "");
    return buf;
}

/* ---- finding parameters by name ---- */

static bool
prefix_ci(const char *prefix, const char *s)
{
    size_t n = strlen(prefix);
    return strlen(s) >= n && hv_strn_eq_ci(prefix, n, s, n);
}

static bool
name_exact(const hv_param_def *p, const char *name)
{
    if (hv_str_eq_ci(p->name, name))
        return true;
    for (const char *const *a = p->aliases; a && *a; a++)
        if (hv_str_eq_ci(*a, name))
            return true;
    return false;
}

static bool
name_prefix(const hv_param_def *p, const char *name)
{
    if (prefix_ci(name, p->name))
        return true;
    for (const char *const *a = p->aliases; a && *a; a++)
        if (prefix_ci(name, *a))
            return true;
    return false;
}

int
hv_bind_find(const hv_binding *b, const char *name, hv_bind_fail *fail)
{
    for (int i = 0; i < b->ntotal; i++)
        if (name_exact(hv_bind_param(b, i), name))
            return i;
    int found = -1, nfound = 0;
    char list[512] = "";
    size_t used = 0;
    for (int i = 0; i < b->ntotal; i++) {
        const hv_param_def *p = hv_bind_param(b, i);
        if (!name_prefix(p, name))
            continue;
        if (nfound++ == 0)
            found = i;
        int w = snprintf(list + used, sizeof list - used, " -%s", p->name);
        if (w > 0 && (size_t)w < sizeof list - used)
            used += (size_t)w;
    }
    if (nfound <= 1)
        return found;
    failf(fail, "AmbiguousParameter", HV_CAT_InvalidArgument, NULL, -1, NULL,
          "Parameter cannot be processed because the parameter name '%s' is ambiguous. "
          "Possible matches include:%s.",
          name, list);
    return -2;
}

/* ---- conversion and validation ---- */

static bool
elem_exact(hv_param_type t, const hv_value *v)
{
    switch (t) {
    case HV_PT_ANY:
        return true;
    case HV_PT_STRING:
        return v->kind == HV_STRING;
    case HV_PT_BOOL:
    case HV_PT_SWITCH:
        return v->kind == HV_BOOL;
    case HV_PT_INT32:
        return v->kind == HV_INT && v->sub == HV_N_INT32;
    case HV_PT_INT64:
        return v->kind == HV_INT && v->sub == HV_N_INT64;
    case HV_PT_UINT8:
        return v->kind == HV_INT && v->sub == HV_N_BYTE;
    case HV_PT_UINT16:
        return v->kind == HV_INT && v->sub == HV_N_UINT16;
    case HV_PT_UINT32:
        return v->kind == HV_INT && v->sub == HV_N_UINT32;
    case HV_PT_UINT64:
        return v->kind == HV_INT && v->sub == HV_N_UINT64;
    case HV_PT_DOUBLE:
        return v->kind == HV_DOUBLE;
    case HV_PT_ENUM:
        return v->kind == HV_ENUM || v->kind == HV_STRING;
    case HV_PT_SCRIPTBLOCK:
        return v->kind == HV_SCRIPTBLOCK;
    case HV_PT_HASHTABLE:
        return v->kind == HV_TABLE;
    case HV_PT_DATETIME:
        return v->kind == HV_DATETIME;
    case HV_PT_TIMESPAN:
        return v->kind == HV_TIMESPAN;
    default:
        return false;
    }
}

static bool
value_exact(const hv_param_def *p, const hv_value *v)
{
    if (p->type == HV_PT_ANY)
        return true;
    if (p->flags & HV_PF_ARRAY) {
        if (v->kind != HV_ARRAY)
            return elem_exact(p->type, v);
        size_t n = hv_array_len(v);
        for (size_t i = 0; i < n; i++)
            if (!elem_exact(p->type, hv_array_at(v, i)))
                return false;
        return true;
    }
    return v->kind != HV_ARRAY && elem_exact(p->type, v);
}

static const char *const lookup_names[HV_PT__COUNT] = {
    [HV_PT_STRING] = "string",     [HV_PT_BOOL] = "bool",         [HV_PT_INT32] = "int",
    [HV_PT_INT64] = "long",        [HV_PT_UINT8] = "byte",        [HV_PT_UINT16] = "uint16",
    [HV_PT_UINT32] = "uint32",     [HV_PT_UINT64] = "uint64",     [HV_PT_DOUBLE] = "double",
    [HV_PT_DATETIME] = "datetime", [HV_PT_TIMESPAN] = "timespan",
};

typedef struct {
    const hv_binding *b;
    int pi;  /* parameter index */
    int arg; /* argument index for the underline, or -1 */
    hv_bind_fail *fail;
} conv_ctx;

static const char *
show_value(const hv_value *v, char *buf, size_t n)
{
    HV_AUTO hv_value s = hv_conv_to_string(v, NULL);
    snprintf(buf, n, "%s", hv_str_cstr(&s));
    return buf;
}

static bool
conv_fail(const conv_ctx *c, const char *inner)
{
    const hv_param_def *p = hv_bind_param(c->b, c->pi);
    if (c->b->def->flags & HV_CF_FUNCTION)
        return failf(c->fail, "ParameterArgumentTransformationError", HV_CAT_InvalidData, NULL,
                     c->arg, p->name,
                     "Cannot process argument transformation on parameter '%s'. %s", p->name,
                     inner);
    return failf(c->fail, "CannotConvertArgumentNoMessage", HV_CAT_InvalidArgument, NULL, c->arg,
                 p->name, "Cannot bind parameter '%s'. %s", p->name, inner);
}

static bool
enum_convert(const conv_ctx *c, const hv_param_def *p, const hv_value *v, hv_value *out)
{
    const hv_enum_def *e = p->enum_def;
    if (v->kind == HV_ENUM && v->u.e == e) {
        *out = *v;
        return true;
    }
    int32_t n;
    if (v->kind == HV_INT) {
        *out = hv_enum(e, (int32_t)hv_int_of(v));
        return true;
    }
    if (v->kind == HV_ARRAY && e->flags && !(p->flags & HV_PF_ARRAY) && hv_array_len(v) > 0) {
        /* several values for one [Flags] enum parameter: their bitwise OR */
        int32_t acc = 0;
        for (size_t i = 0; i < hv_array_len(v); i++) {
            hv_value one;
            if (!enum_convert(c, p, hv_array_at(v, i), &one))
                return false;
            acc |= one.aux;
        }
        *out = hv_enum(e, acc);
        return true;
    }
    HV_AUTO hv_value s = hv_conv_to_string(v, NULL);
    if (hv_enum_parse(e, hv_str_cstr(&s), &n)) {
        *out = hv_enum(e, n);
        return true;
    }
    hv_buf names = {0};
    for (int i = 0; i < e->count; i++)
        hv_buf_printf(&names, "%s%s", i ? ", " : "", e->names[i]);
    char inner[700];
    snprintf(inner, sizeof inner,
             "Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the "
             "identifier name %s to a valid enumerator name. Specify one of the following "
             "enumerator names and try again:\n%s\"",
             hv_str_cstr(&s), e->type_name, hv_str_cstr(&s), names.data ? names.data : "");
    hv_buf_free(&names);
    return conv_fail(c, inner);
}

/* Convert one element to the parameter's element type. */
static bool
elem_convert(const conv_ctx *c, const hv_param_def *p, const hv_value *v, hv_value *out)
{
    char tmp[256];
    switch (p->type) {
    case HV_PT_ANY:
        *out = hv_ref(v);
        return true;
    case HV_PT_SWITCH:
        *out = hv_bool(hv_conv_to_bool(v));
        out->sub = 1; /* a SwitchParameter: .IsPresent, GetType() (convert.c) */
        return true;
    case HV_PT_BOOL:
        /* [bool] parameters take only booleans and numbers, as in pwsh */
        if (v->kind == HV_BOOL || hv_is_number(v) || v->kind == HV_NULL) {
            *out = hv_bool(hv_conv_to_bool(v));
            return true;
        }
        if (c->b->def->flags & HV_CF_FUNCTION) {
            snprintf(tmp, sizeof tmp,
                     "Cannot convert value \"%s\" to type \"System.Boolean\". Boolean parameters "
                     "accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
                     hv_type_name_of(v));
            return conv_fail(c, tmp);
        }
        return failf(c->fail, "CannotConvertArgument", HV_CAT_InvalidArgument, NULL, c->arg,
                     p->name,
                     "Cannot convert '%s' to the type 'System.Boolean' required by parameter "
                     "'%s'. Boolean parameters accept only Boolean values and numbers, such as "
                     "$True, $False, 1 or 0.",
                     hv_type_name_of(v), p->name);
    case HV_PT_STRING:
        if (v->kind == HV_STRING || v->kind == HV_NULL) {
            *out = v->kind == HV_NULL ? hv_str_empty() : hv_ref(v);
            return true;
        }
        *out = hv_conv_to_string(v, NULL);
        return true;
    case HV_PT_ENUM:
        if (p->enum_def)
            return enum_convert(c, p, v, out);
        *out = v->kind == HV_STRING ? hv_ref(v) : hv_conv_to_string(v, NULL);
        return true;
    case HV_PT_SCRIPTBLOCK:
    case HV_PT_HASHTABLE:
        if (elem_exact(p->type, v) || v->kind == HV_NULL) {
            *out = hv_ref(v);
            return true;
        }
        snprintf(tmp, sizeof tmp, "Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".",
                 show_value(v, (char[128]){0}, 128), hv_type_name_of(v), full_type_names[p->type]);
        return conv_fail(c, tmp);
    default:
        break;
    }
    if (elem_exact(p->type, v)) {
        *out = *v;
        return true;
    }
    const hv_type_info *t = hv_type_lookup(lookup_names[p->type]);
    hv_conv_err err = {{0}};
    if (t && hv_conv_to_type(v, t, out, &err))
        return true;
    if (!err.msg[0])
        snprintf(err.msg, sizeof err.msg, "Cannot convert value \"%s\" to type \"%s\".",
                 show_value(v, tmp, sizeof tmp), full_type_names[p->type]);
    return conv_fail(c, err.msg);
}

static bool
validate_one(const conv_ctx *c, const hv_param_def *p, const hv_value *v)
{
    const char *pre = "Cannot validate argument on parameter";
    char buf[256];
    if (p->accepted && v->kind != HV_NULL) {
        HV_AUTO hv_value s = hv_conv_to_string(v, NULL);
        bool ok = false;
        for (const char *const *a = p->accepted; *a && !ok; a++)
            ok = hv_str_eq_ci(*a, hv_str_cstr(&s));
        if (!ok) {
            hv_buf set = {0};
            for (const char *const *a = p->accepted; *a; a++)
                hv_buf_printf(&set, "%s%s", a == p->accepted ? "" : ",", *a);
            failf(c->fail, "ParameterArgumentValidationError", HV_CAT_InvalidData,
                  "System.Management.Automation.ParameterBindingValidationException", c->arg,
                  p->name,
                  "%s '%s'. The argument \"%s\" does not belong to the set \"%s\" specified by "
                  "the ValidateSet attribute. Supply an argument that is in the set and then "
                  "try the command again.",
                  pre, p->name, hv_str_cstr(&s), set.data ? set.data : "");
            hv_buf_free(&set);
            return false;
        }
    }
    if (p->min < p->max && hv_is_number(v)) {
        double d = v->kind == HV_DOUBLE ? v->u.d : (double)hv_int_of(v);
        show_value(v, buf, sizeof buf);
        if (d < (double)p->min)
            return failf(c->fail, "ParameterArgumentValidationError", HV_CAT_InvalidData,
                         "System.Management.Automation.ParameterBindingValidationException", c->arg,
                         p->name,
                         "%s '%s'. The %s argument is less than the minimum allowed range of "
                         "%lld. Supply an argument that is greater than or equal to %lld and "
                         "then try the command again.",
                         pre, p->name, buf, (long long)p->min, (long long)p->min);
        if (d > (double)p->max)
            return failf(c->fail, "ParameterArgumentValidationError", HV_CAT_InvalidData,
                         "System.Management.Automation.ParameterBindingValidationException", c->arg,
                         p->name,
                         "%s '%s'. The %s argument is greater than the maximum allowed range "
                         "of %lld. Supply an argument that is less than or equal to %lld and "
                         "then try the command again.",
                         pre, p->name, buf, (long long)p->max, (long long)p->max);
    }
    return true;
}

static bool
null_or_empty(const hv_value *v)
{
    return v->kind == HV_NULL || (v->kind == HV_STRING && hv_str_len(v) == 0) ||
           (v->kind == HV_ARRAY && hv_array_len(v) == 0);
}

static bool
validate(const conv_ctx *c, const hv_param_def *p, const hv_value *v, const hv_value *orig)
{
    if ((p->flags & HV_PF_NO_EMPTY) && (p->flags & HV_PF_NOT_NULL_ONLY) &&
        orig->kind == HV_NULL)
        return failf(c->fail, "ParameterArgumentValidationError", HV_CAT_InvalidData,
                     "System.Management.Automation.ParameterBindingValidationException", c->arg,
                     p->name,
                     "Cannot validate argument on parameter '%s'. The argument is null. Provide "
                     "a valid value for the argument, and then try the command again.",
                     p->name);
    if ((p->flags & HV_PF_NO_EMPTY) && !(p->flags & HV_PF_NOT_NULL_ONLY) && null_or_empty(orig))
        return failf(c->fail, "ParameterArgumentValidationError", HV_CAT_InvalidData,
                     "System.Management.Automation.ParameterBindingValidationException", c->arg,
                     p->name,
                     "Cannot validate argument on parameter '%s'. The argument is null or "
                     "empty. Provide an argument that is not null or empty, and then try the "
                     "command again.",
                     p->name);
    if ((p->flags & HV_PF_MANDATORY) && (p->flags & HV_PF_ARRAY) && orig->kind == HV_ARRAY &&
        hv_array_len(orig) == 0 && !(p->flags & HV_PF_ALLOW_EMPTY_COLLECTION))
        return failf(
            c->fail, "ParameterArgumentValidationErrorEmptyArrayNotAllowed", HV_CAT_InvalidData,
            "System.Management.Automation.ParameterBindingValidationException", c->arg, p->name,
            "Cannot bind argument to parameter '%s' because it is an empty array.", p->name);
    if ((p->flags & HV_PF_MANDATORY) && p->type != HV_PT_ANY && p->type != HV_PT_SWITCH) {
        if (orig->kind == HV_NULL)
            return failf(
                c->fail, "ParameterArgumentValidationErrorNullNotAllowed", HV_CAT_InvalidData,
                "System.Management.Automation.ParameterBindingValidationException", c->arg, p->name,
                "Cannot bind argument to parameter '%s' because it is null.", p->name);
        if (p->type == HV_PT_STRING && orig->kind == HV_STRING && hv_str_len(orig) == 0 &&
            !(p->flags & HV_PF_ALLOW_EMPTY_STRING))
            return failf(
                c->fail, "ParameterArgumentValidationErrorEmptyStringNotAllowed",
                HV_CAT_InvalidData,
                "System.Management.Automation.ParameterBindingValidationException", c->arg, p->name,
                "Cannot bind argument to parameter '%s' because it is an empty string.", p->name);
    }
    if (v->kind == HV_ARRAY && (p->flags & HV_PF_ARRAY)) {
        size_t n = hv_array_len(v);
        for (size_t i = 0; i < n; i++)
            if (!validate_one(c, p, hv_array_at(v, i)))
                return false;
        return true;
    }
    return validate_one(c, p, v);
}

/* Convert (and validate) an argument for parameter pi. exact_only: succeed only when no
 * conversion is needed (first pass of positional / pipeline binding). */
static bool
convert_for(const conv_ctx *c, const hv_value *v, bool exact_only, hv_value *out)
{
    const hv_param_def *p = hv_bind_param(c->b, c->pi);
    if (exact_only && !value_exact(p, v))
        return false;
    hv_value r = hv_null();
    if (p->flags & HV_PF_ARRAY) {
        if (v->kind == HV_NULL && p->type == HV_PT_ANY) {
            r = hv_null();
        } else {
            size_t n = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
            r = hv_array_new(n);
            for (size_t i = 0; i < n; i++) {
                const hv_value *e = v->kind == HV_ARRAY ? hv_array_at(v, i) : v;
                hv_value ce;
                if (!elem_convert(c, p, e, &ce)) {
                    hv_unref(r);
                    return false;
                }
                hv_array_push(&r, ce);
            }
        }
    } else if (v->kind == HV_ARRAY && p->type != HV_PT_ANY) {
        size_t n = hv_array_len(v);
        if (n == 1 && p->type != HV_PT_SWITCH && p->type != HV_PT_BOOL) {
            if (!elem_convert(c, p, hv_array_at(v, 0), &r))
                return false;
        } else if (p->type == HV_PT_STRING || p->type == HV_PT_SWITCH || p->type == HV_PT_BOOL) {
            if (p->type == HV_PT_STRING) {
                char msg[300];
                snprintf(msg, sizeof msg,
                         "Cannot convert 'System.Object[]' to the type 'System.String' required "
                         "by parameter '%s'. Specified method is not supported.",
                         p->name);
                return failf(c->fail, "CannotConvertArgument", HV_CAT_InvalidArgument, NULL, c->arg,
                             p->name, "%s", msg);
            }
            r = hv_bool(hv_conv_to_bool(v));
        } else if (!elem_convert(c, p, v, &r)) {
            return false;
        }
    } else if (!elem_convert(c, p, v, &r)) {
        return false;
    }
    if (!validate(c, p, &r, v)) {
        hv_unref(r);
        return false;
    }
    *out = r;
    return true;
}

/* ---- binding primitives ---- */

static void
set_value(hv_binding *b, int pi, hv_value v, uint8_t how)
{
    hv_unref(b->vals[pi]);
    b->vals[pi] = v;
    b->how[pi] = how;
}

/* States of an argument during command-line binding. */
enum { USED_NO = 0, USED_BOUND = 1, USED_EXTRA = 2 };

static void
add_extra(hv_binding *b, hv_value v)
{
    if (b->extras.kind != HV_ARRAY)
        b->extras = hv_array_new(4);
    hv_array_push(&b->extras, v);
}

static bool
ambiguous_set(hv_bind_fail *f, int arg)
{
    return failf(f, "AmbiguousParameterSet", HV_CAT_InvalidArgument, NULL, arg, NULL,
                 "Parameter set cannot be resolved using the specified named parameters. One "
                 "or more parameters issued cannot be used together or an insufficient number "
                 "of parameters were provided.");
}

static bool
arg_display(const hv_arg *a, char *buf, size_t n)
{
    if (a->param) {
        snprintf(buf, n, "%s", a->text ? a->text : a->param);
        return true;
    }
    show_value(&a->value, buf, n);
    return true;
}

/* Bind argument value v (from args[ai]) to parameter pi; narrows the candidate sets. */
static bool
bind_named_value(hv_binding *b, int pi, const hv_value *v, int ai, hv_bind_fail *fail)
{
    const hv_param_def *p = hv_bind_param(b, pi);
    if (b->how[pi] != HV_BOUND_NONE)
        return failf(fail, "ParameterAlreadyBound", HV_CAT_InvalidArgument, NULL, ai, p->name,
                     "Cannot bind parameter because parameter '%s' is specified more than once. "
                     "To provide multiple values to parameters that can accept multiple values, "
                     "use the array syntax. For example, \"-parameter value1,value2,value3\".",
                     p->name);
    if (pi < b->nparams) {
        unsigned s = b->sets & param_sets(b, p);
        if (!s)
            return ambiguous_set(fail, ai);
        b->sets = s;
    }
    conv_ctx c = {.b = b, .pi = pi, .arg = ai, .fail = fail};
    hv_value out;
    if (!convert_for(&c, v, false, &out))
        return false;
    set_value(b, pi, out, HV_BOUND_ARG);
    return true;
}

static bool
missing_argument(hv_binding *b, int pi, int ai, hv_bind_fail *fail)
{
    const hv_param_def *p = hv_bind_param(b, pi);
    char tn[160];
    return failf(fail, "MissingArgument", HV_CAT_InvalidArgument, NULL, ai, p->name,
                 "Missing an argument for parameter '%s'. Specify a parameter of type '%s' and "
                 "try again.",
                 p->name, hv_bind_type_name(p, tn, sizeof tn));
}

/* Named pass: binds -Name value / -Name:value; marks consumed arguments. */
static bool
bind_named(hv_binding *b, const hv_arg *args, size_t nargs, uint8_t *used, hv_bind_fail *fail)
{
    for (size_t i = 0; i < nargs; i++) {
        const hv_arg *a = &args[i];
        if (!a->param || used[i])
            continue;
        used[i] = true;
        int pi = hv_bind_find(b, a->param, fail);
        if (pi == -2) {
            fail->arg = (int)i;
            return false;
        }
        if (pi < 0) {
            if (b->lenient) {
                used[i] = USED_EXTRA; /* into $args, in argument order (below) */
                continue;
            }
            return failf(fail, "NamedParameterNotFound", HV_CAT_InvalidArgument, NULL, (int)i,
                         a->param, "A parameter cannot be found that matches parameter name '%s'.",
                         a->param);
        }
        const hv_param_def *p = hv_bind_param(b, pi);
        if (a->has_value) {
            if (!bind_named_value(b, pi, &a->value, (int)i, fail))
                return false;
        } else if (p->type == HV_PT_SWITCH) {
            hv_value t = hv_bool(true);
            if (!bind_named_value(b, pi, &t, (int)i, fail))
                return false;
        } else if (i + 1 < nargs && !args[i + 1].param) {
            used[++i] = true;
            if (!bind_named_value(b, pi, &args[i].value, (int)i, fail))
                return false;
        } else {
            return missing_argument(b, pi, (int)i, fail);
        }
    }
    return true;
}

/* The unbound parameter of the command's own table with the smallest position greater
 * than `after` among the candidate sets; -1 if none. */
static int
next_position(const hv_binding *b, int after)
{
    int best = -1;
    for (int i = 0; i < b->nparams; i++) {
        const hv_param_def *p = &b->def->params[i];
        if (p->position < 0 || p->position <= after || b->how[i] != HV_BOUND_NONE)
            continue;
        if (p->type == HV_PT_SWITCH || !(param_sets(b, p) & b->sets))
            continue;
        if (best < 0 || p->position < best)
            best = p->position;
    }
    return best;
}

static int
remaining_param(const hv_binding *b)
{
    for (int i = 0; i < b->nparams; i++) {
        const hv_param_def *p = &b->def->params[i];
        if ((p->flags & HV_PF_REMAINING) && b->how[i] == HV_BOUND_NONE &&
            (param_sets(b, p) & b->sets))
            return i;
    }
    return -1;
}

/* Collect this and every later positional argument into the remaining-arguments param. */
static bool
bind_remaining(hv_binding *b, int pi, const hv_arg *args, size_t nargs, uint8_t *used, size_t from,
               hv_bind_fail *fail)
{
    hv_value all = hv_array_new(4);
    for (size_t j = from; j < nargs; j++) {
        if (used[j])
            continue;
        used[j] = true;
        hv_array_push(&all, args[j].param ? hv_str(args[j].text ? args[j].text : args[j].param)
                                          : hv_ref(&args[j].value));
    }
    b->sets &= param_sets(b, hv_bind_param(b, pi));
    conv_ctx c = {.b = b, .pi = pi, .arg = (int)from, .fail = fail};
    hv_value out;
    bool ok = convert_for(&c, &all, false, &out);
    hv_unref(all);
    if (ok)
        set_value(b, pi, out, HV_BOUND_ARG);
    return ok;
}

/* Try the candidates at one position: the default set's first, exact types first. */
static int
bind_at_position(hv_binding *b, int pos, const hv_value *v, int ai, hv_bind_fail *fail)
{
    int cand[32], nc = 0;
    int dflt = b->def->default_set;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < b->nparams && nc < 32; i++) {
            const hv_param_def *p = &b->def->params[i];
            if (p->position != pos || b->how[i] != HV_BOUND_NONE || p->type == HV_PT_SWITCH)
                continue;
            unsigned s = param_sets(b, p) & b->sets;
            if (!s)
                continue;
            bool in_default = (s & HV_SET(dflt)) != 0;
            if ((pass == 0) == in_default)
                cand[nc++] = i;
        }
    if (nc == 0)
        return -1;
    for (int exact = 1; exact >= 0; exact--)
        for (int k = 0; k < nc; k++) {
            conv_ctx c = {.b = b, .pi = cand[k], .arg = ai, .fail = NULL};
            hv_value out;
            if (convert_for(&c, v, exact, &out)) {
                b->sets &= param_sets(b, &b->def->params[cand[k]]);
                set_value(b, cand[k], out, HV_BOUND_ARG);
                return cand[k];
            }
        }
    /* none accepted it: report the first candidate's conversion error */
    conv_ctx c = {.b = b, .pi = cand[0], .arg = ai, .fail = fail};
    hv_value out;
    if (convert_for(&c, v, false, &out)) /* cannot happen, but keep refcounts right */
        hv_unref(out);
    return -2;
}

static bool
bind_positional(hv_binding *b, const hv_arg *args, size_t nargs, uint8_t *used, hv_bind_fail *fail)
{
    int after = -1;
    for (size_t i = 0; i < nargs; i++) {
        if (used[i])
            continue;
        int bound = -1;
        for (;;) {
            int pos = next_position(b, after);
            if (pos < 0)
                break;
            const hv_param_def *rp = NULL;
            for (int k = 0; k < b->nparams; k++) {
                const hv_param_def *p = &b->def->params[k];
                if (p->position == pos && (p->flags & HV_PF_REMAINING) &&
                    b->how[k] == HV_BOUND_NONE && (param_sets(b, p) & b->sets)) {
                    rp = p;
                    return bind_remaining(b, k, args, nargs, used, i, fail);
                }
            }
            (void)rp;
            bound = bind_at_position(b, pos, &args[i].value, (int)i, fail);
            if (bound == -2)
                return false;
            after = pos;
            if (bound >= 0)
                break;
        }
        if (bound >= 0) {
            used[i] = true;
            continue;
        }
        int rem = remaining_param(b);
        if (rem >= 0)
            return bind_remaining(b, rem, args, nargs, used, i, fail);
        if (b->lenient) {
            for (size_t j = i; j < nargs; j++)
                if (!used[j])
                    used[j] = USED_EXTRA;
            return true;
        }
        char shown[300];
        arg_display(&args[i], shown, sizeof shown);
        failf(fail, "PositionalParameterNotFound", HV_CAT_InvalidArgument, NULL, (int)i, NULL,
              "A positional parameter cannot be found that accepts argument '%s'.", shown);
        fail->target = hv_ref(&args[i].value);
        return false;
    }
    return true;
}

/* ---- parameter sets and mandatory parameters ---- */

static bool
pipeline_capable(const hv_param_def *p)
{
    return (p->flags & (HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME)) != 0;
}

/* Is every mandatory parameter of `set` bound (or, with pipe, bindable from input)? */
static bool
set_satisfied(const hv_binding *b, int set, bool pipe)
{
    for (int i = 0; i < b->nparams; i++) {
        const hv_param_def *p = &b->def->params[i];
        if (!hv_bind_mandatory_in(p, set) || b->how[i] != HV_BOUND_NONE)
            continue;
        if (pipe && pipeline_capable(p))
            continue;
        return false;
    }
    return true;
}

static int
single_bit(unsigned m)
{
    if (!m || (m & (m - 1)))
        return -1;
    return __builtin_ctz(m);
}

static bool
missing_mandatory(const hv_binding *b, int set, bool pipe, bool input_msg, hv_bind_fail *fail)
{
    hv_buf names = {0};
    for (int i = 0; i < b->nparams; i++) {
        const hv_param_def *p = &b->def->params[i];
        if (!hv_bind_mandatory_in(p, set) || b->how[i] != HV_BOUND_NONE)
            continue;
        if (pipe && pipeline_capable(p))
            continue;
        hv_buf_printf(&names, "%s%s", names.len ? " " : "", p->name);
        if (fail && fail->nmissing < 16)
            fail->missing[fail->nmissing++] = i;
    }
    if (!names.len)
        return true;
    if (input_msg)
        failf(fail, "InputObjectMissingMandatory", HV_CAT_InvalidArgument, NULL, -1, NULL,
              "The input object cannot be bound because it did not contain the information "
              "required to bind all mandatory parameters: %s",
              names.data);
    else
        failf(fail, "MissingMandatoryParameter", HV_CAT_InvalidArgument, NULL, -1, NULL,
              "Cannot process command because of one or more missing mandatory parameters: "
              "%s.",
              names.data);
    hv_buf_free(&names);
    return false;
}

/* Choose the parameter set from the candidates. With pipe, sets that pipeline input could
 * complete are still possible and the decision may be left for the first object. */
static bool
resolve_set(hv_binding *b, unsigned cand, bool pipe, bool input_msg, hv_bind_fail *fail)
{
    int one = single_bit(cand);
    if (one < 0) {
        unsigned sat = 0;
        for (int s = 0; s < 32; s++)
            if ((cand & (1u << s)) && set_satisfied(b, s, pipe))
                sat |= 1u << s;
        int dflt = b->def->default_set;
        if (single_bit(sat) >= 0) {
            one = single_bit(sat);
        } else if (pipe && sat) {
            b->sets = sat;
            return true; /* decided per pipeline object (default set first) */
        } else if (sat & HV_SET(dflt)) {
            one = dflt;
        } else if (!sat && (cand & HV_SET(dflt))) {
            one = dflt;
        } else {
            return ambiguous_set(fail, -1);
        }
    }
    b->set_index = one;
    return missing_mandatory(b, one, pipe, input_msg, fail);
}

bool
hv_bind_args(hv_binding *b, const hv_arg *args, size_t nargs, bool expect_input, hv_bind_fail *fail)
{
    /* `--` (unquoted) ends the parameters: it is dropped and every later -Name is a
     * positional string, as about_Parsing documents (Write-Output -- -x prints -x). */
    for (size_t k = 0; k < nargs; k++) {
        const hv_arg *m = &args[k];
        if (m->param || !m->bare_word || m->value.kind != HV_STRING ||
            strcmp(hv_str_cstr(&m->value), "--") != 0)
            continue;
        hv_arg *copy = hv_xcalloc(nargs + 1, sizeof *copy);
        size_t n = 0, first_temp = k;
        for (size_t i = 0; i < k; i++)
            copy[n++] = args[i];
        for (size_t i = k + 1; i < nargs; i++) {
            if (!args[i].param) {
                copy[n] = args[i];
                copy[n++].bare_word = false;
                continue;
            }
            hv_value txt = hv_str(args[i].text ? args[i].text : args[i].param);
            if (args[i].has_value) { /* -x:value after -- stays one literal argument */
                hv_value sv = hv_conv_to_string(&args[i].value, NULL);
                hv_value j = hv_strf("%s%s", hv_str_cstr(&txt), hv_str_cstr(&sv));
                hv_unref(sv);
                hv_unref(txt);
                txt = j;
            }
            copy[n++] = (hv_arg){.value = txt, .has_value = true};
        }
        bool ok = hv_bind_args(b, copy, n, expect_input, fail);
        for (size_t i = k + 1, j = first_temp; i < nargs; i++, j++)
            if (args[i].param)
                hv_unref(copy[j].value);
        free(copy);
        return ok;
    }
    memset(fail, 0, sizeof *fail);
    fail->target = hv_null();
    fail->arg = -1;
    uint8_t *used = hv_xcalloc(nargs + 1, sizeof *used);
    bool ok = bind_named(b, args, nargs, used, fail) && bind_positional(b, args, nargs, used, fail);
    for (size_t i = 0; ok && i < nargs; i++) {
        if (used[i] != USED_EXTRA)
            continue;
        const hv_arg *a = &args[i];
        if (!a->param) {
            add_extra(b, hv_ref(&a->value));
            continue;
        }
        add_extra(b, hv_str(a->text ? a->text : a->param));
        if (a->has_value)
            add_extra(b, hv_ref(&a->value));
    }
    free(used);
    if (!ok)
        return false;
    if (!b->takes_input)
        expect_input = false;
    return resolve_set(b, b->sets, expect_input, false, fail);
}

/* ---- pipeline input ---- */

void
hv_bind_pipeline_reset(hv_binding *b)
{
    for (int i = 0; i < b->nparams; i++)
        if (b->how[i] == HV_BOUND_PIPE) {
            hv_unref(b->vals[i]);
            b->vals[i] = hv_null();
            b->how[i] = HV_BOUND_NONE;
        }
}

static const hv_value *
property_of(const hv_value *in, const hv_param_def *p)
{
    const hv_value *v = NULL;
    if (in->kind == HV_OBJECT) {
        v = hv_obj_get(in, p->name);
        for (const char *const *a = p->aliases; !v && a && *a; a++)
            v = hv_obj_get(in, *a);
    } else if (in->kind == HV_TABLE) {
        v = hv_table_gets(in, p->name);
        for (const char *const *a = p->aliases; !v && a && *a; a++)
            v = hv_table_gets(in, *a);
    }
    return v;
}

/* One pass over the pipeline parameters; returns the number bound. */
static int
pipe_pass(hv_binding *b, const hv_value *in, unsigned flag, bool exact, unsigned *sets)
{
    int n = 0;
    for (int i = 0; i < b->nparams; i++) {
        const hv_param_def *p = &b->def->params[i];
        if (!(p->flags & flag) || b->how[i] != HV_BOUND_NONE)
            continue;
        unsigned s = param_sets(b, p) & *sets;
        if (!s)
            continue;
        const hv_value *v = flag == HV_PF_BY_VALUE ? in : property_of(in, p);
        if (!v)
            continue;
        conv_ctx c = {.b = b, .pi = i, .arg = -1, .fail = NULL};
        hv_value out;
        if (!convert_for(&c, v, exact, &out))
            continue;
        set_value(b, i, out, HV_BOUND_PIPE);
        *sets = s;
        n++;
    }
    return n;
}

static int
pipe_bind_all(hv_binding *b, const hv_value *in, unsigned *sets)
{
    int n = pipe_pass(b, in, HV_PF_BY_VALUE, true, sets);
    n += pipe_pass(b, in, HV_PF_BY_PROPERTY_NAME, true, sets);
    n += pipe_pass(b, in, HV_PF_BY_VALUE, false, sets);
    n += pipe_pass(b, in, HV_PF_BY_PROPERTY_NAME, false, sets);
    return n;
}

/* The common case (ForEach-Object, Where-Object, Measure-Object, functions with one
 * ValueFromPipeline parameter): the only parameter pipeline input can bind is one
 * ValueFromPipeline parameter that belongs to every candidate set, and binding it always
 * resolves to the same set. Then each object is converted and bound without any search
 * (an untyped one with just a reference). Returns the parameter, *set the set. */
static int
fast_param(const hv_binding *b, int *set)
{
    unsigned sets = b->set_index >= 0 ? HV_SET(b->set_index) : b->sets;
    int found = -1;
    for (int i = 0; i < b->nparams; i++) {
        const hv_param_def *p = &b->def->params[i];
        if (!pipeline_capable(p) || b->how[i] != HV_BOUND_NONE || !(param_sets(b, p) & sets))
            continue;
        if (found >= 0 || (p->flags & HV_PF_BY_PROPERTY_NAME) || (param_sets(b, p) & sets) != sets)
            return -1;
        found = i;
    }
    if (found < 0)
        return -1;
    if (b->set_index >= 0) {
        *set = b->set_index;
        return found;
    }
    unsigned sat = 0; /* the sets complete once `found` is bound */
    for (int s = 0; s < 32; s++) {
        if (!(sets & (1u << s)))
            continue;
        bool ok = true;
        for (int i = 0; i < b->nparams && ok; i++)
            if (i != found && hv_bind_mandatory_in(&b->def->params[i], s) &&
                b->how[i] == HV_BOUND_NONE)
                ok = false;
        if (ok)
            sat |= 1u << s;
    }
    if (single_bit(sat) >= 0)
        *set = single_bit(sat);
    else if (sat & HV_SET(b->def->default_set))
        *set = b->def->default_set;
    else
        return -1;
    return found;
}

bool
hv_bind_pipeline(hv_binding *b, const hv_value *in, hv_bind_fail *fail)
{
    if (b->fast_pi == -2)
        b->fast_pi = b->takes_input ? fast_param(b, &b->fast_set) : -1;
    if (b->fast_pi >= 0) {
        const hv_param_def *p = &b->def->params[b->fast_pi];
        hv_value out;
        bool plain = p->type == HV_PT_ANY && !(p->flags & (HV_PF_ARRAY | HV_PF_NO_EMPTY)) &&
                     !p->accepted && !(p->min < p->max);
        conv_ctx c = {.b = b, .pi = b->fast_pi, .arg = -1, .fail = NULL};
        if (plain)
            out = hv_ref(in);
        else if (!convert_for(&c, in, false, &out))
            goto slow; /* the general path reports why the object does not bind */
        hv_unref(b->vals[b->fast_pi]);
        b->vals[b->fast_pi] = out;
        b->how[b->fast_pi] = HV_BOUND_PIPE;
        b->obj_sets = HV_SET(b->fast_set);
        return true;
    }
slow:
    memset(fail, 0, sizeof *fail);
    fail->target = hv_null();
    fail->arg = -1;
    hv_bind_pipeline_reset(b);
    if (!b->takes_input) {
        if (b->lenient)
            return true; /* simple functions and script blocks see it as $_ / $input */
        goto not_bound;
    }
    unsigned base = b->set_index >= 0 ? HV_SET(b->set_index) : b->sets;
    unsigned sets = base;
    int dflt = b->def->default_set;
    int n = 0;
    if (b->set_index < 0 && (base & HV_SET(dflt)) && single_bit(base) < 0) {
        /* prefer the default set when it can be completed by this object */
        sets = HV_SET(dflt);
        n = pipe_bind_all(b, in, &sets);
        if (n && set_satisfied(b, dflt, false)) {
            b->obj_sets = sets;
            return true;
        }
        hv_bind_pipeline_reset(b);
        sets = base;
    }
    n = pipe_bind_all(b, in, &sets);
    if (!n)
        goto not_bound;
    b->obj_sets = sets;
    if (b->set_index >= 0)
        return missing_mandatory(b, b->set_index, false, true, fail);
    int keep = b->set_index;
    bool ok = resolve_set(b, sets, false, true, fail);
    b->obj_sets = b->set_index >= 0 ? HV_SET(b->set_index) : sets;
    b->set_index = keep; /* the next object decides again */
    return ok;

not_bound:
    failf(fail, "InputObjectNotBound", HV_CAT_InvalidArgument, NULL, -1, NULL,
          "The input object cannot be bound to any parameters for the command either because "
          "the command does not take pipeline input or the input and its properties do not "
          "match any of the parameters that take pipeline input.");
    fail->target = hv_ref(in);
    return false;
}
