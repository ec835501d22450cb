/*
** test_json: ConvertTo-Json / ConvertFrom-Json cores (cmdlets/json.c) against pwsh 7.5's
** documented output: layout, escapes, numbers, dates, depth truncation, the reader's leniency,
** error messages, deep nesting and UTF-8.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "cmdlets/json.h"
#include "runtime/array.h"
#include "runtime/datefmt.h"
#include "runtime/decimal.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"

static char outbuf[1 << 16];
static JsonError last;

/* ConvertTo-Json with options (NULL: defaults); the text, or "ERR:<msg>". */
static const char *tj(Value v, const JsonOpts *o)
{
    StrBuf sb = {0};
    int rc = json_write(v, o, &sb, &last);
    if (rc)
        snprintf(outbuf, sizeof outbuf, "ERR:%s", last.msg);
    else
        snprintf(outbuf, sizeof outbuf, "%s", sb_str(&sb));
    sb_free(&sb);
    return outbuf;
}

/* The same, consuming v. */
static const char *tj_take(Value v, const JsonOpts *o)
{
    tj(v, o);
    val_unref(v);
    return outbuf;
}

static const char *tjc_take(Value v)
{
    JsonOpts o;
    json_opts_init(&o);
    o.compress = 1;
    return tj_take(v, &o);
}

/* Parse, then write back compressed at depth 100: "ERR:<msg>" on a parse error. */
static const char *rt(const char *json, int as_ht)
{
    Value v;
    JsonError e;
    if (json_parse(json, strlen(json), as_ht, 0, &v, &e)) {
        snprintf(outbuf, sizeof outbuf, "ERR:%s", e.msg);
        return outbuf;
    }
    JsonOpts o;
    json_opts_init(&o);
    o.compress = 1;
    o.depth = 100;
    return tj_take(v, &o);
}

/* Parse only: the error message, or "" on success. */
static const char *perr(const char *json)
{
    Value v;
    JsonError e;
    if (json_parse(json, strlen(json), 0, 0, &v, &e)) {
        snprintf(outbuf, sizeof outbuf, "%s", e.msg);
        return outbuf;
    }
    val_unref(v);
    return "";
}

static Value obj2(const char *k1, Value v1, const char *k2, Value v2)
{
    Value o = object_new_custom();
    object_set_prop(o, k1, strlen(k1), v1);
    if (k2) object_set_prop(o, k2, strlen(k2), v2);
    val_unref(v1);
    val_unref(v2);
    return o;
}

static Value ht1(int ordered, const char *k, Value v)
{
    Value h = ht_new(ordered), key = val_str(k);
    ht_set(h, key, v);
    val_unref(key);
    val_unref(v);
    return h;
}

static Value arr3(Value a, Value b, Value c)
{
    Value items[3] = {a, b, c};
    Value r = arr_from(items, 3);
    for (int i = 0; i < 3; i++)
        val_unref(items[i]);
    return r;
}

static Value parse_ok(const char *json, int as_ht)
{
    Value v = val_null();
    JsonError e;
    CHECK(json_parse(json, strlen(json), as_ht, 0, &v, &e) == 0);
    return v;
}

static void test_scalars(void)
{
    CHECK_STR(tj(val_null(), NULL), "null");
    CHECK_STR(tj(val_autonull(), NULL), "null");
    CHECK_STR(tj(val_bool(1), NULL), "true");
    CHECK_STR(tj(val_bool(0), NULL), "false");
    CHECK_STR(tj(val_int(42), NULL), "42");
    CHECK_STR(tj(val_int(-7), NULL), "-7");
    CHECK_STR(tj(val_long(INT64_MIN), NULL), "-9223372036854775808");
    CHECK_STR(tj(val_ulong(UINT64_MAX), NULL), "18446744073709551615");
    CHECK_STR(tj(val_integer(VAL_BYTE, 255), NULL), "255");
    CHECK_STR(tj(val_double(0.1 + 0.2), NULL), "0.30000000000000004");
    CHECK_STR(tj(val_double(1.0), NULL), "1.0");
    CHECK_STR(tj(val_double(-0.5), NULL), "-0.5");
    CHECK_STR(tj(val_double(100), NULL), "100.0");
    CHECK_STR(tj(val_double(1e20), NULL), "1E+20");
    CHECK_STR(tj(val_double(1.5e-7), NULL), "1.5E-07");
    CHECK_STR(tj(val_double(NAN), NULL), "\"NaN\"");
    CHECK_STR(tj(val_double(INFINITY), NULL), "\"Infinity\"");
    CHECK_STR(tj(val_double(-INFINITY), NULL), "\"-Infinity\"");
    CHECK_STR(tj(val_single(1.5f), NULL), "1.5");
    CHECK_STR(tj(val_single(0.1f), NULL), "0.1");
    CHECK_STR(tj(val_single(3.0f), NULL), "3.0");
    CHECK_STR(tj(val_char('a'), NULL), "\"a\"");
    CHECK_STR(tj(val_char('"'), NULL), "\"\\\"\"");
    CHECK_STR(tj(val_char(0xE9), NULL), "\"\xC3\xA9\"");
    Decimal d;
    CHECK(dec_parse("1.50", 4, &d));
    CHECK_STR(tj_take(dec_value(d), NULL), "1.50");
    CHECK(dec_parse("-3", 2, &d));
    CHECK_STR(tj_take(dec_value(d), NULL), "-3.0");
    CHECK_STR(tj_take(val_str(""), NULL), "\"\"");
    CHECK_STR(tj_take(val_str("hello"), NULL), "\"hello\"");
    CHECK(last.warning[0] == 0);
}

