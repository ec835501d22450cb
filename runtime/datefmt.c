/*
** datefmt: DateTime / TimeSpan formatting.  Standard date formats are table entries that
** expand to custom patterns for the chosen culture, so one custom-pattern engine (a loop
** over runs of the same letter, as .NET's DateTimeFormat does) does all the work.  Calendar
** arithmetic is proleptic Gregorian on day counts (civil <-> days, after H. Hinnant's
** public-domain derivation, rewritten here).
*/
#include "runtime/datefmt.h"

#include <stdbool.h>
#include <string.h>
#include <time.h>

static const char *const day_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

/* ---------------------------------------------------------------- calendar */

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                                   /* 0..399 */
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* March-based day of year */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

#define DAYS_0001_TO_1970 INT64_C(719162)

void dt_from_ticks(int64_t ticks, DtParts *out)
{
    int64_t days = ticks / DT_TICKS_PER_DAY, rem = ticks % DT_TICKS_PER_DAY;
    civil_from_days(days - DAYS_0001_TO_1970, &out->year, &out->month, &out->day);
    out->hour = (int)(rem / (3600 * DT_TICKS_PER_SECOND));
    out->minute = (int)(rem / (60 * DT_TICKS_PER_SECOND) % 60);
    out->second = (int)(rem / DT_TICKS_PER_SECOND % 60);
    out->frac = (int32_t)(rem % DT_TICKS_PER_SECOND);
    out->dow = (int)((days + 1) % 7); /* 0001-01-01 was a Monday */
    out->yday = (int)(days - (days_from_civil(out->year, 1, 1) + DAYS_0001_TO_1970)) + 1;
}

int64_t dt_to_ticks(const DtParts *p)
{
    int64_t days = days_from_civil(p->year, p->month, p->day) + DAYS_0001_TO_1970;
    int64_t secs = days * 86400 + p->hour * 3600 + p->minute * 60 + p->second;
    return secs * DT_TICKS_PER_SECOND + p->frac;
}

void dt_now(DtParts *out, int utc)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    int64_t ticks =
        DT_UNIX_EPOCH_TICKS + (int64_t)ts.tv_sec * DT_TICKS_PER_SECOND + ts.tv_nsec / 100;
    int off = utc ? 0 : dt_local_offset_min(ticks);
    dt_from_ticks(ticks + (int64_t)off * 60 * DT_TICKS_PER_SECOND, out);
    out->kind = utc ? DT_UTC : DT_LOCAL;
    out->offset_min = off;
}

int dt_local_offset_min(int64_t utc_ticks)
{
    struct tm tm;
    time_t t = (time_t)((utc_ticks - DT_UNIX_EPOCH_TICKS) / DT_TICKS_PER_SECOND);
    if (!localtime_r(&t, &tm)) return 0;
    return (int)(tm.tm_gmtoff / 60); /* tm_gmtoff: glibc/BSD, exposed by _DEFAULT_SOURCE */
}

/* The same instant in UTC (U and R formats). */
static DtParts to_utc(const DtParts *p)
{
    DtParts u = *p;
    dt_from_ticks(dt_to_ticks(p) - (int64_t)p->offset_min * 60 * DT_TICKS_PER_SECOND, &u);
    u.kind = DT_UTC;
    u.offset_min = 0;
    return u;
}

/* ---------------------------------------------------------------- custom patterns */

static int run_length(const char *f, size_t i)
{
    int n = 1;
    while (f[i + (size_t)n] == f[i])
        n++;
    return n;
}

static void put_num(StrBuf *sb, long v, int width)
{
    sb_printf(sb, "%0*ld", width, v);
}

/* z, zz, zzz: the UTC offset. */
static void put_offset(StrBuf *sb, int off, int n)
{
    int a = off < 0 ? -off : off;
    sb_putc(sb, off < 0 ? '-' : '+');
    put_num(sb, a / 60, n == 1 ? 1 : 2);
    if (n >= 3) {
        sb_putc(sb, ':');
        put_num(sb, a % 60, 2);
    }
}

/* f.../F... : n leading digits of the 7-digit fraction; F drops trailing zeros (and a '.'). */
static void put_fraction(StrBuf *sb, int32_t frac, int n, bool trim, size_t start)
{
    long v = frac;
    for (int k = n; k < 7; k++)
        v /= 10;
    if (trim) {
        while (n > 0 && v % 10 == 0) {
            v /= 10;
            n--;
        }
        if (n == 0) {
            if (sb->len > start && sb->buf[sb->len - 1] == '.') sb->buf[--sb->len] = '\0';
            return;
        }
    }
    put_num(sb, v, n);
}

