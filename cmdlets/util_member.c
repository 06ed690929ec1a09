/* util_member.c — Get-Member, Add-Member, New-Object. */
#include "cmdlets/util.h"
#include "cmdlets/xml_members.h"

#include <stdlib.h>
#include <string.h>

/* ======================================================================================
 * Type names as Get-Member writes them in definitions ("int", "string", "Object[]")
 * ====================================================================================== */
static const char *
short_type(const hv_value *v)
{
    switch (v->kind) {
    case HV_NULL:
        return "object";
    case HV_BOOL:
        return "bool";
    case HV_CHAR:
        return "char";
    case HV_STRING:
        return "string";
    case HV_DATETIME:
        return "datetime";
    case HV_TIMESPAN:
        return "timespan";
    case HV_SCRIPTBLOCK:
        return "scriptblock";
    case HV_ARRAY:
        return "Object[]";
    case HV_TABLE:
        return (hv_table_flags(v) & (HV_TABLE_ORDERED | HV_TABLE_ORDERED_HT)) ? hv_type_name_of(v)
                                                                               : "hashtable";
    case HV_INT:
        switch ((hv_numkind)v->sub) {
        case HV_N_INT64:
            return "long";
        case HV_N_BYTE:
            return "byte";
        case HV_N_SBYTE:
            return "sbyte";
        case HV_N_INT16:
            return "short";
        case HV_N_UINT16:
            return "ushort";
        case HV_N_UINT32:
            return "uint";
        case HV_N_UINT64:
            return "ulong";
        case HV_N_BIGINT:
            return "bigint";
        default:
            return "int";
        }
    case HV_DOUBLE:
        return v->sub == HV_N_FLOAT ? "float" : v->sub == HV_N_DECIMAL ? "decimal" : "double";
    default:
        return hvc_u_typename(v);
    }
}

/* ======================================================================================
 * Get-Member
 * ====================================================================================== */
static const char *const member_types[] = {
    "AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty",
    "Properties", "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods",
    "ParameterizedProperty", "MemberSet", "Event", "Dynamic", "InferredProperty", "All", NULL};

enum { GM_INPUT, GM_NAME, GM_MEMBERTYPE, GM_VIEW, GM_STATIC, GM_FORCE, GM__N };
static const hv_param_def gm_params[GM__N + 1] = {
    [GM_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies the object whose members are retrieved. Piped "
                          "collections are examined element by element; with this parameter "
                          "the collection itself is examined."},
    [GM_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .help = "Specifies the names of one or more properties or methods of the "
                         "object. Get-Member gets only the specified properties and methods. "
                         "Wildcards are permitted."},
    [GM_MEMBERTYPE] = {.name = "MemberType", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                       .flags = HV_PF_ARRAY, .accepted = member_types,
                       .aliases = (const char *const[]){"Type", NULL},
                       .help = "Specifies the member type that this cmdlet gets. The default "
                               "is All."},
    [GM_VIEW] = {.name = "View", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .accepted = (const char *const[]){"Extended", "Adapted", "Base", "All", NULL},
                 .help = "Specifies that this cmdlet gets only particular types of members. "
                         "The default is Adapted, Extended."},
    [GM_STATIC] = {.name = "Static", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Indicates that this cmdlet gets only the static properties and "
                           "methods of the object."},
    [GM_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Adds the intrinsic members and the compiler-generated get_ and set_ "
                          "methods to the display."},
    [GM__N] = {.name = NULL},
};

/* Methods listed for a type: name and definition (the .NET signatures, abridged). */
typedef struct {
    const char *name, *def;
} gm_method;

