/* pipeline_value.c — unit tests of the value layer (pipeline/value.c): refcounting, strings
 * with cached case-insensitive hashes, buffers, arrays, hashtables (open addressing, insertion
 * order, case-insensitive keys, numeric keys by value), objects, enums, boxed values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/convert.h"
#include "pipeline/ops.h"
#include "pipeline/value.h"

static int passed, failed;

static void
check(bool ok, const char *what, int line)
{
    if (ok) {
        passed++;
        printf("ok - %s\n", what);
    } else {
        failed++;
        printf("not ok - %s (line %d)\n", what, line);
    }
}
#define CHECK(cond) check((cond), #cond, __LINE__)

static bool
str_is(hv_value v, const char *want)
{
    bool ok = v.kind == HV_STRING && strcmp(hv_str_cstr(&v), want) == 0;
    if (!ok && v.kind == HV_STRING)
        printf("# got \"%s\", want \"%s\"\n", hv_str_cstr(&v), want);
    hv_unref(v);
    return ok;
}

static void
test_strings(void)
{
    hv_value s = hv_str("Hello");
    CHECK(hv_str_len(&s) == 5);
    CHECK(strcmp(hv_str_cstr(&s), "Hello") == 0);
    hv_value t = hv_str("HELLO");
    CHECK(hv_str_hash_ci(&s) == hv_str_hash_ci(&t));
    CHECK(hv_str_hash_ci(&s) == hv_hash_ci("hello", 5));
    CHECK(hv_str_eq_ci("Hello", "hELLO"));
    CHECK(!hv_str_eq_ci("Hello", "Hell"));
    CHECK(hv_str_cmp_ci("apple", "Banana") < 0);
    CHECK(hv_str_cmp_ci("b", "A") > 0);
    CHECK(hv_str_eq_ci("ÄÖÜ", "äöü"));
    CHECK(hv_str_eq_ci("ΑΒΓ", "αβγ"));
    CHECK(hv_str_eq_ci("ПРИВЕТ", "привет"));
    CHECK(hv_hash_ci("Straße", strlen("Straße")) == hv_hash_ci("STRAßE", strlen("STRAßE")));
    hv_value r = hv_ref(&s);
    CHECK(hv_value_refcount(&s) == 2);
    hv_unref(r);
    CHECK(hv_value_refcount(&s) == 1);
    hv_unref(s);
    hv_unref(t);
    CHECK(str_is(hv_strn("abcdef", 3), "abc"));
    CHECK(str_is(hv_strf("%d-%s", 42, "x"), "42-x"));
    CHECK(str_is(hv_str_take(hv_xstrdup("taken")), "taken"));
    CHECK(str_is(hv_str(NULL), ""));
    CHECK(hv_utf16_len("héllo", strlen("héllo")) == 5);
    CHECK(hv_utf16_len("😀", 4) == 2);
    char u[4];
    CHECK(hv_utf8_put(u, 0x20AC) == 3 && memcmp(u, "€", 3) == 0);
    size_t i = 0;
    CHECK(hv_utf8_next("€", 3, &i) == 0x20AC && i == 3);
    CHECK(hv_uc_upper('a') == 'A' && hv_uc_lower(0xC9) == 0xE9 && hv_uc_upper(0x3C9) == 0x3A9);
}

static void
test_concat(void)
{
    hv_value s = hv_str("a");
    for (int i = 0; i < 1000; i++)
        s = hv_str_concat(s, "bc", 2);
    CHECK(hv_str_len(&s) == 2001);
    CHECK(memcmp(hv_str_cstr(&s) + 1995, "bcbcbc", 6) == 0);
    /* hash recomputed after in-place growth */
    hv_value t = hv_strn(hv_str_cstr(&s), hv_str_len(&s));
    CHECK(hv_str_hash_ci(&s) == hv_str_hash_ci(&t));
    s = hv_str_concat(s, "X", 1);
    CHECK(hv_str_hash_ci(&s) != hv_str_hash_ci(&t));
    hv_unref(t);
    /* shared strings are copied, not mutated */
    hv_value shared = hv_ref(&s);
    hv_value u = hv_str_concat(shared, "Y", 1);
    CHECK(hv_str_len(&s) == 2002 && hv_str_len(&u) == 2003);
    hv_unref(u);
    /* self-append */
    hv_value w = hv_str("ab");
    w = hv_str_concat(w, hv_str_cstr(&w), hv_str_len(&w));
    CHECK(str_is(hv_ref(&w), "abab"));
    hv_unref(w);
    hv_unref(s);
}

