/* net_nat.c — the NetNat module (WinNAT) on nftables: Get-/New-/Remove-NetNat and
 * Add-/Get-/Remove-NetNatStaticMapping. engine/nft.c keeps one table (`ip hvsh_nat`) with a
 * masquerade rule per NAT and a DNAT rule per mapping; each change is one atomic batch. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/net.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const al_session[] = {"Session", NULL};
static const char *const proto_names[] = {"TCP", "UDP", NULL};
static const char *const sets_rm[] = {"Query (cdxml)", "InputObject (cdxml)", NULL};
#define ZERO_GUID "{00000000-0000-0000-0000-000000000000}"

#define CIM_COMMON(first)                                                                    \
    [first] = {.name = "CimSession", .type = HV_PT_ANY, .position = HV_POS_NAMED,            \
               .flags = HV_PF_ARRAY, .aliases = al_session,                                  \
               .help = "Accepted for compatibility; hvsh manages the local host only."},     \
    [first + 1] = {.name = "ThrottleLimit", .type = HV_PT_INT32, .position = HV_POS_NAMED,   \
                   .help = "Accepted for compatibility."},                                   \
    [first + 2] = {.name = "AsJob", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,          \
                   .help = "Accepted for compatibility; the command runs synchronously."}

static hv_value
nat_obj(const hv_nft_nat *n)
{
    hv_value o = hv_obj_new(&hvc_net_cls_nat);
    char id[128];
    snprintf(id, sizeof id, "%s;0", n->name);
    hv_obj_set(&o, "Name", hv_str(n->name));
    hv_obj_set(&o, "ExternalIPInterfaceAddressPrefix",
               n->external_prefix[0] ? hv_str(n->external_prefix) : hv_null());
    hv_obj_set(&o, "InternalIPInterfaceAddressPrefix", hv_str(n->internal_prefix));
    hv_obj_set(&o, "IcmpQueryTimeout", hv_intk(30, HV_N_UINT32));
    hv_obj_set(&o, "TcpEstablishedConnectionTimeout", hv_intk(1800, HV_N_UINT32));
    hv_obj_set(&o, "TcpTransientConnectionTimeout", hv_intk(120, HV_N_UINT32));
    hv_obj_set(&o, "TcpFilteringBehavior", hv_str("AddressDependentFiltering"));
    hv_obj_set(&o, "UdpFilteringBehavior", hv_str("AddressDependentFiltering"));
    hv_obj_set(&o, "UdpIdleSessionTimeout", hv_intk(120, HV_N_UINT32));
    hv_obj_set(&o, "UdpInboundRefresh", hv_bool(false));
    hv_obj_set(&o, "Store", hv_str("Local"));
    hv_obj_set(&o, "Active", hv_bool(true));
    hv_obj_set(&o, "InternalRoutingDomainId", hv_str(ZERO_GUID));
    hv_obj_set(&o, "InstanceID", hv_str(id));
    hv_obj_set(&o, "Caption", hv_null());
    hv_obj_set(&o, "Description", hv_null());
    hv_obj_set(&o, "ElementName", hv_null());
    return o;
}

static hv_value
map_obj(const hv_nft_map *m)
{
    hv_value o = hv_obj_new(&hvc_net_cls_natmap);
    hv_obj_set(&o, "StaticMappingID", hv_intk(m->id, HV_N_UINT32));
    hv_obj_set(&o, "NatName", hv_str(m->nat_name));
    hv_obj_set(&o, "Protocol", hv_str(m->protocol));
    hv_obj_set(&o, "RemoteExternalIPAddressPrefix", hv_str("0.0.0.0/0"));
    hv_obj_set(&o, "ExternalIPAddress", hv_str(m->external_ip));
    hv_obj_set(&o, "ExternalPort", hv_intk(m->external_port, HV_N_UINT16));
    hv_obj_set(&o, "InternalIPAddress", hv_str(m->internal_ip));
    hv_obj_set(&o, "InternalPort", hv_intk(m->internal_port, HV_N_UINT16));
    hv_obj_set(&o, "InternalRoutingDomainId", hv_str(ZERO_GUID));
    hv_obj_set(&o, "Active", hv_bool(true));
    return o;
}

/* Windows reports every rejected NAT as "The parameter is incorrect."; the reason follows. */
static hv_status
nat_error(hv_cmd *cmd, const hv_eng_err *e, const char *cls)
{
    char msg[700];
    if (e->code == HV_ENG_EXISTS || e->code == HV_ENG_CONFLICT || e->code == HV_ENG_INVALID)
        snprintf(msg, sizeof msg, "The parameter is incorrect. %s", e->msg);
    else
        snprintf(msg, sizeof msg, "%s", e->msg);
    return hvc_net_write_error(cmd, e, cls, msg);
}