static void test_strings(void)
{
    CHECK_STR(tj_take(val_str("a\"b\\c"), NULL), "\"a\\\"b\\\\c\"");
    CHECK_STR(tj_take(val_str("l1\nl2\r\tx\b\f"), NULL), "\"l1\\nl2\\r\\tx\\b\\f\"");
    CHECK_STR(tj_take(val_str("\x01\x1f"), NULL), "\"\\u0001\\u001f\"");
    CHECK_STR(tj_take(val_str("\x1b[0m"), NULL), "\"\\u001b[0m\"");
    CHECK_STR(tj_take(val_str("a/b"), NULL), "\"a/b\"");
    CHECK_STR(tj_take(val_str("<a href='x'>&</a>"), NULL), "\"<a href='x'>&</a>\"");
    CHECK_STR(tj_take(val_str("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), NULL),
              "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"");
    CHECK_STR(tj_take(val_str("\xE2\x80\xA8|\xC2\x85"), NULL), "\"\\u2028|\\u0085\"");
    JsonOpts o;
    json_opts_init(&o);
    o.escape = JSON_ESC_NONASCII;
    CHECK_STR(tj_take(val_str("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"), &o),
              "\"caf\\u00e9 \\u20ac \\ud83d\\ude00\"");
    CHECK_STR(tj_take(val_str("a<b>\"'&\x7f"), &o), "\"a<b>\\\"'&\x7f\"");
    o.escape = JSON_ESC_HTML;
    CHECK_STR(tj_take(val_str("<a href='x'>&\"</a>"), &o),
              "\"\\u003ca href=\\u0027x\\u0027\\u003e\\u0026\\u0022\\u003c/a\\u003e\"");
    CHECK_STR(tj_take(val_str("\xC3\xA9\n"), &o), "\"\xC3\xA9\\n\"");
    StrBuf sb = {0};
    json_write_string("x\0y", 3, JSON_ESC_DEFAULT, &sb);
    CHECK_STR(sb_str(&sb), "\"x\\u0000y\"");
    sb_free(&sb);
}

static void test_layout(void)
{
    Value o = obj2("Name", val_str("John"), "Age", val_int(30));
    CHECK_STR(tj(o, NULL), "{\n  \"Name\": \"John\",\n  \"Age\": 30\n}");
    CHECK_STR(tjc_take(val_ref(o)), "{\"Name\":\"John\",\"Age\":30}");
    val_unref(o);
    Value a = arr3(val_int(1), val_int(2), val_int(3));
    CHECK_STR(tj(a, NULL), "[\n  1,\n  2,\n  3\n]");
    CHECK_STR(tjc_take(a), "[1,2,3]");
    CHECK_STR(tj_take(arr_new(TY_OBJECT, 0), NULL), "[]");
    CHECK_STR(tj_take(object_new_custom(), NULL), "{}");
    CHECK_STR(tj_take(ht_new(0), NULL), "{}");
    CHECK_STR(tj_take(ht1(0, "a", arr_new(TY_OBJECT, 0)), NULL), "{\n  \"a\": []\n}");
    CHECK_STR(tj_take(ht1(0, "a", object_new_custom()), NULL), "{\n  \"a\": {}\n}");
    /* nested: an array of objects */
    Value inner = arr3(obj2("a", val_int(1), NULL, val_null()), val_int(2), val_null());
    CHECK_STR(tj(inner, NULL), "[\n  {\n    \"a\": 1\n  },\n  2,\n  null\n]");
    CHECK_STR(tjc_take(inner), "[{\"a\":1},2,null]");
    /* the docs' Example 3, in insertion order (psmini keeps it) */
    Value h = ht_new(0);
    const char *k[] = {"Account", "Domain", "Admin"}, *v[] = {"User01", "Domain01", "True"};
    for (int i = 0; i < 3; i++) {
        Value key = val_str(k[i]), val = val_str(v[i]);
        ht_set(h, key, val);
        val_unref(key);
        val_unref(val);
    }
    CHECK_STR(tjc_take(val_ref(h)),
              "{\"Account\":\"User01\",\"Domain\":\"Domain01\",\"Admin\":\"True\"}");
    CHECK_STR(
        tj_take(h, NULL),
        "{\n  \"Account\": \"User01\",\n  \"Domain\": \"Domain01\",\n  \"Admin\": \"True\"\n}");
    /* typed arrays are arrays too */
    Value ia = arr_new(TY_INT32, 2);
    arr_push_take(ia, val_int(5));
    arr_push_take(ia, val_int(6));
    CHECK_STR(tjc_take(ia), "[5,6]");
    /* a string key that needs escaping */
    CHECK_STR(tjc_take(ht1(1, "a\"b\n", val_int(1))), "{\"a\\\"b\\n\":1}");
}

static void test_as_array(void)
{
    JsonOpts o;
    json_opts_init(&o);
    o.as_array = 1;
    CHECK_STR(tj(val_int(1), &o), "[\n  1\n]");
    o.compress = 1;
    CHECK_STR(tj(val_int(1), &o), "[1]");
    CHECK_STR(tj(val_null(), &o), "[null]");
    CHECK_STR(tj_take(arr3(val_int(1), val_int(2), val_int(3)), &o), "[[1,2,3]]");
    /* docs Example 2 shape: a date with and without -AsArray */
    DtParts p = {
        .year = 2021, .month = 8, .day = 5, .hour = 16, .minute = 13, .second = 5, .frac = 6394416};
    Value d = val_datetime(dt_to_ticks(&p), DT_UTC);
    CHECK_STR(tj(d, NULL), "\"2021-08-05T16:13:05.6394416Z\"");
    o.compress = 0;
    CHECK_STR(tj(d, &o), "[\n  \"2021-08-05T16:13:05.6394416Z\"\n]");
}

static void test_dates(void)
{
    DtParts p = {.year = 1, .month = 1, .day = 1};
    CHECK_STR(tj(val_datetime(dt_to_ticks(&p), DT_UNSPECIFIED), NULL), "\"0001-01-01T00:00:00\"");
    DtParts q = {.year = 9999,
                 .month = 12,
                 .day = 31,
                 .hour = 23,
                 .minute = 59,
                 .second = 59,
                 .frac = 9999999};
    CHECK_STR(tj(val_datetime(dt_to_ticks(&q), DT_UNSPECIFIED), NULL),
              "\"9999-12-31T23:59:59.9999999\"");
    DtParts r = {.year = 2026,
                 .month = 11,
                 .day = 24,
                 .hour = 13,
                 .minute = 45,
                 .second = 10,
                 .frac = 1230000};
    CHECK_STR(tj(val_datetime(dt_to_ticks(&r), DT_UTC), NULL), "\"2026-11-24T13:45:10.123Z\"");
    r.frac = 0;
    CHECK_STR(tj(val_datetime(dt_to_ticks(&r), DT_UTC), NULL), "\"2026-11-24T13:45:10Z\"");
    /* Local: the zone's offset (the test runs with TZ fixed below) */
    CHECK_STR(tj(val_datetime(dt_to_ticks(&r), DT_LOCAL), NULL), "\"2026-11-24T13:45:10+00:00\"");
    setenv("TZ", "EST5", 1);
    tzset();
    CHECK_STR(tj(val_datetime(dt_to_ticks(&r), DT_LOCAL), NULL), "\"2026-11-24T13:45:10-05:00\"");
    setenv("TZ", "IST-5:30", 1);
    tzset();
    CHECK_STR(tj(val_datetime(dt_to_ticks(&r), DT_LOCAL), NULL), "\"2026-11-24T13:45:10+05:30\"");
    setenv("TZ", "UTC0", 1);
    tzset();
}

static void test_timespan(void)
{
    /* New-TimeSpan -Seconds 90 -Milliseconds 5 | ConvertTo-Json -Compress (pwsh 7.5, .NET 9) */
    Value t = val_timespan(900050000);
    CHECK_STR(tjc_take(t),
              "{\"Ticks\":900050000,\"Days\":0,\"Hours\":0,\"Milliseconds\":5,\"Microseconds\":0,"
              "\"Nanoseconds\":0,\"Minutes\":1,\"Seconds\":30,\"TotalDays\":0.001041724537037037,"
              "\"TotalHours\":0.02500138888888889,\"TotalMilliseconds\":90005.0,"
              "\"TotalMicroseconds\":90005000.0,\"TotalNanoseconds\":90005000000.0,"
              "\"TotalMinutes\":1.5000833333333334,\"TotalSeconds\":90.005}");
    /* as a property at the depth limit it is still expanded (depth 1 of 2) */
    Value o = obj2("T", val_timespan(0), NULL, val_null());
    const char *s = tj_take(o, NULL);
    CHECK(strstr(s, "\"T\": {\n    \"Ticks\": 0,") != NULL);
    CHECK(strstr(s, "\"TotalSeconds\": 0.0\n  }\n}") != NULL);
}

static void test_depth(void)
{
    /* @{a=@{b=@{c=@{d=1}}}}: c's value sits at depth 3 > 2 and becomes its ToString() */
    Value h = ht1(0, "a", ht1(0, "b", ht1(0, "c", ht1(0, "d", val_int(1)))));
    CHECK_STR(tjc_take(val_ref(h)), "{\"a\":{\"b\":{\"c\":\"System.Collections.Hashtable\"}}}");
    CHECK_STR(last.warning,
              "Resulting JSON is truncated as serialization has exceeded the set depth of 2.");
    JsonOpts o;
    json_opts_init(&o);
    o.compress = 1;
    o.depth = 3;
    CHECK_STR(tj(h, &o), "{\"a\":{\"b\":{\"c\":{\"d\":1}}}}");
    CHECK_STR(last.warning, "");
    o.depth = 0;
    CHECK_STR(tj(h, &o), "{\"a\":\"System.Collections.Hashtable\"}");
    CHECK_STR(last.warning,
              "Resulting JSON is truncated as serialization has exceeded the set depth of 0.");
    o.depth = 1;
    CHECK_STR(tj(h, &o), "{\"a\":{\"b\":\"System.Collections.Hashtable\"}}");
    val_unref(h);
    /* a PSCustomObject truncates to @{...}; an array to its elements joined by spaces */
    Value c = obj2("x", obj2("y", obj2("z", val_int(1), "w", val_str("s")), NULL, val_null()), NULL,
                   val_null());
    o.depth = 1;
    CHECK_STR(tj(c, &o), "{\"x\":{\"y\":\"@{z=1; w=s}\"}}");
    val_unref(c);
    Value a =
        arr3(val_int(1), arr3(val_int(2), arr3(val_int(3), val_int(4), val_int(5)), val_str("x")),
             val_null());
    o.depth = 1;
    CHECK_STR(tj(a, &o), "[1,[2,\"3 4 5\",\"x\"],null]");
    o.depth = 0;
    CHECK_STR(tj(a, &o), "[1,\"2 System.Object[] x\",null]");
    val_unref(a);
    /* scalars are never truncated */
    o.depth = 0;
    CHECK_STR(tj_take(obj2("n", val_int(1), "s", val_str("t")), &o), "{\"n\":1,\"s\":\"t\"}");
    CHECK_STR(last.warning, "");
    /* indented truncation */
    CHECK_STR(
        tj_take(ht1(0, "a", ht1(0, "b", ht1(0, "c", ht_new(0)))), NULL),
        "{\n  \"a\": {\n    \"b\": {\n      \"c\": \"System.Collections.Hashtable\"\n    }\n  "
        "}\n}");
}

static void test_write_objects(void)
{
    /* a non-string key fails like pwsh */
    Value h = ht_new(0), k = val_int(1), v = val_str("x");
    ht_set(h, k, v);
    val_unref(k);
    val_unref(v);
    CHECK_STR(tj_take(h, NULL), "ERR:The type 'System.Collections.Hashtable' is not supported for "
                                "serialization or deserialization of a dictionary. Keys must be "
                                "strings.");
    CHECK_STR(last.id, "NonStringKeyInDictionary");
    /* a PSObject wrapper: notes beside the value; strings drop their notes */
    Value e = val_str("e");
    Value w = object_with_note(val_int(5), "Extra", 5, e);
    val_unref(e);
    CHECK_STR(tjc_take(w), "{\"value\":5,\"Extra\":\"e\"}");
    Value s = val_str("text");
    Value ws = object_with_note(s, "Extra", 5, val_int(1));
    val_unref(s);
    CHECK_STR(tjc_take(ws), "\"text\"");
    Value arr2 = arr3(val_int(1), ht1(0, "in", ht_new(0)), val_int(3));
    Value wa = object_with_note(arr2, "N", 1, val_int(7));
    val_unref(arr2);
    JsonOpts d1;
    json_opts_init(&d1);
    d1.compress = 1;
    d1.depth = 1; /* the elements keep the wrapper's depth: the hashtable at 1, its value at 2 */
    CHECK_STR(tj(wa, &d1), "{\"value\":[1,{\"in\":\"System.Collections.Hashtable\"},3],\"N\":7}");
    CHECK_STR(tj(wa, NULL),
              "{\n  \"value\": [\n    1,\n    {\n      \"in\": {}\n    },\n    3\n  ],\n"
              "  \"N\": 7\n}");
    val_unref(wa);
    Value hh = ht1(0, "k", val_int(1));
    Value wh = object_with_note(hh, "Extra", 5, val_int(2));
    val_unref(hh);
    CHECK_STR(tjc_take(wh), "{\"k\":1,\"Extra\":2}");
    /* PSCustomObject holding every kind */
    Value o = object_new_custom();
    object_set_prop(o, "n", 1, val_null());
    object_set_prop(o, "b", 1, val_bool(1));
    object_set_prop(o, "d", 1, val_double(2.5));
    Value arr = arr3(val_str("x"), val_int(1), val_bool(0));
    object_set_prop(o, "a", 1, arr);
    val_unref(arr);
    CHECK_STR(tj_take(o, NULL), "{\n  \"n\": null,\n  \"b\": true,\n  \"d\": 2.5,\n  \"a\": [\n    "
                                "\"x\",\n    1,\n    false\n  ]\n}");
}

static void test_parse_basic(void)
{
    Value v = parse_ok("1", 0);
    CHECK(v.kind == VAL_INT64 && v.as.i == 1);
    v = parse_ok("-42", 0);
    CHECK(v.kind == VAL_INT64 && v.as.i == -42);
    v = parse_ok("9223372036854775807", 0);
    CHECK(v.kind == VAL_INT64 && v.as.i == INT64_MAX);
    v = parse_ok("-9223372036854775808", 0);
    CHECK(v.kind == VAL_INT64 && v.as.i == INT64_MIN);
    v = parse_ok("9223372036854775808", 0);
    CHECK(v.kind == VAL_DOUBLE && v.as.d == 9223372036854775808.0);
    v = parse_ok("1.5", 0);
    CHECK(v.kind == VAL_DOUBLE && v.as.d == 1.5);
    v = parse_ok("1.0", 0);
    CHECK(v.kind == VAL_DOUBLE && v.as.d == 1.0);
    v = parse_ok("1e3", 0);
    CHECK(v.kind == VAL_DOUBLE && v.as.d == 1000.0);
    v = parse_ok("-2.5E-1", 0);
    CHECK(v.kind == VAL_DOUBLE && v.as.d == -0.25);
    v = parse_ok("0.30000000000000004", 0);
    CHECK(v.kind == VAL_DOUBLE && v.as.d == 0.1 + 0.2);
    v = parse_ok("0x1F", 0); /* Json.NET reads hex and octal integers */
    CHECK(v.kind == VAL_INT64 && v.as.i == 31);
    v = parse_ok("017", 0);
    CHECK(v.kind == VAL_INT64 && v.as.i == 15);
    v = parse_ok("0xFFFFFFFFFFFFFFFF", 0);
    CHECK(v.kind == VAL_INT64 && v.as.i == -1);
    v = parse_ok("0", 0);
    CHECK(v.kind == VAL_INT64 && v.as.i == 0);
    v = parse_ok("-0", 0);
    CHECK(v.kind == VAL_INT64 && v.as.i == 0);
    v = parse_ok("0.5", 0);
    CHECK(v.kind == VAL_DOUBLE && v.as.d == 0.5);
    v = parse_ok("1e400", 0);
    CHECK(v.kind == VAL_DOUBLE && isinf(v.as.d));
    v = parse_ok("true", 0);
    CHECK(v.kind == VAL_BOOL && v.as.b == 1);
    v = parse_ok("false", 0);
    CHECK(v.kind == VAL_BOOL && v.as.b == 0);
    v = parse_ok("null", 0);
    CHECK(v.kind == VAL_NULL);
    v = parse_ok("  ", 0);
    CHECK(v.kind == VAL_AUTONULL);
    v = parse_ok("", 0);
    CHECK(v.kind == VAL_AUTONULL);
    v = parse_ok("NaN", 0);
    CHECK(v.kind == VAL_DOUBLE && isnan(v.as.d));
    v = parse_ok("-Infinity", 0);
    CHECK(v.kind == VAL_DOUBLE && isinf(v.as.d) && v.as.d < 0);
    v = parse_ok("\"abc\"", 0);
    CHECK(val_is_str(v));
    CHECK_STR(val_str_data(v), "abc");
    val_unref(v);
    v = parse_ok("'single'", 0);
    CHECK_STR(val_str_data(v), "single");
    val_unref(v);
    v = parse_ok("{\"a\":1,\"b\":[1,2]}", 0);
    CHECK(val_is(v, &cls_pscustomobject));
    CHECK(object_nprops(v) == 2);
    val_unref(v);
    v = parse_ok("{\"a\":1}", 1);
    CHECK(val_is(v, &cls_ordered));
    CHECK(ht_count(v) == 1);
    val_unref(v);
    v = parse_ok("[1,\"x\",null]", 0);
    CHECK(val_is_array(v) && arr_len(v) == 3);
    CHECK_STR(val_type_name(v), "Object[]");
    CHECK(arr_peek(v, 2).kind == VAL_NULL);
    val_unref(v);
}

static void test_parse_strings(void)
{
    Value v = parse_ok("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", 0);
    CHECK_STR(val_str_data(v), "a\"b\\c/d\b\f\n\r\t");
    val_unref(v);
    v = parse_ok("\"\\u00e9\\u20AC\"", 0);
    CHECK_STR(val_str_data(v), "\xC3\xA9\xE2\x82\xAC");
    val_unref(v);
    v = parse_ok("\"\\ud83d\\ude00!\"", 0);
    CHECK_STR(val_str_data(v), "\xF0\x9F\x98\x80!");
    val_unref(v);
    v = parse_ok("\"\\ud83d x\"", 0);
    CHECK_STR(val_str_data(v), "\xEF\xBF\xBD x");
    val_unref(v);
    v = parse_ok("\"caf\xC3\xA9 \xF0\x9F\x98\x80\"", 0);
    CHECK_STR(val_str_data(v), "caf\xC3\xA9 \xF0\x9F\x98\x80");
    val_unref(v);
    v = parse_ok("'it\\'s'", 0);
    CHECK_STR(val_str_data(v), "it's");
    val_unref(v);
    v = parse_ok("\"\\u0000\"", 0);
    CHECK(val_str_len(v) == 1 && val_str_data(v)[0] == 0);
    val_unref(v);
    CHECK_STR(rt("\"line1\nline2\"", 0), "\"line1\\nline2\"");
}

static void test_parse_dates(void)
{
    Value v = parse_ok("\"2026-11-24T13:45:10\"", 0);
    CHECK(v.kind == VAL_DATETIME && v.aux == DT_UNSPECIFIED);
    DtParts p;
    dt_from_ticks(v.as.i, &p);
    CHECK(p.year == 2026 && p.month == 11 && p.day == 24 && p.hour == 13 && p.second == 10);
    v = parse_ok("\"2026-11-24T13:45:10.1234567Z\"", 0);
    CHECK(v.kind == VAL_DATETIME && v.aux == DT_UTC);
    dt_from_ticks(v.as.i, &p);
    CHECK(p.frac == 1234567);
    v = parse_ok("\"2026-11-24T13:45:10.5+02:00\"", 0); /* TZ is UTC0 here */
    CHECK(v.kind == VAL_DATETIME && v.aux == DT_LOCAL);
    dt_from_ticks(v.as.i, &p);
    CHECK(p.hour == 11 && p.minute == 45 && p.frac == 5000000);
    CHECK_STR(rt("\"2021-08-05T16:13:05.6394416Z\"", 0), "\"2021-08-05T16:13:05.6394416Z\"");
    CHECK_STR(rt("\"2021-08-05T16:13:05\"", 0), "\"2021-08-05T16:13:05\"");
    CHECK_STR(rt("\"2021-08-05T16:13:05.123456789Z\"", 0), "\"2021-08-05T16:13:05.1234567Z\"");
    CHECK_STR(rt("\"2021-08-05T16:13:05-0130\"", 0), "\"2021-08-05T17:43:05+00:00\"");
    CHECK_STR(rt("\"2021-08-05T16:13:05+01\"", 0), "\"2021-08-05T15:13:05+00:00\"");
    CHECK_STR(rt("\"2021-08-05T16:13:05.\"", 0), "\"2021-08-05T16:13:05.\"");
    CHECK_STR(rt("\"2021-08-05T24:00:00\"", 0), "\"2021-08-05T24:00:00\"");
    CHECK_STR(rt("\"2024-02-29T00:00:00\"", 0), "\"2024-02-29T00:00:00\"");
    CHECK_STR(rt("\"2023-02-29T00:00:00\"", 0), "\"2023-02-29T00:00:00\"");
    /* not dates: left as strings */
    CHECK_STR(rt("\"2026-11-24\"", 0), "\"2026-11-24\"");
    CHECK_STR(rt("\"2026-13-24T00:00:00\"", 0), "\"2026-13-24T00:00:00\"");
    CHECK_STR(rt("\"2026-02-30T00:00:00\"", 0), "\"2026-02-30T00:00:00\"");
    CHECK_STR(rt("\"2026-11-24T13:45:10x\"", 0), "\"2026-11-24T13:45:10x\"");
    CHECK_STR(rt("\"2026-11-24 13:45:10\"", 0), "\"2026-11-24 13:45:10\"");
    v = parse_ok("{\"2026-11-24T13:45:10\":1}", 1); /* keys are never dates */
    Value key, val;
    ht_entry_peek(v, 0, &key, &val);
    CHECK(val_is_str(key));
    val_unref(v);
}

static void test_parse_lenient(void)
{
    CHECK_STR(rt("// comment\n{\"a\": /* inline */ 1} // trailing", 0), "{\"a\":1}");
    CHECK_STR(rt("[1,2,]", 0), "[1,2]");
    CHECK_STR(rt("{\"a\":1,}", 0), "{\"a\":1}");
    CHECK_STR(rt("{a: 1, $b_2: 'x'}", 0), "{\"a\":1,\"$b_2\":\"x\"}");
    CHECK_STR(rt("{'a':undefined}", 0), "{\"a\":null}");
    CHECK_STR(rt("  [ ]  ", 0), "[]");
    CHECK_STR(rt("\xEF\xBB\xBF{\"bom\":1}", 0), "{\"bom\":1}");
    CHECK_STR(rt("{ }", 0), "{}");
    CHECK_STR(rt("\r\n[\r\n  1\r\n]\r\n", 0), "[1]");
    /* duplicate keys: the last value wins (case-insensitively for PSCustomObject) */
    CHECK_STR(rt("{\"a\":1,\"a\":2}", 0), "{\"a\":2}");
    CHECK_STR(rt("{\"key\":\"value1\",\"Key\":\"value2\"}", 0), "{\"key\":\"value2\"}");
    /* order is kept */
    CHECK_STR(rt("{\"z\":1,\"a\":2,\"m\":3}", 0), "{\"z\":1,\"a\":2,\"m\":3}");
    CHECK_STR(rt("{\"z\":1,\"a\":2,\"m\":3}", 1), "{\"z\":1,\"a\":2,\"m\":3}");
    /* an empty key needs -AsHashtable */
    CHECK_STR(rt("{\"\":1}", 1), "{\"\":1}");
    CHECK_STR(perr("{\"\":1}"), "The provided JSON includes a property whose name is an empty "
                                "string, this is only supported using the -AsHashTable switch.");
    /* docs Example 5: [1] round-trips as an array */
    CHECK_STR(rt("[1]", 0), "[1]");
    CHECK_STR(rt("[[]]", 0), "[[]]");
    CHECK_STR(rt("[{},[{}]]", 0), "[{},[{}]]");
}

static void test_parse_errors(void)
{
    CHECK_STR(perr("abc"), "Conversion from JSON failed with error: Unexpected character "
                           "encountered while parsing value: a. Path '', line 0, position 0.");
    CHECK_STR(perr("<html>"), "Conversion from JSON failed with error: Unexpected character "
                              "encountered while parsing value: <. Path '', line 0, position 0.");
    CHECK_STR(perr(" x"), "Conversion from JSON failed with error: Unexpected character "
                          "encountered while parsing value: x. Path '', line 1, position 1.");
    CHECK_STR(perr("{"), "Conversion from JSON failed with error: Unexpected end when reading "
                         "JSON. Path '', line 1, position 1.");
    CHECK_STR(perr("{\"a\":1"), "Conversion from JSON failed with error: Unexpected end when "
                                "reading JSON. Path 'a', line 1, position 6.");
    CHECK_STR(perr("{\"a\":}"),
              "Conversion from JSON failed with error: Unexpected character "
              "encountered while parsing value: }. Path 'a', line 1, position 5.");
    CHECK_STR(perr("[1,2"), "Conversion from JSON failed with error: Unexpected end when reading "
                            "JSON. Path '[1]', line 1, position 4.");
    CHECK_STR(perr("[1 2]"), "Conversion from JSON failed with error: After parsing a value an "
                             "unexpected character was encountered: 2. Path '[0]', line 1, "
                             "position 3.");
    CHECK_STR(perr("{\"a\":{\"b\":[1,}]}}"),
              "Conversion from JSON failed with error: Unexpected character encountered while "
              "parsing value: }. Path 'a.b[0]', line 1, position 13.");
    CHECK_STR(perr("{\"a b\":[x]}"), "Conversion from JSON failed with error: Unexpected "
                                     "character encountered while parsing value: x. Path "
                                     "'['a b']', line 1, position 8.");
    CHECK_STR(perr("{\"a\" 1}"), "Conversion from JSON failed with error: Invalid character after "
                                 "parsing property name. Expected ':' but got: 1. Path 'a', line "
                                 "1, position 5.");
    CHECK_STR(perr("{,}"), "Conversion from JSON failed with error: Invalid property identifier "
                           "character: ,. Path '', line 1, position 1.");
    CHECK_STR(perr("\"abc"), "Conversion from JSON failed with error: Unterminated string. "
                             "Expected delimiter: \". Path '', line 1, position 4.");
    CHECK_STR(perr("\"a\\qb\""), "Conversion from JSON failed with error: Bad JSON escape "
                                 "sequence: \\q. Path '', line 1, position 3.");
    CHECK_STR(perr("\"\\u12G4\""), "Conversion from JSON failed with error: Invalid Unicode "
                                   "escape sequence: \\u12G4. Path '', line 1, position 2.");
    CHECK_STR(perr("1.2.3"), "Conversion from JSON failed with error: Input string '1.2.3' is not "
                             "a valid number. Path '', line 0, position 0.");
    CHECK_STR(perr("[-]"), "Conversion from JSON failed with error: Input string '-' is not a "
                           "valid number. Path '', line 1, position 1.");
    CHECK_STR(perr("[08]"), "Conversion from JSON failed with error: Input string '08' is not a "
                            "valid integer. Path '', line 1, position 1.");
    CHECK_STR(perr("0x"), "Conversion from JSON failed with error: Input string '0x' is not a "
                          "valid integer. Path '', line 0, position 0.");
    CHECK_STR(perr("1.e5"), "Conversion from JSON failed with error: Input string '1.e5' is not a "
                            "valid number. Path '', line 0, position 0.");
    CHECK_STR(perr("tru"), "Conversion from JSON failed with error: Error parsing boolean value. "
                           "Path '', line 0, position 0.");
    CHECK_STR(perr("nul"), "Conversion from JSON failed with error: Error parsing null value. "
                           "Path '', line 0, position 0.");
    CHECK_STR(perr("{} x"), "Conversion from JSON failed with error: Additional text encountered "
                            "after finished reading JSON content: x. Path '', line 1, position 3.");
    CHECK_STR(perr("1 2"), "Conversion from JSON failed with error: Additional text encountered "
                           "after finished reading JSON content: 2. Path '', line 1, position 2.");
    CHECK_STR(perr("[1]\n\n  ]"), "Conversion from JSON failed with error: Additional text "
                                  "encountered after finished reading JSON content: ]. Path '', "
                                  "line 3, position 2.");
    CHECK_STR(perr("/* open"), "Conversion from JSON failed with error: Unexpected end while "
                               "parsing comment. Path '', line 1, position 7.");
    CHECK_STR(perr("{\"\xC3\xA9\":[1,\xC3\xA9]}"),
              "Conversion from JSON failed with error: Unexpected character encountered while "
              "parsing value: \xC3\xA9. Path '\xC3\xA9[0]', line 1, position 8.");
    Value v;
    JsonError e;
    CHECK(json_parse("[", 1, 0, 0, &v, &e) == -1);
    CHECK_STR(e.id, "System.ArgumentException");
}

/* Deep nesting: the default limit of 1024 and a custom one, without recursion. */
static void test_deep(void)
{
    size_t n = 100000;
    char *s = xmalloc(2 * n + 1);
    memset(s, '[', n);
    memset(s + n, ']', n);
    s[2 * n] = 0;
    Value v;
    JsonError e;
    CHECK(json_parse(s, 2 * n, 0, 0, &v, &e) == -1);
    CHECK(strstr(e.msg, "The reader's MaxDepth of 1024 has been exceeded. Path '") != NULL);
    CHECK(strstr(e.msg, "line 1, position 1025.") != NULL);
    CHECK(strstr(e.msg, "[0][0][0]") != NULL);
    CHECK(json_parse(s + n - 1024, 2048, 0, 0, &v, &e) == 0);
    CHECK(val_is_array(v));
    val_unref(v);
    CHECK(json_parse(s + n - 1025, 2050, 0, 0, &v, &e) == -1);
    /* -Depth 100000 over 10000 levels: the reader does not recurse (val_unref does, so the
     * value is kept shallow enough to free) */
    size_t m = 10000;
    CHECK(json_parse(s + n - m, 2 * m, 0, (int)n, &v, &e) == 0);
    CHECK(val_is_array(v) && arr_len(v) == 1);
    val_unref(v);
    CHECK(json_parse(s + n - 3, 6, 0, 2, &v, &e) == -1);
    CHECK_STR(e.msg, "Conversion from JSON failed with error: The reader's MaxDepth of 2 has "
                     "been exceeded. Path '[0][0]', line 1, position 3.");
    CHECK(json_parse(s + n - 2, 4, 0, 2, &v, &e) == 0);
    val_unref(v);
    free(s);
}

static void test_roundtrip(void)
{
    const char *docs[] = {
        "{\"a\":1,\"b\":\"two\",\"c\":[true,false,null],\"d\":{\"e\":1.5}}",
        "[1,-2,3.25,\"x\",[],{}]",
        "{\"s\":\"caf\xC3\xA9 \xF0\x9F\x98\x80\",\"q\":\"\\\"\\\\\\n\"}",
        "{\"big\":9223372036854775807,\"neg\":-9223372036854775808,\"f\":1E+20}",
        "{\"d\":\"2026-11-24T13:45:10.1234567Z\",\"u\":\"2026-11-24T13:45:10\"}",
        "{\"n\":{\"m\":{\"o\":{\"p\":[1,[2,[3]]]}}}}",
        "\"plain\"",
        "0.1",
        "-0.0",
    };
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        CHECK_STR(rt(docs[i], 0), docs[i]);
    CHECK_STR(rt(docs[0], 1), docs[0]);
    /* pretty form parses back to the same */
    Value v = parse_ok(docs[0], 0);
    StrBuf sb = {0};
    CHECK(json_write(v, NULL, &sb, NULL) == 0);
    CHECK_STR(sb_str(&sb), "{\n  \"a\": 1,\n  \"b\": \"two\",\n  \"c\": [\n    true,\n    false,\n"
                           "    null\n  ],\n  \"d\": {\n    \"e\": 1.5\n  }\n}");
    CHECK_STR(rt(sb_str(&sb), 0), docs[0]);
    sb_free(&sb);
    val_unref(v);
}

int main(void)
{
    setenv("TZ", "UTC0", 1);
    tzset();
    test_scalars();
    test_strings();
    test_layout();
    test_as_array();
    test_dates();
    test_timespan();
    test_depth();
    test_write_objects();
    test_parse_basic();
    test_parse_strings();
    test_parse_dates();
    test_parse_lenient();
    test_parse_errors();
    test_deep();
    test_roundtrip();
    return check_done();
}
