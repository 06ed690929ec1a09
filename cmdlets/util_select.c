/* util_select.c — Select-Object.
 *
 * Streaming where pwsh streams: without -Last/-SkipLast/-Unique, objects pass as they
 * arrive and, once -First is satisfied, the handler returns HV_STOPPED so the upstream
 * producers stop (Get-VM | Select-Object -First 1 does not enumerate every VM). */
#include "cmdlets/util.h"

#include <stdlib.h>
#include <string.h>

enum { SO_SET_DEFAULT, SO_SET_SKIPLAST, SO_SET_INDEX, SO_SET_SKIPINDEX };
enum {
    SO_INPUT, SO_PROPERTY, SO_EXCLUDE, SO_EXPAND, SO_UNIQUE, SO_CASEINS, SO_LAST, SO_FIRST,
    SO_SKIP, SO_SKIPLAST, SO_WAIT, SO_INDEX, SO_SKIPINDEX, SO__N
};
#define SO_PROPSETS (HV_SET(SO_SET_DEFAULT) | HV_SET(SO_SET_SKIPLAST))

static const hv_param_def so_params[SO__N + 1] = {
    [SO_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies objects to send to the cmdlet through the pipeline. When "
                          "you use this parameter instead of piping, the whole collection is "
                          "treated as one object."},
    [SO_PROPERTY] = {.name = "Property", .type = HV_PT_ANY, .position = 0,
                     .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .sets = SO_PROPSETS,
                     .help = "Specifies the properties to select. These properties are added "
                             "as NoteProperty members to the output objects. Wildcards are "
                             "permitted. To add a calculated property, use a hash table with "
                             "the keys Name (or Label) and Expression; the Expression is a "
                             "string (a property name) or a script block."},
    [SO_EXCLUDE] = {.name = "ExcludeProperty", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .sets = SO_PROPSETS,
                    .help = "Specifies the properties that this cmdlet excludes from the "
                            "operation. Wildcards are permitted."},
    [SO_EXPAND] = {.name = "ExpandProperty", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .sets = SO_PROPSETS,
                   .help = "Specifies a property to select, and indicates that an attempt "
                           "should be made to expand that property: the value itself is "
                           "output, and a collection is output one element at a time."},
    [SO_UNIQUE] = {.name = "Unique", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Specifies that if a subset of the input objects has identical "
                           "properties and values, only a single member of the subset is "
                           "selected. This comparison is case-sensitive."},
    [SO_CASEINS] = {.name = "CaseInsensitive", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "By default, the -Unique comparison is case-sensitive; this switch "
                            "makes it case-insensitive."},
    [SO_LAST] = {.name = "Last", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                 .sets = HV_SET(SO_SET_DEFAULT), .min = 0, .max = 2147483647,
                 .help = "Specifies the number of objects to select from the end of an array "
                         "of objects."},
    [SO_FIRST] = {.name = "First", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                  .sets = HV_SET(SO_SET_DEFAULT), .min = 0, .max = 2147483647,
                  .help = "Specifies the number of objects to select from the beginning of "
                          "an array of input objects. When that many objects are selected, "
                          "the commands that generate the input are stopped."},
    [SO_SKIP] = {.name = "Skip", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                 .sets = HV_SET(SO_SET_DEFAULT), .min = 0, .max = 2147483647,
                 .help = "Skips (doesn't select) the specified number of items. By default, "
                         "counts from the beginning; with -Last, from the end."},
    [SO_SKIPLAST] = {.name = "SkipLast", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                     .sets = HV_SET(SO_SET_SKIPLAST), .min = 0, .max = 2147483647,
                     .help = "Skips (doesn't select) the specified number of items from the "
                             "end of the list or array."},
    [SO_WAIT] = {.name = "Wait", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .sets = HV_SET(SO_SET_DEFAULT) | HV_SET(SO_SET_INDEX),
                 .help = "Indicates that the cmdlet turns off the optimization that stops the "
                         "input commands once -First is satisfied."},
    [SO_INDEX] = {.name = "Index", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY, .sets = HV_SET(SO_SET_INDEX),
                  .help = "Selects objects from an array based on their index values. Enter "
                          "the indexes in a comma-separated list. Indexes begin with 0."},
    [SO_SKIPINDEX] = {.name = "SkipIndex", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                      .flags = HV_PF_ARRAY, .sets = HV_SET(SO_SET_SKIPINDEX),
                      .help = "Skips (doesn't select) the objects from an array based on "
                              "their index values. Indexes begin with 0."},
    [SO__N] = {.name = NULL},
};

