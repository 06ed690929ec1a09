/* repl.h — the interactive shell (readline). */
#ifndef HV_REPL_H
#define HV_REPL_H

#include "pipeline/runtime.h"

/* Run the read-eval-print loop until Ctrl-D or `exit`. Returns the exit code. */
int hv_repl_run(hv_ctx *ctx, bool no_logo);

/* Dot-source the profile scripts that exist (unless -NoProfile) and set $PROFILE. */
void hv_repl_load_profile(hv_ctx *ctx);

#endif
