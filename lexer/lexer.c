/*
** lexer: mode-driven PowerShell tokenizer (language.md section 1).  lex_scan() is a pure
** function of (source, offset, mode): one switch on the first byte, table-driven character
** classes, no allocation.  Nested "$( ... )" inside strings is skipped by an explicit stack
** machine (skip_nested), shared by lex_scan and lex_expand, so depth never uses C recursion.
** Bytes >= 0x80 are word characters except the few UTF-8 sequences PowerShell treats as
** quotes, dashes or blanks; invalid UTF-8 is therefore just more word characters.
*/
#include "lexer/lexer.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"
#include "runtime/strbuf.h"

#define LEX_MAX_NEST 1000 /* nested strings/subexpressions inside one token */
#define MSG_CACHE    64   /* formatted error messages remembered per token start */

struct Lexer {
    const unsigned char *s; /* the source (not owned) */
    uint32_t len;           /* its length in bytes */
    uint32_t *lines;        /* start offset of each line, built on first lex_span */
    uint32_t nlines;
    uint32_t col_line;     /* last lex_span column: line index ... */
    uint32_t col_pos, col; /* ... byte offset and its 1-based column (resume point) */
    Arena *msgs;           /* formatted error messages ("Unexpected token '-x' ...") */
    struct {
        uint32_t start;
        const char *tmpl;
        const char *msg;
    } cache[MSG_CACHE]; /* avoid re-formatting when the parser re-scans an error */
};

/* ===================== character classes ===================== */

enum {
    C_BLANK = 1 << 0, /* space tab VT FF */
    C_BOUND = 1 << 1, /* ForceStartNewToken: blanks, CR LF NUL & ( ) , ; { } | */
    C_NAME = 1 << 2,  /* variable name: letters digits _ ? and bytes >= 0x80 */
    C_IDENT = 1 << 3, /* identifier: letters digits _ and bytes >= 0x80 */
    C_DIGIT = 1 << 4,
    C_HEX = 1 << 5,
    C_NUMEND = 1 << 6, /* may follow a number in expression mode: ! # % * + - . / < = > ] ? : */
    C_PSTOP = 1 << 7,  /* ends a parameter name: { } ( ) ; , | & . [ CR LF NUL : blanks */
    C_LETTER = 1 << 8, /* ASCII letter, '_' or byte >= 0x80 (not '?' and not a digit) */
    C_GSPEC = 1 << 9,  /* needs a look inside a bare word: ` $ ' " */
    C_SSPEC = 1 << 10, /* needs a look inside a "..." string: ` $ " CR LF */
};

#define LT        (C_NAME | C_IDENT | C_LETTER)
#define HL        (LT | C_HEX)
#define DG        (C_NAME | C_IDENT | C_DIGIT | C_HEX)
#define R4(b, v)  [(b)] = (v), [(b) + 1] = (v), [(b) + 2] = (v), [(b) + 3] = (v)
#define R16(b, v) R4(b, v), R4((b) + 4, v), R4((b) + 8, v), R4((b) + 12, v)
#define R64(b, v) R16(b, v), R16((b) + 16, v), R16((b) + 32, v), R16((b) + 48, v)

/* clang-format off */
static const uint16_t cclass[256] = {
    [' '] = C_BLANK | C_BOUND | C_PSTOP, ['\t'] = C_BLANK | C_BOUND | C_PSTOP,
    ['\v'] = C_BLANK | C_BOUND | C_PSTOP, ['\f'] = C_BLANK | C_BOUND | C_PSTOP,
    ['\r'] = C_BOUND | C_PSTOP | C_SSPEC, ['\n'] = C_BOUND | C_PSTOP | C_SSPEC,
    [0] = C_BOUND | C_PSTOP, ['`'] = C_GSPEC | C_SSPEC, ['$'] = C_GSPEC | C_SSPEC,
    ['\''] = C_GSPEC, ['"'] = C_GSPEC | C_SSPEC,
    ['&'] = C_BOUND | C_PSTOP, ['('] = C_BOUND | C_PSTOP, [')'] = C_BOUND | C_PSTOP,
    [','] = C_BOUND | C_PSTOP, [';'] = C_BOUND | C_PSTOP, ['{'] = C_BOUND | C_PSTOP,
    ['}'] = C_BOUND | C_PSTOP, ['|'] = C_BOUND | C_PSTOP, ['.'] = C_PSTOP | C_NUMEND,
    ['['] = C_PSTOP, [':'] = C_PSTOP | C_NUMEND, ['!'] = C_NUMEND, ['#'] = C_NUMEND,
    ['%'] = C_NUMEND, ['*'] = C_NUMEND, ['+'] = C_NUMEND, ['-'] = C_NUMEND, ['/'] = C_NUMEND,
    ['<'] = C_NUMEND, ['='] = C_NUMEND, ['>'] = C_NUMEND, [']'] = C_NUMEND,
    ['?'] = C_NAME | C_NUMEND, ['_'] = LT,
    R4('0', DG), R4('4', DG), ['8'] = DG, ['9'] = DG,
    R4('A', HL), ['E'] = HL, ['F'] = HL, R4('G', LT), R16('K', LT),
    R4('a', HL), ['e'] = HL, ['f'] = HL, R4('g', LT), R16('k', LT),
    R64(0x80, LT), R64(0xC0, LT),
};
/* clang-format on */

#define CC(c, f) (cclass[(unsigned char)(c)] & (f))

/* The multi-byte characters with a meaning: U+2018-201B single quotes, U+201C-201E double
 * quotes, U+2013-2015 dashes (all E2 80 xx); blanks: NBSP and NEL (C2 A0, C2 85), the
 * U+2000-200A and U+202F spaces, and U+FEFF (a byte order mark, EF BB BF). */
enum { U_NONE, U_SQ, U_DQ, U_DASH, U_WS };

static int uspecial(const Lexer *lx, uint32_t p, int *len)
{
    const unsigned char *s = lx->s;
    if (s[p] == 0xE2 && p + 2 < lx->len && s[p + 1] == 0x80) {
        unsigned char c = s[p + 2];
        *len = 3;
        if (c >= 0x98 && c <= 0x9B) return U_SQ;
        if (c >= 0x9C && c <= 0x9E) return U_DQ;
        if (c >= 0x93 && c <= 0x95) return U_DASH;
        if (c <= 0x8A || c == 0xAF) return U_WS;
    } else if (s[p] == 0xEF && p + 2 < lx->len && s[p + 1] == 0xBB && s[p + 2] == 0xBF) {
        *len = 3;
        return U_WS;
    } else if (s[p] == 0xC2 && p + 1 < lx->len && (s[p + 1] == 0xA0 || s[p + 1] == 0x85)) {
        *len = 2;
        return U_WS;
    }
    *len = 0;
    return U_NONE;
}

/* Length of the character at p if it is of kind k (ASCII form or typographic), else 0. */
static int is_kind(const Lexer *lx, uint32_t p, int k)
{
    static const unsigned char ascii[] = {0, '\'', '"', '-', 0};
    int n;
    if (p >= lx->len) return 0;
    if (lx->s[p] < 0x80) return ascii[k] && lx->s[p] == ascii[k] ? 1 : 0;
    return uspecial(lx, p, &n) == k ? n : 0;
}
#define is_sq(lx, p)   is_kind(lx, p, U_SQ)
#define is_dq(lx, p)   is_kind(lx, p, U_DQ)
#define is_dash(lx, p) is_kind(lx, p, U_DASH)

/* True if a token ends before offset p: end of input, a boundary byte or a Unicode blank. */
static int at_boundary(const Lexer *lx, uint32_t p)
{
    int n;
    if (p >= lx->len) return 1;
    if (lx->s[p] < 0x80) return CC(lx->s[p], C_BOUND) != 0;
    return uspecial(lx, p, &n) == U_WS;
}

/* Is the byte at p a word character of class f (a byte >= 0x80 counts unless special)? */
static int is_word(const Lexer *lx, uint32_t p, int f)
{
    int n;
    if (p >= lx->len) return 0;
    if (lx->s[p] < 0x80) return CC(lx->s[p], f) != 0;
    return uspecial(lx, p, &n) == U_NONE;
}

static uint32_t word_end(const Lexer *lx, uint32_t p, int f)
{
    while (p < lx->len && is_word(lx, p, f))
        p++;
    return p;
}

/* ===================== lexer object, tokens, messages ===================== */

Lexer *lex_new(const char *src, size_t len)
{
    Lexer *lx = xcalloc(1, sizeof(Lexer));
    lx->s = (const unsigned char *)(src ? src : "");
    lx->len = len > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t)len;
    return lx;
}

void lex_free(Lexer *lx)
{
    if (!lx) return;
    free(lx->lines);
    arena_free(lx->msgs);
    free(lx);
}

const char *lex_source(const Lexer *lx)
{
    return (const char *)lx->s;
}

size_t lex_length(const Lexer *lx)
{
    return lx->len;
}

static Token mk(TokKind k, uint32_t start, uint32_t end)
{
    Token t;
    memset(&t, 0, sizeof t);
    t.kind = k;
    t.start = start;
    t.end = end;
    return t;
}

static Token mkerr(uint32_t start, uint32_t end, const char *id, const char *msg, int incomplete)
{
    Token t = mk(TOK_ERROR, start, end);
    t.err_id = id;
    t.err_msg = msg;
    t.err_start = start;
    t.err_end = end;
    if (incomplete) t.flags |= TF_INCOMPLETE;
    return t;
}

