/* data_json.c — ConvertTo-Json and ConvertFrom-Json.
 *
 * ConvertTo-Json writes the text itself so the layout is pwsh 7's (Newtonsoft.Json,
 * Formatting.Indented: two spaces, `"key": value`, `[]`/`{}` for empty containers); the depth
 * rule is PowerShell's: a container at nesting level > -Depth is replaced by its string form
 * and one warning is written. ConvertFrom-Json parses with jansson (keeps key order) and
 * builds PSCustomObjects (or ordered hashtables with -AsHashtable), Int64 for integers,
 * Double for reals and DateTime for ISO-8601 strings, as Newtonsoft's defaults do.
 */
#include "cmdlets/data.h"

#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ESC_DEFAULT, ESC_NON_ASCII, ESC_HTML };

typedef struct {
    hv_buf out;
    int max_depth;
    bool compress, enums_as_strings, truncated;
    int escape;
    const char *bad_key_type; /* a dictionary with a non-string key (pwsh refuses those) */
} json_writer;

static void write_value(json_writer *w, const hv_value *v, int depth, int indent);

static void
put_indent(json_writer *w, int indent)
{
    if (w->compress)
        return;
    hv_buf_putc(&w->out, '\n');
    for (int i = 0; i < indent; i++)
        hv_buf_put(&w->out, "  ", 2);
}

static void
put_u16(hv_buf *b, unsigned c)
{
    hv_buf_printf(b, "\\u%04x", c);
}

/* Newtonsoft's escaping: control characters, quote and backslash always; U+0085, U+2028 and
 * U+2029 too; non-ASCII and HTML-sensitive characters only when asked. */
static void
write_string(json_writer *w, const char *s, size_t len)
{
    hv_buf *b = &w->out;
    hv_buf_putc(b, '"');
    for (size_t i = 0; i < len;) {
        size_t start = i;
        uint32_t c = hv_utf8_next(s, len, &i);
        switch (c) {
        case '"': hv_buf_puts(b, w->escape == ESC_HTML ? "\\u0022" : "\\\""); continue;
        case '\\': hv_buf_puts(b, "\\\\"); continue;
        case '\n': hv_buf_puts(b, "\\n"); continue;
        case '\r': hv_buf_puts(b, "\\r"); continue;
        case '\t': hv_buf_puts(b, "\\t"); continue;
        case '\b': hv_buf_puts(b, "\\b"); continue;
        case '\f': hv_buf_puts(b, "\\f"); continue;
        default: break;
        }
        if (c < 0x20 || c == 0x85 || c == 0x2028 || c == 0x2029) {
            put_u16(b, c);
        } else if (w->escape == ESC_HTML && (c == '<' || c == '>' || c == '&' || c == '\'')) {
            put_u16(b, c);
        } else if (w->escape == ESC_NON_ASCII && c > 0x7e) {
            if (c >= 0x10000) {
                put_u16(b, 0xd800 + ((c - 0x10000) >> 10));
                put_u16(b, 0xdc00 + ((c - 0x10000) & 0x3ff));
            } else {
                put_u16(b, c);
            }
        } else {
            hv_buf_put(b, s + start, i - start);
        }
    }
    hv_buf_putc(b, '"');
}

static void
write_cstr(json_writer *w, const char *s)
{
    write_string(w, s, strlen(s));
}

