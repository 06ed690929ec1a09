/* engine_syssvc.c — the `systemctl show` parser and the Windows status / start-type mapping
 * of engine/syssvc.c, on recorded text (this machine's PID 1 is not systemd, so the live
 * path is tested for its error in tests/suites/sys_service.sh). */
#include "engine/syssvc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pass, fail;
#define CHECK(cond, ...)                         \
    do {                                         \
        if (cond) {                              \
            pass++;                              \
            printf("ok - " __VA_ARGS__);         \
        } else {                                 \
            fail++;                              \
            printf("not ok - " __VA_ARGS__);     \
        }                                        \
        printf("\n");                            \
    } while (0)

static const char recorded[] =
    "Id=libvirtd.service\n"
    "Description=libvirt legacy monolithic daemon\n"
    "LoadState=loaded\n"
    "ActiveState=active\n"
    "SubState=running\n"
    "UnitFileState=enabled\n"
    "MainPID=812\n"
    "CanStart=yes\n"
    "CanStop=yes\n"
    "Requires=sysinit.target system.slice libvirtd.socket\n"
    "RequiredBy=\n"
    "\n"
    "Id=cron.service\r\n"
    "Description=Regular background program processing daemon\r\n"
    "ActiveState=inactive\r\n"
    "SubState=dead\r\n"
    "UnitFileState=disabled\r\n"
    "CanStop=no\r\n"
    "\r\n"
    "Description=a record without an Id is skipped\n"
    "\n"
    "Id=journal.service\n"
    "Description=Journal=Service\n"
    "ActiveState=deactivating\n"
    "UnitFileState=static\n"
    "\n"
    "\n"
    "Id=nfs-server.service\n"
    "LoadState=masked\n"
    "ActiveState=activating\n"
    "UnitFileState=masked\n"
    "\n"
    "Id=guests.service\n"
    "ActiveState=failed\n"
    "UnitFileState=enabled-runtime"; /* no final newline */

int
main(void)
{
    hv_sys_svc *v;
    size_t n = hv_sys_svc_parse_show(recorded, &v);
    CHECK(n == 5, "five records with an Id (got %zu)", n);
    if (n != 5)
        goto out;
    CHECK(!strcmp(v[0].name, "libvirtd"), "Id without .service is the Name");
    CHECK(!strcmp(v[0].description, "libvirt legacy monolithic daemon"), "Description");
    CHECK(v[0].main_pid == 812 && v[0].can_stop && v[0].can_start, "MainPID, CanStop, CanStart");
    CHECK(!strcmp(v[0].requires, "sysinit.target system.slice libvirtd.socket"), "Requires kept");
    CHECK(!strcmp(hv_sys_svc_status(&v[0]), "Running"), "active -> Running");
    CHECK(!strcmp(hv_sys_svc_start_type(&v[0]), "Automatic"), "enabled -> Automatic");
    CHECK(!strcmp(v[1].name, "cron") && !strcmp(v[1].active, "inactive"), "CRLF lines parsed");
    CHECK(!v[1].can_stop, "CanStop=no");
    CHECK(!strcmp(hv_sys_svc_status(&v[1]), "Stopped"), "inactive -> Stopped");
    CHECK(!strcmp(hv_sys_svc_start_type(&v[1]), "Disabled"), "disabled -> Disabled");
    CHECK(!strcmp(v[2].description, "Journal=Service"), "value may contain '='");
    CHECK(!strcmp(hv_sys_svc_status(&v[2]), "StopPending"), "deactivating -> StopPending");
    CHECK(!strcmp(hv_sys_svc_start_type(&v[2]), "Manual"), "static -> Manual");
    CHECK(!strcmp(hv_sys_svc_status(&v[3]), "StartPending"), "activating -> StartPending");
    CHECK(!strcmp(hv_sys_svc_start_type(&v[3]), "Disabled"), "masked -> Disabled");
    CHECK(!strcmp(v[4].name, "guests"), "last record without a final newline");
    CHECK(!strcmp(hv_sys_svc_status(&v[4]), "Stopped"), "failed -> Stopped");
    CHECK(!strcmp(hv_sys_svc_start_type(&v[4]), "Automatic"), "enabled-runtime -> Automatic");
out:
    free(v);
    hv_sys_svc *e;
    CHECK(hv_sys_svc_parse_show("", &e) == 0, "empty text: no records");
    free(e);
    printf("%d passed, %d failed\n", pass, fail);
    return fail != 0;
}
