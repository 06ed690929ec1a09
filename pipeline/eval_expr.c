/* eval_expr.c — expressions: constants, strings, variables, operators, casts, arrays,
 * hashtables, script block literals, and assignments.
 *
 * Variable reads go through a per-node cache (hv_node_cache) validated by
 * ctx->scope_epoch, so a loop like `foreach ($i in 1..1e6) { $sum += $i }` hashes no names
 * after its first iteration; integer arithmetic on int32 never allocates.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define RTE "System.Management.Automation.RuntimeException"

/* ======================================================================================
 * variables
 * ====================================================================================== */

enum {
    SP_NORMAL = 0, SP_NULL, SP_TRUE, SP_FALSE, SP_QUESTION, SP_PWD, SP_ERROR, SP_PSITEM,
    SP_ENV, SP_GLOBAL, SP_SCRIPT, SP_LOCAL, SP_FUNCTION, SP_OTHER_DRIVE, SP_PID, SP_HOST_NULL
};

static int
classify_var(hv_ast *var)
{
    const char *n = var->u.var.name;
    switch (var->u.var.scope) {
    case HV_VS_ENV:
        return SP_ENV;
    case HV_VS_GLOBAL:
        return SP_GLOBAL;
    case HV_VS_SCRIPT:
        return SP_SCRIPT;
    case HV_VS_LOCAL:
    case HV_VS_PRIVATE:
        return SP_LOCAL;
    case HV_VS_FUNCTION:
        return SP_FUNCTION;
    case HV_VS_DRIVE:
    case HV_VS_ALIAS:
        return SP_OTHER_DRIVE;
    default:
        break;
    }
    if (hv_str_eq_ci(n, "null"))
        return SP_NULL;
    if (hv_str_eq_ci(n, "true"))
        return SP_TRUE;
    if (hv_str_eq_ci(n, "false"))
        return SP_FALSE;
    if (strcmp(n, "?") == 0)
        return SP_QUESTION;
    if (hv_str_eq_ci(n, "PWD"))
        return SP_PWD;
    if (hv_str_eq_ci(n, "Error"))
        return SP_ERROR;
    if (hv_str_eq_ci(n, "PSItem"))
        return SP_PSITEM;
    if (hv_str_eq_ci(n, "PID"))
        return SP_PID;
    return SP_NORMAL;
}

static const hv_obj_class pwd_class;

static hv_value
pwd_to_string(const hv_value *self)
{
    const hv_value *p = hv_obj_get(self, "Path");
    return p ? hv_ref(p) : hv_str("");
}

static const hv_obj_class pwd_class = {
    .type_name = "System.Management.Automation.PathInfo",
    .to_string = pwd_to_string,
};

static hv_value
pwd_value(void)
{
    char buf[4096];
    const char *cwd = getcwd(buf, sizeof buf) ? buf : "/";
    hv_value o = hv_obj_new(&pwd_class);
    hv_obj_set(&o, "Drive", hv_null());
    hv_obj_set(&o, "Provider", hv_str("Microsoft.PowerShell.Core\\FileSystem"));
    hv_obj_set(&o, "ProviderPath", hv_str(cwd));
    hv_obj_set(&o, "Path", hv_str(cwd));
    return o;
}

hv_value
hv_eval_pwd_value(void)
{
    return pwd_value();
}

static hv_status
undefined_var(hv_ctx *ctx, hv_ast *var, hv_value *out)
{
    /* Set-StrictMode 1.0 still allows an unset variable inside a string ("$x") */
    bool in_string = var->parent && var->parent->kind == HV_AST_EXPANDABLE;
    if (ctx->strict_version >= 2 || (ctx->strict_version == 1 && !in_string))
        return hv_eval_fail(ctx, var, RTE, HV_CAT_InvalidOperation, "VariableIsUndefined",
                            "The variable '$%s' cannot be retrieved because it has not been set.",
                            var->u.var.name);
    *out = hv_null();
    return HV_OK;
}

hv_value
hv_eval_var_by_name(hv_ctx *ctx, const char *name)
{
    hv_var *v = hv_scope_lookup(ctx, name);
    return v ? hv_ref(&v->value) : hv_null();
}

static hv_value
function_value(hv_ctx *ctx, const char *name)
{
    hv_function *fn = hv_scope_func_lookup(ctx, name);
    if (!fn)
        return hv_null();
    return hv_eval_block_new(ctx, fn->body);
}

hv_status
hv_eval_var_get(hv_ctx *ctx, hv_ast *var, hv_value *out)
{
    hv_node_cache *c = hv_eval_cache_of(ctx, var);
    if (c->special < 0)
        c->special = classify_var(var);
    switch (c->special) {
    case SP_NORMAL:
        if (c->epoch != ctx->scope_epoch) {
            c->rvar = hv_scope_lookup(ctx, var->u.var.name);
            c->epoch = ctx->scope_epoch;
        }
        if (!c->rvar)
            return undefined_var(ctx, var, out);
        *out = hv_qref(&c->rvar->value);
        return HV_OK;
    case SP_NULL:
        *out = hv_null();
        return HV_OK;
    case SP_TRUE:
        *out = hv_bool(true);
        return HV_OK;
    case SP_FALSE:
        *out = hv_bool(false);
        return HV_OK;
    case SP_QUESTION:
        *out = hv_bool(ctx->last_success);
        return HV_OK;
    case SP_PWD:
        *out = pwd_value();
        return HV_OK;
    case SP_PID:
        *out = hv_int((int32_t)getpid());
        return HV_OK;
    case SP_ERROR:
        if (ctx->error_list.kind != HV_ARRAY) {
            ctx->error_list = hv_array_new(8);
            ctx->error_list.sub = HV_TA_LIST; /* an ArrayList, as in pwsh */
        }
        *out = hv_ref(&ctx->error_list);
        return HV_OK;
    case SP_PSITEM: {
        hv_var *v = hv_scope_lookup(ctx, "_");
        *out = v ? hv_ref(&v->value) : hv_null();
        return HV_OK;
    }
    case SP_ENV: {
        const char *e = getenv(var->u.var.name);
        *out = e ? hv_str(e) : hv_null();
        return HV_OK;
    }
    case SP_GLOBAL:
    case SP_SCRIPT: {
        hv_var *v = hv_scope_find_in(c->special == SP_GLOBAL ? ctx->global : ctx->script,
                                     var->u.var.name);
        if (!v)
            return undefined_var(ctx, var, out);
        *out = hv_ref(&v->value);
        return HV_OK;
    }
    case SP_LOCAL: {
        hv_var *v = hv_scope_find_in(ctx->cur, var->u.var.name);
        if (!v)
            return undefined_var(ctx, var, out);
        *out = hv_ref(&v->value);
        return HV_OK;
    }
    case SP_FUNCTION:
        *out = function_value(ctx, var->u.var.name);
        return HV_OK;
    default:
        *out = hv_null();
        return HV_OK;
    }
}

