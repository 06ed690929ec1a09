/* util_foreach.c — ForEach-Object and Where-Object.
 *
 * Both are on the hot path of every pipeline benchmark: per input object they make one
 * call into the language (hv_cmd_invoke / hv_cmd_invoke_bool, which run the block
 * dot-sourced in the caller's scope, as pwsh does) and pass the object on by reference;
 * nothing is allocated per object here. */
#include "cmdlets/util.h"
#include "cmdlets/xml_members.h"

#include <stdlib.h>
#include <string.h>

/* ======================================================================================
 * ForEach-Object
 * ====================================================================================== */
enum { FE_SET_SCRIPT, FE_SET_MEMBER, FE_SET_PARALLEL };
enum { FE_INPUT, FE_BEGIN, FE_PROCESS, FE_END, FE_REMAINING, FE_MEMBER, FE_ARGS, FE_PARALLEL,
       FE_THROTTLE, FE_TIMEOUT, FE_ASJOB, FE_NEWRUNSPACE, FE__N };
#define FE_PAR HV_SET(FE_SET_PARALLEL)

static const hv_param_def fe_params[FE__N + 1] = {
    [FE_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies the input objects. ForEach-Object runs the script block or "
                          "operation statement on each input object. When you use this "
                          "parameter instead of piping, the whole value is processed once as "
                          "a single object."},
    [FE_BEGIN] = {.name = "Begin", .type = HV_PT_SCRIPTBLOCK, .position = HV_POS_NAMED,
                  .sets = HV_SET(FE_SET_SCRIPT),
                  .help = "Specifies a script block that runs before this cmdlet processes any "
                          "input objects. This script block is only run once for the entire "
                          "pipeline."},
    [FE_PROCESS] = {.name = "Process", .type = HV_PT_SCRIPTBLOCK, .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_ARRAY, .sets = HV_SET(FE_SET_SCRIPT),
                    .help = "Specifies the operation that is performed on each input object. "
                            "This script block is run for every object in the pipeline. When "
                            "you provide several script blocks, the first is the Begin block "
                            "and the last is the End block, unless -Begin or -End is given."},
    [FE_END] = {.name = "End", .type = HV_PT_SCRIPTBLOCK, .position = HV_POS_NAMED,
                .sets = HV_SET(FE_SET_SCRIPT),
                .help = "Specifies a script block that runs after this cmdlet processes all "
                        "input objects. This script block is only run once for the entire "
                        "pipeline."},
    [FE_REMAINING] = {.name = "RemainingScripts", .type = HV_PT_SCRIPTBLOCK,
                      .position = HV_POS_NAMED, .flags = HV_PF_REMAINING | HV_PF_ARRAY,
                      .sets = HV_SET(FE_SET_SCRIPT),
                      .help = "Specifies all script blocks that are not taken by the Process "
                              "parameter."},
    [FE_MEMBER] = {.name = "MemberName", .type = HV_PT_STRING, .position = 0,
                   .flags = HV_PF_MANDATORY, .sets = HV_SET(FE_SET_MEMBER),
                   .help = "Specifies the name of the member property to get or the member "
                           "method to call on each input object."},
    [FE_ARGS] = {.name = "ArgumentList", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                 .flags = HV_PF_ARRAY | HV_PF_REMAINING, .sets = HV_SET(FE_SET_MEMBER),
                 .aliases = (const char *const[]){"Args", NULL},
                 .help = "Specifies an array of arguments to a method call."},
    [FE_PARALLEL] = {.name = "Parallel", .type = HV_PT_SCRIPTBLOCK, .position = HV_POS_NAMED,
                     .flags = HV_PF_MANDATORY, .sets = FE_PAR,
                     .help = "Specifies the script block used for parallel processing of input "
                             "objects. Each object runs in its own process, with $_ set to it; "
                             "the caller's variables are not visible there: use $using:name. "
                             "Results come back in the order the blocks finish."},
    [FE_THROTTLE] = {.name = "ThrottleLimit", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                     .sets = FE_PAR, .min = 1, .max = 2147483647,
                     .help = "Specifies the number of script blocks that run in parallel. "
                             "Input objects are blocked until the running script block count "
                             "falls below the ThrottleLimit. The default value is 5."},
    [FE_TIMEOUT] = {.name = "TimeoutSeconds", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .sets = FE_PAR, .min = 0, .max = 2147483647,
                    .help = "Specifies the number of seconds to wait for all input to be "
                            "processed in parallel. Accepted for compatibility."},
    [FE_ASJOB] = {.name = "AsJob", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .sets = FE_PAR,
                  .help = "Causes the parallel invocation to run as a PowerShell job. A single "
                          "job object is returned instead of output from the running script "
                          "blocks; Receive-Job gets the results."},
    [FE_NEWRUNSPACE] = {.name = "UseNewRunspace", .type = HV_PT_SWITCH,
                        .position = HV_POS_NAMED, .sets = FE_PAR,
                        .help = "Causes the parallel invocation to create a new runspace for "
                                "every loop iteration. Accepted for compatibility."},
    [FE__N] = {.name = NULL},
};

