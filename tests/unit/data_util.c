/* data_util.c — unit tests of the C2 helpers: .NET "R" doubles, the civil calendar, relative
 * paths, provider prefixes and the JSON writer. */
#include "cmdlets/data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static void
check(bool ok, const char *what)
{
    printf("%s - %s\n", ok ? "ok" : "not ok", what);
    if (ok)
        passed++;
    else
        failed++;
}

static void
check_str(const char *got, const char *want, const char *what)
{
    bool ok = got && strcmp(got, want) == 0;
    if (!ok)
        printf("# got '%s', want '%s'\n", got ? got : "(null)", want);
    check(ok, what);
}

static void
test_double_r(void)
{
    static const struct {
        double d;
        const char *want;
    } cases[] = {
        {1e20, "1E+20"},       {0.1 + 0.2, "0.30000000000000004"},
        {1.0, "1"},            {3.25, "3.25"},
        {1e15, "1E+15"},       {1e14, "100000000000000"},
        {0.0001, "0.0001"},    {0.00001, "1E-05"},
        {-2.5, "-2.5"},        {1.5e-7, "1.5E-07"},
        {1.7976931348623157e308, "1.7976931348623157E+308"},
        {0.059027777777777776, "0.059027777777777776"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = hvc_double_r(cases[i].d);
        char what[64];
        snprintf(what, sizeof what, "double R format of %s", cases[i].want);
        check_str(s, cases[i].want, what);
        free(s);
    }
}

static void
test_calendar(void)
{
    hvc_tm tm;
    int64_t t = hvc_tm_to_ticks(2024, 3, 5, 6, 7, 8);
    hvc_ticks_to_tm(t, &tm);
    check(tm.year == 2024 && tm.month == 3 && tm.day == 5 && tm.hour == 6 && tm.minute == 7 &&
              tm.second == 8,
          "ticks round trip 2024-03-05 06:07:08");
    check(tm.dow == 2, "2024-03-05 is a Tuesday");
    check(tm.doy == 65, "2024-03-05 is day 65");
    check(hvc_tm_to_ticks(1970, 1, 1, 0, 0, 0) == HVC_UNIX_EPOCH_TICKS, "unix epoch ticks");
    hvc_ticks_to_tm(hvc_tm_to_ticks(2000, 12, 31, 23, 59, 59), &tm);
    check(tm.doy == 366 && tm.dow == 0, "2000-12-31 is day 366, a Sunday");
    check(hvc_days_in_month(2100, 2) == 28 && hvc_days_in_month(2000, 2) == 29,
          "century leap years");
    hvc_ticks_to_tm(0, &tm);
    check(tm.year == 1 && tm.month == 1 && tm.day == 1 && tm.dow == 1, "0001-01-01 Monday");
}

static void
test_relative(void)
{
    static const struct {
        const char *full, *base, *want;
    } cases[] = {
        {"/a/b/c.txt", "/a/b", "./c.txt"}, {"/a/b", "/a/b", "."},
        {"/a/x", "/a/b", "../x"},          {"/x", "/", "./x"},
        {"/a", "/a/b/c", "../.."},         {"/ab/c", "/a", "../ab/c"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *r = hvc_relative_path(cases[i].full, cases[i].base);
        char what[96];
        snprintf(what, sizeof what, "relative path of %s from %s", cases[i].full, cases[i].base);
        check_str(r, cases[i].want, what);
        free(r);
    }
}

static void
test_providers(void)
{
    const char *rest;
    check(hvc_path_provider("env:HOME", &rest) == HVC_PROV_ENV && strcmp(rest, "HOME") == 0,
          "env:HOME is the Environment provider");
    check(hvc_path_provider("Env:\\PATH", &rest) == HVC_PROV_ENV && strcmp(rest, "PATH") == 0,
          "Env:\\PATH strips the separator");
    check(hvc_path_provider("variable:x", &rest) == HVC_PROV_VARIABLE, "variable: drive");
    check(hvc_path_provider("function:f", &rest) == HVC_PROV_FUNCTION, "function: drive");
    check(hvc_path_provider("alias:", &rest) == HVC_PROV_ALIAS && *rest == '\0', "alias: root");
    check(hvc_path_provider("/tmp/a:b", &rest) == HVC_PROV_FS, "a colon in a file path");
    check(hvc_path_provider("C:\\VMs", &rest) == HVC_PROV_UNKNOWN && strcmp(rest, "VMs") == 0,
          "C:\\VMs names a drive that does not exist");
    check(hvc_path_provider("temp:/x", &rest) == HVC_PROV_FS, "temp: is the file system");
}

static void
test_json(void)
{
    hv_value o = hv_table_new(HV_TABLE_ORDERED);
    hv_table_sets(&o, "a", hv_int(1));
    hv_value arr = hv_array_new(2);
    hv_array_push(&arr, hv_str("x\"y"));
    hv_array_push(&arr, hv_bool(true));
    hv_table_sets(&o, "b", arr);
    hv_table_sets(&o, "c", hv_double(2.0));
    bool trunc = true;
    hv_value s = hvc_json_serialize(&o, 2, true, false, 0, &trunc);
    check_str(hv_str_cstr(&s), "{\"a\":1,\"b\":[\"x\\\"y\",true],\"c\":2.0}", "compact JSON");
    check(!trunc, "no truncation at depth 2");
    hv_unref(s);
    s = hvc_json_serialize(&o, 2, false, false, 0, NULL);
    check_str(hv_str_cstr(&s), "{\n  \"a\": 1,\n  \"b\": [\n    \"x\\\"y\",\n    true\n  ],\n"
                               "  \"c\": 2.0\n}",
              "indented JSON");
    hv_unref(s);
    s = hvc_json_serialize(&o, 0, true, false, 0, &trunc);
    check_str(hv_str_cstr(&s), "{\"a\":1,\"b\":\"x\\\"y True\",\"c\":2.0}",
              "depth 0 stringifies the array");
    check(trunc, "truncation reported");
    hv_unref(s);
    hv_unref(o);
    hv_value ctl = hv_str("\x01\t\xe2\x80\xa8");
    s = hvc_json_serialize(&ctl, 2, true, false, 0, NULL);
    check_str(hv_str_cstr(&s), "\"\\u0001\\t\\u2028\"", "control characters and U+2028");
    hv_unref(s);
    hv_unref(ctl);
}

static void
test_encodings(void)
{
    hv_buf b = {0};
    hvc_encode(HVC_ENC_UTF16LE, "h\xc3\xa9", 3, true, &b);
    check(b.len == 6 && memcmp(b.data, "\xff\xfeh\0\xe9\0", 6) == 0, "UTF-16LE with BOM");
    hv_buf back = {0};
    size_t bom;
    hvc_encoding e = hvc_detect_bom((const unsigned char *)b.data, b.len, HVC_ENC_UTF8, &bom);
    check(e == HVC_ENC_UTF16LE && bom == 2, "BOM detected as UTF-16LE");
    hvc_decode(e, (const unsigned char *)b.data + bom, b.len - bom, &back);
    check(back.len == 3 && memcmp(back.data, "h\xc3\xa9", 3) == 0, "UTF-16LE decodes back");
    hv_buf_free(&b);
    hv_buf_free(&back);
    hvc_encode(HVC_ENC_UTF16BE, "\xf0\x9f\x98\x80", 4, false, &b); /* U+1F600: a surrogate pair */
    check(b.len == 4 && memcmp(b.data, "\xd8\x3d\xde\x00", 4) == 0, "UTF-16BE surrogates");
    hvc_decode(HVC_ENC_UTF16BE, (const unsigned char *)b.data, b.len, &back);
    check(back.len == 4 && memcmp(back.data, "\xf0\x9f\x98\x80", 4) == 0,
          "UTF-16BE surrogates decode");
    hv_buf_free(&b);
    hv_buf_free(&back);
    hvc_encode(HVC_ENC_ASCII, "a\xc3\xa9", 3, true, &b);
    check(b.len == 2 && memcmp(b.data, "a?", 2) == 0, "ASCII replaces non-ASCII with ?");
    hv_buf_free(&b);
    hvc_encode(HVC_ENC_UTF8BOM, "x", 1, true, &b);
    check(b.len == 4 && memcmp(b.data, "\xef\xbb\xbfx", 4) == 0, "utf8BOM writes the BOM");
    hv_buf_free(&b);
}

int
main(void)
{
    test_encodings();
    test_double_r();
    test_calendar();
    test_relative();
    test_providers();
    test_json();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
