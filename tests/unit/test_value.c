/*
** test_value: the Value representation, reference counts, strings, arrays, hashtables,
** PSCustomObject / note-property wrappers, type literals and the decimal library.
*/
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/decimal.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/scriptblock.h"
#include "runtime/value.h"
#include "tests/unit/check.h"

#include <stdio.h>
#include <stdlib.h>

static char ring[8][256];
static int ring_at;

/* ToString of v (borrowed). */
static const char *text(Value v)
{
    char *b = ring[ring_at++ % 8];
    StrBuf sb;
    sb_init(&sb);
    convert_append_string(v, NULL, &sb);
    snprintf(b, 256, "%s", sb_str(&sb));
    sb_free(&sb);
    return b;
}

static void test_layout(void)
{
    CHECK(sizeof(Value) == 16);
    CHECK(val_null().kind == VAL_NULL);
    CHECK(val_is_null(val_autonull()));
    CHECK(!val_is_null(val_bool(0)));
    CHECK(val_bool(5).as.b == 1);
    CHECK(val_char(0x1F600).as.u == 0xF600); /* a Char is one UTF-16 unit */
    CHECK(val_is_integer(val_integer(VAL_INT16, -3)));
    CHECK(!val_is_integer(val_double(1)));
    CHECK(val_is_number(val_double(1)));
    CHECK(!val_is_number(val_bool(1)));
    CHECK(val_identical(val_int(3), val_int(3)));
    CHECK(!val_identical(val_int(3), val_long(3)));
    CHECK(val_identical(val_null(), val_null()));
    CHECK(val_class(val_int(1)) == NULL);
}

static void test_type_names(void)
{
    static const struct {
        Value v;
        const char *name, *full;
    } cases[] = {
        {{VAL_INT32, 0, {.i = 1}}, "Int32", "System.Int32"},
        {{VAL_INT64, 0, {.i = 1}}, "Int64", "System.Int64"},
        {{VAL_DOUBLE, 0, {.d = 1}}, "Double", "System.Double"},
        {{VAL_SINGLE, 0, {.d = 1}}, "Single", "System.Single"},
        {{VAL_BOOL, 0, {.b = 1}}, "Boolean", "System.Boolean"},
        {{VAL_CHAR, 0, {.u = 65}}, "Char", "System.Char"},
        {{VAL_BYTE, 0, {.u = 1}}, "Byte", "System.Byte"},
        {{VAL_SBYTE, 0, {.i = 1}}, "SByte", "System.SByte"},
        {{VAL_INT16, 0, {.i = 1}}, "Int16", "System.Int16"},
        {{VAL_UINT16, 0, {.u = 1}}, "UInt16", "System.UInt16"},
        {{VAL_UINT32, 0, {.u = 1}}, "UInt32", "System.UInt32"},
        {{VAL_UINT64, 0, {.u = 1}}, "UInt64", "System.UInt64"},
        {{VAL_DATETIME, 0, {.i = 1}}, "DateTime", "System.DateTime"},
        {{VAL_TIMESPAN, 0, {.i = 1}}, "TimeSpan", "System.TimeSpan"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_STR(val_type_name(cases[i].v), cases[i].name);
        CHECK_STR(val_type_fullname(cases[i].v), cases[i].full);
    }
    CHECK_STR(val_type_name(val_null()), "");
    Value objs[] = {val_str("x"),
                    arr_new(TY_OBJECT, 0),
                    arr_new(TY_INT32, 0),
                    arr_new(TY_STRING, 0),
                    ht_new(0),
                    ht_new(1),
                    object_new_custom(),
                    dec_value(dec_from_int64(1)),
                    typeref_new(TY_INT32, 0)};
    const char *names[][2] = {
        {"String", "System.String"},
        {"Object[]", "System.Object[]"},
        {"Int32[]", "System.Int32[]"},
        {"String[]", "System.String[]"},
        {"Hashtable", "System.Collections.Hashtable"},
        {"OrderedDictionary", "System.Collections.Specialized.OrderedDictionary"},
        {"PSCustomObject", "System.Management.Automation.PSCustomObject"},
        {"Decimal", "System.Decimal"},
        {"RuntimeType", "System.RuntimeType"}};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        CHECK_STR(val_type_name(objs[i]), names[i][0]);
        CHECK_STR(val_type_fullname(objs[i]), names[i][1]);
        val_unref(objs[i]);
    }
}

