/* class.c — PowerShell classes and enums.
 *
 * A class is a cls_def holding an hv_type_info (so [Name] resolves and casts work) and an
 * hv_obj_class (instances are ordinary objects whose properties are the fields, base class
 * fields first). Methods and constructors run their bodies in a new scope with $this; as in
 * pwsh, only `return` gives a method's value (other output is discarded). Overloads are
 * chosen by argument count. Enums become hv_enum_defs registered with hv_type_register_enum.
 */
#include "internal.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define RTE "System.Management.Automation.RuntimeException"

typedef struct {
    const char *name;
    const hv_ast_typename *tn;
    hv_ast *init;
    const hv_ast_list *attrs;
    bool is_static, is_hidden;
} cls_prop;

typedef struct {
    const char *name;
    hv_ast *node;          /* METHOD */
    uint32_t nparams;
    bool is_static, is_ctor;
} cls_method;

typedef struct cls_def cls_def;
struct cls_def {
    hv_type_info type;
    hv_obj_class ocls;
    hv_ctx *ctx;
    char *name;
    cls_def *base;
    const char **base_types;   /* NULL-terminated: base class names */
    cls_prop *props;
    size_t nprops;
    cls_method *methods;
    size_t nmethods;
    hv_value statics;          /* HV_TABLE */
    bool statics_init;
    hv_ast_unit *unit;
    hv_ast *node;
    const char **display;      /* default display properties (when some are hidden) */
    cls_def *next;
};

typedef struct enum_reg {
    hv_enum_def def;
    char *name;
    char **names;
    int32_t *values;
    struct enum_reg *next;
} enum_reg;

typedef struct {
    cls_def *classes;
    enum_reg *enums;
} class_state;

static class_state *
state(hv_ctx *ctx)
{
    if (!ctx->classes)
        ctx->classes = hv_xcalloc(1, sizeof(class_state));
    return ctx->classes;
}

static cls_def *
find_class(hv_ctx *ctx, const char *name)
{
    for (cls_def *c = state(ctx)->classes; c; c = c->next)
        if (hv_str_eq_ci(c->name, name))
            return c;
    return NULL;
}

static hv_value cls_to_string(const hv_value *self);

static cls_def *
def_of_obj(const hv_value *v)
{
    if (v->kind != HV_OBJECT)
        return NULL;
    const hv_obj_class *oc = hv_obj_class_of(v);
    if (!oc || oc->to_string != cls_to_string)
        return NULL;
    return (cls_def *)((char *)oc - offsetof(cls_def, ocls));
}

static cls_def *
def_of_type(hv_ctx *ctx, const hv_type_info *t)
{
    for (cls_def *c = state(ctx)->classes; c; c = c->next)
        if (&c->type == t)
            return c;
    return NULL;
}

bool
hv_class_is_instance(const hv_value *v)
{
    return def_of_obj(v) != NULL;
}

const hv_type_info *
hv_class_type_of(const hv_value *v)
{
    cls_def *d = def_of_obj(v);
    return d ? &d->type : NULL;
}

/* A declared type as Get-Member writes it: PowerShell's short names for the common types,
 * the class name for classes, System.Object when untyped. */
static char *
member_type_text(const hv_ast_typename *tn)
{
    if (!tn)
        return hv_xstrdup("System.Object");
    const hv_type_info *t = hv_type_lookup(tn->full);
    if (t && !tn->nargs && !tn->rank) {
        const char *fn = hv_type_name(t);
        if (fn && *fn)
            return hv_xstrdup(fn);
    }
    return hv_xstrdup(tn->full);
}

static bool
member_seen(const hv_class_member *m, size_t n, const char *name, bool method, const char *sig)
{
    for (size_t i = 0; i < n; i++)
        if (m[i].is_method == method && hv_str_eq_ci(m[i].name, name) &&
            (!method || strcmp(strchr(m[i].definition, '('), strchr(sig, '(')) == 0))
            return true;
    return false;
}

size_t
hv_class_members(const hv_value *v, hv_class_member **out)
{
    *out = NULL;
    const cls_def *d = def_of_obj(v);
    if (!d)
        return 0;
    hv_class_member *m = NULL;
    size_t n = 0, cap = 0;
    for (const cls_def *c = d; c; c = c->base) {
        for (size_t i = 0; i < c->nprops; i++) {
            const cls_prop *p = &c->props[i];
            char *ty = member_type_text(p->tn);
            char *def = hv_xasprintf("%s%s %s {get;set;}", p->is_static ? "static " : "", ty,
                                     p->name);
            free(ty);
            if (member_seen(m, n, p->name, false, def)) {
                free(def);
                continue;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                m = hv_xrealloc(m, cap * sizeof *m);
            }
            m[n++] = (hv_class_member){.name = hv_xstrdup(p->name), .definition = def,
                                       .is_static = p->is_static, .is_hidden = p->is_hidden};
        }
        for (size_t i = 0; i < c->nmethods; i++) {
            const cls_method *cm = &c->methods[i];
            if (cm->is_ctor)
                continue;
            const hv_ast *node = cm->node;
            hv_buf b = {0};
            char *ret = node->u.method.ret ? member_type_text(node->u.method.ret) : hv_xstrdup("void");
            hv_buf_printf(&b, "%s%s %s(", cm->is_static ? "static " : "", ret, cm->name);
            free(ret);
            for (uint32_t k = 0; k < node->u.method.params.n; k++) {
                const hv_ast *pa = node->u.method.params.items[k];
                const hv_ast_typename *tn = NULL;
                for (uint32_t a = 0; a < pa->u.param.attrs.n; a++)
                    if (pa->u.param.attrs.items[a]->kind == HV_AST_TYPECONSTRAINT)
                        tn = pa->u.param.attrs.items[a]->u.type.type;
                char *pt = member_type_text(tn);
                hv_buf_printf(&b, "%s%s %s", k ? ", " : "", pt, pa->u.param.var->u.var.name);
                free(pt);
            }
            hv_buf_putc(&b, ')');
            char *def = hv_xstrndup(b.data ? b.data : "", b.len);
            hv_buf_free(&b);
            if (member_seen(m, n, cm->name, true, def)) {
                free(def);
                continue;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                m = hv_xrealloc(m, cap * sizeof *m);
            }
            m[n++] = (hv_class_member){.name = hv_xstrdup(cm->name), .definition = def,
                                       .is_method = true, .is_static = cm->is_static,
                                       .is_hidden = node->u.method.is_hidden};
        }
    }
    *out = m;
    return n;
}

