/* commands.c — the command table. Built-in cmdlets are const data; the table only indexes
 * them (one open-addressing hash by case-insensitive name), so start-up scans nothing.
 * Resolution order is pwsh's: alias -> function -> cmdlet -> application on PATH. */
#include "commands.h"

#include "intrinsics.h"
#include "pipe.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    const char *name;
    const void *item;   /* hv_cmdlet_def* (cmdlets), const char* target (aliases) */
    const char *module; /* cmdlets: module name */
} centry;

typedef struct {
    centry *slots;
    size_t cap, count;
} ctable;

typedef struct {
    char *name, *path;
} app_entry;

struct hv_cmdtab {
    ctable cmdlets, aliases;
    hv_module **mods;
    size_t nmods;
    app_entry *apps;
    size_t napps, capps;
    char *path_seen;     /* $env:PATH when the cache was filled */
    app_entry *all_apps; /* every executable on PATH (hv_commands_list with_apps), lazily */
    size_t nall_apps;
};

/* pwsh's standard aliases (Linux: those that would shadow native tools are absent, as in
 * pwsh: ls, cp, mv, rm, cat, sort, ps, kill, sleep, tee, diff, write, start, man, mount). */
static const char *const std_aliases[][2] = {
    {"%", "ForEach-Object"},
    {"?", "Where-Object"},
    {"foreach", "ForEach-Object"},
    {"where", "Where-Object"},
    {"select", "Select-Object"},
    {"group", "Group-Object"},
    {"measure", "Measure-Object"},
    {"ft", "Format-Table"},
    {"fl", "Format-List"},
    {"fw", "Format-Wide"},
    {"fc", "Format-Custom"},
    {"gm", "Get-Member"},
    {"gcm", "Get-Command"},
    {"gci", "Get-ChildItem"},
    {"dir", "Get-ChildItem"},
    {"gc", "Get-Content"},
    {"type", "Get-Content"},
    {"cd", "Set-Location"},
    {"chdir", "Set-Location"},
    {"sl", "Set-Location"},
    {"pwd", "Get-Location"},
    {"gl", "Get-Location"},
    {"echo", "Write-Output"},
    {"cls", "Clear-Host"},
    {"copy", "Copy-Item"},
    {"cpi", "Copy-Item"},
    {"move", "Move-Item"},
    {"mi", "Move-Item"},
    {"del", "Remove-Item"},
    {"erase", "Remove-Item"},
    {"ri", "Remove-Item"},
    {"rd", "Remove-Item"},
    {"rni", "Rename-Item"},
    {"ren", "Rename-Item"},
    {"ni", "New-Item"},
    {"iex", "Invoke-Expression"},
    {"icm", "Invoke-Command"},
    {"gv", "Get-Variable"},
    {"sv", "Set-Variable"},
    {"set", "Set-Variable"},
    {"nv", "New-Variable"},
    {"rv", "Remove-Variable"},
    {"clv", "Clear-Variable"},
    {"gal", "Get-Alias"},
    {"sal", "Set-Alias"},
    {"nal", "New-Alias"},
    {"ipmo", "Import-Module"},
    {"gmo", "Get-Module"},
    {"rmo", "Remove-Module"},
    {"oh", "Out-Host"},
    {"h", "Get-History"},
    {"history", "Get-History"},
    {"ghy", "Get-History"},
    {"r", "Invoke-History"},
    {"ihy", "Invoke-History"},
    {"clhy", "Clear-History"},
    {"gps", "Get-Process"},
    {"saps", "Start-Process"},
    {"spps", "Stop-Process"},
    {"gdr", "Get-PSDrive"},
    {"gi", "Get-Item"},
    {"gp", "Get-ItemProperty"},
    {"gpv", "Get-ItemPropertyValue"},
    {"sp", "Set-ItemProperty"},
    {"rvpa", "Resolve-Path"},
    {"cvpa", "Convert-Path"},
    {"ii", "Invoke-Item"},
    {"ipcsv", "Import-Csv"},
    {"epcsv", "Export-Csv"},
    {"irm", "Invoke-RestMethod"},
    {"iwr", "Invoke-WebRequest"},
    {"cli", "Clear-Item"},
    {"clc", "Clear-Content"},
    {"pushd", "Push-Location"},
    {"popd", "Pop-Location"},
    {"sls", "Select-String"},
    {"fhx", "Format-Hex"},
    {"gerr", "Get-Error"},
    {"epal", "Export-Alias"},
    {"ipal", "Import-Alias"},
    {"gin", "Get-ComputerInfo"},
    {"gtz", "Get-TimeZone"},
    {"stz", "Set-TimeZone"},
    {"ogv", "Out-GridView"},
    {"sasv", "Start-Service"},
    {"gsv", "Get-Service"},
    {"spsv", "Stop-Service"},
    {"gjb", "Get-Job"},
    {"rcjb", "Receive-Job"},
    {"sajb", "Start-Job"},
    {"rjb", "Remove-Job"},
    {"wjb", "Wait-Job"},
    {"scb", "Set-Clipboard"},
    {"gcb", "Get-Clipboard"},
    {"gcs", "Get-PSCallStack"},
    {"ise", NULL},
};

