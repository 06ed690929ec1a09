/* mgmt_path.c — provider paths and locations: path resolution shared by the file cmdlets
 * (hvc_fs_*), PathInfo objects, Get-/Set-/Push-/Pop-Location, Join-Path, Split-Path,
 * Resolve-Path and Test-Path.
 *
 * The current location is the process's working directory (so native commands inherit it).
 * The location history (`cd -`, `cd +`) and the Push-Location stacks are process-wide, as a
 * runspace's are in pwsh; hvsh runs one runspace per process, so they live in statics here.
 * Backslashes are path separators, as in pwsh on Unix.
 */
#include "cmdlets/data.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- providers ---- */
hvc_provider
hvc_path_provider(const char *path, const char **rest)
{
    static const struct {
        const char *name;
        hvc_provider p;
    } drives[] = {{"env", HVC_PROV_ENV},
                  {"variable", HVC_PROV_VARIABLE},
                  {"function", HVC_PROV_FUNCTION},
                  {"alias", HVC_PROV_ALIAS},
                  {"temp", HVC_PROV_FS}};
    if (rest)
        *rest = path;
    if (strncasecmp(path, "FileSystem::", 12) == 0 ||
        strncasecmp(path, "Microsoft.PowerShell.Core\\FileSystem::", 38) == 0)
        return HVC_PROV_FS;
    const char *colon = strchr(path, ':');
    if (!colon || colon == path)
        return HVC_PROV_FS;
    /* a drive qualifier is a name before the first colon, with no separator in it */
    for (const char *q = path; q < colon; q++)
        if (*q == '/' || *q == '\\' || *q == ' ' || *q == '*' || *q == '?' || *q == '[')
            return HVC_PROV_FS;
    size_t n = (size_t)(colon - path);
    const char *r = colon + 1;
    while (*r == '/' || *r == '\\')
        r++;
    for (size_t i = 0; i < sizeof drives / sizeof drives[0]; i++) {
        if (strlen(drives[i].name) == n && strncasecmp(path, drives[i].name, n) == 0) {
            if (drives[i].p == HVC_PROV_FS)
                return HVC_PROV_FS; /* Temp: handled by hvc_fs_full_path */
            if (rest)
                *rest = r;
            return drives[i].p;
        }
    }
    if (rest)
        *rest = r;
    return HVC_PROV_UNKNOWN; /* C:\\x on Linux: no such drive, as in pwsh */
}

static hv_value
drive_error(hv_cmd *cmd, const char *path)
{
    const char *colon = strchr(path, ':');
    size_t n = colon ? (size_t)(colon - path) : strlen(path);
    char *name = hv_xstrndup(path, n);
    HV_AUTO hv_value target = hv_str(name);
    hv_value rec = hv_error_new_ex(cmd, "System.Management.Automation.DriveNotFoundException",
                                   HV_CAT_ObjectNotFound, "DriveNotFound", &target,
                                   "Cannot find drive. A drive with the name '%s' does not "
                                   "exist.", name);
    free(name);
    return rec;
}

hv_status
hvc_drive_not_found(hv_cmd *cmd, const char *path)
{
    return hv_write_error(cmd, drive_error(cmd, path));
}

hv_status
hvc_drive_not_found_throw(hv_cmd *cmd, const char *path)
{
    return hv_throw(cmd, drive_error(cmd, path));
}

/* ---- file-system paths ---- */
static const char *
strip_fs_prefix(const char *path)
{
    static const char *const prefixes[] = {"Microsoft.PowerShell.Core\\FileSystem::",
                                           "FileSystem::"};
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncasecmp(path, prefixes[i], n) == 0)
            return path + n;
    }
    return path;
}

static char *
home_dir(void)
{
    const char *h = getenv("HOME");
    return hv_xstrdup(h && *h ? h : "/");
}

/* Folds ".", ".." and repeated separators of an absolute path in place. */
static void
normalize(char *p)
{
    size_t n = strlen(p);
    char *tmp = hv_xstrdup(p);
    const char **comp = hv_xmalloc((n / 2 + 2) * sizeof *comp);
    size_t nc = 0;
    char *save = NULL;
    for (char *c = strtok_r(tmp, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
        if (strcmp(c, ".") == 0)
            continue;
        if (strcmp(c, "..") == 0) {
            if (nc)
                nc--;
            continue;
        }
        comp[nc++] = c;
    }
    char *out = p;
    if (nc == 0)
        *out++ = '/';
    for (size_t i = 0; i < nc; i++) {
        size_t l = strlen(comp[i]);
        *out++ = '/';
        memmove(out, comp[i], l);
        out += l;
    }
    *out = '\0';
    free(comp);
    free(tmp);
}

char *
hvc_fs_full_path(hv_cmd *cmd, const char *path)
{
    (void)cmd;
    path = strip_fs_prefix(path);
    char *p;
    if (strncasecmp(path, "temp:", 5) == 0) {
        const char *t = getenv("TMPDIR");
        p = hv_xasprintf("%s/%s", t && *t ? t : "/tmp", path + 5);
    } else {
        p = hv_xstrdup(path);
    }
    for (char *q = p; *q; q++)
        if (*q == '\\')
            *q = '/';
    char *full;
    if (p[0] == '~' && (p[1] == '\0' || p[1] == '/')) {
        char *h = home_dir();
        full = hv_xasprintf("%s/%s", h, p + 1);
        free(h);
    } else if (p[0] == '/') {
        full = hv_xstrdup(p);
    } else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd))
            strcpy(cwd, "/");
        full = hv_xasprintf("%s/%s", cwd, p);
    }
    free(p);
    normalize(full);
    return full;
}

