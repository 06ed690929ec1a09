/* util_help.c — Get-Help: help text generated from a command's hv_cmdlet_def (cmdlets and
 * the defs the runtime synthesizes for functions), in the layout of pwsh's help view:
 * NAME, SYNOPSIS, SYNTAX (one line per parameter set), DESCRIPTION, PARAMETERS, INPUTS,
 * OUTPUTS, EXAMPLES, RELATED LINKS, REMARKS. The output is one string. */
#include "cmdlets/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IND "    "

/* Bits the runtime sets in the defs it synthesizes for functions (pipeline/internal.h:
 * HV_CF_FUNCTION, HV_CF_ADVANCED); cmdlets cannot include that header. */
#define HELP_CF_FUNCTION (1u << 8)
#define HELP_CF_ADVANCED (1u << 9)

static bool
is_function(const hv_cmdlet_def *d)
{
    return (d->flags & HELP_CF_FUNCTION) != 0;
}

/* A function with comment-based help is documented like a cmdlet; one without shows the
 * Get-Command -Syntax form (keyword type names, no common parameters unless advanced). */
static bool
plain_function(const hv_cmdlet_def *d)
{
    return is_function(d) && !(d->synopsis && d->synopsis[0]);
}

static bool
has_common(const hv_cmdlet_def *d)
{
    if (d->flags & HV_CF_NO_COMMON)
        return false;
    return !plain_function(d) || (d->flags & HELP_CF_ADVANCED);
}

/* Get-Command -Syntax spells function parameter types in C# keyword form. */
static const char *
type_keyword(const char *t)
{
    static const char *const map[][2] = {
        {"String", "string"},       {"String[]", "string[]"},   {"Int32", "int"},
        {"Int32[]", "int[]"},       {"Int64", "long"},          {"Int64[]", "long[]"},
        {"Boolean", "bool"},        {"Byte", "byte"},           {"UInt16", "ushort"},
        {"UInt32", "uint"},         {"UInt64", "ulong"},        {"Double", "double"},
        {"ScriptBlock", "scriptblock"}, {"Hashtable", "hashtable"}, {"DateTime", "datetime"},
        {"TimeSpan", "timespan"},   {"SwitchParameter", "switch"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i][0], t) == 0)
            return map[i][1];
    return t;
}

/* ---- type names ---- */
static const char *
type_short(const hv_param_def *p)
{
    bool arr = p->flags & HV_PF_ARRAY;
    switch (p->type) {
    case HV_PT_STRING:
        return arr ? "String[]" : "String";
    case HV_PT_BOOL:
        return arr ? "Boolean[]" : "Boolean";
    case HV_PT_SWITCH:
        return "SwitchParameter";
    case HV_PT_INT32:
        return arr ? "Int32[]" : "Int32";
    case HV_PT_INT64:
        return arr ? "Int64[]" : "Int64";
    case HV_PT_UINT8:
        return arr ? "Byte[]" : "Byte";
    case HV_PT_UINT16:
        return arr ? "UInt16[]" : "UInt16";
    case HV_PT_UINT32:
        return arr ? "UInt32[]" : "UInt32";
    case HV_PT_UINT64:
        return arr ? "UInt64[]" : "UInt64";
    case HV_PT_DOUBLE:
        return arr ? "Double[]" : "Double";
    case HV_PT_ENUM:
        if (p->enum_def && p->enum_def->type_name) {
            const char *d = strrchr(p->enum_def->type_name, '.');
            return d ? d + 1 : p->enum_def->type_name;
        }
        return arr ? "String[]" : "String";
    case HV_PT_SCRIPTBLOCK:
        return arr ? "ScriptBlock[]" : "ScriptBlock";
    case HV_PT_HASHTABLE:
        return arr ? "Hashtable[]" : "Hashtable";
    case HV_PT_DATETIME:
        return arr ? "DateTime[]" : "DateTime";
    case HV_PT_TIMESPAN:
        return arr ? "TimeSpan[]" : "TimeSpan";
    default:
        /* pipeline input parameters are PSObject in pwsh's own cmdlets */
        if (p->flags & HV_PF_BY_VALUE)
            return arr ? "PSObject[]" : "PSObject";
        return arr ? "Object[]" : "Object";
    }
}

