/* hyperv_meter.c — resource metering: Enable-/Disable-/Reset-VMResourceMetering and Measure-VM.
 * The engine (engine/virt_meter.c) keeps the baseline in the VM's metadata; these tables bind
 * Hyper-V's parameters and build VMMeteringReportForVirtualMachine objects. */
#include "cmdlets/hyperv.h"
#include "engine/virt_meter.h"

#include <stdlib.h>
#include <string.h>

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NAMED  HV_POS_NAMED

enum { MT_NAME, MT_VM, MT_COMPUTER, MT_CRED, MT_CIM, MT__N };
#define MT_PARAMS(first, alias)                                                                    \
    [MT_NAME] = {.name = first,                                                                    \
                 .complete = hvc_complete_vmname,                                                  \
                 .type = HV_PT_STRING,                                                             \
                 .position = 0,                                                                    \
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY | HV_PF_WILDCARDS,        \
                 .sets = HV_SET(0),                                                                \
                 .aliases = alias,                                                                 \
                 .help = "Names of the virtual machines (wildcards allowed)."},                    \
    [MT_VM] = {.name = "VM",                                                                       \
               .type = HV_PT_ANY,                                                                  \
               .position = 0,                                                                      \
               .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,                            \
               .sets = HV_SET(1),                                                                  \
               .help = "Virtual machine objects (Get-VM)."},                                       \
    [MT_COMPUTER] = {.name = "ComputerName",                                                       \
                     .type = HV_PT_STRING,                                                         \
                     .position = NAMED,                                                            \
                     .flags = HV_PF_ARRAY,                                                         \
                     .sets = HV_SET(0),                                                            \
                     .aliases = A("PSComputerName"),                                               \
                     .help = "Hyper-V hosts to run on (libvirt qemu+ssh://NAME/system, or "        \
                             "$env:HVSH_URI_TEMPLATE)."},                                          \
    [MT_CRED] = {.name = "Credential",                                                             \
                 .type = HV_PT_ANY,                                                                \
                 .position = NAMED,                                                                \
                 .flags = HV_PF_ARRAY,                                                             \
                 .sets = HV_SET(0),                                                                \
                 .help = "Accepted for compatibility; ssh keys authenticate remote hosts."},       \
    [MT_CIM] = {.name = "CimSession",                                                              \
                .type = HV_PT_ANY,                                                                 \
                .position = NAMED,                                                                 \
                .flags = HV_PF_ARRAY,                                                              \
                .sets = HV_SET(0),                                                                 \
                .help = "Accepted for compatibility; use -ComputerName."},                         \
    [MT__N] = {.name = NULL}

static const hvc_hv_sel mt_sel = {.p_name = MT_NAME, .p_vm = MT_VM, .p_computer = MT_COMPUTER};

/* ---- Enable/Disable/Reset-VMResourceMetering ---- */
static hv_status
meter_set(hv_cmd *cmd, hv_virt *v, hv_vm *vm, hv_meter_op op, const char *action)
{
    if (!hv_should_process(cmd, vm->name, action))
        return HV_OK;
    hv_eng_err err = {0};
    if (hv_virt_meter_set(v, vm->uuid, op, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    return HV_OK;
}

static hv_status
enable_one(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    return meter_set(cmd, v, vm, HV_METER_ENABLE, "Enable-VMResourceMetering");
}
static hv_status
disable_one(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    return meter_set(cmd, v, vm, HV_METER_DISABLE, "Disable-VMResourceMetering");
}
static hv_status
reset_one(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    return meter_set(cmd, v, vm, HV_METER_RESET, "Reset-VMResourceMetering");
}

const hv_param_def hvc_hv_enable_vmresourcemetering_params[] = {MT_PARAMS("VMName", NULL)};
const hv_param_def hvc_hv_disable_vmresourcemetering_params[] = {MT_PARAMS("VMName", NULL)};
const hv_param_def hvc_hv_reset_vmresourcemetering_params[] = {MT_PARAMS("VMName", NULL)};
const hv_param_def hvc_hv_measure_vm_params[] = {MT_PARAMS("Name", A("VMName"))};

hv_status
hvc_hv_enable_vmresourcemetering_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &mt_sel, enable_one, NULL);
}
hv_status
hvc_hv_disable_vmresourcemetering_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &mt_sel, disable_one, NULL);
}
hv_status
hvc_hv_reset_vmresourcemetering_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &mt_sel, reset_one, NULL);
}

