/* sysctl.c — per-interface IP sysctls (/proc/sys/net/ipv4|ipv6/conf/<if>/...). Linux keeps
 * forwarding per interface and per family, as Windows' NetIPInterface Forwarding does. */
#include "engine/sysctl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "engine/fault.h"

static bool
conf_path(char *buf, size_t n, const char *ifname, int family, const char *key)
{
    /* an interface name never contains '/', and "." / ".." are not interfaces */
    if (!ifname || !*ifname || strchr(ifname, '/') || !strcmp(ifname, ".") || !strcmp(ifname, ".."))
        return false;
    int w = snprintf(buf, n, "/proc/sys/net/%s/conf/%s/%s", family == AF_INET6 ? "ipv6" : "ipv4",
                     ifname, key);
    return w > 0 && (size_t)w < n;
}

int
hv_sys_if_forward_get(const char *ifname, int family)
{
    char path[256], v[8] = {0};
    if (!conf_path(path, sizeof path, ifname, family, "forwarding"))
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t r = read(fd, v, sizeof v - 1);
    close(fd);
    return r > 0 ? (v[0] == '1') : -1;
}

int
hv_sys_if_forward_set(const char *ifname, int family, bool on, hv_eng_err *err)
{
    char path[256];
    if (!conf_path(path, sizeof path, ifname, family, "forwarding"))
        return hv_eng_fail(err, HV_ENG_INVALID, 0, "Invalid interface name \"%s\".",
                           ifname ? ifname : "");
    int fd = hv_eng_fault("sysctl:if_forwarding") ? -1 : open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || write(fd, on ? "1\n" : "0\n", 2) != 2) {
        int e = errno ? errno : EIO;
        if (fd >= 0)
            close(fd);
        int code = hv_eng_code_from_errno(e);
        if (e == ENOENT)
            code = HV_ENG_NOT_FOUND;
        return hv_eng_fail(err, code, e, "Cannot write %s: %s", path, strerror(e));
    }
    close(fd);
    return 0;
}
