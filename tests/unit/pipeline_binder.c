/* pipeline_binder.c — the parameter binder: named/prefix/alias lookup, positional binding
 * among parameter sets, set resolution, mandatory checks, conversions, validation,
 * pipeline binding by value and by property name, and pwsh's error messages. */
#include "pipeline/binder.h"

#include <stdio.h>
#include <string.h>

static int passed, failed;

static void
check(bool cond, const char *what)
{
    if (cond) {
        passed++;
        printf("ok - %s\n", what);
    } else {
        failed++;
        printf("not ok - %s\n", what);
    }
}

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

/* New-NetIPAddress-like: two sets, mandatory by set, by-property-name binding. */
enum { NIP_IP, NIP_ALIAS, NIP_INDEX, NIP_PREFIX, NIP_FAMILY, NIP_NAME, NIP_NEWNAME, NIP_N };
static const hv_param_def nip_params[NIP_N + 1] = {
    [NIP_IP] = {.name = "IPAddress",
                .type = HV_PT_STRING,
                .position = 0,
                .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                .aliases = A("LocalAddress")},
    [NIP_ALIAS] = {.name = "InterfaceAlias",
                   .type = HV_PT_STRING,
                   .position = HV_POS_NAMED,
                   .sets = HV_SET(0),
                   .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                   .aliases = A("ifAlias")},
    [NIP_INDEX] = {.name = "InterfaceIndex",
                   .type = HV_PT_UINT32,
                   .position = HV_POS_NAMED,
                   .sets = HV_SET(1),
                   .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                   .aliases = A("ifIndex")},
    [NIP_PREFIX] = {.name = "PrefixLength", .type = HV_PT_UINT8, .position = HV_POS_NAMED},
    [NIP_FAMILY] = {.name = "AddressFamily",
                    .type = HV_PT_ENUM,
                    .position = HV_POS_NAMED,
                    .accepted = A("IPv4", "IPv6")},
    [NIP_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = HV_POS_NAMED},
    [NIP_NEWNAME] = {.name = "NewName", .type = HV_PT_STRING, .position = HV_POS_NAMED},
    [NIP_N] = {.name = NULL},
};
static const hv_cmdlet_def nip_def = {
    .name = "New-NetIPAddress",
    .sets = A("ByInterfaceAlias", "ByInterfaceIndex"),
    .params = nip_params,
    .flags = HV_CF_SHOULD_PROCESS,
};

/* Get-VM-like: positional Name in set 0, Id in set 1 (position 0 both). */
enum { GV_NAME, GV_ID, GV_COUNT, GV_FORCE, GV_STATE, GV_REST, GV_N };
static const char *const vmstate_names[] = {"Running", "Off", "Paused"};
static const int32_t vmstate_values[] = {2, 3, 9};
static const hv_enum_def vmstate = {.type_name = "Microsoft.HyperV.PowerShell.VMState",
                                    .names = vmstate_names,
                                    .values = vmstate_values,
                                    .count = 3};
static const hv_param_def gv_params[GV_N + 1] = {
    [GV_NAME] = {.name = "Name",
                 .type = HV_PT_STRING,
                 .position = 0,
                 .sets = HV_SET(0),
                 .flags = HV_PF_ARRAY | HV_PF_BY_VALUE,
                 .aliases = A("VMName")},
    [GV_ID] = {.name = "Id",
               .type = HV_PT_INT64,
               .position = 0,
               .sets = HV_SET(1),
               .flags = HV_PF_MANDATORY},
    [GV_COUNT] =
        {.name = "Count", .type = HV_PT_INT32, .position = HV_POS_NAMED, .min = 1, .max = 5},
    [GV_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED},
    [GV_STATE] = {.name = "State",
                  .type = HV_PT_ENUM,
                  .position = HV_POS_NAMED,
                  .enum_def = &vmstate},
    [GV_REST] = {.name = "Rest",
                 .type = HV_PT_ANY,
                 .position = HV_POS_NAMED,
                 .sets = HV_SET(2),
                 .flags = HV_PF_REMAINING},
    [GV_N] = {.name = NULL},
};
static const hv_cmdlet_def gv_def = {
    .name = "Get-VM",
    .sets = A("Name", "Id", "Rest"),
    .params = gv_params,
};

static hv_arg
named(const char *p)
{
    return (hv_arg){.param = p, .text = NULL, .value = hv_null()};
}

static hv_arg
named_v(const char *p, hv_value v)
{
    return (hv_arg){.param = p, .value = v, .has_value = true};
}

