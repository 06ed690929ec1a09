/* mgmt_item.c — items on the FileSystem, Environment, Variable, Function and Alias drives:
 * Get-ChildItem, Get-Item, New-Item, Remove-Item, Copy-Item, Move-Item, Rename-Item,
 * Get-ItemProperty, Get-PSDrive.
 *
 * File-system items are snapshots (FileInfo / DirectoryInfo objects with stored properties,
 * lstat'd once). Listings give directories first, then files, each sorted by name, as pwsh
 * enumerates directories before files; dot-files are hidden unless -Force or -Hidden.
 */
#include "cmdlets/data.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

extern char **environ;

/* ---- FileInfo / DirectoryInfo ---- */
static hv_value
prop_or_empty(const hv_value *self, const char *name)
{
    const hv_value *v = hv_obj_get(self, name);
    return v ? hv_ref(v) : hv_str("");
}

static hv_value
col_lastwrite(const hv_value *self)
{
    const hv_value *v = hv_obj_get(self, "LastWriteTime");
    if (!v || v->kind != HV_DATETIME)
        return hv_str("");
    hvc_tm tm;
    hvc_ticks_to_tm(v->u.i, &tm);
    return hv_strf("%d/%d/%04d %02d:%02d", tm.month, tm.day, tm.year, tm.hour, tm.minute);
}

static hv_value
col_size(const hv_value *self)
{
    return prop_or_empty(self, "Size");
}

static hv_value
col_name(const hv_value *self)
{
    const hv_value *n = hv_obj_get(self, "Name");
    const hv_value *t = hv_obj_get(self, "Target");
    if (n && t && t->kind == HV_STRING && hv_str_len(t))
        return hv_strf("%s -> %s", hv_str_cstr(n), hv_str_cstr(t));
    return n ? hv_ref(n) : hv_str("");
}

static hv_value
fs_to_string(const hv_value *self)
{
    return prop_or_empty(self, "FullName");
}

static const hv_view_column fs_view[] = {
    {.label = "UnixMode", .property = "UnixMode", .width = 10, .align = -1},
    {.label = "User", .property = "User", .width = 10, .align = 1},
    {.label = "Group", .property = "Group", .width = 10, .align = -1},
    {.label = "LastWriteTime", .compute = col_lastwrite, .width = 16, .align = 1},
    {.label = "Size", .compute = col_size, .width = 12, .align = 1},
    {.label = "Name", .compute = col_name, .align = -1},
    {.label = NULL},
};

static const char *const fs_bases[] = {"System.IO.FileSystemInfo", "System.MarshalByRefObject",
                                       "System.Object", NULL};
/* pwsh's list view (FileSystem.format.ps1xml "children" ListControl) */
static const char *const file_list[] = {"Name", "Length", "CreationTime", "LastWriteTime",
                                        "LastAccessTime", "Mode", "LinkType", "Target",
                                        "VersionInfo", NULL};
static const char *const dir_list[] = {"Name", "CreationTime", "LastWriteTime", "LastAccessTime",
                                       "Mode", "LinkType", "Target", NULL};
static const hv_obj_class file_class = {
    .type_name = "System.IO.FileInfo", .base_types = fs_bases, .table_view = fs_view,
    .list_view = file_list, .to_string = fs_to_string};
static const hv_obj_class dir_class = {
    .type_name = "System.IO.DirectoryInfo", .base_types = fs_bases, .table_view = fs_view,
    .list_view = dir_list, .to_string = fs_to_string};

static void
unix_mode(mode_t m, char out[11])
{
    char t = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's'
           : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' : '-';
    out[0] = t;
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++)
        out[1 + i] = (m & (0400 >> i)) ? rwx[i] : '-';
    if (m & S_ISUID)
        out[3] = (m & S_IXUSR) ? 's' : 'S';
    if (m & S_ISGID)
        out[6] = (m & S_IXGRP) ? 's' : 'S';
    if (m & S_ISVTX)
        out[9] = (m & S_IXOTH) ? 't' : 'T';
    out[10] = '\0';
}

static int64_t
local_ticks(time_t sec, long nsec)
{
    int64_t utc = HVC_UNIX_EPOCH_TICKS + (int64_t)sec * HVC_TICKS_PER_SEC + nsec / 100;
    return utc + (int64_t)hvc_local_offset(utc) * HVC_TICKS_PER_SEC;
}

static int64_t
utc_ticks(time_t sec, long nsec)
{
    return HVC_UNIX_EPOCH_TICKS + (int64_t)sec * HVC_TICKS_PER_SEC + nsec / 100;
}

static char *
parent_of(const char *full)
{
    const char *s = strrchr(full, '/');
    if (!s || s == full)
        return hv_xstrdup(strcmp(full, "/") == 0 ? "" : "/");
    return hv_xstrndup(full, (size_t)(s - full));
}

static const char *
leaf_of(const char *full)
{
    const char *s = strrchr(full, '/');
    return s && s[1] ? s + 1 : full;
}

/* Listing context: user/group names and the parent object are looked up once per
 * directory rather than once per item (getpwuid reads /etc/passwd each time). */
typedef struct {
    uid_t uid;
    gid_t gid;
    hv_value user, group;   /* HV_NULL until known */
    char *parent_path;
    hv_value parent;        /* DirectoryInfo of parent_path */
} fs_cache;

static void
fs_cache_free(fs_cache *c)
{
    hv_unrefp(&c->user);
    hv_unrefp(&c->group);
    hv_unrefp(&c->parent);
    free(c->parent_path);
    c->parent_path = NULL;
}

static hv_value fs_item_depth(const char *full, int depth, fs_cache *cache);

static void
set_names(hv_value *o, const char *full, bool is_dir)
{
    const char *name = strcmp(full, "/") == 0 ? "/" : leaf_of(full);
    char *parent = parent_of(full);
    hv_obj_set(o, "PSPath", hv_strf("Microsoft.PowerShell.Core\\FileSystem::%s", full));
    hv_obj_set(o, "PSParentPath",
               *parent ? hv_strf("Microsoft.PowerShell.Core\\FileSystem::%s", parent)
                       : hv_str(""));
    hv_obj_set(o, "PSChildName", hv_str(name));
    hv_obj_set(o, "PSDrive", hv_str("/"));
    hv_obj_set(o, "PSProvider", hv_str("Microsoft.PowerShell.Core\\FileSystem"));
    hv_obj_set(o, "PSIsContainer", hv_bool(is_dir));
    hv_obj_set(o, "Name", hv_str(name));
    hv_obj_set(o, "FullName", hv_str(full));
    const char *dot = strrchr(name, '.');
    hv_obj_set(o, "Extension", hv_str(dot && !is_dir ? dot : (dot && is_dir ? dot : "")));
    hv_obj_set(o, "BaseName", is_dir || !dot ? hv_str(name)
                                             : hv_strn(name, (size_t)(dot - name)));
    free(parent);
}

static hv_value
user_name(uid_t uid, fs_cache *c)
{
    if (c && c->user.kind == HV_STRING && c->uid == uid)
        return hv_ref(&c->user);
    struct passwd *pw = getpwuid(uid);
    hv_value v = pw ? hv_str(pw->pw_name) : hv_strf("%u", (unsigned)uid);
    if (c) {
        hv_unref(c->user);
        c->user = hv_ref(&v);
        c->uid = uid;
    }
    return v;
}

static hv_value
group_name(gid_t gid, fs_cache *c)
{
    if (c && c->group.kind == HV_STRING && c->gid == gid)
        return hv_ref(&c->group);
    struct group *gr = getgrgid(gid);
    hv_value v = gr ? hv_str(gr->gr_name) : hv_strf("%u", (unsigned)gid);
    if (c) {
        hv_unref(c->group);
        c->group = hv_ref(&v);
        c->gid = gid;
    }
    return v;
}

