/* scope.c — PowerShell's dynamic scopes: variables, functions and aliases per scope.
 *
 * A scope is a case-insensitive hash of hv_var (each allocated on its own so that a
 * pointer cached by the evaluator stays valid until the scope dies), plus small lists of
 * functions and aliases. Lookup walks the parent chain (dynamic scoping); assignment
 * without a qualifier creates the variable in the current scope, as pwsh does.
 * ctx->scope_epoch changes whenever a lookup result could change, so per-node caches can
 * skip hashing when it has not moved.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    char *name;
    hv_function *fn;
} func_entry;

typedef struct {
    char *name, *target, *description;
} alias_entry;

struct hv_scope {
    hv_scope *parent;
    hv_scope *saved_script;   /* ctx->script to restore when this scope is left */
    unsigned flags;
    hv_var **buckets;
    uint32_t nbuckets, count;
    hv_var *dead;             /* removed variables, freed with the scope */
    func_entry *funcs;
    size_t nfuncs;
    alias_entry *aliases;
    size_t naliases;
    void *traps;              /* evaluator: trap statements active in this scope */
};

static uint32_t
name_hash(const char *name)
{
    return hv_hash_ci(name, strlen(name));
}

hv_scope *
hv_scope_new_child(hv_ctx *ctx, hv_scope *parent, unsigned flags)
{
    hv_scope *s = hv_xcalloc(1, sizeof *s);
    s->parent = parent;
    s->flags = flags;
    s->saved_script = ctx->script;
    return s;
}

static void
var_free(hv_var *v)
{
    hv_unref(v->name);
    hv_unref(v->value);
    hv_unref(v->description);
    free(v);
}

void
hv_scope_free(hv_ctx *ctx, hv_scope *s)
{
    (void)ctx;
    for (uint32_t i = 0; i < s->nbuckets; i++) {
        hv_var *v = s->buckets[i];
        while (v) {
            hv_var *next = v->next_in_bucket;
            var_free(v);
            v = next;
        }
    }
    while (s->dead) {
        hv_var *next = s->dead->next_in_bucket;
        var_free(s->dead);
        s->dead = next;
    }
    for (size_t i = 0; i < s->nfuncs; i++) {
        free(s->funcs[i].name);
        hv_function_unref(s->funcs[i].fn);
    }
    for (size_t i = 0; i < s->naliases; i++) {
        free(s->aliases[i].name);
        free(s->aliases[i].target);
        free(s->aliases[i].description);
    }
    free(s->funcs);
    free(s->aliases);
    free(s->buckets);
    free(s);
}

hv_scope *
hv_scope_push(hv_ctx *ctx, unsigned flags)
{
    hv_scope *s = hv_scope_new_child(ctx, ctx->cur, flags);
    ctx->cur = s;
    if (flags & HV_SCOPE_SCRIPT)
        ctx->script = s;
    ctx->scope_epoch++;
    return s;
}

void
hv_scope_pop(hv_ctx *ctx)
{
    hv_scope *s = ctx->cur;
    ctx->cur = s->parent;
    ctx->script = s->saved_script;
    ctx->scope_epoch++;
    hv_scope_free(ctx, s);
}

hv_scope *
hv_scope_current(hv_ctx *ctx)
{
    return ctx->cur;
}

hv_scope *
hv_scope_parent(const hv_scope *s)
{
    return s->parent;
}

unsigned
hv_scope_flags(const hv_scope *s)
{
    return s->flags;
}

void **
hv_scope_traps(hv_scope *s)
{
    return &s->traps;
}

hv_scope *
hv_scope_at(hv_ctx *ctx, const char *arg)
{
    if (!arg || !*arg || strcasecmp(arg, "local") == 0 || strcasecmp(arg, "private") == 0)
        return ctx->cur;
    if (strcasecmp(arg, "global") == 0)
        return ctx->global;
    if (strcasecmp(arg, "script") == 0)
        return ctx->script;
    char *end;
    long n = strtol(arg, &end, 10);
    if (*end || n < 0)
        return NULL;
    hv_scope *s = ctx->cur;
    while (s && n-- > 0)
        s = s->parent;
    return s;
}

