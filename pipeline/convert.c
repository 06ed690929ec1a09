/* convert.c — PowerShell's conversions (LanguagePrimitives): to string, bool, numbers,
 * casts with .NET range checks, the type table behind type literals, dates and timespans,
 * and the small boxed natives (guid, version, ipaddress). */
#include "convert.h"
#include "errors.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ops.h"

/* ------------------------------------------------------------------ built-in enums */

static const char *const dow_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
static const int32_t seq_values[] = {0,  1,  2,  3,  4,  5,  6,  7,  8,
                                     9, 10, 11, 12, 13, 14, 15, 16, 17};
const hv_enum_def hv_enum_dayofweek = {.type_name = "System.DayOfWeek", .names = dow_names,
                                       .values = seq_values, .count = 7};
static const char *const dh_names[] = {"Date", "Time", "DateTime"};
const hv_enum_def hv_enum_displayhint = {.type_name = "Microsoft.PowerShell.Commands.DisplayHintType",
                                         .names = dh_names, .values = seq_values, .count = 3};
static const char *const sc_names[] = {"CurrentCulture", "CurrentCultureIgnoreCase",
                                       "InvariantCulture", "InvariantCultureIgnoreCase",
                                       "Ordinal", "OrdinalIgnoreCase"};
const hv_enum_def hv_enum_stringcomparison = {.type_name = "System.StringComparison",
                                              .names = sc_names, .values = seq_values,
                                              .count = 6};
static const char *const sso_names[] = {"None", "RemoveEmptyEntries", "TrimEntries"};
static const int32_t sso_values[] = {0, 1, 2};
const hv_enum_def hv_enum_splitoptions = {.type_name = "System.StringSplitOptions",
                                          .names = sso_names, .values = sso_values, .count = 3,
                                          .flags = true};
static const char *const mr_names[] = {"ToEven", "AwayFromZero", "ToZero", "ToNegativeInfinity",
                                       "ToPositiveInfinity"};
const hv_enum_def hv_enum_midpoint = {.type_name = "System.MidpointRounding", .names = mr_names,
                                      .values = seq_values, .count = 5};
static const char *const cc_names[] = {"Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed",
                                       "DarkMagenta", "DarkYellow", "Gray", "DarkGray", "Blue",
                                       "Green", "Cyan", "Red", "Magenta", "Yellow", "White"};
const hv_enum_def hv_enum_consolecolor = {.type_name = "System.ConsoleColor", .names = cc_names,
                                          .values = seq_values, .count = 16};
static const char *const ap_names[] = {"SilentlyContinue", "Stop", "Continue", "Inquire",
                                       "Ignore", "Suspend", "Break"};
const hv_enum_def hv_enum_actionpref = {
    .type_name = "System.Management.Automation.ActionPreference", .names = ap_names,
    .values = seq_values, .count = 7};
static const char *const dtk_names[] = {"Unspecified", "Utc", "Local"};
const hv_enum_def hv_enum_datetimekind = {.type_name = "System.DateTimeKind", .names = dtk_names,
                                          .values = seq_values, .count = 3};

/* ------------------------------------------------------------------ type table */

#define T(var, full, shortn, k, s) \
    static const hv_type_info var = {.full_name = full, .short_name = shortn, .kind = k, .sub = s}
T(t_int, "System.Int32", "int", HV_INT, HV_N_INT32);
T(t_long, "System.Int64", "long", HV_INT, HV_N_INT64);
T(t_byte, "System.Byte", "byte", HV_INT, HV_N_BYTE);
T(t_sbyte, "System.SByte", "sbyte", HV_INT, HV_N_SBYTE);
T(t_int16, "System.Int16", "short", HV_INT, HV_N_INT16);
T(t_uint16, "System.UInt16", "ushort", HV_INT, HV_N_UINT16);
T(t_uint32, "System.UInt32", "uint", HV_INT, HV_N_UINT32);
T(t_uint64, "System.UInt64", "ulong", HV_INT, HV_N_UINT64);
T(t_bigint, "System.Numerics.BigInteger", "bigint", HV_INT, HV_N_BIGINT);
T(t_double, "System.Double", "double", HV_DOUBLE, HV_N_DOUBLE);
T(t_float, "System.Single", "float", HV_DOUBLE, HV_N_FLOAT);
T(t_decimal, "System.Decimal", "decimal", HV_DOUBLE, HV_N_DECIMAL);
T(t_bool, "System.Boolean", "bool", HV_BOOL, 0);
T(t_switch, "System.Management.Automation.SwitchParameter", "switch", HV_BOOL, 1);
T(t_string, "System.String", "string", HV_STRING, 0);
T(t_char, "System.Char", "char", HV_CHAR, 0);
T(t_datetime, "System.DateTime", "datetime", HV_DATETIME, 0);
T(t_timespan, "System.TimeSpan", "timespan", HV_TIMESPAN, 0);
T(t_object, "System.Object", "object", HV__KIND_COUNT, 0);
T(t_psobject, "System.Management.Automation.PSObject", "psobject", HV__KIND_COUNT, 1);
T(t_hashtable, "System.Collections.Hashtable", "hashtable", HV_TABLE, 0);
T(t_ordered, "System.Collections.Specialized.OrderedDictionary", "ordered", HV_TABLE,
  HV_TABLE_ORDERED);
T(t_ordered_ht, "System.Management.Automation.OrderedHashtable", NULL, HV_TABLE,
  HV_TABLE_ORDERED_HT);
T(t_pscustom, "System.Management.Automation.PSCustomObject", "pscustomobject", HV_OBJECT, 0);
T(t_scriptblock, "System.Management.Automation.ScriptBlock", "scriptblock", HV_SCRIPTBLOCK, 0);
T(t_regex, "System.Text.RegularExpressions.Regex", "regex", HV_BOXED, HV_TB_REGEX);
T(t_match, "System.Text.RegularExpressions.Match", NULL, HV_BOXED, HV_TB_MATCH);
T(t_guid, "System.Guid", "guid", HV_BOXED, HV_TB_GUID);
T(t_version, "System.Version", "version", HV_BOXED, HV_TB_VERSION);
T(t_ipaddress, "System.Net.IPAddress", "ipaddress", HV_BOXED, HV_TB_IPADDRESS);
T(t_xml, "System.Xml.XmlDocument", "xml", HV_BOXED, HV_TB_XML);
/* made by the XML module (hv_conv_xml()->new_nsmgr); not a conversion target */
T(t_xmlnsmgr, "System.Xml.XmlNamespaceManager", NULL, HV_BOXED, HV_TB_XML);
/* node classes of the XML module: -is, casts and parameters of these types accept its
 * objects by their type names */
T(t_xmlnode, "System.Xml.XmlNode", NULL, HV_BOXED, HV_TB_XML);
T(t_xmlelem, "System.Xml.XmlElement", NULL, HV_BOXED, HV_TB_XML);
T(t_xmlattr, "System.Xml.XmlAttribute", NULL, HV_BOXED, HV_TB_XML);
T(t_xmltext, "System.Xml.XmlText", NULL, HV_BOXED, HV_TB_XML);
T(t_xmlcomment, "System.Xml.XmlComment", NULL, HV_BOXED, HV_TB_XML);
T(t_xmllinked, "System.Xml.XmlLinkedNode", NULL, HV_BOXED, HV_TB_XML);
T(t_uri, "System.Uri", "uri", HV_BOXED, HV_TB_URI);
T(t_void, "System.Void", "void", HV_NULL, 1);
T(t_null, "System.Management.Automation.Language.NullString", "NullString", HV_NULL, 2);
T(t_type, "System.Type", "type", HV_TYPE, 0);
T(t_arraylist, "System.Collections.ArrayList", NULL, HV_ARRAY, HV_TA_LIST);
T(t_genlist, "System.Collections.Generic.List`1", NULL, HV_ARRAY, HV_TA_GENERIC_LIST);
T(t_queue, "System.Collections.Queue", NULL, HV_ARRAY, HV_TA_QUEUE);
T(t_genqueue, "System.Collections.Generic.Queue`1", NULL, HV_ARRAY, HV_TA_GENERIC_QUEUE);
T(t_stack, "System.Collections.Stack", NULL, HV_ARRAY, HV_TA_STACK);
T(t_genstack, "System.Collections.Generic.Stack`1", NULL, HV_ARRAY, HV_TA_GENERIC_STACK);
T(t_hashset, "System.Collections.Generic.HashSet`1", NULL, HV_ARRAY, HV_TA_HASHSET);
T(t_strcomparer, "System.StringComparer", NULL, HV_BOXED, HV_TB_STATIC);
T(t_math, "System.Math", "math", HV_BOXED, HV_TB_STATIC);
T(t_convert, "System.Convert", NULL, HV_BOXED, HV_TB_STATIC);
T(t_environment, "System.Environment", NULL, HV_BOXED, HV_TB_STATIC);
T(t_path, "System.IO.Path", NULL, HV_BOXED, HV_TB_STATIC);
T(t_file, "System.IO.File", NULL, HV_BOXED, HV_TB_STATIC);
T(t_directory, "System.IO.Directory", NULL, HV_BOXED, HV_TB_STATIC);
T(t_encoding, "System.Text.Encoding", NULL, HV_BOXED, HV_TB_ENCODING);
T(t_bitconverter, "System.BitConverter", NULL, HV_BOXED, HV_TB_STATIC);
T(t_console, "System.Console", NULL, HV_BOXED, HV_TB_STATIC);
T(t_enum, "System.Enum", "enum", HV_BOXED, HV_TB_STATIC);
T(t_array_cls, "System.Array", "array", HV_ARRAY, HV_TA_OBJECT);
T(t_dbnull, "System.DBNull", NULL, HV_NULL, 3);
T(t_ref, "System.Management.Automation.PSReference", "ref", HV_OBJECT, 1);
T(t_sb, "System.Text.StringBuilder", NULL, HV_BOXED, HV_TB_STRINGBUILDER);
T(t_culture, "System.Globalization.CultureInfo", "cultureinfo", HV_BOXED, HV_TB_CULTURE);
T(t_stopwatch, "System.Diagnostics.Stopwatch", NULL, HV_BOXED, HV_TB_STOPWATCH);
T(t_thread, "System.Threading.Thread", NULL, HV_BOXED, HV_TB_STATIC);
T(t_dns, "System.Net.Dns", NULL, HV_BOXED, HV_TB_STATIC);
T(t_assembly, "System.Reflection.Assembly", NULL, HV_BOXED, HV_TB_STATIC);
T(t_wildcard, "System.Management.Automation.WildcardPattern", "WildcardPattern", HV_BOXED,
  HV_TB_STATIC);
T(t_pscred, "System.Management.Automation.PSCredential", "pscredential", HV_BOXED, HV_TB_CREDENTIAL);
T(t_netcred, "System.Net.NetworkCredential", NULL, HV_BOXED, HV_TB_CREDENTIAL);
/* Dictionary<K,V> and friends are hashtables; .NET's default comparer is case-sensitive */
T(t_dictionary, "System.Collections.Generic.Dictionary", NULL, HV_TABLE, HV_TABLE_CASE_SENSITIVE);
static const hv_type_info t_objarr = {.full_name = "System.Object[]", .short_name = "object[]",
                                      .kind = HV_ARRAY, .element = &t_object};
/* Collection interfaces convert as object[] does; -is tells them apart by name (ops.c). */
static const hv_type_info t_ienumerable = {.full_name = "System.Collections.IEnumerable",
                                           .kind = HV_ARRAY, .element = &t_object};
static const hv_type_info t_icollection = {.full_name = "System.Collections.ICollection",
                                           .kind = HV_ARRAY, .element = &t_object};
static const hv_type_info t_ilist = {.full_name = "System.Collections.IList", .kind = HV_ARRAY,
                                     .element = &t_object};
/* Value interfaces and System.ValueType: a cast leaves the value as it is ([object], sub 2);
 * -is answers by the value's kind (ops.c). */
static const hv_type_info t_icomparable = {.full_name = "System.IComparable",
                                           .kind = HV__KIND_COUNT, .sub = 2};
static const hv_type_info t_iformattable = {.full_name = "System.IFormattable",
                                            .kind = HV__KIND_COUNT, .sub = 2};
static const hv_type_info t_iconvertible = {.full_name = "System.IConvertible",
                                            .kind = HV__KIND_COUNT, .sub = 2};
static const hv_type_info t_valuetype = {.full_name = "System.ValueType",
                                         .kind = HV__KIND_COUNT, .sub = 2};
#undef T

typedef struct {
    const char *name;
    const hv_type_info *t;
} type_name_row;

