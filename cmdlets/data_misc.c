/* data_misc.c — Get-Random, Get-Unique, Get-Host, New-Guid, Get-Culture, Get-UICulture,
 * ConvertTo-SecureString, ConvertFrom-SecureString.
 *
 * Get-Random follows pwsh's PolymorphicRandomNumberGenerator: with -SetSeed it draws its
 * bytes from .NET's seeded System.Random (the Knuth subtractive generator of
 * Net5CompatSeedImpl), so seeded sequences are reproducible; without, from getrandom().
 * SecureStrings keep their text in the native slot (not a visible property); on Unix pwsh
 * "protects" them as the hex of their UTF-16LE bytes, which ConvertFrom-SecureString
 * reproduces.
 */
#include "cmdlets/data.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

/* ---- random generator ---- */
typedef struct {
    bool seeded;
    int seed_array[56];
    int inext, inextp;
} rng;

static void
rng_seed(rng *r, int32_t seed)
{
    const int MBIG = INT32_MAX, MSEED = 161803398;
    int subtraction = seed == INT32_MIN ? INT32_MAX : abs(seed);
    int mj = MSEED - subtraction;
    r->seed_array[55] = mj;
    int mk = 1, ii = 0;
    for (int i = 1; i < 55; i++) {
        if ((ii += 21) >= 55)
            ii -= 55;
        r->seed_array[ii] = mk;
        mk = mj - mk;
        if (mk < 0)
            mk += MBIG;
        mj = r->seed_array[ii];
    }
    for (int k = 1; k < 5; k++) {
        for (int i = 1; i < 56; i++) {
            int n = i + 30;
            if (n >= 55)
                n -= 55;
            r->seed_array[i] -= r->seed_array[1 + n];
            if (r->seed_array[i] < 0)
                r->seed_array[i] += MBIG;
        }
    }
    r->inext = 0;
    r->inextp = 21;
    r->seeded = true;
}

static int
rng_knuth_sample(rng *r)
{
    int a = r->inext, b = r->inextp;
    if (++a >= 56)
        a = 1;
    if (++b >= 56)
        b = 1;
    int ret = r->seed_array[a] - r->seed_array[b];
    if (ret == INT32_MAX)
        ret--;
    if (ret < 0)
        ret += INT32_MAX;
    r->seed_array[a] = ret;
    r->inext = a;
    r->inextp = b;
    return ret;
}

static void
rng_bytes(rng *r, unsigned char *buf, size_t n)
{
    if (r->seeded) {
        for (size_t i = 0; i < n; i++)
            buf[i] = (unsigned char)rng_knuth_sample(r);
        return;
    }
    size_t got = 0;
    while (got < n) {
        ssize_t k = getrandom(buf + got, n - got, 0);
        if (k > 0)
            got += (size_t)k;
    }
}