static void
write_double(json_writer *w, const hv_value *v)
{
    double d = v->u.d;
    if (isnan(d)) {
        hv_buf_puts(&w->out, "\"NaN\"");
        return;
    }
    if (isinf(d)) {
        hv_buf_puts(&w->out, d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        return;
    }
    char *t = v->sub == HV_N_FLOAT ? hvc_double_r((double)(float)d) : hvc_double_r(d);
    if (v->sub == HV_N_FLOAT) {
        /* a Single prints its own shortest form: re-derive from 9 significant digits */
        char tmp[32];
        for (int p = 1; p <= 9; p++) {
            snprintf(tmp, sizeof tmp, "%.*g", p, d);
            if ((float)strtod(tmp, NULL) == (float)d)
                break;
        }
        free(t);
        t = hvc_double_r(strtod(tmp, NULL));
    }
    hv_buf_puts(&w->out, t);
    /* Newtonsoft's EnsureDecimalPlace: a double always looks like one. */
    if (!strpbrk(t, ".eE"))
        hv_buf_puts(&w->out, ".0");
    free(t);
}

/* DateTime as Newtonsoft's IsoDateTimeConverter: yyyy-MM-ddTHH:mm:ss.FFFFFFFK */
static void
format_iso(hv_buf *b, int64_t ticks, hv_dtkind kind)
{
    hvc_tm tm;
    hvc_ticks_to_tm(ticks, &tm);
    hv_buf_printf(b, "%04d-%02d-%02dT%02d:%02d:%02d", tm.year, tm.month, tm.day, tm.hour,
                  tm.minute, tm.second);
    if (tm.frac7) {
        char f[8];
        snprintf(f, sizeof f, "%07d", tm.frac7);
        size_t n = 7;
        while (n > 0 && f[n - 1] == '0')
            n--;
        hv_buf_putc(b, '.');
        hv_buf_put(b, f, n);
    }
    if (kind == HV_DT_UTC) {
        hv_buf_putc(b, 'Z');
    } else if (kind == HV_DT_LOCAL) {
        /* local ticks -> approximate UTC for the offset lookup */
        long off = hvc_local_offset(ticks);
        off = hvc_local_offset(ticks - (int64_t)off * HVC_TICKS_PER_SEC);
        char sign = off < 0 ? '-' : '+';
        if (off < 0)
            off = -off;
        hv_buf_printf(b, "%c%02ld:%02ld", sign, off / 3600, off / 60 % 60);
    }
}

static void
write_datetime(json_writer *w, const hv_value *v)
{
    hv_buf tmp = {0};
    format_iso(&tmp, v->u.i, (hv_dtkind)v->sub);
    write_string(w, tmp.data, tmp.len);
    hv_buf_free(&tmp);
}

/* TimeSpan is serialized through its public properties, as Newtonsoft reflects them. */
static hv_value
timespan_object(int64_t t)
{
    hv_value o = hv_obj_new(NULL);
    hv_obj_set(&o, "Ticks", hv_long(t));
    hv_obj_set(&o, "Days", hv_int((int32_t)(t / HVC_TICKS_PER_DAY)));
    hv_obj_set(&o, "Hours", hv_int((int32_t)(t / 36000000000LL % 24)));
    hv_obj_set(&o, "Milliseconds", hv_int((int32_t)(t / 10000 % 1000)));
    hv_obj_set(&o, "Microseconds", hv_int((int32_t)(t / 10 % 1000)));
    hv_obj_set(&o, "Nanoseconds", hv_int((int32_t)(t % 10 * 100)));
    hv_obj_set(&o, "Minutes", hv_int((int32_t)(t / 600000000LL % 60)));
    hv_obj_set(&o, "Seconds", hv_int((int32_t)(t / HVC_TICKS_PER_SEC % 60)));
    hv_obj_set(&o, "TotalDays", hv_double((double)t / HVC_TICKS_PER_DAY));
    hv_obj_set(&o, "TotalHours", hv_double((double)t / 36000000000.0));
    hv_obj_set(&o, "TotalMilliseconds", hv_double((double)t / 10000.0));
    hv_obj_set(&o, "TotalMicroseconds", hv_double((double)t / 10.0));
    hv_obj_set(&o, "TotalNanoseconds", hv_double((double)t * 100.0));
    hv_obj_set(&o, "TotalMinutes", hv_double((double)t / 600000000.0));
    hv_obj_set(&o, "TotalSeconds", hv_double((double)t / 1e7));
    return o;
}

static void
write_array(json_writer *w, const hv_value *v, int depth, int indent)
{
    size_t n = hv_array_len(v);
    if (n == 0) {
        hv_buf_puts(&w->out, "[]");
        return;
    }
    hv_buf_putc(&w->out, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            hv_buf_putc(&w->out, ',');
        put_indent(w, indent + 1);
        write_value(w, hv_array_at(v, i), depth + 1, indent + 1);
    }
    put_indent(w, indent);
    hv_buf_putc(&w->out, ']');
}

static void
write_object(json_writer *w, const hv_value *v, int depth, int indent)
{
    size_t n = hvc_props_count(v);
    if (n == 0) {
        hv_buf_puts(&w->out, "{}");
        return;
    }
    hv_buf_putc(&w->out, '{');
    bool first = true;
    if (v->kind == HV_TABLE) {
        const hv_value *k, *val;
        for (size_t it = 0; hv_table_next(v, &it, &k, &val);) {
            if (k->kind != HV_STRING && !w->bad_key_type)
                w->bad_key_type = hv_type_name_of(v);
            if (!first)
                hv_buf_putc(&w->out, ',');
            first = false;
            put_indent(w, indent + 1);
            HV_AUTO hv_value ks = hv_conv_to_string(k, NULL);
            write_string(w, hv_str_cstr(&ks), hv_str_len(&ks));
            hv_buf_puts(&w->out, w->compress ? ":" : ": ");
            write_value(w, val, depth + 1, indent + 1);
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            if (i)
                hv_buf_putc(&w->out, ',');
            put_indent(w, indent + 1);
            write_cstr(w, hv_obj_name_at(v, i));
            hv_buf_puts(&w->out, w->compress ? ":" : ": ");
            write_value(w, hv_obj_value_at(v, i), depth + 1, indent + 1);
        }
    }
    put_indent(w, indent);
    hv_buf_putc(&w->out, '}');
}

static void
write_as_string(json_writer *w, const hv_value *v)
{
    HV_AUTO hv_value s = hv_conv_to_string(v, NULL);
    write_string(w, hv_str_cstr(&s), hv_str_len(&s));
}

static void
write_value(json_writer *w, const hv_value *v, int depth, int indent)
{
    switch ((hv_kind)v->kind) {
    case HV_NULL: hv_buf_puts(&w->out, "null"); return;
    case HV_BOOL: hv_buf_puts(&w->out, v->u.b ? "true" : "false"); return;
    case HV_INT:
        if (v->sub == HV_N_UINT64)
            hv_buf_printf(&w->out, "%llu", (unsigned long long)v->u.u);
        else
            hv_buf_printf(&w->out, "%lld", (long long)v->u.i);
        return;
    case HV_DOUBLE: write_double(w, v); return;
    case HV_CHAR:
    case HV_STRING:
    case HV_BOXED:
    case HV_SCRIPTBLOCK:
    case HV_TYPE: write_as_string(w, v); return;
    case HV_DATETIME: write_datetime(w, v); return;
    case HV_ENUM:
        if (w->enums_as_strings && hv_enum_name(v))
            write_as_string(w, v);
        else
            hv_buf_printf(&w->out, "%d", (int)v->aux);
        return;
    default: break;
    }
    if (depth > w->max_depth) {
        w->truncated = true;
        write_as_string(w, v);
        return;
    }
    if (v->kind == HV_TIMESPAN) {
        HV_AUTO hv_value o = timespan_object(v->u.i);
        write_object(w, &o, depth, indent);
    } else if (v->kind == HV_ARRAY) {
        write_array(w, v, depth, indent);
    } else {
        write_object(w, v, depth, indent);
    }
}

static hv_value
serialize(const hv_value *v, int depth, bool compress, bool enums_as_strings, int escape,
          bool *truncated, const char **bad_key_type)
{
    json_writer w = {.max_depth = depth, .compress = compress,
                     .enums_as_strings = enums_as_strings, .escape = escape};
    write_value(&w, v, 0, 0);
    if (truncated)
        *truncated = w.truncated;
    if (bad_key_type)
        *bad_key_type = w.bad_key_type;
    return hv_buf_finish(&w.out);
}

hv_value
hvc_json_serialize(const hv_value *v, int depth, bool compress, bool enums_as_strings,
                   int escape, bool *truncated)
{
    return serialize(v, depth, compress, enums_as_strings, escape, truncated, NULL);
}

/* ---- ConvertTo-Json ---- */
enum { TJ_INPUT, TJ_DEPTH, TJ_COMPRESS, TJ_ENUMS, TJ_ASARRAY, TJ_ESCAPE, TJ__N };

const hv_param_def hvc_tojson_params[TJ__N + 1] = {
    [TJ_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = 0,
                  .flags = HV_PF_BY_VALUE,
                  .help = "The objects to convert to JSON format. Enter a variable that "
                          "contains the objects, or type a command or expression that gets "
                          "the objects. You can also pipe an object to ConvertTo-Json."},
    [TJ_DEPTH] = {.name = "Depth", .type = HV_PT_INT32, .position = HV_POS_NAMED, .min = 0,
                  .max = 100,
                  .help = "Specifies how many levels of contained objects are included in the "
                          "JSON representation. The default value is 2; the maximum is 100. "
                          "Deeper objects are converted to their string form and a warning "
                          "is written."},
    [TJ_COMPRESS] = {.name = "Compress", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Omits white space and indented formatting in the output string."},
    [TJ_ENUMS] = {.name = "EnumsAsStrings", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Converts all enumerations to their string representation instead "
                          "of their numeric value."},
    [TJ_ASARRAY] = {.name = "AsArray", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "Outputs the object in array brackets, even if the input is a "
                            "single object."},
    [TJ_ESCAPE] = {.name = "EscapeHandling", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                   .accepted = (const char *const[]){"Default", "EscapeNonAscii", "EscapeHtml",
                                                     NULL},
                   .help = "Controls how certain characters are escaped: Default (only "
                           "control characters), EscapeNonAscii (also all non-ASCII "
                           "characters) or EscapeHtml (also HTML characters such as <, >, & "
                           "and quotes)."},
    [TJ__N] = {.name = NULL},
};

typedef struct {
    hv_value items; /* HV_ARRAY of collected inputs */
} tojson_state;
_Static_assert(sizeof(tojson_state) <= HVC_JSON_STATE, "state size");

hv_status
hvc_tojson_process(hv_cmd *cmd, const hv_value *input)
{
    tojson_state *st = hv_cmd_state(cmd);
    if (st->items.kind != HV_ARRAY)
        st->items = hv_array_new(4);
    const hv_value *v = hv_cmd_arg(cmd, TJ_INPUT);
    if (!v)
        v = input;
    hv_array_push(&st->items, hv_ref(v));
    return HV_OK;
}

static int
escape_mode(hv_cmd *cmd)
{
    const hv_value *e = hv_cmd_arg(cmd, TJ_ESCAPE);
    if (!e)
        return ESC_DEFAULT;
    HV_AUTO hv_value s = hv_conv_to_string(e, NULL);
    if (hv_str_eq_ci(hv_str_cstr(&s), "EscapeNonAscii"))
        return ESC_NON_ASCII;
    if (hv_str_eq_ci(hv_str_cstr(&s), "EscapeHtml"))
        return ESC_HTML;
    return ESC_DEFAULT;
}

hv_status
hvc_tojson_end(hv_cmd *cmd)
{
    tojson_state *st = hv_cmd_state(cmd);
    if (st->items.kind != HV_ARRAY) {
        /* no input at all: nothing, or an empty array with -AsArray */
        if (!hv_cmd_switch(cmd, TJ_ASARRAY))
            return HV_OK;
        st->items = hv_array_new(0);
    }
    int depth = (int)hvc_arg_int(cmd, TJ_DEPTH, 2);
    size_t n = hv_array_len(&st->items);
    const hv_value *root = &st->items;
    if (n == 1 && !hv_cmd_switch(cmd, TJ_ASARRAY))
        root = hv_array_at(&st->items, 0);
    else if (n == 1 && hv_array_at(&st->items, 0)->kind == HV_ARRAY)
        root = hv_array_at(&st->items, 0); /* -InputObject @(1,2) -AsArray: one array */
    bool truncated = false;
    const char *bad = NULL;
    hv_value json = serialize(root, depth, hv_cmd_switch(cmd, TJ_COMPRESS),
                              hv_cmd_switch(cmd, TJ_ENUMS), escape_mode(cmd), &truncated, &bad);
    hv_status s;
    if (bad) {
        hv_unref(json);
        return hvc_throw(cmd, HV_CAT_InvalidOperation, "NonStringKeyInDictionary", NULL,
                         "The type '%s' is not supported for serialization or deserialization "
                         "of a dictionary. Keys must be strings.", bad);
    }
    if (truncated &&
        (s = hv_write_warning(cmd, "Resulting JSON is truncated as serialization has "
                                   "exceeded the set depth of %d.", depth)) != HV_OK) {
        hv_unref(json);
        return s;
    }
    return hv_emit(cmd, json);
}

void
hvc_tojson_cleanup(hv_cmd *cmd)
{
    tojson_state *st = hv_cmd_state(cmd);
    hv_unrefp(&st->items);
}

/* ---- ConvertFrom-Json ---- */
enum { FJ_INPUT, FJ_ASHASH, FJ_DEPTH, FJ_NOENUM, FJ__N };

const hv_param_def hvc_fromjson_params[FJ__N + 1] = {
    [FJ_INPUT] = {.name = "InputObject", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                  .help = "Specifies the JSON strings to convert to JSON objects. Enter a "
                          "variable that contains the string, or type a command or "
                          "expression that gets the string. You can also pipe a string to "
                          "ConvertFrom-Json."},
    [FJ_ASHASH] = {.name = "AsHashtable", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Converts the JSON to an ordered hash table instead of a "
                           "PSCustomObject. Keys keep the order of the JSON text and may "
                           "differ only by case."},
    [FJ_DEPTH] = {.name = "Depth", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                  .min = 1, .max = INT32_MAX,
                  .help = "Gets or sets the maximum depth the JSON input is allowed to have. "
                          "The default is 1024."},
    [FJ_NOENUM] = {.name = "NoEnumerate", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Specifies that output isn't enumerated: a JSON array is written "
                           "to the pipeline as a single array object."},
    [FJ__N] = {.name = NULL},
};

typedef struct {
    hv_value lines; /* HV_ARRAY of input strings */
} fromjson_state;
_Static_assert(sizeof(fromjson_state) <= HVC_JSON_STATE, "state size");

hv_status
hvc_fromjson_process(hv_cmd *cmd, const hv_value *input)
{
    fromjson_state *st = hv_cmd_state(cmd);
    if (st->lines.kind != HV_ARRAY)
        st->lines = hv_array_new(4);
    const hv_value *v = hv_cmd_arg(cmd, FJ_INPUT);
    if (!v)
        v = input;
    hv_array_push(&st->lines, hv_conv_to_string(v, NULL));
    return HV_OK;
}

/* Newtonsoft accepts line and block comments; jansson does not, so blank them out. */
static char *
strip_comments(const char *s, size_t len)
{
    char *r = hv_xstrndup(s, len);
    bool in_str = false;
    for (size_t i = 0; i < len; i++) {
        if (in_str) {
            if (r[i] == '\\' && i + 1 < len)
                i++;
            else if (r[i] == '"')
                in_str = false;
        } else if (r[i] == '"') {
            in_str = true;
        } else if (r[i] == '/' && i + 1 < len && r[i + 1] == '/') {
            while (i < len && r[i] != '\n')
                r[i++] = ' ';
        } else if (r[i] == '/' && i + 1 < len && r[i + 1] == '*') {
            r[i] = r[i + 1] = ' ';
            for (i += 2; i < len && !(r[i] == '*' && i + 1 < len && r[i + 1] == '/'); i++)
                if (r[i] != '\n')
                    r[i] = ' ';
            if (i < len)
                r[i] = r[i + 1] = ' ', i++;
        }
    }
    return r;
}

static bool
digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

/* Newtonsoft's DateParseHandling.DateTime: ISO-8601 strings become DateTime values. */
static bool
parse_iso_date(const char *s, size_t len, hv_value *out)
{
    if (len < 19 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
        !digits(s + 8, 2) || s[10] != 'T' || !digits(s + 11, 2) || s[13] != ':' ||
        !digits(s + 14, 2) || s[16] != ':' || !digits(s + 17, 2))
        return false;
    int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8), h = atoi(s + 11), mi = atoi(s + 14),
        se = atoi(s + 17);
    if (mo < 1 || mo > 12 || d < 1 || d > hvc_days_in_month(y, mo) || h > 23 || mi > 59 ||
        se > 59)
        return false;
    int64_t ticks = hvc_tm_to_ticks(y, mo, d, h, mi, se);
    size_t i = 19;
    if (i < len && s[i] == '.') {
        int64_t frac = 0, scale = 1000000;
        size_t nd = 0;
        for (i++; i < len && isdigit((unsigned char)s[i]); i++, nd++) {
            if (nd < 7) {
                frac += (s[i] - '0') * scale;
                scale /= 10;
            }
        }
        if (nd == 0)
            return false;
        ticks += frac;
    }
    hv_dtkind kind = HV_DT_UNSPECIFIED;
    if (i < len && s[i] == 'Z') {
        kind = HV_DT_UTC;
        i++;
    } else if (i + 6 == len && (s[i] == '+' || s[i] == '-') && digits(s + i + 1, 2) &&
               s[i + 3] == ':' && digits(s + i + 4, 2)) {
        long off = (atoi(s + i + 1) * 3600L + atoi(s + i + 4) * 60L) * (s[i] == '-' ? -1 : 1);
        int64_t utc = ticks - (int64_t)off * HVC_TICKS_PER_SEC;
        ticks = utc + (int64_t)hvc_local_offset(utc) * HVC_TICKS_PER_SEC;
        kind = HV_DT_LOCAL;
        i += 6;
    }
    if (i != len)
        return false;
    *out = hv_datetime(ticks, kind);
    return true;
}

typedef struct {
    hv_cmd *cmd;
    bool as_hash;
    int max_depth;
    const char *err_id;  /* NULL: a syntax error (System.ArgumentException) */
    char err[512];
} json_reader;

static bool from_json(json_reader *r, json_t *j, int depth, hv_value *out);

static bool
from_object(json_reader *r, json_t *j, int depth, hv_value *out)
{
    const char *key;
    json_t *val;
    hv_value o = r->as_hash ? hv_table_new(HV_TABLE_ORDERED_HT | HV_TABLE_CASE_SENSITIVE)
                            : hv_obj_new(NULL);
    json_object_foreach(j, key, val) {
        hv_value v;
        if (!from_json(r, val, depth + 1, &v)) {
            hv_unref(o);
            return false;
        }
        if (r->as_hash) {
            hv_table_sets(&o, key, v);
            continue;
        }
        if (!*key) {
            r->err_id = "EmptyKeyInJsonString";
            snprintf(r->err, sizeof r->err,
                     "The provided JSON includes a property whose name is an empty string, this "
                     "is only supported using the -AsHashTable switch.");
            hv_unref(v);
            hv_unref(o);
            return false;
        }
        const char *prev = NULL;
        for (size_t i = 0; i < hv_obj_count(&o); i++)
            if (hv_str_eq_ci(hv_obj_name_at(&o, i), key) &&
                strcmp(hv_obj_name_at(&o, i), key) != 0)
                prev = hv_obj_name_at(&o, i);
        if (prev) {
            r->err_id = "KeysWithDifferentCasingInJsonString";
            snprintf(r->err, sizeof r->err,
                     "Cannot convert the JSON string because it contains keys with "
                     "different casing. Please use the -AsHashtable switch instead. The key "
                     "that was attempted to be added to the existing key '%s' was '%s'.",
                     prev, key);
            hv_unref(v);
            hv_unref(o);
            return false;
        }
        hv_obj_set(&o, key, v);
    }
    *out = o;
    return true;
}

static bool
from_json(json_reader *r, json_t *j, int depth, hv_value *out)
{
    if ((json_is_object(j) || json_is_array(j)) && depth >= r->max_depth) {
        snprintf(r->err, sizeof r->err,
                 "Conversion from JSON failed with error: The reader's MaxDepth of %d has "
                 "been exceeded.", r->max_depth);
        return false;
    }
    switch (json_typeof(j)) {
    case JSON_OBJECT: return from_object(r, j, depth, out);
    case JSON_ARRAY: {
        hv_value a = hv_array_new(json_array_size(j));
        size_t i;
        json_t *e;
        json_array_foreach(j, i, e) {
            hv_value v;
            if (!from_json(r, e, depth + 1, &v)) {
                hv_unref(a);
                return false;
            }
            hv_array_push(&a, v);
        }
        *out = a;
        return true;
    }
    case JSON_STRING: {
        const char *s = json_string_value(j);
        size_t n = json_string_length(j);
        if (!parse_iso_date(s, n, out))
            *out = hv_strn(s, n);
        return true;
    }
    case JSON_INTEGER: *out = hv_long(json_integer_value(j)); return true;
    case JSON_REAL: *out = hv_double(json_real_value(j)); return true;
    case JSON_TRUE: *out = hv_bool(true); return true;
    case JSON_FALSE: *out = hv_bool(false); return true;
    case JSON_NULL: *out = hv_null(); return true;
    }
    return false;
}

static bool
all_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return false;
    return true;
}

