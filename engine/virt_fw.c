/* virt_fw.c — firmware (UEFI secure boot, boot order), BIOS startup order, integration
 * services (the QEMU guest agent channel) and the guest heartbeat. Changes are one
 * hv_virt_edit each: everything is validated before the single define. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>

#include "engine/virt_int.h"

#define AGENT_NAME "org.qemu.guest_agent.0"

static bool
is_elem(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST name);
}

static bool
prop_is(xmlNodePtr n, const char *name, const char *val)
{
    char *p = hv_virt_x_prop(n, name);
    bool r = p && strcasecmp(p, val) == 0;
    free(p);
    return r;
}

static int
doc_generation(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    char *g = hv_virt_x_prop(hv_virt_x_meta_child(doc, "generation", false), "value");
    int gen = g ? atoi(g) : 0;
    free(g);
    if (gen == 1 || gen == 2)
        return gen;
    xmlNodePtr os = hv_virt_x_child(root, "os");
    return prop_is(os, "firmware", "efi") || hv_virt_x_child(os, "loader") ? 2 : 1;
}

/* ---- boot devices ---- */
/* The entry of a <disk> or <interface>; false for other devices (floppies, LUNs). */
static bool
dev_entry(xmlNodePtr c, hv_boot_entry *e)
{
    memset(e, 0, sizeof *e);
    if (is_elem(c, "disk")) {
        char *dv = hv_virt_x_prop(c, "device"); /* absent = "disk" */
        bool ok = !dv || !strcmp(dv, "disk") || !strcmp(dv, "cdrom");
        e->dvd = dv && !strcmp(dv, "cdrom");
        free(dv);
        if (!ok)
            return false;
        char *t = hv_virt_x_prop(hv_virt_x_child(c, "target"), "dev");
        if (!t)
            return false;
        snprintf(e->id, sizeof e->id, "%s", t);
        free(t);
        return true;
    }
    if (is_elem(c, "interface")) {
        char *m = hv_virt_x_prop(hv_virt_x_child(c, "mac"), "address");
        if (!m)
            return false;
        e->network = true;
        snprintf(e->id, sizeof e->id, "%s", m);
        for (char *p = e->id; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        free(m);
        return true;
    }
    return false;
}

static bool
entry_eq(const hv_boot_entry *a, const hv_boot_entry *b)
{
    return a->network == b->network && !strcasecmp(a->id, b->id);
}

static xmlNodePtr
find_dev(xmlNodePtr root, const hv_boot_entry *want)
{
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        hv_boot_entry e;
        if (dev_entry(c, &e) && entry_eq(&e, want))
            return c;
    }
    return NULL;
}

static void
push_entry(hv_vm_fw *f, const hv_boot_entry *e)
{
    for (size_t i = 0; i < f->n_boot; i++)
        if (entry_eq(&f->boot[i], e))
            return;
    hv_boot_entry *b = realloc(f->boot, (f->n_boot + 1) * sizeof *b);
    if (!b)
        abort();
    f->boot = b;
    f->boot[f->n_boot++] = *e;
}

/* <os><boot dev=/> values, in order ("hd" when there are none: libvirt's default). */
static size_t
os_boot_devs(xmlNodePtr os, char devs[4][8])
{
    size_t n = 0;
    for (xmlNodePtr c = os ? os->children : NULL; c && n < 4; c = c->next) {
        if (!is_elem(c, "boot"))
            continue;
        char *d = hv_virt_x_prop(c, "dev");
        if (d)
            snprintf(devs[n++], 8, "%s", d);
        free(d);
    }
    if (!n)
        snprintf(devs[n++], 8, "hd");
    return n;
}

/* What the firmware tries, in order: the devices with <boot order=>, else the devices of
 * each <os><boot dev=> class in document order. */
static void
read_boot(xmlNodePtr root, hv_vm_fw *f)
{
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    long best_prev = 0;
    for (;;) { /* selection by ascending order (few devices) */
        long best = 0;
        hv_boot_entry be;
        for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
            hv_boot_entry e;
            if (!dev_entry(c, &e))
                continue;
            char *o = hv_virt_x_prop(hv_virt_x_child(c, "boot"), "order");
            long ord = o ? strtol(o, NULL, 10) : 0;
            free(o);
            if (ord > best_prev && (!best || ord < best)) {
                best = ord;
                be = e;
            }
        }
        if (!best)
            break;
        push_entry(f, &be);
        best_prev = best;
    }
    if (f->n_boot)
        return;
    char bd[4][8];
    size_t nb = os_boot_devs(hv_virt_x_child(root, "os"), bd);
    for (size_t k = 0; k < nb; k++)
        for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
            hv_boot_entry e;
            if (!dev_entry(c, &e))
                continue;
            if ((!strcmp(bd[k], "hd") && !e.network && !e.dvd) ||
                (!strcmp(bd[k], "cdrom") && e.dvd) || (!strcmp(bd[k], "network") && e.network))
                push_entry(f, &e);
        }
}

