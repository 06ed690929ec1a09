/* cmdlet.h — the cmdlet SDK: what cmdlets/ may use of the runtime.
 *
 * A cmdlet is a const hv_cmdlet_def (data): name, parameter sets, parameter table, handlers,
 * help. The runtime binds arguments (named, positional, pipeline by value / by property
 * name), resolves the parameter set, then calls begin → process (per pipeline object) → end,
 * and always cleanup. Handlers return hv_status; a non-HV_OK status from any SDK call is
 * passed straight up: `if ((st = hv_emit(cmd, v)) != HV_OK) return st;`.
 *
 * cmdlets/ includes only value.h, convert.h, ops.h, object helpers and this header.
 */
#ifndef HV_CMDLET_H
#define HV_CMDLET_H

#include "convert.h"
#include "ops.h"
#include "value.h"

#define HV_MUST_CHECK __attribute__((warn_unused_result))

typedef enum {
    HV_OK = 0,
    HV_ERR,      /* terminating error pending in the context */
    HV_STOPPED,  /* downstream is satisfied (Select-Object -First) or Ctrl-C */
    HV_BREAK,
    HV_CONTINUE,
    HV_RETURN,
    HV_EXIT,
} hv_status;

typedef struct hv_ctx hv_ctx; /* the interpreter (opaque to cmdlets) */
typedef struct hv_cmd hv_cmd; /* one running cmdlet invocation (one pipeline stage) */

/* PowerShell's ErrorCategory, same order/values as System.Management.Automation.ErrorCategory */
typedef enum {
    HV_CAT_NotSpecified = 0, HV_CAT_OpenError, HV_CAT_CloseError, HV_CAT_DeviceError,
    HV_CAT_DeadlockDetected, HV_CAT_InvalidArgument, HV_CAT_InvalidData,
    HV_CAT_InvalidOperation, HV_CAT_InvalidResult, HV_CAT_InvalidType, HV_CAT_MetadataError,
    HV_CAT_NotImplemented, HV_CAT_NotInstalled, HV_CAT_ObjectNotFound,
    HV_CAT_OperationStopped, HV_CAT_OperationTimeout, HV_CAT_SyntaxError, HV_CAT_ParserError,
    HV_CAT_PermissionDenied, HV_CAT_ResourceBusy, HV_CAT_ResourceExists,
    HV_CAT_ResourceUnavailable, HV_CAT_ReadError, HV_CAT_WriteError, HV_CAT_FromStdErr,
    HV_CAT_SecurityError, HV_CAT_ProtocolError, HV_CAT_ConnectionError,
    HV_CAT_AuthenticationError, HV_CAT_LimitsExceeded, HV_CAT_QuotaExceeded,
    HV_CAT_NotEnabled, HV_CAT__COUNT
} hv_err_category;
const char *hv_err_category_name(hv_err_category c);

/* ---- parameter declarations ---- */
typedef enum {
    HV_PT_ANY = 0,      /* object: no conversion */
    HV_PT_STRING,
    HV_PT_BOOL,
    HV_PT_SWITCH,       /* SwitchParameter: present = $true; -X:$false */
    HV_PT_INT32,
    HV_PT_INT64,
    HV_PT_UINT8,        /* byte */
    HV_PT_UINT16,
    HV_PT_UINT32,
    HV_PT_UINT64,
    HV_PT_DOUBLE,
    HV_PT_ENUM,         /* .enum_def or .accepted names; value stored as HV_ENUM or string */
    HV_PT_SCRIPTBLOCK,
    HV_PT_HASHTABLE,
    HV_PT_DATETIME,
    HV_PT_TIMESPAN,
    HV_PT__COUNT
} hv_param_type;

enum {
    HV_PF_MANDATORY = 1u << 0,        /* in every set it belongs to (see mandatory_sets) */
    HV_PF_BY_VALUE = 1u << 1,         /* ValueFromPipeline */
    HV_PF_BY_PROPERTY_NAME = 1u << 2, /* ValueFromPipelineByPropertyName */
    HV_PF_REMAINING = 1u << 3,        /* ValueFromRemainingArguments */
    HV_PF_WILDCARDS = 1u << 4,        /* SupportsWildcards (documentation + completion) */
    HV_PF_ARRAY = 1u << 5,            /* T[]: scalars are wrapped, each element converted */
    HV_PF_NO_EMPTY = 1u << 6,         /* ValidateNotNullOrEmpty */
    HV_PF_ALLOW_EMPTY_STRING = 1u << 7,     /* [AllowEmptyString()] on a mandatory parameter */
    HV_PF_ALLOW_EMPTY_COLLECTION = 1u << 8, /* [AllowEmptyCollection()] */
    HV_PF_NOT_NULL_ONLY = 1u << 9,    /* with NO_EMPTY: [ValidateNotNull()] (only $null fails) */
};
#define HV_POS_NAMED (-1)
#define HV_SET(n) (1u << (n))
#define HV_ALL_SETS 0u

