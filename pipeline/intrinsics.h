/* intrinsics.h — runtime-bound cmdlets (Get-Command, *-Variable, *-Alias, *-Module,
 * Export-ModuleMember, Invoke-Expression, Set-StrictMode, Invoke-Command) as modules the
 * command table indexes next to the built-in ones.  Owner: B. */
#ifndef HV_INTRINSICS_H
#define HV_INTRINSICS_H

#include "internal.h"

/* NULL-terminated list of the runtime's own modules (Microsoft.PowerShell.Core and its
 * part of Microsoft.PowerShell.Utility). */
const hv_module_def *const *hv_intrinsic_modules(void);
/* Release B's per-context state (called by hv_cmds_free). */
void hv_intrinsics_free(hv_ctx *ctx);

/* #Requires lines of a script (the raw text after "#requires", as parser/ast.h keeps them
 * in sb.requires): -Modules (built-in names such as Hyper-V, NetNat, or script modules on
 * $env:PSModulePath), -RunAsAdministrator (euid 0), -Version (<= 7.4), -PSEdition Core.
 * HV_ERR with a script-terminating ScriptRequiresException pending when one is not met.
 * E calls this before running a script file (or -Command text) that has #requires lines. */
HV_MUST_CHECK hv_status hv_requires_check(hv_ctx *ctx, const char *const *lines, size_t n,
                                          const char *script_path);

#endif
