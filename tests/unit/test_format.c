/*
** test_format: the formatting engine against language.md 8 (verbatim samples of 8.5 and the
** layout rules of 8.1-8.4) and jobs.md 5 (views as data).  Issue: formatting engine
** (Out-Default / Format-Table / Format-List / Out-String), 2026-11-24.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <time.h>

#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/datefmt.h"
#include "runtime/decimal.h"
#include "runtime/fmt_cell.h"
#include "runtime/format.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "tests/unit/check.h"

/* ---- building values ---- */

/* [pscustomobject]@{k1=v1; ...}: name/value pairs ending with NULL; the values are taken. */
static Value pso(const char *name, ...)
{
    Value o = object_new_custom();
    va_list ap;
    va_start(ap, name);
    for (const char *k = name; k; k = va_arg(ap, const char *)) {
        Value v = va_arg(ap, Value);
        object_set_prop(o, k, strlen(k), v);
        val_unref(v);
    }
    va_end(ap);
    return o;
}

static Value S(const char *s)
{
    return val_str(s);
}

static Value I(int i)
{
    return val_int(i);
}

/* object[] of n taken values. */
static Value arr(size_t n, ...)
{
    Value a = arr_new(TY_OBJECT, n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        arr_push_take(a, va_arg(ap, Value));
    va_end(ap);
    return a;
}

/* h[key] = val, taking both. */
static void hset(Value h, Value key, Value val)
{
    ht_set(h, key, val);
    val_unref(key);
    val_unref(val);
}

static Value range(int from, int to)
{
    Value a = arr_new(TY_OBJECT, 0);
    for (int i = from; i <= to; i++)
        arr_push_take(a, val_int(i));
    return a;
}

/* ---- running the formatter ---- */

static StrBuf result;

static FmtOptions opts(FmtShape shape)
{
    FmtOptions o;
    fmt_options_init(&o);
    o.shape = shape;
    o.width = 120;
    return o;
}

/* Format the taken values vals[0..n) and return the text (valid until the next call). */
static const char *fmt_n(const FmtOptions *o, Value *vals, size_t n)
{
    sb_clear(&result);
    fmt_values(o, vals, n, &result);
    for (size_t i = 0; i < n; i++)
        val_unref(vals[i]);
    return sb_str(&result);
}

static const char *fmt1(const FmtOptions *o, Value v)
{
    return fmt_n(o, &v, 1);
}

static const char *out_default(Value v)
{
    FmtOptions o = opts(FMT_AUTO);
    return fmt1(&o, v);
}

static const char *ft(Value v)
{
    FmtOptions o = opts(FMT_TABLE);
    return fmt1(&o, v);
}

static const char *fl(Value v)
{
    FmtOptions o = opts(FMT_LIST);
    return fmt1(&o, v);
}

/* ======================================================================== 8.5 samples */

static void test_samples(void)
{
    CHECK_STR(out_default(pso("one", I(1), "two", I(2), NULL)), "\none two\n--- ---\n  1   2\n\n");

    Value h = ht_new(1);
    hset(h, I(1), S("one"));
    hset(h, I(2), S("two"));
    hset(h, S("three"), I(3));
    CHECK_STR(out_default(h), "\nName                           Value\n"
                              "----                           -----\n"
                              "1                              one\n"
                              "2                              two\n"
                              "three                          3\n\n");

    CHECK_STR(ft(pso("a", S("abc"), "b", I(123), NULL)), "\na     b\n-     -\nabc 123\n\n");

    Value two = arr(2, pso("abc", S("1234"), "bcd", S("123"), NULL),
                    pso("abc", S("1"), "bcd", S("1234"), NULL));
    CHECK_STR(ft(two), "\nabc  bcd\n---  ---\n1234 123\n1    1234\n\n");

    FmtOptions o = opts(FMT_TABLE);
    o.wrap = 1;
    CHECK_STR(fmt1(&o, pso("A", I(1), "B", I(2), "Name",
                           S("This\nIs some random\nmultiline content"), NULL)),
              "\nA B Name\n- - ----\n1 2 This\n    Is some random\n    multiline content\n\n");

    CHECK_STR(fl(pso("testName", S("testValue"), NULL)), "\ntestName : testValue\n\n");

    h = ht_new(0);
    hset(h, S("key"), S("value"));
    CHECK_STR(out_default(h), "\nName                           Value\n"
                              "----                           -----\n"
                              "key                            value\n\n");
}

/* ======================================================================== 8.1 Out-Default */

static void test_scalars(void)
{
    CHECK_STR(out_default(S("a")), "a\n");
    CHECK_STR(out_default(S("")), "\n");
    CHECK_STR(out_default(S("two\nlines")), "two\nlines\n");
    CHECK_STR(out_default(val_double(1.5)), "1.5\n");
    CHECK_STR(out_default(val_double(3.14159)), "3.14159\n"); /* out of band: no F */
    CHECK_STR(out_default(val_bool(1)), "True\n");
    CHECK_STR(out_default(val_char('x')), "x\n");
    CHECK_STR(out_default(val_null()), "");
    CHECK_STR(out_default(val_autonull()), "");
    CHECK_STR(out_default(arr(3, I(1), I(2), I(3))), "1\n2\n3\n");
    CHECK_STR(out_default(arr(3, I(1), val_null(), I(2))), "1\n2\n");
    CHECK_STR(out_default(arr(2, I(1), arr(2, I(2), I(3)))), "1\n2\n3\n");
    CHECK_STR(out_default(arr(0)), "");
    Value d;
    CHECK(dec_parse("1.50", 4, &(Decimal){0}));
    Decimal dd;
    dec_parse("1.50", 4, &dd);
    d = dec_value(dd);
    CHECK_STR(out_default(d), "1.50\n");
    CHECK_STR(out_default(val_long(-7)), "-7\n");
}

static void test_mixed_stream(void)
{
    /* a scalar in the middle of a table prints out of band, in place */
    CHECK_STR(out_default(arr(3, pso("a", I(1), NULL), S("x"), pso("a", I(2), NULL))),
              "\na\n-\n1\nx\n2\n\n");
    CHECK_STR(out_default(arr(2, S("x"), pso("a", I(1), NULL))), "x\n\na\n-\n1\n\n");
    CHECK_STR(out_default(arr(2, pso("a", I(1), NULL), S(""))), "\na\n-\n1\n\n\n");
    /* later objects reuse the first object's columns; missing properties are empty */
    CHECK_STR(out_default(arr(2, pso("a", I(1), "b", I(2), NULL), pso("b", I(3), "c", I(4), NULL))),
              "\na b\n- -\n1 2\n  3\n\n");
    CHECK_STR(out_default(arr(2, pso("name", S("x"), NULL), pso("other", S("y"), NULL))),
              "\nname\n----\nx\n\n\n");
    /* five properties -> list */
    CHECK_STR(out_default(pso("a", I(1), "bb", I(2), "c", I(3), "d", I(4), "eeeee", I(5), NULL)),
              "\na     : 1\nbb    : 2\nc     : 3\nd     : 4\neeeee : 5\n\n");
    CHECK_STR(out_default(arr(2, pso("a", I(1), "b", I(2), "c", I(3), "d", I(4), "e", I(5), NULL),
                              pso("a", I(6), NULL))),
              "\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\na : 6\nb : \nc : \nd : \ne : \n\n");
    CHECK_STR(out_default(arr(2, pso("a", I(1), "b", I(2), "c", I(3), "d", I(4), "e", I(5), NULL),
                              S("tail"))),
              "\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\ntail\n");
    /* four properties -> still a table */
    CHECK_STR(out_default(pso("a", I(1), "b", I(2), "c", I(3), "d", I(4), NULL)),
              "\na b c d\n- - - -\n1 2 3 4\n\n");
    /* hashtable view, then an object it does not fit: a list block out of band */
    Value h = ht_new(1);
    hset(h, S("k"), I(1));
    CHECK_STR(out_default(arr(2, h, pso("x", I(1), NULL))),
              "\nName                           Value\n----                           -----\n"
              "k                              1\n\nx : 1\n\n\n");
    /* an empty hashtable prints nothing */
    CHECK_STR(out_default(ht_new(0)), "");
    /* a PSObject wrapper formats as its base */
    Value base = S("wrapped");
    CHECK_STR(out_default(object_wrap(base)), "wrapped\n");
    val_unref(base);
}

/* ======================================================================== 8.2 tables */

static void test_table_cells(void)
{
    CHECK_STR(ft(pso("pi", val_double(3.14159), NULL)), "\n  pi\n  --\n3.14\n\n");
    CHECK_STR(ft(pso("x", val_double(2.5), "y", val_double(-0.005), NULL)),
              "\n   x     y\n   -     -\n2.50 -0.01\n\n");
    CHECK_STR(ft(pso("x", val_single(1.25f), NULL)), "\n   x\n   -\n1.25\n\n");
    Decimal dd;
    dec_parse("2", 1, &dd);
    CHECK_STR(ft(pso("m", dec_value(dd), NULL)), "\n   m\n   -\n2.00\n\n");
    CHECK_STR(ft(pso("b", val_bool(0), "c", val_char('z'), NULL)),
              "\n    b c\n    - -\nFalse z\n\n");
    CHECK_STR(ft(pso("s", S("left"), "n", I(42), NULL)), "\ns     n\n-     -\nleft 42\n\n");
    CHECK_STR(ft(pso("r", range(0, 9), NULL)), "\nr\n-\n{0, 1, 2, 3\xE2\x80\xA6}\n\n");
    CHECK_STR(ft(pso("r", range(1, 4), NULL)), "\nr\n-\n{1, 2, 3, 4}\n\n");
    CHECK_STR(ft(pso("r", arr(0), NULL)), "\nr\n-\n{}\n\n");
    CHECK_STR(ft(pso("r", arr(2, S("a"), S("b")), NULL)), "\nr\n-\n{a, b}\n\n");
    CHECK_STR(ft(pso("r", arr(2, I(1), arr(1, I(2))), NULL)), "\nr\n-\n{1, System.Object[]}\n\n");
    Value h = ht_new(1);
    hset(h, S("k"), I(1));
    hset(h, S("j"), S("v"));
    CHECK_STR(ft(pso("h", h, NULL)), "\nh\n-\n{[k, 1], [j, v]}\n\n");
    CHECK_STR(ft(pso("o", pso("x", I(1), "y", S("z"), NULL), NULL)), "\no\n-\n@{x=1; y=z}\n\n");
    CHECK_STR(ft(pso("a", val_null(), "b", I(1), NULL)), "\na b\n- -\n  1\n\n");
    /* empty last cells: the earlier columns keep their padding and separator, as pwsh's
     * TableWriter pads every column but the last */
    CHECK_STR(ft(pso("a", I(1), "b", val_null(), NULL)), "\na b\n- -\n1 \n\n");
    CHECK_STR(ft(pso("a", S(""), "b", S(""), NULL)), "\na b\n- -\n  \n\n");
    /* alignment comes from the first row only */
    CHECK_STR(ft(arr(2, pso("v", val_null(), NULL), pso("v", I(12345), NULL))),
              "\nv\n-\n\n12345\n\n");
    CHECK_STR(ft(arr(2, pso("v", I(1), NULL), pso("v", S("abc"), NULL))),
              "\n  v\n  -\n  1\nabc\n\n");
    /* a cell with a line break is cut there */
    CHECK_STR(ft(pso("a", S("This\nIs"), "b", I(1), NULL)),
              "\na     b\n-     -\nThis\xE2\x80\xA6 1\n\n");
    CHECK_STR(ft(pso("a", S("\n x"), NULL)), "\na\n-\n\xE2\x80\xA6\n\n");
    CHECK_STR(ft(pso("a", S("x\r\ny"), NULL)), "\na\n-\nx\xE2\x80\xA6\n\n");
    /* the value's own trailing space is kept (jobs.md 5.2, " 1 + 1 ") */
    CHECK_STR(ft(pso("Command", S(" 1 + 1 "), NULL)), "\nCommand\n-------\n 1 + 1 \n\n");
    /* wide characters count two cells */
    CHECK_STR(ft(pso("k", S("\xE6\x97\xA5\xE6\x9C\xAC"), "n", I(1), NULL)),
              "\nk    n\n-    -\n\xE6\x97\xA5\xE6\x9C\xAC 1\n\n");
}

static void test_enum_limit(void)
{
    FmtOptions o = opts(FMT_TABLE);
    o.enum_limit = 2;
    CHECK_STR(fmt1(&o, pso("r", range(1, 3), NULL)), "\nr\n-\n{1, 2\xE2\x80\xA6}\n\n");
    o.enum_limit = -1;
    CHECK_STR(fmt1(&o, pso("r", range(1, 6), NULL)), "\nr\n-\n{1, 2, 3, 4, 5, 6}\n\n");
    o.enum_limit = 0;
    CHECK_STR(fmt1(&o, pso("r", range(1, 3), NULL)), "\nr\n-\n{\xE2\x80\xA6}\n\n");
    o = opts(FMT_LIST);
    CHECK_STR(fmt1(&o, pso("r", range(1, 5), NULL)), "\nr : {1, 2, 3, 4\xE2\x80\xA6}\n\n");
    o.enum_limit = 1;
    CHECK_STR(fmt1(&o, pso("r", range(1, 5), NULL)), "\nr : {1\xE2\x80\xA6}\n\n");
}

/* Fixed-width columns, as a view or a calculated column with Width. */
static const char *fixed(const char *text, int width, FmtAlign align)
{
    FmtColumn col = {.label = "c", .prop = "c", .width = width, .align = align};
    FmtOptions o = opts(FMT_TABLE);
    o.cols = &col;
    o.ncols = 1;
    return fmt1(&o, pso("c", S(text), NULL));
}

static void test_truncation(void)
{
    CHECK_STR(fixed("12345678", 4, FMT_ALIGN_LEFT), "\nc\n-\n123\xE2\x80\xA6\n\n");
    CHECK_STR(fixed("12345678", 4, FMT_ALIGN_RIGHT), "\n   c\n   -\n\xE2\x80\xA6"
                                                     "678\n\n");
    CHECK_STR(fixed("12345678", 4, FMT_ALIGN_CENTER), "\n c\n -\n123\xE2\x80\xA6\n\n");
    CHECK_STR(fixed("1234", 4, FMT_ALIGN_LEFT), "\nc\n-\n1234\n\n");
    CHECK_STR(fixed("12345", 1, FMT_ALIGN_LEFT), "\nc\n-\n1\n\n");
    CHECK_STR(fixed("12", 2, FMT_ALIGN_LEFT), "\nc\n-\n12\n\n");
    CHECK_STR(fixed("123", 2, FMT_ALIGN_LEFT), "\nc\n-\n1\xE2\x80\xA6\n\n");
    CHECK_STR(fixed("ab", 6, FMT_ALIGN_RIGHT), "\n     c\n     -\n    ab\n\n");
    CHECK_STR(fixed("ab", 6, FMT_ALIGN_CENTER), "\n  c\n  -\n  ab\n\n");
    /* a wide character that does not fit whole leaves a gap */
    CHECK_STR(fixed("\xE6\x97\xA5\xE6\x9C\xAC\xE6\x97\xA5", 4, FMT_ALIGN_LEFT),
              "\nc\n-\n\xE6\x97\xA5\xE2\x80\xA6\n\n");
    /* the header label itself is cut when the column is narrower */
    FmtColumn col = {.label = "LongLabel", .prop = "c", .width = 5};
    FmtOptions o = opts(FMT_TABLE);
    o.cols = &col;
    o.ncols = 1;
    CHECK_STR(fmt1(&o, pso("c", S("x"), NULL)), "\nLong\xE2\x80\xA6\n-----\nx\n\n");
}

static void test_screen_width(void)
{
    FmtOptions o = opts(FMT_TABLE);
    o.width = 10;
    CHECK_STR(fmt1(&o, pso("a", S("abc"), "b", S("0123456789"), NULL)),
              "\na   b\n-   -\nabc 01234\xE2\x80\xA6\n\n");
    o.width = 3;
    CHECK_STR(fmt1(&o, pso("a", S("abc"), "b", S("0123456789"), NULL)), "\na\n-\nabc\n\n");
    o.width = 5;
    CHECK_STR(fmt1(&o, pso("a", S("abc"), "b", S("0123456789"), NULL)),
              "\na   b\n-   -\nabc 0\n\n");
    o.width = 4;
    CHECK_STR(fmt1(&o, pso("a", S("abcdef"), NULL)), "\na\n-\nabc\xE2\x80\xA6\n\n");
    /* the hashtable view's Value column takes the rest of the line */
    o = opts(FMT_AUTO);
    o.width = 40;
    Value h = ht_new(1);
    hset(h, S("k"), S("0123456789abcdef"));
    CHECK_STR(fmt1(&o, h),
              "\nName                           Value\n----                           -----\n"
              "k                              01234567\xE2\x80\xA6\n\n");
    /* long keys are cut at 30 */
    h = ht_new(1);
    hset(h, S("0123456789012345678901234567890123"), I(1));
    o.width = 120;
    CHECK_STR(fmt1(&o, h),
              "\nName                           Value\n----                           -----\n"
              "01234567890123456789012345678\xE2\x80\xA6 1\n\n");
    /* values are plain (no F) and left aligned in the hashtable view */
    h = ht_new(1);
    hset(h, S("pi"), val_double(3.14159));
    CHECK_STR(fmt1(&o, h),
              "\nName                           Value\n----                           -----\n"
              "pi                             3.14159\n\n");
    h = ht_new(1);
    hset(h, S("list"), range(1, 9));
    CHECK_STR(fmt1(&o, h),
              "\nName                           Value\n----                           -----\n"
              "list                           {1, 2, 3, 4\xE2\x80\xA6}\n\n");
}

static void test_table_options(void)
{
    FmtOptions o = opts(FMT_TABLE);
    o.hide_headers = 1;
    CHECK_STR(
        fmt1(&o, arr(2, pso("a", S("x"), "b", I(1), NULL), pso("a", S("yyy"), "b", I(22), NULL))),
        "\nx    1\nyyy 22\n\n");
    /* at most 10 columns from properties */
    Value big = pso("p1", I(1), "p2", I(2), "p3", I(3), "p4", I(4), "p5", I(5), "p6", I(6), "p7",
                    I(7), "p8", I(8), "p9", I(9), "p10", I(10), "p11", I(11), NULL);
    CHECK_STR(ft(big), "\np1 p2 p3 p4 p5 p6 p7 p8 p9 p10\n-- -- -- -- -- -- -- -- -- ---\n"
                       " 1  2  3  4  5  6  7  8  9  10\n\n");
    /* -AutoSize ignores view widths */
    o = opts(FMT_TABLE);
    o.autosize = 1;
    Value h = ht_new(1);
    hset(h, S("key"), S("value"));
    CHECK_STR(fmt1(&o, h), "\nName Value\n---- -----\nkey  value\n\n");
    /* Format-Table of a hashtable uses the Name/Value view */
    h = ht_new(1);
    hset(h, S("a"), I(1));
    CHECK_STR(ft(h),
              "\nName                           Value\n----                           -----\n"
              "a                              1\n\n");
}

/* Calculated column: the length of property "s" (a stand-in for a script block). */
static Value get_len(void *ctx, Value obj)
{
    Value s;
    if (!val_get_prop(obj, "s", 1, &s)) return val_null();
    Value r = val_int((int32_t)val_str_len(s) * (ctx ? 10 : 1));
    val_unref(s);
    return r;
}

static void test_property_columns(void)
{
    FmtColumn cols[] = {
        {.prop = "s"},
        {.label = "Len", .get = get_len},
        {.label = "Price", .prop = "p", .format = "N2"},
    };
    FmtOptions o = opts(FMT_TABLE);
    o.cols = cols;
    o.ncols = 3;
    CHECK_STR(
        fmt1(&o, arr(2, pso("s", S("ab"), "p", val_double(1234.5), NULL),
                     pso("s", S("abcdef"), "p", I(7), "x", I(0), NULL))),
        "\ns      Len    Price\n-      ---    -----\nab       2 1,234.50\nabcdef   6     7.00\n\n");
    /* labels that differ from the property, Width and Alignment */
    FmtColumn c2[] = {
        {.label = "Name", .prop = "s", .width = 8, .align = FMT_ALIGN_RIGHT},
        {.label = "T", .get = get_len, .get_ctx = "x", .align = FMT_ALIGN_LEFT},
    };
    o.cols = c2;
    o.ncols = 2;
    CHECK_STR(fmt1(&o, pso("s", S("abc"), NULL)), "\n    Name T\n    ---- -\n     abc 30\n\n");
    /* wildcards expand against the first object's properties */
    FmtColumn c3[] = {{.prop = "b*"}, {.prop = "a"}};
    o.cols = c3;
    o.ncols = 2;
    CHECK_STR(fmt1(&o, pso("a", I(1), "bx", I(2), "by", I(3), "c", I(4), NULL)),
              "\nbx by a\n-- -- -\n 2  3 1\n\n");
    /* a missing property gives an empty column */
    FmtColumn c4[] = {{.prop = "nope"}, {.prop = "a"}};
    o.cols = c4;
    CHECK_STR(fmt1(&o, pso("a", I(1), NULL)), "\nnope a\n---- -\n     1\n\n");
}

static void test_wrap(void)
{
    FmtOptions o = opts(FMT_TABLE);
    o.wrap = 1;
    o.width = 12;
    CHECK_STR(fmt1(&o, pso("n", I(1), "t", S("the quick brown fox"), NULL)),
              "\nn t\n- -\n1 the quick\n  brown fox\n\n");
    CHECK_STR(fmt1(&o, pso("t", S("abcdefghijklmnopq"), "n", I(1), NULL)),
              "\nt\n-\nabcdefghijkl\nmnopq\n\n"); /* n no longer fits: dropped */
    o.width = 120;
    CHECK_STR(fmt1(&o, pso("a", S("x\ny"), "b", S("1\n2\n3"), NULL)),
              "\na b\n- -\nx 1\ny 2\n  3\n\n");
    /* without -Wrap the same text is cut */
    o.wrap = 0;
    o.width = 12;
    CHECK_STR(fmt1(&o, pso("n", I(1), "t", S("the quick brown fox"), NULL)),
              "\nn t\n- -\n1 the quick\xE2\x80\xA6\n\n");
}

static void test_group_by(void)
{
    FmtColumn g = {.prop = "g"};
    FmtOptions o = opts(FMT_TABLE);
    o.group_by = &g;
    CHECK_STR(fmt1(&o, arr(3, pso("g", I(1), "v", I(1), NULL), pso("g", I(1), "v", I(22), NULL),
                           pso("g", I(0), "v", I(3), NULL))),
              "\n   g: 1\n\ng  v\n-  -\n1  1\n1 22\n\n   g: 0\n\ng v\n- -\n0 3\n\n");
    FmtColumn gl = {.label = "Kind", .prop = "g"};
    o = opts(FMT_LIST);
    o.group_by = &gl;
    CHECK_STR(fmt1(&o, arr(2, pso("g", S("x"), NULL), pso("g", S("y"), NULL))),
              "\n   Kind: x\n\ng : x\n\n   Kind: y\n\ng : y\n\n");
}

/* ======================================================================== 8.3 lists */

static void test_lists(void)
{
    CHECK_STR(fl(pso("a", I(1), "long", S("x"), NULL)), "\na    : 1\nlong : x\n\n");
    CHECK_STR(fl(pso("a", val_null(), NULL)), "\na : \n\n");
    CHECK_STR(fl(pso("pi", val_double(3.14159), NULL)), "\npi : 3.14159\n\n");
    CHECK_STR(fl(pso("t", S("one\ntwo"), NULL)), "\nt : one\n    two\n\n");
    CHECK_STR(fl(pso("o", pso("x", I(1), NULL), NULL)), "\no : @{x=1}\n\n");
    /* each object its own properties and label width */
    CHECK_STR(fl(arr(2, pso("a", I(1), NULL), pso("bbb", I(2), "c", I(3), NULL))),
              "\na : 1\n\nbbb : 2\nc   : 3\n\n");
    /* a scalar among list objects */
    CHECK_STR(fl(arr(2, pso("a", I(1), NULL), S("s"))), "\na : 1\n\ns\n");
    /* wrapping at the list width, indented to the value column */
    FmtOptions o = opts(FMT_LIST);
    o.list_width = 10;
    CHECK_STR(fmt1(&o, pso("ab", S("0123456789"), NULL)), "\nab : 01234\n     56789\n\n");
    o.list_width = 0;
    CHECK_STR(fmt1(&o, pso("ab", S("0123456789"), NULL)), "\nab : 0123456789\n\n");
    /* explicit properties; '*' is every property */
    FmtColumn cols[] = {{.prop = "b"}, {.label = "Alpha", .prop = "a"}};
    o.cols = cols;
    o.ncols = 2;
    CHECK_STR(fmt1(&o, pso("a", I(1), "b", I(2), NULL)), "\nb     : 2\nAlpha : 1\n\n");
    FmtColumn star = {.prop = "*"};
    o.cols = &star;
    o.ncols = 1;
    CHECK_STR(fmt1(&o, arr(2, pso("a", I(1), NULL), pso("x", I(2), "yy", I(3), NULL))),
              "\na : 1\n\nx  : 2\nyy : 3\n\n");
    /* hashtables list as Name/Value entries */
    Value h = ht_new(1);
    hset(h, S("a"), I(1));
    hset(h, S("bb"), S("two"));
    CHECK_STR(fl(h), "\nName  : a\nValue : 1\n\nName  : bb\nValue : two\n\n");
    /* Format-List of plain strings prints them */
    CHECK_STR(fl(arr(2, S("a"), S("b"))), "a\nb\n");
}

/* ======================================================================== 8.4 Out-String */

static void test_out_string(void)
{
    FmtOptions o = opts(FMT_AUTO);
    Value v[2] = {S("a"), S(" b")};
    CHECK_STR(fmt_n(&o, v, 2), "a\n b\n");
    Value t = pso("one", I(1), NULL);
    const char *s = fmt1(&o, t);
    CHECK(s[0] == '\n');
    CHECK(strlen(s) >= 2 && strcmp(s + strlen(s) - 2, "\n\n") == 0);
    /* fmt_values appends */
    StrBuf sb = {0};
    sb_puts(&sb, "x:");
    Value one = I(5);
    fmt_values(&o, &one, 1, &sb);
    CHECK_STR(sb_str(&sb), "x:5\n");
    sb_free(&sb);
    CHECK(fmt_screen_width(-1) == 120);
}

/* ======================================================================== wide */

static void test_wide(void)
{
    FmtOptions o = opts(FMT_WIDE);
    o.width = 20;
    CHECK_STR(fmt1(&o, arr(3, pso("Name", S("a"), NULL), pso("Name", S("b"), NULL),
                           pso("Name", S("c"), NULL))),
              "\na         b\nc\n\n");
    o.wide_columns = 3;
    CHECK_STR(fmt1(&o, range(1, 4)), "\n1     2     3\n4\n\n");
    o.wide_columns = 0;
    o.autosize = 1;
    CHECK_STR(fmt1(&o, arr(5, S("aa"), S("b"), S("cc"), S("d"), S("e"))), "\naa b  cc d  e\n\n");
    o = opts(FMT_WIDE);
    o.width = 10;
    o.wide_columns = 2;
    CHECK_STR(fmt1(&o, arr(2, S("abcdefgh"), S("x"))), "\nabc\xE2\x80\xA6 x\n\n");
    /* no Name: the first property */
    o.width = 20;
    CHECK_STR(fmt1(&o, pso("z", I(9), "y", I(8), NULL)), "\n9\n\n");
}

/* ======================================================================== views (jobs.md 5) */

/* A stand-in for the job object: a class of its own with seven properties. */
static const char *const job_names[] = {"Id",          "Name",     "PSJobTypeName", "State",
                                        "HasMoreData", "Location", "Command"};

typedef struct TestJob {
    Obj obj;
    Value props[7];
} TestJob;

static void job_free(Obj *o)
{
    for (size_t i = 0; i < 7; i++)
        val_unref(((TestJob *)o)->props[i]);
}

static int job_get(Value self, const char *name, size_t len, Value *out)
{
    for (size_t i = 0; i < 7; i++) {
        if (str_ieq_slice(name, len, job_names[i])) {
            *out = val_ref(((TestJob *)self.as.o)->props[i]);
            return 1;
        }
    }
    return 0;
}

static size_t job_nprops(Value self)
{
    return 7;
}

static void job_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = job_names[i];
    *len = strlen(job_names[i]);
    *val = ((TestJob *)self.as.o)->props[i];
}

