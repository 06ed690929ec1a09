/* internal.h — the interpreter's private state and the calls between the evaluator (E:
 * eval*.c, scope.c, class.c, runtime.c) and the binder/pipeline (B: binder.c, pipe.c,
 * errors.c, streams.c, commands.c, intrinsics.c, selftest.c). Never included by cmdlets/.
 *
 * Owner: E. Changes are additive only. B adds its own declarations in binder.h / pipe.h;
 * the functions marked [B] below are implemented by B, [E] by E.
 *
 * Parser clash: parser/ast.h and pipeline/ops.h both define HV_OP_ADD, HV_OP_EQ, ... in
 * different enums. This header includes ast.h with its HV_OP_* names renamed to HVA_OP_*
 * (AST operators) so that HV_OP_* keep meaning ops.h's hv_binop everywhere in pipeline/.
 * Files that include internal.h must not include parser/ast.h or parser/parser.h directly
 * (include them through this header).
 */
#ifndef HV_INTERNAL_H
#define HV_INTERNAL_H

#include <signal.h>
#include <stdio.h>

/* Who implements what outside this header:
 *   cmdlet.h  [E] hv_get_member, hv_call_method, hv_var_get, hv_var_set, hv_host_width
 *             [C1] hv_format_default
 *             [B] everything else, incl. hv_cmd_invoke / hv_cmd_invoke_bool (on top of
 *                 hv_eval_invoke_block with dot_source = true: ForEach-Object and
 *                 Where-Object run their blocks in the caller's scope, as pwsh does)
 *   runtime.h [B] hv_runtime_self_test; [REPL] hv_runtime_complete (complete.c);
 *             [E] the rest (runtime.c).
 * Who prints errors: B's hv_err_display renders every ErrorRecord. B calls it for
 * non-terminating errors written to the host; E calls it for terminating errors that
 * reach a statement boundary outside try/trap (statement-terminating: then the next
 * statement runs) or the top of the script (script-terminating: the script ends, exit 1).
 */

/* ---- parser headers with the AST operator names renamed (see above) ---- */
#define HV_OP_ADD HVA_OP_ADD
#define HV_OP_ADD_ASSIGN HVA_OP_ADD_ASSIGN
#define HV_OP_AND HVA_OP_AND
#define HV_OP_ANDAND HVA_OP_ANDAND
#define HV_OP_AS HVA_OP_AS
#define HV_OP_ASSIGN HVA_OP_ASSIGN
#define HV_OP_BAND HVA_OP_BAND
#define HV_OP_BNOT HVA_OP_BNOT
#define HV_OP_BOR HVA_OP_BOR
#define HV_OP_BXOR HVA_OP_BXOR
#define HV_OP_COALESCE HVA_OP_COALESCE
#define HV_OP_COALESCE_ASSIGN HVA_OP_COALESCE_ASSIGN
#define HV_OP_CONTAINS HVA_OP_CONTAINS
#define HV_OP_DIV HVA_OP_DIV
#define HV_OP_DIV_ASSIGN HVA_OP_DIV_ASSIGN
#define HV_OP_EQ HVA_OP_EQ
#define HV_OP_FORMAT HVA_OP_FORMAT
#define HV_OP_GE HVA_OP_GE
#define HV_OP_GT HVA_OP_GT
#define HV_OP_IN HVA_OP_IN
#define HV_OP_IS HVA_OP_IS
#define HV_OP_ISNOT HVA_OP_ISNOT
#define HV_OP_JOIN HVA_OP_JOIN
#define HV_OP_LE HVA_OP_LE
#define HV_OP_LIKE HVA_OP_LIKE
#define HV_OP_LT HVA_OP_LT
#define HV_OP_MATCH HVA_OP_MATCH
#define HV_OP_MOD HVA_OP_MOD
#define HV_OP_MOD_ASSIGN HVA_OP_MOD_ASSIGN
#define HV_OP_MUL HVA_OP_MUL
#define HV_OP_MUL_ASSIGN HVA_OP_MUL_ASSIGN
#define HV_OP_NE HVA_OP_NE
#define HV_OP_NEGATE HVA_OP_NEGATE
#define HV_OP_NONE HVA_OP_NONE
#define HV_OP_NOT HVA_OP_NOT
#define HV_OP_NOTCONTAINS HVA_OP_NOTCONTAINS
#define HV_OP_NOTIN HVA_OP_NOTIN
#define HV_OP_NOTLIKE HVA_OP_NOTLIKE
#define HV_OP_NOTMATCH HVA_OP_NOTMATCH
#define HV_OP_OR HVA_OP_OR
#define HV_OP_OROR HVA_OP_OROR
#define HV_OP_PLUS HVA_OP_PLUS
#define HV_OP_POSTDEC HVA_OP_POSTDEC
#define HV_OP_POSTINC HVA_OP_POSTINC
#define HV_OP_PREDEC HVA_OP_PREDEC
#define HV_OP_PREINC HVA_OP_PREINC
#define HV_OP_RANGE HVA_OP_RANGE
#define HV_OP_REPLACE HVA_OP_REPLACE
#define HV_OP_SHL HVA_OP_SHL
#define HV_OP_SHR HVA_OP_SHR
#define HV_OP_SPLIT HVA_OP_SPLIT
#define HV_OP_SUB HVA_OP_SUB
#define HV_OP_SUB_ASSIGN HVA_OP_SUB_ASSIGN
#define HV_OP_UCOMMA HVA_OP_UCOMMA
#define HV_OP_UJOIN HVA_OP_UJOIN
#define HV_OP_USPLIT HVA_OP_USPLIT
#define HV_OP_XOR HVA_OP_XOR
#define HV_OP__COUNT HVA_OP__COUNT
#include "parser/parser.h"
#undef HV_OP_ADD
#undef HV_OP_ADD_ASSIGN
#undef HV_OP_AND
#undef HV_OP_ANDAND
#undef HV_OP_AS
#undef HV_OP_ASSIGN
#undef HV_OP_BAND
#undef HV_OP_BNOT
#undef HV_OP_BOR
#undef HV_OP_BXOR
#undef HV_OP_COALESCE
#undef HV_OP_COALESCE_ASSIGN
#undef HV_OP_CONTAINS
#undef HV_OP_DIV
#undef HV_OP_DIV_ASSIGN
#undef HV_OP_EQ
#undef HV_OP_FORMAT
#undef HV_OP_GE
#undef HV_OP_GT
#undef HV_OP_IN
#undef HV_OP_IS
#undef HV_OP_ISNOT
#undef HV_OP_JOIN
#undef HV_OP_LE
#undef HV_OP_LIKE
#undef HV_OP_LT
#undef HV_OP_MATCH
#undef HV_OP_MOD
#undef HV_OP_MOD_ASSIGN
#undef HV_OP_MUL
#undef HV_OP_MUL_ASSIGN
#undef HV_OP_NE
#undef HV_OP_NEGATE
#undef HV_OP_NONE
#undef HV_OP_NOT
#undef HV_OP_NOTCONTAINS
#undef HV_OP_NOTIN
#undef HV_OP_NOTLIKE
#undef HV_OP_NOTMATCH
#undef HV_OP_OR
#undef HV_OP_OROR
#undef HV_OP_PLUS
#undef HV_OP_POSTDEC
#undef HV_OP_POSTINC
#undef HV_OP_PREDEC
#undef HV_OP_PREINC
#undef HV_OP_RANGE
#undef HV_OP_REPLACE
#undef HV_OP_SHL
#undef HV_OP_SHR
#undef HV_OP_SPLIT
#undef HV_OP_SUB
#undef HV_OP_SUB_ASSIGN
#undef HV_OP_UCOMMA
#undef HV_OP_UJOIN
#undef HV_OP_USPLIT
#undef HV_OP_XOR
#undef HV_OP__COUNT

