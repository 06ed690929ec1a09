/* util_sort.c — Sort-Object and Group-Object.
 *
 * Both collect their input and work on precomputed keys (one evaluation of each -Property
 * expression per object, never per comparison). Sort-Object without -Stable/-Top/-Bottom
 * sorts as pwsh does, with .NET's List.Sort (an unstable introsort: 1..20 | Sort-Object
 * {$_ % 3} gives 18 3 15 6 ...), replicated step for step below; -Stable, -Top and -Bottom
 * keep input order for equal keys (a stable merge sort). */
#include "cmdlets/util.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    hv_value obj;
    hv_value *keys; /* nkeys */
    size_t index;
} skey;

typedef struct {
    const hvc_u_prop *props;
    size_t nkeys;
    bool desc;
    bool cs;
} sort_ctx;

static int
skey_cmp(const sort_ctx *sc, const skey *a, const skey *b)
{
    for (size_t k = 0; k < sc->nkeys; k++) {
        int c = hvc_u_compare(&a->keys[k], &b->keys[k], sc->cs);
        bool d = sc->desc;
        if (sc->props && k < sc->nkeys && sc->props[k].descending >= 0)
            d = sc->props[k].descending == 1;
        if (c != 0)
            return d ? -c : c;
    }
    return 0;
}