static const ObjClass cls_testjob = {
    .name = "PSRemotingJob",
    .full_name = "System.Management.Automation.PSRemotingJob",
    .type = TY_OTHER,
    .free = job_free,
    .get_prop = job_get,
    .nprops = job_nprops,
    .prop_at = job_prop_at,
};

static Value job(int id, const char *state, const char *more, const char *loc, const char *cmd)
{
    TestJob *j = (TestJob *)obj_alloc(&cls_testjob, sizeof(TestJob));
    char name[32];
    snprintf(name, sizeof name, "Job%d", id);
    j->props[0] = val_int(id);
    j->props[1] = val_str(name);
    j->props[2] = val_str("BackgroundJob");
    j->props[3] = val_str(state);
    j->props[4] = val_bool(more[0] == 'T');
    j->props[5] = val_str(loc);
    j->props[6] = val_str(cmd);
    return val_obj_take(&j->obj);
}

/* Every job kind shares the view: the type family is a match function. */
static int is_job(Value v)
{
    return val_is(v, &cls_testjob);
}

static const FmtColumn job_cols[] = {
    {.label = "Id", .prop = "Id", .width = 6, .align = FMT_ALIGN_LEFT},
    {.label = "Name", .prop = "Name", .width = 15, .align = FMT_ALIGN_LEFT},
    {.label = "PSJobTypeName", .prop = "PSJobTypeName", .width = 15, .align = FMT_ALIGN_LEFT},
    {.label = "State", .prop = "State", .width = 13, .align = FMT_ALIGN_LEFT},
    {.label = "HasMoreData", .prop = "HasMoreData", .width = 15, .align = FMT_ALIGN_LEFT},
    {.label = "Location", .prop = "Location", .width = 20, .align = FMT_ALIGN_LEFT},
    {.label = "Command", .prop = "Command", .width = 25, .align = FMT_ALIGN_LEFT},
};
static const FmtView job_view = {
    "Job", "System.Management.Automation.Job", is_job, FMT_TABLE, job_cols, 7, 0, NULL, 0, 0};

