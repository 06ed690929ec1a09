/* virt.h — the libvirt engine: VMs, switches (libvirt network mirrors), checkpoints, disks.
 *
 * Plain C structs in and out, no language knowledge. libvirt is loaded lazily with dlopen on
 * the first hv_virt_open() so processes that never touch a VM do not pay ~20 ms of dynamic
 * linking. Every fallible function returns 0 on success or -1 with *err filled (libvirt's
 * thread-local error is copied at once). Identity of a VM is its UUID string.
 *
 * Hyper-V settings libvirt has no element for (dynamic memory bounds, buffer, priority,
 * adapter names, VLAN, automatic actions, checkpoint type, processor reserve/limit/weight)
 * live in the domain's <metadata><hv:hyperv xmlns:hv="urn:hvsh:hyperv:1"> element, so they
 * survive redefinition and travel with the domain.
 *
 * Dynamic memory mapping (also in the README):
 *   static:  <memory> = <currentMemory> = Startup; no balloon bounds.
 *   dynamic: <memory> (the ceiling the balloon may grow to) = Maximum,
 *            <currentMemory> (what the guest boots with) = Startup,
 *            Minimum/Buffer/Priority in metadata; a virtio <memballoon> is kept.
 *   At run time a memory change is a balloon target (virDomainSetMemoryFlags LIVE) clamped
 *   to [Minimum, Maximum]; nothing moves the balloon by itself (no guest demand feedback),
 *   so dynamic memory "does not fluctuate" — which is exactly Hyper-V's behaviour for a VM
 *   that hosts nested VMs. While a VM with virtualization extensions exposed runs, memory
 *   changes are refused (HV_VIRT_E_STATE), as Hyper-V does.
 */
#ifndef HV_VIRT_H
#define HV_VIRT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engerr.h"

enum {
    HV_VIRT_E_NONE = 0,
    HV_VIRT_E_LOAD,        /* libvirt.so.0 could not be loaded */
    HV_VIRT_E_CONNECT,     /* virConnectOpen failed */
    HV_VIRT_E_NOT_FOUND,   /* VM / switch / snapshot / adapter not found */
    HV_VIRT_E_INVALID,     /* validation failed (name, size, reference) */
    HV_VIRT_E_STATE,       /* operation not valid in the VM's current state */
    HV_VIRT_E_EXISTS,      /* already exists */
    HV_VIRT_E_UNSUPPORTED, /* the driver does not support it */
    HV_VIRT_E_LIBVIRT,     /* any other libvirt failure (msg has libvirt's text) */
    HV_VIRT_E_IO,          /* file / process failure (qemu-img) */
    HV_VIRT_E_TIMEOUT,     /* graceful shutdown timed out */
};

typedef struct hv_virt hv_virt;

/* The connection for uri (NULL = LIBVIRT_DEFAULT_URI, else libvirt's default). Connections
 * are cached per URI for the life of the process: the test driver keeps its state only as
 * long as the connection is open. Never close the returned pointer. */
hv_virt *hv_virt_open(const char *uri, hv_eng_err *err);
/* URI for -ComputerName: template (NULL = "qemu+ssh://{0}/system") with {0} or %s. */
char *hv_virt_remote_uri(const char *tmpl, const char *computer);
const char *hv_virt_uri(const hv_virt *v);
/* Name of the host the connection is on (virConnectGetHostname); malloc'd. */
char *hv_virt_hostname(hv_virt *v);
/* True when the connection is to this machine (no host name in the URI). */
bool hv_virt_is_local(const hv_virt *v);
/* True for the libvirt test driver (no validation, no hot-plug). */
bool hv_virt_is_test(const hv_virt *v);
/* Close every cached connection (atexit). */
void hv_virt_close_all(void);

