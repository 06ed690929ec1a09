/* eval_cmd.c — pipelines: the evaluator resolves each command element and evaluates its
 * arguments (splatting, -Name:value, redirections), then hands the stages to B's
 * hv_pipe_run, which binds and streams. A pipeline that is a single expression never
 * reaches the pipe. Command resolution is cached per call site (ctx->cmd_epoch).
 */
#include "internal.h"
#include "jobs.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define RTE "System.Management.Automation.RuntimeException"

static hv_status
discard_put(hv_ctx *ctx, hv_sink *s, hv_value v)
{
    (void)ctx;
    (void)s;
    hv_unref(v);
    return HV_OK;
}

static hv_sink discard_sink = {.put = discard_put};

/* ---- leading expressions as producers (ranges stream lazily) ---- */

static hv_status
produce_range(hv_ctx *ctx, hv_ast *expr, hv_sink *into, bool *handled)
{
    *handled = false;
    if (expr->kind != HV_AST_BINARY || expr->u.bin.op != HVA_OP_RANGE)
        return HV_OK;
    hv_value l, r;
    hv_status st = hv_eval_expr(ctx, expr->u.bin.left, &l);
    if (st != HV_OK)
        return st;
    if ((st = hv_eval_expr(ctx, expr->u.bin.right, &r)) != HV_OK) {
        hv_unref(l);
        return st;
    }
    int64_t lo, hi;
    hv_conv_err err;
    bool numeric = l.kind != HV_STRING && l.kind != HV_CHAR && r.kind != HV_CHAR &&
                   hv_conv_to_int64(&l, &lo, &err) && hv_conv_to_int64(&r, &hi, &err);
    hv_unref(l);
    hv_unref(r);
    if (!numeric)
        return HV_OK;
    *handled = true;
    int64_t step = lo <= hi ? 1 : -1;
    for (int64_t i = lo;; i += step) {
        if (hv_runtime_interrupted)
            return HV_STOPPED;
        hv_value v = i >= INT32_MIN && i <= INT32_MAX ? hv_int((int32_t)i) : hv_long(i);
        if ((st = into->put(ctx, into, v)) != HV_OK)
            return st;
        if (i == hi)
            break;
    }
    return HV_OK;
}

static hv_status
produce_expr(hv_ctx *ctx, void *ud, hv_sink *into)
{
    hv_ast *expr = ud;
    bool handled;
    hv_status st = produce_range(ctx, expr, into, &handled);
    if (handled || st != HV_OK)
        return st;
    hv_value v;
    if ((st = hv_eval_expr(ctx, expr, &v)) != HV_OK)
        return st;
    return hv_sink_write(ctx, into, v);
}

/* ---- command resolution ---- */

static hv_status
not_found(hv_ctx *ctx, hv_ast *node, const char *name)
{
    hv_pos pos;
    hv_eval_pos_of(node, &pos);
    pos.command = name;
    hv_value target = hv_str(name);
    hv_value rec = hv_err_new(ctx, "System.Management.Automation.CommandNotFoundException",
                              HV_CAT_ObjectNotFound, "CommandNotFoundException", &target, &pos,
                              "The term '%s' is not recognized as a name of a cmdlet, function, "
                              "script file, or executable program.\nCheck the spelling of the name, "
                              "or if a path was included, verify that the path is correct and try again.",
                              name);
    hv_unref(target);
    return hv_eval_raise(ctx, rec, false);
}

static bool ends_with_ps1(const char *s);

static bool
is_path_name(const char *name)
{
    if (strchr(name, '/') != NULL || name[0] == '~')
        return true;
    /* .\setup.ps1 as pasted from Windows docs: pwsh on Unix accepts \ as a separator;
     * Module\Command names are not paths */
    return strchr(name, '\\') != NULL &&
           (name[0] == '.' || ends_with_ps1(name));
}

static bool
ends_with_ps1(const char *s)
{
    size_t n = strlen(s);
    return n >= 4 && strcasecmp(s + n - 4, ".ps1") == 0;
}

