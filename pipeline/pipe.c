/* pipe.c — the streaming push pipeline. begin runs for every stage left to right; each
 * object a stage emits goes synchronously into the next stage's process; end runs stage
 * by stage (objects emitted in end still flow); cleanup always runs. A stage that is
 * satisfied returns HV_STOPPED from process: upstream stages stop (their end blocks do
 * not run, as with pwsh's StopUpstreamCommandsException), downstream ones finish. */
#include "pipe.h"

#include "errors.h"
#include "native.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct hv_pipe {
    hv_ctx *ctx;
    hv_cmd *cmds; /* n stages */
    size_t n;
    hv_cmd head; /* pseudo stage for a leading expression's redirections */
    bool has_head;
    hv_sink *out;
    int stop_at;      /* first stage that said HV_STOPPED (its upstream stops), or -1 */
    bool out_stopped; /* the final sink said HV_STOPPED */
    bool any_error;
    bool has_input; /* a leading expression feeds stage 0 */
};

static hv_status stage_put(hv_ctx *ctx, hv_sink *self, hv_value v);

/* Raise a statement-terminating error where the status travels separately. */
static void
raise_now(hv_ctx *ctx, hv_value rec)
{
    hv_status st = hv_eval_raise(ctx, rec, false);
    (void)st;
}
static hv_status cmd_sink_put(hv_ctx *ctx, hv_sink *self, hv_value v);

/* ====================================================================================
 * SDK accessors
 * ==================================================================================== */

hv_ctx *
hv_cmd_ctx(hv_cmd *cmd)
{
    return cmd->ctx;
}

const hv_cmdlet_def *
hv_cmd_def(hv_cmd *cmd)
{
    return cmd->def;
}

void *
hv_cmd_state(hv_cmd *cmd)
{
    return cmd->state;
}

int
hv_cmd_set_index(hv_cmd *cmd)
{
    const hv_binding *b = &cmd->bind;
    if (b->set_index >= 0)
        return b->set_index;
    unsigned s = b->obj_sets ? b->obj_sets : b->sets;
    if (s & HV_SET(cmd->def->default_set))
        return cmd->def->default_set;
    return s ? __builtin_ctz(s) : 0;
}

const hv_value *
hv_cmd_arg(hv_cmd *cmd, int index)
{
    if (index < 0 || index >= cmd->bind.ntotal || cmd->bind.how[index] == HV_BOUND_NONE)
        return NULL;
    return &cmd->bind.vals[index];
}

const hv_value *
hv_cmd_argn(hv_cmd *cmd, const char *name)
{
    for (int i = 0; i < cmd->bind.ntotal; i++)
        if (hv_str_eq_ci(hv_bind_param(&cmd->bind, i)->name, name))
            return hv_cmd_arg(cmd, i);
    return NULL;
}

bool
hv_cmd_bound(hv_cmd *cmd, int index)
{
    return hv_cmd_arg(cmd, index) != NULL;
}

bool
hv_cmd_switch(hv_cmd *cmd, int index)
{
    const hv_value *v = hv_cmd_arg(cmd, index);
    return v && hv_conv_to_bool(v);
}

size_t
hv_cmd_raw_argc(hv_cmd *cmd)
{
    return cmd->stage ? cmd->stage->nargs : 0;
}

const hv_value *
hv_cmd_raw_arg(hv_cmd *cmd, size_t i)
{
    hv_arg *a = &cmd->stage->args[i];
    if (a->param && a->value.kind == HV_NULL && !a->has_value)
        a->value = hv_str(a->text ? a->text : a->param); /* a parameter token as written */
    return &a->value;
}

bool
hv_cmd_interrupted(hv_cmd *cmd)
{
    (void)cmd;
    return hv_runtime_interrupted != 0;
}

bool
hv_cmd_dot_sourced(hv_cmd *cmd)
{
    return cmd->stage && cmd->stage->dot_source;
}

const char *
hv_cmd_set_name(hv_cmd *cmd)
{
    if (!cmd->def || !cmd->def->sets)
        return "__AllParameterSets";
    return cmd->def->sets[hv_cmd_set_index(cmd)];
}

const hv_stage *
hv_cmd_stage(hv_cmd *cmd)
{
    return cmd->stage;
}

hv_value
hv_cmd_unbound_args(hv_cmd *cmd)
{
    if (cmd->bind.extras.kind == HV_ARRAY)
        return hv_array_clone(&cmd->bind.extras);
    return hv_array_new(0);
}

hv_value
hv_cmd_bound_params(hv_cmd *cmd)
{
    hv_value t = hv_table_new(HV_TABLE_ORDERED);
    for (int i = 0; i < cmd->bind.ntotal; i++)
        if (cmd->bind.how[i] != HV_BOUND_NONE)
            hv_table_sets(&t, hv_bind_param(&cmd->bind, i)->name, hv_ref(&cmd->bind.vals[i]));
    return t;
}

bool
hv_cmd_bound_from_pipeline(hv_cmd *cmd, int index)
{
    return index >= 0 && index < cmd->bind.ntotal && cmd->bind.how[index] == HV_BOUND_PIPE;
}

hv_cmd *
hv_cmd_current(hv_ctx *ctx)
{
    return ctx->cur_cmd;
}

