/* data_xmlcmd.c — the XML cmdlets of Microsoft.PowerShell.Utility: Select-Xml,
 * ConvertTo-Xml, Export-Clixml, Import-Clixml (CLIXML 1.1.0.1, as pwsh 7.4 writes it:
 * two-space indentation, no XML declaration, primitives by tag, objects with their type
 * names, PSCustomObject notes in <MS>, other objects' properties in <Props>; objects seen
 * twice are written as <Ref>). */
#include "cmdlets/data.h"
#include "cmdlets/data_xml.h"
#include "cmdlets/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ONLINE(page) "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/" page

/* ====================================================================== Select-Xml */

enum { SX_SET_XML, SX_SET_PATH, SX_SET_LITERAL, SX_SET_CONTENT };
enum { SX_XPATH, SX_XML, SX_PATH, SX_LITERAL, SX_CONTENT, SX_NAMESPACE, SX__N };

static const hv_param_def sx_params[SX__N + 1] = {
    [SX_XPATH] = {.name = "XPath", .type = HV_PT_STRING, .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_NO_EMPTY,
                  .help = "Specifies an XPath search query. The query language is "
                          "case-sensitive."},
    [SX_XML] = {.name = "Xml", .type = HV_PT_ANY, .position = 1,
                .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                .sets = HV_SET(SX_SET_XML), .aliases = (const char *const[]){"Node", NULL},
                .help = "Specifies one or more XML nodes (XmlDocument or XmlNode objects)."},
    [SX_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 1,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY | HV_PF_WILDCARDS,
                 .sets = HV_SET(SX_SET_PATH),
                 .help = "Specifies the path and file names of the XML files to search."},
    [SX_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .sets = HV_SET(SX_SET_LITERAL),
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the paths of the XML files to search, used exactly as "
                            "typed."},
    [SX_CONTENT] = {.name = "Content", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                    .sets = HV_SET(SX_SET_CONTENT),
                    .help = "Specifies a string that contains the XML to search."},
    [SX_NAMESPACE] = {.name = "Namespace", .type = HV_PT_HASHTABLE, .position = HV_POS_NAMED,
                      .help = "Specifies a hash table of the namespaces used in the XML: "
                              "@{<namespaceName> = <namespaceValue>}."},
    {.name = NULL},
};

/* SelectXmlInfo.ToString(): the node's Value (else InnerXml), trimmed, then ":path" for
 * matches from a file. */
static hv_value
sxinfo_to_string(const hv_value *self)
{
    const hv_value *n = hv_obj_get(self, "Node");
    const hv_value *p = hv_obj_get(self, "Path");
    hv_value text = hv_str("");
    if (n && hvc_xml_is_node(n)) {
        hv_unref(text);
        text = hvc_xml_value_or_inner(n);
    }
    const char *t = hv_str_cstr(&text);
    size_t len = hv_str_len(&text);
    while (len && strchr(" \t\r\n", t[len - 1]))
        len--;
    while (len && strchr(" \t\r\n", *t)) {
        t++;
        len--;
    }
    hv_value out;
    if (p && p->kind == HV_STRING && strcmp(hv_str_cstr(p), "InputStream") != 0)
        out = hv_strf("%.*s:%s", (int)len, t, hv_str_cstr(p));
    else
        out = hv_strn(t, len);
    hv_unref(text);
    return out;
}

static const hv_obj_class sxinfo_class = {
    .type_name = "Microsoft.PowerShell.Commands.SelectXmlInfo",
    .base_types = (const char *const[]){"System.Object", NULL},
    .table_view = (const hv_view_column[]){{.label = "Node", .property = "Node"},
                                           {.label = "Path", .property = "Path"},
                                           {.label = "Pattern", .property = "Pattern"},
                                           {0}},
    .to_string = sxinfo_to_string,
};

static hv_status
sx_search(hv_cmd *cmd, const hv_value *node, const char *path)
{
    const char *xp = hvc_arg_str(cmd, SX_XPATH);
    hv_value res;
    char why[400];
    if (!hvc_xml_select(node, xp, hv_cmd_arg(cmd, SX_NAMESPACE), &res, why, sizeof why))
        return hvc_throw(cmd, HV_CAT_InvalidArgument, "System.Xml.XPath.XPathException", NULL,
                         "%s", why);
    hv_status st = HV_OK;
    for (size_t i = 0; i < hv_array_len(&res) && st == HV_OK; i++) {
        hv_value o = hv_obj_new(&sxinfo_class);
        hv_obj_set(&o, "Node", hv_ref(hv_array_at(&res, i)));
        hv_obj_set(&o, "Path", hv_str(path));
        hv_obj_set(&o, "Pattern", hv_str(xp));
        st = hv_emit(cmd, o);
    }
    hv_unref(res);
    return st;
}

static hv_status
sx_text(hv_cmd *cmd, const char *text, size_t len, const char *path)
{
    char why[400];
    hv_value doc = hvc_xml_parse(text, len, why, sizeof why);
    if (doc.kind == HV_NULL)
        return hvc_error(cmd, HV_CAT_InvalidArgument, "ProcessingFile", path,
                         "Cannot convert value \"%.200s\" to type \"System.Xml.XmlDocument\". "
                         "Error: \"%.240s\"", path ? path : text, why);
    hv_status st = sx_search(cmd, &doc, path ? path : "InputStream");
    hv_unref(doc);
    return st;
}

static hv_status
sx_file(hv_cmd *cmd, const char *full)
{
    FILE *f = fopen(full, "rb");
    if (!f)
        return hvc_path_not_found(cmd, full);
    hv_buf b = {0};
    char tmp[8192];
    size_t r;
    while ((r = fread(tmp, 1, sizeof tmp, f)) > 0)
        hv_buf_put(&b, tmp, r);
    fclose(f);
    char why[400];
    /* files are loaded keeping whitespace, as pwsh's Select-Xml does */
    hv_value doc = hvc_xml_parse_ex(b.data ? b.data : "", b.len, true, why, sizeof why);
    hv_buf_free(&b);
    if (doc.kind == HV_NULL)
        return hvc_error(cmd, HV_CAT_InvalidArgument, "ProcessingFile", full,
                         "Cannot convert value \"%s\" to type \"System.Xml.XmlDocument\". "
                         "Error: \"%.240s\"", full, why);
    hv_status st = sx_search(cmd, &doc, full);
    hv_unref(doc);
    return st;
}

/* An array parameter's value; a bound $null is reported as pwsh's binder does. */
static bool
array_arg(hv_cmd *cmd, int idx, const char *name, const hv_value **out, hv_status *st)
{
    const hv_value *v = hv_cmd_arg(cmd, idx);
    *out = v && v->kind == HV_ARRAY ? v : NULL;
    *st = HV_OK;
    if (v && v->kind != HV_ARRAY) {
        *st = hvc_throw(cmd, HV_CAT_InvalidData, "ParameterArgumentValidationErrorNullNotAllowed",
                        NULL, "Cannot bind argument to parameter '%s' because it is null.", name);
        return false;
    }
    return true;
}

