/* virt_export.c — Export-VM and Import-VM. An export is Hyper-V's folder layout:
 *   <Path>/<VMName>/Virtual Machines/<uuid>.xml   (the inactive domain XML)
 *   <Path>/<VMName>/Virtual Hard Disks/<file>     (copies of the hard disks, chains flattened)
 * built in a hidden staging folder next to it and renamed into place when complete; an import
 * defines the XML as it is (disks where they are) or, with copy, copies the disks first and
 * removes the copies again if the define fails. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/virt_int.h"

#define VM_DIR  "Virtual Machines"
#define VHD_DIR "Virtual Hard Disks"

static bool
is_elem(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST name);
}

/* snprintf for paths: false when the result did not fit (then out holds a truncated path
 * that the caller must not use). */
static bool __attribute__((format(printf, 3, 4))) pathf(char *out, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(out, n, fmt, ap);
    va_end(ap);
    return k >= 0 && (size_t)k < n;
}

/* rm -r of a folder this file made (staging): plain files and folders only. */
static void
remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char sub[PATH_MAX];
            if (!pathf(sub, sizeof sub, "%s/%s", path, e->d_name))
                continue;
            struct stat sb;
            if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode))
                remove_tree(sub);
            else
                unlink(sub);
        }
        closedir(d);
    }
    rmdir(path);
}

static const char *
base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* The hard disks (device='disk' with a file source) of a domain document. */
static size_t
file_disks(xmlDocPtr doc, xmlNodePtr *out, size_t max)
{
    size_t n = 0;
    xmlNodePtr devs = hv_virt_x_child(xmlDocGetRootElement(doc), "devices");
    for (xmlNodePtr c = devs ? devs->children : NULL; c && n < max; c = c->next) {
        if (!is_elem(c, "disk"))
            continue;
        char *dev = hv_virt_x_prop(c, "device");
        bool disk = !dev || !strcmp(dev, "disk");
        free(dev);
        char *f = hv_virt_x_prop(hv_virt_x_child(c, "source"), "file");
        if (disk && f)
            out[n++] = c;
        free(f);
    }
    return n;
}

/* A file name in folder not used yet (by the disks chosen before either). */
static void
unique_name(const char *folder, const char *want, char taken[][NAME_MAX + 1], size_t ntaken,
            char *out, size_t n)
{
    snprintf(out, n, "%s", want);
    for (int k = 2;; k++) {
        bool used = false;
        for (size_t i = 0; i < ntaken && !used; i++)
            used = !strcmp(taken[i], out);
        char full[PATH_MAX];
        pathf(full, sizeof full, "%s/%s", folder, out);
        if (!used && access(full, F_OK) != 0)
            return;
        const char *dot = strrchr(want, '.');
        int stem = dot && dot != want ? (int)(dot - want) : (int)strlen(want);
        pathf(out, n, "%.*s-%d%s", stem, want, k, dot && dot != want ? dot : "");
    }
}

static int
write_doc(xmlDocPtr doc, const char *path, hv_eng_err *err)
{
    xmlChar *buf = NULL;
    int len = 0;
    xmlDocDumpFormatMemory(doc, &buf, &len, 1);
    FILE *f = fopen(path, "wxe");
    bool ok = f && fwrite(buf, 1, (size_t)len, f) == (size_t)len;
    if (f && (fflush(f) != 0 || fsync(fileno(f)) != 0))
        ok = false;
    if (f && fclose(f) != 0)
        ok = false;
    xmlFree(buf);
    if (!ok)
        hv_virt_err_set(err, HV_VIRT_E_IO, "Cannot write %s: %s", path, strerror(errno));
    return ok ? 0 : -1;
}

#define MAX_DISKS 64