hv_var *
hv_scope_find_in(hv_scope *s, const char *name)
{
    if (!s->nbuckets)
        return NULL;
    uint32_t h = name_hash(name);
    size_t len = strlen(name);
    for (hv_var *v = s->buckets[h & (s->nbuckets - 1)]; v; v = v->next_in_bucket)
        if (hv_strn_eq_ci(hv_str_cstr(&v->name), hv_str_len(&v->name), name, len))
            return v;
    return NULL;
}

hv_var *
hv_scope_lookup(hv_ctx *ctx, const char *name)
{
    for (hv_scope *s = ctx->cur; s; s = s->parent) {
        hv_var *v = hv_scope_find_in(s, name);
        if (v && (!(v->options & HV_VAR_PRIVATE) || s == ctx->cur))
            return v;
    }
    return NULL;
}

static void
scope_grow(hv_scope *s)
{
    uint32_t nb = s->nbuckets ? s->nbuckets * 2 : 8;
    hv_var **b = hv_xcalloc(nb, sizeof *b);
    for (uint32_t i = 0; i < s->nbuckets; i++) {
        hv_var *v = s->buckets[i];
        while (v) {
            hv_var *next = v->next_in_bucket;
            uint32_t h = hv_str_hash_ci(&v->name) & (nb - 1);
            v->next_in_bucket = b[h];
            b[h] = v;
            v = next;
        }
    }
    free(s->buckets);
    s->buckets = b;
    s->nbuckets = nb;
}

/* Creates an empty variable in s (it must not exist there). */
hv_var *
hv_scope_new_var(hv_ctx *ctx, hv_scope *s, const char *name)
{
    if (s->count + 1 > s->nbuckets)
        scope_grow(s);
    hv_var *v = hv_xcalloc(1, sizeof *v);
    v->name = hv_str(name);
    uint32_t h = hv_str_hash_ci(&v->name) & (s->nbuckets - 1);
    v->next_in_bucket = s->buckets[h];
    s->buckets[h] = v;
    s->count++;
    ctx->scope_epoch++;
    return v;
}

static hv_status
not_writable(hv_ctx *ctx, const char *name)
{
    hv_value rec = hv_err_new(ctx, "System.Management.Automation.SessionStateUnauthorizedAccessException",
                              HV_CAT_WriteError, "VariableNotWritable", NULL, NULL,
                              "Cannot overwrite variable %s because it is read-only or constant.",
                              name);
    return hv_eval_raise(ctx, rec, false);
}

static hv_status var_store_slow(hv_ctx *ctx, hv_var *var, hv_value v);

/* Stores v into var, converting to its type constraint. MOVES v. The common case (no
 * options, no type) stays small so loops do not pay for the conversion machinery. */
hv_status
hv_var_store(hv_ctx *ctx, hv_var *var, hv_value v)
{
    if (__builtin_expect(!var->options && !var->type, 1)) {
        hv_value old = var->value;
        var->value = v;
        if (hv_is_heap(&old))
            hv_unref(old);
        return HV_OK;
    }
    return var_store_slow(ctx, var, v);
}

static __attribute__((noinline)) hv_status
var_store_slow(hv_ctx *ctx, hv_var *var, hv_value v)
{
    if (var->options & (HV_VAR_READONLY | HV_VAR_CONSTANT)) {
        hv_unref(v);
        return not_writable(ctx, hv_str_cstr(&var->name));
    }
    if (var->type && var->type->element) {
        bool handled;
        hv_value conv;
        hv_status st = hv_eval_convert_class_array(ctx, var->type, hv_ref(&v), &conv, &handled);
        if (handled) {
            hv_unref(v);
            if (st != HV_OK)
                return st;
            v = conv;
            goto store;
        }
        hv_unref(conv);
    }
    if (var->type && var->type->kind == HV_OBJECT && !var->type->element) {
        bool handled;
        hv_value conv;
        hv_status st = hv_class_convert(ctx, var->type, hv_ref(&v), &conv, &handled);
        if (handled) {
            hv_unref(v);
            if (st != HV_OK)
                return st;
            v = conv;
            goto store;
        }
    }
    if (var->type) {
        hv_value conv;
        hv_conv_err err;
        if (!hv_conv_to_type(&v, var->type, &conv, &err)) {
            hv_unref(v);
            hv_value rec = hv_err_new(ctx, "System.Management.Automation.ArgumentTransformationMetadataException",
                                      HV_CAT_MetadataError, "RuntimeException", NULL, NULL,
                                      "%s", err.msg);
            return hv_eval_raise(ctx, rec, false);
        }
        hv_unref(v);
        v = conv;
    }
store:;
    hv_value old = var->value;
    var->value = v;
    hv_unref(old);
    return HV_OK;
}

