/* util_measure.c — Measure-Object, Compare-Object, Tee-Object. */
#include "cmdlets/util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ======================================================================================
 * Measure-Object
 * ====================================================================================== */
enum { MO_SET_GENERIC, MO_SET_TEXT };
enum { MO_INPUT, MO_PROPERTY, MO_STDDEV, MO_SUM, MO_ALLSTATS, MO_AVERAGE, MO_MAXIMUM,
       MO_MINIMUM, MO_LINE, MO_WORD, MO_CHARACTER, MO_IGNOREWS, MO__N };
#define MO_G HV_SET(MO_SET_GENERIC)
#define MO_T HV_SET(MO_SET_TEXT)

static const hv_param_def mo_params[MO__N + 1] = {
    [MO_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies the objects to be measured. A collection given with this "
                          "parameter is measured as one object; pipe it to measure each item."},
    [MO_PROPERTY] = {.name = "Property", .type = HV_PT_ANY, .position = 0,
                     .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                     .help = "Specifies one or more properties to measure. If you do not "
                             "specify any other measures, Measure-Object counts the objects "
                             "that have the properties you specify."},
    [MO_STDDEV] = {.name = "StandardDeviation", .type = HV_PT_SWITCH,
                   .position = HV_POS_NAMED, .sets = MO_G,
                   .help = "Indicates that the cmdlet displays the standard deviation of the "
                           "values of the specified properties."},
    [MO_SUM] = {.name = "Sum", .type = HV_PT_SWITCH, .position = HV_POS_NAMED, .sets = MO_G,
                .help = "Indicates that the cmdlet displays the sum of the values of the "
                        "specified properties."},
    [MO_ALLSTATS] = {.name = "AllStats", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .sets = MO_G,
                     .help = "Indicates that the cmdlet displays all the statistics of the "
                             "specified properties."},
    [MO_AVERAGE] = {.name = "Average", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = MO_G,
                    .help = "Indicates that the cmdlet displays the average value of the "
                            "specified properties."},
    [MO_MAXIMUM] = {.name = "Maximum", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = MO_G,
                    .help = "Indicates that the cmdlet displays the maximum value of the "
                            "specified properties."},
    [MO_MINIMUM] = {.name = "Minimum", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = MO_G,
                    .help = "Indicates that the cmdlet displays the minimum value of the "
                            "specified properties."},
    [MO_LINE] = {.name = "Line", .type = HV_PT_SWITCH, .position = HV_POS_NAMED, .sets = MO_T,
                 .help = "Indicates that the cmdlet counts the number of lines in the input "
                         "objects."},
    [MO_WORD] = {.name = "Word", .type = HV_PT_SWITCH, .position = HV_POS_NAMED, .sets = MO_T,
                 .help = "Indicates that the cmdlet counts the number of words in the input "
                         "objects."},
    [MO_CHARACTER] = {.name = "Character", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .sets = MO_T,
                      .help = "Indicates that the cmdlet counts the number of characters in "
                              "the input objects."},
    [MO_IGNOREWS] = {.name = "IgnoreWhiteSpace", .type = HV_PT_SWITCH,
                     .position = HV_POS_NAMED, .sets = MO_T,
                     .help = "Ignores white space in character counts. Without this "
                             "parameter, white space characters are counted."},
    [MO__N] = {.name = NULL},
};

static const char *const mo_generic_list[] = {"Count", "Average", "Sum", "Maximum", "Minimum",
                                              "StandardDeviation", "Property", NULL};
static const hv_obj_class mo_generic_class = {
    .type_name = "Microsoft.PowerShell.Commands.GenericMeasureInfo",
    .base_types = (const char *const[]){"Microsoft.PowerShell.Commands.MeasureInfo", NULL},
    .list_view = mo_generic_list,
};
static const hv_obj_class mo_object_class = {
    .type_name = "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo",
    .base_types = (const char *const[]){"Microsoft.PowerShell.Commands.MeasureInfo", NULL},
    .list_view = mo_generic_list,
};
static const hv_obj_class mo_text_class = {
    .type_name = "Microsoft.PowerShell.Commands.TextMeasureInfo",
    .base_types = (const char *const[]){"Microsoft.PowerShell.Commands.MeasureInfo", NULL},
};

