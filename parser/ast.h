/* ast.h — the PowerShell 7 syntax tree produced by parser/ (see parser.h for the API).
 *
 * Memory: every node, list and string of one parse lives in the arena of its parse unit
 * (hv_ast_unit). The unit is refcounted: a scriptblock value that keeps a pointer to a
 * node must hold a reference to the unit (hv_ast_unit_ref) and drop it when done. Nodes
 * are never freed one by one. Nodes are not const because the evaluator may use the
 * per-node `aux` slot as a cache (command lookup, variable slot); the parser sets it to 0.
 *
 * Vocabulary follows System.Management.Automation.Language (ScriptBlockAst, PipelineAst,
 * CommandAst, ...). Every node has a kind, an extent (source range) and a parent.
 *
 * Strings: names are NUL-terminated. String *values* (StringConstant, number text) carry an
 * explicit byte length as well, because "`0" puts a NUL inside a string.
 *
 * Changes to this header are additive only (new kinds at the end, new fields at the end
 * of a struct) so code written against it keeps compiling.
 */
#ifndef HV_AST_H
#define HV_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hv_ast hv_ast;
typedef struct hv_ast_unit hv_ast_unit;

/* Source range. Offsets are bytes into unit->src (end exclusive); lines and columns are
 * 1-based, columns counted in characters (UTF-8 code points) like pwsh. end_col is the
 * column just after the last character. */
typedef struct {
    uint32_t start, end;
    uint32_t line, col;
    uint32_t end_line, end_col;
} hv_extent;

/* A list of child nodes (never NULL items). n == 0 means empty; items may be NULL then. */
typedef struct {
    hv_ast **items;
    uint32_t n;
} hv_ast_list;

typedef enum {
    /* ---- script structure ---- */
    HV_AST_SCRIPTBLOCK = 1, /* u.sb */
    HV_AST_NAMEDBLOCK,      /* u.named */
    HV_AST_PARAMBLOCK,      /* u.paramblock */
    HV_AST_PARAMETER,       /* u.param */
    HV_AST_ATTRIBUTE,       /* u.attr */
    HV_AST_NAMEDARG,        /* u.namedarg: Name=expr inside an attribute */
    HV_AST_TYPECONSTRAINT,  /* u.type: [int] in a parameter/attribute list. An attribute
                             * written without parentheses ([ValidateNotNull]) also comes as
                             * a TYPECONSTRAINT, as in pwsh; decide by the type name. */
    HV_AST_STATEMENTBLOCK,  /* u.block */
    HV_AST_USING,           /* u.using */
    /* ---- statements ---- */
    HV_AST_PIPELINE,       /* u.pipe */
    HV_AST_PIPELINECHAIN,  /* u.chain: a && b, a || b */
    HV_AST_COMMAND,        /* u.cmd */
    HV_AST_COMMANDEXPR,    /* u.cmdexpr: expression as a pipeline element */
    HV_AST_COMMANDPARAM,   /* u.cparam: -Name / -Name:value */
    HV_AST_REDIRECTION,    /* u.redir */
    HV_AST_ASSIGNMENT,     /* u.assign */
    HV_AST_IF,             /* u.if_ */
    HV_AST_SWITCH,         /* u.switch_ */
    HV_AST_SWITCHCLAUSE,   /* u.clause */
    HV_AST_FOREACH,        /* u.foreach_ */
    HV_AST_FOR,            /* u.for_ */
    HV_AST_WHILE,          /* u.loop */
    HV_AST_DOWHILE,        /* u.loop */
    HV_AST_DOUNTIL,        /* u.loop */
    HV_AST_BREAK,          /* u.jump: label or NULL */
    HV_AST_CONTINUE,       /* u.jump */
    HV_AST_RETURN,         /* u.jump: pipeline or NULL */
    HV_AST_EXIT,           /* u.jump */
    HV_AST_THROW,          /* u.jump */
    HV_AST_TRAP,           /* u.trap */
    HV_AST_TRY,            /* u.try_ */
    HV_AST_CATCH,          /* u.catch_ */
    HV_AST_FUNCTIONDEF,    /* u.func */
    HV_AST_DATA,           /* u.data */
    HV_AST_CLASS,          /* u.typedef_ (class) */
    HV_AST_ENUM,           /* u.typedef_ (enum) */
    HV_AST_PROPERTY,       /* u.prop: class property or enum member */
    HV_AST_METHOD,         /* u.method: class method or constructor */
    /* ---- expressions ---- */
    HV_AST_BINARY,         /* u.bin */
    HV_AST_UNARY,          /* u.un */
    HV_AST_TERNARY,        /* u.tern */
    HV_AST_CONVERT,        /* u.conv: [type]expr */
    HV_AST_TYPE,           /* u.type: [type] as a value */
    HV_AST_CONSTANT,       /* u.num: a number literal */
    HV_AST_STRING,         /* u.str: string constant (bare word, '..', "..", here-strings) */
    HV_AST_EXPANDABLE,     /* u.xstr: "..$x..$(..)" */
    HV_AST_VARIABLE,       /* u.var */
    HV_AST_MEMBER,         /* u.member: $x.Name, [t]::Name */
    HV_AST_INVOKEMEMBER,   /* u.member: $x.Name(args), [t]::Name(args) */
    HV_AST_INDEX,          /* u.index: $x[i] */
    HV_AST_ARRAYLITERAL,   /* u.list: 1, 2, 3 */
    HV_AST_ARRAYEXPR,      /* u.block: @( ... ) */
    HV_AST_SUBEXPR,        /* u.block: $( ... ) */
    HV_AST_PAREN,          /* u.paren: ( pipeline ) */
    HV_AST_HASHTABLE,      /* u.hash */
    HV_AST_SCRIPTBLOCKEXPR,/* u.sbexpr: { ... } */
    HV_AST_ATTRIBUTED,     /* u.attributed: [ValidateNotNull()]$x */
    HV_AST_ERROR,          /* placeholder where parsing failed (only in trees with errors) */
    HV_AST__KIND_COUNT
} hv_ast_kind;

