/* format_op.c — .NET composite formatting (-f, [string]::Format) and format specifiers for
 * numbers (C D E F G N P R X and custom "0.00" / "#,##0" patterns), dates and timespans,
 * in the en-US culture. Midpoints round away from zero, as .NET Core 3+ formatting does. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"
#include "ops.h"

/* ------------------------------------------------------------------ decimal digits */

/* |d| as decimal digits: digits[0..n) with the decimal point after `point` digits
 * (point may be <= 0 or > n). Uses 40 significant digits, enough to see midpoints. */
typedef struct {
    char dig[400];
    int n;
    int point;
} decdig;

static void
to_decdig(double d, decdig *x)
{
    char tmp[80];
    snprintf(tmp, sizeof tmp, "%.40e", fabs(d));
    int n = 0;
    const char *p = tmp;
    for (; *p && *p != 'e'; p++)
        if (isdigit((unsigned char)*p))
            x->dig[n++] = *p;
    int e = atoi(p + 1);
    while (n > 1 && x->dig[n - 1] == '0')
        n--;
    x->n = n;
    x->point = e + 1;
    if (n == 1 && x->dig[0] == '0')
        x->point = 1;
}

/* Exact digits of a number value: integers digit by digit (no double rounding). */
static void
value_decdig(const hv_value *v, decdig *x)
{
    if (v->kind != HV_INT) {
        to_decdig(v->kind == HV_DOUBLE ? v->u.d : 0, x);
        return;
    }
    uint64_t u = v->sub == HV_N_UINT64 ? v->u.u
                 : v->u.i < 0         ? (uint64_t)0 - (uint64_t)v->u.i
                                      : (uint64_t)v->u.i;
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)u);
    memcpy(x->dig, tmp, (size_t)n);
    x->point = n;
    while (n > 1 && x->dig[n - 1] == '0')
        n--;
    x->n = n;
    if (u == 0)
        x->point = 1;
}

/* Round to keep `keep` digits (away from zero on .5); keep may be <= 0. */
static void
round_at(decdig *x, int keep)
{
    if (keep >= x->n)
        return;
    if (keep < 0) {
        x->n = 1;
        x->dig[0] = '0';
        x->point = 1;
        return;
    }
    bool up = x->dig[keep] >= '5';
    x->n = keep;
    if (up) {
        int i = keep - 1;
        while (i >= 0 && x->dig[i] == '9')
            x->dig[i--] = '0';
        if (i >= 0) {
            x->dig[i]++;
        } else {
            memmove(x->dig + 1, x->dig, (size_t)x->n);
            x->dig[0] = '1';
            x->n++;
            x->point++;
        }
    }
    if (x->n == 0) {
        x->n = 1;
        x->dig[0] = '0';
        x->point = 1;
    }
}

static bool
decdig_zero(const decdig *x)
{
    for (int i = 0; i < x->n; i++)
        if (x->dig[i] != '0')
            return false;
    return true;
}

/* Integer part digits (no leading zeros; "" for 0) and fraction of `decimals` digits. */
static void
fixed_parts(const decdig *x, int decimals, hv_buf *ip, hv_buf *fp)
{
    for (int i = 0; i < x->point; i++)
        hv_buf_putc(ip, i < x->n ? x->dig[i] : '0');
    for (int i = 0; i < decimals; i++) {
        int k = x->point + i;
        hv_buf_putc(fp, k >= 0 && k < x->n ? x->dig[k] : '0');
    }
    /* strip leading zeros of the integer part */
    size_t z = 0;
    while (z < ip->len && ip->data[z] == '0')
        z++;
    if (z) {
        memmove(ip->data, ip->data + z, ip->len - z);
        ip->len -= z;
        ip->data[ip->len] = 0;
    }
}

static void
put_grouped(hv_buf *b, const char *digits, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            hv_buf_putc(b, ',');
        hv_buf_putc(b, digits[i]);
    }
}

