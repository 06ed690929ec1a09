/* sysnbr.c — neighbor cache and socket tables (see sysnbr.h). */
#include "engine/sysnbr.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    hv_nl_nbr *v;
    size_t n, cap;
} nbr_vec;

static int
nbr_attr_cb(const struct nlattr *a, void *data)
{
    const struct nlattr **tb = data;
    int t = mnl_attr_get_type(a);
    if (t <= NDA_MAX)
        tb[t] = a;
    return MNL_CB_OK;
}

static int
nbr_cb(const struct nlmsghdr *nlh, void *data)
{
    nbr_vec *vec = data;
    const struct ndmsg *nd = mnl_nlmsg_get_payload(nlh);
    if (nlh->nlmsg_type != RTM_NEWNEIGH || (nd->ndm_family != AF_INET && nd->ndm_family != AF_INET6))
        return MNL_CB_OK;
    if (nd->ndm_state == NUD_NONE)
        return MNL_CB_OK;
    const struct nlattr *tb[NDA_MAX + 1] = {0};
    mnl_attr_parse(nlh, sizeof *nd, nbr_attr_cb, tb);
    if (!tb[NDA_DST])
        return MNL_CB_OK;
    if (vec->n == vec->cap) {
        vec->cap = vec->cap ? vec->cap * 2 : 16;
        vec->v = realloc(vec->v, vec->cap * sizeof *vec->v);
        if (!vec->v)
            abort();
    }
    hv_nl_nbr *e = &vec->v[vec->n++];
    memset(e, 0, sizeof *e);
    e->ifindex = nd->ndm_ifindex;
    e->state = nd->ndm_state;
    e->flags = nd->ndm_flags;
    e->ip.family = nd->ndm_family;
    size_t al = mnl_attr_get_payload_len(tb[NDA_DST]);
    memcpy(e->ip.addr, mnl_attr_get_payload(tb[NDA_DST]), al > 16 ? 16 : al);
    if (tb[NDA_LLADDR]) {
        size_t ll = mnl_attr_get_payload_len(tb[NDA_LLADDR]);
        e->lladdr_len = (int)(ll > sizeof e->lladdr ? sizeof e->lladdr : ll);
        memcpy(e->lladdr, mnl_attr_get_payload(tb[NDA_LLADDR]), (size_t)e->lladdr_len);
    }
    return MNL_CB_OK;
}

int
hv_nl_nbr_list(int family, hv_nl_nbr **out, size_t *n, hv_eng_err *err)
{
    *out = NULL;
    *n = 0;
    struct mnl_socket *s = mnl_socket_open2(NETLINK_ROUTE, SOCK_CLOEXEC);
    if (!s || mnl_socket_bind(s, 0, MNL_SOCKET_AUTOPID) < 0) {
        int e = errno;
        if (s)
            mnl_socket_close(s);
        return hv_eng_fail(err, hv_eng_code_from_errno(e), e, "Cannot open rtnetlink: %s",
                           strerror(e));
    }
    char *buf = malloc(MNL_SOCKET_BUFFER_SIZE * 4);
    if (!buf)
        abort();
    struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
    nlh->nlmsg_type = RTM_GETNEIGH;
    nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    unsigned seq = (unsigned)time(NULL);
    nlh->nlmsg_seq = seq;
    struct ndmsg *nd = mnl_nlmsg_put_extra_header(nlh, sizeof *nd);
    nd->ndm_family = (unsigned char)family;
    unsigned portid = mnl_socket_get_portid(s);
    nbr_vec vec = {0};
    int rc = mnl_socket_sendto(s, nlh, nlh->nlmsg_len) < 0 ? -1 : 1;
    while (rc > 0) {
        ssize_t k = mnl_socket_recvfrom(s, buf, MNL_SOCKET_BUFFER_SIZE * 4);
        if (k < 0) {
            rc = -1;
            break;
        }
        rc = mnl_cb_run(buf, (size_t)k, seq, portid, nbr_cb, &vec);
    }
    int e = errno;
    free(buf);
    mnl_socket_close(s);
    if (rc < 0) {
        free(vec.v);
        return hv_eng_fail(err, hv_eng_code_from_errno(e), e, "Cannot read the neighbor cache: %s",
                           strerror(e));
    }
    *out = vec.v;
    *n = vec.n;
    return 0;
}

const char *
hv_nl_nbr_state_name(unsigned nud)
{
    if (nud & (NUD_PERMANENT | NUD_NOARP))
        return "Permanent";
    if (nud & NUD_REACHABLE)
        return "Reachable";
    if (nud & NUD_STALE)
        return "Stale";
    if (nud & NUD_DELAY)
        return "Delay";
    if (nud & NUD_PROBE)
        return "Probe";
    if (nud & NUD_INCOMPLETE)
        return "Incomplete";
    return "Unreachable";
}

/* ------------------------------------------------------------------ sockets */

const char *
hv_sys_sock_tcp_state_name(int st)
{
    static const char *const names[] = {
        [1] = "Established", [2] = "SynSent",  [3] = "SynReceived", [4] = "FinWait1",
        [5] = "FinWait2",    [6] = "TimeWait", [7] = "Closed",      [8] = "CloseWait",
        [9] = "LastAck",     [10] = "Listen",  [11] = "Closing",    [12] = "SynReceived"};
    return st > 0 && st < 13 ? names[st] : "Closed";
}

