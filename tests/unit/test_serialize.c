/*
** test_serialize: jobs/serialize (values across the process boundary) and jobs/wire (framing,
** spill, transport, payloads).  Round trips are checked through a dump of the decoded value
** that spells out every type name, so a kind that comes back as another kind fails.
** 2026-11-24, job issue (serialize/wire layer).
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs/serialize.h"
#include "jobs/wire.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/decimal.h"
#include "runtime/errrec.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/scriptblock.h"
#include "tests/unit/check.h"

/* ---- a dump that names every type ---- */

static void dump(Value v, StrBuf *out);

static void dump_props(Value v, StrBuf *out)
{
    const ObjClass *c = val_class(v);
    size_t n = c->nprops(v);
    sb_putc(out, '{');
    for (size_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value val;
        c->prop_at(v, i, &name, &len, &val);
        if (i) sb_puts(out, "; ");
        sb_append(out, name, len);
        sb_putc(out, '=');
        dump(val, out);
    }
    sb_putc(out, '}');
}

static void dump(Value v, StrBuf *out)
{
    if (v.kind == VAL_NULL) {
        sb_puts(out, "$null");
        return;
    }
    if (v.kind == VAL_AUTONULL) {
        sb_puts(out, "AutomationNull");
        return;
    }
    if (val_is(v, &cls_psobject)) {
        sb_puts(out, "PSObject(");
        dump(val_base(v), out);
        sb_putc(out, ')');
        dump_props(v, out);
        return;
    }
    if (ser_is_bag(v)) {
        for (size_t i = 0; i < ser_ntypenames(v); i++)
            sb_printf(out, "%s%s", i ? "," : "<", ser_typename(v, i));
        sb_puts(out, ">\"");
        convert_append_scalar(v, out);
        sb_putc(out, '"');
        dump_props(v, out);
        return;
    }
    sb_printf(out, "%s ", val_type_name(v));
    if (val_is_array(v)) {
        sb_putc(out, '(');
        for (size_t i = 0; i < arr_len(v); i++) {
            if (i) sb_putc(out, ',');
            dump(arr_peek(v, i), out);
        }
        sb_putc(out, ')');
    } else if (ht_is(v)) {
        sb_putc(out, '{');
        for (size_t i = 0; i < ht_count(v); i++) {
            Value k, x;
            ht_entry_peek(v, i, &k, &x);
            if (i) sb_puts(out, "; ");
            dump(k, out);
            sb_putc(out, '=');
            dump(x, out);
        }
        sb_putc(out, '}');
    } else if (val_is(v, &cls_pscustomobject)) {
        dump_props(v, out);
    } else {
        sb_putc(out, '"');
        convert_append_scalar(v, out);
        sb_putc(out, '"');
        if (v.kind == VAL_DATETIME) sb_printf(out, " kind=%d", v.aux);
    }
}

static StrBuf dumpbuf;

static const char *dumps(Value v)
{
    sb_clear(&dumpbuf);
    dump(v, &dumpbuf);
    return sb_str(&dumpbuf);
}

/* Encode v at depth, decode it, and return the dump ("ERROR: ..." on failure).  Consumes v. */
static const char *trip_depth(Value v, int depth)
{
    StrBuf sb = {0};
    ser_put_value(&sb, v, depth);
    val_unref(v);
    Value back;
    const char *err;
    const char *s;
    if (ser_decode(sb.buf, sb.len, &back, &err)) {
        sb_clear(&dumpbuf);
        sb_printf(&dumpbuf, "ERROR: %s", err);
        s = sb_str(&dumpbuf);
    } else {
        s = dumps(back);
        val_unref(back);
    }
    sb_free(&sb);
    return s;
}

static const char *trip(Value v)
{
    return trip_depth(v, SER_DEPTH_REMOTING);
}

/* ---- helpers to build values ---- */

static Value custom(const char *name, Value val) /* consumes val */
{
    Value o = object_new_custom();
    object_set_prop(o, name, strlen(name), val);
    val_unref(val);
    return o;
}

static Value arr2(Value a, Value b) /* consumes both */
{
    Value r = arr_new(TY_OBJECT, 2);
    arr_push_take(r, a);
    arr_push_take(r, b);
    return r;
}

static Value dec(const char *s)
{
    Decimal d;
    dec_parse(s, strlen(s), &d);
    return dec_value(d);
}

/* ---- serialize ---- */

