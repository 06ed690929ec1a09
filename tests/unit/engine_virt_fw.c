/* engine_virt_fw.c — firmware/BIOS, integration services, disk moves and SCSI controllers of
 * the libvirt engine, against the test driver and tests/fixtures/lab.xml. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/virt.h"

static int passed, failed;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (cond) {                                                                                \
            passed++;                                                                              \
            printf("ok - ");                                                                       \
        } else {                                                                                   \
            failed++;                                                                              \
            printf("not ok - ");                                                                   \
        }                                                                                          \
        printf(__VA_ARGS__);                                                                       \
        printf("\n");                                                                              \
    } while (0)

#define WEB "11111111-2222-3333-4444-000000000001"
#define DB  "11111111-2222-3333-4444-000000000002"

static const hv_fw_set keep = {.secure_boot = -1,
                               .net_protocol = -1,
                               .console_mode = -1,
                               .pause_after_failure = -1,
                               .numlock = -1};

static void
test_bios(hv_virt *v)
{
    hv_vm_fw f;
    hv_eng_err err = {0};
    CHECK(hv_virt_fw_get(v, WEB, &f, &err) == 0 && f.generation == 1, "web01 is generation 1");
    /* no <os><boot>: libvirt boots from hd, the rest follow in Hyper-V's default order */
    CHECK(f.startup[0] == HV_BIOS_IDE && f.startup[1] == HV_BIOS_CD &&
              f.startup[2] == HV_BIOS_LEGACY && f.startup[3] == HV_BIOS_FLOPPY && !f.numlock,
          "default startup order IDE, CD, Legacy, Floppy");
    CHECK(f.n_boot == 1 && !f.boot[0].network && !strcmp(f.boot[0].id, "hda"),
          "boot devices: the IDE disk");
    hv_virt_fw_clear(&f);
    hv_fw_set s = keep;
    int order[4] = {HV_BIOS_LEGACY, HV_BIOS_CD, HV_BIOS_FLOPPY, HV_BIOS_IDE};
    s.startup = order;
    s.numlock = 1;
    CHECK(hv_virt_fw_set(v, WEB, &s, &err) == 0, "set startup order + NumLock (%s)", err.msg);
    CHECK(hv_virt_fw_get(v, WEB, &f, &err) == 0 && f.startup[0] == HV_BIOS_LEGACY &&
              f.startup[3] == HV_BIOS_IDE && f.numlock,
          "startup order and NumLock read back");
    CHECK(f.n_boot == 2 && f.boot[0].network && !strcmp(f.boot[0].id, "00:15:5d:00:00:01") &&
              !strcmp(f.boot[1].id, "hda"),
          "network first, then the disk");
    hv_virt_fw_clear(&f);
    int bad[4] = {HV_BIOS_CD, HV_BIOS_CD, HV_BIOS_IDE, HV_BIOS_FLOPPY};
    s.startup = bad;
    CHECK(hv_virt_fw_set(v, WEB, &s, &err) < 0 && err.code == HV_VIRT_E_INVALID,
          "a repeated device is refused");
    s = keep;
    s.secure_boot = 1;
    CHECK(hv_virt_fw_set(v, WEB, &s, &err) < 0 && err.code == HV_VIRT_E_UNSUPPORTED,
          "secure boot on a generation 1 VM is refused");
}

