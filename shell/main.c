/* main.c — hvsh's command line, as pwsh's: parameters are case-insensitive and may be
 * shortened to a unique prefix (-c, -f, -nop, -noni ...). Start-up does nothing heavy: the
 * runtime is created only when code will run.
 *
 *   hvsh [-NoProfile] [-NonInteractive] [-NoLogo] [-NoExit] [-Command <text>|- [args]]
 *        [-File <path> [args]] [<path> [args]] [-Version] [-Help] [-SyntaxCheck <file>...]
 *        [-SelfTest] [-WorkingDirectory <dir>] [-ExecutionPolicy <p>] [-EncodedCommand <b64>]
 */
#include "cmdlets/cmdlets.h"
#include "engine/netstate.h"
#include "pipeline/runtime.h"
#include "shell/repl.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define HVSH_VERSION "0.1.0"

enum opt_id {
    OPT_COMMAND, OPT_FILE, OPT_NOPROFILE, OPT_NONINTERACTIVE, OPT_NOLOGO, OPT_NOEXIT,
    OPT_VERSION, OPT_HELP, OPT_SYNTAXCHECK, OPT_SELFTEST, OPT_EXECUTIONPOLICY,
    OPT_WORKINGDIRECTORY, OPT_ENCODEDCOMMAND, OPT_INPUTFORMAT, OPT_OUTPUTFORMAT,
    OPT_WINDOWSTYLE, OPT_INTERACTIVE, OPT_LOGIN, OPT_MTA, OPT_STA, OPT_COMMANDWITHARGS,
    OPT_CONFIGURATIONNAME, OPT_COMPLETE, OPT_CURSOR, OPT_RESTORE, OPT__COUNT
};

typedef struct {
    const char *name;
    enum opt_id id;
    bool takes_value;
} opt_def;

/* Order matters for the short forms pwsh documents: -c is -Command, -f is -File, -e is
 * -EncodedCommand, -v is -Version, -h is -Help, even though other names share the prefix. */
static const opt_def opts[] = {
    {.name = "Command", .id = OPT_COMMAND},
    {.name = "File", .id = OPT_FILE},
    {.name = "EncodedCommand", .id = OPT_ENCODEDCOMMAND, .takes_value = true},
    {.name = "Version", .id = OPT_VERSION},
    {.name = "Help", .id = OPT_HELP},
    {.name = "NoProfile", .id = OPT_NOPROFILE},
    {.name = "NonInteractive", .id = OPT_NONINTERACTIVE},
    {.name = "NoLogo", .id = OPT_NOLOGO},
    {.name = "NoExit", .id = OPT_NOEXIT},
    {.name = "SyntaxCheck", .id = OPT_SYNTAXCHECK},
    {.name = "SelfTest", .id = OPT_SELFTEST},
    {.name = "ExecutionPolicy", .id = OPT_EXECUTIONPOLICY, .takes_value = true},
    {.name = "WorkingDirectory", .id = OPT_WORKINGDIRECTORY, .takes_value = true},
    {.name = "InputFormat", .id = OPT_INPUTFORMAT, .takes_value = true},
    {.name = "OutputFormat", .id = OPT_OUTPUTFORMAT, .takes_value = true},
    {.name = "WindowStyle", .id = OPT_WINDOWSTYLE, .takes_value = true},
    {.name = "Interactive", .id = OPT_INTERACTIVE},
    {.name = "Login", .id = OPT_LOGIN},
    {.name = "MTA", .id = OPT_MTA},
    {.name = "STA", .id = OPT_STA},
    {.name = "CommandWithArgs", .id = OPT_COMMANDWITHARGS},
    {.name = "ConfigurationName", .id = OPT_CONFIGURATIONNAME, .takes_value = true},
    {.name = "Complete", .id = OPT_COMPLETE, .takes_value = true},
    {.name = "Cursor", .id = OPT_CURSOR, .takes_value = true},
    {.name = "Restore", .id = OPT_RESTORE},
};

