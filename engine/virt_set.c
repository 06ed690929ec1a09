/* virt_set.c — settings of a VM: processor, memory, general, adapters, disks. Each is one
 * hv_virt_edit: validate everything, then (live change if needed) one define. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "engine/virt_int.h"

static bool
is_running(const hv_virt_edit_ctx *ec)
{
    return ec->state == HV_VM_RUNNING || ec->state == HV_VM_PAUSED || ec->state == HV_VM_STOPPING;
}

static void
set_ll(xmlNodePtr n, const char *name, long long v)
{
    char b[32];
    snprintf(b, sizeof b, "%lld", v);
    xmlSetProp(n, BAD_CAST name, BAD_CAST b);
}

static xmlNodePtr
root_of(hv_virt_edit_ctx *ec)
{
    return xmlDocGetRootElement(ec->doc);
}

/* ---- processor ---- */
typedef struct {
    const hv_proc_set *s;
    bool *warn;
} proc_ud;

static const char *
nested_feature(xmlNodePtr root)
{
    char *type = hv_virt_x_prop(root, "type");
    bool tcg = type && !strcmp(type, "qemu");
    free(type);
    if (tcg)
        return "svm"; /* TCG emulates SVM only (engine-lab §3) */
    hv_host h = {0};
    hv_virt_host_probe(&h);
    return !strcmp(h.vendor, "AuthenticAMD") ? "svm" : "vmx";
}

static void
set_nested(xmlNodePtr root, bool on)
{
    xmlNodePtr cpu = hv_virt_x_child(root, "cpu");
    if (!cpu && !on)
        return;
    if (!cpu) {
        char *type = hv_virt_x_prop(root, "type");
        bool tcg = type && !strcmp(type, "qemu");
        free(type);
        cpu = xmlNewNode(NULL, BAD_CAST "cpu");
        xmlNodePtr after = hv_virt_x_child(root, "features");
        if (!after)
            after = hv_virt_x_child(root, "os");
        if (after)
            xmlAddNextSibling(after, cpu);
        else
            xmlAddChild(root, cpu);
        if (tcg) {
            /* host-passthrough is refused under TCG; qemu64 + svm starts (engine-lab §3) */
            xmlSetProp(cpu, BAD_CAST "mode", BAD_CAST "custom");
            xmlSetProp(cpu, BAD_CAST "match", BAD_CAST "exact");
            xmlNodePtr m = xmlNewChild(cpu, NULL, BAD_CAST "model", BAD_CAST "qemu64");
            xmlSetProp(m, BAD_CAST "fallback", BAD_CAST "allow");
        } else {
            xmlSetProp(cpu, BAD_CAST "mode", BAD_CAST "host-passthrough");
        }
    }
    xmlNodePtr next;
    for (xmlNodePtr f = cpu->children; f; f = next) {
        next = f->next;
        if (f->type != XML_ELEMENT_NODE || xmlStrcmp(f->name, BAD_CAST "feature"))
            continue;
        char *n = hv_virt_x_prop(f, "name");
        if (n && (!strcmp(n, "vmx") || !strcmp(n, "svm")))
            hv_virt_x_remove(f);
        free(n);
    }
    xmlNodePtr f = xmlNewChild(cpu, NULL, BAD_CAST "feature", NULL);
    xmlSetProp(f, BAD_CAST "policy", BAD_CAST(on ? "require" : "disable"));
    xmlSetProp(f, BAD_CAST "name", BAD_CAST nested_feature(root));
}

static int
proc_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    const proc_ud *pu = ud;
    const hv_proc_set *s = pu->s;
    xmlNodePtr root = root_of(ec);
    bool any =
        s->count > 0 || s->nested >= 0 || s->reserve >= 0 || s->maximum >= 0 || s->weight >= 0;
    if (!any)
        return 0;
    if (is_running(ec) || ec->state == HV_VM_SAVED) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "The processor settings cannot be changed while the virtual machine is "
                        "running or saved. Turn the virtual machine off first.");
        return -1;
    }
    if (s->count > 0) {
        virNodeInfo ni;
        unsigned host = 0;
        if (ec->v->api->virNodeGetInfo(ec->v->conn, &ni) == 0)
            host = ni.cpus;
        else
            ec->v->api->virResetLastError();
        if (s->count > 240 || (host && (unsigned)s->count > host)) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The processor count %lld is out of range. The range is 1 through %u.",
                            (long long)s->count, host ? host : 240);
            return -1;
        }
    }
    if ((s->reserve > 100) || (s->maximum > 100) || (s->maximum >= 0 && s->maximum < 0)) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "Reserve and Maximum are percentages in the range 0 through 100.");
        return -1;
    }
    if (s->weight >= 0 && (s->weight < 1 || s->weight > 10000)) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The relative weight %d is out of range. The range is 1 through 10000.",
                        s->weight);
        return -1;
    }
    if (s->count > 0) {
        xmlNodePtr vc = hv_virt_x_ensure(root, "vcpu");
        char b[16];
        snprintf(b, sizeof b, "%lld", (long long)s->count);
        xmlNodeSetContent(vc, BAD_CAST b);
        xmlUnsetProp(vc, BAD_CAST "current");
    }
    if (s->nested >= 0) {
        set_nested(root, s->nested == 1);
        char *type = hv_virt_x_prop(root, "type");
        if (s->nested == 1 && type && !strcmp(type, "kvm") && pu->warn) {
            hv_host h = {0};
            hv_virt_host_probe(&h);
            *pu->warn = h.kvm_nested != 1;
        }
        free(type);
    }
    if (s->reserve >= 0 || s->maximum >= 0 || s->weight >= 0) {
        xmlNodePtr pm = hv_virt_x_meta_child(ec->doc, "processor", true);
        if (s->reserve >= 0)
            set_ll(pm, "reserve", s->reserve);
        if (s->maximum >= 0)
            set_ll(pm, "maximum", s->maximum);
        if (s->weight >= 0) {
            set_ll(pm, "weight", s->weight);
            /* relative weight maps onto the scheduler's cpu shares (Hyper-V default 100) */
            xmlNodePtr ct = hv_virt_x_ensure(root, "cputune");
            xmlNodePtr sh = hv_virt_x_ensure(ct, "shares");
            char b[16];
            snprintf(b, sizeof b, "%d", s->weight * 1024 / 100);
            xmlNodeSetContent(sh, BAD_CAST b);
        }
    }
    ec->changed = true;
    return 0;
}

