/* netlink.h — host networking over rtnetlink (libmnl): links, bridges for virtual switches,
 * addresses, routes. No language knowledge; plain structs in and out.
 *
 * Conventions: functions return 0 on success, -1 on failure with *err filled (err may be
 * NULL). Dumps return a malloc'd array the caller releases with free(). Names compare
 * case-insensitively (ASCII), as Windows adapter names do. Everything acts on the network
 * namespace of the calling thread, so tests run the engine inside `unshare -n`.
 *
 * A virtual switch is a Linux bridge. Its kernel name is the switch name when that is a valid
 * interface name (1..15 bytes, no whitespace, '/' or ':'), else "vs" + 8 hex digits of a hash
 * of the switch name. Its interface alias (IFLA_IFALIAS) is always "vEthernet (<SwitchName>)",
 * which is how Get-NetAdapter "vEthernet (VmNat)" finds it. EPERM maps to
 * HV_ENG_PERMISSION with a message saying root or CAP_NET_ADMIN is required.
 */
#ifndef HV_NETLINK_H
#define HV_NETLINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engerr.h"

#define HV_NL_IFNAMSIZ 16   /* kernel IFNAMSIZ: 15 characters + NUL */
#define HV_NL_ALIASSIZ 256  /* IFALIASZ: 255 bytes + NUL (the kernel accepts up to 254 chars) */
#define HV_NL_INFINITE 0xFFFFFFFFu /* address lifetime "forever" */

typedef struct hv_nl hv_nl; /* one rtnetlink socket; cheap to open (one per cmdlet call) */

int hv_nl_open(hv_nl **out, hv_eng_err *err);
void hv_nl_close(hv_nl *nl);

/* ---- IP addresses and prefixes (text <-> binary) ---- */
typedef struct {
    int family;              /* AF_INET or AF_INET6 */
    unsigned char addr[16];  /* network byte order; 4 bytes used for AF_INET */
} hv_nl_ip;

/* Parses "192.168.1.1" or "fe80::1" (no prefix, no zone); family 0 = either. */
int hv_nl_ip_parse(const char *s, int family, hv_nl_ip *out, hv_eng_err *err);
/* Writes the canonical text form (inet_ntop); buf of at least 46 bytes. */
const char *hv_nl_ip_format(const hv_nl_ip *ip, char *buf, size_t n);
/* Parses "192.168.100.0/24" (prefix mandatory). host_bits_ok=false rejects set host bits. */
int hv_nl_prefix_parse(const char *s, bool host_bits_ok, hv_nl_ip *ip, int *prefixlen,
                       hv_eng_err *err);
/* Do a/alen and b/blen overlap (one contains the other)? Different families never do. */
bool hv_nl_prefix_overlap(const hv_nl_ip *a, int alen, const hv_nl_ip *b, int blen);
/* Is ip inside net/len? */
bool hv_nl_prefix_contains(const hv_nl_ip *net, int len, const hv_nl_ip *ip);
/* Clear host bits of ip beyond len. */
void hv_nl_prefix_mask(hv_nl_ip *ip, int len);

/* ---- links ---- */
typedef struct {
    int ifindex;
    char name[HV_NL_IFNAMSIZ];
    char alias[HV_NL_ALIASSIZ];   /* "" when none */
    char kind[32];                /* IFLA_INFO_KIND: "bridge", "veth", "tun"...; "" = none */
    char parent_bus[32];          /* IFLA_PARENT_DEV_BUS_NAME ("pci"...) for physical NICs */
    unsigned flags;               /* IFF_* (IFF_UP = admin up, IFF_LOWER_UP = carrier) */
    int oper_state;               /* IF_OPER_* */
    unsigned mtu;
    int master;                   /* ifindex of the bridge it is enslaved to, 0 if none */
    int link_type;                /* ARPHRD_* (ARPHRD_ETHER, ARPHRD_LOOPBACK...) */
    unsigned char mac[6];
    unsigned char perm_mac[6];
    int mac_len, perm_mac_len;
    uint64_t speed_mbps;          /* from ethtool; 0 = unknown */
    bool physical;                /* backed by a bus device (not virtual) */
    char driver[32];              /* ethtool driver name ("veth", "bridge", "virtio_net"...) */
} hv_nl_link;

/* The name users see: the alias when set, else the kernel name. */
const char *hv_nl_link_display_name(const hv_nl_link *l);

int hv_nl_links(hv_nl *nl, hv_nl_link **out, size_t *n, hv_eng_err *err);
int hv_nl_link_get(hv_nl *nl, int ifindex, hv_nl_link *out, hv_eng_err *err);
/* Find by alias first, then kernel name, case-insensitively. NOT_FOUND when absent. */
int hv_nl_link_find(hv_nl *nl, const char *name, hv_nl_link *out, hv_eng_err *err);
int hv_nl_link_set_up(hv_nl *nl, int ifindex, bool up, hv_eng_err *err);
/* alias "" removes it */
int hv_nl_link_set_alias(hv_nl *nl, int ifindex, const char *alias, hv_eng_err *err);
int hv_nl_link_set_mtu(hv_nl *nl, int ifindex, unsigned mtu, hv_eng_err *err);
int hv_nl_link_delete(hv_nl *nl, int ifindex, hv_eng_err *err);
/* Creates a veth pair (tests, "Ethernet" stand-ins). */
int hv_nl_veth_create(hv_nl *nl, const char *name, const char *peer, hv_eng_err *err);
/* Is `name` a valid kernel interface name? (1..15 bytes, no whitespace, '/', ':') */
bool hv_nl_ifname_valid(const char *name);

