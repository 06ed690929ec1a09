/* data_util.c — small helpers shared by the data/file cmdlets (see data.h). */
#include "cmdlets/data.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>

size_t
hvc_props_count(const hv_value *v)
{
    if (v->kind == HV_OBJECT)
        return hv_obj_count(v);
    if (v->kind == HV_TABLE)
        return hv_table_count(v);
    return 0;
}

/* Hashtables have no index access: walk the insertion order (small tables only). */
static bool
table_at(const hv_value *t, size_t i, const hv_value **k, const hv_value **val)
{
    size_t it = 0, n = 0;
    while (hv_table_next(t, &it, k, val))
        if (n++ == i)
            return true;
    return false;
}

hv_value
hvc_prop_name(const hv_value *v, size_t i)
{
    if (v->kind == HV_OBJECT)
        return hv_str(hv_obj_name_at(v, i));
    const hv_value *k, *val;
    if (v->kind == HV_TABLE && table_at(v, i, &k, &val))
        return hv_conv_to_string(k, NULL);
    return hv_str("");
}

char *
hvc_to_cstr(const hv_value *v)
{
    hv_value s = hv_conv_to_string(v, NULL);
    char *r = hv_xstrndup(hv_str_cstr(&s), hv_str_len(&s));
    hv_unref(s);
    return r;
}

const hv_value *
hvc_arg_array(hv_cmd *cmd, int index)
{
    const hv_value *v = hv_cmd_arg(cmd, index);
    return v && v->kind == HV_ARRAY ? v : NULL;
}

const char *
hvc_arg_str(hv_cmd *cmd, int index)
{
    const hv_value *v = hv_cmd_arg(cmd, index);
    if (!v || v->kind != HV_STRING)
        return NULL;
    return hv_str_cstr(v);
}

int64_t
hvc_arg_int(hv_cmd *cmd, int index, int64_t dflt)
{
    const hv_value *v = hv_cmd_arg(cmd, index);
    int64_t r;
    hv_conv_err err;
    if (!v || !hv_conv_to_int64(v, &r, &err))
        return dflt;
    return r;
}

double
hvc_arg_double(hv_cmd *cmd, int index, double dflt)
{
    const hv_value *v = hv_cmd_arg(cmd, index);
    double r;
    hv_conv_err err;
    if (!v || !hv_conv_to_double(v, &r, &err))
        return dflt;
    return r;
}

static hv_value
make_error(hv_cmd *cmd, hv_err_category cat, const char *id, const char *target,
           const char *fmt, va_list ap)
{
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        abort();
    HV_AUTO hv_value tv = target ? hv_str(target) : hv_null();
    hv_value rec = hv_error_new(cmd, cat, id, target ? &tv : NULL, "%s", msg);
    free(msg);
    return rec;
}

hv_status
hvc_error(hv_cmd *cmd, hv_err_category cat, const char *id, const char *target,
          const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hv_value rec = make_error(cmd, cat, id, target, fmt, ap);
    va_end(ap);
    return hv_write_error(cmd, rec);
}

hv_status
hvc_throw(hv_cmd *cmd, hv_err_category cat, const char *id, const char *target,
          const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hv_value rec = make_error(cmd, cat, id, target, fmt, ap);
    va_end(ap);
    return hv_throw(cmd, rec);
}

/* ---- civil calendar (proleptic Gregorian, as .NET's DateTime) ---- */
bool
hvc_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
hvc_days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && hvc_is_leap(y) ? 29 : dm[m - 1];
}

/* Days since 0001-01-01 of a civil date. */
static int64_t
days_from_civil(int y, int m, int d)
{
    int64_t yy = y - 1;
    int64_t n = yy * 365 + yy / 4 - yy / 100 + yy / 400;
    for (int i = 1; i < m; i++)
        n += hvc_days_in_month(y, i);
    return n + d - 1;
}

int64_t
hvc_tm_to_ticks(int year, int month, int day, int hour, int minute, int second)
{
    int64_t days = days_from_civil(year, month, day);
    return days * HVC_TICKS_PER_DAY +
           ((int64_t)hour * 3600 + (int64_t)minute * 60 + second) * HVC_TICKS_PER_SEC;
}

