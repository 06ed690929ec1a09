/* fault.h — the fault-injection seam of the engine (issue 7: "fault injection at every step").
 *
 * Every engine call that changes something outside the process (a netlink request that
 * creates/changes/deletes, an nftables batch, a state-file or resolv.conf write, a sysctl
 * write, a libvirt define/undefine/create/destroy/snapshot call) first asks
 *     if (hv_eng_fault("netlink:newlink")) -> fail as if the call returned EIO
 * and then takes its normal error path. Tests drive the seam from the environment:
 *   HVSH_FAULT_AT=N       the Nth counted call fails (1-based; unset/0 = never)
 *   HVSH_FAULT_SITE=GLOB  count only calls whose site matches the fnmatch(3) glob
 *   HVSH_FAULT_COUNT=1    at exit, print "hvsh-fault: N calls: site site ..." to stderr
 *                         (the counted calls in order), so a test knows how many steps a
 *                         command takes and can then fail each of them in turn.
 * Without those variables the seam costs one branch. Sites are "<area>:<operation>":
 * netlink:newlink netlink:dellink netlink:newaddr netlink:deladdr netlink:newroute
 * netlink:delroute sysctl:ip_forward nft:batch file:netstate file:resolv.conf exec:resolvectl
 * virt:<call>.
 */
#ifndef HV_FAULT_H
#define HV_FAULT_H

#include <stdbool.h>

/* true when this call of `site` is the one to fail; errno is then set to EIO. */
bool hv_eng_fault(const char *site);
/* Is fault injection (or counting) switched on in this process? */
bool hv_eng_fault_active(void);
/* The site whose call was failed, NULL if none yet: for messages of libraries that keep
 * their own error state (libvirt's last error is not set by an injected failure). */
const char *hv_eng_fault_fired(void);

#endif
