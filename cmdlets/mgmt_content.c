/* mgmt_content.c — Get-Content, Set-Content, Add-Content, Clear-Content.
 *
 * Get-Content streams: one getline() per line and one hv_emit per line, so a 1 GB file is
 * read in bounded memory; -Tail keeps only a ring of the last N lines. Lines end at \n, \r\n
 * or \r; a final line terminator does not produce an empty last line. Content on the env:,
 * variable: and function: drives is the item's value.
 */
#include "cmdlets/data.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const encodings[] = {"ascii", "ansi", "bigendianunicode", "bigendianutf32",
                                        "byte", "oem", "unicode", "utf7", "utf8", "utf8BOM",
                                        "utf8NoBOM", "utf32", "default", "string", NULL};

static hv_status
content_error(hv_cmd *cmd, hv_err_category cat, const char *id, const char *path,
              const char *msg)
{
    return hvc_error(cmd, cat, id, path, msg, path);
}

/* ---- Get-Content ---- */
enum { GC_SET_PATH, GC_SET_LITERAL };
enum { GC_PATH, GC_LITERAL, GC_READCOUNT, GC_TOTALCOUNT, GC_TAIL, GC_FILTER, GC_INCLUDE,
       GC_EXCLUDE, GC_FORCE, GC_DELIMITER, GC_WAIT, GC_RAW, GC_ENCODING, GC_BYTES, GC_STREAM,
       GC__N };

