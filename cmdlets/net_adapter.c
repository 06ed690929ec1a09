/* net_adapter.c — the NetAdapter module: Get-/Enable-/Disable-/Rename-NetAdapter over
 * rtnetlink. Adapter names are the interface alias when set (a switch's bridge carries
 * "vEthernet (<Switch>)"), else the kernel name; both match, case-insensitively. */
#include "cmdlets/net.h"
#include "cmdlets/cmdlets.h"

#include <linux/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const al_name[] = {"ifAlias", "InterfaceAlias", NULL};
static const char *const al_desc[] = {"ifDesc", NULL};
static const char *const al_index[] = {"ifIndex", NULL};
static const char *const al_session[] = {"Session", NULL};
static const char *const sets_get[] = {"ByName", "ByInstanceID", "ByIfIndex", NULL};
static const char *const sets_set[] = {"ByName", "ByInstanceID", "InputObject (cdxml)", NULL};

#define CIM_COMMON(first)                                                                    \
    [first] = {.name = "CimSession", .type = HV_PT_ANY, .position = HV_POS_NAMED,            \
               .flags = HV_PF_ARRAY, .aliases = al_session,                                  \
               .help = "Accepted for compatibility; hvsh manages the local host only."},     \
    [first + 1] = {.name = "ThrottleLimit", .type = HV_PT_INT32, .position = HV_POS_NAMED,   \
                   .help = "Accepted for compatibility."},                                   \
    [first + 2] = {.name = "AsJob", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,          \
                   .help = "Accepted for compatibility; the command runs synchronously."}

/* Is the link hidden from Get-NetAdapter (loopback, VM taps) unless -IncludeHidden? */
static bool
hidden(const hv_nl_link *l)
{
    return l->link_type == ARPHRD_LOOPBACK || !strcmp(l->kind, "tun");
}

static bool
name_match(const hv_nl_link *l, const char *pat)
{
    return hv_wildcard_match(pat, hv_nl_link_display_name(l), false) ||
           hv_wildcard_match(pat, l->name, false);
}

/* The selection shared by all four cmdlets. */
typedef struct {
    const char **names, **descs;
    size_t nnames, ndescs, nidx;
    uint32_t *idx;
    bool include_hidden, physical;
} selector;

static void
selector_free(selector *s)
{
    free(s->names);
    free(s->descs);
    free(s->idx);
}

/* Select links; writes not-found errors for literal names / indexes that matched nothing.
 * *out is malloc'd (indexes into all). */
static hv_status
select_links(hv_cmd *cmd, const selector *s, const hv_nl_link *all, size_t n, size_t **out,
             size_t *nout)
{
    *out = hv_xcalloc(n + 1, sizeof **out);
    *nout = 0;
    char desc[128];
    for (size_t i = 0; i < n; i++) {
        const hv_nl_link *l = &all[i];
        if ((hidden(l) && !s->include_hidden) || (s->physical && !l->physical))
            continue;
        if (s->nidx) {
            bool hit = false;
            for (size_t k = 0; k < s->nidx; k++)
                hit |= (int)s->idx[k] == l->ifindex;
            if (!hit)
                continue;
        }
        bool ok = !s->nnames;
        for (size_t k = 0; k < s->nnames && !ok; k++)
            ok = name_match(l, s->names[k]);
        if (!ok)
            continue;
        hvc_net_description(l, all, n, desc, sizeof desc);
        if (s->ndescs && !hvc_net_match_any(s->descs, s->ndescs, desc))
            continue;
        (*out)[(*nout)++] = i;
    }
    hv_status st = HV_OK;
    for (size_t k = 0; k < s->nnames && st == HV_OK; k++) {
        if (hv_wildcard_has_meta(s->names[k]))
            continue;
        bool hit = false;
        for (size_t j = 0; j < *nout && !hit; j++)
            hit = name_match(&all[(*out)[j]], s->names[k]);
        if (!hit)
            st = hvc_net_not_found(cmd, "MSFT_NetAdapter", "Name", s->names[k]);
    }
    for (size_t k = 0; k < s->nidx && st == HV_OK; k++) {
        bool hit = false;
        for (size_t j = 0; j < *nout && !hit; j++)
            hit = all[(*out)[j]].ifindex == (int)s->idx[k];
        if (!hit) {
            char num[16];
            snprintf(num, sizeof num, "%u", s->idx[k]);
            st = hvc_net_not_found(cmd, "MSFT_NetAdapter", "InterfaceIndex", num);
        }
    }
    for (size_t k = 0; k < s->ndescs && st == HV_OK; k++) {
        if (hv_wildcard_has_meta(s->descs[k]))
            continue;
        bool hit = false;
        for (size_t j = 0; j < *nout && !hit; j++) {
            hvc_net_description(&all[(*out)[j]], all, n, desc, sizeof desc);
            hit = hv_wildcard_match(s->descs[k], desc, false);
        }
        if (!hit)
            st = hvc_net_not_found(cmd, "MSFT_NetAdapter", "InterfaceDescription", s->descs[k]);
    }
    return st;
}

