/*
** convert: coercions between Values, following PowerShell's LanguagePrimitives as described
** in language.md section 6.  Integer-typed results go through one range table (int_types)
** so every cast shares the rounding (half to even) and overflow messages of .NET.
*/
#include "runtime/convert.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/bigint.h"
#include "runtime/collections.h"
#include "runtime/decimal.h"
#include "runtime/enums.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/nettypes.h"
#include "runtime/object.h"

__extension__ typedef __int128 i128;

int conv_fail(ConvError *err, const char *id, const char *fmt, ...)
{
    if (!err) return -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->id = id;
    return -1;
}

/* ======================================================================== to string */

/* Non-finite values and zeros, which .NET spells out; 0 when d is an ordinary number. */
static int special_g(double d, StrBuf *out)
{
    if (isnan(d))
        sb_puts(out, "NaN");
    else if (isinf(d))
        sb_puts(out, d < 0 ? "-Infinity" : "Infinity");
    else if (d == 0)
        sb_puts(out, signbit(d) ? "-0" : "0"); /* .NET Core 3.0+ keeps the sign of -0 */
    else
        return 0;
    return 1;
}

/*
** |d| rounded to `precision` significant digits (printf rounds the exact binary value half to
** even, as .NET Core 3.0+ does): the digits without trailing zeros in dig, their count in *n,
** and the decimal exponent of the first digit.
*/
static int g_digits(double d, int precision, char *dig, int *n)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", precision - 1, fabs(d));
    const char *p = buf;
    *n = 0;
    for (; *p != 'e'; p++)
        if (*p != '.') dig[(*n)++] = *p;
    while (*n > 1 && dig[*n - 1] == '0')
        (*n)--;
    return atoi(p + 1);
}