/* Operators (binary, unary, assignment, chain). Case variants are folded: -ieq and -ceq
 * are HV_OP_EQ with case_sensitive false/true; the original text is kept in op_text. */
typedef enum {
    HV_OP_NONE = 0,
    /* arithmetic */
    HV_OP_ADD, HV_OP_SUB, HV_OP_MUL, HV_OP_DIV, HV_OP_MOD,
    /* comparison (have i/c variants) */
    HV_OP_EQ, HV_OP_NE, HV_OP_GT, HV_OP_GE, HV_OP_LT, HV_OP_LE,
    HV_OP_LIKE, HV_OP_NOTLIKE, HV_OP_MATCH, HV_OP_NOTMATCH, HV_OP_REPLACE,
    HV_OP_CONTAINS, HV_OP_NOTCONTAINS, HV_OP_IN, HV_OP_NOTIN, HV_OP_SPLIT,
    HV_OP_JOIN, /* binary -join (no case variant in pwsh, kept here for the table) */
    /* type */
    HV_OP_IS, HV_OP_ISNOT, HV_OP_AS,
    HV_OP_FORMAT, /* -f */
    /* bitwise */
    HV_OP_BAND, HV_OP_BOR, HV_OP_BXOR, HV_OP_SHL, HV_OP_SHR,
    /* logical */
    HV_OP_AND, HV_OP_OR, HV_OP_XOR,
    HV_OP_RANGE,    /* .. */
    HV_OP_COALESCE, /* ?? */
    /* assignment (u.assign.op) */
    HV_OP_ASSIGN, HV_OP_ADD_ASSIGN, HV_OP_SUB_ASSIGN, HV_OP_MUL_ASSIGN, HV_OP_DIV_ASSIGN,
    HV_OP_MOD_ASSIGN, HV_OP_COALESCE_ASSIGN,
    /* unary (u.un.op) */
    HV_OP_NOT,      /* -not and ! */
    HV_OP_BNOT,     /* -bnot */
    HV_OP_NEGATE,   /* -x */
    HV_OP_PLUS,     /* +x */
    HV_OP_PREINC, HV_OP_PREDEC, HV_OP_POSTINC, HV_OP_POSTDEC,
    HV_OP_UCOMMA,   /* ,x (one-element array) */
    HV_OP_USPLIT,   /* -split x */
    HV_OP_UJOIN,    /* -join x */
    /* pipeline chains (u.chain.op) */
    HV_OP_ANDAND, HV_OP_OROR,
    HV_OP__COUNT
} hv_ast_op;

