/*
** test_convert: conversions and operators of language.md section 6, with exact strings.
** Helpers take ownership of the Values they are given, so a clean LSan run also shows that
** every path releases what it creates.
*/
#include "runtime/arith.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/decimal.h"
#include "runtime/hashtable.h"
#include "runtime/object.h"
#include "tests/unit/check.h"

#include <math.h>
#include <stdio.h>

static char ring[16][600];
static int ring_at;

static char *slot(void)
{
    return ring[ring_at++ % 16];
}

/* [string]v, consuming v. */
static const char *str_take(Value v)
{
    char *b = slot();
    StrBuf sb;
    sb_init(&sb);
    convert_append_string(v, NULL, &sb);
    snprintf(b, 600, "%s", sb_str(&sb));
    sb_free(&sb);
    val_unref(v);
    return b;
}

/* "Type:text" of v, consuming v. */
static const char *typed_take(Value v)
{
    char *b = slot();
    char t[64];
    snprintf(t, sizeof t, "%s", val_is_null(v) ? "null" : val_type_name(v));
    snprintf(b, 600, "%s:%s", t, str_take(v));
    return b;
}

static Value S(const char *s)
{
    return val_str(s);
}

static Value D(const char *s)
{
    Decimal d;
    if (!dec_parse(s, strlen(s), &d)) return val_null();
    return dec_value(d);
}

/* a op b as "Type:text" or "ERR:message"; consumes a and b. */
static const char *ar(ArithOp op, Value a, Value b)
{
    Value r;
    ConvError e;
    const char *res;
    if (arith_binary(op, a, b, NULL, &r, &e)) {
        char *buf = slot();
        snprintf(buf, 600, "ERR:%s", e.msg);
        res = buf;
    } else {
        res = typed_take(r);
    }
    val_unref(a);
    val_unref(b);
    return res;
}

/* [t]v as "Type:text" or "ERR:message"; consumes v. */
static const char *cast(Value v, TypeId t, int is_array)
{
    Value r;
    ConvError e;
    const char *res;
    if (convert_to(v, t, is_array, &r, &e)) {
        char *buf = slot();
        snprintf(buf, 600, "ERR:%s", e.msg);
        res = buf;
    } else {
        res = typed_take(r);
    }
    val_unref(v);
    return res;
}

static const char *num(const char *s)
{
    Value r;
    if (convert_parse_number(s, strlen(s), &r)) return "FAIL";
    return typed_take(r);
}

static int eq(Value a, Value b, int cs)
{
    int r = convert_equal(a, b, cs);
    val_unref(a);
    val_unref(b);
    return r;
}

/* sign of the comparison, or 9 on error */
static int cmp(Value a, Value b, int cs)
{
    int c = 0;
    ConvError e;
    int st = convert_compare(a, b, cs, &c, &e);
    val_unref(a);
    val_unref(b);
    return st ? 9 : (c > 0) - (c < 0);
}

static int truthy(Value v)
{
    int r = convert_truthy(v);
    val_unref(v);
    return r;
}

static Value arr2(Value a, Value b)
{
    Value r = arr_new(TY_OBJECT, 2);
    arr_push_take(r, a);
    arr_push_take(r, b);
    return r;
}

static Value arr3(Value a, Value b, Value c)
{
    Value r = arr2(a, b);
    arr_push_take(r, c);
    return r;
}

static const char *dbl(double d)
{
    return str_take(val_double(d));
}

/* ---- 6.2 / 6.9: numbers to string ---- */
static void test_double_format(void)
{
    CHECK_STR(dbl(1.0 / 3), "0.333333333333333");
    CHECK_STR(dbl(0.1 + 0.2), "0.3");
    CHECK_STR(dbl(1e20), "1E+20");
    CHECK_STR(dbl(1e15), "1E+15");
    CHECK_STR(dbl(1e14), "100000000000000");
    CHECK_STR(dbl(123456789012345678.0), "1.23456789012346E+17");
    CHECK_STR(dbl(2.5), "2.5");
    CHECK_STR(dbl(-2.5), "-2.5");
    CHECK_STR(dbl(2147483648.0), "2147483648");
    CHECK_STR(dbl(0.0001), "0.0001");
    CHECK_STR(dbl(0.00001), "1E-05");
    CHECK_STR(dbl(0.000123), "0.000123");
    CHECK_STR(dbl(1.5e-7), "1.5E-07");
    CHECK_STR(dbl(1.5393162788864e35), "1.5393162788864E+35");
    CHECK_STR(dbl(1.7976931348623157e308), "1.79769313486232E+308");
    CHECK_STR(dbl(NAN), "NaN");
    CHECK_STR(dbl(INFINITY), "Infinity");
    CHECK_STR(dbl(-INFINITY), "-Infinity");
    CHECK_STR(dbl(0.0), "0");
    CHECK_STR(dbl(-0.0), "-0");
    CHECK_STR(dbl(100), "100");
    CHECK_STR(dbl(1e-300), "1E-300");
    CHECK_STR(dbl(3.14159), "3.14159");
    CHECK_STR(str_take(val_single(0.1f)), "0.1");
    CHECK_STR(str_take(val_single(1.0f / 3)), "0.3333333");
}

static void test_scalar_strings(void)
{
    CHECK_STR(str_take(val_bool(1)), "True");
    CHECK_STR(str_take(val_bool(0)), "False");
    CHECK_STR(str_take(val_null()), "");
    CHECK_STR(str_take(val_autonull()), "");
    CHECK_STR(str_take(val_int(-42)), "-42");
    CHECK_STR(str_take(val_long(INT64_MIN)), "-9223372036854775808");
    CHECK_STR(str_take(val_ulong(UINT64_MAX)), "18446744073709551615");
    CHECK_STR(str_take(val_integer(VAL_BYTE, 255)), "255");
    CHECK_STR(str_take(val_char('A')), "A");
    CHECK_STR(str_take(val_char(0xE9)), "\xC3\xA9");
    CHECK_STR(str_take(D("1.30")), "1.30");
    CHECK_STR(str_take(val_datetime(0, 0)), "01/01/0001 00:00:00");
    CHECK_STR(str_take(val_timespan(0)), "00:00:00");
    CHECK_STR(str_take(val_timespan(90061LL * 10000000 + 5)), "1.01:01:01.0000005");
    CHECK_STR(str_take(val_timespan(-30LL * 10000000)), "-00:00:30");
}

