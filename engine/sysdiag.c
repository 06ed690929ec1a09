/* sysdiag.c — ICMP echo, TCP connect test, route choice, name lookup (see sysdiag.h). */
#include "engine/sysdiag.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <linux/errqueue.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char *const ping_names[] = {
    [HV_PING_SUCCESS] = "Success",
    [HV_PING_TIMED_OUT] = "TimedOut",
    [HV_PING_NET_UNREACHABLE] = "DestinationNetworkUnreachable",
    [HV_PING_HOST_UNREACHABLE] = "DestinationHostUnreachable",
    [HV_PING_PORT_UNREACHABLE] = "DestinationPortUnreachable",
    [HV_PING_PROHIBITED] = "DestinationProhibited",
    [HV_PING_TTL_EXPIRED] = "TtlExpired",
    [HV_PING_UNKNOWN] = "Unknown",
    [HV_PING_PACKET_TOO_BIG] = "PacketTooBig",
};

const char *
hv_sys_diag_ping_status_name(hv_ping_status s)
{
    return (unsigned)s < sizeof ping_names / sizeof ping_names[0] ? ping_names[s] : "Unknown";
}

static uint64_t
now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static socklen_t
to_sockaddr(const hv_nl_ip *ip, unsigned port, struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof *ss);
    if (ip->family == AF_INET6) {
        struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
        s6->sin6_family = AF_INET6;
        s6->sin6_port = htons((uint16_t)port);
        memcpy(&s6->sin6_addr, ip->addr, 16);
        return sizeof *s6;
    }
    struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
    s4->sin_family = AF_INET;
    s4->sin_port = htons((uint16_t)port);
    memcpy(&s4->sin_addr, ip->addr, 4);
    return sizeof *s4;
}