/* pwsh's PolymorphicRandomNumberGenerator: every sample is built from NextBytes. */
static int32_t
rng_internal_sample(rng *r)
{
    unsigned char b[4];
    rng_bytes(r, b, 4);
    return (int32_t)((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
                     (uint32_t)b[3] << 24);
}

static int32_t
rng_next(rng *r)
{
    int32_t v;
    do
        v = rng_internal_sample(r);
    while (v == INT32_MAX);
    if (v < 0)
        v += INT32_MAX;
    return v;
}

static double
rng_double(rng *r)
{
    return rng_next(r) * (1.0 / INT32_MAX);
}

/* Next(minValue, maxValue) */
static int32_t
rng_next_range(rng *r, int32_t min, int32_t max)
{
    int64_t range = (int64_t)max - min;
    if (range <= INT32_MAX)
        return (int32_t)(rng_double(r) * (double)range) + min;
    double large;
    do
        large = rng_internal_sample(r);
    while (large == INT32_MAX);
    large += INT32_MAX;
    large *= 1.0 / (2.0 * (uint32_t)INT32_MAX);
    return (int32_t)((int64_t)(large * (double)range) + min);
}

/* GetRandomInt64 */
static int64_t
rng_int64(rng *r, int64_t min, int64_t max)
{
    if ((__int128)max - min <= INT32_MAX)
        return min + rng_next_range(r, 0, (int32_t)(max - min));
    uint64_t diff = (uint64_t)max - (uint64_t)min;
    int bits = 0;
    for (uint64_t d = diff; d; d >>= 1)
        bits++;
    uint64_t mask = bits == 64 ? UINT64_MAX : (UINT64_MAX >> (64 - bits));
    uint64_t v;
    do {
        unsigned char b[8];
        rng_bytes(r, b, 8);
        v = 0;
        for (int k = 7; k >= 0; k--)
            v = v << 8 | b[k];
        v &= mask;
    } while (diff <= v);
    return (int64_t)((double)min + (double)v);
}

/* GetRandomDouble */
static double
rng_double_range(rng *r, double min, double max)
{
    double v, diff = max - min;
    if (isinf(diff)) {
        do {
            double x = rng_double(r);
            v = min + x * max - x * min;
        } while (v >= max);
        return v;
    }
    do {
        double x = rng_double(r);
        v = min + x * diff;
        diff *= x;
    } while (v >= max);
    return v;
}

/* The generator lives as long as the runspace (pwsh keeps one per runspace, so -SetSeed
 * affects the following Get-Random calls too); hvsh runs one runspace per process. */
static rng *
session_rng(void)
{
    static rng generator;
    return &generator;
}

/* ---- Get-Random ---- */
enum { GR_SET_NUMBER, GR_SET_LIST, GR_SET_SHUFFLE };
enum { GR_SEED, GR_MAX, GR_MIN, GR_COUNT, GR_INPUT, GR_SHUFFLE, GR__N };

const hv_param_def hvc_getrandom_params[GR__N + 1] = {
    [GR_SEED] = {.name = "SetSeed", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                 .help = "Specifies a seed value for the random number generator. The same "
                         "seed gives the same sequence, also for later Get-Random commands."},
    [GR_MAX] = {.name = "Maximum", .type = HV_PT_ANY, .position = 0,
                .sets = HV_SET(GR_SET_NUMBER),
                .help = "Specifies a maximum value for the random number. The generated "
                        "number is less than this value. The default is Int32.MaxValue."},
    [GR_MIN] = {.name = "Minimum", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                .sets = HV_SET(GR_SET_NUMBER),
                .help = "Specifies a minimum value for the random number. The default is 0."},
    [GR_COUNT] = {.name = "Count", .type = HV_PT_INT32, .position = HV_POS_NAMED,
                  .sets = HV_SET(GR_SET_NUMBER) | HV_SET(GR_SET_LIST), .min = 1,
                  .max = INT32_MAX,
                  .help = "Specifies the number of random objects or numbers to return. With "
                          "-InputObject, the objects are distinct items of the collection."},
    [GR_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = 0,
                  .sets = HV_SET(GR_SET_LIST) | HV_SET(GR_SET_SHUFFLE),
                  .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE | HV_PF_ARRAY,
                  .help = "Specifies a collection of objects. Get-Random gets randomly "
                          "selected objects in random order from the collection."},
    [GR_SHUFFLE] = {.name = "Shuffle", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                    .sets = HV_SET(GR_SET_SHUFFLE), .flags = HV_PF_MANDATORY,
                    .help = "Returns the entire collection in a randomized order."},
    [GR__N] = {.name = NULL},
};

typedef struct {
    hv_value items;  /* chosen (reservoir) or all (-Shuffle) */
    int64_t processed;
} random_state;
_Static_assert(sizeof(random_state) <= HVC_MISC_STATE, "state size");

/* A -Minimum/-Maximum operand as pwsh's ProcessOperand sees it: strings are scanned as
 * numbers. Kind: 0 absent, 1 Int32, 2 Int64, 3 other (double path). */
static int
operand_kind(const hv_value *v, hv_value *num)
{
    *num = hv_null();
    if (!v || v->kind == HV_NULL)
        return 0;
    if (v->kind == HV_STRING) {
        if (!hv_conv_parse_number(hv_str_cstr(v), hv_str_len(v), num))
            return 3;
        v = num;
    } else {
        *num = *v;
    }
    if (v->kind == HV_INT && v->sub == HV_N_INT32)
        return 1;
    if (v->kind == HV_INT && v->sub == HV_N_INT64)
        return 2;
    return 3;
}

static hv_status
min_max_error(hv_cmd *cmd, const char *mn, const char *mx)
{
    return hvc_throw(cmd, HV_CAT_InvalidArgument, "MinGreaterThanOrEqualMax", NULL,
                     "The Minimum value (%s) cannot be greater than or equal to the Maximum "
                     "value (%s).", mn, mx);
}

static hv_status
random_numbers(hv_cmd *cmd)
{
    rng *r = session_rng();
    const hv_value *maxv = hv_cmd_arg(cmd, GR_MAX), *minv = hv_cmd_arg(cmd, GR_MIN);
    int64_t count = hvc_arg_int(cmd, GR_COUNT, 1);
    hv_value maxn, minn;
    int kmax = operand_kind(maxv, &maxn), kmin = operand_kind(minv, &minn);
    hv_conv_err err;
    hv_status st = HV_OK;
    if (kmax <= 1 && kmin <= 1) {
        int32_t mn = kmin ? (int32_t)minn.u.i : 0, mx = kmax ? (int32_t)maxn.u.i : INT32_MAX;
        if (mn >= mx) {
            char a[32], b[32];
            snprintf(a, sizeof a, "%d", mn);
            snprintf(b, sizeof b, "%d", mx);
            return min_max_error(cmd, a, b);
        }
        for (int64_t i = 0; i < count && st == HV_OK; i++)
            st = hv_emit(cmd, hv_int(rng_next_range(r, mn, mx)));
        return st;
    }
    if (kmax <= 2 && kmin <= 2) {
        int64_t mn = kmin ? minn.u.i : 0, mx = kmax ? maxn.u.i : INT64_MAX;
        if (mn >= mx) {
            char a[32], b[32];
            snprintf(a, sizeof a, "%lld", (long long)mn);
            snprintf(b, sizeof b, "%lld", (long long)mx);
            return min_max_error(cmd, a, b);
        }
        for (int64_t i = 0; i < count && st == HV_OK; i++)
            st = hv_emit(cmd, hv_long(rng_int64(r, mn, mx)));
        return st;
    }
    double mx = DBL_MAX, mn = 0;
    if ((maxv && maxv->kind != HV_NULL && !hv_conv_to_double(maxv, &mx, &err)) ||
        (minv && minv->kind != HV_NULL && !hv_conv_to_double(minv, &mn, &err)))
        return hvc_throw(cmd, HV_CAT_InvalidArgument, "InvalidArgument", NULL, "%s", err.msg);
    if (mn >= mx) {
        HV_AUTO hv_value a = hv_conv_to_string(&(hv_value){.kind = HV_DOUBLE, .u.d = mn}, NULL);
        HV_AUTO hv_value b = hv_conv_to_string(&(hv_value){.kind = HV_DOUBLE, .u.d = mx}, NULL);
        return min_max_error(cmd, hv_str_cstr(&a), hv_str_cstr(&b));
    }
    for (int64_t i = 0; i < count && st == HV_OK; i++)
        st = hv_emit(cmd, hv_double(rng_double_range(r, mn, mx)));
    return st;
}

hv_status
hvc_getrandom_begin(hv_cmd *cmd)
{
    if (hv_cmd_bound(cmd, GR_SEED))
        rng_seed(session_rng(), (int32_t)hvc_arg_int(cmd, GR_SEED, 0));
    return HV_OK;
}

hv_status
hvc_getrandom_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    random_state *s = hv_cmd_state(cmd);
    int set = hv_cmd_set_index(cmd);
    if (set == GR_SET_NUMBER)
        return HV_OK;
    if (s->items.kind != HV_ARRAY)
        s->items = hv_array_new(16);
    const hv_value *in = hv_cmd_arg(cmd, GR_INPUT);
    size_t n = in && in->kind == HV_ARRAY ? hv_array_len(in) : 1;
    int64_t count = hvc_arg_int(cmd, GR_COUNT, 1);
    rng *r = session_rng();
    for (size_t i = 0; i < n; i++) {
        hv_value item = in && in->kind == HV_ARRAY ? hv_ref(hv_array_at(in, i))
                                                   : (in ? hv_ref(in) : hv_null());
        if (set == GR_SET_SHUFFLE || s->processed < count) {
            hv_array_push(&s->items, item);
        } else if (rng_next_range(r, 0, (int32_t)(s->processed + 1)) < count) {
            /* reservoir sampling: every item ends up chosen with probability K/N */
            int32_t k = rng_next_range(r, 0, (int32_t)hv_array_len(&s->items));
            hv_array_set(&s->items, (size_t)k, item);
        } else {
            hv_unref(item);
        }
        s->processed++;
    }
    return HV_OK;
}

