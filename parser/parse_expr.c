/* parse_expr.c — expressions: precedence climbing over pwsh's operator table, unary
 * operators and casts, postfix member/index/invoke, primaries, type names, attributes,
 * parameters. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pstate.h"

#define MAX_CHAIN 2000 /* operators in one chain / postfix ops in a row */

/* ---- precedence (pwsh TokenFlags.BinaryPrecedence*) ---- */

static int
binop_prec(const hv_token *t)
{
    if (t->kind == T_DOTDOT)
        return 13;
    if (t->kind != T_OP)
        return 0;
    switch ((hv_ast_op)t->op) {
    case HV_OP_AND: case HV_OP_OR: case HV_OP_XOR:
        return 1;
    case HV_OP_BAND: case HV_OP_BOR: case HV_OP_BXOR:
        return 2;
    case HV_OP_EQ: case HV_OP_NE: case HV_OP_GT: case HV_OP_GE: case HV_OP_LT: case HV_OP_LE:
    case HV_OP_LIKE: case HV_OP_NOTLIKE: case HV_OP_MATCH: case HV_OP_NOTMATCH:
    case HV_OP_REPLACE: case HV_OP_CONTAINS: case HV_OP_NOTCONTAINS: case HV_OP_IN:
    case HV_OP_NOTIN: case HV_OP_SPLIT: case HV_OP_JOIN: case HV_OP_IS: case HV_OP_ISNOT:
    case HV_OP_AS: case HV_OP_SHL: case HV_OP_SHR:
        return 5;
    case HV_OP_COALESCE:
        return 7;
    case HV_OP_ADD: case HV_OP_SUB:
        return 9;
    case HV_OP_MUL: case HV_OP_DIV: case HV_OP_MOD:
        return 10;
    case HV_OP_FORMAT:
        return 12;
    default:
        return 0;
    }
}

static const char *
op_text(hv_pstate *p, const hv_token *t)
{
    size_t n;
    const char *s = hv_parse_tok_text(p, t, &n);
    char buf[32];
    size_t k = 0, i = 0;
    while (i < n && k < sizeof buf - 1) {
        uint32_t w, c = hv_lex_cp(s, (uint32_t)i, (uint32_t)n, &w);
        buf[k++] = hv_lex_is_dash(c) ? '-' : s[i];
        if (hv_lex_is_dash(c))
            i += w;
        else
            i++;
    }
    return hv_parse_strdup(p, buf, k);
}

static void
missing_operand(hv_pstate *p, const char *op)
{
    hv_parse_error_tok(p, hv_parse_peek(p, HV_LEX_EXPR), "ExpectedValueExpression",
                       "You must provide a value expression following the '%s' operator.", op);
}

/* ---- binary / ternary ---- */

static hv_ast *array_literal(hv_pstate *p, bool comma);

/* binary(prec) -> array_literal (op[>=prec] binary(op+1))* */
static hv_ast *
binary(hv_pstate *p, int min_prec, bool comma)
{
    hv_ast *left = array_literal(p, comma);
    int count = 0;
    while (left && !p->failed) {
        const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
        int prec = binop_prec(t);
        if (prec == 0 || prec < min_prec)
            break;
        if (++count > MAX_CHAIN || !hv_parse_enter(p, t)) {
            if (!p->failed)
                hv_parse_error_tok(p, t, "ScriptTooComplex", "The expression is too complex.");
            count--;
            break;
        }
        hv_ast *n = hv_parse_node(p, HV_AST_BINARY, (hv_lex_pos){left->ext.start, left->ext.line, left->ext.col});
        n->u.bin.op = t->kind == T_DOTDOT ? HV_OP_RANGE : (hv_ast_op)t->op;
        n->u.bin.case_sensitive = t->cs;
        n->u.bin.op_text = op_text(p, t);
        n->u.bin.op_ext = (hv_extent){t->start.pos, t->stop.pos, t->start.line, t->start.col,
                                      t->stop.line, t->stop.col};
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        hv_ast *right = binary(p, prec + 1, comma);
        if (!right) {
            missing_operand(p, n->u.bin.op_text);
            break;
        }
        n->u.bin.left = left;
        n->u.bin.right = right;
        left = hv_parse_finish(p, n);
    }
    p->depth -= count; /* the chain's budget is released with it */
    return left;
}

/* ternary -> binary ['?' ternary ':' ternary] */
static hv_ast *
ternary(hv_pstate *p, bool comma)
{
    hv_ast *cond = binary(p, 1, comma);
    if (!cond || p->failed || hv_parse_peek(p, HV_LEX_EXPR)->kind != T_QUESTION)
        return cond;
    hv_ast *n = hv_parse_node(p, HV_AST_TERNARY, (hv_lex_pos){cond->ext.start, cond->ext.line, cond->ext.col});
    n->u.tern.cond = cond;
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    n->u.tern.yes = ternary(p, comma);
    if (!n->u.tern.yes) {
        missing_operand(p, "?");
        return n;
    }
    hv_parse_skip_newlines(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind != T_COLON) {
        hv_parse_error_tok(p, t, "MissingColonInTernaryExpression",
                           "Missing ':' in the ternary expression.");
        return n;
    }
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    n->u.tern.no = ternary(p, comma);
    if (!n->u.tern.no)
        missing_operand(p, ":");
    return hv_parse_finish(p, n);
}

hv_ast *
hv_parse_expression(hv_pstate *p, bool comma)
{
    if (p->failed)
        return NULL;
    return ternary(p, comma);
}

