/* sys_cim.c — CimCmdlets (Get-CimInstance, Get-CimClass) and Windows PowerShell's
 * Get-WmiObject for the Win32 classes lab scripts query: Win32_OperatingSystem,
 * Win32_ComputerSystem, Win32_Processor, Win32_LogicalDisk, Win32_NetworkAdapterConfiguration,
 * Win32_Service. Facts come from engine/syscim (os-release, /proc, dmi, mounts), netlink,
 * the resolver configuration and systemd (engine/syssvc). -Filter and -Query take a WQL
 * subset: comparisons = <> != < > <= >=, LIKE ('%' and '_'), IS [NOT] NULL, AND, OR, NOT,
 * parentheses. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/net.h"
#include "cmdlets/sysmods.h"
#include "engine/syscim.h"
#include "engine/syssvc.h"

#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define CIM_PREFIX "Microsoft.Management.Infrastructure.CimInstance#root/cimv2/"
#define WMI_PREFIX "System.Management.ManagementObject#root\\cimv2\\"
#define CIM_EXC "Microsoft.Management.Infrastructure.CimException"

static const char *const cim_base[] = {"Microsoft.Management.Infrastructure.CimInstance", NULL};
static const char *const wmi_base[] = {"System.Management.ManagementObject",
                                       "System.Management.ManagementBaseObject", NULL};

/* ============================ class catalogue ============================ */

typedef struct cim_class cim_class;
typedef hv_status (*cim_builder)(hv_cmd *cmd, hv_value *list);

typedef struct {
    const char *name, *cimtype;
} cim_prop;

struct cim_class {
    const char *name, *super, *key;
    cim_builder build;
    const cim_prop *props;             /* every property, in order */
    const char *const *methods;
    const hv_obj_class *cim_cls, *wmi_cls;
};

#define VC(p) {.label = p, .property = p}
static const hv_view_column os_view[] = {VC("SystemDirectory"), VC("Organization"),
                                         VC("BuildNumber"), VC("RegisteredUser"),
                                         VC("SerialNumber"), VC("Version"), {0}};
static const char *const os_list[] = {"SystemDirectory", "Organization", "BuildNumber",
                                      "RegisteredUser", "SerialNumber", "Version", NULL};
static const hv_view_column cs_view[] = {VC("Name"), VC("PrimaryOwnerName"), VC("Domain"),
                                         VC("TotalPhysicalMemory"), VC("Model"),
                                         VC("Manufacturer"), {0}};
static const char *const cs_list[] = {"Domain", "Manufacturer", "Model", "Name",
                                      "PrimaryOwnerName", "TotalPhysicalMemory", NULL};
static const hv_view_column cpu_view[] = {VC("DeviceID"), VC("Name"), VC("Caption"),
                                          VC("MaxClockSpeed"), VC("SocketDesignation"),
                                          VC("Manufacturer"), {0}};
static const char *const cpu_list[] = {"Caption", "DeviceID", "Manufacturer", "MaxClockSpeed",
                                       "Name", "SocketDesignation", NULL};
static const hv_view_column disk_view[] = {VC("DeviceID"), VC("DriveType"), VC("ProviderName"),
                                           VC("VolumeName"), VC("Size"), VC("FreeSpace"), {0}};
static const char *const disk_list[] = {"DeviceID", "DriveType", "ProviderName", "FreeSpace",
                                        "Size", "VolumeName", NULL};
static const hv_view_column nac_view[] = {VC("ServiceName"), VC("DHCPEnabled"), VC("Index"),
                                          VC("Description"), {0}};
static const char *const nac_list[] = {"DHCPEnabled", "IPAddress", "DefaultIPGateway",
                                       "DNSDomain", "ServiceName", "Description", "Index", NULL};
static const hv_view_column svc_view[] = {VC("ProcessId"), VC("Name"), VC("StartMode"),
                                          VC("State"), VC("Status"), VC("ExitCode"), {0}};
static const char *const svc_list[] = {"ExitCode", "Name", "ProcessId", "StartMode", "State",
                                       "Status", NULL};

#define OBJCLS(id, cname)                                                                     \
    static const hv_obj_class id##_cim = {.type_name = CIM_PREFIX cname,                     \
                                          .base_types = cim_base, .table_view = id##_view};   \
    static const hv_obj_class id##_wmi = {.type_name = WMI_PREFIX cname,                     \
                                          .base_types = wmi_base, .list_view = id##_list};
OBJCLS(os, "Win32_OperatingSystem")
OBJCLS(cs, "Win32_ComputerSystem")
OBJCLS(cpu, "Win32_Processor")
OBJCLS(disk, "Win32_LogicalDisk")
OBJCLS(nac, "Win32_NetworkAdapterConfiguration")
OBJCLS(svc, "Win32_Service")

static const cim_prop os_props[] = {
    {"Caption", "String"}, {"Version", "String"}, {"BuildNumber", "String"},
    {"OSArchitecture", "String"}, {"CSName", "String"}, {"Name", "String"},
    {"Manufacturer", "String"}, {"OSType", "UInt16"}, {"TotalVisibleMemorySize", "UInt64"},
    {"FreePhysicalMemory", "UInt64"}, {"TotalVirtualMemorySize", "UInt64"},
    {"FreeVirtualMemory", "UInt64"}, {"LastBootUpTime", "DateTime"},
    {"LocalDateTime", "DateTime"}, {"NumberOfProcesses", "UInt32"},
    {"SystemDirectory", "String"}, {"Organization", "String"}, {"RegisteredUser", "String"},
    {"SerialNumber", "String"}, {"Status", "String"}, {"Primary", "Boolean"}, {NULL, NULL}};
static const cim_prop cs_props[] = {
    {"Name", "String"}, {"Domain", "String"}, {"Workgroup", "String"},
    {"PartOfDomain", "Boolean"}, {"Manufacturer", "String"}, {"Model", "String"},
    {"NumberOfProcessors", "UInt32"}, {"NumberOfLogicalProcessors", "UInt32"},
    {"TotalPhysicalMemory", "UInt64"}, {"HypervisorPresent", "Boolean"},
    {"PrimaryOwnerName", "String"}, {"UserName", "String"}, {"SystemType", "String"},
    {"DNSHostName", "String"}, {"Status", "String"}, {NULL, NULL}};
static const cim_prop cpu_props[] = {
    {"DeviceID", "String"}, {"Name", "String"}, {"Caption", "String"},
    {"Manufacturer", "String"}, {"MaxClockSpeed", "UInt32"}, {"CurrentClockSpeed", "UInt32"},
    {"NumberOfCores", "UInt32"}, {"NumberOfLogicalProcessors", "UInt32"},
    {"SocketDesignation", "String"}, {"VirtualizationFirmwareEnabled", "Boolean"},
    {"SecondLevelAddressTranslationExtensions", "Boolean"},
    {"VMMonitorModeExtensions", "Boolean"}, {"AddressWidth", "UInt16"},
    {"DataWidth", "UInt16"}, {"Architecture", "UInt16"}, {"Status", "String"}, {NULL, NULL}};
