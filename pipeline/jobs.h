/* jobs.h — background jobs: Start-Job, Start-ThreadJob, the `&` background operator and
 * the *-Job cmdlets. A job runs in a child process made with fork(): the child builds a
 * fresh runtime (no variables or functions of the caller, as pwsh's job runspace), runs
 * the script block there and sends its output, errors, warnings, verbose, debug and
 * information records back over a pipe in a serialized form; the caller deserializes
 * them as pwsh does (property bags typed "Deserialized.<type>"; primitives, strings,
 * dates, arrays and hashtables keep their types). Owner: H3. */
#ifndef HV_JOBS_H
#define HV_JOBS_H

#include "internal.h"

/* The job cmdlets as modules (Microsoft.PowerShell.Core's *-Job, merged by name with the
 * rest of Core, and ThreadJob's Start-ThreadJob); intrinsics.c lists them with its own. */
extern const hv_module_def hv_jobs_mod_core;
extern const hv_module_def hv_jobs_mod_thread;

/* Stop every running job (kill its process group, reap it) and free the job list.
 * Called when the runtime is freed (hvsh exits). */
void hv_jobs_free(hv_ctx *ctx);

/* `pipeline &` (pwsh 6+): run the PIPELINE or PIPELINECHAIN node (its source text) as a
 * background job ($using: variables resolved now) and write the job object to out.
 * E calls this for a PIPELINE / PIPELINECHAIN with background == true. */
HV_MUST_CHECK hv_status hv_jobs_background(hv_ctx *ctx, hv_ast *node, hv_sink *out);

/* Start a background job running `block` as Start-Job does ($args = args, an HV_ARRAY or
 * NULL; $input = the elements of input when it is an HV_ARRAY, else no input), named
 * `name` (NULL = JobN), with PSJobTypeName type_name and Location location (NULL =
 * BackgroundJob / localhost). *job gets the job object (registered for Get-Job). For
 * Invoke-Command -AsJob ("RemoteJob", the computer name). HV_ERR (raised on cmd) when a
 * $using: variable is undefined. */
HV_MUST_CHECK hv_status hv_jobs_start(hv_cmd *cmd, const hv_value *block, const hv_value *args,
                                      const hv_value *input, const char *name,
                                      const char *type_name, const char *location, hv_value *job);

/* What a job's child process must not share with the parent (a cached libvirt connection
 * whose socket the parent keeps using) is dropped by the owning module with the standard
 * pthread_atfork(NULL, NULL, child_fn) hook: fork() runs it in the child, posix_spawn()
 * (native commands) does not. */

/* Slot in B's per-context state where jobs.c keeps its own (intrinsics.c). */
void **hv_intrinsics_jobs_slot(hv_ctx *ctx);

#endif
