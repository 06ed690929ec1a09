/* sysmods.h — the host/system and network-diagnostic cmdlets (helper H4's files:
 * net_diag*.c, net_fw*.c, sys_*.c). Each file adds its cmdlets to a module by name; the
 * runtime merges definitions that share a module name. Prefix hvc_sys_. */
#ifndef HVC_SYSMODS_H
#define HVC_SYSMODS_H

#include "pipeline/cmdlet.h"

/* System.Net.NetworkInformation.IPStatus (net_diag.c) */
extern const hv_enum_def hvc_sys_enum_ipstatus;

#endif
