/* resolv.h — DNS client servers per interface (Get-/Set-DnsClientServerAddress, netsh).
 *
 * Backends: systemd-resolved when it runs (its varlink socket exists — path overridable with
 * $HVSH_RESOLVED_SOCKET — and $HVSH_RESOLV_CONF is not set): `resolvectl dns <ifindex>
 * <servers>` per interface; else a resolv.conf file. The per-interface lists themselves
 * are kept by the caller (engine/netstate.h); this module renders them into the resolver
 * configuration. In resolv.conf they become one managed block at the top, so they take
 * precedence and the file's own servers stay below, untouched:
 *   # BEGIN hvsh: per-interface DNS servers (Set-DnsClientServerAddress)
 *   # interface Ethernet: 1.1.1.1 8.8.8.8
 *   nameserver 1.1.1.1
 *   nameserver 8.8.8.8
 *   # END hvsh
 * The file is replaced atomically (temporary file + rename; a symlink is followed).
 */
#ifndef HV_RESOLV_H
#define HV_RESOLV_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/engerr.h"

typedef enum { HV_DNS_RESOLV_CONF = 0, HV_DNS_RESOLVED } hv_dns_backend;

/* The resolv.conf in use: $HVSH_RESOLV_CONF, else /etc/resolv.conf. */
const char *hv_dns_conf_path(void);
hv_dns_backend hv_dns_detect(void);

typedef struct {
    const char *ifname;        /* display name (alias or kernel name) */
    int ifindex;
    const char *const *servers;
    size_t n;
} hv_dns_iface;

/* Servers listed in the file outside hvsh's block (the system's own). Missing file = none.
 * *out is a malloc'd array of malloc'd strings; free with hv_dns_strv_free. */
int hv_dns_conf_servers(const char *path, char ***out, size_t *n, hv_eng_err *err);
void hv_dns_strv_free(char **v, size_t n);
/* Rewrite the managed block (or, with systemd-resolved, set each link's servers). */
int hv_dns_apply(const hv_dns_iface *ifs, size_t n, hv_eng_err *err);
/* The text of the managed block hv_dns_apply would write (for -WhatIf); malloc'd. */
char *hv_dns_block_text(const hv_dns_iface *ifs, size_t n);

#endif
