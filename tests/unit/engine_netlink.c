/* engine_netlink.c — engine/netlink against a private network namespace (never the host's).
 * The test unshares a network namespace (plus a user namespace when not root) before its
 * first request, so every interface it creates dies with the process. */
#include "engine/netlink.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/capability.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/nft.h"

static int passed, failed;

static void
check(bool ok, const char *what)
{
    printf("%s - %s\n", ok ? "ok" : "not ok", what);
    fflush(stdout);
    if (ok)
        passed++;
    else
        failed++;
}

static int
write_file(const char *path, const char *s)
{
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, s, strlen(s));
    close(fd);
    return n == (ssize_t)strlen(s) ? 0 : -1;
}

/* Enter a fresh network namespace: as root directly, otherwise inside a user namespace that
 * maps us to root (engine-lab §4: works even as nobody). */
static int
enter_netns(void)
{
    if (geteuid() == 0)
        return unshare(CLONE_NEWNET);
    uid_t uid = geteuid();
    gid_t gid = getegid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0)
        return -1;
    char buf[64];
    write_file("/proc/self/setgroups", "deny");
    snprintf(buf, sizeof buf, "0 %u 1", (unsigned)uid);
    if (write_file("/proc/self/uid_map", buf) < 0)
        return -1;
    snprintf(buf, sizeof buf, "0 %u 1", (unsigned)gid);
    return write_file("/proc/self/gid_map", buf);
}

static bool
has_addr(hv_nl *nl, int ifindex, const char *ip, int plen)
{
    hv_nl_addr *v;
    size_t n;
    hv_nl_ip want;
    if (hv_nl_addrs(nl, AF_UNSPEC, ifindex, &v, &n, NULL) < 0 || hv_nl_ip_parse(ip, 0, &want, NULL) < 0)
        return false;
    bool hit = false;
    for (size_t i = 0; i < n; i++)
        if (v[i].addr.family == want.family && v[i].prefixlen == plen &&
            !memcmp(v[i].addr.addr, want.addr, want.family == AF_INET ? 4 : 16))
            hit = true;
    free(v);
    return hit;
}

static int
count_routes(hv_nl *nl, int oif, bool default_only)
{
    hv_nl_route *v;
    size_t n;
    if (hv_nl_routes(nl, AF_INET, &v, &n, NULL) < 0)
        return -1;
    int c = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i].oif == oif && (!default_only || v[i].dst_len == 0))
            c++;
    free(v);
    return c;
}

static void
test_text(void)
{
    hv_nl_ip ip, ip2;
    int len;
    char buf[64];
    hv_eng_err err;
    check(hv_nl_ip_parse("192.168.100.1", 0, &ip, NULL) == 0 && ip.family == AF_INET, "parse v4");
    check(hv_nl_ip_parse("fd00::1", 0, &ip, NULL) == 0 && ip.family == AF_INET6, "parse v6");
    check(!strcmp(hv_nl_ip_format(&ip, buf, sizeof buf), "fd00::1"), "format v6");
    check(hv_nl_ip_parse("fd00::1", AF_INET, &ip, &err) < 0 && err.code == HV_ENG_INVALID,
          "v6 text rejected as IPv4");
    check(hv_nl_ip_parse("300.1.1.1", 0, &ip, NULL) < 0, "bad v4 rejected");
    check(hv_nl_prefix_parse("192.168.100.0/24", false, &ip, &len, NULL) == 0 && len == 24,
          "prefix parse");
    check(hv_nl_prefix_parse("192.168.100.0/33", false, &ip, &len, &err) < 0 &&
          strstr(err.msg, "between 0 and 32"), "prefix /33 rejected");
    check(hv_nl_prefix_parse("192.168.100.1/24", false, &ip, &len, NULL) < 0,
          "prefix with host bits rejected");
    check(hv_nl_prefix_parse("192.168.100.1/24", true, &ip, &len, NULL) == 0,
          "prefix with host bits allowed on request");
    check(hv_nl_prefix_parse("192.168.100.0", false, &ip, &len, NULL) < 0, "missing length");
    hv_nl_prefix_parse("192.168.0.0/16", false, &ip, &len, NULL);
    int len2;
    hv_nl_prefix_parse("192.168.100.0/24", false, &ip2, &len2, NULL);
    check(hv_nl_prefix_overlap(&ip, len, &ip2, len2), "overlap /16 /24");
    hv_nl_prefix_parse("10.0.0.0/8", false, &ip2, &len2, NULL);
    check(!hv_nl_prefix_overlap(&ip, len, &ip2, len2), "no overlap");
    char name[HV_NL_IFNAMSIZ], name2[HV_NL_IFNAMSIZ];
    hv_nl_switch_ifname("VmNAT", name);
    check(!strcmp(name, "VmNAT"), "switch kernel name = switch name");
    hv_nl_switch_ifname("Default Switch", name);
    hv_nl_switch_ifname("default switch", name2);
    check(strlen(name) == 10 && !strncmp(name, "vs", 2) && !strcmp(name, name2),
          "hashed name for a name with a space, case-insensitive");
    hv_nl_switch_ifname("abcdefghijklmnop", name);
    check(!strncmp(name, "vs", 2), "hashed name for 16 chars");
    hv_nl_switch_ifname("abcdefghijklmno", name);
    check(!strcmp(name, "abcdefghijklmno"), "15 chars kept");
    check(!hv_nl_ifname_valid("a/b") && !hv_nl_ifname_valid("a:b") && !hv_nl_ifname_valid(""),
          "invalid names");
}