static void test_collection_strings(void)
{
    CHECK_STR(str_take(arr3(val_int(1), val_int(2), val_int(3))), "1 2 3");
    CHECK_STR(str_take(arr3(val_int(1), val_null(), val_int(2))), "1  2");
    Value inner = arr2(val_int(1), val_int(2));
    CHECK_STR(str_take(arr2(val_int(0), inner)), "0 System.Object[]");
    Value a = arr2(S("a"), S("b"));
    StrBuf sb;
    sb_init(&sb);
    convert_append_string(a, "-", &sb);
    CHECK_STR(sb_str(&sb), "a-b");
    sb_free(&sb);
    val_unref(a);
    CHECK_STR(str_take(arr_new(TY_OBJECT, 0)), "");
    CHECK_STR(str_take(ht_new(0)), "System.Collections.Hashtable");
    CHECK_STR(str_take(ht_new(1)), "System.Collections.Specialized.OrderedDictionary");
    Value o = object_new_custom();
    CHECK_STR(str_take(val_ref(o)), "");
    object_set_prop(o, "a", 1, val_int(1));
    Value two = S("x y");
    object_set_prop(o, "b", 1, two);
    val_unref(two);
    Value arr = arr2(val_int(1), val_int(2));
    object_set_prop(o, "c", 1, arr);
    val_unref(arr);
    object_set_prop(o, "d", 1, val_null());
    CHECK_STR(str_take(o), "@{a=1; b=x y; c=System.Object[]; d=}");
    CHECK_STR(str_take(typeref_new(TY_INT32, 0)), "int");
    CHECK_STR(str_take(typeref_new(TY_STRING, 1)), "string[]");
    Value s = S("same");
    Value s2 = convert_to_string(s, NULL);
    CHECK(s2.as.o == s.as.o);
    val_unref(s2);
    val_unref(s);
}

/* ---- string -> number ---- */
static void test_parse_number(void)
{
    CHECK_STR(num("42"), "Int32:42");
    CHECK_STR(num("  42  "), "Int32:42");
    CHECK_STR(num("-42"), "Int32:-42");
    CHECK_STR(num("+7"), "Int32:7");
    CHECK_STR(num(""), "Int32:0");
    CHECK_STR(num("   "), "Int32:0");
    CHECK_STR(num("2147483647"), "Int32:2147483647");
    CHECK_STR(num("2147483648"), "Int64:2147483648");
    CHECK_STR(num("-2147483648"), "Int32:-2147483648");
    CHECK_STR(num("9223372036854775808"), "Decimal:9223372036854775808");
    CHECK_STR(num("100000000000000000000000"), "Decimal:100000000000000000000000");
    CHECK_STR(num("1000000000000000000000000000000"), "Double:1E+30");
    CHECK_STR(num("1.5"), "Double:1.5");
    CHECK_STR(num(".5"), "Double:0.5");
    CHECK_STR(num("1."), "Double:1");
    CHECK_STR(num("1e3"), "Double:1000");
    CHECK_STR(num("1.5E-2"), "Double:0.015");
    CHECK_STR(num("0x1F"), "Int32:31");
    CHECK_STR(num("0xa"), "Int32:10");
    CHECK_STR(num("0xFFFFFFFF"), "Int32:-1");
    CHECK_STR(num("0x80000000"), "Int32:-2147483648");
    CHECK_STR(num("0xFFFF"), "Int32:65535");
    CHECK_STR(num("0x100000000"), "Int64:4294967296");
    CHECK_STR(num("0x1e2D"), "Int32:7725");
    CHECK_STR(num("0b1011"), "Int32:11");
    CHECK_STR(num("0b11111111"), "Int32:-1");
    CHECK_STR(num("0b1111111111111111"), "Int32:-1");
    CHECK_STR(num("1kb"), "Int32:1024");
    CHECK_STR(num("1tb"), "Int64:1099511627776");
    CHECK_STR(num("0x10Gb"), "Int64:17179869184");
    CHECK_STR(num("1.5kb"), "Double:1536");
    CHECK_STR(num("100Lgb"), "Int64:107374182400");
    CHECK_STR(num("10l"), "Int64:10");
    CHECK_STR(num("2.5l"), "Int64:2");
    CHECK_STR(num("3.72y"), "SByte:4");
    CHECK_STR(num("0xFFFFs"), "Int16:-1");
    CHECK_STR(num("0xFFy"), "SByte:-1");
    CHECK_STR(num("0xFFFFFFFFu"), "UInt32:4294967295");
    CHECK_STR(num("0xFFFFFFFFFFFFFFFFl"), "Int64:-1");
    CHECK_STR(num("5uy"), "Byte:5");
    CHECK_STR(num("1.30d"), "Decimal:1.30");
    CHECK_STR(num("1.30dmb"), "Decimal:1363148.80");
    CHECK_STR(num("&hff"), "Int32:255");
    CHECK_STR(num("1usgb"), "FAIL");
    CHECK_STR(num("0xFFFFy"), "FAIL");
    CHECK_STR(num("abc"), "FAIL");
    CHECK_STR(num("1gbus"), "FAIL");
    CHECK_STR(num("1_6"), "FAIL");
    CHECK_STR(num("80x"), "FAIL");
    CHECK_STR(num("0x"), "FAIL");
    CHECK_STR(num("-"), "FAIL");
    CHECK_STR(num("1e"), "FAIL");
    CHECK_STR(num("1000000000000000000000000000pb"), "Double:1.12589990684262E+42");
    CHECK_STR(num("00000000000000000000000000000000000000000000000000007"), "Int32:7");
}

/* ---- 6.6 truthiness ---- */
static void test_truthiness(void)
{
    CHECK(!truthy(val_null()));
    CHECK(!truthy(val_autonull()));
    CHECK(!truthy(val_bool(0)));
    CHECK(truthy(val_bool(1)));
    CHECK(!truthy(val_int(0)));
    CHECK(truthy(val_int(-1)));
    CHECK(!truthy(val_double(0.0)));
    CHECK(truthy(val_double(0.5)));
    CHECK(!truthy(D("0.00")));
    CHECK(truthy(D("0.01")));
    CHECK(!truthy(val_integer(VAL_BYTE, 0)));
    CHECK(!truthy(S("")));
    CHECK(truthy(S("False")));
    CHECK(truthy(S(" ")));
    CHECK(truthy(S("0")));
    CHECK(!truthy(arr_new(TY_OBJECT, 0)));
    Value a = arr_new(TY_OBJECT, 1);
    arr_push(a, val_int(0));
    CHECK(!truthy(a));
    a = arr_new(TY_OBJECT, 1);
    arr_push(a, val_null());
    CHECK(!truthy(a));
    a = arr_new(TY_OBJECT, 1);
    arr_push_take(a, S(""));
    CHECK(!truthy(a));
    a = arr_new(TY_OBJECT, 1);
    arr_push(a, val_int(7));
    CHECK(truthy(a));
    CHECK(truthy(arr2(val_int(0), val_int(0))));
    CHECK(truthy(ht_new(0)));
    CHECK(truthy(object_new_custom()));
    CHECK(truthy(val_timespan(0)));
    CHECK(truthy(val_datetime(0, 0)));
    CHECK(!truthy(val_char(0)));
    CHECK(truthy(val_double(NAN)));
}

