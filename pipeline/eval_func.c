/* eval_func.c — functions, filters, script blocks and script files as commands.
 *
 * Each is an hv_function whose first member is a synthesized hv_cmdlet_def (parameters
 * from param() and its attributes, comment-based help), so B's binder binds functions and
 * cmdlets the same way. The def's ops run the body's begin/process/end/clean blocks in a
 * new scope (or the caller's, when dot-sourced). Script blocks invoked directly by the
 * runtime (ForEach-Object, .Where(), -replace {}) use a small positional binder here.
 */
#include "internal.h"
#include "intrinsics.h"
#include "errors.h"
#include "pipe.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define RTE "System.Management.Automation.RuntimeException"
#define MAX_DEPTH 3000

/* ======================================================================================
 * script block values
 * ====================================================================================== */

typedef struct {
    hv_heap h;
    hv_ast *sb;
    hv_ast_unit *unit;
    hv_function *fn;   /* lazily synthesized command */
    hv_value closure;  /* HV_TABLE of captured variables, or null */
} sblock;

static void
sblock_free(hv_heap *h)
{
    sblock *b = (sblock *)h;
    if (b->fn)
        hv_function_unref(b->fn);
    hv_unref(b->closure);
    hv_ast_unit_unref(b->unit);
    free(b);
}

static hv_value
sblock_to_string(const hv_value *v)
{
    const sblock *b = (const sblock *)v->u.h;
    const hv_ast *sb = b->sb;
    size_t len;
    const char *t = hv_ast_text(b->unit, sb, &len);
    /* the text of { ... } without the braces, as ScriptBlock.ToString() */
    /* (a function's body too: ${function:f} / Get-Command's Definition show " 1 " for
     * `function f { 1 }`) */
    if (sb->parent &&
        (sb->parent->kind == HV_AST_SCRIPTBLOCKEXPR || sb->parent->kind == HV_AST_FUNCTIONDEF) &&
        len >= 2 && t[0] == '{' && t[len - 1] == '}')
        return hv_strn(t + 1, len - 2);
    return hv_strn(t, len);
}

void
hv_eval_blocks_init(void)
{
    hv_value_set_scriptblock_free(sblock_free);
    hv_conv_set_scriptblock_to_string(sblock_to_string);
}

bool
hv_eval_is_block(const hv_value *v)
{
    return v->kind == HV_SCRIPTBLOCK;
}

const hv_ast *
hv_eval_block_ast(const hv_value *block)
{
    return ((const sblock *)block->u.h)->sb;
}

hv_value
hv_eval_block_new(hv_ctx *ctx, hv_ast *sb)
{
    (void)ctx;
    sblock *b = hv_xcalloc(1, sizeof *b);
    b->h.refcount = 1;
    b->h.kind = HV_SCRIPTBLOCK;
    b->sb = sb;
    b->unit = sb->u.sb.unit;
    hv_ast_unit_ref(b->unit);
    b->closure = hv_null();
    return hv_scriptblock_wrap(&b->h);
}

hv_value
hv_eval_block_closure(hv_ctx *ctx, const hv_value *block)
{
    const sblock *src = (const sblock *)block->u.h;
    hv_value nb = hv_eval_block_new(ctx, src->sb);
    sblock *b = (sblock *)nb.u.h;
    b->closure = hv_table_new(0);
    size_t n;
    hv_var **vars = hv_scope_list(ctx, ctx->cur, false, &n);
    /* a snapshot of every visible variable (pwsh binds the block to a new module holding
     * copies); read-only/constant automatic variables stay reachable through the scopes */
    for (size_t i = 0; i < n; i++) {
        if (vars[i]->options & (HV_VAR_READONLY | HV_VAR_CONSTANT))
            continue;
        hv_table_set(&b->closure, hv_ref(&vars[i]->name), hv_ref(&vars[i]->value));
    }
    free(vars);
    return nb;
}

hv_status
hv_eval_block_parse(hv_ctx *ctx, const char *src, size_t len, hv_value *out)
{
    hv_ast_unit *u = hv_parse(src, len, "");
    if (u->nerrors) {
        hv_pos pos = {0};
        pos.line = u->errors[0].ext.line;
        pos.col = u->errors[0].ext.col;
        pos.end_line = u->errors[0].ext.end_line;
        pos.end_col = u->errors[0].ext.end_col;
        hv_value rec = hv_err_new(ctx, "System.Management.Automation.ParseException", HV_CAT_ParserError,
                                  u->errors[0].id ? u->errors[0].id : "ParseError", NULL, &pos, "%s",
                                  u->errors[0].message);
        hv_ast_unit_unref(u);
        *out = hv_null();
        return hv_eval_raise(ctx, rec, false);
    }
    *out = hv_eval_block_new(ctx, u->root);
    hv_ast_unit_unref(u);
    return HV_OK;
}

/* ======================================================================================
 * synthesizing the hv_cmdlet_def
 * ====================================================================================== */

typedef struct {
    const hv_type_info *type;    /* declared type (converted in begin) or NULL */
    bool is_switch;
    hv_ast *dflt;
    hv_ast *var;
    char *pattern;               /* ValidatePattern */
    hv_ast *validate_script;     /* ValidateScript { } */
    bool not_null;
    int64_t count_min, count_max; /* ValidateCount (max 0 = none) */
    int64_t len_min, len_max;     /* ValidateLength (max 0 = none) */
} param_extra;

typedef struct {
    hv_param_def *params;        /* nparams + 1 */
    param_extra *extra;
    int nparams;
    char **strings;              /* everything malloc'd for the def, freed together */
    size_t nstrings;
    void **blocks;
    size_t nblocks;
    hv_example *examples;
    bool has_cmdletbinding;
    bool no_positional;          /* [CmdletBinding(PositionalBinding = $false)] */
    bool uses_invocation;        /* body mentions $MyInvocation / $PSCmdlet / $PSBoundParameters */
    bool uses_args, uses_bound, uses_input; /* body mentions args / PSBoundParameters / input */
    bool simple;                 /* no params, only an end block, no closure: fast invocation */
    hv_scope *under_scope;       /* cached $_ slot of the last dot-sourced invocation */
    uint64_t under_epoch;
    hv_var *under_var;
} fn_priv;

static const char *
keep_str(fn_priv *p, const char *s)
{
    char *d = hv_xstrdup(s);
    p->strings = hv_xrealloc(p->strings, (p->nstrings + 1) * sizeof *p->strings);
    p->strings[p->nstrings++] = d;
    return d;
}

static void *
keep_block(fn_priv *p, size_t size)
{
    void *b = hv_xcalloc(1, size);
    p->blocks = hv_xrealloc(p->blocks, (p->nblocks + 1) * sizeof *p->blocks);
    p->blocks[p->nblocks++] = b;
    return b;
}

static bool
attr_is(const hv_ast *attr, const char *name)
{
    const char *n = attr->u.attr.type->full;
    if (hv_str_eq_ci(n, name))
        return true;
    size_t ln = strlen(n), lm = strlen(name);
    if (ln > lm + 1 && n[ln - lm - 1] == '.' && hv_str_eq_ci(n + ln - lm, name))
        return true;
    /* [ParameterAttribute] style */
    return ln == lm + 9 && strncasecmp(n, name, lm) == 0 && hv_str_eq_ci(n + lm, "Attribute");
}

/* Constant-ish evaluation of an attribute argument (no context needed for literals). */
static hv_value
attr_value(hv_ctx *ctx, hv_ast *e)
{
    if (!e)
        return hv_bool(true);
    hv_value v;
    if (hv_eval_expr(ctx, e, &v) != HV_OK) {
        hv_unref(hv_eval_take_error(ctx));
        return hv_null();
    }
    return v;
}