/* array_literal -> unary (',' newline* unary)* */
static hv_ast *
array_literal(hv_pstate *p, bool comma)
{
    hv_ast *first = hv_parse_unary(p);
    if (!first || !comma || p->failed || hv_parse_peek(p, HV_LEX_EXPR)->kind != T_COMMA)
        return first;
    hv_ast *n = hv_parse_node(p, HV_AST_ARRAYLITERAL, (hv_lex_pos){first->ext.start, first->ext.line, first->ext.col});
    hv_pvec items = {0};
    hv_parse_push(&items, first);
    while (!p->failed && hv_parse_peek(p, HV_LEX_EXPR)->kind == T_COMMA) {
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        hv_ast *it = hv_parse_unary(p);
        if (!it) {
            hv_parse_error_tok(p, hv_parse_peek(p, HV_LEX_EXPR), "MissingExpressionAfterToken",
                               "Missing expression after ','.");
            break;
        }
        hv_parse_push(&items, it);
    }
    n->u.list.items = hv_parse_list(p, &items);
    return hv_parse_finish(p, n);
}

/* ---- unary ---- */

static hv_ast_op
unary_op(const hv_token *t)
{
    if (t->kind == T_COMMA)
        return HV_OP_UCOMMA;
    if (t->kind != T_OP)
        return HV_OP_NONE;
    switch ((hv_ast_op)t->op) {
    case HV_OP_NOT: return HV_OP_NOT;
    case HV_OP_BNOT: return HV_OP_BNOT;
    case HV_OP_SUB: return HV_OP_NEGATE;
    case HV_OP_ADD: return HV_OP_PLUS;
    case HV_OP_PREINC: return HV_OP_PREINC;
    case HV_OP_PREDEC: return HV_OP_PREDEC;
    case HV_OP_SPLIT: return HV_OP_USPLIT;
    case HV_OP_JOIN: return HV_OP_UJOIN;
    default: return HV_OP_NONE;
    }
}

/* -5 written as one token: fold into the constant, as pwsh's tokenizer does. */
static hv_ast *
fold_negative(hv_pstate *p, hv_ast *n, hv_ast *operand, bool adjacent)
{
    if (!adjacent || operand->kind != HV_AST_CONSTANT)
        return n;
    hv_ast_numkind k = operand->u.num.nkind;
    if (k == HV_AST_N_UINT64 || k == HV_AST_N_UINT32 || k == HV_AST_N_BYTE || k == HV_AST_N_UINT16)
        return n;
    if (k >= HV_AST_N_DOUBLE)
        operand->u.num.v.d = -operand->u.num.v.d;
    else if (operand->u.num.v.i == INT64_MIN)
        return n;
    else
        operand->u.num.v.i = -operand->u.num.v.i;
    if (k == HV_AST_N_INT64 && operand->u.num.v.i == INT32_MIN)
        operand->u.num.nkind = HV_AST_N_INT32;
    size_t len = strlen(operand->u.num.text);
    char *t = hv_ast_arena_alloc(p->arena, len + 2);
    t[0] = '-';
    memcpy(t + 1, operand->u.num.text, len + 1);
    operand->u.num.text = t;
    operand->ext.start = n->ext.start;
    operand->ext.line = n->ext.line;
    operand->ext.col = n->ext.col;
    return operand;
}

static hv_ast *
parse_prefix_op(hv_pstate *p, const hv_token *t, hv_ast_op op)
{
    hv_ast *n = hv_parse_node(p, HV_AST_UNARY, t->start);
    n->u.un.op = op;
    n->u.un.case_sensitive = t->cs;
    const char *text = op_text(p, t);
    uint32_t stop = t->stop.pos;
    hv_parse_next(p);
    const hv_token *nt = hv_parse_peek(p, HV_LEX_EXPR);
    bool adjacent = nt->start.pos == stop;
    hv_ast *operand = hv_parse_unary(p);
    if (!operand) {
        if (!p->failed)
            hv_parse_error_tok(p, hv_parse_peek(p, HV_LEX_EXPR), "MissingExpressionAfterOperator",
                               "Missing expression after unary operator '%s'.", text);
        return NULL;
    }
    n->u.un.operand = operand;
    hv_parse_finish(p, n);
    return op == HV_OP_NEGATE ? fold_negative(p, n, operand, adjacent) : n;
}

/* Can token t start an operand (for deciding [type] x = cast)? */
static bool
starts_operand(const hv_pstate *p, const hv_token *t)
{
    switch (t->kind) {
    case T_VAR: case T_SPLAT: case T_NUMBER: case T_STRING: case T_XSTRING: case T_LPAREN:
    case T_ATPAREN: case T_DOLPAREN: case T_ATBRACE: case T_LBRACE: case T_LBRACKET:
        return true;
    case T_OP:
        switch ((hv_ast_op)t->op) {
        case HV_OP_NOT: case HV_OP_BNOT: case HV_OP_PREINC: case HV_OP_PREDEC:
            return true;
        case HV_OP_SUB: case HV_OP_ADD: {
            /* [int] -5 is a cast; [int] - 5 a subtraction */
            char c = t->stop.pos < p->lx.limit ? p->lx.src[t->stop.pos] : ' ';
            return c != ' ' && c != '\t' && c != '\n' && c != '\r';
        }
        default:
            return false;
        }
    default:
        return false;
    }
}