/* ---- casts ---- */
static void test_casts_integer(void)
{
    CHECK_STR(cast(val_double(2.5), TY_INT32, 0), "Int32:2");
    CHECK_STR(cast(val_double(3.5), TY_INT32, 0), "Int32:4");
    CHECK_STR(cast(val_double(-2.5), TY_INT32, 0), "Int32:-2");
    CHECK_STR(cast(val_double(21.5), TY_BYTE, 0), "Byte:22");
    CHECK_STR(cast(val_double(3.5), TY_INT32, 0), "Int32:4");
    CHECK_STR(cast(S("42"), TY_INT32, 0), "Int32:42");
    CHECK_STR(cast(S(" 0x10 "), TY_INT32, 0), "Int32:16");
    CHECK_STR(cast(S("2.5"), TY_INT32, 0), "Int32:2");
    CHECK_STR(cast(S(""), TY_INT32, 0), "Int32:0");
    CHECK_STR(cast(val_null(), TY_INT32, 0), "Int32:0");
    CHECK_STR(cast(val_bool(1), TY_INT32, 0), "Int32:1");
    CHECK_STR(cast(val_char('a'), TY_INT32, 0), "Int32:97");
    CHECK_STR(cast(D("2.5"), TY_INT32, 0), "Int32:2");
    CHECK_STR(cast(D("-3.5"), TY_INT64, 0), "Int64:-4");
    CHECK_STR(
        cast(val_int(-1), TY_UINT64, 0),
        "ERR:Cannot convert value \"-1\" to type \"System.UInt64\". Error: \"Value was either "
        "too large or too small for a UInt64.\"");
    CHECK_STR(cast(val_int(300), TY_BYTE, 0),
              "ERR:Cannot convert value \"300\" to type \"System.Byte\". Error: \"Value was either "
              "too large or too small for an unsigned byte.\"");
    CHECK_STR(
        cast(val_double(3e10), TY_INT32, 0),
        "ERR:Cannot convert value \"30000000000\" to type \"System.Int32\". Error: \"Value was "
        "either too large or too small for an Int32.\"");
    CHECK_STR(
        cast(S("abc"), TY_INT32, 0),
        "ERR:Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string "
        "'abc' was not in a correct format.\"");
    CHECK_STR(cast(ht_new(0), TY_INT32, 0),
              "ERR:Cannot convert the \"System.Collections.Hashtable\" value of type "
              "\"System.Collections.Hashtable\" to type \"System.Int32\".");
    CHECK_STR(cast(val_long(5), TY_INT16, 0), "Int16:5");
    CHECK_STR(
        cast(val_int(-129), TY_SBYTE, 0),
        "ERR:Cannot convert value \"-129\" to type \"System.SByte\". Error: \"Value was either "
        "too large or too small for a signed byte.\"");
    CHECK_STR(
        cast(val_double(NAN), TY_INT32, 0),
        "ERR:Cannot convert value \"NaN\" to type \"System.Int32\". Error: \"Value was either "
        "too large or too small for an Int32.\"");
    CHECK_STR(cast(val_ulong(UINT64_MAX), TY_UINT64, 0), "UInt64:18446744073709551615");
    CHECK_STR(cast(val_ulong(UINT64_MAX), TY_INT64, 0),
              "ERR:Cannot convert value \"18446744073709551615\" to type \"System.Int64\". Error: "
              "\"Value was either too large or too small for an Int64.\"");
}

static void test_casts_other(void)
{
    CHECK_STR(cast(S("false"), TY_BOOL, 0), "Boolean:True");
    CHECK_STR(cast(S(""), TY_BOOL, 0), "Boolean:False");
    CHECK_STR(cast(val_int(0), TY_BOOL, 0), "Boolean:False");
    CHECK_STR(cast(val_null(), TY_BOOL, 0), "Boolean:False");
    CHECK_STR(cast(S("x"), TY_CHAR, 0), "Char:x");
    CHECK_STR(cast(val_int(65), TY_CHAR, 0), "Char:A");
    CHECK_STR(cast(S("ab"), TY_CHAR, 0),
              "ERR:Cannot convert value \"ab\" to type \"System.Char\". Error: \"String must be "
              "exactly one character long.\"");
    CHECK_STR(
        cast(val_int(70000), TY_CHAR, 0),
        "ERR:Cannot convert value \"70000\" to type \"System.Char\". Error: \"Value was either "
        "too large or too small for a character.\"");
    CHECK_STR(cast(val_int(5), TY_STRING, 0), "String:5");
    CHECK_STR(cast(val_null(), TY_STRING, 0), "String:");
    CHECK_STR(cast(arr3(val_int(1), val_int(2), val_int(3)), TY_STRING, 0), "String:1 2 3");
    CHECK_STR(cast(S("1.5"), TY_DOUBLE, 0), "Double:1.5");
    CHECK_STR(cast(S("1e3"), TY_DOUBLE, 0), "Double:1000");
    CHECK_STR(cast(S("NaN"), TY_DOUBLE, 0), "Double:NaN");
    CHECK_STR(cast(val_int(7), TY_DOUBLE, 0), "Double:7");
    CHECK_STR(
        cast(S("x1"), TY_DOUBLE, 0),
        "ERR:Cannot convert value \"x1\" to type \"System.Double\". Error: \"The input string "
        "'x1' was not in a correct format.\"");
    CHECK_STR(cast(S("1.30"), TY_DECIMAL, 0), "Decimal:1.30");
    CHECK_STR(cast(val_double(0.1), TY_DECIMAL, 0), "Decimal:0.1");
    CHECK_STR(cast(val_double(1.0 / 3), TY_DECIMAL, 0), "Decimal:0.333333333333333");
    CHECK_STR(cast(val_double(2.0), TY_DECIMAL, 0), "Decimal:2");
    CHECK_STR(cast(val_int(12), TY_DECIMAL, 0), "Decimal:12");
    CHECK_STR(cast(val_double(1e30), TY_DECIMAL, 0),
              "ERR:Cannot convert value \"1E+30\" to type \"System.Decimal\". Error: \"Value was "
              "either too large or too small for a Decimal.\"");
    CHECK_STR(cast(val_double(1.5), TY_SINGLE, 0), "Single:1.5");
    CHECK_STR(cast(val_int(1), TY_ARRAY, 0), "Object[]:1");
    CHECK_STR(cast(val_null(), TY_ARRAY, 0), "null:");
    CHECK_STR(cast(arr_new(TY_INT32, 0), TY_ARRAY, 0), "Int32[]:");
    CHECK_STR(cast(arr_new(TY_INT32, 0), TY_OBJECT, 1), "Object[]:");
    CHECK_STR(cast(arr2(S("1"), S("2")), TY_INT32, 1), "Int32[]:1 2");
    CHECK_STR(cast(S("7"), TY_INT32, 1), "Int32[]:7");
    CHECK_STR(cast(S("abc"), TY_CHAR, 1), "Char[]:a b c");
    CHECK_STR(cast(arr2(val_int(1), val_int(2)), TY_STRING, 1), "String[]:1 2");
    CHECK_STR(
        cast(arr2(S("1"), S("x")), TY_INT32, 1),
        "ERR:Cannot convert value \"x\" to type \"System.Int32\". Error: \"The input string 'x' "
        "was not in a correct format.\"");
    CHECK_STR(cast(S("2024-02-29"), TY_DATETIME, 0), "DateTime:02/29/2024 00:00:00");
    CHECK_STR(cast(S("12/31/1999 23:59:58"), TY_DATETIME, 0), "DateTime:12/31/1999 23:59:58");
    CHECK_STR(cast(S("1.02:03:04"), TY_TIMESPAN, 0), "TimeSpan:1.02:03:04");
    CHECK_STR(cast(S("int"), TY_TYPE, 0), "RuntimeType:int");
    CHECK_STR(cast(val_int(3), TY_VOID, 0), "null:");
    CHECK_STR(cast(S("x"), TY_HASHTABLE, 0),
              "ERR:Cannot convert the \"x\" value of type \"System.String\" to type "
              "\"System.Collections.Hashtable\".");
    Value h = ht_new(0);
    Value k = S("Name");
    ht_set(h, k, k);
    val_unref(k);
    CHECK_STR(cast(val_ref(h), TY_PSCUSTOMOBJECT, 0), "PSCustomObject:@{Name=Name}");
    CHECK_STR(cast(val_ref(h), TY_ORDERED, 0),
              "OrderedDictionary:System.Collections.Specialized.OrderedDictionary");
    CHECK_STR(cast(h, TY_HASHTABLE, 0), "Hashtable:System.Collections.Hashtable");
    CHECK_STR(cast(val_int(5), TY_OBJECT, 0), "Int32:5");
    CHECK_STR(cast(val_int(5), TY_PSOBJECT, 0), "Int32:5");
}