/* Number kinds; same order as pipeline/value.h hv_numkind so the evaluator can cast. */
typedef enum {
    HV_AST_N_INT32 = 0, HV_AST_N_INT64, HV_AST_N_BYTE, HV_AST_N_SBYTE, HV_AST_N_INT16,
    HV_AST_N_UINT16, HV_AST_N_UINT32, HV_AST_N_UINT64, HV_AST_N_BIGINT,
    HV_AST_N_DOUBLE, HV_AST_N_FLOAT, HV_AST_N_DECIMAL
} hv_ast_numkind;

typedef enum {
    HV_STR_BARE = 0,    /* a bare word in command mode: Get-Item, ./x.ps1, C:\x */
    HV_STR_SINGLE,      /* 'x' (also curly single quotes) */
    HV_STR_DOUBLE,      /* "x" with nothing to expand */
    HV_STR_HERE_SINGLE, /* @' ... '@ */
    HV_STR_HERE_DOUBLE, /* @" ... "@ with nothing to expand */
    HV_STR_VERBATIM     /* the text after --% (rest of the line, as written) */
} hv_ast_strkind;

typedef enum {
    HV_VS_NONE = 0, /* no qualifier: $x */
    HV_VS_GLOBAL, HV_VS_SCRIPT, HV_VS_LOCAL, HV_VS_PRIVATE, HV_VS_USING,
    HV_VS_ENV, HV_VS_VARIABLE, HV_VS_FUNCTION, HV_VS_ALIAS,
    HV_VS_DRIVE /* any other drive qualifier, ${c:\x}: u.var.drive holds it */
} hv_ast_varscope;

/* Named blocks of a script block. */
typedef enum {
    HV_BLOCK_BEGIN = 0, HV_BLOCK_PROCESS, HV_BLOCK_END, HV_BLOCK_CLEAN, HV_BLOCK_DYNAMICPARAM
} hv_ast_blockkind;

enum { /* u.switch_.flags */
    HV_SWITCH_REGEX = 1u << 0,
    HV_SWITCH_WILDCARD = 1u << 1,
    HV_SWITCH_EXACT = 1u << 2,
    HV_SWITCH_CASESENSITIVE = 1u << 3,
    HV_SWITCH_FILE = 1u << 4,
    HV_SWITCH_PARALLEL = 1u << 5 /* accepted and ignored, as in pwsh 7 */
};

enum { /* u.redir.from / u.redir.to streams; HV_STREAM_ALL is '*' */
    HV_STREAM_ALL = 0,
    HV_STREAM_OUTPUT = 1, HV_STREAM_ERROR = 2, HV_STREAM_WARNING = 3,
    HV_STREAM_VERBOSE = 4, HV_STREAM_DEBUG = 5, HV_STREAM_INFORMATION = 6
};

typedef enum { HV_USING_NAMESPACE, HV_USING_MODULE, HV_USING_ASSEMBLY } hv_ast_usingkind;
typedef enum { HV_FUNC_FUNCTION, HV_FUNC_FILTER, HV_FUNC_WORKFLOW } hv_ast_funckind;

/* A type name as written: [int], [int[]], [System.Collections.Generic.List[string]],
 * [hashtable[]], [Dictionary[string,int]]. */