static const gm_method no_methods[] = {{NULL, NULL}};
static const gm_method object_methods[] = {
    {"Equals", "bool Equals(System.Object obj)"},
    {"GetHashCode", "int GetHashCode()"},
    {"GetType", "type GetType()"},
    {"ToString", "string ToString()"},
    {NULL, NULL},
};
static const gm_method string_methods[] = {
    {"Clone", "System.Object Clone(), System.Object ICloneable.Clone()"},
    {"CompareTo", "int CompareTo(System.Object value), int CompareTo(string strB), int IComparable.CompareTo(System.Object obj), int IComparable[string].CompareTo(string other)"},
    {"Contains", "bool Contains(string value), bool Contains(string value, System.StringComparison comparisonType), bool Contains(char value), bool Contains(char value, System.StringComparison comparisonType)"},
    {"CopyTo", "void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count), void CopyTo(System.Span[char] destination)"},
    {"EndsWith", "bool EndsWith(string value), bool EndsWith(string value, System.StringComparison comparisonType), bool EndsWith(string value, bool ignoreCase, cultureinfo culture), bool EndsWith(char value)"},
    {"EnumerateRunes", "System.Text.StringRuneEnumerator EnumerateRunes()"},
    {"Equals", "bool Equals(System.Object obj), bool Equals(string value), bool Equals(string value, System.StringComparison comparisonType), bool IEquatable[string].Equals(string other)"},
    {"GetEnumerator", "System.CharEnumerator GetEnumerator(), System.Collections.IEnumerator IEnumerable.GetEnumerator(), System.Collections.Generic.IEnumerator[char] IEnumerable[char].GetEnumerator()"},
    {"GetHashCode", "int GetHashCode(), int GetHashCode(System.StringComparison comparisonType)"},
    {"GetPinnableReference", "System.Char&, System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e GetPinnableReference()"},
    {"GetType", "type GetType()"},
    {"GetTypeCode", "System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()"},
    {"IndexOf", "int IndexOf(char value), int IndexOf(char value, int startIndex), int IndexOf(char value, System.StringComparison comparisonType), int IndexOf(char value, int startIndex, int count), int IndexOf(string value), int IndexOf(string value, int startIndex), int IndexOf(string value, int startIndex, int count), int IndexOf(string value, System.StringComparison comparisonType)"},
    {"IndexOfAny", "int IndexOfAny(char[] anyOf), int IndexOfAny(char[] anyOf, int startIndex), int IndexOfAny(char[] anyOf, int startIndex, int count)"},
    {"Insert", "string Insert(int startIndex, string value)"},
    {"IsNormalized", "bool IsNormalized(), bool IsNormalized(System.Text.NormalizationForm normalizationForm)"},
    {"LastIndexOf", "int LastIndexOf(char value), int LastIndexOf(char value, int startIndex), int LastIndexOf(char value, int startIndex, int count), int LastIndexOf(string value), int LastIndexOf(string value, int startIndex), int LastIndexOf(string value, int startIndex, int count)"},
    {"LastIndexOfAny", "int LastIndexOfAny(char[] anyOf), int LastIndexOfAny(char[] anyOf, int startIndex), int LastIndexOfAny(char[] anyOf, int startIndex, int count)"},
    {"Normalize", "string Normalize(), string Normalize(System.Text.NormalizationForm normalizationForm)"},
    {"PadLeft", "string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)"},
    {"PadRight", "string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)"},
    {"Remove", "string Remove(int startIndex, int count), string Remove(int startIndex)"},
    {"Replace", "string Replace(string oldValue, string newValue, bool ignoreCase, cultureinfo culture), string Replace(string oldValue, string newValue, System.StringComparison comparisonType), string Replace(char oldChar, char newChar), string Replace(string oldValue, string newValue)"},
    {"ReplaceLineEndings", "string ReplaceLineEndings(), string ReplaceLineEndings(string replacementText)"},
    {"Split", "string[] Split(char separator, System.StringSplitOptions options), string[] Split(char separator, int count, System.StringSplitOptions options), string[] Split(char[] separator), string[] Split(char[] separator, int count), string[] Split(string separator, System.StringSplitOptions options)"},
    {"StartsWith", "bool StartsWith(string value), bool StartsWith(string value, System.StringComparison comparisonType), bool StartsWith(string value, bool ignoreCase, cultureinfo culture), bool StartsWith(char value)"},
    {"Substring", "string Substring(int startIndex), string Substring(int startIndex, int length)"},
    {"ToBoolean", "bool IConvertible.ToBoolean(System.IFormatProvider provider)"},
    {"ToByte", "byte IConvertible.ToByte(System.IFormatProvider provider)"},
    {"ToChar", "char IConvertible.ToChar(System.IFormatProvider provider)"},
    {"ToCharArray", "char[] ToCharArray(), char[] ToCharArray(int startIndex, int length)"},
    {"ToDateTime", "datetime IConvertible.ToDateTime(System.IFormatProvider provider)"},
    {"ToDecimal", "decimal IConvertible.ToDecimal(System.IFormatProvider provider)"},
    {"ToDouble", "double IConvertible.ToDouble(System.IFormatProvider provider)"},
    {"ToInt16", "short IConvertible.ToInt16(System.IFormatProvider provider)"},
    {"ToInt32", "int IConvertible.ToInt32(System.IFormatProvider provider)"},
    {"ToInt64", "long IConvertible.ToInt64(System.IFormatProvider provider)"},
    {"ToLower", "string ToLower(), string ToLower(cultureinfo culture)"},
    {"ToLowerInvariant", "string ToLowerInvariant()"},
    {"ToSByte", "sbyte IConvertible.ToSByte(System.IFormatProvider provider)"},
    {"ToSingle", "float IConvertible.ToSingle(System.IFormatProvider provider)"},
    {"ToString", "string ToString(), string ToString(System.IFormatProvider provider), string IConvertible.ToString(System.IFormatProvider provider)"},
    {"ToType", "System.Object IConvertible.ToType(type conversionType, System.IFormatProvider provider)"},
    {"ToUInt16", "ushort IConvertible.ToUInt16(System.IFormatProvider provider)"},
    {"ToUInt32", "uint IConvertible.ToUInt32(System.IFormatProvider provider)"},
    {"ToUInt64", "ulong IConvertible.ToUInt64(System.IFormatProvider provider)"},
    {"ToUpper", "string ToUpper(), string ToUpper(cultureinfo culture)"},
    {"ToUpperInvariant", "string ToUpperInvariant()"},
    {"Trim", "string Trim(), string Trim(char trimChar), string Trim(Params char[] trimChars)"},
    {"TrimEnd", "string TrimEnd(), string TrimEnd(char trimChar), string TrimEnd(Params char[] trimChars)"},
    {"TrimStart", "string TrimStart(), string TrimStart(char trimChar), string TrimStart(Params char[] trimChars)"},
    {"TryCopyTo", "bool TryCopyTo(System.Span[char] destination)"},
    {NULL, NULL},
};
static const gm_method int_methods[] = {
    {"CompareTo", "int CompareTo(System.Object value), int CompareTo(int value), int IComparable.CompareTo(System.Object obj), int IComparable[int].CompareTo(int other)"},
    {"Equals", "bool Equals(System.Object obj), bool Equals(int obj), bool IEquatable[int].Equals(int other)"},
    {"GetByteCount", "int IBinaryInteger[int].GetByteCount()"},
    {"GetHashCode", "int GetHashCode()"},
    {"GetShortestBitLength", "int IBinaryInteger[int].GetShortestBitLength()"},
    {"GetType", "type GetType()"},
    {"GetTypeCode", "System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()"},
    {"ToBoolean", "bool IConvertible.ToBoolean(System.IFormatProvider provider)"},
    {"ToString", "string ToString(), string ToString(string format), string ToString(System.IFormatProvider provider), string ToString(string format, System.IFormatProvider provider)"},
    {"TryFormat", "bool TryFormat(System.Span[char] destination, [ref] int charsWritten, System.ReadOnlySpan[char] format, System.IFormatProvider provider)"},
    {NULL, NULL},
};
static const gm_method array_methods[] = {
    {"Add", "int IList.Add(System.Object value)"},
    {"Address", "System.Object&, System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e Address(int )"},
    {"Clear", "void IList.Clear()"},
    {"Clone", "System.Object Clone(), System.Object ICloneable.Clone()"},
    {"CompareTo", "int IStructuralComparable.CompareTo(System.Object other, System.Collections.IComparer comparer)"},
    {"Contains", "bool IList.Contains(System.Object value)"},
    {"CopyTo", "void CopyTo(array array, int index), void CopyTo(array array, long index), void ICollection.CopyTo(array array, int index)"},
    {"Equals", "bool Equals(System.Object obj), bool IStructuralEquatable.Equals(System.Object other, System.Collections.IEqualityComparer comparer)"},
    {"Get", "System.Object Get(int )"},
    {"GetEnumerator", "System.Collections.IEnumerator GetEnumerator(), System.Collections.IEnumerator IEnumerable.GetEnumerator()"},
    {"GetHashCode", "int GetHashCode(), int IStructuralEquatable.GetHashCode(System.Collections.IEqualityComparer comparer)"},
    {"GetLength", "int GetLength(int dimension)"},
    {"GetLongLength", "long GetLongLength(int dimension)"},
    {"GetLowerBound", "int GetLowerBound(int dimension)"},
    {"GetType", "type GetType()"},
    {"GetUpperBound", "int GetUpperBound(int dimension)"},
    {"GetValue", "System.Object GetValue(Params int[] indices), System.Object GetValue(int index), System.Object GetValue(int index1, int index2)"},
    {"IndexOf", "int IList.IndexOf(System.Object value)"},
    {"Initialize", "void Initialize()"},
    {"Insert", "void IList.Insert(int index, System.Object value)"},
    {"Remove", "void IList.Remove(System.Object value)"},
    {"RemoveAt", "void IList.RemoveAt(int index)"},
    {"Set", "void Set(int , System.Object )"},
    {"SetValue", "void SetValue(System.Object value, int index), void SetValue(System.Object value, int index1, int index2)"},
    {"ToString", "string ToString()"},
    {NULL, NULL},
};
static const gm_method table_methods[] = {
    {"Add", "void Add(System.Object key, System.Object value), void IDictionary.Add(System.Object key, System.Object value)"},
    {"Clear", "void Clear(), void IDictionary.Clear()"},
    {"Clone", "System.Object Clone(), System.Object ICloneable.Clone()"},
    {"Contains", "bool Contains(System.Object key), bool IDictionary.Contains(System.Object key)"},
    {"ContainsKey", "bool ContainsKey(System.Object key)"},
    {"ContainsValue", "bool ContainsValue(System.Object value)"},
    {"CopyTo", "void CopyTo(array array, int arrayIndex), void ICollection.CopyTo(array array, int index)"},
    {"Equals", "bool Equals(System.Object obj)"},
    {"GetEnumerator", "System.Collections.IDictionaryEnumerator GetEnumerator(), System.Collections.IDictionaryEnumerator IDictionary.GetEnumerator(), System.Collections.IEnumerator IEnumerable.GetEnumerator()"},
    {"GetHashCode", "int GetHashCode()"},
    {"GetObjectData", "void GetObjectData(System.Runtime.Serialization.SerializationInfo info, System.Runtime.Serialization.StreamingContext context), void ISerializable.GetObjectData(System.Runtime.Serialization.SerializationInfo info, System.Runtime.Serialization.StreamingContext context)"},
    {"GetType", "type GetType()"},
    {"OnDeserialization", "void OnDeserialization(System.Object sender), void IDeserializationCallback.OnDeserialization(System.Object sender)"},
    {"Remove", "void Remove(System.Object key), void IDictionary.Remove(System.Object key)"},
    {"ToString", "string ToString()"},
    {NULL, NULL},
};

