/* virt_meter.c — resource metering (Enable/Disable/Reset-VMResourceMetering, Measure-VM).
 * libvirt keeps only cumulative counters, so metering is a baseline: the time metering was
 * enabled or reset and the counters at that moment, stored in <hv:metering> so they survive
 * hvsh restarts; Measure-VM reports the difference to the counters now. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "engine/virt_int.h"
#include "engine/virt_meter.h"

typedef struct {
    unsigned long long cpu_ns, rx, tx;
    unsigned long mem_kib;
    unsigned vcpus;
    bool active;
} meter_counters;

static int64_t
now_ms(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/* Counters of a domain now; interface stats of each <interface><target dev> of the live XML. */
static void
read_counters(hv_virt *v, virDomainPtr d, meter_counters *c)
{
    memset(c, 0, sizeof *c);
    virDomainInfo info;
    if (v->api->virDomainIsActive(d) != 1 || v->api->virDomainGetInfo(d, &info) < 0) {
        v->api->virResetLastError();
        return;
    }
    c->active = true;
    c->cpu_ns = info.cpuTime;
    c->mem_kib = info.memory;
    c->vcpus = info.nrVirtCpu;
    hv_eng_err e = {0};
    xmlDocPtr doc = hv_virt_dom_xml(v, d, false, &e);
    if (!doc)
        return;
    xmlNodePtr devs = hv_virt_x_child(xmlDocGetRootElement(doc), "devices");
    for (xmlNodePtr n = devs ? devs->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "interface"))
            continue;
        char *dev = hv_virt_x_prop(hv_virt_x_child(n, "target"), "dev");
        virDomainInterfaceStatsStruct st;
        if (dev && v->api->virDomainInterfaceStats(d, dev, &st, sizeof st) == 0) {
            c->rx += st.rx_bytes > 0 ? (unsigned long long)st.rx_bytes : 0;
            c->tx += st.tx_bytes > 0 ? (unsigned long long)st.tx_bytes : 0;
        } else {
            v->api->virResetLastError();
        }
        free(dev);
    }
    xmlFreeDoc(doc);
}

static void
set_ull(xmlNodePtr n, const char *name, unsigned long long val)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%llu", val);
    xmlSetProp(n, BAD_CAST name, BAD_CAST buf);
}

static unsigned long long
get_ull(xmlNodePtr n, const char *name)
{
    char *s = hv_virt_x_prop(n, name);
    unsigned long long r = s ? strtoull(s, NULL, 10) : 0;
    free(s);
    return r;
}

static int
meter_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    (void)err;
    hv_meter_op op = *(const hv_meter_op *)ud;
    xmlNodePtr m = hv_virt_x_meta_child(ec->doc, "metering", false);
    if (op == HV_METER_DISABLE) {
        if (m) {
            hv_virt_x_remove(m);
            ec->changed = true;
        }
        return 0;
    }
    if (op == HV_METER_ENABLE && m)
        return 0; /* Hyper-V keeps the data of a metering that is already on */
    meter_counters c;
    read_counters(ec->v, ec->dom, &c);
    m = hv_virt_x_meta_child(ec->doc, "metering", true);
    set_ull(m, "start", (unsigned long long)now_ms());
    set_ull(m, "cpu", c.cpu_ns);
    set_ull(m, "rx", c.rx);
    set_ull(m, "tx", c.tx);
    ec->changed = true;
    return 0;
}

int
hv_virt_meter_set(hv_virt *v, const char *uuid, hv_meter_op op, hv_eng_err *err)
{
    return hv_virt_edit(v, uuid, meter_edit, &op, err);
}

/* Later counter minus baseline; a smaller counter means the VM restarted since. */
static unsigned long long
delta(unsigned long long now, unsigned long long base)
{
    return now >= base ? now - base : now;
}

static uint64_t
disk_bytes(xmlDocPtr doc)
{
    uint64_t total = 0;
    xmlNodePtr devs = hv_virt_x_child(xmlDocGetRootElement(doc), "devices");
    for (xmlNodePtr n = devs ? devs->children : NULL; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "disk"))
            continue;
        char *dev = hv_virt_x_prop(n, "device");
        char *file = hv_virt_x_prop(hv_virt_x_child(n, "source"), "file");
        /* Hyper-V counts the capacity of the attached virtual disks */
        hv_vhd info = {0};
        hv_eng_err e = {0};
        if (dev && !strcmp(dev, "disk") && file && hv_virt_vhd_info(file, &info, &e) == 0)
            total += info.size;
        hv_virt_vhd_clear(&info);
        free(dev);
        free(file);
    }
    return total;
}

int
hv_virt_meter_get(hv_virt *v, const char *uuid, hv_vm_meter *m, hv_eng_err *err)
{
    memset(m, 0, sizeof *m);
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    xmlDocPtr doc = hv_virt_dom_xml(v, d, true, err);
    if (!doc) {
        v->api->virDomainFree(d);
        return -1;
    }
    xmlNodePtr mn = hv_virt_x_meta_child(doc, "metering", false);
    if (mn) {
        m->enabled = true;
        m->start_ms = (int64_t)get_ull(mn, "start");
        m->duration_ms = now_ms() - m->start_ms;
        if (m->duration_ms < 0)
            m->duration_ms = 0;
        meter_counters c;
        read_counters(v, d, &c);
        virNodeInfo ni;
        unsigned mhz = v->api->virNodeGetInfo(v->conn, &ni) == 0 ? ni.mhz : 0;
        if (m->duration_ms > 0 && c.active) {
            double secs_cpu = (double)delta(c.cpu_ns, get_ull(mn, "cpu")) / 1e9;
            double avg = secs_cpu / ((double)m->duration_ms / 1e3) * mhz;
            /* no VM uses more than all its processors; a counter that restarted from another
             * origin (a driver with synthetic counters) must not report more */
            if (avg > (double)c.vcpus * mhz)
                avg = (double)c.vcpus * mhz;
            m->avg_cpu_mhz = (uint64_t)(avg + 0.5);
        }
        v->api->virResetLastError();
        m->ram_mb = c.mem_kib / 1024;
        m->disk_mb = disk_bytes(doc) / (1024 * 1024);
        m->net_in_mb = delta(c.rx, get_ull(mn, "rx")) / (1024 * 1024);
        m->net_out_mb = delta(c.tx, get_ull(mn, "tx")) / (1024 * 1024);
    }
    xmlFreeDoc(doc);
    v->api->virDomainFree(d);
    return 0;
}

bool
hv_virt_meter_enabled(hv_virt *v, const char *uuid)
{
    hv_vm_meter m;
    hv_eng_err e = {0};
    return hv_virt_meter_get(v, uuid, &m, &e) == 0 && m.enabled;
}
