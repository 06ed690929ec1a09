/* data_csv.c — ConvertTo-Csv, ConvertFrom-Csv, Export-Csv, Import-Csv.
 *
 * pwsh 7 defaults: no #TYPE line (-IncludeTypeInformation adds it), every field quoted
 * (-UseQuotes Always), the header taken from the first object's properties; later objects
 * are written against that header. Reading accepts quoted fields with doubled quotes and
 * embedded delimiters/newlines, skips blank lines and honours a leading #TYPE line.
 */
#include "cmdlets/data.h"
#include "cmdlets/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { Q_ALWAYS, Q_ASNEEDED, Q_NEVER };

typedef struct {
    hv_value header;      /* HV_ARRAY of column names; HV_NULL until the first object */
    hv_value quote_fields; /* HV_ARRAY of names or HV_NULL */
    char delim;
    int quote;
    bool no_header, type_info, header_done;
    FILE *file;           /* Export-Csv */
    char *path;
    bool failed;
    bool bom;             /* Export-Csv: nothing written to the file yet */
    hvc_encoding enc;
} csv_writer;

static bool
needs_quotes(const char *s, char delim)
{
    for (; *s; s++)
        if (*s == delim || *s == '"' || *s == '\n')
            return true;
    return false;
}

static bool
in_quote_fields(const csv_writer *w, const char *name)
{
    size_t n = hv_array_len(&w->quote_fields);
    for (size_t i = 0; i < n; i++) {
        HV_AUTO hv_value s = hv_conv_to_string(hv_array_at(&w->quote_fields, i), NULL);
        if (hv_str_eq_ci(hv_str_cstr(&s), name))
            return true;
    }
    return false;
}

static void
put_field(const csv_writer *w, hv_buf *b, const char *s, const char *column)
{
    if (!s)
        return; /* $null or missing property: empty, unquoted field */
    bool q;
    if (w->quote_fields.kind == HV_ARRAY)
        q = in_quote_fields(w, column);
    else
        q = w->quote == Q_ALWAYS || (w->quote == Q_ASNEEDED && needs_quotes(s, w->delim));
    if (!q) {
        hv_buf_puts(b, s);
        return;
    }
    hv_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            hv_buf_putc(b, '"');
        hv_buf_putc(b, *s);
    }
    hv_buf_putc(b, '"');
}

/* Property value as .NET's ToString() would show it in a CSV cell (NULL for $null). */
static char *
cell_text(const hv_value *v)
{
    if (!v || v->kind == HV_NULL)
        return NULL;
    if (v->kind == HV_ARRAY)
        return hv_xstrdup("System.Object[]");
    if (v->kind == HV_TABLE)
        return hv_xstrdup(hv_type_name_of(v));
    if (v->kind == HV_DATETIME) {
        /* DateTime.ToString() in en-US */
        HV_AUTO hv_value s = hv_dt_format(v->u.i, (hv_dtkind)v->sub, "M/d/yyyy h:mm:ss tt");
        return hv_xstrdup(hv_str_cstr(&s));
    }
    if (v->kind == HV_DOUBLE && v->sub != HV_N_DECIMAL)
        return hvc_double_r(v->u.d); /* Double.ToString(): shortest round-trip */
    return hvc_to_cstr(v);
}

/* Column names and values of an input object (strings expose Length, as in pwsh). */
static hv_value
object_view(hv_cmd *cmd, const hv_value *in)
{
    if (in->kind == HV_TABLE && hv_table_notes(in)) {
        /* Add-Member notes on a hashtable are columns after its keys (docs example 7) */
        hv_value o = hv_obj_new(NULL);
        const hv_value *k, *v;
        for (size_t it = 0; hv_table_next(in, &it, &k, &v);) {
            char *name = hvc_u_cstr(k);
            hv_obj_set(&o, name, hv_ref(v));
            free(name);
        }
        const hv_value *notes = hv_table_notes(in);
        for (size_t i = 0; i < hv_obj_count(notes); i++)
            hv_obj_set(&o, hv_obj_name_at(notes, i), hv_ref(hv_obj_value_at(notes, i)));
        return o;
    }
    if (in->kind == HV_OBJECT || in->kind == HV_TABLE)
        return hv_ref(in);
    /* a DateTime/TimeSpan: its properties (ConvertTo-Csv docs examples 2, 4, 5) */
    hv_value sv = hvc_u_scalar_view(cmd, in);
    if (sv.kind != HV_NULL)
        return sv;
    hv_value o = hv_obj_new(NULL);
    if (in->kind == HV_STRING)
        hv_obj_set(&o, "Length", hv_int((int32_t)hv_utf16_len(hv_str_cstr(in), hv_str_len(in))));
    return o;
}

