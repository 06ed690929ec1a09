/* syscim.h — host facts for the Win32_* CIM classes (Get-CimInstance): operating system,
 * computer, processors, mounted file systems. Read from /etc/os-release, /proc (cpuinfo,
 * meminfo, stat, sys/kernel) and /sys/class/dmi/id; every path is taken relative to
 * $HVSH_SYSROOT when set (tests point it at recorded files). 0 / -1 with *err. */
#ifndef HV_SYSCIM_H
#define HV_SYSCIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engerr.h"

typedef struct {
    char caption[256];        /* PRETTY_NAME */
    char version[128];        /* kernel release ("6.1.0-18-amd64") */
    char build[64];           /* VERSION_ID ("12") */
    char arch[16];            /* "64-bit" / "32-bit" */
    char machine[72];         /* uname machine ("x86_64") */
    char hostname[256];
    uint64_t total_kb, free_kb;          /* MemTotal, MemAvailable */
    uint64_t swap_total_kb, swap_free_kb;
    int64_t boot_time;        /* seconds since the epoch (btime) */
    unsigned processes;       /* running processes (/proc/stat procs_running + sleeping: pid dirs) */
} hv_sys_cim_os;

typedef struct {
    char name[128];           /* model name */
    char vendor[64];          /* vendor_id: GenuineIntel, AuthenticAMD */
    unsigned socket;          /* physical id */
    unsigned cores, logical;  /* cpu cores, siblings (per socket) */
    unsigned mhz;             /* cpu MHz (rounded) */
    bool vmx;                 /* vmx or svm flag: VMMonitorModeExtensions */
    bool slat;                /* ept or npt flag: SecondLevelAddressTranslationExtensions */
    bool hypervisor;          /* running under a hypervisor ("hypervisor" flag) */
} hv_sys_cim_cpu;

typedef struct {
    char manufacturer[128];   /* dmi sys_vendor ("" unknown) */
    char model[128];          /* dmi product_name */
    char domain[256];         /* first search domain of resolv.conf, else "WORKGROUP" */
    unsigned sockets, logical;
    uint64_t total_bytes;
    bool hypervisor;
} hv_sys_cim_cs;

typedef struct {
    char mount[256];
    char device[256];
    char fstype[32];
    uint64_t size, free;
} hv_sys_cim_disk;

int hv_sys_cim_os_get(hv_sys_cim_os *os, hv_eng_err *err);
int hv_sys_cim_cpus(hv_sys_cim_cpu **out, size_t *n, hv_eng_err *err);   /* one per socket */
int hv_sys_cim_cs_get(hv_sys_cim_cs *cs, hv_eng_err *err);
/* Mounted block-device file systems (and tmpfs, which lab hosts use for scratch): no
 * proc/sys/cgroup/overlay pseudo file systems; statvfs gives size and free space. */
int hv_sys_cim_disks(hv_sys_cim_disk **out, size_t *n, hv_eng_err *err);

#endif