static void test_type_lookup(void)
{
    CHECK(type_lookup("int", 3) == TY_INT32);
    CHECK(type_lookup("INT", 3) == TY_INT32);
    CHECK(type_lookup("Int32", 5) == TY_INT32);
    CHECK(type_lookup("System.Int32", 12) == TY_INT32);
    CHECK(type_lookup("system.string", 13) == TY_STRING);
    CHECK(type_lookup("long", 4) == TY_INT64);
    CHECK(type_lookup("bool", 4) == TY_BOOL);
    CHECK(type_lookup("Boolean", 7) == TY_BOOL);
    CHECK(type_lookup("float", 5) == TY_SINGLE);
    CHECK(type_lookup("single", 6) == TY_SINGLE);
    CHECK(type_lookup("hashtable", 9) == TY_HASHTABLE);
    CHECK(type_lookup("ordered", 7) == TY_ORDERED);
    CHECK(type_lookup("System.Collections.Specialized.OrderedDictionary", 48) == TY_ORDERED);
    CHECK(type_lookup("pscustomobject", 14) == TY_PSCUSTOMOBJECT);
    CHECK(type_lookup("scriptblock", 11) == TY_SCRIPTBLOCK);
    CHECK(type_lookup("array", 5) == TY_ARRAY);
    CHECK(type_lookup("void", 4) == TY_VOID);
    CHECK(type_lookup("nosuch", 6) == TY_OTHER);
    CHECK(type_lookup("System.Nope", 11) == TY_OTHER);
    CHECK(type_lookup("intx", 3) == TY_INT32); /* the length decides */
    CHECK(type_val_kind(TY_INT32) == VAL_INT32);
    CHECK(type_val_kind(TY_STRING) == VAL_OBJ);
    CHECK_STR(type_name(TY_DECIMAL), "Decimal");
    CHECK_STR(type_fullname(TY_PSCUSTOMOBJECT), "System.Management.Automation.PSCustomObject");
}

static void test_refcounts(void)
{
    Value s = val_str("hello");
    CHECK(s.as.o->rc == 1);
    Value t = val_ref(s);
    CHECK(s.as.o->rc == 2 && t.as.o == s.as.o);
    val_unref(t);
    CHECK(s.as.o->rc == 1);
    Value a = arr_new(TY_OBJECT, 0);
    arr_push(a, s);
    CHECK(s.as.o->rc == 2);
    Value g = arr_get(a, 0);
    CHECK(s.as.o->rc == 3);
    val_unref(g);
    CHECK(arr_peek(a, 0).as.o->rc == 2);
    val_unref(a);
    CHECK(s.as.o->rc == 1);
    Value h = ht_new(0);
    ht_set(h, s, s);
    CHECK(s.as.o->rc == 3);
    ht_set(h, s, val_int(1)); /* replacing releases the old value */
    CHECK(s.as.o->rc == 2);
    ht_remove(h, s);
    CHECK(s.as.o->rc == 1);
    val_unref(h);
    val_unref(s);
    val_unref(val_int(5)); /* scalars: no-op */
    val_unref(val_null());
}

