/* net_diag.c — Test-Connection (Microsoft.PowerShell.Management, pwsh 7 semantics) and
 * Test-NetConnection (NetTCPIP). engine/sysdiag does the ICMP echo, TCP connect and route
 * choice; this file builds PingStatus / TcpPortStatus / TestNetConnectionResult objects. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/net.h"
#include "cmdlets/sysmods.h"
#include "engine/sysdiag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_ADDRS 16

/* System.Net.NetworkInformation.IPStatus */
static const char *const ipstatus_names[] = {
    "Success", "DestinationNetworkUnreachable", "DestinationHostUnreachable",
    "DestinationPortUnreachable", "DestinationProhibited", "TimedOut", "TtlExpired", "Unknown",
    "PacketTooBig"};
static const int32_t ipstatus_values[] = {0, 11002, 11003, 11005, 11004, 11010, 11013, -1, 11009};
const hv_enum_def hvc_sys_enum_ipstatus = {
    .type_name = "System.Net.NetworkInformation.IPStatus", .names = ipstatus_names,
    .values = ipstatus_values, .count = 9};

static hv_value
ipstatus(hv_ping_status s)
{
    static const int map[] = {
        [HV_PING_SUCCESS] = 0, [HV_PING_NET_UNREACHABLE] = 1, [HV_PING_HOST_UNREACHABLE] = 2,
        [HV_PING_PORT_UNREACHABLE] = 3, [HV_PING_PROHIBITED] = 4, [HV_PING_TIMED_OUT] = 5,
        [HV_PING_TTL_EXPIRED] = 6, [HV_PING_UNKNOWN] = 7, [HV_PING_PACKET_TOO_BIG] = 8};
    return hv_enum(&hvc_sys_enum_ipstatus, ipstatus_values[map[s]]);
}

static void
local_hostname(char *buf, size_t n)
{
    if (gethostname(buf, n) < 0)
        snprintf(buf, n, "localhost");
    buf[n - 1] = 0;
}

/* Sleep ms in slices so Ctrl-C is seen; false when interrupted. */
static bool
nap(hv_cmd *cmd, int ms)
{
    while (ms > 0) {
        int s = ms > 100 ? 100 : ms;
        struct timespec ts = {.tv_sec = 0, .tv_nsec = (long)s * 1000000L};
        nanosleep(&ts, NULL);
        ms -= s;
        if (hv_cmd_interrupted(cmd))
            return false;
    }
    return true;
}

static const char *
ip_text(const hv_nl_ip *ip, char buf[64])
{
    return hv_nl_ip_format(ip, buf, 64);
}

/* ==================================== Test-Connection ==================================== */

static const hv_view_column ping_view[] = {
    {.label = "Ping", .property = "Ping", .width = 4, .align = 1},
    {.label = "Source", .property = "Source", .width = 16, .align = -1},
    {.label = "Address", .property = "DisplayAddress", .width = 25, .align = -1},
    {.label = "Latency(ms)", .property = "Latency", .width = 11, .align = 1},
    {.label = "BufferSize(B)", .property = "BufferSize", .width = 13, .align = 1},
    {.label = "Status", .property = "Status", .width = 0, .align = -1},
    {0}};
static const hv_obj_class cls_pingstatus = {
    .type_name = "Microsoft.PowerShell.Commands.TestConnectionCommand+PingStatus",
    .table_view = ping_view};
static const hv_obj_class cls_pingreply = {
    .type_name = "System.Net.NetworkInformation.PingReply"};
static const hv_view_column tcp_view[] = {
    {.label = "Id", .property = "Id", .width = 4, .align = 1},
    {.label = "Source", .property = "Source", .width = 16, .align = -1},
    {.label = "Address", .property = "TargetAddress", .width = 25, .align = -1},
    {.label = "Port", .property = "Port", .width = 5, .align = 1},
    {.label = "Latency(ms)", .property = "Latency", .width = 11, .align = 1},
    {.label = "Connected", .property = "Connected", .width = 9, .align = -1},
    {.label = "Status", .property = "Status", .width = 0, .align = -1},
    {0}};
static const hv_obj_class cls_tcpstatus = {
    .type_name = "Microsoft.PowerShell.Commands.TestConnectionCommand+TcpPortStatus",
    .table_view = tcp_view};

enum { TC_TARGET, TC_PING, TC_REPEAT, TC_TCPPORT, TC_SOURCE, TC_MAXHOPS, TC_COUNT, TC_DELAY,
       TC_BUFSIZE, TC_DONTFRAG, TC_IPV4, TC_IPV6, TC_RESOLVE, TC_QUIET, TC_TIMEOUT,
       TC_DETAILED, TC_TRACE, TC_MTU, TC__N };
enum { SET_DEFAULT, SET_REPEAT, SET_TCP, SET_TRACE, SET_MTU };
static const char *const tc_sets[] = {"DefaultPing", "RepeatPing", "TcpPort", "TraceRoute",
                                      "MtuSizeDetect", NULL};
static const char *const al_target[] = {"ComputerName", NULL};
static const char *const al_hops[] = {"Ttl", "TimeToLive", "Hops", NULL};
static const char *const al_size[] = {"Size", "Bytes", "BS", NULL};