/* Accelerators and full names; "System." is optional when looking up (PowerShell tries it). */
static const type_name_row type_names[] = {
    {"int", &t_int},           {"System.Int32", &t_int},       {"long", &t_long},
    {"System.Int64", &t_long}, {"byte", &t_byte},              {"System.Byte", &t_byte},
    {"sbyte", &t_sbyte},       {"System.SByte", &t_sbyte},     {"short", &t_int16},
    {"int16", &t_int16},       {"System.Int16", &t_int16},     {"ushort", &t_uint16},
    {"uint16", &t_uint16},     {"System.UInt16", &t_uint16},   {"uint", &t_uint32},
    {"uint32", &t_uint32},     {"System.UInt32", &t_uint32},   {"ulong", &t_uint64},
    {"uint64", &t_uint64},     {"System.UInt64", &t_uint64},   {"bigint", &t_bigint},
    {"System.Numerics.BigInteger", &t_bigint}, {"double", &t_double},
    {"System.Double", &t_double}, {"float", &t_float},         {"single", &t_float},
    {"System.Single", &t_float}, {"decimal", &t_decimal},      {"System.Decimal", &t_decimal},
    {"bool", &t_bool},         {"System.Boolean", &t_bool},    {"switch", &t_switch},
    {"System.Management.Automation.SwitchParameter", &t_switch},
    {"string", &t_string},     {"System.String", &t_string},   {"char", &t_char},
    {"System.Char", &t_char},  {"datetime", &t_datetime},      {"System.DateTime", &t_datetime},
    {"timespan", &t_timespan}, {"System.TimeSpan", &t_timespan}, {"object", &t_object},
    {"System.Object", &t_object}, {"psobject", &t_psobject},
    {"System.Management.Automation.PSObject", &t_psobject},
    {"hashtable", &t_hashtable}, {"System.Collections.Hashtable", &t_hashtable},
    {"ordered", &t_ordered},
    {"System.Collections.Specialized.OrderedDictionary", &t_ordered},
    {"System.Management.Automation.OrderedHashtable", &t_ordered_ht},
    {"pscustomobject", &t_pscustom},
    {"System.Management.Automation.PSCustomObject", &t_pscustom},
    {"scriptblock", &t_scriptblock},
    {"System.Management.Automation.ScriptBlock", &t_scriptblock},
    {"regex", &t_regex},       {"System.Text.RegularExpressions.Regex", &t_regex},
    {"System.Text.RegularExpressions.Match", &t_match},
    {"guid", &t_guid},         {"System.Guid", &t_guid},       {"version", &t_version},
    {"System.Version", &t_version}, {"ipaddress", &t_ipaddress},
    {"System.Net.IPAddress", &t_ipaddress}, {"xml", &t_xml},   {"System.Xml.XmlDocument", &t_xml},
    {"System.Xml.XmlNamespaceManager", &t_xmlnsmgr},
    {"System.Xml.XmlNode", &t_xmlnode}, {"System.Xml.XmlElement", &t_xmlelem},
    {"System.Xml.XmlAttribute", &t_xmlattr}, {"System.Xml.XmlText", &t_xmltext},
    {"System.Xml.XmlComment", &t_xmlcomment}, {"System.Xml.XmlLinkedNode", &t_xmllinked},
    {"uri", &t_uri},           {"System.Uri", &t_uri},         {"void", &t_void},
    {"System.Void", &t_void},  {"NullString", &t_null},        {"type", &t_type},
    {"System.Type", &t_type},  {"System.RuntimeType", &t_type},
    {"System.Collections.ArrayList", &t_arraylist}, {"math", &t_math},
    {"System.Collections.Generic.List`1", &t_genlist},
    {"System.Collections.Queue", &t_queue}, {"System.Collections.Stack", &t_stack},
    {"System.Collections.Generic.Queue`1", &t_genqueue},
    {"System.Collections.Generic.Stack`1", &t_genstack},
    {"System.Collections.Generic.HashSet`1", &t_hashset},
    {"System.StringComparer", &t_strcomparer},
    {"System.Math", &t_math},  {"System.Convert", &t_convert},
    {"System.Environment", &t_environment}, {"System.IO.Path", &t_path},
    {"System.IO.File", &t_file}, {"System.IO.Directory", &t_directory},
    {"System.Text.Encoding", &t_encoding}, {"System.BitConverter", &t_bitconverter},
    {"System.Console", &t_console}, {"enum", &t_enum},         {"System.Enum", &t_enum},
    {"array", &t_array_cls},   {"System.Array", &t_array_cls}, {"System.DBNull", &t_dbnull},
    {"System.Collections.IDictionary", &t_hashtable},
    {"System.Text.StringBuilder", &t_sb},
    {"ref", &t_ref},
    {"cultureinfo", &t_culture},
    {"System.Diagnostics.Stopwatch", &t_stopwatch},
    {"System.Threading.Thread", &t_thread},
    {"System.Net.Dns", &t_dns},
    {"System.Reflection.Assembly", &t_assembly},
    {"WildcardPattern", &t_wildcard},
    {"System.Management.Automation.WildcardPattern", &t_wildcard},
    {"pscredential", &t_pscred},
    {"System.Management.Automation.PSCredential", &t_pscred},
    {"System.Net.NetworkCredential", &t_netcred},
    {"System.Globalization.CultureInfo", &t_culture},
    {"System.Management.Automation.PSReference", &t_ref},
    {"System.Collections.Specialized.OrderedDictionary", &t_ordered}, {"System.Collections.IList", &t_ilist},
    {"System.Collections.ICollection", &t_icollection}, {"System.Collections.IEnumerable", &t_ienumerable},
    {"System.IComparable", &t_icomparable}, {"System.IFormattable", &t_iformattable},
    {"System.IConvertible", &t_iconvertible}, {"System.ValueType", &t_valuetype},
};

/* Registered enums and derived (array, named) types: process-wide registries, as .NET's
 * type system is process-wide; they only grow. */
typedef struct {
    const hv_type_info **v;
    size_t n, cap;
} type_list;
static type_list enum_types, array_types, named_types;

static void
type_list_add(type_list *l, const hv_type_info *t)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = hv_xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = t;
}

static const hv_enum_def *const builtin_enums[] = {
    &hv_enum_dayofweek, &hv_enum_stringcomparison, &hv_enum_splitoptions, &hv_enum_midpoint,
    &hv_enum_consolecolor, &hv_enum_actionpref, &hv_enum_datetimekind, &hv_enum_displayhint,
};

static const char *
last_segment(const char *full)
{
    const char *dot = strrchr(full, '.');
    return dot ? dot + 1 : full;
}

void
hv_type_register_enum(const hv_enum_def *def)
{
    for (size_t i = 0; i < enum_types.n; i++)
        if (enum_types.v[i]->enum_def == def)
            return;
    hv_type_info *t = hv_xcalloc(1, sizeof *t);
    t->full_name = def->type_name;
    t->short_name = NULL;
    t->kind = HV_ENUM;
    t->enum_def = def;
    type_list_add(&enum_types, t);
}

static void
ensure_builtin_enums(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    for (size_t i = 0; i < sizeof builtin_enums / sizeof builtin_enums[0]; i++)
        hv_type_register_enum(builtin_enums[i]);
    hv_type_register_enum(hv_err_category_enum()); /* [System.Management.Automation.ErrorCategory] */
}

static const hv_type_info *
lookup_exact(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++) {
        const char *n = type_names[i].name;
        if (hv_strn_eq_ci(n, strlen(n), name, len))
            return type_names[i].t;
    }
    ensure_builtin_enums();
    for (size_t i = 0; i < enum_types.n; i++) {
        const char *n = enum_types.v[i]->full_name;
        if (hv_strn_eq_ci(n, strlen(n), name, len))
            return enum_types.v[i];
    }
    /* registered enums also resolve by their last segment ([VMState]) */
    for (size_t i = 0; i < enum_types.n; i++) {
        const char *n = last_segment(enum_types.v[i]->full_name);
        if (hv_strn_eq_ci(n, strlen(n), name, len))
            return enum_types.v[i];
    }
    return NULL;
}

static const hv_type_info *
lookup_base(const char *name, size_t len)
{
    const hv_type_info *t = lookup_exact(name, len);
    if (t)
        return t;
    char buf[300];
    if (len + 8 >= sizeof buf)
        return NULL;
    memcpy(buf, "System.", 7);
    memcpy(buf + 7, name, len);
    return lookup_exact(buf, len + 7);
}

/* Generic List[T] and friends behave like ArrayList here. */
static bool
is_generic_list(const char *name, size_t len, size_t *open)
{
    static const char *const lists[] = {"System.Collections.Generic.List",
                                        "Collections.Generic.List", "Generic.List", "List"};
    const char *br = memchr(name, '[', len);
    if (!br || name[len - 1] != ']')
        return false;
    size_t n = (size_t)(br - name);
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        if (hv_strn_eq_ci(lists[i], strlen(lists[i]), name, n)) {
            *open = n;
            return true;
        }
    }
    return false;
}

/* Queue[T] / Stack[T] / HashSet[T] (System.Collections.Generic, any prefix of it). */
static const hv_type_info *
generic_collection(const char *name, size_t len)
{
    static const struct {
        const char *name;
        const hv_type_info *t;
    } kinds[] = {{"Queue", &t_genqueue}, {"Stack", &t_genstack}, {"HashSet", &t_hashset}};
    static const char *const prefixes[] = {"System.Collections.Generic.", "Collections.Generic.",
                                           "Generic.", ""};
    const char *br = memchr(name, '[', len);
    if (!br || name[len - 1] != ']')
        return NULL;
    size_t n = (size_t)(br - name);
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t kl = strlen(kinds[k].name);
        for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
            size_t pl = strlen(prefixes[i]);
            if (n == pl + kl && hv_strn_eq_ci(prefixes[i], pl, name, pl) &&
                hv_strn_eq_ci(kinds[k].name, kl, name + pl, kl))
                return kinds[k].t;
        }
    }
    return NULL;
}

static bool
is_generic_dict(const char *name, size_t len)
{
    static const char *const dicts[] = {"System.Collections.Generic.Dictionary",
                                        "Collections.Generic.Dictionary", "Generic.Dictionary",
                                        "Dictionary", "System.Collections.Generic.SortedDictionary"};
    const char *br = memchr(name, '[', len);
    if (!br || name[len - 1] != ']')
        return false;
    size_t n = (size_t)(br - name);
    for (size_t i = 0; i < sizeof dicts / sizeof dicts[0]; i++)
        if (hv_strn_eq_ci(dicts[i], strlen(dicts[i]), name, n))
            return true;
    return false;
}

static const hv_type_info *exception_type(const char *full, unsigned sub);

#define NULLABLE_PREFIX "System.Nullable`1["

/* [Nullable[int]]: behaves as the inner type, except that $null stays $null. */
static bool
is_nullable_type(const hv_type_info *t)
{
    return t->full_name && strncmp(t->full_name, NULLABLE_PREFIX, sizeof NULLABLE_PREFIX - 1) == 0;
}

static const hv_type_info *
nullable_of(const char *name, size_t len)
{
    static const char *const heads[] = {"System.Nullable`1[", "System.Nullable[", "Nullable`1[",
                                        "Nullable["};
    size_t hl = 0;
    for (size_t i = 0; i < sizeof heads / sizeof heads[0] && !hl; i++)
        if (len > strlen(heads[i]) + 1 && hv_strn_eq_ci(heads[i], strlen(heads[i]), name, strlen(heads[i])))
            hl = strlen(heads[i]);
    if (!hl || name[len - 1] != ']')
        return NULL;
    char *inner = hv_xstrndup(name + hl, len - hl - 1);
    const hv_type_info *e = hv_type_lookup(inner);
    free(inner);
    if (!e || e->element || e->kind >= HV_STRING)
        return NULL; /* only value types can be nullable */
    char *full = hv_xasprintf(NULLABLE_PREFIX "%s]", e->full_name);
    for (size_t i = 0; i < named_types.n; i++)
        if (strcmp(named_types.v[i]->full_name, full) == 0) {
            free(full);
            return named_types.v[i];
        }
    hv_type_info *t = hv_xcalloc(1, sizeof *t);
    *t = *e;
    t->full_name = full;
    t->short_name = NULL;
    type_list_add(&named_types, t);
    return t;
}

const hv_type_info *
hv_type_lookup(const char *name)
{
    size_t len = strlen(name);
    while (len && isspace((unsigned char)*name))
        name++, len--;
    while (len && isspace((unsigned char)name[len - 1]))
        len--;
    if (len >= 2 && name[0] == '[' && name[len - 1] == ']')
        name++, len -= 2;
    if (len > 2 && name[len - 2] == '[' && name[len - 1] == ']') {
        char *el = hv_xstrndup(name, len - 2);
        const hv_type_info *e = hv_type_lookup(el);
        free(el);
        return e ? hv_type_array_of(e) : NULL;
    }
    const hv_type_info *nt = nullable_of(name, len);
    if (nt)
        return nt;
    size_t open;
    if (is_generic_list(name, len, &open))
        return &t_genlist;
    if (is_generic_dict(name, len))
        return &t_dictionary;
    const hv_type_info *gc = generic_collection(name, len);
    if (gc)
        return gc;
    const hv_type_info *t = lookup_base(name, len);
    if (!t) {
        const char *exc = hv_err_exception_type_named(name, len);
        if (exc)
            t = exception_type(exc, 2);
        else if (hv_strn_eq_ci("System.Management.Automation.ErrorRecord", 40, name, len) ||
                 hv_strn_eq_ci("ErrorRecord", 11, name, len))
            t = exception_type("System.Management.Automation.ErrorRecord", 3);
    }
    return t;
}

const hv_type_info *
hv_type_array_of(const hv_type_info *element)
{
    if (element == &t_object)
        return &t_objarr;
    for (size_t i = 0; i < array_types.n; i++)
        if (array_types.v[i]->element == element)
            return array_types.v[i];
    hv_type_info *t = hv_xcalloc(1, sizeof *t);
    t->full_name = hv_xasprintf("%s[]", element->full_name);
    t->short_name = element->short_name ? hv_xasprintf("%s[]", element->short_name) : NULL;
    t->kind = HV_ARRAY;
    t->element = element;
    type_list_add(&array_types, t);
    return t;
}

/* A type info for a class/boxed type name that is not in the table (GetType() of objects). */
static const hv_type_info *
type_named(const char *full, hv_kind kind)
{
    for (size_t i = 0; i < named_types.n; i++)
        if (strcmp(named_types.v[i]->full_name, full) == 0)
            return named_types.v[i];
    hv_type_info *t = hv_xcalloc(1, sizeof *t);
    t->full_name = hv_xstrdup(full);
    t->kind = kind;
    type_list_add(&named_types, t);
    return t;
}

/* An exception type ([System.ArgumentException]): HV_OBJECT sub 2; values are the
 * exception objects errors.c builds. Sub 3 is [System.Management.Automation.ErrorRecord]. */
static const hv_type_info *
exception_type(const char *full, unsigned sub)
{
    for (size_t i = 0; i < named_types.n; i++)
        if (named_types.v[i]->kind == HV_OBJECT && named_types.v[i]->sub == sub &&
            strcmp(named_types.v[i]->full_name, full) == 0)
            return named_types.v[i];
    hv_type_info *t = hv_xcalloc(1, sizeof *t);
    t->full_name = hv_xstrdup(full);
    t->kind = HV_OBJECT;
    t->sub = (uint8_t)sub;
    type_list_add(&named_types, t);
    return t;
}