static void
set_stat_props(hv_value *o, const struct stat *st, const char *full, fs_cache *cache)
{
    bool is_dir = S_ISDIR(st->st_mode);
    char mode[11];
    unix_mode(st->st_mode, mode);
    bool hidden = leaf_of(full)[0] == '.';
    bool ro = access(full, W_OK) != 0 && !is_dir;
    char m5[6] = {is_dir ? 'd' : '-', ro ? 'r' : '-', hidden ? 'h' : '-', '-',
                  S_ISLNK(st->st_mode) ? 'l' : '-', '\0'};
    hv_obj_set(o, "Mode", hv_str(m5));
    hv_obj_set(o, "UnixMode", hv_str(mode));
    hv_obj_set(o, "User", user_name(st->st_uid, cache));
    hv_obj_set(o, "Group", group_name(st->st_gid, cache));
    hv_obj_set(o, "Size", hv_long((int64_t)st->st_size));
    hv_obj_set(o, "Exists", hv_bool(true));
    hv_obj_set(o, "CreationTime",
               hv_datetime(local_ticks(st->st_ctim.tv_sec, st->st_ctim.tv_nsec), HV_DT_LOCAL));
    hv_obj_set(o, "CreationTimeUtc",
               hv_datetime(utc_ticks(st->st_ctim.tv_sec, st->st_ctim.tv_nsec), HV_DT_UTC));
    hv_obj_set(o, "LastAccessTime",
               hv_datetime(local_ticks(st->st_atim.tv_sec, st->st_atim.tv_nsec), HV_DT_LOCAL));
    hv_obj_set(o, "LastAccessTimeUtc",
               hv_datetime(utc_ticks(st->st_atim.tv_sec, st->st_atim.tv_nsec), HV_DT_UTC));
    hv_obj_set(o, "LastWriteTime",
               hv_datetime(local_ticks(st->st_mtim.tv_sec, st->st_mtim.tv_nsec), HV_DT_LOCAL));
    hv_obj_set(o, "LastWriteTimeUtc",
               hv_datetime(utc_ticks(st->st_mtim.tv_sec, st->st_mtim.tv_nsec), HV_DT_UTC));
    hv_buf attrs = {0};
    if (ro)
        hv_buf_puts(&attrs, "ReadOnly");
    if (hidden)
        hv_buf_puts(&attrs, attrs.len ? ", Hidden" : "Hidden");
    if (is_dir)
        hv_buf_puts(&attrs, attrs.len ? ", Directory" : "Directory");
    if (S_ISLNK(st->st_mode))
        hv_buf_puts(&attrs, attrs.len ? ", ReparsePoint" : "ReparsePoint");
    if (!attrs.len)
        hv_buf_puts(&attrs, "Normal");
    hv_obj_set(o, "Attributes", hv_buf_finish(&attrs));
    if (S_ISLNK(st->st_mode)) {
        char target[PATH_MAX];
        ssize_t n = readlink(full, target, sizeof target - 1);
        hv_obj_set(o, "LinkType", hv_str("SymbolicLink"));
        hv_obj_set(o, "Target", n >= 0 ? hv_strn(target, (size_t)n) : hv_null());
    } else {
        hv_obj_set(o, "LinkType", hv_null());
        hv_obj_set(o, "Target", hv_null());
    }
}

/* The parent DirectoryInfo (depth-limited), shared through the cache within one listing. */
static hv_value
parent_item(const char *parent, int depth, fs_cache *cache)
{
    if (depth <= 0 || !*parent)
        return *parent ? hv_str(parent) : hv_null();
    if (cache && cache->parent_path && strcmp(cache->parent_path, parent) == 0)
        return hv_ref(&cache->parent);
    hv_value p = fs_item_depth(parent, depth - 1, cache);
    if (cache) {
        hv_unref(cache->parent);
        free(cache->parent_path);
        cache->parent_path = hv_xstrdup(parent);
        cache->parent = hv_ref(&p);
    }
    return p;
}

static hv_value
fs_item_depth(const char *full, int depth, fs_cache *cache)
{
    struct stat st, tst;
    if (lstat(full, &st) != 0)
        return hv_null();
    /* a symlink to a directory is listed as a directory, as .NET does */
    bool is_dir = S_ISDIR(st.st_mode) ||
                  (S_ISLNK(st.st_mode) && stat(full, &tst) == 0 && S_ISDIR(tst.st_mode));
    hv_value o = hv_obj_new(is_dir ? &dir_class : &file_class);
    set_names(&o, full, is_dir);
    char *parent = parent_of(full);
    if (!is_dir) {
        hv_obj_set(&o, "Length", hv_long((int64_t)st.st_size));
        hv_obj_set(&o, "DirectoryName", hv_str(parent));
        hv_obj_set(&o, "IsReadOnly", hv_bool(access(full, W_OK) != 0));
        hv_obj_set(&o, "VersionInfo", hv_null());
        hv_obj_set(&o, "Directory", parent_item(parent, depth, cache));
    } else {
        hv_obj_set(&o, "Parent", parent_item(parent, depth, cache));
        hv_obj_set(&o, "Root", hv_str("/"));
    }
    free(parent);
    set_stat_props(&o, &st, full, cache);
    return o;
}

hv_value
hvc_fs_item(const char *full)
{
    fs_cache c = {0};
    hv_value v = fs_item_depth(full, 1, &c);
    fs_cache_free(&c);
    return v;
}

static bool
is_dir_path(const char *full)
{
    struct stat st;
    return stat(full, &st) == 0 && S_ISDIR(st.st_mode);
}

bool
hvc_name_included(const char *leaf, const hv_value *include, const hv_value *exclude)
{
    if (include && include->kind == HV_ARRAY && hv_array_len(include) > 0) {
        bool any = false;
        for (size_t i = 0; i < hv_array_len(include) && !any; i++) {
            HV_AUTO hv_value p = hv_conv_to_string(hv_array_at(include, i), NULL);
            any = hv_wildcard_match(hv_str_cstr(&p), leaf, false);
        }
        if (!any)
            return false;
    }
    for (size_t i = 0; exclude && exclude->kind == HV_ARRAY && i < hv_array_len(exclude); i++) {
        HV_AUTO hv_value p = hv_conv_to_string(hv_array_at(exclude, i), NULL);
        if (hv_wildcard_match(hv_str_cstr(&p), leaf, false))
            return false;
    }
    return true;
}

/* ---- other providers ---- */
static const hv_view_column entry_view[] = {
    {.label = "Name", .property = "Name", .width = 30, .align = -1},
    {.label = "Value", .property = "Value", .align = -1},
    {.label = NULL},
};
static const hv_obj_class entry_class = {
    .type_name = "System.Collections.DictionaryEntry",
    .base_types = (const char *const[]){"System.ValueType", "System.Object", NULL},
    .table_view = entry_view,
};
static const hv_obj_class variable_class = {
    .type_name = "System.Management.Automation.PSVariable",
    .base_types = (const char *const[]){"System.Object", NULL},
    .table_view = entry_view,
};

static hv_value
col_cmd_name(const hv_value *self)
{
    const hv_value *d = hv_obj_get(self, "DisplayName");
    return d ? hv_ref(d) : prop_or_empty(self, "Name");
}

static const hv_view_column command_view[] = {
    {.label = "CommandType", .property = "CommandType", .width = 15, .align = -1},
    {.label = "Name", .compute = col_cmd_name, .width = 50, .align = -1},
    {.label = "Version", .property = "Version", .width = 10, .align = -1},
    {.label = "Source", .property = "Source", .align = -1},
    {.label = NULL},
};
static const hv_obj_class function_class = {
    .type_name = "System.Management.Automation.FunctionInfo",
    .base_types = (const char *const[]){"System.Management.Automation.CommandInfo",
                                        "System.Object", NULL},
    .table_view = command_view,
};
static const hv_obj_class alias_class = {
    .type_name = "System.Management.Automation.AliasInfo",
    .base_types = (const char *const[]){"System.Management.Automation.CommandInfo",
                                        "System.Object", NULL},
    .table_view = command_view,
};

static bool
name_matches(const char *pattern, const char *name, bool literal)
{
    if (!*pattern)
        return true;
    if (literal || !hv_wildcard_has_meta(pattern))
        return hv_str_eq_ci(pattern, name);
    return hv_wildcard_match(pattern, name, false);
}

static hv_value
env_entry(const char *name, const char *value)
{
    hv_value o = hv_obj_new(&entry_class);
    hv_obj_set(&o, "PSPath", hv_strf("Microsoft.PowerShell.Core\\Environment::%s", name));
    hv_obj_set(&o, "PSDrive", hv_str("Env"));
    hv_obj_set(&o, "PSProvider", hv_str("Microsoft.PowerShell.Core\\Environment"));
    hv_obj_set(&o, "PSIsContainer", hv_bool(false));
    hv_obj_set(&o, "Name", hv_str(name));
    hv_obj_set(&o, "Key", hv_str(name));
    hv_obj_set(&o, "Value", hv_str(value));
    return o;
}

static int
obj_name_cmp(const void *a, const void *b)
{
    const hv_value *x = hv_obj_get(a, "Name"), *y = hv_obj_get(b, "Name");
    return hv_str_cmp_ci(hv_str_cstr(x), hv_str_cstr(y));
}

static hv_value
env_items(const char *pattern, bool literal)
{
    hv_value a = hv_array_new(16);
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        char *name = hv_xstrndup(*e, (size_t)(eq - *e));
        if (name_matches(pattern, name, literal))
            hv_array_push(&a, env_entry(name, eq + 1));
        free(name);
    }
    if (hv_array_len(&a) > 1)
        qsort(hv_array_items(&a), hv_array_len(&a), sizeof(hv_value), obj_name_cmp);
    return a;
}