static const char *
type_name(const hv_value *in)
{
    if (in->kind == HV_OBJECT && hv_obj_typename_count(in) > 0)
        return hv_obj_typename_at(in, 0);
    return hv_type_name_of(in);
}

/* Appends the lines for one object (type line + header the first time) to b. */
static void
csv_write_object(hv_cmd *cmd, csv_writer *w, const hv_value *in, hv_buf *b)
{
    HV_AUTO hv_value o = object_view(cmd, in);
    if (w->header.kind != HV_ARRAY) {
        size_t n = hvc_props_count(&o);
        w->header = hv_array_new(n);
        for (size_t i = 0; i < n; i++)
            hv_array_push(&w->header, hvc_prop_name(&o, i));
    }
    if (!w->header_done) {
        w->header_done = true;
        if (w->type_info)
            hv_buf_printf(b, "#TYPE %s\n", type_name(in));
        if (!w->no_header) {
            for (size_t i = 0; i < hv_array_len(&w->header); i++) {
                if (i)
                    hv_buf_putc(b, w->delim);
                const char *name = hv_str_cstr(hv_array_at(&w->header, i));
                put_field(w, b, name, name);
            }
            hv_buf_putc(b, '\n');
        }
    }
    for (size_t i = 0; i < hv_array_len(&w->header); i++) {
        if (i)
            hv_buf_putc(b, w->delim);
        const char *name = hv_str_cstr(hv_array_at(&w->header, i));
        const hv_value *v = o.kind == HV_OBJECT ? hv_obj_get(&o, name) : hv_table_gets(&o, name);
        char *text = cell_text(v);
        put_field(w, b, text, name);
        free(text);
    }
    hv_buf_putc(b, '\n');
}

static char
delim_arg(hv_cmd *cmd, int idx, bool use_culture_idx_bound)
{
    (void)use_culture_idx_bound;
    const hv_value *d = hv_cmd_arg(cmd, idx);
    if (!d)
        return ',';
    if (d->kind == HV_CHAR)
        return (char)d->u.i;
    HV_AUTO hv_value s = hv_conv_to_string(d, NULL);
    return hv_str_len(&s) ? hv_str_cstr(&s)[0] : ',';
}

static int
quote_arg(hv_cmd *cmd, int idx)
{
    const hv_value *q = hv_cmd_arg(cmd, idx);
    if (!q)
        return Q_ALWAYS;
    HV_AUTO hv_value s = hv_conv_to_string(q, NULL);
    if (hv_str_eq_ci(hv_str_cstr(&s), "Never"))
        return Q_NEVER;
    if (hv_str_eq_ci(hv_str_cstr(&s), "AsNeeded"))
        return Q_ASNEEDED;
    return Q_ALWAYS;
}

/* ---- ConvertTo-Csv ---- */
enum { TC_SET_DELIM, TC_SET_CULTURE };
enum { TC_INPUT, TC_DELIM, TC_CULTURE, TC_TYPEINFO, TC_NOTYPEINFO, TC_QUOTEFIELDS, TC_USEQUOTES,
       TC_NOHEADER, TC__N };

