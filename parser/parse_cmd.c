/* parse_cmd.c — pipelines, commands and their arguments, redirections, and the cooking
 * of string tokens (escapes, quote doubling, "$x $(...)" expansion parts). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pstate.h"

#define NOPOS UINT32_MAX

/* ================= strings ================= */

typedef struct {
    char *s;
    size_t n, cap;
} sbuf;

static void
sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            abort();
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void
sb_putcp(sbuf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sb_put(b, u, n);
}

enum { XM_DQ, XM_HERE, XM_GENERIC };

typedef struct {
    hv_pstate *p;
    sbuf lit;
    uint32_t lit_start; /* source offset where the pending literal began */
    hv_pvec parts;
    bool any_expansion;
} xctx;

static hv_ast *
make_string(hv_pstate *p, hv_ast_strkind kind, const char *s, size_t n, uint32_t from, uint32_t to)
{
    hv_ast *k = hv_parse_node(p, HV_AST_STRING, hv_parse_pos_at(p, from));
    k->u.str.kind = kind;
    k->u.str.value = hv_parse_strdup(p, s ? s : "", n);
    k->u.str.len = n;
    hv_lex_pos e = hv_parse_pos_at(p, to);
    k->ext.end = e.pos;
    k->ext.end_line = e.line;
    k->ext.end_col = e.col;
    return k;
}

static void
flush_lit(xctx *x, uint32_t at)
{
    if (x->lit.n)
        hv_parse_push(&x->parts, make_string(x->p, HV_STR_DOUBLE, x->lit.s, x->lit.n, x->lit_start, at));
    x->lit.n = 0;
    x->lit_start = at;
}

