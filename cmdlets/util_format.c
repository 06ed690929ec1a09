/* util_format.c — Format-Table, Format-List, Format-Wide.
 *
 * Like pwsh's Format-* cmdlets these do not produce text: they evaluate the columns and
 * values (script blocks need the running command) and emit one "format request" object
 * that the formatter (pipeline/format.c) turns into text at the final width — so
 * `Get-VM | Format-Table | Out-String -Width 40` lays the table out for 40 columns. */
#include "cmdlets/util.h"

#include <stdlib.h>
#include <string.h>

static const char *const expand_values[] = {"CoreOnly", "EnumOnly", "Both", NULL};

/* Parameters shared by the three cmdlets (same order in each table for the first ones). */
#define P_GROUPBY(idx)                                                                     \
    [idx] = {.name = "GroupBy", .type = HV_PT_ANY, .position = HV_POS_NAMED,               \
             .help = "Specifies sorted output in separate tables based on a property value. " \
                     "For example, you can use GroupBy to list services in separate tables " \
                     "based on their status. The value can be a property name, a script "  \
                     "block or a hash table with Expression and Label keys."}
#define P_VIEW(idx)                                                                        \
    [idx] = {.name = "View", .type = HV_PT_STRING, .position = HV_POS_NAMED,               \
             .help = "Specifies the name of an alternate format or view."}
#define P_SHOWERROR(idx)                                                                   \
    [idx] = {.name = "ShowError", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,          \
             .help = "Indicates that the cmdlet sends errors through the pipeline."}
#define P_DISPLAYERROR(idx)                                                                \
    [idx] = {.name = "DisplayError", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,       \
             .help = "Indicates that the cmdlet displays errors at the command line."}
#define P_FORCE(idx)                                                                       \
    [idx] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,              \
             .help = "Formats strings, numbers and other simple values too; without it "   \
                     "they are written as plain lines. Also shows all the error "          \
                     "information with -DisplayError or -ShowError."}
#define P_EXPAND(idx)                                                                      \
    [idx] = {.name = "Expand", .type = HV_PT_ENUM, .position = HV_POS_NAMED,               \
             .accepted = expand_values,                                                    \
             .help = "Specifies the format of the collection object and the objects in the " \
                     "collection: CoreOnly, EnumOnly or Both."}
#define P_INPUT(idx)                                                                       \
    [idx] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,           \
             .flags = HV_PF_BY_VALUE,                                                      \
             .help = "Specifies the objects to format. Enter a variable that contains the " \
                     "objects, or type a command or expression that gets the objects."}

/* A column's value: a script block's errors are swallowed as pwsh's PSPropertyExpression
 * does — the cell is empty, or #ERR with -DisplayError. */
static hv_status
fmt_eval(hv_cmd *cmd, const hv_value *obj, const hv_value *expr, bool display_error,
         hv_value *out)
{
    if (expr->kind != HV_SCRIPTBLOCK)
        return hvc_u_eval(cmd, obj, expr, out);
    hv_value arr = hv_null();
    bool failed = false;
    hv_status st = hv_cmd_invoke_catch(cmd, expr, obj, &arr, &failed);
    if (st != HV_OK || failed) {
        hv_unref(arr);
        *out = failed && display_error ? hv_str("#ERR") : hv_null();
        return st;
    }
    *out = hvc_u_unwrap(arr);
    return HV_OK;
}

/* Format-List's properties: hvc_u_expand's, but a script block's errors are swallowed
 * (fmt_eval) instead of written. */
static hv_status
list_expand(hv_cmd *cmd, const hv_value *obj, const hvc_u_prop *p, size_t np, bool display_error,
            hvc_u_pairs *out)
{
    for (size_t i = 0; i < np; i++) {
        if (p[i].expr.kind != HV_SCRIPTBLOCK) {
            hv_status st = hvc_u_expand(cmd, obj, &p[i], 1, NULL, out);
            if (st != HV_OK)
                return st;
            continue;
        }
        hv_value v;
        hv_status st = fmt_eval(cmd, obj, &p[i].expr, display_error, &v);
        if (st != HV_OK)
            return st;
        if (out->n == out->cap) { /* grown as hvc_u_expand grows it (cap kept in step) */
            out->cap = out->cap ? out->cap * 2 : 8;
            out->labels = hv_xrealloc(out->labels, out->cap * sizeof *out->labels);
            out->values = hv_xrealloc(out->values, out->cap * sizeof *out->values);
        }
        out->labels[out->n] = hv_xstrdup(p[i].label);
        out->values[out->n] = v;
        out->n++;
    }
    return HV_OK;
}