static const cim_prop disk_props[] = {
    {"DeviceID", "String"}, {"DriveType", "UInt32"}, {"Description", "String"},
    {"FileSystem", "String"}, {"Size", "UInt64"}, {"FreeSpace", "UInt64"},
    {"VolumeName", "String"}, {"ProviderName", "String"}, {NULL, NULL}};
static const cim_prop nac_props[] = {
    {"Index", "UInt32"}, {"InterfaceIndex", "UInt32"}, {"Description", "String"},
    {"Caption", "String"}, {"SettingID", "String"}, {"MACAddress", "String"},
    {"IPEnabled", "Boolean"}, {"IPAddress", "StringArray"}, {"IPSubnet", "StringArray"},
    {"DefaultIPGateway", "StringArray"}, {"DNSServerSearchOrder", "StringArray"},
    {"DNSDomain", "String"}, {"DNSHostName", "String"}, {"DHCPEnabled", "Boolean"},
    {"ServiceName", "String"}, {"MTU", "UInt32"}, {NULL, NULL}};
static const cim_prop svc_props[] = {
    {"Name", "String"}, {"DisplayName", "String"}, {"Caption", "String"},
    {"Description", "String"}, {"State", "String"}, {"Status", "String"},
    {"StartMode", "String"}, {"Started", "Boolean"}, {"AcceptStop", "Boolean"},
    {"ProcessId", "UInt32"}, {"ExitCode", "UInt32"}, {"ServiceType", "String"},
    {"PathName", "String"}, {"StartName", "String"}, {NULL, NULL}};

static const char *const os_methods[] = {"Reboot", "Shutdown", "Win32Shutdown",
                                         "SetDateTime", NULL};
static const char *const cs_methods[] = {"Rename", "JoinDomainOrWorkgroup", NULL};
static const char *const cpu_methods[] = {"Reset", "SetPowerState", NULL};
static const char *const disk_methods[] = {"Chkdsk", NULL};
static const char *const nac_methods[] = {"EnableStatic", "SetGateways",
                                          "SetDNSServerSearchOrder", NULL};
static const char *const svc_methods[] = {"StartService", "StopService", "ChangeStartMode",
                                          NULL};

static hv_status build_os(hv_cmd *cmd, hv_value *list);
static hv_status build_cs(hv_cmd *cmd, hv_value *list);
static hv_status build_cpu(hv_cmd *cmd, hv_value *list);
static hv_status build_disk(hv_cmd *cmd, hv_value *list);
static hv_status build_nac(hv_cmd *cmd, hv_value *list);
static hv_status build_svc(hv_cmd *cmd, hv_value *list);

static const cim_class classes[] = {
    {"Win32_OperatingSystem", "CIM_OperatingSystem", "Name", build_os, os_props, os_methods,
     &os_cim, &os_wmi},
    {"Win32_ComputerSystem", "CIM_UnitaryComputerSystem", "Name", build_cs, cs_props,
     cs_methods, &cs_cim, &cs_wmi},
    {"Win32_Processor", "CIM_Processor", "DeviceID", build_cpu, cpu_props, cpu_methods,
     &cpu_cim, &cpu_wmi},
    {"Win32_LogicalDisk", "CIM_LogicalDisk", "DeviceID", build_disk, disk_props, disk_methods,
     &disk_cim, &disk_wmi},
    {"Win32_NetworkAdapterConfiguration", "CIM_Setting", "Index", build_nac, nac_props,
     nac_methods, &nac_cim, &nac_wmi},
    {"Win32_Service", "Win32_BaseService", "Name", build_svc, svc_props, svc_methods, &svc_cim,
     &svc_wmi},
};
#define NCLASSES (sizeof classes / sizeof classes[0])

static const cim_class *
find_class(const char *name)
{
    for (size_t i = 0; i < NCLASSES; i++)
        if (hv_str_eq_ci(classes[i].name, name))
            return &classes[i];
    return NULL;
}

/* ============================ builders ============================ */

static hv_value
dt_from_unix(int64_t secs)
{
    int64_t utc = HV_UNIX_EPOCH_TICKS + secs * HV_TICKS_PER_SEC;
    return hv_datetime(utc + (int64_t)hv_dt_local_offset(utc) * HV_TICKS_PER_SEC, HV_DT_LOCAL);
}

static void
user_name(char *out, size_t n)
{
    struct passwd *pw = getpwuid(geteuid());
    snprintf(out, n, "%s", pw ? pw->pw_name : "root");
}

static hv_status
build_os(hv_cmd *cmd, hv_value *list)
{
    (void)cmd;
    hv_sys_cim_os os;
    hv_sys_cim_os_get(&os, NULL);
    char user[128], serial[64] = "";
    user_name(user, sizeof user);
    FILE *f = fopen("/etc/machine-id", "r");
    if (f) {
        if (fgets(serial, sizeof serial, f))
            serial[strcspn(serial, "\n")] = 0;
        fclose(f);
    }
    hv_value o = hv_obj_new(NULL);
    hv_obj_set(&o, "Caption", hv_str(os.caption));
    hv_obj_set(&o, "Version", hv_str(os.version));
    hv_obj_set(&o, "BuildNumber", hv_str(os.build));
    hv_obj_set(&o, "OSArchitecture", hv_str(os.arch));
    hv_obj_set(&o, "CSName", hv_str(os.hostname));
    hv_obj_set(&o, "Name", hv_strf("%s|/", os.caption));
    hv_obj_set(&o, "Manufacturer", hv_str(""));
    hv_obj_set(&o, "OSType", hv_intk(36, HV_N_UINT16)); /* CIM: 36 = LINUX */
    hv_obj_set(&o, "TotalVisibleMemorySize", hv_uint64(os.total_kb));
    hv_obj_set(&o, "FreePhysicalMemory", hv_uint64(os.free_kb));
    hv_obj_set(&o, "TotalVirtualMemorySize", hv_uint64(os.total_kb + os.swap_total_kb));
    hv_obj_set(&o, "FreeVirtualMemory", hv_uint64(os.free_kb + os.swap_free_kb));
    hv_obj_set(&o, "LastBootUpTime", os.boot_time ? dt_from_unix(os.boot_time) : hv_null());
    hv_obj_set(&o, "LocalDateTime", hv_datetime(hv_dt_now_ticks(HV_DT_LOCAL), HV_DT_LOCAL));
    hv_obj_set(&o, "NumberOfProcesses", hv_intk(os.processes, HV_N_UINT32));
    hv_obj_set(&o, "SystemDirectory", hv_str("/usr/bin"));
    hv_obj_set(&o, "Organization", hv_str(""));
    hv_obj_set(&o, "RegisteredUser", hv_str(user));
    hv_obj_set(&o, "SerialNumber", hv_str(serial));
    hv_obj_set(&o, "Status", hv_str("OK"));
    hv_obj_set(&o, "Primary", hv_bool(true));
    hv_array_push(list, o);
    return HV_OK;
}