static hv_status
resolve_path(hv_ctx *ctx, hv_ast *node, const char *name, hv_cmdinfo *info, hv_value *keep)
{
    char *path = name[0] == '~' && getenv("HOME") ? hv_xasprintf("%s%s", getenv("HOME"), name + 1)
                                                 : hv_xstrdup(name);
    struct stat sb0;
    if (strchr(path, '\\') && stat(path, &sb0) != 0)
        for (char *q = path; *q; q++)
            if (*q == '\\')
                *q = '/';
    struct stat sb;
    if (stat(path, &sb) != 0 || S_ISDIR(sb.st_mode)) {
        free(path);
        return not_found(ctx, node, name);
    }
    memset(info, 0, sizeof *info);
    if (ends_with_ps1(path)) {
        hv_function *fn;
        hv_status st = hv_eval_script_function(ctx, path, &fn);
        free(path);
        if (st != HV_OK)
            return st;
        info->name = fn->name;
        info->kind = HV_CMDK_SCRIPT;
        info->def = &fn->def;
        info->definition = fn->name;
        info->module = "";
        return HV_OK;
    }
    info->kind = HV_CMDK_APPLICATION;
    info->module = "";
    *keep = hv_str_take(path);
    info->name = info->definition = hv_str_cstr(keep);
    return HV_OK;
}

static hv_status
resolve_name(hv_ctx *ctx, hv_ast *node, const char *name, hv_cmdinfo *info, hv_value *keep)
{
    *keep = hv_null();
    if (is_path_name(name))
        return resolve_path(ctx, node, name, info, keep);
    if (!hv_command_lookup(ctx, name, info)) {
        /* a script in the current directory is not run without ./ (as pwsh) */
        return not_found(ctx, node, name);
    }
    if (info->kind == HV_CMDK_SCRIPT && !info->def && info->definition) {
        hv_function *fn;
        hv_status st = hv_eval_script_function(ctx, info->definition, &fn);
        if (st != HV_OK)
            return st;
        info->def = &fn->def;
    }
    return HV_OK;
}

/* Resolution for a COMMAND node with a literal name, cached per call site. */
static hv_status
resolve_cached(hv_ctx *ctx, hv_ast *cmd, const char *name, hv_cmdinfo *info)
{
    hv_node_cache *c = hv_eval_cache_of(ctx, cmd);
    if (c->cmd_valid && c->cmd_epoch == ctx->cmd_epoch) {
        *info = c->cmd;
        return HV_OK;
    }
    hv_value keep;
    hv_status st = resolve_name(ctx, cmd, name, info, &keep);
    if (st != HV_OK)
        return st;
    hv_unref(c->constant);
    c->constant = keep;
    c->cmd = *info;
    c->cmd_epoch = ctx->cmd_epoch;
    /* applications can appear/disappear on PATH; functions are tracked by cmd_epoch */
    c->cmd_valid = info->kind != HV_CMDK_APPLICATION || is_path_name(name);
    return HV_OK;
}

/* ---- stages ---- */

typedef struct {
    hv_stage *stages;
    size_t n;
    hv_value keep;     /* values that must outlive the run (splat keys, blocks) */
    hv_function **fns; /* referenced functions */
    size_t nfns;
} stage_set;

static void
keep_value(stage_set *ss, hv_value v)
{
    if (ss->keep.kind != HV_ARRAY)
        ss->keep = hv_array_new(4);
    hv_array_push(&ss->keep, v);
}

static void
push_arg(hv_stage *st, hv_arg a)
{
    st->args = hv_xrealloc(st->args, (st->nargs + 1) * sizeof *st->args);
    st->args[st->nargs++] = a;
}

static bool
looks_like_param(const hv_value *v)
{
    if (v->kind != HV_STRING || hv_str_len(v) < 2)
        return false;
    const char *t = hv_str_cstr(v);
    if (t[0] != '-' || !((t[1] >= 'A' && t[1] <= 'Z') || (t[1] >= 'a' && t[1] <= 'z') || t[1] == '_'))
        return false;
    for (const char *p = t + 2; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '-' || (*p == ':' && !p[1])))
            return false;
    return true;
}