/* Parses one text; on a syntax error returns false with r->err set (and *syntax true). */
static bool
parse_text(json_reader *r, const char *s, size_t len, hv_value *out, bool *syntax)
{
    *syntax = false;
    if (all_space(s, len)) {
        *out = hv_null();
        return true;
    }
    char *text = strip_comments(s, len);
    json_error_t e;
    json_t *j = json_loadb(text, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
    if (!j && strstr(e.text, "too big integer"))
        /* beyond Int64 (pwsh: BigInteger): read the numbers as doubles rather than fail */
        j = json_loadb(text, len, JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL,
                       &e);
    free(text);
    if (!j) {
        *syntax = true;
        snprintf(r->err, sizeof r->err,
                 "Conversion from JSON failed with error: %s. Path '', line %d, position %d.",
                 e.text, e.line, e.column);
        return false;
    }
    bool ok = from_json(r, j, 0, out);
    json_decref(j);
    return ok;
}

static hv_status
emit_parsed(hv_cmd *cmd, hv_value v)
{
    if (v.kind == HV_ARRAY && !hv_cmd_switch(cmd, FJ_NOENUM))
        return hv_emit_enum(cmd, v);
    return hv_emit(cmd, v);
}

static hv_status
fail(hv_cmd *cmd, json_reader *r)
{
    if (r->err_id)
        return hvc_throw(cmd, HV_CAT_InvalidOperation, r->err_id, NULL, "%s", r->err);
    return hvc_throw(cmd, HV_CAT_NotSpecified, "System.ArgumentException", NULL, "%s", r->err);
}

hv_status
hvc_fromjson_end(hv_cmd *cmd)
{
    fromjson_state *st = hv_cmd_state(cmd);
    if (st->lines.kind != HV_ARRAY || hv_array_len(&st->lines) == 0)
        return HV_OK;
    json_reader r = {.cmd = cmd, .as_hash = hv_cmd_switch(cmd, FJ_ASHASH),
                     .max_depth = (int)hvc_arg_int(cmd, FJ_DEPTH, 1024)};
    size_t n = hv_array_len(&st->lines);
    hv_value v;
    bool syntax;
    const hv_value *first = hv_array_at(&st->lines, 0);
    /* pwsh: each line on its own if the first one is complete JSON, else all joined. */
    if (parse_text(&r, hv_str_cstr(first), hv_str_len(first), &v, &syntax)) {
        hv_status s = emit_parsed(cmd, v);
        for (size_t i = 1; i < n && s == HV_OK; i++) {
            const hv_value *l = hv_array_at(&st->lines, i);
            if (!parse_text(&r, hv_str_cstr(l), hv_str_len(l), &v, &syntax))
                return fail(cmd, &r);
            s = emit_parsed(cmd, v);
        }
        return s;
    }
    if (!syntax || n == 1)
        return fail(cmd, &r);
    hv_buf all = {0};
    for (size_t i = 0; i < n; i++) {
        if (i)
            hv_buf_putc(&all, '\n');
        const hv_value *l = hv_array_at(&st->lines, i);
        hv_buf_put(&all, hv_str_cstr(l), hv_str_len(l));
    }
    bool ok = parse_text(&r, all.data ? all.data : "", all.len, &v, &syntax);
    hv_buf_free(&all);
    if (!ok)
        return fail(cmd, &r);
    return emit_parsed(cmd, v);
}

void
hvc_fromjson_cleanup(hv_cmd *cmd)
{
    fromjson_state *st = hv_cmd_state(cmd);
    hv_unrefp(&st->lines);
}