/* ---- VMs ---- */
typedef enum {
    HV_VM_OTHER = 0,
    HV_VM_RUNNING,
    HV_VM_OFF,
    HV_VM_PAUSED,
    HV_VM_SAVED,
    HV_VM_STOPPING,
    HV_VM_CRASHED
} hv_vm_state;

typedef struct {
    char *name;        /* Hyper-V adapter name (metadata), default "Network Adapter" */
    char mac[18];      /* "00:15:5d:00:00:01" */
    char *switch_name; /* resolved switch name, NULL = not connected */
    char *bridge;      /* <source bridge>, or NULL */
    char *network;     /* <source network>, or NULL */
    bool mac_spoofing; /* true = allowed (no no-mac-spoofing filter) */
    bool dynamic_mac;
    bool is_legacy; /* model e1000/rtl8139 */
    int vlan;       /* access VLAN id, 0 = untagged */
    char switch_id[37]; /* uuid of the switch's libvirt network, "" = unknown/not connected */
    unsigned on_flags;  /* HV_NIC_* settings that are On (kept in the metadata only) */
} hv_vm_nic;
/* Hyper-V On/Off adapter settings libvirt has no device for: recorded in <hv:nic> so that
 * Get-VMNetworkAdapter reports what Set-VMNetworkAdapter set. */
#define HV_NIC_DHCPGUARD 0x01u
#define HV_NIC_ROUTERGUARD 0x02u
#define HV_NIC_TEAMING 0x04u
#define HV_NIC_DEVNAMING 0x08u
#define HV_NIC_PRIOTAG 0x10u

typedef struct {
    bool is_dvd;
    char *path;          /* source file, NULL = empty drive */
    char *target;        /* "vda", "hdc" */
    int controller_type; /* 0 = IDE, 1 = SCSI */
    int controller_number, controller_location;
} hv_vm_disk;

typedef struct {
    char *name;
    char uuid[37];
    hv_vm_state state;
    bool persistent, managed_save;
    bool is_test;         /* domain type='test' */
    bool is_kvm;          /* domain type='kvm' */
    int generation;       /* 2 when firmware is EFI */
    char *notes;          /* <description> */
    unsigned vcpus;       /* configured */
    uint64_t mem_startup; /* bytes */
    uint64_t mem_minimum, mem_maximum;
    uint64_t mem_assigned; /* bytes, 0 when off */
    int mem_buffer, mem_priority;
    bool dynamic_memory;
    bool nested;      /* config: vmx/svm required */
    bool nested_live; /* running with vmx/svm required */
    int64_t proc_reserve, proc_maximum;
    int proc_weight;
    uint64_t cpu_time_ns;
    int64_t started; /* unix time the VM was started by hvsh, 0 = unknown */
    char *auto_start, *auto_stop, *checkpoint_type; /* names, NULL = default */
    int auto_start_delay;
    char *current_snapshot; /* name of the current checkpoint, or NULL */
    hv_vm_nic *nics;
    size_t n_nics;
    hv_vm_disk *disks;
    size_t n_disks;
} hv_vm;

void hv_virt_vm_clear(hv_vm *vm);
void hv_virt_vms_free(hv_vm *vms, size_t n);

/* All domains, sorted by name (case-insensitively). */
int hv_virt_list_vms(hv_virt *v, hv_vm **out, size_t *n, hv_eng_err *err);
int hv_virt_get_vm(hv_virt *v, const char *uuid, hv_vm *out, hv_eng_err *err);
/* Names and UUIDs only (cheap), sorted like hv_virt_list_vms: for streaming selection. */
typedef struct {
    char *name;
    char uuid[37];
} hv_vm_id;
int hv_virt_list_ids(hv_virt *v, hv_vm_id **out, size_t *n, hv_eng_err *err);
void hv_virt_ids_free(hv_vm_id *ids, size_t n);

/* Validation shared with the cmdlet layer's messages. */
int hv_virt_check_name(const char *kind, const char *name, hv_eng_err *err);

