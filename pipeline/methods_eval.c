/* methods_eval.c — the evaluator's side of methods.h: runs the context-free core and turns
 * its error text into a terminating ErrorRecord (MethodInvocationException for exceptions
 * thrown by a method, MethodException for overload failures), as pwsh reports them. */
#include "methods.h"

#include "internal.h"
#include "errors.h"

#include <string.h>

/* pwsh's FullyQualifiedErrorId for a method exception is the inner .NET exception's name;
 * recognise it from the message the core produced. */
static const struct {
    const char *needle, *id;
} inner_ids[] = {
    {"Index was outside the bounds", "IndexOutOfRangeException"},
    {"was not in a correct format", "FormatException"},
    {"was not recognized as a valid", "FormatException"},
    {"Guid should contain", "FormatException"},
    {"not a valid Base-64", "FormatException"},
    {"not a valid hex string", "FormatException"},
    {"An invalid IP address", "FormatException"},
    {"Could not find file", "FileNotFoundException"},
    {"Could not find a part of the path", "DirectoryNotFoundException"},
    {"Access to the path", "UnauthorizedAccessException"},
    {"already exists", "IOException"},
    {"Collection was of a fixed size", "NotSupportedException"},
    {"too large or too small", "OverflowException"},
    {"Negating the minimum value", "OverflowException"},
    {"TimeSpan overflowed", "OverflowException"},
    {"cannot be null", "ArgumentNullException"},
    {"Value cannot be null", "ArgumentNullException"},
    {"Item has already been added", "ArgumentException"},
    {"regular expression pattern", "RegexParseException"},
    {"Requested value", "ArgumentException"},
    {"Index (zero based)", "FormatException"},
    {"(Parameter '", "ArgumentOutOfRangeException"},
};

static const char *
inner_id(const char *msg)
{
    for (size_t i = 0; i < sizeof inner_ids / sizeof inner_ids[0]; i++)
        if (strstr(msg, inner_ids[i].needle))
            return inner_ids[i].id;
    return "MethodInvocationException";
}

/* The .NET exception the method threw becomes the MethodInvocationException's
 * InnerException (so `catch [FormatException]` matches, as pwsh checks inner exceptions
 * first); its message is the quoted tail of `Exception calling "M" with "N" argument(s): "..."`. */
static void
attach_inner(hv_value *rec, const char *msg)
{
    const char *id = inner_id(msg);
    if (strcmp(id, "MethodInvocationException") == 0)
        return;
    const char *q = strstr(msg, "argument(s): \"");
    const char *body = q ? q + 14 : msg;
    size_t len = strlen(body);
    if (q && len && body[len - 1] == '"')
        len--;
    char full[160];
    const char *known = hv_err_exception_type_named(id, strlen(id));
    if (known)
        snprintf(full, sizeof full, "%s", known);
    else if (strcmp(id, "RegexParseException") == 0)
        snprintf(full, sizeof full, "System.Text.RegularExpressions.%s", id);
    else
        snprintf(full, sizeof full, "System.%s", id);
    HV_AUTO hv_value text = hv_strn(body, len);
    hv_value inner = hv_err_exception_new(full, hv_str_cstr(&text), NULL);
    const hv_value *e = hv_obj_get(rec, "Exception");
    if (e && e->kind == HV_OBJECT) {
        hv_value ex = hv_ref(e);
        hv_obj_set(&ex, "InnerException", inner);
        hv_unref(ex);
    } else {
        hv_unref(inner);
    }
}

static hv_status
raise_method_error(hv_ctx *ctx, const hv_conv_err *err)
{
    bool overload = hv_methods_is_overload_error(err);
    hv_value rec = hv_err_new(ctx,
                              overload ? "System.Management.Automation.MethodException"
                                       : "System.Management.Automation.MethodInvocationException",
                              HV_CAT_NotSpecified,
                              !overload ? inner_id(err->msg)
                              : strncmp(err->msg, "Cannot convert argument", 23) == 0
                                  ? "MethodArgumentConversionInvalidCastArgument"
                                  : "MethodCountCouldNotFindBest",
                              NULL, NULL, "%s", err->msg);
    if (!overload)
        attach_inner(&rec, err->msg);
    return hv_eval_raise(ctx, rec, false);
}

bool
hv_methods_get_property(hv_ctx *ctx, const hv_value *v, const char *name, hv_value *out)
{
    (void)ctx;
    return hv_methods_property(v, name, out);
}

bool
hv_methods_get_static(hv_ctx *ctx, const hv_type_info *t, const char *name, hv_value *out)
{
    (void)ctx;
    return hv_methods_static_property(t, name, out);
}

hv_status
hv_methods_call(hv_ctx *ctx, const hv_value *v, const char *name, const hv_value *args,
                size_t n, hv_value *out, bool *found)
{
    hv_conv_err err = {{0}};
    int rc = hv_methods_invoke(v, name, args, n, out, &err);
    *found = rc != 0;
    return rc < 0 ? raise_method_error(ctx, &err) : HV_OK;
}

hv_status
hv_methods_call_static(hv_ctx *ctx, const hv_type_info *t, const char *name,
                       const hv_value *args, size_t n, hv_value *out, bool *found)
{
    hv_conv_err err = {{0}};
    int rc = hv_methods_invoke_static(t, name, args, n, out, &err);
    *found = rc != 0;
    return rc < 0 ? raise_method_error(ctx, &err) : HV_OK;
}