/* ---- hash tables ---- */

static void ctable_put(ctable *t, const char *name, const void *item, const char *module);

static void
ctable_grow(ctable *t)
{
    ctable old = *t;
    t->cap = old.cap ? old.cap * 2 : 256;
    t->slots = hv_xcalloc(t->cap, sizeof *t->slots);
    t->count = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].name)
            ctable_put(t, old.slots[i].name, old.slots[i].item, old.slots[i].module);
    free(old.slots);
}

static centry *
ctable_find(const ctable *t, const char *name)
{
    if (!t->cap)
        return NULL;
    size_t mask = t->cap - 1;
    for (size_t i = hv_hash_ci(name, strlen(name)) & mask;; i = (i + 1) & mask) {
        centry *e = &t->slots[i];
        if (!e->name)
            return NULL;
        if (hv_str_eq_ci(e->name, name))
            return e;
    }
}

/* First definition wins (a later module cannot shadow an earlier cmdlet silently). */
static void
ctable_put(ctable *t, const char *name, const void *item, const char *module)
{
    if ((t->count + 1) * 2 > t->cap)
        ctable_grow(t);
    size_t mask = t->cap - 1;
    for (size_t i = hv_hash_ci(name, strlen(name)) & mask;; i = (i + 1) & mask) {
        centry *e = &t->slots[i];
        if (e->name && hv_str_eq_ci(e->name, name))
            return;
        if (!e->name) {
            *e = (centry){.name = name, .item = item, .module = module};
            t->count++;
            return;
        }
    }
}

/* ---- set-up ---- */

static hv_module *
module_for(struct hv_cmdtab *t, const hv_module_def *d)
{
    for (size_t i = 0; i < t->nmods; i++)
        if (hv_str_eq_ci(t->mods[i]->def.name, d->name))
            return t->mods[i];
    hv_module *m = hv_xcalloc(1, sizeof *m);
    m->def.name = d->name;
    m->def.version = d->version;
    m->builtin = true;
    t->mods = hv_xrealloc(t->mods, (t->nmods + 1) * sizeof *t->mods);
    t->mods[t->nmods++] = m;
    return m;
}

/* Append one cmdlet to m's merged copy (the copy is for listing; the table indexes the
 * original const defs so handlers see their own table's addresses). */
static void
append_cmdlet(hv_module *m, const hv_cmdlet_def *c)
{
    if (m->ncmdlets + 1 >= m->capcmdlets) {
        m->capcmdlets = m->capcmdlets ? m->capcmdlets * 2 : 32;
        m->def.cmdlets =
            hv_xrealloc((void *)m->def.cmdlets, m->capcmdlets * sizeof *m->def.cmdlets);
    }
    hv_cmdlet_def *all = (hv_cmdlet_def *)m->def.cmdlets;
    all[m->ncmdlets++] = *c;
    all[m->ncmdlets] = (hv_cmdlet_def){.name = NULL};
}

/* Cmdlets pwsh ships in Microsoft.PowerShell.Core whatever file defines them here. */
static bool
core_cmdlet(const char *name)
{
    static const char *const names[] = {"ForEach-Object",
                                        "Where-Object",
                                        "Get-Help",
                                        "Out-Default",
                                        "Out-Host",
                                        "Out-Null",
                                        "Get-History",
                                        "Add-History",
                                        "Clear-History",
                                        "Invoke-History",
                                        "Get-Job",
                                        "Start-Job",
                                        "Receive-Job",
                                        "Wait-Job",
                                        "Remove-Job",
                                        "Stop-Job",
                                        NULL};
    for (const char *const *n = names; *n; n++)
        if (hv_str_eq_ci(*n, name))
            return true;
    return false;
}