static int
name_cmp(const void *a, const void *b)
{
    const hv_value *x = a, *y = b;
    int c = hv_str_cmp_ci(hv_str_cstr(x), hv_str_cstr(y));
    return c ? c : strcmp(hv_str_cstr(x), hv_str_cstr(y));
}

void
hvc_sort_strings(hv_value *arr)
{
    size_t n = hv_array_len(arr);
    if (n > 1)
        qsort(hv_array_items(arr), n, sizeof(hv_value), name_cmp);
}

/* Expands one wildcard component under each directory of dirs. */
static hv_value
expand_component(const hv_value *dirs, const char *comp, bool last, bool hidden)
{
    hv_value out = hv_array_new(8);
    bool meta = hv_wildcard_has_meta(comp);
    for (size_t i = 0; i < hv_array_len(dirs); i++) {
        const char *d = hv_str_cstr(hv_array_at(dirs, i));
        const char *sep = strcmp(d, "/") == 0 ? "" : "/";
        if (!meta) {
            char *p = hv_xasprintf("%s%s%s", d, sep, comp);
            struct stat st;
            if (lstat(p, &st) == 0 && (last || S_ISDIR(st.st_mode) || stat(p, &st) == 0))
                hv_array_push(&out, hv_str_take(p));
            else
                free(p);
            continue;
        }
        DIR *dir = opendir(d);
        if (!dir)
            continue;
        hv_value found = hv_array_new(8);
        struct dirent *e;
        while ((e = readdir(dir))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            if (e->d_name[0] == '.' && comp[0] != '.' && !hidden)
                continue; /* hidden unless asked for by name or -Force */
            if (hv_wildcard_match(comp, e->d_name, false))
                hv_array_push(&found, hv_strf("%s%s%s", d, sep, e->d_name));
        }
        closedir(dir);
        hvc_sort_strings(&found);
        for (size_t j = 0; j < hv_array_len(&found); j++)
            hv_array_push(&out, hv_ref(hv_array_at(&found, j)));
        hv_unref(found);
    }
    return out;
}

hv_value
hvc_fs_resolve(hv_cmd *cmd, const char *path, bool literal)
{
    return hvc_fs_resolve_ex(cmd, path, literal, false);
}

hv_value
hvc_fs_resolve_ex(hv_cmd *cmd, const char *path, bool literal, bool hidden)
{
    if (hvc_path_provider(path, NULL) != HVC_PROV_FS)
        return hv_null();
    char *full = hvc_fs_full_path(cmd, path);
    struct stat st;
    if (literal || !hv_wildcard_has_meta(full)) {
        if (lstat(full, &st) != 0) {
            free(full);
            return hv_null();
        }
        hv_value a = hv_array_new(1);
        hv_array_push(&a, hv_str_take(full));
        return a;
    }
    hv_value cur = hv_array_new(1);
    hv_array_push(&cur, hv_str("/"));
    char *save = NULL;
    char *comp = strtok_r(full + 1, "/", &save);
    while (comp && hv_array_len(&cur) > 0) {
        char *next_comp = strtok_r(NULL, "/", &save);
        hv_value next = expand_component(&cur, comp, next_comp == NULL, hidden);
        hv_unref(cur);
        cur = next;
        comp = next_comp;
    }
    free(full);
    if (hv_array_len(&cur) == 0) {
        hv_unref(cur);
        return hv_null();
    }
    return cur;
}

hv_status
hvc_path_not_found(hv_cmd *cmd, const char *path)
{
    if (hvc_path_provider(path, NULL) == HVC_PROV_UNKNOWN)
        return hvc_drive_not_found(cmd, path);
    const char *id = "PathNotFound"; /* the runtime appends ",<cmdlet class>" */
    const char *rest;
    /* provider paths are reported relative to their drive, as pwsh does ('NAME') */
    char *full = hvc_path_provider(path, &rest) == HVC_PROV_FS ? hvc_fs_full_path(cmd, path)
                                                                : hv_xstrdup(rest);
    HV_AUTO hv_value target = hv_str(full);
    hv_value rec = hv_error_new_ex(cmd, "System.Management.Automation.ItemNotFoundException",
                                   HV_CAT_ObjectNotFound, id, &target,
                                   "Cannot find path '%s' because it does not exist.", full);
    free(full);
    return hv_write_error(cmd, rec);
}

/* ---- PathInfo ---- */
static hv_value
pathinfo_to_string(const hv_value *self)
{
    const hv_value *p = hv_obj_get(self, "Path");
    return p ? hv_ref(p) : hv_str("");
}

static const hv_view_column pathinfo_view[] = {
    {.label = "Path", .property = "Path"},
    {.label = NULL},
};

static const hv_obj_class pathinfo_class = {
    .type_name = "System.Management.Automation.PathInfo",
    .base_types = (const char *const[]){"System.Object", NULL},
    .table_view = pathinfo_view,
    .to_string = pathinfo_to_string,
};

hv_value
hvc_pathinfo(const char *path)
{
    hv_value o = hv_obj_new(&pathinfo_class);
    hv_obj_set(&o, "Drive", hv_str("/"));
    hv_obj_set(&o, "Provider", hv_str("Microsoft.PowerShell.Core\\FileSystem"));
    hv_obj_set(&o, "ProviderPath", hv_str(path));
    hv_obj_set(&o, "Path", hv_str(path));
    return o;
}

