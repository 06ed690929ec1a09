/* ops.h — PowerShell's operators on values. The left operand decides (type of the
 * comparison, array filtering). Errors fill *err in pwsh's words and return false. */
#ifndef HV_OPS_H
#define HV_OPS_H

#include "convert.h"
#include "value.h"

typedef enum {
    /* arithmetic */
    HV_OP_ADD, HV_OP_SUB, HV_OP_MUL, HV_OP_DIV, HV_OP_MOD,
    /* bitwise */
    HV_OP_BAND, HV_OP_BOR, HV_OP_BXOR, HV_OP_SHL, HV_OP_SHR,
    /* comparison: each in default (case-insensitive), i and c variants via flags */
    HV_OP_EQ, HV_OP_NE, HV_OP_GT, HV_OP_GE, HV_OP_LT, HV_OP_LE,
    HV_OP_LIKE, HV_OP_NOTLIKE, HV_OP_MATCH, HV_OP_NOTMATCH,
    HV_OP_CONTAINS, HV_OP_NOTCONTAINS, HV_OP_IN, HV_OP_NOTIN,
    HV_OP_REPLACE, HV_OP_SPLIT, HV_OP_JOIN,
    HV_OP_IS, HV_OP_ISNOT, HV_OP_AS,
    HV_OP_FORMAT, /* -f */
    HV_OP__COUNT
} hv_binop;

enum { HV_OPF_CASE_SENSITIVE = 1u << 0 };

typedef struct hv_regex hv_regex;

/* Binary operator. For -match, *matches (if non-NULL) receives the $Matches hashtable on a
 * scalar match (HV_NULL otherwise; unchanged semantics of pwsh: not set on arrays). */
bool hv_op_binary(hv_binop op, unsigned flags, const hv_value *l, const hv_value *r,
                  hv_value *out, hv_value *matches, hv_conv_err *err);
/* Unary: -not, !, -bnot, unary minus/plus, -split, -join. */
typedef enum { HV_UOP_NOT, HV_UOP_BNOT, HV_UOP_NEG, HV_UOP_PLUS, HV_UOP_SPLIT, HV_UOP_JOIN } hv_unop;
bool hv_op_unary(hv_unop op, const hv_value *v, hv_value *out, hv_conv_err *err);

/* Comparison helper used by Sort-Object, -eq etc.: <0, 0, >0 ; case-insensitive unless flag. */
int hv_op_compare(const hv_value *l, const hv_value *r, unsigned flags);
bool hv_op_equal(const hv_value *l, const hv_value *r, unsigned flags);

/* Wildcards (-like, parameter wildcards): * ? [a-z] and ` escape. */
bool hv_wildcard_match(const char *pattern, const char *s, bool case_sensitive);
bool hv_wildcard_has_meta(const char *pattern);

/* Regex via pcre2 with .NET syntax (named groups (?<n>), \d, RegexOptions-like flags).
 * Compiled patterns are cached by (pattern, flags). */
hv_regex *hv_regex_get(const char *pattern, bool case_sensitive, hv_conv_err *err);
/* Match at/after offset; on success fills $Matches-style table (groups by number and name). */
bool hv_regex_match(hv_regex *re, const char *s, size_t len, hv_value *matches_out);
/* -replace with .NET substitution syntax ($1, ${name}, $$, $&, $_). */
hv_value hv_regex_replace(hv_regex *re, const char *s, size_t len, const char *repl);
/* -split semantics (max count, keeps captures) */
hv_value hv_regex_split(hv_regex *re, const char *s, size_t len, int max);

/* ---- additions by V (values helper) ---- */
/* RegexOptions subset (values as .NET's RegexOptions). */
enum {
    HV_RE_IGNORECASE = 1, HV_RE_MULTILINE = 2, HV_RE_EXPLICIT = 4, HV_RE_SINGLELINE = 16,
    HV_RE_IGNOREWS = 32, HV_RE_CULTUREINV = 512, HV_RE_SIMPLEMATCH = 1u << 20, /* -split only */
    HV_RE_REGEXMATCH = 1u << 21 /* -split only */
};
/* Compile (or find in the cache) with RegexOptions-style flags. The pointer is owned by the
 * cache and stays valid at least until 256 other patterns have been compiled after it. */
hv_regex *hv_regex_get_opts(const char *pattern, unsigned opts, hv_conv_err *err);
/* Low level: find a match at/after byte offset start; group 0 span in ms, me (bytes). */
bool hv_regex_exec(hv_regex *re, const char *s, size_t len, size_t start, size_t *ms, size_t *me);
/* Match objects (System.Text.RegularExpressions.Match as an HV_OBJECT: Groups (ordered table
 * keyed by group number/name), Success, Name, Index, Length, Value; ToString() = Value). */
hv_value hv_regex_match_object(hv_regex *re, const char *s, size_t len, size_t start);
hv_value hv_regex_matches(hv_regex *re, const char *s, size_t len); /* array of Match */
/* -replace with a limit (count < 0 = all) and .NET substitutions. */
hv_value hv_regex_replace_n(hv_regex *re, const char *s, size_t len, const char *repl, int count);
/* -replace with a script block: fn gets each Match object ($_) and returns the replacement
 * text (a new value, converted to string); false from fn aborts (returns false, *out unset). */
typedef bool (*hv_regex_replace_fn)(void *ud, const hv_value *match, hv_value *replacement);
bool hv_regex_replace_cb(hv_regex *re, const char *s, size_t len, hv_regex_replace_fn fn, void *ud,
                         hv_value *out);
/* Regex.Escape. */
hv_value hv_regex_escape(const char *s);
/* [regex] values: boxed pattern + options; ToString() = the pattern. */
extern const hv_boxed_class hv_regex_class;
hv_value hv_regex_value(const char *pattern, unsigned opts);
hv_regex *hv_regex_of(const hv_value *boxed, hv_conv_err *err);
const char *hv_regex_pattern(const hv_regex *re);
/* .NET group numbering: count (including 0) and name of group i (NULL if numbered). */
int hv_regex_group_count(const hv_regex *re);
const char *hv_regex_group_name(const hv_regex *re, int i);

/* -split with the full operand list: `s -split pattern, max, "options"` (flags decide case);
 * returns an array. */
bool hv_op_split(const hv_value *l, const hv_value *pattern, int max, const char *options,
                 unsigned flags, hv_value *out, hv_conv_err *err);
/* Ranges 1..5 / 5..1 / 'a'..'e' as an array (errors past 50M elements as pwsh does). */
bool hv_op_range(const hv_value *from, const hv_value *to, hv_value *out, hv_conv_err *err);
/* -is with a type: true when v's type is t or derives from it (PSTypeNames for objects). */
bool hv_op_is_type(const hv_value *v, const hv_type_info *t);

#endif
