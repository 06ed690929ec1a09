/* parse.c — parser core (token cursor, errors, nodes) and statements.
 * Hand-written recursive descent; the first error stops the parse (p->failed) and every
 * function unwinds returning what it has, so there is no error cascade. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pstate.h"

#define FOREACH_FORM "\nThe correct form is: foreach ($a in $b) {...}"

/* ================= core ================= */

const hv_token *
hv_parse_peek(hv_pstate *p, hv_lex_mode mode)
{
    hv_tokcache *c = &p->tc;
    if (!c->have[mode] || c->at[mode] != p->lx.cur.pos) {
        hv_lex_scan(&p->lx, mode, &c->tok[mode]);
        c->have[mode] = true;
        c->at[mode] = p->lx.cur.pos;
    }
    c->last = (uint8_t)mode;
    return &c->tok[mode];
}

void
hv_parse_next(hv_pstate *p)
{
    hv_tokcache *c = &p->tc;
    if (!c->have[c->last] || c->at[c->last] != p->lx.cur.pos)
        return;
    p->lx.cur = c->tok[c->last].stop;
    p->last_end = p->lx.cur;
    hv_parse_invalidate(p);
}

void
hv_parse_invalidate(hv_pstate *p)
{
    p->tc.have[0] = p->tc.have[1] = false;
}

void
hv_parse_skip_newlines(hv_pstate *p)
{
    while (!p->failed && hv_parse_peek(p, HV_LEX_EXPR)->kind == T_NEWLINE)
        hv_parse_next(p);
}

hv_pmark
hv_parse_mark(const hv_pstate *p)
{
    return (hv_pmark){.lx = p->lx, .last_end = p->last_end, .nerrs = p->nerrs,
                      .failed = p->failed, .tc = p->tc};
}

void
hv_parse_reset(hv_pstate *p, const hv_pmark *m)
{
    p->lx = m->lx;
    p->last_end = m->last_end;
    p->nerrs = m->nerrs;
    p->failed = m->failed;
    p->tc = m->tc;
}

static void
verror(hv_pstate *p, hv_lex_pos at, hv_lex_pos end, bool incomplete, const char *id,
       const char *fmt, va_list ap)
{
    if (p->failed)
        return;
    p->failed = true;
    if (p->nerrs == p->caperrs) {
        p->caperrs = p->caperrs ? p->caperrs * 2 : 4;
        p->errs = realloc(p->errs, p->caperrs * sizeof *p->errs);
        if (!p->errs)
            abort();
    }
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    hv_parse_error *e = &p->errs[p->nerrs++];
    e->ext = (hv_extent){.start = at.pos, .end = end.pos, .line = at.line, .col = at.col,
                         .end_line = end.line, .end_col = end.col};
    e->message = hv_parse_strdup(p, msg, strlen(msg));
    e->id = id;
    e->incomplete = incomplete;
}

void
hv_parse_err(hv_pstate *p, hv_lex_pos at, hv_lex_pos end, bool incomplete, const char *id,
               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, at, end, incomplete, id, fmt, ap);
    va_end(ap);
}

bool
hv_parse_tok_at_end(const hv_pstate *p, const hv_token *t)
{
    if (t->kind == T_ERROR)
        return t->incomplete && t->stop.pos >= p->unit->len;
    return t->kind == T_EOF && t->start.pos >= p->unit->len;
}

void
hv_parse_error_tok(hv_pstate *p, const hv_token *t, const char *id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, t->start, t->stop, hv_parse_tok_at_end(p, t), id, fmt, ap);
    va_end(ap);
}

const char *
hv_parse_tok_text(const hv_pstate *p, const hv_token *t, size_t *len)
{
    *len = t->stop.pos - t->start.pos;
    return p->lx.src + t->start.pos;
}

void
hv_parse_unexpected(hv_pstate *p, const hv_token *t)
{
    if (t->kind == T_ERROR && strcmp(t->id, "BadNumericConstant") == 0) {
        size_t n;
        const char *s = hv_parse_tok_text(p, t, &n);
        hv_parse_error_tok(p, t, t->id, "The numeric constant %.*s is not valid.", (int)(n > 100 ? 100 : n), s);
        return;
    }
    if (t->kind == T_ERROR) {
        hv_parse_error_tok(p, t, t->id, "%s", t->msg);
        return;
    }
    if (t->kind == T_EOF) {
        hv_parse_error_tok(p, t, "IncompleteInput", "Unexpected end of input.");
        return;
    }
    size_t n;
    const char *s = hv_parse_tok_text(p, t, &n);
    if (t->kind == T_NEWLINE)
        s = "newline", n = 7;
    if (n > 200)
        n = 200;
    hv_parse_error_tok(p, t, "UnexpectedToken", "Unexpected token '%.*s' in expression or statement.",
                       (int)n, s);
}

bool
hv_parse_enter(hv_pstate *p, const hv_token *t)
{
    if (p->failed)
        return false;
    if (++p->depth > HV_DEPTH_LIMIT) {
        hv_parse_err(p, t->start, t->stop, false, "ScriptTooComplex",
                       "The script is too complex: nesting is deeper than %d levels.",
                       HV_PARSE_MAX_DEPTH);
        p->depth--;
        return false;
    }
    return true;
}

void
hv_parse_leave(hv_pstate *p)
{
    p->depth--;
}

hv_ast *
hv_parse_node(hv_pstate *p, hv_ast_kind kind, hv_lex_pos start)
{
    hv_ast *n = hv_ast_arena_alloc(p->arena, sizeof *n);
    n->kind = (uint16_t)kind;
    n->ext.start = start.pos;
    n->ext.line = start.line;
    n->ext.col = start.col;
    n->ext.end = start.pos;
    n->ext.end_line = start.line;
    n->ext.end_col = start.col;
    return n;
}

hv_ast *
hv_parse_finish(hv_pstate *p, hv_ast *n)
{
    if (p->last_end.pos >= n->ext.start) {
        n->ext.end = p->last_end.pos;
        n->ext.end_line = p->last_end.line;
        n->ext.end_col = p->last_end.col;
    }
    return n;
}

void
hv_parse_push(hv_pvec *v, hv_ast *n)
{
    if (!n)
        return;
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->v = realloc(v->v, v->cap * sizeof *v->v);
        if (!v->v)
            abort();
    }
    v->v[v->n++] = n;
}

hv_ast_list
hv_parse_list(hv_pstate *p, hv_pvec *v)
{
    hv_ast_list l = {NULL, 0};
    if (v->n) {
        l.items = hv_ast_arena_alloc(p->arena, v->n * sizeof *l.items);
        memcpy(l.items, v->v, v->n * sizeof *l.items);
        l.n = v->n;
    }
    free(v->v);
    *v = (hv_pvec){0};
    return l;
}

char *
hv_parse_strdup(hv_pstate *p, const char *s, size_t n)
{
    return hv_ast_arena_strndup(p->arena, s, n);
}

bool
hv_parse_tok_is(const hv_pstate *p, const hv_token *t, const char *word)
{
    if (t->kind != T_GENERIC && t->kind != T_IDENT)
        return false;
    if (t->kind == T_GENERIC && t->expandable)
        return false;
    size_t n = t->stop.pos - t->start.pos;
    return strlen(word) == n && strncasecmp(p->lx.src + t->start.pos, word, n) == 0;
}