static const char *const short_forms[][2] = {
    {"c", "Command"}, {"f", "File"}, {"e", "EncodedCommand"}, {"ec", "EncodedCommand"},
    {"v", "Version"}, {"h", "Help"}, {"?", "Help"}, {"nop", "NoProfile"},
    {"noni", "NonInteractive"}, {"nol", "NoLogo"}, {"ep", "ExecutionPolicy"},
    {"wd", "WorkingDirectory"}, {"cwa", "CommandWithArgs"}, {"w", "WindowStyle"},
    {"i", "Interactive"}, {"l", "Login"}, {"o", "OutputFormat"}, {"of", "OutputFormat"},
    {"if", "InputFormat"}, {"noe", "NoExit"},
};

/* -1 = not an option, -2 = ambiguous/unknown */
static int
match_opt(const char *arg)
{
    if (arg[0] != '-' || !arg[1])
        return -1;
    const char *a = arg + 1;
    if (*a == '-')
        a++;
    for (size_t i = 0; i < sizeof short_forms / sizeof *short_forms; i++)
        if (strcasecmp(a, short_forms[i][0]) == 0)
            a = short_forms[i][1];
    size_t n = strlen(a);
    int found = -2;
    for (size_t i = 0; i < sizeof opts / sizeof *opts; i++) {
        if (strcasecmp(a, opts[i].name) == 0)
            return (int)i;
        if (strncasecmp(a, opts[i].name, n) == 0)
            found = found == -2 ? (int)i : -3;
    }
    return found == -3 ? -2 : found;
}

static void
usage(FILE *f)
{
    fputs("Usage: hvsh[.exe] [-Login] [[-File] <filePath> [args]]\n"
          "                  [-Command { - | <script-block> [-args <arg-array>]\n"
          "                                | <string> [<CommandParameters>] } ]\n"
          "                  [-ConfigurationName <string>] [-ConfigurationFile <filePath>]\n"
          "                  [-EncodedCommand <Base64EncodedCommand>]\n"
          "                  [-ExecutionPolicy <ExecutionPolicy>] [-InputFormat {Text | XML}]\n"
          "                  [-Interactive] [-MTA] [-NoExit] [-NoLogo] [-NonInteractive] [-NoProfile]\n"
          "                  [-OutputFormat {Text | XML}] [-SettingsFile <filePath>] [-SSHServerMode] [-STA]\n"
          "                  [-Version] [-WindowStyle <style>] [-WorkingDirectory <directoryPath>]\n"
          "                  [-SyntaxCheck <file>...] [-SelfTest]\n"
          "\n"
          "       hvsh[.exe] -h | -Help | -? | /?\n"
          "\n"
          "hvsh is a PowerShell 7.4 compatible shell for Linux KVM hosts.\n"
          "All parameters are case-insensitive and may be abbreviated to a unique prefix.\n",
          f);
}

static char *
read_all(FILE *f, size_t *len)
{
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        abort();
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (!buf)
                abort();
        }
    }
    buf[n < cap ? n : cap - 1] = 0;
    *len = n;
    return buf;
}