const hv_param_def hvc_tocsv_params[TC__N + 1] = {
    [TC_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                  .help = "Specifies the objects that are converted to CSV strings. Enter a "
                          "variable that contains the objects or type a command or "
                          "expression that gets the objects."},
    [TC_DELIM] = {.name = "Delimiter", .type = HV_PT_STRING, .position = 1,
                  .sets = HV_SET(TC_SET_DELIM),
                  .help = "Specifies the delimiter to separate the property values in CSV "
                          "strings. The default is a comma (,)."},
    [TC_CULTURE] = {.name = "UseCulture", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = HV_SET(TC_SET_CULTURE), .flags = HV_PF_MANDATORY,
                    .help = "Uses the list separator for the current culture as the item "
                            "delimiter (a comma for en-US)."},
    [TC_TYPEINFO] = {.name = "IncludeTypeInformation", .type = HV_PT_SWITCH,
                     .position = HV_POS_NAMED, .aliases = (const char *const[]){"ITI", NULL},
                     .help = "Includes the #TYPE line with the fully qualified name of the "
                             "object's type as the first line of output."},
    [TC_NOTYPEINFO] = {.name = "NoTypeInformation", .type = HV_PT_SWITCH,
                       .position = HV_POS_NAMED, .aliases = (const char *const[]){"NTI", NULL},
                       .help = "Removes the #TYPE information header from the output. This "
                               "is the default in PowerShell 7; the parameter is accepted for "
                               "compatibility."},
    [TC_QUOTEFIELDS] = {.name = "QuoteFields", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                        .flags = HV_PF_ARRAY, .aliases = (const char *const[]){"QF", NULL},
                        .help = "Specifies the names of the columns that should be quoted; "
                                "the other columns are not quoted."},
    [TC_USEQUOTES] = {.name = "UseQuotes", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                      .aliases = (const char *const[]){"UQ", NULL},
                      .accepted = (const char *const[]){"Never", "Always", "AsNeeded", NULL},
                      .help = "Specifies when quotes are used in the CSV output: Never, "
                              "Always (the default) or AsNeeded (only fields that contain the "
                              "delimiter, a quote or a newline)."},
    [TC_NOHEADER] = {.name = "NoHeader", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Omits the column header row from the output."},
    [TC__N] = {.name = NULL},
};

_Static_assert(sizeof(csv_writer) <= HVC_CSV_STATE, "state size");

static void
writer_init(hv_cmd *cmd, csv_writer *w, int delim, int typeinfo, int quotefields,
            int usequotes, int noheader)
{
    if (w->delim)
        return;
    w->delim = delim_arg(cmd, delim, false);
    w->type_info = hv_cmd_switch(cmd, typeinfo);
    w->quote = quote_arg(cmd, usequotes);
    w->no_header = noheader >= 0 && hv_cmd_switch(cmd, noheader);
    const hv_value *qf = hv_cmd_arg(cmd, quotefields);
    w->quote_fields = qf && qf->kind == HV_ARRAY ? hv_ref(qf) : hv_null();
}

static const hv_value *
input_of(hv_cmd *cmd, int idx, const hv_value *input)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    return v ? v : input;
}

hv_status
hvc_tocsv_process(hv_cmd *cmd, const hv_value *input)
{
    csv_writer *w = hv_cmd_state(cmd);
    writer_init(cmd, w, TC_DELIM, TC_TYPEINFO, TC_QUOTEFIELDS, TC_USEQUOTES, TC_NOHEADER);
    const hv_value *in = input_of(cmd, TC_INPUT, input);
    if (in->kind == HV_NULL)
        return HV_OK;
    hv_buf b = {0};
    csv_write_object(cmd, w, in, &b);
    /* one string per line, as pwsh writes them */
    hv_status s = HV_OK;
    char *p = b.data, *end = b.data + b.len;
    while (p < end && s == HV_OK) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        s = hv_emit(cmd, hv_strn(p, (size_t)(nl - p)));
        p = nl + 1;
    }
    hv_buf_free(&b);
    return s;
}

void
hvc_csv_cleanup(hv_cmd *cmd)
{
    csv_writer *w = hv_cmd_state(cmd);
    hv_unrefp(&w->header);
    hv_unrefp(&w->quote_fields);
    if (w->file)
        fclose(w->file);
    w->file = NULL;
    free(w->path);
    w->path = NULL;
}

/* ---- CSV reading ---- */
typedef struct {
    hv_value header;  /* HV_ARRAY of names, or HV_NULL until read */
    char *type_name;  /* from #TYPE */
    char delim;
    bool first_line_seen;
    bool warn_unnamed, warned; /* a header without a name (named H1, H2...) */
    hv_buf pending;   /* an incomplete record (open quote) */
} csv_reader;

/* pwsh's ReadTillNextDelimiter: the rest of a field up to the delimiter or the end; blanks
 * only are dropped when eat is set. Returns true at the end of the record. */
static bool
till_delimiter(const char *s, size_t len, size_t *i, char delim, bool eat, hv_buf *cur)
{
    size_t start = *i;
    bool nonwhite = false;
    while (*i < len && s[*i] != delim) {
        if (s[*i] != ' ' && s[*i] != '\t')
            nonwhite = true;
        (*i)++;
    }
    if (!eat || nonwhite)
        hv_buf_put(cur, s + start, *i - start);
    if (*i >= len)
        return true;
    (*i)++; /* the delimiter */
    return false;
}

static void
push_field(hv_value *fields, hv_buf *cur)
{
    hv_array_push(fields, hv_strn(cur->data ? cur->data : "", cur->len));
    cur->len = 0;
}

/* Splits one record into fields as pwsh's ParseNextRecord does (quotes, doubled quotes,
 * leading blanks skipped, lenient stray quotes); false if a quoted field is still open. */
