/* fuzz_parser.c — libFuzzer target for the parser.
 *   clang -fsanitize=fuzzer,address,undefined -I. tests/fuzz/fuzz_parser.c parser/[a-z]*.c
 * Parses the input as a script (hv_parse must never crash, read past the buffer, leak or
 * recurse without bound), walks the tree (dump, extents, parents, hv_ast_validate), prints
 * the errors, parses the input as a type name and decodes it as a script file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_node(hv_ast *child, void *ud)
{
    const hv_ast_unit *u = ud;
    const hv_ast *par = child->parent;
    if (child->ext.start > child->ext.end || child->ext.end > u->len)
        abort(); /* extents must stay inside the source */
    if (!par || child->ext.start < par->ext.start || child->ext.end > par->ext.end)
        abort(); /* ... and inside the parent's */
    size_t len;
    (void)hv_ast_text(u, child, &len);
    hv_ast_visit_children(child, check_node, ud);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* hv_parse copies the input; give it an exact-size heap buffer so ASan catches any
     * read past `size` in the caller's bytes too */
    char *buf = malloc(size ? size : 1);
    if (size)
        memcpy(buf, data, size);
    hv_ast_unit *u = hv_parse(buf, size, "fuzz.ps1");
    if (!u->root || u->root->kind != HV_AST_SCRIPTBLOCK)
        abort();
    char *d = hv_ast_dump(u->root);
    free(d);
    if (u->nerrors == 0) {
        hv_ast_visit_children(u->root, check_node, u);
        if (hv_ast_validate(u, u->root))
            abort(); /* a documented non-NULL child is missing in an error-free tree */
    }
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        hv_parse_print_errors(u, null);
        for (uint32_t i = 0; i < u->nerrors; i++)
            hv_parse_print_error_detail(u, &u->errors[i], null);
        fclose(null);
    }
    size_t tl = size < 200 ? size : 200;
    (void)hv_parse_typename(u, buf, tl);
    hv_ast_unit_unref(u);
    size_t dl;
    char *decoded = hv_parse_decode_source(buf, size, &dl);
    if (decoded[dl] != '\0')
        abort();
    free(decoded);
    free(buf);
    return 0;
}