int
hv_virt_set_processor(hv_virt *v, const char *uuid, const hv_proc_set *s, bool *warn_no_nested,
                      hv_eng_err *err)
{
    proc_ud pu = {.s = s, .warn = warn_no_nested};
    if (warn_no_nested)
        *warn_no_nested = false;
    return hv_virt_edit(v, uuid, proc_edit, &pu, err);
}

/* ---- memory ---- */
static int
mem_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    const hv_mem_set *s = ud;
    xmlNodePtr root = root_of(ec);
    hv_vm cur = {0};
    /* current values, read the same way Get-VMMemory does */
    uint64_t maxmem = hv_virt_x_mem_bytes(hv_virt_x_child(root, "memory"));
    uint64_t curmem = hv_virt_x_mem_bytes(hv_virt_x_child(root, "currentMemory"));
    if (!curmem)
        curmem = maxmem;
    xmlNodePtr mm = hv_virt_x_meta_child(ec->doc, "memory", false);
    char *dyn = hv_virt_x_prop(mm, "dynamic");
    cur.dynamic_memory = dyn && !strcmp(dyn, "yes");
    free(dyn);
    char *p = hv_virt_x_prop(mm, "minimum");
    cur.mem_minimum = p ? strtoull(p, NULL, 10) : 512ull << 20;
    free(p);
    p = hv_virt_x_prop(mm, "maximum");
    uint64_t meta_max = p ? strtoull(p, NULL, 10) : 1ull << 40;
    free(p);
    cur.mem_maximum = cur.dynamic_memory ? maxmem : meta_max;
    bool dynamic = s->dynamic >= 0 ? s->dynamic == 1 : cur.dynamic_memory;
    uint64_t startup = s->startup >= 0 ? (uint64_t)s->startup : curmem;
    uint64_t minimum = s->minimum >= 0 ? (uint64_t)s->minimum : cur.mem_minimum;
    uint64_t maximum = s->maximum >= 0 ? (uint64_t)s->maximum : cur.mem_maximum;
    bool running = is_running(ec);
    if (running && ec->nested_live) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "The memory of a virtual machine that exposes virtualization extensions "
                        "cannot be changed while it is running. Turn the virtual machine off "
                        "first.");
        return -1;
    }
    if (running && s->dynamic >= 0 && dynamic != cur.dynamic_memory) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "Dynamic memory cannot be enabled or disabled while the virtual machine "
                        "is running.");
        return -1;
    }
    if (running && dynamic && s->startup >= 0 && startup != curmem) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "The startup memory of a virtual machine with dynamic memory cannot be "
                        "changed while it is running.");
        return -1;
    }
    if (hv_virt_check_memory(startup, "startup", err) < 0)
        return -1;
    if (dynamic) {
        if (hv_virt_check_memory(minimum, "minimum", err) < 0 ||
            hv_virt_check_memory(maximum, "maximum", err) < 0)
            return -1;
        if (minimum > startup) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The minimum memory amount must be less than or equal to the startup "
                            "memory amount.");
            return -1;
        }
        if (maximum < startup) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The maximum memory amount must be greater than or equal to the "
                            "startup memory amount.");
            return -1;
        }
    }
    if (s->buffer >= 0 && (s->buffer < 5 || s->buffer > 2000)) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The memory buffer %d is out of range. The range is 5 through 2000.",
                        s->buffer);
        return -1;
    }
    if (s->priority >= 0 && s->priority > 100) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The memory weight %d is out of range. The range is 0 through 100.",
                        s->priority);
        return -1;
    }
    /* the plan is valid: edit the config */
    xmlNodePtr memn = hv_virt_x_ensure(root, "memory");
    xmlNodePtr curn = hv_virt_x_child(root, "currentMemory");
    if (!curn) {
        curn = xmlNewNode(NULL, BAD_CAST "currentMemory");
        xmlAddNextSibling(memn, curn);
    }
    uint64_t live_target = 0;
    if (running) {
        /* the maximum cannot change on a running domain: config now, live at next start */
        if (!dynamic)
            live_target = startup;
        else
            live_target = curmem < minimum ? minimum : curmem > maximum ? maximum : 0;
        uint64_t live_max = maxmem; /* what the running domain was started with */
        if (live_target > live_max) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The memory amount cannot be raised above %llu MB while the virtual "
                            "machine is running.",
                            (unsigned long long)(live_max >> 20));
            return -1;
        }
        if (!dynamic && startup > maxmem) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The memory amount cannot be raised above %llu MB while the virtual "
                            "machine is running.",
                            (unsigned long long)(maxmem >> 20));
            return -1;
        }
    }
    if (dynamic) {
        hv_virt_x_set_mem(memn, maximum);
        hv_virt_x_set_mem(curn, startup);
    } else if (!running) {
        hv_virt_x_set_mem(memn, startup);
        hv_virt_x_set_mem(curn, startup);
    } else {
        hv_virt_x_set_mem(curn, startup);
    }
    mm = hv_virt_x_meta_child(ec->doc, "memory", true);
    xmlSetProp(mm, BAD_CAST "dynamic", BAD_CAST(dynamic ? "yes" : "no"));
    set_ll(mm, "minimum", (long long)minimum);
    set_ll(mm, "maximum", (long long)maximum);
    if (s->buffer >= 0)
        set_ll(mm, "buffer", s->buffer);
    if (s->priority >= 0)
        set_ll(mm, "priority", s->priority);
    if (dynamic) {
        xmlNodePtr devs = hv_virt_x_ensure(root, "devices");
        if (!hv_virt_x_child(devs, "memballoon"))
            xmlSetProp(xmlNewChild(devs, NULL, BAD_CAST "memballoon", NULL), BAD_CAST "model",
                       BAD_CAST "virtio");
    }
    ec->changed = true;
    if (live_target) {
        virDomainInfo info;
        unsigned long was = ec->v->api->virDomainGetInfo(ec->dom, &info) == 0 ? info.memory : 0;
        if (ec->v->api->virDomainSetMemoryFlags(ec->dom, (unsigned long)(live_target >> 10),
                                                VIR_DOMAIN_AFFECT_LIVE) < 0) {
            hv_virt_err_lv(ec->v, err, 0);
            return -1;
        }
        ec->live_mem_kib = was; /* the balloon goes back if the define fails */
    }
    return 0;
}

