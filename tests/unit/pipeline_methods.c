/* pipeline_methods.c — the .NET member surface (methods.c): string, array/ArrayList,
 * hashtable, datetime, timespan, number, type members, and static members of [math],
 * [string], [int], [char], [datetime], [timespan], [guid], [System.IO.Path], [Environment],
 * [System.IO.File], [System.IO.Directory], [Convert], [System.Text.Encoding],
 * [BitConverter], [regex], [ipaddress], [version], [enum]. Expected values follow the .NET
 * documentation of each member as pwsh 7.4 surfaces it. */
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline/methods.h"
#include "pipeline_vtest.h"

/* Call v.name(args...) where args are mk() specs; NULL-terminated spec list. */
static hv_value
callm(hv_value v, const char *name, const char *const *specs, hv_conv_err *e, int *rc)
{
    hv_value args[8] = {{0}};
    size_t n = 0;
    for (; specs && specs[n]; n++)
        args[n] = mk(specs[n]);
    hv_value out = hv_null();
    *rc = hv_methods_invoke(&v, name, args, n, &out, e);
    for (size_t i = 0; i < n; i++)
        hv_unref(args[i]);
    hv_unref(v);
    if (*rc != 1)
        return hv_str(*rc == 0 ? "<no method>" : "<error>");
    return out;
}
#define M(v, name, want, type, ...)                                                         \
    do {                                                                                   \
        const char *const sp_[] = {__VA_ARGS__};                                           \
        hv_conv_err e_ = {{0}};                                                            \
        int rc_;                                                                           \
        hv_value r_ = callm((v), name, sp_, &e_, &rc_);                                    \
        if (rc_ < 0)                                                                       \
            printf("# %s\n", e_.msg);                                                      \
        vt_check(vt_is(r_, want, type), #v "." name " -> " want, __LINE__);                \
    } while (0)
#define MERR(v, name, want, ...)                                                            \
    do {                                                                                   \
        const char *const sp_[] = {__VA_ARGS__};                                           \
        hv_conv_err e_ = {{0}};                                                            \
        int rc_;                                                                           \
        hv_value r_ = callm((v), name, sp_, &e_, &rc_);                                    \
        hv_unref(r_);                                                                      \
        vt_check(vt_err(rc_ >= 0, &e_, want), #v "." name " fails", __LINE__);             \
    } while (0)

static bool
vt_is_bar(hv_value v, const char *want)
{
    hv_value s = hv_conv_to_string(&v, "|");
    bool ok = v.kind == HV_ARRAY && strcmp(hv_str_cstr(&s), want) == 0;
    if (!ok)
        printf("# got \"%s\", want \"%s\"\n", hv_str_cstr(&s), want);
    hv_unref(s);
    hv_unref(v);
    return ok;
}
#define MJ(v, name, want, ...)                                                              \
    do {                                                                                   \
        const char *const sp_[] = {__VA_ARGS__};                                           \
        hv_conv_err e_ = {{0}};                                                            \
        int rc_;                                                                           \
        hv_value r_ = callm((v), name, sp_, &e_, &rc_);                                    \
        vt_check(vt_is_bar(r_, want), #v "." name " -> " want, __LINE__);                  \
    } while (0)

static hv_value
callst(const char *type, const char *name, hv_value *args, size_t n, hv_conv_err *e, int *rc)
{
    const hv_type_info *t = hv_type_lookup(type);
    hv_value out = hv_null();
    *rc = t ? hv_methods_invoke_static(t, name, args, n, &out, e) : 0;
    for (size_t i = 0; i < n; i++)
        hv_unref(args[i]);
    if (*rc != 1)
        return hv_str(*rc == 0 ? "<no method>" : "<error>");
    return out;
}
#define S(type, name, want, rtype, ...)                                                     \
    do {                                                                                   \
        hv_value a_[] = {hv_null(), __VA_ARGS__};                                          \
        hv_conv_err e_ = {{0}};                                                            \
        int rc_;                                                                           \
        hv_value r_ = callst(type, name, a_ + 1, sizeof a_ / sizeof a_[0] - 1, &e_, &rc_); \
        if (rc_ < 0)                                                                       \
            printf("# %s\n", e_.msg);                                                      \
        vt_check(vt_is(r_, want, rtype), "[" type "]::" name " -> " want, __LINE__);       \
    } while (0)
#define S0(type, name, want, rtype)                                                         \
    do {                                                                                   \
        hv_conv_err e_ = {{0}};                                                            \
        int rc_;                                                                           \
        hv_value r_ = callst(type, name, NULL, 0, &e_, &rc_);                              \
        vt_check(vt_is(r_, want, rtype), "[" type "]::" name "() -> " want, __LINE__);     \
    } while (0)
#define SERR(type, name, want, ...)                                                         \
    do {                                                                                   \
        hv_value a_[] = {hv_null(), __VA_ARGS__};                                          \
        hv_conv_err e_ = {{0}};                                                            \
        int rc_;                                                                           \
        hv_value r_ = callst(type, name, a_ + 1, sizeof a_ / sizeof a_[0] - 1, &e_, &rc_); \
        hv_unref(r_);                                                                      \
        vt_check(vt_err(rc_ >= 0, &e_, want), "[" type "]::" name " fails", __LINE__);     \
    } while (0)

static bool
prop_is(hv_value v, const char *name, const char *want, const char *type)
{
    hv_value out;
    bool ok = hv_methods_property(&v, name, &out);
    hv_unref(v);
    if (!ok) {
        printf("# no property %s\n", name);
        return false;
    }
    return vt_is(out, want, type);
}
#define P(v, name, want, type) vt_check(prop_is((v), name, want, type), #v "." name " -> " want, __LINE__)

static bool
sprop_is(const char *type, const char *name, const char *want, const char *rtype)
{
    hv_value out;
    const hv_type_info *t = hv_type_lookup(type);
    if (!t || !hv_methods_static_property(t, name, &out)) {
        printf("# no static property %s::%s\n", type, name);
        return false;
    }
    return vt_is(out, want, rtype);
}
#define SP(type, name, want, rtype) vt_check(sprop_is(type, name, want, rtype), "[" type "]::" name " -> " want, __LINE__)

static void
test_strings(void)
{
    P(hv_str("hello"), "Length", "5", "System.Int32");
    P(hv_str("héllo😀"), "Length", "7", NULL);
    M(hv_str("Hello World"), "Substring", "World", "System.String", "i:6", NULL);
    M(hv_str("Hello World"), "Substring", "ell", NULL, "i:1", "i:3", NULL);
    M(hv_str("héllo"), "Substring", "llo", NULL, "i:2", NULL);
    MERR(hv_str("abc"), "Substring",
         "Exception calling \"Substring\" with \"1\" argument(s): \"startIndex cannot be larger than length of string. (Parameter 'startIndex')\"",
         "i:5", NULL);
    MERR(hv_str("abc"), "Substring",
         "Exception calling \"Substring\" with \"2\" argument(s): \"Index and length must refer to a location within the string. (Parameter 'length')\"",
         "i:1", "i:5", NULL);
    MERR(hv_str("abc"), "Substring", "Cannot find an overload for \"Substring\" and the argument count: \"3\".",
         "i:1", "i:1", "i:1", NULL);
    M(hv_str("a-b-c"), "Replace", "a+b+c", NULL, "s:-", "s:+", NULL);
    M(hv_str("aAa"), "Replace", "xAx", NULL, "s:a", "s:x", NULL);
    M(hv_str("aAa"), "Replace", "xxx", NULL, "s:a", "s:x", "s:OrdinalIgnoreCase", NULL);
    M(hv_str("abc"), "Replace", "ac", NULL, "s:b", "n", NULL);
    MERR(hv_str("abc"), "Replace",
         "Exception calling \"Replace\" with \"2\" argument(s): \"String cannot be of zero length. (Parameter 'oldValue')\"",
         "s:", "s:x", NULL);
    MJ(hv_str("a,b,,c"), "Split", "a|b||c", "s:,", NULL);
    MJ(hv_str("a,b;c"), "Split", "a,b;c", "s:,;", NULL); /* one string separator */
    MJ(hv_str("a,b;c"), "Split", "a|b|c", "s:,", "s:;", NULL);
    {
        hv_value sv = hv_str("a,b;c"), chars = hv_array_new(2), out;
        hv_conv_err e;
        hv_array_push(&chars, hv_char(','));
        hv_array_push(&chars, hv_char(';'));
        CHECK(hv_methods_invoke(&sv, "Split", &chars, 1, &out, &e) == 1 && vt_is_bar(out, "a|b|c"));
        hv_unref(sv);
        hv_unref(chars);
        /* Split(string[] separators, options): whole strings, first listed wins */
        hv_value lines = hv_str("l1\r\nl2\nl3"), seps = hv_array_new(2);
        hv_array_push(&seps, hv_str("\r\n"));
        hv_array_push(&seps, hv_str("\n"));
        hv_value args[2] = {seps, hv_enum(&hv_enum_splitoptions, 0)};
        CHECK(hv_methods_invoke(&lines, "Split", args, 2, &out, &e) == 1 && vt_is_bar(out, "l1|l2|l3"));
        hv_unref(lines);
        hv_unref(seps);
    }
    MJ(hv_str("a,b,,c"), "Split", "a|b|c", "s:,", "s:RemoveEmptyEntries", NULL);
    MJ(hv_str("a,b,c"), "Split", "a|b,c", "s:,", "i:2", NULL);
    MJ(hv_str("a b  c"), "Split", "a|b||c", NULL);
    MJ(hv_str("a , b"), "Split", "a|b", "s:,", "s:TrimEntries", NULL);
    M(hv_str("  hi  "), "Trim", "hi", NULL, NULL);
    M(hv_str("xxhixx"), "Trim", "hi", NULL, "s:x", NULL);
    M(hv_str("xyhiyx"), "Trim", "hi", NULL, "s:xy", NULL);
    M(hv_str("  hi  "), "TrimStart", "hi  ", NULL, NULL);
    M(hv_str("  hi  "), "TrimEnd", "  hi", NULL, NULL);
    M(hv_str("file.txt.bak"), "TrimEnd", "file.txt", NULL, "s:.bak", NULL);
    M(hv_str("Hello"), "ToUpper", "HELLO", NULL, NULL);
    M(hv_str("ÉTÉ"), "ToLower", "été", NULL, NULL);
    M(hv_str("Hello"), "ToUpperInvariant", "HELLO", NULL, NULL);
    M(hv_str("Hello"), "StartsWith", "True", "System.Boolean", "s:He", NULL);
    M(hv_str("Hello"), "StartsWith", "False", NULL, "s:he", NULL);
    M(hv_str("Hello"), "StartsWith", "True", NULL, "s:he", "s:CurrentCultureIgnoreCase", NULL);
    M(hv_str("Hello"), "StartsWith", "True", NULL, "s:he", "b:1", "n", NULL);
    M(hv_str("Hello"), "EndsWith", "True", NULL, "s:llo", NULL);
    M(hv_str("Hello"), "EndsWith", "False", NULL, "s:LLO", NULL);
    M(hv_str("Hello"), "Contains", "True", NULL, "s:ell", NULL);
    M(hv_str("Hello"), "Contains", "False", NULL, "s:ELL", NULL);
    M(hv_str("Hello"), "Contains", "True", NULL, "s:ELL", "s:OrdinalIgnoreCase", NULL);
    M(hv_str("Hello"), "IndexOf", "2", "System.Int32", "s:l", NULL);
    M(hv_str("Hello"), "IndexOf", "3", NULL, "s:l", "i:3", NULL);
    M(hv_str("Hello"), "IndexOf", "-1", NULL, "s:z", NULL);
    M(hv_str("héllo"), "IndexOf", "3", NULL, "s:l", "i:3", NULL);
    M(hv_str("Hello"), "IndexOf", "1", NULL, "s:E", "s:OrdinalIgnoreCase", NULL);
    M(hv_str("Hello"), "LastIndexOf", "3", NULL, "s:l", NULL);
    M(hv_str("a.b.c"), "IndexOfAny", "1", NULL, "a:.,-", NULL);
    M(hv_str("42"), "PadLeft", "00042", NULL, "i:5", "s:0", NULL);
    M(hv_str("42"), "PadLeft", "   42", NULL, "i:5", NULL);
    M(hv_str("ab"), "PadRight", "ab..", NULL, "i:4", "c:.", NULL);
    M(hv_str("abc"), "PadRight", "abc", NULL, "i:2", NULL);
    M(hv_str("Hello"), "Insert", "Hel--lo", NULL, "i:3", "s:--", NULL);
    M(hv_str("Hello"), "Remove", "He", NULL, "i:2", NULL);
    M(hv_str("Hello"), "Remove", "Hlo", NULL, "i:1", "i:2", NULL);
    MERR(hv_str("Hello"), "Remove",
         "Exception calling \"Remove\" with \"1\" argument(s): \"startIndex must be less than length of string. (Parameter 'startIndex')\"",
         "i:5", NULL);
    M(hv_str("abc"), "Equals", "True", NULL, "s:abc", NULL);
    M(hv_str("abc"), "Equals", "False", NULL, "s:ABC", NULL);
    M(hv_str("abc"), "Equals", "True", NULL, "s:ABC", "s:OrdinalIgnoreCase", NULL);
    M(hv_str("abc"), "CompareTo", "-1", NULL, "s:abd", NULL);
    M(hv_str("b"), "CompareTo", "1", NULL, "s:a", NULL);
    M(hv_str("a"), "CompareTo", "0", NULL, "s:a", NULL);
    M(hv_str("abc"), "ToCharArray", "a b c", "System.Object[]", NULL);
    M(hv_str("abc"), "Chars", "b", "System.Char", "i:1", NULL);
    M(hv_str("abc"), "ToString", "abc", NULL, NULL);
    M(hv_str("abc"), "Normalize", "abc", NULL, NULL);
    M(hv_str("abc"), "GetType", "string", "System.RuntimeType", NULL);
    M(hv_str("abc"), "NoSuchMethod", "<no method>", NULL, NULL);
}

static void
test_arrays(void)
{
    P(mk("a:1,2,3"), "Count", "3", "System.Int32");
    P(mk("a:1,2,3"), "Length", "3", NULL);
    P(mk("a:1,2,3"), "Rank", "1", NULL);
    P(mk("a:1,2,3"), "IsFixedSize", "True", NULL);
    M(mk("a:1,2,3"), "Contains", "True", NULL, "i:2", NULL);
    M(mk("a:1,2,3"), "Contains", "False", NULL, "s:2", NULL); /* .NET Equals is type-strict */
    M(mk("a:a,b"), "Contains", "False", NULL, "s:A", NULL);
    M(mk("a:1,2,3"), "IndexOf", "2", NULL, "i:3", NULL);
    M(mk("a:1,2,3"), "IndexOf", "-1", NULL, "i:9", NULL);
    M(mk("a:1,2,3"), "Clone", "1 2 3", "System.Object[]", NULL);
    M(mk("a:1,2,3"), "GetValue", "2", NULL, "i:1", NULL);
    MERR(mk("a:1,2,3"), "GetValue",
         "Exception calling \"GetValue\" with \"1\" argument(s): \"Index was outside the bounds of the array.\"",
         "i:7", NULL);
    MERR(mk("a:1,2"), "Add",
         "Exception calling \"Add\" with \"1\" argument(s): \"Collection was of a fixed size.\"", "i:3", NULL);
    M(mk("a:1,2"), "ToString", "System.Object[]", NULL, NULL);
    M(mk("a:1,2"), "GetType", "object[]", NULL, NULL);
    /* ArrayList mutates in place */
    hv_value list = mk("a:1,2");
    list.sub = HV_TA_LIST;
    hv_value x = hv_int(3), out;
    hv_conv_err e;
    CHECK(hv_methods_invoke(&list, "Add", &x, 1, &out, &e) == 1 && out.u.i == 2);
    CHECK(hv_array_len(&list) == 3);
    hv_value one = hv_int(1);
    CHECK(hv_methods_invoke(&list, "Remove", &one, 1, &out, &e) == 1 && hv_array_len(&list) == 2);
    hv_value zero = hv_int(0), nine = hv_int(9);
    hv_value ins[2] = {zero, nine};
    CHECK(hv_methods_invoke(&list, "Insert", ins, 2, &out, &e) == 1);
    CHECK(vt_is(hv_ref(&list), "9 2 3", "System.Collections.ArrayList"));
    CHECK(hv_methods_invoke(&list, "Sort", NULL, 0, &out, &e) == 1);
    CHECK(vt_is(hv_ref(&list), "2 3 9", NULL));
    CHECK(hv_methods_invoke(&list, "RemoveAt", &zero, 1, &out, &e) == 1);
    CHECK(hv_methods_invoke(&list, "Reverse", NULL, 0, &out, &e) == 1);
    CHECK(vt_is(hv_ref(&list), "9 3", NULL));
    CHECK(hv_methods_invoke(&list, "ToArray", NULL, 0, &out, &e) == 1 && out.sub == 0);
    hv_unref(out);
    CHECK(hv_methods_invoke(&list, "Clear", NULL, 0, &out, &e) == 1 && hv_array_len(&list) == 0);
    P(hv_ref(&list), "IsFixedSize", "False", NULL);
    hv_unref(list);
}

static void
test_generic_list(void)
{
    hv_value l, out;
    hv_conv_err e;
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.Collections.Generic.List[string]"), "new", NULL, 0, &l, &e) == 1);
    hv_value x = hv_str("x");
    CHECK(hv_methods_invoke(&l, "Add", &x, 1, &out, &e) == 1 && out.kind == HV_NULL); /* void */
    CHECK(hv_methods_invoke(&l, "Remove", &x, 1, &out, &e) == 1 && out.kind == HV_BOOL && out.u.b);
    CHECK(hv_methods_invoke(&l, "Remove", &x, 1, &out, &e) == 1 && out.kind == HV_BOOL && !out.u.b);
    hv_unref(x);
    M(hv_ref(&l), "GetType", "System.Collections.Generic.List`1", NULL, NULL);
    hv_value t;
    CHECK(hv_methods_invoke(&l, "GetType", NULL, 0, &t, &e) == 1);
    P(t, "Name", "List`1", NULL);
    hv_unref(l);
}

static void
test_tables(void)
{
    hv_value t = hv_table_new(0), out;
    hv_conv_err e;
    hv_value kv[2] = {hv_str("Name"), hv_str("vm1")};
    CHECK(hv_methods_invoke(&t, "Add", kv, 2, &out, &e) == 1 && hv_table_count(&t) == 1);
    hv_value kv2[2] = {hv_str("NAME"), hv_str("x")};
    CHECK(vt_err(hv_methods_invoke(&t, "Add", kv2, 2, &out, &e) >= 0, &e,
                 "Exception calling \"Add\" with \"2\" argument(s): \"Item has already been added. Key in dictionary: 'NAME'  Key being added: 'NAME'\""));
    hv_value k = hv_str("name");
    CHECK(hv_methods_invoke(&t, "ContainsKey", &k, 1, &out, &e) == 1 && out.u.b);
    CHECK(hv_methods_invoke(&t, "Contains", &k, 1, &out, &e) == 1 && out.u.b);
    CHECK(hv_methods_invoke(&t, "ContainsValue", &kv[1], 1, &out, &e) == 1 && out.u.b);
    CHECK(hv_methods_invoke(&t, "Item", &k, 1, &out, &e) == 1 && vt_is(out, "vm1", NULL));
    P(hv_ref(&t), "Count", "1", "System.Int32");
    P(hv_ref(&t), "Keys", "Name", "System.Object[]");
    P(hv_ref(&t), "Values", "vm1", NULL);
    CHECK(hv_methods_invoke(&t, "Clone", NULL, 0, &out, &e) == 1 && out.u.h != t.u.h && hv_table_count(&out) == 1);
    hv_unref(out);
    CHECK(hv_methods_invoke(&t, "GetEnumerator", NULL, 0, &out, &e) == 1 && hv_array_len(&out) == 1);
    CHECK(vt_is(hv_ref(hv_obj_get(hv_array_at(&out, 0), "Key")), "Name", NULL));
    hv_unref(out);
    CHECK(hv_methods_invoke(&t, "Remove", &k, 1, &out, &e) == 1 && hv_table_count(&t) == 0);
    CHECK(hv_methods_invoke(&t, "Remove", &k, 1, &out, &e) == 1);
    hv_table_sets(&t, "a", hv_int(1));
    CHECK(hv_methods_invoke(&t, "Clear", NULL, 0, &out, &e) == 1 && hv_table_count(&t) == 0);
    M(hv_ref(&t), "ToString", "System.Collections.Hashtable", NULL, NULL);
    M(hv_ref(&t), "GetType", "hashtable", NULL, NULL);
    hv_unref(t);
    hv_unref(kv[0]);
    hv_unref(kv[1]);
    hv_unref(kv2[0]);
    hv_unref(kv2[1]);
    hv_unref(k);
}

static hv_value
date(int y, int mo, int d, int h, int mi, int s)
{
    int64_t t;
    hv_dt_make(y, mo, d, h, mi, s, 0, &t);
    return hv_datetime(t, HV_DT_UNSPECIFIED);
}

static void
test_dates(void)
{
    hv_value d = date(2026, 11, 27, 16, 53, 5);
    P(d, "Year", "2026", "System.Int32");
    P(d, "Month", "11", NULL);
    P(d, "Day", "27", NULL);
    P(d, "Hour", "16", NULL);
    P(d, "Minute", "53", NULL);
    P(d, "Second", "5", NULL);
    P(d, "Millisecond", "0", NULL);
    P(d, "DayOfWeek", "Friday", "System.DayOfWeek");
    P(d, "DayOfYear", "331", NULL);
    P(d, "Date", "11/27/2026 00:00:00", "System.DateTime");
    P(d, "TimeOfDay", "16:53:05", "System.TimeSpan");
    P(d, "Kind", "Unspecified", NULL);
    P(d, "Ticks", "639313951850000000", "System.Int64");
    M(d, "AddDays", "11/28/2026 16:53:05", NULL, "i:1", NULL);
    M(d, "AddDays", "11/27/2026 04:53:05", NULL, "d:-0.5", NULL);
    M(d, "AddHours", "11/27/2026 18:53:05", NULL, "i:2", NULL);
    M(d, "AddMinutes", "11/27/2026 17:03:05", NULL, "i:10", NULL);
    M(d, "AddSeconds", "11/27/2026 16:54:05", NULL, "i:60", NULL);
    M(d, "AddMonths", "02/27/2027 16:53:05", NULL, "i:3", NULL);
    M(date(2024, 1, 31, 0, 0, 0), "AddMonths", "02/29/2024 00:00:00", NULL, "i:1", NULL);
    M(date(2024, 2, 29, 0, 0, 0), "AddYears", "02/28/2025 00:00:00", NULL, "i:1", NULL);
    M(d, "ToString", "11/27/2026 4:53:05 PM", "System.String", NULL);
    M(d, "ToString", "2026-11-27", NULL, "s:yyyy-MM-dd", NULL);
    M(d, "ToString", "Friday, November 27, 2026", NULL, "s:D", NULL);
    M(d, "ToShortDateString", "11/27/2026", NULL, NULL);
    M(d, "ToLongTimeString", "4:53:05 PM", NULL, NULL);
    M(d, "ToShortTimeString", "4:53 PM", NULL, NULL);
    hv_value args[1] = {date(2026, 11, 25, 16, 53, 5)};
    hv_value out;
    hv_conv_err e;
    CHECK(hv_methods_invoke(&d, "Subtract", args, 1, &out, &e) == 1 && vt_is(out, "2.00:00:00", "System.TimeSpan"));
    CHECK(hv_methods_invoke(&d, "CompareTo", args, 1, &out, &e) == 1 && out.u.i == 1);
    hv_value ts = hv_timespan(HV_TICKS_PER_DAY);
    CHECK(hv_methods_invoke(&d, "Add", &ts, 1, &out, &e) == 1 && vt_is(out, "11/28/2026 16:53:05", NULL));
    MERR(date(9999, 12, 31, 0, 0, 0), "AddDays",
         "Exception calling \"AddDays\" with \"1\" argument(s): \"The added or subtracted value results in an un-representable DateTime. (Parameter 'value')\"",
         "i:2", NULL);
    hv_value u = hv_datetime(d.u.i, HV_DT_UTC);
    CHECK(hv_methods_invoke(&u, "ToUniversalTime", NULL, 0, &out, &e) == 1 && out.u.i == d.u.i);
    M(d, "GetType", "datetime", NULL, NULL);
    /* timespans */
    hv_value t = hv_timespan(((1 * 24 + 2) * 3600LL + 3 * 60 + 4) * HV_TICKS_PER_SEC + 5 * 10000);
    P(t, "Days", "1", "System.Int32");
    P(t, "Hours", "2", NULL);
    P(t, "Minutes", "3", NULL);
    P(t, "Seconds", "4", NULL);
    P(t, "Milliseconds", "5", NULL);
    P(t, "TotalHours", "26.0511125", "System.Double");
    P(hv_timespan(90 * HV_TICKS_PER_SEC), "TotalMinutes", "1.5", "System.Double");
    P(hv_timespan(90 * HV_TICKS_PER_SEC), "TotalSeconds", "90", NULL);
    P(hv_timespan(90 * HV_TICKS_PER_SEC), "TotalMilliseconds", "90000", NULL);
    P(hv_timespan(90 * HV_TICKS_PER_SEC), "Ticks", "900000000", "System.Int64");
    M(hv_timespan(90 * HV_TICKS_PER_SEC), "ToString", "00:01:30", NULL, NULL);
    M(hv_timespan(90 * HV_TICKS_PER_SEC), "ToString", "01:30", NULL, "s:mm\\:ss", NULL);
    M(hv_timespan(90 * HV_TICKS_PER_SEC), "Negate", "-00:01:30", NULL, NULL);
    M(hv_timespan(-90 * HV_TICKS_PER_SEC), "Duration", "00:01:30", NULL, NULL);
}

static void
test_numbers_types(void)
{
    M(hv_int(255), "ToString", "255", NULL, NULL);
    M(hv_int(255), "ToString", "FF", NULL, "s:X", NULL);
    M(hv_double(1234.5), "ToString", "1,234.50", NULL, "s:N2", NULL);
    M(hv_double(0.1 + 0.2), "ToString", "0.30000000000000004", NULL, NULL);
    M(hv_int(5), "CompareTo", "1", NULL, "i:3", NULL);
    M(hv_int(5), "Equals", "True", NULL, "i:5", NULL);
    M(hv_int(5), "Equals", "False", NULL, "l:5", NULL);
    M(hv_int(5), "GetType", "int", NULL, NULL);
    M(hv_bool(true), "ToString", "True", NULL, NULL);
    M(hv_char('a'), "ToString", "a", NULL, NULL);
    hv_value it = hv_type(hv_type_lookup("int"));
    P(it, "Name", "Int32", "System.String");
    P(it, "FullName", "System.Int32", NULL);
    P(it, "Namespace", "System", NULL);
    P(it, "IsValueType", "True", NULL);
    P(hv_type(hv_type_lookup("object[]")), "Name", "Object[]", NULL);
    P(hv_type(hv_type_lookup("string[]")), "IsArray", "True", NULL);
    P(hv_type(hv_type_lookup("hashtable")), "Name", "Hashtable", NULL);
    P(hv_type(hv_type_lookup("pscustomobject")), "FullName", "System.Management.Automation.PSCustomObject", NULL);
    M(hv_type(hv_type_lookup("int")), "ToString", "int", NULL, NULL);
    M(hv_type(hv_type_lookup("System.IO.File")), "ToString", "System.IO.File", NULL, NULL);
    M(hv_type(hv_type_lookup("DayOfWeek")), "GetEnumNames", "Sunday Monday Tuesday Wednesday Thursday Friday Saturday", NULL, NULL);
    hv_value o = hv_obj_new(NULL);
    hv_obj_set(&o, "a", hv_int(1));
    M(hv_ref(&o), "ToString", "", NULL, NULL);
    M(hv_ref(&o), "GetType", "pscustomobject", NULL, NULL);
    hv_unref(o);
    P(hv_enum(&hv_enum_dayofweek, 3), "value__", "3", NULL);
    M(hv_enum(&hv_enum_dayofweek, 3), "ToString", "Wednesday", NULL, NULL);
}

static void
test_math(void)
{
    S("math", "Abs", "5", "System.Int32", hv_int(-5));
    S("math", "Abs", "2.5", "System.Double", hv_double(-2.5));
    SERR("math", "Abs", "Exception calling \"Abs\" with \"1\" argument(s): \"Negating the minimum value of a twos complement number is invalid.\"",
         hv_int(INT32_MIN));
    S("math", "Round", "2", "System.Double", hv_double(2.5));
    S("math", "Round", "4", NULL, hv_double(3.5));
    S("math", "Round", "-2", NULL, hv_double(-2.5));
    S("math", "Round", "3.14", NULL, hv_double(3.14159), hv_int(2));
    S("math", "Round", "2.68", NULL, hv_double(2.675), hv_int(2)); /* 2.675*100 rounds to 267.5 in binary, as in .NET */
    S("math", "Round", "3", NULL, hv_double(2.5), hv_str("AwayFromZero"));
    S("math", "Round", "1.3", NULL, hv_double(1.25), hv_int(1), hv_str("AwayFromZero"));
    S("math", "Round", "1.2", NULL, hv_double(1.25), hv_int(1));
    S("math", "Round", "2.5", "System.Decimal", hv_doublek(2.45, HV_N_DECIMAL), hv_int(1), hv_enum(&hv_enum_midpoint, 1));
    S("math", "Floor", "2", "System.Double", hv_double(2.7));
    S("math", "Floor", "-3", NULL, hv_double(-2.1));
    S("math", "Ceiling", "3", NULL, hv_double(2.1));
    S("math", "Truncate", "-2", NULL, hv_double(-2.7));
    S("math", "Max", "5", "System.Int32", hv_int(3), hv_int(5));
    S("math", "Max", "5.5", "System.Double", hv_int(3), hv_double(5.5));
    S("math", "Min", "3", "System.Int32", hv_int(3), hv_int(5));
    S("math", "Pow", "1024", "System.Double", hv_int(2), hv_int(10));
    S("math", "Sqrt", "1.4142135623731", NULL, hv_int(2));
    S("math", "Log", "2.30258509299405", NULL, hv_int(10));
    S("math", "Log", "3", NULL, hv_int(8), hv_int(2));
    S("math", "Log10", "3", NULL, hv_int(1000));
    S("math", "Exp", "2.71828182845905", NULL, hv_int(1));
    S("math", "Sign", "-1", "System.Int32", hv_double(-3.2));
    S("math", "Sign", "0", NULL, hv_int(0));
    S("math", "Clamp", "10", NULL, hv_int(15), hv_int(0), hv_int(10));
    SP("math", "PI", "3.14159265358979", "System.Double");
    M(hv_double(3.141592653589793), "ToString", "3.141592653589793", NULL, NULL);
    SP("math", "E", "2.71828182845905", NULL);
    SERR("math", "Round", "Cannot find an overload for \"Round\" and the argument count: \"4\".",
         hv_int(1), hv_int(1), hv_int(1), hv_int(1));
}

static void
test_string_statics(void)
{
    S("string", "IsNullOrEmpty", "True", "System.Boolean", hv_null());
    S("string", "IsNullOrEmpty", "True", NULL, hv_str(""));
    S("string", "IsNullOrEmpty", "False", NULL, hv_str(" "));
    S("string", "IsNullOrWhiteSpace", "True", NULL, hv_str(" \t"));
    S("string", "IsNullOrWhiteSpace", "False", NULL, hv_str(" x"));
    S("string", "Join", "a,b,c", "System.String", hv_str(","), mk("a:a,b,c"));
    S("string", "Join", "1-2", NULL, hv_str("-"), hv_int(1), hv_int(2));
    S("string", "Format", "x=5, y=ab", NULL, hv_str("x={0}, y={1}"), hv_int(5), hv_str("ab"));
    S("string", "Format", "[  7]", NULL, hv_str("[{0,3}]"), mk("a:7"));
    SERR("string", "Format",
         "Exception calling \"Format\" with \"2\" argument(s): \"Index (zero based) must be greater than or equal to zero and less than the size of the argument list.\"",
         hv_str("{1}"), hv_int(1));
    S("string", "Concat", "ab1", NULL, hv_str("a"), hv_str("b"), hv_int(1));
    S("string", "Compare", "-1", "System.Int32", hv_str("a"), hv_str("B"));
    S("string", "Compare", "-1", NULL, hv_str("a"), hv_str("A"));
    S("string", "Compare", "0", NULL, hv_str("a"), hv_str("A"), hv_bool(true));
    S("string", "Compare", "1", NULL, hv_str("b"), hv_null());
    S("string", "Equals", "False", NULL, hv_str("a"), hv_str("A"));
    S("string", "new", "---", NULL, hv_char('-'), hv_int(3));
    SP("string", "Empty", "", "System.String");
}

static void
test_numeric_statics(void)
{
    SP("int", "MaxValue", "2147483647", "System.Int32");
    SP("int", "MinValue", "-2147483648", NULL);
    SP("long", "MaxValue", "9223372036854775807", "System.Int64");
    SP("byte", "MaxValue", "255", "System.Byte");
    SP("double", "MaxValue", "1.79769313486232E+308", "System.Double");
    SP("double", "NaN", "NaN", NULL);
    SP("double", "PositiveInfinity", "Infinity", NULL);
    SP("uint64", "MaxValue", "18446744073709551615", NULL);
    SP("char", "MaxValue", "\xef\xbf\xbf", "System.Char");
    S("int", "Parse", "42", "System.Int32", hv_str(" 42 "));
    S("int", "Parse", "-7", NULL, hv_str("-7"));
    S("double", "Parse", "1.5", "System.Double", hv_str("1.5"));
    S("long", "Parse", "1000", "System.Int64", hv_str("1,000"));
    SERR("int", "Parse", "Exception calling \"Parse\" with \"1\" argument(s): \"The input string 'abc' was not in a correct format.\"",
         hv_str("abc"));
    SERR("int", "Parse", "Exception calling \"Parse\" with \"1\" argument(s): \"The input string '0x10' was not in a correct format.\"",
         hv_str("0x10"));
    SERR("int", "Parse", "Exception calling \"Parse\" with \"1\" argument(s): \"Value was either too large or too small for an Int32.\"",
         hv_str("99999999999"));
    S("double", "IsNaN", "True", NULL, hv_double(__builtin_nan("")));
    S("char", "IsDigit", "True", NULL, hv_char('7'));
    S("char", "IsDigit", "False", NULL, hv_str("x"));
    S("char", "IsLetter", "True", NULL, hv_char(0xE9));
    S("char", "IsLetter", "True", NULL, hv_char(0xD55C));
    S("char", "IsWhiteSpace", "True", NULL, hv_char('\t'));
    S("char", "IsUpper", "True", NULL, hv_char('Q'));
    S("char", "IsLower", "False", NULL, hv_char('Q'));
    S("char", "IsLetterOrDigit", "False", NULL, hv_char('_'));
    S("char", "IsPunctuation", "True", NULL, hv_char('!'));
    S("char", "ToUpper", "A", "System.Char", hv_char('a'));
    S("char", "IsDigit", "True", NULL, hv_str("a1"), hv_int(1));
    S("char", "ConvertFromUtf32", "😀", "System.String", hv_int(0x1F600));
}

static void
test_date_statics(void)
{
    hv_value now;
    CHECK(hv_methods_static_property(hv_type_lookup("datetime"), "Now", &now) && now.kind == HV_DATETIME && now.sub == HV_DT_LOCAL);
    hv_value today;
    CHECK(hv_methods_static_property(hv_type_lookup("datetime"), "Today", &today) && today.u.i % HV_TICKS_PER_DAY == 0);
    hv_value utc;
    CHECK(hv_methods_static_property(hv_type_lookup("datetime"), "UtcNow", &utc) && utc.sub == HV_DT_UTC);
    S("datetime", "Parse", "11/27/2026 16:53:05", "System.DateTime", hv_str("2026-11-27 16:53:05"));
    S("datetime", "ParseExact", "11/27/2026 16:53:00", NULL, hv_str("27.11.2026 16:53"), hv_str("dd.MM.yyyy HH:mm"), hv_null());
    S("datetime", "ParseExact", "01/05/2026 00:00:00", NULL, hv_str("20260105"), hv_str("yyyyMMdd"), hv_null());
    S("datetime", "ParseExact", "03/09/2026 21:05:00", NULL, hv_str("Mar 9 2026 9:05 PM"), hv_str("MMM d yyyy h:mm tt"), hv_null());
    SERR("datetime", "ParseExact", "Exception calling \"ParseExact\" with \"3\" argument(s): \"String '2026-13-01' was not recognized as a valid DateTime.\"",
         hv_str("2026-13-01"), hv_str("yyyy-MM-dd"), hv_null());
    SERR("datetime", "Parse", "Exception calling \"Parse\" with \"1\" argument(s): \"String 'garbage' was not recognized as a valid DateTime.\"",
         hv_str("garbage"));
    S("datetime", "DaysInMonth", "29", "System.Int32", hv_int(2024), hv_int(2));
    S("datetime", "IsLeapYear", "False", NULL, hv_int(1900));
    S("datetime", "new", "12/24/2026 00:00:00", "System.DateTime", hv_int(2026), hv_int(12), hv_int(24));
    S("datetime", "new", "12/24/2026 18:30:15", NULL, hv_int(2026), hv_int(12), hv_int(24), hv_int(18), hv_int(30), hv_int(15));
    SP("datetime", "MinValue", "01/01/0001 00:00:00", NULL);
    S("timespan", "FromSeconds", "00:01:30", "System.TimeSpan", hv_int(90));
    S("timespan", "FromMinutes", "02:30:00", NULL, hv_double(150));
    S("timespan", "FromHours", "1.12:00:00", NULL, hv_int(36));
    S("timespan", "FromDays", "2.00:00:00", NULL, hv_int(2));
    S("timespan", "FromMilliseconds", "00:00:01.5000000", NULL, hv_int(1500));
    SP("timespan", "Zero", "00:00:00", "System.TimeSpan");
    S("timespan", "Parse", "01:02:03", NULL, hv_str("1:2:3"));
    S("timespan", "new", "01:02:03", NULL, hv_int(1), hv_int(2), hv_int(3));
    S("timespan", "new", "4.01:02:03", NULL, hv_int(4), hv_int(1), hv_int(2), hv_int(3));
}

static void
test_guid_version_ip(void)
{
    hv_value g;
    hv_conv_err e;
    CHECK(hv_methods_invoke_static(hv_type_lookup("guid"), "NewGuid", NULL, 0, &g, &e) == 1);
    hv_value gs = hv_conv_to_string(&g, NULL);
    CHECK(hv_str_len(&gs) == 36 && hv_str_cstr(&gs)[14] == '4' && hv_str_cstr(&gs)[8] == '-');
    hv_unref(gs);
    hv_value fmtn = hv_str("N"), out;
    CHECK(hv_methods_invoke(&g, "ToString", &fmtn, 1, &out, &e) == 1 && hv_str_len(&out) == 32);
    hv_unref(out);
    hv_unref(fmtn);
    hv_value g2;
    hv_methods_invoke_static(hv_type_lookup("guid"), "NewGuid", NULL, 0, &g2, &e);
    CHECK(!hv_op_equal(&g, &g2, 0));
    hv_unref(g);
    hv_unref(g2);
    SP("guid", "Empty", "00000000-0000-0000-0000-000000000000", "System.Guid");
    S("guid", "Parse", "0f8fad5b-d9cb-469f-a165-70867728950e", NULL, hv_str("0F8FAD5B-D9CB-469F-A165-70867728950E"));
    SERR("guid", "Parse", "Exception calling \"Parse\" with \"1\" argument(s): \"Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).\"",
         hv_str("nope"));
    S("version", "Parse", "1.2.3", "System.Version", hv_str("1.2.3"));
    S("version", "new", "2.0", NULL, hv_int(2), hv_int(0));
    hv_value v;
    hv_version_parse("10.0.19041.1", &v);
    P(hv_ref(&v), "Major", "10", "System.Int32");
    P(hv_ref(&v), "Build", "19041", NULL);
    P(hv_ref(&v), "Revision", "1", NULL);
    M(hv_ref(&v), "ToString", "10.0", NULL, "i:2", NULL);
    hv_unref(v);
    hv_value v2;
    hv_version_parse("1.2", &v2);
    P(v2, "Build", "-1", NULL);
    S("ipaddress", "Parse", "10.0.0.1", "System.Net.IPAddress", hv_str("10.0.0.1"));
    SERR("ipaddress", "Parse", "Exception calling \"Parse\" with \"1\" argument(s): \"An invalid IP address was specified.\"",
         hv_str("10.0.0.256"));
    SP("ipaddress", "Loopback", "127.0.0.1", NULL);
    SP("ipaddress", "Any", "0.0.0.0", NULL);
    hv_value ip;
    hv_ipaddress_parse("192.168.1.10", &ip);
    P(hv_ref(&ip), "AddressFamily", "InterNetwork", NULL);
    M(hv_ref(&ip), "GetAddressBytes", "192 168 1 10", NULL, NULL);
    hv_unref(ip);
    hv_value ip6;
    hv_ipaddress_parse("fe80::1", &ip6);
    P(hv_ref(&ip6), "AddressFamily", "InterNetworkV6", NULL);
    P(ip6, "IsIPv6LinkLocal", "True", NULL);
}

static void
test_path_env_io(void)
{
    S("System.IO.Path", "Combine", "a/b/c.txt", "System.String", hv_str("a"), hv_str("b"), hv_str("c.txt"));
    S("System.IO.Path", "Combine", "/etc/hosts", NULL, hv_str("/tmp"), hv_str("/etc/hosts"));
    S("System.IO.Path", "Combine", "/tmp/x", NULL, hv_str("/tmp/"), hv_str("x"));
    S("IO.Path", "Join", "a//b", NULL, hv_str("a/"), hv_str("/b"));
    S("System.IO.Path", "GetFileName", "c.txt", NULL, hv_str("/a/b/c.txt"));
    S("System.IO.Path", "GetFileNameWithoutExtension", "c.tar", NULL, hv_str("/a/b/c.tar.gz"));
    S("System.IO.Path", "GetExtension", ".gz", NULL, hv_str("/a/b/c.tar.gz"));
    S("System.IO.Path", "GetExtension", "", NULL, hv_str("/a/b/c"));
    S("System.IO.Path", "GetDirectoryName", "/a/b", NULL, hv_str("/a/b/c.txt"));
    S("System.IO.Path", "GetDirectoryName", "/", NULL, hv_str("/a"));
    S("System.IO.Path", "GetDirectoryName", "", NULL, hv_str("file"));
    S("System.IO.Path", "IsPathRooted", "True", NULL, hv_str("/x"));
    S("System.IO.Path", "IsPathRooted", "False", NULL, hv_str("x/y"));
    S("System.IO.Path", "GetFullPath", "/a/c", NULL, hv_str("/a/b/../c/."));
    S("System.IO.Path", "ChangeExtension", "/a/b.log", NULL, hv_str("/a/b.txt"), hv_str(".log"));
    S("System.IO.Path", "GetRelativePath", "../c", NULL, hv_str("/a/b"), hv_str("/a/c"));
    SP("System.IO.Path", "DirectorySeparatorChar", "/", "System.Char");
    SP("System.IO.Path", "PathSeparator", ":", NULL);
    hv_value tp;
    hv_conv_err e;
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.Path"), "GetTempPath", NULL, 0, &tp, &e) == 1 &&
          hv_str_cstr(&tp)[hv_str_len(&tp) - 1] == '/');
    hv_unref(tp);
    hv_value rf;
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.Path"), "GetRandomFileName", NULL, 0, &rf, &e) == 1 &&
          hv_str_len(&rf) == 12 && hv_str_cstr(&rf)[8] == '.');
    hv_unref(rf);
    hv_value tmpf;
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.Path"), "GetTempFileName", NULL, 0, &tmpf, &e) == 1);
    struct stat st;
    CHECK(stat(hv_str_cstr(&tmpf), &st) == 0 && st.st_size == 0);
    /* File round trip */
    hv_value wa[2] = {hv_ref(&tmpf), hv_str("line1\nline2\n")};
    hv_value out;
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "WriteAllText", wa, 2, &out, &e) == 1);
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "ReadAllText", wa, 1, &out, &e) == 1 &&
          vt_is(out, "line1\nline2\n", NULL));
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "ReadAllLines", wa, 1, &out, &e) == 1 &&
          hv_array_len(&out) == 2 && vt_is(out, "line1 line2", NULL));
    hv_unref(wa[1]);
    wa[1] = hv_str("more");
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "AppendAllText", wa, 2, &out, &e) == 1);
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "ReadAllLines", wa, 1, &out, &e) == 1 &&
          hv_array_len(&out) == 3);
    hv_unref(out);
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "Exists", wa, 1, &out, &e) == 1 && out.u.b);
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "Delete", wa, 1, &out, &e) == 1);
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "Exists", wa, 1, &out, &e) == 1 && !out.u.b);
    hv_value missing = hv_str("/nonexistent-dir-hvsh/x.txt");
    CHECK(vt_err(hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "ReadAllText", &missing, 1, &out, &e) >= 0, &e,
                 "Exception calling \"ReadAllText\" with \"1\" argument(s): \"Could not find a part of the path '/nonexistent-dir-hvsh/x.txt'.\""));
    hv_unref(missing);
    missing = hv_str("/tmp/hvsh-no-such-file.txt");
    CHECK(vt_err(hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "ReadAllText", &missing, 1, &out, &e) >= 0, &e,
                 "Exception calling \"ReadAllText\" with \"1\" argument(s): \"Could not find file '/tmp/hvsh-no-such-file.txt'.\""));
    hv_unref(missing);
    hv_unref(wa[0]);
    hv_unref(wa[1]);
    hv_unref(tmpf);
    /* Directory */
    char dir[] = "/tmp/hvshdirXXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    hv_value sub = hv_strf("%s/a/b", dir);
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.Directory"), "CreateDirectory", &sub, 1, &out, &e) == 1 &&
          out.kind == HV_OBJECT);
    hv_unref(out);
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.Directory"), "Exists", &sub, 1, &out, &e) == 1 && out.u.b);
    hv_value f1[2] = {hv_strf("%s/one.txt", dir), hv_str("1")};
    hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "WriteAllText", f1, 2, &out, &e);
    hv_value f2[2] = {hv_strf("%s/a/two.log", dir), hv_str("2")};
    hv_methods_invoke_static(hv_type_lookup("System.IO.File"), "WriteAllText", f2, 2, &out, &e);
    hv_value ga[3] = {hv_str(dir), hv_str("*.txt"), hv_str("AllDirectories")};
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.Directory"), "GetFiles", ga, 1, &out, &e) == 1 &&
          hv_array_len(&out) == 1);
    hv_unref(out);
    hv_unref(ga[1]);
    ga[1] = hv_str("*");
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.Directory"), "GetFiles", ga, 3, &out, &e) == 1 &&
          hv_array_len(&out) == 2);
    hv_unref(out);
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.Directory"), "GetDirectories", ga, 1, &out, &e) == 1 &&
          hv_array_len(&out) == 1);
    hv_unref(out);
    hv_value del[2] = {hv_str(dir), hv_bool(true)};
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.IO.Directory"), "Delete", del, 2, &out, &e) == 1);
    CHECK(access(dir, F_OK) != 0);
    for (int i = 0; i < 2; i++) {
        hv_unref(f1[i]);
        hv_unref(f2[i]);
    }
    for (int i = 0; i < 3; i++)
        hv_unref(ga[i]);
    hv_unref(del[0]);
    hv_unref(sub);
    /* Environment */
    SP("Environment", "NewLine", "\n", NULL);
    hv_value mn;
    CHECK(hv_methods_static_property(hv_type_lookup("Environment"), "MachineName", &mn) && hv_str_len(&mn) > 0);
    hv_unref(mn);
    hv_value pc;
    CHECK(hv_methods_static_property(hv_type_lookup("Environment"), "ProcessorCount", &pc) && pc.u.i >= 1);
    SP("Environment", "Is64BitOperatingSystem", "True", "System.Boolean");
    hv_value os;
    CHECK(hv_methods_static_property(hv_type_lookup("Environment"), "OSVersion", &os) &&
          vt_is(hv_ref(hv_obj_get(&os, "Platform")), "Unix", NULL));
    hv_unref(os);
    S("Environment", "SetEnvironmentVariable", "", "null", hv_str("HVSH_TEST_VAR"), hv_str("v1"));
    S("Environment", "GetEnvironmentVariable", "v1", "System.String", hv_str("HVSH_TEST_VAR"));
    S("Environment", "SetEnvironmentVariable", "", "null", hv_str("HVSH_TEST_VAR"), hv_null());
    S("Environment", "GetEnvironmentVariable", "", "null", hv_str("HVSH_TEST_VAR"));
    S("Environment", "ExpandEnvironmentVariables", "%HVSH_UNSET_X%", NULL, hv_str("%HVSH_UNSET_X%"));
}