static const struct {
    int value;
    const char *dev;
} bios_devs[] = {{HV_BIOS_CD, "cdrom"},
                 {HV_BIOS_IDE, "hd"},
                 {HV_BIOS_LEGACY, "network"},
                 {HV_BIOS_FLOPPY, "fd"}};

static void
read_startup(xmlNodePtr root, hv_vm_fw *f)
{
    char bd[4][8];
    size_t nb = os_boot_devs(hv_virt_x_child(root, "os"), bd), n = 0;
    bool used[4] = {false};
    for (size_t k = 0; k < nb; k++)
        for (size_t i = 0; i < 4; i++)
            if (!used[i] && !strcmp(bd[k], bios_devs[i].dev)) {
                used[i] = true;
                f->startup[n++] = bios_devs[i].value;
            }
    for (size_t i = 0; i < 4; i++) /* the rest in Hyper-V's default order */
        if (!used[i])
            f->startup[n++] = bios_devs[i].value;
}

static bool
secure_boot_on(xmlNodePtr os)
{
    xmlNodePtr fw = hv_virt_x_child(os, "firmware");
    for (xmlNodePtr c = fw ? fw->children : NULL; c; c = c->next)
        if (is_elem(c, "feature") && prop_is(c, "name", "secure-boot"))
            return prop_is(c, "enabled", "yes");
    return prop_is(hv_virt_x_child(os, "loader"), "secure", "yes");
}

static const char *const templates[] = {"MicrosoftWindows", "MicrosoftUEFICertificateAuthority",
                                        "OpenSourceShieldedVM"};

static void
read_fw(xmlDocPtr doc, hv_vm_fw *f)
{
    memset(f, 0, sizeof *f);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    f->generation = doc_generation(doc);
    xmlNodePtr os = hv_virt_x_child(root, "os");
    f->secure_boot = secure_boot_on(os);
    xmlNodePtr m = hv_virt_x_meta_child(doc, "firmware", false);
    char *t = hv_virt_x_prop(m, "template");
    snprintf(f->template_name, sizeof f->template_name, "%s", t ? t : templates[0]);
    free(t);
    f->net_protocol = prop_is(m, "netboot", "IPv6") ? 1 : 0;
    char *cm = hv_virt_x_prop(m, "console");
    f->console_mode = !cm                   ? 0
                      : !strcmp(cm, "COM1") ? 1
                      : !strcmp(cm, "COM2") ? 2
                      : !strcmp(cm, "None") ? 3
                                            : 0;
    free(cm);
    f->pause_after_failure = prop_is(m, "pause", "on");
    f->numlock = prop_is(hv_virt_x_meta_child(doc, "bios", false), "numlock", "on");
    read_boot(root, f);
    read_startup(root, f);
}

void
hv_virt_fw_clear(hv_vm_fw *f)
{
    free(f->boot);
    memset(f, 0, sizeof *f);
}

int
hv_virt_fw_get(hv_virt *v, const char *uuid, hv_vm_fw *out, hv_eng_err *err)
{
    memset(out, 0, sizeof *out);
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    xmlDocPtr doc = hv_virt_dom_xml(v, d, v->api->virDomainIsPersistent(d) == 1, err);
    v->api->virDomainFree(d);
    if (!doc)
        return -1;
    read_fw(doc, out);
    xmlFreeDoc(doc);
    return 0;
}

/* ---- Set-VMFirmware / Set-VMBios ---- */
static bool
running_or_saved(const hv_virt_edit_ctx *ec)
{
    return ec->state == HV_VM_RUNNING || ec->state == HV_VM_PAUSED || ec->state == HV_VM_STOPPING ||
           ec->state == HV_VM_SAVED;
}