static int is(Value v, TypeId t, int is_array)
{
    int r = convert_is(v, t, is_array);
    val_unref(v);
    return r;
}

static void test_is_as(void)
{
    CHECK(is(val_int(1), TY_INT32, 0));
    CHECK(!is(val_int(1), TY_INT64, 0));
    CHECK(is(val_int(1), TY_OBJECT, 0));
    CHECK(!is(val_null(), TY_OBJECT, 0));
    CHECK(is(S("x"), TY_STRING, 0));
    CHECK(is(arr_new(TY_OBJECT, 0), TY_ARRAY, 0));
    CHECK(is(arr_new(TY_OBJECT, 0), TY_OBJECT, 1));
    CHECK(!is(arr_new(TY_INT32, 0), TY_OBJECT, 1));
    CHECK(is(arr_new(TY_STRING, 0), TY_OBJECT, 1));
    CHECK(is(arr_new(TY_INT32, 0), TY_INT32, 1));
    CHECK(is(ht_new(0), TY_HASHTABLE, 0));
    CHECK(!is(ht_new(1), TY_HASHTABLE, 0));
    CHECK(is(object_new_custom(), TY_PSCUSTOMOBJECT, 0));
    CHECK(is(object_new_custom(), TY_PSOBJECT, 0));
    CHECK(!is(val_int(1), TY_PSOBJECT, 0));
    CHECK(is(D("1"), TY_DECIMAL, 0));
    CHECK(is(typeref_new(TY_INT32, 0), TY_TYPE, 0));
    Value t = typeref_parse("int", 3);
    Value s = S("12");
    Value r = convert_as(s, t);
    CHECK_STR(typed_take(r), "Int32:12");
    val_unref(s);
    s = S("zz");
    r = convert_as(s, t);
    CHECK(r.kind == VAL_NULL);
    val_unref(s);
    CHECK(convert_is_type(val_int(3), t));
    val_unref(t);
    t = typeref_parse("System.IO.FileInfo", 18);
    CHECK(!convert_is_type(val_int(3), t));
    Value out;
    ConvError e;
    CHECK(convert_to_type(val_int(3), t, &out, &e) == -1);
    CHECK_STR(
        e.msg,
        "Cannot convert the \"3\" value of type \"System.Int32\" to type \"System.IO.FileInfo\".");
    CHECK_STR(e.id, "ConvertToFinalInvalidCastException");
    val_unref(t);
}

/* ---- 6.3 comparisons ---- */
static void test_equality(void)
{
    CHECK(eq(val_int(1), S("1.0"), 0));
    CHECK(!eq(S("1.0"), val_int(1), 0));
    CHECK(eq(val_int(10), S("0xa"), 0));
    CHECK(eq(S("abc"), S("ABC"), 0));
    CHECK(!eq(S("abc"), S("ABC"), 1));
    CHECK(eq(S("abc"), S("abc"), 1));
    CHECK(eq(val_int(1), val_double(1.0), 0));
    CHECK(!eq(val_int(1), val_double(1.5), 0));
    CHECK(eq(val_long(5), val_int(5), 0));
    CHECK(eq(D("1.30"), D("1.3"), 0));
    CHECK(eq(D("2"), val_int(2), 0));
    CHECK(eq(val_null(), val_null(), 0));
    CHECK(eq(val_null(), val_autonull(), 0));
    CHECK(!eq(val_int(0), val_null(), 0));
    CHECK(!eq(val_null(), val_int(0), 0));
    CHECK(!eq(S(""), val_null(), 0));
    CHECK(eq(val_bool(1), S("false"), 0));
    CHECK(!eq(val_bool(0), S("false"), 0));
    CHECK(eq(val_bool(1), val_int(5), 0));
    CHECK(eq(val_int(1), val_bool(1), 0));
    CHECK(!eq(val_int(16), S("file"), 0));
    CHECK(eq(val_char('a'), S("A"), 0));
    CHECK(!eq(val_char('a'), S("A"), 1));
    CHECK(eq(val_char('a'), val_int(97), 0));
    CHECK(eq(S("1 2"), arr2(val_int(1), val_int(2)), 0));
    CHECK(eq(S("5"), val_int(5), 0));
    Value h = ht_new(0);
    CHECK(eq(val_ref(h), val_ref(h), 0));
    CHECK(!eq(val_ref(h), ht_new(0), 0));
    val_unref(h);
    CHECK(eq(S("\xC3\x89t\xC3\xA9"), S("\xC3\xA9T\xC3\x89"), 0)); /* Été vs éTÉ */
    CHECK(eq(typeref_new(TY_INT32, 0), typeref_parse("System.Int32", 12), 0));
    CHECK(eq(typeref_new(TY_INT32, 0), S("int"), 0));
    CHECK(!eq(typeref_new(TY_INT32, 0), S("long"), 0));
    CHECK(eq(val_datetime(0, 0), S("0001-01-01"), 0));
    CHECK(!eq(val_datetime(1, 0), S("0001-01-01"), 0));
    CHECK(!eq(val_datetime(0, 0), S("garbage"), 0));
    CHECK(!eq(ht_new(0), S("System.Collections.Hashtable"), 0));
}

