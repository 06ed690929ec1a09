/* pipeline_ops.c — operators (about_Arithmetic_Operators, about_Comparison_Operators,
 * about_Split, about_Join, about_Regular_Expressions, about_Type_Operators): numeric
 * promotion, left-decides comparison, array filtering, -like/-match/$Matches, -replace
 * substitutions, -split options, -join, -contains/-in, -is/-as, bitwise, ranges. */
#include "pipeline_vtest.h"

static bool
op_is(hv_binop op, unsigned flags, hv_value l, hv_value r, const char *want, const char *type)
{
    hv_value out;
    hv_conv_err e;
    bool ok = hv_op_binary(op, flags, &l, &r, &out, NULL, &e);
    hv_unref(l);
    hv_unref(r);
    if (!ok) {
        printf("# error: %s\n", e.msg);
        return false;
    }
    return vt_is(out, want, type);
}
#define OP(op, l, r, want, type) \
    vt_check(op_is(op, 0, mk(l), mk(r), want, type), #op " " l " " r " -> " want, __LINE__)
#define OPC(op, l, r, want, type) \
    vt_check(op_is(op, HV_OPF_CASE_SENSITIVE, mk(l), mk(r), want, type), #op "(c) " l " " r " -> " want, __LINE__)
#define OPV(op, l, r, want, type) \
    vt_check(op_is(op, 0, (l), (r), want, type), #op " " #l " " #r " -> " want, __LINE__)

static bool
op_err(hv_binop op, hv_value l, hv_value r, const char *want)
{
    hv_value out;
    hv_conv_err e;
    bool ok = hv_op_binary(op, 0, &l, &r, &out, NULL, &e);
    hv_unref(l);
    hv_unref(r);
    if (ok)
        hv_unref(out);
    return vt_err(ok, &e, want);
}
#define OPERR(op, l, r, want) vt_check(op_err(op, mk(l), mk(r), want), #op " " l " " r " fails", __LINE__)

static void
test_arith(void)
{
    OP(HV_OP_ADD, "i:1", "i:2", "3", "System.Int32");
    OP(HV_OP_ADD, "i:2147483647", "i:1", "2147483648", "System.Double");
    OP(HV_OP_MUL, "i:65536", "i:65536", "4294967296", "System.Double");
    OP(HV_OP_ADD, "l:9223372036854775807", "i:1", "9.22337203685478E+18", "System.Double");
    OP(HV_OP_ADD, "l:1", "i:2", "3", "System.Int64");
    OP(HV_OP_ADD, "i:1", "d:0.5", "1.5", "System.Double");
    OP(HV_OP_ADD, "d:0.1", "d:0.2", "0.3", "System.Double");
    OP(HV_OP_ADD, "y:200", "y:100", "300", "System.Int32");
    OP(HV_OP_ADD, "m:1.5", "i:1", "2.5", "System.Decimal");
    OP(HV_OP_ADD, "m:1.1", "m:2.2", "3.3", "System.Decimal");
    OP(HV_OP_MUL, "m:0.1", "i:3", "0.3", "System.Decimal");
    OP(HV_OP_ADD, "f:1.5", "i:1", "2.5", "System.Double");
    OP(HV_OP_ADD, "i:1", "s:2", "3", "System.Int32");
    OP(HV_OP_ADD, "i:1", "s:2.5", "3.5", "System.Double");
    OP(HV_OP_ADD, "i:1", "s:", "1", "System.Int32");
    OP(HV_OP_ADD, "i:1", "s:0x10", "17", "System.Int32");
    OP(HV_OP_ADD, "s:1", "i:2", "12", "System.String");
    OP(HV_OP_ADD, "s:a", "a:1,2", "a1 2", "System.String");
    OP(HV_OP_ADD, "s:a", "n", "a", "System.String");
    OP(HV_OP_ADD, "n", "i:5", "5", "System.Int32");
    OP(HV_OP_ADD, "n", "s:x", "x", "System.String");
    OP(HV_OP_ADD, "b:1", "i:1", "2", "System.Int32");
    OP(HV_OP_ADD, "a:1,2", "i:3", "1 2 3", "System.Object[]");
    OP(HV_OP_ADD, "a:1,2", "a:3,4", "1 2 3 4", "System.Object[]");
    OP(HV_OP_SUB, "i:5", "i:7", "-2", "System.Int32");
    OP(HV_OP_SUB, "s:10", "i:4", "6", "System.Int32");
    OP(HV_OP_SUB, "i:-2147483648", "i:1", "-2147483649", "System.Double");
    OP(HV_OP_MUL, "s:ab", "i:3", "ababab", "System.String");
    OP(HV_OP_MUL, "s:ab", "i:0", "", "System.String");
    OP(HV_OP_MUL, "a:1,2", "i:2", "1 2 1 2", "System.Object[]");
    OP(HV_OP_MUL, "i:3", "s:4", "12", "System.Int32");
    OP(HV_OP_MUL, "d:1.5", "i:2", "3", "System.Double");
    OP(HV_OP_DIV, "i:10", "i:2", "5", "System.Int32");
    OP(HV_OP_DIV, "i:5", "i:2", "2.5", "System.Double");
    OP(HV_OP_DIV, "i:1", "i:3", "0.333333333333333", "System.Double");
    OP(HV_OP_DIV, "l:10", "i:5", "2", "System.Int64");
    OP(HV_OP_DIV, "s:9", "i:3", "3", "System.Int32");
    OP(HV_OP_DIV, "d:1", "i:0", "Infinity", "System.Double");
    OP(HV_OP_MOD, "i:7", "i:3", "1", "System.Int32");
    OP(HV_OP_MOD, "i:-7", "i:3", "-1", "System.Int32");
    OP(HV_OP_MOD, "d:7.5", "i:2", "1.5", "System.Double");
    OPERR(HV_OP_DIV, "i:1", "i:0", "Attempted to divide by zero.");
    OPERR(HV_OP_MOD, "i:1", "i:0", "Attempted to divide by zero.");
    OPERR(HV_OP_DIV, "l:1", "i:0", "Attempted to divide by zero.");
    OPERR(HV_OP_ADD, "i:1", "s:abc",
          "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"");
    OPERR(HV_OP_SUB, "s:abc", "i:1",
          "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"");
    OPERR(HV_OP_SUB, "a:1,2", "i:1",
          "Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'.");
    hv_value h1 = hv_table_new(0), h2 = hv_table_new(0), h3 = hv_table_new(0);
    hv_table_sets(&h1, "a", hv_int(1));
    hv_table_sets(&h2, "b", hv_int(2));
    hv_table_sets(&h3, "A", hv_int(3));
    hv_value out;
    hv_conv_err e;
    CHECK(hv_op_binary(HV_OP_ADD, 0, &h1, &h2, &out, NULL, &e) && hv_table_count(&out) == 2);
    CHECK(hv_table_count(&h1) == 1);
    hv_unref(out);
    ERR(hv_op_binary(HV_OP_ADD, 0, &h1, &h3, &out, NULL, &e), e,
        "Item has already been added. Key in dictionary: 'A'  Key being added: 'A'");
    hv_value one = hv_int(1);
    ERR(hv_op_binary(HV_OP_ADD, 0, &h1, &one, &out, NULL, &e), e,
        "A hash table can only be added to another hash table.");
    hv_unref(h1);
    hv_unref(h2);
    hv_unref(h3);
    int64_t d0;
    hv_dt_make(2026, 1, 31, 0, 0, 0, 0, &d0);
    OPV(HV_OP_ADD, hv_datetime(d0, 0), hv_timespan(HV_TICKS_PER_DAY), "02/01/2026 00:00:00", "System.DateTime");
    OPV(HV_OP_SUB, hv_datetime(d0 + HV_TICKS_PER_DAY * 2, 0), hv_datetime(d0, 0), "2.00:00:00", "System.TimeSpan");
    OPV(HV_OP_ADD, hv_timespan(HV_TICKS_PER_SEC), hv_timespan(HV_TICKS_PER_SEC), "00:00:02", "System.TimeSpan");
    OPV(HV_OP_ADD, hv_enum(&hv_enum_dayofweek, 1), hv_int(1), "Tuesday", "System.DayOfWeek");
    OPV(HV_OP_SUB, hv_enum(&hv_enum_dayofweek, 1), hv_int(1), "Sunday", "System.DayOfWeek");
    OPV(HV_OP_MUL, hv_enum(&hv_enum_dayofweek, 2), hv_int(3), "6", "System.Int32");
    /* unary */
    hv_value r;
    hv_value m = hv_int(-2147483647 - 1);
    CHECK(hv_op_unary(HV_UOP_NEG, &m, &r, &e) && r.kind == HV_DOUBLE && r.u.d == 2147483648.0);
    hv_value s5 = hv_str("5");
    CHECK(hv_op_unary(HV_UOP_NEG, &s5, &r, &e) && r.kind == HV_INT && r.u.i == -5);
    CHECK(hv_op_unary(HV_UOP_PLUS, &s5, &r, &e) && r.kind == HV_INT && r.u.i == 5);
    hv_unref(s5);
    hv_value z = hv_int(0);
    CHECK(hv_op_unary(HV_UOP_NOT, &z, &r, &e) && r.kind == HV_BOOL && r.u.b);
    CHECK(hv_op_unary(HV_UOP_BNOT, &z, &r, &e) && r.kind == HV_INT && r.u.i == -1);
    hv_value txt = hv_str("  a b\t c  ");
    CHECK(hv_op_unary(HV_UOP_SPLIT, &txt, &r, &e) && hv_array_len(&r) == 3 && vt_is(r, "a b c", NULL));
    hv_unref(txt);
    hv_value empty = hv_str("");
    CHECK(hv_op_unary(HV_UOP_SPLIT, &empty, &r, &e) && hv_array_len(&r) == 1 && vt_is(r, "", NULL));
    hv_unref(empty);
    hv_value two = mk("a:a b,c d");
    CHECK(hv_op_unary(HV_UOP_SPLIT, &two, &r, &e) && hv_array_len(&r) == 4 && vt_is(r, "a b c d", NULL));
    hv_unref(two);
    hv_value arr = mk("a:a,b,c");
    CHECK(hv_op_unary(HV_UOP_JOIN, &arr, &r, &e) && vt_is(r, "abc", NULL));
    hv_unref(arr);
}

static void
test_bitwise(void)
{
    OP(HV_OP_BAND, "i:12", "i:10", "8", "System.Int32");
    OP(HV_OP_BOR, "i:12", "i:10", "14", "System.Int32");
    OP(HV_OP_BXOR, "i:12", "i:10", "6", "System.Int32");
    OP(HV_OP_SHL, "i:1", "i:4", "16", "System.Int32");
    OP(HV_OP_SHL, "i:1", "i:31", "-2147483648", "System.Int32");
    OP(HV_OP_SHL, "l:1", "i:40", "1099511627776", "System.Int64");
    OP(HV_OP_SHR, "i:-16", "i:2", "-4", "System.Int32");
    OP(HV_OP_BAND, "s:6", "i:3", "2", "System.Int32");
    OP(HV_OP_BOR, "l:1", "i:2", "3", "System.Int64");
}

static void
test_compare(void)
{
    OP(HV_OP_EQ, "s:10", "i:10", "True", "System.Boolean");
    OP(HV_OP_EQ, "i:10", "s:10.0", "True", NULL);
    OP(HV_OP_EQ, "s:10.0", "i:10", "False", NULL);
    OP(HV_OP_EQ, "i:10", "s:abc", "False", NULL);
    OP(HV_OP_EQ, "s:abc", "s:ABC", "True", NULL);
    OPC(HV_OP_EQ, "s:abc", "s:ABC", "False", NULL);
    OP(HV_OP_NE, "s:abc", "s:ABC", "False", NULL);
    OPC(HV_OP_NE, "s:abc", "s:ABC", "True", NULL);
    OP(HV_OP_EQ, "i:1", "d:1.0", "True", NULL);
    OP(HV_OP_EQ, "d:1.5", "s:1.5", "True", NULL);
    OP(HV_OP_EQ, "l:5", "i:5", "True", NULL);
    OP(HV_OP_EQ, "b:1", "s:false", "True", NULL);
    OP(HV_OP_EQ, "b:0", "s:", "True", NULL);
    OP(HV_OP_EQ, "s:True", "b:1", "True", NULL);
    OP(HV_OP_EQ, "n", "n", "True", NULL);
    OP(HV_OP_EQ, "n", "i:0", "False", NULL);
    OP(HV_OP_EQ, "i:0", "n", "False", NULL);
    OP(HV_OP_EQ, "s:", "n", "False", NULL);
    OP(HV_OP_EQ, "c:a", "s:A", "True", NULL);
    OP(HV_OP_GT, "i:10", "i:9", "True", NULL);
    OP(HV_OP_GT, "s:10", "i:9", "False", NULL); /* string compare: "10" < "9" */
    OP(HV_OP_GT, "i:10", "s:9", "True", NULL);
    OP(HV_OP_LT, "s:apple", "s:Banana", "True", NULL);
    OP(HV_OP_GE, "s:b", "s:B", "True", NULL);
    OPC(HV_OP_LT, "s:a", "s:A", "True", NULL);
    OPC(HV_OP_GT, "s:B", "s:a", "True", NULL);
    OP(HV_OP_LE, "d:2.5", "i:3", "True", NULL);
    OP(HV_OP_LT, "n", "i:1", "True", NULL);
    OP(HV_OP_GT, "i:1", "n", "True", NULL);
    OP(HV_OP_GT, "i:0", "n", "True", NULL);  /* CompareObjectToNull: 0 > $null */
    OP(HV_OP_LT, "i:-1", "n", "True", NULL);
    OP(HV_OP_LT, "n", "i:0", "True", NULL);
    OP(HV_OP_GT, "n", "d:-2.5", "True", NULL);
    OP(HV_OP_GE, "n", "n", "True", NULL);
    OP(HV_OP_GT, "s:a", "n", "True", NULL);
    OP(HV_OP_GT, "u:18446744073709551615", "i:1", "True", NULL);
    OP(HV_OP_LT, "i:-1", "u:1", "True", NULL);
    OPERR(HV_OP_LT, "i:1", "s:abc",
          "Could not compare \"1\" to \"abc\". Error: \"Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"\"");
    /* arrays on the left filter */
    OP(HV_OP_EQ, "a:1,2,3,2", "i:2", "2 2", "System.Object[]");
    OP(HV_OP_NE, "a:1,2,3", "i:2", "1 3", NULL);
    OP(HV_OP_GT, "a:1,5,10", "i:4", "5 10", NULL);
    OP(HV_OP_EQ, "a:1,2", "i:5", "", "System.Object[]");
    OP(HV_OP_LIKE, "a:apple,banana,avocado", "s:a*", "apple avocado", NULL);
    OP(HV_OP_MATCH, "a:cat,dog,cow", "s:^c", "cat cow", NULL);
    OP(HV_OP_NOTMATCH, "a:cat,dog,cow", "s:^c", "dog", NULL);
    int64_t d1, d2;
    hv_dt_make(2026, 1, 1, 0, 0, 0, 0, &d1);
    hv_dt_make(2026, 6, 1, 0, 0, 0, 0, &d2);
    OPV(HV_OP_LT, hv_datetime(d1, 0), hv_datetime(d2, 0), "True", NULL);
    OPV(HV_OP_EQ, hv_datetime(d1, 0), hv_str("2026-01-01"), "True", NULL);
    OPV(HV_OP_EQ, hv_enum(&hv_enum_dayofweek, 5), hv_str("friday"), "True", NULL);
    OPV(HV_OP_EQ, hv_enum(&hv_enum_dayofweek, 5), hv_int(5), "True", NULL);
    OPV(HV_OP_GT, hv_enum(&hv_enum_dayofweek, 5), hv_str("Monday"), "True", NULL);
    hv_value v1, v2;
    hv_version_parse("1.10", &v1);
    hv_version_parse("1.9", &v2);
    OPV(HV_OP_GT, v1, v2, "True", NULL);
    /* reference equality for containers */
    hv_value t = hv_table_new(0), t2 = hv_table_new(0);
    CHECK(hv_op_equal(&t, &t, 0) && !hv_op_equal(&t, &t2, 0));
    hv_unref(t);
    hv_unref(t2);
    hv_value a = hv_str("a"), b = hv_str("B");
    CHECK(hv_op_compare(&a, &b, 0) < 0 && hv_op_compare(&b, &a, 0) > 0);
    hv_unref(a);
    hv_unref(b);
    const char *order[] = {"", " x", "_a", "-a", "1", "9", "a", "A", "b", "e", "é", "f", "vm_2", "vm-3", "vm1", "z"};
    bool sorted = true;
    for (size_t k = 0; k + 1 < sizeof order / sizeof order[0]; k++) {
        hv_value x1 = hv_str(order[k]), x2 = hv_str(order[k + 1]);
        if (hv_op_compare(&x1, &x2, HV_OPF_CASE_SENSITIVE) >= 0 || hv_op_compare(&x2, &x1, HV_OPF_CASE_SENSITIVE) <= 0) {
            printf("# %s !< %s\n", order[k], order[k + 1]);
            sorted = false;
        }
        hv_unref(x1);
        hv_unref(x2);
    }
    CHECK(sorted);
    OP(HV_OP_LT, "s:resume", "s:résumé", "True", NULL);
    OP(HV_OP_EQ, "s:resume", "s:résumé", "False", NULL);
    OP(HV_OP_LT, "s:Zebra", "s:apple", "False", NULL);
    OP(HV_OP_LT, "s:item_1", "s:item1", "True", NULL);
    hv_value i1 = hv_int(2), i2 = hv_double(10);
    CHECK(hv_op_compare(&i1, &i2, 0) < 0);
}

static void
test_wildcards(void)
{
    const struct {
        const char *pat, *s;
        bool cs, want;
    } rows[] = {
        {"*", "", false, true},          {"a*", "abc", false, true},      {"A*", "abc", false, true},
        {"A*", "abc", true, false},      {"*c", "abc", false, true},      {"a?c", "abc", false, true},
        {"a?c", "ac", false, false},     {"[a-c]x", "bx", false, true},   {"[a-c]x", "dx", false, false},
        {"[abc]*", "cat", false, true},  {"*.txt", "file.TXT", false, true}, {"a`*b", "a*b", false, true},
        {"a`*b", "axb", false, false},   {"*b*", "abc", false, true},     {"abc", "abcd", false, false},
        {"vm-?", "VM-1", false, true},   {"[A-Z]*", "hello", false, true}, {"*?*", "", false, false},
        {"é*", "Été", false, true},      {"[", "[", false, true},         {"a[b", "a[b", false, true},
        {"**a", "xa", false, true},      {"?", "é", false, true},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        vt_check(hv_wildcard_match(rows[i].pat, rows[i].s, rows[i].cs) == rows[i].want,
                 rows[i].pat, __LINE__);
    CHECK(hv_wildcard_has_meta("a*") && hv_wildcard_has_meta("a?") && hv_wildcard_has_meta("[a]"));
    CHECK(!hv_wildcard_has_meta("abc") && !hv_wildcard_has_meta("a`*"));
    OP(HV_OP_LIKE, "s:PowerShell", "s:*shell", "True", NULL);
    OPC(HV_OP_LIKE, "s:PowerShell", "s:*shell", "False", NULL);
    OP(HV_OP_NOTLIKE, "s:PowerShell", "s:*shell", "False", NULL);
    OP(HV_OP_LIKE, "i:123", "s:1*", "True", NULL);
}

static void
test_match(void)
{
    hv_value l = hv_str("John Smith"), r = hv_str("(?<first>\\w+) (?<last>\\w+)"), out, mt;
    hv_conv_err e;
    CHECK(hv_op_binary(HV_OP_MATCH, 0, &l, &r, &out, &mt, &e) && out.u.b);
    CHECK(mt.kind == HV_TABLE && hv_table_count(&mt) == 3);
    CHECK(vt_is(hv_ref(hv_table_gets(&mt, "first")), "John", NULL));
    CHECK(vt_is(hv_ref(hv_table_gets(&mt, "last")), "Smith", NULL));
    hv_value zero = hv_int(0);
    CHECK(vt_is(hv_ref(hv_table_get(&mt, &zero)), "John Smith", NULL));
    size_t it = 0;
    const hv_value *k;
    hv_table_next(&mt, &it, &k, NULL);
    CHECK(vt_is(hv_ref(k), "last", NULL)); /* pwsh lists groups highest first */
    hv_unref(mt);
    hv_unref(l);
    hv_unref(r);
    /* .NET numbers named groups after unnamed ones */
    l = hv_str("ab-12");
    r = hv_str("(?<word>[a-z]+)-(\\d+)");
    CHECK(hv_op_binary(HV_OP_MATCH, 0, &l, &r, &out, &mt, &e) && out.u.b);
    hv_value g1 = hv_int(1);
    CHECK(vt_is(hv_ref(hv_table_get(&mt, &g1)), "12", NULL));
    hv_unref(mt);
    hv_unref(l);
    hv_unref(r);
    l = hv_str("abc");
    r = hv_str("(x)?abc");
    CHECK(hv_op_binary(HV_OP_MATCH, 0, &l, &r, &out, &mt, &e) && hv_table_count(&mt) == 1);
    hv_unref(mt);
    hv_unref(r);
    r = hv_str("ABC");
    CHECK(hv_op_binary(HV_OP_MATCH, HV_OPF_CASE_SENSITIVE, &l, &r, &out, &mt, &e) && !out.u.b);
    CHECK(mt.kind == HV_NULL);
    hv_unref(r);
    r = hv_str("(");
    ERR(hv_op_binary(HV_OP_MATCH, 0, &l, &r, &out, &mt, &e), e,
        "The regular expression pattern ( is not valid.");
    hv_unref(r);
    hv_unref(l);
    OP(HV_OP_MATCH, "s:Hello", "s:^h", "True", NULL);
    OP(HV_OP_MATCH, "s:a1b2", "s:\\d", "True", NULL);
    OP(HV_OP_MATCH, "s:é", "s:^\\w$", "True", NULL);
    OP(HV_OP_MATCH, "s:A", "s:\\u0041", "True", NULL);
    OP(HV_OP_MATCH, "s:line1\nline2", "s:^line2$", "False", NULL);
    OP(HV_OP_MATCH, "s:line1\nline2", "s:(?m)^line2$", "True", NULL);
    OP(HV_OP_MATCH, "s:key='v'", "s:(?'q'')", "True", NULL);
}

static void
test_replace(void)
{
    OP(HV_OP_REPLACE, "s:Hello World", "a:o,0", "Hell0 W0rld", "System.String");
    OP(HV_OP_REPLACE, "s:Hello", "s:L", "Heo", NULL);
    OP(HV_OP_REPLACE, "s:John Smith", "a:(\\w+) (\\w+),$2 $1", "Smith John", NULL);
    OP(HV_OP_REPLACE, "s:John Smith", "a:(?<f>\\w+) (?<l>\\w+),${l}; ${f}", "Smith; John", NULL);
    OP(HV_OP_REPLACE, "s:5", "a:\\d,$$$&", "$5", NULL);
    OP(HV_OP_REPLACE, "s:abc", "a:b,[$`|$']", "a[a|c]c", NULL);
    OP(HV_OP_REPLACE, "s:abc", "a:b,<$_>", "a<abc>c", NULL);
    OP(HV_OP_REPLACE, "s:abc", "a:(b),$9", "a$9c", NULL);
    OP(HV_OP_REPLACE, "s:abc", "a:(b),$10", "ab0c", NULL);
    OP(HV_OP_REPLACE, "s:aaa", "a:a*,-", "--", NULL);
    hv_value ra = hv_array_new(2);
    hv_array_push(&ra, hv_str(""));
    hv_array_push(&ra, hv_str("-"));
    OPV(HV_OP_REPLACE, hv_str("abc"), ra, "-a-b-c-", NULL);
    OPC(HV_OP_REPLACE, "s:aAa", "a:a,x", "xAx", NULL);
    OP(HV_OP_REPLACE, "a:cat,cot", "a:o,a", "cat cat", "System.Object[]");
    OP(HV_OP_REPLACE, "s:a.b.c", "a:\\.,/", "a/b/c", NULL);
    OP(HV_OP_REPLACE, "s:tab\there", "a:\\t,_", "tab_here", NULL);
    OP(HV_OP_REPLACE, "s:héllo", "a:é,e", "hello", NULL);
    /* cases from PowerShell's ReplaceOperator.Tests.ps1 */
    OP(HV_OP_REPLACE, "s:Get-Process", "a:Get,Stop", "Stop-Process", NULL);
    OP(HV_OP_REPLACE, "s:image.gif", "a:\\.gif$,.jpg", "image.jpg", NULL);
    OP(HV_OP_REPLACE, "s:book", "a:B,C", "Cook", NULL);
    OPC(HV_OP_REPLACE, "s:book", "a:B,C", "book", NULL);
    OP(HV_OP_REPLACE, "s:PowerPoint", "s:Point", "Power", NULL);
    OPV(HV_OP_REPLACE, hv_str("domain.example"), mk("a:.*\\.(\\w+)$"), "", NULL);
    {
        hv_value r = hv_array_new(2);
        hv_array_push(&r, hv_str(".*\\.(\\w+)$"));
        hv_array_push(&r, hv_str("Tld of '$0' is - '$1'"));
        OPV(HV_OP_REPLACE, hv_str("domain.example"), r, "Tld of 'domain.example' is - 'example'", NULL);
        hv_value r2 = hv_array_new(2);
        hv_array_push(&r2, hv_str(".*\\.(?<tld>\\w+)$"));
        hv_array_push(&r2, hv_str("${tld}"));
        OPV(HV_OP_REPLACE, hv_str("domain.example"), r2, "example", NULL);
    }
    OP(HV_OP_REPLACE, "d:1.2", "s:,", "1.2", NULL);
    OP(HV_OP_SPLIT, "d:1.2", "s:,", "1.2", NULL);
}

static bool
upper_match(void *ud, const hv_value *m, hv_value *out)
{
    int *calls = ud;
    (*calls)++;
    hv_value v = hv_conv_to_string(m, NULL);
    hv_buf b = {0};
    hv_buf_putc(&b, '<');
    for (const char *p = hv_str_cstr(&v); *p; p++)
        hv_buf_putc(&b, (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p));
    hv_buf_putc(&b, '>');
    hv_unref(v);
    *out = hv_buf_finish(&b);
    return true;
}

static void
test_replace_cb(void)
{
    hv_conv_err e;
    hv_regex *re = hv_regex_get("[a-c]+", false, &e);
    int calls = 0;
    hv_value out;
    CHECK(hv_regex_replace_cb(re, "xabyccz", 7, upper_match, &calls, &out) && calls == 2 &&
          vt_is(out, "x<AB>y<CC>z", NULL));
    size_t ms, me;
    CHECK(hv_regex_exec(re, "xxab", 4, 0, &ms, &me) && ms == 2 && me == 4);
    CHECK(!hv_regex_exec(re, "xxab", 4, 5, &ms, &me));
    hv_value esc = hv_regex_escape("1+1=2?");
    CHECK(vt_is(esc, "1\\+1=2\\?", NULL));
}

static bool
split_is(const char *s, const char *pat, int max, const char *opts, unsigned flags, const char *want, size_t n)
{
    hv_value l = hv_str(s), p = hv_str(pat), out;
    hv_conv_err e;
    bool ok = hv_op_split(&l, &p, max, opts, flags, &out, &e);
    hv_unref(l);
    hv_unref(p);
    if (!ok) {
        printf("# error %s\n", e.msg);
        return false;
    }
    hv_value j = hv_conv_to_string(&out, "|");
    bool good = strcmp(hv_str_cstr(&j), want) == 0 && hv_array_len(&out) == n;
    if (!good)
        printf("# got %s (%zu)\n", hv_str_cstr(&j), hv_array_len(&out));
    hv_unref(j);
    hv_unref(out);
    return good;
}
#define SPLIT(s, pat, max, opts, flags, want, n) \
    vt_check(split_is(s, pat, max, opts, flags, want, n), "split " s " by " pat, __LINE__)

static void
test_split_join(void)
{
    SPLIT("a,b,c", ",", 0, NULL, 0, "a|b|c", 3);
    SPLIT("a,b,c", ",", 2, NULL, 0, "a|b,c", 2);
    SPLIT("a1b22c", "\\d+", 0, NULL, 0, "a|b|c", 3);
    SPLIT("a.b.c", ".", 0, "SimpleMatch", 0, "a|b|c", 3);
    SPLIT("a.b", ".", 0, NULL, 0, "|||", 4); /* regex . matches everything */
    SPLIT("aXbxc", "x", 0, NULL, 0, "a|b|c", 3);
    SPLIT("aXbxc", "x", 0, NULL, HV_OPF_CASE_SENSITIVE, "aXb|c", 2);
    SPLIT("a-b_c", "(-|_)", 0, NULL, 0, "a|-|b|_|c", 5);
    SPLIT("abc", "", 0, NULL, 0, "|a|b|c|", 5);
    SPLIT(",a,", ",", 0, NULL, 0, "|a|", 3);
    SPLIT("a\nb", "^b", 0, "Multiline", 0, "a\n|", 2);
    SPLIT("Mercury,Venus,Earth", ",", 2, "SimpleMatch", 0, "Mercury|Venus,Earth", 2);
    SPLIT("one  two", " ", 0, NULL, 0, "one||two", 3);
    SPLIT("a,b,c,d", ",", -2, NULL, 0, "a,b,c|d", 2);
    /* cases from PowerShell's SplitOperator.Tests.ps1 */
    SPLIT("a b c d", " ", -1, NULL, 0, "a b c d", 1);
    SPLIT("a1:b1:c1:d", "(1:)", 0, NULL, 0, "a|1:|b|1:|c|1:|d", 7);
    SPLIT("a1:b1:c1:d", "1(:)", 0, NULL, 0, "a|:|b|:|c|:|d", 7);
    SPLIT("abcBd", "B", 0, "IgnoreCase", HV_OPF_CASE_SENSITIVE, "a|c|d", 3);
    SPLIT("a12a\nb34b\nc56c\nd78d", "^b", 0, NULL, 0, "a12a\nb34b\nc56c\nd78d", 1);
    SPLIT("a12a\nb34b\nc56c\nd78d", "b.+c", 0, "Singleline", 0, "a12a\n|\nd78d", 2);
    SPLIT("a12a\nb34b\nc56c\nd78d", "^b", 0, "Multiline", 0, "a12a\n|34b\nc56c\nd78d", 2);
    SPLIT("a: b:c", ": ", 0, "IgnorePatternWhitespace", 0, "a| b|c", 3);
    SPLIT("a:b", "(:)", 0, "ExplicitCapture", 0, "a|b", 2);
    SPLIT("abc", "B", 0, "SimpleMatch,IgnoreCase", 0, "a|c", 2);
    SPLIT("abc", "B", 0, "RegexMatch,Singleline", 0, "a|c", 2);
    SPLIT("a,b,c,d", ",", -3, NULL, 0, "a,b|c|d", 3);
    SPLIT("a,b", ",", -5, NULL, 0, "a|b", 2);
    SPLIT("a1b2c", "(\\d)", 2, NULL, 0, "a|1|b2c", 3);
    hv_value l = hv_str("a b"), p = hv_str(" "), out;
    hv_conv_err e;
    ERR(hv_op_split(&l, &p, 0, "Bogus", 0, &out, &e), e,
        "Cannot convert value \"Bogus\" to type \"System.Management.Automation.SplitOptions\". Error: \"Unable to match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names and try again:\nSimpleMatch, RegexMatch, CultureInvariant, IgnorePatternWhitespace, Multiline, Singleline, IgnoreCase, ExplicitCapture\"");
    ERR(hv_op_split(&l, &p, 0, "SimpleMatch,Multiline", 0, &out, &e), e,
        "The combination of options with the -split operator is not valid.");
    ERR(hv_op_split(&l, &p, 0, "RegexMatch,SimpleMatch", 0, &out, &e), e,
        "The combination of options with the -split operator is not valid.");
    hv_unref(l);
    hv_unref(p);
    /* -split with the array operand form: "a,b,c" -split ",", 2 */
    hv_value r = hv_array_new(2);
    hv_array_push(&r, hv_str(","));
    hv_array_push(&r, hv_int(2));
    OPV(HV_OP_SPLIT, hv_str("a,b,c"), r, "a b,c", "System.Object[]");
    OP(HV_OP_SPLIT, "a:a-b,c-d", "s:-", "a b c d", NULL);
    OP(HV_OP_JOIN, "a:1,2,3", "s:,", "1,2,3", "System.String");
    OP(HV_OP_JOIN, "a:a,b", "s:", "ab", NULL);
    OP(HV_OP_JOIN, "s:x", "s:,", "x", NULL);
    OP(HV_OP_JOIN, "a:1,2", "i:0", "102", NULL);
}

static void
test_contains_is_as(void)
{
    OP(HV_OP_CONTAINS, "a:1,2,3", "i:2", "True", NULL);
    OP(HV_OP_CONTAINS, "a:1,2,3", "s:2", "True", NULL);
    OP(HV_OP_CONTAINS, "a:a,b", "s:B", "True", NULL);
    OPC(HV_OP_CONTAINS, "a:a,b", "s:B", "False", NULL);
    OP(HV_OP_NOTCONTAINS, "a:1,2,3", "i:4", "True", NULL);
    OP(HV_OP_CONTAINS, "s:abc", "s:b", "False", NULL);
    OP(HV_OP_CONTAINS, "s:abc", "s:ABC", "True", NULL);
    OP(HV_OP_IN, "i:2", "a:1,2,3", "True", NULL);
    OP(HV_OP_IN, "s:2", "a:1,2,3", "True", NULL);
    OP(HV_OP_NOTIN, "s:x", "a:a,b", "True", NULL);
    OPV(HV_OP_IS, hv_int(1), hv_type(hv_type_lookup("int")), "True", NULL);
    OPV(HV_OP_IS, hv_int(1), hv_type(hv_type_lookup("long")), "False", NULL);
    OPV(HV_OP_IS, hv_str("x"), hv_type(hv_type_lookup("string")), "True", NULL);
    OPV(HV_OP_IS, hv_str("x"), hv_type(hv_type_lookup("object")), "True", NULL);
    OPV(HV_OP_IS, hv_null(), hv_type(hv_type_lookup("object")), "False", NULL);
    OPV(HV_OP_IS, mk("a:1"), hv_type(hv_type_lookup("array")), "True", NULL);
    OPV(HV_OP_IS, hv_table_new(0), hv_type(hv_type_lookup("hashtable")), "True", NULL);
    OPV(HV_OP_IS, hv_obj_new(NULL), hv_type(hv_type_lookup("pscustomobject")), "True", NULL);
    OPV(HV_OP_ISNOT, hv_int(1), hv_type(hv_type_lookup("string")), "True", NULL);
    OPV(HV_OP_IS, hv_int(1), hv_str("int"), "True", NULL);
    OPV(HV_OP_IS, hv_enum(&hv_enum_dayofweek, 1), hv_type(hv_type_lookup("DayOfWeek")), "True", NULL);
    OPV(HV_OP_AS, hv_str("42"), hv_type(hv_type_lookup("int")), "42", "System.Int32");
    OPV(HV_OP_AS, hv_str("x"), hv_type(hv_type_lookup("int")), "", "null");
    OPV(HV_OP_AS, hv_int(1), hv_type(hv_type_lookup("string")), "1", "System.String");
    OPV(HV_OP_AS, hv_str("1.2.3.4"), hv_type(hv_type_lookup("version")), "1.2.3.4", "System.Version");
    hv_value out;
    hv_conv_err e;
    hv_value one = hv_int(1), bad = hv_str("NoSuchType");
    ERR(hv_op_binary(HV_OP_IS, 0, &one, &bad, &out, NULL, &e), e,
        "Cannot convert the \"NoSuchType\" value of type \"System.String\" to type \"System.Type\".");
    hv_value two = hv_int(2), nul = hv_null();
    ERR(hv_op_binary(HV_OP_AS, 0, &one, &nul, &out, NULL, &e), e, "The right operand of '-as' must be a type.");
    ERR(hv_op_binary(HV_OP_IS, 0, &one, &nul, &out, NULL, &e), e, "The right operand of '-is' must be a type.");
    ERR(hv_op_binary(HV_OP_IS, 0, &one, &two, &out, NULL, &e), e,
        "Cannot convert the \"2\" value of type \"System.Int32\" to type \"System.Type\".");
    /* -like on a collection yields string forms; -eq yields the elements */
    hv_value nums = mk("a:1,2,11");
    hv_value pat = hv_str("1*");
    CHECK(hv_op_binary(HV_OP_LIKE, 0, &nums, &pat, &out, NULL, &e) && hv_array_len(&out) == 2 &&
          hv_array_at(&out, 1)->kind == HV_STRING);
    hv_unref(out);
    hv_value one1 = hv_str("1");
    CHECK(hv_op_binary(HV_OP_EQ, 0, &nums, &one1, &out, NULL, &e) && hv_array_len(&out) == 1 &&
          hv_array_at(&out, 0)->kind == HV_INT);
    hv_unref(out);
    hv_unref(one1);
    hv_unref(nums);
    hv_unref(pat);
    hv_unref(bad);
    OPV(HV_OP_FORMAT, hv_str("{0}-{1}"), mk("a:a,b"), "a-b", "System.String");
    OPV(HV_OP_FORMAT, hv_str("{0:N1}"), hv_double(2.25), "2.3", NULL);
}

static void
test_range(void)
{
    hv_value a = hv_int(1), b = hv_int(5), out;
    hv_conv_err e;
    CHECK(hv_op_range(&a, &b, &out, &e) && vt_is(out, "1 2 3 4 5", NULL));
    CHECK(hv_op_range(&b, &a, &out, &e) && vt_is(out, "5 4 3 2 1", NULL));
    hv_value ca = hv_str("a"), ce = hv_str("e");
    CHECK(hv_op_range(&ca, &ce, &out, &e) && hv_array_at(&out, 0)->kind == HV_CHAR && vt_is(out, "a b c d e", NULL));
    hv_unref(ca);
    hv_unref(ce);
    hv_value s1 = hv_str("1"), s3 = hv_str("3");
    CHECK(hv_op_range(&s1, &s3, &out, &e) && vt_is(out, "1 2 3", NULL));
    hv_unref(s1);
    hv_unref(s3);
    hv_value big = hv_int(60000000);
    ERR(hv_op_range(&a, &big, &out, &e), e,
        "The result of the range operation exceeds the maximum allowed size of 50000000.");
}

static void
test_speed(void)
{
    /* the hot loop shape: $i = $i + 1 and $sum += $i on int32 immediates, no allocation */
    hv_value sum = hv_int(0), one = hv_int(1), i = hv_int(0), out;
    hv_conv_err e;
    for (int k = 0; k < 1000000; k++) {
        hv_op_binary(HV_OP_ADD, 0, &i, &one, &out, NULL, &e);
        i = out;
        hv_op_binary(HV_OP_ADD, 0, &sum, &i, &out, NULL, &e);
        sum = out;
    }
    CHECK(i.u.i == 1000000 && sum.kind == HV_DOUBLE && sum.u.d == 500000500000.0);
}

int
main(void)
{
    test_arith();
    test_bitwise();
    test_compare();
    test_wildcards();
    test_match();
    test_replace();
    test_split_join();
    test_contains_is_as();
    test_range();
    test_replace_cb();
    test_speed();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
