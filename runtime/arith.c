/*
** arith: binary operators.  Numeric work happens on exact 128-bit integers, decimals or
** doubles, chosen by numeric_class(); results narrow back to the promoted operand type when
** they fit and otherwise become Double, as PowerShell's NumericOps do.
*/
#include "runtime/arith.h"

#include <math.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/bigint.h"
#include "runtime/decimal.h"
#include "runtime/enums.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"

__extension__ typedef __int128 i128;

static const char *const op_method[] = {
    "op_Addition",   "op_Subtraction", "op_Multiply",    "op_Division",  "op_Modulus",
    "op_BitwiseAnd", "op_BitwiseOr",   "op_ExclusiveOr", "op_LeftShift", "op_RightShift"};

/* pwsh names a PSCustomObject's type PSObject in this message. */
static int fail_method(ConvError *err, Value a, ArithOp op)
{
    const char *type = val_type_id(a) == TY_PSCUSTOMOBJECT ? "System.Management.Automation.PSObject"
                                                           : val_type_fullname(a);
    return conv_fail(err, "MethodNotFound",
                     "Method invocation failed because [%s] does not contain a method named '%s'.",
                     type, op_method[op]);
}

static int fail_div0(ConvError *err)
{
    return conv_fail(err, "RuntimeException", "Attempted to divide by zero.");
}

/* ---- numbers ---- */

typedef enum NumClass { NC_INT, NC_DECIMAL, NC_SINGLE, NC_DOUBLE } NumClass;

static NumClass numeric_class(Value n)
{
    if (n.kind == VAL_DOUBLE) return NC_DOUBLE;
    if (n.kind == VAL_SINGLE) return NC_SINGLE;
    return n.kind == VAL_OBJ ? NC_DECIMAL : NC_INT;
}

static i128 int_value(Value v)
{
    if (v.kind == VAL_BOOL) return v.as.b;
    if (v.kind == VAL_BYTE || v.kind == VAL_UINT16 || v.kind == VAL_UINT32 ||
        v.kind == VAL_UINT64 || v.kind == VAL_CHAR)
        return (i128)v.as.u;
    return (i128)v.as.i;
}

static double dbl_value(Value v)
{
    if (v.kind == VAL_DOUBLE || v.kind == VAL_SINGLE) return v.as.d;
    if (val_is_decimal(v)) return dec_to_double(dec_of(v));
    return (double)int_value(v);
}

static Decimal dec_value_of(Value v)
{
    if (val_is_decimal(v)) return dec_of(v);
    i128 x = int_value(v);
    return x < 0 ? dec_from_int64((int64_t)x) : dec_from_uint64((uint64_t)x);
}

/* The C# promotion of an integer kind: everything narrower than Int32 becomes Int32. */
static ValKind promote(ValKind k)
{
    return k == VAL_UINT32 || k == VAL_INT64 || k == VAL_UINT64 ? k : VAL_INT32;
}

/*
** Result kind of an integer operation, as PowerShell's binder picks it: the wider promoted
** type, except that unsigned meets a negative signed value by widening (uint -> long,
** ulong -> Decimal, reported here as VAL_OBJ).  1 + [uint]5 is UInt32; -1 + [uint]5 is Int64.
*/
static ValKind int_result(Value a, Value b)
{
    ValKind ka = promote((ValKind)a.kind), kb = promote((ValKind)b.kind);
    ValKind top = ka > kb ? ka : kb;
    int negative = int_value(a) < 0 || int_value(b) < 0;
    if (top == VAL_UINT32 && negative) return VAL_INT64;
    if (top == VAL_UINT64 && negative) return VAL_OBJ;
    return top;
}

static int int_fits(ValKind k, i128 x)
{
    switch (k) {
    case VAL_INT32:
        return x >= INT32_MIN && x <= INT32_MAX;
    case VAL_UINT32:
        return x >= 0 && x <= UINT32_MAX;
    case VAL_INT64:
        return x >= INT64_MIN && x <= INT64_MAX;
    default:
        return x >= 0 && x <= (i128)UINT64_MAX;
    }
}

static Value int_make(ValKind k, i128 x)
{
    Value v = val_make(k);
    if (k == VAL_UINT32 || k == VAL_UINT64)
        v.as.u = (uint64_t)x;
    else
        v.as.i = (int64_t)x;
    return v;
}

