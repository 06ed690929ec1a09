/* pipe.h — the running pipeline: one hv_cmd per stage (cmdlet, function, script block or
 * native command), streaming push from stage to stage, stream redirections.
 * hv_pipe_run (internal.h) is the entry point; this header exposes the stage structure to
 * B's other files (errors.c, streams.c, intrinsics.c).  Owner: B.
 *
 * Notes for other helpers (from B):
 *  - E: module-qualified names (Hyper-V\Get-VM, LabTools\Get-LabCount) must reach
 *    hv_command_lookup: eval_cmd.c's is_path_name() takes any name with '\' for a path.
 *    Try hv_command_lookup first when the name has no '/' and does not start with '.'/'~'.
 *  - E: the first stage of a pipeline without input gets process called once with
 *    input = $null (pwsh calls ProcessRecord once); pipeline-bound values are already in
 *    hv_cmd_arg when process runs (hv_cmd_bound_from_pipeline tells which).
 *  - E: language errors (hv_err_new) should not carry a command in pos->command:
 *    pwsh's ConciseView then shows the category ("InvalidOperation: ..."); `1/0` in pwsh
 *    is a RuntimeException (InnerException DivideByZeroException): "RuntimeException:".
 *  - E: automatic variables ($PID, $HOME ...) should be visible to Get-Variable.
 *  - perf: the pipeline costs ~20-25 ns per object per stage (fast path when a single
 *    ValueFromPipeline parameter can take the object); the rest is the script-block call.
 *  - Cmdlets: a stage that is satisfied returns HV_STOPPED from process (Select-Object
 *    -First); upstream stops, downstream stages still run their end.
 */
#ifndef HV_PIPE_H
#define HV_PIPE_H

#include <stdio.h>
#include <sys/types.h>

#include "binder.h"

/* Where one stream of a stage goes (2>$null, 2>&1, 3> file ...). */
enum { HV_RD_DEFAULT = 0, HV_RD_NULL, HV_RD_FILE, HV_RD_MERGE };

typedef struct hv_pipe hv_pipe;

typedef struct {
    uint8_t mode; /* HV_RD_* */
    FILE *f;      /* HV_RD_FILE (owned by the stage; shared for the same path) */
    bool owns;    /* this entry closes f (and frees path) */
    char *path;   /* HV_RD_FILE: the file (for sharing one FILE per path) */
} hv_stream_redir;

struct hv_cmd {
    hv_ctx *ctx;
    const hv_cmdlet_def *def; /* NULL for native commands and expression heads */
    hv_stage *stage;          /* NULL for an expression head */
    hv_pipe *pipe;
    hv_cmd *parent; /* invocation this pipeline runs inside (redirections,
                       -ErrorAction of functions), or NULL */
    hv_cmd *next;   /* downstream stage, NULL = the pipeline's sink */
    int index;      /* stage index; -1 for the expression head */
    hv_binding bind;
    void *state;
    hv_sink in;       /* sink that feeds this stage (put = process) */
    hv_sink out_sink; /* sink that emits from this stage (put = hv_emit) */
    bool begun, ended, bound_ok, is_native;
    hv_value queue; /* objects emitted to this stage before its begin ran */

    /* common parameters (-1 / false = not given) */
    int erract, warnact, infoact, progact;
    int8_t verbose, debug; /* -1 not given, 0/1 */
    bool whatif, confirm, confirm_set, yes_all, no_all;
    hv_value errvar, warnvar, infovar, outvar, pipevar; /* variable names (strings) */
    bool errvar_append, warnvar_append, infovar_append, outvar_append;
    hv_value errvar_list, warnvar_list, infovar_list, outvar_list;

    hv_stream_redir rd[7]; /* per stream 1..6 */
    hv_value rd_out_items; /* `> file`: objects collected for formatting */
    bool wrote_error;

    /* native commands */
    pid_t pid;
    int in_fd, out_fd, err_fd; /* -1 when not piped */
    hv_buf out_line, err_line;
    bool inherit_out;
    int exit_code;
    bool killed; /* stopped by us (downstream satisfied): not a failure */
    char **argv;
};

/* $PSCmdlet.ParameterSetName: the resolved set's name ("__AllParameterSets" when the
 * command declares no sets). */
const char *hv_cmd_set_name(hv_cmd *cmd);
/* Does what cmd emits end up, unchanged, on the console (Out-Default)? Follows function
 * bodies up to their callers. Native commands then inherit stdout. */
bool hv_pipe_to_console(hv_cmd *cmd);
/* The sink the pipeline that runs cmd writes its final output to (may be NULL). */
hv_sink *hv_pipe_final_sink(hv_cmd *cmd);
/* A sink that writes into cmd's output (hv_emit) — for E's function bodies. */
hv_sink *hv_pipe_cmd_sink(hv_cmd *cmd);
/* The effective redirection of stream s (1..6) for output written by cmd (walks the
 * invoking commands: `f 2>$null` also silences what f's inner commands write). NULL when
 * the stream goes to its default place. *owner gets the cmd whose redirection applies. */
const hv_stream_redir *hv_pipe_redir_of(hv_cmd *cmd, int s, hv_cmd **owner);
/* Before another stream writes text to file f: write what owner's `> f` collected so far,
 * so `*> file` keeps the order in which things were written. */
void hv_pipe_flush_file_output(hv_cmd *owner, FILE *f);
/* Effective ActionPreference for a stream of cmd (bound -ErrorAction etc., else the
 * invoking functions', else the preference variable). */
hv_action hv_pipe_action(hv_ctx *ctx, hv_cmd *cmd, hv_pref which);
#endif
