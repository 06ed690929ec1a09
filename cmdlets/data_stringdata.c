/* data_stringdata.c — ConvertFrom-StringData: "name = value" lines into a hashtable, as
 * pwsh's ConvertFromStringDataCommand does (trimmed lines; '#' comments and blank lines
 * skipped; the first delimiter splits; names and values trimmed; values Regex.Unescape'd;
 * a malformed line or a repeated name is a terminating error). */
#include <string.h>

#include "cmdlets/data.h"
#include "pipeline/convert.h"

enum { SD_DATA, SD_DELIM, SD__N };

const hv_param_def hvc_stringdata_params[SD__N + 1] = {
    [SD_DATA] = {.name = "StringData", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                 .help = "Specifies the string to be converted: one key-value pair per line "
                         "(\"name = value\"). Blank lines and lines that start with # are "
                         "ignored."},
    [SD_DELIM] = {.name = "Delimiter", .type = HV_PT_STRING, .position = 1,
                  .help = "Specifies the character that separates the key from the value. "
                          "The default is the equal sign (=)."},
    [SD__N] = {.name = NULL},
};

static bool
is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* s[*b..*e) trimmed of white space */
static void
trim(const char *s, size_t *b, size_t *e)
{
    while (*b < *e && is_blank(s[*b]))
        (*b)++;
    while (*e > *b && is_blank(s[*e - 1]))
        (*e)--;
}

static int
hexdig(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* \uXXXX / \xHH: the code point of n hex digits at s, or -1 */
static long
hexrun(const char *s, size_t avail, size_t n)
{
    if (avail < n)
        return -1;
    long cp = 0;
    for (size_t i = 0; i < n; i++) {
        int d = hexdig(s[i]);
        if (d < 0)
            return -1;
        cp = cp * 16 + d;
    }
    return cp;
}

/* .NET Regex.Unescape of s[0..n): control escapes, \xHH, \uXXXX; any other escaped
 * character stands for itself. */
static void
unescape(const char *s, size_t n, hv_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 == n) {
            hv_buf_put(out, &s[i], 1);
            continue;
        }
        char c = s[++i], r;
        long cp;
        switch (c) {
        case 'n': r = '\n'; break;
        case 't': r = '\t'; break;
        case 'r': r = '\r'; break;
        case 'a': r = '\a'; break;
        case 'f': r = '\f'; break;
        case 'v': r = '\v'; break;
        case 'e': r = 27; break;
        case 'x':
        case 'u':
            cp = hexrun(s + i + 1, n - i - 1, c == 'x' ? 2 : 4);
            if (cp >= 0) {
                char u[4];
                hv_buf_put(out, u, hv_utf8_put(u, (uint32_t)cp));
                i += c == 'x' ? 2 : 4;
                continue;
            }
            r = c;
            break;
        default: r = c; break;
        }
        hv_buf_put(out, &r, 1);
    }
}

hv_status
hvc_stringdata_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const char *s = hvc_arg_str(cmd, SD_DATA);
    const char *d = hvc_arg_str(cmd, SD_DELIM);
    char delim = d && *d ? d[0] : '=';
    hv_value t = hv_table_new(0);
    for (size_t pos = 0; s && s[pos];) {
        size_t end = pos;
        while (s[end] && s[end] != '\n')
            end++;
        size_t b = pos, e = end;
        pos = s[end] ? end + 1 : end;
        trim(s, &b, &e);
        if (b == e || s[b] == '#')
            continue;
        const char *dp = memchr(s + b, delim, e - b);
        if (!dp || dp == s + b) {
            hv_unref(t);
            return hvc_throw(cmd, HV_CAT_InvalidOperation,
                             "InvalidOperation",
                             NULL, "Data line '%.*s' is not in 'name=value' format.", (int)(e - b),
                             s + b);
        }
        size_t kb = b, ke = (size_t)(dp - s), vb = ke + 1, ve = e;
        trim(s, &kb, &ke);
        trim(s, &vb, &ve);
        hv_value key = hv_strn(s + kb, ke - kb);
        if (hv_table_get(&t, &key)) {
            hv_unref(key);
            hv_unref(t);
            return hvc_throw(cmd, HV_CAT_InvalidOperation,
                             "InvalidOperation",
                             NULL, "Data item '%.*s' in line '%.*s' is already defined.",
                             (int)(ke - kb), s + kb, (int)(e - b), s + b);
        }
        hv_buf v = {0};
        unescape(s + vb, ve - vb, &v);
        hv_table_set(&t, key, hv_strn(v.data ? v.data : "", v.len));
        hv_buf_free(&v);
    }
    return hv_emit(cmd, t);
}
