/* complete.c — tab completion read from the cmdlet tables and the live system.
 *
 * The line up to the cursor is scanned (quotes, nesting, separators) to find the word
 * being completed and its role: a command name, a parameter name after '-', a parameter
 * value (ValidateSet/enum names, the parameter's completer — VM names from libvirt,
 * interface aliases from netlink —, else file paths), a variable after '$', or a member
 * after '$var.'. Candidates are whole replacement words, quoted when they need it
 * ('vEthernet (VmNAT)'), sorted case-insensitively, de-duplicated.
 */
#include "complete.h"

#include "internal.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    char **v;
    size_t n, cap;
} cand_list;

static void
cand_add(cand_list *c, char *s) /* takes s */
{
    if (c->n + 2 > c->cap) {
        c->cap = c->cap ? c->cap * 2 : 32;
        c->v = hv_xrealloc(c->v, c->cap * sizeof *c->v);
    }
    c->v[c->n++] = s;
    c->v[c->n] = NULL;
}

static int
cand_cmp(const void *a, const void *b)
{
    return hv_str_cmp_ci(*(char *const *)a, *(char *const *)b);
}

static void
cand_finish(cand_list *c)
{
    if (!c->n)
        return;
    qsort(c->v, c->n, sizeof *c->v, cand_cmp);
    size_t w = 1;
    for (size_t r = 1; r < c->n; r++) {
        if (strcmp(c->v[r], c->v[w - 1]) == 0)
            free(c->v[r]);
        else
            c->v[w++] = c->v[r];
    }
    c->n = w;
    c->v[w] = NULL;
}

/* Does `name` match what the user typed? Prefix match, or a wildcard pattern. */
static bool
matches(const char *typed, const char *name)
{
    if (hv_wildcard_has_meta(typed)) {
        char *pat = hv_xasprintf("%s*", typed);
        bool m = hv_wildcard_match(pat, name, false);
        free(pat);
        return m;
    }
    return strncasecmp(name, typed, strlen(typed)) == 0;
}

/* Quote a value when the shell would split or expand it. */
static bool
needs_quotes(const char *s)
{
    if (!*s)
        return true;
    for (const char *p = s; *p; p++)
        if (strchr(" \t'\"$`;(){}|&,@#<>", *p))
            return true;
    return false;
}

static char *
quote_single(const char *s)
{
    hv_buf b = {0};
    hv_buf_putc(&b, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '\'')
            hv_buf_putc(&b, '\'');
        hv_buf_putc(&b, *p);
    }
    hv_buf_putc(&b, '\'');
    hv_buf_putc(&b, '\0');
    return b.data;
}

/* The completion of a value: quoted in the user's quote style, or single-quoted when
 * needed. */
static char *
value_word(const char *value, char open_quote)
{
    if (open_quote == '"') {
        hv_buf b = {0};
        hv_buf_putc(&b, '"');
        hv_buf_puts(&b, value);
        hv_buf_putc(&b, '"');
        hv_buf_putc(&b, '\0');
        return b.data;
    }
    if (open_quote == '\'' || needs_quotes(value))
        return quote_single(value);
    return hv_xstrdup(value);
}

/* ---- scanning the line ---- */

typedef struct {
    size_t start;  /* byte offset of the word */
    size_t len;
} word;

typedef struct {
    word words[256]; /* words of the current pipeline element, the last is being completed */
    size_t nwords;
    size_t cur_start;  /* start of the word under the cursor */
    char open_quote;   /* quote the current word is inside of, or 0 */
} scan_state;

static bool
is_sep_start(const char *s, size_t i)
{
    return s[i] == '|' || s[i] == ';' || s[i] == '{' || s[i] == '(' || s[i] == '\n' ||
           s[i] == '}' || s[i] == ')' || (s[i] == '&' && s[i + 1] == '&');
}