static bool
split_record(const char *s, size_t len, char delim, hv_value *fields)
{
    *fields = hv_array_new(8);
    hv_buf cur = {0};
    bool inq = false;
    size_t i = 0;
    while (i < len) {
        char c = s[i++];
        if (c == delim && !inq) {
            push_field(fields, &cur);
        } else if (c == '"' && inq) {
            if (i < len && s[i] == '"') {
                hv_buf_putc(&cur, '"');
                i++;
            } else {
                inq = false;
                bool end = till_delimiter(s, len, &i, delim, true, &cur);
                push_field(fields, &cur);
                if (end)
                    goto done;
            }
        } else if (c == '"' && cur.len == 0) {
            inq = true;
        } else if (c == '"' || ((c == ' ' || c == '\t') && !inq && cur.len)) {
            hv_buf_putc(&cur, c);
            bool end = till_delimiter(s, len, &i, delim, c != '"', &cur);
            push_field(fields, &cur);
            if (end)
                goto done;
        } else if ((c == ' ' || c == '\t') && !inq) {
            continue; /* leading blanks */
        } else {
            hv_buf_putc(&cur, c);
        }
    }
    if (inq) {
        hv_buf_free(&cur);
        hv_unrefp(fields);
        return false;
    }
    push_field(fields, &cur); /* the end of the line ends the last field */
done:
    hv_buf_free(&cur);
    return true;
}

static hv_value
record_object(csv_reader *r, const hv_value *fields)
{
    hv_value o = hv_obj_new(NULL);
    if (r->type_name) {
        /* PSTypeNames: the type, then CSV:<type> */
        char *tn = hv_xasprintf("CSV:%s", r->type_name);
        hv_obj_add_typename(&o, tn);
        hv_obj_add_typename(&o, r->type_name);
        free(tn);
    }
    size_t nh = hv_array_len(&r->header), nf = hv_array_len(fields);
    int unnamed = 1;
    for (size_t i = 0; i < nh; i++) {
        const char *name = hv_str_cstr(hv_array_at(&r->header, i));
        char hname[32];
        if (!*name) {
            snprintf(hname, sizeof hname, "H%d", unnamed++);
            name = hname;
            r->warn_unnamed = true;
        }
        hv_obj_set(&o, name, i < nf ? hv_ref(hv_array_at(fields, i)) : hv_null());
    }
    return o;
}

/* The header row: trailing empty names dropped; duplicates are an error (pwsh). */
static hv_status
set_header(hv_cmd *cmd, csv_reader *r, hv_value fields)
{
    while (hv_array_len(&fields) > 1 &&
           hv_str_len(hv_array_at(&fields, hv_array_len(&fields) - 1)) == 0)
        hv_array_truncate(&fields, hv_array_len(&fields) - 1);
    for (size_t i = 0; i < hv_array_len(&fields); i++) {
        const char *a = hv_str_cstr(hv_array_at(&fields, i));
        for (size_t j = 0; *a && j < i; j++) {
            if (hv_str_eq_ci(a, hv_str_cstr(hv_array_at(&fields, j)))) {
                hv_status st = hvc_throw(cmd, HV_CAT_NotSpecified,
                                         "AlreadyPresentPSMemberInfoInternalCollectionAdd",
                                         NULL, "The member \"%s\" is already present.", a);
                hv_unref(fields);
                return st;
            }
        }
    }
    r->header = fields;
    return HV_OK;
}

/* Feeds one physical line; emits an object when a record is complete. */
static hv_status
csv_feed_line(hv_cmd *cmd, csv_reader *r, const char *line, size_t len)
{
    if (len && line[len - 1] == '\r')
        len--;
    if (r->pending.len) {
        hv_buf_putc(&r->pending, '\n');
        hv_buf_put(&r->pending, line, len);
        line = r->pending.data;
        len = r->pending.len;
    } else if (len == 0) {
        return HV_OK; /* blank lines are skipped */
    }
    if (!r->first_line_seen && r->header.kind != HV_ARRAY && len > 5 &&
        strncasecmp(line, "#TYPE", 5) == 0) {
        const char *t = line + 5;
        while (*t == ' ')
            t++;
        r->type_name = hv_xstrndup(t, len - (size_t)(t - line));
        r->first_line_seen = true;
        return HV_OK;
    }
    r->first_line_seen = true;
    if (r->header.kind != HV_ARRAY && line[0] == '#') {
        /* before the header: comment lines are skipped; W3C logs name the fields */
        if (len > 9 && strncmp(line, "#Fields: ", 9) == 0) {
            hv_value fields;
            if (split_record(line + 9, len - 9, r->delim, &fields))
                return set_header(cmd, r, fields);
        }
        return HV_OK;
    }
    hv_value fields;
    if (!split_record(line, len, r->delim, &fields)) {
        if (!r->pending.len)
            hv_buf_put(&r->pending, line, len);
        return HV_OK;
    }
    r->pending.len = 0;
    if (r->header.kind != HV_ARRAY)
        return set_header(cmd, r, fields);
    hv_value o = record_object(r, &fields);
    hv_unref(fields);
    if (r->warn_unnamed && !r->warned) {
        r->warned = true;
        hv_status ws = hv_write_warning(cmd, "One or more headers were not specified. Default "
                                             "names starting with \"H\" have been used in place "
                                             "of any missing headers.");
        if (ws != HV_OK) {
            hv_unref(o);
            return ws;
        }
    }
    return hv_emit(cmd, o);
}

