/* data_date.c — Get-Date, New-TimeSpan, Start-Sleep, Measure-Command, Get-Uptime.
 *
 * Dates are hv_value DATETIME immediates (ticks since 0001-01-01, with a kind). -Format uses
 * the runtime's .NET formatter (hv_dt_format); -UFormat is implemented here with the
 * specifiers of pwsh's UFormatDateString (English names, as pwsh's en-US on Linux).
 */
#include "cmdlets/data.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const day_names[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
static const char *const month_names[] = {"January", "February", "March", "April",
                                          "May", "June", "July", "August",
                                          "September", "October", "November", "December"};

/* ---- Get-Date ---- */
enum { GD_SET_DATE_FORMAT, GD_SET_DATE_UFORMAT, GD_SET_UNIX_FORMAT, GD_SET_UNIX_UFORMAT };
enum { GD_DATE, GD_UNIX, GD_YEAR, GD_MONTH, GD_DAY, GD_HOUR, GD_MINUTE, GD_SECOND,
       GD_MILLISECOND, GD_DISPLAYHINT, GD_FORMAT, GD_UFORMAT, GD_ASUTC, GD__N };

#define GD_DATE_SETS (HV_SET(GD_SET_DATE_FORMAT) | HV_SET(GD_SET_DATE_UFORMAT))
#define GD_UNIX_SETS (HV_SET(GD_SET_UNIX_FORMAT) | HV_SET(GD_SET_UNIX_UFORMAT))
#define GD_FORMAT_SETS (HV_SET(GD_SET_DATE_FORMAT) | HV_SET(GD_SET_UNIX_FORMAT))
#define GD_UFORMAT_SETS (HV_SET(GD_SET_DATE_UFORMAT) | HV_SET(GD_SET_UNIX_UFORMAT))