int
hv_virt_set_memory(hv_virt *v, const char *uuid, const hv_mem_set *s, hv_eng_err *err)
{
    return hv_virt_edit(v, uuid, mem_edit, (void *)s, err);
}

/* ---- general settings ---- */
static int
vm_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    const hv_vm_set *s = ud;
    xmlNodePtr root = root_of(ec);
    if (s->new_name) {
        if (hv_virt_check_name("virtual machine", s->new_name, err) < 0)
            return -1;
        if (is_running(ec) || ec->state == HV_VM_SAVED) {
            /* libvirt renames only inactive domains */
            hv_virt_err_set(err, HV_VIRT_E_STATE,
                            "libvirt can rename a virtual machine only while it is off.");
            return -1;
        }
        virDomainPtr *doms = NULL;
        int cnt = ec->v->api->virConnectListAllDomains(ec->v->conn, &doms, 0);
        bool clash = false;
        for (int i = 0; i < cnt; i++) {
            if (!strcmp(ec->v->api->virDomainGetName(doms[i]), s->new_name) && doms[i] != ec->dom) {
                char u1[VIR_UUID_STRING_BUFLEN], u2[VIR_UUID_STRING_BUFLEN];
                ec->v->api->virDomainGetUUIDString(doms[i], u1);
                ec->v->api->virDomainGetUUIDString(ec->dom, u2);
                clash = strcmp(u1, u2) != 0;
            }
            ec->v->api->virDomainFree(doms[i]);
        }
        free(doms);
        if (clash) {
            hv_virt_err_set(err, HV_VIRT_E_EXISTS, "A virtual machine named \"%s\" already exists.",
                            s->new_name);
            return -1;
        }
    }
    if (s->notes) {
        xmlNodePtr d = hv_virt_x_child(root, "description");
        if (!d) {
            d = xmlNewNode(NULL, BAD_CAST "description");
            xmlAddNextSibling(hv_virt_x_ensure(root, "name"), d);
        }
        hv_virt_x_set_text(d, s->notes);
    }
    if (s->auto_start || s->auto_stop || s->auto_start_delay >= 0) {
        xmlNodePtr a = hv_virt_x_meta_child(ec->doc, "automatic", true);
        if (s->auto_start)
            xmlSetProp(a, BAD_CAST "start", BAD_CAST s->auto_start);
        if (s->auto_stop)
            xmlSetProp(a, BAD_CAST "stop", BAD_CAST s->auto_stop);
        if (s->auto_start_delay >= 0)
            set_ll(a, "delay", s->auto_start_delay);
    }
    if (s->checkpoint_type)
        xmlSetProp(hv_virt_x_meta_child(ec->doc, "checkpoints", true), BAD_CAST "type",
                   BAD_CAST s->checkpoint_type);
    ec->changed = true;
    if (s->new_name && strcmp(s->new_name, ec->v->api->virDomainGetName(ec->dom)) != 0) {
        /* the settings first (one define under the old name), then the rename */
        if (hv_virt_dom_define(ec->v, ec->doc, err) < 0)
            return -1;
        ec->changed = false;
        ec->defined = true; /* a failed rename puts the old definition back */
        if (ec->v->api->virDomainRename(ec->dom, s->new_name, 0) < 0) {
            hv_virt_err_lv(ec->v, err, 0);
            return -1;
        }
    }
    return 0;
}

int
hv_virt_set_vm(hv_virt *v, const char *uuid, const hv_vm_set *s, hv_eng_err *err)
{
    if (err)
        err->code = 0;
    return hv_virt_edit(v, uuid, vm_edit, (void *)s, err);
}

int
hv_virt_set_all(hv_virt *v, const char *uuid, const hv_proc_set *ps, const hv_mem_set *ms,
                const hv_vm_set *vs, hv_eng_err *err)
{
    proc_ud pu = {.s = ps};
    hv_virt_edit_fn fns[3];
    void *uds[3];
    size_t n = 0;
    if (ps) {
        fns[n] = proc_edit;
        uds[n++] = &pu;
    }
    if (ms) {
        fns[n] = mem_edit;
        uds[n++] = (void *)ms;
    }
    if (vs) { /* last: a rename defines the settings of the others with it */
        fns[n] = vm_edit;
        uds[n++] = (void *)vs;
    }
    if (err)
        err->code = 0;
    return hv_virt_edit_n(v, uuid, fns, uds, n, err);
}

