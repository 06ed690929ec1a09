/* engine_virt.c — the libvirt engine against the test driver and tests/fixtures/lab.xml. */
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

static const hv_vm *
find(const hv_vm *vms, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(vms[i].name, name))
            return &vms[i];
    return NULL;
}

static int
get(hv_virt *v, const char *uuid, hv_vm *vm)
{
    hv_eng_err err = {0};
    return hv_virt_get_vm(v, uuid, vm, &err);
}

#define WEB "11111111-2222-3333-4444-000000000001"
#define DB  "11111111-2222-3333-4444-000000000002"
#define MY  "11111111-2222-3333-4444-000000000003"

static void
test_list(hv_virt *v)
{
    hv_vm *vms;
    size_t n;
    hv_eng_err err = {0};
    CHECK(hv_virt_list_vms(v, &vms, &n, &err) == 0 && n == 3, "list 3 domains (%s)", err.msg);
    CHECK(n == 3 && !strcmp(vms[0].name, "db01") && !strcmp(vms[1].name, "My VM (1)"),
          "sorted case-insensitively");
    const hv_vm *web = find(vms, n, "web01"), *db = find(vms, n, "db01"),
                *my = find(vms, n, "My VM (1)");
    CHECK(web && web->state == HV_VM_OFF && web->vcpus == 2 && web->mem_startup == 2048ull << 20,
          "web01 off, 2 vCPU, 2 GB");
    CHECK(web && web->n_nics == 1 && !web->nics[0].mac_spoofing &&
              !strcmp(web->nics[0].switch_name, "VmNAT") &&
              !strcmp(web->nics[0].mac, "00:15:5d:00:00:01"),
          "web01 NIC on VmNAT with the no-mac-spoofing filter");
    CHECK(web && web->n_disks == 1 && web->disks[0].controller_type == 0 &&
              !strcmp(web->disks[0].path, "/var/lib/hvsh/web01.qcow2"),
          "web01 has an IDE disk");
    CHECK(db && db->state == HV_VM_RUNNING && db->nested && db->nested_live &&
              db->mem_assigned == 4096ull << 20,
          "db01 running, nested, 4 GB assigned");
    CHECK(my && my->dynamic_memory && my->mem_startup == 1024ull << 20 &&
              my->mem_maximum == 8192ull << 20 && my->mem_minimum == 512ull << 20,
          "dynamic memory read from metadata");
    CHECK(my && my->n_nics == 1 && !strcmp(my->nics[0].name, "Front End") &&
              !my->nics[0].dynamic_mac && my->nics[0].mac_spoofing &&
              !strcmp(my->nics[0].switch_name, "Lab Private"),
          "adapter name, static MAC, switch name through the bridge map");
    CHECK(my && my->notes && strstr(my->notes, "Größe"), "Unicode notes");
    hv_virt_vms_free(vms, n);
}

static void
test_processor(hv_virt *v)
{
    hv_eng_err err = {0};
    bool warn = false;
    hv_proc_set on = {.count = -1, .nested = 1, .reserve = -1, .maximum = -1, .weight = -1};
    CHECK(hv_virt_set_processor(v, WEB, &on, &warn, &err) == 0, "nested on while off (%s)",
          err.msg);
    hv_vm vm;
    get(v, WEB, &vm);
    CHECK(vm.nested, "web01 nested after redefinition");
    CHECK(!strcmp(vm.uuid, WEB), "UUID kept");
    hv_virt_vm_clear(&vm);
    hv_proc_set off = {.count = -1, .nested = 0, .reserve = -1, .maximum = -1, .weight = -1};
    memset(&err, 0, sizeof err);
    CHECK(hv_virt_set_processor(v, DB, &off, &warn, &err) == -1 && err.code == HV_VIRT_E_STATE,
          "refused on a running VM");
    get(v, DB, &vm);
    CHECK(vm.nested, "db01 unchanged");
    hv_virt_vm_clear(&vm);
    hv_proc_set cnt = {.count = 9999, .nested = -1, .reserve = -1, .maximum = -1, .weight = -1};
    CHECK(hv_virt_set_processor(v, WEB, &cnt, &warn, &err) == -1 && err.code == HV_VIRT_E_INVALID,
          "count out of range: %s", err.msg);
    cnt.count = 1;
    CHECK(hv_virt_set_processor(v, WEB, &cnt, &warn, &err) == 0, "count 1");
    get(v, WEB, &vm);
    CHECK(vm.vcpus == 1 && vm.nested, "count 1, nested kept");
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_set_processor(v, WEB, &off, &warn, &err) == 0, "nested off");
    get(v, WEB, &vm);
    CHECK(!vm.nested, "nested off read back");
    hv_virt_vm_clear(&vm);
}

