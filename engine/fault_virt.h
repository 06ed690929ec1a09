/* fault_virt.h — the fault seam for libvirt (fault_virt.c): virt_conn.c hands its table of
 * libvirt entry points over once it is loaded; with HVSH_FAULT_AT / HVSH_FAULT_COUNT set,
 * the mutating entries are replaced by wrappers that can fail at the Nth call. */
#ifndef HV_FAULT_VIRT_H
#define HV_FAULT_VIRT_H

#include "engine/virt_int.h"

void hv_eng_fault_wrap_virt(hv_virt_api *api);

#endif
