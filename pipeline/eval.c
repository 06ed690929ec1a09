/* eval.c — the tree-walking evaluator: statements, statement lists (traps, statement-
 * terminating errors), control flow, sinks and per-node caches.
 *
 * Statuses, never longjmp: every eval function returns hv_status; HV_ERR leaves the
 * ErrorRecord in ctx->err; HV_BREAK / HV_CONTINUE carry ctx's jump label; HV_RETURN and
 * HV_EXIT unwind to the function / script boundary.
 */
#include "internal.h"
#include "jobs.h"
#include "runtime.h"
#include "format.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ======================================================================================
 * per-node caches
 * ====================================================================================== */

typedef struct hv_eval_cache {
    hv_node_cache **chunks;
    size_t nchunks;
    size_t used;
} eval_cache;

#define CACHE_CHUNK 256

hv_node_cache *
hv_eval_cache_of(hv_ctx *ctx, hv_ast *node)
{
    /* aux holds the entry's address: chunks never move, so it stays valid */
    if (node->aux)
        return (hv_node_cache *)node->aux;
    eval_cache *c = ctx->cache;
    if (!c)
        c = ctx->cache = hv_xcalloc(1, sizeof *c);
    size_t idx = c->used++;
    if (idx / CACHE_CHUNK >= c->nchunks) {
        c->chunks = hv_xrealloc(c->chunks, (c->nchunks + 1) * sizeof *c->chunks);
        c->chunks[c->nchunks++] = hv_xcalloc(CACHE_CHUNK, sizeof(hv_node_cache));
    }
    hv_node_cache *e = &c->chunks[idx / CACHE_CHUNK][idx % CACHE_CHUNK];
    e->epoch = e->lepoch = UINT64_MAX;
    e->special = -1;
    node->aux = (uintptr_t)e;
    return e;
}

void
hv_eval_cache_free(hv_ctx *ctx)
{
    eval_cache *c = ctx->cache;
    if (!c)
        return;
    for (size_t i = 0; i < c->used; i++)
        hv_unref(c->chunks[i / CACHE_CHUNK][i % CACHE_CHUNK].constant);
    for (size_t i = 0; i < c->nchunks; i++)
        free(c->chunks[i]);
    free(c->chunks);
    free(c);
    ctx->cache = NULL;
}

/* ======================================================================================
 * positions and errors
 * ====================================================================================== */

static const hv_ast_unit *
unit_of(const hv_ast *node)
{
    const hv_ast *n = node;
    while (n->parent)
        n = n->parent;
    return n->kind == HV_AST_SCRIPTBLOCK ? n->u.sb.unit : NULL;
}

void
hv_eval_pos_of(const hv_ast *node, hv_pos *pos)
{
    memset(pos, 0, sizeof *pos);
    if (!node)
        return;
    const hv_ast_unit *u = unit_of(node);
    pos->line = node->ext.line;
    pos->col = node->ext.col;
    pos->end_line = node->ext.end_line;
    pos->end_col = node->ext.end_col;
    if (u) {
        pos->script = u->filename && *u->filename && u->filename[0] != '<' ? u->filename : NULL;
        pos->line_text = hv_ast_unit_line(u, node->ext.line, &pos->line_len);
    }
}

/* A pending error raised without a position (a .NET method of V's failing) gets the
 * position of the expression being evaluated, so the concise view shows the Line block. */
void
hv_eval_fill_position(hv_ctx *ctx, const hv_ast *node)
{
    if (!node || ctx->err.kind != HV_OBJECT)
        return;
    const hv_value *inv = hv_obj_get(&ctx->err, "InvocationInfo");
    if (!inv || inv->kind != HV_OBJECT)
        return;
    const hv_value *ln = hv_obj_get(inv, "ScriptLineNumber");
    if (ln && ln->kind == HV_INT && hv_int_of(ln) > 0)
        return;
    hv_pos pos;
    hv_eval_pos_of(node, &pos);
    if (!pos.line)
        return;
    hv_value iv = hv_ref(inv);
    hv_obj_set(&iv, "ScriptLineNumber", hv_int((int32_t)pos.line));
    hv_obj_set(&iv, "OffsetInLine", hv_int((int32_t)pos.col));
    hv_obj_set(&iv, "ScriptName", hv_str(pos.script ? pos.script : ""));
    hv_obj_set(&iv, "Line", pos.line_text ? hv_strn(pos.line_text, pos.line_len) : hv_str(""));
    hv_unref(iv);
}

bool
hv_eval_current_pos(hv_ctx *ctx, hv_pos *pos)
{
    if (!ctx->cur_node)
        return false;
    hv_eval_pos_of(ctx->cur_node, pos);
    return true;
}

hv_status
hv_eval_raise(hv_ctx *ctx, hv_value rec, bool script_terminating)
{
    hv_unref(ctx->err);
    ctx->err = rec;
    ctx->err_script_terminating = script_terminating;
    return HV_ERR;
}

hv_status
hv_eval_fail(hv_ctx *ctx, const hv_ast *node, const char *exception_type, hv_err_category cat,
             const char *error_id, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    hv_pos pos;
    hv_eval_pos_of(node, &pos);
    hv_value rec = hv_err_new(ctx, exception_type, cat, error_id, NULL, &pos, "%s", msg);
    return hv_eval_raise(ctx, rec, false);
}

hv_value
hv_eval_take_error(hv_ctx *ctx)
{
    hv_value e = ctx->err;
    ctx->err = hv_null();
    ctx->err_script_terminating = false;
    return e;
}

/* ======================================================================================
 * sinks
 * ====================================================================================== */

static hv_status
collect_put(hv_ctx *ctx, hv_sink *s, hv_value v)
{
    (void)ctx;
    hv_collector *c = (hv_collector *)s;
    if (v.kind == HV_NULL && v.sub == HV_SUB_AUTOMATION_NULL)
        return HV_OK;
    if (c->items.kind != HV_ARRAY)
        c->items = hv_array_new(4);
    hv_array_push(&c->items, v);
    return HV_OK;
}

void
hv_collect_init(hv_collector *c)
{
    c->sink.put = collect_put;
    c->sink.ud = NULL;
    c->items = hv_null();
}

hv_value
hv_collect_result(hv_collector *c)
{
    if (c->items.kind != HV_ARRAY)
        return hv_automation_null();
    size_t n = hv_array_len(&c->items);
    if (n == 1) {
        hv_value v = hv_ref(hv_array_at(&c->items, 0));
        hv_unrefp(&c->items);
        return v;
    }
    return hv_steal(&c->items);
}

hv_value
hv_collect_array(hv_collector *c)
{
    if (c->items.kind != HV_ARRAY)
        return hv_array_new(0);
    return hv_steal(&c->items);
}

void
hv_collect_free(hv_collector *c)
{
    hv_unrefp(&c->items);
}

hv_status
hv_sink_write(hv_ctx *ctx, hv_sink *s, hv_value v)
{
    if (v.kind == HV_NULL && v.sub == HV_SUB_AUTOMATION_NULL)
        return HV_OK;
    if (!s) {
        hv_unref(v);
        return HV_OK;
    }
    if (v.kind != HV_ARRAY)
        return s->put(ctx, s, v);
    size_t n = hv_array_len(&v);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++)
        st = s->put(ctx, s, hv_ref(hv_array_at(&v, i)));
    hv_unref(v);
    return st;
}

