/* dnsq.c — Resolve-DnsName's DNS client (see dnsq.h). */
#include "engine/dnsq.h"

#include "engine/resolv.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <resolv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_SERVERS 8
#define MAX_MSG 65535

static const struct {
    const char *name;
    int type;
} types[] = {
    {"A", ns_t_a},       {"NS", ns_t_ns},   {"CNAME", ns_t_cname}, {"SOA", ns_t_soa},
    {"PTR", ns_t_ptr},   {"MX", ns_t_mx},   {"TXT", ns_t_txt},     {"AAAA", ns_t_aaaa},
    {"SRV", ns_t_srv},   {"ANY", ns_t_any}, {"ALL", ns_t_any},     {"HINFO", ns_t_hinfo},
    {"NAPTR", ns_t_naptr}, {"DS", ns_t_ds}, {"DNSKEY", ns_t_dnskey}, {"CAA", 257},
};

int
hv_dns_type_parse(const char *s)
{
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!strcasecmp(s, types[i].name))
            return types[i].type;
    return 0;
}

const char *
hv_dns_type_name(int type)
{
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (types[i].type == type)
            return types[i].name;
    return NULL;
}

bool
hv_dns_ptr_name(const char *s, char *out, size_t n)
{
    unsigned char a[16];
    if (inet_pton(AF_INET, s, a) == 1) {
        snprintf(out, n, "%u.%u.%u.%u.in-addr.arpa", a[3], a[2], a[1], a[0]);
        return true;
    }
    if (inet_pton(AF_INET6, s, a) != 1)
        return false;
    size_t o = 0;
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0 && o + 4 < n; i--) {
        out[o++] = hex[a[i] & 15];
        out[o++] = '.';
        out[o++] = hex[a[i] >> 4];
        out[o++] = '.';
    }
    snprintf(out + o, n - o, "ip6.arpa");
    return true;
}

/* Every `nameserver` of the resolv.conf in use, in file order. */
static size_t
conf_servers(char out[][64], size_t max)
{
    FILE *f = fopen(hv_dns_conf_path(), "r");
    if (!f)
        return 0;
    char line[512];
    size_t n = 0;
    while (n < max && fgets(line, sizeof line, f)) {
        char kw[32], val[64];
        if (sscanf(line, " %31s %63s", kw, val) == 2 && !strcmp(kw, "nameserver"))
            snprintf(out[n++], 64, "%s", val);
    }
    fclose(f);
    return n;
}

static int
to_addr(const char *s, struct sockaddr_storage *ss, socklen_t *sl)
{
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, s, &s4->sin_addr) == 1) {
        s4->sin_family = AF_INET;
        s4->sin_port = htons(53);
        *sl = sizeof *s4;
        return 0;
    }
    if (inet_pton(AF_INET6, s, &s6->sin6_addr) == 1) {
        s6->sin6_family = AF_INET6;
        s6->sin6_port = htons(53);
        *sl = sizeof *s6;
        return 0;
    }
    return -1;
}

static int
wait_fd(int fd, short ev, int ms)
{
    struct pollfd p = {.fd = fd, .events = ev};
    int r = poll(&p, 1, ms);
    return r > 0 ? 0 : r == 0 ? ETIMEDOUT : errno;
}

