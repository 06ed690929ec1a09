/* commands.h — the command table: built-in modules (merged by name), cmdlets by
 * case-insensitive name, built-in aliases, user functions/aliases (E's scopes), module-
 * qualified names, applications on PATH (cached; the cache is dropped when PATH changes),
 * and script modules loaded by Import-Module.  Owner: B. */
#ifndef HV_COMMANDS_H
#define HV_COMMANDS_H

#include "internal.h"

/* A module as the runtime knows it: a built-in (possibly merged from several
 * hv_module_def with the same name) or a script module (.psm1/.psd1). */
typedef struct {
    hv_module_def def; /* name, version; cmdlets = merged copy (built-ins) */
    bool builtin;
    bool loaded; /* imported (explicitly or by first use) */
    char *path;  /* script module: its file; NULL for built-ins */
    char *description;
    char **functions; /* exported function names (script modules) */
    size_t nfunctions;
    char **aliases; /* exported aliases (script modules) */
    size_t naliases;
    char **privates; /* functions defined but not exported: callable only from
                        the module's own functions */
    size_t nprivates;
    size_t ncmdlets, capcmdlets; /* built-ins: the merged cmdlet copy */
} hv_module;

/* Resolve a name. follow_alias: aliases are followed to their target (hv_command_lookup);
 * else an alias is returned as HV_CMDK_ALIAS with definition = target. */
bool hv_cmds_resolve(hv_ctx *ctx, const char *name, bool follow_alias, hv_cmdinfo *out);
/* The built-in alias target of name, or NULL. */
const char *hv_cmds_builtin_alias(hv_ctx *ctx, const char *name);
/* The module a cmdlet belongs to ("" if none). */
const char *hv_cmds_module_of(hv_ctx *ctx, const hv_cmdlet_def *def);
/* Every module (built-in and script), in load order. */
size_t hv_cmds_modules(hv_ctx *ctx, hv_module ***out);
hv_module *hv_cmds_find_module(hv_ctx *ctx, const char *name);
/* Register a script module (takes ownership of m, which must be malloc'd). */
void hv_cmds_add_module(hv_ctx *ctx, hv_module *m);
void hv_cmds_remove_module(hv_ctx *ctx, hv_module *m);
/* Full path of an executable on PATH (cached), or NULL. */
const char *hv_cmds_find_app(hv_ctx *ctx, const char *name);
/* Every built-in alias: parallel malloc'd arrays of borrowed strings; returns the count. */
size_t hv_cmds_builtin_aliases(hv_ctx *ctx, const char ***names, const char ***targets);

#endif