/* .NET "G<precision>": fixed notation while -5 < exponent < precision, else d.dddE+XX. */
void convert_double_g(double d, int precision, StrBuf *out)
{
    if (special_g(d, out)) return;
    char dig[40];
    int n, exp = g_digits(d, precision, dig, &n);
    if (d < 0) sb_putc(out, '-');
    if (exp >= precision || exp < -4) {
        sb_putc(out, dig[0]);
        if (n > 1) {
            sb_putc(out, '.');
            sb_append(out, dig + 1, (size_t)n - 1);
        }
        sb_printf(out, "E%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    } else if (exp >= 0) { /* integer digits (zero-padded), then any fraction */
        for (int i = 0; i <= exp; i++)
            sb_putc(out, i < n ? dig[i] : '0');
        if (n > exp + 1) {
            sb_putc(out, '.');
            sb_append(out, dig + exp + 1, (size_t)(n - exp - 1));
        }
    } else { /* 0.000ddd */
        sb_puts(out, "0.");
        for (int i = -1; i > exp; i--)
            sb_putc(out, '0');
        sb_append(out, dig, (size_t)n);
    }
}

#define TICKS_PER_SEC 10000000LL
#define TICKS_PER_DAY (86400LL * TICKS_PER_SEC)

/* Days since 0001-01-01 to a proleptic Gregorian date (Hinnant's civil_from_days). */
static void civil(int64_t days, int *y, int *m, int *d)
{
    int64_t z = days - 719162 + 719468; /* shift to 0000-03-01 */
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

void convert_datetime_str(int64_t ticks, StrBuf *out)
{
    int y, m, d;
    civil(ticks / TICKS_PER_DAY, &y, &m, &d);
    int64_t s = (ticks % TICKS_PER_DAY) / TICKS_PER_SEC;
    sb_printf(out, "%02d/%02d/%04d %02d:%02d:%02d", m, d, y, (int)(s / 3600), (int)(s / 60 % 60),
              (int)(s % 60));
}

void convert_timespan_str(int64_t ticks, StrBuf *out)
{
    uint64_t t = ticks < 0 ? (uint64_t)0 - (uint64_t)ticks : (uint64_t)ticks;
    if (ticks < 0) sb_putc(out, '-');
    uint64_t days = t / TICKS_PER_DAY, s = t % TICKS_PER_DAY / TICKS_PER_SEC;
    if (days) sb_printf(out, "%llu.", (unsigned long long)days);
    sb_printf(out, "%02d:%02d:%02d", (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60));
    if (t % TICKS_PER_SEC) sb_printf(out, ".%07d", (int)(t % TICKS_PER_SEC));
}

static void append_char(uint32_t unit, StrBuf *out)
{
    sb_put_utf8(out, unit);
}

void convert_append_scalar(Value v, StrBuf *out)
{
    switch ((ValKind)v.kind) {
    case VAL_NULL:
    case VAL_AUTONULL:
        return;
    case VAL_BOOL:
        sb_puts(out, v.as.b ? "True" : "False");
        return;
    case VAL_CHAR:
        append_char((uint32_t)v.as.u, out);
        return;
    case VAL_BYTE:
    case VAL_UINT16:
    case VAL_UINT32:
    case VAL_UINT64:
        sb_printf(out, "%llu", (unsigned long long)v.as.u);
        return;
    case VAL_SBYTE:
    case VAL_INT16:
    case VAL_INT32:
    case VAL_INT64:
        sb_printf(out, "%lld", (long long)v.as.i);
        return;
    case VAL_SINGLE:
        convert_double_g(v.as.d, 7, out);
        return;
    case VAL_DOUBLE:
        convert_double_g(v.as.d, 15, out);
        return;
    case VAL_DATETIME:
        convert_datetime_str(v.as.i, out);
        return;
    case VAL_TIMESPAN:
        convert_timespan_str(v.as.i, out);
        return;
    case VAL_OBJ:
        break;
    }
    const ObjClass *c = v.as.o->cls;
    if (c == &cls_string)
        sb_append(out, val_str_data(v), val_str_len(v));
    else if (c->to_string)
        c->to_string(v, out);
    else
        sb_puts(out, c->full_name);
}

/* One item: a numeric command argument ("0x1a") prints as it was written. */
static void append_item(Value v, StrBuf *out)
{
    const char *text = object_src_text(v);
    if (text)
        sb_puts(out, text);
    else
        convert_append_scalar(val_base(v), out);
}

void convert_append_string(Value v, const char *ofs, StrBuf *out)
{
    if (!val_is_array(val_base(v))) {
        append_item(v, out);
        return;
    }
    v = val_base(v);
    for (size_t i = 0; i < arr_len(v); i++) {
        if (i) sb_puts(out, ofs ? ofs : " ");
        append_item(arr_peek(v, i), out);
    }
}

Value convert_to_string(Value v, const char *ofs)
{
    if (val_is_str(v)) return val_ref(v);
    StrBuf sb;
    sb_init(&sb);
    convert_append_string(v, ofs, &sb);
    return val_str_take_sb(&sb);
}

/* A short rendering of v for messages (at most ~200 bytes). */
static const char *show(Value v, char *buf, size_t size)
{
    StrBuf sb;
    sb_init(&sb);
    convert_append_string(v, NULL, &sb);
    snprintf(buf, size, "%s", sb_str(&sb));
    sb_free(&sb);
    return buf;
}

/* ======================================================================== numbers */

/* Integer kinds with their .NET range and overflow wording. */
static const struct IntType {
    TypeId t;
    ValKind k;
    int64_t min;
    uint64_t max;
    const char *what; /* "Value was either too large or too small for <what>." */
} int_types[] = {
    {TY_SBYTE, VAL_SBYTE, -128, 127, "a signed byte"},
    {TY_BYTE, VAL_BYTE, 0, 255, "an unsigned byte"},
    {TY_INT16, VAL_INT16, -32768, 32767, "an Int16"},
    {TY_UINT16, VAL_UINT16, 0, 65535, "a UInt16"},
    {TY_INT32, VAL_INT32, INT32_MIN, INT32_MAX, "an Int32"},
    {TY_UINT32, VAL_UINT32, 0, UINT32_MAX, "a UInt32"},
    {TY_INT64, VAL_INT64, INT64_MIN, INT64_MAX, "an Int64"},
    {TY_UINT64, VAL_UINT64, 0, UINT64_MAX, "a UInt64"},
};

static const struct IntType *int_type(TypeId t)
{
    for (size_t i = 0; i < sizeof int_types / sizeof int_types[0]; i++)
        if (int_types[i].t == t) return &int_types[i];
    return NULL;
}

static int fits(const struct IntType *it, i128 x)
{
    return x >= (i128)it->min && x <= (i128)it->max;
}

/* The integer in an integer-kind Value. */
static i128 int_of(Value v)
{
    if (v.kind == VAL_BYTE || v.kind == VAL_UINT16 || v.kind == VAL_UINT32 ||
        v.kind == VAL_UINT64 || v.kind == VAL_CHAR)
        return (i128)v.as.u;
    return (i128)v.as.i;
}

static Value make_int(const struct IntType *it, i128 x)
{
    Value v = val_make(it->k);
    if (it->min < 0)
        v.as.i = (int64_t)x;
    else
        v.as.u = (uint64_t)x;
    return v;
}

/* Smallest of Int32, Int64, Decimal, Double holding x (a literal without suffix). */
static Value natural_int(i128 x)
{
    if (fits(int_type(TY_INT32), x)) return val_int((int32_t)x);
    if (fits(int_type(TY_INT64), x)) return val_long((int64_t)x);
    i128 mag = x < 0 ? -x : x;
    if (mag < ((i128)1 << 96)) { /* hi * 2^64 + lo, exactly */
        Decimal d = dec_from_uint64((uint64_t)mag), hi = dec_from_uint64((uint64_t)(mag >> 64));
        Decimal two64 = dec_from_uint64(UINT64_C(1) << 63);
        dec_add(two64, two64, &two64);
        dec_mul(hi, two64, &hi);
        dec_add(hi, d, &d);
        return dec_value(x < 0 ? dec_neg(d) : d);
    }
    return val_double((double)x);
}

typedef struct NumText {
    int neg;            /* leading '-' */
    int radix;          /* 10, 16 or 2 */
    int real;           /* has '.' or an exponent */
    const char *digits; /* the number's text without sign and prefix */
    size_t ndigits;     /* its length */
    char suffix[3]; /* type suffix, lowercase: "", "l", "u", "ul", "us", "uy", "s", "y", "d", "n" */
    int64_t mult;   /* kb..pb multiplier, 1 when none */
} NumText;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int lower(char c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int is_digit_in(char c, int radix)
{
    if (radix == 2) return c == '0' || c == '1';
    if (radix == 16) return (c >= '0' && c <= '9') || (lower(c) >= 'a' && lower(c) <= 'f');
    return c >= '0' && c <= '9';
}

/* Decimal mantissa: digits [. digits] [e [+-] digits]; returns the end. */
static size_t scan_real(const char *s, size_t len, size_t i, int *real)
{
    size_t start = i;
    while (i < len && is_digit_in(s[i], 10))
        i++;
    if (i < len && s[i] == '.') {
        *real = 1;
        i++;
        while (i < len && is_digit_in(s[i], 10))
            i++;
    }
    if (i == start || (i == start + 1 && s[start] == '.')) return start;
    if (i < len && lower(s[i]) == 'e') {
        size_t j = i + 1;
        if (j < len && (s[j] == '+' || s[j] == '-')) j++;
        if (j < len && is_digit_in(s[j], 10)) {
            *real = 1;
            for (i = j; i < len && is_digit_in(s[i], 10); i++)
                ;
        }
    }
    return i;
}

static const char *const suffixes[] = {"ul", "us", "uy", "l", "u", "s", "y", "d", "n"};
static const char *const multipliers[] = {"kb", "mb", "gb", "tb", "pb"};

/* Type suffix then multiplier, which must end the text. */
static int scan_suffix(const char *s, size_t len, size_t i, NumText *nt)
{
    nt->suffix[0] = '\0';
    nt->mult = 1;
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
        size_t n = strlen(suffixes[k]);
        if (len - i >= n && str_nicmp(s + i, suffixes[k], n) == 0 &&
            !(nt->radix == 16 && suffixes[k][0] == 'd')) {
            memcpy(nt->suffix, suffixes[k], n + 1);
            i += n;
            break;
        }
    }
    for (int k = 0; k < 5 && len - i >= 2; k++)
        if (str_nicmp(s + i, multipliers[k], 2) == 0) {
            nt->mult = (int64_t)1 << (10 * (k + 1));
            i += 2;
            break;
        }
    return i == len ? 0 : -1;
}

static int scan_number(const char *s, size_t len, NumText *nt)
{
    size_t i = 0;
    memset(nt, 0, sizeof *nt);
    if (i < len && (s[i] == '+' || s[i] == '-')) nt->neg = s[i++] == '-';
    nt->radix = 10;
    size_t prefix = 2;
    if (len - i > 2 && s[i] == '0' && (lower(s[i + 1]) == 'x' || lower(s[i + 1]) == 'b'))
        nt->radix = lower(s[i + 1]) == 'x' ? 16 : 2;
    else if (len - i > 2 && s[i] == '&' && lower(s[i + 1]) == 'h')
        nt->radix = 16;
    else if (len - i > 1 && s[i] == '#') /* pwsh's string-to-number also takes "#FF" */
        nt->radix = 16, prefix = 1;
    size_t start = nt->radix == 10 ? i : i + prefix, end = start;
    if (nt->radix == 10)
        end = scan_real(s, len, start, &nt->real);
    else
        while (end < len && is_digit_in(s[end], nt->radix))
            end++;
    if (end == start) return -1;
    nt->digits = s + start;
    nt->ndigits = end - start;
    return scan_suffix(s, len, end, nt);
}

/* Hex/binary digits as raw bits, with the two's complement rule of language.md 1.5. */
static int radix_value(const NumText *nt, i128 *out, int *width)
{
    uint64_t u = 0;
    size_t n = nt->ndigits;
    int bits = nt->radix == 16 ? 4 : 1;
    if (n * (size_t)bits > 64) /* leading zeros aside, too wide */
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = lower(nt->digits[i]);
        u = (u << bits) | (uint64_t)(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    *width = (int)n * bits;
    *out = (i128)u;
    return 0;
}

/* Read an integer suffix's bits as that type: 0xFFFFs -> -1. */
static int apply_int_suffix(const NumText *nt, i128 x, int width, Value *out)
{
    static const struct {
        const char *suf;
        TypeId t;
        int bits;
    } map[] = {{"l", TY_INT64, 64},   {"u", TY_UINT32, 32}, {"ul", TY_UINT64, 64},
               {"us", TY_UINT16, 16}, {"uy", TY_BYTE, 8},   {"s", TY_INT16, 16},
               {"y", TY_SBYTE, 8}};
    for (size_t k = 0; k < sizeof map / sizeof map[0]; k++) {
        if (strcmp(map[k].suf, nt->suffix) != 0) continue;
        const struct IntType *it = int_type(map[k].t);
        if (map[k].t == TY_UINT32 && x > (i128)UINT32_MAX) it = int_type(TY_UINT64);
        if (nt->radix != 10 && it->min < 0 && width >= map[k].bits &&
            x >= ((i128)1 << (map[k].bits - 1)) && x < ((i128)1 << map[k].bits))
            x -= (i128)1 << map[k].bits;
        if (nt->neg) x = -x;
        x *= nt->mult;
        if (!fits(it, x)) return -1;
        *out = make_int(it, x);
        return 0;
    }
    return -1;
}

static int radix_number(const NumText *nt, Value *out)
{
    i128 x;
    int width;
    if (radix_value(nt, &x, &width)) return -1;
    if (nt->suffix[0]) return apply_int_suffix(nt, x, width, out);
    int n = (int)nt->ndigits;
    if (nt->radix == 16 && n <= 8 && x >= ((i128)1 << 31))
        x -= (i128)1 << 32;
    else if (nt->radix == 16 && n > 8 && n <= 16 && x >= ((i128)1 << 63))
        x -= (i128)1 << 64;
    else if (nt->radix == 2 && n % 8 == 0 && n <= 32 && nt->digits[0] == '1')
        x -= (i128)1 << n;
    else if (nt->radix == 2 && n > 32 && n <= 64 && x >= ((i128)1 << 63))
        x -= (i128)1 << 64;
    if (nt->neg) x = -x;
    *out = natural_int(x * nt->mult);
    return 0;
}

static int decimal_number(const NumText *nt, Value *out)
{
    Decimal d;
    if (!dec_parse(nt->digits, nt->ndigits, &d)) return -1;
    if (nt->neg) d = dec_neg(d);
    if (nt->mult != 1 && !dec_mul(d, dec_from_int64(nt->mult), &d)) return -1;
    *out = dec_value(d);
    return 0;
}

/* Base 10: integers pick the first type that holds them, reals are Double. */
static int decimal_text_number(const NumText *nt, Value *out)
{
    if (strcmp(nt->suffix, "d") == 0) return decimal_number(nt, out);
    if (strcmp(nt->suffix, "n") == 0) return -1; /* BigInteger is not supported */
    char buf[128];
    if (nt->ndigits >= sizeof buf) return -1;
    memcpy(buf, nt->digits, nt->ndigits);
    buf[nt->ndigits] = '\0';
    double d = strtod(buf, NULL);
    if (nt->neg) d = -d;
    if (nt->real && !nt->suffix[0]) {
        *out = val_double(d * (double)nt->mult);
        return 0;
    }
    if (nt->real || fabs(d) * (double)nt->mult >= 1e30) { /* keeps the i128 math below exact */
        if (!nt->suffix[0]) {                             /* integer too big for Decimal */
            *out = val_double(d * (double)nt->mult);
            return 0;
        }
        d = nearbyint(d);
        if (fabs(d) >= 1.9e19) return -1;
        NumText t = *nt;
        t.neg = d < 0;
        return apply_int_suffix(&t, (i128)fabs(d), 64, out);
    }
    i128 x = 0;
    for (size_t i = 0; i < nt->ndigits; i++)
        x = x * 10 + (nt->digits[i] - '0');
    if (nt->suffix[0]) return apply_int_suffix(nt, x, 0, out);
    *out = natural_int((nt->neg ? -x : x) * nt->mult);
    return 0;
}

int convert_parse_number(const char *s, size_t len, Value *out)
{
    while (len && is_space(*s))
        s++, len--;
    while (len && is_space(s[len - 1]))
        len--;
    if (len == 0) {
        *out = val_int(0);
        return 0;
    }
    NumText nt;
    if (scan_number(s, len, &nt)) return -1;
    return nt.radix == 10 ? decimal_text_number(&nt, out) : radix_number(&nt, out);
}

Value convert_numlit(const NumLit *n, const char *text, size_t len)
{
    static const ValKind kinds[] = {
        [NUM_INT32] = VAL_INT32,   [NUM_INT64] = VAL_INT64,   [NUM_DOUBLE] = VAL_DOUBLE,
        [NUM_DECIMAL] = VAL_OBJ,   [NUM_INT16] = VAL_INT16,   [NUM_UINT16] = VAL_UINT16,
        [NUM_UINT32] = VAL_UINT32, [NUM_UINT64] = VAL_UINT64, [NUM_SBYTE] = VAL_SBYTE,
        [NUM_BYTE] = VAL_BYTE,     [NUM_BIGINT] = VAL_DOUBLE};
    Value v;
    if (n->type == NUM_DECIMAL && text && convert_parse_number(text, len, &v) == 0) return v;
    if (n->type == NUM_BIGINT && text && bigint_parse_literal(text, len, &v) == 0) return v;
    if (n->type == NUM_BIGINT && bigint_from_double(n->v.d, &v) == 0) return v;
    if (n->type == NUM_DECIMAL || n->type == NUM_BIGINT || n->type == NUM_DOUBLE)
        return val_double(n->v.d);
    v = val_make(kinds[n->type]);
    v.as.u = n->v.u; /* signed kinds share the bits of v.i */
    return v;
}

static int fail_string_cast(ConvError *err, Value v, TypeId t, const char *why)
{
    char b[256];
    const char *id =
        int_type(t) ? "InvalidCastFromStringToInteger" : "InvalidCastParseTargetInvocation";
    return conv_fail(err, id, "Cannot convert value \"%s\" to type \"%s\". Error: \"%s\"",
                     show(v, b, sizeof b), type_fullname(t), why);
}

static int fail_bad_format(ConvError *err, Value v, TypeId t)
{
    char b[200], why[260];
    snprintf(why, sizeof why, "The input string '%s' was not in a correct format.",
             show(v, b, sizeof b));
    return fail_string_cast(err, v, t, why);
}

static int fail_invalid_cast(ConvError *err, Value v, const char *to)
{
    char b[256];
    return conv_fail(err, "ConvertToFinalInvalidCastException",
                     "Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".",
                     show(v, b, sizeof b), val_type_fullname(v), to);
}

/* An enum as its underlying number, a BigInteger as Int64 when it fits, else Double. */
static int foreign_number(Value v, Value *out)
{
    int64_t i;
    if (val_is_enum(v)) {
        i = enum_value(v);
        *out = i >= INT32_MIN && i <= INT32_MAX ? val_int((int32_t)i) : val_long(i);
        return 1;
    }
    if (!val_is_bigint(v)) return 0;
    *out = bigint_to_int64(v, &i) == 0 ? val_long(i) : val_double(bigint_to_double(v));
    return 1;
}

int convert_to_number(Value v, TypeId want, Value *out, ConvError *err)
{
    v = val_base(v);
    if (val_is_number(v)) {
        *out = val_ref(v);
        return 0;
    }
    switch ((ValKind)v.kind) {
    case VAL_NULL:
    case VAL_AUTONULL:
        *out = val_int(0);
        return 0;
    case VAL_BOOL:
        *out = val_int(v.as.b);
        return 0;
    case VAL_CHAR:
        *out = val_int((int32_t)v.as.u);
        return 0;
    default:
        break;
    }
    if (val_is_str(v)) {
        if (convert_parse_number(val_str_data(v), val_str_len(v), out) == 0) return 0;
        return fail_bad_format(err, v, want);
    }
    if (foreign_number(v, out)) return 0;
    return fail_invalid_cast(err, v, type_fullname(want));
}

/* ======================================================================== truthiness */

int convert_truthy(Value v)
{
    v = val_base(v);
    switch ((ValKind)v.kind) {
    case VAL_NULL:
    case VAL_AUTONULL:
        return 0;
    case VAL_BOOL:
        return v.as.b;
    case VAL_SINGLE:
    case VAL_DOUBLE:
        return v.as.d != 0;
    case VAL_DATETIME: /* structs, not numbers: always true */
    case VAL_TIMESPAN:
        return 1;
    case VAL_OBJ:
        break;
    default:
        return v.as.u != 0;
    }
    if (val_is_str(v)) return val_str_len(v) != 0;
    if (val_is_decimal(v)) return !dec_is_zero(dec_of(v));
    if (val_is_array(v)) {
        size_t n = arr_len(v);
        return n > 1 || (n == 1 && convert_truthy(arr_peek(v, 0)));
    }
    return 1;
}

/* ======================================================================== casts */

static int fail_overflow(ConvError *err, Value v, TypeId t, const char *what)
{
    char b[256];
    return conv_fail(err, "InvalidCastIConvertible",
                     "Cannot convert value \"%s\" to type \"%s\". Error: \"Value was either too "
                     "large or too small for %s.\"",
                     show(v, b, sizeof b), type_fullname(t), what);
}

/* A number-like value as an exact integer after rounding half to even; 0 when it has none. */
static int round_int(Value n, i128 *x)
{
    if (n.kind == VAL_BOOL) {
        *x = n.as.b;
        return 1;
    }
    if (val_is_integer(n) || n.kind == VAL_CHAR) {
        *x = int_of(n);
        return 1;
    }
    if (n.kind == VAL_DOUBLE || n.kind == VAL_SINGLE) {
        double r = nearbyint(n.as.d);
        if (!isfinite(r) || fabs(r) > 3.7e19) return 0;
        *x = (i128)r;
        return 1;
    }
    Decimal d = dec_of(n);
    int64_t i;
    uint64_t u;
    if (dec_to_int64(d, &i))
        *x = i;
    else if (dec_to_uint64(d, &u))
        *x = u;
    else
        return 0;
    return 1;
}

/* Strings and $null become numbers first; other non-numbers cannot convert. */
static int numeric_source(Value v, TypeId t, Value *num, ConvError *err)
{
    if (val_is_number(v) || v.kind == VAL_BOOL || v.kind == VAL_CHAR) {
        *num = val_ref(v);
        return 0;
    }
    return convert_to_number(v, t, num, err);
}

static int to_integer(Value v, TypeId t, Value *out, ConvError *err)
{
    const struct IntType *it = int_type(t);
    Value num;
    if (numeric_source(v, t, &num, err)) return -1;
    i128 x = 0;
    int ok = round_int(num, &x) && fits(it, x);
    val_unref(num);
    if (!ok) return fail_overflow(err, v, t, it->what);
    *out = make_int(it, x);
    return 0;
}

static double num_double(Value n)
{
    if (n.kind == VAL_DOUBLE || n.kind == VAL_SINGLE) return n.as.d;
    if (n.kind == VAL_BOOL) return n.as.b;
    if (val_is_decimal(n)) return dec_to_double(dec_of(n));
    return (double)int_of(n);
}

static Decimal num_dec(Value n)
{
    if (val_is_decimal(n)) return dec_of(n);
    i128 x = int_of(n);
    if (n.kind == VAL_BOOL) x = n.as.b;
    return x < 0 ? dec_from_int64((int64_t)x) : dec_from_uint64((uint64_t)x);
}

static int special_double(Value v, double *d)
{
    static const struct {
        const char *s;
        double d;
    } names[] = {{"NaN", NAN}, {"Infinity", INFINITY}, {"-Infinity", -INFINITY}};
    for (size_t i = 0; val_is_str(v) && i < 3; i++)
        if (str_icmp(val_str_data(v), names[i].s) == 0) return *d = names[i].d, 1;
    return 0;
}

static int to_double(Value v, TypeId t, Value *out, ConvError *err)
{
    double d;
    Value num;
    if (!special_double(v, &d)) {
        if (numeric_source(v, t, &num, err)) return -1;
        d = num_double(num);
        val_unref(num);
    }
    *out = t == TY_SINGLE ? val_single((float)d) : val_double(d);
    return 0;
}

static int to_decimal(Value v, Value *out, ConvError *err)
{
    Decimal d;
    if (val_is_str(v)) { /* keep the written scale: [decimal]"1.30" -> 1.30 */
        const char *s = val_str_data(v);
        size_t len = val_str_len(v);
        while (len && is_space(*s))
            s++, len--;
        while (len && is_space(s[len - 1]))
            len--;
        if (len && dec_parse(s, len, &d)) return *out = dec_value(d), 0;
    }
    Value num;
    if (numeric_source(v, TY_DECIMAL, &num, err)) return -1;
    int ok = 1;
    if (num.kind == VAL_DOUBLE || num.kind == VAL_SINGLE)
        ok = dec_from_double(num.as.d, &d);
    else
        d = num_dec(num);
    val_unref(num);
    if (!ok) return fail_overflow(err, v, TY_DECIMAL, "a Decimal");
    *out = dec_value(d);
    return 0;
}

static int to_char(Value v, Value *out, ConvError *err)
{
    if (val_is_str(v)) {
        size_t n;
        if (val_str_len16(v) != 1)
            return fail_string_cast(err, v, TY_CHAR, "String must be exactly one character long.");
        *out = val_char(utf8_decode(val_str_data(v), val_str_len(v), &n));
        return 0;
    }
    if (v.kind == VAL_CHAR) return *out = v, 0;
    if (val_is_null(v)) return *out = val_char(0), 0;
    if (v.kind == VAL_BOOL || !val_is_number(v)) return fail_invalid_cast(err, v, "System.Char");
    i128 x;
    if (!round_int(v, &x) || x < 0 || x > 0xFFFF)
        return fail_overflow(err, v, TY_CHAR, "a character");
    *out = val_char((uint32_t)x);
    return 0;
}

/* [char[]]'abc' splits a string into its UTF-16 units (surrogate pairs kept as code points). */
static Value chars_of(Value s)
{
    const char *p = val_str_data(s);
    size_t len = val_str_len(s), n;
    Value a = arr_new(TY_CHAR, len);
    for (size_t i = 0; i < len; i += n) {
        uint32_t cp = utf8_decode(p + i, len - i, &n);
        if (cp > 0xFFFF) {
            arr_push(a, val_char(0xD800 + ((cp - 0x10000) >> 10)));
            cp = 0xDC00 + ((cp - 0x10000) & 0x3FF);
        }
        arr_push(a, val_char(cp));
    }
    return a;
}

static int to_array(Value v, TypeId elem, Value *out, ConvError *err)
{
    if (val_is_null(v)) return *out = val_null(), 0;
    if (elem == TY_CHAR && val_is_str(v)) return *out = chars_of(v), 0;
    if (val_is_array(v) && arr_elem_type(v) == elem && !coll_is_list(v))
        return *out = val_ref(v), 0;
    size_t n = val_is_array(v) ? arr_len(v) : 1;
    Value a = arr_new(elem, n);
    for (size_t i = 0; i < n; i++) {
        Value e, item = val_is_array(v) ? arr_peek(v, i) : v;
        if (convert_to(item, elem, 0, &e, err)) {
            val_unref(a);
            return -1;
        }
        arr_push_take(a, e);
    }
    *out = a;
    return 0;
}

static int to_dictionary(Value v, TypeId t, Value *out, ConvError *err)
{
    if (val_is_null(v)) return *out = val_null(), 0;
    if (!ht_is(v)) return fail_invalid_cast(err, v, type_fullname(t));
    if (val_type_id(v) == t) return *out = val_ref(v), 0;
    Value h = ht_new(t == TY_ORDERED);
    for (size_t i = 0; i < ht_count(v); i++) {
        Value k, x;
        ht_entry_peek(v, i, &k, &x);
        ht_set(h, k, x);
    }
    *out = h;
    return 0;
}

static int to_custom(Value v, Value *out)
{
    if (!ht_is(v)) return *out = val_ref(v), 0;
    *out = object_from_dict(v); /* keys in order; PSTypeName names the type */
    return 0;
}

static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + 719162;
}

/* "yyyy-MM-dd[( |T)HH:mm[:ss]]" or "MM/dd/yyyy[ HH:mm[:ss]]" (invariant culture). */
static int parse_datetime(const char *s, int64_t *ticks)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, n = 0;
    char sep;
    int ys = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 &&
        sscanf(s, "%2d/%2d/%n%4d%n", &mo, &d, &ys, &y, &n) != 3)
        return 0;
    if (ys && n - ys <= 2) y += y < 50 ? 2000 : 1900; /* .NET's TwoDigitYearMax is 2049 */
    s += n;
    if (*s && (sscanf(s, "%c%2d:%2d%n", &sep, &h, &mi, &n) < 3 || (sep != ' ' && sep != 'T')))
        return 0;
    if (*s) s += n;
    if (*s == ':' && sscanf(s, ":%2d%n", &sec, &n) == 1) s += n;
    if (*s || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 || y < 1)
        return 0;
    *ticks = days_from_civil(y, mo, d) * TICKS_PER_DAY +
             ((int64_t)h * 3600 + mi * 60 + sec) * TICKS_PER_SEC;
    return 1;
}