static hv_status
sx_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    int set = hv_cmd_set_index(cmd);
    hv_status st = HV_OK;
    if (set == SX_SET_XML) {
        const hv_value *xs;
        if (!array_arg(cmd, SX_XML, "Xml", &xs, &st))
            return st;
        for (size_t i = 0; xs && i < hv_array_len(xs) && st == HV_OK; i++) {
            const hv_value *n = hv_array_at(xs, i);
            if (!hvc_xml_is_node(n)) {
                hv_value conv;
                hv_conv_err err;
                const hv_type_info *t = hv_type_lookup("xml");
                if (!hv_conv_to_type(n, t, &conv, &err)) {
                    st = hvc_error(cmd, HV_CAT_InvalidArgument, "InvalidCastToXmlNode", NULL,
                                   "%s", err.msg);
                    continue;
                }
                st = sx_search(cmd, &conv, "InputStream");
                hv_unref(conv);
                continue;
            }
            st = sx_search(cmd, n, "InputStream");
        }
        return st;
    }
    if (set == SX_SET_CONTENT) {
        const hv_value *cs;
        if (!array_arg(cmd, SX_CONTENT, "Content", &cs, &st))
            return st;
        for (size_t i = 0; cs && i < hv_array_len(cs) && st == HV_OK; i++) {
            hv_value s = hv_conv_to_string(hv_array_at(cs, i), NULL);
            st = sx_text(cmd, hv_str_cstr(&s), hv_str_len(&s), NULL);
            hv_unref(s);
        }
        return st;
    }
    bool literal = set == SX_SET_LITERAL;
    const hv_value *paths;
    if (!array_arg(cmd, literal ? SX_LITERAL : SX_PATH, literal ? "LiteralPath" : "Path", &paths,
                   &st))
        return st;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        hv_value p = hv_conv_to_string(hv_array_at(paths, i), NULL);
        hv_value list = hvc_fs_resolve(cmd, hv_str_cstr(&p), literal);
        if (list.kind != HV_ARRAY)
            st = hvc_path_not_found(cmd, hv_str_cstr(&p));
        for (size_t j = 0; list.kind == HV_ARRAY && j < hv_array_len(&list) && st == HV_OK; j++)
            st = sx_file(cmd, hv_str_cstr(hv_array_at(&list, j)));
        hv_unref(list);
        hv_unref(p);
    }
    return st;
}

/* ====================================================================== ConvertTo-Xml */

enum { CX_INPUT, CX_DEPTH, CX_NOTYPE, CX_AS, CX__N };

static const hv_param_def cx_params[CX__N + 1] = {
    [CX_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = 0,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                  .help = "Specifies the object to be converted."},
    [CX_DEPTH] = {.name = "Depth", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                  .min = 1, .max = 2147483647,
                  .help = "Specifies how many levels of contained objects are included in the "
                          "XML representation. The default value is 1."},
    [CX_NOTYPE] = {.name = "NoTypeInformation", .type = HV_PT_SWITCH,
                   .position = HV_POS_NAMED,
                   .help = "Omits the Type attribute from the object nodes."},
    [CX_AS] = {.name = "As", .type = HV_PT_STRING, .position = HV_POS_NAMED,
               .accepted = (const char *const[]){"Stream", "String", "Document", NULL},
               .help = "Determines the output format: String (a single string), Stream (an "
                       "array of strings) or Document (an XmlDocument object, the default)."},
    {.name = NULL},
};

typedef struct {
    hv_value items; /* collected input */
} cx_state;
_Static_assert(sizeof(cx_state) <= 64, "cx_state");

static void cx_value(hv_buf *b, const hv_value *v, const char *tag, const char *name,
                     int depth, int indent, bool notype);

static void
cx_open(hv_buf *b, const char *tag, const char *name, const hv_value *v, int indent, bool notype)
{
    for (int i = 0; i < indent; i++)
        hv_buf_puts(b, "  ");
    hv_buf_printf(b, "<%s", tag);
    if (name) {
        hv_buf_puts(b, " Name=\"");
        hv_value ev = hv_str(name);
        for (const char *s = hv_str_cstr(&ev); *s; s++)
            if (*s == '"')
                hv_buf_puts(b, "&quot;");
            else if (*s == '&')
                hv_buf_puts(b, "&amp;");
            else if (*s == '<')
                hv_buf_puts(b, "&lt;");
            else
                hv_buf_putc(b, *s);
        hv_unref(ev);
        hv_buf_putc(b, '"');
    }
    if (!notype && v->kind != HV_NULL)
        hv_buf_printf(b, " Type=\"%s\"", hv_type_name_of(v));
}

static void
put_text_esc(hv_buf *b, const char *s)
{
    for (; *s; s++)
        if (*s == '&')
            hv_buf_puts(b, "&amp;");
        else if (*s == '<')
            hv_buf_puts(b, "&lt;");
        else if (*s == '>')
            hv_buf_puts(b, "&gt;");
        else
            hv_buf_putc(b, *s);
}

/* Containers do not count in the depth: their items get the container's own depth;
 * a dictionary is its Key/Value pairs. An object's properties get one less. */
static void
cx_children(hv_buf *b, const hv_value *v, int depth, int indent, bool notype)
{
    if (v->kind == HV_ARRAY) {
        for (size_t i = 0; i < hv_array_len(v); i++)
            cx_value(b, hv_array_at(v, i), "Property", NULL, depth, indent, notype);
        return;
    }
    if (v->kind == HV_TABLE) {
        const hv_value *k, *val;
        for (size_t it = 0; hv_table_next(v, &it, &k, &val);) {
            cx_value(b, k, "Property", "Key", depth, indent, notype);
            cx_value(b, val, "Property", "Value", depth, indent, notype);
        }
        return;
    }
    size_t n = hvc_props_count(v);
    for (size_t i = 0; i < n; i++) {
        hv_value nm = hvc_prop_name(v, i);
        hv_value pv = v->kind == HV_TABLE ? hv_ref(hv_table_get(v, &nm))
                                          : hv_ref(hv_obj_get(v, hv_str_cstr(&nm)));
        cx_value(b, &pv, "Property", hv_str_cstr(&nm), depth, indent, notype);
        hv_unref(pv);
        hv_unref(nm);
    }
}

static void
cx_value(hv_buf *b, const hv_value *v, const char *tag, const char *name, int depth, int indent,
         bool notype)
{
    cx_open(b, tag, name, v, indent, notype);
    if (v->kind == HV_NULL) {
        /* a null property still names its type (PSPropertyInfo.TypeNameOfValue) */
        if (name && !notype)
            hv_buf_puts(b, " Type=\"System.Object\"");
        hv_buf_puts(b, " />\n");
        return;
    }
    bool container = v->kind == HV_ARRAY || v->kind == HV_TABLE;
    bool expand = container || (v->kind == HV_OBJECT && depth > 0);
    if (expand && (v->kind == HV_ARRAY ? hv_array_len(v) > 0
                   : v->kind == HV_TABLE ? hv_table_count(v) > 0
                                         : hvc_props_count(v) > 0)) {
        hv_buf_puts(b, ">\n");
        cx_children(b, v, container ? depth : depth - 1, indent + 1, notype);
        for (int i = 0; i < indent; i++)
            hv_buf_puts(b, "  ");
        hv_buf_printf(b, "</%s>\n", tag);
        return;
    }
    hv_value s = hv_conv_to_string(v, NULL);
    if (hv_str_len(&s) == 0) {
        hv_buf_puts(b, " />\n");
    } else {
        hv_buf_putc(b, '>');
        put_text_esc(b, hv_str_cstr(&s));
        hv_buf_printf(b, "</%s>\n", tag);
    }
    hv_unref(s);
}

static hv_status
cx_process(hv_cmd *cmd, const hv_value *input)
{
    cx_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, CX_INPUT);
    if (!in)
        in = input;
    if (s->items.kind != HV_ARRAY)
        s->items = hv_array_new(4);
    hv_array_push(&s->items, hv_ref(in));
    return HV_OK;
}