/* ---- the console sink: buffers objects, renders them with Out-Default on flush ---- */

typedef struct {
    hv_sink sink;
    hv_value pending; /* HV_ARRAY */
} console_state;

static bool
is_scalar_output(const hv_value *v)
{
    switch (v->kind) {
    case HV_NULL: case HV_BOOL: case HV_INT: case HV_DOUBLE: case HV_CHAR: case HV_STRING:
    case HV_ENUM:
        return true;
    default:
        return false;
    }
}

void
hv_eval_console_flush(hv_ctx *ctx)
{
    console_state *cs = ctx->console_state;
    if (!cs || cs->pending.kind != HV_ARRAY || hv_array_len(&cs->pending) == 0)
        return;
    hv_value items = hv_steal(&cs->pending);
    hv_value text = hv_fmt_render(ctx, hv_array_items(&items), hv_array_len(&items), 0);
    if (text.kind == HV_STRING)
        fwrite(hv_str_cstr(&text), 1, hv_str_len(&text), ctx->out);
    if (fflush(ctx->out) != 0 || ferror(ctx->out)) {
        /* stdout is gone (`hvsh -c '1..1e9' | head -1`): stop everything, as Ctrl-C does */
        hv_runtime_interrupt();
    }
    hv_unref(text);
    hv_unref(items);
}

static hv_status
console_put(hv_ctx *ctx, hv_sink *s, hv_value v)
{
    console_state *cs = (console_state *)s;
    if (v.kind == HV_NULL)
        return HV_OK;
    if (cs->pending.kind != HV_ARRAY)
        cs->pending = hv_array_new(8);
    bool scalar = is_scalar_output(&v);
    hv_array_push(&cs->pending, v);
    /* Scalars print at once when nothing else waits, so long-running scripts show their
     * progress; objects wait so a run of them becomes one table (the renderer sees the
     * whole mixed run, as pwsh's single Out-Default does). */
    if (scalar && hv_array_len(&cs->pending) == 1)
        hv_eval_console_flush(ctx);
    return hv_runtime_interrupted ? HV_STOPPED : HV_OK;
}

hv_sink *
hv_eval_console_sink(hv_ctx *ctx)
{
    if (!ctx->console_state) {
        console_state *cs = hv_xcalloc(1, sizeof *cs);
        cs->sink.put = console_put;
        cs->pending = hv_null();
        ctx->console_state = cs;
        ctx->console = &cs->sink;
    }
    return ctx->console;
}

void
hv_eval_console_free(hv_ctx *ctx)
{
    console_state *cs = ctx->console_state;
    if (!cs)
        return;
    hv_unref(cs->pending);
    free(cs);
    ctx->console_state = NULL;
    ctx->console = NULL;
}

void
hv_host_write(hv_ctx *ctx, bool to_stderr, const char *s, size_t n)
{
    /* Host text comes after the output produced before it. */
    hv_eval_console_flush(ctx);
    FILE *f = to_stderr ? ctx->errout : ctx->out;
    fwrite(s, 1, n, f);
    fflush(f);
}

/* ======================================================================================
 * statements
 * ====================================================================================== */

/* Does a break/continue (with ctx->jump_label) target this loop? */
static bool
jump_targets(hv_ctx *ctx, const char *label)
{
    if (ctx->jump_label.kind != HV_STRING)
        return true;
    return label && hv_str_eq_ci(hv_str_cstr(&ctx->jump_label), label);
}

static void
jump_clear(hv_ctx *ctx)
{
    hv_unrefp(&ctx->jump_label);
}

static hv_status
set_jump_label(hv_ctx *ctx, hv_ast *arg)
{
    hv_unrefp(&ctx->jump_label);
    if (!arg)
        return HV_OK;
    hv_value v;
    hv_status st = hv_eval_expr(ctx, arg, &v);
    if (st != HV_OK)
        return st;
    ctx->jump_label = hv_conv_to_string(&v, NULL);
    hv_unref(v);
    return HV_OK;
}

/* Loop body outcome: HV_OK continue looping, HV_BREAK leave (consumed), other: propagate */
static hv_status
loop_body(hv_ctx *ctx, hv_ast *body, const char *label, hv_sink *out, bool *leave)
{
    *leave = false;
    hv_status st = hv_eval_stmts(ctx, &body->u.block.stmts, out);
    if (st == HV_OK)
        return HV_OK;
    if ((st == HV_BREAK || st == HV_CONTINUE) && jump_targets(ctx, label)) {
        jump_clear(ctx);
        if (st == HV_BREAK)
            *leave = true;
        return HV_OK;
    }
    *leave = true;
    return st;
}

static hv_status
cond_true(hv_ctx *ctx, hv_ast *cond, bool *out)
{
    hv_value v;
    hv_status st = hv_eval_stmt_value(ctx, cond, &v);
    if (st != HV_OK)
        return st;
    *out = hv_conv_to_bool(&v);
    hv_unref(v);
    return HV_OK;
}

static hv_status
eval_if(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    for (uint32_t i = 0; i < node->u.if_.conds.n; i++) {
        bool t;
        hv_status st = cond_true(ctx, node->u.if_.conds.items[i], &t);
        if (st != HV_OK)
            return st;
        if (t)
            return hv_eval_stmts(ctx, &node->u.if_.bodies.items[i]->u.block.stmts, out);
    }
    if (node->u.if_.else_)
        return hv_eval_stmts(ctx, &node->u.if_.else_->u.block.stmts, out);
    return HV_OK;
}

static bool
interrupted(hv_ctx *ctx)
{
    (void)ctx;
    return hv_runtime_interrupted != 0;
}

static hv_status
stop_status(hv_ctx *ctx)
{
    (void)ctx;
    return HV_STOPPED;
}

static hv_status
eval_while(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    bool leave = false;
    bool is_do = node->kind != HV_AST_WHILE;
    for (;;) {
        if (interrupted(ctx))
            return stop_status(ctx);
        if (!is_do) {
            bool t;
            hv_status st = cond_true(ctx, node->u.loop.cond, &t);
            if (st != HV_OK)
                return st;
            if (!t)
                return HV_OK;
        }
        hv_status st = loop_body(ctx, node->u.loop.body, node->u.loop.label, out, &leave);
        if (leave)
            return st;
        if (is_do) {
            bool t;
            st = cond_true(ctx, node->u.loop.cond, &t);
            if (st != HV_OK)
                return st;
            if (node->kind == HV_AST_DOWHILE ? !t : t)
                return HV_OK;
        }
    }
}

static hv_status
eval_for(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    hv_status st;
    if (node->u.for_.init && (st = hv_eval_stmt(ctx, node->u.for_.init, NULL)) != HV_OK)
        return st;
    for (;;) {
        if (interrupted(ctx))
            return stop_status(ctx);
        if (node->u.for_.cond) {
            bool t;
            if ((st = cond_true(ctx, node->u.for_.cond, &t)) != HV_OK)
                return st;
            if (!t)
                return HV_OK;
        }
        bool leave;
        st = loop_body(ctx, node->u.for_.body, node->u.for_.label, out, &leave);
        if (leave)
            return st;
        if (node->u.for_.step && (st = hv_eval_stmt(ctx, node->u.for_.step, NULL)) != HV_OK)
            return st;
    }
}

