/* sysdiag.h — network diagnostics for Test-Connection / Test-NetConnection: name lookup,
 * ICMP echo, TCP connect test and the kernel's route choice (source address + interface).
 *
 * ICMP echo uses an unprivileged ICMP datagram socket (socket(AF_INET, SOCK_DGRAM,
 * IPPROTO_ICMP), allowed when the caller's group is inside net.ipv4.ping_group_range), and
 * falls back to a raw socket (root / CAP_NET_RAW). Errors from the network (destination
 * unreachable, TTL expired) come back as a status, not as a failure: a failure (-1) means the
 * test itself could not be run (no socket permission, bad address).
 * Functions return 0 / -1 with *err filled (engerr.h). Everything acts on the calling
 * thread's network namespace.
 */
#ifndef HV_SYSDIAG_H
#define HV_SYSDIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engerr.h"
#include "engine/netlink.h"

/* Resolve a host name or address literal (getaddrinfo: /etc/hosts, then DNS). family 0 =
 * both. Addresses are de-duplicated, in resolver order, at most max. NOT_FOUND when the name
 * does not resolve. */
int hv_sys_diag_resolve(const char *host, int family, hv_nl_ip *out, size_t max, size_t *n,
                    hv_eng_err *err);

/* Reverse lookup (getnameinfo, NI_NAMEREQD): false when the address has no name. */
bool hv_sys_diag_reverse(const hv_nl_ip *ip, char *out, size_t n);

/* Status of one echo, named as .NET's System.Net.NetworkInformation.IPStatus. */
typedef enum {
    HV_PING_SUCCESS = 0,
    HV_PING_TIMED_OUT,
    HV_PING_NET_UNREACHABLE,   /* DestinationNetworkUnreachable */
    HV_PING_HOST_UNREACHABLE,  /* DestinationHostUnreachable */
    HV_PING_PORT_UNREACHABLE,  /* DestinationPortUnreachable */
    HV_PING_PROHIBITED,        /* DestinationProhibited */
    HV_PING_TTL_EXPIRED,       /* TtlExpired */
    HV_PING_UNKNOWN,           /* Unknown */
    HV_PING_PACKET_TOO_BIG,    /* PacketTooBig: needs fragmenting, DF set (see .mtu) */
} hv_ping_status;
const char *hv_sys_diag_ping_status_name(hv_ping_status s);

typedef struct {
    hv_ping_status status;
    uint32_t rtt_us;        /* round trip (Success), microseconds */
    hv_nl_ip from;          /* who answered (the target, or the router that reported) */
    bool has_from;
    int reply_ttl;          /* TTL / hop limit of the reply, -1 unknown */
    unsigned mtu;           /* PacketTooBig: the next-hop MTU reported, 0 unknown */
} hv_sys_diag_ping_result;

/* One ICMP/ICMPv6 echo of `size` payload bytes (0..65507) with the given TTL (0 = system
 * default), waiting at most timeout_ms. seq tells replies apart. */
int hv_sys_diag_ping(const hv_nl_ip *dst, int size, int ttl, int timeout_ms, unsigned seq,
                 hv_sys_diag_ping_result *r, hv_eng_err *err);

/* The same with the don't-fragment bit (IPv4) / without local fragmentation (IPv6): a
 * packet larger than the path allows gives HV_PING_PACKET_TOO_BIG. */
int hv_sys_diag_ping_df(const hv_nl_ip *dst, int size, int ttl, int timeout_ms, unsigned seq,
                        hv_sys_diag_ping_result *r, hv_eng_err *err);
/* The kernel's path MTU toward dst (interface MTU, or smaller once discovered); 0 unknown. */
unsigned hv_sys_diag_path_mtu(const hv_nl_ip *dst);

/* TCP connect to dst:port within timeout_ms. *ok says whether it connected; *sys_errno
 * holds the reason when not (ECONNREFUSED, ETIMEDOUT, ENETUNREACH...). */
int hv_sys_diag_tcp(const hv_nl_ip *dst, unsigned port, int timeout_ms, bool *ok,
                uint32_t *rtt_us, int *sys_errno, hv_eng_err *err);

/* The kernel's route choice toward dst (a connected UDP socket sends nothing): source
 * address and outgoing interface index (0 when the source is not on any interface, e.g.
 * loopback handled without one). UNREACHABLE when no route exists. */
int hv_sys_diag_route(const hv_nl_ip *dst, hv_nl_ip *src, int *ifindex, hv_eng_err *err);

#endif