hv_status
hv_scope_assign(hv_ctx *ctx, hv_scope *scope, const char *name, hv_value v)
{
    if (!scope)
        scope = ctx->cur;
    hv_var *var = hv_scope_find_in(scope, name);
    if (!var && scope == ctx->cur) { /* AllScope: the one variable of every scope */
        hv_var *up = hv_scope_lookup(ctx, name);
        if (up && (up->options & HV_VAR_ALLSCOPE))
            var = up;
    }
    if (!var)
        var = hv_scope_new_var(ctx, scope, name);
    return hv_var_store(ctx, var, v);
}

hv_status
hv_scope_define(hv_ctx *ctx, hv_scope *scope, const char *name, hv_value v, unsigned options,
                bool force)
{
    if (!scope)
        scope = ctx->cur;
    hv_var *var = hv_scope_find_in(scope, name);
    if (var && (var->options & HV_VAR_CONSTANT)) {
        hv_unref(v);
        return not_writable(ctx, name);
    }
    if (var && (var->options & HV_VAR_READONLY) && !force) {
        hv_unref(v);
        return not_writable(ctx, name);
    }
    if (!var)
        var = hv_scope_new_var(ctx, scope, name);
    var->options = options;
    hv_value old = var->value;
    var->value = v;
    hv_unref(old);
    ctx->scope_epoch++;
    return HV_OK;
}

bool
hv_scope_remove(hv_ctx *ctx, hv_scope *scope, const char *name, bool force)
{
    for (hv_scope *s = scope ? scope : ctx->cur; s; s = scope ? NULL : s->parent) {
        if (!s->nbuckets)
            continue;
        uint32_t h = name_hash(name) & (s->nbuckets - 1);
        for (hv_var **pp = &s->buckets[h]; *pp; pp = &(*pp)->next_in_bucket) {
            hv_var *v = *pp;
            if (!hv_str_eq_ci(hv_str_cstr(&v->name), name))
                continue;
            if ((v->options & HV_VAR_CONSTANT) || ((v->options & HV_VAR_READONLY) && !force))
                return false;
            *pp = v->next_in_bucket;
            v->removed = true;
            v->next_in_bucket = s->dead;
            s->dead = v;
            s->count--;
            ctx->scope_epoch++;
            return true;
        }
    }
    return false;
}

static int
var_cmp(const void *a, const void *b)
{
    const hv_var *x = *(hv_var *const *)a, *y = *(hv_var *const *)b;
    return hv_str_cmp_ci(hv_str_cstr(&x->name), hv_str_cstr(&y->name));
}

hv_var **
hv_scope_list(hv_ctx *ctx, hv_scope *scope, bool only_this, size_t *n)
{
    size_t cap = 16, cnt = 0;
    hv_var **out = hv_xmalloc(cap * sizeof *out);
    if (!scope)
        scope = ctx->cur;
    for (hv_scope *s = scope; s; s = only_this ? NULL : s->parent) {
        for (uint32_t i = 0; i < s->nbuckets; i++) {
            for (hv_var *v = s->buckets[i]; v; v = v->next_in_bucket) {
                if ((v->options & HV_VAR_PRIVATE) && s != ctx->cur && s != scope)
                    continue;
                bool shadowed = false;
                for (size_t k = 0; k < cnt && !shadowed; k++)
                    shadowed = hv_str_eq_ci(hv_str_cstr(&out[k]->name), hv_str_cstr(&v->name));
                if (shadowed)
                    continue;
                if (cnt == cap)
                    out = hv_xrealloc(out, (cap *= 2) * sizeof *out);
                out[cnt++] = v;
            }
        }
    }
    qsort(out, cnt, sizeof *out, var_cmp);
    *n = cnt;
    return out;
}