hv_status
hvc_getrandom_end(hv_cmd *cmd)
{
    random_state *s = hv_cmd_state(cmd);
    /* numbers: pwsh draws them in BeginProcessing; here the set is only certain once the
     * pipeline input (if any) has been bound, so they are drawn at the end */
    if (s->items.kind != HV_ARRAY)
        return hv_cmd_set_index(cmd) == GR_SET_NUMBER ? random_numbers(cmd) : HV_OK;
    size_t n = hv_array_len(&s->items);
    hv_value *it = hv_array_items(&s->items);
    rng *r = session_rng();
    hv_status st = HV_OK;
    /* a random permutation of the chosen items, drawn as pwsh does */
    for (size_t i = 0; i < n && st == HV_OK; i++) {
        size_t j = (size_t)rng_next_range(r, (int32_t)i, (int32_t)n);
        st = hv_emit(cmd, hv_ref(&it[j]));
        if (i != j) {
            hv_value t = it[j];
            it[j] = it[i];
            it[i] = t;
        }
    }
    return st;
}

void
hvc_getrandom_cleanup(hv_cmd *cmd)
{
    random_state *s = hv_cmd_state(cmd);
    hv_unrefp(&s->items);
}

/* ---- Get-Unique ---- */
enum { GU_SET_STRING, GU_SET_TYPE };
enum { GU_INPUT, GU_ASSTRING, GU_ONTYPE, GU_CI, GU__N };

