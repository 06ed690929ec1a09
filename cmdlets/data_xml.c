/* data_xml.c — System.Xml.XmlDocument over libxml2, with PowerShell's XML adapter.
 *
 * A document is an xdoc (libxml2 tree + what libxml2 does not keep: the XML declaration as
 * written, PreserveWhitespace, nodes detached from the tree). Every node the script sees is
 * an HV_OBJECT of one of the node classes below whose native is an xnode (document ref +
 * node); the class's dynamic-member hooks compute members live, so `$x.a.b = 'v'` through
 * any wrapper is seen by all of them. The property bag of a wrapper holds the adapted XML
 * properties (attributes, then child nodes grouped by LocalName) as they were when it was
 * made: formatting and Get-Member read names from it, values come through the hooks.
 *
 * libxml2 is loaded with dlopen on first use (like engine/xmlshim.h, but with the tree,
 * XPath and error functions this model needs); nodes are never freed while the document
 * lives (removed nodes go to the detached list), so a wrapper never dangles.
 */
#include "cmdlets/data_xml.h"
#include "cmdlets/data.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---------------------------------------------------------------- libxml2 table */

#define XL_FUNCS(X)                                                                           \
    X(xmlReadMemory) X(xmlFreeDoc) X(xmlFreeNode) X(xmlUnlinkNode) X(xmlNewDoc)              \
    X(xmlNewDocNode) X(xmlNewDocProp) X(xmlNewDocText) X(xmlNewDocComment) X(xmlNewCDataBlock) \
    X(xmlNewDocPI) X(xmlSetProp) X(xmlHasProp) X(xmlNodeGetContent) X(xmlDocCopyNode)        \
    X(xmlCopyDoc) X(xmlGetLastError) X(xmlResetLastError) X(xmlXPathNewContext)              \
    X(xmlXPathFreeContext) X(xmlXPathEvalExpression) X(xmlXPathFreeObject)                   \
    X(xmlXPathRegisterNs) X(xmlNodeSetContent) X(xmlSetTreeDoc) X(xmlNewNs) X(xmlSetNs) X(xmlSetStructuredErrorFunc)

typedef struct {
#define XL_FIELD(f) __typeof__(f) *f;
    XL_FUNCS(XL_FIELD)
#undef XL_FIELD
    xmlFreeFunc *free_var;
} xl_api;

static const xl_api *
xl(void)
{
    static xl_api api;
    static int loaded;
    if (loaded)
        return &api;
    void *h = dlopen("libxml2.so.2", RTLD_NOW | RTLD_GLOBAL);
    if (!h) {
        fprintf(stderr, "hvsh: cannot load libxml2.so.2 (install libxml2): %s\n", dlerror());
        abort();
    }
#define XL_LOAD(f)                                                                            \
    if (!(*(void **)&api.f = dlsym(h, #f))) {                                                 \
        fprintf(stderr, "hvsh: libxml2.so.2 lacks %s\n", #f);                                 \
        abort();                                                                              \
    }
    XL_FUNCS(XL_LOAD)
#undef XL_LOAD
    if (!(*(void **)&api.free_var = dlsym(h, "xmlFree"))) {
        fprintf(stderr, "hvsh: libxml2.so.2 lacks xmlFree\n");
        abort();
    }
    loaded = 1;
    return &api;
}
#define L (xl())

/* A libxml2 string as a new hv string (NULL -> ""), freeing it. */
static hv_value
xstr_take(xmlChar *s)
{
    hv_value v = hv_str(s ? (const char *)s : "");
    if (s)
        (*L->free_var)(s);
    return v;
}

/* ---------------------------------------------------------------- documents */

typedef struct {
    int refs;
    xmlDocPtr doc;
    char *decl; /* XmlDeclaration.Value ('version="1.0" encoding="utf-8"') or NULL */
    bool preserve_ws;
    xmlNodePtr *det; /* nodes out of the tree (created, removed): freed with the document */
    size_t ndet, capdet;
} xdoc;

typedef struct {
    xdoc *d;
    xmlNodePtr n; /* (xmlNodePtr)doc for the document; NULL for the declaration */
} xnode;

static void
det_add(xdoc *d, xmlNodePtr n)
{
    for (size_t i = 0; i < d->ndet; i++)
        if (d->det[i] == n)
            return;
    if (d->ndet == d->capdet) {
        d->capdet = d->capdet ? 2 * d->capdet : 8;
        d->det = hv_xrealloc(d->det, d->capdet * sizeof *d->det);
    }
    d->det[d->ndet++] = n;
}

static void
free_tree_and_detached(xdoc *d)
{
    /* decide which detached nodes are roots before freeing anything: a root freed first
     * may contain another entry */
    bool *root = d->ndet ? hv_xcalloc(d->ndet, sizeof *root) : NULL;
    for (size_t i = 0; i < d->ndet; i++)
        root[i] = d->det[i]->parent == NULL;
    for (size_t i = 0; i < d->ndet; i++)
        if (root[i])
            L->xmlFreeNode(d->det[i]);
    free(root);
    d->ndet = 0;
}

static void
xdoc_unref(xdoc *d)
{
    if (--d->refs > 0)
        return;
    free_tree_and_detached(d);
    if (d->doc)
        L->xmlFreeDoc(d->doc);
    free(d->det);
    free(d->decl);
    free(d);
}

/* ---------------------------------------------------------------- node classes */

static void xnode_free(void *p);
static hv_value xnode_to_string(const hv_value *self);
static bool xget(const hv_value *self, const char *name, hv_value *out);
static int xset(const hv_value *self, const char *name, const hv_value *v, char *err, size_t errsz);
static int xcall(const hv_value *self, const char *name, const hv_value *args, size_t n,
                 hv_value *out, char *err, size_t errsz);

#define XCLASS(var, tn, ...)                                                                  \
    static const hv_obj_class var = {                                                         \
        .type_name = "System.Xml." tn,                                                        \
        .base_types = (const char *const[]){__VA_ARGS__, "System.Xml.XmlNode", "System.Object", NULL}, \
        .to_string = xnode_to_string, .finalize = xnode_free, .get_member = xget,             \
        .set_member = xset, .call_method = xcall,                                             \
    }
XCLASS(cls_doc, "XmlDocument", "System.Xml.XmlDocument");
XCLASS(cls_elem, "XmlElement", "System.Xml.XmlElement", "System.Xml.XmlLinkedNode");
XCLASS(cls_attr, "XmlAttribute", "System.Xml.XmlAttribute");
XCLASS(cls_text, "XmlText", "System.Xml.XmlText", "System.Xml.XmlCharacterData", "System.Xml.XmlLinkedNode");
XCLASS(cls_cdata, "XmlCDataSection", "System.Xml.XmlCDataSection", "System.Xml.XmlCharacterData", "System.Xml.XmlLinkedNode");
XCLASS(cls_comment, "XmlComment", "System.Xml.XmlComment", "System.Xml.XmlCharacterData", "System.Xml.XmlLinkedNode");
XCLASS(cls_pi, "XmlProcessingInstruction", "System.Xml.XmlProcessingInstruction", "System.Xml.XmlLinkedNode");
XCLASS(cls_decl, "XmlDeclaration", "System.Xml.XmlDeclaration", "System.Xml.XmlLinkedNode");
XCLASS(cls_dtd, "XmlDocumentType", "System.Xml.XmlDocumentType", "System.Xml.XmlLinkedNode");
XCLASS(cls_ws, "XmlWhitespace", "System.Xml.XmlWhitespace", "System.Xml.XmlCharacterData", "System.Xml.XmlLinkedNode");

static const hv_obj_class cls_nametable = {
    .type_name = "System.Xml.NameTable",
    .base_types = (const char *const[]){"System.Xml.XmlNameTable", "System.Object", NULL},
};

static const hv_enum_def xml_nodetype_enum = {
    .type_name = "System.Xml.XmlNodeType",
    .names = (const char *const[]){"None", "Element", "Attribute", "Text", "CDATA",
                                   "EntityReference", "Entity", "ProcessingInstruction",
                                   "Comment", "Document", "DocumentType", "DocumentFragment",
                                   "Notation", "Whitespace", "SignificantWhitespace",
                                   "EndElement", "EndEntity", "XmlDeclaration"},
    .values = (const int32_t[]){0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17},
    .count = 18,
};

static xnode *
xn_of(const hv_value *v)
{
    if (v->kind != HV_OBJECT)
        return NULL;
    const hv_obj_class *c = hv_obj_class_of(v);
    if (!c || c->get_member != xget)
        return NULL;
    return hv_obj_native(v);
}

bool
hvc_xml_is_node(const hv_value *v)
{
    return xn_of(v) != NULL;
}

static void
xnode_free(void *p)
{
    xnode *x = p;
    xdoc_unref(x->d);
    free(x);
}

static bool
is_blank(const xmlChar *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

/* A whitespace-only text node: .NET's XmlWhitespace (kept with PreserveWhitespace). */
static bool
is_ws_text(xmlNodePtr n)
{
    return n->type == XML_TEXT_NODE && is_blank(n->content);
}

static const hv_obj_class *
class_for(const xnode *x)
{
    if (!x->n)
        return &cls_decl;
    switch (x->n->type) {
    case XML_DOCUMENT_NODE: return &cls_doc;
    case XML_ELEMENT_NODE: return &cls_elem;
    case XML_ATTRIBUTE_NODE: return &cls_attr;
    case XML_TEXT_NODE: return is_ws_text(x->n) ? &cls_ws : &cls_text;
    case XML_CDATA_SECTION_NODE: return &cls_cdata;
    case XML_COMMENT_NODE: return &cls_comment;
    case XML_PI_NODE: return &cls_pi;
    case XML_DTD_NODE: return &cls_dtd;
    default: return &cls_text;
    }
}

static int
node_type_of(const xnode *x)
{
    if (!x->n)
        return 17;
    switch (x->n->type) {
    case XML_DOCUMENT_NODE: return 9;
    case XML_ELEMENT_NODE: return 1;
    case XML_ATTRIBUTE_NODE: return 2;
    case XML_TEXT_NODE: return is_ws_text(x->n) ? 13 : 3;
    case XML_CDATA_SECTION_NODE: return 4;
    case XML_COMMENT_NODE: return 8;
    case XML_PI_NODE: return 7;
    case XML_DTD_NODE: return 10;
    case XML_ENTITY_REF_NODE: return 5;
    default: return 0;
    }
}

static const char *
local_name(const xnode *x)
{
    if (!x->n)
        return "xml";
    switch (x->n->type) {
    case XML_DOCUMENT_NODE: return "#document";
    case XML_TEXT_NODE: return is_ws_text(x->n) ? "#whitespace" : "#text";
    case XML_CDATA_SECTION_NODE: return "#cdata-section";
    case XML_COMMENT_NODE: return "#comment";
    default: return x->n->name ? (const char *)x->n->name : "";
    }
}

/* Name: prefix:local for elements and attributes in a prefixed namespace. */
static void
put_name(hv_buf *b, const xnode *x)
{
    if (x->n && (x->n->type == XML_ELEMENT_NODE || x->n->type == XML_ATTRIBUTE_NODE) &&
        x->n->ns && x->n->ns->prefix) {
        hv_buf_puts(b, (const char *)x->n->ns->prefix);
        hv_buf_putc(b, ':');
    }
    hv_buf_puts(b, local_name(x));
}

static hv_value
name_of(const xnode *x)
{
    hv_buf b = {0};
    put_name(&b, x);
    return hv_buf_finish(&b);
}

static hv_value wrap(xdoc *d, xmlNodePtr n, bool deep);

/* ---------------------------------------------------------------- serialising */

static void
put_escaped(hv_buf *b, const char *s, bool attr)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': hv_buf_puts(b, "&amp;"); break;
        case '<': hv_buf_puts(b, "&lt;"); break;
        case '>': hv_buf_puts(b, "&gt;"); break;
        case '"':
            if (attr) {
                hv_buf_puts(b, "&quot;");
                break;
            }
            hv_buf_putc(b, *s);
            break;
        default: hv_buf_putc(b, *s);
        }
    }
}

static void
put_attr_value(hv_buf *b, xmlAttrPtr a)
{
    for (xmlNodePtr t = a->children; t; t = t->next)
        if (t->type == XML_TEXT_NODE)
            put_escaped(b, (const char *)t->content, true);
}

static void ser(hv_buf *b, xdoc *d, xmlNodePtr n, int indent, int depth);

static bool
has_text_child(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE ||
            c->type == XML_ENTITY_REF_NODE)
            return true;
    return false;
}

