/* net.h — shared helpers of the host networking cmdlets (NetAdapter, NetTCPIP, NetNat,
 * DnsClient, netsh). Prefix hvc_net_. The engine does the work (engine/netlink.h, nft.h,
 * resolv.h, netstate.h); these files turn its structs into MSFT_* objects and its errors into
 * the CIM-style ErrorRecords Windows prints. */
#ifndef HVC_NET_H
#define HVC_NET_H

#include "engine/netlink.h"
#include "engine/netstate.h"
#include "engine/nft.h"
#include "engine/resolv.h"
#include "pipeline/cmdlet.h"

#define HVC_NET_CIM "Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/"
#define HVC_NET_CIMEXC "Microsoft.Management.Infrastructure.CimException"

extern const hv_obj_class hvc_net_cls_adapter, hvc_net_cls_ipaddr, hvc_net_cls_route,
    hvc_net_cls_ipif, hvc_net_cls_ipconfig, hvc_net_cls_nat, hvc_net_cls_natmap, hvc_net_cls_dns;
/* Get-NetIPConfiguration's member objects: same types, ToString = address / next hop /
 * server list (net_common.c). hvc_net_reclass copies o's properties into a cls object
 * (takes o). */
extern const hv_obj_class hvc_net_cls_cfg_ipaddr, hvc_net_cls_cfg_route, hvc_net_cls_cfg_dns;
hv_value hvc_net_reclass(hv_value o, const hv_obj_class *cls);
/* MSFT_DNSClientServerAddress of interface l for family af (servers of other families are
 * skipped) (net_dns.c). */
hv_value hvc_net_dns_obj(const hv_nl_link *l, int af, const char *const *servers, size_t n);

/* ---- arguments ---- */
const char *hvc_net_arg_str(hv_cmd *cmd, int idx);   /* borrowed C string or NULL */
/* Array argument as borrowed C strings (malloc'd pointer array; free it). */
const char **hvc_net_arg_strv(hv_cmd *cmd, int idx, size_t *n);
bool hvc_net_arg_u32v(hv_cmd *cmd, int idx, uint32_t **out, size_t *n); /* malloc'd */
int64_t hvc_net_arg_int(hv_cmd *cmd, int idx, int64_t dflt);
int hvc_net_arg_bool(hv_cmd *cmd, int idx, int dflt);  /* -1 = not given */
/* AddressFamily argument: AF_INET, AF_INET6 or 0 when not given. */
int hvc_net_arg_family(hv_cmd *cmd, int idx);
/* Does family af pass an AddressFamily[] filter argument (unbound = all)? */
bool hvc_net_family_ok(hv_cmd *cmd, int idx, int af);
/* Case-insensitive wildcard match of any pattern (n == 0 = match everything). */
bool hvc_net_match_any(const char *const *pats, size_t n, const char *s);

/* ---- engine access ---- */
/* Open rtnetlink; on failure a terminating error is thrown and HV_ERR returned. */
HV_MUST_CHECK hv_status hvc_net_open(hv_cmd *cmd, hv_nl **out);
/* Lock the saved state; on failure a warning is written and *out = NULL (not fatal). */
HV_MUST_CHECK hv_status hvc_net_state_open(hv_cmd *cmd, hv_netstate **out);
/* Save and unlock (warning when saving fails). st may be NULL. */
HV_MUST_CHECK hv_status hvc_net_state_close(hv_cmd *cmd, hv_netstate *st);

/* ---- errors ---- */
/* An ErrorRecord for an engine error: category and "Windows System Error N" id by code,
 * exception CimException, target `cim_class`. msg overrides the engine's text when given. */
hv_value hvc_net_error(hv_cmd *cmd, const hv_eng_err *e, const char *cim_class,
                       const char *msg);
HV_MUST_CHECK hv_status hvc_net_write_error(hv_cmd *cmd, const hv_eng_err *e,
                                            const char *cim_class, const char *msg);
/* "No MSFT_X objects found with property 'P' equal to 'V'.  Verify the value of the
 * property and retry." (ObjectNotFound, CmdletizationQuery_NotFound_P), non-terminating. */
HV_MUST_CHECK hv_status hvc_net_not_found(hv_cmd *cmd, const char *cim_class, const char *prop,
                                          const char *value);

/* ---- interfaces ---- */
/* Resolve -InterfaceAlias / -InterfaceIndex (alias NULL and index < 0 = neither) to a link;
 * writes "Element not found." (ObjectNotFound, Windows System Error 1168) when absent. */
HV_MUST_CHECK hv_status hvc_net_resolve_if(hv_cmd *cmd, hv_nl *nl, const char *alias,
                                           int64_t index, const char *cim_class,
                                           hv_nl_link *out, bool *found);
/* Status text: "Up", "Disconnected", "Disabled". */
const char *hvc_net_status(const hv_nl_link *l);
/* InterfaceDescription (vEthernet bridges numbered "#2"... in ifindex order). */
void hvc_net_description(const hv_nl_link *l, const hv_nl_link *all, size_t n, char *out,
                         size_t outsz);
hv_value hvc_net_adapter_obj(const hv_nl_link *l, const hv_nl_link *all, size_t n);
/* Link display name by ifindex from a dump ("" if absent). */
const char *hvc_net_if_name(const hv_nl_link *all, size_t n, int ifindex);

/* ---- IP objects ---- */
/* MSFT_NetIPAddress; store = "ActiveStore" / "PersistentStore" (the latter shows Invalid). */
hv_value hvc_net_ipaddr_obj(const hv_nl_addr *a, const char *ifname, const char *store);
hv_value hvc_net_route_obj(const hv_nl_route *r, const char *ifname, const char *store);
const char *hvc_net_family_name(int af); /* "IPv4" / "IPv6" */

/* ---- module pieces defined in other files ---- */
hv_status hvc_net_netsh_end(hv_cmd *cmd);  /* netsh.c */
/* Apply the saved per-interface DNS lists (net_dns.c; used by netsh too). `cleared` (or NULL)
 * names an interface whose list was just emptied, so systemd-resolved reverts that link. */
HV_MUST_CHECK hv_status hvc_net_dns_apply(hv_cmd *cmd, hv_nl *nl, hv_netstate *st,
                                          const char *cleared);

#endif