static hv_status
build_cs(hv_cmd *cmd, hv_value *list)
{
    (void)cmd;
    hv_sys_cim_cs cs;
    hv_sys_cim_os os;
    hv_sys_cim_cs_get(&cs, NULL);
    hv_sys_cim_os_get(&os, NULL);
    char user[128];
    user_name(user, sizeof user);
    hv_value o = hv_obj_new(NULL);
    hv_obj_set(&o, "Name", hv_str(os.hostname));
    hv_obj_set(&o, "Domain", hv_str(cs.domain));
    hv_obj_set(&o, "Workgroup", hv_str(strchr(cs.domain, '.') ? "" : cs.domain));
    hv_obj_set(&o, "PartOfDomain", hv_bool(false));
    hv_obj_set(&o, "Manufacturer", hv_str(cs.manufacturer));
    hv_obj_set(&o, "Model", hv_str(cs.model));
    hv_obj_set(&o, "NumberOfProcessors", hv_intk(cs.sockets, HV_N_UINT32));
    hv_obj_set(&o, "NumberOfLogicalProcessors", hv_intk(cs.logical, HV_N_UINT32));
    hv_obj_set(&o, "TotalPhysicalMemory", hv_uint64(cs.total_bytes));
    hv_obj_set(&o, "HypervisorPresent", hv_bool(cs.hypervisor));
    hv_obj_set(&o, "PrimaryOwnerName", hv_str(user));
    hv_obj_set(&o, "UserName", hv_str(user));
    hv_obj_set(&o, "SystemType", hv_str(!strcmp(os.machine, "x86_64") ? "x64-based PC"
                                        : !strcmp(os.machine, "aarch64") ? "ARM64-based PC"
                                                                         : os.machine));
    hv_obj_set(&o, "DNSHostName", hv_str(os.hostname));
    hv_obj_set(&o, "Status", hv_str("OK"));
    hv_array_push(list, o);
    return HV_OK;
}

static hv_status
build_cpu(hv_cmd *cmd, hv_value *list)
{
    hv_sys_cim_cpu *c;
    size_t n;
    hv_eng_err e;
    if (hv_sys_cim_cpus(&c, &n, &e) < 0)
        return hv_write_error(cmd, hv_error_new_ex(cmd, CIM_EXC, HV_CAT_ReadError, "ReadError",
                                                   NULL, "%s", e.msg));
    for (size_t i = 0; i < n; i++) {
        hv_value o = hv_obj_new(NULL);
        hv_obj_set(&o, "DeviceID", hv_strf("CPU%zu", i));
        hv_obj_set(&o, "Name", hv_str(c[i].name));
        hv_obj_set(&o, "Caption", hv_str(c[i].name));
        hv_obj_set(&o, "Manufacturer", hv_str(c[i].vendor));
        hv_obj_set(&o, "MaxClockSpeed", hv_intk(c[i].mhz, HV_N_UINT32));
        hv_obj_set(&o, "CurrentClockSpeed", hv_intk(c[i].mhz, HV_N_UINT32));
        hv_obj_set(&o, "NumberOfCores", hv_intk(c[i].cores, HV_N_UINT32));
        hv_obj_set(&o, "NumberOfLogicalProcessors", hv_intk(c[i].logical, HV_N_UINT32));
        hv_obj_set(&o, "SocketDesignation", hv_strf("CPU %u", c[i].socket));
        hv_obj_set(&o, "VirtualizationFirmwareEnabled", hv_bool(c[i].vmx));
        hv_obj_set(&o, "SecondLevelAddressTranslationExtensions", hv_bool(c[i].slat));
        hv_obj_set(&o, "VMMonitorModeExtensions", hv_bool(c[i].vmx));
        hv_obj_set(&o, "AddressWidth", hv_intk(64, HV_N_UINT16));
        hv_obj_set(&o, "DataWidth", hv_intk(64, HV_N_UINT16));
        hv_obj_set(&o, "Architecture", hv_intk(9, HV_N_UINT16));
        hv_obj_set(&o, "Status", hv_str("OK"));
        hv_array_push(list, o);
    }
    free(c);
    return HV_OK;
}

static hv_status
build_disk(hv_cmd *cmd, hv_value *list)
{
    hv_sys_cim_disk *d;
    size_t n;
    hv_eng_err e;
    if (hv_sys_cim_disks(&d, &n, &e) < 0)
        return hv_write_error(cmd, hv_error_new_ex(cmd, CIM_EXC, HV_CAT_ReadError, "ReadError",
                                                   NULL, "%s", e.msg));
    for (size_t i = 0; i < n; i++) {
        bool ram = !strcmp(d[i].fstype, "tmpfs");
        bool net = !strncmp(d[i].fstype, "nfs", 3) || !strcmp(d[i].fstype, "cifs") ||
                   !strcmp(d[i].fstype, "smb3");
        hv_value o = hv_obj_new(NULL);
        hv_obj_set(&o, "DeviceID", hv_str(d[i].mount));
        hv_obj_set(&o, "DriveType", hv_intk(ram ? 6 : net ? 4 : 3, HV_N_UINT32));
        hv_obj_set(&o, "Description", hv_str(ram ? "RAM Disk" : net ? "Network Connection"
                                                              : "Local Fixed Disk"));
        hv_obj_set(&o, "FileSystem", hv_str(d[i].fstype));
        hv_obj_set(&o, "Size", hv_uint64(d[i].size));
        hv_obj_set(&o, "FreeSpace", hv_uint64(d[i].free));
        hv_obj_set(&o, "VolumeName", hv_str(d[i].device));
        hv_obj_set(&o, "ProviderName", net ? hv_str(d[i].device) : hv_null());
        hv_array_push(list, o);
    }
    free(d);
    return HV_OK;
}

static hv_value
strv(char **v, size_t n)
{
    if (!n)
        return hv_null();
    hv_value a = hv_array_new(n);
    for (size_t i = 0; i < n; i++)
        hv_array_push(&a, hv_str(v[i]));
    return a;
}

static void
mask_text(int prefix, char *out, size_t n)
{
    uint32_t m = prefix ? 0xffffffffu << (32 - prefix) : 0;
    snprintf(out, n, "%u.%u.%u.%u", m >> 24, (m >> 16) & 255, (m >> 8) & 255, m & 255);
}