static void
merge_sort(const sort_ctx *sc, skey *v, skey *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t m = n / 2;
    merge_sort(sc, v, tmp, m);
    merge_sort(sc, v + m, tmp, n - m);
    size_t i = 0, j = m, o = 0;
    while (i < m && j < n)
        tmp[o++] = skey_cmp(sc, &v[j], &v[i]) < 0 ? v[j++] : v[i++];
    while (i < m)
        tmp[o++] = v[i++];
    while (j < n)
        tmp[o++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

/* ---- .NET's ArraySortHelper<T>.IntrospectiveSort, so equal keys land where pwsh puts
 * them (inputs of 16 or fewer items get its insertion sort, which is stable) ---- */
static void
sk_swap(skey *v, size_t i, size_t j)
{
    skey t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static void
sk_swap_if_greater(const sort_ctx *sc, skey *v, size_t i, size_t j)
{
    if (skey_cmp(sc, &v[i], &v[j]) > 0)
        sk_swap(v, i, j);
}

static void
sk_insertion(const sort_ctx *sc, skey *v, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        skey t = v[i + 1];
        size_t j = i + 1;
        while (j > 0 && skey_cmp(sc, &t, &v[j - 1]) < 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = t;
    }
}

static void
sk_down_heap(const sort_ctx *sc, skey *v, size_t i, size_t n)
{
    skey d = v[i - 1];
    while (i <= n / 2) {
        size_t child = 2 * i;
        if (child < n && skey_cmp(sc, &v[child - 1], &v[child]) < 0)
            child++;
        if (!(skey_cmp(sc, &d, &v[child - 1]) < 0))
            break;
        v[i - 1] = v[child - 1];
        i = child;
    }
    v[i - 1] = d;
}

static void
sk_heap_sort(const sort_ctx *sc, skey *v, size_t n)
{
    for (size_t i = n / 2; i >= 1; i--)
        sk_down_heap(sc, v, i, n);
    for (size_t i = n; i > 1; i--) {
        sk_swap(v, 0, i - 1);
        sk_down_heap(sc, v, 1, i - 1);
    }
}

static size_t
sk_partition(const sort_ctx *sc, skey *v, size_t n)
{
    size_t hi = n - 1, mid = hi / 2;
    /* median of three, which also orders them */
    sk_swap_if_greater(sc, v, 0, mid);
    sk_swap_if_greater(sc, v, 0, hi);
    sk_swap_if_greater(sc, v, mid, hi);
    skey pivot = v[mid];
    sk_swap(v, mid, hi - 1);
    size_t left = 0, right = hi - 1;
    while (left < right) {
        /* the bounds only matter for an inconsistent comparison (the median-of-three
         * sentinels stop a consistent one); .NET relies on the sentinels alone */
        while (left < hi - 1 && skey_cmp(sc, &v[++left], &pivot) < 0)
            ;
        while (right > 0 && skey_cmp(sc, &pivot, &v[--right]) < 0)
            ;
        if (left >= right)
            break;
        sk_swap(v, left, right);
    }
    if (left != hi - 1)
        sk_swap(v, left, hi - 1);
    return left;
}

static void
sk_intro(const sort_ctx *sc, skey *v, size_t n, int depth)
{
    while (n > 1) {
        if (n <= 16) {
            if (n == 2) {
                sk_swap_if_greater(sc, v, 0, 1);
            } else if (n == 3) {
                sk_swap_if_greater(sc, v, 0, 1);
                sk_swap_if_greater(sc, v, 0, 2);
                sk_swap_if_greater(sc, v, 1, 2);
            } else {
                sk_insertion(sc, v, n);
            }
            return;
        }
        if (depth == 0) {
            sk_heap_sort(sc, v, n);
            return;
        }
        depth--;
        size_t p = sk_partition(sc, v, n);
        sk_intro(sc, v + p + 1, n - (p + 1), depth);
        n = p;
    }
}

static void
intro_sort(const sort_ctx *sc, skey *v, size_t n)
{
    if (n < 2)
        return;
    int log2 = 0;
    while ((n >> (log2 + 1)) != 0)
        log2++;
    sk_intro(sc, v, n, 2 * (log2 + 1));
}

static void
skeys_free(skey *v, size_t n, size_t nkeys)
{
    for (size_t i = 0; i < n; i++) {
        hv_unref(v[i].obj);
        for (size_t k = 0; k < nkeys; k++)
            hv_unref(v[i].keys[k]);
        free(v[i].keys);
    }
    free(v);
}

/* Keys of one object: each property expression's value, or the object itself. */
static hv_status
make_keys(hv_cmd *cmd, const hv_value *obj, const hvc_u_prop *props, size_t nprops,
          hv_value **out)
{
    size_t nk = nprops ? nprops : 1;
    hv_value *keys = hv_xcalloc(nk, sizeof *keys);
    if (nprops == 0) {
        keys[0] = hv_ref(obj);
    } else {
        for (size_t k = 0; k < nprops; k++) {
            if (props[k].expr.kind == HV_NULL)
                continue;
            hv_status st = hvc_u_eval(cmd, obj, &props[k].expr, &keys[k]);
            if (st != HV_OK) {
                for (size_t j = 0; j < k; j++)
                    hv_unref(keys[j]);
                free(keys);
                return st;
            }
        }
    }
    *out = keys;
    return HV_OK;
}

/* ======================================================================================
 * Sort-Object
 * ====================================================================================== */
enum { SRT_SET_DEFAULT, SRT_SET_TOP, SRT_SET_BOTTOM };
enum { SRT_INPUT, SRT_PROPERTY, SRT_DESC, SRT_UNIQUE, SRT_TOP, SRT_BOTTOM, SRT_STABLE,
       SRT_CULTURE, SRT_CASE, SRT__N };

static const hv_param_def srt_params[SRT__N + 1] = {
    [SRT_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                   .flags = HV_PF_BY_VALUE,
                   .help = "To sort objects, send them down the pipeline to Sort-Object. If "
                           "you use the InputObject parameter to submit a collection of "
                           "items, Sort-Object receives one object that represents the "
                           "collection."},
    [SRT_PROPERTY] = {.name = "Property", .type = HV_PT_ANY, .position = 0,
                      .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                      .help = "Specifies the property names that Sort-Object uses to sort the "
                              "objects. Objects are sorted by the first property, then by the "
                              "next for equal values. A script block or a hash table with the "
                              "keys Expression and Ascending or Descending can be used."},
    [SRT_DESC] = {.name = "Descending", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Indicates that Sort-Object sorts the objects in descending order. "
                          "The default is ascending order."},
    [SRT_UNIQUE] = {.name = "Unique", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "Indicates that Sort-Object eliminates duplicates and returns only "
                            "the unique members of the collection. The comparison is "
                            "case-insensitive unless -CaseSensitive is given."},
    [SRT_TOP] = {.name = "Top", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                 .flags = HV_PF_MANDATORY, .sets = HV_SET(SRT_SET_TOP), .min = 1,
                 .max = 2147483647,
                 .help = "Specifies the number of objects to get from the start of a sorted "
                         "object array."},
    [SRT_BOTTOM] = {.name = "Bottom", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .flags = HV_PF_MANDATORY, .sets = HV_SET(SRT_SET_BOTTOM), .min = 1,
                    .max = 2147483647,
                    .help = "Specifies the number of objects to get from the end of a sorted "
                            "object array."},
    [SRT_STABLE] = {.name = "Stable", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = HV_SET(SRT_SET_DEFAULT),
                    .help = "The sorted objects are delivered in the order they were received "
                            "when the sort criteria are equal."},
    [SRT_CULTURE] = {.name = "Culture", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .help = "Specifies the cultural configuration to use for sorts."},
    [SRT_CASE] = {.name = "CaseSensitive", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Indicates that the sort is case-sensitive. By default, sorts aren't "
                          "case-sensitive."},
    [SRT__N] = {.name = NULL},
};

typedef struct {
    hvc_u_prop *props;
    size_t nprops;
    skey *items;
    size_t n, cap;
} srt_state;

static hv_status
srt_begin(hv_cmd *cmd)
{
    srt_state *s = hv_cmd_state(cmd);
    return hvc_u_parse_props(cmd, hv_cmd_arg(cmd, SRT_PROPERTY),
                             HVC_U_KEY_EXPR | HVC_U_KEY_SORT, &s->props, &s->nprops);
}

static hv_status
collect_keyed(hv_cmd *cmd, const hv_value *in, const hvc_u_prop *props, size_t nprops,
              skey **items, size_t *n, size_t *cap)
{
    if (in->kind == HV_NULL)
        return HV_OK;
    hv_value *keys;
    hv_status st = make_keys(cmd, in, props, nprops, &keys);
    if (st != HV_OK)
        return st;
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        *items = hv_xrealloc(*items, *cap * sizeof **items);
    }
    (*items)[*n] = (skey){.obj = hv_ref(in), .keys = keys, .index = *n};
    (*n)++;
    return HV_OK;
}

static hv_status
srt_process(hv_cmd *cmd, const hv_value *input)
{
    srt_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, SRT_INPUT);
    if (!in)
        in = input;
    return collect_keyed(cmd, in, s->props, s->nprops, &s->items, &s->n, &s->cap);
}

static hv_status
srt_end(hv_cmd *cmd)
{
    srt_state *s = hv_cmd_state(cmd);
    size_t nk = s->nprops ? s->nprops : 1;
    sort_ctx sc = {.props = s->nprops ? s->props : NULL, .nkeys = nk,
                   .desc = hv_cmd_switch(cmd, SRT_DESC), .cs = hv_cmd_switch(cmd, SRT_CASE)};
    /* pwsh: a full List.Sort unless -Stable, or -Top/-Bottom smaller than the input (an
     * index-ordered heap, i.e. stable) */
    bool full = (!hv_cmd_bound(cmd, SRT_TOP) && !hv_cmd_bound(cmd, SRT_BOTTOM)) ||
                (size_t)hvc_u_arg_int(cmd, SRT_TOP, 0) >= s->n ||
                (size_t)hvc_u_arg_int(cmd, SRT_BOTTOM, 0) >= s->n;
    if (full && !hv_cmd_switch(cmd, SRT_STABLE)) {
        intro_sort(&sc, s->items, s->n);
    } else {
        skey *tmp = hv_xcalloc(s->n + 1, sizeof *tmp);
        merge_sort(&sc, s->items, tmp, s->n);
        free(tmp);
    }
    bool unique = hv_cmd_switch(cmd, SRT_UNIQUE);
    size_t from = 0, to = s->n;
    /* -Top/-Bottom count unique items when -Unique is given: filter first */
    size_t *keep = hv_xcalloc(s->n + 1, sizeof *keep);
    size_t nkeep = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (unique && nkeep > 0) {
            sort_ctx eq = sc;
            eq.desc = false;
            if (skey_cmp(&eq, &s->items[keep[nkeep - 1]], &s->items[i]) == 0)
                continue;
        }
        keep[nkeep++] = i;
    }
    to = nkeep;
    if (hv_cmd_bound(cmd, SRT_TOP)) {
        size_t t = (size_t)hvc_u_arg_int(cmd, SRT_TOP, 0);
        if (t < to)
            to = t;
    } else if (hv_cmd_bound(cmd, SRT_BOTTOM)) {
        size_t b = (size_t)hvc_u_arg_int(cmd, SRT_BOTTOM, 0);
        if (b < to)
            from = to - b;
    }
    hv_status st = HV_OK;
    for (size_t i = from; i < to && st == HV_OK; i++)
        st = hv_emit(cmd, hv_ref(&s->items[keep[i]].obj));
    free(keep);
    return st;
}