#define JOB_HEAD                                                                                   \
    "\nId     Name            PSJobTypeName   State         HasMoreData     Location             " \
    "Command\n--     ----            -------------   -----         -----------     --------      " \
    "  "                                                                                           \
    "     -------\n"

static void test_views(void)
{
    CHECK(fmt_view_find(I(1), FMT_AUTO) == NULL);
    Value j = job(1, "Completed", "True", "localhost", " $Env:COMPUTERNAME");
    CHECK(fmt_view_find(j, FMT_AUTO) == NULL);
    fmt_view_register(&job_view);
    CHECK(fmt_view_find(j, FMT_AUTO) == &job_view);
    CHECK(fmt_view_find(j, FMT_TABLE) == &job_view);
    CHECK(fmt_view_find(j, FMT_LIST) == NULL);
    CHECK(fmt_view_matches(&job_view, j));
    /* Get-Job.md example 1 */
    CHECK_STR(out_default(j),
              JOB_HEAD "1      Job1            BackgroundJob   Completed     True    "
                       "        localhost             $Env:COMPUTERNAME\n\n");
    /* example 8: a 25-wide Command cut with '…' */
    CHECK_STR(out_default(job(1, "Running", "True", "localhost", "Get-EventLog -LogName System")),
              JOB_HEAD "1      Job1            BackgroundJob   Running       True            "
                       "localhost            Get-EventLog -LogName Sy\xE2\x80\xA6\n\n");
    /* derived sample: the value's leading and trailing spaces are printed */
    CHECK_STR(out_default(job(1, "Running", "True", "localhost", " 1 + 1 ")),
              JOB_HEAD "1      Job1            BackgroundJob   Running       True            "
                       "localhost             1 + 1 \n\n");
    /* a script starting with a newline shows just '…' */
    CHECK_STR(out_default(job(2, "Running", "True", "localhost", "\nx")),
              JOB_HEAD "2      Job2            BackgroundJob   Running       True            "
                       "localhost            \xE2\x80\xA6\n\n");
    /* 79 usable columns: Command hidden, Location shrinks to 10 (ISSUE #16472) */
    FmtOptions o = opts(FMT_AUTO);
    o.width = 79;
    CHECK_STR(fmt1(&o, job(1, "Running", "True", "localhost", "x")),
              "\nId     Name            PSJobTypeName   State         HasMoreData     Location\n"
              "--     ----            -------------   -----         -----------     --------\n"
              "1      Job1            BackgroundJob   Running       True            localhost\n\n");
    o.width = 75;
    CHECK_STR(
        fmt1(&o, job(1, "Running", "True", "localhost", "x")),
        "\nId     Name            PSJobTypeName   State         HasMoreData     Locat\xE2\x80\xA6\n"
        "--     ----            -------------   -----         -----------     ------\n"
        "1      Job1            BackgroundJob   Running       True            "
        "local\xE2\x80\xA6\n\n");
    /* two jobs, then something the view does not fit: a list block in place */
    CHECK_STR(out_default(arr(3, job(1, "Completed", "True", "localhost", "a"),
                              pso("x", I(1), NULL), job(2, "Failed", "False", "localhost", "b"))),
              JOB_HEAD "1      Job1            BackgroundJob   Completed     True            "
                       "localhost            a\n\nx : 1\n\n"
                       "2      Job2            BackgroundJob   Failed        False           "
                       "localhost            b\n\n");
    /* no list view: Format-List shows every property (jobs.md 5.3) */
    CHECK_STR(fl(job(18, "Completed", "True", "localhost", "Get-WinEvent -Log System")),
              "\nId            : 18\nName          : Job18\nPSJobTypeName : BackgroundJob\n"
              "State         : Completed\nHasMoreData   : True\nLocation      : localhost\n"
              "Command       : Get-WinEvent -Log System\n\n");
    /* collections of jobs show each job's Name (the display-name heuristic) */
    CHECK_STR(fl(pso("ChildJobs", arr(1, job(19, "a", "b", "c", "d")), "Output", arr(0), NULL)),
              "\nChildJobs : {Job19}\nOutput    : {}\n\n");
    CHECK_STR(fl(pso("ChildJobs",
                     arr(3, job(4, "a", "b", "c", "d"), job(5, "a", "b", "c", "d"),
                         job(6, "a", "b", "c", "d")),
                     NULL)),
              "\nChildJobs : {Job4, Job5, Job6}\n\n");
    /* explicit properties bypass the view */
    FmtColumn cols[] = {{.prop = "Id"}, {.prop = "State"}};
    o = opts(FMT_TABLE);
    o.cols = cols;
    o.ncols = 2;
    CHECK_STR(fmt1(&o, job(3, "Running", "True", "localhost", "x")),
              "\nId State\n-- -----\n 3 Running\n\n");
    /* an alternate view is chosen by name only */
    static const FmtColumn short_cols[] = {
        {.label = "Id", .prop = "Id", .width = 3, .align = FMT_ALIGN_LEFT},
        {.label = "State", .prop = "State", .align = FMT_ALIGN_LEFT},
    };
    static const FmtView short_view = {"Short", NULL, is_job, FMT_TABLE,
                                       short_cols, 2, 0, NULL, 0, 0};
    fmt_view_register(&short_view);
    CHECK_STR(out_default(job(4, "Stopped", "False", "x", "y")),
              JOB_HEAD "4      Job4            BackgroundJob   Stopped       False           "
                       "x                    y\n\n");
    o = opts(FMT_TABLE);
    o.view = "short";
    CHECK_STR(fmt1(&o, job(4, "Stopped", "False", "x", "y")),
              "\nId  State\n--  -----\n4   Stopped\n\n");
    o.view = "nosuch"; /* unknown: the default view */
    CHECK_STR(fmt1(&o, job(5, "Stopped", "False", "x", "y")),
              JOB_HEAD "5      Job5            BackgroundJob   Stopped       False           "
                       "x                    y\n\n");
    Value jj = job(6, "a", "b", "c", "d");
    CHECK(fmt_view_find_named(jj, FMT_AUTO, "SHORT") == &short_view);
    CHECK(fmt_view_find_named(jj, FMT_LIST, "Short") == NULL);
    CHECK(fmt_view_find_named(jj, FMT_TABLE, "Job") == &job_view);
    val_unref(jj);
    /* a view registered by type name */
    static const FmtColumn one[] = {{.label = "Only", .prop = "a", .width = 6}};
    static const FmtView by_name = {"T", "PSCustomObject", NULL, FMT_TABLE, one, 1, 0, NULL, 0, 0};
    fmt_view_register(&by_name);
    CHECK_STR(out_default(pso("a", I(1), "b", I(2), NULL)), "\n  Only\n  ----\n     1\n\n");
    Value str = S("s");
    CHECK(fmt_view_find(str, FMT_AUTO) == NULL);
    val_unref(str);
}