/* Split line[0..cursor) into the words of the last pipeline element. */
static void
scan_line(const char *line, size_t cursor, scan_state *st)
{
    memset(st, 0, sizeof *st);
    size_t i = 0;
    bool in_word = false;
    char q = 0;
    size_t ws = 0;
    while (i < cursor) {
        char c = line[i];
        if (q) {
            if (c == q) {
                if (q == '\'' && i + 1 < cursor && line[i + 1] == '\'') {
                    i += 2;
                    continue;
                }
                q = 0;
            } else if (c == '`' && q == '"') {
                i++;
            }
            i++;
            continue;
        }
        if (c == '\'' || c == '"') {
            if (!in_word) {
                in_word = true;
                ws = i;
            }
            q = c;
            i++;
            continue;
        }
        if (c == '`') {
            i += 2;
            continue;
        }
        if (c == ' ' || c == '\t') {
            if (in_word && st->nwords < 255)
                st->words[st->nwords++] = (word){ws, i - ws};
            in_word = false;
            i++;
            continue;
        }
        if (is_sep_start(line, i)) {
            in_word = false;
            st->nwords = 0;
            i += (line[i] == '&' || line[i] == '|') && line[i + 1] == line[i] ? 2 : 1;
            continue;
        }
        if (!in_word) {
            in_word = true;
            ws = i;
            /* `& cmd` and `. script`: the invocation operator is not the command. */
            if ((c == '&' || c == '.') && i + 1 < cursor && line[i + 1] == ' ' && st->nwords == 0) {
                in_word = false;
                i++;
                continue;
            }
        }
        i++;
    }
    if (in_word) {
        st->cur_start = ws;
        st->words[st->nwords++] = (word){ws, cursor - ws};
    } else {
        st->cur_start = cursor;
        st->words[st->nwords++] = (word){cursor, 0};
    }
    st->open_quote = q;
}

static char *
word_text(const char *line, const word *w)
{
    return hv_xstrndup(line + w->start, w->len);
}

/* The word without its quotes (for matching values). */
static char *
unquote(const char *s)
{
    size_t n = strlen(s);
    if (n && (s[0] == '\'' || s[0] == '"')) {
        s++;
        n--;
        if (n && s[n - 1] == s[-1])
            n--;
    }
    return hv_xstrndup(s, n);
}

/* ---- commands ---- */

static void
complete_apps(const char *typed, cand_list *c)
{
    const char *path = getenv("PATH");
    if (!path || !*typed)
        return; /* listing every program on PATH for an empty word helps nobody */
    char *copy = hv_xstrdup(path);
    for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir;
         dir = strtok_r(NULL, ":", &save)) {
        DIR *d = opendir(dir);
        if (!d)
            continue;
        for (struct dirent *e; (e = readdir(d));) {
            if (e->d_name[0] == '.' || !matches(typed, e->d_name))
                continue;
            char *full = hv_xasprintf("%s/%s", dir, e->d_name);
            if (access(full, X_OK) == 0)
                cand_add(c, hv_xstrdup(e->d_name));
            free(full);
        }
        closedir(d);
    }
    free(copy);
}

static void
complete_files(const char *typed_raw, char open_quote, bool dirs_only, cand_list *c)
{
    char *typed = unquote(typed_raw);
    const char *slash = strrchr(typed, '/');
    char *dir = slash ? hv_xstrndup(typed, (size_t)(slash - typed) + 1) : hv_xstrdup("");
    const char *base = slash ? slash + 1 : typed;
    char *opendir_path;
    if (dir[0] == '~' && (dir[1] == '/' || !dir[1]))
        opendir_path = hv_xasprintf("%s%s", getenv("HOME") ? getenv("HOME") : "", dir + 1);
    else
        opendir_path = hv_xstrdup(*dir ? dir : ".");
    DIR *d = opendir(opendir_path);
    if (d) {
        for (struct dirent *e; (e = readdir(d));) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            if (e->d_name[0] == '.' && base[0] != '.')
                continue;
            if (!matches(base, e->d_name))
                continue;
            char *full = hv_xasprintf("%s/%s", opendir_path, e->d_name);
            struct stat sb;
            bool is_dir = stat(full, &sb) == 0 && S_ISDIR(sb.st_mode);
            free(full);
            if (dirs_only && !is_dir)
                continue;
            char *rel = hv_xasprintf("%s%s%s", dir, e->d_name, is_dir ? "/" : "");
            cand_add(c, value_word(rel, open_quote));
            free(rel);
        }
        closedir(d);
    }
    free(opendir_path);
    free(dir);
    free(typed);
}