static void
srt_cleanup(hv_cmd *cmd)
{
    srt_state *s = hv_cmd_state(cmd);
    skeys_free(s->items, s->n, s->nprops ? s->nprops : 1);
    s->items = NULL;
    s->n = 0;
    hvc_u_props_free(s->props, s->nprops);
    s->props = NULL;
}

/* ======================================================================================
 * Group-Object
 * ====================================================================================== */
enum { GRP_SET_DEFAULT, GRP_SET_HASH };
enum { GRP_INPUT, GRP_PROPERTY, GRP_NOELEMENT, GRP_ASHASH, GRP_ASSTRING, GRP_CULTURE,
       GRP_CASE, GRP__N };

static const hv_param_def grp_params[GRP__N + 1] = {
    [GRP_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                   .flags = HV_PF_BY_VALUE,
                   .help = "Specifies the objects to group. Enter a variable that contains the "
                           "objects, or type a command or expression that gets the objects. "
                           "A collection given with this parameter is one object."},
    [GRP_PROPERTY] = {.name = "Property", .type = HV_PT_ANY, .position = 0,
                      .flags = HV_PF_ARRAY,
                      .help = "Specifies the properties for grouping. The objects are arranged "
                              "into named groups based on the value of the specified "
                              "properties. When no property is specified, objects are grouped "
                              "by their value. A calculated property (script block or hash "
                              "table with an Expression key) can be used."},
    [GRP_NOELEMENT] = {.name = "NoElement", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                       .sets = HV_SET(GRP_SET_DEFAULT),
                       .help = "Indicates that this cmdlet omits the members of a group from "
                               "the results."},
    [GRP_ASHASH] = {.name = "AsHashTable", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .flags = HV_PF_MANDATORY, .sets = HV_SET(GRP_SET_HASH),
                    .aliases = (const char *const[]){"AHT", NULL},
                    .help = "Indicates that this cmdlet returns the group as a hash table. The "
                            "keys of the hash table are the property values by which the "
                            "objects are grouped. The values of the hash table are the objects "
                            "that have that property value."},
    [GRP_ASSTRING] = {.name = "AsString", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .sets = HV_SET(GRP_SET_HASH),
                      .help = "Indicates that this cmdlet converts the hash table keys to "
                              "strings. This parameter is valid only with -AsHashTable."},
    [GRP_CULTURE] = {.name = "Culture", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .help = "Specifies the culture to use when comparing strings."},
    [GRP_CASE] = {.name = "CaseSensitive", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Indicates that this cmdlet makes the grouping case-sensitive."},
    [GRP__N] = {.name = NULL},
};

static const hv_view_column grp_view[] = {
    {.label = "Count", .property = "Count", .width = 5, .align = 1},
    {.label = "Name", .property = "Name", .width = 25, .align = -1},
    {.label = "Group", .property = "Group", .align = -1},
    {0},
};
static const char *const grp_list[] = {"Name", "Count", "Group", "Values", NULL};
static const hv_obj_class grp_class = {
    .type_name = "Microsoft.PowerShell.Commands.GroupInfo",
    .table_view = grp_view,
    .list_view = grp_list,
};
static const hv_view_column grpne_view[] = {
    {.label = "Count", .property = "Count", .width = 5, .align = 1},
    {.label = "Name", .property = "Name", .width = 25, .align = -1},
    {0},
};
static const char *const grpne_list[] = {"Name", "Count", "Values", NULL};
static const hv_obj_class grpne_class = {
    .type_name = "Microsoft.PowerShell.Commands.GroupInfoNoElement",
    .base_types = (const char *const[]){"Microsoft.PowerShell.Commands.GroupInfo", NULL},
    .table_view = grpne_view,
    .list_view = grpne_list,
};

typedef struct {
    hvc_u_prop *props;
    size_t nprops;
    skey *items;
    size_t n, cap;
} grp_state;

static hv_status
grp_begin(hv_cmd *cmd)
{
    grp_state *s = hv_cmd_state(cmd);
    return hvc_u_parse_props(cmd, hv_cmd_arg(cmd, GRP_PROPERTY), HVC_U_KEY_EXPR, &s->props,
                             &s->nprops);
}

static hv_status
grp_process(hv_cmd *cmd, const hv_value *input)
{
    grp_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, GRP_INPUT);
    if (!in)
        in = input;
    return collect_keyed(cmd, in, s->props, s->nprops, &s->items, &s->n, &s->cap);
}