/* Aliases pwsh 7 does not define on Linux (InitialSessionState: the "#if !UNIX" block — names
 * of native tools, or of Windows-only cmdlets), plus "sc", which pwsh 6+ dropped everywhere. */
static bool
unix_excluded_alias(const char *a)
{
    static const char *const names[] = {
        "ac",  "cat",   "clear", "compare", "cp",    "cpp",   "diff", "kill", "lp",
        "ls",  "man",   "mount", "mv",      "ps",    "rm",    "rmdir", "sleep", "sort",
        "start", "tee", "write", "sc",      "gsv",   "sasv",  "spsv", "gin",  "stz",
        "ogv", "cnsn",  "dnsn",  NULL};
    for (const char *const *n = names; *n; n++)
        if (hv_str_eq_ci(*n, a))
            return true;
    return false;
}

static const hv_module_def core_module_def = {.name = "Microsoft.PowerShell.Core",
                                              .version = "7.4.0"};

static void
index_module(struct hv_cmdtab *t, const hv_module_def *d)
{
    hv_module *home = module_for(t, d);
    for (const hv_cmdlet_def *c = d->cmdlets; c && c->name; c++) {
        hv_module *m = core_cmdlet(c->name) ? module_for(t, &core_module_def) : home;
        append_cmdlet(m, c);
        ctable_put(&t->cmdlets, c->name, c, m->def.name);
        for (const char *const *a = c->aliases; a && *a; a++)
            if (!unix_excluded_alias(*a))
                ctable_put(&t->aliases, *a, c->name, NULL);
    }
    for (const hv_enum_def *const *e = d->enums; e && *e; e++)
        hv_type_register_enum(*e);
}

void
hv_cmds_init(hv_ctx *ctx, const hv_module_def *const *modules)
{
    struct hv_cmdtab *t = hv_xcalloc(1, sizeof *t);
    ctx->cmds = t;
    for (const hv_module_def *const *m = modules; m && *m; m++)
        index_module(t, *m);
    for (const hv_module_def *const *m = hv_intrinsic_modules(); *m; m++)
        index_module(t, *m);
    for (size_t i = 0; i < sizeof std_aliases / sizeof std_aliases[0]; i++)
        if (std_aliases[i][1] && ctable_find(&t->cmdlets, std_aliases[i][1]) &&
            !unix_excluded_alias(std_aliases[i][0]))
            ctable_put(&t->aliases, std_aliases[i][0], std_aliases[i][1], NULL);
}

static void
free_module(hv_module *m)
{
    if (m->builtin) {
        free((void *)m->def.cmdlets);
    } else {
        free((char *)m->def.name);
        free((char *)m->def.version);
    }
    free(m->path);
    free(m->description);
    for (size_t i = 0; i < m->nfunctions; i++)
        free(m->functions[i]);
    free(m->functions);
    for (size_t i = 0; i < m->naliases; i++)
        free(m->aliases[i]);
    free(m->aliases);
    for (size_t i = 0; i < m->nprivates; i++)
        free(m->privates[i]);
    free(m->privates);
    free(m);
}

static void
apps_clear(struct hv_cmdtab *t)
{
    for (size_t i = 0; i < t->napps; i++) {
        free(t->apps[i].name);
        free(t->apps[i].path);
    }
    t->napps = 0;
    for (size_t i = 0; i < t->nall_apps; i++)
        free(t->all_apps[i].path); /* name points into path */
    free(t->all_apps);
    t->all_apps = NULL;
    t->nall_apps = 0;
}

void
hv_cmds_free(hv_ctx *ctx)
{
    struct hv_cmdtab *t = ctx->cmds;
    hv_intrinsics_free(ctx);
    if (!t)
        return;
    free(t->cmdlets.slots);
    free(t->aliases.slots);
    for (size_t i = 0; i < t->nmods; i++)
        free_module(t->mods[i]);
    free(t->mods);
    apps_clear(t);
    free(t->apps);
    free(t->path_seen);
    free(t);
    ctx->cmds = NULL;
}