/* F / N / P / C body: |d| with `decimals` decimals, grouping optional. */
static void
put_fixed(hv_buf *b, const decdig *src, int decimals, bool group)
{
    decdig x = *src;
    round_at(&x, x.point + decimals);
    hv_buf ip = {0}, fp = {0};
    fixed_parts(&x, decimals, &ip, &fp);
    if (ip.len == 0)
        hv_buf_putc(b, '0');
    else if (group)
        put_grouped(b, ip.data, ip.len);
    else
        hv_buf_put(b, ip.data, ip.len);
    if (decimals > 0) {
        hv_buf_putc(b, '.');
        hv_buf_put(b, fp.data, fp.len);
    }
    hv_buf_free(&ip);
    hv_buf_free(&fp);
}

/* Does the rounded |d| at `decimals` decimals show as zero (so no minus sign)? */
static bool
rounds_to_zero(const decdig *src, int decimals)
{
    decdig x = *src;
    round_at(&x, x.point + decimals);
    return decdig_zero(&x);
}

static void
put_exp(hv_buf *b, const decdig *src, int prec, char e, int min_exp_digits, bool plus)
{
    decdig x = *src;
    round_at(&x, prec + 1);
    int exp10 = decdig_zero(&x) ? 0 : x.point - 1;
    hv_buf_putc(b, x.dig[0]);
    if (prec > 0) {
        hv_buf_putc(b, '.');
        for (int i = 1; i <= prec; i++)
            hv_buf_putc(b, i < x.n ? x.dig[i] : '0');
    }
    hv_buf_putc(b, e);
    if (exp10 < 0)
        hv_buf_putc(b, '-');
    else if (plus)
        hv_buf_putc(b, '+');
    hv_buf_printf(b, "%0*d", min_exp_digits, abs(exp10));
}

/* G with a precision: n significant digits; scientific when exp >= n or exp < -5. */
static void
put_general(hv_buf *b, const decdig *src, int prec, char e)
{
    decdig x = *src;
    round_at(&x, prec);
    while (x.n > 1 && x.dig[x.n - 1] == '0')
        x.n--;
    int exp10 = x.point - 1;
    if (decdig_zero(&x)) {
        hv_buf_putc(b, '0');
        return;
    }
    if (exp10 >= prec || exp10 < -5) {
        hv_buf_putc(b, x.dig[0]);
        if (x.n > 1) {
            hv_buf_putc(b, '.');
            hv_buf_put(b, x.dig + 1, (size_t)x.n - 1);
        }
        hv_buf_printf(b, "%c%c%02d", e, exp10 < 0 ? '-' : '+', abs(exp10));
        return;
    }
    if (x.point <= 0) {
        hv_buf_puts(b, "0.");
        for (int i = 0; i < -x.point; i++)
            hv_buf_putc(b, '0');
        hv_buf_put(b, x.dig, (size_t)x.n);
        return;
    }
    for (int i = 0; i < x.point; i++)
        hv_buf_putc(b, i < x.n ? x.dig[i] : '0');
    if (x.n > x.point) {
        hv_buf_putc(b, '.');
        hv_buf_put(b, x.dig + x.point, (size_t)(x.n - x.point));
    }
}

/* ------------------------------------------------------------------ standard numeric */

static bool
is_integer(const hv_value *v)
{
    return v->kind == HV_INT;
}

static int
precision_of(const char *spec, int dflt, bool *bad)
{
    *bad = false;
    if (!spec[1])
        return dflt;
    char *end;
    long p = strtol(spec + 1, &end, 10);
    if (*end || p < 0 || p > 999999999) {
        *bad = true;
        return dflt;
    }
    return (int)p;
}

static void
put_hex(hv_buf *b, const hv_value *v, int prec, bool upper)
{
    uint64_t u;
    switch (v->sub) {
    case HV_N_INT32: u = (uint32_t)(int32_t)v->u.i; break;
    case HV_N_BYTE: case HV_N_SBYTE: u = (uint8_t)v->u.i; break;
    case HV_N_INT16: case HV_N_UINT16: u = (uint16_t)v->u.i; break;
    case HV_N_UINT32: u = (uint32_t)v->u.i; break;
    default: u = v->u.u; break;
    }
    hv_buf_printf(b, upper ? "%0*llX" : "%0*llx", prec, (unsigned long long)u);
}