typedef struct {
    const hv_value *begin, *end;
    const hv_value **proc; /* borrowed from the bound arguments */
    size_t nproc;
    /* -Parallel: each object is a ThreadJob running `$input | ForEach-Object { <block> }` */
    hv_value par_blocks;   /* that wrapper and the job-cmdlet calls (fe_par_blocks) */
    hv_value par_pending;  /* HV_ARRAY of the jobs not yet received */
    hv_value par_items;    /* -AsJob: the input, for one job at the end */
    int throttle;
} fe_state;

/* ======================================================================================
 * ForEach-Object -Parallel: built on the job cmdlets (Start-ThreadJob, Wait-Job,
 * Receive-Job), called through the language so this file stays on the cmdlet SDK.
 * ====================================================================================== */

/* The blocks -Parallel runs, made once per invocation: the per-object wrapper of the
 * user's block and the job-cmdlet calls (invoked with $args). The SDK has no way to make a
 * script block from text, so the language makes them, through two variables of the
 * caller's scope that are removed at once. */
enum { FEB_WRAP, FEB_START, FEB_START_ALL, FEB_WAIT, FEB_RECEIVE, FEB_REMOVE, FEB_N };

static hv_status
fe_par_blocks(hv_cmd *cmd, const char *wrapper, hv_value *out)
{
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    static const char make[] =
        "$__hvfe_blocks = @([scriptblock]::Create($__hvfe_src), "
        "{ ThreadJob\\Start-ThreadJob -ScriptBlock $args[0] -InputObject $args[1] "
        "-ThrottleLimit $args[2] }, "
        "{ $args[1] | ThreadJob\\Start-ThreadJob -ScriptBlock $args[0] -ThrottleLimit $args[2] }, "
        "{ Microsoft.PowerShell.Core\\Wait-Job -Job $args[0] -Any -Timeout $args[1] }, "
        "{ $args[0] | Microsoft.PowerShell.Core\\Receive-Job -Wait -AutoRemoveJob }, "
        "{ $args[0] | Microsoft.PowerShell.Core\\Remove-Job -Force })";
    static const char drop[] =
        "Microsoft.PowerShell.Utility\\Remove-Variable -Name __hvfe_src, __hvfe_blocks";
    hv_var_set(ctx, "__hvfe_src", hv_str(wrapper));
    hv_status st = hv_cmd_invoke_text(cmd, make, sizeof make - 1);
    *out = st == HV_OK ? hv_var_get(ctx, "__hvfe_blocks") : hv_null();
    hv_status st2 = hv_cmd_invoke_text(cmd, drop, sizeof drop - 1);
    if (st == HV_OK)
        st = st2;
    if (st == HV_OK && (out->kind != HV_ARRAY || hv_array_len(out) != FEB_N))
        st = hvc_u_throw(cmd, HV_CAT_InvalidOperation, "ParallelSetupFailed", NULL,
                         "ForEach-Object -Parallel could not prepare its script blocks.");
    return st;
}

/* Run one of the blocks with $args = args: output collected into *out when out != NULL,
 * else written to the cmdlet's output. */
static hv_status
fe_par_run(hv_cmd *cmd, fe_state *s, int which, const hv_value *args, size_t nargs,
           hv_value *out)
{
    return hv_cmd_invoke(cmd, hv_array_at(&s->par_blocks, (size_t)which), NULL, args, nargs, out);
}

static hv_status
fe_par_begin(hv_cmd *cmd, fe_state *s)
{
    const hv_value *pb = hv_cmd_arg(cmd, FE_PARALLEL);
    if (!pb)
        return HV_OK;
    s->throttle = (int)hvc_u_arg_int(cmd, FE_THROTTLE, 5);
    HV_AUTO hv_value body = hv_conv_to_string(pb, NULL);
    char *text;
    if (hv_cmd_switch(cmd, FE_ASJOB)) {
        /* one job that runs the whole parallel loop over the collected input */
        text = hv_xasprintf("$input | ForEach-Object -Parallel {%s\n} -ThrottleLimit %d",
                            hv_str_cstr(&body), s->throttle);
        s->par_items = hv_array_new(8);
    } else {
        text = hv_xasprintf("$input | ForEach-Object -Process {%s\n}", hv_str_cstr(&body));
        s->par_pending = hv_array_new(8);
    }
    hv_status st = fe_par_blocks(cmd, text, &s->par_blocks);
    free(text);
    return st;
}

