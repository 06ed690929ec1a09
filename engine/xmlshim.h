/* xmlshim.h — libxml2 through a table loaded on first use (dlopen), not linked.
 *
 * libxml2 drags in ICU and libstdc++: linking it cost every hvsh process ~3 ms of start-up,
 * although only the libvirt engine edits XML. Include this after the libxml headers: each
 * function the engine uses becomes a call through hv_virt_xml(), which loads libxml2.so.2
 * once (libvirt itself depends on it, so it is there whenever libvirt is). To use another
 * libxml2 function, add it to HV_XML_FUNCS.
 */
#ifndef HV_XMLSHIM_H
#define HV_XMLSHIM_H

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define HV_XML_FUNCS(X)                                                                       \
    X(xmlAddChild) X(xmlAddNextSibling) X(xmlBufferContent) X(xmlBufferCreate)                \
    X(xmlBufferFree) X(xmlDocDumpMemory) X(xmlDocGetRootElement) X(xmlDocSetRootElement)      \
    X(xmlEncodeSpecialChars) X(xmlFreeDoc) X(xmlFreeNode) X(xmlGetLastChild)                  \
    X(xmlGetNoNsProp) X(xmlNewChild) X(xmlNewDoc) X(xmlNewNode) X(xmlNewNs) X(xmlNodeDump)    \
    X(xmlNodeGetContent) X(xmlNodeSetContent) X(xmlReadMemory) X(xmlSetGenericErrorFunc)      \
    X(xmlSetNs) X(xmlSetProp) X(xmlStrcmp) X(xmlUnlinkNode) X(xmlUnsetProp) X(xmlGetProp)     \
    X(xmlHasProp) X(xmlNewProp) X(xmlStrdup) X(xmlNodeListGetString) X(xmlCopyNode)           \
    X(xmlReplaceNode) X(xmlNewText) X(xmlAddPrevSibling) X(xmlNewDocNode) X(xmlParseMemory)   \
    X(xmlDocDumpFormatMemory) X(xmlFirstElementChild) X(xmlNextElementSibling)               \
    X(xmlGetNsProp) X(xmlSearchNs) X(xmlSearchNsByHref) X(xmlNodeGetBase)                     \
    X(__xmlGenericError) X(__xmlGenericErrorContext)

typedef struct {
#define HV_XML_FIELD(f) __typeof__(f) *f;
    HV_XML_FUNCS(HV_XML_FIELD)
#undef HV_XML_FIELD
    xmlFreeFunc *free_var; /* the library's variable xmlFree (a function pointer) */
} hv_virt_xml_api;

/* The table; aborts with a message if libxml2.so.2 cannot be loaded. */
const hv_virt_xml_api *hv_virt_xml(void);

#ifndef HV_XMLSHIM_IMPL
#define xmlAddChild (hv_virt_xml()->xmlAddChild)
#define xmlAddNextSibling (hv_virt_xml()->xmlAddNextSibling)
#define xmlBufferContent (hv_virt_xml()->xmlBufferContent)
#define xmlBufferCreate (hv_virt_xml()->xmlBufferCreate)
#define xmlBufferFree (hv_virt_xml()->xmlBufferFree)
#define xmlDocDumpMemory (hv_virt_xml()->xmlDocDumpMemory)
#define xmlDocGetRootElement (hv_virt_xml()->xmlDocGetRootElement)
#define xmlDocSetRootElement (hv_virt_xml()->xmlDocSetRootElement)
#define xmlEncodeSpecialChars (hv_virt_xml()->xmlEncodeSpecialChars)
#define xmlFreeDoc (hv_virt_xml()->xmlFreeDoc)
#define xmlFreeNode (hv_virt_xml()->xmlFreeNode)
#define xmlGetLastChild (hv_virt_xml()->xmlGetLastChild)
#define xmlGetNoNsProp (hv_virt_xml()->xmlGetNoNsProp)
#define xmlNewChild (hv_virt_xml()->xmlNewChild)
#define xmlNewDoc (hv_virt_xml()->xmlNewDoc)
#define xmlNewNode (hv_virt_xml()->xmlNewNode)
#define xmlNewNs (hv_virt_xml()->xmlNewNs)
#define xmlNodeDump (hv_virt_xml()->xmlNodeDump)
#define xmlNodeGetContent (hv_virt_xml()->xmlNodeGetContent)
#define xmlNodeSetContent (hv_virt_xml()->xmlNodeSetContent)
#define xmlReadMemory (hv_virt_xml()->xmlReadMemory)
#define xmlSetGenericErrorFunc (hv_virt_xml()->xmlSetGenericErrorFunc)
#define xmlSetNs (hv_virt_xml()->xmlSetNs)
#define xmlSetProp (hv_virt_xml()->xmlSetProp)
#define xmlStrcmp (hv_virt_xml()->xmlStrcmp)
#define xmlUnlinkNode (hv_virt_xml()->xmlUnlinkNode)
#define xmlUnsetProp (hv_virt_xml()->xmlUnsetProp)
#define xmlGetProp (hv_virt_xml()->xmlGetProp)
#define xmlHasProp (hv_virt_xml()->xmlHasProp)
#define xmlNewProp (hv_virt_xml()->xmlNewProp)
#define xmlStrdup (hv_virt_xml()->xmlStrdup)
#define xmlNodeListGetString (hv_virt_xml()->xmlNodeListGetString)
#define xmlCopyNode (hv_virt_xml()->xmlCopyNode)
#define xmlReplaceNode (hv_virt_xml()->xmlReplaceNode)
#define xmlNewText (hv_virt_xml()->xmlNewText)
#define xmlAddPrevSibling (hv_virt_xml()->xmlAddPrevSibling)
#define xmlNewDocNode (hv_virt_xml()->xmlNewDocNode)
#define xmlParseMemory (hv_virt_xml()->xmlParseMemory)
#define xmlDocDumpFormatMemory (hv_virt_xml()->xmlDocDumpFormatMemory)
#define xmlFirstElementChild (hv_virt_xml()->xmlFirstElementChild)
#define xmlNextElementSibling (hv_virt_xml()->xmlNextElementSibling)
#define xmlGetNsProp (hv_virt_xml()->xmlGetNsProp)
#define xmlSearchNs (hv_virt_xml()->xmlSearchNs)
#define xmlSearchNsByHref (hv_virt_xml()->xmlSearchNsByHref)
#define xmlNodeGetBase (hv_virt_xml()->xmlNodeGetBase)
#undef xmlFree
#define xmlFree (*hv_virt_xml()->free_var)
#define __xmlGenericError (hv_virt_xml()->__xmlGenericError)
#define __xmlGenericErrorContext (hv_virt_xml()->__xmlGenericErrorContext)
#endif

#endif