static const hv_param_def tc_params[TC__N + 1] = {
    [TC_TARGET] = {.name = "TargetName", .type = HV_PT_STRING, .position = 0,
                   .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE |
                            HV_PF_BY_PROPERTY_NAME | HV_PF_NO_EMPTY,
                   .aliases = al_target,
                   .help = "Computer names or IP addresses to test."},
    [TC_PING] = {.name = "Ping", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .sets = HV_SET(SET_DEFAULT),
                 .help = "Send ICMP echo requests (the default test)."},
    [TC_REPEAT] = {.name = "Repeat", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .flags = HV_PF_MANDATORY, .sets = HV_SET(SET_REPEAT),
                   .help = "Ping until Ctrl-C is pressed."},
    [TC_TCPPORT] = {.name = "TcpPort", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .flags = HV_PF_MANDATORY, .sets = HV_SET(SET_TCP), .min = 1, .max = 65535,
                    .help = "Test a TCP connection to this port instead of pinging."},
    [TC_SOURCE] = {.name = "Source", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .help = "Accepted for compatibility; only the local computer can be the "
                           "source."},
    [TC_MAXHOPS] = {.name = "MaxHops", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .sets = HV_SET(SET_DEFAULT) | HV_SET(SET_REPEAT) | HV_SET(SET_TRACE),
                    .aliases = al_hops, .min = 1, .max = 255,
                    .help = "Time to live of the echo requests, or the last hop of -Traceroute "
                            "(128)."},
    [TC_COUNT] = {.name = "Count", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                  .sets = HV_SET(SET_DEFAULT) | HV_SET(SET_TCP), .min = 1, .max = INT32_MAX,
                  .help = "Number of echo requests (4)."},
    [TC_DELAY] = {.name = "Delay", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                  .sets = HV_SET(SET_DEFAULT) | HV_SET(SET_REPEAT) | HV_SET(SET_TCP), .min = 1,
                  .max = 60, .help = "Seconds between tests (1)."},
    [TC_BUFSIZE] = {.name = "BufferSize", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .sets = HV_SET(SET_DEFAULT) | HV_SET(SET_REPEAT), .aliases = al_size,
                    .min = 0, .max = 65500, .help = "Payload bytes of each echo request (32)."},
    [TC_DONTFRAG] = {.name = "DontFragment", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .sets = HV_SET(SET_DEFAULT) | HV_SET(SET_REPEAT),
                     .help = "Set the don't-fragment bit: a packet larger than the path allows "
                             "reports PacketTooBig."},
    [TC_IPV4] = {.name = "IPv4", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Use IPv4 addresses of the target only."},
    [TC_IPV6] = {.name = "IPv6", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Use IPv6 addresses of the target only."},
    [TC_RESOLVE] = {.name = "ResolveDestination", .type = HV_PT_SWITCH,
                    .position = HV_POS_NAMED,
                    .help = "Show the destination's DNS name (reverse lookup)."},
    [TC_QUIET] = {.name = "Quiet", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Return True or False per target instead of result objects."},
    [TC_TIMEOUT] = {.name = "TimeoutSeconds", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .min = 1, .max = INT32_MAX,
                    .help = "Seconds to wait for each reply or connection (5)."},
    [TC_DETAILED] = {.name = "Detailed", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .sets = HV_SET(SET_TCP),
                     .help = "With -TcpPort: one TcpPortStatus object per attempt instead of "
                             "True/False."},
    [TC_TRACE] = {.name = "Traceroute", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY, .sets = HV_SET(SET_TRACE),
                  .help = "Trace the route: three echo requests per hop with a growing TTL, "
                          "until the target answers or -MaxHops is reached."},
    [TC_MTU] = {.name = "MtuSize", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                .flags = HV_PF_MANDATORY, .sets = HV_SET(SET_MTU),
                .aliases = (const char *const[]){"MtuSizeDetect", NULL},
                .help = "Find the path MTU: echo requests with the don't-fragment bit, "
                        "shrunk to what routers report, until one gets through."},
};

static int
tc_family(hv_cmd *cmd)
{
    if (hv_cmd_switch(cmd, TC_IPV4) && !hv_cmd_switch(cmd, TC_IPV6))
        return AF_INET;
    if (hv_cmd_switch(cmd, TC_IPV6) && !hv_cmd_switch(cmd, TC_IPV4))
        return AF_INET6;
    return 0;
}

static hv_status
tc_error(hv_cmd *cmd, const char *target, const char *why)
{
    hv_value t = hv_str(target);
    hv_value rec = hv_error_new_ex(cmd, "System.Net.NetworkInformation.PingException",
                                   HV_CAT_ResourceUnavailable,
                                   "TestConnectionException",
                                   &t, "Testing connection to computer '%s' failed: %s", target,
                                   why);
    hv_unref(t);
    return hv_write_error(cmd, rec);
}

/* Pick the address pwsh would: the first of the wanted family (IPv4 preferred when both). */
static bool
tc_resolve(hv_cmd *cmd, const char *target, hv_nl_ip *out)
{
    hv_nl_ip a[MAX_ADDRS];
    size_t n = 0;
    if (hv_sys_diag_resolve(target, tc_family(cmd), a, MAX_ADDRS, &n, NULL) < 0)
        return false;
    *out = a[0];
    for (size_t i = 0; i < n; i++)
        if (a[i].family == AF_INET && !tc_family(cmd)) {
            *out = a[i];
            break;
        }
    return true;
}

static hv_value
ping_obj(const char *source, const char *dest, unsigned seq, int bufsize,
         const hv_sys_diag_ping_result *r, const hv_nl_ip *dst)
{
    char b[64];
    hv_value o = hv_obj_new(&cls_pingstatus);
    bool ok = r->status == HV_PING_SUCCESS;
    const char *addr = r->has_from ? ip_text(&r->from, b)
                                   : (dst->family == AF_INET6 ? "::" : "0.0.0.0");
    hv_obj_set(&o, "Ping", hv_intk(seq, HV_N_UINT32));
    hv_obj_set(&o, "Source", hv_str(source));
    hv_obj_set(&o, "Destination", hv_str(dest));
    hv_obj_set(&o, "Address", hv_str(addr));
    hv_obj_set(&o, "Latency", hv_long(ok ? (int64_t)(r->rtt_us / 1000u) : 0));
    hv_obj_set(&o, "BufferSize", hv_int(bufsize));
    hv_obj_set(&o, "Status", ipstatus(r->status));
    hv_value reply = hv_obj_new(&cls_pingreply);
    hv_obj_set(&reply, "Status", ipstatus(r->status));
    hv_obj_set(&reply, "Address", hv_str(addr));
    hv_obj_set(&reply, "RoundtripTime", hv_long(ok ? (int64_t)(r->rtt_us / 1000u) : 0));
    hv_obj_set(&o, "Reply", reply);
    hv_obj_set(&o, "DisplayAddress", hv_str(r->has_from ? addr : "*"));
    return o;
}

static hv_status
tc_ping(hv_cmd *cmd, const char *target, const char *source)
{
    bool quiet = hv_cmd_switch(cmd, TC_QUIET), repeat = hv_cmd_set_index(cmd) == SET_REPEAT;
    hv_nl_ip dst;
    if (!tc_resolve(cmd, target, &dst))
        return quiet ? hv_emit(cmd, hv_bool(false))
                     : tc_error(cmd, target, "Cannot resolve the target name.");
    char rname[256];
    const char *dest = target;
    if (hv_cmd_switch(cmd, TC_RESOLVE) && hv_sys_diag_reverse(&dst, rname, sizeof rname))
        dest = rname;
    int count = (int)hvc_net_arg_int(cmd, TC_COUNT, 4);
    int delay = (int)hvc_net_arg_int(cmd, TC_DELAY, 1);
    int size = (int)hvc_net_arg_int(cmd, TC_BUFSIZE, 32);
    int ttl = (int)hvc_net_arg_int(cmd, TC_MAXHOPS, 128);
    int timeout = (int)hvc_net_arg_int(cmd, TC_TIMEOUT, 5);
    bool any = false;
    hv_status st = HV_OK;
    for (unsigned i = 1; st == HV_OK && (repeat || (int)i <= count); i++) {
        hv_sys_diag_ping_result r;
        hv_eng_err e;
        int rc = hv_cmd_switch(cmd, TC_DONTFRAG)
                     ? hv_sys_diag_ping_df(&dst, size, ttl, timeout * 1000, i, &r, &e)
                     : hv_sys_diag_ping(&dst, size, ttl, timeout * 1000, i, &r, &e);
        if (rc < 0)
            return tc_error(cmd, target, e.msg);
        if (hv_cmd_interrupted(cmd))
            return HV_STOPPED;
        any |= r.status == HV_PING_SUCCESS;
        if (!quiet)
            st = hv_emit(cmd, ping_obj(source, dest, i, size, &r, &dst));
        if (st == HV_OK && (repeat || (int)i < count) && !nap(cmd, delay * 1000))
            return HV_STOPPED;
    }
    if (st == HV_OK && quiet)
        st = hv_emit(cmd, hv_bool(any));
    return st;
}

static const char *
socket_error_name(int e)
{
    switch (e) {
    case 0: return "Success";
    case ECONNREFUSED: return "ConnectionRefused";
    case ETIMEDOUT: return "TimedOut";
    case ENETUNREACH: return "NetworkUnreachable";
    case EHOSTUNREACH: return "HostUnreachable";
    case EACCES: case EPERM: return "AccessDenied";
    case ECONNRESET: return "ConnectionReset";
    default: return "SocketError";
    }
}

static hv_status
tc_tcp(hv_cmd *cmd, const char *target, const char *source)
{
    bool detailed = hv_cmd_switch(cmd, TC_DETAILED);
    hv_nl_ip dst;
    if (!tc_resolve(cmd, target, &dst)) {
        if (hv_cmd_switch(cmd, TC_QUIET) || !detailed)
            return hv_emit(cmd, hv_bool(false));
        return tc_error(cmd, target, "Cannot resolve the target name.");
    }
    int port = (int)hvc_net_arg_int(cmd, TC_TCPPORT, 0);
    int count = (int)hvc_net_arg_int(cmd, TC_COUNT, detailed ? 4 : 1);
    int delay = (int)hvc_net_arg_int(cmd, TC_DELAY, 1);
    int timeout = (int)hvc_net_arg_int(cmd, TC_TIMEOUT, 5);
    hv_status st = HV_OK;
    char b[64];
    for (int i = 1; i <= count && st == HV_OK; i++) {
        bool ok;
        uint32_t rtt;
        int serr;
        hv_eng_err e;
        if (hv_sys_diag_tcp(&dst, (unsigned)port, timeout * 1000, &ok, &rtt, &serr, &e) < 0)
            return tc_error(cmd, target, e.msg);
        if (hv_cmd_interrupted(cmd))
            return HV_STOPPED;
        if (detailed) {
            hv_value o = hv_obj_new(&cls_tcpstatus);
            hv_obj_set(&o, "Id", hv_int(i));
            hv_obj_set(&o, "Source", hv_str(source));
            hv_obj_set(&o, "Target", hv_str(target));
            hv_obj_set(&o, "TargetAddress", hv_str(ip_text(&dst, b)));
            hv_obj_set(&o, "Port", hv_int(port));
            hv_obj_set(&o, "Latency", hv_long(ok ? (int64_t)(rtt / 1000u) : 0));
            hv_obj_set(&o, "Connected", hv_bool(ok));
            hv_obj_set(&o, "Status", hv_str(socket_error_name(ok ? 0 : serr)));
            st = hv_emit(cmd, o);
        } else if (ok) {
            return hv_emit(cmd, hv_bool(true));
        }
        if (st == HV_OK && i < count && !nap(cmd, delay * 1000))
            return HV_STOPPED;
    }
    if (st == HV_OK && !detailed)
        st = hv_emit(cmd, hv_bool(false));
    return st;
}

static const hv_view_column trace_view[] = {
    {.label = "Hop", .property = "Hop", .width = 3, .align = 1},
    {.label = "Hostname", .property = "Hostname", .width = 25, .align = -1},
    {.label = "Ping", .property = "Ping", .width = 4, .align = 1},
    {.label = "Latency(ms)", .property = "Latency", .width = 11, .align = 1},
    {.label = "Status", .property = "Status", .width = 16, .align = -1},
    {.label = "Source", .property = "Source", .width = 12, .align = -1},
    {.label = "TargetAddress", .property = "TargetAddress", .width = 0, .align = -1},
    {0}};
static const hv_obj_class cls_trace = {
    .type_name = "Microsoft.PowerShell.Commands.TestConnectionCommand+TraceStatus",
    .table_view = trace_view};

/* -Traceroute: three echoes per TTL; a hop answers with TtlExpired, the target with Success. */
static hv_status
tc_trace(hv_cmd *cmd, const char *target, const char *source)
{
    bool quiet = hv_cmd_switch(cmd, TC_QUIET);
    hv_nl_ip dst;
    if (!tc_resolve(cmd, target, &dst))
        return quiet ? hv_emit(cmd, hv_bool(false))
                     : tc_error(cmd, target, "Cannot resolve the target name.");
    int maxhops = (int)hvc_net_arg_int(cmd, TC_MAXHOPS, 128);
    int timeout = (int)hvc_net_arg_int(cmd, TC_TIMEOUT, 5);
    bool resolve = hv_cmd_switch(cmd, TC_RESOLVE), reached = false;
    char tb[64], hb[64];
    hv_status st = HV_OK;
    unsigned seq = 1;
    for (int hop = 1; hop <= maxhops && !reached && st == HV_OK; hop++) {
        for (int p = 1; p <= 3 && st == HV_OK; p++) {
            hv_sys_diag_ping_result r;
            hv_eng_err e;
            if (hv_sys_diag_ping(&dst, 32, hop, timeout * 1000, seq++, &r, &e) < 0)
                return tc_error(cmd, target, e.msg);
            if (hv_cmd_interrupted(cmd))
                return HV_STOPPED;
            reached |= r.status == HV_PING_SUCCESS;
            if (quiet)
                continue;
            const char *ha = r.has_from ? hv_nl_ip_format(&r.from, hb, sizeof hb) : "*";
            char rname[256];
            const char *hostname = resolve && r.has_from && hv_sys_diag_reverse(&r.from, rname, sizeof rname)
                                       ? rname : ha;
            bool answered = r.status == HV_PING_SUCCESS || r.status == HV_PING_TTL_EXPIRED;
            hv_value o = hv_obj_new(&cls_trace);
            hv_obj_set(&o, "Hop", hv_int(hop));
            hv_obj_set(&o, "Hostname", hv_str(hostname));
            hv_obj_set(&o, "Ping", hv_int(p));
            hv_obj_set(&o, "Latency", hv_long(answered ? (int64_t)(r.rtt_us / 1000u) : 0));
            hv_obj_set(&o, "Status", ipstatus(r.status));
            hv_obj_set(&o, "Source", hv_str(source));
            hv_obj_set(&o, "Target", hv_str(target));
            hv_obj_set(&o, "TargetAddress", hv_str(hv_nl_ip_format(&dst, tb, sizeof tb)));
            hv_obj_set(&o, "HopAddress", hv_str(ha));
            hv_obj_set(&o, "BufferSize", hv_int(32));
            st = hv_emit(cmd, o);
        }
    }
    if (st == HV_OK && quiet)
        st = hv_emit(cmd, hv_bool(reached));
    return st;
}

static const hv_view_column mtu_view[] = {
    {.label = "Source", .property = "Source", .width = 16, .align = -1},
    {.label = "Address", .property = "Address", .width = 25, .align = -1},
    {.label = "Latency(ms)", .property = "Latency", .width = 11, .align = 1},
    {.label = "MtuSize(B)", .property = "MtuSize", .width = 10, .align = 1},
    {.label = "Status", .property = "Status", .width = 0, .align = -1},
    {0}};
static const hv_obj_class cls_mtu = {
    .type_name = "Microsoft.PowerShell.Commands.TestConnectionCommand+PingMtuStatus",
    .table_view = mtu_view};

/* -MtuSize: start at the kernel's path MTU and follow what "packet too big" replies say. */
static hv_status
tc_mtu(hv_cmd *cmd, const char *target, const char *source)
{
    bool quiet = hv_cmd_switch(cmd, TC_QUIET);
    hv_nl_ip dst;
    if (!tc_resolve(cmd, target, &dst))
        return quiet ? hv_emit(cmd, hv_int(-1))
                     : tc_error(cmd, target, "Cannot resolve the target name.");
    int timeout = (int)hvc_net_arg_int(cmd, TC_TIMEOUT, 5);
    int hdr = dst.family == AF_INET6 ? 48 : 28;
    unsigned mtu = hv_sys_diag_path_mtu(&dst);
    if (!mtu)
        mtu = 1500;
    if (mtu > 65535)
        mtu = 65535; /* loopback's 65536 is more than one IP packet holds */
    hv_sys_diag_ping_result r = {0};
    for (int i = 0; i < 16; i++) {
        hv_eng_err e;
        if (hv_sys_diag_ping_df(&dst, (int)mtu - hdr, 0, timeout * 1000, 2000u + (unsigned)i, &r, &e) < 0)
            return tc_error(cmd, target, e.msg);
        if (hv_cmd_interrupted(cmd))
            return HV_STOPPED;
        if (r.status != HV_PING_PACKET_TOO_BIG)
            break;
        unsigned next = r.mtu ? r.mtu : hv_sys_diag_path_mtu(&dst);
        if (!next || next >= mtu || next < (unsigned)hdr + 8)
            break;
        mtu = next;
    }
    bool ok = r.status == HV_PING_SUCCESS;
    if (quiet)
        return hv_emit(cmd, hv_int(ok ? (int32_t)mtu : -1));
    char b[64];
    hv_value o = hv_obj_new(&cls_mtu);
    hv_obj_set(&o, "Source", hv_str(source));
    hv_obj_set(&o, "Destination", hv_str(target));
    hv_obj_set(&o, "Address", hv_str(ip_text(&dst, b)));
    hv_obj_set(&o, "Latency", hv_long(ok ? (int64_t)(r.rtt_us / 1000u) : 0));
    hv_obj_set(&o, "MtuSize", hv_int(ok ? (int32_t)mtu : -1));
    hv_obj_set(&o, "Status", ipstatus(r.status));
    return hv_emit(cmd, o);
}

static hv_status
tc_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    size_t n;
    const char **targets = hvc_net_arg_strv(cmd, TC_TARGET, &n);
    char source[256];
    local_hostname(source, sizeof source);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n && st == HV_OK; i++)
        st = hv_cmd_set_index(cmd) == SET_TCP     ? tc_tcp(cmd, targets[i], source)
             : hv_cmd_set_index(cmd) == SET_TRACE ? tc_trace(cmd, targets[i], source)
             : hv_cmd_set_index(cmd) == SET_MTU   ? tc_mtu(cmd, targets[i], source)
                                                  : tc_ping(cmd, targets[i], source);
    free(targets);
    return st;
}

/* ==================================== Test-NetConnection ==================================== */

static const char *const tnc_icmp_list[] = {"ComputerName", "RemoteAddress", "InterfaceAlias",
                                            "SourceAddress", "PingSucceeded",
                                            "PingReplyDetails (RTT)", NULL};
static const char *const tnc_tcp_list[] = {"ComputerName", "RemoteAddress", "RemotePort",
                                           "InterfaceAlias", "SourceAddress", "TcpTestSucceeded",
                                           NULL};
static const char *const tnc_tcpfail_list[] = {"ComputerName", "RemoteAddress", "RemotePort",
                                               "InterfaceAlias", "SourceAddress",
                                               "PingSucceeded", "PingReplyDetails (RTT)",
                                               "TcpTestSucceeded", NULL};
static const char *const tnc_icmp_det[] = {
    "ComputerName", "RemoteAddress", "NameResolutionResults", "MatchingIPsecRules", "IsAdmin",
    "InterfaceAlias", "SourceAddress", "NetRoute (NextHop)", "PingSucceeded",
    "PingReplyDetails (RTT)", NULL};
static const char *const tnc_tcp_det[] = {
    "ComputerName", "RemoteAddress", "RemotePort", "NameResolutionResults",
    "MatchingIPsecRules", "IsAdmin", "InterfaceAlias", "SourceAddress", "NetRoute (NextHop)",
    "TcpTestSucceeded", NULL};
static const char *const tnc_tcpfail_det[] = {
    "ComputerName", "RemoteAddress", "RemotePort", "NameResolutionResults",
    "MatchingIPsecRules", "IsAdmin", "InterfaceAlias", "SourceAddress", "NetRoute (NextHop)",
    "PingSucceeded", "PingReplyDetails (RTT)", "TcpTestSucceeded", NULL};
static const char *const tnc_trace_list[] = {"ComputerName", "RemoteAddress", "InterfaceAlias",
                                             "SourceAddress", "PingSucceeded",
                                             "PingReplyDetails (RTT)", "TraceRoute", NULL};
static const char *const tnc_trace_det[] = {
    "ComputerName", "RemoteAddress", "NameResolutionResults", "MatchingIPsecRules", "IsAdmin",
    "InterfaceAlias", "SourceAddress", "NetRoute (NextHop)", "PingSucceeded",
    "PingReplyDetails (RTT)", "TraceRoute", NULL};
#define TNC_TYPE "TestNetConnectionResult"
static const hv_obj_class cls_tnc_trace[2] = {
    {.type_name = TNC_TYPE, .list_view = tnc_trace_list},
    {.type_name = TNC_TYPE, .list_view = tnc_trace_det},
};
static const hv_obj_class cls_tnc[6] = {
    {.type_name = TNC_TYPE, .list_view = tnc_icmp_list},
    {.type_name = TNC_TYPE, .list_view = tnc_tcp_list},
    {.type_name = TNC_TYPE, .list_view = tnc_tcpfail_list},
    {.type_name = TNC_TYPE, .list_view = tnc_icmp_det},
    {.type_name = TNC_TYPE, .list_view = tnc_tcp_det},
    {.type_name = TNC_TYPE, .list_view = tnc_tcpfail_det},
};

enum { TN_COMPUTER, TN_COMMONPORT, TN_PORT, TN_TRACE, TN_HOPS, TN_DIAG, TN_CSRC, TN_CIF,
       TN_INFO, TN__N };
static const char *const tn_sets[] = {"ICMP", "CommonTCPPort", "RemotePort",
                                      "NetRouteDiagnostics", NULL};
static const char *const al_cn[] = {"RemoteAddress", "cn", NULL};
static const char *const al_rport[] = {"RemotePort", NULL};
static const char *const common_ports[] = {"HTTP", "RDP", "SMB", "WINRM", NULL};
static const char *const info_levels[] = {"Quiet", "Detailed", NULL};

static const hv_param_def tn_params[TN__N + 1] = {
    [TN_COMPUTER] = {.name = "ComputerName", .type = HV_PT_STRING, .position = 0,
                     .flags = HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME, .aliases = al_cn,
                     .help = "Target computer name or address (internetbeacon.msedge.net)."},
    [TN_COMMONPORT] = {.name = "CommonTCPPort", .type = HV_PT_STRING, .position = 1,
                       .flags = HV_PF_MANDATORY, .sets = HV_SET(1), .accepted = common_ports,
                       .help = "A well-known TCP port to test: HTTP (80), RDP (3389), SMB "
                               "(445) or WINRM (5985)."},
    [TN_PORT] = {.name = "Port", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                 .flags = HV_PF_MANDATORY, .sets = HV_SET(2), .aliases = al_rport, .min = 1,
                 .max = 65535, .help = "TCP port to test."},
    [TN_TRACE] = {.name = "TraceRoute", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .sets = HV_SET(0),
                  .help = "Trace the route (one echo request per hop with a growing TTL): the "
                          "TraceRoute property lists the hops (0.0.0.0 for a silent hop)."},
    [TN_HOPS] = {.name = "Hops", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                 .sets = HV_SET(0), .min = 1, .max = 255,
                 .help = "The last hop -TraceRoute tries (30)."},
    [TN_DIAG] = {.name = "DiagnoseRouting", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .flags = HV_PF_MANDATORY, .sets = HV_SET(3),
                 .help = "Show the source address, interface and route the kernel chooses "
                         "toward the target (NetRouteDiagnostics)."},
    [TN_CSRC] = {.name = "ConstrainSourceAddress", .type = HV_PT_STRING,
                 .position = HV_POS_NAMED, .sets = HV_SET(3),
                 .help = "Accepted with -DiagnoseRouting (the kernel's choice is shown)."},
    [TN_CIF] = {.name = "ConstrainInterface", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                .sets = HV_SET(3),
                .help = "Accepted with -DiagnoseRouting (the kernel's choice is shown)."},
    [TN_INFO] = {.name = "InformationLevel", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .accepted = info_levels,
                 .help = "Quiet returns True/False; Detailed adds name resolution, route and "
                         "admin details."},
};

static unsigned
common_port(const char *s)
{
    static const unsigned ports[] = {80, 3389, 445, 5985};
    for (int i = 0; common_ports[i]; i++)
        if (hv_str_eq_ci(s, common_ports[i]))
            return ports[i];
    return 0;
}

/* Next hop of the longest-prefix route toward dst via ifindex ("0.0.0.0" when on-link);
 * prefix (may be NULL) receives the route's DestinationPrefix, "" when none matched. */
static void
next_hop_prefix(hv_nl *nl, const hv_nl_ip *dst, int ifindex, char out[64], char prefix[80])
{
    snprintf(out, 64, "%s", dst->family == AF_INET6 ? "::" : "0.0.0.0");
    if (prefix)
        prefix[0] = 0;
    hv_nl_route *r = NULL;
    size_t n = 0;
    if (!nl || hv_nl_routes(nl, dst->family, &r, &n, NULL) < 0)
        return;
    int best = -1;
    for (size_t i = 0; i < n; i++)
        if ((!ifindex || r[i].oif == ifindex) && r[i].dst_len > best &&
            hv_nl_prefix_contains(&r[i].dst, r[i].dst_len, dst)) {
            best = r[i].dst_len;
            if (prefix) {
                char a[64];
                snprintf(prefix, 80, "%s/%d", hv_nl_ip_format(&r[i].dst, a, sizeof a), r[i].dst_len);
            }
            if (r[i].has_gateway)
                hv_nl_ip_format(&r[i].gateway, out, 64);
            else
                snprintf(out, 64, "%s", dst->family == AF_INET6 ? "::" : "0.0.0.0");
        }
    free(r);
}

static void
next_hop(hv_nl *nl, const hv_nl_ip *dst, int ifindex, char out[64])
{
    next_hop_prefix(nl, dst, ifindex, out, NULL);
}

static const char *const diag_list[] = {"ComputerName", "RemoteAddress", "SelectedSourceAddress",
                                        "OutgoingInterfaceAlias", "OutgoingInterfaceIndex",
                                        "SelectedNetRoute", "RouteDiagnosticsSucceeded", NULL};
static const hv_obj_class cls_diag = {.type_name = "NetRouteDiagnostics", .list_view = diag_list};
static const hv_view_column route_view[] = {
    {.label = "DestinationPrefix", .property = "DestinationPrefix", .align = -1},
    {.label = "NextHop", .property = "NextHop", .align = -1},
    {0}};
static hv_value route_tostring(const hv_value *self);
static const hv_obj_class cls_selroute = {
    .type_name = HVC_NET_CIM "MSFT_NetRoute", .table_view = route_view,
    .to_string = route_tostring};

static hv_value
route_tostring(const hv_value *self)
{
    const hv_value *p = hv_obj_get(self, "DestinationPrefix");
    return p ? hv_ref(p) : hv_str("");
}

/* -DiagnoseRouting: which source address, interface and route the kernel picks. */
static hv_status
tn_diagnose(hv_cmd *cmd, const char *target)
{
    hv_nl_ip addrs[MAX_ADDRS];
    size_t na = 0;
    if (hv_sys_diag_resolve(target, 0, addrs, MAX_ADDRS, &na, NULL) < 0) {
        hv_status st = hv_write_warning(cmd, "Name resolution of %s failed", target);
        if (st != HV_OK)
            return st;
        hv_value o = hv_obj_new(&cls_diag);
        hv_obj_set(&o, "ComputerName", hv_str(target));
        hv_obj_set(&o, "RouteDiagnosticsSucceeded", hv_bool(false));
        return hv_emit(cmd, o);
    }
    hv_nl_ip dst = addrs[0];
    for (size_t i = 0; i < na; i++)
        if (addrs[i].family == AF_INET) {
            dst = addrs[i];
            break;
        }
    char b[64], src[64] = "", hop[64] = "", prefix[80] = "", alias[HV_NL_ALIASSIZ] = "";
    int ifindex = 0;
    hv_nl *nl = NULL;
    hv_nl_ip s;
    bool ok = hv_sys_diag_route(&dst, &s, &ifindex, NULL) == 0;
    if (ok) {
        ip_text(&s, src);
        hv_nl_link l;
        if (hv_nl_open(&nl, NULL) == 0 && ifindex && hv_nl_link_get(nl, ifindex, &l, NULL) == 0)
            snprintf(alias, sizeof alias, "%s", hv_nl_link_display_name(&l));
        next_hop_prefix(nl, &dst, ifindex, hop, prefix);
    }
    hv_nl_close(nl);
    hv_value o = hv_obj_new(&cls_diag);
    hv_obj_set(&o, "ComputerName", hv_str(target));
    hv_obj_set(&o, "RemoteAddress", hv_str(ip_text(&dst, b)));
    hv_obj_set(&o, "SelectedSourceAddress", ok ? hv_str(src) : hv_null());
    hv_obj_set(&o, "OutgoingInterfaceAlias", alias[0] ? hv_str(alias) : hv_null());
    hv_obj_set(&o, "OutgoingInterfaceIndex", hv_intk(ifindex, HV_N_UINT32));
    if (ok && prefix[0]) {
        hv_value r = hv_obj_new(&cls_selroute);
        hv_obj_set(&r, "DestinationPrefix", hv_str(prefix));
        hv_obj_set(&r, "NextHop", hv_str(hop));
        hv_obj_set(&r, "InterfaceAlias", alias[0] ? hv_str(alias) : hv_null());
        hv_obj_set(&r, "ifIndex", hv_intk(ifindex, HV_N_UINT32));
        hv_obj_set(&o, "SelectedNetRoute", r);
    } else {
        hv_obj_set(&o, "SelectedNetRoute", hv_null());
    }
    hv_obj_set(&o, "RouteDiagnosticsSucceeded", hv_bool(ok));
    return hv_emit(cmd, o);
}

static hv_status
tn_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const char *target = hvc_net_arg_str(cmd, TN_COMPUTER);
    if (!target)
        target = "internetbeacon.msedge.net";
    if (hv_cmd_switch(cmd, TN_DIAG))
        return tn_diagnose(cmd, target);
    const char *lvl = hvc_net_arg_str(cmd, TN_INFO);
    bool quiet = lvl && hv_str_eq_ci(lvl, "Quiet"), det = lvl && hv_str_eq_ci(lvl, "Detailed");
    unsigned port = 0;
    if (hv_cmd_bound(cmd, TN_PORT))
        port = (unsigned)hvc_net_arg_int(cmd, TN_PORT, 0);
    else if (hvc_net_arg_str(cmd, TN_COMMONPORT))
        port = common_port(hvc_net_arg_str(cmd, TN_COMMONPORT));
    hv_status st = HV_OK;
    hv_nl_ip addrs[MAX_ADDRS];
    size_t na = 0;
    bool resolved = hv_sys_diag_resolve(target, 0, addrs, MAX_ADDRS, &na, NULL) == 0;
    if (!resolved && (st = hv_write_warning(cmd, "Name resolution of %s failed", target)) != HV_OK)
        return st;
    hv_nl_ip dst = addrs[0];
    for (size_t i = 0; i < na; i++)
        if (addrs[i].family == AF_INET) {
            dst = addrs[i];
            break;
        }
    char b[64], src[64] = "", hop[64] = "", alias[HV_NL_ALIASSIZ] = "";
    int ifindex = 0;
    hv_nl *nl = NULL;
    if (resolved) {
        hv_nl_ip s;
        if (hv_sys_diag_route(&dst, &s, &ifindex, NULL) == 0) {
            ip_text(&s, src);
            hv_nl_link l;
            if (hv_nl_open(&nl, NULL) == 0 && ifindex && hv_nl_link_get(nl, ifindex, &l, NULL) == 0)
                snprintf(alias, sizeof alias, "%s", hv_nl_link_display_name(&l));
            next_hop(nl, &dst, ifindex, hop);
        }
    }
    bool tcp_ok = false, ping_ok = false, did_ping = false;
    hv_sys_diag_ping_result pr = {0};
    if (resolved && port) {
        uint32_t rtt;
        int serr;
        hv_eng_err e;
        if (hv_sys_diag_tcp(&dst, port, 5000, &tcp_ok, &rtt, &serr, &e) < 0)
            tcp_ok = false;
        if (!tcp_ok)
            st = hv_write_warning(cmd, "TCP connect to (%s : %u) failed", ip_text(&dst, b), port);
    }
    if (st == HV_OK && resolved && (!port || !tcp_ok)) {
        hv_eng_err e;
        did_ping = true;
        if (hv_sys_diag_ping(&dst, 32, 128, 5000, 1, &pr, &e) < 0) {
            pr.status = HV_PING_UNKNOWN;
            st = hv_write_warning(cmd, "Ping to %s failed: %s", ip_text(&dst, b), e.msg);
        } else if (pr.status != HV_PING_SUCCESS) {
            st = hv_write_warning(cmd, "Ping to %s failed with status: %s", ip_text(&dst, b),
                                  hv_sys_diag_ping_status_name(pr.status));
        }
        ping_ok = pr.status == HV_PING_SUCCESS;
    }
    if (st != HV_OK) {
        hv_nl_close(nl);
        return st;
    }
    if (quiet) {
        hv_nl_close(nl);
        return hv_emit(cmd, hv_bool(port ? tcp_ok : ping_ok));
    }
    bool trace = hv_cmd_switch(cmd, TN_TRACE);
    hv_value hops = hv_array_new(8);
    if (trace && resolved) {
        int maxh = (int)hvc_net_arg_int(cmd, TN_HOPS, 30);
        for (int h = 1; h <= maxh; h++) {
            hv_sys_diag_ping_result tr;
            if (hv_sys_diag_ping(&dst, 32, h, 2000, 1000u + (unsigned)h, &tr, NULL) < 0)
                break;
            if (hv_cmd_interrupted(cmd)) {
                hv_unref(hops);
                hv_nl_close(nl);
                return HV_STOPPED;
            }
            bool answered = tr.status == HV_PING_SUCCESS || tr.status == HV_PING_TTL_EXPIRED;
            hv_array_push(&hops, hv_str(answered && tr.has_from ? ip_text(&tr.from, b)
                                                               : dst.family == AF_INET6 ? "::" : "0.0.0.0"));
            if (tr.status == HV_PING_SUCCESS)
                break;
        }
    }
    int view = !port ? 0 : tcp_ok || !resolved ? 1 : 2;
    hv_value o = hv_obj_new(trace && !port ? &cls_tnc_trace[det ? 1 : 0] : &cls_tnc[view + (det ? 3 : 0)]);
    hv_obj_set(&o, "ComputerName", hv_str(target));
    hv_obj_set(&o, "RemoteAddress", resolved ? hv_str(ip_text(&dst, b)) : hv_null());
    if (port)
        hv_obj_set(&o, "RemotePort", hv_intk(port, HV_N_UINT32));
    hv_value nr = hv_array_new(na);
    for (size_t i = 0; i < na; i++)
        hv_array_push(&nr, hv_str(ip_text(&addrs[i], b)));
    hv_obj_set(&o, "NameResolutionResults", nr);
    hv_obj_set(&o, "MatchingIPsecRules", hv_null());
    hv_obj_set(&o, "IsAdmin", hv_bool(geteuid() == 0));
    hv_obj_set(&o, "InterfaceAlias", alias[0] ? hv_str(alias) : hv_null());
    hv_obj_set(&o, "InterfaceIndex", hv_intk(ifindex, HV_N_UINT32));
    hv_obj_set(&o, "SourceAddress", src[0] ? hv_str(src) : hv_null());
    hv_obj_set(&o, "NetRoute (NextHop)", hop[0] ? hv_str(hop) : hv_null());
    hv_obj_set(&o, "PingSucceeded", hv_bool(ping_ok));
    if (did_ping) {
        hv_value reply = hv_obj_new(&cls_pingreply);
        hv_obj_set(&reply, "Status", ipstatus(pr.status));
        hv_obj_set(&reply, "Address", pr.has_from ? hv_str(ip_text(&pr.from, b)) : hv_null());
        hv_obj_set(&reply, "RoundtripTime", hv_long(ping_ok ? (int64_t)(pr.rtt_us / 1000u) : 0));
        hv_obj_set(&o, "PingReplyDetails", reply);
        hv_obj_set(&o, "PingReplyDetails (RTT)",
                   hv_strf("%u ms", ping_ok ? (unsigned)(pr.rtt_us / 1000u) : 0u));
    } else {
        hv_obj_set(&o, "PingReplyDetails", hv_null());
        hv_obj_set(&o, "PingReplyDetails (RTT)", hv_null());
    }
    hv_obj_set(&o, "TcpTestSucceeded", hv_bool(tcp_ok));
    if (trace)
        hv_obj_set(&o, "TraceRoute", hops);
    else
        hv_unref(hops);
    hv_nl_close(nl);
    return hv_emit(cmd, o);
}