/* ---- network adapters ---- */
static xmlNodePtr
find_nic(xmlNodePtr root, const char *mac)
{
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST "interface"))
            continue;
        char *m = hv_virt_x_prop(hv_virt_x_child(c, "mac"), "address");
        bool same = m && strcasecmp(m, mac) == 0;
        free(m);
        if (same)
            return c;
    }
    return NULL;
}

static xmlNodePtr
find_meta_nic(xmlDocPtr doc, const char *mac, bool create)
{
    xmlNodePtr hv = hv_virt_x_meta(doc, create);
    for (xmlNodePtr m = hv ? hv->children : NULL; m; m = m->next) {
        if (m->type != XML_ELEMENT_NODE || xmlStrcmp(m->name, BAD_CAST "nic"))
            continue;
        char *mm = hv_virt_x_prop(m, "mac");
        bool same = mm && strcasecmp(mm, mac) == 0;
        free(mm);
        if (same)
            return m;
    }
    if (!create)
        return NULL;
    xmlNodePtr m = xmlNewChild(hv, hv->ns, BAD_CAST "nic", NULL);
    xmlSetProp(m, BAD_CAST "mac", BAD_CAST mac);
    xmlSetProp(m, BAD_CAST "name", BAD_CAST "Network Adapter");
    xmlSetProp(m, BAD_CAST "dynamicmac", BAD_CAST "yes");
    return m;
}

static bool
mac_in_use(xmlNodePtr root, const char *mac)
{
    return find_nic(root, mac) != NULL;
}

/* Live device change where the driver can; the test driver cannot hot-plug, which is fine
 * because its live state is not observable beyond the config we define next. */
int
hv_virt_live_device(hv_virt_edit_ctx *ec, xmlNodePtr dev, int op, const char *before,
                    hv_eng_err *err)
{
    if (!is_running(ec) || ec->v->is_test)
        return 0;
    char *x = hv_virt_x_dump(dev);
    int r;
    if (op == 0)
        r = ec->v->api->virDomainAttachDeviceFlags(ec->dom, x, VIR_DOMAIN_AFFECT_LIVE);
    else if (op == 1)
        r = ec->v->api->virDomainDetachDeviceFlags(ec->dom, x, VIR_DOMAIN_AFFECT_LIVE);
    else
        r = ec->v->api->virDomainUpdateDeviceFlags(ec->dom, x, VIR_DOMAIN_AFFECT_LIVE);
    if (r < 0) {
        free(x);
        virErrorPtr e = ec->v->api->virGetLastError();
        if (e && e->code == VIR_ERR_NO_SUPPORT) {
            ec->v->api->virResetLastError();
            return 0;
        }
        hv_virt_err_lv(ec->v, err, 0);
        return -1;
    }
    /* the reverse call, should the define that follows fail */
    if (op == 0 || op == 1)
        hv_virt_edit_live_undo(ec, op == 0 ? 1 : 0, x);
    else
        hv_virt_edit_live_undo(ec, 2, before);
    free(x);
    return 0;
}

typedef struct {
    const hv_nic_spec *s;
    char *mac_out;
} nic_add_ud;

static int
nic_add_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    nic_add_ud *u = ud;
    const hv_nic_spec *s = u->s;
    xmlNodePtr root = root_of(ec);
    char mac[18];
    if (s->static_mac) {
        if (!hv_virt_mac_normalize(s->static_mac, mac)) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The MAC address '%s' is not valid: use 12 hexadecimal digits.",
                            s->static_mac);
            return -1;
        }
    } else {
        do
            hv_virt_gen_mac_v(ec->v, mac);
        while (mac_in_use(root, mac));
    }
    if (mac_in_use(root, mac)) {
        hv_virt_err_set(err, HV_VIRT_E_EXISTS,
                        "The MAC address %s is already used by another adapter of this virtual "
                        "machine.",
                        mac);
        return -1;
    }
    if (s->name && hv_virt_check_name("network adapter", s->name, err) < 0)
        return -1;
    if (s->legacy && is_running(ec)) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "A legacy network adapter can be added only while the virtual machine is "
                        "off.");
        return -1;
    }
    xmlNodePtr devs = hv_virt_x_ensure(root, "devices");
    hv_virt_add_nic_xml(devs, mac, s->bridge, s->network, s->legacy, true);
    xmlNodePtr dev = xmlGetLastChild(devs);
    hv_virt_meta_nic(ec->doc, mac,
                     s->name     ? s->name
                     : s->legacy ? "Legacy Network Adapter"
                                 : "Network Adapter",
                     s->static_mac == NULL);
    ec->changed = true;
    if (u->mac_out)
        memcpy(u->mac_out, mac, 18);
    return hv_virt_live_device(ec, dev, 0, NULL, err);
}

int
hv_virt_nic_add(hv_virt *v, const char *uuid, const hv_nic_spec *s, char mac_out[18],
                hv_eng_err *err)
{
    nic_add_ud u = {.s = s, .mac_out = mac_out};
    return hv_virt_edit(v, uuid, nic_add_edit, &u, err);
}

static int
nic_remove_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    const char *mac = ud;
    xmlNodePtr root = root_of(ec);
    xmlNodePtr dev = find_nic(root, mac);
    if (!dev) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "No network adapter with MAC address %s.", mac);
        return -1;
    }
    if (hv_virt_live_device(ec, dev, 1, NULL, err) < 0)
        return -1;
    hv_virt_x_remove(find_meta_nic(ec->doc, mac, false));
    hv_virt_x_remove(dev);
    ec->changed = true;
    return 0;
}

int
hv_virt_nic_remove(hv_virt *v, const char *uuid, const char *mac, hv_eng_err *err)
{
    return hv_virt_edit(v, uuid, nic_remove_edit, (void *)mac, err);
}

typedef struct {
    const char *mac;
    const hv_nic_set *s;
    char *mac_out;
} nic_set_ud;