bool
hv_pipe_to_console(hv_cmd *cmd)
{
    hv_ctx *ctx = cmd->ctx;
    for (int depth = 0; cmd && depth < 256; depth++) {
        if (cmd->next || !cmd->pipe || cmd->rd[1].mode != HV_RD_DEFAULT ||
            cmd->outvar_list.kind == HV_ARRAY)
            return false;
        hv_sink *s = cmd->pipe->out;
        if (s && s == ctx->console)
            return true;
        if (!s || s->put != cmd_sink_put)
            return false;
        cmd = s->ud; /* a function's body writing to the function's output */
    }
    return false;
}

hv_sink *
hv_pipe_final_sink(hv_cmd *cmd)
{
    return cmd->pipe ? cmd->pipe->out : NULL;
}

hv_sink *
hv_pipe_cmd_sink(hv_cmd *cmd)
{
    return &cmd->out_sink;
}

/* ====================================================================================
 * Calling back into the language
 * ==================================================================================== */

hv_status
hv_cmd_invoke(hv_cmd *cmd, const hv_value *block, const hv_value *dollar_under,
              const hv_value *args, size_t nargs, hv_value *out)
{
    hv_ctx *ctx = cmd->ctx;
    hv_cmd *saved = ctx->cur_cmd;
    ctx->cur_cmd = cmd;
    hv_status st;
    if (out) {
        hv_collector c;
        hv_collect_init(&c);
        st = hv_eval_invoke_block(ctx, block, dollar_under, args, nargs, true, &c.sink);
        *out = hv_collect_array(&c);
        hv_collect_free(&c);
    } else {
        st = hv_eval_invoke_block(ctx, block, dollar_under, args, nargs, true, &cmd->out_sink);
    }
    ctx->cur_cmd = saved;
    return st;
}

hv_status
hv_cmd_invoke_catch(hv_cmd *cmd, const hv_value *block, const hv_value *dollar_under,
                    hv_value *out, bool *failed)
{
    hv_ctx *ctx = cmd->ctx;
    /* as inside try { }: a statement-terminating error propagates here instead of being
     * reported, and the caller drops it */
    ctx->try_depth++;
    hv_status st = hv_cmd_invoke(cmd, block, dollar_under, NULL, 0, out);
    ctx->try_depth--;
    *failed = st == HV_ERR;
    if (st == HV_ERR) {
        hv_value rec = hv_eval_take_error(ctx);
        hv_unref(rec);
        st = HV_OK;
    }
    return st;
}

/* A sink that keeps only what a predicate needs: no allocation per object. */
typedef struct {
    hv_sink sink;
    size_t n;
    hv_value first;
    bool any_true;
} bool_sink;

static hv_status
bool_put(hv_ctx *ctx, hv_sink *self, hv_value v)
{
    (void)ctx;
    bool_sink *b = (bool_sink *)self;
    if (b->n++ == 0)
        b->first = v;
    else
        hv_unref(v);
    return HV_OK;
}

hv_status
hv_cmd_invoke_bool(hv_cmd *cmd, const hv_value *block, const hv_value *dollar_under, bool *result)
{
    hv_ctx *ctx = cmd->ctx;
    bool_sink b = {.sink = {.put = bool_put}, .first = hv_null()};
    hv_cmd *saved = ctx->cur_cmd;
    ctx->cur_cmd = cmd;
    hv_status st = hv_eval_invoke_block(ctx, block, dollar_under, NULL, 0, true, &b.sink);
    ctx->cur_cmd = saved;
    /* several outputs: an array, true unless it is one false-ish element (pwsh rule) */
    *result = b.n > 1 ? true : b.n == 1 && hv_conv_to_bool(&b.first);
    hv_unref(b.first);
    return st;
}

/* ====================================================================================
 * Output
 * ==================================================================================== */

/* Deliver v downstream of cmd (next stage or the pipeline's sink). MOVES v. */
static hv_status
deliver(hv_cmd *cmd, hv_value v)
{
    hv_pipe *p = cmd->pipe;
    if (cmd->next)
        return stage_put(cmd->ctx, &cmd->next->in, v);
    if (!p->out) {
        hv_unref(v);
        return HV_OK;
    }
    hv_status st = p->out->put(cmd->ctx, p->out, v);
    if (st == HV_STOPPED)
        p->out_stopped = true;
    return st;
}

hv_status
hv_emit(hv_cmd *cmd, hv_value obj)
{
    hv_pipe *p = cmd->pipe;
    if (hv_runtime_interrupted) {
        hv_unref(obj);
        return HV_STOPPED;
    }
    if (!p) { /* a command object outside a pipeline: discard */
        hv_unref(obj);
        return HV_OK;
    }
    if ((p->stop_at >= 0 && cmd->index < p->stop_at) || p->out_stopped) {
        hv_unref(obj);
        return HV_STOPPED;
    }
    if (cmd->outvar_list.kind == HV_ARRAY)
        hv_array_push(&cmd->outvar_list, hv_ref(&obj));
    if (cmd->pipevar.kind == HV_STRING) /* -PipelineVariable: this command's current output */
        hv_var_set(cmd->ctx, hv_str_cstr(&cmd->pipevar), hv_ref(&obj));
    if (cmd->rd[1].mode == HV_RD_NULL) {
        hv_unref(obj);
        return HV_OK;
    }
    if (cmd->rd[1].mode == HV_RD_FILE) {
        if (cmd->rd_out_items.kind != HV_ARRAY)
            cmd->rd_out_items = hv_array_new(8);
        hv_array_push(&cmd->rd_out_items, obj);
        return HV_OK;
    }
    return deliver(cmd, obj);
}