static int to_datetime(Value v, Value *out, ConvError *err)
{
    int64_t t;
    if (v.kind == VAL_DATETIME) return *out = v, 0;
    if (val_is_str(v) && parse_datetime(val_str_data(v), &t)) return *out = val_datetime(t, 0), 0;
    if (val_is_str(v))
        return fail_string_cast(err, v, TY_DATETIME,
                                "String was not recognized as a valid DateTime.");
    return fail_invalid_cast(err, v, "System.DateTime");
}

/* Digits at *p (at most maxd of them) as a number; -1 when there are none. */
static int64_t span_digits(const char **p, int maxd)
{
    int64_t x = 0;
    int n = 0;
    for (; **p >= '0' && **p <= '9' && n < maxd; (*p)++, n++)
        x = x * 10 + (**p - '0');
    return n ? x : -1;
}

/* .NET TimeSpan.Parse (invariant): [ws][-]{ d | [d.]hh:mm[:ss[.fffffff]] }[ws]. */
static int parse_timespan(const char *p, int64_t *ticks)
{
    while (is_space(*p))
        p++;
    int neg = *p == '-';
    if (neg) p++;
    int64_t d = 0, h = span_digits(&p, 8), m = 0, sec = 0, frac = 0;
    if (h < 0) return 0;
    if (*p == '.') { /* d.hh:mm... */
        p++;
        d = h;
        if ((h = span_digits(&p, 2)) < 0 || *p != ':') return 0;
    }
    if (*p == ':') {
        p++;
        if ((m = span_digits(&p, 2)) < 0) return 0;
        if (*p == ':') {
            p++;
            if ((sec = span_digits(&p, 2)) < 0) return 0;
            if (*p == '.') {
                p++;
                const char *f = p;
                if ((frac = span_digits(&p, 7)) < 0) return 0;
                for (ptrdiff_t k = p - f; k < 7; k++)
                    frac *= 10;
            }
        }
        if (h > 23 || m > 59 || sec > 59) return 0;
    } else if (d == 0) { /* a lone number is days */
        d = h, h = 0;
    }
    while (is_space(*p))
        p++;
    if (*p) return 0;
    int64_t t = (((d * 24 + h) * 60 + m) * 60 + sec) * TICKS_PER_SEC + frac;
    *ticks = neg ? -t : t;
    return 1;
}