static hv_status
build_nac(hv_cmd *cmd, hv_value *list)
{
    hv_nl *nl;
    hv_status st = hvc_net_open(cmd, &nl);
    if (st != HV_OK)
        return st;
    hv_nl_link *links = NULL;
    hv_nl_addr *addrs = NULL;
    hv_nl_route *routes = NULL;
    size_t nlk = 0, na = 0, nr = 0;
    hv_nl_links(nl, &links, &nlk, NULL);
    hv_nl_addrs(nl, AF_UNSPEC, 0, &addrs, &na, NULL);
    hv_nl_routes(nl, AF_UNSPEC, &routes, &nr, NULL);
    char **sys = NULL;
    size_t nsys = 0;
    hv_dns_conf_servers(hv_dns_conf_path(), &sys, &nsys, NULL);
    hv_netstate *ns = NULL;
    if (hv_netstate_load(&ns, NULL) < 0)
        ns = NULL;
    hv_sys_cim_cs cs;
    hv_sys_cim_cs_get(&cs, NULL);
    hv_sys_cim_os os;
    hv_sys_cim_os_get(&os, NULL);
    for (size_t i = 0; i < nlk; i++) {
        const hv_nl_link *l = &links[i];
        char *ips[64], *subs[64], *gws[16];
        char ipb[64][64], subb[64][64], gwb[16][64];
        size_t nip = 0, ngw = 0;
        for (size_t k = 0; k < na && nip < 64; k++) {
            if (addrs[k].ifindex != l->ifindex)
                continue;
            hv_nl_ip_format(&addrs[k].addr, ipb[nip], 64);
            if (addrs[k].addr.family == AF_INET)
                mask_text(addrs[k].prefixlen, subb[nip], 64);
            else
                snprintf(subb[nip], 64, "%d", addrs[k].prefixlen);
            ips[nip] = ipb[nip];
            subs[nip] = subb[nip];
            nip++;
        }
        bool dflt = false;
        for (size_t k = 0; k < nr && ngw < 16; k++)
            if (routes[k].oif == l->ifindex && routes[k].dst_len == 0) {
                dflt = true;
                if (routes[k].has_gateway) {
                    hv_nl_ip_format(&routes[k].gateway, gwb[ngw], 64);
                    gws[ngw] = gwb[ngw];
                    ngw++;
                }
            }
        const char *name = hv_nl_link_display_name(l);
        const hv_ns_dns *own = ns ? hv_netstate_dns_get(ns, name) : NULL;
        char *dns[HV_NS_MAX_DNS];
        size_t ndns = 0;
        if (own)
            for (size_t k = 0; k < own->n; k++)
                dns[ndns++] = (char *)own->servers[k];
        else if (dflt)
            for (size_t k = 0; k < nsys && ndns < HV_NS_MAX_DNS; k++)
                dns[ndns++] = sys[k];
        char mac[32] = "";
        if (l->mac_len == 6 && l->link_type != 772 /* ARPHRD_LOOPBACK */)
            snprintf(mac, sizeof mac, "%02X:%02X:%02X:%02X:%02X:%02X", l->mac[0], l->mac[1],
                     l->mac[2], l->mac[3], l->mac[4], l->mac[5]);
        hv_value o = hv_obj_new(NULL);
        hv_obj_set(&o, "Index", hv_intk(l->ifindex, HV_N_UINT32));
        hv_obj_set(&o, "InterfaceIndex", hv_intk(l->ifindex, HV_N_UINT32));
        hv_obj_set(&o, "Description", hv_str(name));
        hv_obj_set(&o, "Caption", hv_strf("[%08d] %s", l->ifindex, name));
        hv_obj_set(&o, "SettingID", hv_str(l->name));
        hv_obj_set(&o, "MACAddress", mac[0] ? hv_str(mac) : hv_null());
        hv_obj_set(&o, "IPEnabled", hv_bool(nip > 0));
        hv_obj_set(&o, "IPAddress", strv(ips, nip));
        hv_obj_set(&o, "IPSubnet", strv(subs, nip));
        hv_obj_set(&o, "DefaultIPGateway", strv(gws, ngw));
        hv_obj_set(&o, "DNSServerSearchOrder", strv(dns, ndns));
        hv_obj_set(&o, "DNSDomain", strcmp(cs.domain, "WORKGROUP") && dflt ? hv_str(cs.domain) : hv_null());
        hv_obj_set(&o, "DNSHostName", hv_str(os.hostname));
        hv_obj_set(&o, "DHCPEnabled", hv_bool(false));
        hv_obj_set(&o, "ServiceName", hv_str(l->driver[0] ? l->driver : l->kind[0] ? l->kind : l->name));
        hv_obj_set(&o, "MTU", hv_intk(l->mtu, HV_N_UINT32));
        hv_array_push(list, o);
    }
    hv_netstate_close(ns);
    hv_dns_strv_free(sys, nsys);
    free(links);
    free(addrs);
    free(routes);
    hv_nl_close(nl);
    return HV_OK;
}

static hv_status
build_svc(hv_cmd *cmd, hv_value *list)
{
    hv_sys_svc *v;
    size_t n;
    hv_eng_err e;
    if (hv_sys_svc_list(&v, &n, &e) < 0) {
        hv_value t = hv_str("Win32_Service");
        hv_status s = hv_write_error(cmd, hv_error_new_ex(cmd, CIM_EXC, HV_CAT_ResourceUnavailable,
                                                          "SystemctlFailed", &t,
                                                          "Cannot read the services from "
                                                          "systemd: %s", e.msg));
        hv_unref(t);
        return s;
    }
    for (size_t i = 0; i < n; i++) {
        const char *st = hv_sys_svc_status(&v[i]), *start = hv_sys_svc_start_type(&v[i]);
        const char *desc = v[i].description[0] ? v[i].description : v[i].name;
        hv_value o = hv_obj_new(NULL);
        hv_obj_set(&o, "Name", hv_str(v[i].name));
        hv_obj_set(&o, "DisplayName", hv_str(desc));
        hv_obj_set(&o, "Caption", hv_str(desc));
        hv_obj_set(&o, "Description", hv_str(desc));
        hv_obj_set(&o, "State", hv_str(!strcmp(st, "StartPending") ? "Start Pending"
                                       : !strcmp(st, "StopPending") ? "Stop Pending" : st));
        hv_obj_set(&o, "Status", hv_str("OK"));
        hv_obj_set(&o, "StartMode", hv_str(!strcmp(start, "Automatic") ? "Auto" : start));
        hv_obj_set(&o, "Started", hv_bool(!strcmp(st, "Running")));
        hv_obj_set(&o, "AcceptStop", hv_bool(v[i].can_stop && !strcmp(st, "Running")));
        hv_obj_set(&o, "ProcessId", hv_intk(v[i].main_pid, HV_N_UINT32));
        hv_obj_set(&o, "ExitCode", hv_intk(0, HV_N_UINT32));
        hv_obj_set(&o, "ServiceType", hv_str("Own Process"));
        hv_obj_set(&o, "PathName", hv_null());
        hv_obj_set(&o, "StartName", hv_null());
        hv_array_push(list, o);
    }
    free(v);
    return HV_OK;
}

/* ============================ WQL ============================ */

typedef enum { T_END, T_IDENT, T_STR, T_NUM, T_OP, T_LP, T_RP, T_COMMA, T_STAR, T_BAD } tok_kind;
typedef struct {
    const char *s;
    size_t i;
    tok_kind k;
    char text[512];
} wql;