/* ---- Format-Table ---- */
enum { FT_PROPERTY, FT_AUTOSIZE, FT_REPEAT, FT_HIDE, FT_WRAP, FT_GROUPBY, FT_VIEW,
       FT_SHOWERROR, FT_DISPLAYERROR, FT_FORCE, FT_EXPAND, FT_INPUT, FT__N };
static const hv_param_def ft_params[FT__N + 1] = {
    [FT_PROPERTY] = {.name = "Property", .type = HV_PT_ANY, .position = 0,
                     .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                     .help = "Specifies the object properties that appear in the display and "
                             "the order in which they appear. Wildcards are permitted. A "
                             "calculated property is a hash table with the keys Name (or "
                             "Label), Expression, FormatString, Width and Alignment."},
    [FT_AUTOSIZE] = {.name = "AutoSize", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Indicates that the cmdlet adjusts the column size and number of "
                             "columns based on the width of the data."},
    [FT_REPEAT] = {.name = "RepeatHeader", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Repeats displaying the header of a table after every screen full."},
    [FT_HIDE] = {.name = "HideTableHeaders", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Omits the column headings from the table."},
    [FT_WRAP] = {.name = "Wrap", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Displays text that exceeds the column width on the next line. By "
                         "default, text that exceeds the column width is truncated."},
    P_GROUPBY(FT_GROUPBY),
    P_VIEW(FT_VIEW),
    P_SHOWERROR(FT_SHOWERROR),
    P_DISPLAYERROR(FT_DISPLAYERROR),
    P_FORCE(FT_FORCE),
    P_EXPAND(FT_EXPAND),
    P_INPUT(FT_INPUT),
    [FT__N] = {.name = NULL},
};

/* ---- Format-List ---- */
enum { FL_PROPERTY, FL_GROUPBY, FL_VIEW, FL_SHOWERROR, FL_DISPLAYERROR, FL_FORCE, FL_EXPAND,
       FL_INPUT, FL__N };
static const hv_param_def fl_params[FL__N + 1] = {
    [FL_PROPERTY] = {.name = "Property", .type = HV_PT_ANY, .position = 0,
                     .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                     .help = "Specifies the object properties that appear in the display and "
                             "the order in which they appear. Wildcards are permitted; use * "
                             "to display all the properties. A calculated property is a hash "
                             "table with the keys Name (or Label), Expression and "
                             "FormatString."},
    P_GROUPBY(FL_GROUPBY),
    P_VIEW(FL_VIEW),
    P_SHOWERROR(FL_SHOWERROR),
    P_DISPLAYERROR(FL_DISPLAYERROR),
    P_FORCE(FL_FORCE),
    P_EXPAND(FL_EXPAND),
    P_INPUT(FL_INPUT),
    [FL__N] = {.name = NULL},
};

/* ---- Format-Wide ---- */
enum { FW_SET_DEFAULT, FW_SET_AUTOSIZE, FW_SET_COLUMN };
enum { FW_PROPERTY, FW_AUTOSIZE, FW_COLUMN, FW_GROUPBY, FW_VIEW, FW_SHOWERROR,
       FW_DISPLAYERROR, FW_FORCE, FW_EXPAND, FW_INPUT, FW__N };
static const hv_param_def fw_params[FW__N + 1] = {
    [FW_PROPERTY] = {.name = "Property", .type = HV_PT_ANY, .position = 0,
                     .help = "Specifies the object property that appears in the display. The "
                             "value can be a property name, a script block or a hash table "
                             "with the keys Expression and FormatString."},
    [FW_AUTOSIZE] = {.name = "AutoSize", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .sets = HV_SET(FW_SET_AUTOSIZE),
                     .help = "Indicates that the cmdlet adjusts the column size and number of "
                             "columns based on the width of the data."},
    [FW_COLUMN] = {.name = "Column", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                   .sets = HV_SET(FW_SET_COLUMN), .min = 1, .max = 2147483647,
                   .help = "Specifies the number of columns in the display."},
    P_GROUPBY(FW_GROUPBY),
    P_VIEW(FW_VIEW),
    P_SHOWERROR(FW_SHOWERROR),
    P_DISPLAYERROR(FW_DISPLAYERROR),
    P_FORCE(FW_FORCE),
    P_EXPAND(FW_EXPAND),
    P_INPUT(FW_INPUT),
    [FW__N] = {.name = NULL},
};

typedef struct {
    hvc_u_vec items;
} fmt_state;

static hv_status
fmt_collect(hv_cmd *cmd, const hv_value *input, int input_index)
{
    fmt_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, input_index);
    if (!in)
        in = input;
    if (in->kind == HV_NULL)
        return HV_OK;
    if (in->kind == HV_ARRAY) {
        /* a collection (-InputObject $list) is formatted element by element (EnumOnly) */
        size_t n = hv_array_len(in);
        for (size_t i = 0; i < n; i++) {
            const hv_value *e = hv_array_at(in, i);
            if (e->kind != HV_NULL)
                hvc_u_vec_push(&s->items, hv_ref(e));
        }
        return HV_OK;
    }
    if (in->kind == HV_TABLE) {
        /* a dictionary is formatted entry by entry (DictionaryEntry: Name, Value) */
        const hv_value *k, *v;
        for (size_t it = 0; hv_table_next(in, &it, &k, &v);) {
            hv_value e = hv_obj_new(NULL);
            hv_obj_set(&e, "Name", hv_ref(k));
            hv_obj_set(&e, "Value", hv_ref(v));
            hv_obj_add_typename(&e, "System.Collections.DictionaryEntry");
            hvc_u_vec_push(&s->items, e);
        }
        return HV_OK;
    }
    hvc_u_vec_push(&s->items, hv_ref(in));
    return HV_OK;
}

static hv_status
ft_process(hv_cmd *cmd, const hv_value *input)
{
    return fmt_collect(cmd, input, FT_INPUT);
}
static hv_status
fl_process(hv_cmd *cmd, const hv_value *input)
{
    return fmt_collect(cmd, input, FL_INPUT);
}
static hv_status
fw_process(hv_cmd *cmd, const hv_value *input)
{
    return fmt_collect(cmd, input, FW_INPUT);
}

static void
fmt_cleanup(hv_cmd *cmd)
{
    fmt_state *s = hv_cmd_state(cmd);
    hvc_u_vec_free(&s->items);
}

static bool
is_scalar(const hv_value *v)
{
    return v->kind != HV_OBJECT && v->kind != HV_TABLE && v->kind != HV_ARRAY &&
           v->kind != HV_TIMESPAN && v->kind != HV_TYPE && v->kind != HV_DATETIME;
}

/* Without -Force pwsh formats scalars (strings, numbers) out of band, as plain lines: the
 * ones before the first object are written as they are (no table around them); later ones
 * go into the request as text lines. Returns the index of the first object. */
static hv_status
emit_leading_scalars(hv_cmd *cmd, fmt_state *s, bool force)
{
    if (force)
        return HV_OK;
    size_t lead = 0;
    hv_status st = HV_OK;
    while (lead < s->items.n && is_scalar(&s->items.v[lead]) && st == HV_OK)
        st = hv_emit(cmd, hv_steal(&s->items.v[lead++]));
    if (lead) /* items.v may be NULL when nothing was collected */
        memmove(s->items.v, s->items.v + lead, (s->items.n - lead) * sizeof *s->items.v);
    s->items.n -= lead;
    return st;
}

/* A scalar inside a request, shown as a line of text (out of band). */
static hv_value
text_row(const hv_value *v)
{
    hv_value t = hv_obj_new(NULL);
    hv_obj_set(&t, "Text", hv_ref(v));
    hv_obj_add_typename(&t, "hvsh.FormatText");
    return t;
}

static hv_value
new_request(const char *shape)
{
    hv_value r = hv_obj_new(NULL);
    hv_obj_set(&r, "Shape", hv_str(shape));
    hv_obj_add_typename(&r, HVC_U_FMT_REQUEST);
    return r;
}

/* GroupBy: the value of the group expression for each object (or NULL when not grouping). */
typedef struct {
    hvc_u_prop *p;
    size_t n;
} groupby;

static hv_status
groupby_parse(hv_cmd *cmd, int index, groupby *g)
{
    memset(g, 0, sizeof *g);
    const hv_value *v = hv_cmd_arg(cmd, index);
    if (!v)
        return HV_OK;
    return hvc_u_parse_props(cmd, v, HVC_U_KEY_NAME | HVC_U_KEY_EXPR | HVC_U_KEY_FORMAT,
                             &g->p, &g->n);
}

static hv_status
groupby_add(hv_cmd *cmd, const groupby *g, const hv_value *obj, hv_value *groups)
{
    if (!g->n)
        return HV_OK;
    hv_value v;
    hv_status st = hvc_u_eval(cmd, obj, &g->p[0].expr, &v);
    if (st != HV_OK)
        return st;
    hv_array_push(groups, v);
    return HV_OK;
}

static void
groupby_finish(const groupby *g, hv_value *req, hv_value groups)
{
    if (g->n) {
        hv_obj_set(req, "Groups", groups);
        hv_obj_set(req, "GroupLabel", hv_str(g->p[0].label));
    } else {
        hv_unref(groups);
    }
    hvc_u_props_free(g->p, g->n);
}

/* A cell value with its FormatString applied. */
static hv_value
apply_format(hv_value v, const char *fmt)
{
    if (!fmt || v.kind == HV_NULL)
        return v;
    hv_value s = hv_conv_format_one(&v, fmt);
    hv_unref(v);
    return s;
}

/* ======================================================================================
 * Format-Table
 * ====================================================================================== */
typedef struct {
    char *label;
    hv_value expr;           /* name or script block (owned), or HV_NULL with vc */
    const hv_view_column *vc;
    int width, align;
    char *format;
} ftcol;

static void
ftcols_free(ftcol *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].label);
        free(c[i].format);
        hv_unref(c[i].expr);
    }
    free(c);
}

