/*
** numfmt: .NET numeric formatting.  Every number becomes a Num (decimal digits + scale, the
** shape .NET calls a NumberBuffer), then one of two writers runs: the standard specifiers
** (C D E F G N P R X B) or the custom picture engine (0 # . , % ‰ E0 sections quotes).
** Doubles get their exact decimal expansion from printf("%.766e") -- the C library prints
** exact digits -- and we do all rounding ourselves, so the C locale never matters.
*/
#include "runtime/numfmt.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

#define NUM_CAP        800 /* exact doubles need at most 767 significant digits */
#define DBL_CUSTOM_SIG 15  /* custom formats see doubles through 15 digits (.NET back-compat) */
#define FLT_CUSTOM_SIG 7
#define DBL_ROUNDTRIP  17 /* shortest G/R stays fixed-point up to this many integer digits */
#define FLT_ROUNDTRIP  9
#define PREC_MAX       999999999 /* .NET 7+ precision limit */
#define APPROX_DIGITS  40        /* correctly rounded digits tried before the exact expansion */

typedef enum Kind { K_INT, K_FLOAT, K_DECIMAL } Kind;

typedef struct Num {
    char dig[NUM_CAP + 1]; /* significant digits, no leading zeros, NUL-terminated */
    int nd;                /* number of digits in dig */
    int scale;             /* value = 0.dig * 10^scale */
    bool neg;              /* sign; -0 keeps it for floating point */
    bool even;             /* round exact ties to even (standard formats on doubles) */
    bool approx;           /* dig holds the first APPROX_DIGITS digits of `src` only */
    double src;            /* the double behind an approximate dig */
    int scale_src;         /* scale as parsed from src (later shifts are re-applied) */
    Kind kind;
} Num;

/* Culture data: pattern strings use '#' for the number and '$' for the currency symbol. */
typedef struct Culture {
    const char *currency;
    const char *cur_pos, *cur_neg;
    const char *pct_pos, *pct_neg;
    const char *pinf, *ninf;
} Culture;

static const Culture cultures[] = {
    [NF_INVARIANT] = {"\xC2\xA4", "$#", "($#)", "# %", "-# %", "Infinity", "-Infinity"},
    [NF_EN_US] = {"$", "$#", "-$#", "#%", "-#%", "\xE2\x88\x9E", "-\xE2\x88\x9E"},
};

const char *nf_strerror(NfStatus st)
{
    static const char *const msgs[] = {
        [NF_OK] = "",
        [NF_EFORMAT] = "Format specifier was invalid.",
        [NF_EINDEX] = ("Index (zero based) must be greater than or equal to zero and less than "
                       "the size of the argument list."),
        [NF_EINPUT] = "Input string was not in a correct format.",
    };
    return (unsigned)st < sizeof msgs / sizeof msgs[0] ? msgs[st] : "";
}

/* ---------------------------------------------------------------- building a Num */

static void num_init(Num *n, Kind kind, bool neg)
{
    n->nd = 0;
    n->scale = 0;
    n->dig[0] = '\0';
    n->neg = neg;
    n->even = false;
    n->approx = false;
    n->src = 0;
    n->scale_src = 0;
    n->kind = kind;
}

static void num_from_u64(Num *n, uint64_t v, bool neg)
{
    char tmp[24];
    int len = 0;
    num_init(n, K_INT, neg);
    while (v) {
        tmp[len++] = (char)('0' + v % 10);
        v /= 10;
    }
    for (int i = 0; i < len; i++)
        n->dig[i] = tmp[len - 1 - i];
    n->nd = n->scale = len;
    n->dig[len] = '\0';
}

/* Divide the 96-bit magnitude in place by 10; returns the remainder. */
static uint32_t div10_96(uint32_t w[3])
{
    uint64_t rem = 0;
    for (int i = 2; i >= 0; i--) {
        uint64_t cur = (rem << 32) | w[i];
        w[i] = (uint32_t)(cur / 10);
        rem = cur % 10;
    }
    return (uint32_t)rem;
}