static char *
current_dir(void)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return hv_xstrdup("/");
    return hv_xstrdup(cwd);
}

/* ---- location history and stacks (process-wide, see the file comment) ---- */
typedef struct {
    char *name;
    char **items;
    size_t n, cap;
} loc_stack;

static loc_stack loc_back = {.name = "back"}, loc_fwd = {.name = "forward"};
static loc_stack *loc_stacks;
static size_t loc_nstacks;

static void
stack_push(loc_stack *s, char *path)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->items = hv_xrealloc(s->items, s->cap * sizeof *s->items);
    }
    s->items[s->n++] = path;
}

static char *
stack_pop(loc_stack *s)
{
    return s->n ? s->items[--s->n] : NULL;
}

static loc_stack *
named_stack(const char *name, bool create)
{
    if (!name || !*name)
        name = "default";
    for (size_t i = 0; i < loc_nstacks; i++)
        if (hv_str_eq_ci(loc_stacks[i].name, name))
            return &loc_stacks[i];
    if (!create)
        return NULL;
    loc_stacks = hv_xrealloc(loc_stacks, (loc_nstacks + 1) * sizeof *loc_stacks);
    loc_stacks[loc_nstacks] = (loc_stack){.name = hv_xstrdup(name)};
    return &loc_stacks[loc_nstacks++];
}

/* Changes the working directory to a user path (wildcards allowed when they name one
 * directory). Reports the error itself. */
static hv_status
change_dir(hv_cmd *cmd, const char *path, bool literal, char **newdir)
{
    const char *rest;
    if (hvc_path_provider(path, &rest) == HVC_PROV_UNKNOWN)
        return hvc_drive_not_found(cmd, path);
    if (hvc_path_provider(path, &rest) != HVC_PROV_FS)
        return hvc_error(cmd, HV_CAT_NotImplemented, "NotSupported", path,
                         "Set-Location to the '%s' drive is not supported by hvsh; only "
                         "file-system locations are.", path);
    hv_value list = hvc_fs_resolve(cmd, path, literal);
    if (list.kind != HV_ARRAY)
        return hvc_path_not_found(cmd, path);
    const char *dir = hv_str_cstr(hv_array_at(&list, 0));
    struct stat st;
    if (hv_array_len(&list) != 1 || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        hv_unref(list);
        return hvc_path_not_found(cmd, path);
    }
    if (chdir(dir) != 0) {
        hv_status s = hvc_error(cmd, HV_CAT_PermissionDenied, "SetLocationPermissionDenied",
                                dir, "Access to the path '%s' is denied.", dir);
        hv_unref(list);
        return s;
    }
    *newdir = hv_xstrdup(dir);
    hv_unref(list);
    return HV_OK;
}

/* ---- Get-Location ---- */
enum { GL_SET_LOCATION, GL_SET_STACK };
enum { GL_PROVIDER, GL_DRIVE, GL_STACK, GL_STACKNAME, GL__N };

const hv_param_def hvc_getlocation_params[GL__N + 1] = {
    [GL_PROVIDER] = {.name = "PSProvider", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .sets = HV_SET(GL_SET_LOCATION), .flags = HV_PF_ARRAY,
                     .help = "Gets the current location in the specified PowerShell "
                             "provider (FileSystem)."},
    [GL_DRIVE] = {.name = "PSDrive", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                  .sets = HV_SET(GL_SET_LOCATION), .flags = HV_PF_ARRAY,
                  .help = "Gets the current location in the specified PowerShell drive."},
    [GL_STACK] = {.name = "Stack", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .sets = HV_SET(GL_SET_STACK),
                  .help = "Indicates that this cmdlet displays the locations added to the "
                          "current location stack (by Push-Location)."},
    [GL_STACKNAME] = {.name = "StackName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                      .sets = HV_SET(GL_SET_STACK), .flags = HV_PF_ARRAY,
                      .help = "Specifies, as a string array, the named location stacks to "
                              "display."},
    [GL__N] = {.name = NULL},
};

hv_status
hvc_getlocation_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    if (hv_cmd_set_index(cmd) == GL_SET_STACK) {
        const hv_value *names = hvc_arg_array(cmd, GL_STACKNAME);
        const char *name = names && hv_array_len(names)
                               ? hv_str_cstr(hv_array_at(names, 0)) : NULL;
        loc_stack *s = named_stack(name, false);
        if (!s && name)
            return hvc_error(cmd, HV_CAT_ObjectNotFound, "Argument", name,
                             "Cannot find location stack '%s'. It does not exist or it is "
                             "not a container.", name);
        hv_status st = HV_OK;
        for (size_t i = s ? s->n : 0; i > 0 && st == HV_OK; i--)
            st = hv_emit(cmd, hvc_pathinfo(s->items[i - 1]));
        return st;
    }
    char *cwd = current_dir();
    hv_value pi = hvc_pathinfo(cwd);
    free(cwd);
    return hv_emit(cmd, pi);
}

/* ---- Set-Location ---- */
enum { SLC_SET_PATH, SLC_SET_LITERAL, SLC_SET_STACK };
enum { SLC_PATH, SLC_LITERAL, SLC_PASSTHRU, SLC_STACKNAME, SLC__N };