/* A [decimal] keeps its scale (hv_value.pad): 1.30d shows "1.30", as .NET's decimal. */
static void
pad_decimal_scale(char *tmp, size_t size, unsigned scale)
{
    if (!scale || strchr(tmp, 'E') || strchr(tmp, 'N') || strchr(tmp, 'I'))
        return;
    char *dot = strchr(tmp, '.');
    size_t len = strlen(tmp);
    unsigned have = dot ? (unsigned)(len - (size_t)(dot - tmp) - 1) : 0;
    if (!dot && len + 1 < size)
        tmp[len++] = '.';
    while (have < scale && len + 1 < size) {
        tmp[len++] = '0';
        have++;
    }
    tmp[len] = 0;
}

/* .NET's default number text (shortest round-trip for doubles). */
static void
append_net_number(hv_buf *b, const hv_value *v)
{
    if (v->kind == HV_DOUBLE) {
        char tmp[64];
        hv_conv_fmt_double(v->u.d, (hv_numkind)v->sub, tmp, sizeof tmp);
        if (v->sub == HV_N_DECIMAL)
            pad_decimal_scale(tmp, sizeof tmp, v->pad);
        hv_buf_puts(b, tmp);
    } else {
        hv_conv_append_string(b, v, NULL);
    }
}

/* Returns false when spec is not a standard numeric format (then it is custom). */
static bool
std_numeric(hv_buf *b, const hv_value *v, const char *spec)
{
    char f = spec[0];
    if (!isalpha((unsigned char)f))
        return false;
    for (const char *p = spec + 1; *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    bool bad;
    double d = hv_conv_num_to_double(v);
    bool neg = is_integer(v) ? (v->sub != HV_N_UINT64 && v->u.i < 0) : d < 0;
    decdig x, x100;
    value_decdig(v, &x);
    x100 = x;
    if (!decdig_zero(&x100))
        x100.point += 2;
    switch (toupper((unsigned char)f)) {
    case 'D': {
        int prec = precision_of(spec, 0, &bad);
        if (!is_integer(v))
            return false;
        char tmp[32];
        if (v->sub == HV_N_UINT64)
            snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v->u.u);
        else
            snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)(neg ? -(uint64_t)v->u.i : (uint64_t)v->u.i));
        if (neg)
            hv_buf_putc(b, '-');
        for (int i = (int)strlen(tmp); i < prec; i++)
            hv_buf_putc(b, '0');
        hv_buf_puts(b, tmp);
        return true;
    }
    case 'X':
        if (!is_integer(v))
            return false;
        put_hex(b, v, precision_of(spec, 0, &bad), f == 'X');
        return true;
    case 'F':
    case 'N': {
        int prec = precision_of(spec, 2, &bad);
        if (neg && !rounds_to_zero(&x, prec))
            hv_buf_putc(b, '-');
        put_fixed(b, &x, prec, toupper((unsigned char)f) == 'N');
        return true;
    }
    case 'P': {
        int prec = precision_of(spec, 2, &bad);
        if (neg && !rounds_to_zero(&x100, prec))
            hv_buf_putc(b, '-');
        put_fixed(b, &x100, prec, true);
        hv_buf_putc(b, '%');
        return true;
    }
    case 'C': {
        int prec = precision_of(spec, 2, &bad);
        if (neg && !rounds_to_zero(&x, prec))
            hv_buf_putc(b, '-');
        hv_buf_putc(b, '$');
        put_fixed(b, &x, prec, true);
        return true;
    }
    case 'E': {
        int prec = precision_of(spec, 6, &bad);
        if (neg)
            hv_buf_putc(b, '-');
        put_exp(b, &x, prec, f, 3, true);
        return true;
    }
    case 'G': {
        int prec = precision_of(spec, 0, &bad);
        if (prec == 0) {
            append_net_number(b, v);
            return true;
        }
        if (neg)
            hv_buf_putc(b, '-');
        put_general(b, &x, prec, f == 'g' ? 'e' : 'E');
        return true;
    }
    case 'R':
        append_net_number(b, v);
        return true;
    default:
        return false;
    }
}