enum {
    HV_CF_SHOULD_PROCESS = 1u << 0, /* adds -WhatIf/-Confirm; mutating cmdlet */
    HV_CF_CONFIRM_HIGH = 1u << 1,   /* ConfirmImpact High */
    HV_CF_NO_COMMON = 1u << 2,      /* a built-in that takes raw args (e.g. netsh) */
};

/* Completion: returns a malloc'd NULL-terminated array of malloc'd strings (may be NULL). */
typedef char **(*hv_completer)(hv_ctx *ctx, const char *prefix);

typedef struct {
    const char *title, *code, *remarks;
} hv_example;

typedef struct hv_param_def {
    const char *name;               /* NULL ends the table */
    hv_param_type type;
    int position;                   /* HV_POS_NAMED or 0.. (within each set) */
    unsigned flags;                 /* HV_PF_* */
    unsigned sets;                  /* HV_SET(i)|...; HV_ALL_SETS = member of every set */
    unsigned mandatory_sets;        /* with HV_PF_MANDATORY: 0 = mandatory in all its sets,
                                       else only in these */
    const char *const *aliases;     /* NULL-terminated, or NULL */
    const char *const *accepted;    /* ValidateSet names (case-insensitive), or NULL */
    const hv_enum_def *enum_def;    /* for HV_PT_ENUM with a real enum type */
    int64_t min, max;               /* ValidateRange when min < max */
    hv_completer complete;          /* dynamic values (VM names, interface names), or NULL */
    const char *help;
} hv_param_def;

typedef struct hv_cmdlet_def hv_cmdlet_def;
typedef struct {
    hv_status (*begin)(hv_cmd *cmd);
    hv_status (*process)(hv_cmd *cmd, const hv_value *input); /* input: $_ (HV_NULL if none) */
    hv_status (*end)(hv_cmd *cmd);
    void (*cleanup)(hv_cmd *cmd); /* always runs once: success, error or Ctrl-C */
} hv_cmdlet_ops;

struct hv_cmdlet_def {
    const char *name;               /* "New-NetIPAddress"; NULL ends a group */
    const char *const *aliases;     /* built-in aliases ("gci", "ls"...), NULL-terminated */
    const char *const *sets;        /* set names; index i <-> HV_SET(i); NULL = one unnamed set */
    int default_set;                /* index into sets */
    const hv_param_def *params;     /* NULL-name terminated */
    hv_cmdlet_ops ops;
    size_t state_size;              /* zeroed per invocation, hv_cmd_state() */
    unsigned flags;                 /* HV_CF_* */
    const char *synopsis, *description, *output_type;
    const hv_example *examples;     /* {0}-terminated */
    const char *online;             /* URL of the reference page (Get-Help -Online says it) */
};

/* A module: a group of cmdlets that `Get-Module`, `#Requires -Modules` and
 * `Module\Cmdlet` names refer to. */
typedef struct {
    const char *name;                  /* "Hyper-V" */
    const char *version;               /* "2.0.0.0" */
    const hv_cmdlet_def *cmdlets;      /* NULL-name terminated array */
    const hv_enum_def *const *enums;   /* enum types to register, NULL-terminated, or NULL */
} hv_module_def;

/* ---- inside a handler ---- */
hv_ctx *hv_cmd_ctx(hv_cmd *cmd);
const hv_cmdlet_def *hv_cmd_def(hv_cmd *cmd);
void *hv_cmd_state(hv_cmd *cmd);
int hv_cmd_set_index(hv_cmd *cmd);             /* resolved parameter set */
/* Bound argument by table index or name (borrowed, already converted), NULL if unbound.
 * Array parameters (HV_PF_ARRAY) are always HV_ARRAY. Switches are HV_BOOL. */