static const hv_type_info *
int_type(unsigned sub)
{
    static const hv_type_info *const ints[] = {
        [HV_N_INT32] = &t_int,   [HV_N_INT64] = &t_long,    [HV_N_BYTE] = &t_byte,
        [HV_N_SBYTE] = &t_sbyte, [HV_N_INT16] = &t_int16,   [HV_N_UINT16] = &t_uint16,
        [HV_N_UINT32] = &t_uint32, [HV_N_UINT64] = &t_uint64, [HV_N_BIGINT] = &t_bigint,
        [HV_N_DOUBLE] = &t_double, [HV_N_FLOAT] = &t_float,  [HV_N_DECIMAL] = &t_decimal,
    };
    return sub < sizeof ints / sizeof ints[0] ? ints[sub] : &t_int;
}

const hv_type_info *
hv_type_of(const hv_value *v)
{
    switch ((hv_kind)v->kind) {
    case HV_NULL:
        return NULL;
    case HV_BOOL:
        return v->sub == 1 ? &t_switch : &t_bool;
    case HV_INT:
    case HV_DOUBLE:
        return int_type(v->sub);
    case HV_CHAR:
        return &t_char;
    case HV_DATETIME:
        return &t_datetime;
    case HV_TIMESPAN:
        return &t_timespan;
    case HV_ENUM:
        if (v->u.e) {
            hv_type_register_enum(v->u.e);
            for (size_t i = 0; i < enum_types.n; i++)
                if (enum_types.v[i]->enum_def == v->u.e)
                    return enum_types.v[i];
        }
        return &t_enum;
    case HV_STRING:
        return &t_string;
    case HV_ARRAY: {
        if (v->sub == HV_TA_LIST)
            return &t_arraylist;
        if (v->sub == HV_TA_GENERIC_LIST)
            return &t_genlist;
        if (v->sub >= HV_TA_QUEUE && v->sub <= HV_TA_HASHSET_CI) {
            static const hv_type_info *const colls[] = {&t_queue, &t_genqueue, &t_stack,
                                                        &t_genstack, &t_hashset, &t_hashset};
            return colls[v->sub - HV_TA_QUEUE];
        }
        uint16_t tag = hv_heap_of(v)->reserved;
        return tag && tag <= array_types.n ? array_types.v[tag - 1] : &t_objarr;
    }
    case HV_TABLE:
        return hv_table_flags(v) & HV_TABLE_ORDERED      ? &t_ordered
               : hv_table_flags(v) & HV_TABLE_ORDERED_HT ? &t_ordered_ht
                                                         : &t_hashtable;
    case HV_OBJECT: {
        const hv_obj_class *c = hv_obj_class_of(v);
        if (!c || !c->type_name)
            return &t_pscustom;
        return type_named(c->type_name, HV_OBJECT);
    }
    case HV_SCRIPTBLOCK:
        return &t_scriptblock;
    case HV_TYPE:
        return &t_type;
    case HV_BOXED: {
        const hv_type_info *t = hv_type_lookup(hv_type_name_of(v));
        return t ? t : type_named(hv_type_name_of(v), HV_BOXED);
    }
    case HV__KIND_COUNT:
        break;
    }
    return &t_object;
}

const char *
hv_type_name(const hv_type_info *t)
{
    return t->short_name ? t->short_name : t->full_name;
}

const char *
hv_conv_type_display(const hv_type_info *t)
{
    return t->full_name;
}

/* ------------------------------------------------------------------ numbers to text */

double
hv_conv_round_even(double d)
{
    return nearbyint(d); /* default FE_TONEAREST = round half to even */
}

double
hv_conv_num_to_double(const hv_value *v)
{
    if (v->kind == HV_DOUBLE)
        return v->u.d;
    if (v->kind == HV_INT)
        return v->sub == HV_N_UINT64 ? (double)v->u.u : (double)v->u.i;
    return 0;
}

/* Shortest digits that round-trip: "%.{p}e" for growing p until strtod gives d back. */
static int
shortest_digits(double d, bool is_float, char *digits, int *exp10)
{
    char tmp[48];
    int maxp = is_float ? 9 : 17;
    for (int p = 1; p <= maxp; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, d);
        bool same = is_float ? strtof(tmp, NULL) == (float)d : strtod(tmp, NULL) == d;
        if (same || p == maxp)
            break;
    }
    int n = 0;
    const char *s = tmp;
    if (*s == '-')
        s++;
    for (; *s && *s != 'e'; s++)
        if (isdigit((unsigned char)*s))
            digits[n++] = *s;
    *exp10 = *s == 'e' ? atoi(s + 1) : 0;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = 0;
    return n;
}

static void
put_fixed(char *out, size_t size, bool neg, const char *dg, int n, int e)
{
    hv_buf b = {0};
    if (neg)
        hv_buf_putc(&b, '-');
    if (e < 0) {
        hv_buf_puts(&b, "0.");
        for (int i = 0; i < -e - 1; i++)
            hv_buf_putc(&b, '0');
        hv_buf_put(&b, dg, (size_t)n);
    } else {
        for (int i = 0; i <= e; i++)
            hv_buf_putc(&b, i < n ? dg[i] : '0');
        if (n > e + 1) {
            hv_buf_putc(&b, '.');
            hv_buf_put(&b, dg + e + 1, (size_t)(n - e - 1));
        }
    }
    snprintf(out, size, "%s", b.data);
    hv_buf_free(&b);
}

/* Digits of |d| rounded to sig significant digits (trailing zeros dropped). */
static int
sig_digits(double d, int sig, char *dg, int *exp10)
{
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%.*e", sig - 1, fabs(d));
    int n = 0;
    const char *p = tmp;
    for (; *p && *p != 'e'; p++)
        if (isdigit((unsigned char)*p))
            dg[n++] = *p;
    *exp10 = atoi(p + 1);
    while (n > 1 && dg[n - 1] == '0')
        n--;
    dg[n] = 0;
    return n;
}

/* .NET "G<sig>" (sig 0 = shortest round-trip "R"): fixed notation unless the decimal point
 * would sit past max(digits, 15 | 7 for float) or more than 3 zeros after it. */
static void
fmt_double(double d, hv_numkind k, int sig, char *buf, size_t size)
{
    if (isnan(d)) {
        snprintf(buf, size, "NaN");
        return;
    }
    if (isinf(d)) {
        snprintf(buf, size, d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    if (d == 0) {
        snprintf(buf, size, k == HV_N_DECIMAL || !signbit(d) ? "0" : "-0");
        return;
    }
    char dg[40];
    int e;
    int n = sig ? sig_digits(d, sig, dg, &e) : shortest_digits(d, k == HV_N_FLOAT, dg, &e);
    if (k == HV_N_DECIMAL && n > 15) {
        /* decimals are approximated by doubles: 15 significant digits hide the binary
         * noise so 1.1d + 2.2d shows 3.3 as .NET's exact decimal does */
        n = sig_digits(d, 15, dg, &e);
    }
    bool neg = d < 0;
    int max_digits = k == HV_N_FLOAT ? 7 : 15;
    if (n > max_digits)
        max_digits = n;
    if (k == HV_N_DECIMAL || (e + 1 <= max_digits && e + 1 >= -3)) {
        put_fixed(buf, size, neg, dg, n, e);
        return;
    }
    char mant[48];
    if (n > 1)
        snprintf(mant, sizeof mant, "%c.%s", dg[0], dg + 1);
    else
        snprintf(mant, sizeof mant, "%c", dg[0]);
    snprintf(buf, size, "%s%sE%c%02d", neg ? "-" : "", mant, e < 0 ? '-' : '+', abs(e));
}

void
hv_conv_fmt_double(double d, hv_numkind k, char *buf, size_t size)
{
    fmt_double(d, k, 0, buf, size);
}

void
hv_conv_fmt_double_ps(double d, hv_numkind k, char *buf, size_t size)
{
    fmt_double(d, k, k == HV_N_DECIMAL ? 0 : k == HV_N_FLOAT ? 7 : 15, buf, size);
}

/* ------------------------------------------------------------------ to string */

static hv_value (*sb_to_string)(const hv_value *);

void
hv_conv_set_scriptblock_to_string(hv_value (*fn)(const hv_value *sb))
{
    sb_to_string = fn;
}

static const hv_conv_xml_hooks *xml_hooks;

void
hv_conv_set_xml_hooks(const hv_conv_xml_hooks *hooks)
{
    xml_hooks = hooks;
}

const hv_conv_xml_hooks *
hv_conv_xml(void)
{
    return xml_hooks;
}

/* A [decimal] keeps its scale (hv_value.pad): 1.30d shows "1.30", as .NET's decimal. */
static void
pad_decimal_scale(char *tmp, size_t size, unsigned scale)
{
    if (!scale || strchr(tmp, 'E') || strchr(tmp, 'N') || strchr(tmp, 'I'))
        return;
    char *dot = strchr(tmp, '.');
    size_t len = strlen(tmp);
    unsigned have = dot ? (unsigned)(len - (size_t)(dot - tmp) - 1) : 0;
    if (!dot && len + 1 < size)
        tmp[len++] = '.';
    while (have < scale && len + 1 < size) {
        tmp[len++] = '0';
        have++;
    }
    tmp[len] = 0;
}

static void
append_number(hv_buf *b, const hv_value *v)
{
    char tmp[64];
    if (v->kind == HV_INT) {
        if (v->sub == HV_N_UINT64)
            snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v->u.u);
        else
            snprintf(tmp, sizeof tmp, "%lld", (long long)v->u.i);
    } else {
        /* PSObject.ToString: doubles as "G15", floats as "G7" (0.1 + 0.2 shows 0.3) */
        hv_conv_fmt_double_ps(v->u.d, (hv_numkind)v->sub, tmp, sizeof tmp);
        if (v->sub == HV_N_DECIMAL)
            pad_decimal_scale(tmp, sizeof tmp, v->pad);
    }
    hv_buf_puts(b, tmp);
}

static void
append_enum(hv_buf *b, const hv_value *v)
{
    const char *name = hv_enum_name(v);
    if (name) {
        hv_buf_puts(b, name);
        return;
    }
    const hv_enum_def *d = v->u.e;
    if (d && d->flags && v->aux) {
        /* [Flags]: the names of the set bits, highest first as .NET does, ", "-joined */
        int32_t rest = v->aux;
        int idx[64], ni = 0;
        for (int i = d->count - 1; i >= 0 && ni < 64; i--) {
            if (d->values[i] && (rest & d->values[i]) == d->values[i]) {
                idx[ni++] = i;
                rest &= ~d->values[i];
            }
        }
        if (!rest) {
            for (int i = ni - 1; i >= 0; i--) {
                hv_buf_puts(b, d->names[idx[i]]);
                if (i)
                    hv_buf_puts(b, ", ");
            }
            return;
        }
    }
    hv_buf_printf(b, "%d", v->aux);
}

static void append_elem(hv_buf *b, const hv_value *v, const char *ofs);

static void
append_object(hv_buf *b, const hv_value *v)
{
    const hv_obj_class *c = hv_obj_class_of(v);
    if (c && c->to_string) {
        hv_value s = c->to_string(v);
        hv_conv_append_string(b, &s, NULL);
        hv_unref(s);
        return;
    }
    if (c && c->type_name) {
        hv_buf_puts(b, c->type_name);
        return;
    }
    /* PSCustomObject: @{a=1; b=2} */
    hv_buf_puts(b, "@{");
    size_t n = hv_obj_count(v);
    for (size_t i = 0; i < n; i++) {
        if (i)
            hv_buf_puts(b, "; ");
        hv_buf_puts(b, hv_obj_name_at(v, i));
        hv_buf_putc(b, '=');
        append_elem(b, hv_obj_value_at(v, i), NULL);
    }
    hv_buf_putc(b, '}');
}

/* Nested collections inside an array (or a property) render as their type name. */
static void
append_elem(hv_buf *b, const hv_value *v, const char *ofs)
{
    if (v->kind == HV_ARRAY)
        hv_buf_puts(b, hv_type_name_of(v));
    else
        hv_conv_append_string(b, v, ofs);
}

void
hv_conv_append_string(hv_buf *b, const hv_value *v, const char *ofs)
{
    switch ((hv_kind)v->kind) {
    case HV_NULL:
        break;
    case HV_BOOL:
        hv_buf_puts(b, v->u.b ? "True" : "False");
        break;
    case HV_INT:
    case HV_DOUBLE:
        append_number(b, v);
        break;
    case HV_CHAR: {
        char u[4];
        hv_buf_put(b, u, hv_utf8_put(u, (uint32_t)v->u.i));
        break;
    }
    case HV_DATETIME:
    case HV_TIMESPAN: {
        hv_value s = v->kind == HV_DATETIME ? hv_dt_format(v->u.i, (hv_dtkind)v->sub, NULL)
                                            : hv_ts_format(v->u.i, NULL);
        hv_buf_put(b, hv_str_cstr(&s), hv_str_len(&s));
        hv_unref(s);
        break;
    }
    case HV_ENUM:
        append_enum(b, v);
        break;
    case HV_STRING:
        hv_buf_put(b, hv_str_cstr(v), hv_str_len(v));
        break;
    case HV_ARRAY: {
        size_t n = hv_array_len(v);
        for (size_t i = 0; i < n; i++) {
            if (i)
                hv_buf_puts(b, ofs ? ofs : " ");
            append_elem(b, hv_array_at(v, i), ofs);
        }
        break;
    }
    case HV_TABLE:
        hv_buf_puts(b, hv_type_name_of(v));
        break;
    case HV_OBJECT:
        append_object(b, v);
        break;
    case HV_SCRIPTBLOCK:
        if (sb_to_string) {
            hv_value s = sb_to_string(v);
            hv_conv_append_string(b, &s, NULL);
            hv_unref(s);
        }
        break;
    case HV_TYPE:
        hv_buf_puts(b, v->u.t ? hv_type_name(v->u.t) : "");
        break;
    case HV_BOXED: {
        const hv_boxed_class *c = hv_boxed_class_of(v);
        if (c && c->to_string) {
            hv_value s = c->to_string(hv_boxed_ptr(v));
            hv_conv_append_string(b, &s, NULL);
            hv_unref(s);
        } else {
            hv_buf_puts(b, hv_type_name_of(v));
        }
        break;
    }
    case HV__KIND_COUNT:
        break;
    }
}

hv_value
hv_conv_to_string(const hv_value *v, const char *ofs)
{
    if (v->kind == HV_STRING)
        return hv_ref(v);
    hv_buf b = {0};
    hv_conv_append_string(&b, v, ofs);
    return hv_buf_finish(&b);
}

/* ------------------------------------------------------------------ to bool */

bool
hv_conv_to_bool(const hv_value *v)
{
    switch ((hv_kind)v->kind) {
    case HV_NULL:
        return false;
    case HV_BOOL:
        return v->u.b;
    case HV_INT:
        return v->u.i != 0;
    case HV_DOUBLE:
        return v->u.d != 0;
    case HV_CHAR:
        return v->u.i != 0;
    case HV_ENUM:
        return v->aux != 0;
    case HV_STRING:
        return hv_str_len(v) > 0;
    case HV_ARRAY: {
        size_t n = hv_array_len(v);
        if (n == 0)
            return false;
        if (n == 1) {
            const hv_value *e = hv_array_at(v, 0);
            return e->kind == HV_ARRAY ? hv_array_len(e) > 0 : hv_conv_to_bool(e);
        }
        return true;
    }
    case HV_OBJECT: {
        /* SwitchParameter-like objects are not modelled; objects are always true */
        return true;
    }
    default:
        return true;
    }
}

/* ------------------------------------------------------------------ number parsing */

static bool
is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Multiplier suffix kb/mb/gb/tb/pb (case-insensitive); 0 if none. */
static int64_t
multiplier(const char *s, size_t len, size_t *used)
{
    static const char *const sfx[] = {"kb", "mb", "gb", "tb", "pb"};
    if (len < 2)
        return 0;
    for (int i = 0; i < 5; i++) {
        if (tolower((unsigned char)s[len - 2]) == sfx[i][0] &&
            tolower((unsigned char)s[len - 1]) == 'b') {
            *used = 2;
            return 1LL << (10 * (i + 1));
        }
    }
    return 0;
}

static bool
parse_hex_or_bin(const char *s, size_t len, bool neg, hv_value *out)
{
    int base = tolower((unsigned char)s[1]) == 'x' ? 16 : 2;
    uint64_t v = 0;
    size_t nd = 0;
    for (size_t i = 2; i < len; i++, nd++) {
        int c = tolower((unsigned char)s[i]);
        int dv = isdigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : 99;
        if (dv >= base)
            return false;
        if (v > (UINT64_MAX >> (base == 16 ? 4 : 1)))
            return false;
        v = v * (uint64_t)base + (uint64_t)dv;
    }
    if (!nd)
        return false;
    /* as PowerShell literals: 0xFFFFFFFF is int32 -1; up to 64 bits is int64 */
    int64_t r;
    bool fits32 = base == 16 ? nd <= 8 : nd <= 32;
    if (fits32)
        r = (int32_t)(uint32_t)v;
    else
        r = (int64_t)v;
    if (neg)
        r = (int64_t)(0 - (uint64_t)r); /* wraps for INT64_MIN instead of overflowing */
    if (fits32 && r >= INT32_MIN && r <= INT32_MAX)
        *out = hv_int((int32_t)r);
    else
        *out = hv_long(r);
    return true;
}

/* Type suffixes of numeric literals: l (long), d (decimal), u, ul, y (sbyte), uy (byte),
 * s (short), us (ushort), n (bigint). */
static int
type_suffix(const char *s, size_t *len)
{
    size_t n = *len;
    if (n >= 2) {
        char a = (char)tolower((unsigned char)s[n - 2]), b = (char)tolower((unsigned char)s[n - 1]);
        if (a == 'u' && b == 'l') {
            *len -= 2;
            return HV_N_UINT64;
        }
        if (a == 'u' && b == 'y') {
            *len -= 2;
            return HV_N_BYTE;
        }
        if (a == 'u' && b == 's') {
            *len -= 2;
            return HV_N_UINT16;
        }
    }
    if (n >= 1) {
        switch (tolower((unsigned char)s[n - 1])) {
        case 'l':
            *len -= 1;
            return HV_N_INT64;
        case 'd':
            *len -= 1;
            return HV_N_DECIMAL;
        case 'u':
            *len -= 1;
            return HV_N_UINT32;
        case 'y':
            *len -= 1;
            return HV_N_SBYTE;
        case 's':
            *len -= 1;
            return HV_N_INT16;
        case 'n':
            *len -= 1;
            return HV_N_BIGINT;
        default:
            break;
        }
    }
    return -1;
}

static bool
decimal_syntax(const char *s, size_t len, bool *is_real)
{
    size_t i = 0, digits = 0;
    *is_real = false;
    while (i < len && isdigit((unsigned char)s[i]))
        i++, digits++;
    if (i < len && s[i] == '.') {
        *is_real = true;
        i++;
        while (i < len && isdigit((unsigned char)s[i]))
            i++, digits++;
    }
    if (!digits)
        return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        *is_real = true;
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            i++;
        size_t ed = 0;
        while (i < len && isdigit((unsigned char)s[i]))
            i++, ed++;
        if (!ed)
            return false;
    }
    return i == len;
}