typedef struct hv_ast_typename hv_ast_typename;
struct hv_ast_typename {
    const char *full;           /* canonical text without brackets: "List[string]", "int[]" */
    const char *name;           /* base name: "List" (generic) / "int" (array: element's) */
    hv_ast_typename **args;     /* generic arguments, nargs of them */
    uint32_t nargs;
    uint32_t rank;              /* array rank: 0 = not an array, 1 = [], 2 = [,] */
    hv_ast_typename *element;   /* when rank > 0: the element type */
    hv_extent ext;
};

struct hv_ast {
    uint16_t kind;    /* hv_ast_kind */
    uint16_t flags;   /* reserved */
    hv_extent ext;
    hv_ast *parent;   /* NULL for the root */
    uintptr_t aux;    /* free for the evaluator (cache); parser sets 0 */
    union {
        /* HV_AST_SCRIPTBLOCK: a script, a { } script block, a function body. Statements
         * written without named blocks go into `end` (unnamed == true). */
        struct {
            hv_ast *param;         /* PARAMBLOCK or NULL */
            hv_ast *dynamicparam;  /* NAMEDBLOCK or NULL */
            hv_ast *begin, *process, *end, *clean; /* NAMEDBLOCK or NULL */
            hv_ast_list usings;    /* USING nodes (top of a script only) */
            const char **requires; /* raw text after "#requires" of each such line */
            uint32_t nrequires;
            hv_ast_unit *unit;     /* the unit this node belongs to (not a reference) */
        } sb;
        /* HV_AST_NAMEDBLOCK */
        struct {
            hv_ast_blockkind block;
            bool unnamed;          /* statements outside any begin/process/end */
            hv_ast_list stmts;     /* statements (TRAP nodes included, in order) */
        } named;
        /* HV_AST_PARAMBLOCK: [CmdletBinding()] param(...) */
        struct {
            hv_ast_list attrs;     /* ATTRIBUTE nodes before `param` */
            hv_ast_list params;    /* PARAMETER */
        } paramblock;
        /* HV_AST_PARAMETER: [Parameter(Mandatory)][string]$Name = 'x' */
        struct {
            hv_ast_list attrs;     /* ATTRIBUTE and TYPECONSTRAINT, in source order */
            hv_ast *var;           /* VARIABLE */
            hv_ast *dflt;          /* default value expression, or NULL */
        } param;
        /* HV_AST_ATTRIBUTE: [Parameter(Mandatory, Position=0)] */
        struct {
            hv_ast_typename *type;
            hv_ast_list pos;       /* positional argument expressions */
            hv_ast_list named;     /* NAMEDARG */
        } attr;
        /* HV_AST_NAMEDARG: Mandatory=$true, or bare Mandatory (omitted: value is $true) */
        struct {
            const char *name;
            hv_ast *value;         /* NULL when omitted */
        } namedarg;
        /* HV_AST_TYPECONSTRAINT, HV_AST_TYPE */
        struct {
            hv_ast_typename *type;
        } type;
        /* HV_AST_STATEMENTBLOCK, HV_AST_ARRAYEXPR, HV_AST_SUBEXPR */
        struct {
            hv_ast_list stmts;
        } block;
        /* HV_AST_USING: using namespace System.Text / using module X */
        struct {
            hv_ast_usingkind kind;
            const char *name;
            const char *alias;     /* using namespace A = B (NULL if none) */
        } using_;
        /* HV_AST_PIPELINE: elements are COMMAND or COMMANDEXPR */
        struct {
            hv_ast_list elems;
            bool background;       /* trailing & */
        } pipe;
        /* HV_AST_PIPELINECHAIN: left (PIPELINE or PIPELINECHAIN) op right (PIPELINE) */
        struct {
            hv_ast *left, *right;
            hv_ast_op op;          /* HV_OP_ANDAND / HV_OP_OROR */
            bool background;
        } chain;
        /* HV_AST_COMMAND: elems[0] is the command name (a bare STRING, or any expression
         * after & or .); then arguments (expressions) and COMMANDPARAM nodes in order.
         * elems.n >= 1 always (a command without a name is a syntax error). */
        struct {
            hv_ast_list elems;
            char invoke;           /* 0, '&' or '.' */
            hv_ast_list redirs;    /* REDIRECTION */
        } cmd;
        /* HV_AST_COMMANDEXPR */
        struct {
            hv_ast *expr;
            hv_ast_list redirs;
        } cmdexpr;
        /* HV_AST_COMMANDPARAM: -Name, -Name:value. `-Name value` gives two elements. */
        struct {
            const char *name;      /* without the dash or colon: "Name" */
            hv_ast *arg;           /* value after ':' or NULL */
            const char *text;      /* as written (dash folded to '-'): "-Name:" */
            bool colon;            /* written with ':' */
        } cparam;
        /* HV_AST_REDIRECTION: 2> file, >> file, 2>&1, *>$null */
        struct {
            uint8_t from;          /* stream; HV_STREAM_ALL for '*' */
            uint8_t to;            /* merge target stream (1), 0 for a file redirection */
            bool merge;            /* n>&1 */
            bool append;           /* >> */
            hv_ast *target;        /* file target expression (NULL for merge) */
        } redir;
        /* HV_AST_ASSIGNMENT: left op right; right is a statement (PIPELINE, another
         * ASSIGNMENT, IF, SWITCH, ...). */
        struct {
            hv_ast *left;
            hv_ast_op op;
            hv_ast *right;
        } assign;
        /* HV_AST_IF: if (conds[0]) {bodies[0]} elseif (conds[1]) {bodies[1]} else {else_} */
        struct {
            hv_ast_list conds;     /* PIPELINE/statement conditions */
            hv_ast_list bodies;    /* STATEMENTBLOCK, same count */
            hv_ast *else_;         /* STATEMENTBLOCK or NULL */
        } if_;
        /* HV_AST_SWITCH */
        struct {
            const char *label;     /* :label or NULL */
            unsigned flags;        /* HV_SWITCH_* */
            hv_ast *cond;          /* pipeline in (...), or the file name expr for -file */
            hv_ast_list clauses;   /* SWITCHCLAUSE */
            hv_ast *dflt;          /* STATEMENTBLOCK of `default`, or NULL */
        } switch_;
        /* HV_AST_SWITCHCLAUSE: pattern { body }; pattern is an expression (bare words are
         * STRING constants, {..} is a SCRIPTBLOCKEXPR) */
        struct {
            hv_ast *pattern;
            hv_ast *body;          /* STATEMENTBLOCK */
        } clause;
        /* HV_AST_FOREACH: foreach ($var in pipeline) { body } */
        struct {
            const char *label;
            hv_ast *var;           /* VARIABLE */
            hv_ast *iter;          /* statement (PIPELINE) */
            hv_ast *body;          /* STATEMENTBLOCK */
            bool parallel;         /* -parallel given (ignored) */
        } foreach_;
        /* HV_AST_FOR: for (init; cond; step) { body }; each part may be NULL */
        struct {
            const char *label;
            hv_ast *init, *cond, *step;
            hv_ast *body;
        } for_;
        /* HV_AST_WHILE, HV_AST_DOWHILE, HV_AST_DOUNTIL */
        struct {
            const char *label;
            hv_ast *cond;          /* statement (PIPELINE) */
            hv_ast *body;          /* STATEMENTBLOCK */
        } loop;
        /* HV_AST_BREAK/CONTINUE: arg = label expression (a STRING for a bare word) or NULL.
         * HV_AST_RETURN/EXIT/THROW: arg = statement (PIPELINE) or NULL. */
        struct {
            hv_ast *arg;
        } jump;
        /* HV_AST_TRAP: trap [type] { body } */
        struct {
            hv_ast_typename *type; /* NULL = catch everything */
            hv_ast *body;          /* STATEMENTBLOCK */
        } trap;
        /* HV_AST_TRY */
        struct {
            hv_ast *body;          /* STATEMENTBLOCK */
            hv_ast_list catches;   /* CATCH */
            hv_ast *finally;       /* STATEMENTBLOCK or NULL */
        } try_;
        /* HV_AST_CATCH: catch [T1], [T2] { body }; ntypes == 0 catches all */
        struct {
            hv_ast_typename **types;
            uint32_t ntypes;
            hv_ast *body;
        } catch_;
        /* HV_AST_FUNCTIONDEF: function Name ($a, $b) { ... } */
        struct {
            hv_ast_funckind kind;
            const char *name;      /* may contain ':' (function global:foo) */
            hv_ast_list params;    /* PARAMETER from the (...) form; empty otherwise */
            bool has_parens;       /* the (...) form was used */
            hv_ast *body;          /* SCRIPTBLOCK */
        } func;
        /* HV_AST_DATA: data [$var] [-SupportedCommand a,b] { body } */
        struct {
            const char *var;       /* variable name, or NULL */
            hv_ast_list commands;  /* expressions after -SupportedCommand */
            hv_ast *body;          /* STATEMENTBLOCK */
        } data;
        /* HV_AST_CLASS / HV_AST_ENUM */
        struct {
            const char *name;
            hv_ast_list attrs;          /* ATTRIBUTE ([Flags()] etc.) */
            hv_ast_typename **bases;    /* class: base class + interfaces; enum: underlying */
            uint32_t nbases;
            hv_ast_list members;        /* PROPERTY and METHOD */
        } typedef_;
        /* HV_AST_PROPERTY: [hidden] static [int] $X = 5  /  enum member Name = 5 */
        struct {
            const char *name;
            hv_ast_typename *type;      /* NULL when untyped / enum member */
            hv_ast_list attrs;          /* ATTRIBUTE */
            hv_ast *init;               /* initializer or NULL */
            bool is_static, is_hidden;
        } prop;
        /* HV_AST_METHOD: [int] Name([int]$a) { }  /  ClassName($a) : base($a) { } */
        struct {
            const char *name;
            hv_ast_typename *ret;       /* return type or NULL (void / constructor) */
            hv_ast_list attrs;
            hv_ast_list params;         /* PARAMETER */
            hv_ast *body;               /* SCRIPTBLOCK */
            bool is_static, is_hidden, is_ctor;
            hv_ast_list base_args;      /* : base(args) for constructors */
        } method;
        /* HV_AST_BINARY */
        struct {
            hv_ast_op op;
            bool case_sensitive;        /* -ceq etc. */
            hv_ast *left, *right;
            const char *op_text;        /* "-ceq", "+", "??" (dash folded) */
            hv_extent op_ext;
        } bin;
        /* HV_AST_UNARY */
        struct {
            hv_ast_op op;
            hv_ast *operand;
            bool case_sensitive;        /* -csplit x */
        } un;
        /* HV_AST_TERNARY: cond ? a : b */
        struct {
            hv_ast *cond, *yes, *no;
        } tern;
        /* HV_AST_CONVERT: [type] operand */
        struct {
            hv_ast_typename *type;
            hv_ast *operand;
        } conv;
        /* HV_AST_CONSTANT: number literal, multiplier and suffix applied */
        struct {
            hv_ast_numkind nkind;
            union {
                int64_t i;      /* signed integer kinds */
                uint64_t u;     /* HV_AST_N_UINT64 / UINT32 / ... (value fits) */
                double d;       /* DOUBLE, FLOAT, DECIMAL (decimal approximated) */
            } v;
            const char *text;   /* as written: "0x1F", "4GB", "1.5e3d" */
        } num;
        /* HV_AST_STRING */
        struct {
            hv_ast_strkind kind;
            const char *value;  /* after escapes / quote doubling; NUL-terminated too */
            size_t len;
        } str;
        /* HV_AST_EXPANDABLE: parts are STRING (literal text), VARIABLE, SUBEXPR, and for
         * "$x.y"/"$x[0]" nothing more (pwsh stops at the name). */
        struct {
            hv_ast_strkind kind;    /* DOUBLE, HERE_DOUBLE or BARE (command-mode foo$bar) */
            hv_ast_list parts;
            const char *raw;        /* the text between the quotes, before escapes */
            size_t raw_len;
        } xstr;
        /* HV_AST_VARIABLE: $x, $global:x, ${a b}, @splat, $env:PATH, $_ $$ $? $^ */
        struct {
            const char *name;       /* without scope: "x", "PATH", "_", "$", "?" */
            const char *full;       /* as written after $/@: "env:PATH", "global:x" */
            hv_ast_varscope scope;
            const char *drive;      /* HV_VS_DRIVE: the drive ("c"); else NULL */
            bool splatted;          /* @name */
            bool braced;            /* ${...} */
        } var;
        /* HV_AST_MEMBER / HV_AST_INVOKEMEMBER */
        struct {
            hv_ast *target;         /* expression or TYPE (static) */
            hv_ast *member;         /* STRING (bare name) or any expression ($x.$name) */
            bool is_static;         /* :: */
            bool nullcond;          /* ?. */
            hv_ast_list args;       /* INVOKEMEMBER: arguments */
            hv_ast_list generic;    /* reserved (generic method args); unused */
        } member;
        /* HV_AST_INDEX: target[index] */
        struct {
            hv_ast *target, *index;
            bool nullcond;          /* ?[ */
        } index;
        /* HV_AST_ARRAYLITERAL */
        struct {
            hv_ast_list items;
        } list;
        /* HV_AST_PAREN: ( statement ) — a PIPELINE, ASSIGNMENT, ... */
        struct {
            hv_ast *stmt;
        } paren;
        /* HV_AST_HASHTABLE: @{ k = v; ... }. `[ordered]@{}` gives ordered = true (no
         * CONVERT wrapper). Keys are expressions (bare keys are STRING); values are
         * statements (PIPELINE, ...). */
        struct {
            hv_ast_list keys, values;
            bool ordered;
        } hash;
        /* HV_AST_SCRIPTBLOCKEXPR */
        struct {
            hv_ast *sb;             /* SCRIPTBLOCK */
        } sbexpr;
        /* HV_AST_ATTRIBUTED: [attr] expr (a non-type attribute before an expression) */
        struct {
            hv_ast *attr;           /* ATTRIBUTE */
            hv_ast *operand;
        } attributed;
    } u;
};

