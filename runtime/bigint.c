/*
** bigint: BigInteger on 32-bit limbs.  The magnitude helpers (mag_*) work on plain limb
** arrays that the caller sizes; box() normalizes and wraps a result.  Division is binary
** long division (O(bits * limbs)): script values are short, so simplicity wins over Knuth D.
*/
#include "runtime/bigint.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/decimal.h"
#include "runtime/mem.h"
#include "runtime/numfmt.h"

typedef struct ObjBig {
    Obj obj;
    int neg;
    size_t n;
    uint32_t d[]; /* n limbs, least significant first */
} ObjBig;

static void big_str(Value self, StrBuf *out)
{
    bigint_to_string(self, out);
}

static int big_equals(Value a, Value b)
{
    return val_is_bigint(b) && bigint_cmp(a, b) == 0;
}

const ObjClass cls_bigint = {
    .name = "BigInteger",
    .full_name = "System.Numerics.BigInteger",
    .type = TY_OTHER,
    .to_string = big_str,
    .equals = big_equals,
};

static const ObjBig *as_big(Value v)
{
    return (const ObjBig *)v.as.o;
}

int val_is_bigint(Value v)
{
    return val_is(v, &cls_bigint);
}

/* ---- magnitudes ---- */

static size_t mag_len(const uint32_t *d, size_t n)
{
    while (n && d[n - 1] == 0)
        n--;
    return n;
}

static int mag_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn)
{
    an = mag_len(a, an), bn = mag_len(b, bn);
    if (an != bn) return an < bn ? -1 : 1;
    while (an--)
        if (a[an] != b[an]) return a[an] < b[an] ? -1 : 1;
    return 0;
}

