/*
** statics: [T]::Member.  types[] maps a class name to its method and property tables; the
** number types share one generic table (MaxValue, MinValue, Parse ...) parameterised by the
** TypeId, found through type_lookup.  [math] lives here too.
*/
#include "runtime/statics.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/decimal.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/members_kinds.h"
#include "runtime/members_string.h"
#include "runtime/members_time.h"
#include "runtime/members_util.h"
#include "runtime/nettypes.h"
#include "runtime/statics_sys.h"

/* ---- [math] ---- */

static int is_dec(Value v)
{
    return val_is_decimal(val_base(v));
}

static int overflow_neg(MbrCall *k)
{
    return mbr_exc(k, "OverflowException",
                   "Negating the minimum value of a twos complement number is invalid.");
}

static int m_abs(MbrCall *k, Value self, Value *out)
{
    Value v = val_base(k->a[0]);
    double d;
    if (is_dec(v)) {
        Decimal x = dec_of(v);
        x.neg = 0;
        return *out = dec_value(x), 0;
    }
    if (val_is_integer(v) && v.kind != VAL_UINT64 && v.kind != VAL_UINT32 && v.kind != VAL_BYTE &&
        v.kind != VAL_UINT16) {
        int64_t lim = v.kind == VAL_INT64   ? INT64_MIN
                      : v.kind == VAL_INT32 ? INT32_MIN
                      : v.kind == VAL_INT16 ? INT16_MIN
                                            : INT8_MIN;
        if (v.as.i == lim) return overflow_neg(k);
        return *out = val_integer((ValKind)v.kind, v.as.i < 0 ? -v.as.i : v.as.i), 0;
    }
    if (val_is_integer(v)) return *out = v, 0;
    if (mbr_double(k, 0, &d)) return -1;
    *out = val_double(fabs(d));
    return 0;
}

/* Apply f to a Double, or dec_f to a Decimal argument. */
static int dec_or_double(MbrCall *k, Value *out, double (*f)(double), int dec_mode)
{
    Value v = val_base(k->a[0]);
    double d;
    if (is_dec(v)) {
        Decimal x = dec_of(v), r = dec_round(x, 0);
        int c = dec_cmp(x, r);
        Decimal one = dec_from_int64(1);
        if (dec_mode == 1 && c > 0) dec_add(r, one, &r); /* ceiling */
        if (dec_mode == 2 && c < 0) dec_sub(r, one, &r); /* floor */
        if (dec_mode == 3 && ((c > 0 && x.neg) || (c < 0 && !x.neg)))
            (x.neg ? dec_add : dec_sub)(r, one, &r); /* truncate */
        r.scale = 0;
        return *out = dec_value(r), 0;
    }
    if (mbr_double(k, 0, &d)) return -1;
    *out = val_double(f(d));
    return 0;
}

static int m_ceiling(MbrCall *k, Value self, Value *out)
{
    return dec_or_double(k, out, ceil, 1);
}

static int m_floor(MbrCall *k, Value self, Value *out)
{
    return dec_or_double(k, out, floor, 2);
}

static int m_truncate(MbrCall *k, Value self, Value *out)
{
    return dec_or_double(k, out, trunc, 3);
}

/* MidpointRounding: ToEven 0, AwayFromZero 1, ToZero 2, ToNegativeInfinity 3,
 * ToPositiveInfinity 4. */
static int rounding_mode(MbrCall *k, int i, int *mode)
{
    static const char *const names[] = {"ToEven", "AwayFromZero", "ToZero", "ToNegativeInfinity",
                                        "ToPositiveInfinity"};
    Value v = val_base(k->a[i]);
    if (val_is_str(v)) {
        for (int m = 0; m < 5; m++)
            if (str_icmp(val_str_data(v), names[m]) == 0) return *mode = m, 0;
        return mbr_fail(k, "MethodArgumentConversionInvalidCastArgument",
                        "Cannot convert argument \"mode\", with value: \"%s\", for \"Round\" to "
                        "type \"System.MidpointRounding\": \"Cannot convert value \"%s\" to type "
                        "\"System.MidpointRounding\".\"",
                        val_str_data(v), val_str_data(v));
    }
    int32_t m;
    if (mbr_int(k, i, &m)) return -1;
    if (m < 0 || m > 4)
        return mbr_exc(k, "ArgumentException",
                       "The value '%d' is not valid for this usage of the type MidpointRounding. "
                       "(Parameter 'mode')",
                       m);
    *mode = m;
    return 0;
}

