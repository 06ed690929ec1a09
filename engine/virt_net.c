/* virt_net.c — virtual switches as libvirt networks. hvsh creates the host bridge itself
 * (engine/netlink.h) and mirrors it as <network><forward mode='bridge'/> named like the
 * switch, so Get-VMSwitch and <interface type='network'> behave the same on the test driver
 * and on a real daemon. Hyper-V's switch settings live in the network's <metadata>. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/virt_int.h"

static bool
prop_is(xmlNodePtr n, const char *name, const char *val)
{
    char *p = hv_virt_x_prop(n, name);
    bool r = p && strcasecmp(p, val) == 0;
    free(p);
    return r;
}

static xmlNodePtr
net_meta(xmlDocPtr doc, bool create)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr md = hv_virt_x_child(root, "metadata");
    if (!md && create) {
        md = xmlNewNode(NULL, BAD_CAST "metadata");
        xmlNodePtr after = hv_virt_x_child(root, "uuid");
        if (!after)
            after = hv_virt_x_child(root, "name");
        xmlAddNextSibling(after, md);
    }
    xmlNodePtr sw = hv_virt_x_child_ns(md, "switch");
    if (!sw && create) {
        sw = xmlNewChild(md, NULL, BAD_CAST "switch", NULL);
        xmlSetNs(sw, xmlNewNs(sw, BAD_CAST HV_VIRT_NS, BAD_CAST HV_VIRT_NS_PREFIX));
    }
    return sw;
}

static void
parse_switch(xmlDocPtr doc, hv_switch *s)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    s->name = hv_virt_x_text(hv_virt_x_child(root, "name"));
    char *u = hv_virt_x_text(hv_virt_x_child(root, "uuid"));
    snprintf(s->uuid, sizeof s->uuid, "%s", u ? u : "");
    free(u);
    s->bridge = hv_virt_x_prop(hv_virt_x_child(root, "bridge"), "name");
    xmlNodePtr fw = hv_virt_x_child(root, "forward");
    s->is_mirror = fw && prop_is(fw, "mode", "bridge");
    xmlNodePtr sw = net_meta(doc, false);
    char *type = hv_virt_x_prop(sw, "type");
    if (type) {
        s->type = !strcasecmp(type, "External")  ? HV_SW_EXTERNAL
                  : !strcasecmp(type, "Private") ? HV_SW_PRIVATE
                                                 : HV_SW_INTERNAL;
        free(type);
    } else if (fw && prop_is(fw, "mode", "bridge")) {
        s->type = HV_SW_EXTERNAL; /* a host bridge hvsh did not create */
    } else if (!fw && !hv_virt_x_child(root, "ip")) {
        s->type = HV_SW_PRIVATE; /* isolated, no host address */
    } else {
        s->type = HV_SW_INTERNAL; /* nat/route/open/isolated with a host address */
    }
    s->net_adapter = hv_virt_x_prop(sw, "netadapter");
    s->allow_management_os = s->type == HV_SW_INTERNAL || prop_is(sw, "allowmanagementos", "yes");
    s->notes = hv_virt_x_prop(sw, "notes");
}

void
hv_virt_switches_free(hv_switch *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(s[i].name);
        free(s[i].bridge);
        free(s[i].net_adapter);
        free(s[i].notes);
    }
    free(s);
}

static int
sw_cmp(const void *a, const void *b)
{
    return hv_virt_cmp_ci(((const hv_switch *)a)->name, ((const hv_switch *)b)->name);
}