void
hv_class_members_free(hv_class_member *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(m[i].name);
        free(m[i].definition);
    }
    free(m);
}

const hv_type_info *
hv_class_lookup_type(hv_ctx *ctx, const char *name)
{
    if (!ctx->classes)
        return NULL;
    cls_def *c = find_class(ctx, name);
    return c ? &c->type : NULL;
}

/* ---- methods ---- */

static const cls_method *
find_method(const cls_def *c, const char *name, size_t nargs, bool is_static, bool ctor)
{
    for (; c; c = ctor ? NULL : c->base) {
        for (size_t i = 0; i < c->nmethods; i++) {
            const cls_method *m = &c->methods[i];
            if (m->is_ctor != ctor || m->is_static != is_static)
                continue;
            if (!ctor && !hv_str_eq_ci(m->name, name))
                continue;
            if (m->nparams == nargs)
                return m;
        }
    }
    return NULL;
}

/* How well args fit a method's declared parameter types (higher is better). */
static int
args_fit(hv_ctx *ctx, const cls_method *m, const hv_value *args, size_t nargs)
{
    int score = 0;
    for (size_t i = 0; i < nargs && i < m->node->u.method.params.n; i++) {
        hv_ast *p = m->node->u.method.params.items[i];
        const hv_ast_typename *tn = NULL;
        for (uint32_t k = 0; k < p->u.param.attrs.n; k++)
            if (p->u.param.attrs.items[k]->kind == HV_AST_TYPECONSTRAINT)
                tn = p->u.param.attrs.items[k]->u.type.type;
        if (!tn) {
            score += 1;
            continue;
        }
        const hv_type_info *t = hv_eval_type(ctx, tn);
        if (!t) {
            hv_unref(hv_eval_take_error(ctx));
            continue;
        }
        if (t->kind == args[i].kind && !t->element)
            score += 3;
        else {
            hv_value conv;
            hv_conv_err err;
            if (hv_conv_to_type(&args[i], t, &conv, &err)) {
                hv_unref(conv);
                score += 2;
            }
        }
    }
    return score;
}

/* Overloads are told apart by argument count, then by how well the arguments fit. */
static const cls_method *
find_method_for(hv_ctx *ctx, const cls_def *c, const char *name, const hv_value *args, size_t nargs,
                bool is_static, bool ctor)
{
    const cls_method *best = NULL;
    int best_score = -1;
    for (; c; c = ctor ? NULL : c->base) {
        for (size_t i = 0; i < c->nmethods; i++) {
            const cls_method *m = &c->methods[i];
            if (m->is_ctor != ctor || m->is_static != is_static || m->nparams != nargs)
                continue;
            if (!ctor && !hv_str_eq_ci(m->name, name))
                continue;
            int sc = args_fit(ctx, m, args, nargs);
            if (sc > best_score) {
                best = m;
                best_score = sc;
            }
        }
        if (best)
            return best; /* a derived class's overload hides the base's */
    }
    return best;
}

static bool
has_ctor(const cls_def *c)
{
    for (size_t i = 0; i < c->nmethods; i++)
        if (c->methods[i].is_ctor && !c->methods[i].is_static)
            return true;
    return false;
}

static bool
has_method_named(const cls_def *c, const char *name, bool is_static)
{
    for (; c; c = c->base)
        for (size_t i = 0; i < c->nmethods; i++)
            if (!c->methods[i].is_ctor && c->methods[i].is_static == is_static &&
                hv_str_eq_ci(c->methods[i].name, name))
                return true;
    return false;
}

static hv_status
convert_to(hv_ctx *ctx, const hv_ast_typename *tn, hv_value v, hv_value *out)
{
    if (!tn || v.kind == HV_NULL) {
        *out = v;
        return HV_OK;
    }
    const hv_type_info *t = hv_eval_type(ctx, tn);
    if (!t) {
        *out = v;
        return HV_OK;
    }
    bool handled;
    hv_status st;
    if (t->element) {
        st = hv_eval_convert_class_array(ctx, t, hv_ref(&v), out, &handled);
        if (handled) {
            hv_unref(v);
            return st;
        }
        hv_unref(*out);
    }
    st = hv_class_convert(ctx, t, hv_ref(&v), out, &handled);
    if (handled) {
        hv_unref(v);
        return st;
    }
    hv_conv_err err;
    if (!hv_conv_to_type(&v, t, out, &err)) {
        hv_unref(v);
        return hv_eval_fail(ctx, NULL, "System.Management.Automation.PSInvalidCastException",
                            HV_CAT_InvalidArgument, "ConvertToFinalInvalidCastException", "%s", err.msg);
    }
    hv_unref(v);
    return HV_OK;
}