static const char *
type_full(const hv_param_def *p, char *buf, size_t n)
{
    const char *s = type_short(p);
    if (p->type == HV_PT_SWITCH) {
        snprintf(buf, n, "SwitchParameter");
        return buf;
    }
    if (p->type == HV_PT_ENUM && p->enum_def && p->enum_def->type_name) {
        snprintf(buf, n, "%s%s", p->enum_def->type_name, (p->flags & HV_PF_ARRAY) ? "[]" : "");
        return buf;
    }
    if (p->type == HV_PT_HASHTABLE)
        snprintf(buf, n, "System.Collections.%s", s);
    else if (p->type == HV_PT_SCRIPTBLOCK || strncmp(s, "PSObject", 8) == 0)
        snprintf(buf, n, "System.Management.Automation.%s", s);
    else
        snprintf(buf, n, "System.%s", s);
    return buf;
}

static size_t
nparams(const hv_cmdlet_def *d)
{
    size_t n = 0;
    while (d->params && d->params[n].name)
        n++;
    return n;
}

static int
nsets(const hv_cmdlet_def *d)
{
    int n = 0;
    while (d->sets && d->sets[n])
        n++;
    return n ? n : 1;
}

static bool
in_set(const hv_param_def *p, int set)
{
    return p->sets == HV_ALL_SETS || (p->sets & HV_SET(set));
}

static bool
mandatory_in(const hv_param_def *p, int set)
{
    if (!(p->flags & HV_PF_MANDATORY))
        return false;
    return p->mandatory_sets == 0 || (p->mandatory_sets & HV_SET(set));
}

/* The type part of a syntax entry: "<String>" or "{A | B}" for a set of values. */
static void
syntax_type(hv_buf *b, const hv_cmdlet_def *d, const hv_param_def *p)
{
    if (p->type == HV_PT_SWITCH)
        return;
    hv_buf_putc(b, ' ');
    if (p->accepted) {
        hv_buf_putc(b, '{');
        for (size_t i = 0; p->accepted[i]; i++) {
            if (i)
                hv_buf_puts(b, " | ");
            hv_buf_puts(b, p->accepted[i]);
        }
        hv_buf_putc(b, '}');
        return;
    }
    hv_buf_printf(b, "<%s>", plain_function(d) ? type_keyword(type_short(p)) : type_short(p));
}

static void
syntax_line(hv_buf *b, const hv_cmdlet_def *d, int set)
{
    size_t np = nparams(d);
    hv_buf_puts(b, d->name);
    /* positional parameters by position, then the named ones in table order */
    for (int pos = 0; pos < 64; pos++)
        for (size_t i = 0; i < np; i++) {
            const hv_param_def *p = &d->params[i];
            if (p->position != pos || !in_set(p, set))
                continue;
            bool m = mandatory_in(p, set);
            hv_buf_puts(b, m ? " [-" : " [[-");
            hv_buf_puts(b, p->name);
            hv_buf_putc(b, ']');
            syntax_type(b, d, p);
            if (!m)
                hv_buf_putc(b, ']');
        }
    for (size_t i = 0; i < np; i++) {
        const hv_param_def *p = &d->params[i];
        if (p->position != HV_POS_NAMED || !in_set(p, set))
            continue;
        bool m = mandatory_in(p, set);
        hv_buf_puts(b, m ? " -" : " [-");
        hv_buf_puts(b, p->name);
        syntax_type(b, d, p);
        if (!m)
            hv_buf_putc(b, ']');
    }
    if (d->flags & HV_CF_SHOULD_PROCESS)
        hv_buf_puts(b, " [-WhatIf] [-Confirm]");
    if (has_common(d))
        hv_buf_puts(b, " [<CommonParameters>]");
    hv_buf_puts(b, "\n");
}