static hv_status
fe_par_harvest(hv_cmd *cmd, fe_state *s, bool block, bool wait_all)
{
    while (hv_array_len(&s->par_pending)) {
        hv_value args[2] = {hv_ref(&s->par_pending), hv_int(block || wait_all ? -1 : 0)};
        hv_value done = hv_null();
        hv_status st = fe_par_run(cmd, s, FEB_WAIT, args, 2, &done);
        hv_unref(args[0]);
        if (st == HV_OK && done.kind == HV_ARRAY && hv_array_len(&done))
            st = fe_par_run(cmd, s, FEB_RECEIVE, &done, 1, NULL);
        for (size_t i = 0; done.kind == HV_ARRAY && i < hv_array_len(&done); i++)
            for (size_t k = hv_array_len(&s->par_pending); k-- > 0;)
                if (hv_array_at(&s->par_pending, k)->u.h == hv_array_at(&done, i)->u.h)
                    hv_array_remove_at(&s->par_pending, k);
        bool got = done.kind == HV_ARRAY && hv_array_len(&done);
        hv_unref(done);
        if (st != HV_OK)
            return st;
        if (!wait_all && (got || !block))
            return HV_OK;
        block = false;
    }
    return HV_OK;
}

static hv_status
fe_par_process(hv_cmd *cmd, fe_state *s, const hv_value *in)
{
    if (s->par_blocks.kind != HV_ARRAY)
        return HV_OK;
    if (s->par_items.kind == HV_ARRAY) {
        hv_array_push(&s->par_items, hv_ref(in));
        return HV_OK;
    }
    hv_status st = HV_OK;
    if (hv_array_len(&s->par_pending) >= (size_t)s->throttle)
        st = fe_par_harvest(cmd, s, true, false);
    if (st != HV_OK)
        return st;
    hv_value args[3] = {hv_ref(hv_array_at(&s->par_blocks, FEB_WRAP)), hv_ref(in),
                        hv_int(s->throttle)};
    hv_value job = hv_null();
    st = fe_par_run(cmd, s, FEB_START, args, 3, &job);
    hv_unref(args[0]);
    hv_unref(args[1]);
    for (size_t i = 0; st == HV_OK && job.kind == HV_ARRAY && i < hv_array_len(&job); i++)
        hv_array_push(&s->par_pending, hv_ref(hv_array_at(&job, i)));
    hv_unref(job);
    if (st == HV_OK)
        st = fe_par_harvest(cmd, s, false, false);
    return st;
}

static hv_status
fe_par_end(hv_cmd *cmd, fe_state *s)
{
    if (s->par_blocks.kind != HV_ARRAY)
        return HV_OK;
    if (s->par_items.kind != HV_ARRAY)
        return fe_par_harvest(cmd, s, true, true);
    /* -AsJob: Start-ThreadJob with all the input (each element reaches $input) */
    hv_value args[3] = {hv_ref(hv_array_at(&s->par_blocks, FEB_WRAP)), hv_ref(&s->par_items),
                        hv_int(2147483647)};
    hv_value job = hv_null();
    hv_status st = fe_par_run(cmd, s, FEB_START_ALL, args, 3, &job);
    hv_unref(args[0]);
    hv_unref(args[1]);
    for (size_t i = 0; st == HV_OK && job.kind == HV_ARRAY && i < hv_array_len(&job); i++) {
        hv_value j = hv_ref(hv_array_at(&job, i));
        /* pwsh's -AsJob job is a PSTaskJob */
        hv_obj_set(&j, "PSJobTypeName", hv_str("PSTaskJob"));
        hv_obj_set(&j, "Location", hv_str("PowerShell"));
        st = hv_emit(cmd, j);
    }
    hv_unref(job);
    return st;
}

static hv_status
fe_begin(hv_cmd *cmd)
{
    fe_state *s = hv_cmd_state(cmd);
    if (hv_cmd_set_index(cmd) == FE_SET_PARALLEL)
        return fe_par_begin(cmd, s);
    if (hv_cmd_set_index(cmd) != FE_SET_SCRIPT)
        return HV_OK;
    const hv_value *p = hv_cmd_arg(cmd, FE_PROCESS);
    const hv_value *r = hv_cmd_arg(cmd, FE_REMAINING);
    size_t np = p ? (p->kind == HV_ARRAY ? hv_array_len(p) : 1) : 0;
    size_t nr = r ? (r->kind == HV_ARRAY ? hv_array_len(r) : 1) : 0;
    const hv_value **all = hv_xcalloc(np + nr + 1, sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < np; i++)
        all[n++] = p->kind == HV_ARRAY ? hv_array_at(p, i) : p;
    for (size_t i = 0; i < nr; i++)
        all[n++] = r->kind == HV_ARRAY ? hv_array_at(r, i) : r;
    s->begin = hv_cmd_arg(cmd, FE_BEGIN);
    s->end = hv_cmd_arg(cmd, FE_END);
    size_t first = 0, last = n;
    /* pwsh: with several blocks and no explicit -Begin/-End, the first is Begin and (from
     * three on) the last is End. */
    if (nr > 0 || np > 1) {
        if (!s->begin && n >= 2)
            s->begin = all[first++];
        if (!s->end && n - first >= 2)
            s->end = all[--last];
    }
    s->proc = all;
    memmove(all, all + first, (last - first) * sizeof *all);
    s->nproc = last - first;
    if (s->begin && s->begin->kind == HV_SCRIPTBLOCK) {
        hv_status st = hv_cmd_invoke(cmd, s->begin, NULL, NULL, 0, NULL);
        if (st != HV_OK)
            return st;
    }
    return HV_OK;
}