/* ================================ Get-NetNat ================================ */

enum { GN_NAME, GN_CIM, GN__N = GN_CIM + 3 };
static const hv_param_def getnat_params[GN__N + 1] = {
    [GN_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
                 .help = "NAT names (wildcards)."},
    CIM_COMMON(GN_CIM),
};

/* NATs selected by -Name patterns; not-found errors for literal names. */
static hv_status
select_nats(hv_cmd *cmd, int iname, hv_nft_nat **out, size_t *nout)
{
    hv_nft_nat *v;
    size_t n;
    hv_eng_err e;
    *out = NULL;
    *nout = 0;
    if (hv_nft_nat_list(&v, &n, &e) < 0)
        return hv_throw(cmd, hvc_net_error(cmd, &e, "MSFT_NetNat", NULL));
    size_t np;
    const char **pats = hvc_net_arg_strv(cmd, iname, &np);
    *out = hv_xcalloc(n + 1, sizeof **out);
    for (size_t i = 0; i < n; i++)
        if (hvc_net_match_any(pats, np, v[i].name))
            (*out)[(*nout)++] = v[i];
    hv_status st = HV_OK;
    for (size_t k = 0; k < np && st == HV_OK; k++) {
        bool hit = hv_wildcard_has_meta(pats[k]);
        for (size_t i = 0; i < *nout && !hit; i++)
            hit = !strcasecmp((*out)[i].name, pats[k]);
        if (!hit)
            st = hvc_net_not_found(cmd, "MSFT_NetNat", "Name", pats[k]);
    }
    free(pats);
    free(v);
    return st;
}

static hv_status
getnat_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_nft_nat *v;
    size_t n;
    hv_status st = select_nats(cmd, GN_NAME, &v, &n);
    for (size_t i = 0; i < n && st == HV_OK; i++)
        st = hv_emit(cmd, nat_obj(&v[i]));
    free(v);
    return st;
}

/* ================================ New-NetNat ================================ */

enum { NN_NAME, NN_INT, NN_EXT, NN_DOMAIN, NN_CIM, NN__N = NN_CIM + 3 };
static const hv_param_def newnat_params[NN__N + 1] = {
    [NN_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_NO_EMPTY, .help = "The NAT's name."},
    [NN_INT] = {.name = "InternalIPInterfaceAddressPrefix", .type = HV_PT_STRING,
                .position = HV_POS_NAMED, .help = "The internal prefix to masquerade (CIDR)."},
    [NN_EXT] = {.name = "ExternalIPInterfaceAddressPrefix", .type = HV_PT_STRING,
                .position = HV_POS_NAMED, .help = "Recorded and shown (CIDR)."},
    [NN_DOMAIN] = {.name = "InternalRoutingDomainId", .type = HV_PT_STRING,
                   .position = HV_POS_NAMED, .help = "Accepted for compatibility."},
    CIM_COMMON(NN_CIM),
};

/* WinNAT needs forwarding; turn it on (in this network namespace) and say so. */
/* Turn IPv4 forwarding on (a NAT that does not route is no NAT). 1 = it was switched on
 * here, 0 = it was already on, -1 = it could not be (e says why). */
static int
ensure_forwarding(hv_eng_err *e)
{
    int fwd = hv_nl_ip_forward_get(e);
    if (fwd == 1)
        return 0;
    if (fwd == 0 && hv_nl_ip_forward_set(true, e) == 0)
        return 1;
    return -1;
}

