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
    char *path;           /* New-VM -Path (metadata), or NULL = the host's default folder */
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
    bool metering;    /* resource metering enabled (<hv:metering>) */
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

/* ---- firmware (Gen 2: UEFI) and BIOS (Gen 1) ----
 * Secure boot is libvirt's firmware autoselection feature secure-boot (with enrolled-keys for
 * the Microsoft templates) or <loader secure=>; the boot order is <boot order='N'/> on the
 * devices (Gen 2) or the <os><boot dev=/> list (Gen 1); template name, preferred network
 * boot protocol, console mode, pause-after-boot-failure and NumLock live in the metadata. */
typedef struct {
    bool network; /* false = a drive */
    bool dvd;     /* drive is a DVD drive */
    char id[40];  /* drive target ("sda") or adapter MAC ("00:15:5d:00:00:01") */
} hv_boot_entry;
/* Gen 1 startup devices, as Hyper-V's BootDevice values */
#define HV_BIOS_FLOPPY 0
#define HV_BIOS_CD     1
#define HV_BIOS_IDE    2
#define HV_BIOS_LEGACY 3
typedef struct {
    int generation;
    bool secure_boot;
    char template_name[40]; /* "MicrosoftWindows" when never set */
    int net_protocol;       /* 0 IPv4, 1 IPv6 */
    int console_mode;       /* 0 Default, 1 COM1, 2 COM2, 3 None */
    bool pause_after_failure;
    hv_boot_entry *boot; /* what the firmware tries, in order */
    size_t n_boot;
    int startup[4]; /* Gen 1: the four BootDevice values in order */
    bool numlock;
} hv_vm_fw;
void hv_virt_fw_clear(hv_vm_fw *f);
int hv_virt_fw_get(hv_virt *v, const char *uuid, hv_vm_fw *out, hv_eng_err *err);
typedef struct {
    int secure_boot;           /* -1 keep */
    const char *template_name; /* NULL keep */
    int net_protocol;          /* -1 keep */
    int console_mode;          /* -1 keep */
    int pause_after_failure;   /* -1 keep */
    const hv_boot_entry *boot; /* full new order (set_boot) */
    size_t n_boot;
    bool set_boot;
    const hv_boot_entry *first; /* move (or add) this one to the front, or NULL */
    const int *startup;         /* Gen 1: four BootDevice values, or NULL */
    int numlock;                /* -1 keep */
} hv_fw_set;
/* Validated in full (generation, devices exist, state) before the one define. */
int hv_virt_fw_set(hv_virt *v, const char *uuid, const hv_fw_set *s, hv_eng_err *err);

/* ---- security: the virtual TPM (swtpm emulator) and the key protector ---- */
typedef struct {
    int generation;
    bool tpm;               /* <tpm> defined */
    char key_protector[65]; /* hex, "" = none (Set-VMKeyProtector -NewLocalKeyProtector) */
    bool encrypt_traffic;   /* EncryptStateAndVmMigrationTraffic (metadata) */
    bool vbs_optout;        /* VirtualizationBasedSecurityOptOut (metadata) */
} hv_vm_sec;
int hv_virt_sec_get(hv_virt *v, const char *uuid, hv_vm_sec *out, hv_eng_err *err);
typedef struct {
    int tpm; /* -1 keep, 0 remove, 1 add (gen 2, off, key protector needed) */
    bool new_key_protector;
    int encrypt_traffic, vbs_optout; /* -1 keep */
} hv_sec_set;
int hv_virt_sec_set(hv_virt *v, const char *uuid, const hv_sec_set *s, hv_eng_err *err);

/* ---- COM ports 1, 2: <serial type='unix' port 0/1>; "\\.\pipe\NAME" maps to the socket
 * $HVSH_PIPE_DIR/NAME (default /var/lib/libvirt/qemu/pipe/NAME); "" = not connected ---- */
int hv_virt_com_get(hv_virt *v, const char *uuid, char paths[2][512], hv_eng_err *err);
int hv_virt_com_set(hv_virt *v, const char *uuid, int number, const char *path, hv_eng_err *err);

/* ---- integration services: the QEMU guest agent channel + <hv:integration> ---- */
#define HV_INTEG_GSI       0x01u /* Guest Service Interface */
#define HV_INTEG_HEARTBEAT 0x02u
#define HV_INTEG_KVP       0x04u /* Key-Value Pair Exchange */
#define HV_INTEG_SHUTDOWN  0x08u
#define HV_INTEG_TIMESYNC  0x10u
#define HV_INTEG_VSS       0x20u
#define HV_INTEG_N         6
/* Hyper-V's names in Get-VMIntegrationService order, bit i = 1u << i. */
extern const char *const hv_virt_integ_names[HV_INTEG_N];
/* Enabled services; *agent = the guest agent channel is defined. */
int hv_virt_integ_get(hv_virt *v, const char *uuid, unsigned *enabled, bool *agent,
                      hv_eng_err *err);
