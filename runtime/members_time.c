/*
** members_time: DateTime and TimeSpan.  A DateTime is ticks since 0001-01-01 plus a Kind;
** Local <-> Utc conversions ask datefmt for the C library zone's offset.  DateTime.Parse
** accepts the common invariant / en-US shapes (ISO 8601 with offsets, M/d/yyyy, month names,
** a time alone); ParseExact follows the custom format letters.
*/
#include "runtime/members_time.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/datefmt.h"
#include "runtime/enums.h"
#include "runtime/mem.h"

#define TICKS_MAX     INT64_C(3155378975999999999)
#define TICKS_MS      INT64_C(10000)
#define TICKS_MIN     (INT64_C(60) * DT_TICKS_PER_SECOND)
#define TICKS_HOUR    (INT64_C(60) * TICKS_MIN)
#define DAYS_TO_10000 INT64_C(3652059) /* days from 0001-01-01 to 10000-01-01 */

static const char *const day_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : dm[m - 1];
}

static DtParts parts_of(Value d)
{
    DtParts p;
    memset(&p, 0, sizeof p);
    dt_from_ticks(d.as.i, &p);
    return p;
}

static int unrepresentable(MbrCall *k)
{
    return mbr_exc(k, "ArgumentOutOfRangeException",
                   "The added or subtracted value results in an un-representable DateTime. "
                   "(Parameter 'value')");
}

static int make_date(MbrCall *k, Value self, int64_t ticks, Value *out)
{
    if (ticks < 0 || ticks > TICKS_MAX) return unrepresentable(k);
    *out = val_datetime(ticks, self.aux);
    return 0;
}

/* ---- DateTime properties ---- */

#define DATE_PART(fname, expr)                                                                     \
    static int fname(MemberCtx *c, Value self, Value *out)                                         \
    {                                                                                              \
        DtParts p = parts_of(self);                                                                \
        *out = expr;                                                                               \
        return 1;                                                                                  \
    }
DATE_PART(p_year, val_int(p.year))
DATE_PART(p_month, val_int(p.month))
DATE_PART(p_day, val_int(p.day))
DATE_PART(p_hour, val_int(p.hour))
DATE_PART(p_minute, val_int(p.minute))
DATE_PART(p_second, val_int(p.second))
DATE_PART(p_millisecond, val_int(p.frac / 10000))
DATE_PART(p_microsecond, val_int(p.frac / 10 % 1000))
DATE_PART(p_nanosecond, val_int(p.frac % 10 * 100))
DATE_PART(p_dayofyear, val_int(p.yday))

/* DayOfWeek is a [System.DayOfWeek] enum value, so [int] gives 0..6 and tables show the name. */
static int p_dayofweek(MemberCtx *c, Value self, Value *out)
{
    DtParts p = parts_of(self);
    const EnumType *t = enum_find("DayOfWeek", 9);
    *out = t ? enum_make(t, p.dow) : val_str(day_names[p.dow]);
    return 1;
}

/* pwsh's types.ps1xml DateTime ScriptProperty: ToLongDateString() + " " + ToLongTimeString()
 * in the en-US culture pwsh uses on Linux.  A bare [datetime] has no DisplayHint note, so
 * this always takes the "DateTime" branch (Get-Date's -DisplayHint is the caller's note). */
static int p_datetime(MemberCtx *c, Value self, Value *out)
{
    DtParts p = parts_of(self);
    p.kind = (DtKind)self.aux;
    StrBuf sb = {0};
    dt_format_display(&sb, &p, NF_EN_US);
    *out = val_str_take_sb(&sb);
    return 1;
}

static int p_ticks(MemberCtx *c, Value self, Value *out)
{
    *out = val_long(self.as.i);
    return 1;
}

static int p_date(MemberCtx *c, Value self, Value *out)
{
    *out = val_datetime(self.as.i - self.as.i % DT_TICKS_PER_DAY, self.aux);
    return 1;
}

static int p_timeofday(MemberCtx *c, Value self, Value *out)
{
    *out = val_timespan(self.as.i % DT_TICKS_PER_DAY);
    return 1;
}

static int p_kind(MemberCtx *c, Value self, Value *out)
{
    static const char *const names[] = {"Unspecified", "Utc", "Local"};
    const EnumType *t = enum_find("DateTimeKind", 12);
    *out = t ? enum_make(t, self.aux % 3) : val_str(names[self.aux % 3]);
    return 1;
}

const MbrProp mbr_date_props[] = {
    {"Year", p_year},
    {"Month", p_month},
    {"Day", p_day},
    {"Hour", p_hour},
    {"Minute", p_minute},
    {"Second", p_second},
    {"Millisecond", p_millisecond},
    {"Microsecond", p_microsecond},
    {"Nanosecond", p_nanosecond},
    {"DateTime", p_datetime},
    {"DayOfWeek", p_dayofweek},
    {"DayOfYear", p_dayofyear},
    {"Ticks", p_ticks},
    {"Date", p_date},
    {"TimeOfDay", p_timeofday},
    {"Kind", p_kind},
    {NULL, NULL},
};