static void
test_convert_encoding(void)
{
    S("Convert", "ToInt32", "255", "System.Int32", hv_str("FF"), hv_int(16));
    S("Convert", "ToInt32", "-1", NULL, hv_str("FFFFFFFF"), hv_int(16));
    S("Convert", "ToInt32", "5", NULL, hv_str("101"), hv_int(2));
    S("Convert", "ToInt32", "42", NULL, hv_str("42"));
    S("Convert", "ToInt32", "2", NULL, hv_double(2.5));
    S("Convert", "ToInt32", "0", NULL, hv_null());
    SERR("Convert", "ToInt32", "Exception calling \"ToInt32\" with \"1\" argument(s): \"The input string 'x1' was not in a correct format.\"",
         hv_str("x1"));
    SERR("Convert", "ToInt32", "Exception calling \"ToInt32\" with \"2\" argument(s): \"Could not find any recognizable digits.\"",
         hv_str("zz"), hv_int(16));
    S("Convert", "ToString", "11111111", "System.String", hv_int(255), hv_int(2));
    S("Convert", "ToString", "ff", NULL, hv_int(255), hv_int(16));
    S("Convert", "ToString", "ffffffff", NULL, hv_int(-1), hv_int(16));
    S("Convert", "ToString", "42", NULL, hv_int(42));
    S("Convert", "ToBoolean", "True", NULL, hv_str("TRUE"));
    S("Convert", "ToBoolean", "True", NULL, hv_int(3));
    SERR("Convert", "ToBoolean", "Exception calling \"ToBoolean\" with \"1\" argument(s): \"String 'yes' was not recognized as a valid Boolean.\"",
         hv_str("yes"));
    S("Convert", "ToDouble", "1.5", "System.Double", hv_str("1.5"));
    S("Convert", "ToInt64", "3000000000", "System.Int64", hv_str("3000000000"));
    hv_value bytes;
    hv_conv_err e;
    hv_value utf8;
    CHECK(hv_methods_static_property(hv_type_lookup("System.Text.Encoding"), "UTF8", &utf8));
    hv_value txt = hv_str("Héllo");
    CHECK(hv_methods_invoke(&utf8, "GetBytes", &txt, 1, &bytes, &e) == 1 && hv_array_len(&bytes) == 6);
    CHECK(hv_array_at(&bytes, 1)->u.i == 0xC3 && hv_array_at(&bytes, 1)->sub == HV_N_BYTE);
    hv_value b64;
    CHECK(hv_methods_invoke_static(hv_type_lookup("Convert"), "ToBase64String", &bytes, 1, &b64, &e) == 1 &&
          vt_is(hv_ref(&b64), "SMOpbGxv", NULL));
    hv_value back;
    CHECK(hv_methods_invoke_static(hv_type_lookup("Convert"), "FromBase64String", &b64, 1, &back, &e) == 1);
    hv_value s;
    CHECK(hv_methods_invoke(&utf8, "GetString", &back, 1, &s, &e) == 1 && vt_is(s, "Héllo", NULL));
    hv_unref(back);
    hv_unref(b64);
    S("Convert", "ToBase64String", "YQ==", NULL, mk("a:97"));
    S("Convert", "ToBase64String", "YWI=", NULL, mk("a:97,98"));
    SERR("Convert", "FromBase64String",
         "Exception calling \"FromBase64String\" with \"1\" argument(s): \"The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.\"",
         hv_str("@@@"));
    S("BitConverter", "ToString", "48-C3-A9-6C-6C-6F", NULL, hv_ref(&bytes));
    S("BitConverter", "GetBytes", "1 0 0 0", NULL, hv_int(1));
    S("BitConverter", "ToInt32", "1", NULL, mk("a:1,0,0,0"), hv_int(0));
    hv_unref(bytes);
    hv_value uni;
    CHECK(hv_methods_static_property(hv_type_lookup("System.Text.Encoding"), "Unicode", &uni));
    CHECK(hv_methods_invoke(&uni, "GetBytes", &txt, 1, &bytes, &e) == 1 && hv_array_len(&bytes) == 10);
    CHECK(hv_methods_invoke(&uni, "GetString", &bytes, 1, &s, &e) == 1 && vt_is(s, "Héllo", NULL));
    hv_unref(bytes);
    hv_value ascii;
    CHECK(hv_methods_static_property(hv_type_lookup("System.Text.Encoding"), "ASCII", &ascii));
    CHECK(hv_methods_invoke(&ascii, "GetBytes", &txt, 1, &bytes, &e) == 1 && hv_array_at(&bytes, 1)->u.i == '?');
    hv_unref(bytes);
    P(hv_ref(&utf8), "WebName", "utf-8", NULL);
    hv_unref(utf8);
    hv_unref(uni);
    hv_unref(ascii);
    hv_unref(txt);
}