/* ---- virtual switches (bridges) ---- */
/* The kernel name a switch gets (see the header comment); out has HV_NL_IFNAMSIZ bytes. */
void hv_nl_switch_ifname(const char *switch_name, char out[HV_NL_IFNAMSIZ]);
/* "vEthernet (<SwitchName>)"; out has HV_NL_ALIASSIZ bytes. */
void hv_nl_switch_alias(const char *switch_name, char out[HV_NL_ALIASSIZ]);
/* Create the bridge and bring it up: RTM_NEWLINK with name, alias and kind, then one
 * RTM_NEWLINK setting the alias again with IFF_UP (kernel 6.x ignores IFLA_IFALIAS on
 * creation); a failure there deletes the new bridge. When the plain name is taken by another
 * interface, the hashed name is used instead. EXISTS if a bridge with the switch's alias
 * already exists; INVALID if the name is empty or the alias would be longer than the kernel
 * allows. out (may be NULL) receives the new link. */
int hv_nl_switch_create(hv_nl *nl, const char *switch_name, hv_nl_link *out, hv_eng_err *err);
/* Find the bridge of a switch by its alias (case-insensitive). NOT_FOUND when absent. */
int hv_nl_switch_find(hv_nl *nl, const char *switch_name, hv_nl_link *out, hv_eng_err *err);
/* Delete the bridge (the kernel releases its ports). For an External switch call
 * hv_nl_switch_detach first so the adapter gets its addresses back. NOT_FOUND when absent. */
int hv_nl_switch_delete(hv_nl *nl, const char *switch_name, hv_eng_err *err);
/* Rename: only the alias changes (the kernel name stays; renaming it needs the link down). */
int hv_nl_switch_rename(hv_nl *nl, const char *old_name, const char *new_name,
                        hv_eng_err *err);
/* External switch: enslave adapter (found by hv_nl_link_find) to the switch's bridge. With
 * move_ip (AllowManagementOS), the adapter's addresses and non-kernel routes move to the
 * bridge and the bridge takes the adapter's MAC. On any failure every step done is undone. */
int hv_nl_switch_attach(hv_nl *nl, const char *switch_name, const char *adapter, bool move_ip,
                        hv_eng_err *err);
/* Release adapter (NULL = every port that is not a tap) from the switch's bridge; with
 * move_ip, the bridge's addresses and non-kernel routes go back to the adapter (the first
 * released one). Rollback as above. A switch without such ports is fine (returns 0). */
int hv_nl_switch_detach(hv_nl *nl, const char *switch_name, const char *adapter, bool move_ip,
                        hv_eng_err *err);

/* ---- addresses ---- */
typedef struct {
    int ifindex;
    hv_nl_ip addr;
    int prefixlen;
    unsigned flags;           /* IFA_F_* (TENTATIVE, DEPRECATED, PERMANENT, NODAD...) */
    unsigned char scope;      /* RT_SCOPE_* */
    uint32_t valid_lft;       /* seconds, HV_NL_INFINITE = forever */
    uint32_t preferred_lft;
} hv_nl_addr;

/* family: AF_UNSPEC, AF_INET or AF_INET6; ifindex 0 = all interfaces */
int hv_nl_addrs(hv_nl *nl, int family, int ifindex, hv_nl_addr **out, size_t *n,
                hv_eng_err *err);
/* EXISTS when the address is already on that interface. flags: IFA_F_NODAD etc.
 * preferred_lft 0 makes it deprecated (SkipAsSource); use HV_NL_INFINITE normally. */
int hv_nl_addr_add(hv_nl *nl, int ifindex, const hv_nl_ip *ip, int prefixlen, unsigned flags,
                   uint32_t preferred_lft, hv_eng_err *err);
/* Change an existing address's prefix/flags/lifetime (NLM_F_REPLACE). */
int hv_nl_addr_replace(hv_nl *nl, int ifindex, const hv_nl_ip *ip, int prefixlen,
                       unsigned flags, uint32_t preferred_lft, hv_eng_err *err);
int hv_nl_addr_del(hv_nl *nl, int ifindex, const hv_nl_ip *ip, int prefixlen,
                   hv_eng_err *err);

/* ---- routes (main table) ---- */
typedef struct {
    int family;
    hv_nl_ip dst;             /* zero for default */
    int dst_len;
    hv_nl_ip gateway;
    bool has_gateway;
    int oif;
    uint32_t metric;          /* RTA_PRIORITY */
    unsigned char protocol;   /* RTPROT_* (KERNEL = made by an address, STATIC = by us) */
    unsigned char scope, type, table;
    hv_nl_ip prefsrc;
    bool has_prefsrc;
    bool onlink;              /* RTNH_F_ONLINK: gateway reachable without a connected route */
} hv_nl_route;

/* Unicast routes of the main table; family AF_UNSPEC = both. */
int hv_nl_routes(hv_nl *nl, int family, hv_nl_route **out, size_t *n, hv_eng_err *err);
/* Adds r (protocol 0 becomes RTPROT_STATIC). EXISTS for a duplicate, UNREACHABLE when the
 * gateway is not on-link. */
int hv_nl_route_add(hv_nl *nl, const hv_nl_route *r, hv_eng_err *err);
int hv_nl_route_del(hv_nl *nl, const hv_nl_route *r, hv_eng_err *err);

/* ---- sysctl of the current namespace ---- */
/* IPv4 forwarding (/proc/sys/net/ipv4/ip_forward): get returns 0/1 or -1. */
int hv_nl_ip_forward_get(hv_eng_err *err);
int hv_nl_ip_forward_set(bool on, hv_eng_err *err);

#endif
