/* virt_undo.c — the undo journal (virt.h): the definitions of switches and VMs as they were
 * before a change of several libvirt objects, put back when a later step fails. libvirt has no
 * transactions; recording the complete definition (with secrets: VIR_DOMAIN_XML_SECURE) and
 * defining it again is the one operation every driver supports, the test driver included. */
#include <stdlib.h>
#include <string.h>

#include "engine/virt_int.h"

typedef struct {
    bool is_switch;
    char uuid[VIR_UUID_STRING_BUFLEN];
    char *name;
    char *xml;         /* inactive definition */
    bool active;       /* running (VM) / started (switch) */
    bool autostart;    /* switch */
    char **live_nics;  /* running VM: its live <interface> elements */
    size_t n_live;
} undo_rec;

struct hv_virt_undo {
    hv_virt *v;
    undo_rec *recs;
    size_t n, cap;
};

hv_virt_undo *
hv_virt_undo_new(hv_virt *v)
{
    hv_virt_undo *u = calloc(1, sizeof *u);
    if (!u)
        abort();
    u->v = v;
    return u;
}

static bool
recorded(const hv_virt_undo *u, bool is_switch, const char *uuid)
{
    for (size_t i = 0; i < u->n; i++)
        if (u->recs[i].is_switch == is_switch && !strcmp(u->recs[i].uuid, uuid))
            return true;
    return false;
}

static undo_rec *
push(hv_virt_undo *u)
{
    if (u->n == u->cap) {
        u->cap = u->cap ? u->cap * 2 : 8;
        u->recs = realloc(u->recs, u->cap * sizeof *u->recs);
        if (!u->recs)
            abort();
    }
    undo_rec *r = &u->recs[u->n++];
    memset(r, 0, sizeof *r);
    return r;
}

