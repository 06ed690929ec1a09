/* fault.c — see fault.h. The seam keeps a process-wide counter: the one piece of global
 * state here, on purpose, because the seam must count across every engine call of the
 * process without threading a context through language-free engine functions. */
#include "engine/fault.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAULT_LOG_MAX 4096

static struct {
    int init;          /* 0 = env not read yet, 1 = inactive, 2 = active */
    unsigned long at;  /* fail this call (1-based), 0 = never */
    const char *glob;  /* count only matching sites, NULL = all */
    bool report;       /* print the count at exit */
    unsigned long calls;
    char fired[64];    /* the site failed, "" if none */
    char log[FAULT_LOG_MAX];
    size_t loglen;
} fault;

static void
fault_report(void)
{
    fprintf(stderr, "hvsh-fault: %lu calls:%s\n", fault.calls, fault.log);
}

static void
fault_init(void)
{
    const char *at = getenv("HVSH_FAULT_AT");
    const char *count = getenv("HVSH_FAULT_COUNT");
    const char *glob = getenv("HVSH_FAULT_SITE");
    fault.at = at ? strtoul(at, NULL, 10) : 0;
    fault.glob = glob && *glob ? glob : NULL;
    fault.report = count && !strcmp(count, "1");
    fault.init = (fault.at || fault.report) ? 2 : 1;
    if (fault.report)
        atexit(fault_report);
}

bool
hv_eng_fault(const char *site)
{
    if (fault.init == 0)
        fault_init();
    if (fault.init == 1)
        return false;
    if (fault.glob && fnmatch(fault.glob, site, 0) != 0)
        return false;
    fault.calls++;
    size_t n = strlen(site);
    if (fault.loglen + n + 2 < FAULT_LOG_MAX) {
        fault.log[fault.loglen++] = ' ';
        memcpy(fault.log + fault.loglen, site, n + 1);
        fault.loglen += n;
    }
    if (fault.calls != fault.at)
        return false;
    snprintf(fault.fired, sizeof fault.fired, "%s", site);
    errno = EIO;
    return true;
}

bool
hv_eng_fault_active(void)
{
    if (fault.init == 0)
        fault_init();
    return fault.init == 2;
}

const char *
hv_eng_fault_fired(void)
{
    return fault.fired[0] ? fault.fired : NULL;
}
