/* fuzz_domxml.c — libFuzzer target: the libvirt engine reading what a hostile or broken
 * libvirt daemon returns. The engine's table of libvirt entry points (virt_int.h) is
 * replaced by fakes that hand out the fuzz input: the input is split at "\n--\n" into the
 * domain XML (virDomainGetXMLDesc), one network's XML (virNetworkGetXMLDesc, for the
 * bridge -> switch map) and the live metadata (virDomainGetMetadata); its first byte picks
 * the domain state. Then hv_virt_parse_vm — the code behind Get-VM — reads it all.
 * No libvirt is loaded; libxml2 is (xmlshim.h). Must never crash, leak or read out of bounds,
 * whatever the XML. */
/* FUZZ_SOURCES: engine/[a-z]*.c */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/virt_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *fz_part[3];
static int fz_state;

static const char *
f_GetName(virDomainPtr d)
{
    (void)d;
    return "fuzz";
}
static int
f_GetUUIDString(virDomainPtr d, char *buf)
{
    (void)d;
    strcpy(buf, "11111111-2222-3333-4444-555555555555");
    return 0;
}
static int
f_GetState(virDomainPtr d, int *state, int *reason, unsigned int flags)
{
    (void)d; (void)flags;
    *state = fz_state;
    *reason = 0;
    return 0;
}
static int
f_HasManagedSaveImage(virDomainPtr d, unsigned int flags)
{
    (void)d; (void)flags;
    return fz_state == VIR_DOMAIN_CRASHED;
}
static int
f_IsPersistent(virDomainPtr d)
{
    (void)d;
    return 1;
}
static char *
f_GetXMLDesc(virDomainPtr d, unsigned int flags)
{
    (void)d; (void)flags;
    return fz_part[0] ? strdup(fz_part[0]) : NULL;
}
static int
f_GetInfo(virDomainPtr d, virDomainInfoPtr info)
{
    (void)d;
    memset(info, 0, sizeof *info);
    info->memory = 1048576;
    info->nrVirtCpu = 2;
    return 0;
}
static char *
f_GetMetadata(virDomainPtr d, int type, const char *uri, unsigned int flags)
{
    (void)d; (void)type; (void)uri; (void)flags;
    return fz_part[2] ? strdup(fz_part[2]) : NULL;
}
static int
f_SnapshotNum(virDomainPtr d, unsigned int flags)
{
    (void)d; (void)flags;
    return 0;
}
static int
f_ListAllNetworks(virConnectPtr c, virNetworkPtr **nets, unsigned int flags)
{
    (void)c; (void)flags;
    *nets = calloc(2, sizeof **nets);
    (*nets)[0] = (virNetworkPtr)(uintptr_t)0x10;
    return 1;
}
static char *
f_NetGetXMLDesc(virNetworkPtr n, unsigned int flags)
{
    (void)n; (void)flags;
    return fz_part[1] ? strdup(fz_part[1]) : NULL;
}
static int
f_NetworkFree(virNetworkPtr n)
{
    (void)n;
    return 0;
}
static void
f_ResetLastError(void)
{
}
static virErrorPtr
f_GetLastError(void)
{
    return NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const int states[] = {VIR_DOMAIN_NOSTATE, VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED,
                                 VIR_DOMAIN_PAUSED,  VIR_DOMAIN_SHUTDOWN, VIR_DOMAIN_SHUTOFF,
                                 VIR_DOMAIN_CRASHED, VIR_DOMAIN_PMSUSPENDED};
    fz_state = states[data[0] % (sizeof states / sizeof *states)];
    char *text = malloc(size);
    memcpy(text, data + 1, size - 1);
    text[size - 1] = 0;
    fz_part[0] = text;
    fz_part[1] = fz_part[2] = NULL;
    for (int i = 1; i < 3; i++) {
        char *sep = strstr(fz_part[i - 1], "\n--\n");
        if (!sep)
            break;
        *sep = 0;
        fz_part[i] = sep + 4;
    }
    hv_virt_api api = {0};
    api.virDomainGetName = f_GetName;
    api.virDomainGetUUIDString = f_GetUUIDString;
    api.virDomainGetState = f_GetState;
    api.virDomainHasManagedSaveImage = f_HasManagedSaveImage;
    api.virDomainIsPersistent = f_IsPersistent;
    api.virDomainGetXMLDesc = f_GetXMLDesc;
    api.virDomainGetInfo = f_GetInfo;
    api.virDomainGetMetadata = f_GetMetadata;
    api.virDomainSnapshotNum = f_SnapshotNum;
    api.virConnectListAllNetworks = f_ListAllNetworks;
    api.virNetworkGetXMLDesc = f_NetGetXMLDesc;
    api.virNetworkFree = f_NetworkFree;
    api.virResetLastError = f_ResetLastError;
    api.virGetLastError = f_GetLastError;
    hv_virt v = {.api = &api};
    hv_vm vm;
    hv_eng_err err;
    hv_eng_err_clear(&err);
    if (hv_virt_parse_vm(&v, (virDomainPtr)(uintptr_t)0x20, &vm, &err) == 0)
        hv_virt_vm_clear(&vm);
    hv_virt_bmap_invalidate(&v);
    free(text);
    return 0;
}