/* ------------------------------------------------------------------ custom numeric */

typedef struct {
    int int_zeros;   /* '0' placeholders before the point, from the first '0' */
    int int_places;  /* all placeholders before the point */
    int min_dec, max_dec;
    bool group, percent, has_point;
    int exp_digits;  /* E0 etc.: minimum exponent digits, 0 = none */
    bool exp_plus;
    char exp_char;
    int scale;       /* number of scaling commas (each divides by 1000) */
} custom_info;

/* Skip a quoted literal or escape at f[i]; returns the index after it. */
static size_t
skip_literal(const char *f, size_t i)
{
    if (f[i] == '\\')
        return f[i + 1] ? i + 2 : i + 1;
    char q = f[i];
    i++;
    while (f[i] && f[i] != q)
        i++;
    return f[i] ? i + 1 : i;
}

static void
analyze_custom(const char *f, size_t len, custom_info *ci)
{
    memset(ci, 0, sizeof *ci);
    bool after_point = false, seen_zero = false;
    for (size_t i = 0; i < len;) {
        char c = f[i];
        if (c == '\'' || c == '"' || c == '\\') {
            i = skip_literal(f, i);
            continue;
        }
        if (c == '0' || c == '#') {
            if (after_point) {
                ci->max_dec++;
                if (c == '0')
                    ci->min_dec = ci->max_dec;
            } else {
                ci->int_places++;
                if (c == '0')
                    seen_zero = true;
                if (seen_zero)
                    ci->int_zeros++;
            }
        } else if (c == '.' && !after_point) {
            after_point = true;
            ci->has_point = true;
        } else if (c == ',' && !after_point) {
            /* a comma followed by more placeholders groups; trailing commas scale */
            size_t k = i + 1;
            while (k < len && f[k] == ',')
                k++;
            if (k < len && (f[k] == '0' || f[k] == '#') && ci->int_places)
                ci->group = true;
            else if (ci->int_places)
                ci->scale += (int)(k - i);
            i = k;
            continue;
        } else if (c == '%') {
            ci->percent = true;
        } else if ((c == 'E' || c == 'e') && i + 1 < len &&
                   (f[i + 1] == '0' || ((f[i + 1] == '+' || f[i + 1] == '-') && i + 2 < len &&
                                        f[i + 2] == '0'))) {
            ci->exp_char = c;
            size_t k = i + 1;
            if (f[k] == '+' || f[k] == '-') {
                ci->exp_plus = f[k] == '+';
                k++;
            }
            while (k < len && f[k] == '0')
                ci->exp_digits++, k++;
            i = k;
            continue;
        }
        i++;
    }
}

/* Pick the section for the value: "pos;neg;zero". *use_sign: print '-' ourselves. */
static void
pick_section(const char *f, double d, const char **sec, size_t *len, bool *use_sign)
{
    const char *s[3] = {f, NULL, NULL};
    size_t l[3] = {0};
    int n = 1;
    size_t i = 0;
    size_t start = 0;
    for (; f[i];) {
        if (f[i] == '\'' || f[i] == '"' || f[i] == '\\') {
            i = skip_literal(f, i);
            continue;
        }
        if (f[i] == ';' && n < 3) {
            l[n - 1] = i - start;
            start = i + 1;
            s[n++] = f + start;
        }
        i++;
    }
    l[n - 1] = i - start;
    *use_sign = true;
    *sec = s[0];
    *len = l[0];
    if (d < 0 && n >= 2 && l[1]) {
        *sec = s[1];
        *len = l[1];
        *use_sign = false;
    } else if (d == 0 && n >= 3 && l[2]) {
        *sec = s[2];
        *len = l[2];
    }
}

