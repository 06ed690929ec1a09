/* parser_api.c — source extents, unit API (refcount, line text, error printing,
 * -SyntaxCheck helper), #requires, parents, helpers (command name, pure expression,
 * type-name parsing). */
#include <fcntl.h>
#include <unistd.h>

#include "parser_harness.h"

static char detail[4096];

static hv_ast *
first_stmt(hv_ast_unit *u)
{
    hv_ast *end = u->root->u.sb.end;
    return end && end->u.named.stmts.n ? end->u.named.stmts.items[0] : NULL;
}

static void
check_ext(const char *what, const hv_ast *n, unsigned line, unsigned col, unsigned eline,
          unsigned ecol, unsigned start, unsigned end)
{
    snprintf(detail, sizeof detail, "#   expect %u:%u-%u:%u [%u,%u)\n#   got    %u:%u-%u:%u [%u,%u)\n",
             line, col, eline, ecol, start, end, n ? n->ext.line : 0, n ? n->ext.col : 0,
             n ? n->ext.end_line : 0, n ? n->ext.end_col : 0, n ? n->ext.start : 0,
             n ? n->ext.end : 0);
    h_ok(n && n->ext.line == line && n->ext.col == col && n->ext.end_line == eline &&
             n->ext.end_col == ecol && n->ext.start == start && n->ext.end == end,
         what, detail);
}

static void
extents(void)
{
    const char *src = "Get-Item -Path x\n  $a = 1 + 22\n";
    hv_ast_unit *u = hv_parse(src, strlen(src), "e.ps1");
    hv_ast *s0 = first_stmt(u);
    check_ext("pipeline extent", s0, 1, 1, 1, 17, 0, 16);
    hv_ast *cmd = s0->u.pipe.elems.items[0];
    check_ext("command extent", cmd, 1, 1, 1, 17, 0, 16);
    check_ext("command name extent", cmd->u.cmd.elems.items[0], 1, 1, 1, 9, 0, 8);
    check_ext("parameter extent", cmd->u.cmd.elems.items[1], 1, 10, 1, 15, 9, 14);
    check_ext("argument extent", cmd->u.cmd.elems.items[2], 1, 16, 1, 17, 15, 16);
    hv_ast *s1 = u->root->u.sb.end->u.named.stmts.items[1];
    check_ext("assignment extent", s1, 2, 3, 2, 14, 19, 30);
    hv_ast *rhs = hv_ast_pure_expr(s1->u.assign.right);
    check_ext("binary extent", rhs, 2, 8, 2, 14, 24, 30);
    check_ext("binary right operand", rhs->u.bin.right, 2, 12, 2, 14, 28, 30);
    h_ok(rhs->u.bin.op_ext.col == 10 && rhs->u.bin.op_ext.line == 2, "operator extent", NULL);
    size_t len;
    const char *t = hv_ast_text(u, rhs, &len);
    h_ok(len == 6 && strncmp(t, "1 + 22", 6) == 0, "hv_ast_text of a node", NULL);
    check_ext("root extent", u->root, 1, 1, 3, 1, 0, (unsigned)strlen(src));
    hv_ast_unit_unref(u);

    /* columns count characters, not bytes: the en dash is one column */
    src = "New-NetNat \xE2\x80\x93Name X";
    u = hv_parse(src, strlen(src), "e.ps1");
    cmd = first_stmt(u)->u.pipe.elems.items[0];
    check_ext("param after en dash", cmd->u.cmd.elems.items[1], 1, 12, 1, 17, 11, 18);
    check_ext("arg after en dash param", cmd->u.cmd.elems.items[2], 1, 18, 1, 19, 19, 20);
    h_ok(strcmp(cmd->u.cmd.elems.items[1]->u.cparam.text, "-Name") == 0, "en dash folded in param text", NULL);
    hv_ast_unit_unref(u);

    /* parts inside strings have their own positions */
    src = "\"ab $x $(1+2)\"";
    u = hv_parse(src, strlen(src), "e.ps1");
    hv_ast *xs = hv_ast_pure_expr(first_stmt(u));
    check_ext("expandable string extent", xs, 1, 1, 1, 15, 0, 14);
    check_ext("variable inside string", xs->u.xstr.parts.items[1], 1, 5, 1, 7, 4, 6);
    check_ext("subexpression inside string", xs->u.xstr.parts.items[3], 1, 8, 1, 14, 7, 13);
    hv_ast *inner = hv_ast_pure_expr(xs->u.xstr.parts.items[3]->u.block.stmts.items[0]);
    check_ext("expression inside string subexpression", inner, 1, 10, 1, 13, 9, 12);
    hv_ast_unit_unref(u);

    /* parts of a here-string on later lines */
    src = "$s = @\"\nline $a\n  and $($b)\n\"@";
    u = hv_parse(src, strlen(src), "e.ps1");
    xs = hv_ast_pure_expr(first_stmt(u)->u.assign.right);
    check_ext("here-string variable on line 2", xs->u.xstr.parts.items[1], 2, 6, 2, 8, 13, 15);
    check_ext("here-string subexpression on line 3", xs->u.xstr.parts.items[3], 3, 7, 3, 12, 22, 27);
    hv_ast_unit_unref(u);

    /* multi-line blocks */
    src = "if ($x) {\n  1\n}";
    u = hv_parse(src, strlen(src), "e.ps1");
    hv_ast *ifn = first_stmt(u);
    check_ext("if statement extent", ifn, 1, 1, 3, 2, 0, 15);
    check_ext("if body extent", ifn->u.if_.bodies.items[0], 1, 9, 3, 2, 8, 15);
    hv_ast_unit_unref(u);

    /* CRLF line ends */
    src = "a\r\n  b";
    u = hv_parse(src, strlen(src), "e.ps1");
    check_ext("statement after CRLF", u->root->u.sb.end->u.named.stmts.items[1], 2, 3, 2, 4, 5, 6);
    hv_ast_unit_unref(u);

    /* a folded negative number keeps the minus in its extent */
    src = "-5";
    u = hv_parse(src, strlen(src), "e.ps1");
    check_ext("negative constant extent", hv_ast_pure_expr(first_stmt(u)), 1, 1, 1, 3, 0, 2);
    hv_ast_unit_unref(u);
}