static hv_status
cx_end(hv_cmd *cmd)
{
    cx_state *s = hv_cmd_state(cmd);
    int depth = (int)hvc_arg_int(cmd, CX_DEPTH, 1);
    bool notype = hv_cmd_switch(cmd, CX_NOTYPE);
    const char *as = hv_cmd_bound(cmd, CX_AS) ? hvc_arg_str(cmd, CX_AS) : "Document";
    size_t n = s->items.kind == HV_ARRAY ? hv_array_len(&s->items) : 0;
    if (hv_str_eq_ci(as, "Stream")) {
        hv_status st = hv_emit(cmd, hv_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        if (st == HV_OK)
            st = hv_emit(cmd, hv_str("<Objects>"));
        for (size_t i = 0; i < n && st == HV_OK; i++) {
            hv_buf b = {0};
            cx_value(&b, hv_array_at(&s->items, i), "Object", NULL, depth, 0, notype);
            while (b.len && b.data[b.len - 1] == '\n')
                b.len--;
            st = hv_emit(cmd, hv_buf_finish(&b));
        }
        if (st == HV_OK)
            st = hv_emit(cmd, hv_str("</Objects>"));
        return st;
    }
    hv_buf b = {0};
    hv_buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Objects>\n");
    for (size_t i = 0; i < n; i++)
        cx_value(&b, hv_array_at(&s->items, i), "Object", NULL, depth, 1, notype);
    hv_buf_puts(&b, "</Objects>");
    hv_value text = hv_buf_finish(&b);
    if (hv_str_eq_ci(as, "String"))
        return hv_emit(cmd, text);
    char why[400];
    hv_value doc = hvc_xml_parse(hv_str_cstr(&text), hv_str_len(&text), why, sizeof why);
    hv_unref(text);
    return hv_emit(cmd, doc);
}

static void
cx_cleanup(hv_cmd *cmd)
{
    cx_state *s = hv_cmd_state(cmd);
    hv_unrefp(&s->items);
}

/* ====================================================================== CLIXML writer */

typedef struct {
    hv_buf b;
    int depth;          /* -Depth */
    int next_ref;       /* Obj RefId */
    hv_value seen;      /* objects written (for <Ref>) */
    hv_value tn_lists;  /* type-name lists written, joined by "\n" (index = TN RefId) */
} clix;

static void
cl_indent(clix *c, int lvl)
{
    for (int i = 0; i < lvl; i++)
        hv_buf_puts(&c->b, "  ");
}

/* CLIXML string encoding: XML escapes, control characters as _xHHHH_, and a '_' that would
 * read as such an escape as _x005F_. */
static void
cl_str(hv_buf *b, const char *s)
{
    for (size_t i = 0; s[i]; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x20)
            hv_buf_printf(b, "_x%04X_", ch);
        else if (ch == '&')
            hv_buf_puts(b, "&amp;");
        else if (ch == '<')
            hv_buf_puts(b, "&lt;");
        else if (ch == '>')
            hv_buf_puts(b, "&gt;");
        else if (ch == '_' && s[i + 1] == 'x' && strlen(s + i) >= 7 && s[i + 6] == '_')
            hv_buf_puts(b, "_x005F_");
        else
            hv_buf_putc(b, (char)ch);
    }
}

static void
cl_name_attr(clix *c, const char *name)
{
    if (!name)
        return;
    hv_buf_puts(&c->b, " N=\"");
    for (const char *s = name; *s; s++)
        if (*s == '"')
            hv_buf_puts(&c->b, "&quot;");
        else if (*s == '&')
            hv_buf_puts(&c->b, "&amp;");
        else if (*s == '<')
            hv_buf_puts(&c->b, "&lt;");
        else
            hv_buf_putc(&c->b, *s);
    hv_buf_putc(&c->b, '"');
}

static void
cl_prim(clix *c, int lvl, const char *tag, const char *name, const char *text)
{
    cl_indent(c, lvl);
    hv_buf_printf(&c->b, "<%s", tag);
    cl_name_attr(c, name);
    hv_buf_putc(&c->b, '>');
    cl_str(&c->b, text);
    hv_buf_printf(&c->b, "</%s>\n", tag);
}

static hv_value
iso_duration(int64_t ticks)
{
    hv_buf b = {0};
    if (ticks < 0) {
        hv_buf_putc(&b, '-');
        ticks = -ticks;
    }
    int64_t days = ticks / HV_TICKS_PER_DAY, rem = ticks % HV_TICKS_PER_DAY;
    int64_t h = rem / (3600 * HV_TICKS_PER_SEC), m = rem / (60 * HV_TICKS_PER_SEC) % 60;
    int64_t sec = rem / HV_TICKS_PER_SEC % 60, frac = rem % HV_TICKS_PER_SEC;
    hv_buf_putc(&b, 'P');
    if (days)
        hv_buf_printf(&b, "%lldD", (long long)days);
    if (h || m || sec || frac || !days) {
        hv_buf_putc(&b, 'T');
        if (h)
            hv_buf_printf(&b, "%lldH", (long long)h);
        if (m)
            hv_buf_printf(&b, "%lldM", (long long)m);
        if (sec || frac || (!h && !m)) {
            hv_buf_printf(&b, "%lld", (long long)sec);
            if (frac) {
                char f[16];
                snprintf(f, sizeof f, "%07lld", (long long)frac);
                size_t l = strlen(f);
                while (l && f[l - 1] == '0')
                    f[--l] = 0;
                hv_buf_printf(&b, ".%s", f);
            }
            hv_buf_putc(&b, 'S');
        }
    }
    return hv_buf_finish(&b);
}

static hv_value
iso_datetime(const hv_value *v)
{
    hv_dt_parts p;
    hv_dt_split(v->u.i, &p);
    hv_buf b = {0};
    hv_buf_printf(&b, "%04d-%02d-%02dT%02d:%02d:%02d", p.year, p.month, p.day, p.hour, p.minute,
                  p.second);
    if (p.frac) {
        char f[16];
        snprintf(f, sizeof f, "%07d", p.frac);
        size_t l = strlen(f);
        while (l && f[l - 1] == '0')
            f[--l] = 0;
        hv_buf_printf(&b, ".%s", f);
    }
    if (v->sub == HV_DT_UTC) {
        hv_buf_putc(&b, 'Z');
    } else if (v->sub == HV_DT_LOCAL) {
        long off = hv_dt_local_offset(v->u.i - 0); /* close enough around DST edges */
        hv_buf_printf(&b, "%c%02ld:%02ld", off < 0 ? '-' : '+', labs(off) / 3600,
                      labs(off) / 60 % 60);
    }
    return hv_buf_finish(&b);
}

/* Type-name list of an object value (as PSObject.TypeNames). */
static hv_value
type_names(const hv_value *v)
{
    hv_value a = hv_array_new(4);
    switch (v->kind) {
    case HV_ARRAY:
        if (v->sub == HV_TA_LIST) {
            hv_array_push(&a, hv_str("System.Collections.ArrayList"));
        } else if (v->sub == HV_TA_OBJECT) {
            hv_array_push(&a, hv_str(hv_type_name_of(v)));
            hv_array_push(&a, hv_str("System.Array"));
        } else {
            hv_array_push(&a, hv_str(hv_type_name_of(v)));
        }
        break;
    case HV_TABLE:
        hv_array_push(&a, hv_str(hv_table_flags(v) & HV_TABLE_ORDERED
                                     ? "System.Collections.Specialized.OrderedDictionary"
                                     : "System.Collections.Hashtable"));
        break;
    case HV_OBJECT: {
        /* PSTypeNames (inserted names, the class and its bases), System.Object last */
        size_t n = hv_obj_typename_count(v);
        for (size_t i = 0; i < n; i++) {
            const char *tn = hv_obj_typename_at(v, i);
            bool dup = strcmp(tn, "System.Object") == 0;
            for (size_t k = 0; k < hv_array_len(&a) && !dup; k++)
                dup = strcmp(hv_str_cstr(hv_array_at(&a, k)), tn) == 0;
            if (!dup)
                hv_array_push(&a, hv_str(tn));
        }
        break;
    }
    case HV_ENUM:
        hv_array_push(&a, hv_str(hv_type_name_of(v)));
        hv_array_push(&a, hv_str("System.Enum"));
        hv_array_push(&a, hv_str("System.ValueType"));
        break;
    default:
        hv_array_push(&a, hv_str(hv_type_name_of(v)));
        break;
    }
    hv_array_push(&a, hv_str("System.Object"));
    return a;
}