static void test_scalars(void)
{
    CHECK_STR(trip(val_null()), "$null");
    CHECK_STR(trip(val_autonull()), "AutomationNull");
    CHECK_STR(trip(val_bool(1)), "Boolean \"True\"");
    CHECK_STR(trip(val_bool(0)), "Boolean \"False\"");
    CHECK_STR(trip(val_char('x')), "Char \"x\"");
    CHECK_STR(trip(val_integer(VAL_SBYTE, -128)), "SByte \"-128\"");
    CHECK_STR(trip(val_integer(VAL_BYTE, 255)), "Byte \"255\"");
    CHECK_STR(trip(val_integer(VAL_INT16, -32768)), "Int16 \"-32768\"");
    CHECK_STR(trip(val_integer(VAL_UINT16, 65535)), "UInt16 \"65535\"");
    CHECK_STR(trip(val_int(INT32_MIN)), "Int32 \"-2147483648\"");
    CHECK_STR(trip(val_int(INT32_MAX)), "Int32 \"2147483647\"");
    CHECK_STR(trip(val_integer(VAL_UINT32, 4294967295LL)), "UInt32 \"4294967295\"");
    CHECK_STR(trip(val_long(INT64_MIN)), "Int64 \"-9223372036854775808\"");
    CHECK_STR(trip(val_long(INT64_MAX)), "Int64 \"9223372036854775807\"");
    CHECK_STR(trip(val_ulong(UINT64_MAX)), "UInt64 \"18446744073709551615\"");
    CHECK_STR(trip(val_single(1.5f)), "Single \"1.5\"");
    CHECK_STR(trip(val_double(0.1)), "Double \"0.1\"");
    CHECK_STR(trip(val_double(-1e300)), "Double \"-1E+300\"");
    CHECK_STR(trip(dec("-1.30")), "Decimal \"-1.30\"");
    CHECK_STR(trip(dec("79228162514264337593543950335")),
              "Decimal \"79228162514264337593543950335\"");
    CHECK_STR(trip(val_str("h\xc3\xa9llo \xf0\x9f\x98\x80")),
              "String \"h\xc3\xa9llo \xf0\x9f\x98\x80\"");
    CHECK_STR(trip(val_str("")), "String \"\"");
    CHECK_STR(trip(val_timespan(-36000000000LL)), "TimeSpan \"-01:00:00\"");
    /* 2026-11-24 00:00:00, each DateTimeKind */
    for (int k = 0; k < 3; k++) {
        char want[64];
        snprintf(want, sizeof want, "DateTime \"11/24/2026 00:00:00\" kind=%d", k);
        CHECK_STR(trip(val_datetime(639310752000000000LL, k)), want);
    }
}

/* Doubles must come back bit for bit (NaN payloads, -0.0, infinities). */
static void test_double_bits(void)
{
    static const uint64_t bits[] = {0x8000000000000000ull, 0x7FF0000000000000ull,
                                    0x7FF8000000000001ull, 0x0000000000000001ull};
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
        double d;
        memcpy(&d, &bits[i], 8);
        StrBuf sb = {0};
        ser_put_value(&sb, val_double(d), 1);
        Value back;
        CHECK(ser_decode(sb.buf, sb.len, &back, NULL) == 0);
        uint64_t got;
        memcpy(&got, &back.as.d, 8);
        CHECK(back.kind == VAL_DOUBLE && got == bits[i]);
        sb_free(&sb);
    }
}

/* Strings may hold NULs and invalid UTF-8: bytes are carried as they are. */
static void test_string_bytes(void)
{
    Value v = val_str_n("a\0\xff", 3);
    StrBuf enc = {0};
    ser_put_value(&enc, v, 1);
    val_unref(v);
    Value back;
    CHECK(ser_decode(enc.buf, enc.len, &back, NULL) == 0);
    CHECK(val_str_len(back) == 3 && memcmp(val_str_data(back), "a\0\xff", 3) == 0);
    val_unref(back);
    sb_free(&enc);
}

static void test_arrays(void)
{
    CHECK_STR(trip(arr2(val_int(1), val_str("a"))), "Object[] (Int32 \"1\",String \"a\")");
    Value ints = arr_new(TY_INT32, 3);
    for (int i = 1; i <= 3; i++)
        arr_push_take(ints, val_int(i));
    CHECK_STR(trip(ints), "Int32[] (Int32 \"1\",Int32 \"2\",Int32 \"3\")");
    Value strs = arr_new(TY_STRING, 2);
    arr_push_take(strs, val_str("x"));
    arr_push_take(strs, val_null());
    CHECK_STR(trip(strs), "String[] (String \"x\",$null)");
    CHECK_STR(trip(arr_new(TY_OBJECT, 0)), "Object[] ()");
    /* depth 1: an element list keeps its elements; one level further becomes a string */
    CHECK_STR(trip(arr2(val_int(1), arr2(val_int(2), val_int(3)))),
              "Object[] (Int32 \"1\",Object[] (Int32 \"2\",Int32 \"3\"))");
    CHECK_STR(trip(arr2(val_int(1), arr2(val_int(2), arr2(val_int(3), val_int(4))))),
              "Object[] (Int32 \"1\",Object[] (Int32 \"2\",String \"System.Object[]\"))");
}

static void test_hashtables(void)
{
    Value h = ht_new(0);
    Value k = val_str("Name"), v = val_str("x");
    ht_set(h, k, v);
    val_unref(k);
    val_unref(v);
    ht_set(h, val_int(7), val_bool(1)); /* a non-string key keeps its type */
    CHECK_STR(trip(h), "Hashtable {String \"Name\"=String \"x\"; Int32 \"7\"=Boolean \"True\"}");
    Value o = ht_new(1);
    for (int i = 3; i > 0; i--) {
        char key[2] = {(char)('a' + i), 0};
        k = val_str(key);
        ht_set(o, k, val_int(i));
        val_unref(k);
    }
    CHECK_STR(trip(o), "OrderedDictionary {String \"d\"=Int32 \"3\"; String \"c\"=Int32 \"2\"; "
                       "String \"b\"=Int32 \"1\"}");
    /* a hashtable value inside a hashtable at depth 1 keeps its entries as scalars */
    Value outer = ht_new(0);
    Value inner = ht_new(0);
    k = val_str("in");
    Value deep = custom("deep", val_int(1));
    ht_set(inner, k, deep);
    val_unref(deep);
    ht_set(outer, k, inner);
    val_unref(k);
    val_unref(inner);
    CHECK_STR(trip(outer),
              "Hashtable {String \"in\"=Hashtable {String \"in\"=String \"@{deep=1}\"}}");
}