/* After '[' type ']': a cast, a type literal, or [ordered] applied to a hashtable. */
static hv_ast *
type_or_cast(hv_pstate *p, hv_ast *tc)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_lex_pos start = {tc->ext.start, tc->ext.line, tc->ext.col};
    hv_ast_typename *tn = tc->u.type.type;
    if (strcasecmp(tn->full, "ordered") == 0) {
        /* [ordered] is not a type: it marks a hash literal */
        hv_ast *h = t->kind == T_ATBRACE ? hv_parse_unary(p) : NULL;
        if (h && h->kind == HV_AST_HASHTABLE) {
            h->u.hash.ordered = true;
            h->ext.start = start.pos;
            h->ext.line = start.line;
            h->ext.col = start.col;
            return h;
        }
        if (!p->failed)
            hv_parse_err(p, start, (hv_lex_pos){tc->ext.end, tc->ext.end_line, tc->ext.end_col},
                         hv_parse_tok_at_end(p, t), "OrderedAttributeOnlyOnHashLiteralNode",
                         "The ordered attribute can be specified only on a hash literal node.");
        return NULL;
    }
    if (starts_operand(p, t)) {
        hv_ast *n = hv_parse_node(p, HV_AST_CONVERT, start);
        n->u.conv.type = tn;
        n->u.conv.operand = hv_parse_unary(p);
        return n->u.conv.operand ? hv_parse_finish(p, n) : NULL;
    }
    hv_ast *n = hv_parse_node(p, HV_AST_TYPE, start);
    n->u.type.type = tn;
    hv_parse_finish(p, n);
    return hv_parse_postfix(p, n);
}

/* '[' in expression position: a cast/type literal, or an attribute on an expression. */
static hv_ast *
bracket_unary(hv_pstate *p, const hv_token *t)
{
    hv_lex_pos start = t->start;
    hv_parse_next(p);
    hv_ast *a = hv_parse_attribute_or_type(p, start);
    if (!a)
        return NULL;
    if (a->kind == HV_AST_TYPECONSTRAINT)
        return type_or_cast(p, a);
    hv_ast *n = hv_parse_node(p, HV_AST_ATTRIBUTED, start);
    n->u.attributed.attr = a;
    hv_parse_skip_newlines(p);
    n->u.attributed.operand = hv_parse_unary(p);
    if (!n->u.attributed.operand) {
        if (!p->failed)
            hv_parse_err(p, start, p->last_end,
                         hv_parse_tok_at_end(p, hv_parse_peek(p, HV_LEX_EXPR)),
                         "UnexpectedAttribute", "Unexpected attribute '%s'.", a->u.attr.type->full);
        return NULL;
    }
    return hv_parse_finish(p, n);
}

static hv_ast *parse_primary(hv_pstate *p);

/* unary -> ('-not'|'!'|'-bnot'|'-'|'+'|'++'|'--'|'-split'|'-join'|',') unary
 *        | '[' type ']' unary | postfix */
hv_ast *
hv_parse_unary(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    if (!hv_parse_enter(p, t))
        return NULL;
    hv_ast *r;
    hv_ast_op op = unary_op(t);
    if (op != HV_OP_NONE)
        r = parse_prefix_op(p, t, op);
    else if (t->kind == T_LBRACKET)
        r = bracket_unary(p, t);
    else
        r = parse_primary(p);
    hv_parse_leave(p);
    return r;
}

/* ---- postfix ---- */

void
hv_parse_call_args(hv_pstate *p, hv_pvec *out)
{
    const hv_token *open = hv_parse_peek(p, HV_LEX_EXPR);
    hv_lex_pos os = open->start, oe = open->stop;
    hv_parse_next(p); /* '(' */
    hv_parse_skip_newlines(p);
    if (hv_parse_peek(p, HV_LEX_EXPR)->kind == T_RPAREN) {
        hv_parse_next(p);
        return;
    }
    for (bool first = true;; first = false) {
        hv_ast *a = hv_parse_expression(p, false);
        if (!a) {
            const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
            if (p->failed)
                return;
            if (!first)
                hv_parse_error_tok(p, t, "MissingExpressionAfterToken", "Missing expression after ','.");
            else if (t->kind == T_EOF)
                hv_parse_err(p, os, oe, hv_parse_tok_at_end(p, t), "MissingEndParenthesisInMethodCall",
                             "Missing ')' in method call.");
            else
                hv_parse_unexpected(p, t);
            return;
        }
        hv_parse_push(out, a);
        hv_parse_skip_newlines(p);
        const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
        if (t->kind == T_COMMA) {
            hv_parse_next(p);
            hv_parse_skip_newlines(p);
            continue;
        }
        if (t->kind == T_RPAREN) {
            hv_parse_next(p);
            return;
        }
        if (t->kind == T_EOF)
            hv_parse_err(p, os, oe, t->start.pos >= p->unit->len, "MissingEndParenthesisInMethodCall",
                           "Missing ')' in method call.");
        else
            hv_parse_unexpected(p, t);
        return;
    }
}

/* member name after . :: ?. : a name, a string, a variable, or (expr). The name may be
 * on the next line ("(...).<newline>  Property"), as real scripts (npm.ps1) do. */