static hv_status
newnat_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_nft_nat nat;
    memset(&nat, 0, sizeof nat);
    const char *name = hvc_net_arg_str(cmd, NN_NAME);
    const char *in = hvc_net_arg_str(cmd, NN_INT), *ex = hvc_net_arg_str(cmd, NN_EXT);
    hv_eng_err e;
    if (strlen(name) > HV_NFT_NAME_MAX) {
        hv_eng_fail(&e, HV_ENG_INVALID, 34, "The NAT name '%s' is too long (at most %d characters).",
                    name, HV_NFT_NAME_MAX);
        return nat_error(cmd, &e, "MSFT_NetNat");
    }
    snprintf(nat.name, sizeof nat.name, "%s", name);
    snprintf(nat.internal_prefix, sizeof nat.internal_prefix, "%s", in ? in : "");
    snprintf(nat.external_prefix, sizeof nat.external_prefix, "%s", ex ? ex : "");
    if (!in || !*in) {
        hv_value rec = hv_error_new_ex(cmd, HVC_NET_CIMEXC, HV_CAT_NotSpecified,
                                       "Windows System Error 1169", NULL,
                                       "No matching interface was found for prefix (null).");
        return hv_write_error(cmd, rec);
    }
    hv_netstate *ns = NULL;
    hv_status st = hvc_net_state_open(cmd, &ns); /* the lock also serialises the NAT check */
    if (st != HV_OK)
        return st;
    if (hv_nft_nat_check(&nat, &e) < 0) {
        hv_netstate_close(ns);
        return nat_error(cmd, &e, "MSFT_NetNat");
    }
    char *batch = hv_nft_nat_add_batch(&nat);
    char target[1200];
    snprintf(target, sizeof target, "%s (nft: %s", nat.name, batch);
    size_t tl = strlen(target);
    if (tl && target[tl - 1] == '\n')
        target[tl - 1] = ')';
    if (!hv_should_process(cmd, target, "New-NetNat")) {
        free(batch);
        hv_netstate_close(ns);
        return HV_OK;
    }
    /* checked above under the state lock: apply exactly the batch shown */
    int rc = hv_nft_run(batch, &e);
    free(batch);
    if (rc < 0) {
        hv_netstate_close(ns);
        return nat_error(cmd, &e, "MSFT_NetNat");
    }
    /* forwarding and the state record complete the change; if either fails, the NAT just
     * added (and forwarding, if switched on here) is taken back: nothing is half-done */
    int fwd = ensure_forwarding(&e);
    if (fwd >= 0 && ns) {
        hv_ns_nat sn;
        memset(&sn, 0, sizeof sn);
        snprintf(sn.name, sizeof sn.name, "%s", nat.name);
        snprintf(sn.internal, sizeof sn.internal, "%s", nat.internal_prefix);
        snprintf(sn.external, sizeof sn.external, "%s", nat.external_prefix);
        hv_netstate_put_nat(ns, &sn);
        if (hv_netstate_save(ns, &e) < 0) {
            if (fwd == 1)
                hv_nl_ip_forward_set(false, NULL);
            fwd = -1;
        }
    }
    hv_netstate_close(ns);
    if (fwd < 0) {
        hv_eng_err ue;
        if (hv_nft_nat_del(nat.name, &ue) < 0 &&
            (st = hv_write_warning(cmd, "The NAT %s could not be removed again: %s",
                                   nat.name, ue.msg)) != HV_OK)
            return st;
        return nat_error(cmd, &e, "MSFT_NetNat");
    }
    if (fwd == 1 && (st = hv_write_warning(cmd, "IPv4 forwarding was disabled; hvsh enabled "
                                               "it (net.ipv4.ip_forward = 1) so that the NAT "
                                               "can route.")) != HV_OK)
        return st;
    return hv_emit(cmd, nat_obj(&nat));
}

/* ================================ Remove-NetNat ================================ */

