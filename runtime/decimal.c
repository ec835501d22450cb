/*
** decimal: 96-bit decimal arithmetic.  Intermediate results live in a 256-bit "Wide"
** (eight 32-bit words) so alignment and products are exact; reduce() then divides by ten,
** rounding half to even, until the result fits 96 bits and 28 decimals.  Division works in
** unsigned __int128 (a remainder times ten stays below 2^100).
*/
#include "runtime/decimal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

__extension__ typedef unsigned __int128 u128;

#define MAX_SCALE 28
#define NWORDS    8

typedef struct Wide {
    uint32_t w[NWORDS]; /* least significant first */
} Wide;

/* ---- boxing ---- */

typedef struct ObjDecimal {
    Obj obj;
    Decimal d;
} ObjDecimal;

static int box_equals(Value a, Value b)
{
    return dec_cmp(dec_of(a), dec_of(b)) == 0;
}

static void box_to_string(Value self, StrBuf *out)
{
    dec_to_string(dec_of(self), out);
}

const ObjClass cls_decimal = {
    .name = "Decimal",
    .full_name = "System.Decimal",
    .type = TY_DECIMAL,
    .to_string = box_to_string,
    .equals = box_equals,
};

Value dec_value(Decimal d)
{
    ObjDecimal *o = (ObjDecimal *)obj_alloc(&cls_decimal, sizeof(ObjDecimal));
    o->d = d;
    return val_obj_take(&o->obj);
}

Decimal dec_of(Value v)
{
    return ((ObjDecimal *)v.as.o)->d;
}

int val_is_decimal(Value v)
{
    return val_is(v, &cls_decimal);
}

/* ---- mantissa helpers ---- */

static u128 mant(Decimal d)
{
    return ((u128)d.hi << 64) | ((u128)d.mid << 32) | d.lo;
}

static const u128 MANT_LIMIT = (u128)1 << 96;

static Decimal make(u128 m, int scale, int neg)
{
    Decimal d;
    d.lo = (uint32_t)m;
    d.mid = (uint32_t)(m >> 32);
    d.hi = (uint32_t)(m >> 64);
    d.scale = (uint8_t)scale;
    d.neg = (uint8_t)(neg && m != 0 ? 1 : 0);
    return d;
}

static Wide wide_of(u128 m)
{
    Wide x;
    memset(&x, 0, sizeof x);
    for (int i = 0; i < 4; i++)
        x.w[i] = (uint32_t)(m >> (32 * i));
    return x;
}

static int wide_fits96(const Wide *x)
{
    for (int i = 3; i < NWORDS; i++)
        if (x->w[i]) return 0;
    return 1;
}

static u128 wide_low(const Wide *x)
{
    return ((u128)x->w[2] << 64) | ((u128)x->w[1] << 32) | x->w[0];
}

static int wide_is_zero(const Wide *x)
{
    for (int i = 0; i < NWORDS; i++)
        if (x->w[i]) return 0;
    return 1;
}

static uint32_t wide_mul_small(Wide *x, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < NWORDS; i++) {
        uint64_t t = (uint64_t)x->w[i] * m + carry;
        x->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    return (uint32_t)carry;
}

static uint32_t wide_div_small(Wide *x, uint32_t d)
{
    uint64_t rem = 0;
    for (int i = NWORDS - 1; i >= 0; i--) {
        uint64_t t = (rem << 32) | x->w[i];
        x->w[i] = (uint32_t)(t / d);
        rem = t % d;
    }
    return (uint32_t)rem;
}

static void wide_add(Wide *x, const Wide *y)
{
    uint64_t carry = 0;
    for (int i = 0; i < NWORDS; i++) {
        uint64_t t = (uint64_t)x->w[i] + y->w[i] + carry;
        x->w[i] = (uint32_t)t;
        carry = t >> 32;
    }
}

static int wide_cmp(const Wide *x, const Wide *y)
{
    for (int i = NWORDS - 1; i >= 0; i--)
        if (x->w[i] != y->w[i]) return x->w[i] < y->w[i] ? -1 : 1;
    return 0;
}

