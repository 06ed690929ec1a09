/* util.h — shared helpers of the object and formatting cmdlets (Microsoft.PowerShell.Utility,
 * helper C1). Prefix hvc_u_ (C2's data cmdlets use hvc_ in cmdlets/data.h).
 *
 * Each util_*.c file defines its cmdlets as one NULL-name-terminated const table
 * (hvc_u_defs_*); util_module.c concatenates them into hv_mod_utility's table once at
 * start-up, so a cmdlet's parameters, handlers and help stay together in one file.
 */
#ifndef HVC_UTIL_H
#define HVC_UTIL_H

#include "pipeline/cmdlet.h"

extern const hv_cmdlet_def hvc_u_defs_foreach[]; /* ForEach-Object, Where-Object */
extern const hv_cmdlet_def hvc_u_defs_select[];  /* Select-Object */
extern const hv_cmdlet_def hvc_u_defs_sort[];    /* Sort-Object, Group-Object */
extern const hv_cmdlet_def hvc_u_defs_measure[]; /* Measure-Object, Compare-Object, Tee-Object */
extern const hv_cmdlet_def hvc_u_defs_member[];  /* Get-Member, Add-Member, New-Object */
extern const hv_cmdlet_def hvc_u_defs_write[];   /* Write-*, Out-*, Read-Host */
extern const hv_cmdlet_def hvc_u_defs_format[];  /* Format-Table, Format-List, Format-Wide */
extern const hv_cmdlet_def hvc_u_defs_help[];    /* Get-Help */
extern const hv_cmdlet_def hvc_u_defs_joinstring[]; /* Join-String */

/* PSTypeName of the format requests Format-* emit (see pipeline/format.h). */
#define HVC_U_FMT_REQUEST "hvsh.FormatRequest"

/* ---- growable value vector ---- */
typedef struct {
    hv_value *v;
    size_t n, cap;
} hvc_u_vec;
void hvc_u_vec_push(hvc_u_vec *vec, hv_value v); /* takes v */
void hvc_u_vec_free(hvc_u_vec *vec);

/* Pipeline-result shape of a collected output array: none -> $null, one -> the item, more
 * -> the array. Takes arr. */
hv_value hvc_u_unwrap(hv_value arr);

/* New C string of a value as [string] renders it (caller frees). */
char *hvc_u_cstr(const hv_value *v);

/* First PSTypeName of a value ("System.String", "System.Management.Automation.PSCustomObject",
 * a class's type name...). Borrowed/static. */
const char *hvc_u_typename(const hv_value *v);

/* Property names of an object-like value: object properties, hashtable keys (as strings).
 * Returns a malloc'd array of malloc'd names; *n gets the count. */
char **hvc_u_prop_names(const hv_value *v, size_t *n);
void hvc_u_names_free(char **names, size_t n);
/* Does v have a property/key of that exact name (case-insensitive)? */
bool hvc_u_has_prop(const hv_value *v, const char *name);

/* The name a (non-wildcard) property expression resolves to on obj, in the property's or
 * key's own spelling: a Hashtable's keys first (pwsh 6+ wraps it as a PSCustomObject),
 * then its properties. NULL when nothing resolves. Borrowed from obj (or is `name`). */
const char *hvc_u_resolve(const hv_value *obj, const char *name);
/* The property names a wildcard property expression matches on obj (a Hashtable's keys;
 * its .NET properties only when no key matches). Free with hvc_u_names_free. */
char **hvc_u_match_names(const hv_value *obj, const char *pattern, size_t *n);

/* A DateTime or TimeSpan as a PSCustomObject of its properties (Select-Object * shape, used
 * by ConvertTo-Csv/Export-Csv); HV_NULL for any other value. */
hv_value hvc_u_scalar_view(hv_cmd *cmd, const hv_value *v);