const hv_param_def hvc_getdate_params[GD__N + 1] = {
    [GD_DATE] = {.name = "Date", .type = HV_PT_DATETIME, .position = 0, .sets = GD_DATE_SETS,
                 .flags = HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                 .aliases = (const char *const[]){"LastWriteTime", NULL},
                 .help = "Specifies a date and time. By default, Get-Date gets the current "
                         "system date and time."},
    [GD_UNIX] = {.name = "UnixTimeSeconds", .type = HV_PT_INT64, .position = HV_POS_NAMED,
                 .sets = GD_UNIX_SETS, .flags = HV_PF_MANDATORY,
                 .aliases = (const char *const[]){"UnixTime", NULL},
                 .help = "Date and time represented in seconds since January 1, 1970, "
                         "0:00:00 UTC."},
    [GD_YEAR] = {.name = "Year", .type = HV_PT_INT32, .position = HV_POS_NAMED, .min = 1,
                 .max = 9999, .help = "Specifies the year that is displayed."},
    [GD_MONTH] = {.name = "Month", .type = HV_PT_INT32, .position = HV_POS_NAMED, .min = 1,
                  .max = 12, .help = "Specifies the month that is displayed (1 to 12)."},
    [GD_DAY] = {.name = "Day", .type = HV_PT_INT32, .position = HV_POS_NAMED, .min = 1,
                .max = 31,
                .help = "Specifies the day of the month that is displayed (1 to 31). A value "
                        "greater than the days of the month is added to the month."},
    [GD_HOUR] = {.name = "Hour", .type = HV_PT_INT32, .position = HV_POS_NAMED, .min = 0,
                 .max = 23, .help = "Specifies the hour that is displayed (0 to 23)."},
    [GD_MINUTE] = {.name = "Minute", .type = HV_PT_INT32, .position = HV_POS_NAMED, .min = 0,
                   .max = 59, .help = "Specifies the minute that is displayed (0 to 59)."},
    [GD_SECOND] = {.name = "Second", .type = HV_PT_INT32, .position = HV_POS_NAMED, .min = 0,
                   .max = 59, .help = "Specifies the second that is displayed (0 to 59)."},
    [GD_MILLISECOND] = {.name = "Millisecond", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                        .min = 0, .max = 999,
                        .help = "Specifies the milliseconds in the date (0 to 999)."},
    [GD_DISPLAYHINT] = {.name = "DisplayHint", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                        .accepted = (const char *const[]){"Date", "Time", "DateTime", NULL},
                        .help = "Determines which elements of the date and time are "
                                "displayed: Date, Time or DateTime (the default)."},
    [GD_FORMAT] = {.name = "Format", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .sets = GD_FORMAT_SETS,
                   .help = "Displays the date and time in the .NET format indicated by the "
                           "format specifier (for example \"yyyy-MM-dd\", \"o\", \"s\", "
                           "FileDate, FileDateTime). The output is a String."},
    [GD_UFORMAT] = {.name = "UFormat", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = GD_UFORMAT_SETS, .flags = HV_PF_MANDATORY,
                    .help = "Displays the date and time in UNIX format (for example \"%Y-%m-%d "
                            "%H:%M:%S\"). The output is a String."},
    [GD_ASUTC] = {.name = "AsUTC", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Converts the date value to the equivalent time in UTC."},
    [GD__N] = {.name = NULL},
};

static int64_t
to_utc(int64_t ticks, hv_dtkind kind)
{
    if (kind == HV_DT_UTC)
        return ticks;
    long off = hvc_local_offset(ticks);
    off = hvc_local_offset(ticks - (int64_t)off * HVC_TICKS_PER_SEC);
    return ticks - (int64_t)off * HVC_TICKS_PER_SEC;
}

static int64_t
to_local(int64_t utc)
{
    return utc + (int64_t)hvc_local_offset(utc) * HVC_TICKS_PER_SEC;
}

static int
weeks_in_year(int y)
{
    int p = (y + y / 4 - y / 100 + y / 400) % 7;
    int q = ((y - 1) + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400) % 7;
    return p == 4 || q == 3 ? 53 : 52;
}

static int
iso_week(const hvc_tm *tm, int *iso_year)
{
    int wday = tm->dow == 0 ? 7 : tm->dow;
    int week = (tm->doy - wday + 10) / 7;
    *iso_year = tm->year;
    if (week < 1) {
        *iso_year = tm->year - 1;
        week = weeks_in_year(tm->year - 1);
    } else if (week > weeks_in_year(tm->year)) {
        *iso_year = tm->year + 1;
        week = 1;
    }
    return week;
}

static void
put_hour12(hv_buf *b, int h, const char *fmt)
{
    int h12 = h % 12 == 0 ? 12 : h % 12;
    hv_buf_printf(b, fmt, h12);
}

static hv_value
uformat(const char *f, int64_t ticks, hv_dtkind kind)
{
    hvc_tm tm;
    hvc_ticks_to_tm(ticks, &tm);
    hv_buf b = {0};
    /* folks may include the "+" of date(1) as part of the format string */
    for (size_t i = f[0] == '+' ? 1 : 0; f[i]; i++) {
        if (f[i] != '%' || !f[i + 1]) {
            hv_buf_putc(&b, f[i]);
            continue;
        }
        char c = f[++i];
        int iy;
        switch (c) {
        case 'a': hv_buf_printf(&b, "%.3s", day_names[tm.dow]); break;
        case 'A': hv_buf_puts(&b, day_names[tm.dow]); break;
        case 'b':
        case 'h': hv_buf_printf(&b, "%.3s", month_names[tm.month - 1]); break;
        case 'B': hv_buf_puts(&b, month_names[tm.month - 1]); break;
        case 'c':
            hv_buf_printf(&b, "%.3s %02d %.3s %04d %02d:%02d:%02d", day_names[tm.dow], tm.day,
                          month_names[tm.month - 1], tm.year, tm.hour, tm.minute, tm.second);
            break;
        case 'C': hv_buf_printf(&b, "%d", tm.year / 100); break;
        case 'd': hv_buf_printf(&b, "%02d", tm.day); break;
        case 'D':
        case 'x': hv_buf_printf(&b, "%02d/%02d/%02d", tm.month, tm.day, tm.year % 100); break;
        case 'e': hv_buf_printf(&b, "%2d", tm.day); break;
        case 'F': hv_buf_printf(&b, "%04d-%02d-%02d", tm.year, tm.month, tm.day); break;
        case 'g': iso_week(&tm, &iy); hv_buf_printf(&b, "%02d", iy % 100); break;
        case 'G': iso_week(&tm, &iy); hv_buf_printf(&b, "%04d", iy); break;
        case 'H': hv_buf_printf(&b, "%02d", tm.hour); break;
        case 'I': put_hour12(&b, tm.hour, "%02d"); break;
        case 'j': hv_buf_printf(&b, "%03d", tm.doy); break;
        case 'k': hv_buf_printf(&b, "%2d", tm.hour); break;
        case 'l': put_hour12(&b, tm.hour, "%2d"); break;
        case 'm': hv_buf_printf(&b, "%02d", tm.month); break;
        case 'M': hv_buf_printf(&b, "%02d", tm.minute); break;
        case 'n': hv_buf_putc(&b, '\n'); break;
        case 'p': hv_buf_puts(&b, tm.hour < 12 ? "AM" : "PM"); break;
        case 'r':
            put_hour12(&b, tm.hour, "%02d");
            hv_buf_printf(&b, ":%02d:%02d %s", tm.minute, tm.second, tm.hour < 12 ? "AM" : "PM");
            break;
        case 'R': hv_buf_printf(&b, "%02d:%02d", tm.hour, tm.minute); break;
        case 's': {
            /* "{0:0}" of TotalSeconds: rounded half away from zero */
            double secs = (double)(to_utc(ticks, kind) - HVC_UNIX_EPOCH_TICKS) / HVC_TICKS_PER_SEC;
            hv_buf_printf(&b, "%.0f", secs < 0 ? -floor(-secs + 0.5) : floor(secs + 0.5));
            break;
        }
        case 'S': hv_buf_printf(&b, "%02d", tm.second); break;
        case 't': hv_buf_putc(&b, '\t'); break;
        case 'T':
        case 'X': hv_buf_printf(&b, "%02d:%02d:%02d", tm.hour, tm.minute, tm.second); break;
        case 'u': hv_buf_printf(&b, "%d", tm.dow == 0 ? 7 : tm.dow); break;
        case 'U': {
            /* pwsh: ((Jan1.DayOfWeek + 6) % 7 + DayOfYear - DayOfWeek) / 7, two digits */
            int jan1 = (tm.dow - (tm.doy - 1) % 7 + 7) % 7;
            hv_buf_printf(&b, "%02d", ((jan1 + 6) % 7 + tm.doy - tm.dow) / 7);
            break;
        }
        case 'V': hv_buf_printf(&b, "%02d", iso_week(&tm, &iy)); break;
        case 'w': hv_buf_printf(&b, "%d", tm.dow); break;
        case 'W': hv_buf_printf(&b, "%d", tm.doy / 7); break; /* pwsh: DayOfYear / 7 */
        case 'y': hv_buf_printf(&b, "%02d", tm.year % 100); break;
        case 'Y': hv_buf_printf(&b, "%04d", tm.year); break;
        case 'Z': {
            long off = kind == HV_DT_UTC ? 0 : hvc_local_offset(to_utc(ticks, kind));
            char sign = off < 0 ? '-' : '+';
            if (off < 0)
                off = -off;
            hv_buf_printf(&b, "%c%02ld", sign, off / 3600);
            break;
        }
        case '%': hv_buf_putc(&b, '%'); break;
        default: hv_buf_putc(&b, c); break;
        }
    }
    if (!b.data)
        return hv_str("");
    return hv_buf_finish(&b);
}

/* The special -Format names pwsh knows besides .NET's format strings. */
static hv_value
format_date(const char *fmt, int64_t ticks, hv_dtkind kind)
{
    bool utc = false;
    const char *net = fmt;
    if (hv_str_eq_ci(fmt, "FileDate")) {
        net = "yyyyMMdd";
    } else if (hv_str_eq_ci(fmt, "FileDateUniversal")) {
        net = "yyyyMMdd'Z'";
        utc = true;
    } else if (hv_str_eq_ci(fmt, "FileDateTime")) {
        net = "yyyyMMdd'T'HHmmssffff";
    } else if (hv_str_eq_ci(fmt, "FileDateTimeUniversal")) {
        net = "yyyyMMdd'T'HHmmssffff'Z'";
        utc = true;
    }
    if (utc) {
        ticks = to_utc(ticks, kind);
        kind = HV_DT_UTC;
    }
    return hv_dt_format(ticks, kind, net);
}

/* DateTime.AddYears/AddMonths: same day, clamped to the length of the new month. */
static int64_t
add_months(int64_t ticks, int months)
{
    hvc_tm tm;
    hvc_ticks_to_tm(ticks, &tm);
    int total = tm.year * 12 + (tm.month - 1) + months;
    int y = total / 12, m = total % 12 + 1;
    int d = tm.day > hvc_days_in_month(y, m) ? hvc_days_in_month(y, m) : tm.day;
    int64_t tod = ticks % HVC_TICKS_PER_DAY;
    return hvc_tm_to_ticks(y, m, d, 0, 0, 0) + tod;
}

/* pwsh applies each component as an offset from the current value, in this order
 * (AddYears, AddMonths, AddDays, AddHours, ...), so -Day 31 in April rolls into May and
 * -Millisecond drops the sub-millisecond ticks. */
static int64_t
apply_components(hv_cmd *cmd, int64_t ticks)
{
    hvc_tm tm;
    hvc_ticks_to_tm(ticks, &tm);
    if (hv_cmd_bound(cmd, GD_YEAR))
        ticks = add_months(ticks, (int)(hvc_arg_int(cmd, GD_YEAR, tm.year) - tm.year) * 12);
    hvc_ticks_to_tm(ticks, &tm);
    if (hv_cmd_bound(cmd, GD_MONTH))
        ticks = add_months(ticks, (int)(hvc_arg_int(cmd, GD_MONTH, tm.month) - tm.month));
    hvc_ticks_to_tm(ticks, &tm);
    if (hv_cmd_bound(cmd, GD_DAY))
        ticks += (hvc_arg_int(cmd, GD_DAY, tm.day) - tm.day) * HVC_TICKS_PER_DAY;
    hvc_ticks_to_tm(ticks, &tm);
    if (hv_cmd_bound(cmd, GD_HOUR))
        ticks += (hvc_arg_int(cmd, GD_HOUR, tm.hour) - tm.hour) * 3600 * HVC_TICKS_PER_SEC;
    hvc_ticks_to_tm(ticks, &tm);
    if (hv_cmd_bound(cmd, GD_MINUTE))
        ticks += (hvc_arg_int(cmd, GD_MINUTE, tm.minute) - tm.minute) * 60 * HVC_TICKS_PER_SEC;
    hvc_ticks_to_tm(ticks, &tm);
    if (hv_cmd_bound(cmd, GD_SECOND))
        ticks += (hvc_arg_int(cmd, GD_SECOND, tm.second) - tm.second) * HVC_TICKS_PER_SEC;
    hvc_ticks_to_tm(ticks, &tm);
    if (hv_cmd_bound(cmd, GD_MILLISECOND)) {
        ticks += (hvc_arg_int(cmd, GD_MILLISECOND, tm.ms) - tm.ms) * 10000;
        ticks -= ticks % 10000;
    }
    return ticks;
}

hv_status
hvc_getdate_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    int64_t ticks;
    hv_dtkind kind;
    const hv_value *dv = hv_cmd_arg(cmd, GD_DATE);
    if (hv_cmd_bound(cmd, GD_UNIX)) {
        int64_t secs = hvc_arg_int(cmd, GD_UNIX, 0);
        /* DateTimeOffset.FromUnixTimeSeconds' range (0001-01-01 .. 9999-12-31); outside it
         * the tick arithmetic below would overflow */
        if (secs < -62135596800LL || secs > 253402300799LL)
            return hvc_throw(cmd, HV_CAT_InvalidArgument, "ArgumentOutOfRange", NULL,
                             "Valid values are between -62135596800 and 253402300799, "
                             "inclusive. (Parameter 'seconds')");
        ticks = to_local(HVC_UNIX_EPOCH_TICKS + secs * HVC_TICKS_PER_SEC);
        kind = HV_DT_LOCAL;
    } else if (dv && dv->kind == HV_DATETIME) {
        ticks = dv->u.i;
        kind = (hv_dtkind)dv->sub;
    } else {
        ticks = hv_dt_now_ticks(HV_DT_LOCAL);
        kind = HV_DT_LOCAL;
    }
    ticks = apply_components(cmd, ticks);
    if (hv_cmd_switch(cmd, GD_ASUTC)) {
        ticks = to_utc(ticks, kind);
        kind = HV_DT_UTC;
    }
    const char *uf = hvc_arg_str(cmd, GD_UFORMAT);
    const char *f = hvc_arg_str(cmd, GD_FORMAT);
    if (uf)
        return hv_emit(cmd, uformat(uf, ticks, kind));
    if (f)
        return hv_emit(cmd, format_date(f, ticks, kind));
    hv_value dt = hv_datetime(ticks, kind);
    /* -DisplayHint rides in the unused pad field of the DateTime (1 = Date, 2 = Time,
     * 3 = DateTime; 0 = a plain [datetime] without the note), where the formatter and
     * Select-Object * can read it: pwsh keeps it as a NoteProperty. */
    dt.pad = 3;
    const hv_value *hint = hv_cmd_arg(cmd, GD_DISPLAYHINT);
    if (hint) {
        HV_AUTO hv_value hs = hv_conv_to_string(hint, NULL);
        if (hv_str_eq_ci(hv_str_cstr(&hs), "Date"))
            dt.pad = 1;
        else if (hv_str_eq_ci(hv_str_cstr(&hs), "Time"))
            dt.pad = 2;
    }
    return hv_emit(cmd, dt);
}