static const gm_method datetime_methods[] = {
    {"Add", "datetime Add(timespan value)"},
    {"AddDays", "datetime AddDays(double value)"},
    {"AddHours", "datetime AddHours(double value)"},
    {"AddMicroseconds", "datetime AddMicroseconds(double value)"},
    {"AddMilliseconds", "datetime AddMilliseconds(double value)"},
    {"AddMinutes", "datetime AddMinutes(double value)"},
    {"AddMonths", "datetime AddMonths(int months)"},
    {"AddSeconds", "datetime AddSeconds(double value)"},
    {"AddTicks", "datetime AddTicks(long value)"},
    {"AddYears", "datetime AddYears(int value)"},
    {"CompareTo", "int CompareTo(System.Object value), int CompareTo(datetime value), int IComparable.CompareTo(System.Object obj), int IComparable[datetime].CompareTo(datetime other)"},
    {"Deconstruct", "void Deconstruct([ref] System.DateOnly date, [ref] System.TimeOnly time), void Deconstruct([ref] int year, [ref] int month, [ref] int day)"},
    {"Equals", "bool Equals(datetime value), bool Equals(System.Object value), bool IEquatable[datetime].Equals(datetime other)"},
    {"GetDateTimeFormats", "string[] GetDateTimeFormats(), string[] GetDateTimeFormats(System.IFormatProvider provider), string[] GetDateTimeFormats(char format), string[] GetDateTimeFormats(char format, System.IFormatProvider provider)"},
    {"GetHashCode", "int GetHashCode()"},
    {"GetType", "type GetType()"},
    {"GetTypeCode", "System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()"},
    {"IsDaylightSavingTime", "bool IsDaylightSavingTime()"},
    {"Subtract", "timespan Subtract(datetime value), datetime Subtract(timespan value)"},
    {"ToBinary", "long ToBinary()"},
    {"ToFileTime", "long ToFileTime()"},
    {"ToFileTimeUtc", "long ToFileTimeUtc()"},
    {"ToLocalTime", "datetime ToLocalTime()"},
    {"ToLongDateString", "string ToLongDateString()"},
    {"ToLongTimeString", "string ToLongTimeString()"},
    {"ToOADate", "double ToOADate()"},
    {"ToShortDateString", "string ToShortDateString()"},
    {"ToShortTimeString", "string ToShortTimeString()"},
    {"ToString", "string ToString(), string ToString(string format), string ToString(System.IFormatProvider provider), string ToString(string format, System.IFormatProvider provider), string IFormattable.ToString(string format, System.IFormatProvider formatProvider), string IConvertible.ToString(System.IFormatProvider provider)"},
    {"ToUniversalTime", "datetime ToUniversalTime()"},
    {NULL, NULL},
};
static const gm_method datetime_props[] = {
    {"Date", "datetime Date {get;}"},
    {"Day", "int Day {get;}"},
    {"DayOfWeek", "System.DayOfWeek DayOfWeek {get;}"},
    {"DayOfYear", "int DayOfYear {get;}"},
    {"Hour", "int Hour {get;}"},
    {"Kind", "System.DateTimeKind Kind {get;}"},
    {"Microsecond", "int Microsecond {get;}"},
    {"Millisecond", "int Millisecond {get;}"},
    {"Minute", "int Minute {get;}"},
    {"Month", "int Month {get;}"},
    {"Nanosecond", "int Nanosecond {get;}"},
    {"Second", "int Second {get;}"},
    {"Ticks", "long Ticks {get;}"},
    {"TimeOfDay", "timespan TimeOfDay {get;}"},
    {"Year", "int Year {get;}"},
    {NULL, NULL},
};
static const gm_method timespan_props[] = {
    {"Days", "int Days {get;}"},
    {"Hours", "int Hours {get;}"},
    {"Microseconds", "int Microseconds {get;}"},
    {"Milliseconds", "int Milliseconds {get;}"},
    {"Minutes", "int Minutes {get;}"},
    {"Nanoseconds", "int Nanoseconds {get;}"},
    {"Seconds", "int Seconds {get;}"},
    {"Ticks", "long Ticks {get;}"},
    {"TotalDays", "double TotalDays {get;}"},
    {"TotalHours", "double TotalHours {get;}"},
    {"TotalMicroseconds", "double TotalMicroseconds {get;}"},
    {"TotalMilliseconds", "double TotalMilliseconds {get;}"},
    {"TotalMinutes", "double TotalMinutes {get;}"},
    {"TotalNanoseconds", "double TotalNanoseconds {get;}"},
    {"TotalSeconds", "double TotalSeconds {get;}"},
    {NULL, NULL},
};
static const gm_method timespan_methods[] = {
    {"Add", "timespan Add(timespan ts)"},
    {"CompareTo", "int CompareTo(System.Object value), int CompareTo(timespan value), int IComparable.CompareTo(System.Object obj), int IComparable[timespan].CompareTo(timespan other)"},
    {"Divide", "timespan Divide(double divisor), double Divide(timespan ts)"},
    {"Duration", "timespan Duration()"},
    {"Equals", "bool Equals(System.Object value), bool Equals(timespan obj), bool IEquatable[timespan].Equals(timespan other)"},
    {"GetHashCode", "int GetHashCode()"},
    {"GetType", "type GetType()"},
    {"Multiply", "timespan Multiply(double factor)"},
    {"Negate", "timespan Negate()"},
    {"Subtract", "timespan Subtract(timespan ts)"},
    {"ToString", "string ToString(), string ToString(string format), string ToString(string format, System.IFormatProvider formatProvider), string IFormattable.ToString(string format, System.IFormatProvider formatProvider)"},
    {NULL, NULL},
};
static const gm_method bool_methods[] = {
    {"CompareTo", "int CompareTo(System.Object obj), int CompareTo(bool value), int IComparable.CompareTo(System.Object obj), int IComparable[bool].CompareTo(bool other)"},
    {"Equals", "bool Equals(System.Object obj), bool Equals(bool obj), bool IEquatable[bool].Equals(bool other)"},
    {"GetHashCode", "int GetHashCode()"},
    {"GetType", "type GetType()"},
    {"GetTypeCode", "System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()"},
    {"ToString", "string ToString(), string ToString(System.IFormatProvider provider), string IConvertible.ToString(System.IFormatProvider provider)"},
    {"TryFormat", "bool TryFormat(System.Span[char] destination, [ref] int charsWritten)"},
    {NULL, NULL},
};

