/* syssvc.c — systemd services through systemctl (see syssvc.h). */
#include "engine/syssvc.h"

#include "engine/fault.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

const char *
hv_sys_svc_program(void)
{
    const char *p = getenv("HVSH_SYSTEMCTL");
    return p && *p ? p : "systemctl";
}

typedef struct {
    char *data;
    size_t len, cap;
} buf;

static void
buf_add(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        if (!b->data)
            abort();
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

/* Run systemctl with args; stdout into *out (malloc'd). Non-zero exit = failure with the
 * first stderr line as the message. */
static int run_prog(const char *prog, const char *const *args, char **out, hv_eng_err *err);

static int
run(const char *const *args, char **out, hv_eng_err *err)
{
    return run_prog(hv_sys_svc_program(), args, out, err);
}

static int
run_prog(const char *prog, const char *const *args, char **out, hv_eng_err *err)
{
    size_t na = 0;
    while (args[na])
        na++;
    char **argv = calloc(na + 2, sizeof *argv);
    if (!argv)
        abort();
    argv[0] = (char *)prog;
    for (size_t i = 0; i < na; i++)
        argv[i + 1] = (char *)args[i];
    int po[2], pe[2];
    if (pipe2(po, O_CLOEXEC) < 0) {
        free(argv);
        return hv_eng_fail(err, HV_ENG_SYSTEM, errno, "pipe: %s", strerror(errno));
    }
    if (pipe2(pe, O_CLOEXEC) < 0) {
        close(po[0]);
        close(po[1]);
        free(argv);
        return hv_eng_fail(err, HV_ENG_SYSTEM, errno, "pipe: %s", strerror(errno));
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, po[1], 1);
    posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, prog, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    free(argv);
    close(po[1]);
    close(pe[1]);
    if (rc != 0) {
        close(po[0]);
        close(pe[0]);
        return hv_eng_fail(err, rc == ENOENT ? HV_ENG_UNSUPPORTED : HV_ENG_SYSTEM, rc,
                           "Cannot run %s: %s (%s).", prog, strerror(rc),
                           strstr(prog, "hostnamectl") ? "systemd's hostnamectl is needed to rename the computer"
                                                       : "systemd's systemctl is needed to manage services");
    }
    buf o = {0}, e = {0};
    struct pollfd p[2] = {{.fd = po[0], .events = POLLIN}, {.fd = pe[0], .events = POLLIN}};
    int open_fds = 2;
    while (open_fds) {
        if (poll(p, 2, -1) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; i++) {
            if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char tmp[4096];
            ssize_t k = read(p[i].fd, tmp, sizeof tmp);
            if (k > 0) {
                buf_add(i ? &e : &o, tmp, (size_t)k);
            } else if (k == 0 || errno != EINTR) {
                close(p[i].fd);
                p[i].fd = -1;
                open_fds--;
            }
        }
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char line[400] = "";
        if (e.data) {
            size_t n = strcspn(e.data, "\n");
            snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), e.data);
        }
        free(o.data);
        free(e.data);
        int code = strstr(line, "not found") || strstr(line, "does not exist") ? HV_ENG_NOT_FOUND
                   : strstr(line, "Access denied") || strstr(line, "authentication") ? HV_ENG_PERMISSION
                                                                                     : HV_ENG_SYSTEM;
        const char *base = strrchr(prog, '/') ? strrchr(prog, '/') + 1 : prog;
        return hv_eng_fail(err, code, 0, "%s %s failed: %s", base, args[0],
                           line[0] ? line : "exit status non-zero");
    }
    free(e.data);
    if (!o.data)
        buf_add(&o, "", 0);
    *out = o.data;
    return 0;
}

/* ------------------------------------------------------------------ parsing */

static void
set(char *dst, size_t n, const char *v, size_t vl)
{
    if (vl >= n)
        vl = n - 1;
    memcpy(dst, v, vl);
    dst[vl] = 0;
}

size_t
hv_sys_svc_parse_show(const char *text, hv_sys_svc **out)
{
    size_t n = 0, cap = 0;
    hv_sys_svc cur;
    memset(&cur, 0, sizeof cur);
    bool have = false;
    *out = NULL;
    const char *p = text;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len && p[len - 1] == '\r')
            len--;
        if (len == 0) { /* end of a record */
            if (have && cur.name[0]) {
                if (n == cap) {
                    cap = cap ? cap * 2 : 16;
                    *out = realloc(*out, cap * sizeof **out);
                    if (!*out)
                        abort();
                }
                (*out)[n++] = cur;
            }
            memset(&cur, 0, sizeof cur);
            have = false;
        } else {
            const char *eq = memchr(p, '=', len);
            if (eq) {
                size_t kl = (size_t)(eq - p), vl = len - kl - 1;
                const char *v = eq + 1;
                have = true;
#define KEY(k) (kl == sizeof k - 1 && !memcmp(p, k, kl))
                if (KEY("Id")) {
                    set(cur.name, sizeof cur.name, v, vl);
                    size_t l = strlen(cur.name);
                    if (l > 8 && !strcmp(cur.name + l - 8, ".service"))
                        cur.name[l - 8] = 0;
                } else if (KEY("Description")) {
                    set(cur.description, sizeof cur.description, v, vl);
                } else if (KEY("ActiveState")) {
                    set(cur.active, sizeof cur.active, v, vl);
                } else if (KEY("SubState")) {
                    set(cur.sub, sizeof cur.sub, v, vl);
                } else if (KEY("UnitFileState")) {
                    set(cur.file_state, sizeof cur.file_state, v, vl);
                } else if (KEY("LoadState")) {
                    set(cur.load, sizeof cur.load, v, vl);
                } else if (KEY("MainPID")) {
                    cur.main_pid = atoi(v);
                } else if (KEY("CanStop")) {
                    cur.can_stop = vl == 3 && !memcmp(v, "yes", 3);
                } else if (KEY("CanStart")) {
                    cur.can_start = vl == 3 && !memcmp(v, "yes", 3);
                } else if (KEY("Requires")) {
                    set(cur.requires, sizeof cur.requires, v, vl);
                } else if (KEY("RequiredBy")) {
                    set(cur.required_by, sizeof cur.required_by, v, vl);
                }
#undef KEY
            }
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    if (have && cur.name[0]) {
        *out = realloc(*out, (n + 1) * sizeof **out);
        if (!*out)
            abort();
        (*out)[n++] = cur;
    }
    return n;
}

