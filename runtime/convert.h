/*
** convert: PowerShell's coercions (language.md 6.1-6.9): ToString and [string] rules,
** string-to-number parsing, truthiness, casts ([int], [char[]], [pscustomobject] ...),
** -is/-as, and -eq / ordering with the left operand deciding.  Nothing here prints: a failure
** fills a ConvError that the evaluator turns into an ErrorRecord.
** Return convention: 0 on success, -1 on failure with *err set (err may be NULL).
*/
#ifndef PSM_RUNTIME_CONVERT_H
#define PSM_RUNTIME_CONVERT_H

#include "lexer/token.h"
#include "runtime/strbuf.h"
#include "runtime/value.h"

/* A failed conversion or operation: pwsh's FullyQualifiedErrorId and its message text
 * (truncated to fit; pwsh messages are short). */
typedef struct ConvError {
    const char *id; /* e.g. "InvalidCastFromStringToInteger", "RuntimeException" */
    char msg[512];  /* e.g. "Attempted to divide by zero." */
} ConvError;

/* Fill err (when not NULL) and return -1. */
int conv_fail(ConvError *err, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- to string ---- */
/* ToString() of one value: numbers invariant (Double as G15), True/False, $null -> "",
 * a collection -> its type name ("System.Object[]"), PSCustomObject -> "@{a=1; b=2}". */
void convert_append_scalar(Value v, StrBuf *out);
/* [string] / interpolation: like the above, but an array's elements are each converted with
 * convert_append_scalar and joined with ofs (NULL means " ", the $OFS default). */
void convert_append_string(Value v, const char *ofs, StrBuf *out);
Value convert_to_string(Value v, const char *ofs); /* a new String (v itself when it is one) */
void convert_double_g(double d, int precision, StrBuf *out); /* .NET "G<precision>" */
void convert_datetime_str(int64_t ticks, StrBuf *out);       /* "MM/dd/yyyy HH:mm:ss" */
void convert_timespan_str(int64_t ticks, StrBuf *out);       /* "[-][d.]hh:mm:ss[.fffffff]" */

/* ---- numbers ---- */
/* Parse a string as PowerShell does when converting to a number: surrounding whitespace,
 * sign, decimal/real/exponent, 0x hex, 0b binary, type suffixes (l u ul d ...) and multipliers
 * (kb..pb).  Blank -> Int32 0.  Result: Int32, Int64, Decimal or Double (first that holds an
 * integer, Double for reals).  Returns 0 on success, -1 (no error text) when not a number. */
int convert_parse_number(const char *s, size_t len, Value *out);
/* Any value to a number for arithmetic: numbers as is, $null -> Int32 0, bool -> 0/1,
 * char -> its code, strings parsed; else -1 with err ("Cannot convert ... to type <want>"),
 * where want names the target type for the message (e.g. TY_INT32). */
int convert_to_number(Value v, TypeId want, Value *out, ConvError *err);

/* The Value of a number literal from the lexer.  text/len is the literal's source (needed for
 * NUM_DECIMAL, which keeps its exact digits there); BigInteger falls back to Double. */
Value convert_numlit(const NumLit *n, const char *text, size_t len);

/* ---- truthiness (6.6) ---- */
int convert_truthy(Value v);

/* ---- casts ---- */
/* [t]v, or [t[]]v when is_array.  Integers round half to even and check range. */
int convert_to(Value v, TypeId t, int is_array, Value *out, ConvError *err);
/* The same with a TypeRef value (a type literal) as the target. */
int convert_to_type(Value v, Value typeref, Value *out, ConvError *err);
/* v -is [t] / [t[]] (never fails). */
int convert_is(Value v, TypeId t, int is_array);
int convert_is_type(Value v, Value typeref);
/* v -as [t]: the converted value or $null. */
Value convert_as(Value v, Value typeref);

/* ---- comparison ---- */
/* -eq (cs = case-sensitive -ceq): the right operand converts to the left's type; a failed
 * conversion is simply "not equal".  Scalars only: the evaluator filters collections. */
int convert_equal(Value a, Value b, int cs);
/* Ordering for -lt/-gt/-le/-ge and Sort-Object: *cmp < 0, 0, > 0.  Fails (-1) when the right
 * operand cannot be converted to the left's type or the values are not comparable. */
int convert_compare(Value a, Value b, int cs, int *cmp, ConvError *err);
/* The comparison operators.  A scalar left operand gives a Boolean; a collection left operand
 * filters: the elements for which the comparison holds, as a new object[] (language.md 6.3).
 * Fails only for an ordering operator on values that cannot be ordered. */
typedef enum CmpOp { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE } CmpOp;
int convert_cmp_op(CmpOp op, Value a, Value b, int cs, Value *out, ConvError *err);
/* coll -contains item (and item -in coll): -eq with each element on the left; a scalar coll
 * is a one-element collection. */
int convert_contains(Value coll, Value item, int cs);
/* Culture-style string order (approximation of the invariant culture): compare code points
 * case-folded; when equal ignoring case and cs is set, lowercase sorts before uppercase at the
 * first difference.  'a' < 'B', 'aaa' < 'AAA' (cs), 'aaa' == 'AAA' (not cs). */
int convert_strcoll(const char *a, size_t alen, const char *b, size_t blen, int cs);

#endif