static void
remove_children(xmlNodePtr n, const char *name)
{
    xmlNodePtr next;
    for (xmlNodePtr c = n ? n->children : NULL; c; c = next) {
        next = c->next;
        if (is_elem(c, name))
            hv_virt_x_remove(c);
    }
}

static void
add_feature(xmlNodePtr fw, const char *name, bool on)
{
    xmlNodePtr f = xmlNewChild(fw, NULL, BAD_CAST "feature", NULL);
    xmlSetProp(f, BAD_CAST "enabled", BAD_CAST(on ? "yes" : "no"));
    xmlSetProp(f, BAD_CAST "name", BAD_CAST name);
}

/* Secure boot through firmware autoselection (the loader is chosen again at the next start,
 * from a descriptor with the wanted features); a hand-written <loader> without
 * firmware='efi' just gets its secure attribute. */
static void
apply_secure(hv_virt_edit_ctx *ec, bool on, const char *tmpl)
{
    xmlNodePtr root = xmlDocGetRootElement(ec->doc);
    xmlNodePtr os = hv_virt_x_ensure(root, "os");
    xmlNodePtr loader = hv_virt_x_child(os, "loader");
    char *fwattr = hv_virt_x_prop(os, "firmware");
    if (loader && !fwattr) {
        xmlSetProp(loader, BAD_CAST "secure", BAD_CAST(on ? "yes" : "no"));
    } else {
        xmlSetProp(os, BAD_CAST "firmware", BAD_CAST "efi");
        if (loader)
            hv_virt_x_remove(loader);
        xmlNodePtr fw = hv_virt_x_ensure(os, "firmware");
        xmlNodePtr next;
        for (xmlNodePtr c = fw->children; c; c = next) {
            next = c->next;
            if (is_elem(c, "feature") &&
                (prop_is(c, "name", "secure-boot") || prop_is(c, "name", "enrolled-keys")))
                hv_virt_x_remove(c);
        }
        /* the Microsoft templates = Microsoft's keys enrolled; the open-source template
         * trusts no Microsoft key */
        bool ms = strcasecmp(tmpl, "OpenSourceShieldedVM") != 0;
        add_feature(fw, "enrolled-keys", on && ms);
        add_feature(fw, "secure-boot", on);
    }
    free(fwattr);
    if (on && !ec->v->is_test) /* OVMF's secure-boot builds need SMM */
        xmlSetProp(hv_virt_x_ensure(hv_virt_x_ensure(root, "features"), "smm"), BAD_CAST "state",
                   BAD_CAST "on");
}

static void
apply_boot(xmlNodePtr root, const hv_boot_entry *e, size_t n)
{
    remove_children(hv_virt_x_child(root, "os"), "boot");
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next)
        if (is_elem(c, "disk") || is_elem(c, "interface"))
            remove_children(c, "boot");
    for (size_t i = 0; i < n; i++) {
        xmlNodePtr d = find_dev(root, &e[i]);
        char b[24];
        snprintf(b, sizeof b, "%zu", i + 1);
        xmlSetProp(xmlNewChild(d, NULL, BAD_CAST "boot", NULL), BAD_CAST "order", BAD_CAST b);
    }
}

static void
apply_startup(xmlNodePtr root, const int *startup)
{
    xmlNodePtr os = hv_virt_x_ensure(root, "os");
    remove_children(os, "boot");
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next)
        if (is_elem(c, "disk") || is_elem(c, "interface"))
            remove_children(c, "boot");
    for (int i = 0; i < 4; i++)
        for (size_t k = 0; k < 4; k++)
            if (bios_devs[k].value == startup[i])
                xmlSetProp(xmlNewChild(os, NULL, BAD_CAST "boot", NULL), BAD_CAST "dev",
                           BAD_CAST bios_devs[k].dev);
}

static const char *
entry_text(const hv_boot_entry *e, char *buf, size_t n)
{
    snprintf(buf, n, "%s %s",
             e->network ? "network adapter"
             : e->dvd   ? "DVD drive"
                        : "hard drive",
             e->id);
    return buf;
}