static hv_value
int_result(long double v, int suffix)
{
    if (suffix == HV_N_DECIMAL)
        return hv_doublek((double)v, HV_N_DECIMAL);
    if (suffix == HV_N_INT64 && v >= -9223372036854775808.0L && v < 9223372036854775808.0L)
        return hv_long((int64_t)v);
    if (suffix == HV_N_UINT64 && v >= 0 && v < 18446744073709551616.0L)
        return hv_uint64((uint64_t)v);
    if (suffix >= 0 && suffix != HV_N_INT64 && suffix != HV_N_UINT64 && suffix != HV_N_BIGINT)
        return hv_intk((int64_t)v, (hv_numkind)suffix);
    if (v >= INT32_MIN && v <= INT32_MAX && suffix < 0)
        return hv_int((int32_t)v);
    if (v >= -9223372036854775808.0L && v < 9223372036854775808.0L)
        return hv_long((int64_t)v);
    if (v >= 0 && v < 79228162514264337593543950336.0L)
        return hv_doublek((double)v, HV_N_DECIMAL);
    return hv_double((double)v);
}

bool
hv_conv_parse_number(const char *s, size_t len, hv_value *out)
{
    while (len && is_ws(*s))
        s++, len--;
    while (len && is_ws(s[len - 1]))
        len--;
    if (!len) {
        *out = hv_int(0);
        return true;
    }
    bool neg = false;
    if (*s == '+' || *s == '-') {
        neg = *s == '-';
        s++, len--;
    }
    /* a "–" (en dash) is also a minus sign for PowerShell */
    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94)) {
        neg = !neg;
        s += 3, len -= 3;
    }
    if (!len)
        return false;
    size_t used = 0;
    int64_t mult = multiplier(s, len, &used);
    len -= used;
    if (len > 2 && s[0] == '0' && (tolower((unsigned char)s[1]) == 'x' ||
                                   tolower((unsigned char)s[1]) == 'b')) {
        if (!parse_hex_or_bin(s, len, neg, out))
            return false;
        if (mult) {
            long double v = (long double)out->u.i * (long double)mult;
            *out = int_result(v, -1);
        }
        return true;
    }
    size_t nlen = len;
    bool is_real;
    int suffix = -1;
    if (!decimal_syntax(s, nlen, &is_real)) {
        suffix = type_suffix(s, &nlen);
        if (suffix < 0 || !decimal_syntax(s, nlen, &is_real))
            return false;
    }
    char tmp[400];
    if (nlen >= sizeof tmp)
        return false;
    memcpy(tmp, s, nlen);
    tmp[nlen] = 0;
    if (is_real && suffix != HV_N_DECIMAL) {
        double d = strtod(tmp, NULL);
        if (neg)
            d = -d;
        if (mult)
            d *= (double)mult;
        if (suffix >= 0 && suffix < HV_N_DOUBLE) {
            if (d != floor(d))
                return false;
            *out = int_result(d, suffix);
        } else {
            *out = hv_double(d);
        }
        return true;
    }
    long double v = strtold(tmp, NULL);
    if (neg)
        v = -v;
    if (mult)
        v *= (long double)mult;
    if (suffix == HV_N_DECIMAL) {
        *out = hv_doublek((double)v, HV_N_DECIMAL);
        return true;
    }
    if (!is_real && suffix < 0 && (v > 9223372036854775807.0L || v < -9223372036854775808.0L)) {
        *out = v < 79228162514264337593543950336.0L && v > -79228162514264337593543950336.0L
                   ? hv_doublek((double)v, HV_N_DECIMAL)
                   : hv_double((double)v);
        return true;
    }
    *out = int_result(v, suffix);
    return true;
}

/* ------------------------------------------------------------------ errors */

static bool
fail(hv_conv_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool
fail(hv_conv_err *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* "Cannot convert value "abc" to type "System.Int32". Error: "..."" */
static bool
fail_value(hv_conv_err *err, const hv_value *v, const char *type, const char *why)
{
    hv_value s = hv_conv_to_string(v, NULL);
    char shown[200];
    snprintf(shown, sizeof shown, "%s", hv_str_cstr(&s));
    hv_unref(s);
    if (why)
        return fail(err, "Cannot convert value \"%s\" to type \"%s\". Error: \"%s\"", shown, type,
                    why);
    return fail(err, "Cannot convert value \"%s\" to type \"%s\".", shown, type);
}

/* "Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32"." */
static bool
fail_type(hv_conv_err *err, const hv_value *v, const char *type)
{
    hv_value s = hv_conv_to_string(v, NULL);
    char shown[200];
    if (v->kind == HV_ARRAY)
        snprintf(shown, sizeof shown, "%s", hv_type_name_of(v));
    else
        snprintf(shown, sizeof shown, "%s", hv_str_cstr(&s));
    hv_unref(s);
    return fail(err, "Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".", shown,
                hv_type_name_of(v), type);
}

static bool
fail_format(hv_conv_err *err, const hv_value *v, const char *type)
{
    hv_value s = hv_conv_to_string(v, NULL);
    char why[256];
    snprintf(why, sizeof why, "The input string '%.200s' was not in a correct format.",
             hv_str_cstr(&s));
    hv_unref(s);
    return fail_value(err, v, type, why);
}

/* ------------------------------------------------------------------ to number */

static bool
string_to_number(const hv_value *v, hv_value *out)
{
    const char *s = hv_str_cstr(v);
    size_t len = hv_str_len(v);
    if (hv_conv_parse_number(s, len, out))
        return true;
    /* .NET double.Parse also accepts these words */
    char tmp[32];
    size_t i = 0;
    while (i < len && is_ws(s[i]))
        i++;
    snprintf(tmp, sizeof tmp, "%.*s", (int)(len - i), s + i);
    for (char *p = tmp + strlen(tmp); p > tmp && is_ws(p[-1]); *--p = 0)
        ;
    if (hv_str_eq_ci(tmp, "NaN")) {
        *out = hv_double(NAN);
        return true;
    }
    if (hv_str_eq_ci(tmp, "Infinity") || hv_str_eq_ci(tmp, "+Infinity")) {
        *out = hv_double(INFINITY);
        return true;
    }
    if (hv_str_eq_ci(tmp, "-Infinity")) {
        *out = hv_double(-INFINITY);
        return true;
    }
    /* hex forms only conversions accept (about_Numeric_Literals): '&hF', '#F' */
    const char *hx = (tmp[0] == '&' && (tmp[1] == 'h' || tmp[1] == 'H')) ? tmp + 2
                     : tmp[0] == '#' ? tmp + 1 : NULL;
    if (hx && *hx && strspn(hx, "0123456789abcdefABCDEF") == strlen(hx)) {
        char hex[40];
        snprintf(hex, sizeof hex, "0x%s", hx);
        return hv_conv_parse_number(hex, strlen(hex), out);
    }
    return false;
}

bool
hv_conv_to_number(const hv_value *v, hv_value *out, hv_conv_err *err)
{
    switch ((hv_kind)v->kind) {
    case HV_INT:
    case HV_DOUBLE:
        *out = *v;
        return true;
    case HV_NULL:
        *out = hv_int(0);
        return true;
    case HV_BOOL:
        *out = hv_int(v->u.b);
        return true;
    case HV_CHAR:
        *out = hv_intk(v->u.i, HV_N_UINT16);
        return true;
    case HV_ENUM:
        *out = hv_int(v->aux);
        return true;
    case HV_STRING:
        if (string_to_number(v, out))
            return true;
        return fail_format(err, v, "System.Int32");
    case HV_ARRAY:
        if (hv_array_len(v) == 1)
            return hv_conv_to_number(hv_array_at(v, 0), out, err);
        return fail_type(err, v, "System.Int32");
    default:
        return fail_type(err, v, "System.Int32");
    }
}

typedef struct {
    const char *type;
    const char *range_msg;
    long double lo, hi;
} int_range;

static const int_range int_ranges[] = {
    [HV_N_INT32] = {"System.Int32", "Value was either too large or too small for an Int32.",
                    -2147483648.0L, 2147483647.0L},
    [HV_N_INT64] = {"System.Int64", "Value was either too large or too small for an Int64.",
                    -9223372036854775808.0L, 9223372036854775807.0L},
    [HV_N_BYTE] = {"System.Byte", "Value was either too large or too small for an unsigned byte.",
                   0, 255},
    [HV_N_SBYTE] = {"System.SByte", "Value was either too large or too small for a signed byte.",
                    -128, 127},
    [HV_N_INT16] = {"System.Int16", "Value was either too large or too small for an Int16.",
                    -32768, 32767},
    [HV_N_UINT16] = {"System.UInt16", "Value was either too large or too small for a UInt16.", 0,
                     65535},
    [HV_N_UINT32] = {"System.UInt32", "Value was either too large or too small for a UInt32.", 0,
                     4294967295.0L},
    [HV_N_UINT64] = {"System.UInt64", "Value was either too large or too small for a UInt64.", 0,
                     18446744073709551615.0L},
    [HV_N_BIGINT] = {"System.Numerics.BigInteger", "Value was either too large or too small.",
                     -9223372036854775808.0L, 9223372036854775807.0L},
};

/* Any number to an integer kind with range check; doubles round half to even. */
static bool
num_to_intk(const hv_value *orig, const hv_value *n, hv_numkind k, hv_value *out,
            hv_conv_err *err)
{
    const int_range *r = &int_ranges[k];
    long double v;
    if (n->kind == HV_INT) {
        v = n->sub == HV_N_UINT64 ? (long double)n->u.u : (long double)n->u.i;
    } else {
        if (isnan(n->u.d) || isinf(n->u.d))
            return fail_value(err, orig, r->type, r->range_msg);
        v = nearbyintl((long double)n->u.d);
    }
    if (v < r->lo || v > r->hi)
        return fail_value(err, orig, r->type, r->range_msg);
    if (k == HV_N_UINT64)
        *out = hv_uint64((uint64_t)v);
    else
        *out = hv_intk((int64_t)v, k);
    return true;
}

bool
hv_conv_to_int64(const hv_value *v, int64_t *out, hv_conv_err *err)
{
    hv_value n, r;
    if (v->kind == HV_STRING && !string_to_number(v, &n))
        return fail_format(err, v, "System.Int64");
    if (v->kind != HV_STRING && !hv_conv_to_number(v, &n, err))
        return false;
    if (!num_to_intk(v, &n, HV_N_INT64, &r, err))
        return false;
    *out = r.u.i;
    return true;
}

bool
hv_conv_to_double(const hv_value *v, double *out, hv_conv_err *err)
{
    hv_value n;
    if (v->kind == HV_STRING && !string_to_number(v, &n))
        return fail_format(err, v, "System.Double");
    if (v->kind != HV_STRING && !hv_conv_to_number(v, &n, err))
        return false;
    *out = hv_conv_num_to_double(&n);
    return true;
}

/* ------------------------------------------------------------------ dates */

static int64_t
days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + 719162; /* days since 0001-01-01 */
}

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468 - 719162;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static bool
is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
hv_dt_days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

void
hv_dt_split(int64_t ticks, hv_dt_parts *p)
{
    int64_t days = ticks / HV_TICKS_PER_DAY;
    int64_t rem = ticks % HV_TICKS_PER_DAY;
    civil_from_days(days, &p->year, &p->month, &p->day);
    int64_t secs = rem / HV_TICKS_PER_SEC;
    p->frac = (int)(rem % HV_TICKS_PER_SEC);
    p->hour = (int)(secs / 3600);
    p->minute = (int)(secs / 60 % 60);
    p->second = (int)(secs % 60);
    p->millisecond = p->frac / 10000;
    p->dayofweek = (int)((days + 1) % 7); /* 0001-01-01 was a Monday */
    p->dayofyear = (int)(days - days_from_civil(p->year, 1, 1)) + 1;
}

bool
hv_dt_make(int y, int mo, int d, int h, int mi, int s, int64_t frac, int64_t *ticks)
{
    if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > hv_dt_days_in_month(y, mo) ||
        h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59)
        return false;
    *ticks = days_from_civil(y, mo, d) * HV_TICKS_PER_DAY +
             ((int64_t)h * 3600 + mi * 60 + s) * HV_TICKS_PER_SEC + frac;
    return true;
}