typedef struct {
    char *name;        /* property measured, or NULL for the objects themselves */
    int64_t count;
    double sum, sumsq;
    bool numeric;      /* every value converted to a number */
    hv_value max, min; /* as compared (numbers as doubles when numeric) */
    int64_t lines, words, chars;
} mo_acc;

typedef struct {
    mo_acc *acc;
    size_t nacc;
    bool started;
    hvc_u_vec seen_props; /* for wildcard -Property: names discovered, in order */
} mo_state;

static mo_acc *
mo_acc_for(mo_state *s, const char *name)
{
    for (size_t i = 0; i < s->nacc; i++)
        if ((!name && !s->acc[i].name) ||
            (name && s->acc[i].name && hv_str_eq_ci(name, s->acc[i].name)))
            return &s->acc[i];
    s->acc = hv_xrealloc(s->acc, (s->nacc + 1) * sizeof *s->acc);
    mo_acc *a = &s->acc[s->nacc++];
    memset(a, 0, sizeof *a);
    a->name = name ? hv_xstrdup(name) : NULL;
    a->numeric = true;
    return a;
}

static void
mo_text(mo_acc *a, const hv_value *v, bool ignore_ws)
{
    char *s = hvc_u_cstr(v);
    size_t n = strlen(s);
    if (n > 0)
        a->lines++;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' && i + 1 < n)
            a->lines++;
    bool inword = false;
    size_t i = 0;
    while (i < n) {
        uint32_t cp = hv_utf8_next(s, n, &i);
        bool ws = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' ||
                  cp == '\f' || cp == 0xA0;
        if (!ws && !inword)
            a->words++;
        inword = !ws;
        if (!(ignore_ws && ws))
            a->chars += cp >= 0x10000 ? 2 : 1;
    }
    free(s);
}

static hv_status
mo_value(hv_cmd *cmd, mo_acc *a, const hv_value *v)
{
    a->count++;
    if (hv_cmd_set_index(cmd) == MO_SET_TEXT) {
        mo_text(a, v, hv_cmd_switch(cmd, MO_IGNOREWS));
        return HV_OK;
    }
    bool want_num = hv_cmd_switch(cmd, MO_SUM) || hv_cmd_switch(cmd, MO_AVERAGE) ||
                    hv_cmd_switch(cmd, MO_STDDEV) || hv_cmd_switch(cmd, MO_ALLSTATS);
    bool want_mm = hv_cmd_switch(cmd, MO_MAXIMUM) || hv_cmd_switch(cmd, MO_MINIMUM) ||
                   hv_cmd_switch(cmd, MO_ALLSTATS);
    double d = 0;
    hv_conv_err err;
    bool isnum = v->kind != HV_NULL && hv_conv_to_double(v, &d, &err);
    if (want_num && !isnum) {
        a->count--;
        char *vs = hvc_u_cstr(v);
        hv_status st = hvc_u_error(cmd, HV_CAT_InvalidType, "NonNumericInputObject", v,
                                   "Input object \"%s\" is not numeric.", vs);
        free(vs);
        return st;
    }
    if (isnum) {
        a->sum += d;
        a->sumsq += d * d;
    } else {
        a->numeric = false;
    }
    if (want_mm && v->kind != HV_NULL) {
        hv_value cv = isnum && a->numeric ? hv_double(d) : hv_ref(v);
        if (a->max.kind == HV_NULL || hvc_u_compare(&cv, &a->max, false) > 0) {
            hv_unref(a->max);
            a->max = hv_ref(&cv);
        }
        if (a->min.kind == HV_NULL || hvc_u_compare(&cv, &a->min, false) < 0) {
            hv_unref(a->min);
            a->min = hv_ref(&cv);
        }
        hv_unref(cv);
    }
    return HV_OK;
}