/* The columns of the table, decided by the first object (as pwsh does). */
static hv_status
ft_columns(hv_cmd *cmd, const hv_value *first, ftcol **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    const hv_value *pa = hv_cmd_arg(cmd, FT_PROPERTY);
    ftcol *cols = NULL;
    size_t nc = 0;
    if (pa) {
        hvc_u_prop *p;
        size_t np;
        hv_status st = hvc_u_parse_props(cmd, pa,
                                         HVC_U_KEY_NAME | HVC_U_KEY_EXPR | HVC_U_KEY_FORMAT |
                                             HVC_U_KEY_WIDTH | HVC_U_KEY_ALIGN,
                                         &p, &np);
        if (st != HV_OK)
            return st;
        for (size_t i = 0; i < np; i++) {
            if (p[i].wildcard) {
                size_t nn;
                char **names = hvc_u_prop_names(first, &nn);
                for (size_t k = 0; k < nn; k++) {
                    if (!hv_wildcard_match(p[i].label, names[k], false))
                        continue;
                    cols = hv_xrealloc(cols, (nc + 1) * sizeof *cols);
                    cols[nc++] = (ftcol){.label = hv_xstrdup(names[k]),
                                         .expr = hv_str(names[k])};
                }
                hvc_u_names_free(names, nn);
                continue;
            }
            cols = hv_xrealloc(cols, (nc + 1) * sizeof *cols);
            cols[nc++] = (ftcol){.label = hv_xstrdup(p[i].label), .expr = hv_ref(&p[i].expr),
                                 .width = p[i].width,
                                 .align = p[i].align == 2 ? -1 : p[i].align,
                                 .format = p[i].format ? hv_xstrdup(p[i].format) : NULL};
        }
        hvc_u_props_free(p, np);
        *out = cols;
        *n = nc;
        return HV_OK;
    }
    const hv_obj_class *cls = first->kind == HV_OBJECT ? hv_obj_class_of(first) : NULL;
    if (first->kind == HV_OBJECT && hv_obj_typename_count(first) > 0 &&
        strcmp(hv_obj_typename_at(first, 0), "System.Collections.DictionaryEntry") == 0) {
        /* the DictionaryEntry view: Name (30 wide) and Value */
        cols = hv_xcalloc(2, sizeof *cols);
        cols[0] = (ftcol){.label = hv_xstrdup("Name"), .expr = hv_str("Name"), .width = 30,
                          .align = -1};
        cols[1] = (ftcol){.label = hv_xstrdup("Value"), .expr = hv_str("Value"), .align = -1};
        *out = cols;
        *n = 2;
        return HV_OK;
    }
    if (cls && cls->table_view) {
        for (const hv_view_column *vc = cls->table_view; vc->label || vc->property || vc->compute;
             vc++) {
            cols = hv_xrealloc(cols, (nc + 1) * sizeof *cols);
            const char *lab = vc->label ? vc->label : vc->property ? vc->property : "";
            cols[nc++] = (ftcol){.label = hv_xstrdup(lab), .vc = vc, .width = vc->width,
                                 .align = vc->align};
        }
    } else if (cls && cls->default_props) {
        for (size_t i = 0; cls->default_props[i]; i++) {
            cols = hv_xrealloc(cols, (nc + 1) * sizeof *cols);
            cols[nc++] = (ftcol){.label = hv_xstrdup(cls->default_props[i]),
                                 .expr = hv_str(cls->default_props[i])};
        }
    } else {
        size_t nn;
        char **names = hvc_u_prop_names(first, &nn);
        for (size_t k = 0; k < nn; k++) {
            cols = hv_xrealloc(cols, (nc + 1) * sizeof *cols);
            cols[nc++] = (ftcol){.label = hv_xstrdup(names[k]), .expr = hv_str(names[k])};
        }
        hvc_u_names_free(names, nn);
    }
    *out = cols;
    *n = nc;
    return HV_OK;
}