static hv_ast *
member_name(hv_pstate *p)
{
    hv_parse_skip_newlines(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_ast *m = NULL;
    if (t->kind == T_IDENT) {
        m = hv_parse_node(p, HV_AST_STRING, t->start);
        m->u.str.kind = HV_STR_BARE;
        m->u.str.len = t->ne - t->ns;
        m->u.str.value = hv_parse_strdup(p, p->lx.src + t->ns, m->u.str.len);
        hv_parse_next(p);
        return hv_parse_finish(p, m);
    }
    switch (t->kind) {
    case T_STRING: case T_XSTRING:
        m = hv_parse_string(p, t);
        hv_parse_next(p);
        return m;
    case T_VAR:
        m = hv_parse_variable(p, t);
        hv_parse_next(p);
        return m;
    case T_LPAREN:
        return hv_parse_paren(p);
    case T_DOLPAREN:
        return hv_parse_subexpr(p, HV_AST_SUBEXPR);
    default:
        hv_parse_error_tok(p, t, "MissingPropertyName", "Missing property name after reference operator.");
        return NULL;
    }
}

static hv_ast *
postfix_member(hv_pstate *p, hv_ast *target, const hv_token *t)
{
    bool is_static = t->kind == T_COLONCOLON, nullcond = t->kind == T_QDOT;
    hv_parse_next(p);
    hv_ast *name = member_name(p);
    if (!name)
        return NULL;
    hv_ast *n = hv_parse_node(p, HV_AST_MEMBER, (hv_lex_pos){target->ext.start, target->ext.line, target->ext.col});
    n->u.member.target = target;
    n->u.member.member = name;
    n->u.member.is_static = is_static;
    n->u.member.nullcond = nullcond;
    const hv_token *nt = hv_parse_peek(p, HV_LEX_EXPR);
    if (nt->kind == T_LPAREN && !nt->ws_before) {
        n->kind = HV_AST_INVOKEMEMBER;
        hv_pvec args = {0};
        hv_parse_call_args(p, &args);
        n->u.member.args = hv_parse_list(p, &args);
    } else if (nt->kind == T_LBRACE && !nt->ws_before && !is_static) {
        /* $a.ForEach{ ... } / .Where{ ... }: a script block argument without parentheses */
        hv_ast *sb = hv_parse_scriptblock_expr(p);
        if (!sb)
            return NULL;
        n->kind = HV_AST_INVOKEMEMBER;
        hv_pvec args = {0};
        hv_parse_push(&args, sb);
        n->u.member.args = hv_parse_list(p, &args);
    }
    return hv_parse_finish(p, n);
}

static hv_ast *
postfix_index(hv_pstate *p, hv_ast *target, const hv_token *t)
{
    hv_lex_pos os = t->start, oe = t->stop;
    bool nullcond = t->kind == T_QBRACKET;
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    hv_ast *n = hv_parse_node(p, HV_AST_INDEX, (hv_lex_pos){target->ext.start, target->ext.line, target->ext.col});
    n->u.index.target = target;
    n->u.index.nullcond = nullcond;
    n->u.index.index = hv_parse_expression(p, true);
    if (!n->u.index.index) {
        if (!p->failed)
            hv_parse_error_tok(p, hv_parse_peek(p, HV_LEX_EXPR), "MissingArrayIndexExpression",
                               "Array index expression is missing or not valid.");
        return NULL;
    }
    hv_parse_skip_newlines(p);
    const hv_token *c = hv_parse_peek(p, HV_LEX_EXPR);
    if (c->kind != T_RBRACKET) {
        if (c->kind == T_EOF)
            hv_parse_err(p, os, oe, c->start.pos >= p->unit->len, "MissingEndSquareBracket",
                           "Missing ']' after array index expression.");
        else
            hv_parse_unexpected(p, c);
        return NULL;
    }
    hv_parse_next(p);
    return hv_parse_finish(p, n);
}

/* postfix -> primary ('.' member [args] | '::' member [args] | '?.' member | '[' expr ']'
 *                     | '?[' expr ']' | '++' | '--')*   (no whitespace before each) */
hv_ast *
hv_parse_postfix(hv_pstate *p, hv_ast *target)
{
    int count = 0;
    for (; target && !p->failed; count++) {
        const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
        if (t->ws_before || !(t->kind == T_DOT || t->kind == T_COLONCOLON || t->kind == T_QDOT ||
                              t->kind == T_LBRACKET || t->kind == T_QBRACKET || t->kind == T_OP))
            break;
        if (count > MAX_CHAIN || !hv_parse_enter(p, t)) {
            if (!p->failed)
                hv_parse_error_tok(p, t, "ScriptTooComplex", "The expression is too complex.");
            target = NULL;
            break;
        }
        if (t->kind == T_DOT || t->kind == T_COLONCOLON || t->kind == T_QDOT) {
            target = postfix_member(p, target, t);
        } else if (t->kind == T_LBRACKET || t->kind == T_QBRACKET) {
            target = postfix_index(p, target, t);
        } else if (t->kind == T_OP && (t->op == HV_OP_PREINC || t->op == HV_OP_PREDEC)) {
            hv_ast *n = hv_parse_node(p, HV_AST_UNARY, (hv_lex_pos){target->ext.start, target->ext.line, target->ext.col});
            n->u.un.op = t->op == HV_OP_PREINC ? HV_OP_POSTINC : HV_OP_POSTDEC;
            n->u.un.operand = target;
            hv_parse_next(p);
            target = hv_parse_finish(p, n);
            count++;
            break;
        } else {
            p->depth--;
            break;
        }
    }
    p->depth -= count;
    return target;
}

/* ---- primaries ---- */

hv_ast *
hv_parse_number(hv_pstate *p, const hv_token *t)
{
    hv_ast *n = hv_parse_node(p, HV_AST_CONSTANT, t->start);
    n->u.num.nkind = (hv_ast_numkind)t->nkind;
    if (t->nkind >= HV_AST_N_DOUBLE)
        n->u.num.v.d = t->nv.d;
    else
        n->u.num.v.i = t->nv.i;
    if (t->nkind == HV_AST_N_BIGINT && t->nv.i == 0 && t->nv.d != 0)
        n->u.num.v.d = t->nv.d;
    size_t len;
    const char *s = hv_parse_tok_text(p, t, &len);
    char *txt = hv_parse_strdup(p, s, len);
    /* fold a unicode dash in "–5" to '-' for the text */
    if ((unsigned char)txt[0] == 0xE2 && len >= 3) {
        txt[0] = '-';
        memmove(txt + 1, txt + 3, len - 2);
    }
    n->u.num.text = txt;
    n->ext.end = t->stop.pos;
    n->ext.end_line = t->stop.line;
    n->ext.end_col = t->stop.col;
    return n;
}

static const struct {
    const char *name;
    hv_ast_varscope scope;
} scopes[] = {
    {"global", HV_VS_GLOBAL}, {"script", HV_VS_SCRIPT}, {"local", HV_VS_LOCAL},
    {"private", HV_VS_PRIVATE}, {"using", HV_VS_USING}, {"env", HV_VS_ENV},
    {"variable", HV_VS_VARIABLE}, {"function", HV_VS_FUNCTION}, {"alias", HV_VS_ALIAS},
};

/* Split "scope:name" into the variable node's fields. */
static void
split_scope(hv_pstate *p, hv_ast *n, const char *full, size_t len)
{
    const char *colon = memchr(full, ':', len);
    n->u.var.full = hv_parse_strdup(p, full, len);
    if (!colon || colon == full) {
        n->u.var.name = n->u.var.full;
        return;
    }
    size_t sl = (size_t)(colon - full);
    n->u.var.name = hv_parse_strdup(p, colon + 1, len - sl - 1);
    for (size_t k = 0; k < sizeof scopes / sizeof scopes[0]; k++) {
        if (strlen(scopes[k].name) == sl && strncasecmp(scopes[k].name, full, sl) == 0) {
            n->u.var.scope = scopes[k].scope;
            return;
        }
    }
    n->u.var.scope = HV_VS_DRIVE;
    n->u.var.drive = hv_parse_strdup(p, full, sl);
}

hv_ast *
hv_parse_variable(hv_pstate *p, const hv_token *t)
{
    hv_ast *n = hv_parse_node(p, HV_AST_VARIABLE, t->start);
    n->u.var.splatted = t->kind == T_SPLAT;
    n->u.var.braced = t->braced;
    const char *s = p->lx.src + t->ns;
    size_t len = t->ne - t->ns;
    if (t->braced) {
        /* ${a`}b}: backtick escapes the next character */
        char *buf = hv_ast_arena_alloc(p->arena, len + 1);
        size_t k = 0;
        for (size_t i = 0; i < len; i++) {
            if (s[i] == '`' && i + 1 < len)
                i++;
            buf[k++] = s[i];
        }
        split_scope(p, n, buf, k);
    } else {
        split_scope(p, n, s, len);
    }
    n->ext.end = t->stop.pos;
    n->ext.end_line = t->stop.line;
    n->ext.end_col = t->stop.col;
    return n;
}

/* '(' statement ')' */
hv_ast *
hv_parse_paren(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_lex_pos os = t->start, oe = t->stop;
    hv_ast *n = hv_parse_node(p, HV_AST_PAREN, t->start);
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind == T_RPAREN) {
        hv_parse_error_tok(p, t, "ExpectedExpression", "An expression was expected after '('.");
        return NULL;
    }
    n->u.paren.stmt = hv_parse_statement(p);
    hv_parse_skip_newlines(p);
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (p->failed)
        return NULL;
    if (t->kind != T_RPAREN) {
        if (t->kind == T_EOF)
            hv_parse_err(p, os, oe, t->start.pos >= p->unit->len,
                           "MissingEndParenthesisInExpression", "Missing closing ')' in expression.");
        else
            hv_parse_unexpected(p, t);
        return NULL;
    }
    hv_parse_next(p);
    return hv_parse_finish(p, n);
}

