/* virt_host.c — the host: processors, memory, and whether it can run nested VMs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/virt_int.h"

const char *
hv_virt_nested_param_path(const char *vendor)
{
    return vendor && !strcmp(vendor, "AuthenticAMD") ? "/sys/module/kvm_amd/parameters/nested"
                                                     : "/sys/module/kvm_intel/parameters/nested";
}

static int
read_nested(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    int c = fgetc(f);
    fclose(f);
    return c == 'Y' || c == 'y' || c == '1' ? 1 : 0;
}

void
hv_virt_host_probe(hv_host *h)
{
    h->vendor[0] = 0;
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[512];
    while (f && fgets(line, sizeof line, f)) {
        if (!strncmp(line, "vendor_id", 9)) {
            char *c = strchr(line, ':');
            if (c) {
                c++;
                while (*c == ' ' || *c == '\t')
                    c++;
                c[strcspn(c, "\r\n")] = 0;
                snprintf(h->vendor, sizeof h->vendor, "%s", c);
            }
            break;
        }
    }
    if (f)
        fclose(f);
    h->kvm_nested = read_nested(hv_virt_nested_param_path(h->vendor));
    if (h->kvm_nested < 0) /* the other vendor's module, in case /proc/cpuinfo lies (VMs) */
        h->kvm_nested = read_nested(!strcmp(h->vendor, "AuthenticAMD")
                                        ? "/sys/module/kvm_intel/parameters/nested"
                                        : "/sys/module/kvm_amd/parameters/nested");
    h->dev_kvm = access("/dev/kvm", F_OK) == 0;
    h->caps_nested = -1;
}

/* host-model with vmx/svm disabled means KVM will not pass it through (engine-lab §3). */
static int
caps_nested(hv_virt *v)
{
    char *x = v->api->virConnectGetDomainCapabilities(v->conn, NULL, "x86_64", NULL, "kvm", 0);
    if (!x) {
        v->api->virResetLastError();
        return -1;
    }
    xmlDocPtr doc = xmlReadMemory(x, (int)strlen(x), "caps.xml", NULL, XML_PARSE_NONET);
    free(x);
    if (!doc)
        return -1;
    int r = -1;
    xmlNodePtr cpu = hv_virt_x_child(xmlDocGetRootElement(doc), "cpu");
    for (xmlNodePtr m = cpu ? cpu->children : NULL; m; m = m->next) {
        if (m->type != XML_ELEMENT_NODE || xmlStrcmp(m->name, BAD_CAST "mode"))
            continue;
        char *name = hv_virt_x_prop(m, "name");
        bool hm = name && !strcmp(name, "host-model");
        free(name);
        if (!hm)
            continue;
        r = 0;
        for (xmlNodePtr f = m->children; f; f = f->next) {
            if (f->type != XML_ELEMENT_NODE || xmlStrcmp(f->name, BAD_CAST "feature"))
                continue;
            char *fn = hv_virt_x_prop(f, "name"), *pol = hv_virt_x_prop(f, "policy");
            if (fn && (!strcmp(fn, "vmx") || !strcmp(fn, "svm")))
                r = pol && !strcmp(pol, "disable") ? 0 : 1;
            free(fn);
            free(pol);
        }
    }
    xmlFreeDoc(doc);
    return r;
}

void
hv_virt_host_clear(hv_host *h)
{
    free(h->name);
    memset(h, 0, sizeof *h);
}

int
hv_virt_host_info(hv_virt *v, hv_host *out, hv_eng_err *err)
{
    memset(out, 0, sizeof *out);
    virNodeInfo ni;
    if (v->api->virNodeGetInfo(v->conn, &ni) < 0) {
        hv_virt_err_lv(v, err, 0);
        return -1;
    }
    out->logical_processors = (int)ni.cpus;
    out->memory_bytes = (uint64_t)ni.memory * 1024;
    out->name = hv_virt_hostname(v);
    hv_virt_host_probe(out);
    out->caps_nested = v->is_test ? -1 : caps_nested(v);
    return 0;
}