static hv_status
mo_process(hv_cmd *cmd, const hv_value *input)
{
    mo_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, MO_INPUT);
    if (!in)
        in = input;
    s->started = true;
    const hv_value *props = hv_cmd_arg(cmd, MO_PROPERTY);
    if (!props || props->kind == HV_NULL) {
        if (in->kind == HV_NULL && !hv_cmd_bound(cmd, MO_INPUT))
            return HV_OK;
        return mo_value(cmd, mo_acc_for(s, NULL), in);
    }
    size_t np = props->kind == HV_ARRAY ? hv_array_len(props) : 1;
    for (size_t i = 0; i < np; i++) {
        const hv_value *p = props->kind == HV_ARRAY ? hv_array_at(props, i) : props;
        hv_status st = HV_OK;
        if (p->kind == HV_SCRIPTBLOCK) {
            hv_value v;
            st = hvc_u_eval(cmd, in, p, &v);
            if (st == HV_OK) {
                char *label = hvc_u_cstr(p);
                st = mo_value(cmd, mo_acc_for(s, label), &v);
                free(label);
            }
            hv_unref(v);
        } else {
            char *name = hvc_u_cstr(p);
            if (hv_wildcard_has_meta(name)) {
                size_t nn;
                char **names = hvc_u_match_names(in, name, &nn);
                for (size_t k = 0; k < nn && st == HV_OK; k++) {
                    hv_value key = hv_str(names[k]), v;
                    st = hvc_u_eval(cmd, in, &key, &v);
                    hv_unref(key);
                    if (st == HV_OK)
                        st = mo_value(cmd, mo_acc_for(s, names[k]), &v);
                    hv_unref(v);
                }
                hvc_u_names_free(names, nn);
            } else {
                /* a Hashtable's keys resolve as properties (pwsh 6+), in their own spelling */
                const char *rn = hvc_u_resolve(in, name);
                mo_acc *a = mo_acc_for(s, rn ? rn : name);
                hv_value key = hv_str(name), v;
                st = hvc_u_eval(cmd, in, &key, &v);
                hv_unref(key);
                if (st == HV_OK && (rn || v.kind != HV_NULL))
                    st = mo_value(cmd, a, &v);
                hv_unref(v);
            }
            free(name);
        }
        if (st != HV_OK)
            return st;
    }
    return HV_OK;
}