/* -EncodedCommand: base64 of UTF-16LE text. */
static char *
decode_b64_utf16(const char *s)
{
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = strlen(s);
    unsigned char *bytes = malloc(n + 4);
    char *out = malloc(n * 2 + 4);
    if (!bytes || !out)
        abort();
    size_t nb = 0;
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p = strchr(tbl, s[i]);
        if (!p || !s[i])
            continue;
        acc = (acc << 6) | (unsigned)(p - tbl);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes[nb++] = (unsigned char)(acc >> bits);
        }
    }
    size_t o = 0;
    for (size_t i = 0; i + 1 < nb; i += 2) {
        unsigned cp = bytes[i] | (unsigned)bytes[i + 1] << 8;
        if (cp < 0x80) {
            out[o++] = (char)cp;
        } else if (cp < 0x800) {
            out[o++] = (char)(0xC0 | cp >> 6);
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[o++] = (char)(0xE0 | cp >> 12);
            out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[o] = 0;
    free(bytes);
    return out;
}

static void
on_sigint(int sig)
{
    (void)sig;
    hv_runtime_interrupt();
}

static hv_ctx *
make_runtime(bool interactive, bool non_interactive, const char *script)
{
    hv_runtime_opts o = {
        .modules = hv_builtin_modules(),
        .interactive = interactive,
        .non_interactive = non_interactive,
        .script_path = script,
    };
    return hv_runtime_new(&o);
}

static char *
join_args(int argc, char **argv)
{
    size_t len = 1;
    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *s = calloc(1, len);
    if (!s)
        abort();
    for (int i = 0; i < argc; i++) {
        if (i)
            strcat(s, " ");
        strcat(s, argv[i]);
    }
    return s;
}

typedef struct {
    bool noexit, nologo, noninteractive, syntax, selftest, noprofile;
    const char *complete; /* -Complete '<line>' */
    long cursor;          /* -Cursor N (default: end of line) */
    char *command;      /* malloc'd */
    const char *file;
    int rest_argc;
    char **rest_argv;
} cli;

/* Returns -1 to continue, else an exit code. */
static int
parse_cli(int argc, char **argv, cli *c)
{
    for (int i = 1; i < argc; i++) {
        int o = match_opt(argv[i]);
        if (o == -1) {
            /* first non-option: a script path (as -File) */
            c->file = argv[i];
            c->rest_argc = argc - i - 1;
            c->rest_argv = argv + i + 1;
            return -1;
        }
        if (o == -2) {
            fprintf(stderr, "The argument '%s' is not recognized as the name of a script file. "
                    "Check the spelling of the name, or if a path was included, verify that the "
                    "path is correct and try again.\n\n", argv[i]);
            usage(stderr);
            return 64;
        }
        const opt_def *d = &opts[o];
        if (d->takes_value && i + 1 >= argc) {
            fprintf(stderr, "Missing value for parameter -%s.\n", d->name);
            return 64;
        }
        switch (d->id) {
        case OPT_COMMAND:
        case OPT_COMMANDWITHARGS:
            if (i + 1 >= argc) {
                fprintf(stderr, "Cannot process the command because of a missing parameter. "
                        "A command must follow -Command.\n");
                return 64;
            }
            c->command = join_args(argc - i - 1, argv + i + 1);
            return -1;
        case OPT_FILE:
            if (i + 1 >= argc) {
                fprintf(stderr, "The -File parameter requires an argument.\n");
                return 64;
            }
            c->file = argv[i + 1];
            c->rest_argc = argc - i - 2;
            c->rest_argv = argv + i + 2;
            return -1;
        case OPT_ENCODEDCOMMAND:
            c->command = decode_b64_utf16(argv[++i]);
            break;
        case OPT_VERSION:
            printf("hvsh %s (PowerShell 7.4.6 compatible)\n", HVSH_VERSION);
            return 0;
        case OPT_HELP:
            usage(stdout);
            return 0;
        case OPT_NOEXIT:
            c->noexit = true;
            break;
        case OPT_NOPROFILE:
            c->noprofile = true;
            break;
        case OPT_RESTORE: {
            /* Re-apply the switches, addresses, routes and NATs hvsh made (after a reboot);
             * idempotent. The systemd unit scripts/hvsh-restore.service runs this. */
            hv_eng_err e = {0};
            int r = hv_netstate_restore(stdout, &e);
            if (r)
                fprintf(stderr, "hvsh: restore: %s\n", e.msg);
            return r ? 1 : 0;
        }
        case OPT_COMPLETE:
            c->complete = argv[++i];
            break;
        case OPT_CURSOR:
            c->cursor = strtol(argv[++i], NULL, 10);
            break;
        case OPT_NOLOGO:
            c->nologo = true;
            break;
        case OPT_NONINTERACTIVE:
            c->noninteractive = true;
            break;
        case OPT_SYNTAXCHECK:
            c->syntax = true;
            c->rest_argc = argc - i - 1;
            c->rest_argv = argv + i + 1;
            return -1;
        case OPT_SELFTEST:
            c->selftest = true;
            break;
        case OPT_WORKINGDIRECTORY:
            if (chdir(argv[++i]) != 0) {
                fprintf(stderr, "The working directory '%s' does not exist.\n", argv[i]);
                return 64;
            }
            break;
        case OPT_EXECUTIONPOLICY:
        case OPT_INPUTFORMAT:
        case OPT_OUTPUTFORMAT:
        case OPT_WINDOWSTYLE:
        case OPT_CONFIGURATIONNAME:
            i++;
            break;
        default:
            break;
        }
    }
    return -1;
}

/* -Complete: one candidate per line, for golden completion tests. */
static int
run_complete(const cli *c)
{
    hv_ctx *ctx = make_runtime(false, true, NULL);
    if (!c->noprofile)
        hv_repl_load_profile(ctx);
    size_t len = strlen(c->complete);
    size_t cursor = c->cursor > 0 && (size_t)c->cursor < len ? (size_t)c->cursor : len;
    size_t start = 0;
    char **cands = hv_runtime_complete(ctx, c->complete, cursor, &start);
    for (size_t i = 0; cands && cands[i]; i++) {
        printf("%s\n", cands[i]);
        free(cands[i]);
    }
    free(cands);
    hv_runtime_free(ctx);
    return 0;
}

static int
run_syntax_check(const cli *c)
{
    int errors = 0;
    for (int i = 0; i < c->rest_argc; i++)
        errors += hv_runtime_syntax_check(c->rest_argv[i]);
    return errors ? 1 : 0;
}

int
main(int argc, char **argv)
{
    cli c = {0};
    int rc = parse_cli(argc, argv, &c);
    if (rc >= 0) {
        free(c.command);
        return rc;
    }
    if (c.syntax)
        return run_syntax_check(&c);
    if (c.complete)
        return run_complete(&c);
    signal(SIGINT, on_sigint);
    signal(SIGPIPE, SIG_IGN);
    bool tty_in = isatty(STDIN_FILENO);
    hv_ctx *ctx;
    bool exited = false;
    if (c.selftest) {
        ctx = make_runtime(false, true, NULL);
        int problems = hv_runtime_self_test(ctx);
        hv_runtime_free(ctx);
        return problems ? 1 : 0;
    }
    if (c.file) {
        ctx = make_runtime(false, c.noninteractive, c.file);
        if (!c.noprofile)
            hv_repl_load_profile(ctx);
        if (access(c.file, R_OK) != 0) {
            fprintf(stderr, "The argument '%s' is not recognized as the name of a script file. "
                    "Check the spelling of the name, or if a path was included, verify that the "
                    "path is correct and try again.\n", c.file);
            hv_runtime_free(ctx);
            return 64;
        }
        rc = hv_run_file(ctx, c.file, c.rest_argc, c.rest_argv, &exited);
    } else if (c.command) {
        ctx = make_runtime(false, c.noninteractive, NULL);
        if (!c.noprofile)
            hv_repl_load_profile(ctx);
        if (strcmp(c.command, "-") == 0) {
            size_t len;
            char *src = read_all(stdin, &len);
            rc = hv_run_source(ctx, src, len, "", &exited);
            free(src);
        } else {
            rc = hv_run_source(ctx, c.command, strlen(c.command), "", &exited);
        }
    } else if (!tty_in) {
        ctx = make_runtime(false, c.noninteractive, NULL);
        size_t len;
        char *src = read_all(stdin, &len);
        rc = hv_run_source(ctx, src, len, "", &exited);
        free(src);
    } else {
        ctx = make_runtime(true, c.noninteractive, NULL);
        if (!c.noprofile)
            hv_repl_load_profile(ctx);
        rc = hv_repl_run(ctx, c.nologo);
        exited = true;
    }
    if (c.noexit && !exited && tty_in)
        rc = hv_repl_run(ctx, true);
    free(c.command);
    fflush(stdout);
    hv_runtime_free(ctx);
    return rc;
}