/* Hashtable entry whose key is a (case-insensitive) prefix of one of `names` (pwsh accepts
 * @{n=..; e=..}); NULL if none. *key_out (optional) gets the matched full name. */
const hv_value *hvc_u_hkey(const hv_value *table, const char *const *names,
                           const char **key_out);

/* Evaluate a property expression on obj: a name (HV_STRING: member access) or a script
 * block (invoked with $_ = obj; output unwrapped). *out is new. */
HV_MUST_CHECK hv_status hvc_u_eval(hv_cmd *cmd, const hv_value *obj, const hv_value *expr,
                                   hv_value *out);

/* A property specification of Select-Object / Format-* / Sort-Object / Group-Object:
 * a name (maybe with wildcards), a script block, or a hashtable (calculated property). */
enum { /* hashtable keys a cmdlet accepts */
    HVC_U_KEY_NAME = 1u << 0,    /* Name / Label */
    HVC_U_KEY_EXPR = 1u << 1,    /* Expression */
    HVC_U_KEY_FORMAT = 1u << 2,  /* FormatString */
    HVC_U_KEY_WIDTH = 1u << 3,   /* Width */
    HVC_U_KEY_ALIGN = 1u << 4,   /* Alignment */
    HVC_U_KEY_SORT = 1u << 5,    /* Ascending / Descending */
};
typedef struct {
    char *label;       /* Name/Label, else the property name or the script block text */
    hv_value expr;     /* HV_STRING (name or pattern) or HV_SCRIPTBLOCK; owned */
    bool wildcard;     /* expr is a name with wildcard characters */
    bool calculated;   /* from a hashtable or a bare script block */
    bool has_label;
    char *format;      /* FormatString or NULL */
    int width;         /* 0 = automatic */
    int align;         /* 0 auto, -1 left, 1 right (and 2 = center, shown left) */
    int descending;    /* -1 unset, 0 ascending, 1 descending */
} hvc_u_prop;
/* Parse -Property values (borrowed HV_ARRAY or single value). Throws (HV_ERR) on a bad
 * hashtable key, as pwsh does. */
HV_MUST_CHECK hv_status hvc_u_parse_props(hv_cmd *cmd, const hv_value *arg, unsigned keys,
                                          hvc_u_prop **out, size_t *n);
void hvc_u_props_free(hvc_u_prop *p, size_t n);
/* Expand the specs against one object: (label, value) pairs in order. Names with
 * wildcards expand to the matching properties; plain names always give one entry (value
 * $null when absent). exclude: wildcard patterns removed (NULL ok). */
typedef struct {
    char **labels;
    hv_value *values;
    size_t n, cap;
} hvc_u_pairs;
HV_MUST_CHECK hv_status hvc_u_expand(hv_cmd *cmd, const hv_value *obj, const hvc_u_prop *props,
                                     size_t nprops, const hv_value *exclude, hvc_u_pairs *out);
void hvc_u_pairs_free(hvc_u_pairs *p);
bool hvc_u_match_any(const hv_value *patterns, const char *name);

/* Non-terminating error with the cmdlet's name as the FullyQualifiedErrorId suffix. */
HV_MUST_CHECK hv_status hvc_u_error(hv_cmd *cmd, hv_err_category cat, const char *id,
                                    const hv_value *target, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
HV_MUST_CHECK hv_status hvc_u_throw(hv_cmd *cmd, hv_err_category cat, const char *id,
                                    const hv_value *target, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Integer argument with default. */
int64_t hvc_u_arg_int(hv_cmd *cmd, int index, int64_t dflt);
/* String argument or NULL (borrowed while the invocation lives). */
const char *hvc_u_arg_str(hv_cmd *cmd, int index);

/* Comparison of two values as Sort-Object/Compare-Object/Group-Object do (nulls first,
 * numbers numerically, else strings, case-insensitive unless cs). */
int hvc_u_compare(const hv_value *a, const hv_value *b, bool cs);

#endif
