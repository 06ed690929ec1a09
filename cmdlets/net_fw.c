/* net_fw.c — the NetSecurity module: Get-/New-/Remove-/Set-/Enable-/Disable-NetFirewallRule
 * and Get-NetFirewallPortFilter / Get-NetFirewallAddressFilter. engine/fw keeps the rules in
 * hvsh's saved state and renders them into `table inet hvsh_fw` in one atomic nft batch per
 * change; these turn them into MSFT_NetFirewallRule objects.
 *
 * Every change: lock + load the state, change the list in memory, validate it all, prepare
 * the state file, apply the batch, save. If saving fails after the batch, the old list is
 * rendered again, so the kernel and the state never disagree. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/net.h"
#include "cmdlets/sysmods.h"
#include "engine/fw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FW_CLASS "MSFT_NetFirewallRule"

static const char *const rule_list[] = {
    "Name", "DisplayName", "Description", "DisplayGroup", "Group", "Enabled", "Profile",
    "Platform", "Direction", "Action", "EdgeTraversalPolicy", "LooseSourceMapping",
    "LocalOnlyMapping", "Owner", "PrimaryStatus", "Status", "EnforcementStatus",
    "PolicyStoreSource", "PolicyStoreSourceType", "RemoteDynamicKeywordAddresses",
    "PolicyAppId", "PackageFamilyName", NULL};
static const hv_obj_class cls_rule = {.type_name = HVC_NET_CIM FW_CLASS, .list_view = rule_list};
static const char *const port_list[] = {"Protocol", "LocalPort", "RemotePort", "IcmpType",
                                        "DynamicTarget", NULL};
static const hv_obj_class cls_portf = {.type_name = HVC_NET_CIM "MSFT_NetProtocolPortFilter",
                                       .list_view = port_list};
static const char *const addr_list[] = {"LocalAddress", "RemoteAddress", NULL};
static const hv_obj_class cls_addrf = {.type_name = HVC_NET_CIM "MSFT_NetAddressFilter",
                                       .list_view = addr_list};

static const char *const al_session[] = {"Session", NULL};
static const char *const al_id[] = {"ID", NULL};
static const char *const al_local_ip[] = {"LocalIP", NULL};
static const char *const al_remote_ip[] = {"RemoteIP", NULL};
static const char *const bool_names[] = {"True", "False", NULL};
static const char *const dir_names[] = {"Inbound", "Outbound", NULL};
static const char *const act_names[] = {"NotConfigured", "Allow", "Block", NULL};
static const char *const profile_names[] = {"Any", "Domain", "Private", "Public",
                                            "NotApplicable", NULL};

/* ---------------------------------------------------------------- objects */

static hv_value
strv_value(const void *list, size_t stride, size_t n)
{
    if (!n)
        return hv_str("Any");
    if (n == 1)
        return hv_str((const char *)list);
    hv_value a = hv_array_new(n);
    for (size_t i = 0; i < n; i++)
        hv_array_push(&a, hv_str((const char *)list + i * stride));
    return a;
}

static hv_value
rule_obj(const hv_nft_fw_rule *r)
{
    hv_value o = hv_obj_new(&cls_rule);
    hv_obj_set(&o, "Name", hv_str(r->name));
    hv_obj_set(&o, "ID", hv_str(r->name));
    hv_obj_set(&o, "InstanceID", hv_str(r->name));
    hv_obj_set(&o, "DisplayName", hv_str(r->display_name));
    hv_obj_set(&o, "Description", r->description[0] ? hv_str(r->description) : hv_null());
    hv_obj_set(&o, "DisplayGroup", r->group[0] ? hv_str(r->group) : hv_null());
    hv_obj_set(&o, "Group", r->group[0] ? hv_str(r->group) : hv_null());
    hv_obj_set(&o, "Enabled", hv_str(r->enabled ? "True" : "False"));
    hv_obj_set(&o, "Profile", hv_str(r->profile));
    hv_obj_set(&o, "Platform", hv_array_new(0));
    hv_obj_set(&o, "Direction", hv_str(r->inbound ? "Inbound" : "Outbound"));
    hv_obj_set(&o, "Action", hv_str(r->allow ? "Allow" : "Block"));
    hv_obj_set(&o, "EdgeTraversalPolicy", hv_str("Block"));
    hv_obj_set(&o, "LooseSourceMapping", hv_bool(false));
    hv_obj_set(&o, "LocalOnlyMapping", hv_bool(false));
    hv_obj_set(&o, "Owner", hv_null());
    hv_obj_set(&o, "PrimaryStatus", hv_str("OK"));
    hv_obj_set(&o, "Status", hv_str("The rule was parsed successfully from the store. (65536)"));
    hv_obj_set(&o, "EnforcementStatus", hv_str("NotApplicable"));
    hv_obj_set(&o, "PolicyStoreSource", hv_str("PersistentStore"));
    hv_obj_set(&o, "PolicyStoreSourceType", hv_str("Local"));
    hv_obj_set(&o, "RemoteDynamicKeywordAddresses", hv_array_new(0));
    hv_obj_set(&o, "PolicyAppId", hv_null());
    hv_obj_set(&o, "PackageFamilyName", hv_null());
    return o;
}