long
hv_dt_local_offset(int64_t utc_ticks)
{
    time_t t = (time_t)((utc_ticks - HV_UNIX_EPOCH_TICKS) / HV_TICKS_PER_SEC);
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return 0;
    return tm.tm_gmtoff;
}

int64_t
hv_dt_now_ticks(hv_dtkind kind)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    int64_t t = HV_UNIX_EPOCH_TICKS + (int64_t)ts.tv_sec * HV_TICKS_PER_SEC + ts.tv_nsec / 100;
    if (kind == HV_DT_LOCAL)
        t += hv_dt_local_offset(t) * HV_TICKS_PER_SEC;
    return t;
}

static const char *const month_names[] = {"January", "February", "March",     "April",
                                          "May",     "June",     "July",      "August",
                                          "September", "October", "November", "December"};

/* Date tokens: numbers (with their digit count), words and separators. */
typedef struct {
    int kind; /* 'n' number, 'w' word, or the separator char */
    long val;
    int ndig;
    const char *s;
    size_t len;
} dtok;

static int
dt_lex(const char *s, dtok *t, int max)
{
    int n = 0;
    for (const char *p = s; *p && n < max;) {
        if (is_ws(*p) || *p == ',') {
            p++;
            continue;
        }
        dtok *k = &t[n++];
        k->s = p;
        if (isdigit((unsigned char)*p)) {
            k->kind = 'n';
            k->val = 0;
            k->ndig = 0;
            while (isdigit((unsigned char)*p) && k->ndig < 18)
                k->val = k->val * 10 + (*p++ - '0'), k->ndig++;
        } else if (isalpha((unsigned char)*p)) {
            k->kind = 'w';
            while (isalpha((unsigned char)*p))
                p++;
        } else {
            k->kind = *p++;
        }
        k->len = (size_t)(p - k->s);
    }
    return n;
}

static int
month_of(const dtok *t)
{
    for (int i = 0; i < 12; i++) {
        size_t ml = strlen(month_names[i]);
        if ((t->len == ml || t->len == 3) && hv_strn_eq_ci(month_names[i], t->len, t->s, t->len))
            return i + 1;
    }
    if (t->len == 4 && hv_strn_eq_ci("Sept", 4, t->s, 4))
        return 9;
    return 0;
}

static bool
is_dow_word(const dtok *t)
{
    for (int i = 0; i < 7; i++) {
        size_t dl = strlen(dow_names[i]);
        if ((t->len == dl || t->len == 3) && hv_strn_eq_ci(dow_names[i], t->len, t->s, t->len))
            return true;
    }
    return false;
}

typedef struct {
    int y, mo, d, h, mi, s;
    int64_t frac;
    bool have_date, have_time, pm, am, utc;
    long offset; /* seconds, when has_offset */
    bool has_offset;
} dt_fields;

/* time -> h:mm[:ss[.fffffff]] [AM|PM] */
static int
dt_time(const dtok *t, int n, int i, dt_fields *f)
{
    f->h = (int)t[i].val;
    f->mi = (int)t[i + 2].val;
    i += 3;
    if (i + 1 < n && t[i].kind == ':' && t[i + 1].kind == 'n') {
        f->s = (int)t[i + 1].val;
        i += 2;
        if (i + 1 < n && t[i].kind == '.' && t[i + 1].kind == 'n') {
            int64_t fr = t[i + 1].val;
            int nd = t[i + 1].ndig;
            while (nd < 7)
                fr *= 10, nd++;
            while (nd > 7)
                fr /= 10, nd--;
            f->frac = fr;
            i += 2;
        }
    }
    f->have_time = true;
    return i;
}

static bool
dt_fields_parse(const char *s, dt_fields *f)
{
    dtok t[40];
    int n = dt_lex(s, t, 40);
    memset(f, 0, sizeof *f);
    int i = 0;
    int nums[3], nn = 0, numdig[3], mon = 0;
    while (i < n) {
        const dtok *k = &t[i];
        if (k->kind == 'n' && i + 2 < n && t[i + 1].kind == ':' && t[i + 2].kind == 'n') {
            i = dt_time(t, n, i, f);
            continue;
        }
        if (k->kind == 'n') {
            if (nn == 3)
                return false;
            numdig[nn] = k->ndig;
            nums[nn++] = (int)k->val;
            i++;
            continue;
        }
        if (k->kind == 'w') {
            if (k->len == 1 && (*k->s == 'T' || *k->s == 't') && i + 1 < n && t[i + 1].kind == 'n') {
                i++;
                continue;
            }
            if (k->len == 1 && (*k->s == 'Z' || *k->s == 'z')) {
                f->utc = true;
                i++;
                continue;
            }
            if (hv_strn_eq_ci(k->s, k->len, "AM", 2)) {
                f->am = true;
                i++;
                continue;
            }
            if (hv_strn_eq_ci(k->s, k->len, "PM", 2)) {
                f->pm = true;
                i++;
                continue;
            }
            if (hv_strn_eq_ci(k->s, k->len, "GMT", 3) || hv_strn_eq_ci(k->s, k->len, "UTC", 3)) {
                f->utc = true;
                i++;
                continue;
            }
            int m = month_of(k);
            if (m && !mon) {
                mon = m;
                i++;
                continue;
            }
            if (is_dow_word(k)) {
                i++;
                continue;
            }
            return false;
        }
        if ((k->kind == '+' || k->kind == '-') && f->have_time && i + 1 < n && t[i + 1].kind == 'n') {
            long hh = t[i + 1].val, mm = 0;
            if (t[i + 1].ndig == 4) {
                hh = t[i + 1].val / 100;
                mm = t[i + 1].val % 100;
                i += 2;
            } else if (i + 3 < n && t[i + 2].kind == ':' && t[i + 3].kind == 'n') {
                mm = t[i + 3].val;
                i += 4;
            } else {
                i += 2;
            }
            f->offset = (hh * 3600 + mm * 60) * (k->kind == '-' ? -1 : 1);
            f->has_offset = true;
            continue;
        }
        if (k->kind == '/' || k->kind == '-' || k->kind == '.') {
            i++;
            continue;
        }
        return false;
    }
    if (mon) {
        /* "November 27, 2026" / "27 November 2026" / "Nov 2026" */
        f->mo = mon;
        if (nn == 2) {
            f->d = numdig[0] == 4 ? nums[1] : nums[0];
            f->y = numdig[0] == 4 ? nums[0] : nums[1];
        } else if (nn == 1) {
            f->d = 1;
            f->y = nums[0];
        } else {
            return false;
        }
        f->have_date = true;
    } else if (nn == 3) {
        if (numdig[0] == 4) { /* yyyy-MM-dd */
            f->y = nums[0], f->mo = nums[1], f->d = nums[2];
        } else { /* M/d/yyyy (invariant culture is month first) */
            f->mo = nums[0], f->d = nums[1], f->y = nums[2];
            if (numdig[2] <= 2)
                f->y += f->y < 50 ? 2000 : 1900;
        }
        f->have_date = true;
    } else if (nn == 2) { /* M/d of the current year, or yyyy-MM */
        hv_dt_parts now;
        hv_dt_split(hv_dt_now_ticks(HV_DT_LOCAL), &now);
        if (numdig[0] == 4)
            f->y = nums[0], f->mo = nums[1], f->d = 1;
        else
            f->y = now.year, f->mo = nums[0], f->d = nums[1];
        f->have_date = true;
    } else if (nn != 0) {
        return false;
    }
    if (f->pm || f->am) {
        if (!f->have_time || f->h > 12 || f->h == 0)
            return false;
        if (f->pm && f->h < 12)
            f->h += 12;
        if (f->am && f->h == 12)
            f->h = 0;
    }
    return f->have_date || f->have_time;
}

bool
hv_dt_parse(const char *s, int64_t *ticks, hv_dtkind *kind)
{
    dt_fields f;
    if (!dt_fields_parse(s, &f))
        return false;
    if (!f.have_date) {
        hv_dt_parts now;
        hv_dt_split(hv_dt_now_ticks(HV_DT_LOCAL), &now);
        f.y = now.year, f.mo = now.month, f.d = now.day;
    }
    if (!hv_dt_make(f.y, f.mo, f.d, f.h, f.mi, f.s, f.frac, ticks))
        return false;
    *kind = HV_DT_UNSPECIFIED;
    if (f.utc || f.has_offset) {
        /* .NET converts a time with a zone designator to local time */
        int64_t utc = *ticks - (int64_t)f.offset * HV_TICKS_PER_SEC;
        *ticks = utc + hv_dt_local_offset(utc) * HV_TICKS_PER_SEC;
        *kind = HV_DT_LOCAL;
    }
    return true;
}

/* ------------------------------------------------------------------ date formatting */

static void
pad_num(hv_buf *b, long v, int width)
{
    hv_buf_printf(b, "%0*ld", width, v);
}

static int
run_len(const char *f, char c)
{
    int n = 0;
    while (f[n] == c)
        n++;
    return n;
}

static const char *
expand_std_dt(const char *fmt)
{
    if (!fmt || !fmt[0] || fmt[1])
        return fmt;
    switch (fmt[0]) {
    case 'd':
        return "M/d/yyyy";
    case 'D':
        return "dddd, MMMM d, yyyy";
    case 't':
        return "h:mm tt";
    case 'T':
        return "h:mm:ss tt";
    case 'f':
        return "dddd, MMMM d, yyyy h:mm tt";
    case 'F':
        return "dddd, MMMM d, yyyy h:mm:ss tt";
    case 'g':
        return "M/d/yyyy h:mm tt";
    case 'G':
        return "M/d/yyyy h:mm:ss tt";
    case 'M':
    case 'm':
        return "MMMM d";
    case 'Y':
    case 'y':
        return "MMMM yyyy";
    case 's':
        return "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
    case 'u':
        return "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
    case 'o':
    case 'O':
        return "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
    case 'r':
    case 'R':
        return "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
    case 'U':
        return "dddd, MMMM d, yyyy h:mm:ss tt";
    default:
        return fmt;
    }
}

static void
put_offset(hv_buf *b, long off, int n)
{
    char sign = off < 0 ? '-' : '+';
    long a = labs(off);
    if (n == 1)
        hv_buf_printf(b, "%c%ld", sign, a / 3600);
    else if (n == 2)
        hv_buf_printf(b, "%c%02ld", sign, a / 3600);
    else
        hv_buf_printf(b, "%c%02ld:%02ld", sign, a / 3600, a / 60 % 60);
}