/* Word-wrapped paragraph text at `indent`, lines no longer than width. */
static void
wrap_text(hv_buf *b, const char *text, const char *indent, int width)
{
    int avail = width - (int)strlen(indent) - 1;
    if (avail < 20)
        avail = 20;
    const char *p = text;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t ln = eol ? (size_t)(eol - p) : strlen(p);
        if (ln == 0) {
            hv_buf_puts(b, indent);
            hv_buf_putc(b, '\n');
        }
        size_t i = 0;
        while (i < ln) {
            size_t take = ln - i;
            if ((int)hv_utf16_len(p + i, take) > avail) {
                size_t cut = 0, j = 0;
                while (j < take && (int)hv_utf16_len(p + i, j) <= avail) {
                    if (p[i + j] == ' ')
                        cut = j;
                    j++;
                }
                take = cut ? cut : (size_t)avail;
            }
            hv_buf_puts(b, indent);
            hv_buf_put(b, p + i, take);
            hv_buf_putc(b, '\n');
            i += take;
            while (i < ln && p[i] == ' ')
                i++;
        }
        p += ln;
        if (*p == '\n')
            p++;
    }
}

/* Required? true when mandatory in every set it belongs to */
static bool
param_required(const hv_cmdlet_def *d, const hv_param_def *p)
{
    if (!(p->flags & HV_PF_MANDATORY))
        return false;
    for (int s = 0; s < nsets(d); s++)
        if (in_set(p, s) && !mandatory_in(p, s))
            return false;
    return true;
}

static const char *
param_pipe(const hv_param_def *p)
{
    if ((p->flags & HV_PF_BY_VALUE) && (p->flags & HV_PF_BY_PROPERTY_NAME))
        return "True (ByPropertyName, ByValue)";
    if (p->flags & HV_PF_BY_VALUE)
        return "True (ByValue)";
    if (p->flags & HV_PF_BY_PROPERTY_NAME)
        return "True (ByPropertyName)";
    return "false";
}

static void
param_block(hv_buf *b, const hv_cmdlet_def *d, const hv_param_def *p, int width)
{
    char tb[160];
    if (p->type == HV_PT_SWITCH)
        hv_buf_printf(b, IND "-%s [<SwitchParameter>]\n", p->name);
    else
        hv_buf_printf(b, IND "-%s <%s>\n", p->name, type_full(p, tb, sizeof tb));
    if (p->help && p->help[0])
        wrap_text(b, p->help, IND IND, width);
    hv_buf_puts(b, IND IND "\n");
    bool req = param_required(d, p);
    hv_buf_printf(b, IND IND "Required?                    %s\n", req ? "true" : "false");
    if (p->position == HV_POS_NAMED)
        hv_buf_puts(b, IND IND "Position?                    named\n");
    else
        hv_buf_printf(b, IND IND "Position?                    %d\n", p->position);
    hv_buf_puts(b, IND IND "Default value                ");
    hv_buf_puts(b, p->type == HV_PT_SWITCH ? "False" : "None");
    hv_buf_putc(b, '\n');
    hv_buf_printf(b, IND IND "Accept pipeline input?       %s\n", param_pipe(p));
    hv_buf_puts(b, IND IND "Aliases                      ");
    if (p->aliases && p->aliases[0]) {
        for (size_t i = 0; p->aliases[i]; i++) {
            if (i)
                hv_buf_puts(b, ", ");
            hv_buf_puts(b, p->aliases[i]);
        }
    } else {
        hv_buf_puts(b, "none");
    }
    hv_buf_putc(b, '\n');
    if (p->accepted) {
        hv_buf_puts(b, IND IND "Accepted values              ");
        for (size_t i = 0; p->accepted[i]; i++) {
            if (i)
                hv_buf_puts(b, ", ");
            hv_buf_puts(b, p->accepted[i]);
        }
        hv_buf_putc(b, '\n');
    }
    hv_buf_printf(b, IND IND "Accept wildcard characters?  %s\n",
                  (p->flags & HV_PF_WILDCARDS) ? "true" : "false");
    hv_buf_puts(b, IND IND "\n");
}

static void
common_block(hv_buf *b)
{
    hv_buf_puts(b, IND "<CommonParameters>\n"
                   IND IND "This cmdlet supports the common parameters: Verbose, Debug,\n"
                   IND IND "ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"
                   IND IND "OutBuffer, PipelineVariable, and OutVariable. For more information, "
                   "see\n"
                   IND IND "about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216). \n"
                   IND "\n");
}