static void
test_uefi(hv_virt *v)
{
    hv_vm_spec spec = {.name = "g2", .generation = 2, .boot_device = -1};
    char uuid[37];
    hv_eng_err err = {0};
    CHECK(hv_virt_vm_create(v, &spec, uuid, &err) == 0, "create a generation 2 VM (%s)", err.msg);
    hv_disk_spec d1 = {.path = "/var/lib/hvsh/g2.qcow2",
                       .controller_type = 1,
                       .controller_number = -1,
                       .controller_location = -1};
    hv_disk_spec d2 = {.path = "/srv/iso/x.iso",
                       .dvd = true,
                       .controller_type = 1,
                       .controller_number = -1,
                       .controller_location = -1};
    CHECK(hv_virt_disk_add(v, uuid, &d1, &err) == 0 && hv_virt_disk_add(v, uuid, &d2, &err) == 0,
          "a disk and a DVD drive");
    hv_vm_fw f;
    CHECK(hv_virt_fw_get(v, uuid, &f, &err) == 0 && f.generation == 2 && !f.secure_boot &&
              !strcmp(f.template_name, "MicrosoftWindows") && f.net_protocol == 0,
          "UEFI, secure boot off, default template");
    hv_boot_entry dvd = {.dvd = true};
    snprintf(dvd.id, sizeof dvd.id, "%s", "sdb");
    hv_virt_fw_clear(&f);
    hv_fw_set s = keep;
    s.secure_boot = 1;
    s.template_name = "opensourceshieldedvm";
    s.first = &dvd;
    s.net_protocol = 1;
    CHECK(hv_virt_fw_set(v, uuid, &s, &err) == 0, "secure boot, template, first device (%s)",
          err.msg);
    CHECK(hv_virt_fw_get(v, uuid, &f, &err) == 0 && f.secure_boot &&
              !strcmp(f.template_name, "OpenSourceShieldedVM") && f.net_protocol == 1 &&
              f.n_boot == 2 && f.boot[0].dvd && !strcmp(f.boot[1].id, "sda"),
          "read back: the DVD boots first, the template is canonical");
    hv_virt_fw_clear(&f);
    hv_boot_entry gone = {.network = false};
    snprintf(gone.id, sizeof gone.id, "%s", "sdz");
    s = keep;
    s.secure_boot = 0;
    s.boot = &gone;
    s.n_boot = 1;
    s.set_boot = true;
    CHECK(hv_virt_fw_set(v, uuid, &s, &err) < 0 && err.code == HV_VIRT_E_NOT_FOUND,
          "an absent boot device is refused");
    CHECK(hv_virt_fw_get(v, uuid, &f, &err) == 0 && f.secure_boot,
          "nothing changed by the refused edit");
    hv_virt_fw_clear(&f);
    s = keep;
    s.template_name = "Nope";
    CHECK(hv_virt_fw_set(v, uuid, &s, &err) < 0 && err.code == HV_VIRT_E_INVALID,
          "an unknown template is refused");
    int order[4] = {0, 1, 2, 3};
    s = keep;
    s.startup = order;
    CHECK(hv_virt_fw_set(v, uuid, &s, &err) < 0 && err.code == HV_VIRT_E_UNSUPPORTED,
          "a BIOS order on a generation 2 VM is refused");
    /* a new VM has the guest agent channel: Hyper-V's default services */
    unsigned en;
    bool agent;
    CHECK(hv_virt_integ_get(v, uuid, &en, &agent, &err) == 0 && agent &&
              en == (HV_INTEG_HEARTBEAT | HV_INTEG_KVP | HV_INTEG_SHUTDOWN | HV_INTEG_TIMESYNC |
                     HV_INTEG_VSS),
          "new VM: agent channel, every service but Guest Service Interface");
    CHECK(hv_virt_vm_remove(v, uuid, &err) == 0, "remove g2");
}

static void
test_integ(hv_virt *v)
{
    unsigned en;
    bool agent, conn;
    hv_eng_err err = {0};
    CHECK(hv_virt_integ_get(v, DB, &en, &agent, &err) == 0 && !agent && en == HV_INTEG_SHUTDOWN,
          "db01 without an agent channel: only Shutdown");
    CHECK(hv_virt_integ_set(v, DB, HV_INTEG_HEARTBEAT | HV_INTEG_GSI, 0, &err) == 0,
          "enable Heartbeat + Guest Service Interface (%s)", err.msg);
    CHECK(hv_virt_integ_get(v, DB, &en, &agent, &err) == 0 && agent &&
              en == (HV_INTEG_HEARTBEAT | HV_INTEG_GSI | HV_INTEG_SHUTDOWN),
          "the channel is defined; the others stay off");
    hv_vm_state st;
    CHECK(hv_virt_vm_agent(v, DB, &st, &conn, &err) == 0 && st == HV_VM_RUNNING && !conn,
          "running db01's live definition has no channel yet (next boot)");
    CHECK(hv_virt_integ_set(v, DB, 0, HV_INTEG_HEARTBEAT | HV_INTEG_GSI, &err) == 0 &&
              hv_virt_integ_get(v, DB, &en, &agent, &err) == 0 && !agent && en == HV_INTEG_SHUTDOWN,
          "disabling the last agent service removes the channel");
    CHECK(!strcmp(hv_virt_integ_names[HV_INTEG_N - 1], "VSS") &&
              !strcmp(hv_virt_integ_names[0], "Guest Service Interface"),
          "Hyper-V's service names in order");
}