/* '$(' statements ')' and '@(' statements ')' */
hv_ast *
hv_parse_subexpr(hv_pstate *p, hv_ast_kind kind)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_lex_pos os = t->start, oe = t->stop;
    hv_ast *n = hv_parse_node(p, kind, t->start);
    hv_parse_next(p);
    hv_pvec v = {0};
    hv_parse_stmt_list(p, &v, T_RPAREN);
    n->u.block.stmts = hv_parse_list(p, &v);
    if (p->failed)
        return NULL;
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind != T_RPAREN) {
        hv_parse_err(p, os, oe, t->start.pos >= p->unit->len, "MissingEndParenthesisInSubexpression",
                       kind == HV_AST_SUBEXPR ? "Missing closing ')' in subexpression."
                                              : "Missing closing ')' in array subexpression.");
        return NULL;
    }
    hv_parse_next(p);
    return hv_parse_finish(p, n);
}

/* '{' scriptblock-body '}' */
hv_ast *
hv_parse_scriptblock_expr(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_CMD);
    hv_lex_pos os = t->start, oe = t->stop;
    hv_ast *n = hv_parse_node(p, HV_AST_SCRIPTBLOCKEXPR, t->start);
    hv_parse_next(p);
    hv_ast *sb = hv_parse_scriptblock_body(p, os, T_RBRACE);
    n->u.sbexpr.sb = sb;
    if (p->failed)
        return NULL;
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind != T_RBRACE) {
        hv_parse_err(p, os, oe, t->start.pos >= p->unit->len, "MissingEndCurlyBrace",
                       "Missing closing '}' in statement block or type definition.");
        return NULL;
    }
    hv_parse_next(p);
    hv_parse_finish(p, sb);
    return hv_parse_finish(p, n);
}

/* hash key: a bare name, or a unary expression ('a', 1, $x, (expr)) */
static hv_ast *
hash_key(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind == T_IDENT) {
        uint32_t end = t->ne;
        /* keys like a-b or a.b are one word */
        while (end < p->lx.limit && (p->lx.src[end] == '-' || p->lx.src[end] == '.' ||
                                     p->lx.src[end] == '_' ||
                                     (p->lx.src[end] >= '0' && p->lx.src[end] <= '9') ||
                                     ((p->lx.src[end] | 32) >= 'a' && (p->lx.src[end] | 32) <= 'z')))
            end++;
        hv_ast *k = hv_parse_node(p, HV_AST_STRING, t->start);
        k->u.str.kind = HV_STR_BARE;
        k->u.str.len = end - t->ns;
        k->u.str.value = hv_parse_strdup(p, p->lx.src + t->ns, k->u.str.len);
        p->lx.cur = hv_lex_advance(p->lx.src, t->start, end);
        p->last_end = p->lx.cur;
        hv_parse_invalidate(p);
        return hv_parse_finish(p, k);
    }
    return hv_parse_unary(p);
}