static int
fw_validate(hv_virt_edit_ctx *ec, const hv_fw_set *s, int gen, const char **tmpl, hv_eng_err *err)
{
    xmlNodePtr root = xmlDocGetRootElement(ec->doc);
    bool g2 = s->secure_boot >= 0 || s->template_name || s->net_protocol >= 0 ||
              s->console_mode >= 0 || s->pause_after_failure >= 0 || s->set_boot || s->first;
    bool g1 = s->startup || s->numlock >= 0;
    if (g2 && gen != 2) {
        hv_virt_err_set(err, HV_VIRT_E_UNSUPPORTED,
                        "Generation 1 virtual machines have a BIOS, not UEFI firmware: use "
                        "Set-VMBios.");
        return -1;
    }
    if (g1 && gen != 1) {
        hv_virt_err_set(err, HV_VIRT_E_UNSUPPORTED,
                        "Generation 2 virtual machines have UEFI firmware, not a BIOS: use "
                        "Set-VMFirmware.");
        return -1;
    }
    *tmpl = NULL;
    if (s->template_name) {
        for (size_t i = 0; i < sizeof templates / sizeof templates[0] && !*tmpl; i++)
            if (!strcasecmp(s->template_name, templates[i]))
                *tmpl = templates[i];
        if (!*tmpl) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The secure boot template '%s' was not found. Valid templates are "
                            "MicrosoftWindows, MicrosoftUEFICertificateAuthority and "
                            "OpenSourceShieldedVM.",
                            s->template_name);
            return -1;
        }
    }
    if ((s->secure_boot >= 0 || s->template_name) && running_or_saved(ec)) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "Secure boot settings cannot be changed while the virtual machine is "
                        "running or saved. Turn the virtual machine off first.");
        return -1;
    }
    char buf[80];
    for (size_t i = 0; s->set_boot && i < s->n_boot; i++) {
        if (!find_dev(root, &s->boot[i])) {
            hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND,
                            "The boot device (%s) is not attached to the virtual machine.",
                            entry_text(&s->boot[i], buf, sizeof buf));
            return -1;
        }
        for (size_t k = 0; k < i; k++)
            if (entry_eq(&s->boot[k], &s->boot[i])) {
                hv_virt_err_set(err, HV_VIRT_E_INVALID,
                                "The boot order lists the %s more than once.",
                                entry_text(&s->boot[i], buf, sizeof buf));
                return -1;
            }
    }
    if (s->first && !find_dev(root, s->first)) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND,
                        "The boot device (%s) is not attached to the virtual machine.",
                        entry_text(s->first, buf, sizeof buf));
        return -1;
    }
    if (s->startup) {
        bool seen[4] = {false};
        for (int i = 0; i < 4; i++) {
            int x = s->startup[i];
            if (x < 0 || x > 3 || seen[x]) {
                hv_virt_err_set(err, HV_VIRT_E_INVALID,
                                "The startup order must list CD, IDE, LegacyNetworkAdapter and "
                                "Floppy, each once.");
                return -1;
            }
            seen[x] = true;
        }
    }
    return 0;
}

static int
fw_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    const hv_fw_set *s = ud;
    xmlNodePtr root = xmlDocGetRootElement(ec->doc);
    int gen = doc_generation(ec->doc);
    const char *tmpl;
    if (fw_validate(ec, s, gen, &tmpl, err) < 0)
        return -1;
    hv_vm_fw cur;
    read_fw(ec->doc, &cur);
    if (s->secure_boot >= 0 || tmpl)
        apply_secure(ec, s->secure_boot >= 0 ? s->secure_boot == 1 : cur.secure_boot,
                     tmpl ? tmpl : cur.template_name);
    xmlNodePtr m = NULL;
    if (tmpl || s->net_protocol >= 0 || s->console_mode >= 0 || s->pause_after_failure >= 0)
        m = hv_virt_x_meta_child(ec->doc, "firmware", true);
    if (tmpl)
        xmlSetProp(m, BAD_CAST "template", BAD_CAST tmpl);
    if (s->net_protocol >= 0)
        xmlSetProp(m, BAD_CAST "netboot", BAD_CAST(s->net_protocol == 1 ? "IPv6" : "IPv4"));
    if (s->console_mode >= 0) {
        static const char *const modes[] = {"Default", "COM1", "COM2", "None"};
        xmlSetProp(m, BAD_CAST "console", BAD_CAST modes[s->console_mode & 3]);
    }
    if (s->pause_after_failure >= 0)
        xmlSetProp(m, BAD_CAST "pause", BAD_CAST(s->pause_after_failure ? "on" : "off"));
    if (s->set_boot) {
        apply_boot(root, s->boot, s->n_boot);
    } else if (s->first) {
        hv_boot_entry *order = calloc(cur.n_boot + 1, sizeof *order);
        size_t n = 0;
        order[n++] = *s->first;
        for (size_t i = 0; i < cur.n_boot; i++)
            if (!entry_eq(&cur.boot[i], s->first))
                order[n++] = cur.boot[i];
        apply_boot(root, order, n);
        free(order);
    }
    if (s->startup)
        apply_startup(root, s->startup);
    if (s->numlock >= 0)
        xmlSetProp(hv_virt_x_meta_child(ec->doc, "bios", true), BAD_CAST "numlock",
                   BAD_CAST(s->numlock ? "on" : "off"));
    hv_virt_fw_clear(&cur);
    ec->changed = true;
    return 0;
}