static hv_status
collect_put_first(hv_ctx *ctx, hv_sink *s, hv_value v)
{
    (void)ctx;
    hv_collector *c = (hv_collector *)s;
    if (c->items.kind != HV_ARRAY)
        c->items = hv_array_new(1);
    hv_array_push(&c->items, v);
    return HV_OK;
}

static hv_status
discard_put(hv_ctx *ctx, hv_sink *s, hv_value v)
{
    (void)ctx;
    (void)s;
    hv_unref(v);
    return HV_OK;
}

/* Runs a method body with $this (NULL for static) and positional args. */
static hv_status
run_method(hv_ctx *ctx, const cls_method *m, const hv_value *self, hv_value *args, size_t nargs,
           hv_value *out)
{
    *out = hv_automation_null();
    if (hv_eval_stack_exhausted(ctx))
        return hv_eval_fail(ctx, NULL, "System.Management.Automation.ScriptCallDepthException",
                            HV_CAT_InvalidOperation, "CallDepthOverflow",
                            "The script failed due to call depth overflow.");
    hv_ast *node = m->node;
    hv_scope *saved = ctx->cur;
    hv_sink *saved_ret = ctx->return_sink;
    hv_scope *scope = hv_scope_new_child(ctx, ctx->script ? ctx->script : ctx->global, 0);
    ctx->cur = scope;
    ctx->scope_epoch++;
    hv_status st = HV_OK;
    if (self)
        st = hv_scope_assign(ctx, NULL, "this", hv_ref(self));
    for (size_t i = 0; i < nargs && i < node->u.method.params.n && st == HV_OK; i++) {
        hv_ast *p = node->u.method.params.items[i];
        const hv_ast_typename *tn = NULL;
        for (uint32_t k = 0; k < p->u.param.attrs.n; k++)
            if (p->u.param.attrs.items[k]->kind == HV_AST_TYPECONSTRAINT)
                tn = p->u.param.attrs.items[k]->u.type.type;
        hv_value v;
        st = convert_to(ctx, tn, hv_ref(&args[i]), &v);
        if (st == HV_OK)
            st = hv_scope_assign(ctx, NULL, p->u.param.var->u.var.name, v);
    }
    hv_collector ret;
    hv_collect_init(&ret);
    ret.sink.put = collect_put_first;
    hv_sink discard = {.put = discard_put};
    ctx->return_sink = &ret.sink;
    if (st == HV_OK) {
        hv_ast *sb = node->u.method.body;
        /* a method body is compiled code in pwsh: a terminating error leaves the method
         * (as an exception) instead of going on with the next statement */
        ctx->try_depth++;
        st = hv_eval_run_scriptblock(ctx, sb, NULL, &discard);
        ctx->try_depth--;
        if (st == HV_RETURN)
            st = HV_OK;
    }
    ctx->return_sink = saved_ret;
    ctx->cur = saved;
    ctx->scope_epoch++;
    hv_scope_free(ctx, scope);
    ctx->scope_epoch++;
    if (st == HV_OK && ret.items.kind == HV_ARRAY && !m->is_ctor) {
        hv_value r = hv_collect_result(&ret);
        const hv_ast_typename *rt = node->u.method.ret;
        if (rt && (hv_str_eq_ci(rt->full, "void") || hv_str_eq_ci(rt->full, "System.Void")))
            hv_unref(r);
        else
            st = convert_to(ctx, rt, r, out);
    }
    hv_collect_free(&ret);
    return st;
}

/* ---- instances ---- */

static hv_status init_own_fields(hv_ctx *ctx, cls_def *top, cls_def *c, hv_value *obj);
static hv_status init_statics(hv_ctx *ctx, cls_def *c);

/* Is an instance property `name` declared by a class from `top` down to (not including)
 * `upto` (a derived class overriding it)? */
static bool
declared_below(const cls_def *top, const cls_def *upto, const char *name)
{
    for (const cls_def *d = top; d && d != upto; d = d->base)
        for (size_t i = 0; i < d->nprops; i++)
            if (!d->props[i].is_static && hv_str_eq_ci(d->props[i].name, name))
                return true;
    return false;
}

/* Instance fields as pwsh lays them out: the class's own properties first, then those it
 * inherits (about_Classes_Inheritance: Genres Name Artist Category); a redefined property
 * keeps the derived class's type and default value. */
static hv_status
init_fields(hv_ctx *ctx, cls_def *top, hv_value *obj)
{
    for (cls_def *c = top; c; c = c->base) {
        hv_status st = init_own_fields(ctx, top, c, obj);
        if (st != HV_OK)
            return st;
    }
    return HV_OK;
}

