/* hyperv_params.h — parameter rows shared by the adapter, switch and hardware cmdlet tables
 * (hyperv_net.c, hyperv_hw.c). The VM lifecycle and checkpoint tables word their rows
 * differently and keep their own. */
#ifndef HVC_HYPERV_PARAMS_H
#define HVC_HYPERV_PARAMS_H

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NAMED  HV_POS_NAMED
#define P_COMPUTER(st)                                                                             \
    {                                                                                              \
        .name = "ComputerName", .type = HV_PT_STRING, .position = NAMED, .flags = HV_PF_ARRAY,     \
        .sets = st, .help = "Hyper-V hosts to run on."                                             \
    }
#define P_CREDENTIAL(st)                                                                           \
    {                                                                                              \
        .name = "Credential", .type = HV_PT_ANY, .position = NAMED, .flags = HV_PF_ARRAY,          \
        .sets = st, .help = "Accepted for compatibility."                                          \
    }
#define P_PASSTHRU                                                                                 \
    {                                                                                              \
        .name = "Passthru", .type = HV_PT_SWITCH, .position = NAMED,                               \
        .help = "Returns the changed object."                                                      \
    }

#endif
