/* fw.h — Windows Firewall rules (NetSecurity) on an nftables table of hvsh's own,
 * `table inet hvsh_fw`, with chains input and output (filter hooks, priority 0, policy
 * accept: Linux hosts do not block by default, and hvsh never changes that).
 *
 * The rules themselves live in hvsh's saved state (engine/netstate.h, section "firewall"), so
 * they survive a reboot (`hvsh -Restore`) and keep every Windows property; the nftables
 * table is rendered from the whole list on every change, in ONE batch that deletes and
 * re-creates the table — the kernel applies it atomically or not at all. Enabled rules only;
 * Block rules come first (on Windows a block rule wins over an allow rule). Each nft rule's
 * comment is "NetFirewallRule:<Name>".
 *
 * Mapping: Direction Inbound -> chain input, Outbound -> output; Action Allow -> accept,
 * Block -> drop; Protocol TCP/UDP (+ ports), ICMPv4, ICMPv6, Any or a number; LocalPort /
 * RemotePort: "Any" or lists of ports and ranges "1000-2000"; LocalAddress / RemoteAddress:
 * "Any" or lists of addresses, prefixes and ranges, IPv4 and IPv6 (a rule with both
 * families becomes one nft rule per family). Profile is kept but has no effect (Linux has no
 * network location profiles).
 */
#ifndef HV_FW_H
#define HV_FW_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/engerr.h"
#include "engine/netstate.h"

#define HV_FW_FAMILY "inet"
#define HV_FW_TABLE "hvsh_fw"
#define HV_FW_MAXLIST 16
/* nftables keeps at most 128 bytes of comment, and a rule's is "NetFirewallRule:<Name>" */
#define HV_FW_NAME_MAX 111

typedef struct {
    char name[128];            /* Name: unique (case-insensitive); a GUID when not given */
    char display_name[256];
    char description[256];
    char group[128];
    bool inbound;
    bool allow;
    bool enabled;
    char protocol[16];         /* "Any", "TCP", "UDP", "ICMPv4", "ICMPv6" or a number */
    char local_port[HV_FW_MAXLIST][16];   /* none = Any */
    size_t n_local_port;
    char remote_port[HV_FW_MAXLIST][16];
    size_t n_remote_port;
    char local_addr[HV_FW_MAXLIST][96];   /* none = Any */
    size_t n_local_addr;
    char remote_addr[HV_FW_MAXLIST][96];
    size_t n_remote_addr;
    char profile[64];          /* "Any" or "Domain, Private, Public" subset */
} hv_nft_fw_rule;

/* Load / store the rule list of an open state (malloc'd array). */
int hv_nft_fw_load(const hv_netstate *st, hv_nft_fw_rule **out, size_t *n, hv_eng_err *err);
int hv_nft_fw_store(hv_netstate *st, const hv_nft_fw_rule *r, size_t n, hv_eng_err *err);

/* Check and normalise one rule (protocol name, ports, addresses, "Any" lists emptied). */
int hv_nft_fw_check(hv_nft_fw_rule *r, hv_eng_err *err);
/* Add a list value ("80", "1000-2000", "10.0.0.0/24", "Any"); INVALID when full. */
int hv_nft_fw_list_add(char (*list)[16], size_t *n, const char *v, hv_eng_err *err);
int hv_nft_fw_addr_add(char (*list)[96], size_t *n, const char *v, hv_eng_err *err);

/* The nft batch that makes the table match the rule list (malloc'd). */
char *hv_nft_fw_batch(const hv_nft_fw_rule *r, size_t n);
/* Apply that batch (fault site "nft:batch"). */
int hv_nft_fw_apply(const hv_nft_fw_rule *r, size_t n, hv_eng_err *err);
/* A new rule Name: "{xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx}" from /dev/urandom. */
void hv_nft_fw_new_name(char *out, size_t n);

/* `hvsh -Restore`: render the saved rules again (no-op when there are none). */
int hv_nft_fw_restore(const hv_netstate *st, FILE *log, hv_eng_err *err);

#endif