static void
test_memory(hv_virt *v)
{
    hv_eng_err err = {0};
    hv_mem_set s = {.dynamic = -1,
                    .startup = 1024ll << 20,
                    .minimum = -1,
                    .maximum = -1,
                    .buffer = -1,
                    .priority = -1};
    CHECK(hv_virt_set_memory(v, DB, &s, &err) == -1 && err.code == HV_VIRT_E_STATE,
          "memory refused on running nested VM: %s", err.msg);
    s.startup = 1000001;
    CHECK(hv_virt_set_memory(v, WEB, &s, &err) == -1 && err.code == HV_VIRT_E_INVALID,
          "not a multiple of 2 MB");
    s = (hv_mem_set){.dynamic = 1,
                     .startup = 1024ll << 20,
                     .minimum = 512ll << 20,
                     .maximum = 4096ll << 20,
                     .buffer = 30,
                     .priority = 80};
    CHECK(hv_virt_set_memory(v, WEB, &s, &err) == 0, "dynamic on (%s)", err.msg);
    hv_vm vm;
    get(v, WEB, &vm);
    CHECK(vm.dynamic_memory && vm.mem_startup == 1024ull << 20 && vm.mem_maximum == 4096ull << 20 &&
              vm.mem_minimum == 512ull << 20 && vm.mem_buffer == 30 && vm.mem_priority == 80,
          "dynamic memory round trip");
    hv_virt_vm_clear(&vm);
    s = (hv_mem_set){.dynamic = -1,
                     .startup = -1,
                     .minimum = 2048ll << 20,
                     .maximum = -1,
                     .buffer = -1,
                     .priority = -1};
    CHECK(hv_virt_set_memory(v, WEB, &s, &err) == -1 && err.code == HV_VIRT_E_INVALID,
          "minimum above startup refused");
    s = (hv_mem_set){.dynamic = 0,
                     .startup = 2048ll << 20,
                     .minimum = -1,
                     .maximum = -1,
                     .buffer = -1,
                     .priority = -1};
    CHECK(hv_virt_set_memory(v, WEB, &s, &err) == 0, "static 2 GB");
    get(v, WEB, &vm);
    CHECK(!vm.dynamic_memory && vm.mem_startup == 2048ull << 20, "static read back");
    hv_virt_vm_clear(&vm);
}