hv_status
hv_emit_enum(hv_cmd *cmd, hv_value collection)
{
    if (collection.kind != HV_ARRAY)
        return hv_emit(cmd, collection);
    size_t n = hv_array_len(&collection);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++)
        st = hv_emit(cmd, hv_ref(hv_array_at(&collection, i)));
    hv_unref(collection);
    return st;
}

static hv_status
cmd_sink_put(hv_ctx *ctx, hv_sink *self, hv_value v)
{
    (void)ctx;
    return hv_emit((hv_cmd *)self->ud, v);
}

/* ====================================================================================
 * Error records for binding failures
 * ==================================================================================== */

/* Position of argument ai in the COMMAND node (-1: the whole command). */
static void
arg_pos(hv_cmd *cmd, int ai, hv_pos *pos)
{
    hv_stage *s = cmd->stage;
    *pos = s->pos;
    if (ai < 0 || !s->node || s->node->kind != HV_AST_COMMAND)
        return;
    const hv_ast_list *el = &s->node->u.cmd.elems;
    int k = 0;
    for (uint32_t i = 1; i < el->n; i++) {
        const hv_ast *e = el->items[i];
        if (e->kind == HV_AST_VARIABLE && e->u.var.splatted)
            return; /* splats expand to an unknown number of arguments */
        if (k == ai) {
            hv_eval_pos_of(e, pos);
            pos->command = s->pos.command;
            return;
        }
        k++;
    }
}

static const char *
cmd_name(hv_cmd *cmd)
{
    if (cmd->def && cmd->def->name && cmd->def->name[0])
        return cmd->def->name;
    if (cmd->stage && cmd->stage->info.name && cmd->stage->info.name[0])
        return cmd->stage->info.name;
    return NULL;
}

static hv_value
bind_error(hv_cmd *cmd, hv_bind_fail *f)
{
    hv_pos pos;
    arg_pos(cmd, f->arg, &pos);
    const char *name = cmd_name(cmd);
    char fqid[256], cid[200];
    const char *id = cmd->def ? hv_err_command_id(cmd->ctx, cmd->def, cid, sizeof cid) : name;
    snprintf(fqid, sizeof fqid, "%s%s%s", f->id, id ? "," : "", id ? id : "");
    hv_value rec = hv_err_make(f->exception, f->msg, f->cat, fqid, &f->target, name, &pos);
    hv_bind_fail_free(f);
    return rec;
}

/* ====================================================================================
 * Stage input
 * ==================================================================================== */

static hv_status
call_op(hv_cmd *cmd, hv_status (*op)(hv_cmd *))
{
    if (!op)
        return HV_OK;
    hv_ctx *ctx = cmd->ctx;
    hv_cmd *saved = ctx->cur_cmd;
    ctx->cur_cmd = cmd;
    hv_status st = op(cmd);
    ctx->cur_cmd = saved;
    return st;
}

static hv_status
process_one(hv_cmd *cmd, hv_value v)
{
    hv_ctx *ctx = cmd->ctx;
    hv_status st = HV_OK;
    if (cmd->bind.takes_input || !cmd->bind.lenient) {
        hv_bind_fail f;
        if (!hv_bind_pipeline(&cmd->bind, &v, &f)) {
            hv_unref(v);
            return hv_write_error(cmd, bind_error(cmd, &f));
        }
    }
    if (cmd->def->ops.process) {
        hv_cmd *saved = ctx->cur_cmd;
        ctx->cur_cmd = cmd;
        st = cmd->def->ops.process(cmd, &v);
        ctx->cur_cmd = saved;
    }
    hv_unref(v);
    return st;
}

static hv_status
stage_put(hv_ctx *ctx, hv_sink *self, hv_value v)
{
    (void)ctx;
    hv_cmd *cmd = self->ud;
    hv_pipe *p = cmd->pipe;
    if (cmd->index >= 0 && !cmd->begun) { /* emitted during an upstream begin */
        if (cmd->queue.kind != HV_ARRAY)
            cmd->queue = hv_array_new(4);
        hv_array_push(&cmd->queue, v);
        return HV_OK;
    }
    hv_status st;
    if (cmd->index < 0)
        st = hv_emit(cmd, v);
    else if (cmd->is_native)
        st = hv_native_write(cmd, v);
    else
        st = process_one(cmd, v);
    if (st == HV_STOPPED && p->stop_at < 0 && !p->out_stopped && !hv_runtime_interrupted)
        p->stop_at = cmd->index < 0 ? 0 : cmd->index;
    return st;
}

/* ====================================================================================
 * Stage set-up: binding, common parameters, redirections
 * ==================================================================================== */

static int
action_of(hv_cmd *cmd, int cp)
{
    const hv_value *v = hv_cmd_arg(cmd, cmd->bind.nparams + cp);
    if (!v)
        return -1;
    hv_action a;
    return hv_action_parse(v, &a) ? (int)a : -1;
}

static void
var_param(hv_cmd *cmd, int cp, hv_value *name, bool *append, hv_value *list)
{
    const hv_value *v = hv_cmd_arg(cmd, cmd->bind.nparams + cp);
    if (!v || v->kind != HV_STRING || !hv_str_len(v))
        return;
    const char *s = hv_str_cstr(v);
    *append = s[0] == '+';
    *name = hv_str(s + (*append ? 1 : 0));
    *list = hv_array_new(4);
}