static void test_dictentry(void)
{
    Value k = S("k");
    Value e = dictentry_new(k, I(7));
    val_unref(k); /* the entry holds its own reference */
    CHECK_STR(val_type_name(e), "DictionaryEntry");
    CHECK_STR(val_type_fullname(e), "System.Collections.DictionaryEntry");
    Value v;
    CHECK(val_get_prop(e, "name", 4, &v) && val_is_str(v));
    val_unref(v);
    CHECK(val_get_prop(e, "Value", 5, &v) && v.kind == VAL_INT32 && v.as.i == 7);
    CHECK(val_get_prop(e, "KEY", 3, &v) && val_is_str(v));
    val_unref(v);
    CHECK(!val_get_prop(e, "Other", 5, &v));
    CHECK(dictentry_value(e).as.i == 7);
    CHECK_STR(val_str_data(dictentry_key(e)), "k");
    StrBuf sb = {0};
    convert_append_scalar(e, &sb);
    CHECK_STR(sb_str(&sb), "[k, 7]");
    sb_free(&sb);
    FmtColumn star = {.prop = "*"};
    FmtOptions o = opts(FMT_LIST);
    o.cols = &star;
    o.ncols = 1;
    CHECK_STR(fmt1(&o, e), "\nName  : k\nKey   : k\nValue : 7\n\n");
}
/* ======================================================================== streaming */