static hv_status
init_own_fields(hv_ctx *ctx, cls_def *top, cls_def *c, hv_value *obj)
{
    for (size_t i = 0; i < c->nprops; i++) {
        cls_prop *p = &c->props[i];
        if (p->is_static || declared_below(top, c, p->name))
            continue;
        hv_value v = hv_null();
        if (p->init) {
            hv_status st = hv_eval_expr(ctx, p->init, &v);
            if (st != HV_OK)
                return st;
            if ((st = convert_to(ctx, p->tn, v, &v)) != HV_OK)
                return st;
        } else if (p->tn) {
            const hv_type_info *t = hv_eval_type(ctx, p->tn);
            hv_conv_err err;
            hv_value conv;
            if (t && !t->element && (t->kind == HV_INT || t->kind == HV_DOUBLE || t->kind == HV_BOOL ||
                                     t->kind == HV_CHAR || t->kind == HV_DATETIME ||
                                     t->kind == HV_TIMESPAN || t->enum_def) &&
                hv_conv_to_type(&v, t, &conv, &err))
                v = conv;
            else if (t && !t->element && t->enum_def)
                v = hv_enum(t->enum_def, 0); /* an enum defaults to 0, named or not */
            else if (t && !t->element && t->kind == HV_DATETIME)
                v = hv_datetime(0, HV_DT_UNSPECIFIED); /* default(DateTime): 1/1/0001 */
            else if (t && !t->element && t->kind == HV_TIMESPAN)
                v = hv_timespan(0);
            if (!t)
                hv_unref(hv_eval_take_error(ctx));
        }
        hv_obj_set(obj, p->name, v);
    }
    return HV_OK;
}

static hv_status
call_ctor(hv_ctx *ctx, cls_def *c, hv_value *obj, hv_value *args, size_t nargs, bool explicit_call)
{
    const cls_method *m = find_method_for(ctx, c, "", args, nargs, false, true);
    if (!m) {
        bool any = false;
        for (size_t i = 0; i < c->nmethods; i++)
            any |= c->methods[i].is_ctor && !c->methods[i].is_static;
        if (nargs == 0 && !any)
            return c->base ? call_ctor(ctx, c->base, obj, NULL, 0, false) : HV_OK;
        if (!explicit_call && nargs == 0)
            return HV_OK;
        return hv_eval_fail(ctx, NULL, "System.Management.Automation.MethodException",
                            HV_CAT_InvalidOperation, "MethodCountCouldNotFindBest",
                            "Cannot find an overload for \"new\" and the argument count: \"%zu\".", nargs);
    }
    hv_status st;
    if (c->base) {
        hv_ast_list *ba = &m->node->u.method.base_args;
        if (ba->n) {
            /* base(...) arguments see the constructor's parameters */
            hv_scope *scope = hv_scope_new_child(ctx, ctx->script ? ctx->script : ctx->global, 0);
            hv_scope *saved = ctx->cur;
            ctx->cur = scope;
            ctx->scope_epoch++;
            st = HV_OK;
            for (size_t i = 0; i < nargs && i < m->node->u.method.params.n && st == HV_OK; i++)
                st = hv_scope_assign(ctx, NULL, m->node->u.method.params.items[i]->u.param.var->u.var.name,
                                     hv_ref(&args[i]));
            hv_value *bargs = hv_xcalloc(ba->n, sizeof *bargs);
            for (uint32_t i = 0; i < ba->n && st == HV_OK; i++)
                st = hv_eval_expr(ctx, ba->items[i], &bargs[i]);
            ctx->cur = saved;
            ctx->scope_epoch++;
            hv_scope_free(ctx, scope);
            ctx->scope_epoch++;
            if (st == HV_OK)
                st = call_ctor(ctx, c->base, obj, bargs, ba->n, true);
            for (uint32_t i = 0; i < ba->n; i++)
                hv_unref(bargs[i]);
            free(bargs);
        } else {
            st = call_ctor(ctx, c->base, obj, NULL, 0, false);
        }
        if (st != HV_OK)
            return st;
    }
    hv_value r;
    st = run_method(ctx, m, obj, args, nargs, &r);
    hv_unref(r);
    return st;
}

static hv_status
new_instance(hv_ctx *ctx, cls_def *c, hv_value *args, size_t nargs, hv_value *out)
{
    for (cls_def *sc = c; sc; sc = sc->base) /* static constructors run before the first instance */
        if (init_statics(ctx, sc) != HV_OK) {
            *out = hv_null();
            return HV_ERR;
        }
    hv_value obj = hv_obj_new(&c->ocls); /* its PSTypeNames: the class, its bases (ocls) */
    hv_status st = init_fields(ctx, c, &obj);
    if (st == HV_OK)
        st = call_ctor(ctx, c, &obj, args, nargs, true);
    if (st != HV_OK) {
        hv_unref(obj);
        *out = hv_null();
        return st;
    }
    *out = obj;
    return HV_OK;
}

hv_status
hv_class_new_instance(hv_ctx *ctx, const hv_type_info *t, hv_value *args, size_t nargs, hv_value *out)
{
    cls_def *c = def_of_type(ctx, t);
    *out = hv_null();
    if (!c)
        return HV_OK;
    bool handled;
    /* [C]@{...} initializes properties through the default constructor, even when C has a
     * one-argument constructor */
    if (nargs == 1 && (args[0].kind == HV_TABLE || !find_method(c, "", 1, false, true)))
        return hv_class_convert(ctx, t, hv_ref(&args[0]), out, &handled);
    return new_instance(ctx, c, args, nargs, out);
}