#include "cmdlet.h"
#include "convert.h"
#include "ops.h"
#include "value.h"

/* ======================================================================================
 * Source positions (for ErrorRecord.InvocationInfo and the concise error view)
 * ====================================================================================== */
typedef struct {
    const char *script;     /* script path, or NULL/"" for -Command / interactive input */
    uint32_t line, col;     /* 1-based; 0 = unknown */
    uint32_t end_line, end_col;
    const char *line_text;  /* the whole source line (not NUL-terminated), or NULL */
    size_t line_len;
    const char *command;    /* name of the command being run (for "Get-VM: ..."), or NULL */
} hv_pos;

/* [E] Fill *pos from an AST node's extent (line text from its unit). */
void hv_eval_pos_of(const hv_ast *node, hv_pos *pos);

/* ======================================================================================
 * Output sinks and input producers
 * ====================================================================================== */
/* Where a statement's output goes. put() MOVES v; returns HV_OK, HV_STOPPED (the consumer
 * is satisfied: Select-Object -First) or HV_ERR (consumer threw; error pending in ctx).
 * Values arrive one at a time, already enumerated (arrays written to the pipeline are
 * unrolled by the writer, as WriteObject(x, true) does). */
typedef struct hv_sink hv_sink;
struct hv_sink {
    hv_status (*put)(hv_ctx *ctx, hv_sink *self, hv_value v);
    void *ud;
};
/* Kinds of sinks E provides:
 *   - the console sink (Out-Default): hv_eval_console_sink(ctx)
 *   - a collecting sink for $( ), @( ), assignments: hv_collect_* below
 *   - B's pipe provides "feed the next stage" sinks internally. */
typedef struct {
    hv_sink sink;
    hv_value items; /* HV_ARRAY, created on first put */
} hv_collector;
void hv_collect_init(hv_collector *c);                    /* [E] */
/* [E] The result as a pipeline result: $null for none, the item for one, else the array. */
hv_value hv_collect_result(hv_collector *c);
/* [E] Always an array (for @( )). */
hv_value hv_collect_array(hv_collector *c);
void hv_collect_free(hv_collector *c);                    /* [E] */

/* [E] The console sink: formats with Out-Default and writes to the host (stdout). Output
 * from a script goes through one console sink, like pwsh's single Out-Default. */
hv_sink *hv_eval_console_sink(hv_ctx *ctx);
/* [E] Flush what the console sink buffered (end of a top-level statement/script). */
void hv_eval_console_flush(hv_ctx *ctx);

/* Input of a pipeline whose first element is an expression (`1..10 | ...`, `$x | ...`):
 * run() writes the values into `into` one by one (lazily: ranges are not materialized),
 * stopping at the first non-OK status, which it returns. */
typedef struct {
    hv_status (*run)(hv_ctx *ctx, void *ud, hv_sink *into);
    void *ud;
} hv_producer;

/* Write a value to a sink the way pwsh writes to the pipeline: arrays are enumerated one
 * level (their elements are put one by one), everything else is put as is. MOVES v. [E] */
HV_MUST_CHECK hv_status hv_sink_write(hv_ctx *ctx, hv_sink *s, hv_value v);

/* ======================================================================================
 * Running pipelines: E evaluates arguments, B binds and streams  ([B] implements)
 * ====================================================================================== */