void
hvc_ticks_to_tm(int64_t ticks, hvc_tm *tm)
{
    if (ticks < 0)
        ticks = 0;
    int64_t days = ticks / HVC_TICKS_PER_DAY;
    int64_t rem = ticks % HVC_TICKS_PER_DAY;
    tm->dow = (int)((days + 1) % 7); /* 0001-01-01 was a Monday */
    /* 400-year cycles of 146097 days */
    int64_t y400 = days / 146097;
    days %= 146097;
    int64_t y100 = days / 36524;
    if (y100 == 4)
        y100 = 3;
    days -= y100 * 36524;
    int64_t y4 = days / 1461;
    days -= y4 * 1461;
    int64_t y1 = days / 365;
    if (y1 == 4)
        y1 = 3;
    days -= y1 * 365;
    tm->year = (int)(y400 * 400 + y100 * 100 + y4 * 4 + y1 + 1);
    tm->doy = (int)days + 1;
    int m = 1;
    while (days >= hvc_days_in_month(tm->year, m)) {
        days -= hvc_days_in_month(tm->year, m);
        m++;
    }
    tm->month = m;
    tm->day = (int)days + 1;
    int64_t secs = rem / HVC_TICKS_PER_SEC;
    tm->frac7 = (int)(rem % HVC_TICKS_PER_SEC);
    tm->ms = tm->frac7 / 10000;
    tm->hour = (int)(secs / 3600);
    tm->minute = (int)(secs / 60 % 60);
    tm->second = (int)(secs % 60);
}

long
hvc_local_offset(int64_t utc_ticks)
{
    time_t t = (time_t)((utc_ticks - HVC_UNIX_EPOCH_TICKS) / HVC_TICKS_PER_SEC);
    struct tm lt;
    if (!localtime_r(&t, &lt))
        return 0;
    return lt.tm_gmtoff;
}

/* .NET Core's double.ToString("R"): the shortest digits that round-trip, in fixed notation
 * for exponents -4..14 and as d.dddE+XX otherwise. */
