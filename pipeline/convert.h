/* convert.h — PowerShell's type conversions (LanguagePrimitives) and string rendering.
 * All functions are pure: they take borrowed values and return new ones. Failures return
 * false and fill *err with a message in pwsh's words, e.g.
 *   Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."
 */
#ifndef HV_CONVERT_H
#define HV_CONVERT_H

#include "value.h"

typedef struct {
    char msg[512];
} hv_conv_err;

/* [string]: how PowerShell renders a value as a string (doubles as PSObject.ToString does,
 * "G15": 0.1+0.2 -> "0.3", [math]::PI -> "3.14159265358979"; floats "G7"; .ToString() and
 * -f use .NET's shortest round-trip instead, see hv_conv_fmt_double;
 * arrays joined by `ofs` (NULL = " "), $null = "", bools "True"/"False", objects via
 * class to_string or "@{a=1; b=2}" for PSCustomObject, hashtable "System.Collections.Hashtable"). */
hv_value hv_conv_to_string(const hv_value *v, const char *ofs);
/* Same, appended to a buffer (no allocation of an intermediate value). */
void hv_conv_append_string(hv_buf *b, const hv_value *v, const char *ofs);

/* [bool]: $null, 0, "", empty array, @($false-ish single) false; everything else true. */
bool hv_conv_to_bool(const hv_value *v);

/* Number parsing as PowerShell: "42" -> int32, "3e9"/"0x10"/" 12 " accepted; "1kb" accepted.
 * Empty/whitespace string -> 0. Returns false when not a number. */
bool hv_conv_parse_number(const char *s, size_t len, hv_value *out);
/* To a number (for arithmetic): int/double kept; string parsed; bool -> 0/1; null -> 0;
 * char -> code; enum -> its value. */
bool hv_conv_to_number(const hv_value *v, hv_value *out, hv_conv_err *err);
/* Casts with .NET range checks; double -> integer rounds half to even. */
bool hv_conv_to_int64(const hv_value *v, int64_t *out, hv_conv_err *err);
bool hv_conv_to_double(const hv_value *v, double *out, hv_conv_err *err);

/* The general cast/conversion: [type]value, parameter binding, -as. */
bool hv_conv_to_type(const hv_value *v, const hv_type_info *t, hv_value *out, hv_conv_err *err);

/* Type-name lookup for type literals: "int", "System.Int32", "string[]", "hashtable",
 * "pscustomobject", "ordered", "datetime", "Microsoft.HyperV.PowerShell.VMState" (enums
 * registered with hv_type_register_enum)... case-insensitive. NULL if unknown. */
const hv_type_info *hv_type_lookup(const char *name);
const hv_type_info *hv_type_array_of(const hv_type_info *element);
void hv_type_register_enum(const hv_enum_def *def); /* makes [TypeName] resolve */
const hv_type_info *hv_type_of(const hv_value *v);

/* Date/time helpers (ticks = 100 ns since 0001-01-01). */
int64_t hv_dt_now_ticks(hv_dtkind kind);
bool hv_dt_parse(const char *s, int64_t *ticks, hv_dtkind *kind);
/* .NET custom/standard format of a datetime ("yyyy-MM-dd", "o", "s", "G"...) in en-US:
 * "G" -> "11/27/2026 4:53:05 PM" (ToString(), -f). NULL -> the invariant form PowerShell
 * uses when it converts a date to string ("$d", [string]$d): "11/27/2026 16:53:05". */
hv_value hv_dt_format(int64_t ticks, hv_dtkind kind, const char *fmt);
hv_value hv_ts_format(int64_t ticks, const char *fmt); /* "c" default: [-][d.]hh:mm:ss[.fffffff] */

/* .NET composite formatting for -f and String.Format: "{0,-10:N2}". */
bool hv_conv_format(const char *fmt, const hv_value *args, size_t nargs, hv_value *out,
                    hv_conv_err *err);