static void
custom_numeric(hv_buf *b, const hv_value *v, const char *fmt)
{
    double d = hv_conv_num_to_double(v);
    const char *f;
    size_t len;
    bool use_sign;
    pick_section(fmt, d, &f, &len, &use_sign);
    custom_info ci;
    analyze_custom(f, len, &ci);
    int exp10 = 0;
    decdig x;
    value_decdig(v, &x);
    if (!decdig_zero(&x))
        x.point += (ci.percent ? 2 : 0) - 3 * ci.scale;
    if (ci.exp_digits && !decdig_zero(&x)) {
        int ip = ci.int_places ? ci.int_places : 1;
        exp10 = x.point - ip;
        x.point = ip;
    }
    round_at(&x, x.point + ci.max_dec);
    hv_buf ip = {0}, fp = {0};
    fixed_parts(&x, ci.max_dec, &ip, &fp);
    while ((int)fp.len > ci.min_dec && fp.data[fp.len - 1] == '0')
        fp.data[--fp.len] = 0;
    /* pad the integer digits to the '0' placeholders */
    hv_buf digits = {0};
    for (int i = (int)ip.len; i < ci.int_zeros; i++)
        hv_buf_putc(&digits, '0');
    hv_buf_put(&digits, ip.data ? ip.data : "", ip.len);
    bool zero = decdig_zero(&x) && true;
    if (d < 0 && use_sign && !zero)
        hv_buf_putc(b, '-');
    /* integer placeholders receive digits right to left; extra digits go to the first one */
    int remaining = (int)digits.len; /* digits not yet emitted */
    int places_left = ci.int_places;
    bool after_point = false, exp_done = false;
    size_t fi = 0;
    for (size_t i = 0; i < len;) {
        char c = f[i];
        if (c == '\'' || c == '"') {
            /* quoted literal, bounded by this section; an unclosed quote runs to its end */
            size_t close = i + 1;
            while (close < len && f[close] != c)
                close++;
            hv_buf_put(b, f + i + 1, close - i - 1);
            i = close < len ? close + 1 : len;
            continue;
        }
        if (c == '\\') {
            if (f[i + 1])
                hv_buf_putc(b, f[i + 1]);
            i = skip_literal(f, i);
            continue;
        }
        if ((c == '0' || c == '#') && !after_point) {
            int take = remaining - (places_left - 1);
            if (take < 0)
                take = 0;
            /* more placeholders than analyze_custom counted (a second exponent's zeros are
             * plain placeholders here): never more digits than are left */
            if (take > remaining)
                take = remaining;
            for (int k = 0; k < take; k++) {
                size_t pos = digits.len - (size_t)remaining;
                hv_buf_putc(b, digits.data[pos]);
                remaining--;
                if (ci.group && remaining > 0 && remaining % 3 == 0)
                    hv_buf_putc(b, ',');
            }
            places_left--;
            i++;
            continue;
        }
        if ((c == '0' || c == '#') && after_point) {
            if (fi < fp.len)
                hv_buf_putc(b, fp.data[fi++]);
            i++;
            continue;
        }
        if (c == '.' && !after_point) {
            after_point = true;
            if (fp.len)
                hv_buf_putc(b, '.');
            i++;
            continue;
        }
        if (c == ',' && !after_point) {
            i++;
            continue;
        }
        if ((c == 'E' || c == 'e') && ci.exp_digits && !exp_done &&
            (f[i + 1] == '0' || f[i + 1] == '+' || f[i + 1] == '-')) {
            hv_buf_putc(b, c);
            if (exp10 < 0)
                hv_buf_putc(b, '-');
            else if (ci.exp_plus)
                hv_buf_putc(b, '+');
            hv_buf_printf(b, "%0*d", ci.exp_digits, abs(exp10));
            i++;
            if (f[i] == '+' || f[i] == '-')
                i++;
            while (i < len && f[i] == '0')
                i++;
            exp_done = true;
            continue;
        }
        hv_buf_putc(b, c);
        i++;
    }
    hv_buf_free(&ip);
    hv_buf_free(&fp);
    hv_buf_free(&digits);
}

/* ------------------------------------------------------------------ one value */