static void num_from_decimal(Num *n, const NfDecimal *d)
{
    uint32_t w[3] = {d->lo, d->mid, d->hi};
    char tmp[32];
    int len = 0;
    num_init(n, K_DECIMAL, d->neg != 0);
    while (w[0] | w[1] | w[2])
        tmp[len++] = (char)('0' + div10_96(w));
    for (int i = 0; i < len; i++)
        n->dig[i] = tmp[len - 1 - i];
    n->nd = len;
    n->dig[len] = '\0';
    n->scale = len - d->scale; /* zero keeps -scale so 0.00m prints "0.00" */
}

/* Parse printf "%e" output (any decimal-point character) into digits and exponent. */
static void num_parse_e(Num *n, const char *s)
{
    int len = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9' && len < NUM_CAP) n->dig[len++] = *s;
    int exp = *s == 'e' ? atoi(s + 1) : 0;
    while (len > 0 && n->dig[len - 1] == '0')
        len--;
    n->dig[len] = '\0';
    n->nd = len;
    n->scale = len ? exp + 1 : 0;
}

/* The exact decimal value of a finite double (0 gives no digits). */
static void num_from_double_exact(Num *n, double v)
{
    char buf[NUM_CAP + 32];
    num_init(n, K_FLOAT, signbit(v) != 0);
    n->even = true;
    if (v == 0) return;
    snprintf(buf, sizeof buf, "%.766e", fabs(v));
    num_parse_e(n, buf);
}

/*
** A double for the standard formats: its first APPROX_DIGITS digits, correctly rounded.
** That decides almost every rounding; num_round asks for the exact expansion (slow: ~800
** digits) only when the cut falls past those digits or lands on what looks like a tie.
*/
static void num_from_double(Num *n, double v)
{
    char buf[64];
    num_init(n, K_FLOAT, signbit(v) != 0);
    n->even = true;
    if (v == 0) return;
    snprintf(buf, sizeof buf, "%.*e", APPROX_DIGITS - 1, fabs(v));
    num_parse_e(n, buf);
    n->approx = true;
    n->src = v;
    n->scale_src = n->scale;
}

/* `sig` significant digits, correctly rounded (ties to even) by the C library. */
static void num_from_double_sig(Num *n, double v, int sig)
{
    char buf[64];
    num_init(n, K_FLOAT, signbit(v) != 0);
    if (v == 0) return;
    snprintf(buf, sizeof buf, "%.*e", sig - 1, fabs(v));
    num_parse_e(n, buf);
}

/*
** Shortest digits that read back as the same double (or float when `single`).  A normal double
** survives decimal -> double -> decimal at DBL_DIG (15) digits, so when the 15-digit rounding
** reads back, trimming its zeros gives the shortest form; otherwise try 16, then 17.
*/
static void num_from_double_short(Num *n, double v, bool single)
{
    char buf[64];
    num_init(n, K_FLOAT, signbit(v) != 0);
    if (v == 0) return;
    double a = fabs(v);
    int p = single ? FLT_DIG : DBL_DIG;
    if (a < (single ? FLT_MIN : DBL_MIN))
        p = 1; /* subnormals carry fewer digits: search from the start */
    for (; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, a);
        if (single ? strtof(buf, NULL) == (float)a : strtod(buf, NULL) == a) break;
    }
    num_parse_e(n, buf);
}

/* ---------------------------------------------------------------- rounding */

static bool round_up_at(const Num *n, int i)
{
    char d = n->dig[i];
    if (!n->even) return d >= '5';
    if (d != '5') return d > '5';
    for (int k = i + 1; k < n->nd; k++)
        if (n->dig[k] != '0') return true;
    return i > 0 && ((n->dig[i - 1] - '0') & 1); /* exact tie: to even */
}

/* Replace approximate digits by the exact expansion when they cannot decide the cut at pos. */
static void num_refine(Num *n, int pos)
{
    if (!n->approx) return;
    if (pos >= APPROX_DIGITS - 1 || (pos == n->nd - 1 && n->dig[pos] == '5')) {
        int adj = n->scale - n->scale_src; /* 'P' moved the point by 2 */
        bool neg = n->neg;
        num_from_double_exact(n, n->src);
        n->neg = neg;
        n->scale += adj;
    }
}