static void
test_regex_enum(void)
{
    S("regex", "Escape", "a\\.b\\*c\\ d", NULL, hv_str("a.b*c d"));
    S("regex", "IsMatch", "True", "System.Boolean", hv_str("abc123"), hv_str("\\d+"));
    S("regex", "IsMatch", "False", NULL, hv_str("ABC"), hv_str("abc"));
    S("regex", "IsMatch", "True", NULL, hv_str("ABC"), hv_str("abc"), hv_str("IgnoreCase"));
    S("regex", "Replace", "a-b-c", NULL, hv_str("a1b22c"), hv_str("\\d+"), hv_str("-"));
    S("regex", "Split", "a b c", NULL, hv_str("a1b22c"), hv_str("\\d+"));
    hv_value args[2] = {hv_str("x=1, y=22"), hv_str("(?<k>\\w)=(?<v>\\d+)")};
    hv_value m;
    hv_conv_err e;
    CHECK(hv_methods_invoke_static(hv_type_lookup("regex"), "Match", args, 2, &m, &e) == 1 && m.kind == HV_OBJECT);
    CHECK(vt_is(hv_ref(hv_obj_get(&m, "Value")), "x=1", NULL));
    CHECK(vt_is(hv_ref(hv_obj_get(&m, "Success")), "True", NULL));
    CHECK(vt_is(hv_ref(hv_obj_get(&m, "Index")), "0", NULL));
    const hv_value *groups = hv_obj_get(&m, "Groups");
    const hv_value *gv = hv_table_gets(groups, "v");
    CHECK(gv && vt_is(hv_ref(hv_obj_get(gv, "Value")), "1", NULL));
    CHECK(vt_is(hv_conv_to_string(&m, NULL), "x=1", NULL));
    hv_unref(m);
    hv_value ms;
    CHECK(hv_methods_invoke_static(hv_type_lookup("regex"), "Matches", args, 2, &ms, &e) == 1 && hv_array_len(&ms) == 2);
    CHECK(vt_is(hv_ref(hv_obj_get(hv_array_at(&ms, 1), "Index")), "5", NULL));
    hv_unref(ms);
    hv_value rx;
    CHECK(hv_methods_invoke_static(hv_type_lookup("regex"), "new", &args[1], 1, &rx, &e) == 1);
    M(hv_ref(&rx), "IsMatch", "True", NULL, "s:q=7", NULL);
    M(hv_ref(&rx), "Replace", "[x] [y]", NULL, "s:x=1 y=22", "s:[${k}]", NULL);
    M(hv_ref(&rx), "GetGroupNames", "0 k v", NULL, NULL);
    M(hv_ref(&rx), "ToString", "(?<k>\\w)=(?<v>\\d+)", NULL, NULL);
    hv_unref(rx);
    hv_unref(args[0]);
    hv_unref(args[1]);
    SERR("regex", "IsMatch", "Exception calling \"IsMatch\" with \"2\" argument(s): \"The regular expression pattern [ is not valid.\"",
         hv_str("a"), hv_str("["));
    S("enum", "GetNames", "Sunday Monday Tuesday Wednesday Thursday Friday Saturday", NULL,
      hv_type(hv_type_lookup("DayOfWeek")));
    S("enum", "Parse", "Monday", "System.DayOfWeek", hv_type(hv_type_lookup("DayOfWeek")), hv_str("monday"));
    S("enum", "IsDefined", "True", NULL, hv_type(hv_type_lookup("DayOfWeek")), hv_int(6));
    SERR("enum", "Parse", "Exception calling \"Parse\" with \"2\" argument(s): \"Requested value 'Someday' was not found.\"",
         hv_type(hv_type_lookup("DayOfWeek")), hv_str("Someday"));
    S("array", "IndexOf", "1", NULL, mk("a:5,6,7"), hv_int(6));
    hv_value arr = mk("a:3,1,2");
    hv_value out;
    CHECK(hv_methods_invoke_static(hv_type_lookup("array"), "Sort", &arr, 1, &out, &e) == 1 && vt_is(hv_ref(&arr), "1 2 3", NULL));
    CHECK(hv_methods_invoke_static(hv_type_lookup("array"), "Reverse", &arr, 1, &out, &e) == 1 && vt_is(hv_ref(&arr), "3 2 1", NULL));
    hv_unref(arr);
    hv_value al;
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.Collections.ArrayList"), "new", NULL, 0, &al, &e) == 1 &&
          al.kind == HV_ARRAY && al.sub == HV_TA_LIST);
    hv_unref(al);
    hv_value ht;
    CHECK(hv_methods_invoke_static(hv_type_lookup("hashtable"), "new", NULL, 0, &ht, &e) == 1 && ht.kind == HV_TABLE);
    hv_unref(ht);
}

