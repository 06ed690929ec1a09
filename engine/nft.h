/* nft.h — WinNAT on nftables (libnftables): one table owned by hvsh, `ip hvsh_nat`, with a
 * masquerade rule per NetNat and a DNAT rule per static mapping. Every change is one atomic
 * batch; reading back goes through libnftables' JSON output.
 *
 * Each rule carries its whole description in its comment, so nothing else needs storing:
 *   NetNat:<internal prefix>|<external prefix or empty>|<name>
 *   NetNatMap:<id>|<TCP|UDP>|<external ip>|<external port>|<internal ip>|<internal port>|<nat>
 * A masquerade rule reads
 *   ip saddr <prefix> ip daddr != <prefix> counter masquerade comment "..."
 * in chain postrouting (type nat hook postrouting priority srcnat), a mapping
 *   [ip daddr <ext>] tcp dport <port> counter dnat to <ip>:<port> comment "..."
 * in chain prerouting (type nat hook prerouting priority dstnat).
 * Functions return 0 / -1 with *err filled (see engerr.h); lists are malloc'd arrays.
 */
#ifndef HV_NFT_H
#define HV_NFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engerr.h"

#define HV_NFT_FAMILY "ip"
#define HV_NFT_TABLE "hvsh_nat"
#define HV_NFT_NAME_MAX 50 /* comments hold at most 128 bytes */

typedef struct {
    char name[HV_NFT_NAME_MAX + 1];
    char internal_prefix[64];  /* "192.168.100.0/24" (network address, host bits cleared) */
    char external_prefix[64];  /* "" when not given */
    uint64_t packets, bytes;   /* the rule's counter */
    uint64_t handle;           /* rule handle (0 before it exists) */
} hv_nft_nat;

typedef struct {
    unsigned id;               /* StaticMappingID, unique across mappings */
    char nat_name[HV_NFT_NAME_MAX + 1];
    char protocol[4];          /* "TCP" or "UDP" */
    char external_ip[46];      /* "0.0.0.0" = any address of the host */
    unsigned external_port;
    char internal_ip[46];
    unsigned internal_port;
    uint64_t packets, bytes;
    uint64_t handle;
} hv_nft_map;

/* All NATs / mappings (empty lists when the table does not exist). */
int hv_nft_nat_list(hv_nft_nat **out, size_t *n, hv_eng_err *err);
int hv_nft_map_list(hv_nft_map **out, size_t *n, hv_eng_err *err);

/* Validate a NAT before creating it: name (1..50 chars, no '"', '\\', '|', control chars),
 * prefixes (IPv4 CIDR; host bits are cleared into nat->internal_prefix), no other NAT with
 * the same name (EXISTS) or an overlapping internal prefix (CONFLICT). */
int hv_nft_nat_check(hv_nft_nat *nat, hv_eng_err *err);
/* The batch that hv_nft_nat_add applies (for -WhatIf); malloc'd. nat must be checked. */
char *hv_nft_nat_add_batch(const hv_nft_nat *nat);
/* Check, then apply the batch (table + chains + rule) atomically. */
int hv_nft_nat_add(hv_nft_nat *nat, hv_eng_err *err);
/* Remove a NAT and its mappings in one batch; the table goes with the last rule.
 * NOT_FOUND when no NAT has that name (case-insensitive). */
int hv_nft_nat_del(const char *name, hv_eng_err *err);
/* The batch hv_nft_nat_del would apply (for -WhatIf); malloc'd, NULL if not found. */
char *hv_nft_nat_del_batch(const char *name, hv_eng_err *err);

/* Validate a mapping (NAT exists, protocol, addresses, ports 1..65535, no other mapping on
 * the same protocol/external address/port) and give it the next free id. */
int hv_nft_map_check(hv_nft_map *m, hv_eng_err *err);
char *hv_nft_map_add_batch(const hv_nft_map *m);
int hv_nft_map_add(hv_nft_map *m, hv_eng_err *err);
int hv_nft_map_del(unsigned id, hv_eng_err *err);

/* Run an arbitrary nft command buffer (tests, restore). */
int hv_nft_run(const char *cmds, hv_eng_err *err);

#endif
