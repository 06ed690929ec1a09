/* virt_snap.c — checkpoints as libvirt snapshots. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/virt_int.h"

/* A renamed checkpoint keeps its libvirt name (QEMU's internal snapshots are tagged with it)
 * and carries the name Hyper-V shows in its description: "hvsh:name=<name>". */
#define NAME_TAG "hvsh:name="

char *
hv_virt_snap_display(xmlNodePtr snap_root)
{
    char *desc = hv_virt_x_text(hv_virt_x_child(snap_root, "description"));
    char *r = NULL;
    if (desc && !strncmp(desc, NAME_TAG, sizeof NAME_TAG - 1))
        r = hv_virt_strdup(desc + sizeof NAME_TAG - 1);
    free(desc);
    return r;
}

/* The libvirt name of the checkpoint shown as `name` (malloc'd), or NULL. */
static char *
libvirt_name(hv_virt *v, virDomainPtr d, const char *name)
{
    virDomainSnapshotPtr *snaps = NULL;
    int cnt = v->api->virDomainListAllSnapshots(d, &snaps, 0);
    char *found = NULL;
    for (int i = 0; i < cnt; i++) {
        if (!found) {
            hv_snap sn;
            memset(&sn, 0, sizeof sn);
            sn.name = hv_virt_strdup(v->api->virDomainSnapshotGetName(snaps[i]));
            char *x = v->api->virDomainSnapshotGetXMLDesc(snaps[i], 0);
            xmlDocPtr doc = x ? xmlReadMemory(x, (int)strlen(x), "snap.xml", NULL,
                                              XML_PARSE_NONET | XML_PARSE_NOERROR)
                              : NULL;
            free(x);
            char *disp = doc ? hv_virt_snap_display(xmlDocGetRootElement(doc)) : NULL;
            if (doc)
                xmlFreeDoc(doc);
            if (!strcmp(disp ? disp : sn.name, name))
                found = hv_virt_strdup(sn.name);
            free(disp);
            free(sn.name);
        }
        v->api->virDomainSnapshotFree(snaps[i]);
    }
    if (cnt < 0)
        v->api->virResetLastError();
    free(snaps);
    return found;
}

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
    char *disp = hv_virt_snap_display(root);
    if (disp) {
        free(s->name);
        s->name = disp;
    }
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
    char **lv = calloc((size_t)cnt + 1, sizeof *lv);
    for (int i = 0; i < cnt; i++) {
        lv[i] = hv_virt_strdup(v->api->virDomainSnapshotGetName(snaps[i]));
        parse_snap(v, snaps[i], &s[i]);
        v->api->virDomainSnapshotFree(snaps[i]);
    }
    free(snaps);
    /* parents are named by libvirt name: show the parent's checkpoint name */
    for (int i = 0; i < cnt; i++)
        for (int k = 0; k < cnt && s[i].parent; k++)
            if (!strcmp(s[i].parent, lv[k]) && strcmp(s[k].name, lv[k]) != 0) {
                free(s[i].parent);
                s[i].parent = hv_virt_strdup(s[k].name);
                break;
            }
    for (int i = 0; i < cnt; i++)
        free(lv[i]);
    free(lv);
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
    char *taken = libvirt_name(v, d, name);
    if (taken) {
        free(taken);
        /* libvirt keys snapshots by name; Hyper-V would allow a duplicate */
        hv_virt_err_set(err, HV_VIRT_E_EXISTS, "A checkpoint named \"%s\" already exists.", name);
        r = -1;
    }
    /* a renamed checkpoint may hold this libvirt name: take a free one, show `name` */
    char lvname[300];
    snprintf(lvname, sizeof lvname, "%s", name);
    for (int k = 2; r == 0; k++) {
        virDomainSnapshotPtr old = v->api->virDomainSnapshotLookupByName(d, lvname, 0);
        if (!old) {
            v->api->virResetLastError();
            break;
        }
        v->api->virDomainSnapshotFree(old);
        snprintf(lvname, sizeof lvname, "%.250s~%d", name, k);
    }
    if (r == 0) {
        xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
        xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "domainsnapshot");
        xmlDocSetRootElement(doc, root);
        hv_virt_x_set_text(xmlNewChild(root, NULL, BAD_CAST "name", NULL), lvname);
        if (strcmp(lvname, name) != 0) {
            char desc[320];
            snprintf(desc, sizeof desc, NAME_TAG "%s", name);
            hv_virt_x_set_text(xmlNewChild(root, NULL, BAD_CAST "description", NULL), desc);
        }
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
    char *lv = libvirt_name(v, d, name);
    virDomainSnapshotPtr sp = lv ? v->api->virDomainSnapshotLookupByName(d, lv, 0) : NULL;
    free(lv);
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

int
hv_virt_snap_rename(hv_virt *v, const char *uuid, const char *name, const char *new_name,
                    hv_eng_err *err)
{
    if (hv_virt_check_name("checkpoint", new_name, err) < 0)
        return -1;
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    char *taken = strcmp(name, new_name) ? libvirt_name(v, d, new_name) : NULL;
    v->api->virDomainFree(d);
    if (taken) {
        free(taken);
        hv_virt_err_set(err, HV_VIRT_E_EXISTS, "A checkpoint named \"%s\" already exists.",
                        new_name);
        return -1;
    }
    virDomainSnapshotPtr sp = snap_get(v, uuid, name, err);
    if (!sp)
        return -1;
    int r = -1;
    bool current = v->api->virDomainSnapshotIsCurrent(sp, 0) == 1;
    char *x = v->api->virDomainSnapshotGetXMLDesc(sp, VIR_DOMAIN_SNAPSHOT_XML_SECURE);
    xmlDocPtr doc =
        x ? xmlReadMemory(x, (int)strlen(x), "snap.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR)
          : NULL;
    free(x);
    if (!doc) {
        hv_virt_err_lv(v, err, 0);
    } else {
        /* only the description changes: one redefine of the snapshot's metadata */
        xmlNodePtr root = xmlDocGetRootElement(doc);
        hv_virt_x_remove(hv_virt_x_child(root, "description"));
        const char *lv = v->api->virDomainSnapshotGetName(sp);
        if (strcmp(lv, new_name) != 0) {
            char desc[320];
            snprintf(desc, sizeof desc, NAME_TAG "%s", new_name);
            xmlNodePtr dn = xmlNewNode(NULL, BAD_CAST "description");
            hv_virt_x_set_text(dn, desc);
            xmlNodePtr nm = hv_virt_x_child(root, "name");
            if (nm)
                xmlAddNextSibling(nm, dn);
            else
                xmlAddChild(root, dn);
        }
        xmlChar *buf = NULL;
        int len = 0;
        xmlDocDumpMemory(doc, &buf, &len);
        virDomainPtr dom = hv_virt_dom(v, uuid, err);
        virDomainSnapshotPtr ns = dom ? v->api->virDomainSnapshotCreateXML(
                                            dom, (const char *)buf,
                                            VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
                                                (current ? VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT : 0))
                                      : NULL;
        xmlFree(buf);
        if (ns) {
            v->api->virDomainSnapshotFree(ns);
            r = 0;
        } else if (dom) {
            hv_virt_err_lv(v, err, 0);
        }
        if (dom)
            v->api->virDomainFree(dom);
        xmlFreeDoc(doc);
    }
    v->api->virDomainSnapshotFree(sp);
    return r;
}