/* ---- helpers ---- */

/* "ScriptBlock", "Pipeline", ... (for messages and dumps) */
const char *hv_ast_kind_name(hv_ast_kind kind);
/* "-eq", "+", "-not", ... canonical spelling of an operator (case-insensitive form) */
const char *hv_ast_op_name(hv_ast_op op);
/* The bare command name of a COMMAND node (elems[0] a STRING of kind BARE/SINGLE/DOUBLE),
 * or NULL when the name is an expression. */
const char *hv_ast_command_name(const hv_ast *cmd);
/* The source text of a node: pointer into unit->src and its length ("" when unit or node
 * is NULL). */
const char *hv_ast_text(const hv_ast_unit *unit, const hv_ast *node, size_t *len);
/* Text of a script block as ScriptBlock.ToString() gives it: for { ... } the text between
 * the braces, for a whole script its full text. sb is a SCRIPTBLOCK or SCRIPTBLOCKEXPR. */
const char *hv_ast_scriptblock_text(const hv_ast_unit *unit, const hv_ast *sb, size_t *len);
/* S-expression dump of a tree, for tests and debugging. malloc'd; caller frees. */
char *hv_ast_dump(const hv_ast *node);
/* If `stmt` is a PIPELINE holding exactly one COMMANDEXPR without redirections (a plain
 * expression statement), its expression; else NULL. */
hv_ast *hv_ast_pure_expr(const hv_ast *stmt);
/* Check the guarantees of an error-free tree (the children documented as non-NULL are
 * there, lists agree, extents nest in their parents). Returns the first node that breaks
 * one, or NULL. For tests and debug builds. */
const hv_ast *hv_ast_validate(const hv_ast_unit *unit, hv_ast *root);
/* Call fn for each direct child node of n, in source order. */
void hv_ast_visit_children(hv_ast *n, void (*fn)(hv_ast *child, void *ud), void *ud);

#endif