const hv_param_def hvc_getunique_params[GU__N + 1] = {
    [GU_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = HV_POS_NAMED,
                  .flags = HV_PF_BY_VALUE,
                  .help = "Specifies input for Get-Unique. The list must be sorted: only "
                          "adjacent duplicates are removed."},
    [GU_ASSTRING] = {.name = "AsString", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .sets = HV_SET(GU_SET_STRING),
                     .help = "Uses the data as a string. Without this parameter, data is "
                             "treated as an object."},
    [GU_ONTYPE] = {.name = "OnType", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .sets = HV_SET(GU_SET_TYPE),
                   .help = "Returns only one object of each type."},
    [GU_CI] = {.name = "CaseInsensitive", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
               .help = "Indicates that this cmdlet uses case-insensitive comparison. By "
                       "default, comparisons are case-sensitive."},
    [GU__N] = {.name = NULL},
};

typedef struct {
    hv_value last;
    bool have;
} unique_state;
_Static_assert(sizeof(unique_state) <= HVC_MISC_STATE, "state size");

static bool
same(hv_cmd *cmd, const hv_value *a, const hv_value *b)
{
    bool ci = hv_cmd_switch(cmd, GU_CI);
    if (hv_cmd_switch(cmd, GU_ONTYPE))
        return strcmp(hv_type_name_of(a), hv_type_name_of(b)) == 0;
    if (hv_cmd_switch(cmd, GU_ASSTRING) || a->kind == HV_STRING || b->kind == HV_STRING ||
        a->kind == HV_OBJECT || b->kind == HV_OBJECT) {
        HV_AUTO hv_value sa = hv_conv_to_string(a, NULL);
        HV_AUTO hv_value sb = hv_conv_to_string(b, NULL);
        return ci ? hv_str_eq_ci(hv_str_cstr(&sa), hv_str_cstr(&sb))
                  : strcmp(hv_str_cstr(&sa), hv_str_cstr(&sb)) == 0;
    }
    return hv_op_equal(a, b, ci ? 0 : HV_OPF_CASE_SENSITIVE);
}

hv_status
hvc_getunique_process(hv_cmd *cmd, const hv_value *input)
{
    unique_state *s = hv_cmd_state(cmd);
    const hv_value *v = hv_cmd_arg(cmd, GU_INPUT);
    if (!v)
        v = input;
    if (s->have && same(cmd, &s->last, v))
        return HV_OK;
    hv_unref(s->last);
    s->last = hv_ref(v);
    s->have = true;
    if (hv_cmd_switch(cmd, GU_ASSTRING))
        return hv_emit(cmd, hv_conv_to_string(v, NULL));
    return hv_emit(cmd, hv_ref(v));
}