/* mkerr with pwsh's error extent [es, ee) inside the token [start, end). */
static Token mkerr_at(uint32_t start, uint32_t end, uint32_t es, uint32_t ee, const char *id,
                      const char *msg, int incomplete)
{
    Token t = mkerr(start, end, id, msg, incomplete);
    t.err_start = es;
    t.err_end = ee;
    return t;
}

/* pwsh's message template with every "{0}" replaced by the source text [a, b) (clipped).
 * Kept in the lexer's own arena, so the pointer lives as long as the lexer. */
static const char *fmt_msg(Lexer *lx, const char *tmpl, uint32_t a, uint32_t b)
{
    unsigned slot = a % MSG_CACHE;
    if (lx->cache[slot].msg && lx->cache[slot].start == a && lx->cache[slot].tmpl == tmpl)
        return lx->cache[slot].msg;
    if (b - a > 200) b = a + 200;
    StrBuf sb = {0};
    for (const char *t = tmpl, *h; *t; t = h + 3) {
        h = strstr(t, "{0}");
        if (!h) {
            sb_puts(&sb, t);
            break;
        }
        sb_append(&sb, t, (size_t)(h - t));
        sb_append(&sb, (const char *)lx->s + a, b - a);
    }
    if (!lx->msgs) lx->msgs = arena_new();
    char *m = arena_strndup(lx->msgs, sb_str(&sb), sb.len);
    sb_free(&sb);
    lx->cache[slot].start = a;
    lx->cache[slot].tmpl = tmpl;
    lx->cache[slot].msg = m;
    return m;
}

static const char MSG_UNEXPECTED[] = "Unexpected token '{0}' in expression or statement.";
static const char MSG_BADNUM[] = "The numeric constant {0} is not valid.";
static const char MSG_REDIR[] = "The '{0}' operator is reserved for future use.";
static const char MSG_SPLAT[] = "The splatting operator '@' cannot be used to reference variables "
                                "in an expression. '@{0}' can be used only as an argument to a "
                                "command. To reference variables in an expression use '${0}'.";

static Token err_unterminated(const Lexer *lx, uint32_t start, const char *msg)
{
    return mkerr(start, lx->len, "TerminatorExpectedAtEndOfString", msg, 1);
}

/* ===================== blanks, comments, continuations ===================== */

enum { SK_OK, SK_TICK_EOF, SK_OPEN_COMMENT };

/* Offset just past the newline at p (CRLF counts as one); p must be at '\r' or '\n'. */
static uint32_t after_newline(const Lexer *lx, uint32_t p)
{
    if (lx->s[p] == '\r' && p + 1 < lx->len && lx->s[p + 1] == '\n') return p + 2;
    return p + 1;
}

static uint32_t line_end(const Lexer *lx, uint32_t p)
{
    while (p < lx->len && lx->s[p] != '\n' && lx->s[p] != '\r')
        p++;
    return p;
}

/* Offset after the "#>" closing a block comment whose text starts at p, or 0 at EOF. */
static uint32_t block_comment_end(const Lexer *lx, uint32_t p)
{
    while (p + 1 < lx->len) {
        const unsigned char *h = memchr(lx->s + p, '#', lx->len - 1 - p);
        if (!h) return 0;
        p = (uint32_t)(h - lx->s);
        if (lx->s[p + 1] == '>') return p + 2;
        p++;
    }
    return 0;
}

/* Skip blanks, comments and line continuations from *pp; SK_* says how it stopped. */
static int skip_space(const Lexer *lx, uint32_t *pp)
{
    const unsigned char *s = lx->s;
    uint32_t p = *pp;
    int n, rc = SK_OK;
    while (p < lx->len) {
        unsigned char c = s[p];
        if (CC(c, C_BLANK)) {
            p++;
        } else if (c >= 0x80 && uspecial(lx, p, &n) == U_WS) {
            p += (uint32_t)n;
        } else if (c == '#') {
            p = line_end(lx, p);
        } else if (c == '<' && p + 1 < lx->len && s[p + 1] == '#') {
            uint32_t e = block_comment_end(lx, p + 2);
            if (!e) {
                rc = SK_OPEN_COMMENT;
                break;
            }
            p = e;
        } else if (c == '`') {
            if (p + 1 >= lx->len) {
                rc = SK_TICK_EOF;
                p++;
                break;
            }
            if (s[p + 1] == '\n' || s[p + 1] == '\r')
                p = after_newline(lx, p + 1);
            else if (CC(s[p + 1], C_BLANK) || (s[p + 1] >= 0x80 && uspecial(lx, p + 1, &n) == U_WS))
                p++;
            else
                break;
        } else {
            break;
        }
    }
    *pp = p;
    return rc;
}

/* ===================== numbers (language.md 1.5) ===================== */

enum { SF_NONE, SF_L, SF_U, SF_UL, SF_US, SF_UY, SF_S, SF_Y, SF_D, SF_N };

typedef struct NumShape {
    int base;           /* 10, 16 or 2 */
    int real;           /* has '.' or an exponent */
    uint32_t dig, mant; /* first digit (after 0x/0b) and end of the mantissa */
    int suffix;         /* SF_* */
    int mult;           /* 0, or 1..5 for kb mb gb tb pb (powers of 1024) */
    uint32_t end;
} NumShape;

static int lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int lower_at(const Lexer *lx, uint32_t p)
{
    return p < lx->len ? lower(lx->s[p]) : 0;
}

static uint32_t digits_end(const Lexer *lx, uint32_t p, int base)
{
    while (p < lx->len && (base == 16  ? CC(lx->s[p], C_HEX)
                           : base == 2 ? (lx->s[p] == '0' || lx->s[p] == '1')
                                       : CC(lx->s[p], C_DIGIT)))
        p++;
    return p;
}

/* The suffix table: spelling, SF_* (two-letter forms first). */
static const struct {
    const char *text;
    int sf;
} suffixes[] = {{"ul", SF_UL}, {"us", SF_US}, {"uy", SF_UY}, {"u", SF_U}, {"l", SF_L},
                {"s", SF_S},   {"y", SF_Y},   {"d", SF_D},   {"n", SF_N}};

static uint32_t scan_suffix(const Lexer *lx, uint32_t p, NumShape *ns)
{
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        const char *t = suffixes[i].text;
        if (lower_at(lx, p) == t[0] && (!t[1] || lower_at(lx, p + 1) == t[1])) {
            ns->suffix = suffixes[i].sf;
            p += t[1] ? 2 : 1;
            break;
        }
    }
    static const char mults[] = "kmgtp";
    const char *m = lower_at(lx, p) ? strchr(mults, lower_at(lx, p)) : NULL;
    if (m && lower_at(lx, p + 1) == 'b') {
        ns->mult = (int)(m - mults) + 1;
        p += 2;
    }
    return p;
}

/* Scan the shape of a number at p.  0 if the text does not even start like one. */
static int number_shape(const Lexer *lx, uint32_t p, NumShape *ns)
{
    const unsigned char *s = lx->s;
    memset(ns, 0, sizeof *ns);
    ns->base = 10;
    if (s[p] == '0' && p + 2 < lx->len && lower(s[p + 1]) == 'x' && CC(s[p + 2], C_HEX))
        ns->base = 16;
    else if (s[p] == '0' && p + 2 < lx->len && lower(s[p + 1]) == 'b' &&
             (s[p + 2] == '0' || s[p + 2] == '1'))
        ns->base = 2;
    uint32_t q = ns->dig = ns->base == 10 ? p : p + 2;
    q = digits_end(lx, q, ns->base);
    if (ns->base == 10) {
        if (q < lx->len && s[q] == '.' && !(q + 1 < lx->len && s[q + 1] == '.')) {
            ns->real = 1;
            q = digits_end(lx, q + 1, 10);
        }
        if (q == p || (q == p + 1 && s[p] == '.')) return 0;
        if (lower_at(lx, q) == 'e') {
            uint32_t r = q + 1;
            if (r < lx->len && (s[r] == '+' || s[r] == '-')) r++;
            if (r < lx->len && CC(s[r], C_DIGIT)) {
                ns->real = 1;
                q = digits_end(lx, r, 10);
            }
        }
    }
    ns->mant = q;
    ns->end = scan_suffix(lx, q, ns);
    return 1;
}

/* Does the character at p end a number in this mode (language.md 1.1)? */
static int number_ends(const Lexer *lx, uint32_t p, LexMode mode)
{
    if (at_boundary(lx, p)) return 1;
    if (mode == LEX_COMMAND) return 0;
    return lx->s[p] < 0x80 ? CC(lx->s[p], C_NUMEND) != 0 : is_dash(lx, p) != 0;
}

/* strtod on [a, b) in the "C" notation whatever the current locale's decimal point is. */
static double parse_double(const Lexer *lx, uint32_t a, uint32_t b)
{
    char small[128];
    size_t n = b - a;
    char *buf = n < sizeof small ? small : xmalloc(n + 1);
    memcpy(buf, lx->s + a, n);
    buf[n] = 0;
    const char *dp = localeconv()->decimal_point;
    if (dp && dp[0] && dp[0] != '.') {
        char *dot = strchr(buf, '.');
        if (dot) *dot = dp[0];
    }
    double d = strtod(buf, NULL);
    if (buf != small) free(buf);
    return d;
}

/* A value being built: sign and magnitude, so that every integer type fits. */
typedef struct Mag {
    int neg;
    uint64_t mag;
} Mag;