/* Default rendering inside -f: as .NET's ToString() in en-US. */
static void
append_default(hv_buf *b, const hv_value *v)
{
    switch ((hv_kind)v->kind) {
    case HV_DATETIME: {
        hv_value s = hv_dt_format(v->u.i, (hv_dtkind)v->sub, "G");
        hv_buf_put(b, hv_str_cstr(&s), hv_str_len(&s));
        hv_unref(s);
        return;
    }
    case HV_ARRAY:
        hv_buf_puts(b, hv_type_name_of(v));
        return;
    case HV_DOUBLE:
        append_net_number(b, v);
        return;
    default:
        hv_conv_append_string(b, v, NULL);
        return;
    }
}

static void
append_formatted(hv_buf *b, const hv_value *v, const char *spec)
{
    if (!spec || !*spec) {
        append_default(b, v);
        return;
    }
    switch ((hv_kind)v->kind) {
    case HV_INT:
    case HV_DOUBLE:
        if (v->kind == HV_DOUBLE && (isnan(v->u.d) || isinf(v->u.d))) {
            hv_conv_append_string(b, v, NULL);
            return;
        }
        if (!std_numeric(b, v, spec))
            custom_numeric(b, v, spec);
        return;
    case HV_ENUM:
        if (spec[0] == 'd' || spec[0] == 'D') {
            hv_buf_printf(b, "%d", v->aux);
        } else if ((spec[0] == 'x' || spec[0] == 'X') && !spec[1]) {
            hv_buf_printf(b, "%08X", (unsigned)v->aux);
        } else {
            hv_conv_append_string(b, v, NULL);
        }
        return;
    case HV_DATETIME: {
        hv_value s = hv_dt_format(v->u.i, (hv_dtkind)v->sub, spec);
        hv_buf_put(b, hv_str_cstr(&s), hv_str_len(&s));
        hv_unref(s);
        return;
    }
    case HV_TIMESPAN: {
        hv_value s = hv_ts_format(v->u.i, spec);
        hv_buf_put(b, hv_str_cstr(&s), hv_str_len(&s));
        hv_unref(s);
        return;
    }
    default:
        append_default(b, v);
        return;
    }
}

hv_value
hv_conv_format_one(const hv_value *v, const char *spec)
{
    hv_buf b = {0};
    append_formatted(&b, v, spec);
    return hv_buf_finish(&b);
}

/* ------------------------------------------------------------------ composite */

/* The composite-format parser mirrors .NET 8's StringBuilder.AppendFormatHelper, including
 * its error texts and offsets (UTF-16 positions), which pwsh wraps as
 * "Error formatting a string: <message>." */
enum { FMT_OK, FMT_UNEXPECTED_CLOSE, FMT_UNCLOSED, FMT_EXPECTED_DIGIT, FMT_INDEX };

typedef struct {
    const char *f;
    size_t len, pos;
    int status;
    size_t err_pos;
} fmt_parser;

/* Advance one byte; past the end is the "format item ends prematurely" error. */
static char
fmt_next(fmt_parser *p)
{
    p->pos++;
    if (p->pos >= p->len) {
        if (!p->status) {
            p->status = FMT_UNCLOSED;
            p->err_pos = p->pos;
        }
        return 0;
    }
    return p->f[p->pos];
}

static void
fmt_fail(fmt_parser *p, int status)
{
    if (!p->status) {
        p->status = status;
        p->err_pos = p->pos;
    }
}

static bool
format_failure(const fmt_parser *p, hv_conv_err *err)
{
    static const char *const reasons[] = {
        [FMT_UNEXPECTED_CLOSE] = "Unexpected closing brace without a corresponding opening brace.",
        [FMT_UNCLOSED] = "Format item ends prematurely.",
        [FMT_EXPECTED_DIGIT] = "Expected an ASCII digit.",
    };
    if (!err)
        return false;
    if (p->status == FMT_INDEX) {
        snprintf(err->msg, sizeof err->msg, "Error formatting a string: Index (zero based) must be "
                 "greater than or equal to zero and less than the size of the argument list..");
        return false;
    }
    size_t upos = hv_utf16_len(p->f, p->err_pos < p->len ? p->err_pos : p->len) +
                  (p->err_pos > p->len ? p->err_pos - p->len : 0);
    snprintf(err->msg, sizeof err->msg,
             "Error formatting a string: Input string was not in a correct format. Failure to "
             "parse near offset %zu. %s.",
             upos, reasons[p->status]);
    return false;
}

