/* eval_member.c — member access, method calls and indexing: $x.Name, $x.Method(args),
 * [type]::Static, $a[1..3], $h['k'], member enumeration ($vms.Name), ?. and ?[ ],
 * intrinsic members (.ForEach / .Where / .PSObject / .GetType() / script block .Invoke()),
 * and assignment to members and elements.
 *
 * The .NET surface of strings, arrays, hashtables, numbers and static types lives in V's
 * methods.c; this file handles what needs the evaluator and then delegates.
 */
#include "internal.h"
#include "errors.h"
#if __has_include("methods.h")
#include "methods.h"
#define HAVE_METHODS 1
#endif

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RTE "System.Management.Automation.RuntimeException"

/* ======================================================================================
 * .PSObject
 * ====================================================================================== */

static const hv_obj_class psobject_class = {
    .type_name = "System.Management.Automation.PSObject",
};
/* A note property of .PSObject.Properties keeps its owner (native: a boxed hv_value) so
 * `$o.PSObject.Properties['a'].Value = 5` and `.Remove('a')` change the object itself. */
static void
owner_free(void *p)
{
    hv_value *box = p;
    hv_unref(*box);
    free(box);
}

static const hv_obj_class noteprop_class = {
    .type_name = "System.Management.Automation.PSNoteProperty",
    .finalize = owner_free,
};

static const hv_type_info noteprop_type = {
    .full_name = "System.Management.Automation.PSNoteProperty", .short_name = "psnoteproperty",
    .kind = HV_OBJECT,
};

static hv_value
noteprop_new(const char *name, const hv_value *value, const hv_value *owner)
{
    hv_value p = hv_obj_new(&noteprop_class);
    hv_obj_set(&p, "Value", hv_ref(value));
    hv_obj_set(&p, "MemberType", hv_str("NoteProperty"));
    hv_obj_set(&p, "IsSettable", hv_bool(true));
    hv_obj_set(&p, "IsGettable", hv_bool(true));
    hv_obj_set(&p, "TypeNameOfValue",
               hv_str(value->kind == HV_NULL ? "System.Object" : hv_type_name_of(value)));
    hv_obj_set(&p, "Name", hv_str(name));
    if (owner) {
        hv_value *box = hv_xmalloc(sizeof *box);
        *box = hv_ref(owner);
        hv_obj_set_native(&p, box);
    }
    return p;
}

static const hv_value *
noteprop_owner(const hv_value *p)
{
    if (p->kind != HV_OBJECT || hv_obj_class_of(p) != &noteprop_class)
        return NULL;
    const hv_value *box = hv_obj_native(p);
    return box && box->kind == HV_OBJECT ? box : NULL;
}

/* Properties collection methods: Match(pattern), Remove(name), Add(noteproperty), Item. */
static bool
properties_call(hv_ctx *ctx, const hv_value *coll, const char *name, hv_value *args, size_t nargs,
                hv_value *out, hv_status *st)
{
    (void)ctx;
    *st = HV_OK;
    if (coll->kind != HV_ARRAY || hv_array_len(coll) == 0 || !noteprop_owner(hv_array_at(coll, 0)))
        return false;
    hv_value owner = hv_ref(noteprop_owner(hv_array_at(coll, 0)));
    hv_value a0 = nargs ? hv_conv_to_string(&args[0], NULL) : hv_str("*");
    bool handled = true;
    if (hv_str_eq_ci(name, "Match")) {
        hv_value res = hv_array_new(2);
        for (size_t i = 0; i < hv_array_len(coll); i++) {
            const hv_value *nm = hv_obj_get(hv_array_at(coll, i), "Name");
            if (nm && hv_wildcard_match(hv_str_cstr(&a0), hv_str_cstr(nm), false))
                hv_array_push(&res, hv_ref(hv_array_at(coll, i)));
        }
        *out = res;
    } else if (hv_str_eq_ci(name, "Remove") && nargs == 1) {
        hv_obj_remove(&owner, hv_str_cstr(&a0));
        *out = hv_automation_null();
    } else if (hv_str_eq_ci(name, "Add") && nargs >= 1 && args[0].kind == HV_OBJECT &&
               hv_obj_class_of(&args[0]) == &noteprop_class) {
        const hv_value *nm = hv_obj_get(&args[0], "Name"), *val = hv_obj_get(&args[0], "Value");
        if (nm && nm->kind == HV_STRING)
            hv_obj_set(&owner, hv_str_cstr(nm), val ? hv_ref(val) : hv_null());
        *out = hv_automation_null();
    } else {
        handled = false;
    }
    hv_unref(a0);
    hv_unref(owner);
    return handled;
}

static hv_value
psobject_of(const hv_value *v)
{
    hv_value o = hv_obj_new(&psobject_class);
    hv_value props = hv_array_new(4);
    if (v->kind == HV_OBJECT) {
        for (size_t i = 0; i < hv_obj_count(v); i++)
            hv_array_push(&props, noteprop_new(hv_obj_name_at(v, i), hv_obj_value_at(v, i), v));
    }
    hv_obj_set(&o, "Properties", props);
    hv_value names = hv_array_new(2);
    if (v->kind == HV_OBJECT) {
        for (size_t i = 0; i < hv_obj_typename_count(v); i++)
            hv_array_push(&names, hv_str(hv_obj_typename_at(v, i)));
    } else if (v->kind != HV_NULL) {
        hv_array_push(&names, hv_str(hv_type_name_of(v)));
        hv_array_push(&names, hv_str("System.Object"));
    }
    hv_obj_set(&o, "TypeNames", names);
    hv_obj_set(&o, "BaseObject", hv_ref(v));
    hv_obj_set(&o, "ImmediateBaseObject", hv_ref(v));
    return o;
}

/* ======================================================================================
 * [ref] and the $foreach / $switch enumerators
 * ====================================================================================== */

/* [ref]: objects of convert.c's PSReference class (so V's TryParse(s, [ref]$x) knows
 * them). A reference to a variable keeps the hv_var as its native pointer and reads and
 * writes through it; a reference to a value keeps it in the "Value" property. */
static const hv_type_info ref_type = {
    .full_name = "System.Management.Automation.PSReference", .short_name = "ref", .kind = HV_OBJECT,
};

const hv_type_info *
hv_eval_noteprop_type(void)
{
    return &noteprop_type;
}

hv_value
hv_eval_ref_new(hv_var *var, hv_value value)
{
    hv_value o = hv_obj_new(&hv_psreference_class);
    if (var) {
        hv_obj_set_native(&o, var);
        hv_unref(value);
    } else {
        hv_obj_set(&o, "Value", value);
    }
    return o;
}

bool
hv_eval_is_ref(const hv_value *v)
{
    return v->kind == HV_OBJECT && hv_obj_class_of(v) == &hv_psreference_class;
}

static hv_value
ref_get(const hv_value *v)
{
    hv_var *var = hv_obj_native(v);
    const hv_value *bag = hv_obj_get(v, "Value");
    if (var && !var->removed && !bag)
        return hv_ref(&var->value);
    return bag ? hv_ref(bag) : hv_null();
}

static hv_status
ref_set(hv_ctx *ctx, const hv_value *v, hv_value nv)
{
    hv_var *var = hv_obj_native(v);
    hv_value o = hv_ref(v);
    if (var && !var->removed) {
        hv_obj_remove(&o, "Value");
        hv_unref(o);
        return hv_var_store(ctx, var, nv);
    }
    hv_obj_set(&o, "Value", nv);
    hv_unref(o);
    return HV_OK;
}

/* After a .NET method wrote a [ref] argument's Value (TryParse), pass it on to the
 * referenced variable. */
static hv_status
sync_ref_args(hv_ctx *ctx, hv_value *args, size_t nargs)
{
    for (size_t i = 0; i < nargs; i++) {
        if (!hv_eval_is_ref(&args[i]) || !hv_obj_native(&args[i]))
            continue;
        const hv_value *bag = hv_obj_get(&args[i], "Value");
        if (!bag)
            continue;
        hv_status st = ref_set(ctx, &args[i], hv_ref(bag));
        if (st != HV_OK)
            return st;
    }
    return HV_OK;
}