static void test_strings(void)
{
    Value s = val_str("abc");
    CHECK(val_is_str(s));
    CHECK(val_str_len(s) == 3);
    CHECK(val_str_len16(s) == 3);
    CHECK_STR(val_str_data(s), "abc");
    Value t = val_str_n("d\0e", 3);
    CHECK(val_str_len(t) == 3);
    Value u = val_str_cat(s, t);
    CHECK(val_str_len(u) == 6 && val_str_data(u)[4] == '\0' && val_str_data(u)[5] == 'e');
    val_unref(u);
    val_unref(t);
    val_unref(s);
    s = val_str("h\xC3\xA9llo \xF0\x9F\x98\x80"); /* é is 1 unit, U+1F600 is 2 */
    CHECK(val_str_len(s) == 11);
    CHECK(val_str_len16(s) == 8);
    CHECK(val_str_len16(s) == 8); /* cached */
    Value p;
    CHECK(val_get_prop(s, "length", 6, &p) && p.kind == VAL_INT32 && p.as.i == 8);
    CHECK(!val_get_prop(s, "Count", 5, &p));
    uint32_t unit = 0;
    CHECK(val_str_unit_at(s, 0, &unit) && unit == 'h');
    CHECK(val_str_unit_at(s, 1, &unit) && unit == 0xE9);
    CHECK(val_str_unit_at(s, 6, &unit) && unit == 0xD83D);
    CHECK(val_str_unit_at(s, 7, &unit) && unit == 0xDE00);
    CHECK(!val_str_unit_at(s, 8, &unit));
    val_unref(s);
    s = val_str("\xFF\xFE"); /* invalid bytes count one unit each */
    CHECK(val_str_len16(s) == 2);
    val_unref(s);
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%d-%s", 7, "x");
    s = val_str_take_sb(&sb);
    CHECK_STR(val_str_data(s), "7-x");
    CHECK(sb.buf == NULL && sb.len == 0);
    val_unref(s);
    s = val_str_empty();
    CHECK(val_str_len(s) == 0 && val_str_len16(s) == 0);
    val_unref(s);
    size_t n;
    CHECK(utf8_decode("\xE2\x82\xAC", 3, &n) == 0x20AC && n == 3);
    CHECK(utf8_decode("\xE2\x82", 2, &n) == 0xE2 && n == 1);
    CHECK(uc_fold('A') == 'a' && uc_fold('z') == 'z' && uc_fold('[') == '[');
    CHECK(uc_fold(0xC9) == 0xE9 && uc_fold(0xD7) == 0xD7);
    CHECK(uc_fold(0x391) == 0x3B1 && uc_fold(0x410) == 0x430 && uc_fold(0x401) == 0x451);
    CHECK(uc_fold(0x100) == 0x101 && uc_fold(0x101) == 0x101 && uc_fold(0x139) == 0x13A);
}

static void test_arrays(void)
{
    Value a = arr_new(TY_OBJECT, 0);
    CHECK(val_is_array(a));
    CHECK(arr_len(a) == 0);
    for (int i = 0; i < 100; i++)
        arr_push(a, val_int(i));
    CHECK(arr_len(a) == 100);
    CHECK(arr_peek(a, 99).as.i == 99);
    CHECK(arr_get(a, 100).kind == VAL_NULL);
    arr_set(a, 0, val_double(0.5));
    Value x = val_str("y");
    arr_set(a, 0, x);
    CHECK(x.as.o->rc == 2);
    val_unref(x);
    CHECK(arr_elem_type(a) == TY_OBJECT);
    Value len;
    CHECK(val_get_prop(a, "length", 6, &len) && len.kind == VAL_INT32 && len.as.i == 100);
    CHECK(val_get_prop(a, "Count", 5, &len) && len.as.i == 100);
    CHECK(!val_get_prop(a, "Nope", 4, &len));
    Value items[2] = {val_int(1), val_str("two")};
    Value b = arr_from(items, 2);
    CHECK(items[1].as.o->rc == 2);
    val_unref(items[1]);
    Value c = arr_concat(b, b);
    CHECK(arr_len(c) == 4);
    CHECK_STR(text(c), "1 two 1 two");
    val_unref(c);
    c = arr_concat(b, val_int(9));
    CHECK_STR(text(c), "1 two 9");
    CHECK(arr_class(TY_INT32) != arr_class(TY_OBJECT));
    Value ti = arr_new(TY_INT32, 2);
    CHECK(val_is(ti, arr_class(TY_INT32)));
    CHECK(arr_elem_type(ti) == TY_INT32);
    val_unref(ti);
    val_unref(c);
    val_unref(b);
    val_unref(a);
}