typedef struct {
    hvc_u_prop *props;
    size_t nprops;
    bool streaming;     /* no buffering needed */
    int64_t first, skip, last, skiplast;
    bool has_first, has_last;
    int64_t seen;       /* input objects seen */
    int64_t emitted;
    hvc_u_vec buf;      /* buffered (selected) objects */
    int64_t *index;
    size_t nindex;
    bool skip_index;
    bool unique, unique_cs;
    char **seen_set;    /* -Unique: keys already written (open addressing) */
    size_t seen_cap, seen_n;
} so_state;

static hv_status
so_begin(hv_cmd *cmd)
{
    so_state *s = hv_cmd_state(cmd);
    hv_status st = hvc_u_parse_props(cmd, hv_cmd_arg(cmd, SO_PROPERTY),
                                     HVC_U_KEY_NAME | HVC_U_KEY_EXPR, &s->props, &s->nprops);
    if (st != HV_OK)
        return st;
    s->has_first = hv_cmd_bound(cmd, SO_FIRST);
    s->has_last = hv_cmd_bound(cmd, SO_LAST);
    s->first = hvc_u_arg_int(cmd, SO_FIRST, 0);
    s->last = hvc_u_arg_int(cmd, SO_LAST, 0);
    s->skip = hvc_u_arg_int(cmd, SO_SKIP, 0);
    s->skiplast = hvc_u_arg_int(cmd, SO_SKIPLAST, 0);
    const hv_value *ix = hv_cmd_arg(cmd, hv_cmd_bound(cmd, SO_INDEX) ? SO_INDEX : SO_SKIPINDEX);
    s->skip_index = hv_cmd_bound(cmd, SO_SKIPINDEX);
    if (ix && ix->kind == HV_ARRAY) {
        s->nindex = hv_array_len(ix);
        s->index = hv_xcalloc(s->nindex + 1, sizeof *s->index);
        for (size_t i = 0; i < s->nindex; i++)
            s->index[i] = hv_int_of(hv_array_at(ix, i));
    }
    /* -Unique filters what the other parameters selected ("a","a","b" | Select-Object
     * -First 2 -Unique gives a), so it does not need the whole input first */
    s->unique = hv_cmd_switch(cmd, SO_UNIQUE);
    s->unique_cs = !hv_cmd_switch(cmd, SO_CASEINS);
    s->streaming = !s->has_last && !hv_cmd_bound(cmd, SO_SKIPLAST) && !s->index;
    if (s->streaming && s->has_first && s->first == 0 && !hv_cmd_switch(cmd, SO_WAIT))
        return HV_STOPPED;
    return HV_OK;
}

/* The identity -Unique compares: a PSCustomObject by its property names and values, any
 * other value by its string (case-folded with -CaseInsensitive). */
static void
unique_key(hv_buf *b, const hv_value *v)
{
    if (v->kind == HV_OBJECT && !hv_obj_class_of(v)) {
        size_t n = hv_obj_count(v);
        for (size_t i = 0; i < n; i++) {
            hv_buf_puts(b, hv_obj_name_at(v, i));
            hv_buf_putc(b, '\x1e');
            unique_key(b, hv_obj_value_at(v, i));
            hv_buf_putc(b, '\x1f');
        }
        return;
    }
    hv_conv_append_string(b, v, NULL);
}

static char *
unique_string(const hv_value *v, bool cs)
{
    hv_buf b = {0};
    unique_key(&b, v);
    hv_buf_putc(&b, 0);
    if (!cs) {
        hv_buf low = {0};
        size_t i = 0, n = b.len - 1;
        while (i < n) {
            char enc[4];
            uint32_t cp = hv_utf8_next(b.data, n, &i);
            hv_buf_put(&low, enc, hv_utf8_put(enc, hv_uc_lower(cp)));
        }
        hv_buf_putc(&low, 0);
        hv_buf_free(&b);
        return low.data;
    }
    return b.data;
}

/* Records v's -Unique key; false when an equal object was already written. */
static bool
unique_first(so_state *s, const hv_value *v)
{
    if (s->seen_n * 2 >= s->seen_cap) {
        size_t cap = s->seen_cap ? s->seen_cap * 2 : 16;
        char **set = hv_xcalloc(cap, sizeof *set);
        for (size_t i = 0; i < s->seen_cap; i++) {
            if (!s->seen_set[i])
                continue;
            size_t h = hv_hash_ci(s->seen_set[i], strlen(s->seen_set[i])) & (cap - 1);
            while (set[h])
                h = (h + 1) & (cap - 1);
            set[h] = s->seen_set[i];
        }
        free(s->seen_set);
        s->seen_set = set;
        s->seen_cap = cap;
    }
    char *k = unique_string(v, s->unique_cs);
    size_t h = hv_hash_ci(k, strlen(k)) & (s->seen_cap - 1);
    while (s->seen_set[h] && strcmp(s->seen_set[h], k) != 0)
        h = (h + 1) & (s->seen_cap - 1);
    if (s->seen_set[h]) {
        free(k);
        return false;
    }
    s->seen_set[h] = k;
    s->seen_n++;
    return true;
}