/* ---- Measure-VM ---- */
static hv_value
col_traffic(const hv_value *self, const char *dir)
{
    const hv_value *r = hv_obj_get(self, "NetworkMeteredTrafficReport");
    int64_t total = 0;
    size_t n = r && r->kind == HV_ARRAY ? hv_array_len(r) : 0;
    for (size_t i = 0; i < n; i++) {
        const hv_value *e = hv_array_at(r, i);
        char *d = hvc_hv_prop_str(e, "Direction");
        const hv_value *t = hv_obj_get(e, "TotalTraffic");
        if (d && !strcmp(d, dir) && t && t->kind == HV_INT)
            total += hv_int_of(t);
        free(d);
    }
    return hv_long(total);
}
static hv_value
col_in(const hv_value *s)
{
    return col_traffic(s, "Inbound");
}
static hv_value
col_out(const hv_value *s)
{
    return col_traffic(s, "Outbound");
}

#define L(lbl, prop)                                                                               \
    {                                                                                              \
        .label = lbl, .property = prop, .align = -1                                                \
    }
static const hv_view_column report_view[] = {
    L("VMName", "VMName"),
    L("AvgCPU(MHz)", "AverageProcessorUsage"),
    L("AvgRAM(M)", "AverageMemoryUsage"),
    L("MaxRAM(M)", "MaximumMemoryUsage"),
    L("MinRAM(M)", "MinimumMemoryUsage"),
    L("TotalDisk(M)", "TotalDiskAllocation"),
    {.label = "NetworkInbound(M)", .compute = col_in, .align = -1},
    {.label = "NetworkOutbound(M)", .compute = col_out, .align = -1},
    {0}};

static const hv_obj_class cls_report = {
    .type_name = "Microsoft.HyperV.PowerShell.VMMeteringReportForVirtualMachine",
    .table_view = report_view};
static const hv_obj_class cls_traffic = {
    .type_name = "Microsoft.HyperV.PowerShell.VMNetworkAdapterPortAclMeteringReport"};

static hv_value
traffic(const char *dir, uint64_t mb)
{
    hv_value o = hv_obj_new(&cls_traffic);
    hv_obj_set(&o, "LocalAddress", hv_str(""));
    hv_obj_set(&o, "RemoteAddress", hv_str("0.0.0.0/0"));
    hv_obj_set(&o, "Direction", hv_str(dir));
    hv_obj_set(&o, "TotalTraffic", hv_intk((int64_t)mb, HV_N_UINT64));
    return o;
}

static hv_status
measure_one(hv_cmd *cmd, hv_virt *v, hv_vm *vm, void *ud)
{
    (void)ud;
    hv_vm_meter m;
    hv_eng_err err = {0};
    if (hv_virt_meter_get(v, vm->uuid, &m, &err) < 0)
        return hvc_hv_engine_error(cmd, &err, vm->name);
    if (!m.enabled)
        return hvc_hv_error(cmd, HV_CAT_InvalidOperation, "InvalidOperation", vm->name,
                            "Resource metering is not enabled for virtual machine '%s'.",
                            vm->name);
    /* Hyper-V: with static memory the three memory figures are the configured amount */
    uint64_t ram = vm->dynamic_memory ? m.ram_mb : vm->mem_startup / (1024 * 1024);
    hv_value o = hv_obj_new(&cls_report);
    char *computer = hvc_hv_computer_name(v);
    hv_obj_set(&o, "ComputerName", hv_str(computer ? computer : ""));
    free(computer);
    hv_obj_set(&o, "VMId", hvc_hv_guid(vm->uuid));
    hv_obj_set(&o, "VMName", hv_str(vm->name));
    hv_obj_set(&o, "HardDiskMetrics", hv_array_new(0));
    hv_obj_set(&o, "MeteringDuration", hv_timespan(m.duration_ms * 10000));
    hv_obj_set(&o, "AverageProcessorUsage", hv_intk((int64_t)m.avg_cpu_mhz, HV_N_UINT64));
    hv_obj_set(&o, "AverageMemoryUsage", hv_intk((int64_t)ram, HV_N_UINT64));
    hv_obj_set(&o, "MaximumMemoryUsage", hv_intk((int64_t)ram, HV_N_UINT64));
    hv_obj_set(&o, "MinimumMemoryUsage", hv_intk((int64_t)ram, HV_N_UINT64));
    hv_obj_set(&o, "TotalDiskAllocation", hv_intk((int64_t)m.disk_mb, HV_N_UINT64));
    hv_value net = hv_array_new(2);
    hv_array_push(&net, traffic("Inbound", m.net_in_mb));
    hv_array_push(&net, traffic("Outbound", m.net_out_mb));
    hv_obj_set(&o, "NetworkMeteredTrafficReport", net);
    return hv_emit(cmd, o);
}

hv_status
hvc_hv_measure_vm_process(hv_cmd *cmd, const hv_value *input)
{
    return hvc_hv_each_vm(cmd, input, &mt_sel, measure_one, NULL);
}
