/* engerr.h — the language-free error struct every engine/ function fills on failure.
 *
 * engine/ functions return 0 on success and -1 on failure after filling *err (when err is
 * not NULL). cmdlets/ map `code` (and `sys_errno` / `virt_code` for detail) to a PowerShell
 * ErrorCategory and FullyQualifiedErrorId; `msg` is a complete English sentence without a
 * trailing newline. Shared by engine/virt* (helper H) and engine/netlink, nft, resolv,
 * netstate (helper N): add codes at the end only.
 */
#ifndef HV_ENGERR_H
#define HV_ENGERR_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef enum {
    HV_ENG_OK = 0,
    HV_ENG_SYSTEM,       /* a system call / netlink request failed: see sys_errno */
    HV_ENG_NOT_FOUND,    /* named object (interface, address, NAT, VM, switch) absent */
    HV_ENG_EXISTS,       /* object already present */
    HV_ENG_INVALID,      /* bad argument (name too long, bad prefix, wrong family...) */
    HV_ENG_PERMISSION,   /* EPERM/EACCES: needs root or CAP_NET_ADMIN */
    HV_ENG_BUSY,         /* in use / locked */
    HV_ENG_UNSUPPORTED,  /* kernel/driver does not support it */
    HV_ENG_STATE,        /* wrong state for the operation (VM running...) */
    HV_ENG_VIRT,         /* libvirt error: see virt_code */
    HV_ENG_CONFLICT,     /* overlaps / conflicts with another object (NAT prefix) */
    HV_ENG_UNREACHABLE,  /* gateway not on-link (ENETUNREACH) */
    HV_ENG__COUNT
} hv_eng_code;

typedef struct {
    int code;      /* hv_eng_code */
    int sys_errno; /* errno / -netlink error, 0 if none */
    int virt_code; /* virErrorNumber, 0 if none */
    char msg[512];
} hv_eng_err;

/* Fill err (may be NULL) and return -1, so `return hv_eng_fail(err, ...)` reads naturally. */
static inline int hv_eng_fail(hv_eng_err *err, int code, int sys_errno, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static inline int
hv_eng_fail(hv_eng_err *err, int code, int sys_errno, const char *fmt, ...)
{
    if (!err)
        return -1;
    err->code = code;
    err->sys_errno = sys_errno;
    err->virt_code = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

static inline void
hv_eng_err_clear(hv_eng_err *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

/* Map an errno to the closest code (EPERM -> PERMISSION, EEXIST -> EXISTS...). */
static inline int
hv_eng_code_from_errno(int e)
{
    switch (e) {
    case 0: return HV_ENG_OK;
    case EPERM: case EACCES: return HV_ENG_PERMISSION;
    case EEXIST: return HV_ENG_EXISTS;
    case ENODEV: case ENOENT: case ESRCH: case EADDRNOTAVAIL: return HV_ENG_NOT_FOUND;
    case EINVAL: case ERANGE: return HV_ENG_INVALID;
    case EBUSY: return HV_ENG_BUSY;
    case EOPNOTSUPP: return HV_ENG_UNSUPPORTED;
    case ENETUNREACH: return HV_ENG_UNREACHABLE;
    default: return HV_ENG_SYSTEM;
    }
}

#endif
