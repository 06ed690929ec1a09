/* netlink.c — rtnetlink over libmnl: links, bridges for switches, addresses, routes.
 * Every request is written out explicitly (engine-lab §4): the kernel's errno comes back
 * unchanged, so ERANGE (name too long) and EINVAL (bad characters) stay apart. */
#include "engine/netlink.h"

#include "engine/fault.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libmnl/libmnl.h>
#include <linux/ethtool.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/sockios.h>
#include <linux/veth.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define NL_BUFSZ 32768

struct hv_nl {
    struct mnl_socket *sock;
    unsigned portid;
    unsigned seq;
    int ioctl_fd; /* AF_INET datagram socket for ethtool, opened on first use */
    char buf[NL_BUFSZ];
};

static const char perm_msg[] =
    "Access is denied. Changing the network configuration requires root or CAP_NET_ADMIN.";

/* An errno from the kernel as an engine error with a sentence naming what failed. */
static int
nl_fail_errno(hv_eng_err *err, int e, const char *what)
{
    int code = hv_eng_code_from_errno(e);
    if (code == HV_ENG_PERMISSION)
        return hv_eng_fail(err, code, e, "%s", perm_msg);
    return hv_eng_fail(err, code, e, "%s: %s", what, strerror(e));
}

int
hv_nl_open(hv_nl **out, hv_eng_err *err)
{
    hv_nl *nl = calloc(1, sizeof *nl);
    if (!nl)
        abort();
    nl->ioctl_fd = -1;
    nl->sock = mnl_socket_open2(NETLINK_ROUTE, SOCK_CLOEXEC);
    if (!nl->sock || mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
        int e = errno;
        hv_nl_close(nl);
        return nl_fail_errno(err, e, "Cannot open a netlink socket");
    }
    nl->portid = mnl_socket_get_portid(nl->sock);
    nl->seq = (unsigned)time(NULL);
    *out = nl;
    return 0;
}

void
hv_nl_close(hv_nl *nl)
{
    if (!nl)
        return;
    if (nl->sock)
        mnl_socket_close(nl->sock);
    if (nl->ioctl_fd >= 0)
        close(nl->ioctl_fd);
    free(nl);
}

/* The fault-injection site of a request that changes the kernel's state (fault.h);
 * NULL for reads. */
static const char *
nl_fault_site(const struct nlmsghdr *nlh)
{
    switch (nlh->nlmsg_type) {
    case RTM_NEWLINK: return "netlink:newlink";
    case RTM_DELLINK: return "netlink:dellink";
    case RTM_SETLINK: return "netlink:setlink";
    case RTM_NEWADDR: return "netlink:newaddr";
    case RTM_DELADDR: return "netlink:deladdr";
    case RTM_NEWROUTE: return "netlink:newroute";
    case RTM_DELROUTE: return "netlink:delroute";
    default: return NULL;
    }
}

/* Send one request and read replies until its ACK / DONE. Returns 0 or -errno. */
static int
nl_talk(hv_nl *nl, struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
    const char *site = nl_fault_site(nlh);
    if (site && hv_eng_fault(site))
        return -EIO; /* injected: as if the kernel had answered EIO */
    nlh->nlmsg_seq = ++nl->seq;
    if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0)
        return -errno;
    for (;;) {
        ssize_t n = mnl_socket_recvfrom(nl->sock, nl->buf, sizeof nl->buf);
        if (n < 0)
            return -errno;
        /* A dump that another process's change interrupted is marked NLM_F_DUMP_INTR, and
         * libmnl would stop at once (EINTR), leaving the rest of the dump in the socket to
         * be read as the answer to our next request (EPROTO: wrong sequence number). Take
         * it as complete, as iproute2 does; and skip what is left of an earlier reply. */
        struct nlmsghdr *m = (struct nlmsghdr *)nl->buf;
        int left = (int)n;
        if (mnl_nlmsg_ok(m, left) && m->nlmsg_seq != nlh->nlmsg_seq)
            continue;
        for (; mnl_nlmsg_ok(m, left); m = mnl_nlmsg_next(m, &left))
            m->nlmsg_flags &= (uint16_t)~NLM_F_DUMP_INTR;
        int rc = mnl_cb_run(nl->buf, (size_t)n, nlh->nlmsg_seq, nl->portid, cb, data);
        if (rc < 0)
            return -errno;
        if (rc == MNL_CB_STOP)
            return 0;
    }
}

/* A request header in a caller-provided buffer (requests are built apart from nl->buf,
 * which receives the replies). */
static struct nlmsghdr *
nl_req(char *buf, int type, int flags)
{
    struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
    nlh->nlmsg_type = (uint16_t)type;
    nlh->nlmsg_flags = (uint16_t)(NLM_F_REQUEST | flags);
    return nlh;
}

/* ================================ addresses as text ================================ */

static size_t
ip_len(int family)
{
    return family == AF_INET6 ? 16 : 4;
}

int
hv_nl_ip_parse(const char *s, int family, hv_nl_ip *out, hv_eng_err *err)
{
    memset(out, 0, sizeof *out);
    if (family != AF_INET6 && inet_pton(AF_INET, s, out->addr) == 1) {
        out->family = AF_INET;
        return 0;
    }
    if (family != AF_INET && inet_pton(AF_INET6, s, out->addr) == 1) {
        out->family = AF_INET6;
        return 0;
    }
    return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "'%s' is not a valid %s address.", s,
                       family == AF_INET ? "IPv4" : family == AF_INET6 ? "IPv6" : "IP");
}

const char *
hv_nl_ip_format(const hv_nl_ip *ip, char *buf, size_t n)
{
    if (!inet_ntop(ip->family == AF_INET6 ? AF_INET6 : AF_INET, ip->addr, buf, (socklen_t)n))
        snprintf(buf, n, "?");
    return buf;
}

void
hv_nl_prefix_mask(hv_nl_ip *ip, int len)
{
    int bits = (int)ip_len(ip->family) * 8;
    for (int i = len; i < bits; i++)
        ip->addr[i / 8] &= (unsigned char)~(0x80u >> (i % 8));
}

bool
hv_nl_prefix_contains(const hv_nl_ip *net, int len, const hv_nl_ip *ip)
{
    if (net->family != ip->family)
        return false;
    hv_nl_ip a = *net, b = *ip;
    hv_nl_prefix_mask(&a, len);
    hv_nl_prefix_mask(&b, len);
    return memcmp(a.addr, b.addr, ip_len(a.family)) == 0;
}

bool
hv_nl_prefix_overlap(const hv_nl_ip *a, int alen, const hv_nl_ip *b, int blen)
{
    if (a->family != b->family)
        return false;
    return alen <= blen ? hv_nl_prefix_contains(a, alen, b) : hv_nl_prefix_contains(b, blen, a);
}