static hv_value
variable_items(hv_cmd *cmd, const char *pattern)
{
    hv_value a = hv_array_new(1);
    if (!*pattern || hv_wildcard_has_meta(pattern))
        return a; /* the SDK has no variable enumeration: exact names only */
    hv_value v = hv_var_get(hv_cmd_ctx(cmd), pattern);
    if (v.kind == HV_NULL)
        return a;
    hv_value o = hv_obj_new(&variable_class);
    hv_obj_set(&o, "Name", hv_str(pattern));
    hv_obj_set(&o, "Value", v);
    hv_array_push(&a, o);
    return a;
}

static hv_value
command_items(hv_cmd *cmd, hvc_provider prov, const char *pattern, bool literal)
{
    hv_value a = hv_array_new(16);
    hv_cmdinfo *list = NULL;
    size_t n = hv_commands_list(hv_cmd_ctx(cmd), false, &list);
    for (size_t i = 0; i < n; i++) {
        bool want = prov == HVC_PROV_ALIAS ? list[i].kind == HV_CMDK_ALIAS
                                           : (list[i].kind == HV_CMDK_FUNCTION ||
                                              list[i].kind == HV_CMDK_FILTER);
        if (!want || !name_matches(pattern, list[i].name, literal))
            continue;
        bool alias = prov == HVC_PROV_ALIAS;
        hv_value o = hv_obj_new(alias ? &alias_class : &function_class);
        const char *def = list[i].definition ? list[i].definition : "";
        hv_obj_set(&o, "CommandType", hv_str(alias ? "Alias"
                                             : list[i].kind == HV_CMDK_FILTER ? "Filter"
                                                                              : "Function"));
        hv_obj_set(&o, "Name", hv_str(list[i].name));
        hv_obj_set(&o, "Definition", hv_str(def));
        if (alias) {
            hv_obj_set(&o, "ReferencedCommand", hv_str(def));
            hv_obj_set(&o, "DisplayName", hv_strf("%s -> %s", list[i].name, def));
        }
        hv_obj_set(&o, "Version", hv_str(""));
        hv_obj_set(&o, "Source", hv_str(list[i].module ? list[i].module : ""));
        hv_array_push(&a, o);
    }
    free(list);
    return a;
}

hv_value
hvc_provider_items(hv_cmd *cmd, hvc_provider prov, const char *pattern, bool literal)
{
    switch (prov) {
    case HVC_PROV_ENV: return env_items(pattern, literal);
    case HVC_PROV_VARIABLE: return variable_items(cmd, pattern);
    case HVC_PROV_FUNCTION:
    case HVC_PROV_ALIAS: return command_items(cmd, prov, pattern, literal);
    default: return hv_array_new(0);
    }
}

/* ---- Get-ChildItem ---- */
enum { GCI_SET_ITEMS, GCI_SET_LITERAL };
enum { GCI_PATH, GCI_LITERAL, GCI_FILTER, GCI_INCLUDE, GCI_EXCLUDE, GCI_RECURSE, GCI_DEPTH,
       GCI_FORCE, GCI_NAME, GCI_ATTRIBUTES, GCI_FOLLOW, GCI_DIRECTORY, GCI_FILE, GCI_HIDDEN,
       GCI_READONLY, GCI_SYSTEM, GCI__N };

const hv_param_def hvc_gci_params[GCI__N + 1] = {
    [GCI_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                  .sets = HV_SET(GCI_SET_ITEMS),
                  .flags = HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY |
                           HV_PF_WILDCARDS,
                  .help = "Specifies a path to one or more locations. Wildcards are accepted. "
                          "The default location is the current directory (.)."},
    [GCI_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .sets = HV_SET(GCI_SET_LITERAL),
                     .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                     .aliases = (const char *const[]){"PSPath", "LP", NULL},
                     .help = "Specifies a path to one or more locations, used exactly as "
                             "typed: no characters are interpreted as wildcards."},
    [GCI_FILTER] = {.name = "Filter", .type = HV_PT_STRING, .position = 1,
                    .flags = HV_PF_WILDCARDS,
                    .help = "Specifies a filter to qualify the Path parameter: a wildcard "
                            "pattern on the item names, such as *.txt."},
    [GCI_INCLUDE] = {.name = "Include", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                     .help = "Specifies an array of name patterns; only matching items are "
                             "returned."},
    [GCI_EXCLUDE] = {.name = "Exclude", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                     .help = "Specifies an array of name patterns to exclude from the "
                             "output."},
    [GCI_RECURSE] = {.name = "Recurse", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .aliases = (const char *const[]){"s", "r", NULL},
                     .help = "Gets the items in the specified locations and in all child "
                             "items of the locations."},
    [GCI_DEPTH] = {.name = "Depth", .type = HV_PT_UINT32, .position = HV_POS_NAMED,
                   .help = "Determines the number of subdirectory levels that are included "
                           "in the recursion (implies -Recurse)."},
    [GCI_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Allows the cmdlet to get items that otherwise can't be accessed "
                           "by the user, such as hidden (dot) files."},
    [GCI_NAME] = {.name = "Name", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Gets only the names of the items in the location, as strings."},
    [GCI_ATTRIBUTES] = {.name = "Attributes", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                        .help = "Gets files and folders with the specified attributes "
                                "(Directory, Hidden, ReadOnly, ...; !Directory negates)."},
    [GCI_FOLLOW] = {.name = "FollowSymlink", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "Searches the directories referenced by symbolic links when "
                            "recursing."},
    [GCI_DIRECTORY] = {.name = "Directory", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                       .aliases = (const char *const[]){"ad", "d", NULL},
                       .help = "Gets only directories."},
    [GCI_FILE] = {.name = "File", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .aliases = (const char *const[]){"af", NULL}, .help = "Gets only files."},
    [GCI_HIDDEN] = {.name = "Hidden", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .aliases = (const char *const[]){"ah", "h", NULL},
                    .help = "Gets only hidden items (names starting with a dot)."},
    [GCI_READONLY] = {.name = "ReadOnly", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .aliases = (const char *const[]){"ar", NULL},
                      .help = "Gets only read-only items."},
    [GCI_SYSTEM] = {.name = "System", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .aliases = (const char *const[]){"as", NULL},
                    .help = "Gets only system files (none on Linux)."},
    [GCI__N] = {.name = NULL},
};

typedef struct {
    hv_cmd *cmd;
    bool recurse, force, names, dirs_only, files_only, hidden_only, ro_only, system_only;
    bool follow;
    int64_t max_depth; /* -1 = unlimited */
    const char *filter;
    const hv_value *include, *exclude;
    char *attr_filter;
    const char *leaf_pattern; /* "*.txt" of "dir *.txt -Recurse" */
    fs_cache cache;
} gci_opts;

static bool
attributes_ok(const gci_opts *o, const hv_value *item)
{
    if (!o->attr_filter)
        return true;
    const hv_value *a = hv_obj_get(item, "Attributes");
    const char *attrs = a ? hv_str_cstr(a) : "";
    /* "Directory", "!Directory", "Hidden+ReadOnly", "Directory,Hidden" (any of) */
    char *spec = hv_xstrdup(o->attr_filter), *save = NULL;
    bool ok = false;
    for (char *alt = strtok_r(spec, ",", &save); alt && !ok; alt = strtok_r(NULL, ",", &save)) {
        bool all = true;
        char *save2 = NULL;
        for (char *t = strtok_r(alt, "+", &save2); t; t = strtok_r(NULL, "+", &save2)) {
            while (*t == ' ')
                t++;
            bool neg = *t == '!';
            if (neg)
                t++;
            bool has = strcasestr(attrs, t) != NULL;
            if (has == neg)
                all = false;
        }
        ok = all;
    }
    free(spec);
    return ok;
}

static bool
child_wanted(const gci_opts *o, const char *name, bool is_dir, bool ro)
{
    bool hidden = name[0] == '.';
    if (o->hidden_only && !hidden)
        return false;
    if (hidden && !o->force && !o->hidden_only)
        return false;
    if (o->dirs_only && !is_dir)
        return false;
    if (o->files_only && is_dir)
        return false;
    if (o->ro_only && !ro)
        return false;
    if (o->system_only)
        return false;
    if (o->leaf_pattern && !hv_wildcard_match(o->leaf_pattern, name, false))
        return false;
    if (o->filter && !hv_wildcard_match(o->filter, name, false))
        return false;
    return hvc_name_included(name, o->include, o->exclude);
}

static hv_status
emit_item(gci_opts *o, const char *full, const char *rel)
{
    if (o->names)
        return hv_emit(o->cmd, hv_str(rel));
    hv_value item = fs_item_depth(full, 1, &o->cache);
    if (item.kind == HV_NULL)
        return HV_OK;
    if (!attributes_ok(o, &item)) {
        hv_unref(item);
        return HV_OK;
    }
    return hv_emit(o->cmd, item);
}

/* Sorted children of dir: directories first, then the rest. */
static hv_value
list_dir(const char *dir, hv_value *dirs_out)
{
    hv_value dirs = hv_array_new(8), files = hv_array_new(8);
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *full = hv_xasprintf("%s%s%s", dir, strcmp(dir, "/") ? "/" : "", e->d_name);
            hv_array_push(is_dir_path(full) ? &dirs : &files, hv_str(e->d_name));
            free(full);
        }
        closedir(d);
    }
    hvc_sort_strings(&dirs);
    hvc_sort_strings(&files);
    *dirs_out = dirs;
    return files;
}

