/*
** decimal: System.Decimal, a 96-bit unsigned mantissa with a sign and a scale 0..28
** (value = (-1)^neg * mant / 10^scale).  Arithmetic is exact while it fits and otherwise
** rounds half to even to at most 28 decimal places / 96 bits, like .NET.  Trailing zeros are
** significant for display (1.30d prints "1.30") but not for comparison (1.30d -eq 1.3d).
** Decimals box into a Value of class cls_decimal (immutable, refcounted).
*/
#ifndef PSM_RUNTIME_DECIMAL_H
#define PSM_RUNTIME_DECIMAL_H

#include <stdint.h>

#include "runtime/strbuf.h"
#include "runtime/value.h"

typedef struct Decimal {
    uint32_t lo, mid, hi; /* mantissa, least significant word first */
    uint8_t scale;        /* 0..28 */
    uint8_t neg;          /* 1 when negative */
} Decimal;

extern const ObjClass cls_decimal;

Value dec_value(Decimal d); /* box; never fails */
Decimal dec_of(Value v);    /* v must be a Decimal */
int val_is_decimal(Value v);

Decimal dec_from_int64(int64_t i);
Decimal dec_from_uint64(uint64_t u);
/* .NET's Decimal(Double): rounded to 15 significant digits, trailing zeros dropped.  Returns 0
 * for NaN, infinities and magnitudes >= 2^96. */
int dec_from_double(double d, Decimal *out);
double dec_to_double(Decimal d);
/* Round to an integer half to even; 0 when it does not fit in int64 / uint64. */
int dec_to_int64(Decimal d, int64_t *out);
int dec_to_uint64(Decimal d, uint64_t *out);
/* Parse "[-+]digits[.digits][e[-+]digits]" (the whole slice); 0 when malformed or too big. */
int dec_parse(const char *s, size_t len, Decimal *out);
void dec_to_string(Decimal d, StrBuf *out); /* invariant culture: "-1.30" */

/* Arithmetic: 1 on success, 0 on overflow (and, for div/mod, division by zero: check
 * dec_is_zero(b) first to tell them apart). */
int dec_add(Decimal a, Decimal b, Decimal *r);
int dec_sub(Decimal a, Decimal b, Decimal *r);
int dec_mul(Decimal a, Decimal b, Decimal *r);
int dec_div(Decimal a, Decimal b, Decimal *r);
int dec_mod(Decimal a, Decimal b, Decimal *r);
int dec_cmp(Decimal a, Decimal b); /* -1, 0, 1 by value */
int dec_is_zero(Decimal d);
Decimal dec_neg(Decimal d);
Decimal dec_round(Decimal d, int scale); /* half to even at that many decimals */

#endif