static bool
fe_is_common_method(const char *name)
{
    static const char *const m[] = {"ToString", "GetType", "Equals", "GetHashCode", NULL};
    for (size_t i = 0; m[i]; i++)
        if (hv_str_eq_ci(m[i], name))
            return true;
    return false;
}

/* Whether a typed object may have method `name`, so `$objs | % Hi` calls it as pwsh does:
 * [xml] nodes have the methods of their .NET type; an instance of a PowerShell class (a
 * class whose type name has no namespace, which script classes cannot have) is left to the
 * call, which reports a missing method itself. */
static bool
fe_has_method(const hv_value *in, const char *name)
{
    const hv_obj_class *c = in->kind == HV_OBJECT ? hv_obj_class_of(in) : NULL;
    if (!c || !c->type_name)
        return false;
    unsigned kind = hvc_xml_kind_of(c->type_name);
    if (kind) {
        for (size_t i = 0; hvc_xml_members[i].name; i++) {
            const hvc_xml_member *m = &hvc_xml_members[i];
            if ((m->kinds & (kind | HVC_XM_NODE)) && strcmp(m->member_type, "Method") == 0 &&
                hv_str_eq_ci(m->name, name))
                return true;
        }
        return false;
    }
    return strchr(c->type_name, '.') == NULL;
}

static hv_status
fe_member(hv_cmd *cmd, const hv_value *in)
{
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    const char *name = hvc_u_arg_str(cmd, FE_MEMBER);
    if (!name || in->kind == HV_NULL)
        return HV_OK;
    const hv_value *args = hv_cmd_arg(cmd, FE_ARGS);
    bool method = args != NULL;
    if (!method && in->kind == HV_TABLE && hv_table_gets(in, name)) {
        /* a dictionary key, as pwsh's ForEach-Object resolves it */
        return hv_emit_enum(cmd, hv_ref(hv_table_gets(in, name)));
    }
    if (!method) {
        if (in->kind == HV_OBJECT || in->kind == HV_TABLE) {
            if (hvc_u_has_prop(in, name))
                return hv_emit_enum(cmd, hv_get_member(ctx, in, name));
            if (!fe_is_common_method(name) && !fe_has_method(in, name))
                return hvc_u_error(cmd, HV_CAT_InvalidArgument, "PropertyOrMethodNotFound", in,
                                   "The input name \"%s\" cannot be resolved to a member.",
                                   name);
            method = true;
        } else {
            hv_value v = hv_get_member(ctx, in, name);
            if (v.kind != HV_NULL)
                return hv_emit_enum(cmd, v);
            method = true;
        }
    }
    hv_value out = hv_null();
    size_t nargs = args ? (args->kind == HV_ARRAY ? hv_array_len(args) : 1) : 0;
    const hv_value *av = args ? (args->kind == HV_ARRAY ? hv_array_items(args) : args) : NULL;
    hv_status st = hv_call_method(ctx, in, name, av, nargs, &out);
    if (st != HV_OK) {
        hv_unref(out);
        return st;
    }
    return hv_emit_enum(cmd, out);
}

static hv_status
fe_process(hv_cmd *cmd, const hv_value *input)
{
    const hv_value *in = hv_cmd_arg(cmd, FE_INPUT);
    if (!in)
        in = input;
    if (hv_cmd_set_index(cmd) == FE_SET_MEMBER)
        return fe_member(cmd, in);
    if (hv_cmd_set_index(cmd) == FE_SET_PARALLEL)
        return fe_par_process(cmd, hv_cmd_state(cmd), in);
    fe_state *s = hv_cmd_state(cmd);
    for (size_t i = 0; i < s->nproc; i++) {
        if (s->proc[i]->kind != HV_SCRIPTBLOCK)
            continue;
        hv_status st = hv_cmd_invoke(cmd, s->proc[i], in, NULL, 0, NULL);
        if (st != HV_OK)
            return st;
    }
    return HV_OK;
}

static hv_status
fe_end(hv_cmd *cmd)
{
    fe_state *s = hv_cmd_state(cmd);
    if (hv_cmd_set_index(cmd) == FE_SET_PARALLEL)
        return fe_par_end(cmd, s);
    if (s->end && s->end->kind == HV_SCRIPTBLOCK)
        return hv_cmd_invoke(cmd, s->end, NULL, NULL, 0, NULL);
    return HV_OK;
}

static void
fe_cleanup(hv_cmd *cmd)
{
    fe_state *s = hv_cmd_state(cmd);
    free(s->proc);
    s->proc = NULL;
    /* stopped early (Select-Object -First, an error): the jobs still running go */
    if (s->par_pending.kind == HV_ARRAY && hv_array_len(&s->par_pending) &&
        s->par_blocks.kind == HV_ARRAY) {
        hv_value arg = hv_ref(&s->par_pending);
        hv_status st = fe_par_run(cmd, s, FEB_REMOVE, &arg, 1, NULL);
        (void)st;
        hv_unref(arg);
    }
    hv_unrefp(&s->par_pending);
    hv_unrefp(&s->par_blocks);
    hv_unrefp(&s->par_items);
}