static hv_arg
val(hv_value v)
{
    return (hv_arg){.value = v};
}

static bool
bind(const hv_cmdlet_def *def, hv_binding *b, hv_arg *args, size_t n, bool input, hv_bind_fail *f)
{
    hv_bind_init(b, def);
    return hv_bind_args(b, args, n, input, f);
}

static void
free_args(hv_arg *args, size_t n)
{
    for (size_t i = 0; i < n; i++)
        hv_unref(args[i].value);
}

static void
test_named(void)
{
    hv_binding b;
    hv_bind_fail f;
    hv_arg a[] = {named("IPAddr"),     val(hv_str("10.0.0.1")), named("ifalias"),
                  val(hv_str("eth0")), named("prefix"),         val(hv_str("24"))};
    bool ok = bind(&nip_def, &b, a, 6, false, &f);
    check(ok, "named: prefix and alias lookup binds");
    check(ok && b.set_index == 0, "named: InterfaceAlias selects ByInterfaceAlias");
    const hv_value *pl = &b.vals[NIP_PREFIX];
    check(ok && pl->kind == HV_INT && pl->sub == HV_N_BYTE && pl->u.i == 24,
          "named: \"24\" converts to byte 24");
    hv_bind_free(&b);
    free_args(a, 6);

    hv_arg a2[] = {named("N"), val(hv_str("x"))};
    ok = bind(&nip_def, &b, a2, 2, false, &f);
    check(!ok && strcmp(f.id, "AmbiguousParameter") == 0 &&
              strcmp(f.msg, "Parameter cannot be processed because the parameter name 'N' is "
                            "ambiguous. Possible matches include: -Name -NewName.") == 0,
          "named: ambiguous prefix lists candidates");
    hv_bind_free(&b);
    free_args(a2, 2);

    hv_arg a3[] = {named("Foo"), val(hv_str("x"))};
    ok = bind(&nip_def, &b, a3, 2, false, &f);
    check(!ok && strcmp(f.id, "NamedParameterNotFound") == 0 &&
              strcmp(f.msg, "A parameter cannot be found that matches parameter name 'Foo'.") == 0,
          "named: unknown parameter");
    hv_bind_free(&b);
    free_args(a3, 2);

    hv_arg a4[] = {val(hv_str("1.2.3.4")), named("InterfaceAlias")};
    ok = bind(&nip_def, &b, a4, 2, false, &f);
    check(!ok && strcmp(f.msg, "Missing an argument for parameter 'InterfaceAlias'. Specify a "
                               "parameter of type 'System.String' and try again.") == 0,
          "named: missing argument");
    hv_bind_free(&b);
    free_args(a4, 2);

    hv_arg a5[] = {named("ea"),      val(hv_str("silentlycontinue")),
                   named("WhatIf"),  val(hv_str("1.2.3.4")),
                   named("ifIndex"), val(hv_int(3))};
    ok = bind(&nip_def, &b, a5, 6, false, &f);
    check(ok && b.set_index == 1, "common: -ea binds, ifIndex selects ByInterfaceIndex");
    int ea = b.nparams + HV_CP_ERRORACTION;
    check(ok && b.vals[ea].kind == HV_ENUM && b.vals[ea].aux == 0,
          "common: ErrorAction converted to ActionPreference");
    int wi = b.nparams + b.ncommon + HV_SP_WHATIF;
    check(ok && b.how[wi] && b.vals[wi].kind == HV_BOOL && b.vals[wi].u.b, "common: -WhatIf");
    hv_bind_free(&b);
    free_args(a5, 6);
}