static void
test_buf(void)
{
    hv_buf b = {0};
    hv_buf_puts(&b, "x=");
    hv_buf_printf(&b, "%d", 12345);
    hv_buf_putc(&b, ';');
    for (int i = 0; i < 100; i++)
        hv_buf_printf(&b, "%s", "0123456789");
    CHECK(b.len == 2 + 5 + 1 + 1000);
    hv_value v = hv_buf_finish(&b);
    CHECK(b.data == NULL && b.len == 0);
    CHECK(strncmp(hv_str_cstr(&v), "x=12345;0123", 12) == 0);
    hv_unref(v);
    hv_buf big = {0};
    char chunk[600];
    memset(chunk, 'z', sizeof chunk - 1);
    chunk[sizeof chunk - 1] = 0;
    hv_buf_printf(&big, "%s!", chunk);
    CHECK(big.len == 600 && big.data[599] == '!');
    hv_buf_free(&big);
    hv_value e = hv_buf_finish(&big);
    CHECK(str_is(e, ""));
}

static void
test_arrays(void)
{
    hv_value a = hv_array_new(0);
    for (int i = 0; i < 100; i++)
        hv_array_push(&a, hv_int(i));
    CHECK(hv_array_len(&a) == 100);
    CHECK(hv_array_at(&a, 42)->u.i == 42);
    hv_array_set(&a, 0, hv_str("zero"));
    CHECK(hv_array_at(&a, 0)->kind == HV_STRING);
    hv_array_insert(&a, 1, hv_int(-1));
    CHECK(hv_array_len(&a) == 101 && hv_array_at(&a, 1)->u.i == -1 && hv_array_at(&a, 2)->u.i == 1);
    hv_array_remove_at(&a, 1);
    CHECK(hv_array_len(&a) == 100 && hv_array_at(&a, 1)->u.i == 1);
    hv_value c = hv_array_clone(&a);
    hv_array_truncate(&a, 10);
    CHECK(hv_array_len(&a) == 10 && hv_array_len(&c) == 100);
    /* reference semantics: a second reference sees changes */
    hv_value alias = hv_ref(&a);
    hv_array_push(&alias, hv_int(7));
    CHECK(hv_array_len(&a) == 11);
    hv_unref(alias);
    hv_unref(a);
    hv_unref(c);
    /* += : in place when unshared, a new array when shared */
    hv_value acc = hv_array_new(0);
    for (int i = 0; i < 1000; i++) {
        hv_value x = hv_int(i);
        acc = hv_array_concat(acc, &x);
    }
    CHECK(hv_array_len(&acc) == 1000 && hv_array_at(&acc, 999)->u.i == 999);
    hv_value keep = hv_ref(&acc);
    hv_value one = hv_int(1);
    hv_value grown = hv_array_concat(hv_ref(&acc), &one);
    CHECK(grown.u.h != keep.u.h && hv_array_len(&keep) == 1000 && hv_array_len(&grown) == 1001);
    hv_value self = hv_array_concat(hv_ref(&grown), &grown);
    CHECK(hv_array_len(&self) == 2002);
    hv_unref(self);
    hv_unref(grown);
    hv_unref(keep);
    hv_unref(acc);
    hv_value lst = hv_array_new(0);
    lst.sub = 1;
    hv_value two = hv_int(2);
    hv_value lr = hv_array_concat(lst, &two);
    CHECK(lr.sub == 0 && hv_array_len(&lr) == 1); /* ArrayList += x gives object[] */
    hv_unref(lr);
}