const char *
hv_sys_svc_status(const hv_sys_svc *s)
{
    if (!strcmp(s->active, "active") || !strcmp(s->active, "reloading"))
        return "Running";
    if (!strcmp(s->active, "activating"))
        return "StartPending";
    if (!strcmp(s->active, "deactivating"))
        return "StopPending";
    return "Stopped";
}

const char *
hv_sys_svc_start_type(const hv_sys_svc *s)
{
    const char *f = s->file_state;
    if (!strncmp(f, "enabled", 7) || !strcmp(f, "alias") || !strcmp(f, "linked"))
        return "Automatic";
    if (!strcmp(f, "disabled") || !strncmp(f, "masked", 6) || !strcmp(s->load, "masked"))
        return "Disabled";
    return "Manual"; /* static, indirect, generated, transient: started on demand */
}

/* ------------------------------------------------------------------ commands */

#define SHOW_PROPS "--property=Id,Description,ActiveState,SubState,UnitFileState,LoadState," \
                   "MainPID,CanStop,CanStart,Requires,RequiredBy"

int
hv_sys_svc_list(hv_sys_svc **out, size_t *n, hv_eng_err *err)
{
    *out = NULL;
    *n = 0;
    char *text;
    static const char *const lf[] = {"list-unit-files", "--type=service", "--no-legend",
                                     "--no-pager", "--plain", NULL};
    if (run(lf, &text, err) < 0)
        return -1;
    /* names of the non-template unit files, then one `show` for all of them */
    size_t cap = 64, k = 0;
    const char **args = calloc(cap, sizeof *args);
    char **names = calloc(cap, sizeof *names);
    if (!args || !names)
        abort();
    args[k++] = "show";
    args[k++] = SHOW_PROPS;
    args[k++] = "--no-pager";
    size_t nn = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char unit[256];
        if (sscanf(line, "%255s", unit) != 1 || strchr(unit, '@'))
            continue;
        size_t l = strlen(unit);
        if (l <= 8 || strcmp(unit + l - 8, ".service"))
            continue;
        if (k + 2 >= cap) {
            cap *= 2;
            args = realloc(args, cap * sizeof *args);
            names = realloc(names, cap * sizeof *names);
            if (!args || !names)
                abort();
        }
        names[nn] = strdup(unit);
        if (!names[nn])
            abort();
        args[k++] = names[nn++];
    }
    args[k] = NULL;
    free(text);
    int rc = 0;
    if (nn) {
        char *show;
        rc = run(args, &show, err);
        if (rc == 0) {
            *n = hv_sys_svc_parse_show(show, out);
            free(show);
        }
    }
    for (size_t i = 0; i < nn; i++)
        free(names[i]);
    free(names);
    free(args);
    return rc;
}

int
hv_sys_svc_action(const char *verb, const char *name, hv_eng_err *err)
{
    char unit[300];
    snprintf(unit, sizeof unit, "%s.service", name);
    if (hv_eng_fault("exec:systemctl"))
        return hv_eng_fail(err, HV_ENG_SYSTEM, EIO, "%s %s failed: %s", hv_sys_svc_program(), verb,
                           strerror(EIO));
    const char *const args[] = {verb, unit, NULL};
    char *out = NULL;
    int rc = run(args, &out, err);
    free(out);
    return rc;
}

int
hv_sys_svc_get(const char *name, hv_sys_svc *out, hv_eng_err *err)
{
    char unit[300];
    snprintf(unit, sizeof unit, "%s.service", name);
    const char *const args[] = {"show", SHOW_PROPS, "--no-pager", unit, NULL};
    char *text;
    if (run(args, &text, err) < 0)
        return -1;
    hv_sys_svc *v;
    size_t n = hv_sys_svc_parse_show(text, &v);
    free(text);
    bool found = n && strcmp(v[0].load, "not-found") != 0;
    if (found)
        *out = v[0];
    free(v);
    if (!found)
        return hv_eng_fail(err, HV_ENG_NOT_FOUND, ENOENT, "Unit %s not found.", unit);
    return 0;
}

int
hv_sys_svc_power(const char *verb, hv_eng_err *err)
{
    if (hv_eng_fault("exec:systemctl"))
        return hv_eng_fail(err, HV_ENG_SYSTEM, EIO, "systemctl %s failed: %s", verb, strerror(EIO));
    const char *const args[] = {verb, NULL};
    char *out = NULL;
    int rc = run(args, &out, err);
    free(out);
    return rc;
}

int
hv_sys_set_hostname(const char *name, hv_eng_err *err)
{
    const char *prog = getenv("HVSH_HOSTNAMECTL");
    if (!prog || !*prog)
        prog = "hostnamectl";
    const char *const args[] = {"set-hostname", name, NULL};
    char *out = NULL;
    int rc = run_prog(prog, args, &out, err);
    free(out);
    return rc;
}
