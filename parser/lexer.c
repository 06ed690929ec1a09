/* lexer.c — PowerShell tokenizer. Pure scanning: it never allocates; the parser "cooks"
 * token text (escapes, quote doubling) when it builds nodes. Two modes as in pwsh:
 * expression mode (operators, numbers) and argument/command mode (bare words, -Params).
 * Unicode dashes (U+2013..U+2015) act as '-', curly quotes as quotes, everywhere. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

#define NOPOS UINT32_MAX
#define MAX_SKIP_DEPTH 150

/* ---- characters ---- */

uint32_t
hv_lex_cp(const char *s, uint32_t i, uint32_t n, uint32_t *w)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned c = u[i];
    *w = 1;
    if (c < 0x80)
        return c;
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || i + (uint32_t)len > n)
        return c;
    uint32_t cp = c & (0x3F >> (len - 1));
    for (int k = 1; k < len; k++) {
        if ((u[i + k] & 0xC0) != 0x80)
            return c;
        cp = (cp << 6) | (u[i + k] & 0x3F);
    }
    *w = (uint32_t)len;
    return cp;
}

bool
hv_lex_is_dash(uint32_t cp)
{
    return cp == '-' || (cp >= 0x2013 && cp <= 0x2015);
}

bool
hv_lex_is_squote(uint32_t cp)
{
    return cp == '\'' || (cp >= 0x2018 && cp <= 0x201B);
}

bool
hv_lex_is_dquote(uint32_t cp)
{
    return cp == '"' || (cp >= 0x201C && cp <= 0x201E);
}

static bool
is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x85 ||
           cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
           cp == 0xFEFF;
}

static bool
is_newline(uint32_t cp)
{
    return cp == '\n' || cp == '\r';
}

static bool
is_ascii_alpha(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Non-ASCII code points other than our special punctuation count as letters. */
static bool
is_uletter(uint32_t cp)
{
    return cp >= 0x80 && !hv_lex_is_dash(cp) && !hv_lex_is_squote(cp) && !hv_lex_is_dquote(cp) &&
           !is_space(cp) && cp != 0x2028 && cp != 0x2029 && cp != 0x85;
}

bool
hv_lex_is_varchar(uint32_t cp)
{
    return is_ascii_alpha(cp) || is_digit(cp) || cp == '_' || cp == '?' || is_uletter(cp);
}

static bool
is_identchar(uint32_t cp)
{
    return is_ascii_alpha(cp) || is_digit(cp) || cp == '_' || is_uletter(cp);
}

hv_lex_pos
hv_lex_advance(const char *s, hv_lex_pos p, uint32_t to)
{
    for (uint32_t i = p.pos; i < to; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || (c == '\r' && s[i + 1] != '\n')) {
            p.line++;
            p.col = 1;
        } else if ((c & 0xC0) != 0x80 && c != '\r') {
            p.col++;
        }
    }
    p.pos = to;
    return p;
}

void
hv_lex_init(hv_lexer *lx, const char *src, uint32_t limit, hv_lex_pos at)
{
    lx->src = src;
    lx->limit = limit;
    lx->cur = at;
}

/* ---- small scanner over the lexer's buffer ---- */

typedef struct {
    const char *s;
    uint32_t n;
} buf;

static uint32_t
cp_at(buf b, uint32_t i, uint32_t *w)
{
    if (i >= b.n) {
        *w = 0;
        return 0;
    }
    return hv_lex_cp(b.s, i, b.n, w);
}

static uint32_t
cp_peek(buf b, uint32_t i)
{
    uint32_t w;
    return cp_at(b, i, &w);
}

static uint32_t
cp_next(buf b, uint32_t i)
{
    uint32_t w;
    cp_at(b, i, &w);
    return i + (w ? w : 0);
}

/* Index after a newline sequence starting at i (\n, \r\n or \r). */
static uint32_t
skip_newline(buf b, uint32_t i)
{
    if (i < b.n && b.s[i] == '\r' && i + 1 < b.n && b.s[i + 1] == '\n')
        return i + 2;
    return i + 1;
}

/* ---- skipping strings and subexpressions (for finding the end of "...$(...)...") ---- */

static uint32_t skip_dq_d(buf b, uint32_t i, int depth);
static uint32_t skip_sub_d(buf b, uint32_t i, int depth);

static uint32_t
skip_sq(buf b, uint32_t i)
{
    i = cp_next(b, i);
    while (i < b.n) {
        uint32_t w, c = cp_at(b, i, &w);
        i += w;
        if (hv_lex_is_squote(c)) {
            if (!hv_lex_is_squote(cp_peek(b, i)))
                return i;
            i = cp_next(b, i);
        }
    }
    return NOPOS;
}

/* Here-string body end: index after the closing "@ / '@, or NOPOS. i is after the header
 * newline. */
static uint32_t
here_end(buf b, uint32_t i, bool dq, uint32_t *body_end)
{
    bool line_start = true;
    uint32_t prev_nl = i;
    while (i < b.n) {
        uint32_t w, c = cp_at(b, i, &w);
        if (line_start && (dq ? hv_lex_is_dquote(c) : hv_lex_is_squote(c)) && i + w < b.n &&
            b.s[i + w] == '@') {
            *body_end = prev_nl;
            return i + w + 1;
        }
        line_start = false;
        if (c == '\n' || c == '\r') {
            prev_nl = i;
            i = skip_newline(b, i);
            line_start = true;
            continue;
        }
        i += w;
    }
    return NOPOS;
}

/* After '@' + quote: skip optional blanks then a newline. Returns index after the newline,
 * or NOPOS when other characters follow the header. */
static uint32_t
here_header(buf b, uint32_t i)
{
    while (i < b.n) {
        uint32_t w, c = cp_at(b, i, &w);
        if (is_newline(c))
            return skip_newline(b, i);
        if (!is_space(c))
            return NOPOS;
        i += w;
    }
    return NOPOS;
}

/* For an unterminated here-string: the start of a line holding blanks then the
 * terminator (pwsh reports that case specially), or NOPOS. */