static int
hexdig(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 32);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* `u{XXXX}: i at 'u'. Returns the index after '}', or NOPOS after reporting pwsh's error. */
static uint32_t
unicode_escape(xctx *x, uint32_t i, uint32_t end)
{
    const char *s = x->p->lx.src;
    const char *id = NULL, *msg = NULL;
    uint32_t cp = 0, j = i + 2, nd = 0;
    if (i + 1 < end && s[i + 1] == '{') {
        while (j < end && hexdig(s[j]) >= 0 && nd < 7) {
            cp = cp * 16 + (uint32_t)hexdig(s[j]);
            j++;
            nd++;
        }
    }
    if (i + 1 >= end || s[i + 1] != '{' || nd == 0) {
        id = "InvalidUnicodeEscapeSequence";
        msg = "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to "
              "six hex digits and a closing '}'.";
    } else if (nd > 6) {
        id = "TooManyDigitsInUnicodeEscapeSequence";
        msg = "The Unicode escape sequence contains more than the maximum of six hex digits between braces.";
    } else if (j >= end || s[j] != '}') {
        id = "MissingUnicodeEscapeSequenceTerminator";
        msg = "The Unicode escape sequence is missing the closing '}'.";
    } else if (cp > 0x10FFFF) {
        id = "InvalidUnicodeEscapeSequenceValue";
        msg = "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.";
    }
    if (id) {
        hv_lex_pos at = hv_parse_pos_at(x->p, i - 1);
        hv_parse_err(x->p, at, at, false, id, "%s", msg);
        return NOPOS;
    }
    sb_putcp(&x->lit, cp);
    return j + 1;
}

/* Backtick escape; i at the character after the backtick. Returns the next index. */
static uint32_t
escape(xctx *x, uint32_t i, uint32_t end)
{
    const char *s = x->p->lx.src;
    static const char from[] = "0abefnrtv", to[] = "\0\a\b\033\f\n\r\t\v";
    const char *k = s[i] ? strchr(from, s[i]) : NULL;
    if (k) {
        sb_put(&x->lit, &to[k - from], 1);
        return i + 1;
    }
    if (s[i] == 'u') {
        uint32_t j = unicode_escape(x, i, end);
        return j != NOPOS ? j : end;
    }
    uint32_t w;
    hv_lex_cp(s, i, end, &w);
    sb_put(&x->lit, s + i, w);
    return i + w;
}

/* Parse the statements of "$( ... )" found inside a string: [from, to) of the source. */
static hv_ast *
string_subexpr(hv_pstate *p, uint32_t dollar, uint32_t from, uint32_t to)
{
    hv_lexer saved = p->lx;
    hv_lex_pos saved_end = p->last_end;
    hv_tokcache saved_tc = p->tc; /* the caller still holds a pointer to the string token */
    hv_ast *n = hv_parse_node(p, HV_AST_SUBEXPR, hv_parse_pos_at(p, dollar));
    hv_lex_init(&p->lx, p->lx.src, to, hv_parse_pos_at(p, from));
    hv_parse_invalidate(p);
    hv_pvec v = {0};
    hv_parse_stmt_list(p, &v, T_EOF);
    n->u.block.stmts = hv_parse_list(p, &v);
    p->lx = saved;
    p->last_end = hv_parse_pos_at(p, to + 1);
    hv_parse_finish(p, n);
    p->last_end = saved_end;
    p->tc = saved_tc;
    return n;
}

/* '$' inside a string at i: returns the next index after the expansion (or i when '$' is
 * literal). */
static uint32_t
string_dollar(xctx *x, uint32_t i, uint32_t end)
{
    hv_pstate *p = x->p;
    const char *s = p->lx.src;
    if (i + 1 < end && s[i + 1] == '(') {
        uint32_t j = hv_lex_skip_subexpr(s, i, end);
        if (j == NOPOS)
            return i;
        flush_lit(x, i);
        hv_parse_push(&x->parts, string_subexpr(p, i, i + 2, j - 1));
        x->any_expansion = true;
        x->lit_start = j;
        return j;
    }
    hv_lexer lx;
    hv_lex_init(&lx, s, end, hv_parse_pos_at(p, i));
    hv_token t;
    hv_lex_scan(&lx, HV_LEX_EXPR, &t);
    if (t.kind != T_VAR || t.start.pos != i)
        return i;
    flush_lit(x, i);
    hv_parse_push(&x->parts, hv_parse_variable(p, &t));
    x->any_expansion = true;
    x->lit_start = t.stop.pos;
    return t.stop.pos;
}

static void expand_range(xctx *x, uint32_t i, uint32_t end, int mode);

/* In a bare word: a quoted section at i; returns the index after it. */
static uint32_t
generic_quoted(xctx *x, uint32_t i, uint32_t end, uint32_t c, uint32_t w)
{
    const char *s = x->p->lx.src;
    if (hv_lex_is_squote(c)) {
        uint32_t j = i + w;
        while (j < end) {
            uint32_t w2, c2 = hv_lex_cp(s, j, end, &w2);
            if (hv_lex_is_squote(c2)) {
                uint32_t w3, c3 = j + w2 < end ? hv_lex_cp(s, j + w2, end, &w3) : 0;
                if (!hv_lex_is_squote(c3))
                    return j + w2;
                sb_put(&x->lit, s + j + w2, w3);
                j += w2 + w3;
                continue;
            }
            sb_put(&x->lit, s + j, w2);
            j += w2;
        }
        return end;
    }
    uint32_t j = hv_lex_skip_dq(s, i, end);
    if (j == NOPOS)
        j = end;
    uint32_t close = j - 1;
    while (close > i + w && ((unsigned char)s[close] & 0xC0) == 0x80)
        close--;
    expand_range(x, i + w, close, XM_DQ);
    return j;
}

/* Cook [i, end) of a string in `mode`, appending literal text and expansion parts. */
static void
expand_range(xctx *x, uint32_t i, uint32_t end, int mode)
{
    const char *s = x->p->lx.src;
    while (i < end && !x->p->failed) {
        uint32_t w, c = hv_lex_cp(s, i, end, &w);
        if (c == '`' && i + 1 < end) {
            i = escape(x, i + 1, end);
        } else if (c == '$') {
            uint32_t j = string_dollar(x, i, end);
            if (j == i) {
                sb_put(&x->lit, "$", 1);
                j = i + 1;
            }
            i = j;
        } else if (mode == XM_DQ && hv_lex_is_dquote(c) && i + w < end) {
            /* a doubled quote inside "..." stands for one quote */
            uint32_t w2;
            hv_lex_cp(s, i + w, end, &w2);
            sb_put(&x->lit, s + i + w, w2);
            i += w + w2;
        } else if (mode == XM_GENERIC && (hv_lex_is_squote(c) || hv_lex_is_dquote(c))) {
            i = generic_quoted(x, i, end, c, w);
        } else {
            sb_put(&x->lit, s + i, w);
            i += w;
        }
    }
}