static void test_ordering(void)
{
    CHECK(cmp(S("a"), S("B"), 1) < 0); /* 'a' -clt 'B' */
    CHECK(cmp(S("a"), S("B"), 0) < 0);
    CHECK(cmp(S("aaa"), S("AAA"), 1) < 0); /* 'aaa' -clt 'AAA' */
    CHECK(cmp(S("aaa"), S("AAA"), 0) == 0);
    CHECK(cmp(S("AAA"), S("aaa"), 1) > 0);
    CHECK(cmp(S("abc"), S("abd"), 0) < 0);
    CHECK(cmp(S("ab"), S("abc"), 0) < 0);
    CHECK(cmp(S("b"), S("abc"), 0) > 0);
    CHECK(cmp(S("10"), val_int(9), 0) < 0); /* string compare: "10" < "9" */
    CHECK(cmp(val_int(10), S("9"), 0) > 0);
    CHECK(cmp(val_int(2), val_double(2.5), 0) < 0);
    CHECK(cmp(val_double(2.5), val_int(2), 0) > 0);
    CHECK(cmp(val_long(INT64_MAX), val_ulong(UINT64_MAX), 0) < 0);
    CHECK(cmp(val_int(-1), val_ulong(0), 0) < 0);
    CHECK(cmp(D("1.5"), val_int(1), 0) > 0);
    CHECK(cmp(val_int(3), D("3.00"), 0) == 0);
    CHECK(cmp(val_null(), val_int(5), 0) < 0);
    CHECK(cmp(val_null(), val_int(0), 0) < 0);  /* $null -lt 0 */
    CHECK(cmp(val_null(), val_int(-5), 0) > 0); /* $null -gt -5: $null acts as 0 */
    CHECK(cmp(val_int(-5), val_null(), 0) < 0);
    CHECK(cmp(val_int(0), val_null(), 0) > 0); /* 0 -gt $null */
    CHECK(cmp(val_null(), val_null(), 0) == 0);
    CHECK(cmp(val_null(), S("a"), 0) < 0);
    CHECK(cmp(S(""), val_null(), 0) > 0);
    CHECK(cmp(val_bool(0), val_bool(1), 0) < 0);
    CHECK(cmp(val_char('a'), val_char('B'), 0) < 0);
    CHECK(cmp(val_double(NAN), val_int(0), 0) < 0);
    CHECK(cmp(val_datetime(5, 0), val_datetime(7, 0), 0) < 0);
    CHECK(cmp(val_datetime(864000000000LL * 400, 0), S("0001-12-31"), 0) > 0);
    CHECK(cmp(val_timespan(10000000), S("00:00:02"), 0) < 0);
    CHECK(cmp(val_datetime(0, 0), S("soon"), 0) == 9);
    CHECK(cmp(val_int(5), S("abc"), 0) == 9);
    CHECK(cmp(ht_new(0), ht_new(0), 0) == 9);
    int c;
    ConvError e;
    Value a = val_int(5), b = S("abc");
    CHECK(convert_compare(a, b, 0, &c, &e) == -1);
    CHECK_STR(e.msg, "Could not compare \"5\" to \"abc\". Error: \"Cannot convert value \"abc\" to "
                     "type \"System.Int32\". Error: \"The input string 'abc' was not in a correct "
                     "format.\"\"");
    val_unref(b);
    a = ht_new(0);
    CHECK(convert_compare(a, a, 0, &c, &e) == 0);
    CHECK(c == 0); /* the same object: equal, so -le holds */
    Value a2 = ht_new(0);
    CHECK(convert_compare(a, a2, 0, &c, &e) == -1);
    CHECK_STR(e.msg,
              "Cannot compare \"System.Collections.Hashtable\" because it is not IComparable.");
    CHECK_STR(e.id, "NotIcomparable");
    val_unref(a2);
    val_unref(a);
    CHECK(convert_strcoll("x", 1, "x", 1, 1) == 0);
}

/* ICU root order: punctuation and symbols, then digits, then letters; case is a tie-break. */
static void test_collation(void)
{
    static const char *const sorted[] = {" ", "_", "-", ",", ";", ":", "!", "?", ".", "'", "\"",
                                         "(", ")", "[", "]", "{", "}", "@", "*", "/", "\\",
                                         "&", "#", "%", "`", "^", "+", "<", "=", ">", "|", "~",
                                         "$", "0", "9", "a", "A", "b", "z"};
    size_t n = sizeof sorted / sizeof sorted[0];
    for (size_t i = 0; i + 1 < n; i++)
        CHECK(convert_strcoll(sorted[i], strlen(sorted[i]), sorted[i + 1], strlen(sorted[i + 1]),
                              1) < 0);
    CHECK(convert_strcoll("a", 1, "A", 1, 0) == 0);
    CHECK(convert_strcoll("ab", 2, "a~", 2, 0) > 0);
    CHECK(convert_strcoll("\x01", 1, "\x02", 1, 0) < 0); /* controls stay distinct */
    CHECK_STR(num("#F"), "Int32:15");
    CHECK_STR(num("&hF"), "Int32:15");
    CHECK_STR(num("#"), "FAIL");
}