static void test_hashtable(void)
{
    Value h = ht_new(0);
    CHECK(ht_is(h) && !val_is(h, &cls_ordered));
    Value k1 = val_str("Name"), k2 = val_str("NAME"), k3 = val_str("other");
    ht_set(h, k1, val_int(1));
    CHECK(ht_count(h) == 1);
    Value out;
    CHECK(ht_get(h, k2, &out) && out.as.i == 1);
    ht_set(h, k2, val_int(2)); /* same key, case-insensitive */
    CHECK(ht_count(h) == 1);
    Value key, val;
    ht_entry_peek(h, 0, &key, &val);
    CHECK_STR(val_str_data(key), "Name"); /* the first spelling stays */
    CHECK(val.as.i == 2);
    CHECK(!ht_add(h, k2, val_int(3)));
    CHECK(ht_add(h, k3, val_int(3)));
    CHECK(ht_get_str(h, "OTHER", 5, &out) && out.as.i == 3);
    CHECK(!ht_get_str(h, "missing", 7, &out));
    /* 1 and 1L and "1" are three keys */
    Value empty = val_str_empty();
    ht_set(h, val_int(1), empty);
    val_unref(empty);
    Value one = val_str("1");
    ht_set(h, val_long(1), one);
    ht_set(h, one, one);
    CHECK(ht_count(h) == 5);
    CHECK(ht_get(h, val_int(1), &out) && val_is_str(out) && val_str_len(out) == 0);
    val_unref(out);
    val_unref(one);
    Value d1 = dec_value(dec_from_int64(5)), d2;
    Decimal d;
    dec_parse("5.00", 4, &d);
    d2 = dec_value(d);
    ht_set(h, d1, val_bool(1));
    CHECK(ht_get(h, d2, &out) && out.kind == VAL_BOOL); /* 5m equals 5.00m */
    CHECK(ht_count(h) == 6);
    Value c = ht_copy(h);
    CHECK(ht_count(c) == 6);
    CHECK(ht_remove(h, k1));
    CHECK(!ht_remove(h, k1));
    CHECK(ht_count(h) == 5 && ht_count(c) == 6);
    ht_entry_peek(h, 0, &key, &val);
    CHECK_STR(val_str_data(key), "other"); /* order kept after removal */
    CHECK(ht_get(h, d1, &out));
    Value p;
    CHECK(val_get_prop(c, "name", 4, &p) && p.as.i == 2);
    CHECK(val_get_prop(c, "Count", 5, &p) && p.as.i == 6);
    CHECK(val_get_prop(c, "Keys", 4, &p));
    CHECK_STR(text(p), "Name other 1 1 1 5");
    val_unref(p);
    CHECK(ht_key_peek(c, k2, &key) && key.as.o == k1.as.o);
    ht_clear(c);
    CHECK(ht_count(c) == 0 && !ht_get(c, k1, &out));
    ht_set(c, k3, val_int(9));
    CHECK(ht_count(c) == 1 && ht_get(c, k3, &out) && out.as.i == 9);
    val_unref(c);
    val_unref(d1);
    val_unref(d2);
    val_unref(k1);
    val_unref(k2);
    val_unref(k3);
    val_unref(h);
}

static void test_hashtable_many(void)
{
    Value h = ht_new(1);
    char buf[32];
    for (int i = 0; i < 2000; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        Value k = val_str(buf);
        ht_set(h, k, val_int(i));
        val_unref(k);
    }
    CHECK(ht_count(h) == 2000);
    int ok = 1;
    for (int i = 0; i < 2000; i++) {
        snprintf(buf, sizeof buf, "KEY%d", i);
        Value out;
        ok &= ht_get_str(h, buf, strlen(buf), &out) && out.as.i == i;
        Value key, val;
        ht_entry_peek(h, (size_t)i, &key, &val);
        ok &= val.as.i == i;
    }
    CHECK(ok);
    for (int i = 0; i < 2000; i += 2) {
        Value k = val_int(i);
        ht_set(h, k, k);
    }
    CHECK(ht_count(h) == 3000);
    CHECK(val_type_id(h) == TY_ORDERED);
    val_unref(h);
    Value a = val_str("ABC"), b = val_str("abc");
    CHECK(ht_key_hash(a) == ht_key_hash(b));
    CHECK(ht_key_equal(a, b));
    CHECK(!ht_key_equal(a, val_int(1)));
    CHECK(ht_key_equal(val_double(0.0), val_double(-0.0)));
    CHECK(ht_key_hash(val_double(0.0)) == ht_key_hash(val_double(-0.0)));
    val_unref(a);
    val_unref(b);
}