/* Assignment to a variable node ($x, $global:x, $env:X, ${function:f}). MOVES v. */
static hv_status
var_assign(hv_ctx *ctx, hv_ast *var, hv_value v, const hv_type_info *constraint)
{
    hv_node_cache *c = hv_eval_cache_of(ctx, var);
    if (c->special < 0)
        c->special = classify_var(var);
    if (v.kind == HV_NULL)
        v = hv_null(); /* AutomationNull becomes $null when stored */
    const char *name = var->u.var.name;
    hv_scope *scope = ctx->cur;
    switch (c->special) {
    case SP_NULL:
        hv_unref(v);
        return HV_OK;
    case SP_ENV: {
        hv_value s = hv_conv_to_string(&v, NULL);
        if (v.kind == HV_NULL || hv_str_len(&s) == 0)
            unsetenv(name);
        else
            setenv(name, hv_str_cstr(&s), 1);
        hv_unref(s);
        hv_unref(v);
        return HV_OK;
    }
    case SP_FUNCTION: {
        if (hv_eval_is_block(&v)) {
            hv_function *fn = hv_eval_function_new(ctx, name, (hv_ast *)hv_eval_block_ast(&v),
                                                   NULL, HV_FUNC_FUNCTION);
            hv_scope_func_set(ctx, NULL, name, fn);
            hv_function_unref(fn);
        }
        hv_unref(v);
        return HV_OK;
    }
    case SP_GLOBAL:
        scope = ctx->global;
        break;
    case SP_SCRIPT:
        scope = ctx->script;
        break;
    case SP_TRUE:
    case SP_FALSE:
    case SP_QUESTION:
        hv_unref(v);
        return hv_eval_fail(ctx, var, "System.Management.Automation.SessionStateUnauthorizedAccessException",
                            HV_CAT_WriteError, "VariableNotWritable",
                            "Cannot overwrite variable %s because it is read-only or constant.", name);
    case SP_ERROR:
        hv_unref(ctx->error_list);
        ctx->error_list = v.kind == HV_ARRAY ? v : hv_array_new(0);
        if (v.kind != HV_ARRAY)
            hv_unref(v);
        return HV_OK;
    case SP_PSITEM:
        name = "_";
        break;
    default:
        break;
    }
    hv_var *target;
    if (scope == ctx->cur && c->special == SP_NORMAL && c->lepoch == ctx->scope_epoch && c->lvar) {
        target = c->lvar;
    } else {
        target = hv_scope_find_in(scope, name);
        if (!target && scope == ctx->cur) {
            /* an AllScope variable (New-Variable -Option AllScope) is one variable in
             * every scope: assignment in a child scope changes it */
            hv_var *up = hv_scope_lookup(ctx, name);
            if (up && (up->options & HV_VAR_ALLSCOPE))
                target = up;
        }
        if (!target)
            target = hv_scope_new_var(ctx, scope, name);
        if (scope == ctx->cur) {
            c->lvar = target;
            c->lepoch = ctx->scope_epoch;
        }
    }
    if (var->u.var.scope == HV_VS_PRIVATE)
        target->options |= HV_VAR_PRIVATE;
    if (constraint)
        target->type = constraint;
    return hv_var_store(ctx, target, v);
}

hv_status
hv_eval_set_var(hv_ctx *ctx, const char *name, hv_value v)
{
    return hv_scope_assign(ctx, NULL, name, v);
}

/* ======================================================================================
 * constants and strings
 * ====================================================================================== */

/* The scale (digits after the point) of a decimal literal as written: trailing zeros in
 * a decimal literal are significant (about_Numeric_Literals: 1.30Dmb is 1363148.80). The
 * scale lives in hv_value.pad of a [decimal] (0 = as few digits as needed). */
static uint16_t
decimal_literal_scale(const char *text)
{
    const char *dot = text ? strchr(text, '.') : NULL;
    if (!dot || strncasecmp(text, "0x", 2) == 0)
        return 0;
    int frac = 0;
    const char *c = dot + 1;
    while (*c >= '0' && *c <= '9')
        c++, frac++;
    if (*c == 'e' || *c == 'E')
        frac -= atoi(c + 1);
    return (uint16_t)(frac < 0 ? 0 : frac > 28 ? 28 : frac);
}

static hv_value
constant_value(hv_ast *n)
{
    hv_ast_numkind k = n->u.num.nkind;
    switch (k) {
    case HV_AST_N_DECIMAL: {
        hv_value v = hv_doublek(n->u.num.v.d, HV_N_DECIMAL);
        v.pad = decimal_literal_scale(n->u.num.text);
        return v;
    }
    case HV_AST_N_DOUBLE:
    case HV_AST_N_FLOAT:
        return hv_doublek(n->u.num.v.d, (hv_numkind)k);
    case HV_AST_N_UINT64:
        return hv_uint64(n->u.num.v.u);
    case HV_AST_N_INT32:
        return hv_int((int32_t)n->u.num.v.i);
    default:
        return hv_intk(n->u.num.v.i, (hv_numkind)k);
    }
}

static const char *
ofs_of(hv_ctx *ctx, hv_value *holder)
{
    hv_var *v = hv_scope_lookup(ctx, "OFS");
    if (!v || v->value.kind == HV_NULL)
        return NULL;
    *holder = hv_conv_to_string(&v->value, NULL);
    return hv_str_cstr(holder);
}

static hv_status
eval_expandable(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    hv_buf b = {0};
    hv_value ofs_holder = hv_null();
    const char *ofs = NULL;
    bool ofs_done = false;
    for (uint32_t i = 0; i < node->u.xstr.parts.n; i++) {
        hv_ast *p = node->u.xstr.parts.items[i];
        if (p->kind == HV_AST_STRING) {
            hv_buf_put(&b, p->u.str.value, p->u.str.len);
            continue;
        }
        hv_value v;
        hv_status st = hv_eval_expr(ctx, p, &v);
        if (st != HV_OK) {
            hv_buf_free(&b);
            hv_unref(ofs_holder);
            return st;
        }
        if (v.kind == HV_ARRAY && !ofs_done) {
            ofs = ofs_of(ctx, &ofs_holder);
            ofs_done = true;
        }
        hv_conv_append_string(&b, &v, ofs);
        hv_unref(v);
    }
    hv_unref(ofs_holder);
    *out = b.data ? hv_buf_finish(&b) : hv_str_empty();
    return HV_OK;
}

/* ======================================================================================
 * operators
 * ====================================================================================== */

static const int binop_map[HVA_OP__COUNT] = {
    [HVA_OP_ADD] = HV_OP_ADD + 1, [HVA_OP_SUB] = HV_OP_SUB + 1, [HVA_OP_MUL] = HV_OP_MUL + 1,
    [HVA_OP_DIV] = HV_OP_DIV + 1, [HVA_OP_MOD] = HV_OP_MOD + 1, [HVA_OP_EQ] = HV_OP_EQ + 1,
    [HVA_OP_NE] = HV_OP_NE + 1, [HVA_OP_GT] = HV_OP_GT + 1, [HVA_OP_GE] = HV_OP_GE + 1,
    [HVA_OP_LT] = HV_OP_LT + 1, [HVA_OP_LE] = HV_OP_LE + 1, [HVA_OP_LIKE] = HV_OP_LIKE + 1,
    [HVA_OP_NOTLIKE] = HV_OP_NOTLIKE + 1, [HVA_OP_MATCH] = HV_OP_MATCH + 1,
    [HVA_OP_NOTMATCH] = HV_OP_NOTMATCH + 1, [HVA_OP_REPLACE] = HV_OP_REPLACE + 1,
    [HVA_OP_CONTAINS] = HV_OP_CONTAINS + 1, [HVA_OP_NOTCONTAINS] = HV_OP_NOTCONTAINS + 1,
    [HVA_OP_IN] = HV_OP_IN + 1, [HVA_OP_NOTIN] = HV_OP_NOTIN + 1, [HVA_OP_SPLIT] = HV_OP_SPLIT + 1,
    [HVA_OP_JOIN] = HV_OP_JOIN + 1, [HVA_OP_IS] = HV_OP_IS + 1, [HVA_OP_ISNOT] = HV_OP_ISNOT + 1,
    [HVA_OP_AS] = HV_OP_AS + 1, [HVA_OP_FORMAT] = HV_OP_FORMAT + 1, [HVA_OP_BAND] = HV_OP_BAND + 1,
    [HVA_OP_BOR] = HV_OP_BOR + 1, [HVA_OP_BXOR] = HV_OP_BXOR + 1, [HVA_OP_SHL] = HV_OP_SHL + 1,
    [HVA_OP_SHR] = HV_OP_SHR + 1,
    [HVA_OP_ADD_ASSIGN] = HV_OP_ADD + 1, [HVA_OP_SUB_ASSIGN] = HV_OP_SUB + 1,
    [HVA_OP_MUL_ASSIGN] = HV_OP_MUL + 1, [HVA_OP_DIV_ASSIGN] = HV_OP_DIV + 1,
    [HVA_OP_MOD_ASSIGN] = HV_OP_MOD + 1,
};

