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

const hv_module_def *const *
hv_builtin_modules(void)
{
    static const hv_module_def *list[16];
    const hv_module_def *all[] = {
        &hv_mod_utility, &hv_mod_utility_data, &hv_mod_management, &hv_mod_hyperv,
        &hv_mod_netadapter, &hv_mod_nettcpip, &hv_mod_netnat, &hv_mod_dnsclient, &hv_mod_dism,
        &hv_mod_history,
    };
    size_t n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i])
            list[n++] = all[i];
    list[n] = NULL;
    return list;
}