void
hvc_getunique_cleanup(hv_cmd *cmd)
{
    unique_state *s = hv_cmd_state(cmd);
    hv_unrefp(&s->last);
}

/* ---- New-Guid ---- */
enum { NG_EMPTY, NG__N };

const hv_param_def hvc_newguid_params[NG__N + 1] = {
    [NG_EMPTY] = {.name = "Empty", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .help = "Indicates that this cmdlet creates an empty GUID (all zeros)."},
    [NG__N] = {.name = NULL},
};

hv_status
hvc_newguid_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    unsigned char b[16] = {0};
    if (!hv_cmd_switch(cmd, NG_EMPTY)) {
        rng r = {.seeded = false};
        rng_bytes(&r, b, 16);
        b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 (bytes in text order) */
        b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    }
    return hv_emit(cmd, hv_guid_new(b));
}

/* ---- Get-Host ---- */
const hv_param_def hvc_gethost_params[1] = {{.name = NULL}};

hv_status
hvc_gethost_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_value o = hv_obj_new(NULL);
    hv_obj_add_typename(&o, "System.Management.Automation.Internal.Host.InternalHost");
    hv_obj_set(&o, "Name", hv_str("ConsoleHost"));
    hv_obj_set(&o, "Version", hv_version_new(7, 4, 6, -1));
    unsigned char b[16];
    rng r = {.seeded = false};
    rng_bytes(&r, b, 16);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
    hv_obj_set(&o, "InstanceId", hv_guid_new(b));
    hv_obj_set(&o, "UI", hv_str("System.Management.Automation.Internal.Host.InternalHostUserInterface"));
    hv_obj_set(&o, "CurrentCulture", hv_str("en-US"));
    hv_obj_set(&o, "CurrentUICulture", hv_str("en-US"));
    hv_obj_set(&o, "PrivateData", hv_str("Microsoft.PowerShell.ConsoleHost+ConsoleColorProxy"));
    hv_obj_set(&o, "DebuggerEnabled", hv_bool(true));
    hv_obj_set(&o, "IsRunspacePushed", hv_bool(false));
    hv_obj_set(&o, "Runspace", hv_str("System.Management.Automation.Runspaces.LocalRunspace"));
    return hv_emit(cmd, o);
}

/* ---- Get-Culture / Get-UICulture ---- */
static hv_value
culture_to_string(const hv_value *self)
{
    const hv_value *n = hv_obj_get(self, "Name");
    return n ? hv_ref(n) : hv_str("");
}

static const hv_view_column culture_view[] = {
    {.label = "LCID", .property = "LCID", .width = 16, .align = -1},
    {.label = "Name", .property = "Name", .width = 16, .align = -1},
    {.label = "DisplayName", .property = "DisplayName", .align = -1},
    {.label = NULL},
};
static const hv_obj_class culture_class = {
    .type_name = "System.Globalization.CultureInfo",
    .base_types = (const char *const[]){"System.Object", NULL},
    .table_view = culture_view,
    .to_string = culture_to_string,
};

enum { CU_NAME, CU_LIST, CU_NOUO, CU__N };

