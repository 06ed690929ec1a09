/* parser_harness.h — tiny shared harness for tests/unit/parser_*.c (not a library header). */
#ifndef HV_PARSER_HARNESS_H
#define HV_PARSER_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"

static int h_pass, h_fail;

static __attribute__((unused)) void
h_ok(int cond, const char *what, const char *detail)
{
    if (cond) {
        h_pass++;
        printf("ok - %s\n", what);
    } else {
        h_fail++;
        printf("not ok - %s\n%s", what, detail ? detail : "");
    }
}

/* Every node's extent nests inside its parent's and inside the source; returns the first
 * offending node or NULL. */
static const hv_ast *h_bad_extent;

static void
h_extent_walk(hv_ast *child, void *ud)
{
    const hv_ast_unit *u = ud;
    const hv_ast *par = child->parent;
    if (!h_bad_extent && (child->ext.start > child->ext.end || child->ext.end > u->len || !par ||
                          child->ext.start < par->ext.start || child->ext.end > par->ext.end))
        h_bad_extent = child;
    hv_ast_visit_children(child, h_extent_walk, ud);
}

static __attribute__((unused)) const hv_ast *
h_check_extents(hv_ast_unit *u)
{
    h_bad_extent = NULL;
    hv_ast_visit_children(u->root, h_extent_walk, u);
    return h_bad_extent;
}

/* Parse src; compare the dump of the root with expect (a ScriptBlock dump). */
static __attribute__((unused)) void
h_dump(const char *src, const char *expect)
{
    hv_ast_unit *u = hv_parse(src, strlen(src), "t.ps1");
    char *d = hv_ast_dump(u->root);
    char detail[8192];
    const char *err = u->nerrors ? u->errors[0].message : "";
    snprintf(detail, sizeof detail, "#   input:  %s\n#   expect: %s\n#   got:    %s\n#   error:  %s\n",
             src, expect, d, err);
    h_ok(!u->nerrors && strcmp(d, expect) == 0, src, detail);
    free(d);
    const hv_ast *bad = u->nerrors ? NULL : h_check_extents(u);
    if (!bad && !u->nerrors)
        bad = hv_ast_validate(u, u->root);
    if (bad) {
        snprintf(detail, sizeof detail, "#   input: %s\n#   %s [%u,%u) is outside its parent %s [%u,%u)\n", src,
                 hv_ast_kind_name((hv_ast_kind)bad->kind), bad->ext.start, bad->ext.end,
                 bad->parent ? hv_ast_kind_name((hv_ast_kind)bad->parent->kind) : "-",
                 bad->parent ? bad->parent->ext.start : 0, bad->parent ? bad->parent->ext.end : 0);
        h_ok(0, "tree guarantees hold (hv_ast_validate, extents)", detail);
    }
    hv_ast_unit_unref(u);
}

/* Parse src; expect an error with id, at line:col (0 = don't check), and incomplete flag. */
static __attribute__((unused)) void
h_error(const char *src, const char *id, unsigned line, unsigned col, int incomplete)
{
    hv_ast_unit *u = hv_parse(src, strlen(src), "t.ps1");
    char detail[8192];
    const hv_parse_error *e = u->nerrors ? &u->errors[0] : NULL;
    snprintf(detail, sizeof detail,
             "#   input:  %s\n#   expect: %s %u:%u incomplete=%d\n#   got:    %s %u:%u incomplete=%d (%s)\n",
             src, id, line, col, incomplete, e ? e->id : "(no error)", e ? e->ext.line : 0,
             e ? e->ext.col : 0, u->incomplete, e ? e->message : "");
    int ok = e && strcmp(e->id, id) == 0 && (!line || (e->ext.line == line && e->ext.col == col)) &&
             (int)u->incomplete == incomplete;
    char what[600];
    snprintf(what, sizeof what, "error %s: %.500s", id, src);
    h_ok(ok, what, detail);
    hv_ast_unit_unref(u);
}

/* Expect exactly this error message text. */
static __attribute__((unused)) void
h_message(const char *src, const char *message)
{
    hv_ast_unit *u = hv_parse(src, strlen(src), "t.ps1");
    const char *got = u->nerrors ? u->errors[0].message : "(no error)";
    char detail[8192];
    snprintf(detail, sizeof detail, "#   input:  %s\n#   expect: %s\n#   got:    %s\n", src, message, got);
    char what[600];
    snprintf(what, sizeof what, "message: %.500s", src);
    h_ok(strcmp(got, message) == 0, what, detail);
    hv_ast_unit_unref(u);
}

static __attribute__((unused)) int
h_done(void)
{
    printf("%d passed, %d failed\n", h_pass, h_fail);
    return h_fail ? 1 : 0;
}

#endif
