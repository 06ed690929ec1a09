/* pipeline_conv.c — conversions (about_Type_Conversion, LanguagePrimitives): to string,
 * to bool, number parsing, casts with range checks and banker's rounding, type lookup,
 * dates and timespans, and .NET composite formatting (-f). */
#include "pipeline_vtest.h"

static hv_value
cast(const char *type, const char *spec, hv_conv_err *e)
{
    hv_value v = mk(spec), out = hv_null();
    const hv_type_info *t = hv_type_lookup(type);
    if (!t) {
        snprintf(e->msg, sizeof e->msg, "no type %s", type);
        hv_unref(v);
        return hv_str("<no type>");
    }
    if (!hv_conv_to_type(&v, t, &out, e))
        out = hv_str("<error>");
    hv_unref(v);
    return out;
}
static bool
cast_fails(const char *type, const char *spec, hv_conv_err *e)
{
    hv_value v = mk(spec), out;
    bool ok = hv_conv_to_type(&v, hv_type_lookup(type), &out, e);
    if (ok)
        hv_unref(out);
    hv_unref(v);
    return ok;
}

static void
test_to_string(void)
{
    IS(hv_double(0.1 + 0.2), "0.3", "System.Double"); /* PowerShell shows doubles as G15 */
    IS(hv_double(1e16), "1E+16", NULL);
    IS(hv_double(1e15), "1E+15", NULL);
    IS(hv_double(123456789012345.0), "123456789012345", NULL);
    IS(hv_double(0.0001), "0.0001", NULL);
    IS(hv_double(0.00001), "1E-05", NULL);
    IS(hv_double(1.5), "1.5", NULL);
    IS(hv_double(-2.25), "-2.25", NULL);
    IS(hv_double(100), "100", NULL);
    IS(hv_double(1.0 / 3), "0.333333333333333", NULL);
    IS(hv_double(2.0 / 3), "0.666666666666667", NULL);
    IS(hv_double(1e100), "1E+100", NULL);
    IS(hv_double(1.7976931348623157e308), "1.79769313486232E+308", NULL);
    IS(hv_double(5e-324), "4.94065645841247E-324", NULL);
    IS(hv_double(12345.678), "12345.678", NULL);
    IS(hv_double(1234567890123456.0), "1.23456789012346E+15", NULL);
    IS(hv_double(100 * 1.1), "110", NULL);
    IS(hv_double(3.141592653589793), "3.14159265358979", NULL);
    IS(hv_double(0.0590277777777777777), "0.0590277777777778", NULL);
    IS(hv_double(0.000123), "0.000123", NULL);
    IS(hv_double(-1.5e-7), "-1.5E-07", NULL);
    IS(hv_double(-0.0), "-0", NULL);
    IS(hv_double(0.0 / 0.0 * 0 + __builtin_nan("")), "NaN", NULL);
    IS(hv_double(__builtin_inf()), "Infinity", NULL);
    IS(hv_double(-__builtin_inf()), "-Infinity", NULL);
    IS(mk("f:0.1"), "0.1", "System.Single");
    IS(mk("f:1e7"), "1E+07", NULL);
    IS(mk("f:1234567"), "1234567", NULL);
    IS(mk("f:12345678"), "1.234568E+07", NULL);
    IS(mk("f:3.14159274"), "3.141593", NULL);
    IS(mk("m:1.5"), "1.5", "System.Decimal");
    IS(mk("m:1e20"), "100000000000000000000", NULL);
    IS(mk("l:9223372036854775807"), "9223372036854775807", "System.Int64");
    IS(mk("u:18446744073709551615"), "18446744073709551615", "System.UInt64");
    IS(mk("i:-42"), "-42", "System.Int32");
    IS(mk("b:1"), "True", "System.Boolean");
    IS(mk("b:0"), "False", NULL);
    IS(mk("c:é"), "é", "System.Char");
    IS(mk("a:1,2,3"), "1 2 3", "System.Object[]");
    hv_value a = mk("a:1,2,3");
    IS(hv_conv_to_string(&a, ","), "1,2,3", NULL);
    hv_array_push(&a, mk("a:4,5"));
    IS(hv_conv_to_string(&a, NULL), "1 2 3 System.Object[]", NULL);
    hv_unref(a);
    hv_value t = hv_table_new(0);
    IS(hv_conv_to_string(&t, NULL), "System.Collections.Hashtable", NULL);
    hv_unref(t);
    int64_t ticks;
    CHECK(hv_dt_make(2026, 11, 27, 16, 53, 5, 0, &ticks));
    IS(hv_datetime(ticks, HV_DT_LOCAL), "11/27/2026 16:53:05", "System.DateTime");
    IS(hv_timespan(((1 * 24 + 2) * 3600 + 3 * 60 + 4) * HV_TICKS_PER_SEC), "1.02:03:04",
       "System.TimeSpan");
    IS(hv_timespan(-90 * HV_TICKS_PER_SEC), "-00:01:30", NULL);
    IS(hv_timespan(15000000), "00:00:01.5000000", NULL);
    IS(hv_type(hv_type_lookup("int")), "int", NULL);
    IS(hv_null(), "", NULL);
}