/* entry -> key '=' statement ; false when parsing must stop */
static bool
hash_entry(hv_pstate *p, hv_pvec *keys, hv_pvec *vals)
{
    hv_ast *k = hash_key(p);
    if (!k) {
        if (!p->failed)
            hv_parse_error_tok(p, hv_parse_peek(p, HV_LEX_EXPR), "MissingKeyInHashLiteral",
                               "Missing key before '=' in hash literal.");
        return false;
    }
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind != T_ASSIGN || t->op != HV_OP_ASSIGN) {
        hv_parse_error_tok(p, t, "MissingEqualsInHashLiteral", "Missing '=' operator after key in hash literal.");
        return false;
    }
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    t = hv_parse_peek(p, HV_LEX_CMD);
    if (t->kind == T_RBRACE || t->kind == T_SEMI || t->kind == T_EOF) {
        hv_parse_error_tok(p, t, "MissingStatementInHashLiteral", "Missing statement after '=' in hash literal.");
        return false;
    }
    hv_ast *v = hv_parse_statement(p);
    hv_parse_push(keys, k);
    hv_parse_push(vals, v);
    return !p->failed;
}

/* hashtable -> '@{' (sep* entry)* sep* '}' */
hv_ast *
hv_parse_hashtable(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_ast *n = hv_parse_node(p, HV_AST_HASHTABLE, t->start);
    hv_parse_next(p);
    hv_lex_pos after = p->last_end; /* pwsh reports an open literal just after its last entry */
    hv_pvec keys = {0}, vals = {0};
    for (bool need_sep = false; !p->failed; need_sep = true) {
        t = hv_parse_peek(p, HV_LEX_CMD);
        if (need_sep && t->kind != T_NEWLINE && t->kind != T_SEMI && t->kind != T_RBRACE &&
            t->kind != T_EOF) {
            hv_parse_unexpected(p, t);
            break;
        }
        while (t->kind == T_NEWLINE || t->kind == T_SEMI) {
            hv_parse_next(p);
            t = hv_parse_peek(p, HV_LEX_EXPR);
        }
        if (t->kind == T_RBRACE)
            break;
        if (t->kind == T_EOF) {
            hv_parse_err(p, after, after, hv_parse_tok_at_end(p, t), "IncompleteHashLiteral",
                         "The hash literal was incomplete.");
            break;
        }
        if (!hash_entry(p, &keys, &vals))
            break;
        after = p->last_end;
    }
    n->u.hash.keys = hv_parse_list(p, &keys);
    n->u.hash.values = hv_parse_list(p, &vals);
    if (p->failed)
        return NULL;
    hv_parse_next(p); /* '}' */
    return hv_parse_finish(p, n);
}

/* primary -> variable | number | string | '(' .. ')' | '$(' .. ')' | '@(' .. ')' | '@{' .. '}'
 *          | '{' .. '}' ; followed by postfix operators */
static hv_ast *
parse_primary(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_ast *n;
    switch (t->kind) {
    case T_VAR:
        n = hv_parse_variable(p, t);
        hv_parse_next(p);
        break;
    case T_SPLAT: {
        size_t len = t->ne - t->ns;
        const char *name = p->lx.src + t->ns;
        hv_parse_error_tok(p, t, "SplattingNotPermitted",
                           "The splatting operator '@' cannot be used to reference variables in an "
                           "expression. '@%.*s' can be used only as an argument to a command. To "
                           "reference variables in an expression use '$%.*s'.",
                           (int)(len > 100 ? 100 : len), name, (int)(len > 100 ? 100 : len), name);
        return NULL;
    }
    case T_NUMBER:
        n = hv_parse_number(p, t);
        hv_parse_next(p);
        break;
    case T_STRING: case T_XSTRING:
        n = hv_parse_string(p, t);
        if (!p->failed)
            hv_parse_next(p);
        break;
    case T_LPAREN: n = hv_parse_paren(p); break;
    case T_DOLPAREN: n = hv_parse_subexpr(p, HV_AST_SUBEXPR); break;
    case T_ATPAREN: n = hv_parse_subexpr(p, HV_AST_ARRAYEXPR); break;
    case T_ATBRACE: n = hv_parse_hashtable(p); break;
    case T_LBRACE: n = hv_parse_scriptblock_expr(p); break;
    case T_ERROR:
        /* a stray backtick ("1 + `# x") reads as a missing operand, as in pwsh */
        if (strcmp(t->id, "UnexpectedBacktick") != 0)
            hv_parse_unexpected(p, t);
        return NULL;
    case T_IDENT: case T_GENERIC: case T_PARAM: case T_DOT: case T_COLONCOLON:
    case T_ASSIGN: case T_QUESTION: case T_QDOT: case T_QBRACKET: case T_DOTDOT:
        hv_parse_unexpected(p, t);
        return NULL;
    default:
        return NULL; /* the caller reports what is missing */
    }
    return p->failed ? n : hv_parse_postfix(p, n);
}

/* ---- type names ---- */