/* ---- foreach: ranges are enumerated lazily ---- */

static hv_var *
loop_var(hv_ctx *ctx, hv_ast *var)
{
    hv_node_cache *c = hv_eval_cache_of(ctx, var);
    if (c->lepoch == ctx->scope_epoch && c->lvar && !c->lvar->removed)
        return c->lvar;
    hv_var *v = hv_scope_find_in(ctx->cur, var->u.var.name);
    if (!v)
        v = hv_scope_new_var(ctx, ctx->cur, var->u.var.name);
    c->lvar = v;
    c->lepoch = ctx->scope_epoch;
    return v;
}

static hv_status
foreach_item(hv_ctx *ctx, hv_ast *node, hv_value item, hv_sink *out, bool *leave)
{
    hv_var *v = loop_var(ctx, node->u.foreach_.var);
    hv_status st = hv_var_store(ctx, v, item);
    if (st != HV_OK) {
        *leave = true;
        return st;
    }
    return loop_body(ctx, node->u.foreach_.body, node->u.foreach_.label, out, leave);
}

/* The range operands of `a..b` as integers; false when not integral (chars etc.). */
static hv_status
range_bounds(hv_ctx *ctx, hv_ast *node, int64_t *lo, int64_t *hi, bool *chars, bool *ok);

/* Does the source text of node mention `word` (case-insensitive)? Used to create the
 * $foreach / $switch enumerators only for the loops that use them. */
static bool
text_mentions(const hv_ast *node, const char *word)
{
    const hv_ast_unit *u = unit_of(node);
    if (!u)
        return true;
    size_t len;
    const char *t = hv_ast_text(u, node, &len);
    char *copy = hv_xstrndup(t, len);
    bool found = strcasestr(copy, word) != NULL;
    free(copy);
    return found;
}

static hv_status
foreach_with_enumerator(hv_ctx *ctx, hv_ast *node, hv_value coll, hv_sink *out)
{
    hv_value en = hv_eval_enumerator_new(&coll);
    size_t *pos = hv_eval_enumerator_pos(&en);
    hv_value saved = hv_eval_var_by_name(ctx, "foreach");
    hv_status st = hv_scope_assign(ctx, NULL, "foreach", hv_ref(&en));
    bool leave = false;
    for (*pos = 0; st == HV_OK && !leave && *pos < hv_array_len(&coll); (*pos)++) {
        if (interrupted(ctx)) {
            st = stop_status(ctx);
            break;
        }
        st = foreach_item(ctx, node, hv_ref(hv_array_at(&coll, *pos)), out, &leave);
    }
    hv_status s2 = hv_scope_assign(ctx, NULL, "foreach", saved);
    (void)s2;
    hv_unref(en);
    hv_unref(coll);
    return st;
}

/* `foreach ($l in [IO.File]::ReadLines($p))`: pwsh's ReadLines is a lazy enumerable, so
 * the loop reads the file a line at a time, like the range form above. Returns false
 * (nothing done) when iter is not that call or the file does not open; the ordinary
 * path then runs the method and reports its error. */
static bool
foreach_readlines(hv_ctx *ctx, hv_ast *node, hv_ast *iter, hv_sink *out, hv_status *st)
{
    if (!iter || iter->kind != HV_AST_INVOKEMEMBER || !iter->u.member.is_static ||
        iter->u.member.args.n != 1 || iter->u.member.target->kind != HV_AST_TYPE ||
        iter->u.member.member->kind != HV_AST_STRING)
        return false;
    const char *tn = iter->u.member.target->u.type.type->full;
    hv_ast *m = iter->u.member.member;
    if (!tn || (strcasecmp(tn, "System.IO.File") != 0 && strcasecmp(tn, "IO.File") != 0) ||
        m->u.str.len != 9 || strncasecmp(m->u.str.value, "ReadLines", 9) != 0)
        return false;
    hv_value pv;
    if ((*st = hv_eval_expr(ctx, iter->u.member.args.items[0], &pv)) != HV_OK)
        return true;
    bool null_path = pv.kind == HV_NULL;
    hv_value ps = hv_conv_to_string(&pv, NULL);
    hv_unref(pv);
    FILE *f = null_path ? NULL : fopen(hv_str_cstr(&ps), "r");
    hv_unref(ps);
    if (!f)
        return false;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    bool leave = false, first = true;
    while (*st == HV_OK && !leave && (n = getline(&line, &cap, f)) >= 0) {
        if (interrupted(ctx)) {
            *st = stop_status(ctx);
            break;
        }
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        size_t skip = first && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        first = false;
        *st = foreach_item(ctx, node, hv_strn(line + skip, (size_t)n - skip), out, &leave);
    }
    free(line);
    fclose(f);
    return true;
}

static hv_status
eval_foreach(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    hv_ast *iter = hv_ast_pure_expr(node->u.foreach_.iter);
    bool leave = false;
    hv_status st = HV_OK;
    hv_node_cache *nc = hv_eval_cache_of(ctx, node);
    if (nc->special < 0)
        nc->special = text_mentions(node->u.foreach_.body, "$foreach");
    bool wants_enum = nc->special == 1;
    if (iter && iter->kind == HV_AST_BINARY && iter->u.bin.op == HVA_OP_RANGE && !wants_enum) {
        int64_t lo, hi;
        bool chars, ok;
        if ((st = range_bounds(ctx, iter, &lo, &hi, &chars, &ok)) != HV_OK)
            return st;
        if (ok) {
            int64_t step = lo <= hi ? 1 : -1;
            for (int64_t i = lo;; i += step) {
                if (interrupted(ctx))
                    return stop_status(ctx);
                hv_value item = chars ? hv_char((uint32_t)i)
                                      : (i >= INT32_MIN && i <= INT32_MAX ? hv_int((int32_t)i) : hv_long(i));
                st = foreach_item(ctx, node, item, out, &leave);
                if (leave || i == hi)
                    return st;
            }
        }
    }
    if (!wants_enum && foreach_readlines(ctx, node, iter, out, &st))
        return st;
    hv_value coll;
    if ((st = hv_eval_stmt_value(ctx, node->u.foreach_.iter, &coll)) != HV_OK)
        return st;
    if (coll.kind == HV_NULL) {
        /* foreach over $null runs zero times (pwsh 3+) */
        return HV_OK;
    }
    if (coll.kind != HV_ARRAY) {
        if (wants_enum) {
            hv_value a = hv_array_new(1);
            hv_array_push(&a, coll);
            return foreach_with_enumerator(ctx, node, a, out);
        }
        st = foreach_item(ctx, node, coll, out, &leave);
        return st;
    }
    if (wants_enum)
        return foreach_with_enumerator(ctx, node, coll, out);
    size_t n = hv_array_len(&coll);
    for (size_t i = 0; i < n && !leave; i++) {
        if (interrupted(ctx)) {
            st = stop_status(ctx);
            break;
        }
        st = foreach_item(ctx, node, hv_ref(hv_array_at(&coll, i)), out, &leave);
        n = hv_array_len(&coll);
    }
    hv_unref(coll);
    return st;
}

