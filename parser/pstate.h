/* pstate.h — private to parser/: the parser state shared by parse*.c. Not an API. */
#ifndef HV_PARSER_PSTATE_H
#define HV_PARSER_PSTATE_H

#include "lex.h"

/* A growable temporary array of nodes; copied into the arena by hv_parse_list(). */
typedef struct {
    hv_ast **v;
    uint32_t n, cap;
} hv_pvec;

/* One peeked token per lexer mode: statement starts look at the same text in both modes,
 * and a token pointer taken in one mode stays valid while the other mode is peeked. */
typedef struct {
    hv_token tok[2];
    uint32_t at[2];   /* lexer position each token was scanned from */
    bool have[2];
    uint8_t last;     /* mode of the most recent peek: what hv_parse_next consumes */
} hv_tokcache;

typedef struct {
    hv_ast_unit *unit;
    hv_arena *arena;
    hv_lexer lx;
    hv_tokcache tc;
    hv_lex_pos last_end; /* end of the last consumed token */
    bool failed;         /* first error recorded: everything unwinds */
    int depth;
    hv_parse_error *errs;
    uint32_t nerrs, caperrs;
    hv_lex_pos pos_cache; /* last hv_parse_pos_at result: string parts ask in order */
} hv_pstate;

/* Saved position for speculative parsing. */
typedef struct {
    hv_lexer lx;
    hv_lex_pos last_end;
    uint32_t nerrs;
    bool failed;
    hv_tokcache tc; /* the token cache too, so token pointers taken before the mark stay valid */
} hv_pmark;

/* Budget of hv_parse_enter calls: nesting costs ~3 per level, and each operator of a chain
 * (a + b + ...) or postfix (a.b.c) costs 1, since both deepen the tree. */
#define HV_DEPTH_LIMIT (HV_PARSE_MAX_DEPTH * 5)

/* ---- core (parse.c) ---- */
const hv_token *hv_parse_peek(hv_pstate *p, hv_lex_mode mode);
void hv_parse_next(hv_pstate *p);
/* Forget peeked tokens (after moving p->lx.cur by hand). */
void hv_parse_invalidate(hv_pstate *p);
void hv_parse_skip_newlines(hv_pstate *p);
hv_pmark hv_parse_mark(const hv_pstate *p);
void hv_parse_reset(hv_pstate *p, const hv_pmark *m);
void hv_parse_err(hv_pstate *p, hv_lex_pos at, hv_lex_pos end, bool incomplete,
                    const char *id, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Error at a token; incomplete when the token is the end of the whole input. */
void hv_parse_error_tok(hv_pstate *p, const hv_token *t, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void hv_parse_unexpected(hv_pstate *p, const hv_token *t);
/* Is t the end of the whole input (so an error there means "incomplete")? */
bool hv_parse_tok_at_end(const hv_pstate *p, const hv_token *t);
bool hv_parse_enter(hv_pstate *p, const hv_token *t);
void hv_parse_leave(hv_pstate *p);
hv_ast *hv_parse_node(hv_pstate *p, hv_ast_kind kind, hv_lex_pos start);
hv_ast *hv_parse_finish(hv_pstate *p, hv_ast *n);
void hv_parse_push(hv_pvec *v, hv_ast *n);
hv_ast_list hv_parse_list(hv_pstate *p, hv_pvec *v);
char *hv_parse_strdup(hv_pstate *p, const char *s, size_t n);
/* Token text (raw source) */
const char *hv_parse_tok_text(const hv_pstate *p, const hv_token *t, size_t *len);
bool hv_parse_tok_is(const hv_pstate *p, const hv_token *t, const char *word);
hv_lex_pos hv_parse_pos_at(hv_pstate *p, uint32_t off);
bool hv_parse_is_stmt_end(const hv_token *t);

/* ---- statements (parse.c) ---- */
hv_ast *hv_parse_statement(hv_pstate *p);
hv_ast *hv_parse_pipeline_stmt(hv_pstate *p); /* pipeline, assignment or chain */
/* { statements }; id/msg: the error when the block is missing (pwsh's words) */
hv_ast *hv_parse_stmt_block(hv_pstate *p, const char *id, const char *msg);
void hv_parse_stmt_list(hv_pstate *p, hv_pvec *out, hv_tok_kind closer);
hv_ast *hv_parse_scriptblock_body(hv_pstate *p, hv_lex_pos start, hv_tok_kind closer);

/* ---- expressions (parse_expr.c) ---- */
hv_ast *hv_parse_expression(hv_pstate *p, bool comma);
hv_ast *hv_parse_unary(hv_pstate *p);
hv_ast *hv_parse_postfix(hv_pstate *p, hv_ast *target);
hv_ast *hv_parse_scriptblock_expr(hv_pstate *p);
hv_ast *hv_parse_hashtable(hv_pstate *p);
hv_ast *hv_parse_paren(hv_pstate *p);
hv_ast *hv_parse_subexpr(hv_pstate *p, hv_ast_kind kind);
hv_ast *hv_parse_number(hv_pstate *p, const hv_token *t);
hv_ast *hv_parse_variable(hv_pstate *p, const hv_token *t);
hv_ast_typename *hv_parse_typename_at(hv_pstate *p); /* after '[' ; lexer at name */
/* After '[': attribute (with parens) or type constraint; consumes through ']'. */
hv_ast *hv_parse_attribute_or_type(hv_pstate *p, hv_lex_pos start);
hv_ast *hv_parse_parameter(hv_pstate *p);
/* '(' args ')' of a method call; lexer at '('. */
void hv_parse_call_args(hv_pstate *p, hv_pvec *out);
void hv_parse_param_list(hv_pstate *p, hv_pvec *out, hv_tok_kind closer);

/* ---- commands and strings (parse_cmd.c) ---- */
hv_ast *hv_parse_command(hv_pstate *p);
hv_ast *hv_parse_cmd_arg(hv_pstate *p); /* one argument element (with a,b lists) */
hv_ast *hv_parse_cmd_primary(hv_pstate *p);
hv_ast *hv_parse_string(hv_pstate *p, const hv_token *t); /* STRING / EXPANDABLE */
hv_ast *hv_parse_bareword(hv_pstate *p, const hv_token *t);
hv_ast *hv_parse_redirection(hv_pstate *p);

#endif
