/*
** members_util: the machinery shared by the member and static-member tables: a method table
** row {name, min args, max args, handler}, dispatch with pwsh's overload and exception
** wrapping, argument conversion helpers, and small string helpers (UTF-16 indexing of UTF-8).
** A handler fails by calling mbr_exc (a .NET exception: the dispatcher wraps it as
** 'Exception calling "M" with "n" argument(s): "..."') or mbr_fail (a final pwsh error).
*/
#ifndef PSM_RUNTIME_MEMBERS_UTIL_H
#define PSM_RUNTIME_MEMBERS_UTIL_H

#include <stdint.h>

#include "runtime/members.h"
#include "runtime/numfmt.h"

/* One call in progress: what a handler sees besides self. */
typedef struct MbrCall {
    MemberCtx *c;       /* the runspace fields */
    const char *method; /* canonical method name ("Substring") */
    const char *params; /* the row's parameter names (may be NULL) */
    const Value *a;     /* borrowed arguments */
    int n;              /* number of arguments */
    MemberError *err;   /* where failures go (never NULL inside handlers) */
} MbrCall;

/* Returns 0 with a new reference in *out, or -1 after mbr_exc / mbr_fail. */
typedef int (*MbrFn)(MbrCall *k, Value self, Value *out);

typedef struct MbrMethod {
    const char *name; /* canonical spelling; lookup is case-insensitive */
    int min, max;     /* accepted argument counts */
    MbrFn fn;
    const char *params; /* .NET parameter names "startIndex,length" for messages; NULL: "value" */
} MbrMethod;

/* A property getter: 1 and a new reference in *out; 0 when it does not apply. */
typedef int (*MbrGetFn)(MemberCtx *c, Value self, Value *out);

typedef struct MbrProp {
    const char *name;
    MbrGetFn fn;
} MbrProp;

/* Run method name from table t (terminated by a NULL name): MEMBER_NOTFOUND when absent,
 * MEMBER_ERROR for a bad count or a failure (wrapped), MEMBER_OK otherwise. */
int mbr_dispatch(const MbrMethod *t, MemberCtx *c, Value self, const char *name, size_t len,
                 const Value *a, int n, Value *out, MemberError *err);
/* Property name from table t: MEMBER_OK or MEMBER_NOTFOUND. */
int mbr_getprop(const MbrProp *t, MemberCtx *c, Value self, const char *name, size_t len,
                Value *out);

/* A .NET exception of type id ("ArgumentOutOfRangeException") with its message.  -1. */
int mbr_exc(MbrCall *k, const char *id, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A final pwsh error, not wrapped.  -1. */
int mbr_fail(MbrCall *k, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- arguments (i < k->n) ----
 * Each converts argument i like pwsh's method binder; on failure it reports pwsh's
 * MethodArgumentConversionInvalidCastArgument ('Cannot convert argument "i", with value: ...')
 * through mbr_fail and returns -1. */
Value mbr_str(MbrCall *k, int i); /* [string] of argument i: a new String; cannot fail */
int mbr_arg(MbrCall *k, int i, TypeId t, Value *out); /* to type t; *out is a new reference */
int mbr_int(MbrCall *k, int i, int32_t *out);
int mbr_long(MbrCall *k, int i, int64_t *out);
int mbr_double(MbrCall *k, int i, double *out);
int mbr_char(MbrCall *k, int i, uint32_t *out);
/* Argument i as bytes (a byte[] or array of numbers 0..255, or one number), appended to out. */
int mbr_bytes(MbrCall *k, int i, StrBuf *out);

/* .NET's noun for an overflowing type: "an Int32", "an unsigned byte", "a character" ... */
const char *mbr_overflow_noun(TypeId t);

/* Round a double to an integer with .NET's default banker's rounding. */
double mbr_round_even(double d);
/* An integer kind's size in bytes (1, 2, 4 or 8; for the X and B number formats). */
int mbr_int_bytes(ValKind k);
/* 1 for the unsigned integer kinds (byte, uint16, uint32, uint64). */
int mbr_is_unsigned(ValKind k);

/* v.ToString(fmt) for numbers, dates, timespans (en-US culture, as pwsh on Linux); any other
 * value appends its plain ToString().  fmt NULL is the parameterless ToString(). */
NfStatus mbr_format(Value v, const char *fmt, StrBuf *out);
/* .NET Object.Equals: same type and value for scalars (1 vs 1L differ), ordinal strings,
 * the class hook or identity for objects. */
int mbr_equals(Value a, Value b);

#endif