/* A hashtable holding itself: depth limiting makes the encoder terminate. */
static void test_cycle(void)
{
    Value h = ht_new(0);
    Value k = val_str("self");
    ht_set(h, k, h);
    StrBuf sb = {0};
    ser_put_value(&sb, h, 1000);
    Value back;
    const char *err = NULL;
    CHECK(ser_decode(sb.buf, sb.len, &back, &err) == 0);
    if (!err) val_unref(back);
    ht_remove(h, k); /* break the cycle so LSan stays quiet */
    val_unref(k);
    val_unref(h);
    sb_free(&sb);
}

static void test_custom_objects(void)
{
    Value o = custom("a", val_int(1));
    {
        Value t = val_str("two");
        object_set_prop(o, "b", 1, t);
        val_unref(t);
    }
    CHECK_STR(trip(o), "PSCustomObject {a=Int32 \"1\"; b=String \"two\"}");
    /* nested object beyond depth 1 becomes its ToString() */
    CHECK_STR(trip(custom("inner", custom("b", val_int(1)))),
              "PSCustomObject {inner=String \"@{b=1}\"}");
    CHECK_STR(trip_depth(custom("inner", custom("b", val_int(1))), 2),
              "PSCustomObject {inner=PSCustomObject {b=Int32 \"1\"}}");
    /* a list property keeps its scalar elements at depth 1 */
    CHECK_STR(trip(custom("list", arr2(val_int(1), val_int(2)))),
              "PSCustomObject {list=Object[] (Int32 \"1\",Int32 \"2\")}");
    /* depth 0: the object itself is a string */
    CHECK_STR(trip_depth(custom("a", val_int(1)), 0), "String \"@{a=1}\"");
}

/* The names of a decoded PSCustomObject's pstypenames, comma-separated (consumes v). */
static const char *trip_names(Value v)
{
    static char buf[512];
    StrBuf sb = {0}, names = {0};
    ser_put_value(&sb, v, 1);
    Value back = val_null();
    buf[0] = 0;
    if (ser_decode(sb.buf, sb.len, &back, NULL) == 0) {
        Value tn = object_typenames(back);
        for (size_t i = 0; i < arr_len(tn); i++)
            sb_printf(&names, "%s%s", i ? "," : "", val_str_data(arr_peek(tn, i)));
        val_unref(tn);
        snprintf(buf, sizeof buf, "%s", names.buf ? names.buf : "");
    }
    sb_free(&names);
    sb_free(&sb);
    val_unref(back);
    val_unref(v);
    return buf;
}

/* pwsh renames a received PSCustomObject's type names Deserialized.* (jobs.md 4.2), and a
 * second hop does not stack the prefix. */
static void test_custom_typenames(void)
{
    CHECK_STR(trip_names(custom("a", val_int(1))),
              "Deserialized.System.Management.Automation.PSCustomObject,"
              "Deserialized.System.Object");
    Value o = custom("a", val_int(1));
    object_add_typename(o, "My.Type", 7);
    CHECK_STR(trip_names(o), "Deserialized.My.Type,"
                             "Deserialized.System.Management.Automation.PSCustomObject,"
                             "Deserialized.System.Object");
    StrBuf sb = {0};
    Value c = custom("a", val_int(1)), once;
    ser_put_value(&sb, c, 1);
    CHECK(ser_decode(sb.buf, sb.len, &once, NULL) == 0);
    CHECK_STR(trip_names(once), "Deserialized.System.Management.Automation.PSCustomObject,"
                                "Deserialized.System.Object");
    sb_free(&sb);
    val_unref(c);
}

static void test_wrappers(void)
{
    Value s = val_str("srv1");
    Value w = object_with_note(val_int(5), "Origin", 6, s);
    val_unref(s);
    CHECK_STR(trip(w), "PSObject(Int32 \"5\"){Origin=String \"srv1\"}");
    /* a wrapped scalar too deep for its notes keeps its base value */
    s = val_str("n");
    w = object_with_note(val_int(5), "N", 1, s);
    val_unref(s);
    CHECK_STR(trip(custom("p", w)), "PSCustomObject {p=Int32 \"5\"}");
}