static void
read_common(hv_cmd *cmd)
{
    cmd->erract = cmd->warnact = cmd->infoact = cmd->progact = -1;
    cmd->verbose = cmd->debug = -1;
    if (!cmd->bind.ncommon)
        return;
    int base = cmd->bind.nparams;
    cmd->erract = action_of(cmd, HV_CP_ERRORACTION);
    cmd->warnact = action_of(cmd, HV_CP_WARNINGACTION);
    cmd->infoact = action_of(cmd, HV_CP_INFORMATIONACTION);
    cmd->progact = action_of(cmd, HV_CP_PROGRESSACTION);
    if (hv_cmd_bound(cmd, base + HV_CP_VERBOSE))
        cmd->verbose = hv_cmd_switch(cmd, base + HV_CP_VERBOSE);
    if (hv_cmd_bound(cmd, base + HV_CP_DEBUG))
        cmd->debug = hv_cmd_switch(cmd, base + HV_CP_DEBUG);
    var_param(cmd, HV_CP_ERRORVARIABLE, &cmd->errvar, &cmd->errvar_append, &cmd->errvar_list);
    var_param(cmd, HV_CP_WARNINGVARIABLE, &cmd->warnvar, &cmd->warnvar_append, &cmd->warnvar_list);
    var_param(cmd, HV_CP_INFORMATIONVARIABLE, &cmd->infovar, &cmd->infovar_append,
              &cmd->infovar_list);
    var_param(cmd, HV_CP_OUTVARIABLE, &cmd->outvar, &cmd->outvar_append, &cmd->outvar_list);
    const hv_value *pv = hv_cmd_arg(cmd, base + HV_CP_PIPELINEVARIABLE);
    if (pv && pv->kind == HV_STRING)
        cmd->pipevar = hv_ref(pv);
    if (cmd->bind.nsp) {
        int sp = base + cmd->bind.ncommon;
        cmd->whatif = hv_cmd_switch(cmd, sp + HV_SP_WHATIF);
        cmd->confirm_set = hv_cmd_bound(cmd, sp + HV_SP_CONFIRM);
        cmd->confirm = hv_cmd_switch(cmd, sp + HV_SP_CONFIRM);
    }
}

/* Assign the -XxxVariable lists when the stage is done (pwsh fills them as it goes; the
 * variable is visible after the command). */
static void
flush_var(hv_cmd *cmd, hv_value *name, bool append, hv_value *list)
{
    if (name->kind != HV_STRING || list->kind != HV_ARRAY)
        return;
    hv_ctx *ctx = cmd->ctx;
    hv_value v = hv_steal(list);
    if (append) {
        HV_AUTO hv_value old = hv_var_get(ctx, hv_str_cstr(name));
        hv_value all = hv_array_new(4);
        if (old.kind == HV_ARRAY) {
            for (size_t i = 0; i < hv_array_len(&old); i++)
                hv_array_push(&all, hv_ref(hv_array_at(&old, i)));
        } else if (old.kind != HV_NULL) {
            hv_array_push(&all, hv_ref(&old));
        }
        for (size_t i = 0; i < hv_array_len(&v); i++)
            hv_array_push(&all, hv_ref(hv_array_at(&v, i)));
        hv_unref(v);
        v = all;
    }
    hv_var_set(ctx, hv_str_cstr(name), v);
}

static void
flush_vars(hv_cmd *cmd)
{
    flush_var(cmd, &cmd->errvar, cmd->errvar_append, &cmd->errvar_list);
    flush_var(cmd, &cmd->warnvar, cmd->warnvar_append, &cmd->warnvar_list);
    flush_var(cmd, &cmd->infovar, cmd->infovar_append, &cmd->infovar_list);
    flush_var(cmd, &cmd->outvar, cmd->outvar_append, &cmd->outvar_list);
}

static FILE *
open_target(hv_ctx *ctx, hv_cmd *cmd, const hv_redir *r)
{
    const char *path = hv_str_cstr(&r->target);
    /* share one FILE for the same path (`*> file`, `> f 2> f` appends to one stream) */
    for (int s = 1; s <= 6; s++)
        if (cmd->rd[s].mode == HV_RD_FILE && cmd->rd[s].f && cmd->rd[s].path &&
            strcmp(cmd->rd[s].path, path) == 0)
            return cmd->rd[s].f;
    FILE *f = fopen(path, r->append ? "a" : "w");
    if (!f) {
        hv_pos pos = cmd->stage ? cmd->stage->pos : (hv_pos){0};
        hv_value rec = hv_err_new(ctx, "System.IO.DirectoryNotFoundException", HV_CAT_OpenError,
                                  "FileOpenFailure", &r->target, &pos,
                                  "Could not find a part of the path '%s'.", path);
        raise_now(ctx, rec);
    }
    return f;
}

/* Stream s is redirected elsewhere: its old file is closed when no other stream of the
 * command still writes to it, else another stream takes over its ownership. */
static void
release_target(hv_cmd *cmd, int s)
{
    hv_stream_redir *r = &cmd->rd[s];
    if (r->owns && r->f) {
        int heir = 0;
        for (int o = 1; o <= 6 && !heir; o++)
            if (o != s && cmd->rd[o].f == r->f)
                heir = o;
        if (heir) {
            cmd->rd[heir].owns = true;
        } else {
            fclose(r->f);
            free(r->path);
        }
    }
    *r = (hv_stream_redir){0};
}