hv_status
hv_class_convert(hv_ctx *ctx, const hv_type_info *t, hv_value v, hv_value *out, bool *handled)
{
    cls_def *c = ctx->classes ? def_of_type(ctx, t) : NULL;
    *handled = c != NULL;
    *out = hv_null();
    if (!c) {
        hv_unref(v);
        return HV_OK;
    }
    for (cls_def *d = def_of_obj(&v); d; d = d->base) {
        if (d == c) {
            *out = v;
            return HV_OK;
        }
    }
    if (v.kind == HV_NULL) {
        *out = v;
        return HV_OK;
    }
    if (v.kind == HV_TABLE && (find_method(c, "", 0, false, true) || !has_ctor(c))) {
        hv_status st = new_instance(ctx, c, NULL, 0, out);
        const hv_value *k, *val;
        for (size_t it = 0; st == HV_OK && hv_table_next(&v, &it, &k, &val);) {
            hv_value ks = hv_conv_to_string(k, NULL);
            bool found;
            st = hv_class_set_field(ctx, out, hv_str_cstr(&ks), hv_ref(val), &found);
            if (st == HV_OK && !found) {
                /* pwsh lists the settable properties: [id <System.Int32>] , [name ...] */
                hv_buf avail = {0};
                for (cls_def *d = c; d; d = d->base)
                    for (size_t i = 0; i < d->nprops; i++) {
                        const cls_prop *pp = &d->props[i];
                        if (pp->is_static || declared_below(c, d, pp->name))
                            continue;
                        const hv_type_info *pt = pp->tn ? hv_eval_type(ctx, pp->tn) : NULL;
                        if (pp->tn && !pt)
                            hv_unref(hv_eval_take_error(ctx));
                        hv_buf_printf(&avail, "%s[%s <%s>]", avail.len ? " , " : "", pp->name,
                                      pt ? pt->full_name : "System.Object");
                    }
                st = hv_eval_fail(ctx, NULL, "System.Management.Automation.PSInvalidCastException",
                                  HV_CAT_InvalidArgument, "ObjectCreationError",
                                  "Cannot create object of type \"%s\". The %s property was not found "
                                  "for the %s object. The available property is: %s",
                                  c->name, hv_str_cstr(&ks), c->name, avail.data ? avail.data : "");
                hv_buf_free(&avail);
            }
            hv_unref(ks);
        }
        hv_unref(v);
        if (st != HV_OK) { /* the half-initialised instance is nobody's */
            hv_unref(*out);
            *out = hv_null();
        }
        return st;
    }
    const cls_method *m = find_method(c, "", 1, false, true);
    if (m) {
        hv_value args[1] = {v};
        hv_status st = new_instance(ctx, c, args, 1, out);
        hv_unref(v);
        return st;
    }
    hv_value s = hv_conv_to_string(&v, NULL);
    hv_status st = hv_eval_fail(ctx, NULL, "System.Management.Automation.PSInvalidCastException",
                                HV_CAT_InvalidArgument, "ConvertToFinalInvalidCastException",
                                "Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".",
                                hv_str_cstr(&s), hv_type_name_of(&v), c->name);
    hv_unref(s);
    hv_unref(v);
    return st;
}

static const cls_prop *
find_prop(const cls_def *c, const char *name, bool is_static)
{
    for (; c; c = c->base)
        for (size_t i = 0; i < c->nprops; i++)
            if (c->props[i].is_static == is_static && hv_str_eq_ci(c->props[i].name, name))
                return &c->props[i];
    return NULL;
}

static hv_status
validation_failed(hv_ctx *ctx, const char *fmt, const char *a, const char *b, const char *c)
{
    return hv_eval_fail(ctx, NULL, "System.Management.Automation.ValidationMetadataException",
                        HV_CAT_MetadataError, "ValidateSetFailure", fmt, a, b, c);
}

/* [ValidateRange]/[ValidateNotNullOrEmpty]/[ValidateSet] on a class property. */
static hv_status
validate_prop(hv_ctx *ctx, const cls_prop *p, const hv_value *v)
{
    for (uint32_t i = 0; p->attrs && i < p->attrs->n; i++) {
        hv_ast *a = p->attrs->items[i];
        if (a->kind != HV_AST_ATTRIBUTE)
            continue;
        const char *an = a->u.attr.type->full;
        if ((hv_str_eq_ci(an, "ValidateNotNullOrEmpty") || hv_str_eq_ci(an, "ValidateNotNull")) &&
            (v->kind == HV_NULL || (v->kind == HV_STRING && hv_str_len(v) == 0) ||
             (v->kind == HV_ARRAY && hv_array_len(v) == 0)))
            return validation_failed(ctx, "The argument is null or empty. Provide an argument that is "
                                     "not null or empty, and then try the command again.%s%s%s", "", "", "");
        if (hv_str_eq_ci(an, "ValidateRange") && a->u.attr.pos.n >= 2) {
            hv_value lo, hi;
            if (hv_eval_expr(ctx, a->u.attr.pos.items[0], &lo) != HV_OK ||
                hv_eval_expr(ctx, a->u.attr.pos.items[1], &hi) != HV_OK)
                return HV_ERR;
            int over = hv_op_compare(v, &hi, 0) > 0, under = hv_op_compare(v, &lo, 0) < 0;
            hv_value vs = hv_conv_to_string(v, NULL), bound = hv_conv_to_string(over ? &hi : &lo, NULL);
            hv_status st = HV_OK;
            if (over)
                st = validation_failed(ctx, "The %s argument is greater than the maximum allowed range of "
                                       "%s. Supply an argument that is less than or equal to %s "
                                       "and then try the command again.", hv_str_cstr(&vs),
                                       hv_str_cstr(&bound), hv_str_cstr(&bound));
            else if (under)
                st = validation_failed(ctx, "The %s argument is less than the minimum allowed range of %s. "
                                       "Supply an argument that is greater than or equal to %s "
                                       "and then try the command again.", hv_str_cstr(&vs),
                                       hv_str_cstr(&bound), hv_str_cstr(&bound));
            hv_unref(vs);
            hv_unref(bound);
            hv_unref(lo);
            hv_unref(hi);
            if (st != HV_OK)
                return st;
        }
        if (hv_str_eq_ci(an, "ValidateSet") && a->u.attr.pos.n >= 1 && v->kind != HV_NULL) {
            bool ok = false;
            hv_buf set = {0};
            for (uint32_t k = 0; k < a->u.attr.pos.n; k++) {
                hv_value item;
                if (hv_eval_expr(ctx, a->u.attr.pos.items[k], &item) != HV_OK) {
                    hv_buf_free(&set);
                    return HV_ERR;
                }
                ok = ok || hv_op_equal(v, &item, 0);
                hv_value is = hv_conv_to_string(&item, NULL);
                hv_buf_printf(&set, "%s%s", k ? "," : "", hv_str_cstr(&is));
                hv_unref(is);
                hv_unref(item);
            }
            if (!ok) {
                hv_value vs = hv_conv_to_string(v, NULL);
                hv_status st = validation_failed(ctx, "The argument \"%s\" does not belong to the set "
                                                 "\"%s\" specified by the ValidateSet attribute. Supply "
                                                 "an argument that is in the set and then try the "
                                                 "command again.%s",
                                                 hv_str_cstr(&vs), set.data ? set.data : "", "");
                hv_unref(vs);
                hv_buf_free(&set);
                return st;
            }
            hv_buf_free(&set);
        }
    }
    return HV_OK;
}