static void wide_sub(Wide *x, const Wide *y) /* x >= y */
{
    int64_t borrow = 0;
    for (int i = 0; i < NWORDS; i++) {
        int64_t t = (int64_t)x->w[i] - y->w[i] - borrow;
        borrow = t < 0;
        x->w[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
}

/*
** Divide x by ten until it fits 96 bits and scale <= 28, rounding half to even.  Returns 0
** when the integer part itself does not fit (overflow).
*/
static int reduce(Wide x, int scale, int neg, Decimal *r)
{
    uint32_t last = 0;
    int sticky = 0, cut = 0;
    while (scale > MAX_SCALE || !wide_fits96(&x)) {
        if (scale == 0) return 0;
        sticky |= last != 0;
        last = wide_div_small(&x, 10);
        scale--;
        cut = 1;
    }
    u128 m = wide_low(&x);
    if (cut && (last > 5 || (last == 5 && (sticky || (m & 1))))) m++;
    if (m >= MANT_LIMIT) { /* rounding carried out of 96 bits */
        if (scale == 0) return 0;
        m = (m + 5) / 10;
        scale--;
    }
    *r = make(m, scale, neg);
    return 1;
}

/* ---- conversions ---- */

Decimal dec_from_int64(int64_t i)
{
    uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    return make(u, 0, i < 0);
}

Decimal dec_from_uint64(uint64_t u)
{
    return make(u, 0, 0);
}

int dec_is_zero(Decimal d)
{
    return (d.lo | d.mid | d.hi) == 0;
}

Decimal dec_neg(Decimal d)
{
    d.neg = dec_is_zero(d) ? 0 : !d.neg;
    return d;
}

void dec_to_string(Decimal d, StrBuf *out)
{
    char digits[40];
    int n = 0;
    u128 m = mant(d);
    do {
        digits[n++] = (char)('0' + (int)(m % 10));
        m /= 10;
    } while (m);
    while (n <= d.scale)
        digits[n++] = '0';
    if (d.neg) sb_putc(out, '-');
    for (int i = n - 1; i >= 0; i--) {
        sb_putc(out, digits[i]);
        if (i == d.scale && i > 0) sb_putc(out, '.');
    }
}

double dec_to_double(Decimal d)
{
    StrBuf sb;
    sb_init(&sb);
    dec_to_string(d, &sb);
    double r = strtod(sb_str(&sb), NULL);
    sb_free(&sb);
    return r;
}

Decimal dec_round(Decimal d, int scale)
{
    if (scale < 0) scale = 0;
    if (d.scale <= scale) return d;
    Wide x = wide_of(mant(d));
    uint32_t last = 0;
    int sticky = 0, s = d.scale;
    while (s > scale) {
        sticky |= last != 0;
        last = wide_div_small(&x, 10);
        s--;
    }
    u128 m = wide_low(&x);
    if (last > 5 || (last == 5 && (sticky || (m & 1)))) m++;
    return make(m, s, d.neg);
}

static int round_to_u64(Decimal d, uint64_t *out)
{
    Decimal r = dec_round(d, 0);
    u128 m = mant(r);
    if (m > UINT64_MAX) return 0;
    *out = (uint64_t)m;
    return 1;
}

int dec_to_int64(Decimal d, int64_t *out)
{
    uint64_t u;
    if (!round_to_u64(d, &u)) return 0;
    if (d.neg ? u > (uint64_t)INT64_MAX + 1 : u > (uint64_t)INT64_MAX) return 0;
    *out = d.neg ? (int64_t)(0 - u) : (int64_t)u;
    return 1;
}

int dec_to_uint64(Decimal d, uint64_t *out)
{
    uint64_t u;
    if (!round_to_u64(d, &u) || (d.neg && u != 0)) return 0;
    *out = u;
    return 1;
}

/* Digits (and one '.') from s; *i advances.  Digits past the 60th only move the exponent. */
static int scan_digits(const char *s, size_t len, size_t *i, Wide *x, int *scale, int *any)
{
    int seen_dot = 0, ndig = 0;
    for (; *i < len; (*i)++) {
        char c = s[*i];
        if (c == '.' && !seen_dot) {
            seen_dot = 1;
            continue;
        }
        if (c < '0' || c > '9') break;
        *any = 1;
        if (ndig >= 60 || (ndig == 0 && c == '0')) {
            if (ndig >= 60 && !seen_dot)
                (*scale)--;
            else if (ndig == 0 && seen_dot)
                (*scale)++;
            continue;
        }
        wide_mul_small(x, 10);
        Wide d = wide_of((u128)(c - '0'));
        wide_add(x, &d);
        ndig++;
        *scale += seen_dot;
    }
    return 1;
}

static int scan_exponent(const char *s, size_t len, size_t *i, int *exp)
{
    if (*i >= len || (s[*i] != 'e' && s[*i] != 'E')) return 1;
    (*i)++;
    int sign = 1, any = 0;
    if (*i < len && (s[*i] == '+' || s[*i] == '-')) sign = s[(*i)++] == '-' ? -1 : 1;
    for (; *i < len && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
        any = 1;
        if (*exp < 10000) *exp = *exp * 10 + (s[*i] - '0');
    }
    *exp *= sign;
    return any;
}

int dec_parse(const char *s, size_t len, Decimal *out)
{
    size_t i = 0;
    int neg = 0, scale = 0, any = 0, exp = 0;
    if (i < len && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    Wide x = wide_of(0);
    scan_digits(s, len, &i, &x, &scale, &any);
    if (!any || !scan_exponent(s, len, &i, &exp) || i != len) return 0;
    scale -= exp;
    for (; scale < 0; scale++)
        if (wide_mul_small(&x, 10) || !wide_fits96(&x)) return 0;
    if (scale > 200) { /* far below the smallest decimal */
        *out = make(0, 0, 0);
        return 1;
    }
    return reduce(x, scale, neg, out);
}

int dec_from_double(double d, Decimal *out)
{
    if (!isfinite(d) || fabs(d) >= 79228162514264337593543950336.0) return 0;
    char buf[40];
    snprintf(buf, sizeof buf, "%.14e", d);
    char *e = strchr(buf, 'e');
    int exp = atoi(e + 1);
    if (exp < -29) { /* rounds to zero at 28 decimals */
        *out = make(0, 0, 0);
        return 1;
    }
    if (!dec_parse(buf, strlen(buf), out)) return 0;
    /* drop trailing zeros, as .NET's conversion does */
    while (out->scale > 0 && mant(*out) % 10 == 0)
        *out = make(mant(*out) / 10, out->scale - 1, out->neg);
    return 1;
}

/* ---- arithmetic ---- */

/* x * 10^n in place; n <= 28 keeps 96-bit inputs inside 256 bits. */
static void scale_up(Wide *x, int n)
{
    while (n-- > 0)
        wide_mul_small(x, 10);
}

static int add_signed(Decimal a, Decimal b, Decimal *r)
{
    int scale = a.scale > b.scale ? a.scale : b.scale;
    Wide x = wide_of(mant(a)), y = wide_of(mant(b));
    scale_up(&x, scale - a.scale);
    scale_up(&y, scale - b.scale);
    if (a.neg == b.neg) {
        wide_add(&x, &y);
        return reduce(x, scale, a.neg, r);
    }
    if (wide_cmp(&x, &y) >= 0) {
        wide_sub(&x, &y);
        return reduce(x, scale, a.neg, r);
    }
    wide_sub(&y, &x);
    return reduce(y, scale, b.neg, r);
}

int dec_add(Decimal a, Decimal b, Decimal *r)
{
    return add_signed(a, b, r);
}

int dec_sub(Decimal a, Decimal b, Decimal *r)
{
    b.neg = !b.neg;
    return add_signed(a, b, r);
}

int dec_mul(Decimal a, Decimal b, Decimal *r)
{
    uint32_t x[3] = {a.lo, a.mid, a.hi}, y[3] = {b.lo, b.mid, b.hi};
    Wide p = wide_of(0);
    for (int i = 0; i < 3; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < 3; j++) {
            uint64_t t = (uint64_t)x[i] * y[j] + p.w[i + j] + carry;
            p.w[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        p.w[i + 3] = (uint32_t)carry;
    }
    if (wide_is_zero(&p)) return *r = make(0, 0, 0), 1;
    return reduce(p, a.scale + b.scale, a.neg != b.neg, r);
}

/*
** Long division one decimal digit at a time: the quotient gets digits until the remainder is
** zero, 28 decimals are reached or another digit would not fit; the last remainder rounds.
*/
int dec_div(Decimal a, Decimal b, Decimal *r)
{
    u128 n = mant(a), d = mant(b);
    if (d == 0) return 0;
    int scale = (int)a.scale - (int)b.scale;
    u128 q = n / d, rem = n % d;
    while ((rem != 0 && scale < MAX_SCALE) || scale < 0) {
        if (q > (MANT_LIMIT - 1) / 10 || q * 10 + (rem * 10) / d >= MANT_LIMIT) {
            if (scale < 0) return 0;
            break;
        }
        rem *= 10;
        q = q * 10 + rem / d;
        rem %= d;
        scale++;
    }
    if (rem * 2 > d || (rem * 2 == d && (q & 1))) q++;
    if (q >= MANT_LIMIT) return 0;
    *r = make(q, scale, a.neg != b.neg);
    return 1;
}

/* C# semantics: the result has the sign of the dividend. */
int dec_mod(Decimal a, Decimal b, Decimal *r)
{
    if (dec_is_zero(b)) return 0;
    int scale = a.scale > b.scale ? a.scale : b.scale;
    Wide x = wide_of(mant(a)), y = wide_of(mant(b));
    scale_up(&x, scale - a.scale);
    scale_up(&y, scale - b.scale);
    if (!wide_fits96(&x) || !wide_fits96(&y)) /* operands too far apart: rare, treat as overflow */
        return 0;
    u128 m = wide_low(&x) % wide_low(&y);
    *r = make(m, scale, a.neg);
    return 1;
}

int dec_cmp(Decimal a, Decimal b)
{
    if (dec_is_zero(a) && dec_is_zero(b)) return 0;
    if (a.neg != b.neg) return a.neg ? -1 : 1;
    int scale = a.scale > b.scale ? a.scale : b.scale;
    Wide x = wide_of(mant(a)), y = wide_of(mant(b));
    scale_up(&x, scale - a.scale);
    scale_up(&y, scale - b.scale);
    int c = wide_cmp(&x, &y);
    return a.neg ? -c : c;
}