/* The live <interface> elements of a running domain, each as XML text. */
static void
live_nics(hv_virt *v, virDomainPtr d, undo_rec *r)
{
    char *x = v->api->virDomainGetXMLDesc(d, 0);
    if (!x) {
        v->api->virResetLastError();
        return;
    }
    xmlDocPtr doc =
        xmlReadMemory(x, (int)strlen(x), "domain.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    free(x);
    if (!doc)
        return;
    xmlNodePtr devs = hv_virt_x_child(xmlDocGetRootElement(doc), "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, BAD_CAST "interface"))
            continue;
        r->live_nics = realloc(r->live_nics, (r->n_live + 1) * sizeof *r->live_nics);
        if (!r->live_nics)
            abort();
        r->live_nics[r->n_live++] = hv_virt_x_dump(c);
    }
    xmlFreeDoc(doc);
}

int
hv_virt_undo_vm(hv_virt_undo *u, const char *uuid, hv_eng_err *err)
{
    if (recorded(u, false, uuid))
        return 0;
    hv_virt *v = u->v;
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    char *x = v->api->virDomainGetXMLDesc(d, VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
    if (!x) {
        v->api->virResetLastError();
        x = v->api->virDomainGetXMLDesc(d, VIR_DOMAIN_XML_INACTIVE);
    }
    if (!x) {
        hv_virt_err_lv(v, err, 0);
        v->api->virDomainFree(d);
        return -1;
    }
    undo_rec *r = push(u);
    snprintf(r->uuid, sizeof r->uuid, "%s", uuid);
    r->name = hv_virt_strdup(v->api->virDomainGetName(d));
    r->xml = x;
    r->active = v->api->virDomainIsActive(d) == 1;
    if (r->active && !v->is_test)
        live_nics(v, d, r);
    v->api->virDomainFree(d);
    return 0;
}

int
hv_virt_undo_switch(hv_virt_undo *u, const char *name, hv_eng_err *err)
{
    hv_virt *v = u->v;
    virNetworkPtr n = v->api->virNetworkLookupByName(v->conn, name);
    if (!n) {
        hv_virt_err_lv(v, err, HV_VIRT_E_NOT_FOUND);
        return -1;
    }
    char uuid[VIR_UUID_STRING_BUFLEN];
    v->api->virNetworkGetUUIDString(n, uuid);
    int rc = 0;
    if (!recorded(u, true, uuid)) {
        char *x = v->api->virNetworkGetXMLDesc(n, VIR_NETWORK_XML_INACTIVE);
        if (!x) { /* the test driver knows no flags */
            v->api->virResetLastError();
            x = v->api->virNetworkGetXMLDesc(n, 0);
        }
        if (!x) {
            hv_virt_err_lv(v, err, 0);
            rc = -1;
        } else {
            undo_rec *r = push(u);
            r->is_switch = true;
            memcpy(r->uuid, uuid, sizeof r->uuid);
            r->name = hv_virt_strdup(v->api->virNetworkGetName(n));
            r->xml = x;
            r->active = v->api->virNetworkIsActive(n) == 1;
            int a = 0;
            r->autostart = v->api->virNetworkGetAutostart(n, &a) == 0 && a;
        }
    }
    v->api->virResetLastError();
    v->api->virNetworkFree(n);
    return rc;
}

static void
restore_switch(hv_virt *v, const undo_rec *r)
{
    const hv_virt_api *a = v->api;
    virNetworkPtr n = a->virNetworkLookupByUUIDString(v->conn, r->uuid);
    if (n && strcmp(a->virNetworkGetName(n), r->name) != 0) {
        /* renamed meanwhile: the renamed definition goes, the old one comes back */
        if (a->virNetworkIsActive(n) == 1)
            a->virNetworkDestroy(n);
        a->virNetworkUndefine(n);
        a->virNetworkFree(n);
        n = NULL;
    }
    if (n)
        a->virNetworkFree(n);
    n = a->virNetworkDefineXML(v->conn, r->xml);
    if (n) {
        int act = a->virNetworkIsActive(n);
        if (r->active && act != 1)
            a->virNetworkCreate(n);
        else if (!r->active && act == 1)
            a->virNetworkDestroy(n);
        if (r->autostart)
            a->virNetworkSetAutostart(n, 1);
        a->virNetworkFree(n);
    }
    a->virResetLastError();
}

static void
restore_vm(hv_virt *v, const undo_rec *r)
{
    const hv_virt_api *a = v->api;
    virDomainPtr d = a->virDomainLookupByUUIDString(v->conn, r->uuid);
    if (d && strcmp(a->virDomainGetName(d), r->name) != 0)
        a->virDomainRename(d, r->name, 0); /* libvirt renames only inactive domains */
    virDomainPtr nd = a->virDomainDefineXML(v->conn, r->xml);
    if (nd)
        a->virDomainFree(nd);
    for (size_t i = 0; d && i < r->n_live; i++)
        a->virDomainUpdateDeviceFlags(d, r->live_nics[i], VIR_DOMAIN_AFFECT_LIVE);
    if (d)
        a->virDomainFree(d);
    a->virResetLastError();
}

void
hv_virt_undo_rollback(hv_virt_undo *u)
{
    if (!u)
        return;
    hv_virt_bmap_invalidate(u->v);
    for (size_t i = u->n; i-- > 0;)
        if (u->recs[i].is_switch)
            restore_switch(u->v, &u->recs[i]);
    for (size_t i = u->n; i-- > 0;)
        if (!u->recs[i].is_switch)
            restore_vm(u->v, &u->recs[i]);
}

void
hv_virt_undo_free(hv_virt_undo *u)
{
    if (!u)
        return;
    for (size_t i = 0; i < u->n; i++) {
        free(u->recs[i].name);
        free(u->recs[i].xml);
        for (size_t k = 0; k < u->recs[i].n_live; k++)
            free(u->recs[i].live_nics[k]);
        free(u->recs[i].live_nics);
    }
    free(u->recs);
    free(u);
}