/* Writes one selected object, dropping it under -Unique when already written. */
static hv_status
so_write(hv_cmd *cmd, so_state *s, hv_value v)
{
    if (s->unique && !unique_first(s, &v)) {
        hv_unref(v);
        return HV_OK;
    }
    return hv_emit(cmd, v);
}

/* The selected form of one input object: a new PSCustomObject "Selected.<type>", the
 * expanded property values, or the object itself. Emits/collects through `put`. */
typedef hv_status (*so_put)(hv_cmd *cmd, so_state *s, hv_value v);

static hv_status
so_select(hv_cmd *cmd, so_state *s, const hv_value *in, so_put put)
{
    const char *expand = hvc_u_arg_str(cmd, SO_EXPAND);
    const hv_value *exclude = hv_cmd_arg(cmd, SO_EXCLUDE);
    if (s->nprops == 0 && !expand) {
        if (exclude && (in->kind == HV_OBJECT)) {
            /* -ExcludeProperty alone: a copy without those properties */
            hv_value o = hv_obj_new(NULL);
            for (size_t i = 0; i < hv_obj_count(in); i++)
                if (!hvc_u_match_any(exclude, hv_obj_name_at(in, i)))
                    hv_obj_set(&o, hv_obj_name_at(in, i), hv_ref(hv_obj_value_at(in, i)));
            char *tn = hv_xasprintf("Selected.%s", hvc_u_typename(in));
            hv_obj_add_typename(&o, tn);
            free(tn);
            return put(cmd, s, o);
        }
        return put(cmd, s, hv_ref(in));
    }
    hvc_u_pairs pairs = {0};
    hv_status st = hvc_u_expand(cmd, in, s->props, s->nprops, exclude, &pairs);
    if (st != HV_OK) {
        hvc_u_pairs_free(&pairs);
        return st;
    }
    if (expand) {
        hv_value ev = hv_str(expand), v;
        st = hvc_u_eval(cmd, in, &ev, &v);
        hv_unref(ev);
        if (st == HV_OK && v.kind == HV_NULL && !hvc_u_has_prop(in, expand)) {
            hvc_u_pairs_free(&pairs);
            return hvc_u_error(cmd, HV_CAT_InvalidArgument, "ExpandPropertyNotFound", in,
                               "Property \"%s\" cannot be found.", expand);
        }
        size_t n = v.kind == HV_ARRAY ? hv_array_len(&v) : (v.kind == HV_NULL ? 0 : 1);
        for (size_t i = 0; i < n && st == HV_OK; i++) {
            hv_value e = hv_ref(v.kind == HV_ARRAY ? hv_array_at(&v, i) : &v);
            if (pairs.n > 0 && e.kind == HV_OBJECT) /* -Property adds notes to the expanded */
                for (size_t k = 0; k < pairs.n; k++)
                    hv_obj_set(&e, pairs.labels[k], hv_ref(&pairs.values[k]));
            st = put(cmd, s, e);
        }
        hv_unref(v);
        hvc_u_pairs_free(&pairs);
        return st;
    }
    hv_value o = hv_obj_new(NULL);
    for (size_t k = 0; k < pairs.n; k++)
        hv_obj_set(&o, pairs.labels[k], hv_steal(&pairs.values[k]));
    hvc_u_pairs_free(&pairs);
    char *tn = hv_xasprintf("Selected.%s", hvc_u_typename(in));
    hv_obj_add_typename(&o, tn);
    free(tn);
    return put(cmd, s, o);
}

static hv_status
put_emit(hv_cmd *cmd, so_state *s, hv_value v)
{
    if (s->has_first && s->emitted >= s->first) {
        hv_unref(v);
        return hv_cmd_switch(cmd, SO_WAIT) ? HV_OK : HV_STOPPED;
    }
    s->emitted++;
    hv_status st = so_write(cmd, s, v);
    if (st != HV_OK)
        return st;
    if (s->has_first && s->emitted >= s->first && !hv_cmd_switch(cmd, SO_WAIT))
        return HV_STOPPED;
    return HV_OK;
}

static hv_status
put_buffer(hv_cmd *cmd, so_state *s, hv_value v)
{
    (void)cmd;
    hvc_u_vec_push(&s->buf, v);
    return HV_OK;
}