const hv_param_def hvc_setlocation_params[SLC__N + 1] = {
    [SLC_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                  .sets = HV_SET(SLC_SET_PATH),
                  .flags = HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
                  .help = "Specifies the path of a new working location. With no value, the "
                          "location is the home directory; '-' goes back to the previous "
                          "location and '+' forward again."},
    [SLC_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .sets = HV_SET(SLC_SET_LITERAL),
                     .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                     .aliases = (const char *const[]){"PSPath", "LP", NULL},
                     .help = "Specifies a path of the location, used exactly as typed (no "
                             "wildcards)."},
    [SLC_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .help = "Returns a PathInfo object that represents the location."},
    [SLC_STACKNAME] = {.name = "StackName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                       .sets = HV_SET(SLC_SET_STACK), .flags = HV_PF_BY_PROPERTY_NAME,
                       .help = "Specifies the location stack name that this cmdlet makes the "
                               "current location stack."},
    [SLC__N] = {.name = NULL},
};

static hv_status
passthru(hv_cmd *cmd, int idx)
{
    if (!hv_cmd_switch(cmd, idx))
        return HV_OK;
    char *cwd = current_dir();
    hv_value pi = hvc_pathinfo(cwd);
    free(cwd);
    return hv_emit(cmd, pi);
}

/* Moves to path, recording the old location in the back history. *moved (optional) says
 * whether the location changed (a missing path is a non-terminating error). */
static hv_status
go(hv_cmd *cmd, const char *path, bool literal, bool *moved)
{
    char *old = current_dir(), *nd = NULL;
    hv_status st = change_dir(cmd, path, literal, &nd);
    if (moved)
        *moved = st == HV_OK && nd;
    if (st != HV_OK || !nd) {
        free(old);
        return st;
    }
    if (strcmp(old, nd) != 0) {
        stack_push(&loc_back, old);
        while (loc_fwd.n)
            free(stack_pop(&loc_fwd));
    } else {
        free(old);
    }
    free(nd);
    return HV_OK;
}

static hv_status
history_move(hv_cmd *cmd, loc_stack *from, loc_stack *to, const char *what)
{
    char *target = stack_pop(from);
    if (!target)
        return hvc_error(cmd, HV_CAT_InvalidOperation, "InvalidOperation", what,
                         "There is no location history left to navigate %s.",
                         from == &loc_back ? "backwards" : "forwards");
    char *old = current_dir(), *nd = NULL;
    hv_status st = change_dir(cmd, target, true, &nd);
    free(target);
    if (st != HV_OK || !nd) {
        free(old);
        return st;
    }
    free(nd);
    stack_push(to, old);
    return HV_OK;
}

hv_status
hvc_setlocation_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_status st;
    int set = hv_cmd_set_index(cmd);
    if (set == SLC_SET_STACK) {
        loc_stack *s = named_stack(hvc_arg_str(cmd, SLC_STACKNAME), false);
        if (!s)
            return hvc_error(cmd, HV_CAT_ObjectNotFound, "Argument",
                             hvc_arg_str(cmd, SLC_STACKNAME),
                             "Cannot find location stack '%s'. It does not exist or it is "
                             "not a container.", hvc_arg_str(cmd, SLC_STACKNAME));
        /* make it the default stack by moving it to the front */
        loc_stack tmp = *s, *def = named_stack("default", true);
        s = named_stack(tmp.name, false);
        *s = *def;
        *def = tmp;
        char *nm = def->name;
        def->name = s->name;
        s->name = nm;
        return passthru(cmd, SLC_PASSTHRU);
    }
    bool literal = set == SLC_SET_LITERAL;
    const char *p = hvc_arg_str(cmd, literal ? SLC_LITERAL : SLC_PATH);
    if (!literal && p && strcmp(p, "-") == 0)
        st = history_move(cmd, &loc_back, &loc_fwd, p);
    else if (!literal && p && strcmp(p, "+") == 0)
        st = history_move(cmd, &loc_fwd, &loc_back, p);
    else if (!p || !*p) {
        char *h = home_dir();
        st = go(cmd, h, true, NULL);
        free(h);
    } else {
        st = go(cmd, p, literal, NULL);
    }
    if (st != HV_OK)
        return st;
    return passthru(cmd, SLC_PASSTHRU);
}

/* ---- Push-Location / Pop-Location ---- */
enum { PU_SET_PATH, PU_SET_LITERAL };
enum { PU_PATH, PU_LITERAL, PU_PASSTHRU, PU_STACKNAME, PU__N };