static xmlDocPtr
net_doc(hv_virt *v, virNetworkPtr n, unsigned flags, hv_eng_err *err)
{
    char *x = v->api->virNetworkGetXMLDesc(n, flags);
    if (!x && flags) { /* the test driver knows no flags */
        v->api->virResetLastError();
        x = v->api->virNetworkGetXMLDesc(n, 0);
    }
    if (!x) {
        hv_virt_err_lv(v, err, 0);
        return NULL;
    }
    xmlDocPtr doc =
        xmlReadMemory(x, (int)strlen(x), "network.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    free(x);
    if (!doc)
        hv_virt_err_set(err, HV_VIRT_E_LIBVIRT, "libvirt returned unreadable network XML");
    return doc;
}

int
hv_virt_switch_list(hv_virt *v, hv_switch **out, size_t *n, hv_eng_err *err)
{
    virNetworkPtr *nets = NULL;
    *out = NULL;
    *n = 0;
    int cnt = v->api->virConnectListAllNetworks(v->conn, &nets, 0);
    if (cnt < 0) {
        virErrorPtr e = v->api->virGetLastError();
        if (e && e->code == VIR_ERR_NO_SUPPORT) { /* embed driver: no networks */
            v->api->virResetLastError();
            *out = calloc(1, sizeof **out);
            return 0;
        }
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    hv_switch *sw = calloc((size_t)cnt + 1, sizeof *sw);
    size_t k = 0;
    for (int i = 0; i < cnt; i++) {
        xmlDocPtr doc = net_doc(v, nets[i], VIR_NETWORK_XML_INACTIVE, err);
        if (doc) {
            parse_switch(doc, &sw[k]);
            sw[k].active = v->api->virNetworkIsActive(nets[i]) == 1;
            k++;
            xmlFreeDoc(doc);
        }
        v->api->virNetworkFree(nets[i]);
    }
    free(nets);
    qsort(sw, k, sizeof *sw, sw_cmp);
    *out = sw;
    *n = k;
    return 0;
}

static xmlDocPtr
build_net(const hv_switch *s, const char *uuid)
{
    static const char *const types[] = {"Private", "Internal", "External"};
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "network");
    xmlDocSetRootElement(doc, root);
    hv_virt_x_set_text(xmlNewChild(root, NULL, BAD_CAST "name", NULL), s->name);
    if (uuid && *uuid)
        xmlNewChild(root, NULL, BAD_CAST "uuid", BAD_CAST uuid);
    xmlNodePtr sw = net_meta(doc, true);
    xmlSetProp(sw, BAD_CAST "type", BAD_CAST types[s->type]);
    if (s->net_adapter)
        xmlSetProp(sw, BAD_CAST "netadapter", BAD_CAST s->net_adapter);
    xmlSetProp(sw, BAD_CAST "allowmanagementos", BAD_CAST(s->allow_management_os ? "yes" : "no"));
    if (s->notes)
        xmlSetProp(sw, BAD_CAST "notes", BAD_CAST s->notes);
    xmlSetProp(xmlNewChild(root, NULL, BAD_CAST "forward", NULL), BAD_CAST "mode",
               BAD_CAST "bridge");
    xmlSetProp(xmlNewChild(root, NULL, BAD_CAST "bridge", NULL), BAD_CAST "name",
               BAD_CAST s->bridge);
    return doc;
}

static virNetworkPtr
find_net(hv_virt *v, const char *name)
{
    virNetworkPtr *nets = NULL, found = NULL;
    int cnt = v->api->virConnectListAllNetworks(v->conn, &nets, 0);
    for (int i = 0; i < cnt; i++) {
        if (!found && hv_virt_str_eq_ci(v->api->virNetworkGetName(nets[i]), name))
            found = nets[i];
        else
            v->api->virNetworkFree(nets[i]);
    }
    if (cnt < 0)
        v->api->virResetLastError();
    free(nets);
    return found;
}

static int
define_start(hv_virt *v, xmlDocPtr doc, char uuid_out[37], hv_eng_err *err)
{
    xmlChar *buf = NULL;
    int len = 0;
    xmlDocDumpMemory(doc, &buf, &len);
    virNetworkPtr n = v->api->virNetworkDefineXML(v->conn, (const char *)buf);
    xmlFree(buf);
    if (!n) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    int r = 0;
    if (v->api->virNetworkIsActive(n) != 1 && v->api->virNetworkCreate(n) < 0) {
        hv_virt_err_lv(v, err, 0);
        v->api->virNetworkUndefine(n); /* nothing half-done */
        r = -1;
    }
    if (r == 0 && v->api->virNetworkSetAutostart(n, 1) < 0)
        v->api->virResetLastError(); /* autostart is a nicety */
    if (r == 0 && uuid_out)
        v->api->virNetworkGetUUIDString(n, uuid_out);
    v->api->virNetworkFree(n);
    return r;
}

int
hv_virt_switch_define(hv_virt *v, const hv_switch *s, char uuid_out[37], hv_eng_err *err)
{
    hv_virt_bmap_invalidate(v);
    if (hv_virt_check_name("virtual switch", s->name, err) < 0)
        return -1;
    if (!s->bridge || !*s->bridge || strlen(s->bridge) > 15 || strpbrk(s->bridge, " /:\t")) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID,
                        "The bridge name '%s' is not a valid interface "
                        "name.",
                        s->bridge ? s->bridge : "");
        return -1;
    }
    virNetworkPtr old = find_net(v, s->name);
    if (old) {
        v->api->virNetworkFree(old);
        hv_virt_err_set(err, HV_VIRT_E_EXISTS, "A virtual switch named \"%s\" already exists.",
                        s->name);
        return -1;
    }
    xmlDocPtr doc = build_net(s, NULL);
    int r = define_start(v, doc, uuid_out, err);
    xmlFreeDoc(doc);
    return r;
}

