/*
** bigint: System.Numerics.BigInteger ([bigint], the 'n' literal suffix): an immutable,
** refcounted sign + magnitude of 32-bit limbs (least significant first, no leading zero
** limbs; zero has no limbs and is never negative).  Arithmetic is exact; division truncates
** toward zero and % takes the sign of the dividend, as in .NET.
** Return convention: constructors never fail; parse/convert return 0, or -1 when the input
** is not a number (or does not fit the target).
*/
#ifndef PSM_RUNTIME_BIGINT_H
#define PSM_RUNTIME_BIGINT_H

#include <stdint.h>

#include "runtime/strbuf.h"
#include "runtime/value.h"

extern const ObjClass cls_bigint;

int val_is_bigint(Value v);
Value bigint_from_int64(int64_t i);
Value bigint_from_uint64(uint64_t u);
/* The integer part of d (truncated, like .NET's BigInteger(Double)); -1 for NaN/infinity. */
int bigint_from_double(double d, Value *out);
/* Any integer kind, bool, char, Decimal (truncated), Single/Double or BigInteger; -1 else. */
int bigint_from_value(Value v, Value *out);
/* "[-+]digits" in decimal (surrounding white space allowed), as BigInteger.Parse. */
int bigint_parse(const char *s, size_t len, Value *out);
/* A numeric literal with the n suffix: 0x / 0b / decimal digits, then 'n', then an optional
 * multiplier (kb mb gb tb pb), case-insensitive: "482ngb", "0xFFn". */
int bigint_parse_literal(const char *s, size_t len, Value *out);

void bigint_to_string(Value v, StrBuf *out); /* decimal, "-" for negatives */
/* BigInteger.ToString(fmt) (en-US): standard and custom numeric formats; X/x gives the
 * shortest two's complement hex (a leading 0 keeps a positive value's sign: 255 -> "0FF").
 * Returns an NfStatus (numfmt.h); nothing is appended on error. */
int bigint_format(Value v, const char *fmt, StrBuf *out);
double bigint_to_double(Value v);           /* nearest double (may be infinite) */
int bigint_to_int64(Value v, int64_t *out); /* -1 when out of range */
int bigint_to_uint64(Value v, uint64_t *out);
int bigint_sign(Value v); /* -1, 0, 1 */

/* Exact operations on two BigIntegers (new references).  div and mod return -1 when b is 0. */
Value bigint_add(Value a, Value b);
Value bigint_sub(Value a, Value b);
Value bigint_mul(Value a, Value b);
int bigint_div(Value a, Value b, Value *out);
int bigint_mod(Value a, Value b, Value *out);
Value bigint_neg(Value a);
int bigint_cmp(Value a, Value b); /* -1, 0, 1 */

#endif