/* The grouping identity of an object's keys: their strings joined by a separator that
 * cannot occur in them, folded to lower case unless -CaseSensitive. */
static char *
key_string(const skey *it, size_t nk, bool cs)
{
    hv_buf b = {0};
    for (size_t k = 0; k < nk; k++) {
        if (k)
            hv_buf_putc(&b, '\x1f');
        size_t start = b.len;
        hv_conv_append_string(&b, &it->keys[k], NULL);
        if (!cs) {
            /* fold in place: ASCII fast path, others through hv_uc_lower */
            hv_buf low = {0};
            size_t i = start;
            while (i < b.len) {
                uint32_t cp = hv_utf8_next(b.data, b.len, &i);
                char enc[4];
                hv_buf_put(&low, enc, hv_utf8_put(enc, hv_uc_lower(cp)));
            }
            b.len = start;
            hv_buf_put(&b, low.data ? low.data : "", low.len);
            hv_buf_free(&low);
        }
    }
    hv_buf_putc(&b, 0);
    return b.data;
}

/* Open-addressing map from key strings to group ids: grouping is linear, not
 * O(objects x groups). */
typedef struct {
    char **keys;
    size_t *ids;
    size_t cap;
} gmap;

static size_t
gmap_find_or_add(gmap *m, char *key, size_t next_id, bool *added)
{
    size_t h = hv_hash_ci(key, strlen(key)) & (m->cap - 1);
    while (m->keys[h]) {
        if (strcmp(m->keys[h], key) == 0) {
            free(key);
            *added = false;
            return m->ids[h];
        }
        h = (h + 1) & (m->cap - 1);
    }
    m->keys[h] = key;
    m->ids[h] = next_id;
    *added = true;
    return next_id;
}

