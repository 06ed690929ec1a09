/* virt_int.h — shared between the engine/virt*.c files only (not part of the API). */
#ifndef HV_VIRT_INT_H
#define HV_VIRT_INT_H

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* libxml2 is called through a table loaded on first use (see xmlshim.h). */
#include "engine/xmlshim.h"

#include "engine/virt.h"

#define HV_VIRT_NS        "urn:hvsh:hyperv:1"
#define HV_VIRT_NS_PREFIX "hv"

/* Every libvirt function the engine uses, resolved with dlsym; types come from libvirt's
 * headers through __typeof__, so a signature mismatch is a compile error. */
#define HV_VIRT_FUNCS(X)                                                                           \
    X(virConnectOpen)                                                                              \
    X(virConnectClose) X(virConnectGetHostname) X(virConnectGetURI) X(virConnectGetType) X(        \
        virNodeGetInfo) X(virConnectGetDomainCapabilities) X(virGetLastError) X(virResetLastError) \
        X(virSetErrorFunc) X(virConnectListAllDomains) X(virDomainFree) X(virDomainGetName) X(     \
            virDomainGetUUIDString) X(virDomainGetInfo) X(virDomainGetState)                       \
            X(virDomainGetXMLDesc) X(virDomainDefineXML) X(virDomainUndefineFlags) X(              \
                virDomainCreate) X(virDomainShutdown) X(virDomainDestroy) X(virDomainSuspend)      \
                X(virDomainResume) X(virDomainManagedSave) X(virDomainManagedSaveRemove) X(        \
                    virDomainHasManagedSaveImage) X(virDomainReset) X(virDomainLookupByUUIDString) \
                    X(virDomainSetMemoryFlags) X(virDomainUpdateDeviceFlags)                       \
                        X(virDomainAttachDeviceFlags) X(virDomainDetachDeviceFlags)                \
                            X(virDomainIsPersistent) X(virDomainIsActive) X(virDomainSetMetadata)  \
                                X(virDomainGetMetadata) X(virDomainSnapshotCreateXML) X(           \
                                    virDomainListAllSnapshots) X(virDomainSnapshotGetXMLDesc)      \
                                    X(virDomainSnapshotFree) X(virDomainSnapshotLookupByName) X(   \
                                        virDomainRevertToSnapshot) X(virDomainSnapshotDelete)      \
                                        X(virDomainSnapshotIsCurrent) X(virDomainSnapshotGetName)  \
                                            X(virDomainSnapshotNum) X(virDomainRename) X(virDomainInterfaceAddresses) X(virDomainInterfaceFree)             \
                                                X(virConnectListAllNetworks) X(virNetworkFree) X(  \
                                                    virNetworkGetName) X(virNetworkGetXMLDesc)     \
                                                    X(virNetworkDefineXML) X(virNetworkCreate)     \
                                                        X(virNetworkDestroy) X(virNetworkUndefine) \
                                                            X(virNetworkIsActive)                  \
                                                                X(virNetworkLookupByName)          \
                                                                    X(virNetworkSetAutostart)      \
                                                                        X(virNetworkGetUUIDString) \
                                                                        X(virNetworkGetAutostart)  \
                                                                        X(virNetworkLookupByUUIDString) \
    X(virDomainInterfaceStats)

typedef struct {
#define HV_VIRT_FIELD(f) __typeof__(f) *f;
    HV_VIRT_FUNCS(HV_VIRT_FIELD)
#undef HV_VIRT_FIELD
} hv_virt_api;

struct hv_virt {
    const hv_virt_api *api;
    virConnectPtr conn;
    char *uri;
    bool is_test;
    struct hv_virt *next;
    /* bridge name -> switch name, cached briefly: Get-VM of 1000 VMs needs it 1000 times */
    struct hv_virt_brmap *bmap;
    size_t nbmap;
    long long bmap_time_ms;
};
/* Forget the cached bridge map (after a switch change). */
void hv_virt_bmap_invalidate(hv_virt *v);