static void
newline_indent(hv_buf *b, int indent, int depth)
{
    hv_buf_putc(b, '\n');
    for (int i = 0; i < indent * depth; i++)
        hv_buf_putc(b, ' ');
}

/* indent < 0: compact (OuterXml); else spaces per level (Save). */
static void
ser(hv_buf *b, xdoc *d, xmlNodePtr n, int indent, int depth)
{
    xnode x = {.d = d, .n = n};
    switch (n->type) {
    case XML_ELEMENT_NODE: {
        hv_buf_putc(b, '<');
        put_name(b, &x);
        for (xmlNsPtr ns = n->nsDef; ns; ns = ns->next) {
            hv_buf_puts(b, ns->prefix ? " xmlns:" : " xmlns");
            if (ns->prefix)
                hv_buf_puts(b, (const char *)ns->prefix);
            hv_buf_puts(b, "=\"");
            put_escaped(b, (const char *)ns->href, true);
            hv_buf_putc(b, '"');
        }
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            xnode ax = {.d = d, .n = (xmlNodePtr)a};
            hv_buf_putc(b, ' ');
            put_name(b, &ax);
            hv_buf_puts(b, "=\"");
            put_attr_value(b, a);
            hv_buf_putc(b, '"');
        }
        if (!n->children) {
            hv_buf_puts(b, " />");
            break;
        }
        hv_buf_putc(b, '>');
        bool pretty = indent >= 0 && !has_text_child(n);
        for (xmlNodePtr c = n->children; c; c = c->next) {
            if (pretty)
                newline_indent(b, indent, depth + 1);
            ser(b, d, c, pretty ? indent : -1, depth + 1);
        }
        if (pretty)
            newline_indent(b, indent, depth);
        hv_buf_puts(b, "</");
        put_name(b, &x);
        hv_buf_putc(b, '>');
        break;
    }
    case XML_TEXT_NODE:
        put_escaped(b, (const char *)n->content, false);
        break;
    case XML_CDATA_SECTION_NODE:
        hv_buf_puts(b, "<![CDATA[");
        hv_buf_puts(b, n->content ? (const char *)n->content : "");
        hv_buf_puts(b, "]]>");
        break;
    case XML_COMMENT_NODE:
        hv_buf_puts(b, "<!--");
        hv_buf_puts(b, n->content ? (const char *)n->content : "");
        hv_buf_puts(b, "-->");
        break;
    case XML_PI_NODE:
        hv_buf_printf(b, "<?%s", (const char *)n->name);
        if (n->content && *n->content)
            hv_buf_printf(b, " %s", (const char *)n->content);
        hv_buf_puts(b, "?>");
        break;
    case XML_ENTITY_REF_NODE:
        hv_buf_printf(b, "&%s;", (const char *)n->name);
        break;
    case XML_ATTRIBUTE_NODE:
        put_name(b, &x);
        hv_buf_puts(b, "=\"");
        put_attr_value(b, (xmlAttrPtr)n);
        hv_buf_putc(b, '"');
        break;
    case XML_DTD_NODE: {
        xmlDtdPtr dt = (xmlDtdPtr)n;
        hv_buf_printf(b, "<!DOCTYPE %s", (const char *)dt->name);
        if (dt->ExternalID)
            hv_buf_printf(b, " PUBLIC \"%s\" \"%s\"", (const char *)dt->ExternalID,
                          dt->SystemID ? (const char *)dt->SystemID : "");
        else if (dt->SystemID)
            hv_buf_printf(b, " SYSTEM \"%s\"", (const char *)dt->SystemID);
        hv_buf_puts(b, ">");
        break;
    }
    case XML_DOCUMENT_NODE: {
        bool first = true;
        if (d->decl) {
            hv_buf_printf(b, "<?xml %s?>", d->decl);
            first = false;
        }
        for (xmlNodePtr c = n->children; c; c = c->next) {
            if (!first && indent >= 0)
                newline_indent(b, indent, 0);
            ser(b, d, c, indent, 0);
            first = false;
        }
        break;
    }
    default:
        break;
    }
}

static hv_value
outer_xml(const xnode *x)
{
    hv_buf b = {0};
    if (!x->n)
        hv_buf_printf(&b, "<?xml %s?>", x->d->decl ? x->d->decl : "");
    else
        ser(&b, x->d, x->n, -1, 0);
    return hv_buf_finish(&b);
}

static hv_value
inner_xml(const xnode *x)
{
    hv_buf b = {0};
    if (!x->n) {
        hv_buf_puts(&b, x->d->decl ? x->d->decl : "");
    } else if (x->n->type == XML_DOCUMENT_NODE) {
        ser(&b, x->d, x->n, -1, 0);
    } else if (x->n->type == XML_ATTRIBUTE_NODE) {
        put_attr_value(&b, (xmlAttrPtr)x->n);
    } else if (x->n->type == XML_ELEMENT_NODE) {
        for (xmlNodePtr c = x->n->children; c; c = c->next)
            ser(&b, x->d, c, -1, 0);
    } else {
        hv_buf_puts(&b, x->n->content ? (const char *)x->n->content : "");
    }
    return hv_buf_finish(&b);
}

static hv_value
inner_text(const xnode *x)
{
    if (!x->n)
        return hv_str(x->d->decl ? x->d->decl : "");
    switch (x->n->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
        return hv_str(x->n->content ? (const char *)x->n->content : "");
    case XML_DTD_NODE:
        return hv_str("");
    default:
        return xstr_take(L->xmlNodeGetContent(x->n));
    }
}

hv_value
hvc_xml_indented(const hv_value *doc)
{
    xnode *x = xn_of(doc);
    hv_buf b = {0};
    if (x && x->n)
        ser(&b, x->d, x->n, x->d->preserve_ws ? -1 : 2, 0);
    return hv_buf_finish(&b);
}

/* ---------------------------------------------------------------- parsing */

static void
strip_blanks(xmlNodePtr n, bool preserve, xdoc *d)
{
    for (xmlNodePtr c = n->children, next; c; c = next) {
        next = c->next;
        if (c->type == XML_TEXT_NODE && !preserve && is_blank(c->content)) {
            L->xmlUnlinkNode(c);
            L->xmlFreeNode(c);
            (void)d;
            continue;
        }
        if (c->type == XML_ELEMENT_NODE) {
            bool p = preserve;
            for (xmlAttrPtr a = c->properties; a; a = a->next)
                if (a->ns && a->ns->prefix && strcmp((const char *)a->ns->prefix, "xml") == 0 &&
                    strcmp((const char *)a->name, "space") == 0 && a->children)
                    p = strcmp((const char *)a->children->content, "preserve") == 0;
            strip_blanks(c, p, d);
        }
    }
}

/* The XML declaration's pseudo-attributes, re-rendered as XmlDeclaration.Value does. */
static char *
parse_decl(const char *text, size_t len)
{
    size_t i = 0;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        i = 3;
    if (len - i < 6 || strncmp(text + i, "<?xml", 5) != 0 ||
        !strchr(" \t\r\n", text[i + 5]))
        return NULL;
    const char *end = memmem(text + i, len - i, "?>", 2);
    if (!end)
        return NULL;
    const char *keys[] = {"version", "encoding", "standalone"};
    hv_buf b = {0};
    for (int k = 0; k < 3; k++) {
        const char *p = text + i + 5;
        size_t kl = strlen(keys[k]);
        while (p < end) {
            const char *hit = memmem(p, (size_t)(end - p), keys[k], kl);
            if (!hit)
                break;
            const char *q = hit + kl;
            while (q < end && strchr(" \t\r\n", *q))
                q++;
            if (q < end && *q == '=') {
                q++;
                while (q < end && strchr(" \t\r\n", *q))
                    q++;
                if (q < end && (*q == '"' || *q == '\'')) {
                    char quote = *q++;
                    const char *e = memchr(q, quote, (size_t)(end - q));
                    if (e) {
                        if (b.len)
                            hv_buf_putc(&b, ' ');
                        hv_buf_printf(&b, "%s=\"%.*s\"", keys[k], (int)(e - q), q);
                    }
                }
                break;
            }
            p = hit + kl;
        }
    }
    hv_value v = hv_buf_finish(&b);
    char *s = hv_xstrdup(hv_str_cstr(&v));
    hv_unref(v);
    return s;
}

/* Line/position (1-based) of byte offset off in text. */
static void
line_pos(const char *text, size_t off, int *line, int *pos)
{
    *line = 1;
    *pos = 1;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *pos = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            (*pos)++;
        }
    }
}

/* Offset of the first non-blank character at or after off. */
static size_t
skip_ws(const char *text, size_t len, size_t off)
{
    while (off < len && strchr(" \t\r\n", text[off]))
        off++;
    return off;
}

/* The first error libxml2 reports (xmlGetLastError keeps only the last one). */
typedef struct {
    int code, line, col;
    char str1[128];
    char msg[256];
    bool set;
} first_err;

static void
capture_error(void *ud, const xmlError *e)
{
    first_err *f = ud;
    if (f->set || !e || e->level < XML_ERR_ERROR)
        return;
    f->set = true;
    f->code = e->code;
    f->line = e->line;
    f->col = e->int2;
    snprintf(f->str1, sizeof f->str1, "%s", e->str1 ? e->str1 : "");
    snprintf(f->msg, sizeof f->msg, "%s", e->message ? e->message : "");
}