const hv_param_def hvc_pushlocation_params[PU__N + 1] = {
    [PU_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(PU_SET_PATH),
                 .flags = HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME | HV_PF_WILDCARDS,
                 .help = "Changes your location to the location specified by this path "
                         "after it adds (pushes) the current location onto the top of the "
                         "stack."},
    [PU_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(PU_SET_LITERAL),
                    .flags = HV_PF_BY_PROPERTY_NAME,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to the new location, used exactly as typed."},
    [PU_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Passes an object representing the location to the pipeline."},
    [PU_STACKNAME] = {.name = "StackName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                      .flags = HV_PF_BY_PROPERTY_NAME,
                      .help = "Specifies the location stack to which the current location is "
                              "added; it is created if it does not exist."},
    [PU__N] = {.name = NULL},
};

hv_status
hvc_pushlocation_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    loc_stack *s = named_stack(hvc_arg_str(cmd, PU_STACKNAME), true);
    bool literal = hv_cmd_bound(cmd, PU_LITERAL);
    const char *p = hvc_arg_str(cmd, literal ? PU_LITERAL : PU_PATH);
    char *old = current_dir();
    if (p && *p) {
        bool moved;
        hv_status st = go(cmd, p, literal, &moved);
        if (st != HV_OK || !moved) {
            free(old); /* nothing is pushed when the location did not change */
            return st;
        }
    }
    stack_push(s, old);
    return passthru(cmd, PU_PASSTHRU);
}

enum { PO_PASSTHRU, PO_STACKNAME, PO__N };

const hv_param_def hvc_poplocation_params[PO__N + 1] = {
    [PO_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Passes an object that represents the location to the pipeline."},
    [PO_STACKNAME] = {.name = "StackName", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                      .flags = HV_PF_BY_PROPERTY_NAME,
                      .help = "Specifies the location stack from which the location is "
                              "popped."},
    [PO__N] = {.name = NULL},
};

hv_status
hvc_poplocation_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const char *name = hvc_arg_str(cmd, PO_STACKNAME);
    loc_stack *s = named_stack(name, false);
    if (!s) {
        if (!name)
            return HV_OK;
        return hvc_error(cmd, HV_CAT_InvalidArgument, "Argument", name,
                         "Cannot find location stack '%s'. It does not exist or it is not a "
                         "container.", name);
    }
    char *target = stack_pop(s);
    if (!target)
        return HV_OK; /* an empty stack is not an error */
    hv_status st = go(cmd, target, true, NULL);
    free(target);
    if (st != HV_OK)
        return st;
    return passthru(cmd, PO_PASSTHRU);
}

/* ---- Join-Path ---- */
enum { JP_PATH, JP_CHILD, JP_ADDITIONAL, JP_RESOLVE, JP__N };

const hv_param_def hvc_joinpath_params[JP__N + 1] = {
    [JP_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                          HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .aliases = (const char *const[]){"PSPath", NULL},
                 .help = "Specifies the main path (or paths) to which the child-path is "
                         "appended."},
    [JP_CHILD] = {.name = "ChildPath", .type = HV_PT_STRING, .position = 1,
                  .flags = HV_PF_BY_PROPERTY_NAME,
                  .help = "Specifies the elements to append to the value of the Path "
                          "parameter."},
    [JP_ADDITIONAL] = {.name = "AdditionalChildPath", .type = HV_PT_STRING, .position = 2,
                       .flags = HV_PF_REMAINING | HV_PF_ARRAY,
                       .help = "Specifies additional elements to append to the value of the "
                               "Path parameter; it collects all remaining arguments."},
    [JP_RESOLVE] = {.name = "Resolve", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "Indicates that this cmdlet should attempt to resolve the joined "
                            "path from the current provider: wildcards are expanded and the "
                            "path must exist."},
    [JP__N] = {.name = NULL},
};

static void
to_slashes(char *s)
{
    for (; *s; s++)
        if (*s == '\\')
            *s = '/';
}

/* a + "/" + b with exactly one separator at the junction. */
static char *
join_two(const char *a, const char *b)
{
    if (!b || !*b)
        return hv_xstrdup(a);
    if (!*a)
        return hv_xstrdup(b);
    size_t la = strlen(a);
    while (la > 0 && (a[la - 1] == '/' || a[la - 1] == '\\'))
        la--;
    while (*b == '/' || *b == '\\')
        b++;
    if (la == 0 && a[0])
        return hv_xasprintf("/%s", b);
    /* a drive name ("env:") keeps no separator before the child */
    return hv_xasprintf("%.*s/%s", (int)la, a, b);
}

hv_status
hvc_joinpath_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *paths = hvc_arg_array(cmd, JP_PATH);
    const hv_value *more = hvc_arg_array(cmd, JP_ADDITIONAL);
    const char *child = hvc_arg_str(cmd, JP_CHILD);
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        char *r = join_two(hv_str_cstr(&ps), child);
        for (size_t j = 0; more && j < hv_array_len(more); j++) {
            HV_AUTO hv_value cs = hv_conv_to_string(hv_array_at(more, j), NULL);
            char *t = join_two(r, hv_str_cstr(&cs));
            free(r);
            r = t;
        }
        const char *rest;
        if (hvc_path_provider(r, &rest) == HVC_PROV_FS)
            to_slashes(r);
        if (hv_cmd_switch(cmd, JP_RESOLVE)) {
            hv_value list = hvc_fs_resolve(cmd, r, false);
            if (list.kind != HV_ARRAY) {
                st = hvc_path_not_found(cmd, r);
            } else {
                for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++)
                    st = hv_emit(cmd, hv_ref(hv_array_at(&list, j)));
                hv_unref(list);
            }
            free(r);
            continue;
        }
        st = hv_emit(cmd, hv_str_take(r));
    }
    return st;
}

/* ---- Split-Path ---- */
enum { SP_SET_PARENT, SP_SET_LEAF, SP_SET_LEAFBASE, SP_SET_EXTENSION, SP_SET_QUALIFIER,
       SP_SET_NOQUALIFIER, SP_SET_ISABSOLUTE, SP_SET_LITERAL };
enum { SP_PATH, SP_LITERAL, SP_PARENT, SP_LEAF, SP_LEAFBASE, SP_EXTENSION, SP_QUALIFIER,
       SP_NOQUALIFIER, SP_ISABSOLUTE, SP_RESOLVE, SP__N };
#define SP_PATH_SETS                                                                        \
    (HV_SET(SP_SET_PARENT) | HV_SET(SP_SET_LEAF) | HV_SET(SP_SET_LEAFBASE) |                \
     HV_SET(SP_SET_EXTENSION) | HV_SET(SP_SET_QUALIFIER) | HV_SET(SP_SET_NOQUALIFIER) |     \
     HV_SET(SP_SET_ISABSOLUTE))