static hv_status
splat(hv_ctx *ctx, stage_set *ss, hv_stage *st, hv_ast *var)
{
    hv_value v;
    hv_status s = hv_eval_var_get(ctx, var, &v);
    if (s != HV_OK)
        return s;
    if (v.kind == HV_TABLE) {
        const hv_value *k, *val;
        for (size_t it = 0; hv_table_next(&v, &it, &k, &val);) {
            hv_value ks = hv_conv_to_string(k, NULL);
            hv_value text = hv_strf("-%s:", hv_str_cstr(&ks));
            push_arg(st, (hv_arg){.param = hv_str_cstr(&ks), .text = hv_str_cstr(&text),
                                  .value = hv_ref(val), .has_value = true, .splatted = true});
            keep_value(ss, ks);
            keep_value(ss, text);
        }
        hv_unref(v);
    } else if (v.kind == HV_ARRAY) {
        for (size_t i = 0; i < hv_array_len(&v); i++) {
            const hv_value *el = hv_array_at(&v, i);
            if (looks_like_param(el)) {
                /* @args forwards `-Name` tokens as parameters (pwsh keeps that mark) */
                const char *t = hv_str_cstr(el);
                size_t n = hv_str_len(el);
                bool colon = t[n - 1] == ':';
                hv_value name = hv_strn(t + 1, n - 1 - (colon ? 1 : 0));
                push_arg(st, (hv_arg){.param = hv_str_cstr(&name), .text = t, .value = hv_null(),
                                      .splatted = true});
                keep_value(ss, name);
                keep_value(ss, hv_ref(el));
                continue;
            }
            push_arg(st, (hv_arg){.value = hv_ref(el), .has_value = true, .splatted = true});
        }
        hv_unref(v);
    } else if (v.kind != HV_NULL) {
        push_arg(st, (hv_arg){.value = v, .has_value = true, .splatted = true});
    }
    return HV_OK;
}

static hv_status
eval_cmd_args(hv_ctx *ctx, stage_set *ss, hv_stage *st, hv_ast *cmd)
{
    for (uint32_t i = 1; i < cmd->u.cmd.elems.n; i++) {
        hv_ast *e = cmd->u.cmd.elems.items[i];
        hv_status s;
        if (e->kind == HV_AST_COMMANDPARAM) {
            hv_arg a = {.param = e->u.cparam.name, .text = e->u.cparam.text};
            if (e->u.cparam.arg) {
                if ((s = hv_eval_expr(ctx, e->u.cparam.arg, &a.value)) != HV_OK)
                    return s;
                if (a.value.kind == HV_NULL)
                    a.value = hv_null();
                a.has_value = true;
            }
            push_arg(st, a);
            continue;
        }
        if (e->kind == HV_AST_VARIABLE && e->u.var.splatted) {
            if ((s = splat(ctx, ss, st, e)) != HV_OK)
                return s;
            continue;
        }
        hv_arg a = {.has_value = true};
        if ((s = hv_eval_expr(ctx, e, &a.value)) != HV_OK)
            return s;
        if (a.value.kind == HV_NULL)
            a.value = hv_null();
        a.bare_word = e->kind == HV_AST_STRING && e->u.str.kind == HV_STR_BARE;
        push_arg(st, a);
    }
    return HV_OK;
}

static hv_status
eval_redirs(hv_ctx *ctx, const hv_ast_list *list, hv_redir **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!list->n)
        return HV_OK;
    *out = hv_xcalloc(list->n, sizeof **out);
    for (uint32_t i = 0; i < list->n; i++) {
        hv_ast *r = list->items[i];
        hv_redir *d = &(*out)[i];
        d->from = r->u.redir.from;
        d->to = r->u.redir.to;
        d->merge = r->u.redir.merge;
        d->append = r->u.redir.append;
        d->target = hv_null();
        (*n)++;
        if (r->u.redir.target) {
            hv_value t;
            hv_status st = hv_eval_expr(ctx, r->u.redir.target, &t);
            if (st != HV_OK)
                return st;
            if (t.kind != HV_NULL) {
                d->target = hv_conv_to_string(&t, NULL);
            }
            hv_unref(t);
        }
    }
    return HV_OK;
}