static hv_status
mo_end(hv_cmd *cmd)
{
    mo_state *s = hv_cmd_state(cmd);
    bool text = hv_cmd_set_index(cmd) == MO_SET_TEXT;
    if (s->nacc == 0 && !text && !hv_cmd_arg(cmd, MO_PROPERTY))
        mo_acc_for(s, NULL);
    if (s->nacc == 0 && text)
        mo_acc_for(s, NULL);
    bool all = hv_cmd_switch(cmd, MO_ALLSTATS);
    hv_status st = HV_OK;
    for (size_t i = 0; i < s->nacc && st == HV_OK; i++) {
        mo_acc *a = &s->acc[i];
        if (a->name && a->count == 0 && !text) {
            st = hvc_u_error(cmd, HV_CAT_InvalidArgument, "GenericMeasurePropertyNotFound",
                             NULL,
                             "The property \"%s\" cannot be found in the input for any "
                             "objects.",
                             a->name);
            continue;
        }
        hv_value o;
        if (text) {
            o = hv_obj_new(&mo_text_class);
            hv_obj_set(&o, "Lines", hv_cmd_switch(cmd, MO_LINE) ? hv_int((int32_t)a->lines)
                                                                 : hv_null());
            hv_obj_set(&o, "Words", hv_cmd_switch(cmd, MO_WORD) ? hv_int((int32_t)a->words)
                                                                : hv_null());
            hv_obj_set(&o, "Characters", hv_cmd_switch(cmd, MO_CHARACTER)
                                             ? hv_int((int32_t)a->chars)
                                             : hv_null());
            hv_obj_set(&o, "Property", a->name ? hv_str(a->name) : hv_null());
        } else {
            bool mm = all || hv_cmd_switch(cmd, MO_MAXIMUM) || hv_cmd_switch(cmd, MO_MINIMUM);
            o = hv_obj_new(mm && !a->numeric ? &mo_object_class : &mo_generic_class);
            hv_obj_set(&o, "Count", hv_int((int32_t)a->count));
            double n = (double)a->count;
            hv_obj_set(&o, "Average", (all || hv_cmd_switch(cmd, MO_AVERAGE)) && a->count
                                          ? hv_double(a->sum / n)
                                          : hv_null());
            hv_obj_set(&o, "Sum", all || hv_cmd_switch(cmd, MO_SUM) ? hv_double(a->sum)
                                                                   : hv_null());
            hv_obj_set(&o, "Maximum", all || hv_cmd_switch(cmd, MO_MAXIMUM) ? hv_ref(&a->max)
                                                                           : hv_null());
            hv_obj_set(&o, "Minimum", all || hv_cmd_switch(cmd, MO_MINIMUM) ? hv_ref(&a->min)
                                                                           : hv_null());
            hv_value sd = hv_null();
            if ((all || hv_cmd_switch(cmd, MO_STDDEV)) && a->count > 1) {
                double var = (a->sumsq - a->sum * a->sum / n) / (n - 1);
                sd = hv_double(var > 0 ? sqrt(var) : 0);
            } else if (all || hv_cmd_switch(cmd, MO_STDDEV)) {
                sd = hv_double(0);
            }
            hv_obj_set(&o, "StandardDeviation", sd);
            hv_obj_set(&o, "Property", a->name ? hv_str(a->name) : hv_null());
        }
        st = hv_emit(cmd, o);
    }
    return st;
}

static void
mo_cleanup(hv_cmd *cmd)
{
    mo_state *s = hv_cmd_state(cmd);
    for (size_t i = 0; i < s->nacc; i++) {
        free(s->acc[i].name);
        hv_unref(s->acc[i].max);
        hv_unref(s->acc[i].min);
    }
    free(s->acc);
    s->acc = NULL;
    s->nacc = 0;
    hvc_u_vec_free(&s->seen_props);
}

/* ======================================================================================
 * Compare-Object
 * ====================================================================================== */
enum { CO_REF, CO_DIFF, CO_SYNC, CO_PROPERTY, CO_EXCLUDEDIFF, CO_INCLUDEEQ, CO_PASSTHRU,
       CO_CULTURE, CO_CASE, CO__N };