static void
test_links(hv_nl *nl)
{
    hv_eng_err err;
    hv_nl_link br, l;
    check(hv_nl_switch_create(nl, "VmNAT", &br, &err) == 0, "create switch VmNAT");
    check(!strcmp(br.name, "VmNAT") && !strcmp(br.alias, "vEthernet (VmNAT)") &&
          !strcmp(br.kind, "bridge") && (br.flags & IFF_UP), "bridge name/alias/kind/up");
    check(hv_nl_link_find(nl, "vEthernet (VmNat)", &l, NULL) == 0 && l.ifindex == br.ifindex,
          "find by alias case-insensitively");
    check(hv_nl_link_find(nl, "vmnat", &l, NULL) == 0 && l.ifindex == br.ifindex,
          "find by kernel name case-insensitively");
    check(hv_nl_switch_create(nl, "vmnat", NULL, &err) < 0 && err.code == HV_ENG_EXISTS,
          "second switch with the same name: EXISTS");
    check(hv_nl_switch_create(nl, "Default Switch", &l, &err) == 0 && !strncmp(l.name, "vs", 2) &&
          !strcmp(l.alias, "vEthernet (Default Switch)"), "switch with a space gets a hashed name");
    check(hv_nl_switch_rename(nl, "Default Switch", "Lab", &err) == 0 &&
          hv_nl_switch_find(nl, "lab", &l, NULL) == 0 && !strcmp(l.alias, "vEthernet (Lab)"),
          "rename changes the alias");
    check(hv_nl_switch_delete(nl, "Lab", &err) == 0 &&
          hv_nl_switch_find(nl, "Lab", &l, &err) < 0 && err.code == HV_ENG_NOT_FOUND,
          "delete switch");
    check(hv_nl_switch_delete(nl, "Nope", &err) < 0 && err.code == HV_ENG_NOT_FOUND,
          "delete missing switch: NOT_FOUND");
    check(hv_nl_veth_create(nl, "abcdefghijklmnop", "p0", &err) < 0 && err.sys_errno == ERANGE &&
          err.code == HV_ENG_INVALID, "16-char name: ERANGE");
    check(hv_nl_veth_create(nl, "Ethernet", "Ethernet-peer", &err) == 0, "veth pair");
    check(hv_nl_veth_create(nl, "Ethernet", "x1", &err) < 0 && err.code == HV_ENG_EXISTS,
          "duplicate veth: EXISTS");
    /* a switch named like an existing interface gets the hashed kernel name */
    check(hv_nl_switch_create(nl, "Ethernet", &l, &err) == 0 && strcmp(l.name, "Ethernet") &&
          hv_nl_switch_delete(nl, "Ethernet", NULL) == 0, "name clash -> hashed name");
    hv_nl_link *v;
    size_t n;
    check(hv_nl_links(nl, &v, &n, &err) == 0 && n >= 4, "link dump");
    bool veth_speed = false;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i].name, "Ethernet"))
            veth_speed = v[i].speed_mbps == 10000 && v[i].mac_len == 6 && !v[i].physical;
    free(v);
    check(veth_speed, "veth speed 10000 Mb/s via ethtool, MAC, not physical");
    check(hv_nl_link_find(nl, "Ethernet", &l, NULL) == 0 &&
          hv_nl_link_set_up(nl, l.ifindex, true, &err) == 0 &&
          hv_nl_link_get(nl, l.ifindex, &l, NULL) == 0 && (l.flags & IFF_UP), "set up");
    check(hv_nl_link_set_alias(nl, l.ifindex, "LAN", &err) == 0 &&
          hv_nl_link_find(nl, "lan", &l, NULL) == 0 && !strcmp(l.name, "Ethernet"),
          "alias rename");
    check(hv_nl_link_set_alias(nl, l.ifindex, "", &err) == 0 &&
          hv_nl_link_get(nl, l.ifindex, &l, NULL) == 0 && !l.alias[0], "alias cleared");
    check(hv_nl_link_get(nl, 99999, &l, &err) < 0 && err.code == HV_ENG_NOT_FOUND,
          "missing ifindex: NOT_FOUND");
}