/* ---- 6.1 / 6.2 arithmetic ---- */
static void test_arith_numbers(void)
{
    CHECK_STR(ar(ARITH_ADD, val_int(6), S("3")), "Int32:9");
    CHECK_STR(ar(ARITH_SUB, val_int(10), S(" 9 ")), "Int32:1");
    CHECK_STR(ar(ARITH_ADD, val_int(INT32_MAX), val_int(1)), "Double:2147483648");
    CHECK_STR(ar(ARITH_SUB, val_int(INT32_MIN), val_int(1)), "Double:-2147483649");
    CHECK_STR(ar(ARITH_MUL, val_int(65536), val_int(65536)), "Double:4294967296");
    CHECK_STR(ar(ARITH_ADD, val_long(INT64_MAX), val_int(1)), "Double:9.22337203685478E+18");
    CHECK_STR(ar(ARITH_ADD, val_int(1), val_long(2)), "Int64:3");
    CHECK_STR(ar(ARITH_ADD, val_int(1), val_double(0.5)), "Double:1.5");
    CHECK_STR(ar(ARITH_ADD, val_double(0.1), val_double(0.2)), "Double:0.3");
    CHECK_STR(ar(ARITH_DIV, val_int(5), val_int(2)), "Double:2.5");
    CHECK_STR(ar(ARITH_DIV, val_int(6), val_int(2)), "Int32:3");
    CHECK_STR(ar(ARITH_DIV, val_int(1), val_int(3)), "Double:0.333333333333333");
    CHECK_STR(ar(ARITH_DIV, val_long(10), val_int(5)), "Int64:2");
    CHECK_STR(ar(ARITH_DIV, val_int(INT32_MIN), val_int(-1)), "Double:2147483648");
    CHECK_STR(ar(ARITH_DIV, val_int(1), val_int(0)), "ERR:Attempted to divide by zero.");
    CHECK_STR(ar(ARITH_MOD, val_int(1), val_int(0)), "ERR:Attempted to divide by zero.");
    CHECK_STR(ar(ARITH_DIV, val_double(1), val_int(0)), "Double:Infinity");
    CHECK_STR(ar(ARITH_DIV, val_double(-1), val_int(0)), "Double:-Infinity");
    CHECK_STR(ar(ARITH_DIV, val_double(0), val_double(0)), "Double:NaN");
    CHECK_STR(ar(ARITH_MOD, val_int(-7), val_int(3)), "Int32:-1");
    CHECK_STR(ar(ARITH_MOD, val_int(7), val_int(-3)), "Int32:1");
    CHECK_STR(ar(ARITH_MOD, val_double(7.5), val_int(2)), "Double:1.5");
    CHECK_STR(ar(ARITH_SUB, val_bool(0), val_bool(1)), "Int32:-1");
    CHECK_STR(ar(ARITH_ADD, val_bool(1), val_bool(1)), "Int32:2");
    CHECK_STR(ar(ARITH_MUL, val_bool(1), val_bool(1)),
              "ERR:Method invocation failed because [System.Boolean] does not contain a method "
              "named 'op_Multiply'.");
    CHECK_STR(ar(ARITH_ADD, val_int(1), val_integer(VAL_UINT32, 4000000000)), "UInt32:4000000001");
    CHECK_STR(ar(ARITH_ADD, val_int(-1), val_integer(VAL_UINT32, 5)), "Int64:4");
    CHECK_STR(ar(ARITH_SUB, val_integer(VAL_UINT32, 1), val_integer(VAL_UINT32, 2)), "Double:-1");
    CHECK_STR(ar(ARITH_ADD, val_int(1), val_ulong(5)), "UInt64:6");
    CHECK_STR(ar(ARITH_ADD, val_int(-1), val_ulong(5)), "Decimal:4");
    CHECK_STR(ar(ARITH_MUL, val_long(INT64_MIN), val_ulong(UINT64_MAX)),
              "Double:-1.70141183460469E+38");
    CHECK_STR(ar(ARITH_ADD, val_long(1), val_integer(VAL_UINT32, 2)), "Int64:3");
    CHECK_STR(ar(ARITH_ADD, val_integer(VAL_UINT32, 1), val_integer(VAL_UINT32, 2)), "UInt32:3");
    CHECK_STR(ar(ARITH_ADD, val_integer(VAL_BYTE, 200), val_integer(VAL_BYTE, 100)), "Int32:300");
    CHECK_STR(ar(ARITH_ADD, val_ulong(UINT64_MAX), val_ulong(1)), "Double:1.84467440737096E+19");
    CHECK_STR(ar(ARITH_ADD, val_int(16), S("file")),
              "ERR:Cannot convert value \"file\" to type \"System.Int32\". Error: \"The input "
              "string 'file' was not in a correct format.\"");
    CHECK_STR(ar(ARITH_ADD, val_int(1), S("1.5")), "Double:2.5");
    CHECK_STR(ar(ARITH_ADD, val_int(1), S("")), "Int32:1");
    CHECK_STR(ar(ARITH_ADD, val_int(1), S("1kb")), "Int32:1025");
    CHECK_STR(ar(ARITH_ADD, val_char('a'), val_int(1)), "String:a1");
    CHECK_STR(ar(ARITH_SUB, val_char('b'), val_int(1)), "Int32:97");
    CHECK_STR(ar(ARITH_ADD, val_int(1), val_char('a')), "Int32:98");
    CHECK_STR(ar(ARITH_MUL, val_bool(1), val_int(2)),
              "ERR:Method invocation failed because [System.Boolean] does not contain a method "
              "named 'op_Multiply'.");
    CHECK_STR(ar(ARITH_MUL, val_int(2), val_bool(1)), "Int32:2");
    CHECK_STR(ar(ARITH_ADD, val_int(1), arr2(val_int(1), val_int(2))),
              "ERR:Cannot convert the \"1 2\" value of type \"System.Object[]\" to type "
              "\"System.Int32\".");
    CHECK_STR(ar(ARITH_ADD, val_double(1.5), S("x")),
              "ERR:Cannot convert value \"x\" to type \"System.Double\". Error: \"The input string "
              "'x' was not in a correct format.\"");
    CHECK_STR(ar(ARITH_MUL, val_single(1.5f), val_int(2)), "Double:3");
}

static void test_arith_decimal(void)
{
    CHECK_STR(ar(ARITH_ADD, D("1.30"), val_int(1)), "Decimal:2.30");
    CHECK_STR(ar(ARITH_ADD, D("0.1"), D("0.2")), "Decimal:0.3");
    CHECK_STR(ar(ARITH_MUL, D("1.30"), val_int(2)), "Decimal:2.60");
    CHECK_STR(ar(ARITH_MUL, D("1.5"), D("1.5")), "Decimal:2.25");
    CHECK_STR(ar(ARITH_DIV, D("1"), D("3")), "Decimal:0.3333333333333333333333333333");
    CHECK_STR(ar(ARITH_DIV, D("2"), D("3")), "Decimal:0.6666666666666666666666666667");
    CHECK_STR(ar(ARITH_DIV, D("10"), D("4")), "Decimal:2.5");
    CHECK_STR(ar(ARITH_DIV, D("10.00"), val_int(4)), "Decimal:2.50");
    CHECK_STR(ar(ARITH_DIV, D("1"), val_int(0)), "ERR:Attempted to divide by zero.");
    CHECK_STR(ar(ARITH_MOD, D("7.5"), val_int(2)), "Decimal:1.5");
    CHECK_STR(ar(ARITH_MOD, D("-7.5"), val_int(2)), "Decimal:-1.5");
    CHECK_STR(ar(ARITH_SUB, D("1"), D("1.00")), "Decimal:0.00");
    CHECK_STR(ar(ARITH_SUB, D("1"), D("3")), "Decimal:-2");
    CHECK_STR(ar(ARITH_ADD, val_int(1), D("0.5")), "Decimal:1.5");
    CHECK_STR(ar(ARITH_ADD, D("0.5"), val_double(0.25)), "Decimal:0.75");
    CHECK_STR(ar(ARITH_ADD, val_double(1.5), D("1")), "Decimal:2.5");
    CHECK_STR(ar(ARITH_ADD, D("1"), S("1.5")), "Decimal:2.5");
    CHECK_STR(ar(ARITH_ADD, D("1"), val_double(1e30)),
              "ERR:Value was either too large or too small for a Decimal.");
    CHECK_STR(ar(ARITH_MUL, D("79228162514264337593543950335"), val_int(2)),
              "ERR:Value was either too large or too small for a Decimal.");
    CHECK_STR(ar(ARITH_ADD, D("79228162514264337593543950335"), D("0.4")),
              "Decimal:79228162514264337593543950335");
    CHECK_STR(ar(ARITH_ADD, D("0.0000000000000000000000000001"), D("1")),
              "Decimal:1.0000000000000000000000000001");
    CHECK_STR(ar(ARITH_ADD, D("0.00000000000000000000000000005"), D("0")),
              "Decimal:0.0000000000000000000000000000");
}