static hv_err_category
op_err_category(const char *msg, const char **exc, const char **id)
{
    *exc = RTE;
    *id = "RuntimeException";
    if (strstr(msg, "divide by zero")) {
        *exc = "System.DivideByZeroException";
        return HV_CAT_NotSpecified;
    }
    if (strncmp(msg, "Cannot convert", 14) == 0) {
        *exc = "System.Management.Automation.PSInvalidCastException";
        *id = "InvalidCastFromStringToInteger";
        return HV_CAT_InvalidArgument;
    }
    if (strncmp(msg, "Method invocation failed", 24) == 0) {
        *id = "MethodNotFound";
        return HV_CAT_InvalidOperation;
    }
    if (strstr(msg, "regular expression") || strstr(msg, "pattern")) {
        *id = "InvalidRegularExpression";
        return HV_CAT_InvalidOperation;
    }
    return HV_CAT_InvalidOperation;
}

static hv_status
op_failed(hv_ctx *ctx, hv_ast *node, const hv_conv_err *err)
{
    const char *exc, *id;
    hv_err_category cat = op_err_category(err->msg, &exc, &id);
    if (strcmp(exc, "System.DivideByZeroException") == 0) {
        /* pwsh reports a RuntimeException whose InnerException is the .NET one; catch
         * [DivideByZeroException] matches through the inner exception */
        hv_status st = hv_eval_fail(ctx, node, RTE, cat, id, "%s", err->msg);
        hv_eval_set_inner_exception(ctx, exc, err->msg);
        return st;
    }
    return hv_eval_fail(ctx, node, exc, cat, id, "%s", err->msg);
}

/* int64 fast paths (int32 op int64 / int64 op int64 without overflow give int64, as .NET's
 * widening does): no allocation, no call into ops.c. true when handled. */
static inline bool
fast_long_op(int op, const hv_value *l, const hv_value *r, hv_value *out)
{
    if ((l->sub != HV_N_INT32 && l->sub != HV_N_INT64) || (r->sub != HV_N_INT32 && r->sub != HV_N_INT64))
        return false;
    int64_t a = l->u.i, b = r->u.i, x;
    switch (op) {
    case HV_OP_ADD + 1: if (__builtin_add_overflow(a, b, &x)) return false; break;
    case HV_OP_SUB + 1: if (__builtin_sub_overflow(a, b, &x)) return false; break;
    case HV_OP_MUL + 1: if (__builtin_mul_overflow(a, b, &x)) return false; break;
    case HV_OP_EQ + 1: *out = hv_bool(a == b); return true;
    case HV_OP_NE + 1: *out = hv_bool(a != b); return true;
    case HV_OP_LT + 1: *out = hv_bool(a < b); return true;
    case HV_OP_LE + 1: *out = hv_bool(a <= b); return true;
    case HV_OP_GT + 1: *out = hv_bool(a > b); return true;
    case HV_OP_GE + 1: *out = hv_bool(a >= b); return true;
    default: return false;
    }
    *out = hv_long(x);
    return true;
}

/* double op double/int32/int64: IEEE arithmetic, as .NET widening gives. */
static inline bool
fast_double_op(int op, const hv_value *l, const hv_value *r, hv_value *out)
{
    double a, b;
    if (l->kind == HV_DOUBLE && l->sub == HV_N_DOUBLE)
        a = l->u.d;
    else if (l->kind == HV_INT && (l->sub == HV_N_INT32 || l->sub == HV_N_INT64))
        a = (double)l->u.i;
    else
        return false;
    if (r->kind == HV_DOUBLE && r->sub == HV_N_DOUBLE)
        b = r->u.d;
    else if (r->kind == HV_INT && (r->sub == HV_N_INT32 || r->sub == HV_N_INT64))
        b = (double)r->u.i;
    else
        return false;
    switch (op) {
    case HV_OP_ADD + 1: *out = hv_double(a + b); return true;
    case HV_OP_SUB + 1: *out = hv_double(a - b); return true;
    case HV_OP_MUL + 1: *out = hv_double(a * b); return true;
    case HV_OP_LT + 1: *out = hv_bool(a < b); return true;
    case HV_OP_LE + 1: *out = hv_bool(a <= b); return true;
    case HV_OP_GT + 1: *out = hv_bool(a > b); return true;
    case HV_OP_GE + 1: *out = hv_bool(a >= b); return true;
    default: return false;
    }
}

/* int32 fast paths: no allocation, no call into ops.c. true when handled. */
static inline bool
fast_int_op(int op, const hv_value *l, const hv_value *r, hv_value *out)
{
    if (l->kind == HV_DOUBLE || r->kind == HV_DOUBLE)
        return (l->kind == HV_DOUBLE || l->kind == HV_INT) &&
               (r->kind == HV_DOUBLE || r->kind == HV_INT) && fast_double_op(op, l, r, out);
    if (l->kind != HV_INT || r->kind != HV_INT)
        return false;
    if (l->sub != HV_N_INT32 || r->sub != HV_N_INT32)
        return fast_long_op(op, l, r, out);
    int64_t a = l->u.i, b = r->u.i, x;
    switch (op) {
    case HV_OP_ADD + 1: x = a + b; break;
    case HV_OP_SUB + 1: x = a - b; break;
    case HV_OP_MUL + 1: x = a * b; break;
    case HV_OP_EQ + 1: *out = hv_bool(a == b); return true;
    case HV_OP_NE + 1: *out = hv_bool(a != b); return true;
    case HV_OP_LT + 1: *out = hv_bool(a < b); return true;
    case HV_OP_LE + 1: *out = hv_bool(a <= b); return true;
    case HV_OP_GT + 1: *out = hv_bool(a > b); return true;
    case HV_OP_GE + 1: *out = hv_bool(a >= b); return true;
    default: return false;
    }
    if (x < INT32_MIN || x > INT32_MAX)
        return false;
    *out = hv_int((int32_t)x);
    return true;
}