static hv_status
gci_dir(gci_opts *o, const char *dir, const char *rel, int64_t depth)
{
    hv_value dirs, files = list_dir(dir, &dirs);
    hv_status st = HV_OK;
    const hv_value *groups[2] = {&dirs, &files};
    for (int g = 0; g < 2 && st == HV_OK; g++) {
        for (size_t i = 0; i < hv_array_len(groups[g]) && st == HV_OK; i++) {
            const char *name = hv_str_cstr(hv_array_at(groups[g], i));
            char *full = hv_xasprintf("%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name);
            char *r = *rel ? hv_xasprintf("%s/%s", rel, name) : hv_xstrdup(name);
            bool ro = g == 1 && access(full, W_OK) != 0;
            if (child_wanted(o, name, g == 0, ro))
                st = emit_item(o, full, r);
            free(full);
            free(r);
            if (st == HV_OK && hv_cmd_interrupted(o->cmd))
                st = HV_STOPPED;
        }
    }
    /* then each subdirectory's listing, as pwsh recurses after listing a directory */
    if (o->recurse && (o->max_depth < 0 || depth < o->max_depth)) {
        for (size_t i = 0; i < hv_array_len(&dirs) && st == HV_OK; i++) {
            const char *name = hv_str_cstr(hv_array_at(&dirs, i));
            if (name[0] == '.' && !o->force && !o->hidden_only)
                continue;
            char *full = hv_xasprintf("%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name);
            struct stat lst;
            bool link = lstat(full, &lst) == 0 && S_ISLNK(lst.st_mode);
            if (!link || o->follow) {
                char *r = *rel ? hv_xasprintf("%s/%s", rel, name) : hv_xstrdup(name);
                st = gci_dir(o, full, r, depth + 1);
                free(r);
            }
            free(full);
        }
    }
    hv_unref(dirs);
    hv_unref(files);
    return st;
}

static hv_status
gci_provider(gci_opts *o, hvc_provider prov, const char *rest, bool literal)
{
    hv_value items = hvc_provider_items(o->cmd, prov, rest, literal);
    hv_status st = HV_OK;
    for (size_t i = 0; i < hv_array_len(&items) && st == HV_OK; i++) {
        const hv_value *it = hv_array_at(&items, i);
        const hv_value *name = hv_obj_get(it, "Name");
        const char *n = name ? hv_str_cstr(name) : "";
        if ((o->filter && !hv_wildcard_match(o->filter, n, false)) ||
            !hvc_name_included(n, o->include, o->exclude))
            continue;
        st = hv_emit(o->cmd, o->names ? hv_str(n) : hv_ref(it));
    }
    if (hv_array_len(&items) == 0 && *rest && !hv_wildcard_has_meta(rest))
        st = hvc_path_not_found(o->cmd, rest);
    hv_unref(items);
    return st;
}

static hv_status
gci_path(gci_opts *o, const char *path, bool literal)
{
    const char *rest;
    hvc_provider prov = hvc_path_provider(path, &rest);
    if (prov == HVC_PROV_UNKNOWN)
        return hvc_drive_not_found(o->cmd, path);
    if (prov != HVC_PROV_FS)
        return gci_provider(o, prov, rest, literal);
    char *full = hvc_fs_full_path(o->cmd, path);
    bool wild = !literal && hv_wildcard_has_meta(full);
    if (!wild) {
        struct stat st;
        if (lstat(full, &st) != 0) {
            free(full);
            return hvc_path_not_found(o->cmd, path);
        }
        hv_status s;
        if (is_dir_path(full)) {
            s = gci_dir(o, full, "", 0);
        } else {
            const char *leaf = leaf_of(full);
            /* a file named explicitly is returned even when hidden */
            s = child_wanted(o, leaf, false, false) || leaf[0] == '.' ? emit_item(o, full, leaf)
                                                                      : HV_OK;
        }
        free(full);
        return s;
    }
    /* wildcards with -Recurse: the leaf pattern filters names at every level below the
     * parent ("dir *.txt -Recurse" finds the .txt files of the whole tree, as in pwsh) */
    char *slash = strrchr(full, '/');
    if (o->recurse && slash && hv_wildcard_has_meta(slash + 1)) {
        char *parent = slash == full ? hv_xstrdup("/") : hv_xstrndup(full, (size_t)(slash - full));
        hv_status st = HV_OK;
        if (!hv_wildcard_has_meta(parent)) {
            o->leaf_pattern = slash + 1;
            if (is_dir_path(parent))
                st = gci_dir(o, parent, "", 0);
            o->leaf_pattern = NULL;
            free(parent);
            free(full);
            return st;
        }
        free(parent);
    }
    /* wildcards: the matching items themselves (directories are listed when recursing) */
    hv_value list = hvc_fs_resolve_ex(o->cmd, path, false, o->force || o->hidden_only);
    free(full);
    if (list.kind != HV_ARRAY)
        return HV_OK; /* a wildcard that matches nothing is not an error */
    hv_status st = HV_OK;
    for (size_t i = 0; i < hv_array_len(&list) && st == HV_OK; i++) {
        const char *f = hv_str_cstr(hv_array_at(&list, i));
        bool d = is_dir_path(f);
        if (child_wanted(o, leaf_of(f), d, false))
            st = emit_item(o, f, leaf_of(f));
        if (st == HV_OK && d && o->recurse)
            st = gci_dir(o, f, leaf_of(f), 1);
    }
    hv_unref(list);
    return st;
}

hv_status
hvc_gci_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    gci_opts o = {
        .cmd = cmd,
        .recurse = hv_cmd_switch(cmd, GCI_RECURSE) || hv_cmd_bound(cmd, GCI_DEPTH),
        .force = hv_cmd_switch(cmd, GCI_FORCE),
        .names = hv_cmd_switch(cmd, GCI_NAME),
        .dirs_only = hv_cmd_switch(cmd, GCI_DIRECTORY),
        .files_only = hv_cmd_switch(cmd, GCI_FILE),
        .hidden_only = hv_cmd_switch(cmd, GCI_HIDDEN),
        .ro_only = hv_cmd_switch(cmd, GCI_READONLY),
        .system_only = hv_cmd_switch(cmd, GCI_SYSTEM),
        .follow = hv_cmd_switch(cmd, GCI_FOLLOW),
        .max_depth = hv_cmd_bound(cmd, GCI_DEPTH) ? hvc_arg_int(cmd, GCI_DEPTH, 0) : -1,
        .filter = hvc_arg_str(cmd, GCI_FILTER),
        .include = hv_cmd_arg(cmd, GCI_INCLUDE),
        .exclude = hv_cmd_arg(cmd, GCI_EXCLUDE),
    };
    const char *attrs = hvc_arg_str(cmd, GCI_ATTRIBUTES);
    o.attr_filter = attrs ? hv_xstrdup(attrs) : NULL;
    bool literal = hv_cmd_set_index(cmd) == GCI_SET_LITERAL;
    const hv_value *paths = hvc_arg_array(cmd, literal ? GCI_LITERAL : GCI_PATH);
    hv_status st = HV_OK;
    if (!paths || hv_array_len(paths) == 0) {
        st = gci_path(&o, ".", false);
    } else {
        for (size_t i = 0; i < hv_array_len(paths) && st == HV_OK; i++) {
            HV_AUTO hv_value p = hv_conv_to_string(hv_array_at(paths, i), NULL);
            st = gci_path(&o, hv_str_cstr(&p), literal);
        }
    }
    free(o.attr_filter);
    fs_cache_free(&o.cache);
    return st;
}

/* ---- Get-Item ---- */
enum { GI_SET_PATH, GI_SET_LITERAL };
enum { GI_PATH, GI_LITERAL, GI_FILTER, GI_INCLUDE, GI_EXCLUDE, GI_FORCE, GI__N };

const hv_param_def hvc_getitem_params[GI__N + 1] = {
    [GI_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(GI_SET_PATH),
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                          HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .help = "Specifies the path to an item. Wildcard characters are permitted."},
    [GI_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(GI_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies a path to one or more locations, used exactly as "
                            "typed."},
    [GI_FILTER] = {.name = "Filter", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .help = "Specifies a filter (wildcard pattern) on the item names."},
    [GI_INCLUDE] = {.name = "Include", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies name patterns the items must match."},
    [GI_EXCLUDE] = {.name = "Exclude", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies name patterns of items to omit."},
    [GI_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Gets items that otherwise can't be accessed, such as hidden "
                          "items."},
    [GI__N] = {.name = NULL},
};

hv_status
hvc_getitem_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    bool literal = hv_cmd_set_index(cmd) == GI_SET_LITERAL;
    const hv_value *paths = hvc_arg_array(cmd, literal ? GI_LITERAL : GI_PATH);
    const char *filter = hvc_arg_str(cmd, GI_FILTER);
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        const char *p = hv_str_cstr(&ps), *rest;
        hvc_provider prov = hvc_path_provider(p, &rest);
        hv_value list = prov == HVC_PROV_FS ? hvc_fs_resolve_ex(cmd, p, literal,
                                                                 hv_cmd_switch(cmd, GI_FORCE))
                                            : hvc_provider_items(cmd, prov, rest, literal);
        if (list.kind != HV_ARRAY || hv_array_len(&list) == 0) {
            hv_unref(list);
            if (literal || !hv_wildcard_has_meta(p))
                st = hvc_path_not_found(cmd, p);
            continue;
        }
        for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++) {
            const hv_value *e = hv_array_at(&list, j);
            if (prov != HVC_PROV_FS) {
                st = hv_emit(cmd, hv_ref(e));
                continue;
            }
            const char *leaf = leaf_of(hv_str_cstr(e));
            if ((filter && !hv_wildcard_match(filter, leaf, false)) ||
                !hvc_name_included(leaf, hv_cmd_arg(cmd, GI_INCLUDE),
                                   hv_cmd_arg(cmd, GI_EXCLUDE)))
                continue;
            st = hv_emit(cmd, hvc_fs_item(hv_str_cstr(e)));
        }
        hv_unref(list);
    }
    return st;
}

/* ---- New-Item ---- */
enum { NI_SET_PATH, NI_SET_NAME };
enum { NI_PATH, NI_NAME, NI_TYPE, NI_VALUE, NI_FORCE, NI__N };

const hv_param_def hvc_newitem_params[NI__N + 1] = {
    [NI_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY, .mandatory_sets = 0,
                 .help = "Specifies the path of the location of the new item. With -Name, "
                         "the folder in which the item is created (default: the current "
                         "location)."},
    [NI_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .sets = HV_SET(NI_SET_NAME), .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                 .help = "Specifies the name of the new item."},
    [NI_TYPE] = {.name = "ItemType", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .flags = HV_PF_BY_PROPERTY_NAME,
                 .aliases = (const char *const[]){"Type", NULL},
                 .help = "Specifies the provider-specified type of the new item: File (the "
                         "default), Directory, SymbolicLink or HardLink."},
    [NI_VALUE] = {.name = "Value", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                  .aliases = (const char *const[]){"Target", NULL},
                  .help = "Specifies the value of the new item: the content of a file, the "
                          "target of a link, or the value of an environment variable."},
    [NI_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Forces this cmdlet to create an item that writes over an existing "
                          "read-only item, and creates missing parent folders."},
    [NI__N] = {.name = NULL},
};

static hv_status
io_error(hv_cmd *cmd, const char *id, const char *path, int err)
{
    const char *fq = id; /* the runtime appends ",<cmdlet class>" */
    if (err == ENOENT)
        return hvc_error(cmd, HV_CAT_WriteError, fq, path,
                         "Could not find a part of the path '%s'.", path);
    if (err == EACCES || err == EPERM)
        return hvc_error(cmd, HV_CAT_PermissionDenied, fq, path,
                         "Access to the path '%s' is denied.", path);
    return hvc_error(cmd, HV_CAT_WriteError, fq, path, "%s: '%s'", strerror(err), path);
}

static int
mkdir_p(const char *path)
{
    char *p = hv_xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = '/';
        }
    }
    int r = mkdir(p, 0777);
    if (r != 0 && errno == EEXIST && is_dir_path(p))
        r = 0;
    free(p);
    return r;
}