/* A failed conversion or validation while setting a property: pwsh wraps the reason as
 * Exception setting "Name": "reason" (SetValueInvocationException). */
static hv_status
setting_failed(hv_ctx *ctx, const char *prop)
{
    HV_AUTO hv_value rec = hv_eval_take_error(ctx);
    const hv_value *ex = rec.kind == HV_OBJECT ? hv_obj_get(&rec, "Exception") : NULL;
    const hv_value *msg = ex && ex->kind == HV_OBJECT ? hv_obj_get(ex, "Message") : NULL;
    HV_AUTO hv_value text = msg ? hv_conv_to_string(msg, NULL) : hv_str("");
    return hv_eval_fail(ctx, NULL, "System.Management.Automation.SetValueInvocationException",
                        HV_CAT_NotSpecified, "ExceptionWhenSetting", "Exception setting \"%s\": \"%s\"",
                        prop, hv_str_cstr(&text));
}

hv_status
hv_class_set_field(hv_ctx *ctx, hv_value *self, const char *name, hv_value v, bool *found)
{
    cls_def *c = def_of_obj(self);
    const cls_prop *p = c ? find_prop(c, name, false) : NULL;
    *found = p != NULL;
    if (!p) {
        hv_unref(v);
        return HV_OK;
    }
    hv_value conv;
    hv_status st = convert_to(ctx, p->tn, v, &conv);
    if (st == HV_OK && (st = validate_prop(ctx, p, &conv)) != HV_OK)
        hv_unref(conv);
    if (st == HV_ERR)
        return setting_failed(ctx, p->name);
    if (st != HV_OK)
        return st;
    hv_obj_set(self, p->name, conv);
    return HV_OK;
}

/* ([Base]$this).Method(): the method as Base defines it (non-virtual call), as pwsh binds a
 * call on a cast to a base class. *found false when `as` is not a base of self's class. */
hv_status
hv_class_call_as(hv_ctx *ctx, const hv_value *self, const hv_type_info *as, const char *name,
                 hv_value *args, size_t nargs, hv_value *out, bool *found)
{
    cls_def *c = def_of_obj(self), *base = ctx->classes ? def_of_type(ctx, as) : NULL;
    *found = false;
    *out = hv_null();
    bool derived = false;
    for (cls_def *d = c; d && base; d = d->base)
        derived |= d == base;
    if (!derived || base == c)
        return HV_OK;
    const cls_method *m = find_method(base, name, nargs, false, false);
    if (!m)
        return HV_OK;
    *found = true;
    return run_method(ctx, m, self, args, nargs, out);
}

hv_status
hv_class_call(hv_ctx *ctx, const hv_value *self, const char *name, hv_value *args, size_t nargs,
              hv_value *out, bool *found)
{
    cls_def *c = def_of_obj(self);
    *out = hv_null();
    *found = false;
    if (!c)
        return HV_OK;
    if (hv_str_eq_ci(name, "GetType") && nargs == 0) {
        *found = true;
        *out = hv_type(&c->type);
        return HV_OK;
    }
    const cls_method *m = find_method_for(ctx, c, name, args, nargs, false, false);
    if (!m) {
        if (!has_method_named(c, name, false))
            return HV_OK;
        *found = true;
        return hv_eval_fail(ctx, NULL, "System.Management.Automation.MethodException",
                            HV_CAT_InvalidOperation, "MethodCountCouldNotFindBest",
                            "Cannot find an overload for \"%s\" and the argument count: \"%zu\".", name, nargs);
    }
    *found = true;
    return run_method(ctx, m, self, args, nargs, out);
}

/* ---- statics ---- */