int
hv_nl_prefix_parse(const char *s, bool host_bits_ok, hv_nl_ip *ip, int *prefixlen,
                   hv_eng_err *err)
{
    const char *slash = strchr(s, '/');
    char addr[64];
    if (!slash || (size_t)(slash - s) >= sizeof addr || !slash[1])
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                           "'%s' is not a valid address prefix (expected address/length).", s);
    memcpy(addr, s, (size_t)(slash - s));
    addr[slash - s] = 0;
    if (hv_nl_ip_parse(addr, 0, ip, NULL) < 0)
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                           "'%s' is not a valid address prefix: '%s' is not an IP address.", s,
                           addr);
    char *end;
    errno = 0;
    long len = strtol(slash + 1, &end, 10);
    int max = (int)ip_len(ip->family) * 8;
    if (*end || errno || len < 0 || len > max || !isdigit((unsigned char)slash[1]))
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                           "'%s' is not a valid address prefix: the prefix length must be "
                           "between 0 and %d.", s, max);
    if (!host_bits_ok) {
        hv_nl_ip net = *ip;
        hv_nl_prefix_mask(&net, (int)len);
        if (memcmp(net.addr, ip->addr, ip_len(ip->family)) != 0)
            return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                               "'%s' is not a valid address prefix: host bits are set.", s);
    }
    *prefixlen = (int)len;
    return 0;
}

/* ================================ links ================================ */

const char *
hv_nl_link_display_name(const hv_nl_link *l)
{
    return l->alias[0] ? l->alias : l->name;
}

bool
hv_nl_ifname_valid(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n >= HV_NL_IFNAMSIZ || !strcmp(name, ".") || !strcmp(name, ".."))
        return false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (isspace(*p) || *p == '/' || *p == ':' || *p < 0x20 || *p >= 0x7f)
            return false;
    return true;
}

static int
link_info_cb(const struct nlattr *attr, void *data)
{
    hv_nl_link *l = data;
    if (mnl_attr_get_type(attr) == IFLA_INFO_KIND && mnl_attr_validate(attr, MNL_TYPE_STRING) >= 0)
        snprintf(l->kind, sizeof l->kind, "%s", mnl_attr_get_str(attr));
    return MNL_CB_OK;
}

static void
copy_mac(unsigned char *dst, int *dlen, const struct nlattr *attr)
{
    size_t n = mnl_attr_get_payload_len(attr);
    if (n > 6)
        n = 6;
    memcpy(dst, mnl_attr_get_payload(attr), n);
    *dlen = (int)n;
}

static int
link_attr_cb(const struct nlattr *attr, void *data)
{
    hv_nl_link *l = data;
    switch (mnl_attr_get_type(attr)) {
    case IFLA_IFNAME:
        snprintf(l->name, sizeof l->name, "%s", mnl_attr_get_str(attr));
        break;
    case IFLA_IFALIAS:
        snprintf(l->alias, sizeof l->alias, "%s", mnl_attr_get_str(attr));
        break;
    case IFLA_MTU:
        l->mtu = mnl_attr_get_u32(attr);
        break;
    case IFLA_MASTER:
        l->master = (int)mnl_attr_get_u32(attr);
        break;
    case IFLA_OPERSTATE:
        l->oper_state = mnl_attr_get_u8(attr);
        break;
    case IFLA_ADDRESS:
        copy_mac(l->mac, &l->mac_len, attr);
        break;
    case IFLA_PERM_ADDRESS:
        copy_mac(l->perm_mac, &l->perm_mac_len, attr);
        break;
    case IFLA_PARENT_DEV_BUS_NAME:
        snprintf(l->parent_bus, sizeof l->parent_bus, "%s", mnl_attr_get_str(attr));
        l->physical = true;
        break;
    case IFLA_LINKINFO:
        mnl_attr_parse_nested(attr, link_info_cb, l);
        break;
    default:
        break;
    }
    return MNL_CB_OK;
}

static void
link_parse(const struct nlmsghdr *nlh, hv_nl_link *l)
{
    const struct ifinfomsg *ifm = mnl_nlmsg_get_payload(nlh);
    memset(l, 0, sizeof *l);
    l->ifindex = ifm->ifi_index;
    l->flags = ifm->ifi_flags;
    l->link_type = ifm->ifi_type;
    mnl_attr_parse(nlh, sizeof *ifm, link_attr_cb, l);
}

/* Link speed through the ethtool ioctl (works in any namespace, unlike /sys/class/net of
 * a namespace that did not mount its own sysfs). */
static void
link_speed(hv_nl *nl, hv_nl_link *l)
{
    if (nl->ioctl_fd < 0)
        nl->ioctl_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (nl->ioctl_fd < 0 || l->link_type == ARPHRD_LOOPBACK)
        return;
    struct ethtool_cmd ec = {.cmd = ETHTOOL_GSET};
    struct ethtool_drvinfo di = {.cmd = ETHTOOL_GDRVINFO};
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", l->name);
    ifr.ifr_data = (void *)&di;
    if (ioctl(nl->ioctl_fd, SIOCETHTOOL, &ifr) == 0)
        snprintf(l->driver, sizeof l->driver, "%s", di.driver);
    ifr.ifr_data = (void *)&ec;
    if (ioctl(nl->ioctl_fd, SIOCETHTOOL, &ifr) < 0)
        return;
    uint32_t speed = ((uint32_t)ec.speed_hi << 16) | ec.speed; /* ethtool_cmd_speed() shifts an int */
    if (speed != (uint32_t)SPEED_UNKNOWN && speed != 0)
        l->speed_mbps = speed;
}

typedef struct {
    hv_nl_link *v;
    size_t n, cap;
} link_vec;

static int
link_dump_cb(const struct nlmsghdr *nlh, void *data)
{
    link_vec *lv = data;
    if (lv->n == lv->cap) {
        lv->cap = lv->cap ? lv->cap * 2 : 16;
        lv->v = realloc(lv->v, lv->cap * sizeof *lv->v);
        if (!lv->v)
            abort();
    }
    link_parse(nlh, &lv->v[lv->n++]);
    return MNL_CB_OK;
}

/* Dump every link; the ethtool data (speed, driver) only when asked, since it costs two
 * ioctls per link and lookups by name do not need it. */