static int to_timespan(Value v, Value *out, ConvError *err)
{
    int64_t t;
    if (v.kind == VAL_TIMESPAN) return *out = v, 0;
    if (val_is_integer(v)) return *out = val_timespan((int64_t)int_of(v)), 0;
    if (val_is_str(v)) {
        if (parse_timespan(val_str_data(v), &t)) return *out = val_timespan(t), 0;
        return fail_string_cast(err, v, TY_TIMESPAN,
                                "String was not recognized as a valid TimeSpan.");
    }
    return fail_invalid_cast(err, v, "System.TimeSpan");
}

static int to_type(Value v, Value *out, ConvError *err)
{
    if (val_is(v, &cls_typeref)) return *out = val_ref(v), 0;
    if (!val_is_str(v)) return fail_invalid_cast(err, v, "System.Type");
    *out = typeref_parse(val_str_data(v), val_str_len(v));
    return 0;
}

int convert_to(Value v, TypeId t, int is_array, Value *out, ConvError *err)
{
    if (t == TY_OBJECT && !is_array) return *out = val_ref(v), 0;
    if (t == TY_PSOBJECT && !is_array)
        return *out = val_is_null(v) ? val_null() : object_wrap(v), 0;
    if (t == TY_STRING && !is_array && object_src_text(v)) /* [string] of "0x1a" as written */
        return *out = val_str(object_src_text(v)), 0;
    v = val_base(v);
    if (is_array) return to_array(v, t, out, err);
    if (int_type(t)) return to_integer(v, t, out, err);
    switch (t) {
    case TY_BOOL:
        return *out = val_bool(convert_truthy(v)), 0;
    case TY_SWITCH: /* [switch]$true: a SwitchParameter */
        return *out = object_wrap_switch(convert_truthy(v)), 0;
    case TY_CHAR:
        return to_char(v, out, err);
    case TY_SINGLE:
    case TY_DOUBLE:
        return to_double(v, t, out, err);
    case TY_DECIMAL:
        return to_decimal(v, out, err);
    case TY_STRING:
        return *out = convert_to_string(v, NULL), 0;
    case TY_ARRAY: /* any array already is a System.Array (an ArrayList or List is not) */
        if (val_is_array(v) && !coll_is_list(v)) return *out = val_ref(v), 0;
        return to_array(v, TY_OBJECT, out, err);
    case TY_HASHTABLE:
    case TY_ORDERED:
        return to_dictionary(v, t, out, err);
    case TY_PSCUSTOMOBJECT:
        return to_custom(v, out);
    case TY_DATETIME:
        return to_datetime(v, out, err);
    case TY_TIMESPAN:
        return to_timespan(v, out, err);
    case TY_TYPE:
        return to_type(v, out, err);
    case TY_VOID:
        return *out = val_autonull(), 0;
    default:
        break;
    }
    if (val_is_null(v)) return *out = val_null(), 0;
    if (val_type_id(v) == t) return *out = val_ref(v), 0;
    return fail_invalid_cast(err, v, type_fullname(t));
}