static void test_objects(void)
{
    Value o = object_new_custom();
    CHECK(object_nprops(o) == 0);
    CHECK(object_set_prop(o, "Name", 4, val_int(1)));
    CHECK(object_set_prop(o, "Size", 4, val_int(2)));
    CHECK(object_set_prop(o, "name", 4, val_int(3)));
    CHECK(object_nprops(o) == 2);
    const char *name;
    size_t len;
    Value v;
    object_prop_peek(o, 0, &name, &len, &v);
    CHECK(len == 4 && memcmp(name, "Name", 4) == 0 && v.as.i == 3);
    CHECK(val_get_prop(o, "SIZE", 4, &v) && v.as.i == 2);
    CHECK(!val_get_prop(o, "x", 1, &v));
    CHECK_STR(text(o), "@{Name=3; Size=2}");
    CHECK(!object_set_prop(val_int(1), "x", 1, val_int(1)));
    CHECK(object_nprops(val_int(1)) == 0);
    /* a note on a custom object goes in place */
    Value o2 = object_with_note(o, "PSComputerName", 14, val_int(0));
    CHECK(o2.as.o == o.as.o && object_nprops(o) == 3);
    val_unref(o2);
    /* a note on a string wraps it; the wrapper is transparent */
    Value s = val_str("text");
    Value w = object_with_note(s, "PSComputerName", 14, val_int(7));
    CHECK(val_is(w, &cls_psobject));
    CHECK(val_base(w).as.o == s.as.o);
    CHECK_STR(val_type_name(w), "String");
    CHECK_STR(text(w), "text");
    CHECK(val_get_prop(w, "pscomputername", 14, &v) && v.as.i == 7);
    Value w2 = object_with_note(w, "Other", 5, val_int(8));
    CHECK(w2.as.o == w.as.o && object_nprops(w) == 2);
    val_unref(w2);
    Value w3 = object_wrap(w);
    CHECK(w3.as.o == w.as.o);
    val_unref(w3);
    CHECK(convert_equal(w, s, 0));
    CHECK(convert_truthy(w));
    Value arrw = object_with_note(val_int(5), "X", 1, val_null());
    CHECK_STR(val_type_fullname(arrw), "System.Int32");
    CHECK_STR(text(arrw), "5");
    val_unref(arrw);
    /* a wrapped array still acts as an array for [string] */
    Value a = arr_new(TY_OBJECT, 2);
    arr_push(a, val_int(1));
    arr_push(a, w);
    Value wa = object_wrap(a);
    CHECK_STR(text(wa), "1 text");
    val_unref(wa);
    val_unref(a);
    val_unref(w);
    val_unref(s);
    val_unref(o);
}