static const hv_obj_class gm_class = {
    .type_name = "Microsoft.PowerShell.Commands.MemberDefinition",
    .table_view = (const hv_view_column[]){
        {.label = "Name", .property = "Name"},
        {.label = "MemberType", .property = "MemberType"},
        {.label = "Definition", .property = "Definition"},
        {0}},
};

typedef struct {
    char *name, *mtype, *def;
} gm_member;

typedef struct {
    hvc_u_vec seen; /* type names already listed (strings) */
    bool any;
} gm_state;

static int
gm_cmp(const void *a, const void *b)
{
    const gm_member *x = a, *y = b;
    int c = strcmp(x->mtype, y->mtype);
    if (c)
        return c;
    return hv_str_cmp_ci(x->name, y->name);
}

static bool
gm_type_wanted(hv_cmd *cmd, const char *mtype)
{
    const hv_value *mt = hv_cmd_arg(cmd, GM_MEMBERTYPE);
    if (!mt)
        return true;
    size_t n = mt->kind == HV_ARRAY ? hv_array_len(mt) : 1;
    for (size_t i = 0; i < n; i++) {
        char *s = hvc_u_cstr(mt->kind == HV_ARRAY ? hv_array_at(mt, i) : mt);
        bool ok = hv_str_eq_ci(s, mtype) || hv_str_eq_ci(s, "All") ||
                  (hv_str_eq_ci(s, "Properties") && strstr(mtype, "Property")) ||
                  (hv_str_eq_ci(s, "Methods") && strstr(mtype, "Method"));
        free(s);
        if (ok)
            return true;
    }
    return false;
}

/* A NoteProperty's Get-Member definition: "type name=value" */
static char *
note_def(const char *pn, const hv_value *pv)
{
    hv_buf b = {0};
    hv_buf_printf(&b, "%s %s=", short_type(pv), pn);
    if (pv->kind == HV_NULL) {
        hv_buf_puts(&b, "null");
    } else if (pv->kind == HV_DATETIME) {
        /* PSNoteProperty.ToString: the value's ToString() in the current culture
         * ("datetime StartDate=5/5/2019 12:00:00 AM"), not the invariant [string] */
        hv_value ds = hv_dt_format(pv->u.i, (hv_dtkind)pv->sub, "G");
        hv_buf_puts(&b, hv_str_cstr(&ds));
        hv_unref(ds);
    } else {
        hv_conv_append_string(&b, pv, NULL);
    }
    hv_buf_putc(&b, 0);
    return b.data;
}

static void
gm_add(hv_cmd *cmd, gm_member **m, size_t *n, const char *name, const char *mtype, char *def)
{
    const hv_value *names = hv_cmd_arg(cmd, GM_NAME);
    if ((names && !hvc_u_match_any(names, name)) || !gm_type_wanted(cmd, mtype)) {
        free(def);
        return;
    }
    *m = hv_xrealloc(*m, (*n + 1) * sizeof **m);
    (*m)[(*n)++] = (gm_member){hv_xstrdup(name), hv_xstrdup(mtype), def};
}

/* [xml] nodes: besides the adapted properties (attributes, child elements) pwsh lists the
 * .NET members of the node type; an adapted property hides a .NET one of the same name. */
static void
gm_add_xml(hv_cmd *cmd, gm_member **m, size_t *n, const hv_value *in)
{
    unsigned kind = hvc_xml_kind_of(hv_obj_class_of(in)->type_name);
    if (!kind)
        return;
    for (size_t i = 0; hvc_xml_members[i].name; i++) {
        const hvc_xml_member *xm = &hvc_xml_members[i];
        if (!(xm->kinds & (kind | HVC_XM_NODE)) || hv_obj_get(in, xm->name))
            continue;
        gm_add(cmd, m, n, xm->name, xm->member_type, hv_xstrdup(xm->def));
    }
}