/* ---------------------------------------------------------------- common parameters */

#define CIM_COMMON(first)                                                                    \
    [first] = {.name = "CimSession", .type = HV_PT_ANY, .position = HV_POS_NAMED,            \
               .flags = HV_PF_ARRAY, .aliases = al_session,                                  \
               .help = "Accepted for compatibility; hvsh manages the local host only."},     \
    [first + 1] = {.name = "ThrottleLimit", .type = HV_PT_INT32, .position = HV_POS_NAMED,   \
                   .help = "Accepted for compatibility."},                                   \
    [first + 2] = {.name = "AsJob", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,          \
                   .help = "Accepted for compatibility; the command runs synchronously."}

/* The rule-selecting parameters shared by Remove/Enable/Disable/Set: sets ByName (0),
 * ByDisplayName (1), InputObject (2). */
enum { SEL_NAME, SEL_DISPLAY, SEL_INPUT, SEL__N };
static const char *const sel_sets[] = {"GetByName", "GetByDisplayName", "InputObject (cdxml)",
                                       NULL};
#define SEL_PARAMS                                                                            \
    [SEL_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,                        \
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_WILDCARDS |                  \
                           HV_PF_BY_PROPERTY_NAME,                                            \
                  .sets = HV_SET(0), .aliases = al_id,                                        \
                  .help = "Rule names (the unique Name / ID); wildcards allowed."},           \
    [SEL_DISPLAY] = {.name = "DisplayName", .type = HV_PT_STRING, .position = HV_POS_NAMED,   \
                     .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_WILDCARDS,                \
                     .sets = HV_SET(1), .help = "Rule display names; wildcards allowed."},    \
    [SEL_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,        \
                   .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE,                   \
                   .sets = HV_SET(2),                                                         \
                   .help = "Rules from Get-NetFirewallRule (their Name is used)."}

/* Which rules the selecting parameters name: sel[i] set for each match. Writes the
 * not-found errors Windows writes (one per name without a match). */
static hv_status
select_rules(hv_cmd *cmd, const hv_nft_fw_rule *r, size_t n, bool *sel, size_t *nsel,
             bool with_input)
{
    *nsel = 0;
    hv_status st = HV_OK;
    const hv_value *in = with_input ? hv_cmd_arg(cmd, SEL_INPUT) : NULL;
    if (in) {
        size_t len = in->kind == HV_ARRAY ? hv_array_len(in) : 1;
        for (size_t k = 0; k < len && st == HV_OK; k++) {
            const hv_value *o = in->kind == HV_ARRAY ? hv_array_at(in, k) : in;
            hv_value nm = hv_get_member(hv_cmd_ctx(cmd), o, "Name");
            const char *s = nm.kind == HV_STRING ? hv_str_cstr(&nm) : "";
            bool hit = false;
            for (size_t i = 0; i < n; i++)
                if (hv_str_eq_ci(r[i].name, s)) {
                    hit = sel[i] = true;
                }
            if (!hit)
                st = hvc_net_not_found(cmd, FW_CLASS, "InstanceID", s);
            hv_unref(nm);
        }
    }
    static const int idx[2] = {SEL_NAME, SEL_DISPLAY};
    for (int p = 0; p < 2 && st == HV_OK; p++) {
        size_t np;
        const char **pats = hvc_net_arg_strv(cmd, idx[p], &np);
        for (size_t k = 0; k < np && st == HV_OK; k++) {
            bool hit = false;
            for (size_t i = 0; i < n; i++)
                if (hv_wildcard_match(pats[k], p ? r[i].display_name : r[i].name, false))
                    hit = sel[i] = true;
            if (!hit && !hv_wildcard_has_meta(pats[k]))
                st = hvc_net_not_found(cmd, FW_CLASS, p ? "DisplayName" : "InstanceID", pats[k]);
        }
        free(pats);
    }
    for (size_t i = 0; i < n; i++)
        *nsel += sel[i];
    return st;
}

/* Lock the state and load the rules (terminating error when it cannot). */
static hv_status
open_rules(hv_cmd *cmd, hv_netstate **st, hv_nft_fw_rule **r, size_t *n)
{
    hv_eng_err e;
    *st = NULL;
    *r = NULL;
    *n = 0;
    if (hv_netstate_open(st, &e) < 0 || hv_nft_fw_load(*st, r, n, &e) < 0) {
        hv_netstate_close(*st);
        *st = NULL;
        return hv_throw(cmd, hvc_net_error(cmd, &e, FW_CLASS, NULL));
    }
    return HV_OK;
}

/* Apply the new list and save it; on a save failure the old list is rendered again.
 * False (error written, *s = its status) when nothing changed. */