static bool
net_is(double d, hv_numkind k, const char *want)
{
    char buf[64];
    hv_conv_fmt_double(d, k, buf, sizeof buf);
    if (strcmp(buf, want) != 0)
        printf("# got %s want %s\n", buf, want);
    return strcmp(buf, want) == 0;
}
#define NET(d, k, want) vt_check(net_is((d), (k), want), "R " #d " -> " want, __LINE__)

/* .NET Core 3+ ToString()/"R": the shortest text that round-trips */
static void
test_net_double(void)
{
    NET(0.1 + 0.2, HV_N_DOUBLE, "0.30000000000000004");
    NET(1.0 / 3, HV_N_DOUBLE, "0.3333333333333333");
    NET(1e16, HV_N_DOUBLE, "1E+16");
    NET(1e15, HV_N_DOUBLE, "1E+15");
    NET(123456789012345.0, HV_N_DOUBLE, "123456789012345");
    NET(1234567890123456.0, HV_N_DOUBLE, "1234567890123456");
    NET(12345678901234567.0, HV_N_DOUBLE, "12345678901234568");
    NET(123456789012345678.0, HV_N_DOUBLE, "1.2345678901234568E+17");
    NET(1.7976931348623157e308, HV_N_DOUBLE, "1.7976931348623157E+308");
    NET(5e-324, HV_N_DOUBLE, "5E-324");
    NET(0.0001, HV_N_DOUBLE, "0.0001");
    NET(0.00001, HV_N_DOUBLE, "1E-05");
    NET(3.141592653589793, HV_N_DOUBLE, "3.141592653589793");
    NET((double)3.14159274f, HV_N_FLOAT, "3.1415927");
    NET((double)12345678.0f, HV_N_FLOAT, "12345678");
    NET((double)1e7f, HV_N_FLOAT, "1E+07");
    NET(-0.0, HV_N_DOUBLE, "-0");
    NET(100 * 1.1, HV_N_DOUBLE, "110.00000000000001");
    char buf[64];
    hv_conv_fmt_double_ps(0.1 + 0.2, HV_N_DOUBLE, buf, sizeof buf);
    CHECK(strcmp(buf, "0.3") == 0);
}

static void
test_to_bool(void)
{
    const struct {
        const char *spec;
        bool want;
    } rows[] = {
        {"n", false},   {"b:0", false}, {"b:1", true},   {"i:0", false}, {"i:-1", true},
        {"d:0", false}, {"d:0.1", true}, {"s:", false},  {"s:False", true}, {"s:0", true},
        {"s: ", true},  {"a:0", false}, {"a:1", true},   {"a:0,0", true}, {"c:a", true},
        {"l:0", false}, {"s:abc", true},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        hv_value v = mk(rows[i].spec);
        bool got = hv_conv_to_bool(&v);
        vt_check(got == rows[i].want, rows[i].spec, __LINE__);
        hv_unref(v);
    }
    hv_value empty = hv_array_new(0);
    CHECK(!hv_conv_to_bool(&empty));
    hv_value nested = hv_array_new(1);
    hv_array_push(&nested, hv_ref(&empty));
    CHECK(!hv_conv_to_bool(&nested));
    hv_unref(nested);
    hv_unref(empty);
    hv_value t = hv_table_new(0);
    CHECK(hv_conv_to_bool(&t));
    hv_unref(t);
}