static void test_other_objects(void)
{
    CHECK_STR(trip(typeref_new(TY_INT32, 0)),
              "<Deserialized.System.RuntimeType,Deserialized.System.Object>\"int\"{}");
    ErrInit e = {.msg = "MyError", .id = "MyError", .exc = EXC_RUNTIME, .inner = EXC_RUNTIME};
    CHECK_STR(trip(errrec_new(&e)), "<Deserialized.System.Management.Automation.ErrorRecord,"
                                    "Deserialized.System.Object>\"MyError\"{}");
    /* an object as a property at depth 1 is its ToString() */
    CHECK_STR(trip(custom("t", typeref_new(TY_STRING, 1))),
              "PSCustomObject {t=String \"string[]\"}");
    /* script blocks travel as their text (jobs.md 4.2) */
    CHECK_STR(trip(scriptblock_new(NULL, NULL, " 1 + 2 ", 7)), "String \" 1 + 2 \"");
}

/* A bag sent again keeps its names without stacking "Deserialized." prefixes. */
static void test_bag_second_hop(void)
{
    StrBuf sb = {0};
    Value t = typeref_new(TY_INT32, 0);
    ser_put_value(&sb, t, 1);
    val_unref(t);
    Value bag;
    CHECK(ser_decode(sb.buf, sb.len, &bag, NULL) == 0);
    Value five = val_int(5);
    val_class(bag)->set_prop(bag, "X", 1, five);
    CHECK_STR(trip(bag),
              "<Deserialized.System.RuntimeType,Deserialized.System.Object>\"int\"{X=Int32 \"5\"}");
    sb_free(&sb);
}

/* Job-note helper: the computer and runspace strings are shared by every object of a job. */
static Value notes(Value v, const char *computer, const char *rs, int show)
{
    Value c = val_str(computer), r = val_str(rs);
    Value out = ser_add_job_notes(v, c, r, show);
    val_unref(c);
    val_unref(r);
    return out;
}

static void test_job_notes(void)
{
    Value v = notes(val_int(3), "localhost", "rs-1", 0);
    CHECK_STR(dumps(v), "PSObject(Int32 \"3\"){PSComputerName=String \"localhost\"; "
                        "RunspaceId=String \"rs-1\"; PSShowComputerName=Boolean \"False\"}");
    val_unref(v);
    Value o = custom("a", val_int(1));
    Value p = notes(o, "h", "r", 1);
    CHECK(val_identical(o, p));
    CHECK_STR(dumps(p), "PSCustomObject {a=Int32 \"1\"; PSComputerName=String \"h\"; "
                        "RunspaceId=String \"r\"; PSShowComputerName=Boolean \"True\"}");
    val_unref(p);
    val_unref(o);
    /* notes that came from the sender are replaced, not duplicated */
    StrBuf sb = {0};
    Value t = typeref_new(TY_INT32, 0);
    ser_put_value(&sb, t, 1);
    val_unref(t);
    Value bag;
    CHECK(ser_decode(sb.buf, sb.len, &bag, NULL) == 0);
    Value b1 = notes(bag, "x", "y", 0);
    Value b2 = notes(bag, "localhost", "z", 0);
    CHECK_STR(dumps(b2), "<Deserialized.System.RuntimeType,Deserialized.System.Object>\"int\"{"
                         "PSComputerName=String \"localhost\"; RunspaceId=String \"z\"; "
                         "PSShowComputerName=Boolean \"False\"}");
    val_unref(b1);
    val_unref(b2);
    val_unref(bag);
    sb_free(&sb);
}

/* ---- corrupt input ---- */

static const char *decode_err(const void *buf, size_t len)
{
    Value v;
    const char *err = NULL;
    if (ser_decode(buf, len, &v, &err) == 0) {
        val_unref(v);
        return "ok";
    }
    return err;
}

/* A rich value whose encoding exercises every tag. */
static Value rich_value(void)
{
    Value o = custom("i", val_int(-5));
    Value items[] = {val_null(),
                     val_bool(1),
                     val_char(0x263A),
                     val_long(1 << 20),
                     val_double(2.5),
                     dec("3.14"),
                     val_str("s"),
                     val_datetime(1, 1),
                     val_timespan(-1),
                     val_single(0.5f),
                     val_integer(VAL_UINT16, 9),
                     val_autonull()};
    Value a = arr_from(items, sizeof items / sizeof items[0]);
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
        val_unref(items[i]);
    object_set_prop(o, "a", 1, a);
    val_unref(a);
    Value h = ht_new(1);
    ht_set(h, val_int(1), val_int(2));
    object_set_prop(o, "h", 1, h);
    val_unref(h);
    Value t = typeref_new(TY_INT32, 0);
    object_set_prop(o, "t", 1, t);
    val_unref(t);
    Value w = object_with_note(val_int(1), "n", 1, val_int(2));
    Value top = arr2(o, w);
    Value bag = typeref_new(TY_STRING, 0);
    Value all = arr2(top, bag);
    return all;
}

static void test_truncated(void)
{
    StrBuf sb = {0};
    Value v = rich_value();
    ser_put_value(&sb, v, 3);
    val_unref(v);
    CHECK_STR(decode_err(sb.buf, sb.len), "ok");
    int bad = 0;
    for (size_t n = 0; n < sb.len; n++)
        if (strcmp(decode_err(sb.buf, n), "ok") == 0) bad++;
    CHECK(bad == 0);
    sb_free(&sb);
}