static void
from_sockaddr(const struct sockaddr *sa, hv_nl_ip *ip)
{
    memset(ip, 0, sizeof *ip);
    if (sa->sa_family == AF_INET6) {
        ip->family = AF_INET6;
        memcpy(ip->addr, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, 16);
    } else {
        ip->family = AF_INET;
        memcpy(ip->addr, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
    }
}

int
hv_sys_diag_resolve(const char *host, int family, hv_nl_ip *out, size_t max, size_t *n,
                hv_eng_err *err)
{
    *n = 0;
    struct addrinfo hints = {.ai_family = family ? family : AF_UNSPEC,
                             .ai_socktype = SOCK_STREAM};
    struct addrinfo *res = NULL;
    int rc = getaddrinfo(host, NULL, &hints, &res);
    if (rc != 0) {
        if (rc == EAI_SYSTEM)
            return hv_eng_fail(err, HV_ENG_SYSTEM, errno, "Name resolution of %s failed: %s",
                               host, strerror(errno));
        return hv_eng_fail(err, HV_ENG_NOT_FOUND, 0, "Name resolution of %s failed: %s", host,
                           gai_strerror(rc));
    }
    for (struct addrinfo *a = res; a && *n < max; a = a->ai_next) {
        if (a->ai_family != AF_INET && a->ai_family != AF_INET6)
            continue;
        hv_nl_ip ip;
        from_sockaddr(a->ai_addr, &ip);
        bool dup = false;
        for (size_t i = 0; i < *n && !dup; i++)
            dup = out[i].family == ip.family && !memcmp(out[i].addr, ip.addr, 16);
        if (!dup)
            out[(*n)++] = ip;
    }
    freeaddrinfo(res);
    if (!*n)
        return hv_eng_fail(err, HV_ENG_NOT_FOUND, 0, "Name resolution of %s failed.", host);
    return 0;
}

bool
hv_sys_diag_reverse(const hv_nl_ip *ip, char *out, size_t n)
{
    struct sockaddr_storage ss;
    socklen_t sl = to_sockaddr(ip, 0, &ss);
    return getnameinfo((struct sockaddr *)&ss, sl, out, (socklen_t)n, NULL, 0, NI_NAMEREQD) == 0;
}

/* ------------------------------------------------------------------ ICMP echo */

static uint16_t
inet_csum(const unsigned char *p, size_t n)
{
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < n; i += 2)
        sum += (uint32_t)(p[i] << 8 | p[i + 1]);
    if (n & 1)
        sum += (uint32_t)p[n - 1] << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* ICMP error type/code -> status (IPv4 and IPv6 numbering). */
static hv_ping_status
icmp_error_status(int v6, int type, int code)
{
    if (!v6) {
        if (type == ICMP_TIME_EXCEEDED)
            return HV_PING_TTL_EXPIRED;
        if (type != ICMP_DEST_UNREACH)
            return HV_PING_UNKNOWN;
        switch (code) {
        case ICMP_NET_UNREACH: case ICMP_NET_UNKNOWN: return HV_PING_NET_UNREACHABLE;
        case ICMP_PORT_UNREACH: return HV_PING_PORT_UNREACHABLE;
        case ICMP_NET_ANO: case ICMP_HOST_ANO: case ICMP_PKT_FILTERED: return HV_PING_PROHIBITED;
        default: return HV_PING_HOST_UNREACHABLE;
        }
    }
    if (type == ICMP6_TIME_EXCEEDED)
        return HV_PING_TTL_EXPIRED;
    if (type != ICMP6_DST_UNREACH)
        return HV_PING_UNKNOWN;
    switch (code) {
    case ICMP6_DST_UNREACH_NOROUTE: return HV_PING_NET_UNREACHABLE;
    case ICMP6_DST_UNREACH_ADMIN: return HV_PING_PROHIBITED;
    case ICMP6_DST_UNREACH_NOPORT: return HV_PING_PORT_UNREACHABLE;
    default: return HV_PING_HOST_UNREACHABLE;
    }
}

static hv_ping_status
errno_status(int e)
{
    switch (e) {
    case ENETUNREACH: return HV_PING_NET_UNREACHABLE;
    case EHOSTUNREACH: return HV_PING_HOST_UNREACHABLE;
    case EACCES: case EPERM: return HV_PING_PROHIBITED;
    default: return HV_PING_UNKNOWN;
    }
}

/* Read one queued ICMP error (IP_RECVERR) of a datagram ping socket. */
static bool
read_errqueue(int fd, int v6, hv_sys_diag_ping_result *r)
{
    char cbuf[512], data[64];
    struct sockaddr_storage name;
    struct iovec iov = {.iov_base = data, .iov_len = sizeof data};
    struct msghdr msg = {.msg_name = &name, .msg_namelen = sizeof name, .msg_iov = &iov,
                         .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof cbuf};
    if (recvmsg(fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
        return false;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (!((c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR) ||
              (c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR)))
            continue;
        struct sock_extended_err ee;
        memcpy(&ee, CMSG_DATA(c), sizeof ee);
        if (ee.ee_origin == SO_EE_ORIGIN_LOCAL && ee.ee_errno == EMSGSIZE) {
            r->status = HV_PING_PACKET_TOO_BIG;
            r->mtu = ee.ee_info;
        } else if (ee.ee_origin == SO_EE_ORIGIN_ICMP || ee.ee_origin == SO_EE_ORIGIN_ICMP6) {
            r->status = icmp_error_status(v6, ee.ee_type, ee.ee_code);
            if (ee.ee_errno == EMSGSIZE) {
                r->status = HV_PING_PACKET_TOO_BIG;
                r->mtu = ee.ee_info;
            }
            const struct sockaddr *off = SO_EE_OFFENDER((struct sock_extended_err *)CMSG_DATA(c));
            if (off->sa_family == AF_INET || off->sa_family == AF_INET6) {
                from_sockaddr(off, &r->from);
                r->has_from = true;
            }
        } else {
            r->status = errno_status((int)ee.ee_errno);
        }
        return true;
    }
    return false;
}

static int
open_ping_socket(int v6, bool *raw, hv_eng_err *err)
{
    int fam = v6 ? AF_INET6 : AF_INET, proto = v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
    int fd = socket(fam, SOCK_DGRAM | SOCK_CLOEXEC, proto);
    *raw = false;
    if (fd >= 0)
        return fd;
    int e1 = errno;
    fd = socket(fam, SOCK_RAW | SOCK_CLOEXEC, proto);
    if (fd >= 0) {
        *raw = true;
        return fd;
    }
    return hv_eng_fail(err, HV_ENG_PERMISSION, e1,
                       "Cannot open an ICMP socket (%s). Unprivileged ping needs the user's "
                       "group inside net.ipv4.ping_group_range; otherwise run as root or with "
                       "CAP_NET_RAW.", strerror(e1));
}

/* Does the packet in buf (as a socket of this kind delivers it) answer our echo? Fills r
 * for echo replies and for ICMP errors quoting our echo (raw sockets see those inline). */
static bool
match_reply(const unsigned char *buf, size_t n, int v6, bool raw, uint16_t id, uint16_t seq,
            hv_sys_diag_ping_result *r)
{
    size_t off = 0;
    if (raw && !v6) {
        if (n < 20)
            return false;
        r->reply_ttl = buf[8];
        off = (size_t)(buf[0] & 0x0f) * 4;
    }
    if (n < off + 8)
        return false;
    const unsigned char *ic = buf + off;
    int type = ic[0], code = ic[1];
    int echo_reply = v6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY;
    uint16_t rid = (uint16_t)(ic[4] << 8 | ic[5]), rseq = (uint16_t)(ic[6] << 8 | ic[7]);
    if (type == echo_reply) {
        /* datagram sockets rewrite the id to the socket's port: only raw sockets check it */
        if ((raw && rid != id) || rseq != seq)
            return false;
        r->status = HV_PING_SUCCESS;
        return true;
    }
    if (!raw)
        return false;
    /* an error quoting our echo: ICMP header (8) + original IP header + original ICMP */
    const unsigned char *q = ic + 8;
    size_t qn = n - off - 8, qoff = v6 ? 40 : (qn ? (size_t)(q[0] & 0x0f) * 4 : 0);
    if (qn < qoff + 8)
        return false;
    const unsigned char *oic = q + qoff;
    uint16_t oid = (uint16_t)(oic[4] << 8 | oic[5]), oseq = (uint16_t)(oic[6] << 8 | oic[7]);
    if (oic[0] != (v6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO) || oid != id || oseq != seq)
        return false;
    r->status = icmp_error_status(v6, type, code);
    if ((!v6 && type == ICMP_DEST_UNREACH && code == ICMP_FRAG_NEEDED) ||
        (v6 && type == ICMP6_PACKET_TOO_BIG)) {
        r->status = HV_PING_PACKET_TOO_BIG;
        r->mtu = v6 ? (unsigned)(ic[4] << 24 | ic[5] << 16 | ic[6] << 8 | ic[7])
                    : (unsigned)(ic[6] << 8 | ic[7]);
    }
    return true;
}

static int ping_impl(const hv_nl_ip *dst, int size, int ttl, int timeout_ms, unsigned seq,
                     bool df, hv_sys_diag_ping_result *r, hv_eng_err *err);

int
hv_sys_diag_ping(const hv_nl_ip *dst, int size, int ttl, int timeout_ms, unsigned seq,
                 hv_sys_diag_ping_result *r, hv_eng_err *err)
{
    return ping_impl(dst, size, ttl, timeout_ms, seq, false, r, err);
}

int
hv_sys_diag_ping_df(const hv_nl_ip *dst, int size, int ttl, int timeout_ms, unsigned seq,
                    hv_sys_diag_ping_result *r, hv_eng_err *err)
{
    return ping_impl(dst, size, ttl, timeout_ms, seq, true, r, err);
}

unsigned
hv_sys_diag_path_mtu(const hv_nl_ip *dst)
{
    int fd = socket(dst->family == AF_INET6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    int mode = dst->family == AF_INET6 ? IPV6_PMTUDISC_DO : IP_PMTUDISC_DO, mtu = 0;
    socklen_t ml = sizeof mtu;
    if (dst->family == AF_INET6)
        setsockopt(fd, SOL_IPV6, IPV6_MTU_DISCOVER, &mode, sizeof mode);
    else
        setsockopt(fd, SOL_IP, IP_MTU_DISCOVER, &mode, sizeof mode);
    struct sockaddr_storage ss;
    socklen_t sl = to_sockaddr(dst, 9, &ss);
    if (connect(fd, (struct sockaddr *)&ss, sl) < 0 ||
        getsockopt(fd, dst->family == AF_INET6 ? SOL_IPV6 : SOL_IP,
                   dst->family == AF_INET6 ? IPV6_MTU : IP_MTU, &mtu, &ml) < 0)
        mtu = 0;
    close(fd);
    return mtu > 0 ? (unsigned)mtu : 0;
}

static int
ping_impl(const hv_nl_ip *dst, int size, int ttl, int timeout_ms, unsigned seq, bool df,
          hv_sys_diag_ping_result *r, hv_eng_err *err)
{
    memset(r, 0, sizeof *r);
    r->reply_ttl = -1;
    r->status = HV_PING_TIMED_OUT;
    if (size < 0 || size > 65507) /* an IPv4 packet holds at most 65507 bytes of ICMP data */
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "The buffer size %d is not valid.", size);
    int v6 = dst->family == AF_INET6;
    bool raw;
    int fd = open_ping_socket(v6, &raw, err);
    if (fd < 0)
        return -1;
    int one = 1;
    if (v6) {
        setsockopt(fd, SOL_IPV6, IPV6_RECVERR, &one, sizeof one);
        setsockopt(fd, SOL_IPV6, IPV6_RECVHOPLIMIT, &one, sizeof one);
        if (ttl > 0)
            setsockopt(fd, SOL_IPV6, IPV6_UNICAST_HOPS, &ttl, sizeof ttl);
    } else {
        setsockopt(fd, SOL_IP, IP_RECVERR, &one, sizeof one);
        setsockopt(fd, SOL_IP, IP_RECVTTL, &one, sizeof one);
        if (ttl > 0)
            setsockopt(fd, SOL_IP, IP_TTL, &ttl, sizeof ttl);
    }
    if (df) {
        int mode = v6 ? IPV6_PMTUDISC_DO : IP_PMTUDISC_DO;
        if (v6)
            setsockopt(fd, SOL_IPV6, IPV6_MTU_DISCOVER, &mode, sizeof mode);
        else
            setsockopt(fd, SOL_IP, IP_MTU_DISCOVER, &mode, sizeof mode);
    }
    uint16_t id = (uint16_t)(getpid() ^ (seq << 7)), sq = (uint16_t)seq;
    size_t plen = 8 + (size_t)size;
    unsigned char *pkt = calloc(1, plen), buf[65536 + 128];
    if (!pkt)
        abort();
    pkt[0] = v6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO;
    pkt[4] = (unsigned char)(id >> 8);
    pkt[5] = (unsigned char)id;
    pkt[6] = (unsigned char)(sq >> 8);
    pkt[7] = (unsigned char)sq;
    for (size_t i = 8; i < plen; i++)
        pkt[i] = (unsigned char)('a' + (i - 8) % 23); /* Windows' abcdefghijklmnopqrstuvw */
    if (!v6) {
        uint16_t cs = inet_csum(pkt, plen);
        pkt[2] = (unsigned char)(cs >> 8);
        pkt[3] = (unsigned char)cs;
    }
    struct sockaddr_storage ss;
    socklen_t sl = to_sockaddr(dst, 0, &ss);
    uint64_t t0 = now_us();
    ssize_t w = sendto(fd, pkt, plen, 0, (struct sockaddr *)&ss, sl);
    free(pkt);
    if (w < 0) {
        int e = errno;
        close(fd);
        if (e == ENETUNREACH || e == EHOSTUNREACH || e == EACCES || e == EPERM) {
            r->status = errno_status(e);
            return 0;
        }
        if (e == EMSGSIZE) { /* larger than the (known) path MTU, DF set */
            r->status = HV_PING_PACKET_TOO_BIG;
            r->mtu = hv_sys_diag_path_mtu(dst);
            return 0;
        }
        return hv_eng_fail(err, hv_eng_code_from_errno(e), e, "Sending the echo request failed: %s",
                           strerror(e));
    }
    for (;;) {
        uint64_t el = (now_us() - t0) / 1000u;
        if ((int64_t)el >= timeout_ms)
            break;
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int pr = poll(&p, 1, timeout_ms - (int)el);
        if (pr < 0 && errno == EINTR)
            break; /* Ctrl-C: the caller polls its flag */
        if (pr <= 0)
            break;
        if (p.revents & POLLERR) {
            if (read_errqueue(fd, v6, r))
                break;
            continue;
        }
        char cbuf[256];
        struct sockaddr_storage from;
        struct iovec iov = {.iov_base = buf, .iov_len = sizeof buf};
        struct msghdr msg = {.msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iov,
                             .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof cbuf};
        ssize_t n = recvmsg(fd, &msg, MSG_DONTWAIT);
        if (n < 0)
            continue;
        hv_sys_diag_ping_result cand = *r;
        if (!match_reply(buf, (size_t)n, v6, raw, id, sq, &cand))
            continue;
        *r = cand;
        r->rtt_us = (uint32_t)(now_us() - t0);
        from_sockaddr((struct sockaddr *)&from, &r->from);
        r->has_from = true;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
            int v;
            if ((c->cmsg_level == SOL_IP && c->cmsg_type == IP_TTL) ||
                (c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_HOPLIMIT)) {
                memcpy(&v, CMSG_DATA(c), sizeof v);
                r->reply_ttl = v;
            }
        }
        break;
    }
    close(fd);
    return 0;
}

/* ------------------------------------------------------------------ TCP */

int
hv_sys_diag_tcp(const hv_nl_ip *dst, unsigned port, int timeout_ms, bool *ok, uint32_t *rtt_us,
            int *sys_errno, hv_eng_err *err)
{
    *ok = false;
    *sys_errno = 0;
    if (rtt_us)
        *rtt_us = 0;
    if (port < 1 || port > 65535)
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "The port %u is not valid.", port);
    int fd = socket(dst->family == AF_INET6 ? AF_INET6 : AF_INET,
                    SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return hv_eng_fail(err, hv_eng_code_from_errno(errno), errno, "socket: %s",
                           strerror(errno));
    struct sockaddr_storage ss;
    socklen_t sl = to_sockaddr(dst, port, &ss);
    uint64_t t0 = now_us();
    int rc = connect(fd, (struct sockaddr *)&ss, sl);
    if (rc == 0) {
        *ok = true;
    } else if (errno != EINPROGRESS) {
        *sys_errno = errno;
    } else {
        struct pollfd p = {.fd = fd, .events = POLLOUT};
        int pr = poll(&p, 1, timeout_ms);
        if (pr <= 0) {
            *sys_errno = pr == 0 ? ETIMEDOUT : errno;
        } else {
            int e = 0;
            socklen_t el = sizeof e;
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el);
            *ok = e == 0;
            *sys_errno = e;
        }
    }
    if (rtt_us)
        *rtt_us = (uint32_t)(now_us() - t0);
    close(fd);
    return 0;
}