static char *
group_name(const skey *it, size_t nk)
{
    hv_buf b = {0};
    for (size_t k = 0; k < nk; k++) {
        if (k)
            hv_buf_puts(&b, ", ");
        hv_conv_append_string(&b, &it->keys[k], NULL);
    }
    hv_buf_putc(&b, 0);
    return b.data;
}

static hv_status
grp_end(hv_cmd *cmd)
{
    grp_state *s = hv_cmd_state(cmd);
    size_t nk = s->nprops ? s->nprops : 1;
    bool cs = hv_cmd_switch(cmd, GRP_CASE);
    /* groups in order of creation: index of the first member of each */
    size_t *first = hv_xcalloc(s->n + 1, sizeof *first);
    size_t *gid = hv_xcalloc(s->n + 1, sizeof *gid);
    size_t ng = 0;
    gmap map = {.cap = 16};
    while (map.cap < s->n * 2)
        map.cap *= 2;
    map.keys = hv_xcalloc(map.cap, sizeof *map.keys);
    map.ids = hv_xcalloc(map.cap, sizeof *map.ids);
    for (size_t i = 0; i < s->n; i++) {
        bool added;
        size_t g = gmap_find_or_add(&map, key_string(&s->items[i], nk, cs), ng, &added);
        if (added)
            first[ng++] = i;
        gid[i] = g;
    }
    for (size_t i = 0; i < map.cap; i++)
        free(map.keys[i]);
    free(map.keys);
    free(map.ids);
    hv_value *groups = hv_xcalloc(ng + 1, sizeof *groups);
    for (size_t g = 0; g < ng; g++)
        groups[g] = hv_array_new(4);
    for (size_t i = 0; i < s->n; i++)
        hv_array_push(&groups[gid[i]], hv_ref(&s->items[i].obj));
    /* pwsh 7 outputs the groups sorted by their key values (stable) */
    skey *order = hv_xcalloc(ng + 1, sizeof *order);
    for (size_t g = 0; g < ng; g++)
        order[g] = (skey){.keys = s->items[first[g]].keys, .index = g};
    sort_ctx sc = {.nkeys = nk, .cs = cs};
    skey *tmp = hv_xcalloc(ng + 1, sizeof *tmp);
    merge_sort(&sc, order, tmp, ng);
    free(tmp);
    hv_status st = HV_OK;
    bool noel = hv_cmd_switch(cmd, GRP_NOELEMENT);
    hv_value table = hv_null();
    if (hv_cmd_switch(cmd, GRP_ASHASH))
        table = hv_table_new(cs ? HV_TABLE_CASE_SENSITIVE : 0);
    for (size_t oi = 0; oi < ng && st == HV_OK; oi++) {
        size_t g = order[oi].index;
        const skey *head = &s->items[first[g]];
        hv_value members = hv_steal(&groups[g]);
        char *name = group_name(head, nk);
        if (table.kind == HV_TABLE) {
            hv_value key;
            if (hv_cmd_switch(cmd, GRP_ASSTRING) || nk > 1)
                key = hv_str(name);
            else
                key = hv_ref(&head->keys[0]);
            if (key.kind == HV_NULL)
                key = hv_str("");
            hv_table_set(&table, key, members);
            free(name);
            continue;
        }
        hv_value values = hv_array_new(nk);
        for (size_t k = 0; k < nk; k++)
            hv_array_push(&values, hv_ref(&head->keys[k]));
        hv_value gi = hv_obj_new(noel ? &grpne_class : &grp_class);
        hv_obj_set(&gi, "Name", hv_str(name));
        hv_obj_set(&gi, "Count", hv_int((int32_t)hv_array_len(&members)));
        if (noel)
            hv_unref(members);
        else
            hv_obj_set(&gi, "Group", members);
        hv_obj_set(&gi, "Values", values);
        free(name);
        st = hv_emit(cmd, gi);
    }
    for (size_t g = 0; g < ng; g++)
        hv_unref(groups[g]);
    free(groups);
    free(order);
    free(first);
    free(gid);
    if (table.kind == HV_TABLE)
        return st == HV_OK ? hv_emit(cmd, table) : (hv_unref(table), st);
    return st;
}