static bool
commit(hv_cmd *cmd, hv_netstate *st, const hv_nft_fw_rule *old, size_t nold, const hv_nft_fw_rule *r,
       size_t n, hv_status *s)
{
    hv_eng_err e;
    if (hv_netstate_prepare(st, &e) < 0 || hv_nft_fw_store(st, r, n, &e) < 0 ||
        hv_nft_fw_apply(r, n, &e) < 0) {
        *s = hv_write_error(cmd, hvc_net_error(cmd, &e, FW_CLASS, NULL));
        return false;
    }
    if (hv_netstate_save(st, &e) < 0) {
        hv_eng_err e2;
        (void)hv_nft_fw_apply(old, nold, &e2); /* undo: the kernel goes back to the saved list */
        *s = hv_write_error(cmd, hvc_net_error(cmd, &e, FW_CLASS, NULL));
        return false;
    }
    return true;
}

static bool
enabled_arg(hv_cmd *cmd, int idx, bool dflt)
{
    const char *s = hvc_net_arg_str(cmd, idx);
    return s ? hv_str_eq_ci(s, "True") : dflt;
}

/* Fill a list parameter into a rule field (comma-separated entries allowed, as Windows):
 * ports (16-byte entries) when ports is set, else addresses (96-byte entries). */
static int
fill_list(hv_cmd *cmd, int idx, char (*ports)[16], char (*addrs)[96], size_t *n, hv_eng_err *e)
{
    size_t k;
    const char **v = hvc_net_arg_strv(cmd, idx, &k);
    *n = 0;
    int rc = 0;
    for (size_t i = 0; i < k && rc == 0; i++) {
        char *dup = hv_xstrdup(v[i]), *save = NULL;
        for (char *t = strtok_r(dup, ",", &save); t && rc == 0; t = strtok_r(NULL, ",", &save))
            rc = ports ? hv_nft_fw_list_add(ports, n, t, e) : hv_nft_fw_addr_add(addrs, n, t, e);
        free(dup);
    }
    free(v);
    return rc;
}

static int
fill_ports(hv_cmd *cmd, int idx, char (*list)[16], size_t *n, hv_eng_err *e)
{
    return fill_list(cmd, idx, list, NULL, n, e);
}

static int
fill_addrs(hv_cmd *cmd, int idx, char (*list)[96], size_t *n, hv_eng_err *e)
{
    return fill_list(cmd, idx, NULL, list, n, e);
}

static void
fill_profile(hv_cmd *cmd, int idx, char *out, size_t n)
{
    size_t k;
    const char **v = hvc_net_arg_strv(cmd, idx, &k);
    out[0] = 0;
    for (size_t i = 0; i < k; i++) {
        if (hv_str_eq_ci(v[i], "Any")) {
            snprintf(out, n, "Any");
            break;
        }
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s", l ? ", " : "", v[i]);
    }
    free(v);
}

/* ---------------------------------------------------------------- Get-NetFirewallRule */

enum { GR_NAME, GR_DISPLAY, GR_ALL, GR_DIRECTION, GR_ACTION, GR_ENABLED, GR_GROUP,
       GR_DGROUP, GR_STORE, GR_CIM, GR__N = GR_CIM + 3 };
static const char *const gr_sets[] = {"All", "GetByName", "GetByDisplayName", "GetByQuery",
                                      NULL};
static const hv_param_def gr_params[GR__N + 1] = {
    [GR_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS | HV_PF_BY_PROPERTY_NAME,
                 .sets = HV_SET(1), .aliases = al_id,
                 .help = "Rule names (the unique Name / ID); wildcards allowed."},
    [GR_DISPLAY] = {.name = "DisplayName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .sets = HV_SET(2),
                    .help = "Rule display names; wildcards allowed."},
    [GR_ALL] = {.name = "All", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                .sets = HV_SET(0), .help = "Every rule (the default)."},
    [GR_DIRECTION] = {.name = "Direction", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                      .flags = HV_PF_ARRAY, .sets = HV_SET(3), .accepted = dir_names,
                      .help = "Only rules of these directions."},
    [GR_ACTION] = {.name = "Action", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY, .sets = HV_SET(3), .accepted = act_names,
                   .help = "Only rules with these actions."},
    [GR_ENABLED] = {.name = "Enabled", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY, .sets = HV_SET(3), .accepted = bool_names,
                    .help = "Only enabled (True) or disabled (False) rules."},
    [GR_GROUP] = {.name = "Group", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .sets = HV_SET(3),
                  .help = "Only rules of these groups."},
    [GR_DGROUP] = {.name = "DisplayGroup", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .sets = HV_SET(3),
                   .help = "Only rules of these groups (same as -Group here)."},
    [GR_STORE] = {.name = "PolicyStore", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .help = "Accepted; every hvsh rule is in the PersistentStore."},
    CIM_COMMON(GR_CIM),
};

static bool
filter_ok(hv_cmd *cmd, int idx, const char *v)
{
    size_t n;
    const char **p = hvc_net_arg_strv(cmd, idx, &n);
    bool ok = hvc_net_match_any(p, n, v);
    free(p);
    return ok;
}