/* -replace with a script block: `s -replace 'p', { $_.Value }` */
static hv_status
replace_with_block(hv_ctx *ctx, hv_ast *node, const hv_value *input, const hv_value *pattern,
                   const hv_value *block, bool cs, hv_value *out)
{
    if (input->kind == HV_ARRAY) {
        hv_value arr = hv_array_new(hv_array_len(input));
        for (size_t i = 0; i < hv_array_len(input); i++) {
            hv_value one;
            hv_status st = replace_with_block(ctx, node, hv_array_at(input, i), pattern, block, cs, &one);
            if (st != HV_OK) {
                hv_unref(arr);
                return st;
            }
            hv_array_push(&arr, one);
        }
        *out = arr;
        return HV_OK;
    }
    hv_value s = hv_conv_to_string(input, NULL), p = hv_conv_to_string(pattern, NULL);
    hv_conv_err err;
    hv_regex *re = hv_regex_get(hv_str_cstr(&p), cs, &err);
    hv_unref(p);
    if (!re) {
        hv_unref(s);
        return op_failed(ctx, node, &err);
    }
    const char *str = hv_str_cstr(&s);
    size_t len = hv_str_len(&s), pos = 0, ms, me;
    hv_buf b = {0};
    hv_status st = HV_OK;
    while (pos <= len && hv_regex_exec(re, str, len, pos, &ms, &me)) {
        hv_buf_put(&b, str + pos, ms - pos);
        hv_value m = hv_regex_match_object(re, str, len, ms);
        hv_collector c;
        hv_collect_init(&c);
        st = hv_eval_invoke_block(ctx, block, &m, NULL, 0, false, &c.sink);
        hv_unref(m);
        if (st != HV_OK) {
            hv_collect_free(&c);
            break;
        }
        hv_value r = hv_collect_result(&c);
        hv_conv_append_string(&b, &r, NULL);
        hv_unref(r);
        hv_collect_free(&c);
        if (me == ms) {
            if (me < len)
                hv_buf_putc(&b, str[me]);
            pos = me + 1;
        } else {
            pos = me;
        }
    }
    if (st == HV_OK && pos < len)
        hv_buf_put(&b, str + pos, len - pos);
    hv_unref(s);
    if (st != HV_OK) {
        hv_buf_free(&b);
        return st;
    }
    *out = b.data ? hv_buf_finish(&b) : hv_str_empty();
    return HV_OK;
}

/* -split { predicate } [, max]: split where the block is true for a character ($_),
 * dropping that character. */
static hv_status
split_with_block(hv_ctx *ctx, const hv_value *l, const hv_value *r, hv_value *out)
{
    const hv_value *blk = r->kind == HV_ARRAY ? hv_array_at(r, 0) : r;
    int64_t max = 0;
    hv_conv_err err;
    if (r->kind == HV_ARRAY && hv_array_len(r) >= 2 && !hv_conv_to_int64(hv_array_at(r, 1), &max, &err))
        max = 0;
    hv_value res = hv_array_new(4);
    size_t nin = l->kind == HV_ARRAY ? hv_array_len(l) : 1;
    hv_status st = HV_OK;
    for (size_t k = 0; k < nin && st == HV_OK; k++) {
        hv_value sv = hv_conv_to_string(l->kind == HV_ARRAY ? hv_array_at(l, k) : l, NULL);
        const char *str = hv_str_cstr(&sv);
        size_t len = hv_str_len(&sv), start = 0, i = 0;
        int64_t pieces = 1;
        while (i < len && st == HV_OK && (max <= 0 || pieces < max)) {
            size_t at = i;
            uint32_t cp = hv_utf8_next(str, len, &i);
            hv_value ch = hv_char(cp);
            hv_collector c;
            hv_collect_init(&c);
            st = hv_eval_invoke_block(ctx, blk, &ch, NULL, 0, false, &c.sink);
            hv_value rv = hv_collect_result(&c);
            bool hit = st == HV_OK && hv_conv_to_bool(&rv);
            hv_unref(rv);
            hv_collect_free(&c);
            if (hit) {
                hv_array_push(&res, hv_strn(str + start, at - start));
                start = i;
                pieces++;
            }
        }
        hv_array_push(&res, hv_strn(str + start, len - start));
        hv_unref(sv);
    }
    if (st != HV_OK) {
        hv_unref(res);
        return st;
    }
    *out = res;
    return HV_OK;
}

static hv_status
set_matches(hv_ctx *ctx, hv_value m)
{
    if (m.kind == HV_NULL)
        return HV_OK;
    return hv_scope_assign(ctx, NULL, "Matches", m);
}

/* A comparison with a class instance on the left uses the class's Equals() (-eq, -ne) or
 * CompareTo() (-lt, -le, -gt, -ge) when it defines them (IEquatable / IComparable, see
 * about_Classes_Inheritance). *handled false: the ordinary operator applies. */
static hv_status
class_compare(hv_ctx *ctx, hv_binop op, const hv_value *l, const hv_value *r, hv_value *out,
              bool *handled)
{
    bool eq = op == HV_OP_EQ || op == HV_OP_NE;
    hv_value arg = hv_ref(r), res;
    bool found = false;
    hv_status st = hv_class_call(ctx, l, eq ? "Equals" : "CompareTo", &arg, 1, &res, &found);
    hv_unref(arg);
    *handled = found;
    if (!found || st != HV_OK) {
        if (found)
            hv_unref(res);
        return st;
    }
    if (eq) {
        bool b = hv_conv_to_bool(&res);
        *out = hv_bool(op == HV_OP_EQ ? b : !b);
    } else {
        int64_t c = 0;
        hv_conv_err err;
        if (!hv_conv_to_int64(&res, &c, &err))
            c = 0;
        *out = hv_bool(op == HV_OP_LT ? c < 0 : op == HV_OP_LE ? c <= 0 : op == HV_OP_GT ? c > 0 : c >= 0);
    }
    hv_unref(res);
    return HV_OK;
}

/* l op r for a mapped hv_binop (+1); consumes nothing. */
static hv_status
apply_binop(hv_ctx *ctx, hv_ast *node, int mop, bool cs, const hv_value *l, const hv_value *r,
            hv_value *out)
{
    if (fast_int_op(mop, l, r, out))
        return HV_OK;
    hv_binop op = (hv_binop)(mop - 1);
    if (op >= HV_OP_EQ && op <= HV_OP_LE && l->kind == HV_OBJECT && hv_class_is_instance(l)) {
        bool handled;
        hv_status st = class_compare(ctx, op, l, r, out, &handled);
        if (handled)
            return st;
    }
    if (op == HV_OP_SPLIT && (hv_eval_is_block(r) || (r->kind == HV_ARRAY && hv_array_len(r) >= 1 &&
                                                       hv_eval_is_block(hv_array_at(r, 0)))))
        return split_with_block(ctx, l, r, out);
    if (op == HV_OP_REPLACE && r->kind == HV_ARRAY && hv_array_len(r) == 2 &&
        hv_eval_is_block(hv_array_at(r, 1)))
        return replace_with_block(ctx, node, l, hv_array_at(r, 0), hv_array_at(r, 1), cs, out);
    hv_value m = hv_null();
    hv_conv_err err;
    bool want_m = op == HV_OP_MATCH || op == HV_OP_NOTMATCH;
    if (!hv_op_binary(op, cs ? HV_OPF_CASE_SENSITIVE : 0, l, r, out, want_m ? &m : NULL, &err)) {
        hv_unref(m);
        return op_failed(ctx, node, &err);
    }
    if (want_m)
        return set_matches(ctx, m);
    return HV_OK;
}

static hv_status
make_range(hv_ctx *ctx, hv_ast *node, const hv_value *l, const hv_value *r, hv_value *out)
{
    (void)ctx;
    bool chars = l->kind == HV_CHAR && (r->kind == HV_CHAR || r->kind == HV_STRING);
    int64_t lo, hi;
    hv_conv_err err;
    if (chars || (l->kind == HV_STRING && r->kind == HV_STRING && hv_str_len(l) == 1 &&
                  hv_str_len(r) == 1 && !(hv_str_cstr(l)[0] >= '0' && hv_str_cstr(l)[0] <= '9'))) {
        size_t i = 0;
        lo = l->kind == HV_CHAR ? l->u.i : hv_utf8_next(hv_str_cstr(l), hv_str_len(l), &i);
        i = 0;
        hi = r->kind == HV_CHAR ? r->u.i : hv_utf8_next(hv_str_cstr(r), hv_str_len(r), &i);
        chars = true;
    } else if (!hv_conv_to_int64(l, &lo, &err) || !hv_conv_to_int64(r, &hi, &err)) {
        return op_failed(ctx, node, &err);
    }
    uint64_t n = (uint64_t)(lo <= hi ? hi - lo : lo - hi) + 1;
    if (n > 50000000)
        return hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "RangeTooLarge",
                            "The range is too large.");
    hv_value arr = hv_array_new((size_t)n);
    int64_t step = lo <= hi ? 1 : -1;
    for (int64_t i = lo;; i += step) {
        hv_array_push(&arr, chars ? hv_char((uint32_t)i)
                                  : (i >= INT32_MIN && i <= INT32_MAX ? hv_int((int32_t)i) : hv_long(i)));
        if (i == hi)
            break;
    }
    *out = arr;
    return HV_OK;
}

