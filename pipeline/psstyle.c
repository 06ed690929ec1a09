/* psstyle.c — $PSStyle and $OutputEncoding (about_ANSI_Terminals). $PSStyle holds the ANSI
 * escape strings scripts splice into output ("$($PSStyle.Bold)x$($PSStyle.Reset)") and the
 * OutputRendering preference (Host/PlainText/Ansi), which assignments convert to the enum
 * and validate as pwsh does. */
#include "psstyle.h"

#include "convert.h"
#include "methods.h"

#include <stdio.h>
#include <string.h>

static const char *const rendering_names[] = {"Host", "PlainText", "Ansi"};
static const int32_t rendering_values[] = {0, 1, 2};
static const hv_enum_def rendering_enum = {
    .type_name = "System.Management.Automation.OutputRendering",
    .names = rendering_names, .values = rendering_values, .count = 3,
};
static const char *const progress_view_names[] = {"Minimal", "Classic"};
static const int32_t progress_view_values[] = {0, 1};
static const hv_enum_def progress_view_enum = {
    .type_name = "System.Management.Automation.ProgressView",
    .names = progress_view_names, .values = progress_view_values, .count = 2,
};

/* "\e[<code>m" */
static hv_value
sgr(const char *code)
{
    return hv_strf("\x1b[%sm", code);
}

/* FormatHyperlink(text, uri): the OSC 8 hyperlink sequence. */
static int
style_call(const hv_value *self, const char *name, const hv_value *args, size_t n,
           hv_value *out, char *err, size_t errsz)
{
    (void)self;
    (void)err;
    (void)errsz;
    if (!hv_str_eq_ci(name, "FormatHyperlink") || n != 2)
        return 0;
    hv_value t = hv_conv_to_string(&args[0], NULL), u = hv_conv_to_string(&args[1], NULL);
    *out = hv_strf("\x1b]8;;%s\x1b\\%s\x1b]8;;\x1b\\", hv_str_cstr(&u), hv_str_cstr(&t));
    hv_unref(t);
    hv_unref(u);
    return 1;
}

/* OutputRendering takes a name or number of the enum; the escape strings are read-only
 * properties of PSStyle, so assigning them is an error as in pwsh. */
static int
style_set(const hv_value *self, const char *name, const hv_value *v, char *err, size_t errsz)
{
    hv_value o = *self; /* same object: hv_obj_set mutates the shared bag */
    if (!hv_obj_get(self, name))
        return 0;
    if (!hv_str_eq_ci(name, "OutputRendering")) {
        snprintf(err, errsz, "'%s' is a ReadOnly property.", name);
        return -1;
    }
    hv_value e;
    hv_conv_err ce;
    if (!hv_conv_to_type(v, hv_type_lookup(rendering_enum.type_name), &e, &ce)) {
        snprintf(err, errsz, "Exception setting \"OutputRendering\": \"%s\"", ce.msg);
        return -1;
    }
    hv_obj_set(&o, "OutputRendering", e);
    return 1;
}

static const hv_obj_class style_class = {
    .type_name = "System.Management.Automation.PSStyle",
    .set_member = style_set,
    .call_method = style_call,
};

/* FromRgb(r, g, b) or FromRgb(0xRRGGBB): a 24-bit color sequence (38 = fg, 48 = bg). */
static int
color_call(const hv_value *self, const char *name, const hv_value *args, size_t n,
           hv_value *out, char *err, size_t errsz, int base)
{
    (void)self;
    if (!hv_str_eq_ci(name, "FromRgb") || (n != 1 && n != 3))
        return 0;
    int64_t c[3] = {0};
    for (size_t i = 0; i < n; i++) {
        hv_conv_err ce;
        if (!hv_conv_to_int64(&args[i], &c[i], &ce) || c[i] < 0 ||
            c[i] > (n == 1 ? 0xffffff : 255)) {
            snprintf(err, errsz,
                     "Exception calling \"FromRgb\" with \"%zu\" argument(s): \"%s\"", n,
                     "Value was either too large or too small for the color component.");
            return -1;
        }
    }
    if (n == 1) {
        int64_t rgb = c[0];
        c[0] = rgb >> 16 & 0xff, c[1] = rgb >> 8 & 0xff, c[2] = rgb & 0xff;
    }
    *out = hv_strf("\x1b[%d;2;%d;%d;%dm", base, (int)c[0], (int)c[1], (int)c[2]);
    return 1;
}

static int
fg_call(const hv_value *self, const char *name, const hv_value *args, size_t n, hv_value *out,
        char *err, size_t errsz)
{
    return color_call(self, name, args, n, out, err, errsz, 38);
}