static void
test_parse_number(void)
{
    const struct {
        const char *s;
        const char *want;
        const char *type;
    } rows[] = {
        {"42", "42", "System.Int32"},          {" 42 ", "42", "System.Int32"},
        {"-5", "-5", "System.Int32"},          {"+7", "7", "System.Int32"},
        {"0x10", "16", "System.Int32"},        {"0xFFFFFFFF", "-1", "System.Int32"},
        {"0x100000000", "4294967296", "System.Int64"}, {"0b101", "5", "System.Int32"},
        {"1e3", "1000", "System.Double"},      {"1.5", "1.5", "System.Double"},
        {".5", "0.5", "System.Double"},        {"1.", "1", "System.Double"},
        {"1kb", "1024", "System.Int32"},       {"2MB", "2097152", "System.Int32"},
        {"1gb", "1073741824", "System.Int32"}, {"4gb", "4294967296", "System.Int64"},
        {"1.5mb", "1572864", "System.Double"}, {"1tb", "1099511627776", "System.Int64"},
        {"3000000000", "3000000000", "System.Int64"}, {"", "0", "System.Int32"},
        {"   ", "0", "System.Int32"},          {"5l", "5", "System.Int64"},
        {"5d", "5", "System.Decimal"},         {"10u", "10", "System.UInt32"},
        {"100000000000000000000", "100000000000000000000", "System.Decimal"},
        {"1E+2", "100", "System.Double"},      {"\t12\n", "12", "System.Int32"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        hv_value out;
        bool ok = hv_conv_parse_number(rows[i].s, strlen(rows[i].s), &out);
        vt_check(ok && vt_is(out, rows[i].want, rows[i].type), rows[i].s, __LINE__);
    }
    const char *bad[] = {"abc", "12abc", "1,000", "0x", "--1", "1e", "1.2.3", "0xZZ", "kb"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hv_value out;
        vt_check(!hv_conv_parse_number(bad[i], strlen(bad[i]), &out), bad[i], __LINE__);
    }
}

static void
test_casts(void)
{
    hv_conv_err e;
    IS(cast("int", "d:2.5", &e), "2", "System.Int32");
    IS(cast("int", "d:3.5", &e), "4", "System.Int32");
    IS(cast("int", "d:-2.5", &e), "-2", NULL);
    IS(cast("int", "d:-3.5", &e), "-4", NULL);
    IS(cast("int", "d:2.6", &e), "3", NULL);
    IS(cast("int", "s:42", &e), "42", NULL);
    IS(cast("int", "s: 42 ", &e), "42", NULL);
    IS(cast("int", "s:0x1F", &e), "31", NULL);
    IS(cast("int", "s:", &e), "0", NULL);
    IS(cast("int", "n", &e), "0", NULL);
    IS(cast("double", "n", &e), "0", "System.Double");
    IS(cast("char", "n", &e), "\0"[0] ? "" : "", "System.Char");
    ERR(cast_fails("datetime", "n", &e), e, "Cannot convert null to type \"System.DateTime\".");
    ERR(cast_fails("DayOfWeek", "n", &e), e, "Cannot convert null to type \"System.DayOfWeek\".");
    IS(cast("version", "n", &e), "", "null");
    IS(cast("hashtable", "n", &e), "", "null");
    IS(cast("int", "b:1", &e), "1", NULL);
    IS(cast("int", "c:A", &e), "65", NULL);
    IS(cast("int", "s:2.5", &e), "2", NULL);
    IS(cast("int", "s:1e3", &e), "1000", NULL);
    IS(cast("long", "s:9223372036854775807", &e), "9223372036854775807", "System.Int64");
    IS(cast("byte", "i:255", &e), "255", "System.Byte");
    IS(cast("sbyte", "i:-128", &e), "-128", "System.SByte");
    IS(cast("int16", "i:-32768", &e), "-32768", "System.Int16");
    IS(cast("uint16", "i:65535", &e), "65535", "System.UInt16");
    IS(cast("uint32", "l:4294967295", &e), "4294967295", "System.UInt32");
    IS(cast("uint64", "s:18446744073709551615", &e), "18446744073709551615", "System.UInt64");
    IS(cast("System.Int32", "a:7", &e), "7", "System.Int32");
    ERR(cast_fails("int", "s:abc", &e), e,
        "Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"");
    ERR(cast_fails("byte", "i:300", &e), e,
        "Cannot convert value \"300\" to type \"System.Byte\". Error: \"Value was either too large or too small for an unsigned byte.\"");
    ERR(cast_fails("sbyte", "i:200", &e), e,
        "Cannot convert value \"200\" to type \"System.SByte\". Error: \"Value was either too large or too small for a signed byte.\"");
    ERR(cast_fails("int", "d:3e10", &e), e,
        "Cannot convert value \"30000000000\" to type \"System.Int32\". Error: \"Value was either too large or too small for an Int32.\"");
    ERR(cast_fails("uint32", "i:-1", &e), e,
        "Cannot convert value \"-1\" to type \"System.UInt32\". Error: \"Value was either too large or too small for a UInt32.\"");
    ERR(cast_fails("int", "a:1,2", &e), e,
        "Cannot convert the \"System.Object[]\" value of type \"System.Object[]\" to type \"System.Int32\".");
    ERR(cast_fails("double", "s:abc", &e), e,
        "Cannot convert value \"abc\" to type \"System.Double\". Error: \"The input string 'abc' was not in a correct format.\"");
    IS(cast("double", "s:1.5", &e), "1.5", "System.Double");
    IS(cast("double", "i:3", &e), "3", "System.Double");
    IS(cast("double", "s:-1e-3", &e), "-0.001", NULL);
    IS(cast("float", "d:0.1", &e), "0.1", "System.Single");
    IS(cast("single", "s:2.5", &e), "2.5", "System.Single");
    IS(cast("decimal", "s:1.25", &e), "1.25", "System.Decimal");
    IS(cast("bool", "s:False", &e), "True", "System.Boolean");
    IS(cast("bool", "s:", &e), "False", NULL);
    IS(cast("bool", "i:0", &e), "False", NULL);
    IS(cast("bool", "i:2", &e), "True", NULL);
    IS(cast("bool", "n", &e), "False", NULL);
    IS(cast("switch", "b:1", &e), "True", NULL);
    IS(cast("char", "s:a", &e), "a", "System.Char");
    IS(cast("char", "i:65", &e), "A", "System.Char");
    ERR(cast_fails("char", "s:ab", &e), e,
        "Cannot convert value \"ab\" to type \"System.Char\". Error: \"String must be exactly one character long.\"");
    IS(cast("string", "n", &e), "", "System.String");
    IS(cast("string", "a:1,2", &e), "1 2", "System.String");
    IS(cast("string", "d:1.5", &e), "1.5", NULL);
    IS(cast("datetime", "s:2026-11-27", &e), "11/27/2026 00:00:00", "System.DateTime");
    IS(cast("datetime", "s:11/27/2026 4:53:05 PM", &e), "11/27/2026 16:53:05", NULL);
    IS(cast("datetime", "s:2026-11-27T16:53:05", &e), "11/27/2026 16:53:05", NULL);
    IS(cast("datetime", "s:2026-11-27 08:30", &e), "11/27/2026 08:30:00", NULL);
    IS(cast("datetime", "s:November 27, 2026", &e), "11/27/2026 00:00:00", NULL);
    IS(cast("datetime", "s:27 Nov 2026 10:00:00", &e), "11/27/2026 10:00:00", NULL);
    IS(cast("datetime", "s:Friday, November 27, 2026 4:53:05 PM", &e), "11/27/2026 16:53:05", NULL);
    IS(cast("datetime", "s:1/2/2026 12:00:00 AM", &e), "01/02/2026 00:00:00", NULL);
    IS(cast("datetime", "s:2026/01/31", &e), "01/31/2026 00:00:00", NULL);
    ERR(cast_fails("datetime", "s:notadate", &e), e,
        "Cannot convert value \"notadate\" to type \"System.DateTime\". Error: \"String 'notadate' was not recognized as a valid DateTime.\"");
    ERR(cast_fails("datetime", "s:2026-02-30", &e), e,
        "Cannot convert value \"2026-02-30\" to type \"System.DateTime\". Error: \"String '2026-02-30' was not recognized as a valid DateTime.\"");
    IS(cast("timespan", "s:01:02:03", &e), "01:02:03", "System.TimeSpan");
    IS(cast("timespan", "s:1.02:03:04.5", &e), "1.02:03:04.5000000", NULL);
    IS(cast("timespan", "s:00:10", &e), "00:10:00", NULL);
    IS(cast("timespan", "s:3", &e), "3.00:00:00", NULL);
    IS(cast("timespan", "i:10000000", &e), "00:00:01", NULL);
    IS(cast("DayOfWeek", "s:friday", &e), "Friday", "System.DayOfWeek");
    IS(cast("System.DayOfWeek", "i:0", &e), "Sunday", NULL);
    ERR(cast_fails("DayOfWeek", "s:Funday", &e), e,
        "Cannot convert value \"Funday\" to type \"System.DayOfWeek\". Error: \"Unable to match the identifier name Funday to a valid enumerator name. Specify one of the following enumerator names and try again:\nSunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday\"");
    IS(cast("ConsoleColor", "s:darkgreen", &e), "DarkGreen", "System.ConsoleColor");
    IS(cast("int[]", "s:5", &e), "5", "System.Object[]");
    IS(cast("int[]", "a:1,2,3", &e), "1 2 3", NULL);
    hv_value arr = cast("int[]", "a:1,2", &e);
    CHECK(arr.kind == HV_ARRAY && hv_array_at(&arr, 1)->kind == HV_INT);
    hv_unref(arr);
    hv_value sarr = cast("string[]", "a:1,2", &e);
    CHECK(sarr.kind == HV_ARRAY && hv_array_at(&sarr, 0)->kind == HV_STRING);
    hv_unref(sarr);
    IS(cast("array", "i:1", &e), "1", "System.Object[]");
    hv_value chars = cast("char[]", "s:héy", &e);
    CHECK(chars.kind == HV_ARRAY && hv_array_len(&chars) == 3 && hv_array_at(&chars, 1)->kind == HV_CHAR &&
          hv_array_at(&chars, 1)->u.i == 0xE9);
    hv_unref(chars);
    IS(cast("version", "s:1.2.3", &e), "1.2.3", "System.Version");
    IS(cast("version", "s:10.0.19041.1", &e), "10.0.19041.1", NULL);
    IS(cast("guid", "s:{6F9619FF-8B86-D011-B42D-00CF4FC964FF}", &e),
       "6f9619ff-8b86-d011-b42d-00cf4fc964ff", "System.Guid");
    ERR(cast_fails("guid", "s:xyz", &e), e,
        "Cannot convert value \"xyz\" to type \"System.Guid\". Error: \"Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).\"");
    IS(cast("ipaddress", "s:192.168.0.1", &e), "192.168.0.1", "System.Net.IPAddress");
    IS(cast("ipaddress", "s:fe80::1", &e), "fe80::1", NULL);
    ERR(cast_fails("ipaddress", "s:300.1.1.1", &e), e,
        "Cannot convert value \"300.1.1.1\" to type \"System.Net.IPAddress\". Error: \"An invalid IP address was specified.\"");
    IS(cast("regex", "s:a+b", &e), "a+b", "System.Text.RegularExpressions.Regex");
    CHECK(cast_fails("xml", "s:<a/>", &e) == false);
    hv_value ty = cast("type", "s:int", &e);
    CHECK(ty.kind == HV_TYPE && strcmp(ty.u.t->full_name, "System.Int32") == 0);
    hv_value tbl = hv_table_new(0);
    hv_table_sets(&tbl, "b", hv_int(2));
    hv_table_sets(&tbl, "a", hv_int(1));
    hv_value obj;
    CHECK(hv_conv_to_type(&tbl, hv_type_lookup("pscustomobject"), &obj, &e));
    IS(hv_ref(&obj), "@{b=2; a=1}", "System.Management.Automation.PSCustomObject");
    hv_unref(obj);
    hv_value ord;
    CHECK(hv_conv_to_type(&tbl, hv_type_lookup("ordered"), &ord, &e));
    CHECK(hv_table_flags(&ord) & HV_TABLE_ORDERED);
    hv_unref(ord);
    hv_unref(tbl);
    hv_value al = cast("System.Collections.ArrayList", "a:1,2", &e);
    CHECK(al.kind == HV_ARRAY && al.sub == HV_TA_LIST);
    CHECK(strcmp(hv_type_of(&al)->full_name, "System.Collections.ArrayList") == 0);
    hv_unref(al);
    int64_t i64;
    hv_value s = hv_str("12");
    CHECK(hv_conv_to_int64(&s, &i64, &e) && i64 == 12);
    hv_unref(s);
    double dd;
    hv_value bs = hv_str("x1");
    CHECK(!hv_conv_to_double(&bs, &dd, &e));
    hv_unref(bs);
    hv_value num;
    hv_value str3 = hv_str("3");
    CHECK(hv_conv_to_number(&str3, &num, &e) && num.kind == HV_INT && num.u.i == 3);
    hv_unref(str3);
    CHECK(hv_conv_round_even(2.5) == 2 && hv_conv_round_even(3.5) == 4 && hv_conv_round_even(-0.5) == 0);
}

static const char *const vm_names[] = {"Running", "Off"};
static const int32_t vm_values[] = {2, 3};
static const hv_enum_def vm_state = {.type_name = "Microsoft.HyperV.PowerShell.VMState",
                                     .names = vm_names, .values = vm_values, .count = 2};

static void
test_types(void)
{
    /* a module registering its enum first must not hide the built-in ones */
    hv_type_register_enum(&vm_state);
    CHECK(hv_type_lookup("VMState") && hv_type_lookup("VMState")->enum_def == &vm_state);
    CHECK(hv_type_lookup("Microsoft.HyperV.PowerShell.VMState") != NULL);
    const struct {
        const char *name, *full;
    } rows[] = {
        {"int", "System.Int32"},       {"Int32", "System.Int32"},
        {"system.int32", "System.Int32"}, {"[int]", "System.Int32"},
        {"long", "System.Int64"},      {"byte", "System.Byte"},
        {"sbyte", "System.SByte"},     {"int16", "System.Int16"},
        {"uint16", "System.UInt16"},   {"uint32", "System.UInt32"},
        {"uint64", "System.UInt64"},   {"double", "System.Double"},
        {"float", "System.Single"},    {"single", "System.Single"},
        {"decimal", "System.Decimal"}, {"bool", "System.Boolean"},
        {"string", "System.String"},   {"char", "System.Char"},
        {"datetime", "System.DateTime"}, {"timespan", "System.TimeSpan"},
        {"object", "System.Object"},   {"array", "System.Array"},
        {"object[]", "System.Object[]"}, {"string[]", "System.String[]"},
        {"int[]", "System.Int32[]"},   {"hashtable", "System.Collections.Hashtable"},
        {"ordered", "System.Collections.Specialized.OrderedDictionary"},
        {"pscustomobject", "System.Management.Automation.PSCustomObject"},
        {"psobject", "System.Management.Automation.PSObject"},
        {"scriptblock", "System.Management.Automation.ScriptBlock"},
        {"regex", "System.Text.RegularExpressions.Regex"}, {"guid", "System.Guid"},
        {"version", "System.Version"}, {"ipaddress", "System.Net.IPAddress"},
        {"xml", "System.Xml.XmlDocument"}, {"switch", "System.Management.Automation.SwitchParameter"},
        {"void", "System.Void"},       {"type", "System.Type"},
        {"math", "System.Math"},       {"System.Math", "System.Math"},
        {"IO.Path", "System.IO.Path"}, {"System.IO.File", "System.IO.File"},
        {"Environment", "System.Environment"}, {"Convert", "System.Convert"},
        {"System.Collections.ArrayList", "System.Collections.ArrayList"},
        {"System.Collections.Generic.List[string]", "System.Collections.Generic.List`1"},
        {"List[int]", "System.Collections.Generic.List`1"},
        {"DayOfWeek", "System.DayOfWeek"}, {"StringSplitOptions", "System.StringSplitOptions"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const hv_type_info *t = hv_type_lookup(rows[i].name);
        bool ok = t && strcmp(t->full_name, rows[i].full) == 0;
        if (!ok)
            printf("# %s -> %s\n", rows[i].name, t ? t->full_name : "NULL");
        vt_check(ok, rows[i].name, __LINE__);
    }
    CHECK(hv_type_lookup("NoSuchType") == NULL);
    CHECK(hv_type_array_of(hv_type_lookup("int")) == hv_type_lookup("int[]"));
    hv_value v = hv_int(1);
    CHECK(hv_type_of(&v) == hv_type_lookup("int"));
    hv_value s = hv_str("x");
    CHECK(hv_type_of(&s) == hv_type_lookup("string"));
    hv_unref(s);
    CHECK(strcmp(hv_type_name(hv_type_lookup("System.Int32")), "int") == 0);
}

static void
test_dates(void)
{
    int64_t t;
    CHECK(hv_dt_make(2026, 11, 27, 16, 53, 5, 1230000, &t));
    const struct {
        const char *fmt, *want;
    } rows[] = {
        {"yyyy-MM-dd", "2026-11-27"},     {"HH:mm:ss.fff", "16:53:05.123"},
        {"hh:mm tt", "04:53 PM"},         {"ddd, MMM d", "Fri, Nov 27"},
        {"dddd", "Friday"},               {"MMMM", "November"},
        {"yy", "26"},                     {"d", "11/27/2026"},
        {"D", "Friday, November 27, 2026"}, {"s", "2026-11-27T16:53:05"},
        {"o", "2026-11-27T16:53:05.1230000"}, {"u", "2026-11-27 16:53:05Z"},
        {"G", "11/27/2026 4:53:05 PM"},   {"g", "11/27/2026 4:53 PM"},
        {"t", "4:53 PM"},                 {"T", "4:53:05 PM"},
        {"M", "November 27"},             {"Y", "November 2026"},
        {"f", "Friday, November 27, 2026 4:53 PM"},
        {"F", "Friday, November 27, 2026 4:53:05 PM"},
        {"yyyyMMdd_HHmmss", "20261127_165305"}, {"'Date:' yyyy", "Date: 2026"},
        {"%d", "27"},                     {"r", "Fri, 27 Nov 2026 16:53:05 GMT"},
        {"h:m:s", "4:53:5"},              {"MM/dd/yyyy", "11/27/2026"},
        {"dd.MM.yyyy", "27.11.2026"},     {"HH\\hmm", "16h53"},
        {"ss.FFF", "05.123"},             {"fffffff", "1230000"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        hv_value s = hv_dt_format(t, HV_DT_UNSPECIFIED, rows[i].fmt);
        vt_check(vt_is(s, rows[i].want, NULL), rows[i].fmt, __LINE__);
    }
    IS(hv_dt_format(t, HV_DT_UTC, "o"), "2026-11-27T16:53:05.1230000Z", NULL);
    hv_dt_parts p;
    hv_dt_split(t, &p);
    CHECK(p.year == 2026 && p.month == 11 && p.day == 27 && p.hour == 16 && p.minute == 53 &&
          p.second == 5 && p.millisecond == 123 && p.dayofweek == 5 && p.dayofyear == 331);
    CHECK(hv_dt_days_in_month(2024, 2) == 29 && hv_dt_days_in_month(2100, 2) == 28);
    int64_t t1;
    CHECK(hv_dt_make(1, 1, 1, 0, 0, 0, 0, &t1) && t1 == 0);
    CHECK(hv_dt_make(1970, 1, 1, 0, 0, 0, 0, &t1) && t1 == HV_UNIX_EPOCH_TICKS);
    CHECK(!hv_dt_make(2026, 13, 1, 0, 0, 0, 0, &t1));
    int64_t now = hv_dt_now_ticks(HV_DT_UTC);
    CHECK(now > t1);
    IS(hv_ts_format(((2 * 24 + 3) * 3600LL + 4 * 60 + 5) * HV_TICKS_PER_SEC, "g"), "2:3:04:05", NULL);
    IS(hv_ts_format(90 * HV_TICKS_PER_SEC, "hh\\:mm\\:ss"), "00:01:30", NULL);
    IS(hv_ts_format(90 * HV_TICKS_PER_SEC, "mm':'ss"), "01:30", NULL);
    int64_t ts;
    CHECK(hv_ts_parse("-00:00:30", &ts) && ts == -30 * HV_TICKS_PER_SEC);
    CHECK(!hv_ts_parse("25:00:00", &ts));
    CHECK(!hv_ts_parse("abc", &ts));
}

static bool
fmt_is(const char *fmt, hv_value *args, size_t n, const char *want)
{
    hv_value out;
    hv_conv_err e;
    bool ok = hv_conv_format(fmt, args, n, &out, &e);
    for (size_t i = 0; i < n; i++)
        hv_unref(args[i]);
    if (!ok) {
        printf("# error: %s\n", e.msg);
        return false;
    }
    return vt_is(out, want, NULL);
}
#define FMT(fmt, want, ...)                                                         \
    do {                                                                             \
        hv_value a_[] = {__VA_ARGS__};                                               \
        vt_check(fmt_is(fmt, a_, sizeof a_ / sizeof a_[0], want), fmt " -> " want, __LINE__); \
    } while (0)

static void
test_format(void)
{
    FMT("{0}", "1", hv_int(1));
    FMT("{0} {1}", "a b", hv_str("a"), hv_str("b"));
    FMT("{1}{0}", "ba", hv_str("a"), hv_str("b"));
    FMT("[{0,-10}]", "[abc       ]", hv_str("abc"));
    FMT("[{0,5}]", "[  abc]", hv_str("abc"));
    FMT("[{0,3}]", "[abcdef]", hv_str("abcdef"));
    FMT("{0:N2}", "1,234.57", hv_double(1234.567));
    FMT("{0:N0}", "1,235", hv_double(1234.5));
    FMT("{0:N}", "1,234.00", hv_int(1234));
    FMT("{0:N2}", "-1,234.50", hv_double(-1234.5));
    FMT("{0:X4}", "00FF", hv_int(255));
    FMT("{0:x}", "ff", hv_int(255));
    FMT("{0:X}", "FFFFFFFF", hv_int(-1));
    FMT("{0:X}", "FFFFFFFFFFFFFFFF", hv_long(-1));
    FMT("{0:D3}", "007", hv_int(7));
    FMT("{0:D3}", "-007", hv_int(-7));
    FMT("{0:P1}", "12.5%", hv_double(0.125));
    FMT("{0:P0}", "50%", hv_double(0.5));
    FMT("{0:F2}", "3.14", hv_double(3.14159));
    FMT("{0:F0}", "3", hv_double(2.5));
    FMT("{0:F2}", "0.13", hv_double(0.125));
    FMT("{0:F1}", "10.0", hv_int(10));
    FMT("{0:C}", "$1,234.50", hv_double(1234.5));
    FMT("{0:C0}", "$99", hv_int(99));
    FMT("{0:E3}", "1.235E+003", hv_double(1234.5678));
    FMT("{0:e2}", "1.50e-005", hv_double(0.000015));
    FMT("{0:G}", "0.5", hv_double(0.5));
    FMT("{0:G3}", "1.23E+04", hv_double(12345));
    FMT("{0:G3}", "3.14", hv_double(3.14159));
    FMT("{0:R}", "0.30000000000000004", hv_double(0.1 + 0.2));
    FMT("{0}", "0.30000000000000004", hv_double(0.1 + 0.2)); /* -f uses .NET's ToString() */
    FMT("{0:G}", "0.30000000000000004", hv_double(0.1 + 0.2));
    FMT("{0:0.00}", "3.14", hv_double(3.14159));
    FMT("{0:0.00}", "3.00", hv_int(3));
    FMT("{0:#,##0}", "1,234,567", hv_int(1234567));
    FMT("{0:#,##0.00}", "1,234.50", hv_double(1234.5));
    FMT("{0:00}", "05", hv_int(5));
    FMT("{0:000.0}", "012.3", hv_double(12.34));
    FMT("{0:#.##}", "3.1", hv_double(3.1));
    FMT("{0:#.##}", "", hv_int(0));
    FMT("{0:0.##}", "2", hv_double(2.0));
    FMT("{0:0%}", "25%", hv_double(0.25));
    FMT("{0:0.0%}", "12.5%", hv_double(0.125));
    FMT("{0:(###) ###-####}", "(555) 123-4567", hv_long(5551234567LL));
    FMT("{0:0.00;(0.00);zero}", "(1.50)", hv_double(-1.5));
    FMT("{0:0.00;(0.00);zero}", "zero", hv_int(0));
    FMT("{0:0.0E+00}", "1.2E+03", hv_double(1234));
    FMT("{0:#,#}", "1,000", hv_int(1000));
    FMT("{0:0,,}", "12", hv_int(12345678));
    FMT("{0:N0}", "9,223,372,036,854,775,807", hv_long(INT64_MAX));
    FMT("{0:#,##0}", "1,234,567,890,123", hv_long(1234567890123LL));
    FMT("{0:P0}", "100%", hv_int(1));
    FMT("{0:D}", "18446744073709551615", hv_uint64(UINT64_MAX));
    FMT("{0:N2}", "0.01", hv_double(0.005));
    FMT("{0:N2}", "0.00", hv_double(0.004));
    FMT("{0:F3}", "-1.000", hv_double(-0.9995));
    FMT("{{0}}", "{0}", hv_int(1));
    FMT("{{{0}}}", "{7}", hv_int(7));
    int64_t day;
    hv_dt_make(2026, 11, 27, 0, 0, 0, 0, &day);
    FMT("{0:yyyy-MM-dd}", "2026-11-27", hv_datetime(day, HV_DT_UNSPECIFIED));
    FMT("{0}", "11/27/2026 12:00:00 AM", hv_datetime(day, HV_DT_UNSPECIFIED));
    FMT("{0}", "True", hv_bool(true));
    FMT("{0}", "", hv_null());
    FMT("{0,8:N2}|", "1,234.50|", hv_double(1234.5));
    FMT("{0,-8:F1}|", "2.5     |", hv_double(2.5));
    FMT("{0:hh\\:mm}", "01:30", hv_timespan(90 * 60 * HV_TICKS_PER_SEC));
    FMT("{0:d}", "2", hv_enum(&hv_enum_dayofweek, 2));
    FMT("{0}", "Tuesday", hv_enum(&hv_enum_dayofweek, 2));
    hv_value out;
    hv_conv_err e;
    hv_value one = hv_int(1);
    ERR(hv_conv_format("{1}", &one, 1, &out, &e), e,
        "Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..");
    /* .NET 8 composite-format errors, offsets as AppendFormatHelper reports them */
    ERR(hv_conv_format("{0", &one, 1, &out, &e), e,
        "Error formatting a string: Input string was not in a correct format. Failure to parse near offset 2. Format item ends prematurely..");
    ERR(hv_conv_format("x}", &one, 1, &out, &e), e,
        "Error formatting a string: Input string was not in a correct format. Failure to parse near offset 2. Format item ends prematurely..");
    ERR(hv_conv_format("a}b", &one, 1, &out, &e), e,
        "Error formatting a string: Input string was not in a correct format. Failure to parse near offset 2. Unexpected closing brace without a corresponding opening brace..");
    ERR(hv_conv_format("{x}", &one, 1, &out, &e), e,
        "Error formatting a string: Input string was not in a correct format. Failure to parse near offset 1. Expected an ASCII digit..");
    ERR(hv_conv_format("{ 0}", &one, 1, &out, &e), e,
        "Error formatting a string: Input string was not in a correct format. Failure to parse near offset 1. Expected an ASCII digit..");
    ERR(hv_conv_format("{0,x}", &one, 1, &out, &e), e,
        "Error formatting a string: Input string was not in a correct format. Failure to parse near offset 3. Expected an ASCII digit..");
    ERR(hv_conv_format("{0:a{b}", &one, 1, &out, &e), e,
        "Error formatting a string: Input string was not in a correct format. Failure to parse near offset 4. Format item ends prematurely..");
    ERR(hv_conv_format("{0;}", &one, 1, &out, &e), e,
        "Error formatting a string: Input string was not in a correct format. Failure to parse near offset 2. Format item ends prematurely..");
    IS((hv_conv_format("{0 , -4 }|", &one, 1, &out, &e), out), "1   |", NULL);
    IS(hv_conv_format_one(&one, "D4"), "0001", NULL);
    hv_value pi = hv_double(3.14159);
    IS(hv_conv_format_one(&pi, "N3"), "3.142", NULL);
}

int
main(void)
{
    test_types();
    test_to_string();
    test_net_double();
    test_to_bool();
    test_parse_number();
    test_casts();
    test_dates();
    test_format();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