static uint32_t
here_indented_footer(buf b, uint32_t i, bool dq)
{
    bool line_start = true;
    while (i < b.n) {
        if (line_start) {
            uint32_t j = i, w, c;
            while (j < b.n && is_space(c = cp_at(b, j, &w)))
                j += w;
            c = cp_at(b, j, &w);
            if (j > i && (dq ? hv_lex_is_dquote(c) : hv_lex_is_squote(c)) && j + w < b.n &&
                b.s[j + w] == '@')
                return i;
        }
        line_start = is_newline((unsigned char)b.s[i]);
        i = line_start ? skip_newline(b, i) : i + 1;
    }
    return NOPOS;
}

static uint32_t
skip_here(buf b, uint32_t i, bool dq)
{
    uint32_t body = here_header(b, cp_next(b, i + 1));
    uint32_t be;
    if (body == NOPOS)
        return NOPOS;
    return here_end(b, body, dq, &be);
}

static uint32_t
skip_dq_d(buf b, uint32_t i, int depth)
{
    if (depth > MAX_SKIP_DEPTH)
        return NOPOS;
    i = cp_next(b, i);
    while (i < b.n) {
        uint32_t w, c = cp_at(b, i, &w);
        if (c == '`') {
            i += w;
            if (i < b.n)
                i = cp_next(b, i);
            continue;
        }
        if (c == '$' && i + 1 < b.n && b.s[i + 1] == '(') {
            i = skip_sub_d(b, i, depth + 1);
            if (i == NOPOS)
                return NOPOS;
            continue;
        }
        i += w;
        if (hv_lex_is_dquote(c)) {
            if (!hv_lex_is_dquote(cp_peek(b, i)))
                return i;
            i = cp_next(b, i);
        }
    }
    return NOPOS;
}

static uint32_t
skip_comment_line(buf b, uint32_t i)
{
    while (i < b.n && b.s[i] != '\n' && b.s[i] != '\r')
        i++;
    return i;
}

static uint32_t
skip_block_comment(buf b, uint32_t i)
{
    for (i += 2; i + 1 < b.n; i++)
        if (b.s[i] == '#' && b.s[i + 1] == '>')
            return i + 2;
    return NOPOS;
}

/* One step inside $( ... ): returns the next index, or NOPOS. */
static uint32_t
skip_sub_step(buf b, uint32_t i, int depth, int *parens)
{
    uint32_t w, c = cp_at(b, i, &w);
    if (c == '(')
        (*parens)++;
    else if (c == ')')
        (*parens)--;
    else if (c == '`')
        return i + w < b.n ? cp_next(b, i + w) : b.n;
    else if (hv_lex_is_squote(c))
        return skip_sq(b, i);
    else if (hv_lex_is_dquote(c))
        return skip_dq_d(b, i, depth + 1);
    else if (c == '<' && i + 1 < b.n && b.s[i + 1] == '#')
        return skip_block_comment(b, i);
    else if (c == '#')
        return skip_comment_line(b, i);
    else if (c == '@' && i + 1 < b.n) {
        uint32_t q = cp_peek(b, i + 1);
        if ((hv_lex_is_dquote(q) || hv_lex_is_squote(q)) && here_header(b, cp_next(b, i + 1)) != NOPOS)
            return skip_here(b, i, hv_lex_is_dquote(q));
    }
    return i + w;
}

static uint32_t
skip_sub_d(buf b, uint32_t i, int depth)
{
    if (depth > MAX_SKIP_DEPTH)
        return NOPOS;
    int parens = 1;
    i += 2;
    while (i < b.n) {
        i = skip_sub_step(b, i, depth, &parens);
        if (i == NOPOS)
            return NOPOS;
        if (parens == 0)
            return i;
    }
    return NOPOS;
}

uint32_t
hv_lex_skip_dq(const char *s, uint32_t i, uint32_t limit)
{
    return skip_dq_d((buf){s, limit}, i, 0);
}

uint32_t
hv_lex_skip_subexpr(const char *s, uint32_t i, uint32_t limit)
{
    return skip_sub_d((buf){s, limit}, i, 0);
}

/* ---- token helpers ---- */

static void
tok_error(hv_token *t, const char *id, const char *msg, bool incomplete)
{
    t->kind = T_ERROR;
    t->id = id;
    t->msg = msg;
    t->incomplete = incomplete;
}

/* Characters that end a bare word / whole argument in command mode. */
static bool
is_cmd_term(uint32_t c)
{
    return c == 0 || is_space(c) || is_newline(c) || c == ';' || c == ',' || c == '|' ||
           c == '&' || c == '(' || c == ')' || c == '{' || c == '}' || c == '>' || c == '<';
}

/* A line continuation at i (a backtick): "`" [blanks [# comment]] newline. Returns the
 * index after the newline, or 0 when the backtick escapes something instead. As pwsh 7:
 * blanks and a comment may follow the backtick, but "`#" is an escaped '#'. */
static uint32_t
continuation(buf b, uint32_t i)
{
    uint32_t j = i + 1;
    while (j < b.n) {
        uint32_t w, c = cp_at(b, j, &w);
        if (!is_space(c) && c != 0x85)
            break;
        j += w;
    }
    if (j > i + 1 && j < b.n && b.s[j] == '#')
        j = skip_comment_line(b, j);
    if (j < b.n && is_newline((unsigned char)b.s[j]))
        return skip_newline(b, j);
    return 0;
}

/* Skip blanks, comments and backtick-newline continuations. Sets *ws when any. Returns the
 * index of the token start, or NOPOS for an unterminated block comment. */
static uint32_t
skip_trivia(buf b, uint32_t i, bool *ws)
{
    while (i < b.n) {
        uint32_t w, c = cp_at(b, i, &w), k;
        if (is_space(c)) {
            i += w;
        } else if (c == '`' && (k = continuation(b, i)) != 0) {
            i = k;
        } else if (c == '#') {
            i = skip_comment_line(b, i);
        } else if (c == '<' && i + 1 < b.n && b.s[i + 1] == '#') {
            i = skip_block_comment(b, i);
            if (i == NOPOS)
                return NOPOS;
        } else {
            break;
        }
        *ws = true;
    }
    return i;
}

/* ---- numbers ---- */

typedef struct {
    uint32_t end;
    bool ok;
    uint8_t nkind;
    int64_t i;
    uint64_t u;
    double d;
} numscan;

