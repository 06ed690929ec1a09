/* ast.c — AST helpers: names, child iteration, S-expression dump. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

static const char *const kind_names[HV_AST__KIND_COUNT] = {
    [HV_AST_SCRIPTBLOCK] = "ScriptBlock", [HV_AST_NAMEDBLOCK] = "NamedBlock",
    [HV_AST_PARAMBLOCK] = "ParamBlock", [HV_AST_PARAMETER] = "Parameter",
    [HV_AST_ATTRIBUTE] = "Attribute", [HV_AST_NAMEDARG] = "NamedAttributeArgument",
    [HV_AST_TYPECONSTRAINT] = "TypeConstraint", [HV_AST_STATEMENTBLOCK] = "StatementBlock",
    [HV_AST_USING] = "UsingStatement", [HV_AST_PIPELINE] = "Pipeline",
    [HV_AST_PIPELINECHAIN] = "PipelineChain", [HV_AST_COMMAND] = "Command",
    [HV_AST_COMMANDEXPR] = "CommandExpression", [HV_AST_COMMANDPARAM] = "CommandParameter",
    [HV_AST_REDIRECTION] = "Redirection", [HV_AST_ASSIGNMENT] = "AssignmentStatement",
    [HV_AST_IF] = "IfStatement", [HV_AST_SWITCH] = "SwitchStatement",
    [HV_AST_SWITCHCLAUSE] = "SwitchClause", [HV_AST_FOREACH] = "ForEachStatement",
    [HV_AST_FOR] = "ForStatement", [HV_AST_WHILE] = "WhileStatement",
    [HV_AST_DOWHILE] = "DoWhileStatement", [HV_AST_DOUNTIL] = "DoUntilStatement",
    [HV_AST_BREAK] = "BreakStatement", [HV_AST_CONTINUE] = "ContinueStatement",
    [HV_AST_RETURN] = "ReturnStatement", [HV_AST_EXIT] = "ExitStatement",
    [HV_AST_THROW] = "ThrowStatement", [HV_AST_TRAP] = "TrapStatement",
    [HV_AST_TRY] = "TryStatement", [HV_AST_CATCH] = "CatchClause",
    [HV_AST_FUNCTIONDEF] = "FunctionDefinition", [HV_AST_DATA] = "DataStatement",
    [HV_AST_CLASS] = "TypeDefinition", [HV_AST_ENUM] = "TypeDefinition",
    [HV_AST_PROPERTY] = "PropertyMember", [HV_AST_METHOD] = "FunctionMember",
    [HV_AST_BINARY] = "BinaryExpression", [HV_AST_UNARY] = "UnaryExpression",
    [HV_AST_TERNARY] = "TernaryExpression", [HV_AST_CONVERT] = "ConvertExpression",
    [HV_AST_TYPE] = "TypeExpression", [HV_AST_CONSTANT] = "ConstantExpression",
    [HV_AST_STRING] = "StringConstantExpression", [HV_AST_EXPANDABLE] = "ExpandableStringExpression",
    [HV_AST_VARIABLE] = "VariableExpression", [HV_AST_MEMBER] = "MemberExpression",
    [HV_AST_INVOKEMEMBER] = "InvokeMemberExpression", [HV_AST_INDEX] = "IndexExpression",
    [HV_AST_ARRAYLITERAL] = "ArrayLiteral", [HV_AST_ARRAYEXPR] = "ArrayExpression",
    [HV_AST_SUBEXPR] = "SubExpression", [HV_AST_PAREN] = "ParenExpression",
    [HV_AST_HASHTABLE] = "Hashtable", [HV_AST_SCRIPTBLOCKEXPR] = "ScriptBlockExpression",
    [HV_AST_ATTRIBUTED] = "AttributedExpression", [HV_AST_ERROR] = "ErrorExpression",
};

const char *
hv_ast_kind_name(hv_ast_kind kind)
{
    if ((unsigned)kind >= HV_AST__KIND_COUNT || !kind_names[kind])
        return "?";
    return kind_names[kind];
}

static const char *const op_names[HV_OP__COUNT] = {
    [HV_OP_NONE] = "?", [HV_OP_ADD] = "+", [HV_OP_SUB] = "-", [HV_OP_MUL] = "*",
    [HV_OP_DIV] = "/", [HV_OP_MOD] = "%", [HV_OP_EQ] = "-eq", [HV_OP_NE] = "-ne",
    [HV_OP_GT] = "-gt", [HV_OP_GE] = "-ge", [HV_OP_LT] = "-lt", [HV_OP_LE] = "-le",
    [HV_OP_LIKE] = "-like", [HV_OP_NOTLIKE] = "-notlike", [HV_OP_MATCH] = "-match",
    [HV_OP_NOTMATCH] = "-notmatch", [HV_OP_REPLACE] = "-replace", [HV_OP_CONTAINS] = "-contains",
    [HV_OP_NOTCONTAINS] = "-notcontains", [HV_OP_IN] = "-in", [HV_OP_NOTIN] = "-notin",
    [HV_OP_SPLIT] = "-split", [HV_OP_JOIN] = "-join", [HV_OP_IS] = "-is",
    [HV_OP_ISNOT] = "-isnot", [HV_OP_AS] = "-as", [HV_OP_FORMAT] = "-f",
    [HV_OP_BAND] = "-band", [HV_OP_BOR] = "-bor", [HV_OP_BXOR] = "-bxor",
    [HV_OP_SHL] = "-shl", [HV_OP_SHR] = "-shr", [HV_OP_AND] = "-and", [HV_OP_OR] = "-or",
    [HV_OP_XOR] = "-xor", [HV_OP_RANGE] = "..", [HV_OP_COALESCE] = "??",
    [HV_OP_ASSIGN] = "=", [HV_OP_ADD_ASSIGN] = "+=", [HV_OP_SUB_ASSIGN] = "-=",
    [HV_OP_MUL_ASSIGN] = "*=", [HV_OP_DIV_ASSIGN] = "/=", [HV_OP_MOD_ASSIGN] = "%=",
    [HV_OP_COALESCE_ASSIGN] = "?\?=", [HV_OP_NOT] = "-not", [HV_OP_BNOT] = "-bnot",
    [HV_OP_NEGATE] = "neg", [HV_OP_PLUS] = "pos", [HV_OP_PREINC] = "pre++",
    [HV_OP_PREDEC] = "pre--", [HV_OP_POSTINC] = "post++", [HV_OP_POSTDEC] = "post--",
    [HV_OP_UCOMMA] = "u,", [HV_OP_USPLIT] = "-split", [HV_OP_UJOIN] = "-join",
    [HV_OP_ANDAND] = "&&", [HV_OP_OROR] = "||",
};

const char *
hv_ast_op_name(hv_ast_op op)
{
    if ((unsigned)op >= HV_OP__COUNT || !op_names[op])
        return "?";
    return op_names[op];
}

const char *
hv_ast_command_name(const hv_ast *cmd)
{
    if (!cmd || cmd->kind != HV_AST_COMMAND || !cmd->u.cmd.elems.n)
        return NULL;
    const hv_ast *e = cmd->u.cmd.elems.items[0];
    if (e->kind != HV_AST_STRING || e->u.str.kind == HV_STR_VERBATIM)
        return NULL;
    return e->u.str.value;
}

const char *
hv_ast_text(const hv_ast_unit *unit, const hv_ast *node, size_t *len)
{
    if (!unit || !node) {
        *len = 0;
        return "";
    }
    uint32_t s = node->ext.start, e = node->ext.end;
    if (s > unit->len)
        s = (uint32_t)unit->len;
    if (e > unit->len || e < s)
        e = s;
    *len = e - s;
    return unit->src + s;
}

const char *
hv_ast_scriptblock_text(const hv_ast_unit *unit, const hv_ast *sb, size_t *len)
{
    const char *s = hv_ast_text(unit, sb, len);
    if (*len >= 2 && s[0] == '{' && s[*len - 1] == '}') {
        *len -= 2;
        return s + 1;
    }
    return s;
}

hv_ast *
hv_ast_pure_expr(const hv_ast *stmt)
{
    if (!stmt || stmt->kind != HV_AST_PIPELINE || stmt->u.pipe.elems.n != 1 || stmt->u.pipe.background)
        return NULL;
    const hv_ast *e = stmt->u.pipe.elems.items[0];
    if (e->kind != HV_AST_COMMANDEXPR || e->u.cmdexpr.redirs.n)
        return NULL;
    return e->u.cmdexpr.expr;
}

/* ---- children ---- */