enum { RN_NAME, RN_INPUT, RN_PASSTHRU, RN_CIM, RN__N = RN_CIM + 3 };
static const hv_param_def rmnat_params[RN__N + 1] = {
    [RN_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
                 .sets = HV_SET(0), .help = "NAT names; none = every NAT."},
    [RN_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE, .sets = HV_SET(1),
                  .help = "NATs from Get-NetNat."},
    [RN_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Emit the removed NATs."},
    CIM_COMMON(RN_CIM),
};

static bool
input_has_name(hv_cmd *cmd, const hv_value *in, const char *prop, const char *name)
{
    size_t len = in->kind == HV_ARRAY ? hv_array_len(in) : 1;
    for (size_t k = 0; k < len; k++) {
        const hv_value *o = in->kind == HV_ARRAY ? hv_array_at(in, k) : in;
        hv_value v = hv_get_member(hv_cmd_ctx(cmd), o, prop);
        hv_value s = hv_conv_to_string(&v, NULL);
        bool hit = !strcasecmp(hv_str_cstr(&s), name);
        hv_unref(s);
        hv_unref(v);
        if (hit)
            return true;
    }
    return false;
}

static hv_status
rmnat_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_nft_nat *v;
    size_t n;
    hv_status st = select_nats(cmd, RN_NAME, &v, &n);
    const hv_value *in = hv_cmd_arg(cmd, RN_INPUT);
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        if (in && !input_has_name(cmd, in, "Name", v[i].name))
            continue;
        hv_eng_err e;
        char *batch = hv_nft_nat_del_batch(v[i].name, &e);
        if (!batch) {
            st = hvc_net_write_error(cmd, &e, "MSFT_NetNat", NULL);
            continue;
        }
        char target[1200];
        snprintf(target, sizeof target, "%s (nft: %s", v[i].name, batch);
        size_t tl = strlen(target);
        if (tl && target[tl - 1] == '\n')
            target[tl - 1] = ')';
        if (!hv_should_process(cmd, target, "Remove-NetNat")) {
            free(batch);
            continue;
        }
        hv_netstate *ns;
        if ((st = hvc_net_state_open(cmd, &ns)) != HV_OK) {
            free(batch);
            break;
        }
        int rc = hv_nft_run(batch, &e); /* rule handles are stable; a stale one fails whole */
        free(batch);
        if (rc < 0) {
            hv_netstate_close(ns);
            st = hvc_net_write_error(cmd, &e, "MSFT_NetNat", NULL);
            continue;
        }
        if (ns)
            hv_netstate_del_nat(ns, v[i].name);
        st = hvc_net_state_close(cmd, ns);
        if (st == HV_OK && hv_cmd_switch(cmd, RN_PASSTHRU))
            st = hv_emit(cmd, nat_obj(&v[i]));
    }
    free(v);
    return st;
}

/* ============================ NetNatStaticMapping ============================ */

enum { AM_NAT, AM_PROTO, AM_EXTIP, AM_EXTPORT, AM_INTIP, AM_INTPORT, AM_REMOTE, AM_DOMAIN,
       AM_CIM, AM__N = AM_CIM + 3 };
