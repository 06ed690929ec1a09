/* pipeline_value_fuzz.c — randomized robustness checks of the value layer: random text
 * through number/date/timespan parsing, composite formatting, format specifiers, wildcards,
 * regexes, every binary operator and common string methods; extreme numbers through
 * arithmetic, casts, formatting, date arithmetic and [math]. Deterministic seeds. The checks
 * are "no crash, no leak, no undefined behaviour": meaningful under the ASan/UBSan build
 * (make check), a smoke test otherwise. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/convert.h"
#include "pipeline/methods.h"
#include "pipeline/ops.h"

static const char alpha[] = "0123456789abcxyzABCXYZ{}[]()*?.,:;-+ $%#'\"\\/`^|&!ymdhHsfFtKzgEeNPDXCGR0#\xc3\xa9\xe2\x80\x93\n\t";
static void rnd(char *b, int max) {
    int n = rand() % max;
    for (int i = 0; i < n; i++) b[i] = alpha[rand() % (sizeof alpha - 1)];
    b[n] = 0;
}

static hv_value rndnum(void) {
    static const double ds[] = {0, -0.0, 1, -1, 0.5, 2.5, -2.5, 1e300, -1e300, 1e-300, 9.3e18, -9.3e18, 2147483648.0, 4294967296.0, 1.8446744073709552e19, NAN, INFINITY, -INFINITY, 79228162514264337593543950336.0};
    static const int64_t is[] = {0, 1, -1, INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, 255, 256, -129, 65535, 4294967295LL};
    int k = rand() % 6;
    switch (k) {
    case 0: return hv_double(ds[rand() % (sizeof ds / sizeof ds[0])]);
    case 1: return hv_int((int32_t)is[rand() % 5]);
    case 2: return hv_long(is[rand() % (sizeof is / sizeof is[0])]);
    case 3: return hv_uint64((uint64_t)is[rand() % (sizeof is / sizeof is[0])]);
    case 4: return hv_doublek(ds[rand() % (sizeof ds / sizeof ds[0])], HV_N_DECIMAL);
    default: return hv_timespan(is[rand() % (sizeof is / sizeof is[0])]);
    }
}

static void
fuzz_text(int iters, unsigned seed)
{
    srand(seed);
    char a[64], b[64];
    for (int i = 0; i < iters; i++) {
        rnd(a, 40); rnd(b, 20);
        hv_value out; hv_conv_err e; int64_t t; hv_dtkind k;
        if (hv_conv_parse_number(a, strlen(a), &out)) hv_unref(out);
        if (hv_dt_parse(a, &t, &k)) { hv_value s = hv_dt_format(t, k, b); hv_unref(s); }
        if (hv_ts_parse(a, &t)) { hv_value s = hv_ts_format(t, b); hv_unref(s); }
        hv_value args[3] = {hv_double((double)rand() / 7.0 - 1000), hv_int(rand() - RAND_MAX / 2), hv_str(b)};
        if (hv_conv_format(a, args, 3, &out, &e)) hv_unref(out);
        hv_value f1 = hv_conv_format_one(&args[0], b); hv_unref(f1);
        hv_value f2 = hv_conv_format_one(&args[1], b); hv_unref(f2);
        hv_value dtv = hv_datetime(((int64_t)rand() * 1000003) % 3155378975999999999LL, HV_DT_UNSPECIFIED);
        hv_value f3 = hv_conv_format_one(&dtv, b); hv_unref(f3);
        (void)hv_wildcard_match(b, a, rand() & 1);
        hv_regex *re = hv_regex_get(b, rand() & 1, &e);
        if (re) {
            hv_value m; if (hv_regex_match(re, a, strlen(a), &m)) hv_unref(m);
            hv_value r = hv_regex_replace(re, a, strlen(a), "$1${x}$$"); hv_unref(r);
            hv_value sp = hv_regex_split(re, a, strlen(a), (rand() % 5) - 2); hv_unref(sp);
        }
        hv_value sa = hv_str(a), sb = hv_str(b);
        for (int op = 0; op < HV_OP__COUNT; op++) {
            if (op == HV_OP_IS || op == HV_OP_ISNOT || op == HV_OP_AS) continue;
            hv_value m = hv_null();
            if (hv_op_binary((hv_binop)op, rand() & 1, &sa, &sb, &out, &m, &e)) hv_unref(out);
            hv_unref(m);
            if (hv_op_binary((hv_binop)op, 0, &args[0], &sa, &out, NULL, &e)) hv_unref(out);
            if (hv_op_binary((hv_binop)op, 0, &args[1], &args[0], &out, NULL, &e)) hv_unref(out);
        }
        static const char *const meths[] = {"Substring", "Split", "Replace", "IndexOf", "PadLeft", "Trim", "Insert", "Remove", "ToCharArray", "LastIndexOf", "Contains"};
        hv_value margs[2] = {hv_int(rand() % 10 - 2), hv_ref(&sb)};
        for (size_t mi = 0; mi < sizeof meths / sizeof meths[0]; mi++) {
            if (hv_methods_invoke(&sa, meths[mi], margs, rand() % 3, &out, &e) == 1) hv_unref(out);
            if (hv_methods_invoke(&sa, meths[mi], margs + 1, 1, &out, &e) == 1) hv_unref(out);
        }
        hv_unref(margs[1]);
        for (int ti = 0; ti < 6; ti++) {
            static const char *const tn[] = {"int", "double", "datetime", "timespan", "char", "DayOfWeek"};
            if (hv_conv_to_type(&sa, hv_type_lookup(tn[ti]), &out, &e)) hv_unref(out);
        }
        hv_unref(sa); hv_unref(sb);
        for (int j = 0; j < 3; j++) hv_unref(args[j]);
    }
}

static void
fuzz_numbers(int iters, unsigned seed)
{
    srand(seed);
    static const char *const types[] = {"int", "long", "byte", "sbyte", "int16", "uint16", "uint32", "uint64", "double", "float", "decimal", "char", "datetime", "timespan", "bool", "string", "DayOfWeek", "version"};
    static const char *const specs[] = {"N2", "X", "D5", "F3", "E2", "P1", "C", "G3", "R", "0.00", "#,##0", "0.0E+00", "hh\\:mm", "c", "g", "G", "yyyy"};
    for (int i = 0; i < iters; i++) {
        hv_value a = rndnum(), b = rndnum(), out; hv_conv_err e;
        for (int op = 0; op <= HV_OP_SHR; op++)
            if (hv_op_binary((hv_binop)op, 0, &a, &b, &out, NULL, &e)) hv_unref(out);
        for (int op = HV_OP_EQ; op <= HV_OP_LE; op++)
            if (hv_op_binary((hv_binop)op, 0, &a, &b, &out, NULL, &e)) hv_unref(out);
        for (int u = 0; u < 4; u++)
            if (hv_op_unary((hv_unop)u, &a, &out, &e)) hv_unref(out);
        for (size_t t = 0; t < sizeof types / sizeof types[0]; t++)
            if (hv_conv_to_type(&a, hv_type_lookup(types[t]), &out, &e)) hv_unref(out);
        for (size_t s = 0; s < sizeof specs / sizeof specs[0]; s++) { out = hv_conv_format_one(&a, specs[s]); hv_unref(out); }
        hv_value sa = hv_conv_to_string(&a, NULL); hv_unref(sa);
        int64_t ti = 0; hv_dt_make(2026, 1, 1, 0, 0, 0, 0, &ti);
        hv_value dt = hv_datetime(ti, HV_DT_LOCAL);
        static const char *const dm[] = {"AddDays", "AddTicks", "AddMonths", "AddYears", "AddSeconds", "Subtract", "Add"};
        for (size_t m = 0; m < sizeof dm / sizeof dm[0]; m++)
            if (hv_methods_invoke(&dt, dm[m], &a, 1, &out, &e) == 1) hv_unref(out);
        static const char *const ms[] = {"Round", "Abs", "Floor", "Pow", "Max", "Sqrt", "Sign", "Truncate"};
        hv_value args[2] = {a, b};
        for (size_t m = 0; m < sizeof ms / sizeof ms[0]; m++) {
            if (hv_methods_invoke_static(hv_type_lookup("math"), ms[m], args, 1, &out, &e) == 1) hv_unref(out);
            if (hv_methods_invoke_static(hv_type_lookup("math"), ms[m], args, 2, &out, &e) == 1) hv_unref(out);
        }
        static const char *const ts[] = {"FromSeconds", "FromDays", "FromMilliseconds"};
        for (size_t m = 0; m < 3; m++)
            if (hv_methods_invoke_static(hv_type_lookup("timespan"), ts[m], &a, 1, &out, &e) == 1) hv_unref(out);
        if (hv_methods_invoke_static(hv_type_lookup("Convert"), "ToString", args, 2, &out, &e) == 1) hv_unref(out);
        hv_value r; if (hv_op_range(&a, &b, &r, &e)) hv_unref(r);
    }
}

int
main(void)
{
    int passed = 0;
    for (unsigned seed = 1; seed <= 4; seed++) {
        fuzz_text(400, seed);
        printf("ok - random text, seed %u\n", seed);
        passed++;
        fuzz_numbers(300, seed);
        printf("ok - extreme numbers, seed %u\n", seed);
        passed++;
    }
    printf("%d passed, 0 failed\n", passed);
    return 0;
}