static void
test_addrs_routes(hv_nl *nl)
{
    hv_eng_err err;
    hv_nl_link br, eth;
    hv_nl_ip ip, gw;
    hv_nl_switch_find(nl, "VmNAT", &br, NULL);
    hv_nl_ip_parse("192.168.100.1", 0, &ip, NULL);
    check(hv_nl_addr_add(nl, br.ifindex, &ip, 24, 0, HV_NL_INFINITE, &err) == 0 &&
          has_addr(nl, br.ifindex, "192.168.100.1", 24), "add v4 address");
    check(hv_nl_addr_add(nl, br.ifindex, &ip, 24, 0, HV_NL_INFINITE, &err) < 0 &&
          err.code == HV_ENG_EXISTS, "duplicate address: EXISTS");
    check(hv_nl_addr_add(nl, br.ifindex, &ip, 40, 0, HV_NL_INFINITE, &err) < 0 &&
          err.code == HV_ENG_INVALID, "prefix 40 on v4: INVALID");
    hv_nl_ip v6;
    hv_nl_ip_parse("fd00:100::1", 0, &v6, NULL);
    check(hv_nl_addr_add(nl, br.ifindex, &v6, 64, IFA_F_NODAD, HV_NL_INFINITE, &err) == 0 &&
          has_addr(nl, br.ifindex, "fd00:100::1", 64), "add v6 address");
    check(hv_nl_addr_replace(nl, br.ifindex, &v6, 64, IFA_F_NODAD, 0, &err) == 0,
          "replace (deprecate) v6 address");
    hv_nl_addr *av;
    size_t an;
    bool depr = false;
    if (hv_nl_addrs(nl, AF_INET6, br.ifindex, &av, &an, NULL) == 0) {
        for (size_t i = 0; i < an; i++)
            if (av[i].addr.addr[0] == 0xfd)
                depr = (av[i].flags & IFA_F_DEPRECATED) && av[i].preferred_lft == 0;
        free(av);
    }
    check(depr, "deprecated flag read back");
    check(hv_nl_addr_del(nl, br.ifindex, &v6, 64, &err) == 0 &&
          !has_addr(nl, br.ifindex, "fd00:100::1", 64), "delete v6 address");
    check(hv_nl_addr_del(nl, br.ifindex, &v6, 64, &err) < 0 && err.code == HV_ENG_NOT_FOUND,
          "delete missing address: NOT_FOUND");

    hv_nl_link_find(nl, "Ethernet", &eth, NULL);
    hv_nl_ip_parse("10.0.0.2", 0, &ip, NULL);
    hv_nl_addr_add(nl, eth.ifindex, &ip, 24, 0, HV_NL_INFINITE, NULL);
    hv_nl_link peer;
    hv_nl_link_find(nl, "Ethernet-peer", &peer, NULL);
    hv_nl_link_set_up(nl, peer.ifindex, true, NULL);
    hv_nl_route r = {.family = AF_INET, .has_gateway = true, .oif = eth.ifindex};
    hv_nl_ip_parse("0.0.0.0", 0, &r.dst, NULL);
    hv_nl_ip_parse("10.0.0.1", 0, &gw, NULL);
    r.gateway = gw;
    check(hv_nl_route_add(nl, &r, &err) == 0 && count_routes(nl, eth.ifindex, true) == 1,
          "add default route");
    check(hv_nl_route_add(nl, &r, &err) < 0 && err.code == HV_ENG_EXISTS,
          "duplicate default route: EXISTS");
    hv_nl_route bad = r;
    hv_nl_ip_parse("172.16.0.1", 0, &bad.gateway, NULL);
    bad.metric = 5;
    check(hv_nl_route_add(nl, &bad, &err) < 0 && err.code == HV_ENG_UNREACHABLE &&
          err.sys_errno == ENETUNREACH, "gateway off-link: ENETUNREACH");
    hv_nl_route net = {.family = AF_INET, .dst_len = 16, .oif = eth.ifindex, .metric = 10,
                       .has_gateway = true, .gateway = gw};
    hv_nl_ip_parse("172.20.0.0", 0, &net.dst, NULL);
    check(hv_nl_route_add(nl, &net, &err) == 0, "add 172.20.0.0/16 route");

    /* External switch with AllowManagementOS: addresses and routes move to the bridge */
    hv_nl_link ext;
    check(hv_nl_switch_create(nl, "External", &ext, &err) == 0, "create external bridge");
    check(hv_nl_switch_attach(nl, "External", "Ethernet", true, &err) == 0, "attach with move");
    hv_nl_link_get(nl, eth.ifindex, &eth, NULL);
    hv_nl_link_get(nl, ext.ifindex, &ext, NULL);
    check(eth.master == ext.ifindex, "adapter enslaved");
    check(!memcmp(ext.mac, eth.mac, 6), "bridge took the adapter's MAC");
    check(has_addr(nl, ext.ifindex, "10.0.0.2", 24) && !has_addr(nl, eth.ifindex, "10.0.0.2", 24),
          "address moved to the bridge");
    check(count_routes(nl, ext.ifindex, true) == 1 && count_routes(nl, eth.ifindex, false) == 0,
          "default route moved to the bridge");
    check(hv_nl_switch_attach(nl, "External", "Ethernet", true, &err) == 0,
          "attach again is idempotent");
    check(hv_nl_switch_attach(nl, "VmNAT", "Ethernet", true, &err) < 0 && err.code == HV_ENG_BUSY,
          "adapter bound to another switch: BUSY");
    check(hv_nl_switch_detach(nl, "External", NULL, true, &err) == 0, "detach with move back");
    hv_nl_link_get(nl, eth.ifindex, &eth, NULL);
    check(eth.master == 0 && has_addr(nl, eth.ifindex, "10.0.0.2", 24) &&
          !has_addr(nl, ext.ifindex, "10.0.0.2", 24), "address moved back");
    check(count_routes(nl, eth.ifindex, true) == 1 && count_routes(nl, eth.ifindex, false) >= 3,
          "routes moved back (default, /16, connected)");
    hv_nl_switch_delete(nl, "External", NULL);

    check(hv_nl_route_del(nl, &r, &err) == 0 && count_routes(nl, eth.ifindex, true) == 0,
          "delete default route");
    check(hv_nl_route_del(nl, &r, &err) < 0 && err.code == HV_ENG_NOT_FOUND,
          "delete missing route: NOT_FOUND");
    int fwd = hv_nl_ip_forward_get(&err);
    check(fwd == 0, "ip_forward is off in a new namespace");
    check(hv_nl_ip_forward_set(true, &err) == 0 && hv_nl_ip_forward_get(NULL) == 1,
          "ip_forward switched on in the namespace");
}