static hv_status
range_bounds(hv_ctx *ctx, hv_ast *node, int64_t *lo, int64_t *hi, bool *chars, bool *ok)
{
    hv_value l, r;
    hv_status st = hv_eval_expr(ctx, node->u.bin.left, &l);
    if (st != HV_OK)
        return st;
    if ((st = hv_eval_expr(ctx, node->u.bin.right, &r)) != HV_OK) {
        hv_unref(l);
        return st;
    }
    *ok = false;
    *chars = false;
    bool lc = l.kind == HV_CHAR || (l.kind == HV_STRING && hv_utf16_len(hv_str_cstr(&l), hv_str_len(&l)) == 1 && !(hv_str_cstr(&l)[0] >= '0' && hv_str_cstr(&l)[0] <= '9'));
    bool rc = r.kind == HV_CHAR || (r.kind == HV_STRING && hv_utf16_len(hv_str_cstr(&r), hv_str_len(&r)) == 1 && !(hv_str_cstr(&r)[0] >= '0' && hv_str_cstr(&r)[0] <= '9'));
    if (lc && rc && (l.kind == HV_CHAR || r.kind == HV_CHAR || l.kind == HV_STRING)) {
        size_t i = 0;
        *lo = l.kind == HV_CHAR ? l.u.i : hv_utf8_next(hv_str_cstr(&l), hv_str_len(&l), &i);
        i = 0;
        *hi = r.kind == HV_CHAR ? r.u.i : hv_utf8_next(hv_str_cstr(&r), hv_str_len(&r), &i);
        *chars = true;
        *ok = true;
    } else {
        hv_conv_err err;
        if (!hv_conv_to_int64(&l, lo, &err) || !hv_conv_to_int64(&r, hi, &err)) {
            hv_unref(l);
            hv_unref(r);
            return hv_eval_fail(ctx, node, "System.Management.Automation.RuntimeException",
                                HV_CAT_InvalidArgument, "InvalidCastFromStringToInteger", "%s",
                                err.msg);
        }
        *ok = true;
    }
    hv_unref(l);
    hv_unref(r);
    return HV_OK;
}

/* ---- switch ---- */

static hv_status
switch_match(hv_ctx *ctx, hv_ast *node, hv_ast *clause, const hv_value *input, bool *hit)
{
    unsigned fl = node->u.switch_.flags;
    hv_ast *pat = clause->u.clause.pattern;
    *hit = false;
    hv_status st;
    if (pat->kind == HV_AST_SCRIPTBLOCKEXPR) {
        hv_value blk = hv_eval_block_new(ctx, pat->u.sbexpr.sb);
        hv_collector c;
        hv_collect_init(&c);
        st = hv_eval_invoke_block(ctx, &blk, input, NULL, 0, true, &c.sink);
        hv_unref(blk);
        if (st == HV_OK) {
            hv_value r = hv_collect_result(&c);
            *hit = hv_conv_to_bool(&r);
            hv_unref(r);
        }
        hv_collect_free(&c);
        return st;
    }
    hv_value pv;
    if ((st = hv_eval_expr(ctx, pat, &pv)) != HV_OK)
        return st;
    bool cs = (fl & HV_SWITCH_CASESENSITIVE) != 0;
    if (fl & (HV_SWITCH_REGEX | HV_SWITCH_WILDCARD)) {
        hv_value is = hv_conv_to_string(input, NULL), ps = hv_conv_to_string(&pv, NULL);
        if (fl & HV_SWITCH_WILDCARD) {
            *hit = hv_wildcard_match(hv_str_cstr(&ps), hv_str_cstr(&is), cs);
        } else {
            hv_value m = hv_null(), res;
            hv_conv_err err;
            if (hv_op_binary(HV_OP_MATCH, cs ? HV_OPF_CASE_SENSITIVE : 0, &is, &ps, &res, &m, &err)) {
                *hit = hv_conv_to_bool(&res);
                hv_unref(res);
                if (*hit && m.kind != HV_NULL)
                    st = hv_scope_assign(ctx, NULL, "Matches", hv_steal(&m));
            } else {
                st = hv_eval_fail(ctx, pat, "System.Management.Automation.RuntimeException",
                                  HV_CAT_InvalidOperation, "InvalidRegularExpression", "%s", err.msg);
            }
            hv_unref(m);
        }
        hv_unref(is);
        hv_unref(ps);
    } else if (pv.kind == HV_SCRIPTBLOCK) {
        hv_unref(pv);
        return st;
    } else {
        /* -exact / default: compare as strings when the pattern is a string, else -eq */
        hv_value res;
        hv_conv_err err;
        if (hv_op_binary(HV_OP_EQ, cs ? HV_OPF_CASE_SENSITIVE : 0, input, &pv, &res, NULL, &err)) {
            *hit = hv_conv_to_bool(&res);
            hv_unref(res);
        }
    }
    hv_unref(pv);
    return st;
}

/* Runs the clauses for one input value. *leave when a break ended the switch. */
static hv_status
switch_one(hv_ctx *ctx, hv_ast *node, const hv_value *input, hv_sink *out, bool *leave)
{
    hv_status st = hv_scope_assign(ctx, NULL, "_", hv_ref(input));
    if (st != HV_OK)
        return st;
    bool any = false;
    *leave = false;
    for (uint32_t i = 0; i < node->u.switch_.clauses.n; i++) {
        hv_ast *cl = node->u.switch_.clauses.items[i];
        bool hit;
        if ((st = switch_match(ctx, node, cl, input, &hit)) != HV_OK)
            return st;
        if (!hit)
            continue;
        any = true;
        st = hv_eval_stmts(ctx, &cl->u.clause.body->u.block.stmts, out);
        if (st == HV_OK)
            continue;
        if ((st == HV_BREAK || st == HV_CONTINUE) && jump_targets(ctx, node->u.switch_.label)) {
            jump_clear(ctx);
            if (st == HV_BREAK)
                *leave = true;
            return HV_OK;
        }
        return st;
    }
    if (!any && node->u.switch_.dflt) {
        st = hv_eval_stmts(ctx, &node->u.switch_.dflt->u.block.stmts, out);
        if ((st == HV_BREAK || st == HV_CONTINUE) && jump_targets(ctx, node->u.switch_.label)) {
            jump_clear(ctx);
            if (st == HV_BREAK)
                *leave = true;
            return HV_OK;
        }
        return st;
    }
    return HV_OK;
}

