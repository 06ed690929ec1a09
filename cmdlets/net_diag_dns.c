/* net_diag_dns.c — Resolve-DnsName (DnsClient). engine/dnsq asks the servers of the
 * resolv.conf in use (or -Server) and decodes the records; this file turns them into
 * Microsoft.DnsClient.Commands.DnsRecord_* objects and the DNS errors Windows reports. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/net.h"
#include "cmdlets/sysmods.h"
#include "engine/dnsq.h"

#include <arpa/nameser.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DNS_NS "Microsoft.DnsClient.Commands."
static const char *const dns_base[] = {DNS_NS "DnsRecord", NULL};

#define COL(l, p, w) {.label = l, .property = p, .width = w, .align = -1}
static const hv_view_column v_a[] = {COL("Name", "Name", 46), COL("Type", "Type", 6),
                                     COL("TTL", "TTL", 5), COL("Section", "Section", 10),
                                     COL("IPAddress", "IPAddress", 0), {0}};
static const hv_view_column v_host[] = {COL("Name", "Name", 30), COL("Type", "Type", 6),
                                        COL("TTL", "TTL", 5), COL("Section", "Section", 10),
                                        COL("NameHost", "NameHost", 0), {0}};
static const hv_view_column v_mx[] = {COL("Name", "Name", 40), COL("Type", "Type", 6),
                                      COL("TTL", "TTL", 5), COL("Section", "Section", 10),
                                      COL("NameExchange", "NameExchange", 41),
                                      {.label = "Preference", .property = "Preference", .align = 1},
                                      {0}};
static const hv_view_column v_txt[] = {COL("Name", "Name", 40), COL("Type", "Type", 6),
                                       COL("TTL", "TTL", 5), COL("Section", "Section", 10),
                                       COL("Strings", "Strings", 0), {0}};
static const hv_view_column v_soa[] = {COL("Name", "Name", 27), COL("Type", "Type", 4),
                                       COL("TTL", "TTL", 5), COL("Section", "Section", 10),
                                       COL("PrimaryServer", "PrimaryServer", 27),
                                       COL("NameAdministrator", "NameAdministrator", 27),
                                       {.label = "SerialNumber", .property = "SerialNumber", .align = 1},
                                       {0}};
static const hv_view_column v_srv[] = {COL("Name", "Name", 40), COL("Type", "Type", 6),
                                       COL("TTL", "TTL", 5), COL("Section", "Section", 10),
                                       COL("NameTarget", "NameTarget", 30),
                                       {.label = "Priority", .property = "Priority", .align = 1},
                                       {.label = "Weight", .property = "Weight", .align = 1},
                                       {.label = "Port", .property = "Port", .align = 1},
                                       {0}};
static const hv_view_column v_other[] = {COL("Name", "Name", 40), COL("Type", "Type", 6),
                                         COL("TTL", "TTL", 5), COL("Section", "Section", 10),
                                         {0}};
#define DNSCLS(var, t, view) \
    static const hv_obj_class var = {.type_name = DNS_NS t, .base_types = dns_base, .table_view = view}
DNSCLS(cls_a, "DnsRecord_A", v_a);
DNSCLS(cls_aaaa, "DnsRecord_AAAA", v_a);
DNSCLS(cls_cname, "DnsRecord_CNAME", v_host);
DNSCLS(cls_ns, "DnsRecord_NS", v_host);
DNSCLS(cls_ptr, "DnsRecord_PTR", v_host);
DNSCLS(cls_mx, "DnsRecord_MX", v_mx);
DNSCLS(cls_txt, "DnsRecord_TXT", v_txt);
DNSCLS(cls_soa, "DnsRecord_SOA", v_soa);
DNSCLS(cls_srv, "DnsRecord_SRV", v_srv);
DNSCLS(cls_other, "DnsRecord", v_other);

enum { RD_NAME, RD_TYPE, RD_SERVER, RD_DNSONLY, RD_CACHEONLY, RD_DNSSECOK, RD_DNSSECCD,
       RD_NOHOSTS, RD_LLNB, RD_LLFB, RD_LLONLY, RD_NBFB, RD_NOIDN, RD_NOREC, RD_QUICK, RD_TCP,
       RD__N };
static const char *const rtypes[] = {"A_AAAA", "A", "AAAA", "NS", "CNAME", "SOA", "PTR", "MX",
                                     "TXT", "SRV", "ANY", "ALL", "DS", "DNSKEY", "NAPTR",
                                     "HINFO", "CAA", NULL};
static const char *const al_server[] = {"IPAddress", NULL};

#define SW(idx, nm, h) [idx] = {.name = nm, .type = HV_PT_SWITCH, .position = HV_POS_NAMED, .help = h}
static const hv_param_def rd_params[RD__N + 1] = {
    [RD_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                 .help = "The name to look up; an IP address is looked up as PTR."},
    [RD_TYPE] = {.name = "Type", .type = HV_PT_STRING, .position = 1,
                 .flags = HV_PF_BY_PROPERTY_NAME, .accepted = rtypes,
                 .help = "Record type (A_AAAA by default: both A and AAAA)."},
    [RD_SERVER] = {.name = "Server", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY, .aliases = al_server,
                   .help = "DNS servers to ask instead of the resolv.conf's nameservers."},
    SW(RD_DNSONLY, "DnsOnly", "Use DNS only: no hosts file (hvsh never uses LLMNR or NetBIOS)."),
    SW(RD_CACHEONLY, "CacheOnly", "Not supported: hvsh keeps no cache (reported as an error)."),
    SW(RD_DNSSECOK, "DnssecOk", "Accepted for compatibility."),
    SW(RD_DNSSECCD, "DnssecCd", "Accepted for compatibility."),
    SW(RD_NOHOSTS, "NoHostsFile", "Do not look in the hosts file ($env:HVSH_HOSTS or /etc/hosts)."),
    SW(RD_LLNB, "LlmnrNetbiosOnly", "Accepted for compatibility (no LLMNR/NetBIOS here)."),
    SW(RD_LLFB, "LlmnrFallback", "Accepted for compatibility."),
    SW(RD_LLONLY, "LlmnrOnly", "Accepted for compatibility."),
    SW(RD_NBFB, "NetbiosFallback", "Accepted for compatibility."),
    SW(RD_NOIDN, "NoIdn", "Accepted for compatibility."),
    SW(RD_NOREC, "NoRecursion", "Clear the recursion-desired bit of the query."),
    SW(RD_QUICK, "QuickTimeout", "Wait 1 second per attempt instead of 2."),
    SW(RD_TCP, "TcpOnly", "Ask over TCP only."),
};

static const char *
section_name(int s)
{
    return s == HV_DNSQ_ANSWER      ? "Answer"
           : s == HV_DNSQ_AUTHORITY ? "Authority"
           : s == 0                 ? "Question"
                                    : "Additional";
}

static hv_value
rr_obj(const hv_dns_rr *r, const char *qtype)
{
    const hv_obj_class *cls;
    switch (r->type) {
    case ns_t_a: cls = &cls_a; break;
    case ns_t_aaaa: cls = &cls_aaaa; break;
    case ns_t_cname: cls = &cls_cname; break;
    case ns_t_ns: cls = &cls_ns; break;
    case ns_t_ptr: cls = &cls_ptr; break;
    case ns_t_mx: cls = &cls_mx; break;
    case ns_t_txt: cls = &cls_txt; break;
    case ns_t_soa: cls = &cls_soa; break;
    case ns_t_srv: cls = &cls_srv; break;
    default: cls = &cls_other; break;
    }
    hv_value o = hv_obj_new(cls);
    const char *tn = hv_dns_type_name(r->type);
    hv_obj_set(&o, "Name", hv_str(r->name));
    hv_obj_set(&o, "Type", tn ? hv_str(tn) : hv_strf("%d", r->type));
    hv_obj_set(&o, "TTL", hv_intk(r->ttl, HV_N_UINT32));
    hv_obj_set(&o, "Section", hv_str(section_name(r->section)));
    hv_obj_set(&o, "CharacterSet", hv_str("Unicode"));
    hv_obj_set(&o, "DataLength", hv_intk((int64_t)r->rdlen, HV_N_UINT16));
    hv_obj_set(&o, "QueryType", hv_str(qtype));
    switch (r->type) {
    case ns_t_a:
    case ns_t_aaaa:
        hv_obj_set(&o, "IPAddress", hv_str(r->addr));
        hv_obj_set(&o, r->type == ns_t_a ? "IP4Address" : "IP6Address", hv_str(r->addr));
        hv_obj_set(&o, "Address", hv_str(r->addr));
        break;
    case ns_t_cname: case ns_t_ns: case ns_t_ptr:
        hv_obj_set(&o, "NameHost", hv_str(r->target));
        break;
    case ns_t_mx:
        hv_obj_set(&o, "NameExchange", hv_str(r->target));
        hv_obj_set(&o, "Preference", hv_intk(r->pref, HV_N_UINT16));
        break;
    case ns_t_srv:
        hv_obj_set(&o, "NameTarget", hv_str(r->target));
        hv_obj_set(&o, "Priority", hv_intk(r->priority, HV_N_UINT16));
        hv_obj_set(&o, "Weight", hv_intk(r->weight, HV_N_UINT16));
        hv_obj_set(&o, "Port", hv_intk(r->port, HV_N_UINT16));
        break;
    case ns_t_soa:
        hv_obj_set(&o, "PrimaryServer", hv_str(r->target));
        hv_obj_set(&o, "NameAdministrator", hv_str(r->admin));
        hv_obj_set(&o, "SerialNumber", hv_intk(r->serial, HV_N_UINT32));
        hv_obj_set(&o, "TimeToZoneRefresh", hv_intk(r->refresh, HV_N_UINT32));
        hv_obj_set(&o, "TimeToZoneFailureRetry", hv_intk(r->retry, HV_N_UINT32));
        hv_obj_set(&o, "TimeToExpiration", hv_intk(r->expire, HV_N_UINT32));
        hv_obj_set(&o, "DefaultTTL", hv_intk(r->minimum, HV_N_UINT32));
        break;
    case ns_t_txt: {
        hv_value a = hv_array_new(r->ntxt);
        const char *p = r->txt;
        for (size_t i = 0; i < r->ntxt; i++) {
            hv_array_push(&a, hv_str(p));
            p += strlen(p) + 1;
        }
        hv_obj_set(&o, "Strings", a);
        break;
    }
    default:
        break;
    }
    return o;
}

static hv_status
dns_error(hv_cmd *cmd, const char *name, hv_err_category cat, const char *id, const char *text)
{
    hv_value t = hv_str(name);
    hv_value rec = hv_error_new_ex(cmd, "System.ComponentModel.Win32Exception", cat, id, &t,
                                   "%s : %s", name, text);
    hv_unref(t);
    return hv_write_error(cmd, rec);
}

static hv_status
rcode_error(hv_cmd *cmd, const char *name, int rcode)
{
    switch (rcode) {
    case ns_r_nxdomain:
        return dns_error(cmd, name, HV_CAT_ResourceUnavailable, "DNS_ERROR_RCODE_NAME_ERROR",
                         "DNS name does not exist");
    case ns_r_servfail:
        return dns_error(cmd, name, HV_CAT_ResourceUnavailable,
                         "DNS_ERROR_RCODE_SERVER_FAILURE", "DNS server failure");
    case ns_r_refused:
        return dns_error(cmd, name, HV_CAT_ResourceUnavailable, "DNS_ERROR_RCODE_REFUSED",
                         "DNS request refused");
    case ns_r_formerr:
        return dns_error(cmd, name, HV_CAT_ResourceUnavailable, "DNS_ERROR_RCODE_FORMAT_ERROR",
                         "DNS server unable to interpret format");
    default:
        return dns_error(cmd, name, HV_CAT_ResourceUnavailable, "DNS_ERROR_RCODE",
                         "DNS server returned an error");
    }
}

/* One query; emits answer records (or, for an empty answer, the authority records, as
 * Windows shows the zone's SOA). *done = an error was reported (stop the A_AAAA pair). */
