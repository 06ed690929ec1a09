/* virt_dom.c — domains: reading them into hv_vm, lifecycle, create/remove. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "engine/virt_int.h"

#define HV_VIRT_RT_NS "urn:hvsh:hyperv-runtime:1"

/* ---- small XML readers ---- */
static long long
prop_ll(xmlNodePtr n, const char *name, long long dflt)
{
    char *p = hv_virt_x_prop(n, name);
    if (!p)
        return dflt;
    long long v = strtoll(p, NULL, 10);
    free(p);
    return v;
}

static bool
prop_is(xmlNodePtr n, const char *name, const char *val)
{
    char *p = hv_virt_x_prop(n, name);
    bool r = p && strcasecmp(p, val) == 0;
    free(p);
    return r;
}

virDomainPtr
hv_virt_dom(hv_virt *v, const char *uuid, hv_eng_err *err)
{
    virDomainPtr d = v->api->virDomainLookupByUUIDString(v->conn, uuid);
    if (!d) {
        hv_virt_err_lv(v, err, HV_VIRT_E_NOT_FOUND);
        snprintf(err->msg, sizeof err->msg, "No virtual machine with ID %s.", uuid);
    }
    return d;
}

xmlDocPtr
hv_virt_dom_xml(hv_virt *v, virDomainPtr d, bool inactive, hv_eng_err *err)
{
    char *x = v->api->virDomainGetXMLDesc(d, inactive ? VIR_DOMAIN_XML_INACTIVE : 0);
    if (!x) {
        hv_virt_err_lv(v, err, 0);
        return NULL;
    }
    xmlDocPtr doc =
        xmlReadMemory(x, (int)strlen(x), "domain.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    free(x);
    if (!doc)
        hv_virt_err_set(err, HV_VIRT_E_LIBVIRT, "libvirt returned unreadable domain XML");
    return doc;
}

int
hv_virt_dom_state(hv_virt *v, virDomainPtr d, hv_vm_state *st, hv_eng_err *err)
{
    int s = 0, reason = 0;
    if (v->api->virDomainGetState(d, &s, &reason, 0) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    switch (s) {
    case VIR_DOMAIN_RUNNING:
    case VIR_DOMAIN_BLOCKED:
        *st = HV_VM_RUNNING;
        break;
    case VIR_DOMAIN_PAUSED:
    case VIR_DOMAIN_PMSUSPENDED:
        *st = HV_VM_PAUSED;
        break;
    case VIR_DOMAIN_SHUTDOWN:
        *st = HV_VM_STOPPING;
        break;
    case VIR_DOMAIN_SHUTOFF:
    case VIR_DOMAIN_CRASHED: {
        int ms = v->api->virDomainHasManagedSaveImage(d, 0);
        if (ms < 0)
            v->api->virResetLastError();
        *st = ms > 0 ? HV_VM_SAVED : HV_VM_OFF;
        break;
    }
    default:
        *st = HV_VM_OTHER;
        break;
    }
    return 0;
}

int
hv_virt_dom_define(hv_virt *v, xmlDocPtr doc, hv_eng_err *err)
{
    xmlChar *buf = NULL;
    int len = 0;
    xmlDocDumpMemory(doc, &buf, &len);
    virDomainPtr d = v->api->virDomainDefineXML(v->conn, (const char *)buf);
    xmlFree(buf);
    if (!d) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    v->api->virDomainFree(d);
    return 0;
}

/* ---- parsing a domain into hv_vm ---- */
bool
hv_virt_cpu_nested(xmlNodePtr root)
{
    xmlNodePtr cpu = hv_virt_x_child(root, "cpu");
    if (!cpu)
        return false;
    for (xmlNodePtr f = cpu->children; f; f = f->next) {
        if (f->type != XML_ELEMENT_NODE || xmlStrcmp(f->name, BAD_CAST "feature"))
            continue;
        if ((prop_is(f, "name", "vmx") || prop_is(f, "name", "svm")) &&
            (prop_is(f, "policy", "require") || prop_is(f, "policy", "force")))
            return true;
    }
    return false;
}

static void
parse_disk(xmlNodePtr n, hv_vm_disk *dk)
{
    memset(dk, 0, sizeof *dk);
    dk->is_dvd = prop_is(n, "device", "cdrom");
    xmlNodePtr src = hv_virt_x_child(n, "source");
    dk->path = hv_virt_x_prop(src, "file");
    if (!dk->path)
        dk->path = hv_virt_x_prop(src, "dev");
    xmlNodePtr tgt = hv_virt_x_child(n, "target");
    dk->target = hv_virt_x_prop(tgt, "dev");
    bool ide = prop_is(tgt, "bus", "ide");
    dk->controller_type = ide ? 0 : 1;
    xmlNodePtr addr = hv_virt_x_child(n, "address");
    int idx = 0;
    if (dk->target && strlen(dk->target) >= 3)
        idx = tolower((unsigned char)dk->target[strlen(dk->target) - 1]) - 'a';
    if (addr && prop_is(addr, "type", "drive")) {
        dk->controller_number = (int)prop_ll(addr, ide ? "bus" : "controller", 0);
        dk->controller_location = (int)prop_ll(addr, "unit", 0);
    } else if (ide) {
        dk->controller_number = idx / 2;
        dk->controller_location = idx % 2;
    } else {
        dk->controller_number = 0;
        dk->controller_location = idx;
    }
}

typedef struct hv_virt_brmap {
    char *bridge, *name;
    char uuid[37]; /* the network's, for VMNetworkAdapter.SwitchId */
} br_map;

static long long
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const hv_virt_nic_flag hv_virt_nic_flag_attr[HV_VIRT_NIC_NFLAGS] = {
    {HV_NIC_DHCPGUARD, "dhcpguard"}, {HV_NIC_ROUTERGUARD, "routerguard"},
    {HV_NIC_TEAMING, "allowteaming"}, {HV_NIC_DEVNAMING, "devicenaming"},
    {HV_NIC_PRIOTAG, "ieeeprioritytag"},
};

static void
parse_nic(xmlNodePtr n, xmlNodePtr meta, hv_vm_nic *nic, const br_map *map, size_t nmap)
{
    memset(nic, 0, sizeof *nic);
    char *mac = hv_virt_x_prop(hv_virt_x_child(n, "mac"), "address");
    snprintf(nic->mac, sizeof nic->mac, "%s", mac ? mac : "00:00:00:00:00:00");
    for (char *p = nic->mac; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    free(mac);
    xmlNodePtr src = hv_virt_x_child(n, "source");
    if (prop_is(n, "type", "bridge"))
        nic->bridge = hv_virt_x_prop(src, "bridge");
    else if (prop_is(n, "type", "network"))
        nic->network = hv_virt_x_prop(src, "network");
    if (nic->network) {
        nic->switch_name = hv_virt_strdup(nic->network);
        for (size_t i = 0; i < nmap && !nic->switch_id[0]; i++)
            if (map[i].name && strcmp(map[i].name, nic->network) == 0)
                memcpy(nic->switch_id, map[i].uuid, sizeof nic->switch_id);
    } else if (nic->bridge) {
        for (size_t i = 0; i < nmap && !nic->switch_name; i++)
            if (strcmp(map[i].bridge, nic->bridge) == 0) {
                nic->switch_name = hv_virt_strdup(map[i].name);
                memcpy(nic->switch_id, map[i].uuid, sizeof nic->switch_id);
            }
        if (!nic->switch_name)
            nic->switch_name = hv_virt_strdup(nic->bridge);
    }
    xmlNodePtr fr = hv_virt_x_child(n, "filterref");
    nic->mac_spoofing = !(
        fr && (prop_is(fr, "filter", "no-mac-spoofing") || prop_is(fr, "filter", "clean-traffic")));
    xmlNodePtr model = hv_virt_x_child(n, "model");
    nic->is_legacy = prop_is(model, "type", "e1000") || prop_is(model, "type", "rtl8139");
    nic->dynamic_mac = true;
    /* Hyper-V settings of this adapter: <hv:nic mac='..' name='..' dynamicmac='no' vlan='5'/> */
    for (xmlNodePtr m = meta ? meta->children : NULL; m; m = m->next) {
        if (m->type != XML_ELEMENT_NODE || xmlStrcmp(m->name, BAD_CAST "nic"))
            continue;
        char *mm = hv_virt_x_prop(m, "mac");
        bool same = mm && strcasecmp(mm, nic->mac) == 0;
        free(mm);
        if (!same)
            continue;
        nic->name = hv_virt_x_prop(m, "name");
        nic->dynamic_mac = !prop_is(m, "dynamicmac", "no");
        nic->vlan = (int)prop_ll(m, "vlan", 0);
        for (size_t k = 0; k < HV_VIRT_NIC_NFLAGS; k++)
            if (prop_is(m, hv_virt_nic_flag_attr[k].attr, "on"))
                nic->on_flags |= hv_virt_nic_flag_attr[k].flag;
        break;
    }
    if (!nic->name)
        nic->name = hv_virt_strdup(nic->is_legacy ? "Legacy Network Adapter" : "Network Adapter");
}

static void free_bridge_map(br_map *m, size_t n);

void
hv_virt_bmap_invalidate(hv_virt *v)
{
    free_bridge_map(v->bmap, v->nbmap);
    v->bmap = NULL;
    v->nbmap = 0;
    v->bmap_time_ms = 0;
}

static int load_bridge_map_now(hv_virt *v, br_map **out, size_t *n);

/* The cached map (valid for a second, and until hvsh changes a switch); owned by v. */
static int
load_bridge_map(hv_virt *v, br_map **out, size_t *n)
{
    long long t = now_ms();
    if (!v->bmap || t - v->bmap_time_ms > 1000) {
        hv_virt_bmap_invalidate(v);
        load_bridge_map_now(v, &v->bmap, &v->nbmap);
        v->bmap_time_ms = t;
    }
    *out = v->bmap;
    *n = v->nbmap;
    return 0;
}

static int
load_bridge_map_now(hv_virt *v, br_map **out, size_t *n)
{
    virNetworkPtr *nets = NULL;
    int cnt = v->api->virConnectListAllNetworks(v->conn, &nets, 0);
    *out = NULL;
    *n = 0;
    if (cnt < 0) {
        v->api->virResetLastError(); /* drivers without networks: no map */
        return 0;
    }
    br_map *m = calloc((size_t)cnt + 1, sizeof *m);
    for (int i = 0; i < cnt; i++) {
        char *x = v->api->virNetworkGetXMLDesc(nets[i], 0);
        if (x) {
            xmlDocPtr doc = xmlReadMemory(x, (int)strlen(x), "net.xml", NULL, XML_PARSE_NONET);
            if (doc) {
                xmlNodePtr root = xmlDocGetRootElement(doc);
                char *br = hv_virt_x_prop(hv_virt_x_child(root, "bridge"), "name");
                if (br) {
                    m[*n].bridge = br;
                    m[*n].name = hv_virt_x_text(hv_virt_x_child(root, "name"));
                    char *u = hv_virt_x_text(hv_virt_x_child(root, "uuid"));
                    snprintf(m[*n].uuid, sizeof m[*n].uuid, "%s", u ? u : "");
                    free(u);
                    (*n)++;
                }
                xmlFreeDoc(doc);
            }
            free(x);
        }
        v->api->virNetworkFree(nets[i]);
    }
    free(nets);
    *out = m;
    return 0;
}

static void
free_bridge_map(br_map *m, size_t n)
{
    if (!m)
        return;
    for (size_t i = 0; i < n; i++) {
        free(m[i].bridge);
        free(m[i].name);
    }
    free(m);
}

static char *
meta_str(xmlNodePtr meta, const char *child, const char *attr)
{
    return hv_virt_x_prop(hv_virt_x_child_ns(meta, child), attr);
}

static void
parse_config(xmlDocPtr doc, hv_vm *vm, const br_map *map, size_t nmap)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    char *type = hv_virt_x_prop(root, "type");
    vm->is_test = type && strcmp(type, "test") == 0;
    vm->is_kvm = type && strcmp(type, "kvm") == 0;
    free(type);
    vm->notes = hv_virt_x_text(hv_virt_x_child(root, "description"));
    xmlNodePtr vc = hv_virt_x_child(root, "vcpu");
    char *t = hv_virt_x_text(vc);
    vm->vcpus = t ? (unsigned)strtoul(t, NULL, 10) : 1;
    free(t);
    long long cur = prop_ll(vc, "current", 0);
    if (cur > 0)
        vm->vcpus = (unsigned)cur;
    uint64_t maxmem = hv_virt_x_mem_bytes(hv_virt_x_child(root, "memory"));
    uint64_t curmem = hv_virt_x_mem_bytes(hv_virt_x_child(root, "currentMemory"));
    if (!curmem)
        curmem = maxmem;
    xmlNodePtr meta = hv_virt_x_meta(doc, false);
    xmlNodePtr mm = hv_virt_x_child_ns(meta, "memory");
    vm->dynamic_memory = prop_is(mm, "dynamic", "yes");
    vm->mem_startup = curmem;
    vm->mem_minimum = (uint64_t)prop_ll(mm, "minimum", 512ll << 20);
    vm->mem_maximum = vm->dynamic_memory ? maxmem : (uint64_t)prop_ll(mm, "maximum", 1ll << 40);
    vm->mem_buffer = (int)prop_ll(mm, "buffer", 20);
    vm->mem_priority = (int)prop_ll(mm, "priority", 50);
    xmlNodePtr pm = hv_virt_x_child_ns(meta, "processor");
    vm->proc_reserve = prop_ll(pm, "reserve", 0);
    vm->proc_maximum = prop_ll(pm, "maximum", 100);
    vm->proc_weight = (int)prop_ll(pm, "weight", 100);
    vm->auto_start = meta_str(meta, "automatic", "start");
    vm->auto_stop = meta_str(meta, "automatic", "stop");
    vm->auto_start_delay = (int)prop_ll(hv_virt_x_child_ns(meta, "automatic"), "delay", 0);
    vm->checkpoint_type = meta_str(meta, "checkpoints", "type");
    vm->metering = hv_virt_x_child_ns(meta, "metering") != NULL;
    vm->path = meta_str(meta, "path", "value");
    vm->nested = hv_virt_cpu_nested(root);
    xmlNodePtr os = hv_virt_x_child(root, "os");
    long long gen = prop_ll(hv_virt_x_child_ns(meta, "generation"), "value", 0);
    if (!gen)
        gen = prop_is(os, "firmware", "efi") || hv_virt_x_child(os, "loader") ? 2 : 1;
    vm->generation = (int)gen;
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    size_t nn = 0, nd = 0;
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!xmlStrcmp(c->name, BAD_CAST "interface"))
            nn++;
        else if (!xmlStrcmp(c->name, BAD_CAST "disk"))
            nd++;
    }
    vm->nics = calloc(nn + 1, sizeof *vm->nics);
    vm->disks = calloc(nd + 1, sizeof *vm->disks);
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!xmlStrcmp(c->name, BAD_CAST "interface"))
            parse_nic(c, meta, &vm->nics[vm->n_nics++], map, nmap);
        else if (!xmlStrcmp(c->name, BAD_CAST "disk"))
            parse_disk(c, &vm->disks[vm->n_disks++]);
    }
}