static hv_status
gm_process(hv_cmd *cmd, const hv_value *input)
{
    gm_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, GM_INPUT);
    if (!in)
        in = input;
    if (in->kind == HV_NULL)
        return HV_OK;
    const char *tn = hvc_u_typename(in);
    for (size_t i = 0; i < s->seen.n; i++)
        if (strcmp(hv_str_cstr(&s->seen.v[i]), tn) == 0)
            return HV_OK;
    hvc_u_vec_push(&s->seen, hv_str(tn));
    s->any = true;

    gm_member *m = NULL;
    size_t n = 0;
    const gm_method *methods = object_methods;
    switch (in->kind) {
    case HV_STRING:
        methods = string_methods;
        gm_add(cmd, &m, &n, "Chars", "ParameterizedProperty",
               hv_xstrdup("char Chars(int index) {get;}"));
        gm_add(cmd, &m, &n, "Length", "Property", hv_xstrdup("int Length {get;}"));
        break;
    case HV_INT:
    case HV_DOUBLE:
        methods = int_methods;
        break;
    case HV_BOOL:
        methods = bool_methods;
        break;
    case HV_DATETIME:
        methods = datetime_methods;
        for (size_t i = 0; datetime_props[i].name; i++)
            gm_add(cmd, &m, &n, datetime_props[i].name, "Property",
                   hv_xstrdup(datetime_props[i].def));
        if (in->pad != 0) /* only Get-Date's output carries the DisplayHint note */
            gm_add(cmd, &m, &n, "DisplayHint", "NoteProperty",
                   hv_xasprintf("DisplayHintType DisplayHint=%s",
                                in->pad == 1 ? "Date" : in->pad == 2 ? "Time" : "DateTime"));
        gm_add(cmd, &m, &n, "DateTime", "ScriptProperty",
               hv_xstrdup("System.Object DateTime {get=if ((& { Set-StrictMode -Version 1; "
                          "$this.DisplayHint }) -ieq  \"Date\")...;}"));
        break;
    case HV_TIMESPAN:
        methods = timespan_methods;
        for (size_t i = 0; timespan_props[i].name; i++)
            gm_add(cmd, &m, &n, timespan_props[i].name, "Property",
                   hv_xstrdup(timespan_props[i].def));
        break;
    case HV_ARRAY:
        methods = array_methods;
        gm_add(cmd, &m, &n, "Count", "AliasProperty", hv_xstrdup("Count = Length"));
        gm_add(cmd, &m, &n, "IsFixedSize", "Property", hv_xstrdup("bool IsFixedSize {get;}"));
        gm_add(cmd, &m, &n, "IsReadOnly", "Property", hv_xstrdup("bool IsReadOnly {get;}"));
        gm_add(cmd, &m, &n, "IsSynchronized", "Property",
               hv_xstrdup("bool IsSynchronized {get;}"));
        gm_add(cmd, &m, &n, "Length", "Property", hv_xstrdup("int Length {get;}"));
        gm_add(cmd, &m, &n, "LongLength", "Property", hv_xstrdup("long LongLength {get;}"));
        gm_add(cmd, &m, &n, "Rank", "Property", hv_xstrdup("int Rank {get;}"));
        gm_add(cmd, &m, &n, "SyncRoot", "Property",
               hv_xstrdup("System.Object SyncRoot {get;}"));
        break;
    case HV_TABLE:
        methods = table_methods;
        gm_add(cmd, &m, &n, "Item", "ParameterizedProperty",
               hv_xstrdup("System.Object Item(System.Object key) {get;set;}"));
        gm_add(cmd, &m, &n, "Count", "Property", hv_xstrdup("int Count {get;}"));
        gm_add(cmd, &m, &n, "IsFixedSize", "Property", hv_xstrdup("bool IsFixedSize {get;}"));
        gm_add(cmd, &m, &n, "IsReadOnly", "Property", hv_xstrdup("bool IsReadOnly {get;}"));
        gm_add(cmd, &m, &n, "IsSynchronized", "Property",
               hv_xstrdup("bool IsSynchronized {get;}"));
        gm_add(cmd, &m, &n, "Keys", "Property",
               hv_xstrdup("System.Collections.ICollection Keys {get;}"));
        gm_add(cmd, &m, &n, "SyncRoot", "Property",
               hv_xstrdup("System.Object SyncRoot {get;}"));
        gm_add(cmd, &m, &n, "Values", "Property",
               hv_xstrdup("System.Collections.ICollection Values {get;}"));
        for (size_t i = 0, nn = hv_table_notes(in) ? hv_obj_count(hv_table_notes(in)) : 0; i < nn; i++)
            gm_add(cmd, &m, &n, hv_obj_name_at(hv_table_notes(in), i), "NoteProperty",
                   note_def(hv_obj_name_at(hv_table_notes(in), i),
                            hv_obj_value_at(hv_table_notes(in), i)));
        break;
    case HV_OBJECT: {
        bool cls = hv_obj_class_of(in) != NULL;
        bool xml = cls && hvc_xml_kind_of(hv_obj_class_of(in)->type_name) != 0;
        /* an instance of a PowerShell class: its declared members, with their declared
         * types; hidden ones only with -Force, static ones only with -Static */
        hv_class_member *cm;
        size_t ncm = hv_class_members(in, &cm);
        if (ncm) {
            bool force = hv_cmd_switch(cmd, GM_FORCE), stat = hv_cmd_switch(cmd, GM_STATIC);
            for (size_t i = 0; i < ncm; i++) {
                if (cm[i].is_static != stat || (cm[i].is_hidden && !force))
                    continue;
                gm_add(cmd, &m, &n, cm[i].name, cm[i].is_method ? "Method" : "Property",
                       hv_xstrdup(cm[i].definition));
            }
            hv_class_members_free(cm, ncm);
            if (stat)
                methods = no_methods;
            break;
        }
        for (size_t i = 0; i < hv_obj_count(in); i++) {
            const char *pn = hv_obj_name_at(in, i);
            const hv_value *pv = hv_obj_value_at(in, i);
            if (pv->kind == HV_SCRIPTBLOCK && !cls) {
                char *body = hvc_u_cstr(pv);
                gm_add(cmd, &m, &n, pn, "ScriptMethod",
                       hv_xasprintf("System.Object %s();", pn));
                free(body);
                continue;
            }
            if (cls && xml) {
                /* pwsh's XmlNodeAdapter: a text value (attribute, text-only element) can be
                 * set; a node or a list of same-named nodes cannot */
                bool text = pv->kind == HV_STRING;
                gm_add(cmd, &m, &n, pn, "Property",
                       hv_xasprintf("%s %s {get;%s}",
                                    pv->kind == HV_ARRAY ? "System.Object[]" : short_type(pv),
                                    pn, text ? "set;" : ""));
            } else if (cls) {
                gm_add(cmd, &m, &n, pn, "Property",
                       hv_xasprintf("%s %s {get;}", short_type(pv), pn));
            } else {
                gm_add(cmd, &m, &n, pn, "NoteProperty", note_def(pn, pv));
            }
        }
        if (cls)
            gm_add_xml(cmd, &m, &n, in);
        break;
    }
    default:
        break;
    }
    for (size_t i = 0; methods[i].name; i++)
        gm_add(cmd, &m, &n, methods[i].name, "Method", hv_xstrdup(methods[i].def));
    if (n > 1) /* m is NULL when every member was filtered out */
        qsort(m, n, sizeof *m, gm_cmp);
    hv_status st = HV_OK;
    for (size_t i = 0; i < n; i++) {
        if (st == HV_OK) {
            hv_value o = hv_obj_new(&gm_class);
            hv_obj_set(&o, "TypeName", hv_str(tn));
            hv_obj_set(&o, "Name", hv_str(m[i].name));
            hv_obj_set(&o, "MemberType", hv_str(m[i].mtype));
            hv_obj_set(&o, "Definition", hv_str(m[i].def));
            st = hv_emit(cmd, o);
        }
        free(m[i].name);
        free(m[i].mtype);
        free(m[i].def);
    }
    free(m);
    return st;
}

