/* virt_snap.c — checkpoints as libvirt snapshots. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/virt_int.h"

void
hv_virt_snaps_free(hv_snap *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(s[i].name);
        free(s[i].parent);
    }
    free(s);
}

static int
snap_cmp(const void *a, const void *b)
{
    const hv_snap *x = a, *y = b;
    if (x->created != y->created)
        return x->created < y->created ? -1 : 1;
    return strcmp(x->name, y->name);
}

static void
parse_snap(hv_virt *v, virDomainSnapshotPtr sp, hv_snap *s)
{
    memset(s, 0, sizeof *s);
    s->name = hv_virt_strdup(v->api->virDomainSnapshotGetName(sp));
    s->current = v->api->virDomainSnapshotIsCurrent(sp, 0) == 1;
    char *x = v->api->virDomainSnapshotGetXMLDesc(sp, VIR_DOMAIN_SNAPSHOT_XML_SECURE);
    if (!x) {
        v->api->virResetLastError();
        return;
    }
    xmlDocPtr doc = xmlReadMemory(x, (int)strlen(x), "snap.xml", NULL, XML_PARSE_NONET);
    free(x);
    if (!doc)
        return;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    s->parent = hv_virt_x_text(hv_virt_x_child(hv_virt_x_child(root, "parent"), "name"));
    char *t = hv_virt_x_text(hv_virt_x_child(root, "creationTime"));
    s->created = t ? strtoll(t, NULL, 10) : 0;
    free(t);
    char *st = hv_virt_x_text(hv_virt_x_child(root, "state"));
    s->state = !st                            ? HV_VM_OFF
               : !strcmp(st, "running")       ? HV_VM_RUNNING
               : !strcmp(st, "paused")        ? HV_VM_PAUSED
               : !strcmp(st, "disk-snapshot") ? HV_VM_OFF
                                              : HV_VM_OFF;
    free(st);
    xmlFreeDoc(doc);
}

int
hv_virt_snap_list(hv_virt *v, const char *uuid, hv_snap **out, size_t *n, hv_eng_err *err)
{
    *out = NULL;
    *n = 0;
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    virDomainSnapshotPtr *snaps = NULL;
    int cnt = v->api->virDomainListAllSnapshots(d, &snaps, 0);
    v->api->virDomainFree(d);
    if (cnt < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    hv_snap *s = calloc((size_t)cnt + 1, sizeof *s);
    for (int i = 0; i < cnt; i++) {
        parse_snap(v, snaps[i], &s[i]);
        v->api->virDomainSnapshotFree(snaps[i]);
    }
    free(snaps);
    qsort(s, (size_t)cnt, sizeof *s, snap_cmp);
    *out = s;
    *n = (size_t)cnt;
    return 0;
}

int
hv_virt_snap_create(hv_virt *v, const char *uuid, const char *name, hv_eng_err *err)
{
    if (hv_virt_check_name("checkpoint", name, err) < 0)
        return -1;
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    int r = 0;
    virDomainSnapshotPtr old = v->api->virDomainSnapshotLookupByName(d, name, 0);
    if (old) {
        v->api->virDomainSnapshotFree(old);
        /* libvirt keys snapshots by name; Hyper-V would allow a duplicate */
        hv_virt_err_set(err, HV_VIRT_E_EXISTS, "A checkpoint named \"%s\" already exists.", name);
        r = -1;
    } else {
        v->api->virResetLastError();
    }
    if (r == 0) {
        xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
        xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "domainsnapshot");
        xmlDocSetRootElement(doc, root);
        hv_virt_x_set_text(xmlNewChild(root, NULL, BAD_CAST "name", NULL), name);
        xmlChar *buf = NULL;
        int len = 0;
        xmlDocDumpMemory(doc, &buf, &len);
        xmlFreeDoc(doc);
        virDomainSnapshotPtr sp = v->api->virDomainSnapshotCreateXML(d, (const char *)buf, 0);
        xmlFree(buf);
        if (!sp) {
            hv_virt_err_lv(v, err, 0);
            r = -1;
        } else {
            v->api->virDomainSnapshotFree(sp);
        }
    }
    v->api->virDomainFree(d);
    return r;
}

static virDomainSnapshotPtr
snap_get(hv_virt *v, const char *uuid, const char *name, hv_eng_err *err)
{
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return NULL;
    virDomainSnapshotPtr sp = v->api->virDomainSnapshotLookupByName(d, name, 0);
    if (!sp) {
        hv_virt_err_lv(v, err, HV_VIRT_E_NOT_FOUND);
        snprintf(err->msg, sizeof err->msg, "No checkpoint named \"%s\".", name);
    }
    v->api->virDomainFree(d);
    return sp;
}

int
hv_virt_snap_revert(hv_virt *v, const char *uuid, const char *name, hv_eng_err *err)
{
    virDomainSnapshotPtr sp = snap_get(v, uuid, name, err);
    if (!sp)
        return -1;
    int r = v->api->virDomainRevertToSnapshot(sp, 0);
    if (r < 0)
        hv_virt_err_lv(v, err, 0);
    v->api->virDomainSnapshotFree(sp);
    return r < 0 ? -1 : 0;
}

int
hv_virt_snap_delete(hv_virt *v, const char *uuid, const char *name, bool children, hv_eng_err *err)
{
    virDomainSnapshotPtr sp = snap_get(v, uuid, name, err);
    if (!sp)
        return -1;
    int r = v->api->virDomainSnapshotDelete(sp, children ? VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN : 0);
    if (r < 0)
        hv_virt_err_lv(v, err, 0);
    v->api->virDomainSnapshotFree(sp);
    return r < 0 ? -1 : 0;
}