static void
unit_api(void)
{
    const char *src = "line one\nline two\r\nline three";
    hv_ast_unit *u = hv_parse(src, strlen(src), "u.ps1");
    size_t len;
    const char *l = hv_ast_unit_line(u, 2, &len);
    h_ok(l && len == 8 && strncmp(l, "line two", 8) == 0, "hv_ast_unit_line middle line", NULL);
    l = hv_ast_unit_line(u, 3, &len);
    h_ok(l && len == 10 && strncmp(l, "line three", 10) == 0, "hv_ast_unit_line last line", NULL);
    h_ok(hv_ast_unit_line(u, 4, &len) == NULL && hv_ast_unit_line(u, 0, &len) == NULL,
         "hv_ast_unit_line out of range", NULL);
    h_ok(strcmp(u->filename, "u.ps1") == 0 && u->len == strlen(src), "unit keeps filename and source", NULL);
    hv_ast_unit_ref(u);
    hv_ast_unit_unref(u);
    h_ok(u->refcount == 1, "ref/unref count", NULL);
    hv_ast_unit_unref(u);
    hv_ast_unit_unref(NULL);
    h_ok(1, "unref NULL is harmless", NULL);

    u = hv_parse(NULL, 0, NULL);
    h_ok(u->root && u->root->kind == HV_AST_SCRIPTBLOCK && u->nerrors == 0 && strcmp(u->filename, "") == 0,
         "empty input gives an empty script block", NULL);
    hv_ast_unit_unref(u);

    /* source without NUL terminator: only len bytes are read */
    char buf[8] = {'e', 'c', 'h', 'o', ' ', 'h', 'i', '!'};
    u = hv_parse(buf, 7, "n.ps1");
    char *d = hv_ast_dump(u->root);
    h_ok(strcmp(d, "(ScriptBlock (Command <echo> <hi>))") == 0, "parse respects len", d);
    free(d);
    hv_ast_unit_unref(u);
}

static void
printing(void)
{
    const char *src = "$a = 1\nif ($x {\n";
    hv_ast_unit *u = hv_parse(src, strlen(src), "bad.ps1");
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    int n = hv_parse_print_errors(u, f);
    fclose(f);
    snprintf(detail, sizeof detail, "#   got: %s\n", out);
    h_ok(n == 1 && strcmp(out, "bad.ps1:2:7: Missing closing ')' after expression in 'if' statement.\n") == 0,
         "print errors as file:line:col: message", detail);
    free(out);

    f = open_memstream(&out, &outlen);
    hv_parse_print_error_detail(u, &u->errors[0], f);
    fclose(f);
    const char *expect = "ParserError: bad.ps1:2\nLine |\n   2 |  if ($x {\n     |        ~\n"
                         "     | Missing closing ')' after expression in 'if' statement.\n";
    snprintf(detail, sizeof detail, "#   got:\n%s#   expect:\n%s", out, expect);
    h_ok(strcmp(out, expect) == 0, "print error detail with line text and marker", detail);
    free(out);
    hv_ast_unit_unref(u);
}