const hv_value *hv_cmd_arg(hv_cmd *cmd, int index);
const hv_value *hv_cmd_argn(hv_cmd *cmd, const char *name);
bool hv_cmd_bound(hv_cmd *cmd, int index);
bool hv_cmd_switch(hv_cmd *cmd, int index);   /* switch present and true */
/* Raw argument list for HV_CF_NO_COMMON commands (netsh): strings as written. */
size_t hv_cmd_raw_argc(hv_cmd *cmd);
const hv_value *hv_cmd_raw_arg(hv_cmd *cmd, size_t i);

/* Output stream (WriteObject). Moves obj. HV_STOPPED when downstream is done. */
HV_MUST_CHECK hv_status hv_emit(hv_cmd *cmd, hv_value obj);
/* Emit each element of an array (WriteObject(x, true)). */
HV_MUST_CHECK hv_status hv_emit_enum(hv_cmd *cmd, hv_value collection);

/* ErrorRecords. hv_error_new builds one (the runtime adds the invocation info of cmd). */
hv_value hv_error_new(hv_cmd *cmd, hv_err_category cat, const char *error_id,
                      const hv_value *target, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Same, with an exception type name ("Microsoft.HyperV.PowerShell.VirtualizationException") */
hv_value hv_error_new_ex(hv_cmd *cmd, const char *exception_type, hv_err_category cat,
                         const char *error_id, const hv_value *target, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Non-terminating (WriteError): applies -ErrorAction / $ErrorActionPreference / -ErrorVariable
 * / $Error; returns HV_ERR if the action was Stop. Moves record. */
HV_MUST_CHECK hv_status hv_write_error(hv_cmd *cmd, hv_value record);
/* Terminating (ThrowTerminatingError). Always returns HV_ERR. Moves record. */
HV_MUST_CHECK hv_status hv_throw(hv_cmd *cmd, hv_value record);

/* Other streams; formatted like printf. Return non-OK if the preference was Stop. */
HV_MUST_CHECK hv_status hv_write_warning(hv_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
HV_MUST_CHECK hv_status hv_write_verbose(hv_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
HV_MUST_CHECK hv_status hv_write_debug(hv_cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
HV_MUST_CHECK hv_status hv_write_information(hv_cmd *cmd, hv_value msg, const char *tags);
/* Write-Host: text to the host (console), not the pipeline. fg/bg: ConsoleColor name or NULL. */
void hv_write_host(hv_cmd *cmd, const char *text, bool newline, const char *fg, const char *bg);
void hv_write_progress(hv_cmd *cmd, const char *activity, const char *status, int percent,
                       bool completed);

/* ShouldProcess: false under -WhatIf (after printing
 * "What if: Performing the operation \"<action>\" on target \"<target>\".") or when -Confirm
 * is declined. */
bool hv_should_process(hv_cmd *cmd, const char *target, const char *action);

/* Ctrl-C pressed? Long-running loops poll this and return HV_STOPPED. */
bool hv_cmd_interrupted(hv_cmd *cmd);

/* ---- calling back into the language ---- */
/* Invoke a script block with $_ = dollar_under (borrowed; may be NULL) and args.
 * If out != NULL, the block's output is collected into *out (an HV_ARRAY, new ref);
 * otherwise it is emitted to cmd's output (streaming). */
HV_MUST_CHECK hv_status hv_cmd_invoke(hv_cmd *cmd, const hv_value *block,
                                      const hv_value *dollar_under, const hv_value *args,
                                      size_t nargs, hv_value *out);
/* Invoke a script block as a PSPropertyExpression does (Format-* calculated properties):
 * $_ = dollar_under, output collected into *out (an HV_ARRAY, new ref); a terminating
 * error inside is caught — neither written nor raised — and sets *failed. */
HV_MUST_CHECK hv_status hv_cmd_invoke_catch(hv_cmd *cmd, const hv_value *block,
                                            const hv_value *dollar_under, hv_value *out,
                                            bool *failed);
/* Evaluate a script block as a predicate (Where-Object): result converted to bool. */
HV_MUST_CHECK hv_status hv_cmd_invoke_bool(hv_cmd *cmd, const hv_value *block,
                                           const hv_value *dollar_under, bool *result);
/* Member access as the language does it ($x.Name): properties of objects, hashtable keys,
 * .NET-ish properties of strings/arrays (Length, Count), member enumeration on arrays.
 * Returns HV_NULL when absent (non-strict). */
hv_value hv_get_member(hv_ctx *ctx, const hv_value *v, const char *name);
/* Method call as the language does it ($s.ToUpper()). */
HV_MUST_CHECK hv_status hv_call_method(hv_ctx *ctx, const hv_value *v, const char *name,
                                       const hv_value *args, size_t nargs, hv_value *out);
/* Add-Member -MemberType ScriptMethod / ScriptProperty / AliasProperty on an object:
 * `value` is the script block (or the aliased name); the member is resolved on each access
 * ($this = the object), as pwsh does. False when member_type is none of those three. */
bool hv_add_script_member(hv_ctx *ctx, const hv_value *obj, const char *name,
                          const char *member_type, const hv_value *value);

/* Variables (dynamic scope lookup from the current scope). */
hv_value hv_var_get(hv_ctx *ctx, const char *name);            /* new ref or HV_NULL */
void hv_var_set(hv_ctx *ctx, const char *name, hv_value v);    /* current scope; moves v */

/* ---- formatting (for Out-String, Format-*, Out-Default) ---- */
int hv_host_width(hv_ctx *ctx); /* terminal width, or 120 when not a terminal */
/* Render objects as pwsh's Out-Default would (table/list/scalars) into text. */
hv_value hv_format_default(hv_ctx *ctx, const hv_value *objs, size_t n, int width);

/* ---- introspection (Get-Command, Get-Help, completion) ---- */
typedef enum { HV_CMDK_CMDLET, HV_CMDK_FUNCTION, HV_CMDK_FILTER, HV_CMDK_ALIAS,
               HV_CMDK_APPLICATION, HV_CMDK_SCRIPT } hv_cmd_kind;
typedef struct {
    const char *name;            /* as defined */
    hv_cmd_kind kind;
    const char *module;          /* "Hyper-V", "Microsoft.PowerShell.Utility", "" */
    const hv_cmdlet_def *def;    /* cmdlets AND functions (the runtime synthesizes a def for
                                    each function from its param() block and comment help);
                                    NULL for applications */
    const char *definition;      /* alias target, function body text, application path */
} hv_cmdinfo;
/* All commands (cmdlets, functions, aliases; applications on PATH only if with_apps), sorted
 * by name. Returns a malloc'd array the caller frees (the strings are borrowed). */
size_t hv_commands_list(hv_ctx *ctx, bool with_apps, hv_cmdinfo **out);
/* Resolve one name as the language would (alias -> function -> cmdlet -> application). */
bool hv_command_lookup(hv_ctx *ctx, const char *name, hv_cmdinfo *out);
/* Loaded/available modules (built-in and imported). */
size_t hv_modules_list(hv_ctx *ctx, const hv_module_def ***out);
/* The common parameters table the runtime appends to every cmdlet (NULL-name terminated);
 * the second table holds -WhatIf/-Confirm for HV_CF_SHOULD_PROCESS cmdlets. */
const hv_param_def *hv_common_params(void);
const hv_param_def *hv_should_process_params(void);

/* ---- the session's command history (Get-History, Invoke-History, Clear-History) ---- */
typedef struct {
    long id;                   /* 1, 2, ... in the session */
    const char *line;          /* the whole (possibly multi-line) entry */
    int64_t start_ticks, end_ticks; /* local datetime ticks */
    bool ok;                   /* ExecutionStatus Completed (true) or Failed */
} hv_history_entry;
size_t hv_history_count(hv_ctx *ctx);
const hv_history_entry *hv_history_at(hv_ctx *ctx, size_t i); /* 0 = oldest */
void hv_history_add(hv_ctx *ctx, const char *line, int64_t start_ticks, int64_t end_ticks,
                    bool ok);
bool hv_history_remove(hv_ctx *ctx, long id);
/* Lines that look like secrets (password, token, apikey, secret, -AsPlainText) are never
 * stored, as PSReadLine's default history filter does. */
bool hv_history_is_sensitive(const char *line);
/* Run source text in the caller's scope with output to cmd's output (Invoke-History). */
HV_MUST_CHECK hv_status hv_cmd_invoke_text(hv_cmd *cmd, const char *src, size_t len);

/* ---- members a PowerShell class declares (Get-Member) ---- */
typedef struct {
    char *name;
    char *definition; /* "string Name {get;set;}", "string Hi(int n)" */
    bool is_method, is_static, is_hidden;
} hv_class_member;
/* The declared properties and methods (constructors excluded) of the class of v and of its
 * base classes, a derived declaration hiding a base one of the same name (methods: same name
 * and parameter count). Returns how many; *out is malloc'd (hv_class_members_free). 0 and
 * *out NULL when v is not an instance of a script class. */
size_t hv_class_members(const hv_value *v, hv_class_member **out);
void hv_class_members_free(hv_class_member *m, size_t n);

#endif