static void
examples_block(hv_buf *b, const hv_cmdlet_def *d, int width)
{
    if (!d->examples)
        return;
    for (size_t i = 0; d->examples[i].code || d->examples[i].title; i++) {
        const hv_example *e = &d->examples[i];
        if (e->title && e->title[0])
            hv_buf_printf(b, IND "---------- Example %zu: %s ----------\n", i + 1, e->title);
        else
            hv_buf_printf(b, IND "-------------------------- EXAMPLE %zu --------------------------\n",
                          i + 1);
        hv_buf_puts(b, IND "\n");
        if (e->code && is_function(d)) {
            hv_buf_puts(b, IND "PS > ");
            wrap_text(b, e->code, "", 100000);
        } else if (e->code) {
            wrap_text(b, e->code, IND, 100000);
        }
        hv_buf_puts(b, IND "\n");
        if (e->remarks && e->remarks[0]) {
            wrap_text(b, e->remarks, IND, width);
            hv_buf_puts(b, IND "\n");
        }
        hv_buf_puts(b, IND "\n");
    }
}

static const char *
cmd_kind_name(const hv_cmdinfo *ci)
{
    switch (ci->kind) {
    case HV_CMDK_CMDLET:
        return "Cmdlet";
    case HV_CMDK_FUNCTION:
        return "Function";
    case HV_CMDK_FILTER:
        return "Filter";
    case HV_CMDK_ALIAS:
        return "Alias";
    case HV_CMDK_SCRIPT:
        return "ExternalScript";
    default:
        return "Application";
    }
}

typedef enum { HV_HELP_DEFAULT, HV_HELP_DETAILED, HV_HELP_FULL, HV_HELP_EXAMPLES,
               HV_HELP_PARAMETER } help_view;

static void
render_help(hv_buf *b, const hv_cmdlet_def *d, help_view view, const hv_value *param_pat,
            int width)
{
    const char *name = d->name;
    bool is_cmdlet = !is_function(d);
    if (view == HV_HELP_PARAMETER) {
        size_t np = nparams(d);
        for (size_t i = 0; i < np; i++)
            if (hvc_u_match_any(param_pat, d->params[i].name)) {
                hv_buf_putc(b, '\n');
                param_block(b, d, &d->params[i], width);
            }
        return;
    }
    hv_buf_puts(b, "\nNAME\n" IND);
    hv_buf_puts(b, name);
    hv_buf_puts(b, "\n" IND "\n");
    if (d->synopsis && d->synopsis[0]) {
        hv_buf_puts(b, "SYNOPSIS\n");
        wrap_text(b, d->synopsis, IND, width);
        hv_buf_puts(b, IND "\n");
    }
    if (view == HV_HELP_EXAMPLES) {
        hv_buf_puts(b, IND "\n");
        examples_block(b, d, width);
        return;
    }
    if (d->synopsis && d->synopsis[0])
        hv_buf_puts(b, IND "\n");
    hv_buf_puts(b, "SYNTAX\n");
    for (int s = 0; s < nsets(d); s++)
    {
        /* one line per set, word-wrapped at the screen width like the rest of the view */
        hv_buf line = {0};
        if (s > 0)
            hv_buf_puts(b, IND "\n");
        syntax_line(&line, d, s);
        hv_buf_putc(&line, 0);
        wrap_text(b, line.data, IND, width);
        hv_buf_free(&line);
    }
    hv_buf_puts(b, IND "\n" IND "\n");
    if (d->description && d->description[0]) {
        hv_buf_puts(b, "DESCRIPTION\n");
        wrap_text(b, d->description, IND, width);
        hv_buf_puts(b, IND "\n");
    }
    if (view == HV_HELP_FULL || view == HV_HELP_DETAILED) {
        hv_buf_puts(b, "\nPARAMETERS\n");
        size_t np = nparams(d);
        for (size_t i = 0; i < np; i++)
            param_block(b, d, &d->params[i], width);
        if (d->flags & HV_CF_SHOULD_PROCESS) {
            hv_buf_puts(b, IND "-WhatIf [<SwitchParameter>]\n" IND IND
                           "Shows what would happen if the cmdlet runs. The cmdlet is not "
                           "run.\n" IND IND "\n");
            hv_buf_puts(b, IND "-Confirm [<SwitchParameter>]\n" IND IND
                           "Prompts you for confirmation before running the cmdlet.\n" IND IND
                           "\n");
        }
        if (has_common(d))
            common_block(b);
    }
    if (view == HV_HELP_FULL) {
        bool takes = false;
        for (size_t i = 0; i < nparams(d); i++)
            if (d->params[i].flags & (HV_PF_BY_VALUE | HV_PF_BY_PROPERTY_NAME))
                takes = true;
        hv_buf_puts(b, "INPUTS\n");
        if (takes)
            hv_buf_puts(b, IND "System.Object\n" IND IND "\n");
        else
            hv_buf_puts(b, IND "None\n" IND IND "\n");
        hv_buf_puts(b, IND "\nOUTPUTS\n");
        hv_buf_printf(b, IND "%s\n" IND IND "\n", d->output_type ? d->output_type : "None");
        hv_buf_puts(b, IND "\n");
    }
    if (view == HV_HELP_FULL || view == HV_HELP_DETAILED) {
        if (d->examples && (d->examples[0].code || d->examples[0].title))
            examples_block(b, d, width);
    }
    if (!is_cmdlet && !d->synopsis && !d->description) {
        hv_buf_puts(b, "ALIASES\n" IND "None\n" IND "\n\nREMARKS\n" IND "None\n\n");
        return;
    }
    if (d->online || view == HV_HELP_DEFAULT) {
        hv_buf_puts(b, "\nRELATED LINKS\n");
        if (d->online)
            hv_buf_printf(b, IND "Online Version: %s\n", d->online);
        hv_buf_putc(b, '\n');
    }
    if (view == HV_HELP_DEFAULT) {
        hv_buf_puts(b, "REMARKS\n");
        if (is_cmdlet || !plain_function(d)) {
            hv_buf_printf(b, IND "To see the examples, type: \"Get-Help %s -Examples\"\n", name);
            hv_buf_printf(b, IND "For more information, type: \"Get-Help %s -Detailed\"\n",
                          name);
            hv_buf_printf(b, IND "For technical information, type: \"Get-Help %s -Full\"\n",
                          name);
            if (d->online)
                hv_buf_printf(b, IND "For online help, type: \"Get-Help %s -Online\"\n", name);
        } else {
            hv_buf_puts(b, IND "None\n");
        }
        hv_buf_putc(b, '\n');
    }
}