/* One evaluated command argument. `-Name value` arrives as two hv_args: a parameter without
 * value (param = "Name", has_value = false) followed by a positional value; the binder
 * decides whether the parameter takes the next argument (non-switch) or not (switch).
 * `-Name:value` arrives as one hv_arg with has_value = true. A quoted '-Name' is a value. */
typedef struct {
    const char *param;      /* parameter name without dash (borrowed), or NULL = value */
    const char *text;       /* the parameter as written ("-Name:"), for native commands and
                               for $args of simple functions; NULL for values */
    hv_value value;         /* owned by the stage (E frees after hv_pipe_run) */
    bool has_value;
    bool splatted;          /* came from @splat (array splat gives positional values; hash
                               splat gives param+value pairs with has_value = true) */
    bool bare_word;         /* an unquoted bare word (native commands: glob candidates) */
} hv_arg;

/* One stream redirection: 2>&1, *>$null, > file, >> file, 3> file ... */
typedef struct {
    uint8_t from;           /* HV_STREAM_* of parser/ast.h (0 = all) */
    uint8_t to;             /* merge target (1 = output) when merge */
    bool merge;
    bool append;
    hv_value target;        /* file path (HV_STRING) or HV_NULL for $null (discard) */
} hv_redir;

typedef struct {
    hv_cmdinfo info;        /* resolved command (hv_command_lookup) — for a script block
                               invoked with & or ., info.def = hv_eval_block_def() and
                               info.kind = HV_CMDK_SCRIPT, info.name = "" */
    const char *invocation_name; /* as typed (an alias name, "&"), for $MyInvocation */
    hv_arg *args;
    size_t nargs;
    hv_redir *redirs;
    size_t nredirs;
    bool dot_source;        /* `. cmd`: functions/script blocks run in the caller's scope */
    hv_pos pos;             /* extent of the command element */
    const hv_ast *node;     /* the COMMAND node, or NULL (cmdlets calling back) */
} hv_stage;

/* [B] Bind every stage, run begin (left to right), feed `input` (if non-NULL) into stage 0,
 * then end (left to right), always cleanup. The last stage's output goes to `out`.
 * A first stage with no `input` gets exactly one process call (input HV_NULL), as pwsh
 * calls ProcessRecord once for the first command (`Write-Output hi`, `function f {
 * process { } }; f`).
 * `input_redirs` apply to a leading expression (n may be 0: then input goes straight to
 * out, through the redirections). Sets ctx->last_success ($?) from the outcome
 * (false when any stage wrote an error or a native command exited non-zero).
 * Statement-terminating errors (binding failures, cmdlet ThrowTerminatingError) return
 * HV_ERR with ctx->err pending. When `out` returns HV_STOPPED the pipeline stops and
 * hv_pipe_run returns HV_STOPPED (so an enclosing producer stops too); a pipeline stopped
 * by one of its own stages (Select-Object -First) returns HV_OK. */
HV_MUST_CHECK hv_status hv_pipe_run(hv_ctx *ctx, hv_stage *stages, size_t n,
                                    const hv_producer *input, const hv_redir *input_redirs,
                                    size_t n_input_redirs, hv_sink *out);

/* [B] Set up / tear down the command table from the built-in modules (called by
 * hv_runtime_new / hv_runtime_free). Must be cheap: const tables, no scanning. */
void hv_cmds_init(hv_ctx *ctx, const hv_module_def *const *modules);
void hv_cmds_free(hv_ctx *ctx);

/* [B] Inside a running stage (used by E's function ops and $MyInvocation / $PSCmdlet): */
bool hv_cmd_dot_sourced(hv_cmd *cmd);
const hv_stage *hv_cmd_stage(hv_cmd *cmd);      /* the stage being run (args, pos, name) */
/* Positional values not bound to any parameter, and `-Foo` tokens not matching a
 * parameter, as $args gets them (only for simple functions: def->flags has HV_CF_FUNCTION
 * and not HV_CF_ADVANCED; advanced functions and cmdlets reject extras). New HV_ARRAY. */
hv_value hv_cmd_unbound_args(hv_cmd *cmd);
/* $PSBoundParameters: ordered table name -> value of what was bound (new ref; the same
 * table for the whole invocation, updated per pipeline object). */
hv_value hv_cmd_bound_params(hv_cmd *cmd);
/* Has the current pipeline object been bound to parameter i by value/property name? */
bool hv_cmd_bound_from_pipeline(hv_cmd *cmd, int index);
/* The running cmdlet invocation (innermost stage whose handler is executing), or NULL. */
hv_cmd *hv_cmd_current(hv_ctx *ctx);

/* ======================================================================================
 * Errors  ([B] implements, errors.c)
 * ====================================================================================== */
/* A runtime (language) ErrorRecord: exception type (e.g. "System.Management.Automation.
 * RuntimeException", "System.DivideByZeroException"), category, FullyQualifiedErrorId
 * ("InvokeMethodOnNull"), target, position, message. */