static void
ref_function(stage_set *ss, const hv_cmdinfo *info)
{
    if (!info->def || !(info->def->flags & HV_CF_FUNCTION))
        return;
    hv_function *fn = (hv_function *)info->def;
    hv_function_ref(fn);
    ss->fns = hv_xrealloc(ss->fns, (ss->nfns + 1) * sizeof *ss->fns);
    ss->fns[ss->nfns++] = fn;
}

static hv_status
resolve_head(hv_ctx *ctx, stage_set *ss, hv_stage *st, hv_ast *cmd)
{
    const char *name = hv_ast_command_name(cmd);
    hv_ast *head = cmd->u.cmd.elems.items[0];
    if (name && head->kind == HV_AST_STRING) {
        st->invocation_name = name;
        return resolve_cached(ctx, cmd, name, &st->info);
    }
    hv_value hv;
    hv_status s = hv_eval_expr(ctx, head, &hv);
    if (s != HV_OK)
        return s;
    if (hv_eval_is_block(&hv)) {
        hv_function *fn = hv_eval_block_function(ctx, &hv);
        memset(&st->info, 0, sizeof st->info);
        st->info.name = "";
        st->info.kind = HV_CMDK_SCRIPT;
        st->info.def = &fn->def;
        st->info.module = "";
        st->invocation_name = "";
        keep_value(ss, hv);
        return HV_OK;
    }
    hv_value nm;
    if (hv.kind == HV_OBJECT && hv_obj_get(&hv, "Name") && hv_obj_get(&hv, "CommandType"))
        nm = hv_conv_to_string(hv_obj_get(&hv, "Name"), NULL);
    else
        nm = hv_conv_to_string(&hv, NULL);
    hv_unref(hv);
    keep_value(ss, nm);
    const char *n = hv_str_cstr(hv_array_at(&ss->keep, hv_array_len(&ss->keep) - 1));
    st->invocation_name = n;
    if (!*n)
        return hv_eval_fail(ctx, cmd, RTE, HV_CAT_InvalidOperation, "BadExpression",
                            "The expression after '&' in a pipeline element produced an object "
                            "that was not valid. It must result in a command name, a script block, "
                            "or a CommandInfo object.");
    hv_value keep;
    s = resolve_name(ctx, cmd, n, &st->info, &keep);
    keep_value(ss, keep);
    return s;
}

static hv_status
build_stage(hv_ctx *ctx, stage_set *ss, hv_stage *st, hv_ast *cmd)
{
    memset(st, 0, sizeof *st);
    hv_node_cache *nc = hv_eval_cache_of(ctx, cmd);
    if (!nc->pos_valid) {
        hv_eval_pos_of(cmd, &nc->pos);
        nc->pos_valid = true;
    }
    st->pos = nc->pos;
    st->node = cmd;
    st->dot_source = cmd->u.cmd.invoke == '.';
    hv_status s = resolve_head(ctx, ss, st, cmd);
    if (s != HV_OK)
        return s;
    st->pos.command = st->info.name;
    ref_function(ss, &st->info);
    if ((s = eval_cmd_args(ctx, ss, st, cmd)) != HV_OK)
        return s;
    return eval_redirs(ctx, &cmd->u.cmd.redirs, &st->redirs, &st->nredirs);
}

static void
free_redirs(hv_redir *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        hv_unref(r[i].target);
    free(r);
}

static void
stage_set_free(stage_set *ss)
{
    for (size_t i = 0; i < ss->n; i++) {
        hv_stage *st = &ss->stages[i];
        for (size_t k = 0; k < st->nargs; k++)
            hv_unref(st->args[k].value);
        free(st->args);
        free_redirs(st->redirs, st->nredirs);
    }
    free(ss->stages);
    for (size_t i = 0; i < ss->nfns; i++)
        hv_function_unref(ss->fns[i]);
    free(ss->fns);
    hv_unref(ss->keep);
}