hv_lex_pos
hv_parse_pos_at(hv_pstate *p, uint32_t off)
{
    const hv_ast_unit *u = p->unit;
    hv_lex_pos c = p->pos_cache;
    if (c.line && c.pos <= off && off - c.pos < 4096) {
        p->pos_cache = hv_lex_advance(u->src, c, off);
        return p->pos_cache;
    }
    if (c.line && off < c.pos && c.pos - off < 4096) {
        /* a little way back on the same line: count the characters in between */
        uint32_t chars = 0, i = off;
        for (; i < c.pos && u->src[i] != '\n' && u->src[i] != '\r'; i++)
            chars += ((unsigned char)u->src[i] & 0xC0) != 0x80;
        if (i == c.pos && chars < c.col) {
            p->pos_cache = (hv_lex_pos){.pos = off, .line = c.line, .col = c.col - chars};
            return p->pos_cache;
        }
    }
    uint32_t lo = 0, hi = u->nlines;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (u->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    hv_lex_pos at = {.pos = u->line_starts[lo], .line = lo + 1, .col = 1};
    p->pos_cache = hv_lex_advance(u->src, at, off);
    return p->pos_cache;
}

bool
hv_parse_is_stmt_end(const hv_token *t)
{
    switch (t->kind) {
    case T_EOF: case T_NEWLINE: case T_SEMI: case T_RPAREN: case T_RBRACE:
    case T_PIPE: case T_ANDAND: case T_OROR: case T_AMP:
        return true;
    default:
        return false;
    }
}

/* ================= statement helpers ================= */

/* Expect a token kind; report `msg` (pwsh's text) otherwise. */
static bool
expect(hv_pstate *p, hv_tok_kind kind, hv_lex_mode mode, const char *id, const char *msg)
{
    const hv_token *t = hv_parse_peek(p, mode);
    if (t->kind == kind) {
        hv_parse_next(p);
        return true;
    }
    if (t->kind == T_ERROR)
        hv_parse_unexpected(p, t);
    else
        hv_parse_error_tok(p, t, id, "%s", msg);
    return false;
}

/* `{` statements `}` ; id/msg report a missing block in the construct's own words. */
hv_ast *
hv_parse_stmt_block(hv_pstate *p, const char *id, const char *msg)
{
    hv_parse_skip_newlines(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind != T_LBRACE) {
        if (t->kind == T_ERROR)
            hv_parse_unexpected(p, t);
        else
            hv_parse_error_tok(p, t, id, "%s", msg);
        return NULL;
    }
    hv_lex_pos open = t->start, open_end = t->stop;
    hv_ast *n = hv_parse_node(p, HV_AST_STATEMENTBLOCK, t->start);
    hv_parse_next(p);
    hv_pvec v = {0};
    hv_parse_stmt_list(p, &v, T_RBRACE);
    n->u.block.stmts = hv_parse_list(p, &v);
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind == T_RBRACE) {
        hv_parse_next(p);
    } else if (!p->failed) {
        hv_parse_err(p, open, open_end, hv_parse_tok_at_end(p, t), "MissingEndCurlyBrace",
                       "Missing closing '}' in statement block or type definition.");
    }
    return hv_parse_finish(p, n);
}

/* How each keyword words its errors around "( condition )". */
typedef struct {
    const char *open_id, *open_fmt;   /* missing '(' */
    const char *empty_id, *empty_fmt; /* "()" */
    const char *close_id, *close_fmt; /* missing ')' */
} cond_words;

static cond_words
condition_words(const char *kw)
{
    if (strcmp(kw, "if") == 0 || strcmp(kw, "elseif") == 0)
        return (cond_words){"MissingOpenParenthesisInIfStatement", "Missing '(' after '%s' in if statement.",
                            "IfStatementMissingCondition", "Missing condition in if statement after '%s ('.",
                            "MissingEndParenthesisAfterStatement",
                            "Missing closing ')' after expression in '%s' statement."};
    if (strcmp(kw, "switch") == 0)
        return (cond_words){"PipelineValueRequired",
                            "A %s statement must have one of the following:  '-file file_name' or '( expression )'.",
                            "MissingSwitchValueExpression", "Missing expression after '(' in %s statement.",
                            "MissingEndParenthesisInSwitchStatement",
                            "Missing ')' after expression in %s statement."};
    return (cond_words){"MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword '%s'.",
                        "MissingExpressionAfterKeyword", "Missing expression after '%s' in loop.",
                        "MissingEndParenthesisAfterStatement",
                        "Missing closing ')' after expression in '%s' statement."};
}

/* '(' pipeline ')' after a keyword such as if/while/switch. */
static hv_ast *
paren_condition(hv_pstate *p, const char *kw)
{
    cond_words w = condition_words(kw);
    hv_parse_skip_newlines(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind != T_LPAREN) {
        if (t->kind == T_ERROR)
            hv_parse_unexpected(p, t);
        else
            hv_parse_error_tok(p, t, w.open_id, w.open_fmt, kw);
        return NULL;
    }
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind == T_RPAREN) {
        hv_parse_error_tok(p, t, w.empty_id, w.empty_fmt, kw);
        return NULL;
    }
    hv_ast *cond = hv_parse_pipeline_stmt(p);
    hv_parse_skip_newlines(p);
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind == T_RPAREN) {
        hv_parse_next(p);
    } else if (t->kind == T_ERROR) {
        hv_parse_unexpected(p, t);
    } else {
        /* pwsh points just after the condition */
        hv_parse_err(p, p->last_end, p->last_end, hv_parse_tok_at_end(p, t), w.close_id, w.close_fmt, kw);
    }
    return cond;
}

/* Is the next (command-mode) token the bare word `kw`? Does not consume. */
static bool
next_is_word(hv_pstate *p, const char *kw)
{
    return hv_parse_tok_is(p, hv_parse_peek(p, HV_LEX_CMD), kw);
}

/* Skip newlines and test for keyword `kw`; restore the position if it is not there. */
static bool
lookahead_word(hv_pstate *p, const char *kw)
{
    hv_pmark m = hv_parse_mark(p);
    hv_parse_skip_newlines(p);
    if (next_is_word(p, kw))
        return true;
    hv_parse_reset(p, &m);
    return false;
}

/* ================= keyword statements ================= */

/* if_stmt -> 'if' '(' pipeline ')' block ('elseif' '(' pipeline ')' block)* ['else' block] */
static hv_ast *
parse_if(hv_pstate *p, const hv_token *kw)
{
    hv_ast *n = hv_parse_node(p, HV_AST_IF, kw->start);
    hv_pvec conds = {0}, bodies = {0};
    hv_parse_next(p);
    const char *name = "if";
    for (;;) {
        hv_ast *c = paren_condition(p, name);
        char msg[80];
        snprintf(msg, sizeof msg, "Missing statement block after %s ( condition ).", name);
        hv_ast *b = p->failed ? NULL : hv_parse_stmt_block(p, "MissingStatementBlock", msg);
        hv_parse_push(&conds, c);
        hv_parse_push(&bodies, b);
        if (p->failed || !lookahead_word(p, "elseif"))
            break;
        hv_parse_next(p);
        name = "elseif";
    }
    if (!p->failed && lookahead_word(p, "else")) {
        hv_parse_next(p);
        n->u.if_.else_ = hv_parse_stmt_block(p, "MissingStatementBlockAfterElse",
                                             "Missing statement block after 'else' keyword.");
    }
    n->u.if_.conds = hv_parse_list(p, &conds);
    n->u.if_.bodies = hv_parse_list(p, &bodies);
    return hv_parse_finish(p, n);
}