static void
next(wql *w)
{
    const char *s = w->s;
    while (isspace((unsigned char)s[w->i]))
        w->i++;
    char c = s[w->i];
    w->text[0] = 0;
    if (!c) {
        w->k = T_END;
        return;
    }
    if (c == '(' || c == ')' || c == ',' || c == '*') {
        w->k = c == '(' ? T_LP : c == ')' ? T_RP : c == ',' ? T_COMMA : T_STAR;
        w->i++;
        return;
    }
    if (c == '\'' || c == '"') {
        size_t o = 0;
        w->i++;
        while (s[w->i] && s[w->i] != c && o + 1 < sizeof w->text) {
            if (s[w->i] == '\\' && s[w->i + 1])
                w->i++;
            w->text[o++] = s[w->i++];
        }
        w->text[o] = 0;
        if (s[w->i] != c) {
            w->k = T_BAD;
            return;
        }
        w->i++;
        w->k = T_STR;
        return;
    }
    if (strchr("=<>!", c)) {
        size_t o = 0;
        while (strchr("=<>!", s[w->i]) && s[w->i] && o < 2)
            w->text[o++] = s[w->i++];
        w->text[o] = 0;
        w->k = T_OP;
        return;
    }
    if (isdigit((unsigned char)c) || (c == '-' && isdigit((unsigned char)s[w->i + 1]))) {
        size_t o = 0;
        while ((isalnum((unsigned char)s[w->i]) || s[w->i] == '.' || s[w->i] == '-') &&
               o + 1 < sizeof w->text)
            w->text[o++] = s[w->i++];
        w->text[o] = 0;
        w->k = T_NUM;
        return;
    }
    if (isalpha((unsigned char)c) || c == '_') {
        size_t o = 0;
        while ((isalnum((unsigned char)s[w->i]) || s[w->i] == '_') && o + 1 < sizeof w->text)
            w->text[o++] = s[w->i++];
        w->text[o] = 0;
        w->k = T_IDENT;
        return;
    }
    w->k = T_BAD;
}

static bool
kw(const wql *w, const char *k)
{
    return w->k == T_IDENT && !strcasecmp(w->text, k);
}

typedef struct {
    hv_ctx *ctx;
    const hv_value *obj;   /* NULL: only check syntax and property names */
    const cim_class *cls;
    bool bad;
} weval;

static bool
has_prop(const cim_class *c, const char *name)
{
    for (const cim_prop *p = c->props; p->name; p++)
        if (!strcasecmp(p->name, name))
            return true;
    return false;
}

/* WQL LIKE: % = any run, _ = one character, [..] sets; case-insensitive. */
static bool
like(const char *pat, const char *s)
{
    char buf[1024];
    size_t o = 0;
    for (const char *p = pat; *p && o + 2 < sizeof buf; p++) {
        if (*p == '%')
            buf[o++] = '*';
        else if (*p == '_')
            buf[o++] = '?';
        else if (*p == '*' || *p == '?' || *p == '`') {
            buf[o++] = '`';
            buf[o++] = *p;
        } else
            buf[o++] = *p;
    }
    buf[o] = 0;
    return hv_wildcard_match(buf, s, false);
}

static int
compare(const hv_value *v, const wql *lit, bool *ok)
{
    *ok = true;
    if (lit->k == T_NUM) {
        double a, b = atof(lit->text);
        hv_conv_err e;
        if (!hv_conv_to_double(v, &a, &e)) {
            *ok = false;
            return 0;
        }
        return a < b ? -1 : a > b;
    }
    if (lit->k == T_IDENT && (!strcasecmp(lit->text, "TRUE") || !strcasecmp(lit->text, "FALSE"))) {
        bool a = hv_conv_to_bool(v), b = !strcasecmp(lit->text, "TRUE");
        return a == b ? 0 : a ? 1 : -1;
    }
    hv_value s = hv_conv_to_string(v, NULL);
    int r = hv_str_cmp_ci(hv_str_cstr(&s), lit->text);
    hv_unref(s);
    return r < 0 ? -1 : r > 0;
}

static bool cond_or(wql *w, weval *ev);

static bool
cond_atom(wql *w, weval *ev)
{
    if (kw(w, "NOT")) {
        next(w);
        return !cond_atom(w, ev);
    }
    if (w->k == T_LP) {
        next(w);
        bool r = cond_or(w, ev);
        if (w->k != T_RP)
            ev->bad = true;
        next(w);
        return r;
    }
    if (w->k != T_IDENT) {
        ev->bad = true;
        return false;
    }
    char prop[256];
    snprintf(prop, sizeof prop, "%.255s", w->text);
    if (!has_prop(ev->cls, prop))
        ev->bad = true;
    next(w);
    const hv_value *v = ev->obj ? hv_obj_get(ev->obj, prop) : NULL;
    hv_value nul = hv_null();
    if (!v)
        v = &nul;
    if (kw(w, "IS")) {
        next(w);
        bool neg = kw(w, "NOT");
        if (neg)
            next(w);
        if (!kw(w, "NULL"))
            ev->bad = true;
        next(w);
        return (v->kind == HV_NULL) != neg;
    }
    bool is_like = kw(w, "LIKE");
    char op[4] = "";
    if (!is_like) {
        if (w->k != T_OP) {
            ev->bad = true;
            return false;
        }
        snprintf(op, sizeof op, "%.3s", w->text);
    }
    next(w);
    if (w->k != T_STR && w->k != T_NUM && !(w->k == T_IDENT && (kw(w, "TRUE") || kw(w, "FALSE") || kw(w, "NULL")))) {
        ev->bad = true;
        return false;
    }
    wql lit = *w;
    next(w);
    if (!ev->obj)
        return false;
    if (lit.k == T_IDENT && !strcasecmp(lit.text, "NULL"))
        return (v->kind == HV_NULL) == (strcmp(op, "=") == 0);
    if (v->kind == HV_NULL)
        return !strcmp(op, "<>") || !strcmp(op, "!=");
    /* an array property matches when one element does (IPAddress = '10.0.0.1') */
    size_t cnt = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
    for (size_t i = 0; i < cnt; i++) {
        const hv_value *e = v->kind == HV_ARRAY ? hv_array_at(v, i) : v;
        if (is_like) {
            hv_value s = hv_conv_to_string(e, NULL);
            bool m = like(lit.text, hv_str_cstr(&s));
            hv_unref(s);
            if (m)
                return true;
            continue;
        }
        bool ok;
        int c = compare(e, &lit, &ok);
        if (!ok)
            continue;
        bool m = !strcmp(op, "=") ? c == 0 : !strcmp(op, "<>") || !strcmp(op, "!=") ? c != 0
               : !strcmp(op, "<") ? c < 0 : !strcmp(op, ">") ? c > 0
               : !strcmp(op, "<=") ? c <= 0 : !strcmp(op, ">=") ? c >= 0 : (ev->bad = true, false);
        if (m)
            return true;
    }
    return false;
}

static bool
cond_and(wql *w, weval *ev)
{
    bool r = cond_atom(w, ev);
    while (kw(w, "AND")) {
        next(w);
        bool b = cond_atom(w, ev);
        r = r && b;
    }
    return r;
}

