/* errors.h — ErrorRecord construction and display beyond what internal.h declares.
 * Owner: B. */
#ifndef HV_ERRORS_H
#define HV_ERRORS_H

#include "internal.h"

/* The general constructor: exception type (NULL = RuntimeException), message, category,
 * FullyQualifiedErrorId as given (already "Id,Command" or just "Id"), target, command
 * name for InvocationInfo.MyCommand and CategoryInfo.Activity (NULL = none), position. */
hv_value hv_err_make(const char *exception_type, const char *message, hv_err_category cat,
                     const char *fqid, const hv_value *target, const char *command,
                     const hv_pos *pos);
/* The command part of a FullyQualifiedErrorId ("Microsoft.PowerShell.Commands.
 * GetVariableCommand", "Microsoft.HyperV.PowerShell.Commands.GetVM", "f"). */
const char *hv_err_command_id(hv_ctx *ctx, const hv_cmdlet_def *def, char *buf, size_t n);
/* The concise view text (no colour) of a record, with a trailing newline. */
hv_value hv_err_concise(hv_ctx *ctx, const hv_value *rec, bool color);
/* The text for the error stream as $ErrorView asks: ConciseView (default), NormalView
 * (Windows PowerShell's "Cmd : message / At ... / + CategoryInfo ..."), CategoryView. */
hv_value hv_err_view_text(hv_ctx *ctx, const hv_value *rec, bool color);
/* Mark as thrown by `throw` (ConciseView shows "Exception:"). */
void hv_err_set_thrown(hv_value *rec);
bool hv_err_was_thrown(const hv_value *rec);
/* The ErrorCategory enum definition (System.Management.Automation.ErrorCategory). */
const hv_enum_def *hv_err_category_enum(void);
/* Does the record's exception have (or derive from) this type name?  Accepts full names
 * and short names ("RuntimeException"). */
bool hv_err_is_a(const hv_value *rec, const char *type_name);
/* The record's TargetObject / FullyQualifiedErrorId (borrowed, may be NULL). */
const char *hv_err_fqid(const hv_value *rec);
/* Does stderr go to a terminal with colours allowed (not NO_COLOR)? */
bool hv_err_use_color(hv_ctx *ctx);

/* For Out-Default (format.c): how a stream record that reached the output (2>&1, 3>&1,
 * $Error[0] ...) is shown: ErrorRecord -> the concise view (as on the error stream),
 * WarningRecord -> "WARNING: msg", VerboseRecord -> "VERBOSE: msg", DebugRecord ->
 * "DEBUG: msg", InformationRecord -> its message. False (and *text untouched) for any
 * other value. The text has no trailing newline. */
bool hv_stream_record_text(hv_ctx *ctx, const hv_value *v, hv_value *text);

/* Exception types script code can name: canonical full name for a full, "System."-less or
 * last-segment name ("ArgumentException"), NULL when not one of the known types. */
const char *hv_err_exception_type_named(const char *name, size_t len);
/* [System.Management.Automation.ErrorRecord]::new(exception, errorId, category, target):
 * the record holds the given exception object (referenced). */
hv_value hv_err_record_new(const hv_value *exception, const char *fqid, hv_err_category cat,
                           const hv_value *target);
/* A new exception object of that type (message NULL = .NET's default text), optional inner. */
hv_value hv_err_exception_new(const char *type, const char *message, const hv_value *inner);

#endif
