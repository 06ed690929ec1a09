/* util_common.c — helpers shared by the object/format cmdlets (see util.h). */
#include "cmdlets/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
hvc_u_vec_push(hvc_u_vec *vec, hv_value v)
{
    if (vec->n == vec->cap) {
        vec->cap = vec->cap ? vec->cap * 2 : 16;
        vec->v = hv_xrealloc(vec->v, vec->cap * sizeof *vec->v);
    }
    vec->v[vec->n++] = v;
}

void
hvc_u_vec_free(hvc_u_vec *vec)
{
    for (size_t i = 0; i < vec->n; i++)
        hv_unref(vec->v[i]);
    free(vec->v);
    vec->v = NULL;
    vec->n = vec->cap = 0;
}

hv_value
hvc_u_unwrap(hv_value arr)
{
    if (arr.kind != HV_ARRAY)
        return arr;
    size_t n = hv_array_len(&arr);
    if (n == 0) {
        hv_unref(arr);
        return hv_null();
    }
    if (n == 1) {
        hv_value v = hv_ref(hv_array_at(&arr, 0));
        hv_unref(arr);
        return v;
    }
    return arr;
}

char *
hvc_u_cstr(const hv_value *v)
{
    hv_buf b = {0};
    hv_conv_append_string(&b, v, NULL);
    hv_buf_putc(&b, 0);
    return b.data;
}

const char *
hvc_u_typename(const hv_value *v)
{
    if (v->kind == HV_OBJECT && hv_obj_typename_count(v) > 0)
        return hv_obj_typename_at(v, 0);
    return hv_type_name_of(v);
}

/* The properties of System.Collections.Hashtable, in declaration order. */
static const char *const table_props[] = {"IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys",
                                          "Values", "SyncRoot", "Count", NULL};

static bool
is_table_prop(const char *name)
{
    for (size_t i = 0; table_props[i]; i++)
        if (hv_str_eq_ci(table_props[i], name))
            return true;
    return false;
}

/* The adapted .NET properties of DateTime and TimeSpan in reflection (declaration) order on
 * .NET 8, as Select-Object * / Format-List * / ConvertTo-Csv list them. A DateTime also has
 * the DateTime ScriptProperty (types.ps1xml) first, and Get-Date's output the DisplayHint
 * NoteProperty before that. */
static const char *const datetime_props[] = {
    "DateTime", "Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Kind", "Millisecond",
    "Microsecond", "Nanosecond", "Minute", "Month", "Second", "Ticks", "TimeOfDay", "Year",
    NULL};
static const char *const timespan_props[] = {
    "Ticks", "Days", "Hours", "Milliseconds", "Microseconds", "Nanoseconds", "Minutes",
    "Seconds", "TotalDays", "TotalHours", "TotalMilliseconds", "TotalMicroseconds",
    "TotalNanoseconds", "TotalMinutes", "TotalSeconds", NULL};

/* Get-Date marks its output in hv_value.pad (1 Date, 2 Time, 3 DateTime): pwsh adds a
 * DisplayHint NoteProperty there, which a plain [datetime] does not have. */
static bool
has_display_hint(const hv_value *v)
{
    return v->kind == HV_DATETIME && v->pad != 0;
}


static char **
static_names(const char *const *list, bool hint, size_t *n)
{
    size_t c = 0;
    while (list[c])
        c++;
    char **names = hv_xcalloc(c + 2, sizeof *names);
    size_t m = 0;
    if (hint)
        names[m++] = hv_xstrdup("DisplayHint");
    for (size_t i = 0; i < c; i++)
        names[m++] = hv_xstrdup(list[i]);
    *n = m;
    return names;
}

char **
hvc_u_prop_names(const hv_value *v, size_t *n)
{
    char **names = NULL;
    *n = 0;
    if (v->kind == HV_DATETIME)
        return static_names(datetime_props, has_display_hint(v), n);
    if (v->kind == HV_TIMESPAN)
        return static_names(timespan_props, false, n);
    if (v->kind == HV_OBJECT) {
        size_t c = hv_obj_count(v);
        names = hv_xcalloc(c + 1, sizeof *names);
        for (size_t i = 0; i < c; i++)
            names[i] = hv_xstrdup(hv_obj_name_at(v, i));
        *n = c;
    } else if (v->kind == HV_TABLE) {
        /* a dictionary's keys are not properties: its .NET properties are */
        size_t c = 0;
        while (table_props[c])
            c++;
        names = hv_xcalloc(c + 1, sizeof *names);
        for (size_t i = 0; i < c; i++)
            names[i] = hv_xstrdup(table_props[i]);
        *n = c;
    }
    return names;
}

