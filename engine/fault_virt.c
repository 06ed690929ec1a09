/* fault_virt.c — the fault seam (fault.h) for libvirt: when fault injection is on, the
 * engine's table of libvirt entry points (virt_int.h) gets wrappers for every call that
 * changes a domain, snapshot or network; each asks hv_eng_fault("virt:<function>") first
 * and fails the way libvirt does (-1 / NULL) when told to. Reads are left alone. The
 * wrappers have the real functions' types (__typeof__), so a mismatch does not compile. */
#include "engine/fault_virt.h"

#include "engine/fault.h"

#include <stddef.h>

static hv_virt_api real;

/* WRAP(return type, function, failure value, (parameters), (arguments)) */
#define WRAP(ret, f, fail, params, args)                                                          \
    static ret w_##f params                                                                        \
    {                                                                                              \
        if (hv_eng_fault("virt:" #f))                                                              \
            return fail;                                                                           \
        return real.f args;                                                                        \
    }

WRAP(virDomainPtr, virDomainDefineXML, NULL, (virConnectPtr c, const char *x), (c, x))
WRAP(int, virDomainUndefineFlags, -1, (virDomainPtr d, unsigned int fl), (d, fl))
WRAP(int, virDomainCreate, -1, (virDomainPtr d), (d))
WRAP(int, virDomainShutdown, -1, (virDomainPtr d), (d))
WRAP(int, virDomainDestroy, -1, (virDomainPtr d), (d))
WRAP(int, virDomainSuspend, -1, (virDomainPtr d), (d))
WRAP(int, virDomainResume, -1, (virDomainPtr d), (d))
WRAP(int, virDomainManagedSave, -1, (virDomainPtr d, unsigned int fl), (d, fl))
WRAP(int, virDomainManagedSaveRemove, -1, (virDomainPtr d, unsigned int fl), (d, fl))
WRAP(int, virDomainReset, -1, (virDomainPtr d, unsigned int fl), (d, fl))
WRAP(int, virDomainSetMemoryFlags, -1, (virDomainPtr d, unsigned long m, unsigned int fl),
     (d, m, fl))
WRAP(int, virDomainUpdateDeviceFlags, -1, (virDomainPtr d, const char *x, unsigned int fl),
     (d, x, fl))
WRAP(int, virDomainAttachDeviceFlags, -1, (virDomainPtr d, const char *x, unsigned int fl),
     (d, x, fl))
WRAP(int, virDomainDetachDeviceFlags, -1, (virDomainPtr d, const char *x, unsigned int fl),
     (d, x, fl))
WRAP(int, virDomainSetMetadata, -1,
     (virDomainPtr d, int t, const char *m, const char *k, const char *u, unsigned int fl),
     (d, t, m, k, u, fl))
WRAP(virDomainSnapshotPtr, virDomainSnapshotCreateXML, NULL,
     (virDomainPtr d, const char *x, unsigned int fl), (d, x, fl))
WRAP(int, virDomainRevertToSnapshot, -1, (virDomainSnapshotPtr s, unsigned int fl), (s, fl))
WRAP(int, virDomainSnapshotDelete, -1, (virDomainSnapshotPtr s, unsigned int fl), (s, fl))
WRAP(int, virDomainRename, -1, (virDomainPtr d, const char *n, unsigned int fl), (d, n, fl))
WRAP(virNetworkPtr, virNetworkDefineXML, NULL, (virConnectPtr c, const char *x), (c, x))
WRAP(int, virNetworkCreate, -1, (virNetworkPtr n), (n))
WRAP(int, virNetworkDestroy, -1, (virNetworkPtr n), (n))
WRAP(int, virNetworkUndefine, -1, (virNetworkPtr n), (n))
WRAP(int, virNetworkSetAutostart, -1, (virNetworkPtr n, int a), (n, a))

void
hv_eng_fault_wrap_virt(hv_virt_api *api)
{
    if (!hv_eng_fault_active())
        return;
    real = *api;
#define SET(f) api->f = w_##f;
    SET(virDomainDefineXML) SET(virDomainUndefineFlags) SET(virDomainCreate)
    SET(virDomainShutdown) SET(virDomainDestroy) SET(virDomainSuspend) SET(virDomainResume)
    SET(virDomainManagedSave) SET(virDomainManagedSaveRemove) SET(virDomainReset)
    SET(virDomainSetMemoryFlags) SET(virDomainUpdateDeviceFlags)
    SET(virDomainAttachDeviceFlags) SET(virDomainDetachDeviceFlags) SET(virDomainSetMetadata)
    SET(virDomainSnapshotCreateXML) SET(virDomainRevertToSnapshot) SET(virDomainSnapshotDelete)
    SET(virDomainRename) SET(virNetworkDefineXML) SET(virNetworkCreate) SET(virNetworkDestroy)
    SET(virNetworkUndefine) SET(virNetworkSetAutostart)
#undef SET
}