/* Walks the tags as .NET's reader would, to name what is wrong and where: the first end
 * tag that does not match its start tag, or the elements still open at the end. */
typedef struct {
    bool mismatch;
    size_t open_off, end_off; /* offsets of the names */
    char open[128], end[128];
    char unclosed[512];       /* "b, a" innermost first */
} tag_walk;

static void
walk_tags(const char *text, size_t len, tag_walk *w)
{
    memset(w, 0, sizeof *w);
    size_t cap = 16, n = 0;
    size_t *st = hv_xcalloc(cap, sizeof *st), *sl = hv_xcalloc(cap, sizeof *sl);
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '<')
            continue;
        if (i + 3 < len && strncmp(text + i, "<!--", 4) == 0) {
            const char *e = memmem(text + i, len - i, "-->", 3);
            i = e ? (size_t)(e - text) + 2 : len;
            continue;
        }
        if (i + 8 < len && strncmp(text + i, "<![CDATA[", 9) == 0) {
            const char *e = memmem(text + i, len - i, "]]>", 3);
            i = e ? (size_t)(e - text) + 2 : len;
            continue;
        }
        if (i + 1 < len && (text[i + 1] == '?' || text[i + 1] == '!')) {
            const char *e = memchr(text + i, '>', len - i);
            i = e ? (size_t)(e - text) : len;
            continue;
        }
        bool close = i + 1 < len && text[i + 1] == '/';
        size_t s0 = i + 1 + close, k = s0;
        while (k < len && !strchr(" \t\r\n/>", text[k]))
            k++;
        /* the end of the tag, skipping quoted attribute values */
        size_t g = k;
        char q = 0;
        for (; g < len; g++) {
            if (q) {
                if (text[g] == q)
                    q = 0;
            } else if (text[g] == '"' || text[g] == '\'') {
                q = text[g];
            } else if (text[g] == '>') {
                break;
            }
        }
        bool selfclose = g < len && g > 0 && text[g - 1] == '/';
        if (close) {
            if (!n || k - s0 != sl[n - 1] || strncmp(text + st[n - 1], text + s0, k - s0) != 0) {
                if (n) {
                    w->mismatch = true;
                    w->open_off = st[n - 1];
                    w->end_off = s0;
                    snprintf(w->open, sizeof w->open, "%.*s", (int)sl[n - 1], text + st[n - 1]);
                    snprintf(w->end, sizeof w->end, "%.*s", (int)(k - s0), text + s0);
                    break;
                }
            } else {
                n--;
            }
        } else if (!selfclose && g < len) {
            if (n == cap) {
                cap *= 2;
                st = hv_xrealloc(st, cap * sizeof *st);
                sl = hv_xrealloc(sl, cap * sizeof *sl);
            }
            st[n] = s0;
            sl[n++] = k - s0;
        }
        i = g < len ? g : len;
    }
    size_t o = 0;
    for (size_t i = n; !w->mismatch && i-- > 0 && o + sl[i] + 3 < sizeof w->unclosed;)
        o += (size_t)snprintf(w->unclosed + o, sizeof w->unclosed - o, "%s%.*s", o ? ", " : "",
                              (int)sl[i], text + st[i]);
    free(st);
    free(sl);
}

/* .NET's words for the common malformations; libxml2's own text otherwise. */
static void
parse_error(const char *text, size_t len, const first_err *e, char *why, size_t whysz)
{
    size_t start = skip_ws(text, len, 0);
    int sl, sp;
    if (start == len) {
        snprintf(why, whysz, "Root element is missing.");
        return;
    }
    if (text[start] != '<') {
        line_pos(text, start, &sl, &sp);
        snprintf(why, whysz, "Data at the root level is invalid. Line %d, position %d.", sl, sp);
        return;
    }
    tag_walk w;
    walk_tags(text, len, &w);
    if (w.mismatch) {
        int ol, op;
        line_pos(text, w.open_off, &ol, &op);
        line_pos(text, w.end_off, &sl, &sp);
        snprintf(why, whysz,
                 "The '%s' start tag on line %d position %d does not match the end tag of '%s'. "
                 "Line %d, position %d.",
                 w.open, ol, op, w.end, sl, sp);
        return;
    }
    if (w.unclosed[0]) {
        line_pos(text, len, &sl, &sp);
        snprintf(why, whysz,
                 "Unexpected end of file has occurred. The following elements are not closed: "
                 "%s. Line %d, position %d.",
                 w.unclosed, sl, sp);
        return;
    }
    if (e->code == XML_ERR_DOCUMENT_END) {
        /* content after the root element: the first non-blank after the root's end */
        size_t depth = 0, i = start, end = len;
        for (; i < len; i++) {
            if (text[i] != '<' || (i + 1 < len && (text[i + 1] == '?' || text[i + 1] == '!')))
                continue;
            bool close = i + 1 < len && text[i + 1] == '/';
            const char *g = memchr(text + i, '>', len - i);
            if (!g)
                break;
            bool selfclose = g[-1] == '/';
            if (close)
                depth--;
            else if (!selfclose)
                depth++;
            i = (size_t)(g - text);
            if (depth == 0) {
                end = i + 1;
                break;
            }
        }
        size_t off = skip_ws(text, len, end);
        line_pos(text, off, &sl, &sp);
        if (off + 1 < len && text[off] == '<' && text[off + 1] != '!' && text[off + 1] != '?')
            snprintf(why, whysz, "There are multiple root elements. Line %d, position %d.", sl,
                     sp + 1);
        else
            snprintf(why, whysz, "Data at the root level is invalid. Line %d, position %d.", sl,
                     sp);
        return;
    }
    char msg[300];
    snprintf(msg, sizeof msg, "%s", e->set && e->msg[0] ? e->msg : "Invalid XML.");
    size_t ml = strlen(msg);
    while (ml && (msg[ml - 1] == '\n' || msg[ml - 1] == ' '))
        msg[--ml] = 0;
    if (ml && msg[ml - 1] != '.')
        snprintf(msg + ml, sizeof msg - ml, ".");
    snprintf(why, whysz, "%s Line %d, position %d.", msg, e->line > 0 ? e->line : 1,
             e->col > 0 ? e->col : 1);
}

static xmlDocPtr
parse_doc(const char *text, size_t len, bool preserve, char **decl, char *why, size_t whysz)
{
    size_t off = 0;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        off = 3;
    first_err fe = {0};
    L->xmlSetStructuredErrorFunc(&fe, (xmlStructuredErrorFunc)capture_error);
    xmlDocPtr doc = L->xmlReadMemory(text + off, (int)(len - off), NULL, "UTF-8",
                                     XML_PARSE_NONET | XML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
    L->xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc) {
        parse_error(text + off, len - off, &fe, why, whysz);
        return NULL;
    }
    strip_blanks((xmlNodePtr)doc, preserve, NULL);
    if (decl)
        *decl = parse_decl(text, len);
    return doc;
}

static hv_value
doc_object(xmlDocPtr doc, char *decl)
{
    xdoc *d = hv_xcalloc(1, sizeof *d);
    d->refs = 0;
    d->doc = doc;
    d->decl = decl;
    return wrap(d, (xmlNodePtr)doc, true);
}

hv_value
hvc_xml_parse_ex(const char *text, size_t len, bool preserve_ws, char *why, size_t whysz)
{
    char *decl = NULL;
    xmlDocPtr doc = parse_doc(text, len, preserve_ws, &decl, why, whysz);
    if (!doc)
        return hv_null();
    hv_value o = doc_object(doc, decl);
    ((xnode *)hv_obj_native(&o))->d->preserve_ws = preserve_ws;
    return o;
}

hv_value
hvc_xml_parse(const char *text, size_t len, char *why, size_t whysz)
{
    return hvc_xml_parse_ex(text, len, false, why, whysz);
}

static hv_value
new_empty_doc(void)
{
    xmlDocPtr doc = L->xmlNewDoc((const xmlChar *)"1.0");
    return doc_object(doc, NULL);
}

/* ---------------------------------------------------------------- adapter */

/* One adapted member: nodes sharing a LocalName (attributes first, then children). */
typedef struct {
    const char *name;
    size_t n, cap;
    xnode *items; /* n == NULL & decl: declaration; nsdecl: the href string in ns */
    const char **nsval;
} aprop;

typedef struct {
    aprop *p;
    size_t n, cap;
} aprops;

static void
ap_add(aprops *a, const char *name, xnode item, const char *nsval)
{
    aprop *p = NULL;
    for (size_t i = 0; i < a->n; i++)
        if (hv_str_eq_ci(a->p[i].name, name)) {
            p = &a->p[i];
            break;
        }
    if (!p) {
        if (a->n == a->cap) {
            a->cap = a->cap ? 2 * a->cap : 8;
            a->p = hv_xrealloc(a->p, a->cap * sizeof *a->p);
        }
        p = &a->p[a->n++];
        memset(p, 0, sizeof *p);
        p->name = name;
    }
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 2;
        p->items = hv_xrealloc(p->items, p->cap * sizeof *p->items);
        p->nsval = hv_xrealloc(p->nsval, p->cap * sizeof *p->nsval);
    }
    p->items[p->n] = item;
    p->nsval[p->n++] = nsval;
}

static void
ap_free(aprops *a)
{
    for (size_t i = 0; i < a->n; i++) {
        free(a->p[i].items);
        free(a->p[i].nsval);
    }
    free(a->p);
}

static void
adapted(const xnode *x, aprops *a)
{
    memset(a, 0, sizeof *a);
    if (!x->n)
        return;
    if (x->n->type == XML_ELEMENT_NODE) {
        for (xmlNsPtr ns = x->n->nsDef; ns; ns = ns->next)
            ap_add(a, ns->prefix ? (const char *)ns->prefix : "xmlns", (xnode){.d = x->d},
                   ns->href ? (const char *)ns->href : "");
        for (xmlAttrPtr at = x->n->properties; at; at = at->next)
            ap_add(a, (const char *)at->name, (xnode){.d = x->d, .n = (xmlNodePtr)at}, NULL);
    }
    if (x->n->type == XML_DOCUMENT_NODE && x->d->decl)
        ap_add(a, "xml", (xnode){.d = x->d, .n = NULL}, NULL);
    if (x->n->type == XML_ELEMENT_NODE || x->n->type == XML_DOCUMENT_NODE) {
        for (xmlNodePtr c = x->n->children; c; c = c->next) {
            xnode cx = {.d = x->d, .n = c};
            ap_add(a, local_name(&cx), cx, NULL);
        }
    }
}

static bool
has_attributes(xmlNodePtr n)
{
    return n && n->type == XML_ELEMENT_NODE && (n->properties || n->nsDef);
}