static hv_status
gm_end(hv_cmd *cmd)
{
    gm_state *s = hv_cmd_state(cmd);
    if (!s->any)
        return hvc_u_throw(cmd, HV_CAT_CloseError, "NoObjectInGetMember", NULL,
                           "You must specify an object for the Get-Member cmdlet.");
    return HV_OK;
}

static void
gm_cleanup(hv_cmd *cmd)
{
    gm_state *s = hv_cmd_state(cmd);
    hvc_u_vec_free(&s->seen);
}

/* ======================================================================================
 * Add-Member
 * ====================================================================================== */
enum { AM_SET_TYPENAME, AM_SET_MEMBER, AM_SET_NOTESINGLE, AM_SET_NOTEMULTI };
enum { AM_INPUT, AM_MEMBERTYPE, AM_NAME, AM_VALUE, AM_SECONDVALUE, AM_TYPENAME, AM_FORCE,
       AM_PASSTHRU, AM_NOTENAME, AM_NOTEVALUE, AM_NOTEMEMBERS, AM__N };
#define AM_ALL (HV_SET(AM_SET_TYPENAME) | HV_SET(AM_SET_MEMBER) | HV_SET(AM_SET_NOTESINGLE) | \
                HV_SET(AM_SET_NOTEMULTI))
#define AM_NOTTYPE (HV_SET(AM_SET_MEMBER) | HV_SET(AM_SET_NOTESINGLE) | HV_SET(AM_SET_NOTEMULTI))

static const char *const am_types[] = {"AliasProperty", "CodeProperty", "NoteProperty",
                                       "ScriptProperty", "PropertySet", "CodeMethod",
                                       "ScriptMethod", "MemberSet", NULL};

static const hv_param_def am_params[AM__N + 1] = {
    [AM_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE, .sets = AM_ALL,
                  .help = "Specifies the object to which the new member is added. Enter a "
                          "variable that contains the objects, or type a command or "
                          "expression that gets the objects."},
    [AM_MEMBERTYPE] = {.name = "MemberType", .type = HV_PT_ENUM, .position = 0,
                       .flags = HV_PF_MANDATORY, .sets = HV_SET(AM_SET_MEMBER),
                       .accepted = am_types, .aliases = (const char *const[]){"Type", NULL},
                       .help = "Specifies the type of the member to add: NoteProperty, "
                               "AliasProperty, ScriptProperty, ScriptMethod, ..."},
    [AM_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 1,
                 .flags = HV_PF_MANDATORY, .sets = HV_SET(AM_SET_MEMBER),
                 .help = "Specifies the name of the member that this cmdlet adds."},
    [AM_VALUE] = {.name = "Value", .type = HV_PT_ANY, .position = 2,
                  .sets = HV_SET(AM_SET_MEMBER),
                  .help = "Specifies the initial value of the added member. For an "
                          "AliasProperty, the name of the property aliased; for a "
                          "ScriptProperty or ScriptMethod, the script block."},
    [AM_SECONDVALUE] = {.name = "SecondValue", .type = HV_PT_ANY, .position = 3,
                        .sets = HV_SET(AM_SET_MEMBER),
                        .help = "Specifies optional additional information about AliasProperty "
                                "(a conversion type) and ScriptProperty (a setter) members."},
    [AM_TYPENAME] = {.name = "TypeName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .flags = HV_PF_MANDATORY, .sets = AM_ALL,
                     .mandatory_sets = HV_SET(AM_SET_TYPENAME),
                     .help = "Specifies a name for the type: it is inserted at the front of "
                             "the object's PSTypeNames."},
    [AM_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .sets = AM_NOTTYPE,
                  .help = "By default, Add-Member can't add a new member if the object already "
                          "has a member with the same name. When you use -Force, Add-Member "
                          "replaces the existing member."},
    [AM_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .sets = AM_ALL,
                     .help = "Returns an object for each new member. By default, this cmdlet "
                             "doesn't generate any output."},
    [AM_NOTENAME] = {.name = "NotePropertyName", .type = HV_PT_STRING, .position = 0,
                     .flags = HV_PF_MANDATORY, .sets = HV_SET(AM_SET_NOTESINGLE),
                     .help = "Specifies the note property name. Use this parameter with the "
                             "NotePropertyValue parameter."},
    [AM_NOTEVALUE] = {.name = "NotePropertyValue", .type = HV_PT_ANY, .position = 1,
                      .flags = HV_PF_MANDATORY, .sets = HV_SET(AM_SET_NOTESINGLE),
                      .help = "Specifies the note property value."},
    [AM_NOTEMEMBERS] = {.name = "NotePropertyMembers", .type = HV_PT_HASHTABLE, .position = 0,
                        .flags = HV_PF_MANDATORY, .sets = HV_SET(AM_SET_NOTEMULTI),
                        .help = "Specifies a hash table or ordered dictionary of note property "
                                "names and values."},
    [AM__N] = {.name = NULL},
};

static hv_status
am_add(hv_cmd *cmd, hv_value *obj, const char *name, hv_value v)
{
    if (!hv_cmd_switch(cmd, AM_FORCE) && hvc_u_has_prop(obj, name)) {
        hv_unref(v);
        return hvc_u_error(cmd, HV_CAT_InvalidOperation, "MemberAlreadyExists", obj,
                           "Cannot add a member with the name \"%s\" because a member with "
                           "that name already exists. To overwrite the member anyway, add the "
                           "Force parameter to your command.",
                           name);
    }
    if (obj->kind == HV_OBJECT)
        hv_obj_set(obj, name, v);
    else if (obj->kind == HV_TABLE)
        hv_table_set_note(obj, name, v); /* on the PSObject, not a key */
    else
        hv_unref(v);
    return HV_OK;
}

static hv_status
am_script_value(hv_cmd *cmd, const hv_value *obj, const hv_value *block, hv_value *out)
{
    /* A ScriptProperty's value when added ($this = the object): what views show. */
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    hv_value saved = hv_var_get(ctx, "this");
    hv_var_set(ctx, "this", hv_ref(obj));
    hv_status st = hvc_u_eval(cmd, obj, block, out);
    hv_var_set(ctx, "this", saved);
    return st;
}