/* Floating work is always done, and returned, as Double (% is C# fmod). */
static int double_op(ArithOp op, double x, double y, Value *out)
{
    double r = op == ARITH_ADD   ? x + y
               : op == ARITH_SUB ? x - y
               : op == ARITH_MUL ? x * y
               : op == ARITH_DIV ? x / y
                                 : fmod(x, y);
    *out = val_double(r);
    return 0;
}

static int decimal_op(ArithOp op, Decimal x, Decimal y, Value *out, ConvError *err)
{
    Decimal r;
    int ok;
    if ((op == ARITH_DIV || op == ARITH_MOD) && dec_is_zero(y)) return fail_div0(err);
    switch (op) {
    case ARITH_ADD:
        ok = dec_add(x, y, &r);
        break;
    case ARITH_SUB:
        ok = dec_sub(x, y, &r);
        break;
    case ARITH_MUL:
        ok = dec_mul(x, y, &r);
        break;
    case ARITH_DIV:
        ok = dec_div(x, y, &r);
        break;
    default:
        ok = dec_mod(x, y, &r);
        break;
    }
    if (!ok)
        return conv_fail(err, "RuntimeException",
                         "Value was either too large or too small for a Decimal.");
    *out = dec_value(r);
    return 0;
}

static int int_op(ArithOp op, Value a, Value b, Value *out, ConvError *err)
{
    ValKind k = int_result(a, b);
    i128 x = int_value(a), y = int_value(b), r = 0;
    if ((op == ARITH_DIV || op == ARITH_MOD) && y == 0) return fail_div0(err);
    if (k == VAL_OBJ) { /* negative signed with ulong: Decimal, Double when that overflows */
        if (decimal_op(op, dec_value_of(a), dec_value_of(b), out, NULL) == 0) return 0;
        return double_op(op, (double)x, (double)y, out);
    }
    if (op == ARITH_DIV && x % y != 0) return *out = val_double((double)x / (double)y), 0;
    int over = 0;
    switch (op) {
    case ARITH_ADD:
        r = x + y;
        break;
    case ARITH_SUB:
        r = x - y;
        break;
    case ARITH_MUL:
        over = __builtin_mul_overflow(x, y, &r);
        break;
    case ARITH_DIV:
        r = x / y;
        break;
    default:
        r = x % y;
        break;
    }
    if (over || !int_fits(k, r)) return double_op(op, (double)x, (double)y, out);
    *out = int_make(k, r);
    return 0;
}

/* One operand is a Decimal: the other converts to Decimal (a Double may overflow). */
static int decimal_numeric(ArithOp op, Value a, Value b, Value *out, ConvError *err)
{
    Decimal x, y;
    Value fl = numeric_class(a) >= NC_SINGLE ? a : b;
    if (numeric_class(fl) >= NC_SINGLE) {
        Decimal d;
        if (!dec_from_double(fl.as.d, &d))
            return conv_fail(err, "RuntimeException",
                             "Value was either too large or too small for a Decimal.");
        x = numeric_class(a) >= NC_SINGLE ? d : dec_value_of(a);
        y = numeric_class(b) >= NC_SINGLE ? d : dec_value_of(b);
    } else {
        x = dec_value_of(a);
        y = dec_value_of(b);
    }
    return decimal_op(op, x, y, out, err);
}

/*
** Both operands are numbers (bool/char count as Int32).  PowerShell ranks the operand types
** and works in the higher one: Decimal over Double over Single (floating work is always done
** and returned as Double), then the integer rules of int_result.
*/
static int numeric(ArithOp op, Value a, Value b, Value *out, ConvError *err)
{
    NumClass ca = numeric_class(a), cb = numeric_class(b);
    if (ca == NC_DECIMAL || cb == NC_DECIMAL) return decimal_numeric(op, a, b, out, err);
    if (ca >= NC_SINGLE || cb >= NC_SINGLE) return double_op(op, dbl_value(a), dbl_value(b), out);
    return int_op(op, a, b, out, err);
}