const hv_param_def hvc_getcontent_params[GC__N + 1] = {
    [GC_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(GC_SET_PATH),
                 .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY |
                          HV_PF_WILDCARDS,
                 .help = "Specifies the path to an item where Get-Content gets the content. "
                         "Wildcard characters are permitted."},
    [GC_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(GC_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies a path to one or more locations, used exactly as "
                            "typed."},
    [GC_READCOUNT] = {.name = "ReadCount", .type = HV_PT_INT64, .position = HV_POS_NAMED,
                      .flags = HV_PF_BY_PROPERTY_NAME,
                      .help = "Specifies how many lines of content are sent through the "
                              "pipeline at a time (as arrays). The default is 1; 0 sends all "
                              "the content at one time."},
    [GC_TOTALCOUNT] = {.name = "TotalCount", .type = HV_PT_INT64, .position = HV_POS_NAMED,
                       .flags = HV_PF_BY_PROPERTY_NAME,
                       .aliases = (const char *const[]){"First", "Head", NULL},
                       .help = "Specifies the number of lines from the beginning of a file "
                               "or other item. The default is -1 (all lines)."},
    [GC_TAIL] = {.name = "Tail", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                 .flags = HV_PF_BY_PROPERTY_NAME,
                 .aliases = (const char *const[]){"Last", NULL},
                 .help = "Specifies the number of lines from the end of a file or other "
                         "item."},
    [GC_FILTER] = {.name = "Filter", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .help = "Specifies a filter (wildcard pattern) to qualify the Path "
                           "parameter."},
    [GC_INCLUDE] = {.name = "Include", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies name patterns of the items to read."},
    [GC_EXCLUDE] = {.name = "Exclude", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies name patterns of the items to skip."},
    [GC_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Reads items that otherwise can't be read, such as hidden files."},
    [GC_DELIMITER] = {.name = "Delimiter", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                      .help = "Specifies the delimiter that Get-Content uses to divide the "
                              "file into objects while it reads. The default is \\n. The "
                              "delimiter is removed from the end of each section."},
    [GC_WAIT] = {.name = "Wait", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Keeps the file open after all existing lines have been output and "
                         "outputs lines as they are appended, until Ctrl-C."},
    [GC_RAW] = {.name = "Raw", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                .help = "Ignores newline characters and returns the entire contents of a "
                        "file in one string with the newlines preserved."},
    [GC_ENCODING] = {.name = "Encoding", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                     .accepted = encodings,
                     .help = "Specifies the type of encoding for the target file. The default "
                             "is utf8NoBOM; a UTF-8 byte order mark is skipped."},
    [GC_BYTES] = {.name = "AsByteStream", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Specifies that the content should be read as a stream of bytes."},
    [GC_STREAM] = {.name = "Stream", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .help = "Gets the contents of the specified alternate file stream (not "
                           "supported on Linux)."},
    [GC__N] = {.name = NULL},
};

typedef struct {
    hv_cmd *cmd;
    int64_t total;    /* -TotalCount, -1 = all */
    int64_t emitted;
    int64_t readcount;
    hv_value batch;   /* -ReadCount > 1 or 0 */
    /* -Tail ring */
    int64_t tail;
    hv_value *ring;
    int64_t ring_n, ring_pos;
} line_sink;

static hv_status
sink_flush_batch(line_sink *s)
{
    if (s->batch.kind != HV_ARRAY || hv_array_len(&s->batch) == 0)
        return HV_OK;
    hv_value b = hv_steal(&s->batch);
    return hv_emit(s->cmd, b);
}

static hv_status
sink_emit(line_sink *s, hv_value line)
{
    if (s->readcount == 1)
        return hv_emit(s->cmd, line);
    if (s->batch.kind != HV_ARRAY)
        s->batch = hv_array_new(16);
    hv_array_push(&s->batch, line);
    if (s->readcount > 1 && (int64_t)hv_array_len(&s->batch) >= s->readcount)
        return sink_flush_batch(s);
    return HV_OK;
}

/* One line read; STOPPED once -TotalCount is reached. */
static hv_status
sink_line(line_sink *s, const char *p, size_t n)
{
    if (s->tail >= 0) {
        if (s->tail == 0)
            return HV_OK;
        if (s->ring_n == s->tail) {
            hv_unref(s->ring[s->ring_pos]);
            s->ring[s->ring_pos] = hv_strn(p, n);
            s->ring_pos = (s->ring_pos + 1) % s->tail;
        } else {
            s->ring[s->ring_n++] = hv_strn(p, n);
        }
        return HV_OK;
    }
    if (s->total >= 0 && s->emitted >= s->total)
        return HV_STOPPED;
    s->emitted++;
    hv_status st = sink_emit(s, hv_strn(p, n));
    if (st == HV_OK && s->total >= 0 && s->emitted >= s->total)
        return HV_STOPPED;
    return st;
}

static hv_status
sink_finish(line_sink *s)
{
    hv_status st = HV_OK;
    if (s->tail > 0) {
        /* oldest first: once the ring is full it starts at ring_pos */
        int64_t start = s->ring_n == s->tail ? s->ring_pos : 0;
        for (int64_t i = 0; i < s->ring_n; i++) {
            hv_value v = hv_steal(&s->ring[(start + i) % s->ring_n]);
            if (st == HV_OK)
                st = sink_emit(s, v);
            else
                hv_unref(v);
        }
    }
    if (st == HV_OK)
        st = sink_flush_batch(s);
    return st;
}

static void
sink_free(line_sink *s)
{
    for (int64_t i = 0; s->ring && i < s->ring_n; i++)
        hv_unref(s->ring[i]);
    free(s->ring);
    hv_unrefp(&s->batch);
}

/* Splits a buffer of lines at \n, \r\n or \r. *carry holds an incomplete last line. */
static hv_status
read_lines(line_sink *s, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    hv_status st = HV_OK;
    bool first = true;
    while (st == HV_OK && (n = getline(&line, &cap, f)) >= 0) {
        char *p = line;
        size_t len = (size_t)n;
        if (first && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            len -= 3;
        }
        first = false;
        if (len && p[len - 1] == '\n')
            len--;
        if (len && p[len - 1] == '\r')
            len--;
        /* lone \r separators inside the line */
        size_t start = 0;
        for (size_t i = 0; i < len && st == HV_OK; i++) {
            if (p[i] == '\r') {
                st = sink_line(s, p + start, i - start);
                start = i + 1;
            }
        }
        if (st == HV_OK)
            st = sink_line(s, p + start, len - start);
        if (st == HV_OK && hv_cmd_interrupted(s->cmd))
            st = HV_STOPPED;
    }
    free(line);
    return st;
}

static hv_status
read_delimited(line_sink *s, FILE *f, const char *delim)
{
    size_t dl = strlen(delim);
    hv_buf cur = {0};
    int c;
    hv_status st = HV_OK;
    while (st == HV_OK && (c = fgetc(f)) != EOF) {
        hv_buf_putc(&cur, (char)c);
        if (cur.len >= dl && memcmp(cur.data + cur.len - dl, delim, dl) == 0) {
            st = sink_line(s, cur.data, cur.len - dl); /* the delimiter is trimmed */
            cur.len = 0;
        }
    }
    if (st == HV_OK && cur.len)
        st = sink_line(s, cur.data, cur.len);
    hv_buf_free(&cur);
    return st;
}

static hv_status
read_raw(hv_cmd *cmd, FILE *f)
{
    hv_buf b = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        hv_buf_put(&b, buf, n);
    if (!b.data)
        return HV_OK; /* an empty file gives nothing with -Raw, as in pwsh */
    size_t skip = b.len >= 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    hv_value v = hv_strn(b.data + skip, b.len - skip);
    hv_buf_free(&b);
    return hv_emit(cmd, v);
}

static hv_status
read_bytes(line_sink *s, FILE *f)
{
    int c;
    hv_status st = HV_OK;
    while (st == HV_OK && (c = fgetc(f)) != EOF) {
        if (s->total >= 0 && s->emitted >= s->total)
            return HV_STOPPED;
        s->emitted++;
        st = sink_emit(s, hv_intk(c, HV_N_BYTE));
    }
    return st;
}

static hv_status
wait_for_more(line_sink *s, FILE *f)
{
    for (;;) {
        if (hv_cmd_interrupted(s->cmd))
            return HV_STOPPED;
        clearerr(f);
        hv_status st = read_lines(s, f);
        if (st != HV_OK)
            return st;
        usleep(100000);
    }
}

static void
sink_init(hv_cmd *cmd, line_sink *s)
{
    *s = (line_sink){.cmd = cmd, .total = hvc_arg_int(cmd, GC_TOTALCOUNT, -1),
                     .readcount = hvc_arg_int(cmd, GC_READCOUNT, 1),
                     .tail = hv_cmd_bound(cmd, GC_TAIL) ? hvc_arg_int(cmd, GC_TAIL, 0) : -1};
    if (s->readcount < 0)
        s->readcount = 1;
    if (s->tail > 0)
        s->ring = hv_xcalloc((size_t)s->tail, sizeof *s->ring);
}

/* UTF-16/UTF-32 files (by BOM or -Encoding) are decoded to UTF-8 in memory and read from
 * there; UTF-8 (the default, BOM or not) streams straight from the file. */
static FILE *
maybe_decode(hv_cmd *cmd, FILE *f, char **decoded)
{
    unsigned char head[4];
    size_t hn = fread(head, 1, sizeof head, f);
    rewind(f);
    size_t bom;
    hvc_encoding e = hvc_detect_bom(head, hn, hvc_encoding_of(hv_cmd_arg(cmd, GC_ENCODING)), &bom);
    if (e == HVC_ENC_UTF8 || e == HVC_ENC_UTF8BOM || e == HVC_ENC_ASCII ||
        hv_cmd_switch(cmd, GC_BYTES))
        return f;
    hv_buf raw = {0}, out = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        hv_buf_put(&raw, buf, n);
    fclose(f);
    if (raw.len > bom)
        hvc_decode(e, (const unsigned char *)raw.data + bom, raw.len - bom, &out);
    hv_buf_free(&raw);
    if (!out.len) {
        hv_buf_free(&out);
        return NULL;
    }
    *decoded = out.data;
    return fmemopen(out.data, out.len, "rb");
}

/* -Tail on a seekable file: position f at the start of the last n lines by scanning
 * backwards for newlines, so `Get-Content big.log -Tail 10` does not read the whole file.
 * Returns false (f unchanged) when the file cannot be seeked. */
static bool
seek_tail(FILE *f, int64_t n)
{
    if (fseeko(f, 0, SEEK_END) != 0)
        return false;
    off_t size = ftello(f);
    if (size <= 0) {
        rewind(f);
        return size == 0;
    }
    char buf[65536];
    off_t pos = size, start = 0;
    int64_t seen = 0;
    bool last = true; /* the byte at size-1: a final newline ends the last line */
    while (pos > 0) {
        off_t chunk = pos > (off_t)sizeof buf ? (off_t)sizeof buf : pos;
        pos -= chunk;
        if (fseeko(f, pos, SEEK_SET) != 0 || fread(buf, 1, (size_t)chunk, f) != (size_t)chunk)
            return false;
        for (off_t i = chunk - 1; i >= 0; i--) {
            if (buf[i] != '\n')
                continue;
            if (last && pos + i == size - 1)
                continue;
            if (++seen == n) {
                start = pos + i + 1;
                goto found;
            }
        }
        last = false;
    }
found:
    return fseeko(f, start, SEEK_SET) == 0;
}

static hv_status
get_file_content(hv_cmd *cmd, const char *full)
{
    struct stat sb;
    if (stat(full, &sb) == 0 && S_ISDIR(sb.st_mode))
        return content_error(cmd, HV_CAT_InvalidOperation, "GetContentReaderUnauthorizedAccessError",
                             full, "Unable to get content because it is a directory: '%s'. "
                                   "Please use 'Get-ChildItem' instead.");
    FILE *f = fopen(full, "rb");
    if (!f)
        return content_error(cmd, errno == EACCES ? HV_CAT_PermissionDenied : HV_CAT_ReadError,
                             "GetContentReaderUnauthorizedAccessError", full,
                             errno == EACCES ? "Access to the path '%s' is denied."
                                             : "Could not read '%s'.");
    char *decoded = NULL;
    f = maybe_decode(cmd, f, &decoded);
    if (!f) {
        free(decoded);
        return HV_OK; /* empty after decoding */
    }
    hv_status st;
    if (hv_cmd_switch(cmd, GC_RAW)) {
        st = read_raw(cmd, f);
        fclose(f);
        free(decoded);
        return st;
    }
    line_sink s;
    sink_init(cmd, &s);
    const char *delim = hvc_arg_str(cmd, GC_DELIMITER);
    if (s.tail > 0 && !decoded && !hv_cmd_switch(cmd, GC_BYTES) && (!delim || !*delim) &&
        seek_tail(f, s.tail)) {
        /* the ring is not needed any more: the file is positioned at the last lines */
        sink_free(&s);
        sink_init(cmd, &s);
        s.tail = -1;
        free(s.ring);
        s.ring = NULL;
    }
    if (hv_cmd_switch(cmd, GC_BYTES))
        st = read_bytes(&s, f);
    else if (delim && *delim && strcmp(delim, "\n") != 0)
        st = read_delimited(&s, f, delim);
    else
        st = read_lines(&s, f);
    if (st == HV_OK && hv_cmd_switch(cmd, GC_WAIT))
        st = wait_for_more(&s, f);
    /* -TotalCount reached is not a downstream stop: finish normally */
    bool total_done = st == HV_STOPPED && s.total >= 0 && s.emitted >= s.total;
    if (total_done || st == HV_OK)
        st = sink_finish(&s);
    sink_free(&s);
    fclose(f);
    free(decoded);
    return st;
}

static hv_status
get_provider_content(hv_cmd *cmd, hvc_provider prov, const char *name, bool literal)
{
    hv_value items = hvc_provider_items(cmd, prov, name, literal);
    hv_status st = HV_OK;
    if (items.kind != HV_ARRAY || hv_array_len(&items) == 0) {
        hv_unref(items);
        return hvc_path_not_found(cmd, name);
    }
    for (size_t i = 0; i < hv_array_len(&items) && st == HV_OK; i++) {
        const hv_value *it = hv_array_at(&items, i);
        const hv_value *v = hv_obj_get(it, prov == HVC_PROV_FUNCTION ? "Definition" : "Value");
        if (prov == HVC_PROV_ALIAS)
            v = hv_obj_get(it, "Definition");
        st = hv_emit(cmd, v ? hv_ref(v) : hv_null());
    }
    hv_unref(items);
    return st;
}

hv_status
hvc_getcontent_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    bool literal = hv_cmd_set_index(cmd) == GC_SET_LITERAL;
    const hv_value *paths = hvc_arg_array(cmd, literal ? GC_LITERAL : GC_PATH);
    const char *filter = hvc_arg_str(cmd, GC_FILTER);
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
            st = get_provider_content(cmd, prov, rest, literal);
            continue;
        }
        hv_value list = hvc_fs_resolve(cmd, p, literal);
        if (list.kind != HV_ARRAY) {
            if (literal || !hv_wildcard_has_meta(p))
                st = hvc_path_not_found(cmd, p);
            continue;
        }
        for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++) {
            const char *f = hv_str_cstr(hv_array_at(&list, j));
            const char *leaf = strrchr(f, '/') ? strrchr(f, '/') + 1 : f;
            if ((filter && !hv_wildcard_match(filter, leaf, false)) ||
                !hvc_name_included(leaf, hv_cmd_arg(cmd, GC_INCLUDE),
                                   hv_cmd_arg(cmd, GC_EXCLUDE)))
                continue;
            st = get_file_content(cmd, f);
        }
        hv_unref(list);
    }
    return st;
}

/* ---- Set-Content / Add-Content ---- */
enum { SC_SET_PATH, SC_SET_LITERAL };
enum { SC_PATH, SC_LITERAL, SC_VALUE, SC_PASSTHRU, SC_NONEWLINE, SC_ENCODING, SC_FORCE,
       SC_FILTER, SC_INCLUDE, SC_EXCLUDE, SC_BYTES, SC_STREAM, SC__N };

#define CONTENT_WRITER_PARAMS(verb_help)                                                    \
    {                                                                                       \
        [SC_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,                   \
                     .sets = HV_SET(SC_SET_PATH),                                           \
                     .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY |      \
                              HV_PF_WILDCARDS,                                              \
                     .help = "Specifies the path of the item that receives the content. "   \
                             "Wildcard characters are permitted."},                         \
        [SC_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING,                        \
                        .position = HV_POS_NAMED, .sets = HV_SET(SC_SET_LITERAL),           \
                        .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,    \
                        .aliases = (const char *const[]){"PSPath", "LP", NULL},             \
                        .help = "Specifies a path to one or more locations, used exactly "  \
                                "as typed."},                                               \
        [SC_VALUE] = {.name = "Value", .type = HV_PT_ANY, .position = 1,                    \
                      .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |  \
                               HV_PF_ARRAY,                                                 \
                      .help = verb_help},                                                   \
        [SC_PASSTHRU] = {.name = "PassThru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED, \
                         .help = "Returns an object that represents the content."},         \
        [SC_NONEWLINE] = {.name = "NoNewline", .type = HV_PT_SWITCH,                        \
                          .position = HV_POS_NAMED,                                         \
                          .help = "The string representations of the input objects are "    \
                                  "concatenated to form the output. No spaces or newlines " \
                                  "are inserted between the output strings and no newline " \
                                  "is added after the last one."},                          \
        [SC_ENCODING] = {.name = "Encoding", .type = HV_PT_ENUM, .position = HV_POS_NAMED,  \
                         .accepted = encodings,                                             \
                         .help = "Specifies the type of encoding for the target file. The " \
                                 "default value is utf8NoBOM."},                            \
        [SC_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,      \
                      .help = "Forces the cmdlet to set the contents of a file, even if "   \
                              "the file is read-only."},                                    \
        [SC_FILTER] = {.name = "Filter", .type = HV_PT_STRING, .position = HV_POS_NAMED,    \
                       .help = "Specifies a filter (wildcard pattern) to qualify the Path " \
                               "parameter."},                                               \
        [SC_INCLUDE] = {.name = "Include", .type = HV_PT_STRING, .position = HV_POS_NAMED,  \
                        .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,                             \
                        .help = "Specifies name patterns of the items to change."},         \
        [SC_EXCLUDE] = {.name = "Exclude", .type = HV_PT_STRING, .position = HV_POS_NAMED,  \
                        .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,                             \
                        .help = "Specifies name patterns of the items to leave alone."},    \
        [SC_BYTES] = {.name = "AsByteStream", .type = HV_PT_SWITCH,                         \
                      .position = HV_POS_NAMED,                                             \
                      .help = "Specifies that the content should be written as a stream "   \
                              "of bytes."},                                                 \
        [SC_STREAM] = {.name = "Stream", .type = HV_PT_STRING, .position = HV_POS_NAMED,    \
                       .help = "Specifies an alternative data stream (not supported on "    \
                               "Linux)."},                                                  \
        [SC__N] = {.name = NULL},                                                           \
    }

const hv_param_def hvc_setcontent_params[SC__N + 1] = CONTENT_WRITER_PARAMS(
    "Specifies the new content for the item. Each object is written as a line.");
const hv_param_def hvc_addcontent_params[SC__N + 1] = CONTENT_WRITER_PARAMS(
    "Specifies the content to be added. Each object is appended as a line.");

typedef struct {
    hv_value targets; /* HV_ARRAY of full paths, resolved at the first object */
    bool started;
    bool bom_done;
} writer_state;
_Static_assert(sizeof(writer_state) <= HVC_CONTENT_STATE, "state size");

static void
append_value_text(hv_cmd *cmd, hv_buf *b, const hv_value *v)
{
    bool nonl = hv_cmd_switch(cmd, SC_NONEWLINE);
    if (v->kind == HV_ARRAY) {
        for (size_t i = 0; i < hv_array_len(v); i++)
            append_value_text(cmd, b, hv_array_at(v, i));
        return;
    }
    if (hv_cmd_switch(cmd, SC_BYTES) && v->kind == HV_INT) {
        hv_buf_putc(b, (char)(v->u.i & 0xff));
        return;
    }
    hv_conv_append_string(b, v, NULL);
    if (!nonl)
        hv_buf_putc(b, '\n');
}

static hv_status
provider_set(hv_cmd *cmd, hvc_provider prov, const char *name, const hv_value *value,
             bool append)
{
    hv_buf b = {0};
    for (size_t i = 0; value && i < hv_array_len(value); i++)
        hv_conv_append_string(&b, hv_array_at(value, i), NULL);
    HV_AUTO hv_value s = b.data ? hv_buf_finish(&b) : hv_str("");
    if (prov == HVC_PROV_ENV) {
        const char *old = getenv(name);
        char *nv = append && old ? hv_xasprintf("%s%s", old, hv_str_cstr(&s))
                                 : hv_xstrdup(hv_str_cstr(&s));
        if (hv_should_process(cmd, name, append ? "Add Content" : "Set Content"))
            setenv(name, nv, 1);
        free(nv);
        return HV_OK;
    }
    if (prov == HVC_PROV_VARIABLE) {
        const hv_value *v = value && hv_array_len(value) == 1 ? hv_array_at(value, 0) : value;
        hv_var_set(hv_cmd_ctx(cmd), name, v ? hv_ref(v) : hv_null());
        return HV_OK;
    }
    return hvc_error(cmd, HV_CAT_NotImplemented, "NotSupported", name,
                     "Setting content on this drive is not supported by hvsh.");
}

static hv_status
resolve_targets(hv_cmd *cmd, writer_state *w)
{
    bool literal = hv_cmd_set_index(cmd) == SC_SET_LITERAL;
    const hv_value *paths = hvc_arg_array(cmd, literal ? SC_LITERAL : SC_PATH);
    w->targets = hv_array_new(2);
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        const char *p = hv_str_cstr(&ps), *rest;
        if (hvc_path_provider(p, &rest) == HVC_PROV_UNKNOWN) {
            st = hvc_drive_not_found(cmd, p);
            continue;
        }
        if (hvc_path_provider(p, &rest) != HVC_PROV_FS) {
            hv_array_push(&w->targets, hv_ref(&ps));
            continue;
        }
        if (!literal && hv_wildcard_has_meta(p)) {
            hv_value list = hvc_fs_resolve(cmd, p, false);
            if (list.kind != HV_ARRAY) {
                st = hvc_path_not_found(cmd, p);
                continue;
            }
            for (size_t j = 0; j < hv_array_len(&list); j++)
                hv_array_push(&w->targets, hv_ref(hv_array_at(&list, j)));
            hv_unref(list);
        } else {
            hv_array_push(&w->targets, hv_str_take(hvc_fs_full_path(cmd, p)));
        }
    }
    return st;
}

static hv_status
write_target(hv_cmd *cmd, writer_state *w, const char *full, const hv_value *value, bool append)
{
    const char *rest;
    hvc_provider prov = hvc_path_provider(full, &rest);
    if (prov != HVC_PROV_FS)
        return provider_set(cmd, prov, rest, value, append);
    const char *leaf = strrchr(full, '/') ? strrchr(full, '/') + 1 : full;
    const char *filter = hvc_arg_str(cmd, SC_FILTER);
    if ((filter && !hv_wildcard_match(filter, leaf, false)) ||
        !hvc_name_included(leaf, hv_cmd_arg(cmd, SC_INCLUDE), hv_cmd_arg(cmd, SC_EXCLUDE)))
        return HV_OK;
    /* Set-Content truncates once (at its first object), then appends */
    bool first = !w->started;
    char *what = hv_xasprintf("Path: %s", full);
    bool go_on = hv_should_process(cmd, what, append ? "Add Content" : "Set Content");
    free(what);
    if (!go_on)
        return HV_OK;
    hv_buf text = {0}, b = {0};
    for (size_t i = 0; value && i < hv_array_len(value); i++)
        append_value_text(cmd, &text, hv_array_at(value, i));
    struct stat sb;
    bool empty = (!append && first) || stat(full, &sb) != 0 || sb.st_size == 0;
    if (hv_cmd_switch(cmd, SC_BYTES))
        hv_buf_put(&b, text.data ? text.data : "", text.len);
    else
        hvc_encode(hvc_encoding_of(hv_cmd_arg(cmd, SC_ENCODING)), text.data ? text.data : "",
                   text.len, empty, &b);
    hv_buf_free(&text);
    int flags = O_WRONLY | O_CREAT | ((append || !first) ? O_APPEND : O_TRUNC);
    int fd = open(full, flags, 0666);
    if (fd < 0) {
        hv_buf_free(&b);
        if (errno == EISDIR)
            return content_error(cmd, HV_CAT_PermissionDenied, "GetContentWriterUnauthorizedAccessError",
                                 full, "Access to the path '%s' is denied.");
        return content_error(cmd, errno == ENOENT ? HV_CAT_ObjectNotFound : HV_CAT_WriteError,
                             errno == ENOENT ? "DirectoryNotFound" : "GetContentWriterIOError",
                             full, errno == ENOENT ? "Could not find a part of the path '%s'."
                                                   : "Could not write to '%s'.");
    }
    ssize_t wr = b.len ? write(fd, b.data, b.len) : 0;
    close(fd);
    hv_buf_free(&b);
    if (wr < 0)
        return content_error(cmd, HV_CAT_WriteError, "GetContentWriterIOError", full,
                             "Could not write to '%s'.");
    return HV_OK;
}

static hv_status
content_write_process(hv_cmd *cmd, const hv_value *input, bool append)
{
    (void)input;
    writer_state *w = hv_cmd_state(cmd);
    hv_status st;
    if (w->targets.kind != HV_ARRAY && (st = resolve_targets(cmd, w)) != HV_OK)
        return st;
    const hv_value *value = hvc_arg_array(cmd, SC_VALUE);
    st = HV_OK;
    for (size_t i = 0; i < hv_array_len(&w->targets) && st == HV_OK; i++)
        st = write_target(cmd, w, hv_str_cstr(hv_array_at(&w->targets, i)), value, append);
    w->started = true;
    if (st == HV_OK && hv_cmd_switch(cmd, SC_PASSTHRU) && value)
        st = hv_emit_enum(cmd, hv_ref(value));
    return st;
}

hv_status
hvc_setcontent_process(hv_cmd *cmd, const hv_value *input)
{
    return content_write_process(cmd, input, false);
}

hv_status
hvc_addcontent_process(hv_cmd *cmd, const hv_value *input)
{
    return content_write_process(cmd, input, true);
}

void
hvc_content_cleanup(hv_cmd *cmd)
{
    writer_state *w = hv_cmd_state(cmd);
    hv_unrefp(&w->targets);
}

/* ---- Clear-Content ---- */
enum { CC_SET_PATH, CC_SET_LITERAL };
enum { CC_PATH, CC_LITERAL, CC_FILTER, CC_INCLUDE, CC_EXCLUDE, CC_FORCE, CC__N };

const hv_param_def hvc_clearcontent_params[CC__N + 1] = {
    [CC_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(CC_SET_PATH),
                 .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY |
                          HV_PF_WILDCARDS,
                 .help = "Specifies the paths to the items from which content is deleted. "
                         "Wildcard characters are permitted."},
    [CC_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(CC_SET_LITERAL),
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the paths to the items, used exactly as typed."},
    [CC_FILTER] = {.name = "Filter", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .help = "Specifies a filter (wildcard pattern) on the names."},
    [CC_INCLUDE] = {.name = "Include", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies name patterns of the items to clear."},
    [CC_EXCLUDE] = {.name = "Exclude", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_ARRAY | HV_PF_WILDCARDS,
                    .help = "Specifies name patterns of the items to leave alone."},
    [CC_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Forces the command to run without asking for user confirmation."},
    [CC__N] = {.name = NULL},
};

hv_status
hvc_clearcontent_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    bool literal = hv_cmd_set_index(cmd) == CC_SET_LITERAL;
    const hv_value *paths = hvc_arg_array(cmd, literal ? CC_LITERAL : CC_PATH);
    hv_status st = HV_OK;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value ps = hv_conv_to_string(hv_array_at(paths, i), NULL);
        const char *p = hv_str_cstr(&ps), *rest;
        hvc_provider prov = hvc_path_provider(p, &rest);
        if (prov == HVC_PROV_ENV) {
            if (hv_should_process(cmd, rest, "Clear Content"))
                setenv(rest, "", 1);
            continue;
        }
        hv_value list = hvc_fs_resolve(cmd, p, literal);
        if (list.kind != HV_ARRAY) {
            st = hvc_path_not_found(cmd, p);
            continue;
        }
        for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++) {
            const char *f = hv_str_cstr(hv_array_at(&list, j));
            const char *leaf = strrchr(f, '/') ? strrchr(f, '/') + 1 : f;
            const char *filter = hvc_arg_str(cmd, CC_FILTER);
            if ((filter && !hv_wildcard_match(filter, leaf, false)) ||
                !hvc_name_included(leaf, hv_cmd_arg(cmd, CC_INCLUDE),
                                   hv_cmd_arg(cmd, CC_EXCLUDE)))
                continue;
            if (!hv_should_process(cmd, f, "Clear Content"))
                continue;
            if (truncate(f, 0) != 0)
                st = content_error(cmd, HV_CAT_WriteError, "ClearContentIOError", f,
                                   "Could not clear the content of '%s'.");
        }
        hv_unref(list);
    }
    return st;
}