typedef void (*visit_fn)(hv_ast *child, void *ud);

static void
each(hv_ast *n, visit_fn fn, void *ud)
{
    if (n)
        fn(n, ud);
}

static void
each_list(hv_ast_list l, visit_fn fn, void *ud)
{
    for (uint32_t i = 0; i < l.n; i++)
        each(l.items[i], fn, ud);
}

static void
children_stmt(hv_ast *n, visit_fn fn, void *ud)
{
    switch (n->kind) {
    case HV_AST_IF:
        for (uint32_t i = 0; i < n->u.if_.conds.n; i++) {
            each(n->u.if_.conds.items[i], fn, ud);
            if (i < n->u.if_.bodies.n)
                each(n->u.if_.bodies.items[i], fn, ud);
        }
        each(n->u.if_.else_, fn, ud);
        break;
    case HV_AST_SWITCH:
        each(n->u.switch_.cond, fn, ud);
        each_list(n->u.switch_.clauses, fn, ud);
        each(n->u.switch_.dflt, fn, ud);
        break;
    case HV_AST_SWITCHCLAUSE: each(n->u.clause.pattern, fn, ud); each(n->u.clause.body, fn, ud); break;
    case HV_AST_FOREACH:
        each(n->u.foreach_.var, fn, ud);
        each(n->u.foreach_.iter, fn, ud);
        each(n->u.foreach_.body, fn, ud);
        break;
    case HV_AST_FOR:
        each(n->u.for_.init, fn, ud);
        each(n->u.for_.cond, fn, ud);
        each(n->u.for_.step, fn, ud);
        each(n->u.for_.body, fn, ud);
        break;
    case HV_AST_WHILE: each(n->u.loop.cond, fn, ud); each(n->u.loop.body, fn, ud); break;
    case HV_AST_DOWHILE: case HV_AST_DOUNTIL:
        each(n->u.loop.body, fn, ud);
        each(n->u.loop.cond, fn, ud);
        break;
    case HV_AST_BREAK: case HV_AST_CONTINUE: case HV_AST_RETURN: case HV_AST_EXIT: case HV_AST_THROW:
        each(n->u.jump.arg, fn, ud);
        break;
    case HV_AST_TRAP: each(n->u.trap.body, fn, ud); break;
    case HV_AST_TRY:
        each(n->u.try_.body, fn, ud);
        each_list(n->u.try_.catches, fn, ud);
        each(n->u.try_.finally, fn, ud);
        break;
    case HV_AST_CATCH: each(n->u.catch_.body, fn, ud); break;
    case HV_AST_FUNCTIONDEF: each_list(n->u.func.params, fn, ud); each(n->u.func.body, fn, ud); break;
    case HV_AST_DATA: each_list(n->u.data.commands, fn, ud); each(n->u.data.body, fn, ud); break;
    case HV_AST_CLASS: case HV_AST_ENUM:
        each_list(n->u.typedef_.attrs, fn, ud);
        each_list(n->u.typedef_.members, fn, ud);
        break;
    case HV_AST_PROPERTY: each_list(n->u.prop.attrs, fn, ud); each(n->u.prop.init, fn, ud); break;
    case HV_AST_METHOD:
        each_list(n->u.method.attrs, fn, ud);
        each_list(n->u.method.params, fn, ud);
        each_list(n->u.method.base_args, fn, ud);
        each(n->u.method.body, fn, ud);
        break;
    default:
        break;
    }
}