static hv_status
ft_end(hv_cmd *cmd)
{
    fmt_state *s = hv_cmd_state(cmd);
    hv_status lst = emit_leading_scalars(cmd, s, hv_cmd_switch(cmd, FT_FORCE));
    if (lst != HV_OK || s->items.n == 0)
        return lst;
    const hv_value *first = NULL;
    for (size_t i = 0; i < s->items.n && !first; i++)
        if (!is_scalar(&s->items.v[i]))
            first = &s->items.v[i];
    if (!first) {
        /* only scalars: pwsh shows them out of band, as plain lines */
        hv_status st = HV_OK;
        for (size_t i = 0; i < s->items.n && st == HV_OK; i++)
            st = hv_emit(cmd, hv_ref(&s->items.v[i]));
        return st;
    }
    hv_value req = new_request("Table");
    ftcol *cols = NULL;
    size_t nc = 0;
    hv_status st = first ? ft_columns(cmd, first, &cols, &nc) : HV_OK;
    if (st != HV_OK) {
        hv_unref(req);
        return st;
    }
    groupby gb;
    st = groupby_parse(cmd, FT_GROUPBY, &gb);
    if (st != HV_OK) {
        ftcols_free(cols, nc);
        hv_unref(req);
        return st;
    }
    hv_value labels = hv_array_new(nc), widths = hv_array_new(nc), aligns = hv_array_new(nc);
    int *align = hv_xcalloc(nc + 1, sizeof *align);
    for (size_t k = 0; k < nc; k++) {
        hv_array_push(&labels, hv_str(cols[k].label));
        hv_array_push(&widths, hv_int(cols[k].width));
        align[k] = cols[k].align;
    }
    hv_value rows = hv_array_new(s->items.n), groups = hv_array_new(s->items.n);
    bool aligned = false;
    for (size_t i = 0; i < s->items.n && st == HV_OK; i++) {
        const hv_value *o = &s->items.v[i];
        st = groupby_add(cmd, &gb, o, &groups);
        if (st != HV_OK)
            break;
        if (is_scalar(o) || !first) {
            hv_array_push(&rows, text_row(o));
            continue;
        }
        hv_value row = hv_array_new(nc);
        for (size_t k = 0; k < nc && st == HV_OK; k++) {
            hv_value v = hv_null();
            if (cols[k].vc) {
                if (cols[k].vc->compute)
                    v = cols[k].vc->compute(o);
                else if (cols[k].vc->property)
                    v = hv_get_member(hv_cmd_ctx(cmd), o, cols[k].vc->property);
            } else {
                st = fmt_eval(cmd, o, &cols[k].expr, hv_cmd_switch(cmd, FT_DISPLAYERROR), &v);
            }
            /* the first row decides the alignment of columns left automatic */
            if (!aligned && align[k] == 0)
                align[k] = hv_is_number(&v) || v.kind == HV_BOOL || v.kind == HV_CHAR ? 1 : -1;
            hv_array_push(&row, apply_format(v, cols[k].format));
        }
        aligned = true;
        hv_array_push(&rows, row);
    }
    for (size_t k = 0; k < nc; k++)
        hv_array_push(&aligns, hv_int(align[k]));
    free(align);
    ftcols_free(cols, nc);
    hv_obj_set(&req, "Labels", labels);
    hv_obj_set(&req, "Widths", widths);
    hv_obj_set(&req, "Aligns", aligns);
    hv_obj_set(&req, "Rows", rows);
    hv_obj_set(&req, "AutoSize", hv_bool(hv_cmd_switch(cmd, FT_AUTOSIZE)));
    hv_obj_set(&req, "Wrap", hv_bool(hv_cmd_switch(cmd, FT_WRAP)));
    hv_obj_set(&req, "HideTableHeaders", hv_bool(hv_cmd_switch(cmd, FT_HIDE)));
    groupby_finish(&gb, &req, groups);
    if (st != HV_OK) {
        hv_unref(req);
        return st;
    }
    return hv_emit(cmd, req);
}