static int
bg_call(const hv_value *self, const char *name, const hv_value *args, size_t n, hv_value *out,
        char *err, size_t errsz)
{
    return color_call(self, name, args, n, out, err, errsz, 48);
}

static const hv_obj_class fg_class = {
    .type_name = "System.Management.Automation.PSStyle+ForegroundColor",
    .call_method = fg_call,
};
static const hv_obj_class bg_class = {
    .type_name = "System.Management.Automation.PSStyle+BackgroundColor",
    .call_method = bg_call,
};
static const hv_obj_class formatting_class = {
    .type_name = "System.Management.Automation.PSStyle+FormattingData",
};
static const hv_obj_class progress_class = {
    .type_name = "System.Management.Automation.PSStyle+ProgressConfiguration",
};
static const hv_obj_class fileinfo_class = {
    .type_name = "System.Management.Automation.PSStyle+FileInfoFormatting",
};

/* The 16 console colors in PSStyle's property order, with their SGR foreground codes. */
static hv_value
colors(const hv_obj_class *cls, int offset)
{
    static const struct {
        const char *name;
        int code;
    } c[] = {{"Black", 30},   {"BrightBlack", 90},   {"White", 37},  {"BrightWhite", 97},
             {"Red", 31},     {"BrightRed", 91},     {"Magenta", 35}, {"BrightMagenta", 95},
             {"Blue", 34},    {"BrightBlue", 94},    {"Cyan", 36},   {"BrightCyan", 96},
             {"Green", 32},   {"BrightGreen", 92},   {"Yellow", 33}, {"BrightYellow", 93}};
    hv_value o = hv_obj_new(cls);
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        hv_obj_set(&o, c[i].name, hv_strf("\x1b[%dm", c[i].code + offset));
    return o;
}

static hv_value
formatting(void)
{
    static const char *const f[][2] = {
        {"FormatAccent", "32;1"}, {"ErrorAccent", "36;1"},   {"Error", "31;1"},
        {"Warning", "33;1"},      {"Verbose", "33;1"},       {"Debug", "33;1"},
        {"TableHeader", "32;1"},  {"CustomTableHeaderLabel", "32;1;3"},
        {"FeedbackName", "33"},   {"FeedbackText", "96"},    {"FeedbackAction", "97"}};
    hv_value o = hv_obj_new(&formatting_class);
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        hv_obj_set(&o, f[i][0], sgr(f[i][1]));
    return o;
}

hv_value
hv_psstyle_new(bool plain)
{
    hv_type_register_enum(&rendering_enum);
    hv_type_register_enum(&progress_view_enum);
    static const char *const attrs[][2] = {
        {"Reset", "0"},          {"BlinkOff", "25"},        {"Blink", "5"},
        {"BoldOff", "22"},       {"Bold", "1"},             {"DimOff", "22"},
        {"Dim", "2"},            {"Hidden", "8"},           {"HiddenOff", "28"},
        {"Reverse", "7"},        {"ReverseOff", "27"},      {"ItalicOff", "23"},
        {"Italic", "3"},         {"UnderlineOff", "24"},    {"Underline", "4"},
        {"StrikethroughOff", "29"}, {"Strikethrough", "9"}};
    hv_value s = hv_obj_new(&style_class);
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        hv_obj_set(&s, attrs[i][0], sgr(attrs[i][1]));
    hv_obj_set(&s, "OutputRendering", hv_enum(&rendering_enum, plain ? 1 : 0));
    hv_obj_set(&s, "Formatting", formatting());
    hv_value pr = hv_obj_new(&progress_class);
    hv_obj_set(&pr, "Style", sgr("33;1"));
    hv_obj_set(&pr, "MaxWidth", hv_int(120));
    hv_obj_set(&pr, "View", hv_enum(&progress_view_enum, 0));
    hv_obj_set(&pr, "UseOSCIndicator", hv_bool(false));
    hv_obj_set(&s, "Progress", pr);
    hv_value fi = hv_obj_new(&fileinfo_class);
    hv_obj_set(&fi, "Directory", sgr("44;1"));
    hv_obj_set(&fi, "SymbolicLink", sgr("36;1"));
    hv_obj_set(&fi, "Executable", sgr("32;1"));
    hv_obj_set(&fi, "Extension", hv_table_new(0));
    hv_obj_set(&s, "FileInfo", fi);
    hv_obj_set(&s, "Foreground", colors(&fg_class, 0));
    hv_obj_set(&s, "Background", colors(&bg_class, 10));
    return s;
}

hv_value
hv_output_encoding_new(void)
{
    hv_value e = hv_null();
    const hv_type_info *t = hv_type_lookup("System.Text.Encoding");
    if (!t || !hv_methods_static_property(t, "UTF8", &e))
        return hv_null();
    return e;
}