const hv_param_def hvc_splitpath_params[SP__N + 1] = {
    [SP_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0, .sets = SP_PATH_SETS,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                          HV_PF_ARRAY,
                 .help = "Specifies the paths to be split."},
    [SP_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(SP_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the paths to be split, used exactly as typed."},
    [SP_PARENT] = {.name = "Parent", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .sets = HV_SET(SP_SET_PARENT),
                   .help = "Indicates that this cmdlet returns only the parent containers of "
                           "the path. This is the default."},
    [SP_LEAF] = {.name = "Leaf", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .sets = HV_SET(SP_SET_LEAF), .flags = HV_PF_MANDATORY,
                 .help = "Indicates that this cmdlet returns only the last item or container "
                         "in the path."},
    [SP_LEAFBASE] = {.name = "LeafBase", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .sets = HV_SET(SP_SET_LEAFBASE), .flags = HV_PF_MANDATORY,
                     .help = "Indicates that this cmdlet returns only the base name of the "
                             "leaf (the name without its extension)."},
    [SP_EXTENSION] = {.name = "Extension", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .sets = HV_SET(SP_SET_EXTENSION), .flags = HV_PF_MANDATORY,
                      .help = "Indicates that this cmdlet returns only the extension of the "
                              "leaf, including the dot."},
    [SP_QUALIFIER] = {.name = "Qualifier", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .sets = HV_SET(SP_SET_QUALIFIER), .flags = HV_PF_MANDATORY,
                      .help = "Indicates that this cmdlet returns only the qualifier (drive "
                              "name with colon, such as env:) of the path."},
    [SP_NOQUALIFIER] = {.name = "NoQualifier", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                        .sets = HV_SET(SP_SET_NOQUALIFIER), .flags = HV_PF_MANDATORY,
                        .help = "Indicates that this cmdlet returns the path without the "
                                "qualifier."},
    [SP_ISABSOLUTE] = {.name = "IsAbsolute", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                       .sets = HV_SET(SP_SET_ISABSOLUTE), .flags = HV_PF_MANDATORY,
                       .help = "Indicates that this cmdlet returns $true if the path is "
                               "absolute and $false if it is relative."},
    [SP_RESOLVE] = {.name = "Resolve", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "Indicates that this cmdlet displays the items that are "
                            "referenced by the resulting split path instead of the path."},
    [SP__N] = {.name = NULL},
};

static bool
is_sep(char c)
{
    return c == '/' || c == '\\';
}

/* Length of a drive qualifier "name:" at the start (0 if none). */
static size_t
qualifier_len(const char *p)
{
    const char *c = strchr(p, ':');
    if (!c || c == p)
        return 0;
    for (const char *q = p; q < c; q++)
        if (is_sep(*q))
            return 0;
    return (size_t)(c - p) + 1;
}

static hv_value
split_parent(const char *p)
{
    size_t q = qualifier_len(p);
    size_t n = strlen(p);
    while (n > q + 1 && is_sep(p[n - 1]))
        n--;
    size_t i = n;
    while (i > q && !is_sep(p[i - 1]))
        i--;
    if (i == q)
        return hv_strn(p, q); /* no separator: parent is the drive (or empty) */
    size_t end = i - 1;
    while (end > q && is_sep(p[end - 1]))
        end--;
    if (end == q)
        end = q + 1; /* parent is the root: keep the separator */
    char *r = hv_xstrndup(p, end);
    to_slashes(r);
    return hv_str_take(r);
}

static char *
split_leaf(const char *p)
{
    size_t q = qualifier_len(p);
    size_t n = strlen(p);
    while (n > q && is_sep(p[n - 1]))
        n--;
    size_t i = n;
    while (i > q && !is_sep(p[i - 1]))
        i--;
    return hv_xstrndup(p + i, n - i);
}

static hv_value
split_one(hv_cmd *cmd, const char *p, int set, bool *is_error)
{
    *is_error = false;
    char *leaf;
    const char *dot;
    switch (set) {
    case SP_SET_LEAF: return hv_str_take(split_leaf(p));
    case SP_SET_LEAFBASE:
        leaf = split_leaf(p);
        dot = strrchr(leaf, '.');
        if (dot)
            leaf[dot - leaf] = '\0';
        return hv_str_take(leaf);
    case SP_SET_EXTENSION: {
        leaf = split_leaf(p);
        dot = strrchr(leaf, '.');
        hv_value r = hv_str(dot && dot[1] ? dot : "");
        free(leaf);
        return r;
    }
    case SP_SET_QUALIFIER: {
        size_t q = qualifier_len(p);
        if (!q) {
            *is_error = true;
            return hv_null();
        }
        return hv_strn(p, q);
    }
    case SP_SET_NOQUALIFIER: return hv_str(p + qualifier_len(p));
    case SP_SET_ISABSOLUTE:
        return hv_bool(is_sep(p[0]) || p[0] == '~' || qualifier_len(p) > 0);
    default: (void)cmd; return split_parent(p);
    }
}

hv_status
hvc_splitpath_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    int set = hv_cmd_set_index(cmd);
    const hv_value *paths = hvc_arg_array(cmd, set == SP_SET_LITERAL ? SP_LITERAL : SP_PATH);
    if (set == SP_SET_LITERAL)
        set = SP_SET_PARENT;
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        const char *p = hv_str_cstr(&ps);
        if (hv_cmd_switch(cmd, SP_RESOLVE)) {
            /* -Resolve resolves the (wildcard) path first, then splits each match:
             * Split-Path -Path ./logs/(star).log -Leaf -Resolve gives the file names */
            hv_value list = hvc_fs_resolve(cmd, p, false);
            if (list.kind != HV_ARRAY) {
                hv_unref(list);
                st = hvc_path_not_found(cmd, p);
                continue;
            }
            for (size_t k = 0; k < hv_array_len(&list) && st == HV_OK; k++) {
                HV_AUTO hv_value rs = hv_conv_to_string(hv_array_at(&list, k), NULL);
                bool rerr;
                hv_value r = split_one(cmd, hv_str_cstr(&rs), set, &rerr);
                if (rerr)
                    st = hvc_error(cmd, HV_CAT_InvalidArgument, "ParsePathFormatError",
                                   hv_str_cstr(&rs),
                                   "Cannot parse path because path '%s' does not have a "
                                   "qualifier specified.", hv_str_cstr(&rs));
                else
                    st = hv_emit(cmd, r);
            }
            hv_unref(list);
            continue;
        }
        bool err;
        hv_value r = split_one(cmd, p, set, &err);
        if (err) {
            st = hvc_error(cmd, HV_CAT_InvalidArgument,
                           "ParsePathFormatError",
                           p, "Cannot parse path because path '%s' does not have a qualifier "
                              "specified.", p);
            continue;
        }
        st = hv_emit(cmd, r);
    }
    return st;
}