/* ================================ Get-NetAdapter ================================ */

enum { GA_NAME, GA_DESC, GA_INDEX, GA_HIDDEN, GA_PHYSICAL, GA_CIM, GA__N = GA_CIM + 3 };
static const hv_param_def get_params[GA__N + 1] = {
    [GA_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .sets = HV_SET(0), .aliases = al_name,
                 .help = "Adapter names (interface alias or kernel name); wildcards allowed."},
    [GA_DESC] = {.name = "InterfaceDescription", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME |
                          HV_PF_WILDCARDS,
                 .sets = HV_SET(1), .aliases = al_desc, .help = "Adapter descriptions."},
    [GA_INDEX] = {.name = "InterfaceIndex", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                  .sets = HV_SET(2), .aliases = al_index, .help = "Interface indexes."},
    [GA_HIDDEN] = {.name = "IncludeHidden", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Also list the loopback interface and VM taps."},
    [GA_PHYSICAL] = {.name = "Physical", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Only adapters backed by a device on a bus (no bridges, veth...)."},
    CIM_COMMON(GA_CIM),
};

static void
fill_selector(hv_cmd *cmd, selector *s, int iname, int idesc, int iidx, int ihidden)
{
    memset(s, 0, sizeof *s);
    s->names = hvc_net_arg_strv(cmd, iname, &s->nnames);
    if (idesc >= 0)
        s->descs = hvc_net_arg_strv(cmd, idesc, &s->ndescs);
    if (iidx >= 0)
        hvc_net_arg_u32v(cmd, iidx, &s->idx, &s->nidx);
    s->include_hidden = ihidden >= 0 && hv_cmd_switch(cmd, ihidden);
}

static hv_status
get_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_nl *nl;
    hv_status st = hvc_net_open(cmd, &nl);
    if (st != HV_OK)
        return st;
    selector s;
    fill_selector(cmd, &s, GA_NAME, GA_DESC, GA_INDEX, GA_HIDDEN);
    s.physical = hv_cmd_switch(cmd, GA_PHYSICAL);
    hv_nl_link *all = NULL;
    size_t n = 0, *sel = NULL, nsel = 0;
    hv_eng_err e;
    if (hv_nl_links(nl, &all, &n, &e) < 0) {
        st = hv_throw(cmd, hvc_net_error(cmd, &e, "MSFT_NetAdapter", NULL));
    } else {
        st = select_links(cmd, &s, all, n, &sel, &nsel);
        for (size_t i = 0; i < nsel && st == HV_OK; i++)
            st = hv_emit(cmd, hvc_net_adapter_obj(&all[sel[i]], all, n));
    }
    free(sel);
    free(all);
    selector_free(&s);
    hv_nl_close(nl);
    return st;
}

/* ======================== Enable- / Disable- / Rename-NetAdapter ======================== */

enum { SA_NAME, SA_DESC, SA_INPUT, SA_HIDDEN, SA_PASSTHRU, SA_NEWNAME, SA_CIM, SA__N = SA_CIM + 3 };
#define SET_PARAMS(newname_flags)                                                             \
    [SA_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,                         \
                 .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_WILDCARDS, .sets = HV_SET(0), \
                 .aliases = al_name, .help = "Adapter names; wildcards allowed."},            \
    [SA_DESC] = {.name = "InterfaceDescription", .type = HV_PT_STRING,                        \
                 .position = HV_POS_NAMED,                                                    \
                 .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,             \
                 .sets = HV_SET(1), .aliases = al_desc, .help = "Adapter descriptions."},     \
    [SA_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,         \
                  .flags = HV_PF_ARRAY | HV_PF_MANDATORY | HV_PF_BY_VALUE, .sets = HV_SET(2), \
                  .help = "Adapters from Get-NetAdapter."},                                   \
    [SA_HIDDEN] = {.name = "IncludeHidden", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,   \
                   .help = "Also consider hidden interfaces."},                               \
    [SA_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,      \
                     .help = "Emit the changed adapters."},                                   \
    [SA_NEWNAME] = {.name = "NewName", .type = HV_PT_STRING, .position = 1,                   \
                    .flags = newname_flags, .help = "The adapter's new name."},               \
    CIM_COMMON(SA_CIM)

static const hv_param_def enable_params[SA__N + 1] = {SET_PARAMS(0)};
static const hv_param_def rename_params[SA__N + 1] = {SET_PARAMS(HV_PF_MANDATORY | HV_PF_NO_EMPTY)};

typedef enum { ACT_ENABLE, ACT_DISABLE, ACT_RENAME } adapter_act;

static hv_status
apply_one(hv_cmd *cmd, hv_nl *nl, const hv_nl_link *l, const hv_nl_link *all, size_t n,
          adapter_act act)
{
    const char *name = hv_nl_link_display_name(l);
    hv_eng_err e;
    int rc = 0;
    hv_status st = HV_OK;
    if (act == ACT_RENAME) {
        const char *newname = hvc_net_arg_str(cmd, SA_NEWNAME);
        for (size_t i = 0; i < n; i++)
            if (all[i].ifindex != l->ifindex &&
                (!strcasecmp(hv_nl_link_display_name(&all[i]), newname) ||
                 !strcasecmp(all[i].name, newname))) {
                hv_eng_err dup;
                hv_eng_fail(&dup, HV_ENG_EXISTS, 17, "An adapter named '%s' already exists.",
                            newname);
                return hvc_net_write_error(cmd, &dup, "MSFT_NetAdapter", NULL);
            }
        char target[600];
        snprintf(target, sizeof target, "%s (ip link set dev %s alias \"%s\")", name, l->name,
                 newname);
        if (!hv_should_process(cmd, target, "Rename-NetAdapter"))
            return HV_OK;
        hv_netstate *ns;
        if ((st = hvc_net_state_open(cmd, &ns)) != HV_OK)
            return st;
        rc = hv_nl_link_set_alias(nl, l->ifindex, newname, &e);
        if (rc == 0 && ns)
            hv_netstate_rename_iface(ns, name, newname);
        if (rc == 0)
            st = hvc_net_state_close(cmd, ns);
        else
            hv_netstate_close(ns);
    } else {
        bool up = act == ACT_ENABLE;
        char target[400];
        snprintf(target, sizeof target, "%s (ip link set dev %s %s)", name, l->name,
                 up ? "up" : "down");
        if (!hv_should_process(cmd, target, up ? "Enable-NetAdapter" : "Disable-NetAdapter"))
            return HV_OK;
        rc = hv_nl_link_set_up(nl, l->ifindex, up, &e);
    }
    if (rc < 0)
        return hvc_net_write_error(cmd, &e, "MSFT_NetAdapter", NULL);
    if (st != HV_OK || !hv_cmd_switch(cmd, SA_PASSTHRU))
        return st;
    hv_nl_link now;
    if (hv_nl_link_get(nl, l->ifindex, &now, &e) < 0)
        return hvc_net_write_error(cmd, &e, "MSFT_NetAdapter", NULL);
    return hv_emit(cmd, hvc_net_adapter_obj(&now, all, n));
}

static hv_status
set_process(hv_cmd *cmd, adapter_act act)
{
    hv_nl *nl;
    hv_status st = hvc_net_open(cmd, &nl);
    if (st != HV_OK)
        return st;
    selector s;
    fill_selector(cmd, &s, SA_NAME, SA_DESC, -1, SA_HIDDEN);
    /* -InputObject: adapters (or anything with an ifIndex) */
    const hv_value *in = hv_cmd_arg(cmd, SA_INPUT);
    if (in) {
        size_t len = in->kind == HV_ARRAY ? hv_array_len(in) : 1;
        s.idx = hv_xcalloc(len + 1, sizeof *s.idx);
        for (size_t i = 0; i < len; i++) {
            const hv_value *o = in->kind == HV_ARRAY ? hv_array_at(in, i) : in;
            hv_value v = hv_get_member(hv_cmd_ctx(cmd), o, "ifIndex");
            int64_t x;
            hv_conv_err ce;
            if (hv_conv_to_int64(&v, &x, &ce))
                s.idx[s.nidx++] = (uint32_t)x;
            hv_unref(v);
        }
        s.include_hidden = true;
    }
    hv_nl_link *all = NULL;
    size_t n = 0, *sel = NULL, nsel = 0;
    hv_eng_err e;
    if (hv_nl_links(nl, &all, &n, &e) < 0) {
        st = hv_throw(cmd, hvc_net_error(cmd, &e, "MSFT_NetAdapter", NULL));
    } else {
        st = select_links(cmd, &s, all, n, &sel, &nsel);
        if (act == ACT_RENAME && nsel > 1 && st == HV_OK) {
            hv_eng_err many;
            hv_eng_fail(&many, HV_ENG_INVALID, 22,
                        "More than one adapter matches; Rename-NetAdapter renames one adapter.");
            st = hvc_net_write_error(cmd, &many, "MSFT_NetAdapter", NULL);
            nsel = 0;
        }
        for (size_t i = 0; i < nsel && st == HV_OK; i++)
            st = apply_one(cmd, nl, &all[sel[i]], all, n, act);
    }
    free(sel);
    free(all);
    selector_free(&s);
    hv_nl_close(nl);
    return st;
}

static hv_status enable_process(hv_cmd *cmd, const hv_value *in) { (void)in; return set_process(cmd, ACT_ENABLE); }
static hv_status disable_process(hv_cmd *cmd, const hv_value *in) { (void)in; return set_process(cmd, ACT_DISABLE); }
static hv_status rename_process(hv_cmd *cmd, const hv_value *in) { (void)in; return set_process(cmd, ACT_RENAME); }

static const hv_example get_examples[] = {
    {.title = "Get all visible adapters", .code = "Get-NetAdapter"},
    {.title = "Get a switch's host adapter (names match case-insensitively)",
     .code = "Get-NetAdapter \"vEthernet (VmNat)\""},
    {.title = "Wildcards match the alias or the kernel name", .code = "Get-NetAdapter -Name eth*"},
    {0}};

static const hv_example ex_enablenetadapter[] = {{.title = "Bring an adapter up", .code = "Enable-NetAdapter -Name Ethernet"}, {0}};
static const hv_example ex_disablenetadapter[] = {{.title = "Take an adapter down", .code = "Disable-NetAdapter -Name Ethernet -Confirm:$false"}, {0}};
static const hv_example ex_renamenetadapter[] = {{.title = "Rename an adapter (sets its interface alias)", .code = "Rename-NetAdapter -Name eth0 -NewName Ethernet"}, {0}};

static const hv_cmdlet_def netadapter_cmdlets[] = {
    {.name = "Get-NetAdapter", .sets = sets_get, .default_set = 0, .params = get_params,
     .ops = {.process = get_process},
     .synopsis = "Gets the basic network adapter properties.",
     .description = "Lists the host's network interfaces as MSFT_NetAdapter objects. The Name is "
                    "the interface alias when one is set (a virtual switch's bridge carries "
                    "\"vEthernet (<SwitchName>)\"), else the kernel name; -Name patterns match "
                    "either, case-insensitively. The loopback interface and VM taps are hidden "
                    "unless -IncludeHidden is given.",
     .output_type = "Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter",
     .examples = get_examples,
     .online = "https://learn.microsoft.com/powershell/module/netadapter/get-netadapter"},
    {.name = "Enable-NetAdapter", .examples = ex_enablenetadapter, .sets = sets_set, .default_set = 0, .params = enable_params,
     .ops = {.process = enable_process}, .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Enables a network adapter (sets the link up).",
     .output_type = "None, or MSFT_NetAdapter with -PassThru",
     .online = "https://learn.microsoft.com/powershell/module/netadapter/enable-netadapter"},
    {.name = "Disable-NetAdapter", .examples = ex_disablenetadapter, .sets = sets_set, .default_set = 0, .params = enable_params,
     .ops = {.process = disable_process}, .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Disables a network adapter (sets the link down).",
     .output_type = "None, or MSFT_NetAdapter with -PassThru",
     .online = "https://learn.microsoft.com/powershell/module/netadapter/disable-netadapter"},
    {.name = "Rename-NetAdapter", .examples = ex_renamenetadapter, .sets = sets_set, .default_set = 0, .params = rename_params,
     .ops = {.process = rename_process}, .flags = HV_CF_SHOULD_PROCESS,
     .synopsis = "Renames a network adapter.",
     .description = "Sets the interface alias, which is the name Get-NetAdapter shows; the "
                    "kernel name (ifName) is unchanged. Saved addresses, routes and DNS servers "
                    "follow the new name.",
     .output_type = "None, or MSFT_NetAdapter with -PassThru",
     .online = "https://learn.microsoft.com/powershell/module/netadapter/rename-netadapter"},
    {.name = NULL},
};

const hv_module_def hv_mod_netadapter = {
    .name = "NetAdapter", .version = "2.0.0.0", .cmdlets = netadapter_cmdlets};