/* One exchange over UDP; returns the reply length, or -errno. */
static int
ask_udp(const struct sockaddr_storage *ss, socklen_t sl, const unsigned char *q, int qn,
        unsigned char *ans, int timeout_ms)
{
    int fd = socket(ss->ss_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    int rc = -ETIMEDOUT;
    if (connect(fd, (const struct sockaddr *)ss, sl) < 0 || send(fd, q, (size_t)qn, 0) < 0) {
        rc = -errno;
        close(fd);
        return rc;
    }
    for (;;) {
        int w = wait_fd(fd, POLLIN, timeout_ms);
        if (w) {
            rc = -w;
            break;
        }
        ssize_t n = recv(fd, ans, MAX_MSG, 0);
        if (n < 0) {
            rc = -errno; /* ECONNREFUSED: nothing listens on port 53 */
            break;
        }
        if (n >= 12 && ans[0] == q[0] && ans[1] == q[1]) {
            rc = (int)n;
            break;
        }
    }
    close(fd);
    return rc;
}

static int
io_all(int fd, unsigned char *buf, size_t n, bool wr, int timeout_ms)
{
    size_t done = 0;
    while (done < n) {
        int w = wait_fd(fd, wr ? POLLOUT : POLLIN, timeout_ms);
        if (w)
            return -w;
        ssize_t k = wr ? send(fd, buf + done, n - done, MSG_NOSIGNAL) : recv(fd, buf + done, n - done, 0);
        if (k <= 0)
            return k == 0 ? -ECONNRESET : -errno;
        done += (size_t)k;
    }
    return 0;
}

static int
ask_tcp(const struct sockaddr_storage *ss, socklen_t sl, const unsigned char *q, int qn,
        unsigned char *ans, int timeout_ms)
{
    int fd = socket(ss->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    int rc;
    if (connect(fd, (const struct sockaddr *)ss, sl) < 0 && errno != EINPROGRESS) {
        rc = -errno;
        close(fd);
        return rc;
    }
    if ((rc = wait_fd(fd, POLLOUT, timeout_ms)) != 0) {
        close(fd);
        return -rc;
    }
    int e = 0;
    socklen_t el = sizeof e;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el);
    if (e) {
        close(fd);
        return -e;
    }
    unsigned char len[2] = {(unsigned char)(qn >> 8), (unsigned char)qn};
    unsigned char *qq = (unsigned char *)q;
    if ((rc = io_all(fd, len, 2, true, timeout_ms)) == 0 &&
        (rc = io_all(fd, qq, (size_t)qn, true, timeout_ms)) == 0 &&
        (rc = io_all(fd, len, 2, false, timeout_ms)) == 0) {
        size_t n = (size_t)(len[0] << 8 | len[1]);
        rc = n < 12 ? -EPROTO : io_all(fd, ans, n, false, timeout_ms);
        if (rc == 0)
            rc = (int)n;
    }
    close(fd);
    return rc;
}

static uint32_t
get32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned
get16(const unsigned char *p)
{
    return (unsigned)(p[0] << 8 | p[1]);
}

static void
strip_dot(char *s)
{
    size_t n = strlen(s);
    if (n > 1 && s[n - 1] == '.')
        s[n - 1] = 0;
}

/* Decode the RDATA of one record (names via dn_expand against the whole message). */
static int
decode_rdata(const unsigned char *msg, const unsigned char *end, const unsigned char *rd,
             size_t rdlen, hv_dns_rr *r)
{
    const unsigned char *rend = rd + rdlen;
    int k;
    switch (r->type) {
    case ns_t_a:
        if (rdlen != 4)
            return -1;
        inet_ntop(AF_INET, rd, r->addr, sizeof r->addr);
        return 0;
    case ns_t_aaaa:
        if (rdlen != 16)
            return -1;
        inet_ntop(AF_INET6, rd, r->addr, sizeof r->addr);
        return 0;
    case ns_t_cname: case ns_t_ns: case ns_t_ptr:
        return dn_expand(msg, end, rd, r->target, sizeof r->target) < 0 ? -1 : 0;
    case ns_t_mx:
        if (rdlen < 3)
            return -1;
        r->pref = get16(rd);
        return dn_expand(msg, end, rd + 2, r->target, sizeof r->target) < 0 ? -1 : 0;
    case ns_t_srv:
        if (rdlen < 7)
            return -1;
        r->priority = get16(rd);
        r->weight = get16(rd + 2);
        r->port = get16(rd + 4);
        return dn_expand(msg, end, rd + 6, r->target, sizeof r->target) < 0 ? -1 : 0;
    case ns_t_soa:
        if ((k = dn_expand(msg, end, rd, r->target, sizeof r->target)) < 0)
            return -1;
        rd += k;
        if ((k = dn_expand(msg, end, rd, r->admin, sizeof r->admin)) < 0)
            return -1;
        rd += k;
        if (rend - rd < 20)
            return -1;
        r->serial = get32(rd);
        r->refresh = get32(rd + 4);
        r->retry = get32(rd + 8);
        r->expire = get32(rd + 12);
        r->minimum = get32(rd + 16);
        return 0;
    case ns_t_txt: {
        size_t o = 0;
        while (rd < rend) {
            size_t l = *rd++;
            if ((size_t)(rend - rd) < l)
                return -1;
            if (o + l + 1 > sizeof r->txt)
                break;
            memcpy(r->txt + o, rd, l);
            r->txt[o + l] = 0;
            o += l + 1;
            r->ntxt++;
            rd += l;
        }
        return 0;
    }
    default:
        return 0;
    }
}

static int
parse_reply(const unsigned char *msg, int len, hv_dns_result *res, hv_eng_err *err)
{
    const unsigned char *end = msg + len, *p = msg + 12;
    res->rcode = msg[3] & 0x0f;
    unsigned qd = get16(msg + 4), counts[3] = {get16(msg + 6), get16(msg + 8), get16(msg + 10)};
    char name[HV_DNSQ_NAME];
    for (unsigned i = 0; i < qd; i++) {
        int k = dn_expand(msg, end, p, name, sizeof name);
        if (k < 0 || end - p < k + 4)
            return hv_eng_fail(err, HV_ENG_SYSTEM, EPROTO, "The DNS reply is malformed.");
        p += k + 4;
    }
    size_t total = (size_t)counts[0] + counts[1] + counts[2];
    res->rr = calloc(total + 1, sizeof *res->rr);
    if (!res->rr)
        abort();
    for (int s = 0; s < 3; s++)
        for (unsigned i = 0; i < counts[s]; i++) {
            hv_dns_rr *r = &res->rr[res->n];
            memset(r, 0, sizeof *r);
            int k = dn_expand(msg, end, p, r->name, sizeof r->name);
            if (k < 0 || end - p < k + 10)
                return hv_eng_fail(err, HV_ENG_SYSTEM, EPROTO, "The DNS reply is malformed.");
            p += k;
            r->type = (int)get16(p);
            r->ttl = get32(p + 4);
            r->rdlen = get16(p + 8);
            r->section = s + 1;
            p += 10;
            if ((size_t)(end - p) < r->rdlen)
                return hv_eng_fail(err, HV_ENG_SYSTEM, EPROTO, "The DNS reply is malformed.");
            if (r->type == ns_t_opt) { /* EDNS pseudo-record: not a record */
                p += r->rdlen;
                continue;
            }
            if (decode_rdata(msg, end, p, r->rdlen, r) < 0)
                return hv_eng_fail(err, HV_ENG_SYSTEM, EPROTO, "The DNS reply is malformed.");
            strip_dot(r->name);
            strip_dot(r->target);
            strip_dot(r->admin);
            p += r->rdlen;
            res->n++;
        }
    return 0;
}

int
hv_dns_query(const char *name, int type, const char *const *servers, size_t nservers,
              int timeout_ms, bool tcp_only, bool recursion, hv_dns_result *res,
              hv_eng_err *err)
{
    memset(res, 0, sizeof *res);
    char list[MAX_SERVERS][64];
    size_t n = 0;
    for (size_t i = 0; i < nservers && n < MAX_SERVERS; i++)
        snprintf(list[n++], 64, "%s", servers[i]);
    if (!nservers)
        n = conf_servers(list, MAX_SERVERS);
    if (!n)
        return hv_eng_fail(err, HV_ENG_NOT_FOUND, ENOENT,
                           "No DNS servers are configured (%s lists no nameserver).",
                           hv_dns_conf_path());
    if (strlen(name) >= HV_DNSQ_NAME - 1)
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "The DNS name is too long.");
    unsigned char q[HV_DNSQ_NAME + 64];
    int qn = res_mkquery(ns_o_query, name, ns_c_in, type, NULL, 0, NULL, q, sizeof q);
    if (qn < 12)
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "'%s' is not a valid DNS name.", name);
    /* a fresh id per query (res_mkquery's comes from a per-process counter) */
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    unsigned id = (unsigned)(ts.tv_nsec ^ getpid());
    q[0] = (unsigned char)(id >> 8);
    q[1] = (unsigned char)id;
    if (recursion)
        q[2] |= 0x01;
    else
        q[2] &= (unsigned char)~0x01;
    unsigned char *ans = malloc(MAX_MSG);
    if (!ans)
        abort();
    int last = ETIMEDOUT;
    bool bad_server = false;
    for (int attempt = 0; attempt < 2; attempt++)
        for (size_t i = 0; i < n; i++) {
            struct sockaddr_storage ss;
            socklen_t sl;
            if (to_addr(list[i], &ss, &sl) < 0) {
                bad_server = true;
                last = EINVAL;
                continue;
            }
            int len = tcp_only ? ask_tcp(&ss, sl, q, qn, ans, timeout_ms)
                               : ask_udp(&ss, sl, q, qn, ans, timeout_ms);
            if (len > 0 && !tcp_only && (ans[2] & 0x02)) { /* TC: ask again over TCP */
                len = ask_tcp(&ss, sl, q, qn, ans, timeout_ms);
                res->truncated_retry = len > 0;
            }
            if (len < 0) {
                last = -len;
                continue;
            }
            snprintf(res->server, sizeof res->server, "%s", list[i]);
            int rc = parse_reply(ans, len, res, err);
            free(ans);
            if (rc < 0)
                hv_dns_result_free(res);
            return rc;
        }
    free(ans);
    if (bad_server && n == 1)
        return hv_eng_fail(err, HV_ENG_INVALID, EINVAL, "'%s' is not a valid DNS server address.",
                           list[0]);
    return hv_eng_fail(err, HV_ENG_SYSTEM, last == ECONNREFUSED ? ETIMEDOUT : last,
                       "This operation returned because the timeout period expired.");
}

