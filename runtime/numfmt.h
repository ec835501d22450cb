/*
** numfmt: .NET number formatting (standard and custom numeric format strings, and the
** composite formatting engine behind `-f`).  It takes plain C numbers, never Values, and
** appends to a StrBuf.  Only two cultures exist: invariant and en-US (as .NET on Linux/ICU
** defines them); nothing here reads the C locale.  Errors come back as NfStatus codes and
** never print.  Doubles follow .NET Core 3.0+: standard formats round the exact binary value
** (ties to even), custom formats first take 15 significant digits, then round half up.
*/
#ifndef PSM_RUNTIME_NUMFMT_H
#define PSM_RUNTIME_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/strbuf.h"

typedef enum NfCulture {
    NF_INVARIANT, /* "¤" currency, "(¤n)", "n %", "Infinity", dates MM/dd/yyyy HH:mm:ss */
    NF_EN_US      /* "$n", "-$n", "n%", "∞", dates M/d/yyyy h:mm:ss tt */
} NfCulture;

typedef enum NfStatus {
    NF_OK = 0,
    NF_EFORMAT, /* FormatException: "Format specifier was invalid." */
    NF_EINDEX,  /* composite: argument index out of range */
    NF_EINPUT   /* malformed composite item, or a bad DateTime/TimeSpan format (datefmt.h) */
} NfStatus;

/* System.Decimal as its parts: value = (neg ? -1 : 1) * (hi:mid:lo) / 10^scale, scale 0..28. */
typedef struct NfDecimal {
    uint32_t lo, mid, hi; /* 96-bit magnitude, little-endian words */
    uint8_t scale;        /* digits after the decimal point (trailing zeros are significant) */
    uint8_t neg;          /* 1 for negative (also -0m) */
} NfDecimal;

/* The .NET message for a status ("" for NF_OK).  Static storage; cannot fail. */
const char *nf_strerror(NfStatus st);

/*
** Format an integer of `width` bytes (1, 2, 4 or 8; X/B show negatives in that many bytes of
** two's complement; anything else means 8).  fmt NULL or "" is "G".  Returns NF_EFORMAT for an
*unknown specifier;
** on error nothing is appended.
*/
NfStatus nf_format_int(StrBuf *sb, int64_t v, int width, const char *fmt, NfCulture cul);
NfStatus nf_format_uint(StrBuf *sb, uint64_t v, int width, const char *fmt, NfCulture cul);

/*
** Format a double / single as .NET's Double.ToString(fmt, culture).  fmt NULL or "" (plain
** ToString()) is the shortest round-trip string, like "R" ("0.30000000000000004"); that is what
** String.Format -- and so `-f` with a bare {0} -- shows for a double.  PowerShell's own
** conversions (display, "$x", [string]) use nf_double_ps instead.  D, X and B give NF_EFORMAT.
*/
NfStatus nf_format_double(StrBuf *sb, double v, const char *fmt, NfCulture cul);
NfStatus nf_format_float(StrBuf *sb, float v, const char *fmt, NfCulture cul);

/* Format a decimal; fmt NULL/"" keeps the scale ("1.50").  D, X, B and R give NF_EFORMAT. */
NfStatus nf_format_decimal(StrBuf *sb, const NfDecimal *d, const char *fmt, NfCulture cul);

/*
** Format an integer of any size given as its decimal digits (no sign, no leading zeros; "0"
** for zero), as System.Numerics.BigInteger.ToString(fmt) does for G, D, N, F, E, C, P and
** custom formats.  X and B give NF_EFORMAT (the caller formats the bits).  R is G.
*/
NfStatus nf_format_digits(StrBuf *sb, bool neg, const char *digits, size_t n, const char *fmt,
                          NfCulture cul);

/*
** PowerShell's own double -> string (display, interpolation, [string]): ToString("G15",
** invariant).  `0.1+0.2` -> "0.3", `1/3` -> "0.333333333333333", `1e20` -> "1E+20".
** Source: PS LanguagePrimitives (DoublePrecision = "G15"), language.md 6.2.  Cannot fail.
*/
void nf_double_ps(StrBuf *sb, double v);
/* The same for [float] (Single): ToString("G7"). */
void nf_float_ps(StrBuf *sb, float v);

/*
** Composite formatting (`-f`, String.Format).  For each item {index[,alignment][:format]}
** nf_composite calls argfn(ctx, out, index, fmt, fmtlen) with a cleared `out`; fmt is NULL when
** the item has no format part (otherwise it points at fmtlen bytes, NUL-terminated).  argfn
** returns NF_OK or an error, which stops formatting.  Alignment pads `out` with spaces, counting
** UTF-8 code points.  "{{" and "}}" are literal braces.  On error sb may hold partial output.
** PowerShell's -f wraps a failure as "Error formatting a string: <nf_strerror>." (FormatError).
*/
typedef NfStatus (*NfArgFn)(void *ctx, StrBuf *out, int index, const char *fmt, size_t fmtlen);
NfStatus nf_composite(StrBuf *sb, const char *fmt, int nargs, NfArgFn argfn, void *ctx);

/* Pad `s` (n bytes) to |align| code points: align > 0 right-aligns, < 0 left-aligns. */
void nf_pad(StrBuf *sb, const char *s, size_t n, int align);

#endif
