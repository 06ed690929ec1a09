/* history.h — the session history kept by the runtime (the REPL feeds it). */
#ifndef HV_HISTORY_H
#define HV_HISTORY_H

#include "cmdlet.h"

void hv_history_free(hv_ctx *ctx);

#endif