static void
cl_tn(clix *c, int lvl, const hv_value *v)
{
    hv_value names = type_names(v);
    hv_buf key = {0};
    for (size_t i = 0; i < hv_array_len(&names); i++)
        hv_buf_printf(&key, "%s\n", hv_str_cstr(hv_array_at(&names, i)));
    hv_value k = hv_buf_finish(&key);
    for (size_t i = 0; i < hv_array_len(&c->tn_lists); i++)
        if (strcmp(hv_str_cstr(hv_array_at(&c->tn_lists, i)), hv_str_cstr(&k)) == 0) {
            cl_indent(c, lvl);
            hv_buf_printf(&c->b, "<TNRef RefId=\"%zu\" />\n", i);
            hv_unref(k);
            hv_unref(names);
            return;
        }
    cl_indent(c, lvl);
    hv_buf_printf(&c->b, "<TN RefId=\"%zu\">\n", hv_array_len(&c->tn_lists));
    hv_array_push(&c->tn_lists, k);
    for (size_t i = 0; i < hv_array_len(&names); i++)
        cl_prim(c, lvl + 1, "T", NULL, hv_str_cstr(hv_array_at(&names, i)));
    cl_indent(c, lvl);
    hv_buf_puts(&c->b, "</TN>\n");
    hv_unref(names);
}

static void cl_value(clix *c, int lvl, const char *name, const hv_value *v, int depth);

static bool
cl_primitive(clix *c, int lvl, const char *name, const hv_value *v)
{
    char tmp[64];
    switch (v->kind) {
    case HV_NULL:
        cl_indent(c, lvl);
        hv_buf_puts(&c->b, "<Nil");
        cl_name_attr(c, name);
        hv_buf_puts(&c->b, " />\n");
        return true;
    case HV_BOOL:
        cl_prim(c, lvl, "B", name, v->u.b ? "true" : "false");
        return true;
    case HV_STRING:
        cl_prim(c, lvl, "S", name, hv_str_cstr(v));
        return true;
    case HV_CHAR:
        snprintf(tmp, sizeof tmp, "%lld", (long long)v->u.i);
        cl_prim(c, lvl, "C", name, tmp);
        return true;
    case HV_INT: {
        static const char *const tags[] = {[HV_N_INT32] = "I32", [HV_N_INT64] = "I64",
                                           [HV_N_BYTE] = "By",   [HV_N_SBYTE] = "SB",
                                           [HV_N_INT16] = "I16", [HV_N_UINT16] = "U16",
                                           [HV_N_UINT32] = "U32", [HV_N_UINT64] = "U64",
                                           [HV_N_BIGINT] = "S"};
        if (v->sub == HV_N_UINT64)
            snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v->u.u);
        else
            snprintf(tmp, sizeof tmp, "%lld", (long long)v->u.i);
        cl_prim(c, lvl, v->sub <= HV_N_BIGINT ? tags[v->sub] : "I64", name, tmp);
        return true;
    }
    case HV_DOUBLE: {
        char *r = hvc_double_r(v->u.d);
        cl_prim(c, lvl, v->sub == HV_N_FLOAT ? "Sg" : v->sub == HV_N_DECIMAL ? "D" : "Db", name, r);
        free(r);
        return true;
    }
    case HV_DATETIME: {
        hv_value s = iso_datetime(v);
        cl_prim(c, lvl, "DT", name, hv_str_cstr(&s));
        hv_unref(s);
        return true;
    }
    case HV_TIMESPAN: {
        hv_value s = iso_duration(v->u.i);
        cl_prim(c, lvl, "TS", name, hv_str_cstr(&s));
        hv_unref(s);
        return true;
    }
    case HV_SCRIPTBLOCK: {
        hv_value s = hv_conv_to_string(v, NULL);
        cl_prim(c, lvl, "SBK", name, hv_str_cstr(&s));
        hv_unref(s);
        return true;
    }
    case HV_BOXED: {
        const hv_boxed_class *bc = hv_boxed_class_of(v);
        const char *tag = bc == &hv_guid_class ? "G" : bc == &hv_version_class ? "Version" : NULL;
        hv_value s = hv_conv_to_string(v, NULL);
        if (tag)
            cl_prim(c, lvl, tag, name, hv_str_cstr(&s));
        else
            cl_prim(c, lvl, "S", name, hv_str_cstr(&s));
        hv_unref(s);
        return true;
    }
    case HV_TYPE: {
        cl_prim(c, lvl, "S", name, v->u.t->full_name);
        return true;
    }
    default:
        return false;
    }
}

static void
cl_open_obj(clix *c, int lvl, const char *name, int refid)
{
    cl_indent(c, lvl);
    hv_buf_puts(&c->b, "<Obj");
    cl_name_attr(c, name);
    hv_buf_printf(&c->b, " RefId=\"%d\">\n", refid);
}

static void
cl_value(clix *c, int lvl, const char *name, const hv_value *v, int depth)
{
    if (cl_primitive(c, lvl, name, v))
        return;
    if (v->kind == HV_ENUM) {
        cl_open_obj(c, lvl, name, c->next_ref++);
        cl_tn(c, lvl + 1, v);
        hv_value s = hv_conv_to_string(v, NULL);
        cl_prim(c, lvl + 1, "ToString", NULL, hv_str_cstr(&s));
        hv_unref(s);
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%d", v->aux);
        cl_prim(c, lvl + 1, "I32", NULL, tmp);
        cl_indent(c, lvl);
        hv_buf_puts(&c->b, "</Obj>\n");
        return;
    }
    if (depth < 0 || (v->kind == HV_OBJECT && hvc_xml_is_node(v))) {
        hv_value s = hvc_xml_is_node(v) ? hvc_xml_outer(v) : hv_conv_to_string(v, NULL);
        cl_prim(c, lvl, hvc_xml_is_node(v) ? "XD" : "S", name, hv_str_cstr(&s));
        hv_unref(s);
        return;
    }
    /* an object written before: a reference to it */
    for (size_t i = 0; i < hv_array_len(&c->seen); i += 2)
        if (hv_array_at(&c->seen, i)->u.h == v->u.h) {
            cl_indent(c, lvl);
            hv_buf_puts(&c->b, "<Ref");
            cl_name_attr(c, name);
            hv_buf_printf(&c->b, " RefId=\"%lld\" />\n",
                          (long long)hv_array_at(&c->seen, i + 1)->u.i);
            return;
        }
    int ref = c->next_ref++;
    hv_array_push(&c->seen, hv_ref(v));
    hv_array_push(&c->seen, hv_int(ref));
    cl_open_obj(c, lvl, name, ref);
    cl_tn(c, lvl + 1, v);
    if (v->kind == HV_ARRAY) {
        cl_indent(c, lvl + 1);
        hv_buf_puts(&c->b, "<LST>\n");
        for (size_t i = 0; i < hv_array_len(v); i++)
            cl_value(c, lvl + 2, NULL, hv_array_at(v, i), depth - 1);
        cl_indent(c, lvl + 1);
        hv_buf_puts(&c->b, "</LST>\n");
    } else if (v->kind == HV_TABLE) {
        cl_indent(c, lvl + 1);
        hv_buf_puts(&c->b, "<DCT>\n");
        const hv_value *k, *val;
        for (size_t it = 0; hv_table_next(v, &it, &k, &val);) {
            cl_indent(c, lvl + 2);
            hv_buf_puts(&c->b, "<En>\n");
            cl_value(c, lvl + 3, "Key", k, depth - 1);
            cl_value(c, lvl + 3, "Value", val, depth - 1);
            cl_indent(c, lvl + 2);
            hv_buf_puts(&c->b, "</En>\n");
        }
        cl_indent(c, lvl + 1);
        hv_buf_puts(&c->b, "</DCT>\n");
    } else if (v->kind == HV_OBJECT) {
        bool custom = hv_obj_class_of(v) == NULL;
        if (!custom) {
            hv_value s = hv_conv_to_string(v, NULL);
            cl_prim(c, lvl + 1, "ToString", NULL, hv_str_cstr(&s));
            hv_unref(s);
        }
        if (hv_obj_count(v)) {
            cl_indent(c, lvl + 1);
            hv_buf_puts(&c->b, custom ? "<MS>\n" : "<Props>\n");
            for (size_t i = 0; i < hv_obj_count(v); i++)
                cl_value(c, lvl + 2, hv_obj_name_at(v, i), hv_obj_value_at(v, i), depth - 1);
            cl_indent(c, lvl + 1);
            hv_buf_puts(&c->b, custom ? "</MS>\n" : "</Props>\n");
        }
    }
    cl_indent(c, lvl);
    hv_buf_puts(&c->b, "</Obj>\n");
}