/* ---- New-TimeSpan ---- */
enum { TS_SET_DATE, TS_SET_TIME };
enum { TS_START, TS_END, TS_DAYS, TS_HOURS, TS_MINUTES, TS_SECONDS, TS_MS, TS__N };

const hv_param_def hvc_newtimespan_params[TS__N + 1] = {
    [TS_START] = {.name = "Start", .type = HV_PT_DATETIME, .position = 0,
                  .sets = HV_SET(TS_SET_DATE), .flags = HV_PF_BY_PROPERTY_NAME,
                  .aliases = (const char *const[]){"LastWriteTime", NULL},
                  .help = "Specifies the start of a time span. The default is the current "
                          "date and time."},
    [TS_END] = {.name = "End", .type = HV_PT_DATETIME, .position = 1,
                .sets = HV_SET(TS_SET_DATE), .flags = HV_PF_BY_PROPERTY_NAME,
                .help = "Specifies the end of a time span. The default is the current date "
                        "and time."},
    [TS_DAYS] = {.name = "Days", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                 .sets = HV_SET(TS_SET_TIME), .help = "Specifies the days in the time span."},
    [TS_HOURS] = {.name = "Hours", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                  .sets = HV_SET(TS_SET_TIME),
                  .help = "Specifies the hours in the time span."},
    [TS_MINUTES] = {.name = "Minutes", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .sets = HV_SET(TS_SET_TIME),
                    .help = "Specifies the minutes in the time span."},
    [TS_SECONDS] = {.name = "Seconds", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .sets = HV_SET(TS_SET_TIME),
                    .help = "Specifies the length of the time span in seconds."},
    [TS_MS] = {.name = "Milliseconds", .type = HV_PT_INT32, .position = HV_POS_NAMED,
               .sets = HV_SET(TS_SET_TIME),
               .help = "Specifies the length of the time span in milliseconds."},
    [TS__N] = {.name = NULL},
};