static bool
cond_or(wql *w, weval *ev)
{
    bool r = cond_and(w, ev);
    while (kw(w, "OR")) {
        next(w);
        bool b = cond_and(w, ev);
        r = r || b;
    }
    return r;
}

/* Evaluate filter text on obj (NULL = syntax check). *bad on a syntax error. */
static bool
wql_match(const char *filter, const cim_class *cls, hv_ctx *ctx, const hv_value *obj, bool *bad)
{
    wql w = {.s = filter};
    next(&w);
    weval ev = {.ctx = ctx, .obj = obj, .cls = cls};
    bool r = cond_or(&w, &ev);
    if (w.k != T_END)
        ev.bad = true;
    *bad = ev.bad;
    return r && !ev.bad;
}

/* "SELECT a, b FROM cls [WHERE cond]" -> class, property list (NULL = *), where text. */
static bool
wql_select(const char *q, char *cls, size_t cn, char ***props, size_t *np, const char **where)
{
    wql w = {.s = q};
    *props = NULL;
    *np = 0;
    *where = NULL;
    next(&w);
    if (!kw(&w, "SELECT"))
        return false;
    next(&w);
    if (w.k == T_STAR) {
        next(&w);
    } else {
        for (;;) {
            if (w.k != T_IDENT)
                return false;
            *props = hv_xrealloc(*props, (*np + 1) * sizeof **props);
            (*props)[(*np)++] = hv_xstrdup(w.text);
            next(&w);
            if (w.k != T_COMMA)
                break;
            next(&w);
        }
    }
    if (!kw(&w, "FROM"))
        return false;
    next(&w);
    if (w.k != T_IDENT)
        return false;
    snprintf(cls, cn, "%.255s", w.text);
    next(&w);
    if (w.k == T_END)
        return true;
    if (!kw(&w, "WHERE"))
        return false;
    *where = q + w.i; /* the rest of the text after WHERE */
    return true;
}

/* ============================ cmdlets ============================ */

static hv_status
cim_error(hv_cmd *cmd, const char *hresult, hv_err_category cat, const char *target,
          const char *msg)
{
    hv_value t = hv_str(target);
    hv_value rec = hv_error_new_ex(cmd, CIM_EXC, cat, hresult, &t, "%s", msg);
    hv_unref(t);
    return hv_write_error(cmd, rec);
}

static bool
namespace_ok(const char *ns)
{
    if (!ns)
        return true;
    char b[128];
    size_t o = 0;
    for (const char *p = ns; *p && o + 1 < sizeof b; p++)
        b[o++] = *p == '\\' ? '/' : *p;
    b[o] = 0;
    return !strcasecmp(b, "root/cimv2") || !strcasecmp(b, "/root/cimv2");
}

/* Build, filter, project and emit the instances of a class. */
static hv_status
emit_class(hv_cmd *cmd, const cim_class *c, const char *filter, char **props, size_t np,
           bool wmi)
{
    bool bad = false;
    if (filter && *filter) {
        wql_match(filter, c, hv_cmd_ctx(cmd), NULL, &bad);
        if (bad)
            return cim_error(cmd, "HRESULT 0x80041017", HV_CAT_InvalidArgument, filter,
                             "Invalid query ");
    }
    for (size_t i = 0; i < np; i++)
        if (!has_prop(c, props[i]) && strcmp(props[i], "*"))
            return cim_error(cmd, "HRESULT 0x80041017", HV_CAT_InvalidArgument, props[i],
                             "Invalid query ");
    hv_value list = hv_array_new(4);
    hv_status st = c->build(cmd, &list);
    for (size_t i = 0; i < hv_array_len(&list) && st == HV_OK; i++) {
        const hv_value *raw = hv_array_at(&list, i);
        if (filter && *filter && !wql_match(filter, c, hv_cmd_ctx(cmd), raw, &bad))
            continue;
        hv_value o = hv_obj_new(wmi ? c->wmi_cls : c->cim_cls);
        if (wmi) {
            hv_obj_set(&o, "__GENUS", hv_int(2));
            hv_obj_set(&o, "__CLASS", hv_str(c->name));
            hv_obj_set(&o, "__SUPERCLASS", hv_str(c->super));
            hv_obj_set(&o, "__NAMESPACE", hv_str("root\\cimv2"));
        }
        for (size_t k = 0; k < hv_obj_count(raw); k++) {
            const char *name = hv_obj_name_at(raw, k);
            bool keep = !np || !strcasecmp(name, c->key);
            for (size_t j = 0; j < np && !keep; j++)
                keep = !strcasecmp(props[j], name) || !strcmp(props[j], "*");
            hv_obj_set(&o, name, keep ? hv_ref(hv_obj_value_at(raw, k)) : hv_null());
        }
        if (!wmi) {
            hv_obj_set(&o, "PSComputerName", hv_null());
            hv_obj_set(&o, "CimClass", hv_strf("root/cimv2:%s", c->name));
        }
        st = hv_emit(cmd, o);
    }
    hv_unref(list);
    return st;
}

/* ---- Get-CimInstance ---- */

enum { CI_CLASS, CI_QUERY, CI_FILTER, CI_PROPERTY, CI_NS, CI_DIALECT, CI_KEYONLY, CI_SHALLOW,
       CI_COMPUTER, CI_SESSION, CI_TIMEOUT, CI__N };
static const char *const ci_sets[] = {"ClassNameComputerSet", "QueryComputerSet", NULL};
static const char *const al_cn[] = {"CN", "ServerName", NULL};
static const char *const al_ot[] = {"OT", NULL};
static const hv_param_def ci_params[CI__N + 1] = {
    [CI_CLASS] = {.name = "ClassName", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_MANDATORY, .sets = HV_SET(0),
                  .help = "Win32_OperatingSystem, Win32_ComputerSystem, Win32_Processor, "
                          "Win32_LogicalDisk, Win32_NetworkAdapterConfiguration or "
                          "Win32_Service."},
    [CI_QUERY] = {.name = "Query", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY, .sets = HV_SET(1),
                  .help = "A WQL query: SELECT <properties|*> FROM <class> [WHERE <condition>]."},
    [CI_FILTER] = {.name = "Filter", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .sets = HV_SET(0),
                   .help = "A WQL where clause: = <> < > <= >= LIKE, IS NULL, AND, OR, NOT."},
    [CI_PROPERTY] = {.name = "Property", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY, .sets = HV_SET(0), .aliases = (const char *const[]){"SelectProperties", NULL},
                     .help = "Properties to fill in (the others stay empty)."},
    [CI_NS] = {.name = "Namespace", .type = HV_PT_STRING, .position = HV_POS_NAMED,
               .help = "Only root/cimv2 exists here."},
    [CI_DIALECT] = {.name = "QueryDialect", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(1), .help = "WQL (the only dialect)."},
    [CI_KEYONLY] = {.name = "KeyOnly", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = HV_SET(0), .help = "Fill in the key property only."},
    [CI_SHALLOW] = {.name = "Shallow", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "Accepted (no subclasses here)."},
    [CI_COMPUTER] = {.name = "ComputerName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY, .aliases = al_cn,
                     .help = "Accepted for the local computer only."},
    [CI_SESSION] = {.name = "CimSession", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY, .help = "Accepted for compatibility."},
    [CI_TIMEOUT] = {.name = "OperationTimeoutSec", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                    .aliases = al_ot, .help = "Accepted for compatibility."},
};