static hv_status
gr_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_netstate *st = NULL;
    hv_eng_err e;
    hv_nft_fw_rule *r = NULL;
    size_t n = 0;
    if (hv_netstate_load(&st, &e) < 0 || hv_nft_fw_load(st, &r, &n, &e) < 0) {
        hv_netstate_close(st);
        return hv_throw(cmd, hvc_net_error(cmd, &e, FW_CLASS, NULL));
    }
    hv_netstate_close(st);
    bool *sel = hv_xcalloc(n + 1, sizeof *sel);
    int set = hv_cmd_set_index(cmd);
    hv_status s = HV_OK;
    if (set == 1 || set == 2) {
        size_t nsel;
        /* the selecting parameters sit at the same indexes as in SEL_PARAMS */
        s = select_rules(cmd, r, n, sel, &nsel, false);
    } else {
        for (size_t i = 0; i < n; i++)
            sel[i] = filter_ok(cmd, GR_DIRECTION, r[i].inbound ? "Inbound" : "Outbound") &&
                     filter_ok(cmd, GR_ACTION, r[i].allow ? "Allow" : "Block") &&
                     filter_ok(cmd, GR_ENABLED, r[i].enabled ? "True" : "False") &&
                     filter_ok(cmd, GR_GROUP, r[i].group) && filter_ok(cmd, GR_DGROUP, r[i].group);
    }
    for (size_t i = 0; i < n && s == HV_OK; i++)
        if (sel[i])
            s = hv_emit(cmd, rule_obj(&r[i]));
    free(sel);
    free(r);
    return s;
}

/* ---------------------------------------------------------------- New-NetFirewallRule */

enum { NR_DISPLAY, NR_NAME, NR_DESC, NR_GROUP, NR_ENABLED, NR_PROFILE, NR_DIRECTION, NR_ACTION,
       NR_PROTOCOL, NR_LPORT, NR_RPORT, NR_LADDR, NR_RADDR, NR_STORE, NR_CIM, NR__N = NR_CIM + 3 };

#define RULE_FIELDS(D, EN, PR, DI, AC, PO, LP, RP, LA, RA)                                    \
    [D] = {.name = "Description", .type = HV_PT_STRING, .position = HV_POS_NAMED,            \
           .help = "Free text."},                                                              \
    [EN] = {.name = "Enabled", .type = HV_PT_STRING, .position = HV_POS_NAMED,                \
            .accepted = bool_names, .help = "True (default for a new rule) or False."},       \
    [PR] = {.name = "Profile", .type = HV_PT_STRING, .position = HV_POS_NAMED,                \
            .flags = HV_PF_ARRAY, .accepted = profile_names,                                  \
            .help = "Kept with the rule; Linux has no network location profiles."},          \
    [DI] = {.name = "Direction", .type = HV_PT_STRING, .position = HV_POS_NAMED,              \
            .accepted = dir_names, .help = "Inbound (chain input) or Outbound (output)."},    \
    [AC] = {.name = "Action", .type = HV_PT_STRING, .position = HV_POS_NAMED,                 \
            .accepted = act_names, .help = "Allow (accept) or Block (drop)."},                \
    [PO] = {.name = "Protocol", .type = HV_PT_STRING, .position = HV_POS_NAMED,               \
            .help = "TCP, UDP, ICMPv4, ICMPv6, Any or an IP protocol number."},                \
    [LP] = {.name = "LocalPort", .type = HV_PT_STRING, .position = HV_POS_NAMED,              \
            .flags = HV_PF_ARRAY, .help = "Local ports or ranges (TCP/UDP only), or Any."},   \
    [RP] = {.name = "RemotePort", .type = HV_PT_STRING, .position = HV_POS_NAMED,             \
            .flags = HV_PF_ARRAY, .help = "Remote ports or ranges (TCP/UDP only), or Any."},  \
    [LA] = {.name = "LocalAddress", .type = HV_PT_STRING, .position = HV_POS_NAMED,           \
            .flags = HV_PF_ARRAY, .aliases = al_local_ip,                                     \
            .help = "Local addresses, prefixes or ranges, or Any."},                          \
    [RA] = {.name = "RemoteAddress", .type = HV_PT_STRING, .position = HV_POS_NAMED,          \
            .flags = HV_PF_ARRAY, .aliases = al_remote_ip,                                    \
            .help = "Remote addresses, prefixes or ranges, or Any."}

static const hv_param_def nr_params[NR__N + 1] = {
    [NR_DISPLAY] = {.name = "DisplayName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_MANDATORY | HV_PF_NO_EMPTY,
                    .help = "The name shown for the rule."},
    [NR_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .flags = HV_PF_NO_EMPTY, .aliases = al_id,
                 .help = "Unique rule name (a new GUID when not given)."},
    [NR_GROUP] = {.name = "Group", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .help = "Group name the rule belongs to."},
    [NR_STORE] = {.name = "PolicyStore", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .help = "Accepted; rules are always saved (PersistentStore)."},
    RULE_FIELDS(NR_DESC, NR_ENABLED, NR_PROFILE, NR_DIRECTION, NR_ACTION, NR_PROTOCOL, NR_LPORT,
                NR_RPORT, NR_LADDR, NR_RADDR),
    CIM_COMMON(NR_CIM),
};

static hv_status
rule_error(hv_cmd *cmd, const hv_eng_err *e)
{
    return hv_write_error(cmd, hvc_net_error(cmd, e, FW_CLASS, NULL));
}