/* ---- applications on PATH ---- */

static bool
is_executable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

static char *
search_path(const char *name)
{
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        char *full = hv_xasprintf("%.*s/%s", (int)n, n ? path : ".", name);
        if (is_executable(full))
            return full;
        free(full);
        path += n + (colon ? 1 : 0);
    }
    return NULL;
}

/* PATH changed since the caches were filled: forget every lookup (per-node command caches
 * re-resolve through cmd_epoch). */
static void
path_check(hv_ctx *ctx)
{
    struct hv_cmdtab *t = ctx->cmds;
    const char *path = getenv("PATH");
    if (!t->path_seen || strcmp(t->path_seen, path ? path : "") != 0) {
        apps_clear(t);
        free(t->path_seen);
        t->path_seen = hv_xstrdup(path ? path : "");
        ctx->cmd_epoch++;
    }
}

const char *
hv_cmds_find_app(hv_ctx *ctx, const char *name)
{
    struct hv_cmdtab *t = ctx->cmds;
    if (strchr(name, '/'))
        return is_executable(name) ? name : NULL;
    path_check(ctx);
    for (size_t i = 0; i < t->napps; i++)
        if (strcmp(t->apps[i].name, name) == 0) /* file names are case-sensitive here */
            return t->apps[i].path;
    char *found = search_path(name);
    if (!found) /* not cached: a program installed later is found without a PATH change */
        return NULL;
    if (t->napps == t->capps) {
        t->capps = t->capps ? t->capps * 2 : 32;
        t->apps = hv_xrealloc(t->apps, t->capps * sizeof *t->apps);
    }
    t->apps[t->napps] = (app_entry){.name = hv_xstrdup(name), .path = found};
    return t->apps[t->napps++].path;
}

/* ---- resolution ---- */

const char *
hv_cmds_builtin_alias(hv_ctx *ctx, const char *name)
{
    centry *e = ctable_find(&ctx->cmds->aliases, name);
    return e ? e->item : NULL;
}

const char *
hv_cmds_module_of(hv_ctx *ctx, const hv_cmdlet_def *def)
{
    if (!def)
        return "";
    centry *e = ctable_find(&ctx->cmds->cmdlets, def->name);
    if (e && e->item == def)
        return e->module;
    if (def->flags & HV_CF_FUNCTION) {
        const hv_function *fn = (const hv_function *)def;
        return fn->module ? fn->module : "";
    }
    return "";
}

static void
mark_loaded(hv_ctx *ctx, const char *module)
{
    hv_module *m = module ? hv_cmds_find_module(ctx, module) : NULL;
    if (m)
        m->loaded = true;
}

static bool
resolve_cmdlet(hv_ctx *ctx, const char *name, hv_cmdinfo *out)
{
    centry *e = ctable_find(&ctx->cmds->cmdlets, name);
    if (!e)
        return false;
    const hv_cmdlet_def *d = e->item;
    *out = (hv_cmdinfo){.name = d->name,
                        .kind = HV_CMDK_CMDLET,
                        .module = e->module,
                        .def = d,
                        .definition = d->synopsis ? d->synopsis : ""};
    mark_loaded(ctx, e->module);
    return true;
}

/* Is fn a non-exported function of a script module, seen from outside that module? */
static bool
module_private(hv_ctx *ctx, const hv_function *fn)
{
    if (!fn->module || !*fn->module)
        return false;
    hv_module *m = hv_cmds_find_module(ctx, fn->module);
    if (!m || m->builtin)
        return false;
    bool priv = false;
    for (size_t i = 0; i < m->nprivates && !priv; i++)
        priv = hv_str_eq_ci(m->privates[i], fn->name);
    if (!priv)
        return false;
    for (hv_cmd *c = ctx->cur_cmd; c; c = c->parent) {
        const hv_cmdlet_def *d = hv_cmd_def(c);
        if (d && (d->flags & HV_CF_FUNCTION)) {
            const hv_function *caller = (const hv_function *)d;
            if (caller->module && hv_str_eq_ci(caller->module, fn->module))
                return false;
        }
    }
    return true;
}