static void
test_disks(hv_virt *v)
{
    bool have[4];
    hv_eng_err err = {0};
    CHECK(hv_virt_scsi_list(v, WEB, have, &err) == 0 && !have[0] && !have[1],
          "web01 has no SCSI controller");
    int n = -1;
    CHECK(hv_virt_scsi_add(v, WEB, &n, &err) == 0 && n == 0 &&
              hv_virt_scsi_add(v, WEB, &n, &err) == 0 && n == 1,
          "two controllers added (0, 1)");
    char tgt[16];
    hv_disk_set s = {
        .to_type = 1, .to_number = 1, .to_location = 3, .path = "/var/lib/hvsh/n.qcow2"};
    CHECK(hv_virt_disk_set(v, WEB, "hda", &s, tgt, &err) == 0 && !strcmp(tgt, "sdp"),
          "IDE disk moved to SCSI 1:3 with a new file (%s, %s)", tgt, err.msg);
    hv_vm vm;
    CHECK(hv_virt_get_vm(v, WEB, &vm, &err) == 0 && vm.n_disks == 1 &&
              vm.disks[0].controller_type == 1 && vm.disks[0].controller_number == 1 &&
              vm.disks[0].controller_location == 3 &&
              !strcmp(vm.disks[0].path, "/var/lib/hvsh/n.qcow2"),
          "read back on SCSI 1:3");
    hv_virt_vm_clear(&vm);
    hv_disk_spec add = {.path = "/var/lib/hvsh/o.qcow2",
                        .controller_type = 1,
                        .controller_number = 0,
                        .controller_location = 0};
    CHECK(hv_virt_disk_add(v, WEB, &add, &err) == 0, "a second disk on SCSI 0:0");
    hv_disk_set clash = {.to_type = -1, .to_number = 0, .to_location = 0};
    CHECK(hv_virt_disk_set(v, WEB, "sdp", &clash, tgt, &err) < 0 && err.code == HV_VIRT_E_EXISTS,
          "moving onto a used slot is refused");
    CHECK(hv_virt_scsi_remove(v, WEB, 1, &err) == 0 && hv_virt_scsi_list(v, WEB, have, &err) == 0 &&
              have[0] && !have[1],
          "controller 1 removed");
    CHECK(hv_virt_get_vm(v, WEB, &vm, &err) == 0 && vm.n_disks == 1 &&
              !strcmp(vm.disks[0].path, "/var/lib/hvsh/o.qcow2"),
          "with its drive");
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_scsi_remove(v, WEB, 2, &err) < 0 && err.code == HV_VIRT_E_NOT_FOUND,
          "an absent controller");
    CHECK(hv_virt_scsi_add(v, DB, &n, &err) < 0 && err.code == HV_VIRT_E_STATE,
          "no controller changes while running");
}

static void
test_sec_com(hv_virt *v)
{
    hv_vm_spec spec = {.name = "sec", .generation = 2, .boot_device = -1};
    char uuid[37];
    hv_eng_err err = {0};
    CHECK(hv_virt_vm_create(v, &spec, uuid, &err) == 0, "create sec (%s)", err.msg);
    hv_sec_set on = {.tpm = 1, .encrypt_traffic = -1, .vbs_optout = -1};
    CHECK(hv_virt_sec_set(v, uuid, &on, &err) < 0 && err.code == HV_VIRT_E_INVALID,
          "no vTPM without a key protector");
    hv_sec_set key = {.tpm = -1, .new_key_protector = true, .encrypt_traffic = 1, .vbs_optout = -1};
    hv_vm_sec s;
    CHECK(hv_virt_sec_set(v, uuid, &key, &err) == 0 && hv_virt_sec_get(v, uuid, &s, &err) == 0 &&
              strlen(s.key_protector) == 64 && s.encrypt_traffic && !s.tpm,
          "key protector (32 bytes) and a recorded switch");
    char k1[65];
    memcpy(k1, s.key_protector, sizeof k1);
    CHECK(hv_virt_sec_set(v, uuid, &on, &err) == 0 && hv_virt_sec_get(v, uuid, &s, &err) == 0 &&
              s.tpm && !strcmp(s.key_protector, k1),
          "vTPM on, same key");
    CHECK(hv_virt_sec_set(v, WEB, &on, &err) < 0 && err.code == HV_VIRT_E_UNSUPPORTED,
          "no vTPM on generation 1");
    char p[2][512];
    setenv("HVSH_PIPE_DIR", "/run/x", 1);
    CHECK(hv_virt_com_set(v, uuid, 1, "\\\\.\\pipe\\c1", &err) == 0 &&
              hv_virt_com_get(v, uuid, p, &err) == 0 && !strcmp(p[0], "\\\\.\\pipe\\c1") &&
              !p[1][0],
          "COM 1 on a named pipe (%s)", err.msg);
    setenv("HVSH_PIPE_DIR", "/run/y", 1);
    CHECK(hv_virt_com_get(v, uuid, p, &err) == 0 && !strcmp(p[0], "/run/x/c1"),
          "a pipe dir change shows the socket the VM really has");
    CHECK(hv_virt_com_set(v, uuid, 1, "\\\\srv\\pipe\\c1", &err) < 0 &&
              err.code == HV_VIRT_E_INVALID,
          "a remote pipe is refused");
    CHECK(hv_virt_com_set(v, uuid, 1, "", &err) == 0 && hv_virt_com_get(v, uuid, p, &err) == 0 &&
              !p[0][0],
          "disconnected");
    CHECK(hv_virt_com_set(v, DB, 2, "/tmp/x", &err) < 0 && err.code == HV_VIRT_E_STATE,
          "no COM change while running");
    CHECK(hv_virt_vm_remove(v, uuid, &err) == 0, "remove sec");
}