static void test_corrupt(void)
{
    CHECK_STR(decode_err("", 0), "truncated input");
    CHECK_STR(decode_err("\x63", 1), "unknown tag");
    CHECK_STR(decode_err("\x00\x00", 2), "trailing bytes after value");
    /* a string claiming 2^60 bytes */
    CHECK_STR(decode_err("\x10\x80\x80\x80\x80\x80\x80\x80\x80\x10", 10), "count exceeds input");
    /* an array claiming 2^40 elements, and an 11-byte varint */
    CHECK_STR(decode_err("\x13\x00\x80\x80\x80\x80\x80\x20", 8), "count exceeds input");
    CHECK_STR(decode_err("\x0b\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 12),
              "varint overflow");
    /* Int32 with a 33-bit payload, a Byte of 256, a DateTime kind 3, a decimal scale 29 */
    CHECK_STR(decode_err("\x09\x80\x80\x80\x80\x20", 6), "integer out of range");
    CHECK_STR(decode_err("\x06\x80\x02", 3), "integer out of range");
    CHECK_STR(decode_err("\x11\x03\x00", 3), "bad DateTimeKind");
    CHECK_STR(decode_err("\x0f\x01\x00\x00\x1d\x00", 6), "bad decimal");
    /* a typed Int32[] holding a string; an array of element type 99 */
    CHECK_STR(decode_err("\x13\x07\x01\x10\x00", 5), "array element of the wrong type");
    CHECK_STR(decode_err("\x13\x63\x00", 3), "bad array type");
    CHECK_STR(decode_err("\x14\x01\x00\x00", 4), "null hashtable key");
    /* 100 nested one-element arrays */
    StrBuf sb = {0};
    for (int i = 0; i < 100; i++)
        sb_append(&sb, "\x13\x00\x01", 3);
    sb_putc(&sb, 0);
    CHECK_STR(decode_err(sb.buf, sb.len), "nesting too deep");
    sb_free(&sb);
}

/* Random and mutated buffers: every outcome is an error or a value, never a crash. */
static void test_fuzz(void)
{
    unsigned seed = 12345;
    StrBuf good = {0};
    Value v = rich_value();
    ser_put_value(&good, v, 3);
    val_unref(v);
    uint8_t buf[256];
    int decoded = 0;
    for (int round = 0; round < 20000; round++) {
        size_t len;
        seed = seed * 1103515245u + 12345u;
        if (round % 2) {
            len = (seed >> 16) % sizeof buf;
            for (size_t i = 0; i < len; i++) {
                seed = seed * 1103515245u + 12345u;
                buf[i] = (uint8_t)((seed >> 16) % (round % 4 == 1 ? 32 : 256));
            }
        } else {
            len = good.len < sizeof buf ? good.len : sizeof buf;
            memcpy(buf, good.buf, len);
            for (int k = 0; k < 3; k++) {
                seed = seed * 1103515245u + 12345u;
                buf[(seed >> 16) % len] = (uint8_t)(seed >> 8);
            }
        }
        if (strcmp(decode_err(buf, len), "ok") == 0) decoded++;
    }
    CHECK(decoded > 0); /* the mutations sometimes leave a valid value */
    sb_free(&good);
}

/* ---- framing ---- */

static void frame(StrBuf *out, WireType t, const char *payload)
{
    size_t len = strlen(payload);
    char h[5] = {(char)(len & 0xFF), (char)(len >> 8), 0, 0, (char)t};
    sb_append(out, h, 5);
    sb_append(out, payload, len);
}

/* Reads every message out of r into "type:payload|" text. */
static void drain_reader(WireReader *r, StrBuf *got)
{
    WireMsg m;
    while (wire_reader_next(r, &m) == 1) {
        sb_printf(got, "%s:", wire_type_name(m.type));
        sb_append(got, (const char *)m.payload, m.len);
        sb_putc(got, '|');
    }
}

static void test_framing_split(void)
{
    StrBuf in = {0}, got = {0};
    frame(&in, MSG_OUTPUT, "abc");
    frame(&in, MSG_INPUT_END, "");
    frame(&in, MSG_WARNING, "careful");
    WireReader *r = wire_reader_new();
    for (size_t i = 0; i < in.len; i++) {
        wire_reader_feed(r, in.buf + i, 1);
        drain_reader(r, &got);
    }
    CHECK_STR(sb_str(&got), "output:abc|input-end:|warning:careful|");
    CHECK(wire_reader_buffered(r) == 0);
    wire_reader_free(r);
    /* all at once */
    sb_clear(&got);
    r = wire_reader_new();
    wire_reader_feed(r, in.buf, in.len);
    drain_reader(r, &got);
    CHECK_STR(sb_str(&got), "output:abc|input-end:|warning:careful|");
    wire_reader_free(r);
    sb_free(&in);
    sb_free(&got);
}

static void test_framing_corrupt(void)
{
    WireMsg m;
    WireReader *r = wire_reader_new();
    wire_reader_feed(r, "\xff\xff\xff\xff\x04", 5);
    CHECK(wire_reader_next(r, &m) == -1);
    CHECK_STR(wire_reader_error(r), "oversized frame");
    wire_reader_free(r);
    r = wire_reader_new();
    wire_reader_feed(r, "\x00\x00\x00\x00\x00", 5);
    CHECK(wire_reader_next(r, &m) == -1);
    CHECK_STR(wire_reader_error(r), "unknown message type");
    wire_reader_free(r);
    r = wire_reader_new();
    wire_reader_feed(r, "\x01\x00\x00\x00\x63", 5);
    CHECK(wire_reader_next(r, &m) == -1);
    wire_reader_free(r);
}

static int count_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    if (!d) return -1;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

static void nonblock_pipe(int p[2])
{
    if (pipe(p)) abort();
    for (int i = 0; i < 2; i++) {
        int fl = fcntl(p[i], F_GETFL);
        fcntl(p[i], F_SETFL, fl | O_NONBLOCK);
    }
}

/* A tiny threshold forces the spill file; bytes come out in order and memory stays bounded. */
static void test_spill(void)
{
    int fds_before = count_fds();
    int p[2];
    nonblock_pipe(p);
    WireWriter *w = wire_writer_new(64);
    size_t total = 0;
    for (int i = 0; i < 5000; i++) {
        char payload[32];
        int n = snprintf(payload, sizeof payload, "m%d", i);
        wire_writer_put(w, MSG_OUTPUT, payload, (size_t)n);
        total += WIRE_HEADER + (size_t)n;
    }
    CHECK(wire_writer_pending(w) == total);
    /* in memory: at most the threshold plus one batch of 64 bytes plus one frame */
    CHECK(wire_writer_pending(w) - wire_writer_spilled(w) <= 64 + 64 + 32);
    CHECK(count_fds() == fds_before + 3); /* the pipe and the unlinked spill file */
    WireReader *r = wire_reader_new();
    int next = 0, in_order = 1;
    for (int guard = 0; next < 5000 && guard < 100000; guard++) {
        CHECK(wire_writer_flush(w, p[1]) == 0);
        CHECK(wire_reader_fill(r, p[0]) == 1);
        WireMsg m;
        while (wire_reader_next(r, &m) == 1) {
            char want[32];
            int n = snprintf(want, sizeof want, "m%d", next++);
            if (m.len != (size_t)n || memcmp(m.payload, want, m.len)) in_order = 0;
        }
    }
    CHECK(next == 5000 && in_order);
    CHECK(wire_writer_pending(w) == 0 && wire_writer_spilled(w) == 0);
    /* after draining, a small frame goes to memory again */
    wire_writer_put(w, MSG_STOP, "", 0);
    CHECK(wire_writer_spilled(w) == 0 && wire_writer_pending(w) == WIRE_HEADER);
    wire_writer_free(w);
    wire_reader_free(r);
    close(p[0]);
    close(p[1]);
    CHECK(count_fds() == fds_before);
}

/* ---- payloads ---- */

static WireMsg msg_of(StrBuf *sb, WireType t)
{
    WireMsg m = {t, (const uint8_t *)sb->buf, sb->len};
    return m;
}

static void test_payload_start(void)
{
    WireStart s = {.name = "Job1", .script = "param($a) $a + $using:x", .workdir = "/tmp"};
    s.args = arr2(val_int(1), custom("deep", custom("er", val_int(1))));
    s.usings = ht_new(1);
    Value k = val_str("x");
    ht_set(s.usings, k, val_int(41));
    val_unref(k);
    s.input = val_null();
    s.more_input = 1;
    StrBuf sb = {0};
    wire_put_start(&sb, &s);
    val_unref(s.args);
    val_unref(s.usings);
    WireStart t;
    WireMsg m = msg_of(&sb, MSG_START);
    CHECK(wire_get_start(&m, &t) == 0);
    CHECK_STR(t.name, "Job1");
    CHECK_STR(t.script, "param($a) $a + $using:x");
    CHECK_STR(t.workdir, "/tmp");
    CHECK_STR(t.init, "");
    CHECK_STR(dumps(t.args), "Object[] (Int32 \"1\",PSCustomObject {deep=String \"@{er=1}\"})");
    CHECK_STR(dumps(t.usings), "OrderedDictionary {String \"x\"=Int32 \"41\"}");
    CHECK_STR(dumps(t.input), "Object[] ()");
    CHECK(t.more_input == 1);
    wire_start_free(&t);
    /* every truncation fails cleanly (no leak, nothing half-filled) */
    int bad = 0;
    for (size_t n = 0; n < sb.len; n++) {
        WireMsg c = {MSG_START, (const uint8_t *)sb.buf, n};
        if (wire_get_start(&c, &t) == 0) {
            bad++;
            wire_start_free(&t);
        }
    }
    CHECK(bad == 0);
    sb_free(&sb);
}

static void test_payload_records(void)
{
    WireError e = {.message = "Cannot find any service with service name 'fakeservice'.",
                   .id =
                       "NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand",
                   .category = "ObjectNotFound",
                   .target = "fakeservice",
                   .target_type = "String",
                   .exception = "Microsoft.PowerShell.Commands.ServiceCommandException",
                   .position = "At line:1 char:1",
                   .command = "Get-Service"};
    StrBuf sb = {0};
    wire_put_error(&sb, &e);
    WireMsg m = msg_of(&sb, MSG_ERROR);
    WireError f;
    CHECK(wire_get_error(&m, &f) == 0);
    CHECK_STR(f.message, e.message);
    CHECK_STR(f.id, e.id);
    CHECK_STR(f.category, "ObjectNotFound");
    CHECK_STR(f.target, "fakeservice");
    CHECK_STR(f.target_type, "String");
    CHECK_STR(f.exception, e.exception);
    CHECK_STR(f.position, "At line:1 char:1");
    CHECK_STR(f.command, "Get-Service");
    wire_error_free(&f);
    m.len = sb.len - 1;
    CHECK(wire_get_error(&m, &f) == -1);

    /* Failed with a reason; Completed never carries one */
    WireError bare = {.message = "MyError", .id = "MyError"};
    sb_clear(&sb);
    wire_put_state(&sb, WST_FAILED, &bare);
    m = msg_of(&sb, MSG_STATE);
    WireJobState st;
    int has;
    CHECK(wire_get_state(&m, &st, &f, &has) == 0 && st == WST_FAILED && has == 1);
    CHECK_STR(f.message, "MyError");
    CHECK_STR(f.category, "");
    wire_error_free(&f);
    sb_clear(&sb);
    wire_put_state(&sb, WST_COMPLETED, &bare);
    m = msg_of(&sb, MSG_STATE);
    CHECK(wire_get_state(&m, &st, &f, &has) == 0 && st == WST_COMPLETED && has == 0);
    sb_clear(&sb);
    sb_append(&sb, "\x09\x00", 2);
    m = msg_of(&sb, MSG_STATE);
    CHECK(wire_get_state(&m, &st, &f, &has) == -1);

    WireInfo in = {WIRE_INFO_HOST | WIRE_INFO_NONEWLINE, 12, -1, val_str("no newline")};
    sb_clear(&sb);
    wire_put_info(&sb, &in);
    val_unref(in.data);
    m = msg_of(&sb, MSG_INFORMATION);
    WireInfo out;
    CHECK(wire_get_info(&m, &out) == 0);
    CHECK(out.flags == (WIRE_INFO_HOST | WIRE_INFO_NONEWLINE) && out.fg == 12 && out.bg == -1);
    CHECK_STR(dumps(out.data), "String \"no newline\"");
    val_unref(out.data);

    WireProgress pr = {1, -1, 40, -1, 0, "Copying", "file 4 of 10", NULL};
    sb_clear(&sb);
    wire_put_progress(&sb, &pr);
    m = msg_of(&sb, MSG_PROGRESS);
    WireProgress q;
    CHECK(wire_get_progress(&m, &q) == 0);
    CHECK(q.activity_id == 1 && q.parent_id == -1 && q.percent == 40 && !q.completed);
    CHECK_STR(q.activity, "Copying");
    CHECK_STR(q.status, "file 4 of 10");
    CHECK_STR(q.operation, "");
    wire_progress_free(&q);

    sb_clear(&sb);
    wire_put_text(&sb, "WARNING text");
    m = msg_of(&sb, MSG_WARNING);
    char *text;
    CHECK(wire_get_text(&m, &text) == 0);
    CHECK_STR(text, "WARNING text");
    free(text);
    sb_free(&sb);
}

/* ---- a real pipe between two processes ---- */

#define NINTS 1000000

/* The job side: read MSG_START, emit NINTS integers without ever blocking (the parent reads
 * nothing until we say we are done), then Completed.  Exit status: 0 ok, else a step. */
static int child_main(int rfd, int wfd, int donefd)
{
    Transport *t = transport_fd_new(rfd, wfd, 64 * 1024);
    WireMsg m;
    int k;
    while ((k = transport_recv(t, &m)) == 0)
        transport_wait(t, -1);
    if (k != 1 || m.type != MSG_START) return 2;
    WireStart s;
    if (wire_get_start(&m, &s)) return 3;
    int64_t n = arr_len(s.args) ? arr_peek(s.args, 0).as.i : 0;
    wire_start_free(&s);
    for (int64_t i = 0; i < n; i++)
        if (transport_send_value(t, MSG_OUTPUT, val_int((int32_t)i), SER_DEPTH_REMOTING)) return 4;
    StrBuf sb = {0};
    wire_put_state(&sb, WST_COMPLETED, NULL);
    if (transport_send(t, MSG_STATE, sb.buf, sb.len)) return 5;
    sb_free(&sb);
    if (write(donefd, "d", 1) != 1) return 6; /* everything queued: nothing blocked */
    if (transport_drain(t)) return 7;
    transport_close(t);
    return 0;
}

static void test_pipe_processes(void)
{
    int fds_before = count_fds();
    int down[2], up[2], done[2];
    if (pipe(down) || pipe(up) || pipe(done)) abort();
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(down[1]);
        close(up[0]);
        close(done[0]);
        _exit(child_main(down[0], up[1], done[1]));
    }
    close(down[0]);
    close(up[1]);
    close(done[1]);
    Transport *t = transport_fd_new(up[0], down[1], 0);
    Value nargs = val_int(NINTS);
    WireStart s = {.name = "Job1", .script = "1..$args[0]", .args = arr_from(&nargs, 1)};
    StrBuf sb = {0};
    wire_put_start(&sb, &s);
    val_unref(s.args);
    CHECK(transport_send(t, MSG_START, sb.buf, sb.len) == 0);
    CHECK(transport_drain(t) == 0);
    sb_free(&sb);
    /* wait for "all queued" before reading anything (bounded: a hang is a failure) */
    struct pollfd pd = {done[0], POLLIN, 0};
    CHECK(poll(&pd, 1, 60000) == 1);
    char c;
    CHECK(read(done[0], &c, 1) == 1);
    int64_t count = 0, sum = 0, bad = 0;
    int state = -1;
    WireMsg m;
    for (;;) {
        int k = transport_recv(t, &m);
        if (k == 0) {
            if (transport_wait(t, 60000) != 1) break;
            continue;
        }
        if (k < 0) break;
        if (m.type == MSG_OUTPUT) {
            Value v;
            if (wire_get_value(&m, &v, NULL) || v.kind != VAL_INT32) {
                bad++;
                continue;
            }
            if (v.as.i != count) bad++;
            count++;
            sum += v.as.i;
        } else if (m.type == MSG_STATE) {
            WireJobState st;
            int has;
            WireError e;
            if (wire_get_state(&m, &st, &e, &has) == 0) state = (int)st;
        }
    }
    CHECK_STR(transport_error(t), "end of stream");
    CHECK(count == NINTS && bad == 0);
    CHECK(sum == (int64_t)NINTS * (NINTS - 1) / 2);
    CHECK(state == WST_COMPLETED);
    transport_close(t);
    close(done[0]);
    int status = 0;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(count_fds() == fds_before);
}