static void
complete_command(hv_ctx *ctx, const char *typed, cand_list *c)
{
    if (strchr(typed, '/') || typed[0] == '.' || typed[0] == '~') {
        complete_files(typed, 0, false, c);
        return;
    }
    hv_cmdinfo *all = NULL;
    size_t n = hv_commands_list(ctx, false, &all);
    for (size_t i = 0; i < n; i++)
        if (matches(typed, all[i].name))
            cand_add(c, hv_xstrdup(all[i].name));
    free(all);
    complete_apps(typed, c);
}

/* ---- parameters ---- */

static const hv_param_def *
param_by_name(const hv_param_def *table, const char *name)
{
    for (const hv_param_def *p = table; p && p->name; p++) {
        if (hv_str_eq_ci(p->name, name))
            return p;
        for (const char *const *a = p->aliases; a && *a; a++)
            if (hv_str_eq_ci(*a, name))
                return p;
    }
    return NULL;
}

/* A parameter by exact name or unique prefix, in the cmdlet's table then the common ones. */
static const hv_param_def *
find_param(const hv_cmdlet_def *def, const char *name)
{
    const hv_param_def *p = param_by_name(def->params, name);
    if (!p)
        p = param_by_name(hv_common_params(), name);
    if (!p && (def->flags & HV_CF_SHOULD_PROCESS))
        p = param_by_name(hv_should_process_params(), name);
    if (p)
        return p;
    const hv_param_def *found = NULL;
    size_t nl = strlen(name);
    for (const hv_param_def *q = def->params; q && q->name; q++) {
        if (strncasecmp(q->name, name, nl) == 0) {
            if (found)
                return NULL;
            found = q;
        }
    }
    return found;
}

static bool
is_dash(const char *s)
{
    /* '-' or an en dash / em dash / horizontal bar (U+2013..2015, E2 80 93..95) */
    return s[0] == '-' || ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
                           (unsigned char)s[2] >= 0x93 && (unsigned char)s[2] <= 0x95);
}

static const char *
after_dash(const char *s)
{
    return s + (s[0] == '-' ? 1 : 3);
}

/* The parameter name a typed word names ("-Name" or "-Name:value" -> "Name"), malloc'd;
 * NULL when the word is not a parameter. */
static char *
typed_param_name(const char *line, const word *w)
{
    char *text = word_text(line, w);
    char *name = NULL;
    if (is_dash(text)) {
        name = hv_xstrdup(after_dash(text));
        char *colon = strchr(name, ':');
        if (colon)
            *colon = '\0';
    }
    free(text);
    return name;
}

/* Which parameter sets are still possible given the named parameters already typed. */
static unsigned
possible_sets(const hv_cmdlet_def *def, const char *line, const scan_state *st)
{
    unsigned mask = 0;
    for (int i = 0; def->sets && def->sets[i]; i++)
        mask |= HV_SET(i);
    for (size_t i = 1; i + 1 < st->nwords; i++) {
        char *name = typed_param_name(line, &st->words[i]);
        const hv_param_def *p = name ? param_by_name(def->params, name) : NULL;
        if (p && p->sets && (mask & p->sets))
            mask &= p->sets;
        free(name);
    }
    return mask;
}