static void
check_file(void)
{
    char path[] = "/tmp/hv_parser_api_XXXXXX";
    int fd = mkstemp(path);
    const char *text = "function f {\n  1\n";
    if (write(fd, text, strlen(text)) < 0)
        perror("write");
    close(fd);
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    int n = hv_parse_check_file(path, f);
    fclose(f);
    char expect[256];
    snprintf(expect, sizeof expect, "%s:1:12: Missing closing '}' in statement block or type definition.\n", path);
    snprintf(detail, sizeof detail, "#   got: %s#   expect: %s", out, expect);
    h_ok(n == 1 && strcmp(out, expect) == 0, "hv_parse_check_file reports errors", detail);
    free(out);
    fd = open(path, O_WRONLY | O_TRUNC);
    if (write(fd, "Get-Date\n", 9) < 0)
        perror("write");
    close(fd);
    f = open_memstream(&out, &outlen);
    n = hv_parse_check_file(path, f);
    fclose(f);
    h_ok(n == 0 && outlen == 0, "hv_parse_check_file: clean file prints nothing", out);
    free(out);
    unlink(path);
    f = open_memstream(&out, &outlen);
    n = hv_parse_check_file("/nonexistent/x.ps1", f);
    fclose(f);
    h_ok(n == -1 && strstr(out, "/nonexistent/x.ps1") != NULL, "hv_parse_check_file: unreadable file", out);
    free(out);
    f = open_memstream(&out, &outlen);
    n = hv_parse_check_file("/tmp", f);
    fclose(f);
    h_ok(n == -1 && strstr(out, "/tmp: cannot read") != NULL, "hv_parse_check_file: a directory", out);
    free(out);
}

static void
decoding(void)
{
    size_t n;
    /* UTF-16LE with BOM: "é€😀\n" */
    const char le[] = "\xFF\xFE\xE9\x00\xAC\x20\x3D\xD8\x00\xDE\n\x00";
    char *t = hv_parse_decode_source(le, sizeof le - 1, &n);
    h_ok(n == 10 && memcmp(t, "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\n", 10) == 0, "UTF-16LE source decoded", NULL);
    free(t);
    const char be[] = "\xFE\xFF\x00\x61\xD8\x00";
    t = hv_parse_decode_source(be, sizeof be - 1, &n);
    h_ok(n == 4 && memcmp(t, "a\xEF\xBF\xBD", 4) == 0, "UTF-16BE source, unpaired surrogate replaced", NULL);
    free(t);
    t = hv_parse_decode_source("\xEF\xBB\xBFx", 4, &n);
    h_ok(n == 1 && t[0] == 'x' && t[1] == 0, "UTF-8 BOM dropped", NULL);
    free(t);
    t = hv_parse_decode_source("plain", 5, &n);
    h_ok(n == 5 && strcmp(t, "plain") == 0, "UTF-8 kept", NULL);
    free(t);
    /* a UTF-16 script file passes -SyntaxCheck */
    char path[] = "/tmp/hv_parser_u16_XXXXXX";
    int fd = mkstemp(path);
    const char script[] = "\xFF\xFEG\x00e\x00t\x00-\x00V\x00M\x00 \x00|\x00 \x00S\x00t\x00a\x00r\x00t\x00-\x00V\x00M\x00";
    if (write(fd, script, sizeof script - 1) < 0)
        perror("write");
    close(fd);
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    int errs = hv_parse_check_file(path, f);
    fclose(f);
    h_ok(errs == 0 && outlen == 0, "UTF-16 script passes the syntax check", out);
    free(out);
    unlink(path);
}