static void put_name(StrBuf *sb, const char *name, int n)
{
    if (n == 3)
        sb_append(sb, name, 3);
    else
        sb_puts(sb, name);
}

/* One run of `n` copies of letter ch.  Returns false for an invalid run (f/F over 7). */
static bool put_token(StrBuf *sb, const DtParts *p, char ch, int n, size_t start)
{
    int h12 = p->hour % 12 ? p->hour % 12 : 12;
    switch (ch) {
    case 'd':
        if (n <= 2)
            put_num(sb, p->day, n);
        else
            put_name(sb, day_names[p->dow], n);
        return true;
    case 'M':
        if (n <= 2)
            put_num(sb, p->month, n);
        else
            put_name(sb, month_names[p->month - 1], n);
        return true;
    case 'y':
        put_num(sb, n <= 2 ? p->year % 100 : p->year, n);
        return true;
    case 'h':
        put_num(sb, h12, n > 2 ? 2 : n);
        return true;
    case 'H':
        put_num(sb, p->hour, n > 2 ? 2 : n);
        return true;
    case 'm':
        put_num(sb, p->minute, n > 2 ? 2 : n);
        return true;
    case 's':
        put_num(sb, p->second, n > 2 ? 2 : n);
        return true;
    case 'f':
    case 'F':
        if (n > 7) return false;
        put_fraction(sb, p->frac, n, ch == 'F', start);
        return true;
    case 't':
        sb_append(sb, p->hour < 12 ? "AM" : "PM", n == 1 ? 1 : 2);
        return true;
    case 'g':
        sb_puts(sb, "A.D.");
        return true;
    case 'z':
        put_offset(sb, p->kind == DT_UTC ? 0 : p->offset_min, n);
        return true;
    case 'K':
        if (p->kind == DT_UTC)
            sb_putc(sb, 'Z');
        else if (p->kind == DT_LOCAL)
            put_offset(sb, p->offset_min, 3);
        return true;
    default:
        for (int k = 0; k < n; k++)
            sb_putc(sb, ch);
        return true;
    }
}

static bool is_token_letter(char ch)
{
    return ch && strchr("dMyhHmsfFtgzK", ch) != NULL;
}

/* A quoted literal starting at f[*i]; backslash escapes inside.  False if unterminated. */
static bool put_quoted(StrBuf *sb, const char *f, size_t *i)
{
    char q = f[(*i)++];
    while (f[*i] && f[*i] != q) {
        if (f[*i] == '\\' && f[*i + 1]) (*i)++;
        sb_putc(sb, f[(*i)++]);
    }
    if (!f[*i]) return false;
    (*i)++;
    return true;
}

static NfStatus custom_date(StrBuf *sb, const DtParts *p, const char *f, size_t start)
{
    size_t i = 0;
    while (f[i]) {
        char ch = f[i];
        if (ch == '\'' || ch == '"') {
            if (!put_quoted(sb, f, &i)) return NF_EINPUT;
        } else if (ch == '\\' || ch == '%') {
            char next = f[i + 1];
            if (!next || (ch == '%' && next == '%')) return NF_EINPUT;
            if (ch == '\\' || !is_token_letter(next))
                sb_putc(sb, next);
            else if (!put_token(sb, p, next, 1, start))
                return NF_EINPUT;
            i += 2;
        } else if (is_token_letter(ch)) {
            int n = run_length(f, i);
            if (!put_token(sb, p, ch, n, start)) return NF_EINPUT;
            i += (size_t)n;
        } else {
            sb_putc(sb, ch);
            i++;
        }
    }
    return NF_OK;
}

/* ---------------------------------------------------------------- standard formats */

typedef enum Conv { CONV_NONE, CONV_UTC, CONV_UTC_IF_LOCAL } Conv;

typedef struct StdDate {
    char ch;
    const char *inv, *enus; /* the pattern per culture */
    Conv conv;
} StdDate;

#define ISO_ROUNDTRIP "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"
#define RFC1123       "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"
#define SORTABLE      "yyyy'-'MM'-'dd'T'HH':'mm':'ss"
#define UNIVERSAL     "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"