static int
links_dump(hv_nl *nl, bool ethtool, hv_nl_link **out, size_t *n, hv_eng_err *err)
{
    char req[256];
    struct nlmsghdr *nlh = nl_req(req, RTM_GETLINK, NLM_F_DUMP);
    struct ifinfomsg *ifm = mnl_nlmsg_put_extra_header(nlh, sizeof *ifm);
    ifm->ifi_family = AF_UNSPEC;
    mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
    link_vec lv = {0};
    int rc = nl_talk(nl, nlh, link_dump_cb, &lv);
    if (rc < 0) {
        free(lv.v);
        return nl_fail_errno(err, -rc, "Cannot list network interfaces");
    }
    for (size_t i = 0; ethtool && i < lv.n; i++)
        link_speed(nl, &lv.v[i]);
    *out = lv.v;
    *n = lv.n;
    return 0;
}

int
hv_nl_links(hv_nl *nl, hv_nl_link **out, size_t *n, hv_eng_err *err)
{
    return links_dump(nl, true, out, n, err);
}

static int
link_one_cb(const struct nlmsghdr *nlh, void *data)
{
    link_parse(nlh, data);
    return MNL_CB_OK;
}

int
hv_nl_link_get(hv_nl *nl, int ifindex, hv_nl_link *out, hv_eng_err *err)
{
    char req[256];
    struct nlmsghdr *nlh = nl_req(req, RTM_GETLINK, NLM_F_ACK);
    struct ifinfomsg *ifm = mnl_nlmsg_put_extra_header(nlh, sizeof *ifm);
    ifm->ifi_family = AF_UNSPEC;
    ifm->ifi_index = ifindex;
    mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
    int rc = nl_talk(nl, nlh, link_one_cb, out);
    if (rc == -ENODEV)
        return hv_eng_fail(err, HV_ENG_NOT_FOUND, ENODEV,
                           "No network interface has index %d.", ifindex);
    if (rc < 0)
        return nl_fail_errno(err, -rc, "Cannot read network interface");
    link_speed(nl, out);
    return 0;
}

int
hv_nl_link_find(hv_nl *nl, const char *name, hv_nl_link *out, hv_eng_err *err)
{
    hv_nl_link *v;
    size_t n;
    if (links_dump(nl, false, &v, &n, err) < 0)
        return -1;
    const hv_nl_link *hit = NULL;
    for (size_t i = 0; i < n && !hit; i++)
        if (v[i].alias[0] && !strcasecmp(v[i].alias, name))
            hit = &v[i];
    for (size_t i = 0; i < n && !hit; i++)
        if (!strcasecmp(v[i].name, name))
            hit = &v[i];
    if (hit) {
        *out = *hit;
        link_speed(nl, out);
    }
    free(v);
    if (!hit)
        return hv_eng_fail(err, HV_ENG_NOT_FOUND, ENODEV,
                           "No network interface is named '%s'.", name);
    return 0;
}

/* RTM_NEWLINK on an existing link with the attributes put by fill(). */
static int
link_change(hv_nl *nl, int ifindex, unsigned flags, unsigned change,
            void (*fill)(struct nlmsghdr *, const void *), const void *arg, const char *what,
            hv_eng_err *err)
{
    char req[1024];
    struct nlmsghdr *nlh = nl_req(req, RTM_NEWLINK, NLM_F_ACK);
    struct ifinfomsg *ifm = mnl_nlmsg_put_extra_header(nlh, sizeof *ifm);
    ifm->ifi_family = AF_UNSPEC;
    ifm->ifi_index = ifindex;
    ifm->ifi_flags = flags;
    ifm->ifi_change = change;
    if (fill)
        fill(nlh, arg);
    int rc = nl_talk(nl, nlh, NULL, NULL);
    return rc < 0 ? nl_fail_errno(err, -rc, what) : 0;
}

int
hv_nl_link_set_up(hv_nl *nl, int ifindex, bool up, hv_eng_err *err)
{
    return link_change(nl, ifindex, up ? IFF_UP : 0, IFF_UP, NULL, NULL,
                       up ? "Cannot enable the interface" : "Cannot disable the interface", err);
}

static void
fill_alias(struct nlmsghdr *nlh, const void *arg)
{
    mnl_attr_put_strz(nlh, IFLA_IFALIAS, arg);
}

int
hv_nl_link_set_alias(hv_nl *nl, int ifindex, const char *alias, hv_eng_err *err)
{
    if (strlen(alias) >= HV_NL_ALIASSIZ - 1)
        return hv_eng_fail(err, HV_ENG_INVALID, ERANGE,
                           "The name '%s' is too long (at most %d characters).", alias,
                           HV_NL_ALIASSIZ - 2);
    return link_change(nl, ifindex, 0, 0, fill_alias, alias, "Cannot rename the interface", err);
}

static void
fill_mtu(struct nlmsghdr *nlh, const void *arg)
{
    mnl_attr_put_u32(nlh, IFLA_MTU, *(const unsigned *)arg);
}

int
hv_nl_link_set_mtu(hv_nl *nl, int ifindex, unsigned mtu, hv_eng_err *err)
{
    return link_change(nl, ifindex, 0, 0, fill_mtu, &mtu, "Cannot set the MTU", err);
}

static void
fill_master(struct nlmsghdr *nlh, const void *arg)
{
    mnl_attr_put_u32(nlh, IFLA_MASTER, (uint32_t)*(const int *)arg);
}

static void
fill_mac(struct nlmsghdr *nlh, const void *arg)
{
    mnl_attr_put(nlh, IFLA_ADDRESS, 6, arg);
}

int
hv_nl_link_delete(hv_nl *nl, int ifindex, hv_eng_err *err)
{
    char req[256];
    struct nlmsghdr *nlh = nl_req(req, RTM_DELLINK, NLM_F_ACK);
    struct ifinfomsg *ifm = mnl_nlmsg_put_extra_header(nlh, sizeof *ifm);
    ifm->ifi_family = AF_UNSPEC;
    ifm->ifi_index = ifindex;
    int rc = nl_talk(nl, nlh, NULL, NULL);
    return rc < 0 ? nl_fail_errno(err, -rc, "Cannot delete the interface") : 0;
}