/* ====================================================================== Export-Clixml */

enum { EX_INPUT, EX_PATH, EX_LITERAL, EX_DEPTH, EX_FORCE, EX_NOCLOBBER, EX_ENCODING, EX__N };

static const hv_param_def ex_params[EX__N + 1] = {
    [EX_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ALLOW_EMPTY_STRING,
                  .help = "Specifies the object to be converted."},
    [EX_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_MANDATORY, .sets = HV_SET(0),
                 .help = "Specifies the path to the file where the XML representation of the "
                         "object will be stored."},
    [EX_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_MANDATORY, .sets = HV_SET(1),
                    .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to the file, used exactly as typed."},
    [EX_DEPTH] = {.name = "Depth", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                  .min = 1, .max = 2147483647,
                  .help = "Specifies how many levels of contained objects are included in the "
                          "XML representation. The default value is 2."},
    [EX_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Forces the command to run without asking for user confirmation."},
    [EX_NOCLOBBER] = {.name = "NoClobber", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                      .aliases = (const char *const[]){"NoOverwrite", NULL},
                      .help = "Indicates that the cmdlet doesn't overwrite the contents of an "
                              "existing file."},
    [EX_ENCODING] = {.name = "Encoding", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .help = "Specifies the type of encoding for the target file. The default "
                             "value is utf8NoBOM."},
    {.name = NULL},
};

typedef struct {
    clix *c;
    char *path;
    bool failed;
} ex_state;
_Static_assert(sizeof(ex_state) <= 64, "ex_state");

static hv_status
ex_begin(hv_cmd *cmd)
{
    ex_state *s = hv_cmd_state(cmd);
    const char *p = hvc_arg_str(cmd, hv_cmd_bound(cmd, EX_LITERAL) ? EX_LITERAL : EX_PATH);
    s->path = hvc_fs_full_path(cmd, p ? p : "");
    FILE *f;
    if (hv_cmd_switch(cmd, EX_NOCLOBBER) && (f = fopen(s->path, "r"))) {
        fclose(f);
        s->failed = true;
        return hvc_throw(cmd, HV_CAT_ResourceExists, "NoClobber", s->path,
                         "The file '%s' already exists.", s->path);
    }
    s->c = hv_xcalloc(1, sizeof *s->c);
    s->c->depth = (int)hvc_arg_int(cmd, EX_DEPTH, 2);
    s->c->seen = hv_array_new(4);
    s->c->tn_lists = hv_array_new(4);
    hv_buf_puts(&s->c->b, "<Objs Version=\"1.1.0.1\" "
                          "xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\n");
    return HV_OK;
}

static hv_status
ex_process(hv_cmd *cmd, const hv_value *input)
{
    ex_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, EX_INPUT);
    if (!in)
        in = input;
    if (s->c)
        cl_value(s->c, 1, NULL, in, s->c->depth);
    return HV_OK;
}

static hv_status
ex_end(hv_cmd *cmd)
{
    ex_state *s = hv_cmd_state(cmd);
    if (!s->c || !hv_should_process(cmd, s->path, "Export-Clixml"))
        return HV_OK;
    hv_buf_puts(&s->c->b, "</Objs>");
    FILE *f = fopen(s->path, "wb");
    if (!f)
        return hvc_throw(cmd, HV_CAT_WriteError, "FileOpenFailure", s->path,
                         "Could not find a part of the path '%s'.", s->path);
    hv_buf out = {0};
    hvc_encode(hvc_encoding_of(hv_cmd_arg(cmd, EX_ENCODING)), s->c->b.data, s->c->b.len, true,
               &out);
    fwrite(out.data, 1, out.len, f);
    hv_buf_free(&out);
    fclose(f);
    return HV_OK;
}

static void
ex_cleanup(hv_cmd *cmd)
{
    ex_state *s = hv_cmd_state(cmd);
    if (s->c) {
        hv_buf_free(&s->c->b);
        hv_unref(s->c->seen);
        hv_unref(s->c->tn_lists);
        free(s->c);
    }
    free(s->path);
}

/* ====================================================================== Import-Clixml */

enum { IM_PATH, IM_LITERAL, IM_FIRST, IM_SKIP, IM_TOTAL, IM__N };

static const hv_param_def im_params[IM__N + 1] = {
    [IM_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = 0,
                 .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                 .sets = HV_SET(0),
                 .help = "Specifies the path to the XML files."},
    [IM_LITERAL] = {.name = "LiteralPath", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_MANDATORY | HV_PF_BY_PROPERTY_NAME | HV_PF_ARRAY,
                    .sets = HV_SET(1), .aliases = (const char *const[]){"PSPath", "LP", NULL},
                    .help = "Specifies the path to the XML files, used exactly as typed."},
    [IM_FIRST] = {.name = "First", .type = HV_PT_UINT64, .position = HV_POS_NAMED,
                  .help = "Gets only the specified number of objects."},
    [IM_SKIP] = {.name = "Skip", .type = HV_PT_UINT64, .position = HV_POS_NAMED,
                 .help = "Ignores the specified number of objects and then gets the remaining "
                         "objects."},
    [IM_TOTAL] = {.name = "IncludeTotalCount", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Reports the total number of objects in the data set followed by "
                          "the selected objects."},
    {.name = NULL},
};

static hv_status
im_file(hv_cmd *cmd, const char *full)
{
    FILE *f = fopen(full, "rb");
    if (!f)
        return hvc_path_not_found(cmd, full);
    hv_buf raw = {0};
    char tmp[8192];
    size_t r;
    while ((r = fread(tmp, 1, sizeof tmp, f)) > 0)
        hv_buf_put(&raw, tmp, r);
    fclose(f);
    hv_buf text = {0};
    size_t bl = 0;
    hvc_encoding e = hvc_detect_bom((const unsigned char *)(raw.data ? raw.data : ""), raw.len,
                                    HVC_ENC_UTF8, &bl);
    hvc_decode(e, (const unsigned char *)(raw.data ? raw.data : "") + bl, raw.len - bl, &text);
    hv_buf_free(&raw);
    char why[400];
    hv_value objs = hvc_clixml_read(text.data ? text.data : "", text.len, why, sizeof why);
    hv_buf_free(&text);
    if (objs.kind != HV_ARRAY)
        return hvc_throw(cmd, HV_CAT_NotSpecified, "System.Xml.XmlException", full, "%s", why);
    uint64_t skip = (uint64_t)hvc_arg_int(cmd, IM_SKIP, 0);
    uint64_t first = hv_cmd_bound(cmd, IM_FIRST) ? (uint64_t)hvc_arg_int(cmd, IM_FIRST, 0)
                                                 : UINT64_MAX;
    hv_status st = HV_OK;
    if (hv_cmd_switch(cmd, IM_TOTAL))
        st = hv_emit(cmd, hv_uint64(hv_array_len(&objs)));
    for (size_t i = (size_t)skip; i < hv_array_len(&objs) && first > 0 && st == HV_OK; i++, first--)
        st = hv_emit(cmd, hv_ref(hv_array_at(&objs, i)));
    hv_unref(objs);
    return st;
}

static hv_status
im_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    bool literal = hv_cmd_bound(cmd, IM_LITERAL);
    const hv_value *paths;
    hv_status st;
    if (!array_arg(cmd, literal ? IM_LITERAL : IM_PATH, literal ? "LiteralPath" : "Path", &paths,
                   &st))
        return st;
    for (size_t i = 0; paths && i < hv_array_len(paths) && st == HV_OK; i++) {
        hv_value p = hv_conv_to_string(hv_array_at(paths, i), NULL);
        hv_value list = hvc_fs_resolve(cmd, hv_str_cstr(&p), literal);
        if (list.kind != HV_ARRAY)
            st = hvc_path_not_found(cmd, hv_str_cstr(&p));
        for (size_t j = 0; list.kind == HV_ARRAY && j < hv_array_len(&list) && st == HV_OK; j++)
            st = im_file(cmd, hv_str_cstr(hv_array_at(&list, j)));
        hv_unref(list);
        hv_unref(p);
    }
    return st;
}