static bool
setup_redirs(hv_ctx *ctx, hv_cmd *cmd, const hv_redir *rs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const hv_redir *r = &rs[i];
        int lo = r->from ? r->from : 1, hi = r->from ? r->from : 6;
        if (r->merge) {
            for (int s = lo < 2 ? 2 : lo; s <= hi; s++) {
                release_target(cmd, s);
                cmd->rd[s].mode = HV_RD_MERGE;
            }
            continue;
        }
        if (r->target.kind != HV_STRING) {
            for (int s = lo; s <= hi; s++) {
                release_target(cmd, s);
                cmd->rd[s].mode = HV_RD_NULL;
            }
            continue;
        }
        FILE *f = open_target(ctx, cmd, r);
        if (!f)
            return false;
        char *path = NULL;
        for (int s = 1; s <= 6 && !path; s++)
            if (cmd->rd[s].f == f)
                path = cmd->rd[s].path;
        if (!path)
            path = hv_xstrdup(hv_str_cstr(&r->target));
        for (int s = lo; s <= hi; s++) {
            if (cmd->rd[s].f != f)
                release_target(cmd, s);
            cmd->rd[s].mode = HV_RD_FILE;
            cmd->rd[s].f = f;
            cmd->rd[s].path = path;
        }
        bool owned = false;
        for (int s = 1; s <= 6; s++)
            owned |= cmd->rd[s].f == f && cmd->rd[s].owns;
        if (!owned)
            cmd->rd[lo].owns = true;
    }
    return true;
}

const hv_stream_redir *
hv_pipe_redir_of(hv_cmd *cmd, int s, hv_cmd **owner)
{
    for (hv_cmd *c = cmd; c; c = c->parent)
        if (c->rd[s].mode != HV_RD_DEFAULT) {
            if (owner)
                *owner = c;
            return &c->rd[s];
        }
    return NULL;
}

static int
cmd_action(const hv_cmd *c, hv_pref which)
{
    switch (which) {
    case HV_PREF_ERROR:
        return c->erract;
    case HV_PREF_WARNING:
        return c->warnact;
    case HV_PREF_INFORMATION:
        return c->infoact;
    case HV_PREF_PROGRESS:
        return c->progact;
    case HV_PREF_VERBOSE:
        return c->verbose < 0 ? -1 : c->verbose ? HV_ACT_CONTINUE : HV_ACT_SILENTLY_CONTINUE;
    case HV_PREF_DEBUG: /* -Debug in pwsh 7.4 means Continue (no more Inquire) */
        return c->debug < 0 ? -1 : c->debug ? HV_ACT_CONTINUE : HV_ACT_SILENTLY_CONTINUE;
    default:
        return -1;
    }
}

/* The command's own common parameter, else those of the functions it runs inside (pwsh
 * sets the preference variables in an advanced function's scope), else the variable. */
hv_action
hv_pipe_action(hv_ctx *ctx, hv_cmd *cmd, hv_pref which)
{
    int a = cmd ? cmd_action(cmd, which) : -1;
    for (hv_cmd *c = cmd ? cmd->parent : NULL;
         a < 0 && c && c->def && (c->def->flags & HV_CF_FUNCTION); c = c->parent)
        a = cmd_action(c, which);
    return a >= 0 ? (hv_action)a : hv_pref_get(ctx, which);
}

static void
cmd_init(hv_pipe *p, hv_cmd *cmd, int index, hv_stage *stage)
{
    cmd->ctx = p->ctx;
    cmd->pipe = p;
    cmd->index = index;
    cmd->stage = stage;
    cmd->parent = p->ctx->cur_cmd;
    cmd->in = (hv_sink){.put = stage_put, .ud = cmd};
    cmd->out_sink = (hv_sink){.put = cmd_sink_put, .ud = cmd};
    cmd->erract = cmd->warnact = cmd->infoact = cmd->progact = -1;
    cmd->verbose = cmd->debug = -1;
    cmd->in_fd = cmd->out_fd = cmd->err_fd = -1;
    cmd->pid = -1;
}

/* Interactive sessions ask for missing mandatory parameters, as pwsh's host does:
 *   cmdlet Get-Thing at command pipeline position 1
 *   Supply values for the following parameters:
 *   Name:
 * Array parameters read one element per line ("Name[0]: ") until an empty line. Returns
 * the extra named arguments (caller frees), or NULL when prompting is not possible. */
static hv_arg *
prompt_missing(hv_pipe *p, size_t i, const hv_bind_fail *f, size_t *nextra)
{
    hv_ctx *ctx = p->ctx;
    hv_cmd *cmd = &p->cmds[i];
    if (!ctx->interactive || ctx->non_interactive || !isatty(0) || f->nmissing == 0)
        return NULL;
    FILE *out = ctx->out ? ctx->out : stdout;
    fprintf(out,
            "\ncmdlet %s at command pipeline position %zu\nSupply values for the following "
            "parameters:\n",
            cmd->def->name, i + 1);
    hv_arg *extra = hv_xcalloc((size_t)f->nmissing, sizeof *extra);
    for (int k = 0; k < f->nmissing; k++) {
        const hv_param_def *pd = hv_bind_param(&cmd->bind, f->missing[k]);
        bool arr = (pd->flags & HV_PF_ARRAY) != 0;
        hv_value v = arr ? hv_array_new(4) : hv_null();
        for (int n = 0;; n++) {
            char line[4096];
            if (arr)
                fprintf(out, "%s[%d]: ", pd->name, n);
            else
                fprintf(out, "%s: ", pd->name);
            fflush(out);
            if (!fgets(line, sizeof line, stdin)) {
                line[0] = 0;
            }
            line[strcspn(line, "\r\n")] = 0;
            if (!arr) {
                v = hv_str(line);
                break;
            }
            if (!line[0])
                break;
            hv_array_push(&v, hv_str(line));
        }
        extra[k] = (hv_arg){.param = pd->name, .value = v, .has_value = true};
    }
    *nextra = (size_t)f->nmissing;
    return extra;
}