static void
test_tables(void)
{
    hv_value t = hv_table_new(0);
    hv_table_sets(&t, "Name", hv_str("vm1"));
    hv_table_sets(&t, "name", hv_str("vm2")); /* same key, case-insensitive */
    CHECK(hv_table_count(&t) == 1);
    CHECK(str_is(hv_ref(hv_table_gets(&t, "NAME")), "vm2"));
    hv_value k = hv_str("NaMe");
    CHECK(hv_table_get(&t, &k) != NULL);
    hv_unref(k);
    CHECK(!hv_table_add(&t, hv_str("NAME"), hv_int(1)));
    CHECK(hv_table_add(&t, hv_str("Count"), hv_int(3)));
    /* numeric keys: 1, 1L and 1.0 are one key; "1" is a different key */
    hv_table_set(&t, hv_int(1), hv_str("one"));
    hv_value one_l = hv_long(1), one_d = hv_double(1.0), one_s = hv_str("1");
    CHECK(hv_table_get(&t, &one_l) && hv_table_get(&t, &one_d));
    CHECK(hv_table_get(&t, &one_s) == NULL);
    hv_unref(one_s);
    /* insertion order survives growth and removals */
    for (int i = 0; i < 1000; i++) {
        char key[16];
        snprintf(key, sizeof key, "k%d", i);
        hv_table_sets(&t, key, hv_int(i));
    }
    CHECK(hv_table_count(&t) == 1003);
    bool removed_all = true;
    for (int i = 0; i < 1000; i += 2) {
        char key[16];
        snprintf(key, sizeof key, "K%d", i);
        hv_value kv = hv_str(key);
        removed_all &= hv_table_remove(&t, &kv);
        hv_unref(kv);
    }
    CHECK(removed_all);
    CHECK(hv_table_count(&t) == 503);
    size_t it = 0;
    const hv_value *kk, *vv;
    int idx = 0;
    bool order_ok = true;
    int expect_next = 1;
    while (hv_table_next(&t, &it, &kk, &vv)) {
        if (idx >= 3) {
            if (vv->u.i != expect_next)
                order_ok = false;
            expect_next += 2;
        }
        idx++;
    }
    CHECK(order_ok && idx == 503);
    CHECK(hv_table_gets(&t, "k999")->u.i == 999);
    CHECK(hv_table_gets(&t, "k998") == NULL);
    hv_value cl = hv_table_clone(&t);
    hv_table_clear(&t);
    CHECK(hv_table_count(&t) == 0 && hv_table_gets(&t, "Name") == NULL);
    CHECK(hv_table_count(&cl) == 503);
    hv_table_sets(&t, "again", hv_bool(true));
    CHECK(hv_table_count(&t) == 1);
    hv_unref(t);
    hv_unref(cl);
    /* case-sensitive tables */
    hv_value cs = hv_table_new(HV_TABLE_CASE_SENSITIVE);
    hv_table_sets(&cs, "a", hv_int(1));
    hv_table_sets(&cs, "A", hv_int(2));
    CHECK(hv_table_count(&cs) == 2 && hv_table_gets(&cs, "A")->u.i == 2);
    hv_unref(cs);
    hv_value ord = hv_table_new(HV_TABLE_ORDERED);
    CHECK(hv_table_flags(&ord) == HV_TABLE_ORDERED);
    CHECK(strcmp(hv_type_name_of(&ord), "System.Collections.Specialized.OrderedDictionary") == 0);
    hv_unref(ord);
}

static int finalized;
static void
fin(void *p)
{
    (void)p;
    finalized++;
}
static const char *const vm_bases[] = {"Microsoft.HyperV.PowerShell.VirtualMachineBase", NULL};
static const hv_obj_class vm_class = {.type_name = "Microsoft.HyperV.PowerShell.VirtualMachine",
                                      .base_types = vm_bases, .finalize = fin};

static void
test_objects(void)
{
    hv_value o = hv_obj_new(NULL);
    hv_obj_set(&o, "Name", hv_str("a"));
    hv_obj_set(&o, "Size", hv_int(3));
    hv_obj_set(&o, "name", hv_str("b"));
    CHECK(hv_obj_count(&o) == 2);
    CHECK(strcmp(hv_obj_name_at(&o, 0), "Name") == 0);
    CHECK(str_is(hv_ref(hv_obj_get(&o, "NAME")), "b"));
    CHECK(hv_obj_get(&o, "nope") == NULL);
    CHECK(hv_obj_typename_count(&o) == 2);
    CHECK(strcmp(hv_obj_typename_at(&o, 0), "System.Management.Automation.PSCustomObject") == 0);
    hv_obj_add_typename(&o, "My.Type");
    CHECK(strcmp(hv_obj_typename_at(&o, 0), "My.Type") == 0 && hv_obj_typename_count(&o) == 3);
    CHECK(str_is(hv_conv_to_string(&o, NULL), "@{Name=b; Size=3}"));
    hv_value c = hv_obj_clone(&o);
    CHECK(hv_obj_remove(&o, "Name") && hv_obj_count(&o) == 1);
    CHECK(hv_obj_count(&c) == 2 && strcmp(hv_obj_typename_at(&c, 0), "My.Type") == 0);
    hv_unref(o);
    hv_unref(c);
    hv_value vm = hv_obj_new(&vm_class);
    hv_obj_set_native(&vm, &finalized);
    CHECK(hv_obj_native(&vm) == &finalized);
    CHECK(hv_obj_typename_count(&vm) == 3);
    CHECK(strcmp(hv_obj_typename_at(&vm, 2), "System.Object") == 0);
    CHECK(strcmp(hv_type_name_of(&vm), "Microsoft.HyperV.PowerShell.VirtualMachine") == 0);
    hv_unref(vm);
    CHECK(finalized == 1);
}