static long
kind_offset(int64_t ticks, hv_dtkind kind)
{
    if (kind == HV_DT_UTC)
        return 0;
    /* approximate: the offset at (local ticks - offset) ~ offset at local ticks */
    return hv_dt_local_offset(ticks - hv_dt_local_offset(ticks) * HV_TICKS_PER_SEC);
}

/* One custom-format field; returns the number of format chars consumed. */
static int
dt_field(hv_buf *b, const char *f, const hv_dt_parts *p, int64_t ticks, hv_dtkind kind)
{
    char c = *f;
    int n = run_len(f, c);
    switch (c) {
    case 'd':
        if (n <= 2)
            pad_num(b, p->day, n);
        else if (n == 3)
            hv_buf_put(b, dow_names[p->dayofweek], 3);
        else
            hv_buf_puts(b, dow_names[p->dayofweek]);
        return n;
    case 'M':
        if (n <= 2)
            pad_num(b, p->month, n);
        else if (n == 3)
            hv_buf_put(b, month_names[p->month - 1], 3);
        else
            hv_buf_puts(b, month_names[p->month - 1]);
        return n;
    case 'y':
        if (n == 1)
            hv_buf_printf(b, "%d", p->year % 100);
        else if (n == 2)
            pad_num(b, p->year % 100, 2);
        else
            pad_num(b, p->year, n);
        return n;
    case 'h':
        pad_num(b, p->hour % 12 ? p->hour % 12 : 12, n >= 2 ? 2 : 1);
        return n;
    case 'H':
        pad_num(b, p->hour, n >= 2 ? 2 : 1);
        return n;
    case 'm':
        pad_num(b, p->minute, n >= 2 ? 2 : 1);
        return n;
    case 's':
        pad_num(b, p->second, n >= 2 ? 2 : 1);
        return n;
    case 'f':
    case 'F': {
        int k = n > 7 ? 7 : n;
        long v = p->frac;
        for (int i = 7; i > k; i--)
            v /= 10;
        if (c == 'F') {
            int w = k;
            while (w > 0 && v % 10 == 0)
                v /= 10, w--;
            if (w == 0) {
                /* "F" with nothing to show also drops a preceding '.' */
                if (b->len && b->data[b->len - 1] == '.')
                    b->data[--b->len] = 0;
                return n;
            }
            pad_num(b, v, w);
        } else {
            pad_num(b, v, k);
        }
        return n;
    }
    case 't':
        if (n == 1)
            hv_buf_putc(b, p->hour < 12 ? 'A' : 'P');
        else
            hv_buf_puts(b, p->hour < 12 ? "AM" : "PM");
        return n;
    case 'K':
        if (kind == HV_DT_UTC)
            hv_buf_putc(b, 'Z');
        else if (kind == HV_DT_LOCAL)
            put_offset(b, kind_offset(ticks, kind), 3);
        return 1;
    case 'z':
        put_offset(b, kind_offset(ticks, kind), n > 3 ? 3 : n);
        return n;
    case 'g':
        hv_buf_puts(b, "A.D.");
        return n;
    default:
        hv_buf_putc(b, c);
        return 1;
    }
}

hv_value
hv_dt_format(int64_t ticks, hv_dtkind kind, const char *fmt)
{
    if (fmt && strcmp(fmt, "U") == 0 && kind != HV_DT_UTC) { /* "U" shows universal time */
        ticks -= kind_offset(ticks, kind) * HV_TICKS_PER_SEC;
        kind = HV_DT_UTC;
    }
    hv_dt_parts p;
    hv_dt_split(ticks, &p);
    if (!fmt || !*fmt)
        return hv_strf("%02d/%02d/%04d %02d:%02d:%02d", p.month, p.day, p.year, p.hour, p.minute,
                       p.second);
    const char *f = expand_std_dt(fmt);
    if (strlen(fmt) == 1 && f == fmt && !strchr("dMyhHmsfFtKzg", *fmt))
        return hv_strf("%s", fmt); /* .NET would throw FormatException */
    bool single = strlen(fmt) == 1 && f == fmt;
    hv_buf b = {0};
    while (*f) {
        if (*f == '\'' || *f == '"') {
            char q = *f++;
            while (*f && *f != q)
                hv_buf_putc(&b, *f++);
            if (*f)
                f++;
        } else if (*f == '\\' && f[1]) {
            hv_buf_putc(&b, f[1]);
            f += 2;
        } else if (*f == '%' && f[1]) {
            f++;
            f += dt_field(&b, f, &p, ticks, kind) > 0 ? 1 : 0;
        } else if (strchr("dMyhHmsfFtKzg", *f)) {
            if (single) {
                dt_field(&b, f, &p, ticks, kind);
                break;
            }
            f += dt_field(&b, f, &p, ticks, kind);
        } else {
            hv_buf_putc(&b, *f++);
        }
    }
    return hv_buf_finish(&b);
}

/* ------------------------------------------------------------------ timespans */

hv_value
hv_ts_format(int64_t ticks, const char *fmt)
{
    bool neg = ticks < 0;
    uint64_t t = neg ? (uint64_t)(-(ticks + 1)) + 1 : (uint64_t)ticks;
    uint64_t days = t / (uint64_t)HV_TICKS_PER_DAY;
    uint64_t rem = t % (uint64_t)HV_TICKS_PER_DAY;
    unsigned h = (unsigned)(rem / 36000000000ULL), m = (unsigned)(rem / 600000000ULL % 60),
             s = (unsigned)(rem / 10000000ULL % 60);
    unsigned frac = (unsigned)(rem % 10000000ULL);
    hv_buf b = {0};
    if (!fmt || !*fmt || strcmp(fmt, "c") == 0 || strcmp(fmt, "t") == 0 ||
        strcmp(fmt, "T") == 0) {
        if (neg)
            hv_buf_putc(&b, '-');
        if (days)
            hv_buf_printf(&b, "%llu.", (unsigned long long)days);
        hv_buf_printf(&b, "%02u:%02u:%02u", h, m, s);
        if (frac)
            hv_buf_printf(&b, ".%07u", frac);
        return hv_buf_finish(&b);
    }
    if (strcmp(fmt, "g") == 0 || strcmp(fmt, "G") == 0) {
        if (neg)
            hv_buf_putc(&b, '-');
        if (days || fmt[0] == 'G')
            hv_buf_printf(&b, "%llu:", (unsigned long long)days);
        hv_buf_printf(&b, fmt[0] == 'G' ? "%02u:%02u:%02u" : "%u:%02u:%02u", h, m, s);
        if (fmt[0] == 'G')
            hv_buf_printf(&b, ".%07u", frac);
        else if (frac) {
            char fr[8];
            snprintf(fr, sizeof fr, "%07u", frac);
            for (int i = 6; i > 0 && fr[i] == '0'; i--)
                fr[i] = 0;
            hv_buf_printf(&b, ".%s", fr);
        }
        return hv_buf_finish(&b);
    }
    for (const char *f = fmt; *f;) {
        int n = run_len(f, *f);
        switch (*f) {
        case 'd':
            hv_buf_printf(&b, "%0*llu", n, (unsigned long long)days);
            break;
        case 'h':
            hv_buf_printf(&b, "%0*u", n > 2 ? 2 : n, h);
            break;
        case 'm':
            hv_buf_printf(&b, "%0*u", n > 2 ? 2 : n, m);
            break;
        case 's':
            hv_buf_printf(&b, "%0*u", n > 2 ? 2 : n, s);
            break;
        case 'f':
        case 'F': {
            unsigned v = frac;
            int k = n > 7 ? 7 : n;
            for (int i = 7; i > k; i--)
                v /= 10;
            if (*f == 'F') {
                while (k > 0 && v % 10 == 0)
                    v /= 10, k--;
                if (k)
                    hv_buf_printf(&b, "%0*u", k, v);
            } else {
                hv_buf_printf(&b, "%0*u", k, v);
            }
            break;
        }
        case '\\':
            if (f[1])
                hv_buf_putc(&b, f[1]);
            f += f[1] ? 2 : 1;
            continue;
        case '\'':
        case '"': {
            char q = *f++;
            while (*f && *f != q)
                hv_buf_putc(&b, *f++);
            if (*f)
                f++;
            continue;
        }
        default:
            hv_buf_putc(&b, *f);
            n = 1;
            break;
        }
        f += n;
    }
    return hv_buf_finish(&b);
}

/* "[-][d.]hh:mm[:ss[.fffffff]]", "d" (days), "hh:mm" */
bool
hv_ts_parse(const char *s, int64_t *ticks)
{
    while (is_ws(*s))
        s++;
    bool neg = *s == '-';
    if (neg)
        s++;
    long v[5] = {0};
    int nv = 0, fracdig = 0;
    bool dot_days = false, has_frac = false;
    const char *p = s;
    while (*p && nv < 5) {
        if (!isdigit((unsigned char)*p))
            return false;
        long x = 0;
        int nd = 0;
        while (isdigit((unsigned char)*p))
            x = x * 10 + (*p++ - '0'), nd++;
        v[nv++] = x;
        if (*p == '.' && nv == 1 && strchr(p, ':')) {
            dot_days = true;
            p++;
        } else if (*p == '.' && nv >= 3) {
            has_frac = true;
            p++;
            long fr = 0;
            int fd = 0;
            while (isdigit((unsigned char)*p)) {
                if (fd < 7)
                    fr = fr * 10 + (*p - '0'), fd++;
                p++;
            }
            fracdig = fd;
            while (fd++ < 7)
                fr *= 10;
            v[nv++] = fr;
            break;
        } else if (*p == ':') {
            p++;
        } else {
            break;
        }
    }
    while (is_ws(*p))
        p++;
    if (*p || nv == 0)
        return false;
    (void)fracdig;
    long d = 0, h = 0, m = 0, sec = 0, fr = 0;
    int i = 0;
    if (dot_days)
        d = v[i++];
    int rest = nv - i - (has_frac ? 1 : 0);
    if (!dot_days && rest == 1) {
        d = v[i];
    } else if (rest == 2) {
        h = v[i], m = v[i + 1];
    } else if (rest == 3) {
        h = v[i], m = v[i + 1], sec = v[i + 2];
    } else if (!dot_days && rest == 4) {
        d = v[i], h = v[i + 1], m = v[i + 2], sec = v[i + 3];
    } else {
        return false;
    }
    if (has_frac)
        fr = v[nv - 1];
    if (h > 23 || m > 59 || sec > 59)
        return false;
    int64_t t = (((int64_t)d * 24 + h) * 60 + m) * 60 * HV_TICKS_PER_SEC + sec * HV_TICKS_PER_SEC + fr;
    *ticks = neg ? -t : t;
    return true;
}

/* ------------------------------------------------------------------ guid / version / ip */

static hv_value
guid_to_string(const void *p)
{
    const unsigned char *g = p;
    return hv_strf("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", g[0],
                   g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12],
                   g[13], g[14], g[15]);
}

const hv_boxed_class hv_guid_class = {.type_name = "System.Guid", .free = free,
                                      .to_string = guid_to_string};

hv_value
hv_guid_new(const unsigned char bytes[16])
{
    unsigned char *g = hv_xmalloc(16);
    memcpy(g, bytes, 16);
    return hv_boxed_new(&hv_guid_class, g);
}

bool
hv_guid_parse(const char *s, unsigned char bytes[16])
{
    while (is_ws(*s))
        s++;
    char hex[33];
    int n = 0;
    bool braces = *s == '{' || *s == '(';
    if (braces)
        s++;
    for (; *s && n < 33; s++) {
        if (*s == '-')
            continue;
        if ((*s == '}' || *s == ')') && braces)
            break;
        if (!isxdigit((unsigned char)*s))
            return false;
        hex[n++] = *s;
    }
    if (n != 32)
        return false;
    for (int i = 0; i < 16; i++) {
        char two[3] = {hex[2 * i], hex[2 * i + 1], 0};
        bytes[i] = (unsigned char)strtoul(two, NULL, 16);
    }
    return true;
}

static hv_value
version_to_string(const void *p)
{
    const hv_version_data *v = p;
    hv_buf b = {0};
    for (int i = 0; i < 4 && v->part[i] >= 0; i++)
        hv_buf_printf(&b, i ? ".%d" : "%d", v->part[i]);
    return hv_buf_finish(&b);
}

const hv_boxed_class hv_version_class = {.type_name = "System.Version", .free = free,
                                         .to_string = version_to_string};

hv_value
hv_version_new(int major, int minor, int build, int revision)
{
    hv_version_data *v = hv_xmalloc(sizeof *v);
    v->part[0] = major, v->part[1] = minor, v->part[2] = build, v->part[3] = revision;
    return hv_boxed_new(&hv_version_class, v);
}

bool
hv_version_parse(const char *s, hv_value *out)
{
    int part[4] = {-1, -1, -1, -1}, n = 0;
    while (is_ws(*s))
        s++;
    while (n < 4) {
        if (!isdigit((unsigned char)*s))
            return false;
        char *end;
        long x = strtol(s, &end, 10);
        if (x > INT32_MAX)
            return false;
        part[n++] = (int)x;
        s = end;
        if (*s != '.')
            break;
        s++;
    }
    while (is_ws(*s))
        s++;
    if (*s || n < 2)
        return false;
    *out = hv_version_new(part[0], part[1], part[2], part[3]);
    return true;
}

static hv_value
ip_to_string(const void *p)
{
    const hv_ipaddress_data *ip = p;
    char buf[INET6_ADDRSTRLEN];
    inet_ntop(ip->family, ip->addr, buf, sizeof buf);
    return hv_str(buf);
}

const hv_boxed_class hv_ipaddress_class = {.type_name = "System.Net.IPAddress", .free = free,
                                           .to_string = ip_to_string};

bool
hv_ipaddress_parse(const char *s, hv_value *out)
{
    hv_ipaddress_data ip = {0};
    if (inet_pton(AF_INET, s, ip.addr) == 1) {
        ip.family = AF_INET;
    } else if (inet_pton(AF_INET6, s, ip.addr) == 1) {
        ip.family = AF_INET6;
    } else {
        return false;
    }
    hv_ipaddress_data *p = hv_xmalloc(sizeof *p);
    *p = ip;
    *out = hv_boxed_new(&hv_ipaddress_class, p);
    return true;
}