static void
requires_and_parents(void)
{
    const char *src = "#Requires -Version 7.0\n#requires -Modules Hyper-V\nparam($a)\nfunction f { $a + 1 }\n";
    hv_ast_unit *u = hv_parse(src, strlen(src), "r.ps1");
    h_ok(u->root->u.sb.nrequires == 2 && strcmp(u->root->u.sb.requires[0], "-Version 7.0") == 0 &&
             strcmp(u->root->u.sb.requires[1], "-Modules Hyper-V") == 0,
         "#requires lines recorded", NULL);
    hv_ast *fn = first_stmt(u);
    hv_ast *body = fn->u.func.body;
    hv_ast *plus = hv_ast_pure_expr(body->u.sb.end->u.named.stmts.items[0]);
    h_ok(plus->parent && plus->parent->kind == HV_AST_COMMANDEXPR &&
             plus->parent->parent->kind == HV_AST_PIPELINE &&
             plus->parent->parent->parent->kind == HV_AST_NAMEDBLOCK &&
             plus->parent->parent->parent->parent == body && body->parent == fn &&
             fn->parent->parent == u->root && u->root->parent == NULL,
         "parent links up to the root", NULL);
    h_ok(plus->u.bin.left->parent == plus, "operand parent", NULL);
    h_ok(body->u.sb.unit == u && u->root->u.sb.unit == u, "script blocks know their unit", NULL);
    hv_ast_unit_unref(u);
}

static void
helpers(void)
{
    const char *src = "Get-Item x; & $y; 'z'; 1 + 1 > f";
    hv_ast_unit *u = hv_parse(src, strlen(src), "h.ps1");
    hv_ast_list s = u->root->u.sb.end->u.named.stmts;
    const char *name = hv_ast_command_name(s.items[0]->u.pipe.elems.items[0]);
    h_ok(name && strcmp(name, "Get-Item") == 0, "hv_ast_command_name bare word", NULL);
    h_ok(hv_ast_command_name(s.items[1]->u.pipe.elems.items[0]) == NULL, "hv_ast_command_name of & $y", NULL);
    h_ok(hv_ast_pure_expr(s.items[2]) && hv_ast_pure_expr(s.items[2])->kind == HV_AST_STRING,
         "hv_ast_pure_expr of an expression statement", NULL);
    h_ok(hv_ast_pure_expr(s.items[0]) == NULL, "hv_ast_pure_expr of a command", NULL);
    h_ok(hv_ast_pure_expr(s.items[3]) == NULL, "hv_ast_pure_expr with a redirection", NULL);
    h_ok(strcmp(hv_ast_kind_name(HV_AST_PIPELINE), "Pipeline") == 0 &&
             strcmp(hv_ast_kind_name((hv_ast_kind)999), "?") == 0,
         "hv_ast_kind_name", NULL);
    h_ok(strcmp(hv_ast_op_name(HV_OP_NOTMATCH), "-notmatch") == 0 && strcmp(hv_ast_op_name(HV_OP_RANGE), "..") == 0,
         "hv_ast_op_name", NULL);

    hv_ast_typename *tn = hv_parse_typename(u, "System.Collections.Generic.Dictionary[string, int[]]",
                                            strlen("System.Collections.Generic.Dictionary[string, int[]]"));
    h_ok(tn && strcmp(tn->name, "System.Collections.Generic.Dictionary") == 0 && tn->nargs == 2 &&
             strcmp(tn->args[0]->full, "string") == 0 && tn->args[1]->rank == 1 &&
             strcmp(tn->args[1]->element->name, "int") == 0 &&
             strcmp(tn->full, "System.Collections.Generic.Dictionary[string,int[]]") == 0,
         "hv_parse_typename generic", NULL);
    tn = hv_parse_typename(u, "string[]", 8);
    h_ok(tn && tn->rank == 1 && strcmp(tn->element->full, "string") == 0 && strcmp(tn->full, "string[]") == 0,
         "hv_parse_typename array", NULL);
    h_ok(hv_parse_typename(u, "not a type", 10) == NULL, "hv_parse_typename rejects junk", NULL);
    h_ok(hv_parse_typename(u, "", 0) == NULL, "hv_parse_typename rejects empty", NULL);
    h_ok(u->nerrors == 0, "hv_parse_typename does not add errors to the unit", NULL);
    hv_ast_unit_unref(u);

    src = "$sb = { param($a) $a + 1 }";
    u = hv_parse(src, strlen(src), "s.ps1");
    hv_ast *sbe = hv_ast_pure_expr(first_stmt(u)->u.assign.right);
    size_t len;
    const char *t = hv_ast_scriptblock_text(u, sbe, &len);
    h_ok(sbe->kind == HV_AST_SCRIPTBLOCKEXPR && len == 18 && strncmp(t, " param($a) $a + 1 ", 18) == 0,
         "scriptblock text without braces", NULL);
    t = hv_ast_scriptblock_text(u, sbe->u.sbexpr.sb, &len);
    h_ok(len == 18 && strncmp(t, " param($a) $a + 1 ", 18) == 0, "scriptblock node extent covers the braces", NULL);
    t = hv_ast_scriptblock_text(u, u->root, &len);
    h_ok(len == strlen(src) && t == u->src, "root scriptblock text is the whole script", NULL);
    hv_ast_unit_unref(u);
}