/* Range of each integer NumType: {type, bits, signed}. */
static int int_fits(NumType t, Mag m)
{
    uint64_t max;
    switch (t) {
    case NUM_INT32:
        max = 0x7FFFFFFFu;
        break;
    case NUM_INT64:
        max = 0x7FFFFFFFFFFFFFFFu;
        break;
    case NUM_INT16:
        max = 0x7FFF;
        break;
    case NUM_SBYTE:
        max = 0x7F;
        break;
    case NUM_UINT32:
        max = 0xFFFFFFFFu;
        break;
    case NUM_UINT16:
        max = 0xFFFF;
        break;
    case NUM_BYTE:
        max = 0xFF;
        break;
    default:
        max = UINT64_MAX;
        break;
    }
    int is_signed = t == NUM_INT32 || t == NUM_INT64 || t == NUM_INT16 || t == NUM_SBYTE;
    if (m.neg && m.mag) return is_signed && m.mag <= max + 1;
    return m.mag <= max;
}

static void set_int(NumLit *n, NumType t, Mag m)
{
    n->type = t;
    if (t == NUM_UINT32 || t == NUM_UINT64 || t == NUM_UINT16 || t == NUM_BYTE)
        n->v.u = m.mag;
    else
        n->v.i = m.neg ? (int64_t)(0 - m.mag) : (int64_t)m.mag;
}

static NumType suffix_type(int sf)
{
    static const NumType map[] = {[SF_L] = NUM_INT64,   [SF_U] = NUM_UINT32,  [SF_UL] = NUM_UINT64,
                                  [SF_US] = NUM_UINT16, [SF_UY] = NUM_BYTE,   [SF_S] = NUM_INT16,
                                  [SF_Y] = NUM_SBYTE,   [SF_D] = NUM_DECIMAL, [SF_N] = NUM_BIGINT};
    return map[sf];
}

#define DECIMAL_MAX 7.9228162514264337593543950335e28

/* An untyped integer too big for Int64: Decimal if it fits, else Double. */
static void set_big(NumLit *n, double d)
{
    n->type = d <= DECIMAL_MAX ? NUM_DECIMAL : NUM_DOUBLE;
    n->v.d = d;
}

/* Finish an integer value m (already sign-interpreted) with the multiplier and suffix.
 * wide: an untyped hex/binary literal read as 64-bit two's complement stays Int64. */
static int finish_int(NumLit *n, Mag m, int sf, uint64_t mult, int wide)
{
    double approx = (m.neg ? -1.0 : 1.0) * (double)m.mag * (double)mult;
    if (sf == SF_D || sf == SF_N) {
        n->type = suffix_type(sf);
        n->v.d = approx;
        return sf == SF_N || fabs(approx) <= DECIMAL_MAX;
    }
    int ovf = mult > 1 && m.mag > UINT64_MAX / mult;
    m.mag *= mult;
    if (sf == SF_U) {
        if (ovf || m.neg) return 0;
        set_int(n, m.mag <= 0xFFFFFFFFu ? NUM_UINT32 : NUM_UINT64, m);
        return 1;
    }
    if (sf != SF_NONE) {
        if (ovf || !int_fits(suffix_type(sf), m)) return 0;
        set_int(n, suffix_type(sf), m);
        return 1;
    }
    if (ovf)
        set_big(n, approx);
    else if (!wide && int_fits(NUM_INT32, m))
        set_int(n, NUM_INT32, m);
    else if (int_fits(NUM_INT64, m))
        set_int(n, NUM_INT64, m);
    else
        set_big(n, approx);
    return 1;
}

/* Two's complement reading of nbits bits of u (u < 2^nbits). */
static Mag twos(uint64_t u, unsigned nbits)
{
    Mag m = {0, u};
    if (nbits == 0 || nbits > 64 || !(u >> (nbits - 1) & 1)) return m;
    m.neg = 1;
    m.mag = nbits == 64 ? ~u + 1 : ((uint64_t)1 << nbits) - u;
    return m;
}

/* Hex and binary literals: the sign rules of language.md 1.5. */
static int hexbin_value(const Lexer *lx, const NumShape *ns, NumLit *n, uint64_t mult)
{
    unsigned bits = ns->base == 16 ? 4 : 1, nd = ns->mant - ns->dig, sig = 0;
    uint64_t u = 0;
    double approx = 0;
    for (uint32_t q = ns->dig; q < ns->mant; q++) {
        unsigned c = lx->s[q];
        unsigned d = CC(c, C_DIGIT) ? c - '0' : (unsigned)lower((unsigned char)c) - 'a' + 10;
        if (u || d) sig += bits;
        u = u << bits | d;
        approx = approx * (1 << bits) + d;
    }
    if (sig > 64) {
        if (ns->suffix != SF_N) return 0;
        n->type = NUM_BIGINT;
        n->v.d = approx * (double)mult;
        return 1;
    }
    Mag m = {0, u};
    int wide = 0;
    static const unsigned sbits[] = {[SF_S] = 16, [SF_Y] = 8, [SF_L] = 64};
    if (ns->suffix == SF_S || ns->suffix == SF_Y || ns->suffix == SF_L) {
        unsigned b = sbits[ns->suffix];
        if (b < 64 && u >> b) return 0;
        m = twos(u, b);
    } else if (ns->suffix == SF_NONE && ns->base == 16) {
        if (u > 0x7FFFFFFFu && nd <= 8)
            m = twos(u, 32);
        else if (u > 0x7FFFFFFFFFFFFFFFu && nd <= 16)
            m = twos(u, 64), wide = 1;
        else if (u > 0x7FFFFFFFFFFFFFFFu)
            return 0;
    } else if (ns->suffix == SF_NONE) {
        if (nd % 8 == 0 && nd <= 64 && lx->s[ns->dig] == '1')
            m = twos(u, nd), wide = nd > 32;
        else if (u > 0x7FFFFFFFFFFFFFFFu)
            return 0;
    }
    return finish_int(n, m, ns->suffix, mult, wide);
}

/* Decimal literals: integer digits, or reals (Double/Decimal, rounded for integer suffixes). */
static int dec_value(const Lexer *lx, const NumShape *ns, NumLit *n, uint64_t mult)
{
    if (!ns->real && ns->suffix != SF_D) {
        uint64_t u = 0;
        int ovf = 0;
        for (uint32_t q = ns->dig; q < ns->mant; q++) {
            unsigned d = lx->s[q] - '0';
            if (u > (UINT64_MAX - d) / 10) ovf = 1;
            u = u * 10 + d;
        }
        if (!ovf) return finish_int(n, (Mag){0, u}, ns->suffix, mult, 0);
        if (ns->suffix != SF_NONE && ns->suffix != SF_N) return 0;
        double d = parse_double(lx, ns->dig, ns->mant) * (double)mult;
        if (ns->suffix == SF_N) return n->type = NUM_BIGINT, n->v.d = d, 1;
        set_big(n, d);
        return isfinite(d);
    }
    double d = parse_double(lx, ns->dig, ns->mant) * (double)mult;
    if (!isfinite(d)) return 0;
    if (ns->suffix == SF_NONE || ns->suffix == SF_D) {
        n->type = ns->suffix == SF_D ? NUM_DECIMAL : NUM_DOUBLE;
        n->v.d = d;
        return ns->suffix == SF_NONE || d <= DECIMAL_MAX;
    }
    double r = nearbyint(d); /* banker's rounding in the default rounding mode */
    if (ns->suffix == SF_N) return n->type = NUM_BIGINT, n->v.d = r, 1;
    if (r >= 18446744073709551616.0) return 0;
    return finish_int(n, (Mag){0, (uint64_t)r}, ns->suffix, 1, 0);
}

/* Number at p: 1 with *out set (TOK_NUMBER or a BadNumericConstant error), or 0 when the
 * text is not a number in this mode (the caller scans a bare word instead). */
static int scan_number(Lexer *lx, uint32_t p, LexMode mode, Token *out)
{
    NumShape ns;
    if (!number_shape(lx, p, &ns) || !number_ends(lx, ns.end, mode)) return 0;
    static const uint64_t mults[] = {1, 1ull << 10, 1ull << 20, 1ull << 30, 1ull << 40, 1ull << 50};
    NumLit n;
    memset(&n, 0, sizeof n);
    int ok = ns.base == 10 ? dec_value(lx, &ns, &n, mults[ns.mult])
                           : hexbin_value(lx, &ns, &n, mults[ns.mult]);
    if (!ok) {
        *out = mkerr(p, ns.end, "BadNumericConstant", fmt_msg(lx, MSG_BADNUM, p, ns.end), 0);
        return 1;
    }
    *out = mk(TOK_NUMBER, p, ns.end);
    out->num = n;
    return 1;
}

/* ===================== strings and the nesting machine (language.md 1.7) ===================== */

#define NOPOS UINT32_MAX

/* Offset after the closing quote of a '...' string whose text starts at p ('' is a quote). */
static uint32_t skip_sq(const Lexer *lx, uint32_t p)
{
    int n;
    while (p < lx->len) {
        unsigned char c = lx->s[p];
        if (c != '\'' && c != 0xE2) {
            p++;
        } else if ((n = is_sq(lx, p)) != 0) {
            int m = is_sq(lx, p + (uint32_t)n);
            if (!m) return p + (uint32_t)n;
            p += (uint32_t)(n + m);
        } else {
            p++;
        }
    }
    return NOPOS;
}

/* Offset after the '}' of a ${...} name whose text starts at p, or NOPOS at end of input. */
static uint32_t skip_braced(const Lexer *lx, uint32_t p)
{
    while (p < lx->len && lx->s[p] != '}')
        p += lx->s[p] == '`' ? 2 : 1;
    return p < lx->len ? p + 1 : NOPOS;
}