static void
test_stopwatch_misc(void)
{
    hv_value sw, out;
    hv_conv_err e;
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.Diagnostics.Stopwatch"), "StartNew", NULL, 0, &sw, &e) == 1);
    P(hv_ref(&sw), "IsRunning", "True", NULL);
    hv_value ms = hv_int(20);
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.Threading.Thread"), "Sleep", &ms, 1, &out, &e) == 1);
    CHECK(hv_methods_invoke(&sw, "Stop", NULL, 0, &out, &e) == 1);
    hv_value el;
    CHECK(hv_methods_property(&sw, "ElapsedMilliseconds", &el) && el.u.i >= 19 && el.u.i < 2000);
    hv_value el2;
    CHECK(hv_methods_property(&sw, "ElapsedMilliseconds", &el2) && el2.u.i == el.u.i); /* stopped */
    CHECK(hv_methods_property(&sw, "Elapsed", &el) && el.kind == HV_TIMESPAN);
    P(hv_ref(&sw), "IsRunning", "False", NULL);
    CHECK(hv_methods_invoke(&sw, "Reset", NULL, 0, &out, &e) == 1);
    P(hv_ref(&sw), "ElapsedMilliseconds", "0", "System.Int64");
    hv_unref(sw);
    hv_value hn;
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.Net.Dns"), "GetHostName", NULL, 0, &hn, &e) == 1 && hv_str_len(&hn) > 0);
    hv_unref(hn);
    hv_value lh = hv_str("localhost"), addrs;
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.Net.Dns"), "GetHostAddresses", &lh, 1, &addrs, &e) == 1 &&
          hv_array_len(&addrs) >= 1);
    hv_unref(addrs);
    hv_unref(lh);
    hv_value g;
    unsigned char zero[16] = {0};
    g = hv_guid_new(zero);
    P(g, "Guid", "00000000-0000-0000-0000-000000000000", "System.String");
    int64_t t;
    hv_dt_make(2026, 11, 27, 16, 53, 5, 0, &t);
    IS(hv_dt_format(t, HV_DT_UTC, "U"), "Friday, November 27, 2026 4:53:05 PM", NULL);
}

