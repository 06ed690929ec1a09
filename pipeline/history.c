/* history.c — the session's command history: what Get-History shows and Invoke-History
 * runs. The REPL adds each accepted entry; the file on disk is the REPL's business. */
#include "history.h"

#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    hv_history_entry *items;
    size_t n, cap;
    long next_id;
} hv_history;

static hv_history *
hist_of(hv_ctx *ctx)
{
    if (!ctx->history) {
        hv_history *h = hv_xcalloc(1, sizeof *h);
        h->next_id = 1;
        ctx->history = h;
    }
    return ctx->history;
}

size_t
hv_history_count(hv_ctx *ctx)
{
    return ctx->history ? hist_of(ctx)->n : 0;
}

const hv_history_entry *
hv_history_at(hv_ctx *ctx, size_t i)
{
    hv_history *h = hist_of(ctx);
    return i < h->n ? &h->items[i] : NULL;
}

/* PSReadLine's default AddToHistoryHandler refuses lines mentioning these words. */
bool
hv_history_is_sensitive(const char *line)
{
    static const char *const words[] = {"password", "asplaintext", "token", "apikey", "secret"};
    size_t n = strlen(line);
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t wl = strlen(words[w]);
        for (size_t i = 0; i + wl <= n; i++)
            if (strncasecmp(line + i, words[w], wl) == 0)
                return true;
    }
    return false;
}

void
hv_history_add(hv_ctx *ctx, const char *line, int64_t start_ticks, int64_t end_ticks, bool ok)
{
    hv_history *h = hist_of(ctx);
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 64;
        h->items = hv_xrealloc(h->items, h->cap * sizeof *h->items);
    }
    h->items[h->n++] = (hv_history_entry){
        .id = h->next_id++,
        .line = hv_xstrdup(line),
        .start_ticks = start_ticks,
        .end_ticks = end_ticks,
        .ok = ok,
    };
    /* $MaximumHistoryCount bounds the session list (pwsh's default 4096). */
    hv_value max = hv_var_get(ctx, "MaximumHistoryCount");
    int64_t limit = max.kind == HV_INT ? hv_int_of(&max) : 4096;
    hv_unref(max);
    while (limit > 0 && (int64_t)h->n > limit) {
        free((char *)h->items[0].line);
        memmove(h->items, h->items + 1, (h->n - 1) * sizeof *h->items);
        h->n--;
    }
}

bool
hv_history_remove(hv_ctx *ctx, long id)
{
    hv_history *h = hist_of(ctx);
    for (size_t i = 0; i < h->n; i++) {
        if (h->items[i].id != id)
            continue;
        free((char *)h->items[i].line);
        memmove(h->items + i, h->items + i + 1, (h->n - i - 1) * sizeof *h->items);
        h->n--;
        return true;
    }
    return false;
}

void
hv_history_free(hv_ctx *ctx)
{
    hv_history *h = ctx->history;
    if (!h)
        return;
    for (size_t i = 0; i < h->n; i++)
        free((char *)h->items[i].line);
    free(h->items);
    free(h);
    ctx->history = NULL;
}

/* A sink that forwards to the cmdlet's output stream. */
static hv_status
emit_put(hv_ctx *ctx, hv_sink *self, hv_value v)
{
    (void)ctx;
    return hv_emit(self->ud, v);
}

hv_status
hv_cmd_invoke_text(hv_cmd *cmd, const char *src, size_t len)
{
    hv_sink out = {.put = emit_put, .ud = cmd};
    return hv_eval_string(hv_cmd_ctx(cmd), src, len, "", &out);
}
