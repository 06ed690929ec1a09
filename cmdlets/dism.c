/* dism.c — the role cmdlets lab scripts call before anything else:
 * Get-/Enable-/Disable-WindowsOptionalFeature (Dism) and Get-/Install-WindowsFeature
 * (ServerManager). "Hyper-V" on Linux means KVM (/dev/kvm, the kvm module and its nested
 * parameter) plus libvirt; installing it installs the Debian packages. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/hyperv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NAMED  HV_POS_NAMED

/* The optional features and what each one means on this host. */
typedef enum { NEED_KVM, NEED_LIBVIRTD, NEED_CLIENTS, NEED_HVSH, NEED_ALL } need;
typedef struct {
    const char *name, *display, *description;
    need need;
    const char *const *packages;
} feature;

static const char *const pkg_all[] = {"qemu-system-x86", "libvirt-daemon-system",
                                      "libvirt-clients", "libvirt-daemon-config-nwfilter",
                                      "qemu-utils",      NULL};
static const char *const pkg_daemon[] = {"libvirt-daemon-system", "qemu-system-x86",
                                         "libvirt-daemon-config-nwfilter", NULL};
static const char *const pkg_clients[] = {"libvirt-clients", "qemu-utils", NULL};
static const char *const pkg_none[] = {NULL};

static const feature features[] = {
    {"Microsoft-Hyper-V-All", "Hyper-V", "Hyper-V: KVM with QEMU and libvirt.", NEED_ALL, pkg_all},
    {"Microsoft-Hyper-V", "Hyper-V Platform", "The hypervisor (KVM) and libvirt's daemon.",
     NEED_LIBVIRTD, pkg_daemon},
    {"Microsoft-Hyper-V-Tools-All", "Hyper-V Management Tools",
     "virsh, qemu-img and the Hyper-V cmdlets of hvsh.", NEED_CLIENTS, pkg_clients},
    {"Microsoft-Hyper-V-Management-PowerShell", "Hyper-V Module for Windows PowerShell",
     "The Hyper-V cmdlets (built into hvsh).", NEED_HVSH, pkg_none},
    {"Microsoft-Hyper-V-Hypervisor", "Hyper-V Hypervisor", "KVM (/dev/kvm).", NEED_KVM, pkg_none},
    {"Microsoft-Hyper-V-Services", "Hyper-V Services", "libvirtd and QEMU.", NEED_LIBVIRTD,
     pkg_daemon},
    {"Microsoft-Hyper-V-Management-Clients", "Hyper-V GUI Management Tools",
     "virsh (libvirt-clients).", NEED_CLIENTS, pkg_clients},
};
#define N_FEATURES (sizeof features / sizeof features[0])

static bool
have_libvirtd(void)
{
    return hv_virt_have_program("/usr/sbin/libvirtd") || hv_virt_have_program("virtqemud");
}

static bool
enabled(const feature *f)
{
    bool kvm = access("/dev/kvm", F_OK) == 0;
    switch (f->need) {
    case NEED_KVM:
        return kvm;
    case NEED_LIBVIRTD:
        return kvm && have_libvirtd();
    case NEED_CLIENTS:
        return hv_virt_have_program("virsh") && hv_virt_have_program("qemu-img");
    case NEED_HVSH:
        return true;
    case NEED_ALL:
        return kvm && have_libvirtd() && hv_virt_have_program("virsh") &&
               hv_virt_have_program("qemu-img");
    }
    return false;
}

static const hv_view_column basic_view[] = {
    {.label = "FeatureName", .property = "FeatureName", .align = -1},
    {.label = "State", .property = "State", .align = -1},
    {0}};
static const hv_obj_class cls_feature = {
    .type_name = "Microsoft.Dism.Commands.FeatureObject",
    .list_view = (const char *const[]){"FeatureName", "DisplayName", "Description",
                                       "RestartRequired", "State", "CustomProperties", NULL}};
static const hv_obj_class cls_basic = {.type_name = "Microsoft.Dism.Commands.BasicFeatureObject",
                                       .table_view = basic_view};