static int
hexval(uint32_t c)
{
    if (is_digit(c))
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

static uint32_t
lower(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* Suffix: u ul uy us l d n y s. Returns a code: 0 none, 'u','U'(ul),'b'(uy),'w'(us),'l',
 * 'd','n','y','s'. */
static int
scan_suffix(buf b, uint32_t *i)
{
    uint32_t c = lower(cp_peek(b, *i)), c2 = lower(cp_peek(b, *i + 1));
    if (c == 'u') {
        int code = c2 == 'l' ? 'U' : c2 == 'y' ? 'b' : c2 == 's' ? 'w' : 'u';
        *i += code == 'u' ? 1 : 2;
        return code;
    }
    if (c == 'l' || c == 'd' || c == 'n' || c == 'y' || c == 's') {
        /* 's' only when not the start of a multiplier-less word like "sec": checked by
         * the terminator test afterwards */
        (*i)++;
        return (int)c;
    }
    return 0;
}

static double
scan_multiplier(buf b, uint32_t *i)
{
    uint32_t c = lower(cp_peek(b, *i)), c2 = lower(cp_peek(b, *i + 1));
    if (c2 != 'b')
        return 1;
    double m = c == 'k' ? 1024.0 : c == 'm' ? 1048576.0 : c == 'g' ? 1073741824.0
             : c == 't' ? 1099511627776.0 : c == 'p' ? 1125899906842624.0 : 1;
    if (m != 1)
        *i += 2;
    return m;
}

/* Digits of an integer literal: *v accumulates, *ovf set on overflow of 64 bits. */
static uint32_t
scan_int_digits(buf b, uint32_t i, int base, uint64_t *v, bool *ovf, int *ndig)
{
    for (;; i++) {
        int d = i < b.n ? hexval((unsigned char)b.s[i]) : -1;
        if (d < 0 || d >= base)
            return i;
        if (*v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            *ovf = true;
        *v = *v * (uint64_t)base + (uint64_t)d;
        (*ndig)++;
    }
}

static bool
fits_signed(double v, double lo, double hi)
{
    return v >= lo && v <= hi && v == floor(v);
}

/* Give an integer value (as signed 64 or unsigned 64) its pwsh type. `hex` literals take
 * the bit pattern (0xFFFFFFFF is -1). */
static bool
type_integer(numscan *ns, uint64_t v, bool hex, int suf, double mult)
{
    double dv = (double)v * mult;
    uint64_t mv = v * (uint64_t)mult;
    bool mult_ovf = mult != 1 && (dv > 1.8e19 || mv / (uint64_t)mult != v);
    if (suf == 'd') {
        ns->nkind = HV_AST_N_DECIMAL;
        ns->d = dv;
        return true;
    }
    if (suf == 'n') {
        ns->nkind = HV_AST_N_BIGINT;
        ns->d = dv;
        ns->i = (int64_t)mv;
        return !mult_ovf;
    }
    if (mult_ovf)
        return false;
    v = mv;
    switch (suf) {
    case 'u':
        ns->nkind = v <= UINT32_MAX ? HV_AST_N_UINT32 : HV_AST_N_UINT64;
        ns->u = v;
        return true;
    case 'U':
        ns->nkind = HV_AST_N_UINT64;
        ns->u = v;
        return true;
    case 'b':
        ns->nkind = HV_AST_N_BYTE;
        ns->u = v;
        return v <= 255;
    case 'w':
        ns->nkind = HV_AST_N_UINT16;
        ns->u = v;
        return v <= 65535;
    case 'y':
        ns->nkind = HV_AST_N_SBYTE;
        ns->i = hex && v <= 0xFF ? (int8_t)(uint8_t)v : (int64_t)v;
        return hex ? v <= 0xFF : v <= 127;
    case 's':
        ns->nkind = HV_AST_N_INT16;
        ns->i = hex && v <= 0xFFFF ? (int16_t)(uint16_t)v : (int64_t)v;
        return hex ? v <= 0xFFFF : v <= 32767;
    case 'l':
        ns->nkind = HV_AST_N_INT64;
        ns->i = (int64_t)v;
        return hex || v <= INT64_MAX;
    default:
        break;
    }
    if (hex) {
        if (v <= UINT32_MAX && mult == 1) {
            ns->nkind = HV_AST_N_INT32;
            ns->i = (int32_t)(uint32_t)v;
        } else {
            ns->nkind = HV_AST_N_INT64;
            ns->i = (int64_t)v;
        }
        return true;
    }
    if (v <= INT32_MAX) {
        ns->nkind = HV_AST_N_INT32;
        ns->i = (int64_t)v;
    } else if (v <= INT64_MAX) {
        ns->nkind = HV_AST_N_INT64;
        ns->i = (int64_t)v;
    } else {
        ns->nkind = HV_AST_N_DECIMAL;
        ns->d = (double)v;
    }
    return true;
}

static bool
type_real(numscan *ns, double v, int suf, double mult)
{
    v *= mult;
    switch (suf) {
    case 0:
        ns->nkind = HV_AST_N_DOUBLE;
        ns->d = v;
        return true;
    case 'd':
        ns->nkind = HV_AST_N_DECIMAL;
        ns->d = v;
        return true;
    default:
        break;
    }
    /* A real with an integer suffix is that integer, truncated (about_Numeric_Literals:
     * 1.2L is 1, 1.2345e1L is 12, 1.2345e-5L is 0). */
    v = floor(v);
    if (!fits_signed(v, 0, 1.8e19))
        return false;
    return type_integer(ns, (uint64_t)v, false, suf, 1);
}

/* Decimal literal: digits [. digits] [e[+-]digits]. */
static uint32_t
scan_decimal(buf b, uint32_t i, bool *real, uint64_t *iv, bool *ovf, int *ndig)
{
    i = scan_int_digits(b, i, 10, iv, ovf, ndig);
    if (i < b.n && b.s[i] == '.' && i + 1 < b.n && is_digit((unsigned char)b.s[i + 1])) {
        *real = true;
        uint64_t dummy = 0;
        bool o2 = false;
        i = scan_int_digits(b, i + 1, 10, &dummy, &o2, ndig);
    } else if (i < b.n && b.s[i] == '.' && *ndig > 0 && i + 2 < b.n &&
               (b.s[i + 1] == 'e' || b.s[i + 1] == 'E') &&
               (is_digit((unsigned char)b.s[i + 2]) ||
                ((b.s[i + 2] == '+' || b.s[i + 2] == '-') && i + 3 < b.n &&
                 is_digit((unsigned char)b.s[i + 3])))) {
        *real = true; /* "1.e2": the exponent follows the dot directly */
        i++;
    } else if (i < b.n && b.s[i] == '.' && *ndig > 0 &&
               !(i + 1 < b.n && (b.s[i + 1] == '.' || is_identchar((unsigned char)b.s[i + 1])))) {
        *real = true; /* "1." */
        i++;
    }
    if (i < b.n && (b.s[i] == 'e' || b.s[i] == 'E') && *ndig > 0) {
        uint32_t j = i + 1;
        if (j < b.n && (b.s[j] == '+' || b.s[j] == '-' || hv_lex_is_dash(cp_peek(b, j))))
            j = cp_next(b, j);
        if (j < b.n && is_digit((unsigned char)b.s[j])) {
            *real = true;
            while (j < b.n && is_digit((unsigned char)b.s[j]))
                j++;
            i = j;
        }
    }
    return i;
}

static double
parse_real(buf b, uint32_t from, uint32_t to)
{
    char tmp[128];
    uint32_t n = 0;
    for (uint32_t i = from; i < to && n < sizeof tmp - 1;) {
        uint32_t w, c = cp_at(b, i, &w);
        tmp[n++] = hv_lex_is_dash(c) ? '-' : (char)c;
        i += w;
    }
    tmp[n] = '\0';
    return strtod(tmp, NULL);
}

/* Scan a number at i (digit or '.'digit). ns->ok false when the text is not a number. */
static void
scan_number(buf b, uint32_t i, numscan *ns)
{
    uint32_t start = i;
    uint64_t v = 0;
    bool ovf = false, real = false, hex = false;
    int ndig = 0;
    ns->ok = false;
    if (b.s[i] == '0' && i + 1 < b.n && (b.s[i + 1] == 'x' || b.s[i + 1] == 'X')) {
        hex = true;
        i = scan_int_digits(b, i + 2, 16, &v, &ovf, &ndig);
    } else if (b.s[i] == '0' && i + 1 < b.n && (b.s[i + 1] == 'b' || b.s[i + 1] == 'B') &&
               i + 2 < b.n && (b.s[i + 2] == '0' || b.s[i + 2] == '1')) {
        hex = true; /* binary literals take the bit pattern too */
        i = scan_int_digits(b, i + 2, 2, &v, &ovf, &ndig);
    } else {
        i = scan_decimal(b, i, &real, &v, &ovf, &ndig);
    }
    ns->end = i;
    if (ndig == 0)
        return;
    uint32_t numend = i;
    int suf = scan_suffix(b, &i);
    double mult = scan_multiplier(b, &i);
    ns->end = i;
    if (real || (ovf && !hex)) {
        double d = parse_real(b, start, numend);
        ns->ok = type_real(ns, d, suf, mult);
    } else if (ovf) {
        ns->ok = false;
    } else {
        ns->ok = type_integer(ns, v, hex, suf, mult);
    }
}

/* ---- generic (bare) words in command mode ---- */

/* Scan a bare word from i; sets *exp when it contains $ to expand. NOPOS on an
 * unterminated quote or a trailing backtick at end of input. */
static uint32_t
scan_generic(buf b, uint32_t i, bool *exp)
{
    while (i < b.n) {
        uint32_t w, c = cp_at(b, i, &w);
        if (is_cmd_term(c))
            break;
        if (c == '`') {
            if (i + w >= b.n)
                return NOPOS - 1; /* trailing backtick: more input needed */
            if (continuation(b, i))
                break; /* "word`<newline>" ends the word; the newline is skipped as trivia */
            i = cp_next(b, i + w);
            continue;
        }
        if (hv_lex_is_squote(c)) {
            i = skip_sq(b, i);
        } else if (hv_lex_is_dquote(c)) {
            *exp = true;
            i = skip_dq_d(b, i, 0);
        } else if (c == '$' && i + 1 < b.n && b.s[i + 1] == '(') {
            *exp = true;
            i = skip_sub_d(b, i, 0);
        } else {
            if (c == '$')
                *exp = true;
            i += w;
        }
        if (i == NOPOS)
            return NOPOS;
    }
    return i;
}

static void
finish_generic(buf b, uint32_t start, hv_token *t)
{
    bool exp = false;
    uint32_t end = scan_generic(b, start, &exp);
    if (end == NOPOS - 1) {
        tok_error(t, "IncompleteInput", "Unexpected end of input after '`'.", true);
        t->stop.pos = b.n;
        return;
    }
    if (end == NOPOS) {
        tok_error(t, "TerminatorExpectedAtEndOfString", "The string is missing the terminator.",
                  true);
        t->stop.pos = b.n;
        return;
    }
    t->kind = T_GENERIC;
    t->expandable = exp;
    t->ns = start;
    t->ne = end;
    t->stop.pos = end;
}

/* ---- variables ---- */

/* Scan $name / ${name} / $env:x starting at i ('$' or '@'). Returns the end, sets name
 * range. 0 if no variable follows. */
static uint32_t
scan_var(buf b, uint32_t i, hv_token *t)
{
    uint32_t j = i + 1;
    if (j < b.n && b.s[j] == '{') {
        uint32_t k = j + 1;
        while (k < b.n && b.s[k] != '}') {
            if (b.s[k] == '`' && k + 1 < b.n)
                k++;
            k++;
        }
        if (k >= b.n)
            return NOPOS;
        t->braced = true;
        t->ns = j + 1;
        t->ne = k;
        return k + 1;
    }
    uint32_t c = cp_peek(b, j);
    if (b.s[i] == '$' && (c == '$' || c == '^')) {
        t->ns = j;
        t->ne = j + 1;
        return j + 1;
    }
    uint32_t k = j;
    while (k < b.n && hv_lex_is_varchar(cp_peek(b, k)))
        k = cp_next(b, k);
    if (k == j)
        return 0;
    /* scope or drive qualifier: $env:PATH, $global:x (not $x::y) */
    if (k + 1 < b.n && b.s[k] == ':' && b.s[k + 1] != ':' &&
        (hv_lex_is_varchar(cp_peek(b, k + 1)))) {
        k++;
        while (k < b.n && hv_lex_is_varchar(cp_peek(b, k)))
            k = cp_next(b, k);
    }
    t->ns = j;
    t->ne = k;
    return k;
}

static void
lex_dollar(buf b, uint32_t i, hv_lex_mode mode, hv_token *t)
{
    if (i + 1 < b.n && b.s[i + 1] == '(') {
        t->kind = T_DOLPAREN;
        t->stop.pos = i + 2;
        return;
    }
    uint32_t end = scan_var(b, i, t);
    if (end == NOPOS) {
        tok_error(t, "IncompleteDollarVariableReference",
                  "${variable} reference starting is missing the closing '}'.", true);
        t->stop.pos = b.n;
        return;
    }
    if (end == 0) {
        if (mode == HV_LEX_CMD) {
            finish_generic(b, i, t);
            return;
        }
        tok_error(t, "InvalidVariableReference",
                  "Variable reference is not valid. '$' was not followed by a valid variable "
                  "name character. Consider using ${} to delimit the name.",
                  false);
        t->stop.pos = i + 1;
        return;
    }
    if (t->braced && t->ns == t->ne) {
        tok_error(t, "EmptyVariableReference",
                  "An empty ${} variable reference was found. A name is required inside the braces.", false);
        t->stop.pos = end;
        return;
    }
    uint32_t c = cp_peek(b, end);
    /* In argument mode "$dir\file.txt" is one expandable word. */
    if (mode == HV_LEX_CMD && !is_cmd_term(c) && c != '.' && c != '[') {
        finish_generic(b, i, t);
        return;
    }
    t->kind = T_VAR;
    t->stop.pos = end;
}

/* ---- strings ---- */

static void
lex_squote(buf b, uint32_t i, hv_token *t)
{
    uint32_t end = skip_sq(b, i);
    if (end == NOPOS) {
        tok_error(t, "TerminatorExpectedAtEndOfString", "The string is missing the terminator: '.",
                  true);
        t->stop.pos = b.n;
        return;
    }
    uint32_t w;
    cp_at(b, i, &w);
    t->kind = T_STRING;
    t->strkind = HV_STR_SINGLE;
    t->ns = i + w;
    /* the closing quote may be a 3-byte curly quote: find its start */
    uint32_t e = end - 1;
    while (e > t->ns && ((unsigned char)b.s[e] & 0xC0) == 0x80)
        e--;
    t->ne = e;
    t->stop.pos = end;
}

static void
lex_dquote(buf b, uint32_t i, hv_token *t)
{
    uint32_t end = skip_dq_d(b, i, 0);
    if (end == NOPOS) {
        tok_error(t, "TerminatorExpectedAtEndOfString",
                  "The string is missing the terminator: \".", true);
        t->stop.pos = b.n;
        return;
    }
    uint32_t w;
    cp_at(b, i, &w);
    t->kind = T_XSTRING;
    t->strkind = HV_STR_DOUBLE;
    t->ns = i + w;
    uint32_t e = end - 1;
    while (e > t->ns && ((unsigned char)b.s[e] & 0xC0) == 0x80)
        e--;
    t->ne = e;
    t->stop.pos = end;
}

static void
lex_here(buf b, uint32_t i, bool dq, hv_token *t)
{
    uint32_t body = here_header(b, cp_next(b, i + 1));
    if (body == NOPOS) {
        tok_error(t, "UnexpectedCharactersAfterHereStringHeader",
                  "No characters are allowed after a here-string header but before the end of "
                  "the line.",
                  false);
        t->stop.pos = cp_next(b, i + 1);
        return;
    }
    uint32_t be = body;
    uint32_t end = here_end(b, body, dq, &be);
    if (end == NOPOS) {
        tok_error(t, "TerminatorExpectedAtEndOfString",
                  dq ? "The string is missing the terminator: \"@."
                     : "The string is missing the terminator: '@.",
                  true);
        t->stop.pos = b.n;
        if (here_indented_footer(b, body, dq) != NOPOS) {
            tok_error(t, "WhitespaceBeforeHereStringFooter",
                      "White space is not allowed before the string terminator.", false);
        }
        return;
    }
    t->kind = dq ? T_XSTRING : T_STRING;
    t->strkind = dq ? HV_STR_HERE_DOUBLE : HV_STR_HERE_SINGLE;
    t->ns = body;
    t->ne = be < body ? body : be;
    t->stop.pos = end;
}

/* In argument mode a quoted string glued to more text ("a"b) is one bare word. */
static void
glue_cmd_string(buf b, uint32_t start, hv_lex_mode mode, hv_token *t)
{
    if (mode != HV_LEX_CMD || t->kind == T_ERROR || t->strkind >= HV_STR_HERE_SINGLE)
        return;
    uint32_t c = cp_peek(b, t->stop.pos);
    if (!is_cmd_term(c))
        finish_generic(b, start, t);
}

/* ---- operators ---- */

typedef struct {
    const char *word;
    uint8_t op;
    bool cs;
} dashop;

static const dashop dash_ops[] = {
    {"eq", HV_OP_EQ, 0}, {"ieq", HV_OP_EQ, 0}, {"ceq", HV_OP_EQ, 1},
    {"ne", HV_OP_NE, 0}, {"ine", HV_OP_NE, 0}, {"cne", HV_OP_NE, 1},
    {"gt", HV_OP_GT, 0}, {"igt", HV_OP_GT, 0}, {"cgt", HV_OP_GT, 1},
    {"ge", HV_OP_GE, 0}, {"ige", HV_OP_GE, 0}, {"cge", HV_OP_GE, 1},
    {"lt", HV_OP_LT, 0}, {"ilt", HV_OP_LT, 0}, {"clt", HV_OP_LT, 1},
    {"le", HV_OP_LE, 0}, {"ile", HV_OP_LE, 0}, {"cle", HV_OP_LE, 1},
    {"like", HV_OP_LIKE, 0}, {"ilike", HV_OP_LIKE, 0}, {"clike", HV_OP_LIKE, 1},
    {"notlike", HV_OP_NOTLIKE, 0}, {"inotlike", HV_OP_NOTLIKE, 0},
    {"cnotlike", HV_OP_NOTLIKE, 1},
    {"match", HV_OP_MATCH, 0}, {"imatch", HV_OP_MATCH, 0}, {"cmatch", HV_OP_MATCH, 1},
    {"notmatch", HV_OP_NOTMATCH, 0}, {"inotmatch", HV_OP_NOTMATCH, 0},
    {"cnotmatch", HV_OP_NOTMATCH, 1},
    {"replace", HV_OP_REPLACE, 0}, {"ireplace", HV_OP_REPLACE, 0},
    {"creplace", HV_OP_REPLACE, 1},
    {"contains", HV_OP_CONTAINS, 0}, {"icontains", HV_OP_CONTAINS, 0},
    {"ccontains", HV_OP_CONTAINS, 1},
    {"notcontains", HV_OP_NOTCONTAINS, 0}, {"inotcontains", HV_OP_NOTCONTAINS, 0},
    {"cnotcontains", HV_OP_NOTCONTAINS, 1},
    {"in", HV_OP_IN, 0}, {"iin", HV_OP_IN, 0}, {"cin", HV_OP_IN, 1},
    {"notin", HV_OP_NOTIN, 0}, {"inotin", HV_OP_NOTIN, 0}, {"cnotin", HV_OP_NOTIN, 1},
    {"split", HV_OP_SPLIT, 0}, {"isplit", HV_OP_SPLIT, 0}, {"csplit", HV_OP_SPLIT, 1},
    {"join", HV_OP_JOIN, 0},
    {"is", HV_OP_IS, 0}, {"isnot", HV_OP_ISNOT, 0}, {"as", HV_OP_AS, 0},
    {"f", HV_OP_FORMAT, 0},
    {"band", HV_OP_BAND, 0}, {"bor", HV_OP_BOR, 0}, {"bxor", HV_OP_BXOR, 0},
    {"bnot", HV_OP_BNOT, 0}, {"shl", HV_OP_SHL, 0}, {"shr", HV_OP_SHR, 0},
    {"and", HV_OP_AND, 0}, {"or", HV_OP_OR, 0}, {"xor", HV_OP_XOR, 0},
    {"not", HV_OP_NOT, 0},
};

static const dashop *
find_dashop(const char *w, size_t n)
{
    for (size_t k = 0; k < sizeof dash_ops / sizeof dash_ops[0]; k++)
        if (strlen(dash_ops[k].word) == n && strncasecmp(dash_ops[k].word, w, n) == 0)
            return &dash_ops[k];
    return NULL;
}

static void
set_op(hv_token *t, hv_tok_kind kind, hv_ast_op op, uint32_t stop)
{
    t->kind = (uint8_t)kind;
    t->op = (uint8_t)op;
    t->stop.pos = stop;
}

/* '-' in expression mode: -- -= -op -Param or minus. w = width of the dash. */
static void
lex_dash_expr(buf b, uint32_t i, uint32_t w, hv_token *t)
{
    uint32_t j = i + w, c = cp_peek(b, j);
    if (hv_lex_is_dash(c)) {
        set_op(t, T_OP, HV_OP_PREDEC, cp_next(b, j));
        return;
    }
    if (c == '=') {
        set_op(t, T_ASSIGN, HV_OP_SUB_ASSIGN, j + 1);
        return;
    }
    if (is_ascii_alpha(c)) {
        uint32_t k = j;
        while (k < b.n && is_ascii_alpha((unsigned char)b.s[k]))
            k++;
        const dashop *d = find_dashop(b.s + j, k - j);
        if (d && !is_identchar(cp_peek(b, k)) && cp_peek(b, k) != '-') {
            set_op(t, T_OP, (hv_ast_op)d->op, k);
            t->cs = d->cs;
            return;
        }
        /* a parameter-looking token in an expression: the parser reports it */
        while (k < b.n && (is_identchar(cp_peek(b, k)) || hv_lex_is_dash(cp_peek(b, k))))
            k = cp_next(b, k);
        t->kind = T_PARAM;
        t->ns = j;
        t->ne = k;
        t->stop.pos = k;
        return;
    }
    set_op(t, T_OP, HV_OP_SUB, j);
}

/* '-' in argument mode: --% , -Name[:], -5, or a bare word. */
static void
lex_dash_cmd(buf b, uint32_t i, uint32_t w, hv_token *t)
{
    uint32_t j = i + w, c = cp_peek(b, j);
    if (hv_lex_is_dash(c) && cp_peek(b, cp_next(b, j)) == '%') {
        uint32_t k = cp_next(b, j) + 1;
        t->kind = T_STOPPARSE;
        t->ns = k;
        while (k < b.n && !is_newline((unsigned char)b.s[k]))
            k++;
        t->ne = k;
        t->stop.pos = k;
        return;
    }
    if (is_digit(c) || (c == '.' && is_digit(cp_peek(b, j + 1)))) {
        numscan ns;
        scan_number(b, j, &ns);
        if (ns.ok && is_cmd_term(cp_peek(b, ns.end))) {
            t->kind = T_NUMBER;
            t->nkind = ns.nkind;
            if (ns.nkind >= HV_AST_N_DOUBLE)
                t->nv.d = -ns.d;
            else if (ns.nkind == HV_AST_N_UINT64 || ns.nkind == HV_AST_N_UINT32 ||
                     ns.nkind == HV_AST_N_BYTE || ns.nkind == HV_AST_N_UINT16) {
                /* unsigned literal with a minus: becomes a bare word like pwsh's error */
                finish_generic(b, i, t);
                return;
            } else
                t->nv.i = -ns.i;
            t->stop.pos = ns.end;
            return;
        }
        finish_generic(b, i, t);
        return;
    }
    if (is_ascii_alpha(c) || c == '_' || c == '?' || is_uletter(c)) {
        uint32_t k = j;
        while (k < b.n) {
            uint32_t cc = cp_peek(b, k);
            if (is_cmd_term(cc) || cc == ':' || hv_lex_is_squote(cc) || hv_lex_is_dquote(cc) ||
                cc == '`' || cc == '$')
                break;
            k = cp_next(b, k);
        }
        t->kind = T_PARAM;
        t->ns = j;
        t->ne = k;
        if (k < b.n && b.s[k] == ':') {
            t->braced = true; /* -Name:value */
            k++;
        }
        t->stop.pos = k;
        return;
    }
    finish_generic(b, i, t);
}

/* Redirection at i: [n|*]> >> n>&m. Returns false if not one. */
static bool
lex_redirect(buf b, uint32_t i, hv_token *t)
{
    uint32_t j = i;
    uint8_t from = HV_STREAM_OUTPUT;
    char c = b.s[j];
    if (c == '*' || (c >= '1' && c <= '6')) {
        if (j + 1 >= b.n || b.s[j + 1] != '>')
            return false;
        from = c == '*' ? HV_STREAM_ALL : (uint8_t)(c - '0');
        j++;
    } else if (c != '>') {
        return false;
    }
    j++; /* past '>' */
    t->kind = T_REDIR;
    t->rfrom = from;
    if (j < b.n && b.s[j] == '>') {
        t->rappend = true;
        j++;
    } else if (j + 1 < b.n && b.s[j] == '&' && b.s[j + 1] >= '1' && b.s[j + 1] <= '6') {
        t->rmerge = true;
        t->rto = (uint8_t)(b.s[j + 1] - '0');
        j += 2;
    }
    t->stop.pos = j;
    return true;
}

/* Expression-mode punctuation and operators. Returns false if c is none of them. */
static bool
lex_expr_punct(buf b, uint32_t i, uint32_t c, hv_token *t)
{
    char c1 = i + 1 < b.n ? b.s[i + 1] : 0, c2 = i + 2 < b.n ? b.s[i + 2] : 0;
    switch (c) {
    case '+':
        if (c1 == '+')
            set_op(t, T_OP, HV_OP_PREINC, i + 2);
        else if (c1 == '=')
            set_op(t, T_ASSIGN, HV_OP_ADD_ASSIGN, i + 2);
        else
            set_op(t, T_OP, HV_OP_ADD, i + 1);
        return true;
    case '*':
        set_op(t, c1 == '=' ? T_ASSIGN : T_OP, c1 == '=' ? HV_OP_MUL_ASSIGN : HV_OP_MUL,
               i + (c1 == '=' ? 2 : 1));
        return true;
    case '/':
        set_op(t, c1 == '=' ? T_ASSIGN : T_OP, c1 == '=' ? HV_OP_DIV_ASSIGN : HV_OP_DIV,
               i + (c1 == '=' ? 2 : 1));
        return true;
    case '%':
        set_op(t, c1 == '=' ? T_ASSIGN : T_OP, c1 == '=' ? HV_OP_MOD_ASSIGN : HV_OP_MOD,
               i + (c1 == '=' ? 2 : 1));
        return true;
    case '=':
        set_op(t, T_ASSIGN, HV_OP_ASSIGN, i + 1);
        return true;
    case '!':
        set_op(t, T_OP, HV_OP_NOT, i + 1);
        return true;
    case '?':
        if (c1 == '?' && c2 == '=')
            set_op(t, T_ASSIGN, HV_OP_COALESCE_ASSIGN, i + 3);
        else if (c1 == '?')
            set_op(t, T_OP, HV_OP_COALESCE, i + 2);
        else if (c1 == '.')
            set_op(t, T_QDOT, HV_OP_NONE, i + 2);
        else if (c1 == '[')
            set_op(t, T_QBRACKET, HV_OP_NONE, i + 2);
        else
            set_op(t, T_QUESTION, HV_OP_NONE, i + 1);
        return true;
    case '.':
        set_op(t, c1 == '.' ? T_DOTDOT : T_DOT, c1 == '.' ? HV_OP_RANGE : HV_OP_NONE,
               i + (c1 == '.' ? 2 : 1));
        return true;
    case ':':
        set_op(t, c1 == ':' ? T_COLONCOLON : T_COLON, HV_OP_NONE, i + (c1 == ':' ? 2 : 1));
        return true;
    case '[':
        set_op(t, T_LBRACKET, HV_OP_NONE, i + 1);
        return true;
    default:
        return false;
    }
}

/* Tokens that mean the same in both modes. Returns false if c is none of them. */
static bool
lex_common(buf b, uint32_t i, uint32_t c, hv_token *t)
{
    char c1 = i + 1 < b.n ? b.s[i + 1] : 0;
    switch (c) {
    case '\n':
    case '\r':
        t->kind = T_NEWLINE;
        t->stop.pos = skip_newline(b, i);
        return true;
    case ';': t->kind = T_SEMI; break;
    case '(': t->kind = T_LPAREN; break;
    case ')': t->kind = T_RPAREN; break;
    case '{': t->kind = T_LBRACE; break;
    case '}': t->kind = T_RBRACE; break;
    case ']': t->kind = T_RBRACKET; break;
    case ',': t->kind = T_COMMA; break;
    case '|':
        t->kind = c1 == '|' ? T_OROR : T_PIPE;
        t->stop.pos = i + (c1 == '|' ? 2 : 1);
        return true;
    case '&':
        t->kind = c1 == '&' ? T_ANDAND : T_AMP;
        t->stop.pos = i + (c1 == '&' ? 2 : 1);
        return true;
    case '<':
        tok_error(t, "RedirectionNotSupported", "The '<' operator is reserved for future use.",
                  false);
        t->stop.pos = i + 1;
        return true;
    default:
        return false;
    }
    t->stop.pos = i + 1;
    return true;
}

static void
lex_at(buf b, uint32_t i, hv_lex_mode mode, hv_token *t)
{
    uint32_t c1 = cp_peek(b, i + 1);
    if (c1 == '(') {
        t->kind = T_ATPAREN;
        t->stop.pos = i + 2;
    } else if (c1 == '{') {
        t->kind = T_ATBRACE;
        t->stop.pos = i + 2;
    } else if (hv_lex_is_dquote(c1) || hv_lex_is_squote(c1)) {
        lex_here(b, i, hv_lex_is_dquote(c1), t);
    } else {
        uint32_t end = scan_var(b, i, t);
        if (end != 0 && end != NOPOS && !t->braced) {
            t->kind = T_SPLAT;
            t->stop.pos = end;
        } else if (mode == HV_LEX_CMD) {
            t->braced = false;
            finish_generic(b, i, t);
        } else {
            tok_error(t, "UnrecognizedToken", "Unrecognized token in source text.", false);
            t->stop.pos = i + 1;
        }
    }
}

static void
lex_number_or_word(buf b, uint32_t i, hv_lex_mode mode, hv_token *t)
{
    numscan ns;
    scan_number(b, i, &ns);
    uint32_t after = cp_peek(b, ns.end);
    bool whole = mode == HV_LEX_CMD ? is_cmd_term(after)
                                    : !is_identchar(after) && after != '.' ? true
                                    : after == '.' && cp_peek(b, ns.end + 1) == '.';
    if (!whole && mode != HV_LEX_CMD && after == '.' && ns.ok && ns.end > i && ns.end + 1 < b.n &&
        (is_ascii_alpha((unsigned char)b.s[ns.end + 1]) || b.s[ns.end + 1] == '_')) {
        /* member access right after a literal that cannot take the dot itself:
         * 1.234.GetType(), 2uL.GetType(), 0x10.ToString() (not 2.GetType()) */
        bool dot = memchr(b.s + i, '.', ns.end - i) != NULL;
        bool radix = ns.end - i > 2 && b.s[i] == '0' && (b.s[i + 1] | 32) != 0 &&
                     ((b.s[i + 1] | 32) == 'x' || (b.s[i + 1] | 32) == 'b');
        whole = dot || radix || is_ascii_alpha((unsigned char)b.s[ns.end - 1]);
    }
    if (ns.ok && whole) {
        t->kind = T_NUMBER;
        t->nkind = ns.nkind;
        if (ns.nkind >= HV_AST_N_DOUBLE || ns.nkind == HV_AST_N_BIGINT)
            t->nv.d = ns.d;
        if (ns.nkind < HV_AST_N_DOUBLE)
            t->nv.i = ns.i;
        if (ns.nkind == HV_AST_N_UINT64 || ns.nkind == HV_AST_N_UINT32 ||
            ns.nkind == HV_AST_N_BYTE || ns.nkind == HV_AST_N_UINT16)
            t->nv.u = ns.u;
        if (ns.nkind == HV_AST_N_BIGINT)
            t->nv.i = ns.i;
        t->stop.pos = ns.end;
        return;
    }
    if (mode == HV_LEX_CMD || (!ns.ok && whole && ns.end > i)) {
        if (mode == HV_LEX_CMD) {
            finish_generic(b, i, t);
            return;
        }
        tok_error(t, "BadNumericConstant", "The numeric constant is not valid.", false);
        t->stop.pos = ns.end;
        return;
    }
    /* expression mode: 1abc -> a bare word (pwsh makes it a command name) */
    finish_generic(b, i, t);
}

static void
lex_ident(buf b, uint32_t i, hv_token *t)
{
    uint32_t k = i;
    while (k < b.n && is_identchar(cp_peek(b, k)))
        k = cp_next(b, k);
    t->kind = T_IDENT;
    t->ns = i;
    t->ne = k;
    t->stop.pos = k;
}

static void
lex_colon_cmd(buf b, uint32_t i, hv_token *t)
{
    uint32_t k = i + 1;
    if (is_ascii_alpha(cp_peek(b, k)) || cp_peek(b, k) == '_') {
        while (k < b.n && is_identchar(cp_peek(b, k)))
            k = cp_next(b, k);
        if (is_cmd_term(cp_peek(b, k))) {
            t->kind = T_LABEL;
            t->ns = i + 1;
            t->ne = k;
            t->stop.pos = k;
            return;
        }
    }
    if (cp_peek(b, i + 1) == ':') {
        t->kind = T_COLONCOLON;
        t->stop.pos = i + 2;
        return;
    }
    finish_generic(b, i, t);
}

static void
lex_token(buf b, uint32_t i, hv_lex_mode mode, hv_token *t)
{
    uint32_t w, c = cp_at(b, i, &w);
    if (lex_common(b, i, c, t))
        return;
    if ((c == '>' || c == '*' || (c >= '1' && c <= '6')) && lex_redirect(b, i, t))
        return;
    if (c == '$') {
        lex_dollar(b, i, mode, t);
    } else if (c == '@') {
        lex_at(b, i, mode, t);
    } else if (hv_lex_is_squote(c)) {
        lex_squote(b, i, t);
        glue_cmd_string(b, i, mode, t);
    } else if (hv_lex_is_dquote(c)) {
        lex_dquote(b, i, t);
        glue_cmd_string(b, i, mode, t);
    } else if (is_digit(c) || (c == '.' && is_digit(cp_peek(b, i + 1)))) {
        lex_number_or_word(b, i, mode, t);
    } else if (hv_lex_is_dash(c)) {
        if (mode == HV_LEX_EXPR)
            lex_dash_expr(b, i, w, t);
        else
            lex_dash_cmd(b, i, w, t);
    } else if (mode == HV_LEX_CMD) {
        if (c == ':')
            lex_colon_cmd(b, i, t);
        else if (c == '.' && (i + 1 >= b.n || is_space(cp_peek(b, i + 1)) ||
                              b.s[i + 1] == '{' || b.s[i + 1] == '('))
            set_op(t, T_DOT, HV_OP_NONE, i + 1); /* ". x", ".{ }", ".(expr)" dot-source */
        else
            finish_generic(b, i, t);
    } else if (lex_expr_punct(b, i, c, t)) {
        return;
    } else if (is_identchar(c)) {
        lex_ident(b, i, t);
    } else if (c == '`') {
        /* a lone backtick at end of input (continuation with nothing after) */
        bool eof = i + w >= b.n;
        tok_error(t, eof ? "IncompleteInput" : "UnexpectedBacktick",
                  eof ? "Unexpected end of input after '`'." : "Unexpected character '`'.", eof);
        t->stop.pos = eof ? b.n : cp_next(b, i + w);
    } else {
        finish_generic(b, i, t);
    }
}

void
hv_lex_scan(const hv_lexer *lx, hv_lex_mode mode, hv_token *t)
{
    buf b = {lx->src, lx->limit};
    memset(t, 0, sizeof *t);
    bool ws = false;
    uint32_t i = skip_trivia(b, lx->cur.pos, &ws);
    if (i == NOPOS) {
        t->start = lx->cur;
        tok_error(t, "MissingTerminatorMultiLineComment",
                  "The terminator '#>' is missing from the multiline comment.",
                  true);
        t->stop = hv_lex_advance(b.s, lx->cur, b.n);
        return;
    }
    t->ws_before = ws || i == 0;
    t->start = hv_lex_advance(b.s, lx->cur, i);
    if (i >= b.n) {
        t->kind = T_EOF;
        t->stop = t->start;
        return;
    }
    lex_token(b, i, mode, t);
    if (t->stop.pos <= i)
        t->stop.pos = cp_next(b, i); /* always make progress */
    if (t->stop.pos > b.n)
        t->stop.pos = b.n;
    t->stop = hv_lex_advance(b.s, t->start, t->stop.pos);
}