/* Opens the -File path of a switch; an ItemNotFound error when it cannot. */
static hv_status
switch_file_open(hv_ctx *ctx, hv_ast *node, FILE **fp)
{
    hv_value path;
    hv_status st = hv_eval_expr(ctx, node->u.switch_.cond, &path);
    if (st != HV_OK)
        return st;
    hv_value ps = hv_conv_to_string(&path, NULL);
    hv_unref(path);
    *fp = fopen(hv_str_cstr(&ps), "r");
    if (!*fp)
        st = hv_eval_fail(ctx, node->u.switch_.cond, "System.Management.Automation.ItemNotFoundException",
                          HV_CAT_ObjectNotFound, "PathNotFound",
                          "Cannot find path '%s' because it does not exist.", hv_str_cstr(&ps));
    hv_unref(ps);
    return st;
}

/* One line of f without its line ending; false at end of file. */
static bool
switch_file_next(FILE *f, char **line, size_t *cap, hv_value *out)
{
    ssize_t n = getline(line, cap, f);
    if (n < 0)
        return false;
    while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r'))
        n--;
    *out = hv_strn(*line, (size_t)n);
    return true;
}

/* switch -File: the lines go through the clauses one at a time, so a file of any size
 * runs in constant memory (pwsh reads it with a StreamReader too). Only when a clause
 * uses $switch (MoveNext/Current need the whole sequence) are the lines collected. */
static hv_status
switch_file(hv_ctx *ctx, hv_ast *node, hv_sink *out, bool *leave, hv_value *lines)
{
    FILE *f;
    hv_status st = switch_file_open(ctx, node, &f);
    if (st != HV_OK)
        return st;
    bool collect = text_mentions(node, "$switch");
    if (collect)
        *lines = hv_array_new(16);
    char *line = NULL;
    size_t cap = 0;
    hv_value v;
    while (st == HV_OK && !*leave && switch_file_next(f, &line, &cap, &v)) {
        if (collect) {
            hv_array_push(lines, v);
            continue;
        }
        if (interrupted(ctx))
            st = stop_status(ctx);
        else
            st = switch_one(ctx, node, &v, out, leave);
        hv_unref(v);
    }
    free(line);
    fclose(f);
    return st;
}

static hv_status
eval_switch(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    hv_value input = hv_null();
    hv_status st;
    hv_value saved_under = hv_eval_var_by_name(ctx, "_");
    hv_value saved_switch = hv_eval_var_by_name(ctx, "switch");
    bool leave = false;
    bool file = (node->u.switch_.flags & HV_SWITCH_FILE) != 0;
    if (file)
        st = switch_file(ctx, node, out, &leave, &input);
    else
        st = hv_eval_stmt_value(ctx, node->u.switch_.cond, &input);
    if (st != HV_OK) {
        /* nothing ran yet, or the lines already streamed: fall through to restore */
    } else if (input.kind == HV_ARRAY) {
        /* $switch: the enumerator; MoveNext() in a clause skips the next input */
        hv_value en = hv_eval_enumerator_new(&input);
        size_t *pos = hv_eval_enumerator_pos(&en);
        if ((st = hv_scope_assign(ctx, NULL, "switch", hv_ref(&en))) == HV_OK)
            for (*pos = 0; *pos < hv_array_len(&input) && !leave && st == HV_OK; (*pos)++)
                st = switch_one(ctx, node, hv_array_at(&input, *pos), out, &leave);
        hv_unref(en);
    } else if (!file) {
        st = switch_one(ctx, node, &input, out, &leave);
    }
    hv_unref(input);
    hv_status st2 = hv_scope_assign(ctx, NULL, "_", saved_under);
    hv_status st3 = hv_scope_assign(ctx, NULL, "switch", saved_switch);
    (void)st2;
    (void)st3;
    return st;
}

/* ---- try / catch / finally, throw, trap ---- */

/* Exception type hierarchy, loosely: child -> parent. */
static const char *const exc_parents[][2] = {
    {"System.Management.Automation.RuntimeException", "System.SystemException"},
    {"System.Management.Automation.ActionPreferenceStopException", "System.Management.Automation.RuntimeException"},
    {"System.Management.Automation.CommandNotFoundException", "System.Management.Automation.RuntimeException"},
    {"System.Management.Automation.ParameterBindingException", "System.Management.Automation.RuntimeException"},
    {"System.Management.Automation.ParameterBindingValidationException", "System.Management.Automation.ParameterBindingException"},
    {"System.Management.Automation.ParameterBindingArgumentTransformationException", "System.Management.Automation.ParameterBindingException"},
    {"System.Management.Automation.SessionStateException", "System.Management.Automation.RuntimeException"},
    {"System.Management.Automation.ItemNotFoundException", "System.Management.Automation.SessionStateException"},
    {"System.Management.Automation.DriveNotFoundException", "System.Management.Automation.SessionStateException"},
    {"System.Management.Automation.SessionStateUnauthorizedAccessException", "System.Management.Automation.SessionStateException"},
    {"System.Management.Automation.MethodInvocationException", "System.Management.Automation.MethodException"},
    {"System.Management.Automation.MethodException", "System.Management.Automation.RuntimeException"},
    {"System.Management.Automation.PropertyNotFoundException", "System.Management.Automation.ExtendedTypeSystemException"},
    {"System.Management.Automation.ExtendedTypeSystemException", "System.Management.Automation.RuntimeException"},
    {"System.Management.Automation.PSInvalidCastException", "System.InvalidCastException"},
    {"System.Management.Automation.ArgumentTransformationMetadataException", "System.Management.Automation.MetadataException"},
    {"System.Management.Automation.ValidationMetadataException", "System.Management.Automation.MetadataException"},
    {"System.Management.Automation.MetadataException", "System.Management.Automation.RuntimeException"},
    {"System.Management.Automation.ParseException", "System.Management.Automation.RuntimeException"},
    {"System.Management.Automation.IncompleteParseException", "System.Management.Automation.ParseException"},
    {"System.Management.Automation.PipelineStoppedException", "System.Management.Automation.RuntimeException"},
    {"System.Management.Automation.ScriptCallDepthException", "System.SystemException"},
    {"System.Management.Automation.PSArgumentException", "System.ArgumentException"},
    {"System.Management.Automation.PSArgumentNullException", "System.ArgumentNullException"},
    {"System.Management.Automation.PSArgumentOutOfRangeException", "System.ArgumentOutOfRangeException"},
    {"System.Management.Automation.PSNotSupportedException", "System.NotSupportedException"},
    {"System.Management.Automation.PSInvalidOperationException", "System.InvalidOperationException"},
    {"System.ArgumentNullException", "System.ArgumentException"},
    {"System.ArgumentOutOfRangeException", "System.ArgumentException"},
    {"System.ArgumentException", "System.SystemException"},
    {"System.DivideByZeroException", "System.ArithmeticException"},
    {"System.OverflowException", "System.ArithmeticException"},
    {"System.ArithmeticException", "System.SystemException"},
    {"System.FormatException", "System.SystemException"},
    {"System.InvalidCastException", "System.SystemException"},
    {"System.InvalidOperationException", "System.SystemException"},
    {"System.ObjectDisposedException", "System.InvalidOperationException"},
    {"System.NotSupportedException", "System.SystemException"},
    {"System.NotImplementedException", "System.SystemException"},
    {"System.NullReferenceException", "System.SystemException"},
    {"System.IndexOutOfRangeException", "System.SystemException"},
    {"System.Collections.Generic.KeyNotFoundException", "System.SystemException"},
    {"System.IO.FileNotFoundException", "System.IO.IOException"},
    {"System.IO.DirectoryNotFoundException", "System.IO.IOException"},
    {"System.IO.IOException", "System.SystemException"},
    {"System.UnauthorizedAccessException", "System.SystemException"},
    {"System.TimeoutException", "System.SystemException"},
    {"System.Management.Automation.Remoting.PSRemotingTransportException", "System.Management.Automation.RuntimeException"},
    {"Microsoft.HyperV.PowerShell.VirtualizationException", "System.Exception"},
    {"System.SystemException", "System.Exception"},
    {"System.ApplicationException", "System.Exception"},
};