static void
test_nics(hv_virt *v)
{
    hv_eng_err err = {0};
    hv_nic_set s = {.mac_spoofing = 1, .vlan = -2, .connect = -1};
    CHECK(hv_virt_nic_set(v, DB, "00:15:5D:00:00:02", &s, NULL, &err) == 0,
          "spoofing on while running (%s)", err.msg);
    hv_vm vm;
    get(v, DB, &vm);
    CHECK(vm.nics[0].mac_spoofing, "filter removed");
    hv_virt_vm_clear(&vm);
    s.mac_spoofing = 0;
    CHECK(hv_virt_nic_set(v, DB, "00:15:5d:00:00:02", &s, NULL, &err) == 0, "spoofing off");
    get(v, DB, &vm);
    CHECK(!vm.nics[0].mac_spoofing, "filter back");
    hv_virt_vm_clear(&vm);
    hv_nic_spec add = {.name = "Second", .static_mac = "00155D0A0B0C", .bridge = "vsprivate"};
    char mac[18];
    CHECK(hv_virt_nic_add(v, WEB, &add, mac, &err) == 0 && !strcmp(mac, "00:15:5d:0a:0b:0c"),
          "add adapter with static MAC");
    CHECK(hv_virt_nic_add(v, WEB, &add, mac, &err) == -1 && err.code == HV_VIRT_E_EXISTS,
          "duplicate MAC refused");
    hv_nic_set vl = {.mac_spoofing = -1, .vlan = 42, .connect = 0, .new_name = "Renamed"};
    CHECK(hv_virt_nic_set(v, WEB, "00:15:5d:0a:0b:0c", &vl, NULL, &err) == 0, "vlan/disconnect");
    get(v, WEB, &vm);
    CHECK(vm.n_nics == 2 && vm.nics[1].vlan == 42 && !vm.nics[1].switch_name &&
              !strcmp(vm.nics[1].name, "Renamed") && !vm.nics[1].dynamic_mac &&
              !vm.nics[1].mac_spoofing,
          "second adapter: vlan 42, disconnected, renamed, spoofing off by default");
    hv_virt_vm_clear(&vm);
    hv_nic_set mc = {
        .mac_spoofing = -1, .vlan = -2, .connect = -1, .static_mac = "00-15-5D-00-00-02"};
    CHECK(hv_virt_nic_set(v, DB, "00:15:5d:00:00:02", &mc, NULL, &err) == 0,
          "same MAC while running is no change");
    mc.static_mac = "00155D000099";
    CHECK(hv_virt_nic_set(v, DB, "00:15:5d:00:00:02", &mc, NULL, &err) == -1 &&
              err.code == HV_VIRT_E_STATE,
          "MAC change refused while running");
    CHECK(hv_virt_nic_remove(v, WEB, "00:15:5d:0a:0b:0c", &err) == 0, "remove adapter");
    CHECK(hv_virt_nic_remove(v, WEB, "00:15:5d:0a:0b:0c", &err) == -1 &&
              err.code == HV_VIRT_E_NOT_FOUND,
          "remove again: not found");
}

static void
test_lifecycle(hv_virt *v)
{
    hv_eng_err err = {0};
    hv_vm_spec spec = {.name = "New VM (Ä)",
                       .memory_startup = 1024ull << 20,
                       .generation = 2,
                       .switch_network = "VmNAT",
                       .boot_device = -1};
    char uuid[37];
    CHECK(hv_virt_vm_create(v, &spec, uuid, &err) == 0, "create (%s)", err.msg);
    CHECK(hv_virt_vm_create(v, &spec, uuid, &err) == -1 && err.code == HV_VIRT_E_EXISTS,
          "duplicate name refused");
    hv_vm_spec bad = {.name = "a/b"};
    CHECK(hv_virt_vm_create(v, &bad, uuid, &err) == -1 && err.code == HV_VIRT_E_INVALID,
          "name with / refused");
    hv_vm vm;
    get(v, uuid, &vm);
    CHECK(vm.state == HV_VM_OFF && vm.generation == 2 && vm.n_nics == 1 &&
              !vm.nics[0].mac_spoofing && !strcmp(vm.nics[0].switch_name, "VmNAT"),
          "new VM: off, gen 2, one adapter with the filter");
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_vm_start(v, uuid, &err) == 0, "start");
    get(v, uuid, &vm);
    CHECK(vm.state == HV_VM_RUNNING && vm.started > 0, "running with start time");
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_vm_start(v, uuid, &err) == -1 && err.code == HV_VIRT_E_STATE, "start again");
    CHECK(hv_virt_vm_suspend(v, uuid, &err) == 0, "suspend");
    get(v, uuid, &vm);
    CHECK(vm.state == HV_VM_PAUSED, "paused");
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_vm_resume(v, uuid, &err) == 0, "resume");
    CHECK(hv_virt_vm_save(v, uuid, &err) == 0, "save");
    get(v, uuid, &vm);
    CHECK(vm.state == HV_VM_SAVED, "saved");
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_vm_remove_saved(v, uuid, &err) == 0, "remove saved state");
    get(v, uuid, &vm);
    CHECK(vm.state == HV_VM_OFF, "off after discarding saved state");
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_vm_start(v, uuid, &err) == 0 && hv_virt_vm_reset(v, uuid, &err) == 0,
          "restart (reset)");
    CHECK(hv_virt_vm_shutdown(v, uuid, 2000, &err) == 0, "graceful shutdown");
    CHECK(hv_virt_snap_create(v, uuid, "Before update", &err) == 0, "checkpoint");
    CHECK(hv_virt_snap_create(v, uuid, "Second", &err) == 0, "second checkpoint");
    hv_snap *sn;
    size_t nsn;
    CHECK(hv_virt_snap_list(v, uuid, &sn, &nsn, &err) == 0 && nsn == 2 &&
              !strcmp(sn[1].parent, "Before update") && sn[1].current,
          "checkpoints listed with parent");
    hv_virt_snaps_free(sn, nsn);
    get(v, uuid, &vm);
    CHECK(vm.current_snapshot && !strcmp(vm.current_snapshot, "Second"), "current checkpoint");
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_snap_revert(v, uuid, "Before update", &err) == 0, "restore checkpoint");
    CHECK(hv_virt_snap_delete(v, uuid, "Second", false, &err) == 0, "delete checkpoint");
    CHECK(hv_virt_snap_delete(v, uuid, "Nope", false, &err) == -1 &&
              err.code == HV_VIRT_E_NOT_FOUND,
          "missing checkpoint");
    hv_vm_set vs = {
        .notes = "hello", .new_name = "Renamed VM", .auto_start_delay = 5, .auto_stop = "ShutDown"};
    CHECK(hv_virt_set_vm(v, uuid, &vs, &err) == 0, "rename + notes (%s)", err.msg);
    get(v, uuid, &vm);
    CHECK(!strcmp(vm.name, "Renamed VM") && !strcmp(vm.notes, "hello") &&
              !strcmp(vm.auto_stop, "ShutDown") && !strcmp(vm.uuid, uuid),
          "renamed with the same UUID");
    hv_virt_vm_clear(&vm);
    hv_disk_spec dk = {.path = "/tmp/x.iso",
                       .dvd = true,
                       .controller_type = 0,
                       .controller_number = 1,
                       .controller_location = 0};
    CHECK(hv_virt_disk_add(v, uuid, &dk, &err) == -1, "IDE refused on generation 2: %s", err.msg);
    dk.controller_type = 1;
    CHECK(hv_virt_disk_add(v, uuid, &dk, &err) == 0, "add DVD on SCSI (%s)", err.msg);
    get(v, uuid, &vm);
    CHECK(vm.n_disks == 1 && vm.disks[0].is_dvd && vm.disks[0].controller_number == 1,
          "DVD read back");
    char target[16];
    snprintf(target, sizeof target, "%s", vm.disks[0].target);
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_dvd_set(v, uuid, target, NULL, &err) == 0, "eject");
    CHECK(hv_virt_disk_remove(v, uuid, target, &err) == 0, "remove DVD");
    CHECK(hv_virt_vm_remove(v, uuid, &err) == 0, "remove VM with checkpoints (%s)", err.msg);
    CHECK(hv_virt_get_vm(v, uuid, &vm, &err) == -1 && err.code == HV_VIRT_E_NOT_FOUND, "gone");
}

