/* xml_members.c — .NET member table of the System.Xml node types hvsh implements.
 * Only members data_xml.c's get_member/call_method hooks answer are listed, with the
 * definitions pwsh's Get-Member shows for them. */
#include "cmdlets/xml_members.h"

#include <stddef.h>
#include <string.h>

#define ALL HVC_XM_NODE
#define DOC HVC_XM_DOC
#define ELEM HVC_XM_ELEM
#define XN "System.Xml.XmlNode"

const hvc_xml_member hvc_xml_members[] = {
    /* ---- methods ---- */
    {"AppendChild", "Method", XN " AppendChild(" XN " newChild)", ALL},
    {"Clone", "Method", XN " Clone(), System.Object ICloneable.Clone()", ALL},
    {"CloneNode", "Method", XN " CloneNode(bool deep)", ALL},
    {"CreateAttribute", "Method",
     "System.Xml.XmlAttribute CreateAttribute(string name), System.Xml.XmlAttribute "
     "CreateAttribute(string qualifiedName, string namespaceURI), System.Xml.XmlAttribute "
     "CreateAttribute(string prefix, string localName, string namespaceURI)",
     DOC},
    {"CreateCDataSection", "Method", "System.Xml.XmlCDataSection CreateCDataSection(string data)",
     DOC},
    {"CreateComment", "Method", "System.Xml.XmlComment CreateComment(string data)", DOC},
    {"CreateElement", "Method",
     "System.Xml.XmlElement CreateElement(string name), System.Xml.XmlElement "
     "CreateElement(string qualifiedName, string namespaceURI), System.Xml.XmlElement "
     "CreateElement(string prefix, string localName, string namespaceURI)",
     DOC},
    {"CreateTextNode", "Method", "System.Xml.XmlText CreateTextNode(string text)", DOC},
    {"CreateXmlDeclaration", "Method",
     "System.Xml.XmlDeclaration CreateXmlDeclaration(string version, string encoding, "
     "string standalone)",
     DOC},
    {"GetAttribute", "Method",
     "string GetAttribute(string name), string GetAttribute(string localName, "
     "string namespaceURI)",
     ELEM},
    {"GetAttributeNode", "Method",
     "System.Xml.XmlAttribute GetAttributeNode(string name), System.Xml.XmlAttribute "
     "GetAttributeNode(string localName, string namespaceURI)",
     ELEM},
    {"GetElementsByTagName", "Method",
     "System.Xml.XmlNodeList GetElementsByTagName(string name), System.Xml.XmlNodeList "
     "GetElementsByTagName(string localName, string namespaceURI)",
     DOC | ELEM},
    {"HasAttribute", "Method",
     "bool HasAttribute(string name), bool HasAttribute(string localName, "
     "string namespaceURI)",
     ELEM},
    {"ImportNode", "Method", XN " ImportNode(" XN " node, bool deep)", DOC},
    {"InsertAfter", "Method", XN " InsertAfter(" XN " newChild, " XN " refChild)", ALL},
    {"InsertBefore", "Method", XN " InsertBefore(" XN " newChild, " XN " refChild)", ALL},
    {"Load", "Method",
     "void Load(string filename), void Load(System.IO.Stream inStream), "
     "void Load(System.IO.TextReader txtReader), void Load(System.Xml.XmlReader reader)",
     DOC},
    {"LoadXml", "Method", "void LoadXml(string xml)", DOC},
    {"PrependChild", "Method", XN " PrependChild(" XN " newChild)", ALL},
    {"RemoveAll", "Method", "void RemoveAll()", ALL},
    {"RemoveAllAttributes", "Method", "void RemoveAllAttributes()", ELEM},
    {"RemoveAttribute", "Method",
     "void RemoveAttribute(string name), void RemoveAttribute(string localName, "
     "string namespaceURI)",
     ELEM},
    {"RemoveChild", "Method", XN " RemoveChild(" XN " oldChild)", ALL},
    {"ReplaceChild", "Method", XN " ReplaceChild(" XN " newChild, " XN " oldChild)", ALL},
    {"Save", "Method",
     "void Save(string filename), void Save(System.IO.Stream outStream), "
     "void Save(System.IO.TextWriter writer), void Save(System.Xml.XmlWriter w)",
     DOC},
    {"SelectNodes", "Method",
     "System.Xml.XmlNodeList SelectNodes(string xpath), System.Xml.XmlNodeList "
     "SelectNodes(string xpath, System.Xml.XmlNamespaceManager nsmgr)",
     ALL},
    {"SelectSingleNode", "Method",
     XN " SelectSingleNode(string xpath), " XN
        " SelectSingleNode(string xpath, System.Xml.XmlNamespaceManager nsmgr)",
     ALL},
    {"SetAttribute", "Method",
     "void SetAttribute(string name, string value), string SetAttribute(string localName, "
     "string namespaceURI, string value)",
     ELEM},
    {"SetAttributeNode", "Method",
     "System.Xml.XmlAttribute SetAttributeNode(System.Xml.XmlAttribute newAttr), "
     "System.Xml.XmlAttribute SetAttributeNode(string localName, string namespaceURI)",
     ELEM},
    /* ---- properties ---- */
    {"Attributes", "Property", "System.Xml.XmlAttributeCollection Attributes {get;}", ALL},
    {"BaseURI", "Property", "string BaseURI {get;}", ALL},
    {"ChildNodes", "Property", "System.Xml.XmlNodeList ChildNodes {get;}", ALL},
    {"Data", "Property", "string Data {get;set;}", HVC_XM_CHAR | HVC_XM_PI},
    {"DocumentElement", "Property", "System.Xml.XmlElement DocumentElement {get;}", DOC},
    {"Encoding", "Property", "string Encoding {get;set;}", HVC_XM_DECL},
    {"FirstChild", "Property", XN " FirstChild {get;}", ALL},
    {"HasAttributes", "Property", "bool HasAttributes {get;}", ELEM},
    {"HasChildNodes", "Property", "bool HasChildNodes {get;}", ALL},
    {"InnerText", "Property", "string InnerText {get;set;}", ALL},
    {"InnerXml", "Property", "string InnerXml {get;set;}", ALL},
    {"IsEmpty", "Property", "bool IsEmpty {get;set;}", ELEM},
    {"IsReadOnly", "Property", "bool IsReadOnly {get;}", ALL},
    {"LastChild", "Property", XN " LastChild {get;}", ALL},
    {"LocalName", "Property", "string LocalName {get;}", ALL},
    {"Name", "Property", "string Name {get;}", ALL},
    {"NamespaceURI", "Property", "string NamespaceURI {get;}", ALL},
    {"NameTable", "Property", "System.Xml.XmlNameTable NameTable {get;}", DOC},
    {"NextSibling", "Property", XN " NextSibling {get;}", ALL},
    {"NodeType", "Property", "System.Xml.XmlNodeType NodeType {get;}", ALL},
    {"OuterXml", "Property", "string OuterXml {get;}", ALL},
    {"OwnerDocument", "Property", "System.Xml.XmlDocument OwnerDocument {get;}", ALL},
    {"OwnerElement", "Property", "System.Xml.XmlElement OwnerElement {get;}", HVC_XM_ATTR},
    {"ParentNode", "Property", XN " ParentNode {get;}", ALL},
    {"Prefix", "Property", "string Prefix {get;set;}", ALL},
    {"PreserveWhitespace", "Property", "bool PreserveWhitespace {get;set;}", DOC},
    {"PreviousSibling", "Property", XN " PreviousSibling {get;}", ALL},
    {"Specified", "Property", "bool Specified {get;}", HVC_XM_ATTR},
    {"Standalone", "Property", "string Standalone {get;set;}", HVC_XM_DECL},
    {"Target", "Property", "string Target {get;}", HVC_XM_PI},
    {"Value", "Property", "string Value {get;set;}", ALL},
    {"Version", "Property", "string Version {get;}", HVC_XM_DECL},
    {NULL, NULL, NULL, 0},
};

unsigned
hvc_xml_kind_of(const char *type_name)
{
    static const struct {
        const char *tn;
        unsigned kind;
    } map[] = {
        {"System.Xml.XmlDocument", DOC},
        {"System.Xml.XmlElement", ELEM},
        {"System.Xml.XmlAttribute", HVC_XM_ATTR},
        {"System.Xml.XmlText", HVC_XM_CHAR},
        {"System.Xml.XmlCDataSection", HVC_XM_CHAR},
        {"System.Xml.XmlComment", HVC_XM_CHAR},
        {"System.Xml.XmlWhitespace", HVC_XM_CHAR},
        {"System.Xml.XmlProcessingInstruction", HVC_XM_PI},
        {"System.Xml.XmlDeclaration", HVC_XM_DECL},
        {"System.Xml.XmlDocumentType", HVC_XM_NODE},
    };
    if (!type_name)
        return 0;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(map[i].tn, type_name) == 0)
            return map[i].kind;
    return 0;
}