static double round_mode(double x, int mode)
{
    switch (mode) {
    case 1:
        return round(x);
    case 2:
        return trunc(x);
    case 3:
        return floor(x);
    case 4:
        return ceil(x);
    default:
        return mbr_round_even(x);
    }
}

/* .NET Math.Round(double, digits, mode): scale by 10^digits, round, scale back. */
static double round_digits(double x, int digits, int mode)
{
    if (digits == 0 || fabs(x) >= 1e16) return round_mode(x, mode);
    double p = pow(10.0, digits), s = x * p;
    if (fabs(s) >= 1e16) return x;
    return round_mode(s, mode) / p;
}

static int round_decimal(MbrCall *k, Value v, int digits, int mode, Value *out)
{
    Decimal x = dec_of(v);
    if (mode == 0) return *out = dec_value(dec_round(x, digits)), 0;
    double d = round_digits(dec_to_double(x), digits, mode);
    Decimal r;
    if (!dec_from_double(d, &r)) r = x;
    return *out = dec_value(dec_round(r, digits)), 0;
}

/* Round(x[, digits][, mode]) */
static int m_round(MbrCall *k, Value self, Value *out)
{
    int32_t digits = 0;
    int mode = 0;
    double d;
    if (k->n == 3 && (mbr_int(k, 1, &digits) || rounding_mode(k, 2, &mode))) return -1;
    if (k->n == 2) {
        Value a = val_base(k->a[1]);
        if (val_is_str(a) ? rounding_mode(k, 1, &mode) : mbr_int(k, 1, &digits)) return -1;
    }
    if (is_dec(k->a[0]) && (digits < 0 || digits > 28))
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Decimal can only round to between 0 and 28 digits of precision. "
                       "(Parameter 'decimals')");
    if (digits < 0 || digits > 15)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')");
    if (is_dec(k->a[0])) return round_decimal(k, val_base(k->a[0]), digits, mode, out);
    if (mbr_double(k, 0, &d)) return -1;
    *out = val_double(round_digits(d, digits, mode));
    return 0;
}

static int m_sign(MbrCall *k, Value self, Value *out)
{
    Value v = val_base(k->a[0]);
    double d;
    if (is_dec(v)) {
        Decimal x = dec_of(v);
        return *out = val_int(dec_is_zero(x) ? 0 : x.neg ? -1 : 1), 0;
    }
    if (mbr_double(k, 0, &d)) return -1;
    if (isnan(d))
        return mbr_exc(k, "ArithmeticException",
                       "Function does not accept floating point Not-a-Number values.");
    *out = val_int(d > 0 ? 1 : d < 0 ? -1 : 0);
    return 0;
}

/* One-argument Double functions. */
static const struct {
    const char *name;
    double (*f)(double);
} math_fns[] = {
    {"Sqrt", sqrt}, {"Exp", exp},   {"Log10", log10}, {"Log2", log2}, {"Sin", sin},
    {"Cos", cos},   {"Tan", tan},   {"Asin", asin},   {"Acos", acos}, {"Atan", atan},
    {"Sinh", sinh}, {"Cosh", cosh}, {"Tanh", tanh},   {"Cbrt", cbrt},
};

static int m_fn1(MbrCall *k, Value self, Value *out)
{
    double d;
    if (mbr_double(k, 0, &d)) return -1;
    for (size_t i = 0; i < sizeof math_fns / sizeof math_fns[0]; i++)
        if (strcmp(k->method, math_fns[i].name) == 0) return *out = val_double(math_fns[i].f(d)), 0;
    return -1;
}