/* After "@'" or "@\"" (q just past the quote): blanks then a newline.  Returns the body
 * start, 0 if other characters follow on the line, NOPOS if the input ends first. */
static uint32_t hs_header(const Lexer *lx, uint32_t q)
{
    int n;
    while (q < lx->len) {
        if (CC(lx->s[q], C_BLANK))
            q++;
        else if (lx->s[q] >= 0x80 && uspecial(lx, q, &n) == U_WS)
            q += (uint32_t)n;
        else if (lx->s[q] == '\n' || lx->s[q] == '\r')
            return after_newline(lx, q);
        else
            return 0;
    }
    return NOPOS;
}

/* Length of a here-string footer ('@ or "@ with quote kind k) at p, else 0. */
static uint32_t footer_at(const Lexer *lx, uint32_t p, int k)
{
    int n = is_kind(lx, p, k);
    return n && p + (uint32_t)n < lx->len && lx->s[p + (uint32_t)n] == '@' ? (uint32_t)n + 1 : 0;
}

/* Blanks then a footer at p: the "white space before the terminator" mistake.  Returns the
 * offset of the footer's quote plus one (pwsh's error position), 0 if there is none. */
static uint32_t indented_footer(const Lexer *lx, uint32_t p, int k)
{
    uint32_t q = p;
    while (q < lx->len && CC(lx->s[q], C_BLANK))
        q++;
    return q > p && footer_at(lx, q, k) ? q + 1 : 0;
}

typedef struct XScan {
    uint32_t end;       /* offset after the construct (lx->len if it never ends) */
    int status;         /* XS_* */
    const char *err_id; /* XS_BAD: the first bad `u{...} escape at the outer level */
    const char *err_msg;
    uint32_t err_start, err_end; /* XS_BAD: pwsh's extent for it */
    uint32_t bad_footer; /* first indented here-string footer at the outer level: its quote's
                            offset + 1 (0: none) */
} XScan;
enum { XS_OK, XS_EOF, XS_DEEP, XS_BAD };
enum { CX_DQ, CX_HDQ, CX_SUB };

/* Offset after a verbatim here-string body starting at p ('@ footer), or NOPOS. */
static uint32_t skip_hsq(const Lexer *lx, uint32_t p, uint32_t *bad_footer)
{
    for (;;) {
        uint32_t f = footer_at(lx, p, U_SQ);
        if (f) return p + f;
        if (bad_footer && !*bad_footer) *bad_footer = indented_footer(lx, p, U_SQ);
        p = line_end(lx, p);
        if (p >= lx->len) return NOPOS;
        p = after_newline(lx, p);
    }
}

/* Check the `u escape whose 'u' is at p; NULL if fine, else sets the message and pwsh's
 * error extent [*es, *ee) (ScanUnicodeEscape: the whole `u{} when nothing or "{}" follows,
 * the offending character otherwise, the digits when the value is out of range). */
static const char *check_uesc(const Lexer *lx, uint32_t p, const char **msg, uint32_t *es,
                              uint32_t *ee)
{
    static const char invalid[] = "The Unicode escape sequence is not valid. A valid sequence "
                                  "is `u{ followed by one to six hex digits and a closing '}'.";
    uint32_t q = p + 2, v = 0;
    int nd = 0;
    *msg = invalid;
    if (p + 1 >= lx->len || lx->s[p + 1] != '{') {
        *es = p - 1, *ee = p + 1;
        return "InvalidUnicodeEscapeSequence";
    }
    while (q < lx->len && CC(lx->s[q], C_HEX)) {
        if (nd == 6) {
            *es = q, *ee = q + 1;
            *msg = "The Unicode escape sequence contains more than the maximum of six hex "
                   "digits between braces.";
            return "TooManyDigitsInUnicodeEscapeSequence";
        }
        unsigned char c = lx->s[q++];
        v = v * 16 + (uint32_t)(CC(c, C_DIGIT) ? c - '0' : lower(c) - 'a' + 10);
        nd++;
    }
    if (q >= lx->len || lx->s[q] != '}') {
        *es = q, *ee = q < lx->len ? q + 1 : q; /* pwsh's [q, q + 1), kept in the source */
        if (nd < 6) return "InvalidUnicodeEscapeSequence";
        *msg = "The Unicode escape sequence is missing the closing '}'.";
        return "MissingUnicodeEscapeSequenceTerminator";
    }
    if (nd == 0) {
        *es = p - 1, *ee = q + 1;
        return "InvalidUnicodeEscapeSequence";
    }
    if (v > 0x10FFFF) {
        *es = p + 2, *ee = q;
        *msg = "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.";
        return "InvalidUnicodeEscapeSequenceValue";
    }
    return NULL;
}

/* Where pwsh's ScanUnicodeEscape stops reading after a bad escape whose backtick is at bt and
 * error extent is [es, ee): before an offending character, after the '}' otherwise. */
static uint32_t resume_after_uesc(uint32_t bt, const char *id, uint32_t es, uint32_t ee)
{
    if (strcmp(id, "InvalidUnicodeEscapeSequenceValue") == 0) return ee + 1;
    if (ee - es == 1 && es >= bt + 3) return es;
    return ee > bt + 2 ? ee : bt + 2;
}

/* Is '#' at p the start of a comment inside $( ... ) code (i.e. at a token start)? */
static int comment_starts(const Lexer *lx, uint32_t p)
{
    return p == 0 || CC(lx->s[p - 1], C_BOUND);
}

typedef struct Frame {
    uint8_t kind;   /* CX_* */
    uint32_t depth; /* CX_SUB: open parentheses */
} Frame;

/* One step in string context (CX_DQ / CX_HDQ).  Returns the new offset; may push or pop. */
static uint32_t step_string(const Lexer *lx, uint32_t p, Frame *st, int *n, XScan *xs)
{
    const unsigned char *s = lx->s;
    Frame *f = &st[*n - 1];
    unsigned char c = s[p];
    if (c == '`') {
        if (*n == 1 && p + 1 < lx->len && s[p + 1] == 'u' && !xs->err_id)
            xs->err_id = check_uesc(lx, p + 1, &xs->err_msg, &xs->err_start, &xs->err_end);
        return p + 2 <= lx->len ? p + 2 : lx->len;
    }
    if (c == '$' && p + 1 < lx->len && s[p + 1] == '(') {
        if (*n == LEX_MAX_NEST) {
            xs->status = XS_DEEP;
            return lx->len;
        }
        st[(*n)++] = (Frame){CX_SUB, 1};
        return p + 2;
    }
    if (c == '$' && p + 1 < lx->len && s[p + 1] == '{') {
        uint32_t e = skip_braced(lx, p + 2);
        return e == NOPOS ? lx->len : e;
    }
    if (f->kind == CX_DQ) {
        int q = is_dq(lx, p);
        if (!q) return p + 1;
        int q2 = is_dq(lx, p + (uint32_t)q);
        if (q2) return p + (uint32_t)(q + q2);
        (*n)--;
        return p + (uint32_t)q;
    }
    if (c != '\n' && c != '\r') return p + 1;
    p = after_newline(lx, p);
    uint32_t fl = footer_at(lx, p, U_DQ);
    if (fl) {
        (*n)--;
        return p + fl;
    }
    if (*n == 1 && !xs->bad_footer) xs->bad_footer = indented_footer(lx, p, U_DQ);
    return p;
}

/* One step in $( ... ) code: count parentheses, skip strings, comments and escapes. */
static uint32_t step_code(const Lexer *lx, uint32_t p, Frame *st, int *n, XScan *xs)
{
    const unsigned char *s = lx->s;
    unsigned char c = s[p];
    uint32_t e;
    int q;
    switch (c) {
    case '(':
        st[*n - 1].depth++;
        return p + 1;
    case ')':
        if (--st[*n - 1].depth == 0) (*n)--;
        return p + 1;
    case '`':
        return p + 2 <= lx->len ? p + 2 : lx->len;
    case '#':
        return comment_starts(lx, p) ? line_end(lx, p) : p + 1;
    case '<':
        if (p + 1 < lx->len && s[p + 1] == '#') {
            e = block_comment_end(lx, p + 2);
            return e ? e : lx->len;
        }
        return p + 1;
    case '@':
        if ((q = is_sq(lx, p + 1)) != 0 && (e = hs_header(lx, p + 1 + (uint32_t)q)) != 0) {
            e = e == NOPOS ? NOPOS : skip_hsq(lx, e, NULL);
            return e == NOPOS ? lx->len : e;
        }
        if ((q = is_dq(lx, p + 1)) != 0 && (e = hs_header(lx, p + 1 + (uint32_t)q)) != 0) {
            if (e == NOPOS) return lx->len;
            if (*n == LEX_MAX_NEST) {
                xs->status = XS_DEEP;
                return lx->len;
            }
            st[(*n)++] = (Frame){CX_HDQ, 0};
            if ((q = (int)footer_at(lx, e, U_DQ)) != 0) { /* empty body */
                (*n)--;
                return e + (uint32_t)q;
            }
            return e;
        }
        return p + 1;
    default:
        if ((q = is_sq(lx, p)) != 0) {
            e = skip_sq(lx, p + (uint32_t)q);
            return e == NOPOS ? lx->len : e;
        }
        if ((q = is_dq(lx, p)) != 0) {
            if (*n == LEX_MAX_NEST) {
                xs->status = XS_DEEP;
                return lx->len;
            }
            st[(*n)++] = (Frame){CX_DQ, 0};
            return p + (uint32_t)q;
        }
        return p + 1;
    }
}