static const char *exc_parent(const char *t);

const char *
hv_eval_exception_parent(const char *t)
{
    return exc_parent(t);
}

static const char *
exc_parent(const char *t)
{
    for (size_t i = 0; i < sizeof exc_parents / sizeof *exc_parents; i++)
        if (hv_str_eq_ci(exc_parents[i][0], t))
            return exc_parents[i][1];
    return NULL;
}

/* Does a written type name ("RuntimeException", "System.Exception") name t or an ancestor? */
static bool
exc_name_eq(const char *written, const char *full)
{
    if (hv_str_eq_ci(written, full))
        return true;
    const char *dot = strrchr(full, '.');
    if (dot && hv_str_eq_ci(written, dot + 1))
        return true;
    /* "System.X" may be written as "X" (System namespace implied) */
    if (strncasecmp(written, "System.", 7) != 0 && strncasecmp(full, "System.", 7) == 0)
        return hv_str_eq_ci(written, full + 7);
    return false;
}

bool
hv_eval_exception_matches(const char *written, const char *exc_type)
{
    if (hv_str_eq_ci(written, "Exception") || hv_str_eq_ci(written, "System.Exception"))
        return true;
    for (const char *t = exc_type; t; t = exc_parent(t))
        if (exc_name_eq(written, t))
            return true;
    /* Runtime errors from operators, casts and .NET calls reach scripts as a
     * RuntimeException wrapping the .NET exception; pwsh matches catch types against the
     * wrapper and the inner exception. */
    if (strncasecmp(exc_type, "System.Management.Automation.", 29) != 0 || strstr(exc_type, "PSInvalidCast"))
        for (const char *t = "System.Management.Automation.RuntimeException"; t; t = exc_parent(t))
            if (exc_name_eq(written, t))
                return true;
    return false;
}

static const hv_obj_class inner_exc_classes[] = {
    {.type_name = "System.DivideByZeroException"},
    {.type_name = "System.OverflowException"},
    {.type_name = "System.Exception"},
};

void
hv_eval_set_inner_exception(hv_ctx *ctx, const char *type, const char *message)
{
    if (ctx->err.kind != HV_OBJECT)
        return;
    const hv_value *e = hv_obj_get(&ctx->err, "Exception");
    if (!e || e->kind != HV_OBJECT)
        return;
    size_t n = sizeof inner_exc_classes / sizeof *inner_exc_classes, i = 0;
    while (i + 1 < n && strcmp(inner_exc_classes[i].type_name, type) != 0)
        i++;
    hv_value inner = hv_obj_new(&inner_exc_classes[i]);
    if (i + 1 == n)
        hv_obj_add_typename(&inner, type);
    hv_obj_set(&inner, "Message", hv_str(message));
    hv_value ex = hv_ref(e);
    hv_obj_set(&ex, "InnerException", inner);
    hv_unref(ex);
}

/* Does a catch/trap type match the record's exception or one of its inner exceptions? */
static bool
record_matches(const hv_value *rec, const char *written)
{
    if (!hv_err_is_record(rec))
        return hv_eval_exception_matches(written, "System.Management.Automation.RuntimeException");
    if (hv_eval_exception_matches(written, hv_err_exception_type(rec)))
        return true;
    const hv_value *e = hv_obj_get(rec, "Exception");
    for (int depth = 0; depth < 4 && e && e->kind == HV_OBJECT; depth++) {
        e = hv_obj_get(e, "InnerException");
        if (e && e->kind == HV_OBJECT && hv_obj_typename_count(e) &&
            hv_eval_exception_matches(written, hv_obj_typename_at(e, 0)))
            return true;
    }
    return false;
}

static hv_status
run_catch(hv_ctx *ctx, hv_ast *body, hv_value rec, hv_sink *out)
{
    hv_value saved = hv_eval_var_by_name(ctx, "_");
    hv_value saved2 = hv_eval_var_by_name(ctx, "PSItem");
    hv_status st = hv_scope_assign(ctx, NULL, "_", hv_ref(&rec));
    if (st == HV_OK)
        st = hv_scope_assign(ctx, NULL, "PSItem", hv_ref(&rec));
    if (st == HV_OK)
        st = hv_eval_stmts(ctx, &body->u.block.stmts, out);
    /* `throw` with no argument inside catch rethrows the current error */
    hv_unref(rec);
    hv_status s2 = hv_scope_assign(ctx, NULL, "_", saved);
    hv_status s3 = hv_scope_assign(ctx, NULL, "PSItem", saved2);
    (void)s2;
    (void)s3;
    return st;
}

static hv_status
eval_try(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    ctx->try_depth++;
    hv_status st = hv_eval_stmts(ctx, &node->u.try_.body->u.block.stmts, out);
    ctx->try_depth--;
    if (st == HV_ERR) {
        hv_value rec = hv_eval_take_error(ctx);
        hv_ast *handler = NULL;
        for (uint32_t i = 0; i < node->u.try_.catches.n && !handler; i++) {
            hv_ast *c = node->u.try_.catches.items[i];
            if (c->u.catch_.ntypes == 0)
                handler = c;
            for (uint32_t k = 0; k < c->u.catch_.ntypes && !handler; k++)
                if (record_matches(&rec, c->u.catch_.types[k]->full))
                    handler = c;
        }
        if (handler) {
            hv_err_record(ctx, &rec);
            st = run_catch(ctx, handler->u.catch_.body, rec, out);
        } else {
            st = hv_eval_raise(ctx, rec, true);
        }
    }
    if (node->u.try_.finally) {
        hv_value pending = hv_eval_take_error(ctx);
        bool script_term = ctx->err_script_terminating;
        hv_status fst = hv_eval_stmts(ctx, &node->u.try_.finally->u.block.stmts, out);
        if (fst != HV_OK) {
            hv_unref(pending);
            return fst;
        }
        if (st == HV_ERR)
            return hv_eval_raise(ctx, pending, script_term);
        hv_unref(pending);
    }
    return st;
}

