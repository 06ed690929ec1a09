/* data_sls.c — Select-String.
 *
 * Lines come from files (-Path/-LiteralPath, or FileInfo objects piped in) read one line at a
 * time, or from piped objects (each object's string form is one "line", Path InputStream).
 * Each hit is a MatchInfo object whose ToString() is pwsh's: "path:line:text" (path relative
 * to the current location) for files, the bare line for piped input, and with -Context the
 * "> " / "  " prefixed block. A hit is emitted once its post-context is complete.
 */
#include "cmdlets/data.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- MatchInfo ---- */
static void
append_line(hv_buf *b, const char *prefix, const hv_value *self, int64_t ln, const char *text)
{
    const hv_value *path = hv_obj_get(self, "Path");
    const char *p = path && path->kind == HV_STRING ? hv_str_cstr(path) : "InputStream";
    hv_buf_puts(b, prefix);
    if (strcmp(p, "InputStream") != 0) {
        char cwd[PATH_MAX];
        size_t cl = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
        const char *shown = p;
        if (cl && strncmp(p, cwd, cl) == 0 && (p[cl] == '/' || cl == 1)) {
            shown = p + cl;
            while (*shown == '/')
                shown++;
        }
        hv_buf_printf(b, "%s:%lld:", shown, (long long)ln);
    }
    hv_buf_puts(b, text);
}

static void
append_context(hv_buf *b, const hv_value *self, const hv_value *lines, int64_t first_ln)
{
    for (size_t i = 0; lines && lines->kind == HV_ARRAY && i < hv_array_len(lines); i++) {
        HV_AUTO hv_value s = hv_conv_to_string(hv_array_at(lines, i), NULL);
        append_line(b, "  ", self, first_ln + (int64_t)i, hv_str_cstr(&s));
        hv_buf_putc(b, '\n');
    }
}

static hv_value
matchinfo_render(const hv_value *self)
{
    const hv_value *line = hv_obj_get(self, "Line");
    const hv_value *lnv = hv_obj_get(self, "LineNumber");
    const hv_value *ctx = hv_obj_get(self, "Context");
    int64_t ln = lnv ? hv_int_of(lnv) : 0;
    HV_AUTO hv_value text = line ? hv_conv_to_string(line, NULL) : hv_str("");
    hv_buf b = {0};
    if (!ctx || ctx->kind != HV_OBJECT) {
        append_line(&b, "", self, ln, hv_str_cstr(&text));
        return b.data ? hv_buf_finish(&b) : hv_str("");
    }
    const hv_value *pre = hv_obj_get(ctx, "DisplayPreContext");
    const hv_value *post = hv_obj_get(ctx, "DisplayPostContext");
    size_t npre = pre && pre->kind == HV_ARRAY ? hv_array_len(pre) : 0;
    append_context(&b, self, pre, ln - (int64_t)npre);
    append_line(&b, "> ", self, ln, hv_str_cstr(&text));
    if (post && post->kind == HV_ARRAY && hv_array_len(post)) {
        hv_buf_putc(&b, '\n');
        append_context(&b, self, post, ln + 1);
        b.len--; /* no newline after the last line */
    }
    return hv_buf_finish(&b);
}

/* The text is fixed when the MatchInfo is emitted (pwsh shows it at once, relative to the
 * location of that moment), so a later Set-Location or a deferred renderer sees the same. */
static hv_value
matchinfo_to_string(const hv_value *self)
{
    const char *fixed = hv_obj_native(self);
    return fixed ? hv_str(fixed) : matchinfo_render(self);
}

static const hv_obj_class matchinfo_class = {
    .type_name = "Microsoft.PowerShell.Commands.MatchInfo",
    .base_types = (const char *const[]){"System.Object", NULL},
    .default_props = (const char *const[]){NULL}, /* shown as its ToString() */
    .to_string = matchinfo_to_string,
    .finalize = free,
};

static const hv_obj_class context_class = {
    .type_name = "Microsoft.PowerShell.Commands.MatchInfoContext",
    .base_types = (const char *const[]){"System.Object", NULL},
};

/* ---- parameters ---- */
enum { SS_SET_FILE, SS_SET_OBJECT, SS_SET_LITERAL, SS_SET_RAWFILE, SS_SET_RAWOBJECT,
       SS_SET_LITERALRAW };