/* ====================================================================== ConvertTo-Html */

enum { CH_SET_PAGE, CH_SET_FRAGMENT };
enum { CH_INPUT, CH_PROPERTY, CH_BODY, CH_HEAD, CH_TITLE, CH_AS, CH_CSSURI, CH_FRAGMENT,
       CH_POST, CH_PRE, CH_META, CH_CHARSET, CH_TRANSITIONAL, CH__N };

static const hv_param_def ch_params[CH__N + 1] = {
    [CH_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies the objects to be represented in HTML."},
    [CH_PROPERTY] = {.name = "Property", .type = HV_PT_ANY, .position = 0,
                     .flags = HV_PF_ARRAY,
                     .help = "Includes the specified properties of the objects in the HTML: "
                             "names (wildcards allowed), script blocks or hash tables with "
                             "Label/Expression/Alignment/Width keys."},
    [CH_BODY] = {.name = "Body", .type = HV_PT_STRING, .position = 3, .flags = HV_PF_ARRAY,
                 .sets = HV_SET(CH_SET_PAGE),
                 .help = "Specifies the text to add after the opening <BODY> tag."},
    [CH_HEAD] = {.name = "Head", .type = HV_PT_STRING, .position = 1, .flags = HV_PF_ARRAY,
                 .sets = HV_SET(CH_SET_PAGE),
                 .help = "Specifies the content of the <HEAD> tag. When used, -Title has no "
                         "effect."},
    [CH_TITLE] = {.name = "Title", .type = HV_PT_STRING, .position = 2,
                  .flags = HV_PF_NO_EMPTY, .sets = HV_SET(CH_SET_PAGE),
                  .help = "Specifies a title for the HTML file (default: HTML TABLE)."},
    [CH_AS] = {.name = "As", .type = HV_PT_STRING, .position = HV_POS_NAMED,
               .flags = HV_PF_NO_EMPTY,
               .accepted = (const char *const[]){"Table", "List", NULL},
               .help = "Determines whether the object is formatted as a table or a list."},
    [CH_CSSURI] = {.name = "CssUri", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                   .flags = HV_PF_NO_EMPTY, .sets = HV_SET(CH_SET_PAGE),
                   .aliases = (const char *const[]){"cu", "uri", NULL},
                   .help = "Specifies the Uniform Resource Identifier (URI) of the cascading "
                           "style sheet (CSS) that is applied to the HTML file."},
    [CH_FRAGMENT] = {.name = "Fragment", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .sets = HV_SET(CH_SET_FRAGMENT),
                     .help = "Generates only an HTML table; the HTML, HEAD, TITLE and BODY "
                             "tags are omitted."},
    [CH_POST] = {.name = "PostContent", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .flags = HV_PF_ARRAY | HV_PF_NO_EMPTY,
                 .help = "Specifies text to add after the closing </TABLE> tag."},
    [CH_PRE] = {.name = "PreContent", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                .flags = HV_PF_ARRAY | HV_PF_NO_EMPTY,
                .help = "Specifies text to add before the opening <TABLE> tag."},
    [CH_META] = {.name = "Meta", .type = HV_PT_HASHTABLE, .position = HV_POS_NAMED,
                 .flags = HV_PF_NO_EMPTY, .sets = HV_SET(CH_SET_PAGE),
                 .help = "Specifies the meta tags of the HTML head, as a hash table."},
    [CH_CHARSET] = {.name = "Charset", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                    .flags = HV_PF_NO_EMPTY, .sets = HV_SET(CH_SET_PAGE),
                    .help = "Specifies the text for the meta charset attribute."},
    [CH_TRANSITIONAL] = {.name = "Transitional", .type = HV_PT_SWITCH,
                         .position = HV_POS_NAMED, .sets = HV_SET(CH_SET_PAGE),
                         .help = "Changes the DOCTYPE to XHTML Transitional DTD."},
    {.name = NULL},
};

typedef struct {
    hvc_u_prop *props;
    size_t nprops;
    char **labels;   /* resolved columns (from the first object) */
    hv_value *exprs; /* name string or script block per column */
    size_t ncols;
    bool resolved;
    int count;
} ch_state;
_Static_assert(sizeof(ch_state) <= 64, "ch_state");

static hv_status
ch_emit_lines(hv_cmd *cmd, int idx)
{
    const hv_value *a = hv_cmd_arg(cmd, idx);
    hv_status st = HV_OK;
    for (size_t i = 0; a && a->kind == HV_ARRAY && i < hv_array_len(a) && st == HV_OK; i++)
        st = hv_emit(cmd, hv_conv_to_string(hv_array_at(a, i), NULL));
    return st;
}

/* WebUtility.HtmlEncode */
static void
html_encode(hv_buf *b, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t start = i;
        uint32_t cp = hv_utf8_next(s, n, &i);
        switch (cp) {
        case '&': hv_buf_puts(b, "&amp;"); break;
        case '<': hv_buf_puts(b, "&lt;"); break;
        case '>': hv_buf_puts(b, "&gt;"); break;
        case '"': hv_buf_puts(b, "&quot;"); break;
        case '\'': hv_buf_puts(b, "&#39;"); break;
        default:
            if (cp >= 0xA0 && cp <= 0xFF)
                hv_buf_printf(b, "&#%u;", cp);
            else
                hv_buf_put(b, s + start, i - start);
        }
    }
}