/* One value with a .NET format specifier ("N2", "X8", "D3", "P1", "F0", "yyyy"...) */
hv_value hv_conv_format_one(const hv_value *v, const char *spec);

/* ---- additions by V (values helper) ---- */
/* Special kinds/subs in hv_type_info: kind HV__KIND_COUNT = [object] (sub 0) / [psobject]
 * (sub 1); HV_BOXED subs below; HV_ARRAY sub HV_TA_LIST = ArrayList / List[T];
 * HV_TABLE sub HV_TABLE_ORDERED = [ordered]; HV_NULL sub 1 = [void]; HV_BOOL sub 1 = [switch]. */
enum { HV_TB_NONE = 0, HV_TB_REGEX, HV_TB_GUID, HV_TB_VERSION, HV_TB_IPADDRESS, HV_TB_XML,
       HV_TB_URI, HV_TB_MATCH, HV_TB_ENCODING, HV_TB_STATIC /* static-only class: [math] */,
       HV_TB_STRINGBUILDER, HV_TB_CULTURE, HV_TB_STOPWATCH, HV_TB_CREDENTIAL };
enum { HV_TA_OBJECT = 0, HV_TA_LIST = 1, HV_TA_GENERIC_LIST = 2, HV_TA_QUEUE = 3,
       HV_TA_GENERIC_QUEUE = 4, HV_TA_STACK = 5, HV_TA_GENERIC_STACK = 6, HV_TA_HASHSET = 7,
       HV_TA_HASHSET_CI = 8 /* HashSet[string] with [StringComparer]::OrdinalIgnoreCase */ };
/* Queue / Stack / HashSet[T] (subs 3..7) are resizable arrays too: a Queue in dequeue
 * order, a Stack top first (so foreach and ToArray() see .NET's order), a HashSet without
 * duplicates (.NET Equals). */
/* An HV_ARRAY value whose hv_value.sub is HV_TA_LIST is a System.Collections.ArrayList
 * (resizable: .Add/.Remove mutate it; Add returns the index); HV_TA_GENERIC_LIST is a
 * System.Collections.Generic.List[T] (Add returns nothing, Remove returns a bool);
 * sub 0 is object[] (fixed size). */

/* Built-in enums other modules may use. */
extern const hv_enum_def hv_enum_dayofweek;       /* System.DayOfWeek */
extern const hv_enum_def hv_enum_stringcomparison; /* System.StringComparison */
extern const hv_enum_def hv_enum_splitoptions;    /* System.StringSplitOptions */
extern const hv_enum_def hv_enum_midpoint;        /* System.MidpointRounding */
extern const hv_enum_def hv_enum_consolecolor;    /* System.ConsoleColor */
extern const hv_enum_def hv_enum_actionpref;      /* System.Management.Automation.ActionPreference */
extern const hv_enum_def hv_enum_datetimekind;    /* System.DateTimeKind */
/* Microsoft.PowerShell.Commands.DisplayHintType: Get-Date's DisplayHint note, which it
 * stores in the DateTime's hv_value.pad (1 Date, 2 Time, 3 DateTime; 0 = no note) */
extern const hv_enum_def hv_enum_displayhint;

/* [cultureinfo] values: hvsh formats as en-US (current) / invariant; culture arguments
 * to ToString/Format/Parse are accepted and otherwise ignored. */
extern const hv_boxed_class hv_culture_class;
hv_value hv_culture_new(const char *name); /* "" = invariant */

/* [ref]: an object of this class with one property, Value. TryParse-style methods write
 * their out-value into it (the evaluator ties [ref]$var to the variable). */
extern const hv_obj_class hv_psreference_class;

/* Scriptblocks are the evaluator's: it registers how one renders as a string (its text). */
void hv_conv_set_scriptblock_to_string(hv_value (*fn)(const hv_value *sb));