static const hv_param_def addmap_params[AM__N + 1] = {
    [AM_NAT] = {.name = "NatName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME, .help = "The NAT."},
    [AM_PROTO] = {.name = "Protocol", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY, .accepted = proto_names, .help = "TCP or UDP."},
    [AM_EXTIP] = {.name = "ExternalIPAddress", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY, .help = "Host address (0.0.0.0 = any)."},
    [AM_EXTPORT] = {.name = "ExternalPort", .type = HV_PT_UINT16, .position = HV_POS_NAMED,
                    .flags = HV_PF_MANDATORY, .help = "Host port."},
    [AM_INTIP] = {.name = "InternalIPAddress", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY, .help = "Guest address."},
    [AM_INTPORT] = {.name = "InternalPort", .type = HV_PT_UINT16, .position = HV_POS_NAMED,
                    .flags = HV_PF_MANDATORY, .help = "Guest port."},
    [AM_REMOTE] = {.name = "RemoteExternalIPAddressPrefix", .type = HV_PT_STRING,
                   .position = HV_POS_NAMED, .help = "Accepted (0.0.0.0/0 only)."},
    [AM_DOMAIN] = {.name = "InternalRoutingDomainId", .type = HV_PT_STRING,
                   .position = HV_POS_NAMED, .help = "Accepted for compatibility."},
    CIM_COMMON(AM_CIM),
};

static hv_status
addmap_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_nft_map m;
    memset(&m, 0, sizeof m);
    const hv_value *pv = hv_cmd_arg(cmd, AM_PROTO);
    hv_value ps = hv_conv_to_string(pv, NULL);
    snprintf(m.protocol, sizeof m.protocol, "%s", hv_str_cstr(&ps));
    hv_unref(ps);
    snprintf(m.nat_name, sizeof m.nat_name, "%s", hvc_net_arg_str(cmd, AM_NAT));
    snprintf(m.external_ip, sizeof m.external_ip, "%s", hvc_net_arg_str(cmd, AM_EXTIP));
    snprintf(m.internal_ip, sizeof m.internal_ip, "%s", hvc_net_arg_str(cmd, AM_INTIP));
    m.external_port = (unsigned)hvc_net_arg_int(cmd, AM_EXTPORT, 0);
    m.internal_port = (unsigned)hvc_net_arg_int(cmd, AM_INTPORT, 0);
    hv_netstate *ns;
    hv_status st = hvc_net_state_open(cmd, &ns);
    if (st != HV_OK)
        return st;
    hv_eng_err e;
    if (hv_nft_map_check(&m, &e) < 0) {
        hv_netstate_close(ns);
        return nat_error(cmd, &e, "MSFT_NetNatStaticMapping");
    }
    char *batch = hv_nft_map_add_batch(&m);
    char target[1200];
    snprintf(target, sizeof target, "%s %s %u -> %s:%u (nft: %s", m.nat_name, m.protocol,
             m.external_port, m.internal_ip, m.internal_port, batch);
    size_t tl = strlen(target);
    if (tl && target[tl - 1] == '\n')
        target[tl - 1] = ')';
    if (!hv_should_process(cmd, target, "Add-NetNatStaticMapping")) {
        free(batch);
        hv_netstate_close(ns);
        return HV_OK;
    }
    int rc = hv_nft_run(batch, &e);
    free(batch);
    if (rc < 0) {
        hv_netstate_close(ns);
        return nat_error(cmd, &e, "MSFT_NetNatStaticMapping");
    }
    if (ns) {
        hv_ns_map sm = {.id = m.id, .ext_port = m.external_port, .int_port = m.internal_port};
        snprintf(sm.nat, sizeof sm.nat, "%s", m.nat_name);
        snprintf(sm.protocol, sizeof sm.protocol, "%s", m.protocol);
        snprintf(sm.ext_ip, sizeof sm.ext_ip, "%s", m.external_ip);
        snprintf(sm.int_ip, sizeof sm.int_ip, "%s", m.internal_ip);
        hv_netstate_put_map(ns, &sm);
    }
    if ((st = hvc_net_state_close(cmd, ns)) != HV_OK)
        return st;
    return hv_emit(cmd, map_obj(&m));
}