static const struct {
    const char *name;
    unsigned flag;
} switch_flags[] = {
    {"regex", HV_SWITCH_REGEX},   {"wildcard", HV_SWITCH_WILDCARD},
    {"exact", HV_SWITCH_EXACT},   {"casesensitive", HV_SWITCH_CASESENSITIVE},
    {"file", HV_SWITCH_FILE},     {"parallel", HV_SWITCH_PARALLEL},
};

/* A -flag after `switch`: prefix match as pwsh does. */
static bool
switch_flag(hv_pstate *p, const hv_token *t, unsigned *flags)
{
    size_t n = t->ne - t->ns;
    const char *s = p->lx.src + t->ns;
    for (size_t k = 0; k < sizeof switch_flags / sizeof switch_flags[0]; k++) {
        if (n && n <= strlen(switch_flags[k].name) && strncasecmp(switch_flags[k].name, s, n) == 0) {
            *flags |= switch_flags[k].flag;
            return true;
        }
    }
    hv_parse_error_tok(p, t, "InvalidSwitchFlag", "The parameter -%.*s is not valid for the switch statement.",
                       (int)(n > 100 ? 100 : n), s);
    return false;
}

/* clause -> ('default' | command-argument) block */
static void
parse_switch_clauses(hv_pstate *p, hv_ast *n)
{
    hv_pvec clauses = {0};
    for (;;) {
        const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
        while (t->kind == T_NEWLINE || t->kind == T_SEMI) {
            hv_parse_next(p);
            t = hv_parse_peek(p, HV_LEX_CMD);
        }
        if (t->kind == T_RBRACE || t->kind == T_EOF || p->failed)
            break;
        if (hv_parse_tok_is(p, t, "default")) {
            hv_parse_next(p);
            if (n->u.switch_.dflt) {
                hv_parse_error_tok(p, t, "MultipleSwitchDefaultClauses",
                                   "A switch statement can have only one default clause.");
                break;
            }
            n->u.switch_.dflt = hv_parse_stmt_block(p, "MissingSwitchStatementClause",
                                                     "Missing statement block in switch statement clause.");
            continue;
        }
        hv_ast *c = hv_parse_node(p, HV_AST_SWITCHCLAUSE, t->start);
        c->u.clause.pattern = hv_parse_cmd_primary(p);
        if (!p->failed)
            c->u.clause.body = hv_parse_stmt_block(p, "MissingSwitchStatementClause",
                                                     "Missing statement block in switch statement clause.");
        hv_parse_push(&clauses, hv_parse_finish(p, c));
    }
    n->u.switch_.clauses = hv_parse_list(p, &clauses);
}

/* switch_stmt -> 'switch' flag* ( '(' pipeline ')' | -file arg ) '{' clause* '}' */
static hv_ast *
parse_switch(hv_pstate *p, const hv_token *kw, const char *label)
{
    hv_ast *n = hv_parse_node(p, HV_AST_SWITCH, kw->start);
    n->u.switch_.label = label;
    hv_parse_next(p);
    const hv_token *t;
    while ((t = hv_parse_peek(p, HV_LEX_CMD))->kind == T_PARAM && !p->failed) {
        hv_parse_next(p);
        switch_flag(p, t, &n->u.switch_.flags);
    }
    t = hv_parse_peek(p, HV_LEX_CMD);
    if ((n->u.switch_.flags & HV_SWITCH_FILE) && t->kind != T_LPAREN)
        n->u.switch_.cond = hv_parse_cmd_primary(p);
    else if (!p->failed)
        n->u.switch_.cond = paren_condition(p, "switch");
    hv_parse_skip_newlines(p);
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (p->failed)
        return n;
    if (t->kind != T_LBRACE) {
        hv_parse_error_tok(p, t, "MissingCurlyBraceInSwitchStatement",
                           "Missing '{' in switch statement.");
        return n;
    }
    hv_lex_pos open = t->start, open_end = t->stop;
    hv_parse_next(p);
    parse_switch_clauses(p, n);
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind == T_RBRACE)
        hv_parse_next(p);
    else
        hv_parse_err(p, open, open_end, hv_parse_tok_at_end(p, t), "MissingEndCurlyBrace",
                       "Missing closing '}' in statement block or type definition.");
    return hv_parse_finish(p, n);
}

/* foreach_stmt -> 'foreach' [-parallel] '(' variable 'in' pipeline ')' block */
static hv_ast *
parse_foreach(hv_pstate *p, const hv_token *kw, const char *label)
{
    hv_ast *n = hv_parse_node(p, HV_AST_FOREACH, kw->start);
    n->u.foreach_.label = label;
    hv_parse_next(p);
    const hv_token *t;
    while ((t = hv_parse_peek(p, HV_LEX_CMD))->kind == T_PARAM && !p->failed) {
        hv_parse_next(p);
        n->u.foreach_.parallel = true; /* -parallel / -throttlelimit: accepted, ignored */
        if (strncasecmp(p->lx.src + t->ns, "throttlelimit", t->ne - t->ns) == 0)
            hv_parse_cmd_primary(p);
    }
    hv_parse_skip_newlines(p);
    if (!expect(p, T_LPAREN, HV_LEX_EXPR, "MissingOpenParenthesisAfterKeyword",
                "Missing opening '(' after keyword 'foreach'."))
        return n;
    hv_parse_skip_newlines(p);
    t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind != T_VAR) {
        hv_parse_error_tok(p, t, "MissingVariableNameAfterForeach",
                           "Missing variable name after foreach." FOREACH_FORM);
        return n;
    }
    n->u.foreach_.var = hv_parse_variable(p, t);
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    t = hv_parse_peek(p, HV_LEX_EXPR);
    if (!(t->kind == T_IDENT && hv_parse_tok_is(p, t, "in"))) {
        hv_parse_error_tok(p, t, "MissingInInForeach", "Missing 'in' after variable in foreach loop." FOREACH_FORM);
        return n;
    }
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind == T_RPAREN) {
        hv_parse_error_tok(p, t, "MissingForeachExpression", "Missing expression in foreach loop." FOREACH_FORM);
        return n;
    }
    n->u.foreach_.iter = hv_parse_pipeline_stmt(p);
    hv_parse_skip_newlines(p);
    expect(p, T_RPAREN, HV_LEX_CMD, "MissingEndParenthesisAfterForeach",
           "Missing closing ')' after expression part of foreach loop." FOREACH_FORM);
    if (!p->failed)
        n->u.foreach_.body = hv_parse_stmt_block(p, "MissingForeachStatement",
                                                 "Missing statement body in foreach loop." FOREACH_FORM);
    return hv_parse_finish(p, n);
}