int
hv_virt_vm_export(hv_virt *v, const char *uuid, const char *dir, char *xml_out, size_t n,
                  hv_eng_err *err)
{
    virDomainPtr d = hv_virt_dom(v, uuid, err);
    if (!d)
        return -1;
    hv_vm_state st;
    int r = hv_virt_dom_state(v, d, &st, err);
    char *name = hv_virt_strdup(v->api->virDomainGetName(d));
    xmlDocPtr doc = NULL;
    char root[PATH_MAX], stage[PATH_MAX] = "";
    if (r == 0 && !pathf(root, sizeof root, "%s/%s/" VHD_DIR "/%s", dir, name, "x")) {
        hv_virt_err_set(err, HV_VIRT_E_INVALID, "The path '%s' is too long.", dir);
        r = -1;
    }
    pathf(root, sizeof root, "%s/%s", dir, name);
    if (r == 0 && st != HV_VM_OFF) {
        hv_virt_err_set(err, HV_VIRT_E_STATE,
                        "The virtual machine '%s' must be off to be exported (its disks are "
                        "copied as they are).",
                        name);
        r = -1;
    }
    struct stat sb;
    if (r == 0 && (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
        hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "The folder '%s' does not exist.", dir);
        r = -1;
    }
    if (r == 0 && access(root, F_OK) == 0) {
        hv_virt_err_set(err, HV_VIRT_E_EXISTS,
                        "The folder '%s' already exists: an export of '%s' is there.", root, name);
        r = -1;
    }
    if (r == 0) {
        char *x = v->api->virDomainGetXMLDesc(d, VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
        if (!x) {
            v->api->virResetLastError();
            x = v->api->virDomainGetXMLDesc(d, VIR_DOMAIN_XML_INACTIVE);
        }
        if (x)
            doc = xmlReadMemory(x, (int)strlen(x), "domain.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOBLANKS);
        free(x);
        if (!doc) {
            hv_virt_err_lv(v, err, 0);
            r = -1;
        }
    }
    /* stage everything in a hidden sibling, then one rename publishes it */
    char sub[PATH_MAX];
    if (r == 0) {
        pathf(stage, sizeof stage, "%s/.%s.hvsh-export-%ld", dir, name, (long)getpid());
        pathf(sub, sizeof sub, "%s/" VHD_DIR, stage);
        if (mkdir(stage, 0755) < 0 || mkdir(sub, 0755) < 0) {
            hv_virt_err_set(err, HV_VIRT_E_IO, "Cannot create %s: %s", sub, strerror(errno));
            r = -1;
        }
        pathf(sub, sizeof sub, "%s/" VM_DIR, stage);
        if (r == 0 && mkdir(sub, 0755) < 0) {
            hv_virt_err_set(err, HV_VIRT_E_IO, "Cannot create %s: %s", sub, strerror(errno));
            r = -1;
        }
    }
    xmlNodePtr disks[MAX_DISKS];
    size_t nd = r == 0 ? file_disks(doc, disks, MAX_DISKS) : 0;
    char(*taken)[NAME_MAX + 1] = calloc(nd + 1, sizeof *taken);
    for (size_t i = 0; i < nd && r == 0; i++) {
        xmlNodePtr src = hv_virt_x_child(disks[i], "source");
        char *file = hv_virt_x_prop(src, "file");
        char vhd_stage[PATH_MAX], vhd_final[PATH_MAX];
        pathf(sub, sizeof sub, "%s/" VHD_DIR, stage);
        unique_name(sub, base_name(file), taken, i, taken[i], sizeof taken[i]);
        pathf(vhd_stage, sizeof vhd_stage, "%s/%s", sub, taken[i]);
        pathf(vhd_final, sizeof vhd_final, "%s/" VHD_DIR "/%s", root, taken[i]);
        if (access(file, R_OK) == 0) {
            r = hv_virt_vhd_copy(file, vhd_stage, err);
        } else if (!v->is_test) { /* the test driver's disks are fictional: paths only */
            hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "The virtual hard disk '%s' does not exist.",
                            file);
            r = -1;
        }
        if (r == 0)
            xmlSetProp(src, BAD_CAST "file", BAD_CAST vhd_final);
        free(file);
    }
    free(taken);
    char *u = NULL;
    if (r == 0) {
        u = hv_virt_x_text(hv_virt_x_child(xmlDocGetRootElement(doc), "uuid"));
        pathf(sub, sizeof sub, "%s/" VM_DIR "/%s.xml", stage, u ? u : uuid);
        r = write_doc(doc, sub, err);
    }
    if (r == 0 && rename(stage, root) < 0) {
        hv_virt_err_set(err,
                        errno == EEXIST || errno == ENOTEMPTY ? HV_VIRT_E_EXISTS : HV_VIRT_E_IO,
                        "Cannot create %s: %s", root, strerror(errno));
        r = -1;
    }
    if (r == 0 && xml_out)
        pathf(xml_out, n, "%s/" VM_DIR "/%s.xml", root, u ? u : uuid);
    if (r < 0 && stage[0])
        remove_tree(stage);
    free(u);
    free(name);
    if (doc)
        xmlFreeDoc(doc);
    v->api->virDomainFree(d);
    return r;
}

/* ---- import ---- */
static bool
domain_exists(hv_virt *v, const char *uuid, const char *name, bool *by_name)
{
    virDomainPtr *doms = NULL;
    int cnt = v->api->virConnectListAllDomains(v->conn, &doms, 0);
    bool found = false;
    for (int i = 0; i < cnt; i++) {
        char u[VIR_UUID_STRING_BUFLEN];
        v->api->virDomainGetUUIDString(doms[i], u);
        if (!found && uuid && !strcasecmp(u, uuid)) {
            found = true;
            *by_name = false;
        } else if (!found && name && !strcmp(v->api->virDomainGetName(doms[i]), name)) {
            found = true;
            *by_name = true;
        }
        v->api->virDomainFree(doms[i]);
    }
    free(doms);
    if (cnt < 0)
        v->api->virResetLastError();
    return found;
}

/* New dynamic MACs for a copy with a new identity (static ones are the user's). */
static void
new_macs(hv_virt *v, xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr devs = hv_virt_x_child(root, "devices");
    xmlNodePtr meta = hv_virt_x_meta(doc, false);
    for (xmlNodePtr c = devs ? devs->children : NULL; c; c = c->next) {
        if (!is_elem(c, "interface"))
            continue;
        xmlNodePtr m = hv_virt_x_child(c, "mac");
        char *old = hv_virt_x_prop(m, "address");
        xmlNodePtr hm = NULL;
        for (xmlNodePtr k = meta ? meta->children : NULL; k && old; k = k->next) {
            char *km = is_elem(k, "nic") ? hv_virt_x_prop(k, "mac") : NULL;
            if (km && !strcasecmp(km, old))
                hm = k;
            free(km);
        }
        char *dyn = hv_virt_x_prop(hm, "dynamicmac");
        bool is_static = dyn && !strcmp(dyn, "no");
        free(dyn);
        if (!is_static && m) {
            char mac[18];
            hv_virt_gen_mac_v(v, mac);
            xmlSetProp(m, BAD_CAST "address", BAD_CAST mac);
            if (hm)
                xmlSetProp(hm, BAD_CAST "mac", BAD_CAST mac);
        }
        free(old);
    }
}

int
hv_virt_vm_import(hv_virt *v, const char *xml_path, const hv_import_spec *s, char uuid_out[37],
                  hv_eng_err *err)
{
    xmlDocPtr doc = NULL;
    FILE *f = fopen(xml_path, "re");
    if (f) {
        char *buf = NULL;
        size_t cap = 0, len = 0;
        for (;;) {
            if (len + 4096 > cap && !(buf = realloc(buf, cap = cap ? cap * 2 : 65536)))
                abort();
            size_t k = fread(buf + len, 1, cap - len, f);
            if (!k)
                break;
            len += k;
        }
        fclose(f);
        if (len < (size_t)1 << 30)
            doc = xmlReadMemory(buf, (int)len, "import.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING);
        free(buf);
    }
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || !is_elem(root, "domain")) {
        hv_virt_err_set(err, access(xml_path, R_OK) != 0 ? HV_VIRT_E_NOT_FOUND : HV_VIRT_E_INVALID,
                        access(xml_path, R_OK) != 0
                            ? "The file '%s' does not exist."
                            : "The file '%s' is not a virtual machine configuration (libvirt "
                              "domain XML, as Export-VM writes).",
                        xml_path);
        if (doc)
            xmlFreeDoc(doc);
        return -1;
    }
    int r = 0;
    char *name = hv_virt_x_text(hv_virt_x_child(root, "name"));
    char *uuid = hv_virt_x_text(hv_virt_x_child(root, "uuid"));
    bool by_name = false;
    if (s->new_id) {
        hv_virt_x_remove(hv_virt_x_child(root, "uuid"));
        free(uuid);
        uuid = NULL;
        new_macs(v, doc);
    }
    if (domain_exists(v, uuid, name, &by_name)) {
        hv_virt_err_set(err, HV_VIRT_E_EXISTS,
                        by_name ? "A virtual machine named \"%s\" already exists; libvirt requires "
                                  "unique names."
                                : "A virtual machine with the identifier of \"%s\" (%s) already "
                                  "exists: import a copy with -Copy -GenerateNewId.",
                        name ? name : "", uuid ? uuid : "");
        r = -1;
    }
    /* -Copy: every hard disk into the destination folder first */
    xmlNodePtr disks[MAX_DISKS];
    size_t nd = r == 0 ? file_disks(doc, disks, MAX_DISKS) : 0;
    char(*made)[PATH_MAX] = calloc(nd + 1, sizeof *made);
    size_t nmade = 0;
    char dest[PATH_MAX] = "";
    if (r == 0 && s->copy) {
        if (s->vhd_dest) {
            pathf(dest, sizeof dest, "%s", s->vhd_dest);
        } else {
            hv_vmhost_cfg c;
            char *h = hv_virt_hostname(v);
            hv_virt_hostcfg_load(h, &c, err);
            free(h);
            pathf(dest, sizeof dest, "%s", c.vhd_path);
        }
        struct stat sb;
        if (!v->is_test && (stat(dest, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
            hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "The folder '%s' does not exist.", dest);
            r = -1;
        }
    }
    for (size_t i = 0; i < nd && r == 0; i++) {
        xmlNodePtr src = hv_virt_x_child(disks[i], "source");
        char *file = hv_virt_x_prop(src, "file");
        bool exists = access(file, R_OK) == 0;
        if (!exists && !v->is_test) {
            hv_virt_err_set(err, HV_VIRT_E_NOT_FOUND, "The virtual hard disk '%s' does not exist.",
                            file);
            r = -1;
        } else if (s->copy) {
            char to[PATH_MAX];
            pathf(to, sizeof to, "%s/%s", dest, base_name(file));
            if (!pathf(to, sizeof to, "%s/%s", dest, base_name(file))) {
                hv_virt_err_set(err, HV_VIRT_E_INVALID, "The path '%s' is too long.", dest);
                r = -1;
            } else if (access(to, F_OK) == 0) {
                hv_virt_err_set(err, HV_VIRT_E_EXISTS, "The file '%s' already exists.", to);
                r = -1;
            } else if (exists && hv_virt_vhd_copy(file, to, err) < 0) {
                r = -1;
            } else {
                if (exists)
                    pathf(made[nmade++], PATH_MAX, "%s", to);
                xmlSetProp(src, BAD_CAST "file", BAD_CAST to);
            }
        }
        free(file);
    }
    if (r == 0 && s->vm_dest) {
        xmlNodePtr p = hv_virt_x_meta_child(doc, "path", true);
        xmlSetProp(p, BAD_CAST "value", BAD_CAST s->vm_dest);
    }
    if (r == 0 && hv_virt_dom_define(v, doc, err) < 0)
        r = -1;
    if (r == 0) {
        uuid_out[0] = 0;
        hv_vm_id *ids;
        size_t nids;
        if (hv_virt_list_ids(v, &ids, &nids, err) == 0) {
            for (size_t i = 0; i < nids; i++)
                if (!strcmp(ids[i].name, name))
                    memcpy(uuid_out, ids[i].uuid, 37);
            hv_virt_ids_free(ids, nids);
        }
    }
    if (r < 0) /* nothing half-done: the copies go again */
        for (size_t i = 0; i < nmade; i++)
            unlink(made[i]);
    free(made);
    free(name);
    free(uuid);
    xmlFreeDoc(doc);
    return r;
}