int convert_to_type(Value v, Value typeref, Value *out, ConvError *err)
{
    TypeId t = typeref_id(typeref);
    if (t != TY_OTHER) return convert_to(v, t, typeref_is_array(typeref), out, err);
    const char *full = typeref_fullname(typeref); /* ArrayList, List[T] ... (collections.h) */
    int rc = coll_convert(v, full, strlen(full), out, err);
    if (rc <= 0) return rc;
    if (!typeref_is_array(typeref) && nettype_convert(full, strlen(full), v, out, err, &rc))
        return rc;
    if (convert_is_type(v, typeref)) return *out = val_ref(v), 0;
    return fail_invalid_cast(err, val_base(v), typeref_fullname(typeref));
}

/* Value types cannot be seen as object[] elements (int[] -is [object[]] is False). */
static int is_value_type(TypeId t)
{
    return t <= TY_TIMESPAN && t != TY_OBJECT && t != TY_STRING;
}

int convert_is(Value v, TypeId t, int is_array)
{
    if (val_is_null(v)) return 0;
    if (t == TY_PSOBJECT && !is_array)
        return val_is(v, &cls_psobject) || val_is(v, &cls_pscustomobject);
    if (t == TY_SWITCH && !is_array) return object_is_switch(v);
    v = val_base(v);
    if (is_array) {
        if (!val_is_array(v)) return 0;
        TypeId e = arr_elem_type(v);
        return e == t || (t == TY_OBJECT && !is_value_type(e));
    }
    if (t == TY_OBJECT) return 1;
    if (t == TY_ARRAY && coll_is_list(v)) return 0; /* ArrayList, List[T] (collections.h) */
    return val_type_id(v) == t;
}