static const hv_obj_class fake_secure = {.type_name = "System.Security.SecureString", .finalize = free};

static void
test_credentials(void)
{
    hv_value sec = hv_obj_new(&fake_secure);
    hv_obj_set_native(&sec, hv_xstrdup("P@ss"));
    hv_value args[2] = {hv_str("LAB\\admin"), sec}, cred, out;
    hv_conv_err e;
    CHECK(hv_methods_invoke_static(hv_type_lookup("pscredential"), "new", args, 2, &cred, &e) == 1);
    CHECK(vt_is(hv_ref(hv_obj_get(&cred, "UserName")), "LAB\\admin", NULL));
    CHECK(hv_methods_invoke(&cred, "GetNetworkCredential", NULL, 0, &out, &e) == 1);
    CHECK(vt_is(hv_ref(hv_obj_get(&out, "Password")), "P@ss", NULL));
    CHECK(vt_is(hv_ref(hv_obj_get(&out, "UserName")), "admin", NULL));
    CHECK(vt_is(hv_ref(hv_obj_get(&out, "Domain")), "LAB", NULL));
    hv_unref(out);
    hv_value t = hv_type(hv_type_lookup("System.Management.Automation.PSCredential"));
    CHECK(hv_op_is_type(&cred, t.u.t));
    hv_value bad[2] = {hv_str("u"), hv_str("plain")};
    CHECK(vt_err(hv_methods_invoke_static(hv_type_lookup("pscredential"), "new", bad, 2, &out, &e) >= 0, &e,
                 "Cannot convert argument \"arg1\", with value: \"plain\", for \"new\" to type \"System.Security.SecureString\": \"The argument is not a SecureString.\""));
    hv_unref(bad[0]);
    hv_unref(bad[1]);
    hv_unref(cred);
    hv_unref(args[0]);
    hv_unref(args[1]);
}