typedef struct {
    hv_value items;   /* HV_ARRAY */
    size_t pos;       /* index of Current */
} enum_box;

static void
enum_free(void *p)
{
    enum_box *e = p;
    hv_unref(e->items);
    free(e);
}

static const hv_obj_class enum_class = {
    .type_name = "System.Array+SZArrayEnumerator",
    .finalize = enum_free,
};

hv_value
hv_eval_enumerator_new(const hv_value *items)
{
    enum_box *e = hv_xcalloc(1, sizeof *e);
    e->items = hv_ref(items);
    hv_value o = hv_obj_new(&enum_class);
    hv_obj_set_native(&o, e);
    return o;
}

size_t *
hv_eval_enumerator_pos(const hv_value *v)
{
    if (v->kind != HV_OBJECT || hv_obj_class_of(v) != &enum_class)
        return NULL;
    return &((enum_box *)hv_obj_native(v))->pos;
}

static bool
special_object_member(const hv_value *v, const char *name, hv_value *out)
{
    if (v->kind != HV_OBJECT)
        return false;
    if (hv_obj_class_of(v) == &hv_psreference_class && hv_str_eq_ci(name, "Value")) {
        *out = ref_get(v);
        return true;
    }
    if (hv_obj_class_of(v) == &enum_class && hv_str_eq_ci(name, "Current")) {
        enum_box *e = hv_obj_native(v);
        *out = e->pos < hv_array_len(&e->items) ? hv_ref(hv_array_at(&e->items, e->pos)) : hv_null();
        return true;
    }
    return false;
}

static bool
special_object_call(const hv_value *v, const char *name, hv_value *out)
{
    if (v->kind != HV_OBJECT)
        return false;
    if (hv_obj_class_of(v) == &enum_class) {
        enum_box *e = hv_obj_native(v);
        if (hv_str_eq_ci(name, "MoveNext")) {
            if (e->pos < hv_array_len(&e->items))
                e->pos++;
            *out = hv_bool(e->pos < hv_array_len(&e->items));
            return true;
        }
        if (hv_str_eq_ci(name, "Reset")) {
            e->pos = 0;
            *out = hv_automation_null();
            return true;
        }
    }
    if (hv_str_eq_ci(name, "GetType") && hv_obj_class_of(v) == &hv_psreference_class) {
        *out = hv_type(&ref_type);
        return true;
    }
    return false;
}

/* ======================================================================================
 * property get
 * ====================================================================================== */

static bool
builtin_property(hv_ctx *ctx, const hv_value *v, const char *name, hv_value *out)
{
    (void)ctx;
    switch (v->kind) {
    case HV_STRING:
        if (hv_str_eq_ci(name, "Length")) {
            *out = hv_int((int32_t)hv_utf16_len(hv_str_cstr(v), hv_str_len(v)));
            return true;
        }
        break;
    case HV_ARRAY:
        /* Length is object[]'s; a List/ArrayList has only Count (Length enumerates) */
        if (hv_str_eq_ci(name, "Count") || (hv_str_eq_ci(name, "Length") && v->sub == 0)) {
            *out = hv_int((int32_t)hv_array_len(v));
            return true;
        }
        if (hv_str_eq_ci(name, "Rank")) {
            *out = hv_int(1);
            return true;
        }
        break;
    case HV_TABLE:
        if (hv_str_eq_ci(name, "Count")) {
            *out = hv_int((int32_t)hv_table_count(v));
            return true;
        }
        if (hv_str_eq_ci(name, "Keys") || hv_str_eq_ci(name, "Values")) {
            bool keys = hv_str_eq_ci(name, "Keys");
            hv_value a = hv_array_new(hv_table_count(v));
            const hv_value *k, *val;
            for (size_t it = 0; hv_table_next(v, &it, &k, &val);)
                hv_array_push(&a, hv_ref(keys ? k : val));
            *out = a;
            return true;
        }
        break;
    case HV_BOOL:
        if (v->sub == HV_SUB_SWITCH && hv_str_eq_ci(name, "IsPresent")) {
            *out = hv_bool(v->u.b);
            return true;
        }
        break;
    case HV_TYPE:
        if (hv_str_eq_ci(name, "FullName")) {
            *out = hv_str(v->u.t->full_name);
            return true;
        }
        if (hv_str_eq_ci(name, "Name")) {
            const char *dot = strrchr(v->u.t->full_name, '.');
            *out = hv_str(dot ? dot + 1 : v->u.t->full_name);
            return true;
        }
        break;
    default:
        break;
    }
    return false;
}

static hv_value get_member_scalar(hv_ctx *ctx, const hv_value *v, const char *name, bool *found);
static bool regex_evaluator_call(hv_ctx *ctx, hv_ast *node, const hv_value *target, const char *name,
                                 hv_value *args, size_t nargs, hv_value *out, hv_status *st);

/* ---- Add-Member script members: pwsh resolves them on each access through the object's
 * PSObject; hv objects are plain property bags, so they live beside them in
 * ctx->script_members as [object, name, kind, value] entries, newest last. ---- */
enum { SM_METHOD = 1, SM_PROPERTY = 2, SM_ALIAS = 3 };

static const hv_value *
script_member_find(hv_ctx *ctx, const hv_value *obj, const char *name, bool method)
{
    if (obj->kind != HV_OBJECT || ctx->script_members.kind != HV_ARRAY)
        return NULL;
    for (size_t i = hv_array_len(&ctx->script_members); i-- > 0;) {
        const hv_value *e = hv_array_at(&ctx->script_members, i);
        if (hv_array_at(e, 0)->u.h != obj->u.h || !hv_str_eq_ci(hv_str_cstr(hv_array_at(e, 1)), name))
            continue;
        bool is_method = hv_array_at(e, 2)->u.i == SM_METHOD;
        return is_method == method ? e : NULL;
    }
    return NULL;
}

bool
hv_add_script_member(hv_ctx *ctx, const hv_value *obj, const char *name, const char *member_type,
                     const hv_value *value)
{
    int kind = hv_str_eq_ci(member_type, "ScriptMethod")     ? SM_METHOD
               : hv_str_eq_ci(member_type, "ScriptProperty") ? SM_PROPERTY
               : hv_str_eq_ci(member_type, "AliasProperty")  ? SM_ALIAS
                                                             : 0;
    if (!kind)
        return false;
    if (obj->kind != HV_OBJECT || !value)
        return true;
    if (ctx->script_members.kind != HV_ARRAY)
        ctx->script_members = hv_array_new(8);
    hv_value e = hv_array_new(4);
    hv_array_push(&e, hv_ref(obj));
    hv_array_push(&e, hv_str(name));
    hv_array_push(&e, hv_int(kind));
    hv_array_push(&e, kind == SM_ALIAS ? hv_conv_to_string(value, NULL) : hv_ref(value));
    hv_array_push(&ctx->script_members, e);
    return true;
}

/* $input is an enumerator in pwsh. hvsh keeps it an array (so foreach and pipelines read it
 * as before) and gives that array MoveNext() / Current / Reset(), the position kept in
 * ctx->script_members as an [array, "", SM_ENUM_POS, position] entry. */
enum { SM_ENUM_POS = 4 };

static bool
is_input_array(hv_ctx *ctx, const hv_value *v, const char *name)
{
    if (v->kind != HV_ARRAY || !(hv_str_eq_ci(name, "MoveNext") || hv_str_eq_ci(name, "Current") ||
                                 hv_str_eq_ci(name, "Reset")))
        return false;
    hv_value in = hv_eval_var_by_name(ctx, "input");
    bool same = in.kind == HV_ARRAY && in.u.h == v->u.h;
    hv_unref(in);
    return same;
}

static hv_value *
input_pos_entry(hv_ctx *ctx, const hv_value *arr)
{
    if (ctx->script_members.kind != HV_ARRAY)
        ctx->script_members = hv_array_new(8);
    hv_value *items = hv_array_items(&ctx->script_members);
    for (size_t i = 0; i < hv_array_len(&ctx->script_members); i++)
        if (hv_array_at(&items[i], 2)->u.i == SM_ENUM_POS && hv_array_at(&items[i], 0)->u.h == arr->u.h)
            return &items[i];
    hv_value e = hv_array_new(4);
    hv_array_push(&e, hv_ref(arr));
    hv_array_push(&e, hv_str(""));
    hv_array_push(&e, hv_int(SM_ENUM_POS));
    hv_array_push(&e, hv_int(-1));
    hv_array_push(&ctx->script_members, e);
    return &hv_array_items(&ctx->script_members)[hv_array_len(&ctx->script_members) - 1];
}