/* Errors */
void hv_virt_err_set(hv_eng_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Copies libvirt's last error; code from the libvirt error number unless forced (!= 0). */
void hv_virt_err_lv(hv_virt *v, hv_eng_err *err, int code);

/* Domains */
virDomainPtr hv_virt_dom(hv_virt *v, const char *uuid, hv_eng_err *err);
xmlDocPtr hv_virt_dom_xml(hv_virt *v, virDomainPtr d, bool inactive, hv_eng_err *err);
int hv_virt_dom_state(hv_virt *v, virDomainPtr d, hv_vm_state *st, hv_eng_err *err);
/* One virDomainDefineXML of doc. */
int hv_virt_dom_define(hv_virt *v, xmlDocPtr doc, hv_eng_err *err);
int hv_virt_parse_vm(hv_virt *v, virDomainPtr d, hv_vm *vm, hv_eng_err *err);

/* Config edits: hv_virt_edit loads the inactive XML (and the live nested flag), calls fn to
 * validate and edit ec->doc (setting ec->changed; fn may apply live changes once everything is
 * validated), then commits with one virDomainDefineXML. When anything fails after a change
 * reached libvirt, the edit is undone: the live changes fn registered (hv_virt_edit_live_undo,
 * ec->live_mem_kib) are reversed and, if fn defined the document itself (ec->defined, for a
 * rename), the original definition is restored. */
#define HV_VIRT_EDIT_MAX_UNDO 4
typedef struct {
    hv_virt *v;
    virDomainPtr dom;
    hv_vm_state state;
    bool nested_live;
    xmlDocPtr doc;
    bool changed;
    bool defined;              /* fn already defined (part of) the edit */
    unsigned long live_mem_kib; /* balloon target to go back to, 0 = untouched */
    struct {
        int op; /* 0 attach, 1 detach, 2 update (LIVE) */
        char *xml;
    } undo[HV_VIRT_EDIT_MAX_UNDO];
    int n_undo;
} hv_virt_edit_ctx;
typedef int (*hv_virt_edit_fn)(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err);
int hv_virt_edit(hv_virt *v, const char *uuid, hv_virt_edit_fn fn, void *ud, hv_eng_err *err);
/* Several edits of one domain, committed by one define (all or nothing). */
int hv_virt_edit_n(hv_virt *v, const char *uuid, const hv_virt_edit_fn *fns, void *const *uds,
                   size_t n, hv_eng_err *err);
/* Register the live device call that reverses one fn just made (xml is copied). */
void hv_virt_edit_live_undo(hv_virt_edit_ctx *ec, int op, const char *xml);
/* Apply one device change to the running domain (op 0 attach, 1 detach, 2 update; before =
 * the device as it was, for an update) and register its reverse; no-op when the VM is off or
 * on the test driver, and when the driver cannot hot-plug (the config still changes). */
int hv_virt_live_device(hv_virt_edit_ctx *ec, xmlNodePtr dev, int op, const char *before,
                        hv_eng_err *err);
/* Shared XML builders (virt_dom.c) */
void hv_virt_add_nic_xml(xmlNodePtr devs, const char *mac, const char *bridge, const char *network,
                         bool legacy, bool filter);
void hv_virt_meta_nic(xmlDocPtr doc, const char *mac, const char *name, bool dynamic);
xmlNodePtr hv_virt_add_disk_xml(xmlNodePtr devs, const char *path, bool dvd, bool ide, int number,
                                int unit, const char *dev);
int hv_virt_check_memory(uint64_t bytes, const char *what, hv_eng_err *err);
bool hv_virt_cpu_nested(xmlNodePtr root);

/* XML helpers (libxml2) */
xmlNodePtr hv_virt_x_child(xmlNodePtr n, const char *name);
xmlNodePtr hv_virt_x_child_ns(xmlNodePtr n, const char *name); /* in HV_VIRT_NS */
xmlNodePtr hv_virt_x_ensure(xmlNodePtr n, const char *name);
char *hv_virt_x_prop(xmlNodePtr n, const char *name); /* malloc'd or NULL */
char *hv_virt_x_text(xmlNodePtr n);                   /* malloc'd or NULL */
void hv_virt_x_set_text(xmlNodePtr n, const char *text);
void hv_virt_x_remove(xmlNodePtr n);
/* <metadata><hv:hyperv> (created on demand when create). */
xmlNodePtr hv_virt_x_meta(xmlDocPtr doc, bool create);
xmlNodePtr hv_virt_x_meta_child(xmlDocPtr doc, const char *name, bool create);
char *hv_virt_x_dump(xmlNodePtr n);                   /* malloc'd XML text */
uint64_t hv_virt_x_mem_bytes(xmlNodePtr n);           /* <memory unit=...> */
void hv_virt_x_set_mem(xmlNodePtr n, uint64_t bytes); /* as KiB */

/* QEMU format of a disk image file for <driver type=...> and qemu-img -F: from its header
 * when the file exists (a .vhdx New-VHD made holds qcow2), else from the extension. */
const char *hv_virt_disk_format(const char *path);

/* Copy a disk image (its backing chain flattened) to dst, which must not exist: written under
 * a temporary name, renamed when complete (virt_vhd.c). */
int hv_virt_vhd_copy(const char *src, const char *dst, hv_eng_err *err);

/* The Hyper-V name a renamed checkpoint shows (from its <description>), malloc'd, or NULL. */
char *hv_virt_snap_display(xmlNodePtr snap_root);

/* Misc */
void hv_virt_gen_mac(char out[18]);
/* A dynamic MAC from the host's pool (Set-VMHost -MacAddressMinimum/-Maximum). */
void hv_virt_gen_mac_v(hv_virt *v, char out[18]);
bool hv_virt_str_eq_ci(const char *a, const char *b);
char *hv_virt_strdup(const char *s);
int hv_virt_cmp_ci(const char *a, const char *b);

/* HV_NIC_* flag <-> attribute of <hv:nic> ("dhcpguard='on'"), defined in virt_dom.c. */
typedef struct {
    unsigned flag;
    const char *attr;
} hv_virt_nic_flag;
#define HV_VIRT_NIC_NFLAGS 5
extern const hv_virt_nic_flag hv_virt_nic_flag_attr[HV_VIRT_NIC_NFLAGS];

#endif
