/* hyperv_module.c — the Hyper-V module: one cmdlet table built from hyperv_list.h. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/hyperv.h"

static const hv_cmdlet_def hyperv_cmdlets[] = {
#define HVC_HV_CMDLET(pfx, nm, al, st, dflt, fl, syn, out, ex)                                     \
    {.name = nm,                                                                                   \
     .aliases = al,                                                                                \
     .sets = st,                                                                                   \
     .default_set = dflt,                                                                          \
     .params = pfx##_params,                                                                       \
     .ops = {.process = pfx##_process},                                                            \
     .flags = fl,                                                                                  \
     .synopsis = syn,                                                                              \
     .output_type = out,                                                                           \
     .examples = ex,                                                                               \
     .online = "https://learn.microsoft.com/powershell/module/hyper-v/" nm},
#include "cmdlets/hyperv_list.h"
#undef HVC_HV_CMDLET
    {.name = NULL},
};

static const hv_enum_def *const hyperv_enums[] = {
    &hvc_hv_enum_vmstate,     &hvc_hv_enum_onoff,      &hvc_hv_enum_switchtype,
    &hvc_hv_enum_startaction, &hvc_hv_enum_stopaction, &hvc_hv_enum_checkpoint,
    &hvc_hv_enum_bootdevice,  &hvc_hv_enum_controller, &hvc_hv_enum_snaptype,
    &hvc_hv_enum_vhdtype,     &hvc_hv_enum_vhdformat,  &hvc_hv_enum_bandwidth,
    &hvc_hv_enum_portmirror,  &hvc_hv_enum_vlanmode,   &hvc_hv_enum_ipproto,
    &hvc_hv_enum_consolemode, &hvc_hv_enum_bootsource, NULL,
};

const hv_module_def hv_mod_hyperv = {
    .name = "Hyper-V",
    .version = "2.0.0.0",
    .cmdlets = hyperv_cmdlets,
    .enums = hyperv_enums,
};