int convert_is_type(Value v, Value typeref)
{
    TypeId t = typeref_id(typeref);
    if (t != TY_OTHER) return convert_is(v, t, typeref_is_array(typeref));
    if (val_is_null(v)) return 0;
    const char *want = typeref_fullname(typeref); /* [ErrorRecord] may name a class briefly */
    /* List[T], ArrayList ... (collections.h) */
    int coll = coll_is_type(v, want, strlen(want));
    if (coll >= 0) return coll;
    int is = typeref_is_array(typeref) ? -1 : nettype_is(want, strlen(want), v);
    if (is >= 0) return is;
    return str_icmp(val_type_fullname(v), want) == 0 || str_icmp(val_type_name(v), want) == 0;
}

Value convert_as(Value v, Value typeref)
{
    Value out;
    if (convert_to_type(v, typeref, &out, NULL)) return val_null();
    return out;
}

/* ======================================================================== comparison */

/*
** Primary weights of ASCII in ICU's root collation, which .NET uses for culture comparisons on
** Linux: white space, then punctuation and symbols (_ - , ; : ! ? . ' " ( ) [ ] { } @ * / \ & #
** % ` ^ + < = > | ~ $), then digits, then letters (case folded: the tie is settled later).
*/
/* clang-format off */
static const uint8_t ascii_rank[128] = {
     0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  2,  3,  4,  5,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     6, 12, 16, 28, 38, 29, 27, 15, 17, 18, 24, 32,  9,  8, 14, 25,
    39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 11, 10, 33, 34, 35, 13,
    23, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
    64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 19, 26, 20, 31,  7,
    30, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
    64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 21, 36, 22, 37,  0,
};
/* clang-format on */