static bool
typename_char(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.' || c == '+' || c == '`' || (c >= 0x80 && !hv_lex_is_dash(c));
}

static uint32_t
skip_blanks(const hv_pstate *p, uint32_t i, bool newlines)
{
    const char *s = p->lx.src;
    while (i < p->lx.limit && (s[i] == ' ' || s[i] == '\t' || (newlines && (s[i] == '\n' || s[i] == '\r'))))
        i++;
    return i;
}

static void
move_to(hv_pstate *p, uint32_t i)
{
    p->lx.cur = hv_lex_advance(p->lx.src, p->lx.cur, i);
    p->last_end = p->lx.cur;
    hv_parse_invalidate(p);
}

static hv_ast_typename *typename_d(hv_pstate *p, int depth);

/* generic args: '[' (type | '[' type ']') (',' ...)* ']' ; i at the '[' */
static bool
generic_args(hv_pstate *p, hv_ast_typename *tn, uint32_t i, int depth)
{
    hv_ast_typename *args[32];
    uint32_t n = 0;
    move_to(p, i + 1);
    for (;;) {
        uint32_t j = skip_blanks(p, p->lx.cur.pos, true);
        move_to(p, j);
        bool bracketed = j < p->lx.limit && p->lx.src[j] == '[';
        if (bracketed)
            move_to(p, j + 1);
        hv_ast_typename *a = typename_d(p, depth + 1);
        if (!a)
            return false;
        if (bracketed) {
            j = skip_blanks(p, p->lx.cur.pos, true);
            if (j >= p->lx.limit || p->lx.src[j] != ']')
                break;
            move_to(p, j + 1);
        }
        if (n < 32)
            args[n++] = a;
        j = skip_blanks(p, p->lx.cur.pos, true);
        if (j < p->lx.limit && p->lx.src[j] == ',') {
            move_to(p, j + 1);
            continue;
        }
        if (j < p->lx.limit && p->lx.src[j] == ']') {
            move_to(p, j + 1);
            tn->args = hv_ast_arena_alloc(p->arena, n * sizeof *args);
            memcpy(tn->args, args, n * sizeof *args);
            tn->nargs = n;
            return true;
        }
        break;
    }
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_parse_error_tok(p, t, "EndSquareBracketExpectedAtEndOfType", "Missing ] at end of type token.");
    return false;
}

static void
set_full(hv_pstate *p, hv_ast_typename *tn, uint32_t from, uint32_t to)
{
    char *buf = hv_ast_arena_alloc(p->arena, to - from + 1);
    size_t k = 0;
    for (uint32_t i = from; i < to; i++)
        if (!strchr(" \t\r\n", p->lx.src[i]))
            buf[k++] = p->lx.src[i];
    buf[k] = '\0';
    tn->full = buf;
}

static hv_ast_typename *
typename_d(hv_pstate *p, int depth)
{
    if (depth > 50) {
        hv_parse_err(p, p->lx.cur, p->lx.cur, false, "ScriptTooComplex", "The type name is too complex.");
        return NULL;
    }
    uint32_t start = skip_blanks(p, p->lx.cur.pos, false), i = start;
    while (i < p->lx.limit) {
        uint32_t w, c = hv_lex_cp(p->lx.src, i, p->lx.limit, &w);
        if (!typename_char(c))
            break;
        i += (c == '`' && i + 1 < p->lx.limit) ? 2 : w;
    }
    if (i == start) {
        move_to(p, start);
        const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
        hv_parse_error_tok(p, t, "MissingTypename", "Missing type name after '['.");
        return NULL;
    }
    hv_lex_pos sp = hv_lex_advance(p->lx.src, p->lx.cur, start);
    hv_ast_typename *tn = hv_ast_arena_alloc(p->arena, sizeof *tn);
    tn->name = hv_parse_strdup(p, p->lx.src + start, i - start);
    move_to(p, i);
    for (;;) {
        uint32_t j = skip_blanks(p, p->lx.cur.pos, false);
        if (j >= p->lx.limit || p->lx.src[j] != '[')
            break;
        uint32_t k = skip_blanks(p, j + 1, false);
        if (k < p->lx.limit && (p->lx.src[k] == ']' || p->lx.src[k] == ',')) {
            uint32_t rank = 1;
            while (k < p->lx.limit && p->lx.src[k] == ',') {
                rank++;
                k = skip_blanks(p, k + 1, false);
            }
            if (k >= p->lx.limit || p->lx.src[k] != ']')
                break;
            hv_ast_typename *arr = hv_ast_arena_alloc(p->arena, sizeof *arr);
            arr->name = tn->name;
            arr->element = tn;
            arr->rank = rank;
            set_full(p, tn, start, p->lx.cur.pos);
            tn->ext = (hv_extent){sp.pos, p->lx.cur.pos, sp.line, sp.col, p->lx.cur.line, p->lx.cur.col};
            tn = arr;
            move_to(p, k + 1);
            continue;
        }
        if (tn->element || tn->nargs)
            break; /* List[int][string] is not a type */
        if (!generic_args(p, tn, j, depth))
            return NULL;
    }
    set_full(p, tn, start, p->lx.cur.pos);
    tn->ext = (hv_extent){sp.pos, p->lx.cur.pos, sp.line, sp.col, p->lx.cur.line, p->lx.cur.col};
    return tn;
}

hv_ast_typename *
hv_parse_typename_at(hv_pstate *p)
{
    if (p->failed)
        return NULL;
    hv_parse_invalidate(p);
    return typename_d(p, 0);
}

/* ---- attributes ---- */

/* ')' expected after an attribute argument, else an error. */
static void
attribute_close_error(hv_pstate *p, const hv_token *t)
{
    if (t->kind == T_EOF)
        hv_parse_error_tok(p, t, "MissingEndParenthesisInExpression", "Missing closing ')' in expression.");
    else
        hv_parse_unexpected(p, t);
}