static int
write_file(const char *path, const char *data, size_t len, bool append)
{
    int fd = open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0666);
    if (fd < 0)
        return -1;
    size_t off = 0;
    while (off < len) {
        ssize_t n = write(fd, data + off, len - off);
        if (n < 0) {
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        off += (size_t)n;
    }
    return close(fd);
}

static hv_status
new_provider_item(hv_cmd *cmd, hvc_provider prov, const char *name, const hv_value *value)
{
    HV_AUTO hv_value vs = value ? hv_conv_to_string(value, NULL) : hv_str("");
    if (prov == HVC_PROV_ENV) {
        if (getenv(name) && !hv_cmd_switch(cmd, NI_FORCE))
            return hvc_error(cmd, HV_CAT_ResourceExists,
                             "NewItemProviderException",
                             name, "The item at path '%s' already exists.", name);
        if (!hv_should_process(cmd, name, "New Item"))
            return HV_OK;
        setenv(name, hv_str_cstr(&vs), 1);
        return hv_emit(cmd, env_entry(name, hv_str_cstr(&vs)));
    }
    if (prov == HVC_PROV_VARIABLE) {
        hv_var_set(hv_cmd_ctx(cmd), name, value ? hv_ref(value) : hv_null());
        hv_value o = hv_obj_new(&variable_class);
        hv_obj_set(&o, "Name", hv_str(name));
        hv_obj_set(&o, "Value", value ? hv_ref(value) : hv_null());
        return hv_emit(cmd, o);
    }
    return hvc_error(cmd, HV_CAT_NotImplemented, "NotSupported", name,
                     "New-Item on this drive is not supported by hvsh.");
}

static hv_status
new_fs_item(hv_cmd *cmd, const char *full, const char *type, const hv_value *value)
{
    bool force = hv_cmd_switch(cmd, NI_FORCE);
    bool is_dir = hv_str_eq_ci(type, "Directory") || hv_str_eq_ci(type, "Container");
    bool is_link = hv_str_eq_ci(type, "SymbolicLink");
    bool is_hard = hv_str_eq_ci(type, "HardLink");
    if (!is_dir && !is_link && !is_hard && !hv_str_eq_ci(type, "File"))
        return hvc_error(cmd, HV_CAT_InvalidArgument,
                         "Argument", type,
                         "The provider does not support the use of the item type '%s'.", type);
    struct stat st;
    bool exists = lstat(full, &st) == 0;
    if (exists && !(force && (is_dir ? S_ISDIR(st.st_mode) : !S_ISDIR(st.st_mode)))) {
        const char *fq = is_dir ? "DirectoryExist" : "NewItemIOError";
        return hvc_error(cmd, HV_CAT_ResourceExists, fq, full,
                         is_dir ? "An item with the specified name %s already exists."
                                : "The file '%s' already exists.", full);
    }
    char *what = hv_xasprintf("Destination: %s", full);
    bool go_on = hv_should_process(cmd, what, is_dir ? "Create Directory" : "Create File");
    free(what);
    if (!go_on)
        return HV_OK;
    char *parent = parent_of(full);
    if (force && *parent && !is_dir_path(parent))
        mkdir_p(parent);
    free(parent);
    int r = 0;
    HV_AUTO hv_value vs = value && value->kind != HV_NULL ? hv_conv_to_string(value, NULL)
                                                          : hv_str("");
    if (is_dir) {
        r = exists ? 0 : mkdir_p(full);
    } else if (is_link || is_hard) {
        if (exists && force)
            unlink(full);
        r = is_link ? symlink(hv_str_cstr(&vs), full) : link(hv_str_cstr(&vs), full);
    } else {
        r = write_file(full, hv_str_cstr(&vs), hv_str_len(&vs), false);
    }
    if (r != 0)
        return io_error(cmd, "NewItemIOError", full, errno);
    return hv_emit(cmd, hvc_fs_item(full));
}