/* ---- functions ---- */

static func_entry *
func_find(hv_scope *s, const char *name)
{
    for (size_t i = 0; i < s->nfuncs; i++)
        if (hv_str_eq_ci(s->funcs[i].name, name))
            return &s->funcs[i];
    return NULL;
}

hv_function *
hv_scope_func_lookup(hv_ctx *ctx, const char *name)
{
    for (hv_scope *s = ctx->cur; s; s = s->parent) {
        func_entry *e = func_find(s, name);
        if (e)
            return e->fn;
    }
    return NULL;
}

void
hv_scope_func_set(hv_ctx *ctx, hv_scope *scope, const char *name, hv_function *fn)
{
    if (!scope)
        scope = ctx->cur;
    hv_function_ref(fn);
    func_entry *e = func_find(scope, name);
    if (e) {
        hv_function_unref(e->fn);
        e->fn = fn;
    } else {
        scope->funcs = hv_xrealloc(scope->funcs, (scope->nfuncs + 1) * sizeof *scope->funcs);
        scope->funcs[scope->nfuncs++] = (func_entry){.name = hv_xstrdup(name), .fn = fn};
    }
    ctx->cmd_epoch++;
}

bool
hv_scope_func_remove(hv_ctx *ctx, const char *name)
{
    for (hv_scope *s = ctx->cur; s; s = s->parent) {
        func_entry *e = func_find(s, name);
        if (!e)
            continue;
        free(e->name);
        hv_function_unref(e->fn);
        *e = s->funcs[--s->nfuncs];
        ctx->cmd_epoch++;
        return true;
    }
    return false;
}

hv_function **
hv_scope_func_list(hv_ctx *ctx, size_t *n)
{
    size_t cnt = 0, cap = 8;
    hv_function **out = hv_xmalloc(cap * sizeof *out);
    for (hv_scope *s = ctx->cur; s; s = s->parent) {
        for (size_t i = 0; i < s->nfuncs; i++) {
            bool seen = false;
            for (size_t k = 0; k < cnt && !seen; k++)
                seen = hv_str_eq_ci(out[k]->name, s->funcs[i].name);
            if (seen)
                continue;
            if (cnt == cap)
                out = hv_xrealloc(out, (cap *= 2) * sizeof *out);
            out[cnt++] = s->funcs[i].fn;
        }
    }
    *n = cnt;
    return out;
}

/* ---- aliases ---- */

static alias_entry *
alias_find(hv_scope *s, const char *name)
{
    for (size_t i = 0; i < s->naliases; i++)
        if (hv_str_eq_ci(s->aliases[i].name, name))
            return &s->aliases[i];
    return NULL;
}

const char *
hv_scope_alias_lookup(hv_ctx *ctx, const char *name)
{
    for (hv_scope *s = ctx->cur; s; s = s->parent) {
        alias_entry *e = alias_find(s, name);
        if (e)
            return e->target;
    }
    return NULL;
}

void
hv_scope_alias_set(hv_ctx *ctx, hv_scope *scope, const char *name, const char *target,
                   const char *description)
{
    if (!scope)
        scope = ctx->cur;
    alias_entry *e = alias_find(scope, name);
    if (!e) {
        scope->aliases = hv_xrealloc(scope->aliases, (scope->naliases + 1) * sizeof *e);
        e = &scope->aliases[scope->naliases++];
        e->name = hv_xstrdup(name);
    } else {
        free(e->target);
        free(e->description);
    }
    e->target = hv_xstrdup(target);
    e->description = description ? hv_xstrdup(description) : NULL;
    ctx->cmd_epoch++;
}