/* The primary key of code point cp: other control characters first (in code order), ASCII
 * by rank, anything else after all of ASCII. */
static uint32_t coll_key(uint32_t cp)
{
    if (cp >= 128) return 256 + uc_fold(cp);
    return ascii_rank[cp] ? 128u + ascii_rank[cp] : cp;
}

int convert_strcoll(const char *a, size_t alen, const char *b, size_t blen, int cs)
{
    size_t i = 0, j = 0, n, m;
    int tie = 0; /* first case difference: -1 when a has the lowercase letter */
    while (i < alen && j < blen) {
        uint32_t x = utf8_decode(a + i, alen - i, &n), y = utf8_decode(b + j, blen - j, &m);
        uint32_t kx = coll_key(x), ky = coll_key(y);
        if (kx != ky) return kx < ky ? -1 : 1;
        if (!tie && x != y) tie = x == uc_fold(x) ? -1 : 1;
        i += n;
        j += m;
    }
    if (i < alen || j < blen) return i < alen ? 1 : -1;
    return cs ? tie : 0;
}

static int is_numeric(Value v)
{
    return val_is_number(v);
}

/* Compare two numbers exactly enough: doubles as doubles, then decimals, then integers. */
static int num_cmp(Value a, Value b)
{
    if (a.kind == VAL_DOUBLE || a.kind == VAL_SINGLE || b.kind == VAL_DOUBLE ||
        b.kind == VAL_SINGLE) {
        double x = num_double(a), y = num_double(b);
        if (isnan(x) || isnan(y))
            return isnan(x) ? (isnan(y) ? 0 : -1) : 1; /* .NET: NaN sorts first */
        return x < y ? -1 : x > y;
    }
    if (val_is_decimal(a) || val_is_decimal(b)) return dec_cmp(num_dec(a), num_dec(b));
    i128 x = int_of(a), y = int_of(b);
    return x < y ? -1 : x > y;
}

/* The right operand as a number comparable with the numeric left operand. */
static int rhs_number(Value a, Value b, Value *nb, ConvError *err)
{
    if (is_numeric(b)) return *nb = val_ref(b), 0;
    if (b.kind == VAL_BOOL || b.kind == VAL_CHAR)
        return *nb = val_int((int32_t)(b.kind == VAL_BOOL ? (uint64_t)b.as.b : b.as.u)), 0;
    if (val_is_str(b)) return convert_to(b, val_type_id(a), 0, nb, err);
    return fail_invalid_cast(err, b, val_type_fullname(a));
}

/* The right operand as a char code for a char left operand. */
static int rhs_char(Value b, uint32_t *c)
{
    if (b.kind == VAL_CHAR) {
        *c = (uint32_t)b.as.u;
        return 1;
    }
    size_t n;
    if (val_is_str(b) && val_str_len16(b) == 1) {
        *c = utf8_decode(val_str_data(b), val_str_len(b), &n);
        return 1;
    }
    return 0;
}

static int str_order(Value a, Value b, int cs)
{
    Value s = convert_to_string(b, NULL);
    int r = convert_strcoll(val_str_data(a), val_str_len(a), val_str_data(s), val_str_len(s), cs);
    val_unref(s);
    return r;
}

/* Identity, or the class's own equality for two objects of one class. */
static int same_value(Value a, Value b)
{
    if (val_identical(a, b)) return 1;
    return a.kind == VAL_OBJ && b.kind == VAL_OBJ && a.as.o->cls == b.as.o->cls &&
           a.as.o->cls->equals && a.as.o->cls->equals(a, b);
}

/* pwsh's second chance: convert the right operand to the left's type and compare again
 * ([datetime]'2024-01-01' -eq '2024-01-01', [int] -eq 'int').  A failed conversion is false. */
static int equal_converted(Value a, Value b)
{
    TypeId t = val_type_id(a);
    if (t == TY_OTHER || t == TY_OBJECT || t == TY_ARRAY || val_type_id(b) == t) return 0;
    Value nb;
    if (convert_to(b, t, 0, &nb, NULL)) return 0;
    int r = same_value(a, nb);
    val_unref(nb);
    return r;
}

/* Both operands as BigIntegers (or as doubles when either is floating). */
static int bigint_order(Value a, Value b, int *cmp, ConvError *err)
{
    if (a.kind == VAL_DOUBLE || a.kind == VAL_SINGLE || b.kind == VAL_DOUBLE ||
        b.kind == VAL_SINGLE) {
        double x = val_is_bigint(a) ? bigint_to_double(a) : num_double(a),
               y = val_is_bigint(b) ? bigint_to_double(b) : num_double(b);
        return *cmp = x < y ? -1 : x > y, 1;
    }
    Value x, y;
    int rc;
    if (bigint_from_value(a, &x)) return -1;
    if (!nettype_convert("bigint", 6, b, &y, err, &rc) || rc) return val_unref(x), -1;
    *cmp = bigint_cmp(x, y);
    val_unref(x), val_unref(y);
    return 1;
}

/*
** Ordering of the types of nettypes.h, the right operand converting to the left's type:
** BigInteger (also against a number on the left), enums (by value: [DayOfWeek]::Monday -eq
** 'monday' and -eq 1) and Version.  1: *cmp set; 0: not such a type; -1: b does not convert.
*/
static int foreign_order(Value a, Value b, int *cmp, ConvError *err)
{
    if (val_is_bigint(a) || (val_is_bigint(b) && is_numeric(a)))
        return bigint_order(a, b, cmp, err);
    Value y;
    int rc;
    if (val_is_enum(a)) {
        if (enum_convert(enum_type_of(a), b, &y, err)) return -1;
        int64_t p = enum_value(a), q = enum_value(y);
        val_unref(y);
        return *cmp = p < q ? -1 : p > q, 1;
    }
    if (!val_is(a, &cls_version)) return 0;
    if (!nettype_convert("version", 7, b, &y, err, &rc) || rc) return -1;
    *cmp = nettype_version_cmp(a, y);
    val_unref(y);
    return 1;
}