static void
nic_set_source(xmlNodePtr dev, const char *bridge, const char *network)
{
    hv_virt_x_remove(hv_virt_x_child(dev, "source"));
    xmlSetProp(dev, BAD_CAST "type",
               BAD_CAST(bridge    ? "bridge"
                        : network ? "network"
                                  : "ethernet"));
    if (bridge || network) {
        xmlNodePtr src = xmlNewNode(NULL, BAD_CAST "source");
        xmlSetProp(src, BAD_CAST(bridge ? "bridge" : "network"),
                   BAD_CAST(bridge ? bridge : network));
        xmlNodePtr mac = hv_virt_x_child(dev, "mac");
        if (mac)
            xmlAddNextSibling(mac, src);
        else
            xmlAddChild(dev, src);
    }
}

static int
nic_set_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    nic_set_ud *u = ud;
    const hv_nic_set *s = u->s;
    xmlNodePtr root = root_of(ec);
    xmlNodePtr dev = find_nic(root, u->mac);
    if (!dev) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "No network adapter with MAC address %s.",
                        u->mac);
        return -1;
    }
    char newmac[18];
    snprintf(newmac, sizeof newmac, "%s", u->mac);
    bool mac_change = false;
    if (s->static_mac) {
        if (!hv_virt_mac_normalize(s->static_mac, newmac)) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The MAC address '%s' is not valid: use 12 hexadecimal digits.",
                            s->static_mac);
            return -1;
        }
        mac_change = strcasecmp(newmac, u->mac) != 0;
        if (mac_change && mac_in_use(root, newmac)) {
            hv_virt_err_set(err, HV_VIRT_E_EXISTS,
                            "The MAC address %s is already used by another adapter.", newmac);
            return -1;
        }
    }
    if (mac_change && is_running(ec)) {
        /* libvirt cannot change a live MAC (engine-lab §3); Hyper-V needs the VM off too */
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "The MAC address of a network adapter cannot be changed while the "
                        "virtual machine is running.");
        return -1;
    }
    if (s->new_name && hv_virt_check_name("network adapter", s->new_name, err) < 0)
        return -1;
    if (s->vlan > 4094) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The VLAN ID %d is out of range. The range is 1 through 4094.", s->vlan);
        return -1;
    }
    /* plan is valid: edit (the device as it was, to put back live if the define fails) */
    bool live = s->mac_spoofing >= 0 || s->connect >= 0;
    char *before = live && is_running(ec) ? hv_virt_x_dump(dev) : NULL;
    xmlNodePtr meta = find_meta_nic(ec->doc, u->mac, true);
    if (s->mac_spoofing >= 0) {
        hv_virt_x_remove(hv_virt_x_child(dev, "filterref"));
        if (s->mac_spoofing == 0)
            xmlSetProp(xmlNewChild(dev, NULL, BAD_CAST "filterref", NULL), BAD_CAST "filter",
                       BAD_CAST "no-mac-spoofing");
    }
    if (s->connect == 0)
        nic_set_source(dev, NULL, NULL);
    else if (s->connect == 1)
        nic_set_source(dev, s->bridge, s->network);
    if (mac_change) {
        xmlSetProp(hv_virt_x_ensure(dev, "mac"), BAD_CAST "address", BAD_CAST newmac);
        xmlSetProp(meta, BAD_CAST "mac", BAD_CAST newmac);
    }
    if (s->static_mac)
        xmlSetProp(meta, BAD_CAST "dynamicmac", BAD_CAST "no");
    else if (s->dynamic_mac)
        xmlSetProp(meta, BAD_CAST "dynamicmac", BAD_CAST "yes");
    if (s->new_name)
        xmlSetProp(meta, BAD_CAST "name", BAD_CAST s->new_name);
    if (s->vlan > -2) {
        if (s->vlan > 0)
            set_ll(meta, "vlan", s->vlan);
        else
            xmlUnsetProp(meta, BAD_CAST "vlan");
    }
    for (size_t k = 0; k < HV_VIRT_NIC_NFLAGS; k++) {
        unsigned f = hv_virt_nic_flag_attr[k].flag;
        if (s->set_on & f)
            xmlSetProp(meta, BAD_CAST hv_virt_nic_flag_attr[k].attr, BAD_CAST "on");
        else if (s->set_off & f)
            xmlUnsetProp(meta, BAD_CAST hv_virt_nic_flag_attr[k].attr);
    }
    ec->changed = true;
    if (u->mac_out)
        memcpy(u->mac_out, newmac, 18);
    int r = live ? hv_virt_live_device(ec, dev, 2, before, err) : 0;
    free(before);
    return r;
}

int
hv_virt_nic_set(hv_virt *v, const char *uuid, const char *mac, const hv_nic_set *s,
                char mac_out[18], hv_eng_err *err)
{
    nic_set_ud u = {.mac = mac, .s = s, .mac_out = mac_out};
    return hv_virt_edit(v, uuid, nic_set_edit, &u, err);
}

/* ---- disks ---- */
static bool
slot_used(xmlNodePtr devs, bool ide, int number, int unit)
{
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST "disk"))
            continue;
        xmlNodePtr t = hv_virt_x_child(c, "target");
        char *bus = hv_virt_x_prop(t, "bus");
        bool is_ide = bus && !strcmp(bus, "ide");
        free(bus);
        if (is_ide != ide)
            continue;
        xmlNodePtr a = hv_virt_x_child(c, "address");
        char *nb = hv_virt_x_prop(a, ide ? "bus" : "controller");
        char *ub = hv_virt_x_prop(a, "unit");
        int n = nb ? atoi(nb) : 0, u = ub ? atoi(ub) : 0;
        if (!a) {
            char *dev = hv_virt_x_prop(t, "dev");
            int idx = dev && strlen(dev) >= 3 ? dev[strlen(dev) - 1] - 'a' : 0;
            free(dev);
            n = ide ? idx / 2 : 0;
            u = ide ? idx % 2 : idx;
        }
        free(nb);
        free(ub);
        if (n == number && u == unit)
            return true;
    }
    return false;
}