/* One part of for(;;): empty or a pipeline, ended by ';' newline or ')'. */
static hv_ast *
for_part(hv_pstate *p, bool last)
{
    hv_parse_skip_newlines(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    hv_ast *e = NULL;
    if (t->kind != T_SEMI && t->kind != T_RPAREN)
        e = hv_parse_pipeline_stmt(p);
    if (p->failed)
        return e;
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (!last && (t->kind == T_SEMI || t->kind == T_NEWLINE))
        hv_parse_next(p);
    return e;
}

/* for_stmt -> 'for' '(' [init] sep [cond] sep [step] ')' block */
static hv_ast *
parse_for(hv_pstate *p, const hv_token *kw, const char *label)
{
    hv_ast *n = hv_parse_node(p, HV_AST_FOR, kw->start);
    n->u.for_.label = label;
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    if (!expect(p, T_LPAREN, HV_LEX_EXPR, "MissingOpenParenthesisAfterKeyword",
                "Missing opening '(' after keyword 'for'."))
        return n;
    n->u.for_.init = for_part(p, false);
    n->u.for_.cond = p->failed ? NULL : for_part(p, false);
    n->u.for_.step = p->failed ? NULL : for_part(p, true);
    hv_parse_skip_newlines(p);
    expect(p, T_RPAREN, HV_LEX_CMD, "MissingEndParenthesisAfterStatement",
           "Missing closing ')' after expression in 'for' statement.");
    if (!p->failed)
        n->u.for_.body = hv_parse_stmt_block(p, "MissingLoopStatement", "Missing statement body in for loop.");
    return hv_parse_finish(p, n);
}

/* while_stmt -> 'while' '(' pipeline ')' block */
static hv_ast *
parse_while(hv_pstate *p, const hv_token *kw, const char *label)
{
    hv_ast *n = hv_parse_node(p, HV_AST_WHILE, kw->start);
    n->u.loop.label = label;
    hv_parse_next(p);
    n->u.loop.cond = paren_condition(p, "while");
    if (!p->failed)
        n->u.loop.body = hv_parse_stmt_block(p, "MissingLoopStatement", "Missing statement body in while loop.");
    return hv_parse_finish(p, n);
}

/* do_stmt -> 'do' block ('while' | 'until') '(' pipeline ')' */
static hv_ast *
parse_do(hv_pstate *p, const hv_token *kw, const char *label)
{
    hv_ast *n = hv_parse_node(p, HV_AST_DOWHILE, kw->start);
    n->u.loop.label = label;
    hv_parse_next(p);
    n->u.loop.body = hv_parse_stmt_block(p, "MissingLoopStatement", "Missing statement body in do loop.");
    if (p->failed)
        return n;
    hv_parse_skip_newlines(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    if (hv_parse_tok_is(p, t, "until")) {
        n->kind = HV_AST_DOUNTIL;
    } else if (!hv_parse_tok_is(p, t, "while")) {
        hv_parse_error_tok(p, t, "MissingWhileOrUntilInDoWhile",
                           "Missing while or until keyword in do loop.");
        return n;
    }
    hv_parse_next(p);
    n->u.loop.cond = paren_condition(p, n->kind == HV_AST_DOUNTIL ? "until" : "while");
    return hv_parse_finish(p, n);
}

/* Optional pipeline after return/exit/throw. */
static hv_ast *
optional_pipeline(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    if (hv_parse_is_stmt_end(t) && t->kind != T_AMP)
        return NULL;
    return hv_parse_pipeline_stmt(p);
}

/* jump -> ('return'|'exit'|'throw') [pipeline] | ('break'|'continue') [label] */
static hv_ast *
parse_jump(hv_pstate *p, const hv_token *kw, hv_ast_kind kind)
{
    hv_ast *n = hv_parse_node(p, kind, kw->start);
    hv_parse_next(p);
    if (kind == HV_AST_BREAK || kind == HV_AST_CONTINUE) {
        const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
        if (!hv_parse_is_stmt_end(t))
            n->u.jump.arg = hv_parse_cmd_primary(p);
    } else {
        n->u.jump.arg = optional_pipeline(p);
    }
    return hv_parse_finish(p, n);
}

/* trap_stmt -> 'trap' ['[' type ']'] block */
static hv_ast *
parse_trap(hv_pstate *p, const hv_token *kw)
{
    hv_ast *n = hv_parse_node(p, HV_AST_TRAP, kw->start);
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind == T_LBRACKET) {
        hv_parse_next(p);
        n->u.trap.type = hv_parse_typename_at(p);
        expect(p, T_RBRACKET, HV_LEX_EXPR, "EndSquareBracketExpectedAtEndOfType",
               "Missing ] at end of type token.");
    }
    if (!p->failed)
        n->u.trap.body = hv_parse_stmt_block(p, "MissingTrapStatement",
                                             "The 'trap' statement was incomplete. A trap statement requires a body.");
    return hv_parse_finish(p, n);
}

/* catch_types -> '[' type ']' (',' '[' type ']')* */
static void
parse_catch_types(hv_pstate *p, hv_ast *c)
{
    hv_ast_typename *types[64];
    uint32_t n = 0;
    for (;;) {
        hv_parse_skip_newlines(p);
        const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
        if (t->kind != T_LBRACKET)
            break;
        hv_parse_next(p);
        hv_ast_typename *tn = hv_parse_typename_at(p);
        expect(p, T_RBRACKET, HV_LEX_EXPR, "EndSquareBracketExpectedAtEndOfType",
               "Missing ] at end of type token.");
        if (p->failed)
            return;
        if (n < 64)
            types[n++] = tn;
        hv_parse_skip_newlines(p);
        if (hv_parse_peek(p, HV_LEX_EXPR)->kind != T_COMMA)
            break;
        hv_parse_next(p);
    }
    if (n) {
        c->u.catch_.types = hv_ast_arena_alloc(p->arena, n * sizeof *types);
        memcpy(c->u.catch_.types, types, n * sizeof *types);
        c->u.catch_.ntypes = n;
    }
}

/* try_stmt -> 'try' block ('catch' [types] block)* ['finally' block] */
static hv_ast *
parse_try(hv_pstate *p, const hv_token *kw)
{
    hv_ast *n = hv_parse_node(p, HV_AST_TRY, kw->start);
    hv_parse_next(p);
    n->u.try_.body = hv_parse_stmt_block(p, "MissingTryStatementBlock", "The Try statement is missing its statement block.");
    hv_pvec catches = {0};
    while (!p->failed && lookahead_word(p, "catch")) {
        const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
        hv_ast *c = hv_parse_node(p, HV_AST_CATCH, t->start);
        hv_parse_next(p);
        parse_catch_types(p, c);
        if (!p->failed)
            c->u.catch_.body = hv_parse_stmt_block(p, "MissingCatchHandlerBlock",
                                                   "The Catch block is missing its statement block.");
        hv_parse_push(&catches, hv_parse_finish(p, c));
    }
    n->u.try_.catches = hv_parse_list(p, &catches);
    if (!p->failed && lookahead_word(p, "finally")) {
        hv_parse_next(p);
        n->u.try_.finally = hv_parse_stmt_block(p, "MissingFinallyStatementBlock",
                                                "The Finally block is missing its statement block.");
    }
    if (!p->failed && !n->u.try_.catches.n && !n->u.try_.finally)
        hv_parse_error_tok(p, hv_parse_peek(p, HV_LEX_CMD), "MissingCatchOrFinally",
                           "The Try statement is missing its Catch or Finally block.");
    return hv_parse_finish(p, n);
}

/* A function or type name: a bare word in command mode. */
static const char *
parse_name(hv_pstate *p, const char *id, const char *msg)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind != T_GENERIC || t->expandable) {
        hv_parse_error_tok(p, t, id, "%s", msg);
        return NULL;
    }
    hv_ast *s = hv_parse_bareword(p, t);
    hv_parse_next(p);
    return s ? s->u.str.value : NULL;
}