/* Build a STRING (nothing to expand) or EXPANDABLE node for [from, to) of the source. */
static hv_ast *
expand(hv_pstate *p, const hv_token *t, uint32_t from, uint32_t to, int mode, hv_ast_strkind kind)
{
    xctx x = {.p = p, .lit_start = from};
    expand_range(&x, from, to, mode);
    hv_ast *n;
    if (!x.any_expansion) {
        n = hv_parse_node(p, HV_AST_STRING, t->start);
        n->u.str.kind = kind;
        n->u.str.value = hv_parse_strdup(p, x.lit.s ? x.lit.s : "", x.lit.n);
        n->u.str.len = x.lit.n;
        free(x.parts.v);
    } else {
        flush_lit(&x, to);
        n = hv_parse_node(p, HV_AST_EXPANDABLE, t->start);
        n->u.xstr.kind = kind;
        n->u.xstr.parts = hv_parse_list(p, &x.parts);
        n->u.xstr.raw = hv_parse_strdup(p, p->lx.src + from, to - from);
        n->u.xstr.raw_len = to - from;
    }
    free(x.lit.s);
    n->ext.end = t->stop.pos;
    n->ext.end_line = t->stop.line;
    n->ext.end_col = t->stop.col;
    return n;
}

/* '...' : doubled quotes become one */
static hv_ast *
single_quoted(hv_pstate *p, const hv_token *t)
{
    sbuf b = {0};
    const char *s = p->lx.src;
    for (uint32_t i = t->ns; i < t->ne;) {
        uint32_t w, c = hv_lex_cp(s, i, t->ne, &w);
        if (hv_lex_is_squote(c) && i + w < t->ne) {
            uint32_t w2;
            hv_lex_cp(s, i + w, t->ne, &w2);
            sb_put(&b, s + i + w, w2);
            i += w + w2;
            continue;
        }
        sb_put(&b, s + i, w);
        i += w;
    }
    hv_ast *n = hv_parse_node(p, HV_AST_STRING, t->start);
    n->u.str.kind = HV_STR_SINGLE;
    n->u.str.value = hv_parse_strdup(p, b.s ? b.s : "", b.n);
    n->u.str.len = b.n;
    free(b.s);
    n->ext.end = t->stop.pos;
    n->ext.end_line = t->stop.line;
    n->ext.end_col = t->stop.col;
    return n;
}

hv_ast *
hv_parse_string(hv_pstate *p, const hv_token *t)
{
    switch (t->strkind) {
    case HV_STR_SINGLE:
        return single_quoted(p, t);
    case HV_STR_HERE_SINGLE: {
        hv_ast *n = hv_parse_node(p, HV_AST_STRING, t->start);
        n->u.str.kind = HV_STR_HERE_SINGLE;
        n->u.str.len = t->ne - t->ns;
        n->u.str.value = hv_parse_strdup(p, p->lx.src + t->ns, n->u.str.len);
        n->ext.end = t->stop.pos;
        n->ext.end_line = t->stop.line;
        n->ext.end_col = t->stop.col;
        return n;
    }
    case HV_STR_HERE_DOUBLE:
        return expand(p, t, t->ns, t->ne, XM_HERE, HV_STR_HERE_DOUBLE);
    default:
        return expand(p, t, t->ns, t->ne, XM_DQ, HV_STR_DOUBLE);
    }
}

hv_ast *
hv_parse_bareword(hv_pstate *p, const hv_token *t)
{
    return expand(p, t, t->start.pos, t->stop.pos, XM_GENERIC, HV_STR_BARE);
}

/* ================= command arguments ================= */

static hv_ast *
bare_text(hv_pstate *p, const hv_token *t)
{
    size_t n;
    const char *s = hv_parse_tok_text(p, t, &n);
    hv_ast *k = hv_parse_node(p, HV_AST_STRING, t->start);
    k->u.str.kind = HV_STR_BARE;
    k->u.str.value = hv_parse_strdup(p, s, n);
    k->u.str.len = n;
    hv_parse_next(p);
    return hv_parse_finish(p, k);
}

/* cmd_primary -> bare word | number | string | variable | '(' .. ')' | '$(' | '@(' | '@{'
 *              | '{' .. '}' ; with postfix member/index when glued */
