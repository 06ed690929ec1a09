/* eval_scope.c — the evaluator's internal API as B and the shell use it: scopes and
 * variables (dynamic lookup, qualifiers, read-only), functions/aliases per scope,
 * preferences, script block invocation, source runs with captured output. */
#include "cmdlets/cmdlets.h"
#include "pipeline/internal.h"
#include "pipeline/runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond, name)                                                                     \
    do {                                                                                      \
        if (cond) {                                                                           \
            passed++;                                                                         \
            printf("ok - %s\n", name);                                                        \
        } else {                                                                              \
            failed++;                                                                         \
            printf("not ok - %s\n", name);                                                    \
        }                                                                                     \
    } while (0)

/* Runs src with stdout captured; returns the malloc'd output. */
static char *
run_capture(hv_ctx *ctx, const char *src, int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    FILE *saved = ctx->out;
    ctx->out = mem;
    bool exited;
    *rc = hv_run_source(ctx, src, strlen(src), "", &exited);
    fflush(mem);
    ctx->out = saved;
    fclose(mem);
    return buf;
}

static void
check_output(hv_ctx *ctx, const char *src, const char *want, const char *name)
{
    int rc;
    char *got = run_capture(ctx, src, &rc);
    bool ok = got && strcmp(got, want) == 0;
    CHECK(ok, name);
    if (!ok)
        printf("#   got [%s] want [%s]\n", got ? got : "(null)", want);
    free(got);
}

static void
test_scopes(hv_ctx *ctx)
{
    hv_status st = hv_scope_assign(ctx, NULL, "Outer", hv_int(1));
    CHECK(st == HV_OK, "assign in global");
    hv_scope_push(ctx, 0);
    hv_var *v = hv_scope_lookup(ctx, "outer");
    CHECK(v && v->value.kind == HV_INT && v->value.u.i == 1, "dynamic lookup is case-insensitive");
    CHECK(hv_scope_find_in(hv_scope_current(ctx), "Outer") == NULL, "not defined in child");
    st = hv_scope_assign(ctx, NULL, "Outer", hv_int(2));
    CHECK(st == HV_OK && hv_scope_find_in(hv_scope_current(ctx), "Outer") != NULL,
          "assignment creates a local");
    CHECK(hv_scope_at(ctx, "1") == ctx->global && hv_scope_at(ctx, "0") == hv_scope_current(ctx),
          "numeric scope levels");
    st = hv_scope_define(ctx, NULL, "Ro", hv_int(5), HV_VAR_READONLY, false);
    CHECK(st == HV_OK, "define read-only");
    st = hv_scope_assign(ctx, NULL, "Ro", hv_int(6));
    CHECK(st == HV_ERR, "read-only rejects assignment");
    hv_unref(hv_eval_take_error(ctx));
    st = hv_scope_define(ctx, NULL, "Priv", hv_int(7), HV_VAR_PRIVATE, false);
    hv_scope_push(ctx, 0);
    CHECK(hv_scope_lookup(ctx, "Priv") == NULL, "private not visible from child");
    hv_scope_pop(ctx);
    hv_scope_pop(ctx);
    v = hv_scope_lookup(ctx, "Outer");
    CHECK(v && v->value.u.i == 1, "parent value untouched after pop");
    CHECK(hv_scope_remove(ctx, NULL, "Outer", false) && !hv_scope_lookup(ctx, "Outer"),
          "remove variable");
}

static void
test_aliases_and_prefs(hv_ctx *ctx)
{
    uint64_t e = ctx->cmd_epoch;
    hv_scope_alias_set(ctx, NULL, "zz", "Get-Date", NULL);
    const char *t = hv_scope_alias_lookup(ctx, "ZZ");
    CHECK(t && strcmp(t, "Get-Date") == 0 && ctx->cmd_epoch != e, "alias set/lookup bumps epoch");
    CHECK(hv_scope_alias_remove(ctx, "zz") && !hv_scope_alias_lookup(ctx, "zz"), "alias remove");
    CHECK(hv_pref_get(ctx, HV_PREF_ERROR) == HV_ACT_CONTINUE, "ErrorActionPreference default");
    CHECK(hv_pref_get(ctx, HV_PREF_VERBOSE) == HV_ACT_SILENTLY_CONTINUE, "VerbosePreference default");
    hv_status st = hv_scope_assign(ctx, NULL, "ErrorActionPreference", hv_str("Stop"));
    CHECK(st == HV_OK && hv_pref_get(ctx, HV_PREF_ERROR) == HV_ACT_STOP, "preference from a string");
    st = hv_scope_assign(ctx, NULL, "ErrorActionPreference", hv_str("Continue"));
    (void)st;
}

static void
test_blocks(hv_ctx *ctx)
{
    hv_value blk;
    hv_status st = hv_eval_block_parse(ctx, "param($a) $a * 2; $_", 20, &blk);
    CHECK(st == HV_OK && hv_eval_is_block(&blk), "parse a script block");
    hv_collector c;
    hv_collect_init(&c);
    hv_value arg = hv_int(21), under = hv_str("u");
    st = hv_eval_invoke_block(ctx, &blk, &under, &arg, 1, false, &c.sink);
    hv_value r = hv_collect_array(&c);
    CHECK(st == HV_OK && hv_array_len(&r) == 2 && hv_array_at(&r, 0)->u.i == 42 &&
              hv_array_at(&r, 1)->kind == HV_STRING,
          "invoke with args and $_");
    hv_unref(r);
    hv_collect_free(&c);
    hv_unref(under);
    hv_unref(blk);
    hv_value bad;
    st = hv_eval_block_parse(ctx, "if (", 4, &bad);
    CHECK(st == HV_ERR, "syntax error gives an error record");
    hv_unref(hv_eval_take_error(ctx));
}

static void
test_runs(hv_ctx *ctx)
{
    check_output(ctx, "1 + 1", "2\n", "expression output");
    check_output(ctx, "$x = 5; \"x=$x\"", "x=5\n", "variables persist in global");
    check_output(ctx, "$x", "5\n", "between runs");
    check_output(ctx, "function f($n) { $n * 3 }; f 4", "12\n", "functions");
    check_output(ctx, "f 5", "15\n", "functions persist");
    int rc;
    char *out = run_capture(ctx, "exit 4", &rc);
    CHECK(rc == 4, "exit code");
    free(out);
    out = run_capture(ctx, "'a'; throw 'x'", &rc);
    CHECK(rc == 1 && out && strcmp(out, "a\n") == 0, "uncaught throw: rc 1, output kept");
    free(out);
}

int
main(void)
{
    hv_runtime_opts o = {.modules = hv_builtin_modules(), .non_interactive = true};
    hv_ctx *ctx = hv_runtime_new(&o);
    FILE *devnull = fopen("/dev/null", "w");
    ctx->errout = devnull;
    test_scopes(ctx);
    test_aliases_and_prefs(ctx);
    test_blocks(ctx);
    test_runs(ctx);
    hv_runtime_free(ctx);
    fclose(devnull);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