static const hv_obj_class cls_image = {
    .type_name = "Microsoft.Dism.Commands.ImageObject",
    .list_view = (const char *const[]){"Path", "Online", "RestartNeeded", NULL}};

static hv_value
feature_obj(const feature *f, bool detailed)
{
    hv_value o = hv_obj_new(detailed ? &cls_feature : &cls_basic);
    hv_obj_set(&o, "FeatureName", hv_str(f->name));
    if (detailed) {
        hv_obj_set(&o, "DisplayName", hv_str(f->display));
        hv_obj_set(&o, "Description", hv_str(f->description));
        hv_obj_set(&o, "RestartRequired", hv_str("Possible"));
    }
    hv_obj_set(&o, "State", hv_enum(&hvc_hv_enum_featurestate, enabled(f) ? 1 : 0));
    if (detailed)
        hv_obj_set(&o, "CustomProperties", hv_array_new(0));
    hv_obj_set(&o, "Online", hv_bool(true));
    return o;
}

/* ---- Get-WindowsOptionalFeature ---- */
enum { GO_ONLINE, GO_NAME, GO_PATH, GO__N };
static const hv_param_def get_optional_params[] = {
    [GO_ONLINE] = {.name = "Online",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .flags = HV_PF_MANDATORY,
                   .sets = HV_SET(0),
                   .help = "The running system."},
    [GO_NAME] = {.name = "FeatureName",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .flags = HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
                 .help = "Feature name (wildcards allowed)."},
    [GO_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(1),
                 .help = "An offline image (not supported)."},
    [GO__N] = {.name = NULL},
};

static hv_status
offline_unsupported(hv_cmd *cmd)
{
    return hv_write_error(cmd, hv_error_new(cmd, HV_CAT_NotImplemented, "OfflineNotSupported", NULL,
                                            "Offline images are not supported; use -Online."));
}

static hv_status
get_optional_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    if (hv_cmd_set_index(cmd) == 1)
        return offline_unsupported(cmd);
    char *pat = hvc_hv_arg_str(cmd, GO_NAME);
    hv_status st = HV_OK;
    bool any = false;
    for (size_t i = 0; i < N_FEATURES && st == HV_OK; i++) {
        if (pat && !hv_wildcard_match(pat, features[i].name, false))
            continue;
        any = true;
        st = hv_emit(cmd, feature_obj(&features[i], pat != NULL));
    }
    if (st == HV_OK && pat && !any && !hv_wildcard_has_meta(pat))
        st = hv_write_error(cmd, hv_error_new(cmd, HV_CAT_NotSpecified, "FeatureNameUnknown", NULL,
                                              "Feature name %s is unknown.", pat));
    free(pat);
    return st;
}

/* ---- Enable-/Disable-WindowsOptionalFeature ---- */
enum { EO_ONLINE, EO_NAME, EO_ALL, EO_NORESTART, EO_PATH, EO__N };
static const hv_param_def enable_optional_params[] = {
    [EO_ONLINE] = {.name = "Online",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .flags = HV_PF_MANDATORY,
                   .sets = HV_SET(0),
                   .help = "The running system."},
    [EO_NAME] = {.name = "FeatureName",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                 .help = "Features to enable."},
    [EO_ALL] = {.name = "All",
                .type = HV_PT_SWITCH,
                .position = NAMED,
                .help = "Also enables parent features (always done)."},
    [EO_NORESTART] = {.name = "NoRestart",
                      .type = HV_PT_SWITCH,
                      .position = NAMED,
                      .help = "Never restarts (Linux needs no restart)."},
    [EO_PATH] = {.name = "Path",
                 .type = HV_PT_STRING,
                 .position = NAMED,
                 .flags = HV_PF_MANDATORY,
                 .sets = HV_SET(1),
                 .help = "An offline image (not supported)."},
    [EO__N] = {.name = NULL},
};

static const feature *
find_feature(const char *name)
{
    for (size_t i = 0; i < N_FEATURES; i++)
        if (!hv_str_cmp_ci(features[i].name, name))
            return &features[i];
    return NULL;
}