hv_ast *
hv_parse_cmd_primary(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    hv_ast *n = NULL;
    switch (t->kind) {
    case T_GENERIC:
        n = hv_parse_bareword(p, t);
        if (!p->failed)
            hv_parse_next(p);
        return n;
    case T_NUMBER:
        n = hv_parse_number(p, t);
        hv_parse_next(p);
        return n;
    case T_STRING: case T_XSTRING:
        n = hv_parse_string(p, t);
        if (!p->failed)
            hv_parse_next(p);
        break;
    case T_VAR: case T_SPLAT:
        n = hv_parse_variable(p, t);
        hv_parse_next(p);
        if (t->kind == T_SPLAT)
            return n;
        break;
    case T_LPAREN: n = hv_parse_paren(p); break;
    case T_DOLPAREN: n = hv_parse_subexpr(p, HV_AST_SUBEXPR); break;
    case T_ATPAREN: n = hv_parse_subexpr(p, HV_AST_ARRAYEXPR); break;
    case T_ATBRACE: n = hv_parse_hashtable(p); break;
    case T_LBRACE: n = hv_parse_scriptblock_expr(p); break;
    case T_DOT: case T_LABEL: case T_COLONCOLON:
        return bare_text(p, t);
    case T_EOF: case T_NEWLINE: case T_SEMI:
        hv_parse_error_tok(p, t, "MissingArgument", "Missing argument in parameter list.");
        return NULL;
    default:
        hv_parse_unexpected(p, t);
        return NULL;
    }
    return p->failed ? n : hv_parse_postfix(p, n);
}

/* cmd_arg -> cmd_primary (',' newline* cmd_primary)* */
hv_ast *
hv_parse_cmd_arg(hv_pstate *p)
{
    hv_ast *first = hv_parse_cmd_primary(p);
    if (!first || p->failed || hv_parse_peek(p, HV_LEX_CMD)->kind != T_COMMA)
        return first;
    hv_ast *n = hv_parse_node(p, HV_AST_ARRAYLITERAL, (hv_lex_pos){first->ext.start, first->ext.line, first->ext.col});
    hv_pvec items = {0};
    hv_parse_push(&items, first);
    while (!p->failed && hv_parse_peek(p, HV_LEX_CMD)->kind == T_COMMA) {
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        hv_parse_push(&items, hv_parse_cmd_primary(p));
    }
    n->u.list.items = hv_parse_list(p, &items);
    return hv_parse_finish(p, n);
}

/* redirection -> ('>'|'>>'|'n>'|'n>>'|'*>') target | 'n>&1' */
hv_ast *
hv_parse_redirection(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    hv_ast *n = hv_parse_node(p, HV_AST_REDIRECTION, t->start);
    n->u.redir.from = t->rfrom;
    n->u.redir.to = t->rto;
    n->u.redir.merge = t->rmerge;
    n->u.redir.append = t->rappend;
    hv_parse_next(p);
    if (!n->u.redir.merge) {
        t = hv_parse_peek(p, HV_LEX_CMD);
        if (hv_parse_is_stmt_end(t) || t->kind == T_REDIR) {
            hv_parse_error_tok(p, t, "MissingFileSpecification",
                               "Missing file specification after redirection operator.");
            return NULL;
        }
        n->u.redir.target = hv_parse_cmd_primary(p);
    }
    return hv_parse_finish(p, n);
}

/* -Name or -Name:value */
static hv_ast *
command_parameter(hv_pstate *p, const hv_token *t)
{
    hv_ast *n = hv_parse_node(p, HV_AST_COMMANDPARAM, t->start);
    n->u.cparam.name = hv_parse_strdup(p, p->lx.src + t->ns, t->ne - t->ns);
    n->u.cparam.colon = t->braced;
    size_t len = strlen(n->u.cparam.name);
    char *text = hv_ast_arena_alloc(p->arena, len + 3);
    text[0] = '-';
    memcpy(text + 1, n->u.cparam.name, len);
    if (t->braced)
        text[len + 1] = ':';
    n->u.cparam.text = text;
    hv_parse_next(p);
    if (t->braced) {
        /* "-Name:" with nothing after it parses (arg NULL); the binder reports it */
        const hv_token *a = hv_parse_peek(p, HV_LEX_CMD);
        if (!hv_parse_is_stmt_end(a) && a->kind != T_REDIR && a->kind != T_PARAM)
            n->u.cparam.arg = hv_parse_cmd_arg(p);
    }
    return hv_parse_finish(p, n);
}

