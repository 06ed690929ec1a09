/* value.h — hvsh values: a 16-byte tagged value passed by value, refcounted heap payloads.
 *
 * Ownership (the one rule, visible in every signature):
 *   - an hv_value passed BY VALUE is MOVED into the callee (the callee releases it);
 *   - a `const hv_value *` is BORROWED for the duration of the call;
 *   - an hv_value RETURNED belongs to the caller;
 *   - hv_ref() is the only way to duplicate; hv_unref() releases.
 * Immediates (null, bool, numbers, char, datetime, timespan, enum) never allocate, so
 * hv_ref/hv_unref on them are no-ops.
 *
 * Semantics follow PowerShell: strings are immutable UTF-8 with a byte length; arrays,
 * hashtables and objects have reference semantics (no copy-on-write).
 * Out of memory aborts (hv_xmalloc).
 */
#ifndef HV_VALUE_H
#define HV_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    HV_NULL = 0,
    HV_BOOL,     /* u.b */
    HV_INT,      /* u.i (signed) or u.u (HV_N_UINT64); sub = hv_numkind */
    HV_DOUBLE,   /* u.d; sub = HV_N_DOUBLE / HV_N_FLOAT / HV_N_DECIMAL */
    HV_CHAR,     /* u.i = UTF-16 code unit / code point ([char]) */
    HV_DATETIME, /* u.i = ticks (100 ns) since 0001-01-01; sub = hv_dtkind */
    HV_TIMESPAN, /* u.i = ticks */
    HV_ENUM,     /* u.e.def + aux = numeric value */
    HV_STRING,   /* heap: hv_str */
    HV_ARRAY,    /* heap: hv_array (object[]) */
    HV_TABLE,    /* heap: hv_table (hashtable, [ordered]) */
    HV_OBJECT,   /* heap: hv_obj (PSCustomObject, backend objects, ErrorRecord, ...) */
    HV_SCRIPTBLOCK, /* heap: owned by the runtime (pipeline/), opaque here */
    HV_TYPE,     /* u.t = const hv_type_info * (a type literal such as [int]) */
    HV_BOXED,    /* heap: hv_boxed — any other native payload with a vtable */
    HV__KIND_COUNT
} hv_kind;

/* Numeric sub-kinds of HV_INT and HV_DOUBLE: kept so GetType() and casts are faithful. */
typedef enum {
    HV_N_INT32 = 0, HV_N_INT64, HV_N_BYTE, HV_N_SBYTE, HV_N_INT16, HV_N_UINT16, HV_N_UINT32,
    HV_N_UINT64, HV_N_BIGINT, /* integers */
    HV_N_DOUBLE, HV_N_FLOAT, HV_N_DECIMAL /* floating (decimal approximated by double) */
} hv_numkind;

typedef enum { HV_DT_UNSPECIFIED = 0, HV_DT_UTC, HV_DT_LOCAL } hv_dtkind;

typedef struct hv_heap hv_heap;
struct hv_heap {
    uint32_t refcount;
    uint8_t kind; /* hv_kind */
    uint8_t flags;
    uint16_t reserved;
};

typedef struct hv_enum_def hv_enum_def;
typedef struct hv_type_info hv_type_info;

typedef struct hv_value {
    uint8_t kind;  /* hv_kind */
    uint8_t sub;   /* hv_numkind / hv_dtkind / flags */
    uint16_t pad;
    int32_t aux;   /* HV_ENUM: the numeric value */
    union {
        bool b;
        int64_t i;
        uint64_t u;
        double d;
        hv_heap *h;
        const hv_enum_def *e;
        const hv_type_info *t;
    } u;
} hv_value;
_Static_assert(sizeof(hv_value) == 16, "hv_value is passed by value; keep it 16 bytes");

