/* runtime.h — the interpreter as seen from shell/ (main, REPL, completion). Not for cmdlets/. */
#ifndef HV_RUNTIME_H
#define HV_RUNTIME_H

#include "cmdlet.h"
#include "value.h"

typedef struct {
    const hv_module_def *const *modules; /* built-in modules, NULL-terminated */
    bool interactive;                    /* REPL: errors do not exit; Read-Host may prompt */
    bool non_interactive;                /* -NonInteractive */
    const char *script_path;             /* for $PSCommandPath, or NULL */
} hv_runtime_opts;

hv_ctx *hv_runtime_new(const hv_runtime_opts *opts);
void hv_runtime_free(hv_ctx *ctx);

/* Parse and run source text as a script (name is used in error positions, e.g. "<command>").
 * Output goes to Out-Default (the console). Returns the process exit code pwsh would give
 * for -Command/-File: 0, N from `exit N`, 1 after an uncaught terminating error or when the
 * last pipeline failed ($? false) in -Command mode. *exited is set when `exit` ran. */
int hv_run_source(hv_ctx *ctx, const char *src, size_t len, const char *name, bool *exited);
/* Run a script file with arguments bound to its param() block (as -File does). */
int hv_run_file(hv_ctx *ctx, const char *path, int argc, char **argv, bool *exited);

/* For the REPL: parse text; HV_PARSE_INCOMPLETE means "ask for more input" (open brace,
 * trailing pipe, backtick, unterminated string or here-string). */
typedef enum { HV_PARSE_OK, HV_PARSE_INCOMPLETE, HV_PARSE_ERROR } hv_parse_state;
hv_parse_state hv_runtime_check_input(const char *src, size_t len);

/* Syntax check of files: prints "file:line:col: message" per error; returns count. */
int hv_runtime_syntax_check(const char *path);

/* Self-test of every cmdlet table (hvsh -SelfTest): prints problems, returns count. */
int hv_runtime_self_test(hv_ctx *ctx);

/* Ctrl-C: the signal handler calls this (async-signal-safe). */
void hv_runtime_interrupt(void);
void hv_runtime_clear_interrupt(void);
bool hv_runtime_interrupted_p(void); /* was Ctrl-C pressed since the last clear? */

/* The prompt string: calls a user `prompt` function if defined, else "PS <cwd>> ". malloc'd. */
char *hv_runtime_prompt(hv_ctx *ctx);

/* Completion: candidates for the text up to cursor. Returns a malloc'd NULL-terminated array
 * of malloc'd strings, and the byte offset where the replaced word starts. */
char **hv_runtime_complete(hv_ctx *ctx, const char *line, size_t cursor, size_t *word_start);

/* Last $LASTEXITCODE and $? for the REPL. */
bool hv_runtime_last_success(hv_ctx *ctx);

#endif