static void
current_snapshot(hv_virt *v, virDomainPtr d, hv_vm *vm)
{
    int n = v->api->virDomainSnapshotNum(d, 0);
    if (n <= 0) {
        if (n < 0)
            v->api->virResetLastError();
        return;
    }
    virDomainSnapshotPtr *snaps = NULL;
    int cnt = v->api->virDomainListAllSnapshots(d, &snaps, 0);
    for (int i = 0; i < cnt; i++) {
        if (!vm->current_snapshot && v->api->virDomainSnapshotIsCurrent(snaps[i], 0) == 1) {
            /* the name it shows (a renamed checkpoint keeps its libvirt name) */
            char *x = v->api->virDomainSnapshotGetXMLDesc(snaps[i], 0);
            xmlDocPtr doc = x ? xmlReadMemory(x, (int)strlen(x), "snap.xml", NULL,
                                              XML_PARSE_NONET | XML_PARSE_NOERROR)
                              : NULL;
            free(x);
            if (doc) {
                vm->current_snapshot = hv_virt_snap_display(xmlDocGetRootElement(doc));
                xmlFreeDoc(doc);
            } else {
                v->api->virResetLastError();
            }
            if (!vm->current_snapshot)
                vm->current_snapshot = hv_virt_strdup(v->api->virDomainSnapshotGetName(snaps[i]));
        }
        v->api->virDomainSnapshotFree(snaps[i]);
    }
    if (cnt < 0)
        v->api->virResetLastError();
    free(snaps);
}