static hv_status
ch_begin(hv_cmd *cmd)
{
    ch_state *s = hv_cmd_state(cmd);
    hv_status st;
    const hv_value *pa = hv_cmd_arg(cmd, CH_PROPERTY);
    HV_AUTO hv_value star = hv_str("*");
    if ((st = hvc_u_parse_props(cmd, pa ? pa : &star,
                                HVC_U_KEY_NAME | HVC_U_KEY_EXPR | HVC_U_KEY_WIDTH |
                                    HVC_U_KEY_ALIGN,
                                &s->props, &s->nprops)) != HV_OK)
        return st;
    if (!hv_cmd_switch(cmd, CH_FRAGMENT)) {
        st = hv_emit(cmd, hv_str(hv_cmd_switch(cmd, CH_TRANSITIONAL)
            ? "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">"
            : "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"));
        if (st == HV_OK)
            st = hv_emit(cmd, hv_str("<html xmlns=\"http://www.w3.org/1999/xhtml\">"));
        if (st == HV_OK)
            st = hv_emit(cmd, hv_str("<head>"));
        if (st == HV_OK && hv_cmd_bound(cmd, CH_CHARSET))
            st = hv_emit(cmd, hv_strf("<meta charset=\"%s\">", hvc_arg_str(cmd, CH_CHARSET)));
        const hv_value *meta = hv_cmd_arg(cmd, CH_META);
        const hv_value *k, *v;
        for (size_t it = 0; st == HV_OK && meta && meta->kind == HV_TABLE &&
                            hv_table_next(meta, &it, &k, &v);) {
            hv_value ks = hv_conv_to_string(k, NULL), vs = hv_conv_to_string(v, NULL);
            const char *kc = hv_str_cstr(&ks);
            bool equiv = hv_str_eq_ci(kc, "content-type") || hv_str_eq_ci(kc, "default-style") ||
                         hv_str_eq_ci(kc, "x-ua-compatible");
            bool known = equiv || hv_str_eq_ci(kc, "application-name") ||
                         hv_str_eq_ci(kc, "author") || hv_str_eq_ci(kc, "description") ||
                         hv_str_eq_ci(kc, "generator") || hv_str_eq_ci(kc, "keywords") ||
                         hv_str_eq_ci(kc, "viewport");
            if (!known)
                st = hv_write_warning(cmd, "The Meta property \"%s\" with value \"%s\" is not "
                                      "supported by the HTML specification.", kc, hv_str_cstr(&vs));
            if (st == HV_OK)
                st = hv_emit(cmd, hv_strf("<meta %s=\"%s\" content=\"%s\">",
                                          equiv ? "http-equiv" : "name", kc, hv_str_cstr(&vs)));
            hv_unref(ks);
            hv_unref(vs);
        }
        if (st == HV_OK) {
            if (hv_cmd_bound(cmd, CH_HEAD))
                st = ch_emit_lines(cmd, CH_HEAD);
            else
                st = hv_emit(cmd, hv_strf("<title>%s</title>", hv_cmd_bound(cmd, CH_TITLE)
                                                                   ? hvc_arg_str(cmd, CH_TITLE)
                                                                   : "HTML TABLE"));
        }
        if (st == HV_OK && hv_cmd_bound(cmd, CH_CSSURI))
            st = hv_emit(cmd, hv_strf("<link rel=\"stylesheet\" type=\"text/css\" href=\"%s\" />",
                                      hvc_arg_str(cmd, CH_CSSURI)));
        if (st == HV_OK)
            st = hv_emit(cmd, hv_str("</head><body>"));
        if (st == HV_OK)
            st = ch_emit_lines(cmd, CH_BODY);
    }
    if (st == HV_OK)
        st = ch_emit_lines(cmd, CH_PRE);
    if (st == HV_OK)
        st = hv_emit(cmd, hv_str("<table>"));
    return st;
}

static void
ch_add_col(ch_state *s, const char *label, hv_value expr)
{
    s->labels = hv_xrealloc(s->labels, (s->ncols + 1) * sizeof *s->labels);
    s->exprs = hv_xrealloc(s->exprs, (s->ncols + 1) * sizeof *s->exprs);
    s->labels[s->ncols] = hv_xstrdup(label);
    s->exprs[s->ncols++] = expr;
}

static void
ch_clear_cols(ch_state *s)
{
    for (size_t i = 0; i < s->ncols; i++) {
        free(s->labels[i]);
        hv_unref(s->exprs[i]);
    }
    s->ncols = 0;
}

/* The columns the property specs give on this object (wildcards resolved on it). */
static void
ch_resolve(ch_state *s, const hv_value *obj)
{
    ch_clear_cols(s);
    for (size_t i = 0; i < s->nprops; i++) {
        const hvc_u_prop *p = &s->props[i];
        if (p->calculated || p->expr.kind == HV_SCRIPTBLOCK) {
            ch_add_col(s, p->label, hv_ref(&p->expr));
        } else if (p->wildcard) {
            size_t n = 0;
            char **names = hvc_u_match_names(obj, hv_str_cstr(&p->expr), &n);
            for (size_t k = 0; k < n; k++)
                ch_add_col(s, p->has_label ? p->label : names[k], hv_str(names[k]));
            hvc_u_names_free(names, n);
        } else {
            const char *r = hvc_u_resolve(obj, hv_str_cstr(&p->expr));
            if (r || p->has_label)
                ch_add_col(s, p->has_label ? p->label : r ? r : hv_str_cstr(&p->expr),
                           hv_str(r ? r : hv_str_cstr(&p->expr)));
        }
    }
}

static hv_status
ch_value(hv_cmd *cmd, const hv_value *obj, const hv_value *expr, hv_buf *b)
{
    hv_value v = hv_null();
    hv_status st = hvc_u_eval(cmd, obj, expr, &v);
    if (st != HV_OK)
        return st;
    if (v.kind != HV_NULL) {
        hv_value text = hv_null();
        if (v.kind == HV_STRING) {
            text = hv_ref(&v);
        } else if ((st = hv_call_method(hv_cmd_ctx(cmd), &v, "ToString", NULL, 0, &text)) != HV_OK) {
            hv_unref(v);
            return st;
        }
        hv_value ts = hv_conv_to_string(&text, NULL);
        html_encode(b, hv_str_cstr(&ts));
        hv_unref(ts);
        hv_unref(text);
    }
    hv_unref(v);
    return HV_OK;
}