/* ------------------------------------------------------------------ cultures */

static void
culture_free(void *p)
{
    free(p);
}

static hv_value
culture_to_string(const void *p)
{
    return hv_str(p);
}

const hv_boxed_class hv_culture_class = {.type_name = "System.Globalization.CultureInfo",
                                         .free = culture_free, .to_string = culture_to_string};

hv_value
hv_culture_new(const char *name)
{
    return hv_boxed_new(&hv_culture_class, hv_xstrdup(name));
}

/* ------------------------------------------------------------------ casts */

static bool
to_enum(const hv_value *v, const hv_type_info *t, hv_value *out, hv_conv_err *err)
{
    const hv_enum_def *d = t->enum_def;
    if (v->kind == HV_ENUM) {
        *out = hv_enum(d, v->aux);
        return true;
    }
    if (v->kind == HV_STRING) {
        int32_t x;
        if (hv_enum_parse(d, hv_str_cstr(v), &x)) {
            *out = hv_enum(d, x);
            return true;
        }
        hv_buf names = {0};
        for (int i = 0; i < d->count; i++) {
            if (i)
                hv_buf_puts(&names, ", ");
            hv_buf_puts(&names, d->names[i]);
        }
        char why[400];
        snprintf(why, sizeof why,
                 "Unable to match the identifier name %.80s to a valid enumerator name. Specify "
                 "one of the following enumerator names and try again:\n%s",
                 hv_str_cstr(v), names.data ? names.data : "");
        hv_buf_free(&names);
        return fail_value(err, v, d->type_name, why);
    }
    hv_value n;
    if (hv_is_number(v) || v->kind == HV_CHAR || v->kind == HV_BOOL) {
        if (!hv_conv_to_number(v, &n, err) || !num_to_intk(v, &n, HV_N_INT32, &n, err))
            return false;
        *out = hv_enum(d, (int32_t)n.u.i);
        return true;
    }
    if (v->kind == HV_ARRAY && hv_array_len(v) == 1)
        return to_enum(hv_array_at(v, 0), t, out, err);
    if (v->kind == HV_ARRAY && d->flags && hv_array_len(v) > 1) {
        /* a [Flags] enum from several values: their bitwise OR ('Read','Write') */
        int32_t acc = 0;
        for (size_t i = 0; i < hv_array_len(v); i++) {
            hv_value one;
            if (!to_enum(hv_array_at(v, i), t, &one, err))
                return false;
            acc |= one.aux;
        }
        *out = hv_enum(d, acc);
        return true;
    }
    return fail_type(err, v, d->type_name);
}

/* Digits only (after trimming): exact uint64 parse, beyond what a double keeps. */
static bool
plain_uint64(const char *s, hv_value *out)
{
    while (is_ws(*s))
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    errno = 0;
    char *end;
    unsigned long long u = strtoull(s, &end, 10);
    while (is_ws(*end))
        end++;
    if (*end || errno)
        return false;
    *out = hv_uint64(u);
    return true;
}

static bool
to_intk(const hv_value *v, const hv_type_info *t, hv_value *out, hv_conv_err *err)
{
    hv_value n;
    hv_numkind k = (hv_numkind)t->sub;
    switch ((hv_kind)v->kind) {
    case HV_STRING:
        if (k == HV_N_UINT64 && plain_uint64(hv_str_cstr(v), &n))
            break;
        if (!string_to_number(v, &n))
            return fail_format(err, v, t->full_name);
        break;
    case HV_INT:
    case HV_DOUBLE:
    case HV_NULL:
    case HV_BOOL:
    case HV_CHAR:
    case HV_ENUM:
        if (!hv_conv_to_number(v, &n, err))
            return false;
        break;
    case HV_ARRAY:
        if (hv_array_len(v) == 1)
            return to_intk(hv_array_at(v, 0), t, out, err);
        return fail_type(err, v, t->full_name);
    default:
        return fail_type(err, v, t->full_name);
    }
    return num_to_intk(v, &n, k, out, err);
}

static bool
to_floatk(const hv_value *v, const hv_type_info *t, hv_value *out, hv_conv_err *err)
{
    hv_value n;
    if (v->kind == HV_STRING) {
        if (!string_to_number(v, &n))
            return fail_format(err, v, t->full_name);
    } else if (v->kind == HV_ARRAY && hv_array_len(v) == 1) {
        return to_floatk(hv_array_at(v, 0), t, out, err);
    } else if (v->kind > HV_ENUM && v->kind != HV_NULL) {
        return fail_type(err, v, t->full_name);
    } else if (v->kind == HV_DATETIME || v->kind == HV_TIMESPAN) {
        return fail_type(err, v, t->full_name);
    } else if (!hv_conv_to_number(v, &n, err)) {
        return false;
    }
    double d = hv_conv_num_to_double(&n);
    if (t->sub == HV_N_FLOAT)
        d = (double)(float)d;
    if (t->sub == HV_N_DECIMAL && (isnan(d) || fabs(d) >= 7.9228162514264338e28))
        return fail_value(err, v, t->full_name,
                          "Value was either too large or too small for a Decimal.");
    *out = hv_doublek(d, (hv_numkind)t->sub);
    if (t->sub == HV_N_DECIMAL) {
        /* the scale: kept from a decimal, taken from a string's digits ('12.50') */
        if (v->kind == HV_DOUBLE && v->sub == HV_N_DECIMAL) {
            out->pad = v->pad;
        } else if (v->kind == HV_STRING) {
            const char *dot = strchr(hv_str_cstr(v), '.');
            uint16_t sc = 0;
            while (dot && dot[1 + sc] >= '0' && dot[1 + sc] <= '9' && sc < 28)
                sc++;
            if (!dot || !strpbrk(dot, "eE"))
                out->pad = sc;
        }
    }
    return true;
}

static bool
to_char(const hv_value *v, hv_value *out, hv_conv_err *err)
{
    if (v->kind == HV_CHAR) {
        *out = *v;
        return true;
    }
    if (v->kind == HV_STRING) {
        const char *s = hv_str_cstr(v);
        size_t len = hv_str_len(v), i = 0;
        if (len) {
            uint32_t cp = hv_utf8_next(s, len, &i);
            if (i == len) {
                *out = hv_char(cp);
                return true;
            }
        }
        return fail_value(err, v, "System.Char", "String must be exactly one character long.");
    }
    if (hv_is_number(v) || v->kind == HV_BOOL) {
        hv_value n;
        hv_value k = *v;
        if (!num_to_intk(v, &k, HV_N_UINT16, &n, err))
            return fail_value(err, v, "System.Char",
                              "Value was either too large or too small for a character.");
        *out = hv_char((uint32_t)n.u.i);
        return true;
    }
    if (v->kind == HV_ARRAY && hv_array_len(v) == 1)
        return to_char(hv_array_at(v, 0), out, err);
    return fail_type(err, v, "System.Char");
}

static bool
to_datetime(const hv_value *v, hv_value *out, hv_conv_err *err)
{
    if (v->kind == HV_DATETIME) {
        *out = *v;
        return true;
    }
    if (v->kind == HV_STRING) {
        int64_t ticks;
        hv_dtkind k;
        if (hv_dt_parse(hv_str_cstr(v), &ticks, &k)) {
            *out = hv_datetime(ticks, k);
            return true;
        }
        char why[300];
        snprintf(why, sizeof why, "String '%.200s' was not recognized as a valid DateTime.",
                 hv_str_cstr(v));
        return fail_value(err, v, "System.DateTime", why);
    }
    if (v->kind == HV_INT && v->u.i >= 0) {
        *out = hv_datetime(v->u.i, HV_DT_UNSPECIFIED);
        return true;
    }
    if (v->kind == HV_ARRAY && hv_array_len(v) == 1)
        return to_datetime(hv_array_at(v, 0), out, err);
    return fail_type(err, v, "System.DateTime");
}

static bool
to_timespan(const hv_value *v, hv_value *out, hv_conv_err *err)
{
    if (v->kind == HV_TIMESPAN) {
        *out = *v;
        return true;
    }
    if (v->kind == HV_STRING) {
        int64_t t;
        if (hv_ts_parse(hv_str_cstr(v), &t)) {
            *out = hv_timespan(t);
            return true;
        }
        return fail_value(err, v, "System.TimeSpan",
                          "String was not recognized as a valid TimeSpan.");
    }
    if (v->kind == HV_INT) {
        *out = hv_timespan(v->u.i);
        return true;
    }
    if (v->kind == HV_ARRAY && hv_array_len(v) == 1)
        return to_timespan(hv_array_at(v, 0), out, err);
    return fail_type(err, v, "System.TimeSpan");
}

/* A converted [T[]] array remembers its element type (GetType() says Int32[]): the array
 * heap's spare field holds the index + 1 of T[] in the array-type registry. Any later
 * rebuild (+=, clone) is a plain object[] unless converted again, as a typed variable is. */
static void
tag_array_type(hv_value *r, const hv_type_info *t)
{
    if (r->sub != HV_TA_OBJECT || !t->element || t->element == &t_object)
        return;
    for (size_t i = 0; i < array_types.n && i < 0xfffe; i++)
        if (array_types.v[i] == t) {
            hv_heap_of(r)->reserved = (uint16_t)(i + 1);
            return;
        }
}

/* A collection built from another one's items (the .NET constructor taking an
 * IEnumerable): a Stack pushes them (the last is the top), a HashSet drops repeats. */
static void
collection_layout(hv_value *r, unsigned from_sub)
{
    bool is_stack = r->sub == HV_TA_STACK || r->sub == HV_TA_GENERIC_STACK;
    bool was_stack = from_sub == HV_TA_STACK || from_sub == HV_TA_GENERIC_STACK;
    hv_value *it = hv_array_items(r);
    size_t n = hv_array_len(r);
    if (is_stack && !was_stack) {
        for (size_t i = 0; i < n / 2; i++) {
            hv_value x = it[i];
            it[i] = it[n - 1 - i];
            it[n - 1 - i] = x;
        }
    }
    if (r->sub != HV_TA_HASHSET)
        return;
    for (size_t i = n; i-- > 1;) {
        for (size_t k = 0; k < i; k++) {
            if (hv_array_at(r, k)->kind == hv_array_at(r, i)->kind &&
                hv_op_equal(hv_array_at(r, k), hv_array_at(r, i), HV_OPF_CASE_SENSITIVE)) {
                hv_array_remove_at(r, i);
                break;
            }
        }
    }
}

static bool
to_array(const hv_value *v, const hv_type_info *t, hv_value *out, hv_conv_err *err)
{
    const hv_type_info *el = t->element;
    if (v->kind == HV_NULL) {
        *out = hv_null();
        return true;
    }
    if (v->kind == HV_ARRAY) {
        size_t n = hv_array_len(v);
        if (!el || el == &t_object) {
            if (t->sub != HV_TA_OBJECT || v->sub != HV_TA_OBJECT) {
                *out = hv_array_clone(v);
                out->sub = (uint8_t)t->sub;
                collection_layout(out, v->sub);
            } else {
                *out = hv_ref(v);
            }
            return true;
        }
        hv_value r = hv_array_new(n);
        for (size_t i = 0; i < n; i++) {
            hv_value e;
            if (!hv_conv_to_type(hv_array_at(v, i), el, &e, err)) {
                hv_unref(r);
                return false;
            }
            hv_array_push(&r, e);
        }
        tag_array_type(&r, t);
        *out = r;
        return true;
    }
    if (v->kind == HV_STRING && el && el->kind == HV_CHAR) {
        /* [char[]]"abc" is the string's characters */
        const char *p = hv_str_cstr(v);
        size_t len = hv_str_len(v);
        hv_value r = hv_array_new(len);
        for (size_t i = 0; i < len;)
            hv_array_push(&r, hv_char(hv_utf8_next(p, len, &i)));
        tag_array_type(&r, t);
        *out = r;
        return true;
    }
    hv_value r = hv_array_new(1);
    r.sub = (uint8_t)t->sub;
    if (v->kind == HV_TABLE && t->sub != HV_TA_OBJECT) {
        *out = r; /* [ArrayList]@{} is not meaningful; keep empty */
        return true;
    }
    hv_value e;
    if (el && el != &t_object) {
        if (!hv_conv_to_type(v, el, &e, err)) {
            hv_unref(r);
            return false;
        }
        tag_array_type(&r, t);
    } else {
        e = hv_ref(v);
    }
    hv_array_push(&r, e);
    *out = r;
    return true;
}

const hv_obj_class hv_psreference_class = {.type_name = "System.Management.Automation.PSReference"};

static bool
to_exception(const hv_value *v, const hv_type_info *t, hv_value *out, hv_conv_err *err)
{
    if (v->kind == HV_OBJECT)
        for (size_t i = 0; i < hv_obj_typename_count(v); i++)
            if (hv_str_eq_ci(hv_obj_typename_at(v, i), t->full_name)) {
                *out = hv_ref(v);
                return true;
            }
    if (v->kind == HV_NULL) {
        *out = hv_null();
        return true;
    }
    if (v->kind != HV_STRING)
        return fail_type(err, v, t->full_name);
    *out = hv_err_exception_new(t->full_name, hv_str_cstr(v), NULL);
    return true;
}

static bool
to_pscustom(const hv_value *v, hv_value *out, hv_conv_err *err)
{
    (void)err;
    if (v->kind == HV_TABLE) {
        hv_value o = hv_obj_new(NULL);
        const hv_value *k, *x;
        for (size_t i = 0; hv_table_next(v, &i, &k, &x);) {
            hv_value ks = hv_conv_to_string(k, NULL);
            if (hv_str_eq_ci(hv_str_cstr(&ks), "PSTypeName")) {
                /* as pwsh: the key names the type (TypeNames[0]); it is no property */
                hv_value tn = hv_conv_to_string(x, NULL);
                hv_obj_add_typename(&o, hv_str_cstr(&tn));
                hv_unref(tn);
            } else {
                hv_obj_set(&o, hv_str_cstr(&ks), hv_ref(x));
            }
            hv_unref(ks);
        }
        *out = o;
        return true;
    }
    /* [pscustomobject]$anything else is the object itself, as PSObject wrapping */
    *out = hv_ref(v);
    return true;
}

