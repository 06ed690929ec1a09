/* fuzz_sandbox.h — the sandbox of the fuzz targets that run the interpreter (eval, json,
 * csv, netsh). A fuzzer invents inputs such as `1 > /proc/sysrq-trigger` or `& /sbin/reboot`,
 * so before the first input the process:
 *   - makes libFuzzer's corpus and artifact directories writable, then drops to nobody
 *     (root-owned files and /proc/sys are out of reach);
 *   - enters a user + network namespace of its own (best effort): netsh/NAT changes only
 *     touch a private, empty network stack;
 *   - works in a fresh temporary directory with PATH="" and HOME, HVSH_STATE_DIR and
 *     HVSH_RESOLV_CONF inside it, HVSH_URI=test:///default;
 *   - sends stdout (Out-Default) to /dev/null;
 * and this file replaces posix_spawn/posix_spawnp (no native program ever starts) and kill
 * (only the process itself may be signalled). Each input runs with a wall-clock budget: a
 * timer "presses Ctrl-C" (hv_runtime_interrupt) so `while (1) {}` ends like in the shell.
 * Include once, in the target's .c file. */
#ifndef HV_FUZZ_SANDBOX_H
#define HV_FUZZ_SANDBOX_H

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "cmdlets/cmdlets.h"
#include "pipeline/runtime.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- interposed libc calls: the executable's definitions win over libc's ---- */
int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
                const posix_spawnattr_t *at, char *const argv[], char *const envp[]);
int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
                 const posix_spawnattr_t *at, char *const argv[], char *const envp[]);
int kill(pid_t pid, int sig);

int
posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
            const posix_spawnattr_t *at, char *const argv[], char *const envp[])
{
    (void)pid; (void)path; (void)fa; (void)at; (void)argv; (void)envp;
    return EPERM;
}

int
posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
             const posix_spawnattr_t *at, char *const argv[], char *const envp[])
{
    (void)pid; (void)file; (void)fa; (void)at; (void)argv; (void)envp;
    return EPERM;
}

int
kill(pid_t pid, int sig)
{
    if (pid != getpid()) {
        errno = EPERM;
        return -1;
    }
    return raise(sig);
}

static char fz_dir[64];
static unsigned fz_budget_ms = 300;

static void
fz_writable(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        chmod(path, 01777); /* sticky: nobody may add files, not replace root's */
}

static void
fz_write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void
fz_on_alarm(int sig)
{
    (void)sig;
    hv_runtime_interrupt();
}

/* "dir/x" -> "/cwd/dir/x" (malloc'd; kept for the process's life) */
static char *
fz_abs(const char *prefix, const char *path)
{
    char cwd[2048], *r;
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        return NULL;
    if (asprintf(&r, "%s%s/%s", prefix, cwd, path) < 0)
        abort();
    return r;
}

/* Call from LLVMFuzzerInitialize with its argc/argv (libFuzzer parses its flags after it). */
static void
fuzz_sandbox(int argc, char **argv)
{
    /* libFuzzer writes new units into the corpus dirs and crashes next to the prefix: make
     * them absolute (the interpreter runs in another directory) and writable by nobody */
    for (int i = 1; i < argc; i++) {
        char *a;
        if (argv[i][0] != '-') {
            if ((a = fz_abs("", argv[i])))
                argv[i] = a;
            fz_writable(argv[i]);
        } else if (!strncmp(argv[i], "-artifact_prefix=", 17)) {
            if ((a = fz_abs("-artifact_prefix=", argv[i] + 17)))
                argv[i] = a;
            char d[4096];
            snprintf(d, sizeof d, "%s", argv[i] + 17);
            char *slash = strrchr(d, '/');
            if (slash) {
                *slash = 0;
                fz_writable(d);
            }
        }
    }
    snprintf(fz_dir, sizeof fz_dir, "/tmp/hvsh-fuzz.XXXXXX");
    if (!mkdtemp(fz_dir))
        abort();
    if (getuid() == 0) {
        if (chown(fz_dir, 65534, 65534) < 0 || setgroups(0, NULL) < 0 || setgid(65534) < 0 ||
            setuid(65534) < 0) {
            fprintf(stderr, "fuzz_sandbox: cannot drop to nobody\n");
            abort();
        }
    }
    if (getuid() == 0 || geteuid() == 0)
        abort(); /* never fuzz the interpreter as root */
    uid_t uid = getuid();
    gid_t gid = getgid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0) {
        char m[64];
        fz_write_file("/proc/self/setgroups", "deny");
        snprintf(m, sizeof m, "0 %u 1", (unsigned)uid);
        fz_write_file("/proc/self/uid_map", m);
        snprintf(m, sizeof m, "0 %u 1", (unsigned)gid);
        fz_write_file("/proc/self/gid_map", m);
    }
    if (chdir(fz_dir) < 0)
        abort();
    char p[128];
    setenv("PATH", "", 1);
    setenv("HOME", fz_dir, 1);
    snprintf(p, sizeof p, "%s/state", fz_dir);
    setenv("HVSH_STATE_DIR", p, 1);
    snprintf(p, sizeof p, "%s/resolv.conf", fz_dir);
    setenv("HVSH_RESOLV_CONF", p, 1);
    fz_write_file(p, "nameserver 9.9.9.9\n");
    setenv("HVSH_URI", "test:///default", 1);
    setenv("NO_COLOR", "1", 1);
    unsetenv("HVSH_FAULT_AT");
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
        dup2(null, 1);
        close(null);
    }
    signal(SIGALRM, fz_on_alarm);
    signal(SIGPIPE, SIG_IGN);
}

/* Write the input to <sandbox>/in.txt for scripts that read it with ReadAllText. */
static void
fuzz_input_file(const uint8_t *data, size_t size)
{
    char p[128];
    snprintf(p, sizeof p, "%s/in.txt", fz_dir);
    FILE *f = fopen(p, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
}

/* Run source in a fresh runtime with the given modules (NULL-terminated), within the
 * wall-clock budget. */
static void
fuzz_run(const hv_module_def *const *mods, const char *src, size_t len)
{
    hv_runtime_opts o = {.modules = mods, .non_interactive = true};
    hv_ctx *ctx = hv_runtime_new(&o);
    struct itimerval t = {.it_value = {.tv_sec = fz_budget_ms / 1000,
                                       .tv_usec = (fz_budget_ms % 1000) * 1000}};
    setitimer(ITIMER_REAL, &t, NULL);
    bool exited = false;
    (void)hv_run_source(ctx, src, len, "<fuzz>", &exited);
    struct itimerval off = {0};
    setitimer(ITIMER_REAL, &off, NULL);
    hv_runtime_clear_interrupt();
    hv_runtime_free(ctx);
    /* a case may have changed the location: back to the sandbox */
    if (chdir(fz_dir) < 0)
        abort();
}

#endif