static hv_param_type
param_type_of(const hv_type_info *t, unsigned *flags)
{
    if (!t)
        return HV_PT_ANY;
    if (t->element) {
        *flags |= HV_PF_ARRAY;
        t = t->element;
    }
    if (t->enum_def)
        return HV_PT_ENUM;
    const char *n = t->full_name;
    static const struct { const char *name; hv_param_type pt; } map[] = {
        {"System.String", HV_PT_STRING}, {"System.Boolean", HV_PT_BOOL},
        {"System.Int32", HV_PT_INT32}, {"System.Int64", HV_PT_INT64},
        {"System.Byte", HV_PT_UINT8}, {"System.UInt16", HV_PT_UINT16},
        {"System.UInt32", HV_PT_UINT32}, {"System.UInt64", HV_PT_UINT64},
        {"System.Double", HV_PT_DOUBLE}, {"System.Management.Automation.ScriptBlock", HV_PT_SCRIPTBLOCK},
        {"System.Collections.Hashtable", HV_PT_HASHTABLE}, {"System.DateTime", HV_PT_DATETIME},
        {"System.TimeSpan", HV_PT_TIMESPAN},
        {"System.Management.Automation.SwitchParameter", HV_PT_SWITCH},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (hv_str_eq_ci(n, map[i].name))
            return map[i].pt;
    return HV_PT_ANY;
}

static int
set_index(fn_priv *p, const char ***sets, int *nsets, const char *name)
{
    for (int i = 0; i < *nsets; i++)
        if (hv_str_eq_ci((*sets)[i], name))
            return i;
    if (*nsets >= 31)
        return 30;
    *sets = hv_xrealloc(*sets, (size_t)(*nsets + 2) * sizeof **sets);
    (*sets)[*nsets] = keep_str(p, name);
    (*sets)[*nsets + 1] = NULL;
    return (*nsets)++;
}

static const char *const *
string_list(hv_ctx *ctx, fn_priv *p, const hv_ast_list *args)
{
    size_t cnt = 0;
    const char **out = keep_block(p, (args->n * 8 + 8) * sizeof *out);
    for (uint32_t i = 0; i < args->n; i++) {
        hv_value v = attr_value(ctx, args->items[i]);
        size_t n = v.kind == HV_ARRAY ? hv_array_len(&v) : 1;
        for (size_t k = 0; k < n && cnt < args->n * 8 + 7; k++) {
            const hv_value *el = v.kind == HV_ARRAY ? hv_array_at(&v, k) : &v;
            hv_value s = hv_conv_to_string(el, NULL);
            out[cnt++] = keep_str(p, hv_str_cstr(&s));
            hv_unref(s);
        }
        hv_unref(v);
    }
    out[cnt] = NULL;
    return out;
}

/* One [Parameter(...)] attribute. */
static void
apply_parameter_attr(hv_ctx *ctx, fn_priv *p, hv_param_def *pd, hv_ast *attr, const char ***sets,
                     int *nsets, bool *explicit_pos, unsigned *mand_sets, bool *mand_all)
{
    bool mandatory = false;
    int set = -1;
    for (uint32_t k = 0; k < attr->u.attr.named.n; k++) {
        hv_ast *na = attr->u.attr.named.items[k];
        const char *n = na->u.namedarg.name;
        hv_value v = attr_value(ctx, na->u.namedarg.value);
        bool b = hv_conv_to_bool(&v);
        if (hv_str_eq_ci(n, "Mandatory"))
            mandatory = b;
        else if (hv_str_eq_ci(n, "ValueFromPipeline") && b)
            pd->flags |= HV_PF_BY_VALUE;
        else if (hv_str_eq_ci(n, "ValueFromPipelineByPropertyName") && b)
            pd->flags |= HV_PF_BY_PROPERTY_NAME;
        else if (hv_str_eq_ci(n, "ValueFromRemainingArguments") && b)
            pd->flags |= HV_PF_REMAINING;
        else if (hv_str_eq_ci(n, "Position")) {
            int64_t pos = 0;
            hv_conv_err err;
            if (hv_conv_to_int64(&v, &pos, &err)) {
                pd->position = (int)pos;
                *explicit_pos = true;
            }
        } else if (hv_str_eq_ci(n, "ParameterSetName")) {
            hv_value s = hv_conv_to_string(&v, NULL);
            if (!hv_str_eq_ci(hv_str_cstr(&s), "__AllParameterSets"))
                set = set_index(p, sets, nsets, hv_str_cstr(&s));
            hv_unref(s);
        } else if (hv_str_eq_ci(n, "HelpMessage")) {
            hv_value s = hv_conv_to_string(&v, NULL);
            if (!pd->help)
                pd->help = keep_str(p, hv_str_cstr(&s));
            hv_unref(s);
        }
        hv_unref(v);
    }
    if (set >= 0)
        pd->sets |= HV_SET(set);
    if (mandatory) {
        pd->flags |= HV_PF_MANDATORY;
        if (set >= 0)
            *mand_sets |= HV_SET(set);
        else
            *mand_all = true;
    }
}

static void
synth_param(hv_ctx *ctx, fn_priv *p, int idx, hv_ast *param, const char ***sets, int *nsets,
            bool *any_explicit, bool *advanced)
{
    hv_param_def *pd = &p->params[idx];
    param_extra *ex = &p->extra[idx];
    pd->name = keep_str(p, param->u.param.var->u.var.name);
    pd->position = HV_POS_NAMED;
    ex->var = param->u.param.var;
    ex->dflt = param->u.param.dflt;
    bool explicit_pos = false, mand_all = false;
    unsigned mand_sets = 0;
    for (uint32_t i = 0; i < param->u.param.attrs.n; i++) {
        hv_ast *a = param->u.param.attrs.items[i];
        if (a->kind == HV_AST_TYPECONSTRAINT) {
            const hv_ast_typename *tn = a->u.type.type;
            if (hv_str_eq_ci(tn->full, "switch") ||
                hv_str_eq_ci(tn->full, "System.Management.Automation.SwitchParameter")) {
                pd->type = HV_PT_SWITCH;
                ex->is_switch = true;
                continue;
            }
            ex->type = hv_eval_type(ctx, tn);
            if (!ex->type)
                hv_unref(hv_eval_take_error(ctx));
            pd->type = param_type_of(ex->type, &pd->flags);
            if (pd->type == HV_PT_ENUM && ex->type)
                pd->enum_def = ex->type->element ? ex->type->element->enum_def : ex->type->enum_def;
            continue;
        }
        if (a->kind != HV_AST_ATTRIBUTE)
            continue;
        if (attr_is(a, "Parameter")) {
            *advanced = true;
            apply_parameter_attr(ctx, p, pd, a, sets, nsets, &explicit_pos, &mand_sets, &mand_all);
        } else if (attr_is(a, "Alias")) {
            pd->aliases = string_list(ctx, p, &a->u.attr.pos);
        } else if (attr_is(a, "ValidateSet")) {
            pd->accepted = string_list(ctx, p, &a->u.attr.pos);
        } else if (attr_is(a, "ValidateRange") && a->u.attr.pos.n >= 2) {
            hv_value lo = attr_value(ctx, a->u.attr.pos.items[0]);
            hv_value hi = attr_value(ctx, a->u.attr.pos.items[1]);
            hv_conv_err err;
            if (!hv_conv_to_int64(&lo, &pd->min, &err) || !hv_conv_to_int64(&hi, &pd->max, &err))
                pd->min = pd->max = 0;
            hv_unref(lo);
            hv_unref(hi);
        } else if (attr_is(a, "ValidateNotNullOrEmpty") || attr_is(a, "ValidateNotNull")) {
            pd->flags |= HV_PF_NO_EMPTY;
            if (attr_is(a, "ValidateNotNull"))
                pd->flags |= HV_PF_NOT_NULL_ONLY;
            ex->not_null = true;
        } else if (attr_is(a, "AllowEmptyString")) {
            pd->flags |= HV_PF_ALLOW_EMPTY_STRING;
        } else if (attr_is(a, "AllowEmptyCollection")) {
            pd->flags |= HV_PF_ALLOW_EMPTY_COLLECTION;
        } else if (attr_is(a, "ValidatePattern") && a->u.attr.pos.n >= 1) {
            hv_value v = attr_value(ctx, a->u.attr.pos.items[0]);
            hv_value s = hv_conv_to_string(&v, NULL);
            ex->pattern = (char *)keep_str(p, hv_str_cstr(&s));
            hv_unref(s);
            hv_unref(v);
        } else if (attr_is(a, "ValidateScript") && a->u.attr.pos.n >= 1) {
            ex->validate_script = a->u.attr.pos.items[0];
        } else if ((attr_is(a, "ValidateCount") || attr_is(a, "ValidateLength")) && a->u.attr.pos.n >= 2) {
            hv_value lo = attr_value(ctx, a->u.attr.pos.items[0]);
            hv_value hi = attr_value(ctx, a->u.attr.pos.items[1]);
            int64_t l = 0, h = 0;
            hv_conv_err err;
            if (hv_conv_to_int64(&lo, &l, &err) && hv_conv_to_int64(&hi, &h, &err)) {
                if (attr_is(a, "ValidateCount")) {
                    ex->count_min = l;
                    ex->count_max = h;
                } else {
                    ex->len_min = l;
                    ex->len_max = h;
                }
            }
            hv_unref(lo);
            hv_unref(hi);
        } else if (attr_is(a, "SupportsWildcards")) {
            pd->flags |= HV_PF_WILDCARDS;
        }
    }
    if (pd->flags & HV_PF_MANDATORY)
        pd->mandatory_sets = mand_all ? 0 : mand_sets;
    if (explicit_pos)
        *any_explicit = true;
}

static void
apply_cmdletbinding(hv_ctx *ctx, hv_function *fn, hv_ast *attr, const char ***sets, int *nsets,
                    fn_priv *p)
{
    for (uint32_t k = 0; k < attr->u.attr.named.n; k++) {
        hv_ast *na = attr->u.attr.named.items[k];
        const char *n = na->u.namedarg.name;
        hv_value v = attr_value(ctx, na->u.namedarg.value);
        if (hv_str_eq_ci(n, "SupportsShouldProcess") && hv_conv_to_bool(&v))
            fn->def.flags |= HV_CF_SHOULD_PROCESS;
        else if (hv_str_eq_ci(n, "ConfirmImpact")) {
            hv_value s = hv_conv_to_string(&v, NULL);
            if (hv_str_eq_ci(hv_str_cstr(&s), "High"))
                fn->def.flags |= HV_CF_CONFIRM_HIGH;
            hv_unref(s);
        } else if (hv_str_eq_ci(n, "PositionalBinding")) {
            p->no_positional = !hv_conv_to_bool(&v);
        } else if (hv_str_eq_ci(n, "DefaultParameterSetName")) {
            hv_value s = hv_conv_to_string(&v, NULL);
            fn->def.default_set = set_index(p, sets, nsets, hv_str_cstr(&s));
            hv_unref(s);
        }
        hv_unref(v);
    }
}

/* ---- comment-based help ---- */

static char *
trim_dup(const char *s, size_t n)
{
    while (n && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    return hv_xstrndup(s, n);
}

static bool
is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Start of the line holding offset i. */
static size_t
line_start(const char *src, size_t i)
{
    while (i > 0 && src[i - 1] != '\n')
        i--;
    return i;
}

/* A line that is only a `#` comment (not `<#`): offset of its '#', or -1. */
static long
comment_line_hash(const char *src, size_t ls, size_t limit)
{
    size_t k = ls;
    while (k < limit && (src[k] == ' ' || src[k] == '\t'))
        k++;
    if (k < limit && src[k] == '#' && (k == 0 || src[k - 1] != '<'))
        return (long)k;
    return -1;
}

/* The text of consecutive `#` comment lines from line `ls` downwards (down) or upwards,
 * the '#' stripped. */
static char *
collect_line_comments(const char *src, size_t ls, size_t limit, bool down)
{
    size_t first = ls, last = ls;
    if (down) {
        for (size_t l = ls; l < limit && comment_line_hash(src, l, limit) >= 0;) {
            last = l;
            const char *nl = memchr(src + l, '\n', limit - l);
            if (!nl)
                break;
            l = (size_t)(nl - src) + 1;
        }
    } else {
        for (size_t l = ls;;) {
            if (comment_line_hash(src, l, limit) < 0)
                break;
            first = l;
            if (l == 0)
                break;
            l = line_start(src, l - 1);
        }
    }
    hv_buf b = {0};
    for (size_t l = first;;) {
        long h = comment_line_hash(src, l, limit);
        const char *nl = memchr(src + l, '\n', limit - l);
        size_t e = nl ? (size_t)(nl - src) : limit;
        if (h >= 0)
            hv_buf_put(&b, src + h + 1, e - (size_t)h - 1);
        hv_buf_putc(&b, '\n');
        if (l == last || !nl)
            break;
        l = e + 1;
    }
    char *r = hv_xstrndup(b.data ? b.data : "", b.len);
    hv_buf_free(&b);
    return r;
}

/* Comment text holds a help keyword line (.SYNOPSIS, .DESCRIPTION, ...). */
static bool
has_help_keyword(const char *t)
{
    static const char *const kw[] = {"SYNOPSIS", "DESCRIPTION", "PARAMETER", "EXAMPLE", "INPUTS",
                                     "OUTPUTS", "NOTES", "LINK", "COMPONENT", "ROLE",
                                     "FUNCTIONALITY", "FORWARDHELPTARGETNAME", "FORWARDHELPCATEGORY",
                                     "REMOTEHELPRUNSPACE", "EXTERNALHELP"};
    for (const char *l = t; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        while (*l == ' ' || *l == '\t')
            l++;
        if (*l != '.')
            continue;
        for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
            if (strncasecmp(l + 1, kw[i], strlen(kw[i])) == 0)
                return true;
    }
    return false;
}

/* A block comment ending just before offset `end` (which follows "#>"): its text. */
static char *
block_before(const char *src, size_t end)
{
    for (size_t k = end - 2; k >= 1; k--)
        if (src[k - 1] == '<' && src[k] == '#')
            return hv_xstrndup(src + k + 1, end - 2 - (k + 1));
    return NULL;
}

/* Comment-based help (about_Comment_Based_Help) of a function or script: a <# #> block or
 * consecutive # lines just before `start` (at most one blank line between), at the start
 * of the body, or at its end. malloc'd text, or NULL. */
static char *
find_help(const char *src, size_t start, size_t body_start, size_t body_end)
{
    char *t = NULL;
    if (start > 0) {
        size_t i = start;
        int nls = 0;
        while (i > 0 && is_ws(src[i - 1]))
            nls += src[--i] == '\n';
        if (nls <= 2 && i >= 2 && src[i - 1] == '>' && src[i - 2] == '#')
            t = block_before(src, i);
        else if (nls <= 2 && i > 0 && comment_line_hash(src, line_start(src, i - 1), i) >= 0)
            t = collect_line_comments(src, line_start(src, i - 1), start, false);
        if (t && has_help_keyword(t))
            return t;
        free(t);
        t = NULL;
    }
    size_t k = body_start;
    if (src[k] == '{')
        k++;
    while (k < body_end && is_ws(src[k]))
        k++;
    if (k + 1 < body_end && src[k] == '<' && src[k + 1] == '#') {
        const char *close = strstr(src + k + 2, "#>");
        if (close && (size_t)(close - src) < body_end)
            t = hv_xstrndup(src + k + 2, (size_t)(close - (src + k + 2)));
    } else if (k < body_end && src[k] == '#') {
        t = collect_line_comments(src, line_start(src, k), body_end, true);
    }
    if (t && has_help_keyword(t))
        return t;
    free(t);
    t = NULL;
    /* at the end of the body (before its closing brace) */
    size_t e = body_end;
    if (e > body_start && src[e - 1] == '}')
        e--;
    while (e > body_start && is_ws(src[e - 1]))
        e--;
    if (e >= body_start + 2 && src[e - 1] == '>' && src[e - 2] == '#')
        t = block_before(src, e);
    else if (e > body_start && comment_line_hash(src, line_start(src, e - 1), e) >= 0)
        t = collect_line_comments(src, line_start(src, e - 1), e, false);
    if (t && has_help_keyword(t))
        return t;
    free(t);
    return NULL;
}

static void
parse_help(fn_priv *p, hv_function *fn, const char *h, size_t n)
{
    char *text = hv_xstrndup(h, n);
    char *section = NULL, *arg = NULL;
    hv_buf body = {0};
    size_t nex = 0;
    p->examples = keep_block(p, 17 * sizeof(hv_example));
    char *save = NULL;
    char *lines = text;
    bool done = false;
    while (!done) {
        char *line = strtok_r(lines, "\n", &save);
        lines = NULL;
        char *t = line;
        while (t && (*t == ' ' || *t == '\t'))
            t++;
        bool is_kw = t && *t == '.' && t[1] >= 'A' && (t[1] | 32) >= 'a' && (t[1] | 32) <= 'z';
        if (!line || is_kw) {
            if (section) {
                char *val = trim_dup(body.data ? body.data : "", body.len);
                if (hv_str_eq_ci(section, "SYNOPSIS"))
                    fn->def.synopsis = keep_str(p, val);
                else if (hv_str_eq_ci(section, "DESCRIPTION"))
                    fn->def.description = keep_str(p, val);
                else if (hv_str_eq_ci(section, "EXAMPLE") && nex < 16) {
                    char *nl = strchr(val, '\n');
                    p->examples[nex].code = keep_str(p, val);
                    if (nl) {
                        *nl = 0;
                        p->examples[nex].code = keep_str(p, val);
                        char *rem = trim_dup(nl + 1, strlen(nl + 1));
                        p->examples[nex].remarks = keep_str(p, rem);
                        free(rem);
                    }
                    nex++;
                } else if (hv_str_eq_ci(section, "PARAMETER") && arg) {
                    for (int i = 0; i < p->nparams; i++)
                        if (hv_str_eq_ci(p->params[i].name, arg))
                            p->params[i].help = keep_str(p, val);
                }
                free(val);
            }
            free(section);
            free(arg);
            section = arg = NULL;
            hv_buf_free(&body);
            body = (hv_buf){0};
            if (!line) {
                done = true;
                continue;
            }
            char *kw = t + 1;
            char *sp = kw;
            while (*sp && *sp != ' ' && *sp != '\t' && *sp != '\r')
                sp++;
            section = hv_xstrndup(kw, (size_t)(sp - kw));
            while (*sp == ' ' || *sp == '\t')
                sp++;
            if (*sp && *sp != '\r')
                arg = trim_dup(sp, strlen(sp));
            continue;
        }
        if (section) {
            /* drop the common indentation of help text */
            const char *l = line;
            size_t ind = 0;
            while (ind < 4 && (l[ind] == ' ' || l[ind] == '\t'))
                ind++;
            hv_buf_puts(&body, l + ind);
            hv_buf_putc(&body, '\n');
        }
    }
    if (nex)
        fn->def.examples = p->examples;
    free(text);
}

static void
synth_help(hv_ctx *ctx, hv_function *fn, fn_priv *p, hv_ast *def_node)
{
    (void)ctx;
    if (!fn->unit || !fn->unit->src)
        return;
    hv_ast *body = fn->body;
    /* functions: the block before `function` or at the top of the body; scripts (the
     * unit's root): the block at the top of the file */
    if (!def_node && body != fn->unit->root)
        return;
    size_t start = def_node ? def_node->ext.start : 0;
    char *help = find_help(fn->unit->src, start, body->ext.start, body->ext.end);
    if (help) {
        parse_help(p, fn, help, strlen(help));
        free(help);
    }
}

static void
synthesize_def(hv_ctx *ctx, hv_function *fn, const hv_ast_list *params, hv_ast *paramblock,
               hv_ast *def_node)
{
    fn_priv *p = hv_xcalloc(1, sizeof *p);
    fn->eval_private = p;
    p->nparams = (int)params->n;
    p->params = hv_xcalloc((size_t)p->nparams + 1, sizeof *p->params);
    p->extra = hv_xcalloc((size_t)p->nparams + 1, sizeof *p->extra);
    const char **sets = NULL;
    int nsets = 0;
    bool any_explicit = false, advanced = false;
    if (paramblock) {
        for (uint32_t i = 0; i < paramblock->u.paramblock.attrs.n; i++) {
            hv_ast *a = paramblock->u.paramblock.attrs.items[i];
            if (a->kind == HV_AST_ATTRIBUTE && attr_is(a, "CmdletBinding")) {
                advanced = true;
                p->has_cmdletbinding = true;
                apply_cmdletbinding(ctx, fn, a, &sets, &nsets, p);
            } else if (a->kind == HV_AST_ATTRIBUTE && attr_is(a, "OutputType") &&
                       a->u.attr.pos.n >= 1 && !fn->def.output_type) {
                /* [OutputType([string])] / [OutputType('Lab.Vm')]: shown by Get-Help */
                hv_value v = attr_value(ctx, a->u.attr.pos.items[0]);
                if (v.kind == HV_ARRAY && hv_array_len(&v) > 0) {
                    hv_value first = hv_ref(hv_array_at(&v, 0));
                    hv_unref(v);
                    v = first;
                }
                if (v.kind == HV_TYPE) {
                    fn->def.output_type = keep_str(p, v.u.t->full_name);
                } else if (v.kind == HV_STRING) {
                    fn->def.output_type = keep_str(p, hv_str_cstr(&v));
                }
                hv_unref(v);
            }
        }
    }
    for (int i = 0; i < p->nparams; i++)
        synth_param(ctx, p, i, params->items[i], &sets, &nsets, &any_explicit, &advanced);
    if (!any_explicit && !p->no_positional) {
        int pos = 0;
        for (int i = 0; i < p->nparams; i++)
            if (p->params[i].type != HV_PT_SWITCH && !(p->params[i].flags & HV_PF_REMAINING))
                p->params[i].position = pos++;
    }
    fn->def.params = p->params;
    fn->def.sets = sets;
    if (sets) {
        p->blocks = hv_xrealloc(p->blocks, (p->nblocks + 1) * sizeof *p->blocks);
        p->blocks[p->nblocks++] = sets;
    }
    fn->def.flags |= HV_CF_FUNCTION;
    if (advanced)
        fn->def.flags |= HV_CF_ADVANCED;
    synth_help(ctx, fn, p, def_node);
    size_t blen;
    const char *btext = fn->unit && fn->unit->src ? hv_ast_text(fn->unit, fn->body, &blen) : NULL;
    char *body = btext ? hv_xstrndup(btext, blen) : NULL;
    p->uses_invocation = !body || strcasestr(body, "MyInvocation") || strcasestr(body, "PSCmdlet") ||
                         strcasestr(body, "PSBoundParameters");
    /* automatic variables a body never names need not be created per call (a nested
     * block's text is part of the body, so the test is conservative) */
    p->uses_args = !body || strcasestr(body, "args");
    p->uses_bound = !body || strcasestr(body, "PSBoundParameters");
    p->uses_input = !body || strcasestr(body, "input");
    free(body);
    hv_ast *sb = fn->body;
    p->simple = p->nparams == 0 && !sb->u.sb.begin && !sb->u.sb.process && !sb->u.sb.clean &&
                !sb->u.sb.param;
}

/* ======================================================================================
 * hv_function lifetime
 * ====================================================================================== */

static const hv_cmdlet_ops fn_ops;

hv_function *
hv_eval_function_new(hv_ctx *ctx, const char *name, hv_ast *sb, const hv_ast_list *params,
                     hv_ast_funckind kind)
{
    hv_function *fn = hv_xcalloc(1, sizeof *fn);
    fn->refcount = 1;
    fn->body = sb;
    fn->unit = sb->u.sb.unit;
    hv_ast_unit_ref(fn->unit);
    fn->name = hv_xstrdup(name ? name : "");
    fn->module = hv_xstrdup("");
    fn->closure = hv_null();
    fn->help = hv_null();
    fn->def.name = fn->name;
    fn->def.ops = fn_ops;
    fn->def.state_size = hv_eval_fn_state_size();
    hv_ast *pb = sb->u.sb.param;
    hv_ast_list empty = {0};
    if (params && params->n)
        fn->params = *params;
    else if (pb)
        fn->params = pb->u.paramblock.params;
    else
        fn->params = empty;
    hv_ast *def_node = sb->parent && sb->parent->kind == HV_AST_FUNCTIONDEF ? sb->parent : NULL;
    synthesize_def(ctx, fn, &fn->params, pb, def_node);
    if (kind == HV_FUNC_FILTER)
        fn->def.flags |= HV_CF_FILTER;
    return fn;
}

void
hv_function_ref(hv_function *fn)
{
    fn->refcount++;
}

void
hv_function_unref(hv_function *fn)
{
    if (!fn || --fn->refcount > 0)
        return;
    free(fn->def_text);
    fn_priv *p = fn->eval_private;
    if (p) {
        for (size_t i = 0; i < p->nstrings; i++)
            free(p->strings[i]);
        for (size_t i = 0; i < p->nblocks; i++)
            free(p->blocks[i]);
        free(p->strings);
        free(p->blocks);
        free(p->params);
        free(p->extra);
        free(p);
    }
    hv_unref(fn->closure);
    hv_unref(fn->help);
    hv_ast_unit_unref(fn->unit);
    free(fn->name);
    free(fn->module);
    free(fn);
}

hv_function *
hv_eval_block_function(hv_ctx *ctx, const hv_value *block)
{
    sblock *b = (sblock *)block->u.h;
    if (!b->fn) {
        b->fn = hv_eval_function_new(ctx, "", b->sb, NULL, HV_FUNC_FUNCTION);
        b->fn->closure = hv_ref(&b->closure);
    }
    return b->fn;
}

hv_status
hv_eval_define_function(hv_ctx *ctx, hv_ast *node)
{
    const char *name = node->u.func.name;
    hv_scope *scope = ctx->cur;
    const char *colon = strchr(name, ':');
    if (colon) {
        size_t q = (size_t)(colon - name);
        if (q == 6 && strncasecmp(name, "global", 6) == 0)
            scope = ctx->global;
        else if (q == 6 && strncasecmp(name, "script", 6) == 0)
            scope = ctx->script;
        name = colon + 1;
    }
    hv_function *fn = hv_eval_function_new(ctx, name, node->u.func.body, &node->u.func.params,
                                           node->u.func.kind);
    hv_scope_func_set(ctx, scope, name, fn);
    hv_function_unref(fn);
    /* [Alias('x')] before param(): the function is also reachable by those names */
    const hv_ast *pb = node->u.func.body ? node->u.func.body->u.sb.param : NULL;
    for (uint32_t i = 0; pb && i < pb->u.paramblock.attrs.n; i++) {
        hv_ast *a = pb->u.paramblock.attrs.items[i];
        if (a->kind != HV_AST_ATTRIBUTE || !attr_is(a, "Alias"))
            continue;
        for (uint32_t k = 0; k < a->u.attr.pos.n; k++) {
            hv_value v = attr_value(ctx, a->u.attr.pos.items[k]);
            size_t n = v.kind == HV_ARRAY ? hv_array_len(&v) : 1;
            for (size_t j = 0; j < n; j++) {
                const hv_value *el = v.kind == HV_ARRAY ? hv_array_at(&v, j) : &v;
                hv_value an = hv_conv_to_string(el, NULL);
                if (hv_str_len(&an))
                    hv_scope_alias_set(ctx, scope, hv_str_cstr(&an), name, NULL);
                hv_unref(an);
            }
            hv_unref(v);
        }
    }
    return HV_OK;
}

/* ======================================================================================
 * running a function: frames
 * ====================================================================================== */

typedef struct {
    hv_function *fn;
    hv_scope *scope;        /* own scope, or NULL when dot-sourced */
    hv_scope *saved_cur, *saved_script;
    hv_value input;         /* $input collected for functions without a process block */
    hv_value saved_under;   /* dot-sourced direct invocation: caller's $_ */
    hv_value saved_root, saved_path; /* dot-sourced script: caller's $PSScriptRoot/$PSCommandPath */
    hv_value saved_inv, saved_bound, saved_args; /* dot-sourced: caller's automatic variables */
    bool saved_autos;
    hv_cmd *cmd;
    hv_cmd *saved_cmd;
    hv_sink *saved_ret;
    const char *saved_script_name;
    bool dot, entered, begun, is_script, exited;
    uint64_t piped;         /* params bound from the previous pipeline record (first 64) */
} fn_frame;

static void
frame_enter(hv_ctx *ctx, fn_frame *fr)
{
    fr->saved_cur = ctx->cur;
    fr->saved_script = ctx->script;
    fr->saved_cmd = ctx->cur_cmd;
    fr->saved_ret = ctx->return_sink;
    ctx->return_sink = NULL;
    if (fr->cmd)
        ctx->cur_cmd = fr->cmd;
    if (fr->scope) {
        ctx->cur = fr->scope;
        if (fr->is_script)
            ctx->script = fr->scope;
        ctx->scope_epoch++;
    }
    fr->entered = true;
}

static void
frame_leave(hv_ctx *ctx, fn_frame *fr)
{
    if (!fr->entered)
        return;
    if (fr->scope) {
        ctx->cur = fr->saved_cur;
        ctx->script = fr->saved_script;
        ctx->scope_epoch++;
    }
    ctx->cur_cmd = fr->saved_cmd;
    ctx->return_sink = fr->saved_ret;
    fr->entered = false;
}

/* `exit` in a script called from another script ends only that script: $LASTEXITCODE
 * gets the code. The -File script's `exit` ends the process. */
static hv_status
script_exit(hv_ctx *ctx, fn_frame *fr, hv_status st)
{
    if (st != HV_EXIT || !fr->is_script || (fr->fn == ctx->top_script && ctx->depth == 1))
        return st;
    fr->exited = true;
    hv_status s2 = hv_scope_assign(ctx, ctx->global, "LASTEXITCODE", hv_int(ctx->exit_code));
    (void)s2;
    ctx->last_success = ctx->exit_code == 0;
    return HV_OK;
}

/* Consumes HV_RETURN: a `return` ends the block. */
static hv_status
run_named(hv_ctx *ctx, hv_ast *named, hv_sink *out)
{
    if (!named)
        return HV_OK;
    hv_status st = hv_eval_stmts(ctx, &named->u.named.stmts, out);
    return st == HV_RETURN ? HV_OK : st;
}

static hv_status
validation_error(hv_ctx *ctx, hv_function *fn, const char *pname, const char *fmt, const char *arg)
{
    char msg[1024];
    snprintf(msg, sizeof msg, fmt, arg);
    hv_value rec = hv_err_new(ctx, "System.Management.Automation.ParameterBindingValidationException",
                              HV_CAT_InvalidData, "ParameterArgumentValidationError", NULL, NULL,
                              "Cannot validate argument on parameter '%s'. %s", pname, msg);
    (void)fn;
    return hv_eval_raise(ctx, rec, false);
}

static hv_status
validate_count_length(hv_ctx *ctx, hv_function *fn, const hv_param_def *pd, const param_extra *ex,
                      const hv_value *v)
{
    char buf[512];
    if (ex->count_max > 0) {
        int64_t n = v->kind == HV_ARRAY ? (int64_t)hv_array_len(v) : (v->kind == HV_NULL ? 0 : 1);
        if (n < ex->count_min || n > ex->count_max) {
            if (n < ex->count_min)
                snprintf(buf, sizeof buf, "The parameter requires at least %lld value(s) and no more than "
                         "%lld value(s) - %lld value(s) were provided.", (long long)ex->count_min,
                         (long long)ex->count_max, (long long)n);
            else
                snprintf(buf, sizeof buf, "The parameter requires at least %lld value(s) and no more than "
                         "%lld value(s) - %lld value(s) were provided.", (long long)ex->count_min,
                         (long long)ex->count_max, (long long)n);
            return validation_error(ctx, fn, pd->name, "%s", buf);
        }
    }
    if (ex->len_max > 0 && v->kind != HV_NULL) {
        size_t n = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
        for (size_t i = 0; i < n; i++) {
            const hv_value *el = v->kind == HV_ARRAY ? hv_array_at(v, i) : v;
            hv_value s = hv_conv_to_string(el, NULL);
            int64_t len = (int64_t)hv_utf16_len(hv_str_cstr(&s), hv_str_len(&s));
            hv_unref(s);
            if (len > ex->len_max) {
                snprintf(buf, sizeof buf, "The character length of the %lld argument is too long. Shorten the "
                         "character length of the argument so it is fewer than or equal to \"%lld\" "
                         "characters, and then try the command again.", (long long)len,
                         (long long)ex->len_max);
                return validation_error(ctx, fn, pd->name, "%s", buf);
            }
            if (len < ex->len_min) {
                snprintf(buf, sizeof buf, "The character length (%lld) of the argument is too short. Specify "
                         "an argument with a length that is greater than or equal to \"%lld\", and then "
                         "try the command again.", (long long)len, (long long)ex->len_min);
                return validation_error(ctx, fn, pd->name, "%s", buf);
            }
        }
    }
    return HV_OK;
}

static hv_status
validate_param(hv_ctx *ctx, hv_function *fn, const hv_param_def *pd, const param_extra *ex,
               const hv_value *v)
{
    hv_status cst = validate_count_length(ctx, fn, pd, ex, v);
    if (cst != HV_OK)
        return cst;
    if (ex->pattern && v->kind != HV_NULL) {
        hv_value s = hv_conv_to_string(v, NULL), pat = hv_str(ex->pattern), r;
        hv_conv_err err;
        bool ok = hv_op_binary(HV_OP_MATCH, 0, &s, &pat, &r, NULL, &err) && hv_conv_to_bool(&r);
        hv_status st = HV_OK;
        if (!ok) {
            char buf[600];
            snprintf(buf, sizeof buf, "The argument \"%s\" does not match the \"%s\" pattern. "
                     "Supply an argument that matches \"%s\" and try the command again.",
                     hv_str_cstr(&s), ex->pattern, ex->pattern);
            st = validation_error(ctx, fn, pd->name, "%s", buf);
        }
        hv_unref(s);
        hv_unref(pat);
        return st;
    }
    if (ex->validate_script && v->kind != HV_NULL) {
        hv_value blk;
        hv_status st = hv_eval_expr(ctx, ex->validate_script, &blk);
        if (st != HV_OK)
            return st;
        hv_collector c;
        hv_collect_init(&c);
        st = hv_eval_invoke_block(ctx, &blk, v, NULL, 0, false, &c.sink);
        hv_unref(blk);
        if (st == HV_OK) {
            hv_value r = hv_collect_result(&c);
            bool ok = hv_conv_to_bool(&r);
            hv_unref(r);
            if (!ok) {
                size_t len;
                const hv_ast *sb = ex->validate_script;
                const char *t = hv_ast_text(sb->kind == HV_AST_SCRIPTBLOCKEXPR ? sb->u.sbexpr.sb->u.sb.unit : NULL, sb, &len);
                hv_value s = hv_conv_to_string(v, NULL);
                char buf[800];
                char *body = hv_xstrndup(t && len > 2 ? t + 1 : "", t && len > 2 ? len - 2 : 0);
                snprintf(buf, sizeof buf, "The \"%s\" validation script for the argument with value \"%s\" did not return a result of True. Determine why the validation script failed, and then try the command again.",
                         body, hv_str_cstr(&s));
                free(body);
                hv_unref(s);
                st = validation_error(ctx, fn, pd->name, "%s", buf);
            }
        }
        hv_collect_free(&c);
        return st;
    }
    return HV_OK;
}

/* Store a parameter value into its variable (converting to the declared type). */
static hv_status
bind_var(hv_ctx *ctx, hv_function *fn, int i, hv_value v)
{
    fn_priv *p = fn->eval_private;
    const hv_param_def *pd = &p->params[i];
    const param_extra *ex = &p->extra[i];
    if (ex->is_switch) {
        bool b = v.kind == HV_NULL ? false : hv_conv_to_bool(&v);
        hv_unref(v);
        v = hv_switch_value(b);
    } else if (ex->type && v.kind != HV_NULL && hv_eval_is_ref(&v) &&
               hv_str_eq_ci(ex->type->full_name, "System.Management.Automation.PSReference")) {
        /* [ref] parameter: the caller's reference as is */
    } else if (ex->type && v.kind != HV_NULL) {
        hv_value conv;
        hv_conv_err err;
        bool handled = false;
        if (ex->type->kind == HV_OBJECT && !ex->type->element) {
            hv_status cst = hv_class_convert(ctx, ex->type, hv_ref(&v), &conv, &handled);
            if (handled) {
                hv_unref(v);
                if (cst != HV_OK)
                    return cst;
                v = conv;
            }
        }
        if (handled) {
            /* converted to a user class above */
        } else if (hv_conv_to_type(&v, ex->type, &conv, &err)) {
            hv_unref(v);
            v = conv;
        } else {
            hv_value rec = hv_err_new(ctx, "System.Management.Automation.ParameterBindingArgumentTransformationException",
                                      HV_CAT_InvalidData, "ParameterArgumentTransformationError", NULL, NULL,
                                      "Cannot process argument transformation on parameter '%s'. %s",
                                      pd->name, err.msg);
            hv_unref(v);
            return hv_eval_raise(ctx, rec, false);
        }
    }
    hv_status st = validate_param(ctx, fn, pd, ex, &v);
    if (st != HV_OK) {
        hv_unref(v);
        return st;
    }
    hv_var *var = hv_scope_find_in(ctx->cur, pd->name);
    if (!var)
        var = hv_scope_new_var(ctx, ctx->cur, pd->name);
    var->type = ex->is_switch ? NULL : ex->type;
    hv_value old = var->value;
    var->value = v;
    hv_unref(old);
    return HV_OK;
}

static hv_status
bind_default(hv_ctx *ctx, hv_function *fn, int i)
{
    fn_priv *p = fn->eval_private;
    const param_extra *ex = &p->extra[i];
    hv_value v = hv_null();
    if (ex->dflt) {
        hv_status st = hv_eval_expr(ctx, ex->dflt, &v);
        if (st != HV_OK)
            return st;
        if (v.kind == HV_NULL)
            v = hv_null();
    } else if (ex->type && !ex->is_switch) {
        /* typed and unbound: the type's default ([string] "", [int] 0) */
        hv_value conv;
        hv_conv_err err;
        if (!ex->type->element && ex->type->kind != HV_OBJECT && ex->type->kind != HV_TABLE &&
            hv_conv_to_type(&v, ex->type, &conv, &err))
            v = conv;
    }
    hv_var *var = hv_scope_find_in(ctx->cur, p->params[i].name);
    if (!var)
        var = hv_scope_new_var(ctx, ctx->cur, p->params[i].name);
    var->type = ex->is_switch ? NULL : ex->type;
    if (ex->is_switch) {
        bool b = v.kind == HV_NULL ? false : hv_conv_to_bool(&v);
        hv_unref(v);
        v = hv_switch_value(b);
    }
    hv_value old = var->value;
    var->value = v;
    hv_unref(old);
    return HV_OK;
}

static void
set_local(hv_ctx *ctx, const char *name, hv_value v)
{
    hv_var *var = hv_scope_find_in(ctx->cur, name);
    if (!var)
        var = hv_scope_new_var(ctx, ctx->cur, name);
    hv_value old = var->value;
    var->value = v;
    hv_unref(old);
}

static hv_value
my_invocation(hv_ctx *ctx, hv_function *fn, const hv_stage *st, const hv_value *bound,
              const hv_value *unbound)
{
    (void)ctx;
    hv_value mi = hv_obj_new(NULL);
    hv_value mc = hv_obj_new(NULL);
    const char *name = fn->name;
    bool script = (fn->def.flags & HV_CF_SCRIPT) != 0;
    if (script) {
        const char *slash = strrchr(fn->name, '/');
        name = slash ? slash + 1 : fn->name;
    }
    hv_obj_set(&mc, "Name", hv_str(name));
    hv_obj_set(&mc, "CommandType", hv_str(script ? "ExternalScript" : (*fn->name ? "Function" : "Script")));
    if (script) {
        hv_obj_set(&mc, "Path", hv_str(fn->name));
        hv_obj_set(&mc, "Definition", hv_str(fn->name));
        hv_obj_set(&mc, "Source", hv_str(fn->name));
    } else {
        size_t blen = 0;
        const char *bt = fn->unit ? hv_ast_text(fn->unit, fn->body, &blen) : "";
        if (bt && blen >= 2 && bt[0] == '{' && bt[blen - 1] == '}') /* body without braces */
            bt++, blen -= 2;
        hv_obj_set(&mc, "Definition", fn->unit && bt ? hv_strn(bt, blen) : hv_str(""));
    }
    hv_obj_set(&mi, "MyCommand", mc);
    hv_obj_set(&mi, "BoundParameters", bound ? hv_ref(bound) : hv_table_new(0));
    hv_obj_set(&mi, "UnboundArguments", unbound ? hv_ref(unbound) : hv_array_new(0));
    hv_obj_set(&mi, "ScriptLineNumber", hv_int(st ? (int32_t)st->pos.line : 0));
    hv_obj_set(&mi, "OffsetInLine", hv_int(st ? (int32_t)st->pos.col : 0));
    hv_obj_set(&mi, "ScriptName", hv_str(st && st->pos.script ? st->pos.script : ""));
    hv_obj_set(&mi, "Line", st && st->pos.line_text ? hv_strn(st->pos.line_text, st->pos.line_len) : hv_str(""));
    hv_obj_set(&mi, "InvocationName", hv_str(st && st->invocation_name ? st->invocation_name : name));
    /* the folder of the script the call is written in ("" from the command line) */
    const char *caller = st && st->pos.script ? st->pos.script : "";
    const char *slash = strrchr(caller, '/');
    hv_obj_set(&mi, "PSScriptRoot", slash ? hv_strn(caller, slash == caller ? 1 : (size_t)(slash - caller))
                                          : hv_str(""));
    hv_obj_set(&mi, "PSCommandPath", hv_str(caller));
    hv_obj_set(&mi, "PipelineLength", hv_int(1));
    hv_obj_set(&mi, "PipelinePosition", hv_int(1));
    return mi;
}

/* ---- $PSCmdlet ---- */

static const hv_obj_class pscmdlet_class = {
    .type_name = "System.Management.Automation.PSScriptCmdlet",
};

static hv_value
pscmdlet_object(hv_cmd *cmd, hv_function *fn, const hv_value *mi)
{
    hv_value o = hv_obj_new(&pscmdlet_class);
    (void)fn;
    const char *setname = hv_cmd_set_name(cmd);
    hv_obj_set(&o, "ParameterSetName", hv_str(setname ? setname : "__AllParameterSets"));
    hv_obj_set(&o, "MyInvocation", hv_ref(mi));
    hv_obj_set(&o, "CommandRuntime", hv_str(fn->name));
    hv_obj_set_native(&o, cmd);
    return o;
}

static const char *
arg_cstr(hv_value *args, size_t nargs, size_t i, hv_value *holder)
{
    if (i >= nargs)
        return NULL;
    *holder = hv_conv_to_string(&args[i], NULL);
    return hv_str_cstr(holder);
}

/* $PSCmdlet.WriteError / ThrowTerminatingError: as the command runtime does, the record
 * gets the writing command's name in its FullyQualifiedErrorId ("MyId,Get-Thing"). */
static hv_value
attributed_record(hv_cmd *cmd, const hv_value *rec)
{
    hv_value r = hv_ref(rec);
    const char *fn = hv_cmd_def(cmd) ? hv_cmd_def(cmd)->name : NULL;
    const char *fq = hv_err_fqid(&r);
    if (r.kind == HV_OBJECT && fn && *fn && fq && *fq && !strchr(fq, ','))
        hv_obj_set(&r, "FullyQualifiedErrorId", hv_strf("%s,%s", fq, fn));
    return r;
}

hv_status
hv_eval_pscmdlet_call(hv_ctx *ctx, const hv_value *target, const char *name, hv_value *args,
                      size_t nargs, hv_value *out, bool *handled)
{
    *handled = false;
    if (target->kind != HV_OBJECT || hv_obj_class_of(target) != &pscmdlet_class)
        return HV_OK;
    hv_cmd *cmd = hv_obj_native(target);
    *handled = true;
    *out = hv_automation_null();
    hv_value h1 = hv_null(), h2 = hv_null();
    const char *a0 = arg_cstr(args, nargs, 0, &h1);
    const char *a1 = arg_cstr(args, nargs, 1, &h2);
    hv_status st = HV_OK;
    if (hv_str_eq_ci(name, "ShouldProcess")) {
        const char *action = a1 ? a1 : hv_cmd_def(cmd)->name;
        if (nargs >= 3)
            action = a1;
        *out = hv_bool(hv_should_process(cmd, a0 ? a0 : "", action));
    } else if (hv_str_eq_ci(name, "ShouldContinue")) {
        *out = hv_bool(true);
    } else if (hv_str_eq_ci(name, "WriteVerbose")) {
        st = hv_write_verbose(cmd, "%s", a0 ? a0 : "");
    } else if (hv_str_eq_ci(name, "WriteWarning")) {
        st = hv_write_warning(cmd, "%s", a0 ? a0 : "");
    } else if (hv_str_eq_ci(name, "WriteDebug")) {
        st = hv_write_debug(cmd, "%s", a0 ? a0 : "");
    } else if (hv_str_eq_ci(name, "WriteObject") && nargs >= 1) {
        if (nargs >= 2 && hv_conv_to_bool(&args[1]))
            st = hv_emit_enum(cmd, hv_ref(&args[0]));
        else
            st = hv_emit(cmd, hv_ref(&args[0]));
    } else if (hv_str_eq_ci(name, "WriteError") && nargs >= 1) {
        st = hv_write_error(cmd, attributed_record(cmd, &args[0]));
    } else if (hv_str_eq_ci(name, "ThrowTerminatingError") && nargs >= 1) {
        st = hv_throw(cmd, attributed_record(cmd, &args[0]));
    } else if (hv_str_eq_ci(name, "WriteInformation") && nargs >= 1) {
        st = hv_write_information(cmd, hv_ref(&args[0]), a1);
    } else if (hv_str_eq_ci(name, "GetVariableValue") && a0) {
        *out = hv_eval_var_by_name(ctx, a0);
    } else {
        *handled = false;
    }
    hv_unref(h1);
    hv_unref(h2);
    return st;
}

static void
set_script_vars(hv_ctx *ctx, hv_function *fn)
{
    char *dup = hv_xstrdup(fn->name);
    set_local(ctx, "PSScriptRoot", hv_str(dirname(dup)));
    free(dup);
    set_local(ctx, "PSCommandPath", hv_str(fn->name));
}

static void
apply_closure(hv_ctx *ctx, hv_function *fn)
{
    if (fn->closure.kind != HV_TABLE)
        return;
    const hv_value *k, *v;
    for (size_t it = 0; hv_table_next(&fn->closure, &it, &k, &v);)
        set_local(ctx, hv_str_cstr(k), hv_ref(v));
}

/* -Verbose, -ErrorAction Stop, ... on an advanced function set the matching preference
 * variables in its scope, so the commands it runs inherit them (about_CommonParameters). */
static void
set_common_preferences(hv_ctx *ctx, hv_cmd *cmd)
{
    if (cmd->verbose >= 0)
        set_local(ctx, "VerbosePreference", hv_eval_action_value(cmd->verbose ? HV_ACT_CONTINUE : HV_ACT_SILENTLY_CONTINUE));
    if (cmd->debug >= 0)
        set_local(ctx, "DebugPreference", hv_eval_action_value(cmd->debug ? HV_ACT_CONTINUE : HV_ACT_SILENTLY_CONTINUE));
    if (cmd->erract >= 0)
        set_local(ctx, "ErrorActionPreference", hv_eval_action_value(cmd->erract));
    if (cmd->warnact >= 0)
        set_local(ctx, "WarningPreference", hv_eval_action_value(cmd->warnact));
    if (cmd->infoact >= 0)
        set_local(ctx, "InformationPreference", hv_eval_action_value(cmd->infoact));
    if (cmd->progact >= 0)
        set_local(ctx, "ProgressPreference", hv_eval_action_value(cmd->progact));
    if (cmd->whatif)
        set_local(ctx, "WhatIfPreference", hv_bool(true));
}

/* Common begin: scope, parameters, automatic variables, begin block. vals/bound: per
 * parameter. Takes ownership of args_array and bound_table. */
static hv_status
frame_begin(hv_ctx *ctx, fn_frame *fr, hv_function *fn, hv_value *vals, const bool *bound,
            hv_value args_array, hv_value bound_table, const hv_stage *stage, hv_sink *out)
{
    fr->fn = fn;
    hv_function_ref(fn);
    fr->input = hv_null();
    fr->saved_under = hv_null();
    fr->saved_root = hv_null();
    fr->saved_path = hv_null();
    fr->saved_inv = hv_null();
    fr->saved_bound = hv_null();
    fr->saved_args = hv_null();
    fr->is_script = (fn->def.flags & HV_CF_SCRIPT) != 0;
    if (++ctx->depth > MAX_DEPTH || hv_eval_stack_exhausted(ctx)) {
        hv_unref(args_array);
        hv_unref(bound_table);
        hv_value rec = hv_err_new(ctx, "System.Management.Automation.ScriptCallDepthException",
                                  HV_CAT_InvalidOperation, "CallDepthOverflow", NULL, stage ? &stage->pos : NULL,
                                  "The script failed due to call depth overflow.");
        return hv_eval_raise(ctx, rec, true);
    }
    if (fr->is_script && fn->body->u.sb.nrequires) {
        hv_status rst = hv_requires_check(ctx, fn->body->u.sb.requires, fn->body->u.sb.nrequires,
                                          fn->name);
        if (rst != HV_OK) {
            hv_unref(args_array);
            hv_unref(bound_table);
            return rst;
        }
    }
    if (fn->body->u.sb.usings.n)
        hv_eval_register_usings(ctx, fn->body);
    if (!fr->dot)
        fr->scope = hv_scope_new_child(ctx, ctx->cur, fr->is_script ? HV_SCOPE_SCRIPT : 0);
    frame_enter(ctx, fr);
    apply_closure(ctx, fn);
    fn_priv *p = fn->eval_private;
    hv_status st = HV_OK;
    for (int i = 0; i < p->nparams && st == HV_OK; i++)
        st = bound[i] ? bind_var(ctx, fn, i, hv_ref(&vals[i])) : bind_default(ctx, fn, i);
    if (st == HV_OK && fr->dot && (fn->def.flags & HV_CF_SCRIPT)) {
        /* a dot-sourced script sees its own $MyInvocation... while it runs; the caller's
         * come back afterwards */
        fr->saved_inv = hv_eval_var_by_name(ctx, "MyInvocation");
        fr->saved_bound = hv_eval_var_by_name(ctx, "PSBoundParameters");
        fr->saved_args = hv_eval_var_by_name(ctx, "args");
        fr->saved_autos = true;
    }
    if (st == HV_OK) {
        if (fr->cmd && (fn->def.flags & HV_CF_ADVANCED))
            set_common_preferences(ctx, fr->cmd);
        if (p->uses_invocation || fr->is_script) {
            hv_value mi = my_invocation(ctx, fn, stage, &bound_table, &args_array);
            if (fr->cmd && (fn->def.flags & HV_CF_ADVANCED))
                set_local(ctx, "PSCmdlet", pscmdlet_object(fr->cmd, fn, &mi));
            set_local(ctx, "MyInvocation", mi);
        }
        if (p->uses_args || fr->is_script)
            set_local(ctx, "args", args_array);
        else
            hv_unref(args_array);
        if (p->uses_bound || fr->is_script)
            set_local(ctx, "PSBoundParameters", bound_table);
        else
            hv_unref(bound_table);
        if (fr->is_script) {
            if (fr->dot) {
                fr->saved_root = hv_eval_var_by_name(ctx, "PSScriptRoot");
                fr->saved_path = hv_eval_var_by_name(ctx, "PSCommandPath");
            }
            set_script_vars(ctx, fn);
        }
        st = script_exit(ctx, fr, run_named(ctx, fn->body->u.sb.begin, out));
    } else {
        hv_unref(args_array);
        hv_unref(bound_table);
    }
    frame_leave(ctx, fr);
    fr->begun = true;
    return st;
}

static bool
is_filter(const hv_function *fn)
{
    return (fn->def.flags & HV_CF_FILTER) != 0;
}

static hv_status
frame_process(hv_ctx *ctx, fn_frame *fr, const hv_value *input, bool has_input, hv_sink *out)
{
    hv_function *fn = fr->fn;
    hv_ast *sb = fn->body;
    hv_ast *proc = sb->u.sb.process;
    if (!proc && is_filter(fn))
        proc = sb->u.sb.end;
    if (!proc) {
        /* no upstream shows as one $null input: $input stays empty then */
        if (has_input && input->kind != HV_NULL) {
            if (fr->input.kind != HV_ARRAY)
                fr->input = hv_array_new(4);
            hv_array_push(&fr->input, hv_ref(input));
        }
        return HV_OK;
    }
    if (fr->exited)
        return HV_OK;
    frame_enter(ctx, fr);
    set_local(ctx, "_", has_input ? hv_ref(input) : hv_null());
    hv_status st = script_exit(ctx, fr, run_named(ctx, proc, out));
    frame_leave(ctx, fr);
    return st;
}

static hv_status
frame_end(hv_ctx *ctx, fn_frame *fr, hv_sink *out)
{
    hv_function *fn = fr->fn;
    hv_ast *sb = fn->body;
    if (is_filter(fn) && !sb->u.sb.process)
        return HV_OK;
    if (!sb->u.sb.end || fr->exited)
        return HV_OK;
    frame_enter(ctx, fr);
    if (((fn_priv *)fn->eval_private)->uses_input)
        set_local(ctx, "input", fr->input.kind == HV_ARRAY ? hv_steal(&fr->input) : hv_array_new(0));
    hv_status st = script_exit(ctx, fr, run_named(ctx, sb->u.sb.end, out));
    frame_leave(ctx, fr);
    return st;
}

static void
frame_cleanup(hv_ctx *ctx, fn_frame *fr)
{
    if (!fr->fn)
        return;
    if (fr->begun && fr->fn->body->u.sb.clean) {
        frame_enter(ctx, fr);
        hv_status st = run_named(ctx, fr->fn->body->u.sb.clean, NULL);
        if (st == HV_ERR)
            hv_unref(hv_eval_take_error(ctx));
        frame_leave(ctx, fr);
    }
    ctx->depth--;
    if (fr->dot && fr->is_script && fr->begun) {
        /* a dot-sourced script's $PSScriptRoot is its own only while it runs */
        set_local(ctx, "PSScriptRoot", hv_steal(&fr->saved_root));
        set_local(ctx, "PSCommandPath", hv_steal(&fr->saved_path));
    }
    hv_unref(fr->saved_root);
    hv_unref(fr->saved_path);
    if (fr->saved_autos && fr->begun) {
        set_local(ctx, "MyInvocation", hv_steal(&fr->saved_inv));
        set_local(ctx, "PSBoundParameters", hv_steal(&fr->saved_bound));
        set_local(ctx, "args", hv_steal(&fr->saved_args));
    }
    hv_unref(fr->saved_inv);
    hv_unref(fr->saved_bound);
    hv_unref(fr->saved_args);
    if (fr->scope) {
        hv_scope_free(ctx, fr->scope);
        fr->scope = NULL;
        ctx->scope_epoch++;
    }
    hv_unref(fr->input);
    hv_function_unref(fr->fn);
    fr->fn = NULL;
}

/* ---- the def's ops (called by B's pipe with bound arguments) ---- */

typedef struct {
    fn_frame fr;
} fn_state;

static fn_frame *
frame_of(hv_cmd *cmd)
{
    fn_frame *fr = hv_cmd_state(cmd);
    return fr;
}

static hv_status
op_begin(hv_cmd *cmd)
{
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    hv_function *fn = (hv_function *)hv_cmd_def(cmd);
    fn_frame *fr = frame_of(cmd);
    fn_priv *p = fn->eval_private;
    memset(fr, 0, sizeof *fr);
    fr->cmd = cmd;
    fr->dot = hv_cmd_dot_sourced(cmd);
    hv_value *vals = hv_xcalloc((size_t)p->nparams + 1, sizeof *vals);
    bool *bound = hv_xcalloc((size_t)p->nparams + 1, sizeof *bound);
    for (int i = 0; i < p->nparams; i++) {
        const hv_value *v = hv_cmd_arg(cmd, i);
        bound[i] = v != NULL && hv_cmd_bound(cmd, i);
        vals[i] = bound[i] ? hv_ref(v) : hv_null();
    }
    hv_status st = frame_begin(ctx, fr, fn, vals, bound, hv_cmd_unbound_args(cmd),
                               hv_cmd_bound_params(cmd), hv_cmd_stage(cmd), hv_pipe_cmd_sink(cmd));
    for (int i = 0; i < p->nparams; i++)
        hv_unref(vals[i]);
    free(vals);
    free(bound);
    return st;
}

static hv_status
op_process(hv_cmd *cmd, const hv_value *input)
{
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    fn_frame *fr = frame_of(cmd);
    hv_function *fn = fr->fn;
    fn_priv *p = fn->eval_private;
    /* parameters bound from this pipeline object */
    frame_enter(ctx, fr);
    hv_status st = HV_OK;
    uint64_t piped = 0;
    for (int i = 0; i < p->nparams && st == HV_OK; i++) {
        uint64_t bit = i < 64 ? (uint64_t)1 << i : 0;
        if ((p->params[i].flags & (HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME)) &&
            hv_cmd_bound_from_pipeline(cmd, i)) {
            const hv_value *v = hv_cmd_arg(cmd, i);
            st = bind_var(ctx, fn, i, v ? hv_ref(v) : hv_null());
            piped |= bit;
        } else if (fr->piped & bit) {
            /* bound from the previous record only: back to its default, as pwsh's
             * RestoreDefaultParameterValues does before binding the next record */
            st = bind_default(ctx, fn, i);
        }
    }
    fr->piped = piped;
    frame_leave(ctx, fr);
    if (st != HV_OK)
        return st;
    return frame_process(ctx, fr, input, true, hv_pipe_cmd_sink(cmd));
}

static hv_status
op_end(hv_cmd *cmd)
{
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    fn_frame *fr = frame_of(cmd);
    return frame_end(ctx, fr, hv_pipe_cmd_sink(cmd));
}

static void
op_cleanup(hv_cmd *cmd)
{
    fn_frame *fr = frame_of(cmd);
    frame_cleanup(hv_cmd_ctx(cmd), fr);
}

static const hv_cmdlet_ops fn_ops = {
    .begin = op_begin,
    .process = op_process,
    .end = op_end,
    .cleanup = op_cleanup,
};

size_t
hv_eval_fn_state_size(void)
{
    return sizeof(fn_state);
}

/* ======================================================================================
 * direct invocation (no binder): script blocks from the runtime, .Invoke()
 * ====================================================================================== */

static int
find_param(const fn_priv *p, const char *name)
{
    int found = -1;
    size_t n = strlen(name);
    for (int i = 0; i < p->nparams; i++) {
        if (hv_str_eq_ci(p->params[i].name, name))
            return i;
        if (strncasecmp(p->params[i].name, name, n) == 0)
            found = found == -1 ? i : -2;
    }
    return found >= 0 ? found : -1;
}

hv_status
hv_eval_call_function(hv_ctx *ctx, hv_function *fn, hv_arg *args, size_t nargs,
                      const hv_value *input, size_t ninput, bool dot_source, hv_sink *out)
{
    fn_priv *p = fn->eval_private;
    hv_value *vals = hv_xcalloc((size_t)p->nparams + 1, sizeof *vals);
    bool *bound = hv_xcalloc((size_t)p->nparams + 1, sizeof *bound);
    hv_value extra = hv_array_new(nargs);
    hv_value table = hv_table_new(HV_TABLE_ORDERED);
    /* named first */
    bool *used = hv_xcalloc(nargs + 1, sizeof *used);
    for (size_t a = 0; a < nargs; a++) {
        if (!args[a].param)
            continue;
        int i = find_param(p, args[a].param);
        if (i < 0)
            continue;
        used[a] = true;
        if (args[a].has_value) {
            vals[i] = hv_ref(&args[a].value);
        } else if (p->params[i].type == HV_PT_SWITCH) {
            vals[i] = hv_bool(true);
        } else if (a + 1 < nargs && !args[a + 1].param) {
            vals[i] = hv_ref(&args[a + 1].value);
            used[a + 1] = true;
            a++;
        }
        bound[i] = true;
    }
    /* then positional, by position order */
    size_t next = 0;
    for (int pos = 0; pos < p->nparams; pos++) {
        int i = -1;
        for (int k = 0; k < p->nparams; k++)
            if (p->params[k].position == pos && !bound[k])
                i = k;
        if (i < 0)
            continue;
        while (next < nargs && (used[next] || args[next].param))
            next++;
        if (next >= nargs)
            break;
        vals[i] = hv_ref(&args[next].value);
        bound[i] = true;
        used[next++] = true;
    }
    for (size_t a = 0; a < nargs; a++) {
        if (used[a])
            continue;
        hv_array_push(&extra, args[a].param ? hv_str(args[a].text ? args[a].text : args[a].param)
                                            : hv_ref(&args[a].value));
    }
    for (int i = 0; i < p->nparams; i++)
        if (bound[i])
            hv_table_sets(&table, p->params[i].name, hv_ref(&vals[i]));
    free(used);
    fn_frame fr = {0};
    fr.dot = dot_source;
    hv_status st = frame_begin(ctx, &fr, fn, vals, bound, extra, table, NULL, out);
    for (int i = 0; i < p->nparams; i++)
        hv_unref(vals[i]);
    free(vals);
    free(bound);
    if (st == HV_OK) {
        if (ninput == 0) {
            st = frame_process(ctx, &fr, input ? input : &(hv_value){0}, input != NULL, out);
        } else {
            for (size_t i = 0; i < ninput && st == HV_OK; i++)
                st = frame_process(ctx, &fr, &input[i], true, out);
        }
    }
    if (st == HV_OK)
        st = frame_end(ctx, &fr, out);
    frame_cleanup(ctx, &fr);
    return st;
}

/* Fast path for the common `{ ... }` with no param() and no named blocks (ForEach-Object,
 * Where-Object, .ForEach(), -replace): no binder, no $MyInvocation. */
static hv_status
invoke_simple(hv_ctx *ctx, hv_function *fn, const hv_value *dollar_under, const hv_value *args,
              size_t nargs, bool dot_source, hv_sink *out)
{
    if (ctx->depth + 1 > MAX_DEPTH || hv_eval_stack_exhausted(ctx))
        return hv_eval_fail(ctx, NULL, "System.Management.Automation.ScriptCallDepthException",
                            HV_CAT_InvalidOperation, "CallDepthOverflow",
                            "The script failed due to call depth overflow.");
    hv_function_ref(fn);
    ctx->depth++;
    hv_scope *saved = ctx->cur, *scope = NULL;
    hv_sink *saved_ret = ctx->return_sink;
    ctx->return_sink = NULL;
    hv_value saved_under = hv_null();
    bool had_under = false;
    if (!dot_source) {
        scope = hv_scope_new_child(ctx, ctx->cur, 0);
        ctx->cur = scope;
        ctx->scope_epoch++;
    }
    if (dollar_under) {
        /* ForEach-Object calls this once per object in the same scope: keep the $_ slot */
        fn_priv *p = fn->eval_private;
        hv_var *v;
        if (dot_source && p->under_scope == ctx->cur && p->under_epoch == ctx->scope_epoch &&
            p->under_var && !p->under_var->removed) {
            v = p->under_var;
        } else {
            v = hv_scope_find_in(ctx->cur, "_");
            if (!v)
                v = hv_scope_new_var(ctx, ctx->cur, "_");
            if (dot_source) {
                p->under_scope = ctx->cur;
                p->under_epoch = ctx->scope_epoch;
                p->under_var = v;
            }
        }
        if (dot_source) {
            had_under = true;
            saved_under = hv_steal(&v->value);
        }
        hv_value old = v->value;
        v->value = hv_ref(dollar_under);
        hv_unref(old);
    }
    if (!dot_source) {
        hv_value a = hv_array_new(nargs);
        for (size_t i = 0; i < nargs; i++)
            hv_array_push(&a, hv_ref(&args[i]));
        set_local(ctx, "args", a);
    }
    hv_status st = run_named(ctx, fn->body->u.sb.end, out);
    if (scope) {
        ctx->cur = saved;
        hv_scope_free(ctx, scope);
        ctx->scope_epoch++;
    } else if (had_under) {
        fn_priv *p = fn->eval_private;
        hv_var *v = p->under_scope == ctx->cur && p->under_epoch == ctx->scope_epoch && p->under_var
                        ? p->under_var
                        : hv_scope_find_in(ctx->cur, "_");
        if (v) {
            hv_value old = v->value;
            v->value = saved_under;
            hv_unref(old);
        } else {
            hv_unref(saved_under);
        }
    }
    ctx->return_sink = saved_ret;
    ctx->depth--;
    hv_function_unref(fn);
    return st;
}

hv_status
hv_eval_invoke_block(hv_ctx *ctx, const hv_value *block, const hv_value *dollar_under,
                     const hv_value *args, size_t nargs, bool dot_source, hv_sink *out)
{
    if (!hv_eval_is_block(block))
        return HV_OK;
    hv_function *fn = hv_eval_block_function(ctx, block);
    fn_priv *p = fn->eval_private;
    if (p->simple && fn->closure.kind != HV_TABLE && (!dot_source || nargs == 0))
        return invoke_simple(ctx, fn, dollar_under, args, nargs, dot_source, out);
    hv_function_ref(fn);
    hv_arg *av = nargs ? hv_xcalloc(nargs, sizeof *av) : NULL;
    for (size_t i = 0; i < nargs; i++)
        av[i] = (hv_arg){.value = hv_ref(&args[i]), .has_value = true};
    /* $_ must be visible to the begin/end blocks too (ForEach-Object { $_ }) */
    hv_value saved = hv_null();
    bool had = false;
    if (dollar_under) {
        hv_var *v = hv_scope_find_in(ctx->cur, "_");
        had = v != NULL;
        saved = v ? hv_ref(&v->value) : hv_null();
        set_local(ctx, "_", hv_ref(dollar_under));
    }
    hv_status st = hv_eval_call_function(ctx, fn, av, nargs, dollar_under, dollar_under ? 1 : 0,
                                         dot_source, out);
    if (dollar_under) {
        if (had)
            set_local(ctx, "_", saved);
        else
            hv_unref(saved);
    }
    for (size_t i = 0; i < nargs; i++)
        hv_unref(av[i].value);
    free(av);
    hv_function_unref(fn);
    if (st == HV_RETURN)
        st = HV_OK;
    return st;
}

/* ======================================================================================
 * script files
 * ====================================================================================== */

typedef struct script_entry {
    char *path;
    time_t mtime;
    hv_function *fn;
    struct script_entry *next;
} script_entry;


static hv_value
parse_error_record(hv_ctx *ctx, const hv_ast_unit *u)
{
    const hv_parse_error *e = &u->errors[0];
    hv_pos pos = {0};
    pos.script = u->filename;
    pos.line = e->ext.line;
    pos.col = e->ext.col;
    pos.end_line = e->ext.end_line;
    pos.end_col = e->ext.end_col;
    pos.line_text = hv_ast_unit_line(u, e->ext.line, &pos.line_len);
    return hv_err_new(ctx, "System.Management.Automation.ParseException", HV_CAT_ParserError,
                      e->id ? e->id : "ParseError", NULL, &pos, "%s", e->message);
}

hv_status
hv_eval_script_function(hv_ctx *ctx, const char *path, hv_function **out)
{
    *out = NULL;
    struct stat sb;
    if (stat(path, &sb) != 0) {
        hv_value rec = hv_err_new(ctx, "System.Management.Automation.CommandNotFoundException",
                                  HV_CAT_ObjectNotFound, "CommandNotFoundException", NULL, NULL,
                                  "The term '%s' is not recognized as a name of a cmdlet, function, "
                                  "script file, or executable program.\nCheck the spelling of the name, "
                                  "or if a path was included, verify that the path is correct and try again.",
                                  path);
        return hv_eval_raise(ctx, rec, false);
    }
    char *real = realpath(path, NULL);
    const char *key = real ? real : path;
    script_entry **headp = (script_entry **)&ctx->eval_private;
    for (script_entry *e = *headp; e; e = e->next) {
        if (strcmp(e->path, key) == 0 && e->mtime == sb.st_mtime) {
            *out = e->fn;
            free(real);
            return HV_OK;
        }
    }
    FILE *f = fopen(key, "rb");
    if (!f) {
        free(real);
        return hv_eval_fail(ctx, NULL, "System.UnauthorizedAccessException", HV_CAT_PermissionDenied,
                            "UnauthorizedAccess", "Cannot read file '%s'.", path);
    }
    hv_buf b = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        hv_buf_put(&b, chunk, n);
    fclose(f);
    /* Decode as pwsh reads .ps1 files: UTF-16 (BOM) from Windows editors, UTF-8 BOM dropped. */
    size_t len = 0;
    char *src = hv_parse_decode_source(b.data ? b.data : "", b.len, &len);
    hv_buf_free(&b);
    hv_ast_unit *u = hv_parse(src, len, key);
    free(src);
    if (u->nerrors) {
        hv_value rec = parse_error_record(ctx, u);
        hv_ast_unit_unref(u);
        free(real);
        return hv_eval_raise(ctx, rec, true);
    }
    hv_function *fn = hv_eval_function_new(ctx, key, u->root, NULL, HV_FUNC_FUNCTION);
    fn->def.flags |= HV_CF_SCRIPT;
    hv_ast_unit_unref(u);
    script_entry *e = hv_xcalloc(1, sizeof *e);
    e->path = real ? real : hv_xstrdup(path);
    e->mtime = sb.st_mtime;
    e->fn = fn;
    e->next = *headp;
    *headp = e;
    *out = fn;
    return HV_OK;
}

void
hv_eval_scripts_free(hv_ctx *ctx)
{
    script_entry *e = ctx->eval_private;
    while (e) {
        script_entry *next = e->next;
        hv_function_unref(e->fn);
        free(e->path);
        free(e);
        e = next;
    }
    ctx->eval_private = NULL;
}

/* Invoke-Expression: parse and run text in the current scope. */
hv_status
hv_eval_string(hv_ctx *ctx, const char *src, size_t len, const char *name, hv_sink *out)
{
    hv_ast_unit *u = hv_parse(src, len, name ? name : "");
    if (u->nerrors) {
        hv_value rec = parse_error_record(ctx, u);
        hv_ast_unit_unref(u);
        return hv_eval_raise(ctx, rec, false);
    }
    hv_status st = hv_eval_run_scriptblock(ctx, u->root, NULL, out);
    hv_ast_unit_unref(u);
    return st;
}