static hv_status
am_process(hv_cmd *cmd, const hv_value *input)
{
    const hv_value *inp = hv_cmd_arg(cmd, AM_INPUT);
    if (!inp)
        inp = input;
    hv_value obj = hv_ref(inp);
    hv_status st = HV_OK;
    switch (hv_cmd_set_index(cmd)) {
    case AM_SET_NOTESINGLE: {
        const char *name = hvc_u_arg_str(cmd, AM_NOTENAME);
        const hv_value *v = hv_cmd_arg(cmd, AM_NOTEVALUE);
        if (name)
            st = am_add(cmd, &obj, name, v ? hv_ref(v) : hv_null());
        break;
    }
    case AM_SET_NOTEMULTI: {
        const hv_value *t = hv_cmd_arg(cmd, AM_NOTEMEMBERS);
        const hv_value *k, *v;
        for (size_t it = 0; t && t->kind == HV_TABLE && hv_table_next(t, &it, &k, &v) &&
                            st == HV_OK;) {
            char *name = hvc_u_cstr(k);
            st = am_add(cmd, &obj, name, hv_ref(v));
            free(name);
        }
        break;
    }
    case AM_SET_MEMBER: {
        const char *name = hvc_u_arg_str(cmd, AM_NAME);
        const hv_value *mt = hv_cmd_arg(cmd, AM_MEMBERTYPE);
        char *mts = mt ? hvc_u_cstr(mt) : hv_xstrdup("NoteProperty");
        const hv_value *v = hv_cmd_arg(cmd, AM_VALUE);
        hv_value val = v ? hv_ref(v) : hv_null();
        if (hv_str_eq_ci(mts, "AliasProperty") && v) {
            char *target = hvc_u_cstr(v);
            hv_unref(val);
            val = hv_get_member(hv_cmd_ctx(cmd), &obj, target);
            free(target);
        } else if (hv_str_eq_ci(mts, "ScriptProperty") && v && v->kind == HV_SCRIPTBLOCK) {
            hv_unref(val);
            st = am_script_value(cmd, &obj, v, &val);
        } else if (!hv_str_eq_ci(mts, "NoteProperty") && !hv_str_eq_ci(mts, "ScriptMethod") &&
                   !hv_str_eq_ci(mts, "AliasProperty") &&
                   !hv_str_eq_ci(mts, "ScriptProperty")) {
            hv_unref(val);
            st = hvc_u_error(cmd, HV_CAT_InvalidOperation, "CannotAddMemberType", &obj,
                             "Cannot add a member of type \"%s\": only NoteProperty, "
                             "AliasProperty, ScriptProperty and ScriptMethod are supported.",
                             mts);
            free(mts);
            break;
        }
        /* Script members resolve on each access; the value stored now is what views and
         * exports see. A ScriptMethod is no property at all. */
        bool is_method = hv_str_eq_ci(mts, "ScriptMethod");
        if (st == HV_OK && name && is_method) {
            hv_unref(val);
            if (!hv_add_script_member(hv_cmd_ctx(cmd), &obj, name, mts, v))
                st = HV_ERR;
        } else if (st == HV_OK && name) {
            st = am_add(cmd, &obj, name, val);
            if (st == HV_OK && !hv_str_eq_ci(mts, "NoteProperty"))
                (void)hv_add_script_member(hv_cmd_ctx(cmd), &obj, name, mts, v);
        } else {
            hv_unref(val);
        }
        free(mts);
        break;
    }
    default:
        break;
    }
    const char *tn = hvc_u_arg_str(cmd, AM_TYPENAME);
    if (st == HV_OK && tn && obj.kind == HV_OBJECT)
        hv_obj_add_typename(&obj, tn);
    if (st == HV_OK && hv_cmd_switch(cmd, AM_PASSTHRU))
        return hv_emit(cmd, obj);
    hv_unref(obj);
    return st;
}

/* ======================================================================================
 * New-Object
 * ====================================================================================== */
enum { NO_SET_NET, NO_SET_COM };
enum { NO_TYPENAME, NO_COMOBJECT, NO_ARGS, NO_STRICT, NO_PROPERTY, NO__N };
static const hv_param_def no_params[NO__N + 1] = {
    [NO_TYPENAME] = {.name = "TypeName", .type = HV_PT_STRING, .position = 0,
                     .flags = HV_PF_MANDATORY, .sets = HV_SET(NO_SET_NET),
                     .help = "Specifies the fully qualified name of the .NET class, for "
                             "example PSObject, System.Collections.ArrayList or "
                             "System.Collections.Generic.List[string]."},
    [NO_COMOBJECT] = {.name = "ComObject", .type = HV_PT_STRING, .position = 0,
                      .flags = HV_PF_MANDATORY, .sets = HV_SET(NO_SET_COM),
                      .help = "Specifies the programmatic identifier (ProgID) of the COM "
                              "object. COM is not available on Linux."},
    [NO_ARGS] = {.name = "ArgumentList", .type = HV_PT_ANY, .position = 1,
                 .flags = HV_PF_ARRAY, .sets = HV_SET(NO_SET_NET),
                 .aliases = (const char *const[]){"Args", NULL},
                 .help = "Specifies an array of arguments to pass to the constructor of the "
                         ".NET class."},
    [NO_STRICT] = {.name = "Strict", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .sets = HV_SET(NO_SET_COM),
                   .help = "Indicates that the cmdlet generates a non-terminating error when "
                           "a COM object uses an interop assembly."},
    [NO_PROPERTY] = {.name = "Property", .type = HV_PT_HASHTABLE, .position = HV_POS_NAMED,
                     .help = "Sets property values and invokes methods of the new object. "
                             "Enter a hash table in which the keys are the names of properties "
                             "and the values are property values."},
    [NO__N] = {.name = NULL},
};

static bool
type_is(const char *t, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        if (hv_str_eq_ci(t, names[i]))
            return true;
    return false;
}