/* Keep `pos` leading digits (pos <= 0 may leave zero); trims trailing zeros. */
static void num_round(Num *n, int pos)
{
    int i = 0;
    num_refine(n, pos);
    while (i < pos && i < n->nd)
        i++;
    if (i == pos && i < n->nd && round_up_at(n, i)) {
        while (i > 0 && n->dig[i - 1] == '9')
            i--;
        if (i > 0) {
            n->dig[i - 1]++;
        } else {
            n->scale++;
            n->dig[0] = '1';
            i = 1;
        }
    } else {
        while (i > 0 && n->dig[i - 1] == '0')
            i--;
    }
    if (i == 0) {
        n->scale = 0;
        if (n->kind != K_FLOAT) n->neg = false;
    }
    n->nd = i;
    n->dig[i] = '\0';
}

/* ---------------------------------------------------------------- writers */

static void put_zeros(StrBuf *sb, int count)
{
    while (count-- > 0)
        sb_putc(sb, '0');
}

static void put_exponent(StrBuf *sb, int e, char ch, int mindigits, bool plus)
{
    char tmp[16];
    int len = 0;
    sb_putc(sb, ch);
    if (e < 0) {
        sb_putc(sb, '-');
        e = -e;
    } else if (plus) {
        sb_putc(sb, '+');
    }
    do {
        tmp[len++] = (char)('0' + e % 10);
        e /= 10;
    } while (e);
    put_zeros(sb, mindigits - len);
    while (len)
        sb_putc(sb, tmp[--len]);
}

/* Fixed point with nfrac decimals, optional "," grouping by 3 (F, N, C, P). */
static void put_fixed(StrBuf *sb, const Num *n, int nfrac, bool group)
{
    int pos = n->scale, i = 0;
    if (pos > 0) {
        for (int k = 0; k < pos; k++) {
            if (group && k > 0 && (pos - k) % 3 == 0) sb_putc(sb, ',');
            sb_putc(sb, i < n->nd ? n->dig[i++] : '0');
        }
    } else {
        sb_putc(sb, '0');
    }
    if (nfrac <= 0) return;
    sb_putc(sb, '.');
    if (pos < 0) {
        int z = -pos < nfrac ? -pos : nfrac;
        put_zeros(sb, z);
        nfrac -= z;
    }
    for (; nfrac > 0; nfrac--)
        sb_putc(sb, i < n->nd ? n->dig[i++] : '0');
}

/* d.ddddE+ddd with `ndig` digits in all (E). */
static void put_scientific(StrBuf *sb, const Num *n, int ndig, char expch)
{
    int i = 0;
    sb_putc(sb, n->nd ? n->dig[i++] : '0');
    if (ndig != 1) {
        sb_putc(sb, '.');
        while (--ndig > 0)
            sb_putc(sb, i < n->nd ? n->dig[i++] : '0');
    }
    put_exponent(sb, n->nd ? n->scale - 1 : 0, expch, 3, true);
}

/* G: fixed point unless the exponent is >= maxd or < -4; never trailing zeros. */
static void put_general(StrBuf *sb, const Num *n, int maxd, char expch, bool nosci)
{
    int pos = n->scale, i = 0;
    bool sci = false;
    if (!nosci && (pos > maxd || pos < -3)) {
        pos = 1;
        sci = true;
    }
    if (pos > 0) {
        for (; pos > 0; pos--)
            sb_putc(sb, i < n->nd ? n->dig[i++] : '0');
    } else {
        sb_putc(sb, '0');
    }
    if (i < n->nd || pos < 0) {
        sb_putc(sb, '.');
        for (; pos < 0; pos++)
            sb_putc(sb, '0');
        while (i < n->nd)
            sb_putc(sb, n->dig[i++]);
    }
    if (sci) put_exponent(sb, n->scale - 1, expch, 2, true);
}

/* Expand a culture pattern: '#' number, '$' currency symbol, anything else literal. */
static void put_pattern(StrBuf *sb, const char *pat, const Num *n, int nfrac, const Culture *c)
{
    for (; *pat; pat++) {
        if (*pat == '#')
            put_fixed(sb, n, nfrac, true);
        else if (*pat == '$')
            sb_puts(sb, c->currency);
        else
            sb_putc(sb, *pat);
    }
}

/* ---------------------------------------------------------------- standard formats */

/* "X99" -> 'X', 99; returns 0 when fmt is not a standard format (so it is custom). */
static char parse_standard(const char *fmt, int *prec)
{
    *prec = -1;
    if (!fmt || !*fmt) return 'G';
    char ch = fmt[0];
    if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'))) return 0;
    const char *p = fmt + 1;
    long v = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        v = v * 10 + (*p - '0');
        if (v > PREC_MAX) return 0;
    }
    if (*p) return 0;
    if (p > fmt + 1) *prec = (int)v;
    return ch;
}