static bool
already_used(const char *line, const scan_state *st, const hv_param_def *p)
{
    bool used = false;
    for (size_t i = 1; i + 1 < st->nwords && !used; i++) {
        char *name = typed_param_name(line, &st->words[i]);
        used = name && param_by_name(p, name) == p;
        free(name);
    }
    return used;
}

static void
add_param_names(const hv_param_def *table, const char *typed, unsigned sets, const char *line,
                const scan_state *st, cand_list *c)
{
    for (const hv_param_def *p = table; p && p->name; p++) {
        if (sets && p->sets && !(p->sets & sets))
            continue;
        if (!matches(typed, p->name) || already_used(line, st, p))
            continue;
        cand_add(c, hv_xasprintf("-%s", p->name));
    }
}

static void
complete_param_name(hv_ctx *ctx, const hv_cmdlet_def *def, const char *typed, const char *line,
                    const scan_state *st, cand_list *c)
{
    unsigned sets = possible_sets(def, line, st);
    add_param_names(def->params, typed, sets, line, st, c);
    if (def->flags & HV_CF_NO_COMMON)
        return;
    add_param_names(hv_common_params(), typed, 0, line, st, c);
    if (def->flags & HV_CF_SHOULD_PROCESS)
        add_param_names(hv_should_process_params(), typed, 0, line, st, c);
    (void)ctx;
}

static void
complete_param_value(hv_ctx *ctx, const hv_param_def *p, const char *typed_raw, char open_quote,
                     cand_list *c)
{
    char *typed = unquote(typed_raw);
    size_t before = c->n;
    if (p->accepted) {
        for (const char *const *a = p->accepted; *a; a++)
            if (matches(typed, *a))
                cand_add(c, value_word(*a, open_quote));
    } else if (p->enum_def) {
        for (int i = 0; i < p->enum_def->count; i++)
            if (matches(typed, p->enum_def->names[i]))
                cand_add(c, value_word(p->enum_def->names[i], open_quote));
    } else if (p->type == HV_PT_BOOL) {
        static const char *const b[] = {"$true", "$false"};
        for (int i = 0; i < 2; i++)
            if (matches(typed_raw, b[i]))
                cand_add(c, hv_xstrdup(b[i]));
    } else if (p->complete) {
        char **vals = p->complete(ctx, typed);
        for (size_t i = 0; vals && vals[i]; i++) {
            if (matches(typed, vals[i]))
                cand_add(c, value_word(vals[i], open_quote));
            free(vals[i]);
        }
        free(vals);
    }
    if (c->n == before && !p->accepted && !p->enum_def && p->type != HV_PT_SWITCH &&
        p->type != HV_PT_BOOL)
        complete_files(typed_raw, open_quote, false, c);
    free(typed);
}

/* The positional parameter the next bare argument binds to. */
static const hv_param_def *
positional_param(const hv_cmdlet_def *def, const char *line, const scan_state *st)
{
    int pos = 0;
    for (size_t i = 1; i + 1 < st->nwords; i++) {
        char *w = word_text(line, &st->words[i]);
        if (is_dash(w) && !strchr(w, ':')) {
            const hv_param_def *p = find_param(def, after_dash(w));
            if (p && p->type != HV_PT_SWITCH)
                i++; /* its value */
        } else if (!is_dash(w)) {
            pos++;
        }
        free(w);
    }
    unsigned sets = possible_sets(def, line, st);
    unsigned dflt = def->sets ? HV_SET(def->default_set) : 0;
    const hv_param_def *best = NULL;
    for (const hv_param_def *p = def->params; p && p->name; p++) {
        if (p->position != pos || (sets && p->sets && !(p->sets & sets)))
            continue;
        if (!best || (dflt && (p->sets & dflt)))
            best = p;
    }
    return best;
}

/* ---- variables and members ---- */

/* Variables assigned earlier in the same input ($name = ...) are offered too, as
 * PowerShell's completion does from the input's AST. */