static hv_status
no_end(hv_cmd *cmd)
{
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    if (hv_cmd_set_index(cmd) == NO_SET_COM) {
        const char *p = hvc_u_arg_str(cmd, NO_COMOBJECT);
        return hvc_u_throw(cmd, HV_CAT_InvalidType, "NoCOMClassIdentified", NULL,
                           "Retrieving the COM class factory for component with CLSID "
                           "{%s} failed: COM is not supported on this platform.",
                           p ? p : "");
    }
    const char *tn = hvc_u_arg_str(cmd, NO_TYPENAME);
    if (!tn)
        return HV_OK;
    const hv_value *args = hv_cmd_arg(cmd, NO_ARGS);
    size_t nargs = args ? (args->kind == HV_ARRAY ? hv_array_len(args) : 1) : 0;
    const hv_value *av = args ? (args->kind == HV_ARRAY ? hv_array_items(args) : args) : NULL;
    static const char *const psobj[] = {"PSObject", "System.Management.Automation.PSObject",
                                        "PSCustomObject",
                                        "System.Management.Automation.PSCustomObject",
                                        "Object", "System.Object", NULL};
    static const char *const htab[] = {"Hashtable", "System.Collections.Hashtable", NULL};

    hv_value obj = hv_null();
    if (type_is(tn, psobj)) {
        obj = hv_obj_new(NULL);
    } else if (type_is(tn, htab)) {
        obj = hv_table_new(0);

    } else {
        const hv_type_info *t = hv_type_lookup(tn);
        if (!t && (strncmp(tn, "System.", 7) != 0)) {
            char *full = hv_xasprintf("System.%s", tn);
            t = hv_type_lookup(full);
            free(full);
        }
        if (!t) {
            hv_value tv = hv_str(tn);
            hv_status st = hvc_u_throw(cmd, HV_CAT_InvalidType, "TypeNotFound", &tv,
                                       "Cannot find type [%s]: verify that the assembly "
                                       "containing this type is loaded.",
                                       tn);
            hv_unref(tv);
            return st;
        }
        hv_value tv = hv_type(t);
        hv_status st = HV_OK;
        if (t->kind == HV_ARRAY && t->sub == HV_TA_LIST && !t->element) {
            /* ArrayList / List[T]: a resizable array (sub HV_TA_LIST) */
            obj = hv_array_new(4);
            obj.sub = HV_TA_LIST;
        } else if (nargs == 0 && !t->enum_def &&
                   (t->kind == HV_INT || t->kind == HV_DOUBLE || t->kind == HV_BOOL ||
                    t->kind == HV_CHAR || t->kind == HV_DATETIME || t->kind == HV_TIMESPAN)) {
            /* a value type's parameterless constructor: its default ([int]$null = 0) */
            hv_value nul = hv_null();
            hv_conv_err err;
            if (t->kind == HV_DATETIME)
                obj = hv_datetime(0, HV_DT_UNSPECIFIED);
            else if (t->kind == HV_TIMESPAN)
                obj = hv_timespan(0);
            else if (!hv_conv_to_type(&nul, t, &obj, &err))
                obj = hv_null();
        } else {
            st = hv_call_method(ctx, &tv, "new", av, nargs, &obj);
        }
        if (st != HV_OK) {
            hv_unref(obj);
            return st;
        }
    }
    const hv_value *props = hv_cmd_arg(cmd, NO_PROPERTY);
    if (props && props->kind == HV_TABLE) {
        const hv_value *k, *v;
        for (size_t it = 0; hv_table_next(props, &it, &k, &v);) {
            char *name = hvc_u_cstr(k);
            if (obj.kind == HV_OBJECT)
                hv_obj_set(&obj, name, hv_ref(v));
            else if (obj.kind == HV_TABLE)
                hv_table_sets(&obj, name, hv_ref(v));
            free(name);
        }
    }
    /* WriteObject(obj) without enumeration: a new empty list is one object */
    return hv_emit(cmd, obj);
}

#define ONLINE(x) "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/" x "?view=powershell-7.4&WT.mc_id=ps-gethelp"

const hv_cmdlet_def hvc_u_defs_member[] = {
    {
        .name = "Get-Member",
        .aliases = (const char *const[]){"gm", NULL},
        .params = gm_params,
        .ops = {.process = gm_process, .end = gm_end, .cleanup = gm_cleanup},
        .state_size = sizeof(gm_state),
        .synopsis = "Gets the properties and methods of objects.",
        .description =
            "The Get-Member cmdlet gets the members, the properties and methods, of objects. "
            "To specify the object, use the InputObject parameter or pipe an object to "
            "Get-Member. Piped collections are examined element by element and each distinct "
            "type is listed once, under a TypeName heading.",
        .output_type = "Microsoft.PowerShell.Commands.MemberDefinition",
        .examples = (const hv_example[]){
            {.title = "Get the members of virtual machine objects",
             .code = "Get-VM | Get-Member"},
            {.title = "Get only the properties",
             .code = "Get-VM | Get-Member -MemberType Property"},
            {.title = "Get the members of a custom object",
             .code = "[pscustomobject]@{Name='x'; Size=1} | Get-Member"},
            {0}},
        .online = ONLINE("get-member"),
    },
    {
        .name = "Add-Member",
        .sets = (const char *const[]){"TypeNameSet", "MemberSet", "NotePropertySingleMemberSet",
                                      "NotePropertyMultiMemberSet", NULL},
        .default_set = AM_SET_TYPENAME,
        .params = am_params,
        .ops = {.process = am_process},
        .synopsis = "Adds custom properties and methods to an instance of a PowerShell object.",
        .description =
            "The Add-Member cmdlet lets you add members (properties and methods) to an "
            "instance of a PowerShell object. For instance, you can add a NoteProperty member "
            "that contains a description of the object or a ScriptMethod member that runs a "
            "script to change the object.\n\n"
            "Objects have reference semantics: the member is added to the object itself. Use "
            "-PassThru to also send the object down the pipeline. A ScriptProperty or "
            "AliasProperty is resolved each time the language reads it.",
        .output_type = "None or System.Object",
        .examples = (const hv_example[]){
            {.title = "Add a note property to an object",
             .code = "$o = [pscustomobject]@{Name='vm1'}\n$o | Add-Member -NotePropertyName Status -NotePropertyValue Done\n$o.Status"},
            {.title = "Add several note properties",
             .code = "$o | Add-Member -NotePropertyMembers @{Owner='lab'; Tier=2} -PassThru"},
            {.title = "Add a member with -MemberType",
             .code = "$o | Add-Member -MemberType NoteProperty -Name Size -Value 10"},
            {0}},
        .online = ONLINE("add-member"),
    },
    {
        .name = "New-Object",
        .sets = (const char *const[]){"Net", "Com", NULL},
        .default_set = NO_SET_NET,
        .params = no_params,
        .ops = {.end = no_end},
        .synopsis = "Creates an instance of a Microsoft .NET Framework or COM object.",
        .description =
            "The New-Object cmdlet creates an instance of a .NET Framework object. You can "
            "specify the type of a .NET Framework class and the constructor arguments. "
            "-Property sets properties of the new object; with PSObject it creates a custom "
            "object with those note properties.",
        .output_type = "System.Object",
        .examples = (const hv_example[]){
            {.title = "Create a custom object",
             .code = "New-Object -TypeName PSObject -Property @{Name='vm1'; Memory=4GB}"},
            {.title = "Create a list",
             .code = "$list = New-Object System.Collections.ArrayList\n$list.Add('a') | Out-Null"},
            {0}},
        .online = ONLINE("new-object"),
    },
    {.name = NULL},
};