/* Parse '{' scriptblock-body '}' into a SCRIPTBLOCK node. */
static hv_ast *
braced_scriptblock(hv_pstate *p, const char *id, const char *msg)
{
    hv_parse_skip_newlines(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind != T_LBRACE) {
        hv_parse_error_tok(p, t, id, "%s", msg);
        return NULL;
    }
    hv_ast *e = hv_parse_scriptblock_expr(p);
    return e ? e->u.sbexpr.sb : NULL;
}

/* function_def -> ('function'|'filter'|'workflow') name ['(' params ')'] '{' body '}' */
static hv_ast *
parse_function(hv_pstate *p, const hv_token *kw, hv_ast_funckind kind)
{
    hv_ast *n = hv_parse_node(p, HV_AST_FUNCTIONDEF, kw->start);
    n->u.func.kind = kind;
    hv_parse_next(p);
    n->u.func.name = parse_name(p, "MissingNameAfterKeyword", "Missing name after function keyword.");
    if (p->failed)
        return n;
    hv_parse_skip_newlines(p);
    if (hv_parse_peek(p, HV_LEX_EXPR)->kind == T_LPAREN) {
        hv_parse_next(p);
        hv_pvec params = {0};
        hv_parse_param_list(p, &params, T_RPAREN);
        n->u.func.params = hv_parse_list(p, &params);
        n->u.func.has_parens = true;
    }
    if (!p->failed)
        n->u.func.body = braced_scriptblock(p, "MissingFunctionBody",
                                            "Missing function body in function declaration.");
    return hv_parse_finish(p, n);
}

/* data_stmt -> 'data' [name] ['-SupportedCommand' args] block */
static hv_ast *
parse_data(hv_pstate *p, const hv_token *kw)
{
    hv_ast *n = hv_parse_node(p, HV_AST_DATA, kw->start);
    hv_parse_next(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind == T_GENERIC && !t->expandable) {
        n->u.data.var = hv_parse_bareword(p, t)->u.str.value;
        hv_parse_next(p);
        t = hv_parse_peek(p, HV_LEX_CMD);
    }
    if (t->kind == T_PARAM) {
        hv_parse_next(p);
        hv_pvec cmds = {0};
        hv_ast *a = hv_parse_cmd_arg(p);
        if (a && a->kind == HV_AST_ARRAYLITERAL) {
            for (uint32_t i = 0; i < a->u.list.items.n; i++)
                hv_parse_push(&cmds, a->u.list.items.items[i]);
        } else {
            hv_parse_push(&cmds, a);
        }
        n->u.data.commands = hv_parse_list(p, &cmds);
    }
    if (!p->failed)
        n->u.data.body = hv_parse_stmt_block(p, "MissingStatementBlockForDataSection",
                                             "The Data section is missing its statement block.");
    return hv_parse_finish(p, n);
}

/* using_stmt -> 'using' ('namespace'|'module'|'assembly') name */
static hv_ast *
parse_using(hv_pstate *p, const hv_token *kw)
{
    hv_ast *n = hv_parse_node(p, HV_AST_USING, kw->start);
    hv_parse_next(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    if (hv_parse_tok_is(p, t, "namespace"))
        n->u.using_.kind = HV_USING_NAMESPACE;
    else if (hv_parse_tok_is(p, t, "module"))
        n->u.using_.kind = HV_USING_MODULE;
    else if (hv_parse_tok_is(p, t, "assembly"))
        n->u.using_.kind = HV_USING_ASSEMBLY;
    else {
        hv_parse_error_tok(p, t, "MissingUsingStatementDirective", "Missing using directive");
        return n;
    }
    hv_parse_next(p);
    hv_ast *name = hv_parse_cmd_primary(p);
    if (name && name->kind == HV_AST_STRING)
        n->u.using_.name = name->u.str.value;
    else if (!p->failed)
        hv_parse_err(p, p->last_end, p->last_end, false, "MissingUsingItemName", "Missing using name");
    return hv_parse_finish(p, n);
}

/* ================= classes and enums ================= */

static void
member_modifiers(hv_pstate *p, hv_pvec *attrs, hv_ast_typename **type, bool *st, bool *hid)
{
    for (;;) {
        hv_parse_skip_newlines(p);
        const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
        if (p->failed)
            return;
        if (t->kind == T_LBRACKET) {
            hv_lex_pos s = t->start;
            hv_parse_next(p);
            hv_ast *a = hv_parse_attribute_or_type(p, s);
            if (a && a->kind == HV_AST_TYPECONSTRAINT)
                *type = a->u.type.type;
            else
                hv_parse_push(attrs, a);
        } else if (hv_parse_tok_is(p, t, "static")) {
            *st = true;
            hv_parse_next(p);
        } else if (hv_parse_tok_is(p, t, "hidden")) {
            *hid = true;
            hv_parse_next(p);
        } else {
            return;
        }
    }
}

/* method -> name '(' params ')' [':' 'base' '(' args ')'] '{' body '}' */
static hv_ast *
parse_method(hv_pstate *p, hv_ast *m, const char *cls)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    m->u.method.name = hv_parse_strdup(p, p->lx.src + t->ns, t->ne - t->ns);
    m->u.method.is_ctor = strcasecmp(m->u.method.name, cls) == 0;
    hv_parse_next(p);
    if (!expect(p, T_LPAREN, HV_LEX_EXPR, "MissingMethodParameterList",
                "Missing '(' in class method parameter list."))
        return m;
    hv_pvec params = {0};
    hv_parse_param_list(p, &params, T_RPAREN);
    m->u.method.params = hv_parse_list(p, &params);
    hv_parse_skip_newlines(p);
    if (!p->failed && hv_parse_peek(p, HV_LEX_EXPR)->kind == T_COLON) {
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        t = hv_parse_peek(p, HV_LEX_EXPR);
        if (!hv_parse_tok_is(p, t, "base") && !hv_parse_tok_is(p, t, "this")) {
            hv_parse_error_tok(p, t, "MissingBaseCtorCall",
                               "Missing 'base' after ':' in a base class constructor call.");
            return m;
        }
        hv_parse_next(p);
        hv_pvec args = {0};
        if (hv_parse_peek(p, HV_LEX_EXPR)->kind != T_LPAREN) {
            hv_parse_error_tok(p, hv_parse_peek(p, HV_LEX_EXPR), "MissingMethodParameterList",
                               "Missing '(' in class method parameter list.");
            return m;
        }
        hv_parse_call_args(p, &args);
        m->u.method.base_args = hv_parse_list(p, &args);
        hv_parse_skip_newlines(p);
    }
    if (!p->failed)
        m->u.method.body = braced_scriptblock(p, "MissingFunctionBody",
                                              "Missing function body in method declaration.");
    return m;
}