/* PowerShell's XmlNodeAdapter.GetNodeObject. */
static hv_value
node_object(const xnode *x, const char *nsval, bool deep)
{
    if (nsval)
        return hv_str(nsval);
    xmlNodePtr n = x->n;
    if (!n)
        return hv_str(x->d->decl ? x->d->decl : "");
    if (n->type == XML_TEXT_NODE && !is_ws_text(n))
        return inner_text(x);
    if (has_attributes(n))
        return wrap(x->d, n, deep);
    if (!n->children || n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE ||
        n->type == XML_CDATA_SECTION_NODE || n->type == XML_TEXT_NODE)
        return inner_text(x);
    if (!n->children->next && n->children->type == XML_TEXT_NODE && !is_ws_text(n->children))
        return inner_text(x);
    if (n->type == XML_ATTRIBUTE_NODE)
        return inner_text(x);
    return wrap(x->d, n, deep);
}

static hv_value
aprop_value(const aprop *p, bool deep)
{
    if (p->n == 1)
        return node_object(&p->items[0], p->nsval[0], deep);
    /* several nodes of one name: an object[] of each node's value (XmlNodeAdapter) */
    hv_value arr = hv_array_new(p->n);
    for (size_t i = 0; i < p->n; i++)
        hv_array_push(&arr, node_object(&p->items[i], p->nsval[i], deep));
    return arr;
}

static hv_value
wrap(xdoc *d, xmlNodePtr n, bool deep)
{
    xnode *x = hv_xmalloc(sizeof *x);
    x->d = d;
    x->n = n;
    d->refs++;
    hv_value o = hv_obj_new(class_for(x));
    hv_obj_set_native(&o, x);
    if (deep) {
        aprops a;
        adapted(x, &a);
        for (size_t i = 0; i < a.n; i++)
            hv_obj_set(&o, a.p[i].name, aprop_value(&a.p[i], false));
        ap_free(&a);
    }
    return o;
}

static hv_value
xnode_to_string(const hv_value *self)
{
    xnode *x = hv_obj_native(self);
    if (!x)
        return hv_str("");
    int t = node_type_of(x);
    if (t == 1 || t == 9)
        return name_of(x);
    return inner_text(x);
}

hv_value
hvc_xml_value_or_inner(const hv_value *node)
{
    xnode *x = xn_of(node);
    if (!x)
        return hv_str("");
    int t = node_type_of(x);
    return t == 1 || t == 9 || t == 10 ? inner_xml(x) : inner_text(x);
}

hv_value
hvc_xml_name(const hv_value *node)
{
    xnode *x = xn_of(node);
    return x ? name_of(x) : hv_str("");
}

hv_value
hvc_xml_outer(const hv_value *node)
{
    xnode *x = xn_of(node);
    return x ? outer_xml(x) : hv_str("");
}

/* ---------------------------------------------------------------- .NET properties */

static hv_value
children_array(const xnode *x)
{
    hv_value a = hv_array_new(4);
    if (!x->n)
        return a;
    if (x->n->type == XML_DOCUMENT_NODE && x->d->decl)
        hv_array_push(&a, wrap(x->d, NULL, true));
    for (xmlNodePtr c = x->n->children; c; c = c->next)
        hv_array_push(&a, wrap(x->d, c, true));
    return a;
}

static hv_value
attributes_array(const xnode *x)
{
    if (!x->n || x->n->type != XML_ELEMENT_NODE)
        return hv_null();
    hv_value a = hv_array_new(4);
    for (xmlAttrPtr at = x->n->properties; at; at = at->next)
        hv_array_push(&a, wrap(x->d, (xmlNodePtr)at, true));
    return a;
}

static hv_value
maybe_wrap(xdoc *d, xmlNodePtr n)
{
    return n ? wrap(d, n, true) : hv_null();
}

static xmlNodePtr
root_elem(xmlDocPtr doc)
{
    for (xmlNodePtr c = doc->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

static bool
net_property(const xnode *x, const char *name, hv_value *out)
{
#define P(s) hv_str_eq_ci(name, s)
    xmlNodePtr n = x->n;
    int t = node_type_of(x);
    if (P("Name")) {
        *out = name_of(x);
    } else if (P("LocalName")) {
        *out = hv_str(local_name(x));
    } else if (P("NodeType")) {
        *out = hv_enum(&xml_nodetype_enum, t);
    } else if (P("Prefix")) {
        *out = hv_str(n && (t == 1 || t == 2) && n->ns && n->ns->prefix ? (const char *)n->ns->prefix : "");
    } else if (P("NamespaceURI")) {
        *out = hv_str(n && (t == 1 || t == 2) && n->ns && n->ns->href ? (const char *)n->ns->href : "");
    } else if (P("InnerText")) {
        *out = inner_text(x);
    } else if (P("InnerXml")) {
        *out = inner_xml(x);
    } else if (P("OuterXml")) {
        *out = outer_xml(x);
    } else if (P("Value")) {
        *out = t == 1 || t == 9 || t == 10 ? hv_null() : inner_text(x);
    } else if (P("Data") && (t == 3 || t == 4 || t == 8 || t == 13 || t == 7)) {
        *out = inner_text(x);
    } else if (P("ChildNodes")) {
        *out = children_array(x);
    } else if (P("HasChildNodes")) {
        *out = hv_bool((n && n->children) || (t == 9 && x->d->decl));
    } else if (P("FirstChild")) {
        if (t == 9 && x->d->decl)
            *out = wrap(x->d, NULL, true);
        else
            *out = n && t != 2 ? maybe_wrap(x->d, n->children) : hv_null();
    } else if (P("LastChild")) {
        *out = n && t != 2 ? maybe_wrap(x->d, n->last) : hv_null();
    } else if (P("NextSibling")) {
        if (!n)
            *out = maybe_wrap(x->d, x->d->doc->children);
        else
            *out = t == 2 || t == 9 ? hv_null() : maybe_wrap(x->d, n->next);
    } else if (P("PreviousSibling")) {
        if (n && t != 2 && t != 9 && !n->prev && n->parent == (xmlNodePtr)x->d->doc && x->d->decl)
            *out = wrap(x->d, NULL, true);
        else
            *out = n && t != 2 && t != 9 ? maybe_wrap(x->d, n->prev) : hv_null();
    } else if (P("ParentNode")) {
        if (!n)
            *out = wrap(x->d, (xmlNodePtr)x->d->doc, true);
        else
            *out = t == 2 || t == 9 ? hv_null() : maybe_wrap(x->d, n->parent);
    } else if (P("OwnerElement") && t == 2) {
        *out = maybe_wrap(x->d, n->parent);
    } else if (P("OwnerDocument")) {
        *out = t == 9 ? hv_null() : wrap(x->d, (xmlNodePtr)x->d->doc, true);
    } else if (P("Attributes")) {
        *out = attributes_array(x);
    } else if (P("HasAttributes") && t == 1) {
        *out = hv_bool(has_attributes(n));
    } else if (P("IsEmpty") && t == 1) {
        *out = hv_bool(!n->children);
    } else if (P("DocumentElement") && t == 9) {
        *out = maybe_wrap(x->d, root_elem(x->d->doc));
    } else if (P("PreserveWhitespace") && t == 9) {
        *out = hv_bool(x->d->preserve_ws);
    } else if (P("Specified") && t == 2) {
        *out = hv_bool(true);
    } else if (P("IsReadOnly")) {
        *out = hv_bool(false);
    } else if (P("BaseURI")) {
        *out = hv_str("");
    } else if ((P("Version") || P("Encoding") || P("Standalone")) && t == 17) {
        const char *key = P("Version") ? "version" : P("Encoding") ? "encoding" : "standalone";
        const char *d = x->d->decl ? strstr(x->d->decl, key) : NULL;
        if (d) {
            d += strlen(key) + 2;
            const char *e = strchr(d, '"');
            *out = hv_strn(d, e ? (size_t)(e - d) : strlen(d));
        } else {
            *out = hv_str("");
        }
    } else if (P("NameTable")) {
        *out = hv_obj_new(&cls_nametable);
    } else if (P("Target") && t == 7) {
        *out = hv_str((const char *)n->name);
    } else {
        return false;
    }
    return true;
#undef P
}

static bool
xget(const hv_value *self, const char *name, hv_value *out)
{
    xnode *x = hv_obj_native(self);
    if (!x)
        return false;
    aprops a;
    adapted(x, &a);
    for (size_t i = 0; i < a.n; i++)
        if (hv_str_eq_ci(a.p[i].name, name)) {
            *out = aprop_value(&a.p[i], true);
            ap_free(&a);
            return true;
        }
    ap_free(&a);
    return net_property(x, name, out);
}

/* ---------------------------------------------------------------- mutation */

/* Children replaced by InnerText/InnerXml/RemoveAll stay alive (wrappers may hold them). */
static void
clear_children(xdoc *d, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children, next; c; c = next) {
        next = c->next;
        L->xmlUnlinkNode(c);
        det_add(d, c);
    }
}

/* Links c under parent before ref (NULL = at the end) without libxml2's text merging
 * (which would free a node a wrapper holds). c must be unlinked. */
static void
link_node(xmlNodePtr parent, xmlNodePtr ref, xmlNodePtr c)
{
    c->parent = parent;
    c->doc = parent->doc;
    if (!ref) {
        c->prev = parent->last;
        c->next = NULL;
        if (parent->last)
            parent->last->next = c;
        else
            parent->children = c;
        parent->last = c;
    } else {
        c->next = ref;
        c->prev = ref->prev;
        if (ref->prev)
            ref->prev->next = c;
        else
            parent->children = c;
        ref->prev = c;
    }
}

static void
set_text_content(xdoc *d, xmlNodePtr n, const char *s)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
        n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) {
        /* for these node types libxml2 stores the text as given (no entity parsing) */
        L->xmlNodeSetContent(n, (const xmlChar *)s);
        return;
    }
    clear_children(d, n);
    if (*s) {
        xmlNodePtr t = L->xmlNewDocText(n->doc, (const xmlChar *)s);
        link_node(n, NULL, t);
    }
}

static char *
value_cstr(const hv_value *v)
{
    hv_value s = hv_conv_to_string(v, NULL);
    char *r = hv_xstrdup(hv_str_cstr(&s));
    hv_unref(s);
    return r;
}