static hv_status
init_statics(hv_ctx *ctx, cls_def *c)
{
    if (c->statics_init)
        return HV_OK;
    c->statics_init = true;
    c->statics = hv_table_new(0);
    for (size_t i = 0; i < c->nprops; i++) {
        cls_prop *p = &c->props[i];
        if (!p->is_static)
            continue;
        hv_value v = hv_null();
        if (p->init) {
            hv_status st = hv_eval_expr(ctx, p->init, &v);
            if (st != HV_OK)
                return st;
            if ((st = convert_to(ctx, p->tn, v, &v)) != HV_OK)
                return st;
        } else if (p->tn) {
            const hv_type_info *t = hv_eval_type(ctx, p->tn);
            hv_conv_err err;
            hv_value conv;
            if (t && (t->kind == HV_INT || t->kind == HV_DOUBLE || t->kind == HV_BOOL) &&
                hv_conv_to_type(&v, t, &conv, &err))
                v = conv;
        }
        hv_table_sets(&c->statics, p->name, v);
    }
    /* the static constructor (`static Name() { }`) runs once, after the static fields */
    for (size_t i = 0; i < c->nmethods; i++) {
        if (c->methods[i].is_ctor && c->methods[i].is_static) {
            hv_value ignored;
            hv_status st = run_method(ctx, &c->methods[i], NULL, NULL, 0, &ignored);
            hv_unref(ignored);
            if (st != HV_OK)
                return st;
            break;
        }
    }
    return HV_OK;
}

hv_status
hv_class_call_static(hv_ctx *ctx, const hv_type_info *t, const char *name, hv_value *args,
                     size_t nargs, hv_value *out, bool *found)
{
    cls_def *c = ctx->classes ? def_of_type(ctx, t) : NULL;
    *out = hv_null();
    *found = false;
    if (!c)
        return HV_OK;
    if (hv_str_eq_ci(name, "new")) {
        *found = true;
        return new_instance(ctx, c, args, nargs, out);
    }
    const cls_method *m = find_method_for(ctx, c, name, args, nargs, true, false);
    if (!m)
        return HV_OK;
    *found = true;
    hv_status st = init_statics(ctx, c);
    if (st != HV_OK)
        return st;
    return run_method(ctx, m, NULL, args, nargs, out);
}

bool
hv_class_get_static(hv_ctx *ctx, const hv_type_info *t, const char *name, hv_value *out)
{
    cls_def *c = ctx->classes ? def_of_type(ctx, t) : NULL;
    for (; c; c = c->base) {
        if (init_statics(ctx, c) != HV_OK)
            hv_unref(hv_eval_take_error(ctx));
        const hv_value *v = hv_table_gets(&c->statics, name);
        if (v) {
            *out = hv_ref(v);
            return true;
        }
    }
    return false;
}

bool
hv_class_set_static(hv_ctx *ctx, const hv_type_info *t, const char *name, hv_value v)
{
    cls_def *c = ctx->classes ? def_of_type(ctx, t) : NULL;
    for (; c; c = c->base) {
        if (init_statics(ctx, c) != HV_OK)
            hv_unref(hv_eval_take_error(ctx));
        if (hv_table_gets(&c->statics, name)) {
            const cls_prop *p = find_prop(c, name, true);
            hv_value conv = v;
            if (p && convert_to(ctx, p->tn, v, &conv) != HV_OK) {
                hv_unref(hv_eval_take_error(ctx));
                return false;
            }
            hv_table_sets(&c->statics, name, conv);
            return true;
        }
    }
    hv_unref(v);
    return false;
}

/* ---- ToString ---- */

static hv_value
cls_to_string(const hv_value *self)
{
    cls_def *c = def_of_obj(self);
    if (!c)
        return hv_str("");
    const cls_method *m = find_method(c, "ToString", 0, false, false);
    if (m) {
        hv_value r;
        hv_status st = run_method(c->ctx, m, self, NULL, 0, &r);
        if (st == HV_OK) {
            hv_value s = hv_conv_to_string(&r, NULL);
            hv_unref(r);
            return s;
        }
        hv_unref(hv_eval_take_error(c->ctx));
    }
    return hv_str(c->name);
}

/* ---- definitions ---- */

/* hidden properties stay out of the default display (Format-Table / Format-List) */
static void
set_display_props(cls_def *c)
{
    size_t n = 0;
    bool any_hidden = false;
    for (cls_def *d = c; d; d = d->base)
        for (size_t i = 0; i < d->nprops; i++) {
            n++;
            any_hidden |= d->props[i].is_hidden && !d->props[i].is_static;
        }
    if (!any_hidden)
        return;
    c->display = hv_xcalloc(n + 1, sizeof *c->display);
    size_t k = 0;
    /* the class's own properties first, then inherited ones, as in the instance */
    for (cls_def *d = c; d; d = d->base)
        for (size_t i = 0; i < d->nprops; i++)
            if (!d->props[i].is_hidden && !d->props[i].is_static &&
                !declared_below(c, d, d->props[i].name))
                c->display[k++] = d->props[i].name;
    c->display[k] = NULL;
    c->ocls.default_props = c->display;
}