static void
test_switches(hv_virt *v)
{
    hv_eng_err err = {0};
    hv_switch *sw;
    size_t n;
    CHECK(hv_virt_switch_list(v, &sw, &n, &err) == 0 && n == 2, "two networks");
    CHECK(n == 2 && !strcmp(sw[0].name, "Lab Private") && sw[0].type == HV_SW_PRIVATE &&
              sw[1].type == HV_SW_INTERNAL,
          "types derived: isolated without IP = Private, NAT = Internal");
    hv_virt_switches_free(sw, n);
    hv_switch s = {.name = "Default Switch", .type = HV_SW_INTERNAL, .bridge = "vs1a2b3c4d"};
    char uuid[37];
    CHECK(hv_virt_switch_define(v, &s, uuid, &err) == 0, "define mirror (%s)", err.msg);
    CHECK(hv_virt_switch_define(v, &s, uuid, &err) == -1 && err.code == HV_VIRT_E_EXISTS,
          "duplicate switch");
    hv_switch r = s;
    r.name = "Renamed Switch";
    r.type = HV_SW_PRIVATE;
    CHECK(hv_virt_switch_update(v, "default switch", &r, &err) == 0, "rename (%s)", err.msg);
    CHECK(hv_virt_switch_list(v, &sw, &n, &err) == 0 && n == 3 &&
              !strcmp(sw[1].name, "Renamed Switch") && sw[1].type == HV_SW_PRIVATE &&
              !strcmp(sw[1].uuid, uuid) && !strcmp(sw[1].bridge, "vs1a2b3c4d"),
          "renamed with same uuid and bridge");
    hv_virt_switches_free(sw, n);
    /* the bridge map follows switch changes at once (cache invalidated) */
    hv_nic_spec on_sw = {.bridge = "vs1a2b3c4d"};
    char mac2[18];
    hv_vm vm;
    CHECK(hv_virt_nic_add(v, MY, &on_sw, mac2, &err) == 0 && get(v, MY, &vm) == 0 &&
              vm.n_nics == 2 && !strcmp(vm.nics[1].switch_name, "Renamed Switch"),
          "adapter on the renamed switch's bridge reports the new name");
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_switch_undefine(v, "RENAMED SWITCH", &err) == 0, "remove");
    CHECK(get(v, MY, &vm) == 0 && !strcmp(vm.nics[1].switch_name, "vs1a2b3c4d"),
          "without its switch the bridge name is shown");
    hv_virt_vm_clear(&vm);
    CHECK(hv_virt_switch_undefine(v, "Renamed Switch", &err) == -1 &&
              err.code == HV_VIRT_E_NOT_FOUND,
          "remove again: not found");
}

