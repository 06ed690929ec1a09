/* pipeline_errors.c — ErrorRecord shape and the ConciseView text, without a runtime. */
#include "pipeline/errors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static void
check_str(const char *got, const char *want, const char *what)
{
    if (strcmp(got, want) == 0) {
        passed++;
        printf("ok - %s\n", what);
    } else {
        failed++;
        printf("not ok - %s\n#   got:  [%s]\n#   want: [%s]\n", what, got, want);
    }
}

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

static const char *
concise(const hv_value *rec, hv_value *keep)
{
    hv_unref(*keep);
    *keep = hv_err_concise(NULL, rec, false);
    return hv_str_cstr(keep);
}

static void
test_shape(void)
{
    HV_AUTO hv_value target = hv_str("web01");
    HV_AUTO hv_value rec =
        hv_err_make("Microsoft.HyperV.PowerShell.VirtualizationException",
                    "Hyper-V was unable to find a virtual machine with name "
                    "\"web01\".",
                    HV_CAT_ObjectNotFound, "VMNotFound,Get-VM", &target, "Get-VM", NULL);
    check(hv_err_is_record(&rec), "record: is an ErrorRecord");
    check_str(hv_err_message(&rec),
              "Hyper-V was unable to find a virtual machine with name \"web01\".",
              "record: message");
    check_str(hv_err_exception_type(&rec), "Microsoft.HyperV.PowerShell.VirtualizationException",
              "record: exception type");
    check_str(hv_err_fqid(&rec), "VMNotFound,Get-VM", "record: FullyQualifiedErrorId");
    HV_AUTO hv_value ci = hv_conv_to_string(hv_obj_get(&rec, "CategoryInfo"), NULL);
    check_str(hv_str_cstr(&ci), "ObjectNotFound: (web01:String) [Get-VM], VirtualizationException",
              "record: CategoryInfo text");
    HV_AUTO hv_value s = hv_conv_to_string(&rec, NULL);
    check_str(hv_str_cstr(&s), hv_err_message(&rec), "record: ToString is the message");
    HV_AUTO hv_value keep = hv_null();
    check_str(concise(&rec, &keep),
              "Get-VM: Hyper-V was unable to find a virtual machine with name \"web01\".\n",
              "concise: command error without a script position");
    HV_AUTO hv_value rte = hv_err_make(NULL, "x", HV_CAT_NotSpecified, "x", NULL, NULL, NULL);
    check(hv_err_is_a(&rte, "RuntimeException") && hv_err_is_a(&rte, "System.Exception"),
          "record: RuntimeException derives from System.Exception");
}

static void
test_positions(void)
{
    const char *line = "    Get-Item -Path /nope";
    hv_pos pos = {.script = "/tmp/t.ps1",
                  .line = 12,
                  .col = 5,
                  .end_line = 12,
                  .end_col = 25,
                  .line_text = line,
                  .line_len = strlen(line),
                  .command = "Get-Item"};
    HV_AUTO hv_value rec =
        hv_err_make("System.Management.Automation.ItemNotFoundException",
                    "Cannot find path '/nope' because it does not exist.", HV_CAT_ObjectNotFound,
                    "PathNotFound", NULL, "Get-Item", &pos);
    HV_AUTO hv_value keep = hv_null();
    check_str(concise(&rec, &keep),
              "Get-Item: /tmp/t.ps1:12\n"
              "Line |\n"
              "  12 |      Get-Item -Path /nope\n"
              "     |      ~~~~~~~~~~~~~~~~~~~~\n"
              "     | Cannot find path '/nope' because it does not exist.\n",
              "concise: script position with the underline");
    HV_AUTO hv_value pm =
        hv_conv_to_string(hv_obj_get(hv_obj_get(&rec, "InvocationInfo"), "PositionMessage"), NULL);
    check_str(hv_str_cstr(&pm),
              "At /tmp/t.ps1:12 char:5\n+     Get-Item -Path /nope\n+     ~~~~~~~~~~~~~~~~~~~~",
              "record: PositionMessage");

    const char *tl = "throw \"boom\"";
    hv_pos tp = {.script = "/tmp/t.ps1",
                 .line = 1,
                 .col = 1,
                 .end_line = 1,
                 .end_col = 13,
                 .line_text = tl,
                 .line_len = strlen(tl)};
    HV_AUTO hv_value thrown = hv_str("boom");
    HV_AUTO hv_value t = hv_err_from_thrown(NULL, hv_ref(&thrown), &tp);
    check_str(concise(&t, &keep),
              "Exception: /tmp/t.ps1:1\nLine |\n   1 |  throw \"boom\"\n     |  ~~~~~~~~~~~~\n"
              "     | boom\n",
              "concise: thrown string shows 'Exception'");
    check_str(hv_err_fqid(&t), "boom", "thrown: the message is the error id");

    hv_pos np = {
        .line = 1, .col = 1, .end_line = 1, .end_col = 9, .line_text = "$x.Foo()", .line_len = 8};
    HV_AUTO hv_value n =
        hv_err_make(NULL, "You cannot call a method on a null-valued expression.",
                    HV_CAT_InvalidOperation, "InvokeMethodOnNull", NULL, NULL, &np);
    check_str(concise(&n, &keep),
              "InvalidOperation: You cannot call a method on a null-valued expression.\n",
              "concise: language error on line 1 of -Command shows the category");
    HV_AUTO hv_value d = hv_err_make(NULL, "Attempted to divide by zero.", HV_CAT_NotSpecified,
                                     "RuntimeException", NULL, NULL, &np);
    check_str(concise(&d, &keep), "RuntimeException: Attempted to divide by zero.\n",
              "concise: NotSpecified shows the exception's short name");
}

static void
test_wrap(void)
{
    setenv("COLUMNS", "60", 1);
    hv_pos pos = {.script = "/s.ps1",
                  .line = 2,
                  .col = 1,
                  .end_line = 2,
                  .end_col = 4,
                  .line_text = "foo",
                  .line_len = 3};
    HV_AUTO hv_value rec = hv_err_make(NULL,
                                       "alpha beta gamma delta epsilon zeta eta theta iota "
                                       "kappa lambda mu nu xi omicron",
                                       HV_CAT_InvalidData, "X", NULL, "foo", &pos);
    HV_AUTO hv_value keep = hv_null();
    check_str(concise(&rec, &keep),
              "foo: /s.ps1:2\nLine |\n   2 |  foo\n     |  ~~~\n"
              "     | alpha beta gamma delta epsilon zeta eta theta iota\n"
              "     | kappa lambda mu nu xi omicron\n",
              "concise: long messages wrap at the window width, at word boundaries");
    unsetenv("COLUMNS");
}

int
main(void)
{
    test_shape();
    test_positions();
    test_wrap();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