int
hv_virt_fw_set(hv_virt *v, const char *uuid, const hv_fw_set *s, hv_eng_err *err)
{
    return hv_virt_edit(v, uuid, fw_edit, (void *)s, err);
}

/* ---- integration services ---- */
const char *const hv_virt_integ_names[HV_INTEG_N] = {"Guest Service Interface", "Heartbeat",
                                                     "Key-Value Pair Exchange", "Shutdown",
                                                     "Time Synchronization",    "VSS"};
static const char *const integ_attrs[HV_INTEG_N] = {"gsi",      "heartbeat", "kvp",
                                                    "shutdown", "timesync",  "vss"};
/* Shutdown is ACPI's power button; the others talk to the guest agent. */
#define AGENT_SERVICES (~HV_INTEG_SHUTDOWN & ((1u << HV_INTEG_N) - 1))
/* Hyper-V's defaults for a new VM: everything but Guest Service Interface. */
#define DEFAULT_ON (((1u << HV_INTEG_N) - 1) & ~HV_INTEG_GSI)

static xmlNodePtr
find_agent(xmlNodePtr root)
{
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next)
        if (is_elem(c, "channel") && prop_is(hv_virt_x_child(c, "target"), "name", AGENT_NAME))
            return c;
    return NULL;
}

/* Recorded state (default where not recorded); an agent service counts only while the
 * channel exists. */
static unsigned
integ_of(xmlDocPtr doc, bool *agent)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    *agent = find_agent(root) != NULL;
    xmlNodePtr m = hv_virt_x_meta_child(doc, "integration", false);
    unsigned on = 0;
    for (int i = 0; i < HV_INTEG_N; i++) {
        char *p = hv_virt_x_prop(m, integ_attrs[i]);
        bool en = p ? !strcmp(p, "on") : (DEFAULT_ON >> i) & 1u;
        free(p);
        if (en && ((AGENT_SERVICES >> i) & 1u) && !*agent)
            en = false;
        if (en)
            on |= 1u << i;
    }
    return on;
}

int
hv_virt_integ_get(hv_virt *v, const char *uuid, unsigned *enabled, bool *agent, hv_eng_err *err)
{
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    xmlDocPtr doc = hv_virt_dom_xml(v, d, v->api->virDomainIsPersistent(d) == 1, err);
    v->api->virDomainFree(d);
    if (!doc)
        return -1;
    bool a;
    *enabled = integ_of(doc, &a);
    if (agent)
        *agent = a;
    xmlFreeDoc(doc);
    return 0;
}

typedef struct {
    unsigned on, off;
} integ_ud;

static int
integ_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    const integ_ud *u = ud;
    xmlNodePtr root = xmlDocGetRootElement(ec->doc);
    bool agent;
    unsigned now = (integ_of(ec->doc, &agent) | u->on) & ~u->off;
    xmlNodePtr m = hv_virt_x_meta_child(ec->doc, "integration", true);
    for (int i = 0; i < HV_INTEG_N; i++)
        xmlSetProp(m, BAD_CAST integ_attrs[i], BAD_CAST((now >> i) & 1u ? "on" : "off"));
    ec->changed = true;
    bool need = (now & AGENT_SERVICES) != 0;
    if (need && !agent) {
        xmlNodePtr devs = hv_virt_x_ensure(root, "devices");
        xmlNodePtr ch = xmlNewChild(devs, NULL, BAD_CAST "channel", NULL);
        xmlSetProp(ch, BAD_CAST "type", BAD_CAST "unix");
        xmlNodePtr t = xmlNewChild(ch, NULL, BAD_CAST "target", NULL);
        xmlSetProp(t, BAD_CAST "type", BAD_CAST "virtio");
        xmlSetProp(t, BAD_CAST "name", BAD_CAST AGENT_NAME);
        /* a guest without a virtio-serial controller cannot take the channel live: then it
         * gets it at its next start, as the config change already says */
        if (hv_virt_live_device(ec, ch, 0, NULL, err) < 0)
            hv_eng_err_clear(err);
        return 0;
    }
    if (!need && agent) {
        xmlNodePtr ch = find_agent(root);
        if (hv_virt_live_device(ec, ch, 1, NULL, err) < 0)
            hv_eng_err_clear(err);
        hv_virt_x_remove(ch);
    }
    return 0;
}