static int
xset(const hv_value *self, const char *name, const hv_value *v, char *err, size_t errsz)
{
    xnode *x = hv_obj_native(self);
    if (!x)
        return 0;
    aprops a;
    adapted(x, &a);
    for (size_t i = 0; i < a.n; i++) {
        if (!hv_str_eq_ci(a.p[i].name, name))
            continue;
        aprop *p = &a.p[i];
        int rc = -1;
        /* pwsh gives every refusal (several nodes, attributes, children) this text */
        if (p->n > 1 || v->kind != HV_STRING)
            snprintf(err, errsz,
                     "Exception setting \"%s\": \"Cannot set \"%s\" because only strings can be "
                     "used as values to set XmlNode properties.\"", name, name);
        else if (p->nsval[0] || !p->items[0].n || has_attributes(p->items[0].n) ||
                 (p->items[0].n->children && p->items[0].n->type == XML_ELEMENT_NODE &&
                  (p->items[0].n->children->next ||
                   p->items[0].n->children->type != XML_TEXT_NODE)))
            snprintf(err, errsz,
                     "Exception setting \"%s\": \"Cannot set \"%s\" because only strings can be "
                     "used as values to set XmlNode properties.\"", name, name);
        else {
            set_text_content(x->d, p->items[0].n, hv_str_cstr(v));
            rc = 1;
        }
        ap_free(&a);
        return rc;
    }
    ap_free(&a);
    int t = node_type_of(x);
#define P(s) hv_str_eq_ci(name, s)
    if (P("InnerText") || (P("Value") && t != 1 && t != 9 && t != 17)) {
        char *s = value_cstr(v);
        if (x->n)
            set_text_content(x->d, x->n, s);
        free(s);
        return 1;
    }
    if (P("PreserveWhitespace") && t == 9) {
        x->d->preserve_ws = hv_conv_to_bool(v);
        return 1;
    }
    if (P("InnerXml") && t == 1) {
        char *s = value_cstr(v);
        hv_buf b = {0};
        hv_buf_printf(&b, "<r>%s</r>", s);
        free(s);
        char why[300];
        xmlDocPtr frag = parse_doc(b.data, b.len, x->d->preserve_ws, NULL, why, sizeof why);
        hv_buf_free(&b);
        if (!frag) {
            snprintf(err, errsz, "Exception setting \"InnerXml\": \"%s\"", why);
            return -1;
        }
        clear_children(x->d, x->n);
        xmlNodePtr r = root_elem(frag);
        for (xmlNodePtr c = r ? r->children : NULL; c; c = c->next) {
            xmlNodePtr cp = L->xmlDocCopyNode(c, x->d->doc, 1);
            link_node(x->n, NULL, cp);
        }
        L->xmlFreeDoc(frag);
        return 1;
    }
#undef P
    (void)err;
    return 0;
}

/* ---------------------------------------------------------------- methods */

typedef struct {
    const xnode *x;
    const char *name;
    const hv_value *a;
    size_t n;
    hv_value *out;
    char *err;
    size_t errsz;
} mcall;

static int
m_throw(mcall *c, const char *msg)
{
    snprintf(c->err, c->errsz, "Exception calling \"%s\" with \"%zu\" argument(s): \"%s\"",
             c->name, c->n, msg);
    return -1;
}

static int
m_overload(mcall *c)
{
    snprintf(c->err, c->errsz,
             "Cannot find an overload for \"%s\" and the argument count: \"%zu\".", c->name, c->n);
    return -1;
}

static char *
arg_cstr(mcall *c, size_t i)
{
    return value_cstr(&c->a[i]);
}

static xnode *
arg_node(mcall *c, size_t i)
{
    return i < c->n ? xn_of(&c->a[i]) : NULL;
}

static bool
xpath_eval(const xnode *x, const char *expr, const hv_value *ns, hv_value *out, char *why,
           size_t whysz)
{
    xmlXPathContextPtr ctx = L->xmlXPathNewContext(x->d->doc);
    ctx->node = x->n ? x->n : (xmlNodePtr)x->d->doc;
    first_err fe = {0};
    ctx->error = (xmlStructuredErrorFunc)capture_error;
    ctx->userData = &fe;
    if (ns && ns->kind == HV_TABLE) {
        const hv_value *k, *v;
        for (size_t it = 0; hv_table_next(ns, &it, &k, &v);) {
            char *ks = value_cstr(k), *vs = value_cstr(v);
            L->xmlXPathRegisterNs(ctx, (const xmlChar *)ks, (const xmlChar *)vs);
            free(ks);
            free(vs);
        }
    }
    L->xmlResetLastError();
    xmlXPathObjectPtr r = L->xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    bool ok = true;
    if (!r) {
        if (fe.set && fe.code == XML_XPATH_UNDEF_PREFIX_ERROR)
            snprintf(why, whysz, "Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function.");
        else
            snprintf(why, whysz, "'%s' has an invalid token.", expr);
        ok = false;
    } else if (r->type != XPATH_NODESET) {
        snprintf(why, whysz, "Expression must evaluate to a node-set.");
        ok = false;
    } else {
        hv_value a = hv_array_new(r->nodesetval ? (size_t)r->nodesetval->nodeNr : 0);
        for (int i = 0; r->nodesetval && i < r->nodesetval->nodeNr; i++) {
            xmlNodePtr n = r->nodesetval->nodeTab[i];
            if (n->type == XML_NAMESPACE_DECL)
                continue;
            hv_array_push(&a, wrap(x->d, n, true));
        }
        *out = a;
    }
    if (r)
        L->xmlXPathFreeObject(r);
    L->xmlXPathFreeContext(ctx);
    return ok;
}

bool
hvc_xml_select(const hv_value *node, const char *xpath, const hv_value *ns, hv_value *out,
               char *why, size_t whysz)
{
    xnode *x = xn_of(node);
    if (!x) {
        snprintf(why, whysz, "The input is not an XML node.");
        return false;
    }
    return xpath_eval(x, xpath, ns, out, why, whysz);
}

static void
by_tag(xdoc *d, xmlNodePtr n, const char *name, hv_value *out)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xnode cx = {.d = d, .n = c};
        hv_value nm = name_of(&cx);
        if (strcmp(name, "*") == 0 || strcmp(hv_str_cstr(&nm), name) == 0)
            hv_array_push(out, wrap(d, c, true));
        hv_unref(nm);
        by_tag(d, c, name, out);
    }
}

/* The node to insert: same document (ImportNode first otherwise), not an ancestor. */
static int
check_insert(mcall *c, xmlNodePtr parent, xnode *nx)
{
    if (!nx || !nx->n)
        return m_overload(c);
    if (nx->d != c->x->d)
        return m_throw(c, "The node to be inserted is from a different document context.");
    if (nx->n->type == XML_ATTRIBUTE_NODE || nx->n->type == XML_DOCUMENT_NODE)
        return m_throw(c, "The specified node cannot be inserted as the valid child of this node, because the specified node is the wrong type.");
    for (xmlNodePtr p = parent; p; p = p->parent)
        if (p == nx->n)
            return m_throw(c, "The new child element is an ancestor of the current node.");
    if (parent->type == XML_DOCUMENT_NODE && nx->n->type == XML_ELEMENT_NODE &&
        root_elem(c->x->d->doc) && root_elem(c->x->d->doc) != nx->n)
        return m_throw(c, "This document already has a 'DocumentElement' node.");
    return 1;
}

static void
detach(xdoc *d, xmlNodePtr n)
{
    L->xmlUnlinkNode(n);
    det_add(d, n);
}

static int
m_insert(mcall *c, int where /* 0 append, 1 prepend, 2 before, 3 after */)
{
    xmlNodePtr parent = c->x->n;
    size_t want = where >= 2 ? 2 : 1;
    if (c->n != want || !parent)
        return m_overload(c);
    xnode *nx = arg_node(c, 0);
    int rc = check_insert(c, parent, nx);
    if (rc < 0)
        return rc;
    xmlNodePtr ref = NULL;
    if (where >= 2) {
        xnode *rx = arg_node(c, 1);
        if (c->a[1].kind != HV_NULL && (!rx || !rx->n || rx->n->parent != parent))
            return m_throw(c, "The reference node is not a child of this node.");
        ref = rx ? rx->n : NULL;
        if (where == 2 && !ref)
            where = 0;
        else if (where == 3)
            ref = ref ? ref->next : parent->children;
        if (ref == nx->n)
            return (*c->out = hv_ref(&c->a[0]), 1);
    } else if (where == 1) {
        ref = parent->children;
    }
    if (ref == nx->n)
        ref = ref->next;
    L->xmlUnlinkNode(nx->n);
    link_node(parent, ref, nx->n);
    *c->out = hv_ref(&c->a[0]);
    return 1;
}

static int
save_doc(mcall *c)
{
    char *path = arg_cstr(c, 0);
    hv_buf b = {0};
    ser(&b, c->x->d, (xmlNodePtr)c->x->d->doc, c->x->d->preserve_ws ? -1 : 2, 0);
    FILE *f = fopen(path, "wb");
    if (!f) {
        char msg[600];
        snprintf(msg, sizeof msg, "Could not find a part of the path '%s'.", path);
        free(path);
        hv_buf_free(&b);
        return m_throw(c, msg);
    }
    /* .NET writes in the declared encoding, with its preamble (utf-8 gets a BOM); no
     * declaration: UTF-8 without BOM */
    const char *enc = c->x->d->decl ? strstr(c->x->d->decl, "encoding=\"") : NULL;
    hvc_encoding e = HVC_ENC_UTF8;
    if (enc) {
        enc += 10;
        if (strncasecmp(enc, "utf-8\"", 6) == 0)
            e = HVC_ENC_UTF8BOM;
        else if (strncasecmp(enc, "utf-16\"", 7) == 0 || strncasecmp(enc, "unicode\"", 8) == 0)
            e = HVC_ENC_UTF16LE;
    }
    hv_buf out = {0};
    hvc_encode(e, b.data ? b.data : "", b.len, true, &out);
    if (out.len)
        fwrite(out.data, 1, out.len, f);
    fclose(f);
    free(path);
    hv_buf_free(&b);
    hv_buf_free(&out);
    *c->out = hv_null();
    return 1;
}

static int
load_into(mcall *c, const char *text, size_t len)
{
    char why[400];
    char *decl = NULL;
    xmlDocPtr doc = parse_doc(text, len, c->x->d->preserve_ws, &decl, why, sizeof why);
    if (!doc)
        return m_throw(c, why);
    /* the document object stays the same xmlDoc (every wrapper of it points there): its
     * children are replaced by copies of the parsed ones; the old ones stay alive,
     * detached, for wrappers that still hold them */
    xdoc *d = c->x->d;
    clear_children(d, (xmlNodePtr)d->doc);
    for (xmlNodePtr ch = doc->children; ch; ch = ch->next) {
        if (ch->type == XML_DTD_NODE)
            continue;
        xmlNodePtr cp = L->xmlDocCopyNode(ch, d->doc, 1);
        if (cp)
            link_node((xmlNodePtr)d->doc, NULL, cp);
    }
    L->xmlFreeDoc(doc);
    free(d->decl);
    d->decl = decl;
    *c->out = hv_null();
    return 1;
}