/*
** Find the end of an expandable construct without recursion: kind CX_DQ (p after the
** opening quote), CX_HDQ (p at the body start) or CX_SUB (p after "$(").  Nested strings,
** here-strings, comments and backtick escapes inside $( ) are skipped the way pwsh does.
*/
static void skip_nested(const Lexer *lx, uint32_t p, int kind, XScan *xs)
{
    Frame st[LEX_MAX_NEST];
    int n = 1;
    st[0] = (Frame){(uint8_t)kind, 1};
    memset(xs, 0, sizeof *xs);
    if (kind == CX_HDQ && footer_at(lx, p, U_DQ)) {
        xs->end = p + footer_at(lx, p, U_DQ);
        return;
    }
    while (n > 0 && xs->status == XS_OK) {
        if (p >= lx->len) {
            xs->status = XS_EOF;
            break;
        }
        if (st[n - 1].kind == CX_SUB) {
            p = step_code(lx, p, st, &n, xs);
        } else if (lx->s[p] < 0x80 && !CC(lx->s[p], C_SSPEC)) {
            p++; /* plain string text */
        } else {
            p = step_string(lx, p, st, &n, xs);
        }
    }
    if (n > 0 && xs->status == XS_OK) xs->status = XS_EOF;
    xs->end = n > 0 ? lx->len : p;
    if (xs->status == XS_OK && xs->err_id) xs->status = XS_BAD;
}

static Token xscan_error(const Lexer *lx, uint32_t start, const XScan *xs, const char *msg)
{
    if (xs->status == XS_DEEP)
        return mkerr(start, lx->len, "NestingTooDeep",
                     "The string contains subexpressions nested too deeply.", 0);
    if (xs->status == XS_BAD)
        return mkerr_at(start, xs->end, xs->err_start, xs->err_end, xs->err_id, xs->err_msg, 0);
    if (xs->bad_footer) /* pwsh: from the false footer's quote to the end of the input */
        return mkerr_at(start, lx->len, xs->bad_footer - 1, lx->len,
                        "WhitespaceBeforeHereStringFooter",
                        "White space is not allowed before the string terminator.", 1);
    return err_unterminated(lx, start, msg);
}

/* '...' at p (quote of n bytes). */
static Token scan_sq(const Lexer *lx, uint32_t p, int n)
{
    uint32_t e = skip_sq(lx, p + (uint32_t)n);
    if (e == NOPOS) return err_unterminated(lx, p, "The string is missing the terminator: '.");
    return mk(TOK_STRING, p, e);
}

/* "..." at p (quote of n bytes). */
static Token scan_dq(const Lexer *lx, uint32_t p, int n)
{
    XScan xs;
    skip_nested(lx, p + (uint32_t)n, CX_DQ, &xs);
    if (xs.status != XS_OK)
        return xscan_error(lx, p, &xs, "The string is missing the terminator: \".");
    return mk(TOK_XSTRING, p, xs.end);
}

/* @'...'@ or @"..."@ at p; n is the length of the quote after '@'. */
static Token scan_here(const Lexer *lx, uint32_t p, int n, int dq)
{
    const char *msg = dq ? "The string is missing the terminator: \"@."
                         : "The string is missing the terminator: '@.";
    uint32_t body = hs_header(lx, p + 1 + (uint32_t)n);
    if (body == NOPOS) return err_unterminated(lx, p, msg);
    if (body == 0) { /* pwsh puts the error under the first character after the blanks */
        uint32_t x = p + 1 + (uint32_t)n;
        int w;
        while (CC(lx->s[x], C_BLANK) || (lx->s[x] >= 0x80 && uspecial(lx, x, &w) == U_WS))
            x += CC(lx->s[x], C_BLANK) ? 1 : (uint32_t)w;
        return mkerr_at(p, line_end(lx, p), x, x + 1, "UnexpectedCharactersAfterHereStringHeader",
                        "No characters are allowed after a here-string header but before the "
                        "end of the line.",
                        0);
    }
    XScan xs;
    if (dq) {
        skip_nested(lx, body, CX_HDQ, &xs);
    } else {
        memset(&xs, 0, sizeof xs);
        xs.end = skip_hsq(lx, body, &xs.bad_footer);
        xs.status = xs.end == NOPOS ? XS_EOF : XS_OK;
    }
    if (xs.status != XS_OK) return xscan_error(lx, p, &xs, msg);
    return mk(dq ? TOK_XHSTRING : TOK_HSTRING, p, xs.end);
}

/* ===================== variables (language.md 1.6) ===================== */

/*
** End of the unbraced variable whose sigil is at p: after "$$", "$?", "$^", or after
** name[:name].  Returns p when no name follows.  *bad is set for "$name:" not followed by a
** name character (the returned end then includes the ':').  "::" is never part of a name.
*/
static uint32_t var_end(const Lexer *lx, uint32_t p, int *bad)
{
    uint32_t q = p + 1;
    *bad = 0;
    if (q >= lx->len) return p;
    unsigned char c = lx->s[q];
    if (lx->s[p] == '$' && (c == '$' || c == '?' || c == '^')) return q + 1;
    if (!is_word(lx, q, C_NAME) || c == '?') return p;
    q = word_end(lx, q, C_NAME);
    if (q < lx->len && lx->s[q] == ':' && !(q + 1 < lx->len && lx->s[q + 1] == ':')) {
        if (!is_word(lx, q + 1, C_NAME)) {
            *bad = 1;
            return q + 1;
        }
        int using = q - (p + 1) == 5 && str_nicmp((const char *)lx->s + p + 1, "using", 5) == 0;
        q = word_end(lx, q + 1, C_NAME);
        /* $using:global:x, $using:script:x: one variable, as ${using:global:x} */
        if (using && q + 1 < lx->len && lx->s[q] == ':' && is_word(lx, q + 1, C_NAME))
            q = word_end(lx, q + 1, C_NAME);
    }
    return q;
}

static Token bad_drive(uint32_t p, uint32_t e)
{
    return mkerr(p, e, "InvalidVariableReferenceWithDrive",
                 "Variable reference is not valid. ':' was not followed by a valid variable name "
                 "character. Consider using ${} to delimit the name.",
                 0);
}

/*
** A "${" at q (in a token starting at p) that never closes.  pwsh's extent runs from the '{'
** to the end, and its message is the resource text as is: it has no arguments, so the
** doubled braces of the format string are never collapsed.
*/
static Token err_braced(const Lexer *lx, uint32_t p, uint32_t q)
{
    return mkerr_at(p, lx->len, q + 1, lx->len, "IncompleteDollarVariableReference",
                    "${{variable}} reference starting is missing the closing '}}'.", 1);
}

/* ${...} at p. */
static Token scan_braced(const Lexer *lx, uint32_t p)
{
    uint32_t e = skip_braced(lx, p + 2);
    if (e == NOPOS) return err_braced(lx, p, p);
    if (e == p + 3) /* pwsh: under the '}' */
        return mkerr_at(p, e, p + 2, p + 3, "EmptyVariableReference",
                        "An empty ${} variable reference was found. A name is required inside "
                        "the braces.",
                        0);
    Token t = mk(TOK_VARIABLE, p, e);
    t.flags = TF_BRACED;
    return t;
}

/* ===================== bare words (language.md 1.3) ===================== */

/*
** A command-mode bare word from p to the next token boundary.  Backtick escapes, embedded
** quoted strings, "$(...)" and "${...}" are taken whole (they may hold blanks) and make the
** word TF_EXPANDABLE.  A backtick before a newline or the end ends the word.
*/
static Token scan_generic(const Lexer *lx, uint32_t p)
{
    const unsigned char *s = lx->s;
    uint32_t q = p;
    uint16_t flags = 0;
    int n;
    XScan xs;
    const char *bad = NULL, *bad_msg = NULL; /* the first bad `u escape, as in strings */
    uint32_t bad_start = 0, bad_end = 0;
    while (q < lx->len) {
        unsigned char c = s[q];
        if (c < 0x80 && !CC(c, C_GSPEC | C_BOUND)) {
            q++; /* the common case: an ordinary ASCII character */
            continue;
        }
        if (at_boundary(lx, q)) break;
        if (c == '`') {
            if (q + 1 >= lx->len || s[q + 1] == '\n' || s[q + 1] == '\r') break;
            flags |= TF_EXPANDABLE;
            const char *m, *id = NULL; /* a valid `u{...} is taken whole: its '}' is not a
                                          boundary */
            uint32_t es, ee;
            if (s[q + 1] == 'u' && !(id = check_uesc(lx, q + 1, &m, &es, &ee))) {
                q = (uint32_t)((const unsigned char *)memchr(s + q, '}', lx->len - q) - s) + 1;
                continue;
            }
            if (!id) {
                q += 2;
                continue;
            }
            if (!bad) bad = id, bad_msg = m, bad_start = es, bad_end = ee;
            q = resume_after_uesc(q, id, es, ee);
        } else if (c == '$') {
            flags |= TF_EXPANDABLE;
            if (q + 1 < lx->len && s[q + 1] == '(') {
                skip_nested(lx, q + 2, CX_SUB, &xs);
                if (xs.status == XS_EOF)
                    return mkerr(p, lx->len, "MissingEndParenthesisInSubexpression",
                                 "Missing closing ')' in subexpression.", 1);
                if (xs.status != XS_OK) return xscan_error(lx, p, &xs, "");
                q = xs.end;
            } else if (q + 1 < lx->len && s[q + 1] == '{') {
                uint32_t e = skip_braced(lx, q + 2);
                if (e == NOPOS) return err_braced(lx, p, q);
                q = e;
            } else {
                q++;
            }
        } else if ((n = is_sq(lx, q)) != 0) {
            flags |= TF_EXPANDABLE;
            uint32_t e = skip_sq(lx, q + (uint32_t)n);
            if (e == NOPOS)
                return err_unterminated(lx, p, "The string is missing the terminator: '.");
            q = e;
        } else if ((n = is_dq(lx, q)) != 0) {
            flags |= TF_EXPANDABLE;
            skip_nested(lx, q + (uint32_t)n, CX_DQ, &xs);
            if (xs.status != XS_OK)
                return xscan_error(lx, p, &xs, "The string is missing the terminator: \".");
            q = xs.end;
        } else {
            q++;
        }
    }
    if (bad) return mkerr_at(p, q, bad_start, bad_end, bad, bad_msg, 0);
    Token t = mk(TOK_GENERIC, p, q > p ? q : p + 1);
    t.flags = flags;
    return t;
}