/* ======================================================================================
 * Where-Object
 * ====================================================================================== */
/* Sets in pwsh's order of the syntax listing; index 0 (EqualSet) is the default. */
enum {
    WS_EQ, WS_SCRIPT, WS_MATCH, WS_CEQ, WS_NE, WS_CNE, WS_GT, WS_CGT, WS_LT, WS_CLT, WS_GE,
    WS_CGE, WS_LE, WS_CLE, WS_LIKE, WS_CLIKE, WS_NOTLIKE, WS_CNOTLIKE, WS_CMATCH, WS_NOTMATCH,
    WS_CNOTMATCH, WS_CONTAINS, WS_CCONTAINS, WS_NOTCONTAINS, WS_CNOTCONTAINS, WS_IN, WS_CIN,
    WS_NOTIN, WS_CNOTIN, WS_IS, WS_ISNOT, WS_NOT, WS__N
};
static const char *const wh_sets[WS__N + 1] = {
    "EqualSet", "ScriptBlockSet", "MatchSet", "CaseSensitiveEqualSet", "NotEqualSet",
    "CaseSensitiveNotEqualSet", "GreaterThanSet", "CaseSensitiveGreaterThanSet", "LessThanSet",
    "CaseSensitiveLessThanSet", "GreaterOrEqualSet", "CaseSensitiveGreaterOrEqualSet",
    "LessOrEqualSet", "CaseSensitiveLessOrEqualSet", "LikeSet", "CaseSensitiveLikeSet",
    "NotLikeSet", "CaseSensitiveNotLikeSet", "CaseSensitiveMatchSet", "NotMatchSet",
    "CaseSensitiveNotMatchSet", "ContainsSet", "CaseSensitiveContainsSet", "NotContainsSet",
    "CaseSensitiveNotContainsSet", "InSet", "CaseSensitiveInSet", "NotInSet",
    "CaseSensitiveNotInSet", "IsSet", "IsNotSet", "Not", NULL};

/* Operator of each set (WS_SCRIPT and WS_NOT are handled apart). */
static const struct {
    hv_binop op;
    bool cs;
} wh_ops[WS__N] = {
    [WS_EQ] = {HV_OP_EQ, false},           [WS_MATCH] = {HV_OP_MATCH, false},
    [WS_CEQ] = {HV_OP_EQ, true},           [WS_NE] = {HV_OP_NE, false},
    [WS_CNE] = {HV_OP_NE, true},           [WS_GT] = {HV_OP_GT, false},
    [WS_CGT] = {HV_OP_GT, true},           [WS_LT] = {HV_OP_LT, false},
    [WS_CLT] = {HV_OP_LT, true},           [WS_GE] = {HV_OP_GE, false},
    [WS_CGE] = {HV_OP_GE, true},           [WS_LE] = {HV_OP_LE, false},
    [WS_CLE] = {HV_OP_LE, true},           [WS_LIKE] = {HV_OP_LIKE, false},
    [WS_CLIKE] = {HV_OP_LIKE, true},       [WS_NOTLIKE] = {HV_OP_NOTLIKE, false},
    [WS_CNOTLIKE] = {HV_OP_NOTLIKE, true}, [WS_CMATCH] = {HV_OP_MATCH, true},
    [WS_NOTMATCH] = {HV_OP_NOTMATCH, false}, [WS_CNOTMATCH] = {HV_OP_NOTMATCH, true},
    [WS_CONTAINS] = {HV_OP_CONTAINS, false}, [WS_CCONTAINS] = {HV_OP_CONTAINS, true},
    [WS_NOTCONTAINS] = {HV_OP_NOTCONTAINS, false},
    [WS_CNOTCONTAINS] = {HV_OP_NOTCONTAINS, true},
    [WS_IN] = {HV_OP_IN, false},           [WS_CIN] = {HV_OP_IN, true},
    [WS_NOTIN] = {HV_OP_NOTIN, false},     [WS_CNOTIN] = {HV_OP_NOTIN, true},
    [WS_IS] = {HV_OP_IS, false},           [WS_ISNOT] = {HV_OP_ISNOT, false},
};

enum {
    WH_INPUT, WH_FILTER, WH_PROPERTY, WH_VALUE,
    WH_EQ, WH_MATCH, WH_CEQ, WH_NE, WH_CNE, WH_GT, WH_CGT, WH_LT, WH_CLT, WH_GE, WH_CGE,
    WH_LE, WH_CLE, WH_LIKE, WH_CLIKE, WH_NOTLIKE, WH_CNOTLIKE, WH_CMATCH, WH_NOTMATCH,
    WH_CNOTMATCH, WH_CONTAINS, WH_CCONTAINS, WH_NOTCONTAINS, WH_CNOTCONTAINS, WH_IN, WH_CIN,
    WH_NOTIN, WH_CNOTIN, WH_IS, WH_ISNOT, WH_NOT, WH__N
};