static void
test_culture(void)
{
    SP("cultureinfo", "InvariantCulture", "", "System.Globalization.CultureInfo");
    SP("System.Globalization.CultureInfo", "CurrentCulture", "en-US", NULL);
    hv_value inv = hv_culture_new("");
    P(hv_ref(&inv), "DisplayName", "Invariant Language (Invariant Country)", NULL);
    P(hv_culture_new("en-US"), "TwoLetterISOLanguageName", "en", NULL);
    hv_value out;
    hv_conv_err e;
    hv_value d = hv_double(1.5);
    CHECK(hv_methods_invoke(&d, "ToString", &inv, 1, &out, &e) == 1 && vt_is(out, "1.5", NULL));
    int64_t t;
    hv_dt_make(2026, 11, 27, 16, 53, 5, 0, &t);
    hv_value dt = hv_datetime(t, HV_DT_UNSPECIFIED);
    CHECK(hv_methods_invoke(&dt, "ToString", &inv, 1, &out, &e) == 1 && vt_is(out, "11/27/2026 16:53:05", NULL));
    hv_value args[2] = {hv_str("yyyy"), hv_ref(&inv)};
    CHECK(hv_methods_invoke(&dt, "ToString", args, 2, &out, &e) == 1 && vt_is(out, "2026", NULL));
    hv_unref(args[0]);
    hv_unref(args[1]);
    S("string", "Format", "x=1", NULL, hv_ref(&inv), hv_str("x={0}"), hv_int(1));
    M(hv_enum(&hv_enum_dayofweek, 1), "ToString", "1", NULL, "s:d", NULL);
    M(hv_enum(&hv_enum_dayofweek, 1), "ToString", "00000001", NULL, "s:X", NULL);
    M(hv_enum(&hv_enum_dayofweek, 1), "ToString", "Monday", NULL, "s:G", NULL);
    hv_unref(inv);
    hv_value cv = hv_str("de-DE"), cc;
    CHECK(hv_conv_to_type(&cv, hv_type_lookup("cultureinfo"), &cc, &e) && vt_is(cc, "de-DE", NULL));
    hv_unref(cv);
}