/* MoveNext() / Reset() / Current on $input. */
static hv_value
input_enum_op(hv_ctx *ctx, const hv_value *arr, const char *name)
{
    hv_value *e = input_pos_entry(ctx, arr);
    int64_t pos = hv_array_at(e, 3)->u.i;
    int64_t n = (int64_t)hv_array_len(arr);
    if (hv_str_eq_ci(name, "Current"))
        return pos >= 0 && pos < n ? hv_ref(hv_array_at(arr, (size_t)pos)) : hv_null();
    if (hv_str_eq_ci(name, "Reset")) {
        hv_array_set(e, 3, hv_int(-1));
        return hv_automation_null();
    }
    if (pos < n)
        pos++;
    hv_array_set(e, 3, hv_int(pos));
    return hv_bool(pos < n);
}

/* Runs a script member's block with $this = obj; the output as a pipeline result. */
static hv_status
script_member_run(hv_ctx *ctx, const hv_value *obj, const hv_value *block, hv_value *args,
                  size_t nargs, hv_value *out)
{
    *out = hv_null();
    if (!hv_eval_is_block(block))
        return HV_OK;
    hv_value saved = hv_eval_var_by_name(ctx, "this");
    hv_status st = hv_scope_assign(ctx, NULL, "this", hv_ref(obj));
    hv_collector c;
    hv_collect_init(&c);
    if (st == HV_OK)
        st = hv_eval_invoke_block(ctx, block, NULL, args, nargs, false, &c.sink);
    if (st == HV_OK)
        *out = hv_collect_result(&c);
    hv_collect_free(&c);
    hv_status s2 = hv_scope_assign(ctx, NULL, "this", saved);
    (void)s2;
    return st;
}

/* A ScriptProperty / AliasProperty read; false when `name` is none on obj. */
static bool
script_property_get(hv_ctx *ctx, const hv_value *obj, const char *name, hv_value *out)
{
    const hv_value *e = script_member_find(ctx, obj, name, false);
    if (!e)
        return false;
    const hv_value *val = hv_array_at(e, 3);
    if (hv_array_at(e, 2)->u.i == SM_ALIAS) {
        bool found;
        /* an alias of itself would recurse forever: read the stored property instead */
        if (hv_str_eq_ci(hv_str_cstr(val), name)) {
            const hv_value *p = hv_obj_get(obj, name);
            *out = p ? hv_ref(p) : hv_null();
        } else {
            *out = get_member_scalar(ctx, obj, hv_str_cstr(val), &found);
        }
        return true;
    }
    if (script_member_run(ctx, obj, val, NULL, 0, out) == HV_ERR) {
        /* a failing getter reads as $null (the error is not raised by a property read) */
        hv_value rec = hv_eval_take_error(ctx);
        hv_unref(rec);
    }
    return true;
}

/* Member enumeration: $array.Name -> the Name of each element (nulls dropped). */
static hv_value
enumerate_member(hv_ctx *ctx, const hv_value *arr, const char *name, bool *found)
{
    hv_value out = hv_array_new(hv_array_len(arr));
    *found = false;
    size_t pending_nulls = 0; /* PSCustomObjects without the property, before the first hit */
    for (size_t i = 0; i < hv_array_len(arr); i++) {
        bool f = false;
        const hv_value *el = hv_array_at(arr, i);
        hv_value m = el->kind == HV_ARRAY ? enumerate_member(ctx, el, name, &f)
                                          : get_member_scalar(ctx, el, name, &f);
        if (f && !*found) {
            for (; pending_nulls; pending_nulls--)
                hv_array_push(&out, hv_null());
        }
        if (f)
            *found = true;
        if (m.kind == HV_NULL) {
            /* pwsh quirk (about_Member-Access_Enumeration, issue #13752): a PSCustomObject
             * that lacks the property still gives $null once any item has it */
            if (!f && el->kind == HV_OBJECT && !hv_obj_class_of(el)) {
                if (*found)
                    hv_array_push(&out, hv_null());
                else
                    pending_nulls++;
            }
            continue;
        }
        if (m.kind == HV_ARRAY && el->kind == HV_ARRAY) {
            for (size_t k = 0; k < hv_array_len(&m); k++)
                hv_array_push(&out, hv_ref(hv_array_at(&m, k)));
            hv_unref(m);
        } else {
            hv_array_push(&out, m);
        }
    }
    if (hv_array_len(&out) == 1) {
        hv_value one = hv_ref(hv_array_at(&out, 0));
        hv_unref(out);
        return one;
    }
    if (hv_array_len(&out) == 0) {
        hv_unref(out);
        return hv_null();
    }
    return out;
}

static hv_value
get_member_scalar(hv_ctx *ctx, const hv_value *v, const char *name, bool *found)
{
    *found = true;
    if (v->kind == HV_OBJECT) {
        hv_value sv;
        if (ctx->script_members.kind == HV_ARRAY && script_property_get(ctx, v, name, &sv))
            return sv;
        if (hv_obj_class_of(v) == &hv_session_path_class && hv_str_eq_ci(name, "CurrentLocation"))
            return hv_eval_pwd_value();
        /* native-backed objects (XML nodes) compute their members live */
        const hv_obj_class *dc = hv_obj_class_of(v);
        if (dc && dc->get_member && dc->get_member(v, name, &sv))
            return sv;
        const hv_value *p = hv_obj_get(v, name);
        if (p)
            return hv_ref(p);
    } else if (v->kind == HV_TABLE) {
        const hv_value *p = hv_table_gets(v, name);
        if (p)
            return hv_ref(p);
        const hv_value *notes = hv_table_notes(v);
        if (notes && (p = hv_obj_get(notes, name)))
            return hv_ref(p);
    }
    hv_value sp;
    if (special_object_member(v, name, &sp))
        return sp;
    if (hv_str_eq_ci(name, "PSObject") && v->kind != HV_NULL)
        return psobject_of(v);
    if (hv_str_eq_ci(name, "PSTypeNames") && v->kind != HV_NULL) {
        hv_value po = psobject_of(v);
        hv_value tn = hv_ref(hv_obj_get(&po, "TypeNames"));
        hv_unref(po);
        return tn;
    }
    hv_value out;
    if (builtin_property(ctx, v, name, &out))
        return out;
#ifdef HAVE_METHODS
    if (hv_methods_get_property(ctx, v, name, &out))
        return out;
#endif
    *found = false;
    return hv_null();
}

hv_value
hv_get_member(hv_ctx *ctx, const hv_value *v, const char *name)
{
    bool found;
    if (v->kind == HV_NULL)
        return hv_null();
    if (v->kind == HV_ARRAY) {
        hv_value out;
        if (builtin_property(ctx, v, name, &out))
            return out;
        return enumerate_member(ctx, v, name, &found);
    }
    return get_member_scalar(ctx, v, name, &found);
}

static hv_status
member_name(hv_ctx *ctx, hv_ast *m, hv_value *out)
{
    if (m->kind == HV_AST_STRING) {
        /* cached per node: no allocation per access in loops */
        hv_node_cache *c = hv_eval_cache_of(ctx, m);
        if (c->constant.kind != HV_STRING)
            c->constant = hv_strn(m->u.str.value, m->u.str.len);
        *out = hv_ref(&c->constant);
        return HV_OK;
    }
    hv_value v;
    hv_status st = hv_eval_expr(ctx, m, &v);
    if (st != HV_OK)
        return st;
    *out = hv_conv_to_string(&v, NULL);
    hv_unref(v);
    return HV_OK;
}

static hv_status
static_member(hv_ctx *ctx, hv_ast *node, const hv_value *target, const char *name, hv_value *out)
{
    if (target->kind != HV_TYPE)
        return hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "PropertyNotFound",
                            "The property '%s' cannot be found.", name);
    if (hv_class_get_static(ctx, target->u.t, name, out))
        return HV_OK;