static bool
resolve_function(hv_ctx *ctx, const char *name, hv_cmdinfo *out)
{
    hv_function *fn = hv_scope_func_lookup(ctx, name);
    if (!fn || module_private(ctx, fn))
        return false;
    *out = (hv_cmdinfo){.name = fn->name,
                        .kind = (fn->def.flags & HV_CF_FILTER) ? HV_CMDK_FILTER : HV_CMDK_FUNCTION,
                        .module = fn->module ? fn->module : "",
                        .def = &fn->def,
                        .definition = ""};
    return true;
}

static bool
has_suffix_ci(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && hv_str_eq_ci(s + n - m, suf);
}

static bool
resolve_file(hv_ctx *ctx, const char *name, hv_cmdinfo *out)
{
    if (has_suffix_ci(name, ".ps1")) {
        bool path_like = strchr(name, '/') != NULL;
        if (path_like && access(name, R_OK) == 0) {
            *out = (hv_cmdinfo){
                .name = name, .kind = HV_CMDK_SCRIPT, .module = "", .definition = name};
            return true;
        }
        if (!path_like)
            return false; /* pwsh does not run scripts from the current folder by name */
    }
    const char *app = hv_cmds_find_app(ctx, name);
    if (!app)
        return false;
    const char *base = strrchr(app, '/');
    *out = (hv_cmdinfo){.name = base ? base + 1 : app,
                        .kind = HV_CMDK_APPLICATION,
                        .module = "",
                        .definition = app};
    return true;
}

/* "Hyper-V\Get-VM": the cmdlet of that module only. */
static bool
resolve_qualified(hv_ctx *ctx, const char *name, hv_cmdinfo *out)
{
    const char *bs = strrchr(name, '\\');
    if (!bs || bs == name || !bs[1])
        return false;
    char *mod = hv_xstrndup(name, (size_t)(bs - name));
    bool ok = resolve_cmdlet(ctx, bs + 1, out) && hv_str_eq_ci(out->module, mod);
    if (!ok) {
        hv_function *fn = hv_scope_func_lookup(ctx, bs + 1);
        ok =
            fn && fn->module && hv_str_eq_ci(fn->module, mod) && resolve_function(ctx, bs + 1, out);
    }
    free(mod);
    return ok;
}

/* Functions pwsh defines at start-up that we provide on first use. */
static bool
define_builtin_function(hv_ctx *ctx, const char *name)
{
    static const char *const defs[][3] = {
        {"mkdir", "New-Item",
         "function mkdir { [CmdletBinding()] param([Parameter(Position=0, "
         "ValueFromPipelineByPropertyName=$true)][string[]]$Path, [string]$Name, [switch]$Force) "
         "process { if ($Name) { New-Item -ItemType Directory -Path $Path -Name $Name "
         "-Force:$Force } "
         "else { New-Item -ItemType Directory -Path $Path -Force:$Force } } }"},
        {"help", "Get-Help", "function help { Get-Help @args }"},
    };
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
        if (!hv_str_eq_ci(name, defs[i][0]) || !ctable_find(&ctx->cmds->cmdlets, defs[i][1]))
            continue;
        hv_scope *saved = ctx->cur;
        ctx->cur = ctx->global;
        hv_status st = hv_eval_string(ctx, defs[i][2], strlen(defs[i][2]), "<builtin>", NULL);
        ctx->cur = saved;
        if (st != HV_OK)
            hv_unref(hv_eval_take_error(ctx));
        return st == HV_OK;
    }
    return false;
}

bool
hv_cmds_resolve(hv_ctx *ctx, const char *name, bool follow_alias, hv_cmdinfo *out)
{
    if (!name || !*name)
        return false;
    const char *target = hv_scope_alias_lookup(ctx, name);
    if (!target)
        target = hv_cmds_builtin_alias(ctx, name);
    if (target) {
        if (!follow_alias) {
            *out = (hv_cmdinfo){
                .name = name, .kind = HV_CMDK_ALIAS, .module = "", .definition = target};
            hv_cmdinfo t;
            if (hv_cmds_resolve(ctx, target, true, &t))
                out->module = t.module;
            return true;
        }
        for (int depth = 0; depth < 16; depth++) { /* alias chains, without loops */
            const char *next = hv_scope_alias_lookup(ctx, target);
            if (!next)
                next = hv_cmds_builtin_alias(ctx, target);
            if (!next || hv_str_eq_ci(next, target))
                break;
            target = next;
        }
        name = target;
    }
    if (resolve_function(ctx, name, out) || resolve_cmdlet(ctx, name, out) ||
        resolve_qualified(ctx, name, out))
        return true;
    if (define_builtin_function(ctx, name) && resolve_function(ctx, name, out))
        return true;
    return resolve_file(ctx, name, out);
}