/* ---- Get-Help cmdlet ---- */
enum { GH_SET_ALLUSERS, GH_SET_DETAILED, GH_SET_EXAMPLES, GH_SET_PARAMETERS, GH_SET_ONLINE };
enum { GH_NAME, GH_PATH, GH_CATEGORY, GH_FULL, GH_DETAILED, GH_EXAMPLES, GH_PARAMETER,
       GH_ONLINE, GH_COMPONENT, GH_FUNCTIONALITY, GH_ROLE, GH__N };
static const hv_param_def gh_params[GH__N + 1] = {
    [GH_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0, .flags = HV_PF_WILDCARDS,
                 .help = "Gets help about the specified command or concept. Enter the name of a "
                         "cmdlet, function or alias. Wildcard characters list the matching "
                         "commands."},
    [GH_PATH] = {.name = "Path", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .help = "Gets help that explains how the cmdlet works in the specified "
                         "provider path."},
    [GH_CATEGORY] = {.name = "Category", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                     .flags = HV_PF_ARRAY,
                     .accepted = (const char *const[]){"Alias", "Cmdlet", "Provider",
                                                       "General", "FAQ", "Glossary",
                                                       "HelpFile", "ScriptCommand", "Function",
                                                       "Filter", "ExternalScript", "All",
                                                       "DefaultHelp", "DscResource", "Class",
                                                       "Configuration", NULL},
                     .help = "Displays help only for items in the specified category and their "
                             "aliases."},
    [GH_FULL] = {.name = "Full", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .sets = HV_SET(GH_SET_ALLUSERS),
                 .help = "Displays the entire help article for a cmdlet: parameter "
                         "descriptions and attributes, examples, input and output object "
                         "types, and related links."},
    [GH_DETAILED] = {.name = "Detailed", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .flags = HV_PF_MANDATORY, .sets = HV_SET(GH_SET_DETAILED),
                     .help = "Adds parameter descriptions and examples to the basic help "
                             "display."},
    [GH_EXAMPLES] = {.name = "Examples", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .flags = HV_PF_MANDATORY, .sets = HV_SET(GH_SET_EXAMPLES),
                     .help = "Displays only the name, synopsis, and examples."},
    [GH_PARAMETER] = {.name = "Parameter", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                      .flags = HV_PF_MANDATORY | HV_PF_ARRAY | HV_PF_WILDCARDS,
                      .sets = HV_SET(GH_SET_PARAMETERS),
                      .help = "Displays only the detailed descriptions of the specified "
                              "parameters. Wildcards are permitted."},
    [GH_ONLINE] = {.name = "Online", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .flags = HV_PF_MANDATORY, .sets = HV_SET(GH_SET_ONLINE),
                   .help = "Displays the online version of a help article. There is no "
                           "browser here: the address is written to the output."},
    [GH_COMPONENT] = {.name = "Component", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                      .flags = HV_PF_ARRAY,
                      .help = "Displays commands with the specified component value."},
    [GH_FUNCTIONALITY] = {.name = "Functionality", .type = HV_PT_STRING,
                          .position = HV_POS_NAMED, .flags = HV_PF_ARRAY,
                          .help = "Displays help for items with the specified functionality."},
    [GH_ROLE] = {.name = "Role", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                 .flags = HV_PF_ARRAY,
                 .help = "Displays help customized for the specified user role."},
    [GH__N] = {.name = NULL},
};