static hv_status
nr_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_nft_fw_rule nr = {0};
    hv_eng_err e;
    const char *name = hvc_net_arg_str(cmd, NR_NAME);
    /* too long for what nftables and the state keep: refused, never cut short */
    static const struct {
        int param;
        size_t max;
        const char *what;
    } lim[] = {{NR_NAME, HV_FW_NAME_MAX, "Name"},
               {NR_DISPLAY, sizeof nr.display_name - 1, "DisplayName"},
               {NR_DESC, sizeof nr.description - 1, "Description"},
               {NR_GROUP, sizeof nr.group - 1, "Group"}};
    for (size_t i = 0; i < sizeof lim / sizeof lim[0]; i++) {
        const char *s = hvc_net_arg_str(cmd, lim[i].param);
        if (s && strlen(s) > lim[i].max) {
            hv_eng_fail(&e, HV_ENG_INVALID, ERANGE,
                        "The %s value is too long (at most %zu characters).", lim[i].what,
                        lim[i].max);
            return rule_error(cmd, &e);
        }
    }
    if (name)
        snprintf(nr.name, sizeof nr.name, "%s", name);
    else
        hv_nft_fw_new_name(nr.name, sizeof nr.name);
    snprintf(nr.display_name, sizeof nr.display_name, "%s", hvc_net_arg_str(cmd, NR_DISPLAY));
    const char *v;
    if ((v = hvc_net_arg_str(cmd, NR_DESC)))
        snprintf(nr.description, sizeof nr.description, "%s", v);
    if ((v = hvc_net_arg_str(cmd, NR_GROUP)))
        snprintf(nr.group, sizeof nr.group, "%s", v);
    if ((v = hvc_net_arg_str(cmd, NR_PROTOCOL)))
        snprintf(nr.protocol, sizeof nr.protocol, "%s", v);
    nr.enabled = enabled_arg(cmd, NR_ENABLED, true);
    v = hvc_net_arg_str(cmd, NR_DIRECTION);
    nr.inbound = !v || hv_str_eq_ci(v, "Inbound");
    v = hvc_net_arg_str(cmd, NR_ACTION);
    nr.allow = !v || !hv_str_eq_ci(v, "Block");
    fill_profile(cmd, NR_PROFILE, nr.profile, sizeof nr.profile);
    if (fill_ports(cmd, NR_LPORT, nr.local_port, &nr.n_local_port, &e) < 0 ||
        fill_ports(cmd, NR_RPORT, nr.remote_port, &nr.n_remote_port, &e) < 0 ||
        fill_addrs(cmd, NR_LADDR, nr.local_addr, &nr.n_local_addr, &e) < 0 ||
        fill_addrs(cmd, NR_RADDR, nr.remote_addr, &nr.n_remote_addr, &e) < 0 ||
        hv_nft_fw_check(&nr, &e) < 0)
        return rule_error(cmd, &e);
    char target[700];
    snprintf(target, sizeof target, "%s (%s): %s %s %s", nr.display_name, nr.name,
             nr.inbound ? "Inbound" : "Outbound", nr.allow ? "Allow" : "Block", nr.protocol);
    if (!hv_should_process(cmd, target, "New-NetFirewallRule"))
        return HV_OK;
    hv_netstate *st;
    hv_nft_fw_rule *r;
    size_t n;
    hv_status s = open_rules(cmd, &st, &r, &n);
    if (s != HV_OK)
        return s;
    bool dup = false;
    for (size_t i = 0; i < n && s == HV_OK && !dup; i++)
        if (hv_str_eq_ci(r[i].name, nr.name)) {
            dup = true;
            hv_value t = hv_str(nr.name);
            s = hv_write_error(cmd, hv_error_new_ex(cmd, HVC_NET_CIMEXC, HV_CAT_ResourceExists,
                                                    "Windows System Error 183", &t,
                                                    "Cannot create a file when that file "
                                                    "already exists."));
            hv_unref(t);
        }
    if (s == HV_OK && !dup) {
        hv_nft_fw_rule *all = hv_xcalloc(n + 1, sizeof *all);
        if (n)
            memcpy(all, r, n * sizeof *r);
        all[n] = nr;
        bool ok = commit(cmd, st, r, n, all, n + 1, &s);
        free(all);
        if (ok)
            s = hv_emit(cmd, rule_obj(&nr));
    }
    free(r);
    hv_netstate_close(st);
    return s;
}

/* ------------------------------------------------- Remove / Enable / Disable / Set */

