/* xml_members.h — the .NET members of System.Xml nodes that hvsh's [xml] objects
 * (cmdlets/data_xml.c) implement, for Get-Member to list beside the adapted properties. */
#ifndef HVSH_CMDLETS_XML_MEMBERS_H
#define HVSH_CMDLETS_XML_MEMBERS_H

/* Node kinds a member belongs to (bits). */
enum {
    HVC_XM_NODE = 1u << 0, /* every XmlNode */
    HVC_XM_DOC = 1u << 1,
    HVC_XM_ELEM = 1u << 2,
    HVC_XM_ATTR = 1u << 3,
    HVC_XM_CHAR = 1u << 4, /* XmlCharacterData: text, CDATA, comment, whitespace */
    HVC_XM_PI = 1u << 5,
    HVC_XM_DECL = 1u << 6,
};

typedef struct {
    const char *name;
    const char *member_type; /* "Method" or "Property" */
    const char *def;         /* Get-Member definition (overloads joined by ", ") */
    unsigned kinds;          /* HVC_XM_* */
} hvc_xml_member;

/* {NULL}-terminated. */
extern const hvc_xml_member hvc_xml_members[];

/* The HVC_XM_* kind bit of a System.Xml type name ("System.Xml.XmlElement"), 0 if not a node. */
unsigned hvc_xml_kind_of(const char *type_name);

#endif