/* Turn services on/off; the agent channel is added when a service that needs it is on and
 * removed when none is (live too, where the driver can hot-plug). */
int hv_virt_integ_set(hv_virt *v, const char *uuid, unsigned on, unsigned off, hv_eng_err *err);
/* State, and whether the guest agent is connected (libvirt's channel state; on the test
 * driver: the VM runs and has the channel). */
int hv_virt_vm_agent(hv_virt *v, const char *uuid, hv_vm_state *st, bool *connected,
                     hv_eng_err *err);

/* Set-VMHardDiskDrive: a new file (path, NULL keep) and/or another slot (to_* < 0 keep; a
 * new type without a number = controller 0; no location = the first free one). The VM must be
 * off. target_out[16] receives the drive's target afterwards. */
typedef struct {
    const char *path;
    int to_type, to_number, to_location;
} hv_disk_set;
int hv_virt_disk_set(hv_virt *v, const char *uuid, const char *target, const hv_disk_set *s,
                     char target_out[16], hv_eng_err *err);
/* SCSI controllers (0..3): have[n] = controller n exists (explicitly or for a disk). */
int hv_virt_scsi_list(hv_virt *v, const char *uuid, bool have[4], hv_eng_err *err);
int hv_virt_scsi_add(hv_virt *v, const char *uuid, int *number_out, hv_eng_err *err);
/* Removes controller n with the drives on it. */
int hv_virt_scsi_remove(hv_virt *v, const char *uuid, int number, hv_eng_err *err);

/* Export-VM: <dir>/<name>/Virtual Machines/<uuid>.xml + Virtual Hard Disks/ (copies, chains
 * flattened); the VM must be off; built in a staging folder and renamed into place, so the
 * export appears complete or not at all. xml_out receives the XML's path. */
int hv_virt_vm_export(hv_virt *v, const char *uuid, const char *dir, char *xml_out, size_t n,
                      hv_eng_err *err);
/* Import-VM of such an XML: registered in place, or with copy the hard disks copied into
 * vhd_dest (NULL = the host's VirtualHardDiskPath) first; new_id gives a new UUID and new
 * dynamic MACs. Copies are removed again if the define fails. */
typedef struct {
    bool copy, new_id;
    const char *vhd_dest; /* NULL = host default */
    const char *vm_dest;  /* recorded as the VM's Path, or NULL */
} hv_import_spec;
int hv_virt_vm_import(hv_virt *v, const char *xml_path, const hv_import_spec *s, char uuid_out[37],
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
/* Rename-VMSnapshot: the checkpoint keeps its libvirt name (QEMU's internal snapshot tag) and
 * shows new_name (kept in its description; one metadata-only redefine). */
int hv_virt_snap_rename(hv_virt *v, const char *uuid, const char *name, const char *new_name,
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

/* Hyper-V host settings libvirt has no place for (Set-VMHost), per host name, in
 * $HVSH_STATE_DIR/vmhost.json (default /var/lib/hvsh); written atomically under a lock. */
typedef struct {
    char vhd_path[1024]; /* VirtualHardDiskPath */
    char vm_path[1024];  /* VirtualMachinePath */
    bool enhanced_session;
    char mac_min[13], mac_max[13]; /* "00155D000000" */
    bool numa_spanning;
    int max_vm_migrations, max_storage_migrations;
} hv_vmhost_cfg;
void hv_virt_hostcfg_defaults(hv_vmhost_cfg *c);
/* Defaults for what was never set. */
int hv_virt_hostcfg_load(const char *host, hv_vmhost_cfg *c, hv_eng_err *err);
/* Validates (MAC range, absolute folders) and stores c for host. */
int hv_virt_hostcfg_save(const char *host, const hv_vmhost_cfg *c, hv_eng_err *err);

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
/* Convert-VHD: a new file dst (format from its name, as New-VHD) from src; type = Hyper-V's
 * VhdType (2 Fixed, 3 Dynamic, 4 Differencing with parent; -1 = like the source). dst is
 * written under a temporary name and renamed when complete; never overwritten. */
int hv_virt_vhd_convert(const char *src, const char *dst, int type, const char *parent,
                        hv_eng_err *err);
/* Test-VHD: qemu-img check; *ok false with detail (qemu-img's words) when damaged. */
int hv_virt_vhd_check(const char *path, bool *ok, char *detail, size_t n, hv_eng_err *err);
/* Optimize-VHD: rewrite a qcow2 without its unused clusters (not while in use). */
int hv_virt_vhd_optimize(const char *path, hv_eng_err *err);

#endif