static const hv_obj_class gh_list_class = {
    .type_name = "HelpInfoShort",
    .table_view = (const hv_view_column[]){
        {.label = "Name", .property = "Name"},
        {.label = "Category", .property = "Category"},
        {.label = "Module", .property = "Module"},
        {.label = "Synopsis", .property = "Synopsis"},
        {0}},
};

/* The help object: its properties for scripts ((Get-Help x).Synopsis), its rendered text as
 * its ToString(), which is how the formatter shows it (empty default property set). */
static hv_value
help_to_string(const hv_value *self)
{
    const char *t = hv_obj_native(self);
    return hv_str(t ? t : "");
}

static const hv_obj_class help_class = {
    .type_name = "MamlCommandHelpInfo",
    .base_types = (const char *const[]){"HelpInfo", NULL},
    .default_props = (const char *const[]){NULL},
    .to_string = help_to_string,
    .finalize = free,
};

/* A paragraph of a help Description: pwsh's MamlParaTextItem, shown as its Text. */
static hv_value
para_to_string(const hv_value *self)
{
    const hv_value *t = hv_obj_get(self, "Text");
    return t ? hv_conv_to_string(t, NULL) : hv_str("");
}

static const hv_obj_class para_class = {
    .type_name = "MamlParaTextItem",
    .default_props = (const char *const[]){NULL},
    .to_string = para_to_string,
};

/* (Get-Help x).Description is an array of paragraph objects, one per blank-line-separated
 * paragraph of the text, each with a Text property. */
static hv_value
description_paras(const char *text)
{
    if (!text || !*text)
        return hv_null();
    hv_value arr = hv_array_new(2);
    const char *p = text;
    while (*p) {
        const char *e = strstr(p, "\n\n");
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len > 0) {
            char *t = hv_xmalloc(len + 1);
            memcpy(t, p, len);
            t[len] = 0;
            hv_value o = hv_obj_new(&para_class);
            hv_obj_set(&o, "Text", hv_str_take(t));
            hv_array_push(&arr, o);
        }
        if (!e)
            break;
        p = e + 2;
        while (*p == '\n')
            p++;
    }
    return arr;
}

static hv_status
gh_not_found(hv_cmd *cmd, const char *name)
{
    hv_value t = hv_str(name);
    hv_status st = hvc_u_error(cmd, HV_CAT_ResourceUnavailable, "HelpNotFound", &t,
                               "Get-Help could not find %s in a help file in this session. To "
                               "download updated help topics type: \"Update-Help\". To get "
                               "help online, search for the help topic in the TechNet library "
                               "at https:/go.microsoft.com/fwlink/?LinkID=107116.",
                               name);
    hv_unref(t);
    return st;
}