/* ------------------------------------------------------------------ route */

static int
ifindex_of_addr(const hv_nl_ip *ip)
{
    struct ifaddrs *ifa = NULL;
    if (getifaddrs(&ifa) < 0)
        return 0;
    int idx = 0;
    for (struct ifaddrs *a = ifa; a && !idx; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != ip->family)
            continue;
        hv_nl_ip x;
        from_sockaddr(a->ifa_addr, &x);
        if (!memcmp(x.addr, ip->addr, ip->family == AF_INET6 ? 16 : 4))
            idx = (int)if_nametoindex(a->ifa_name);
    }
    freeifaddrs(ifa);
    return idx;
}

int
hv_sys_diag_route(const hv_nl_ip *dst, hv_nl_ip *src, int *ifindex, hv_eng_err *err)
{
    *ifindex = 0;
    memset(src, 0, sizeof *src);
    int fd = socket(dst->family == AF_INET6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return hv_eng_fail(err, hv_eng_code_from_errno(errno), errno, "socket: %s",
                           strerror(errno));
    struct sockaddr_storage ss;
    socklen_t sl = to_sockaddr(dst, 9, &ss);
    if (connect(fd, (struct sockaddr *)&ss, sl) < 0) {
        int e = errno;
        close(fd);
        return hv_eng_fail(err, e == ENETUNREACH ? HV_ENG_UNREACHABLE : hv_eng_code_from_errno(e),
                           e, "No route to the destination: %s", strerror(e));
    }
    struct sockaddr_storage me;
    socklen_t ml = sizeof me;
    getsockname(fd, (struct sockaddr *)&me, &ml);
    close(fd);
    from_sockaddr((struct sockaddr *)&me, src);
    *ifindex = ifindex_of_addr(src);
    return 0;
}