void
hvc_u_names_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

bool
hvc_u_has_prop(const hv_value *v, const char *name)
{
    if (v->kind == HV_DATETIME || v->kind == HV_TIMESPAN) {
        size_t n;
        char **names = hvc_u_prop_names(v, &n);
        bool found = false;
        for (size_t i = 0; i < n && !found; i++)
            found = hv_str_eq_ci(names[i], name);
        hvc_u_names_free(names, n);
        return found;
    }
    if (v->kind == HV_OBJECT) {
        if (hv_obj_get(v, name))
            return true;
        /* native-backed objects (XML nodes) answer for their members themselves */
        const hv_obj_class *cls = hv_obj_class_of(v);
        hv_value out;
        if (cls && cls->get_member && cls->get_member(v, name, &out)) {
            hv_unref(out);
            return true;
        }
        return false;
    }
    if (v->kind == HV_TABLE)
        return is_table_prop(name) ||
               (hv_table_notes(v) && hv_obj_get(hv_table_notes(v), name)); /* Add-Member notes */
    return false;
}

/* pwsh 6+ property expressions (Select-Object, Sort-Object, Group-Object, Measure-Object)
 * wrap a Hashtable as a PSCustomObject first, so its keys resolve as properties before
 * its .NET properties. An [ordered] dictionary is not a Hashtable and is not wrapped. */
static bool
is_plain_table(const hv_value *v)
{
    return v->kind == HV_TABLE && !(hv_table_flags(v) & HV_TABLE_ORDERED);
}

/* The key of a plain hashtable that `name` names (case-insensitive), or NULL. */
static const hv_value *
table_key(const hv_value *t, const char *name)
{
    const hv_value *k, *v;
    for (size_t it = 0; hv_table_next(t, &it, &k, &v);)
        if (k->kind == HV_STRING && hv_str_eq_ci(hv_str_cstr(k), name))
            return k;
    return NULL;
}

const char *
hvc_u_resolve(const hv_value *obj, const char *name)
{
    if (is_plain_table(obj)) {
        const hv_value *k = table_key(obj, name);
        if (k)
            return hv_str_cstr(k);
        return is_table_prop(name) ? name : NULL;
    }
    if (obj->kind == HV_OBJECT) {
        for (size_t i = 0, n = hv_obj_count(obj); i < n; i++)
            if (hv_str_eq_ci(hv_obj_name_at(obj, i), name))
                return hv_obj_name_at(obj, i);
        return NULL;
    }
    return hvc_u_has_prop(obj, name) ? name : NULL;
}

hv_value
hvc_u_scalar_view(hv_cmd *cmd, const hv_value *v)
{
    if (v->kind != HV_DATETIME && v->kind != HV_TIMESPAN)
        return hv_null();
    size_t n;
    char **names = hvc_u_prop_names(v, &n);
    hv_value o = hv_obj_new(NULL);
    for (size_t i = 0; i < n; i++) {
        hv_value name = hv_str(names[i]), pv;
        if (hvc_u_eval(cmd, v, &name, &pv) != HV_OK)
            pv = hv_null();
        hv_unref(name);
        hv_obj_set(&o, names[i], pv);
    }
    hvc_u_names_free(names, n);
    return o;
}

char **
hvc_u_match_names(const hv_value *obj, const char *pattern, size_t *n)
{
    if (is_plain_table(obj)) {
        /* the keys first; only when none matches, the Hashtable's own properties */
        size_t c = hv_table_count(obj), m = 0;
        char **names = hv_xcalloc(c + 1, sizeof *names);
        const hv_value *k, *v;
        for (size_t it = 0; hv_table_next(obj, &it, &k, &v);)
            if (k->kind == HV_STRING && hv_wildcard_match(pattern, hv_str_cstr(k), false))
                names[m++] = hv_xstrdup(hv_str_cstr(k));
        if (m > 0) {
            *n = m;
            return names;
        }
        free(names);
    }
    size_t all;
    char **names = hvc_u_prop_names(obj, &all);
    size_t m = 0;
    for (size_t i = 0; i < all; i++) {
        if (hv_wildcard_match(pattern, names[i], false))
            names[m++] = names[i];
        else
            free(names[i]);
    }
    *n = m;
    return names;
}