static const hv_obj_class param_help_class = {
    .type_name = "MamlCommandHelpInfo#parameter",
    .default_props = (const char *const[]){NULL},
    .to_string = help_to_string,
    .finalize = free,
};

/* One parameter's help as pwsh's -Parameter returns it: an object (name, type.name,
 * required, position, pipelineInput, globbing, description) shown as the parameter block. */
static hv_value
param_object(const hv_cmdlet_def *d, const hv_param_def *p, int width)
{
    hv_buf b = {0};
    hv_buf_putc(&b, '\n');
    param_block(&b, d, p, width);
    hv_buf_putc(&b, 0);
    size_t lead = 0;
    while (b.data[lead] == '\n')
        lead++;
    memmove(b.data, b.data + lead, b.len - lead);
    char tb[160];
    hv_value type = hv_obj_new(NULL);
    hv_obj_set(&type, "name",
               hv_str(p->type == HV_PT_SWITCH ? "SwitchParameter" : type_full(p, tb, sizeof tb)));
    hv_value o = hv_obj_new(&param_help_class);
    hv_obj_set(&o, "name", hv_str(p->name));
    hv_obj_set(&o, "type", type);
    hv_obj_set(&o, "required", hv_str(param_required(d, p) ? "true" : "false"));
    char pos[24];
    if (p->position == HV_POS_NAMED)
        snprintf(pos, sizeof pos, "named");
    else
        snprintf(pos, sizeof pos, "%d", p->position);
    hv_obj_set(&o, "position", hv_str(pos));
    hv_obj_set(&o, "pipelineInput", hv_str(param_pipe(p)));
    hv_obj_set(&o, "globbing", hv_str((p->flags & HV_PF_WILDCARDS) ? "true" : "false"));
    hv_obj_set(&o, "description", description_paras(p->help));
    hv_obj_set_native(&o, b.data);
    return o;
}

/* As pwsh: each -Parameter pattern in turn, its matches in declaration order, and a
 * non-terminating NoParmsFound error for a pattern that matches nothing. */
static hv_status
gh_parameters(hv_cmd *cmd, const hv_cmdlet_def *d, int width)
{
    const hv_value *pat = hv_cmd_arg(cmd, GH_PARAMETER);
    size_t npat = pat->kind == HV_ARRAY ? hv_array_len(pat) : 1;
    size_t np = nparams(d);
    hv_status st = HV_OK;
    for (size_t k = 0; k < npat && st == HV_OK; k++) {
        const hv_value *one = pat->kind == HV_ARRAY ? hv_array_at(pat, k) : pat;
        size_t found = 0;
        for (size_t i = 0; i < np && st == HV_OK; i++) {
            if (!hvc_u_match_any(one, d->params[i].name))
                continue;
            found++;
            st = hv_emit(cmd, param_object(d, &d->params[i], width));
        }
        if (st == HV_OK && found == 0) {
            char *name = hvc_u_cstr(one);
            st = hvc_u_error(cmd, HV_CAT_InvalidArgument, "NoParmsFound", NULL,
                             "No parameter matches criteria %s.", name);
            free(name);
        }
    }
    return st;
}