static const StdDate std_dates[] = {
    {'d', "MM/dd/yyyy", "M/d/yyyy", CONV_NONE},
    {'D', "dddd, dd MMMM yyyy", "dddd, MMMM d, yyyy", CONV_NONE},
    {'f', "dddd, dd MMMM yyyy HH:mm", "dddd, MMMM d, yyyy h:mm tt", CONV_NONE},
    {'F', "dddd, dd MMMM yyyy HH:mm:ss", "dddd, MMMM d, yyyy h:mm:ss tt", CONV_NONE},
    {'g', "MM/dd/yyyy HH:mm", "M/d/yyyy h:mm tt", CONV_NONE},
    {'G', "MM/dd/yyyy HH:mm:ss", "M/d/yyyy h:mm:ss tt", CONV_NONE},
    {'M', "MMMM dd", "MMMM d", CONV_NONE},
    {'m', "MMMM dd", "MMMM d", CONV_NONE},
    {'O', ISO_ROUNDTRIP, ISO_ROUNDTRIP, CONV_NONE},
    {'o', ISO_ROUNDTRIP, ISO_ROUNDTRIP, CONV_NONE},
    {'R', RFC1123, RFC1123, CONV_UTC_IF_LOCAL},
    {'r', RFC1123, RFC1123, CONV_UTC_IF_LOCAL},
    {'s', SORTABLE, SORTABLE, CONV_NONE},
    {'t', "HH:mm", "h:mm tt", CONV_NONE},
    {'T', "HH:mm:ss", "h:mm:ss tt", CONV_NONE},
    {'u', UNIVERSAL, UNIVERSAL, CONV_NONE},
    {'U', "dddd, dd MMMM yyyy HH:mm:ss", "dddd, MMMM d, yyyy h:mm:ss tt", CONV_UTC},
    {'Y', "yyyy MMMM", "MMMM yyyy", CONV_NONE},
    {'y', "yyyy MMMM", "MMMM yyyy", CONV_NONE},
};

static const StdDate *find_std(char ch)
{
    for (size_t i = 0; i < sizeof std_dates / sizeof std_dates[0]; i++)
        if (std_dates[i].ch == ch) return &std_dates[i];
    return NULL;
}

NfStatus dt_format(StrBuf *sb, const DtParts *p, const char *fmt, NfCulture cul)
{
    size_t start = sb->len;
    DtParts d = *p;
    if (!fmt || !*fmt) fmt = "G";
    if (fmt[1] == '\0') {
        const StdDate *s = find_std(fmt[0]);
        if (!s) return NF_EINPUT;
        if (s->conv == CONV_UTC ? p->kind != DT_UTC
                                : s->conv == CONV_UTC_IF_LOCAL && p->kind == DT_LOCAL)
            d = to_utc(p);
        fmt = cul == NF_EN_US ? s->enus : s->inv;
    }
    NfStatus st = custom_date(sb, &d, fmt, start);
    if (st) {
        sb->len = start;
        if (sb->buf) sb->buf[start] = '\0';
    }
    return st;
}

void dt_format_display(StrBuf *sb, const DtParts *p, NfCulture cul)
{
    dt_format(sb, p, "D", cul);
    sb_putc(sb, ' ');
    dt_format(sb, p, "T", cul);
}

/* ---------------------------------------------------------------- -UFormat */

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* ISO 8601 weeks in year y: 53 when it starts on a Thursday (or a Wednesday in a leap year). */
static int iso_weeks(int y)
{
    int jan1 = (int)((days_from_civil(y, 1, 1) + 4) % 7); /* 1970-01-01 was a Thursday */
    jan1 = (jan1 + 7) % 7;
    return jan1 == 4 || (jan1 == 3 && is_leap(y)) ? 53 : 52;
}

/* ISO week number; *iso_year receives the week-based year. */
static int iso_week(const DtParts *p, int *iso_year)
{
    int wd = p->dow ? p->dow : 7; /* Monday 1 .. Sunday 7 */
    int week = (p->yday - wd + 10) / 7;
    *iso_year = p->year;
    if (week < 1) {
        *iso_year = p->year - 1;
        return iso_weeks(p->year - 1);
    }
    if (week > iso_weeks(p->year)) {
        *iso_year = p->year + 1;
        return 1;
    }
    return week;
}