/* Bool and char act as Int32 in arithmetic. */
static Value as_int_like(Value v)
{
    if (v.kind == VAL_BOOL) return val_int(v.as.b);
    if (v.kind == VAL_CHAR) return val_int((int32_t)v.as.u);
    return v;
}

/* The right operand of a numeric left operand; $null is 0. */
static int rhs_numeric(Value a, Value b, Value *nb, ConvError *err)
{
    if (val_is_null(b)) return *nb = val_int(0), 0;
    if (val_is_number(b) || b.kind == VAL_BOOL || b.kind == VAL_CHAR)
        return *nb = val_ref(as_int_like(b)), 0;
    return convert_to_number(b, val_type_id(a), nb, err);
}

static int number_left(ArithOp op, Value a, Value b, Value *out, ConvError *err)
{
    Value nb;
    if ((a.kind == VAL_BOOL || a.kind == VAL_CHAR) && op == ARITH_MUL) /* not "numeric" */
        return fail_method(err, a, op);
    if (rhs_numeric(a, b, &nb, err)) return -1;
    int st = numeric(op, as_int_like(a), nb, out, err);
    val_unref(nb);
    return st;
}

/* ---- strings, arrays, hashtables ---- */

/* The right operand of string * n (Int32; negative repeats nothing) or array * n (UInt32). */
static int repeat_count(Value b, TypeId t, int64_t *n, ConvError *err)
{
    Value c;
    if (convert_to(b, t, 0, &c, err)) return -1;
    *n = t == TY_UINT32 ? (int64_t)c.as.u : c.as.i;
    return 0;
}

static int string_left(ArithOp op, Value a, Value b, const char *ofs, Value *out, ConvError *err)
{
    StrBuf sb;
    sb_init(&sb);
    if (op == ARITH_ADD) {
        sb_append(&sb, val_str_data(a), val_str_len(a));
        convert_append_string(b, ofs, &sb);
        return *out = val_str_take_sb(&sb), 0;
    }
    if (op == ARITH_MUL) {
        int64_t n;
        if (repeat_count(b, TY_INT32, &n, err)) return -1;
        for (int64_t i = 0; i < n; i++)
            sb_append(&sb, val_str_data(a), val_str_len(a));
        return *out = val_str_take_sb(&sb), 0;
    }
    Value na; /* '10' - 2: both sides become numbers; the message names the other's type */
    if (convert_to_number(a, val_is_number(b) ? val_type_id(b) : TY_INT32, &na, err)) return -1;
    int st = number_left(op, na, b, out, err);
    val_unref(na);
    return st;
}

static int array_left(ArithOp op, Value a, Value b, Value *out, ConvError *err)
{
    if (op == ARITH_ADD) return *out = arr_concat(a, b), 0;
    if (op != ARITH_MUL) return fail_method(err, a, op);
    int64_t n;
    if (repeat_count(b, TY_UINT32, &n, err)) return -1;
    Value r = arr_new(TY_OBJECT, (size_t)n * arr_len(a));
    for (int64_t k = 0; k < n; k++)
        for (size_t i = 0; i < arr_len(a); i++)
            arr_push(r, arr_peek(a, i));
    *out = r;
    return 0;
}

static int hashtable_left(ArithOp op, Value a, Value b, Value *out, ConvError *err)
{
    if (op != ARITH_ADD) return fail_method(err, a, op);
    if (!ht_is(b))
        return conv_fail(err, "AddHashTableToNonHashTable",
                         "A hash table can only be added to another hash table.");
    Value r = ht_copy(a);
    for (size_t i = 0; i < ht_count(b); i++) {
        Value k, v;
        ht_entry_peek(b, i, &k, &v);
        if (ht_add(r, k, v)) continue;
        Value old = k;
        ht_key_peek(r, k, &old);
        StrBuf sa, sb;
        sb_init(&sa);
        sb_init(&sb);
        convert_append_scalar(old, &sa);
        convert_append_scalar(k, &sb);
        conv_fail(err, "System.ArgumentException",
                  "Item has already been added. Key in dictionary: '%s'  Key being added: '%s'",
                  sb_str(&sa), sb_str(&sb));
        sb_free(&sa);
        sb_free(&sb);
        val_unref(r);
        return -1;
    }
    *out = r;
    return 0;
}

