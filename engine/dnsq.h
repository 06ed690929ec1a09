/* dnsq.h — a small stub DNS client for Resolve-DnsName: one question, UDP with TCP fallback
 * on truncation (or TCP only), to the servers given or to the nameservers of the resolv.conf
 * in use (hv_dns_conf_path(): $HVSH_RESOLV_CONF, else /etc/resolv.conf — every `nameserver`
 * line, hvsh's managed block first, as the system resolver reads them). Queries are built with
 * res_mkquery and names read with dn_expand (both in glibc's libc); records are decoded here
 * into plain fields. Returns 0 / -1 with *err (engerr.h); a DNS answer with an error rcode is
 * a success of the query (see .rcode).
 */
#ifndef HV_DNSQ_H
#define HV_DNSQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/engerr.h"

#define HV_DNSQ_NAME 256
#define HV_DNSQ_TXT 1024

enum { HV_DNSQ_ANSWER = 1, HV_DNSQ_AUTHORITY = 2, HV_DNSQ_ADDITIONAL = 3 };

typedef struct {
    char name[HV_DNSQ_NAME];   /* owner name, without the trailing dot */
    int type;                  /* ns_t_a ... */
    uint32_t ttl;
    int section;               /* HV_DNSQ_ANSWER ... */
    char addr[46];             /* A / AAAA */
    char target[HV_DNSQ_NAME]; /* CNAME/NS/PTR host, MX exchange, SRV target, SOA primary */
    char admin[HV_DNSQ_NAME];  /* SOA responsible mailbox */
    unsigned pref;             /* MX preference */
    unsigned priority, weight, port; /* SRV */
    uint32_t serial, refresh, retry, expire, minimum; /* SOA */
    char txt[HV_DNSQ_TXT];     /* TXT character-strings, each NUL-terminated, back to back */
    size_t ntxt;               /* number of strings in txt */
    size_t rdlen;              /* RDATA length (DataLength) */
} hv_dns_rr;

typedef struct {
    int rcode;                 /* 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED ... */
    bool truncated_retry;      /* answered over TCP after a truncated UDP reply */
    char server[64];           /* the server that answered */
    hv_dns_rr *rr;            /* malloc'd */
    size_t n;
} hv_dns_result;

/* Record type by name ("A", "aaaa", "MX", "ANY"...) -> number, 0 if unknown; and back. */
int hv_dns_type_parse(const char *s);
const char *hv_dns_type_name(int type);

/* servers: NULL/0 = the resolv.conf's nameservers. timeout_ms per attempt (each server is
 * tried in turn, twice). NOT_FOUND-free: an unreachable or silent server set gives
 * HV_ENG_SYSTEM with sys_errno ETIMEDOUT. */
int hv_dns_query(const char *name, int type, const char *const *servers, size_t nservers,
                  int timeout_ms, bool tcp_only, bool recursion, hv_dns_result *res,
                  hv_eng_err *err);
void hv_dns_result_free(hv_dns_result *res);

/* Entries of the hosts file ($HVSH_HOSTS, else /etc/hosts) for name (case-insensitive, aliases
 * included): A records for type ns_t_a, AAAA for ns_t_aaaa, both for 0. Records are marked
 * section 0 ("Question", as Windows shows hosts-file answers) with TTL 1200. Returns the
 * count (0 = not listed); *out malloc'd. */
size_t hv_dns_hosts_lookup(const char *name, int type, hv_dns_rr **out);

/* The reverse-lookup name of an address ("4.3.2.1.in-addr.arpa"); false if s is no address. */
bool hv_dns_ptr_name(const char *s, char *out, size_t n);

#endif