static int
parse_vm_map(hv_virt *v, virDomainPtr d, hv_vm *vm, const br_map *map, size_t nmap, hv_eng_err *err)
{
    memset(vm, 0, sizeof *vm);
    vm->name = hv_virt_strdup(v->api->virDomainGetName(d));
    if (v->api->virDomainGetUUIDString(d, vm->uuid) < 0 ||
        hv_virt_dom_state(v, d, &vm->state, err) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    vm->persistent = v->api->virDomainIsPersistent(d) == 1;
    vm->managed_save = vm->state == HV_VM_SAVED;
    xmlDocPtr cfg = hv_virt_dom_xml(v, d, vm->persistent, err);
    if (!cfg)
        return -1;
    parse_config(cfg, vm, map, nmap);
    xmlFreeDoc(cfg);
    bool active =
        vm->state == HV_VM_RUNNING || vm->state == HV_VM_PAUSED || vm->state == HV_VM_STOPPING;
    if (active) {
        virDomainInfo info;
        if (v->api->virDomainGetInfo(d, &info) == 0) {
            vm->mem_assigned = (uint64_t)info.memory * 1024;
            vm->cpu_time_ns = info.cpuTime;
        } else {
            v->api->virResetLastError();
        }
        /* the start time is in the live metadata only; fetching just that element is much
         * cheaper than the whole live XML (Get-VM of 1000 VMs). The live CPU equals the
         * config while running because hvsh refuses processor changes then; hv_virt_edit
         * reads the live XML itself where it matters. */
        vm->nested_live = vm->nested;
        char *rt = v->api->virDomainGetMetadata(d, VIR_DOMAIN_METADATA_ELEMENT, HV_VIRT_RT_NS,
                                                VIR_DOMAIN_AFFECT_LIVE);
        if (rt) {
            const char *p = strstr(rt, "started=");
            if (p && (p[8] == '\'' || p[8] == '"'))
                vm->started = strtoll(p + 9, NULL, 10);
            free(rt);
        } else {
            v->api->virResetLastError(); /* not started by hvsh */
        }
    }
    current_snapshot(v, d, vm);
    return 0;
}

int
hv_virt_parse_vm(hv_virt *v, virDomainPtr d, hv_vm *vm, hv_eng_err *err)
{
    br_map *map;
    size_t n;
    load_bridge_map(v, &map, &n);
    int r = parse_vm_map(v, d, vm, map, n, err);
    if (r < 0) /* callers own *vm only on success: free what was filled before the failure */
        hv_virt_vm_clear(vm);
    return r;
}

void
hv_virt_vm_clear(hv_vm *vm)
{
    free(vm->name);
    free(vm->notes);
    free(vm->path);
    free(vm->auto_start);
    free(vm->auto_stop);
    free(vm->checkpoint_type);
    free(vm->current_snapshot);
    for (size_t i = 0; i < vm->n_nics; i++) {
        free(vm->nics[i].name);
        free(vm->nics[i].switch_name);
        free(vm->nics[i].bridge);
        free(vm->nics[i].network);
    }
    free(vm->nics);
    for (size_t i = 0; i < vm->n_disks; i++) {
        free(vm->disks[i].path);
        free(vm->disks[i].target);
    }
    free(vm->disks);
    memset(vm, 0, sizeof *vm);
}

void
hv_virt_vms_free(hv_vm *vms, size_t n)
{
    for (size_t i = 0; i < n; i++)
        hv_virt_vm_clear(&vms[i]);
    free(vms);
}

static int
vm_cmp(const void *a, const void *b)
{
    const hv_vm *x = a, *y = b;
    int c = hv_virt_cmp_ci(x->name, y->name);
    return c ? c : strcmp(x->uuid, y->uuid);
}

int
hv_virt_list_vms(hv_virt *v, hv_vm **out, size_t *n, hv_eng_err *err)
{
    virDomainPtr *doms = NULL;
    int cnt = v->api->virConnectListAllDomains(v->conn, &doms, 0);
    *out = NULL;
    *n = 0;
    if (cnt < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    br_map *map;
    size_t nmap;
    load_bridge_map(v, &map, &nmap);
    hv_vm *vms = calloc((size_t)cnt + 1, sizeof *vms);
    int rc = 0;
    size_t k = 0;
    for (int i = 0; i < cnt; i++) {
        if (rc == 0) {
            if (parse_vm_map(v, doms[i], &vms[k], map, nmap, err) == 0)
                k++;
            else if (err->code == HV_VIRT_E_NOT_FOUND)
                hv_virt_vm_clear(&vms[k]); /* vanished meanwhile */
            else
                rc = -1;
        }
        v->api->virDomainFree(doms[i]);
    }
    free(doms);
    if (rc < 0) {
        hv_virt_vms_free(vms, k + 1);
        return -1;
    }
    qsort(vms, k, sizeof *vms, vm_cmp);
    *out = vms;
    *n = k;
    return 0;
}

static int
id_cmp(const void *a, const void *b)
{
    const hv_vm_id *x = a, *y = b;
    int c = hv_virt_cmp_ci(x->name, y->name);
    return c ? c : strcmp(x->uuid, y->uuid);
}

int
hv_virt_list_ids(hv_virt *v, hv_vm_id **out, size_t *n, hv_eng_err *err)
{
    virDomainPtr *doms = NULL;
    int cnt = v->api->virConnectListAllDomains(v->conn, &doms, 0);
    *out = NULL;
    *n = 0;
    if (cnt < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    hv_vm_id *ids = calloc((size_t)cnt + 1, sizeof *ids);
    for (int i = 0; i < cnt; i++) {
        ids[i].name = hv_virt_strdup(v->api->virDomainGetName(doms[i]));
        v->api->virDomainGetUUIDString(doms[i], ids[i].uuid);
        v->api->virDomainFree(doms[i]);
    }
    free(doms);
    qsort(ids, (size_t)cnt, sizeof *ids, id_cmp);
    *out = ids;
    *n = (size_t)cnt;
    return 0;
}

void
hv_virt_ids_free(hv_vm_id *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ids[i].name);
    free(ids);
}

int
hv_virt_get_vm(hv_virt *v, const char *uuid, hv_vm *out, hv_eng_err *err)
{
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    int r = hv_virt_parse_vm(v, d, out, err);
    v->api->virDomainFree(d);
    return r;
}

/* ---- lifecycle ---- */
typedef int (*dom_op)(hv_virt *v, virDomainPtr d, hv_vm_state st, hv_eng_err *err);

static int
with_dom(hv_virt *v, const char *uuid, dom_op op, hv_eng_err *err)
{
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    hv_vm_state st;
    int r = hv_virt_dom_state(v, d, &st, err);
    if (r == 0)
        r = op(v, d, st, err);
    v->api->virDomainFree(d);
    return r;
}

static int
state_err(hv_eng_err *err, const char *what)
{
    hv_virt_err_set(err, HV_VIRT_E_STATE,
                    "The operation cannot be performed while the virtual machine is in its "
                    "current state (%s).",
                    what);
    return -1;
}

/* Record when the VM started, in the live XML only (Uptime). */
static void
mark_started(hv_virt *v, virDomainPtr d)
{
    char buf[128];
    snprintf(buf, sizeof buf, "<runtime started='%lld'/>", (long long)time(NULL));
    if (v->api->virDomainSetMetadata(d, VIR_DOMAIN_METADATA_ELEMENT, buf, "hvrt", HV_VIRT_RT_NS,
                                     VIR_DOMAIN_AFFECT_LIVE) < 0)
        v->api->virResetLastError();
}

static int
op_start(hv_virt *v, virDomainPtr d, hv_vm_state st, hv_eng_err *err)
{
    if (st == HV_VM_PAUSED) {
        if (v->api->virDomainResume(d) < 0) {
            hv_virt_err_lv(v, err, 0);
            return -1;
        }
        return 0;
    }
    if (st != HV_VM_OFF && st != HV_VM_SAVED)
        return state_err(err, "not Off");
    if (v->api->virDomainCreate(d) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    if (st == HV_VM_OFF)
        mark_started(v, d);
    return 0;
}

int
hv_virt_vm_start(hv_virt *v, const char *uuid, hv_eng_err *err)
{
    return with_dom(v, uuid, op_start, err);
}

static int
op_turnoff(hv_virt *v, virDomainPtr d, hv_vm_state st, hv_eng_err *err)
{
    if (st == HV_VM_SAVED) {
        if (v->api->virDomainManagedSaveRemove(d, 0) < 0) {
            hv_virt_err_lv(v, err, 0);
            return -1;
        }
        return 0;
    }
    if (st == HV_VM_OFF)
        return 0;
    if (v->api->virDomainDestroy(d) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    return 0;
}

int
hv_virt_vm_turnoff(hv_virt *v, const char *uuid, hv_eng_err *err)
{
    return with_dom(v, uuid, op_turnoff, err);
}

int
hv_virt_vm_shutdown(hv_virt *v, const char *uuid, int timeout_ms, hv_eng_err *err)
{
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    hv_vm_state st;
    int r = hv_virt_dom_state(v, d, &st, err);
    if (r == 0 && st != HV_VM_RUNNING && st != HV_VM_STOPPING && st != HV_VM_PAUSED)
        r = state_err(err, "not running");
    if (r == 0 && v->api->virDomainShutdown(d) < 0) {
        hv_virt_err_lv(v, err, 0);
        r = -1;
    }
    /* the guest may ignore ACPI: poll until Off or the deadline */
    for (int waited = 0; r == 0; waited += 100) {
        if (hv_virt_dom_state(v, d, &st, err) < 0) {
            r = -1;
            break;
        }
        if (st == HV_VM_OFF)
            break;
        if (waited >= timeout_ms) {
            hv_virt_err_set(err, HV_VIRT_E_TIMEOUT,
                            "The guest did not shut down within %d seconds: it may not react to "
                            "the ACPI power button. Use Stop-VM -TurnOff to power it off.",
                            timeout_ms / 1000);
            r = -1;
            break;
        }
        usleep(100 * 1000);
    }
    v->api->virDomainFree(d);
    return r;
}

static int
op_save(hv_virt *v, virDomainPtr d, hv_vm_state st, hv_eng_err *err)
{
    if (st != HV_VM_RUNNING && st != HV_VM_PAUSED)
        return state_err(err, "not running");
    if (v->api->virDomainManagedSave(d, 0) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    return 0;
}

int
hv_virt_vm_save(hv_virt *v, const char *uuid, hv_eng_err *err)
{
    return with_dom(v, uuid, op_save, err);
}

static int
op_remove_saved(hv_virt *v, virDomainPtr d, hv_vm_state st, hv_eng_err *err)
{
    if (st != HV_VM_SAVED)
        return state_err(err, "not Saved");
    if (v->api->virDomainManagedSaveRemove(d, 0) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    return 0;
}

int
hv_virt_vm_remove_saved(hv_virt *v, const char *uuid, hv_eng_err *err)
{
    return with_dom(v, uuid, op_remove_saved, err);
}

static int
op_suspend(hv_virt *v, virDomainPtr d, hv_vm_state st, hv_eng_err *err)
{
    if (st == HV_VM_PAUSED)
        return 0;
    if (st != HV_VM_RUNNING)
        return state_err(err, "not running");
    if (v->api->virDomainSuspend(d) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    return 0;
}

int
hv_virt_vm_suspend(hv_virt *v, const char *uuid, hv_eng_err *err)
{
    return with_dom(v, uuid, op_suspend, err);
}

static int
op_resume(hv_virt *v, virDomainPtr d, hv_vm_state st, hv_eng_err *err)
{
    if (st == HV_VM_RUNNING)
        return 0;
    if (st != HV_VM_PAUSED)
        return state_err(err, "not paused");
    if (v->api->virDomainResume(d) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    return 0;
}

int
hv_virt_vm_resume(hv_virt *v, const char *uuid, hv_eng_err *err)
{
    return with_dom(v, uuid, op_resume, err);
}

static int
op_reset(hv_virt *v, virDomainPtr d, hv_vm_state st, hv_eng_err *err)
{
    if (st != HV_VM_RUNNING && st != HV_VM_PAUSED)
        return state_err(err, "not running");
    if (v->api->virDomainReset(d, 0) == 0)
        return 0;
    virErrorPtr e = v->api->virGetLastError();
    if (!e || e->code != VIR_ERR_NO_SUPPORT) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    v->api->virResetLastError();
    /* drivers without reset (test): a power cycle has the same effect */
    if (v->api->virDomainDestroy(d) < 0 || v->api->virDomainCreate(d) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    mark_started(v, d);
    return 0;
}

int
hv_virt_vm_reset(hv_virt *v, const char *uuid, hv_eng_err *err)
{
    return with_dom(v, uuid, op_reset, err);
}

static int
op_remove(hv_virt *v, virDomainPtr d, hv_vm_state st, hv_eng_err *err)
{
    if ((st == HV_VM_RUNNING || st == HV_VM_PAUSED || st == HV_VM_STOPPING) &&
        v->api->virDomainDestroy(d) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    if (v->api->virDomainIsPersistent(d) != 1)
        return 0; /* transient: destroy removed it */
    unsigned full = VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA |
                    VIR_DOMAIN_UNDEFINE_NVRAM | VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA;
    if (v->api->virDomainUndefineFlags(d, full) == 0)
        return 0;
    /* drivers that reject some flags (test): retry with the ones every driver knows */
    v->api->virResetLastError();
    if (v->api->virDomainUndefineFlags(d, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                                              VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    return 0;
}

int
hv_virt_vm_remove(hv_virt *v, const char *uuid, hv_eng_err *err)
{
    return with_dom(v, uuid, op_remove, err);
}

/* ---- create ---- */
static const char *
domain_type(hv_virt *v)
{
    if (v->is_test)
        return "test";
    const char *env = getenv("HVSH_VM_DOMAIN_TYPE");
    if (env && (!strcmp(env, "kvm") || !strcmp(env, "qemu")))
        return env;
    char *caps = v->api->virConnectGetDomainCapabilities(v->conn, NULL, "x86_64", NULL, "kvm", 0);
    if (!caps) {
        v->api->virResetLastError();
        return "qemu";
    }
    free(caps);
    return access("/dev/kvm", R_OK | W_OK) == 0 ? "kvm" : "qemu";
}

int
hv_virt_check_memory(uint64_t bytes, const char *what, hv_eng_err *err)
{
    if (bytes < (32ull << 20) || bytes > (12ull << 40)) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "Invalid %s memory amount: %llu bytes. The range is 32 MB through "
                        "12582912 MB.",
                        what, (unsigned long long)bytes);
        return -1;
    }
    if (bytes % (2u << 20)) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "Invalid %s memory amount: %llu bytes is not a multiple of 2 MB.", what,
                        (unsigned long long)bytes);
        return -1;
    }
    return 0;
}

static bool
ovmf_present(void)
{
    return access("/usr/share/OVMF/OVMF_CODE.fd", R_OK) == 0 ||
           access("/usr/share/OVMF/OVMF_CODE_4M.fd", R_OK) == 0;
}

void
hv_virt_add_nic_xml(xmlNodePtr devs, const char *mac, const char *bridge, const char *network,
                    bool legacy, bool filter)
{
    xmlNodePtr n = xmlNewChild(devs, NULL, BAD_CAST "interface", NULL);
    xmlSetProp(n, BAD_CAST "type", BAD_CAST(bridge ? "bridge" : network ? "network" : "ethernet"));
    xmlSetProp(xmlNewChild(n, NULL, BAD_CAST "mac", NULL), BAD_CAST "address", BAD_CAST mac);
    if (bridge || network)
        xmlSetProp(xmlNewChild(n, NULL, BAD_CAST "source", NULL),
                   BAD_CAST(bridge ? "bridge" : "network"), BAD_CAST(bridge ? bridge : network));
    xmlSetProp(xmlNewChild(n, NULL, BAD_CAST "model", NULL), BAD_CAST "type",
               BAD_CAST(legacy ? "e1000" : "virtio"));
    if (filter)
        xmlSetProp(xmlNewChild(n, NULL, BAD_CAST "filterref", NULL), BAD_CAST "filter",
                   BAD_CAST "no-mac-spoofing");
}

void
hv_virt_meta_nic(xmlDocPtr doc, const char *mac, const char *name, bool dynamic)
{
    xmlNodePtr hv = hv_virt_x_meta(doc, true);
    xmlNodePtr m = xmlNewChild(hv, hv->ns, BAD_CAST "nic", NULL);
    xmlSetProp(m, BAD_CAST "mac", BAD_CAST mac);
    xmlSetProp(m, BAD_CAST "name", BAD_CAST name);
    xmlSetProp(m, BAD_CAST "dynamicmac", BAD_CAST(dynamic ? "yes" : "no"));
}

xmlNodePtr
hv_virt_add_disk_xml(xmlNodePtr devs, const char *path, bool dvd, bool ide, int number, int unit,
                     const char *dev)
{
    xmlNodePtr d = xmlNewChild(devs, NULL, BAD_CAST "disk", NULL);
    xmlSetProp(d, BAD_CAST "type", BAD_CAST "file");
    xmlSetProp(d, BAD_CAST "device", BAD_CAST(dvd ? "cdrom" : "disk"));
    xmlNodePtr drv = xmlNewChild(d, NULL, BAD_CAST "driver", NULL);
    xmlSetProp(drv, BAD_CAST "name", BAD_CAST "qemu");
    /* the file's real format (a .vhdx from New-VHD holds qcow2; libvirt has no 'vhdx') */
    const char *fmt = "raw";
    if (!dvd && path)
        fmt = hv_virt_disk_format(path);
    xmlSetProp(drv, BAD_CAST "type", BAD_CAST fmt);
    if (path)
        xmlSetProp(xmlNewChild(d, NULL, BAD_CAST "source", NULL), BAD_CAST "file", BAD_CAST path);
    xmlNodePtr t = xmlNewChild(d, NULL, BAD_CAST "target", NULL);
    xmlSetProp(t, BAD_CAST "dev", BAD_CAST dev);
    xmlSetProp(t, BAD_CAST "bus", BAD_CAST(ide ? "ide" : "scsi"));
    if (dvd)
        xmlNewChild(d, NULL, BAD_CAST "readonly", NULL);
    xmlNodePtr a = xmlNewChild(d, NULL, BAD_CAST "address", NULL);
    char nb[16], ub[16];
    snprintf(nb, sizeof nb, "%d", number);
    snprintf(ub, sizeof ub, "%d", unit);
    xmlSetProp(a, BAD_CAST "type", BAD_CAST "drive");
    xmlSetProp(a, BAD_CAST "controller", BAD_CAST(ide ? "0" : nb));
    xmlSetProp(a, BAD_CAST "bus", BAD_CAST(ide ? nb : "0"));
    xmlSetProp(a, BAD_CAST "target", BAD_CAST "0");
    xmlSetProp(a, BAD_CAST "unit", BAD_CAST ub);
    return d;
}

int
hv_virt_vm_create(hv_virt *v, const hv_vm_spec *s, char uuid_out[37], hv_eng_err *err)
{
    if (hv_virt_check_name("virtual machine", s->name, err) < 0)
        return -1;
    uint64_t mem = s->memory_startup ? s->memory_startup : 512ull << 20;
    if (hv_virt_check_memory(mem, "startup", err) < 0)
        return -1;
    int gen = s->generation ? s->generation : 1;
    if (gen != 1 && gen != 2) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The generation %d is not valid: use 1 or 2.", gen);
        return -1;
    }
    if (s->vhd_path && access(s->vhd_path, F_OK) != 0 && !v->is_test) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The virtual hard disk '%s' does not exist.",
                        s->vhd_path);
        return -1;
    }
    virDomainPtr old = NULL;
    virDomainPtr *doms = NULL;
    int cnt = v->api->virConnectListAllDomains(v->conn, &doms, 0);
    for (int i = 0; i < cnt; i++) {
        if (!old && !strcmp(v->api->virDomainGetName(doms[i]), s->name))
            old = doms[i];
        else
            v->api->virDomainFree(doms[i]);
    }
    free(doms);
    if (old) {
        v->api->virDomainFree(old);
        /* libvirt keys domains by name; Hyper-V would allow a duplicate */
        hv_virt_err_set(err, HV_VIRT_E_EXISTS,
                        "A virtual machine named \"%s\" already exists; libvirt requires unique "
                        "names.",
                        s->name);
        return -1;
    }
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "domain");
    xmlDocSetRootElement(doc, root);
    xmlSetProp(root, BAD_CAST "type", BAD_CAST domain_type(v));
    hv_virt_x_set_text(xmlNewChild(root, NULL, BAD_CAST "name", NULL), s->name);
    xmlNodePtr hv = hv_virt_x_meta(doc, true);
    char gb[8];
    snprintf(gb, sizeof gb, "%d", gen);
    xmlSetProp(xmlNewChild(hv, hv->ns, BAD_CAST "generation", NULL), BAD_CAST "value", BAD_CAST gb);
    if (s->path)
        xmlSetProp(xmlNewChild(hv, hv->ns, BAD_CAST "path", NULL), BAD_CAST "value",
                   BAD_CAST s->path);
    hv_virt_x_set_mem(xmlNewChild(root, NULL, BAD_CAST "memory", NULL), mem);
    hv_virt_x_set_mem(xmlNewChild(root, NULL, BAD_CAST "currentMemory", NULL), mem);
    xmlNewChild(root, NULL, BAD_CAST "vcpu", BAD_CAST "1");
    xmlNodePtr os = xmlNewChild(root, NULL, BAD_CAST "os", NULL);
    xmlNodePtr ty = xmlNewChild(os, NULL, BAD_CAST "type", BAD_CAST "hvm");
    xmlSetProp(ty, BAD_CAST "arch", BAD_CAST "x86_64");
    if (!v->is_test)
        xmlSetProp(ty, BAD_CAST "machine", BAD_CAST(gen == 2 ? "q35" : "pc"));
    if (gen == 2 && (v->is_test || ovmf_present()))
        xmlSetProp(os, BAD_CAST "firmware", BAD_CAST "efi");
    /* BootDevice: CD=1, IDE/VHD=2/5, NetworkAdapter/Legacy=3/4 */
    const char *boot = s->boot_device == 1                            ? "cdrom"
                       : (s->boot_device == 3 || s->boot_device == 4) ? "network"
                                                                      : "hd";
    xmlSetProp(xmlNewChild(os, NULL, BAD_CAST "boot", NULL), BAD_CAST "dev", BAD_CAST boot);
    xmlNodePtr feat = xmlNewChild(root, NULL, BAD_CAST "features", NULL);
    xmlNewChild(feat, NULL, BAD_CAST "acpi", NULL);
    xmlNewChild(feat, NULL, BAD_CAST "apic", NULL);
    xmlNodePtr devs = xmlNewChild(root, NULL, BAD_CAST "devices", NULL);
    if (s->vhd_path)
        hv_virt_add_disk_xml(devs, s->vhd_path, false, gen == 1, 0, 0, gen == 1 ? "hda" : "sda");
    /* Hyper-V gives every new VM one adapter, connected when -SwitchName is given */
    char mac[18];
    hv_virt_gen_mac_v(v, mac);
    hv_virt_add_nic_xml(devs, mac, s->switch_bridge, s->switch_network, false, true);
    hv_virt_meta_nic(doc, mac, "Network Adapter", true);
    /* the guest agent's channel: Hyper-V's default integration services (Heartbeat, Key-Value
     * Pair Exchange, Time Synchronization, VSS) are the agent's on libvirt */
    xmlNodePtr ch = xmlNewChild(devs, NULL, BAD_CAST "channel", NULL);
    xmlSetProp(ch, BAD_CAST "type", BAD_CAST "unix");
    xmlNodePtr cht = xmlNewChild(ch, NULL, BAD_CAST "target", NULL);
    xmlSetProp(cht, BAD_CAST "type", BAD_CAST "virtio");
    xmlSetProp(cht, BAD_CAST "name", BAD_CAST "org.qemu.guest_agent.0");
    xmlSetProp(xmlNewChild(devs, NULL, BAD_CAST "memballoon", NULL), BAD_CAST "model",
               BAD_CAST "virtio");
    xmlChar *buf = NULL;
    int len = 0;
    xmlDocDumpMemory(doc, &buf, &len);
    xmlFreeDoc(doc);
    virDomainPtr d = v->api->virDomainDefineXML(v->conn, (const char *)buf);
    xmlFree(buf);
    if (!d) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    v->api->virDomainGetUUIDString(d, uuid_out);
    v->api->virDomainFree(d);
    return 0;
}

/* ---- helpers for the settings files ---- */
void
hv_virt_edit_live_undo(hv_virt_edit_ctx *ec, int op, const char *xml)
{
    if (ec->n_undo < HV_VIRT_EDIT_MAX_UNDO && xml) {
        ec->undo[ec->n_undo].op = op;
        ec->undo[ec->n_undo].xml = hv_virt_strdup(xml);
        ec->n_undo++;
    }
}

/* Put back what an edit changed before it failed: live devices in reverse order, the balloon,
 * and the definition if fn had defined it. Best effort: the first error is already reported. */
static void
edit_rollback(hv_virt_edit_ctx *ec, const char *orig_xml)
{
    const hv_virt_api *a = ec->v->api;
    for (int i = ec->n_undo; i-- > 0;) {
        const char *x = ec->undo[i].xml;
        int r = ec->undo[i].op == 0   ? a->virDomainAttachDeviceFlags(ec->dom, x, VIR_DOMAIN_AFFECT_LIVE)
                : ec->undo[i].op == 1 ? a->virDomainDetachDeviceFlags(ec->dom, x, VIR_DOMAIN_AFFECT_LIVE)
                                      : a->virDomainUpdateDeviceFlags(ec->dom, x, VIR_DOMAIN_AFFECT_LIVE);
        (void)r;
    }
    if (ec->live_mem_kib)
        a->virDomainSetMemoryFlags(ec->dom, ec->live_mem_kib, VIR_DOMAIN_AFFECT_LIVE);
    if (ec->defined && orig_xml) {
        virDomainPtr d = a->virDomainDefineXML(ec->v->conn, orig_xml);
        if (d)
            a->virDomainFree(d);
    }
    a->virResetLastError();
}

int
hv_virt_edit_n(hv_virt *v, const char *uuid, const hv_virt_edit_fn *fns, void *const *uds,
               size_t n, hv_eng_err *err)
{
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    hv_virt_edit_ctx ec = {.v = v, .dom = d};
    int r = hv_virt_dom_state(v, d, &ec.state, err);
    if (r == 0 && v->api->virDomainIsPersistent(d) != 1) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "The virtual machine is transient (not defined in libvirt); its "
                        "settings cannot be changed.");
        r = -1;
    }
    if (r == 0 && !(ec.doc = hv_virt_dom_xml(v, d, true, err)))
        r = -1;
    if (r == 0 && (ec.state == HV_VM_RUNNING || ec.state == HV_VM_PAUSED)) {
        xmlDocPtr live = hv_virt_dom_xml(v, d, false, err);
        if (!live)
            r = -1;
        else {
            ec.nested_live = hv_virt_cpu_nested(xmlDocGetRootElement(live));
            xmlFreeDoc(live);
        }
    }
    /* the definition as it was, to restore if a part of the edit reached libvirt and a later
     * part failed (the secure XML: defining it back must not lose passwords) */
    char *orig = NULL;
    if (r == 0)
        orig = v->api->virDomainGetXMLDesc(d, VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
    if (r == 0 && !orig) {
        v->api->virResetLastError();
        orig = v->api->virDomainGetXMLDesc(d, VIR_DOMAIN_XML_INACTIVE);
    }
    /* plan (each fn validates and edits the document, and may do live changes last) */
    for (size_t i = 0; i < n && r == 0; i++)
        r = fns[i](&ec, uds[i], err);
    /* commit: one define of the complete document */
    if (r == 0 && ec.changed)
        r = hv_virt_dom_define(v, ec.doc, err);
    if (r < 0 && (ec.defined || ec.n_undo || ec.live_mem_kib))
        edit_rollback(&ec, orig);
    for (int i = 0; i < ec.n_undo; i++)
        free(ec.undo[i].xml);
    free(orig);
    if (ec.doc)
        xmlFreeDoc(ec.doc);
    v->api->virDomainFree(d);
    return r;
}

int
hv_virt_edit(hv_virt *v, const char *uuid, hv_virt_edit_fn fn, void *ud, hv_eng_err *err)
{
    return hv_virt_edit_n(v, uuid, &fn, &ud, 1, err);
}

/* ---- guest addresses ---- */
static void
collect_addrs(virDomainInterfacePtr *ifs, int cnt, hv_vm_addr **out, size_t *n)
{
    for (int i = 0; i < cnt; i++) {
        for (unsigned k = 0; k < ifs[i]->naddrs; k++) {
            if (!ifs[i]->hwaddr || !ifs[i]->addrs[k].addr)
                continue;
            bool dup = false;
            for (size_t j = 0; j < *n && !dup; j++)
                dup = !strcasecmp((*out)[j].mac, ifs[i]->hwaddr) &&
                      !strcmp((*out)[j].addr, ifs[i]->addrs[k].addr);
            if (dup)
                continue;
            hv_vm_addr *a = realloc(*out, (*n + 1) * sizeof **out);
            if (!a)
                abort();
            *out = a;
            snprintf(a[*n].mac, sizeof a[*n].mac, "%s", ifs[i]->hwaddr);
            snprintf(a[*n].addr, sizeof a[*n].addr, "%s", ifs[i]->addrs[k].addr);
            (*n)++;
        }
    }
}

int
hv_virt_vm_addresses(hv_virt *v, const char *uuid, hv_vm_addr **out, size_t *n, hv_eng_err *err)
{
    *out = NULL;
    *n = 0;
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    static const unsigned sources[] = {VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE,
                                       VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP};
    for (size_t s = 0; s < sizeof sources / sizeof sources[0]; s++) {
        virDomainInterfacePtr *ifs = NULL;
        int cnt = v->api->virDomainInterfaceAddresses(d, &ifs, sources[s], 0);
        if (cnt < 0) {
            v->api->virResetLastError(); /* a source this driver or network lacks */
            continue;
        }
        collect_addrs(ifs, cnt, out, n);
        for (int i = 0; i < cnt; i++)
            v->api->virDomainInterfaceFree(ifs[i]);
        free(ifs);
        if (*n)
            break;
    }
    v->api->virDomainFree(d);
    return 0;
}
