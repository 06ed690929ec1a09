/* parser_corpus.c — every script under tests/parse-corpus/ parses without errors, and
 * the source text of each top-level statement (from its extent) parses on its own too.
 * Run from the repository root (tests/run.sh does). The same corpus is checked through
 * the binary by tests/suites/parse_corpus.sh (`hvsh -SyntaxCheck`). */
#include <dirent.h>
#include <time.h>

#include "parser_harness.h"

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

static int
cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every child's extent lies inside its parent's, and parent links match. */
typedef struct {
    const hv_ast *bad_parent, *bad_child;
} extent_walk;

static void
check_child(hv_ast *child, void *ud)
{
    extent_walk *w = ud;
    const hv_ast *parent = child->parent;
    if (!w->bad_child && (!parent || child->ext.start < parent->ext.start || child->ext.end > parent->ext.end ||
                          child->ext.start > child->ext.end)) {
        w->bad_parent = parent;
        w->bad_child = child;
    }
    hv_ast_visit_children(child, check_child, ud);
}

static void
check_extents(const char *name, hv_ast_unit *u)
{
    extent_walk w = {0};
    hv_ast_visit_children(u->root, check_child, &w);
    char detail[1024] = "", what[300];
    if (w.bad_child) {
        size_t l1, l2;
        const char *t1 = hv_ast_text(u, w.bad_child, &l1);
        const char *t2 = w.bad_parent ? hv_ast_text(u, w.bad_parent, &l2) : "", *k2 = w.bad_parent ? hv_ast_kind_name((hv_ast_kind)w.bad_parent->kind) : "-";
        if (!w.bad_parent)
            l2 = 0;
        snprintf(detail, sizeof detail, "#   child %s [%u,%u) '%.*s'\n#   parent %s '%.*s'\n",
                 hv_ast_kind_name((hv_ast_kind)w.bad_child->kind), w.bad_child->ext.start, w.bad_child->ext.end,
                 (int)(l1 > 80 ? 80 : l1), t1, k2, (int)(l2 > 80 ? 80 : l2), t2);
    }
    snprintf(what, sizeof what, "%s: child extents nest inside their parents", name);
    h_ok(!w.bad_child, what, detail);
}

static void
check_statements(const char *name, hv_ast_unit *u)
{
    hv_ast *end = u->root->u.sb.end;
    if (!end || !end->u.named.unnamed)
        return;
    int bad = 0;
    char detail[2048] = "";
    for (uint32_t i = 0; i < end->u.named.stmts.n; i++) {
        size_t len;
        const char *text = hv_ast_text(u, end->u.named.stmts.items[i], &len);
        hv_ast_unit *s = hv_parse(text, len, "stmt");
        if (s->nerrors && !bad++)
            snprintf(detail, sizeof detail, "#   statement %u: %.200s\n#   error: %s\n", i, text,
                     s->errors[0].message);
        hv_ast_unit_unref(s);
    }
    char what[300];
    snprintf(what, sizeof what, "%s: each top-level statement re-parses from its extent", name);
    h_ok(!bad, what, detail);
}

int
main(void)
{
    const char *dir = "tests/parse-corpus";
    DIR *d = opendir(dir);
    if (!d) {
        printf("not ok - cannot open %s (run from the repository root)\n", dir);
        h_fail++;
        return h_done();
    }
    char *names[512];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 512) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".ps1") == 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp);
    h_ok(n >= 30, "corpus has at least 30 scripts", "#   too few scripts\n");
    for (int i = 0; i < n; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len = 0;
        char *src = slurp(path, &len);
        if (!src) {
            h_ok(0, names[i], "#   cannot read\n");
            free(names[i]);
            continue;
        }
        clock_t t0 = clock();
        hv_ast_unit *u = hv_parse(src, len, path);
        double ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
        char detail[2048] = "";
        if (u->nerrors)
            snprintf(detail, sizeof detail, "#   %s:%u:%u: %s\n", path, u->errors[0].ext.line,
                     u->errors[0].ext.col, u->errors[0].message);
        char what[300];
        snprintf(what, sizeof what, "%s parses without errors (%.2f ms)", names[i], ms);
        h_ok(u->nerrors == 0, what, detail);
        if (!u->nerrors) {
            check_statements(names[i], u);
            check_extents(names[i], u);
            const hv_ast *bad = hv_ast_validate(u, u->root);
            snprintf(what, sizeof what, "%s: tree guarantees hold", names[i]);
            h_ok(!bad, what, bad ? hv_ast_kind_name((hv_ast_kind)bad->kind) : NULL);
        }
        char *dump = hv_ast_dump(u->root);
        free(dump);
        hv_ast_unit_unref(u);
        free(src);
        free(names[i]);
    }
    return h_done();
}
