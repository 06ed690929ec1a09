/* data_xml.h — the XML object model (System.Xml.XmlDocument and its nodes over libxml2),
 * shared by the XML cmdlets (Select-Xml, ConvertTo-Xml) and registered with the runtime
 * as the [xml] conversion (see hv_conv_set_xml_hooks). */
#ifndef HVC_DATA_XML_H
#define HVC_DATA_XML_H

#include "pipeline/cmdlet.h"

/* Parses text into an XmlDocument object; on failure returns HV_NULL with .NET's message
 * ("Data at the root level is invalid. Line 1, position 1.") in why. */
hv_value hvc_xml_parse(const char *text, size_t len, char *why, size_t whysz);
/* Same, keeping whitespace-only text (PreserveWhitespace). */
hv_value hvc_xml_parse_ex(const char *text, size_t len, bool preserve_ws, char *why,
                          size_t whysz);
/* A node's Value, or its InnerXml when Value is null (SelectXmlInfo.ToString). */
hv_value hvc_xml_value_or_inner(const hv_value *node);
/* True when v is an XmlNode (document, element, attribute, text...). */
bool hvc_xml_is_node(const hv_value *v);
/* XPath from node: an array of node objects; false with .NET's message in why. ns: a
 * hashtable prefix -> namespace URI, or NULL. */
bool hvc_xml_select(const hv_value *node, const char *xpath, const hv_value *ns, hv_value *out,
                    char *why, size_t whysz);
/* OuterXml of a node (new string). */
hv_value hvc_xml_outer(const hv_value *node);
/* The ".NET XPath" to show in SelectXmlInfo.Pattern etc. is the caller's. Name of a node. */
hv_value hvc_xml_name(const hv_value *node);
/* A document built by the caller: root element name; returns the document and sets *root
 * to the root element object; hvc_xml_add_elem appends a child element (text may be NULL)
 * and returns it; hvc_xml_set_attr sets an attribute. */
hv_value hvc_xml_new_doc(const char *root_name, hv_value *root);
hv_value hvc_xml_add_elem(hv_value *parent, const char *name, const char *text);
void hvc_xml_set_attr(hv_value *elem, const char *name, const char *value);
/* The document text as Save() writes it (indented), without a trailing newline. */
hv_value hvc_xml_indented(const hv_value *doc);

/* CLIXML text -> the deserialized top-level objects (HV_ARRAY); HV_NULL with why on error. */
hv_value hvc_clixml_read(const char *text, size_t len, char *why, size_t whysz);

extern const hv_module_def hv_mod_utility_xml;

#endif