typedef struct {
    const char *name;
    uint64_t memory_startup;    /* bytes; 0 = 512 MiB (Hyper-V's default for New-VM) */
    int generation;             /* 1 or 2 */
    const char *switch_bridge;  /* attach a NIC to this bridge, or NULL */
    const char *switch_network; /* ... or to this libvirt network */
    const char *switch_name;
    const char *vhd_path; /* attach this disk, or NULL */
    const char *path;     /* configuration folder (metadata only) */
    int boot_device;      /* Hyper-V BootDevice value, -1 = default */
} hv_vm_spec;
/* Defines a new VM (off); fills uuid_out[37]. */
int hv_virt_vm_create(hv_virt *v, const hv_vm_spec *spec, char uuid_out[37], hv_eng_err *err);
/* Removes the VM (its snapshots metadata, managed save and nvram too); disk files kept. */
int hv_virt_vm_remove(hv_virt *v, const char *uuid, hv_eng_err *err);

int hv_virt_vm_start(hv_virt *v, const char *uuid, hv_eng_err *err);
/* Graceful ACPI shutdown, waiting up to timeout_ms for Off (HV_VIRT_E_TIMEOUT otherwise). */
int hv_virt_vm_shutdown(hv_virt *v, const char *uuid, int timeout_ms, hv_eng_err *err);
int hv_virt_vm_turnoff(hv_virt *v, const char *uuid, hv_eng_err *err);
int hv_virt_vm_save(hv_virt *v, const char *uuid, hv_eng_err *err);
int hv_virt_vm_remove_saved(hv_virt *v, const char *uuid, hv_eng_err *err);
int hv_virt_vm_suspend(hv_virt *v, const char *uuid, hv_eng_err *err);
int hv_virt_vm_resume(hv_virt *v, const char *uuid, hv_eng_err *err);
int hv_virt_vm_reset(hv_virt *v, const char *uuid, hv_eng_err *err);

/* Settings: fields with "keep" values are left alone. All checks happen before the one
 * virDomainDefineXML; nothing changes on failure. */
typedef struct {
    int64_t count;            /* <= 0 keep */
    int nested;               /* -1 keep, 0 off, 1 on */
    int64_t reserve, maximum; /* < 0 keep */
    int weight;               /* < 0 keep */
} hv_proc_set;
/* *warn_no_nested set when the host's KVM cannot nest (kvm domains only). */
int hv_virt_set_processor(hv_virt *v, const char *uuid, const hv_proc_set *s, bool *warn_no_nested,
                          hv_eng_err *err);

typedef struct {
    int dynamic;                       /* -1 keep */
    int64_t startup, minimum, maximum; /* < 0 keep (bytes) */
    int buffer, priority;              /* < 0 keep */
} hv_mem_set;
int hv_virt_set_memory(hv_virt *v, const char *uuid, const hv_mem_set *s, hv_eng_err *err);

typedef struct {
    const char *notes;                                    /* NULL keep */
    const char *new_name;                                 /* NULL keep */
    const char *auto_start, *auto_stop, *checkpoint_type; /* NULL keep */
    int auto_start_delay;                                 /* < 0 keep */
} hv_vm_set;
int hv_virt_set_vm(hv_virt *v, const char *uuid, const hv_vm_set *s, hv_eng_err *err);
/* Processor, memory and general settings together (NULL = leave alone): validated together
 * and committed by one define, so either all of them change or none (Set-VM). */
int hv_virt_set_all(hv_virt *v, const char *uuid, const hv_proc_set *ps, const hv_mem_set *ms,
                    const hv_vm_set *vs, hv_eng_err *err);

/* Network adapters. mac selects the adapter ("00:15:5d:..", case-insensitive). */
typedef struct {
    const char *name;       /* adapter name, NULL = "Network Adapter" */
    const char *static_mac; /* "00155D010203" or with separators, NULL = generate */
    const char *bridge, *network, *switch_name; /* connection, all NULL = disconnected */
    bool legacy;
} hv_nic_spec;
int hv_virt_nic_add(hv_virt *v, const char *uuid, const hv_nic_spec *s, char mac_out[18],
                    hv_eng_err *err);