enum { GM_NAT, GM_ID, GM_INPUT, GM_PASSTHRU, GM_CIM, GM__N = GM_CIM + 3 };
static const hv_param_def getmap_params[GM__N + 1] = {
    [GM_NAT] = {.name = "NatName", .type = HV_PT_STRING, .position = 0,
                .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
                .sets = HV_SET(0), .help = "NAT names."},
    [GM_ID] = {.name = "StaticMappingID", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
               .flags = HV_PF_ARRAY | HV_PF_BY_PROPERTY_NAME, .sets = HV_SET(0),
               .help = "Mapping ids."},
    [GM_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE, .sets = HV_SET(1),
                  .help = "Mappings from Get-NetNatStaticMapping."},
    [GM_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Emit the removed mappings."},
    CIM_COMMON(GM_CIM),
};

static hv_status
select_maps(hv_cmd *cmd, hv_nft_map **out, size_t *nout)
{
    hv_nft_map *v;
    size_t n;
    hv_eng_err e;
    *out = NULL;
    *nout = 0;
    if (hv_nft_map_list(&v, &n, &e) < 0)
        return hv_throw(cmd, hvc_net_error(cmd, &e, "MSFT_NetNatStaticMapping", NULL));
    size_t np, nid;
    const char **pats = hvc_net_arg_strv(cmd, GM_NAT, &np);
    uint32_t *ids;
    hvc_net_arg_u32v(cmd, GM_ID, &ids, &nid);
    const hv_value *in = hv_cmd_arg(cmd, GM_INPUT);
    *out = hv_xcalloc(n + 1, sizeof **out);
    for (size_t i = 0; i < n; i++) {
        bool ok = hvc_net_match_any(pats, np, v[i].nat_name);
        if (nid) {
            bool hit = false;
            for (size_t k = 0; k < nid; k++)
                hit |= ids[k] == v[i].id;
            ok &= hit;
        }
        if (in) {
            char idt[16];
            snprintf(idt, sizeof idt, "%u", v[i].id);
            ok = input_has_name(cmd, in, "StaticMappingID", idt);
        }
        if (ok)
            (*out)[(*nout)++] = v[i];
    }
    hv_status st = HV_OK;
    if (!*nout && !in && (nid || (np == 1 && !hv_wildcard_has_meta(pats[0])))) {
        char idt[16];
        if (nid)
            snprintf(idt, sizeof idt, "%u", ids[0]);
        st = hvc_net_not_found(cmd, "MSFT_NetNatStaticMapping", nid ? "StaticMappingID" : "NatName",
                               nid ? idt : pats[0]);
    }
    free(pats);
    free(ids);
    free(v);
    return st;
}

static hv_status
getmap_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_nft_map *v;
    size_t n;
    hv_status st = select_maps(cmd, &v, &n);
    for (size_t i = 0; i < n && st == HV_OK; i++)
        st = hv_emit(cmd, map_obj(&v[i]));
    free(v);
    return st;
}

static hv_status
rmmap_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_nft_map *v;
    size_t n;
    hv_status st = select_maps(cmd, &v, &n);
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        char target[300];
        snprintf(target, sizeof target, "%s mapping %u: %s %u -> %s:%u (nft: delete rule ip "
                 "hvsh_nat prerouting handle %llu)", v[i].nat_name, v[i].id, v[i].protocol,
                 v[i].external_port, v[i].internal_ip, v[i].internal_port,
                 (unsigned long long)v[i].handle);
        if (!hv_should_process(cmd, target, "Remove-NetNatStaticMapping"))
            continue;
        hv_netstate *ns;
        if ((st = hvc_net_state_open(cmd, &ns)) != HV_OK)
            break;
        hv_eng_err e;
        if (hv_nft_map_del(v[i].id, &e) < 0) {
            hv_netstate_close(ns);
            st = hvc_net_write_error(cmd, &e, "MSFT_NetNatStaticMapping", NULL);
            continue;
        }
        if (ns)
            hv_netstate_del_map(ns, v[i].id);
        st = hvc_net_state_close(cmd, ns);
        if (st == HV_OK && hv_cmd_switch(cmd, GM_PASSTHRU))
            st = hv_emit(cmd, map_obj(&v[i]));
    }
    free(v);
    return st;
}

static const hv_example newnat_examples[] = {
    {.title = "The NAT of the nested-virtualization doc",
     .code = "New-NetNat -Name LocalNAT -InternalIPInterfaceAddressPrefix \"192.168.100.0/24\""},
    {0}};