static int
load_file(mcall *c)
{
    char *path = arg_cstr(c, 0);
    FILE *f = fopen(path, "rb");
    if (!f) {
        char msg[600];
        snprintf(msg, sizeof msg, "Could not find file '%s'.", path);
        free(path);
        return m_throw(c, msg);
    }
    hv_buf raw = {0}, b = {0};
    char tmp[8192];
    size_t r;
    while ((r = fread(tmp, 1, sizeof tmp, f)) > 0)
        hv_buf_put(&raw, tmp, r);
    fclose(f);
    free(path);
    size_t bl = 0;
    const unsigned char *p = (const unsigned char *)(raw.data ? raw.data : "");
    hvc_encoding e = hvc_detect_bom(p, raw.len, HVC_ENC_UTF8, &bl);
    hvc_decode(e, p + bl, raw.len - bl, &b);
    hv_buf_free(&raw);
    int rc = load_into(c, b.data ? b.data : "", b.len);
    hv_buf_free(&b);
    return rc;
}

static hv_value
clone_node(const xnode *x, bool deep)
{
    if (!x->n)
        return wrap(x->d, NULL, true);
    if (x->n->type == XML_DOCUMENT_NODE) {
        xmlDocPtr cp = L->xmlCopyDoc(x->d->doc, deep ? 1 : 0);
        return doc_object(cp, x->d->decl ? hv_xstrdup(x->d->decl) : NULL);
    }
    xmlNodePtr cp = L->xmlDocCopyNode(x->n, x->d->doc, deep ? 1 : 0);
    det_add(x->d, cp);
    return wrap(x->d, cp, true);
}

static int
doc_methods(mcall *c)
{
    const xnode *x = c->x;
    xdoc *d = x->d;
#define IS(s) hv_str_eq_ci(c->name, s)
    if (IS("CreateElement") && c->n >= 1 && c->n <= 3) {
        char *nm = arg_cstr(c, c->n == 3 ? 1 : 0);
        char *pfx = c->n == 3 ? arg_cstr(c, 0) : NULL;
        char *uri = c->n >= 2 ? arg_cstr(c, c->n - 1) : NULL;
        char *colon = strchr(nm, ':');
        if (!pfx && colon) {
            *colon = 0;
            pfx = hv_xstrdup(nm);
            memmove(nm, colon + 1, strlen(colon + 1) + 1);
        }
        xmlNodePtr e = L->xmlNewDocNode(d->doc, NULL, (const xmlChar *)nm, NULL);
        if (uri && *uri)
            L->xmlSetNs(e, L->xmlNewNs(e, (const xmlChar *)uri, (const xmlChar *)pfx));
        det_add(d, e);
        free(nm);
        free(pfx);
        free(uri);
        *c->out = wrap(d, e, true);
        return 1;
    }
    if (IS("CreateAttribute") && c->n >= 1) {
        char *nm = arg_cstr(c, 0);
        xmlAttrPtr a = L->xmlNewDocProp(d->doc, (const xmlChar *)nm, (const xmlChar *)"");
        free(nm);
        det_add(d, (xmlNodePtr)a);
        *c->out = wrap(d, (xmlNodePtr)a, true);
        return 1;
    }
    if ((IS("CreateTextNode") || IS("CreateComment") || IS("CreateCDataSection")) && c->n == 1) {
        char *s = arg_cstr(c, 0);
        xmlNodePtr t = IS("CreateTextNode") ? L->xmlNewDocText(d->doc, (const xmlChar *)s)
                       : IS("CreateComment") ? L->xmlNewDocComment(d->doc, (const xmlChar *)s)
                       : L->xmlNewCDataBlock(d->doc, (const xmlChar *)s, (int)strlen(s));
        free(s);
        det_add(d, t);
        *c->out = wrap(d, t, true);
        return 1;
    }
    if (IS("CreateXmlDeclaration") && c->n == 3) {
        /* the declaration node is virtual: it becomes the document's when appended */
        char *v = arg_cstr(c, 0), *e = arg_cstr(c, 1), *s = arg_cstr(c, 2);
        hv_buf b = {0};
        hv_buf_printf(&b, "version=\"%s\"", v);
        if (*e)
            hv_buf_printf(&b, " encoding=\"%s\"", e);
        if (*s)
            hv_buf_printf(&b, " standalone=\"%s\"", s);
        hv_value dv = hv_buf_finish(&b);
        free(d->decl);
        d->decl = hv_xstrdup(hv_str_cstr(&dv));
        hv_unref(dv);
        free(v);
        free(e);
        free(s);
        *c->out = wrap(d, NULL, true);
        return 1;
    }
    if (IS("ImportNode") && c->n == 2) {
        xnode *src = arg_node(c, 0);
        if (!src || !src->n)
            return m_overload(c);
        if (src->n->type == XML_DOCUMENT_NODE)
            return m_throw(c, "Cannot import nodes of type 'Document'.");
        xmlNodePtr cp = L->xmlDocCopyNode(src->n, d->doc, hv_conv_to_bool(&c->a[1]) ? 1 : 0);
        det_add(d, cp);
        *c->out = wrap(d, cp, true);
        return 1;
    }
    if (IS("Save") && c->n == 1)
        return save_doc(c);
    if (IS("Load") && c->n == 1)
        return load_file(c);
    if (IS("LoadXml") && c->n == 1) {
        char *s = arg_cstr(c, 0);
        int rc = load_into(c, s, strlen(s));
        free(s);
        return rc;
    }
    return 0;
#undef IS
}

/* ---------------------------------------------------------------- XmlNamespaceManager */

typedef struct {
    hv_value map; /* prefix -> namespace URI */
} nsmgr;

static void
nsmgr_free(void *p)
{
    nsmgr *m = p;
    hv_unref(m->map);
    free(m);
}

static int nsmgr_call(const hv_value *self, const char *name, const hv_value *args, size_t n,
                      hv_value *out, char *err, size_t errsz);
static bool nsmgr_get(const hv_value *self, const char *name, hv_value *out);

static const hv_obj_class cls_nsmgr = {
    .type_name = "System.Xml.XmlNamespaceManager",
    .base_types = (const char *const[]){"System.Object", NULL},
    .finalize = nsmgr_free,
    .get_member = nsmgr_get,
    .call_method = nsmgr_call,
};

static hv_value
new_nsmgr(void)
{
    nsmgr *m = hv_xcalloc(1, sizeof *m);
    m->map = hv_table_new(HV_TABLE_ORDERED | HV_TABLE_CASE_SENSITIVE);
    hv_value o = hv_obj_new(&cls_nsmgr);
    hv_obj_set_native(&o, m);
    return o;
}

/* The prefix table of an XmlNamespaceManager or a hashtable given in its place. */
static const hv_value *
nsmgr_table(const hv_value *v)
{
    if (v->kind == HV_TABLE)
        return v;
    if (v->kind == HV_OBJECT && hv_obj_class_of(v) == &cls_nsmgr && hv_obj_native(v))
        return &((nsmgr *)hv_obj_native(v))->map;
    return NULL;
}

static const char *
builtin_ns(const char *prefix)
{
    if (strcmp(prefix, "xml") == 0)
        return "http://www.w3.org/XML/1998/namespace";
    if (strcmp(prefix, "xmlns") == 0)
        return "http://www.w3.org/2000/xmlns/";
    if (!*prefix)
        return "";
    return NULL;
}

static bool
nsmgr_get(const hv_value *self, const char *name, hv_value *out)
{
    nsmgr *m = hv_obj_native(self);
    if (!m) /* a PSObject.Copy() has no native */
        return false;
    if (hv_str_eq_ci(name, "DefaultNamespace")) {
        const hv_value *d = hv_table_gets(&m->map, "");
        *out = d ? hv_ref(d) : hv_str("");
        return true;
    }
    if (hv_str_eq_ci(name, "NameTable")) {
        *out = hv_obj_new(&cls_nametable);
        return true;
    }
    return false;
}

static int
nsmgr_call(const hv_value *self, const char *name, const hv_value *args, size_t n,
           hv_value *out, char *err, size_t errsz)
{
    nsmgr *m = hv_obj_native(self);
    if (!m)
        return 0;
    mcall cc = {.name = name, .a = args, .n = n, .out = out, .err = err, .errsz = errsz};
    mcall *c = &cc;
#define IS(s) hv_str_eq_ci(name, s)
    if (IS("AddNamespace") && n == 2) {
        char *p = arg_cstr(c, 0), *u = arg_cstr(c, 1);
        int rc = 1;
        if (strcmp(p, "xml") == 0 || strcmp(p, "xmlns") == 0) {
            char msg[200];
            snprintf(msg, sizeof msg, "Prefix \"%s\" is reserved for use by XML.", p);
            rc = m_throw(c, msg);
        } else {
            hv_table_sets(&m->map, p, hv_str(u));
            *out = hv_null();
        }
        free(p);
        free(u);
        return rc;
    }
    if (IS("RemoveNamespace") && n == 2) {
        hv_value p = hv_conv_to_string(&args[0], NULL);
        const hv_value *cur = hv_table_get(&m->map, &p);
        hv_value u = hv_conv_to_string(&args[1], NULL);
        if (cur && cur->kind == HV_STRING && strcmp(hv_str_cstr(cur), hv_str_cstr(&u)) == 0)
            hv_table_remove(&m->map, &p);
        hv_unref(p);
        hv_unref(u);
        *out = hv_null();
        return 1;
    }
    if ((IS("LookupNamespace") || IS("HasNamespace")) && n == 1) {
        char *p = arg_cstr(c, 0);
        const hv_value *u = hv_table_gets(&m->map, p);
        const char *b = builtin_ns(p);
        if (IS("HasNamespace"))
            *out = hv_bool(u != NULL);
        else
            *out = u ? hv_ref(u) : b ? hv_str(b) : hv_null();
        free(p);
        return 1;
    }
    if (IS("LookupPrefix") && n == 1) {
        char *u = arg_cstr(c, 0);
        const hv_value *k, *v;
        *out = hv_null();
        for (size_t it = 0; hv_table_next(&m->map, &it, &k, &v);)
            if (v->kind == HV_STRING && strcmp(hv_str_cstr(v), u) == 0) {
                *out = hv_ref(k);
                break;
            }
        free(u);
        return 1;
    }
    if (IS("ToString") && n == 0) {
        *out = hv_str("System.Xml.XmlNamespaceManager");
        return 1;
    }
    return 0;
#undef IS
}

