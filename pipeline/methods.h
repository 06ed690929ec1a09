/* methods.h — the .NET member surface scripts use daily: instance members of strings,
 * arrays/ArrayList, hashtables, numbers, dates, timespans, types, guid/version/ipaddress/
 * regex/encoding values, and static members of [math], [string], [int]..., [char],
 * [datetime], [timespan], [guid], [regex], [ipaddress], [version], [System.IO.Path],
 * [System.IO.File], [System.IO.Directory], [Environment], [Convert], [System.Text.Encoding],
 * [BitConverter], [Console], [enum], [array], [cultureinfo], [System.Net.Dns],
 * [System.Threading.Thread]::Sleep, and the constructible [System.Text.StringBuilder],
 * [System.Diagnostics.Stopwatch], [pscredential] / [System.Net.NetworkCredential],
 * [System.Collections.ArrayList], [System.Collections.Generic.List[T]], [hashtable] /
 * Dictionary[K,V] (via ::new or New-Object, which calls "new" on the type value).
 * TryParse(s, [ref]$x) writes into the [ref] object's Value property.
 *
 * Two layers:
 *  - a context-free core (hv_methods_property / _invoke / _static_property /
 *    _invoke_static): pure functions over values, errors as hv_conv_err text in pwsh's words
 *    ('Exception calling "Substring" with "1" argument(s): "..."'). Return contract of the
 *    invoke functions: 1 = called (*out set), 0 = no such member (nothing set), -1 = error.
 *  - the evaluator's entry points (methods_eval.c), which take the interpreter context and
 *    raise the error as a MethodInvocationException / MethodException ErrorRecord.
 */
#ifndef HV_METHODS_H
#define HV_METHODS_H

#include "cmdlet.h"
#include "convert.h"
#include "value.h"

/* ---- context-free core ---- */
bool hv_methods_property(const hv_value *v, const char *name, hv_value *out);
int hv_methods_invoke(const hv_value *v, const char *name, const hv_value *args, size_t n,
                      hv_value *out, hv_conv_err *err);
bool hv_methods_static_property(const hv_type_info *t, const char *name, hv_value *out);
int hv_methods_invoke_static(const hv_type_info *t, const char *name, const hv_value *args,
                             size_t n, hv_value *out, hv_conv_err *err);
/* True when an invoke error is an overload-resolution failure (MethodException,
 * "Cannot find an overload for ...") rather than an exception thrown by the method. */
bool hv_methods_is_overload_error(const hv_conv_err *err);

/* [System.Text.Encoding] values (UTF8, ASCII, Unicode...). */
extern const hv_boxed_class hv_encoding_class;

/* ---- evaluator entry points (methods_eval.c) ---- */
bool hv_methods_get_property(hv_ctx *ctx, const hv_value *v, const char *name, hv_value *out);
bool hv_methods_get_static(hv_ctx *ctx, const hv_type_info *t, const char *name, hv_value *out);
/* *found = false when there is no such member (status HV_OK, *out untouched). */
HV_MUST_CHECK hv_status hv_methods_call(hv_ctx *ctx, const hv_value *v, const char *name,
                                        const hv_value *args, size_t n, hv_value *out,
                                        bool *found);
HV_MUST_CHECK hv_status hv_methods_call_static(hv_ctx *ctx, const hv_type_info *t,
                                               const char *name, const hv_value *args, size_t n,
                                               hv_value *out, bool *found);

#endif