static void test_typeref(void)
{
    Value t = typeref_new(TY_INT32, 0);
    CHECK(typeref_id(t) == TY_INT32 && !typeref_is_array(t));
    CHECK_STR(typeref_name(t), "Int32");
    CHECK_STR(typeref_fullname(t), "System.Int32");
    Value p;
    CHECK(val_get_prop(t, "FullName", 8, &p));
    CHECK_STR(val_str_data(p), "System.Int32");
    val_unref(p);
    CHECK(val_get_prop(t, "name", 4, &p));
    CHECK_STR(val_str_data(p), "Int32");
    val_unref(p);
    val_unref(t);
    t = typeref_parse("string[]", 8);
    CHECK(typeref_id(t) == TY_STRING && typeref_is_array(t));
    CHECK_STR(typeref_name(t), "String[]");
    CHECK_STR(typeref_fullname(t), "System.String[]");
    CHECK_STR(text(t), "string[]");
    val_unref(t);
    t = typeref_parse("System.IO.FileInfo", 18);
    CHECK(typeref_id(t) == TY_OTHER);
    CHECK_STR(typeref_name(t), "FileInfo");
    CHECK_STR(typeref_fullname(t), "System.IO.FileInfo");
    CHECK_STR(text(t), "System.IO.FileInfo");
    val_unref(t);
    t = typeref_parse("Foo.Bar[]", 9);
    CHECK_STR(typeref_name(t), "Bar[]");
    CHECK_STR(typeref_fullname(t), "Foo.Bar[]");
    CHECK_STR(text(t), "Foo.Bar[]");
    val_unref(t);
    t = typeref_parse("hashtable", 9);
    CHECK_STR(text(t), "hashtable");
    val_unref(t);
    t = typeref_new(TY_OBJECT, 1);
    CHECK_STR(typeref_name(t), "Object[]");
    CHECK_STR(text(t), "object[]");
    val_unref(t);
}

static const char *dec_str(Decimal d)
{
    char *b = ring[ring_at++ % 8];
    StrBuf sb;
    sb_init(&sb);
    dec_to_string(d, &sb);
    snprintf(b, 256, "%s", sb_str(&sb));
    sb_free(&sb);
    return b;
}

static Decimal P(const char *s)
{
    Decimal d = dec_from_int64(-999);
    CHECK(dec_parse(s, strlen(s), &d));
    return d;
}