static const hv_param_def co_params[CO__N + 1] = {
    [CO_REF] = {.name = "ReferenceObject", .type = HV_PT_ANY, .position = 0,
                .flags = HV_PF_MANDATORY | HV_PF_ARRAY,
                .help = "Specifies an array of objects used as a reference for comparison."},
    [CO_DIFF] = {.name = "DifferenceObject", .type = HV_PT_ANY, .position = 1,
                 .flags = HV_PF_MANDATORY | HV_PF_ARRAY | HV_PF_BY_VALUE,
                 .help = "Specifies the objects that are compared to the reference objects."},
    [CO_SYNC] = {.name = "SyncWindow", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                 .min = 0, .max = 2147483647,
                 .help = "Specifies the number of adjacent objects that Compare-Object "
                         "inspects while looking for a match in a collection of objects. The "
                         "default value is [Int32]::MaxValue."},
    [CO_PROPERTY] = {.name = "Property", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY,
                     .help = "Specifies an array of properties of the reference and difference "
                             "objects to compare. A calculated property can be used."},
    [CO_EXCLUDEDIFF] = {.name = "ExcludeDifferent", .type = HV_PT_SWITCH,
                        .position = HV_POS_NAMED,
                        .help = "Indicates that this cmdlet displays only the characteristics "
                                "of compared objects that are equal. The differences are "
                                "discarded."},
    [CO_INCLUDEEQ] = {.name = "IncludeEqual", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .help = "Indicates that this cmdlet displays characteristics of compared "
                              "objects that are equal. By default, only characteristics that "
                              "differ between the reference and difference objects are "
                              "displayed."},
    [CO_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "When you use the PassThru parameter, Compare-Object omits the "
                             "PSCustomObject wrapper around the compared objects and returns "
                             "the differing objects, unchanged, with a SideIndicator note "
                             "property added."},
    [CO_CULTURE] = {.name = "Culture", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .help = "Specifies the culture to use for comparisons."},
    [CO_CASE] = {.name = "CaseSensitive", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Indicates that comparisons should be case-sensitive."},
    [CO__N] = {.name = NULL},
};

typedef struct {
    hvc_u_vec diff;
    hvc_u_prop *props;
    size_t nprops;
} co_state;

static hv_status
co_begin(hv_cmd *cmd)
{
    co_state *s = hv_cmd_state(cmd);
    return hvc_u_parse_props(cmd, hv_cmd_arg(cmd, CO_PROPERTY), HVC_U_KEY_EXPR, &s->props,
                             &s->nprops);
}

static hv_status
co_process(hv_cmd *cmd, const hv_value *input)
{
    co_state *s = hv_cmd_state(cmd);
    const hv_value *d = hv_cmd_arg(cmd, CO_DIFF);
    (void)input;
    if (!d)
        return HV_OK;
    size_t n = d->kind == HV_ARRAY ? hv_array_len(d) : 1;
    for (size_t i = 0; i < n; i++)
        hvc_u_vec_push(&s->diff, hv_ref(d->kind == HV_ARRAY ? hv_array_at(d, i) : d));
    return HV_OK;
}

/* The comparison keys of an object: property values, or the object. */
static hv_status
co_keys(hv_cmd *cmd, co_state *s, const hv_value *o, hv_value *out)
{
    if (s->nprops == 0) {
        *out = hv_ref(o);
        return HV_OK;
    }
    hv_value arr = hv_array_new(s->nprops);
    for (size_t k = 0; k < s->nprops; k++) {
        hv_value v;
        hv_status st = hvc_u_eval(cmd, o, &s->props[k].expr, &v);
        if (st != HV_OK) {
            hv_unref(arr);
            return st;
        }
        hv_array_push(&arr, v);
    }
    *out = arr;
    return HV_OK;
}

static bool
co_equal(const hv_value *a, const hv_value *b, bool cs)
{
    if (a->kind == HV_ARRAY && b->kind == HV_ARRAY) {
        size_t n = hv_array_len(a);
        if (n != hv_array_len(b))
            return false;
        for (size_t i = 0; i < n; i++)
            if (!co_equal(hv_array_at(a, i), hv_array_at(b, i), cs))
                return false;
        return true;
    }
    if (a->kind == HV_NULL || b->kind == HV_NULL)
        return a->kind == b->kind;
    /* a comparable reference value (number, bool, TimeSpan, DateTime, char, enum) gets the
     * difference converted to its type, as pwsh's ObjectCommandComparer does:
     * Compare-Object ([TimeSpan]"0:0:1") "0:0:1" finds them equal; a string reference
     * compares strings */
    if (hv_is_number(a) || hv_is_number(b) || a->kind == HV_BOOL || a->kind == HV_TIMESPAN ||
        a->kind == HV_DATETIME || a->kind == HV_CHAR || a->kind == HV_ENUM)
        return hv_op_equal(a, b, cs ? HV_OPF_CASE_SENSITIVE : 0);
    char *sa = hvc_u_cstr(a), *sb = hvc_u_cstr(b);
    bool eq = cs ? strcmp(sa, sb) == 0 : hv_str_eq_ci(sa, sb);
    free(sa);
    free(sb);
    return eq;
}

static hv_status
co_output(hv_cmd *cmd, co_state *s, const hv_value *obj, const hv_value *keys,
          const char *side)
{
    if (hv_cmd_switch(cmd, CO_PASSTHRU)) {
        hv_value o = hv_ref(obj);
        if (o.kind == HV_OBJECT)
            hv_obj_set(&o, "SideIndicator", hv_str(side));
        return hv_emit(cmd, o);
    }
    hv_value o = hv_obj_new(NULL);
    if (s->nprops == 0) {
        hv_obj_set(&o, "InputObject", hv_ref(obj));
    } else {
        for (size_t k = 0; k < s->nprops; k++)
            hv_obj_set(&o, s->props[k].label, hv_ref(hv_array_at(keys, k)));
    }
    hv_obj_set(&o, "SideIndicator", hv_str(side));
    return hv_emit(cmd, o);
}

static hv_status
co_end(hv_cmd *cmd)
{
    co_state *s = hv_cmd_state(cmd);
    const hv_value *r = hv_cmd_arg(cmd, CO_REF);
    size_t nr = r ? (r->kind == HV_ARRAY ? hv_array_len(r) : 1) : 0;
    bool cs = hv_cmd_switch(cmd, CO_CASE);
    bool inc = hv_cmd_switch(cmd, CO_INCLUDEEQ), exd = hv_cmd_switch(cmd, CO_EXCLUDEDIFF);
    hv_value *rk = hv_xcalloc(nr + 1, sizeof *rk);
    bool *used = hv_xcalloc(nr + 1, sizeof *used);
    hv_status st = HV_OK;
    for (size_t i = 0; i < nr && st == HV_OK; i++)
        st = co_keys(cmd, s, r->kind == HV_ARRAY ? hv_array_at(r, i) : r, &rk[i]);
    for (size_t j = 0; j < s->diff.n && st == HV_OK; j++) {
        hv_value dk;
        st = co_keys(cmd, s, &s->diff.v[j], &dk);
        if (st != HV_OK)
            break;
        size_t i = 0;
        for (; i < nr; i++)
            if (!used[i] && co_equal(&rk[i], &dk, cs))
                break;
        if (i < nr) {
            used[i] = true;
            if (inc || exd)
                st = co_output(cmd, s, r->kind == HV_ARRAY ? hv_array_at(r, i) : r, &rk[i],
                               "==");
        } else if (!exd) {
            st = co_output(cmd, s, &s->diff.v[j], &dk, "=>");
        }
        hv_unref(dk);
    }
    for (size_t i = 0; i < nr && st == HV_OK; i++)
        if (!used[i] && !exd)
            st = co_output(cmd, s, r->kind == HV_ARRAY ? hv_array_at(r, i) : r, &rk[i], "<=");
    for (size_t i = 0; i < nr; i++)
        hv_unref(rk[i]);
    free(rk);
    free(used);
    return st;
}

static void
co_cleanup(hv_cmd *cmd)
{
    co_state *s = hv_cmd_state(cmd);
    hvc_u_vec_free(&s->diff);
    hvc_u_props_free(s->props, s->nprops);
    s->props = NULL;
}

/* ======================================================================================
 * Tee-Object
 * ====================================================================================== */
enum { TEE_SET_FILE, TEE_SET_LITERAL, TEE_SET_VARIABLE };
enum { TEE_INPUT, TEE_FILE, TEE_LITERAL, TEE_APPEND, TEE_ENCODING, TEE_VARIABLE, TEE__N };

static const hv_param_def tee_params[TEE__N + 1] = {
    [TEE_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                   .flags = HV_PF_BY_VALUE,
                   .help = "Specifies the object to be saved and displayed."},
    [TEE_FILE] = {.name = "FilePath", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_MANDATORY, .sets = HV_SET(TEE_SET_FILE),
                  .aliases = (const char *const[]){"Path", NULL},
                  .help = "Specifies a file that this cmdlet saves the object to. The objects "
                          "are written as they would be displayed (Out-File)."},
    [TEE_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .flags = HV_PF_MANDATORY, .sets = HV_SET(TEE_SET_LITERAL),
                     .aliases = (const char *const[]){"PSPath", "LP", NULL},
                     .help = "Specifies a file that this cmdlet saves the object to. The value "
                             "is used exactly as it's typed."},
    [TEE_APPEND] = {.name = "Append", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = HV_SET(TEE_SET_FILE) | HV_SET(TEE_SET_LITERAL),
                    .help = "Indicates that the cmdlet appends the output to the specified "
                            "file. Without this parameter, the new content replaces any "
                            "existing content in the file."},
    [TEE_ENCODING] = {.name = "Encoding", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                      .sets = HV_SET(TEE_SET_FILE) | HV_SET(TEE_SET_LITERAL),
                      .accepted = (const char *const[]){"ascii", "bigendianunicode",
                                                        "bigendianutf32", "oem", "unicode",
                                                        "utf7", "utf8", "utf8BOM",
                                                        "utf8NoBOM", "utf32", NULL},
                      .help = "Specifies the type of encoding for the target file. The default "
                              "value is utf8NoBOM."},
    [TEE_VARIABLE] = {.name = "Variable", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                      .flags = HV_PF_MANDATORY, .sets = HV_SET(TEE_SET_VARIABLE),
                      .help = "Specifies a variable that the cmdlet saves the object to. Enter "
                              "a variable name without the preceding dollar sign ($)."},
    [TEE__N] = {.name = NULL},
};

typedef struct {
    hvc_u_vec items;
    hv_value list; /* -Variable: the variable's list, filled as objects pass */
} tee_state;

static hv_status
tee_begin(hv_cmd *cmd)
{
    tee_state *s = hv_cmd_state(cmd);
    if (hv_cmd_set_index(cmd) != TEE_SET_VARIABLE)
        return HV_OK;
    /* set at once and filled in place, so the variable is complete even when a
     * downstream Select-Object -First stops the pipeline before our end */
    const char *name = hvc_u_arg_str(cmd, TEE_VARIABLE);
    s->list = hv_array_new(8);
    s->list.sub = HV_TA_LIST;
    if (name)
        hv_var_set(hv_cmd_ctx(cmd), name[0] == '$' ? name + 1 : name, hv_ref(&s->list));
    return HV_OK;
}

static hv_status
tee_process(hv_cmd *cmd, const hv_value *input)
{
    tee_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, TEE_INPUT);
    if (!in)
        in = input;
    if (s->list.kind == HV_ARRAY)
        hv_array_push(&s->list, hv_ref(in));
    else
        hvc_u_vec_push(&s->items, hv_ref(in));
    return hv_emit(cmd, hv_ref(in));
}