static bool
is_prefix_ci(const char *pre, const char *full)
{
    size_t n = strlen(pre);
    if (n == 0 || n > strlen(full))
        return false;
    return hv_strn_eq_ci(pre, n, full, n);
}

const hv_value *
hvc_u_hkey(const hv_value *table, const char *const *names, const char **key_out)
{
    const hv_value *k, *v;
    for (size_t it = 0; hv_table_next(table, &it, &k, &v);) {
        if (k->kind != HV_STRING)
            continue;
        for (size_t i = 0; names[i]; i++)
            if (is_prefix_ci(hv_str_cstr(k), names[i])) {
                if (key_out)
                    *key_out = names[i];
                return v;
            }
    }
    return NULL;
}

hv_status
hvc_u_eval(hv_cmd *cmd, const hv_value *obj, const hv_value *expr, hv_value *out)
{
    *out = hv_null();
    if (expr->kind == HV_SCRIPTBLOCK) {
        hv_value arr = hv_null();
        hv_status st = hv_cmd_invoke(cmd, expr, obj, NULL, 0, &arr);
        if (st != HV_OK) {
            hv_unref(arr);
            return st;
        }
        *out = hvc_u_unwrap(arr);
        return HV_OK;
    }
    char *name = hvc_u_cstr(expr);
    /* property-expression lookup: a Hashtable's keys, then its properties; an [ordered]
     * dictionary's keys are not properties */
    const hv_value *key = is_plain_table(obj) ? table_key(obj, name) : NULL;
    if (key)
        *out = hv_ref(hv_table_get(obj, key));
    else if (has_display_hint(obj) && hv_str_eq_ci(name, "DisplayHint"))
        *out = hv_enum(&hv_enum_displayhint, obj->pad == 1 ? 0 : obj->pad == 2 ? 1 : 2);
    else if (obj->kind != HV_TABLE || hvc_u_has_prop(obj, name))
        *out = hv_get_member(hv_cmd_ctx(cmd), obj, name);
    free(name);
    return HV_OK;
}

/* ---- property specifications ---- */
static const char *const k_name[] = {"Name", "Label", NULL};
static const char *const k_expr[] = {"Expression", NULL};
static const char *const k_fmt[] = {"FormatString", NULL};
static const char *const k_width[] = {"Width", NULL};
static const char *const k_align[] = {"Alignment", NULL};
static const char *const k_asc[] = {"Ascending", NULL};
static const char *const k_desc[] = {"Descending", NULL};

static bool
key_allowed(const char *key, unsigned keys)
{
    static const struct {
        const char *const *names;
        unsigned flag;
    } all[] = {{k_name, HVC_U_KEY_NAME},   {k_expr, HVC_U_KEY_EXPR},
               {k_fmt, HVC_U_KEY_FORMAT},  {k_width, HVC_U_KEY_WIDTH},
               {k_align, HVC_U_KEY_ALIGN}, {k_asc, HVC_U_KEY_SORT},
               {k_desc, HVC_U_KEY_SORT}};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (!(keys & all[i].flag))
            continue;
        for (size_t j = 0; all[i].names[j]; j++)
            if (is_prefix_ci(key, all[i].names[j]))
                return true;
    }
    return false;
}