/* One hole after its '{' (p->pos at the first index char); fills index/width/spec. */
static bool
parse_hole(fmt_parser *p, long *index, long *width, bool *left, size_t *spec_at, size_t *spec_len)
{
    char ch = p->f[p->pos];
    *width = 0;
    *left = false;
    *spec_len = 0;
    if (ch < '0' || ch > '9') {
        fmt_fail(p, FMT_EXPECTED_DIGIT);
        return false;
    }
    *index = ch - '0';
    ch = fmt_next(p);
    if (p->status)
        return false;
    if (ch == '}')
        return true;
    while (ch >= '0' && ch <= '9' && *index < 1000000) {
        *index = *index * 10 + (ch - '0');
        ch = fmt_next(p);
    }
    while (ch == ' ' && !p->status)
        ch = fmt_next(p);
    if (ch == ',' && !p->status) {
        do
            ch = fmt_next(p);
        while (ch == ' ' && !p->status);
        if (ch == '-' && !p->status) {
            *left = true;
            ch = fmt_next(p);
        }
        if (p->status)
            return false;
        if (ch < '0' || ch > '9') {
            fmt_fail(p, FMT_EXPECTED_DIGIT);
            return false;
        }
        *width = ch - '0';
        ch = fmt_next(p);
        while (ch >= '0' && ch <= '9' && *width < 1000000 && !p->status) {
            *width = *width * 10 + (ch - '0');
            ch = fmt_next(p);
        }
        while (ch == ' ' && !p->status)
            ch = fmt_next(p);
    }
    if (p->status)
        return false;
    if (ch != '}') {
        if (ch != ':') {
            fmt_fail(p, FMT_UNCLOSED);
            return false;
        }
        size_t start = p->pos + 1;
        for (;;) {
            ch = fmt_next(p);
            if (p->status)
                return false;
            if (ch == '}')
                break;
            if (ch == '{') {
                fmt_fail(p, FMT_UNCLOSED);
                return false;
            }
        }
        *spec_at = start;
        *spec_len = p->pos - start;
    }
    return true;
}

static void
pad(hv_buf *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        hv_buf_putc(b, ' ');
}

bool
hv_conv_format(const char *fmt, const hv_value *args, size_t nargs, hv_value *out,
               hv_conv_err *err)
{
    fmt_parser p = {.f = fmt, .len = strlen(fmt)};
    hv_buf b = {0};
    while (p.pos < p.len) {
        char c = fmt[p.pos];
        if (c != '{' && c != '}') {
            size_t run = strcspn(fmt + p.pos, "{}");
            hv_buf_put(&b, fmt + p.pos, run);
            p.pos += run;
            continue;
        }
        char next = fmt_next(&p);
        if (p.status)
            break;
        if (next == c) { /* {{ or }} */
            hv_buf_putc(&b, c);
            p.pos++;
            continue;
        }
        if (c == '}') {
            fmt_fail(&p, FMT_UNEXPECTED_CLOSE);
            break;
        }
        long index, width;
        bool left;
        size_t spec_at = 0, spec_len;
        if (!parse_hole(&p, &index, &width, &left, &spec_at, &spec_len))
            break;
        p.pos++; /* past '}' */
        if (index >= (long)nargs) {
            p.status = FMT_INDEX;
            break;
        }
        char *spec = spec_len ? hv_xstrndup(fmt + spec_at, spec_len) : NULL;
        hv_buf item = {0};
        append_formatted(&item, &args[index], spec);
        free(spec);
        size_t w = item.data ? hv_utf16_len(item.data, item.len) : 0;
        if (!left && (size_t)width > w)
            pad(&b, (size_t)width - w);
        hv_buf_put(&b, item.data ? item.data : "", item.len);
        if (left && (size_t)width > w)
            pad(&b, (size_t)width - w);
        hv_buf_free(&item);
    }
    if (p.status) {
        hv_buf_free(&b);
        return format_failure(&p, err);
    }
    *out = hv_buf_finish(&b);
    return true;
}