/* ---- [uri]: System.Uri as an object with .NET's properties ---- */

static hv_value
uri_to_string(const hv_value *self)
{
    const hv_value *a = hv_obj_get(self, "AbsoluteUri");
    if (!a || a->kind != HV_STRING)
        a = hv_obj_get(self, "OriginalString");
    return a && a->kind == HV_STRING ? hv_ref(a) : hv_str("");
}

static const hv_obj_class uri_class = {
    .type_name = "System.Uri",
    .to_string = uri_to_string,
};

static int
uri_default_port(const char *scheme)
{
    static const struct {
        const char *s;
        int port;
    } ports[] = {{"http", 80}, {"https", 443}, {"ftp", 21}, {"ws", 80}, {"wss", 443},
                 {"ssh", 22}, {"telnet", 23}, {"ldap", 389}, {"smtp", 25}};
    for (size_t i = 0; i < sizeof ports / sizeof ports[0]; i++)
        if (hv_str_eq_ci(ports[i].s, scheme))
            return ports[i].port;
    return -1;
}

/* scheme://[user@]host[:port][/path][?query][#fragment]; anything else is a relative
 * URI (only OriginalString / IsAbsoluteUri / UserEscaped, as .NET's relative Uri). A
 * rooted path (/tmp/x) is a file: URI, as .NET on Unix makes it. */
static hv_value
uri_new(const char *text)
{
    hv_value o = hv_obj_new(&uri_class);
    const char *sep = strstr(text, "://");
    bool file_path = text[0] == '/' && text[1] != '/';
    if (!sep && !file_path) {
        hv_obj_set(&o, "OriginalString", hv_str(text));
        hv_obj_set(&o, "IsAbsoluteUri", hv_bool(false));
        hv_obj_set(&o, "UserEscaped", hv_bool(false));
        return o;
    }
    char *scheme = file_path ? hv_xstrdup("file") : hv_xstrndup(text, (size_t)(sep - text));
    for (char *p = scheme; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    const char *rest = file_path ? text : sep + 3;
    const char *auth_end = file_path ? rest : rest + strcspn(rest, "/?#");
    char *auth = hv_xstrndup(rest, (size_t)(auth_end - rest));
    char *userinfo = hv_xstrdup("");
    char *at = strrchr(auth, '@');
    char *hostport = auth;
    if (at) {
        free(userinfo);
        userinfo = hv_xstrndup(auth, (size_t)(at - auth));
        hostport = at + 1;
    }
    int port = uri_default_port(scheme);
    bool has_port = false;
    char *colon = hostport[0] == '[' ? strchr(hostport, ']') : hostport;
    colon = colon ? strrchr(colon, ':') : NULL;
    if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
        int p = atoi(colon + 1);
        has_port = p != port;
        port = p;
        *colon = 0;
    }
    for (char *p = hostport; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    const char *path_end = auth_end + strcspn(auth_end, "?#");
    hv_value path = path_end > auth_end ? hv_strn(auth_end, (size_t)(path_end - auth_end))
                                        : hv_str("/");
    const char *q = *path_end == '?' ? path_end : NULL;
    const char *frag = strchr(path_end, '#');
    hv_value query = q ? hv_strn(q, (size_t)((frag ? frag : q + strlen(q)) - q)) : hv_str("");
    hv_value fragment = frag ? hv_str(frag) : hv_str("");
    hv_value authority = has_port ? hv_strf("%s:%d", hostport, port) : hv_str(hostport);
    hv_value absolute =
        hv_strf("%s://%s%s%s%s%s%s", scheme, userinfo, *userinfo ? "@" : "",
                hv_str_cstr(&authority), hv_str_cstr(&path), hv_str_cstr(&query),
                hv_str_cstr(&fragment));
    hv_value segments = hv_array_new(4);
    for (const char *p = hv_str_cstr(&path); *p;) {
        size_t n = strcspn(p, "/");
        if (p[n] == '/')
            n++;
        hv_array_push(&segments, hv_strn(p, n));
        p += n;
    }
    bool ipv4 = hostport[0] && strspn(hostport, "0123456789.") == strlen(hostport);
    hv_obj_set(&o, "AbsolutePath", hv_ref(&path));
    hv_obj_set(&o, "AbsoluteUri", absolute);
    hv_obj_set(&o, "LocalPath", hv_ref(&path));
    hv_obj_set(&o, "Authority", authority);
    hv_obj_set(&o, "HostNameType", hv_str(strcmp(scheme, "file") == 0 ? "Basic"
                                          : hostport[0] == '['        ? "IPv6"
                                          : ipv4                      ? "IPv4"
                                                                      : "Dns"));
    hv_obj_set(&o, "IsDefaultPort", hv_bool(!has_port));
    hv_obj_set(&o, "IsFile", hv_bool(strcmp(scheme, "file") == 0));
    hv_obj_set(&o, "IsLoopback", hv_bool(strcmp(hostport, "localhost") == 0 ||
                                         strncmp(hostport, "127.", 4) == 0 ||
                                         strcmp(hostport, "[::1]") == 0 ||
                                         strcmp(scheme, "file") == 0));
    hv_obj_set(&o, "PathAndQuery", hv_strf("%s%s", hv_str_cstr(&path), hv_str_cstr(&query)));
    hv_obj_set(&o, "Segments", segments);
    hv_obj_set(&o, "IsUnc", hv_bool(false));
    hv_obj_set(&o, "Host", hv_str(hostport));
    hv_obj_set(&o, "Port", hv_int(port));
    hv_obj_set(&o, "Query", query);
    hv_obj_set(&o, "Fragment", fragment);
    hv_obj_set(&o, "Scheme", hv_str(scheme));
    hv_obj_set(&o, "OriginalString", hv_str(text));
    hv_obj_set(&o, "DnsSafeHost", hv_str(hostport));
    hv_obj_set(&o, "IdnHost", hv_str(hostport));
    hv_obj_set(&o, "IsAbsoluteUri", hv_bool(true));
    hv_obj_set(&o, "UserEscaped", hv_bool(false));
    hv_obj_set(&o, "UserInfo", hv_str(userinfo));
    hv_unref(path);
    free(scheme);
    free(auth);
    free(userinfo);
    return o;
}

static bool
to_boxed(const hv_value *v, const hv_type_info *t, hv_value *out, hv_conv_err *err)
{
    if (v->kind == HV_BOXED && hv_type_of(v) == t) {
        *out = hv_ref(v);
        return true;
    }
    if (v->kind == HV_ARRAY && hv_array_len(v) == 1)
        return to_boxed(hv_array_at(v, 0), t, out, err);
    hv_value s = hv_conv_to_string(v, NULL);
    const char *cs = hv_str_cstr(&s);
    bool ok = false;
    const char *why = NULL;
    switch (t->sub) {
    case HV_TB_REGEX: {
        hv_conv_err e2;
        if (hv_regex_get(cs, false, &e2)) {
            *out = hv_regex_value(cs, 0);
            ok = true;
        } else {
            hv_unref(s);
            return fail(err, "%s", e2.msg);
        }
        break;
    }
    case HV_TB_GUID: {
        unsigned char g[16];
        ok = v->kind == HV_STRING && hv_guid_parse(cs, g);
        if (ok)
            *out = hv_guid_new(g);
        else
            why = "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).";
        break;
    }
    case HV_TB_VERSION:
        ok = hv_version_parse(cs, out);
        if (!ok && hv_is_number(v) && v->kind == HV_INT) {
            *out = hv_version_new((int)v->u.i, 0, -1, -1);
            ok = true;
        }
        if (!ok)
            why = "Version string portion was too short or too long.";
        break;
    case HV_TB_IPADDRESS:
        ok = hv_ipaddress_parse(cs, out);
        if (!ok)
            why = "An invalid IP address was specified.";
        break;
    case HV_TB_XML:
        why = "XML documents are not supported by hvsh.";
        break;
    case HV_TB_URI:
        *out = uri_new(cs);
        ok = true;
        break;
    case HV_TB_CULTURE:
        *out = hv_culture_new(cs);
        ok = true;
        break;
    default:
        break;
    }
    if (!ok) {
        if (why)
            fail_value(err, v, t->full_name, why);
        else
            fail_type(err, v, t->full_name);
    }
    hv_unref(s);
    return ok;
}

/* $null to a type: numbers 0, bool false, char 0, string ""; other value types refuse;
 * reference types stay $null (LanguagePrimitives' null conversions). */
static bool
null_to_type(const hv_type_info *t, hv_value *out, hv_conv_err *err)
{
    switch ((int)t->kind) {
    case HV_INT:
    case HV_DOUBLE: {
        hv_value zero = hv_int(0);
        return t->kind == HV_INT ? to_intk(&zero, t, out, err) : to_floatk(&zero, t, out, err);
    }
    case HV_BOOL:
        *out = hv_bool(false);
        return true;
    case HV_CHAR:
        *out = hv_char(0);
        return true;
    case HV_STRING:
        *out = hv_str_empty();
        return true;
    case HV_DATETIME:
    case HV_TIMESPAN:
    case HV_ENUM:
        return fail(err, "Cannot convert null to type \"%s\".", t->full_name);
    case HV_BOXED:
        if (t->sub == HV_TB_GUID)
            return fail(err, "Cannot convert null to type \"%s\".", t->full_name);
        *out = hv_null();
        return true;
    default:
        *out = hv_null();
        return true;
    }
}

bool
hv_conv_to_type(const hv_value *v, const hv_type_info *t, hv_value *out, hv_conv_err *err)
{
    if (v->kind == HV_NULL && is_nullable_type(t)) {
        *out = hv_null();
        return true;
    }
    if (v->kind == HV_NULL && t->kind != HV__KIND_COUNT && !(t->kind == HV_OBJECT && t->sub == 1) &&
        !(t->kind == HV_NULL))
        return null_to_type(t, out, err);
    if (t->kind == HV_ENUM)
        return to_enum(v, t, out, err);
    switch ((int)t->kind) {
    case HV__KIND_COUNT:
        *out = hv_ref(v);
        return true;
    case HV_NULL:
        *out = hv_null();
        return true;
    case HV_BOOL:
        *out = hv_bool(hv_conv_to_bool(v));
        out->sub = (uint8_t)(t->sub == 1); /* [switch]: a SwitchParameter */
        return true;
    case HV_INT:
        return to_intk(v, t, out, err);
    case HV_DOUBLE:
        return to_floatk(v, t, out, err);
    case HV_STRING:
        if (v->kind == HV_NULL) {
            *out = hv_str_empty();
            return true;
        }
        *out = hv_conv_to_string(v, NULL);
        return true;
    case HV_CHAR:
        return to_char(v, out, err);
    case HV_DATETIME:
        return to_datetime(v, out, err);
    case HV_TIMESPAN:
        return to_timespan(v, out, err);
    case HV_ARRAY:
        return to_array(v, t, out, err);
    case HV_TABLE:
        if (v->kind == HV_TABLE) {
            unsigned want = t->sub & (HV_TABLE_ORDERED | HV_TABLE_ORDERED_HT);
            if (want && (hv_table_flags(v) & want) != want) {
                hv_value r = hv_table_new(want);
                const hv_value *k, *x;
                for (size_t i = 0; hv_table_next(v, &i, &k, &x);)
                    hv_table_set(&r, hv_ref(k), hv_ref(x));
                *out = r;
                return true;
            }
            *out = hv_ref(v);
            return true;
        }
        if (v->kind == HV_NULL) {
            *out = hv_null();
            return true;
        }
        return fail_type(err, v, t->full_name);
    case HV_OBJECT:
        if (t->sub == 1) { /* [ref] */
            if (v->kind == HV_OBJECT && hv_obj_class_of(v) == &hv_psreference_class) {
                *out = hv_ref(v);
            } else {
                *out = hv_obj_new(&hv_psreference_class);
                hv_obj_set(out, "Value", hv_ref(v));
            }
            return true;
        }
        if (t->sub == 2) /* an exception type */
            return to_exception(v, t, out, err);
        return to_pscustom(v, out, err);
    case HV_SCRIPTBLOCK:
        if (v->kind == HV_SCRIPTBLOCK || v->kind == HV_NULL) {
            *out = hv_ref(v);
            return true;
        }
        return fail_type(err, v, t->full_name);
    case HV_TYPE:
        if (v->kind == HV_TYPE) {
            *out = *v;
            return true;
        }
        if (v->kind == HV_STRING) {
            const hv_type_info *x = hv_type_lookup(hv_str_cstr(v));
            if (x) {
                *out = hv_type(x);
                return true;
            }
            return fail(err,
                        "Cannot convert the \"%.200s\" value of type \"System.String\" to type "
                        "\"System.Type\".",
                        hv_str_cstr(v));
        }
        return fail_type(err, v, t->full_name);
    case HV_BOXED:
        if (t == &t_xml && xml_hooks && xml_hooks->to_xml)
            return xml_hooks->to_xml(v, out, err);
        if (t->sub == HV_TB_XML && t != &t_xml) {
            /* the other XML types: an object of the module that has this type name */
            for (size_t i = 0; v->kind == HV_OBJECT && i < hv_obj_typename_count(v); i++)
                if (strcmp(hv_obj_typename_at(v, i), t->full_name) == 0) {
                    *out = hv_ref(v);
                    return true;
                }
            return fail_type(err, v, t->full_name);
        }
        if (t->sub == HV_TB_STATIC || t->sub == HV_TB_MATCH || t->sub == HV_TB_ENCODING ||
            t->sub == HV_TB_STRINGBUILDER || t->sub == HV_TB_STOPWATCH || t->sub == HV_TB_CREDENTIAL)
            return fail_type(err, v, t->full_name);
        return to_boxed(v, t, out, err);
    default:
        return fail_type(err, v, t->full_name);
    }
}