static hv_status
gh_end(hv_cmd *cmd)
{
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    const char *name = hvc_u_arg_str(cmd, GH_NAME);
    int width = hv_host_width(ctx);
    if (width <= 0)
        width = 120;
    if (!name)
        name = "Get-Help";
    if (hv_wildcard_has_meta(name)) {
        hv_cmdinfo *all = NULL;
        size_t n = hv_commands_list(ctx, false, &all);
        hv_status st = HV_OK;
        size_t found = 0;
        for (size_t i = 0; i < n && st == HV_OK; i++) {
            if (!hv_wildcard_match(name, all[i].name, false))
                continue;
            found++;
            hv_value o = hv_obj_new(&gh_list_class);
            hv_obj_set(&o, "Name", hv_str(all[i].name));
            hv_obj_set(&o, "Category", hv_str(cmd_kind_name(&all[i])));
            hv_obj_set(&o, "Module", hv_str(all[i].module ? all[i].module : ""));
            hv_obj_set(&o, "Synopsis",
                       hv_str(all[i].def && all[i].def->synopsis ? all[i].def->synopsis
                                                                 : all[i].name));
            st = hv_emit(cmd, o);
        }
        free(all);
        if (st == HV_OK && found == 0)
            return gh_not_found(cmd, name);
        return st;
    }
    hv_cmdinfo ci;
    memset(&ci, 0, sizeof ci);
    if (!hv_command_lookup(ctx, name, &ci) || !ci.def)
        return gh_not_found(cmd, name);
    const hv_cmdlet_def *d = ci.def;
    if (hv_cmd_set_index(cmd) == GH_SET_ONLINE) {
        if (!d->online)
            return hvc_u_error(cmd, HV_CAT_InvalidOperation, "InvalidOperation", NULL,
                               "The online version of this Help topic cannot be displayed "
                               "because the Internet address (URI) of the Help topic is not "
                               "specified in the command code or in the help file for the "
                               "command.");
        return hv_emit(cmd, hv_str(d->online));
    }
    help_view view = HV_HELP_DEFAULT;
    if (hv_cmd_switch(cmd, GH_FULL))
        view = HV_HELP_FULL;
    else if (hv_cmd_switch(cmd, GH_DETAILED))
        view = HV_HELP_DETAILED;
    else if (hv_cmd_switch(cmd, GH_EXAMPLES))
        view = HV_HELP_EXAMPLES;
    else if (hv_cmd_bound(cmd, GH_PARAMETER))
        view = HV_HELP_PARAMETER;
    if (view == HV_HELP_PARAMETER)
        return gh_parameters(cmd, d, width);
    hv_buf b = {0};
    render_help(&b, d, view, hv_cmd_arg(cmd, GH_PARAMETER), width);
    /* the formatter frames the text with the blank lines of a document */
    while (b.len > 1 && b.data[b.len - 1] == '\n' && b.data[b.len - 2] == '\n')
        b.len--;
    size_t lead = 0;
    while (lead < b.len && b.data[lead] == '\n')
        lead++;
    memmove(b.data, b.data + lead, b.len - lead);
    b.len -= lead;
    hv_buf_putc(&b, 0);
    hv_value o = hv_obj_new(&help_class);
    hv_obj_set(&o, "Name", hv_str(d->name));
    hv_obj_set(&o, "Category", hv_str(cmd_kind_name(&ci)));
    hv_obj_set(&o, "Synopsis", hv_str(d->synopsis ? d->synopsis : ""));
    hv_obj_set(&o, "Description", description_paras(d->description));
    hv_obj_set(&o, "ModuleName", hv_str(ci.module ? ci.module : ""));
    hv_obj_set_native(&o, b.data);
    return hv_emit(cmd, o);
}

const hv_cmdlet_def hvc_u_defs_help[] = {
    {
        .name = "Get-Help",
        .sets = (const char *const[]){"AllUsersView", "DetailedView", "Examples", "Parameters",
                                      "Online", NULL},
        .default_set = GH_SET_ALLUSERS,
        .params = gh_params,
        .ops = {.end = gh_end},
        .synopsis = "Displays information about PowerShell commands and concepts.",
        .description =
            "The Get-Help cmdlet displays information about PowerShell concepts and commands, "
            "including cmdlets, functions and scripts. The help of every built-in cmdlet is "
            "generated from the same table the parameter binder uses, so it always matches "
            "what the command accepts; functions get help from their param() block and "
            "comment-based help.\n\n"
            "Get-Help <cmdlet-name> displays basic help, -Detailed adds parameter descriptions "
            "and examples, -Full displays the entire help article, -Examples only the "
            "examples and -Parameter only the named parameters.",
        .output_type = "System.String",
        .examples = (const hv_example[]){
            {.title = "Display basic help information about a cmdlet",
             .code = "Get-Help New-VMSwitch"},
            {.title = "Display the whole help article",
             .code = "Get-Help New-NetIPAddress -Full"},
            {.title = "Display help about one parameter",
             .code = "Get-Help Set-VMProcessor -Parameter ExposeVirtualizationExtensions"},
            {.title = "List the commands matching a pattern",
             .code = "Get-Help *-VMSwitch"},
            {0}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.core/get-help?view=powershell-7.4&WT.mc_id=ps-gethelp",
    },
    {.name = NULL},
};