#ifdef HAVE_METHODS
    if (hv_methods_get_static(ctx, target->u.t, name, out))
        return HV_OK;
#endif
    if (target->u.t->enum_def) {
        int32_t iv;
        if (hv_enum_parse(target->u.t->enum_def, name, &iv)) {
            *out = hv_enum(target->u.t->enum_def, iv);
            return HV_OK;
        }
    }
    *out = hv_null();
    if (ctx->strict_version >= 2)
        return hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "PropertyNotFoundStrict",
                            "The property '%s' cannot be found on this object. Verify that the property exists.",
                            name);
    return HV_OK;
}

hv_status
hv_eval_member(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    hv_value target, name;
    hv_status st = hv_eval_expr(ctx, node->u.member.target, &target);
    if (st != HV_OK)
        return st;
    if ((st = member_name(ctx, node->u.member.member, &name)) != HV_OK) {
        hv_unref(target);
        return st;
    }
    if (node->u.member.is_static) {
        st = static_member(ctx, node, &target, hv_str_cstr(&name), out);
    } else if (target.kind == HV_NULL) {
        *out = hv_null();
        if (node->u.member.nullcond)
            ;
        else if (hv_str_eq_ci(hv_str_cstr(&name), "Count") || hv_str_eq_ci(hv_str_cstr(&name), "Length"))
            *out = hv_int(0);
        else if (ctx->strict_version >= 2 && !node->u.member.nullcond)
            st = hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "PropertyNotFoundStrict",
                              "The property '%s' cannot be found on this object. Verify that the property exists.",
                              hv_str_cstr(&name));
    } else {
        bool found = true;
        if (target.kind == HV_ARRAY && hv_str_eq_ci(hv_str_cstr(&name), "Current") &&
            is_input_array(ctx, &target, "Current")) {
            *out = input_enum_op(ctx, &target, "Current");
        } else if (target.kind == HV_ARRAY) {
            if (!builtin_property(ctx, &target, hv_str_cstr(&name), out))
                *out = enumerate_member(ctx, &target, hv_str_cstr(&name), &found);
        } else {
            *out = get_member_scalar(ctx, &target, hv_str_cstr(&name), &found);
            /* intrinsic members of the language (pwsh 3+): a scalar counts as one item;
             * not seen by cmdlets (Where-Object Length) */
            if (!found && (hv_str_eq_ci(hv_str_cstr(&name), "Count") ||
                           hv_str_eq_ci(hv_str_cstr(&name), "Length"))) {
                *out = hv_int(1);
                found = true;
            }
        }
        if (!found && ctx->strict_version >= 2)
            st = hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "PropertyNotFoundStrict",
                              "The property '%s' cannot be found on this object. Verify that the property exists.",
                              hv_str_cstr(&name));
    }
    hv_unref(target);
    hv_unref(name);
    return st;
}

/* ======================================================================================
 * methods
 * ====================================================================================== */

static hv_status
method_not_found(hv_ctx *ctx, hv_ast *node, const hv_value *target, const char *name)
{
    const char *tn = target->kind == HV_TYPE ? target->u.t->full_name : hv_type_name_of(target);
    return hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "MethodNotFound",
                        "Method invocation failed because [%s] does not contain a method named '%s'.",
                        tn, name);
}

/* .ForEach({ ... }) / .ForEach('Name') on a collection (or a scalar). */
static hv_status
intrinsic_foreach(hv_ctx *ctx, hv_ast *node, const hv_value *target, hv_value *args, size_t nargs,
                  hv_value *out)
{
    hv_collector c;
    hv_collect_init(&c);
    hv_status st = HV_OK;
    size_t n = target->kind == HV_ARRAY ? hv_array_len(target) : (target->kind == HV_NULL ? 0 : 1);
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        const hv_value *el = target->kind == HV_ARRAY ? hv_array_at(target, i) : target;
        if (nargs >= 1 && hv_eval_is_block(&args[0])) {
            st = hv_eval_invoke_block(ctx, &args[0], el, nargs > 1 ? args + 1 : NULL,
                                      nargs > 1 ? nargs - 1 : 0, true, &c.sink);
        } else if (nargs >= 1) {
            hv_value nm = hv_conv_to_string(&args[0], NULL);
            if (nargs > 1) {
                hv_value r;
                st = hv_eval_call_method(ctx, node, el, hv_str_cstr(&nm), args + 1, nargs - 1, &r);
                if (st == HV_OK)
                    st = hv_sink_write(ctx, &c.sink, r);
            } else {
                /* a property name, else a method called without arguments */
                bool found = false;
                hv_value r = get_member_scalar(ctx, el, hv_str_cstr(&nm), &found);
                if (!found) {
                    hv_unref(r);
                    st = hv_eval_call_method(ctx, node, el, hv_str_cstr(&nm), NULL, 0, &r);
                }
                if (st == HV_OK)
                    st = hv_sink_write(ctx, &c.sink, r);
            }
            hv_unref(nm);
        }
    }
    if (st == HV_OK)
        *out = hv_collect_array(&c);
    hv_collect_free(&c);
    return st;
}

/* .Where({ cond }, mode, count): mode Default/First/Last/SkipUntil/Until/Split */
static hv_status
intrinsic_where(hv_ctx *ctx, const hv_value *target, hv_value *args, size_t nargs, hv_value *out)
{
    const char *mode = "Default";
    hv_value modes = hv_null();
    if (nargs >= 2) {
        modes = hv_conv_to_string(&args[1], NULL);
        mode = hv_str_cstr(&modes);
    }
    int64_t limit = 0;
    hv_conv_err err;
    if (nargs >= 3)
        (void)hv_conv_to_int64(&args[2], &limit, &err);
    bool first = hv_str_eq_ci(mode, "First"), last = hv_str_eq_ci(mode, "Last");
    bool skipuntil = hv_str_eq_ci(mode, "SkipUntil"), until = hv_str_eq_ci(mode, "Until");
    bool split = hv_str_eq_ci(mode, "Split");
    if (first && limit == 0)
        limit = 1;
    if (last && limit == 0)
        limit = 1;
    hv_value res = hv_array_new(4), rest = hv_array_new(4);
    size_t n = target->kind == HV_ARRAY ? hv_array_len(target) : (target->kind == HV_NULL ? 0 : 1);
    bool switched = false;
    hv_status st = HV_OK;
    for (size_t i = 0; i < n; i++) {
        const hv_value *el = target->kind == HV_ARRAY ? hv_array_at(target, i) : target;
        bool t = true;
        if (nargs >= 1 && !(switched && (skipuntil || until))) {
            hv_collector c;
            hv_collect_init(&c);
            st = hv_eval_invoke_block(ctx, &args[0], el, NULL, 0, true, &c.sink);
            hv_value r = hv_collect_result(&c);
            t = hv_conv_to_bool(&r);
            hv_unref(r);
            hv_collect_free(&c);
            if (st != HV_OK)
                break;
        }
        if (skipuntil) {
            if (t)
                switched = true;
            if (switched)
                hv_array_push(&res, hv_ref(el));
            continue;
        }
        if (until) {
            if (t)
                switched = true;
            if (!switched)
                hv_array_push(&res, hv_ref(el));
            continue;
        }
        if (t) {
            hv_array_push(&res, hv_ref(el));
            if (first && (int64_t)hv_array_len(&res) >= limit)
                break;
            if (!first && !last && limit > 0 && !split && (int64_t)hv_array_len(&res) >= limit)
                break;
        } else if (split) {
            hv_array_push(&rest, hv_ref(el));
        }
    }
    hv_unref(modes);
    if (st != HV_OK) {
        hv_unref(res);
        hv_unref(rest);
        return st;
    }
    if (last && (int64_t)hv_array_len(&res) > limit) {
        hv_value tail = hv_array_new((size_t)limit);
        for (size_t i = hv_array_len(&res) - (size_t)limit; i < hv_array_len(&res); i++)
            hv_array_push(&tail, hv_ref(hv_array_at(&res, i)));
        hv_unref(res);
        res = tail;
    }
    if (split) {
        hv_value pair = hv_array_new(2);
        hv_array_push(&pair, res);
        hv_array_push(&pair, rest);
        *out = pair;
    } else {
        hv_unref(rest);
        *out = res;
    }
    return HV_OK;
}