static int m_pow(MbrCall *k, Value self, Value *out)
{
    double a, b;
    if (mbr_double(k, 0, &a) || mbr_double(k, 1, &b)) return -1;
    *out = val_double(pow(a, b));
    return 0;
}

static int m_atan2(MbrCall *k, Value self, Value *out)
{
    double a, b;
    if (mbr_double(k, 0, &a) || mbr_double(k, 1, &b)) return -1;
    *out = val_double(atan2(a, b));
    return 0;
}

/* Log(x[, base]) */
static int m_log(MbrCall *k, Value self, Value *out)
{
    double a, b = 0;
    if (mbr_double(k, 0, &a) || (k->n > 1 && mbr_double(k, 1, &b))) return -1;
    *out = val_double(k->n > 1 ? log(a) / log(b) : log(a));
    return 0;
}

/* The overload Max/Min/Clamp would pick: both integers -> the wider integer, a Decimal with
 * integers -> Decimal, otherwise Double.  Returns the common kind (VAL_OBJ for Decimal). */
static int common_kind(const Value *a, int n)
{
    int kind = VAL_INT32, dec = 0;
    for (int i = 0; i < n; i++) {
        Value v = val_base(a[i]);
        if (val_is_decimal(v))
            dec = 1;
        else if (!val_is_integer(v))
            return VAL_DOUBLE;
        else if (v.kind > kind)
            kind = v.kind;
    }
    return dec ? VAL_OBJ : kind;
}

static int pick(MbrCall *k, Value *out, int want_max)
{
    int kind = common_kind(k->a, 2), c;
    ConvError ce;
    if (kind == VAL_DOUBLE) {
        double a, b;
        if (mbr_double(k, 0, &a) || mbr_double(k, 1, &b)) return -1;
        if (isnan(a) || isnan(b)) return *out = val_double(NAN), 0;
        return *out = val_double(want_max ? (a > b ? a : b) : (a < b ? a : b)), 0;
    }
    TypeId t = kind == VAL_OBJ      ? TY_DECIMAL
               : kind == VAL_INT64  ? TY_INT64
               : kind == VAL_UINT64 ? TY_UINT64
                                    : TY_INT64;
    Value a, b;
    if (convert_to(k->a[0], t, 0, &a, &ce) || convert_to(k->a[1], t, 0, &b, &ce))
        return mbr_exc(k, "InvalidCastException", "%s", ce.msg);
    convert_compare(a, b, 1, &c, &ce);
    Value r = (want_max ? c >= 0 : c <= 0) ? a : b;
    if (kind != VAL_OBJ && kind != VAL_INT64 && kind != VAL_UINT64)
        r = val_integer((ValKind)kind, r.as.i);
    *out = val_ref(r);
    val_unref(a);
    val_unref(b);
    return 0;
}

static int m_max(MbrCall *k, Value self, Value *out)
{
    return pick(k, out, 1);
}

static int m_min(MbrCall *k, Value self, Value *out)
{
    return pick(k, out, 0);
}

/* Clamp(value, min, max) */
static int m_clamp(MbrCall *k, Value self, Value *out)
{
    int c;
    ConvError ce;
    if (convert_compare(k->a[1], k->a[2], 1, &c, &ce) == 0 && c > 0) {
        Value a = convert_to_string(k->a[1], NULL), b = convert_to_string(k->a[2], NULL);
        mbr_exc(k, "ArgumentException", "'%s' cannot be greater than %s.", val_str_data(a),
                val_str_data(b));
        val_unref(a);
        val_unref(b);
        return -1;
    }
    MbrCall lo = *k, hi = *k;
    Value first[2] = {k->a[0], k->a[1]}, tmp;
    lo.a = first;
    if (pick(&lo, &tmp, 1)) return -1;
    Value second[2] = {tmp, k->a[2]};
    hi.a = second;
    int rc = pick(&hi, out, 0);
    val_unref(tmp);
    return rc;
}