#define WH_ALL_OPS (0xFFFFFFFFu & ~HV_SET(WS_SCRIPT))
#define WH_SW(NAME, SET, MAND, ALIAS, HELP)                                                \
    {.name = NAME, .type = HV_PT_SWITCH, .position = HV_POS_NAMED,                         \
     .flags = (MAND) ? HV_PF_MANDATORY : 0, .sets = HV_SET(SET), .aliases = ALIAS,         \
     .help = HELP}
#define WH_AL(A) ((const char *const[]){A, NULL})

static const hv_param_def wh_params[WH__N + 1] = {
    [WH_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies the objects to filter. You can also pipe the objects to "
                          "Where-Object. When you use this parameter, the whole value is "
                          "tested as a single object."},
    [WH_FILTER] = {.name = "FilterScript", .type = HV_PT_SCRIPTBLOCK, .position = 0,
                   .flags = HV_PF_MANDATORY, .sets = HV_SET(WS_SCRIPT),
                   .help = "Specifies the script block that is used to filter the objects. "
                           "Enclose the script block in braces; use $_ or $PSItem for the "
                           "current object."},
    [WH_PROPERTY] = {.name = "Property", .type = HV_PT_STRING, .position = 0,
                     .flags = HV_PF_MANDATORY, .sets = WH_ALL_OPS,
                     .help = "Specifies the name of a property of the input object. The "
                             "property must be an instance property. Wildcard characters "
                             "are not permitted."},
    [WH_VALUE] = {.name = "Value", .type = HV_PT_ANY, .position = 1,
                  .sets = WH_ALL_OPS & ~HV_SET(WS_NOT),
                  .help = "Specifies a property value. The parameter name, Value, is "
                          "optional. Wildcard characters are permitted with the Like and "
                          "NotLike operators."},
    [WH_EQ] = WH_SW("EQ", WS_EQ, false, WH_AL("IEQ"),
                    "Indicates that this cmdlet gets objects if the property value is the "
                    "same as the specified value."),
    [WH_MATCH] = WH_SW("Match", WS_MATCH, true, WH_AL("IMatch"),
                       "Indicates that this cmdlet gets objects if the property value matches "
                       "the specified regular expression."),
    [WH_CEQ] = WH_SW("CEQ", WS_CEQ, true, NULL,
                     "Indicates that this cmdlet gets objects if the property value is the "
                     "same as the specified value. This operation is case-sensitive."),
    [WH_NE] = WH_SW("NE", WS_NE, true, WH_AL("INE"),
                    "Indicates that this cmdlet gets objects if the property value is "
                    "different than the specified value."),
    [WH_CNE] = WH_SW("CNE", WS_CNE, true, NULL,
                     "Indicates that this cmdlet gets objects if the property value is "
                     "different than the specified value. This operation is case-sensitive."),
    [WH_GT] = WH_SW("GT", WS_GT, true, WH_AL("IGT"),
                    "Indicates that this cmdlet gets objects if the property value is "
                    "greater than the specified value."),
    [WH_CGT] = WH_SW("CGT", WS_CGT, true, NULL,
                     "Indicates that this cmdlet gets objects if the property value is "
                     "greater than the specified value. This operation is case-sensitive."),
    [WH_LT] = WH_SW("LT", WS_LT, true, WH_AL("ILT"),
                    "Indicates that this cmdlet gets objects if the property value is less "
                    "than the specified value."),
    [WH_CLT] = WH_SW("CLT", WS_CLT, true, NULL,
                     "Indicates that this cmdlet gets objects if the property value is less "
                     "than the specified value. This operation is case-sensitive."),
    [WH_GE] = WH_SW("GE", WS_GE, true, WH_AL("IGE"),
                    "Indicates that this cmdlet gets objects if the property value is "
                    "greater than or equal to the specified value."),
    [WH_CGE] = WH_SW("CGE", WS_CGE, true, NULL,
                     "Indicates that this cmdlet gets objects if the property value is "
                     "greater than or equal to the specified value. This operation is "
                     "case-sensitive."),
    [WH_LE] = WH_SW("LE", WS_LE, true, WH_AL("ILE"),
                    "Indicates that this cmdlet gets objects if the property value is less "
                    "than or equal to the specified value."),
    [WH_CLE] = WH_SW("CLE", WS_CLE, true, NULL,
                     "Indicates that this cmdlet gets objects if the property value is less "
                     "than or equal to the specified value. This operation is "
                     "case-sensitive."),
    [WH_LIKE] = WH_SW("Like", WS_LIKE, true, WH_AL("ILike"),
                      "Indicates that this cmdlet gets objects if the property value matches "
                      "a value that includes wildcard characters (*)."),
    [WH_CLIKE] = WH_SW("CLike", WS_CLIKE, true, NULL,
                       "Indicates that this cmdlet gets objects if the property value matches "
                       "a value that includes wildcard characters (*). This operation is "
                       "case-sensitive."),
    [WH_NOTLIKE] = WH_SW("NotLike", WS_NOTLIKE, true, WH_AL("INotLike"),
                         "Indicates that this cmdlet gets objects if the property value does "
                         "not match a value that includes wildcard characters."),
    [WH_CNOTLIKE] = WH_SW("CNotLike", WS_CNOTLIKE, true, NULL,
                          "Indicates that this cmdlet gets objects if the property value does "
                          "not match a value that includes wildcard characters. This "
                          "operation is case-sensitive."),
    [WH_CMATCH] = WH_SW("CMatch", WS_CMATCH, true, NULL,
                        "Indicates that this cmdlet gets objects if the property value "
                        "matches the specified regular expression. This operation is "
                        "case-sensitive."),
    [WH_NOTMATCH] = WH_SW("NotMatch", WS_NOTMATCH, true, WH_AL("INotMatch"),
                          "Indicates that this cmdlet gets objects when the property value "
                          "does not match the specified regular expression."),
    [WH_CNOTMATCH] = WH_SW("CNotMatch", WS_CNOTMATCH, true, NULL,
                           "Indicates that this cmdlet gets objects if the property value "
                           "does not match the specified regular expression. This operation "
                           "is case-sensitive."),
    [WH_CONTAINS] = WH_SW("Contains", WS_CONTAINS, true, WH_AL("IContains"),
                          "Indicates that this cmdlet gets objects from a collection if the "
                          "property value of the object is an exact match for the specified "
                          "value."),
    [WH_CCONTAINS] = WH_SW("CContains", WS_CCONTAINS, true, NULL,
                           "Indicates that this cmdlet gets objects from a collection if the "
                           "property value of the object is an exact match for the specified "
                           "value. This operation is case-sensitive."),
    [WH_NOTCONTAINS] = WH_SW("NotContains", WS_NOTCONTAINS, true, WH_AL("INotContains"),
                             "Indicates that this cmdlet gets objects if none of the items in "
                             "the property value is an exact match for the specified value."),
    [WH_CNOTCONTAINS] = WH_SW("CNotContains", WS_CNOTCONTAINS, true, NULL,
                              "Indicates that this cmdlet gets objects if the property value "
                              "of the object isn't an exact match for the specified value. "
                              "This operation is case-sensitive."),
    [WH_IN] = WH_SW("In", WS_IN, true, WH_AL("IIn"),
                    "Indicates whether a property value is in the specified collection."),
    [WH_CIN] = WH_SW("CIn", WS_CIN, true, NULL,
                     "Indicates whether a property value is in the specified collection. "
                     "This operation is case-sensitive."),
    [WH_NOTIN] = WH_SW("NotIn", WS_NOTIN, true, WH_AL("INotIn"),
                       "Indicates whether a property value is not an exact match for any "
                       "member of the specified collection."),
    [WH_CNOTIN] = WH_SW("CNotIn", WS_CNOTIN, true, NULL,
                        "Indicates whether a property value is not an exact match for any "
                        "member of the specified collection. This operation is "
                        "case-sensitive."),
    [WH_IS] = WH_SW("Is", WS_IS, true, NULL,
                    "Indicates that this cmdlet gets objects if the property value is an "
                    "instance of the specified .NET type."),
    [WH_ISNOT] = WH_SW("IsNot", WS_ISNOT, true, NULL,
                       "Indicates that this cmdlet gets objects if the property value is not "
                       "an instance of the specified .NET type."),
    [WH_NOT] = WH_SW("Not", WS_NOT, true, NULL,
                     "Indicates that this cmdlet gets objects if the property doesn't exist "
                     "or has a value of null or false."),
    [WH__N] = {.name = NULL},
};

