/* hyperv_host.c — Set-VMHost: the host settings libvirt has no place for, kept in hvsh's
 * state directory (engine/virt_hostcfg.c). */
#include "cmdlets/hyperv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmdlets/hyperv_params.h"

enum {
    SH_COMPUTER,
    SH_CRED,
    SH_VHDPATH,
    SH_VMPATH,
    SH_ENHANCED,
    SH_MACMIN,
    SH_MACMAX,
    SH_NUMA,
    SH_MAXVM,
    SH_MAXSTORAGE,
    SH_MIGAUTH,
    SH_MIGPERF,
    SH_ANYNET,
    SH_METERING,
    SH_PASSTHRU,
    SH__N
};
#define ACCEPTED(nm, ty)                                                                           \
    {                                                                                              \
        .name = nm, .type = ty, .position = NAMED, .help = "Accepted; not expressed in libvirt."   \
    }
const hv_param_def hvc_hv_set_vmhost_params[] = {
    [SH_COMPUTER] = {.name = "ComputerName",
                     .type = HV_PT_STRING,
                     .position = NAMED,
                     .flags = HV_PF_ARRAY,
                     .help = "Hyper-V hosts to configure."},
    [SH_CRED] = P_CREDENTIAL(HV_ALL_SETS),
    [SH_VHDPATH] = {.name = "VirtualHardDiskPath",
                    .type = HV_PT_STRING,
                    .position = NAMED,
                    .flags = HV_PF_NO_EMPTY,
                    .help = "Default folder for virtual hard disks (New-VM -NewVHDPath with a "
                            "file name)."},
    [SH_VMPATH] = {.name = "VirtualMachinePath",
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .flags = HV_PF_NO_EMPTY,
                   .help = "Default folder for virtual machine files."},
    [SH_ENHANCED] = {.name = "EnableEnhancedSessionMode",
                     .type = HV_PT_BOOL,
                     .position = NAMED,
                     .help = "Enhanced session mode (recorded; consoles are SPICE/VNC)."},
    [SH_MACMIN] = {.name = "MacAddressMinimum",
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .help = "Lowest dynamic MAC address new adapters get."},
    [SH_MACMAX] = {.name = "MacAddressMaximum",
                   .type = HV_PT_STRING,
                   .position = NAMED,
                   .help = "Highest dynamic MAC address new adapters get."},
    [SH_NUMA] = {.name = "NumaSpanningEnabled",
                 .type = HV_PT_BOOL,
                 .position = NAMED,
                 .help = "NUMA spanning (recorded)."},
    [SH_MAXVM] = {.name = "MaximumVirtualMachineMigrations",
                  .type = HV_PT_UINT32,
                  .position = NAMED,
                  .help = "Simultaneous live migrations (recorded)."},
    [SH_MAXSTORAGE] = {.name = "MaximumStorageMigrations",
                       .type = HV_PT_UINT32,
                       .position = NAMED,
                       .help = "Simultaneous storage migrations (recorded)."},
    [SH_MIGAUTH] = ACCEPTED("VirtualMachineMigrationAuthenticationType", HV_PT_STRING),
    [SH_MIGPERF] = ACCEPTED("VirtualMachineMigrationPerformanceOption", HV_PT_STRING),
    [SH_ANYNET] = ACCEPTED("UseAnyNetworkForMigration", HV_PT_BOOL),
    [SH_METERING] = ACCEPTED("ResourceMeteringSaveInterval", HV_PT_TIMESPAN),
    [SH_PASSTHRU] = P_PASSTHRU,
    [SH__N] = {.name = NULL},
};

static bool
copy_mac(char dst[13], const char *src)
{
    char norm[18];
    if (!hv_virt_mac_normalize(src, norm))
        return false;
    hvc_hv_mac_display(norm, dst);
    return true;
}

static hv_status
set_host(hv_cmd *cmd, hv_virt *v)
{
    char *host = hvc_hv_computer_name(v);
    hv_vmhost_cfg c;
    hv_eng_err err = {0};
    hv_status st = HV_OK;
    if (hv_virt_hostcfg_load(host, &c, &err) < 0) {
        st = hvc_hv_engine_error(cmd, &err, host);
        goto out;
    }
    char *vhd = hvc_hv_arg_str(cmd, SH_VHDPATH), *vmp = hvc_hv_arg_str(cmd, SH_VMPATH),
         *mmin = hvc_hv_arg_str(cmd, SH_MACMIN), *mmax = hvc_hv_arg_str(cmd, SH_MACMAX);
    /* a folder on this machine must exist, as Hyper-V checks on its host */
    const char *dirs[2] = {vhd, vmp};
    bool bad = false;
    for (int i = 0; i < 2 && !bad; i++) {
        struct stat sb;
        if (!dirs[i])
            continue;
        bad = dirs[i][0] != '/' || (hv_virt_is_local(v) && !hv_virt_is_test(v) &&
                                    (stat(dirs[i], &sb) != 0 || !S_ISDIR(sb.st_mode)));
        if (dirs[i][0] != '/')
            st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", dirs[i],
                              "The path '%s' is not an absolute path.", dirs[i]);
        else if (bad)
            st = hvc_hv_error(cmd, HV_CAT_ObjectNotFound, "ObjectNotFound", dirs[i],
                              "The folder '%s' does not exist.", dirs[i]);
    }
    const char *badmac = NULL;
    if (mmin && !copy_mac(c.mac_min, mmin))
        badmac = mmin;
    else if (mmax && !copy_mac(c.mac_max, mmax))
        badmac = mmax;
    if (!bad && badmac) {
        bad = true;
        st = hvc_hv_error(cmd, HV_CAT_InvalidArgument, "InvalidParameter", badmac,
                          "The MAC address '%s' is not valid: use 12 hexadecimal digits.", badmac);
    }
    if (!bad) {
        if (vhd)
            snprintf(c.vhd_path, sizeof c.vhd_path, "%s", vhd);
        if (vmp)
            snprintf(c.vm_path, sizeof c.vm_path, "%s", vmp);
        c.enhanced_session = hvc_hv_arg_bool(cmd, SH_ENHANCED, c.enhanced_session);
        c.numa_spanning = hvc_hv_arg_bool(cmd, SH_NUMA, c.numa_spanning);
        c.max_vm_migrations = (int)hvc_hv_arg_int(cmd, SH_MAXVM, c.max_vm_migrations);
        c.max_storage_migrations =
            (int)hvc_hv_arg_int(cmd, SH_MAXSTORAGE, c.max_storage_migrations);
        if (hv_should_process(cmd, host, "Set-VMHost")) {
            if (hv_virt_hostcfg_save(host, &c, &err) < 0)
                st = hvc_hv_engine_error(cmd, &err, host);
            else if (hv_cmd_switch(cmd, SH_PASSTHRU))
                st = hvc_hv_emit_host(cmd, v);
        }
    }
    free(vhd);
    free(vmp);
    free(mmin);
    free(mmax);
out:
    free(host);
    return st;
}

hv_status
hvc_hv_set_vmhost_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    size_t n = 0;
    char **comps = hvc_hv_arg_strv(cmd, SH_COMPUTER, &n);
    hv_status st = HV_OK;
    for (size_t i = 0; i < (n ? n : 1) && st == HV_OK; i++) {
        hv_virt *v;
        st = hvc_hv_connect(cmd, n ? comps[i] : NULL, &v);
        if (st == HV_OK)
            st = set_host(cmd, v);
    }
    hvc_hv_strv_free(comps, n);
    return st;
}