/* member -> modifiers ( '$name' ['=' expr] | method ) */
static hv_ast *
parse_class_member(hv_pstate *p, const char *cls)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_lex_pos start = t->start;
    hv_pvec attrs = {0};
    hv_ast_typename *type = NULL;
    bool st = false, hid = false;
    member_modifiers(p, &attrs, &type, &st, &hid);
    t = hv_parse_peek(p, HV_LEX_EXPR);
    if (p->failed) {
        hv_parse_list(p, &attrs);
        return NULL;
    }
    hv_ast *m;
    if (t->kind == T_VAR) {
        m = hv_parse_node(p, HV_AST_PROPERTY, start);
        m->u.prop.name = hv_parse_variable(p, t)->u.var.name;
        m->u.prop.type = type;
        m->u.prop.is_static = st;
        m->u.prop.is_hidden = hid;
        m->u.prop.attrs = hv_parse_list(p, &attrs);
        hv_parse_next(p);
        if (hv_parse_peek(p, HV_LEX_EXPR)->kind == T_ASSIGN) {
            hv_parse_next(p);
            hv_parse_skip_newlines(p);
            m->u.prop.init = hv_parse_expression(p, true);
        }
    } else if (t->kind == T_IDENT) {
        m = hv_parse_node(p, HV_AST_METHOD, start);
        m->u.method.ret = type;
        m->u.method.is_static = st;
        m->u.method.is_hidden = hid;
        m->u.method.attrs = hv_parse_list(p, &attrs);
        parse_method(p, m, cls);
    } else {
        hv_parse_list(p, &attrs);
        hv_parse_error_tok(p, t, "IncompleteMemberDefinition", "Missing a property name or method definition.");
        return NULL;
    }
    return hv_parse_finish(p, m);
}

/* enum member -> name ['=' expr] */
static hv_ast *
parse_enum_member(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind != T_IDENT) {
        hv_parse_error_tok(p, t, "MissingEnumeratorName", "Missing enumerator name.");
        return NULL;
    }
    hv_ast *m = hv_parse_node(p, HV_AST_PROPERTY, t->start);
    m->u.prop.name = hv_parse_strdup(p, p->lx.src + t->ns, t->ne - t->ns);
    hv_parse_next(p);
    if (hv_parse_peek(p, HV_LEX_EXPR)->kind == T_ASSIGN) {
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        m->u.prop.init = hv_parse_expression(p, false);
    }
    return hv_parse_finish(p, m);
}

/* base list -> ':' type (',' type)* */
static void
parse_bases(hv_pstate *p, hv_ast *n)
{
    hv_ast_typename *bases[32];
    uint32_t nb = 0;
    do {
        hv_parse_next(p); /* ':' or ',' */
        hv_parse_skip_newlines(p);
        hv_ast_typename *tn = hv_parse_typename_at(p);
        if (!tn || p->failed)
            return;
        if (nb < 32)
            bases[nb++] = tn;
        hv_parse_skip_newlines(p);
    } while (hv_parse_peek(p, HV_LEX_EXPR)->kind == T_COMMA);
    n->u.typedef_.bases = hv_ast_arena_alloc(p->arena, nb * sizeof *bases);
    memcpy(n->u.typedef_.bases, bases, nb * sizeof *bases);
    n->u.typedef_.nbases = nb;
}

/* class_def -> 'class' name [':' bases] '{' member* '}' ; enum_def likewise */
static hv_ast *
parse_typedef(hv_pstate *p, const hv_token *kw, bool is_enum, hv_ast_list attrs)
{
    hv_ast *n = hv_parse_node(p, is_enum ? HV_AST_ENUM : HV_AST_CLASS, kw->start);
    n->u.typedef_.attrs = attrs;
    if (attrs.n) { /* the definition starts at its first attribute */
        const hv_ast *a = attrs.items[0];
        n->ext.start = a->ext.start;
        n->ext.line = a->ext.line;
        n->ext.col = a->ext.col;
    }
    hv_parse_next(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind != T_IDENT) {
        hv_parse_error_tok(p, t, "MissingNameAfterKeyword", "Missing name after %s keyword.",
                           is_enum ? "enum" : "class");
        return n;
    }
    n->u.typedef_.name = hv_parse_strdup(p, p->lx.src + t->ns, t->ne - t->ns);
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    if (hv_parse_peek(p, HV_LEX_EXPR)->kind == T_COLON)
        parse_bases(p, n);
    hv_parse_skip_newlines(p);
    t = hv_parse_peek(p, HV_LEX_EXPR);
    if (p->failed)
        return n;
    if (t->kind != T_LBRACE) {
        hv_parse_error_tok(p, t, "MissingTypeBody", "Missing '%s' body in '%s' declaration.",
                           is_enum ? "enum" : "class", is_enum ? "enum" : "class");
        return n;
    }
    hv_lex_pos open = t->start, open_end = t->stop;
    hv_parse_next(p);
    hv_pvec members = {0};
    for (;;) {
        t = hv_parse_peek(p, HV_LEX_EXPR);
        while (t->kind == T_NEWLINE || t->kind == T_SEMI) {
            hv_parse_next(p);
            t = hv_parse_peek(p, HV_LEX_EXPR);
        }
        if (t->kind == T_RBRACE || t->kind == T_EOF || p->failed)
            break;
        hv_parse_push(&members, is_enum ? parse_enum_member(p)
                                        : parse_class_member(p, n->u.typedef_.name));
    }
    n->u.typedef_.members = hv_parse_list(p, &members);
    t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind == T_RBRACE)
        hv_parse_next(p);
    else
        hv_parse_err(p, open, open_end, hv_parse_tok_at_end(p, t), "MissingEndCurlyBrace",
                       "Missing closing '}' in statement block or type definition.");
    return hv_parse_finish(p, n);
}

/* Token-level lookahead over "[...] [...]" groups (and newlines) to the next word; true if
 * that word is one of `words`. Never builds nodes, so speculation stays linear: parsing the
 * attributes for real inside a failed guess would re-parse nested script blocks, each
 * guessing again (exponential on "{[a({[a({...") . The position is restored. */
static bool
skip_group(hv_pstate *p)
{
    int depth = 0;
    do {
        const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
        if (t->kind == T_EOF || t->kind == T_ERROR)
            return false;
        if (t->kind == T_LBRACKET || t->kind == T_LPAREN || t->kind == T_LBRACE ||
            t->kind == T_ATPAREN || t->kind == T_DOLPAREN || t->kind == T_ATBRACE ||
            t->kind == T_QBRACKET)
            depth++;
        else if (t->kind == T_RBRACKET || t->kind == T_RPAREN || t->kind == T_RBRACE)
            depth--;
        hv_parse_next(p);
    } while (depth > 0);
    return true;
}