enum { SS_INPUT, SS_PATTERN, SS_PATH, SS_LITERAL, SS_RAW, SS_SIMPLE, SS_CASE, SS_QUIET,
       SS_LIST, SS_NOEMPHASIS, SS_INCLUDE, SS_EXCLUDE, SS_NOTMATCH, SS_ALLMATCHES,
       SS_ENCODING, SS_CONTEXT, SS_CULTURE, SS__N };

#define SS_OBJ_SETS (HV_SET(SS_SET_OBJECT) | HV_SET(SS_SET_RAWOBJECT))
#define SS_FILE_SETS (HV_SET(SS_SET_FILE) | HV_SET(SS_SET_RAWFILE))
#define SS_LIT_SETS (HV_SET(SS_SET_LITERAL) | HV_SET(SS_SET_LITERALRAW))
#define SS_RAW_SETS (HV_SET(SS_SET_RAWFILE) | HV_SET(SS_SET_RAWOBJECT) | HV_SET(SS_SET_LITERALRAW))

static const char *const encodings[] = {"ascii", "ansi", "bigendianunicode", "bigendianutf32",
                                        "oem", "unicode", "utf7", "utf8", "utf8BOM",
                                        "utf8NoBOM", "utf32", "default", NULL};

const hv_param_def hvc_sls_params[SS__N + 1] = {
    [SS_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .sets = SS_OBJ_SETS, .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                  .help = "Specifies the text to be searched. Each object's string form is "
                          "searched as one line; FileInfo objects are searched as files."},
    [SS_PATTERN] = {.name = "Pattern", .type = HV_PT_STRING, .position = 0,
                    .flags = HV_PF_MANDATORY | HV_PF_ARRAY,
                    .help = "Specifies the text to find on each line: a regular expression, "
                            "or literal text with -SimpleMatch."},
    [SS_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 1, .sets = SS_FILE_SETS,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY |
                          HV_PF_WILDCARDS,
                 .help = "Specifies the path to the files to search. Wildcards are "
                         "permitted."},
    [SS_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = SS_LIT_SETS,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to the files to be searched, used exactly as "
                            "typed."},
    [SS_RAW] = {.name = "Raw", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                .sets = SS_RAW_SETS, .flags = HV_PF_MANDATORY,
                .help = "Causes the cmdlet to output only the matching strings, rather than "
                        "MatchInfo objects."},
    [SS_SIMPLE] = {.name = "SimpleMatch", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Indicates that the cmdlet uses a simple match rather than a "
                           "regular expression match."},
    [SS_CASE] = {.name = "CaseSensitive", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Indicates that the cmdlet matches are case-sensitive. By default, "
                         "matches aren't case-sensitive."},
    [SS_QUIET] = {.name = "Quiet", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Indicates that the cmdlet returns a simple response ($true or "
                          "$false) instead of a MatchInfo object."},
    [SS_LIST] = {.name = "List", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Only the first instance of matching text is returned from each "
                         "input file."},
    [SS_NOEMPHASIS] = {.name = "NoEmphasis", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                       .help = "Disables highlighting of matching strings in the output."},
    [SS_INCLUDE] = {.name = "Include", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Includes the specified files (name patterns)."},
    [SS_EXCLUDE] = {.name = "Exclude", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Excludes the specified files (name patterns)."},
    [SS_NOTMATCH] = {.name = "NotMatch", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Finds text that doesn't match the specified pattern."},
    [SS_ALLMATCHES] = {.name = "AllMatches", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                       .help = "Indicates that the cmdlet searches for more than one match in "
                               "each line of text."},
    [SS_ENCODING] = {.name = "Encoding", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                     .accepted = encodings,
                     .help = "Specifies the type of encoding for the target file. The default "
                             "value is utf8NoBOM."},
    [SS_CONTEXT] = {.name = "Context", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY,
                    .help = "Captures the specified number of lines before and after the line "
                            "that matches the pattern (one number for both, or two: before, "
                            "after)."},
    [SS_CULTURE] = {.name = "Culture", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .help = "Specifies a culture name to match the specified pattern "
                            "(accepted; matching is ordinal)."},
    [SS__N] = {.name = NULL},
};

/* ---- state ---- */
typedef struct {
    bool init, found_any, done;
    int pre_n, post_n;
    hv_value patterns;  /* HV_ARRAY of strings */
    /* per source (a file, or the piped objects as one stream) */
    hv_value ring;      /* the last pre_n lines */
    int64_t seq;        /* number of piped objects seen */
    int64_t last_shown; /* line number of the last line displayed (match or context) */
    hv_value pending;   /* HV_ARRAY of MatchInfo still collecting post-context, in order */
    hv_value pend_info; /* parallel HV_ARRAY of ints: remaining * 2 + display-open */
} sls_state;
_Static_assert(sizeof(sls_state) <= HVC_SLS_STATE, "state size");

static hv_regex *
pattern_regex(hv_cmd *cmd, size_t i, hv_conv_err *err)
{
    sls_state *s = hv_cmd_state(cmd);
    const char *p = hv_str_cstr(hv_array_at(&s->patterns, i));
    bool cs = hv_cmd_switch(cmd, SS_CASE);
    if (hv_cmd_switch(cmd, SS_SIMPLE)) {
        HV_AUTO hv_value esc = hv_regex_escape(p);
        return hv_regex_get(hv_str_cstr(&esc), cs, err);
    }
    return hv_regex_get(p, cs, err);
}

static hv_status
sls_init(hv_cmd *cmd, sls_state *s)
{
    if (s->init)
        return HV_OK;
    s->init = true;
    const hv_value *pats = hvc_arg_array(cmd, SS_PATTERN);
    s->patterns = hv_array_new(2);
    for (size_t i = 0; pats && i < hv_array_len(pats); i++)
        hv_array_push(&s->patterns, hv_conv_to_string(hv_array_at(pats, i), NULL));
    const hv_value *c = hvc_arg_array(cmd, SS_CONTEXT);
    if (c && hv_array_len(c) > 0) {
        s->pre_n = (int)hv_int_of(hv_array_at(c, 0));
        s->post_n = hv_array_len(c) > 1 ? (int)hv_int_of(hv_array_at(c, 1)) : s->pre_n;
        if (s->pre_n < 0)
            s->pre_n = 0;
        if (s->post_n < 0)
            s->post_n = 0;
    }
    for (size_t i = 0; i < hv_array_len(&s->patterns); i++) {
        hv_conv_err err;
        if (!pattern_regex(cmd, i, &err))
            return hvc_throw(cmd, HV_CAT_InvalidArgument, "InvalidRegex", NULL,
                             "The string '%s' is not a valid regular expression: %s",
                             hv_str_cstr(hv_array_at(&s->patterns, i)), err.msg);
    }
    return HV_OK;
}

/* The first pattern matching text (index) or -1; matches out (Match[] array; empty for
 * -SimpleMatch, which pwsh matches with IndexOf). */
static int
match_line(hv_cmd *cmd, const char *text, size_t len, hv_value *matches)
{
    sls_state *s = hv_cmd_state(cmd);
    for (size_t i = 0; i < hv_array_len(&s->patterns); i++) {
        hv_conv_err err;
        hv_regex *re = pattern_regex(cmd, i, &err);
        size_t ms, me;
        if (!re || !hv_regex_exec(re, text, len, 0, &ms, &me))
            continue;
        if (matches) {
            if (hv_cmd_switch(cmd, SS_SIMPLE)) {
                *matches = hv_array_new(0);
            } else if (hv_cmd_switch(cmd, SS_ALLMATCHES) && !hv_cmd_switch(cmd, SS_NOTMATCH)) {
                *matches = hv_regex_matches(re, text, len);
            } else {
                *matches = hv_array_new(1);
                hv_array_push(matches, hv_regex_match_object(re, text, len, 0));
            }
        }
        return (int)i;
    }
    return -1;
}

static bool
has_context(const sls_state *s)
{
    return s->pre_n > 0 || s->post_n > 0;
}

static hv_value
make_context(const hv_value *pre, const hv_value *display_pre)
{
    hv_value c = hv_obj_new(&context_class);
    hv_obj_set(&c, "PreContext", hv_ref(pre));
    hv_obj_set(&c, "PostContext", hv_array_new(0));
    hv_obj_set(&c, "DisplayPreContext", hv_ref(display_pre));
    hv_obj_set(&c, "DisplayPostContext", hv_array_new(0));
    return c;
}

static hv_status
emit_match(hv_cmd *cmd, hv_value mi)
{
    if (hv_cmd_switch(cmd, SS_RAW)) {
        const hv_value *line = hv_obj_get(&mi, "Line");
        hv_value l = line ? hv_ref(line) : hv_str("");
        hv_unref(mi);
        return hv_emit(cmd, l);
    }
    HV_AUTO hv_value text = matchinfo_render(&mi);
    hv_obj_set_native(&mi, hv_xstrndup(hv_str_cstr(&text), hv_str_len(&text)));
    return hv_emit(cmd, mi);
}

/* Emits the matches at the front of the queue whose post-context is complete (all of them
 * at the end of a source), keeping the order of the lines. */
static hv_status
emit_ready(hv_cmd *cmd, sls_state *s, bool all)
{
    hv_status st = HV_OK;
    while (st == HV_OK && s->pending.kind == HV_ARRAY && hv_array_len(&s->pending) > 0) {
        if (!all && hv_int_of(hv_array_at(&s->pend_info, 0)) >> 1 > 0)
            break;
        hv_value mi = hv_ref(hv_array_at(&s->pending, 0));
        hv_array_remove_at(&s->pending, 0);
        hv_array_remove_at(&s->pend_info, 0);
        st = emit_match(cmd, mi);
    }
    return st;
}

/* A line after pending matches: their logical post-context takes every line, their display
 * post-context only the lines up to the next match (which shows itself). */
static void
track_post(sls_state *s, const char *text, size_t len, int64_t ln, bool is_match)
{
    for (size_t i = 0; s->pending.kind == HV_ARRAY && i < hv_array_len(&s->pending); i++) {
        int64_t info = hv_int_of(hv_array_at(&s->pend_info, i));
        int64_t rem = info >> 1;
        bool open = info & 1;
        if (rem <= 0)
            continue;
        const hv_value *ctx = hv_obj_get(hv_array_at(&s->pending, i), "Context");
        hv_value post = hv_ref(hv_obj_get(ctx, "PostContext"));
        hv_array_push(&post, hv_strn(text, len));
        hv_unref(post);
        if (open && !is_match) {
            hv_value dpost = hv_ref(hv_obj_get(ctx, "DisplayPostContext"));
            hv_array_push(&dpost, hv_strn(text, len));
            hv_unref(dpost);
            s->last_shown = ln;
        }
        if (is_match)
            open = false;
        rem--;
        hv_array_set(&s->pend_info, i, hv_long(rem * 2 + (open ? 1 : 0)));
    }
}

static void
ring_push(sls_state *s, const char *text, size_t len)
{
    if (s->pre_n <= 0)
        return;
    if (s->ring.kind != HV_ARRAY)
        s->ring = hv_array_new((size_t)s->pre_n);
    if ((int)hv_array_len(&s->ring) == s->pre_n)
        hv_array_remove_at(&s->ring, 0);
    hv_array_push(&s->ring, hv_strn(text, len));
}

static hv_value
new_matchinfo(hv_cmd *cmd, const char *text, size_t len, int64_t ln, const char *path,
              const char *filename, int pi, hv_value matches)
{
    sls_state *s = hv_cmd_state(cmd);
    hv_value mi = hv_obj_new(&matchinfo_class);
    hv_obj_set(&mi, "IgnoreCase", hv_bool(!hv_cmd_switch(cmd, SS_CASE)));
    hv_obj_set(&mi, "LineNumber", hv_int((int32_t)ln));
    hv_obj_set(&mi, "Line", hv_strn(text, len));
    hv_obj_set(&mi, "Filename", hv_str(filename));
    hv_obj_set(&mi, "Path", hv_str(path));
    hv_obj_set(&mi, "Pattern", hv_ref(hv_array_at(&s->patterns, pi >= 0 ? (size_t)pi : 0)));
    if (has_context(s)) {
        hv_value pre = s->ring.kind == HV_ARRAY ? hv_array_clone(&s->ring) : hv_array_new(0);
        /* lines already shown (matches, earlier context) are not shown again */
        hv_value dpre = hv_array_new(hv_array_len(&pre));
        int64_t first = ln - (int64_t)hv_array_len(&pre);
        for (size_t i = 0; i < hv_array_len(&pre); i++)
            if (first + (int64_t)i > s->last_shown)
                hv_array_push(&dpre, hv_ref(hv_array_at(&pre, i)));
        hv_obj_set(&mi, "Context", make_context(&pre, &dpre));
        hv_unref(pre);
        hv_unref(dpre);
    } else {
        hv_obj_set(&mi, "Context", hv_null());
    }
    hv_obj_set(&mi, "Matches", matches.kind == HV_ARRAY ? matches : hv_array_new(0));
    return mi;
}

/* One line of one source. *stop: -Quiet found a match, or -List its first in a file. */
static hv_status
sls_line(hv_cmd *cmd, const char *text, size_t len, int64_t ln, const char *path,
         const char *filename, bool in_file, bool *stop)
{
    sls_state *s = hv_cmd_state(cmd);
    bool notmatch = hv_cmd_switch(cmd, SS_NOTMATCH);
    hv_value matches = hv_null();
    int pi = match_line(cmd, text, len, notmatch ? NULL : &matches);
    bool hit = notmatch ? pi < 0 : pi >= 0;
    if (hit && hv_cmd_switch(cmd, SS_QUIET)) {
        hv_unref(matches);
        s->found_any = true;
        *stop = true;
        return HV_OK;
    }
    if (has_context(s))
        track_post(s, text, len, ln, hit);
    if (!hit) {
        ring_push(s, text, len);
        return emit_ready(cmd, s, false);
    }
    s->found_any = true;
    hv_value mi = new_matchinfo(cmd, text, len, ln, path, filename, pi, matches);
    s->last_shown = ln;
    ring_push(s, text, len);
    if (s->pending.kind != HV_ARRAY) {
        s->pending = hv_array_new(4);
        s->pend_info = hv_array_new(4);
    }
    hv_array_push(&s->pending, mi);
    hv_array_push(&s->pend_info, hv_long((int64_t)(has_context(s) ? s->post_n : 0) * 2 + 1));
    if (in_file && hv_cmd_switch(cmd, SS_LIST)) {
        *stop = true; /* the first match of each file (its context is what was read) */
        return emit_ready(cmd, s, true);
    }
    return emit_ready(cmd, s, false);
}

static void
source_reset(sls_state *s)
{
    hv_unrefp(&s->ring);
    s->last_shown = 0;
}

/* Returns through *found whether the file had a match. */
static hv_status
sls_file(hv_cmd *cmd, const char *full, bool *found)
{
    sls_state *s = hv_cmd_state(cmd);
    struct stat sb;
    *found = false;
    if (stat(full, &sb) == 0 && S_ISDIR(sb.st_mode))
        return HV_OK; /* directories are skipped */
    /* pwsh matches -Include/-Exclude against the full path */
    if (!hvc_name_included(full, hv_cmd_arg(cmd, SS_INCLUDE), hv_cmd_arg(cmd, SS_EXCLUDE)))
        return HV_OK;
    const char *leaf = strrchr(full, '/') ? strrchr(full, '/') + 1 : full;
    FILE *f = fopen(full, "rb");
    if (!f)
        return hvc_error(cmd, HV_CAT_InvalidArgument, "ProcessingFile", full,
                         "The file %s cannot be read: %s", full, strerror(errno));
    source_reset(s);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int64_t ln = 0;
    bool stop = false, before = s->found_any;
    s->found_any = false;
    hv_status st = HV_OK;
    while (st == HV_OK && !stop && (n = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)n;
        char *p = line;
        if (ln == 0 && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            len -= 3;
        }
        if (len && p[len - 1] == '\n')
            len--;
        if (len && p[len - 1] == '\r')
            len--;
        st = sls_line(cmd, p, len, ++ln, full, leaf, true, &stop);
        if (st == HV_OK && hv_cmd_interrupted(cmd))
            st = HV_STOPPED;
    }
    free(line);
    fclose(f);
    if (st == HV_OK)
        st = emit_ready(cmd, s, true);
    *found = s->found_any;
    s->found_any = before || *found;
    return st;
}

static bool
is_file_info(const hv_value *v)
{
    if (v->kind != HV_OBJECT)
        return false;
    for (size_t i = 0; i < hv_obj_typename_count(v); i++)
        if (strcmp(hv_obj_typename_at(v, i), "System.IO.FileInfo") == 0)
            return true;
    return false;
}

static bool
is_match_info(const hv_value *v)
{
    return v->kind == HV_OBJECT && hv_obj_class_of(v) == &matchinfo_class;
}

/* A piped object: a FileInfo is searched as a file, a MatchInfo is filtered on its line
 * (and passed on as is), anything else is matched as its string form. */
static hv_status
sls_object(hv_cmd *cmd, sls_state *s, const hv_value *in)
{
    if (is_file_info(in)) {
        const hv_value *fn = hv_obj_get(in, "FullName");
        bool found;
        hv_status st = fn ? sls_file(cmd, hv_str_cstr(fn), &found) : HV_OK;
        if (st == HV_OK && hv_cmd_switch(cmd, SS_QUIET))
            st = hv_emit(cmd, found ? hv_bool(true) : (hv_cmd_switch(cmd, SS_LIST) ? hv_null()
                                                                                 : hv_bool(false)));
        return st;
    }
    s->seq++;
    bool stop = false;
    if (is_match_info(in)) {
        const hv_value *line = hv_obj_get(in, "Line");
        HV_AUTO hv_value text = line ? hv_conv_to_string(line, NULL) : hv_str("");
        bool notmatch = hv_cmd_switch(cmd, SS_NOTMATCH);
        int pi = match_line(cmd, hv_str_cstr(&text), hv_str_len(&text), NULL);
        if ((notmatch ? pi < 0 : pi >= 0) == false)
            return HV_OK;
        if (hv_cmd_switch(cmd, SS_QUIET)) {
            s->done = true;
            return hv_emit(cmd, hv_bool(true));
        }
        return hv_cmd_switch(cmd, SS_RAW) ? hv_emit(cmd, hv_ref(&text)) : hv_emit(cmd, hv_ref(in));
    }
    HV_AUTO hv_value text = in->kind == HV_NULL ? hv_str("") : hv_conv_to_string(in, NULL);
    hv_status st = sls_line(cmd, hv_str_cstr(&text), hv_str_len(&text), s->seq, "InputStream",
                            "InputStream", false, &stop);
    if (st == HV_OK && stop && hv_cmd_switch(cmd, SS_QUIET)) {
        s->done = true; /* -Quiet: $true at the first match, then nothing more */
        st = hv_emit(cmd, hv_bool(true));
    }
    return st;
}

hv_status
hvc_sls_process(hv_cmd *cmd, const hv_value *input)
{
    sls_state *s = hv_cmd_state(cmd);
    hv_status st = sls_init(cmd, s);
    if (st != HV_OK || s->done)
        return st;
    int set = hv_cmd_set_index(cmd);
    if (set == SS_SET_OBJECT || set == SS_SET_RAWOBJECT) {
        const hv_value *in = hv_cmd_arg(cmd, SS_INPUT);
        return sls_object(cmd, s, in ? in : input);
    }
    bool literal = set == SS_SET_LITERAL || set == SS_SET_LITERALRAW;
    const hv_value *paths = hvc_arg_array(cmd, literal ? SS_LITERAL : SS_PATH);
    bool any = false;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        hv_value list = hvc_fs_resolve(cmd, hv_str_cstr(&ps), literal);
        if (list.kind != HV_ARRAY) {
            st = hvc_path_not_found(cmd, hv_str_cstr(&ps));
            continue;
        }
        for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++) {
            bool found;
            st = sls_file(cmd, hv_str_cstr(hv_array_at(&list, j)), &found);
            if (found && hv_cmd_switch(cmd, SS_QUIET)) {
                hv_unref(list);
                return st == HV_OK ? hv_emit(cmd, hv_bool(true)) : st;
            }
            any = any || found;
        }
        hv_unref(list);
    }
    /* -Quiet over files: $false when none matched (pwsh writes $null with -List) */
    if (st == HV_OK && hv_cmd_switch(cmd, SS_QUIET) && !any)
        st = hv_emit(cmd, hv_cmd_switch(cmd, SS_LIST) ? hv_null() : hv_bool(false));
    return st;
}

hv_status
hvc_sls_end(hv_cmd *cmd)
{
    sls_state *s = hv_cmd_state(cmd);
    if (s->done)
        return HV_OK;
    return emit_ready(cmd, s, true);
}

void
hvc_sls_cleanup(hv_cmd *cmd)
{
    sls_state *s = hv_cmd_state(cmd);
    hv_unrefp(&s->patterns);
    hv_unrefp(&s->ring);
    hv_unrefp(&s->pending);
    hv_unrefp(&s->pend_info);
}