/* Installs the packages a feature needs that are missing. */
static hv_status
install_packages(hv_cmd *cmd, const char *const *pkgs, const char *what, bool *changed)
{
    const char *missing[16];
    size_t n = 0;
    for (; *pkgs && n < 15; pkgs++)
        if (hv_virt_pkg_installed(*pkgs) != 1)
            missing[n++] = *pkgs;
    missing[n] = NULL;
    *changed = false;
    if (!n)
        return HV_OK;
    hv_buf b = {0};
    for (size_t i = 0; i < n; i++)
        hv_buf_printf(&b, "%s%s", i ? " " : "", missing[i]);
    hv_buf_putc(&b, 0);
    char target[600];
    snprintf(target, sizeof target, "%s (apt-get install %s)", what, b.data);
    hv_buf_free(&b);
    if (!hv_should_process(cmd, target, hv_cmd_def(cmd)->name))
        return HV_OK;
    hv_eng_err err = {0};
    if (hv_virt_pkg_install(missing, &err) < 0)
        return hv_write_error(cmd, hv_error_new(cmd, HV_CAT_NotInstalled, "InstallFailed", NULL,
                                                "Installing %s failed: %s", what, err.msg));
    *changed = true;
    return HV_OK;
}

static hv_status
enable_optional_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    if (hv_cmd_set_index(cmd) == 1)
        return offline_unsupported(cmd);
    size_t n;
    char **names = hvc_hv_arg_strv(cmd, EO_NAME, &n);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        const feature *f = find_feature(names[i]);
        bool changed;
        if (!f)
            st = hv_write_error(cmd, hv_error_new(cmd, HV_CAT_NotSpecified, "FeatureNameUnknown",
                                                  NULL, "Feature name %s is unknown.", names[i]));
        else
            st = install_packages(cmd, f->packages, f->name, &changed);
    }
    hvc_hv_strv_free(names, n);
    if (st != HV_OK)
        return st;
    hv_value o = hv_obj_new(&cls_image);
    hv_obj_set(&o, "Path", hv_str(""));
    hv_obj_set(&o, "Online", hv_bool(true));
    hv_obj_set(&o, "RestartNeeded", hv_bool(false));
    return hv_emit(cmd, o);
}

/* ---- Get-WindowsFeature / Install-WindowsFeature (ServerManager) ---- */
static hv_value
col_display(const hv_value *self)
{
    const hv_value *inst = hv_obj_get(self, "Installed");
    const hv_value *dn = hv_obj_get(self, "DisplayName");
    const hv_value *depth = hv_obj_get(self, "Depth");
    int d = depth && depth->kind == HV_INT ? (int)hv_int_of(depth) : 1;
    return hv_strf("%*s[%c] %s", (d - 1) * 4, "",
                   inst && inst->kind == HV_BOOL && inst->u.b ? 'X' : ' ',
                   dn ? hv_str_cstr(dn) : "");
}

static const hv_view_column sm_view[] = {
    {.label = "Display Name", .compute = col_display, .width = 55, .align = -1},
    {.label = "Name", .property = "Name", .width = 26, .align = -1},
    {.label = "Install State", .property = "InstallState", .width = 13, .align = 1},
    {0}};
static const hv_obj_class cls_sm = {.type_name = "Microsoft.Windows.ServerManager.Commands.Feature",
                                    .table_view = sm_view};
static const hv_view_column result_view[] = {
    {.label = "Success", .property = "Success", .align = -1},
    {.label = "Restart Needed", .property = "RestartNeeded", .align = -1},
    {.label = "Exit Code", .property = "ExitCode", .align = -1},
    {.label = "Feature Result", .property = "FeatureResult", .align = -1},
    {0}};
static const hv_obj_class cls_result = {
    .type_name = "Microsoft.Windows.ServerManager.Commands.FeatureOperationResult",
    .table_view = result_view};