static void write_sb(void *ctx, const char *s, size_t len)
{
    sb_append((StrBuf *)ctx, s, len);
}

static void feed_take(Formatter *f, Value v)
{
    fmt_feed(f, v);
    val_unref(v);
}

static void test_streaming(void)
{
    StrBuf sb = {0};
    FmtOptions o = opts(FMT_AUTO);
    Formatter *f = fmt_new(&o, write_sb, &sb);
    feed_take(f, S("first"));
    CHECK_STR(sb_str(&sb), "first\n"); /* scalars go straight out */
    feed_take(f, pso("a", S("xy"), NULL));
    CHECK_STR(sb_str(&sb), "first\n"); /* the table is buffered for its widths */
    feed_take(f, S("mid"));
    CHECK_STR(sb_str(&sb), "first\n"); /* out of band, but kept in order */
    fmt_flush(f);
    CHECK_STR(sb_str(&sb), "first\n\na\n-\nxy\nmid\n");
    fmt_flush(f);
    CHECK_STR(sb_str(&sb), "first\n\na\n-\nxy\nmid\n");
    feed_take(f, pso("a", S("longer"), NULL)); /* widths are fixed now: cut */
    CHECK_STR(sb_str(&sb), "first\n\na\n-\nxy\nmid\nl\xE2\x80\xA6\n");
    feed_take(f, S("after"));
    CHECK_STR(sb_str(&sb), "first\n\na\n-\nxy\nmid\nl\xE2\x80\xA6\nafter\n");
    fmt_end(f);
    CHECK_STR(sb_str(&sb), "first\n\na\n-\nxy\nmid\nl\xE2\x80\xA6\nafter\n\n");
    /* after fmt_end the next object starts a new view */
    sb_clear(&sb);
    feed_take(f, pso("a", I(1), "b", I(2), "c", I(3), "d", I(4), "e", I(5), NULL));
    CHECK_STR(sb_str(&sb), "\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\n"); /* lists stream */
    fmt_end(f);
    CHECK_STR(sb_str(&sb), "\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\n");
    fmt_free(f);
    fmt_free(NULL);
    /* buffer_limit: widths freeze after that many rows */
    sb_clear(&sb);
    o.buffer_limit = 2;
    f = fmt_new(&o, write_sb, &sb);
    feed_take(f, pso("n", I(1), NULL));
    CHECK_STR(sb_str(&sb), "");
    feed_take(f, pso("n", I(22), NULL));
    CHECK_STR(sb_str(&sb), "\n n\n -\n 1\n22\n");
    feed_take(f, pso("n", I(333), NULL));
    CHECK_STR(sb_str(&sb), "\n n\n -\n 1\n22\n\xE2\x80\xA6"
                           "3\n");
    fmt_end(f);
    CHECK_STR(sb_str(&sb), "\n n\n -\n 1\n22\n\xE2\x80\xA6"
                           "3\n\n");
    fmt_free(f);
    /* a new group after the freeze buffers again for its own widths */
    sb_clear(&sb);
    FmtColumn g = {.prop = "g"};
    o = opts(FMT_TABLE);
    o.group_by = &g;
    f = fmt_new(&o, write_sb, &sb);
    feed_take(f, pso("g", S("a"), "v", I(1), NULL));
    fmt_flush(f);
    CHECK_STR(sb_str(&sb), "\n   g: a\n\ng v\n- -\na 1\n");
    feed_take(f, pso("g", S("b"), "v", I(10), NULL));
    feed_take(f, pso("g", S("b"), "v", I(200), NULL));
    CHECK_STR(sb_str(&sb), "\n   g: a\n\ng v\n- -\na 1\n");
    fmt_end(f);
    CHECK_STR(sb_str(&sb),
              "\n   g: a\n\ng v\n- -\na 1\n\n   g: b\n\ng   v\n-   -\nb  10\nb 200\n\n");
    fmt_free(f);
    sb_free(&sb);
}