/* RTM_NEWLINK creating `name` of `kind`, with optional alias and veth peer. */
static int
link_create(hv_nl *nl, const char *name, const char *alias, const char *kind, const char *peer)
{
    char req[1024];
    struct nlmsghdr *nlh = nl_req(req, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
    struct ifinfomsg *ifm = mnl_nlmsg_put_extra_header(nlh, sizeof *ifm);
    ifm->ifi_family = AF_UNSPEC;
    mnl_attr_put_strz(nlh, IFLA_IFNAME, name);
    if (alias)
        mnl_attr_put_strz(nlh, IFLA_IFALIAS, alias);
    struct nlattr *li = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
    mnl_attr_put_strz(nlh, IFLA_INFO_KIND, kind);
    if (peer) {
        struct nlattr *data = mnl_attr_nest_start(nlh, IFLA_INFO_DATA);
        struct nlattr *pi = mnl_attr_nest_start(nlh, VETH_INFO_PEER);
        struct ifinfomsg *pifm = mnl_nlmsg_put_extra_header(nlh, sizeof *pifm);
        memset(pifm, 0, sizeof *pifm);
        mnl_attr_put_strz(nlh, IFLA_IFNAME, peer);
        mnl_attr_nest_end(nlh, pi);
        mnl_attr_nest_end(nlh, data);
    }
    mnl_attr_nest_end(nlh, li);
    return nl_talk(nl, nlh, NULL, NULL);
}

static int
name_error(hv_eng_err *err, int e, const char *name)
{
    if (e == ERANGE)
        return hv_eng_fail(err, HV_ENG_INVALID, e,
                           "The interface name '%s' is too long (at most 15 characters).", name);
    if (e == EINVAL)
        return hv_eng_fail(err, HV_ENG_INVALID, e,
                           "The interface name '%s' is not valid.", name);
    if (e == EEXIST)
        return hv_eng_fail(err, HV_ENG_EXISTS, e,
                           "A network interface named '%s' already exists.", name);
    return nl_fail_errno(err, e, "Cannot create the interface");
}

int
hv_nl_veth_create(hv_nl *nl, const char *name, const char *peer, hv_eng_err *err)
{
    int rc = link_create(nl, name, NULL, "veth", peer);
    return rc < 0 ? name_error(err, -rc, name) : 0;
}

/* ================================ switches ================================ */

/* FNV-1a over the ASCII-lowercased name: switch names are case-insensitive, so "VmNAT" and
 * "vmnat" must map to the same kernel name. */
static uint32_t
name_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)tolower((unsigned char)*s);
        h *= 16777619u;
    }
    return h;
}

void
hv_nl_switch_ifname(const char *switch_name, char out[HV_NL_IFNAMSIZ])
{
    if (hv_nl_ifname_valid(switch_name))
        snprintf(out, HV_NL_IFNAMSIZ, "%s", switch_name);
    else
        snprintf(out, HV_NL_IFNAMSIZ, "vs%08x", name_hash(switch_name));
}

void
hv_nl_switch_alias(const char *switch_name, char out[HV_NL_ALIASSIZ])
{
    snprintf(out, HV_NL_ALIASSIZ, "vEthernet (%s)", switch_name);
}

int
hv_nl_switch_find(hv_nl *nl, const char *switch_name, hv_nl_link *out, hv_eng_err *err)
{
    char alias[HV_NL_ALIASSIZ];
    hv_nl_switch_alias(switch_name, alias);
    hv_nl_link *v;
    size_t n;
    if (links_dump(nl, false, &v, &n, err) < 0)
        return -1;
    int found = -1;
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(v[i].alias, alias) && !strcmp(v[i].kind, "bridge")) {
            *out = v[i];
            found = 0;
            break;
        }
    free(v);
    if (found < 0)
        return hv_eng_fail(err, HV_ENG_NOT_FOUND, ENODEV,
                           "No bridge for the virtual switch '%s' exists.", switch_name);
    return 0;
}

static bool
name_taken(hv_nl *nl, const char *ifname)
{
    hv_nl_link *v;
    size_t n;
    if (links_dump(nl, false, &v, &n, NULL) < 0)
        return false;
    bool taken = false;
    for (size_t i = 0; i < n && !taken; i++)
        taken = !strcmp(v[i].name, ifname);
    free(v);
    return taken;
}

int
hv_nl_switch_create(hv_nl *nl, const char *switch_name, hv_nl_link *out, hv_eng_err *err)
{
    if (!switch_name[0])
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "The switch name is empty.");
    char alias[HV_NL_ALIASSIZ], ifname[HV_NL_IFNAMSIZ];
    if (strlen(switch_name) + 12 > HV_NL_ALIASSIZ - 2)
        return hv_eng_fail(err, HV_ENG_INVALID, ERANGE,
                           "The switch name is too long (at most %d characters).",
                           HV_NL_ALIASSIZ - 2 - 12);
    hv_nl_switch_alias(switch_name, alias);
    hv_nl_link l;
    if (hv_nl_switch_find(nl, switch_name, &l, NULL) == 0)
        return hv_eng_fail(err, HV_ENG_EXISTS, EEXIST,
                           "A bridge for the virtual switch '%s' already exists (%s).",
                           switch_name, l.name);
    hv_nl_switch_ifname(switch_name, ifname);
    if (name_taken(nl, ifname))
        snprintf(ifname, sizeof ifname, "vs%08x", name_hash(switch_name));
    int rc = link_create(nl, ifname, alias, "bridge", NULL);
    if (rc < 0)
        return name_error(err, -rc, ifname);
    if (hv_nl_link_find(nl, ifname, &l, err) < 0)
        return -1;
    /* The alias is sent at creation too, but kernels that handle IFLA_IFALIAS only in
     * setlink (6.x) ignore it there: set it again together with IFF_UP. */
    if (link_change(nl, l.ifindex, IFF_UP, IFF_UP, fill_alias, alias,
                    "Cannot bring the switch up", err) < 0) {
        hv_nl_link_delete(nl, l.ifindex, NULL);
        return -1;
    }
    l.flags |= IFF_UP;
    snprintf(l.alias, sizeof l.alias, "%s", alias);
    if (out)
        *out = l;
    return 0;
}

int
hv_nl_switch_delete(hv_nl *nl, const char *switch_name, hv_eng_err *err)
{
    hv_nl_link l;
    if (hv_nl_switch_find(nl, switch_name, &l, err) < 0)
        return -1;
    return hv_nl_link_delete(nl, l.ifindex, err);
}

int
hv_nl_switch_rename(hv_nl *nl, const char *old_name, const char *new_name, hv_eng_err *err)
{
    hv_nl_link l, other;
    if (hv_nl_switch_find(nl, old_name, &l, err) < 0)
        return -1;
    if (strcasecmp(old_name, new_name) && hv_nl_switch_find(nl, new_name, &other, NULL) == 0)
        return hv_eng_fail(err, HV_ENG_EXISTS, EEXIST,
                           "A bridge for the virtual switch '%s' already exists.", new_name);
    char alias[HV_NL_ALIASSIZ];
    if (strlen(new_name) + 12 > HV_NL_ALIASSIZ - 2)
        return hv_eng_fail(err, HV_ENG_INVALID, ERANGE, "The switch name is too long.");
    hv_nl_switch_alias(new_name, alias);
    return hv_nl_link_set_alias(nl, l.ifindex, alias, err);
}

/* ================================ addresses ================================ */