static hv_ast *
stop_parsing_arg(hv_pstate *p, const hv_token *t)
{
    hv_ast *n = hv_parse_node(p, HV_AST_STRING, t->start);
    uint32_t ns = t->ns;
    while (ns < t->ne && (p->lx.src[ns] == ' ' || p->lx.src[ns] == '\t'))
        ns++;
    n->u.str.kind = HV_STR_VERBATIM;
    n->u.str.len = t->ne - ns;
    n->u.str.value = hv_parse_strdup(p, p->lx.src + ns, n->u.str.len);
    hv_parse_next(p);
    return hv_parse_finish(p, n);
}

static bool
amp_ends_pipeline(hv_pstate *p)
{
    hv_pmark m = hv_parse_mark(p);
    hv_parse_next(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    bool end = hv_parse_is_stmt_end(t) && t->kind != T_PIPE && t->kind != T_AMP;
    hv_parse_reset(p, &m);
    return end;
}

/* Arguments until the end of the command. */
static void
command_args(hv_pstate *p, hv_pvec *elems, hv_pvec *redirs)
{
    for (;;) {
        const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
        if (p->failed || (hv_parse_is_stmt_end(t) && t->kind != T_AMP))
            return;
        switch (t->kind) {
        case T_AMP:
            if (amp_ends_pipeline(p))
                return;
            hv_parse_error_tok(p, t, "AmpersandNotAllowed",
                               "The ampersand (&) character is not allowed. The & operator is "
                               "reserved for future use; wrap an ampersand in double quotation "
                               "marks (\"&\") to pass it as part of a string.");
            return;
        case T_REDIR:
            hv_parse_push(redirs, hv_parse_redirection(p));
            break;
        case T_PARAM:
            hv_parse_push(elems, command_parameter(p, t));
            break;
        case T_STOPPARSE:
            hv_parse_push(elems, stop_parsing_arg(p, t));
            return;
        case T_COMMA:
            hv_parse_error_tok(p, t, "MissingArgument", "Missing argument in parameter list.");
            return;
        default:
            hv_parse_push(elems, hv_parse_cmd_arg(p));
            break;
        }
    }
}

/* command -> ['&'|'.'] name (parameter | argument | redirection)* */
hv_ast *
hv_parse_command(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    hv_ast *n = hv_parse_node(p, HV_AST_COMMAND, t->start);
    hv_pvec elems = {0}, redirs = {0};
    if (t->kind == T_AMP || t->kind == T_DOT) {
        n->u.cmd.invoke = t->kind == T_AMP ? '&' : '.';
        hv_parse_next(p);
        t = hv_parse_peek(p, HV_LEX_CMD);
        if (hv_parse_is_stmt_end(t)) {
            hv_parse_error_tok(p, t, "MissingExpression",
                               "Missing expression after '%c' in pipeline element.", n->u.cmd.invoke);
            return NULL;
        }
        hv_parse_push(&elems, hv_parse_cmd_primary(p));
    } else if (t->kind == T_GENERIC) {
        hv_parse_push(&elems, hv_parse_bareword(p, t));
        if (!p->failed)
            hv_parse_next(p);
    } else if (t->kind == T_PIPE || t->kind == T_REDIR) {
        /* no command name ("> file" alone): an empty pipe element; so elems.n >= 1 always */
        hv_parse_error_tok(p, t, "EmptyPipeElement", "An empty pipe element is not allowed.");
        return NULL;
    } else {
        hv_parse_unexpected(p, t);
        return NULL;
    }
    command_args(p, &elems, &redirs);
    n->u.cmd.elems = hv_parse_list(p, &elems);
    n->u.cmd.redirs = hv_parse_list(p, &redirs);
    return hv_parse_finish(p, n);
}

/* ================= pipelines ================= */

/* Does the statement start with an expression rather than a command? Decided the way
 * pwsh's tokenizer does at the start of a pipeline element. */
static bool
starts_expression(hv_pstate *p, const hv_token *t)
{
    const char *s = p->lx.src + t->start.pos;
    switch (t->kind) {
    case T_VAR: case T_SPLAT: case T_STRING: case T_XSTRING: case T_LPAREN: case T_ATPAREN:
    case T_DOLPAREN: case T_ATBRACE: case T_LBRACE: case T_COMMA: case T_NUMBER:
        return true;
    case T_PARAM: {
        size_t n = t->ne - t->ns;
        const char *w = p->lx.src + t->ns;
        return (n == 3 && strncasecmp(w, "not", 3) == 0) || (n == 4 && strncasecmp(w, "bnot", 4) == 0) ||
               (n == 5 && strncasecmp(w, "split", 5) == 0) || (n == 4 && strncasecmp(w, "join", 4) == 0);
    }
    case T_GENERIC:
        break;
    default:
        return false;
    }
    if (*s == '$' || *s == '[' || *s == '!' || *s == '+')
        return true;
    uint32_t w, c = hv_lex_cp(p->lx.src, t->start.pos, p->lx.limit, &w);
    if (hv_lex_is_squote(c) || hv_lex_is_dquote(c))
        return true;
    if ((*s >= '0' && *s <= '9') || *s == '.' || hv_lex_is_dash(c)) {
        const hv_token *e = hv_parse_peek(p, HV_LEX_EXPR);
        return e->kind == T_NUMBER || (e->kind == T_OP && e->start.pos == t->start.pos) ||
               (e->kind == T_ERROR && strcmp(e->id, "BadNumericConstant") == 0);
    }
    return false;
}

static bool
valid_lvalue(const hv_ast *n)
{
    switch (n->kind) {
    case HV_AST_VARIABLE: case HV_AST_MEMBER: case HV_AST_INDEX:
        return !n->u.var.splatted || n->kind != HV_AST_VARIABLE;
    case HV_AST_CONVERT:
        return valid_lvalue(n->u.conv.operand);
    case HV_AST_ATTRIBUTED:
        return valid_lvalue(n->u.attributed.operand);
    case HV_AST_ARRAYLITERAL:
        for (uint32_t i = 0; i < n->u.list.items.n; i++)
            if (!valid_lvalue(n->u.list.items.items[i]))
                return false;
        return true;
    case HV_AST_PAREN:
        return false;
    default:
        return false;
    }
}

/* assignment -> expression assign-op statement */
static hv_ast *
assignment(hv_pstate *p, hv_ast *left)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    if (!valid_lvalue(left)) {
        hv_parse_err(p, (hv_lex_pos){left->ext.start, left->ext.line, left->ext.col},
                       (hv_lex_pos){left->ext.end, left->ext.end_line, left->ext.end_col}, false,
                       "InvalidLeftHandSide",
                       "The assignment expression is not valid. The input to an assignment "
                       "operator must be an object that is able to accept assignments, such as a "
                       "variable or a property.");
        return NULL;
    }
    hv_ast *n = hv_parse_node(p, HV_AST_ASSIGNMENT, (hv_lex_pos){left->ext.start, left->ext.line, left->ext.col});
    n->u.assign.left = left;
    n->u.assign.op = (hv_ast_op)t->op;
    char opch[4] = {0};
    size_t ol;
    const char *os = hv_parse_tok_text(p, t, &ol);
    memcpy(opch, os, ol < 3 ? ol : 3);
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    const hv_token *r = hv_parse_peek(p, HV_LEX_CMD);
    if (hv_parse_is_stmt_end(r) && r->kind != T_AMP) {
        hv_parse_error_tok(p, r, "ExpectedValueExpression",
                           "You must provide a value expression following the '%s' operator.", opch);
        return NULL;
    }
    n->u.assign.right = hv_parse_statement(p);
    return hv_parse_finish(p, n);
}

