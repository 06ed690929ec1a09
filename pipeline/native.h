/* native.h — native commands as pipeline stages (posix_spawn, never a shell).
 * Owner: B. Used only by pipe.c. */
#ifndef HV_NATIVE_H
#define HV_NATIVE_H

#include "pipe.h"

/* Spawn the process. piped_input: upstream objects will be written to its stdin. */
HV_MUST_CHECK hv_status hv_native_start(hv_cmd *cmd, bool piped_input);
/* Feed one upstream object (as a text line) to stdin; pumps its output meanwhile. */
HV_MUST_CHECK hv_status hv_native_write(hv_cmd *cmd, hv_value v);
/* Close stdin, read the rest of the output, wait; sets $LASTEXITCODE. */
HV_MUST_CHECK hv_status hv_native_finish(hv_cmd *cmd);
/* Kill a process that is still running (pipeline stopped or failed) and reap it. */
void hv_native_kill(hv_cmd *cmd);
void hv_native_free(hv_cmd *cmd);
/* Build the argv pwsh passes for a stage's arguments (NULL-terminated, malloc'd). */
char **hv_native_argv(hv_ctx *ctx, const hv_stage *stage);

#endif