/* ---- Resolve-Path ---- */
enum { RP_SET_PATH, RP_SET_LITERAL };
enum { RP_PATH, RP_LITERAL, RP_RELATIVE, RP_RELBASE, RP__N };

const hv_param_def hvc_resolvepath_params[RP__N + 1] = {
    [RP_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(RP_SET_PATH),
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                          HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .help = "Specifies the PowerShell path to resolve. Wildcards are "
                         "permitted."},
    [RP_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(RP_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to be resolved, used exactly as typed."},
    [RP_RELATIVE] = {.name = "Relative", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Indicates that this cmdlet returns a relative path (./name)."},
    [RP_RELBASE] = {.name = "RelativeBasePath", .type = HV_PT_STRING,
                    .position = HV_POS_NAMED,
                    .help = "Specifies a path to resolve the relative path from (default: the "
                            "current location)."},
    [RP__N] = {.name = NULL},
};

char *
hvc_relative_path(const char *full, const char *base)
{
    size_t common = 0;
    /* longest common prefix ending on a component boundary */
    for (size_t i = 0;; i++) {
        char a = full[i], b = base[i];
        if ((a == '/' || a == '\0') && (b == '/' || b == '\0'))
            common = i;
        if (a != b || a == '\0')
            break;
    }
    hv_buf out = {0};
    size_t ups = 0;
    for (const char *b = base + common; *b;) {
        while (*b == '/')
            b++;
        if (!*b)
            break;
        ups++;
        while (*b && *b != '/')
            b++;
    }
    if (ups == 0)
        hv_buf_putc(&out, '.');
    for (size_t i = 0; i < ups; i++)
        hv_buf_puts(&out, i ? "/.." : "..");
    const char *rest = full + common;
    while (*rest == '/')
        rest++;
    if (*rest) {
        hv_buf_putc(&out, '/');
        hv_buf_puts(&out, rest);
    }
    char *r = hv_xstrndup(out.data, out.len);
    hv_buf_free(&out);
    return r;
}

hv_status
hvc_resolvepath_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    bool literal = hv_cmd_set_index(cmd) == RP_SET_LITERAL;
    const hv_value *paths = hvc_arg_array(cmd, literal ? RP_LITERAL : RP_PATH);
    const char *rb = hvc_arg_str(cmd, RP_RELBASE);
    char *base = rb ? hvc_fs_full_path(cmd, rb) : current_dir();
    bool relative = hv_cmd_switch(cmd, RP_RELATIVE);
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        hv_value list = hvc_fs_resolve(cmd, hv_str_cstr(&ps), literal);
        if (list.kind != HV_ARRAY) {
            st = hvc_path_not_found(cmd, hv_str_cstr(&ps));
            continue;
        }
        for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++) {
            const char *full = hv_str_cstr(hv_array_at(&list, j));
            if (relative)
                st = hv_emit(cmd, hv_str_take(hvc_relative_path(full, base)));
            else
                st = hv_emit(cmd, hvc_pathinfo(full));
        }
        hv_unref(list);
    }
    free(base);
    return st;
}

/* ---- Convert-Path: the provider (file-system) paths of PowerShell paths, as strings ---- */
enum { CP_PATH, CP_LITERAL, CP__N };

const hv_param_def hvc_convertpath_params[CP__N + 1] = {
    [CP_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(RP_SET_PATH),
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                          HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .help = "Specifies the PowerShell path to be converted. Wildcards are "
                         "permitted; each matching item gives one path."},
    [CP_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(RP_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to be converted, used exactly as typed."},
    [CP__N] = {.name = NULL},
};

hv_status
hvc_convertpath_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    bool literal = hv_cmd_set_index(cmd) == RP_SET_LITERAL;
    const hv_value *paths = hvc_arg_array(cmd, literal ? CP_LITERAL : CP_PATH);
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        hv_value list = hvc_fs_resolve(cmd, hv_str_cstr(&ps), literal);
        if (list.kind != HV_ARRAY) {
            st = hvc_path_not_found(cmd, hv_str_cstr(&ps));
            continue;
        }
        for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++)
            st = hv_emit(cmd, hv_ref(hv_array_at(&list, j)));
        hv_unref(list);
    }
    return st;
}