/* r[0..max(an,bn)] = a + b (r has max(an,bn)+1 limbs). */
static void mag_add(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *r)
{
    if (an < bn) {
        const uint32_t *t = a;
        a = b, b = t;
        size_t tn = an;
        an = bn, bn = tn;
    }
    uint64_t carry = 0;
    for (size_t i = 0; i < an; i++) {
        carry += (uint64_t)a[i] + (i < bn ? b[i] : 0);
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    r[an] = (uint32_t)carry;
}

/* r[0..an) = a - b, where a >= b. */
static void mag_sub(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *r)
{
    int64_t borrow = 0;
    for (size_t i = 0; i < an; i++) {
        int64_t x = (int64_t)a[i] - (i < bn ? b[i] : 0) - borrow;
        borrow = x < 0;
        r[i] = (uint32_t)(x + (borrow ? ((int64_t)1 << 32) : 0));
    }
}

/* r[0..an+bn) = a * b (r zeroed by the caller). */
static void mag_mul(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *r)
{
    for (size_t i = 0; i < an; i++) {
        uint64_t carry = 0;
        for (size_t j = 0; j < bn; j++) {
            carry += (uint64_t)a[i] * b[j] + r[i + j];
            r[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        r[i + bn] = (uint32_t)carry;
    }
}

/* a[0..n) = a * m + add (returns the carry out). */
static uint32_t mag_muladd_small(uint32_t *a, size_t n, uint32_t m, uint32_t add)
{
    uint64_t carry = add;
    for (size_t i = 0; i < n; i++) {
        carry += (uint64_t)a[i] * m;
        a[i] = (uint32_t)carry;
        carry >>= 32;
    }
    return (uint32_t)carry;
}

/* a[0..n) /= m in place; returns the remainder. */
static uint32_t mag_divmod_small(uint32_t *a, size_t n, uint32_t m)
{
    uint64_t rem = 0;
    while (n--) {
        rem = (rem << 32) | a[n];
        a[n] = (uint32_t)(rem / m);
        rem %= m;
    }
    return (uint32_t)rem;
}

/* q[0..an) = a / b, r[0..bn] = a % b (both zeroed by the caller; b is not zero). */
static void mag_divmod(const uint32_t *a, size_t an, const uint32_t *b, size_t bn, uint32_t *q,
                       uint32_t *r)
{
    for (size_t bit = an * 32; bit-- > 0;) {
        uint32_t top = 0; /* r = (r << 1) | bit of a */
        for (size_t i = 0; i <= bn; i++) {
            uint32_t next = r[i] >> 31;
            r[i] = (r[i] << 1) | top;
            top = next;
        }
        r[0] |= (a[bit / 32] >> (bit % 32)) & 1;
        if (mag_cmp(r, bn + 1, b, bn) >= 0) {
            mag_sub(r, bn + 1, b, bn, r);
            q[bit / 32] |= 1u << (bit % 32);
        }
    }
}

/* ---- boxing ---- */

/* A BigInteger from n limbs of d (copied) with a sign. */
static Value box(int neg, const uint32_t *d, size_t n)
{
    n = mag_len(d, n);
    ObjBig *b = (ObjBig *)obj_alloc(&cls_bigint, sizeof(ObjBig) + n * sizeof(uint32_t));
    b->neg = n ? neg : 0;
    b->n = n;
    if (n) memcpy(b->d, d, n * sizeof(uint32_t));
    return val_obj_take(&b->obj);
}

Value bigint_from_uint64(uint64_t u)
{
    uint32_t d[2] = {(uint32_t)u, (uint32_t)(u >> 32)};
    return box(0, d, 2);
}

Value bigint_from_int64(int64_t i)
{
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    uint32_t d[2] = {(uint32_t)m, (uint32_t)(m >> 32)};
    return box(i < 0, d, 2);
}

int bigint_from_double(double d, Value *out)
{
    if (isnan(d) || isinf(d)) return -1;
    int neg = d < 0;
    d = trunc(fabs(d));
    int e;
    double m = frexp(d, &e); /* d = m * 2^e, 0.5 <= m < 1 */
    size_t n = e > 0 ? (size_t)e / 32 + 2 : 1;
    uint32_t *w = xcalloc(n, sizeof(uint32_t));
    for (int bit = e - 1; bit >= 0 && m > 0; bit--) {
        m *= 2;
        if (m >= 1) w[bit / 32] |= 1u << (bit % 32), m -= 1;
    }
    *out = box(neg, w, n);
    free(w);
    return 0;
}

int bigint_from_value(Value v, Value *out)
{
    if (val_is_bigint(v)) return *out = val_ref(v), 0;
    switch (v.kind) {
    case VAL_BOOL:
        return *out = bigint_from_int64(v.as.b), 0;
    case VAL_CHAR:
    case VAL_BYTE:
    case VAL_UINT16:
    case VAL_UINT32:
    case VAL_UINT64:
        return *out = bigint_from_uint64(v.as.u), 0;
    case VAL_SBYTE:
    case VAL_INT16:
    case VAL_INT32:
    case VAL_INT64:
        return *out = bigint_from_int64(v.as.i), 0;
    case VAL_SINGLE:
    case VAL_DOUBLE:
        return bigint_from_double(v.as.d, out);
    default:
        break;
    }
    if (!val_is_decimal(v)) return -1;
    StrBuf sb; /* truncate toward zero through the digits */
    sb_init(&sb);
    dec_to_string(dec_of(v), &sb);
    const char *s = sb_str(&sb), *dot = strchr(s, '.');
    int rc = bigint_parse(s, dot ? (size_t)(dot - s) : strlen(s), out);
    sb_free(&sb);
    return rc;
}

/* Digits of radix (2, 10 or 16) into a fresh limb array; -1 on a bad digit or none. */
static int parse_mag(const char *s, size_t len, unsigned radix, int neg, Value *out)
{
    if (len == 0) return -1;
    size_t n = len / 8 + 2, used = 0;
    uint32_t *w = xcalloc(n, sizeof(uint32_t));
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        unsigned dv = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                      : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                      : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                             : 99;
        if (dv >= radix) return free(w), -1;
        uint32_t carry = mag_muladd_small(w, used + 1, radix, dv);
        used = mag_len(w, used + 1);
        if (carry) w[used++] = carry;
    }
    *out = box(neg, w, n);
    free(w);
    return 0;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int bigint_parse(const char *s, size_t len, Value *out)
{
    while (len && is_ws(*s))
        s++, len--;
    while (len && is_ws(s[len - 1]))
        len--;
    int neg = 0;
    if (len && (*s == '-' || *s == '+')) neg = *s == '-', s++, len--;
    return parse_mag(s, len, 10, neg, out);
}

static const struct Mult {
    const char *suffix;
    uint32_t shift;
} mults[] = {{"kb", 10}, {"mb", 20}, {"gb", 30}, {"tb", 40}, {"pb", 50}};

int bigint_parse_literal(const char *s, size_t len, Value *out)
{
    uint32_t shift = 0;
    for (size_t i = 0; len > 2 && i < sizeof mults / sizeof mults[0]; i++)
        if (str_nicmp(s + len - 2, mults[i].suffix, 2) == 0) shift = mults[i].shift, len -= 2;
    if (len == 0 || (s[len - 1] != 'n' && s[len - 1] != 'N')) return -1;
    len--;
    unsigned radix = 10;
    if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        radix = 16, s += 2, len -= 2;
    else if (len > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
        radix = 2, s += 2, len -= 2;
    Value v;
    if (parse_mag(s, len, radix, 0, &v)) return -1;
    if (!shift) return *out = v, 0;
    Value m = bigint_from_uint64((uint64_t)1 << shift);
    *out = bigint_mul(v, m);
    val_unref(v), val_unref(m);
    return 0;
}

/* ---- conversions out ---- */

void bigint_to_string(Value v, StrBuf *out)
{
    const ObjBig *b = as_big(v);
    if (b->n == 0) {
        sb_putc(out, '0');
        return;
    }
    uint32_t *w = xmalloc(b->n * sizeof(uint32_t));
    memcpy(w, b->d, b->n * sizeof(uint32_t));
    size_t n = b->n, nd = 0;
    char *dig = xmalloc(b->n * 10 + 1);
    while (n) { /* nine decimal digits per division */
        uint32_t r = mag_divmod_small(w, n, 1000000000u);
        n = mag_len(w, n);
        for (int k = 0; k < 9 && (n || r); k++, r /= 10)
            dig[nd++] = (char)('0' + r % 10);
    }
    if (b->neg) sb_putc(out, '-');
    while (nd)
        sb_putc(out, dig[--nd]);
    free(dig);
    free(w);
}

/* X format of a non-negative value: hex digits, a leading 0 when the top one is 8..F. */
static int hex_format(const ObjBig *b, int upper, int prec, StrBuf *out)
{
    const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    StrBuf t;
    sb_init(&t);
    for (size_t i = b->n; i-- > 0;)
        for (int sh = 28; sh >= 0; sh -= 4)
            sb_putc(&t, hex[(b->d[i] >> sh) & 15]);
    const char *p = sb_str(&t);
    while (*p == '0' && p[1])
        p++;
    size_t len = strlen(p);
    int pad = *p >= '8' || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F');
    for (long k = (long)(len + (size_t)pad); k < prec; k++)
        sb_putc(out, '0');
    if (pad) sb_putc(out, '0');
    sb_append(out, p, len);
    sb_free(&t);
    return NF_OK;
}

int bigint_format(Value v, const char *fmt, StrBuf *out)
{
    const ObjBig *b = as_big(v);
    if (fmt && (fmt[0] == 'X' || fmt[0] == 'x') && !b->neg &&
        (fmt[1] == '\0' || (fmt[1] >= '0' && fmt[1] <= '9')))
        return hex_format(b, fmt[0] == 'X', atoi(fmt + 1), out);
    StrBuf digits;
    sb_init(&digits);
    bigint_to_string(v, &digits);
    const char *d = sb_str(&digits) + b->neg; /* without the '-' */
    NfStatus st = nf_format_digits(out, b->neg, d, digits.len - (size_t)b->neg, fmt, NF_EN_US);
    sb_free(&digits);
    return (int)st;
}

double bigint_to_double(Value v)
{
    const ObjBig *b = as_big(v);
    double d = 0;
    for (size_t i = b->n; i-- > 0;)
        d = d * 4294967296.0 + b->d[i];
    return b->neg ? -d : d;
}

static int to_u64(const ObjBig *b, uint64_t *m)
{
    if (b->n > 2) return -1;
    *m = (b->n > 0 ? b->d[0] : 0) | (b->n > 1 ? (uint64_t)b->d[1] << 32 : 0);
    return 0;
}

int bigint_to_int64(Value v, int64_t *out)
{
    const ObjBig *b = as_big(v);
    uint64_t m;
    if (to_u64(b, &m)) return -1;
    if (b->neg) {
        if (m > (uint64_t)1 << 63) return -1;
        *out = (int64_t)(0 - m);
    } else {
        if (m > (uint64_t)INT64_MAX) return -1;
        *out = (int64_t)m;
    }
    return 0;
}

int bigint_to_uint64(Value v, uint64_t *out)
{
    const ObjBig *b = as_big(v);
    if (b->neg) return -1;
    return to_u64(b, out);
}

int bigint_sign(Value v)
{
    const ObjBig *b = as_big(v);
    return b->n == 0 ? 0 : b->neg ? -1 : 1;
}

/* ---- arithmetic ---- */

int bigint_cmp(Value a, Value b)
{
    const ObjBig *x = as_big(a), *y = as_big(b);
    if (x->neg != y->neg) return x->neg ? -1 : 1;
    int c = mag_cmp(x->d, x->n, y->d, y->n);
    return x->neg ? -c : c;
}

/* x + (negate_y ? -y : y). */
static Value add_signed(const ObjBig *x, const ObjBig *y, int negate_y)
{
    int yneg = negate_y ? !y->neg : y->neg;
    size_t n = (x->n > y->n ? x->n : y->n) + 1;
    uint32_t *r = xcalloc(n, sizeof(uint32_t));
    Value v;
    if (x->neg == yneg) {
        mag_add(x->d, x->n, y->d, y->n, r);
        v = box(x->neg, r, n);
    } else if (mag_cmp(x->d, x->n, y->d, y->n) >= 0) {
        mag_sub(x->d, x->n, y->d, y->n, r);
        v = box(x->neg, r, x->n);
    } else {
        mag_sub(y->d, y->n, x->d, x->n, r);
        v = box(yneg, r, y->n);
    }
    free(r);
    return v;
}

Value bigint_add(Value a, Value b)
{
    return add_signed(as_big(a), as_big(b), 0);
}

Value bigint_sub(Value a, Value b)
{
    return add_signed(as_big(a), as_big(b), 1);
}

Value bigint_mul(Value a, Value b)
{
    const ObjBig *x = as_big(a), *y = as_big(b);
    size_t n = x->n + y->n + 1;
    uint32_t *r = xcalloc(n, sizeof(uint32_t));
    mag_mul(x->d, x->n, y->d, y->n, r);
    Value v = box(x->neg != y->neg, r, n);
    free(r);
    return v;
}

/* Quotient (want_q) or remainder of a / b, truncating toward zero. */
static int divide(Value a, Value b, int want_q, Value *out)
{
    const ObjBig *x = as_big(a), *y = as_big(b);
    if (y->n == 0) return -1;
    uint32_t *q = xcalloc(x->n + 1, sizeof(uint32_t)), *r = xcalloc(y->n + 1, sizeof(uint32_t));
    mag_divmod(x->d, x->n, y->d, y->n, q, r);
    *out = want_q ? box(x->neg != y->neg, q, x->n) : box(x->neg, r, y->n + 1);
    free(q), free(r);
    return 0;
}

int bigint_div(Value a, Value b, Value *out)
{
    return divide(a, b, 1, out);
}

int bigint_mod(Value a, Value b, Value *out)
{
    return divide(a, b, 0, out);
}

Value bigint_neg(Value a)
{
    const ObjBig *x = as_big(a);
    return box(!x->neg, x->d, x->n);
}