/* ======================================================================== cells */

static void test_cells(void)
{
    CHECK(fmtcell_width("abc", 3) == 3);
    CHECK(fmtcell_width("", 0) == 0);
    CHECK(fmtcell_width("\xE6\x97\xA5\xE6\x9C\xAC", 6) == 4);
    CHECK(fmtcell_width("e\xCC\x81", 3) == 1);        /* combining acute */
    CHECK(fmtcell_width("\xC3\xA9", 2) == 1);         /* é */
    CHECK(fmtcell_width("\xE2\x80\xA6", 3) == 1);     /* … */
    CHECK(fmtcell_width("\xF0\x9F\x98\x80", 4) == 2); /* emoji */
    CHECK(fmtcell_width("\xEF\xBC\xA1", 3) == 2);     /* fullwidth A */
    size_t w;
    CHECK(fmtcell_prefix("abcdef", 6, 3, &w) == 3 && w == 3);
    CHECK(fmtcell_prefix("ab", 2, 5, &w) == 2 && w == 2);
    CHECK(fmtcell_prefix("\xE6\x97\xA5\xE6\x9C\xAC", 6, 3, &w) == 3 && w == 2);
    CHECK(fmtcell_line_end("ab\ncd", 5) == 2);
    CHECK(fmtcell_line_end("ab\rcd", 5) == 2);
    CHECK(fmtcell_line_end("abcd", 4) == 4);

    FmtSlice *sl = NULL;
    size_t cap = 0;
    CHECK(fmtcell_wrap("a b c", 5, 0, 1, &sl, &cap) == 1);
    CHECK(sl[0].off == 0 && sl[0].len == 5);
    CHECK(fmtcell_wrap("one two three", 13, 7, 1, &sl, &cap) == 2);
    CHECK(sl[0].len == 7 && sl[1].off == 8 && sl[1].len == 5);
    CHECK(fmtcell_wrap("abcdefgh", 8, 3, 1, &sl, &cap) == 3);
    CHECK(sl[2].off == 6 && sl[2].len == 2);
    CHECK(fmtcell_wrap("abcdefgh", 8, 3, 0, &sl, &cap) == 3);
    CHECK(fmtcell_wrap("a\r\nb\nc", 6, 0, 0, &sl, &cap) == 3);
    CHECK(sl[1].off == 3 && sl[1].len == 1 && sl[2].off == 5);
    CHECK(fmtcell_wrap("", 0, 4, 1, &sl, &cap) == 1 && sl[0].len == 0);
    CHECK(fmtcell_wrap("x\n", 2, 0, 0, &sl, &cap) == 2 && sl[1].len == 0);
    free(sl);

    StrBuf sb = {0};
    CHECK(fmtcell_put(&sb, "ab", 2, 2, 5, FMT_ALIGN_LEFT, 1) == 2);
    CHECK_STR(sb_str(&sb), "ab   ");
    sb_clear(&sb);
    CHECK(fmtcell_put(&sb, "ab", 2, 2, 5, FMT_ALIGN_LEFT, 0) == 2);
    CHECK_STR(sb_str(&sb), "ab");
    sb_clear(&sb);
    CHECK(fmtcell_put(&sb, "ab", 2, 2, 5, FMT_ALIGN_RIGHT, 1) == 5);
    CHECK_STR(sb_str(&sb), "   ab");
    sb_clear(&sb);
    CHECK(fmtcell_put(&sb, "ab", 2, 2, 5, FMT_ALIGN_CENTER, 1) == 3);
    CHECK_STR(sb_str(&sb), " ab  ");
    sb_clear(&sb);
    fmtcell_put(&sb, "abcdef", 6, 6, 4, FMT_ALIGN_RIGHT, 1);
    CHECK_STR(sb_str(&sb), "\xE2\x80\xA6"
                           "def");
    sb_clear(&sb);
    fmtcell_spaces(&sb, 70);
    CHECK(sb.len == 70 && sb.buf[69] == ' ');
    sb_clear(&sb);

    /* value text */
    Value v = val_double(1.0 / 3);
    fmtcell_append(v, FMT_CELL_TABLE, 4, NULL, &sb);
    CHECK_STR(sb_str(&sb), "0.33");
    sb_clear(&sb);
    fmtcell_append(v, FMT_CELL_PLAIN, 4, NULL, &sb);
    CHECK_STR(sb_str(&sb), "0.333333333333333");
    sb_clear(&sb);
    fmtcell_append(v, FMT_CELL_PLAIN, 4, "P1", &sb);
    CHECK_STR(sb_str(&sb), "33.3%");
    sb_clear(&sb);
    fmtcell_append(I(255), FMT_CELL_TABLE, 4, "X4", &sb);
    CHECK_STR(sb_str(&sb), "00FF");
    sb_clear(&sb);
    fmtcell_append(I(5), FMT_CELL_TABLE, 4, "Q", &sb); /* a bad format: plain text */
    CHECK_STR(sb_str(&sb), "5");
    sb_clear(&sb);
    Value str = S("text");
    fmtcell_append(str, FMT_CELL_TABLE, 4, "N2", &sb); /* formats apply to numbers only */
    CHECK_STR(sb_str(&sb), "text");
    val_unref(str);
    sb_clear(&sb);
    fmtcell_append(val_integer(VAL_UINT64, 7), FMT_CELL_TABLE, 4, "D3", &sb);
    CHECK_STR(sb_str(&sb), "007");
    sb_clear(&sb);
    fmtcell_append(val_double(1e20), FMT_CELL_PLAIN, 4, NULL, &sb);
    CHECK_STR(sb_str(&sb), "1E+20");
    sb_free(&sb);
    CHECK(fmtcell_right_aligned(I(1)));
    CHECK(fmtcell_right_aligned(val_bool(0)));
    CHECK(fmtcell_right_aligned(val_char('a')));
    CHECK(fmtcell_right_aligned(val_double(1)));
    CHECK(!fmtcell_right_aligned(val_null()));
    str = S("1");
    CHECK(!fmtcell_right_aligned(str));
    val_unref(str);
}
/* ======================================================================== dates, wide groups */