static hv_status
block_method(hv_ctx *ctx, hv_ast *node, const hv_value *blk, const char *name, hv_value *args,
             size_t nargs, hv_value *out, bool *handled)
{
    *handled = true;
    if (hv_str_eq_ci(name, "Invoke") || hv_str_eq_ci(name, "InvokeReturnAsIs")) {
        hv_collector c;
        hv_collect_init(&c);
        hv_status st = hv_eval_invoke_block(ctx, blk, NULL, args, nargs, false, &c.sink);
        if (st == HV_OK)
            *out = hv_str_eq_ci(name, "Invoke") ? hv_collect_array(&c) : hv_collect_result(&c);
        hv_collect_free(&c);
        return st;
    }
    if (hv_str_eq_ci(name, "ToString") && nargs == 0) {
        *out = hv_conv_to_string(blk, NULL);
        return HV_OK;
    }
    if (hv_str_eq_ci(name, "GetNewClosure")) {
        *out = hv_eval_block_closure(ctx, blk);
        return HV_OK;
    }
    if (hv_str_eq_ci(name, "InvokeWithContext")) {
        hv_collector c;
        hv_collect_init(&c);
        hv_value *rest = nargs > 2 ? args + 2 : NULL;
        hv_status st = hv_eval_invoke_block(ctx, blk, NULL, rest, nargs > 2 ? nargs - 2 : 0, false, &c.sink);
        if (st == HV_OK)
            *out = hv_collect_array(&c);
        hv_collect_free(&c);
        return st;
    }
    (void)node;
    *handled = false;
    return HV_OK;
}

/* Member enumeration of methods: ("a","b").ToUpper() calls ToUpper on each element. */
static hv_status
enumerate_method(hv_ctx *ctx, hv_ast *node, const hv_value *arr, const char *name, hv_value *args,
                 size_t nargs, hv_value *out)
{
    hv_value res = hv_array_new(hv_array_len(arr));
    for (size_t i = 0; i < hv_array_len(arr); i++) {
        hv_value r;
        hv_status st = hv_eval_call_method(ctx, node, hv_array_at(arr, i), name, args, nargs, &r);
        if (st != HV_OK) {
            hv_unref(res);
            /* a MethodNotFound names the element's type, as in pwsh */
            return st;
        }
        if (r.kind != HV_NULL)
            hv_array_push(&res, r);
    }
    if (hv_array_len(&res) == 1) {
        *out = hv_ref(hv_array_at(&res, 0));
        hv_unref(res);
    } else {
        *out = res;
    }
    return HV_OK;
}

const hv_obj_class hv_invoke_command_class = {
    .type_name = "System.Management.Automation.CommandInvocationIntrinsics",
};
const hv_obj_class hv_session_path_class = {
    .type_name = "System.Management.Automation.PathIntrinsics",
};
const hv_obj_class hv_session_psvariable_class = {
    .type_name = "System.Management.Automation.PSVariableIntrinsics",
};

/* $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath(p): p made
 * absolute against the current location, . and .. folded; the path need not exist. */
static hv_value
unresolved_provider_path(hv_ctx *ctx, const hv_value *arg)
{
    HV_AUTO hv_value s = hv_conv_to_string(arg, NULL);
    const char *p = hv_str_cstr(&s);
    if (!strncasecmp(p, "Microsoft.PowerShell.Core\\FileSystem::", 38))
        p += 38;
    hv_buf b = {0};
    if (*p == '~' && (p[1] == 0 || p[1] == '/')) {
        HV_AUTO hv_value home = hv_eval_var_by_name(ctx, "HOME");
        hv_conv_append_string(&b, &home, NULL);
        p++;
    } else if (*p != '/') {
        char cwd[4096];
        const char *c = getcwd(cwd, sizeof cwd) ? cwd : "/";
        hv_buf_put(&b, c, strlen(c));
        hv_buf_putc(&b, '/');
    }
    hv_buf_put(&b, p, strlen(p));
    HV_AUTO hv_value joined = b.data ? hv_buf_finish(&b) : hv_str_empty();
    /* fold the segments */
    char *work = hv_xstrdup(hv_str_cstr(&joined));
    char **segs = hv_xcalloc(strlen(work) + 1, sizeof *segs);
    size_t n = 0;
    for (char *save = NULL, *t = strtok_r(work, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
        if (!strcmp(t, "."))
            continue;
        if (!strcmp(t, "..")) {
            if (n)
                n--;
            continue;
        }
        segs[n++] = t;
    }
    hv_buf o = {0};
    for (size_t i = 0; i < n; i++) {
        hv_buf_putc(&o, '/');
        hv_buf_put(&o, segs[i], strlen(segs[i]));
    }
    if (!n)
        hv_buf_putc(&o, '/');
    free(segs);
    free(work);
    return hv_buf_finish(&o);
}

/* Members of the SessionState intrinsics; false when `name` is none of them. */
static bool
session_state_call(hv_ctx *ctx, hv_ast *node, const hv_value *target, const char *name,
                   hv_value *args, size_t nargs, hv_value *out, hv_status *st)
{
    const hv_obj_class *k = hv_obj_class_of(target);
    *st = HV_OK;
    if (k == &hv_session_path_class && nargs == 1 &&
        (hv_str_eq_ci(name, "GetUnresolvedProviderPathFromPSPath") ||
         hv_str_eq_ci(name, "GetResolvedPSPathFromPSPath"))) {
        *out = unresolved_provider_path(ctx, &args[0]);
        return true;
    }
    if (k != &hv_session_psvariable_class || nargs < 1)
        return false;
    HV_AUTO hv_value vn = hv_conv_to_string(&args[0], NULL);
    if (hv_str_eq_ci(name, "GetValue")) {
        *out = hv_eval_var_by_name(ctx, hv_str_cstr(&vn));
        if (out->kind == HV_NULL && nargs == 2)
            *out = hv_ref(&args[1]);
        return true;
    }
    if (hv_str_eq_ci(name, "Set") && nargs == 2) {
        *st = hv_eval_set_var(ctx, hv_str_cstr(&vn), hv_ref(&args[1]));
        *out = hv_automation_null();
        return true;
    }
    (void)node;
    return false;
}

/* $ExecutionContext.InvokeCommand.ExpandString(text): text expanded as a double-quoted
 * string in the current scope (the text is wrapped in quotes, its own " doubled). */
static hv_status
expand_string(hv_ctx *ctx, const hv_value *arg, hv_value *out)
{
    HV_AUTO hv_value s = hv_conv_to_string(arg, NULL);
    hv_buf b = {0};
    hv_buf_putc(&b, '"');
    for (const char *p = hv_str_cstr(&s); *p; p++) {
        if (*p == '"')
            hv_buf_putc(&b, '"');
        hv_buf_putc(&b, *p);
    }
    hv_buf_putc(&b, '"');
    hv_collector c;
    hv_collect_init(&c);
    hv_status st = hv_eval_string(ctx, b.data, b.len, "", &c.sink);
    hv_buf_free(&b);
    if (st != HV_OK) {
        hv_collect_free(&c);
        return st;
    }
    hv_value r = hv_collect_result(&c);
    hv_collect_free(&c);
    *out = r.kind == HV_STRING ? r : hv_conv_to_string(&r, NULL);
    if (r.kind != HV_STRING)
        hv_unref(r);
    return HV_OK;
}

hv_status
hv_eval_call_method(hv_ctx *ctx, hv_ast *node, const hv_value *target, const char *name,
                    hv_value *args, size_t nargs, hv_value *out)
{
    *out = hv_null();
    if (target->kind == HV_NULL)
        return hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "InvokeMethodOnNull",
                            "You cannot call a method on a null-valued expression.");
    if (target->kind == HV_ARRAY && ctx->error_list.kind == HV_ARRAY &&
        target->u.h == ctx->error_list.u.h && hv_str_eq_ci(name, "Clear") && nargs == 0) {
        /* $Error is an ArrayList in pwsh */
        hv_array_truncate(&ctx->error_list, 0);
        *out = hv_automation_null();
        return HV_OK;
    }
    if (target->kind == HV_ARRAY && nargs == 0 && !hv_str_eq_ci(name, "Current") &&
        is_input_array(ctx, target, name)) {
        *out = input_enum_op(ctx, target, name);
        return HV_OK;
    }
    if (target->kind == HV_BOXED) {
        hv_status rst;
        if (regex_evaluator_call(ctx, node, target, name, args, nargs, out, &rst))
            return rst;
    }
    {
        const hv_value *sm = script_member_find(ctx, target, name, true);
        if (sm)
            return script_member_run(ctx, target, hv_array_at(sm, 3), args, nargs, out);
    }
    if (hv_str_eq_ci(name, "ForEach") && !hv_class_is_instance(target))
        return intrinsic_foreach(ctx, node, target, args, nargs, out);
    if (hv_str_eq_ci(name, "Where") && nargs >= 1 && hv_eval_is_block(&args[0]))
        return intrinsic_where(ctx, target, args, nargs, out);
    if (hv_eval_is_block(target)) {
        bool handled;
        hv_status st = block_method(ctx, node, target, name, args, nargs, out, &handled);
        if (handled)
            return st;
    }
    if (target->kind == HV_OBJECT) {
        hv_status sst;
        if (session_state_call(ctx, node, target, name, args, nargs, out, &sst))
            return sst;
    }
    if (target->kind == HV_OBJECT && hv_obj_class_of(target) == &hv_invoke_command_class &&
        hv_str_eq_ci(name, "ExpandString") && nargs == 1)
        return expand_string(ctx, &args[0], out);
    if (special_object_call(target, name, out))
        return HV_OK;
    {
        hv_status pst;
        if (properties_call(ctx, target, name, args, nargs, out, &pst))
            return pst;
    }
    if (target->kind == HV_BOOL && target->sub == HV_SUB_SWITCH) {
        static const hv_type_info switch_type = {
            .full_name = "System.Management.Automation.SwitchParameter", .short_name = "switch",
            .kind = HV_BOOL,
        };
        if (hv_str_eq_ci(name, "GetType") && nargs == 0) {
            *out = hv_type(&switch_type);
            return HV_OK;
        }
        if (hv_str_eq_ci(name, "ToBool") && nargs == 0) {
            *out = hv_bool(target->u.b);
            return HV_OK;
        }
    }
    {
        bool handled;
        hv_status pst = hv_eval_pscmdlet_call(ctx, target, name, args, nargs, out, &handled);
        if (handled)
            return pst;
    }
    if (hv_class_is_instance(target)) {
        bool found;
        hv_status st = hv_class_call(ctx, target, name, args, nargs, out, &found);
        if (found)
            return st;
    }
    if (target->kind == HV_OBJECT && hv_obj_class_of(target) == &psobject_class &&
        hv_str_eq_ci(name, "Copy")) {
        const hv_value *b = hv_obj_get(target, "BaseObject");
        *out = b && b->kind == HV_OBJECT ? hv_obj_clone(b) : (b ? hv_ref(b) : hv_null());
        return HV_OK;
    }
    if (hv_str_eq_ci(name, "GetType") && nargs == 0 && target->kind != HV_TYPE) {
        const hv_type_info *t = hv_eval_exception_type_of(target);
        if (!t)
            t = hv_type_of(target);
        if (t) {
            *out = hv_type(t);
            return HV_OK;
        }
    }
    hv_status st;
#ifdef HAVE_METHODS
    bool found = false;
    st = hv_methods_call(ctx, target, name, args, nargs, out, &found);
    if (found && st == HV_OK)
        st = sync_ref_args(ctx, args, nargs);
    if (found || st != HV_OK) {
        if (st == HV_ERR && node && ctx->err.kind == HV_NULL)
            return method_not_found(ctx, node, target, name);
        return st;
    }
#endif
    if (hv_str_eq_ci(name, "ToString") && nargs == 0) {
        *out = hv_conv_to_string(target, NULL);
        return HV_OK;
    }
    if (target->kind == HV_ARRAY && hv_array_len(target) > 0)
        return enumerate_method(ctx, node, target, name, args, nargs, out);
    st = method_not_found(ctx, node, target, name);
    return st;
}

