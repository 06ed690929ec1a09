/* modules.c — the list of built-in modules handed to the runtime by shell/main.c. */
#include "cmdlets/cmdlets.h"

#include <stddef.h>

/* Weak so that the shell links while a module is still being written. */
#pragma weak hv_mod_utility
#pragma weak hv_mod_utility_data
#pragma weak hv_mod_management
#pragma weak hv_mod_hyperv
#pragma weak hv_mod_netadapter
#pragma weak hv_mod_nettcpip
#pragma weak hv_mod_netnat
#pragma weak hv_mod_dnsclient
#pragma weak hv_mod_dism
#pragma weak hv_mod_history
#pragma weak hv_mod_utility_xml
#pragma weak hv_mod_sys_diag_mgmt
#pragma weak hv_mod_sys_diag_tcpip
#pragma weak hv_mod_sys_dns
#pragma weak hv_mod_sys_nbr
#pragma weak hv_mod_sys_netsecurity
#pragma weak hv_mod_sys_svc
#pragma weak hv_mod_sys_cim
#pragma weak hv_mod_sys_wmi
#pragma weak hv_mod_sys_util
#pragma weak hv_mod_sys_mgmt

const hv_module_def *const *
hv_builtin_modules(void)
{
    static const hv_module_def *list[40];
    const hv_module_def *all[] = {
        &hv_mod_utility, &hv_mod_utility_data, &hv_mod_management, &hv_mod_hyperv,
        &hv_mod_netadapter, &hv_mod_nettcpip, &hv_mod_netnat, &hv_mod_dnsclient, &hv_mod_dism,
        &hv_mod_history, &hv_mod_utility_xml,
        &hv_mod_sys_diag_mgmt, &hv_mod_sys_diag_tcpip, &hv_mod_sys_dns,
        &hv_mod_sys_nbr, &hv_mod_sys_netsecurity, &hv_mod_sys_svc,
        &hv_mod_sys_cim, &hv_mod_sys_wmi, &hv_mod_sys_util, &hv_mod_sys_mgmt,
    };
    /* list holds every module plus the NULL end: grow it when this fails */
    _Static_assert(sizeof all / sizeof all[0] < sizeof list / sizeof list[0],
                   "hv_builtin_modules: list[] is too small");
    size_t n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i])
            list[n++] = all[i];
    list[n] = NULL;
    return list;
}