static void
test_tryparse(void)
{
    hv_conv_err e;
    hv_value zero = hv_int(0), ref, out;
    CHECK(hv_conv_to_type(&zero, hv_type_lookup("ref"), &ref, &e) && ref.kind == HV_OBJECT);
    hv_value args[2] = {hv_str("42"), hv_ref(&ref)};
    CHECK(hv_methods_invoke_static(hv_type_lookup("int"), "TryParse", args, 2, &out, &e) == 1 && out.u.b);
    CHECK(vt_is(hv_ref(hv_obj_get(&ref, "Value")), "42", "System.Int32"));
    hv_unref(args[0]);
    args[0] = hv_str("nope");
    CHECK(hv_methods_invoke_static(hv_type_lookup("int"), "TryParse", args, 2, &out, &e) == 1 && !out.u.b);
    CHECK(vt_is(hv_ref(hv_obj_get(&ref, "Value")), "0", "System.Int32"));
    hv_unref(args[0]);
    args[0] = hv_str("10.1.2.3");
    CHECK(hv_methods_invoke_static(hv_type_lookup("ipaddress"), "TryParse", args, 2, &out, &e) == 1 && out.u.b);
    CHECK(vt_is(hv_ref(hv_obj_get(&ref, "Value")), "10.1.2.3", "System.Net.IPAddress"));
    hv_unref(args[0]);
    args[0] = hv_str("2026-01-02");
    CHECK(hv_methods_invoke_static(hv_type_lookup("datetime"), "TryParse", args, 2, &out, &e) == 1 && out.u.b);
    hv_unref(args[0]);
    hv_unref(args[1]);
    hv_unref(ref);
    S("bool", "Parse", "True", "System.Boolean", hv_str(" TRUE "));
    SERR("bool", "Parse", "Exception calling \"Parse\" with \"1\" argument(s): \"String 'yes' was not recognized as a valid Boolean.\"",
         hv_str("yes"));
    SERR("int", "TryParse", "Cannot find an overload for \"TryParse\" and the argument count: \"1\".", hv_str("1"));
}

