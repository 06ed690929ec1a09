/* convert.h — PowerShell's type conversions (LanguagePrimitives) and string rendering.
 * All functions are pure: they take borrowed values and return new ones. Failures return
 * false and fill *err with a message in pwsh's words, e.g.
 *   Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."
 */
#ifndef HV_CONVERT_H
#define HV_CONVERT_H

#include "value.h"

typedef struct {
    char msg[512];
} hv_conv_err;

/* [string]: how PowerShell renders a value as a string (doubles round-trip "R" style,
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
/* .NET custom/standard format of a datetime ("yyyy-MM-dd", "o", "s", NULL = general "G"
 * in the invariant-like culture pwsh uses on Linux: "11/27/2026 16:53:05"). */
hv_value hv_dt_format(int64_t ticks, hv_dtkind kind, const char *fmt);
hv_value hv_ts_format(int64_t ticks, const char *fmt); /* "c" default: [-][d.]hh:mm:ss[.fffffff] */

/* .NET composite formatting for -f and String.Format: "{0,-10:N2}". */
bool hv_conv_format(const char *fmt, const hv_value *args, size_t nargs, hv_value *out,
                    hv_conv_err *err);
/* One value with a .NET format specifier ("N2", "X8", "D3", "P1", "F0", "yyyy"...) */
hv_value hv_conv_format_one(const hv_value *v, const char *spec);

#endif
