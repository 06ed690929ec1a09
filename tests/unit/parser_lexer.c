/* parser_lexer.c — the tokenizer on its own: the same text gives different tokens in
 * expression mode and argument (command) mode, as in pwsh. Uses the private parser/lex.h. */
#include "parser/lex.h"
#include "parser_harness.h"

static const char *const kind_names[] = {
    "EOF", "NEWLINE", "SEMI", "(", ")", "{", "}", "[", "]", "@(", "$(", "@{", ",", ".", "..",
    "::", ":", "|", "&", "&&", "||", "OP", "ASSIGN", "?", "?.", "?[", "PARAM", "NUMBER",
    "STRING", "XSTRING", "VAR", "SPLAT", "GENERIC", "IDENT", "LABEL", "REDIR", "STOPPARSE",
    "ERROR",
};

/* Render the token stream of src in one mode: "KIND:text KIND:text ..." */
static void
tokens(const char *src, hv_lex_mode mode, char *out, size_t cap)
{
    hv_lexer lx;
    hv_lex_init(&lx, src, (uint32_t)strlen(src), (hv_lex_pos){0, 1, 1});
    size_t n = 0;
    out[0] = '\0';
    for (int guard = 0; guard < 100; guard++) {
        hv_token t;
        hv_lex_scan(&lx, mode, &t);
        if (t.kind == T_EOF)
            break;
        n += (size_t)snprintf(out + n, cap - n, "%s%s:%.*s", n ? " " : "", kind_names[t.kind],
                              (int)(t.stop.pos - t.start.pos), src + t.start.pos);
        if (n >= cap)
            break;
        lx.cur = t.stop;
    }
}

static void
check(const char *src, hv_lex_mode mode, const char *expect)
{
    char got[2048], detail[4096], what[300];
    tokens(src, mode, got, sizeof got);
    snprintf(detail, sizeof detail, "#   expect: %s\n#   got:    %s\n", expect, got);
    snprintf(what, sizeof what, "%s mode: %s", mode == HV_LEX_EXPR ? "expr" : "cmd", src);
    h_ok(strcmp(got, expect) == 0, what, detail);
}

#define E HV_LEX_EXPR
#define C HV_LEX_CMD

int
main(void)
{
    /* numbers vs words */
    check("1abc", C, "GENERIC:1abc");
    check("1abc", E, "GENERIC:1abc");
    check("10 20", C, "NUMBER:10 NUMBER:20");
    check("1+2", E, "NUMBER:1 OP:+ NUMBER:2");
    check("1+2", C, "GENERIC:1+2");
    check("1..3", E, "NUMBER:1 ..:.. NUMBER:3");
    check("1..3", C, "GENERIC:1..3");
    check("-5", C, "NUMBER:-5");
    check("-5", E, "OP:- NUMBER:5");
    check("192.168.1.1", C, "GENERIC:192.168.1.1");
    check("4GB", C, "NUMBER:4GB");
    check("4GBx", C, "GENERIC:4GBx");
    check("0x1F)", E, "NUMBER:0x1F ):)");
    check("1.5e3,", C, "NUMBER:1.5e3 ,:,");
    /* dashes */
    check("-Name x", C, "PARAM:-Name GENERIC:x");
    check("-Name:x", C, "PARAM:-Name: GENERIC:x");
    check("\xE2\x80\x93Name", C, "PARAM:\xE2\x80\x93Name");
    check("-eq", E, "OP:-eq");
    check("-eq", C, "PARAM:-eq");
    check("\xE2\x80\x94gt", E, "OP:\xE2\x80\x94gt");
    check("-foo", E, "PARAM:-foo");
    check("--", C, "GENERIC:--");
    check("--%  a | b", C, "STOPPARSE:--%  a | b");
    check("$a--", E, "VAR:$a OP:--");
    check("-=", E, "ASSIGN:-=");
    check("-", C, "GENERIC:-");
    /* variables */
    check("$env:PATH", E, "VAR:$env:PATH");
    check("$x::y", E, "VAR:$x ::::: IDENT:y");
    check("${a b}", E, "VAR:${a b}");
    check("$x?", E, "VAR:$x?");
    check("$x ?", E, "VAR:$x ?:?");
    check("$$ $? $^ $_", E, "VAR:$$ VAR:$? VAR:$^ VAR:$_");
    check("@splat", C, "SPLAT:@splat");
    check("$dir\\x", C, "GENERIC:$dir\\x");
    check("$x.y", C, "VAR:$x GENERIC:.y"); /* the parser re-reads the postfix in expression mode */
    check("$x[0]", E, "VAR:$x [:[ NUMBER:0 ]:]");
    check("$(1)", E, "$(:$( NUMBER:1 ):)");
    check("$", C, "GENERIC:$");
    /* strings */
    check("'a''b'", E, "STRING:'a''b'");
    check("\"a$x\"", E, "XSTRING:\"a$x\"");
    check("\"a$(\")\")\"", E, "XSTRING:\"a$(\")\")\"");
    check("\"a\"b", C, "GENERIC:\"a\"b");
    check("\"a\"b", E, "XSTRING:\"a\" IDENT:b");
    check("@'\nx\n'@", E, "STRING:@'\nx\n'@");
    check("\xE2\x80\x9C" "x\xE2\x80\x9D", C, "XSTRING:\xE2\x80\x9C" "x\xE2\x80\x9D");
    /* operators and punctuation */
    check("a|b", C, "GENERIC:a |:| GENERIC:b");
    check("a||b&&c", C, "GENERIC:a ||:|| GENERIC:b &&:&& GENERIC:c");
    check("?\?= ?? ?. ?[", E, "ASSIGN:?\?= OP:?? ?.:?. ?[:?[");
    check("[int]::x", E, "[:[ IDENT:int ]:] ::::: IDENT:x");
    check("[int]", C, "GENERIC:[int]");
    check("a=b", C, "GENERIC:a=b");
    check("a = b", E, "IDENT:a ASSIGN:= IDENT:b");
    check("% ?", C, "GENERIC:% GENERIC:?");
    check("% ?", E, "OP:% ?:?");
    check(":label while", C, "LABEL::label GENERIC:while");
    check(". ./x.ps1", C, ".:. GENERIC:./x.ps1");
    check(".\\x.ps1", C, "GENERIC:.\\x.ps1");
    /* redirections */
    check("2>&1", C, "REDIR:2>&1");
    check("*>$null", C, "REDIR:*> VAR:$null");
    check(">> f", C, "REDIR:>> GENERIC:f");
    check("3>&1 2> e", E, "REDIR:3>&1 REDIR:2> IDENT:e");
    check("a<b", C, "GENERIC:a ERROR:< GENERIC:b");
    /* trivia */
    check("a # c\nb", C, "GENERIC:a NEWLINE:\n GENERIC:b");
    check("a <# c #> b", C, "GENERIC:a GENERIC:b");
    check("a `\n b", C, "GENERIC:a GENERIC:b");
    check("a\r\nb", C, "GENERIC:a NEWLINE:\r\n GENERIC:b");
    check("a\xC2\xA0" "b", C, "GENERIC:a GENERIC:b");
    check("a#b", C, "GENERIC:a#b");
    check("a`#b", C, "GENERIC:a`#b");
    return h_done();
}