/* DateTime +/- TimeSpan, DateTime - DateTime, TimeSpan +/- TimeSpan. */
static int time_left(ArithOp op, Value a, Value b, Value *out, ConvError *err)
{
    int sub = op == ARITH_SUB;
    if ((op == ARITH_ADD || sub) && b.kind == VAL_TIMESPAN) {
        Value r = a;
        r.as.i = sub ? a.as.i - b.as.i : a.as.i + b.as.i;
        return *out = r, 0;
    }
    if (sub && a.kind == VAL_DATETIME && b.kind == VAL_DATETIME)
        return *out = val_timespan(a.as.i - b.as.i), 0;
    return fail_method(err, a, op);
}

static int null_left(ArithOp op, Value b, const char *ofs, Value *out, ConvError *err)
{
    if (op == ARITH_ADD) return *out = val_is_null(b) ? val_null() : val_ref(b), 0;
    if (op == ARITH_MUL) return *out = val_null(), 0;
    return number_left(op, val_int(0), b, out, err);
}

/* ---- bitwise ---- */

/* An operand of a bitwise operator as an integer Value: $null is 0, bool and char are Int32,
 * strings parse as numbers, reals and decimals round to Int64. */
static int to_bits(Value v, Value *out, ConvError *err)
{
    if (val_is_null(v)) return *out = val_int(0), 0;
    v = as_int_like(v);
    if (val_is_integer(v)) return *out = v, 0;
    if (!val_is_str(v)) return convert_to(v, TY_INT64, 0, out, err);
    Value n;
    if (convert_to_number(v, TY_INT32, &n, err)) return -1;
    int st = to_bits(n, out, err);
    val_unref(n);
    return st;
}

/* The low bits of r as kind k (Int32, UInt32, Int64 or UInt64). */
static Value make_bits(ValKind k, uint64_t r)
{
    if (k == VAL_INT32) return val_int((int32_t)(uint32_t)r);
    if (k == VAL_UINT32) return int_make(k, (uint32_t)r);
    return k == VAL_INT64 ? val_long((int64_t)r) : val_ulong(r);
}

/*
** -band/-bor/-bxor work in the wider operand type (Int32, UInt32, Int64, UInt64); the shifts
** keep the left operand's type and mask the count to its width (21 -shr 32 is 21); -shr is
** arithmetic for signed types.
*/
static int bitwise(ArithOp op, Value a, Value b, Value *out, ConvError *err)
{
    Value x, y;
    if (to_bits(a, &x, err) || to_bits(b, &y, err)) return -1;
    ValKind kx = promote((ValKind)x.kind), ky = promote((ValKind)y.kind);
    int shift = op == ARITH_SHL || op == ARITH_SHR;
    ValKind k = shift || kx > ky ? kx : ky;
    uint64_t p = (uint64_t)int_value(x), q = (uint64_t)int_value(y), r;
    unsigned n = (unsigned)(q & (k == VAL_INT32 || k == VAL_UINT32 ? 31 : 63));
    switch (op) {
    case ARITH_BAND:
        r = p & q;
        break;
    case ARITH_BOR:
        r = p | q;
        break;
    case ARITH_BXOR:
        r = p ^ q;
        break;
    case ARITH_SHL:
        r = p << n;
        break;
    default: /* p holds the value sign- or zero-extended, so one 64-bit shift serves all */
        r = k == VAL_INT32 || k == VAL_INT64 ? (uint64_t)((int64_t)p >> n) : p >> n;
        break;
    }
    *out = make_bits(k, r);
    return 0;
}

/* ---- BigInteger and enums ---- */

static int is_numberish(Value v)
{
    return val_is_number(v) || v.kind == VAL_BOOL || v.kind == VAL_CHAR || val_is_bigint(v);
}

/* Exact BigInteger arithmetic; a floating operand makes it Double work.  / truncates, as
 * BigInteger's op_Division does. */