typedef struct {
    hv_nl_addr *v;
    size_t n, cap;
    int ifindex;
} addr_vec;

static int
addr_attr_cb(const struct nlattr *attr, void *data)
{
    hv_nl_addr *a = data;
    size_t len = mnl_attr_get_payload_len(attr);
    switch (mnl_attr_get_type(attr)) {
    case IFA_LOCAL: /* v4: the local address; IFA_ADDRESS may be a peer */
        if (len <= 16)
            memcpy(a->addr.addr, mnl_attr_get_payload(attr), len);
        a->flags |= 1u << 31; /* temporary marker: LOCAL seen */
        break;
    case IFA_ADDRESS:
        if (!(a->flags & (1u << 31)) && len <= 16)
            memcpy(a->addr.addr, mnl_attr_get_payload(attr), len);
        break;
    case IFA_FLAGS:
        a->flags = (a->flags & (1u << 31)) | mnl_attr_get_u32(attr);
        break;
    case IFA_CACHEINFO:
        if (len >= sizeof(struct ifa_cacheinfo)) {
            const struct ifa_cacheinfo *ci = mnl_attr_get_payload(attr);
            a->valid_lft = ci->ifa_valid;
            a->preferred_lft = ci->ifa_prefered;
        }
        break;
    default:
        break;
    }
    return MNL_CB_OK;
}

static int
addr_dump_cb(const struct nlmsghdr *nlh, void *data)
{
    addr_vec *av = data;
    const struct ifaddrmsg *ifa = mnl_nlmsg_get_payload(nlh);
    if (av->ifindex && (int)ifa->ifa_index != av->ifindex)
        return MNL_CB_OK;
    if (av->n == av->cap) {
        av->cap = av->cap ? av->cap * 2 : 16;
        av->v = realloc(av->v, av->cap * sizeof *av->v);
        if (!av->v)
            abort();
    }
    hv_nl_addr *a = &av->v[av->n++];
    memset(a, 0, sizeof *a);
    a->ifindex = (int)ifa->ifa_index;
    a->addr.family = ifa->ifa_family;
    a->prefixlen = ifa->ifa_prefixlen;
    a->flags = ifa->ifa_flags;
    a->scope = ifa->ifa_scope;
    a->valid_lft = a->preferred_lft = HV_NL_INFINITE;
    mnl_attr_parse(nlh, sizeof *ifa, addr_attr_cb, a);
    a->flags &= ~(1u << 31);
    return MNL_CB_OK;
}

int
hv_nl_addrs(hv_nl *nl, int family, int ifindex, hv_nl_addr **out, size_t *n, hv_eng_err *err)
{
    char req[256];
    struct nlmsghdr *nlh = nl_req(req, RTM_GETADDR, NLM_F_DUMP);
    struct ifaddrmsg *ifa = mnl_nlmsg_put_extra_header(nlh, sizeof *ifa);
    ifa->ifa_family = (unsigned char)family;
    addr_vec av = {.ifindex = ifindex};
    int rc = nl_talk(nl, nlh, addr_dump_cb, &av);
    if (rc < 0) {
        free(av.v);
        return nl_fail_errno(err, -rc, "Cannot list IP addresses");
    }
    *out = av.v;
    *n = av.n;
    return 0;
}

/* RTM_NEWADDR / RTM_DELADDR for a, with nlmsg flags. Returns 0 or -errno. */
static int
addr_request(hv_nl *nl, int type, int flags, const hv_nl_addr *a)
{
    char req[512];
    struct nlmsghdr *nlh = nl_req(req, type, NLM_F_ACK | flags);
    struct ifaddrmsg *ifa = mnl_nlmsg_put_extra_header(nlh, sizeof *ifa);
    int fam = a->addr.family;
    size_t len = ip_len(fam);
    ifa->ifa_family = (unsigned char)fam;
    ifa->ifa_prefixlen = (unsigned char)a->prefixlen;
    ifa->ifa_flags = (unsigned char)(a->flags & 0xff);
    ifa->ifa_scope = 0;
    ifa->ifa_index = (unsigned)a->ifindex;
    mnl_attr_put(nlh, IFA_LOCAL, len, a->addr.addr);
    mnl_attr_put(nlh, IFA_ADDRESS, len, a->addr.addr);
    if (type == RTM_NEWADDR) {
        if (fam == AF_INET && a->prefixlen <= 30) {
            hv_nl_ip brd = a->addr;
            for (int i = a->prefixlen; i < 32; i++)
                brd.addr[i / 8] |= (unsigned char)(0x80u >> (i % 8));
            mnl_attr_put(nlh, IFA_BROADCAST, 4, brd.addr);
        }
        if (a->flags & ~0xffu)
            mnl_attr_put_u32(nlh, IFA_FLAGS, a->flags);
        if (a->valid_lft != HV_NL_INFINITE || a->preferred_lft != HV_NL_INFINITE) {
            struct ifa_cacheinfo ci = {.ifa_prefered = a->preferred_lft, .ifa_valid = a->valid_lft};
            mnl_attr_put(nlh, IFA_CACHEINFO, sizeof ci, &ci);
        }
    }
    return nl_talk(nl, nlh, NULL, NULL);
}

static int
addr_error(hv_eng_err *err, int e, const hv_nl_addr *a, const char *what)
{
    char ip[64];
    hv_nl_ip_format(&a->addr, ip, sizeof ip);
    if (e == EEXIST)
        return hv_eng_fail(err, HV_ENG_EXISTS, e, "The address %s/%d already exists.", ip,
                           a->prefixlen);
    if (e == EADDRNOTAVAIL || e == ENOENT)
        return hv_eng_fail(err, HV_ENG_NOT_FOUND, e, "The address %s/%d does not exist.", ip,
                           a->prefixlen);
    if (e == ENODEV)
        return hv_eng_fail(err, HV_ENG_NOT_FOUND, e, "No network interface has index %d.",
                           a->ifindex);
    char what2[128];
    snprintf(what2, sizeof what2, "%s %s/%d", what, ip, a->prefixlen);
    return nl_fail_errno(err, e, what2);
}

static int
addr_check(const hv_nl_ip *ip, int prefixlen, hv_eng_err *err)
{
    if (ip->family != AF_INET && ip->family != AF_INET6)
        return hv_eng_fail(err, HV_ENG_INVALID, EAFNOSUPPORT, "Unknown address family.");
    if (prefixlen < 0 || prefixlen > (int)ip_len(ip->family) * 8)
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                           "The prefix length %d is not valid for an %s address.", prefixlen,
                           ip->family == AF_INET ? "IPv4" : "IPv6");
    return 0;
}

