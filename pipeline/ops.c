/* ops.c — PowerShell's operators. The left operand decides: the right side is converted to
 * the left's type for comparisons, a collection on the left filters, a string on the left
 * concatenates. Numeric promotion follows pwsh's NumericOps: int32 results that overflow
 * become double (as IntOps does), int64 overflow becomes double, exact integer division stays
 * integer. Arithmetic on immediates never allocates. */
#include "ops.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool
fail(hv_conv_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool
fail(hv_conv_err *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* ------------------------------------------------------------------ numeric core */

typedef enum { NK_INT, NK_LONG, NK_ULONG, NK_DOUBLE, NK_DECIMAL } numclass;

static numclass
num_class(const hv_value *v)
{
    if (v->kind == HV_DOUBLE)
        return v->sub == HV_N_DECIMAL ? NK_DECIMAL : NK_DOUBLE;
    switch (v->sub) {
    case HV_N_INT64:
    case HV_N_UINT32:
    case HV_N_BIGINT:
        return NK_LONG;
    case HV_N_UINT64:
        return NK_ULONG;
    default:
        return NK_INT;
    }
}

static hv_value
int_or_double(long double r, numclass c)
{
    if (c == NK_INT && r >= INT32_MIN && r <= INT32_MAX)
        return hv_int((int32_t)r);
    if (c == NK_LONG && r >= -9223372036854775808.0L && r <= 9223372036854775807.0L)
        return hv_long((int64_t)r);
    if (c == NK_ULONG && r >= 0 && r <= 18446744073709551615.0L)
        return hv_uint64((uint64_t)r);
    if (c == NK_ULONG && r >= -9223372036854775808.0L && r < 0)
        return hv_long((int64_t)r);
    return hv_double((double)r);
}

static long double
ld_of(const hv_value *v)
{
    if (v->kind == HV_DOUBLE)
        return (long double)v->u.d;
    return v->sub == HV_N_UINT64 ? (long double)v->u.u : (long double)v->u.i;
}

static bool
div_zero(hv_conv_err *err)
{
    return fail(err, "Attempted to divide by zero.");
}

/* The scale of a [decimal] result as .NET's decimal arithmetic gives it: the larger scale
 * for + - %, the sum for *, and for / the difference when that is exact (5.00d / 2 is
 * 2.50), else as many digits as needed. Integers have scale 0. */
static uint16_t
decimal_result_scale(hv_binop op, const hv_value *a, const hv_value *b, double r)
{
    int sa = a->kind == HV_DOUBLE && a->sub == HV_N_DECIMAL ? a->pad : 0;
    int sb = b->kind == HV_DOUBLE && b->sub == HV_N_DECIMAL ? b->pad : 0;
    int sc;
    switch (op) {
    case HV_OP_MUL: sc = sa + sb; break;
    case HV_OP_DIV: {
        sc = sa - sb > 0 ? sa - sb : 0;
        double scaled = r * pow(10, sc);
        if (fabs(scaled - nearbyint(scaled)) > 1e-9 * (fabs(scaled) + 1))
            sc = 0;
        break;
    }
    default: sc = sa > sb ? sa : sb; break;
    }
    return (uint16_t)(sc > 28 ? 28 : sc);
}

/* Both operands already numbers. */
static bool
num_arith(hv_binop op, const hv_value *a, const hv_value *b, hv_value *out, hv_conv_err *err)
{
    numclass ca = num_class(a), cb = num_class(b);
    numclass c = ca > cb ? ca : cb;
    if (c == NK_DOUBLE || (c == NK_DECIMAL && (ca == NK_DOUBLE || cb == NK_DOUBLE))) {
        double x = hv_conv_num_to_double(a), y = hv_conv_num_to_double(b);
        double r;
        switch (op) {
        case HV_OP_ADD: r = x + y; break;
        case HV_OP_SUB: r = x - y; break;
        case HV_OP_MUL: r = x * y; break;
        case HV_OP_DIV: r = x / y; break;
        default: r = fmod(x, y); break;
        }
        *out = hv_double(r);
        return true;
    }
    if (c == NK_DECIMAL) {
        double x = hv_conv_num_to_double(a), y = hv_conv_num_to_double(b);
        if ((op == HV_OP_DIV || op == HV_OP_MOD) && y == 0)
            return div_zero(err);
        double r = op == HV_OP_ADD ? x + y : op == HV_OP_SUB ? x - y : op == HV_OP_MUL ? x * y
                 : op == HV_OP_DIV ? x / y : fmod(x, y);
        if (fabs(r) >= 7.9228162514264338e28)
            return fail(err, "Value was either too large or too small for a Decimal.");
        *out = hv_doublek(r, HV_N_DECIMAL);
        out->pad = decimal_result_scale(op, a, b, r);
        return true;
    }
    if (ca == NK_INT && cb == NK_INT && a->sub == HV_N_INT32 && b->sub == HV_N_INT32) {
        /* the hot path: int32 op int32 in 64-bit arithmetic */
        int64_t x = a->u.i, y = b->u.i, r;
        switch (op) {
        case HV_OP_ADD: r = x + y; break;
        case HV_OP_SUB: r = x - y; break;
        case HV_OP_MUL: r = x * y; break;
        case HV_OP_DIV:
            if (y == 0)
                return div_zero(err);
            if (x % y) {
                *out = hv_double((double)x / (double)y);
                return true;
            }
            r = x / y;
            break;
        default:
            if (y == 0)
                return div_zero(err);
            r = x % y;
            break;
        }
        *out = r >= INT32_MIN && r <= INT32_MAX ? hv_int((int32_t)r) : hv_double((double)r);
        return true;
    }
    long double x = ld_of(a), y = ld_of(b), r;
    switch (op) {
    case HV_OP_ADD: r = x + y; break;
    case HV_OP_SUB: r = x - y; break;
    case HV_OP_MUL: r = x * y; break;
    case HV_OP_DIV:
        if (y == 0)
            return div_zero(err);
        if (fmodl(x, y) != 0) {
            *out = hv_double((double)(x / y));
            return true;
        }
        r = x / y;
        break;
    default:
        if (y == 0)
            return div_zero(err);
        r = fmodl(x, y);
        break;
    }
    *out = int_or_double(r, c);
    return true;
}

/* Operand to number for arithmetic, with the error naming the type pwsh would convert to. */
static bool
arith_operand(const hv_value *v, const hv_value *other, hv_value *out, hv_conv_err *err)
{
    if (hv_is_number(v)) {
        *out = *v;
        return true;
    }
    if (v->kind == HV_STRING) {
        if (hv_conv_parse_number(hv_str_cstr(v), hv_str_len(v), out))
            return true;
        hv_value t;
        const hv_type_info *ty = NULL;
        if (other && hv_is_number(other))
            ty = hv_type_of(other);
        hv_conv_err e2;
        if (hv_conv_to_type(v, ty ? ty : hv_type_lookup("int"), &t, &e2)) {
            *out = t;
            return true;
        }
        if (err)
            *err = e2;
        return false;
    }
    return hv_conv_to_number(v, out, err);
}

static bool
op_method_missing(const hv_value *l, const char *method, hv_conv_err *err)
{
    const char *tn = l->kind == HV_OBJECT && !hv_obj_class_of(l)
                         ? "System.Management.Automation.PSObject"
                         : hv_type_name_of(l);
    return fail(err, "Method invocation failed because [%s] does not contain a method named '%s'.",
                tn, method);
}

static const char *
op_method_name(hv_binop op)
{
    switch (op) {
    case HV_OP_ADD: return "op_Addition";
    case HV_OP_SUB: return "op_Subtraction";
    case HV_OP_MUL: return "op_Multiply";
    case HV_OP_DIV: return "op_Division";
    default: return "op_Modulus";
    }
}

static bool
is_scalar_numeric_like(const hv_value *v)
{
    return v->kind <= HV_CHAR || v->kind == HV_ENUM || v->kind == HV_STRING;
}

/* ------------------------------------------------------------------ add / mul on collections */

static void
push_all(hv_value *arr, const hv_value *v)
{
    if (v->kind == HV_ARRAY) {
        size_t n = hv_array_len(v);
        for (size_t i = 0; i < n; i++)
            hv_array_push(arr, hv_ref(hv_array_at(v, i)));
    } else {
        hv_array_push(arr, hv_ref(v));
    }
}

static bool
table_add(const hv_value *l, const hv_value *r, hv_value *out, hv_conv_err *err)
{
    if (r->kind != HV_TABLE)
        return fail(err, "A hash table can only be added to another hash table.");
    hv_value t = hv_table_clone(l);
    const hv_value *k, *v;
    for (size_t i = 0; hv_table_next(r, &i, &k, &v);) {
        if (hv_table_get(&t, k)) {
            hv_value ks = hv_conv_to_string(k, NULL);
            fail(err,
                 "Item has already been added. Key in dictionary: '%s'  Key being added: '%s'",
                 hv_str_cstr(&ks), hv_str_cstr(&ks));
            hv_unref(ks);
            hv_unref(t);
            return false;
        }
        hv_table_set(&t, hv_ref(k), hv_ref(v));
    }
    *out = t;
    return true;
}

static bool
repeat_count(const hv_value *r, int64_t *n, hv_conv_err *err)
{
    hv_conv_err e2;
    if (!hv_conv_to_int64(r, n, &e2)) {
        if (err)
            *err = e2;
        return false;
    }
    if (*n < 0)
        *n = 0;
    return true;
}

static bool
mul_collection(const hv_value *l, const hv_value *r, hv_value *out, hv_conv_err *err)
{
    int64_t n;
    if (!repeat_count(r, &n, err))
        return false;
    if (l->kind == HV_STRING) {
        size_t len = hv_str_len(l);
        if (len && (uint64_t)n * len > (1u << 30))
            return fail(err, "Exception of type 'System.OutOfMemoryException' was thrown.");
        hv_buf b = {0};
        for (int64_t i = 0; i < n; i++)
            hv_buf_put(&b, hv_str_cstr(l), len);
        *out = hv_buf_finish(&b);
        return true;
    }
    size_t len = hv_array_len(l);
    hv_value a = hv_array_new(len * (size_t)n);
    for (int64_t i = 0; i < n; i++)
        push_all(&a, l);
    *out = a;
    return true;
}

/* ------------------------------------------------------------------ dates in arithmetic */

static bool
dt_result(int64_t a, int64_t b, bool add, hv_dtkind k, hv_value *out, hv_conv_err *err)
{
    int64_t t;
    bool ovf = add ? __builtin_add_overflow(a, b, &t) : __builtin_sub_overflow(a, b, &t);
    if (ovf || t < 0 || t > 3155378975999999999LL)
        return fail(err, "The added or subtracted value results in an un-representable DateTime. (Parameter 'value')");
    *out = hv_datetime(t, k);
    return true;
}

static bool
ts_result(int64_t a, int64_t b, bool add, hv_value *out, hv_conv_err *err)
{
    int64_t t;
    if (add ? __builtin_add_overflow(a, b, &t) : __builtin_sub_overflow(a, b, &t))
        return fail(err, "TimeSpan overflowed because the duration is too long.");
    *out = hv_timespan(t);
    return true;
}

static bool
date_arith(hv_binop op, const hv_value *l, const hv_value *r, hv_value *out, hv_conv_err *err)
{
    bool ticks_r = r->kind == HV_TIMESPAN || (r->kind == HV_INT && r->sub != HV_N_UINT64);
    if (l->kind == HV_DATETIME) {
        if (op == HV_OP_ADD && ticks_r)
            return dt_result(l->u.i, r->u.i, true, (hv_dtkind)l->sub, out, err);
        if (op == HV_OP_SUB && r->kind == HV_DATETIME)
            return ts_result(l->u.i, r->u.i, false, out, err);
        if (op == HV_OP_SUB && ticks_r)
            return dt_result(l->u.i, r->u.i, false, (hv_dtkind)l->sub, out, err);
        return op_method_missing(l, op_method_name(op), err);
    }
    /* timespan */
    if ((op == HV_OP_ADD || op == HV_OP_SUB) && ticks_r)
        return ts_result(l->u.i, r->u.i, op == HV_OP_ADD, out, err);
    if (op == HV_OP_ADD && r->kind == HV_DATETIME)
        return dt_result(r->u.i, l->u.i, true, (hv_dtkind)r->sub, out, err);
    return op_method_missing(l, op_method_name(op), err);
}

static bool
arith(hv_binop op, const hv_value *l, const hv_value *r, hv_value *out, hv_conv_err *err)
{
    if (l->kind == HV_INT && r->kind == HV_INT && l->sub == HV_N_INT32 && r->sub == HV_N_INT32)
        return num_arith(op, l, r, out, err);
    if (l->kind == HV_DATETIME || l->kind == HV_TIMESPAN)
        return date_arith(op, l, r, out, err);
    if (l->kind == HV_ENUM && (op == HV_OP_ADD || op == HV_OP_SUB) && (r->kind == HV_INT || r->kind == HV_ENUM)) {
        /* enum +/- integer stays in the enum type ([DayOfWeek]::Monday + 1 is Tuesday) */
        int64_t x = r->kind == HV_ENUM ? r->aux : r->u.i;
        int64_t v = op == HV_OP_ADD ? l->aux + x : l->aux - x;
        if (v >= INT32_MIN && v <= INT32_MAX) {
            *out = hv_enum(l->u.e, (int32_t)v);
            return true;
        }
    }
    if (op == HV_OP_ADD) {
        if (l->kind == HV_NULL && r->kind != HV_NULL && !hv_is_number(r)) {
            *out = hv_ref(r);
            return true;
        }
        if (l->kind == HV_STRING || (l->kind == HV_CHAR && r->kind == HV_STRING)) {
            hv_buf b = {0};
            hv_conv_append_string(&b, l, NULL);
            hv_conv_append_string(&b, r, NULL);
            *out = hv_buf_finish(&b);
            return true;
        }
        if (l->kind == HV_ARRAY) {
            hv_value a = hv_array_new(hv_array_len(l) + 1);
            push_all(&a, l);
            if (r->kind == HV_ARRAY)
                push_all(&a, r);
            else
                hv_array_push(&a, hv_ref(r));
            *out = a;
            return true;
        }
        if (l->kind == HV_TABLE)
            return table_add(l, r, out, err);
    }
    if (op == HV_OP_MUL && (l->kind == HV_STRING || l->kind == HV_ARRAY))
        return mul_collection(l, r, out, err);
    if (!is_scalar_numeric_like(l))
        return op_method_missing(l, op_method_name(op), err);
    if (l->kind == HV_NULL && r->kind == HV_NULL) {
        *out = hv_null();
        return true;
    }
    hv_value a, b;
    if (!arith_operand(l, r, &a, err))
        return false;
    if (r->kind == HV_ARRAY || r->kind == HV_TABLE || r->kind == HV_OBJECT) {
        return fail(err, "Method invocation failed because [%s] does not contain a method named '%s'.",
                    hv_type_name_of(r), op_method_name(op));
    }
    if (!arith_operand(r, &a, &b, err))
        return false;
    return num_arith(op, &a, &b, out, err);
}

/* ------------------------------------------------------------------ bitwise */

static bool
bitwise(hv_binop op, const hv_value *l, const hv_value *r, hv_value *out, hv_conv_err *err)
{
    if (l->kind == HV_ENUM && r->kind == HV_ENUM && op != HV_OP_SHL && op != HV_OP_SHR) {
        int32_t x = l->aux, y = r->aux;
        int32_t v = op == HV_OP_BAND ? x & y : op == HV_OP_BOR ? x | y : x ^ y;
        *out = hv_enum(l->u.e, v);
        return true;
    }
    hv_value a, b;
    if (!arith_operand(l, r, &a, err) || !arith_operand(r, &a, &b, err))
        return false;
    int64_t x, y;
    if (!hv_conv_to_int64(&a, &x, err) || !hv_conv_to_int64(&b, &y, err))
        return false;
    bool wide = num_class(&a) != NK_INT || num_class(&b) != NK_INT;
    int64_t r64;
    switch (op) {
    case HV_OP_BAND: r64 = x & y; break;
    case HV_OP_BOR: r64 = x | y; break;
    case HV_OP_BXOR: r64 = x ^ y; break;
    case HV_OP_SHL:
        r64 = wide ? (int64_t)((uint64_t)x << (y & 63)) : (int32_t)((uint32_t)x << (y & 31));
        break;
    default:
        r64 = wide ? x >> (y & 63) : (int32_t)x >> (y & 31);
        break;
    }
    *out = !wide && r64 >= INT32_MIN && r64 <= INT32_MAX ? hv_int((int32_t)r64) : hv_long(r64);
    return true;
}

/* ------------------------------------------------------------------ comparison */

/* Culture comparison in the spirit of ICU's root collation, which .NET uses on Linux:
 * primary weights order white space < punctuation < symbols < digits < letters, with letters
 * compared without case or accents; then accents (unaccented first); then, when case
 * matters, lowercase before uppercase. */
static const char icu_ascii_punct[] = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
static const char latin1_base[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyzsaaaaaaaceeeeiiiidnooooo/ouuuuyzy";

static uint32_t
coll_base(uint32_t c)
{
    if (c >= 0xC0 && c <= 0xFF && latin1_base[c - 0xC0] >= 'a')
        return (uint32_t)latin1_base[c - 0xC0];
    return hv_uc_lower(c);
}

static uint32_t
ascii_primary(uint32_t c)
{
    const char *p = c ? strchr(icu_ascii_punct, (int)c) : NULL;
    if (p)
        return 1 + (uint32_t)(p - icu_ascii_punct);
    if (c >= '0' && c <= '9')
        return 100 + (c - '0');
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return 200 + ((c | 0x20) - 'a');
    return 0; /* control characters are ignorable */
}

static uint32_t
coll_primary(uint32_t c)
{
    if (c < 0x80) {
        /* a constant table, filled once: sorting compares many ASCII strings */
        static uint16_t table[128];
        static bool ready;
        if (!ready) {
            for (uint32_t i = 0; i < 128; i++)
                table[i] = (uint16_t)ascii_primary(i);
            ready = true;
        }
        return table[c];
    }
    uint32_t b = coll_base(c);
    if (b >= 'a' && b <= 'z')
        return 200 + (b - 'a');
    return 0x10000 + b;
}

static int
str_compare(const char *a, size_t al, const char *b, size_t bl, bool cs)
{
    int accent = 0, kase = 0;
    size_t i = 0, j = 0;
    for (;;) {
        uint32_t x = 0, y = 0, px = 0, py = 0;
        while (i < al && !(px = coll_primary(x = hv_utf8_next(a, al, &i))))
            ;
        while (j < bl && !(py = coll_primary(y = hv_utf8_next(b, bl, &j))))
            ;
        if (!px || !py) {
            if (px || py)
                return px ? 1 : -1;
            break;
        }
        if (px != py)
            return px < py ? -1 : 1;
        if (!accent) {
            bool ax = coll_base(x) != hv_uc_lower(x), ay = coll_base(y) != hv_uc_lower(y);
            if (ax != ay)
                accent = ax ? 1 : -1;
        }
        if (!kase && x != y && hv_uc_lower(x) == hv_uc_lower(y))
            kase = hv_uc_lower(x) == x ? -1 : 1;
    }
    if (accent)
        return accent;
    return cs ? kase : 0;
}

static int
sign3(long double d)
{
    return d < 0 ? -1 : d > 0 ? 1 : 0;
}

static bool
signed_negative(const hv_value *v)
{
    if (v->kind == HV_DOUBLE)
        return v->u.d < 0;
    if (v->kind != HV_INT)
        return false;
    switch (v->sub) {
    case HV_N_INT32: case HV_N_INT64: case HV_N_INT16: case HV_N_SBYTE:
        return v->u.i < 0;
    default:
        return false;
    }
}

/* Convert r to l's type for comparing; false when it cannot. */
static bool
coerce_right(const hv_value *l, const hv_value *r, hv_value *out, hv_conv_err *err)
{
    const hv_type_info *t = hv_type_of(l);
    if (!t)
        return false;
    if (l->kind == HV_INT || l->kind == HV_DOUBLE) {
        if (hv_is_number(r)) {
            *out = *r;
            return true;
        }
        if (r->kind == HV_STRING) {
            if (hv_conv_parse_number(hv_str_cstr(r), hv_str_len(r), out) && hv_str_len(r))
                return true;
            return hv_conv_to_type(r, t, out, err) && (hv_str_len(r) > 0 || true);
        }
        return hv_conv_to_number(r, out, err);
    }
    return hv_conv_to_type(r, t, out, err);
}

static int
num_compare(const hv_value *a, const hv_value *b)
{
    if (a->kind == HV_INT && b->kind == HV_INT) {
        if (a->sub == HV_N_UINT64 || b->sub == HV_N_UINT64)
            return sign3(ld_of(a) - ld_of(b));
        return a->u.i < b->u.i ? -1 : a->u.i > b->u.i;
    }
    double x = hv_conv_num_to_double(a), y = hv_conv_num_to_double(b);
    if (isnan(x) || isnan(y))
        return isnan(x) ? (isnan(y) ? 0 : -1) : 1;
    return x < y ? -1 : x > y;
}

static int
version_compare(const hv_value *a, const hv_value *b)
{
    const hv_version_data *x = hv_boxed_ptr(a), *y = hv_boxed_ptr(b);
    for (int i = 0; i < 4; i++)
        if (x->part[i] != y->part[i])
            return x->part[i] < y->part[i] ? -1 : 1;
    return 0;
}

/* Full comparison; *ok false when the values cannot be ordered (the caller reports). */
static int
compare(const hv_value *l, const hv_value *r, unsigned flags, bool *ok, hv_conv_err *err)
{
    bool cs = flags & HV_OPF_CASE_SENSITIVE;
    *ok = true;
    /* LanguagePrimitives.CompareObjectToNull: $null sorts below everything except negative
     * signed numbers */
    if (l->kind == HV_NULL) {
        if (r->kind == HV_NULL)
            return 0;
        return signed_negative(r) ? 1 : -1;
    }
    if (r->kind == HV_NULL)
        return signed_negative(l) ? -1 : 1;
    if (l->kind == HV_STRING) {
        if (r->kind == HV_STRING)
            return str_compare(hv_str_cstr(l), hv_str_len(l), hv_str_cstr(r), hv_str_len(r), cs);
        hv_value rs = hv_conv_to_string(r, NULL);
        int c = str_compare(hv_str_cstr(l), hv_str_len(l), hv_str_cstr(&rs), hv_str_len(&rs), cs);
        hv_unref(rs);
        return c;
    }
    if (l->kind == HV_CHAR && r->kind == HV_CHAR) {
        uint32_t x = (uint32_t)l->u.i, y = (uint32_t)r->u.i;
        if (!cs)
            x = hv_uc_lower(x), y = hv_uc_lower(y);
        return x < y ? -1 : x > y;
    }
    if (l->kind == HV_CHAR && r->kind == HV_STRING) {
        hv_value ls = hv_conv_to_string(l, NULL);
        int c = str_compare(hv_str_cstr(&ls), hv_str_len(&ls), hv_str_cstr(r), hv_str_len(r), cs);
        hv_unref(ls);
        return c;
    }
    hv_value rc;
    if (l->kind == HV_BOXED && r->kind == HV_BOXED &&
        hv_boxed_class_of(l) == hv_boxed_class_of(r) && hv_boxed_class_of(l) == &hv_version_class)
        return version_compare(l, r);
    if (l->kind >= HV_STRING || !coerce_right(l, r, &rc, err)) {
        if (l->kind >= HV_STRING) {
            hv_value ls = hv_conv_to_string(l, NULL), rs = hv_conv_to_string(r, NULL);
            fail(err, "Cannot compare \"%.100s\" because it is not IComparable.", hv_str_cstr(&ls));
            hv_unref(ls);
            hv_unref(rs);
        }
        *ok = false;
        return 0;
    }
    int c;
    switch ((hv_kind)l->kind) {
    case HV_INT:
    case HV_DOUBLE:
        c = num_compare(l, &rc);
        break;
    case HV_BOOL:
        c = (int)l->u.b - (int)rc.u.b;
        break;
    case HV_ENUM:
        c = l->aux < rc.aux ? -1 : l->aux > rc.aux;
        break;
    default: /* char, datetime, timespan: integer payloads */
        c = l->u.i < rc.u.i ? -1 : l->u.i > rc.u.i;
        break;
    }
    hv_unref(rc);
    return c;
}

int
hv_op_compare(const hv_value *l, const hv_value *r, unsigned flags)
{
    bool ok;
    int c = compare(l, r, flags, &ok, NULL);
    if (ok)
        return c;
    /* incomparable: fall back to string order so sorting stays total */
    hv_value ls = hv_conv_to_string(l, NULL), rs = hv_conv_to_string(r, NULL);
    c = str_compare(hv_str_cstr(&ls), hv_str_len(&ls), hv_str_cstr(&rs), hv_str_len(&rs),
                    flags & HV_OPF_CASE_SENSITIVE);
    hv_unref(ls);
    hv_unref(rs);
    return c;
}

static bool
boxed_equal(const hv_value *l, const hv_value *r)
{
    const hv_boxed_class *c = hv_boxed_class_of(l);
    if (r->kind == HV_BOXED && hv_boxed_class_of(r) == c) {
        if (c == &hv_version_class)
            return version_compare(l, r) == 0;
        if (c == &hv_guid_class)
            return memcmp(hv_boxed_ptr(l), hv_boxed_ptr(r), 16) == 0;
        if (c == &hv_ipaddress_class)
            return memcmp(hv_boxed_ptr(l), hv_boxed_ptr(r), sizeof(hv_ipaddress_data)) == 0;
    }
    if (l->u.h == r->u.h)
        return true;
    if (r->kind == HV_STRING && (c == &hv_guid_class || c == &hv_version_class ||
                                 c == &hv_ipaddress_class)) {
        hv_value ls = hv_conv_to_string(l, NULL);
        bool eq = hv_strn_eq_ci(hv_str_cstr(&ls), hv_str_len(&ls), hv_str_cstr(r), hv_str_len(r));
        hv_unref(ls);
        return eq;
    }
    return false;
}

bool
hv_op_equal(const hv_value *l, const hv_value *r, unsigned flags)
{
    if (l->kind == HV_NULL || r->kind == HV_NULL)
        return l->kind == r->kind;
    if (l->kind == HV_INT && r->kind == HV_INT && l->sub != HV_N_UINT64 && r->sub != HV_N_UINT64)
        return l->u.i == r->u.i;
    if (l->kind == HV_STRING && r->kind == HV_STRING) {
        size_t al = hv_str_len(l), bl = hv_str_len(r);
        if (flags & HV_OPF_CASE_SENSITIVE)
            return al == bl && memcmp(hv_str_cstr(l), hv_str_cstr(r), al) == 0;
        return hv_strn_eq_ci(hv_str_cstr(l), al, hv_str_cstr(r), bl);
    }
    switch ((hv_kind)l->kind) {
    case HV_ARRAY:
    case HV_TABLE:
    case HV_OBJECT:
    case HV_SCRIPTBLOCK:
        return l->kind == r->kind && l->u.h == r->u.h;
    case HV_TYPE:
        if (r->kind == HV_STRING) {
            const hv_type_info *t = hv_type_lookup(hv_str_cstr(r));
            return t == l->u.t;
        }
        return r->kind == HV_TYPE && r->u.t == l->u.t;
    case HV_BOXED:
        return boxed_equal(l, r);
    default:
        break;
    }
    bool ok;
    hv_conv_err e;
    int c = compare(l, r, flags, &ok, &e);
    return ok && c == 0;
}

/* ------------------------------------------------------------------ wildcards */

bool
hv_wildcard_has_meta(const char *p)
{
    for (; *p; p++) {
        if (*p == '`' && p[1]) {
            p++;
            continue;
        }
        if (*p == '*' || *p == '?' || *p == '[')
            return true;
    }
    return false;
}

static uint32_t
fold(uint32_t c, bool cs)
{
    return cs ? c : hv_uc_lower(c);
}

/* [abc] [a-z] set at p (after '['); sets *end past ']'. Unterminated sets match literally. */
static bool
wild_set(const char *p, size_t plen, size_t *pi, uint32_t c, bool cs, bool *matched)
{
    size_t i = *pi;
    bool any = false, first = true;
    while (i < plen && (p[i] != ']' || first)) {
        first = false;
        uint32_t lo;
        if (p[i] == '`' && i + 1 < plen)
            i++;
        lo = hv_utf8_next(p, plen, &i);
        uint32_t hi = lo;
        if (i + 1 < plen && p[i] == '-' && p[i + 1] != ']') {
            i++;
            if (p[i] == '`' && i + 1 < plen)
                i++;
            hi = hv_utf8_next(p, plen, &i);
        }
        uint32_t fc = fold(c, cs);
        if ((c >= lo && c <= hi) || (fc >= fold(lo, cs) && fc <= fold(hi, cs)))
            any = true;
    }
    if (i >= plen)
        return false;
    *pi = i + 1;
    *matched = any;
    return true;
}

static bool
wild(const char *p, size_t plen, size_t pi, const char *s, size_t slen, size_t si, bool cs)
{
    while (pi < plen) {
        char pc = p[pi];
        if (pc == '*') {
            while (pi < plen && p[pi] == '*')
                pi++;
            if (pi == plen)
                return true;
            for (size_t k = si; k <= slen; k = k < slen ? k + 1 : slen + 1) {
                if (k < slen && ((unsigned char)s[k] & 0xC0) == 0x80)
                    continue;
                if (wild(p, plen, pi, s, slen, k, cs))
                    return true;
            }
            return false;
        }
        if (si >= slen)
            return false;
        uint32_t c = hv_utf8_next(s, slen, &si);
        if (pc == '?') {
            pi++;
            continue;
        }
        if (pc == '[') {
            size_t q = pi + 1;
            bool m;
            if (wild_set(p, plen, &q, c, cs, &m)) {
                if (!m)
                    return false;
                pi = q;
                continue;
            }
        }
        if (pc == '`' && pi + 1 < plen)
            pi++;
        uint32_t want = hv_utf8_next(p, plen, &pi);
        if (fold(want, cs) != fold(c, cs))
            return false;
    }
    return si == slen;
}

bool
hv_wildcard_match(const char *pattern, const char *s, bool case_sensitive)
{
    return wild(pattern, strlen(pattern), 0, s, strlen(s), 0, case_sensitive);
}

/* ------------------------------------------------------------------ -is / -as */

static bool
typename_is(const char *have, const hv_type_info *t)
{
    return hv_str_eq_ci(have, t->full_name);
}

/* -is against the .NET interfaces scripts test for: *is set when t is one of them. */
static bool
interface_is(const hv_value *v, const hv_type_info *t, bool *is)
{
    const char *n = t->full_name;
    if (!n || (t->kind != HV_ARRAY && t->kind != HV__KIND_COUNT))
        return false;
    bool boxed_cmp = v->kind == HV_BOXED && (hv_boxed_class_of(v) == &hv_version_class ||
                                             strcmp(hv_type_name_of(v), "System.Guid") == 0);
    bool scalar = v->kind == HV_INT || v->kind == HV_DOUBLE || v->kind == HV_ENUM ||
                  v->kind == HV_DATETIME || v->kind == HV_TIMESPAN;
    if (strcmp(n, "System.Collections.IEnumerable") == 0)
        *is = v->kind == HV_ARRAY || v->kind == HV_TABLE || v->kind == HV_STRING;
    else if (strcmp(n, "System.Collections.ICollection") == 0)
        *is = v->kind == HV_ARRAY || v->kind == HV_TABLE;
    else if (strcmp(n, "System.Collections.IList") == 0)
        *is = v->kind == HV_ARRAY && v->sub <= HV_TA_GENERIC_LIST;
    else if (strcmp(n, "System.IComparable") == 0)
        *is = scalar || v->kind == HV_CHAR || v->kind == HV_BOOL || v->kind == HV_STRING || boxed_cmp;
    else if (strcmp(n, "System.IFormattable") == 0)
        *is = scalar || (v->kind == HV_BOXED && strcmp(hv_type_name_of(v), "System.Guid") == 0);
    else if (strcmp(n, "System.IConvertible") == 0)
        *is = (scalar && v->kind != HV_TIMESPAN) || v->kind == HV_CHAR || v->kind == HV_BOOL ||
              v->kind == HV_STRING;
    else if (strcmp(n, "System.ValueType") == 0)
        *is = scalar || v->kind == HV_CHAR || v->kind == HV_BOOL ||
              (v->kind == HV_BOXED && strcmp(hv_type_name_of(v), "System.Guid") == 0);
    else
        return false;
    return true;
}

bool
hv_op_is_type(const hv_value *v, const hv_type_info *t)
{
    if (v->kind == HV_NULL)
        return false;
    bool is;
    if (interface_is(v, t, &is))
        return is;
    if (t->kind == HV__KIND_COUNT)
        return true; /* [object], [psobject] */
    const hv_type_info *vt = hv_type_of(v);
    if (vt == t)
        return true;
    switch ((int)t->kind) {
    case HV_ARRAY:
        if (v->kind != HV_ARRAY)
            return false;
        if (t->sub != HV_TA_OBJECT)
            return v->sub == t->sub;
        return !t->element || hv_str_eq_ci(t->full_name, "System.Object[]") ||
               hv_str_eq_ci(t->full_name, "System.Array");
    case HV_TABLE:
        if ((t->sub & HV_TABLE_ORDERED_HT) &&
            !(v->kind == HV_TABLE && (hv_table_flags(v) & HV_TABLE_ORDERED_HT)))
            return false;
        return v->kind == HV_TABLE && (!(t->sub & HV_TABLE_ORDERED) ||
                                       (hv_table_flags(v) & HV_TABLE_ORDERED)) &&
               (t->sub || !(hv_table_flags(v) & HV_TABLE_ORDERED) ||
                hv_str_eq_ci(t->full_name, "System.Collections.IDictionary"));
    case HV_OBJECT:
        return v->kind == HV_OBJECT;
    case HV_ENUM:
        return v->kind == HV_ENUM && v->u.e == t->enum_def;
    case HV_BOXED:
        if (v->kind == HV_BOXED)
            return typename_is(hv_type_name_of(v), t);
        if (v->kind == HV_OBJECT) {
            for (size_t i = 0; i < hv_obj_typename_count(v); i++)
                if (typename_is(hv_obj_typename_at(v, i), t))
                    return true;
        }
        return false;
    default:
        if (hv_str_eq_ci(t->full_name, "System.Enum"))
            return v->kind == HV_ENUM;
        return false;
    }
}

/* A type operand of -is/-as: a type value, or anything converted to [type] as pwsh does
 * (a type name string); $null is the "must be a type" error. */
static const hv_type_info *
type_operand(const hv_value *r, bool is_as, hv_conv_err *err)
{
    if (r->kind == HV_TYPE)
        return r->u.t;
    if (r->kind == HV_NULL) {
        fail(err, "The right operand of '%s' must be a type.", is_as ? "-as" : "-is");
        return NULL;
    }
    if (r->kind == HV_STRING) {
        const hv_type_info *t = hv_type_lookup(hv_str_cstr(r));
        if (!t)
            fail(err, "Cannot convert the \"%.200s\" value of type \"System.String\" to type \"System.Type\".",
                 hv_str_cstr(r));
        return t;
    }
    hv_value rs = hv_conv_to_string(r, NULL);
    fail(err, "Cannot convert the \"%.200s\" value of type \"%s\" to type \"System.Type\".",
         r->kind == HV_ARRAY ? hv_type_name_of(r) : hv_str_cstr(&rs), hv_type_name_of(r));
    hv_unref(rs);
    return NULL;
}

static bool
object_has_typename(const hv_value *v, const hv_value *r)
{
    if (v->kind != HV_OBJECT || r->kind != HV_STRING)
        return false;
    for (size_t i = 0; i < hv_obj_typename_count(v); i++)
        if (hv_str_eq_ci(hv_obj_typename_at(v, i), hv_str_cstr(r)))
            return true;
    return false;
}

/* ------------------------------------------------------------------ string operators */

static hv_value
to_str(const hv_value *v)
{
    return hv_conv_to_string(v, NULL);
}

static bool
like(const hv_value *l, const hv_value *r, unsigned flags)
{
    hv_value ls = to_str(l), rs = to_str(r);
    bool m = hv_wildcard_match(hv_str_cstr(&rs), hv_str_cstr(&ls), flags & HV_OPF_CASE_SENSITIVE);
    hv_unref(ls);
    hv_unref(rs);
    return m;
}

static hv_regex *
regex_operand(const hv_value *r, unsigned flags, hv_conv_err *err)
{
    if (r->kind == HV_BOXED && hv_boxed_class_of(r) == &hv_regex_class)
        return hv_regex_of(r, err);
    hv_value rs = to_str(r);
    hv_regex *re = hv_regex_get(hv_str_cstr(&rs), flags & HV_OPF_CASE_SENSITIVE, err);
    hv_unref(rs);
    return re;
}

static bool
replace_one(const hv_value *l, hv_regex *re, const char *repl, hv_value *out)
{
    hv_value ls = to_str(l);
    *out = hv_regex_replace(re, hv_str_cstr(&ls), hv_str_len(&ls), repl);
    hv_unref(ls);
    return true;
}

static bool
op_replace(const hv_value *l, const hv_value *r, unsigned flags, hv_value *out, hv_conv_err *err)
{
    const hv_value *pat = r;
    hv_value repl = hv_str_empty();
    if (r->kind == HV_ARRAY) {
        size_t n = hv_array_len(r);
        if (n > 2) {
            hv_unref(repl);
            return fail(err, "The -replace operator allows only two elements to follow it, not %zu.", n);
        }
        static const hv_value empty_pattern = {.kind = HV_NULL};
        pat = n ? hv_array_at(r, 0) : &empty_pattern;
        if (n == 2) {
            hv_unref(repl);
            repl = to_str(hv_array_at(r, 1));
        }
    }
    hv_regex *re = regex_operand(pat, flags, err);
    if (!re) {
        hv_unref(repl);
        return false;
    }
    if (l->kind == HV_ARRAY) {
        size_t n = hv_array_len(l);
        hv_value a = hv_array_new(n);
        for (size_t i = 0; i < n; i++) {
            hv_value one;
            replace_one(hv_array_at(l, i), re, hv_str_cstr(&repl), &one);
            hv_array_push(&a, one);
        }
        *out = a;
    } else {
        replace_one(l, re, hv_str_cstr(&repl), out);
    }
    hv_unref(repl);
    return true;
}

/* Options string of -split: "SimpleMatch,IgnoreCase" etc. */
static bool
split_options(const char *opts, unsigned *o, hv_conv_err *err)
{
    static const struct {
        const char *name;
        unsigned v;
    } names[] = {
        {"SimpleMatch", HV_RE_SIMPLEMATCH}, {"RegexMatch", HV_RE_REGEXMATCH},
        {"CultureInvariant", HV_RE_CULTUREINV}, {"IgnorePatternWhitespace", HV_RE_IGNOREWS},
        {"Multiline", HV_RE_MULTILINE}, {"Singleline", HV_RE_SINGLELINE},
        {"IgnoreCase", HV_RE_IGNORECASE}, {"ExplicitCapture", HV_RE_EXPLICIT}, {"None", 0},
    };
    *o = 0;
    if (!opts)
        return true;
    const char *p = opts;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        const char *e = p;
        while (*e && *e != ',' && *e != ' ')
            e++;
        bool found = false;
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            if (hv_strn_eq_ci(names[i].name, strlen(names[i].name), p, (size_t)(e - p))) {
                *o |= names[i].v;
                found = true;
            }
        }
        if (!found)
            return fail(err,
                        "Cannot convert value \"%s\" to type "
                        "\"System.Management.Automation.SplitOptions\". Error: \"Unable to match "
                        "the identifier name %.*s to a valid enumerator name. Specify one of the "
                        "following enumerator names and try again:\nSimpleMatch, RegexMatch, "
                        "CultureInvariant, IgnorePatternWhitespace, Multiline, Singleline, "
                        "IgnoreCase, ExplicitCapture\"",
                        opts, (int)(e - p), p);
        p = e;
    }
    /* SimpleMatch combines only with IgnoreCase (ParserOps.SplitWithPattern) */
    if ((*o & HV_RE_SIMPLEMATCH) && (*o & ~(unsigned)(HV_RE_SIMPLEMATCH | HV_RE_IGNORECASE)))
        return fail(err, "The combination of options with the -split operator is not valid.");
    return true;
}

static void
split_push(hv_value *out, const hv_value *parts)
{
    size_t n = hv_array_len(parts);
    for (size_t i = 0; i < n; i++)
        hv_array_push(out, hv_ref(hv_array_at(parts, i)));
}

bool
hv_op_split(const hv_value *l, const hv_value *pattern, int max, const char *options,
            unsigned flags, hv_value *out, hv_conv_err *err)
{
    unsigned o;
    if (!split_options(options, &o, err))
        return false;
    unsigned ro = o & ~(unsigned)(HV_RE_SIMPLEMATCH | HV_RE_REGEXMATCH);
    if (!(flags & HV_OPF_CASE_SENSITIVE))
        ro |= HV_RE_IGNORECASE;
    hv_value pat = to_str(pattern);
    hv_value esc = (o & HV_RE_SIMPLEMATCH) ? hv_regex_escape(hv_str_cstr(&pat)) : hv_ref(&pat);
    hv_regex *re = pattern->kind == HV_BOXED && hv_boxed_class_of(pattern) == &hv_regex_class
                       ? hv_regex_of(pattern, err)
                       : hv_regex_get_opts(hv_str_cstr(&esc), ro, err);
    hv_unref(pat);
    hv_unref(esc);
    if (!re)
        return false;
    hv_value res = hv_array_new(4);
    size_t n = l->kind == HV_ARRAY ? hv_array_len(l) : 1;
    for (size_t i = 0; i < n; i++) {
        const hv_value *e = l->kind == HV_ARRAY ? hv_array_at(l, i) : l;
        hv_value s = to_str(e);
        hv_value parts = hv_regex_split(re, hv_str_cstr(&s), hv_str_len(&s), max);
        split_push(&res, &parts);
        hv_unref(parts);
        hv_unref(s);
    }
    *out = res;
    return true;
}

static bool
op_split(const hv_value *l, const hv_value *r, unsigned flags, hv_value *out, hv_conv_err *err)
{
    if (r->kind == HV_SCRIPTBLOCK)
        return fail(err, "A script block delimiter for -split is evaluated by the caller.");
    const hv_value *pat = r;
    int max = 0;
    hv_value optv = hv_null();
    if (r->kind == HV_ARRAY) {
        size_t n = hv_array_len(r);
        if (n == 0)
            return fail(err, "The argument to operator '-split' is not valid: System.Object[].");
        pat = hv_array_at(r, 0);
        if (n > 1) {
            int64_t m;
            if (!hv_conv_to_int64(hv_array_at(r, 1), &m, err))
                return false;
            max = (int)m;
        }
        if (n > 2 && hv_array_at(r, 2)->kind != HV_NULL)
            optv = to_str(hv_array_at(r, 2));
    }
    bool ok = hv_op_split(l, pat, max, optv.kind == HV_STRING ? hv_str_cstr(&optv) : NULL, flags,
                          out, err);
    hv_unref(optv);
    return ok;
}

static hv_value
op_join(const hv_value *l, const hv_value *r)
{
    hv_value sep = to_str(r);
    hv_buf b = {0};
    if (l->kind == HV_ARRAY) {
        size_t n = hv_array_len(l);
        for (size_t i = 0; i < n; i++) {
            if (i)
                hv_buf_put(&b, hv_str_cstr(&sep), hv_str_len(&sep));
            hv_conv_append_string(&b, hv_array_at(l, i), NULL);
        }
    } else {
        hv_conv_append_string(&b, l, NULL);
    }
    hv_unref(sep);
    return hv_buf_finish(&b);
}

static bool
op_format(const hv_value *l, const hv_value *r, hv_value *out, hv_conv_err *err)
{
    hv_value fs = to_str(l);
    bool ok;
    if (r->kind == HV_ARRAY)
        ok = hv_conv_format(hv_str_cstr(&fs), hv_array_items(r), hv_array_len(r), out, err);
    else
        ok = hv_conv_format(hv_str_cstr(&fs), r, 1, out, err);
    hv_unref(fs);
    return ok;
}

/* ------------------------------------------------------------------ scalar predicate ops */

/* Result of a comparison-family operator on a scalar left; *ok false on error. */
static bool
scalar_test(hv_binop op, unsigned flags, const hv_value *l, const hv_value *r, bool *ok,
            hv_value *matches, hv_conv_err *err)
{
    *ok = true;
    switch (op) {
    case HV_OP_EQ:
        return hv_op_equal(l, r, flags);
    case HV_OP_NE:
        return !hv_op_equal(l, r, flags);
    case HV_OP_LIKE:
        return like(l, r, flags);
    case HV_OP_NOTLIKE:
        return !like(l, r, flags);
    case HV_OP_MATCH:
    case HV_OP_NOTMATCH: {
        hv_regex *re = regex_operand(r, flags, err);
        if (!re) {
            *ok = false;
            return false;
        }
        hv_value ls = to_str(l);
        bool m = hv_regex_match(re, hv_str_cstr(&ls), hv_str_len(&ls), matches);
        hv_unref(ls);
        return op == HV_OP_MATCH ? m : !m;
    }
    default: {
        bool cok = true;
        hv_conv_err e2;
        int c;
        if (l->kind == HV_INT && r->kind == HV_INT && l->sub != HV_N_UINT64 && r->sub != HV_N_UINT64)
            c = l->u.i < r->u.i ? -1 : l->u.i > r->u.i; /* the loop-condition fast path */
        else
            c = compare(l, r, flags, &cok, &e2);
        if (!cok) {
            hv_value ls = to_str(l), rs = to_str(r);
            if (l->kind >= HV_STRING)
                fail(err, "%s", e2.msg);
            else
                fail(err, "Could not compare \"%s\" to \"%s\". Error: \"%s\"", hv_str_cstr(&ls),
                     hv_str_cstr(&rs), e2.msg);
            hv_unref(ls);
            hv_unref(rs);
            *ok = false;
            return false;
        }
        switch (op) {
        case HV_OP_GT: return c > 0;
        case HV_OP_GE: return c >= 0;
        case HV_OP_LT: return c < 0;
        default: return c <= 0;
        }
    }
    }
}

static bool
contains(const hv_value *coll, const hv_value *item, unsigned flags)
{
    if (coll->kind != HV_ARRAY)
        return hv_op_equal(coll, item, flags);
    size_t n = hv_array_len(coll);
    for (size_t i = 0; i < n; i++)
        if (hv_op_equal(hv_array_at(coll, i), item, flags))
            return true;
    return false;
}

/* A collection on the left filters: the elements for which the test is true. */
static bool
filter(hv_binop op, unsigned flags, const hv_value *l, const hv_value *r, hv_value *out,
       hv_conv_err *err)
{
    size_t n = hv_array_len(l);
    hv_value res = hv_array_new(n < 8 ? n : 8);
    for (size_t i = 0; i < n; i++) {
        const hv_value *e = hv_array_at(l, i);
        bool ok;
        bool t = scalar_test(op, flags, e, r, &ok, NULL, err);
        if (!ok) {
            hv_unref(res);
            return false;
        }
        /* -like/-notlike yield the elements' string forms (ParserOps.LikeOperator) */
        if (t)
            hv_array_push(&res, op == HV_OP_LIKE || op == HV_OP_NOTLIKE ? to_str(e) : hv_ref(e));
    }
    *out = res;
    return true;
}

bool
hv_op_binary(hv_binop op, unsigned flags, const hv_value *l, const hv_value *r, hv_value *out,
             hv_value *matches, hv_conv_err *err)
{
    if (matches)
        *matches = hv_null();
    switch (op) {
    case HV_OP_ADD:
    case HV_OP_SUB:
    case HV_OP_MUL:
    case HV_OP_DIV:
    case HV_OP_MOD:
        return arith(op, l, r, out, err);
    case HV_OP_BAND:
    case HV_OP_BOR:
    case HV_OP_BXOR:
    case HV_OP_SHL:
    case HV_OP_SHR:
        return bitwise(op, l, r, out, err);
    case HV_OP_EQ: case HV_OP_NE: case HV_OP_GT: case HV_OP_GE: case HV_OP_LT: case HV_OP_LE:
    case HV_OP_LIKE: case HV_OP_NOTLIKE: case HV_OP_MATCH: case HV_OP_NOTMATCH: {
        if (l->kind == HV_ARRAY)
            return filter(op, flags, l, r, out, err);
        bool ok;
        bool t = scalar_test(op, flags, l, r, &ok, matches, err);
        if (!ok)
            return false;
        *out = hv_bool(t);
        return true;
    }
    case HV_OP_CONTAINS:
        *out = hv_bool(contains(l, r, flags));
        return true;
    case HV_OP_NOTCONTAINS:
        *out = hv_bool(!contains(l, r, flags));
        return true;
    case HV_OP_IN:
        *out = hv_bool(contains(r, l, flags));
        return true;
    case HV_OP_NOTIN:
        *out = hv_bool(!contains(r, l, flags));
        return true;
    case HV_OP_REPLACE:
        return op_replace(l, r, flags, out, err);
    case HV_OP_SPLIT:
        return op_split(l, r, flags, out, err);
    case HV_OP_JOIN:
        *out = op_join(l, r);
        return true;
    case HV_OP_IS:
    case HV_OP_ISNOT: {
        if (object_has_typename(l, r)) {
            *out = hv_bool(op == HV_OP_IS);
            return true;
        }
        const hv_type_info *t = type_operand(r, false, err);
        if (!t)
            return false;
        bool is = hv_op_is_type(l, t);
        *out = hv_bool(op == HV_OP_IS ? is : !is);
        return true;
    }
    case HV_OP_AS: {
        const hv_type_info *t = type_operand(r, true, err);
        if (!t)
            return false;
        hv_conv_err e2;
        if (!hv_conv_to_type(l, t, out, &e2))
            *out = hv_null();
        return true;
    }
    case HV_OP_FORMAT:
        return op_format(l, r, out, err);
    case HV_OP__COUNT:
        break;
    }
    return fail(err, "Unknown operator.");
}

/* ------------------------------------------------------------------ unary */

static bool
negate(const hv_value *v, hv_value *out, hv_conv_err *err)
{
    hv_value n;
    if (!arith_operand(v, NULL, &n, err))
        return false;
    if (n.kind == HV_DOUBLE) {
        *out = hv_doublek(-n.u.d, (hv_numkind)n.sub);
        out->pad = n.pad; /* a [decimal] keeps its scale */
        return true;
    }
    numclass c = num_class(&n);
    if (c == NK_INT) {
        int64_t r = -n.u.i;
        *out = r <= INT32_MAX ? hv_int((int32_t)r) : hv_double((double)r);
        return true;
    }
    *out = int_or_double(-ld_of(&n), c == NK_ULONG ? NK_LONG : c);
    return true;
}

/* Unary -split: each string trimmed, then split on \s+ (ParserOps.UnarySplitOperator), so
 * -split "" is one empty string and inner runs of white space separate once. */
static hv_value
split_ws(const hv_value *v)
{
    hv_value res = hv_array_new(4);
    hv_conv_err e;
    hv_regex *re = hv_regex_get_opts("\\s+", 0, &e);
    size_t n = v->kind == HV_ARRAY ? hv_array_len(v) : 1;
    for (size_t k = 0; k < n; k++) {
        hv_value s = to_str(v->kind == HV_ARRAY ? hv_array_at(v, k) : v);
        const char *p = hv_str_cstr(&s);
        size_t len = hv_str_len(&s), a = 0, b = len;
        while (a < b && (p[a] == ' ' || (p[a] >= '\t' && p[a] <= '\r')))
            a++;
        while (b > a && (p[b - 1] == ' ' || (p[b - 1] >= '\t' && p[b - 1] <= '\r')))
            b--;
        hv_value parts = hv_regex_split(re, p + a, b - a, 0);
        split_push(&res, &parts);
        hv_unref(parts);
        hv_unref(s);
    }
    return res;
}

bool
hv_op_unary(hv_unop op, const hv_value *v, hv_value *out, hv_conv_err *err)
{
    switch (op) {
    case HV_UOP_NOT:
        *out = hv_bool(!hv_conv_to_bool(v));
        return true;
    case HV_UOP_BNOT: {
        if (v->kind == HV_ENUM) {
            *out = hv_enum(v->u.e, ~v->aux);
            return true;
        }
        hv_value n;
        if (!arith_operand(v, NULL, &n, err))
            return false;
        int64_t x;
        if (!hv_conv_to_int64(&n, &x, err))
            return false;
        *out = num_class(&n) == NK_INT ? hv_int((int32_t)~x) : hv_long(~x);
        return true;
    }
    case HV_UOP_NEG:
        return negate(v, out, err);
    case HV_UOP_PLUS:
        return arith_operand(v, NULL, out, err);
    case HV_UOP_SPLIT:
        *out = split_ws(v);
        return true;
    case HV_UOP_JOIN: {
        hv_value empty = hv_str_empty();
        *out = op_join(v, &empty);
        hv_unref(empty);
        return true;
    }
    }
    return fail(err, "Unknown operator.");
}

/* ------------------------------------------------------------------ ranges */

bool
hv_op_range(const hv_value *from, const hv_value *to, hv_value *out, hv_conv_err *err)
{
    /* 'a'..'e' is a char range when both ends are one-character strings/chars */
    bool chars = false;
    int64_t a, b;
    if ((from->kind == HV_CHAR || (from->kind == HV_STRING && hv_utf16_len(hv_str_cstr(from), hv_str_len(from)) == 1 &&
                                   !hv_conv_parse_number(hv_str_cstr(from), hv_str_len(from), &(hv_value){0}))) &&
        (to->kind == HV_CHAR || (to->kind == HV_STRING && hv_utf16_len(hv_str_cstr(to), hv_str_len(to)) == 1 &&
                                 !hv_conv_parse_number(hv_str_cstr(to), hv_str_len(to), &(hv_value){0})))) {
        size_t i = 0;
        a = from->kind == HV_CHAR ? from->u.i : hv_utf8_next(hv_str_cstr(from), hv_str_len(from), &i);
        i = 0;
        b = to->kind == HV_CHAR ? to->u.i : hv_utf8_next(hv_str_cstr(to), hv_str_len(to), &i);
        chars = true;
    } else {
        hv_conv_err e1;
        if (!hv_conv_to_int64(from, &a, &e1) || !hv_conv_to_int64(to, &b, &e1)) {
            if (err)
                *err = e1;
            return false;
        }
        if (a < INT32_MIN || a > INT32_MAX || b < INT32_MIN || b > INT32_MAX)
            return fail(err, "The range operator only accepts 32-bit integers.");
    }
    int64_t n = (a <= b ? b - a : a - b) + 1;
    if (n > 50000000)
        return fail(err, "The result of the range operation exceeds the maximum allowed size of 50000000.");
    hv_value arr = hv_array_new((size_t)n);
    int64_t step = a <= b ? 1 : -1;
    for (int64_t i = 0, x = a; i < n; i++, x += step)
        hv_array_push(&arr, chars ? hv_char((uint32_t)x) : hv_int((int32_t)x));
    *out = arr;
    return true;
}