/* named_arg -> Name ['=' expression]   (a bare Name means $true) */
static hv_ast *
attribute_named_arg(hv_pstate *p, const hv_token *t)
{
    hv_ast *na = hv_parse_node(p, HV_AST_NAMEDARG, t->start);
    na->u.namedarg.name = hv_parse_strdup(p, p->lx.src + t->ns, t->ne - t->ns);
    hv_parse_next(p);
    hv_parse_skip_newlines(p);
    const hv_token *e = hv_parse_peek(p, HV_LEX_EXPR);
    if (e->kind == T_ASSIGN && e->op == HV_OP_ASSIGN) {
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        na->u.namedarg.value = hv_parse_expression(p, false);
        if (!na->u.namedarg.value && !p->failed)
            missing_operand(p, "=");
    } else if (e->kind != T_COMMA && e->kind != T_RPAREN) {
        attribute_close_error(p, e);
        return NULL;
    }
    return hv_parse_finish(p, na);
}

/* attribute args -> '(' (expr | named_arg) (',' ...)* ')' */
static void
attribute_args(hv_pstate *p, hv_ast *a)
{
    hv_pvec pos = {0}, named = {0};
    hv_parse_next(p); /* '(' */
    for (;;) {
        hv_parse_skip_newlines(p);
        const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
        if (t->kind == T_RPAREN || p->failed)
            break;
        if (t->kind == T_IDENT) {
            hv_parse_push(&named, attribute_named_arg(p, t));
        } else {
            hv_ast *e = hv_parse_expression(p, false);
            if (!e && !p->failed)
                hv_parse_unexpected(p, hv_parse_peek(p, HV_LEX_EXPR));
            hv_parse_push(&pos, e);
        }
        if (p->failed)
            break;
        hv_parse_skip_newlines(p);
        t = hv_parse_peek(p, HV_LEX_EXPR);
        if (t->kind == T_COMMA) {
            hv_parse_next(p);
            continue;
        }
        if (t->kind != T_RPAREN)
            attribute_close_error(p, t);
        break;
    }
    a->u.attr.pos = hv_parse_list(p, &pos);
    a->u.attr.named = hv_parse_list(p, &named);
    if (!p->failed)
        hv_parse_next(p); /* ')' */
}

hv_ast *
hv_parse_attribute_or_type(hv_pstate *p, hv_lex_pos start)
{
    hv_ast_typename *tn = hv_parse_typename_at(p);
    if (!tn)
        return NULL;
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_ast *a;
    if (t->kind == T_LPAREN) {
        a = hv_parse_node(p, HV_AST_ATTRIBUTE, start);
        a->u.attr.type = tn;
        attribute_args(p, a);
        if (p->failed)
            return NULL;
        t = hv_parse_peek(p, HV_LEX_EXPR);
    } else {
        a = hv_parse_node(p, HV_AST_TYPECONSTRAINT, start);
        a->u.type.type = tn;
    }
    if (t->kind != T_RBRACKET) {
        if (t->kind == T_ERROR)
            hv_parse_unexpected(p, t);
        else
            hv_parse_error_tok(p, t, "EndSquareBracketExpectedAtEndOfAttribute",
                               "Missing ] at end of attribute or type literal.");
        return NULL;
    }
    hv_parse_next(p);
    return hv_parse_finish(p, a);
}

/* ---- parameters ---- */

/* parameter -> ('[' attribute-or-type ']')* variable ['=' expression] */
hv_ast *
hv_parse_parameter(hv_pstate *p)
{
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    hv_ast *n = hv_parse_node(p, HV_AST_PARAMETER, t->start);
    hv_pvec attrs = {0};
    while (t->kind == T_LBRACKET && !p->failed) {
        hv_lex_pos s = t->start;
        hv_parse_next(p);
        hv_parse_push(&attrs, hv_parse_attribute_or_type(p, s));
        hv_parse_skip_newlines(p);
        t = hv_parse_peek(p, HV_LEX_EXPR);
    }
    n->u.param.attrs = hv_parse_list(p, &attrs);
    if (p->failed)
        return NULL;
    if (t->kind != T_VAR) {
        hv_parse_error_tok(p, t, "InvalidFunctionParameter",
                           "Parameter declarations are a comma-separated list of variable names "
                           "with optional initializer expressions.");
        return NULL;
    }
    n->u.param.var = hv_parse_variable(p, t);
    hv_parse_next(p);
    t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind == T_ASSIGN && t->op == HV_OP_ASSIGN) {
        hv_parse_next(p);
        hv_parse_skip_newlines(p);
        n->u.param.dflt = hv_parse_expression(p, false);
        if (!n->u.param.dflt && !p->failed)
            missing_operand(p, "=");
    }
    return hv_parse_finish(p, n);
}

/* param_list -> [parameter (',' parameter)*] ')'   (the '(' is consumed) */
void
hv_parse_param_list(hv_pstate *p, hv_pvec *out, hv_tok_kind closer)
{
    hv_lex_pos os = p->last_end;
    hv_parse_skip_newlines(p);
    const hv_token *t = hv_parse_peek(p, HV_LEX_EXPR);
    if (t->kind == closer) {
        hv_parse_next(p);
        return;
    }
    for (;;) {
        hv_parse_push(out, hv_parse_parameter(p));
        if (p->failed)
            return;
        hv_parse_skip_newlines(p);
        t = hv_parse_peek(p, HV_LEX_EXPR);
        if (t->kind == T_COMMA) {
            hv_parse_next(p);
            hv_parse_skip_newlines(p);
            continue;
        }
        if (t->kind == closer) {
            hv_parse_next(p);
            return;
        }
        if (t->kind == T_EOF)
            hv_parse_err(p, os, os, t->start.pos >= p->unit->len,
                           "MissingEndParenthesisInFunctionParameterList",
                           "Missing ')' in function parameter list.");
        else
            hv_parse_error_tok(p, t, "MissingEndParenthesisInFunctionParameterList",
                               "Missing ')' in function parameter list.");
        return;
    }
}
