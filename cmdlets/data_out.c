/* data_out.c — Out-File: objects rendered by the same formatter as the console
 * (hv_format_default), written to a file. The file is created when the command starts (so an
 * empty pipeline leaves an empty file, as in pwsh); objects are collected so that a table
 * spans all of them, then rendered once at the end.
 */
#include "cmdlets/data.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OF_SET_PATH, OF_SET_LITERAL };
enum { OF_PATH, OF_LITERAL, OF_ENCODING, OF_APPEND, OF_FORCE, OF_NOCLOBBER, OF_WIDTH,
       OF_NONEWLINE, OF_INPUT, OF__N };

static const char *const encodings[] = {"ascii", "ansi", "bigendianunicode", "bigendianutf32",
                                        "oem", "unicode", "utf7", "utf8", "utf8BOM",
                                        "utf8NoBOM", "utf32", "default", NULL};

const hv_param_def hvc_outfile_params[OF__N + 1] = {
    [OF_PATH] = {.name = "FilePath", .type = HV_PT_STRING, .position = 0,
                 .sets = HV_SET(OF_SET_PATH), .flags = HV_PF_MANDATORY,
                 .aliases = (const char *const[]){"Path", NULL},
                 .help = "Specifies the path to the output file."},
    [OF_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = HV_SET(OF_SET_LITERAL), .flags = HV_PF_MANDATORY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to the output file, used exactly as typed."},
    [OF_ENCODING] = {.name = "Encoding", .type = HV_PT_ENUM, .position = 1,
                     .accepted = encodings,
                     .help = "Specifies the type of encoding for the target file. The default "
                             "value is utf8NoBOM."},
    [OF_APPEND] = {.name = "Append", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Adds the output to the end of an existing file."},
    [OF_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Overrides the read-only attribute and overwrites an existing "
                          "read-only file. Does not override -NoClobber."},
    [OF_NOCLOBBER] = {.name = "NoClobber", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .aliases = (const char *const[]){"NoOverwrite", NULL},
                      .help = "Prevents an existing file from being overwritten and displays "
                              "a message that the file already exists."},
    [OF_WIDTH] = {.name = "Width", .type = HV_PT_INT32, .position = HV_POS_NAMED, .min = 2,
                  .max = INT32_MAX,
                  .help = "Specifies the maximum number of characters in each line of output "
                          "(tables are laid out for this width). The default is the host "
                          "width."},
    [OF_NONEWLINE] = {.name = "NoNewline", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .help = "Specifies that the content written to the file doesn't end "
                              "with a newline character: the string representations of the "
                              "input objects are concatenated."},
    [OF_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies the objects to be written to the file."},
    [OF__N] = {.name = NULL},
};

typedef struct {
    FILE *f;
    hv_value items;
    bool skip;
    bool bom;          /* the file is new/empty: a BOM may be written first */
    hvc_encoding enc;
} outfile_state;
_Static_assert(sizeof(outfile_state) <= HVC_OUT_STATE, "state size");

/* Writes UTF-8 text in the requested encoding (BOM before the first bytes of a new file). */
static void
write_text(outfile_state *s, const char *t, size_t n)
{
    hv_buf b = {0};
    hvc_encode(s->enc, t, n, s->bom, &b);
    s->bom = false;
    if (b.len)
        fwrite(b.data, 1, b.len, s->f);
    hv_buf_free(&b);
}

hv_status
hvc_outfile_begin(hv_cmd *cmd)
{
    outfile_state *s = hv_cmd_state(cmd);
    const char *p = hvc_arg_str(cmd, OF_LITERAL);
    if (!p)
        p = hvc_arg_str(cmd, OF_PATH);
    if (!p)
        return HV_OK;
    if (hvc_path_provider(p, NULL) == HVC_PROV_UNKNOWN)
        return hvc_drive_not_found_throw(cmd, p);
    char *full = hvc_fs_full_path(cmd, p);
    bool append = hv_cmd_switch(cmd, OF_APPEND);
    hv_status st = HV_OK;
    if (!append && hv_cmd_switch(cmd, OF_NOCLOBBER) && access(full, F_OK) == 0) {
        st = hvc_throw(cmd, HV_CAT_ResourceExists,
                       "NoClobber", full,
                       "The file '%s' already exists.", full);
    } else if (!hv_should_process(cmd, full, "Output to File")) {
        s->skip = true;
    } else {
        s->f = fopen(full, append ? "ab" : "wb");
        if (!s->f)
            st = hvc_throw(cmd, errno == EACCES ? HV_CAT_PermissionDenied : HV_CAT_OpenError,
                           "FileOpenFailure", full,
                           errno == ENOENT ? "Could not find a part of the path '%s'."
                                           : "Access to the path '%s' is denied.", full);
        else {
            s->enc = hvc_encoding_of(hv_cmd_arg(cmd, OF_ENCODING));
            s->bom = ftell(s->f) == 0 && (fseek(s->f, 0, SEEK_END) == 0 && ftell(s->f) == 0);
        }
    }
    free(full);
    return st;
}

hv_status
hvc_outfile_process(hv_cmd *cmd, const hv_value *input)
{
    outfile_state *s = hv_cmd_state(cmd);
    if (!s->f)
        return HV_OK;
    const hv_value *v = hv_cmd_arg(cmd, OF_INPUT);
    if (!v)
        v = input;
    if (s->items.kind != HV_ARRAY)
        s->items = hv_array_new(16);
    hv_array_push(&s->items, hv_ref(v));
    return HV_OK;
}

hv_status
hvc_outfile_end(hv_cmd *cmd)
{
    outfile_state *s = hv_cmd_state(cmd);
    if (!s->f || s->items.kind != HV_ARRAY)
        return HV_OK;
    int width = (int)hvc_arg_int(cmd, OF_WIDTH, 0);
    if (width <= 0)
        width = hv_host_width(hv_cmd_ctx(cmd));
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    size_t n = hv_array_len(&s->items);
    if (hv_cmd_switch(cmd, OF_NONEWLINE)) {
        for (size_t i = 0; i < n; i++) {
            HV_AUTO hv_value t = hv_format_default(ctx, hv_array_at(&s->items, i), 1, width);
            size_t len = hv_str_len(&t);
            while (len && hv_str_cstr(&t)[len - 1] == '\n')
                len--;
            write_text(s, hv_str_cstr(&t), len);
        }
        return HV_OK;
    }
    HV_AUTO hv_value text = hv_format_default(ctx, hv_array_items(&s->items), n, width);
    write_text(s, hv_str_cstr(&text), hv_str_len(&text));
    return HV_OK;
}

void
hvc_outfile_cleanup(hv_cmd *cmd)
{
    outfile_state *s = hv_cmd_state(cmd);
    if (s->f)
        fclose(s->f);
    s->f = NULL;
    hv_unrefp(&s->items);
}