static void sign(StrBuf *sb, const Num *n)
{
    if (n->neg) sb_putc(sb, '-');
}

/*
** The specifiers shared by every kind (C E F G N P R).  maxg is the G digit budget when no
** precision is given (0 = the digit count).  Returns NF_EFORMAT for anything else.
*/
static NfStatus format_std(StrBuf *sb, Num *n, char ch, int prec, int maxg, const Culture *c)
{
    char up = (char)(ch & ~0x20);
    switch (up) {
    case 'C':
        prec = prec < 0 ? 2 : prec;
        num_round(n, n->scale + prec);
        put_pattern(sb, n->neg ? c->cur_neg : c->cur_pos, n, prec, c);
        return NF_OK;
    case 'F':
    case 'N':
        prec = prec < 0 ? 2 : prec;
        num_round(n, n->scale + prec);
        sign(sb, n);
        put_fixed(sb, n, prec, up == 'N');
        return NF_OK;
    case 'P':
        prec = prec < 0 ? 2 : prec;
        n->scale += 2; /* x100 */
        num_round(n, n->scale + prec);
        put_pattern(sb, n->neg ? c->pct_neg : c->pct_pos, n, prec, c);
        return NF_OK;
    case 'E':
        prec = (prec < 0 ? 6 : prec) + 1;
        num_round(n, prec);
        sign(sb, n);
        put_scientific(sb, n, prec, (char)(ch == 'E' ? 'E' : 'e'));
        return NF_OK;
    case 'R':
        if (n->kind != K_FLOAT) return NF_EFORMAT; /* only double and float round-trip */
        prec = -1;
        /* fall through */
    case 'G': {
        bool noround = n->kind == K_DECIMAL && prec == -1;
        if (prec < 1) prec = n->nd > maxg ? n->nd : maxg;
        if (!noround) num_round(n, prec);
        if (n->nd || !noround) sign(sb, n);
        put_general(sb, n, prec, (char)(ch == 'g' || ch == 'r' ? 'e' : 'E'), noround);
        return NF_OK;
    }
    default:
        return NF_EFORMAT;
    }
}

static void put_radix(StrBuf *sb, uint64_t v, int prec, int bits, const char *digits)
{
    char tmp[72];
    int len = 0;
    unsigned mask = (1u << bits) - 1;
    do {
        tmp[len++] = digits[v & mask];
        v >>= bits;
    } while (v);
    put_zeros(sb, prec - len);
    while (len)
        sb_putc(sb, tmp[--len]);
}