static hv_status
eval_throw(hv_ctx *ctx, hv_ast *node)
{
    hv_pos pos;
    hv_eval_pos_of(node, &pos);
    if (!node->u.jump.arg) {
        /* rethrow inside catch: $_ is the current error */
        hv_value cur = hv_eval_var_by_name(ctx, "_");
        if (hv_err_is_record(&cur))
            return hv_eval_raise(ctx, cur, true);
        hv_unref(cur);
        hv_value rec = hv_err_new(ctx, "System.Management.Automation.RuntimeException",
                                  HV_CAT_OperationStopped, "ScriptHalted", NULL, &pos,
                                  "ScriptHalted");
        return hv_eval_raise(ctx, rec, true);
    }
    hv_value v;
    hv_status st = hv_eval_stmt_value(ctx, node->u.jump.arg, &v);
    if (st != HV_OK)
        return st;
    if (v.kind == HV_NULL) {
        hv_value rec = hv_err_new(ctx, "System.Management.Automation.RuntimeException",
                                  HV_CAT_OperationStopped, "ScriptHalted", NULL, &pos,
                                  "ScriptHalted");
        return hv_eval_raise(ctx, rec, true);
    }
    return hv_eval_raise(ctx, hv_err_from_thrown(ctx, v, &pos), true);
}

static hv_status
eval_exit(hv_ctx *ctx, hv_ast *node)
{
    int code = 0;
    if (node->u.jump.arg) {
        hv_value v;
        hv_status st = hv_eval_stmt_value(ctx, node->u.jump.arg, &v);
        if (st != HV_OK)
            return st;
        int64_t n = 0;
        hv_conv_err err;
        if (v.kind != HV_NULL && hv_conv_to_int64(&v, &n, &err))
            code = (int)n;
        hv_unref(v);
    }
    ctx->exit_code = code;
    return HV_EXIT;
}

static hv_status
eval_return(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    if (node->u.jump.arg) {
        hv_status st = hv_eval_stmt(ctx, node->u.jump.arg, ctx->return_sink ? ctx->return_sink : out);
        if (st != HV_OK)
            return st;
    }
    return HV_RETURN;
}

static hv_status
eval_data(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    if (!node->u.data.var)
        return hv_eval_stmts(ctx, &node->u.data.body->u.block.stmts, out);
    hv_collector c;
    hv_collect_init(&c);
    hv_status st = hv_eval_stmts(ctx, &node->u.data.body->u.block.stmts, &c.sink);
    if (st == HV_OK) {
        hv_value v = hv_collect_result(&c);
        if (v.kind == HV_NULL)
            v = hv_null();
        st = hv_scope_assign(ctx, NULL, node->u.data.var, v);
    }
    hv_collect_free(&c);
    return st;
}

hv_status
hv_eval_stmt(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    switch ((hv_ast_kind)node->kind) {
    case HV_AST_PIPELINE:
        return hv_eval_pipeline(ctx, node, out);
    case HV_AST_PIPELINECHAIN: {
        if (node->u.chain.background) /* `a && b &`: the whole chain is the job */
            return hv_jobs_background(ctx, node, out);
        hv_status st = hv_eval_stmt(ctx, node->u.chain.left, out);
        if (st != HV_OK)
            return st;
        bool ok = ctx->last_success;
        if ((node->u.chain.op == HVA_OP_ANDAND) == ok)
            return hv_eval_stmt(ctx, node->u.chain.right, out);
        return HV_OK;
    }
    case HV_AST_ASSIGNMENT: {
        hv_value v;
        /* $? is what the right-hand side left: `$x = Get-Item nope; $?` is False */
        hv_status st = hv_eval_assign(ctx, node, &v);
        hv_qunref(v);
        return st;
    }
    case HV_AST_IF:
        return eval_if(ctx, node, out);
    case HV_AST_SWITCH:
        return eval_switch(ctx, node, out);
    case HV_AST_FOREACH:
        return eval_foreach(ctx, node, out);
    case HV_AST_FOR:
        return eval_for(ctx, node, out);
    case HV_AST_WHILE:
    case HV_AST_DOWHILE:
    case HV_AST_DOUNTIL:
        return eval_while(ctx, node, out);
    case HV_AST_BREAK:
    case HV_AST_CONTINUE: {
        hv_status st = set_jump_label(ctx, node->u.jump.arg);
        if (st != HV_OK)
            return st;
        return node->kind == HV_AST_BREAK ? HV_BREAK : HV_CONTINUE;
    }
    case HV_AST_RETURN:
        return eval_return(ctx, node, out);
    case HV_AST_EXIT:
        return eval_exit(ctx, node);
    case HV_AST_THROW:
        return eval_throw(ctx, node);
    case HV_AST_TRAP:
        return HV_OK; /* registered by the enclosing statement list */
    case HV_AST_TRY:
        return eval_try(ctx, node, out);
    case HV_AST_FUNCTIONDEF:
        return hv_eval_define_function(ctx, node);
    case HV_AST_DATA:
        return eval_data(ctx, node, out);
    case HV_AST_CLASS:
        return HV_OK; /* defined when the enclosing script block starts */
    case HV_AST_ENUM:
        return HV_OK;
    case HV_AST_STATEMENTBLOCK:
        return hv_eval_stmts(ctx, &node->u.block.stmts, out);
    case HV_AST_USING:
        return HV_OK;
    default: {
        /* an expression used as a statement */
        hv_value v;
        hv_status st = hv_eval_expr(ctx, node, &v);
        if (st != HV_OK)
            return st;
        return hv_sink_write(ctx, out, v);
    }
    }
}

hv_status
hv_eval_stmt_value(hv_ctx *ctx, hv_ast *stmt, hv_value *out)
{
    hv_ast *e = hv_ast_pure_expr(stmt);
    if (e) {
        hv_status st = hv_eval_expr(ctx, e, out);
        if (st == HV_OK)
            ctx->last_success = true;
        return st;
    }
    if (stmt->kind == HV_AST_ASSIGNMENT)
        return hv_eval_assign(ctx, stmt, out);
    hv_collector c;
    hv_collect_init(&c);
    hv_status st = hv_eval_stmt(ctx, stmt, &c.sink);
    *out = st == HV_OK ? hv_collect_result(&c) : hv_null();
    hv_collect_free(&c);
    return st;
}

/* ---- statement lists: traps and statement-terminating errors ---- */

static hv_ast *
find_trap(hv_ctx *ctx, const hv_ast_list *traps, const hv_value *rec)
{
    (void)ctx;
    /* the most specific matching trap wins (about_Trap): the one whose type is closest to
     * the error's exception type; a trap without a type comes last; ties go to the first */
    const char *et = hv_err_is_record(rec) ? hv_err_exception_type(rec)
                                           : "System.Management.Automation.RuntimeException";
    hv_ast *best = NULL;
    int best_d = 1 << 30;
    for (uint32_t i = 0; i < traps->n; i++) {
        hv_ast *t = traps->items[i];
        int d = 1 << 20;
        if (t->u.trap.type) {
            if (!record_matches(rec, t->u.trap.type->full))
                continue;
            d = 1 << 10;
            int k = 0;
            for (const char *a = et; a; a = exc_parent(a), k++)
                if (exc_name_eq(t->u.trap.type->full, a)) {
                    d = k;
                    break;
                }
        }
        if (d < best_d) {
            best = t;
            best_d = d;
        }
    }
    return best;
}