char *
hvc_double_r(double d)
{
    if (isnan(d))
        return hv_xstrdup("NaN");
    if (isinf(d))
        return hv_xstrdup(d > 0 ? "\u221e" : "-\u221e"); /* .NET Core: "∞" */
    char digits[32];
    int exp10 = 0;
    for (int prec = 1; prec <= 17; prec++) {
        char tmp[40];
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
        if (strtod(tmp, NULL) == d || prec == 17) {
            /* tmp = [-]d.ddde[+-]XX */
            char *e = strchr(tmp, 'e');
            exp10 = atoi(e + 1);
            size_t n = 0;
            for (char *p = tmp; p < e; p++)
                if (*p >= '0' && *p <= '9')
                    digits[n++] = *p;
            while (n > 1 && digits[n - 1] == '0')
                n--;
            digits[n] = '\0';
            break;
        }
    }
    hv_buf b = {0};
    if (d < 0 || (d == 0 && signbit(d)))
        hv_buf_putc(&b, '-');
    size_t nd = strlen(digits);
    if (exp10 < -4 || exp10 >= 15) {
        hv_buf_putc(&b, digits[0]);
        if (nd > 1) {
            hv_buf_putc(&b, '.');
            hv_buf_puts(&b, digits + 1);
        }
        hv_buf_printf(&b, "E%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    } else if (exp10 < 0) {
        hv_buf_puts(&b, "0.");
        for (int i = -1; i > exp10; i--)
            hv_buf_putc(&b, '0');
        hv_buf_puts(&b, digits);
    } else {
        for (int i = 0; i <= exp10; i++)
            hv_buf_putc(&b, (size_t)i < nd ? digits[i] : '0');
        if ((size_t)exp10 + 1 < nd) {
            hv_buf_putc(&b, '.');
            hv_buf_puts(&b, digits + exp10 + 1);
        }
    }
    char *r = hv_xstrndup(b.data, b.len);
    hv_buf_free(&b);
    return r;
}

/* ---- text encodings (-Encoding) ---- */
hvc_encoding
hvc_encoding_of(const hv_value *arg)
{
    if (!arg || arg->kind == HV_NULL)
        return HVC_ENC_UTF8;
    HV_AUTO hv_value s = hv_conv_to_string(arg, NULL);
    const char *n = hv_str_cstr(&s);
    static const struct {
        const char *name;
        hvc_encoding e;
    } names[] = {
        {"utf8BOM", HVC_ENC_UTF8BOM},      {"unicode", HVC_ENC_UTF16LE},
        {"utf-16", HVC_ENC_UTF16LE},       {"bigendianunicode", HVC_ENC_UTF16BE},
        {"utf32", HVC_ENC_UTF32LE},        {"utf-32", HVC_ENC_UTF32LE},
        {"bigendianutf32", HVC_ENC_UTF32BE}, {"ascii", HVC_ENC_ASCII},
        {"us-ascii", HVC_ENC_ASCII},       {"latin1", HVC_ENC_LATIN1},
        {"iso-8859-1", HVC_ENC_LATIN1},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (hv_str_eq_ci(n, names[i].name))
            return names[i].e;
    return HVC_ENC_UTF8; /* utf8, utf8NoBOM, default, oem, ansi, string */
}

static void
put_unit(hv_buf *b, uint32_t v, int bytes, bool be)
{
    for (int i = 0; i < bytes; i++) {
        int shift = be ? (bytes - 1 - i) * 8 : i * 8;
        hv_buf_putc(b, (char)((v >> shift) & 0xff));
    }
}

void
hvc_encode(hvc_encoding e, const char *s, size_t n, bool bom, hv_buf *out)
{
    switch (e) {
    case HVC_ENC_UTF8:
        hv_buf_put(out, s, n);
        return;
    case HVC_ENC_UTF8BOM:
        if (bom)
            hv_buf_put(out, "\xEF\xBB\xBF", 3);
        hv_buf_put(out, s, n);
        return;
    default:
        break;
    }
    bool be = e == HVC_ENC_UTF16BE || e == HVC_ENC_UTF32BE;
    int width = e == HVC_ENC_UTF32LE || e == HVC_ENC_UTF32BE ? 4 : 2;
    bool wide = e != HVC_ENC_ASCII && e != HVC_ENC_LATIN1;
    if (bom && wide)
        put_unit(out, 0xfeff, width, be);
    for (size_t i = 0; i < n;) {
        uint32_t cp = hv_utf8_next(s, n, &i);
        if (e == HVC_ENC_ASCII)
            hv_buf_putc(out, cp < 0x80 ? (char)cp : '?');
        else if (e == HVC_ENC_LATIN1)
            hv_buf_putc(out, cp < 0x100 ? (char)cp : '?');
        else if (width == 4)
            put_unit(out, cp, 4, be);
        else if (cp >= 0x10000) {
            put_unit(out, 0xd800 + ((cp - 0x10000) >> 10), 2, be);
            put_unit(out, 0xdc00 + ((cp - 0x10000) & 0x3ff), 2, be);
        } else {
            put_unit(out, cp, 2, be);
        }
    }
}

hvc_encoding
hvc_detect_bom(const unsigned char *p, size_t n, hvc_encoding dflt, size_t *bom_len)
{
    *bom_len = 0;
    if (n >= 4 && p[0] == 0xff && p[1] == 0xfe && p[2] == 0 && p[3] == 0)
        return *bom_len = 4, HVC_ENC_UTF32LE;
    if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xfe && p[3] == 0xff)
        return *bom_len = 4, HVC_ENC_UTF32BE;
    if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
        return *bom_len = 3, HVC_ENC_UTF8;
    if (n >= 2 && p[0] == 0xff && p[1] == 0xfe)
        return *bom_len = 2, HVC_ENC_UTF16LE;
    if (n >= 2 && p[0] == 0xfe && p[1] == 0xff)
        return *bom_len = 2, HVC_ENC_UTF16BE;
    return dflt;
}

void
hvc_decode(hvc_encoding e, const unsigned char *p, size_t n, hv_buf *out)
{
    char u[4];
    if (e == HVC_ENC_UTF8 || e == HVC_ENC_UTF8BOM || e == HVC_ENC_ASCII) {
        hv_buf_put(out, (const char *)p, n);
        return;
    }
    if (e == HVC_ENC_LATIN1) {
        for (size_t i = 0; i < n; i++)
            hv_buf_put(out, u, hv_utf8_put(u, p[i]));
        return;
    }
    bool be = e == HVC_ENC_UTF16BE || e == HVC_ENC_UTF32BE;
    size_t w = e == HVC_ENC_UTF32LE || e == HVC_ENC_UTF32BE ? 4 : 2;
    for (size_t i = 0; i + w <= n; i += w) {
        uint32_t v = 0;
        for (size_t k = 0; k < w; k++)
            v |= (uint32_t)p[i + k] << (be ? (w - 1 - k) * 8 : k * 8);
        if (w == 2 && v >= 0xd800 && v < 0xdc00 && i + 4 <= n) {
            uint32_t lo = be ? (uint32_t)p[i + 2] << 8 | p[i + 3] : (uint32_t)p[i + 3] << 8 | p[i + 2];
            if (lo >= 0xdc00 && lo < 0xe000) {
                v = 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00);
                i += 2;
            }
        }
        hv_buf_put(out, u, hv_utf8_put(u, v));
    }
}