static bool
target_used(xmlNodePtr devs, const char *dev)
{
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST "disk"))
            continue;
        char *d = hv_virt_x_prop(hv_virt_x_child(c, "target"), "dev");
        bool same = d && !strcmp(d, dev);
        free(d);
        if (same)
            return true;
    }
    return false;
}

static int
disk_add_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    const hv_disk_spec *s = ud;
    xmlNodePtr root = root_of(ec);
    xmlNodePtr devs = hv_virt_x_ensure(root, "devices");
    char *gen = hv_virt_x_prop(hv_virt_x_meta_child(ec->doc, "generation", false), "value");
    bool gen2 = gen && !strcmp(gen, "2");
    free(gen);
    /* Generation 1 VMs boot from IDE; generation 2 has SCSI only */
    bool ide = s->controller_type == 0 || (s->controller_type < 0 && !gen2);
    if (gen2 && ide) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "A generation 2 virtual machine has no IDE controller.");
        return -1;
    }
    int maxn = ide ? 2 : 4, maxu = ide ? 2 : 64;
    int number = s->controller_number, unit = s->controller_location;
    if (number >= maxn) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The %s controller number %d is out of range. The range is 0 through %d.",
                        ide ? "IDE" : "SCSI", number, maxn - 1);
        return -1;
    }
    if (unit >= maxu) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The %s controller location %d is out of range. The range is 0 through "
                        "%d.",
                        ide ? "IDE" : "SCSI", unit, maxu - 1);
        return -1;
    }
    if (number < 0 || unit < 0) {
        bool found = false;
        for (int n = number < 0 ? 0 : number; n < maxn && !found; n++)
            for (int u2 = unit < 0 ? 0 : unit; u2 < maxu && !found; u2++)
                if (!slot_used(devs, ide, n, u2)) {
                    number = n;
                    unit = u2;
                    found = true;
                }
        if (!found) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID, "No free location on the %s controller.",
                            ide ? "IDE" : "SCSI");
            return -1;
        }
    } else if (slot_used(devs, ide, number, unit)) {
        hv_virt_err_set(err, HV_VIRT_E_EXISTS,
                        "The %s controller location %d:%d is already in use.", ide ? "IDE" : "SCSI",
                        number, unit);
        return -1;
    }
    if (s->path && !ec->v->is_test && access(s->path, F_OK) != 0) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The file '%s' does not exist.", s->path);
        return -1;
    }
    if (is_running(ec) && ide) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "Drives on an IDE controller can be added only while the virtual machine "
                        "is off.");
        return -1;
    }
    char dev[8];
    int idx = ide ? number * 2 + unit : number * 64 + unit;
    snprintf(dev, sizeof dev, "%s%c", ide ? "hd" : "sd", 'a' + (idx % 26));
    for (int k = 0; target_used(devs, dev) && k < 26; k++)
        snprintf(dev, sizeof dev, "%s%c", ide ? "hd" : "sd", 'a' + ((idx + k + 1) % 26));
    xmlNodePtr d = hv_virt_add_disk_xml(devs, s->path, s->dvd, ide, number, unit, dev);
    ec->changed = true;
    return hv_virt_live_device(ec, d, 0, NULL, err);
}

int
hv_virt_disk_add(hv_virt *v, const char *uuid, const hv_disk_spec *s, hv_eng_err *err)
{
    return hv_virt_edit(v, uuid, disk_add_edit, (void *)s, err);
}

static xmlNodePtr
find_disk(xmlNodePtr root, const char *target)
{
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST "disk"))
            continue;
        char *d = hv_virt_x_prop(hv_virt_x_child(c, "target"), "dev");
        bool same = d && !strcmp(d, target);
        free(d);
        if (same)
            return c;
    }
    return NULL;
}

static int
disk_remove_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    xmlNodePtr d = find_disk(root_of(ec), ud);
    if (!d) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "No drive with target %s.", (const char *)ud);
        return -1;
    }
    if (hv_virt_live_device(ec, d, 1, NULL, err) < 0)
        return -1;
    hv_virt_x_remove(d);
    ec->changed = true;
    return 0;
}

int
hv_virt_disk_remove(hv_virt *v, const char *uuid, const char *target, hv_eng_err *err)
{
    return hv_virt_edit(v, uuid, disk_remove_edit, (void *)target, err);
}

typedef struct {
    const char *target, *path;
} dvd_ud;

static int
dvd_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    dvd_ud *u = ud;
    xmlNodePtr d = find_disk(root_of(ec), u->target);
    if (!d) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "No DVD drive with target %s.", u->target);
        return -1;
    }
    if (u->path && !ec->v->is_test && access(u->path, R_OK) != 0) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The file '%s' does not exist.", u->path);
        return -1;
    }
    char *before = is_running(ec) ? hv_virt_x_dump(d) : NULL;
    hv_virt_x_remove(hv_virt_x_child(d, "source"));
    if (u->path) {
        xmlNodePtr src = xmlNewNode(NULL, BAD_CAST "source");
        xmlSetProp(src, BAD_CAST "file", BAD_CAST u->path);
        xmlNodePtr drv = hv_virt_x_child(d, "driver");
        if (drv)
            xmlAddNextSibling(drv, src);
        else
            xmlAddChild(d, src);
    }
    ec->changed = true;
    int r = hv_virt_live_device(ec, d, 2, before, err);
    free(before);
    return r;
}

