/* arena.c — bump allocator for one parse unit: nodes, lists and strings die together. */
#include <stdlib.h>
#include <string.h>

#include "lex.h"

typedef struct hv_chunk hv_chunk;
struct hv_chunk {
    hv_chunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

struct hv_arena {
    hv_chunk *head;
    size_t next_size; /* small units (REPL lines, Invoke-Expression) stay small */
};

static void *
xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        abort(); /* OOM aborts, as everywhere in hvsh */
    return p;
}

hv_arena *
hv_ast_arena_new(void)
{
    hv_arena *a = xmalloc(sizeof *a);
    a->head = NULL;
    a->next_size = 2048;
    return a;
}

void
hv_ast_arena_free(hv_arena *a)
{
    if (!a)
        return;
    hv_chunk *c = a->head;
    while (c) {
        hv_chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

static hv_chunk *
new_chunk(hv_arena *a, size_t need)
{
    size_t size = need > a->next_size ? need : a->next_size;
    if (a->next_size < 65536)
        a->next_size *= 2;
    hv_chunk *c = xmalloc(sizeof *c + size);
    c->used = 0;
    c->size = size;
    c->next = a->head;
    a->head = c;
    return c;
}

void *
hv_ast_arena_alloc(hv_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    hv_chunk *c = a->head;
    if (!c || c->size - c->used < n)
        c = new_chunk(a, n);
    void *p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *
hv_ast_arena_strndup(hv_arena *a, const char *s, size_t n)
{
    char *d = hv_ast_arena_alloc(a, n + 1);
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}
