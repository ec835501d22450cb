/*
** test_members: instance members (runtime/members.c) and static members (runtime/statics.c)
** of the built-in values.  Expected results are PowerShell 7.5 / .NET 9 behaviour (en-US,
** the culture pwsh uses on Linux); error texts are pwsh's, as documented in the
** PowerShell-Docs reference and quoted in PowerShell issues.
** 2026-11-24, engine issue (members task: the .NET-like surface).
*/
#include "runtime/members.h"
#include "runtime/statics.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/datefmt.h"
#include "runtime/decimal.h"
#include "runtime/hashtable.h"
#include "runtime/members_kinds.h"
#include "runtime/members_util.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "tests/unit/check.h"

static MemberCtx ctx;
static char buf[8192]; /* the last helper result */

/* ---- value shorthands (owned) ---- */
static Value S(const char *s)
{
    return val_str(s);
}
static Value I(int32_t i)
{
    return val_int(i);
}
static Value L(int64_t i)
{
    return val_long(i);
}
static Value D(double d)
{
    return val_double(d);
}
static Value C(uint32_t c)
{
    return val_char(c);
}
static Value B(int b)
{
    return val_bool(b);
}
static Value N(void)
{
    return val_null();
}
static Value M(const char *s) /* a decimal literal */
{
    Decimal d;
    dec_parse(s, strlen(s), &d);
    return dec_value(d);
}
static Value A(int n, ...) /* object[] taking the given values */
{
    va_list ap;
    Value a = arr_new(TY_OBJECT, (size_t)n);
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        arr_push_take(a, va_arg(ap, Value));
    va_end(ap);
    return a;
}
static Value DT(int y, int mo, int d, int h, int mi, int s) /* Unspecified kind */
{
    DtParts p;
    memset(&p, 0, sizeof p);
    p.year = y, p.month = mo, p.day = d, p.hour = h, p.minute = mi, p.second = s;
    return val_datetime(dt_to_ticks(&p), 0);
}

/* ---- rendering ---- */
static void render(Value v, StrBuf *sb)
{
    if (val_is_array(v)) {
        sb_putc(sb, '[');
        for (size_t i = 0; i < arr_len(v); i++) {
            if (i) sb_putc(sb, '|');
            render(arr_peek(v, i), sb);
        }
        sb_putc(sb, ']');
        return;
    }
    if (val_is_null(v)) {
        sb_puts(sb, "$null");
        return;
    }
    convert_append_string(v, NULL, sb);
}

static const char *keep_value(Value v, int typed)
{
    StrBuf sb = {0};
    if (typed) sb_printf(&sb, "%s:", val_is_null(v) ? "null" : val_type_name(v));
    render(v, &sb);
    snprintf(buf, sizeof buf, "%s", sb_str(&sb));
    sb_free(&sb);
    val_unref(v);
    return buf;
}

static const char *keep_err(int rc, MemberError *e)
{
    snprintf(buf, sizeof buf, "%s:%s:%s", rc == MEMBER_NOTFOUND ? "NF" : "ERR", e->id, e->msg);
    return buf;
}

static int typed_results; /* 1: prefix results with their type name */

static const char *finish(int rc, Value out, MemberError *e, Value self, Value *args, int n)
{
    for (int i = 0; i < n; i++)
        val_unref(args[i]);
    val_unref(self);
    if (rc != MEMBER_OK) return keep_err(rc, e);
    return keep_value(out, typed_results);
}

/* self.m(args...): consumes self and the arguments. */
static const char *mc(Value self, const char *m, int n, ...)
{
    Value args[16], out = val_null();
    MemberError e = {"", ""};
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    int rc = member_call(&ctx, self, m, strlen(m), args, n, &out, &e);
    return finish(rc, out, &e, self, args, n);
}

/* self.name: consumes self.  "NF" when not found. */
static const char *mg(Value self, const char *name)
{
    Value out = val_null();
    MemberError e = {"", ""};
    int rc = member_get(&ctx, self, name, strlen(name), &out, &e);
    val_unref(self);
    if (rc == MEMBER_NOTFOUND) return "NF";
    return keep_value(out, typed_results);
}

/* [type]::m(args...) */
static const char *sc(const char *type, const char *m, int n, ...)
{
    Value args[16], out = val_null();
    MemberError e = {"", ""};
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    int rc = static_call(&ctx, type, strlen(type), m, strlen(m), args, n, &out, &e);
    return finish(rc, out, &e, val_null(), args, n);
}

/* [type]::name */
static const char *sg(const char *type, const char *name)
{
    Value out = val_null();
    int rc = static_get(&ctx, type, strlen(type), name, strlen(name), &out, NULL);
    if (rc == MEMBER_NOTFOUND) return "NF";
    return keep_value(out, typed_results);
}

#define T(expr, want) CHECK_STR(expr, want)
/* Typed variants: "Int32:5" */
#define TT(expr, want)                                                                             \
    do {                                                                                           \
        typed_results = 1;                                                                         \
        CHECK_STR(expr, want);                                                                     \
        typed_results = 0;                                                                         \
    } while (0)

/* Value-returning variants for chaining ($null on error); mcv consumes self and args. */
static Value mcv(Value self, const char *m, int n, ...)
{
    Value args[16], out = val_null();
    MemberError e = {"", ""};
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    int rc = member_call(&ctx, self, m, strlen(m), args, n, &out, &e);
    for (int i = 0; i < n; i++)
        val_unref(args[i]);
    if (rc != MEMBER_OK) fprintf(stderr, "mcv %s: %s\n", m, e.msg);
    val_unref(self);
    return rc == MEMBER_OK ? out : val_null();
}

static Value scv(const char *type, const char *m, int n, ...)
{
    Value args[16], out = val_null();
    MemberError e = {"", ""};
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    int rc = static_call(&ctx, type, strlen(type), m, strlen(m), args, n, &out, &e);
    for (int i = 0; i < n; i++)
        val_unref(args[i]);
    if (rc != MEMBER_OK) fprintf(stderr, "scv %s: %s\n", m, e.msg);
    return rc == MEMBER_OK ? out : val_null();
}

static Value sgv(const char *type, const char *name)
{
    Value out = val_null();
    static_get(&ctx, type, strlen(type), name, strlen(name), &out, NULL);
    return out;
}

/* self.name, borrowing self. */
static const char *pg(Value self, const char *name)
{
    return mg(val_ref(self), name);
}

#define FIXED                                                                                      \
    "Exception calling \"Add\" with \"1\" argument(s): \"Collection was of a fixed size.\""

static void test_string_case_trim(void)
{
    T(mc(S("Hello"), "ToUpper", 0), "HELLO");
    T(mc(S("Hello"), "ToLower", 0), "hello");
    T(mc(S("Hello"), "toupper", 0), "HELLO"); /* method names are case-insensitive */
    T(mc(S("straße Ärger"), "ToUpper", 0), "STRAßE ÄRGER");
    T(mc(S("ÀÉÎ ΑΒΓ АБВ"), "ToLower", 0), "àéî αβγ абв");
    T(mc(S("àéî αβγ абв"), "ToUpperInvariant", 0), "ÀÉÎ ΑΒΓ АБВ");
    T(mc(S("  hi  "), "Trim", 0), "hi");
    T(mc(S("  hi  "), "TrimStart", 0), "hi  ");
    T(mc(S("  hi  "), "TrimEnd", 0), "  hi");
    T(mc(S("\t\n hi \r\n"), "Trim", 0), "hi");
    T(mc(S("xxhixx"), "Trim", 1, S("x")), "hi");
    T(mc(S("xhixh"), "Trim", 2, C('x'), C('h')), "i");
    T(mc(S("abcba"), "Trim", 1, S("ab")), "c");
    T(mc(S("00120"), "TrimStart", 1, C('0')), "120");
    T(mc(S("1.500"), "TrimEnd", 1, S("0")), "1.5");
    T(mc(S("--x--"), "TrimEnd", 1, A(1, C('-'))), "--x");
    T(mc(S(""), "Trim", 0), "");
    T(mc(S("   "), "Trim", 0), "");
}