static hv_status
so_process(hv_cmd *cmd, const hv_value *input)
{
    so_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, SO_INPUT);
    if (!in)
        in = input;
    int64_t pos = s->seen++;
    if (s->streaming) {
        if (pos < s->skip)
            return HV_OK;
        return so_select(cmd, s, in, put_emit);
    }
    if (s->index) {
        bool listed = false;
        for (size_t i = 0; i < s->nindex; i++)
            if (s->index[i] == pos)
                listed = true;
        if (listed == s->skip_index)
            return HV_OK;
        return so_select(cmd, s, in, put_emit);
    }
    return so_select(cmd, s, in, put_buffer);
}

static hv_status
so_end(hv_cmd *cmd)
{
    so_state *s = hv_cmd_state(cmd);
    if (s->streaming || s->index)
        return HV_OK;
    size_t nk = s->buf.n;
    size_t from = 0, to = nk;
    if (hv_cmd_bound(cmd, SO_SKIPLAST)) {
        to = (size_t)s->skiplast >= nk ? 0 : nk - (size_t)s->skiplast;
    } else {
        if (s->has_last) {
            /* -Skip with -Last counts from the end */
            size_t end = (size_t)s->skip >= nk ? 0 : nk - (size_t)s->skip;
            size_t l = (size_t)s->last;
            size_t start = l >= end ? 0 : end - l;
            if (s->has_first) {
                size_t fe = (size_t)s->first < nk ? (size_t)s->first : nk;
                /* -First and -Last together: both ends */
                hv_status st = HV_OK;
                for (size_t i = 0; i < fe && st == HV_OK; i++)
                    st = so_write(cmd, s, hv_ref(&s->buf.v[i]));
                for (size_t i = start < fe ? fe : start; i < end && st == HV_OK; i++)
                    st = so_write(cmd, s, hv_ref(&s->buf.v[i]));
                return st == HV_STOPPED ? HV_OK : st;
            }
            from = start;
            to = end;
        } else {
            from = (size_t)s->skip < nk ? (size_t)s->skip : nk;
            if (s->has_first && from + (size_t)s->first < nk)
                to = from + (size_t)s->first;
        }
    }
    hv_status st = HV_OK;
    for (size_t i = from; i < to && st == HV_OK; i++)
        st = so_write(cmd, s, hv_ref(&s->buf.v[i]));
    return st;
}

static void
so_cleanup(hv_cmd *cmd)
{
    so_state *s = hv_cmd_state(cmd);
    hvc_u_props_free(s->props, s->nprops);
    s->props = NULL;
    hvc_u_vec_free(&s->buf);
    free(s->index);
    s->index = NULL;
    for (size_t i = 0; i < s->seen_cap; i++)
        free(s->seen_set[i]);
    free(s->seen_set);
    s->seen_set = NULL;
    s->seen_cap = s->seen_n = 0;
}

const hv_cmdlet_def hvc_u_defs_select[] = {
    {
        .name = "Select-Object",
        .aliases = (const char *const[]){"select", NULL},
        .sets = (const char *const[]){"DefaultParameter", "SkipLastParameter", "IndexParameter",
                                      "SkipIndexParameter", NULL},
        .default_set = SO_SET_DEFAULT,
        .params = so_params,
        .ops = {.begin = so_begin, .process = so_process, .end = so_end,
                .cleanup = so_cleanup},
        .state_size = sizeof(so_state),
        .synopsis = "Selects objects or object properties.",
        .description =
            "The Select-Object cmdlet selects specified properties of an object or set of "
            "objects. It can also select unique objects, a specified number of objects, or "
            "objects in a specified position in an array.\n\n"
            "To select objects from a collection, use the First, Last, Unique, Skip, and Index "
            "parameters. To select object properties, use the Property parameter. When you "
            "select properties, Select-Object returns new objects that have only the specified "
            "properties; their type name is Selected.<original type name>.\n\n"
            "When you use -First, Select-Object stops the commands that generate the input as "
            "soon as the requested number of objects is selected.",
        .output_type = "System.Management.Automation.PSObject",
        .examples = (const hv_example[]){
            {.title = "Select objects by property",
             .code = "Get-VM | Select-Object -Property Name, State, Uptime"},
            {.title = "Select the first objects",
             .code = "1..100 | Select-Object -First 3",
             .remarks = "Outputs 1, 2 and 3 and stops the range early."},
            {.title = "Create a calculated property",
             .code = "Get-VM | Select-Object Name, @{Name='MemoryMB'; Expression={$_.MemoryAssigned / 1MB}}"},
            {.title = "Expand a property",
             .code = "Get-VMNetworkAdapter -VMName VM01 | Select-Object -ExpandProperty IPAddresses"},
            {.title = "Select unique values",
             .code = "\"a\",\"b\",\"c\",\"a\",\"A\" | Select-Object -Unique",
             .remarks = "The comparison is case-sensitive: a, b, c, A."},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/select-object?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {.name = NULL},
};
