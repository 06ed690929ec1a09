/* netstate.h — what hvsh made on the host network, saved so it survives a reboot (Hyper-V
 * keeps switches, host vNIC addresses and NATs; so does hvsh), and the idempotent restore.
 *
 * The state lives in <dir>/netstate.json, dir = $HVSH_STATE_DIR or /var/lib/hvsh (created
 * 0700). Every writer holds an exclusive flock(2) on <dir>/netstate.lock from open to close,
 * so concurrent hvsh processes serialise their read-modify-write (and the kernel change made
 * in between). The file is written atomically (mkstemp + fsync + rename) with mode 0600.
 *
 * Interfaces are recorded by the name users see (alias or kernel name), switches by switch
 * name; matching is case-insensitive. Functions return 0 / -1 with *err (engerr.h).
 */
#ifndef HV_NETSTATE_H
#define HV_NETSTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "engine/engerr.h"

#define HV_NS_NAME 256
#define HV_NS_MAX_DNS 16

typedef struct {
    char name[HV_NS_NAME];
    char type[16];              /* "Internal", "Private", "External" */
    char adapter[HV_NS_NAME];   /* External: the uplink adapter, else "" */
    bool allow_mgmt;            /* External: -AllowManagementOS (addresses moved) */
} hv_ns_switch;

typedef struct {
    char iface[HV_NS_NAME];
    char ip[46];
    int prefix;
    bool skip_as_source;
} hv_ns_addr;

typedef struct {
    char iface[HV_NS_NAME];
    char dst[64];               /* CIDR, "0.0.0.0/0" for a default route */
    char gateway[46];           /* "" when on-link */
    unsigned metric;
} hv_ns_route;

typedef struct {
    char name[64];
    char internal[64];
    char external[64];
} hv_ns_nat;

typedef struct {
    unsigned id;
    char nat[64];
    char protocol[4];
    char ext_ip[46];
    unsigned ext_port;
    char int_ip[46];
    unsigned int_port;
} hv_ns_map;

typedef struct {
    char iface[HV_NS_NAME];
    char servers[HV_NS_MAX_DNS][46];
    size_t n;
} hv_ns_dns;

typedef struct hv_netstate hv_netstate;

const char *hv_netstate_dir(void);
/* Lock and load (a missing file is an empty state). */
int hv_netstate_open(hv_netstate **out, hv_eng_err *err);
/* Load for reading only: creates nothing, shared lock; no state yet = empty. */
int hv_netstate_load(hv_netstate **out, hv_eng_err *err);
/* Before a live change: create (and reserve room for) the temp file the next save writes,
 * so a state file that cannot be written fails the command before anything changed.
 * Close without a save discards it. */
int hv_netstate_prepare(hv_netstate *st, hv_eng_err *err);
/* Write if anything changed since open (into the prepared file, if any; renamed over). */
int hv_netstate_save(hv_netstate *st, hv_eng_err *err);
/* Unlock and free (unsaved changes are dropped). NULL is fine. */
void hv_netstate_close(hv_netstate *st);

/* Read access: arrays owned by st, valid until the next change or close. */
size_t hv_netstate_switches(const hv_netstate *st, const hv_ns_switch **out);
size_t hv_netstate_addrs(const hv_netstate *st, const hv_ns_addr **out);
size_t hv_netstate_routes(const hv_netstate *st, const hv_ns_route **out);
size_t hv_netstate_nats(const hv_netstate *st, const hv_ns_nat **out);
size_t hv_netstate_maps(const hv_netstate *st, const hv_ns_map **out);
size_t hv_netstate_dns_list(const hv_netstate *st, const hv_ns_dns **out);
const hv_ns_dns *hv_netstate_dns_get(const hv_netstate *st, const char *iface);

/* Changes (put = add or replace the record with the same key). */
void hv_netstate_put_switch(hv_netstate *st, const hv_ns_switch *sw);
/* Also forgets the addresses, routes and DNS servers of its "vEthernet (<name>)" adapter. */
bool hv_netstate_del_switch(hv_netstate *st, const char *name);
/* Renames the switch and re-keys its vEthernet adapter's records. */
bool hv_netstate_rename_switch(hv_netstate *st, const char *old_name, const char *new_name);
void hv_netstate_put_addr(hv_netstate *st, const hv_ns_addr *a);      /* key iface+ip */
bool hv_netstate_del_addr(hv_netstate *st, const char *iface, const char *ip);
void hv_netstate_put_route(hv_netstate *st, const hv_ns_route *r);    /* key iface+dst+gw */
bool hv_netstate_del_route(hv_netstate *st, const char *iface, const char *dst,
                           const char *gateway);
void hv_netstate_put_nat(hv_netstate *st, const hv_ns_nat *n);        /* key name */
bool hv_netstate_del_nat(hv_netstate *st, const char *name);          /* and its mappings */
void hv_netstate_put_map(hv_netstate *st, const hv_ns_map *m);        /* key id */
bool hv_netstate_del_map(hv_netstate *st, unsigned id);
/* n == 0 forgets the interface's servers. */
void hv_netstate_set_dns(hv_netstate *st, const char *iface, const char *const *servers,
                         size_t n);
/* Re-key every record of an interface (Rename-NetAdapter). */
void hv_netstate_rename_iface(hv_netstate *st, const char *old_name, const char *new_name);

/* One-shot helpers for the Hyper-V switch cmdlets: open, change, save, close. */
int hv_netstate_record_switch(const hv_ns_switch *sw, hv_eng_err *err);
int hv_netstate_forget_switch(const char *name, hv_eng_err *err);
int hv_netstate_record_switch_rename(const char *old_name, const char *new_name,
                                     hv_eng_err *err);

/* `hvsh -Restore`: reapply everything saved, idempotently (what exists is left alone):
 * switches (bridges; External ones re-bind their adapter), addresses, routes, NATs and
 * mappings (with ip_forward on), DNS servers. One line per action goes to log (may be NULL).
 * Returns 0 when everything is in place, -1 when something could not be restored (err =
 * the first failure; the rest is still attempted). */
int hv_netstate_restore(FILE *log, hv_eng_err *err);

/* Sections owned by other engine modules (the firewall rules: "firewall"), stored as JSON
 * text under their own top-level key and kept untouched by every other save.
 * hv_netstate_section returns malloc'd JSON text or NULL when absent; set with NULL removes
 * the section. */
char *hv_netstate_section(const hv_netstate *st, const char *key);
int hv_netstate_set_section(hv_netstate *st, const char *key, const char *json_text,
                            hv_eng_err *err);

#endif
