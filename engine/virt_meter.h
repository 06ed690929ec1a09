/* virt_meter.h — Hyper-V resource metering on libvirt (virt_meter.c): the enable/reset time
 * and counter baselines live in <hv:metering> of the domain's <hv:hyperv> metadata. */
#ifndef HV_ENGINE_VIRT_METER_H
#define HV_ENGINE_VIRT_METER_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/virt.h"

typedef enum { HV_METER_ENABLE, HV_METER_DISABLE, HV_METER_RESET } hv_meter_op;

typedef struct {
    bool enabled;
    int64_t start_ms;     /* Unix ms of Enable/Reset */
    int64_t duration_ms;  /* metering duration so far */
    uint64_t avg_cpu_mhz; /* CPU time since the baseline over the duration, times host MHz */
    uint64_t ram_mb;      /* memory assigned now (0 when off) */
    uint64_t disk_mb;     /* allocated size of the VM's disk files */
    uint64_t net_in_mb, net_out_mb; /* interface traffic since the baseline */
} hv_vm_meter;

/* Enable (keeps a running metering), disable or reset metering of one VM: one atomic edit. */
int hv_virt_meter_set(hv_virt *v, const char *uuid, hv_meter_op op, hv_eng_err *err);
/* Current figures; m->enabled false (and the rest 0) when metering is off. */
int hv_virt_meter_get(hv_virt *v, const char *uuid, hv_vm_meter *m, hv_eng_err *err);
/* Is metering on (for Get-VM's ResourceMeteringEnabled)? false on any error. */
bool hv_virt_meter_enabled(hv_virt *v, const char *uuid);

#endif