/* One socket as both ends of a transport; messages cross both ways; close releases it once. */
static void test_socket_transport(void)
{
    int fds_before = count_fds();
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) abort();
    Transport *a = transport_fd_new(sv[0], sv[0], 0), *b = transport_fd_new(sv[1], sv[1], 0);
    StrBuf got = {0};
    CHECK(transport_send(a, MSG_VERBOSE, "v1", 2) == 0);
    CHECK(transport_send(a, MSG_STOP, "", 0) == 0);
    CHECK(transport_pending(a) == 2 * WIRE_HEADER + 2); /* small sends wait for a flush */
    CHECK(transport_flush(a) == 0 && transport_pending(a) == 0);
    CHECK(transport_send(b, MSG_DEBUG, "d", 1) == 0 && transport_drain(b) == 0);
    WireMsg m;
    for (int n = 0; n < 2;) {
        int k = transport_recv(b, &m);
        if (k == 0 && transport_wait(b, 10000) == 1) continue;
        if (k != 1) break;
        sb_printf(&got, "%s:%.*s|", wire_type_name(m.type), (int)m.len, (const char *)m.payload);
        n++;
    }
    while (transport_recv(a, &m) == 0 && transport_wait(a, 10000) == 1)
        ;
    sb_printf(&got, "%s:%.*s|", wire_type_name(m.type), (int)m.len, (const char *)m.payload);
    CHECK_STR(sb_str(&got), "verbose:v1|stop:|debug:d|");
    CHECK(transport_recv(a, &m) == 0); /* nothing more, but still open */
    CHECK(transport_error(a) == NULL);
    transport_close(b);
    while (transport_recv(a, &m) == 0 && transport_wait(a, 10000) == 1)
        ;
    CHECK_STR(transport_error(a), "end of stream");
    transport_close(a);
    sb_free(&got);
    CHECK(count_fds() == fds_before);
}