static hv_status
ask(hv_cmd *cmd, const char *qname, int type, const char *qtype, bool *done)
{
    size_t ns;
    const char **srv = hvc_net_arg_strv(cmd, RD_SERVER, &ns);
    hv_dns_result res;
    hv_eng_err e;
    int rc = hv_dns_query(qname, type, srv, ns, hv_cmd_switch(cmd, RD_QUICK) ? 1000 : 2000,
                           hv_cmd_switch(cmd, RD_TCP), !hv_cmd_switch(cmd, RD_NOREC), &res, &e);
    free(srv);
    *done = false;
    if (rc < 0) {
        *done = true;
        if (e.code == HV_ENG_INVALID)
            return dns_error(cmd, qname, HV_CAT_InvalidArgument, "ERROR_INVALID_PARAMETER",
                             e.msg);
        if (e.code == HV_ENG_NOT_FOUND)
            return dns_error(cmd, qname, HV_CAT_ResourceUnavailable, "DNS_ERROR_NO_DNS_SERVERS",
                             e.msg);
        return dns_error(cmd, qname, HV_CAT_OperationTimeout, "ERROR_TIMEOUT",
                         "This operation returned because the timeout period expired");
    }
    hv_status st = HV_OK;
    if (res.rcode != ns_r_noerror) {
        *done = true;
        st = rcode_error(cmd, qname, res.rcode);
    } else {
        bool any_answer = false;
        for (size_t i = 0; i < res.n; i++)
            any_answer |= res.rr[i].section == HV_DNSQ_ANSWER;
        for (size_t i = 0; i < res.n && st == HV_OK; i++)
            if (res.rr[i].section == (any_answer ? HV_DNSQ_ANSWER : HV_DNSQ_AUTHORITY))
                st = hv_emit(cmd, rr_obj(&res.rr[i], qtype));
    }
    hv_dns_result_free(&res);
    return st;
}