bool
hv_command_lookup(hv_ctx *ctx, const char *name, hv_cmdinfo *out)
{
    return hv_cmds_resolve(ctx, name, true, out);
}

/* ---- listing ---- */

/* A function's definition as pwsh shows it (body without the outer braces), kept with the
 * function so the borrowed string lives as long as it does. */
static const char *
function_text(hv_ctx *ctx, const char *name)
{
    hv_function *fn = hv_scope_func_lookup(ctx, name);
    if (!fn)
        return "";
    if (!fn->def_text) {
        size_t len = 0;
        const char *t = fn->unit && fn->body ? hv_ast_text(fn->unit, fn->body, &len) : NULL;
        if (t && len >= 2 && t[0] == '{' && t[len - 1] == '}')
            t++, len -= 2;
        fn->def_text = t ? hv_xstrndup(t, len) : hv_xstrdup("");
    }
    return fn->def_text;
}

static void
list_push(hv_cmdinfo **v, size_t *n, size_t *cap, hv_cmdinfo ci)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        *v = hv_xrealloc(*v, *cap * sizeof **v);
    }
    (*v)[(*n)++] = ci;
}

static int
cmp_info(const void *a, const void *b)
{
    return hv_str_cmp_ci(((const hv_cmdinfo *)a)->name, ((const hv_cmdinfo *)b)->name);
}

/* Every executable of every PATH folder, read once per PATH value (the cache goes with
 * the lookup cache when PATH changes). */
static void
list_apps(hv_ctx *ctx, hv_cmdinfo **v, size_t *n, size_t *cap)
{
    struct hv_cmdtab *t = ctx->cmds;
    path_check(ctx);
    if (!t->all_apps) {
        size_t capa = 0;
        const char *path = getenv("PATH");
        char *copy = hv_xstrdup(path ? path : "");
        for (char *dir = strtok(copy, ":"); dir; dir = strtok(NULL, ":")) {
            DIR *d = opendir(*dir ? dir : ".");
            if (!d)
                continue;
            struct dirent *de;
            while ((de = readdir(d))) {
                if (de->d_name[0] == '.')
                    continue;
                char *full = hv_xasprintf("%s/%s", dir, de->d_name);
                if (!is_executable(full)) {
                    free(full);
                    continue;
                }
                if (t->nall_apps == capa) {
                    capa = capa ? capa * 2 : 256;
                    t->all_apps = hv_xrealloc(t->all_apps, capa * sizeof *t->all_apps);
                }
                t->all_apps[t->nall_apps++] =
                    (app_entry){.name = strrchr(full, '/') + 1, .path = full};
            }
            closedir(d);
        }
        free(copy);
        if (!t->all_apps)
            t->all_apps = hv_xcalloc(1, sizeof *t->all_apps);
    }
    for (size_t i = 0; i < t->nall_apps; i++)
        list_push(v, n, cap,
                  (hv_cmdinfo){.name = t->all_apps[i].name,
                               .kind = HV_CMDK_APPLICATION,
                               .module = "",
                               .definition = t->all_apps[i].path});
}

