/* methods_eval.c — the evaluator's side of methods.h: runs the context-free core and turns
 * its error text into a terminating ErrorRecord (MethodInvocationException for exceptions
 * thrown by a method, MethodException for overload failures), as pwsh reports them. */
#include "methods.h"

#include "internal.h"

static hv_status
raise_method_error(hv_ctx *ctx, const hv_conv_err *err)
{
    bool overload = hv_methods_is_overload_error(err);
    hv_value rec = hv_err_new(ctx,
                              overload ? "System.Management.Automation.MethodException"
                                       : "System.Management.Automation.MethodInvocationException",
                              HV_CAT_NotSpecified,
                              overload ? "MethodCountCouldNotFindBest" : "MethodInvocationException",
                              NULL, NULL, "%s", err->msg);
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