/*
** -UFormat follows PowerShell 7's GetDateCommand.UFormatDateString (behaviour read from the
** PowerShell/PowerShell sources; the docs table differs for %c, %k, %l, %U, %W): most letters
** are a .NET custom pattern in the current culture, the rest are computed below.
*/
static const struct {
    char ch;
    const char *pattern;
} upatterns[] = {
    {'a', "ddd"},
    {'A', "dddd"},
    {'b', "MMM"},
    {'B', "MMMM"},
    {'c', "ddd dd MMM yyyy HH:mm:ss"},
    {'d', "dd"},
    {'D', "MM/dd/yy"},
    {'F', "yyyy-MM-dd"},
    {'h', "MMM"},
    {'H', "HH"},
    {'I', "hh"},
    {'m', "MM"},
    {'M', "mm"},
    {'p', "tt"},
    {'r', "hh:mm:ss tt"},
    {'R', "HH:mm"},
    {'S', "ss"},
    {'T', "HH:mm:ss"},
    {'x', "MM/dd/yy"},
    {'X', "HH:mm:ss"},
    {'y', "yy"},
    {'Y', "yyyy"},
    {'Z', "zz"},
};

static bool uformat_pattern(StrBuf *sb, const DtParts *p, char ch)
{
    for (size_t i = 0; i < sizeof upatterns / sizeof upatterns[0]; i++) {
        if (upatterns[i].ch == ch) {
            custom_date(sb, p, upatterns[i].pattern, sb->len);
            return true;
        }
    }
    return false;
}

/* %s: seconds since 1970 in UTC, rounded half away from zero ("{0:0}" of TotalSeconds). */
static long long unix_seconds(const DtParts *p)
{
    int64_t off = p->kind == DT_UTC ? 0 : (int64_t)p->offset_min * 60 * DT_TICKS_PER_SECOND;
    int64_t t = dt_to_ticks(p) - off - DT_UNIX_EPOCH_TICKS, half = DT_TICKS_PER_SECOND / 2;
    return (long long)((t < 0 ? t - half : t + half) / DT_TICKS_PER_SECOND);
}

/* %U: weeks counted from the year's first Sunday, PowerShell's formula. */
static int week_sunday(const DtParts *p)
{
    int jan1 = ((p->dow - (p->yday - 1)) % 7 + 7) % 7;
    return ((jan1 + 6) % 7 + p->yday - p->dow) / 7;
}

static void uformat_computed(StrBuf *sb, const DtParts *p, char ch)
{
    int iy, h12 = p->hour % 12 ? p->hour % 12 : 12;
    switch (ch) {
    case 'C':
        sb_printf(sb, "%d", p->year / 100);
        break;
    case 'e':
        sb_printf(sb, "%2d", p->day);
        break;
    case 'g':
        iso_week(p, &iy);
        put_num(sb, iy % 100, 2);
        break;
    case 'G':
        iso_week(p, &iy);
        put_num(sb, iy, 4);
        break;
    case 'j':
        put_num(sb, p->yday, 3);
        break;
    case 'k':
        sb_printf(sb, "%2d", p->hour);
        break;
    case 'l':
        sb_printf(sb, "%2d", h12);
        break;
    case 'n':
        sb_putc(sb, '\n');
        break;
    case 's':
        sb_printf(sb, "%lld", unix_seconds(p));
        break;
    case 't':
        sb_putc(sb, '\t');
        break;
    case 'u':
        sb_printf(sb, "%d", p->dow ? p->dow : 7);
        break;
    case 'U':
        put_num(sb, week_sunday(p), 2);
        break;
    case 'V':
        put_num(sb, iso_week(p, &iy), 2);
        break;
    case 'w':
        sb_printf(sb, "%d", p->dow);
        break;
    case 'W':
        sb_printf(sb, "%d", p->yday / 7); /* sic: PowerShell divides the day of year by 7 */
        break;
    default:
        sb_putc(sb, ch); /* %% and unknown letters print the letter */
        break;
    }
}

void dt_uformat(StrBuf *sb, const DtParts *p, const char *ufmt)
{
    const char *s = ufmt[0] == '+' ? ufmt + 1 : ufmt; /* "+%Y" as for date(1) */
    for (; *s; s++) {
        if (*s != '%' || !s[1]) {
            sb_putc(sb, *s);
            continue;
        }
        s++;
        if (!uformat_pattern(sb, p, *s)) uformat_computed(sb, p, *s);
    }
}