static void
test_sets(void)
{
    hv_binding b;
    hv_bind_fail f;
    hv_arg a[] = {val(hv_str("1.2.3.4")), named("InterfaceAlias"), val(hv_str("e")),
                  named("InterfaceIndex"), val(hv_int(2))};
    bool ok = bind(&nip_def, &b, a, 5, false, &f);
    check(!ok && strcmp(f.id, "AmbiguousParameterSet") == 0 &&
              strncmp(f.msg,
                      "Parameter set cannot be resolved using the specified named "
                      "parameters. One or more parameters issued cannot be used together "
                      "or an insufficient number of parameters were provided.",
                      200) == 0,
          "sets: parameters of two sets conflict");
    hv_bind_free(&b);
    free_args(a, 5);

    hv_arg a2[] = {val(hv_str("1.2.3.4"))};
    ok = bind(&nip_def, &b, a2, 1, false, &f);
    check(!ok && strcmp(f.msg, "Cannot process command because of one or more missing "
                               "mandatory parameters: InterfaceAlias.") == 0,
          "sets: default set chosen, its mandatory parameter missing");
    hv_bind_free(&b);
    ok = bind(&nip_def, &b, a2, 1, true, &f);
    check(ok && b.set_index < 0, "sets: with pipeline input the set waits for the object");
    /* an object with InterfaceAlias binds by property name */
    hv_value obj = hv_obj_new(NULL);
    hv_obj_set(&obj, "InterfaceAlias", hv_str("vEthernet (VmNat)"));
    hv_obj_set(&obj, "ifIndex", hv_int(7));
    ok = hv_bind_pipeline(&b, &obj, &f);
    check(ok && b.how[NIP_ALIAS] == HV_BOUND_PIPE &&
              strcmp(hv_str_cstr(&b.vals[NIP_ALIAS]), "vEthernet (VmNat)") == 0,
          "pipeline: InterfaceAlias bound by property name (default set preferred)");
    hv_unref(obj);
    hv_value num = hv_int(5);
    ok = hv_bind_pipeline(&b, &num, &f);
    check(!ok && strcmp(f.id, "InputObjectNotBound") == 0, "pipeline: input object not bound");
    hv_bind_fail_free(&f);
    hv_bind_free(&b);
    free_args(a2, 1);

    hv_arg a3[] = {val(hv_str("vm1"))};
    ok = bind(&gv_def, &b, a3, 1, false, &f);
    check(ok && b.set_index == 0 && b.vals[GV_NAME].kind == HV_ARRAY &&
              hv_array_len(&b.vals[GV_NAME]) == 1,
          "positional: string goes to the default set's Name (wrapped in an array)");
    hv_bind_free(&b);
    free_args(a3, 1);

    hv_arg a4[] = {named("Id"), val(hv_str("12"))};
    ok = bind(&gv_def, &b, a4, 2, false, &f);
    check(ok && b.set_index == 1 && b.vals[GV_ID].kind == HV_INT && b.vals[GV_ID].u.i == 12,
          "sets: -Id selects the Id set and converts to Int64");
    hv_bind_free(&b);
    free_args(a4, 2);

    hv_arg a5[] = {val(hv_str("a")), val(hv_str("b"))};
    ok = bind(&gv_def, &b, a5, 2, false, &f);
    check(!ok && strcmp(f.msg, "A positional parameter cannot be found that accepts argument "
                               "'b'.") == 0,
          "positional: no parameter for the second argument");
    hv_bind_fail_free(&f);
    hv_bind_free(&b);
    free_args(a5, 2);

    hv_arg a6[] = {named("Rest"), val(hv_str("a"))};
    ok = bind(&gv_def, &b, a6, 2, false, &f);
    check(ok && b.set_index == 2, "remaining: named binding of a remaining-args parameter");
    hv_bind_free(&b);
    free_args(a6, 2);
}