static hv_status
tee_end(hv_cmd *cmd)
{
    tee_state *s = hv_cmd_state(cmd);
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    if (hv_cmd_set_index(cmd) == TEE_SET_VARIABLE)
        return HV_OK;
    const char *path = hvc_u_arg_str(cmd, hv_cmd_bound(cmd, TEE_FILE) ? TEE_FILE : TEE_LITERAL);
    if (!path)
        return HV_OK;
    hv_value text = hv_format_default(ctx, s->items.v, s->items.n, 0);
    FILE *f = fopen(path, hv_cmd_switch(cmd, TEE_APPEND) ? "a" : "w");
    if (!f) {
        hv_value p = hv_str(path);
        hv_status st = hvc_u_throw(cmd, HV_CAT_OpenError, "FileOpenFailure", &p,
                                   "Could not open file '%s': %s", path, strerror(errno));
        hv_unref(p);
        hv_unref(text);
        return st;
    }
    if (text.kind == HV_STRING)
        fwrite(hv_str_cstr(&text), 1, hv_str_len(&text), f);
    fclose(f);
    hv_unref(text);
    return HV_OK;
}

static void
tee_cleanup(hv_cmd *cmd)
{
    tee_state *s = hv_cmd_state(cmd);
    hvc_u_vec_free(&s->items);
    hv_unrefp(&s->list);
}