const hv_param_def hvc_getculture_params[CU__N + 1] = {
    [CU_NAME] = {.name = "Name", .type = HV_PT_STRING, .position = 0,
                 .help = "Specifies the name of the culture to get (en-US, or the invariant "
                         "culture with an empty name)."},
    [CU_LIST] = {.name = "ListAvailable", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Lists the cultures that are available (en-US and the invariant "
                         "culture)."},
    [CU_NOUO] = {.name = "NoUserOverrides", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                 .help = "Ignores the user changes for the current culture."},
    [CU__N] = {.name = NULL},
};

static hv_value
culture(bool invariant)
{
    hv_value o = hv_obj_new(&culture_class);
    hv_obj_set(&o, "Parent", hv_str(invariant ? "" : "en"));
    hv_obj_set(&o, "LCID", hv_int(invariant ? 127 : 1033));
    hv_obj_set(&o, "KeyboardLayoutId", hv_int(invariant ? 127 : 1033));
    hv_obj_set(&o, "Name", hv_str(invariant ? "" : "en-US"));
    hv_obj_set(&o, "IetfLanguageTag", hv_str(invariant ? "" : "en-US"));
    hv_obj_set(&o, "DisplayName", hv_str(invariant ? "Invariant Language (Invariant Country)"
                                                   : "English (United States)"));
    hv_obj_set(&o, "NativeName", hv_str(invariant ? "Invariant Language (Invariant Country)"
                                                  : "English (United States)"));
    hv_obj_set(&o, "EnglishName", hv_str(invariant ? "Invariant Language (Invariant Country)"
                                                   : "English (United States)"));
    hv_obj_set(&o, "TwoLetterISOLanguageName", hv_str(invariant ? "iv" : "en"));
    hv_obj_set(&o, "ThreeLetterISOLanguageName", hv_str(invariant ? "ivl" : "eng"));
    hv_obj_set(&o, "IsNeutralCulture", hv_bool(false));
    hv_obj_set(&o, "IsReadOnly", hv_bool(true));
    return o;
}

hv_status
hvc_getculture_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    if (hv_cmd_switch(cmd, CU_LIST)) {
        hv_status st = hv_emit(cmd, culture(true));
        return st == HV_OK ? hv_emit(cmd, culture(false)) : st;
    }
    const char *name = hvc_arg_str(cmd, CU_NAME);
    if (name && *name && !hv_str_eq_ci(name, "en-US") && !hv_str_eq_ci(name, "en"))
        return hvc_error(cmd, HV_CAT_InvalidArgument,
                         "ItemNotFoundException",
                         name, "Culture is not supported. (Parameter 'name')\n%s is an invalid "
                               "culture identifier.", name);
    return hv_emit(cmd, culture(name && !*name));
}

const hv_param_def hvc_getuiculture_params[1] = {{.name = NULL}};

hv_status
hvc_getuiculture_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    return hv_emit(cmd, culture(false));
}

/* ---- SecureString ---- */
static hv_value
secure_to_string(const hv_value *self)
{
    (void)self;
    return hv_str("System.Security.SecureString");
}

static const hv_obj_class secure_class = {
    .type_name = "System.Security.SecureString",
    .base_types = (const char *const[]){"System.Object", NULL},
    .to_string = secure_to_string,
    .finalize = free,
};

static hv_value
secure_new(const char *text, size_t len)
{
    hv_value o = hv_obj_new(&secure_class);
    hv_obj_set(&o, "Length", hv_int((int32_t)hv_utf16_len(text, len)));
    hv_obj_set_native(&o, hv_xstrndup(text, len));
    return o;
}

enum { TS_STRING, TS_PLAIN, TS_FORCE, TS_KEY, TS_SECUREKEY, TS__N };

const hv_param_def hvc_tosecure_params[TS__N + 1] = {
    [TS_STRING] = {.name = "String", .type = HV_PT_STRING, .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                   .help = "Specifies the string to convert to a secure string: plain text "
                           "with -AsPlainText, otherwise an encrypted standard string made by "
                           "ConvertFrom-SecureString."},
    /* pwsh: [Parameter(ParameterSetName="PlainText", Position=1)] — not mandatory; a switch
     * never binds positionally, so it is named here (SecureKey holds position 1 in Secure) */
    [TS_PLAIN] = {.name = "AsPlainText", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .sets = HV_SET(1),
                  .help = "Specifies a plain text string to convert to a secure string."},
    [TS_FORCE] = {.name = "Force", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .sets = HV_SET(1),
                  .help = "Confirms that you understand the implications of using the "
                          "AsPlainText parameter (accepted; not required since 7.0)."},
    [TS_KEY] = {.name = "Key", .type = HV_PT_UINT8, .position = HV_POS_NAMED,
                .flags = HV_PF_ARRAY, .sets = HV_SET(2),
                .help = "Specifies the encryption key (accepted; hvsh stores the text as pwsh "
                        "does on Unix without a key)."},
    [TS_SECUREKEY] = {.name = "SecureKey", .type = HV_PT_ANY, .position = 1,
                      .sets = HV_SET(0),
                      .help = "Specifies the encryption key as a secure string (accepted)."},
    [TS__N] = {.name = NULL},
};

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Hex of UTF-16LE code units back to UTF-8; false if s is not such a string. */
static bool
unhex_utf16(const char *s, hv_buf *out)
{
    size_t n = strlen(s);
    if (n % 4 != 0)
        return false;
    for (size_t i = 0; i < n; i += 4) {
        int h[4];
        for (int k = 0; k < 4; k++)
            if ((h[k] = hexval(s[i + (size_t)k])) < 0)
                return false;
        uint32_t cu = (uint32_t)(h[0] << 4 | h[1]) | (uint32_t)(h[2] << 4 | h[3]) << 8;
        if (cu >= 0xd800 && cu < 0xdc00 && i + 8 <= n) {
            int g[4];
            for (int k = 0; k < 4; k++)
                if ((g[k] = hexval(s[i + 4 + (size_t)k])) < 0)
                    return false;
            uint32_t lo = (uint32_t)(g[0] << 4 | g[1]) | (uint32_t)(g[2] << 4 | g[3]) << 8;
            cu = 0x10000 + ((cu - 0xd800) << 10) + (lo - 0xdc00);
            i += 4;
        }
        char u[4];
        hv_buf_put(out, u, hv_utf8_put(u, cu));
    }
    return true;
}