/* XML lives in cmdlets/ (libxml2): its module registers, at start-up, how a value becomes a
 * System.Xml.XmlDocument ([xml] casts: strings, string arrays joined with newlines, a
 * document stays itself; false with err filled in pwsh's words) and how an empty document
 * is made ([xml]::new(), New-Object xml). NULL members / no registration = unsupported. */
typedef struct {
    bool (*to_xml)(const hv_value *v, hv_value *out, hv_conv_err *err);
    hv_value (*new_doc)(void);
    hv_value (*new_nsmgr)(void); /* [System.Xml.XmlNamespaceManager]::new($doc.NameTable) */
} hv_conv_xml_hooks;
void hv_conv_set_xml_hooks(const hv_conv_xml_hooks *hooks);
const hv_conv_xml_hooks *hv_conv_xml(void); /* NULL until registered */

/* .NET shortest round-trip rendering of a double ("0.30000000000000004", "1E+16"),
 * of a [float] and of a [decimal] (never exponent): what .ToString() and -f "{0}" give.
 * Writes into buf (>= 40 bytes). */
void hv_conv_fmt_double(double d, hv_numkind k, char *buf, size_t size);
/* PowerShell's own string form (PSObject.ToString: "G15" doubles, "G7" floats), used by
 * hv_conv_to_string, string interpolation, casts and output formatting: 0.1+0.2 -> "0.3". */
void hv_conv_fmt_double_ps(double d, hv_numkind k, char *buf, size_t size);
/* The value of a number as double / as int64 (ints exact; doubles truncated). */
double hv_conv_num_to_double(const hv_value *v);
/* Type name for messages: "System.Int32", "System.Object[]"... (the value's .NET type). */
const char *hv_conv_type_display(const hv_type_info *t);
/* Friendly name PowerShell prints for a type literal ("int" for [int] in "$([int])"). */
const char *hv_type_name(const hv_type_info *t);
/* Round half to even (banker's), as .NET's default Math.Round and numeric casts. */
double hv_conv_round_even(double d);

/* Civil date parts of ticks. */
typedef struct {
    int year, month, day, hour, minute, second, millisecond, dayofweek, dayofyear;
    int frac; /* ticks within the second, 0..9999999 */
} hv_dt_parts;
void hv_dt_split(int64_t ticks, hv_dt_parts *p);
/* Ticks of a date; false when out of range (month 1..12 etc.). */
bool hv_dt_make(int year, int month, int day, int hour, int min, int sec, int64_t frac_ticks,
                int64_t *ticks);
int hv_dt_days_in_month(int year, int month);
/* UTC offset in seconds of local time at the given UTC ticks. */
long hv_dt_local_offset(int64_t utc_ticks);
/* Timespan text parsing ("1.02:03:04.5", "00:10", "5"). */
bool hv_ts_parse(const char *s, int64_t *ticks);
#define HV_TICKS_PER_SEC 10000000LL
#define HV_TICKS_PER_DAY 864000000000LL
#define HV_UNIX_EPOCH_TICKS 621355968000000000LL

/* Boxed natives made by convert.c (guid, version, ipaddress): construction and access. */
hv_value hv_guid_new(const unsigned char bytes[16]);
bool hv_guid_parse(const char *s, unsigned char bytes[16]);
hv_value hv_version_new(int major, int minor, int build, int revision); /* -1 = absent */
bool hv_version_parse(const char *s, hv_value *out);
bool hv_ipaddress_parse(const char *s, hv_value *out);
/* The boxed class descriptors (to recognise values: hv_boxed_class_of(v) == &hv_guid_class). */
extern const hv_boxed_class hv_guid_class, hv_version_class, hv_ipaddress_class;
typedef struct { int part[4]; } hv_version_data;          /* -1 = absent */
typedef struct { int family; unsigned char addr[16]; } hv_ipaddress_data; /* AF_INET/AF_INET6 */

#endif