/* Without CAP_NET_ADMIN every change fails with PERMISSION and a message naming the
 * privilege (in a child that dropped all capabilities). */
static void
test_no_privilege(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        struct __user_cap_header_struct h = {.version = _LINUX_CAPABILITY_VERSION_3};
        struct __user_cap_data_struct d[2];
        memset(d, 0, sizeof d);
        if (syscall(SYS_capset, &h, d) < 0)
            _exit(3);
        hv_nl *nl;
        hv_eng_err e, e2;
        if (hv_nl_open(&nl, &e) < 0)
            _exit(4);
        int rc = hv_nl_switch_create(nl, "NoPriv", NULL, &e);
        hv_nl_close(nl);
        hv_nft_nat nat = {.name = "NoPriv", .internal_prefix = "10.77.0.0/24"};
        int rc2 = hv_nft_nat_add(&nat, &e2);
        _exit(rc < 0 && e.code == HV_ENG_PERMISSION && strstr(e.msg, "CAP_NET_ADMIN") &&
                      rc2 < 0 && e2.code == HV_ENG_PERMISSION && strstr(e2.msg, "CAP_NET_ADMIN")
                  ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "no CAP_NET_ADMIN: PERMISSION errors that name the privilege (netlink and nft)");
}

int
main(void)
{
    test_text();
    if (enter_netns() < 0) {
        printf("not ok - cannot enter a private network namespace: %s\n", strerror(errno));
        printf("%d passed, %d failed\n", passed, failed + 1);
        return 1;
    }
    hv_nl *nl;
    hv_eng_err err;
    if (hv_nl_open(&nl, &err) < 0) {
        printf("not ok - open: %s\n", err.msg);
        return 1;
    }
    test_links(nl);
    test_addrs_routes(nl);
    hv_nl_close(nl);
    test_no_privilege();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