static hv_status
eval_args(hv_ctx *ctx, const hv_ast_list *list, hv_value **args)
{
    *args = list->n ? hv_xcalloc(list->n, sizeof **args) : NULL;
    for (uint32_t i = 0; i < list->n; i++) {
        hv_status st = hv_eval_expr(ctx, list->items[i], &(*args)[i]);
        if (st != HV_OK) {
            for (uint32_t k = 0; k < i; k++)
                hv_unref((*args)[k]);
            free(*args);
            *args = NULL;
            return st;
        }
        if ((*args)[i].kind == HV_NULL)
            (*args)[i] = hv_null();
    }
    return HV_OK;
}

/* A script block given where .NET wants a MatchEvaluator: pwsh converts it to a delegate
 * whose argument is the Match ($args[0] / param($m)); $_ is the Match too, as for -replace. */
typedef struct {
    hv_ctx *ctx;
    const hv_value *block;
    hv_status st;
} evaluator_ud;

static bool
evaluator_cb(void *ud, const hv_value *match, hv_value *replacement)
{
    evaluator_ud *e = ud;
    hv_collector c;
    hv_collect_init(&c);
    hv_value arg = hv_ref(match);
    e->st = hv_eval_invoke_block(e->ctx, e->block, match, &arg, 1, false, &c.sink);
    hv_unref(arg);
    if (e->st == HV_OK)
        *replacement = hv_collect_result(&c);
    hv_collect_free(&c);
    return e->st == HV_OK;
}

/* [regex]::Replace(input, pattern, {...} [, options]) and $re.Replace(input, {...}). */
static bool
regex_evaluator_call(hv_ctx *ctx, hv_ast *node, const hv_value *target, const char *name,
                     hv_value *args, size_t nargs, hv_value *out, hv_status *st)
{
    if (!hv_str_eq_ci(name, "Replace"))
        return false;
    hv_regex *re = NULL;
    hv_conv_err err = {0};
    const hv_value *input = &args[0], *block;
    if (target->kind == HV_TYPE && hv_str_eq_ci(target->u.t->full_name, "System.Text.RegularExpressions.Regex") &&
        (nargs == 3 || nargs == 4) && hv_eval_is_block(&args[2])) {
        unsigned opts = 0;
        int64_t o;
        if (nargs == 4 && args[3].kind == HV_STRING)
            opts = strcasestr(hv_str_cstr(&args[3]), "IgnoreCase") ? HV_RE_IGNORECASE : 0;
        else if (nargs == 4 && hv_conv_to_int64(&args[3], &o, &err))
            opts = (unsigned)o;
        hv_value pat = hv_conv_to_string(&args[1], NULL);
        re = hv_regex_get_opts(hv_str_cstr(&pat), opts, &err);
        hv_unref(pat);
        block = &args[2];
    } else if (target->kind == HV_BOXED && hv_boxed_class_of(target) == &hv_regex_class && nargs == 2 &&
               hv_eval_is_block(&args[1])) {
        re = hv_regex_of(target, &err);
        block = &args[1];
    } else {
        return false;
    }
    if (!re) {
        *st = hv_eval_fail(ctx, node, "System.Management.Automation.MethodInvocationException",
                           HV_CAT_NotSpecified, "ArgumentException",
                           "Exception calling \"Replace\" with \"%zu\" argument(s): \"%s\"", nargs, err.msg);
        return true;
    }
    hv_value s = hv_conv_to_string(input, NULL);
    evaluator_ud ud = {.ctx = ctx, .block = block, .st = HV_OK};
    if (!hv_regex_replace_cb(re, hv_str_cstr(&s), hv_str_len(&s), evaluator_cb, &ud, out))
        *out = hv_null();
    hv_unref(s);
    *st = ud.st;
    return true;
}