enum { CH_PASSTHRU = SEL__N, CH_CIM, CH__N = CH_CIM + 3 };
static const hv_param_def ch_params[CH__N + 1] = {
    SEL_PARAMS,
    [CH_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Emit the changed rules."},
    CIM_COMMON(CH_CIM),
};
enum { RM_CIM = SEL__N, RM__N = RM_CIM + 3 };
static const hv_param_def rm_params[RM__N + 1] = {SEL_PARAMS, CIM_COMMON(RM_CIM)};

enum { SR_NEWNAME = SEL__N, SR_DESC, SR_ENABLED, SR_PROFILE, SR_DIRECTION, SR_ACTION,
       SR_PROTOCOL, SR_LPORT, SR_RPORT, SR_LADDR, SR_RADDR, SR_GROUP, SR_PASSTHRU, SR_CIM,
       SR__N = SR_CIM + 3 };
static const hv_param_def sr_params[SR__N + 1] = {
    SEL_PARAMS,
    [SR_NEWNAME] = {.name = "NewDisplayName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_NO_EMPTY, .help = "A new display name."},
    [SR_GROUP] = {.name = "NewGroup", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .help = "A new group name."},
    [SR_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Emit the changed rules."},
    RULE_FIELDS(SR_DESC, SR_ENABLED, SR_PROFILE, SR_DIRECTION, SR_ACTION, SR_PROTOCOL, SR_LPORT,
                SR_RPORT, SR_LADDR, SR_RADDR),
    CIM_COMMON(SR_CIM),
};

typedef enum { OP_REMOVE, OP_ENABLE, OP_DISABLE, OP_SET } fw_op;

/* Apply the Set-NetFirewallRule arguments to one rule. */
static int
set_fields(hv_cmd *cmd, hv_nft_fw_rule *x, hv_eng_err *e)
{
    const char *v;
    if ((v = hvc_net_arg_str(cmd, SR_NEWNAME)))
        snprintf(x->display_name, sizeof x->display_name, "%s", v);
    if ((v = hvc_net_arg_str(cmd, SR_DESC)))
        snprintf(x->description, sizeof x->description, "%s", v);
    if ((v = hvc_net_arg_str(cmd, SR_GROUP)))
        snprintf(x->group, sizeof x->group, "%s", v);
    if ((v = hvc_net_arg_str(cmd, SR_ENABLED)))
        x->enabled = hv_str_eq_ci(v, "True");
    if ((v = hvc_net_arg_str(cmd, SR_DIRECTION)))
        x->inbound = hv_str_eq_ci(v, "Inbound");
    if ((v = hvc_net_arg_str(cmd, SR_ACTION)))
        x->allow = !hv_str_eq_ci(v, "Block");
    if ((v = hvc_net_arg_str(cmd, SR_PROTOCOL)))
        snprintf(x->protocol, sizeof x->protocol, "%s", v);
    if (hv_cmd_bound(cmd, SR_PROFILE))
        fill_profile(cmd, SR_PROFILE, x->profile, sizeof x->profile);
    if ((hv_cmd_bound(cmd, SR_LPORT) && fill_ports(cmd, SR_LPORT, x->local_port, &x->n_local_port, e) < 0) ||
        (hv_cmd_bound(cmd, SR_RPORT) && fill_ports(cmd, SR_RPORT, x->remote_port, &x->n_remote_port, e) < 0) ||
        (hv_cmd_bound(cmd, SR_LADDR) && fill_addrs(cmd, SR_LADDR, x->local_addr, &x->n_local_addr, e) < 0) ||
        (hv_cmd_bound(cmd, SR_RADDR) && fill_addrs(cmd, SR_RADDR, x->remote_addr, &x->n_remote_addr, e) < 0))
        return -1;
    return hv_nft_fw_check(x, e);
}

static hv_status
change(hv_cmd *cmd, fw_op op, int passthru_idx)
{
    hv_netstate *st;
    hv_nft_fw_rule *r;
    size_t n;
    hv_status s = open_rules(cmd, &st, &r, &n);
    if (s != HV_OK)
        return s;
    bool *sel = hv_xcalloc(n + 1, sizeof *sel);
    size_t nsel = 0;
    s = select_rules(cmd, r, n, sel, &nsel, true);
    hv_nft_fw_rule *nw = hv_xcalloc(n + 1, sizeof *nw);
    size_t nn = 0;
    static const char *const verbs[] = {"Remove-NetFirewallRule", "Enable-NetFirewallRule",
                                        "Disable-NetFirewallRule", "Set-NetFirewallRule"};
    bool changed = false, bad = false;
    for (size_t i = 0; i < n && s == HV_OK && !bad; i++) {
        hv_nft_fw_rule x = r[i];
        if (sel[i]) {
            char target[400];
            snprintf(target, sizeof target, "%s (%s)", r[i].display_name, r[i].name);
            if (!hv_should_process(cmd, target, verbs[op])) {
                sel[i] = false;
            } else {
                hv_eng_err e;
                changed = true;
                if (op == OP_REMOVE)
                    continue;
                if (op == OP_ENABLE || op == OP_DISABLE)
                    x.enabled = op == OP_ENABLE;
                else if (set_fields(cmd, &x, &e) < 0) {
                    bad = true; /* nothing changes when one selected rule is invalid */
                    s = rule_error(cmd, &e);
                }
            }
        }
        nw[nn++] = x;
    }
    if (s == HV_OK && changed && !bad && !commit(cmd, st, r, n, nw, nn, &s))
        bad = true;
    if (s == HV_OK && !bad && passthru_idx >= 0 && hv_cmd_switch(cmd, passthru_idx))
        for (size_t i = 0, j = 0; i < n && s == HV_OK; i++, j++)
            if (sel[i])
                s = hv_emit(cmd, rule_obj(&nw[j]));
    hv_netstate_close(st);
    free(sel);
    free(nw);
    free(r);
    return s;
}

static hv_status
rm_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return change(cmd, OP_REMOVE, -1);
}

static hv_status
en_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return change(cmd, OP_ENABLE, CH_PASSTHRU);
}

static hv_status
dis_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return change(cmd, OP_DISABLE, CH_PASSTHRU);
}