#define RTE_TYPE "System.Management.Automation.RuntimeException"

/* f(1, 2): a command name followed directly by a parenthesized list (Set-StrictMode 2.0
 * forbids calling a command like a method). */
static bool
called_as_method(const hv_ast *cmd)
{
    const hv_ast_list *el = &cmd->u.cmd.elems;
    if (cmd->u.cmd.invoke || el->n != 2 || el->items[0]->kind != HV_AST_STRING)
        return false;
    const hv_ast *arg = el->items[1];
    return arg->kind == HV_AST_PAREN && arg->ext.start == el->items[0]->ext.end;
}

hv_status
hv_eval_pipeline(hv_ctx *ctx, hv_ast *node, hv_sink *out)
{
    const hv_ast_list *el = &node->u.pipe.elems;
    if (!out)
        out = &discard_sink;
    if (node->u.pipe.background) /* `pipeline &`: a background job (pwsh 6+) */
        return hv_jobs_background(ctx, node, out);
    if (el->n == 0)
        return HV_OK;
    hv_ast *first = el->items[0];
    if (el->n == 1 && first->kind == HV_AST_COMMANDEXPR && first->u.cmdexpr.redirs.n == 0) {
        hv_ast *e = first->u.cmdexpr.expr;
        /* `$i++` and assignments as statements print nothing */
        if (e->kind == HV_AST_UNARY && (e->u.un.op == HVA_OP_POSTINC || e->u.un.op == HVA_OP_POSTDEC ||
                                        e->u.un.op == HVA_OP_PREINC || e->u.un.op == HVA_OP_PREDEC)) {
            hv_value v;
            hv_status st = hv_eval_expr(ctx, e, &v);
            hv_unref(v);
            if (st == HV_OK)
                ctx->last_success = true;
            return st;
        }
        bool handled;
        hv_status st = produce_range(ctx, e, out, &handled);
        if (!handled && st == HV_OK) {
            hv_value v;
            st = hv_eval_expr(ctx, e, &v);
            if (st == HV_OK)
                st = hv_sink_write(ctx, out, v);
        }
        if (st == HV_OK)
            ctx->last_success = true;
        return st;
    }
    stage_set ss = {0};
    hv_producer prod = {0};
    const hv_producer *input = NULL;
    hv_redir *in_redirs = NULL;
    size_t n_in_redirs = 0;
    size_t start = 0;
    hv_status st = HV_OK;
    if (first->kind == HV_AST_COMMANDEXPR) {
        prod.run = produce_expr;
        prod.ud = first->u.cmdexpr.expr;
        input = &prod;
        start = 1;
        st = eval_redirs(ctx, &first->u.cmdexpr.redirs, &in_redirs, &n_in_redirs);
    }
    ss.stages = hv_xcalloc(el->n, sizeof *ss.stages);
    for (size_t i = start; i < el->n && st == HV_OK; i++) {
        hv_ast *cmd = el->items[i];
        if (cmd->kind != HV_AST_COMMAND) {
            st = hv_eval_fail(ctx, cmd, "System.Management.Automation.ParseException",
                              HV_CAT_ParserError, "ExpressionsMustBeFirstInPipeline",
                              "Expressions are only allowed as the first element of a pipeline.");
            break;
        }
        if (ctx->strict_version >= 2 && called_as_method(cmd)) {
            st = hv_eval_fail(ctx, cmd, RTE_TYPE, HV_CAT_InvalidOperation,
                              "StrictModeFunctionCallWithParens",
                              "The function or command was called as if it were a method. "
                              "Parameters should be separated by spaces. For information about "
                              "parameters, see the about_Parameters Help topic.");
            break;
        }
        st = build_stage(ctx, &ss, &ss.stages[ss.n++], cmd);
    }
    if (st == HV_OK)
        st = hv_pipe_run(ctx, ss.stages, ss.n, input, in_redirs, n_in_redirs, out);
    else
        ctx->last_success = false;
    free_redirs(in_redirs, n_in_redirs);
    stage_set_free(&ss);
    return st;
}
