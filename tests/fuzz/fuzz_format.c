/* fuzz_format.c — libFuzzer target: the -f operator's composite formatting
 * (hv_conv_format: "{0,-10:N2}"), single-value format specifiers (hv_conv_format_one:
 * "N2", "X8", "yyyy"...) and the datetime / timespan custom formats, with the input as the
 * format string and a fixed set of arguments of every kind. Must never crash, read out of
 * bounds, leak, or allocate without bound (.NET caps alignment and precision). */
/* FUZZ_SOURCES: parser/[a-z]*.c pipeline/[a-z]*.c */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/convert.h"
#include "pipeline/value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Precision and alignment up to 999999999 are valid in .NET and produce that many
 * characters (linear, but seconds under ASan); more than 6 digits in a row only measures
 * the allocator, so such inputs are left out (returning -1 keeps them out of the corpus). */
static bool
long_number(const uint8_t *data, size_t size)
{
    size_t run = 0;
    for (size_t i = 0; i < size; i++) {
        run = (data[i] >= '0' && data[i] <= '9') ? run + 1 : 0;
        if (run > 6)
            return true;
    }
    return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (long_number(data, size))
        return -1;
    char *fmt = malloc(size + 1);
    memcpy(fmt, data, size);
    fmt[size] = 0;
    hv_value args[] = {
        hv_int(42),
        hv_long(-1234567890123LL),
        hv_double(-3.5e-7),
        hv_str("abc"),
        hv_null(),
        hv_datetime(638000000000000000LL, HV_DT_LOCAL),
        hv_timespan(-1234567890123LL),
        hv_char('Z'),
        hv_uint64(UINT64_MAX),
        hv_bool(true),
        hv_double(NAN),
        hv_double(-INFINITY),
        hv_int(INT32_MIN),
        hv_double(1e308),
    };
    size_t nargs = sizeof args / sizeof *args;
    hv_value out;
    hv_conv_err err;
    if (hv_conv_format(fmt, args, nargs, &out, &err))
        hv_unref(out);
    /* as a single specifier, on each kind of value (bounded: specifiers are short) */
    if (size <= 64)
        for (size_t i = 0; i < nargs; i++) {
            hv_value r = hv_conv_format_one(&args[i], fmt);
            hv_unref(r);
        }
    hv_value d = hv_dt_format(638000000000000000LL, HV_DT_UTC, fmt);
    hv_unref(d);
    hv_value t = hv_ts_format(-1234567890123LL, fmt);
    hv_unref(t);
    for (size_t i = 0; i < nargs; i++)
        hv_unref(args[i]);
    free(fmt);
    return 0;
}