/* An expression as the first pipeline element, with its redirections. */
static hv_ast *
expression_element(hv_pstate *p, bool first, bool *is_assign)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_lex_pos start = t->start;
    hv_ast *e = hv_parse_expression(p, true);
    if (!e) {
        if (!p->failed)
            hv_parse_unexpected(p, hv_parse_peek(p, HV_LEX_EXPR));
        return NULL;
    }
    t = hv_parse_peek(p, HV_LEX_EXPR);
    if (first && t->kind == T_ASSIGN && !p->failed) {
        *is_assign = true;
        return assignment(p, e);
    }
    hv_ast *n = hv_parse_node(p, HV_AST_COMMANDEXPR, start);
    n->u.cmdexpr.expr = e;
    hv_pvec redirs = {0};
    while (!p->failed && hv_parse_peek(p, HV_LEX_CMD)->kind == T_REDIR)
        hv_parse_push(&redirs, hv_parse_redirection(p));
    n->u.cmdexpr.redirs = hv_parse_list(p, &redirs);
    /* what may follow (')' of a condition, '}' of a block, a separator) is checked by
     * the caller, which knows the better message */
    return hv_parse_finish(p, n);
}

static hv_ast *
pipeline_element(hv_pstate *p, bool first, bool *is_assign)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    if (starts_expression(p, t)) {
        if (!first) {
            hv_parse_error_tok(p, t, "ExpressionsMustBeFirstInPipeline",
                               "Expressions are only allowed as the first element of a pipeline.");
            return NULL;
        }
        return expression_element(p, first, is_assign);
    }
    return hv_parse_command(p);
}