static void put_radix_dec(StrBuf *sb, uint64_t v, int prec)
{
    char tmp[24];
    int len = 0;
    do {
        tmp[len++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put_zeros(sb, prec - len);
    while (len)
        sb_putc(sb, tmp[--len]);
}

/* D, X, B for integers: handled before the generic path. */
static bool format_int_only(StrBuf *sb, uint64_t mag, bool neg, uint64_t bits, int width, char ch,
                            int prec)
{
    uint64_t mask = width <= 0 || width >= 8 ? UINT64_MAX : ((uint64_t)1 << (width * 8)) - 1;
    switch (ch) {
    case 'D':
    case 'd':
        if (neg) sb_putc(sb, '-');
        put_radix_dec(sb, mag, prec);
        return true;
    case 'X':
        put_radix(sb, bits & mask, prec, 4, "0123456789ABCDEF");
        return true;
    case 'x':
        put_radix(sb, bits & mask, prec, 4, "0123456789abcdef");
        return true;
    case 'B':
    case 'b':
        put_radix(sb, bits & mask, prec, 1, "01");
        return true;
    default:
        return false;
    }
}

/* ---------------------------------------------------------------- custom formats */

/* What one section of a custom picture asks for (a first pass over its characters). */
typedef struct Pic {
    int ndigits;  /* '#' and '0' placeholders */
    int decpos;   /* placeholders before the first '.' */
    int first0;   /* placeholder index of the first '0' (INT32_MAX if none) */
    int last0;    /* one past the last '0' */
    int scaleadj; /* '%' +2, '‰' +3, commas right before the point -3 each */
    bool groups;  /* a ',' between placeholders: thousands separators */
    bool sci;     /* E0, E+0, E-0 seen */
} Pic;

static bool is_permille(const char *s)
{
    return (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           (unsigned char)s[2] == 0xB0;
}

/* Skip a quoted literal or a backslash escape starting at f[i]; returns the next index. */
static size_t skip_literal(const char *f, size_t i)
{
    char q = f[i++];
    if (q == '\\') return f[i] ? i + 1 : i;
    while (f[i] && f[i] != q)
        i++;
    return f[i] ? i + 1 : i;
}

/* Start of section `want` (0 positive, 1 negative, 2 zero); absent or empty gives 0. */
static size_t find_section(const char *f, int want)
{
    size_t i = 0;
    if (want == 0) return 0;
    while (f[i]) {
        if (f[i] == '\'' || f[i] == '"' || f[i] == '\\') {
            i = skip_literal(f, i);
            continue;
        }
        if (f[i++] == ';' && --want == 0) return f[i] && f[i] != ';' ? i : 0;
    }
    return 0;
}

static void scan_comma(Pic *p, int *tpos, int *tcount)
{
    if (p->ndigits == 0 || p->decpos >= 0) return;
    if (*tpos >= 0) {
        if (*tpos == p->ndigits) {
            ++*tcount;
            return;
        }
        p->groups = true;
    }
    *tpos = p->ndigits;
    *tcount = 1;
}

/* After 'E' at f[i-1]: "0", "+0" or "-0" makes the section scientific.  Returns the next index. */
static size_t scan_exponent(const char *f, size_t i, Pic *p)
{
    if (f[i] == '0' || ((f[i] == '+' || f[i] == '-') && f[i + 1] == '0')) {
        while (f[++i] == '0')
            ;
        p->sci = true;
    }
    return i;
}

/* First pass over one section (up to ';' or the end), starting at f[i]. */
static void scan_section(const char *f, size_t i, Pic *p)
{
    int tpos = -1, tcount = 0; /* where the last run of commas sits, and its length */
    memset(p, 0, sizeof *p);
    p->decpos = -1;
    p->first0 = INT32_MAX;
    while (f[i] && f[i] != ';') {
        if (f[i] == '\'' || f[i] == '"' || f[i] == '\\') {
            i = skip_literal(f, i);
            continue;
        }
        switch (f[i++]) {
        case '0':
            if (p->first0 == INT32_MAX) p->first0 = p->ndigits;
            p->last0 = ++p->ndigits;
            break;
        case '#':
            p->ndigits++;
            break;
        case '.':
            if (p->decpos < 0) p->decpos = p->ndigits;
            break;
        case ',':
            scan_comma(p, &tpos, &tcount);
            break;
        case '%':
            p->scaleadj += 2;
            break;
        case 'E':
        case 'e':
            i = scan_exponent(f, i, p);
            break;
        default:
            if (is_permille(f + i - 1)) {
                p->scaleadj += 3;
                i += 2;
            }
        }
    }
    if (p->decpos < 0) p->decpos = p->ndigits;
    if (tpos >= 0 && tpos == p->decpos)
        p->scaleadj -= tcount * 3; /* "0,," divides by a million */
    else if (tpos >= 0)
        p->groups = true;
}

/* Output state of the second pass. */
typedef struct Pen {
    StrBuf *sb;
    const Num *n;
    int di;     /* next digit of n */
    int digpos; /* digits left before the decimal point */
    int adjust; /* > 0: extra integer digits to flush; < 0: placeholders beyond the digits */
    int first0; /* leading zeros forced from this position down */
    int last0;  /* trailing zeros forced down to this (negative) position */
    int sepmax; /* separators go after positions 3, 6, ... below this */
    bool groups;
} Pen;

static void pen_digit(Pen *w, char ch)
{
    sb_putc(w->sb, ch);
    if (w->groups && w->digpos > 1 && (w->digpos - 1) % 3 == 0 && w->digpos - 1 < w->sepmax)
        sb_putc(w->sb, ',');
}

static char pen_next(Pen *w)
{
    return w->di < w->n->nd ? w->n->dig[w->di++] : '0';
}

static void pen_placeholder(Pen *w)
{
    char out;
    if (w->adjust > 0) {
        for (; w->adjust > 0; w->adjust--, w->digpos--)
            pen_digit(w, pen_next(w));
    }
    if (w->adjust < 0) {
        w->adjust++;
        out = w->digpos <= w->first0 ? '0' : 0;
    } else {
        out = w->di < w->n->nd ? w->n->dig[w->di++] : w->digpos > w->last0 ? '0' : 0;
    }
    if (out) pen_digit(w, out);
    w->digpos--;
}

/* E0 / E+0 / e-00 at f[*i] (just past the 'E'); the first one prints the exponent. */
static void pen_exponent(Pen *w, const char *f, size_t *i, char ch, Pic *p)
{
    size_t k = *i;
    int nz = 0;
    bool plus = false;
    if (!p->sci) {
        sb_putc(w->sb, ch);
        if (f[k] == '+' || f[k] == '-') sb_putc(w->sb, f[k++]);
        while (f[k] == '0')
            sb_putc(w->sb, f[k++]);
        *i = k;
        return;
    }
    if (f[k] == '0')
        nz++;
    else if (f[k] == '+' && f[k + 1] == '0')
        plus = true;
    else if (!(f[k] == '-' && f[k + 1] == '0')) {
        sb_putc(w->sb, ch);
        return;
    }
    while (f[++k] == '0')
        nz++;
    put_exponent(w->sb, w->n->nd ? w->n->scale - p->decpos : 0, ch, nz > 10 ? 10 : nz, plus);
    p->sci = false;
    *i = k;
}

static void pen_section(Pen *w, const char *f, size_t i, Pic *p)
{
    bool decdone = false;
    while (f[i] && f[i] != ';') {
        char ch = f[i++];
        if (ch == '#' || ch == '0') {
            pen_placeholder(w);
        } else if (ch == '.') {
            for (; w->adjust > 0; w->adjust--, w->digpos--)
                pen_digit(w, pen_next(w));
            if (w->digpos == 0 && !decdone &&
                (w->last0 < 0 || (p->decpos < p->ndigits && w->di < w->n->nd))) {
                sb_putc(w->sb, '.');
                decdone = true;
            }
        } else if (ch == '\'' || ch == '"') {
            while (f[i] && f[i] != ch)
                sb_putc(w->sb, f[i++]);
            if (f[i]) i++;
        } else if (ch == '\\') {
            if (f[i]) sb_putc(w->sb, f[i++]);
        } else if (ch == 'E' || ch == 'e') {
            pen_exponent(w, f, &i, ch, p);
        } else if (ch != ',') {
            sb_putc(w->sb, ch);
        }
    }
}

/* Pick the section, scale and round.  Returns the section start. */
static size_t custom_prepare(Num *n, const char *f, Pic *p)
{
    size_t sec = find_section(f, n->nd == 0 ? 2 : n->neg ? 1 : 0);
    for (;;) {
        scan_section(f, sec, p);
        if (n->nd) {
            n->scale += p->scaleadj;
            num_round(n, p->sci ? p->ndigits : n->scale + p->ndigits - p->decpos);
            if (n->nd == 0) {
                size_t z = find_section(f, 2);
                if (z != sec) {
                    sec = z;
                    continue;
                }
            }
        } else {
            if (n->kind != K_FLOAT) n->neg = false;
            n->scale = 0;
        }
        return sec;
    }
}

static void format_custom(StrBuf *sb, Num *n, const char *f)
{
    Pic p;
    StrBuf body = {0};
    n->even = false; /* pictures round half away from zero */
    size_t sec = custom_prepare(n, f, &p);
    Pen w = {.sb = &body, .n = n, .groups = p.groups};
    w.first0 = p.first0 < p.decpos ? p.decpos - p.first0 : 0;
    w.last0 = p.last0 > p.decpos ? p.decpos - p.last0 : 0;
    if (p.sci) {
        w.digpos = p.decpos;
    } else {
        w.digpos = n->scale > p.decpos ? n->scale : p.decpos;
        w.adjust = n->scale - p.decpos;
    }
    int total = w.digpos + (w.adjust < 0 ? w.adjust : 0);
    w.sepmax = w.first0 > total ? w.first0 : total;
    pen_section(&w, f, sec, &p);
    if (n->neg && sec == 0 && (n->scale != 0 || body.len > 0)) sb_putc(sb, '-');
    sb_append(sb, sb_str(&body), body.len);
    sb_free(&body);
}

/* ---------------------------------------------------------------- public entry points */

static NfStatus format_integer(StrBuf *sb, uint64_t mag, bool neg, uint64_t bits, int width,
                               const char *fmt, NfCulture cul)
{
    int prec;
    char ch = parse_standard(fmt, &prec);
    Num n;
    if (ch && format_int_only(sb, mag, neg, bits, width, ch, prec)) return NF_OK;
    num_from_u64(&n, mag, neg);
    if (!ch) {
        format_custom(sb, &n, fmt);
        return NF_OK;
    }
    return format_std(sb, &n, ch, prec, 0, &cultures[cul]);
}

NfStatus nf_format_int(StrBuf *sb, int64_t v, int width, const char *fmt, NfCulture cul)
{
    uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    return format_integer(sb, mag, v < 0, (uint64_t)v, width, fmt, cul);
}

NfStatus nf_format_uint(StrBuf *sb, uint64_t v, int width, const char *fmt, NfCulture cul)
{
    return format_integer(sb, v, false, v, width, fmt, cul);
}

static NfStatus format_real(StrBuf *sb, double v, bool single, const char *fmt, NfCulture cul)
{
    const Culture *c = &cultures[cul];
    int prec, sig = single ? FLT_CUSTOM_SIG : DBL_CUSTOM_SIG;
    int maxg = single ? FLT_ROUNDTRIP : DBL_ROUNDTRIP;
    char ch = parse_standard(fmt, &prec), up = (char)(ch & ~0x20);
    Num n;
    if (isnan(v) || isinf(v)) {
        sb_puts(sb, isnan(v) ? "NaN" : v > 0 ? c->pinf : c->ninf);
        return NF_OK;
    }
    if (!ch) {
        num_from_double_sig(&n, v, sig);
        format_custom(sb, &n, fmt);
        return NF_OK;
    }
    if (up == 'R' || (up == 'G' && prec <= 0)) {
        num_from_double_short(&n, v, single);
        return format_std(sb, &n, ch, -1, maxg, c);
    }
    num_from_double(&n, v);
    return format_std(sb, &n, ch, prec, 0, c);
}

NfStatus nf_format_double(StrBuf *sb, double v, const char *fmt, NfCulture cul)
{
    return format_real(sb, v, false, fmt, cul);
}

NfStatus nf_format_float(StrBuf *sb, float v, const char *fmt, NfCulture cul)
{
    return format_real(sb, (double)v, true, fmt, cul);
}

NfStatus nf_format_decimal(StrBuf *sb, const NfDecimal *d, const char *fmt, NfCulture cul)
{
    int prec;
    char ch = parse_standard(fmt, &prec);
    Num n;
    num_from_decimal(&n, d);
    if (!ch) {
        format_custom(sb, &n, fmt);
        return NF_OK;
    }
    return format_std(sb, &n, ch, prec, 0, &cultures[cul]);
}

NfStatus nf_format_digits(StrBuf *sb, bool neg, const char *digits, size_t n, const char *fmt,
                          NfCulture cul)
{
    int prec;
    char ch = parse_standard(fmt, &prec), up = (char)(ch & ~0x20);
    Num num;
    num_init(&num, K_INT, neg);
    if (n > NUM_CAP) n = NUM_CAP; /* 800 digits: beyond any script's formatting needs */
    size_t len = n == 1 && digits[0] == '0' ? 0 : n;
    memcpy(num.dig, digits, len);
    num.dig[len] = '\0';
    num.nd = num.scale = (int)len;
    if (!ch) {
        format_custom(sb, &num, fmt);
        return NF_OK;
    }
    if (up == 'X' || up == 'B') return NF_EFORMAT;
    if (up == 'D') {
        if (neg && len) sb_putc(sb, '-');
        put_zeros(sb, prec - (int)(len ? len : 1));
        sb_append(sb, len ? digits : "0", len ? len : 1);
        return NF_OK;
    }
    if (up == 'R') ch = 'G', prec = -1;
    return format_std(sb, &num, ch, prec, 0, &cultures[cul]);
}

static void real_ps(StrBuf *sb, double v, int sig)
{
    Num n;
    if (isnan(v) || isinf(v)) {
        sb_puts(sb, isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        return;
    }
    num_from_double_sig(&n, v, sig);
    sign(sb, &n);
    put_general(sb, &n, sig, 'E', false);
}

void nf_double_ps(StrBuf *sb, double v)
{
    real_ps(sb, v, DBL_CUSTOM_SIG);
}

void nf_float_ps(StrBuf *sb, float v)
{
    real_ps(sb, (double)v, FLT_CUSTOM_SIG);
}

/* ---------------------------------------------------------------- composite formatting */

static size_t utf8_len(const char *s, size_t n)
{
    size_t cps = 0;
    for (size_t i = 0; i < n; i++)
        cps += ((unsigned char)s[i] & 0xC0) != 0x80;
    return cps;
}

void nf_pad(StrBuf *sb, const char *s, size_t n, int align)
{
    size_t width = (size_t)(align < 0 ? -(long)align : align), len = utf8_len(s, n);
    size_t fill = width > len ? width - len : 0;
    if (align > 0)
        for (size_t i = 0; i < fill; i++)
            sb_putc(sb, ' ');
    sb_append(sb, s, n);
    if (align < 0)
        for (size_t i = 0; i < fill; i++)
            sb_putc(sb, ' ');
}

#define COMPOSITE_LIMIT 1000000 /* .NET caps index and alignment below one million */

static const char *skip_spaces(const char *p)
{
    while (*p == ' ')
        p++;
    return p;
}

/* Digits at *pp into *out; NF_EINPUT when there are none or they exceed the limit. */
static NfStatus parse_count(const char **pp, int *out)
{
    const char *p = *pp;
    int v = 0;
    if (*p < '0' || *p > '9') return NF_EINPUT;
    for (; *p >= '0' && *p <= '9'; p++) {
        v = v * 10 + (*p - '0');
        if (v >= COMPOSITE_LIMIT) return NF_EINPUT;
    }
    *pp = p;
    *out = v;
    return NF_OK;
}

/* A parsed {index,alignment:format} item. */
typedef struct Item {
    int index, align;
    const char *fmt; /* NULL when absent */
    size_t fmtlen;
} Item;

/* item -> index [ws] [',' [ws] ['-'] digits [ws]] [':' text] '}'  (p is just past '{') */
static NfStatus parse_item(const char **pp, Item *it)
{
    const char *p = *pp;
    bool neg = false;
    if (parse_count(&p, &it->index)) return NF_EINPUT;
    p = skip_spaces(p);
    it->align = 0;
    it->fmt = NULL;
    it->fmtlen = 0;
    if (*p == ',') {
        p = skip_spaces(p + 1);
        if (*p == '-') neg = true, p++;
        if (parse_count(&p, &it->align)) return NF_EINPUT;
        it->align = neg ? -it->align : it->align;
        p = skip_spaces(p);
    }
    if (*p == ':') {
        it->fmt = ++p;
        while (*p && *p != '}' && *p != '{')
            p++;
        it->fmtlen = (size_t)(p - it->fmt);
    }
    if (*p != '}') return NF_EINPUT;
    *pp = p + 1;
    return NF_OK;
}

static NfStatus emit_item(StrBuf *sb, const Item *it, int nargs, NfArgFn argfn, void *ctx)
{
    StrBuf out = {0};
    char *fmt = it->fmt ? xstrndup(it->fmt, it->fmtlen) : NULL;
    NfStatus st = it->index < nargs ? argfn(ctx, &out, it->index, fmt, it->fmtlen) : NF_EINDEX;
    if (st == NF_OK) nf_pad(sb, sb_str(&out), out.len, it->align);
    free(fmt);
    sb_free(&out);
    return st;
}

NfStatus nf_composite(StrBuf *sb, const char *fmt, int nargs, NfArgFn argfn, void *ctx)
{
    const char *p = fmt;
    while (*p) {
        if ((*p == '{' || *p == '}') && p[1] == *p) {
            sb_putc(sb, *p);
            p += 2;
        } else if (*p == '}') {
            return NF_EINPUT;
        } else if (*p == '{') {
            Item it;
            p++;
            NfStatus st = parse_item(&p, &it);
            if (!st) st = emit_item(sb, &it, nargs, argfn, ctx);
            if (st) return st;
        } else {
            sb_putc(sb, *p++);
        }
    }
    return NF_OK;
}
