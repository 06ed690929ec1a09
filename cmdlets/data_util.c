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

const hv_value *
hvc_prop_value(const hv_value *v, size_t i)
{
    if (v->kind == HV_OBJECT)
        return hv_obj_value_at(v, i);
    const hv_value *k, *val;
    if (v->kind == HV_TABLE && table_at(v, i, &k, &val))
        return val;
    return NULL;
}

char *
hvc_to_cstr(const hv_value *v)
{
    hv_value s = hv_conv_to_string(v, NULL);
    char *r = hv_xstrndup(hv_str_cstr(&s), hv_str_len(&s));
    hv_unref(s);
    return r;
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