static hv_status
run_query(hv_cmd *cmd, const char *ns, const char *cls_name, const char *filter, char **props,
          size_t np, bool wmi, bool keyonly)
{
    if (!namespace_ok(ns))
        return cim_error(cmd, "HRESULT 0x8004100e", HV_CAT_MetadataError, ns,
                         "Invalid namespace ");
    const cim_class *c = find_class(cls_name);
    if (!c) {
        char t[300];
        snprintf(t, sizeof t, "root/cimv2:%s", cls_name);
        return cim_error(cmd, "HRESULT 0x80041010", HV_CAT_MetadataError, t, "Invalid class ");
    }
    if (keyonly) {
        char *k[1] = {(char *)c->key};
        return emit_class(cmd, c, filter, k, 1, wmi);
    }
    return emit_class(cmd, c, filter, props, np, wmi);
}

static hv_status
query_text(hv_cmd *cmd, const char *ns, const char *q, bool wmi)
{
    char cls[256];
    char **props;
    size_t np;
    const char *where;
    hv_status st;
    if (!wql_select(q, cls, sizeof cls, &props, &np, &where))
        st = cim_error(cmd, "HRESULT 0x80041017", HV_CAT_InvalidArgument, q, "Invalid query ");
    else
        st = run_query(cmd, ns, cls, where, props, np, wmi, false);
    for (size_t i = 0; i < np; i++)
        free(props[i]);
    free(props);
    return st;
}

static char **
props_arg(hv_cmd *cmd, int idx, size_t *n)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    *n = 0;
    if (!v)
        return NULL;
    size_t len = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
    char **out = hv_xcalloc(len + 1, sizeof *out);
    for (size_t i = 0; i < len; i++) {
        const hv_value *e = v->kind == HV_ARRAY ? hv_array_at(v, i) : v;
        if (e->kind == HV_STRING)
            out[(*n)++] = (char *)hv_str_cstr(e);
    }
    return out;
}

static hv_status
ci_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *nsv = hv_cmd_arg(cmd, CI_NS);
    const char *ns = nsv && nsv->kind == HV_STRING ? hv_str_cstr(nsv) : NULL;
    if (hv_cmd_set_index(cmd) == 1)
        return query_text(cmd, ns, hv_str_cstr(hv_cmd_arg(cmd, CI_QUERY)), false);
    const hv_value *f = hv_cmd_arg(cmd, CI_FILTER);
    size_t np;
    char **props = props_arg(cmd, CI_PROPERTY, &np);
    hv_status st = run_query(cmd, ns, hv_str_cstr(hv_cmd_arg(cmd, CI_CLASS)),
                             f && f->kind == HV_STRING ? hv_str_cstr(f) : NULL, props, np, false,
                             hv_cmd_switch(cmd, CI_KEYONLY));
    free(props);
    return st;
}

/* ---- Get-WmiObject (Windows PowerShell 5.1; kept for lab scripts) ---- */

enum { WO_CLASS, WO_PROPERTY, WO_FILTER, WO_QUERY, WO_NS, WO_LIST, WO_COMPUTER, WO__N };
static const hv_param_def wo_params[WO__N + 1] = {
    [WO_CLASS] = {.name = "Class", .type = HV_PT_STRING, .position = 0, .flags = HV_PF_MANDATORY,
                  .sets = HV_SET(0), .aliases = (const char *const[]){"ClassName", NULL},
                  .help = "The Win32 class to read."},
    [WO_PROPERTY] = {.name = "Property", .type = HV_PT_STRING, .position = 1,
                     .flags = HV_PF_ARRAY, .sets = HV_SET(0),
                     .help = "Properties to fill in (the others stay empty)."},
    [WO_FILTER] = {.name = "Filter", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .sets = HV_SET(0), .help = "A WQL where clause."},
    [WO_QUERY] = {.name = "Query", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY, .sets = HV_SET(1), .help = "A WQL SELECT query."},
    [WO_NS] = {.name = "Namespace", .type = HV_PT_STRING, .position = HV_POS_NAMED,
               .aliases = (const char *const[]){"NS", NULL}, .help = "Only root\\cimv2 exists here."},
    [WO_LIST] = {.name = "List", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .flags = HV_PF_MANDATORY, .sets = HV_SET(2),
                 .help = "The names of the classes hvsh provides."},
    [WO_COMPUTER] = {.name = "ComputerName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY, .aliases = al_cn,
                     .help = "Accepted for the local computer only."},
};
static const char *const wo_sets[] = {"query", "WQLQuery", "list", NULL};

static hv_value
class_obj(const cim_class *c)
{
    static const hv_view_column cc_view[] = {VC("CimClassName"), VC("CimClassMethods"),
                                             VC("CimClassProperties"), {0}};
    static const hv_obj_class cls_cc = {.type_name = "Microsoft.Management.Infrastructure.CimClass",
                                        .table_view = cc_view};
    hv_value o = hv_obj_new(&cls_cc);
    hv_obj_set(&o, "CimClassName", hv_str(c->name));
    hv_obj_set(&o, "CimSuperClassName", hv_str(c->super));
    hv_value m = hv_array_new(4), p = hv_array_new(16);
    for (const char *const *x = c->methods; *x; x++)
        hv_array_push(&m, hv_str(*x));
    for (const cim_prop *x = c->props; x->name; x++)
        hv_array_push(&p, hv_str(x->name));
    hv_obj_set(&o, "CimClassMethods", m);
    hv_obj_set(&o, "CimClassProperties", p);
    hv_value types = hv_table_new(HV_TABLE_ORDERED);
    for (const cim_prop *x = c->props; x->name; x++)
        hv_table_sets(&types, x->name, hv_str(x->cimtype));
    hv_obj_set(&o, "CimClassPropertyTypes", types);
    hv_obj_set(&o, "CimSystemProperties", hv_strf("root/cimv2:%s", c->name));
    return o;
}

static hv_status
wo_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *nsv = hv_cmd_arg(cmd, WO_NS);
    const char *ns = nsv && nsv->kind == HV_STRING ? hv_str_cstr(nsv) : NULL;
    int set = hv_cmd_set_index(cmd);
    if (set == 2) {
        hv_status st = HV_OK;
        for (size_t i = 0; i < NCLASSES && st == HV_OK; i++)
            st = hv_emit(cmd, class_obj(&classes[i]));
        return st;
    }
    if (set == 1)
        return query_text(cmd, ns, hv_str_cstr(hv_cmd_arg(cmd, WO_QUERY)), true);
    const hv_value *f = hv_cmd_arg(cmd, WO_FILTER);
    size_t np;
    char **props = props_arg(cmd, WO_PROPERTY, &np);
    hv_status st = run_query(cmd, ns, hv_str_cstr(hv_cmd_arg(cmd, WO_CLASS)),
                             f && f->kind == HV_STRING ? hv_str_cstr(f) : NULL, props, np, true,
                             false);
    free(props);
    return st;
}