/* The property as the language reads it: the dynamic binder pwsh's Where-Object uses adds
 * the intrinsic Count/Length (1 for any single non-null object). */
static hv_value
wh_member(hv_cmd *cmd, const hv_value *in, const char *prop)
{
    hv_value v = hv_get_member(hv_cmd_ctx(cmd), in, prop);
    if (v.kind == HV_NULL && in->kind != HV_NULL && in->kind != HV_ARRAY &&
        (hv_str_eq_ci(prop, "Count") || hv_str_eq_ci(prop, "Length")) &&
        !hvc_u_has_prop(in, prop))
        return hv_int(1);
    return v;
}

static hv_status
wh_process(hv_cmd *cmd, const hv_value *input)
{
    const hv_value *in = hv_cmd_arg(cmd, WH_INPUT);
    if (!in)
        in = input;
    int set = hv_cmd_set_index(cmd);
    bool keep = false;
    if (set == WS_SCRIPT) {
        const hv_value *fs = hv_cmd_arg(cmd, WH_FILTER);
        if (!fs)
            return HV_OK;
        hv_status st = hv_cmd_invoke_bool(cmd, fs, in, &keep);
        if (st != HV_OK)
            return st;
    } else {
        const char *prop = hvc_u_arg_str(cmd, WH_PROPERTY);
        if (!prop)
            return HV_OK;
        hv_value lhs = wh_member(cmd, in, prop);
        const hv_value *rhs = hv_cmd_arg(cmd, WH_VALUE);
        if (set == WS_NOT) {
            keep = !hv_conv_to_bool(&lhs);
        } else if (set == WS_EQ && !hv_cmd_bound(cmd, WH_EQ) && !rhs) {
            keep = hv_conv_to_bool(&lhs); /* Where-Object Name: property is truthy */
        } else if (set >= 0 && set < WS__N) {
            hv_value nul = hv_null(), out = hv_null();
            hv_conv_err err;
            bool ok = hv_op_binary(wh_ops[set].op, wh_ops[set].cs ? HV_OPF_CASE_SENSITIVE : 0,
                                   &lhs, rhs ? rhs : &nul, &out, NULL, &err);
            if (!ok) {
                hv_unref(lhs);
                return hvc_u_error(cmd, HV_CAT_InvalidOperation, "OperatorFailed", in, "%s",
                                   err.msg);
            }
            keep = hv_conv_to_bool(&out);
            hv_unref(out);
        }
        hv_unref(lhs);
    }
    if (!keep)
        return HV_OK;
    return hv_emit(cmd, hv_ref(in));
}