static const char *const st_names[] = {"Other", "Running", "Off", "Paused"};
static const int32_t st_values[] = {1, 2, 3, 9};
static const hv_enum_def st_def = {.type_name = "Microsoft.HyperV.PowerShell.VMState",
                                   .names = st_names, .values = st_values, .count = 4};
static const char *const fl_names[] = {"None", "Read", "Write", "Exec"};
static const int32_t fl_values[] = {0, 1, 2, 4};
static const hv_enum_def fl_def = {.type_name = "Test.Perm", .names = fl_names,
                                   .values = fl_values, .count = 4, .flags = true};

static void
test_enums(void)
{
    hv_value e = hv_enum(&st_def, 2);
    CHECK(strcmp(hv_enum_name(&e), "Running") == 0);
    CHECK(str_is(hv_conv_to_string(&e, NULL), "Running"));
    int32_t v;
    CHECK(hv_enum_parse(&st_def, "paused", &v) && v == 9);
    CHECK(hv_enum_parse(&st_def, " Off ", &v) && v == 3);
    CHECK(hv_enum_parse(&st_def, "2", &v) && v == 2);
    CHECK(!hv_enum_parse(&st_def, "Stopped", &v));
    CHECK(hv_enum_parse(&fl_def, "Read, Write", &v) && v == 3);
    hv_value f = hv_enum(&fl_def, 5);
    CHECK(str_is(hv_conv_to_string(&f, NULL), "Read, Exec"));
    hv_value f0 = hv_enum(&fl_def, 0);
    CHECK(str_is(hv_conv_to_string(&f0, NULL), "None"));
    hv_value unk = hv_enum(&st_def, 42);
    CHECK(str_is(hv_conv_to_string(&unk, NULL), "42"));
    CHECK(strcmp(hv_type_name_of(&e), "Microsoft.HyperV.PowerShell.VMState") == 0);
    hv_type_register_enum(&st_def);
    CHECK(hv_type_lookup("Microsoft.HyperV.PowerShell.VMState") != NULL);
    CHECK(hv_type_lookup("vmstate") != NULL);
}

static int boxfreed;
static void
boxfree(void *p)
{
    (void)p;
    boxfreed++;
}
static hv_value
boxstr(const void *p)
{
    (void)p;
    return hv_str("boxed!");
}
static const hv_boxed_class bcls = {.type_name = "Test.Box", .free = boxfree, .to_string = boxstr};

static int sbfreed;
static void
sbfree(hv_heap *h)
{
    sbfreed++;
    free(h);
}

static void
test_boxed_and_kinds(void)
{
    hv_value b = hv_boxed_new(&bcls, &boxfreed);
    CHECK(hv_boxed_class_of(&b) == &bcls && hv_boxed_ptr(&b) == &boxfreed);
    CHECK(str_is(hv_conv_to_string(&b, NULL), "boxed!"));
    CHECK(strcmp(hv_type_name_of(&b), "Test.Box") == 0);
    hv_unref(b);
    CHECK(boxfreed == 1);
    hv_value_set_scriptblock_free(sbfree);
    hv_heap *h = hv_xcalloc(1, 32);
    h->refcount = 1;
    h->kind = HV_SCRIPTBLOCK;
    hv_value sb = hv_scriptblock_wrap(h);
    hv_value sb2 = hv_ref(&sb);
    hv_unref(sb);
    CHECK(sbfreed == 0);
    hv_unref(sb2);
    CHECK(sbfreed == 1);
    hv_value i = hv_int(5), l = hv_long(5), d = hv_double(1), n = hv_null();
    CHECK(!hv_is_heap(&i) && hv_is_number(&d) && hv_is_null(&n));
    CHECK(strcmp(hv_type_name_of(&i), "System.Int32") == 0);
    CHECK(strcmp(hv_type_name_of(&l), "System.Int64") == 0);
    CHECK(strcmp(hv_type_name_of(&d), "System.Double") == 0);
    hv_value u = hv_uint64(UINT64_MAX);
    CHECK(hv_int_of(&u) == INT64_MAX);
    hv_value ty = hv_type(hv_type_lookup("int"));
    CHECK(!hv_is_heap(&ty));
    CHECK(strcmp(hv_kind_name(HV_TABLE), "hashtable") == 0);
    hv_value s1 = hv_str("ABC"), s2 = hv_str("abc");
    CHECK(hv_equals_ci(&s1, &s2));
    hv_unref(s1);
    hv_unref(s2);
    char *p = hv_xasprintf("%s/%d", "x", 1);
    CHECK(strcmp(p, "x/1") == 0);
    free(p);
}

int
main(void)
{
    test_strings();
    test_concat();
    test_buf();
    test_arrays();
    test_tables();
    test_objects();
    test_enums();
    test_boxed_and_kinds();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