int
hv_virt_dvd_set(hv_virt *v, const char *uuid, const char *target, const char *path, hv_eng_err *err)
{
    dvd_ud u = {.target = target, .path = path};
    return hv_virt_edit(v, uuid, dvd_edit, &u, err);
}

/* ---- Set-VMHardDiskDrive: new medium and/or another controller slot ---- */
/* Target device name for a slot: hdX for IDE (2 per controller), sdX for SCSI, skipping
 * names in use. */
static void
slot_target(xmlNodePtr devs, bool ide, int number, int unit, char dev[8])
{
    int idx = ide ? number * 2 + unit : number * 64 + unit;
    snprintf(dev, 8, "%s%c", ide ? "hd" : "sd", 'a' + (idx % 26));
    for (int k = 0; target_used(devs, dev) && k < 26; k++)
        snprintf(dev, 8, "%s%c", ide ? "hd" : "sd", 'a' + ((idx + k + 1) % 26));
}

typedef struct {
    const char *target;
    const hv_disk_set *s;
    char *target_out;
} disk_set_ud;

static int
disk_set_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    disk_set_ud *u = ud;
    const hv_disk_set *s = u->s;
    xmlNodePtr root = root_of(ec);
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    xmlNodePtr d = find_disk(root, u->target);
    if (!d) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "No drive with target %s.", u->target);
        return -1;
    }
    hv_vm_disk cur;
    memset(&cur, 0, sizeof cur);
    xmlNodePtr t = hv_virt_x_child(d, "target");
    char *bus = hv_virt_x_prop(t, "bus");
    cur.controller_type = bus && !strcmp(bus, "ide") ? 0 : 1;
    free(bus);
    xmlNodePtr a = hv_virt_x_child(d, "address");
    char *nb = hv_virt_x_prop(a, cur.controller_type == 0 ? "bus" : "controller");
    char *ub = hv_virt_x_prop(a, "unit");
    cur.controller_number = nb ? atoi(nb) : 0;
    cur.controller_location = ub ? atoi(ub) : 0;
    free(nb);
    free(ub);
    bool move = s->to_type >= 0 || s->to_number >= 0 || s->to_location >= 0;
    int type = s->to_type >= 0 ? s->to_type : cur.controller_type;
    int number = s->to_number >= 0 ? s->to_number
                 : move && s->to_type >= 0 && s->to_type != cur.controller_type
                     ? 0
                     : cur.controller_number;
    int unit = s->to_location >= 0 ? s->to_location : -1;
    bool ide = type == 0;
    if (move) {
        char *gen = hv_virt_x_prop(hv_virt_x_meta_child(ec->doc, "generation", false), "value");
        bool gen2 = gen && !strcmp(gen, "2");
        free(gen);
        if (gen2 && ide) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "A generation 2 virtual machine has no IDE controller.");
            return -1;
        }
        int maxn = ide ? 2 : 4, maxu = ide ? 2 : 64;
        if (number >= maxn || unit >= maxu) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The %s controller location %d:%d is out of range.",
                            ide ? "IDE" : "SCSI", number, unit);
            return -1;
        }
        /* the drive's own slot does not count as used: take it out while choosing */
        xmlNodePtr prev = d->prev;
        xmlNodePtr parent = d->parent;
        xmlUnlinkNode(d);
        if (unit < 0) {
            for (int u2 = 0; u2 < maxu && unit < 0; u2++)
                if (!slot_used(devs, ide, number, u2))
                    unit = u2;
        }
        bool used = unit < 0 || slot_used(devs, ide, number, unit);
        if (prev)
            xmlAddNextSibling(prev, d);
        else if (parent->children)
            xmlAddPrevSibling(parent->children, d);
        else
            xmlAddChild(parent, d);
        if (used) {
            hv_virt_err_set(err, HV_VIRT_E_EXISTS,
                            unit < 0 ? "No free location on %s controller %d."
                                     : "The %s controller location %d:%d is already in use.",
                            ide ? "IDE" : "SCSI", number, unit);
            return -1;
        }
    }
    if (s->path && !ec->v->is_test && access(s->path, F_OK) != 0) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The file '%s' does not exist.", s->path);
        return -1;
    }
    if (is_running(ec) && (move || s->path)) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "A hard disk drive can be moved or given another virtual hard disk only "
                        "while the virtual machine is off.");
        return -1;
    }
    if (s->path) {
        xmlNodePtr src = hv_virt_x_child(d, "source");
        if (!src) {
            src = xmlNewNode(NULL, BAD_CAST "source");
            xmlNodePtr drv = hv_virt_x_child(d, "driver");
            if (drv)
                xmlAddNextSibling(drv, src);
            else
                xmlAddChild(d, src);
        }
        xmlUnsetProp(src, BAD_CAST "dev");
        xmlSetProp(src, BAD_CAST "file", BAD_CAST s->path);
        xmlSetProp(d, BAD_CAST "type", BAD_CAST "file");
        xmlNodePtr drv = hv_virt_x_ensure(d, "driver");
        xmlSetProp(drv, BAD_CAST "type", BAD_CAST hv_virt_disk_format(s->path));
    }
    snprintf(u->target_out, 16, "%s", u->target);
    if (move) {
        char dev[8];
        xmlNodePtr self_t = hv_virt_x_child(d, "target");
        char *old = hv_virt_x_prop(self_t, "dev");
        xmlSetProp(self_t, BAD_CAST "dev", BAD_CAST "-"); /* free its own name */
        slot_target(devs, ide, number, unit, dev);
        free(old);
        xmlSetProp(self_t, BAD_CAST "dev", BAD_CAST dev);
        xmlSetProp(self_t, BAD_CAST "bus", BAD_CAST(ide ? "ide" : "scsi"));
        xmlNodePtr addr = hv_virt_x_ensure(d, "address");
        char nbuf[16], ubuf[16];
        snprintf(nbuf, sizeof nbuf, "%d", number);
        snprintf(ubuf, sizeof ubuf, "%d", unit);
        xmlSetProp(addr, BAD_CAST "type", BAD_CAST "drive");
        xmlSetProp(addr, BAD_CAST "controller", BAD_CAST(ide ? "0" : nbuf));
        xmlSetProp(addr, BAD_CAST "bus", BAD_CAST(ide ? nbuf : "0"));
        xmlSetProp(addr, BAD_CAST "target", BAD_CAST "0");
        xmlSetProp(addr, BAD_CAST "unit", BAD_CAST ubuf);
        snprintf(u->target_out, 16, "%s", dev);
    }
    ec->changed = move || s->path;
    return 0;
}