/* ==================================== tables ==================================== */

static const hv_example ex_tc[] = {
    {.title = "Ping a host twice", .code = "Test-Connection -TargetName 10.0.0.1 -Count 2"},
    {.title = "Is the host up?", .code = "if (Test-Connection server01 -Count 1 -Quiet) { 'up' }"},
    {.title = "Is the SSH port open?", .code = "Test-Connection server01 -TcpPort 22"},
    {0}};
static const hv_example ex_tn[] = {
    {.title = "Ping test", .code = "Test-NetConnection 192.168.100.1"},
    {.title = "TCP port test", .code = "Test-NetConnection -ComputerName host01 -Port 3389"},
    {.title = "True or False only",
     .code = "Test-NetConnection host01 -Port 22 -InformationLevel Quiet"},
    {0}};

static const hv_cmdlet_def diag_mgmt_cmdlets[] = {
    {.name = "Test-Connection", .sets = tc_sets, .default_set = SET_DEFAULT, .params = tc_params,
     .ops = {.process = tc_process}, .examples = ex_tc,
     .synopsis = "Sends ICMP echo request packets, or pings, to one or more computers.",
     .description = "pwsh 7 semantics: one PingStatus object per echo request (Ping, Source, "
                    "Destination, Address, Latency, BufferSize, Status), -Quiet for True/False "
                    "per target, -TcpPort for a TCP connection test. Echo requests go through "
                    "an unprivileged ICMP datagram socket (net.ipv4.ping_group_range) or a raw "
                    "socket as root.",
     .output_type = "Microsoft.PowerShell.Commands.TestConnectionCommand+PingStatus, "
                    "System.Boolean",
     .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.management/"
               "test-connection"},
    {.name = NULL},
};

