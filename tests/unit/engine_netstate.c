/* engine_netstate.c — engine/netstate (saved state, locking, restore) and engine/resolv,
 * in a private network namespace with a temporary state directory and resolv.conf. */
#include "engine/netlink.h"
#include "engine/netstate.h"
#include "engine/nft.h"
#include "engine/resolv.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
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
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, s, strlen(s));
    close(fd);
    return n == (ssize_t)strlen(s) ? 0 : -1;
}

static char *
read_file(const char *path)
{
    static char buf[8192];
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
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

static void
test_resolv(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/resolv.conf", dir);
    setenv("HVSH_RESOLV_CONF", path, 1);
    write_file(path, "search lan\nnameserver 9.9.9.9\n");
    check(hv_dns_detect() == HV_DNS_RESOLV_CONF && !strcmp(hv_dns_conf_path(), path),
          "resolv.conf backend at $HVSH_RESOLV_CONF");
    const char *s1[] = {"1.1.1.1", "8.8.8.8"}, *s2[] = {"8.8.8.8", "fd00::53"};
    hv_dns_iface ifs[2] = {{.ifname = "Ethernet", .ifindex = 2, .servers = s1, .n = 2},
                           {.ifname = "vEthernet (VmNAT)", .ifindex = 3, .servers = s2, .n = 2}};
    hv_eng_err err;
    check(hv_dns_apply(ifs, 2, &err) == 0, "apply two interfaces");
    const char *want =
        "# BEGIN hvsh: per-interface DNS servers (Set-DnsClientServerAddress)\n"
        "# interface Ethernet: 1.1.1.1 8.8.8.8\n"
        "# interface vEthernet (VmNAT): 8.8.8.8 fd00::53\n"
        "nameserver 1.1.1.1\nnameserver 8.8.8.8\nnameserver fd00::53\n"
        "# END hvsh\nsearch lan\nnameserver 9.9.9.9\n";
    char *got = read_file(path);
    check(got && !strcmp(got, want), "managed block first, file's own lines kept");
    char **sv;
    size_t n;
    check(hv_dns_conf_servers(path, &sv, &n, &err) == 0 && n == 1 && !strcmp(sv[0], "9.9.9.9"),
          "system servers exclude hvsh's block");
    hv_dns_strv_free(sv, n);
    check(hv_dns_apply(ifs, 1, &err) == 0 && hv_dns_apply(NULL, 0, &err) == 0 &&
          (got = read_file(path)) && !strcmp(got, "search lan\nnameserver 9.9.9.9\n"),
          "empty lists remove the block");
    struct stat st;
    check(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644, "resolv.conf mode kept");
}

static int
count_addrs(const char *dir)
{
    (void)dir;
    hv_netstate *st;
    if (hv_netstate_open(&st, NULL) < 0)
        return -1;
    const hv_ns_addr *a;
    int n = (int)hv_netstate_addrs(st, &a);
    hv_netstate_close(st);
    return n;
}

static void
test_concurrency(const char *dir)
{
    enum { N = 40 };
    pid_t kids[2];
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        if (kids[k] == 0) {
            for (int i = 0; i < N; i++) {
                hv_netstate *st;
                if (hv_netstate_open(&st, NULL) < 0)
                    _exit(1);
                hv_ns_addr a = {.prefix = 24};
                snprintf(a.iface, sizeof a.iface, "if%d", k);
                snprintf(a.ip, sizeof a.ip, "10.%d.0.%d", k, i + 1);
                hv_netstate_put_addr(st, &a);
                if (hv_netstate_save(st, NULL) < 0)
                    _exit(1);
                hv_netstate_close(st);
            }
            _exit(0);
        }
    }
    int ok = 1, status;
    for (int k = 0; k < 2; k++)
        ok &= waitpid(kids[k], &status, 0) == kids[k] && WIFEXITED(status) && !WEXITSTATUS(status);
    check(ok && count_addrs(dir) == 2 * N, "two processes x 40 changes: none lost");
    hv_netstate *st;
    hv_netstate_open(&st, NULL);
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < N; i++) {
            char ifn[16], ip[32];
            snprintf(ifn, sizeof ifn, "if%d", k);
            snprintf(ip, sizeof ip, "10.%d.0.%d", k, i + 1);
            hv_netstate_del_addr(st, ifn, ip);
        }
    hv_netstate_save(st, NULL);
    hv_netstate_close(st);
    check(count_addrs(dir) == 0, "cleanup");
}