/* pwsh 7.4: a line starting with '|' continues the pipeline of the line before; comment
 * lines may come between, a blank line may not. t is the newline after an element. If
 * such a '|' follows, move the lexer onto it and return true. */
static bool
leading_pipe(hv_pstate *p, const hv_token *t)
{
    const char *s = p->lx.src;
    uint32_t i = t->stop.pos, n = p->lx.limit;
    for (;;) {
        uint32_t line = i;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\v'))
            i++;
        if (i < n && s[i] == '#') { /* a comment line: skip it and its newline */
            while (i < n && s[i] != '\n' && s[i] != '\r')
                i++;
            if (i < n && s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
                i++;
            if (i >= n)
                return false;
            i++;
            continue;
        }
        if (i < n && s[i] == '|' && !(i + 1 < n && s[i + 1] == '|') && i >= line) {
            p->lx.cur = hv_lex_advance(s, t->stop, i);
            hv_parse_invalidate(p);
            return true;
        }
        return false;
    }
}

/* pipeline -> element (newline? '|' newline* command)* */
static hv_ast *
pipeline(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    hv_ast *n = hv_parse_node(p, HV_AST_PIPELINE, t->start);
    hv_pvec elems = {0};
    bool is_assign = false;
    hv_ast *e = pipeline_element(p, true, &is_assign);
    if (is_assign) {
        free(elems.v);
        return e;
    }
    hv_parse_push(&elems, e);
    for (;;) {
        t = hv_parse_peek(p, HV_LEX_CMD);
        if (p->failed || (t->kind != T_PIPE && !(t->kind == T_NEWLINE && leading_pipe(p, t))))
            break;
        t = hv_parse_peek(p, HV_LEX_CMD);
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        t = hv_parse_peek(p, HV_LEX_CMD);
        if (hv_parse_is_stmt_end(t) && t->kind != T_AMP) {
            hv_parse_error_tok(p, t, "EmptyPipeElement", "An empty pipe element is not allowed.");
            break;
        }
        hv_parse_push(&elems, pipeline_element(p, false, &is_assign));
    }
    n->u.pipe.elems = hv_parse_list(p, &elems);
    return hv_parse_finish(p, n);
}

/* pipeline_stmt -> pipeline (('&&'|'||') newline* pipeline)* ['&'] */
hv_ast *
hv_parse_pipeline_stmt(hv_pstate *p)
{
    hv_ast *left = pipeline(p);
    const hv_token *t;
    while (left && !p->failed &&
           ((t = hv_parse_peek(p, HV_LEX_CMD))->kind == T_ANDAND || t->kind == T_OROR)) {
        hv_ast *n = hv_parse_node(p, HV_AST_PIPELINECHAIN, (hv_lex_pos){left->ext.start, left->ext.line, left->ext.col});
        n->u.chain.op = t->kind == T_ANDAND ? HV_OP_ANDAND : HV_OP_OROR;
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        t = hv_parse_peek(p, HV_LEX_CMD);
        if (hv_parse_is_stmt_end(t) && t->kind != T_AMP) {
            hv_parse_error_tok(p, t, "EmptyPipelineChainElement",
                               "A pipeline chain operator must be followed by a pipeline.");
            return left;
        }
        n->u.chain.left = left;
        n->u.chain.right = pipeline(p);
        left = hv_parse_finish(p, n);
    }
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (left && !p->failed && t->kind == T_AMP) {
        hv_parse_next(p);
        t = hv_parse_peek(p, HV_LEX_CMD);
        if (t->kind == T_ANDAND || t->kind == T_OROR) {
            hv_parse_error_tok(p, t, "BackgroundOperatorInPipelineChain",
                               "Background operators can only be used at the end of a pipeline chain.");
            return left;
        }
        if (left->kind == HV_AST_PIPELINE)
            left->u.pipe.background = true;
        else if (left->kind == HV_AST_PIPELINECHAIN)
            left->u.chain.background = true;
        hv_parse_finish(p, left);
    }
    return left;
}