void
hv_dns_result_free(hv_dns_result *res)
{
    free(res->rr);
    res->rr = NULL;
    res->n = 0;
}

size_t
hv_dns_hosts_lookup(const char *name, int type, hv_dns_rr **out)
{
    *out = NULL;
    const char *path = getenv("HVSH_HOSTS");
    FILE *f = fopen(path && *path ? path : "/etc/hosts", "r");
    if (!f)
        return 0;
    size_t n = 0;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "#\r\n")] = 0;
        char *save = NULL, *addr = strtok_r(line, " \t", &save);
        if (!addr)
            continue;
        unsigned char bin[16];
        int fam = inet_pton(AF_INET, addr, bin) == 1 ? AF_INET
                  : inet_pton(AF_INET6, addr, bin) == 1 ? AF_INET6 : 0;
        if (!fam || (type == ns_t_a && fam != AF_INET) || (type == ns_t_aaaa && fam != AF_INET6))
            continue;
        bool hit = false;
        for (char *h = strtok_r(NULL, " \t", &save); h && !hit; h = strtok_r(NULL, " \t", &save))
            hit = !strcasecmp(h, name);
        if (!hit)
            continue;
        *out = realloc(*out, (n + 1) * sizeof **out);
        if (!*out)
            abort();
        hv_dns_rr *r = &(*out)[n++];
        memset(r, 0, sizeof *r);
        snprintf(r->name, sizeof r->name, "%s", name);
        r->type = fam == AF_INET ? ns_t_a : ns_t_aaaa;
        r->ttl = 1200;
        r->section = 0;
        r->rdlen = fam == AF_INET ? 4 : 16;
        inet_ntop(fam, bin, r->addr, sizeof r->addr);
    }
    fclose(f);
    return n;
}