static void
assigned_in_line(const char *line, size_t upto, char sigil, const char *typed, cand_list *c)
{
    for (size_t i = 0; i < upto; i++) {
        if (line[i] != '$')
            continue;
        size_t j = i + 1;
        while (j < upto && (isalnum((unsigned char)line[j]) || line[j] == '_'))
            j++;
        size_t k = j;
        while (k < upto && line[k] == ' ')
            k++;
        if (j > i + 1 && k < upto && line[k] == '=' && line[k + 1] != '=') {
            char *name = hv_xstrndup(line + i + 1, j - i - 1);
            if (matches(typed, name))
                cand_add(c, hv_xasprintf("%c%s", sigil, name));
            free(name);
        }
    }
}

static void
complete_variable(hv_ctx *ctx, const char *typed, cand_list *c)
{
    /* typed starts with '$' (or '@' for splatting) */
    char sigil = typed[0];
    const char *name = typed + 1;
    const char *colon = strchr(name, ':');
    if (colon && strncasecmp(name, "env:", 4) == 0) {
        extern char **environ;
        for (char **e = environ; *e; e++) {
            const char *eq = strchr(*e, '=');
            if (!eq)
                continue;
            char *var = hv_xstrndup(*e, (size_t)(eq - *e));
            if (matches(name + 4, var))
                cand_add(c, hv_xasprintf("%cenv:%s", sigil, var));
            free(var);
        }
        return;
    }
    size_t n = 0;
    hv_var **vars = hv_scope_list(ctx, NULL, false, &n);
    for (size_t i = 0; i < n; i++) {
        const char *vn = hv_str_cstr(&vars[i]->name);
        if (matches(name, vn))
            cand_add(c, hv_xasprintf("%c%s", sigil, vn));
    }
    free(vars);
    static const char *const autos[] = {"true", "false", "null", "_", "PSItem", "args", "input",
                                        "Error", "HOME", "PID", "PWD", "Host", "PSVersionTable",
                                        "LASTEXITCODE", "Matches", "PSScriptRoot", "env:"};
    for (size_t i = 0; i < sizeof autos / sizeof autos[0]; i++)
        if (matches(name, autos[i]))
            cand_add(c, hv_xasprintf("%c%s", sigil, autos[i]));
}

static void
member_names(const hv_value *v, const char *prefix, const char *typed, cand_list *c)
{
    if (v->kind == HV_ARRAY && hv_array_len(v) > 0) {
        /* member enumeration: the members of the elements, plus the array's own */
        member_names(hv_array_at(v, 0), prefix, typed, c);
        static const char *const am[] = {"Count", "Length", "ForEach(", "Where(", "Contains("};
        for (size_t i = 0; i < sizeof am / sizeof am[0]; i++)
            if (matches(typed, am[i]))
                cand_add(c, hv_xasprintf("%s%s", prefix, am[i]));
        return;
    }
    if (v->kind == HV_OBJECT) {
        for (size_t i = 0; i < hv_obj_count(v); i++)
            if (matches(typed, hv_obj_name_at(v, i)))
                cand_add(c, hv_xasprintf("%s%s", prefix, hv_obj_name_at(v, i)));
    } else if (v->kind == HV_TABLE) {
        const hv_value *k, *val;
        for (size_t it = 0; hv_table_next(v, &it, &k, &val);) {
            if (k->kind != HV_STRING)
                continue;
            if (matches(typed, hv_str_cstr(k)))
                cand_add(c, hv_xasprintf("%s%s", prefix, hv_str_cstr(k)));
        }
        static const char *const tm[] = {"Count", "Keys", "Values", "Add(", "ContainsKey(",
                                         "Remove(", "Clear()"};
        for (size_t i = 0; i < sizeof tm / sizeof tm[0]; i++)
            if (matches(typed, tm[i]))
                cand_add(c, hv_xasprintf("%s%s", prefix, tm[i]));
    } else if (v->kind == HV_STRING) {
        static const char *const sm[] = {
            "Length", "Contains(", "EndsWith(", "IndexOf(", "Insert(", "LastIndexOf(",
            "PadLeft(", "PadRight(", "Remove(", "Replace(", "Split(", "StartsWith(",
            "Substring(", "ToLower()", "ToUpper()", "Trim()", "TrimEnd(", "TrimStart("};
        for (size_t i = 0; i < sizeof sm / sizeof sm[0]; i++)
            if (matches(typed, sm[i]))
                cand_add(c, hv_xasprintf("%s%s", prefix, sm[i]));
    }
    static const char *const common[] = {"GetType()", "ToString()"};
    for (size_t i = 0; i < 2; i++)
        if (v->kind != HV_NULL && matches(typed, common[i]))
            cand_add(c, hv_xasprintf("%s%s", prefix, common[i]));
}