static int64_t
date_arg(hv_cmd *cmd, int idx, int64_t dflt)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    return v && v->kind == HV_DATETIME ? v->u.i : dflt;
}

hv_status
hvc_newtimespan_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    int64_t t;
    if (hv_cmd_set_index(cmd) == TS_SET_TIME) {
        int64_t secs = hvc_arg_int(cmd, TS_DAYS, 0) * 86400 + hvc_arg_int(cmd, TS_HOURS, 0) * 3600 +
                       hvc_arg_int(cmd, TS_MINUTES, 0) * 60 + hvc_arg_int(cmd, TS_SECONDS, 0);
        t = secs * HVC_TICKS_PER_SEC + hvc_arg_int(cmd, TS_MS, 0) * 10000;
    } else {
        int64_t now = hv_dt_now_ticks(HV_DT_LOCAL);
        t = date_arg(cmd, TS_END, now) - date_arg(cmd, TS_START, now);
    }
    return hv_emit(cmd, hv_timespan(t));
}

/* ---- Start-Sleep ---- */
enum { SL_SET_SECONDS, SL_SET_MS, SL_SET_TS };
enum { SL_SECONDS, SL_MS, SL_DURATION, SL__N };

const hv_param_def hvc_sleep_params[SL__N + 1] = {
    [SL_SECONDS] = {.name = "Seconds", .type = HV_PT_DOUBLE, .position = 0,
                    .sets = HV_SET(SL_SET_SECONDS),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                    .aliases = (const char *const[]){"s", NULL},
                    .help = "Specifies how long the resource sleeps in seconds. The value may "
                            "be fractional (0.5)."},
    [SL_MS] = {.name = "Milliseconds", .type = HV_PT_INT32, .position = HV_POS_NAMED,
               .sets = HV_SET(SL_SET_MS), .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
               .aliases = (const char *const[]){"ms", NULL},
               .help = "Specifies how long the resource sleeps in milliseconds."},
    [SL_DURATION] = {.name = "Duration", .type = HV_PT_TIMESPAN, .position = HV_POS_NAMED,
                     .sets = HV_SET(SL_SET_TS),
                     .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                     .aliases = (const char *const[]){"ts", NULL},
                     .help = "Uses a TimeSpan to specify the duration of the sleep."},
    [SL__N] = {.name = NULL},
};

