/* selftest.c — hvsh -SelfTest: validates every cmdlet table (the vshCmddefCheckInternals
 * idea): approved Verb-Noun names, help text, examples, unique names and aliases (not
 * clashing with the common parameters), unique positions per set, ValueFromRemaining only
 * last, switches never mandatory or positional, ValidateSet only on strings/enums, set bits
 * and default sets that exist. One "ok"/"not ok" line per cmdlet, then the summary. */
#include "binder.h"
#include "commands.h"
#include "runtime.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const approved_verbs[] = {
    "Add",
    "Approve",
    "Assert",
    "Backup",
    "Block",
    "Build",
    "Checkpoint",
    "Clear",
    "Close",
    "Compare",
    "Complete",
    "Compress",
    "Confirm",
    "Connect",
    "Convert",
    "ConvertFrom",
    "ConvertTo",
    "Copy",
    "Debug",
    "Deny",
    "Deploy",
    "Disable",
    "Disconnect",
    "Dismount",
    "Edit",
    "Enable",
    "Enter",
    "Exit",
    "Expand",
    "Export",
    "Find",
    "Format",
    "Get",
    "Grant",
    "Group",
    "Hide",
    "Import",
    "Initialize",
    "Install",
    "Invoke",
    "Join",
    "Limit",
    "Lock",
    "Measure",
    "Merge",
    "Mount",
    "Move",
    "New",
    "Open",
    "Optimize",
    "Out",
    "Ping",
    "Pop",
    "Protect",
    "Publish",
    "Push",
    "Read",
    "Receive",
    "Redo",
    "Register",
    "Remove",
    "Rename",
    "Repair",
    "Request",
    "Reset",
    "Resize",
    "Resolve",
    "Restart",
    "Restore",
    "Resume",
    "Revoke",
    "Save",
    "Search",
    "Select",
    "Send",
    "Set",
    "Show",
    "Skip",
    "Split",
    "Start",
    "Step",
    "Stop",
    "Submit",
    "Suspend",
    "Switch",
    "Sync",
    "Test",
    "Trace",
    "Unblock",
    "Undo",
    "Uninstall",
    "Unlock",
    "Unprotect",
    "Unpublish",
    "Unregister",
    "Update",
    "Use",
    "Wait",
    "Watch",
    "Write",
    /* not approved, but pwsh's own cmdlets use them */
    "ForEach",
    "Where",
    "Sort",
    "Tee",
    NULL,
};

typedef struct {
    const hv_cmdlet_def *def;
    int problems;
} check_ctx;