/* Bind again with the prompted values appended to the stage's arguments. */
static bool
rebind_with(hv_pipe *p, size_t i, hv_arg *extra, size_t nextra, bool expect_input, hv_bind_fail *f)
{
    hv_cmd *cmd = &p->cmds[i];
    hv_stage *s = cmd->stage;
    hv_arg *all = hv_xcalloc(s->nargs + nextra + 1, sizeof *all);
    if (s->nargs)
        memcpy(all, s->args, s->nargs * sizeof *all);
    memcpy(all + s->nargs, extra, nextra * sizeof *all);
    hv_bind_free(&cmd->bind);
    hv_bind_init(&cmd->bind, cmd->def);
    bool ok = hv_bind_args(&cmd->bind, all, s->nargs + nextra, expect_input, f);
    free(all);
    for (size_t k = 0; k < nextra; k++)
        hv_unref(extra[k].value);
    free(extra);
    return ok;
}

/* A $PSDefaultParameterValues value: a script block is run (per invocation, as pwsh
 * does) and its output used; anything else as is. False when the block fails. */
static bool
default_value(hv_pipe *p, const hv_value *v, hv_value *out)
{
    if (v->kind != HV_SCRIPTBLOCK) {
        *out = hv_ref(v);
        return true;
    }
    hv_collector c;
    hv_collect_init(&c);
    hv_status st = hv_eval_invoke_block(p->ctx, v, NULL, NULL, 0, false, &c.sink);
    if (st == HV_OK)
        *out = hv_collect_result(&c);
    hv_collect_free(&c);
    if (st != HV_OK)
        hv_unref(hv_eval_take_error(p->ctx));
    return st == HV_OK;
}

/* $PSDefaultParameterValues (about_Parameters_Default_Values): "CmdPattern:Param" = value
 * supplies parameters this invocation left unbound (per cmd->bind), as named arguments,
 * so explicit and positional arguments win. Returns the count; *out owns the values. */
static size_t
collect_defaults(hv_pipe *p, size_t i, hv_arg **out)
{
    hv_cmd *cmd = &p->cmds[i];
    hv_stage *s = cmd->stage;
    const char *name = s->info.name;
    *out = NULL;
    if (!name || !*name)
        return 0;
    HV_AUTO hv_value t = hv_var_get(p->ctx, "PSDefaultParameterValues");
    if (t.kind != HV_TABLE || !hv_table_count(&t))
        return 0;
    const hv_value *dis = hv_table_gets(&t, "Disabled");
    if (dis && hv_conv_to_bool(dis))
        return 0;
    hv_arg *extra = NULL;
    size_t n = 0;
    const hv_value *k, *v;
    for (size_t it = 0; hv_table_next(&t, &it, &k, &v);) {
        if (k->kind != HV_STRING)
            continue;
        const char *key = hv_str_cstr(k), *colon = strchr(key, ':');
        if (!colon || !colon[1])
            continue;
        char *pat = hv_xstrndup(key, (size_t)(colon - key));
        bool match = hv_wildcard_match(pat, name, false);
        free(pat);
        if (!match)
            continue;
        hv_bind_fail f;
        memset(&f, 0, sizeof f);
        f.target = hv_null();
        int pi = hv_bind_find(&cmd->bind, colon + 1, &f);
        hv_bind_fail_free(&f);
        if (pi < 0 || cmd->bind.how[pi] != HV_BOUND_NONE)
            continue;
        bool dup = false; /* two keys naming one parameter: the first wins */
        for (size_t j = 0; j < n; j++)
            dup |= extra[j].param == hv_bind_param(&cmd->bind, pi)->name;
        hv_value val;
        if (dup || !default_value(p, v, &val))
            continue;
        extra = hv_xrealloc(extra, (n + 1) * sizeof *extra);
        extra[n++] = (hv_arg){.param = hv_bind_param(&cmd->bind, pi)->name, .value = val,
                              .has_value = true};
    }
    *out = extra;
    return n;
}

/* Applied after a successful bind by rebinding with the defaults appended. */
static void
apply_param_defaults(hv_pipe *p, size_t i, bool expect_input)
{
    hv_cmd *cmd = &p->cmds[i];
    hv_stage *s = cmd->stage;
    hv_arg *extra;
    size_t n = collect_defaults(p, i, &extra);
    if (!n)
        return;
    hv_bind_fail f;
    if (!rebind_with(p, i, extra, n, expect_input, &f)) {
        /* a default that does not fit: keep the invocation as the user wrote it */
        hv_bind_fail_free(&f);
        hv_bind_free(&cmd->bind);
        hv_bind_init(&cmd->bind, cmd->def);
        if (!hv_bind_args(&cmd->bind, s->args, s->nargs, expect_input, &f))
            hv_bind_fail_free(&f);
    }
}

/* The bind failed for missing mandatory parameters: pwsh applies the defaults before
 * that check, so retry with them. True when the defaults complete the binding; else
 * the binding and *f are those of the user's arguments alone. */