/* A trap handles the pending error: HV_OK = resume with the next statement. */
static hv_status
run_trap(hv_ctx *ctx, hv_ast *trap, hv_sink *out)
{
    hv_value rec = hv_eval_take_error(ctx);
    hv_err_record(ctx, &rec);
    hv_value saved = hv_eval_var_by_name(ctx, "_");
    hv_status st = hv_scope_assign(ctx, NULL, "_", hv_ref(&rec));
    if (st == HV_OK)
        st = hv_eval_stmts(ctx, &trap->u.trap.body->u.block.stmts, out);
    hv_status s2 = hv_scope_assign(ctx, NULL, "_", saved);
    (void)s2;
    if (st == HV_CONTINUE) {
        jump_clear(ctx);
        hv_unref(rec);
        return HV_OK;
    }
    if (st == HV_BREAK) {
        jump_clear(ctx);
        return hv_eval_raise(ctx, rec, true);
    }
    if (st == HV_OK) {
        hv_err_display(ctx, &rec);
        hv_unref(rec);
        return HV_OK;
    }
    hv_unref(rec);
    return st;
}

hv_status
hv_eval_stmts(hv_ctx *ctx, const hv_ast_list *stmts, hv_sink *out)
{
    hv_ast_list traps = {0};
    hv_ast *trap_buf[8];
    for (uint32_t i = 0; i < stmts->n; i++) {
        hv_ast *s = stmts->items[i];
        if (s->kind == HV_AST_TRAP && traps.n < 8) {
            trap_buf[traps.n++] = s;
            traps.items = trap_buf;
        } else if (s->kind == HV_AST_CLASS || s->kind == HV_AST_ENUM) {
            hv_status st = s->kind == HV_AST_CLASS ? hv_class_define(ctx, s) : hv_enum_define(ctx, s);
            if (st != HV_OK)
                return st;
        }
    }
    if (traps.n)
        ctx->try_depth++;
    hv_status st = HV_OK;
    for (uint32_t i = 0; i < stmts->n; i++) {
        st = hv_eval_stmt(ctx, stmts->items[i], out);
        if (st == HV_OK)
            continue;
        if (st != HV_ERR)
            break;
        hv_ast *trap = traps.n ? find_trap(ctx, &traps, &ctx->err) : NULL;
        if (trap) {
            ctx->try_depth--;
            st = run_trap(ctx, trap, out);
            ctx->try_depth++;
            ctx->last_success = false;
            if (st != HV_OK)
                break;
            continue;
        }
        if (ctx->try_depth - (traps.n ? 1 : 0) > 0 || ctx->err_script_terminating)
            break;
        /* statement-terminating: the $ErrorActionPreference variable (not -ErrorAction)
         * decides, as in pwsh: Stop ends the script, SilentlyContinue only records,
         * Ignore drops, anything else reports; then go on with the next statement. */
        hv_action act = hv_pref_get(ctx, HV_PREF_ERROR);
        if (act == HV_ACT_STOP) {
            ctx->err_script_terminating = true;
            break;
        }
        hv_value rec = hv_eval_take_error(ctx);
        if (act != HV_ACT_IGNORE)
            hv_err_record(ctx, &rec);
        if (act != HV_ACT_SILENTLY_CONTINUE && act != HV_ACT_IGNORE)
            hv_err_display(ctx, &rec);
        hv_unref(rec);
        ctx->last_success = false;
        st = HV_OK;
    }
    if (traps.n)
        ctx->try_depth--;
    return st;
}

/* Runs a SCRIPTBLOCK's named blocks in the current scope. `input` (may be NULL) is
 * the pipeline input for the process block ($_), one run per element when it is an
 * array of inputs given by the caller. */
static hv_status
using_discard(hv_ctx *ctx, hv_sink *s, hv_value v)
{
    (void)ctx;
    (void)s;
    hv_unref(v);
    return HV_OK;
}

/* `using module X`: imports X (a name, or a path relative to the script's folder) before
 * the script runs, so its functions, classes and enums are there from the first line. */
static void
using_module(hv_ctx *ctx, hv_ast *sb, const char *name)
{
    hv_buf b = {0};
    hv_buf_puts(&b, "Import-Module -Name '");
    size_t nl = strlen(name);
    bool is_path = strchr(name, '/') || strchr(name, '\\') ||
                   (nl > 5 && (strcasecmp(name + nl - 5, ".psm1") == 0 ||
                               strcasecmp(name + nl - 5, ".psd1") == 0));
    const char *file = sb->u.sb.unit ? sb->u.sb.unit->filename : NULL;
    const char *slash = file ? strrchr(file, '/') : NULL;
    if (is_path && name[0] != '/' && slash) {
        for (const char *c = file; c <= slash; c++)
            hv_buf_put(&b, *c == '\'' ? "''" : c, *c == '\'' ? 2 : 1);
    }
    for (const char *c = name; *c; c++) /* .\Modules\X.psm1 as Windows scripts write it */
        hv_buf_put(&b, *c == '\'' ? "''" : *c == '\\' ? "/" : c, *c == '\'' ? 2 : 1);
    hv_buf_puts(&b, "'");
    hv_sink discard = {.put = using_discard};
    if (hv_eval_string(ctx, b.data, b.len, "using", &discard) == HV_ERR) {
        HV_AUTO hv_value rec = hv_eval_take_error(ctx);
        if (rec.kind != HV_NULL)
            hv_err_display(ctx, &rec);
    }
    hv_buf_free(&b);
}

void
hv_eval_register_usings(hv_ctx *ctx, hv_ast *sb)
{
    for (uint32_t i = 0; i < sb->u.sb.usings.n; i++) {
        hv_ast *u = sb->u.sb.usings.items[i];
        if (u->u.using_.kind == HV_USING_MODULE && u->u.using_.name) {
            using_module(ctx, sb, u->u.using_.name);
            continue;
        }
        if (u->u.using_.kind != HV_USING_NAMESPACE || !u->u.using_.name)
            continue;
        if (ctx->usings.kind != HV_ARRAY)
            ctx->usings = hv_array_new(4);
        bool seen = false;
        for (size_t k = 0; k < hv_array_len(&ctx->usings) && !seen; k++)
            seen = hv_str_eq_ci(hv_str_cstr(hv_array_at(&ctx->usings, k)), u->u.using_.name);
        if (!seen)
            hv_array_push(&ctx->usings, hv_str(u->u.using_.name));
    }
}

hv_status
hv_eval_run_scriptblock(hv_ctx *ctx, hv_ast *sb, const hv_value *input, hv_sink *out)
{
    hv_status st = HV_OK;
    if (sb->u.sb.usings.n)
        hv_eval_register_usings(ctx, sb);
    if (sb->u.sb.begin && (st = hv_eval_stmts(ctx, &sb->u.sb.begin->u.named.stmts, out)) != HV_OK)
        return st;
    if (sb->u.sb.process) {
        if (input && input->kind != HV_NULL) {
            if ((st = hv_scope_assign(ctx, NULL, "_", hv_ref(input))) != HV_OK)
                return st;
        }
        if ((st = hv_eval_stmts(ctx, &sb->u.sb.process->u.named.stmts, out)) != HV_OK)
            return st;
    }
    if (sb->u.sb.end)
        st = hv_eval_stmts(ctx, &sb->u.sb.end->u.named.stmts, out);
    return st;
}