static hv_status
sr_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return change(cmd, OP_SET, SR_PASSTHRU);
}

/* ------------------------------------------------------- port / address filters */

enum { PF_RULE, PF_ALL, PF_CIM, PF__N = PF_CIM + 3 };
static const char *const al_rule[] = {"InputObject", NULL};
static const hv_param_def pf_params[PF__N + 1] = {
    [PF_RULE] = {.name = "AssociatedNetFirewallRule", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                 .flags = HV_PF_ARRAY | HV_PF_BY_VALUE, .aliases = al_rule,
                 .help = "Rules from Get-NetFirewallRule."},
    [PF_ALL] = {.name = "All", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                .help = "The filters of every rule (the default without a rule)."},
    CIM_COMMON(PF_CIM),
};

static hv_status
filters(hv_cmd *cmd, bool ports)
{
    hv_netstate *st = NULL;
    hv_eng_err e;
    hv_nft_fw_rule *r = NULL;
    size_t n = 0;
    if (hv_netstate_load(&st, &e) < 0 || hv_nft_fw_load(st, &r, &n, &e) < 0) {
        hv_netstate_close(st);
        return hv_throw(cmd, hvc_net_error(cmd, &e, FW_CLASS, NULL));
    }
    hv_netstate_close(st);
    const hv_value *in = hv_cmd_arg(cmd, PF_RULE);
    size_t len = !in ? 0 : in->kind == HV_ARRAY ? hv_array_len(in) : 1;
    hv_status s = HV_OK;
    for (size_t i = 0; i < n && s == HV_OK; i++) {
        bool want = !in;
        for (size_t k = 0; k < len && !want; k++) {
            const hv_value *o = in->kind == HV_ARRAY ? hv_array_at(in, k) : in;
            hv_value nm = hv_get_member(hv_cmd_ctx(cmd), o, "Name");
            want = nm.kind == HV_STRING && hv_str_eq_ci(hv_str_cstr(&nm), r[i].name);
            hv_unref(nm);
        }
        if (!want)
            continue;
        hv_value o = hv_obj_new(ports ? &cls_portf : &cls_addrf);
        if (ports) {
            hv_obj_set(&o, "Protocol", hv_str(r[i].protocol));
            hv_obj_set(&o, "LocalPort", strv_value(r[i].local_port, sizeof r[i].local_port[0], r[i].n_local_port));
            hv_obj_set(&o, "RemotePort", strv_value(r[i].remote_port, sizeof r[i].remote_port[0], r[i].n_remote_port));
            hv_obj_set(&o, "IcmpType", hv_str("Any"));
            hv_obj_set(&o, "DynamicTarget", hv_str("Any"));
        } else {
            hv_obj_set(&o, "LocalAddress", strv_value(r[i].local_addr, sizeof r[i].local_addr[0], r[i].n_local_addr));
            hv_obj_set(&o, "RemoteAddress", strv_value(r[i].remote_addr, sizeof r[i].remote_addr[0], r[i].n_remote_addr));
        }
        hv_obj_set(&o, "InstanceID", hv_str(r[i].name));
        s = hv_emit(cmd, o);
    }
    free(r);
    return s;
}

static hv_status
pf_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return filters(cmd, true);
}

static hv_status
af_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return filters(cmd, false);
}

/* ---------------------------------------------------------------- tables */

#define ONLINE(x) "https://learn.microsoft.com/powershell/module/netsecurity/" x
static const hv_example ex_new[] = {
    {.title = "Allow inbound SSH from the lab subnet",
     .code = "New-NetFirewallRule -DisplayName \"Allow SSH\" -Direction Inbound -Protocol TCP "
             "-LocalPort 22 -RemoteAddress 192.168.100.0/24 -Action Allow"},
    {.title = "Block outbound SMB",
     .code = "New-NetFirewallRule -DisplayName \"No SMB out\" -Direction Outbound -Protocol TCP "
             "-RemotePort 445 -Action Block"},
    {0}};
static const hv_example ex_get[] = {
    {.title = "Rules by display name", .code = "Get-NetFirewallRule -DisplayName \"Allow*\""},
    {.title = "The ports of a rule",
     .code = "Get-NetFirewallRule -DisplayName \"Allow SSH\" | Get-NetFirewallPortFilter"},
    {0}};
static const hv_example ex_rm[] = {
    {.title = "Remove a rule", .code = "Remove-NetFirewallRule -DisplayName \"Allow SSH\""}, {0}};
static const hv_example ex_en[] = {
    {.title = "Enable a group of rules", .code = "Enable-NetFirewallRule -DisplayName \"Lab *\""},
    {0}};
static const hv_example ex_dis[] = {
    {.title = "Disable a rule", .code = "Disable-NetFirewallRule -Name SSH-In"}, {0}};