static hv_status
rd_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const char *name = hvc_net_arg_str(cmd, RD_NAME);
    const char *tname = hvc_net_arg_str(cmd, RD_TYPE);
    if (!name)
        return HV_OK;
    if (hv_cmd_switch(cmd, RD_CACHEONLY))
        return dns_error(cmd, name, HV_CAT_ResourceUnavailable, "DNS_INFO_NO_RECORDS",
                         "No records found for given DNS query (hvsh keeps no DNS cache)");
    char ptr[128];
    bool is_ip = hv_dns_ptr_name(name, ptr, sizeof ptr);
    if (!tname)
        tname = is_ip ? "PTR" : "A_AAAA";
    /* the hosts file answers first, as on Windows (unless -DnsOnly / -NoHostsFile) */
    bool a_aaaa = hv_str_eq_ci(tname, "A_AAAA");
    if (!is_ip && !hv_cmd_switch(cmd, RD_DNSONLY) && !hv_cmd_switch(cmd, RD_NOHOSTS) &&
        (a_aaaa || hv_str_eq_ci(tname, "A") || hv_str_eq_ci(tname, "AAAA"))) {
        hv_dns_rr *hr;
        size_t nh = hv_dns_hosts_lookup(name, a_aaaa ? 0 : hv_dns_type_parse(tname), &hr);
        hv_status st = HV_OK;
        for (size_t i = 0; i < nh && st == HV_OK; i++)
            st = hv_emit(cmd, rr_obj(&hr[i], tname));
        free(hr);
        if (nh)
            return st;
    }
    const char *q = name;
    if (hv_str_eq_ci(tname, "PTR") && is_ip)
        q = ptr;
    if (hv_str_eq_ci(tname, "A_AAAA")) {
        bool done;
        hv_status st = ask(cmd, q, ns_t_a, "A", &done);
        if (st != HV_OK || done)
            return st;
        /* the AAAA half repeats the CNAME chain: show only its address records */
        size_t ns;
        const char **srv = hvc_net_arg_strv(cmd, RD_SERVER, &ns);
        hv_dns_result res;
        int rc = hv_dns_query(q, ns_t_aaaa, srv, ns, hv_cmd_switch(cmd, RD_QUICK) ? 1000 : 2000,
                               hv_cmd_switch(cmd, RD_TCP), !hv_cmd_switch(cmd, RD_NOREC), &res,
                               NULL);
        free(srv);
        if (rc < 0)
            return HV_OK;
        for (size_t i = 0; i < res.n && st == HV_OK; i++)
            if (res.rr[i].section == HV_DNSQ_ANSWER && res.rr[i].type == ns_t_aaaa &&
                res.rcode == ns_r_noerror)
                st = hv_emit(cmd, rr_obj(&res.rr[i], "AAAA"));
        hv_dns_result_free(&res);
        return st;
    }
    int type = hv_dns_type_parse(tname);
    bool done;
    return ask(cmd, q, type, tname, &done);
}