/* ---------------------------------------------------------------- TimeSpan */

typedef struct Span {
    bool neg;
    uint64_t days;
    int hours, minutes, seconds;
    int32_t frac;
} Span;

static Span span_split(int64_t ticks)
{
    Span s;
    uint64_t t = ticks < 0 ? 0 - (uint64_t)ticks : (uint64_t)ticks;
    s.neg = ticks < 0;
    s.days = t / (uint64_t)DT_TICKS_PER_DAY;
    t %= (uint64_t)DT_TICKS_PER_DAY;
    s.hours = (int)(t / (3600 * (uint64_t)DT_TICKS_PER_SECOND));
    s.minutes = (int)(t / (60 * (uint64_t)DT_TICKS_PER_SECOND) % 60);
    s.seconds = (int)(t / (uint64_t)DT_TICKS_PER_SECOND % 60);
    s.frac = (int32_t)(t % (uint64_t)DT_TICKS_PER_SECOND);
    return s;
}

static void span_standard(StrBuf *sb, const Span *s, char ch)
{
    if (s->neg) sb_putc(sb, '-');
    if (ch == 'G') {
        sb_printf(sb, "%llu:%02d:%02d:%02d.%07d", (unsigned long long)s->days, s->hours, s->minutes,
                  s->seconds, (int)s->frac);
        return;
    }
    if (s->days) sb_printf(sb, "%llu%c", (unsigned long long)s->days, ch == 'g' ? ':' : '.');
    sb_printf(sb, ch == 'g' ? "%d:%02d:%02d" : "%02d:%02d:%02d", s->hours, s->minutes, s->seconds);
    if (s->frac && ch == 'g') {
        sb_putc(sb, '.');
        put_fraction(sb, s->frac, 7, true, sb->len);
    } else if (s->frac) {
        sb_printf(sb, ".%07d", (int)s->frac);
    }
}

/* One run of a TimeSpan custom letter; false when the run is too long or not a letter. */
static bool span_token(StrBuf *sb, const Span *s, char ch, int n)
{
    switch (ch) {
    case 'd':
        if (n > 8) return false;
        sb_printf(sb, "%0*llu", n, (unsigned long long)s->days);
        return true;
    case 'h':
    case 'm':
    case 's':
        if (n > 2) return false;
        put_num(sb, ch == 'h' ? s->hours : ch == 'm' ? s->minutes : s->seconds, n);
        return true;
    case 'f':
    case 'F':
        if (n > 7) return false;
        put_fraction(sb, s->frac, n, ch == 'F', (size_t)-1);
        return true;
    default:
        return false;
    }
}

static NfStatus span_custom(StrBuf *sb, const Span *s, const char *f)
{
    size_t i = 0;
    while (f[i]) {
        char ch = f[i];
        if (ch == '\'' || ch == '"') {
            if (!put_quoted(sb, f, &i)) return NF_EINPUT;
        } else if (ch == '\\') {
            if (!f[i + 1]) return NF_EINPUT;
            sb_putc(sb, f[i + 1]);
            i += 2;
        } else if (ch == '%' && f[i + 1] && f[i + 1] != '%') {
            if (!span_token(sb, s, f[i + 1], 1)) return NF_EINPUT;
            i += 2;
        } else {
            int n = run_length(f, i);
            if (!span_token(sb, s, ch, n)) return NF_EINPUT;
            i += (size_t)n;
        }
    }
    return NF_OK;
}

NfStatus ts_format(StrBuf *sb, int64_t ticks, const char *fmt)
{
    Span s = span_split(ticks);
    size_t start = sb->len;
    if (!fmt || !*fmt || ((fmt[0] == 'c' || fmt[0] == 't' || fmt[0] == 'T') && !fmt[1])) {
        span_standard(sb, &s, 'c');
        return NF_OK;
    }
    if ((fmt[0] == 'g' || fmt[0] == 'G') && !fmt[1]) {
        span_standard(sb, &s, fmt[0]);
        return NF_OK;
    }
    NfStatus st = span_custom(sb, &s, fmt);
    if (st) {
        sb->len = start;
        if (sb->buf) sb->buf[start] = '\0';
    }
    return st;
}