const hv_cmdlet_def hvc_u_defs_measure[] = {
    {
        .name = "Measure-Object",
        .aliases = (const char *const[]){"measure", NULL},
        .sets = (const char *const[]){"GenericMeasure", "TextMeasure", NULL},
        .default_set = MO_SET_GENERIC,
        .params = mo_params,
        .ops = {.process = mo_process, .end = mo_end, .cleanup = mo_cleanup},
        .state_size = sizeof(mo_state),
        .synopsis = "Calculates the numeric properties of objects, and the characters, words, "
                    "and lines in string objects, such as files of text.",
        .description =
            "The Measure-Object cmdlet calculates the property values of certain types of "
            "object. Measure-Object performs three types of measurements, depending on the "
            "parameters in the command.\n\n"
            "It counts objects and calculates the minimum, maximum, sum, standard deviation "
            "and average of numeric values. For strings it can count lines, words and "
            "characters.",
        .output_type = "Microsoft.PowerShell.Commands.GenericMeasureInfo",
        .examples = (const hv_example[]){
            {.title = "Count objects",
             .code = "Get-VM | Measure-Object"},
            {.title = "Measure numbers",
             .code = "1..10 | Measure-Object -Sum -Average -Maximum -Minimum"},
            {.title = "Measure a property",
             .code = "Get-VM | Measure-Object -Property MemoryAssigned -Sum"},
            {.title = "Measure text",
             .code = "\"One two three\" | Measure-Object -Line -Word -Character"},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/measure-object?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {
        .name = "Compare-Object",
        .aliases = (const char *const[]){"compare", "diff", NULL},
        .params = co_params,
        .ops = {.begin = co_begin, .process = co_process, .end = co_end,
                .cleanup = co_cleanup},
        .state_size = sizeof(co_state),
        .synopsis = "Compares two sets of objects.",
        .description =
            "The Compare-Object cmdlet compares two sets of objects. One set of objects is the "
            "reference, and the other set of objects is the difference.\n\n"
            "The result of the comparison indicates whether a property value appeared only in "
            "the reference set (<=), only in the difference set (=>) or, with -IncludeEqual, "
            "in both sets (==). If -Property is given, the objects are compared on those "
            "properties only.",
        .output_type = "System.Management.Automation.PSCustomObject",
        .examples = (const hv_example[]){
            {.title = "Compare two arrays",
             .code = "Compare-Object -ReferenceObject 'a','b','c' -DifferenceObject 'b','c','d'",
             .remarks = "Shows d (=>) and a (<=)."},
            {.title = "Show equal items too",
             .code = "Compare-Object 1,2,3 2,3,4 -IncludeEqual"},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/compare-object?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {
        .name = "Tee-Object",
        .aliases = (const char *const[]){"tee", NULL},
        .sets = (const char *const[]){"File", "LiteralFile", "Variable", NULL},
        .default_set = TEE_SET_FILE,
        .params = tee_params,
        .ops = {.begin = tee_begin, .process = tee_process, .end = tee_end,
                .cleanup = tee_cleanup},
        .state_size = sizeof(tee_state),
        .synopsis = "Saves command output in a file or variable and also sends it down the "
                    "pipeline.",
        .description =
            "The Tee-Object cmdlet redirects output, that is, it sends the output of a command "
            "in two directions (like the letter T). It stores the output in a file or "
            "variable and also sends it down the pipeline. If Tee-Object is the last command "
            "in the pipeline, the command output is displayed at the prompt.",
        .output_type = "System.Management.Automation.PSObject",
        .examples = (const hv_example[]){
            {.title = "Output to a variable and the pipeline",
             .code = "Get-VM | Tee-Object -Variable vms | Where-Object State -eq Running"},
            {.title = "Save output to a file",
             .code = "Get-VM | Tee-Object -FilePath vms.txt"},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/tee-object?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {.name = NULL},
};