static const hv_example ex_rd[] = {
    {.title = "A and AAAA records", .code = "Resolve-DnsName -Name www.contoso.com"},
    {.title = "Ask one server for MX records",
     .code = "Resolve-DnsName contoso.com -Type MX -Server 10.0.0.1"},
    {.title = "Reverse lookup", .code = "Resolve-DnsName 10.0.0.5"},
    {0}};

static const hv_cmdlet_def dns_cmdlets[] = {
    {.name = "Resolve-DnsName", .params = rd_params, .ops = {.process = rd_process},
     .examples = ex_rd,
     .synopsis = "Performs a DNS name query resolution for the specified name.",
     .description = "Sends one DNS query (UDP, TCP when the reply is truncated or with "
                    "-TcpOnly) to -Server or to the nameservers of the resolv.conf in use "
                    "($env:HVSH_RESOLV_CONF overrides /etc/resolv.conf) and returns the "
                    "records as DnsRecord objects. A name that does not exist is the error "
                    "'DNS name does not exist'. A and AAAA lookups look in the hosts file "
                    "first ($env:HVSH_HOSTS overrides /etc/hosts) unless -DnsOnly or "
                    "-NoHostsFile; LLMNR and NetBIOS are not used.",
     .output_type = DNS_NS "DnsRecord",
     .online = "https://learn.microsoft.com/powershell/module/dnsclient/resolve-dnsname"},
    {.name = NULL},
};

const hv_module_def hv_mod_sys_dns = {.name = "DnsClient", .version = "1.0.0.0",
                                      .cmdlets = dns_cmdlets};