static hv_status
static_call(hv_ctx *ctx, hv_ast *node, const hv_value *target, const char *name, hv_value *args,
            size_t nargs, hv_value *out)
{
    {
        hv_status rst;
        if (regex_evaluator_call(ctx, node, target, name, args, nargs, out, &rst))
            return rst;
    }
    if (target->kind != HV_TYPE)
        return method_not_found(ctx, node, target, name);
    if (target->u.t->kind == HV_SCRIPTBLOCK && hv_str_eq_ci(name, "Create") && nargs == 1) {
        hv_value src = hv_conv_to_string(&args[0], NULL);
        hv_status st = hv_eval_block_parse(ctx, hv_str_cstr(&src), hv_str_len(&src), out);
        hv_unref(src);
        return st;
    }
    if (target->u.t == &noteprop_type && hv_str_eq_ci(name, "new") && nargs == 2) {
        hv_value nm = hv_conv_to_string(&args[0], NULL);
        *out = noteprop_new(hv_str_cstr(&nm), &args[1], NULL);
        hv_unref(nm);
        return HV_OK;
    }
    if (hv_eval_is_exception_type(target->u.t) && hv_str_eq_ci(name, "new"))
        return hv_eval_exception_new(ctx, target->u.t, args, nargs, out);
    if (target->u.t->element && hv_str_eq_ci(name, "new") && nargs == 1) {
        /* [T[]]::new(n): n default values of T ($null for objects, 0 for numbers) */
        int64_t n = 0;
        hv_conv_err err;
        if (!hv_conv_to_int64(&args[0], &n, &err) || n < 0 || n > 100000000)
            return hv_eval_fail(ctx, node, "System.Management.Automation.MethodInvocationException",
                                HV_CAT_NotSpecified, "MethodInvocationException",
                                "Exception calling \".ctor\" with \"1\" argument(s): \"Arithmetic operation resulted in an overflow.\"");
        const hv_type_info *el = target->u.t->element;
        hv_value dflt = hv_null(), conv;
        if ((el->kind == HV_INT || el->kind == HV_DOUBLE || el->kind == HV_BOOL || el->kind == HV_CHAR) &&
            hv_conv_to_type(&dflt, el, &conv, &err))
            dflt = conv;
        hv_value arr = hv_array_new((size_t)n);
        for (int64_t i = 0; i < n; i++)
            hv_array_push(&arr, dflt);
        *out = arr;
        return HV_OK;
    }
    bool found = false;
    hv_status st = hv_class_call_static(ctx, target->u.t, name, args, nargs, out, &found);
    if (found)
        return st;
#ifdef HAVE_METHODS
    st = hv_methods_call_static(ctx, target->u.t, name, args, nargs, out, &found);
    if (found && st == HV_OK)
        st = sync_ref_args(ctx, args, nargs);
    if (found || st != HV_OK)
        return st;
#endif
    return hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "MethodNotFound",
                        "Method invocation failed because [%s] does not contain a method named '%s'.",
                        target->u.t->full_name, name);
}

hv_status
hv_eval_invoke_member(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    hv_value target, name;
    *out = hv_null();
    hv_status st = hv_eval_expr(ctx, node->u.member.target, &target);
    if (st != HV_OK)
        return st;
    if (target.kind == HV_NULL && node->u.member.nullcond)
        return HV_OK;
    if ((st = member_name(ctx, node->u.member.member, &name)) != HV_OK) {
        hv_unref(target);
        return st;
    }
    hv_value *args;
    if ((st = eval_args(ctx, &node->u.member.args, &args)) != HV_OK) {
        hv_unref(target);
        hv_unref(name);
        return st;
    }
    size_t nargs = node->u.member.args.n;
    const hv_ast *saved_node = ctx->cur_node;
    ctx->cur_node = node;
    hv_ast *tn = node->u.member.target;
    while (tn->kind == HV_AST_PAREN && hv_ast_pure_expr(tn->u.paren.stmt))
        tn = hv_ast_pure_expr(tn->u.paren.stmt);
    bool found_base = false;
    if (!node->u.member.is_static && tn->kind == HV_AST_CONVERT && hv_class_is_instance(&target)) {
        /* ([Base]$this).Method() calls Base's method */
        const hv_type_info *as = hv_class_lookup_type(ctx, tn->u.conv.type->full);
        if (as)
            st = hv_class_call_as(ctx, &target, as, hv_str_cstr(&name), args, nargs, out, &found_base);
    }
    if (found_base)
        ;
    else if (node->u.member.is_static)
        st = static_call(ctx, node, &target, hv_str_cstr(&name), args, nargs, out);
    else
        st = hv_eval_call_method(ctx, node, &target, hv_str_cstr(&name), args, nargs, out);
    ctx->cur_node = saved_node;
    if (st == HV_ERR)
        hv_eval_fill_position(ctx, node);
    for (size_t i = 0; i < nargs; i++)
        hv_unref(args[i]);
    free(args);
    hv_unref(target);
    hv_unref(name);
    return st;
}

hv_status
hv_call_method(hv_ctx *ctx, const hv_value *v, const char *name, const hv_value *args,
               size_t nargs, hv_value *out)
{
    hv_value *copy = nargs ? hv_xcalloc(nargs, sizeof *copy) : NULL;
    for (size_t i = 0; i < nargs; i++)
        copy[i] = hv_ref(&args[i]);
    hv_status st = hv_eval_call_method(ctx, NULL, v, name, copy, nargs, out);
    for (size_t i = 0; i < nargs; i++)
        hv_unref(copy[i]);
    free(copy);
    return st;
}

/* ======================================================================================
 * indexing
 * ====================================================================================== */

static bool
index_one(hv_ctx *ctx, const hv_value *target, const hv_value *idx, hv_value *out)
{
    (void)ctx;
    *out = hv_null();
    switch (target->kind) {
    case HV_ARRAY: {
        int64_t i;
        hv_conv_err err;
        if (idx->kind == HV_STRING && hv_array_len(target) &&
            hv_array_at(target, 0)->kind == HV_OBJECT && hv_obj_class_of(hv_array_at(target, 0)) &&
            hv_obj_class_of(hv_array_at(target, 0))->get_member &&
            strcmp(hv_obj_class_of(hv_array_at(target, 0))->type_name, "System.Xml.XmlAttribute") == 0) {
            /* .Attributes['name'] (XmlAttributeCollection's indexer) */
            for (size_t k = 0; k < hv_array_len(target); k++) {
                hv_value nm = hv_get_member(ctx, hv_array_at(target, k), "Name");
                bool hit = nm.kind == HV_STRING && strcmp(hv_str_cstr(&nm), hv_str_cstr(idx)) == 0;
                hv_unref(nm);
                if (hit) {
                    *out = hv_ref(hv_array_at(target, k));
                    return true;
                }
            }
            return false;
        }
        if (idx->kind == HV_STRING && hv_array_len(target) && noteprop_owner(hv_array_at(target, 0))) {
            /* .PSObject.Properties['Name'] */
            for (size_t k = 0; k < hv_array_len(target); k++) {
                const hv_value *nm = hv_obj_get(hv_array_at(target, k), "Name");
                if (nm && hv_str_eq_ci(hv_str_cstr(nm), hv_str_cstr(idx))) {
                    *out = hv_ref(hv_array_at(target, k));
                    return true;
                }
            }
            return false;
        }
        if (!hv_conv_to_int64(idx, &i, &err))
            return false;
        int64_t n = (int64_t)hv_array_len(target);
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return false;
        *out = hv_ref(hv_array_at(target, (size_t)i));
        return true;
    }
    case HV_STRING: {
        int64_t i;
        hv_conv_err err;
        if (!hv_conv_to_int64(idx, &i, &err))
            return false;
        const char *s = hv_str_cstr(target);
        size_t len = hv_str_len(target);
        int64_t n = (int64_t)hv_utf16_len(s, len);
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return false;
        size_t pos = 0;
        uint32_t cp = 0;
        for (int64_t k = 0; k <= i && pos < len; k++)
            cp = hv_utf8_next(s, len, &pos);
        *out = hv_char(cp);
        return true;
    }
    case HV_TABLE: {
        if ((hv_table_flags(target) & HV_TABLE_ORDERED) && idx->kind == HV_INT) {
            /* OrderedDictionary's this[int]: the value at that position */
            int64_t want = idx->u.i, n = (int64_t)hv_table_count(target);
            if (want < 0 || want >= n)
                return false;
            const hv_value *k, *v;
            size_t it = 0;
            for (int64_t at = 0; hv_table_next(target, &it, &k, &v); at++)
                if (at == want) {
                    *out = hv_ref(v);
                    return true;
                }
            return false;
        }
        const hv_value *v = hv_table_get(target, idx);
        if (!v)
            return false;
        *out = hv_ref(v);
        return true;
    }
    case HV_OBJECT: {
        const hv_obj_class *dc = hv_obj_class_of(target);
        if (dc && dc->call_method) {
            /* native-backed objects with an indexer (XmlNode['child']): their get_Item */
            char why[256];
            int rc = dc->call_method(target, "get_Item", idx, 1, out, why, sizeof why);
            if (rc != 0)
                return rc > 0 && out->kind != HV_NULL;
        }
        hv_value k = hv_conv_to_string(idx, NULL);
        const hv_value *v = hv_obj_get(target, hv_str_cstr(&k));
        hv_unref(k);
        if (!v)
            return false;
        *out = hv_ref(v);
        return true;
    }
    default: {
        int64_t i;
        hv_conv_err err;
        if (hv_conv_to_int64(idx, &i, &err) && (i == 0 || i == -1)) {
            *out = hv_ref(target);
            return true;
        }
        return false;
    }
    }
}