int
hv_nl_addr_add(hv_nl *nl, int ifindex, const hv_nl_ip *ip, int prefixlen, unsigned flags,
               uint32_t preferred_lft, hv_eng_err *err)
{
    if (addr_check(ip, prefixlen, err) < 0)
        return -1;
    hv_nl_addr a = {.ifindex = ifindex, .addr = *ip, .prefixlen = prefixlen, .flags = flags,
                    .valid_lft = HV_NL_INFINITE, .preferred_lft = preferred_lft};
    int rc = addr_request(nl, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, &a);
    return rc < 0 ? addr_error(err, -rc, &a, "Cannot add the address") : 0;
}

int
hv_nl_addr_replace(hv_nl *nl, int ifindex, const hv_nl_ip *ip, int prefixlen, unsigned flags,
                   uint32_t preferred_lft, hv_eng_err *err)
{
    if (addr_check(ip, prefixlen, err) < 0)
        return -1;
    hv_nl_addr a = {.ifindex = ifindex, .addr = *ip, .prefixlen = prefixlen, .flags = flags,
                    .valid_lft = HV_NL_INFINITE, .preferred_lft = preferred_lft};
    int rc = addr_request(nl, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, &a);
    return rc < 0 ? addr_error(err, -rc, &a, "Cannot change the address") : 0;
}

/* Linux drops every secondary IPv4 address of a subnet with its primary unless the interface
 * promotes secondaries; Windows removes exactly the address asked for (the 2022 seed puts .1
 * and .2 of 192.168.100.0/24 on one adapter). Best effort: without /proc the kernel default
 * stays. */
static void
promote_secondaries(hv_nl *nl, int ifindex)
{
    hv_nl_link l;
    hv_eng_err e;
    if (hv_nl_link_get(nl, ifindex, &l, &e) < 0)
        return;
    char path[128];
    snprintf(path, sizeof path, "/proc/sys/net/ipv4/conf/%s/promote_secondaries", l.name);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    if (write(fd, "1\n", 2) < 0) {
        /* read-only /proc/sys (unprivileged container): keep the kernel default */
    }
    close(fd);
}

int
hv_nl_addr_del(hv_nl *nl, int ifindex, const hv_nl_ip *ip, int prefixlen, hv_eng_err *err)
{
    hv_nl_addr a = {.ifindex = ifindex, .addr = *ip, .prefixlen = prefixlen};
    if (ip->family == AF_INET)
        promote_secondaries(nl, ifindex);
    int rc = addr_request(nl, RTM_DELADDR, 0, &a);
    return rc < 0 ? addr_error(err, -rc, &a, "Cannot remove the address") : 0;
}

/* ================================ routes ================================ */

typedef struct {
    hv_nl_route *v;
    size_t n, cap;
} route_vec;

static int
route_attr_cb(const struct nlattr *attr, void *data)
{
    hv_nl_route *r = data;
    size_t len = mnl_attr_get_payload_len(attr);
    const void *p = mnl_attr_get_payload(attr);
    switch (mnl_attr_get_type(attr)) {
    case RTA_DST:
        if (len <= 16)
            memcpy(r->dst.addr, p, len);
        break;
    case RTA_GATEWAY:
        if (len <= 16) {
            memcpy(r->gateway.addr, p, len);
            r->has_gateway = true;
        }
        break;
    case RTA_PREFSRC:
        if (len <= 16) {
            memcpy(r->prefsrc.addr, p, len);
            r->has_prefsrc = true;
        }
        break;
    case RTA_OIF:
        r->oif = (int)mnl_attr_get_u32(attr);
        break;
    case RTA_PRIORITY:
        r->metric = mnl_attr_get_u32(attr);
        break;
    case RTA_TABLE:
        r->table = (unsigned char)mnl_attr_get_u32(attr);
        break;
    default:
        break;
    }
    return MNL_CB_OK;
}

static int
route_dump_cb(const struct nlmsghdr *nlh, void *data)
{
    route_vec *rv = data;
    const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);
    hv_nl_route r;
    memset(&r, 0, sizeof r);
    r.family = rtm->rtm_family;
    r.dst.family = r.gateway.family = r.prefsrc.family = rtm->rtm_family;
    r.dst_len = rtm->rtm_dst_len;
    r.protocol = rtm->rtm_protocol;
    r.scope = rtm->rtm_scope;
    r.type = rtm->rtm_type;
    r.table = rtm->rtm_table;
    mnl_attr_parse(nlh, sizeof *rtm, route_attr_cb, &r);
    if (r.table != RT_TABLE_MAIN || r.type != RTN_UNICAST || (rtm->rtm_flags & RTM_F_CLONED))
        return MNL_CB_OK;
    if (rv->n == rv->cap) {
        rv->cap = rv->cap ? rv->cap * 2 : 16;
        rv->v = realloc(rv->v, rv->cap * sizeof *rv->v);
        if (!rv->v)
            abort();
    }
    rv->v[rv->n++] = r;
    return MNL_CB_OK;
}

int
hv_nl_routes(hv_nl *nl, int family, hv_nl_route **out, size_t *n, hv_eng_err *err)
{
    route_vec rv = {0};
    int fams[2] = {family, 0};
    if (family == AF_UNSPEC) {
        fams[0] = AF_INET;
        fams[1] = AF_INET6;
    }
    for (int i = 0; i < 2 && fams[i]; i++) {
        char req[256];
        struct nlmsghdr *nlh = nl_req(req, RTM_GETROUTE, NLM_F_DUMP);
        struct rtmsg *rtm = mnl_nlmsg_put_extra_header(nlh, sizeof *rtm);
        rtm->rtm_family = (unsigned char)fams[i];
        int rc = nl_talk(nl, nlh, route_dump_cb, &rv);
        if (rc < 0) {
            free(rv.v);
            return nl_fail_errno(err, -rc, "Cannot list routes");
        }
    }
    *out = rv.v;
    *n = rv.n;
    return 0;
}