/* $... at p: "$(", ${name}, $name, or a literal '$' word. */
static Token scan_dollar(const Lexer *lx, uint32_t p, LexMode mode)
{
    int bad;
    uint32_t e;
    Token t;
    if (p + 1 < lx->len && lx->s[p + 1] == '(') return mk(TOK_DOLLAR_PAREN, p, p + 2);
    if (p + 1 < lx->len && lx->s[p + 1] == '{') {
        t = scan_braced(lx, p);
    } else {
        e = var_end(lx, p, &bad);
        if (e == p) return scan_generic(lx, p);
        t = bad ? bad_drive(p, e) : mk(TOK_VARIABLE, p, e);
    }
    /* command mode: "$a\b", "a$b+1": anything but '.', '[' or a boundary makes it a word */
    if (mode == LEX_COMMAND && t.kind == TOK_VARIABLE && !at_boundary(lx, t.end) &&
        lx->s[t.end] != '.' && lx->s[t.end] != '[')
        return scan_generic(lx, p);
    return t;
}

/* @... at p: @( @{ here-strings, @name splats. */
static Token scan_at(Lexer *lx, uint32_t p, LexMode mode)
{
    int n, bad;
    if (p + 1 < lx->len && lx->s[p + 1] == '(') return mk(TOK_AT_PAREN, p, p + 2);
    if (p + 1 < lx->len && lx->s[p + 1] == '{') return mk(TOK_AT_BRACE, p, p + 2);
    if ((n = is_sq(lx, p + 1)) != 0) return scan_here(lx, p, n, 0);
    if ((n = is_dq(lx, p + 1)) != 0) return scan_here(lx, p, n, 1);
    uint32_t e = var_end(lx, p, &bad);
    if (e > p && !bad) {
        if (mode == LEX_EXPR)
            return mkerr(p, e, "SplattingNotPermitted", fmt_msg(lx, MSG_SPLAT, p + 1, e), 0);
        return mk(TOK_SPLAT, p, e);
    }
    return mkerr(p, p + 1, "UnrecognizedToken", "Unrecognized token in source text.", 0);
}

/* ===================== operators, parameters, redirections ===================== */

/* Look up a dash operator name (without '-'), with the i/c prefixes: OpKind or -1. */
static int op_lookup(const unsigned char *w, uint32_t n, uint16_t *flags)
{
    char buf[16];
    if (n == 0 || n >= sizeof buf) return -1;
    for (uint32_t i = 0; i < n; i++)
        buf[i] = (char)lower(w[i]);
    buf[n] = 0;
    for (int pass = 0; pass < 2; pass++) {
        const char *name = pass ? buf + 1 : buf;
        if (pass && buf[0] != 'i' && buf[0] != 'c') break;
        for (int k = 0; k < OP__COUNT; k++) {
            const char *t = op_info[k].text;
            if (!(op_info[k].flags & OPF_DASH) || t[1] != name[0] || strcmp(t + 1, name) != 0)
                continue;
            if (pass && !(op_info[k].flags & OPF_CASE)) continue;
            *flags = !pass ? 0 : buf[0] == 'c' ? TF_CASE_SENS : TF_CASE_INS;
            return k;
        }
    }
    return -1;
}

static Token op(OpKind k, uint32_t p, uint32_t e)
{
    Token t = mk(TOK_OP, p, e);
    t.op = (uint16_t)k;
    return t;
}

/* "--%": the rest of the line up to a newline, or an unquoted '|' or "&&". */
static Token scan_verbatim(const Lexer *lx, uint32_t p, uint32_t q)
{
    int inq = 0;
    while (q < lx->len && lx->s[q] != '\n' && lx->s[q] != '\r') {
        unsigned char c = lx->s[q];
        if (c == '"')
            inq = !inq;
        else if (!inq && (c == '|' || (c == '&' && q + 1 < lx->len && lx->s[q + 1] == '&')))
            break;
        q++;
    }
    return mk(TOK_VERBATIM, p, q);
}

/* Command mode '-' (of dl bytes) at p: --, --%, -Name, -Name:, or a bare word. */
static Token scan_dash_cmd(const Lexer *lx, uint32_t p, int dl)
{
    uint32_t q = p + (uint32_t)dl;
    int n = is_dash(lx, q);
    if (n) {
        uint32_t r = q + (uint32_t)n;
        if (r < lx->len && lx->s[r] == '%') return scan_verbatim(lx, p, r + 1);
        return at_boundary(lx, r) ? mk(TOK_DASHDASH, p, r) : scan_generic(lx, p);
    }
    if (!is_word(lx, q, C_LETTER) && !(q < lx->len && lx->s[q] == '?')) return scan_generic(lx, p);
    uint16_t flags = 0;
    while (q < lx->len) {
        unsigned char c = lx->s[q];
        if (c == ':') {
            flags = TF_COLON;
            q++;
            break;
        }
        if (c < 0x80 ? CC(c, C_PSTOP) != 0 : at_boundary(lx, q)) break;
        if (c == '`' || is_sq(lx, q) || is_dq(lx, q)) return scan_generic(lx, p);
        q++;
    }
    Token t = mk(TOK_PARAM, p, q);
    t.flags = flags;
    return t;
}

/* Expression mode '-' (of dl bytes) at p: -- -= - or a dash operator such as -ceq. */
static Token scan_dash_expr(Lexer *lx, uint32_t p, int dl)
{
    uint32_t q = p + (uint32_t)dl;
    int n = is_dash(lx, q);
    if (n) return op(OP_DEC, p, q + (uint32_t)n);
    if (q < lx->len && lx->s[q] == '=') return op(OP_SUB_ASSIGN, p, q + 1);
    if (!is_word(lx, q, C_LETTER) && !(q < lx->len && lx->s[q] == '?')) return op(OP_SUB, p, q);
    uint32_t e = word_end(lx, q, C_NAME);
    uint16_t flags = 0;
    int k = op_lookup(lx->s + q, e - q, &flags);
    if (k < 0) return mkerr(p, e, "UnexpectedToken", fmt_msg(lx, MSG_UNEXPECTED, p, e), 0);
    Token t = op((OpKind)k, p, e);
    t.flags = flags;
    return t;
}

static Token redir(uint32_t p, uint32_t e, int stream, int append, int merge)
{
    Token t = mk(TOK_REDIR, p, e);
    t.redir.stream = (uint8_t)stream;
    t.redir.append = (uint8_t)append;
    t.redir.merge = (uint8_t)merge;
    return t;
}

/* A redirection at p ('>' or [1-6*] followed by '>'); 0 if there is none. */
static int scan_redir(Lexer *lx, uint32_t p, Token *out)
{
    const unsigned char *s = lx->s;
    if (s[p] == '>') {
        int app = p + 1 < lx->len && s[p + 1] == '>';
        *out = redir(p, p + 1 + (uint32_t)app, 1, app, 0);
        return 1;
    }
    if (p + 1 >= lx->len || s[p + 1] != '>' || !(s[p] == '*' || (s[p] >= '1' && s[p] <= '6')))
        return 0;
    int stream = s[p] == '*' ? 0 : s[p] - '0';
    uint32_t q = p + 2;
    if (q < lx->len && s[q] == '>') {
        *out = redir(p, q + 1, stream, 1, 0);
    } else if (q + 1 < lx->len && s[q] == '&' && CC(s[q + 1], C_DIGIT)) {
        if (s[q + 1] == '1' && stream != 1)
            *out = redir(p, q + 2, stream, 0, 1);
        else
            *out = mkerr(p, q + 2, "RedirectionNotSupported", fmt_msg(lx, MSG_REDIR, p, q + 2), 0);
    } else {
        *out = redir(p, q, stream, 0, 0);
    }
    return 1;
}

/* Expression-mode word: member names, keywords, attribute and type names. */
static Token scan_ident(const Lexer *lx, uint32_t p)
{
    return mk(TOK_IDENT, p, word_end(lx, p, C_IDENT));
}

/* ===================== the scanner ===================== */

/* Single-character punctuators, the same in both modes. */
static TokKind punct(unsigned char c)
{
    switch (c) {
    case '(':
        return TOK_LPAREN;
    case ')':
        return TOK_RPAREN;
    case '{':
        return TOK_LBRACE;
    case '}':
        return TOK_RBRACE;
    case ',':
        return TOK_COMMA;
    case ';':
        return TOK_SEMI;
    default:
        return TOK_EOF;
    }
}