/* ======================================================================================
 * Format-List
 * ====================================================================================== */
/* The properties Format-List shows for the .NET value types that have no list view. */
static const char *const *
value_list_props(const hv_value *o)
{
    static const char *const dt[] = {"DisplayHint", "DateTime", "Date", "Day", "DayOfWeek",
                                     "DayOfYear", "Hour", "Kind", "Millisecond", "Microsecond",
                                     "Nanosecond", "Minute", "Month", "Second", "Ticks",
                                     "TimeOfDay", "Year", NULL};
    static const char *const ts[] = {"Days", "Hours", "Minutes", "Seconds", "Milliseconds",
                                     "Ticks", "TotalDays", "TotalHours", "TotalMinutes",
                                     "TotalSeconds", "TotalMilliseconds", NULL};
    if (o->kind == HV_DATETIME)
        return dt;
    if (o->kind == HV_TIMESPAN)
        return ts;
    return NULL;
}

static hv_value
value_list_member(hv_cmd *cmd, const hv_value *o, const char *name)
{
    if (o->kind == HV_DATETIME && strcmp(name, "DisplayHint") == 0)
        return hv_str(o->pad == 1 ? "Date" : o->pad == 2 ? "Time" : "DateTime");
    return hv_get_member(hv_cmd_ctx(cmd), o, name);
}