hv_status
hvc_newitem_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *paths = hvc_arg_array(cmd, NI_PATH);
    const char *name = hvc_arg_str(cmd, NI_NAME);
    const char *type = hvc_arg_str(cmd, NI_TYPE);
    const hv_value *value = hv_cmd_arg(cmd, NI_VALUE);
    hv_status st = HV_OK;
    size_t n = paths ? hv_array_len(paths) : 0;
    if (n == 0 && !name)
        return hvc_throw(cmd, HV_CAT_InvalidArgument,
                         "ParameterBindingFailed",
                         NULL, "Cannot bind argument to parameter 'Path' because it is null.");
    for (size_t i = 0; i < (n ? n : 1) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = n ? hv_conv_to_string(hv_array_at(paths, i), NULL) : hv_str(".");
        char *p = name ? hv_xasprintf("%s/%s", hv_str_cstr(&ps), name)
                       : hv_xstrdup(hv_str_cstr(&ps));
        const char *rest;
        hvc_provider prov = hvc_path_provider(name && !n ? name : p, &rest);
        if (name && n) {
            /* -Path env: -Name X */
            const char *r2;
            hvc_provider pp = hvc_path_provider(hv_str_cstr(&ps), &r2);
            if (pp != HVC_PROV_FS) {
                prov = pp;
                rest = name;
            }
        }
        if (prov == HVC_PROV_UNKNOWN) {
            st = hvc_drive_not_found(cmd, name && !n ? name : p);
        } else if (prov != HVC_PROV_FS) {
            st = new_provider_item(cmd, prov, rest, value);
        } else {
            char *full = hvc_fs_full_path(cmd, p);
            st = new_fs_item(cmd, full, type ? type : "File", value);
            free(full);
        }
        free(p);
    }
    return st;
}

/* ---- Remove-Item ---- */
enum { RI_SET_PATH, RI_SET_LITERAL };
enum { RI_PATH, RI_LITERAL, RI_FILTER, RI_INCLUDE, RI_EXCLUDE, RI_RECURSE, RI_FORCE, RI__N };

const hv_param_def hvc_removeitem_params[RI__N + 1] = {
    [RI_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(RI_SET_PATH),
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                          HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .help = "Specifies a path of the items being removed. Wildcard characters "
                         "are permitted."},
    [RI_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(RI_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies a path to one or more locations, used exactly as "
                            "typed."},
    [RI_FILTER] = {.name = "Filter", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .help = "Specifies a filter (wildcard pattern) on the names to remove."},
    [RI_INCLUDE] = {.name = "Include", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies name patterns of the items to delete."},
    [RI_EXCLUDE] = {.name = "Exclude", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies name patterns of items to keep."},
    [RI_RECURSE] = {.name = "Recurse", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .aliases = (const char *const[]){"r", NULL},
                    .help = "Deletes the items in the specified locations and in all child "
                            "items of the locations."},
    [RI_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Forces the cmdlet to remove items that can't otherwise be changed, "
                          "such as hidden or read-only files."},
    [RI__N] = {.name = NULL},
};

static int
remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode))
        return unlink(path);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    struct dirent *e;
    int r = 0;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *c = hv_xasprintf("%s/%s", path, e->d_name);
        if (remove_tree(c) != 0)
            r = -1;
        free(c);
    }
    closedir(d);
    return r == 0 ? rmdir(path) : r;
}

static bool
dir_empty(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return true;
    struct dirent *e;
    bool empty = true;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            empty = false;
    closedir(d);
    return empty;
}

static hv_status
remove_fs(hv_cmd *cmd, const char *full)
{
    struct stat st;
    if (lstat(full, &st) != 0)
        return hvc_path_not_found(cmd, full);
    bool dir = S_ISDIR(st.st_mode);
    if (dir && !dir_empty(full) && !hv_cmd_switch(cmd, RI_RECURSE))
        return hvc_error(cmd, HV_CAT_WriteError,
                         "DirectoryNotEmpty",
                         full, "The item at %s has children and the Recurse parameter was "
                               "not specified. If you continue, all children will be removed "
                               "with the item. Are you sure you want to continue?", full);
    if (!hv_should_process(cmd, full, dir ? "Remove Directory" : "Remove File"))
        return HV_OK;
    int r = dir ? remove_tree(full) : unlink(full);
    if (r != 0)
        return io_error(cmd, dir ? "RemoveFileSystemItemIOError" : "RemoveFileSystemItemIOError",
                        full, errno);
    return HV_OK;
}

static hv_status
remove_provider(hv_cmd *cmd, hvc_provider prov, const char *pattern, bool literal)
{
    if (prov == HVC_PROV_VARIABLE || prov == HVC_PROV_ALIAS) {
        hv_value found = hvc_provider_items(cmd, prov, pattern, literal);
        hv_status rs = HV_OK;
        if (hv_array_len(&found) == 0 && !hv_wildcard_has_meta(pattern)) {
            char *p = hv_xasprintf("%s:\\%s", prov == HVC_PROV_ALIAS ? "Alias" : "Variable",
                                   pattern);
            rs = hvc_error(cmd, HV_CAT_ObjectNotFound, "PathNotFound", p,
                           "Cannot find path '%s' because it does not exist.", p);
            free(p);
        }
        for (size_t i = 0; i < hv_array_len(&found) && rs == HV_OK; i++) {
            const hv_value *nv = hv_obj_get(hv_array_at(&found, i), "Name");
            if (!nv || nv->kind != HV_STRING)
                continue;
            char *target = hv_xasprintf("Item: %s", hv_str_cstr(nv));
            if (hv_should_process(cmd, target, "Remove Item"))
                rs = hvc_remove_session_item(cmd, prov, hv_str_cstr(nv));
            free(target);
        }
        hv_unref(found);
        return rs;
    }
    if (prov != HVC_PROV_ENV)
        return hvc_error(cmd, HV_CAT_NotImplemented, "NotSupported", pattern,
                         "Remove-Item on this drive is not supported by hvsh; use "
                         "Remove-Variable or Remove-Alias.");
    hv_value items = env_items(pattern, literal);
    hv_status st = HV_OK;
    if (hv_array_len(&items) == 0 && !hv_wildcard_has_meta(pattern)) {
        char *p = hv_xasprintf("Env:\\%s", pattern);
        st = hvc_error(cmd, HV_CAT_ObjectNotFound, "PathNotFound", p,
                       "Cannot find path '%s' because it does not exist.", p);
        free(p);
    }
    for (size_t i = 0; i < hv_array_len(&items) && st == HV_OK; i++) {
        const char *name = hv_str_cstr(hv_obj_get(hv_array_at(&items, i), "Name"));
        char *target = hv_xasprintf("Item: %s", name);
        if (hv_should_process(cmd, target, "Remove Item"))
            unsetenv(name);
        free(target);
    }
    hv_unref(items);
    return st;
}

static bool
remove_selected(hv_cmd *cmd, const char *leaf, const char *filter)
{
    return (!filter || hv_wildcard_match(filter, leaf, false)) &&
           hvc_name_included(leaf, hv_cmd_arg(cmd, RI_INCLUDE), hv_cmd_arg(cmd, RI_EXCLUDE));
}

/* One resolved item. With -Recurse and a name filter (-Include/-Filter), a directory that
 * is not itself selected is searched for selected items ("Remove-Item * -Include *.tmp
 * -Recurse" deletes the .tmp files of the whole tree, as in pwsh). */
static hv_status
remove_matching(hv_cmd *cmd, const char *full, const char *filter)
{
    const char *leaf = leaf_of(full);
    if (remove_selected(cmd, leaf, filter))
        return remove_fs(cmd, full);
    bool narrowing = filter || hv_cmd_arg(cmd, RI_INCLUDE);
    if (!hv_cmd_switch(cmd, RI_RECURSE) || !narrowing || !is_dir_path(full))
        return HV_OK;
    hv_value dirs, files = list_dir(full, &dirs);
    hv_status st = HV_OK;
    const hv_value *groups[2] = {&files, &dirs};
    for (int g = 0; g < 2 && st == HV_OK; g++) {
        for (size_t i = 0; i < hv_array_len(groups[g]) && st == HV_OK; i++) {
            char *c = hv_xasprintf("%s/%s", full, hv_str_cstr(hv_array_at(groups[g], i)));
            st = remove_matching(cmd, c, filter);
            free(c);
        }
    }
    hv_unref(dirs);
    hv_unref(files);
    return st;
}

hv_status
hvc_removeitem_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    bool literal = hv_cmd_set_index(cmd) == RI_SET_LITERAL;
    const hv_value *paths = hvc_arg_array(cmd, literal ? RI_LITERAL : RI_PATH);
    const char *filter = hvc_arg_str(cmd, RI_FILTER);
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        const char *p = hv_str_cstr(&ps), *rest;
        hvc_provider prov = hvc_path_provider(p, &rest);
        if (prov == HVC_PROV_UNKNOWN) {
            st = hvc_drive_not_found(cmd, p);
            continue;
        }
        if (prov != HVC_PROV_FS) {
            st = remove_provider(cmd, prov, rest, literal);
            continue;
        }
        hv_value list = hvc_fs_resolve_ex(cmd, p, literal, hv_cmd_switch(cmd, RI_FORCE));
        if (list.kind != HV_ARRAY) {
            if (literal || !hv_wildcard_has_meta(p))
                st = hvc_path_not_found(cmd, p);
            continue;
        }
        for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++)
            st = remove_matching(cmd, hv_str_cstr(hv_array_at(&list, j)), filter);
        hv_unref(list);
    }
    return st;
}