static const hv_example ex_set[] = {
    {.title = "Change the allowed port",
     .code = "Set-NetFirewallRule -DisplayName \"Allow SSH\" -LocalPort 2222"},
    {0}};
static const hv_example ex_pf[] = {
    {.title = "Ports of every rule", .code = "Get-NetFirewallPortFilter"}, {0}};
static const hv_example ex_af[] = {
    {.title = "Addresses of a rule",
     .code = "Get-NetFirewallRule -Name SSH-In | Get-NetFirewallAddressFilter"},
    {0}};

#define MAPPING_DESC                                                                          \
    " Rules are saved in hvsh's state (they survive a reboot through hvsh -Restore) and "    \
    "rendered into the nftables table `inet hvsh_fw` (chains input/output, policy accept) in " \
    "one atomic batch: Block rules (drop) before Allow rules (accept)."

static const hv_cmdlet_def fw_cmdlets[] = {
    {.name = "Get-NetFirewallRule", .sets = gr_sets, .default_set = 0, .params = gr_params,
     .ops = {.process = gr_process}, .examples = ex_get,
     .synopsis = "Retrieves firewall rules from the target computer.",
     .description = "The rules made with New-NetFirewallRule, filtered by name, display name, "
                    "direction, action, enabled state or group." MAPPING_DESC,
     .output_type = HVC_NET_CIM FW_CLASS, .online = ONLINE("get-netfirewallrule")},
    {.name = "New-NetFirewallRule", .params = nr_params, .ops = {.process = nr_process},
     .flags = HV_CF_SHOULD_PROCESS, .examples = ex_new,
     .synopsis = "Creates a new inbound or outbound firewall rule and adds the rule to the "
                 "target computer.",
     .description = "Validates the rule (protocol, ports, addresses), then adds it." MAPPING_DESC,
     .output_type = HVC_NET_CIM FW_CLASS, .online = ONLINE("new-netfirewallrule")},
    {.name = "Remove-NetFirewallRule", .sets = sel_sets, .default_set = 0, .params = rm_params,
     .ops = {.process = rm_process}, .flags = HV_CF_SHOULD_PROCESS, .examples = ex_rm,
     .synopsis = "Deletes one or more firewall rules that match the specified criteria.",
     .description = "Removes the named rules (or those piped in)." MAPPING_DESC,
     .output_type = "None", .online = ONLINE("remove-netfirewallrule")},
    {.name = "Enable-NetFirewallRule", .sets = sel_sets, .default_set = 0, .params = ch_params,
     .ops = {.process = en_process}, .flags = HV_CF_SHOULD_PROCESS, .examples = ex_en,
     .synopsis = "Enables a previously disabled firewall rule.",
     .description = "Sets Enabled to True; the rule is rendered into nftables again." MAPPING_DESC,
     .output_type = "None, or MSFT_NetFirewallRule with -PassThru",
     .online = ONLINE("enable-netfirewallrule")},
    {.name = "Disable-NetFirewallRule", .sets = sel_sets, .default_set = 0, .params = ch_params,
     .ops = {.process = dis_process}, .flags = HV_CF_SHOULD_PROCESS, .examples = ex_dis,
     .synopsis = "Disables a firewall rule.",
     .description = "Sets Enabled to False: the rule is kept but has no nftables rule." MAPPING_DESC,
     .output_type = "None, or MSFT_NetFirewallRule with -PassThru",
     .online = ONLINE("disable-netfirewallrule")},
    {.name = "Set-NetFirewallRule", .sets = sel_sets, .default_set = 0, .params = sr_params,
     .ops = {.process = sr_process}, .flags = HV_CF_SHOULD_PROCESS, .examples = ex_set,
     .synopsis = "Modifies existing firewall rules.",
     .description = "Changes the given properties of every selected rule; all of them are "
                    "validated before anything changes." MAPPING_DESC,
     .output_type = "None, or MSFT_NetFirewallRule with -PassThru",
     .online = ONLINE("set-netfirewallrule")},
    {.name = "Get-NetFirewallPortFilter", .params = pf_params, .ops = {.process = pf_process},
     .examples = ex_pf,
     .synopsis = "Retrieves port filter objects associated with the input firewall rules.",
     .description = "Protocol, LocalPort and RemotePort of each rule (piped in, or all).",
     .output_type = HVC_NET_CIM "MSFT_NetProtocolPortFilter",
     .online = ONLINE("get-netfirewallportfilter")},
    {.name = "Get-NetFirewallAddressFilter", .params = pf_params, .ops = {.process = af_process},
     .examples = ex_af,
     .synopsis = "Retrieves address filter objects associated with the input firewall rules.",
     .description = "LocalAddress and RemoteAddress of each rule (piped in, or all).",
     .output_type = HVC_NET_CIM "MSFT_NetAddressFilter",
     .online = ONLINE("get-netfirewalladdressfilter")},
    {.name = NULL},
};

const hv_module_def hv_mod_sys_netsecurity = {.name = "NetSecurity", .version = "2.0.0.0",
                                              .cmdlets = fw_cmdlets};