static int
route_request(hv_nl *nl, int type, int flags, const hv_nl_route *r)
{
    char req[512];
    struct nlmsghdr *nlh = nl_req(req, type, NLM_F_ACK | flags);
    struct rtmsg *rtm = mnl_nlmsg_put_extra_header(nlh, sizeof *rtm);
    size_t len = ip_len(r->family);
    rtm->rtm_family = (unsigned char)r->family;
    rtm->rtm_dst_len = (unsigned char)r->dst_len;
    rtm->rtm_table = RT_TABLE_MAIN;
    rtm->rtm_type = RTN_UNICAST;
    if (r->onlink)
        rtm->rtm_flags |= RTNH_F_ONLINK;
    if (type == RTM_NEWROUTE) {
        rtm->rtm_protocol = r->protocol ? r->protocol : RTPROT_STATIC;
        rtm->rtm_scope = r->has_gateway ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
        if (r->family == AF_INET6)
            rtm->rtm_scope = RT_SCOPE_UNIVERSE;
    } else {
        rtm->rtm_scope = RT_SCOPE_NOWHERE;
    }
    if (r->dst_len > 0)
        mnl_attr_put(nlh, RTA_DST, len, r->dst.addr);
    if (r->has_gateway)
        mnl_attr_put(nlh, RTA_GATEWAY, len, r->gateway.addr);
    if (r->has_prefsrc && type == RTM_NEWROUTE)
        mnl_attr_put(nlh, RTA_PREFSRC, len, r->prefsrc.addr);
    if (r->oif)
        mnl_attr_put_u32(nlh, RTA_OIF, (uint32_t)r->oif);
    if (r->metric)
        mnl_attr_put_u32(nlh, RTA_PRIORITY, r->metric);
    return nl_talk(nl, nlh, NULL, NULL);
}

static int
route_error(hv_eng_err *err, int e, const hv_nl_route *r, const char *what)
{
    char dst[64], gw[64] = "";
    hv_nl_ip_format(&r->dst, dst, sizeof dst);
    if (r->has_gateway)
        hv_nl_ip_format(&r->gateway, gw, sizeof gw);
    if (e == EEXIST)
        return hv_eng_fail(err, HV_ENG_EXISTS, e, "The route %s/%d%s%s already exists.", dst,
                           r->dst_len, gw[0] ? " via " : "", gw);
    if (e == ESRCH || e == ENOENT)
        return hv_eng_fail(err, HV_ENG_NOT_FOUND, e, "The route %s/%d does not exist.", dst,
                           r->dst_len);
    if (e == ENETUNREACH)
        return hv_eng_fail(err, HV_ENG_UNREACHABLE, e,
                           "The gateway %s is not reachable on the interface (no address of "
                           "the interface is in its subnet).", gw);
    char what2[160];
    snprintf(what2, sizeof what2, "%s %s/%d", what, dst, r->dst_len);
    return nl_fail_errno(err, e, what2);
}

/* Is r's gateway inside a prefix of an address on r's interface? */
static bool
gateway_in_subnet(hv_nl *nl, const hv_nl_route *r)
{
    hv_nl_addr *v;
    size_t n;
    if (hv_nl_addrs(nl, r->family, r->oif, &v, &n, NULL) < 0)
        return false;
    bool in = false;
    for (size_t i = 0; i < n && !in; i++)
        in = hv_nl_prefix_contains(&v[i].addr, v[i].prefixlen, &r->gateway);
    free(v);
    return in;
}

int
hv_nl_route_add(hv_nl *nl, const hv_nl_route *r, hv_eng_err *err)
{
    if (r->family != AF_INET && r->family != AF_INET6)
        return hv_eng_fail(err, HV_ENG_INVALID, EAFNOSUPPORT, "Unknown route family.");
    int rc = route_request(nl, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, r);
    if (rc == -ENETUNREACH && r->has_gateway && gateway_in_subnet(nl, r)) {
        /* the interface is down, so its connected route is gone: Windows still accepts a
         * gateway in the interface's subnet, so say it is on-link */
        hv_nl_route onlink = *r;
        onlink.onlink = true;
        rc = route_request(nl, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &onlink);
    }
    return rc < 0 ? route_error(err, -rc, r, "Cannot add the route") : 0;
}

int
hv_nl_route_del(hv_nl *nl, const hv_nl_route *r, hv_eng_err *err)
{
    int rc = route_request(nl, RTM_DELROUTE, 0, r);
    return rc < 0 ? route_error(err, -rc, r, "Cannot remove the route") : 0;
}

/* ====================== moving an adapter's IP config (External) ====================== */

typedef enum { OP_ADDR_ADD, OP_ADDR_DEL, OP_ROUTE_ADD, OP_ROUTE_DEL, OP_MASTER, OP_MAC } op_kind;

typedef struct {
    op_kind kind;
    hv_nl_addr addr;    /* ADDR_* */
    hv_nl_route route;  /* ROUTE_* */
    int ifindex;        /* MASTER, MAC */
    int master_old, master_new;
    unsigned char mac_old[6], mac_new[6];
} move_op;

typedef struct {
    move_op *v;
    size_t n, cap;
} op_vec;

static void
op_push(op_vec *ops, move_op op)
{
    if (ops->n == ops->cap) {
        ops->cap = ops->cap ? ops->cap * 2 : 16;
        ops->v = realloc(ops->v, ops->cap * sizeof *ops->v);
        if (!ops->v)
            abort();
    }
    ops->v[ops->n++] = op;
}

static int
op_run(hv_nl *nl, const move_op *op, bool undo, hv_eng_err *err)
{
    hv_nl_addr a = op->addr;
    switch (op->kind) {
    case OP_ADDR_ADD:
    case OP_ADDR_DEL: {
        bool add = (op->kind == OP_ADDR_ADD) != undo;
        int rc = add ? addr_request(nl, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, &a)
                     : addr_request(nl, RTM_DELADDR, 0, &a);
        return rc < 0 ? addr_error(err, -rc, &a, add ? "Cannot add" : "Cannot remove") : 0;
    }
    case OP_ROUTE_ADD:
    case OP_ROUTE_DEL: {
        bool add = (op->kind == OP_ROUTE_ADD) != undo;
        int rc = add ? route_request(nl, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, &op->route)
                     : route_request(nl, RTM_DELROUTE, 0, &op->route);
        /* a route already gone with its address is not an error when removing */
        if (rc == -ESRCH && !add)
            rc = 0;
        return rc < 0 ? route_error(err, -rc, &op->route, add ? "Cannot add" : "Cannot remove") : 0;
    }
    case OP_MASTER: {
        int m = undo ? op->master_old : op->master_new;
        return link_change(nl, op->ifindex, 0, 0, fill_master, &m,
                           m ? "Cannot bind the adapter to the switch"
                             : "Cannot release the adapter from the switch", err);
    }
    case OP_MAC:
        return link_change(nl, op->ifindex, 0, 0, fill_mac, undo ? op->mac_old : op->mac_new,
                           "Cannot set the switch's MAC address", err);
    }
    return 0;
}

/* Run ops in order; on failure undo the done ones in reverse and report the first error. */
static int
ops_commit(hv_nl *nl, const op_vec *ops, hv_eng_err *err)
{
    for (size_t i = 0; i < ops->n; i++) {
        if (op_run(nl, &ops->v[i], false, err) == 0)
            continue;
        while (i-- > 0)
            op_run(nl, &ops->v[i], true, NULL);
        return -1;
    }
    return 0;
}

