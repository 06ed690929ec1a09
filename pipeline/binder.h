/* binder.h — PowerShell's parameter binder over hv_cmdlet_def tables (cmdlets and the
 * defs E synthesizes for functions). Pure: no context, no I/O; failures are described in
 * an hv_bind_fail that the pipeline turns into a ParameterBindingException ErrorRecord.
 *
 * Parameter index space of a binding: [0, nparams) the command's own table,
 * [nparams, nparams + ncommon) hv_common_params(), then hv_should_process_params() when
 * the def has HV_CF_SHOULD_PROCESS.
 *
 * Owner: B.
 */
#ifndef HV_BINDER_H
#define HV_BINDER_H

#include "internal.h"

enum { HV_BOUND_NONE = 0, HV_BOUND_ARG, HV_BOUND_PIPE };

/* Indices into hv_common_params() (pwsh's order). */
enum {
    HV_CP_VERBOSE,
    HV_CP_DEBUG,
    HV_CP_ERRORACTION,
    HV_CP_WARNINGACTION,
    HV_CP_INFORMATIONACTION,
    HV_CP_PROGRESSACTION,
    HV_CP_ERRORVARIABLE,
    HV_CP_WARNINGVARIABLE,
    HV_CP_INFORMATIONVARIABLE,
    HV_CP_OUTVARIABLE,
    HV_CP_OUTBUFFER,
    HV_CP_PIPELINEVARIABLE,
    HV_CP__COUNT
};
enum { HV_SP_WHATIF, HV_SP_CONFIRM, HV_SP__COUNT };

typedef struct {
    const hv_cmdlet_def *def;
    int nparams, ncommon, nsp, ntotal;
    hv_value *vals;    /* ntotal: bound (converted) values */
    uint8_t *how;      /* ntotal: HV_BOUND_* */
    unsigned all_sets; /* mask of the declared sets */
    unsigned sets;     /* candidate sets after command-line binding */
    unsigned obj_sets; /* candidate sets for the current pipeline object */
    int set_index;     /* resolved set, -1 while undecided */
    bool takes_input;  /* has ValueFromPipeline / ByPropertyName parameters */
    bool lenient;      /* simple function: extras go to $args */
    hv_value extras;   /* HV_ARRAY of unbound arguments ($args), or HV_NULL */
    int fast_pi;       /* per-object fast path: the one [object] ValueFromPipeline
                          parameter left to bind (-1 none, -2 not computed yet) */
    int fast_set;      /* the set that binding it resolves to */
} hv_binding;

/* Why binding failed: pwsh's message, FullyQualifiedErrorId (without ",Command"),
 * category, exception type, and which argument to underline (-1 = the whole command). */
typedef struct {
    char msg[768];
    const char *id;
    hv_err_category cat;
    const char *exception;
    int arg;           /* index into the hv_arg array, or -1 */
    const char *param; /* parameter name concerned, or NULL */
    hv_value target;   /* TargetObject (owned; HV_NULL usually) */
    int missing[16];   /* MissingMandatoryParameter: the parameters (for prompting) */
    int nmissing;
} hv_bind_fail;

void hv_bind_init(hv_binding *b, const hv_cmdlet_def *def);
void hv_bind_free(hv_binding *b);
/* The definition of parameter i (own table, common or should-process). */
const hv_param_def *hv_bind_param(const hv_binding *b, int i);
/* Find a parameter by name, exact or unique prefix (of names and aliases); -1 not found,
 * -2 ambiguous (fail filled with the AmbiguousParameter error when fail != NULL). */
int hv_bind_find(const hv_binding *b, const char *name, hv_bind_fail *fail);

/* Command-line binding: named, then positional, then set resolution and mandatory checks
 * (parameters that can still come from the pipeline are not required when expect_input).
 * False with *fail filled on error. args are borrowed (values are referenced). */
bool hv_bind_args(hv_binding *b, const hv_arg *args, size_t nargs, bool expect_input,
                  hv_bind_fail *fail);
/* Bind one pipeline object (by value, then by property name; exact types first). Values
 * bound for the previous object are released first. False with *fail (non-terminating
 * InputObjectNotBound / missing mandatory) when the object cannot be bound. */
bool hv_bind_pipeline(hv_binding *b, const hv_value *in, hv_bind_fail *fail);
/* Release what the last pipeline object bound. */
void hv_bind_pipeline_reset(hv_binding *b);
/* Release a failure's owned parts. */
void hv_bind_fail_free(hv_bind_fail *f);

/* .NET name of a parameter's type ("System.String[]") for messages and -Syntax. */
const char *hv_bind_type_name(const hv_param_def *p, char *buf, size_t n);
/* Short name as Get-Command -Syntax prints it ("string[]", "switch", "uint"). */
const char *hv_bind_type_short(const hv_param_def *p, char *buf, size_t n);
/* Number of declared sets (>= 1) and membership helpers. */
int hv_bind_nsets(const hv_cmdlet_def *def);
bool hv_bind_in_set(const hv_param_def *p, int set);
bool hv_bind_mandatory_in(const hv_param_def *p, int set);
int hv_bind_nparams(const hv_cmdlet_def *def);

#endif