/* End of file in the middle of a frame is reported as such. */
static void test_truncated_stream(void)
{
    int p[2], q[2];
    if (pipe(p) || pipe(q)) abort();
    if (write(p[1],
              "\x08\x00\x00\x00\x04"
              "abc",
              8) != 8)
        abort();
    close(p[1]);
    Transport *t = transport_fd_new(p[0], q[1], 0);
    WireMsg m;
    int k;
    while ((k = transport_recv(t, &m)) == 0)
        transport_wait(t, 10000);
    CHECK(k == -1);
    CHECK_STR(transport_error(t), "truncated frame");
    transport_close(t);
    close(q[0]);
}

/* A peer that went away is an error return, not a signal or a hang. */
static void test_peer_closed(void)
{
    int p[2];
    if (pipe(p)) abort();
    int q[2];
    if (pipe(q)) abort();
    close(p[0]); /* nobody will read what we write */
    Transport *t = transport_fd_new(q[0], p[1], 0);
    CHECK(transport_send(t, MSG_STOP, "", 0) == 0); /* queued */
    CHECK(transport_flush(t) == -1);
    CHECK_STR(transport_error(t), "peer closed the stream");
    close(q[1]);
    transport_close(t);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    test_scalars();
    test_double_bits();
    test_string_bytes();
    test_arrays();
    test_hashtables();
    test_cycle();
    test_custom_objects();
    test_custom_typenames();
    test_wrappers();
    test_other_objects();
    test_bag_second_hop();
    test_job_notes();
    test_truncated();
    test_corrupt();
    test_fuzz();
    test_framing_split();
    test_framing_corrupt();
    test_spill();
    test_payload_start();
    test_payload_records();
    test_peer_closed();
    test_socket_transport();
    test_truncated_stream();
    test_pipe_processes();
    sb_free(&dumpbuf);
    return check_done();
}