static void
test_stringbuilder(void)
{
    hv_value sb, out;
    hv_conv_err e;
    hv_value init = hv_str("ab");
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.Text.StringBuilder"), "new", &init, 1, &sb, &e) == 1);
    hv_unref(init);
    hv_value x = hv_str("cd");
    CHECK(hv_methods_invoke(&sb, "Append", &x, 1, &out, &e) == 1 && out.u.h == sb.u.h);
    hv_unref(out);
    hv_unref(x);
    hv_value n = hv_int(42);
    CHECK(hv_methods_invoke(&sb, "AppendLine", &n, 1, &out, &e) == 1);
    hv_unref(out);
    hv_value fa[3] = {hv_str("{0}-{1}"), hv_int(1), hv_int(2)};
    CHECK(hv_methods_invoke(&sb, "AppendFormat", fa, 3, &out, &e) == 1);
    hv_unref(out);
    for (int i = 0; i < 3; i++)
        hv_unref(fa[i]);
    P(hv_ref(&sb), "Length", "10", "System.Int32");
    M(hv_ref(&sb), "ToString", "abcd42\n1-2", "System.String", NULL);
    CHECK(vt_is(hv_conv_to_string(&sb, NULL), "abcd42\n1-2", NULL));
    hv_value ins[2] = {hv_int(0), hv_str(">")};
    CHECK(hv_methods_invoke(&sb, "Insert", ins, 2, &out, &e) == 1);
    hv_unref(out);
    hv_unref(ins[1]);
    M(hv_ref(&sb), "ToString", ">abcd42\n1-2", NULL, NULL);
    CHECK(hv_methods_invoke(&sb, "Clear", NULL, 0, &out, &e) == 1);
    hv_unref(out);
    P(hv_ref(&sb), "Length", "0", NULL);
    M(hv_ref(&sb), "GetType", "System.Text.StringBuilder", NULL, NULL);
    hv_unref(sb);
    CHECK(strcmp(hv_type_lookup("System.Collections.Generic.Dictionary[string,int]")->full_name,
                 "System.Collections.Generic.Dictionary") == 0);
    hv_value d;
    CHECK(hv_methods_invoke_static(hv_type_lookup("System.Collections.Generic.Dictionary[string,int]"), "new", NULL, 0, &d, &e) == 1 &&
          d.kind == HV_TABLE && (hv_table_flags(&d) & HV_TABLE_CASE_SENSITIVE));
    hv_unref(d);
}

int
main(void)
{
    test_stringbuilder();
    test_tryparse();
    test_culture();
    test_credentials();
    test_stopwatch_misc();
    test_strings();
    test_arrays();
    test_tables();
    test_generic_list();
    test_dates();
    test_numbers_types();
    test_math();
    test_string_statics();
    test_numeric_statics();
    test_date_statics();
    test_guid_version_ip();
    test_path_env_io();
    test_convert_encoding();
    test_regex_enum();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