bool
hv_scope_alias_remove(hv_ctx *ctx, const char *name)
{
    for (hv_scope *s = ctx->cur; s; s = s->parent) {
        alias_entry *e = alias_find(s, name);
        if (!e)
            continue;
        free(e->name);
        free(e->target);
        free(e->description);
        *e = s->aliases[--s->naliases];
        ctx->cmd_epoch++;
        return true;
    }
    return false;
}

size_t
hv_scope_alias_list(hv_ctx *ctx, const char ***names, const char ***targets)
{
    size_t cnt = 0, cap = 8;
    const char **n = hv_xmalloc(cap * sizeof *n), **t = hv_xmalloc(cap * sizeof *t);
    for (hv_scope *s = ctx->cur; s; s = s->parent) {
        for (size_t i = 0; i < s->naliases; i++) {
            bool seen = false;
            for (size_t k = 0; k < cnt && !seen; k++)
                seen = hv_str_eq_ci(n[k], s->aliases[i].name);
            if (seen)
                continue;
            if (cnt == cap) {
                cap *= 2;
                n = hv_xrealloc(n, cap * sizeof *n);
                t = hv_xrealloc(t, cap * sizeof *t);
            }
            n[cnt] = s->aliases[i].name;
            t[cnt++] = s->aliases[i].target;
        }
    }
    *names = n;
    *targets = t;
    return cnt;
}

/* ---- preferences ---- */

static const char *const action_names[] = {
    [HV_ACT_SILENTLY_CONTINUE] = "SilentlyContinue", [HV_ACT_STOP] = "Stop",
    [HV_ACT_CONTINUE] = "Continue", [HV_ACT_INQUIRE] = "Inquire", [HV_ACT_IGNORE] = "Ignore",
    [HV_ACT_SUSPEND] = "Suspend", [HV_ACT_BREAK] = "Break",
};

const char *
hv_action_name(hv_action a)
{
    return (unsigned)a < sizeof action_names / sizeof *action_names ? action_names[a] : "Continue";
}

bool
hv_action_parse(const hv_value *v, hv_action *out)
{
    if (v->kind == HV_INT || v->kind == HV_ENUM) {
        int64_t n = v->kind == HV_ENUM ? v->aux : hv_int_of(v);
        if (n < 0 || n > HV_ACT_BREAK)
            return false;
        *out = (hv_action)n;
        return true;
    }
    if (v->kind != HV_STRING)
        return false;
    for (size_t i = 0; i < sizeof action_names / sizeof *action_names; i++) {
        if (hv_str_eq_ci(hv_str_cstr(v), action_names[i])) {
            *out = (hv_action)i;
            return true;
        }
    }
    return false;
}

hv_action
hv_pref_get(hv_ctx *ctx, hv_pref which)
{
    static const char *const vars[HV_PREF__COUNT] = {
        [HV_PREF_ERROR] = "ErrorActionPreference", [HV_PREF_WARNING] = "WarningPreference",
        [HV_PREF_VERBOSE] = "VerbosePreference", [HV_PREF_DEBUG] = "DebugPreference",
        [HV_PREF_INFORMATION] = "InformationPreference", [HV_PREF_PROGRESS] = "ProgressPreference",
    };
    static const hv_action dflt[HV_PREF__COUNT] = {
        [HV_PREF_ERROR] = HV_ACT_CONTINUE, [HV_PREF_WARNING] = HV_ACT_CONTINUE,
        [HV_PREF_VERBOSE] = HV_ACT_SILENTLY_CONTINUE, [HV_PREF_DEBUG] = HV_ACT_SILENTLY_CONTINUE,
        [HV_PREF_INFORMATION] = HV_ACT_SILENTLY_CONTINUE, [HV_PREF_PROGRESS] = HV_ACT_CONTINUE,
    };
    if ((unsigned)which >= HV_PREF__COUNT)
        return HV_ACT_CONTINUE;
    hv_var *v = hv_scope_lookup(ctx, vars[which]);
    hv_action a;
    if (v && hv_action_parse(&v->value, &a))
        return a;
    return dflt[which];
}
