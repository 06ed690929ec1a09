/* sysctl.h — per-interface IP sysctls under /proc/sys/net (language-free; returns 0 / -1 with
 * *err filled, or the value for the getters). Used by Set-/Get-NetIPInterface -Forwarding. */
#ifndef HV_SYSCTL_H
#define HV_SYSCTL_H

#include <stdbool.h>

#include "engine/engerr.h"

/* net.ipv{4,6}.conf.<ifname>.forwarding (family AF_INET or AF_INET6): 0/1, or -1 when it
 * cannot be read (no such interface, no /proc). */
int hv_sys_if_forward_get(const char *ifname, int family);
int hv_sys_if_forward_set(const char *ifname, int family, bool on, hv_eng_err *err);

#endif
