/* native.c — native commands in the pipeline: posix_spawn with an argv (never a shell),
 * stdin fed from upstream objects as text lines, stdout read line by line into strings as
 * they arrive (or inherited when the command is last and writes to the console, so
 * interactive programs work), stderr passed through or redirected, exit status to
 * $LASTEXITCODE. Pipes are non-blocking and pumped together so a command that echoes its
 * input (cat) cannot deadlock against us. */
#include "native.h"

#include "errors.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* ---- argv ---- */

static void
argv_push(char ***v, size_t *n, size_t *cap, char *s)
{
    if (*n + 2 > *cap) {
        *cap = *cap ? *cap * 2 : 8;
        *v = hv_xrealloc(*v, *cap * sizeof **v);
    }
    (*v)[(*n)++] = s;
    (*v)[*n] = NULL;
}

static char *
tilde(const char *s)
{
    const char *home = getenv("HOME");
    if (s[0] == '~' && (s[1] == '/' || !s[1]) && home)
        return hv_xasprintf("%s%s", home, s + 1);
    return hv_xstrdup(s);
}

static void
push_word(char ***v, size_t *n, size_t *cap, const char *s, bool bare)
{
    if (bare && strpbrk(s, "*?[")) {
        glob_t g;
        char *t = tilde(s);
        if (glob(t, 0, NULL, &g) == 0) {
            for (size_t i = 0; i < g.gl_pathc; i++)
                argv_push(v, n, cap, hv_xstrdup(g.gl_pathv[i]));
            globfree(&g);
            free(t);
            return;
        }
        free(t);
    }
    argv_push(v, n, cap, bare ? tilde(s) : hv_xstrdup(s));
}

static void
push_value(char ***v, size_t *n, size_t *cap, const hv_value *val, bool bare)
{
    if (val->kind == HV_ARRAY) {
        for (size_t i = 0; i < hv_array_len(val); i++)
            push_value(v, n, cap, hv_array_at(val, i), false);
        return;
    }
    HV_AUTO hv_value s = hv_conv_to_string(val, NULL);
    push_word(v, n, cap, hv_str_cstr(&s), bare);
}

char **
hv_native_argv(hv_ctx *ctx, const hv_stage *stage)
{
    (void)ctx;
    char **v = NULL;
    size_t n = 0, cap = 0;
    const char *a0 = stage->invocation_name && stage->invocation_name[0] ? stage->invocation_name
                                                                         : stage->info.name;
    argv_push(&v, &n, &cap, hv_xstrdup(a0 ? a0 : stage->info.definition));
    for (size_t i = 0; i < stage->nargs; i++) {
        const hv_arg *a = &stage->args[i];
        if (!a->param) {
            push_value(&v, &n, &cap, &a->value, a->bare_word);
            continue;
        }
        const char *t = a->text ? a->text : NULL;
        char *tok = t ? hv_xstrdup(t) : hv_xasprintf("-%s", a->param);
        if (a->has_value) {
            size_t tl = strlen(tok);
            HV_AUTO hv_value s = hv_conv_to_string(&a->value, ",");
            char *joined =
                hv_xasprintf("%s%s%s", tok, tl && tok[tl - 1] == ':' ? "" : ":", hv_str_cstr(&s));
            free(tok);
            tok = joined;
        }
        argv_push(&v, &n, &cap, tok);
    }
    return v;
}

/* ---- output pumping ---- */

static hv_status
emit_line(hv_cmd *cmd, const char *s, size_t n, bool is_err)
{
    if (n && s[n - 1] == '\r')
        n--;
    if (!is_err)
        return hv_emit(cmd, hv_strn(s, n));
    /* 2>&1: stderr lines become ErrorRecords in the output (pwsh 7.4 NativeCommandError) */
    HV_AUTO hv_value msg = hv_strn(s, n);
    hv_pos pos = cmd->stage->pos;
    hv_value rec =
        hv_err_make("System.Management.Automation.RemoteException", hv_str_cstr(&msg),
                    HV_CAT_NotSpecified, "NativeCommandError", &msg, cmd->stage->info.name, &pos);
    return hv_emit(cmd, rec);
}