static const MbrMethod math_methods[] = {
    {"Abs", 1, 1, m_abs, NULL},
    {"Ceiling", 1, 1, m_ceiling, NULL},
    {"Floor", 1, 1, m_floor, NULL},
    {"Round", 1, 3, m_round, "value,digits,mode"},
    {"Truncate", 1, 1, m_truncate, NULL},
    {"Sign", 1, 1, m_sign, NULL},
    {"Sqrt", 1, 1, m_fn1, "d"},
    {"Exp", 1, 1, m_fn1, NULL},
    {"Log10", 1, 1, m_fn1, NULL},
    {"Log2", 1, 1, m_fn1, NULL},
    {"Sin", 1, 1, m_fn1, NULL},
    {"Cos", 1, 1, m_fn1, NULL},
    {"Tan", 1, 1, m_fn1, NULL},
    {"Asin", 1, 1, m_fn1, NULL},
    {"Acos", 1, 1, m_fn1, NULL},
    {"Atan", 1, 1, m_fn1, NULL},
    {"Sinh", 1, 1, m_fn1, NULL},
    {"Cosh", 1, 1, m_fn1, NULL},
    {"Tanh", 1, 1, m_fn1, NULL},
    {"Cbrt", 1, 1, m_fn1, NULL},
    {"Pow", 2, 2, m_pow, "x,y"},
    {"Atan2", 2, 2, m_atan2, "y,x"},
    {"Log", 1, 2, m_log, "a,newBase"},
    {"Max", 2, 2, m_max, "val1,val2"},
    {"Min", 2, 2, m_min, "val1,val2"},
    {"Clamp", 3, 3, m_clamp, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int p_pi(MemberCtx *c, Value self, Value *out)
{
    *out = val_double(3.14159265358979323846);
    return 1;
}

static int p_e(MemberCtx *c, Value self, Value *out)
{
    *out = val_double(2.7182818284590452354);
    return 1;
}

static int p_tau(MemberCtx *c, Value self, Value *out)
{
    *out = val_double(6.28318530717958647692);
    return 1;
}

static const MbrProp math_props[] = {
    {"PI", p_pi},
    {"E", p_e},
    {"Tau", p_tau},
    {NULL, NULL},
};

/* ---- the number types: self is a TypeRef-less Int32 holding the TypeId ---- */

static Value limit(TypeId t, int max)
{
    switch (t) {
    case TY_SBYTE:
        return val_integer(VAL_SBYTE, max ? INT8_MAX : INT8_MIN);
    case TY_BYTE:
        return val_integer(VAL_BYTE, max ? UINT8_MAX : 0);
    case TY_INT16:
        return val_integer(VAL_INT16, max ? INT16_MAX : INT16_MIN);
    case TY_UINT16:
        return val_integer(VAL_UINT16, max ? UINT16_MAX : 0);
    case TY_INT32:
        return val_int(max ? INT32_MAX : INT32_MIN);
    case TY_UINT32:
        return val_integer(VAL_UINT32, max ? UINT32_MAX : 0);
    case TY_INT64:
        return val_long(max ? INT64_MAX : INT64_MIN);
    case TY_UINT64:
        return val_ulong(max ? UINT64_MAX : 0);
    case TY_SINGLE:
        return val_single(max ? FLT_MAX : -FLT_MAX);
    case TY_DOUBLE:
        return val_double(max ? DBL_MAX : -DBL_MAX);
    case TY_CHAR:
        return val_char(max ? 0xFFFF : 0);
    case TY_DECIMAL: {
        Decimal d = {0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0, (uint8_t)!max};
        return dec_value(d);
    }
    default:
        return val_null();
    }
}

static int p_max(MemberCtx *c, Value self, Value *out)
{
    *out = limit((TypeId)self.as.i, 1);
    return !val_is_null(*out);
}

static int p_min(MemberCtx *c, Value self, Value *out)
{
    *out = limit((TypeId)self.as.i, 0);
    return !val_is_null(*out);
}

static int is_float_type(TypeId t)
{
    return t == TY_DOUBLE || t == TY_SINGLE;
}

#define FLOAT_CONST(fname, expr)                                                                   \
    static int fname(MemberCtx *c, Value self, Value *out)                                         \
    {                                                                                              \
        TypeId t = (TypeId)self.as.i;                                                              \
        if (!is_float_type(t)) return 0;                                                           \
        *out = t == TY_SINGLE ? val_single((float)(expr)) : val_double(expr);                      \
        return 1;                                                                                  \
    }
FLOAT_CONST(p_nan, NAN)
FLOAT_CONST(p_posinf, INFINITY)
FLOAT_CONST(p_neginf, -INFINITY)
FLOAT_CONST(p_epsilon, t == TY_SINGLE ? 1.401298464324817e-45 : 4.9406564584124654e-324)

static int p_truestring(MemberCtx *c, Value self, Value *out)
{
    return self.as.i == TY_BOOL ? (*out = val_str("True"), 1) : 0;
}

static int p_falsestring(MemberCtx *c, Value self, Value *out)
{
    return self.as.i == TY_BOOL ? (*out = val_str("False"), 1) : 0;
}

static const MbrProp number_props[] = {
    {"MaxValue", p_max},
    {"MinValue", p_min},
    {"NaN", p_nan},
    {"PositiveInfinity", p_posinf},
    {"NegativeInfinity", p_neginf},
    {"Epsilon", p_epsilon},
    {"TrueString", p_truestring},
    {"FalseString", p_falsestring},
    {NULL, NULL},
};

static int bad_format(MbrCall *k, Value s)
{
    return mbr_exc(k, "FormatException", "The input string '%.300s' was not in a correct format.",
                   val_str_data(s));
}

/* Parse an integer string: [ws][sign]digits[ws]. */
static int parse_integer(MbrCall *k, Value s, TypeId t, Value *out)
{
    const char *p = val_str_data(s), *q;
    while (isspace((unsigned char)*p))
        p++;
    q = p + (*p == '-' || *p == '+');
    if (!isdigit((unsigned char)*q)) return bad_format(k, s);
    while (isdigit((unsigned char)*q))
        q++;
    const char *e = q;
    while (isspace((unsigned char)*e))
        e++;
    if (*e) return bad_format(k, s);
    Value num;
    ConvError ce;
    Value digits = val_str_n(p, (size_t)(q - p));
    int rc = convert_to(digits, t, 0, &num, &ce);
    val_unref(digits);
    if (rc)
        return mbr_exc(k, "OverflowException", "Value was either too large or too small for %s.",
                       mbr_overflow_noun(t));
    *out = num;
    return 0;
}

static int parse_real(MbrCall *k, Value s, TypeId t, Value *out)
{
    const char *p = val_str_data(s);
    char *end;
    while (isspace((unsigned char)*p))
        p++;
    if (t == TY_DECIMAL) {
        size_t n = strlen(p);
        while (n && isspace((unsigned char)p[n - 1]))
            n--;
        Decimal d;
        if (!dec_parse(p, n, &d)) return bad_format(k, s);
        return *out = dec_value(d), 0;
    }
    double d;
    if (str_icmp(p, "Infinity") == 0 || strcmp(p, "\xe2\x88\x9e") == 0)
        d = INFINITY;
    else if (str_icmp(p, "-Infinity") == 0 || strcmp(p, "-\xe2\x88\x9e") == 0)
        d = -INFINITY;
    else if (str_icmp(p, "NaN") == 0)
        d = NAN;
    else {
        if (!*p || (!isdigit((unsigned char)*p) && !strchr("+-.", *p))) return bad_format(k, s);
        errno = 0;
        d = strtod(p, &end);
        while (isspace((unsigned char)*end))
            end++;
        if (*end || end == p) return bad_format(k, s);
    }
    *out = t == TY_SINGLE ? val_single((float)d) : val_double(d);
    return 0;
}

static int parse_bool(MbrCall *k, Value s, Value *out)
{
    const char *p = val_str_data(s);
    while (isspace((unsigned char)*p))
        p++;
    size_t n = strlen(p);
    while (n && isspace((unsigned char)p[n - 1]))
        n--;
    if (str_ieq_slice(p, n, "True")) return *out = val_bool(1), 0;
    if (str_ieq_slice(p, n, "False")) return *out = val_bool(0), 0;
    return mbr_exc(k, "FormatException", "String '%s' was not recognized as a valid Boolean.",
                   val_str_data(s));
}

/* Parse(s[, style][, provider]) */
static int n_parse(MbrCall *k, Value self, Value *out)
{
    TypeId t = (TypeId)self.as.i;
    if (val_is_null(k->a[0]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 's')");
    Value s = mbr_str(k, 0);
    int rc;
    if (t == TY_BOOL)
        rc = parse_bool(k, s, out);
    else if (t == TY_SINGLE || t == TY_DOUBLE || t == TY_DECIMAL)
        rc = parse_real(k, s, t, out);
    else
        rc = parse_integer(k, s, t, out);
    val_unref(s);
    return rc;
}

static int n_isnan(MbrCall *k, Value self, Value *out)
{
    double d;
    if (mbr_double(k, 0, &d)) return -1;
    *out = val_bool(isnan(d));
    return 0;
}

static int n_isinf(MbrCall *k, Value self, Value *out)
{
    double d;
    if (mbr_double(k, 0, &d)) return -1;
    int want = strcmp(k->method, "IsInfinity") == 0           ? 0
               : strcmp(k->method, "IsPositiveInfinity") == 0 ? 1
                                                              : -1;
    *out = val_bool(isinf(d) && (want == 0 || (want > 0) == (d > 0)));
    return 0;
}

static const MbrMethod number_methods[] = {
    {"Parse", 1, 3, n_parse, "s"},
    {"IsNaN", 1, 1, n_isnan, NULL},
    {"IsInfinity", 1, 1, n_isinf, NULL},
    {"IsPositiveInfinity", 1, 1, n_isinf, NULL},
    {"IsNegativeInfinity", 1, 1, n_isinf, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* [hashtable]::Synchronized(h): h itself, shared with thread jobs under its lock (value.h). */
static int ht_synchronized(MbrCall *k, Value self, Value *out)
{
    Value h = val_base(k->a[0]);
    if (!ht_is(h))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'table')");
    *out = val_synchronize(h);
    return 0;
}

static const MbrMethod hashtable_methods[] = {
    {"Synchronized", 1, 1, ht_synchronized, "table"},
    {NULL, 0, 0, NULL, NULL},
};

/* [object]::ReferenceEquals(a, b): the same object after unwrapping a PSObject, as a .NET
 * method sees its arguments.  Two $nulls are equal; a number, bool, char or date is boxed
 * afresh for each argument in .NET, so inline scalars are never the same reference. */
static int obj_refequals(MbrCall *k, Value self, Value *out)
{
    Value a = val_base(k->a[0]), b = val_base(k->a[1]);
    int nulls = val_is_null(a) && val_is_null(b);
    *out = val_bool(nulls || (a.kind == VAL_OBJ && b.kind == VAL_OBJ && a.as.o == b.as.o));
    return 0;
}

static const MbrMethod object_methods[] = {
    {"ReferenceEquals", 2, 2, obj_refequals, "objA,objB"},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- the type table ---- */

typedef struct StaticType {
    const char *name; /* without "System." */
    const char *full; /* for messages */
    const MbrMethod *methods;
    const MbrProp *props;
} StaticType;

static const StaticType types[] = {
    {"Math", "System.Math", math_methods, math_props},
    {"String", "System.String", mbr_string_statics, mbr_string_sprops},
    {"Char", "System.Char", mbr_char_statics, number_props},
    {"DateTime", "System.DateTime", mbr_date_statics, mbr_date_sprops},
    {"TimeSpan", "System.TimeSpan", mbr_span_statics, mbr_span_sprops},
    {"Guid", "System.Guid", mbr_guid_statics, mbr_guid_sprops},
    {"Text.RegularExpressions.Regex", "System.Text.RegularExpressions.Regex", mbr_regex_statics,
     NULL},
    {"Regex", "System.Text.RegularExpressions.Regex", mbr_regex_statics, NULL},
    {"Convert", "System.Convert", sys_convert_statics, NULL},
    {"Environment", "System.Environment", sys_env_statics, sys_env_sprops},
    {"IO.Path", "System.IO.Path", sys_path_statics, sys_path_sprops},
    {"Text.Encoding", "System.Text.Encoding", mbr_encoding_statics, mbr_encoding_sprops},
    {"Collections.Hashtable", "System.Collections.Hashtable", hashtable_methods, NULL},
    {"Hashtable", "System.Collections.Hashtable", hashtable_methods, NULL},
    {"Object", "System.Object", object_methods, NULL},
    {"Number", NULL, number_methods, number_props}, /* the number types (see find) */
};

enum { NUMBER_ROW = sizeof types / sizeof types[0] - 1 };

static int is_number_type(TypeId t)
{
    return (t >= TY_BOOL && t <= TY_DECIMAL && t != TY_CHAR);
}

/* The row for a type name, and for the number types their TypeId in *tid. */
static const StaticType *find(const char *type, size_t len, TypeId *tid)
{
    TypeId t = type_lookup(type, len);
    *tid = t;
    if (len > 7 && str_nicmp(type, "System.", 7) == 0) type += 7, len -= 7;
    for (size_t i = 0; i < NUMBER_ROW; i++)
        if (str_ieq_slice(type, len, types[i].name)) return &types[i];
    if (t == TY_STRING) return &types[1];
    if (t == TY_CHAR) return &types[2];
    if (t == TY_DATETIME) return &types[3];
    if (t == TY_TIMESPAN) return &types[4];
    return is_number_type(t) ? &types[NUMBER_ROW] : NULL;
}

int static_type_known(const char *type, size_t tlen)
{
    TypeId t;
    return find(type, tlen, &t) != NULL;
}

int static_get(MemberCtx *c, const char *type, size_t tlen, const char *name, size_t nlen,
               Value *out, MemberError *err)
{
    TypeId t;
    if (nettype_static_get(c, type, tlen, name, nlen, out) == MEMBER_OK) return MEMBER_OK;
    const StaticType *st = find(type, tlen, &t);
    if (!st || !st->props) return MEMBER_NOTFOUND;
    return mbr_getprop(st->props, c, val_long(t), name, nlen, out);
}

int static_call(MemberCtx *c, const char *type, size_t tlen, const char *name, size_t nlen,
                const Value *args, int nargs, Value *out, MemberError *err)
{
    TypeId t;
    MemberError scratch;
    if (!err) err = &scratch;
    int nrc = nettype_static_call(c, type, tlen, name, nlen, args, nargs, out, err);
    if (nrc != MEMBER_NOTFOUND) return nrc;
    const StaticType *st = find(type, tlen, &t);
    if (!st) {
        conv_fail(err, "TypeNotFound", "Unable to find type [%.*s].", (int)tlen, type);
        return MEMBER_NOTFOUND;
    }
    int rc = mbr_dispatch(st->methods, c, val_long(t), name, nlen, args, nargs, out, err);
    if (rc != MEMBER_NOTFOUND) return rc;
    conv_fail(err, "MethodNotFound",
              "Method invocation failed because [%s] does not contain a method named '%.*s'.",
              st->full ? st->full : type_fullname(t), (int)nlen, name);
    return MEMBER_NOTFOUND;
}