/* ---- allocation ---- */
void *hv_xmalloc(size_t n);
void *hv_xcalloc(size_t n, size_t size);
void *hv_xrealloc(void *p, size_t n);
char *hv_xstrdup(const char *s);
char *hv_xstrndup(const char *s, size_t n);
char *hv_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- immediates ---- */
static inline hv_value hv_null(void) { return (hv_value){.kind = HV_NULL}; }
static inline hv_value hv_bool(bool b) { return (hv_value){.kind = HV_BOOL, .u.b = b}; }
static inline hv_value hv_int(int32_t i) { return (hv_value){.kind = HV_INT, .sub = HV_N_INT32, .u.i = i}; }
static inline hv_value hv_long(int64_t i) { return (hv_value){.kind = HV_INT, .sub = HV_N_INT64, .u.i = i}; }
static inline hv_value hv_intk(int64_t i, hv_numkind k) { return (hv_value){.kind = HV_INT, .sub = (uint8_t)k, .u.i = i}; }
static inline hv_value hv_uint64(uint64_t u) { return (hv_value){.kind = HV_INT, .sub = HV_N_UINT64, .u.u = u}; }
static inline hv_value hv_double(double d) { return (hv_value){.kind = HV_DOUBLE, .sub = HV_N_DOUBLE, .u.d = d}; }
static inline hv_value hv_doublek(double d, hv_numkind k) { return (hv_value){.kind = HV_DOUBLE, .sub = (uint8_t)k, .u.d = d}; }
static inline hv_value hv_char(uint32_t c) { return (hv_value){.kind = HV_CHAR, .u.i = c}; }
static inline hv_value hv_datetime(int64_t ticks, hv_dtkind k) { return (hv_value){.kind = HV_DATETIME, .sub = (uint8_t)k, .u.i = ticks}; }
static inline hv_value hv_timespan(int64_t ticks) { return (hv_value){.kind = HV_TIMESPAN, .u.i = ticks}; }
static inline hv_value hv_type(const hv_type_info *t) { return (hv_value){.kind = HV_TYPE, .u.t = t}; }
hv_value hv_enum(const hv_enum_def *def, int32_t v);

static inline bool hv_is_null(const hv_value *v) { return v->kind == HV_NULL; }
static inline bool hv_is_heap(const hv_value *v) { return v->kind >= HV_STRING && v->kind != HV_TYPE; }
static inline bool hv_is_number(const hv_value *v) { return v->kind == HV_INT || v->kind == HV_DOUBLE; }
/* Integer value of an HV_INT as int64 (uint64 above INT64_MAX saturates). */
int64_t hv_int_of(const hv_value *v);

/* ---- refcounting ---- */
hv_value hv_ref(const hv_value *v);
void hv_unref(hv_value v);
static inline void hv_unrefp(hv_value *v) { hv_unref(*v); *v = hv_null(); }
static inline hv_value hv_steal(hv_value *v) { hv_value r = *v; *v = hv_null(); return r; }
#define HV_AUTO __attribute__((cleanup(hv_unrefp)))

/* ---- strings: immutable UTF-8, NUL-terminated, with byte length and cached hash ---- */
hv_value hv_str(const char *s);                  /* copies */
hv_value hv_strn(const char *s, size_t n);       /* copies n bytes */
hv_value hv_str_take(char *s);                   /* takes a malloc'd NUL-terminated buffer */
hv_value hv_strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *hv_str_cstr(const hv_value *s);      /* valid while *s lives; asserts kind */
size_t hv_str_len(const hv_value *s);
uint32_t hv_str_hash_ci(const hv_value *s);      /* case-insensitive hash, cached */
bool hv_str_eq_ci(const char *a, const char *b); /* ASCII+simple Unicode case folding */
int hv_str_cmp_ci(const char *a, const char *b);