/* Read what is available on fd; deliver complete lines. *eof set at end of file. */
static hv_status
pump_fd(hv_cmd *cmd, int *fdp, hv_buf *line, bool is_err)
{
    char buf[65536];
    hv_status st = HV_OK;
    for (;;) {
        ssize_t r = read(*fdp, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return HV_OK;
        if (r <= 0) {
            if (line->len && st == HV_OK)
                st = emit_line(cmd, line->data, line->len, is_err);
            line->len = 0;
            close(*fdp);
            *fdp = -1;
            return st;
        }
        size_t start = 0;
        for (size_t i = 0; i < (size_t)r; i++) {
            if (buf[i] != '\n')
                continue;
            if (st != HV_OK)
                break;
            if (line->len) {
                hv_buf_put(line, buf + start, i - start);
                st = emit_line(cmd, line->data, line->len, is_err);
                line->len = 0;
            } else {
                st = emit_line(cmd, buf + start, i - start, is_err);
            }
            start = i + 1;
        }
        if (st != HV_OK)
            return st;
        if (start < (size_t)r)
            hv_buf_put(line, buf + start, (size_t)r - start);
    }
}

/* Wait until stdin is writable or output is readable; pump the output. */
static hv_status
pump(hv_cmd *cmd, bool want_write, bool block)
{
    struct pollfd pf[3];
    int n = 0, iw = -1, io = -1, ie = -1;
    if (want_write && cmd->in_fd >= 0) {
        iw = n;
        pf[n++] = (struct pollfd){.fd = cmd->in_fd, .events = POLLOUT};
    }
    if (cmd->out_fd >= 0) {
        io = n;
        pf[n++] = (struct pollfd){.fd = cmd->out_fd, .events = POLLIN};
    }
    if (cmd->err_fd >= 0) {
        ie = n;
        pf[n++] = (struct pollfd){.fd = cmd->err_fd, .events = POLLIN};
    }
    if (!n)
        return HV_OK;
    int r = poll(pf, (nfds_t)n, block ? 200 : 0);
    if (r < 0)
        return errno == EINTR && !hv_runtime_interrupted ? HV_OK
               : hv_runtime_interrupted                  ? HV_STOPPED
                                                         : HV_OK;
    hv_status st = HV_OK;
    if (io >= 0 && (pf[io].revents & (POLLIN | POLLHUP | POLLERR)))
        st = pump_fd(cmd, &cmd->out_fd, &cmd->out_line, false);
    if (st == HV_OK && ie >= 0 && (pf[ie].revents & (POLLIN | POLLHUP | POLLERR)))
        st = pump_fd(cmd, &cmd->err_fd, &cmd->err_line, true);
    (void)iw;
    return st;
}

/* ---- spawning ---- */

static int
target_fd(hv_cmd *cmd, int stream, int *pipe_end, bool *merge)
{
    hv_cmd *owner = NULL;
    const hv_stream_redir *r = hv_pipe_redir_of(cmd, stream, &owner);
    *merge = false;
    if (!r)
        return -1;
    if (r->mode == HV_RD_NULL)
        return open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (r->mode == HV_RD_FILE && r->f) {
        fflush(r->f);
        return dup(fileno(r->f));
    }
    if (r->mode == HV_RD_MERGE) {
        *merge = true;
        int p[2];
        if (pipe2(p, O_CLOEXEC) < 0)
            return -1;
        *pipe_end = p[0];
        return p[1];
    }
    return -1;
}

static void
set_nonblock(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static hv_status
spawn_failed(hv_cmd *cmd, int err)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        strcpy(cwd, ".");
    hv_pos pos = cmd->stage->pos;
    hv_value rec = hv_err_new(cmd->ctx, "System.ComponentModel.Win32Exception",
                              HV_CAT_ResourceUnavailable, "NativeCommandFailed", NULL, &pos,
                              "An error occurred trying to start process '%s' with working "
                              "directory '%s'. %s",
                              cmd->stage->info.definition, cwd, strerror(err));
    return hv_eval_raise(cmd->ctx, rec, false);
}

static bool
output_inherits(hv_cmd *cmd)
{
    hv_ctx *ctx = cmd->ctx;
    if (!ctx->console)
        return false;
    return hv_pipe_to_console(cmd);
}

hv_status
hv_native_start(hv_cmd *cmd, bool piped_input)
{
    hv_ctx *ctx = cmd->ctx;
    signal(SIGPIPE, SIG_IGN);
    cmd->argv = hv_native_argv(ctx, cmd->stage);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    int in[2] = {-1, -1}, out[2] = {-1, -1}, err_rd = -1, err_wr;
    bool merge = false;
    if (piped_input && pipe2(in, O_CLOEXEC) == 0)
        posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    cmd->inherit_out = output_inherits(cmd);
    if (!cmd->inherit_out && pipe2(out, O_CLOEXEC) == 0)
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    err_wr = target_fd(cmd, 2, &err_rd, &merge);
    if (err_wr >= 0)
        posix_spawn_file_actions_adddup2(&fa, err_wr, 2);
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    sigset_t def;
    sigemptyset(&def);
    sigaddset(&def, SIGPIPE);
    sigaddset(&def, SIGINT);
    sigaddset(&def, SIGQUIT);
    posix_spawnattr_setsigdefault(&at, &def);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF);
    if (cmd->inherit_out)
        hv_eval_console_flush(ctx);
    fflush(ctx->out ? ctx->out : stdout);
    fflush(stderr);
    int rc = posix_spawn(&cmd->pid, cmd->stage->info.definition, &fa, &at, cmd->argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (in[0] >= 0)
        close(in[0]);
    if (out[1] >= 0)
        close(out[1]);
    if (err_wr >= 0)
        close(err_wr);
    cmd->in_fd = in[1];
    cmd->out_fd = out[0];
    cmd->err_fd = merge ? err_rd : -1;
    if (!merge && err_rd >= 0)
        close(err_rd);
    if (rc != 0) {
        cmd->pid = -1;
        return spawn_failed(cmd, rc);
    }
    if (cmd->in_fd >= 0)
        set_nonblock(cmd->in_fd);
    if (cmd->out_fd >= 0)
        set_nonblock(cmd->out_fd);
    if (cmd->err_fd >= 0)
        set_nonblock(cmd->err_fd);
    return HV_OK;
}

static hv_status
write_all(hv_cmd *cmd, const char *s, size_t n)
{
    while (n) {
        if (cmd->in_fd < 0)
            return HV_STOPPED;
        ssize_t w = write(cmd->in_fd, s, n);
        if (w > 0) {
            s += w;
            n -= (size_t)w;
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            hv_status st = pump(cmd, true, true);
            if (st != HV_OK)
                return st;
            if (hv_runtime_interrupted)
                return HV_STOPPED;
            continue;
        }
        /* EPIPE: the command stopped reading (head -1): upstream can stop */
        close(cmd->in_fd);
        cmd->in_fd = -1;
        return HV_STOPPED;
    }
    return HV_OK;
}

hv_status
hv_native_write(hv_cmd *cmd, hv_value v)
{
    if (cmd->in_fd < 0) {
        hv_unref(v);
        return HV_STOPPED;
    }
    hv_buf b = {0};
    if (v.kind == HV_STRING) {
        hv_buf_put(&b, hv_str_cstr(&v), hv_str_len(&v));
    } else {
        HV_AUTO hv_value t = hv_format_default(cmd->ctx, &v, 1, hv_host_width(cmd->ctx));
        if (t.kind == HV_STRING) {
            hv_buf_put(&b, hv_str_cstr(&t), hv_str_len(&t));
            while (b.len && b.data[b.len - 1] == '\n')
                b.len--;
        }
    }
    hv_unref(v);
    hv_buf_putc(&b, '\n');
    hv_status st = write_all(cmd, b.data, b.len);
    hv_buf_free(&b);
    if (st == HV_OK)
        st = pump(cmd, false, false);
    return st;
}

static void
set_exit_code(hv_cmd *cmd, int status)
{
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    cmd->exit_code = code;
    hv_ctx *ctx = cmd->ctx;
    if (hv_scope_assign(ctx, ctx->global, "LASTEXITCODE", hv_int(code)) != HV_OK)
        hv_unref(hv_eval_take_error(ctx));
}

hv_status
hv_native_finish(hv_cmd *cmd)
{
    if (cmd->in_fd >= 0) {
        close(cmd->in_fd);
        cmd->in_fd = -1;
    }
    hv_status st = HV_OK;
    while (st == HV_OK && (cmd->out_fd >= 0 || cmd->err_fd >= 0)) {
        st = pump(cmd, false, true);
        if (hv_runtime_interrupted)
            st = HV_STOPPED;
    }
    if (cmd->pid > 0) {
        if (st != HV_OK) {
            kill(cmd->pid, SIGTERM);
            cmd->killed = true;
        }
        int status = 0;
        while (waitpid(cmd->pid, &status, 0) < 0 && errno == EINTR)
            ;
        cmd->pid = -1;
        set_exit_code(cmd, status);
    }
    return st;
}

void
hv_native_kill(hv_cmd *cmd)
{
    if (cmd->in_fd >= 0)
        close(cmd->in_fd);
    if (cmd->out_fd >= 0)
        close(cmd->out_fd);
    if (cmd->err_fd >= 0)
        close(cmd->err_fd);
    cmd->in_fd = cmd->out_fd = cmd->err_fd = -1;
    if (cmd->pid > 0) {
        int status = 0;
        /* give it a chance to finish on its own (EOF on stdin), then insist */
        if (waitpid(cmd->pid, &status, WNOHANG) == 0) {
            kill(cmd->pid, SIGTERM);
            cmd->killed = true;
            while (waitpid(cmd->pid, &status, 0) < 0 && errno == EINTR)
                ;
        }
        cmd->pid = -1;
        set_exit_code(cmd, status);
    }
}

void
hv_native_free(hv_cmd *cmd)
{
    if (cmd->argv) {
        for (char **a = cmd->argv; *a; a++)
            free(*a);
        free(cmd->argv);
        cmd->argv = NULL;
    }
    hv_buf_free(&cmd->out_line);
    hv_buf_free(&cmd->err_line);
}
