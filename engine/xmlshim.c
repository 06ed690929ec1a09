/* xmlshim.c — loads libxml2 on first use; see xmlshim.h. */
#define HV_XMLSHIM_IMPL
#include "engine/xmlshim.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

const hv_virt_xml_api *
hv_virt_xml(void)
{
    static hv_virt_xml_api api;
    static int loaded;
    if (loaded)
        return &api;
    void *h = dlopen("libxml2.so.2", RTLD_NOW | RTLD_GLOBAL);
    if (!h) {
        fprintf(stderr, "hvsh: cannot load libxml2.so.2 (install libxml2): %s\n", dlerror());
        abort();
    }
#define HV_XML_LOAD(f)                                                                        \
    if (!(*(void **)&api.f = dlsym(h, #f[0] == 'f' ? "xmlFree" : #f))) {                     \
        fprintf(stderr, "hvsh: libxml2.so.2 lacks %s\n", #f);                                 \
        abort();                                                                              \
    }
    HV_XML_FUNCS(HV_XML_LOAD)
    HV_XML_LOAD(free_var)
#undef HV_XML_LOAD
    loaded = 1;
    return &api;
}