static void test_decimal(void)
{
    Decimal d, r;
    CHECK_STR(dec_str(P("1.30")), "1.30");
    CHECK_STR(dec_str(P("-0.5")), "-0.5");
    CHECK_STR(dec_str(P("+12")), "12");
    CHECK_STR(dec_str(P("0.000")), "0.000");
    CHECK_STR(dec_str(P("-0")), "0");
    CHECK_STR(dec_str(P("1e3")), "1000");
    CHECK_STR(dec_str(P("1.5e-3")), "0.0015");
    CHECK_STR(dec_str(P("79228162514264337593543950335")), "79228162514264337593543950335");
    CHECK(!dec_parse("79228162514264337593543950336", 29, &d));
    CHECK_STR(dec_str(P("0.12345678901234567890123456789")), "0.1234567890123456789012345679");
    CHECK_STR(dec_str(P("1.00000000000000000000000000005")), "1.0000000000000000000000000000");
    CHECK_STR(dec_str(P("1.00000000000000000000000000015")), "1.0000000000000000000000000002");
    CHECK(!dec_parse("1.2.3", 5, &d));
    CHECK(!dec_parse("", 0, &d));
    CHECK(!dec_parse("abc", 3, &d));
    CHECK(!dec_parse("1e", 2, &d));
    CHECK_STR(dec_str(dec_from_int64(INT64_MIN)), "-9223372036854775808");
    CHECK_STR(dec_str(dec_from_uint64(UINT64_MAX)), "18446744073709551615");
    CHECK(dec_from_double(0.1, &d));
    CHECK_STR(dec_str(d), "0.1");
    CHECK(dec_from_double(123456.789, &d));
    CHECK_STR(dec_str(d), "123456.789");
    CHECK(dec_from_double(-2.5e-10, &d));
    CHECK_STR(dec_str(d), "-0.00000000025");
    CHECK(dec_from_double(1e20, &d));
    CHECK_STR(dec_str(d), "100000000000000000000");
    CHECK(!dec_from_double(1e29, &d));
    CHECK(dec_to_double(P("2.5")) == 2.5);
    int64_t i;
    CHECK(dec_to_int64(P("2.5"), &i) && i == 2);
    CHECK(dec_to_int64(P("3.5"), &i) && i == 4);
    CHECK(dec_to_int64(P("-2.5"), &i) && i == -2);
    CHECK(dec_to_int64(P("2.5000001"), &i) && i == 3);
    CHECK(!dec_to_int64(P("9223372036854775808"), &i));
    CHECK(dec_to_int64(P("-9223372036854775808"), &i) && i == INT64_MIN);
    uint64_t u;
    CHECK(!dec_to_uint64(P("-1"), &u));
    CHECK(dec_to_uint64(P("18446744073709551615.4"), &u) && u == UINT64_MAX);
    CHECK_STR(dec_str(dec_round(P("2.345"), 2)), "2.34");
    CHECK_STR(dec_str(dec_round(P("2.355"), 2)), "2.36");
    CHECK_STR(dec_str(dec_round(P("1.5"), 5)), "1.5");
    CHECK(dec_cmp(P("1.30"), P("1.3")) == 0);
    CHECK(dec_cmp(P("-1"), P("0.5")) < 0);
    CHECK(dec_cmp(P("-2"), P("-1")) < 0);
    CHECK(dec_cmp(P("0"), P("-0.00")) == 0);
    CHECK(dec_is_zero(P("0.00")));
    CHECK_STR(dec_str(dec_neg(P("1.5"))), "-1.5");
    CHECK(dec_add(P("0.1"), P("0.2"), &r));
    CHECK_STR(dec_str(r), "0.3");
    CHECK(dec_sub(P("0.1"), P("0.3"), &r));
    CHECK_STR(dec_str(r), "-0.2");
    CHECK(dec_mul(P("-1.5"), P("-2"), &r));
    CHECK_STR(dec_str(r), "3.0");
    CHECK(dec_mul(P("0.0000000000000001"), P("0.0000000000000001"), &r));
    CHECK_STR(dec_str(r), "0.0000000000000000000000000000");
    CHECK(dec_div(P("1"), P("8"), &r));
    CHECK_STR(dec_str(r), "0.125");
    CHECK(dec_div(P("100"), P("0.01"), &r));
    CHECK_STR(dec_str(r), "10000");
    CHECK(dec_div(P("-7"), P("2"), &r));
    CHECK_STR(dec_str(r), "-3.5");
    CHECK(!dec_div(P("1"), P("0"), &r));
    CHECK(!dec_div(P("79228162514264337593543950335"), P("0.1"), &r));
    CHECK(dec_mod(P("10"), P("3"), &r));
    CHECK_STR(dec_str(r), "1");
    CHECK(!dec_mod(P("10"), P("0"), &r));
    Value v = dec_value(P("2.50"));
    CHECK(val_is_decimal(v) && val_is_number(v));
    CHECK_STR(text(v), "2.50");
    CHECK(dec_cmp(dec_of(v), P("2.5")) == 0);
    val_unref(v);
}

/* A kind defined outside the value library, the way errors or jobs will define theirs. */
typedef struct ObjThing {
    Obj obj;
    Value payload; /* owned */
} ObjThing;

static int things_freed;

static void thing_free(Obj *o)
{
    val_unref(((ObjThing *)o)->payload);
    things_freed++;
}

static void thing_str(Value self, StrBuf *out)
{
    sb_puts(out, "thing:");
    convert_append_scalar(((ObjThing *)self.as.o)->payload, out);
}

static int thing_get(Value self, const char *name, size_t len, Value *out)
{
    if (!str_ieq_slice(name, len, "Payload")) return 0;
    *out = val_ref(((ObjThing *)self.as.o)->payload);
    return 1;
}

static const ObjClass cls_thing = {
    .name = "ErrorRecord",
    .full_name = "System.Management.Automation.ErrorRecord",
    .type = TY_OTHER,
    .free = thing_free,
    .to_string = thing_str,
    .get_prop = thing_get,
};