int hv_virt_nic_remove(hv_virt *v, const char *uuid, const char *mac, hv_eng_err *err);
typedef struct {
    int mac_spoofing;       /* -1 keep, 0 Off (filter), 1 On (no filter) */
    const char *static_mac; /* NULL keep */
    bool dynamic_mac;       /* switch to a dynamic (generated) MAC */
    const char *new_name;   /* NULL keep */
    int vlan;               /* -2 keep, -1/0 untagged, >0 access VLAN */
    int connect;            /* -1 keep, 0 disconnect, 1 connect to bridge/network */
    const char *bridge, *network, *switch_name;
    unsigned set_on, set_off; /* HV_NIC_* settings to turn On / Off (0 = keep all) */
} hv_nic_set;
/* On a running VM the live device is updated first (where the driver can), then the
 * config; *mac_out (may be NULL) receives the adapter's MAC after the change. */
int hv_virt_nic_set(hv_virt *v, const char *uuid, const char *mac, const hv_nic_set *s,
                    char mac_out[18], hv_eng_err *err);
/* Addresses a running VM's adapters use, as libvirt learns them (DHCP leases of libvirt
 * networks, then the host's ARP table). */
typedef struct {
    char mac[18];
    char addr[64]; /* "192.168.100.2", "fe80::215:5dff:fe00:2" */
} hv_vm_addr;
int hv_virt_vm_addresses(hv_virt *v, const char *uuid, hv_vm_addr **out, size_t *n,
                         hv_eng_err *err);
/* "00155D010203" -> "00:15:5d:01:02:03"; false if not 12 hex digits (separators - : .). */
bool hv_virt_mac_normalize(const char *in, char out[18]);

/* Disks and DVD drives. */
typedef struct {
    const char *path; /* NULL for an empty DVD drive */
    bool dvd;
    int controller_type;                        /* 0 IDE, 1 SCSI, -1 default */
    int controller_number, controller_location; /* -1 = first free */
} hv_disk_spec;
int hv_virt_disk_add(hv_virt *v, const char *uuid, const hv_disk_spec *s, hv_eng_err *err);
int hv_virt_disk_remove(hv_virt *v, const char *uuid, const char *target, hv_eng_err *err);
/* Change the medium of the DVD drive with this target (path NULL = eject). */
int hv_virt_dvd_set(hv_virt *v, const char *uuid, const char *target, const char *path,
                    hv_eng_err *err);

/* ---- checkpoints (libvirt snapshots) ---- */
typedef struct {
    char *name;
    char *parent;      /* parent snapshot name, or NULL */
    int64_t created;   /* unix time */
    hv_vm_state state; /* state the VM was in */
    bool current;
} hv_snap;
void hv_virt_snaps_free(hv_snap *s, size_t n);
int hv_virt_snap_list(hv_virt *v, const char *uuid, hv_snap **out, size_t *n, hv_eng_err *err);
int hv_virt_snap_create(hv_virt *v, const char *uuid, const char *name, hv_eng_err *err);
int hv_virt_snap_revert(hv_virt *v, const char *uuid, const char *name, hv_eng_err *err);
int hv_virt_snap_delete(hv_virt *v, const char *uuid, const char *name, bool children,
                        hv_eng_err *err);