static void test_arith_strings_arrays(void)
{
    CHECK_STR(ar(ARITH_ADD, S("file"), val_int(16)), "String:file16");
    CHECK_STR(ar(ARITH_MUL, S("!"), val_int(3)), "String:!!!");
    CHECK_STR(ar(ARITH_MUL, S("10"), S("2")), "String:1010");
    CHECK_STR(ar(ARITH_MUL, S("ab"), val_int(0)), "String:");
    CHECK_STR(ar(ARITH_SUB, S("10"), S("2")), "Int32:8");
    CHECK_STR(ar(ARITH_DIV, S("10"), S("2")), "Int32:5");
    CHECK_STR(ar(ARITH_MOD, S("10"), S("4")), "Int32:2");
    CHECK_STR(ar(ARITH_SUB, S("abc"), val_int(1)),
              "ERR:Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input "
              "string 'abc' was not in a correct format.\"");
    CHECK_STR(ar(ARITH_ADD, S("a"), arr2(val_int(1), val_int(2))), "String:a1 2");
    CHECK_STR(ar(ARITH_ADD, S("a"), val_null()), "String:a");
    CHECK_STR(ar(ARITH_ADD, S("x"), val_double(0.5)), "String:x0.5");
    CHECK_STR(ar(ARITH_ADD, arr2(val_int(1), val_int(2)), val_int(3)), "Object[]:1 2 3");
    CHECK_STR(ar(ARITH_ADD, arr2(val_int(1), val_int(2)), arr2(val_int(3), val_int(4))),
              "Object[]:1 2 3 4");
    CHECK_STR(ar(ARITH_ADD, arr_new(TY_INT32, 0), val_int(3)), "Object[]:3");
    CHECK_STR(ar(ARITH_MUL, arr2(val_int(1), val_int(2)), val_int(2)), "Object[]:1 2 1 2");
    CHECK_STR(ar(ARITH_MUL, arr2(val_int(1), val_int(2)), S("0")), "Object[]:");
    CHECK_STR(
        ar(ARITH_MUL, arr2(val_int(1), val_int(2)), val_int(-1)),
        "ERR:Cannot convert value \"-1\" to type \"System.UInt32\". Error: \"Value was either "
        "too large or too small for a UInt32.\"");
    CHECK_STR(ar(ARITH_MUL, S("ab"), val_int(-2)), "String:");
    CHECK_STR(ar(ARITH_SUB, S("x"), val_double(1.5)),
              "ERR:Cannot convert value \"x\" to type \"System.Double\". Error: \"The input string "
              "'x' was not in a correct format.\"");
    CHECK_STR(ar(ARITH_SUB, arr2(val_int(1), val_int(2)), val_int(1)),
              "ERR:Method invocation failed because [System.Object[]] does not contain a method "
              "named 'op_Subtraction'.");
    Value a = arr2(val_int(1), val_int(2));
    Value r;
    ConvError e;
    CHECK(arith_binary(ARITH_ADD, a, val_null(), NULL, &r, &e) == 0);
    CHECK(arr_len(r) == 3 && arr_peek(r, 2).kind == VAL_NULL);
    val_unref(r);
    val_unref(a);
}

static void test_arith_null_hash(void)
{
    CHECK_STR(ar(ARITH_ADD, val_null(), val_int(5)), "Int32:5");
    CHECK_STR(ar(ARITH_MUL, val_null(), val_int(5)), "null:");
    CHECK_STR(ar(ARITH_MUL, val_int(5), val_null()), "Int32:0");
    CHECK_STR(ar(ARITH_ADD, val_null(), S("a")), "String:a");
    CHECK_STR(ar(ARITH_ADD, val_null(), val_null()), "null:");
    CHECK_STR(ar(ARITH_SUB, val_null(), val_int(5)), "Int32:-5");
    CHECK_STR(ar(ARITH_ADD, val_int(5), val_null()), "Int32:5");
    CHECK_STR(ar(ARITH_DIV, val_int(5), val_null()), "ERR:Attempted to divide by zero.");
    Value h1 = ht_new(0), h2 = ht_new(0), k = S("a"), k2 = S("B");
    ht_set(h1, k, val_int(1));
    ht_set(h2, k2, val_int(2));
    Value r;
    ConvError e;
    CHECK(arith_binary(ARITH_ADD, h1, h2, NULL, &r, &e) == 0);
    CHECK(ht_count(r) == 2 && ht_count(h1) == 1);
    CHECK(val_is(r, &cls_hashtable));
    val_unref(r);
    Value k3 = S("A");
    ht_set(h2, k3, val_int(3));
    CHECK(arith_binary(ARITH_ADD, h1, h2, NULL, &r, &e) == -1);
    CHECK_STR(e.msg, "Item has already been added. Key in dictionary: 'a'  Key being added: 'A'");
    CHECK_STR(e.id, "System.ArgumentException");
    CHECK(arith_binary(ARITH_ADD, h1, val_int(1), NULL, &r, &e) == -1);
    CHECK_STR(e.msg, "A hash table can only be added to another hash table.");
    CHECK_STR(e.id, "AddHashTableToNonHashTable");
    CHECK(arith_binary(ARITH_SUB, h1, h2, NULL, &r, &e) == -1);
    CHECK_STR(e.msg, "Method invocation failed because [System.Collections.Hashtable] does not "
                     "contain a method named 'op_Subtraction'.");
    CHECK_STR(e.id, "MethodNotFound");
    val_unref(k);
    val_unref(k2);
    val_unref(k3);
    val_unref(h1);
    val_unref(h2);
    CHECK_STR(ar(ARITH_ADD, object_new_custom(), val_int(1)),
              "ERR:Method invocation failed because [System.Management.Automation.PSObject] "
              "does not contain a method named 'op_Addition'.");
}

static void test_arith_misc(void)
{
    CHECK_STR(ar(ARITH_BAND, val_int(12), val_int(10)), "Int32:8");
    CHECK_STR(ar(ARITH_BOR, val_int(12), val_int(3)), "Int32:15");
    CHECK_STR(ar(ARITH_BXOR, val_int(5), val_int(1)), "Int32:4");
    CHECK_STR(ar(ARITH_SHR, val_int(21), val_int(32)), "Int32:21");
    CHECK_STR(ar(ARITH_SHL, val_int(1), val_int(4)), "Int32:16");
    CHECK_STR(ar(ARITH_SHR, val_int(-16), val_int(2)), "Int32:-4");
    CHECK_STR(ar(ARITH_SHL, val_long(1), val_int(40)), "Int64:1099511627776");
    CHECK_STR(ar(ARITH_BAND, S("12"), val_int(4)), "Int32:4");
    CHECK_STR(ar(ARITH_BAND, val_int(-1), val_integer(VAL_UINT32, 7)), "UInt32:7");
    CHECK_STR(ar(ARITH_BOR, val_int(1), val_long(1LL << 40)), "Int64:1099511627777");
    CHECK_STR(ar(ARITH_BXOR, val_ulong(UINT64_MAX), val_int(1)), "UInt64:18446744073709551614");
    CHECK_STR(ar(ARITH_BAND, val_double(6.5), val_int(3)), "Int64:2");
    CHECK_STR(ar(ARITH_BAND, val_null(), val_null()), "Int32:0");
    CHECK_STR(ar(ARITH_SHR, val_integer(VAL_UINT32, 0x80000000u), val_int(31)), "UInt32:1");
    CHECK_STR(ar(ARITH_SHR, val_long(-8), val_int(65)), "Int64:-4");
    CHECK_STR(ar(ARITH_SHL, val_integer(VAL_BYTE, 255), val_int(4)), "Int32:4080");
    CHECK_STR(ar(ARITH_BAND, ht_new(0), val_int(1)),
              "ERR:Cannot convert the \"System.Collections.Hashtable\" value of type "
              "\"System.Collections.Hashtable\" to type \"System.Int64\".");
    Value r;
    ConvError e;
    CHECK(arith_negate(val_int(5), &r, &e) == 0);
    CHECK_STR(typed_take(r), "Int32:-5");
    CHECK(arith_negate(val_int(INT32_MIN), &r, &e) == 0);
    CHECK_STR(typed_take(r), "Double:2147483648");
    Value s = S("2.5");
    CHECK(arith_negate(s, &r, &e) == 0);
    CHECK_STR(typed_take(r), "Double:-2.5");
    val_unref(s);
    Value d = D("1.30");
    CHECK(arith_negate(d, &r, &e) == 0);
    CHECK_STR(typed_take(r), "Decimal:-1.30");
    val_unref(d);
    CHECK(arith_bnot(val_int(0), &r, &e) == 0);
    CHECK_STR(typed_take(r), "Int32:-1");
    CHECK(arith_bnot(val_null(), &r, &e) == 0);
    CHECK_STR(typed_take(r), "Int32:-1");
    CHECK(arith_bnot(val_ulong(0), &r, &e) == 0);
    CHECK_STR(typed_take(r), "UInt64:18446744073709551615");
    CHECK(arith_bnot(val_long(5), &r, &e) == 0);
    CHECK_STR(typed_take(r), "Int64:-6");
    s = S("x");
    CHECK(arith_negate(s, &r, &e) == -1);
    val_unref(s);
    int64_t day = 864000000000LL;
    CHECK_STR(ar(ARITH_ADD, val_datetime(0, 0), val_timespan(day)), "DateTime:01/02/0001 00:00:00");
    CHECK_STR(ar(ARITH_SUB, val_datetime(3 * day, 0), val_datetime(day, 0)), "TimeSpan:2.00:00:00");
    CHECK_STR(ar(ARITH_ADD, val_timespan(10000000), val_timespan(10000000)), "TimeSpan:00:00:02");
}