static const hv_example ex_getnetnat[] = {{.title = "Test whether a NAT exists", .code = "Get-NetNat -Name LocalNAT -ErrorAction SilentlyContinue"}, {0}};
static const hv_example ex_removenetnat[] = {{.title = "Remove every NAT without a prompt", .code = "Get-NetNat | Remove-NetNat -Confirm:$false"}, {0}};
static const hv_example ex_addnetnatstaticmapping[] = {{.title = "Forward host port 8080 to a guest's port 80", .code = "Add-NetNatStaticMapping -NatName LocalNAT -Protocol TCP -ExternalIPAddress 0.0.0.0/24 -ExternalPort 8080 -InternalIPAddress 192.168.100.10 -InternalPort 80"}, {0}};
static const hv_example ex_getnetnatstaticmapping[] = {{.title = "The mappings of a NAT", .code = "Get-NetNatStaticMapping -NatName LocalNAT"}, {0}};
static const hv_example ex_removenetnatstaticmapping[] = {{.title = "Remove a mapping by id", .code = "Remove-NetNatStaticMapping -StaticMappingID 0 -Confirm:$false"}, {0}};

static const hv_cmdlet_def netnat_cmdlets[] = {
    {.name = "Get-NetNat", .examples = ex_getnetnat, .params = getnat_params, .ops = {.process = getnat_process},
     .synopsis = "Gets NAT objects.",
     .description = "Reads hvsh's nftables table back (libnftables JSON) and shows each NAT.",
     .output_type = HVC_NET_CIM "MSFT_NetNat",
     .online = "https://learn.microsoft.com/powershell/module/netnat/get-netnat"},
    {.name = "New-NetNat", .params = newnat_params, .ops = {.process = newnat_process},
     .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Creates a NAT object.",
     .description = "Adds a masquerade rule for the internal prefix to hvsh's nftables table "
                    "(`ip hvsh_nat`) in one atomic batch and enables IPv4 forwarding. NATs may "
                    "not overlap. The NAT is saved for `hvsh -Restore`.",
     .output_type = HVC_NET_CIM "MSFT_NetNat", .examples = newnat_examples,
     .online = "https://learn.microsoft.com/powershell/module/netnat/new-netnat"},
    {.name = "Remove-NetNat", .examples = ex_removenetnat, .sets = sets_rm, .default_set = 0, .params = rmnat_params,
     .ops = {.process = rmnat_process}, .flags = HV_CF_SHOULD_PROCESS | HV_CF_CONFIRM_HIGH,
     .synopsis = "Removes NAT objects (and their static mappings).",
     .output_type = "None, or MSFT_NetNat with -PassThru",
     .online = "https://learn.microsoft.com/powershell/module/netnat/remove-netnat"},
    {.name = "Add-NetNatStaticMapping", .examples = ex_addnetnatstaticmapping, .params = addmap_params,
     .ops = {.process = addmap_process}, .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Adds a static mapping (port forwarding, DNAT) to a NAT.",
     .output_type = HVC_NET_CIM "MSFT_NetNatStaticMapping",
     .online = "https://learn.microsoft.com/powershell/module/netnat/add-netnatstaticmapping"},
    {.name = "Get-NetNatStaticMapping", .examples = ex_getnetnatstaticmapping, .sets = sets_rm, .default_set = 0,
     .params = getmap_params, .ops = {.process = getmap_process},
     .synopsis = "Gets static mappings of NATs.",
     .output_type = HVC_NET_CIM "MSFT_NetNatStaticMapping",
     .online = "https://learn.microsoft.com/powershell/module/netnat/get-netnatstaticmapping"},
    {.name = "Remove-NetNatStaticMapping", .examples = ex_removenetnatstaticmapping, .sets = sets_rm, .default_set = 0,
     .params = getmap_params, .ops = {.process = rmmap_process},
     .flags = HV_CF_SHOULD_PROCESS | HV_CF_CONFIRM_HIGH,
     .synopsis = "Removes static mappings from NATs.",
     .output_type = "None, or MSFT_NetNatStaticMapping with -PassThru",
     .online = "https://learn.microsoft.com/powershell/module/netnat/remove-netnatstaticmapping"},
    {.name = NULL},
};

const hv_module_def hv_mod_netnat = {.name = "NetNat", .version = "1.0.0.0",
                                     .cmdlets = netnat_cmdlets};
