/* repl.c — the interactive shell on GNU readline.
 *
 *  - prompt: the user's `prompt` function or "PS /cwd> "; ">> " while the parser says the
 *    input is incomplete (open brace, parenthesis, here-string, trailing pipe or backtick);
 *    the whole statement becomes one history entry;
 *  - history: ~/.local/share/hvsh/history (XDG_DATA_HOME), appended after every entry so
 *    nothing is lost on a crash, de-duplicated, lines that look like secrets never stored;
 *    Get-History/Invoke-History see the session's entries; Ctrl-R is readline's search;
 *  - completion: the runtime's engine (cmdlet tables, live VM and interface names,
 *    variables, members, paths); Tab completes the common part, Tab Tab lists;
 *  - Ctrl-C at the prompt clears the line; during a command it stops the pipeline (the
 *    runtime polls the flag) and comes back here; Ctrl-D on an empty line exits.
 */
#include "shell/repl.h"

#include <errno.h>
#include <fcntl.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* readline's completion callback has no user-data argument: the one pointer it forces. */
static hv_ctx *hv_repl_ctx;

/* ---- history file ---- */

static char *
history_path(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    char *dir;
    if (xdg && *xdg)
        dir = hv_xasprintf("%s/hvsh", xdg);
    else if (home && *home)
        dir = hv_xasprintf("%s/.local/share/hvsh", home);
    else
        return NULL;
    /* mkdir -p, owner only */
    for (char *p = dir + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0700);
            *p = '/';
        }
    }
    mkdir(dir, 0700);
    char *path = hv_xasprintf("%s/history", dir);
    free(dir);
    return path;
}

/* One entry per line; a multi-line entry has its newlines written as "\n" and
 * backslashes doubled. */
static char *
history_encode(const char *s)
{
    hv_buf b = {0};
    for (; *s; s++) {
        if (*s == '\\')
            hv_buf_puts(&b, "\\\\");
        else if (*s == '\n')
            hv_buf_puts(&b, "\\n");
        else
            hv_buf_putc(&b, *s);
    }
    hv_buf_putc(&b, '\0');
    return b.data;
}