static const char *op(CmpOp o, Value a, Value b, int cs)
{
    Value r;
    ConvError e;
    const char *res;
    if (convert_cmp_op(o, a, b, cs, &r, &e)) {
        char *buf = slot();
        snprintf(buf, 600, "ERR:%s", e.id);
        res = buf;
    } else {
        res = typed_take(r);
    }
    val_unref(a);
    val_unref(b);
    return res;
}

static int contains(Value coll, Value item)
{
    int r = convert_contains(coll, item, 0);
    val_unref(coll);
    val_unref(item);
    return r;
}

static void test_cmp_ops(void)
{
    CHECK_STR(op(CMP_EQ, arr3(val_int(1), val_int(2), val_int(3)), val_int(2), 0), "Object[]:2");
    CHECK_STR(op(CMP_EQ, arr2(val_int(1), val_int(2)), val_int(3), 0), "Object[]:");
    CHECK_STR(op(CMP_NE, arr3(val_int(1), val_null(), val_int(3)), val_null(), 0), "Object[]:1 3");
    CHECK_STR(op(CMP_GT, arr3(val_int(1), val_int(5), val_int(3)), val_int(2), 0), "Object[]:5 3");
    CHECK_STR(op(CMP_LE, arr3(S("a"), S("B"), S("c")), S("b"), 0), "Object[]:a B");
    CHECK_STR(op(CMP_EQ, val_null(), arr2(val_int(1), val_int(2)), 0), "Boolean:False");
    CHECK_STR(op(CMP_EQ, val_int(1), S("1"), 0), "Boolean:True");
    CHECK_STR(op(CMP_NE, S("a"), S("A"), 0), "Boolean:False");
    CHECK_STR(op(CMP_NE, S("a"), S("A"), 1), "Boolean:True");
    CHECK_STR(op(CMP_LT, S("a"), S("B"), 1), "Boolean:True");
    CHECK_STR(op(CMP_GE, val_int(2), val_int(2), 0), "Boolean:True");
    CHECK_STR(op(CMP_LT, val_int(2), S("x"), 0), "ERR:ComparisonFailure");
    CHECK_STR(op(CMP_LT, arr2(val_int(1), val_int(2)), S("x"), 0), "ERR:ComparisonFailure");
    CHECK(!truthy(arr_new(TY_OBJECT, 0)));
    CHECK(contains(arr3(val_int(1), val_int(2), val_int(3)), S("2")));
    CHECK(!contains(arr2(val_int(1), val_int(2)), val_int(3)));
    CHECK(contains(arr2(S("true"), S("false")), val_bool(1)) == 1); /* "true" -eq $true */
    CHECK(contains(val_bool(1), S("true")));                        /* $true -in 'true' */
    CHECK(contains(arr2(S("ABC"), S("x")), S("abc")));
    CHECK(!convert_contains(val_null(), val_int(0), 0));
}

static const char *lit(NumType t, int64_t i, double d, const char *text)
{
    NumLit n;
    n.type = t;
    if (t == NUM_DOUBLE || t == NUM_DECIMAL || t == NUM_BIGINT)
        n.v.d = d;
    else
        n.v.i = i;
    return typed_take(convert_numlit(&n, text, text ? strlen(text) : 0));
}

static void test_numlit(void)
{
    CHECK_STR(lit(NUM_INT32, -5, 0, NULL), "Int32:-5");
    CHECK_STR(lit(NUM_INT64, 1LL << 40, 0, NULL), "Int64:1099511627776");
    CHECK_STR(lit(NUM_DOUBLE, 0, 1.5, NULL), "Double:1.5");
    CHECK_STR(lit(NUM_UINT64, -1, 0, NULL), "UInt64:18446744073709551615");
    CHECK_STR(lit(NUM_SBYTE, -1, 0, NULL), "SByte:-1");
    CHECK_STR(lit(NUM_BYTE, 255, 0, NULL), "Byte:255");
    CHECK_STR(lit(NUM_INT16, -2, 0, NULL), "Int16:-2");
    CHECK_STR(lit(NUM_UINT16, 65535, 0, NULL), "UInt16:65535");
    CHECK_STR(lit(NUM_UINT32, 4294967295LL, 0, NULL), "UInt32:4294967295");
    CHECK_STR(lit(NUM_DECIMAL, 0, 1.3, "1.30d"), "Decimal:1.30");
    CHECK_STR(lit(NUM_DECIMAL, 0, 1363148.8, "1.30dmb"), "Decimal:1363148.80");
    CHECK_STR(lit(NUM_DECIMAL, 0, 9.2e18, "9223372036854775808"), "Decimal:9223372036854775808");
    CHECK_STR(lit(NUM_DECIMAL, 0, 2.5, NULL), "Double:2.5");
    CHECK_STR(lit(NUM_BIGINT, 0, 12, "12n"), "BigInteger:12");
    CHECK_STR(lit(NUM_BIGINT, 0, 517543559168.0, "482ngb"), "BigInteger:517543559168");
    CHECK_STR(lit(NUM_BIGINT, 0, 1.1e53, "111111111111111111111111111111111111111111111111111111n"),
              "BigInteger:111111111111111111111111111111111111111111111111111111");
    CHECK_STR(lit(NUM_BIGINT, 0, 12, NULL), "BigInteger:12");
}

int main(void)
{
    test_numlit();
    test_cmp_ops();
    test_double_format();
    test_scalar_strings();
    test_collection_strings();
    test_parse_number();
    test_truthiness();
    test_casts_integer();
    test_casts_other();
    test_is_as();
    test_equality();
    test_ordering();
    test_collation();
    test_arith_numbers();
    test_arith_decimal();
    test_arith_strings_arrays();
    test_arith_null_hash();
    test_arith_misc();
    return check_done();
}