static bool
brackets_then_word(hv_pstate *p, const char *const *words)
{
    hv_pmark m = hv_parse_mark(p);
    bool found = false, ok = true;
    for (;;) {
        const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
        if (t->kind == T_NEWLINE)
            hv_parse_next(p);
        else if (t->kind != T_LBRACKET || !(ok = skip_group(p)))
            break;
    }
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    for (size_t k = 0; ok && words[k] && !found; k++)
        found = hv_parse_tok_is(p, t, words[k]);
    hv_parse_reset(p, &m);
    return found;
}

/* Statement starting with '[': attributes before class/enum, else an expression. */
static hv_ast *
attributed_typedef(hv_pstate *p)
{
    static const char *const kws[] = {"class", "enum", NULL};
    if (!brackets_then_word(p, kws))
        return NULL;
    hv_pmark m = hv_parse_mark(p);
    hv_pvec attrs = {0};
    for (;;) {
        const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
        if (t->kind != T_LBRACKET || p->failed)
            break;
        hv_lex_pos s = t->start;
        hv_parse_next(p);
        hv_parse_push(&attrs, hv_parse_attribute_or_type(p, s));
        hv_parse_skip_newlines(p);
    }
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    bool cls = hv_parse_tok_is(p, t, "class"), en = hv_parse_tok_is(p, t, "enum");
    if (!p->failed && attrs.n && (cls || en)) {
        hv_ast_list l = hv_parse_list(p, &attrs);
        return parse_typedef(p, t, en, l);
    }
    free(attrs.v);
    hv_parse_reset(p, &m);
    return NULL;
}

/* ================= statements ================= */

typedef enum {
    KW_NONE, KW_IF, KW_SWITCH, KW_FOREACH, KW_FOR, KW_WHILE, KW_DO, KW_FUNCTION, KW_FILTER,
    KW_WORKFLOW, KW_RETURN, KW_EXIT, KW_THROW, KW_BREAK, KW_CONTINUE, KW_TRAP, KW_TRY,
    KW_DATA, KW_CLASS, KW_ENUM, KW_USING, KW_STRAY
} kwid;

static const struct {
    const char *word;
    kwid id;
} keywords[] = {
    {"if", KW_IF}, {"switch", KW_SWITCH}, {"foreach", KW_FOREACH}, {"for", KW_FOR},
    {"while", KW_WHILE}, {"do", KW_DO}, {"function", KW_FUNCTION}, {"filter", KW_FILTER},
    {"workflow", KW_WORKFLOW}, {"return", KW_RETURN}, {"exit", KW_EXIT}, {"throw", KW_THROW},
    {"break", KW_BREAK}, {"continue", KW_CONTINUE}, {"trap", KW_TRAP}, {"try", KW_TRY},
    {"data", KW_DATA}, {"class", KW_CLASS}, {"enum", KW_ENUM}, {"using", KW_USING},
    {"else", KW_STRAY}, {"elseif", KW_STRAY}, {"catch", KW_STRAY}, {"finally", KW_STRAY},
    {"until", KW_STRAY},
};

static kwid
keyword_of(const hv_pstate *p, const hv_token *t)
{
    if (t->kind != T_GENERIC || t->expandable)
        return KW_NONE;
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++)
        if (hv_parse_tok_is(p, t, keywords[k].word))
            return keywords[k].id;
    return KW_NONE;
}

static hv_ast *
keyword_statement(hv_pstate *p, const hv_token *t, kwid kw, const char *label)
{
    switch (kw) {
    case KW_IF: return parse_if(p, t);
    case KW_SWITCH: return parse_switch(p, t, label);
    case KW_FOREACH: return parse_foreach(p, t, label);
    case KW_FOR: return parse_for(p, t, label);
    case KW_WHILE: return parse_while(p, t, label);
    case KW_DO: return parse_do(p, t, label);
    case KW_FUNCTION: return parse_function(p, t, HV_FUNC_FUNCTION);
    case KW_FILTER: return parse_function(p, t, HV_FUNC_FILTER);
    case KW_WORKFLOW: return parse_function(p, t, HV_FUNC_WORKFLOW);
    case KW_RETURN: return parse_jump(p, t, HV_AST_RETURN);
    case KW_EXIT: return parse_jump(p, t, HV_AST_EXIT);
    case KW_THROW: return parse_jump(p, t, HV_AST_THROW);
    case KW_BREAK: return parse_jump(p, t, HV_AST_BREAK);
    case KW_CONTINUE: return parse_jump(p, t, HV_AST_CONTINUE);
    case KW_TRAP: return parse_trap(p, t);
    case KW_TRY: return parse_try(p, t);
    case KW_DATA: return parse_data(p, t);
    case KW_CLASS: return parse_typedef(p, t, false, (hv_ast_list){NULL, 0});
    case KW_ENUM: return parse_typedef(p, t, true, (hv_ast_list){NULL, 0});
    case KW_USING: return parse_using(p, t);
    case KW_STRAY: hv_parse_unexpected(p, t); return NULL;
    case KW_NONE: break;
    }
    return NULL;
}

/* Loops that accept a :label. */
static bool
is_loop_kw(kwid k)
{
    return k == KW_FOREACH || k == KW_FOR || k == KW_WHILE || k == KW_DO || k == KW_SWITCH;
}

/* statement -> [label] keyword-statement | '[attrs]' class/enum | pipeline-statement */
hv_ast *
hv_parse_statement(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    if (!hv_parse_enter(p, t))
        return NULL;
    hv_ast *r = NULL;
    const char *label = NULL;
    if (t->kind == T_LABEL) {
        label = hv_parse_strdup(p, p->lx.src + t->ns, t->ne - t->ns);
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        t = hv_parse_peek(p, HV_LEX_CMD);
    }
    kwid kw = keyword_of(p, t);
    if (kw != KW_NONE && (!label || is_loop_kw(kw))) {
        r = keyword_statement(p, t, kw, label);
    } else if (t->kind == T_GENERIC && !t->expandable && p->lx.src[t->start.pos] == '[') {
        r = attributed_typedef(p);
        if (!r && !p->failed)
            r = hv_parse_pipeline_stmt(p);
    } else {
        r = hv_parse_pipeline_stmt(p);
    }
    hv_parse_leave(p);
    return r;
}

/* Compound statements end with their closing '}' (or a do-loop's ')'). */
static bool
ends_with_block(const hv_ast *st)
{
    switch (st->kind) {
    case HV_AST_IF: case HV_AST_SWITCH: case HV_AST_FOREACH: case HV_AST_FOR: case HV_AST_WHILE:
    case HV_AST_DOWHILE: case HV_AST_DOUNTIL: case HV_AST_TRAP: case HV_AST_TRY:
    case HV_AST_FUNCTIONDEF: case HV_AST_DATA: case HV_AST_CLASS: case HV_AST_ENUM:
        return true;
    default:
        return false;
    }
}