/* /proc/net/tcp6 prints the address as four 32-bit words, each in host byte order. */
static void
parse_hex_addr(const char *s, bool v6, hv_nl_ip *ip)
{
    memset(ip, 0, sizeof *ip);
    ip->family = v6 ? AF_INET6 : AF_INET;
    for (int w = 0; w < (v6 ? 4 : 1); w++) {
        char word[9] = {0};
        memcpy(word, s + w * 8, 8);
        uint32_t x = (uint32_t)strtoul(word, NULL, 16);
        memcpy(ip->addr + w * 4, &x, 4);
    }
}

typedef struct {
    unsigned long inode;
    int pid;
} owner;

static int
owner_cmp(const void *a, const void *b)
{
    unsigned long x = ((const owner *)a)->inode, y = ((const owner *)b)->inode;
    return x < y ? -1 : x > y;
}

/* inode -> pid for every socket fd of every process we may look at. */
static owner *
socket_owners(size_t *n)
{
    size_t cap = 64;
    owner *v = malloc(cap * sizeof *v);
    if (!v)
        abort();
    *n = 0;
    DIR *d = opendir("/proc");
    if (!d)
        return v;
    struct dirent *de;
    while ((de = readdir(d))) {
        char *endp;
        long pid = strtol(de->d_name, &endp, 10);
        if (*endp || pid <= 0)
            continue;
        char path[64];
        snprintf(path, sizeof path, "/proc/%ld/fd", pid);
        DIR *fd = opendir(path);
        if (!fd)
            continue;
        struct dirent *fe;
        while ((fe = readdir(fd))) {
            char lp[320], tgt[64];
            snprintf(lp, sizeof lp, "%s/%s", path, fe->d_name);
            ssize_t k = readlink(lp, tgt, sizeof tgt - 1);
            if (k <= 0)
                continue;
            tgt[k] = 0;
            unsigned long ino;
            if (sscanf(tgt, "socket:[%lu]", &ino) != 1)
                continue;
            if (*n == cap) {
                cap *= 2;
                v = realloc(v, cap * sizeof *v);
                if (!v)
                    abort();
            }
            v[(*n)++] = (owner){.inode = ino, .pid = (int)pid};
        }
        closedir(fd);
    }
    closedir(d);
    qsort(v, *n, sizeof *v, owner_cmp);
    return v;
}

static uint64_t
proc_start_ticks(int pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t k = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[k] = 0;
    char *p = strrchr(buf, ')');
    if (!p)
        return 0;
    /* field 22 (starttime), counted from field 3 right after ") " */
    unsigned long long st = 0;
    int field = 2;
    for (char *t = p + 1; *t && field < 22; t++)
        if (*t == ' ' && ++field == 22)
            sscanf(t + 1, "%llu", &st);
    return st;
}

static int
read_table(const char *path, bool tcp, bool v6, hv_sys_sock **v, size_t *n, size_t *cap)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return errno == ENOENT ? 0 : -1; /* no IPv6 in this kernel: no table */
    char line[512];
    if (!fgets(line, sizeof line, f)) {
        fclose(f);
        return 0;
    }
    while (fgets(line, sizeof line, f)) {
        char la[40], ra[40];
        unsigned lp, rp, st;
        unsigned long ino;
        if (sscanf(line, " %*u: %39[0-9A-Fa-f]:%x %39[0-9A-Fa-f]:%x %x %*x:%*x %*x:%*x %*x %*u %*u %lu",
                   la, &lp, ra, &rp, &st, &ino) != 6)
            continue;
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 32;
            *v = realloc(*v, *cap * sizeof **v);
            if (!*v)
                abort();
        }
        hv_sys_sock *s = &(*v)[(*n)++];
        memset(s, 0, sizeof *s);
        s->tcp = tcp;
        parse_hex_addr(la, v6, &s->local);
        parse_hex_addr(ra, v6, &s->remote);
        s->local_port = lp;
        s->remote_port = rp;
        s->state = (int)st;
        s->inode = ino;
    }
    fclose(f);
    return 0;
}

int
hv_sys_sock_list(bool tcp, hv_sys_sock **out, size_t *n, hv_eng_err *err)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    const char *p4 = tcp ? "/proc/net/tcp" : "/proc/net/udp";
    const char *p6 = tcp ? "/proc/net/tcp6" : "/proc/net/udp6";
    if (read_table(p4, tcp, false, out, n, &cap) < 0 || read_table(p6, tcp, true, out, n, &cap) < 0) {
        int e = errno;
        free(*out);
        *out = NULL;
        *n = 0;
        return hv_eng_fail(err, hv_eng_code_from_errno(e), e, "Cannot read %s: %s", p4,
                           strerror(e));
    }
    size_t no;
    owner *ow = socket_owners(&no);
    for (size_t i = 0; i < *n; i++) {
        owner key = {.inode = (*out)[i].inode};
        owner *hit = (*out)[i].inode ? bsearch(&key, ow, no, sizeof *ow, owner_cmp) : NULL;
        if (hit) {
            (*out)[i].pid = hit->pid;
            (*out)[i].start_ticks = proc_start_ticks(hit->pid);
        }
    }
    free(ow);
    return 0;
}
