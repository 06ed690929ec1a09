/* lex.h — private to parser/: arena, tokens, lexer and parser state. Not an API. */
#ifndef HV_PARSER_LEX_H
#define HV_PARSER_LEX_H

#include "parser.h"

/* ---- arena (one per unit) ---- */
hv_arena *hv_ast_arena_new(void);
void hv_ast_arena_free(hv_arena *a);
void *hv_ast_arena_alloc(hv_arena *a, size_t n);           /* zeroed, 8-aligned */
char *hv_ast_arena_strndup(hv_arena *a, const char *s, size_t n);

/* ---- tokens ---- */
typedef enum {
    HV_LEX_EXPR, /* expression mode: operators, numbers, names */
    HV_LEX_CMD   /* argument mode: bare words, -Params, numbers only when whole */
} hv_lex_mode;

typedef enum {
    T_EOF = 0, T_NEWLINE, T_SEMI,
    T_LPAREN, T_RPAREN, T_LBRACE, T_RBRACE, T_LBRACKET, T_RBRACKET,
    T_ATPAREN, T_DOLPAREN, T_ATBRACE,
    T_COMMA, T_DOT, T_DOTDOT, T_COLONCOLON, T_COLON,
    T_PIPE, T_AMP, T_ANDAND, T_OROR,
    T_OP,        /* operator: op/cs set (binary or unary), includes ! ++ -- -not */
    T_ASSIGN,    /* = += -= *= /= %= ??= : op set */
    T_QUESTION, T_QDOT, T_QBRACKET,
    T_PARAM,     /* command mode -Name / -Name: ; name = [ns,ne) */
    T_NUMBER,
    T_STRING,    /* '..' or @'..'@ or ".." without $ / backtick-$; raw = [ns,ne) */
    T_XSTRING,   /* ".." or @".."@ (may expand) ; raw = [ns,ne) */
    T_VAR,       /* $name ${name} ; name = [ns,ne) */
    T_SPLAT,     /* @name */
    T_GENERIC,   /* command-mode bare word [start,end) (cooked later) */
    T_IDENT,     /* expression-mode name [start,end) */
    T_LABEL,     /* :name ; name = [ns,ne) */
    T_REDIR,     /* > >> 2> 2>&1 *> ... */
    T_STOPPARSE, /* --% ; rest of line = [ns,ne) */
    T_ERROR      /* lexical error: msg/id set */
} hv_tok_kind;

typedef struct {
    uint32_t pos, line, col;
} hv_lex_pos;

typedef struct {
    uint8_t kind;       /* hv_tok_kind */
    uint8_t op;         /* hv_ast_op for T_OP / T_ASSIGN */
    bool cs;            /* case-sensitive operator variant (-ceq) */
    bool ws_before;     /* whitespace/comment/newline directly before the token */
    bool braced;        /* T_VAR: ${...}; T_PARAM: ends with ':' */
    bool expandable;    /* T_GENERIC: contains $ to expand; T_STRING kind info below */
    bool incomplete;    /* T_ERROR: caused by end of input */
    uint8_t strkind;    /* hv_ast_strkind for T_STRING/T_XSTRING */
    uint8_t rfrom, rto; /* T_REDIR streams */
    bool rappend, rmerge;
    hv_lex_pos start;   /* first byte of the token */
    hv_lex_pos stop;    /* just after the token (lexer resumes here) */
    uint32_t ns, ne;    /* payload range (name, string body, ...) */
    /* T_NUMBER */
    uint8_t nkind;      /* hv_ast_numkind */
    union {
        int64_t i;
        uint64_t u;
        double d;
    } nv;
    const char *msg, *id; /* T_ERROR */
} hv_token;

typedef struct {
    const char *src;
    uint32_t limit;     /* lexing stops here (sub-lexers for "$(..)" use a smaller one) */
    hv_lex_pos cur;
} hv_lexer;

void hv_lex_init(hv_lexer *lx, const char *src, uint32_t limit, hv_lex_pos at);
/* Scan one token at the current position in `mode`. Does not move the lexer: the caller
 * sets lx->cur = t->stop to consume it. Never allocates. */
void hv_lex_scan(const hv_lexer *lx, hv_lex_mode mode, hv_token *t);
/* Decode one code point at s[i] (limit n); *w = bytes used (>= 1). Invalid -> the byte. */
uint32_t hv_lex_cp(const char *s, uint32_t i, uint32_t n, uint32_t *w);
bool hv_lex_is_dash(uint32_t cp);
bool hv_lex_is_squote(uint32_t cp);
bool hv_lex_is_dquote(uint32_t cp);
/* Skip a "..." (opening quote at i) / $( ... ) (i at '$'); return the index after it, or
 * limit if unterminated. Used to find the end of strings with nested subexpressions. */
uint32_t hv_lex_skip_dq(const char *s, uint32_t i, uint32_t limit);
uint32_t hv_lex_skip_subexpr(const char *s, uint32_t i, uint32_t limit);
/* Variable-name characters ([A-Za-z0-9_?] and non-ASCII letters). */
bool hv_lex_is_varchar(uint32_t cp);
/* Advance a position over bytes [p.pos, to) counting lines and columns. */
hv_lex_pos hv_lex_advance(const char *s, hv_lex_pos p, uint32_t to);

#endif
