/* cmdlets.h — the built-in modules, handed to the runtime by shell/main.c. */
#ifndef HV_CMDLETS_H
#define HV_CMDLETS_H

#include "pipeline/cmdlet.h"

/* Each module lives in its own file(s) and is listed in cmdlets/modules.c. Two definitions
 * with the same module name are merged by the runtime (so two files can add to Utility). */
extern const hv_module_def hv_mod_utility;     /* Microsoft.PowerShell.Utility (objects, format) */
extern const hv_module_def hv_mod_utility_data; /* Microsoft.PowerShell.Utility (json, csv, dates) */
extern const hv_module_def hv_mod_management;  /* Microsoft.PowerShell.Management */
extern const hv_module_def hv_mod_hyperv;      /* Hyper-V */
extern const hv_module_def hv_mod_netadapter;  /* NetAdapter */
extern const hv_module_def hv_mod_nettcpip;    /* NetTCPIP */
extern const hv_module_def hv_mod_netnat;      /* NetNat */
extern const hv_module_def hv_mod_dnsclient;   /* DnsClient */
extern const hv_module_def hv_mod_dism;        /* Dism / ServerManager role cmdlets */
extern const hv_module_def hv_mod_history;     /* Microsoft.PowerShell.Core: *-History */

/* Fills a NULL-terminated list of every built-in module above that is linked in (modules
 * not yet written are weak symbols and skipped). Returns the list (static storage). */
const hv_module_def *const *hv_builtin_modules(void);

#endif