static void
test_hostcfg(void)
{
    char dir[] = "/tmp/hvsh-unit-hostcfg-XXXXXX";
    if (!mkdtemp(dir)) {
        CHECK(0, "mkdtemp");
        return;
    }
    setenv("HVSH_STATE_DIR", dir, 1);
    hv_vmhost_cfg c;
    hv_eng_err err = {0};
    CHECK(hv_virt_hostcfg_load("h1", &c, &err) == 0 &&
              !strcmp(c.vhd_path, "/var/lib/libvirt/images") && !strcmp(c.mac_min, "00155D000000"),
          "defaults without a file");
    snprintf(c.vhd_path, sizeof c.vhd_path, "/srv/vhd");
    c.enhanced_session = true;
    CHECK(hv_virt_hostcfg_save("h1", &c, &err) == 0, "saved (%s)", err.msg);
    hv_vmhost_cfg other;
    hv_virt_hostcfg_defaults(&other);
    snprintf(other.mac_min, sizeof other.mac_min, "00155DFF0000");
    CHECK(hv_virt_hostcfg_save("h2", &other, &err) == 0, "a second host");
    CHECK(hv_virt_hostcfg_load("h1", &c, &err) == 0 && !strcmp(c.vhd_path, "/srv/vhd") &&
              c.enhanced_session && !strcmp(c.mac_min, "00155D000000"),
          "each host keeps its own settings");
    snprintf(other.mac_max, sizeof other.mac_max, "00155DFE0000");
    CHECK(hv_virt_hostcfg_save("h2", &other, &err) < 0 && err.code == HV_VIRT_E_INVALID,
          "a reversed MAC range is refused");
    CHECK(hv_virt_hostcfg_load("h2", &c, &err) == 0 && !strcmp(c.mac_max, "00155DFFFFFF"),
          "and nothing was written");
    char f[256];
    snprintf(f, sizeof f, "%s/vmhost.json", dir);
    unlink(f);
    snprintf(f, sizeof f, "%s/vmhost.lock", dir);
    unlink(f);
    rmdir(dir);
    unsetenv("HVSH_STATE_DIR");
}

int
main(void)
{
    char uri[2 * PATH_MAX + 64], cwd[PATH_MAX];
    const char *src = __FILE__;
    if (src[0] == '/')
        snprintf(uri, sizeof uri, "test://%.*s/../fixtures/lab.xml", (int)(strrchr(src, '/') - src),
                 src);
    else if (getcwd(cwd, sizeof cwd))
        snprintf(uri, sizeof uri, "test://%s/%.*s/../fixtures/lab.xml", cwd,
                 (int)(strrchr(src, '/') - src), src);
    char real[PATH_MAX];
    if (realpath(uri + 7, real))
        snprintf(uri, sizeof uri, "test://%s", real);
    hv_eng_err err = {0};
    hv_virt *v = hv_virt_open(uri, &err);
    CHECK(v != NULL, "open %s (%s)", uri, err.msg);
    if (!v) {
        printf("%d passed, %d failed\n", passed, failed);
        return 1;
    }
    test_bios(v);
    test_uefi(v);
    test_integ(v);
    test_disks(v);
    test_sec_com(v);
    test_hostcfg();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