/* Expression-mode operators made of + * / % = ! ? : . [ ] (after the shared cases). */
static Token scan_expr_op(Lexer *lx, uint32_t p)
{
    const unsigned char *s = lx->s;
    unsigned char c = s[p], d = p + 1 < lx->len ? s[p + 1] : 0;
    static const struct {
        char c, d;
        OpKind k;
    } two[] = {{'+', '+', OP_INC},        {'+', '=', OP_ADD_ASSIGN}, {'*', '=', OP_MUL_ASSIGN},
               {'/', '=', OP_DIV_ASSIGN}, {'%', '=', OP_MOD_ASSIGN}, {'?', '?', OP_COALESCE},
               {'.', '.', OP_RANGE}};
    if (c == '?' && d == '?' && p + 2 < lx->len && s[p + 2] == '=')
        return op(OP_COALESCE_ASSIGN, p, p + 3);
    for (size_t i = 0; i < sizeof two / sizeof two[0]; i++)
        if (two[i].c == c && two[i].d == d) return op(two[i].k, p, p + 2);
    switch (c) {
    case '+':
        return op(OP_ADD, p, p + 1);
    case '*':
        return op(OP_MUL, p, p + 1);
    case '/':
        return op(OP_DIV, p, p + 1);
    case '%':
        return op(OP_MOD, p, p + 1);
    case '=':
        return op(OP_ASSIGN, p, p + 1);
    case '!':
        return op(OP_BANG, p, p + 1);
    case '[':
        return mk(TOK_LBRACKET, p, p + 1);
    case ']':
        return mk(TOK_RBRACKET, p, p + 1);
    case '?':
        if (d == '.') return mk(TOK_QDOT, p, p + 2);
        return d == '[' ? mk(TOK_QLBRACKET, p, p + 2) : mk(TOK_QUESTION, p, p + 1);
    case ':':
        return d == ':' ? mk(TOK_DCOLON, p, p + 2) : mk(TOK_COLON, p, p + 1);
    case '.':
        return mk(TOK_DOT, p, p + 1);
    default:
        return CC(c, C_IDENT) ? scan_ident(lx, p) : scan_generic(lx, p);
    }
}

/* Command mode: ':label', '.' (dot-source) and everything else is a bare word. */
static Token scan_cmd_word(Lexer *lx, uint32_t p)
{
    const unsigned char *s = lx->s;
    if (s[p] == ':' && p + 1 < lx->len && is_word(lx, p + 1, C_IDENT))
        return mk(TOK_LABEL, p, word_end(lx, p + 1, C_IDENT));
    if (s[p] == '.' && at_boundary(lx, p + 1)) return mk(TOK_DOT, p, p + 1);
    return scan_generic(lx, p);
}

Token lex_scan(Lexer *lx, uint32_t pos, LexMode mode)
{
    const unsigned char *s = lx->s;
    uint32_t p = pos < lx->len ? pos : lx->len;
    Token t;
    int n;
    switch (skip_space(lx, &p)) {
    case SK_TICK_EOF:
        t = mk(TOK_EOF, lx->len, lx->len);
        t.flags = TF_INCOMPLETE;
        return t;
    case SK_OPEN_COMMENT:
        return mkerr(p, lx->len, "MissingTerminatorMultiLineComment",
                     "The terminator '#>' is missing from the multiline comment.", 1);
    }
    if (p >= lx->len) return mk(TOK_EOF, p, p);
    unsigned char c = s[p];
    switch (c) {
    case '\n':
        return mk(TOK_NEWLINE, p, p + 1);
    case '\r':
        return mk(TOK_NEWLINE, p, after_newline(lx, p));
    case 0:
        return mkerr(p, p + 1, "UnrecognizedToken", "Unrecognized token in source text.", 0);
    case '(':
    case ')':
    case '{':
    case '}':
    case ',':
    case ';':
        return mk(punct(c), p, p + 1);
    case '$':
        return scan_dollar(lx, p, mode);
    case '@':
        return scan_at(lx, p, mode);
    case '\'':
        return scan_sq(lx, p, 1);
    case '"':
        return scan_dq(lx, p, 1);
    case '|':
        return p + 1 < lx->len && s[p + 1] == '|' ? mk(TOK_OROR, p, p + 2) : mk(TOK_PIPE, p, p + 1);
    case '&':
        return p + 1 < lx->len && s[p + 1] == '&' ? mk(TOK_ANDAND, p, p + 2)
                                                  : mk(TOK_AMP, p, p + 1);
    case '<':
        return mkerr(p, p + 1, "RedirectionNotSupported", fmt_msg(lx, MSG_REDIR, p, p + 1), 0);
    case '>':
    case '*':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
        if (scan_redir(lx, p, &t)) return t;
        break;
    case '-':
        return mode == LEX_COMMAND ? scan_dash_cmd(lx, p, 1) : scan_dash_expr(lx, p, 1);
    default:
        break;
    }
    if (CC(c, C_DIGIT) || (c == '.' && p + 1 < lx->len && CC(s[p + 1], C_DIGIT))) {
        if (scan_number(lx, p, mode, &t)) return t;
        return scan_generic(lx, p);
    }
    if (c >= 0x80) {
        switch (uspecial(lx, p, &n)) {
        case U_SQ:
            return scan_sq(lx, p, n);
        case U_DQ:
            return scan_dq(lx, p, n);
        case U_DASH:
            return mode == LEX_COMMAND ? scan_dash_cmd(lx, p, n) : scan_dash_expr(lx, p, n);
        default:
            break;
        }
    }
    return mode == LEX_COMMAND ? scan_cmd_word(lx, p) : scan_expr_op(lx, p);
}

/* ===================== positions ===================== */

static void build_lines(Lexer *lx)
{
    uint32_t cap = 64, n = 0;
    uint32_t *v = xmalloc(sizeof *v * cap);
    v[n++] = 0;
    for (uint32_t p = 0; p < lx->len; p++) {
        unsigned char c = lx->s[p];
        if (c != '\n' && c != '\r') continue;
        uint32_t next = after_newline(lx, p);
        ARRAY_PUSH(v, n, cap, next);
        p = next - 1;
    }
    lx->lines = v;
    lx->nlines = n;
    lx->col_line = UINT32_MAX;
}

