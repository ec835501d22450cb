/*
** datefmt: .NET DateTime and TimeSpan formatting (standard and custom format strings),
** PowerShell's Get-Date -UFormat, and the DateTime <-> ticks arithmetic they need.  Like
** numfmt it knows only the invariant and en-US cultures (ICU data: en-US "M/d/yyyy h:mm:ss tt",
** invariant "MM/dd/yyyy HH:mm:ss") and never reads the C locale; apart from dt_now and
** dt_local_offset_min the caller supplies the UTC offset.  Errors are NfStatus codes (NF_EINPUT =
*FormatException).
*/
#ifndef PSM_RUNTIME_DATEFMT_H
#define PSM_RUNTIME_DATEFMT_H

#include <stdint.h>

#include "runtime/numfmt.h"
#include "runtime/strbuf.h"

#define DT_TICKS_PER_SECOND INT64_C(10000000)
#define DT_TICKS_PER_DAY    (INT64_C(86400) * DT_TICKS_PER_SECOND)
#define DT_UNIX_EPOCH_TICKS INT64_C(621355968000000000) /* 1970-01-01T00:00:00 */

typedef enum DtKind { DT_UNSPECIFIED, DT_UTC, DT_LOCAL } DtKind;

/* A broken-down DateTime (proleptic Gregorian, years 1..9999). */
typedef struct DtParts {
    int year, month, day;     /* 1..9999, 1..12, 1..31 */
    int hour, minute, second; /* 0..23, 0..59, 0..59 */
    int32_t frac;             /* ticks inside the second, 0..9999999 (100 ns units) */
    int dow;                  /* day of week, 0 = Sunday (set by dt_from_ticks) */
    int yday;                 /* day of year, 1..366 (set by dt_from_ticks) */
    DtKind kind;              /* K prints "Z" for UTC, the offset for Local, "" otherwise */
    int offset_min;           /* UTC offset in minutes for z/zz/zzz/K (0 for UTC) */
} DtParts;

/*
** The current time from the system clock: local (DT_LOCAL, offset_min from the C library's
** zone) or UTC (DT_UTC, offset 0).  The only clock/zone reader in this module.  Cannot fail.
*/
void dt_now(DtParts *out, int utc);
/* Minutes east of UTC of the C library's local zone at the UTC instant `utc_ticks`. */
int dt_local_offset_min(int64_t utc_ticks);

/* Split ticks since 0001-01-01 (0 .. 3155378975999999999) into parts; kind and offset_min
** are left as they were. */
void dt_from_ticks(int64_t ticks, DtParts *out);
/* Ticks since 0001-01-01 of year..frac (dow, yday, kind and offset are ignored). */
int64_t dt_to_ticks(const DtParts *p);

/*
** DateTime.ToString(fmt): one letter is a standard format (d D f F g G M m O o R r s t T u U
** Y y), anything longer is custom.  fmt NULL or "" is the default ToString() ("G").  U and R
** convert to UTC with offset_min.  NF_EINPUT for a bad format; nothing is appended then.
*/
NfStatus dt_format(StrBuf *sb, const DtParts *p, const char *fmt, NfCulture cul);

/*
** How PowerShell's DateTime view shows a date on the console: ToLongDateString() + " " +
** ToLongTimeString(), i.e. patterns "D" and "T" ("Tuesday, November 24, 2026 1:45:10 PM" for
** en-US).  -DisplayHint Date / Time are dt_format "D" / "T".  Cannot fail.
*/
void dt_format_display(StrBuf *sb, const DtParts *p, NfCulture cul);

/*
** Get-Date -UFormat as PowerShell 7 implements it: %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I
** %j %k %l %m %M %n %p %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %Z; "%%" and unknown letters
** print the letter; a leading '+' is skipped.  en-US names.  Cannot fail.
*/
void dt_uformat(StrBuf *sb, const DtParts *p, const char *ufmt);

/*
** TimeSpan.ToString(fmt) for a tick count: NULL, "", "c", "t", "T" -> [-][d.]hh:mm:ss[.fffffff];
** "g" -> [-][d:]h:mm:ss[.FFFFFFF]; "G" -> [-]d:hh:mm:ss.fffffff; otherwise custom (d h m s f F,
** quotes and backslash escapes).  NF_EINPUT for a bad format.
*/
NfStatus ts_format(StrBuf *sb, int64_t ticks, const char *fmt);

#endif
