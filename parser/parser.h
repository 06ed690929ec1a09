/* parser.h — PowerShell 7 tokenizer + parser: source text -> AST (ast.h). libc only.
 *
 * Usage (evaluator / shell):
 *
 *     hv_ast_unit *u = hv_parse(src, len, "script.ps1");
 *     if (u->incomplete) ... REPL: ask for another line (prompt ">> ") and parse again
 *     else if (u->nerrors) hv_parse_print_errors(u, stderr);   // or build ErrorRecords
 *     else run(u->root);                                        // HV_AST_SCRIPTBLOCK
 *     hv_ast_unit_unref(u);
 *
 * A scriptblock value that outlives the parse keeps the unit alive with hv_ast_unit_ref().
 * hv_parse never returns NULL and never crashes on any input; root is always a SCRIPTBLOCK
 * (possibly partial when there are errors — do not run a tree with errors).
 *
 * `hvsh -SyntaxCheck file...` (shell/main.c): call hv_parse_check_file(path, stdout) per
 * file; it prints "file:line:col: message" per error and returns the error count (-1 when
 * the file can't be read, after printing a message).
 *
 * What the tree looks like for common input (see hv_ast_dump and tests/unit/parser_*.c):
 *   - every statement that is not a keyword statement is a PIPELINE (even a lone
 *     expression: one COMMANDEXPR element; hv_ast_pure_expr() unwraps it), an ASSIGNMENT,
 *     or a PIPELINECHAIN (&& ||);
 *   - COMMAND elems[0] is the name (bare STRING), then arguments and COMMANDPARAMs in
 *     source order; "-Name value" is two elements, "-Name:value" one with u.cparam.arg;
 *   - strings with nothing to expand are STRING nodes with the final value (escapes and
 *     doubled quotes done); "a $x $(y)" is EXPANDABLE with literal STRING parts;
 *   - a bare word with $ in argument mode (foo$bar, $dir\x.txt) is EXPANDABLE (kind BARE);
 *   - "-5" is folded into a CONSTANT; "[ordered]@{}" is a HASHTABLE with ordered = true;
 *   - en/em dashes and curly quotes are already normalised in every node.
 * The first syntax error stops the parse (one error per unit, like mrsh), so there are no
 * follow-on errors; errors[0] is what pwsh would report first in most cases.
 */
#ifndef HV_PARSER_H
#define HV_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ast.h"

/* One syntax error. `id` is pwsh's ParseError.ErrorId ("MissingEndCurlyBrace",
 * "UnexpectedToken", "MissingExpressionAfterOperator", "TerminatorExpectedAtEndOfString",
 * ...); `message` is pwsh's text ("Missing closing '}' in statement block or type
 * definition."). Both live in the unit's arena. */
typedef struct {
    hv_extent ext;
    const char *message;
    const char *id;
    bool incomplete; /* this error is only due to input ending too early */
} hv_parse_error;

typedef struct hv_arena hv_arena; /* private to parser/ */

struct hv_ast_unit {
    uint32_t refcount;
    char *filename;          /* as passed to hv_parse (copied); "" if NULL was passed */
    char *src;               /* copy of the source, NUL-terminated */
    size_t len;
    hv_ast *root;            /* HV_AST_SCRIPTBLOCK, never NULL */
    hv_parse_error *errors;  /* nerrors of them, in source order of detection */
    uint32_t nerrors;
    /* True when the input ended inside an open { ( [ @( $( string or here-string, or after
     * a trailing | , backtick, binary operator or `else`-less keyword needing more. The
     * REPL should then read another line instead of reporting the errors. */
    bool incomplete;
    uint32_t *line_starts;   /* byte offset of each line (internal; use hv_ast_unit_line) */
    uint32_t nlines;
    hv_arena *arena;         /* private */
};

/* Parse a whole script. Never NULL. The unit starts with refcount 1. (hv_parse is an
 * inline alias so every global symbol of parser/ keeps the hv_parse_ prefix.) */
hv_ast_unit *hv_parse_unit(const char *src, size_t len, const char *filename);
static inline hv_ast_unit *
hv_parse(const char *src, size_t len, const char *filename)
{
    return hv_parse_unit(src, len, filename);
}

void hv_ast_unit_ref(hv_ast_unit *unit);
void hv_ast_unit_unref(hv_ast_unit *unit); /* frees everything at zero; NULL is ok */

/* Text of line `line` (1-based) without its newline; NULL if out of range. */
const char *hv_ast_unit_line(const hv_ast_unit *unit, uint32_t line, size_t *len);

/* Print every error as "file:line:col: message" (one line each). Returns nerrors. */
int hv_parse_print_errors(const hv_ast_unit *unit, FILE *out);

/* Print one error the way pwsh shows a ParseException, with the line text and a marker:
 *     ParserError: file:3
 *     Line |
 *        3 |  if ($x {
 *          |        ~
 *          | Missing closing ')' after expression in 'if' statement.
 * With an empty filename (-Command text, the REPL) the first line is "ParserError: ". */
void hv_parse_print_error_detail(const hv_ast_unit *unit, const hv_parse_error *err, FILE *out);

/* Script file bytes -> UTF-8 text for hv_parse, as pwsh reads .ps1 files: a UTF-16LE/BE
 * byte-order mark means UTF-16 (Windows editors save scripts that way); a UTF-8 BOM is
 * dropped; anything else is taken as UTF-8. Returns a malloc'd NUL-terminated copy and its
 * length in *out_len. */
char *hv_parse_decode_source(const char *bytes, size_t len, size_t *out_len);

/* Read and parse a file; print errors as hv_parse_print_errors does. Returns the number
 * of errors, or -1 when the file cannot be read (a message is printed to `out`). */
int hv_parse_check_file(const char *path, FILE *out);

/* Parse a type name as written inside [ ] ("System.Collections.Generic.List[string]",
 * "int[]"), e.g. for New-Object -TypeName. The result lives in `unit`'s arena (pass a
 * unit you hold). NULL if the text is not a valid type name. */
hv_ast_typename *hv_parse_typename(hv_ast_unit *unit, const char *text, size_t len);

/* Nesting budget of the parser: input nested deeper than about 2 * HV_PARSE_MAX_DEPTH
 * levels of ( ) { } $( ) (or with operator chains longer than that) gets a
 * "ScriptTooComplex" error instead of exhausting the C stack. Trees of error-free units are
 * therefore at most a few thousand nodes deep, so recursive walkers are safe. */
#define HV_PARSE_MAX_DEPTH 200

#endif
