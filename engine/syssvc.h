/* syssvc.h — services through systemd: `systemctl` run with posix_spawn and an argv (never
 * a shell). $HVSH_SYSTEMCTL names another program to run instead of `systemctl` on PATH
 * (tests use a recorder). Unit "foo.service" is the service "foo".
 * 0 / -1 with *err (engerr.h); systemctl's stderr becomes the message. */
#ifndef HV_SYSSVC_H
#define HV_SYSSVC_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/engerr.h"

typedef struct {
    char name[256];          /* without ".service" */
    char description[512];
    char active[32];         /* ActiveState: active, inactive, failed, activating ... */
    char sub[32];            /* SubState: running, exited, dead ... */
    char file_state[32];     /* UnitFileState: enabled, disabled, static, masked ... */
    char load[32];           /* LoadState: loaded, not-found, masked */
    int main_pid;
    bool can_stop, can_start;
    char requires[512];      /* Requires= (space separated units) */
    char required_by[512];   /* RequiredBy= */
} hv_sys_svc;

/* Parse `systemctl show` output (records of Key=Value lines separated by blank lines) into
 * malloc'd records; records without Id are skipped. Returns the count. */
size_t hv_sys_svc_parse_show(const char *text, hv_sys_svc **out);
/* Windows status / start type of a record. */
const char *hv_sys_svc_status(const hv_sys_svc *s);     /* Running, Stopped, StartPending, StopPending */
const char *hv_sys_svc_start_type(const hv_sys_svc *s); /* Automatic, Manual, Disabled */

/* Every installed service (list-unit-files, then show). */
int hv_sys_svc_list(hv_sys_svc **out, size_t *n, hv_eng_err *err);
/* One service by name (NOT_FOUND when systemd has no such unit). */
int hv_sys_svc_get(const char *name, hv_sys_svc *out, hv_eng_err *err);
/* verb: start, stop, restart, enable, disable, mask, unmask; unit name without ".service". */
int hv_sys_svc_action(const char *verb, const char *name, hv_eng_err *err);
/* `systemctl reboot` / `systemctl poweroff` (verb). */
int hv_sys_svc_power(const char *verb, hv_eng_err *err);
/* `hostnamectl set-hostname <name>` ($HVSH_HOSTNAMECTL names another program). */
int hv_sys_set_hostname(const char *name, hv_eng_err *err);
/* The program that is run (for messages): $HVSH_SYSTEMCTL or "systemctl". */
const char *hv_sys_svc_program(void);

#endif