static hv_status
fl_end(hv_cmd *cmd)
{
    fmt_state *s = hv_cmd_state(cmd);
    hv_status lst = emit_leading_scalars(cmd, s, hv_cmd_switch(cmd, FL_FORCE));
    if (lst != HV_OK || s->items.n == 0)
        return lst;
    hvc_u_prop *p = NULL;
    size_t np = 0;
    hv_status st = hvc_u_parse_props(cmd, hv_cmd_arg(cmd, FL_PROPERTY),
                                     HVC_U_KEY_NAME | HVC_U_KEY_EXPR | HVC_U_KEY_FORMAT, &p,
                                     &np);
    if (st != HV_OK)
        return st;
    groupby gb;
    st = groupby_parse(cmd, FL_GROUPBY, &gb);
    if (st != HV_OK) {
        hvc_u_props_free(p, np);
        return st;
    }
    hv_value req = new_request("List");
    hv_value rows = hv_array_new(s->items.n), groups = hv_array_new(s->items.n);
    for (size_t i = 0; i < s->items.n && st == HV_OK; i++) {
        const hv_value *o = &s->items.v[i];
        st = groupby_add(cmd, &gb, o, &groups);
        if (st != HV_OK)
            break;
        if (is_scalar(o)) {
            hv_array_push(&rows, text_row(o));
            continue;
        }
        hv_value names = hv_array_new(8), vals = hv_array_new(8);
        if (np) {
            hvc_u_pairs pairs = {0};
            st = list_expand(cmd, o, p, np, hv_cmd_switch(cmd, FL_DISPLAYERROR), &pairs);
            for (size_t k = 0; k < pairs.n; k++) {
                const char *fmt = NULL;
                for (size_t j = 0; j < np; j++)
                    if (p[j].format && hv_str_eq_ci(p[j].label, pairs.labels[k]))
                        fmt = p[j].format;
                hv_array_push(&names, hv_str(pairs.labels[k]));
                hv_array_push(&vals, apply_format(hv_steal(&pairs.values[k]), fmt));
            }
            hvc_u_pairs_free(&pairs);
        } else {
            const hv_obj_class *cls = o->kind == HV_OBJECT ? hv_obj_class_of(o) : NULL;
            const char *const *lv = cls ? (cls->list_view ? cls->list_view : cls->default_props)
                                        : NULL;
            if (!lv)
                lv = value_list_props(o);
            if (lv) {
                for (size_t k = 0; lv[k]; k++) {
                    hv_array_push(&names, hv_str(lv[k]));
                    hv_array_push(&vals, value_list_member(cmd, o, lv[k]));
                }
            } else if (o->kind == HV_OBJECT) {
                for (size_t k = 0; k < hv_obj_count(o); k++) {
                    hv_array_push(&names, hv_str(hv_obj_name_at(o, k)));
                    hv_array_push(&vals, hv_ref(hv_obj_value_at(o, k)));
                }
            }
        }
        hv_value entry = hv_array_new(2);
        hv_array_push(&entry, names);
        hv_array_push(&entry, vals);
        hv_array_push(&rows, entry);
    }
    hvc_u_props_free(p, np);
    hv_obj_set(&req, "Rows", rows);
    groupby_finish(&gb, &req, groups);
    if (st != HV_OK) {
        hv_unref(req);
        return st;
    }
    return hv_emit(cmd, req);
}