static int
xcall(const hv_value *self, const char *name, const hv_value *args, size_t n, hv_value *out,
      char *err, size_t errsz)
{
    xnode *x = hv_obj_native(self);
    if (!x)
        return 0;
    mcall cc = {.x = x, .name = name, .a = args, .n = n, .out = out, .err = err, .errsz = errsz};
    mcall *c = &cc;
    int t = node_type_of(x);
#define IS(s) hv_str_eq_ci(name, s)
    if (t == 9) {
        int rc = doc_methods(c);
        if (rc)
            return rc;
    }
    if ((IS("SelectNodes") || IS("SelectSingleNode")) && (n == 1 || n == 2)) {
        char *xp = arg_cstr(c, 0);
        hv_value res;
        char why[400];
        const hv_value *ns = n == 2 ? &args[1] : NULL;
        const hv_value *nsv = ns ? nsmgr_table(ns) : NULL;
        if (ns && !nsv && ns->kind != HV_TABLE && ns->kind != HV_NULL)
            return m_overload(c);
        bool ok = xpath_eval(x, xp, nsv, &res, why, sizeof why);
        free(xp);
        if (!ok)
            return m_throw(c, why);
        if (IS("SelectSingleNode")) {
            *out = hv_array_len(&res) ? hv_ref(hv_array_at(&res, 0)) : hv_null();
            hv_unref(res);
        } else {
            *out = res;
        }
        return 1;
    }
    if ((IS("get_Item") || IS("Item")) && n == 1 && x->n && args[0].kind == HV_STRING) {
        /* XmlNode's indexer: the first child element of that Name */
        *out = hv_null();
        for (xmlNodePtr ch = x->n->children; ch; ch = ch->next) {
            if (ch->type != XML_ELEMENT_NODE)
                continue;
            xnode cx = {.d = x->d, .n = ch};
            hv_value nm = name_of(&cx);
            bool hit = strcmp(hv_str_cstr(&nm), hv_str_cstr(&args[0])) == 0;
            hv_unref(nm);
            if (hit) {
                *out = wrap(x->d, ch, true);
                break;
            }
        }
        return 1;
    }
    if (IS("GetElementsByTagName") && n == 1 && x->n) {
        char *nm = arg_cstr(c, 0);
        hv_value res = hv_array_new(4);
        by_tag(x->d, x->n, nm, &res);
        free(nm);
        *out = res;
        return 1;
    }
    if (IS("AppendChild"))
        return m_insert(c, 0);
    if (IS("PrependChild"))
        return m_insert(c, 1);
    if (IS("InsertBefore"))
        return m_insert(c, 2);
    if (IS("InsertAfter"))
        return m_insert(c, 3);
    if (IS("RemoveChild") && n == 1) {
        xnode *cx = arg_node(c, 0);
        if (!cx)
            return m_overload(c);
        if (!cx->n && t == 9 && x->d->decl) { /* the declaration */
            free(x->d->decl);
            x->d->decl = NULL;
            *out = hv_ref(&args[0]);
            return 1;
        }
        if (!cx->n || !x->n || cx->n->parent != x->n || cx->n->type == XML_ATTRIBUTE_NODE)
            return m_throw(c, "The node to be removed is not a child of this node.");
        detach(x->d, cx->n);
        *out = hv_ref(&args[0]);
        return 1;
    }
    if (IS("ReplaceChild") && n == 2) {
        xnode *nx = arg_node(c, 0), *ox = arg_node(c, 1);
        if (!ox || !ox->n || !x->n || ox->n->parent != x->n)
            return m_throw(c, "The node to be removed is not a child of this node.");
        int rc = check_insert(c, x->n, nx);
        if (rc < 0)
            return rc;
        xmlNodePtr ref = ox->n->next;
        detach(x->d, ox->n);
        if (ref == nx->n)
            ref = ref->next;
        L->xmlUnlinkNode(nx->n);
        link_node(x->n, ref, nx->n);
        *out = hv_ref(&args[1]);
        return 1;
    }
    if (IS("RemoveAll") && n == 0 && x->n) {
        if (t == 1)
            while (x->n->properties) {
                xmlNodePtr a = (xmlNodePtr)x->n->properties;
                detach(x->d, a);
            }
        if (t == 1 || t == 9)
            clear_children(x->d, x->n);
        *out = hv_null();
        return 1;
    }
    if ((IS("Clone") && n == 0) || (IS("CloneNode") && n == 1)) {
        *out = clone_node(x, IS("Clone") || hv_conv_to_bool(&args[0]));
        return 1;
    }
    if (IS("ToString") && n == 0) {
        *out = hv_str(class_for(x)->type_name);
        return 1;
    }
    if (t == 1) {
        if ((IS("GetAttribute") || IS("HasAttribute")) && n == 1) {
            /* namespace declarations are attributes in .NET's DOM */
            char *nm = arg_cstr(c, 0);
            const char *pfx = strcmp(nm, "xmlns") == 0 ? "" : strncmp(nm, "xmlns:", 6) == 0 ? nm + 6 : NULL;
            for (xmlNsPtr ns = pfx ? x->n->nsDef : NULL; ns; ns = ns->next)
                if (strcmp(ns->prefix ? (const char *)ns->prefix : "", pfx) == 0) {
                    *out = IS("HasAttribute") ? hv_bool(true) : hv_str((const char *)ns->href);
                    free(nm);
                    return 1;
                }
            free(nm);
        }
        if (IS("GetAttribute") && n == 1) {
            char *nm = arg_cstr(c, 0);
            xmlAttrPtr a = L->xmlHasProp(x->n, (const xmlChar *)nm);
            free(nm);
            xnode ax = {.d = x->d, .n = (xmlNodePtr)a};
            *out = a ? inner_text(&ax) : hv_str("");
            return 1;
        }
        if (IS("HasAttribute") && n == 1) {
            char *nm = arg_cstr(c, 0);
            *out = hv_bool(L->xmlHasProp(x->n, (const xmlChar *)nm) != NULL);
            free(nm);
            return 1;
        }
        if (IS("GetAttributeNode") && n == 1) {
            char *nm = arg_cstr(c, 0);
            xmlAttrPtr a = L->xmlHasProp(x->n, (const xmlChar *)nm);
            free(nm);
            *out = a ? wrap(x->d, (xmlNodePtr)a, true) : hv_null();
            return 1;
        }
        if (IS("SetAttribute") && n == 2) {
            char *nm = arg_cstr(c, 0), *v = arg_cstr(c, 1);
            xmlAttrPtr old = L->xmlHasProp(x->n, (const xmlChar *)nm);
            if (old) /* in place: xmlSetProp would free nodes a wrapper may hold */
                set_text_content(x->d, (xmlNodePtr)old, v);
            else
                L->xmlSetProp(x->n, (const xmlChar *)nm, (const xmlChar *)v);
            free(nm);
            free(v);
            *out = hv_null();
            return 1;
        }
        if (IS("SetAttributeNode") && n == 1) {
            xnode *ax = arg_node(c, 0);
            if (!ax || !ax->n || ax->n->type != XML_ATTRIBUTE_NODE)
                return m_overload(c);
            xmlAttrPtr old = L->xmlHasProp(x->n, ax->n->name);
            if (old && (xmlNodePtr)old != ax->n)
                detach(x->d, (xmlNodePtr)old);
            if ((xmlNodePtr)old != ax->n) {
                L->xmlUnlinkNode(ax->n);
                xmlAttrPtr a = (xmlAttrPtr)ax->n;
                a->parent = x->n;
                a->next = NULL;
                a->prev = NULL;
                if (!x->n->properties) {
                    x->n->properties = a;
                } else {
                    xmlAttrPtr l = x->n->properties;
                    while (l->next)
                        l = l->next;
                    l->next = a;
                    a->prev = l;
                }
            }
            *out = old && (xmlNodePtr)old != ax->n ? wrap(x->d, (xmlNodePtr)old, true) : hv_null();
            return 1;
        }
        if (IS("RemoveAttribute") && n == 1) {
            char *nm = arg_cstr(c, 0);
            xmlAttrPtr a = L->xmlHasProp(x->n, (const xmlChar *)nm);
            free(nm);
            if (a)
                detach(x->d, (xmlNodePtr)a);
            *out = hv_null();
            return 1;
        }
        if (IS("RemoveAllAttributes") && n == 0) {
            while (x->n->properties)
                detach(x->d, (xmlNodePtr)x->n->properties);
            *out = hv_null();
            return 1;
        }
    }
    return 0;
#undef IS
}

/* ---------------------------------------------------------------- [xml] conversion */

static bool
to_xml(const hv_value *v, hv_value *out, hv_conv_err *err)
{
    xnode *x = xn_of(v);
    if (x && x->n && x->n->type == XML_DOCUMENT_NODE) {
        *out = hv_ref(v);
        return true;
    }
    hv_value text;
    if (v->kind == HV_ARRAY) {
        hv_buf b = {0};
        for (size_t i = 0; i < hv_array_len(v); i++) {
            if (i)
                hv_buf_putc(&b, '\n');
            hv_conv_append_string(&b, hv_array_at(v, i), NULL);
        }
        text = hv_buf_finish(&b);
    } else {
        text = hv_conv_to_string(v, NULL);
    }
    char why[400];
    hv_value doc = hvc_xml_parse(hv_str_cstr(&text), hv_str_len(&text), why, sizeof why);
    if (doc.kind == HV_NULL) {
        hv_value shown = hv_conv_to_string(v, NULL);
        snprintf(err->msg, sizeof err->msg,
                 "Cannot convert value \"%.200s\" to type \"System.Xml.XmlDocument\". Error: \"%.240s\"",
                 hv_str_cstr(&shown), why);
        hv_unref(shown);
        hv_unref(text);
        return false;
    }
    hv_unref(text);
    *out = doc;
    return true;
}

static const hv_conv_xml_hooks xml_hooks = {.to_xml = to_xml, .new_doc = new_empty_doc,
                                             .new_nsmgr = new_nsmgr};

__attribute__((constructor)) static void
register_xml(void)
{
    hv_conv_set_xml_hooks(&xml_hooks);
}

/* ---------------------------------------------------------------- building (ConvertTo-Xml) */

hv_value
hvc_xml_new_doc(const char *root_name, hv_value *root)
{
    xmlDocPtr doc = L->xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr r = L->xmlNewDocNode(doc, NULL, (const xmlChar *)root_name, NULL);
    link_node((xmlNodePtr)doc, NULL, r);
    hv_value d = doc_object(doc, hv_xstrdup("version=\"1.0\" encoding=\"utf-8\""));
    xnode *x = hv_obj_native(&d);
    *root = wrap(x->d, r, false);
    return d;
}

hv_value
hvc_xml_add_elem(hv_value *parent, const char *name, const char *text)
{
    xnode *x = xn_of(parent);
    xmlNodePtr e = L->xmlNewDocNode(x->d->doc, NULL, (const xmlChar *)name, NULL);
    link_node(x->n, NULL, e);
    if (text)
        link_node(e, NULL, L->xmlNewDocText(x->d->doc, (const xmlChar *)text));
    return wrap(x->d, e, false);
}

void
hvc_xml_set_attr(hv_value *elem, const char *name, const char *value)
{
    xnode *x = xn_of(elem);
    L->xmlSetProp(x->n, (const xmlChar *)name, (const xmlChar *)value);
}

/* ---------------------------------------------------------------- CLIXML reader */

typedef struct {
    hv_value refs; /* RefId -> object (index = RefId; HV_NULL holes) */
    hv_value tns;  /* TN RefId -> HV_ARRAY of type names */
} clread;

static const char *
cl_attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0 && a->children)
            return (const char *)a->children->content;
    return NULL;
}