static void test_foreign_class(void)
{
    ObjThing *t = (ObjThing *)obj_alloc(&cls_thing, sizeof(ObjThing));
    t->payload = val_str("boom");
    Value v = val_obj_take(&t->obj);
    CHECK(val_is(v, &cls_thing));
    CHECK(val_type_id(v) == TY_OTHER);
    CHECK_STR(val_type_name(v), "ErrorRecord");
    CHECK_STR(val_type_fullname(v), "System.Management.Automation.ErrorRecord");
    CHECK_STR(text(v), "thing:boom");
    Value p;
    CHECK(val_get_prop(v, "payload", 7, &p) && val_is_str(p));
    val_unref(p);
    CHECK(convert_truthy(v));
    Value tr = typeref_parse("System.Management.Automation.ErrorRecord", 40);
    CHECK(convert_is_type(v, tr));
    val_unref(tr);
    tr = typeref_parse("ErrorRecord", 11);
    CHECK(convert_is_type(v, tr));
    Value same;
    CHECK(convert_to_type(v, tr, &same, NULL) == 0 && same.as.o == v.as.o);
    val_unref(same);
    val_unref(tr);
    Value w = object_with_note(v, "PSComputerName", 14, val_int(1));
    CHECK_STR(val_type_name(w), "ErrorRecord");
    CHECK(val_get_prop(w, "Payload", 7, &p)); /* the base's hook, through the wrapper */
    val_unref(p);
    val_unref(w);
    CHECK(things_freed == 0);
    val_unref(v);
    CHECK(things_freed == 1);
}

static void test_scriptblock(void)
{
    Program *prog = parse_program("{ 1 + 2 }", 9, NULL);
    Value sb = scriptblock_new(prog, prog_root(prog), " 1 + 2 ", 7);
    prog_unref(prog); /* the script block keeps the program alive */
    CHECK(scriptblock_program(sb) == prog);
    CHECK(scriptblock_node(sb) == prog_root(prog));
    CHECK_STR(scriptblock_text(sb), " 1 + 2 ");
    CHECK_STR(text(sb), " 1 + 2 ");
    CHECK_STR(val_type_name(sb), "ScriptBlock");
    CHECK_STR(val_type_fullname(sb), "System.Management.Automation.ScriptBlock");
    CHECK(convert_is(sb, TY_SCRIPTBLOCK, 0));
    val_unref(sb);
    sb = scriptblock_new(NULL, NULL, NULL, 0);
    CHECK_STR(text(sb), "");
    val_unref(sb);
}

/* 2026-11-24 issue 3: arr_insert/arr_truncate/arr_remove_at ($Error), and freeing deeply
 * nested arrays without recursion (a work list in arr_free). */
static void test_array_edit(void)
{
    Value a = arr_new(TY_OBJECT, 0);
    arr_push_take(a, val_int(1));
    arr_push_take(a, val_int(3));
    arr_insert(a, 1, val_int(2));
    arr_insert(a, 0, val_int(0));
    arr_insert(a, 99, val_int(4));
    CHECK(arr_len(a) == 5);
    for (size_t i = 0; i < 5; i++)
        CHECK(arr_peek(a, i).as.i == (int64_t)i);
    arr_remove_at(a, 0);
    arr_remove_at(a, 99);
    CHECK(arr_len(a) == 4 && arr_peek(a, 0).as.i == 1);
    arr_truncate(a, 2);
    CHECK(arr_len(a) == 2 && arr_peek(a, 1).as.i == 2);
    arr_truncate(a, 0);
    CHECK(arr_len(a) == 0);
    val_unref(a);
    Value deep = val_int(1);
    for (int i = 0; i < 300000; i++) {
        Value outer = arr_new(TY_OBJECT, 1);
        arr_push_take(outer, deep);
        deep = outer;
    }
    val_unref(deep); /* must not overflow the C stack */
    CHECK(1);
}

int main(void)
{
    test_array_edit();
    test_foreign_class();
    test_scriptblock();
    test_layout();
    test_type_names();
    test_type_lookup();
    test_refcounts();
    test_strings();
    test_arrays();
    test_hashtable();
    test_hashtable_many();
    test_objects();
    test_typeref();
    test_decimal();
    return check_done();
}