/* A growable byte buffer for building strings. */
typedef struct {
    char *data;
    size_t len, cap;
} hv_buf;
void hv_buf_put(hv_buf *b, const char *s, size_t n);
void hv_buf_puts(hv_buf *b, const char *s);
void hv_buf_putc(hv_buf *b, char c);
void hv_buf_printf(hv_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
hv_value hv_buf_finish(hv_buf *b);               /* to an HV_STRING; empties b */
void hv_buf_free(hv_buf *b);

/* ---- arrays (object[]): reference semantics ---- */
hv_value hv_array_new(size_t cap);
size_t hv_array_len(const hv_value *a);
const hv_value *hv_array_at(const hv_value *a, size_t i);   /* borrowed */
hv_value *hv_array_items(const hv_value *a);                /* borrowed, len items */
void hv_array_push(hv_value *a, hv_value v);                /* takes v */
void hv_array_set(hv_value *a, size_t i, hv_value v);       /* takes v; i < len */
void hv_array_truncate(hv_value *a, size_t len);

/* ---- hashtables: case-insensitive string keys by default; insertion order kept ---- */
/* HV_TABLE_ORDERED_HT: a System.Management.Automation.OrderedHashtable (ConvertFrom-Json
 * -AsHashtable) — a Hashtable by type and indexer, only its type name differs. */
enum { HV_TABLE_ORDERED = 1u << 0, HV_TABLE_CASE_SENSITIVE = 1u << 1, HV_TABLE_ORDERED_HT = 1u << 2 };
hv_value hv_table_new(unsigned flags);
unsigned hv_table_flags(const hv_value *t);
size_t hv_table_count(const hv_value *t);
const hv_value *hv_table_get(const hv_value *t, const hv_value *key);   /* borrowed or NULL */
const hv_value *hv_table_gets(const hv_value *t, const char *key);      /* borrowed or NULL */
void hv_table_set(hv_value *t, hv_value key, hv_value v);                /* takes both */
void hv_table_sets(hv_value *t, const char *key, hv_value v);            /* takes v */
bool hv_table_add(hv_value *t, hv_value key, hv_value v);  /* false (and releases) if present */
bool hv_table_remove(hv_value *t, const hv_value *key);
void hv_table_clear(hv_value *t);
/* Add-Member NoteProperties on a table live beside its keys (not counted, not enumerated):
 * notes is a borrowed PSCustomObject holding them, or NULL when there are none. */
const hv_value *hv_table_notes(const hv_value *t);
void hv_table_set_note(hv_value *t, const char *name, hv_value v); /* takes v */
/* Iteration in insertion order: for (size_t i = 0; hv_table_next(t, &i, &k, &v);) */
bool hv_table_next(const hv_value *t, size_t *iter, const hv_value **key, const hv_value **val);

/* ---- objects: ordered property bag + optional class descriptor ---- */
typedef struct hv_obj_class hv_obj_class;

/* A default table-view column: a property name or a computed value, with a label. */
typedef struct {
    const char *label;                          /* header, e.g. "CPUUsage(%)" */
    const char *property;                       /* property to show, or NULL with compute */
    hv_value (*compute)(const hv_value *self);  /* returns a new value */
    int width;                                  /* 0 = auto */
    int align;                                  /* 0 = auto (numbers right), -1 left, 1 right */
} hv_view_column;

struct hv_obj_class {
    const char *type_name;            /* "Microsoft.HyperV.PowerShell.VirtualMachine" */
    const char *const *base_types;    /* further PSTypeNames, NULL-terminated, or NULL */
    const hv_view_column *table_view; /* default Format-Table view, {0}-terminated, or NULL */
    const char *const *list_view;     /* default Format-List properties, or NULL (= all) */
    const char *const *default_props; /* DefaultDisplayPropertySet, or NULL */
    hv_value (*to_string)(const hv_value *self); /* ToString(), or NULL (type name) */
    void (*finalize)(void *native);   /* releases native, or NULL */
    /* ---- dynamic members (added for XML nodes; NULL = none, today's behaviour) ----
     * Native-backed objects whose properties/methods are computed on access. The evaluator
     * consults them before the property bag (get/set) and before the built-in .NET surface
     * (calls). get_member: true with *out set (new ref) when self has that member.
     * set_member / call_method: 1 = done, 0 = no such member, -1 = error with the full
     * message in err (calls: 'Exception calling "X" with "N" argument(s): "..."'). */
    bool (*get_member)(const hv_value *self, const char *name, hv_value *out);
    int (*set_member)(const hv_value *self, const char *name, const hv_value *v, char *err,
                      size_t errsz);
    int (*call_method)(const hv_value *self, const char *name, const hv_value *args, size_t n,
                       hv_value *out, char *err, size_t errsz);
};

hv_value hv_obj_new(const hv_obj_class *cls);   /* cls NULL = PSCustomObject */
const hv_obj_class *hv_obj_class_of(const hv_value *o);
size_t hv_obj_count(const hv_value *o);
/* Property i in order (0..count-1): name and borrowed value. */
const char *hv_obj_name_at(const hv_value *o, size_t i);
const hv_value *hv_obj_value_at(const hv_value *o, size_t i);
const hv_value *hv_obj_get(const hv_value *o, const char *name);  /* borrowed or NULL; ci */
void hv_obj_set(hv_value *o, const char *name, hv_value v);       /* adds or replaces; takes v */
bool hv_obj_remove(hv_value *o, const char *name);
/* PSTypeNames: the first is the class's type_name (or System.Management.Automation.PSCustomObject);
 * extra names can be inserted in front (as $obj.PSObject.TypeNames.Insert(0, ...)). */
void hv_obj_add_typename(hv_value *o, const char *name);
size_t hv_obj_typename_count(const hv_value *o);
const char *hv_obj_typename_at(const hv_value *o, size_t i);
/* A native payload for backend identity (domain UUID, ifindex...). */
void hv_obj_set_native(hv_value *o, void *native);
void *hv_obj_native(const hv_value *o);

/* ---- enums (e.g. VMState): immediates that know their definition ---- */
struct hv_enum_def {
    const char *type_name;        /* "Microsoft.HyperV.PowerShell.VMState" */
    const char *const *names;     /* count names */
    const int32_t *values;        /* count values */
    int count;
    bool flags;                   /* [Flags] enum */
    uint8_t underlying;           /* hv_numkind of value__ (enum E : byte {}); 0 = Int32 */
};
const char *hv_enum_name(const hv_value *v);   /* NULL if the value has no name */
/* Parse a name case-insensitively (or a number, or "A, B" for flags); false if not valid. */
bool hv_enum_parse(const hv_enum_def *def, const char *s, int32_t *out);

/* ---- boxed native values (regex match, guid, version, ...) ---- */
typedef struct hv_boxed_class {
    const char *type_name;
    void (*free)(void *p);
    hv_value (*to_string)(const void *p);
} hv_boxed_class;
hv_value hv_boxed_new(const hv_boxed_class *cls, void *p);
const hv_boxed_class *hv_boxed_class_of(const hv_value *v);
void *hv_boxed_ptr(const hv_value *v);

/* ---- type literals: [int], [string], [Microsoft.HyperV.PowerShell.VMState] ... ---- */
struct hv_type_info {
    const char *full_name;     /* "System.Int32" */
    const char *short_name;    /* "int" */
    hv_kind kind;              /* the kind values of this type have */
    uint8_t sub;               /* numkind etc. */
    const hv_enum_def *enum_def;
    const hv_type_info *element; /* for array types ([int[]]), else NULL */
};

/* ---- generic helpers on any value ---- */
const char *hv_kind_name(hv_kind k);
/* The .NET type name GetType().FullName would give ("System.Int32", "System.Object[]"...). */
const char *hv_type_name_of(const hv_value *v);
/* Equality as PowerShell's -eq (case-insensitive for strings) when both sides are scalars. */
bool hv_equals_ci(const hv_value *a, const hv_value *b);

/* Heap payloads owned by other modules (scriptblocks) register their destructor here. */
void hv_value_set_scriptblock_free(void (*fn)(hv_heap *));

/* ---- additions by V (values helper): UTF-8 + case folding + fast string building ---- */
/* Decode the code point at s[*i] (advancing *i); invalid bytes decode as themselves (Latin-1). */
uint32_t hv_utf8_next(const char *s, size_t len, size_t *i);
/* Encode cp into out (>= 4 bytes); returns the byte count. */
size_t hv_utf8_put(char *out, uint32_t cp);
/* Number of UTF-16 code units of a UTF-8 string ([string].Length semantics). */
size_t hv_utf16_len(const char *s, size_t len);
/* Simple (1:1) Unicode case mapping: ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic. */
uint32_t hv_uc_lower(uint32_t cp);
uint32_t hv_uc_upper(uint32_t cp);
/* Case-insensitive hash of a C string (same value as hv_str_hash_ci on an equal string). */
uint32_t hv_hash_ci(const char *s, size_t len);
/* Byte-wise comparisons with lengths (strings may contain NUL). */
bool hv_strn_eq_ci(const char *a, size_t alen, const char *b, size_t blen);
int hv_strn_cmp_ci(const char *a, size_t alen, const char *b, size_t blen);
/* a + (s, n): moves a; reuses a's buffer (amortised growth) when a is the only reference,
 * so `$s += "x"` in a loop is linear, not quadratic. a must be an HV_STRING. */
hv_value hv_str_concat(hv_value a, const char *s, size_t n);
/* The empty string (shared). */
hv_value hv_str_empty(void);
/* Reference count of a heap value (1 for immediates): lets callers mutate in place safely. */
uint32_t hv_value_refcount(const hv_value *v);
/* Arrays: insert/remove at position; shallow copy (Clone()). */
void hv_array_insert(hv_value *a, size_t i, hv_value v);
void hv_array_remove_at(hv_value *a, size_t i);
hv_value hv_array_clone(const hv_value *a);
/* `$a += x` for arrays: moves a, appends x (the elements of x when it is an array) and
 * returns the result as object[]. When a is the only reference it grows in place
 * (amortised O(1)), otherwise a new array is built, so the semantics stay "new array". */
hv_value hv_array_concat(hv_value a, const hv_value *x);
/* Hashtables: shallow copy with the same flags (Clone()); O(1) lookup with cached hashes. */
hv_value hv_table_clone(const hv_value *t);
/* Objects: shallow copy of the property bag, class and type names (PSObject.Copy()). */
hv_value hv_obj_clone(const hv_value *o);
/* Scriptblocks: the evaluator allocates payloads that start with an hv_heap header
 * (kind = HV_SCRIPTBLOCK, refcount = 1) and wraps them with this. */
hv_value hv_scriptblock_wrap(hv_heap *h);
static inline hv_heap *hv_heap_of(const hv_value *v) { return v->u.h; }

#endif