size_t
hv_commands_list(hv_ctx *ctx, bool with_apps, hv_cmdinfo **out)
{
    struct hv_cmdtab *t = ctx->cmds;
    hv_cmdinfo *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < t->cmdlets.cap; i++) {
        centry *e = &t->cmdlets.slots[i];
        if (e->name)
            list_push(&v, &n, &cap,
                      (hv_cmdinfo){.name = e->name,
                                   .kind = HV_CMDK_CMDLET,
                                   .module = e->module,
                                   .def = e->item,
                                   .definition = ""});
    }
    for (size_t i = 0; i < t->aliases.cap; i++) {
        centry *e = &t->aliases.slots[i];
        if (e->name && !hv_scope_alias_lookup(ctx, e->name))
            list_push(
                &v, &n, &cap,
                (hv_cmdinfo){
                    .name = e->name, .kind = HV_CMDK_ALIAS, .module = "", .definition = e->item});
    }
    const char **names = NULL, **targets = NULL;
    size_t na = hv_scope_alias_list(ctx, &names, &targets);
    for (size_t i = 0; i < na; i++)
        list_push(
            &v, &n, &cap,
            (hv_cmdinfo){
                .name = names[i], .kind = HV_CMDK_ALIAS, .module = "", .definition = targets[i]});
    free(names);
    free(targets);
    size_t nf = 0;
    hv_function **fns = hv_scope_func_list(ctx, &nf);
    for (size_t i = 0; i < nf; i++)
        if (!module_private(ctx, fns[i]))
            list_push(&v, &n, &cap,
                      (hv_cmdinfo){.name = fns[i]->name,
                                   .kind = (fns[i]->def.flags & HV_CF_FILTER) ? HV_CMDK_FILTER
                                                                              : HV_CMDK_FUNCTION,
                                   .module = fns[i]->module ? fns[i]->module : "",
                                   .def = &fns[i]->def,
                                   .definition = ""});
    free(fns);
    for (size_t i = 0; i < n; i++)
        if (v[i].kind == HV_CMDK_FUNCTION || v[i].kind == HV_CMDK_FILTER)
            v[i].definition = function_text(ctx, v[i].name);
    if (with_apps)
        list_apps(ctx, &v, &n, &cap);
    if (n)
        qsort(v, n, sizeof *v, cmp_info);
    *out = v;
    return n;
}

size_t
hv_cmds_modules(hv_ctx *ctx, hv_module ***out)
{
    *out = ctx->cmds->mods;
    return ctx->cmds->nmods;
}

size_t
hv_modules_list(hv_ctx *ctx, const hv_module_def ***out)
{
    struct hv_cmdtab *t = ctx->cmds;
    const hv_module_def **v = hv_xcalloc(t->nmods + 1, sizeof *v);
    for (size_t i = 0; i < t->nmods; i++)
        v[i] = &t->mods[i]->def;
    *out = v;
    return t->nmods;
}

hv_module *
hv_cmds_find_module(hv_ctx *ctx, const char *name)
{
    /* Windows splits the role cmdlets across modules that hvsh keeps in one */
    static const char *const other_names[][2] = {{"ServerManager", "Dism"}};
    struct hv_cmdtab *t = ctx->cmds;
    for (size_t i = 0; i < t->nmods; i++)
        if (hv_str_eq_ci(t->mods[i]->def.name, name))
            return t->mods[i];
    for (size_t k = 0; k < sizeof other_names / sizeof other_names[0]; k++)
        if (hv_str_eq_ci(other_names[k][0], name))
            return hv_cmds_find_module(ctx, other_names[k][1]);
    return NULL;
}

void
hv_cmds_add_module(hv_ctx *ctx, hv_module *m)
{
    struct hv_cmdtab *t = ctx->cmds;
    t->mods = hv_xrealloc(t->mods, (t->nmods + 1) * sizeof *t->mods);
    t->mods[t->nmods++] = m;
    ctx->cmd_epoch++;
}

void
hv_cmds_remove_module(hv_ctx *ctx, hv_module *m)
{
    struct hv_cmdtab *t = ctx->cmds;
    if (m->builtin) {
        m->loaded = false;
        return;
    }
    for (size_t i = 0; i < t->nmods; i++)
        if (t->mods[i] == m) {
            memmove(&t->mods[i], &t->mods[i + 1], (t->nmods - i - 1) * sizeof *t->mods);
            t->nmods--;
            free_module(m);
            ctx->cmd_epoch++;
            return;
        }
}

size_t
hv_cmds_builtin_aliases(hv_ctx *ctx, const char ***names, const char ***targets)
{
    struct hv_cmdtab *t = ctx->cmds;
    const char **nv = hv_xcalloc(t->aliases.count + 1, sizeof *nv);
    const char **tv = hv_xcalloc(t->aliases.count + 1, sizeof *tv);
    size_t n = 0;
    for (size_t i = 0; i < t->aliases.cap; i++)
        if (t->aliases.slots[i].name) {
            nv[n] = t->aliases.slots[i].name;
            tv[n++] = t->aliases.slots[i].item;
        }
    *names = nv;
    *targets = tv;
    return n;
}