static hv_status
csv_feed_text(hv_cmd *cmd, csv_reader *r, const char *s, size_t len)
{
    hv_status st = HV_OK;
    size_t start = 0;
    for (size_t i = 0; i <= len && st == HV_OK; i++) {
        if (i == len || s[i] == '\n') {
            if (i > start || i < len)
                st = csv_feed_line(cmd, r, s + start, i - start);
            start = i + 1;
        }
    }
    return st;
}

static void
reader_header_arg(hv_cmd *cmd, csv_reader *r, int idx)
{
    const hv_value *h = hv_cmd_arg(cmd, idx);
    if (r->header.kind == HV_ARRAY || !h)
        return;
    r->header = hv_array_new(4);
    if (h->kind == HV_ARRAY) {
        for (size_t i = 0; i < hv_array_len(h); i++)
            hv_array_push(&r->header, hv_conv_to_string(hv_array_at(h, i), NULL));
    } else {
        hv_array_push(&r->header, hv_conv_to_string(h, NULL));
    }
}

static void
reader_free(csv_reader *r)
{
    hv_unrefp(&r->header);
    free(r->type_name);
    r->type_name = NULL;
    hv_buf_free(&r->pending);
}

/* ---- ConvertFrom-Csv ---- */
enum { FC_SET_DELIM, FC_SET_CULTURE };
enum { FC_INPUT, FC_DELIM, FC_CULTURE, FC_HEADER, FC__N };

const hv_param_def hvc_fromcsv_params[FC__N + 1] = {
    [FC_INPUT] = {.name = "InputObject", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME |
                           HV_PF_ARRAY,
                  .help = "Specifies the CSV strings to be converted to objects."},
    [FC_DELIM] = {.name = "Delimiter", .type = HV_PT_STRING, .position = 1,
                  .sets = HV_SET(FC_SET_DELIM),
                  .help = "Specifies the delimiter that separates the property values in the "
                          "CSV strings. The default is a comma (,)."},
    [FC_CULTURE] = {.name = "UseCulture", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = HV_SET(FC_SET_CULTURE), .flags = HV_PF_MANDATORY,
                    .help = "Uses the list separator for the current culture as the item "
                            "delimiter."},
    [FC_HEADER] = {.name = "Header", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY,
                   .help = "Specifies an alternate column header row for the imported "
                           "string. The first line of the input is then treated as data."},
    [FC__N] = {.name = NULL},
};

_Static_assert(sizeof(csv_reader) <= HVC_CSV_STATE, "state size");

hv_status
hvc_fromcsv_process(hv_cmd *cmd, const hv_value *input)
{
    csv_reader *r = hv_cmd_state(cmd);
    if (!r->delim) {
        r->delim = delim_arg(cmd, FC_DELIM, false);
        reader_header_arg(cmd, r, FC_HEADER);
    }
    const hv_value *in = input_of(cmd, FC_INPUT, input);
    hv_status st = HV_OK;
    if (in->kind == HV_ARRAY) {
        for (size_t i = 0; i < hv_array_len(in) && st == HV_OK; i++) {
            HV_AUTO hv_value s = hv_conv_to_string(hv_array_at(in, i), NULL);
            st = csv_feed_text(cmd, r, hv_str_cstr(&s), hv_str_len(&s));
        }
        return st;
    }
    HV_AUTO hv_value s = hv_conv_to_string(in, NULL);
    return csv_feed_text(cmd, r, hv_str_cstr(&s), hv_str_len(&s));
}