static bool
bind_with_defaults(hv_pipe *p, size_t i, bool expect_input, hv_bind_fail *f)
{
    hv_cmd *cmd = &p->cmds[i];
    hv_stage *s = cmd->stage;
    hv_arg *extra;
    size_t n = collect_defaults(p, i, &extra);
    if (!n)
        return false;
    hv_bind_fail f2;
    if (rebind_with(p, i, extra, n, expect_input, &f2)) {
        hv_bind_fail_free(f);
        return true;
    }
    hv_bind_fail_free(&f2);
    hv_bind_free(&cmd->bind);
    hv_bind_init(&cmd->bind, cmd->def);
    hv_bind_fail_free(f);
    if (hv_bind_args(&cmd->bind, s->args, s->nargs, expect_input, f))
        return true; /* cannot happen (it failed before); treat as bound */
    return false;
}

/* Bind and prepare stage i. False with the error raised in ctx. */
static bool
setup_stage(hv_pipe *p, size_t i, bool expect_input)
{
    hv_cmd *cmd = &p->cmds[i];
    hv_stage *s = cmd->stage;
    if (s->info.kind == HV_CMDK_APPLICATION) {
        cmd->is_native = true;
        return setup_redirs(p->ctx, cmd, s->redirs, s->nredirs);
    }
    cmd->def = s->info.def;
    hv_bind_init(&cmd->bind, cmd->def);
    hv_bind_fail f;
    bool raw = (cmd->def->flags & HV_CF_NO_COMMON) && cmd->bind.nparams == 0;
    bool defaulted = false;
    if (!raw && !hv_bind_args(&cmd->bind, s->args, s->nargs, expect_input, &f) &&
        !(defaulted = f.id && strcmp(f.id, "MissingMandatoryParameter") == 0 &&
                      bind_with_defaults(p, i, expect_input, &f))) {
        size_t nextra = 0;
        hv_arg *extra = f.id && strcmp(f.id, "MissingMandatoryParameter") == 0
                            ? prompt_missing(p, i, &f, &nextra)
                            : NULL;
        if (!extra || !rebind_with(p, i, extra, nextra, expect_input, &f)) {
            raise_now(p->ctx, bind_error(cmd, &f));
            return false;
        }
    }
    if (!defaulted && !raw)
        apply_param_defaults(p, i, expect_input);
    cmd->bound_ok = true;
    read_common(cmd);
    if (cmd->def->state_size)
        cmd->state = hv_xcalloc(1, cmd->def->state_size);
    return setup_redirs(p->ctx, cmd, s->redirs, s->nredirs);
}

/* ====================================================================================
 * Running
 * ==================================================================================== */

static hv_status
drain_queue(hv_cmd *cmd)
{
    if (cmd->queue.kind != HV_ARRAY)
        return HV_OK;
    hv_value q = hv_steal(&cmd->queue);
    hv_status st = HV_OK;
    for (size_t i = 0; i < hv_array_len(&q) && st == HV_OK; i++)
        st = stage_put(cmd->ctx, &cmd->in, hv_ref(hv_array_at(&q, i)));
    hv_unref(q);
    return st;
}

static hv_status
begin_all(hv_pipe *p)
{
    for (size_t i = 0; i < p->n; i++) {
        hv_cmd *cmd = &p->cmds[i];
        hv_status st;
        if (cmd->is_native)
            st = hv_native_start(cmd, i > 0 || p->has_input);
        else
            st = call_op(cmd, cmd->def->ops.begin);
        cmd->begun = true;
        if (st == HV_OK)
            st = drain_queue(cmd);
        /* a stage satisfied already (by objects from an upstream begin): the rest of the
         * pipeline still starts, its upstream is stopped */
        if (st == HV_STOPPED && !p->out_stopped && !hv_runtime_interrupted)
            continue;
        if (st != HV_OK)
            return st;
    }
    return HV_OK;
}

/* Write what `> file` collected, formatted as Out-File would. */
static void
flush_out_file(hv_cmd *cmd)
{
    if (cmd->rd[1].mode != HV_RD_FILE || !cmd->rd[1].f || cmd->rd_out_items.kind != HV_ARRAY)
        return;
    hv_value items = hv_steal(&cmd->rd_out_items);
    HV_AUTO hv_value text = hv_format_default(cmd->ctx, hv_array_items(&items),
                                              hv_array_len(&items), hv_host_width(cmd->ctx));
    hv_unref(items);
    if (text.kind == HV_STRING) {
        size_t n = hv_str_len(&text);
        fwrite(hv_str_cstr(&text), 1, n, cmd->rd[1].f);
        if (n && hv_str_cstr(&text)[n - 1] != '\n')
            fputc('\n', cmd->rd[1].f);
    }
}

void
hv_pipe_flush_file_output(hv_cmd *owner, FILE *f)
{
    if (owner && owner->rd[1].mode == HV_RD_FILE && owner->rd[1].f == f)
        flush_out_file(owner);
}

static hv_status
end_one(hv_pipe *p, hv_cmd *cmd)
{
    (void)p;
    hv_status st;
    if (cmd->is_native)
        st = hv_native_finish(cmd);
    else
        st = call_op(cmd, cmd->def->ops.end);
    cmd->ended = true;
    return st;
}

static hv_status
end_all(hv_pipe *p)
{
    for (size_t i = 0; i < p->n; i++) {
        hv_cmd *cmd = &p->cmds[i];
        if (p->out_stopped)
            return HV_STOPPED;
        if (p->stop_at >= 0 && (int)i < p->stop_at) {
            if (cmd->is_native)
                hv_native_kill(cmd);
            continue;
        }
        hv_status st = end_one(p, cmd);
        if (st == HV_STOPPED && !p->out_stopped && !hv_runtime_interrupted) {
            if (p->stop_at < (int)i)
                p->stop_at = (int)i;
            continue;
        }
        if (st != HV_OK)
            return st;
        flush_out_file(cmd);
    }
    return HV_OK;
}

