/* repl.c — a minimal read-eval-print loop (readline): reads lines, asks for more while the
 * input is incomplete (">> "), runs each entry. A REPL helper will replace this. */
#include "shell/repl.h"

#include <readline/history.h>
#include <readline/readline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
hv_repl_run(hv_ctx *ctx, bool no_logo)
{
    if (!no_logo)
        printf("hvsh 0.1.0 (PowerShell 7.4 compatible)\n");
    char *buf = NULL;
    size_t len = 0;
    for (;;) {
        char *prompt = buf ? strdup(">> ") : hv_runtime_prompt(ctx);
        char *line = readline(prompt);
        free(prompt);
        if (!line) {
            if (buf) {
                free(buf);
                buf = NULL;
                len = 0;
                putchar('\n');
                continue;
            }
            putchar('\n');
            return 0;
        }
        size_t ll = strlen(line);
        char *nb = realloc(buf, len + ll + 2);
        if (!nb)
            abort();
        buf = nb;
        memcpy(buf + len, line, ll);
        len += ll;
        buf[len++] = '\n';
        buf[len] = 0;
        free(line);
        if (hv_runtime_check_input(buf, len) == HV_PARSE_INCOMPLETE)
            continue;
        if (len > 1) {
            buf[len - 1] = 0;
            add_history(buf);
            buf[len - 1] = '\n';
        }
        bool exited = false;
        int rc = hv_run_source(ctx, buf, len, "", &exited);
        free(buf);
        buf = NULL;
        len = 0;
        hv_runtime_clear_interrupt();
        if (exited)
            return rc;
    }
}