/* ---- Test-Path ---- */
enum { TP_SET_PATH, TP_SET_LITERAL };
enum { TP_PATH, TP_LITERAL, TP_FILTER, TP_INCLUDE, TP_EXCLUDE, TP_PATHTYPE, TP_ISVALID,
       TP_OLDER, TP_NEWER, TP__N };

const hv_param_def hvc_testpath_params[TP__N + 1] = {
    [TP_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(TP_SET_PATH),
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                          HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .help = "Specifies a path to be tested. Wildcard characters are permitted; "
                         "the result is $true if any item matches."},
    [TP_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(TP_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies a path to be tested, used exactly as typed."},
    [TP_FILTER] = {.name = "Filter", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .help = "Specifies a filter on the leaf name (a wildcard pattern)."},
    [TP_INCLUDE] = {.name = "Include", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies leaf-name patterns the tested items must match."},
    [TP_EXCLUDE] = {.name = "Exclude", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies leaf-name patterns of items to omit."},
    [TP_PATHTYPE] = {.name = "PathType", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                     .aliases = (const char *const[]){"Type", NULL},
                     .accepted = (const char *const[]){"Any", "Container", "Leaf", NULL},
                     .help = "Specifies the type of the final element in the path: Container "
                             "(a directory), Leaf (anything else) or Any."},
    [TP_ISVALID] = {.name = "IsValid", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "Indicates that this cmdlet tests the syntax of the path, "
                            "regardless of whether the elements of the path exist."},
    [TP_OLDER] = {.name = "OlderThan", .type = HV_PT_DATETIME, .position = HV_POS_NAMED,
                  .help = "Specifies a time: the result is $true only for files last written "
                          "before it."},
    [TP_NEWER] = {.name = "NewerThan", .type = HV_PT_DATETIME, .position = HV_POS_NAMED,
                  .help = "Specifies a time: the result is $true only for files last written "
                          "after it."},
    [TP__N] = {.name = NULL},
};

static bool
name_filtered(hv_cmd *cmd, const char *full)
{
    const char *leaf = strrchr(full, '/');
    leaf = leaf ? leaf + 1 : full;
    const char *filter = hvc_arg_str(cmd, TP_FILTER);
    if (filter && !hv_wildcard_match(filter, leaf, false))
        return false;
    return hvc_name_included(leaf, hv_cmd_arg(cmd, TP_INCLUDE), hv_cmd_arg(cmd, TP_EXCLUDE));
}

static bool
fs_test_one(hv_cmd *cmd, const char *full)
{
    struct stat st;
    if (stat(full, &st) != 0 && lstat(full, &st) != 0)
        return false;
    const hv_value *pt = hv_cmd_arg(cmd, TP_PATHTYPE);
    if (pt) {
        HV_AUTO hv_value s = hv_conv_to_string(pt, NULL);
        const char *t = hv_str_cstr(&s);
        if (hv_str_eq_ci(t, "Container") && !S_ISDIR(st.st_mode))
            return false;
        if (hv_str_eq_ci(t, "Leaf") && S_ISDIR(st.st_mode))
            return false;
    }
    int64_t mt = HVC_UNIX_EPOCH_TICKS + (int64_t)st.st_mtime * HVC_TICKS_PER_SEC;
    mt += (int64_t)hvc_local_offset(mt) * HVC_TICKS_PER_SEC;
    const hv_value *o = hv_cmd_arg(cmd, TP_OLDER), *n = hv_cmd_arg(cmd, TP_NEWER);
    if (o && o->kind == HV_DATETIME && !(mt < o->u.i))
        return false;
    if (n && n->kind == HV_DATETIME && !(mt > n->u.i))
        return false;
    return name_filtered(cmd, full);
}

static bool
test_one(hv_cmd *cmd, const char *path, bool literal)
{
    const char *rest;
    hvc_provider prov = hvc_path_provider(path, &rest);
    if (hv_cmd_switch(cmd, TP_ISVALID))
        return prov != HVC_PROV_FS || strlen(path) < PATH_MAX;
    if (prov == HVC_PROV_UNKNOWN)
        return false;
    if (prov != HVC_PROV_FS) {
        hv_value items = hvc_provider_items(cmd, prov, rest, literal);
        bool any = items.kind == HV_ARRAY && hv_array_len(&items) > 0;
        hv_unref(items);
        if (!*rest)
            return true; /* the drive itself */
        return any;
    }
    hv_value list = hvc_fs_resolve(cmd, path, literal);
    bool found = false;
    for (size_t i = 0; list.kind == HV_ARRAY && i < hv_array_len(&list) && !found; i++)
        found = fs_test_one(cmd, hv_str_cstr(hv_array_at(&list, i)));
    hv_unref(list);
    return found;
}

hv_status
hvc_testpath_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    bool literal = hv_cmd_set_index(cmd) == TP_SET_LITERAL;
    const hv_value *paths = hvc_arg_array(cmd, literal ? TP_LITERAL : TP_PATH);
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        const hv_value *pv = hv_array_at(paths, i);
        if (pv->kind == HV_NULL || (pv->kind == HV_STRING && hv_str_len(pv) == 0)) {
            st = hv_emit(cmd, hv_bool(false));
            continue;
        }
        HV_AUTO hv_value ps = hv_conv_to_string(pv, NULL);
        st = hv_emit(cmd, hv_bool(test_one(cmd, hv_str_cstr(&ps), literal)));
    }
    return st;
}