/* ======================================================================================
 * Definitions
 * ====================================================================================== */
const hv_cmdlet_def hvc_u_defs_foreach[] = {
    {
        .name = "ForEach-Object",
        .aliases = (const char *const[]){"%", "foreach", NULL},
        .sets = (const char *const[]){"ScriptBlockSet", "PropertyAndMethodSet",
                                      "ParallelParameterSet", NULL},
        .default_set = FE_SET_SCRIPT,
        .params = fe_params,
        .ops = {.begin = fe_begin, .process = fe_process, .end = fe_end,
                .cleanup = fe_cleanup},
        .state_size = sizeof(fe_state),
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Performs an operation against each item in a collection of input objects.",
        .description =
            "The ForEach-Object cmdlet performs an operation on each item in a collection of "
            "input objects. The input objects can be piped to the cmdlet or specified using "
            "the InputObject parameter.\n\n"
            "Script block. Use a script block to specify the operation; within it, $_ (or "
            "$PSItem) is the current object. The script block runs in the caller's scope, so "
            "variables it sets remain visible afterwards. -Begin and -End blocks run once "
            "before and after the input.\n\n"
            "Operation statement. Give the name of a property to output its value, or of a "
            "method to call it (with -ArgumentList), for example ForEach-Object Name or "
            "ForEach-Object ToUpper.",
        .output_type = "System.Object",
        .examples = (const hv_example[]){
            {.title = "Divide integers in an array",
             .code = "30000, 56798, 12432 | ForEach-Object -Process {$_/1024}",
             .remarks = "Divides each integer by 1024 and outputs the results."},
            {.title = "Use Begin, Process and End blocks",
             .code = "1..3 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { $sum }",
             .remarks = "Adds the numbers and outputs 6 after the last object."},
            {.title = "Get the value of a property",
             .code = "Get-VM | ForEach-Object Name",
             .remarks = "Outputs the name of every virtual machine."},
            {.title = "Call a method on each object",
             .code = "\"a\", \"b\" | ForEach-Object ToUpper",
             .remarks = "Calls String.ToUpper() on each string: A, B."},
            {.title = "Use a Parallel block",
             .code = "$factor = 10\n1..3 | ForEach-Object -Parallel { $_ * $using:factor }",
             .remarks = "Runs the block for each object in its own process, up to five at "
                        "a time; $using:factor copies the caller's variable in."},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.core/foreach-object?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {
        .name = "Where-Object",
        .aliases = (const char *const[]){"?", "where", NULL},
        .sets = wh_sets,
        .default_set = WS_EQ,
        .params = wh_params,
        .ops = {.process = wh_process},
        .synopsis = "Selects objects from a collection based on their property values.",
        .description =
            "The Where-Object cmdlet selects objects that have particular property values "
            "from the collection of objects that are passed to it.\n\n"
            "Script block. Use a script block to specify the condition: Where-Object "
            "{ $_.State -eq 'Off' }. The object passes when the block's result is true.\n\n"
            "Comparison statement. Give a property name, a comparison operator switch and a "
            "value: Where-Object State -eq Off. Every comparison operator of the language is "
            "available (-EQ, -NE, -GT, -GE, -LT, -LE, -Like, -NotLike, -Match, -NotMatch, "
            "-Contains, -NotContains, -In, -NotIn, -Is, -IsNot), with case-sensitive variants "
            "(-CEQ, -CLike, ...). With only a property name, objects whose property is true "
            "(non-empty, non-zero) pass; -Not selects those where it is false or missing.",
        .output_type = "System.Object",
        .examples = (const hv_example[]){
            {.title = "Get the virtual machines that are turned off",
             .code = "Get-VM | Where-Object State -eq Off",
             .remarks = "Uses the comparison statement format."},
            {.title = "Use a script block",
             .code = "Get-VM | Where-Object { $_.State -eq 'Running' -and $_.CPUUsage -gt 10 }",
             .remarks = "Combines two conditions in one script block."},
            {.title = "Filter on a wildcard pattern",
             .code = "Get-NetAdapter | Where-Object Name -like 'vEthernet*'"},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.core/where-object?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {.name = NULL},
};