/* ======================================================================================
 * Format-Wide
 * ====================================================================================== */
static hv_status
fw_end(hv_cmd *cmd)
{
    fmt_state *s = hv_cmd_state(cmd);
    bool force = hv_cmd_switch(cmd, FW_FORCE);
    hv_status lst = emit_leading_scalars(cmd, s, force);
    if (lst != HV_OK || s->items.n == 0)
        return lst;
    hvc_u_prop *p = NULL;
    size_t np = 0;
    hv_status st = hvc_u_parse_props(cmd, hv_cmd_arg(cmd, FW_PROPERTY),
                                     HVC_U_KEY_EXPR | HVC_U_KEY_FORMAT, &p, &np);
    if (st != HV_OK)
        return st;
    groupby gb;
    st = groupby_parse(cmd, FW_GROUPBY, &gb);
    if (st != HV_OK) {
        hvc_u_props_free(p, np);
        return st;
    }
    hv_value req = new_request("Wide");
    hv_value rows = hv_array_new(s->items.n), groups = hv_array_new(s->items.n);
    for (size_t i = 0; i < s->items.n && st == HV_OK; i++) {
        const hv_value *o = &s->items.v[i];
        st = groupby_add(cmd, &gb, o, &groups);
        if (st != HV_OK)
            break;
        hv_value v = hv_null();
        if (!force && is_scalar(o)) {
            hv_array_push(&rows, text_row(o));
            continue;
        }
        if (np) {
            st = fmt_eval(cmd, o, &p[0].expr, hv_cmd_switch(cmd, FW_DISPLAYERROR), &v);
            v = apply_format(v, p[0].format);
        } else if (is_scalar(o)) {
            v = hv_ref(o);
        } else {
            /* the default wide property: Name if the object has one, else its first */
            const hv_obj_class *cls = o->kind == HV_OBJECT ? hv_obj_class_of(o) : NULL;
            if (hvc_u_has_prop(o, "Name"))
                v = hv_get_member(hv_cmd_ctx(cmd), o, "Name");
            else if (cls && cls->table_view && cls->table_view[0].property)
                v = hv_get_member(hv_cmd_ctx(cmd), o, cls->table_view[0].property);
            else if (o->kind == HV_OBJECT && hv_obj_count(o) > 0)
                v = hv_ref(hv_obj_value_at(o, 0));
            else
                v = hv_ref(o);
        }
        hv_array_push(&rows, v);
    }
    hvc_u_props_free(p, np);
    hv_obj_set(&req, "Rows", rows);
    hv_obj_set(&req, "AutoSize", hv_bool(hv_cmd_switch(cmd, FW_AUTOSIZE)));
    hv_obj_set(&req, "Column", hv_int((int32_t)hvc_u_arg_int(cmd, FW_COLUMN, 0)));
    groupby_finish(&gb, &req, groups);
    if (st != HV_OK) {
        hv_unref(req);
        return st;
    }
    return hv_emit(cmd, req);
}