static hv_value
cl_text(xmlNodePtr n)
{
    /* _xHHHH_ escapes back to characters */
    xmlChar *raw = L->xmlNodeGetContent(n);
    const char *s = raw ? (const char *)raw : "";
    hv_buf b = {0};
    for (size_t i = 0; s[i]; i++) {
        unsigned cp;
        if (s[i] == '_' && s[i + 1] == 'x' && strlen(s + i) >= 7 && s[i + 6] == '_' &&
            sscanf(s + i + 2, "%4x", &cp) == 1) {
            char u[4];
            hv_buf_put(&b, u, hv_utf8_put(u, cp));
            i += 6;
            continue;
        }
        hv_buf_putc(&b, s[i]);
    }
    if (raw)
        (*L->free_var)(raw);
    return hv_buf_finish(&b);
}

static bool
is_tag(xmlNodePtr n, const char *t)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, t) == 0;
}

static void
cl_set_ref(clread *r, const char *id, const hv_value *v)
{
    if (!id)
        return;
    size_t i = (size_t)strtoul(id, NULL, 10);
    while (hv_array_len(&r->refs) <= i)
        hv_array_push(&r->refs, hv_null());
    hv_array_set(&r->refs, i, hv_ref(v));
}

static bool cl_read(clread *r, xmlNodePtr n, hv_value *out);

static bool
cl_parse_iso_ts(const char *s, int64_t *ticks)
{
    bool neg = *s == '-';
    if (neg)
        s++;
    if (*s++ != 'P')
        return false;
    double total = 0;
    bool time = false;
    while (*s) {
        if (*s == 'T') {
            time = true;
            s++;
            continue;
        }
        char *e;
        double v = strtod(s, &e);
        if (e == s)
            return false;
        switch (*e) {
        case 'D': total += v * 86400; break;
        case 'H': total += v * 3600; break;
        case 'M': total += time ? v * 60 : v * 30 * 86400; break;
        case 'S': total += v; break;
        case 'Y': total += v * 365 * 86400; break;
        default: return false;
        }
        s = e + 1;
    }
    *ticks = (int64_t)(total * HV_TICKS_PER_SEC + (total >= 0 ? 0.5 : -0.5));
    if (neg)
        *ticks = -*ticks;
    return true;
}

static bool
cl_primitive_read(xmlNodePtr n, hv_value *out)
{
    const char *t = (const char *)n->name;
    if (strcmp(t, "Nil") == 0) {
        *out = hv_null();
        return true;
    }
    hv_value text = cl_text(n);
    const char *s = hv_str_cstr(&text);
    bool ok = true;
    static const struct { const char *tag; hv_numkind k; } ints[] = {
        {"I32", HV_N_INT32}, {"I64", HV_N_INT64}, {"By", HV_N_BYTE}, {"SB", HV_N_SBYTE},
        {"I16", HV_N_INT16}, {"U16", HV_N_UINT16}, {"U32", HV_N_UINT32}};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (strcmp(t, ints[i].tag) == 0) {
            *out = hv_intk(strtoll(s, NULL, 10), ints[i].k);
            hv_unref(text);
            return true;
        }
    if (strcmp(t, "S") == 0 || strcmp(t, "SBK") == 0 || strcmp(t, "URI") == 0 ||
        strcmp(t, "ToString") == 0) {
        *out = hv_ref(&text);
    } else if (strcmp(t, "U64") == 0) {
        *out = hv_uint64(strtoull(s, NULL, 10));
    } else if (strcmp(t, "B") == 0) {
        *out = hv_bool(strcmp(s, "true") == 0);
    } else if (strcmp(t, "C") == 0) {
        *out = hv_char((uint32_t)strtoul(s, NULL, 10));
    } else if (strcmp(t, "Db") == 0 || strcmp(t, "Sg") == 0 || strcmp(t, "D") == 0) {
        hv_numkind k = t[0] == 'S' ? HV_N_FLOAT : t[1] == 'b' ? HV_N_DOUBLE : HV_N_DECIMAL;
        *out = hv_doublek(strtod(s, NULL), k);
    } else if (strcmp(t, "DT") == 0) {
        int64_t ticks;
        hv_dtkind k;
        if (hv_dt_parse(s, &ticks, &k))
            *out = hv_datetime(ticks, k);
        else
            *out = hv_ref(&text);
    } else if (strcmp(t, "TS") == 0) {
        int64_t ticks;
        *out = cl_parse_iso_ts(s, &ticks) ? hv_timespan(ticks) : hv_ref(&text);
    } else if (strcmp(t, "G") == 0) {
        unsigned char g[16];
        *out = hv_guid_parse(s, g) ? hv_guid_new(g) : hv_ref(&text);
    } else if (strcmp(t, "Version") == 0) {
        if (!hv_version_parse(s, out))
            *out = hv_ref(&text);
    } else if (strcmp(t, "XD") == 0) {
        char why[300];
        *out = hvc_xml_parse(s, strlen(s), why, sizeof why);
        if (out->kind == HV_NULL)
            *out = hv_ref(&text);
    } else if (strcmp(t, "BA") == 0) {
        *out = hv_ref(&text);
    } else {
        ok = false;
    }
    hv_unref(text);
    return ok;
}

static hv_value
cl_read_list(clread *r, xmlNodePtr lst, bool arraylist)
{
    hv_value a = hv_array_new(4);
    if (arraylist)
        a.sub = HV_TA_LIST;
    for (xmlNodePtr c = lst->children; c; c = c->next) {
        hv_value v;
        if (c->type == XML_ELEMENT_NODE && cl_read(r, c, &v))
            hv_array_push(&a, v);
    }
    return a;
}

static bool
cl_read_obj(clread *r, xmlNodePtr n, hv_value *out)
{
    hv_value names = hv_null();
    hv_value tostr = hv_null();
    hv_value result = hv_null();
    bool have = false;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_tag(c, "TN")) {
            names = hv_array_new(4);
            for (xmlNodePtr t = c->children; t; t = t->next)
                if (is_tag(t, "T"))
                    hv_array_push(&names, cl_text(t));
            const char *id = cl_attr(c, "RefId");
            if (id) {
                size_t i = (size_t)strtoul(id, NULL, 10);
                while (hv_array_len(&r->tns) <= i)
                    hv_array_push(&r->tns, hv_null());
                hv_array_set(&r->tns, i, hv_ref(&names));
            }
        } else if (is_tag(c, "TNRef")) {
            const char *id = cl_attr(c, "RefId");
            size_t i = id ? (size_t)strtoul(id, NULL, 10) : 0;
            names = i < hv_array_len(&r->tns) ? hv_ref(hv_array_at(&r->tns, i)) : hv_null();
        } else if (is_tag(c, "ToString")) {
            tostr = cl_text(c);
        } else if (is_tag(c, "LST") || is_tag(c, "IE") || is_tag(c, "STK") || is_tag(c, "QUE")) {
            hv_unref(result);
            result = cl_read_list(r, c, true);
            have = true;
        } else if (is_tag(c, "DCT")) {
            bool ordered = names.kind == HV_ARRAY && hv_array_len(&names) &&
                           strstr(hv_str_cstr(hv_array_at(&names, 0)), "OrderedDictionary");
            hv_value t = hv_table_new(ordered ? HV_TABLE_ORDERED : 0);
            for (xmlNodePtr en = c->children; en; en = en->next) {
                if (!is_tag(en, "En"))
                    continue;
                hv_value k = hv_null(), v = hv_null();
                for (xmlNodePtr kv = en->children; kv; kv = kv->next) {
                    if (kv->type != XML_ELEMENT_NODE)
                        continue;
                    const char *nm = cl_attr(kv, "N");
                    hv_value x;
                    if (!cl_read(r, kv, &x))
                        continue;
                    if (nm && strcmp(nm, "Key") == 0) {
                        hv_unref(k);
                        k = x;
                    } else {
                        hv_unref(v);
                        v = x;
                    }
                }
                if (k.kind == HV_NULL)
                    hv_unref(v);
                else
                    hv_table_set(&t, k, v);
            }
            hv_unref(result);
            result = t;
            have = true;
        } else if (is_tag(c, "MS") || is_tag(c, "Props")) {
            if (!have || result.kind != HV_OBJECT) {
                hv_unref(result);
                result = hv_obj_new(NULL);
                have = true;
            }
            for (xmlNodePtr p = c->children; p; p = p->next) {
                const char *nm = p->type == XML_ELEMENT_NODE ? cl_attr(p, "N") : NULL;
                hv_value x;
                if (nm && cl_read(r, p, &x))
                    hv_obj_set(&result, nm, x);
            }
        } else if (!have) {
            hv_value x;
            if (cl_primitive_read(c, &x)) { /* an enum's value, a wrapped primitive */
                result = x;
                have = true;
            }
        }
    }
    if (!have)
        result = tostr.kind != HV_NULL ? hv_ref(&tostr) : hv_obj_new(NULL);
    if (result.kind == HV_OBJECT && !hv_obj_class_of(&result) && names.kind == HV_ARRAY) {
        /* insert in reverse: each goes in front */
        for (size_t i = hv_array_len(&names); i-- > 0;) {
            hv_value dn = hv_strf("Deserialized.%s", hv_str_cstr(hv_array_at(&names, i)));
            hv_obj_add_typename(&result, hv_str_cstr(&dn));
            hv_unref(dn);
        }
    }
    hv_unref(names);
    hv_unref(tostr);
    cl_set_ref(r, cl_attr(n, "RefId"), &result);
    *out = result;
    return true;
}

static bool
cl_read(clread *r, xmlNodePtr n, hv_value *out)
{
    if (is_tag(n, "Obj"))
        return cl_read_obj(r, n, out);
    if (is_tag(n, "Ref")) {
        const char *id = cl_attr(n, "RefId");
        size_t i = id ? (size_t)strtoul(id, NULL, 10) : 0;
        *out = i < hv_array_len(&r->refs) ? hv_ref(hv_array_at(&r->refs, i)) : hv_null();
        return true;
    }
    return cl_primitive_read(n, out);
}

hv_value
hvc_clixml_read(const char *text, size_t len, char *why, size_t whysz)
{
    xmlDocPtr doc = parse_doc(text, len, false, NULL, why, whysz);
    if (!doc)
        return hv_null();
    xmlNodePtr root = root_elem(doc);
    if (!root || strcmp((const char *)root->name, "Objs") != 0) {
        snprintf(why, whysz, "Element 'Objs' with namespace name "
                             "'http://schemas.microsoft.com/powershell/2004/04' was not found.");
        L->xmlFreeDoc(doc);
        return hv_null();
    }
    clread r = {.refs = hv_array_new(4), .tns = hv_array_new(4)};
    hv_value out = hv_array_new(4);
    for (xmlNodePtr c = root->children; c; c = c->next) {
        hv_value v;
        if (c->type == XML_ELEMENT_NODE && cl_read(&r, c, &v))
            hv_array_push(&out, v);
    }
    hv_unref(r.refs);
    hv_unref(r.tns);
    L->xmlFreeDoc(doc);
    return out;
}