/* ---- DateTime methods ---- */

/* .NET 7+ AddUnits: the integral part exactly, the fraction truncated to ticks. */
static int add_units(MbrCall *k, Value self, Value *out, int64_t unit)
{
    double v, ip;
    if (mbr_double(k, 0, &v)) return -1;
    if (isnan(v) || fabs(v) > (double)(DAYS_TO_10000 * DT_TICKS_PER_DAY / unit))
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Value to add was out of range. (Parameter 'value')");
    ip = trunc(v);
    int64_t t = (int64_t)ip * unit + (int64_t)((v - ip) * (double)unit);
    return make_date(k, self, self.as.i + t, out);
}

#define ADD_UNITS(fname, unit)                                                                     \
    static int fname(MbrCall *k, Value self, Value *out)                                           \
    {                                                                                              \
        return add_units(k, self, out, unit);                                                      \
    }
ADD_UNITS(m_adddays, DT_TICKS_PER_DAY)
ADD_UNITS(m_addhours, TICKS_HOUR)
ADD_UNITS(m_addminutes, TICKS_MIN)
ADD_UNITS(m_addseconds, DT_TICKS_PER_SECOND)
ADD_UNITS(m_addmilliseconds, TICKS_MS)

static int m_addticks(MbrCall *k, Value self, Value *out)
{
    int64_t t;
    if (mbr_long(k, 0, &t)) return -1;
    return make_date(k, self, self.as.i + t, out);
}

static int add_months(MbrCall *k, Value self, Value *out, int64_t months)
{
    DtParts p = parts_of(self);
    int64_t m = (int64_t)p.year * 12 + (p.month - 1) + months;
    if (m < 12 || m >= 12 * 10000)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "The added or subtracted value results in an un-representable DateTime. "
                       "(Parameter 'months')");
    p.year = (int)(m / 12);
    p.month = (int)(m % 12) + 1;
    if (p.day > days_in_month(p.year, p.month)) p.day = days_in_month(p.year, p.month);
    *out = val_datetime(dt_to_ticks(&p), self.aux);
    return 0;
}

static int m_addmonths(MbrCall *k, Value self, Value *out)
{
    int32_t n;
    if (mbr_int(k, 0, &n)) return -1;
    if (n < -120000 || n > 120000)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Months value must be between +/-120000. (Parameter 'months')");
    return add_months(k, self, out, n);
}

static int m_addyears(MbrCall *k, Value self, Value *out)
{
    int32_t n;
    if (mbr_int(k, 0, &n)) return -1;
    if (n < -10000 || n > 10000)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Years value must be between +/-10000. (Parameter 'years')");
    DtParts p = parts_of(self);
    if (p.year + n < 1 || p.year + n > 9999) return unrepresentable(k);
    return add_months(k, self, out, (int64_t)n * 12);
}

static int span_arg(MbrCall *k, int i, int64_t *ticks)
{
    Value t;
    if (mbr_arg(k, i, TY_TIMESPAN, &t)) return -1;
    *ticks = t.as.i;
    return 0;
}

static int m_date_add(MbrCall *k, Value self, Value *out)
{
    int64_t t;
    if (span_arg(k, 0, &t)) return -1;
    return make_date(k, self, self.as.i + t, out);
}

/* Subtract(DateTime) -> TimeSpan; Subtract(TimeSpan) -> DateTime */
static int m_date_subtract(MbrCall *k, Value self, Value *out)
{
    Value v = val_base(k->a[0]);
    int64_t t;
    if (v.kind == VAL_DATETIME) return *out = val_timespan(self.as.i - v.as.i), 0;
    if (span_arg(k, 0, &t)) return -1;
    return make_date(k, self, self.as.i - t, out);
}

static int m_touniversal(MbrCall *k, Value self, Value *out)
{
    if (self.aux == DT_UTC) return *out = self, 0;
    int64_t t = self.as.i - (int64_t)dt_local_offset_min(self.as.i) * TICKS_MIN;
    /* the offset at the UTC instant, which differs from the guess only around DST changes */
    t = self.as.i - (int64_t)dt_local_offset_min(t) * TICKS_MIN;
    if (t < 0) t = 0;
    if (t > TICKS_MAX) t = TICKS_MAX;
    *out = val_datetime(t, DT_UTC);
    return 0;
}

static int m_tolocal(MbrCall *k, Value self, Value *out)
{
    if (self.aux == DT_LOCAL) return *out = self, 0;
    int64_t t = self.as.i + (int64_t)dt_local_offset_min(self.as.i) * TICKS_MIN;
    if (t < 0) t = 0;
    if (t > TICKS_MAX) t = TICKS_MAX;
    *out = val_datetime(t, DT_LOCAL);
    return 0;
}

static int fmt_date(MbrCall *k, Value self, Value *out, const char *fmt)
{
    StrBuf sb = {0};
    mbr_format(self, fmt, &sb);
    *out = val_str_take_sb(&sb);
    return 0;
}