static Value date(int y, int mo, int d, int h, int mi, int sec)
{
    DtParts p = {0};
    p.year = y, p.month = mo, p.day = d, p.hour = h, p.minute = mi, p.second = sec;
    return val_datetime(dt_to_ticks(&p), 0);
}

static void test_dates(void)
{
    CHECK_STR(out_default(date(2026, 11, 24, 13, 45, 10)),
              "Tuesday, November 24, 2026 1:45:10 PM\n");
    CHECK_STR(ft(pso("When", date(2019, 8, 8, 14, 41, 57), "n", I(1), NULL)),
              "\nWhen                n\n----                -\n8/8/2019 2:41:57 PM 1\n\n");
    CHECK_STR(fl(pso("PSBeginTime", date(2019, 8, 8, 9, 5, 0), NULL)),
              "\nPSBeginTime : 8/8/2019 9:05:00 AM\n\n");
    CHECK_STR(ft(pso("d", arr(1, date(2020, 1, 2, 0, 0, 0)), NULL)),
              "\nd\n-\n{1/2/2020 12:00:00 AM}\n\n");
}

static void test_timespan(void)
{
    /* New-TimeSpan -Seconds 5 */
    CHECK_STR(out_default(val_timespan(INT64_C(50000000))),
              "\nDays              : 0\nHours             : 0\nMinutes           : 0\n"
              "Seconds           : 5\nMilliseconds      : 0\nTicks             : 50000000\n"
              "TotalDays         : 5.78703703703704E-05\nTotalHours        : 0.00138888888888889\n"
              "TotalMinutes      : 0.0833333333333333\nTotalSeconds      : 5\n"
              "TotalMilliseconds : 5000\n\n");
    /* 1.02:03:04.5 */
    int64_t t = ((((INT64_C(1) * 24 + 2) * 60 + 3) * 60 + 4) * 1000 + 500) * 10000;
    const char *s = out_default(val_timespan(t));
    CHECK(strstr(s, "\nDays              : 1\nHours             : 2\nMinutes           : 3\n"
                    "Seconds           : 4\nMilliseconds      : 500\n") == s);
    CHECK(strstr(s, "TotalMilliseconds : 93784500\n\n") != NULL);
    /* negative parts truncate toward zero, as .NET does */
    s = out_default(val_timespan(-INT64_C(15000000)));
    CHECK(strstr(s, "Seconds           : -1\nMilliseconds      : -500\n") != NULL);
    /* inside a table a TimeSpan is a cell: ToString() */
    CHECK_STR(ft(pso("t", val_timespan(INT64_C(50000000)), NULL)), "\nt\n-\n00:00:05\n\n");
}

static void test_wide_groups(void)
{
    FmtColumn g = {.prop = "g"};
    FmtColumn p = {.prop = "n"};
    FmtOptions o = opts(FMT_WIDE);
    o.width = 10;
    o.group_by = &g;
    o.cols = &p;
    o.ncols = 1;
    CHECK_STR(fmt1(&o, arr(3, pso("g", I(1), "n", S("a"), NULL), pso("g", I(1), "n", S("b"), NULL),
                           pso("g", I(2), "n", S("c"), NULL))),
              "\n   g: 1\n\na    b\n\n   g: 2\n\nc\n\n");
}
/* ======================================================================== more layout */

static const FmtColumn share_cols[] = {
    {.label = "A", .prop = "a", .width = 4, .align = FMT_ALIGN_LEFT},
    {.label = "B", .prop = "b", .align = FMT_ALIGN_LEFT},
    {.label = "C", .prop = "c", .align = FMT_ALIGN_RIGHT},
};