static void
grp_cleanup(hv_cmd *cmd)
{
    grp_state *s = hv_cmd_state(cmd);
    skeys_free(s->items, s->n, s->nprops ? s->nprops : 1);
    s->items = NULL;
    s->n = 0;
    hvc_u_props_free(s->props, s->nprops);
    s->props = NULL;
}

const hv_cmdlet_def hvc_u_defs_sort[] = {
    {
        .name = "Sort-Object",
        .aliases = (const char *const[]){"sort", NULL},
        .sets = (const char *const[]){"Default", "Top", "Bottom", NULL},
        .default_set = SRT_SET_DEFAULT,
        .params = srt_params,
        .ops = {.begin = srt_begin, .process = srt_process, .end = srt_end,
                .cleanup = srt_cleanup},
        .state_size = sizeof(srt_state),
        .synopsis = "Sorts objects by property values.",
        .description =
            "The Sort-Object cmdlet sorts objects in ascending or descending order based on "
            "object property values. If sort properties aren't included in a command, "
            "Sort-Object sorts the objects themselves.\n\n"
            "You can sort objects by a single property or multiple properties. Multiple "
            "properties use hash tables to sort in ascending order, descending order, or a "
            "combination of sort orders. Properties are sorted as case-insensitive strings "
            "unless -CaseSensitive is used; numbers are compared as numbers. The sort is "
            "stable: objects with equal keys keep their input order.",
        .output_type = "System.Management.Automation.PSObject",
        .examples = (const hv_example[]){
            {.title = "Sort virtual machines by memory",
             .code = "Get-VM | Sort-Object -Property MemoryAssigned -Descending"},
            {.title = "Sort on several keys with different orders",
             .code = "Get-VM | Sort-Object -Property @{Expression = 'State'; Descending = $true}, Name"},
            {.title = "Get unique sorted values",
             .code = "'b','a','B','c' | Sort-Object -Unique",
             .remarks = "Outputs a, b, c."},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/sort-object?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {
        .name = "Group-Object",
        .aliases = (const char *const[]){"group", NULL},
        .sets = (const char *const[]){"Default", "HashTable", NULL},
        .default_set = GRP_SET_DEFAULT,
        .params = grp_params,
        .ops = {.begin = grp_begin, .process = grp_process, .end = grp_end,
                .cleanup = grp_cleanup},
        .state_size = sizeof(grp_state),
        .synopsis = "Groups objects that contain the same value for specified properties.",
        .description =
            "The Group-Object cmdlet displays objects in groups based on the value of a "
            "specified property. Group-Object returns a table with one row for each property "
            "value and a column that displays the number of items with that value.\n\n"
            "If you specify more than one property, Group-Object first groups them by the "
            "values of the first property, and then, within each property group, it groups by "
            "the value of the next property. The output is sorted in ascending order by the "
            "group names.",
        .output_type = "Microsoft.PowerShell.Commands.GroupInfo",
        .examples = (const hv_example[]){
            {.title = "Group virtual machines by state",
             .code = "Get-VM | Group-Object -Property State"},
            {.title = "Group integers by odds and evens",
             .code = "1..10 | Group-Object -Property {$_ % 2}"},
            {.title = "Create a hash table of groups",
             .code = "$byState = Get-VM | Group-Object State -AsHashTable -AsString\n$byState['Off']"},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/group-object?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {.name = NULL},
};