int
hv_virt_integ_set(hv_virt *v, const char *uuid, unsigned on, unsigned off, hv_eng_err *err)
{
    integ_ud u = {.on = on, .off = off};
    return hv_virt_edit(v, uuid, integ_edit, &u, err);
}

int
hv_virt_vm_agent(hv_virt *v, const char *uuid, hv_vm_state *st, bool *connected, hv_eng_err *err)
{
    *connected = false;
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    int r = hv_virt_dom_state(v, d, st, err);
    if (r == 0 && *st == HV_VM_RUNNING) {
        xmlDocPtr live = hv_virt_dom_xml(v, d, false, err);
        if (!live) {
            r = -1;
        } else {
            /* libvirt marks the agent channel state='connected' while the guest agent is up;
             * the test driver has no guest: there the channel of a running VM counts */
            xmlNodePtr ch = find_agent(xmlDocGetRootElement(live));
            *connected =
                ch && (v->is_test || prop_is(hv_virt_x_child(ch, "target"), "state", "connected"));
            xmlFreeDoc(live);
        }
    }
    v->api->virDomainFree(d);
    return r;
}

/* ---- security: vTPM (<tpm model='tpm-crb'><backend type='emulator'>), key protector and
 * the Hyper-V-only switches in <hv:security> ---- */
static void
read_sec(xmlDocPtr doc, hv_vm_sec *s)
{
    memset(s, 0, sizeof *s);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    s->generation = doc_generation(doc);
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next)
        if (is_elem(c, "tpm"))
            s->tpm = true;
    xmlNodePtr m = hv_virt_x_meta_child(doc, "security", false);
    char *k = hv_virt_x_prop(m, "keyprotector");
    snprintf(s->key_protector, sizeof s->key_protector, "%s", k ? k : "");
    free(k);
    s->encrypt_traffic = prop_is(m, "encrypt", "on");
    s->vbs_optout = prop_is(m, "vbsoptout", "on");
}

int
hv_virt_sec_get(hv_virt *v, const char *uuid, hv_vm_sec *out, hv_eng_err *err)
{
    memset(out, 0, sizeof *out);
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    xmlDocPtr doc = hv_virt_dom_xml(v, d, v->api->virDomainIsPersistent(d) == 1, err);
    v->api->virDomainFree(d);
    if (!doc)
        return -1;
    read_sec(doc, out);
    xmlFreeDoc(doc);
    return 0;
}

/* 32 random bytes as hex: stands for the local key protector Hyper-V's Guardian makes. */
static void
new_key(char out[65])
{
    unsigned char b[32] = {0};
    ssize_t got = getrandom(b, sizeof b, 0);
    if (got < (ssize_t)sizeof b) { /* no entropy source: time and address, still unique */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        memcpy(b, &ts, sizeof ts < sizeof b ? sizeof ts : sizeof b);
        b[31] ^= (unsigned char)((uintptr_t)out >> 4);
    }
    for (size_t i = 0; i < sizeof b; i++)
        snprintf(out + 2 * i, 3, "%02x", b[i]);
}