static char *
history_decode(const char *s)
{
    char *out = hv_xstrdup(s);
    char *w = out;
    for (const char *r = s; *r; r++) {
        if (*r == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else if (*r == '\\' && r[1] == '\\') {
            *w++ = '\\';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return out;
}

static void
history_forget(const char *line)
{
    for (int i = history_length - 1; i >= 0; i--) {
        HIST_ENTRY *e = history_get(history_base + i);
        if (e && strcmp(e->line, line) == 0) {
            HIST_ENTRY *old = remove_history(i);
            if (old)
                free_history_entry(old);
        }
    }
}

static void
history_load(const char *path)
{
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n')
            line[--n] = '\0';
        if (!n)
            continue;
        char *entry = history_decode(line);
        history_forget(entry);
        add_history(entry);
        free(entry);
    }
    free(line);
    fclose(f);
    stifle_history(4096);
}

static void
history_append(const char *path, const char *entry)
{
    if (!path)
        return;
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    char *enc = history_encode(entry);
    size_t len = strlen(enc);
    enc[len] = '\n'; /* the encoded text never contains a raw newline */
    ssize_t w = write(fd, enc, len + 1);
    (void)w;
    free(enc);
    close(fd);
}

/* ---- completion ---- */

static char **
repl_completion(const char *text, int start, int end)
{
    (void)text;
    rl_attempted_completion_over = 1; /* never fall back to readline's filename completion */
    size_t word_start = (size_t)start;
    char **cands = hv_runtime_complete(hv_repl_ctx, rl_line_buffer, (size_t)end, &word_start);
    if (!cands || !cands[0]) {
        free(cands);
        return NULL;
    }
    size_t n = 0;
    while (cands[n])
        n++;
    /* readline replaces line[start..end); our words replace line[word_start..end). Make each
     * candidate relative to readline's start. */
    char **out = calloc(n + 2, sizeof *out);
    if (!out)
        abort();
    size_t w = 1;
    for (size_t i = 0; i < n; i++) {
        const char *cand = cands[i];
        if (word_start < (size_t)start) {
            size_t skip = (size_t)start - word_start;
            if (strncmp(cand, rl_line_buffer + word_start, skip) == 0)
                out[w++] = hv_xstrdup(cand + skip);
        } else {
            char *pre = hv_xstrndup(rl_line_buffer + start, word_start - (size_t)start);
            out[w++] = hv_xasprintf("%s%s", pre, cand);
            free(pre);
        }
        free(cands[i]);
    }
    free(cands);
    if (w == 1) {
        free(out);
        return NULL;
    }
    /* out[0]: the longest common prefix (case-insensitively equal parts take the first). */
    size_t lcp = strlen(out[1]);
    for (size_t i = 2; i < w; i++) {
        size_t k = 0;
        while (k < lcp && out[i][k] && (out[i][k] | 0x20) == (out[1][k] | 0x20))
            k++;
        lcp = k;
    }
    out[0] = hv_xstrndup(out[1], lcp);
    out[w] = NULL;
    /* a completed directory or a method call is not a finished word */
    const char *last = out[1] + strlen(out[1]);
    rl_completion_append_character =
        (w == 2 && last > out[1] && (last[-1] == '/' || last[-1] == '(')) ? '\0' : ' ';
    return out;
}

/* ---- Ctrl-C at the prompt ---- */

static bool repl_cancelled; /* Ctrl-C at the prompt: drop the statement being typed */

static int
repl_signal_hook(void)
{
    /* readline noticed SIGINT while reading: show ^C, empty the line and prompt afresh
     * (a continuation started on earlier lines is dropped when this line is accepted). */
    if (!hv_runtime_interrupted_p())
        return 0;
    hv_runtime_clear_interrupt();
    repl_cancelled = true;
    rl_replace_line("", 0);
    rl_point = rl_end = 0;
    fputs("^C\n", rl_outstream ? rl_outstream : stdout);
    char *prompt = hv_runtime_prompt(hv_repl_ctx);
    rl_set_prompt(prompt);
    free(prompt);
    rl_on_new_line();
    rl_redisplay();
    return 0;
}

/* ---- the loop ---- */

static int64_t
now_ticks(void)
{
    return hv_dt_now_ticks(HV_DT_LOCAL);
}

static bool
blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

static void
run_entry(hv_ctx *ctx, const char *hist_path, char *buf, size_t len, bool *exited, int *rc)
{
    /* the entry without its final newline is what history shows */
    char *entry = hv_xstrndup(buf, len && buf[len - 1] == '\n' ? len - 1 : len);
    bool keep = !blank(entry) && !hv_history_is_sensitive(entry);
    if (keep) {
        history_forget(entry);
        add_history(entry);
        history_append(hist_path, entry);
    }
    int64_t start = now_ticks();
    *rc = hv_run_source(ctx, buf, len, "", exited);
    hv_runtime_clear_interrupt();
    if (keep)
        hv_history_add(ctx, entry, start, now_ticks(), hv_runtime_last_success(ctx));
    free(entry);
    fflush(stdout);
}

int
hv_repl_run(hv_ctx *ctx, bool no_logo)
{
    hv_repl_ctx = ctx;
    rl_readline_name = "hvsh";
    rl_attempted_completion_function = repl_completion;
    rl_completer_word_break_characters = " \t\n|;{(&=";
    rl_completer_quote_characters = NULL;
    rl_signal_event_hook = repl_signal_hook;
    rl_catch_signals = 1;
    char *hist_path = history_path();
    history_load(hist_path);
    if (!no_logo)
        printf("hvsh 0.1.0 — PowerShell 7.4 compatible shell for KVM hosts\n");

    char *buf = NULL;
    size_t len = 0;
    int rc = 0;
    bool exited = false;
    while (!exited) {
        char *prompt = buf ? hv_xstrdup(">> ") : hv_runtime_prompt(ctx);
        hv_runtime_clear_interrupt();
        repl_cancelled = false;
        char *line = readline(prompt);
        free(prompt);
        if (repl_cancelled && buf) {
            /* Ctrl-C during a continuation: what was typed before it is dropped */
            free(buf);
            buf = NULL;
            len = 0;
        }
        if (!line) {
            if (buf) { /* Ctrl-D inside a continuation: abandon it */
                free(buf);
                buf = NULL;
                len = 0;
                putchar('\n');
                continue;
            }
            putchar('\n');
            break;
        }
        size_t ll = strlen(line);
        buf = hv_xrealloc(buf, len + ll + 2);
        memcpy(buf + len, line, ll);
        len += ll;
        buf[len++] = '\n';
        buf[len] = '\0';
        free(line);
        if (hv_runtime_check_input(buf, len) == HV_PARSE_INCOMPLETE)
            continue;
        run_entry(ctx, hist_path, buf, len, &exited, &rc);
        free(buf);
        buf = NULL;
        len = 0;
    }
    free(buf);
    free(hist_path);
    hv_repl_ctx = NULL;
    return exited ? rc : 0;
}

/* ---- profiles ---- */

/* Dot-sources the profiles that exist, in pwsh's order (all users, then current user), and
 * sets $PROFILE to the current user's hvsh profile. */
void
hv_repl_load_profile(hv_ctx *ctx)
{
    const char *home = getenv("HOME");
    const char *xdg = getenv("XDG_CONFIG_HOME");
    char *cfg = xdg && *xdg ? hv_xstrdup(xdg) : hv_xasprintf("%s/.config", home ? home : "");
    char *paths[] = {
        hv_xstrdup("/etc/hvsh/profile.ps1"),
        hv_xasprintf("%s/powershell/profile.ps1", cfg),
        hv_xasprintf("%s/powershell/Microsoft.PowerShell_profile.ps1", cfg),
        hv_xasprintf("%s/hvsh/profile.ps1", cfg),
    };
    size_t np = sizeof paths / sizeof paths[0];
    hv_var_set(ctx, "PROFILE", hv_str(paths[np - 1]));
    for (size_t i = 0; i < np; i++) {
        if (access(paths[i], R_OK) == 0) {
            hv_buf b = {0};
            hv_buf_puts(&b, ". '");
            for (const char *p = paths[i]; *p; p++) {
                if (*p == '\'')
                    hv_buf_putc(&b, '\'');
                hv_buf_putc(&b, *p);
            }
            hv_buf_puts(&b, "'");
            bool exited = false;
            (void)hv_run_source(ctx, b.data, b.len, "", &exited);
            hv_buf_free(&b);
        }
        free(paths[i]);
    }
    free(cfg);
}