static void
children_expr(hv_ast *n, visit_fn fn, void *ud)
{
    switch (n->kind) {
    case HV_AST_BINARY: each(n->u.bin.left, fn, ud); each(n->u.bin.right, fn, ud); break;
    case HV_AST_UNARY: each(n->u.un.operand, fn, ud); break;
    case HV_AST_TERNARY:
        each(n->u.tern.cond, fn, ud);
        each(n->u.tern.yes, fn, ud);
        each(n->u.tern.no, fn, ud);
        break;
    case HV_AST_CONVERT: each(n->u.conv.operand, fn, ud); break;
    case HV_AST_EXPANDABLE: each_list(n->u.xstr.parts, fn, ud); break;
    case HV_AST_MEMBER: case HV_AST_INVOKEMEMBER:
        each(n->u.member.target, fn, ud);
        each(n->u.member.member, fn, ud);
        each_list(n->u.member.args, fn, ud);
        break;
    case HV_AST_INDEX: each(n->u.index.target, fn, ud); each(n->u.index.index, fn, ud); break;
    case HV_AST_ARRAYLITERAL: each_list(n->u.list.items, fn, ud); break;
    case HV_AST_ARRAYEXPR: case HV_AST_SUBEXPR: case HV_AST_STATEMENTBLOCK:
        each_list(n->u.block.stmts, fn, ud);
        break;
    case HV_AST_PAREN: each(n->u.paren.stmt, fn, ud); break;
    case HV_AST_HASHTABLE:
        for (uint32_t i = 0; i < n->u.hash.keys.n; i++) {
            each(n->u.hash.keys.items[i], fn, ud);
            if (i < n->u.hash.values.n)
                each(n->u.hash.values.items[i], fn, ud);
        }
        break;
    case HV_AST_SCRIPTBLOCKEXPR: each(n->u.sbexpr.sb, fn, ud); break;
    case HV_AST_ATTRIBUTED:
        each(n->u.attributed.attr, fn, ud);
        each(n->u.attributed.operand, fn, ud);
        break;
    default:
        children_stmt(n, fn, ud);
        break;
    }
}

void
hv_ast_visit_children(hv_ast *n, void (*fn)(hv_ast *child, void *ud), void *ud)
{
    switch (n->kind) {
    case HV_AST_SCRIPTBLOCK:
        each_list(n->u.sb.usings, fn, ud);
        each(n->u.sb.param, fn, ud);
        each(n->u.sb.dynamicparam, fn, ud);
        each(n->u.sb.begin, fn, ud);
        each(n->u.sb.process, fn, ud);
        each(n->u.sb.end, fn, ud);
        each(n->u.sb.clean, fn, ud);
        break;
    case HV_AST_NAMEDBLOCK: each_list(n->u.named.stmts, fn, ud); break;
    case HV_AST_PARAMBLOCK:
        each_list(n->u.paramblock.attrs, fn, ud);
        each_list(n->u.paramblock.params, fn, ud);
        break;
    case HV_AST_PARAMETER:
        each_list(n->u.param.attrs, fn, ud);
        each(n->u.param.var, fn, ud);
        each(n->u.param.dflt, fn, ud);
        break;
    case HV_AST_ATTRIBUTE: each_list(n->u.attr.pos, fn, ud); each_list(n->u.attr.named, fn, ud); break;
    case HV_AST_NAMEDARG: each(n->u.namedarg.value, fn, ud); break;
    case HV_AST_PIPELINE: each_list(n->u.pipe.elems, fn, ud); break;
    case HV_AST_PIPELINECHAIN: each(n->u.chain.left, fn, ud); each(n->u.chain.right, fn, ud); break;
    case HV_AST_COMMAND: each_list(n->u.cmd.elems, fn, ud); each_list(n->u.cmd.redirs, fn, ud); break;
    case HV_AST_COMMANDEXPR: each(n->u.cmdexpr.expr, fn, ud); each_list(n->u.cmdexpr.redirs, fn, ud); break;
    case HV_AST_COMMANDPARAM: each(n->u.cparam.arg, fn, ud); break;
    case HV_AST_REDIRECTION: each(n->u.redir.target, fn, ud); break;
    case HV_AST_ASSIGNMENT: each(n->u.assign.left, fn, ud); each(n->u.assign.right, fn, ud); break;
    default:
        children_expr(n, fn, ud);
        break;
    }
}