static void
test_conversion(void)
{
    hv_binding b;
    hv_bind_fail f;
    hv_arg a[] = {named("Count"), val(hv_str("abc"))};
    bool ok = bind(&gv_def, &b, a, 2, false, &f);
    check(!ok && strcmp(f.id, "CannotConvertArgumentNoMessage") == 0 &&
              strncmp(f.msg,
                      "Cannot bind parameter 'Count'. Cannot convert value \"abc\" to "
                      "type \"System.Int32\".",
                      70) == 0,
          "conversion: bad integer");
    hv_bind_free(&b);
    free_args(a, 2);

    hv_arg a2[] = {named("Count"), val(hv_int(9))};
    ok = bind(&gv_def, &b, a2, 2, false, &f);
    check(!ok && strcmp(f.msg, "Cannot validate argument on parameter 'Count'. The 9 argument "
                               "is greater than the maximum allowed range of 5. Supply an "
                               "argument that is less than or equal to 5 and then try the "
                               "command again.") == 0,
          "validation: range");
    hv_bind_free(&b);
    free_args(a2, 2);

    hv_arg a3[] = {named("State"), val(hv_str("off"))};
    ok = bind(&gv_def, &b, a3, 2, false, &f);
    check(ok && b.vals[GV_STATE].kind == HV_ENUM && b.vals[GV_STATE].aux == 3,
          "conversion: enum name case-insensitively");
    hv_bind_free(&b);
    free_args(a3, 2);

    hv_arg a4[] = {named("State"), val(hv_str("Gone"))};
    ok = bind(&gv_def, &b, a4, 2, false, &f);
    check(!ok && strstr(f.msg, "Specify one of the following enumerator names and try again:\n"
                               "Running, Off, Paused") != NULL,
          "conversion: invalid enum lists the names");
    hv_bind_free(&b);
    free_args(a4, 2);

    hv_arg a5[] = {val(hv_str("1.2.3.4")), named("ifAlias"), val(hv_str("e")),
                   named("AddressFamily"), val(hv_str("IPv5"))};
    ok = bind(&nip_def, &b, a5, 5, false, &f);
    check(!ok && strcmp(f.msg, "Cannot validate argument on parameter 'AddressFamily'. The "
                               "argument \"IPv5\" does not belong to the set \"IPv4,IPv6\" "
                               "specified by the ValidateSet attribute. Supply an argument that "
                               "is in the set and then try the command again.") == 0,
          "validation: ValidateSet");
    hv_bind_free(&b);
    free_args(a5, 5);

    hv_arg a6[] = {named_v("Force", hv_bool(false))};
    ok = bind(&gv_def, &b, a6, 1, false, &f);
    check(ok && b.how[GV_FORCE] && !b.vals[GV_FORCE].u.b, "switch: -Force:$false");
    hv_bind_free(&b);
    free_args(a6, 1);

    hv_arg a7[] = {named("Force"), val(hv_str("x"))};
    ok = bind(&gv_def, &b, a7, 2, false, &f);
    check(ok && b.how[GV_FORCE] && b.vals[GV_FORCE].u.b && b.how[GV_NAME],
          "switch: does not take the next argument");
    hv_bind_free(&b);
    free_args(a7, 2);

    hv_arg a8[] = {named("Count"), val(hv_int(1)), named("Count"), val(hv_int(2))};
    ok = bind(&gv_def, &b, a8, 4, false, &f);
    check(!ok && strcmp(f.id, "ParameterAlreadyBound") == 0, "named: bound twice");
    hv_bind_free(&b);
    free_args(a8, 4);
}

/* Write-Host-like: position 0 takes the remaining arguments; a simple function collects
 * extras into $args. */
static const hv_param_def wh_params[] = {
    {.name = "Object", .type = HV_PT_ANY, .position = 0, .flags = HV_PF_BY_VALUE | HV_PF_REMAINING},
    {.name = "NoNewline", .type = HV_PT_SWITCH, .position = HV_POS_NAMED},
    {.name = NULL},
};
static const hv_cmdlet_def wh_def = {.name = "Write-Host", .params = wh_params};
static const hv_param_def fn_params[] = {
    {.name = "a", .type = HV_PT_ANY, .position = 0},
    {.name = NULL},
};
static const hv_cmdlet_def fn_def = {.name = "f", .params = fn_params, .flags = HV_CF_FUNCTION};

static void
test_remaining(void)
{
    hv_binding b;
    hv_bind_fail f;
    hv_arg a[] = {val(hv_str("x")), named("NoNewline"), val(hv_str("y")), val(hv_int(3))};
    bool ok = bind(&wh_def, &b, a, 4, false, &f);
    check(ok && b.vals[0].kind == HV_ARRAY && hv_array_len(&b.vals[0]) == 3 && b.vals[1].u.b,
          "remaining: positional arguments collected around a switch");
    hv_bind_free(&b);
    free_args(a, 4);

    hv_arg a2[] = {val(hv_str("one")), val(hv_str("two")), named("Other"), val(hv_int(1))};
    ok = bind(&fn_def, &b, a2, 4, false, &f);
    check(ok && b.extras.kind == HV_ARRAY && hv_array_len(&b.extras) == 3 && b.ncommon == 0,
          "simple function: extras go to $args, no common parameters");
    hv_bind_free(&b);
    free_args(a2, 4);

    /* fast path: the one untyped ValueFromPipeline parameter */
    ok = bind(&wh_def, &b, NULL, 0, true, &f);
    hv_value o1 = hv_str("obj");
    bool p1 = hv_bind_pipeline(&b, &o1, &f);
    check(ok && p1 && b.fast_pi == 0 && b.how[0] == HV_BOUND_PIPE && b.vals[0].kind == HV_STRING,
          "pipeline: fast path binds the untyped ValueFromPipeline parameter");
    hv_unref(o1);
    hv_bind_free(&b);
}

int
main(void)
{
    test_named();
    test_sets();
    test_conversion();
    test_remaining();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
