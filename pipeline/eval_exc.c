/* eval_exc.c — .NET exception types as scripts use them: [System.ArgumentException]::new(
 * "msg"), `throw [InvalidOperationException]::new("x")`, catch [System.IO.IOException].
 * An exception value is an object whose PSTypeNames are the type and its bases (so -is,
 * catch and B's ErrorRecord wrapping see the hierarchy) with Message / InnerException. */
#include "internal.h"

#include <string.h>
#include <strings.h>

#define SMA "System.Management.Automation."
#define EXC(n) {.full_name = n, .short_name = n, .kind = HV_OBJECT}

static const hv_type_info exc_types[] = {
    EXC("System.Exception"), EXC("System.SystemException"), EXC("System.ApplicationException"),
    EXC("System.ArgumentException"), EXC("System.ArgumentNullException"),
    EXC("System.ArgumentOutOfRangeException"), EXC("System.InvalidOperationException"),
    EXC("System.NotSupportedException"), EXC("System.NotImplementedException"),
    EXC("System.FormatException"), EXC("System.InvalidCastException"),
    EXC("System.IndexOutOfRangeException"), EXC("System.NullReferenceException"),
    EXC("System.ObjectDisposedException"), EXC("System.TimeoutException"),
    EXC("System.UnauthorizedAccessException"), EXC("System.DivideByZeroException"),
    EXC("System.OverflowException"), EXC("System.ArithmeticException"),
    EXC("System.PlatformNotSupportedException"),
    EXC("System.Collections.Generic.KeyNotFoundException"), EXC("System.IO.IOException"),
    EXC("System.IO.FileNotFoundException"), EXC("System.IO.DirectoryNotFoundException"),
    EXC(SMA "RuntimeException"), EXC(SMA "ItemNotFoundException"),
    EXC(SMA "PSArgumentException"), EXC(SMA "PSArgumentNullException"),
    EXC(SMA "PSArgumentOutOfRangeException"), EXC(SMA "PSInvalidOperationException"),
    EXC(SMA "PSNotSupportedException"), EXC(SMA "PSInvalidCastException"),
    EXC(SMA "CommandNotFoundException"), EXC(SMA "ValidationMetadataException"),
    EXC(SMA "MethodInvocationException"), EXC(SMA "ParameterBindingException"),
    EXC(SMA "ActionPreferenceStopException"), EXC(SMA "PipelineStoppedException"),
};

/* Written names match the full name, the name without "System.", or the last part. */
static bool
name_matches(const char *written, const char *full)
{
    if (hv_str_eq_ci(written, full))
        return true;
    if (strncasecmp(full, "System.", 7) == 0 && hv_str_eq_ci(written, full + 7))
        return true;
    const char *dot = strrchr(full, '.');
    return dot && hv_str_eq_ci(written, dot + 1);
}

const hv_type_info *
hv_eval_exception_type(const char *name)
{
    for (size_t i = 0; i < sizeof exc_types / sizeof *exc_types; i++)
        if (name_matches(name, exc_types[i].full_name))
            return &exc_types[i];
    return NULL;
}

bool
hv_eval_is_exception_type(const hv_type_info *t)
{
    return t >= exc_types && t < exc_types + sizeof exc_types / sizeof *exc_types;
}

static const char *const exc_obj_bases[] = {"System.Object", NULL};
static const hv_obj_class exc_obj_class = {
    .type_name = "System.Exception",
    .base_types = exc_obj_bases,
};

static bool
is_a(const char *type, const char *base)
{
    for (const char *t = type; t; t = hv_eval_exception_parent(t))
        if (hv_str_eq_ci(t, base))
            return true;
    return false;
}

/* The standard messages .NET gives when a constructor gets no message. */
static const char *
default_message(const char *type)
{
    if (is_a(type, "System.ArgumentNullException"))
        return "Value cannot be null.";
    if (is_a(type, "System.ArgumentOutOfRangeException"))
        return "Specified argument was out of the range of valid values.";
    if (is_a(type, "System.ArgumentException"))
        return "Value does not fall within the expected range.";
    if (is_a(type, "System.InvalidOperationException"))
        return "Operation is not valid due to the current state of the object.";
    if (is_a(type, "System.NotImplementedException"))
        return "The method or operation is not implemented.";
    if (is_a(type, "System.NotSupportedException"))
        return "Specified method is not supported.";
    return NULL;
}

hv_status
hv_eval_exception_new(hv_ctx *ctx, const hv_type_info *t, const hv_value *args, size_t nargs,
                      hv_value *out)
{
    (void)ctx;
    const char *type = t->full_name;
    hv_value o = hv_obj_new(&exc_obj_class);
    /* PSTypeNames: the type first, then its bases (inserted most general first) */
    const char *chain[16];
    size_t n = 0;
    for (const char *p = type; p && n < 16; p = hv_eval_exception_parent(p))
        if (!hv_str_eq_ci(p, "System.Exception"))
            chain[n++] = p;
    while (n > 0)
        hv_obj_add_typename(&o, chain[--n]);
    hv_value msg;
    const char *dflt = default_message(type);
    bool arg_null = is_a(type, "System.ArgumentNullException");
    if (nargs >= 1 && arg_null && nargs == 1) {
        /* ArgumentNullException(paramName) */
        hv_value p = hv_conv_to_string(&args[0], NULL);
        msg = hv_strf("%s (Parameter '%s')", dflt, hv_str_cstr(&p));
        hv_obj_set(&o, "ParamName", p);
    } else if (nargs >= 1) {
        msg = hv_conv_to_string(&args[0], NULL);
        if (nargs >= 2 && is_a(type, "System.ArgumentException") && args[1].kind == HV_STRING) {
            /* ArgumentException(message, paramName) */
            hv_value m2 = hv_strf("%s (Parameter '%s')", hv_str_cstr(&msg), hv_str_cstr(&args[1]));
            hv_unref(msg);
            msg = m2;
            hv_obj_set(&o, "ParamName", hv_ref(&args[1]));
        }
    } else {
        msg = dflt ? hv_str(dflt) : hv_strf("Exception of type '%s' was thrown.", type);
    }
    hv_obj_set(&o, "Message", msg);
    hv_value inner = hv_null();
    if (nargs >= 2 && args[1].kind == HV_OBJECT)
        inner = hv_ref(&args[1]);
    hv_obj_set(&o, "InnerException", inner);
    hv_obj_set(&o, "HResult", hv_int(-2146233088));
    hv_obj_set(&o, "Source", hv_null());
    hv_obj_set(&o, "StackTrace", hv_null());
    *out = o;
    return HV_OK;
}

const hv_type_info *
hv_eval_exception_type_of(const hv_value *v)
{
    if (v->kind != HV_OBJECT || hv_obj_class_of(v) != &exc_obj_class || !hv_obj_typename_count(v))
        return NULL;
    return hv_eval_exception_type(hv_obj_typename_at(v, 0));
}