/* ---- validation ---- */

static bool
node_ok(const hv_ast *n)
{
    switch (n->kind) {
    case HV_AST_IF: return n->u.if_.conds.n && n->u.if_.conds.n == n->u.if_.bodies.n;
    case HV_AST_SWITCH: return n->u.switch_.cond;
    case HV_AST_SWITCHCLAUSE: return n->u.clause.pattern && n->u.clause.body;
    case HV_AST_FOREACH: return n->u.foreach_.var && n->u.foreach_.iter && n->u.foreach_.body;
    case HV_AST_FOR: return n->u.for_.body;
    case HV_AST_WHILE: case HV_AST_DOWHILE: case HV_AST_DOUNTIL: return n->u.loop.cond && n->u.loop.body;
    case HV_AST_TRAP: return n->u.trap.body;
    case HV_AST_TRY: return n->u.try_.body && (n->u.try_.catches.n || n->u.try_.finally);
    case HV_AST_CATCH: return n->u.catch_.body;
    case HV_AST_FUNCTIONDEF: return n->u.func.name && n->u.func.body;
    case HV_AST_DATA: return n->u.data.body;
    case HV_AST_CLASS: case HV_AST_ENUM: return n->u.typedef_.name;
    case HV_AST_PROPERTY: return n->u.prop.name;
    case HV_AST_METHOD: return n->u.method.name && n->u.method.body;
    case HV_AST_BINARY: return n->u.bin.left && n->u.bin.right && n->u.bin.op_text;
    case HV_AST_UNARY: return n->u.un.operand;
    case HV_AST_TERNARY: return n->u.tern.cond && n->u.tern.yes && n->u.tern.no;
    case HV_AST_CONVERT: return n->u.conv.type && n->u.conv.operand;
    case HV_AST_TYPE: case HV_AST_TYPECONSTRAINT: return n->u.type.type;
    case HV_AST_ATTRIBUTE: return n->u.attr.type;
    case HV_AST_NAMEDARG: return n->u.namedarg.name;
    case HV_AST_CONSTANT: return n->u.num.text;
    case HV_AST_STRING: return n->u.str.value;
    case HV_AST_EXPANDABLE: return n->u.xstr.parts.n;
    case HV_AST_VARIABLE: return n->u.var.name && n->u.var.full;
    case HV_AST_MEMBER: case HV_AST_INVOKEMEMBER: return n->u.member.target && n->u.member.member;
    case HV_AST_INDEX: return n->u.index.target && n->u.index.index;
    case HV_AST_PAREN: return n->u.paren.stmt;
    case HV_AST_HASHTABLE: return n->u.hash.keys.n == n->u.hash.values.n;
    case HV_AST_SCRIPTBLOCKEXPR: return n->u.sbexpr.sb;
    case HV_AST_ATTRIBUTED: return n->u.attributed.attr && n->u.attributed.operand;
    case HV_AST_PARAMETER: return n->u.param.var;
    case HV_AST_PIPELINE: return n->u.pipe.elems.n;
    case HV_AST_PIPELINECHAIN: return n->u.chain.left && n->u.chain.right;
    case HV_AST_COMMAND: return n->u.cmd.elems.n;
    case HV_AST_COMMANDEXPR: return n->u.cmdexpr.expr;
    case HV_AST_COMMANDPARAM: return n->u.cparam.name && n->u.cparam.text;
    case HV_AST_REDIRECTION: return n->u.redir.merge || n->u.redir.target;
    case HV_AST_ASSIGNMENT: return n->u.assign.left && n->u.assign.right;
    case HV_AST_USING: return n->u.using_.name;
    case HV_AST_ERROR: return false;
    default: return true;
    }
}

typedef struct {
    const hv_ast_unit *unit;
    const hv_ast *bad;
} validate_ctx;

static void
validate_child(hv_ast *child, void *ud)
{
    validate_ctx *v = ud;
    const hv_ast *par = child->parent;
    if (v->bad)
        return;
    if (!node_ok(child) || !par || child->ext.start > child->ext.end || child->ext.end > v->unit->len ||
        child->ext.start < par->ext.start || child->ext.end > par->ext.end) {
        v->bad = child;
        return;
    }
    hv_ast_visit_children(child, validate_child, ud);
}

const hv_ast *
hv_ast_validate(const hv_ast_unit *unit, hv_ast *root)
{
    validate_ctx v = {unit, NULL};
    if (!node_ok(root))
        return root;
    hv_ast_visit_children(root, validate_child, &v);
    return v.bad;
}

/* ---- dump ---- */

typedef struct {
    char *s;
    size_t n, cap;
} dbuf;

static void
dputs(dbuf *b, const char *s, size_t n)
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

