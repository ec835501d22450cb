/*
** arith: the arithmetic and bitwise operators on Values (language.md 6.1, 6.2).  The left
** operand decides: numbers widen (Int32 overflow -> Double, never Int64), strings concatenate
** or repeat, arrays concatenate or replicate, hashtables merge, $null is neutral.  Errors are
** reported as ConvError with pwsh's text ("Attempted to divide by zero.").
** Return convention: 0 and a new reference in *out, or -1 with *err filled.
*/
#ifndef PSM_RUNTIME_ARITH_H
#define PSM_RUNTIME_ARITH_H

#include "runtime/convert.h"
#include "runtime/value.h"

typedef enum ArithOp {
    ARITH_ADD,  /* + */
    ARITH_SUB,  /* - */
    ARITH_MUL,  /* * */
    ARITH_DIV,  /* / */
    ARITH_MOD,  /* % */
    ARITH_BAND, /* -band */
    ARITH_BOR,  /* -bor */
    ARITH_BXOR, /* -bxor */
    ARITH_SHL,  /* -shl */
    ARITH_SHR   /* -shr (arithmetic for signed types) */
} ArithOp;

/* a op b.  ofs is the separator used when a string absorbs an array ("a" + (1,2) -> "a1 2");
 * NULL means " ". */
int arith_binary(ArithOp op, Value a, Value b, const char *ofs, Value *out, ConvError *err);
int arith_negate(Value a, Value *out, ConvError *err); /* unary minus */
int arith_bnot(Value a, Value *out, ConvError *err);   /* -bnot */

#endif