hv_status
hvc_tosecure_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const char *s = hvc_arg_str(cmd, TS_STRING);
    if (!s)
        s = "";
    if (hv_cmd_switch(cmd, TS_PLAIN))
        return hv_emit(cmd, secure_new(s, strlen(s)));
    hv_buf b = {0};
    if (!unhex_utf16(s, &b)) {
        hv_buf_free(&b);
        return hvc_error(cmd, HV_CAT_InvalidArgument,
                         "ImportSecureString_InvalidArgument",
                         s, "Input string was not in a correct format.");
    }
    hv_value o = secure_new(b.data ? b.data : "", b.len);
    hv_buf_free(&b);
    return hv_emit(cmd, o);
}

enum { FS_SECURE, FS_PLAIN, FS_KEY, FS_SECUREKEY, FS__N };

const hv_param_def hvc_fromsecure_params[FS__N + 1] = {
    [FS_SECURE] = {.name = "SecureString", .type = HV_PT_ANY, .position = 0,
                   .flags = HV_PF_MANDATORY | HV_PF_BY_VALUE,
                   .help = "Specifies the secure string to convert to an encrypted standard "
                           "string."},
    [FS_PLAIN] = {.name = "AsPlainText", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                  .sets = HV_SET(1),
                  .help = "Returns the plain text of the secure string."},
    [FS_KEY] = {.name = "Key", .type = HV_PT_UINT8, .position = HV_POS_NAMED,
                .sets = HV_SET(2), .flags = HV_PF_ARRAY,
                .help = "Specifies the encryption key (accepted)."},
    [FS_SECUREKEY] = {.name = "SecureKey", .type = HV_PT_ANY, .position = 1,
                      .sets = HV_SET(0),
                      .help = "Specifies the encryption key as a secure string (accepted)."},
    [FS__N] = {.name = NULL},
};

hv_status
hvc_fromsecure_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    const hv_value *v = hv_cmd_arg(cmd, FS_SECURE);
    if (!v || v->kind != HV_OBJECT || hv_obj_class_of(v) != &secure_class)
        return hvc_error(cmd, HV_CAT_InvalidArgument,
                         "CannotConvertArgument",
                         NULL, "Cannot bind parameter 'SecureString'. The value is not a "
                               "System.Security.SecureString.");
    const char *text = hv_obj_native(v);
    if (!text)
        text = "";
    if (hv_cmd_switch(cmd, FS_PLAIN))
        return hv_emit(cmd, hv_str(text));
    hv_buf b = {0};
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        uint32_t cp = hv_utf8_next(text, len, &i);
        if (cp >= 0x10000) {
            uint32_t hi = 0xd800 + ((cp - 0x10000) >> 10), lo = 0xdc00 + ((cp - 0x10000) & 0x3ff);
            hv_buf_printf(&b, "%02x%02x%02x%02x", hi & 0xff, hi >> 8, lo & 0xff, lo >> 8);
        } else {
            hv_buf_printf(&b, "%02x%02x", cp & 0xff, cp >> 8);
        }
    }
    return hv_emit(cmd, b.data ? hv_buf_finish(&b) : hv_str(""));
}
