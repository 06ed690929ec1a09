/* sysnbr.h — neighbor cache (RTM_GETNEIGH over libmnl) and the socket tables
 * (/proc/net/{tcp,tcp6,udp,udp6} with the owning process found through /proc/<pid>/fd) for
 * Get-NetNeighbor, Get-NetTCPConnection and Get-NetUDPEndpoint. Lists are malloc'd arrays;
 * 0 / -1 with *err (engerr.h). Acts on the calling thread's network namespace. */
#ifndef HV_SYSNBR_H
#define HV_SYSNBR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engerr.h"
#include "engine/netlink.h"

typedef struct {
    int ifindex;
    hv_nl_ip ip;
    unsigned char lladdr[32];
    int lladdr_len;         /* 0 = none (incomplete / failed) */
    unsigned state;         /* NUD_* */
    unsigned flags;         /* NTF_* */
} hv_nl_nbr;

/* family AF_UNSPEC / AF_INET / AF_INET6. Entries in state NUD_NONE are skipped. */
int hv_nl_nbr_list(int family, hv_nl_nbr **out, size_t *n, hv_eng_err *err);

/* Windows' state name for a NUD_* state: Unreachable, Incomplete, Probe, Delay, Stale,
 * Reachable, Permanent. */
const char *hv_nl_nbr_state_name(unsigned nud);

typedef struct {
    bool tcp;
    hv_nl_ip local, remote;
    unsigned local_port, remote_port;
    int state;              /* kernel TCP state (1 ESTABLISHED ... 10 LISTEN, 11 CLOSING), 7 for UDP */
    unsigned long inode;
    int pid;                /* owning process, 0 when unknown (other user, gone) */
    uint64_t start_ticks;   /* process start time in clock ticks since boot, 0 unknown */
} hv_sys_sock;

/* tcp: /proc/net/tcp + tcp6; else udp + udp6. IPv4-mapped IPv6 entries stay IPv6. */
int hv_sys_sock_list(bool tcp, hv_sys_sock **out, size_t *n, hv_eng_err *err);
/* Windows' TCP state name (Listen, Established, TimeWait ...) of a kernel state. */
const char *hv_sys_sock_tcp_state_name(int st);

#endif