static const hv_cmdlet_def diag_tcpip_cmdlets[] = {
    {.name = "Test-NetConnection", .sets = tn_sets, .default_set = 0, .params = tn_params,
     .ops = {.process = tn_process}, .examples = ex_tn,
     .aliases = (const char *const[]){"TNC", NULL},
     .synopsis = "Displays diagnostic information for a connection.",
     .description = "Resolves the target, asks the kernel which source address and interface "
                    "it would use, pings it and, with -Port or -CommonTCPPort, tests a TCP "
                    "connection. Failures are warnings, as on Windows; -InformationLevel Quiet "
                    "returns only True or False.",
     .output_type = "TestNetConnectionResult, NetRouteDiagnostics, System.Boolean",
     .online = "https://learn.microsoft.com/powershell/module/nettcpip/test-netconnection"},
    {.name = NULL},
};

static const hv_enum_def *const diag_enums[] = {&hvc_sys_enum_ipstatus, NULL};
const hv_module_def hv_mod_sys_diag_mgmt = {.name = "Microsoft.PowerShell.Management",
                                            .version = "7.0.0.0", .cmdlets = diag_mgmt_cmdlets,
                                            .enums = diag_enums};
const hv_module_def hv_mod_sys_diag_tcpip = {.name = "NetTCPIP", .version = "1.0.0.0",
                                             .cmdlets = diag_tcpip_cmdlets};