static void
test_vhd(void)
{
    hv_eng_err err = {0};
    char path[] = "/tmp/hvsh-vhd-XXXXXX";
    if (!mkdtemp(path)) {
        CHECK(0, "mkdtemp");
        return;
    }
    char f[PATH_MAX];
    snprintf(f, sizeof f, "%s/disk 1.qcow2", path);
    CHECK(hv_virt_vhd_create(f, 64ull << 20, NULL, false, &err) == 0, "qemu-img create (%s)",
          err.msg);
    hv_vhd d;
    CHECK(hv_virt_vhd_info(f, &d, &err) == 0 && d.size == 64ull << 20 && !strcmp(d.format, "qcow2"),
          "qemu-img info");
    hv_virt_vhd_clear(&d);
    CHECK(hv_virt_vhd_resize(f, 128ull << 20, &err) == 0, "resize");
    CHECK(hv_virt_vhd_info(f, &d, &err) == 0 && d.size == 128ull << 20, "resized");
    hv_virt_vhd_clear(&d);
    CHECK(hv_virt_vhd_create(f, 64ull << 20, NULL, false, &err) == -1 &&
              err.code == HV_VIRT_E_EXISTS,
          "existing file refused");
    CHECK(hv_virt_vhd_info("/nonexistent.qcow2", &d, &err) == -1, "missing file");
    unlink(f);
    rmdir(path);
}

int
main(void)
{
    char uri[2 * PATH_MAX + 64], cwd[PATH_MAX];
    const char *src = __FILE__;
    /* the fixture is next to this file: tests/unit/../fixtures/lab.xml */
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
    CHECK(hv_virt_open(uri, &err) == v, "connection cached per URI");
    CHECK(hv_virt_is_test(v), "test driver detected");
    char *r = hv_virt_remote_uri(NULL, "hv01");
    CHECK(!strcmp(r, "qemu+ssh://hv01/system"), "remote URI default");
    free(r);
    r = hv_virt_remote_uri("test+tcp://%s/default", "127.0.0.1");
    CHECK(!strcmp(r, "test+tcp://127.0.0.1/default"), "remote URI template");
    free(r);
    char m[18];
    CHECK(hv_virt_mac_normalize("00155D0A0B0C", m) && !strcmp(m, "00:15:5d:0a:0b:0c") &&
              !hv_virt_mac_normalize("00155D0A0B0", m),
          "MAC normalisation");
    CHECK(hv_virt_is_local(v), "test:///path is local");
    hv_vm_id *ids;
    size_t nids;
    CHECK(hv_virt_list_ids(v, &ids, &nids, &err) == 0 && nids == 3 &&
              !strcmp(ids[0].name, "db01") && !strcmp(ids[2].uuid, WEB),
          "ids listed and sorted like the VMs");
    hv_virt_ids_free(ids, nids);
    test_list(v);
    test_processor(v);
    test_memory(v);
    test_nics(v);
    test_lifecycle(v);
    test_switches(v);
    test_vhd();
    hv_host h;
    CHECK(hv_virt_host_info(v, &h, &err) == 0 && h.logical_processors > 0 && h.memory_bytes > 0,
          "host info");
    hv_virt_host_clear(&h);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