static bool
addr_movable(const hv_nl_addr *a)
{
    if (a->addr.family == AF_INET6 && a->addr.addr[0] == 0xfe && (a->addr.addr[1] & 0xc0) == 0x80)
        return false; /* link-local: every interface has its own */
    return a->scope != RT_SCOPE_HOST;
}

/* Plan: routes off `from`, addresses off `from`, addresses onto `to`, routes onto `to`. The
 * caller puts the master/MAC ops around them. */
static int
plan_move(hv_nl *nl, int from, int to, op_vec *del, op_vec *add, hv_eng_err *err)
{
    hv_nl_addr *addrs;
    hv_nl_route *routes;
    size_t na, nr;
    if (hv_nl_addrs(nl, AF_UNSPEC, from, &addrs, &na, err) < 0)
        return -1;
    if (hv_nl_routes(nl, AF_UNSPEC, &routes, &nr, err) < 0) {
        free(addrs);
        return -1;
    }
    for (size_t i = 0; i < nr; i++) {
        if (routes[i].oif != from || routes[i].protocol == RTPROT_KERNEL)
            continue;
        if (routes[i].family == AF_INET6 && routes[i].dst_len >= 8 &&
            routes[i].dst.addr[0] == 0xff)
            continue;
        move_op op = {.kind = OP_ROUTE_DEL, .route = routes[i]};
        op_push(del, op);
        op.kind = OP_ROUTE_ADD;
        op.route.oif = to;
        op_push(add, op);
    }
    for (size_t i = 0; i < na; i++) {
        if (!addr_movable(&addrs[i]))
            continue;
        move_op op = {.kind = OP_ADDR_DEL, .addr = addrs[i]};
        op.addr.flags &= ~(unsigned)(IFA_F_TENTATIVE | IFA_F_DADFAILED | IFA_F_PERMANENT);
        op_push(del, op);
        op.kind = OP_ADDR_ADD;
        op.addr.ifindex = to;
        /* addresses go on before routes: insert in front of the route adds */
        op_push(add, op);
        memmove(&add->v[1], &add->v[0], (add->n - 1) * sizeof *add->v);
        add->v[0] = op;
    }
    /* route deletions come before the address deletions: reverse `del` order accordingly
     * (routes were pushed first, so the order is already right). */
    free(addrs);
    free(routes);
    return 0;
}

static void
ops_append(op_vec *dst, const op_vec *src)
{
    for (size_t i = 0; i < src->n; i++)
        op_push(dst, src->v[i]);
}

int
hv_nl_switch_attach(hv_nl *nl, const char *switch_name, const char *adapter, bool move_ip,
                    hv_eng_err *err)
{
    hv_nl_link br, ad;
    if (hv_nl_switch_find(nl, switch_name, &br, err) < 0 ||
        hv_nl_link_find(nl, adapter, &ad, err) < 0)
        return -1;
    if (ad.master == br.ifindex)
        return 0;
    if (ad.ifindex == br.ifindex || !strcmp(ad.kind, "bridge"))
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL,
                           "The adapter '%s' is a switch and cannot be bound to another switch.",
                           adapter);
    if (ad.master)
        return hv_eng_fail(err, HV_ENG_BUSY, EBUSY,
                           "The adapter '%s' is already bound to another switch.", adapter);
    op_vec ops = {0}, del = {0}, add = {0};
    if (move_ip && ad.mac_len == 6) {
        move_op op = {.kind = OP_MAC, .ifindex = br.ifindex};
        memcpy(op.mac_old, br.mac, 6);
        memcpy(op.mac_new, ad.mac, 6);
        op_push(&ops, op);
    }
    op_push(&ops, (move_op){.kind = OP_MASTER, .ifindex = ad.ifindex, .master_new = br.ifindex});
    if (move_ip && plan_move(nl, ad.ifindex, br.ifindex, &del, &add, err) < 0) {
        free(ops.v);
        return -1;
    }
    ops_append(&ops, &del);
    ops_append(&ops, &add);
    int rc = ops_commit(nl, &ops, err);
    free(ops.v);
    free(del.v);
    free(add.v);
    return rc;
}

int
hv_nl_switch_detach(hv_nl *nl, const char *switch_name, const char *adapter, bool move_ip,
                    hv_eng_err *err)
{
    hv_nl_link br, *links;
    size_t n;
    if (hv_nl_switch_find(nl, switch_name, &br, err) < 0 || links_dump(nl, false, &links, &n, err) < 0)
        return -1;
    op_vec ops = {0}, del = {0}, add = {0};
    int first = 0;
    for (size_t i = 0; i < n; i++) {
        const hv_nl_link *l = &links[i];
        if (l->master != br.ifindex || !strcmp(l->kind, "tun"))
            continue;
        if (adapter && strcasecmp(l->name, adapter) && strcasecmp(l->alias, adapter))
            continue;
        if (!first)
            first = l->ifindex;
    }
    int rc = 0;
    if (first && move_ip)
        rc = plan_move(nl, br.ifindex, first, &del, &add, err);
    if (rc == 0) {
        /* routes and addresses off the bridge first, then release, then onto the adapter */
        ops_append(&ops, &del);
        for (size_t i = 0; i < n; i++) {
            const hv_nl_link *l = &links[i];
            if (l->master != br.ifindex || !strcmp(l->kind, "tun"))
                continue;
            if (adapter && strcasecmp(l->name, adapter) && strcasecmp(l->alias, adapter))
                continue;
            op_push(&ops, (move_op){.kind = OP_MASTER, .ifindex = l->ifindex,
                                    .master_old = br.ifindex});
        }
        ops_append(&ops, &add);
        rc = ops_commit(nl, &ops, err);
    }
    free(links);
    free(ops.v);
    free(del.v);
    free(add.v);
    return rc;
}

/* ================================ sysctl ================================ */

int
hv_nl_ip_forward_get(hv_eng_err *err)
{
    int fd = open("/proc/sys/net/ipv4/ip_forward", O_RDONLY | O_CLOEXEC);
    char c = 0;
    if (fd < 0 || read(fd, &c, 1) != 1) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return nl_fail_errno(err, e, "Cannot read /proc/sys/net/ipv4/ip_forward");
    }
    close(fd);
    return c == '1';
}

int
hv_nl_ip_forward_set(bool on, hv_eng_err *err)
{
    int fd = hv_eng_fault("sysctl:ip_forward") ? -1
             : open("/proc/sys/net/ipv4/ip_forward", O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, on ? "1\n" : "0\n", 2) != 2) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return nl_fail_errno(err, e, "Cannot write /proc/sys/net/ipv4/ip_forward");
    }
    close(fd);
    return 0;
}