int
hv_virt_switch_undefine(hv_virt *v, const char *name, hv_eng_err *err)
{
    hv_virt_bmap_invalidate(v);
    virNetworkPtr n = find_net(v, name);
    if (!n) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "No virtual switch named \"%s\".", name);
        return -1;
    }
    int r = 0;
    bool was_active = v->api->virNetworkIsActive(n) == 1;
    if (was_active && v->api->virNetworkDestroy(n) < 0) {
        hv_virt_err_lv(v, err, 0);
        r = -1;
    }
    if (r == 0 && v->api->virNetworkUndefine(n) < 0) {
        virErrorPtr e = v->api->virGetLastError();
        /* a transient network is gone once destroyed */
        if (!e || e->code != VIR_ERR_OPERATION_INVALID) {
            hv_virt_err_lv(v, err, 0);
            r = -1;
            if (was_active && v->api->virNetworkCreate(n) < 0) /* as it was */
                v->api->virResetLastError();
        }
    }
    if (r == 0)
        v->api->virResetLastError();
    v->api->virNetworkFree(n);
    return r;
}

int
hv_virt_switch_update(hv_virt *v, const char *old_name, const hv_switch *s, hv_eng_err *err)
{
    hv_virt_bmap_invalidate(v);
    if (hv_virt_check_name("virtual switch", s->name, err) < 0)
        return -1;
    virNetworkPtr n = find_net(v, old_name);
    if (!n) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "No virtual switch named \"%s\".", old_name);
        return -1;
    }
    bool rename =
        strcmp(old_name, v->api->virNetworkGetName(n)) != 0 || strcmp(s->name, old_name) != 0;
    if (rename && !hv_virt_str_eq_ci(s->name, old_name)) {
        virNetworkPtr clash = find_net(v, s->name);
        if (clash) {
            v->api->virNetworkFree(clash);
            v->api->virNetworkFree(n);
            hv_virt_err_set(err, HV_VIRT_E_EXISTS, "A virtual switch named \"%s\" already exists.",
                            s->name);
            return -1;
        }
    }
    xmlDocPtr cur = net_doc(v, n, VIR_NETWORK_XML_INACTIVE, err);
    if (!cur) {
        v->api->virNetworkFree(n);
        return -1;
    }
    int r = 0;
    bool bridge_mirror = false;
    xmlNodePtr fw = hv_virt_x_child(xmlDocGetRootElement(cur), "forward");
    bridge_mirror = fw && prop_is(fw, "mode", "bridge");
    if (bridge_mirror) {
        /* our mirror: rebuild it completely */
        xmlFreeDoc(cur);
        hv_switch tmp = *s;
        char uuid[VIR_UUID_STRING_BUFLEN];
        v->api->virNetworkGetUUIDString(n, uuid);
        cur = build_net(&tmp, uuid);
    } else {
        /* a network hvsh did not make: keep it, change name and metadata only */
        static const char *const types[] = {"Private", "Internal", "External"};
        xmlNodePtr root = xmlDocGetRootElement(cur);
        hv_virt_x_set_text(hv_virt_x_ensure(root, "name"), s->name);
        xmlNodePtr sw = net_meta(cur, true);
        xmlSetProp(sw, BAD_CAST "type", BAD_CAST types[s->type]);
        xmlSetProp(sw, BAD_CAST "allowmanagementos",
                   BAD_CAST(s->allow_management_os ? "yes" : "no"));
        if (s->notes)
            xmlSetProp(sw, BAD_CAST "notes", BAD_CAST s->notes);
        if (s->net_adapter)
            xmlSetProp(sw, BAD_CAST "netadapter", BAD_CAST s->net_adapter);
    }
    /* every path below may leave the network half-changed when libvirt fails: the journal
     * puts the old definition back (and restarts it if it ran) */
    hv_virt_undo *undo = hv_virt_undo_new(v);
    if (hv_virt_undo_switch(undo, v->api->virNetworkGetName(n), err) < 0)
        r = -1;
    bool was_active = v->api->virNetworkIsActive(n) == 1;
    if (r == 0 && (rename || bridge_mirror)) {
        /* a network cannot be renamed in place: the old definition goes, the new one (same
         * UUID) comes. A bridge-mode network owns nothing (guests attach to the bridge
         * itself), so it is restarted to make the new definition live; a NAT/isolated network
         * is not restarted because that would unplug running guests (engine-lab §5). */
        if (was_active && v->api->virNetworkDestroy(n) < 0) {
            hv_virt_err_lv(v, err, 0);
            r = -1;
        } else if (rename && v->api->virNetworkUndefine(n) < 0) {
            hv_virt_err_lv(v, err, 0);
            r = -1;
        } else if (define_start(v, cur, NULL, err) < 0) {
            r = -1;
        }
        if (r < 0)
            hv_virt_undo_rollback(undo);
    } else if (r == 0) {
        xmlChar *buf = NULL;
        int len = 0;
        xmlDocDumpMemory(cur, &buf, &len);
        virNetworkPtr nn = v->api->virNetworkDefineXML(v->conn, (const char *)buf);
        xmlFree(buf);
        if (!nn) {
            hv_virt_err_lv(v, err, 0);
            r = -1;
        } else {
            v->api->virNetworkFree(nn);
        }
    }
    hv_virt_undo_free(undo);
    xmlFreeDoc(cur);
    v->api->virNetworkFree(n);
    return r;
}