hv_status
hv_eval_index(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    hv_value target, idx;
    *out = hv_null();
    hv_status st = hv_eval_expr(ctx, node->u.index.target, &target);
    if (st != HV_OK)
        return st;
    if (target.kind == HV_NULL) {
        if (node->u.index.nullcond)
            return HV_OK;
        return hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "NullArray",
                            "Cannot index into a null array.");
    }
    if ((st = hv_eval_expr(ctx, node->u.index.index, &idx)) != HV_OK) {
        hv_unref(target);
        return st;
    }
    if (idx.kind == HV_ARRAY && target.kind != HV_TABLE) {
        hv_value res = hv_array_new(hv_array_len(&idx));
        for (size_t i = 0; i < hv_array_len(&idx); i++) {
            hv_value one;
            if (index_one(ctx, &target, hv_array_at(&idx, i), &one))
                hv_array_push(&res, one);
        }
        *out = res;
    } else if (idx.kind == HV_ARRAY) {
        hv_value res = hv_array_new(hv_array_len(&idx));
        for (size_t i = 0; i < hv_array_len(&idx); i++) {
            hv_value one;
            if (index_one(ctx, &target, hv_array_at(&idx, i), &one))
                hv_array_push(&res, one);
        }
        *out = res;
    } else if (!index_one(ctx, &target, &idx, out) && ctx->strict_version >= 3 &&
               target.kind == HV_ARRAY) {
        st = hv_eval_fail(ctx, node, "System.IndexOutOfRangeException", HV_CAT_OperationStopped,
                          "System.IndexOutOfRangeException", "Index was outside the bounds of the array.");
    }
    hv_unref(target);
    hv_unref(idx);
    return st;
}

/* ======================================================================================
 * assignment to members and elements
 * ====================================================================================== */

hv_status
hv_eval_member_assign(hv_ctx *ctx, hv_ast *node, hv_value v)
{
    hv_value target, name;
    hv_status st = hv_eval_expr(ctx, node->u.member.target, &target);
    if (st != HV_OK) {
        hv_unref(v);
        return st;
    }
    if ((st = member_name(ctx, node->u.member.member, &name)) != HV_OK) {
        hv_unref(target);
        hv_unref(v);
        return st;
    }
    const char *n = hv_str_cstr(&name);
    if (node->u.member.is_static) {
        if (target.kind != HV_TYPE || !hv_class_set_static(ctx, target.u.t, n, v))
            st = hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "PropertyAssignmentException",
                              "The property '%s' cannot be found on this object. Verify that the property exists and can be set.", n);
    } else if (target.kind == HV_TABLE) {
        hv_table_sets(&target, n, v);
    } else if (noteprop_owner(&target) && hv_str_eq_ci(n, "Value")) {
        hv_value owner = hv_ref(noteprop_owner(&target));
        const hv_value *pn = hv_obj_get(&target, "Name");
        if (pn && pn->kind == HV_STRING)
            hv_obj_set(&owner, hv_str_cstr(pn), hv_ref(&v));
        hv_obj_set(&target, "Value", v);
        hv_unref(owner);
    } else if (hv_eval_is_ref(&target) && hv_str_eq_ci(n, "Value")) {
        st = ref_set(ctx, &target, v);
    } else if (target.kind == HV_OBJECT && hv_class_is_instance(&target)) {
        bool found;
        st = hv_class_set_field(ctx, &target, n, v, &found);
        if (!found)
            st = hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "PropertyAssignmentException",
                              "The property '%s' cannot be found on this object. Verify that the property exists and can be set.", n);
    } else if (target.kind == HV_OBJECT && hv_obj_class_of(&target) &&
               hv_obj_class_of(&target)->set_member) {
        /* native-backed objects (XML nodes): the class sets the member */
        char why[512] = "";
        int rc = hv_obj_class_of(&target)->set_member(&target, n, &v, why, sizeof why);
        hv_unref(v);
        if (rc < 0)
            st = hv_eval_fail(ctx, node, "System.Management.Automation.SetValueInvocationException",
                              HV_CAT_NotSpecified, "ExceptionWhenSetting", "%s", why);
        else if (rc == 0)
            st = hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "PropertyAssignmentException",
                              "The property '%s' cannot be found on this object. Verify that the property exists and can be set.", n);
    } else if (target.kind == HV_OBJECT && hv_obj_get(&target, n)) {
        hv_obj_set(&target, n, v);
    } else {
        hv_unref(v);
        st = hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "PropertyAssignmentException",
                          "The property '%s' cannot be found on this object. Verify that the property exists and can be set.", n);
    }
    hv_unref(target);
    hv_unref(name);
    return st;
}

hv_status
hv_eval_index_assign(hv_ctx *ctx, hv_ast *node, hv_value v)
{
    hv_value target, idx;
    hv_status st = hv_eval_expr(ctx, node->u.index.target, &target);
    if (st != HV_OK) {
        hv_unref(v);
        return st;
    }
    if ((st = hv_eval_expr(ctx, node->u.index.index, &idx)) != HV_OK) {
        hv_unref(target);
        hv_unref(v);
        return st;
    }
    switch (target.kind) {
    case HV_ARRAY: {
        int64_t i = 0;
        hv_conv_err err;
        int64_t n = (int64_t)hv_array_len(&target);
        bool ok = hv_conv_to_int64(&idx, &i, &err);
        if (ok && i < 0)
            i += n;
        if (!ok || i < 0 || i >= n) {
            hv_unref(v);
            st = hv_eval_fail(ctx, node, "System.IndexOutOfRangeException", HV_CAT_OperationStopped,
                              "System.IndexOutOfRangeException",
                              "Index was outside the bounds of the array.");
        } else {
            /* a typed array ([int[]]) converts what is stored, as .NET's array does */
            const hv_type_info *at = target.sub == HV_TA_OBJECT ? hv_type_of(&target) : NULL;
            if (at && at->element && at->element != hv_type_lookup("System.Object")) {
                hv_value conv;
                if (!hv_conv_to_type(&v, at->element, &conv, &err)) {
                    hv_unref(v);
                    st = hv_eval_fail(ctx, node, "System.Management.Automation.RuntimeException",
                                      HV_CAT_InvalidArgument, "InvalidCastFromStringToInteger",
                                      "%s", err.msg);
                    break;
                }
                hv_unref(v);
                v = conv;
            }
            hv_array_set(&target, (size_t)i, v);
        }
        break;
    }
    case HV_TABLE:
        hv_table_set(&target, hv_steal(&idx), v);
        break;
    case HV_OBJECT: {
        hv_value k = hv_conv_to_string(&idx, NULL);
        hv_obj_set(&target, hv_str_cstr(&k), v);
        hv_unref(k);
        break;
    }
    case HV_NULL:
        hv_unref(v);
        st = hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "NullArray",
                          "Cannot index into a null array.");
        break;
    default:
        hv_unref(v);
        st = hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "CannotIndex",
                          "Unable to index into an object of type \"%s\".", hv_type_name_of(&target));
        break;
    }
    hv_unref(target);
    hv_unref(idx);
    return st;
}