typedef struct {
    const char *name, *display;
    int depth;
    const feature *map;
} sm_feature;
static const sm_feature sm_features[] = {
    {"Hyper-V", "Hyper-V", 1, &features[1]},
    {"RSAT-Hyper-V-Tools", "Hyper-V Management Tools", 2, &features[2]},
    {"Hyper-V-Tools", "Hyper-V GUI Management Tools", 3, &features[6]},
    {"Hyper-V-PowerShell", "Hyper-V Module for Windows PowerShell", 3, &features[3]},
};
#define N_SM (sizeof sm_features / sizeof sm_features[0])

static hv_value
sm_obj(const sm_feature *f)
{
    hv_value o = hv_obj_new(&cls_sm);
    bool on = enabled(f->map);
    hv_obj_set(&o, "Name", hv_str(f->name));
    hv_obj_set(&o, "DisplayName", hv_str(f->display));
    hv_obj_set(&o, "Description", hv_str(f->map->description));
    hv_obj_set(&o, "Installed", hv_bool(on));
    hv_obj_set(&o, "InstallState", hv_enum(&hvc_hv_enum_installstate, on ? 1 : 0));
    hv_obj_set(&o, "FeatureType", hv_str(f->depth == 1 ? "Role" : "Feature"));
    hv_obj_set(&o, "Depth", hv_int(f->depth));
    hv_obj_set(&o, "Path", hv_str(f->display));
    return o;
}

enum { GF_NAME, GF_COMPUTER, GF__N };
static const hv_param_def get_feature_params[] = {
    [GF_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .help = "Feature names."},
    [GF_COMPUTER] = {.name = "ComputerName",
                     .type = HV_PT_STRING,
                     .position = NAMED,
                     .aliases = A("Cn"),
                     .help = "Accepted; the local host is reported."},
    [GF__N] = {.name = NULL},
};

static hv_status
get_feature_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    size_t n;
    char **names = hvc_hv_arg_strv(cmd, GF_NAME, &n);
    hv_status st = HV_OK;
    for (size_t i = 0; i < N_SM && st == HV_OK; i++) {
        bool want = n == 0;
        for (size_t k = 0; k < n && !want; k++)
            want = hv_wildcard_match(names[k], sm_features[i].name, false);
        if (want)
            st = hv_emit(cmd, sm_obj(&sm_features[i]));
    }
    hvc_hv_strv_free(names, n);
    return st;
}

enum { IF_NAME, IF_TOOLS, IF_RESTART, IF_ALLSUB, IF_COMPUTER, IF__N };
static const hv_param_def install_feature_params[] = {
    [IF_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                 .help = "Features to install (Hyper-V)."},
    [IF_TOOLS] = {.name = "IncludeManagementTools",
                  .type = HV_PT_SWITCH,
                  .position = NAMED,
                  .help = "Also installs virsh and qemu-img."},
    [IF_RESTART] = {.name = "Restart",
                    .type = HV_PT_SWITCH,
                    .position = NAMED,
                    .help = "Accepted; Linux needs no restart."},
    [IF_ALLSUB] = {.name = "IncludeAllSubFeature",
                   .type = HV_PT_SWITCH,
                   .position = NAMED,
                   .help = "Same as -IncludeManagementTools here."},
    [IF_COMPUTER] = {.name = "ComputerName",
                     .type = HV_PT_STRING,
                     .position = NAMED,
                     .aliases = A("Cn"),
                     .help = "Accepted; installs on the local host."},
    [IF__N] = {.name = NULL},
};