/* ---- Copy-Item / Move-Item ---- */
enum { CI_SET_PATH, CI_SET_LITERAL };
enum { CI_PATH, CI_LITERAL, CI_DEST, CI_RECURSE, CI_FORCE, CI_CONTAINER, CI_PASSTHRU,
       CI_FILTER, CI_INCLUDE, CI_EXCLUDE, CI__N };

const hv_param_def hvc_copyitem_params[CI__N + 1] = {
    [CI_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(CI_SET_PATH),
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                          HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .help = "Specifies, as a string array, the path to the items to copy. "
                         "Wildcard characters are permitted."},
    [CI_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(CI_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to the items, used exactly as typed."},
    [CI_DEST] = {.name = "Destination", .type = HV_PT_STRING, .position = 1,
                 .flags = HV_PF_BY_PROPERTY_NAME,
                 .help = "Specifies the path to the new location. The default is the current "
                         "directory. An existing directory receives the item under its own "
                         "name."},
    [CI_RECURSE] = {.name = "Recurse", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .help = "Indicates that this cmdlet does a recursive copy."},
    [CI_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Indicates that this cmdlet copies items that can't otherwise be "
                          "changed, such as read-only files, and overwrites existing ones."},
    [CI_CONTAINER] = {.name = "Container", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .help = "Indicates that this cmdlet preserves container objects during "
                              "the copy operation (the default)."},
    [CI_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Returns an object that represents the copied item."},
    [CI_FILTER] = {.name = "Filter", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .help = "Specifies a filter (wildcard pattern) to qualify the Path "
                           "parameter."},
    [CI_INCLUDE] = {.name = "Include", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies name patterns of the items to copy."},
    [CI_EXCLUDE] = {.name = "Exclude", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies name patterns of the items not to copy."},
    [CI__N] = {.name = NULL},
};

static int
copy_file(const char *src, const char *dst)
{
    int in = open(src, O_RDONLY);
    if (in < 0)
        return -1;
    struct stat st;
    fstat(in, &st);
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777);
    if (out < 0) {
        int e = errno;
        close(in);
        errno = e;
        return -1;
    }
    char buf[65536];
    ssize_t n;
    int r = 0;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        if (write(out, buf, (size_t)n) != n) {
            r = -1;
            break;
        }
    }
    if (n < 0)
        r = -1;
    close(in);
    if (close(out) != 0)
        r = -1;
    return r;
}

static int
copy_tree(const char *src, const char *dst, bool recurse)
{
    if (!is_dir_path(src))
        return copy_file(src, dst);
    if (mkdir(dst, 0777) != 0 && errno != EEXIST)
        return -1;
    if (!recurse)
        return 0;
    DIR *d = opendir(src);
    if (!d)
        return -1;
    struct dirent *e;
    int r = 0;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *s = hv_xasprintf("%s/%s", src, e->d_name);
        char *t = hv_xasprintf("%s/%s", dst, e->d_name);
        if (copy_tree(s, t, true) != 0)
            r = -1;
        free(s);
        free(t);
    }
    closedir(d);
    return r;
}

/* Destination of one source: into an existing directory, or the path itself. */
static char *
target_path(const char *src, const char *dest_full)
{
    if (is_dir_path(dest_full))
        return hv_xasprintf("%s%s%s", dest_full, strcmp(dest_full, "/") ? "/" : "",
                            leaf_of(src));
    return hv_xstrdup(dest_full);
}

static hv_status
transfer(hv_cmd *cmd, bool move, int path_idx, int lit_idx, int dest_idx, int passthru_idx)
{
    bool literal = hv_cmd_bound(cmd, lit_idx);
    const hv_value *paths = hvc_arg_array(cmd, literal ? lit_idx : path_idx);
    const char *dest = hvc_arg_str(cmd, dest_idx);
    char *dest_full = hvc_fs_full_path(cmd, dest ? dest : ".");
    bool force = move ? hv_cmd_switch(cmd, 3) : hv_cmd_switch(cmd, CI_FORCE);
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        hv_value list = hvc_fs_resolve(cmd, hv_str_cstr(&ps), literal);
        if (list.kind != HV_ARRAY) {
            st = hvc_path_not_found(cmd, hv_str_cstr(&ps));
            continue;
        }
        for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++) {
            const char *src = hv_str_cstr(hv_array_at(&list, j));
            const char *filter = move ? NULL : hvc_arg_str(cmd, CI_FILTER);
            if (!move && ((filter && !hv_wildcard_match(filter, leaf_of(src), false)) ||
                          !hvc_name_included(leaf_of(src), hv_cmd_arg(cmd, CI_INCLUDE),
                                             hv_cmd_arg(cmd, CI_EXCLUDE))))
                continue;
            char *dst = target_path(src, dest_full);
            char *what = hv_xasprintf("Item: %s Destination: %s", src, dst);
            struct stat dstst;
            bool exists = lstat(dst, &dstst) == 0;
            if (exists && move && !force) {
                st = hvc_error(cmd, HV_CAT_WriteError,
                               "MoveFileInfoItemIOError",
                               src, "Cannot create a file when that file already exists.");
            } else if (hv_should_process(cmd, what,
                                         move ? (is_dir_path(src) ? "Move Directory" : "Move File")
                                              : (is_dir_path(src) ? "Copy Directory" : "Copy File"))) {
                int r;
                if (move) {
                    if (exists && force && !S_ISDIR(dstst.st_mode))
                        unlink(dst);
                    r = rename(src, dst);
                } else {
                    r = copy_tree(src, dst, hv_cmd_switch(cmd, CI_RECURSE));
                }
                if (r != 0)
                    st = io_error(cmd, move ? "MoveFileInfoItemIOError" : "CopyItemIOError",
                                  src, errno);
                else if (hv_cmd_switch(cmd, passthru_idx))
                    st = hv_emit(cmd, hvc_fs_item(dst));
            }
            free(what);
            free(dst);
        }
        hv_unref(list);
    }
    free(dest_full);
    return st;
}

hv_status
hvc_copyitem_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return transfer(cmd, false, CI_PATH, CI_LITERAL, CI_DEST, CI_PASSTHRU);
}

enum { MI_PATH, MI_LITERAL, MI_DEST, MI_FORCE, MI_PASSTHRU, MI__N };