hv_status
hv_class_define(hv_ctx *ctx, hv_ast *node)
{
    const char *name = node->u.typedef_.name;
    cls_def *old = find_class(ctx, name);
    if (old && old->node == node)
        return HV_OK;
    cls_def *c = hv_xcalloc(1, sizeof *c);
    c->ctx = ctx;
    c->name = hv_xstrdup(name);
    c->node = node;
    c->statics = hv_null();
    const hv_ast *root = node;
    while (root->parent)
        root = root->parent;
    c->unit = root->u.sb.unit;
    hv_ast_unit_ref(c->unit);
    c->type.full_name = c->name;
    c->type.short_name = c->name;
    c->type.kind = HV_OBJECT;
    c->ocls.type_name = c->name;
    c->ocls.to_string = cls_to_string;
    if (node->u.typedef_.nbases > 0) {
        c->base = find_class(ctx, node->u.typedef_.bases[0]->full);
    }
    size_t nb = 0;
    for (cls_def *b = c->base; b; b = b->base)
        nb++;
    c->base_types = hv_xcalloc(nb + 1, sizeof *c->base_types);
    nb = 0;
    for (cls_def *b = c->base; b; b = b->base)
        c->base_types[nb++] = b->name;
    c->ocls.base_types = c->base_types;
    const hv_ast_list *mem = &node->u.typedef_.members;
    c->props = hv_xcalloc(mem->n + 1, sizeof *c->props);
    c->methods = hv_xcalloc(mem->n + 1, sizeof *c->methods);
    for (uint32_t i = 0; i < mem->n; i++) {
        hv_ast *m = mem->items[i];
        if (m->kind == HV_AST_PROPERTY) {
            c->props[c->nprops++] = (cls_prop){.name = m->u.prop.name, .tn = m->u.prop.type,
                                               .init = m->u.prop.init, .is_static = m->u.prop.is_static,
                                               .is_hidden = m->u.prop.is_hidden,
                                               .attrs = &m->u.prop.attrs};
        } else if (m->kind == HV_AST_METHOD) {
            c->methods[c->nmethods++] = (cls_method){
                .name = m->u.method.name, .node = m, .nparams = m->u.method.params.n,
                .is_static = m->u.method.is_static, .is_ctor = m->u.method.is_ctor};
        }
    }
    set_display_props(c);
    class_state *s = state(ctx);
    c->next = s->classes;
    s->classes = c;
    ctx->scope_epoch++;
    return HV_OK;
}

hv_status
hv_enum_define(hv_ctx *ctx, hv_ast *node)
{
    class_state *s = state(ctx);
    for (enum_reg *e = s->enums; e; e = e->next)
        if (hv_str_eq_ci(e->name, node->u.typedef_.name) && e->def.count == (int)node->u.typedef_.members.n)
            return HV_OK;
    enum_reg *e = hv_xcalloc(1, sizeof *e);
    e->name = hv_xstrdup(node->u.typedef_.name);
    const hv_ast_list *mem = &node->u.typedef_.members;
    e->names = hv_xcalloc(mem->n + 1, sizeof *e->names);
    e->values = hv_xcalloc(mem->n + 1, sizeof *e->values);
    int64_t next = 0;
    hv_status st = HV_OK;
    for (uint32_t i = 0; i < mem->n; i++) {
        hv_ast *m = mem->items[i];
        e->names[i] = hv_xstrdup(m->u.prop.name);
        if (m->u.prop.init) {
            hv_value v;
            if ((st = hv_eval_expr(ctx, m->u.prop.init, &v)) != HV_OK)
                break;
            hv_conv_err err;
            if (!hv_conv_to_int64(&v, &next, &err))
                next = 0;
            hv_unref(v);
        }
        e->values[i] = (int32_t)next++;
    }
    for (uint32_t i = 0; i < node->u.typedef_.attrs.n; i++) {
        hv_ast *a = node->u.typedef_.attrs.items[i];
        if (a->kind == HV_AST_ATTRIBUTE && (hv_str_eq_ci(a->u.attr.type->full, "Flags") ||
                                            hv_str_eq_ci(a->u.attr.type->full, "System.Flags") ||
                                            hv_str_eq_ci(a->u.attr.type->full, "FlagsAttribute")))
            e->def.flags = true;
    }
    if (node->u.typedef_.nbases && node->u.typedef_.bases[0]) {
        /* enum E : byte { } — the underlying integral type of value__ */
        const hv_type_info *ut = hv_type_lookup(node->u.typedef_.bases[0]->full);
        if (ut && ut->kind == HV_INT) {
            hv_value probe = hv_int(0), conv;
            hv_conv_err cerr;
            if (hv_conv_to_type(&probe, ut, &conv, &cerr))
                e->def.underlying = conv.sub;
        }
    }
    e->def.type_name = e->name;
    e->def.names = (const char *const *)e->names;
    e->def.values = e->values;
    e->def.count = (int)mem->n;
    e->next = s->enums;
    s->enums = e;
    hv_type_register_enum(&e->def);
    return st;
}

void
hv_class_free_all(hv_ctx *ctx)
{
    class_state *s = ctx->classes;
    if (!s)
        return;
    /* statics may hold instances of other classes: release them all before any def */
    for (cls_def *c = s->classes; c; c = c->next)
        hv_unrefp(&c->statics);
    while (s->classes) {
        cls_def *c = s->classes;
        s->classes = c->next;
        hv_ast_unit_unref(c->unit);
        free(c->props);
        free(c->methods);
        free(c->base_types);
        free(c->display);
        free(c->name);
        free(c);
    }
    /* enum defs stay: the type registry (convert.c) keeps pointers to them for the life of
     * the process. */
    free(s);
    ctx->classes = NULL;
}