/* ---- Get-CimClass ---- */

enum { CC_CLASS, CC_NS, CC_PROP, CC_METHOD, CC_QUAL, CC_COMPUTER, CC__N };
static const hv_param_def cc_params[CC__N + 1] = {
    [CC_CLASS] = {.name = "ClassName", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_WILDCARDS, .help = "Class names; wildcards allowed."},
    [CC_NS] = {.name = "Namespace", .type = HV_PT_STRING, .position = 1,
               .help = "Only root/cimv2 exists here."},
    [CC_PROP] = {.name = "PropertyName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .flags = HV_PF_WILDCARDS, .help = "Only classes with such a property."},
    [CC_METHOD] = {.name = "MethodName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .flags = HV_PF_WILDCARDS, .help = "Only classes with such a method."},
    [CC_QUAL] = {.name = "QualifierName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .help = "Accepted for compatibility."},
    [CC_COMPUTER] = {.name = "ComputerName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY, .aliases = al_cn,
                     .help = "Accepted for the local computer only."},
};

static hv_status
cc_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *nsv = hv_cmd_arg(cmd, CC_NS);
    const char *ns = nsv && nsv->kind == HV_STRING ? hv_str_cstr(nsv) : NULL;
    if (!namespace_ok(ns))
        return cim_error(cmd, "HRESULT 0x8004100e", HV_CAT_MetadataError, ns,
                         "Invalid namespace ");
    const hv_value *cv = hv_cmd_arg(cmd, CC_CLASS), *pv = hv_cmd_arg(cmd, CC_PROP),
                   *mv = hv_cmd_arg(cmd, CC_METHOD);
    const char *pat = cv ? hv_str_cstr(cv) : "*";
    hv_status st = HV_OK;
    size_t hits = 0;
    for (size_t i = 0; i < NCLASSES && st == HV_OK; i++) {
        const cim_class *c = &classes[i];
        if (!hv_wildcard_match(pat, c->name, false))
            continue;
        bool ok = !pv && !mv;
        for (const cim_prop *x = c->props; pv && x->name && !ok; x++)
            ok = hv_wildcard_match(hv_str_cstr(pv), x->name, false);
        for (const char *const *x = c->methods; mv && *x && !ok; x++)
            ok = hv_wildcard_match(hv_str_cstr(mv), *x, false);
        if (!ok)
            continue;
        hits++;
        st = hv_emit(cmd, class_obj(c));
    }
    if (st == HV_OK && !hits && !hv_wildcard_has_meta(pat)) {
        char t[300];
        snprintf(t, sizeof t, "root/cimv2:%s", pat);
        st = cim_error(cmd, "HRESULT 0x80041002", HV_CAT_ObjectNotFound, t, "Not found ");
    }
    return st;
}

/* ---- tables ---- */

#define CIM_ONLINE(x) "https://learn.microsoft.com/powershell/module/cimcmdlets/" x
static const hv_example ex_ci[] = {
    {.title = "Operating system facts",
     .code = "Get-CimInstance -ClassName Win32_OperatingSystem | Select-Object Caption, Version, LastBootUpTime"},
    {.title = "Local disks with less than 10 GB free",
     .code = "Get-CimInstance Win32_LogicalDisk -Filter \"DriveType = 3 AND FreeSpace < 10737418240\""},
    {.title = "A WQL query", .code = "Get-CimInstance -Query \"SELECT Name, State FROM Win32_Service WHERE State = 'Running'\""},
    {0}};
static const hv_example ex_wo[] = {
    {.title = "Can this host run Hyper-V-style VMs?",
     .code = "Get-WmiObject Win32_Processor | Select-Object Name, VirtualizationFirmwareEnabled, SecondLevelAddressTranslationExtensions"},
    {0}};
static const hv_example ex_cc[] = {
    {.title = "Classes hvsh provides", .code = "Get-CimClass -ClassName Win32_*"}, {0}};

static const hv_cmdlet_def cim_cmdlets[] = {
    {.name = "Get-CimInstance", .aliases = (const char *const[]){"gcim", NULL}, .sets = ci_sets,
     .default_set = 0, .params = ci_params, .ops = {.process = ci_process}, .examples = ex_ci,
     .synopsis = "Gets the CIM instances of a class from a CIM server.",
     .description = "The Win32 classes lab scripts query, from the Linux host: "
                    "Win32_OperatingSystem (os-release, kernel, memory, boot time), "
                    "Win32_ComputerSystem, Win32_Processor (VirtualizationFirmwareEnabled = "
                    "vmx/svm, SecondLevelAddressTranslationExtensions = ept/npt), "
                    "Win32_LogicalDisk (mounted file systems, statvfs), "
                    "Win32_NetworkAdapterConfiguration (netlink) and Win32_Service (systemd). "
                    "Other classes are the CIM 'Invalid class' error.",
     .output_type = "Microsoft.Management.Infrastructure.CimInstance",
     .online = CIM_ONLINE("get-ciminstance")},
    {.name = "Get-CimClass", .params = cc_params, .ops = {.process = cc_process},
     .examples = ex_cc,
     .synopsis = "Gets a list of CIM classes in a specific namespace.",
     .description = "The classes Get-CimInstance provides, with their properties and methods.",
     .output_type = "Microsoft.Management.Infrastructure.CimClass",
     .online = CIM_ONLINE("get-cimclass")},
    {.name = NULL},
};

static const hv_cmdlet_def wmi_cmdlets[] = {
    {.name = "Get-WmiObject", .aliases = (const char *const[]){"gwmi", NULL}, .sets = wo_sets,
     .default_set = 0, .params = wo_params, .ops = {.process = wo_process}, .examples = ex_wo,
     .synopsis = "Gets instances of WMI classes or information about the available classes.",
     .description = "Windows PowerShell 5.1's cmdlet (PowerShell 7 dropped it), kept because "
                    "lab scripts call it: the same classes and WQL as Get-CimInstance, as "
                    "ManagementObject objects with __CLASS and __NAMESPACE.",
     .output_type = "System.Management.ManagementObject",
     .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.management/get-wmiobject?view=powershell-5.1"},
    {.name = NULL},
};

const hv_module_def hv_mod_sys_cim = {.name = "CimCmdlets", .version = "7.0.0.0",
                                      .cmdlets = cim_cmdlets};
const hv_module_def hv_mod_sys_wmi = {.name = "Microsoft.PowerShell.Management",
                                      .version = "7.0.0.0", .cmdlets = wmi_cmdlets};