static void problem(check_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
problem(check_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("#   %s: ", c->def->name);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    c->problems++;
}

static void
check_name(check_ctx *c)
{
    const hv_cmdlet_def *d = c->def;
    if (d->flags & HV_CF_NO_COMMON)
        return; /* raw-argument built-ins (netsh) keep their native names */
    const char *dash = strchr(d->name, '-');
    if (!dash || dash == d->name || !dash[1] || strchr(dash + 1, '-')) {
        problem(c, "name is not Verb-Noun");
        return;
    }
    for (const char *const *v = approved_verbs; *v; v++)
        if (strlen(*v) == (size_t)(dash - d->name) && strncmp(*v, d->name, strlen(*v)) == 0)
            return;
    problem(c, "verb '%.*s' is not an approved verb", (int)(dash - d->name), d->name);
}

static bool
clashes(const hv_param_def *p, const char *name)
{
    if (hv_str_eq_ci(p->name, name))
        return true;
    for (const char *const *a = p->aliases; a && *a; a++)
        if (hv_str_eq_ci(*a, name))
            return true;
    return false;
}

/* Every name and alias of parameter i against those of the parameters after it and
 * against the common parameters. */
static void
check_names_unique(check_ctx *c, int i, int n)
{
    const hv_param_def *ps = c->def->params, *p = &ps[i];
    const char *names[16];
    int nn = 0;
    names[nn++] = p->name;
    for (const char *const *a = p->aliases; a && *a && nn < 16; a++)
        names[nn++] = *a;
    for (int k = 0; k < nn; k++) {
        for (int j = i + 1; j < n; j++)
            if (clashes(&ps[j], names[k]))
                problem(c, "parameter name/alias '%s' used twice", names[k]);
        if (c->def->flags & HV_CF_NO_COMMON)
            continue;
        for (const hv_param_def *cp = hv_common_params(); cp->name; cp++)
            if (clashes(cp, names[k]))
                problem(c, "parameter '%s' clashes with common parameter -%s", names[k], cp->name);
        if (c->def->flags & HV_CF_SHOULD_PROCESS)
            for (const hv_param_def *cp = hv_should_process_params(); cp->name; cp++)
                if (clashes(cp, names[k]))
                    problem(c, "parameter '%s' clashes with -%s", names[k], cp->name);
    }
}

static void
check_param(check_ctx *c, int i, int nsets)
{
    const hv_param_def *p = &c->def->params[i];
    unsigned all = nsets >= 32 ? ~0u : (1u << nsets) - 1;
    if (!p->help || !*p->help)
        problem(c, "parameter '%s' has no help", p->name);
    /* a mandatory switch is how pwsh marks a set selector (Where-Object -Match,
     * Set-StrictMode -Off): allowed only when it does not belong to every set */
    if (p->type == HV_PT_SWITCH && (p->flags & HV_PF_MANDATORY) &&
        (p->sets == HV_ALL_SETS || (p->sets & all) == all))
        problem(c, "switch '%s' is mandatory in every parameter set", p->name);
    if (p->type == HV_PT_SWITCH && p->position >= 0)
        problem(c, "switch '%s' is positional", p->name);
    if (p->accepted && p->type != HV_PT_STRING && p->type != HV_PT_ENUM)
        problem(c, "ValidateSet on '%s' which is not a string or enum", p->name);
    if (p->sets & ~all)
        problem(c, "parameter '%s' refers to an undeclared parameter set", p->name);
    if (p->mandatory_sets & ~all)
        problem(c, "parameter '%s' is mandatory in an undeclared parameter set", p->name);
    if (p->mandatory_sets && p->sets && (p->mandatory_sets & ~p->sets))
        problem(c, "parameter '%s' is mandatory in a set it does not belong to", p->name);
    if (p->type >= HV_PT__COUNT)
        problem(c, "parameter '%s' has an unknown type", p->name);
}

static void
check_positions(check_ctx *c, int n, int nsets)
{
    const hv_param_def *ps = c->def->params;
    for (int s = 0; s < nsets; s++) {
        int maxpos = -1;
        for (int i = 0; i < n; i++) {
            if (!hv_bind_in_set(&ps[i], s) || ps[i].position < 0)
                continue;
            if (ps[i].position > maxpos)
                maxpos = ps[i].position;
            for (int j = i + 1; j < n; j++)
                if (hv_bind_in_set(&ps[j], s) && ps[j].position == ps[i].position)
                    problem(c, "parameters '%s' and '%s' share position %d in set %d", ps[i].name,
                            ps[j].name, ps[i].position, s);
        }
        for (int i = 0; i < n; i++)
            if ((ps[i].flags & HV_PF_REMAINING) && hv_bind_in_set(&ps[i], s) &&
                ps[i].position >= 0 && ps[i].position < maxpos)
                problem(c, "ValueFromRemainingArguments '%s' is not the last position", ps[i].name);
    }
}

static bool
non_trivial(const hv_cmdlet_def *d)
{
    return d->params && d->params[0].name;
}

static int
check_def(const hv_cmdlet_def *d)
{
    check_ctx c = {.def = d};
    int n = hv_bind_nparams(d);
    int nsets = hv_bind_nsets(d);
    check_name(&c);
    if (!d->synopsis || !*d->synopsis)
        problem(&c, "no synopsis");
    if (non_trivial(d) && (!d->examples || !d->examples[0].code))
        problem(&c, "no example");
    if (d->default_set < 0 || d->default_set >= nsets)
        problem(&c, "default_set %d is not a declared set", d->default_set);
    if (nsets > 32)
        problem(&c, "more than 32 parameter sets");
    for (int i = 0; i < n; i++) {
        check_param(&c, i, nsets);
        check_names_unique(&c, i, n);
    }
    check_positions(&c, n, nsets);
    return c.problems;
}

/* Cmdlet names and aliases unique across every module. */
static int
check_global(hv_module **mods, size_t nm)
{
    int problems = 0;
    for (size_t a = 0; a < nm; a++)
        for (const hv_cmdlet_def *d = mods[a]->def.cmdlets; d && d->name; d++)
            for (size_t b = a; b < nm; b++)
                for (const hv_cmdlet_def *e = b == a ? d + 1 : mods[b]->def.cmdlets; e && e->name;
                     e++) {
                    if (hv_str_eq_ci(d->name, e->name)) {
                        printf("#   %s: defined twice (%s, %s)\n", d->name, mods[a]->def.name,
                               mods[b]->def.name);
                        problems++;
                    }
                    for (const char *const *x = d->aliases; x && *x; x++)
                        for (const char *const *y = e->aliases; y && *y; y++)
                            if (hv_str_eq_ci(*x, *y)) {
                                printf("#   alias %s: used by %s and %s\n", *x, d->name, e->name);
                                problems++;
                            }
                }
    return problems;
}

int
hv_runtime_self_test(hv_ctx *ctx)
{
    hv_module **mods;
    size_t nm = hv_cmds_modules(ctx, &mods);
    int pass = 0, fail = 0;
    for (size_t m = 0; m < nm; m++) {
        if (!mods[m]->builtin)
            continue;
        for (const hv_cmdlet_def *d = mods[m]->def.cmdlets; d && d->name; d++) {
            if (check_def(d)) {
                printf("not ok - %s (%s)\n", d->name, mods[m]->def.name);
                fail++;
            } else {
                printf("ok - %s\n", d->name);
                pass++;
            }
        }
    }
    int g = check_global(mods, nm);
    if (g) {
        printf("not ok - names unique across modules\n");
        fail++;
    } else {
        printf("ok - names unique across modules\n");
        pass++;
    }
    printf("selftest: %d passed, %d failed\n", pass, fail);
    return fail;
}
