/* data.h — shared helpers and per-file exports of the data/file cmdlets (helper C2).
 *
 * The module tables (data_module.c for Microsoft.PowerShell.Utility's data cmdlets,
 * mgmt_module.c for Microsoft.PowerShell.Management) list every cmdlet of the family as one
 * contiguous const array; each implementation file exports its parameter table, its
 * handlers and the size of its private state (HVC_*_STATE, checked by a _Static_assert in the
 * file that owns the struct). Everything else in those files is static.
 */
#ifndef HVC_DATA_H
#define HVC_DATA_H

#include "pipeline/cmdlet.h"

/* ---- shared helpers (data_util.c) ---- */
/* Properties of an object-like value (PSCustomObject/class object or hashtable): count and
 * name of the i-th. For anything else count is 0. */
size_t hvc_props_count(const hv_value *v);
hv_value hvc_prop_name(const hv_value *v, size_t i);   /* new string */
/* String form of a value as [string] would give it (new C string, caller frees). */
char *hvc_to_cstr(const hv_value *v);
/* Argument helpers: string of a bound argument (NULL if unbound), int with default. */
const char *hvc_arg_str(hv_cmd *cmd, int index);
/* An array parameter's value, or NULL when unbound or bound to $null (never a non-array). */
const hv_value *hvc_arg_array(hv_cmd *cmd, int index);
int64_t hvc_arg_int(hv_cmd *cmd, int index, int64_t dflt);
double hvc_arg_double(hv_cmd *cmd, int index, double dflt);
/* Emits a non-terminating error; returns what hv_write_error returned. */
HV_MUST_CHECK hv_status hvc_error(hv_cmd *cmd, hv_err_category cat, const char *id,
                                  const char *target, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
HV_MUST_CHECK hv_status hvc_throw(hv_cmd *cmd, hv_err_category cat, const char *id,
                                  const char *target, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* .NET Core double.ToString("R") (shortest round-trip; malloc'd). */
char *hvc_double_r(double d);
/* Text encodings of -Encoding: names as pwsh's (utf8 = no BOM). */
typedef enum { HVC_ENC_UTF8, HVC_ENC_UTF8BOM, HVC_ENC_ASCII, HVC_ENC_LATIN1, HVC_ENC_UTF16LE,
               HVC_ENC_UTF16BE, HVC_ENC_UTF32LE, HVC_ENC_UTF32BE } hvc_encoding;
hvc_encoding hvc_encoding_of(const hv_value *arg);   /* NULL/unbound = utf8 (no BOM) */
/* UTF-8 text -> bytes in e (BOM first when bom and the encoding has one). */
void hvc_encode(hvc_encoding e, const char *s, size_t n, bool bom, hv_buf *out);
/* Bytes in e -> UTF-8. */
void hvc_decode(hvc_encoding e, const unsigned char *p, size_t n, hv_buf *out);
/* The encoding a byte order mark announces (and its length), else dflt. */
hvc_encoding hvc_detect_bom(const unsigned char *p, size_t n, hvc_encoding dflt,
                            size_t *bom_len);
/* Civil date <-> ticks (100 ns since 0001-01-01) */
typedef struct {
    int year, month, day, hour, minute, second, ms;
    int frac7;      /* sub-second ticks, 0..9999999 */
    int dow;        /* 0 = Sunday */
    int doy;        /* 1..366 */
} hvc_tm;
void hvc_ticks_to_tm(int64_t ticks, hvc_tm *tm);
int64_t hvc_tm_to_ticks(int year, int month, int day, int hour, int minute, int second);
bool hvc_is_leap(int year);
int hvc_days_in_month(int year, int month);
/* Offset of local time from UTC in seconds at a given UTC tick count. */
long hvc_local_offset(int64_t utc_ticks);
#define HVC_TICKS_PER_SEC 10000000LL
#define HVC_TICKS_PER_DAY 864000000000LL
#define HVC_UNIX_EPOCH_TICKS 621355968000000000LL

/* ---- JSON (data_json.c) ---- */
extern const hv_param_def hvc_tojson_params[];
extern const hv_param_def hvc_fromjson_params[];
hv_status hvc_tojson_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_tojson_end(hv_cmd *cmd);
void hvc_tojson_cleanup(hv_cmd *cmd);
hv_status hvc_fromjson_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_fromjson_end(hv_cmd *cmd);
void hvc_fromjson_cleanup(hv_cmd *cmd);
#define HVC_JSON_STATE 32
/* The JSON text of a value as ConvertTo-Json writes it (exposed for unit tests). */
hv_value hvc_json_serialize(const hv_value *v, int depth, bool compress, bool enums_as_strings,
                            int escape, bool *truncated);

/* ---- dates and time (data_date.c) ---- */
extern const hv_param_def hvc_getdate_params[];
extern const hv_param_def hvc_newtimespan_params[];
extern const hv_param_def hvc_sleep_params[];
extern const hv_param_def hvc_measurecmd_params[];
extern const hv_param_def hvc_uptime_params[];
hv_status hvc_getdate_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_newtimespan_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_sleep_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_measurecmd_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_measurecmd_end(hv_cmd *cmd);
hv_status hvc_uptime_process(hv_cmd *cmd, const hv_value *input);
#define HVC_DATE_STATE 16

/* ---- CSV (data_csv.c) ---- */
extern const hv_param_def hvc_tocsv_params[];
extern const hv_param_def hvc_fromcsv_params[];
extern const hv_param_def hvc_importcsv_params[];
extern const hv_param_def hvc_exportcsv_params[];
hv_status hvc_tocsv_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_fromcsv_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_importcsv_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_exportcsv_process(hv_cmd *cmd, const hv_value *input);
void hvc_csv_cleanup(hv_cmd *cmd);     /* ConvertTo-Csv, Export-Csv */
void hvc_fromcsv_cleanup(hv_cmd *cmd);
#define HVC_CSV_STATE 96

/* ---- provider paths (mgmt_path.c) ---- */
/* Absolute, normalized file-system path of a user path (~ expanded, relative to the current
 * location, . and .. folded, trailing slash removed). malloc'd. */
char *hvc_fs_full_path(hv_cmd *cmd, const char *path);
/* Existing items a path names: an HV_ARRAY of full paths (wildcards expanded in every
 * component unless literal; sorted like pwsh), or HV_NULL when nothing exists. */
hv_value hvc_fs_resolve(hv_cmd *cmd, const char *path, bool literal);
/* Same; hidden = wildcards also match dot-files (-Force). */
hv_value hvc_fs_resolve_ex(hv_cmd *cmd, const char *path, bool literal, bool hidden);
/* Writes "Cannot find path '<full>' because it does not exist." (ItemNotFoundException,
 * PathNotFound,<cmdlet's class name>). */
HV_MUST_CHECK hv_status hvc_path_not_found(hv_cmd *cmd, const char *path);
typedef enum { HVC_PROV_FS, HVC_PROV_ENV, HVC_PROV_VARIABLE, HVC_PROV_FUNCTION,
               HVC_PROV_ALIAS, HVC_PROV_UNKNOWN /* "C:\\x": no such drive */ } hvc_provider;
/* Which provider a path belongs to ("env:HOME" -> ENV with *rest = "HOME"). */
hvc_provider hvc_path_provider(const char *path, const char **rest);
/* "Cannot find drive. A drive with the name 'C' does not exist." (DriveNotFound) */
HV_MUST_CHECK hv_status hvc_drive_not_found(hv_cmd *cmd, const char *path);
HV_MUST_CHECK hv_status hvc_drive_not_found_throw(hv_cmd *cmd, const char *path);
void hvc_sort_strings(hv_value *arr);      /* case-insensitive, then ordinal */
hv_value hvc_pathinfo(const char *path);   /* System.Management.Automation.PathInfo */
char *hvc_relative_path(const char *full, const char *base); /* "./x", "../y" (malloc'd) */
extern const hv_param_def hvc_getlocation_params[];
extern const hv_param_def hvc_setlocation_params[];
extern const hv_param_def hvc_pushlocation_params[];
extern const hv_param_def hvc_poplocation_params[];
extern const hv_param_def hvc_joinpath_params[];
extern const hv_param_def hvc_splitpath_params[];
extern const hv_param_def hvc_resolvepath_params[];
extern const hv_param_def hvc_convertpath_params[];
extern const hv_param_def hvc_testpath_params[];
hv_status hvc_getlocation_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_setlocation_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_pushlocation_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_poplocation_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_joinpath_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_splitpath_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_resolvepath_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_convertpath_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_testpath_process(hv_cmd *cmd, const hv_value *input);

/* ---- Set-Item (mgmt_setitem.c) ---- */
extern const hv_param_def hvc_setitem_params[];
hv_status hvc_setitem_process(hv_cmd *cmd, const hv_value *input);
/* Remove-Item on variable: / alias: (one item by exact name), in the caller's scope. */
HV_MUST_CHECK hv_status hvc_remove_session_item(hv_cmd *cmd, hvc_provider prov, const char *name);

/* ---- items (mgmt_item.c) ---- */
/* -Include/-Exclude on a leaf name (arrays of wildcard patterns; NULL = none). */
bool hvc_name_included(const char *leaf, const hv_value *include, const hv_value *exclude);
/* Items of a non-file-system drive whose names match pattern (wildcards unless literal;
 * "" = all): HV_ARRAY of objects (DictionaryEntry-like Name/Value, FunctionInfo, AliasInfo). */
hv_value hvc_provider_items(hv_cmd *cmd, hvc_provider prov, const char *pattern, bool literal);
/* A FileInfo/DirectoryInfo object for a full path (lstat'd); HV_NULL if it does not exist. */
hv_value hvc_fs_item(const char *full);

#define HVC_CONTENT_STATE 32

#define HVC_MISC_STATE 320

#define HVC_SLS_STATE 128

#define HVC_OUT_STATE 32

/* ---- generated by the C2 helper from the .c files: handlers and tables ---- */
hv_status hvc_getrandom_begin(hv_cmd *cmd);
hv_status hvc_getrandom_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_getrandom_end(hv_cmd *cmd);
void hvc_getrandom_cleanup(hv_cmd *cmd);
hv_status hvc_getunique_process(hv_cmd *cmd, const hv_value *input);
void hvc_getunique_cleanup(hv_cmd *cmd);
hv_status hvc_newguid_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_gethost_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_getculture_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_getuiculture_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_tosecure_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_stringdata_process(hv_cmd *cmd, const hv_value *input); /* data_stringdata.c */
hv_status hvc_getexecpolicy_process(hv_cmd *cmd, const hv_value *input); /* data_execpolicy.c */
hv_status hvc_setexecpolicy_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_fromsecure_process(hv_cmd *cmd, const hv_value *input);
extern const hv_param_def hvc_getrandom_params[];
extern const hv_param_def hvc_getunique_params[];
extern const hv_param_def hvc_newguid_params[];
extern const hv_param_def hvc_gethost_params[];
extern const hv_param_def hvc_getculture_params[];
extern const hv_param_def hvc_getuiculture_params[];
extern const hv_param_def hvc_tosecure_params[];
extern const hv_param_def hvc_stringdata_params[];
extern const hv_param_def hvc_getexecpolicy_params[], hvc_setexecpolicy_params[];
extern const hv_param_def hvc_fromsecure_params[];
hv_status hvc_outfile_begin(hv_cmd *cmd);
hv_status hvc_outfile_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_outfile_end(hv_cmd *cmd);
void hvc_outfile_cleanup(hv_cmd *cmd);
extern const hv_param_def hvc_outfile_params[];
hv_status hvc_sls_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_sls_end(hv_cmd *cmd);
void hvc_sls_cleanup(hv_cmd *cmd);
extern const hv_param_def hvc_sls_params[];
hv_status hvc_getcontent_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_setcontent_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_addcontent_process(hv_cmd *cmd, const hv_value *input);
void hvc_content_cleanup(hv_cmd *cmd);
hv_status hvc_clearcontent_process(hv_cmd *cmd, const hv_value *input);
extern const hv_param_def hvc_getcontent_params[];
extern const hv_param_def hvc_setcontent_params[];
extern const hv_param_def hvc_addcontent_params[];
extern const hv_param_def hvc_clearcontent_params[];
hv_status hvc_gci_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_getitem_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_newitem_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_removeitem_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_copyitem_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_moveitem_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_renameitem_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_getitemprop_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_getpsdrive_process(hv_cmd *cmd, const hv_value *input);
extern const hv_param_def hvc_gci_params[];
extern const hv_param_def hvc_getitem_params[];
extern const hv_param_def hvc_newitem_params[];
extern const hv_param_def hvc_removeitem_params[];
extern const hv_param_def hvc_copyitem_params[];
extern const hv_param_def hvc_moveitem_params[];
extern const hv_param_def hvc_renameitem_params[];
extern const hv_param_def hvc_getitemprop_params[];
extern const hv_param_def hvc_getpsdrive_params[];
hv_status hvc_getprocess_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_stopprocess_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_startprocess_process(hv_cmd *cmd, const hv_value *input);
hv_status hvc_clearhost_process(hv_cmd *cmd, const hv_value *input);
extern const hv_param_def hvc_getprocess_params[];
extern const hv_param_def hvc_stopprocess_params[];
extern const hv_param_def hvc_startprocess_params[];
extern const hv_param_def hvc_clearhost_params[];

#endif