static hv_status
eval_binary(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    hv_ast_op op = node->u.bin.op;
    hv_value l;
    hv_status st = hv_eval_expr(ctx, node->u.bin.left, &l);
    if (st != HV_OK)
        return st;
    if (op == HVA_OP_AND || op == HVA_OP_OR) {
        bool lb = hv_conv_to_bool(&l);
        hv_unref(l);
        if ((op == HVA_OP_AND && !lb) || (op == HVA_OP_OR && lb)) {
            *out = hv_bool(lb);
            return HV_OK;
        }
        hv_value r;
        if ((st = hv_eval_expr(ctx, node->u.bin.right, &r)) != HV_OK)
            return st;
        *out = hv_bool(hv_conv_to_bool(&r));
        hv_unref(r);
        return HV_OK;
    }
    if (op == HVA_OP_COALESCE) {
        if (l.kind != HV_NULL) {
            *out = l;
            return HV_OK;
        }
        return hv_eval_expr(ctx, node->u.bin.right, out);
    }
    hv_value r;
    if ((st = hv_eval_expr(ctx, node->u.bin.right, &r)) != HV_OK) {
        hv_unref(l);
        return st;
    }
    if (op == HVA_OP_XOR) {
        *out = hv_bool(hv_conv_to_bool(&l) != hv_conv_to_bool(&r));
    } else if (op == HVA_OP_RANGE) {
        st = make_range(ctx, node, &l, &r, out);
    } else {
        int mop = (unsigned)op < HVA_OP__COUNT ? binop_map[op] : 0;
        if (!mop)
            st = hv_eval_fail(ctx, node, RTE, HV_CAT_NotImplemented, "OperatorNotSupported",
                              "The operator '%s' is not supported.", node->u.bin.op_text);
        else
            st = apply_binop(ctx, node, mop, node->u.bin.case_sensitive, &l, &r, out);
    }
    hv_qunref(l);
    hv_qunref(r);
    return st;
}

static hv_status
eval_incdec(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    hv_ast_op op = node->u.un.op;
    hv_value cur;
    hv_status st = hv_eval_expr(ctx, node->u.un.operand, &cur);
    if (st != HV_OK)
        return st;
    if (cur.kind == HV_NULL)
        cur = hv_int(0);
    hv_value one = hv_int(1), nv;
    bool inc = op == HVA_OP_PREINC || op == HVA_OP_POSTINC;
    if ((st = apply_binop(ctx, node, (inc ? HV_OP_ADD : HV_OP_SUB) + 1, false, &cur, &one, &nv)) != HV_OK) {
        hv_unref(cur);
        return st;
    }
    bool post = op == HVA_OP_POSTINC || op == HVA_OP_POSTDEC;
    *out = post ? hv_qref(&cur) : hv_qref(&nv);
    hv_qunref(cur);
    st = hv_eval_assign_to(ctx, node->u.un.operand, nv);
    if (st != HV_OK) {
        hv_unref(*out);
        *out = hv_null();
    }
    return st;
}

static hv_status
eval_unary(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    hv_ast_op op = node->u.un.op;
    if (op == HVA_OP_PREINC || op == HVA_OP_PREDEC || op == HVA_OP_POSTINC || op == HVA_OP_POSTDEC)
        return eval_incdec(ctx, node, out);
    hv_value v;
    hv_status st = hv_eval_expr(ctx, node->u.un.operand, &v);
    if (st != HV_OK)
        return st;
    if (op == HVA_OP_NOT) {
        *out = hv_bool(!hv_conv_to_bool(&v));
        hv_unref(v);
        return HV_OK;
    }
    if (op == HVA_OP_UCOMMA) {
        hv_value a = hv_array_new(1);
        hv_array_push(&a, v.kind == HV_NULL ? hv_null() : v);
        *out = a;
        return HV_OK;
    }
    if (op == HVA_OP_NEGATE && v.kind == HV_INT && v.sub == HV_N_INT32 && v.u.i != INT32_MIN) {
        *out = hv_int((int32_t)-v.u.i);
        return HV_OK;
    }
    hv_unop uop;
    switch (op) {
    case HVA_OP_BNOT: uop = HV_UOP_BNOT; break;
    case HVA_OP_NEGATE: uop = HV_UOP_NEG; break;
    case HVA_OP_PLUS: uop = HV_UOP_PLUS; break;
    case HVA_OP_USPLIT: uop = HV_UOP_SPLIT; break;
    case HVA_OP_UJOIN: uop = HV_UOP_JOIN; break;
    default:
        hv_unref(v);
        return hv_eval_fail(ctx, node, RTE, HV_CAT_NotImplemented, "OperatorNotSupported",
                            "The unary operator is not supported.");
    }
    hv_conv_err err;
    if (!hv_op_unary(uop, &v, out, &err))
        st = op_failed(ctx, node, &err);
    hv_unref(v);
    return st;
}

/* ======================================================================================
 * casts and types
 * ====================================================================================== */

const hv_type_info *
hv_eval_type(hv_ctx *ctx, const hv_ast_typename *tn)
{
    const hv_type_info *t = hv_class_lookup_type(ctx, tn->full);
    if (t)
        return t;
    t = hv_type_lookup(tn->full);
    if (t)
        return t;
    /* `using namespace X` and the implicit System namespace */
    char buf[512];
    snprintf(buf, sizeof buf, "System.%s", tn->full);
    if ((t = hv_type_lookup(buf)))
        return t;
    for (size_t i = 0; ctx->usings.kind == HV_ARRAY && i < hv_array_len(&ctx->usings); i++) {
        snprintf(buf, sizeof buf, "%s.%s", hv_str_cstr(hv_array_at(&ctx->usings, i)), tn->full);
        if ((t = hv_type_lookup(buf)))
            return t;
    }
    if ((t = hv_eval_exception_type(tn->full)))
        return t;
    if (hv_str_eq_ci(tn->full, "psnoteproperty") ||
        hv_str_eq_ci(tn->full, "System.Management.Automation.PSNoteProperty"))
        return hv_eval_noteprop_type();
    if (tn->rank == 1 && tn->element) {
        const hv_type_info *el = hv_eval_type(ctx, tn->element);
        if (el)
            return hv_type_array_of(el);
    }
    return NULL;
}

/* [C[]] for a user class C: each element converted as [C] would. MOVES v. *handled false
 * when t is not an array of a user class. */