static double
mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

hv_status
hvc_sleep_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    double ms;
    int set = hv_cmd_set_index(cmd);
    if (set == SL_SET_MS) {
        ms = (double)hvc_arg_int(cmd, SL_MS, 0);
    } else if (set == SL_SET_TS) {
        const hv_value *d = hv_cmd_arg(cmd, SL_DURATION);
        ms = d && d->kind == HV_TIMESPAN ? d->u.i / 10000.0 : 0;
    } else {
        ms = hvc_arg_double(cmd, SL_SECONDS, 0) * 1000.0;
    }
    if (ms < 0)
        return hvc_throw(cmd, HV_CAT_InvalidArgument, "ParameterArgumentValidationError",
                         NULL, "Cannot validate argument on parameter 'Seconds'. The %g "
                         "argument is less than the minimum allowed range of 0.", ms / 1000);
    double until = mono_ms() + ms;
    /* Sleep in 50 ms slices so Ctrl-C stops the wait promptly. */
    for (;;) {
        if (hv_cmd_interrupted(cmd))
            return HV_STOPPED;
        double left = until - mono_ms();
        if (left <= 0)
            break;
        if (left > 50)
            left = 50;
        struct timespec ts = {.tv_sec = 0, .tv_nsec = (long)(left * 1e6)};
        nanosleep(&ts, NULL);
    }
    return HV_OK;
}