static void
test_restore(const char *dir)
{
    hv_eng_err err;
    hv_nl *nl;
    hv_nl_open(&nl, NULL);
    hv_nl_veth_create(nl, "Ethernet", "peer0", NULL);
    hv_nl_link eth;
    hv_nl_link_find(nl, "Ethernet", &eth, NULL);
    hv_nl_link_set_up(nl, eth.ifindex, true, NULL);

    hv_ns_switch sw = {.name = "VmNAT", .type = "Internal"};
    check(hv_netstate_record_switch(&sw, &err) == 0, "record switch (one-shot helper)");
    hv_netstate *st;
    check(hv_netstate_open(&st, &err) == 0, "open state");
    hv_ns_addr a = {.iface = "vEthernet (VmNAT)", .ip = "192.168.100.1", .prefix = 24};
    hv_netstate_put_addr(st, &a);
    hv_ns_addr b = {.iface = "Ethernet", .ip = "10.0.0.2", .prefix = 24};
    hv_netstate_put_addr(st, &b);
    hv_ns_route r = {.iface = "Ethernet", .dst = "0.0.0.0/0", .gateway = "10.0.0.1"};
    hv_netstate_put_route(st, &r);
    hv_ns_nat nat = {.name = "LocalNAT", .internal = "192.168.100.0/24"};
    hv_netstate_put_nat(st, &nat);
    hv_ns_map m = {.id = 1, .nat = "LocalNAT", .protocol = "TCP", .ext_ip = "0.0.0.0",
                   .ext_port = 8080, .int_ip = "192.168.100.2", .int_port = 80};
    hv_netstate_put_map(st, &m);
    const char *dns[] = {"1.1.1.1"};
    hv_netstate_set_dns(st, "Ethernet", dns, 1);
    check(hv_netstate_save(st, &err) == 0, "save");
    hv_netstate_close(st);
    char path[600];
    snprintf(path, sizeof path, "%s/netstate.json", dir);
    struct stat sb;
    check(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "state file mode 0600");
    const char *text = read_file(path);
    check(text && strstr(text, "\"vEthernet (VmNAT)\"") && strstr(text, "\"LocalNAT\""),
          "state file content");

    FILE *log = fopen("/dev/null", "w");
    check(hv_netstate_restore(log, &err) == 0, "restore from nothing");
    hv_nl_link br;
    check(hv_nl_link_find(nl, "vEthernet (VmNat)", &br, NULL) == 0 && !strcmp(br.kind, "bridge"),
          "bridge recreated");
    hv_nl_addr *av;
    size_t an;
    hv_nl_addrs(nl, AF_INET, 0, &av, &an, NULL);
    check(an == 2, "two IPv4 addresses restored");
    free(av);
    hv_nl_route *rv;
    size_t rn;
    hv_nl_routes(nl, AF_INET, &rv, &rn, NULL);
    int defaults = 0;
    for (size_t i = 0; i < rn; i++)
        defaults += rv[i].dst_len == 0;
    free(rv);
    check(defaults == 1, "default route restored");
    hv_nft_nat *nv;
    size_t nn;
    check(hv_nft_nat_list(&nv, &nn, NULL) == 0 && nn == 1 && !strcmp(nv[0].name, "LocalNAT"),
          "NAT restored");
    free(nv);
    hv_nft_map *mv;
    size_t mn;
    check(hv_nft_map_list(&mv, &mn, NULL) == 0 && mn == 1 && mv[0].external_port == 8080,
          "mapping restored");
    free(mv);
    check(hv_nl_ip_forward_get(NULL) == 1, "ip_forward on");
    char *conf = read_file(getenv("HVSH_RESOLV_CONF"));
    check(conf && strstr(conf, "nameserver 1.1.1.1\n"), "DNS restored");
    check(hv_netstate_restore(log, &err) == 0, "second restore succeeds");
    hv_nl_addrs(nl, AF_INET, 0, &av, &an, NULL);
    free(av);
    check(an == 2 && hv_nft_nat_list(&nv, &nn, NULL) == 0 && nn == 1, "idempotent: nothing doubled");
    free(nv);
    /* delete the bridge: restore brings it back with its address */
    hv_nl_switch_delete(nl, "VmNAT", NULL);
    check(hv_netstate_restore(log, &err) == 0 && hv_nl_switch_find(nl, "vmnat", &br, NULL) == 0,
          "restore after the bridge was deleted");
    hv_nl_addrs(nl, AF_INET, br.ifindex, &av, &an, NULL);
    free(av);
    check(an == 1, "bridge address back");
    check(hv_netstate_record_switch_rename("VmNAT", "Lab", &err) == 0 &&
          hv_netstate_open(&st, NULL) == 0, "rename switch in state");
    const hv_ns_addr *sa;
    size_t sn = hv_netstate_addrs(st, &sa);
    bool renamed = false;
    for (size_t i = 0; i < sn; i++)
        renamed |= !strcmp(sa[i].iface, "vEthernet (Lab)");
    hv_netstate_close(st);
    check(renamed, "vEthernet address re-keyed on rename");
    check(hv_netstate_forget_switch("lab", &err) == 0 && hv_netstate_open(&st, NULL) == 0 &&
          hv_netstate_addrs(st, &sa) == 1, "forget switch drops its adapter's records");
    hv_netstate_close(st);
    /* a damaged state file is an error, not an empty state */
    write_file(path, "{not json");
    check(hv_netstate_open(&st, &err) < 0 && err.code == HV_ENG_INVALID, "damaged file detected");
    fclose(log);
    hv_nl_close(nl);
}

int
main(void)
{
    char dir[] = "/tmp/hvsh-netstate-XXXXXX";
    if (!mkdtemp(dir) || enter_netns() < 0) {
        printf("not ok - setup: %s\n0 passed, 1 failed\n", strerror(errno));
        return 1;
    }
    setenv("HVSH_STATE_DIR", dir, 1);
    test_resolv(dir);
    test_concurrency(dir);
    test_restore(dir);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", dir);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