hv_status
hv_eval_convert_class_array(hv_ctx *ctx, const hv_type_info *t, hv_value v, hv_value *out,
                            bool *handled)
{
    *handled = false;
    if (!t->element || t->element->kind != HV_OBJECT || !hv_class_lookup_type(ctx, t->element->full_name)) {
        *out = v;
        return HV_OK;
    }
    *handled = true;
    hv_value src = v;
    if (src.kind != HV_ARRAY) {
        src = hv_array_new(1);
        if (v.kind != HV_NULL)
            hv_array_push(&src, v);
    }
    hv_value res = hv_array_new(hv_array_len(&src));
    hv_status st = HV_OK;
    for (size_t i = 0; i < hv_array_len(&src) && st == HV_OK; i++) {
        hv_value one;
        bool h;
        st = hv_class_convert(ctx, t->element, hv_ref(hv_array_at(&src, i)), &one, &h);
        if (st == HV_OK)
            hv_array_push(&res, one);
    }
    hv_unref(src);
    if (st != HV_OK) {
        hv_unref(res);
        *out = hv_null();
        return st;
    }
    *out = res;
    return HV_OK;
}

static hv_status
type_not_found(hv_ctx *ctx, hv_ast *node, const hv_ast_typename *tn)
{
    return hv_eval_fail(ctx, node, RTE, HV_CAT_InvalidOperation, "TypeNotFound",
                        "Unable to find type [%s].", tn->full);
}

static hv_status eval_hashtable(hv_ctx *ctx, hv_ast *node, bool as_object, hv_value *out);

/* [ref]$var references the variable (created in the current scope if missing); [ref]expr
 * a copy of the value; [ref] of a reference is the same reference. */
static hv_status
make_ref(hv_ctx *ctx, hv_ast *operand, hv_value *out)
{
    while (operand->kind == HV_AST_PAREN && hv_ast_pure_expr(operand->u.paren.stmt))
        operand = hv_ast_pure_expr(operand->u.paren.stmt);
    if (operand->kind == HV_AST_VARIABLE && operand->u.var.scope != HV_VS_ENV) {
        hv_var *var = hv_scope_lookup(ctx, operand->u.var.name);
        if (var && hv_eval_is_ref(&var->value)) {
            *out = hv_ref(&var->value);
            return HV_OK;
        }
        if (!var)
            var = hv_scope_new_var(ctx, ctx->cur, operand->u.var.name);
        *out = hv_eval_ref_new(var, hv_null());
        return HV_OK;
    }
    hv_value v;
    hv_status st = hv_eval_expr(ctx, operand, &v);
    if (st != HV_OK)
        return st;
    if (hv_eval_is_ref(&v)) {
        *out = v;
        return HV_OK;
    }
    *out = hv_eval_ref_new(NULL, v.kind == HV_NULL ? hv_null() : v);
    return HV_OK;
}

static hv_status
eval_convert(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    const hv_ast_typename *tn = node->u.conv.type;
    hv_ast *operand = node->u.conv.operand;
    if ((hv_str_eq_ci(tn->full, "pscustomobject") || hv_str_eq_ci(tn->full, "psobject") ||
         hv_str_eq_ci(tn->full, "System.Management.Automation.PSCustomObject")) &&
        operand->kind == HV_AST_HASHTABLE)
        return eval_hashtable(ctx, operand, true, out);
    if (hv_str_eq_ci(tn->full, "ordered") && operand->kind == HV_AST_HASHTABLE)
        return eval_hashtable(ctx, operand, false, out);
    if (hv_str_eq_ci(tn->full, "ref") || hv_str_eq_ci(tn->full, "System.Management.Automation.PSReference"))
        return make_ref(ctx, operand, out);
    hv_value v;
    hv_status st = hv_eval_expr(ctx, operand, &v);
    if (st != HV_OK)
        return st;
    if (hv_str_eq_ci(tn->full, "void") || hv_str_eq_ci(tn->full, "System.Void")) {
        hv_unref(v);
        *out = hv_automation_null();
        return HV_OK;
    }
    if (v.kind == HV_NULL)
        v = hv_null();
    if (hv_str_eq_ci(tn->full, "array") || hv_str_eq_ci(tn->full, "System.Array")) {
        if (v.kind == HV_ARRAY) {
            *out = v;
        } else {
            hv_value a = hv_array_new(1);
            if (v.kind != HV_NULL)
                hv_array_push(&a, v);
            *out = a;
        }
        return HV_OK;
    }
    if (hv_str_eq_ci(tn->full, "scriptblock") && v.kind == HV_STRING) {
        st = hv_eval_block_parse(ctx, hv_str_cstr(&v), hv_str_len(&v), out);
        hv_unref(v);
        return st;
    }
    const hv_type_info *t = hv_eval_type(ctx, tn);
    if (!t) {
        hv_unref(v);
        return type_not_found(ctx, node, tn);
    }
    if (t->element) {
        bool handled;
        hv_value conv;
        st = hv_eval_convert_class_array(ctx, t, hv_ref(&v), &conv, &handled);
        if (handled) {
            hv_unref(v);
            *out = conv;
            return st;
        }
        hv_unref(conv);
    }
    if (hv_class_lookup_type(ctx, tn->full) && t->kind == HV_OBJECT) {
        if (hv_class_is_instance(&v)) {
            *out = v;
            return HV_OK;
        }
        hv_value args[1] = {v};
        st = hv_class_new_instance(ctx, t, args, 1, out);
        hv_unref(v);
        return st;
    }
    if (t->kind == HV_STRING && !t->element && v.kind == HV_ARRAY) {
        /* [string]$array joins with $OFS (about_Preference_Variables), as "$array" does */
        hv_value ofs_holder = hv_null();
        const char *ofs = ofs_of(ctx, &ofs_holder);
        hv_buf b = {0};
        hv_conv_append_string(&b, &v, ofs);
        hv_unref(ofs_holder);
        hv_unref(v);
        *out = b.data ? hv_buf_finish(&b) : hv_str_empty();
        return HV_OK;
    }
    hv_conv_err err;
    if (!hv_conv_to_type(&v, t, out, &err)) {
        hv_unref(v);
        return hv_eval_fail(ctx, node, "System.Management.Automation.PSInvalidCastException",
                            HV_CAT_InvalidArgument, "ConvertToFinalInvalidCastException", "%s", err.msg);
    }
    hv_unref(v);
    if (out->kind == HV_BOOL && hv_str_eq_ci(t->full_name, "System.Management.Automation.SwitchParameter"))
        out->sub = HV_SUB_SWITCH;
    return HV_OK;
}

/* ======================================================================================
 * arrays, hashtables, blocks
 * ====================================================================================== */

static hv_status
eval_hashtable(hv_ctx *ctx, hv_ast *node, bool as_object, hv_value *out)
{
    hv_value t = as_object ? hv_obj_new(NULL)
                           : hv_table_new(node->u.hash.ordered ? HV_TABLE_ORDERED : 0);
    for (uint32_t i = 0; i < node->u.hash.keys.n; i++) {
        hv_value k, v;
        hv_status st = hv_eval_expr(ctx, node->u.hash.keys.items[i], &k);
        if (st != HV_OK) {
            hv_unref(t);
            return st;
        }
        if ((st = hv_eval_stmt_value(ctx, node->u.hash.values.items[i], &v)) != HV_OK) {
            hv_unref(k);
            hv_unref(t);
            return st;
        }
        if (v.kind == HV_NULL)
            v = hv_null();
        if (as_object) {
            hv_value ks = hv_conv_to_string(&k, NULL);
            if (hv_str_eq_ci(hv_str_cstr(&ks), "PSTypeName")) {
                /* pwsh consumes the key: the value becomes TypeNames[0], not a property */
                hv_value tn = hv_conv_to_string(&v, NULL);
                hv_obj_add_typename(&t, hv_str_cstr(&tn));
                hv_unref(tn);
                hv_unref(v);
            } else {
                hv_obj_set(&t, hv_str_cstr(&ks), v);
            }
            hv_unref(ks);
            hv_unref(k);
        } else {
            hv_table_set(&t, k, v);
        }
    }
    *out = t;
    return HV_OK;
}