static void
complete_member(hv_ctx *ctx, const char *word_s, cand_list *c)
{
    /* $var.a.b<TAB>: evaluate $var, walk the complete members, complete the last one */
    const char *last_dot = strrchr(word_s, '.');
    char *path = hv_xstrndup(word_s + 1, (size_t)(last_dot - word_s - 1));
    char *save = NULL;
    char *first = strtok_r(path, ".", &save);
    hv_value v = first ? hv_var_get(ctx, first) : hv_null();
    for (char *m = strtok_r(NULL, ".", &save); m && v.kind != HV_NULL;
         m = strtok_r(NULL, ".", &save)) {
        hv_value next = hv_get_member(ctx, &v, m);
        hv_unref(v);
        v = next;
    }
    char *prefix = hv_xstrndup(word_s, (size_t)(last_dot - word_s) + 1);
    member_names(&v, prefix, last_dot + 1, c);
    hv_unref(v);
    free(prefix);
    free(path);
}

/* ---- entry point ---- */

char **
hv_complete_line(hv_ctx *ctx, const char *line, size_t cursor, size_t *word_start)
{
    size_t len = strlen(line);
    if (cursor > len)
        cursor = len;
    scan_state *st = hv_xcalloc(1, sizeof *st);
    scan_line(line, cursor, st);
    *word_start = st->cur_start;
    cand_list c = {0};
    char *typed = hv_xstrndup(line + st->cur_start, cursor - st->cur_start);
    bool first_word = st->nwords == 1;

    if ((typed[0] == '$' || typed[0] == '@') && !st->open_quote) {
        if (strchr(typed, '.'))
            complete_member(ctx, typed, &c);
        else {
            complete_variable(ctx, typed, &c);
            assigned_in_line(line, st->cur_start, typed[0], typed + 1, &c);
        }
    } else if (first_word) {
        complete_command(ctx, typed, &c);
    } else {
        char *cmdname = word_text(line, &st->words[0]);
        hv_cmdinfo info;
        const hv_cmdlet_def *def = NULL;
        if (hv_command_lookup(ctx, cmdname, &info) && info.def)
            def = info.def;
        if (!def) {
            complete_files(typed, st->open_quote, false, &c);
        } else if (is_dash(typed) && !st->open_quote && !strchr(typed, ':')) {
            complete_param_name(ctx, def, after_dash(typed), line, st, &c);
        } else {
            const hv_param_def *p = NULL;
            if (st->nwords >= 3) {
                char *prev = word_text(line, &st->words[st->nwords - 2]);
                if (is_dash(prev) && !strchr(prev, ':')) {
                    p = find_param(def, after_dash(prev));
                    if (p && p->type == HV_PT_SWITCH)
                        p = NULL;
                }
                free(prev);
            }
            if (!p)
                p = positional_param(def, line, st);
            if (p)
                complete_param_value(ctx, p, typed, st->open_quote, &c);
            else
                complete_files(typed, st->open_quote, false, &c);
        }
        free(cmdname);
    }
    free(typed);
    free(st);
    cand_finish(&c);
    if (!c.n) {
        free(c.v);
        return NULL;
    }
    return c.v;
}