/* ---- switches (libvirt networks; hvsh mirrors its bridges as forward mode='bridge') ---- */
typedef enum { HV_SW_PRIVATE = 0, HV_SW_INTERNAL = 1, HV_SW_EXTERNAL = 2 } hv_sw_type;
typedef struct {
    char *name;
    char uuid[37];
    hv_sw_type type;
    char *bridge;      /* kernel bridge name, or NULL */
    char *net_adapter; /* External: the uplink NIC name, or NULL */
    bool allow_management_os;
    char *notes;
    bool active;
    bool is_mirror; /* <forward mode='bridge'>: guests attach to the bridge */
} hv_switch;
void hv_virt_switches_free(hv_switch *s, size_t n);
int hv_virt_switch_list(hv_virt *v, hv_switch **out, size_t *n, hv_eng_err *err);
/* Defines and starts the mirror network for a bridge. */
int hv_virt_switch_define(hv_virt *v, const hv_switch *s, char uuid_out[37], hv_eng_err *err);
int hv_virt_switch_undefine(hv_virt *v, const char *name, hv_eng_err *err);
/* Redefine with new settings (name change = define new + undefine old, same uuid kept). */
int hv_virt_switch_update(hv_virt *v, const char *old_name, const hv_switch *s, hv_eng_err *err);

/* ---- undo journal: a change of several libvirt objects made all or nothing ----
 * Before each step the caller records the objects the step will change; if a later step
 * fails, hv_virt_undo_rollback defines each recorded switch and VM again as it was (switches
 * first: the VMs' adapters refer to them), restarting what was running and re-applying the
 * live adapters of running VMs. Recording the same object twice keeps the first record. */
typedef struct hv_virt_undo hv_virt_undo;
hv_virt_undo *hv_virt_undo_new(hv_virt *v);
int hv_virt_undo_vm(hv_virt_undo *u, const char *uuid, hv_eng_err *err);
int hv_virt_undo_switch(hv_virt_undo *u, const char *name, hv_eng_err *err);
void hv_virt_undo_rollback(hv_virt_undo *u);
void hv_virt_undo_free(hv_virt_undo *u);

/* ---- host ---- */
typedef struct {
    char *name;
    int logical_processors;
    uint64_t memory_bytes;
    char vendor[16]; /* "GenuineIntel", "AuthenticAMD", "" */
    int kvm_nested;  /* 1 on, 0 off, -1 module absent */
    int caps_nested; /* from domain capabilities: 1 yes, 0 no, -1 unknown */
    bool dev_kvm;
} hv_host;
void hv_virt_host_clear(hv_host *h);
int hv_virt_host_info(hv_virt *v, hv_host *out, hv_eng_err *err);
/* Host-only part (no libvirt): vendor, kvm module nested parameter, /dev/kvm. */
void hv_virt_host_probe(hv_host *out);
/* The module parameter file that controls nesting on this host (for messages). */
const char *hv_virt_nested_param_path(const char *vendor);

/* ---- host packages (role cmdlets): dpkg-query / apt-get, spawned with an argv ---- */
/* 1 installed, 0 not, -1 unknown (no dpkg). */
int hv_virt_pkg_installed(const char *pkg);
/* apt-get install -y --no-install-recommends pkgs... (NULL-terminated); output discarded,
 * stderr's last line in err on failure. */
int hv_virt_pkg_install(const char *const *pkgs, hv_eng_err *err);
/* Is an executable present (absolute path or found on PATH)? */
bool hv_virt_have_program(const char *name);

/* ---- virtual disks (qemu-img, spawned with an argv, never a shell) ---- */
typedef struct {
    char *path;
    char *format;       /* "qcow2", "raw", "vpc", "vhdx" */
    uint64_t size;      /* virtual size, bytes */
    uint64_t file_size; /* allocated on disk */
    char *parent;       /* backing file or NULL */
} hv_vhd;
void hv_virt_vhd_clear(hv_vhd *d);
int hv_virt_vhd_create(const char *path, uint64_t size, const char *parent, bool fixed,
                       hv_eng_err *err);
int hv_virt_vhd_info(const char *path, hv_vhd *out, hv_eng_err *err);
int hv_virt_vhd_resize(const char *path, uint64_t size, hv_eng_err *err);

#endif