static hv_status
eval_array_literal(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    hv_value a = hv_array_new(node->u.list.items.n);
    for (uint32_t i = 0; i < node->u.list.items.n; i++) {
        hv_value v;
        hv_status st = hv_eval_expr(ctx, node->u.list.items.items[i], &v);
        if (st != HV_OK) {
            hv_unref(a);
            return st;
        }
        if (v.kind == HV_NULL)
            v = hv_null();
        hv_array_push(&a, v);
    }
    *out = a;
    return HV_OK;
}

static hv_status
eval_block_output(hv_ctx *ctx, hv_ast *node, bool as_array, hv_value *out)
{
    hv_collector c;
    hv_collect_init(&c);
    hv_status st = hv_eval_stmts(ctx, &node->u.block.stmts, &c.sink);
    if (st == HV_OK)
        *out = as_array ? hv_collect_array(&c) : hv_collect_result(&c);
    hv_collect_free(&c);
    return st;
}

static hv_status
eval_paren(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    hv_ast *s = node->u.paren.stmt;
    hv_ast *e = hv_ast_pure_expr(s);
    if (e)
        return hv_eval_expr(ctx, e, out);
    if (s->kind == HV_AST_ASSIGNMENT)
        return hv_eval_assign(ctx, s, out);
    hv_collector c;
    hv_collect_init(&c);
    hv_status st = hv_eval_stmt(ctx, s, &c.sink);
    if (st == HV_OK) {
        *out = hv_collect_result(&c);
        if (out->kind == HV_NULL)
            *out = hv_null();
    }
    hv_collect_free(&c);
    return st;
}

hv_status
hv_eval_expr(hv_ctx *ctx, hv_ast *node, hv_value *out)
{
    switch ((hv_ast_kind)node->kind) {
    case HV_AST_VARIABLE:
        return hv_eval_var_get(ctx, node, out);
    case HV_AST_CONSTANT:
        *out = constant_value(node);
        return HV_OK;
    case HV_AST_STRING: {
        hv_node_cache *c = hv_eval_cache_of(ctx, node);
        if (c->constant.kind != HV_STRING)
            c->constant = hv_strn(node->u.str.value, node->u.str.len);
        *out = hv_ref(&c->constant);
        return HV_OK;
    }
    case HV_AST_EXPANDABLE:
        return eval_expandable(ctx, node, out);
    case HV_AST_BINARY:
        return eval_binary(ctx, node, out);
    case HV_AST_UNARY:
        return eval_unary(ctx, node, out);
    case HV_AST_TERNARY: {
        hv_value c;
        hv_status st = hv_eval_expr(ctx, node->u.tern.cond, &c);
        if (st != HV_OK)
            return st;
        bool t = hv_conv_to_bool(&c);
        hv_unref(c);
        return hv_eval_expr(ctx, t ? node->u.tern.yes : node->u.tern.no, out);
    }
    case HV_AST_CONVERT:
        return eval_convert(ctx, node, out);
    case HV_AST_TYPE: {
        const hv_type_info *t = hv_eval_type(ctx, node->u.type.type);
        if (!t)
            return type_not_found(ctx, node, node->u.type.type);
        *out = hv_type(t);
        return HV_OK;
    }
    case HV_AST_MEMBER:
        return hv_eval_member(ctx, node, out);
    case HV_AST_INVOKEMEMBER:
        return hv_eval_invoke_member(ctx, node, out);
    case HV_AST_INDEX:
        return hv_eval_index(ctx, node, out);
    case HV_AST_ARRAYLITERAL:
        return eval_array_literal(ctx, node, out);
    case HV_AST_ARRAYEXPR:
        return eval_block_output(ctx, node, true, out);
    case HV_AST_SUBEXPR:
        return eval_block_output(ctx, node, false, out);
    case HV_AST_PAREN:
        return eval_paren(ctx, node, out);
    case HV_AST_HASHTABLE:
        return eval_hashtable(ctx, node, false, out);
    case HV_AST_SCRIPTBLOCKEXPR:
        *out = hv_eval_block_new(ctx, node->u.sbexpr.sb);
        return HV_OK;
    case HV_AST_ATTRIBUTED:
        return hv_eval_expr(ctx, node->u.attributed.operand, out);
    case HV_AST_ASSIGNMENT:
        return hv_eval_assign(ctx, node, out);
    case HV_AST_PIPELINE:
    case HV_AST_PIPELINECHAIN:
        return hv_eval_stmt_value(ctx, node, out);
    default:
        *out = hv_null();
        return hv_eval_fail(ctx, node, RTE, HV_CAT_NotImplemented, "NotSupported",
                            "The expression '%s' is not supported.", hv_ast_kind_name(node->kind));
    }
}

/* ======================================================================================
 * assignment
 * ====================================================================================== */

/* One validation attribute on a variable ([ValidateRange(1,5)][int]$x = ...): true when v
 * passes (attributes other than the Validate* ones pass). */
static hv_status
var_attr_ok(hv_ctx *ctx, const hv_ast *a, const hv_value *v, bool *ok)
{
    *ok = true;
    const char *n = a->u.attr.type->full;
    if (strncasecmp(n, "System.Management.Automation.", 29) == 0)
        n += 29;
    const hv_ast_list *pos = &a->u.attr.pos;
    if (hv_str_eq_ci(n, "ValidateNotNull") || hv_str_eq_ci(n, "ValidateNotNullOrEmpty")) {
        *ok = v->kind != HV_NULL;
        if (hv_str_eq_ci(n, "ValidateNotNullOrEmpty"))
            *ok = *ok && !(v->kind == HV_STRING && hv_str_len(v) == 0) &&
                  !(v->kind == HV_ARRAY && hv_array_len(v) == 0);
        return HV_OK;
    }
    if (hv_str_eq_ci(n, "ValidateRange") && pos->n >= 2) {
        hv_value lo, hi;
        if (hv_eval_expr(ctx, pos->items[0], &lo) != HV_OK)
            return HV_ERR;
        if (hv_eval_expr(ctx, pos->items[1], &hi) != HV_OK) {
            hv_unref(lo);
            return HV_ERR;
        }
        *ok = hv_op_compare(v, &lo, 0) >= 0 && hv_op_compare(v, &hi, 0) <= 0;
        hv_unref(lo);
        hv_unref(hi);
        return HV_OK;
    }
    if (hv_str_eq_ci(n, "ValidateSet") && pos->n >= 1) {
        *ok = false;
        for (uint32_t k = 0; k < pos->n && !*ok; k++) {
            hv_value item;
            if (hv_eval_expr(ctx, pos->items[k], &item) != HV_OK)
                return HV_ERR;
            *ok = hv_op_equal(v, &item, 0);
            hv_unref(item);
        }
        return HV_OK;
    }
    if (hv_str_eq_ci(n, "ValidateScript") && pos->n >= 1) {
        hv_value blk;
        if (hv_eval_expr(ctx, pos->items[0], &blk) != HV_OK)
            return HV_ERR;
        hv_collector c;
        hv_collect_init(&c);
        hv_status st = hv_eval_invoke_block(ctx, &blk, v, NULL, 0, false, &c.sink);
        hv_unref(blk);
        if (st == HV_OK) {
            hv_value r = hv_collect_result(&c);
            *ok = hv_conv_to_bool(&r);
            hv_unref(r);
        }
        hv_collect_free(&c);
        return st;
    }
    return HV_OK;
}

/* [Validate*()] attributes written on an assignment's variable: checked against the value
 * assigned (pwsh: "The variable cannot be validated because ..."). */