static int
sec_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    const hv_sec_set *s = ud;
    xmlNodePtr root = xmlDocGetRootElement(ec->doc);
    hv_vm_sec cur;
    read_sec(ec->doc, &cur);
    bool key = s->new_key_protector || cur.key_protector[0];
    if (s->tpm >= 0 && (s->tpm == 1) != cur.tpm) {
        if (cur.generation != 2) {
            hv_virt_err_set(err, HV_VIRT_E_UNSUPPORTED,
                            "A virtual TPM needs a generation 2 virtual machine.");
            return -1;
        }
        if (running_or_saved(ec)) {
            hv_virt_err_set(err, HV_VIRT_E_STATE,
                            "The virtual TPM can be enabled or disabled only while the virtual "
                            "machine is off.");
            return -1;
        }
        if (s->tpm == 1 && !key) {
            hv_virt_err_set(err, HV_VIRT_E_INVALID,
                            "The virtual machine has no key protector: run "
                            "Set-VMKeyProtector -NewLocalKeyProtector first.");
            return -1;
        }
    }
    if (s->new_key_protector && cur.tpm && running_or_saved(ec)) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "The key protector of a virtual machine with a virtual TPM can be "
                        "replaced only while it is off.");
        return -1;
    }
    if (s->tpm == 1 && !cur.tpm) {
        xmlNodePtr devs = hv_virt_x_ensure(root, "devices");
        xmlNodePtr t = xmlNewChild(devs, NULL, BAD_CAST "tpm", NULL);
        xmlSetProp(t, BAD_CAST "model", BAD_CAST "tpm-crb");
        xmlNodePtr b = xmlNewChild(t, NULL, BAD_CAST "backend", NULL);
        xmlSetProp(b, BAD_CAST "type", BAD_CAST "emulator");
        xmlSetProp(b, BAD_CAST "version", BAD_CAST "2.0");
    } else if (s->tpm == 0 && cur.tpm) {
        remove_children(hv_virt_x_child(root, "devices"), "tpm");
    }
    if (s->new_key_protector || s->encrypt_traffic >= 0 || s->vbs_optout >= 0) {
        xmlNodePtr m = hv_virt_x_meta_child(ec->doc, "security", true);
        if (s->new_key_protector) {
            char k[65];
            new_key(k);
            xmlSetProp(m, BAD_CAST "keyprotector", BAD_CAST k);
        }
        if (s->encrypt_traffic >= 0)
            xmlSetProp(m, BAD_CAST "encrypt", BAD_CAST(s->encrypt_traffic ? "on" : "off"));
        if (s->vbs_optout >= 0)
            xmlSetProp(m, BAD_CAST "vbsoptout", BAD_CAST(s->vbs_optout ? "on" : "off"));
    }
    ec->changed = true;
    return 0;
}

int
hv_virt_sec_set(hv_virt *v, const char *uuid, const hv_sec_set *s, hv_eng_err *err)
{
    return hv_virt_edit(v, uuid, sec_edit, (void *)s, err);
}

/* ---- COM ports: <serial type='unix'> port 0/1 ↔ COM 1/2; the named pipe the user gave is
 * kept in <hv:com n= path=>, the socket it maps to in the serial device ---- */
static xmlNodePtr
find_serial(xmlNodePtr root, int port)
{
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (!is_elem(c, "serial"))
            continue;
        char *p = hv_virt_x_prop(hv_virt_x_child(c, "target"), "port");
        int n = p ? atoi(p) : 0;
        free(p);
        if (n == port)
            return c;
    }
    return NULL;
}

static xmlNodePtr
meta_com(xmlDocPtr doc, int number, bool create)
{
    xmlNodePtr hv = hv_virt_x_meta(doc, create);
    for (xmlNodePtr c = hv ? hv->children : NULL; c; c = c->next)
        if (is_elem(c, "com")) {
            char *n = hv_virt_x_prop(c, "n");
            bool same = n && atoi(n) == number;
            free(n);
            if (same)
                return c;
        }
    if (!create)
        return NULL;
    xmlNodePtr c = xmlNewChild(hv, hv->ns, BAD_CAST "com", NULL);
    char b[16];
    snprintf(b, sizeof b, "%d", number);
    xmlSetProp(c, BAD_CAST "n", BAD_CAST b);
    return c;
}

/* "\\.\pipe\NAME" -> <pipe dir>/NAME; an absolute path stays; anything else is refused. */
static int
pipe_socket(const char *path, char *out, size_t n, hv_eng_err *err)
{
    if (path[0] == '/') {
        snprintf(out, n, "%s", path);
        return 0;
    }
    static const char pfx[] = "\\\\.\\pipe\\";
    if (strncasecmp(path, pfx, sizeof pfx - 1) == 0) {
        const char *name = path + sizeof pfx - 1;
        bool ok = *name != 0;
        for (const char *p = name; *p && ok; p++)
            ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                 *p == '.' || *p == '_' || *p == '-';
        if (ok && name[0] != '.') {
            const char *dir = getenv("HVSH_PIPE_DIR");
            snprintf(out, n, "%s/%s", dir && *dir ? dir : "/var/lib/libvirt/qemu/pipe", name);
            return 0;
        }
    }
    hv_virt_err_set(err, HV_VIRT_E_INVALID,
                    "The path '%s' is not a local named pipe (\\\\.\\pipe\\name, letters, digits, "
                    "'.', '_' and '-') or an absolute socket path.",
                    path);
    return -1;
}