hv_value hv_err_new(hv_ctx *ctx, const char *exception_type, hv_err_category cat,
                    const char *error_id, const hv_value *target, const hv_pos *pos,
                    const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* `throw <value>`: a string gives a RuntimeException with that message (error id = the
 * message), an ErrorRecord is rethrown as is, an exception object (from
 * [SomeException]::new()) is wrapped, any other object gives a RuntimeException whose
 * message is its string and TargetObject the object. MOVES v. */
hv_value hv_err_from_thrown(hv_ctx *ctx, hv_value v, const hv_pos *pos);
bool hv_err_is_record(const hv_value *v);
const char *hv_err_message(const hv_value *rec);            /* borrowed */
const char *hv_err_exception_type(const hv_value *rec);     /* "System.Management..." */
/* Print the pwsh 7 concise view of `rec` to the host's error output (stderr), e.g.
 * "Get-VM: Hyper-V was unable to find ..." or the "InvalidOperation: file:3 / Line |"
 * block. Used by E for uncaught errors and by B for non-terminating errors. */
void hv_err_display(hv_ctx *ctx, const hv_value *rec);
/* Non-terminating error raised outside a cmdlet (the language itself, e.g. a native
 * command failure under $PSNativeCommandUseErrorActionPreference, or member assignment
 * on $null reported as non-terminating): same policy as hv_write_error. MOVES rec. */
HV_MUST_CHECK hv_status hv_err_write(hv_ctx *ctx, hv_value rec);
/* Prepend to $Error (bounded by $MaximumErrorCount). Borrowed. */
void hv_err_record(hv_ctx *ctx, const hv_value *rec);

/* [E] Raise a terminating error (store in ctx->err and return HV_ERR). MOVES rec.
 * script_terminating: true for `throw` and -ErrorAction Stop; false for ordinary
 * statement-terminating runtime errors (the script continues at the next statement when
 * no try/trap is active). */
HV_MUST_CHECK hv_status hv_eval_raise(hv_ctx *ctx, hv_value rec, bool script_terminating);
/* [E] Shortcut: build with hv_err_new at node's position and raise as statement-
 * terminating. */
HV_MUST_CHECK hv_status hv_eval_fail(hv_ctx *ctx, const hv_ast *node, const char *exception_type,
                                     hv_err_category cat, const char *error_id,
                                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* [E] Position of the expression being evaluated (a .NET method call or cast in V's
 * code raising an error without a position). B: hv_err_new with pos == NULL should use
 * this so "Exception calling ..." errors show the script line. False when unknown. */
bool hv_eval_current_pos(hv_ctx *ctx, hv_pos *pos);
/* [E] Give the pending error's Exception an InnerException of this .NET type (pwsh wraps
 * .NET exceptions from operators in a RuntimeException; catch matches either). */
void hv_eval_set_inner_exception(hv_ctx *ctx, const char *type, const char *message);
/* [E] Give a pending position-less error the position of node (E-private helper). */
void hv_eval_fill_position(hv_ctx *ctx, const hv_ast *node);
/* [E] Take the pending error (caller owns it; ctx->err becomes $null). */
hv_value hv_eval_take_error(hv_ctx *ctx);

/* ======================================================================================
 * Scopes and variables  ([E] implements, scope.c)
 * ====================================================================================== */
enum {
    HV_VAR_READONLY = 1u << 0,
    HV_VAR_CONSTANT = 1u << 1,
    HV_VAR_PRIVATE = 1u << 2,
    HV_VAR_ALLSCOPE = 1u << 3,
};

typedef struct hv_var hv_var;
struct hv_var {
    hv_value name;              /* HV_STRING */
    hv_value value;
    unsigned options;           /* HV_VAR_* */
    const hv_type_info *type;   /* [int]$x = ... constraint, or NULL */
    hv_value description;       /* HV_STRING or HV_NULL */
    hv_var *next_in_bucket;     /* scope.c internal */
    bool removed;               /* scope.c internal: Remove-Variable (freed with the scope) */
};

typedef struct hv_scope hv_scope;   /* scope.c private */
typedef struct hv_function hv_function;

enum { /* hv_scope_push flags */
    HV_SCOPE_SCRIPT = 1u << 0,  /* a script scope ($script:) — a .ps1 file or module */
    HV_SCOPE_GLOBAL = 1u << 1,
};

hv_scope *hv_scope_push(hv_ctx *ctx, unsigned flags);   /* new child of the current */
void hv_scope_pop(hv_ctx *ctx);                         /* back to the parent; frees */
hv_scope *hv_scope_current(hv_ctx *ctx);
/* Scope by level as Get-Variable -Scope N: 0 = current, 1 = parent, ...; "global",
 * "script", "local" and "private" by name. NULL if out of range. */
hv_scope *hv_scope_at(hv_ctx *ctx, const char *scope_arg);

/* Lookup by dynamic scoping from the current scope (private variables of outer scopes
 * are skipped). NULL if undefined. The pointer stays valid until the variable's scope is
 * popped (even after removal: check ->removed). */
hv_var *hv_scope_lookup(hv_ctx *ctx, const char *name);
/* In one scope only. */
hv_var *hv_scope_find_in(hv_scope *scope, const char *name);
/* Define or assign in `scope` (NULL = current). Converts to the variable's type
 * constraint. Fails (HV_ERR pending, statement-terminating) for read-only/constant
 * variables or a failed conversion. MOVES v. */
HV_MUST_CHECK hv_status hv_scope_assign(hv_ctx *ctx, hv_scope *scope, const char *name,
                                        hv_value v);
/* New-Variable/Set-Variable with options (-Option ReadOnly/Constant/Private/AllScope,
 * -Force replaces a read-only one). MOVES v. */
HV_MUST_CHECK hv_status hv_scope_define(hv_ctx *ctx, hv_scope *scope, const char *name,
                                        hv_value v, unsigned options, bool force);
/* Remove-Variable. False if not found in that scope chain (scope NULL = lookup). */
bool hv_scope_remove(hv_ctx *ctx, hv_scope *scope, const char *name, bool force);
/* Variables visible from `scope` (innermost wins), or only those defined in it.
 * Returns a malloc'd array of borrowed hv_var*; *n gets the count. Sorted by name. */
hv_var **hv_scope_list(hv_ctx *ctx, hv_scope *scope, bool only_this_scope, size_t *n);

/* Functions and aliases (per scope; lookup walks the scope chain). */
hv_function *hv_scope_func_lookup(hv_ctx *ctx, const char *name);
void hv_scope_func_set(hv_ctx *ctx, hv_scope *scope, const char *name, hv_function *fn);
bool hv_scope_func_remove(hv_ctx *ctx, const char *name);
hv_function **hv_scope_func_list(hv_ctx *ctx, size_t *n);        /* malloc'd, borrowed */
/* User aliases (Set-Alias/New-Alias): target command name. NULL if none. */
const char *hv_scope_alias_lookup(hv_ctx *ctx, const char *name);
void hv_scope_alias_set(hv_ctx *ctx, hv_scope *scope, const char *name, const char *target,
                        const char *description);
bool hv_scope_alias_remove(hv_ctx *ctx, const char *name);
/* All user aliases visible: parallel malloc'd arrays of borrowed names and targets. */
size_t hv_scope_alias_list(hv_ctx *ctx, const char ***names, const char ***targets);

/* ======================================================================================
 * Functions and script blocks  ([E] implements)
 * ====================================================================================== */
/* Flags E puts into the synthesized hv_cmdlet_def.flags (high bits; cmdlet.h owns 0..7). */
enum {
    HV_CF_FUNCTION = 1u << 8,  /* defined in the language (function, filter, script block,
                                  .ps1 file) */
    HV_CF_ADVANCED = 1u << 9,  /* [CmdletBinding()] or any [Parameter()]: common parameters,
                                  no $args extras */
    HV_CF_FILTER = 1u << 10,
    HV_CF_SCRIPT = 1u << 11,   /* a .ps1 file (info.kind HV_CMDK_SCRIPT) */
};

/* A function / filter / script block / script file as a command. The hv_cmdlet_def is the
 * FIRST member so hv_cmd_def(cmd) can be cast back: (hv_function *)hv_cmd_def(cmd).
 * The binder binds it like any cmdlet (params synthesized from param()); the ops call
 * back into the evaluator. Refcounted: the scope table and running invocations hold refs. */
struct hv_function {
    hv_cmdlet_def def;
    uint32_t refcount;
    hv_ast *body;               /* SCRIPTBLOCK */
    hv_ast_unit *unit;          /* reference held */
    hv_ast_list params;         /* PARAMETER nodes (param() block or (...) form) */
    char *name;                 /* as defined; "" for an anonymous script block */
    char *module;               /* module name or "" */
    hv_value closure;           /* HV_TABLE of captured variables (GetNewClosure), or NULL */
    hv_value help;              /* parsed comment-based help (HV_TABLE) or HV_NULL */
    void *eval_private;         /* E's extra data (param type info etc.) */
    char *def_text;             /* body text without braces, made on first listing, or NULL */
};
void hv_function_ref(hv_function *fn);
void hv_function_unref(hv_function *fn);

/* The function/def for a script block value (& $sb / . $sb). Cached in the block. The
 * returned pointer is valid while the block lives. */
hv_function *hv_eval_block_function(hv_ctx *ctx, const hv_value *block);
/* Load (and cache) a .ps1 file as a command, for `./x.ps1 -Arg v` and `& ./x.ps1`.
 * NULL + error pending (HV_ERR) when it cannot be read or has syntax errors. */
HV_MUST_CHECK hv_status hv_eval_script_function(hv_ctx *ctx, const char *path,
                                                hv_function **out);

/* Invoke a script block directly (not through the binder): $_ = dollar_under (borrowed,
 * may be NULL), $args = args. dot_source: run in the current scope (ForEach-Object,
 * Where-Object, `. { }`); else a new child scope. Output goes to `out` (NULL = discard).
 * HV_RETURN is consumed. Used by hv_cmd_invoke (B), .ForEach()/.Where(), -replace {...},
 * switch script-block conditions, ValidateScript. */
HV_MUST_CHECK hv_status hv_eval_invoke_block(hv_ctx *ctx, const hv_value *block,
                                             const hv_value *dollar_under,
                                             const hv_value *args, size_t nargs,
                                             bool dot_source, hv_sink *out);
/* Scriptblock payload accessors. */
bool hv_eval_is_block(const hv_value *v);
const hv_ast *hv_eval_block_ast(const hv_value *block);  /* the SCRIPTBLOCK node */
/* Wrap a SCRIPTBLOCK node as a value (takes a unit reference). */
hv_value hv_eval_block_new(hv_ctx *ctx, hv_ast *sb);
/* Parse text into a script block value ([scriptblock]::Create, Invoke-Expression).
 * HV_ERR with a ParseException ErrorRecord pending on syntax errors. */
HV_MUST_CHECK hv_status hv_eval_block_parse(hv_ctx *ctx, const char *src, size_t len,
                                            hv_value *out);
/* $ExecutionContext.InvokeCommand (CommandInvocationIntrinsics): ExpandString(). */
extern const hv_obj_class hv_invoke_command_class;
/* $ExecutionContext.SessionState.Path / .PSVariable (members resolved in eval_member.c) */
extern const hv_obj_class hv_session_path_class;
extern const hv_obj_class hv_session_psvariable_class;
/* $PWD: a PathInfo for the current directory (eval_expr.c). */
hv_value hv_eval_pwd_value(void);
/* Run source text in the current scope (Invoke-Expression): output to `out`. */
HV_MUST_CHECK hv_status hv_eval_string(hv_ctx *ctx, const char *src, size_t len,
                                       const char *name, hv_sink *out);

/* ======================================================================================
 * Preferences  ([E] implements: read through the scope chain, cached per lookup)
 * ====================================================================================== */
typedef enum {
    HV_ACT_SILENTLY_CONTINUE = 0, HV_ACT_STOP = 1, HV_ACT_CONTINUE = 2, HV_ACT_INQUIRE = 3,
    HV_ACT_IGNORE = 4, HV_ACT_SUSPEND = 5, HV_ACT_BREAK = 6
} hv_action; /* System.Management.Automation.ActionPreference values */
typedef enum {
    HV_PREF_ERROR, HV_PREF_WARNING, HV_PREF_VERBOSE, HV_PREF_DEBUG, HV_PREF_INFORMATION,
    HV_PREF_PROGRESS, HV_PREF__COUNT
} hv_pref;
hv_action hv_pref_get(hv_ctx *ctx, hv_pref which);
/* Parse "Stop", "SilentlyContinue", 1 ... ; false if not valid. */
bool hv_action_parse(const hv_value *v, hv_action *out);
const char *hv_action_name(hv_action a);

/* ======================================================================================
 * The context
 * ====================================================================================== */
struct hv_cmdtab;   /* B: commands.c */
struct hv_modstate; /* B: loaded modules */
struct hv_eval_cache; /* E: per-node caches */

/* Ctrl-C flag (the only global besides readline's hook). Set by hv_runtime_interrupt. */
extern volatile sig_atomic_t hv_runtime_interrupted;

struct hv_ctx {
    /* --- set up by hv_runtime_new --- */
    const hv_module_def *const *modules; /* built-in modules, NULL-terminated */
    bool interactive;           /* REPL */
    bool non_interactive;       /* -NonInteractive: Read-Host / -Confirm fail instead */
    char *script_path;          /* top script ($PSCommandPath) or NULL */

    /* --- scopes (E) --- */
    hv_scope *global;
    hv_scope *script;           /* innermost script scope */
    hv_scope *cur;
    uint64_t scope_epoch;       /* bumped on any scope push/pop and variable creation /
                                   removal: per-node variable caches compare it. Code that
                                   sets ctx->cur directly (to run something in the global
                                   scope) must bump it before and after. */
    uint64_t cmd_epoch;         /* bumped when a function or alias is (re)defined or
                                   removed or a module imported: command lookup caches */

    /* --- commands and modules (B) --- */
    struct hv_cmdtab *cmds;
    struct hv_modstate *mods;

    /* --- errors --- */
    hv_value err;               /* pending terminating ErrorRecord (HV_ERR), else HV_NULL */
    bool err_script_terminating;/* the pending error ends the script when not caught */
    int try_depth;              /* > 0 inside try { } or a scope with a trap: statement-
                                   terminating errors propagate instead of being reported */
    hv_value error_list;        /* $Error (HV_ARRAY, newest first) */
    bool last_success;          /* $? */
    int exit_code;              /* `exit N` value when HV_EXIT is propagating */
    int strict_version;         /* Set-StrictMode: 0 = off, 1, 2, 3 (Latest) */

    /* --- running code (E sets; B reads) --- */
    hv_cmd *cur_cmd;            /* innermost cmdlet/function invocation running, or NULL */
    int depth;                  /* call depth (functions, script blocks); limit 1000 */
    const char *cur_script;     /* script file of the code running (for positions) */
    hv_ast_unit *cur_unit;      /* unit of the code running */

    /* --- host (E) --- */
    FILE *out;                  /* stdout */
    FILE *errout;               /* stderr */
    hv_sink *console;           /* the console (Out-Default) sink */
    void *console_state;        /* E's console sink buffer */

    /* --- caches (E) --- */
    struct hv_eval_cache *cache;
    void *eval_private;         /* E */
    void *pipe_private;         /* B */
    void *fmt_private;          /* C1 (format.c), if needed */

    /* --- E: control flow --- */
    hv_value jump_label;        /* label of a propagating break/continue (HV_STRING) or null */
    hv_sink *return_sink;       /* inside a class method: where `return x` puts x */
    void *classes;              /* class.c: user classes and enums */
    void *history;              /* history.c (lead): the session's command history */
    hv_function *top_script;    /* the -File script: its `exit` ends the process; any other
                                   script's `exit` only ends that script ($LASTEXITCODE) */
    hv_value usings;            /* `using namespace X` names seen (HV_ARRAY of strings) */
    hv_value script_members;    /* Add-Member ScriptMethod/ScriptProperty/AliasProperty:
                                   HV_ARRAY of [object, name, kind, value] (eval_member.c) */
    const hv_ast *cur_node;     /* E: the member call / cast being evaluated (see
                                   hv_eval_current_pos) */
    char *stack_base;           /* C stack at start-up: deep recursion fails cleanly with
                                   "call depth overflow" before the stack runs out */
    size_t stack_limit;
};

/* [E] True when the C stack is too deep to call further (function/script block calls). */
bool hv_eval_stack_exhausted(hv_ctx *ctx);

/* [E] Host output (the REPL may redirect). Everything that reaches the console outside
 * the output stream (Write-Host, error/warning/verbose display, prompts) must go through
 * hv_host_write: it first flushes what the console sink has buffered, so text appears in
 * the order it was produced. B: call hv_eval_console_flush(ctx) before a native command
 * inherits the terminal's stdout. hv_command_lookup (B) resolves user aliases and
 * functions through hv_scope_alias_lookup / hv_scope_func_lookup before cmdlets. */
void hv_host_write(hv_ctx *ctx, bool to_stderr, const char *s, size_t n);

/* ======================================================================================
 * E-private: shared by the evaluator's own files (eval*.c, scope.c, class.c, runtime.c).
 * B should not need these.
 * ====================================================================================== */
hv_scope *hv_scope_new_child(hv_ctx *ctx, hv_scope *parent, unsigned flags);
void hv_scope_free(hv_ctx *ctx, hv_scope *s);
hv_scope *hv_scope_parent(const hv_scope *s);
unsigned hv_scope_flags(const hv_scope *s);
void **hv_scope_traps(hv_scope *s);
hv_var *hv_scope_new_var(hv_ctx *ctx, hv_scope *s, const char *name);
HV_MUST_CHECK hv_status hv_var_store(hv_ctx *ctx, hv_var *var, hv_value v);

/* Hot-path refcounting: immediates (numbers, bools, null) skip the call into value.c. */
static inline hv_value hv_qref(const hv_value *v) { return hv_is_heap(v) ? hv_ref(v) : *v; }
static inline void hv_qunref(hv_value v) { if (hv_is_heap(&v)) hv_unref(v); }

/* [switch] values: HV_BOOL with sub = 1 (GetType() says SwitchParameter, .IsPresent). */
#define HV_SUB_SWITCH 1
static inline hv_value hv_switch_value(bool b) { hv_value v = hv_bool(b); v.sub = HV_SUB_SWITCH; return v; }

/* AutomationNull: "no value" (a [void] cast, a void method). HV_NULL with sub = 1; sinks
 * drop it, everything else treats it as $null. */
#define HV_SUB_AUTOMATION_NULL 1
static inline hv_value hv_automation_null(void) { return (hv_value){.kind = HV_NULL, .sub = HV_SUB_AUTOMATION_NULL}; }

HV_MUST_CHECK hv_status hv_eval_expr(hv_ctx *ctx, hv_ast *node, hv_value *out);
/* A statement's value: a pure expression gives its value as is (no unrolling); anything
 * else is run and its output collected ($null / one item / array). */
HV_MUST_CHECK hv_status hv_eval_stmt_value(hv_ctx *ctx, hv_ast *stmt, hv_value *out);
HV_MUST_CHECK hv_status hv_eval_stmt(hv_ctx *ctx, hv_ast *stmt, hv_sink *out);
HV_MUST_CHECK hv_status hv_eval_stmts(hv_ctx *ctx, const hv_ast_list *stmts, hv_sink *out);
HV_MUST_CHECK hv_status hv_eval_pipeline(hv_ctx *ctx, hv_ast *pipe, hv_sink *out);
HV_MUST_CHECK hv_status hv_eval_assign(hv_ctx *ctx, hv_ast *node, hv_value *result);
HV_MUST_CHECK hv_status hv_eval_assign_to(hv_ctx *ctx, hv_ast *target, hv_value v);
/* Run a SCRIPTBLOCK node's begin/process/end in the current scope with the given input. */
HV_MUST_CHECK hv_status hv_eval_run_scriptblock(hv_ctx *ctx, hv_ast *sb, const hv_value *input,
                                                hv_sink *out);
/* Variables by AST node (cached) and by name with scope qualifier. */
HV_MUST_CHECK hv_status hv_eval_var_get(hv_ctx *ctx, hv_ast *var, hv_value *out);
hv_value hv_eval_var_by_name(hv_ctx *ctx, const char *name);
HV_MUST_CHECK hv_status hv_eval_set_var(hv_ctx *ctx, const char *name, hv_value v);
/* Members / methods / indexing (eval_member.c). */
HV_MUST_CHECK hv_status hv_eval_member(hv_ctx *ctx, hv_ast *node, hv_value *out);
HV_MUST_CHECK hv_status hv_eval_invoke_member(hv_ctx *ctx, hv_ast *node, hv_value *out);
HV_MUST_CHECK hv_status hv_eval_index(hv_ctx *ctx, hv_ast *node, hv_value *out);
HV_MUST_CHECK hv_status hv_eval_member_assign(hv_ctx *ctx, hv_ast *target, hv_value v);
HV_MUST_CHECK hv_status hv_eval_index_assign(hv_ctx *ctx, hv_ast *target, hv_value v);
HV_MUST_CHECK hv_status hv_eval_call_method(hv_ctx *ctx, hv_ast *node, const hv_value *target,
                                            const char *name, hv_value *args, size_t nargs,
                                            hv_value *out);
/* Types: [name] including user classes and enums; NULL + error when unknown. */
const hv_type_info *hv_eval_type(hv_ctx *ctx, const hv_ast_typename *tn);
/* Functions (eval_func.c). */
HV_MUST_CHECK hv_status hv_eval_define_function(hv_ctx *ctx, hv_ast *node);
hv_function *hv_eval_function_new(hv_ctx *ctx, const char *name, hv_ast *sb,
                                  const hv_ast_list *params, hv_ast_funckind kind);
HV_MUST_CHECK hv_status hv_eval_call_function(hv_ctx *ctx, hv_function *fn, hv_arg *args,
                                              size_t nargs, const hv_value *input, size_t ninput,
                                              bool dot_source, hv_sink *out);
/* Classes and enums (class.c). */
HV_MUST_CHECK hv_status hv_class_define(hv_ctx *ctx, hv_ast *node);
HV_MUST_CHECK hv_status hv_enum_define(hv_ctx *ctx, hv_ast *node);
const hv_type_info *hv_class_lookup_type(hv_ctx *ctx, const char *name);
bool hv_class_is_instance(const hv_value *v);
HV_MUST_CHECK hv_status hv_class_new_instance(hv_ctx *ctx, const hv_type_info *t, hv_value *args,
                                              size_t nargs, hv_value *out);
/* For instances of user classes: method call / static member; *found false when absent. */
HV_MUST_CHECK hv_status hv_class_call(hv_ctx *ctx, const hv_value *self, const char *name,
                                      hv_value *args, size_t nargs, hv_value *out, bool *found);
HV_MUST_CHECK hv_status hv_class_call_as(hv_ctx *ctx, const hv_value *self, const hv_type_info *as,
                                         const char *name, hv_value *args, size_t nargs,
                                         hv_value *out, bool *found);
HV_MUST_CHECK hv_status hv_class_call_static(hv_ctx *ctx, const hv_type_info *t, const char *name,
                                             hv_value *args, size_t nargs, hv_value *out,
                                             bool *found);
/* Set a field of a class instance (converted to its declared type). MOVES v. */
HV_MUST_CHECK hv_status hv_class_set_field(hv_ctx *ctx, hv_value *self, const char *name, hv_value v,
                                           bool *found);
/* .GetNewClosure(): a copy of the block bound to a snapshot of the visible variables. */
hv_value hv_eval_block_closure(hv_ctx *ctx, const hv_value *block);
/* [T]$x = v for a class type T: *handled when t is a user class (instances pass, a
 * hashtable initializes a new instance). MOVES v into *out on success. */
HV_MUST_CHECK hv_status hv_class_convert(hv_ctx *ctx, const hv_type_info *t, hv_value v,
                                         hv_value *out, bool *handled);
const hv_type_info *hv_class_type_of(const hv_value *v);
/* [C[]] conversion for a user class C (eval_expr.c). MOVES v. */
HV_MUST_CHECK hv_status hv_eval_convert_class_array(hv_ctx *ctx, const hv_type_info *t, hv_value v,
                                                    hv_value *out, bool *handled);
void hv_class_free_all(hv_ctx *ctx);
bool hv_class_get_static(hv_ctx *ctx, const hv_type_info *t, const char *name, hv_value *out);
bool hv_class_set_static(hv_ctx *ctx, const hv_type_info *t, const char *name, hv_value v);
/* $PSCmdlet methods (ShouldProcess, WriteVerbose, ...): *handled false when target is not
 * a $PSCmdlet object. */
HV_MUST_CHECK hv_status hv_eval_pscmdlet_call(hv_ctx *ctx, const hv_value *target, const char *name,
                                              hv_value *args, size_t nargs, hv_value *out,
                                              bool *handled);
/* Life cycle of E's per-context state (runtime.c calls these). */
void hv_eval_blocks_init(void);          /* registers the script block payload hooks */
void hv_eval_cache_free(hv_ctx *ctx);
void hv_eval_console_free(hv_ctx *ctx);
void hv_eval_scripts_free(hv_ctx *ctx);
size_t hv_eval_fn_state_size(void);
/* Does a catch/trap type as written ("RuntimeException", "System.Exception") match an
 * exception type (with pwsh's loose hierarchy)? */
bool hv_eval_exception_matches(const char *written, const char *exc_type);
/* An ActionPreference enum value (runtime.c). */
hv_value hv_eval_action_value(int action);
/* [ref] (eval_member.c): a PSReference to a variable (var != NULL) or to a value. */
hv_value hv_eval_ref_new(hv_var *var, hv_value value);
bool hv_eval_is_ref(const hv_value *v);
/* [psnoteproperty] (eval_member.c). */
const hv_type_info *hv_eval_noteprop_type(void);
/* $foreach / $switch enumerators over an array (eval_member.c). */
hv_value hv_eval_enumerator_new(const hv_value *items);
/* Position of the enumerator (index of the current item); advances by MoveNext(). */
size_t *hv_eval_enumerator_pos(const hv_value *e);
/* .NET exception types (eval_exc.c): [ArgumentException]::new("m"), catch hierarchy. */
const hv_type_info *hv_eval_exception_type(const char *name);
bool hv_eval_is_exception_type(const hv_type_info *t);
HV_MUST_CHECK hv_status hv_eval_exception_new(hv_ctx *ctx, const hv_type_info *t, const hv_value *args,
                                              size_t nargs, hv_value *out);
const hv_type_info *hv_eval_exception_type_of(const hv_value *v);
const char *hv_eval_exception_parent(const char *type);   /* NULL at System.Exception */
/* Record a script's `using namespace` lines for type lookup. */
void hv_eval_register_usings(hv_ctx *ctx, hv_ast *sb);
/* Per-AST-node caches (eval.c). */
typedef struct {
    uint64_t epoch;
    hv_var *rvar;          /* dynamic lookup result (NULL = not found) */
    uint64_t lepoch;
    hv_var *lvar;          /* assignment target in the current scope */
    int special;           /* eval.c: automatic variable kind, resolved once */
    hv_value constant;     /* cached constant value (strings, numbers) */
    uint64_t cmd_epoch;
    hv_cmdinfo cmd;        /* cached command resolution */
    bool cmd_valid;
    bool pos_valid;        /* pos: the node's position, computed once */
    hv_pos pos;
} hv_node_cache;
hv_node_cache *hv_eval_cache_of(hv_ctx *ctx, hv_ast *node);

#endif