static hv_status
install_feature_process(hv_cmd *cmd, const hv_value *input)
{
    size_t n;
    char **names = hvc_hv_arg_strv(cmd, IF_NAME, &n);
    if (!n && input && input->kind == HV_OBJECT) {
        names = hv_xcalloc(2, sizeof *names);
        names[0] = hvc_hv_prop_str(input, "Name");
        n = names[0] ? 1 : 0;
    }
    bool tools = hv_cmd_switch(cmd, IF_TOOLS) || hv_cmd_switch(cmd, IF_ALLSUB);
    hv_value done = hv_array_new(4);
    hv_status st = HV_OK;
    bool changed_any = false;
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        const sm_feature *f = NULL;
        for (size_t k = 0; k < N_SM && !f; k++)
            if (!hv_str_cmp_ci(sm_features[k].name, names[i]))
                f = &sm_features[k];
        if (!f) {
            st = hv_write_error(cmd,
                                hv_error_new(cmd, HV_CAT_InvalidArgument, "NameDoesNotExist", NULL,
                                             "ArgumentNotValid: The role, role service, or "
                                             "feature name is not valid: '%s'. The name was "
                                             "not found.",
                                             names[i]));
            continue;
        }
        bool changed = false;
        st = install_packages(cmd, f->map->packages, f->name, &changed);
        if (st == HV_OK && tools) {
            bool c2 = false;
            st = install_packages(cmd, pkg_clients, "RSAT-Hyper-V-Tools", &c2);
            changed = changed || c2;
        }
        if (changed) {
            hv_array_push(&done, hv_str(f->display));
            changed_any = true;
        }
    }
    hvc_hv_strv_free(names, n);
    if (st != HV_OK) {
        hv_unref(done);
        return st;
    }
    hv_value o = hv_obj_new(&cls_result);
    hv_obj_set(&o, "Success", hv_bool(true));
    hv_obj_set(&o, "RestartNeeded", hv_str("No"));
    hv_obj_set(&o, "FeatureResult", done);
    hv_obj_set(&o, "ExitCode", hv_str(changed_any ? "Success" : "NoChangeNeeded"));
    return hv_emit(cmd, o);
}

static const hv_cmdlet_def dism_cmdlets[] = {
    {.name = "Get-WindowsOptionalFeature",
     .examples =
         (const hv_example[]){
             {.title = "Example",
              .code = "Get-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V*"},
             {.title = NULL}},
     .sets = A("Online", "Offline"),
     .params = get_optional_params,
     .ops = {.process = get_optional_process},
     .synopsis = "Gets information about optional features (Hyper-V = KVM + libvirt).",
     .output_type = "Microsoft.Dism.Commands.FeatureObject"},
    {.name = "Enable-WindowsOptionalFeature",
     .examples = (const hv_example[]){{.title = "Example",
                                       .code = "Enable-WindowsOptionalFeature -Online -FeatureName "
                                               "Microsoft-Hyper-V -All -WhatIf"},
                                      {.title = NULL}},
     .sets = A("Online", "Offline"),
     .params = enable_optional_params,
     .ops = {.process = enable_optional_process},
     .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Enables a feature: installs the Debian packages it needs.",
     .output_type = "Microsoft.Dism.Commands.ImageObject"},
    {.name = "Get-WindowsFeature",
     .examples = (const hv_example[]){{.title = "Example", .code = "Get-WindowsFeature Hyper-V"},
                                      {.title = NULL}},
     .params = get_feature_params,
     .ops = {.process = get_feature_process},
     .synopsis = "Gets roles and features (Hyper-V = KVM + libvirt).",
     .output_type = "Microsoft.Windows.ServerManager.Commands.Feature"},
    {.name = "Install-WindowsFeature",
     .examples =
         (const hv_example[]){
             {.title = "Example",
              .code = "Install-WindowsFeature Hyper-V -IncludeManagementTools -WhatIf"},
             {.title = NULL}},
     .aliases = A("Add-WindowsFeature"),
     .params = install_feature_params,
     .ops = {.process = install_feature_process},
     .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Installs roles and features: the Debian packages of KVM and libvirt.",
     .output_type = "Microsoft.Windows.ServerManager.Commands.FeatureOperationResult"},
    {.name = NULL},
};

static const hv_enum_def *const dism_enums[] = {&hvc_hv_enum_featurestate,
                                                &hvc_hv_enum_installstate, NULL};

const hv_module_def hv_mod_dism = {
    .name = "Dism",
    .version = "3.0",
    .cmdlets = dism_cmdlets,
    .enums = dism_enums,
};