void
hvc_fromcsv_cleanup(hv_cmd *cmd)
{
    reader_free(hv_cmd_state(cmd));
}

/* ---- Import-Csv ---- */
enum { IC_SET_DELIM_PATH, IC_SET_DELIM_LITERAL, IC_SET_CULTURE_PATH, IC_SET_CULTURE_LITERAL };
enum { IC_PATH, IC_LITERAL, IC_DELIM, IC_CULTURE, IC_HEADER, IC_ENCODING, IC__N };
#define IC_PATH_SETS (HV_SET(IC_SET_DELIM_PATH) | HV_SET(IC_SET_CULTURE_PATH))
#define IC_LIT_SETS (HV_SET(IC_SET_DELIM_LITERAL) | HV_SET(IC_SET_CULTURE_LITERAL))

static const char *const encodings[] = {"ascii", "ansi", "bigendianunicode", "bigendianutf32",
                                        "oem", "unicode", "utf7", "utf8", "utf8BOM",
                                        "utf8NoBOM", "utf32", "default", NULL};

const hv_param_def hvc_importcsv_params[IC__N + 1] = {
    [IC_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0, .sets = IC_PATH_SETS,
                 .flags = HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY |
                          HV_PF_WILDCARDS,
                 .help = "Specifies the path to the CSV file to import."},
    [IC_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .sets = IC_LIT_SETS,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to the CSV file to import, used exactly as "
                            "typed: no characters are interpreted as wildcards."},
    [IC_DELIM] = {.name = "Delimiter", .type = HV_PT_STRING, .position = 1,
                  .sets = HV_SET(IC_SET_DELIM_PATH) | HV_SET(IC_SET_DELIM_LITERAL),
                  .help = "Specifies the delimiter that separates the property values in the "
                          "CSV file. The default is a comma (,)."},
    [IC_CULTURE] = {.name = "UseCulture", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = HV_SET(IC_SET_CULTURE_PATH) | HV_SET(IC_SET_CULTURE_LITERAL),
                    .flags = HV_PF_MANDATORY,
                    .help = "Uses the list separator for the current culture as the item "
                            "delimiter."},
    [IC_HEADER] = {.name = "Header", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .flags = HV_PF_ARRAY,
                   .help = "Specifies an alternate column header row for the imported file; "
                           "the first line of the file is then data."},
    [IC_ENCODING] = {.name = "Encoding", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                     .accepted = encodings,
                     .help = "Specifies the encoding for the imported CSV file. The default "
                             "is utf8NoBOM; files are read as UTF-8."},
    [IC__N] = {.name = NULL},
};

static hv_status
import_file(hv_cmd *cmd, const char *path, char delim)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return hvc_error(cmd, HV_CAT_ObjectNotFound,
                         "PathNotFound", path,
                         "Could not find file '%s'.", path);
    csv_reader r = {.delim = delim};
    reader_header_arg(cmd, &r, IC_HEADER);
    /* UTF-16/UTF-32 files (BOM or -Encoding) are decoded whole; UTF-8 streams */
    unsigned char head[4];
    size_t hn = fread(head, 1, sizeof head, f), bom;
    rewind(f);
    hvc_encoding e = hvc_detect_bom(head, hn, hvc_encoding_of(hv_cmd_arg(cmd, IC_ENCODING)),
                                    &bom);
    if (e != HVC_ENC_UTF8 && e != HVC_ENC_UTF8BOM && e != HVC_ENC_ASCII) {
        hv_buf raw = {0}, text = {0};
        char buf[65536];
        size_t k;
        while ((k = fread(buf, 1, sizeof buf, f)) > 0)
            hv_buf_put(&raw, buf, k);
        fclose(f);
        if (raw.len > bom)
            hvc_decode(e, (const unsigned char *)raw.data + bom, raw.len - bom, &text);
        hv_buf_free(&raw);
        hv_status ds = csv_feed_text(cmd, &r, text.data ? text.data : "", text.len);
        hv_buf_free(&text);
        reader_free(&r);
        return ds;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    hv_status st = HV_OK;
    bool first = true;
    while (st == HV_OK && (n = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)n;
        if (len && line[len - 1] == '\n')
            len--;
        const char *p = line;
        if (first && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3; /* UTF-8 BOM */
            len -= 3;
        }
        first = false;
        st = csv_feed_line(cmd, &r, p, len);
        if (st == HV_OK && hv_cmd_interrupted(cmd))
            st = HV_STOPPED;
    }
    free(line);
    fclose(f);
    reader_free(&r);
    return st;
}

