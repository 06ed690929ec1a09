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
extern const hv_module_def hv_mod_utility_xml; /* Microsoft.PowerShell.Utility (XML, CLIXML) */
/* H4: host/system and network diagnostics (cmdlets/sysmods.h); merged by module name */
extern const hv_module_def hv_mod_sys_diag_mgmt;   /* Management: Test-Connection */
extern const hv_module_def hv_mod_sys_diag_tcpip;  /* NetTCPIP: Test-NetConnection, neighbors */
extern const hv_module_def hv_mod_sys_dns;         /* DnsClient: Resolve-DnsName */
extern const hv_module_def hv_mod_sys_nbr;         /* NetTCPIP: neighbors, TCP/UDP tables */
extern const hv_module_def hv_mod_sys_netsecurity; /* NetSecurity: *-NetFirewallRule */
extern const hv_module_def hv_mod_sys_svc;         /* Management: *-Service (systemd) */
extern const hv_module_def hv_mod_sys_cim;         /* CimCmdlets: Get-CimInstance/-CimClass */
extern const hv_module_def hv_mod_sys_wmi;         /* Management (5.1): Get-WmiObject */
extern const hv_module_def hv_mod_sys_util;        /* Utility: Get-FileHash, New-TemporaryFile */
extern const hv_module_def hv_mod_sys_mgmt;        /* Management: *-Computer, Get-TimeZone... */

/* Fills a NULL-terminated list of every built-in module above that is linked in (modules
 * not yet written are weak symbols and skipped). Returns the list (static storage). */
const hv_module_def *const *hv_builtin_modules(void);

#endif
