/* engine_netnft.c — engine/nft (NetNat on nftables) inside a private network namespace. */
#include "engine/nft.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static hv_nft_nat
mknat(const char *name, const char *prefix)
{
    hv_nft_nat n;
    memset(&n, 0, sizeof n);
    snprintf(n.name, sizeof n.name, "%s", name);
    snprintf(n.internal_prefix, sizeof n.internal_prefix, "%s", prefix);
    return n;
}

static size_t
nat_count(void)
{
    hv_nft_nat *v;
    size_t n;
    if (hv_nft_nat_list(&v, &n, NULL) < 0)
        return (size_t)-1;
    free(v);
    return n;
}

int
main(void)
{
    if (enter_netns() < 0) {
        printf("not ok - cannot enter a private network namespace: %s\n1 passed, 1 failed\n",
               strerror(errno));
        return 1;
    }
    hv_eng_err err;
    hv_nft_nat *v;
    size_t n;
    check(hv_nft_nat_list(&v, &n, &err) == 0 && n == 0, "empty list without the table");
    free(v);
    hv_nft_nat nat = mknat("LocalNAT", "192.168.100.0/24");
    char *batch = hv_nft_nat_add_batch(&nat);
    check(strstr(batch, "add rule ip hvsh_nat postrouting ip saddr 192.168.100.0/24 ip daddr != "
                        "192.168.100.0/24 counter masquerade comment \"NetNat:192.168.100.0/24||LocalNAT\"") != NULL,
          "batch text");
    free(batch);
    check(hv_nft_nat_add(&nat, &err) == 0, "add NAT");
    check(hv_nft_nat_list(&v, &n, &err) == 0 && n == 1 && !strcmp(v[0].name, "LocalNAT") &&
          !strcmp(v[0].internal_prefix, "192.168.100.0/24") && !v[0].external_prefix[0] &&
          v[0].handle > 0, "list reads the NAT back");
    free(v);
    hv_nft_nat dup = mknat("localnat", "10.1.0.0/16");
    check(hv_nft_nat_add(&dup, &err) < 0 && err.code == HV_ENG_EXISTS, "same name: EXISTS");
    hv_nft_nat ov = mknat("Other", "192.168.0.0/16");
    check(hv_nft_nat_add(&ov, &err) < 0 && err.code == HV_ENG_CONFLICT, "overlap: CONFLICT");
    hv_nft_nat bad = mknat("Bad", "192.168.200.0/33");
    check(hv_nft_nat_add(&bad, &err) < 0 && err.code == HV_ENG_INVALID, "/33: INVALID");
    bad = mknat("Bad", "fd00::/64");
    check(hv_nft_nat_add(&bad, &err) < 0 && err.code == HV_ENG_INVALID, "IPv6 prefix: INVALID");
    bad = mknat("Bad\"q", "10.9.0.0/16");
    check(hv_nft_nat_add(&bad, &err) < 0 && err.code == HV_ENG_INVALID, "quote in name: INVALID");
    bad = mknat("Bad", "");
    check(hv_nft_nat_add(&bad, &err) < 0 && strstr(err.msg, "(null)"), "no prefix");
    check(nat_count() == 1, "nothing changed by the failures");
    hv_nft_nat two = mknat("Second", "10.20.30.40/24");
    snprintf(two.external_prefix, sizeof two.external_prefix, "172.16.0.0/12");
    check(hv_nft_nat_add(&two, &err) == 0 && !strcmp(two.internal_prefix, "10.20.30.0/24"),
          "second non-overlapping NAT; host bits cleared");
    check(hv_nft_nat_list(&v, &n, &err) == 0 && n == 2 && !strcmp(v[1].external_prefix, "172.16.0.0/12"),
          "external prefix read back");
    free(v);

    hv_nft_map m = {.external_port = 80, .internal_port = 81};
    snprintf(m.nat_name, sizeof m.nat_name, "localnat");
    snprintf(m.protocol, sizeof m.protocol, "tcp");
    snprintf(m.external_ip, sizeof m.external_ip, "0.0.0.0/24");
    snprintf(m.internal_ip, sizeof m.internal_ip, "192.168.100.2");
    check(hv_nft_map_add(&m, &err) == 0 && m.id == 0, "add mapping (id 0)");
    hv_nft_map *mv;
    size_t mn;
    check(hv_nft_map_list(&mv, &mn, &err) == 0 && mn == 1 && mv[0].id == 0 &&
          !strcmp(mv[0].nat_name, "LocalNAT") && !strcmp(mv[0].protocol, "TCP") &&
          mv[0].external_port == 80 && mv[0].internal_port == 81 &&
          !strcmp(mv[0].internal_ip, "192.168.100.2"), "mapping read back");
    free(mv);
    hv_nft_map m2 = m;
    check(hv_nft_map_add(&m2, &err) < 0 && err.code == HV_ENG_EXISTS, "duplicate mapping: EXISTS");
    m2.external_port = 0;
    check(hv_nft_map_add(&m2, &err) < 0 && err.code == HV_ENG_INVALID, "port 0: INVALID");
    m2 = m;
    snprintf(m2.nat_name, sizeof m2.nat_name, "nope");
    check(hv_nft_map_add(&m2, &err) < 0 && err.code == HV_ENG_NOT_FOUND, "mapping on missing NAT");
    m2 = m;
    snprintf(m2.protocol, sizeof m2.protocol, "udp");
    m2.external_port = 53;
    m2.internal_port = 53;
    check(hv_nft_map_add(&m2, &err) == 0 && m2.id == 1, "UDP mapping id 1");
    check(hv_nft_map_del(1, &err) == 0, "delete mapping 1");
    check(hv_nft_map_del(1, &err) < 0 && err.code == HV_ENG_NOT_FOUND, "delete missing mapping");
    check(hv_nft_nat_del("LOCALNAT", &err) == 0, "delete NAT (case-insensitive) with its mapping");
    check(hv_nft_map_list(&mv, &mn, &err) == 0 && mn == 0, "mapping went with its NAT");
    free(mv);
    check(hv_nft_nat_del("LocalNAT", &err) < 0 && err.code == HV_ENG_NOT_FOUND, "delete missing NAT");
    check(hv_nft_nat_del("Second", &err) == 0 && nat_count() == 0, "delete last NAT");
    check(hv_nft_run("list table ip hvsh_nat", &err) < 0, "table removed with the last rule");
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
