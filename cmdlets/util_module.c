/* util_module.c — the Microsoft.PowerShell.Utility module (object and formatting cmdlets).
 *
 * The runtime wants one contiguous table per module; each util_*.c file keeps its cmdlets
 * (parameters, handlers, help) together in its own const table, so the tables are
 * concatenated here once, before main runs. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/util.h"

#include <stddef.h>

enum { UTIL_MAX_CMDLETS = 64 };
static hv_cmdlet_def util_all[UTIL_MAX_CMDLETS + 1];

const hv_module_def hv_mod_utility = {
    .name = "Microsoft.PowerShell.Utility",
    .version = "7.0.0.0",
    .cmdlets = util_all,
};

__attribute__((constructor)) static void
util_collect(void)
{
    const hv_cmdlet_def *const groups[] = {
        hvc_u_defs_foreach, hvc_u_defs_select, hvc_u_defs_sort,   hvc_u_defs_measure,
        hvc_u_defs_member,  hvc_u_defs_write,  hvc_u_defs_format, hvc_u_defs_help,
        hvc_u_defs_joinstring,
    };
    size_t n = 0;
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
        for (const hv_cmdlet_def *d = groups[g]; d->name && n < UTIL_MAX_CMDLETS; d++)
            util_all[n++] = *d;
    util_all[n] = (hv_cmdlet_def){.name = NULL};
}