static int m_shortdate(MbrCall *k, Value self, Value *out)
{
    return fmt_date(k, self, out, "d");
}

static int m_longdate(MbrCall *k, Value self, Value *out)
{
    return fmt_date(k, self, out, "D");
}

static int m_shorttime(MbrCall *k, Value self, Value *out)
{
    return fmt_date(k, self, out, "t");
}

static int m_longtime(MbrCall *k, Value self, Value *out)
{
    return fmt_date(k, self, out, "T");
}

static int cmp_ticks(int64_t a, int64_t b)
{
    return a < b ? -1 : a > b;
}

static int m_date_compareto(MbrCall *k, Value self, Value *out)
{
    Value v = val_base(k->a[0]);
    if (val_is_null(v)) return *out = val_int(1), 0;
    if (v.kind != VAL_DATETIME)
        return mbr_exc(k, "ArgumentException", "Object must be of type DateTime.");
    *out = val_int(cmp_ticks(self.as.i, v.as.i));
    return 0;
}

static int m_date_equals(MbrCall *k, Value self, Value *out)
{
    Value v = val_base(k->a[0]);
    *out = val_bool(v.kind == VAL_DATETIME && v.as.i == self.as.i);
    return 0;
}

const MbrMethod mbr_date_methods[] = {
    {"AddDays", 1, 1, m_adddays, NULL},
    {"AddHours", 1, 1, m_addhours, NULL},
    {"AddMinutes", 1, 1, m_addminutes, NULL},
    {"AddSeconds", 1, 1, m_addseconds, NULL},
    {"AddMilliseconds", 1, 1, m_addmilliseconds, NULL},
    {"AddTicks", 1, 1, m_addticks, "value"},
    {"AddMonths", 1, 1, m_addmonths, "months"},
    {"AddYears", 1, 1, m_addyears, NULL},
    {"Add", 1, 1, m_date_add, NULL},
    {"Subtract", 1, 1, m_date_subtract, NULL},
    {"ToUniversalTime", 0, 0, m_touniversal, NULL},
    {"ToLocalTime", 0, 0, m_tolocal, NULL},
    {"ToShortDateString", 0, 0, m_shortdate, NULL},
    {"ToLongDateString", 0, 0, m_longdate, NULL},
    {"ToShortTimeString", 0, 0, m_shorttime, NULL},
    {"ToLongTimeString", 0, 0, m_longtime, NULL},
    {"CompareTo", 1, 1, m_date_compareto, NULL},
    {"Equals", 1, 1, m_date_equals, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- TimeSpan ---- */

#define SPAN_PROP(fname, expr)                                                                     \
    static int fname(MemberCtx *c, Value self, Value *out)                                         \
    {                                                                                              \
        int64_t t = self.as.i;                                                                     \
        *out = expr;                                                                               \
        return 1;                                                                                  \
    }
SPAN_PROP(p_days, val_int((int32_t)(t / DT_TICKS_PER_DAY)))
SPAN_PROP(p_hours, val_int((int32_t)(t / TICKS_HOUR % 24)))
SPAN_PROP(p_minutes, val_int((int32_t)(t / TICKS_MIN % 60)))
SPAN_PROP(p_seconds, val_int((int32_t)(t / DT_TICKS_PER_SECOND % 60)))
SPAN_PROP(p_milliseconds, val_int((int32_t)(t / TICKS_MS % 1000)))
SPAN_PROP(p_span_ticks, val_long(t))
SPAN_PROP(p_totaldays, val_double((double)t / (double)DT_TICKS_PER_DAY))
SPAN_PROP(p_totalhours, val_double((double)t / (double)TICKS_HOUR))
SPAN_PROP(p_totalminutes, val_double((double)t / (double)TICKS_MIN))
SPAN_PROP(p_totalseconds, val_double((double)t / (double)DT_TICKS_PER_SECOND))
SPAN_PROP(p_totalms, val_double((double)t / (double)TICKS_MS))

const MbrProp mbr_span_props[] = {
    {"Days", p_days},
    {"Hours", p_hours},
    {"Minutes", p_minutes},
    {"Seconds", p_seconds},
    {"Milliseconds", p_milliseconds},
    {"Ticks", p_span_ticks},
    {"TotalDays", p_totaldays},
    {"TotalHours", p_totalhours},
    {"TotalMinutes", p_totalminutes},
    {"TotalSeconds", p_totalseconds},
    {"TotalMilliseconds", p_totalms},
    {NULL, NULL},
};

static int span_overflow(MbrCall *k)
{
    return mbr_exc(k, "OverflowException", "TimeSpan overflowed because the duration is too long.");
}

static int m_span_add(MbrCall *k, Value self, Value *out)
{
    int64_t t, r;
    if (span_arg(k, 0, &t)) return -1;
    if (__builtin_add_overflow(self.as.i, t, &r)) return span_overflow(k);
    *out = val_timespan(r);
    return 0;
}

static int m_span_subtract(MbrCall *k, Value self, Value *out)
{
    int64_t t, r;
    if (span_arg(k, 0, &t)) return -1;
    if (__builtin_sub_overflow(self.as.i, t, &r)) return span_overflow(k);
    *out = val_timespan(r);
    return 0;
}

static int m_span_negate(MbrCall *k, Value self, Value *out)
{
    if (self.as.i == INT64_MIN)
        return mbr_exc(k, "OverflowException",
                       "Negating the minimum value of a twos complement number is invalid.");
    *out = val_timespan(-self.as.i);
    return 0;
}

static int m_span_duration(MbrCall *k, Value self, Value *out)
{
    if (self.as.i == INT64_MIN) return span_overflow(k);
    *out = val_timespan(self.as.i < 0 ? -self.as.i : self.as.i);
    return 0;
}

static int m_span_compareto(MbrCall *k, Value self, Value *out)
{
    Value v = val_base(k->a[0]);
    if (val_is_null(v)) return *out = val_int(1), 0;
    if (v.kind != VAL_TIMESPAN)
        return mbr_exc(k, "ArgumentException", "Object must be of type TimeSpan.");
    *out = val_int(cmp_ticks(self.as.i, v.as.i));
    return 0;
}

const MbrMethod mbr_span_methods[] = {
    {"Add", 1, 1, m_span_add, NULL},
    {"Subtract", 1, 1, m_span_subtract, NULL},
    {"Negate", 0, 0, m_span_negate, NULL},
    {"Duration", 0, 0, m_span_duration, NULL},
    {"CompareTo", 1, 1, m_span_compareto, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- [timespan] statics ---- */

static int from_units(MbrCall *k, Value *out, double unit)
{
    double v;
    if (mbr_double(k, 0, &v)) return -1;
    if (isnan(v))
        return mbr_exc(k, "ArgumentException",
                       "TimeSpan does not accept floating point Not-a-Number values.");
    double t = v * unit;
    if (t > 9.2233720368547758e18 || t < -9.2233720368547758e18) return span_overflow(k);
    *out = val_timespan((int64_t)t);
    return 0;
}

#define FROM_UNITS(fname, unit)                                                                    \
    static int fname(MbrCall *k, Value self, Value *out)                                           \
    {                                                                                              \
        return from_units(k, out, (double)(unit));                                                 \
    }
FROM_UNITS(s_fromdays, DT_TICKS_PER_DAY)
FROM_UNITS(s_fromhours, TICKS_HOUR)
FROM_UNITS(s_fromminutes, TICKS_MIN)
FROM_UNITS(s_fromseconds, DT_TICKS_PER_SECOND)
FROM_UNITS(s_fromms, TICKS_MS)

static int s_fromticks(MbrCall *k, Value self, Value *out)
{
    int64_t t;
    if (mbr_long(k, 0, &t)) return -1;
    *out = val_timespan(t);
    return 0;
}

static int s_span_parse(MbrCall *k, Value self, Value *out)
{
    Value t;
    ConvError ce;
    if (convert_to(k->a[0], TY_TIMESPAN, 0, &t, &ce) == 0) return *out = t, 0;
    return mbr_exc(k, "FormatException", "String '%.200s' was not recognized as a valid TimeSpan.",
                   val_is_str(val_base(k->a[0])) ? val_str_data(val_base(k->a[0])) : "");
}

/* new(ticks) | new(h, m, s) | new(d, h, m, s[, ms]) */
static int s_span_new(MbrCall *k, Value self, Value *out)
{
    int64_t f[5] = {0};
    int at = k->n == 3 ? 1 : 0;
    if (k->n == 1) {
        if (mbr_long(k, 0, &f[0])) return -1;
        return *out = val_timespan(f[0]), 0;
    }
    for (int i = 0; i < k->n; i++) {
        int32_t v;
        if (mbr_int(k, i, &v)) return -1;
        f[at + i] = v;
    }
    double ms =
        (((double)f[0] * 24 + (double)f[1]) * 3600 + (double)f[2] * 60 + (double)f[3]) * 1000 +
        (double)f[4];
    if (ms > 922337203685477.0 || ms < -922337203685477.0)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "TimeSpan overflowed because the duration is too long.");
    *out = val_timespan((int64_t)ms * TICKS_MS);
    return 0;
}

const MbrMethod mbr_span_statics[] = {
    {"new", 1, 1, s_span_new, NULL},
    {"new", 3, 5, s_span_new, NULL},
    {"FromDays", 1, 1, s_fromdays, NULL},
    {"FromHours", 1, 1, s_fromhours, NULL},
    {"FromMinutes", 1, 1, s_fromminutes, NULL},
    {"FromSeconds", 1, 1, s_fromseconds, NULL},
    {"FromMilliseconds", 1, 1, s_fromms, NULL},
    {"FromTicks", 1, 1, s_fromticks, NULL},
    {"Parse", 1, 2, s_span_parse, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int p_span_zero(MemberCtx *c, Value self, Value *out)
{
    *out = val_timespan(0);
    return 1;
}

static int p_span_max(MemberCtx *c, Value self, Value *out)
{
    *out = val_timespan(INT64_MAX);
    return 1;
}

static int p_span_min(MemberCtx *c, Value self, Value *out)
{
    *out = val_timespan(INT64_MIN);
    return 1;
}

const MbrProp mbr_span_sprops[] = {
    {"Zero", p_span_zero},
    {"MaxValue", p_span_max},
    {"MinValue", p_span_min},
    {NULL, NULL},
};

/* ---- [datetime] statics ---- */

static Value now_value(int utc)
{
    DtParts p;
    dt_now(&p, utc);
    return val_datetime(dt_to_ticks(&p), utc ? DT_UTC : DT_LOCAL);
}

static int p_now(MemberCtx *c, Value self, Value *out)
{
    *out = now_value(0);
    return 1;
}

static int p_utcnow(MemberCtx *c, Value self, Value *out)
{
    *out = now_value(1);
    return 1;
}

static int p_today(MemberCtx *c, Value self, Value *out)
{
    Value n = now_value(0);
    *out = val_datetime(n.as.i - n.as.i % DT_TICKS_PER_DAY, DT_LOCAL);
    return 1;
}

static int p_date_min(MemberCtx *c, Value self, Value *out)
{
    *out = val_datetime(0, DT_UNSPECIFIED);
    return 1;
}

static int p_date_max(MemberCtx *c, Value self, Value *out)
{
    *out = val_datetime(TICKS_MAX, DT_UNSPECIFIED);
    return 1;
}

static int p_unixepoch(MemberCtx *c, Value self, Value *out)
{
    *out = val_datetime(DT_UNIX_EPOCH_TICKS, DT_UTC);
    return 1;
}

const MbrProp mbr_date_sprops[] = {
    {"Now", p_now},
    {"UtcNow", p_utcnow},
    {"Today", p_today},
    {"MinValue", p_date_min},
    {"MaxValue", p_date_max},
    {"UnixEpoch", p_unixepoch},
    {NULL, NULL},
};

/* What a parse found.  Fields stay -1 until seen. */
typedef struct DtScan {
    int year, month, day, hour, minute, second;
    int32_t frac;
    int ampm;       /* 0 none, 1 AM, 2 PM */
    int tz;         /* 0 none, 1 Z / offset given */
    int offset_min; /* with tz */
} DtScan;

static void scan_init(DtScan *d)
{
    d->year = d->month = d->day = d->hour = d->minute = d->second = -1;
    d->frac = 0;
    d->ampm = d->tz = d->offset_min = 0;
}

static int read_num(const char **p, int maxdig, int *ndig)
{
    int v = 0, n = 0;
    while (n < maxdig && isdigit((unsigned char)**p))
        v = v * 10 + (*(*p)++ - '0'), n++;
    if (ndig) *ndig = n;
    return n ? v : -1;
}

/* Fractional seconds after '.': up to 7 digits count, more are ignored. */
static int32_t read_frac(const char **p)
{
    int32_t f = 0, scale = 1000000;
    for (; isdigit((unsigned char)**p); (*p)++, scale /= 10)
        if (scale) f += (**p - '0') * scale;
    return f;
}

static int month_of(const char *w, size_t n)
{
    for (int i = 0; i < 12 && n >= 3; i++)
        if (n <= strlen(month_names[i]) && str_nicmp(w, month_names[i], n) == 0) return i + 1;
    if (n == 4 && str_nicmp(w, "Sept", 4) == 0) return 9;
    return 0;
}

static int day_of(const char *w, size_t n)
{
    for (int i = 0; i < 7 && n >= 3; i++)
        if (n <= strlen(day_names[i]) && str_nicmp(w, day_names[i], n) == 0) return 1;
    return 0;
}

/* hh:mm[:ss[.fffffff]] at *p, whose hour was already read. */
static int scan_time(const char **p, int hour, DtScan *d)
{
    d->hour = hour;
    (*p)++;
    if ((d->minute = read_num(p, 2, NULL)) < 0) return 0;
    d->second = 0;
    if (**p == ':') {
        (*p)++;
        if ((d->second = read_num(p, 2, NULL)) < 0) return 0;
        if (**p == '.' || **p == ',') (*p)++, d->frac = read_frac(p);
    }
    return 1;
}

static int scan_offset(const char **p, DtScan *d)
{
    int sign = **p == '-' ? -1 : 1, h, m = 0, nd;
    (*p)++;
    if ((h = read_num(p, 2, &nd)) < 0) return 0;
    if (**p == ':') (*p)++;
    if (isdigit((unsigned char)**p)) m = read_num(p, 2, NULL);
    d->tz = 1;
    d->offset_min = sign * (h * 60 + m);
    return 1;
}

static int scan_word(const char **p, DtScan *d, int *mon)
{
    const char *w = *p;
    while (isalpha((unsigned char)**p))
        (*p)++;
    size_t n = (size_t)(*p - w);
    if (**p == '.') (*p)++;
    if (str_ieq_slice(w, n, "AM") || str_ieq_slice(w, n, "PM"))
        return d->ampm = (w[0] | 32) == 'a' ? 1 : 2, 1;
    if (str_ieq_slice(w, n, "Z") || str_ieq_slice(w, n, "GMT") || str_ieq_slice(w, n, "UTC"))
        return d->tz = 1, 1;
    if (str_ieq_slice(w, n, "T")) return 1;
    if ((*mon = month_of(w, n))) return 1;
    return day_of(w, n);
}

/* Tokens: numbers (date parts, or a time when followed by ':'), words, separators. */
static int scan_free(const char *s, DtScan *d, int nums[3], int ndig[3], int *nn, int *mon)
{
    const char *p = s;
    while (*p) {
        unsigned char ch = (unsigned char)*p;
        if (isspace(ch) || ch == ',' || ch == '/' || ch == '.') {
            p++;
        } else if (ch == '-' && *nn > 0 && d->hour < 0) {
            p++;
        } else if ((ch == '+' || ch == '-') && d->hour >= 0) {
            if (!scan_offset(&p, d)) return 0;
        } else if (isdigit(ch)) {
            int dig, v = read_num(&p, 9, &dig);
            if (*p == ':') {
                if (d->hour >= 0 || !scan_time(&p, v, d)) return 0;
            } else {
                if (*nn == 3) return 0;
                ndig[*nn] = dig;
                nums[(*nn)++] = v;
            }
        } else if (isalpha(ch)) {
            if (!scan_word(&p, d, mon)) return 0;
        } else {
            return 0;
        }
    }
    return 1;
}

static int two_digit_year(int y, int ndig)
{
    if (ndig > 2) return y;
    return y < 50 ? 2000 + y : 1900 + y;
}

/* Place the date numbers: ISO y-m-d, en-US M/d/y, or around a month name. */
static int place_date(DtScan *d, const int nums[3], const int ndig[3], int nn, int mon)
{
    DtParts now;
    dt_now(&now, 0);
    if (mon) {
        d->month = mon;
        if (nn < 1) return 0;
        int dpos = (ndig[0] >= 3 || nums[0] > 31) && nn > 1 ? 1 : 0;
        d->day = nums[dpos];
        d->year = nn > 1 ? two_digit_year(nums[1 - dpos], ndig[1 - dpos]) : now.year;
        return nn <= 2;
    }
    if (nn == 3 && ndig[0] >= 3) {
        d->year = nums[0], d->month = nums[1], d->day = nums[2];
    } else if (nn == 3) {
        d->month = nums[0], d->day = nums[1], d->year = two_digit_year(nums[2], ndig[2]);
    } else if (nn == 2 && ndig[0] >= 3) {
        d->year = nums[0], d->month = nums[1], d->day = 1;
    } else if (nn == 2) {
        d->month = nums[0], d->day = nums[1], d->year = now.year;
    } else if (nn == 0 && d->hour >= 0) {
        d->year = now.year, d->month = now.month, d->day = now.day;
    } else {
        return 0;
    }
    return 1;
}

/* Validate and turn a scan into a DateTime (an offset converts to local time, kind Local). */
static int finish(DtScan *d, Value *out)
{
    if (d->hour < 0) d->hour = d->minute = d->second = 0;
    if (d->ampm && (d->hour < 1 || d->hour > 12)) return 0;
    if (d->ampm) d->hour = d->hour % 12 + (d->ampm == 2 ? 12 : 0);
    if (d->year < 1 || d->year > 9999 || d->month < 1 || d->month > 12 || d->day < 1 ||
        d->day > days_in_month(d->year, d->month) || d->hour > 23 || d->minute > 59 ||
        d->second > 59)
        return 0;
    DtParts p;
    memset(&p, 0, sizeof p);
    p.year = d->year, p.month = d->month, p.day = d->day;
    p.hour = d->hour, p.minute = d->minute, p.second = d->second, p.frac = d->frac;
    int64_t t = dt_to_ticks(&p);
    if (!d->tz) return *out = val_datetime(t, DT_UNSPECIFIED), 1;
    t -= (int64_t)d->offset_min * TICKS_MIN;
    t += (int64_t)dt_local_offset_min(t) * TICKS_MIN;
    if (t < 0 || t > TICKS_MAX) return 0;
    *out = val_datetime(t, DT_LOCAL);
    return 1;
}

static int parse_free(const char *s, Value *out)
{
    DtScan d;
    int nums[3], ndig[3], nn = 0, mon = 0;
    scan_init(&d);
    if (!scan_free(s, &d, nums, ndig, &nn, &mon)) return 0;
    if (!place_date(&d, nums, ndig, nn, mon)) return 0;
    return finish(&d, out);
}

static int bad_date(MbrCall *k, Value s)
{
    return mbr_exc(k, "FormatException", "String '%.300s' was not recognized as a valid DateTime.",
                   val_str_data(s));
}

/* Parse(s[, provider[, styles]]) */
static int s_date_parse(MbrCall *k, Value self, Value *out)
{
    if (val_is_null(k->a[0]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 's')");
    Value s = mbr_str(k, 0);
    int ok = parse_free(val_str_data(s), out);
    if (!ok) bad_date(k, s);
    val_unref(s);
    return ok ? 0 : -1;
}

/* ---- ParseExact ---- */

static int run_len(const char *f, char ch)
{
    int n = 0;
    while (f[n] == ch)
        n++;
    return n;
}

/* One format letter run of length n at *f against *p. */
static int exact_field(const char **p, char ch, int n, DtScan *d)
{
    int nd, v;
    switch (ch) {
    case 'y':
        v = read_num(p, n <= 2 ? 2 : n < 4 ? 4 : n, &nd);
        if (v < 0 || (n >= 4 && nd < 4) || (n == 2 && nd != 2)) return 0;
        d->year = n <= 2 ? two_digit_year(v, nd) : v;
        return 1;
    case 'M':
        if (n >= 3) {
            const char *w = *p;
            while (isalpha((unsigned char)**p))
                (*p)++;
            return (d->month = month_of(w, (size_t)(*p - w))) != 0;
        }
        return (d->month = read_num(p, 2, &nd)) >= 0 && (n == 1 || nd == 2);
    case 'd':
        if (n >= 3) {
            const char *w = *p;
            while (isalpha((unsigned char)**p))
                (*p)++;
            return day_of(w, (size_t)(*p - w));
        }
        return (d->day = read_num(p, 2, &nd)) >= 0 && (n == 1 || nd == 2);
    case 'H':
    case 'h':
        return (d->hour = read_num(p, 2, &nd)) >= 0 && (n == 1 || nd == 2);
    case 'm':
        return (d->minute = read_num(p, 2, &nd)) >= 0 && (n == 1 || nd == 2);
    case 's':
        return (d->second = read_num(p, 2, &nd)) >= 0 && (n == 1 || nd == 2);
    case 'f':
    case 'F': {
        const char *start = *p;
        d->frac = read_frac(p);
        return ch == 'F' || *p - start == n;
    }
    case 't':
        if (str_nicmp(*p, "AM", 2) == 0 || str_nicmp(*p, "PM", 2) == 0)
            return d->ampm = (**p | 32) == 'a' ? 1 : 2, *p += 2, 1;
        return 0;
    case 'K':
    case 'z':
        if (**p == 'Z') return (*p)++, d->tz = 1, 1;
        if (**p == '+' || **p == '-') return scan_offset(p, d);
        return ch == 'K';
    }
    return 0;
}

/* Fields a format did not mention: no date at all means today; otherwise the year defaults
 * to this year and month/day to 1; missing time fields are 0. */
static void exact_defaults(DtScan *d)
{
    DtParts now;
    dt_now(&now, 0);
    if (d->year < 0 && d->month < 0 && d->day < 0)
        d->year = now.year, d->month = now.month, d->day = now.day;
    if (d->year < 0) d->year = now.year;
    if (d->month < 0) d->month = 1;
    if (d->day < 0) d->day = 1;
    if (d->hour < 0) d->hour = 0;
    if (d->minute < 0) d->minute = 0;
    if (d->second < 0) d->second = 0;
}

static int parse_exact(const char *s, const char *f, Value *out)
{
    static const struct {
        const char *std, *custom;
    } stds[] = {
        {"o", "yyyy-MM-ddTHH:mm:ss.fffffffK"},
        {"O", "yyyy-MM-ddTHH:mm:ss.fffffffK"},
        {"s", "yyyy-MM-ddTHH:mm:ss"},
        {"u", "yyyy-MM-dd HH:mm:ssZ"},
        {"d", "M/d/yyyy"},
        {"g", "M/d/yyyy h:mm tt"},
        {"G", "M/d/yyyy h:mm:ss tt"},
        {"t", "h:mm tt"},
        {"T", "h:mm:ss tt"},
    };
    for (size_t i = 0; i < sizeof stds / sizeof stds[0]; i++)
        if (strcmp(f, stds[i].std) == 0) f = stds[i].custom;
    DtScan d;
    scan_init(&d);
    const char *p = s;
    while (*f) {
        char ch = *f;
        if (strchr("yMdHhmsfFtKz", ch)) {
            int n = run_len(f, ch);
            if (!exact_field(&p, ch, n, &d)) return 0;
            f += n;
        } else if (ch == '\'' || ch == '"') {
            const char *e = strchr(f + 1, ch);
            size_t n = e ? (size_t)(e - f - 1) : strlen(f + 1);
            if (strncmp(p, f + 1, n) != 0) return 0;
            p += n;
            f += n + (e ? 2 : 1);
        } else {
            if (ch == '\\' && f[1]) f++;
            if (*p != *f) return 0;
            p++, f++;
        }
    }
    if (*p) return 0;
    exact_defaults(&d);
    return finish(&d, out);
}

/* ParseExact(s, format | formats[, provider[, styles]]) */
static int s_date_parseexact(MbrCall *k, Value self, Value *out)
{
    if (val_is_null(k->a[0]) || val_is_null(k->a[1]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter '%s')",
                       val_is_null(k->a[0]) ? "s" : "format");
    Value s = mbr_str(k, 0), fl = val_base(k->a[1]);
    size_t n = val_is_array(fl) ? arr_len(fl) : 1;
    int ok = 0;
    for (size_t i = 0; i < n && !ok; i++) {
        Value f = convert_to_string(val_is_array(fl) ? arr_peek(fl, i) : fl, NULL);
        ok = parse_exact(val_str_data(s), val_str_data(f), out);
        val_unref(f);
    }
    if (!ok) bad_date(k, s);
    val_unref(s);
    return ok ? 0 : -1;
}

static int year_arg(MbrCall *k, int i, int32_t *y)
{
    if (mbr_int(k, i, y)) return -1;
    if (*y < 1 || *y > 9999)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Year must be between 1 and 9999. (Parameter 'year')");
    return 0;
}

static int s_daysinmonth(MbrCall *k, Value self, Value *out)
{
    int32_t y, m;
    if (year_arg(k, 0, &y) || mbr_int(k, 1, &m)) return -1;
    if (m < 1 || m > 12)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Month must be between one and twelve. (Parameter 'month')");
    *out = val_int(days_in_month(y, m));
    return 0;
}

static int s_isleapyear(MbrCall *k, Value self, Value *out)
{
    int32_t y;
    if (year_arg(k, 0, &y)) return -1;
    *out = val_bool(leap(y));
    return 0;
}

static int date_arg(MbrCall *k, int i, int64_t *ticks)
{
    Value v;
    if (mbr_arg(k, i, TY_DATETIME, &v)) return -1;
    *ticks = v.as.i;
    return 0;
}

static int s_date_compare(MbrCall *k, Value self, Value *out)
{
    int64_t a, b;
    if (date_arg(k, 0, &a) || date_arg(k, 1, &b)) return -1;
    *out = val_int(cmp_ticks(a, b));
    return 0;
}

static int s_specifykind(MbrCall *k, Value self, Value *out)
{
    int64_t t;
    if (date_arg(k, 0, &t)) return -1;
    Value kind = mbr_str(k, 1);
    const char *s = val_str_data(kind);
    int kd = str_icmp(s, "Utc") == 0 || strcmp(s, "1") == 0     ? DT_UTC
             : str_icmp(s, "Local") == 0 || strcmp(s, "2") == 0 ? DT_LOCAL
                                                                : DT_UNSPECIFIED;
    val_unref(kind);
    *out = val_datetime(t, kd);
    return 0;
}

/* new(ticks) */
static int s_date_new_ticks(MbrCall *k, Value self, Value *out)
{
    int64_t t;
    if (mbr_long(k, 0, &t)) return -1;
    if (t < 0 || t > TICKS_MAX)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Ticks must be between DateTime.MinValue.Ticks and "
                       "DateTime.MaxValue.Ticks. (Parameter 'ticks')");
    *out = val_datetime(t, DT_UNSPECIFIED);
    return 0;
}

/* new(year, month, day[, hour, minute, second[, millisecond]]) */
static int s_date_new(MbrCall *k, Value self, Value *out)
{
    int32_t f[7] = {0};
    for (int i = 0; i < k->n; i++)
        if (mbr_int(k, i, &f[i])) return -1;
    if (f[0] < 1 || f[0] > 9999 || f[1] < 1 || f[1] > 12 || f[2] < 1 ||
        f[2] > days_in_month(f[0], f[1]))
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Year, Month, and Day parameters describe an un-representable DateTime.");
    if (f[3] < 0 || f[3] > 23 || f[4] < 0 || f[4] > 59 || f[5] < 0 || f[5] > 59)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Hour, Minute, and Second parameters describe an un-representable "
                       "DateTime.");
    if (f[6] < 0 || f[6] > 999)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Valid values are between 0 and 999, inclusive. (Parameter "
                       "'millisecond')");
    DtParts p;
    memset(&p, 0, sizeof p);
    p.year = f[0], p.month = f[1], p.day = f[2], p.hour = f[3], p.minute = f[4], p.second = f[5];
    p.frac = f[6] * 10000;
    *out = val_datetime(dt_to_ticks(&p), DT_UNSPECIFIED);
    return 0;
}

const MbrMethod mbr_date_statics[] = {
    {"new", 1, 1, s_date_new_ticks, NULL},
    {"new", 3, 3, s_date_new, NULL},
    {"new", 6, 7, s_date_new, NULL},
    {"Parse", 1, 3, s_date_parse, NULL},
    {"ParseExact", 2, 4, s_date_parseexact, NULL},
    {"DaysInMonth", 2, 2, s_daysinmonth, "year,month"},
    {"IsLeapYear", 1, 1, s_isleapyear, "year"},
    {"Compare", 2, 2, s_date_compare, NULL},
    {"SpecifyKind", 2, 2, s_specifykind, NULL},
    {NULL, 0, 0, NULL, NULL},
};