/* Matches objects that have a property c. */
static int has_c(Value v)
{
    Value out;
    if (!val_get_prop(v, "c", 1, &out)) return 0;
    val_unref(out);
    return 1;
}

static void test_more_layout(void)
{
    /* two columns of width 0 in a view share the rest of the line: (20 - 4 - 2) / 2 = 7 */
    static const FmtView v = {"Share", NULL, has_c, FMT_TABLE, share_cols, 3, 0, NULL, 0, 0};
    Value probe = pso("c", I(0), NULL);
    CHECK(fmt_view_find_named(probe, FMT_TABLE, "Share") == NULL);
    fmt_view_register(&v);
    CHECK(fmt_view_find_named(probe, FMT_TABLE, "Share") == &v);
    val_unref(probe);
    FmtOptions o = opts(FMT_TABLE);
    o.width = 20;
    CHECK_STR(fmt1(&o, pso("a", I(1), "b", S("0123456789"), "c", I(42), NULL)),
              "\nA    B             C\n-    -             -\n1    012345\xE2\x80\xA6      42\n\n");
    o.width = 21; /* an odd remainder goes to the last shared column */
    CHECK_STR(
        fmt1(&o, pso("a", I(1), "b", S("0123456789"), "c", I(42), NULL)),
        "\nA    B              C\n-    -              -\n1    012345\xE2\x80\xA6       42\n\n");
    /* objects without property c get the default table */
    o.width = 120;
    CHECK_STR(fmt1(&o, pso("a", I(1), NULL)), "\na\n-\n1\n\n");
    /* right-aligned wrapped cells align each continuation line */
    o = opts(FMT_TABLE);
    o.wrap = 1;
    FmtColumn cols[] = {{.label = "L", .prop = "l", .width = 3},
                        {.label = "R", .prop = "r", .width = 5, .align = FMT_ALIGN_RIGHT}};
    o.cols = cols;
    o.ncols = 2;
    CHECK_STR(fmt1(&o, pso("l", S("abcdefg"), "r", S("x\nlonger"), NULL)),
              "\nL       R\n-       -\nabc     x\ndef longe\ng       r\n\n");
    /* center alignment in a table, header and dashes included */
    FmtColumn cc[] = {{.label = "ab", .prop = "v", .width = 6, .align = FMT_ALIGN_CENTER},
                      {.label = "z", .prop = "z"}};
    o = opts(FMT_TABLE);
    o.cols = cc;
    o.ncols = 2;
    CHECK_STR(fmt1(&o, pso("v", S("x"), "z", I(1), NULL)), "\n  ab   z\n  --   -\n  x    1\n\n");
    /* hidden headers do not count toward widths */
    o = opts(FMT_TABLE);
    o.hide_headers = 1;
    CHECK_STR(fmt1(&o, pso("longname", S("x"), "n", I(1), NULL)), "\nx 1\n\n");
    /* Format-Table on scalars prints them */
    CHECK_STR(ft(arr(2, I(1), S("s"))), "1\ns\n");
    /* a table of many rows keeps the first row's alignment and the widest cell */
    Value rows = arr_new(TY_OBJECT, 0);
    for (int k = 0; k < 50; k++)
        arr_push_take(rows, pso("n", I(k * k), NULL));
    const char *t = ft(rows);
    CHECK(strncmp(t, "\n   n\n   -\n   0\n   1\n   4\n", 26) == 0);
    CHECK(strlen(t) > 6 && strcmp(t + strlen(t) - 7, "\n2401\n\n") == 0);
}

/* ================================================================ view groups, custom views */

static int has_dir(Value v)
{
    Value out;
    if (!val_get_prop(v, "zdir", 4, &out)) return 0;
    val_unref(out);
    return 1;
}

static int has_line(Value v)
{
    Value out;
    if (!val_get_prop(v, "zline", 5, &out)) return 0;
    val_unref(out);
    return 1;
}

/* A view's own GroupBy heads each run with "<indent><label>: <value>" (4 spaces here, as the
 * FileSystem views; 0 means pwsh's auto label indent of 3); -GroupBy replaces it; a view
 * without widths sizes every column from the data, per group. */
static void test_view_groups(void)
{
    static const FmtColumn cols[] = {{.label = "Name", .prop = "n"}, {.label = "V", .prop = "v"}};
    static const FmtColumn dir = {.label = "Directory", .prop = "zdir"};
    static const FmtView v4 = {.name = "Dirs",
                               .match = has_dir,
                               .shape = FMT_TABLE,
                               .cols = cols,
                               .ncols = 2,
                               .group_by = &dir,
                               .group_indent = 4};
    fmt_view_register(&v4);
    Value rows = arr(3, pso("zdir", S("/a"), "n", S("x"), "v", I(1), NULL),
                     pso("zdir", S("/a"), "n", S("y"), "v", I(2), NULL),
                     pso("zdir", S("/b"), "n", S("longer"), "v", I(333), NULL));
    CHECK_STR(out_default(val_ref(rows)), "\n    Directory: /a\n\nName V\n---- -\nx    1\ny    2\n"
                                          "\n    Directory: /b\n\nName     V\n----     -\n"
                                          "longer 333\n\n");
    FmtColumn g = {.prop = "n"};
    FmtOptions o = opts(FMT_TABLE);
    o.group_by = &g;
    const char *t = fmt1(&o, val_ref(rows));
    CHECK(strncmp(t, "\n   n: x\n\nName V\n", 17) == 0);
    /* Format-Table -Property: no view, so no view grouping */
    FmtColumn only = {.prop = "n"};
    o = opts(FMT_TABLE);
    o.cols = &only;
    o.ncols = 1;
    CHECK_STR(fmt1(&o, rows), "\nn\n-\nx\ny\nlonger\n\n");
}

/* FMT_CUSTOM: each object's ToString lines between one opening and one closing blank line;
 * strings stay out of band; Format-Table does not use a custom view. */
static void test_custom_view(void)
{
    static const FmtView cv = {.name = "Lines", .match = has_line, .shape = FMT_CUSTOM};
    fmt_view_register(&cv);
    CHECK_STR(out_default(arr(3, pso("zline", I(1), NULL), S("str"), pso("zline", I(2), NULL))),
              "\n@{zline=1}\nstr\n@{zline=2}\n\n");
    CHECK_STR(ft(pso("zline", I(1), NULL)), "\nzline\n-----\n    1\n\n");
    /* long entries wrap at spaces to the list width */
    FmtOptions o = opts(FMT_AUTO);
    o.list_width = 12;
    CHECK_STR(fmt1(&o, pso("zline", S("aaa bbb ccc ddd"), NULL)),
              "\n@{zline=aaa\nbbb ccc ddd}\n\n");
}

int main(void)
{
    test_samples();
    test_scalars();
    test_mixed_stream();
    test_table_cells();
    test_enum_limit();
    test_truncation();
    test_screen_width();
    test_table_options();
    test_property_columns();
    test_wrap();
    test_group_by();
    test_lists();
    test_out_string();
    test_wide();
    test_streaming();
    test_dates();
    test_wide_groups();
    test_timespan();
    test_cells();
    test_dictentry();
    test_view_groups(); /* registers views for objects with zdir / zline properties */
    test_custom_view();
    test_more_layout(); /* registers a view for objects with a property c */
    test_views();       /* last: registers views for PSCustomObject */
    sb_free(&result);
    return check_done();
}