static void dprintf_(dbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
dprintf_(dbuf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        dputs(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void
dstr(dbuf *b, const char *s)
{
    dputs(b, s, strlen(s));
}

/* Quoted text with C-style escapes for control characters. */
static void
dquoted(dbuf *b, const char *open, const char *s, size_t n, const char *close)
{
    dstr(b, open);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            dstr(b, "\\n");
        else if (c == '\t')
            dstr(b, "\\t");
        else if (c == '\r')
            dstr(b, "\\r");
        else if (c == '\\')
            dstr(b, "\\\\");
        else if (c < 0x20 || c == 0x7F)
            dprintf_(b, "\\x%02x", c);
        else
            dputs(b, (const char *)&s[i], 1);
    }
    dstr(b, close);
}

static void dump(dbuf *b, const hv_ast *n);

static void
dump_list(dbuf *b, hv_ast_list l)
{
    for (uint32_t i = 0; i < l.n; i++) {
        dstr(b, " ");
        dump(b, l.items[i]);
    }
}

static void
dump_opt(dbuf *b, const hv_ast *n)
{
    dstr(b, " ");
    if (n)
        dump(b, n);
    else
        dstr(b, "_");
}

static void
dump_type(dbuf *b, const hv_ast_typename *t)
{
    dstr(b, "[");
    dstr(b, t ? t->full : "?");
    dstr(b, "]");
}

static void
dump_string(dbuf *b, const hv_ast *n)
{
    switch (n->u.str.kind) {
    case HV_STR_BARE: dquoted(b, "<", n->u.str.value, n->u.str.len, ">"); break;
    case HV_STR_SINGLE: dquoted(b, "'", n->u.str.value, n->u.str.len, "'"); break;
    case HV_STR_DOUBLE: dquoted(b, "\"", n->u.str.value, n->u.str.len, "\""); break;
    case HV_STR_HERE_SINGLE: dquoted(b, "@'", n->u.str.value, n->u.str.len, "'@"); break;
    case HV_STR_HERE_DOUBLE: dquoted(b, "@\"", n->u.str.value, n->u.str.len, "\"@"); break;
    case HV_STR_VERBATIM: dquoted(b, "<%", n->u.str.value, n->u.str.len, ">"); break;
    }
}

static void
dump_number(dbuf *b, const hv_ast *n)
{
    static const char *const names[] = {"", "long:", "byte:", "sbyte:", "short:", "ushort:",
                                        "uint:", "ulong:", "bigint:", "double:", "float:",
                                        "decimal:"};
    hv_ast_numkind k = n->u.num.nkind;
    dstr(b, (unsigned)k < 12 ? names[k] : "?:");
    if (k >= HV_AST_N_DOUBLE)
        dprintf_(b, "%.17g", n->u.num.v.d);
    else if (k == HV_AST_N_UINT64 || k == HV_AST_N_UINT32 || k == HV_AST_N_BYTE || k == HV_AST_N_UINT16)
        dprintf_(b, "%" PRIu64, n->u.num.v.u);
    else
        dprintf_(b, "%" PRId64, n->u.num.v.i);
}

static void
dump_variable(dbuf *b, const hv_ast *n)
{
    dstr(b, n->u.var.splatted ? "@" : "$");
    if (n->u.var.braced)
        dstr(b, "{");
    dstr(b, n->u.var.full);
    if (n->u.var.braced)
        dstr(b, "}");
}

static void
dump_scriptblock(dbuf *b, const hv_ast *n)
{
    dstr(b, "(ScriptBlock");
    for (uint32_t i = 0; i < n->u.sb.usings.n; i++) {
        dstr(b, " ");
        dump(b, n->u.sb.usings.items[i]);
    }
    if (n->u.sb.param)
        dump_opt(b, n->u.sb.param);
    const hv_ast *blocks[] = {n->u.sb.dynamicparam, n->u.sb.begin, n->u.sb.process, n->u.sb.end,
                              n->u.sb.clean};
    for (size_t i = 0; i < 5; i++) {
        const hv_ast *nb = blocks[i];
        if (!nb)
            continue;
        if (nb->u.named.unnamed) {
            dump_list(b, nb->u.named.stmts);
            continue;
        }
        static const char *const bn[] = {"begin", "process", "end", "clean", "dynamicparam"};
        dprintf_(b, " (%s", bn[nb->u.named.block]);
        dump_list(b, nb->u.named.stmts);
        dstr(b, ")");
    }
    dstr(b, ")");
}

static void
dump_pipeline(dbuf *b, const hv_ast *n)
{
    if (n->u.pipe.elems.n == 1 && !n->u.pipe.background) {
        const hv_ast *e = n->u.pipe.elems.items[0];
        if (e->kind == HV_AST_COMMANDEXPR && !e->u.cmdexpr.redirs.n) {
            dump(b, e->u.cmdexpr.expr);
            return;
        }
        if (e->kind == HV_AST_COMMAND) {
            dump(b, e);
            return;
        }
    }
    dstr(b, n->u.pipe.background ? "(Pipeline&" : "(Pipeline");
    dump_list(b, n->u.pipe.elems);
    dstr(b, ")");
}

static void
dump_redir(dbuf *b, const hv_ast *n)
{
    dstr(b, "(");
    if (n->u.redir.from == HV_STREAM_ALL)
        dstr(b, "*");
    else if (n->u.redir.from != HV_STREAM_OUTPUT || n->u.redir.merge)
        dprintf_(b, "%d", n->u.redir.from);
    dstr(b, n->u.redir.append ? ">>" : ">");
    if (n->u.redir.merge)
        dprintf_(b, "&%d", n->u.redir.to);
    else
        dump_opt(b, n->u.redir.target);
    dstr(b, ")");
}

static void
dump_label(dbuf *b, const char *kw, const char *label)
{
    dstr(b, "(");
    dstr(b, kw);
    if (label) {
        dstr(b, ":");
        dstr(b, label);
    }
}

static void
dump_switch(dbuf *b, const hv_ast *n)
{
    dump_label(b, "Switch", n->u.switch_.label);
    static const char *const fl[] = {"regex", "wildcard", "exact", "casesensitive", "file", "parallel"};
    for (int i = 0; i < 6; i++)
        if (n->u.switch_.flags & (1u << i))
            dprintf_(b, " -%s", fl[i]);
    dump_opt(b, n->u.switch_.cond);
    dump_list(b, n->u.switch_.clauses);
    if (n->u.switch_.dflt) {
        dstr(b, " (default");
        dump_opt(b, n->u.switch_.dflt);
        dstr(b, ")");
    }
    dstr(b, ")");
}

static void
dump_try(dbuf *b, const hv_ast *n)
{
    dstr(b, "(Try");
    dump_opt(b, n->u.try_.body);
    for (uint32_t i = 0; i < n->u.try_.catches.n; i++) {
        const hv_ast *c = n->u.try_.catches.items[i];
        dstr(b, " (Catch");
        for (uint32_t k = 0; k < c->u.catch_.ntypes; k++) {
            dstr(b, " ");
            dump_type(b, c->u.catch_.types[k]);
        }
        dump_opt(b, c->u.catch_.body);
        dstr(b, ")");
    }
    if (n->u.try_.finally) {
        dstr(b, " (Finally");
        dump_opt(b, n->u.try_.finally);
        dstr(b, ")");
    }
    dstr(b, ")");
}

static void
dump_function(dbuf *b, const hv_ast *n)
{
    static const char *const kinds[] = {"Function", "Filter", "Workflow"};
    dprintf_(b, "(%s %s", kinds[n->u.func.kind], n->u.func.name ? n->u.func.name : "?");
    if (n->u.func.has_parens) {
        dstr(b, " (Params");
        dump_list(b, n->u.func.params);
        dstr(b, ")");
    }
    dump_opt(b, n->u.func.body);
    dstr(b, ")");
}

static void
dump_typedef(dbuf *b, const hv_ast *n)
{
    dprintf_(b, "(%s %s", n->kind == HV_AST_ENUM ? "Enum" : "Class", n->u.typedef_.name);
    for (uint32_t i = 0; i < n->u.typedef_.nbases; i++) {
        dstr(b, i ? ", " : " : ");
        dump_type(b, n->u.typedef_.bases[i]);
    }
    dump_list(b, n->u.typedef_.attrs);
    dump_list(b, n->u.typedef_.members);
    dstr(b, ")");
}

static void
dump_member(dbuf *b, const hv_ast *n)
{
    if (n->kind == HV_AST_PROPERTY) {
        dstr(b, "(Prop");
        if (n->u.prop.is_static)
            dstr(b, " static");
        if (n->u.prop.is_hidden)
            dstr(b, " hidden");
        dump_list(b, n->u.prop.attrs);
        if (n->u.prop.type) {
            dstr(b, " ");
            dump_type(b, n->u.prop.type);
        }
        dprintf_(b, " %s", n->u.prop.name);
        if (n->u.prop.init)
            dump_opt(b, n->u.prop.init);
        dstr(b, ")");
        return;
    }
    dstr(b, n->u.method.is_ctor ? "(Ctor" : "(Method");
    if (n->u.method.is_static)
        dstr(b, " static");
    if (n->u.method.is_hidden)
        dstr(b, " hidden");
    dump_list(b, n->u.method.attrs);
    if (n->u.method.ret) {
        dstr(b, " ");
        dump_type(b, n->u.method.ret);
    }
    dprintf_(b, " %s (Params", n->u.method.name);
    dump_list(b, n->u.method.params);
    dstr(b, ")");
    if (n->u.method.base_args.n) {
        dstr(b, " (base");
        dump_list(b, n->u.method.base_args);
        dstr(b, ")");
    }
    dump_opt(b, n->u.method.body);
    dstr(b, ")");
}

static void
dump_attribute(dbuf *b, const hv_ast *n)
{
    dstr(b, "(Attr ");
    dstr(b, n->u.attr.type->full);
    dump_list(b, n->u.attr.pos);
    for (uint32_t i = 0; i < n->u.attr.named.n; i++) {
        const hv_ast *na = n->u.attr.named.items[i];
        dprintf_(b, " (%s", na->u.namedarg.name);
        if (na->u.namedarg.value) {
            dstr(b, "=");
            dump(b, na->u.namedarg.value);
        }
        dstr(b, ")");
    }
    dstr(b, ")");
}

static void
dump_binary(dbuf *b, const hv_ast *n)
{
    const char *name = hv_ast_op_name(n->u.bin.op);
    dstr(b, "(");
    if (n->u.bin.case_sensitive)
        dprintf_(b, "-c%s", name + 1);
    else
        dstr(b, name);
    dump_opt(b, n->u.bin.left);
    dump_opt(b, n->u.bin.right);
    dstr(b, ")");
}

static void
dump_memberexpr(dbuf *b, const hv_ast *n)
{
    const char *op = n->u.member.is_static ? "::" : n->u.member.nullcond ? "?." : ".";
    dprintf_(b, "(%s%s", n->kind == HV_AST_INVOKEMEMBER ? "call" : "", op);
    dump_opt(b, n->u.member.target);
    dump_opt(b, n->u.member.member);
    dump_list(b, n->u.member.args);
    dstr(b, ")");
}

static void
dump_hashtable(dbuf *b, const hv_ast *n)
{
    dstr(b, n->u.hash.ordered ? "(Hash[ordered]" : "(Hash");
    for (uint32_t i = 0; i < n->u.hash.keys.n; i++) {
        dstr(b, " (");
        dump(b, n->u.hash.keys.items[i]);
        dump_opt(b, i < n->u.hash.values.n ? n->u.hash.values.items[i] : NULL);
        dstr(b, ")");
    }
    dstr(b, ")");
}

static void
dump_command(dbuf *b, const hv_ast *n)
{
    dstr(b, "(Command");
    if (n->u.cmd.invoke)
        dprintf_(b, "%c", n->u.cmd.invoke);
    dump_list(b, n->u.cmd.elems);
    dump_list(b, n->u.cmd.redirs);
    dstr(b, ")");
}

static void
dump_cparam(dbuf *b, const hv_ast *n)
{
    if (!n->u.cparam.colon) {
        dstr(b, n->u.cparam.text);
        return;
    }
    dprintf_(b, "(%s", n->u.cparam.text);
    dump_opt(b, n->u.cparam.arg);
    dstr(b, ")");
}

static void
dump_if(dbuf *b, const hv_ast *n)
{
    dstr(b, "(If");
    for (uint32_t i = 0; i < n->u.if_.conds.n; i++) {
        dump_opt(b, n->u.if_.conds.items[i]);
        dump_opt(b, i < n->u.if_.bodies.n ? n->u.if_.bodies.items[i] : NULL);
    }
    if (n->u.if_.else_) {
        dstr(b, " (else");
        dump_opt(b, n->u.if_.else_);
        dstr(b, ")");
    }
    dstr(b, ")");
}

static void
dump_simple(dbuf *b, const char *head, const hv_ast *a, const hv_ast *c, const hv_ast *d)
{
    dprintf_(b, "(%s", head);
    if (a)
        dump_opt(b, a);
    if (c)
        dump_opt(b, c);
    if (d)
        dump_opt(b, d);
    dstr(b, ")");
}

static void
dump_block(dbuf *b, const char *head, hv_ast_list l)
{
    dstr(b, "(");
    dstr(b, head);
    dump_list(b, l);
    dstr(b, ")");
}

static void
dump_unary(dbuf *b, const hv_ast *n)
{
    dstr(b, "(");
    if (n->u.un.case_sensitive)
        dprintf_(b, "-c%s", hv_ast_op_name(n->u.un.op) + 1);
    else
        dstr(b, hv_ast_op_name(n->u.un.op));
    dump_opt(b, n->u.un.operand);
    dstr(b, ")");
}

static void
dump_parameter(dbuf *b, const hv_ast *n)
{
    dstr(b, "(Parameter");
    dump_list(b, n->u.param.attrs);
    dump_opt(b, n->u.param.var);
    if (n->u.param.dflt)
        dump_opt(b, n->u.param.dflt);
    dstr(b, ")");
}

static void
dump_loop(dbuf *b, const hv_ast *n)
{
    switch (n->kind) {
    case HV_AST_FOREACH:
        dump_label(b, n->u.foreach_.parallel ? "Foreach-parallel" : "Foreach", n->u.foreach_.label);
        dump_opt(b, n->u.foreach_.var);
        dump_opt(b, n->u.foreach_.iter);
        dump_opt(b, n->u.foreach_.body);
        break;
    case HV_AST_FOR:
        dump_label(b, "For", n->u.for_.label);
        dump_opt(b, n->u.for_.init);
        dump_opt(b, n->u.for_.cond);
        dump_opt(b, n->u.for_.step);
        dump_opt(b, n->u.for_.body);
        break;
    case HV_AST_WHILE:
        dump_label(b, "While", n->u.loop.label);
        dump_opt(b, n->u.loop.cond);
        dump_opt(b, n->u.loop.body);
        break;
    default:
        dump_label(b, n->kind == HV_AST_DOWHILE ? "DoWhile" : "DoUntil", n->u.loop.label);
        dump_opt(b, n->u.loop.body);
        dump_opt(b, n->u.loop.cond);
        break;
    }
    dstr(b, ")");
}

static void
dump_stmt(dbuf *b, const hv_ast *n)
{
    static const char *const jumps[] = {"Break", "Continue", "Return", "Exit", "Throw"};
    static const char *const usings[] = {"namespace", "module", "assembly"};
    switch (n->kind) {
    case HV_AST_IF: dump_if(b, n); break;
    case HV_AST_SWITCH: dump_switch(b, n); break;
    case HV_AST_SWITCHCLAUSE: dump_simple(b, "Clause", n->u.clause.pattern, n->u.clause.body, NULL); break;
    case HV_AST_FOREACH: case HV_AST_FOR: case HV_AST_WHILE: case HV_AST_DOWHILE: case HV_AST_DOUNTIL:
        dump_loop(b, n);
        break;
    case HV_AST_BREAK: case HV_AST_CONTINUE: case HV_AST_RETURN: case HV_AST_EXIT: case HV_AST_THROW:
        dump_simple(b, jumps[n->kind - HV_AST_BREAK], n->u.jump.arg, NULL, NULL);
        break;
    case HV_AST_TRAP:
        dstr(b, "(Trap");
        if (n->u.trap.type) {
            dstr(b, " ");
            dump_type(b, n->u.trap.type);
        }
        dump_opt(b, n->u.trap.body);
        dstr(b, ")");
        break;
    case HV_AST_TRY: dump_try(b, n); break;
    case HV_AST_FUNCTIONDEF: dump_function(b, n); break;
    case HV_AST_DATA:
        dprintf_(b, "(Data %s", n->u.data.var ? n->u.data.var : "_");
        dump_list(b, n->u.data.commands);
        dump_opt(b, n->u.data.body);
        dstr(b, ")");
        break;
    case HV_AST_CLASS: case HV_AST_ENUM: dump_typedef(b, n); break;
    case HV_AST_PROPERTY: case HV_AST_METHOD: dump_member(b, n); break;
    case HV_AST_USING:
        dprintf_(b, "(Using %s %s)", usings[n->u.using_.kind], n->u.using_.name ? n->u.using_.name : "?");
        break;
    default:
        dprintf_(b, "(%s)", hv_ast_kind_name((hv_ast_kind)n->kind));
        break;
    }
}

static void
dump_expr(dbuf *b, const hv_ast *n)
{
    switch (n->kind) {
    case HV_AST_BINARY: dump_binary(b, n); break;
    case HV_AST_UNARY: dump_unary(b, n); break;
    case HV_AST_TERNARY: dump_simple(b, "?", n->u.tern.cond, n->u.tern.yes, n->u.tern.no); break;
    case HV_AST_CONVERT:
        dstr(b, "(Convert ");
        dump_type(b, n->u.conv.type);
        dump_opt(b, n->u.conv.operand);
        dstr(b, ")");
        break;
    case HV_AST_TYPE: dump_type(b, n->u.type.type); break;
    case HV_AST_CONSTANT: dump_number(b, n); break;
    case HV_AST_STRING: dump_string(b, n); break;
    case HV_AST_EXPANDABLE: dump_block(b, "Expand", n->u.xstr.parts); break;
    case HV_AST_VARIABLE: dump_variable(b, n); break;
    case HV_AST_MEMBER: case HV_AST_INVOKEMEMBER: dump_memberexpr(b, n); break;
    case HV_AST_INDEX:
        dump_simple(b, n->u.index.nullcond ? "?Index" : "Index", n->u.index.target, n->u.index.index, NULL);
        break;
    case HV_AST_ARRAYLITERAL: dump_block(b, "Array", n->u.list.items); break;
    case HV_AST_ARRAYEXPR: dump_block(b, "@()", n->u.block.stmts); break;
    case HV_AST_SUBEXPR: dump_block(b, "$()", n->u.block.stmts); break;
    case HV_AST_PAREN: dump_simple(b, "Paren", n->u.paren.stmt, NULL, NULL); break;
    case HV_AST_HASHTABLE: dump_hashtable(b, n); break;
    case HV_AST_SCRIPTBLOCKEXPR: dump(b, n->u.sbexpr.sb); break;
    case HV_AST_ATTRIBUTED:
        dump_simple(b, "Attributed", n->u.attributed.attr, n->u.attributed.operand, NULL);
        break;
    default: dump_stmt(b, n); break;
    }
}

static void
dump(dbuf *b, const hv_ast *n)
{
    if (!n) {
        dstr(b, "_");
        return;
    }
    switch (n->kind) {
    case HV_AST_SCRIPTBLOCK: dump_scriptblock(b, n); break;
    case HV_AST_NAMEDBLOCK: dump_block(b, "NamedBlock", n->u.named.stmts); break;
    case HV_AST_PARAMBLOCK:
        dstr(b, "(ParamBlock");
        dump_list(b, n->u.paramblock.attrs);
        dump_list(b, n->u.paramblock.params);
        dstr(b, ")");
        break;
    case HV_AST_PARAMETER: dump_parameter(b, n); break;
    case HV_AST_ATTRIBUTE: dump_attribute(b, n); break;
    case HV_AST_TYPECONSTRAINT: dump_type(b, n->u.type.type); break;
    case HV_AST_STATEMENTBLOCK: dump_block(b, "Block", n->u.block.stmts); break;
    case HV_AST_PIPELINE: dump_pipeline(b, n); break;
    case HV_AST_PIPELINECHAIN:
        dstr(b, n->u.chain.op == HV_OP_ANDAND ? "(&&" : "(||");
        dump_opt(b, n->u.chain.left);
        dump_opt(b, n->u.chain.right);
        dstr(b, n->u.chain.background ? " &)" : ")");
        break;
    case HV_AST_COMMAND: dump_command(b, n); break;
    case HV_AST_COMMANDEXPR:
        dstr(b, "(CmdExpr");
        dump_opt(b, n->u.cmdexpr.expr);
        dump_list(b, n->u.cmdexpr.redirs);
        dstr(b, ")");
        break;
    case HV_AST_COMMANDPARAM: dump_cparam(b, n); break;
    case HV_AST_REDIRECTION: dump_redir(b, n); break;
    case HV_AST_ASSIGNMENT:
        dump_simple(b, hv_ast_op_name(n->u.assign.op), n->u.assign.left, n->u.assign.right, NULL);
        break;
    default: dump_expr(b, n); break;
    }
}

char *
hv_ast_dump(const hv_ast *node)
{
    dbuf b = {0};
    dputs(&b, "", 0);
    dump(&b, node);
    return b.s;
}