const hv_param_def hvc_moveitem_params[MI__N + 1] = {
    [MI_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(CI_SET_PATH),
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                          HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .help = "Specifies the path to the current location of the items. Wildcard "
                         "characters are permitted."},
    [MI_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(CI_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to the items, used exactly as typed."},
    [MI_DEST] = {.name = "Destination", .type = HV_PT_STRING, .position = 1,
                 .flags = HV_PF_BY_PROPERTY_NAME,
                 .help = "Specifies the path to the location where the items are being "
                         "moved; an existing directory receives them under their names."},
    [MI_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Forces the command to run without asking for user confirmation "
                          "and overwrites an existing file."},
    [MI_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Returns an object representing the moved item."},
    [MI__N] = {.name = NULL},
};
_Static_assert(MI_FORCE == 3, "transfer() reads Move-Item's -Force at index 3");

hv_status
hvc_moveitem_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return transfer(cmd, true, MI_PATH, MI_LITERAL, MI_DEST, MI_PASSTHRU);
}

/* ---- Rename-Item ---- */
enum { RN_SET_PATH, RN_SET_LITERAL };
enum { RN_PATH, RN_LITERAL, RN_NEWNAME, RN_FORCE, RN_PASSTHRU, RN__N };

const hv_param_def hvc_renameitem_params[RN__N + 1] = {
    [RN_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(RN_SET_PATH),
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME,
                 .help = "Specifies the path of the item to rename."},
    [RN_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(RN_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path of the item to rename, used exactly as "
                            "typed."},
    [RN_NEWNAME] = {.name = "NewName", .type = HV_PT_STRING, .position = 1,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME,
                    .help = "Specifies the new name of the item. Enter only a name, not a "
                            "path and name."},
    [RN_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Forces the cmdlet to rename items that can't otherwise be "
                          "changed, such as hidden or read-only files."},
    [RN_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Returns an object that represents the item to the pipeline."},
    [RN__N] = {.name = NULL},
};

hv_status
hvc_renameitem_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    bool literal = hv_cmd_set_index(cmd) == RN_SET_LITERAL;
    const char *p = hvc_arg_str(cmd, literal ? RN_LITERAL : RN_PATH);
    const char *nn = hvc_arg_str(cmd, RN_NEWNAME);
    if (!p || !nn)
        return HV_OK;
    hv_value list = hvc_fs_resolve(cmd, p, literal);
    if (list.kind != HV_ARRAY)
        return hvc_path_not_found(cmd, p);
    char *src = hv_xstrdup(hv_str_cstr(hv_array_at(&list, 0)));
    hv_unref(list);
    char *parent = parent_of(src);
    hv_status st = HV_OK;
    char *dst;
    if (strchr(nn, '/') || strchr(nn, '\\')) {
        dst = hvc_fs_full_path(cmd, nn);
        char *dp = parent_of(dst);
        if (strcmp(dp, parent) != 0) {
            free(dp);
            free(dst);
            free(parent);
            free(src);
            return hvc_error(cmd, HV_CAT_InvalidArgument,
                             "Argument", nn,
                             "Cannot rename the specified target, because it represents a "
                             "path or device name.");
        }
        free(dp);
    } else {
        dst = hv_xasprintf("%s/%s", strcmp(parent, "/") ? parent : "", nn);
    }
    char *what = hv_xasprintf("Item: %s Destination: %s", src, dst);
    struct stat tmp;
    if (lstat(dst, &tmp) == 0 && strcmp(src, dst) != 0) {
        st = hvc_error(cmd, HV_CAT_WriteError,
                       "RenameItemIOError", src,
                       "Cannot create a file when that file already exists.");
    } else if (hv_should_process(cmd, what, is_dir_path(src) ? "Rename Directory" : "Rename File")) {
        if (rename(src, dst) != 0)
            st = io_error(cmd, "RenameItemIOError", src, errno);
        else if (hv_cmd_switch(cmd, RN_PASSTHRU))
            st = hv_emit(cmd, hvc_fs_item(dst));
    }
    free(what);
    free(dst);
    free(parent);
    free(src);
    return st;
}

/* ---- Get-ItemProperty ---- */
enum { GIP_PATH, GIP_NAME, GIP__N };

const hv_param_def hvc_getitemprop_params[GIP__N + 1] = {
    [GIP_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                           HV_PF_ARRAY | HV_PF_WILDCARDS,
                  .aliases = (const char *const[]){"PSPath", NULL},
                  .help = "Specifies the path to the item or items."},
    [GIP_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 1,
                  .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                  .aliases = (const char *const[]){"PSProperty", NULL},
                  .help = "Specifies the name of the property or properties to retrieve."},
    [GIP__N] = {.name = NULL},
};

hv_status
hvc_getitemprop_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *paths = hvc_arg_array(cmd, GIP_PATH);
    const hv_value *names = hvc_arg_array(cmd, GIP_NAME);
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        hv_value list = hvc_fs_resolve(cmd, hv_str_cstr(&ps), false);
        if (list.kind != HV_ARRAY) {
            st = hvc_path_not_found(cmd, hv_str_cstr(&ps));
            continue;
        }
        for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++) {
            hv_value item = hvc_fs_item(hv_str_cstr(hv_array_at(&list, j)));
            if (!names || hv_array_len(names) == 0) {
                st = hv_emit(cmd, item);
                continue;
            }
            hv_value o = hv_obj_new(NULL);
            for (size_t k = 0; k < hv_array_len(names); k++) {
                HV_AUTO hv_value n = hv_conv_to_string(hv_array_at(names, k), NULL);
                for (size_t q = 0; q < hv_obj_count(&item); q++)
                    if (hv_wildcard_match(hv_str_cstr(&n), hv_obj_name_at(&item, q), false))
                        hv_obj_set(&o, hv_obj_name_at(&item, q),
                                   hv_ref(hv_obj_value_at(&item, q)));
            }
            for (const char *const *k = (const char *const[]){"PSPath", "PSParentPath",
                                                              "PSChildName", "PSDrive",
                                                              "PSProvider", NULL};
                 *k; k++) {
                const hv_value *v = hv_obj_get(&item, *k);
                if (v)
                    hv_obj_set(&o, *k, hv_ref(v));
            }
            hv_unref(item);
            st = hv_emit(cmd, o);
        }
        hv_unref(list);
    }
    return st;
}

/* ---- Get-PSDrive ---- */
enum { GPD_NAME, GPD_PROVIDER, GPD__N };

const hv_param_def hvc_getpsdrive_params[GPD__N + 1] = {
    [GPD_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY | HV_PF_WILDCARDS,
                  .help = "Specifies, as a string array, the names of the drives that this "
                          "cmdlet gets in the operation (without a colon)."},
    [GPD_PROVIDER] = {.name = "PSProvider", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                      .flags = HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                      .help = "Specifies, as a string array, the providers whose drives are "
                              "returned (FileSystem, Environment, Variable, Function, Alias)."},
    [GPD__N] = {.name = NULL},
};

static hv_value
col_gb(const hv_value *self, const char *prop)
{
    /* pwsh: if($_.Used -or $_.Free) { "{0:###0.00}" -f ($_.Used / 1GB) } */
    const hv_value *u = hv_obj_get(self, "Used"), *f = hv_obj_get(self, "Free");
    if ((!u || u->kind == HV_NULL || hv_int_of(u) == 0) && (!f || f->kind == HV_NULL || hv_int_of(f) == 0))
        return hv_str("");
    const hv_value *v = hv_obj_get(self, prop);
    return hv_strf("%.2f", v && v->kind == HV_INT ? (double)hv_int_of(v) / 1073741824.0 : 0.0);
}

static hv_value
col_used(const hv_value *self)
{
    return col_gb(self, "Used");
}

static hv_value
col_free(const hv_value *self)
{
    return col_gb(self, "Free");
}

/* PowerShellCore.format.ps1xml "drive" view */
static const hv_view_column drive_view[] = {
    {.label = "Name", .property = "Name", .width = 10, .align = -1},
    {.label = "Used (GB)", .compute = col_used, .width = 13, .align = 1},
    {.label = "Free (GB)", .compute = col_free, .width = 13, .align = 1},
    {.label = "Provider", .property = "ProviderName", .width = 13, .align = -1},
    {.label = "Root", .property = "Root", .width = 35, .align = -1},
    {.label = "CurrentLocation", .property = "CurrentLocation", .align = 1},
    {.label = NULL},
};
static const hv_obj_class drive_class = {
    .type_name = "System.Management.Automation.PSDriveInfo",
    .base_types = (const char *const[]){"System.Object", NULL},
    .table_view = drive_view,
};

hv_status
hvc_getpsdrive_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    static const struct {
        const char *name, *provider, *root;
    } drives[] = {{"/", "FileSystem", "/"},        {"Alias", "Alias", ""},
                  {"Env", "Environment", ""},      {"Function", "Function", ""},
                  {"Temp", "FileSystem", "/tmp/"}, {"Variable", "Variable", ""}};
    const hv_value *names = hv_cmd_arg(cmd, GPD_NAME), *provs = hv_cmd_arg(cmd, GPD_PROVIDER);
    hv_status st = HV_OK;
    for (size_t i = 0; i < sizeof drives / sizeof drives[0] && st == HV_OK; i++) {
        if (names && !hvc_name_included(drives[i].name, names, NULL))
            continue;
        if (provs && !hvc_name_included(drives[i].provider, provs, NULL))
            continue;
        hv_value o = hv_obj_new(&drive_class);
        hv_obj_set(&o, "Name", hv_str(drives[i].name));
        hv_obj_set(&o, "ProviderName", hv_str(drives[i].provider));
        hv_obj_set(&o, "Provider", hv_strf("Microsoft.PowerShell.Core\\%s", drives[i].provider));
        hv_obj_set(&o, "Root", hv_str(drives[i].root));
        hv_obj_set(&o, "Description", hv_str(""));
        char cwd[PATH_MAX];
        bool fs = strcmp(drives[i].provider, "FileSystem") == 0;
        hv_obj_set(&o, "CurrentLocation",
                   hv_str(fs && i == 0 && getcwd(cwd, sizeof cwd) ? cwd + 1 : ""));
        struct statvfs vfs;
        if (fs && statvfs(drives[i].root, &vfs) == 0) {
            hv_obj_set(&o, "Used", hv_long((int64_t)(vfs.f_blocks - vfs.f_bfree) *
                                           (int64_t)vfs.f_frsize));
            hv_obj_set(&o, "Free", hv_long((int64_t)vfs.f_bavail * (int64_t)vfs.f_frsize));
        } else {
            hv_obj_set(&o, "Used", hv_null());
            hv_obj_set(&o, "Free", hv_null());
        }
        st = hv_emit(cmd, o);
    }
    return st;
}