#define ONLINE(x) "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/" x "?view=powershell-7.4&WT.mc_id=ps-gethelp"

const hv_cmdlet_def hvc_u_defs_format[] = {
    {
        .name = "Format-Table",
        .aliases = (const char *const[]){"ft", NULL},
        .params = ft_params,
        .ops = {.process = ft_process, .end = ft_end, .cleanup = fmt_cleanup},
        .state_size = sizeof(fmt_state),
        .synopsis = "Formats the output as a table.",
        .description =
            "The Format-Table cmdlet formats the output of a command as a table with the "
            "selected properties of the object in each column. The object type determines the "
            "default layout and properties that are displayed in each column; -Property "
            "selects other properties or calculated properties.\n\n"
            "Column widths are computed from the data; a table wider than the screen is cut "
            "from the right, and values that do not fit end with an ellipsis unless -Wrap is "
            "used.",
        .output_type = "Microsoft.PowerShell.Commands.Internal.Format",
        .examples = (const hv_example[]){
            {.title = "Format virtual machines as a table",
             .code = "Get-VM | Format-Table -Property Name, State, Uptime -AutoSize"},
            {.title = "Use a calculated property",
             .code = "Get-VM | Format-Table Name, @{Label='Memory (MB)'; Expression={$_.MemoryAssigned/1MB}; Align='Right'}"},
            {.title = "Group the rows",
             .code = "Get-VM | Sort-Object State | Format-Table -GroupBy State"},
            {0}},
        .online = ONLINE("format-table"),
    },
    {
        .name = "Format-List",
        .aliases = (const char *const[]){"fl", NULL},
        .params = fl_params,
        .ops = {.process = fl_process, .end = fl_end, .cleanup = fmt_cleanup},
        .state_size = sizeof(fmt_state),
        .synopsis = "Formats the output as a list of properties in which each property appears "
                    "on a new line.",
        .description =
            "The Format-List cmdlet formats the output of a command as a list of properties "
            "in which each property is displayed on a separate line. You can use Format-List "
            "to format and display all or selected properties of an object as a list "
            "(Format-List -Property *).",
        .output_type = "Microsoft.PowerShell.Commands.Internal.Format",
        .examples = (const hv_example[]){
            {.title = "Show every property of an object",
             .code = "Get-VM -Name VM01 | Format-List -Property *"},
            {.title = "Format selected properties",
             .code = "Get-NetAdapter | Format-List -Property Name, InterfaceDescription, Status"},
            {0}},
        .online = ONLINE("format-list"),
    },
    {
        .name = "Format-Wide",
        .aliases = (const char *const[]){"fw", NULL},
        .sets = (const char *const[]){"Default", "AutoSize", "Column", NULL},
        .default_set = FW_SET_DEFAULT,
        .params = fw_params,
        .ops = {.process = fw_process, .end = fw_end, .cleanup = fmt_cleanup},
        .state_size = sizeof(fmt_state),
        .synopsis = "Formats objects as a wide table that displays only one property of each "
                    "object.",
        .description =
            "The Format-Wide cmdlet formats objects as a wide table that displays only one "
            "property of each object. You can use -Property to determine which property is "
            "displayed, -Column to set the number of columns, or -AutoSize to fit as many "
            "columns as the widest value allows.",
        .output_type = "Microsoft.PowerShell.Commands.Internal.Format",
        .examples = (const hv_example[]){
            {.title = "Format names in three columns",
             .code = "Get-VM | Format-Wide -Property Name -Column 3"},
            {.title = "Fit as many columns as possible",
             .code = "Get-Command -Module Hyper-V | Format-Wide -AutoSize"},
            {0}},
        .online = ONLINE("format-wide"),
    },
    {.name = NULL},
};