hv_status
hvc_importcsv_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    char delim = delim_arg(cmd, IC_DELIM, false);
    bool literal = hv_cmd_bound(cmd, IC_LITERAL);
    const hv_value *paths = hvc_arg_array(cmd, literal ? IC_LITERAL : IC_PATH);
    if (!paths)
        return hvc_throw(cmd, HV_CAT_InvalidArgument, "ParameterArgumentValidationError",
                         NULL, "Cannot bind argument to parameter 'Path' because it is null.");
    hv_status st = HV_OK;
    for (size_t i = 0; i < hv_array_len(paths) && st == HV_OK; i++) {
        HV_AUTO hv_value p = hv_conv_to_string(hv_array_at(paths, i), NULL);
        hv_value list = hvc_fs_resolve(cmd, hv_str_cstr(&p), literal);
        if (list.kind != HV_ARRAY) {
            st = hvc_path_not_found(cmd, hv_str_cstr(&p));
            continue;
        }
        for (size_t j = 0; j < hv_array_len(&list) && st == HV_OK; j++)
            st = import_file(cmd, hv_str_cstr(hv_array_at(&list, j)), delim);
        hv_unref(list);
    }
    return st;
}

/* ---- Export-Csv ---- */
enum { EC_SET_DELIM, EC_SET_CULTURE };
enum { EC_INPUT, EC_PATH, EC_LITERAL, EC_FORCE, EC_NOCLOBBER, EC_ENCODING, EC_APPEND, EC_DELIM,
       EC_CULTURE, EC_TYPEINFO, EC_NOTYPEINFO, EC_QUOTEFIELDS, EC_USEQUOTES, EC_NOHEADER,
       EC__N };

const hv_param_def hvc_exportcsv_params[EC__N + 1] = {
    [EC_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                  .help = "Specifies the objects to export as CSV strings."},
    [EC_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .help = "Specifies the path to the CSV output file."},
    [EC_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to the CSV output file, used exactly as "
                            "typed."},
    [EC_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Overwrites a read-only file; with -Append, writes objects whose "
                          "properties do not match the existing header."},
    [EC_NOCLOBBER] = {.name = "NoClobber", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .aliases = (const char *const[]){"NoOverwrite", NULL},
                      .help = "Prevents an existing file from being overwritten."},
    [EC_ENCODING] = {.name = "Encoding", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                     .accepted = encodings,
                     .help = "Specifies the encoding for the exported CSV file. The default is "
                             "utf8NoBOM."},
    [EC_APPEND] = {.name = "Append", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Adds the CSV output to the end of the specified file, using the "
                           "file's existing header."},
    [EC_DELIM] = {.name = "Delimiter", .type = HV_PT_STRING, .position = 1,
                  .sets = HV_SET(EC_SET_DELIM),
                  .help = "Specifies a delimiter to separate the property values. The default "
                          "is a comma (,)."},
    [EC_CULTURE] = {.name = "UseCulture", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = HV_SET(EC_SET_CULTURE), .flags = HV_PF_MANDATORY,
                    .help = "Uses the list separator for the current culture as the item "
                            "delimiter."},
    [EC_TYPEINFO] = {.name = "IncludeTypeInformation", .type = HV_PT_SWITCH,
                     .position = HV_POS_NAMED, .aliases = (const char *const[]){"ITI", NULL},
                     .help = "Writes the #TYPE line with the object's type name first."},
    [EC_NOTYPEINFO] = {.name = "NoTypeInformation", .type = HV_PT_SWITCH,
                       .position = HV_POS_NAMED, .aliases = (const char *const[]){"NTI", NULL},
                       .help = "Omits the #TYPE line (the default in PowerShell 7; accepted "
                               "for compatibility)."},
    [EC_QUOTEFIELDS] = {.name = "QuoteFields", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                        .flags = HV_PF_ARRAY, .aliases = (const char *const[]){"QF", NULL},
                        .help = "Specifies the names of the columns that should be quoted."},
    [EC_USEQUOTES] = {.name = "UseQuotes", .type = HV_PT_ENUM, .position = HV_POS_NAMED,
                      .aliases = (const char *const[]){"UQ", NULL},
                      .accepted = (const char *const[]){"Never", "Always", "AsNeeded", NULL},
                      .help = "Specifies when quotes are used: Never, Always (the default) or "
                              "AsNeeded."},
    [EC_NOHEADER] = {.name = "NoHeader", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Omits the column header row."},
    [EC__N] = {.name = NULL},
};

/* With -Append the header comes from the file's first (non-#TYPE) line. */
static void
read_existing_header(csv_writer *w, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        if (len == 0 || strncmp(line, "#TYPE", 5) == 0)
            continue;
        hv_value fields;
        if (split_record(line, len, w->delim, &fields)) {
            w->header = fields;
            w->header_done = true;
        }
        break;
    }
    free(line);
    fclose(f);
}