static void
node_fields(void)
{
    const char *src = "$env:PATH; $global:x; ${c:\\tmp\\f}; f @s";
    hv_ast_unit *u = hv_parse(src, strlen(src), "f.ps1");
    hv_ast_list s = u->root->u.sb.end->u.named.stmts;
    hv_ast *v = hv_ast_pure_expr(s.items[0]);
    h_ok(v->u.var.scope == HV_VS_ENV && strcmp(v->u.var.name, "PATH") == 0 && strcmp(v->u.var.full, "env:PATH") == 0,
         "env: variable fields", NULL);
    v = hv_ast_pure_expr(s.items[1]);
    h_ok(v->u.var.scope == HV_VS_GLOBAL && strcmp(v->u.var.name, "x") == 0, "global: variable fields", NULL);
    v = hv_ast_pure_expr(s.items[2]);
    h_ok(v->u.var.scope == HV_VS_DRIVE && strcmp(v->u.var.drive, "c") == 0 && strcmp(v->u.var.name, "\\tmp\\f") == 0 &&
             v->u.var.braced,
         "drive-qualified braced variable", NULL);
    v = s.items[3]->u.pipe.elems.items[0]->u.cmd.elems.items[1];
    h_ok(v->u.var.splatted && strcmp(v->u.var.name, "s") == 0, "splatted variable", NULL);
    hv_ast_unit_unref(u);

    src = "$a -creplace 'x'";
    u = hv_parse(src, strlen(src), "f.ps1");
    hv_ast *b = hv_ast_pure_expr(first_stmt(u));
    h_ok(b->u.bin.op == HV_OP_REPLACE && b->u.bin.case_sensitive && strcmp(b->u.bin.op_text, "-creplace") == 0,
         "binary op fields", NULL);
    hv_ast_unit_unref(u);

    src = "'a`0b'; \"a`0b\"";
    u = hv_parse(src, strlen(src), "f.ps1");
    s = u->root->u.sb.end->u.named.stmts;
    hv_ast *str = hv_ast_pure_expr(s.items[1]);
    h_ok(str->u.str.len == 3 && memcmp(str->u.str.value, "a\0b", 3) == 0, "NUL inside a string keeps its length", NULL);
    hv_ast_unit_unref(u);

    src = "Get-X -Name:5 -Force";
    u = hv_parse(src, strlen(src), "f.ps1");
    hv_ast *cmd = first_stmt(u)->u.pipe.elems.items[0];
    hv_ast *p1 = cmd->u.cmd.elems.items[1], *p2 = cmd->u.cmd.elems.items[2];
    h_ok(p1->u.cparam.colon && strcmp(p1->u.cparam.name, "Name") == 0 && strcmp(p1->u.cparam.text, "-Name:") == 0 &&
             p1->u.cparam.arg && p1->u.cparam.arg->kind == HV_AST_CONSTANT,
         "-Name:value parameter fields", NULL);
    h_ok(!p2->u.cparam.colon && !p2->u.cparam.arg && strcmp(p2->u.cparam.text, "-Force") == 0,
         "switch parameter fields", NULL);
    hv_ast_unit_unref(u);

    src = "\"x $y\"";
    u = hv_parse(src, strlen(src), "f.ps1");
    hv_ast *x = hv_ast_pure_expr(first_stmt(u));
    h_ok(x->kind == HV_AST_EXPANDABLE && x->u.xstr.raw_len == 4 && strncmp(x->u.xstr.raw, "x $y", 4) == 0,
         "expandable string keeps raw text", NULL);
    hv_ast_unit_unref(u);
}

int
main(void)
{
    extents();
    unit_api();
    printing();
    check_file();
    decoding();
    requires_and_parents();
    helpers();
    node_fields();
    return h_done();
}