static hv_status
parse_one(hv_cmd *cmd, const hv_value *v, unsigned keys, hvc_u_prop *p)
{
    memset(p, 0, sizeof *p);
    p->descending = -1;
    if (v->kind == HV_SCRIPTBLOCK) {
        p->expr = hv_ref(v);
        p->calculated = true;
        p->label = hvc_u_cstr(v);
        return HV_OK;
    }
    if (v->kind == HV_TABLE) {
        const hv_value *k, *val;
        for (size_t it = 0; hv_table_next(v, &it, &k, &val);) {
            char *ks = hvc_u_cstr(k);
            bool ok = key_allowed(ks, keys);
            if (!ok) {
                hv_status st = hvc_u_throw(cmd, HV_CAT_InvalidArgument, "IllegalKey", k,
                                           "The %s key is not valid.", ks);
                free(ks);
                return st;
            }
            free(ks);
        }
        const hv_value *e = hvc_u_hkey(v, k_expr, NULL);
        const hv_value *nm = (keys & HVC_U_KEY_NAME) ? hvc_u_hkey(v, k_name, NULL) : NULL;
        if (!e) {
            if ((keys & HVC_U_KEY_EXPR) && !(keys & HVC_U_KEY_SORT))
                return hvc_u_throw(cmd, HV_CAT_InvalidArgument,
                                   "DictionaryKeyMissingElement", NULL,
                                   "The Expression key is missing.");
            p->expr = hv_null();
        } else if (e->kind == HV_SCRIPTBLOCK) {
            p->expr = hv_ref(e);
            p->calculated = true;
        } else {
            hv_value s = hv_conv_to_string(e, NULL);
            p->expr = s;
            p->calculated = true;
        }
        if (nm) {
            p->label = hvc_u_cstr(nm);
            p->has_label = true;
        } else {
            p->label = hvc_u_cstr(&p->expr);
        }
        const hv_value *f = hvc_u_hkey(v, k_fmt, NULL);
        if (f && (keys & HVC_U_KEY_FORMAT))
            p->format = hvc_u_cstr(f);
        const hv_value *w = hvc_u_hkey(v, k_width, NULL);
        if (w && (keys & HVC_U_KEY_WIDTH)) {
            int64_t x = 0;
            hv_conv_err err;
            if (hv_conv_to_int64(w, &x, &err))
                p->width = (int)x;
        }
        const hv_value *a = hvc_u_hkey(v, k_align, NULL);
        if (a && (keys & HVC_U_KEY_ALIGN)) {
            char *as = hvc_u_cstr(a);
            if (hv_str_eq_ci(as, "right"))
                p->align = 1;
            else if (hv_str_eq_ci(as, "center"))
                p->align = 2;
            else
                p->align = -1;
            free(as);
        }
        const hv_value *asc = hvc_u_hkey(v, k_asc, NULL);
        const hv_value *desc = hvc_u_hkey(v, k_desc, NULL);
        if (desc)
            p->descending = hv_conv_to_bool(desc) ? 1 : 0;
        else if (asc)
            p->descending = hv_conv_to_bool(asc) ? 0 : 1;
        return HV_OK;
    }
    hv_value s = hv_conv_to_string(v, NULL);
    p->label = hvc_u_cstr(&s);
    p->wildcard = hv_wildcard_has_meta(p->label);
    p->expr = s;
    return HV_OK;
}

hv_status
hvc_u_parse_props(hv_cmd *cmd, const hv_value *arg, unsigned keys, hvc_u_prop **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!arg || arg->kind == HV_NULL)
        return HV_OK;
    size_t cnt = arg->kind == HV_ARRAY ? hv_array_len(arg) : 1;
    hvc_u_prop *p = hv_xcalloc(cnt + 1, sizeof *p);
    for (size_t i = 0; i < cnt; i++) {
        const hv_value *v = arg->kind == HV_ARRAY ? hv_array_at(arg, i) : arg;
        hv_status st = parse_one(cmd, v, keys, &p[i]);
        if (st != HV_OK) {
            hvc_u_props_free(p, i + 1);
            return st;
        }
    }
    *out = p;
    *n = cnt;
    return HV_OK;
}

void
hvc_u_props_free(hvc_u_prop *p, size_t n)
{
    if (!p)
        return;
    for (size_t i = 0; i < n; i++) {
        free(p[i].label);
        free(p[i].format);
        hv_unref(p[i].expr);
    }
    free(p);
}

bool
hvc_u_match_any(const hv_value *patterns, const char *name)
{
    if (!patterns || patterns->kind == HV_NULL)
        return false;
    size_t n = patterns->kind == HV_ARRAY ? hv_array_len(patterns) : 1;
    for (size_t i = 0; i < n; i++) {
        const hv_value *p = patterns->kind == HV_ARRAY ? hv_array_at(patterns, i) : patterns;
        char *ps = hvc_u_cstr(p);
        bool m = hv_wildcard_match(ps, name, false);
        free(ps);
        if (m)
            return true;
    }
    return false;
}

static void
pairs_add(hvc_u_pairs *p, const char *label, hv_value v)
{
    /* a later property of the same name replaces the earlier (Select-Object a, A) */
    for (size_t i = 0; i < p->n; i++)
        if (hv_str_eq_ci(p->labels[i], label)) {
            hv_unref(v);
            return;
        }
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 8;
        p->labels = hv_xrealloc(p->labels, p->cap * sizeof *p->labels);
        p->values = hv_xrealloc(p->values, p->cap * sizeof *p->values);
    }
    p->labels[p->n] = hv_xstrdup(label);
    p->values[p->n] = v;
    p->n++;
}