static void
cleanup_cmd(hv_cmd *cmd)
{
    if (cmd->is_native) {
        hv_native_kill(cmd);
        hv_native_free(cmd);
    } else if (cmd->def && cmd->bound_ok && cmd->def->ops.cleanup) {
        hv_ctx *ctx = cmd->ctx;
        hv_cmd *saved = ctx->cur_cmd;
        ctx->cur_cmd = cmd;
        cmd->def->ops.cleanup(cmd);
        ctx->cur_cmd = saved;
    }
    if (cmd->def || cmd->index < 0)
        flush_out_file(cmd);
    flush_vars(cmd);
    for (int s = 1; s <= 6; s++)
        if (cmd->rd[s].owns && cmd->rd[s].f) {
            fclose(cmd->rd[s].f);
            free(cmd->rd[s].path);
        }
    if (cmd->def)
        hv_bind_free(&cmd->bind);
    free(cmd->state);
    hv_unref(cmd->queue);
    hv_unref(cmd->rd_out_items);
    hv_unref(cmd->errvar);
    hv_unref(cmd->warnvar);
    hv_unref(cmd->infovar);
    hv_unref(cmd->outvar);
    hv_unref(cmd->pipevar);
    hv_unref(cmd->errvar_list);
    hv_unref(cmd->warnvar_list);
    hv_unref(cmd->infovar_list);
    hv_unref(cmd->outvar_list);
}

/* Without pipeline input, the first stage's process runs once (as pwsh calls
 * ProcessRecord once), with no object bound. */
static hv_status
process_once(hv_pipe *p)
{
    hv_cmd *cmd = &p->cmds[0];
    if (cmd->is_native || !cmd->def->ops.process)
        return HV_OK;
    hv_ctx *ctx = p->ctx;
    hv_cmd *saved = ctx->cur_cmd;
    ctx->cur_cmd = cmd;
    hv_value none = hv_null();
    hv_status st = cmd->def->ops.process(cmd, &none);
    ctx->cur_cmd = saved;
    if (st == HV_STOPPED && p->stop_at < 0 && !p->out_stopped && !hv_runtime_interrupted)
        p->stop_at = 0;
    return st;
}

static hv_status
run_input(hv_pipe *p, const hv_producer *input)
{
    if (!input)
        return p->n ? process_once(p) : HV_OK;
    hv_sink *into = p->has_head ? &p->head.in : p->n ? &p->cmds[0].in : p->out;
    if (!into)
        return HV_OK;
    hv_ctx *ctx = p->ctx;
    hv_cmd *saved = ctx->cur_cmd;
    if (p->has_head)
        ctx->cur_cmd = &p->head;
    hv_status st = input->run(ctx, input->ud, into);
    ctx->cur_cmd = saved;
    return st;
}

static hv_status
run_stages(hv_pipe *p, const hv_producer *input)
{
    hv_status st = begin_all(p);
    if (st == HV_OK && p->stop_at < 0)
        st = run_input(p, input);
    if (st == HV_STOPPED && !p->out_stopped && !hv_runtime_interrupted)
        st = HV_OK; /* an inner stage was satisfied: finish the rest */
    if (st == HV_OK)
        st = end_all(p);
    if (st == HV_OK && p->has_head)
        flush_out_file(&p->head);
    if (hv_runtime_interrupted)
        return HV_STOPPED;
    return st;
}

hv_status
hv_pipe_run(hv_ctx *ctx, hv_stage *stages, size_t n, const hv_producer *input,
            const hv_redir *input_redirs, size_t n_input_redirs, hv_sink *out)
{
    hv_pipe p = {.ctx = ctx, .n = n, .out = out, .stop_at = -1, .has_input = input != NULL};
    p.cmds = hv_xcalloc(n ? n : 1, sizeof *p.cmds);
    for (size_t i = 0; i < n; i++) {
        cmd_init(&p, &p.cmds[i], (int)i, &stages[i]);
        if (i > 0)
            p.cmds[i - 1].next = &p.cmds[i];
    }
    hv_status st = HV_OK;
    if (n_input_redirs) {
        p.has_head = true;
        cmd_init(&p, &p.head, -1, NULL);
        p.head.next = n ? &p.cmds[0] : NULL;
        if (!setup_redirs(ctx, &p.head, input_redirs, n_input_redirs))
            st = HV_ERR;
    }
    size_t nset = 0;
    for (; st == HV_OK && nset < n; nset++)
        if (!setup_stage(&p, nset, nset > 0 || input != NULL)) {
            st = HV_ERR;
            nset++; /* its binding (and any opened redirection) is released below */
            break;
        }
    if (st == HV_OK)
        st = run_stages(&p, input);
    for (size_t i = 0; i < nset; i++)
        cleanup_cmd(&p.cmds[i]);
    if (p.has_head)
        cleanup_cmd(&p.head);
    bool failed = st != HV_OK && st != HV_STOPPED;
    for (size_t i = 0; i < nset; i++) {
        failed |= p.cmds[i].wrote_error;
        if (p.cmds[i].is_native && p.cmds[i].exit_code != 0 && !p.cmds[i].killed)
            failed = true;
    }
    failed |= p.head.wrote_error;
    ctx->last_success = !failed;
    free(p.cmds);
    if (st == HV_STOPPED && !p.out_stopped && !hv_runtime_interrupted)
        st = HV_OK;
    return st;
}