/* Index of the line holding offset p (binary search over the line starts). */
static uint32_t line_of(const Lexer *lx, uint32_t p)
{
    uint32_t lo = 0, hi = lx->nlines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (lx->lines[mid] <= p)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

SrcSpan lex_span(Lexer *lx, uint32_t start, uint32_t end)
{
    if (!lx->lines) build_lines(lx);
    if (start > lx->len) start = lx->len;
    uint32_t li = line_of(lx, start);
    uint32_t from = lx->lines[li], col = 1;
    if (li == lx->col_line && lx->col_pos <= start) { /* resume: spans usually move forward */
        from = lx->col_pos;
        col = lx->col;
    }
    for (uint32_t p = from; p < start; p++)
        col += (lx->s[p] & 0xC0) != 0x80; /* count code points: skip continuation bytes */
    lx->col_line = li;
    lx->col_pos = start;
    lx->col = col;
    return (SrcSpan){start, end < start ? start : end, li + 1, col};
}

void lex_line_bounds(Lexer *lx, uint32_t line, uint32_t *start, uint32_t *end)
{
    if (!lx->lines) build_lines(lx);
    if (line < 1 || line > lx->nlines) {
        *start = *end = lx->len;
        return;
    }
    *start = lx->lines[line - 1];
    if (line == lx->nlines) { /* the last line runs to the end of the input */
        *end = line_end(lx, *start);
        return;
    }
    uint32_t next = lx->lines[line]; /* the table already knows where the newline is */
    *end = next - (next >= *start + 2 && lx->s[next - 2] == '\r' && lx->s[next - 1] == '\n' ? 2 : 1);
}

/* ===================== token text and expansion ===================== */

typedef struct Walk {
    Lexer *lx;
    Arena *a;
    StrBuf sb;             /* text not yet emitted as a part */
    uint32_t tstart, tend; /* its source span */
    XPart *parts;
    int n, cap;
    int parts_on; /* 0 for lex_text: expansions are copied as written */
} Walk;
enum { W_DQ, W_HDQ, W_WORD };

static void put(Walk *w, const void *bytes, size_t n, uint32_t a, uint32_t b)
{
    if (w->sb.len == 0) w->tstart = a;
    w->tend = b;
    sb_append(&w->sb, bytes, n);
}

static void flush(Walk *w)
{
    if (w->sb.len == 0 || !w->parts_on) return;
    XPart x = {XP_TEXT, arena_strndup(w->a, w->sb.buf, w->sb.len), w->sb.len, w->tstart, w->tend};
    ARRAY_PUSH(w->parts, w->n, w->cap, x);
    sb_clear(&w->sb);
}

/* A $var or $( ) piece spanning [a, b): a part, or its source text for lex_text. */
static void piece(Walk *w, XPartKind k, uint32_t a, uint32_t b)
{
    if (!w->parts_on) {
        put(w, w->lx->s + a, b - a, a, b);
        return;
    }
    flush(w);
    XPart x = {k, NULL, 0, a, b};
    ARRAY_PUSH(w->parts, w->n, w->cap, x);
}

/* Backtick escape whose escaped character is at p (p < e); returns the offset after it. */
static uint32_t escape(Walk *w, uint32_t p, uint32_t e)
{
    static const char from[] = "0abefnrtv", to[] = "\0\a\b\033\f\n\r\t\v";
    const unsigned char *s = w->lx->s;
    const char *m = s[p] ? strchr(from, s[p]) : NULL;
    if (m) {
        put(w, &to[m - from], 1, p - 1, p + 1);
        return p + 1;
    }
    const char *dummy;
    uint32_t es, ee;
    if (s[p] == 'u' && p + 1 < e && s[p + 1] == '{' && !check_uesc(w->lx, p, &dummy, &es, &ee)) {
        uint32_t q = p + 2, v = 0;
        for (; s[q] != '}'; q++)
            v = v * 16 + (uint32_t)(CC(s[q], C_DIGIT) ? s[q] - '0' : lower(s[q]) - 'a' + 10);
        StrBuf tmp = {0};
        sb_put_utf8(&tmp, v);
        put(w, tmp.buf, tmp.len, p - 1, q + 1);
        sb_free(&tmp);
        return q + 1;
    }
    put(w, s + p, 1, p - 1, p + 1);
    return p + 1;
}

/* Length of the closing quote that ends at offset e (1 for ASCII, 3 for typographic). */
static uint32_t close_len(const Lexer *lx, uint32_t e)
{
    return lx->s[e - 1] < 0x80 ? 1 : 3;
}

/* '...' body [p, e): copy with doubled quotes collapsed. */
static void walk_sq(Walk *w, uint32_t p, uint32_t e)
{
    int q, q2;
    while (p < e) {
        if ((q = is_sq(w->lx, p)) != 0 && (q2 = is_sq(w->lx, p + (uint32_t)q)) != 0) {
            put(w, w->lx->s + p, (size_t)q, p, p + (uint32_t)(q + q2));
            p += (uint32_t)(q + q2);
        } else {
            put(w, w->lx->s + p, 1, p, p + 1);
            p++;
        }
    }
}

static uint32_t walk_dollar(Walk *w, uint32_t p, uint32_t e)
{
    const unsigned char *s = w->lx->s;
    int bad;
    uint32_t end;
    if (p + 1 < e && s[p + 1] == '(') {
        XScan xs;
        skip_nested(w->lx, p + 2, CX_SUB, &xs);
        end = xs.end < e ? xs.end : e;
        piece(w, XP_SUBEXPR, p, end);
        return end;
    }
    if (p + 1 < e && s[p + 1] == '{') {
        end = skip_braced(w->lx, p + 2);
        end = end == NOPOS || end > e ? e : end;
        piece(w, XP_VAR, p, end);
        return end;
    }
    end = var_end(w->lx, p, &bad);
    if (end == p) {
        put(w, "$", 1, p, p + 1);
        return p + 1;
    }
    end = end < e ? end : e;
    piece(w, XP_VAR, p, end);
    return end;
}

/* Expandable text [p, e) in context ctx (W_*).  Recurses once at most (word -> "..."). */
static void walk(Walk *w, uint32_t p, uint32_t e, int ctx)
{
    const unsigned char *s = w->lx->s;
    int q, q2;
    while (p < e) {
        unsigned char c = s[p];
        if (c == '`') {
            p = p + 1 < e ? escape(w, p + 1, e) : e;
        } else if (c == '$') {
            p = walk_dollar(w, p, e);
        } else if (ctx == W_DQ && (q = is_dq(w->lx, p)) != 0) {
            q2 = is_dq(w->lx, p + (uint32_t)q);
            put(w, s + p, (size_t)q, p, p + (uint32_t)(q + q2));
            p += (uint32_t)(q + q2);
        } else if (ctx == W_WORD && (q = is_sq(w->lx, p)) != 0) {
            uint32_t end = skip_sq(w->lx, p + (uint32_t)q);
            end = end == NOPOS || end > e ? e : end;
            walk_sq(w, p + (uint32_t)q, end - close_len(w->lx, end));
            p = end;
        } else if (ctx == W_WORD && (q = is_dq(w->lx, p)) != 0) {
            XScan xs;
            skip_nested(w->lx, p + (uint32_t)q, CX_DQ, &xs);
            uint32_t end = xs.end < e ? xs.end : e;
            walk(w, p + (uint32_t)q, end - close_len(w->lx, end), W_DQ);
            p = end;
        } else {
            put(w, s + p, 1, p, p + 1);
            p++;
        }
    }
}

/* Body [*bs, *be) of a here-string token (the newline before the footer excluded). */
static void here_body(const Lexer *lx, const Token *t, uint32_t *bs, uint32_t *be)
{
    const unsigned char *s = lx->s;
    uint32_t q = s[t->start + 1] < 0x80 ? 1 : 3;
    uint32_t b = hs_header(lx, t->start + 1 + q);
    uint32_t f = t->end - 1 - (s[t->end - 2] < 0x80 ? 1 : 3); /* footer quote */
    *bs = *be = b;
    if (b == 0 || b == NOPOS || f <= b) return;
    *be = f;
    if (s[f - 1] == '\n')
        *be = f - 1 > b && s[f - 2] == '\r' ? f - 2 : f - 1;
    else if (s[f - 1] == '\r')
        *be = f - 1;
}

/* Run the walker over token t; the result is in w. */
static void walk_token(Walk *w, const Token *t)
{
    const Lexer *lx = w->lx;
    uint32_t bs, be;
    switch (t->kind) {
    case TOK_STRING:
        walk_sq(w, t->start + (uint32_t)is_sq(lx, t->start), t->end - close_len(lx, t->end));
        break;
    case TOK_XSTRING:
        walk(w, t->start + (uint32_t)is_dq(lx, t->start), t->end - close_len(lx, t->end), W_DQ);
        break;
    case TOK_HSTRING:
        here_body(lx, t, &bs, &be);
        put(w, lx->s + bs, be - bs, bs, be);
        break;
    case TOK_XHSTRING:
        here_body(lx, t, &bs, &be);
        walk(w, bs, be, W_HDQ);
        break;
    case TOK_GENERIC:
        if (t->flags & TF_EXPANDABLE) {
            walk(w, t->start, t->end, W_WORD);
            break;
        }
        /* fall through */
    default:
        put(w, lx->s + t->start, t->end - t->start, t->start, t->end);
        break;
    }
}

char *lex_text(Lexer *lx, const Token *t, Arena *a)
{
    uint32_t s = t->start, e = t->end;
    if (t->kind == TOK_PARAM) {
        s += (uint32_t)(is_dash(lx, s) ? is_dash(lx, s) : 1);
        e -= (t->flags & TF_COLON) ? 1 : 0;
    } else if (t->kind == TOK_LABEL) {
        s++;
    }
    if (t->kind == TOK_PARAM || t->kind == TOK_LABEL)
        return arena_strndup(a, (const char *)lx->s + s, e > s ? e - s : 0);
    Walk w = {lx, a, {0}, 0, 0, NULL, 0, 0, 0};
    walk_token(&w, t);
    char *r = arena_strndup(a, w.sb.buf ? w.sb.buf : "", w.sb.len);
    sb_free(&w.sb);
    return r;
}

int lex_expand(Lexer *lx, const Token *t, Arena *a, XPart **out)
{
    Walk w = {lx, a, {0}, 0, 0, NULL, 0, 0, 1};
    walk_token(&w, t);
    flush(&w);
    sb_free(&w.sb);
    *out = arena_alloc(a, sizeof(XPart) * (size_t)(w.n ? w.n : 1));
    if (w.n) memcpy(*out, w.parts, sizeof(XPart) * (size_t)w.n);
    free(w.parts);
    return w.n;
}

/* Unescape a ${...} name: a backtick takes the next character literally. */
static char *unbrace(const Lexer *lx, uint32_t a, uint32_t b, Arena *ar)
{
    char *r = arena_alloc(ar, b - a + 1);
    size_t n = 0;
    for (uint32_t p = a; p < b; p++) {
        if (lx->s[p] == '`' && p + 1 < b) p++;
        r[n++] = (char)lx->s[p];
    }
    r[n] = 0;
    return r;
}

char *lex_var_name(Lexer *lx, const Token *t, Arena *a, char **scope)
{
    uint32_t s = t->start + 1, e = t->end;
    char *name;
    *scope = NULL;
    if (t->flags & TF_BRACED) {
        name = unbrace(lx, s + 1, e - 1, a);
    } else {
        if (e - s == 1 && !is_word(lx, s, C_NAME))
            return arena_strndup(a, (const char *)lx->s + s, 1); /* $$ $^ */
        name = arena_strndup(a, (const char *)lx->s + s, e - s);
    }
    char *colon = name[0] == '?' ? NULL : strchr(name, ':');
    if (colon && colon > name) {
        for (char *c = name; c < colon; c++)
            if (!CC(*c, C_NAME) && (unsigned char)*c < 0x80) return name;
        *scope = arena_strndup(a, name, (size_t)(colon - name));
        return colon + 1;
    }
    return name;
}

KwKind lex_keyword(const Lexer *lx, const Token *t)
{
    uint32_t n = t->end - t->start;
    if ((t->kind != TOK_GENERIC && t->kind != TOK_IDENT) || (t->flags & TF_EXPANDABLE) || n < 2 ||
        n > 12)
        return KW_NONE;
#define X_KWLEN(id, text) sizeof(text) - 1,
    static const uint8_t kw_len[KW__COUNT] = {0, KEYWORDS(X_KWLEN)};
    const char *w = (const char *)lx->s + t->start;
    char c0 = (char)lower((unsigned char)w[0]);
    for (int k = 1; k < KW__COUNT; k++) /* the first letter and length rule out most */
        if (kw_len[k] == n && kw_text[k][0] == c0 && str_nicmp(w, kw_text[k], n) == 0)
            return (KwKind)k;
    return KW_NONE;
}