/* ---- Measure-Command ---- */
enum { MC_INPUT, MC_EXPR, MC__N };

const hv_param_def hvc_measurecmd_params[MC__N + 1] = {
    [MC_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Objects bound to the InputObject parameter are passed to the "
                          "script block as $_, one at a time."},
    [MC_EXPR] = {.name = "Expression", .type = HV_PT_SCRIPTBLOCK, .position = 0,
                 .flags = HV_PF_MANDATORY,
                 .help = "Specifies the expression that is being timed. Enclose the "
                         "expression in braces ({})."},
    [MC__N] = {.name = NULL},
};

typedef struct {
    double ms;
} measure_state;
_Static_assert(sizeof(measure_state) <= HVC_DATE_STATE, "state size");

hv_status
hvc_measurecmd_process(hv_cmd *cmd, const hv_value *input)
{
    measure_state *st = hv_cmd_state(cmd);
    const hv_value *block = hv_cmd_arg(cmd, MC_EXPR);
    const hv_value *dollar = hv_cmd_arg(cmd, MC_INPUT);
    if (!dollar)
        dollar = input;
    hv_value out = hv_null();
    double t0 = mono_ms();
    hv_status s = hv_cmd_invoke(cmd, block, dollar, NULL, 0, &out);
    st->ms += mono_ms() - t0;
    hv_unref(out); /* Measure-Command discards the block's output */
    return s;
}

hv_status
hvc_measurecmd_end(hv_cmd *cmd)
{
    measure_state *st = hv_cmd_state(cmd);
    return hv_emit(cmd, hv_timespan((int64_t)(st->ms * 10000.0)));
}

/* ---- Get-Uptime ---- */
enum { UP_SINCE, UP__N };

const hv_param_def hvc_uptime_params[UP__N + 1] = {
    [UP_SINCE] = {.name = "Since", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Returns a DateTime object representing the last time that the "
                          "operating system was booted."},
    [UP__N] = {.name = NULL},
};

hv_status
hvc_uptime_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    double up = 0;
    FILE *f = fopen("/proc/uptime", "r");
    if (!f || fscanf(f, "%lf", &up) != 1) {
        if (f)
            fclose(f);
        return hvc_throw(cmd, HV_CAT_NotSpecified, "GetUptimePlatformNotSupported", NULL,
                         "The Get-Uptime cmdlet cannot read /proc/uptime.");
    }
    fclose(f);
    int64_t t = (int64_t)(up * HVC_TICKS_PER_SEC);
    if (hv_cmd_switch(cmd, UP_SINCE))
        return hv_emit(cmd, hv_datetime(hv_dt_now_ticks(HV_DT_LOCAL) - t, HV_DT_LOCAL));
    return hv_emit(cmd, hv_timespan(t));
}