static hv_status
check_var_attrs(hv_ctx *ctx, hv_ast *target, const hv_value *v)
{
    hv_ast *node = target;
    while (node->kind == HV_AST_ATTRIBUTED || node->kind == HV_AST_CONVERT)
        node = node->kind == HV_AST_ATTRIBUTED ? node->u.attributed.operand : node->u.conv.operand;
    if (node->kind != HV_AST_VARIABLE)
        return HV_OK;
    for (hv_ast *a = target; a != node;
         a = a->kind == HV_AST_ATTRIBUTED ? a->u.attributed.operand : a->u.conv.operand) {
        if (a->kind != HV_AST_ATTRIBUTED || a->u.attributed.attr->kind != HV_AST_ATTRIBUTE)
            continue;
        bool ok;
        if (var_attr_ok(ctx, a->u.attributed.attr, v, &ok) != HV_OK)
            return HV_ERR;
        if (!ok) {
            HV_AUTO hv_value s = hv_conv_to_string(v, NULL);
            hv_ast *stmt = target->parent ? target->parent : target;
            return hv_eval_fail(ctx, stmt, "System.Management.Automation.ValidationMetadataException",
                                HV_CAT_MetadataError, "ValidateSetFailure",
                                "The variable cannot be validated because the value %s is not a valid "
                                "value for the %s variable.", hv_str_cstr(&s), node->u.var.name);
        }
    }
    return HV_OK;
}

/* Assign v to a target expression. MOVES v. */
hv_status
hv_eval_assign_to(hv_ctx *ctx, hv_ast *target, hv_value v)
{
    if ((target->kind == HV_AST_ATTRIBUTED ||
         (target->kind == HV_AST_CONVERT && target->u.conv.operand->kind == HV_AST_ATTRIBUTED)) &&
        check_var_attrs(ctx, target, &v) != HV_OK) {
        hv_unref(v);
        return HV_ERR;
    }
    switch (target->kind) {
    case HV_AST_VARIABLE:
        return var_assign(ctx, target, v, NULL);
    case HV_AST_CONVERT: {
        hv_ast *inner = target->u.conv.operand;
        while (inner->kind == HV_AST_ATTRIBUTED)
            inner = inner->u.attributed.operand;
        if (inner->kind != HV_AST_VARIABLE)
            break;
        const hv_type_info *t = hv_eval_type(ctx, target->u.conv.type);
        if (!t) {
            hv_unref(v);
            return type_not_found(ctx, target, target->u.conv.type);
        }
        return var_assign(ctx, inner, v, t);
    }
    case HV_AST_ATTRIBUTED:
        return hv_eval_assign_to(ctx, target->u.attributed.operand, v);
    case HV_AST_MEMBER: {
        hv_status st = hv_eval_member_assign(ctx, target, v);
        if (st == HV_ERR) /* e.g. a class property's validation: shown at the assignment */
            hv_eval_fill_position(ctx, target->parent ? target->parent : target);
        return st;
    }
    case HV_AST_INDEX:
        return hv_eval_index_assign(ctx, target, v);
    case HV_AST_PAREN: {
        hv_ast *e = hv_ast_pure_expr(target->u.paren.stmt);
        if (e)
            return hv_eval_assign_to(ctx, e, v);
        break;
    }
    case HV_AST_ARRAYLITERAL: {
        /* $a, $b = 1, 2, 3  ->  $a = 1; $b = 2, 3 */
        uint32_t n = target->u.list.items.n;
        hv_value src = v;
        if (src.kind != HV_ARRAY) {
            hv_value a = hv_array_new(1);
            hv_array_push(&a, src);
            src = a;
        }
        size_t len = hv_array_len(&src);
        hv_status st = HV_OK;
        for (uint32_t i = 0; i < n && st == HV_OK; i++) {
            hv_value item;
            if (i + 1 == n && len > n) {
                item = hv_array_new(len - i);
                for (size_t k = i; k < len; k++)
                    hv_array_push(&item, hv_ref(hv_array_at(&src, k)));
            } else {
                item = i < len ? hv_ref(hv_array_at(&src, i)) : hv_null();
            }
            st = hv_eval_assign_to(ctx, target->u.list.items.items[i], item);
        }
        hv_unref(src);
        return st;
    }
    default:
        break;
    }
    hv_unref(v);
    return hv_eval_fail(ctx, target, RTE, HV_CAT_ParserError, "InvalidLeftHandSide",
                        "The assignment expression is not valid. The input to an assignment "
                        "operator must be an object that is able to accept assignments, such as a "
                        "variable or a property.");
}

/* Fast in-place `$s += "text"`: reuse the string buffer when the variable holds the only
 * reference (hv_str_concat), so building a string in a loop is linear. */
static bool
try_string_append(hv_ctx *ctx, hv_ast *left, const hv_value *r, hv_value *result, hv_status *st)
{
    if (left->kind != HV_AST_VARIABLE || left->u.var.scope != HV_VS_NONE)
        return false;
    hv_node_cache *c = hv_eval_cache_of(ctx, left);
    if (c->special != SP_NORMAL)
        return false;
    hv_var *var = c->lepoch == ctx->scope_epoch && c->lvar ? c->lvar
                                                           : hv_scope_find_in(ctx->cur, left->u.var.name);
    if (!var || var->value.kind != HV_STRING || var->type ||
        (var->options & (HV_VAR_READONLY | HV_VAR_CONSTANT)))
        return false;
    if (r->kind == HV_ARRAY || r->kind == HV_OBJECT || r->kind == HV_TABLE)
        return false;
    hv_value rs = hv_conv_to_string(r, NULL);
    hv_value cur = hv_steal(&var->value);
    var->value = hv_str_concat(cur, hv_str_cstr(&rs), hv_str_len(&rs));
    hv_unref(rs);
    *result = hv_ref(&var->value);
    *st = HV_OK;
    return true;
}

hv_status
hv_eval_assign(hv_ctx *ctx, hv_ast *node, hv_value *result)
{
    hv_ast_op op = node->u.assign.op;
    hv_ast *left = node->u.assign.left;
    hv_value r;
    hv_status st;
    *result = hv_null();
    if (op == HVA_OP_COALESCE_ASSIGN) {
        hv_value cur;
        if ((st = hv_eval_expr(ctx, left, &cur)) != HV_OK) {
            if (st != HV_ERR)
                return st;
            hv_unref(hv_eval_take_error(ctx));
            cur = hv_null();
        }
        if (cur.kind != HV_NULL) {
            *result = cur;
            return HV_OK;
        }
    }
    if ((st = hv_eval_stmt_value(ctx, node->u.assign.right, &r)) != HV_OK)
        return st;
    if (r.kind == HV_NULL)
        r = hv_null();
    if (op == HVA_OP_ASSIGN || op == HVA_OP_COALESCE_ASSIGN) {
        *result = hv_ref(&r);
        return hv_eval_assign_to(ctx, left, r);
    }
    if (op == HVA_OP_ADD_ASSIGN && try_string_append(ctx, left, &r, result, &st)) {
        hv_unref(r);
        return st;
    }
    hv_value cur;
    if ((st = hv_eval_expr(ctx, left, &cur)) != HV_OK) {
        hv_unref(r);
        return st;
    }
    hv_value nv;
    int mop = (unsigned)op < HVA_OP__COUNT ? binop_map[op] : 0;
    st = apply_binop(ctx, node, mop, false, &cur, &r, &nv);
    hv_qunref(cur);
    hv_qunref(r);
    if (st != HV_OK)
        return st;
    *result = hv_qref(&nv);
    return hv_eval_assign_to(ctx, left, nv);
}