int
hv_virt_disk_set(hv_virt *v, const char *uuid, const char *target, const hv_disk_set *s,
                 char target_out[16], hv_eng_err *err)
{
    disk_set_ud u = {.target = target, .s = s, .target_out = target_out};
    return hv_virt_edit(v, uuid, disk_set_edit, &u, err);
}

/* ---- SCSI controllers: <controller type='scsi' index=N>, and the ones disks refer to ---- */
static void
scsi_numbers(xmlNodePtr root, bool have[4])
{
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        char *ix = NULL;
        if (!xmlStrcmp(c->name, BAD_CAST "controller")) {
            char *ty = hv_virt_x_prop(c, "type");
            if (ty && !strcmp(ty, "scsi"))
                ix = hv_virt_x_prop(c, "index");
            free(ty);
        } else if (!xmlStrcmp(c->name, BAD_CAST "disk")) {
            char *bus = hv_virt_x_prop(hv_virt_x_child(c, "target"), "bus");
            if (bus && !strcmp(bus, "scsi")) {
                ix = hv_virt_x_prop(hv_virt_x_child(c, "address"), "controller");
                if (!ix)
                    ix = hv_virt_strdup("0");
            }
            free(bus);
        }
        if (ix) {
            int k = atoi(ix);
            if (k >= 0 && k < 4)
                have[k] = true;
            free(ix);
        }
    }
}

int
hv_virt_scsi_list(hv_virt *v, const char *uuid, bool have[4], hv_eng_err *err)
{
    memset(have, 0, 4 * sizeof *have);
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    xmlDocPtr doc = hv_virt_dom_xml(v, d, v->api->virDomainIsPersistent(d) == 1, err);
    v->api->virDomainFree(d);
    if (!doc)
        return -1;
    scsi_numbers(xmlDocGetRootElement(doc), have);
    xmlFreeDoc(doc);
    return 0;
}

typedef struct {
    bool add;
    int number; /* remove: which; add: receives the new one */
} scsi_ud;

static int
scsi_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    scsi_ud *u = ud;
    xmlNodePtr root = root_of(ec);
    bool have[4] = {false};
    scsi_numbers(root, have);
    if (is_running(ec) || ec->state == HV_VM_SAVED) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "SCSI controllers can be added or removed only while the virtual "
                        "machine is off.");
        return -1;
    }
    xmlNodePtr devs = hv_virt_x_ensure(root, "devices");
    char ib[16];
    if (u->add) {
        u->number = -1;
        for (int k = 0; k < 4 && u->number < 0; k++)
            if (!have[k])
                u->number = k;
        if (u->number < 0) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The virtual machine already has the maximum of 4 SCSI controllers.");
            return -1;
        }
        snprintf(ib, sizeof ib, "%d", u->number);
        xmlNodePtr c = xmlNewChild(devs, NULL, BAD_CAST "controller", NULL);
        xmlSetProp(c, BAD_CAST "type", BAD_CAST "scsi");
        xmlSetProp(c, BAD_CAST "index", BAD_CAST ib);
        xmlSetProp(c, BAD_CAST "model", BAD_CAST "virtio-scsi");
        ec->changed = true;
        return 0;
    }
    if (u->number < 0 || u->number > 3 || !have[u->number]) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "The virtual machine has no SCSI controller %d.",
                        u->number);
        return -1;
    }
    /* the controller goes with its drives (libvirt would add it back for them) */
    xmlNodePtr next;
    for (xmlNodePtr c = devs->children; c; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE)
            continue;
        int num = -1;
        if (!xmlStrcmp(c->name, BAD_CAST "controller")) {
            char *ty = hv_virt_x_prop(c, "type"), *ix = hv_virt_x_prop(c, "index");
            if (ty && !strcmp(ty, "scsi") && ix)
                num = atoi(ix);
            free(ty);
            free(ix);
        } else if (!xmlStrcmp(c->name, BAD_CAST "disk")) {
            char *bus = hv_virt_x_prop(hv_virt_x_child(c, "target"), "bus");
            if (bus && !strcmp(bus, "scsi")) {
                char *ix = hv_virt_x_prop(hv_virt_x_child(c, "address"), "controller");
                num = ix ? atoi(ix) : 0;
                free(ix);
            }
            free(bus);
        }
        if (num == u->number)
            hv_virt_x_remove(c);
    }
    ec->changed = true;
    return 0;
}

int
hv_virt_scsi_add(hv_virt *v, const char *uuid, int *number_out, hv_eng_err *err)
{
    scsi_ud u = {.add = true, .number = -1};
    int r = hv_virt_edit(v, uuid, scsi_edit, &u, err);
    if (r == 0 && number_out)
        *number_out = u.number;
    return r;
}

int
hv_virt_scsi_remove(hv_virt *v, const char *uuid, int number, hv_eng_err *err)
{
    scsi_ud u = {.add = false, .number = number};
    return hv_virt_edit(v, uuid, scsi_edit, &u, err);
}