/* Both operands inline numbers (Int32, Double, ...): the common `$i -eq 0` needs no
 * conversion and no look at the extended types, so it skips straight to num_cmp. */
static int inline_numbers(Value a, Value b)
{
    return a.kind >= VAL_SBYTE && a.kind <= VAL_DOUBLE && b.kind >= VAL_SBYTE &&
           b.kind <= VAL_DOUBLE;
}

int convert_equal(Value a, Value b, int cs)
{
    if (inline_numbers(a, b)) return num_cmp(a, b) == 0;
    a = val_base(a);
    b = val_base(b);
    if (val_is_null(a) || val_is_null(b)) return val_is_null(a) && val_is_null(b);
    int fc, fr = foreign_order(a, b, &fc, NULL);
    if (fr) return fr > 0 && fc == 0;
    if (val_is_str(a)) return str_order(a, b, cs) == 0;
    if (is_numeric(a)) {
        Value nb;
        if (rhs_number(a, b, &nb, NULL)) return 0;
        int r = num_cmp(a, nb) == 0;
        val_unref(nb);
        return r;
    }
    if (a.kind == VAL_BOOL) return a.as.b == convert_truthy(b);
    uint32_t c;
    if (a.kind == VAL_CHAR && rhs_char(b, &c))
        return cs ? c == a.as.u : uc_fold(c) == uc_fold((uint32_t)a.as.u);
    if (a.kind == VAL_CHAR && is_numeric(b)) return num_cmp(val_int((int32_t)a.as.u), b) == 0;
    return same_value(a, b) || equal_converted(a, b);
}

static int fail_compare(ConvError *err, Value a, Value b, const char *why)
{
    char x[200], y[200];
    if (why)
        return conv_fail(err, "ComparisonFailure",
                         "Could not compare \"%s\" to \"%s\". Error: \"%s\"", show(a, x, sizeof x),
                         show(b, y, sizeof y), why);
    return conv_fail(err, "NotIcomparable", "Cannot compare \"%s\" because it is not IComparable.",
                     show(a, x, sizeof x));
}

/*
** Ordering with a $null operand, as pwsh's binder does it: against a number, $null acts as 0
** but never ties ($null -lt 0 and 0 -gt $null are both true); otherwise $null sorts first.
*/
static int null_order(Value a, Value b)
{
    if (val_is_null(a) && val_is_null(b)) return 0;
    if (is_numeric(a)) return num_cmp(a, val_int(0)) < 0 ? -1 : 1;
    if (is_numeric(b)) return num_cmp(b, val_int(0)) >= 0 ? -1 : 1;
    return val_is_null(a) ? -1 : 1;
}

static int compare_number(Value a, Value b, int *cmp, ConvError *err)
{
    Value nb;
    ConvError inner;
    if (rhs_number(a, b, &nb, &inner)) return fail_compare(err, a, b, inner.msg);
    *cmp = num_cmp(a, nb);
    val_unref(nb);
    return 0;
}

static int compare_time(Value a, Value b, int *cmp, ConvError *err)
{
    Value nb;
    ConvError inner;
    if (convert_to(b, val_type_id(a), 0, &nb, &inner)) return fail_compare(err, a, b, inner.msg);
    *cmp = a.as.i < nb.as.i ? -1 : a.as.i > nb.as.i;
    return 0;
}

int convert_compare(Value a, Value b, int cs, int *cmp, ConvError *err)
{
    if (inline_numbers(a, b)) return *cmp = num_cmp(a, b), 0;
    a = val_base(a);
    b = val_base(b);
    if (val_is_null(a) || val_is_null(b)) return *cmp = null_order(a, b), 0;
    if (val_is_str(a)) return *cmp = str_order(a, b, cs), 0;
    ConvError inner;
    int fr = foreign_order(a, b, cmp, &inner);
    if (fr) return fr > 0 ? 0 : fail_compare(err, a, b, inner.msg);
    if (is_numeric(a)) return compare_number(a, b, cmp, err);
    if (a.kind == VAL_BOOL) return *cmp = a.as.b - convert_truthy(b), 0;
    uint32_t c;
    if (a.kind == VAL_CHAR && rhs_char(b, &c)) {
        uint32_t x = cs ? (uint32_t)a.as.u : uc_fold((uint32_t)a.as.u), y = cs ? c : uc_fold(c);
        return *cmp = x < y ? -1 : x > y, 0;
    }
    if (a.kind == VAL_CHAR && is_numeric(b)) return *cmp = num_cmp(val_int((int32_t)a.as.u), b), 0;
    if (a.kind == VAL_DATETIME || a.kind == VAL_TIMESPAN) return compare_time(a, b, cmp, err);
    if (convert_equal(a, b, cs)) /* not orderable, but equal: -le and -ge still hold */
        return *cmp = 0, 0;
    return fail_compare(err, a, b, NULL);
}

/* One scalar comparison: 1 true, 0 false, -1 error. */
static int cmp_scalar(CmpOp op, Value a, Value b, int cs, ConvError *err)
{
    if (op == CMP_EQ || op == CMP_NE) return convert_equal(a, b, cs) == (op == CMP_EQ);
    int c;
    if (convert_compare(a, b, cs, &c, err)) return -1;
    switch (op) {
    case CMP_LT:
        return c < 0;
    case CMP_LE:
        return c <= 0;
    case CMP_GT:
        return c > 0;
    default:
        return c >= 0;
    }
}

int convert_cmp_op(CmpOp op, Value a, Value b, int cs, Value *out, ConvError *err)
{
    if (inline_numbers(a, b)) return *out = val_bool(cmp_scalar(op, a, b, cs, err)), 0;
    Value base = val_base(a);
    if (!val_is_array(base)) {
        int r = cmp_scalar(op, a, b, cs, err);
        if (r < 0) return -1;
        *out = val_bool(r);
        return 0;
    }
    Value res = arr_new(TY_OBJECT, 0);
    for (size_t i = 0; i < arr_len(base); i++) {
        Value e = arr_peek(base, i);
        int r = cmp_scalar(op, e, b, cs, err);
        if (r < 0) {
            val_unref(res);
            return -1;
        }
        if (r) arr_push(res, e);
    }
    *out = res;
    return 0;
}

int convert_contains(Value coll, Value item, int cs)
{
    Value base = val_base(coll);
    if (!val_is_array(base)) return convert_equal(base, item, cs);
    for (size_t i = 0; i < arr_len(base); i++)
        if (convert_equal(arr_peek(base, i), item, cs)) return 1;
    return 0;
}