static void
read_com(xmlDocPtr doc, int number, char *out, size_t n)
{
    out[0] = 0;
    xmlNodePtr ser = find_serial(xmlDocGetRootElement(doc), number - 1);
    if (!ser || !prop_is(ser, "type", "unix"))
        return;
    char *sock = hv_virt_x_prop(hv_virt_x_child(ser, "source"), "path");
    char *given = hv_virt_x_prop(meta_com(doc, number, false), "path");
    char mapped[512];
    hv_eng_err e = {0};
    /* the pipe name the user gave, while it still maps to the socket the VM has */
    if (given && sock && pipe_socket(given, mapped, sizeof mapped, &e) == 0 &&
        !strcmp(mapped, sock))
        snprintf(out, n, "%s", given);
    else
        snprintf(out, n, "%s", sock ? sock : "");
    free(sock);
    free(given);
}

int
hv_virt_com_get(hv_virt *v, const char *uuid, char paths[2][512], hv_eng_err *err)
{
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    xmlDocPtr doc = hv_virt_dom_xml(v, d, v->api->virDomainIsPersistent(d) == 1, err);
    v->api->virDomainFree(d);
    if (!doc)
        return -1;
    read_com(doc, 1, paths[0], 512);
    read_com(doc, 2, paths[1], 512);
    xmlFreeDoc(doc);
    return 0;
}

typedef struct {
    int number;
    const char *path;
} com_ud;

static int
com_edit(hv_virt_edit_ctx *ec, void *ud, hv_eng_err *err)
{
    const com_ud *u = ud;
    xmlNodePtr root = xmlDocGetRootElement(ec->doc);
    if (u->number != 1 && u->number != 2) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The COM port number %d is not valid: use 1 or 2.",
                        u->number);
        return -1;
    }
    char sock[512] = "";
    if (u->path && *u->path && pipe_socket(u->path, sock, sizeof sock, err) < 0)
        return -1;
    if (running_or_saved(ec)) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "COM ports can be changed only while the virtual machine is off.");
        return -1;
    }
    int port = u->number - 1;
    xmlNodePtr old = find_serial(root, port);
    if (old)
        hv_virt_x_remove(old);
    /* libvirt derives the serial console from port 0 (and would re-create the port from a
     * stale console): drop the console so it follows the new port */
    xmlNodePtr devs = hv_virt_x_ensure(root, "devices");
    if (port == 0) {
        xmlNodePtr next;
        for (xmlNodePtr c = devs->children; c; c = next) {
            next = c->next;
            if (!is_elem(c, "console"))
                continue;
            xmlNodePtr t = hv_virt_x_child(c, "target");
            char *ty = hv_virt_x_prop(t, "type");
            if (!ty || !strcmp(ty, "serial"))
                hv_virt_x_remove(c);
            free(ty);
        }
    }
    if (sock[0]) {
        xmlNodePtr s = xmlNewChild(devs, NULL, BAD_CAST "serial", NULL);
        xmlSetProp(s, BAD_CAST "type", BAD_CAST "unix");
        xmlNodePtr src = xmlNewChild(s, NULL, BAD_CAST "source", NULL);
        xmlSetProp(src, BAD_CAST "mode", BAD_CAST "bind");
        xmlSetProp(src, BAD_CAST "path", BAD_CAST sock);
        char pb[16];
        snprintf(pb, sizeof pb, "%d", port);
        xmlSetProp(xmlNewChild(s, NULL, BAD_CAST "target", NULL), BAD_CAST "port", BAD_CAST pb);
        xmlSetProp(meta_com(ec->doc, u->number, true), BAD_CAST "path", BAD_CAST u->path);
    } else {
        xmlNodePtr m = meta_com(ec->doc, u->number, false);
        if (m)
            hv_virt_x_remove(m);
    }
    ec->changed = true;
    return 0;
}

int
hv_virt_com_set(hv_virt *v, const char *uuid, int number, const char *path, hv_eng_err *err)
{
    com_ud u = {.number = number, .path = path};
    return hv_virt_edit(v, uuid, com_edit, &u, err);
}
