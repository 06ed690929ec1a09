/* pipeline_vtest.h — tiny shared harness for the value/conversion/operator unit tests:
 * ok/not ok lines, and mk("i:5") to build values from short specs. */
#ifndef PIPELINE_VTEST_H
#define PIPELINE_VTEST_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/convert.h"
#include "pipeline/ops.h"
#include "pipeline/value.h"

static int passed, failed;

/* Test names may quote strings with newlines: keep each result on one line. */
static void
vt_print_name(const char *what)
{
    for (; *what; what++) {
        if (*what == '\n')
            fputs("\\n", stdout);
        else
            putchar(*what);
    }
}

static void
vt_check(bool ok, const char *what, int line)
{
    if (ok)
        passed++;
    else
        failed++;
    fputs(ok ? "ok - " : "not ok - ", stdout);
    vt_print_name(what);
    if (!ok)
        printf(" (line %d)", line);
    putchar('\n');
}
#define CHECK(cond) vt_check((cond), #cond, __LINE__)

/* Specs: n | b:1 | i:5 | l:5 | u:5 | y:5 (byte) | d:2.5 | f:2.5 (float) | m:2.5 (decimal)
 * | s:text | c:x (char) | a:1,2,3 (array of int specs separated by ',' -> ints/strings) */
static hv_value
mk(const char *spec)
{
    const char *v = spec + 2;
    switch (spec[0]) {
    case 'n': return hv_null();
    case 'b': return hv_bool(*v == '1');
    case 'i': return hv_int((int32_t)strtol(v, NULL, 0));
    case 'l': return hv_long(strtoll(v, NULL, 0));
    case 'u': return hv_uint64(strtoull(v, NULL, 0));
    case 'y': return hv_intk(strtol(v, NULL, 0), HV_N_BYTE);
    case 'd': return hv_double(strtod(v, NULL));
    case 'f': return hv_doublek((double)strtof(v, NULL), HV_N_FLOAT);
    case 'm': return hv_doublek(strtod(v, NULL), HV_N_DECIMAL);
    case 's': return hv_str(v);
    case 'c': { size_t i = 0; return hv_char(hv_utf8_next(v, strlen(v), &i)); }
    case 'a': {
        hv_value a = hv_array_new(4);
        char *copy = hv_xstrdup(v), *save = NULL;
        for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
            char *end;
            long x = strtol(t, &end, 10);
            hv_array_push(&a, *end || end == t ? hv_str(t) : hv_int((int32_t)x));
        }
        free(copy);
        return a;
    }
    default: return hv_null();
    }
}

/* Compare a value's string form (and optionally its .NET type name); consumes v. */
static bool
vt_is(hv_value v, const char *want, const char *type)
{
    hv_value s = hv_conv_to_string(&v, NULL);
    bool ok = strcmp(hv_str_cstr(&s), want) == 0;
    if (type && strcmp(hv_type_name_of(&v), type) != 0)
        ok = false;
    if (!ok)
        printf("# got \"%s\" [%s], want \"%s\" [%s]\n", hv_str_cstr(&s), hv_type_name_of(&v), want,
               type ? type : "*");
    hv_unref(s);
    hv_unref(v);
    return ok;
}
#define IS(v, want, type) vt_check(vt_is((v), (want), (type)), #v " == " want, __LINE__)

static bool
vt_err(bool ok, const hv_conv_err *e, const char *want)
{
    if (ok) {
        printf("# expected an error: %s\n", want);
        return false;
    }
    if (strcmp(e->msg, want) != 0) {
        printf("# got error: %s\n# want:      %s\n", e->msg, want);
        return false;
    }
    return true;
}
#define ERR(call, e, want) vt_check(vt_err((call), &(e), (want)), #call " fails", __LINE__)
#endif