static void test_string_split(void)
{
    T(mc(S("a,b,,c"), "Split", 1, S(",")), "[a|b||c]");
    T(mc(S("a,b,,c"), "Split", 1, C(',')), "[a|b||c]");
    T(mc(S("a,b,,c"), "Split", 2, S(","), S("RemoveEmptyEntries")), "[a|b|c]");
    T(mc(S("a b  c"), "Split", 0), "[a|b||c]");
    T(mc(S("a1b2c"), "Split", 1, S("12")), "[a1b2c]"); /* .NET Core: Split(string) */
    T(mc(S("a12b12c"), "Split", 1, S("12")), "[a|b|c]");
    T(mc(S("a1b2c"), "Split", 1, A(2, C('1'), C('2'))), "[a|b|c]");
    T(mc(S("a,b;c"), "Split", 2, C(','), C(';')), "[a|b|c]");
    T(mc(S("a,b,c"), "Split", 2, C(','), I(2)), "[a|b,c]");
    T(mc(S("a,b,c"), "Split", 2, C(','), I(1)), "[a,b,c]");
    T(mc(S("a,b,c"), "Split", 2, C(','), I(0)), "[]");
    T(mc(S(" a , b "), "Split", 2, S(","), S("TrimEntries")), "[a|b]");
    T(mc(S("abc"), "Split", 1, S("")), "[abc]");
    T(mc(S(""), "Split", 1, S(",")), "[]");
    TT(mc(S("a-b"), "Split", 1, S("-")), "String[]:[a|b]");
    T(mc(S("x,y"), "Split", 2, C(','), I(-1)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"Split\" with \"2\" argument(s): "
      "\"Count cannot be less than zero. (Parameter 'count')\"");
}

static void test_string_replace_sub(void)
{
    T(mc(S("hello"), "Replace", 2, S("l"), S("L")), "heLLo");
    T(mc(S("hello"), "Replace", 2, C('l'), C('x')), "hexxo");
    T(mc(S("hello"), "Replace", 2, S("ll"), S("")), "heo");
    T(mc(S("hello"), "Replace", 2, S("l"), N()), "heo");
    T(mc(S("Hello"), "Replace", 2, S("hello"), S("x")), "Hello");
    T(mc(S("Hello"), "Replace", 3, S("hello"), S("x"), S("OrdinalIgnoreCase")), "x");
    T(mc(S("aaa"), "Replace", 2, S("aa"), S("b")), "ba");
    T(mc(S("héllo wörld"), "Replace", 2, S("ö"), S("o")), "héllo world");
    T(mc(S("abc"), "Replace", 2, S(""), S("x")),
      "ERR:ArgumentException:Exception calling \"Replace\" with \"2\" argument(s): \"The value "
      "cannot be an empty string. (Parameter 'oldValue')\"");
    T(mc(S("Hello"), "Substring", 1, I(1)), "ello");
    T(mc(S("Hello"), "Substring", 2, I(1), I(3)), "ell");
    T(mc(S("Hello"), "Substring", 1, I(5)), "");
    T(mc(S("Hello"), "Substring", 2, I(0), I(0)), "");
    T(mc(S("Hello"), "Substring", 1, S("2")), "llo"); /* arguments convert */
    T(mc(S("Hello"), "Substring", 2, I(1), I(10)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"Substring\" with \"2\" argument(s): "
      "\"Index and length must refer to a location within the string. (Parameter 'length')\"");
    T(mc(S("Hello"), "Substring", 1, I(6)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"Substring\" with \"1\" argument(s): "
      "\"startIndex cannot be larger than length of string. (Parameter 'startIndex')\"");
    T(mc(S("Hello"), "Substring", 1, I(-1)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"Substring\" with \"1\" argument(s): "
      "\"StartIndex cannot be less than zero. (Parameter 'startIndex')\"");
    T(mc(S("Hello"), "Substring", 2, I(1), I(-1)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"Substring\" with \"2\" argument(s): "
      "\"Length cannot be less than zero. (Parameter 'length')\"");
    T(mc(S("Hello"), "Substring", 3, I(1), I(2), I(3)),
      "ERR:MethodCountCouldNotFindBest:Cannot find an overload for \"Substring\" and the argument "
      "count: \"3\".");
    T(mc(S("Hello"), "Substring", 0),
      "ERR:MethodCountCouldNotFindBest:Cannot find an overload for \"Substring\" and the argument "
      "count: \"0\".");
    T(mc(S("Hello"), "Substring", 1, S("x")),
      "ERR:MethodArgumentConversionInvalidCastArgument:Cannot convert argument \"startIndex\", "
      "with value: \"x\", for \"Substring\" to type \"System.Int32\": \"Cannot convert value "
      "\"x\" to type \"System.Int32\". Error: \"The input string 'x' was not in a correct "
      "format.\"\"");
    CHECK(strstr(mc(S("Hello"), "Substring", 2, I(0), S("y")),
                 "argument \"length\", with value: \"y\""));
}

static void test_string_utf16(void)
{
    /* 2026-11-24: indexes and lengths are UTF-16 code units over UTF-8 text */
    T(mg(S("héllo"), "Length"), "5");
    T(mg(S("a😀b"), "Length"), "4");
    T(mc(S("héllo"), "Substring", 2, I(1), I(1)), "é");
    T(mc(S("a😀b"), "Substring", 1, I(3)), "b");
    T(mc(S("a😀b"), "Substring", 2, I(1), I(2)), "😀");
    T(mc(S("a😀b"), "IndexOf", 1, S("b")), "3");
    T(mc(S("日本語テキスト"), "IndexOf", 1, S("テ")), "3");
    T(mc(S("日本語"), "Substring", 1, I(1)), "本語");
    T(mg(mcv(S("😀"), "ToCharArray", 0), "Count"), "2");
    T(mc(S("aé"), "PadLeft", 1, I(4)), "  aé");
    T(mc(S("wörld"), "Insert", 2, I(2), S("X")), "wöXrld");
    T(mc(S("wörld"), "Remove", 2, I(1), I(1)), "wrld");
    T(mc(S("ÄÖÜ"), "LastIndexOf", 1, S("Ü")), "2");
    T(mc(S("a😀b😀"), "LastIndexOf", 1, S("😀")), "4");
    T(mc(S("日本"), "Chars", 1, I(1)), "本");
    TT(mc(S("ab"), "Chars", 1, I(0)), "Char:a");
}

static void test_string_search(void)
{
    T(mc(S("Hello"), "IndexOf", 1, S("l")), "2");
    T(mc(S("Hello"), "IndexOf", 1, C('l')), "2");
    T(mc(S("Hello"), "IndexOf", 2, S("l"), I(3)), "3");
    T(mc(S("Hello"), "IndexOf", 1, S("z")), "-1");
    T(mc(S("Hello"), "IndexOf", 1, S("")), "0");
    T(mc(S("Hello"), "IndexOf", 1, S("L")), "-1");
    T(mc(S("Hello"), "IndexOf", 2, S("L"), S("OrdinalIgnoreCase")), "2");
    T(mc(S("Hello"), "IndexOf", 3, S("l"), I(0), I(2)), "-1");
    T(mc(S("Hello"), "IndexOf", 3, S("l"), I(0), I(3)), "2");
    T(mc(S("Hello"), "IndexOf", 2, S("l"), I(10)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"IndexOf\" with \"2\" argument(s): "
      "\"Index was out of range. Must be non-negative and less than or equal to the size of the "
      "collection. (Parameter 'startIndex')\"");
    T(mc(S("Hello"), "IndexOf", 1, N()),
      "ERR:ArgumentNullException:Exception calling \"IndexOf\" with \"1\" argument(s): \"Value "
      "cannot be null. (Parameter 'value')\"");
    T(mc(S("Hello"), "LastIndexOf", 1, S("l")), "3");
    T(mc(S("Hello"), "LastIndexOf", 1, S("lo")), "3");
    T(mc(S("Hello"), "LastIndexOf", 2, C('l'), I(2)), "2");
    T(mc(S("Hello"), "LastIndexOf", 1, S("x")), "-1");
    T(mc(S("Hello"), "LastIndexOf", 1, C('H')), "0");
    T(mc(S("Hello"), "IndexOfAny", 1, A(2, C('x'), C('l'))), "2");
    T(mc(S("Hello"), "StartsWith", 1, S("He")), "True");
    T(mc(S("Hello"), "StartsWith", 1, S("he")), "False");
    T(mc(S("Hello"), "StartsWith", 2, S("he"), S("CurrentCultureIgnoreCase")), "True");
    T(mc(S("Hello"), "StartsWith", 1, C('H')), "True");
    T(mc(S("Hello"), "StartsWith", 1, S("")), "True");
    T(mc(S("Hello"), "EndsWith", 1, S("lo")), "True");
    T(mc(S("Hello"), "EndsWith", 1, S("Hello!")), "False");
    T(mc(S("Hello"), "EndsWith", 3, S("LO"), B(1), N()), "True");
    T(mc(S("Hello"), "Contains", 1, S("ell")), "True");
    T(mc(S("Hello"), "Contains", 1, S("ELL")), "False");
    T(mc(S("Hello"), "Contains", 2, S("ELL"), S("OrdinalIgnoreCase")), "True");
    T(mc(S("Hello"), "Contains", 1, C('o')), "True");
    T(mc(S("Hello"), "Contains", 1, S("")), "True");
}

static void test_string_misc(void)
{
    T(mc(S("Hello"), "PadLeft", 1, I(8)), "   Hello");
    T(mc(S("Hello"), "PadLeft", 2, I(8), C('*')), "***Hello");
    T(mc(S("Hello"), "PadRight", 2, I(7), C('-')), "Hello--");
    T(mc(S("Hello"), "PadRight", 1, I(7)), "Hello  ");
    T(mc(S("Hello"), "PadLeft", 1, I(2)), "Hello");
    T(mc(S("7"), "PadLeft", 2, I(3), S("0")), "007");
    T(mc(S("Hello"), "PadLeft", 1, I(-1)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"PadLeft\" with \"1\" argument(s): "
      "\"Non-negative number required. (Parameter 'totalWidth')\"");
    T(mc(S("Hello"), "Insert", 2, I(2), S("XX")), "HeXXllo");
    T(mc(S("Hello"), "Insert", 2, I(5), S("!")), "Hello!");
    T(mc(S("Hello"), "Insert", 2, I(9), S("x")),
      "ERR:ArgumentOutOfRangeException:Exception calling \"Insert\" with \"2\" argument(s): "
      "\"Specified argument was out of the range of valid values. (Parameter 'startIndex')\"");
    T(mc(S("Hello"), "Remove", 1, I(2)), "He");
    T(mc(S("Hello"), "Remove", 2, I(1), I(2)), "Hlo");
    T(mc(S("Hello"), "Remove", 1, I(5)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"Remove\" with \"1\" argument(s): "
      "\"startIndex must be less than length of string. (Parameter 'startIndex')\"");
    T(mc(S("Hello"), "Remove", 2, I(3), I(5)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"Remove\" with \"2\" argument(s): "
      "\"Index and count must refer to a location within the string. (Parameter 'count')\"");
    TT(mc(S("Hey"), "ToCharArray", 0), "Char[]:[H|e|y]");
    T(mc(S("Hello"), "ToCharArray", 2, I(1), I(2)), "[e|l]");
    T(mc(S("abc"), "Equals", 1, S("abc")), "True");
    T(mc(S("abc"), "Equals", 1, S("ABC")), "False");
    T(mc(S("abc"), "Equals", 2, S("ABC"), S("OrdinalIgnoreCase")), "True");
    T(mc(S("1"), "Equals", 1, I(1)), "False");
    T(mc(S("abc"), "CompareTo", 1, S("abd")), "-1");
    T(mc(S("b"), "CompareTo", 1, S("a")), "1");
    T(mc(S("a"), "CompareTo", 1, S("a")), "0");
    T(mc(S("a"), "CompareTo", 1, S("B")), "-1");
    T(mc(S("a"), "CompareTo", 1, N()), "1");
    T(mc(S("abc"), "ToString", 0), "abc");
    T(mc(S("abc"), "Normalize", 0), "abc");
    typed_results = 1;
    CHECK(strncmp(mc(S("abc"), "GetHashCode", 0), "Int32:", 6) == 0);
    typed_results = 0;
    char h1[64];
    snprintf(h1, sizeof h1, "%s", mc(S("abc"), "GetHashCode", 0));
    T(mc(S("abc"), "GetHashCode", 0), h1);
    T(mc(S("abc"), "Foo", 0),
      "NF:MethodNotFound:Method invocation failed because [System.String] does not contain a "
      "method named 'Foo'.");
    T(mg(S("abc"), "Length"), "3");
    T(mg(S(""), "Length"), "0");
    T(mg(S("abc"), "Count"), "1");
    T(mg(S("abc"), "Nope"), "NF");
}

static void test_gettype(void)
{
    Value t = mcv(S("x"), "GetType", 0);
    T(pg(t, "Name"), "String");
    T(pg(t, "FullName"), "System.String");
    T(pg(t, "Namespace"), "System");
    T(mc(val_ref(t), "ToString", 0), "System.String");
    val_unref(t);
    t = mcv(I(1), "GetType", 0);
    T(pg(t, "FullName"), "System.Int32");
    val_unref(t);
    t = mcv(A(1, I(1)), "GetType", 0);
    T(pg(t, "Name"), "Object[]");
    T(pg(t, "IsArray"), "True");
    val_unref(t);
    t = mcv(ht_new(0), "GetType", 0);
    T(pg(t, "FullName"), "System.Collections.Hashtable");
    val_unref(t);
    t = mcv(ht_new(1), "GetType", 0);
    T(pg(t, "Name"), "OrderedDictionary");
    val_unref(t);
    t = mcv(D(1), "GetType", 0);
    T(pg(t, "Name"), "Double");
    val_unref(t);
    t = mcv(DT(2024, 1, 1, 0, 0, 0), "GetType", 0);
    T(pg(t, "FullName"), "System.DateTime");
    val_unref(t);
    t = mcv(object_new_custom(), "GetType", 0);
    T(pg(t, "FullName"), "System.Management.Automation.PSCustomObject");
    val_unref(t);
    t = mcv(scv("guid", "NewGuid", 0), "GetType", 0);
    T(pg(t, "FullName"), "System.Guid");
    T(pg(t, "Name"), "Guid");
    val_unref(t);
    t = mcv(typeref_new(TY_INT32, 0), "GetType", 0);
    T(pg(t, "Name"), "RuntimeType");
    val_unref(t);
    T(mg(typeref_new(TY_INT32, 1), "FullName"), "System.Int32[]");
}

static void test_numbers(void)
{
    T(mc(I(255), "ToString", 1, S("X")), "FF");
    T(mc(I(255), "ToString", 1, S("x4")), "00ff");
    T(mc(I(42), "ToString", 0), "42");
    T(mc(I(-42), "ToString", 1, S("D5")), "-00042");
    T(mc(D(1234.5), "ToString", 1, S("N2")), "1,234.50");
    T(mc(D(3.14159), "ToString", 1, S("F2")), "3.14");
    T(mc(D(1.5), "ToString", 0), "1.5");
    T(mc(D(0.1 + 0.2), "ToString", 0), "0.30000000000000004");
    T(mc(D(1e20), "ToString", 0), "1E+20");
    T(mc(D(0.5), "ToString", 1, S("0.00")), "0.50");
    T(mc(M("1.50"), "ToString", 0), "1.50");
    T(mc(M("1234.5"), "ToString", 1, S("C")), "$1,234.50");
    T(mc(L(1234567), "ToString", 1, S("N0")), "1,234,567");
    T(mc(val_integer(VAL_BYTE, 10), "ToString", 1, S("X2")), "0A");
    T(mc(D(1.5), "ToString", 1, S("Z")),
      "ERR:FormatException:Exception calling \"ToString\" with \"1\" argument(s): \"Format "
      "specifier was invalid.\"");
    T(mc(I(5), "CompareTo", 1, I(3)), "1");
    T(mc(I(3), "CompareTo", 1, I(5)), "-1");
    T(mc(D(2.5), "CompareTo", 1, D(2.5)), "0");
    T(mc(I(5), "Equals", 1, I(5)), "True");
    T(mc(I(5), "Equals", 1, I(6)), "False");
    T(mc(I(5), "Equals", 1, L(5)), "False"); /* Int32.Equals(Object): the types differ */
    T(mc(B(1), "ToString", 0), "True");
    T(mc(C('a'), "ToString", 0), "a");
    T(mc(C('a'), "CompareTo", 1, C('b')), "-1");
    T(mc(I(42), "Foo", 0),
      "NF:MethodNotFound:Method invocation failed because [System.Int32] does not contain a "
      "method named 'Foo'.");
    T(mg(I(5), "Count"), "1");
    T(mg(I(5), "Length"), "1");
    T(mg(N(), "Count"), "0");
    T(mg(N(), "Length"), "0");
    T(mg(N(), "Foo"), "NF");
    T(mc(N(), "ToString", 0),
      "ERR:InvokeMethodOnNull:You cannot call a method on a null-valued expression.");
    T(mg(B(1), "Count"), "1");
}

static void test_arrays(void)
{
    T(mc(A(3, I(1), I(2), I(3)), "Add", 1, I(4)), "ERR:NotSupportedException:" FIXED);
    T(mc(A(3, I(1), I(2), I(3)), "Remove", 1, I(1)),
      "ERR:NotSupportedException:Exception calling \"Remove\" with \"1\" argument(s): "
      "\"Collection was of a fixed size.\"");
    T(mc(A(1, I(1)), "Insert", 2, I(0), I(1)),
      "ERR:NotSupportedException:Exception calling \"Insert\" with \"2\" argument(s): "
      "\"Collection was of a fixed size.\"");
    T(mc(A(1, I(1)), "RemoveAt", 1, I(0)),
      "ERR:NotSupportedException:Exception calling \"RemoveAt\" with \"1\" argument(s): "
      "\"Collection was of a fixed size.\"");
    T(mc(A(3, I(1), I(2), I(3)), "Contains", 1, I(2)), "True");
    T(mc(A(3, I(1), I(2), I(3)), "Contains", 1, I(9)), "False");
    T(mc(A(2, S("a"), S("b")), "Contains", 1, S("A")), "False");
    T(mc(A(3, I(1), I(2), I(3)), "IndexOf", 1, I(3)), "2");
    T(mc(A(3, I(1), I(2), I(3)), "IndexOf", 1, I(9)), "-1");
    T(mc(A(2, S("x"), S("y")), "IndexOf", 1, S("y")), "1");
    T(mc(A(3, I(1), I(2), I(3)), "Clone", 0), "[1|2|3]");
    T(mc(A(3, I(1), I(2), I(3)), "GetValue", 1, I(1)), "2");
    T(mc(A(1, I(1)), "GetValue", 1, I(5)),
      "ERR:IndexOutOfRangeException:Exception calling \"GetValue\" with \"1\" argument(s): "
      "\"Index was outside the bounds of the array.\"");
    Value a = A(2, I(1), I(2));
    T(mc(val_ref(a), "SetValue", 2, S("z"), I(0)), "$null");
    T(keep_value(val_ref(a), 0), "[z|2]");
    T(mc(val_ref(a), "Clear", 0), "$null");
    T(keep_value(val_ref(a), 0), "[$null|$null]");
    val_unref(a);
    T(mg(A(3, I(1), I(2), I(3)), "Count"), "3");
    T(mg(A(3, I(1), I(2), I(3)), "Length"), "3");
    T(mg(A(0), "Count"), "0");
    T(mc(A(2, I(1), I(2)), "ToString", 0), "System.Object[]");
    T(mc(A(1, I(1)), "Foo", 0),
      "NF:MethodNotFound:Method invocation failed because [System.Object[]] does not contain a "
      "method named 'Foo'.");
    Value t = arr_new(TY_INT32, 2);
    arr_push(t, I(5));
    T(mc(val_ref(t), "Clear", 0), "$null");
    T(keep_value(val_ref(t), 1), "Int32[]:[0]");
    val_unref(t);
}

static Value hash1(void) /* @{a=1} */
{
    Value h = ht_new(0), k = S("a"), v = I(1);
    ht_set(h, k, v);
    val_unref(k);
    return h;
}

static void test_hashtables(void)
{
    Value h = hash1();
    T(mc(val_ref(h), "ContainsKey", 1, S("A")), "True");
    T(mc(val_ref(h), "ContainsKey", 1, S("b")), "False");
    T(mc(val_ref(h), "Contains", 1, S("a")), "True");
    T(mc(val_ref(h), "ContainsValue", 1, I(1)), "True");
    T(mc(val_ref(h), "ContainsValue", 1, I(2)), "False");
    T(mc(val_ref(h), "Add", 2, S("b"), I(2)), "$null");
    T(pg(h, "Count"), "2");
    T(pg(h, "b"), "2");
    T(pg(h, "Keys"), "[a|b]");
    T(pg(h, "Values"), "[1|2]");
    T(mc(val_ref(h), "Add", 2, S("a"), I(3)),
      "ERR:ArgumentException:Exception calling \"Add\" with \"2\" argument(s): \"Item has "
      "already been added. Key in dictionary: 'a'  Key being added: 'a'\"");
    T(mc(val_ref(h), "Add", 2, S("A"), I(3)),
      "ERR:ArgumentException:Exception calling \"Add\" with \"2\" argument(s): \"Item has "
      "already been added. Key in dictionary: 'a'  Key being added: 'A'\"");
    T(mc(val_ref(h), "Add", 1, S("c")),
      "ERR:MethodCountCouldNotFindBest:Cannot find an overload for \"Add\" and the argument "
      "count: \"1\".");
    Value c = mcv(val_ref(h), "Clone", 0);
    T(mc(val_ref(h), "Remove", 1, S("A")), "$null");
    T(pg(h, "Count"), "1");
    T(pg(c, "Count"), "2");
    Value e = mcv(val_ref(c), "GetEnumerator", 0);
    T(mg(arr_get(e, 0), "Key"), "a");
    T(mg(arr_get(e, 1), "Value"), "2");
    T(mg(arr_get(e, 1), "Name"), "b");
    T(mc(arr_get(e, 0), "ToString", 0), "System.Collections.DictionaryEntry");
    val_unref(e);
    T(mc(val_ref(h), "Clear", 0), "$null");
    T(pg(h, "Count"), "0");
    T(pg(h, "Missing"), "NF");
    T(mc(val_ref(h), "Nope", 0),
      "NF:MethodNotFound:Method invocation failed because [System.Collections.Hashtable] does "
      "not contain a method named 'Nope'.");
    val_unref(h);
    val_unref(c);
    Value o = ht_new(1), k = S("x");
    ht_set(o, k, I(1));
    T(mc(val_ref(o), "Add", 2, S("x"), I(2)),
      "ERR:ArgumentException:Exception calling \"Add\" with \"2\" argument(s): \"Item has "
      "already been added. Key in dictionary: 'x'  Key being added: 'x'\"");
    val_unref(k);
    val_unref(o);
    Value obj = object_new_custom(), n = S("n");
    object_set_prop(obj, "Name", 4, n);
    val_unref(n);
    T(pg(obj, "name"), "n");
    T(pg(obj, "Count"), "1");
    T(pg(obj, "Other"), "NF");
    T(mc(val_ref(obj), "ToString", 0), "@{Name=n}");
    val_unref(obj);
}

static void test_dates(void)
{
    Value d = DT(2024, 3, 15, 10, 30, 45);
    T(pg(d, "Year"), "2024");
    T(pg(d, "Month"), "3");
    T(pg(d, "Day"), "15");
    T(pg(d, "Hour"), "10");
    T(pg(d, "Minute"), "30");
    T(pg(d, "Second"), "45");
    T(pg(d, "Millisecond"), "0");
    T(pg(d, "DayOfWeek"), "Friday");
    T(pg(d, "DayOfYear"), "75");
    TT(pg(d, "Ticks"), "Int64:638460954450000000");
    T(pg(d, "Date"), "03/15/2024 00:00:00");
    T(pg(d, "TimeOfDay"), "10:30:45");
    T(pg(d, "Kind"), "Unspecified");
    T(pg(d, "Count"), "1");
    T(mc(val_ref(d), "AddDays", 1, I(1)), "03/16/2024 10:30:45");
    T(mc(val_ref(d), "AddDays", 1, D(-0.5)), "03/14/2024 22:30:45");
    T(mc(val_ref(d), "AddHours", 1, I(-11)), "03/14/2024 23:30:45");
    T(mc(val_ref(d), "AddMinutes", 1, I(30)), "03/15/2024 11:00:45");
    T(mc(val_ref(d), "AddSeconds", 1, I(15)), "03/15/2024 10:31:00");
    T(mc(val_ref(d), "AddMilliseconds", 1, I(1500)), "03/15/2024 10:30:46");
    T(mg(mcv(val_ref(d), "AddMilliseconds", 1, I(1500)), "Millisecond"), "500");
    T(mc(val_ref(d), "AddTicks", 1, L(10000000)), "03/15/2024 10:30:46");
    T(mc(val_ref(d), "AddMonths", 1, I(10)), "01/15/2025 10:30:45");
    T(mc(DT(2024, 1, 31, 0, 0, 0), "AddMonths", 1, I(1)), "02/29/2024 00:00:00");
    T(mc(DT(2024, 2, 29, 0, 0, 0), "AddYears", 1, I(1)), "02/28/2025 00:00:00");
    T(mc(DT(2024, 3, 31, 0, 0, 0), "AddMonths", 1, I(-1)), "02/29/2024 00:00:00");
    T(mc(val_ref(d), "ToString", 1, S("yyyy-MM-dd HH:mm")), "2024-03-15 10:30");
    T(mc(val_ref(d), "ToString", 0), "3/15/2024 10:30:45 AM");
    T(mc(val_ref(d), "ToString", 1, S("dddd, MMMM d")), "Friday, March 15");
    T(mc(val_ref(d), "ToShortDateString", 0), "3/15/2024");
    T(mc(val_ref(d), "ToLongDateString", 0), "Friday, March 15, 2024");
    T(mc(val_ref(d), "ToShortTimeString", 0), "10:30 AM");
    T(mc(val_ref(d), "Subtract", 1, DT(2024, 3, 14, 10, 0, 0)), "1.00:30:45");
    T(mc(val_ref(d), "Subtract", 1, val_timespan(DT_TICKS_PER_DAY)), "03/14/2024 10:30:45");
    T(mc(val_ref(d), "Add", 1, val_timespan(DT_TICKS_PER_DAY * 2)), "03/17/2024 10:30:45");
    T(mc(val_ref(d), "CompareTo", 1, DT(2025, 1, 1, 0, 0, 0)), "-1");
    T(mc(val_ref(d), "Equals", 1, DT(2024, 3, 15, 10, 30, 45)), "True");
    T(mc(val_ref(d), "AddDays", 1, D(1e10)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"AddDays\" with \"1\" argument(s): "
      "\"Value to add was out of range. (Parameter 'value')\"");
    T(mc(val_ref(d), "AddDays", 1, I(3000000)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"AddDays\" with \"1\" argument(s): "
      "\"The added or subtracted value results in an un-representable DateTime. (Parameter "
      "'value')\"");
    T(mc(val_ref(d), "AddYears", 1, I(9000)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"AddYears\" with \"1\" argument(s): "
      "\"The added or subtracted value results in an un-representable DateTime. (Parameter "
      "'value')\"");
    Value u = val_datetime(d.as.i, 1);
    T(mg(mcv(u, "ToUniversalTime", 0), "Kind"), "Utc");
    T(mg(mcv(u, "ToLocalTime", 0), "Kind"), "Local");
    Value back = mcv(mcv(u, "ToLocalTime", 0), "ToUniversalTime", 0);
    CHECK(back.kind == VAL_DATETIME && back.as.i == d.as.i);
    T(mc(val_ref(d), "AddWeeks", 1, I(1)),
      "NF:MethodNotFound:Method invocation failed because [System.DateTime] does not contain a "
      "method named 'AddWeeks'.");
}

static void test_date_statics(void)
{
    T(sc("datetime", "DaysInMonth", 2, I(2024), I(2)), "29");
    T(sc("datetime", "DaysInMonth", 2, I(2023), I(2)), "28");
    T(sc("datetime", "DaysInMonth", 2, I(2023), I(13)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"DaysInMonth\" with \"2\" "
      "argument(s): \"Month must be between one and twelve. (Parameter 'month')\"");
    T(sc("DateTime", "IsLeapYear", 1, I(1900)), "False");
    T(sc("System.DateTime", "IsLeapYear", 1, I(2000)), "True");
    T(sc("datetime", "Parse", 1, S("2024-01-15")), "01/15/2024 00:00:00");
    T(sc("datetime", "Parse", 1, S("2024-01-15T08:09:10")), "01/15/2024 08:09:10");
    T(mg(scv("datetime", "Parse", 1, S("2024-01-15 08:09:10.250")), "Millisecond"), "250");
    T(sc("datetime", "Parse", 1, S("1/15/2024 3:04 PM")), "01/15/2024 15:04:00");
    T(sc("datetime", "Parse", 1, S("12/31/1999 11:59:59 pm")), "12/31/1999 23:59:59");
    T(sc("datetime", "Parse", 1, S("January 15, 2024")), "01/15/2024 00:00:00");
    T(sc("datetime", "Parse", 1, S("15 Jan 2024 10:00")), "01/15/2024 10:00:00");
    T(sc("datetime", "Parse", 1, S("Monday, January 15, 2024 9:00:00 AM")), "01/15/2024 09:00:00");
    T(sc("datetime", "Parse", 1, S("2024/02/29")), "02/29/2024 00:00:00");
    T(sc("datetime", "Parse", 1, S("2023-02-29")),
      "ERR:FormatException:Exception calling \"Parse\" with \"1\" argument(s): \"String "
      "'2023-02-29' was not recognized as a valid DateTime.\"");
    T(sc("datetime", "Parse", 1, S("garbage")),
      "ERR:FormatException:Exception calling \"Parse\" with \"1\" argument(s): \"String "
      "'garbage' was not recognized as a valid DateTime.\"");
    Value z = scv("datetime", "Parse", 1, S("2024-01-15T10:00:00Z"));
    T(pg(z, "Kind"), "Local");
    T(mc(mcv(z, "ToUniversalTime", 0), "ToString", 1, S("o")), "2024-01-15T10:00:00.0000000Z");
    z = scv("datetime", "Parse", 1, S("2024-01-15T10:00:00+02:00"));
    T(mc(mcv(z, "ToUniversalTime", 0), "ToString", 1, S("s")), "2024-01-15T08:00:00");
    T(sc("datetime", "ParseExact", 3, S("15/01/2024"), S("dd/MM/yyyy"), N()),
      "01/15/2024 00:00:00");
    T(sc("datetime", "ParseExact", 3, S("20240115"), S("yyyyMMdd"), N()), "01/15/2024 00:00:00");
    T(sc("datetime", "ParseExact", 3, S("2024-01-15 13:45"), S("yyyy-MM-dd HH:mm"), N()),
      "01/15/2024 13:45:00");
    T(sc("datetime", "ParseExact", 3, S("Mar 5 2024 01:02:03 PM"), S("MMM d yyyy hh:mm:ss tt"),
         N()),
      "03/05/2024 13:02:03");
    T(sc("datetime", "ParseExact", 3, S("2024-01-15T08:09:10"), S("s"), N()),
      "01/15/2024 08:09:10");
    T(sc("datetime", "ParseExact", 3, S("2024-1-15"), A(2, S("yyyy-MM-dd"), S("yyyy-M-d")), N()),
      "01/15/2024 00:00:00");
    T(sc("datetime", "ParseExact", 3, S("15.01.2024"), S("dd/MM/yyyy"), N()),
      "ERR:FormatException:Exception calling \"ParseExact\" with \"3\" argument(s): \"String "
      "'15.01.2024' was not recognized as a valid DateTime.\"");
    T(sg("datetime", "MinValue"), "01/01/0001 00:00:00");
    T(sg("datetime", "MaxValue"), "12/31/9999 23:59:59");
    T(mg(sgv("datetime", "MaxValue"), "Ticks"), "3155378975999999999");
    T(mg(sgv("datetime", "Now"), "Kind"), "Local");
    T(mg(sgv("datetime", "UtcNow"), "Kind"), "Utc");
    T(mg(sgv("datetime", "Today"), "Hour"), "0");
    Value now = sgv("datetime", "Now"), today = sgv("DateTime", "Today");
    CHECK(now.as.i - today.as.i >= 0 && now.as.i - today.as.i < DT_TICKS_PER_DAY);
    T(sc("datetime", "Compare", 2, DT(2020, 1, 1, 0, 0, 0), DT(2021, 1, 1, 0, 0, 0)), "-1");
    T(sg("datetime", "Yesterday"), "NF");
}

static Value span(int d, int h, int m, int s, int ms)
{
    return val_timespan((((int64_t)d * 24 + h) * 3600 + m * 60 + s) * DT_TICKS_PER_SECOND +
                        (int64_t)ms * 10000);
}

static void test_timespans(void)
{
    Value t = span(1, 2, 3, 4, 500);
    T(pg(t, "Days"), "1");
    T(pg(t, "Hours"), "2");
    T(pg(t, "Minutes"), "3");
    T(pg(t, "Seconds"), "4");
    T(pg(t, "Milliseconds"), "500");
    T(pg(t, "Ticks"), "937845000000");
    T(pg(t, "TotalDays"), "1.08546875");
    T(pg(t, "TotalHours"), "26.05125");
    T(pg(t, "TotalMinutes"), "1563.075");
    T(pg(t, "TotalSeconds"), "93784.5");
    T(pg(t, "TotalMilliseconds"), "93784500");
    T(mc(val_ref(t), "ToString", 0), "1.02:03:04.5000000");
    T(mc(val_ref(t), "ToString", 1, S("c")), "1.02:03:04.5000000");
    T(mc(val_ref(t), "ToString", 1, S("g")), "1:2:03:04.5");
    T(mc(val_ref(t), "ToString", 1, S("hh\\:mm")), "02:03");
    T(mc(val_ref(t), "Negate", 0), "-1.02:03:04.5000000");
    T(mc(span(0, -1, 0, 0, 0), "Duration", 0), "01:00:00");
    T(mc(val_ref(t), "Add", 1, span(0, 1, 0, 0, 0)), "1.03:03:04.5000000");
    T(mc(val_ref(t), "Subtract", 1, span(1, 0, 0, 0, 0)), "02:03:04.5000000");
    T(mc(val_ref(t), "CompareTo", 1, span(1, 0, 0, 0, 0)), "1");
    T(pg(span(0, -1, -30, 0, 0), "Hours"), "-1");
    T(pg(span(0, -1, -30, 0, 0), "Minutes"), "-30");
    T(pg(span(0, -1, -30, 0, 0), "TotalHours"), "-1.5");
    T(sc("timespan", "FromMinutes", 1, I(90)), "01:30:00");
    T(sc("timespan", "FromHours", 1, D(1.5)), "01:30:00");
    T(sc("timespan", "FromDays", 1, I(1)), "1.00:00:00");
    T(sc("timespan", "FromSeconds", 1, D(0.5)), "00:00:00.5000000");
    T(sc("timespan", "FromMilliseconds", 1, I(1500)), "00:00:01.5000000");
    T(sc("System.TimeSpan", "FromTicks", 1, L(10)), "00:00:00.0000010");
    T(sg("timespan", "Zero"), "00:00:00");
    T(sg("timespan", "MaxValue"), "10675199.02:48:05.4775807");
    T(sc("timespan", "Parse", 1, S("1.02:03:04")), "1.02:03:04");
    T(mc(sgv("timespan", "MaxValue"), "Add", 1, span(1, 0, 0, 0, 0)),
      "ERR:OverflowException:Exception calling \"Add\" with \"1\" argument(s): \"TimeSpan "
      "overflowed because the duration is too long.\"");
    val_unref(t);
}

static void test_math(void)
{
    TT(sc("math", "Abs", 1, I(-5)), "Int32:5");
    TT(sc("math", "Abs", 1, D(-2.5)), "Double:2.5");
    TT(sc("Math", "Abs", 1, L(-7)), "Int64:7");
    TT(sc("math", "Abs", 1, M("-1.50")), "Decimal:1.50");
    T(sc("math", "Abs", 1, I(INT32_MIN)),
      "ERR:OverflowException:Exception calling \"Abs\" with \"1\" argument(s): \"Negating the "
      "minimum value of a twos complement number is invalid.\"");
    T(sc("math", "Ceiling", 1, D(1.2)), "2");
    T(sc("math", "Ceiling", 1, D(-1.2)), "-1");
    T(sc("math", "Floor", 1, D(-1.2)), "-2");
    TT(sc("math", "Floor", 1, M("2.7")), "Decimal:2");
    TT(sc("math", "Ceiling", 1, M("2.1")), "Decimal:3");
    T(sc("math", "Truncate", 1, D(-2.7)), "-2");
    T(sc("math", "Truncate", 1, M("-2.7")), "-2");
    T(sc("math", "Round", 1, D(2.5)), "2");
    T(sc("math", "Round", 1, D(3.5)), "4");
    T(sc("math", "Round", 1, D(-2.5)), "-2");
    T(sc("math", "Round", 1, D(2.6)), "3");
    T(sc("math", "Round", 2, D(1.25), I(1)), "1.2");
    T(sc("math", "Round", 2, D(3.14159), I(3)), "3.142");
    T(sc("math", "Round", 2, D(2.5), S("AwayFromZero")), "3");
    T(sc("math", "Round", 2, D(-2.5), S("AwayFromZero")), "-3");
    T(sc("math", "Round", 3, D(1.25), I(1), S("AwayFromZero")), "1.3");
    T(sc("math", "Round", 3, D(1.29), I(1), S("ToZero")), "1.2");
    T(sc("math", "Round", 2, D(2.5), I(1)), "2.5");
    T(sc("math", "Round", 2, D(2.1), S("ToPositiveInfinity")), "3");
    TT(sc("math", "Round", 1, M("2.5")), "Decimal:2");
    TT(sc("math", "Round", 2, M("2.345"), I(2)), "Decimal:2.34");
    T(sc("math", "Round", 2, M("2.345"), I(29)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"Round\" with \"2\" argument(s): "
      "\"Decimal can only round to between 0 and 28 digits of precision. (Parameter "
      "'decimals')\"");
    T(sc("math", "Round", 2, D(2.5), I(16)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"Round\" with \"2\" argument(s): "
      "\"Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')\"");
    T(sc("math", "Sqrt", 1, I(16)), "4");
    T(sc("math", "Sqrt", 1, I(2)), "1.4142135623731");
    T(sc("math", "Sqrt", 1, I(-1)), "NaN");
    T(sc("math", "Pow", 2, I(2), I(10)), "1024");
    T(sc("math", "Pow", 2, D(2), D(0.5)), "1.4142135623731");
    T(sc("math", "Exp", 1, I(0)), "1");
    T(sc("math", "Log", 1, I(1)), "0");
    T(sc("math", "Log", 2, I(8), I(2)), "3");
    T(sc("math", "Log", 1, I(0)), "-Infinity");
    T(sc("math", "Log10", 1, I(1000)), "3");
    T(sc("math", "Log2", 1, I(8)), "3");
    TT(sc("math", "Max", 2, I(3), I(7)), "Int32:7");
    TT(sc("math", "Max", 2, I(3), D(7.5)), "Double:7.5");
    TT(sc("math", "Max", 2, I(1), L(2)), "Int64:2");
    TT(sc("math", "Min", 2, I(-1), I(2)), "Int32:-1");
    TT(sc("math", "Min", 2, M("1.5"), I(2)), "Decimal:1.5");
    TT(sc("math", "Sign", 1, I(-3)), "Int32:-1");
    T(sc("math", "Sign", 1, D(0.0)), "0");
    T(sc("math", "Sign", 1, D(2.5)), "1");
    T(sc("math", "Sin", 1, I(0)), "0");
    T(sc("math", "Cos", 1, I(0)), "1");
    T(sc("math", "Tan", 1, I(0)), "0");
    T(sc("math", "Atan", 1, I(1)), "0.785398163397448");
    T(sc("math", "Atan2", 2, I(1), I(1)), "0.785398163397448");
    T(sg("math", "PI"), "3.14159265358979");
    T(sg("math", "E"), "2.71828182845905");
    T(sg("System.Math", "pi"), "3.14159265358979");
    TT(sc("math", "Clamp", 3, I(15), I(1), I(10)), "Int32:10");
    T(sc("math", "Clamp", 3, I(-5), I(1), I(10)), "1");
    T(sc("math", "Clamp", 3, I(5), I(1), I(10)), "5");
    T(sc("math", "Clamp", 3, D(0.5), D(0), D(1)), "0.5");
    T(sc("math", "Clamp", 3, I(5), I(10), I(1)),
      "ERR:ArgumentException:Exception calling \"Clamp\" with \"3\" argument(s): \"'10' cannot "
      "be greater than 1.\"");
    T(sc("math", "Foo", 0),
      "NF:MethodNotFound:Method invocation failed because [System.Math] does not contain a "
      "method named 'Foo'.");
    T(sc("math", "Abs", 0),
      "ERR:MethodCountCouldNotFindBest:Cannot find an overload for \"Abs\" and the argument "
      "count: \"0\".");
    sc("math", "Abs", 1, S("x"));
    CHECK(strstr(buf, "MethodArgumentConversionInvalidCastArgument") != NULL);
    T(sg("math", "Nope"), "NF");
    T(sc("NoSuchType", "Foo", 0), "NF:TypeNotFound:Unable to find type [NoSuchType].");
    CHECK(static_type_known("MATH", 4));
    CHECK(static_type_known("System.IO.Path", 14));
    CHECK(static_type_known("int", 3));
    CHECK(!static_type_known("Foo", 3));
}

static void test_string_statics(void)
{
    T(sc("string", "Join", 2, S(","), A(3, I(1), I(2), I(3))), "1,2,3");
    T(sc("string", "Join", 3, S("-"), S("a"), S("b")), "a-b");
    T(sc("string", "Join", 2, S(", "), A(2, S("x"), N())), "x, ");
    T(sc("string", "Join", 2, N(), A(2, S("x"), S("y"))), "xy");
    T(sc("String", "Concat", 3, S("a"), S("b"), I(1)), "ab1");
    T(sc("string", "Concat", 1, A(2, S("a"), S("b"))), "ab");
    T(sc("string", "Concat", 0), "");
    T(sc("string", "IsNullOrEmpty", 1, S("")), "True");
    T(sc("string", "IsNullOrEmpty", 1, N()), "True");
    T(sc("string", "IsNullOrEmpty", 1, S(" ")), "False");
    T(sc("string", "IsNullOrWhiteSpace", 1, S(" \t\n")), "True");
    T(sc("string", "IsNullOrWhiteSpace", 1, N()), "True");
    T(sc("string", "IsNullOrWhiteSpace", 1, S(" x ")), "False");
    T(sc("string", "Format", 3, S("{0}-{1}"), I(1), S("x")), "1-x");
    T(sc("string", "Format", 2, S("{0:N2}"), D(1234.5)), "1,234.50");
    T(sc("string", "Format", 2, S("{0,5}|{0,-5}|"), I(42)), "   42|42   |");
    T(sc("string", "Format", 2, S("{0:yyyy}"), DT(2024, 1, 2, 0, 0, 0)), "2024");
    T(sc("string", "Format", 2, S("{0}"), D(0.1 + 0.2)), "0.30000000000000004");
    T(sc("string", "Format", 2, S("{{{0}}}"), I(7)), "{7}");
    T(sc("string", "Format", 2, S("{0} {1}"), A(2, S("a"), S("b"))), "a b");
    T(sc("string", "Format", 2, S("{0}{1}"), N()),
      "ERR:FormatException:Exception calling \"Format\" with \"2\" argument(s): \"Index (zero "
      "based) must be greater than or equal to zero and less than the size of the argument "
      "list.\"");
    T(sg("string", "Empty"), "");
    TT(sg("System.String", "Empty"), "String:");
    T(sc("string", "Compare", 2, S("a"), S("B")), "-1");
    T(sc("string", "Compare", 2, S("b"), S("a")), "1");
    T(sc("string", "Compare", 3, S("a"), S("A"), B(1)), "0");
    T(sc("string", "Compare", 2, N(), S("a")), "-1");
    T(sc("string", "CompareOrdinal", 2, S("a"), S("B")), "31");
    T(sc("string", "Equals", 2, S("a"), S("a")), "True");
    T(sc("string", "Equals", 2, S("a"), S("A")), "False");
    T(sc("string", "Equals", 3, S("a"), S("A"), S("OrdinalIgnoreCase")), "True");
    T(sc("string", "Reverse", 1, S("a")),
      "NF:MethodNotFound:Method invocation failed because [System.String] does not contain a "
      "method named 'Reverse'.");
}

static void test_char_statics(void)
{
    T(sc("char", "IsDigit", 1, C('5')), "True");
    T(sc("char", "IsDigit", 1, C('a')), "False");
    T(sc("char", "IsDigit", 1, S("7")), "True");
    T(sc("char", "IsDigit", 2, S("a1"), I(1)), "True");
    T(sc("char", "IsLetter", 1, C('a')), "True");
    T(sc("char", "IsLetter", 1, C(0xE9)), "True");
    T(sc("char", "IsLetter", 1, C(0x65E5)), "True");
    T(sc("char", "IsLetter", 1, C('1')), "False");
    T(sc("char", "IsUpper", 1, C('A')), "True");
    T(sc("char", "IsUpper", 1, C('a')), "False");
    T(sc("char", "IsLower", 1, C('a')), "True");
    T(sc("char", "IsLower", 1, C('A')), "False");
    T(sc("char", "IsWhiteSpace", 1, C(' ')), "True");
    T(sc("char", "IsWhiteSpace", 1, C('\t')), "True");
    T(sc("char", "IsWhiteSpace", 1, C(0xA0)), "True");
    T(sc("char", "IsWhiteSpace", 1, C('x')), "False");
    T(sc("char", "IsLetterOrDigit", 1, C('_')), "False");
    T(sc("char", "IsLetterOrDigit", 1, C('9')), "True");
    T(sc("char", "IsPunctuation", 1, C('!')), "True");
    T(sc("char", "IsPunctuation", 1, C('+')), "False");
    T(sc("char", "IsSymbol", 1, C('+')), "True");
    T(sc("char", "IsControl", 1, C('\n')), "True");
    TT(sc("char", "ToUpper", 1, C('a')), "Char:A");
    TT(sc("char", "ToLower", 1, C(0xC9)), "Char:é");
    T(sc("char", "ConvertFromUtf32", 1, I(0x1F600)), "😀");
    T(sc("char", "ConvertFromUtf32", 1, I(65)), "A");
    T(sc("char", "ConvertFromUtf32", 1, I(0xD800)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"ConvertFromUtf32\" with \"1\" "
      "argument(s): \"A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and "
      "should not include surrogate codepoint values (0x00d800 ~ 0x00dfff). (Parameter "
      "'utf32')\"");
    T(sc("char", "ConvertToUtf32", 2, S("a😀"), I(1)), "128512");
    TT(sg("char", "MaxValue"), "Char:\xef\xbf\xbf");
    TT(sc("char", "IsDigit", 1, C('0')), "Boolean:True");
}

static void test_number_statics(void)
{
    TT(sg("int", "MaxValue"), "Int32:2147483647");
    T(sg("int", "MinValue"), "-2147483648");
    T(sg("System.Int32", "MaxValue"), "2147483647");
    T(sg("Int32", "maxvalue"), "2147483647");
    TT(sg("long", "MaxValue"), "Int64:9223372036854775807");
    T(sg("long", "MinValue"), "-9223372036854775808");
    TT(sg("byte", "MaxValue"), "Byte:255");
    T(sg("sbyte", "MinValue"), "-128");
    T(sg("short", "MaxValue"), "32767");
    T(sg("uint16", "MaxValue"), "65535");
    T(sg("uint", "MaxValue"), "4294967295");
    T(sg("ulong", "MaxValue"), "18446744073709551615");
    T(sg("double", "MaxValue"), "1.79769313486232E+308");
    T(sg("double", "MinValue"), "-1.79769313486232E+308");
    T(sg("float", "MaxValue"), "3.402823E+38");
    TT(sg("decimal", "MaxValue"), "Decimal:79228162514264337593543950335");
    T(sg("decimal", "MinValue"), "-79228162514264337593543950335");
    T(sg("double", "NaN"), "NaN");
    T(sg("double", "PositiveInfinity"), "Infinity");
    T(sg("double", "Epsilon"), "4.94065645841247E-324");
    T(sg("int", "NaN"), "NF");
    T(sg("bool", "TrueString"), "True");
    TT(sc("int", "Parse", 1, S("42")), "Int32:42");
    T(sc("int", "Parse", 1, S(" -7 ")), "-7");
    T(sc("int", "Parse", 1, S("x")),
      "ERR:FormatException:Exception calling \"Parse\" with \"1\" argument(s): \"The input "
      "string 'x' was not in a correct format.\"");
    T(sc("int", "Parse", 1, S("1.5")),
      "ERR:FormatException:Exception calling \"Parse\" with \"1\" argument(s): \"The input "
      "string '1.5' was not in a correct format.\"");
    T(sc("int", "Parse", 1, S("99999999999")),
      "ERR:OverflowException:Exception calling \"Parse\" with \"1\" argument(s): \"Value was "
      "either too large or too small for an Int32.\"");
    T(sc("byte", "Parse", 1, S("256")),
      "ERR:OverflowException:Exception calling \"Parse\" with \"1\" argument(s): \"Value was "
      "either too large or too small for an unsigned byte.\"");
    TT(sc("long", "Parse", 1, S("9000000000")), "Int64:9000000000");
    TT(sc("double", "Parse", 1, S("1.5e3")), "Double:1500");
    T(sc("double", "Parse", 1, S("abc")),
      "ERR:FormatException:Exception calling \"Parse\" with \"1\" argument(s): \"The input "
      "string 'abc' was not in a correct format.\"");
    TT(sc("decimal", "Parse", 1, S("1.50")), "Decimal:1.50");
    TT(sc("bool", "Parse", 1, S("true")), "Boolean:True");
    T(sc("bool", "Parse", 1, S("yes")),
      "ERR:FormatException:Exception calling \"Parse\" with \"1\" argument(s): \"String 'yes' "
      "was not recognized as a valid Boolean.\"");
    T(sc("double", "IsNaN", 1, sgv("double", "NaN")), "True");
    T(sc("double", "IsInfinity", 1, D(-INFINITY)), "True");
    T(sc("double", "IsPositiveInfinity", 1, D(-INFINITY)), "False");
    T(sc("int", "TryParse", 2, S("1"), N()),
      "NF:MethodNotFound:Method invocation failed because [System.Int32] does not contain a "
      "method named 'TryParse'.");
}

static void test_guid(void)
{
    Value g = scv("guid", "NewGuid", 0);
    StrBuf sb = {0};
    convert_append_scalar(g, &sb);
    const char *s = sb_str(&sb);
    CHECK(sb.len == 36 && s[8] == '-' && s[13] == '-' && s[14] == '4' && s[18] == '-' &&
          strchr("89ab", s[19]) && s[23] == '-');
    Value g2 = scv("guid", "NewGuid", 0);
    CHECK(!mbr_equals(g, g2));
    T(mc(val_ref(g), "Equals", 1, val_ref(g)), "True");
    T(mg(val_ref(g), "Version"), "4");
    sb_free(&sb);
    val_unref(g);
    val_unref(g2);
    T(sg("guid", "Empty"), "00000000-0000-0000-0000-000000000000");
    T(sc("guid", "Parse", 1, S("{0F8FAD5B-D9CB-469F-A165-70867728950E}")),
      "0f8fad5b-d9cb-469f-a165-70867728950e");
    T(sc("System.Guid", "Parse", 1, S("0f8fad5bd9cb469fa16570867728950e")),
      "0f8fad5b-d9cb-469f-a165-70867728950e");
    Value p = scv("guid", "Parse", 1, S("0f8fad5b-d9cb-469f-a165-70867728950e"));
    T(mc(val_ref(p), "ToString", 1, S("N")), "0f8fad5bd9cb469fa16570867728950e");
    T(mc(val_ref(p), "ToString", 1, S("B")), "{0f8fad5b-d9cb-469f-a165-70867728950e}");
    T(mc(val_ref(p), "ToString", 1, S("P")), "(0f8fad5b-d9cb-469f-a165-70867728950e)");
    T(mc(val_ref(p), "ToString", 0), "0f8fad5b-d9cb-469f-a165-70867728950e");
    T(mc(val_ref(p), "Equals", 1, scv("guid", "Parse", 1, S("0F8FAD5BD9CB469FA16570867728950E"))),
      "True");
    T(mc(val_ref(p), "ToString", 1, S("Q")),
      "ERR:FormatException:Exception calling \"ToString\" with \"1\" argument(s): \"Format "
      "string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or "
      "\"x\".\"");
    val_unref(p);
    T(sc("guid", "Parse", 1, S("xyz")),
      "ERR:FormatException:Exception calling \"Parse\" with \"1\" argument(s): \"Unrecognized "
      "Guid format.\"");
}

static void test_regex(void)
{
    Value m = scv("regex", "Match", 2, S("abc123def"), S("\\d+"));
    T(keep_value(val_ref(m), 0), "123");
    T(pg(m, "Success"), "True");
    T(pg(m, "Index"), "3");
    T(pg(m, "Length"), "3");
    T(pg(m, "Value"), "123");
    T(pg(m, "Name"), "0");
    T(pg(m, "Groups"), "System.Text.RegularExpressions.GroupCollection");
    T(mg(mcv(val_ref(m), "GetType", 0), "FullName"), "System.Text.RegularExpressions.Match");
    T(mc(val_ref(m), "NextMatch", 0), "");
    T(mg(mcv(val_ref(m), "NextMatch", 0), "Success"), "False");
    val_unref(m);

    m = scv("regex", "Match", 2, S("John Smith"), S("(?<first>\\w+) (\\w+)"));
    Value g = val_null(), first = S("first");
    CHECK(mkinds_group_at(m, first, &g));
    val_unref(first);
    T(keep_value(g, 0), "John");
    Value key = I(1);
    CHECK(mkinds_group_at(m, key, &g));
    T(pg(g, "Value"), "Smith");
    T(pg(g, "Index"), "5");
    T(pg(g, "Name"), "1");
    val_unref(g);
    Value key2 = I(2);
    CHECK(mkinds_group_at(m, key2, &g));
    T(pg(g, "Name"), "first");
    val_unref(g);
    CHECK(!mkinds_group_at(m, I(7), &g));
    Value groups = val_null();
    member_get(&ctx, m, "Groups", 6, &groups, NULL);
    T(pg(groups, "Count"), "3");
    T(pg(groups, "first"), "John");
    val_unref(groups);
    T(mc(val_ref(m), "Result", 1, S("$1, ${first}")), "Smith, John");
    T(mc(val_ref(m), "Result", 1, S("$2")), "John"); /* .NET numbers named groups last */
    val_unref(m);

    m = scv("regex", "Match", 2, S("abc"), S("x"));
    T(pg(m, "Success"), "False");
    T(pg(m, "Value"), "");
    T(pg(m, "Index"), "0");
    val_unref(m);
    T(mg(scv("regex", "Match", 2, S("😀ab"), S("b")), "Index"), "3");
    T(mg(scv("regex", "Match", 3, S("ABC"), S("b"), S("IgnoreCase")), "Value"), "B");
    T(mg(scv("regex", "Match", 3, S("ABC"), S("b"), I(1)), "Success"), "True");
    sc("regex", "Match", 3, S("ABC"), S("b"), S("Bogus"));
    CHECK(strstr(buf, "MethodArgumentConversionInvalidCastArgument") != NULL);
    T(sc("regex", "Matches", 2, S("a1b22c333"), S("\\d+")), "[1|22|333]");
    T(mg(scv("regex", "Matches", 2, S("a1b22c333"), S("\\d+")), "Count"), "3");
    T(sc("regex", "Matches", 2, S("abc"), S("\\d")), "[]");
    T(sc("regex", "IsMatch", 2, S("abc"), S("^a")), "True");
    T(sc("regex", "IsMatch", 2, S("abc"), S("^b")), "False");
    T(sc("regex", "Replace", 3, S("a-b-c"), S("-"), S("+")), "a+b+c");
    T(sc("regex", "Replace", 3, S("John Smith"), S("(\\w+) (\\w+)"), S("$2 $1")), "Smith John");
    T(sc("regex", "Replace", 4, S("aAa"), S("a"), S("x"), S("IgnoreCase")), "xxx");
    T(sc("regex", "Split", 2, S("a1b2c"), S("\\d")), "[a|b|c]");
    T(sc("regex", "Split", 2, S("a1b"), S("(\\d)")), "[a|1|b]");
    T(sc("regex", "Escape", 1, S("a.b*c")), "a\\.b\\*c");
    T(sc("regex", "Unescape", 1, S("a\\.b")), "a.b");
    T(sc("System.Text.RegularExpressions.Regex", "IsMatch", 2, S("x"), S("x")), "True");
    T(sc("regex", "Match", 2, S("abc"), S("(")),
      "ERR:ArgumentException:Exception calling \"Match\" with \"2\" argument(s): \"Invalid "
      "pattern '(' at offset 1. Not enough )'s.\"");
}

static void test_path(void)
{
    T(sc("System.IO.Path", "Combine", 2, S("a"), S("b")), "a/b");
    T(sc("IO.Path", "Combine", 3, S("a/"), S("b"), S("c.txt")), "a/b/c.txt");
    T(sc("io.path", "Combine", 2, S("/x"), S("/y")), "/y");
    T(sc("System.IO.Path", "Combine", 2, S(""), S("b")), "b");
    T(sc("System.IO.Path", "Combine", 1, A(2, S("p"), S("q"))), "p/q");
    T(sc("System.IO.Path", "Join", 2, S("a"), S("/b")), "a/b");
    T(sc("System.IO.Path", "Join", 2, S("a"), S("b")), "a/b");
    T(sc("System.IO.Path", "GetFileName", 1, S("/a/b.txt")), "b.txt");
    T(sc("System.IO.Path", "GetFileName", 1, S("/a/")), "");
    T(sc("System.IO.Path", "GetFileName", 1, N()), "$null");
    T(sc("System.IO.Path", "GetFileNameWithoutExtension", 1, S("/a/b.tar.gz")), "b.tar");
    T(sc("System.IO.Path", "GetFileNameWithoutExtension", 1, S("noext")), "noext");
    T(sc("System.IO.Path", "GetExtension", 1, S("/a/b.txt")), ".txt");
    T(sc("System.IO.Path", "GetExtension", 1, S("/a.d/b")), "");
    T(sc("System.IO.Path", "GetExtension", 1, S("b.")), "");
    T(sc("System.IO.Path", "HasExtension", 1, S("b.c")), "True");
    T(sc("System.IO.Path", "GetDirectoryName", 1, S("/a/b.txt")), "/a");
    T(sc("System.IO.Path", "GetDirectoryName", 1, S("/a")), "/");
    T(sc("System.IO.Path", "GetDirectoryName", 1, S("/")), "$null");
    T(sc("System.IO.Path", "GetDirectoryName", 1, S("b.txt")), "");
    T(sc("System.IO.Path", "GetDirectoryName", 1, S("a/b/c")), "a/b");
    T(sc("System.IO.Path", "GetFullPath", 1, S("x/../y")), "/home/user/work/y");
    T(sc("System.IO.Path", "GetFullPath", 1, S("/a/./b/")), "/a/b/");
    T(sc("System.IO.Path", "GetFullPath", 1, S("/a/../..")), "/");
    T(sc("System.IO.Path", "GetFullPath", 1, S(".")), "/home/user/work");
    T(sc("System.IO.Path", "GetFullPath", 2, S("c"), S("/base")), "/base/c");
    T(sc("System.IO.Path", "GetFullPath", 1, S("")),
      "ERR:ArgumentException:Exception calling \"GetFullPath\" with \"1\" argument(s): \"The "
      "value cannot be an empty string. (Parameter 'path')\"");
    T(sc("System.IO.Path", "ChangeExtension", 2, S("a.txt"), S("md")), "a.md");
    T(sc("System.IO.Path", "ChangeExtension", 2, S("a.txt"), S(".md")), "a.md");
    T(sc("System.IO.Path", "ChangeExtension", 2, S("a.txt"), N()), "a");
    T(sc("System.IO.Path", "ChangeExtension", 2, S("dir.x/a"), S("b")), "dir.x/a.b");
    T(sc("System.IO.Path", "IsPathRooted", 1, S("/a")), "True");
    T(sc("System.IO.Path", "IsPathRooted", 1, S("a")), "False");
    T(sc("System.IO.Path", "GetPathRoot", 1, S("/a/b")), "/");
    TT(sg("System.IO.Path", "DirectorySeparatorChar"), "Char:/");
    T(sg("System.IO.Path", "PathSeparator"), ":");
    T(sc("System.IO.Path", "TrimEndingDirectorySeparator", 1, S("/a/")), "/a");
    T(sc("System.IO.Path", "EndsInDirectorySeparator", 1, S("/a/")), "True");
    const char *r = sc("System.IO.Path", "GetRandomFileName", 0);
    CHECK(strlen(r) == 12 && r[8] == '.' && strspn(r, "abcdefghijklmnopqrstuvwxyz012345.") == 12);
    r = sc("System.IO.Path", "GetTempPath", 0);
    CHECK(r[0] == '/' && r[strlen(r) - 1] == '/');
    T(sc("System.IO.Path", "Combine", 2, S("a"), N()),
      "ERR:ArgumentNullException:Exception calling \"Combine\" with \"2\" argument(s): \"Value "
      "cannot be null. (Parameter 'paths')\"");
}

static void test_environment(void)
{
    T(sg("environment", "NewLine"), "\n");
    T(sc("environment", "SetEnvironmentVariable", 2, S("PSM_MEMBERS_T"), S("v1")), "$null");
    T(sc("environment", "GetEnvironmentVariable", 1, S("PSM_MEMBERS_T")), "v1");
    T(sc("System.Environment", "SetEnvironmentVariable", 2, S("PSM_MEMBERS_T"), N()), "$null");
    T(sc("environment", "GetEnvironmentVariable", 1, S("PSM_MEMBERS_T")), "$null");
    T(sc("environment", "SetEnvironmentVariable", 2, S("PSM_MEMBERS_T"), S("x")), "$null");
    T(sc("environment", "ExpandEnvironmentVariables", 1, S("a%PSM_MEMBERS_T%b%NOPE_X%")),
      "axb%NOPE_X%");
    T(mg(scv("environment", "GetEnvironmentVariables", 0), "PSM_MEMBERS_T"), "x");
    T(sc("environment", "SetEnvironmentVariable", 2, S("PSM_MEMBERS_T"), S("")), "$null");
    T(sg("environment", "CurrentDirectory"), "/home/user/work");
    T(sg("environment", "Is64BitProcess"), sizeof(void *) == 8 ? "True" : "False");
    CHECK(atoi(sg("environment", "ProcessorCount")) >= 1);
    CHECK(strlen(sg("environment", "MachineName")) > 0);
    CHECK(strncmp(sg("environment", "OSVersion"), "Unix ", 5) == 0);
    T(sc("environment", "GetCommandLineArgs", 0), "[]");
    static const char *const argv[] = {"psmini", "-c", "x"};
    ctx.argc = 3;
    ctx.argv = argv;
    T(sc("environment", "GetCommandLineArgs", 0), "[psmini|-c|x]");
    ctx.argc = 0;
    ctx.argv = NULL;
}

static void test_convert(void)
{
    TT(sc("convert", "ToInt32", 2, S("ff"), I(16)), "Int32:255");
    T(sc("convert", "ToInt32", 2, S("0xFF"), I(16)), "255");
    T(sc("convert", "ToInt32", 2, S("FFFFFFFF"), I(16)), "-1");
    T(sc("convert", "ToInt32", 2, S("101"), I(2)), "5");
    T(sc("convert", "ToInt32", 2, S("17"), I(8)), "15");
    T(sc("convert", "ToInt32", 2, S("-12"), I(10)), "-12");
    T(sc("convert", "ToInt32", 1, D(2.5)), "2");
    T(sc("convert", "ToInt32", 1, D(3.5)), "4");
    T(sc("convert", "ToInt32", 1, S("12")), "12");
    T(sc("convert", "ToInt32", 1, N()), "0");
    T(sc("convert", "ToInt32", 1, B(1)), "1");
    T(sc("convert", "ToInt32", 1, S("1.5")),
      "ERR:FormatException:Exception calling \"ToInt32\" with \"1\" argument(s): \"The input "
      "string '1.5' was not in a correct format.\"");
    T(sc("convert", "ToInt32", 2, S("z"), I(16)),
      "ERR:FormatException:Exception calling \"ToInt32\" with \"2\" argument(s): \"Could not "
      "find any recognizable digits.\"");
    T(sc("convert", "ToInt32", 2, S("1z"), I(16)),
      "ERR:FormatException:Exception calling \"ToInt32\" with \"2\" argument(s): \"Additional "
      "non-parsable characters are at the end of the string.\"");
    T(sc("convert", "ToInt32", 2, S("1"), I(3)),
      "ERR:ArgumentException:Exception calling \"ToInt32\" with \"2\" argument(s): \"Invalid "
      "Base.\"");
    T(sc("convert", "ToInt32", 2, S("1FFFFFFFF"), I(16)),
      "ERR:OverflowException:Exception calling \"ToInt32\" with \"2\" argument(s): \"Value was "
      "either too large or too small for an Int32.\"");
    T(sc("convert", "ToInt32", 1, D(3e10)),
      "ERR:OverflowException:Exception calling \"ToInt32\" with \"1\" argument(s): \"Value was "
      "either too large or too small for an Int32.\"");
    TT(sc("convert", "ToInt64", 2, S("7FFFFFFFFFFFFFFF"), I(16)), "Int64:9223372036854775807");
    TT(sc("convert", "ToByte", 2, S("ff"), I(16)), "Byte:255");
    T(sc("convert", "ToByte", 1, I(300)),
      "ERR:OverflowException:Exception calling \"ToByte\" with \"1\" argument(s): \"Value was "
      "either too large or too small for an unsigned byte.\"");
    T(sc("convert", "ToString", 2, I(255), I(16)), "ff");
    T(sc("convert", "ToString", 2, I(-1), I(16)), "ffffffff");
    T(sc("convert", "ToString", 2, L(-1), I(16)), "ffffffffffffffff");
    T(sc("convert", "ToString", 2, I(5), I(2)), "101");
    T(sc("convert", "ToString", 2, I(8), I(8)), "10");
    T(sc("convert", "ToString", 2, I(-5), I(10)), "-5");
    T(sc("convert", "ToString", 2, val_integer(VAL_BYTE, 255), I(2)), "11111111");
    T(sc("convert", "ToString", 2, I(255), I(3)),
      "ERR:ArgumentException:Exception calling \"ToString\" with \"2\" argument(s): \"Invalid "
      "Base.\"");
    T(sc("convert", "ToString", 1, D(1.5)), "1.5");
    T(sc("convert", "ToString", 1, N()), "");
    T(sc("convert", "ToBase64String", 1, A(2, I(72), I(105))), "SGk=");
    T(sc("convert", "ToBase64String", 1, A(3, I(72), I(105), I(33))), "SGkh");
    T(sc("convert", "ToBase64String", 1, A(1, I(0))), "AA==");
    T(sc("convert", "ToBase64String", 1, A(0)), "");
    TT(sc("convert", "FromBase64String", 1, S("SGk=")), "Byte[]:[72|105]");
    T(sc("convert", "FromBase64String", 1, S("SGkh")), "[72|105|33]");
    T(sc("convert", "FromBase64String", 1, S("!!")),
      "ERR:FormatException:Exception calling \"FromBase64String\" with \"1\" argument(s): "
      "\"The input is not a valid Base-64 string as it contains a non-base 64 character, more "
      "than two padding characters, or an illegal character among the padding characters.\"");
    T(sc("convert", "FromBase64String", 1, S("SGk")),
      "ERR:FormatException:Exception calling \"FromBase64String\" with \"1\" argument(s): "
      "\"The input is not a valid Base-64 string as it contains a non-base 64 character, more "
      "than two padding characters, or an illegal character among the padding characters.\"");
    T(sc("convert", "ToHexString", 1, A(2, I(72), I(255))), "48FF");
    T(sc("convert", "FromHexString", 1, S("48ff")), "[72|255]");
    T(sc("convert", "ToBoolean", 1, S("true")), "True");
    T(sc("convert", "ToBoolean", 1, S(" False ")), "False");
    T(sc("convert", "ToBoolean", 1, I(0)), "False");
    T(sc("convert", "ToBoolean", 1, D(0.5)), "True");
    T(sc("convert", "ToBoolean", 1, S("yes")),
      "ERR:FormatException:Exception calling \"ToBoolean\" with \"1\" argument(s): \"String "
      "'yes' was not recognized as a valid Boolean.\"");
    TT(sc("convert", "ToDouble", 1, S("1.5")), "Double:1.5");
    TT(sc("convert", "ToDouble", 1, I(2)), "Double:2");
    TT(sc("convert", "ToDecimal", 1, S("1.25")), "Decimal:1.25");
    TT(sc("convert", "ToChar", 1, I(65)), "Char:A");
    T(sc("convert", "ToChar", 1, S("ab")),
      "ERR:FormatException:Exception calling \"ToChar\" with \"1\" argument(s): \"String must "
      "be exactly one character long.\"");
    T(sc("convert", "ToChar", 1, I(-1)),
      "ERR:OverflowException:Exception calling \"ToChar\" with \"1\" argument(s): \"Value was "
      "either too large or too small for a character.\"");
}

static void test_constructors(void)
{
    T(sc("datetime", "new", 3, I(2024), I(2), I(29)), "02/29/2024 00:00:00");
    T(sc("datetime", "new", 6, I(2024), I(2), I(29), I(13), I(5), I(9)), "02/29/2024 13:05:09");
    T(mg(scv("datetime", "new", 7, I(2024), I(1), I(1), I(0), I(0), I(0), I(250)), "Millisecond"),
      "250");
    T(sc("datetime", "new", 1, L(0)), "01/01/0001 00:00:00");
    T(sc("datetime", "new", 3, I(2023), I(2), I(29)),
      "ERR:ArgumentOutOfRangeException:Exception calling \"new\" with \"3\" argument(s): "
      "\"Year, Month, and Day parameters describe an un-representable DateTime.\"");
    T(sc("datetime", "new", 2, I(1), I(1)),
      "ERR:MethodCountCouldNotFindBest:Cannot find an overload for \"new\" and the argument "
      "count: \"2\".");
    T(sc("timespan", "new", 3, I(1), I(2), I(3)), "01:02:03");
    T(sc("timespan", "new", 4, I(1), I(2), I(3), I(4)), "1.02:03:04");
    T(sc("timespan", "new", 5, I(0), I(0), I(0), I(1), I(500)), "00:00:01.5000000");
    T(sc("timespan", "new", 1, L(10000000)), "00:00:01");
    T(sc("string", "new", 2, C('-'), I(5)), "-----");
    T(sc("string", "new", 1, A(2, C('h'), C('i'))), "hi");
    T(sc("guid", "new", 1, S("0f8fad5b-d9cb-469f-a165-70867728950e")),
      "0f8fad5b-d9cb-469f-a165-70867728950e");
    T(sc("guid", "new", 0), "00000000-0000-0000-0000-000000000000");
}

static void test_encoding(void)
{
    Value u8 = sgv("System.Text.Encoding", "UTF8");
    T(mc(val_ref(u8), "GetBytes", 1, S("hé")), "[104|195|169]");
    TT(mc(val_ref(u8), "GetBytes", 1, S("A")), "Byte[]:[65]");
    T(mc(val_ref(u8), "GetString", 1, A(3, I(104), I(195), I(169))), "hé");
    T(mc(val_ref(u8), "GetString", 1, A(2, I(104), I(255))), "h\xef\xbf\xbd");
    T(mc(val_ref(u8), "GetString", 3, A(3, I(97), I(98), I(99)), I(1), I(2)), "bc");
    T(mc(val_ref(u8), "GetByteCount", 1, S("日本")), "6");
    T(mc(val_ref(u8), "GetPreamble", 0), "[239|187|191]");
    T(pg(u8, "WebName"), "utf-8");
    T(pg(u8, "CodePage"), "65001");
    T(mc(val_ref(u8), "ToString", 0), "System.Text.UTF8Encoding+UTF8EncodingSealed");
    val_unref(u8);
    T(mc(sgv("Text.Encoding", "Unicode"), "GetBytes", 1, S("A😀")), "[65|0|61|216|0|222]");
    T(mc(sgv("Text.Encoding", "Unicode"), "GetString", 1,
         A(6, I(65), I(0), I(61), I(216), I(0), I(222))),
      "A😀");
    T(mc(sgv("Text.Encoding", "BigEndianUnicode"), "GetBytes", 1, S("A")), "[0|65]");
    T(mc(sgv("Text.Encoding", "ASCII"), "GetBytes", 1, S("aé")), "[97|63]");
    T(mc(sgv("Text.Encoding", "ASCII"), "GetString", 1, A(2, I(97), I(200))), "a\xef\xbf\xbd");
    T(mc(sgv("Text.Encoding", "UTF32"), "GetBytes", 1, S("A")), "[65|0|0|0]");
    T(mc(sgv("Text.Encoding", "Latin1"), "GetString", 1, A(1, I(233))), "é");
    T(mg(scv("Text.Encoding", "GetEncoding", 1, S("utf-16")), "EncodingName"), "Unicode");
    T(mg(scv("Text.Encoding", "GetEncoding", 1, I(65001)), "WebName"), "utf-8");
    T(sc("System.Text.Encoding", "GetEncoding", 1, S("nope")),
      "ERR:ArgumentException:Exception calling \"GetEncoding\" with \"1\" argument(s): "
      "\"'nope' is not a supported encoding name. For information on defining a custom "
      "encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter "
      "'name')\"");
    /* the Base64 idiom: [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('hi')) */
    T(sc("convert", "ToBase64String", 1, mcv(sgv("text.encoding", "utf8"), "GetBytes", 1, S("hi"))),
      "aGk=");
    T(mc(sgv("text.encoding", "utf8"), "Nope", 0),
      "NF:MethodNotFound:Method invocation failed because [System.Text.Encoding] does not "
      "contain a method named 'Nope'.");
}

static void test_misc_kinds(void)
{
    /* 2026-11-24: a PSObject wrapper is transparent for members */
    Value base = S("abc"), w = object_wrap(base);
    val_unref(base);
    T(mc(val_ref(w), "ToUpper", 0), "ABC");
    T(pg(w, "Length"), "3");
    val_unref(w);
    Value m = scv("regex", "Match", 2, S("ab"), S("(a)(b)"));
    T(keep_value(mkinds_groups_items(m), 0), "[ab|a|b]");
    CHECK(val_is_null(mkinds_groups_items(val_null())));
    CHECK(val_class(m)->nprops(m) == 6);
    const char *name;
    size_t len;
    Value v;
    val_class(m)->prop_at(m, 0, &name, &len, &v);
    T(name, "Groups");
    val_class(m)->prop_at(m, 5, &name, &len, &v);
    T(name, "Value");
    T(keep_value(val_ref(v), 0), "ab");
    T(mg(mcv(val_ref(m), "GetType", 0), "Name"), "Match");
    val_unref(m);
    MemberError e = {"", ""};
    Value s = S("x");
    CHECK(member_not_found(s, "Zap", 3, &e) == MEMBER_NOTFOUND);
    T(e.msg, "Method invocation failed because [System.String] does not contain a method named "
             "'Zap'.");
    T(e.id, "MethodNotFound");
    val_unref(s);
    const char *tmp = sc("System.IO.Path", "GetTempFileName", 0);
    char path[512];
    snprintf(path, sizeof path, "%s", tmp);
    CHECK(strstr(path, "/tmp") && strcmp(path + strlen(path) - 4, ".tmp") == 0);
    CHECK(remove(path) == 0);
}

static void run_cases(void)
{
    test_constructors();
    test_encoding();
    test_misc_kinds();
    test_string_case_trim();
    test_string_split();
    test_string_replace_sub();
    test_string_utf16();
    test_string_search();
    test_string_misc();
    test_gettype();
    test_numbers();
    test_arrays();
    test_hashtables();
    test_dates();
    test_date_statics();
    test_timespans();
    test_math();
    test_string_statics();
    test_char_statics();
    test_number_statics();
    test_guid();
    test_regex();
    test_path();
    test_environment();
    test_convert();
}

int main(void)
{
    ctx.rx = rx_cache_new();
    ctx.cwd = "/home/user/work";
    run_cases();
    rx_cache_free(ctx.rx);
    return check_done();
}