static int bigint_op(ArithOp op, Value a, Value b, Value *out, ConvError *err)
{
    if (a.kind == VAL_DOUBLE || a.kind == VAL_SINGLE || b.kind == VAL_DOUBLE ||
        b.kind == VAL_SINGLE) {
        double x = val_is_bigint(a) ? bigint_to_double(a) : dbl_value(a),
               y = val_is_bigint(b) ? bigint_to_double(b) : dbl_value(b);
        return double_op(op, x, y, out);
    }
    Value x, y, nb = val_null();
    if (!val_is_bigint(b) && !is_numberish(b) &&
        convert_to_number(b, TY_INT64, &nb, err)) /* "12" parses; "x" fails */
        return -1;
    if (!val_is_null(nb)) b = nb;
    int bad = bigint_from_value(as_int_like(a), &x)   ? 1
              : bigint_from_value(as_int_like(b), &y) ? 2
                                                      : 0;
    val_unref(nb);
    if (bad) {
        if (bad == 2) val_unref(x);
        return fail_method(err, a, op);
    }
    int rc = 0;
    switch (op) {
    case ARITH_ADD:
        *out = bigint_add(x, y);
        break;
    case ARITH_SUB:
        *out = bigint_sub(x, y);
        break;
    case ARITH_MUL:
        *out = bigint_mul(x, y);
        break;
    default:
        rc = op == ARITH_DIV ? bigint_div(x, y, out) : bigint_mod(x, y, out);
        if (rc) fail_div0(err);
        break;
    }
    val_unref(x), val_unref(y);
    return rc;
}

/* enum -bor/-band/-bxor: the right operand converts to the enum, the result keeps its type. */
static int enum_bitwise(ArithOp op, Value a, Value b, Value *out, ConvError *err)
{
    Value e, r;
    if (enum_convert(enum_type_of(a), b, &e, err)) return -1;
    int rc = bitwise(op, val_long(enum_value(a)), val_long(enum_value(e)), &r, err);
    if (rc == 0) *out = enum_make(enum_type_of(a), r.as.i);
    val_unref(e);
    return rc;
}

int arith_binary(ArithOp op, Value a, Value b, const char *ofs, Value *out, ConvError *err)
{
    a = val_base(a);
    b = val_base(b);
    if (val_is_enum(a) && op >= ARITH_BAND && op <= ARITH_BXOR)
        return enum_bitwise(op, a, b, out, err);
    if (op >= ARITH_BAND) return bitwise(op, a, b, out, err);
    if (val_is_bigint(a) || (val_is_bigint(b) && is_numberish(a)))
        return bigint_op(op, a, b, out, err);
    if (val_is_null(a)) return null_left(op, b, ofs, out, err);
    if (val_is_str(a)) return string_left(op, a, b, ofs, out, err);
    if (val_is_array(a)) return array_left(op, a, b, out, err);
    if (ht_is(a)) return hashtable_left(op, a, b, out, err);
    if (a.kind == VAL_DATETIME || a.kind == VAL_TIMESPAN) return time_left(op, a, b, out, err);
    if (a.kind == VAL_CHAR && op == ARITH_ADD) { /* [char]'a' + 1 is "a1" */
        Value s = convert_to_string(a, NULL);
        int st = string_left(op, s, b, ofs, out, err);
        val_unref(s);
        return st;
    }
    if (val_is_number(a) || a.kind == VAL_BOOL || a.kind == VAL_CHAR)
        return number_left(op, a, b, out, err);
    return fail_method(err, a, op);
}

int arith_negate(Value a, Value *out, ConvError *err)
{
    a = val_base(a);
    if (a.kind == VAL_TIMESPAN) return *out = val_timespan(-a.as.i), 0;
    if (val_is_bigint(a)) return *out = bigint_neg(a), 0;
    Value n;
    if (convert_to_number(a, TY_INT32, &n, err)) return -1;
    int st;
    if (val_is_decimal(n))
        st = (*out = dec_value(dec_neg(dec_of(n))), 0);
    else if (n.kind == VAL_DOUBLE || n.kind == VAL_SINGLE)
        st = (*out = n, out->as.d = -n.as.d, 0);
    else
        st = numeric(ARITH_SUB, val_int(0), n, out, err);
    val_unref(n);
    return st;
}

int arith_bnot(Value a, Value *out, ConvError *err)
{
    Value x;
    if (to_bits(val_base(a), &x, err)) return -1;
    *out = make_bits(promote((ValKind)x.kind), ~(uint64_t)int_value(x));
    return 0;
}