static hv_status
export_open(hv_cmd *cmd, csv_writer *w)
{
    const char *p = hvc_arg_str(cmd, EC_LITERAL);
    if (!p)
        p = hvc_arg_str(cmd, EC_PATH);
    if (!p)
        return hvc_throw(cmd, HV_CAT_InvalidArgument,
                         "CannotSpecifyPathAndLiteralPath",
                         NULL, "You must specify either the -Path or -LiteralPath parameters, "
                               "but not both.");
    if (hvc_path_provider(p, NULL) == HVC_PROV_UNKNOWN) {
        w->failed = true;
        return hvc_drive_not_found_throw(cmd, p);
    }
    w->path = hvc_fs_full_path(cmd, p);
    bool append = hv_cmd_switch(cmd, EC_APPEND);
    if (!append && hv_cmd_switch(cmd, EC_NOCLOBBER) && access(w->path, F_OK) == 0)
        return hvc_throw(cmd, HV_CAT_ResourceExists,
                         "NoClobber", w->path,
                         "The file '%s' already exists.", w->path);
    if (!hv_should_process(cmd, w->path, "Export-Csv")) {
        w->failed = true;
        return HV_OK;
    }
    if (append)
        read_existing_header(w, w->path);
    w->file = fopen(w->path, append ? "ab" : "wb");
    if (w->file) {
        fseek(w->file, 0, SEEK_END);
        w->bom = ftell(w->file) == 0;
        w->enc = hvc_encoding_of(hv_cmd_arg(cmd, EC_ENCODING));
    }
    if (!w->file)
        return hvc_throw(cmd, HV_CAT_OpenError,
                         "FileOpenFailure",
                         w->path, "Could not open file '%s': %s", w->path, strerror(errno));
    return HV_OK;
}

/* -Append to a file whose header names a column the object lacks: pwsh refuses unless
 * -Force (then the missing columns are written empty). */
static hv_status
check_append_columns(hv_cmd *cmd, csv_writer *w, const hv_value *in)
{
    if (!hv_cmd_switch(cmd, EC_APPEND) || hv_cmd_switch(cmd, EC_FORCE) ||
        w->header.kind != HV_ARRAY || (in->kind != HV_OBJECT && in->kind != HV_TABLE))
        return HV_OK;
    for (size_t i = 0; i < hv_array_len(&w->header); i++) {
        const char *col = hv_str_cstr(hv_array_at(&w->header, i));
        const hv_value *v = in->kind == HV_OBJECT ? hv_obj_get(in, col) : hv_table_gets(in, col);
        if (!v) {
            w->failed = true;
            return hvc_throw(cmd, HV_CAT_InvalidData, "CannotAppendCsvWithMismatchedPropertyNames",
                             w->path,
                             "Cannot append CSV content to the following file: %s. The "
                             "appended object does not have a property that corresponds to the "
                             "following column: %s. To continue with mismatched properties, add "
                             "the -Force parameter, and then retry the command.",
                             w->path, col);
        }
    }
    return HV_OK;
}

hv_status
hvc_exportcsv_process(hv_cmd *cmd, const hv_value *input)
{
    csv_writer *w = hv_cmd_state(cmd);
    if (w->failed)
        return HV_OK;
    writer_init(cmd, w, EC_DELIM, EC_TYPEINFO, EC_QUOTEFIELDS, EC_USEQUOTES, EC_NOHEADER);
    if (!w->file) {
        hv_status st = export_open(cmd, w);
        if (st != HV_OK || w->failed)
            return st;
    }
    const hv_value *in = input_of(cmd, EC_INPUT, input);
    if (in->kind == HV_NULL)
        return HV_OK;
    hv_status st = check_append_columns(cmd, w, in);
    if (st != HV_OK || w->failed)
        return st;
    hv_buf b = {0};
    csv_write_object(cmd, w, in, &b);
    hv_buf enc = {0};
    hvc_encode(w->enc, b.data ? b.data : "", b.len, w->bom, &enc);
    w->bom = false;
    fwrite(enc.data, 1, enc.len, w->file);
    hv_buf_free(&enc);
    hv_buf_free(&b);
    return HV_OK;
}