/* statement_list -> (separator* statement)* until `closer` */
void
hv_parse_stmt_list(hv_pstate *p, hv_pvec *out, hv_tok_kind closer)
{
    for (;;) {
        const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
        if (p->failed)
            return;
        if (t->kind == T_NEWLINE || t->kind == T_SEMI) {
            hv_parse_next(p);
            continue;
        }
        if (t->kind == closer || t->kind == T_EOF)
            return;
        if (t->kind == T_RPAREN || t->kind == T_RBRACE) {
            hv_parse_unexpected(p, t);
            return;
        }
        hv_ast *st = hv_parse_statement(p);
        hv_parse_push(out, st);
        /* As in PowerShell's StatementListRule, only a pipeline (or flow-control) statement
         * needs a terminator: `if (1) { 'a' } 'b'` and `function f {} f` are two statements. */
        if (st && ends_with_block(st))
            continue;
        t = hv_parse_peek(p, HV_LEX_CMD);
        if (!p->failed && t->kind != T_NEWLINE && t->kind != T_SEMI && t->kind != closer &&
            t->kind != T_EOF)
            hv_parse_unexpected(p, t);
    }
}

/* ================= script blocks ================= */

static const struct {
    const char *word;
    hv_ast_blockkind kind;
} block_names[] = {
    {"begin", HV_BLOCK_BEGIN}, {"process", HV_BLOCK_PROCESS}, {"end", HV_BLOCK_END},
    {"clean", HV_BLOCK_CLEAN}, {"dynamicparam", HV_BLOCK_DYNAMICPARAM},
};

/* Is the next token a named-block keyword followed by '{'? */
static int
named_block_kind(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    for (size_t k = 0; k < sizeof block_names / sizeof block_names[0]; k++) {
        if (!hv_parse_tok_is(p, t, block_names[k].word))
            continue;
        hv_pmark m = hv_parse_mark(p);
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        bool brace = hv_parse_peek(p, HV_LEX_CMD)->kind == T_LBRACE;
        hv_parse_reset(p, &m);
        return brace ? (int)block_names[k].kind : -1;
    }
    return -1;
}

static hv_ast **
block_slot(hv_ast *sb, int kind)
{
    switch (kind) {
    case HV_BLOCK_BEGIN: return &sb->u.sb.begin;
    case HV_BLOCK_PROCESS: return &sb->u.sb.process;
    case HV_BLOCK_END: return &sb->u.sb.end;
    case HV_BLOCK_CLEAN: return &sb->u.sb.clean;
    default: return &sb->u.sb.dynamicparam;
    }
}

/* named_blocks -> (('begin'|'process'|'end'|'clean'|'dynamicparam') block)* */
static void
parse_named_blocks(hv_pstate *p, hv_ast *sb, hv_tok_kind closer)
{
    for (;;) {
        const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
        while (t->kind == T_NEWLINE || t->kind == T_SEMI) {
            hv_parse_next(p);
            t = hv_parse_peek(p, HV_LEX_CMD);
        }
        if (t->kind == closer || t->kind == T_EOF || p->failed)
            return;
        int kind = named_block_kind(p);
        if (kind < 0) {
            hv_parse_error_tok(p, t, "MissingNamedBlocks",
                               "unexpected token '%.*s', expected 'begin', 'process', 'end', or 'dynamicparam'.",
                               (int)(t->stop.pos - t->start.pos > 100 ? 100 : t->stop.pos - t->start.pos),
                               p->lx.src + t->start.pos);
            return;
        }
        hv_ast *nb = hv_parse_node(p, HV_AST_NAMEDBLOCK, t->start);
        nb->u.named.block = (hv_ast_blockkind)kind;
        hv_parse_next(p);
        hv_ast *body = hv_parse_stmt_block(p, "MissingNamedStatementBlock", "Missing statement block after named block.");
        if (body)
            nb->u.named.stmts = body->u.block.stmts;
        *block_slot(sb, kind) = hv_parse_finish(p, nb);
    }
}

/* param_block -> attribute* 'param' '(' parameter (',' parameter)* ')' */
static hv_ast *
try_param_block(hv_pstate *p)
{
    static const char *const kws[] = {"param", NULL};
    if (!brackets_then_word(p, kws))
        return NULL;
    hv_pmark m = hv_parse_mark(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_lex_pos start = t->start;
    hv_pvec attrs = {0};
    while (t->kind == T_LBRACKET && !p->failed) {
        hv_lex_pos s = t->start;
        hv_parse_next(p);
        hv_parse_push(&attrs, hv_parse_attribute_or_type(p, s));
        hv_parse_skip_newlines(p);
        t = hv_parse_peek(p, HV_LEX_EXPR);
    }
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (p->failed || !hv_parse_tok_is(p, t, "param")) {
        free(attrs.v);
        hv_parse_reset(p, &m);
        return NULL;
    }
    hv_pmark m2 = hv_parse_mark(p);
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    if (hv_parse_peek(p, HV_LEX_EXPR)->kind != T_LPAREN) {
        hv_parse_reset(p, attrs.n ? &m2 : &m);
        free(attrs.v);
        if (attrs.n) /* attributes must be followed by param( */
            hv_parse_error_tok(p, hv_parse_peek(p, HV_LEX_CMD), "UnexpectedAttribute",
                               "Unexpected attribute before 'param'.");
        return NULL;
    }
    hv_parse_next(p);
    hv_ast *pb = hv_parse_node(p, HV_AST_PARAMBLOCK, start);
    pb->u.paramblock.attrs = hv_parse_list(p, &attrs);
    hv_pvec params = {0};
    hv_parse_param_list(p, &params, T_RPAREN);
    pb->u.paramblock.params = hv_parse_list(p, &params);
    return hv_parse_finish(p, pb);
}

/* scriptblock_body -> [param_block] (named_blocks | statement_list), up to `closer` */
hv_ast *
hv_parse_scriptblock_body(hv_pstate *p, hv_lex_pos start, hv_tok_kind closer)
{
    hv_ast *sb = hv_parse_node(p, HV_AST_SCRIPTBLOCK, start);
    sb->u.sb.unit = p->unit;
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    while (t->kind == T_NEWLINE || t->kind == T_SEMI) {
        hv_parse_next(p);
        t = hv_parse_peek(p, HV_LEX_CMD);
    }
    hv_pvec usings = {0};
    while (closer == T_EOF && hv_parse_tok_is(p, t, "using") && !p->failed) {
        hv_parse_push(&usings, parse_using(p, t));
        hv_parse_skip_newlines(p);
        t = hv_parse_peek(p, HV_LEX_CMD);
    }
    sb->u.sb.usings = hv_parse_list(p, &usings);
    if (!p->failed)
        sb->u.sb.param = try_param_block(p);
    if (p->failed)
        return sb;
    hv_parse_skip_newlines(p);
    if (named_block_kind(p) >= 0) {
        parse_named_blocks(p, sb, closer);
    } else {
        t = hv_parse_peek(p, HV_LEX_CMD);
        hv_ast *nb = hv_parse_node(p, HV_AST_NAMEDBLOCK, t->start);
        nb->u.named.block = HV_BLOCK_END;
        nb->u.named.unnamed = true;
        hv_pvec stmts = {0};
        hv_parse_stmt_list(p, &stmts, closer);
        nb->u.named.stmts = hv_parse_list(p, &stmts);
        sb->u.sb.end = hv_parse_finish(p, nb);
    }
    return hv_parse_finish(p, sb);
}