hv_status
hvc_u_expand(hv_cmd *cmd, const hv_value *obj, const hvc_u_prop *props, size_t nprops,
             const hv_value *exclude, hvc_u_pairs *out)
{
    for (size_t i = 0; i < nprops; i++) {
        const hvc_u_prop *p = &props[i];
        if (p->wildcard) {
            size_t n;
            char **names = hvc_u_match_names(obj, p->label, &n);
            for (size_t k = 0; k < n; k++) {
                if (hvc_u_match_any(exclude, names[k]))
                    continue;
                hv_value name = hv_str(names[k]), v;
                hv_status st = hvc_u_eval(cmd, obj, &name, &v);
                hv_unref(name);
                if (st != HV_OK) {
                    hvc_u_names_free(names, n);
                    return st;
                }
                pairs_add(out, names[k], v);
            }
            hvc_u_names_free(names, n);
            continue;
        }
        if (!p->calculated && hvc_u_match_any(exclude, p->label))
            continue;
        hv_value v;
        hv_status st = hvc_u_eval(cmd, obj, &p->expr, &v);
        if (st != HV_OK)
            return st;
        /* a resolved name takes the property's (or key's) own spelling, as pwsh does */
        const char *label = p->calculated ? NULL : hvc_u_resolve(obj, p->label);
        pairs_add(out, label ? label : p->label, v);
    }
    return HV_OK;
}

void
hvc_u_pairs_free(hvc_u_pairs *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->labels[i]);
        hv_unref(p->values[i]);
    }
    free(p->labels);
    free(p->values);
    memset(p, 0, sizeof *p);
}

/* ---- errors and arguments ---- */
static hv_value
make_error(hv_cmd *cmd, hv_err_category cat, const char *id, const hv_value *target,
           const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    return hv_error_new(cmd, cat, id, target, "%s", msg);
}

hv_status
hvc_u_error(hv_cmd *cmd, hv_err_category cat, const char *id, const hv_value *target,
            const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hv_value rec = make_error(cmd, cat, id, target, fmt, ap);
    va_end(ap);
    return hv_write_error(cmd, rec);
}

hv_status
hvc_u_throw(hv_cmd *cmd, hv_err_category cat, const char *id, const hv_value *target,
            const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hv_value rec = make_error(cmd, cat, id, target, fmt, ap);
    va_end(ap);
    return hv_throw(cmd, rec);
}

int64_t
hvc_u_arg_int(hv_cmd *cmd, int index, int64_t dflt)
{
    const hv_value *v = hv_cmd_arg(cmd, index);
    if (!v || v->kind == HV_NULL)
        return dflt;
    int64_t x;
    hv_conv_err err;
    if (!hv_conv_to_int64(v, &x, &err))
        return dflt;
    return x;
}

const char *
hvc_u_arg_str(hv_cmd *cmd, int index)
{
    const hv_value *v = hv_cmd_arg(cmd, index);
    if (!v || v->kind != HV_STRING)
        return NULL;
    return hv_str_cstr(v);
}

int
hvc_u_compare(const hv_value *a, const hv_value *b, bool cs)
{
    bool an = a->kind == HV_NULL, bn = b->kind == HV_NULL;
    if (an || bn)
        return an == bn ? 0 : an ? -1 : 1;
    if (hv_is_number(a) && hv_is_number(b))
        return hv_op_compare(a, b, 0);
    if (a->kind == HV_STRING && b->kind == HV_STRING) {
        /* culture-aware ordering approximated: case-insensitive first, then lower < upper */
        int c = hv_str_cmp_ci(hv_str_cstr(a), hv_str_cstr(b));
        if (c != 0 || !cs)
            return c;
        /* .NET's culture compare puts lowercase before uppercase */
        return -strcmp(hv_str_cstr(a), hv_str_cstr(b));
    }
    if ((a->kind == HV_OBJECT || a->kind == HV_TABLE) && a->kind == b->kind) {
        char *sa = hvc_u_cstr(a), *sb = hvc_u_cstr(b);
        int c = cs ? strcmp(sa, sb) : hv_str_cmp_ci(sa, sb);
        free(sa);
        free(sb);
        return c;
    }
    return hv_op_compare(a, b, cs ? HV_OPF_CASE_SENSITIVE : 0);
}