static hv_status
ch_process(hv_cmd *cmd, const hv_value *input)
{
    ch_state *s = hv_cmd_state(cmd);
    const hv_value *in = hv_cmd_arg(cmd, CH_INPUT);
    if (!in)
        in = input;
    if (in->kind == HV_NULL)
        return HV_OK;
    s->count++;
    bool list = hv_cmd_bound(cmd, CH_AS) && hv_str_eq_ci(hvc_arg_str(cmd, CH_AS), "List");
    hv_status st = HV_OK;
    if (!s->resolved) {
        ch_resolve(s, in);
        if (s->ncols == 0)
            return HV_OK;
        if (list) {
            if (s->count > 1)
                st = hv_emit(cmd, hv_str("<tr><td><hr></td></tr>"));
            for (size_t i = 0; i < s->ncols && st == HV_OK; i++) {
                hv_buf b = {0};
                hv_buf_printf(&b, "<tr><td>%s:</td><td>", s->labels[i]);
                if ((st = ch_value(cmd, in, &s->exprs[i], &b)) != HV_OK) {
                    hv_buf_free(&b);
                    return st;
                }
                hv_buf_puts(&b, "</td></tr>");
                st = hv_emit(cmd, hv_buf_finish(&b));
            }
            return st;
        }
        hv_buf cg = {0};
        hv_buf_puts(&cg, "<colgroup>");
        for (size_t i = 0; i < s->ncols; i++) {
            const hvc_u_prop *p = NULL;
            for (size_t k = 0; k < s->nprops && !p; k++)
                if (s->props[k].has_label && strcmp(s->props[k].label, s->labels[i]) == 0)
                    p = &s->props[k];
            hv_buf_puts(&cg, "<col");
            if (p && p->width)
                hv_buf_printf(&cg, " width = \"%d\"", p->width);
            if (p && p->align)
                hv_buf_printf(&cg, " align = \"%s\"",
                              p->align < 0 ? "left" : p->align == 1 ? "right" : "center");
            hv_buf_puts(&cg, "/>");
        }
        hv_buf_puts(&cg, "</colgroup>");
        if ((st = hv_emit(cmd, hv_buf_finish(&cg))) != HV_OK)
            return st;
        hv_buf th = {0};
        hv_buf_puts(&th, "<tr>");
        for (size_t i = 0; i < s->ncols; i++)
            hv_buf_printf(&th, "<th>%s</th>", s->labels[i]);
        hv_buf_puts(&th, "</tr>");
        if ((st = hv_emit(cmd, hv_buf_finish(&th))) != HV_OK)
            return st;
        s->resolved = true;
    }
    hv_buf tr = {0};
    hv_buf_puts(&tr, "<tr>");
    for (size_t i = 0; i < s->ncols; i++) {
        hv_buf_puts(&tr, "<td>");
        if ((st = ch_value(cmd, in, &s->exprs[i], &tr)) != HV_OK) {
            hv_buf_free(&tr);
            return st;
        }
        hv_buf_puts(&tr, "</td>");
    }
    hv_buf_puts(&tr, "</tr>");
    return hv_emit(cmd, hv_buf_finish(&tr));
}

static hv_status
ch_end(hv_cmd *cmd)
{
    hv_status st = hv_emit(cmd, hv_str("</table>"));
    if (st == HV_OK)
        st = ch_emit_lines(cmd, CH_POST);
    if (st == HV_OK && !hv_cmd_switch(cmd, CH_FRAGMENT))
        st = hv_emit(cmd, hv_str("</body></html>"));
    return st;
}

static void
ch_cleanup(hv_cmd *cmd)
{
    ch_state *s = hv_cmd_state(cmd);
    ch_clear_cols(s);
    free(s->labels);
    free(s->exprs);
    if (s->props)
        hvc_u_props_free(s->props, s->nprops);
}

/* ====================================================================== the module */

static const hv_cmdlet_def xml_cmdlets[] = {
    {
        .name = "Select-Xml",
        .sets = (const char *const[]){"Xml", "Path", "LiteralPath", "Content", NULL},
        .default_set = SX_SET_XML,
        .params = sx_params,
        .ops = {.process = sx_process},
        .synopsis = "Finds text in an XML string or document.",
        .description =
            "The Select-Xml cmdlet lets you use XPath queries to search for text in XML "
            "strings and documents. Enter an XPath query, and use the Content, Path, or Xml "
            "parameter to specify the XML to be searched. Each match is returned as a "
            "SelectXmlInfo object whose Node property is the matching XML node.",
        .output_type = "Microsoft.PowerShell.Commands.SelectXmlInfo",
        .examples = (const hv_example[]){
            {.title = "Select the nodes of an XML document",
             .code = "[xml]$x = '<a><b>1</b><b>2</b></a>'\n"
                     "Select-Xml -Xml $x -XPath '//b' | ForEach-Object { $_.Node.InnerText }"},
            {.title = "Search an XML file with a namespace",
             .code = "Select-Xml -Path ./unattend.xml -Namespace @{u='urn:schemas-microsoft-com:unattend'} -XPath '//u:ComputerName'"},
            {.title = NULL}},
        .online = ONLINE("select-xml"),
    },
    {
        .name = "ConvertTo-Xml",
        .params = cx_params,
        .ops = {.process = cx_process, .end = cx_end, .cleanup = cx_cleanup},
        .state_size = sizeof(cx_state),
        .synopsis = "Creates an XML-based representation of an object.",
        .description =
            "The ConvertTo-Xml cmdlet creates an XML-based representation of one or more .NET "
            "objects. When you pipe multiple objects to ConvertTo-Xml, it returns a single "
            "XML document that includes representations of all the objects.",
        .output_type = "System.Xml.XmlDocument, System.String",
        .examples = (const hv_example[]){
            {.title = "Convert a date to XML", .code = "Get-Date | ConvertTo-Xml"},
            {.title = "Get the XML text",
             .code = "[pscustomobject]@{Name='vm1'} | ConvertTo-Xml -As String"},
            {.title = NULL}},
        .online = ONLINE("convertto-xml"),
    },
    {
        .name = "Export-Clixml",
        .sets = (const char *const[]){"ByPath", "ByLiteralPath", NULL},
        .params = ex_params,
        .ops = {.begin = ex_begin, .process = ex_process, .end = ex_end, .cleanup = ex_cleanup},
        .state_size = sizeof(ex_state),
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Creates an XML-based representation of an object or objects and stores it "
                    "in a file.",
        .description =
            "The Export-Clixml cmdlet serializes an object into a Common Language "
            "Infrastructure (CLI) XML-based representation and stores it in a file. You can "
            "then use the Import-Clixml cmdlet to recreate the saved object based on the "
            "contents of that file.",
        .output_type = "System.IO.FileInfo",
        .examples = (const hv_example[]){
            {.title = "Export an object to an XML file",
             .code = "'This is a test' | Export-Clixml -Path ./sample.xml"},
            {.title = NULL}},
        .online = ONLINE("export-clixml"),
    },
    {
        .name = "Import-Clixml",
        .sets = (const char *const[]){"ByPath", "ByLiteralPath", NULL},
        .params = im_params,
        .ops = {.process = im_process},
        .synopsis = "Imports a CLIXML file and creates corresponding objects in PowerShell.",
        .description =
            "The Import-Clixml cmdlet imports an XML file with data that represents Microsoft "
            ".NET Framework objects and creates the PowerShell objects. Objects other than "
            "primitives, hashtables and arrays come back as property bags whose type names "
            "are prefixed with Deserialized.",
        .output_type = "System.Management.Automation.PSObject",
        .examples = (const hv_example[]){
            {.title = "Import a serialized file and recreate an object",
             .code = "Get-Process | Export-Clixml -Path ./pi.xml\n"
                     "$Processes = Import-Clixml -Path ./pi.xml"},
            {.title = NULL}},
        .online = ONLINE("import-clixml"),
    },
    {
        .name = "ConvertTo-Html",
        .sets = (const char *const[]){"Page", "Fragment", NULL},
        .params = ch_params,
        .ops = {.begin = ch_begin, .process = ch_process, .end = ch_end, .cleanup = ch_cleanup},
        .state_size = sizeof(ch_state),
        .synopsis = "Converts .NET objects into HTML that can be displayed in a Web browser.",
        .description =
            "The ConvertTo-Html cmdlet converts .NET objects into HTML that can be displayed "
            "in a Web browser. The table (or list) is built from the properties of the first "
            "object; later objects missing a property get an empty cell. Use -Fragment to get "
            "only the table, -As List for a two-column table per object.",
        .output_type = "System.String",
        .examples = (const hv_example[]){
            {.title = "Create a web page to display the date",
             .code = "ConvertTo-Html -InputObject (Get-Date)"},
            {.title = "Create an HTML fragment of selected properties",
             .code = "Get-VM | ConvertTo-Html -Property Name, State -Fragment"},
            {.title = NULL}},
        .online = ONLINE("convertto-html"),
    },
    {.name = NULL},
};

const hv_module_def hv_mod_utility_xml = {
    .name = "Microsoft.PowerShell.Utility",
    .version = "7.0.0.0",
    .cmdlets = xml_cmdlets,
};
