/*
** regex: .NET regular expressions on PCRE2.  A pattern goes through a small translator (Xlat)
** twice: pass 1 finds the capturing groups, then .NET numbers are assigned (unnamed groups
** first, then named ones), and pass 2 writes the PCRE2 pattern with every group made an
** unnamed PCRE2 group and every back reference rewritten to PCRE2's numbering.  So PCRE2 never
** sees a group name, and the slot table of a Regex is the only place names live.
*/
#include "runtime/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

/* ===================================================================== UTF-8 helpers ====== */

/* Decode the code point at s[i] (i < len); *n gets its byte length.  An invalid byte decodes
** as itself (Latin-1) with length 1, so no input can stall a loop. */
static uint32_t utf8_at(const char *s, size_t len, size_t i, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = len - i, want, k;
    uint32_t cp;
    if (u[0] < 0x80 || u[0] < 0xC2 || u[0] > 0xF4) {
        *n = 1;
        return u[0];
    }
    want = u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
    if (left < want) {
        *n = 1;
        return u[0];
    }
    cp = u[0] & (0x3F >> (want - 1));
    for (k = 1; k < want; k++) {
        if ((u[k] & 0xC0) != 0x80) {
            *n = 1;
            return u[0];
        }
        cp = (cp << 6) | (u[k] & 0x3F);
    }
    *n = want;
    return cp;
}

static size_t utf8_step(const char *s, size_t len, size_t i)
{
    size_t n;
    utf8_at(s, len, i, &n);
    return n;
}

size_t rx_utf16_index(const char *s, size_t off)
{
    size_t i = 0, units = 0, n;
    while (i < off) {
        uint32_t cp = utf8_at(s, off, i, &n);
        units += cp >= 0x10000 ? 2 : 1;
        i += n;
    }
    return units;
}

static int is_word_byte(unsigned char c)
{
    return isalnum(c) || c == '_' || c >= 0x80;
}

/* c is one of the characters of set (never true for NUL, unlike a bare strchr). */
static int in_set(const char *set, char c)
{
    return c != 0 && strchr(set, c) != NULL;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* ================================================================ compiled pattern ====== */

typedef struct Slot {
    int number; /* .NET group number */
    char *name; /* NULL for a numbered group */
    int *pg;    /* the PCRE2 groups that make up this .NET group (duplicates share one) */
    size_t npg;
} Slot;

struct Regex {
    int refs;
    unsigned opts;
    char *pattern; /* the .NET text */
    size_t plen;
    char *xlat; /* the PCRE2 text */
    pcre2_code *code;
    pcre2_match_data *md; /* a spare match buffer: see match_data_take */
    Slot *slot;           /* sorted by number; slot[0] is group 0 */
    size_t nslot;
};

/* One capturing group as pass 1 saw it, in PCRE2 (left-to-right) order. */
typedef struct Cap {
    char *name; /* NULL: unnamed or numbered */
    long num;   /* explicit number (?<3>...), or -1 */
} Cap;

/*
** The translation, in short (left: .NET, right: what PCRE2 gets):
**   (?<name>x) (?'name'x) (?<3>x)  ->  (x)        names live only in the slot table
**   (x) under (?n) / ExplicitCapture ->  (?:x)
**   \1 \k<name> (.NET numbering)    ->  (?:\g{k}) with k the PCRE2 group (several: alternation)
**   (?(name)y|n)  (?(expr)y|n)       ->  (?(k)y|n)  (?(?=expr)y|n)
**   (?imnsx-imnsx) (?x: ...)         ->  i, m, s kept; n and x done here (x: blanks and # dropped)
**   \uXXXX \xXX \cX \0oo \v          ->  \x{...}    (.NET \v is U+000B only)
**   any literal character            ->  itself, \-escaped or \x{...}: the output is ASCII
**   [\w-.]  [a-z-[aeiou]]            ->  [\w\-\.]  (?:(?![aeiou])[a-z])
**   \p{IsGreek} (a .NET block)       ->  [\x{370}-\x{3FF}]
**   ^* \b+ (quantified anchors)      ->  (?:^)* (?:\b)+
** Errors are found here wherever .NET's parser would find them, with its words and offsets
** (UTF-16 units); PCRE2's own compile errors are a fallback.
*/
enum { PREV_NONE, PREV_ATOM, PREV_QUANT }; /* what a quantifier would apply to */

/* The translator's state; x->err holds the first error (owned). */
typedef struct Xlat {
    const char *p; /* the .NET pattern */
    size_t len, i;
    unsigned flags;  /* RX_EXPLICITCAPTURE / RX_IGNOREPATTERNWS in force here */
    unsigned *stack; /* flags saved at each open '(' */
    size_t depth, scap;
    int pass; /* 1: find groups; 2: emit with numbering known */
    int prev;
    StrBuf out;
    Cap *cap; /* pass 1 result */
    size_t ncap, capcap;
    size_t capseen;  /* pass 2: groups passed so far */
    const Regex *re; /* pass 2: slot table for back references */
    char *err;
} Xlat;

/* Record the first error as .NET words it; always returns -1. */
static int fail(Xlat *x, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(Xlat *x, size_t off, const char *fmt, ...)
{
    StrBuf sb = {0};
    va_list ap;
    if (x->err) return -1;
    if (off > x->len) off = x->len;
    sb_puts(&sb, "Invalid pattern '");
    sb_append(&sb, x->p, x->len);
    sb_printf(&sb, "' at offset %zu. ", rx_utf16_index(x->p, off));
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    x->err = sb_take(&sb);
    return -1;
}

static void push(Xlat *x, unsigned newflags)
{
    ARRAY_PUSH(x->stack, x->depth, x->scap, x->flags);
    x->flags = newflags;
    x->prev = PREV_NONE;
}

static void emit(Xlat *x, const char *s)
{
    sb_puts(&x->out, s);
}

/* Append code point cp so PCRE2 reads it as that literal character, in or out of a class. */
static void put_literal(StrBuf *sb, uint32_t cp)
{
    if (cp < 0x80 && isalnum((int)cp))
        sb_putc(sb, (char)cp);
    else if (cp > 0x20 && cp < 0x7F)
        sb_printf(sb, "\\%c", (char)cp);
    else
        sb_printf(sb, "\\x{%X}", (unsigned)cp);
}

/* ------------------------------------------------------------------- slots and lookups */

static long slot_of_number(const Regex *re, long num)
{
    size_t k;
    for (k = 0; k < re->nslot; k++)
        if (re->slot[k].number == num) return (long)k;
    return -1;
}

static long slot_of_name(const Regex *re, const char *name, size_t len)
{
    size_t k;
    for (k = 0; k < re->nslot; k++) {
        const char *nm = re->slot[k].name;
        if (nm && strlen(nm) == len && memcmp(nm, name, len) == 0) return (long)k;
    }
    return -1;
}

/* Parse a group reference "123" or "name": slot, or -1. */
static long slot_of_ref(const Regex *re, const char *s, size_t len)
{
    size_t k;
    long num = 0;
    if (len == 0) return -1;
    for (k = 0; k < len && isdigit((unsigned char)s[k]); k++)
        num = num > 100000000 ? num : num * 10 + (s[k] - '0');
    if (k == len) return slot_of_number(re, num);
    return slot_of_name(re, s, len);
}

/* A back reference to .NET slot k, in PCRE2 terms. */
static void emit_backref(Xlat *x, long k)
{
    const Slot *sl = &x->re->slot[k];
    size_t j;
    if (sl->npg == 1) {
        sb_printf(&x->out, "(?:\\g{%d})", sl->pg[0]);
        return;
    }
    emit(x, "(?:");
    for (j = 0; j < sl->npg; j++)
        sb_printf(&x->out, "%s\\g{%d}", j ? "|" : "", sl->pg[j]);
    emit(x, ")");
}

/* ------------------------------------------------------------------------- escapes */

/* \x (2 hex digits) or \u (4): the digits start at x->i.  Like .NET, a short pattern fails
** where the digits start, a bad digit just after itself. */
static int scan_hex(Xlat *x, int ndig, uint32_t *cp)
{
    int k, v;
    *cp = 0;
    if (x->len - x->i < (size_t)ndig)
        return fail(x, x->i, "Insufficient or invalid hexadecimal digits.");
    for (k = 0; k < ndig; k++) {
        if ((v = hexval(x->p[x->i++])) < 0)
            return fail(x, x->i, "Insufficient or invalid hexadecimal digits.");
        *cp = *cp * 16 + (uint32_t)v;
    }
    return 0;
}

/* \uD83D\uDE00: .NET strings are UTF-16, so a surrogate pair of escapes is one character. */
static int scan_utf16(Xlat *x, uint32_t *cp)
{
    uint32_t lo;
    size_t save;
    if (scan_hex(x, 4, cp)) return -1;
    if (*cp < 0xD800 || *cp > 0xDBFF || x->i + 6 > x->len || x->p[x->i] != '\\' ||
        x->p[x->i + 1] != 'u')
        return 0;
    save = x->i;
    x->i += 2;
    if (scan_hex(x, 4, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
        free(x->err);
        x->err = NULL;
        x->i = save;
        return 0;
    }
    *cp = 0x10000 + ((*cp - 0xD800) << 10) + (lo - 0xDC00);
    return 0;
}

/* Up to 3 octal digits starting at x->i (which is an octal digit). */
static uint32_t scan_octal(Xlat *x)
{
    uint32_t v = 0;
    int k;
    for (k = 0; k < 3 && x->i < x->len && x->p[x->i] >= '0' && x->p[x->i] <= '7'; k++)
        v = v * 8 + (uint32_t)(x->p[x->i++] - '0');
    return v & 0xFF;
}

/* \cX: X is a letter or one of @[\]^_ (after upper-casing). */
static int scan_control(Xlat *x, uint32_t *cp)
{
    int c;
    if (x->i >= x->len) return fail(x, x->i, "Missing control character.");
    c = (unsigned char)x->p[x->i++];
    if (c >= 'a' && c <= 'z') c -= 0x20;
    if (c < '@' || c > '_') return fail(x, x->i, "Unrecognized control character.");
    *cp = (uint32_t)(c - '@');
    return 0;
}

/* The single-character escapes, with their values (\b is backspace only inside a class). */
static const struct {
    char c;
    uint32_t cp;
} simple_esc[] = {{'a', 7},  {'b', 8},  {'t', 9},  {'n', 10},
                  {'v', 11}, {'f', 12}, {'r', 13}, {'e', 27}};

/* A character escape at x->i (the backslash): advances past it, sets *cp.  0 or -1. */
static int char_escape(Xlat *x, uint32_t *cp)
{
    size_t k, n;
    char c;
    x->i++;
    if (x->i >= x->len) return fail(x, x->len, "Illegal \\ at end of pattern.");
    c = x->p[x->i];
    for (k = 0; k < sizeof simple_esc / sizeof simple_esc[0]; k++)
        if (simple_esc[k].c == c) {
            x->i++;
            *cp = simple_esc[k].cp;
            return 0;
        }
    if (c >= '0' && c <= '7') {
        *cp = scan_octal(x);
        return 0;
    }
    x->i++;
    if (c == 'x') return scan_hex(x, 2, cp);
    if (c == 'u') return scan_utf16(x, cp);
    if (c == 'c') return scan_control(x, cp);
    if (isalnum((unsigned char)c) || c == '_')
        return fail(x, x->i, "Unrecognized escape sequence \\%c.", c);
    *cp = utf8_at(x->p, x->len, x->i - 1, &n);
    x->i += n - 1;
    return 0;
}

/* .NET Unicode blocks (\p{IsGreek}); PCRE2 10.42 knows scripts, not blocks. */
static const struct {
    const char *name;
    unsigned lo, hi;
} blocks[] = {
    {"IsBasicLatin", 0x0000, 0x007F},
    {"IsLatin-1Supplement", 0x0080, 0x00FF},
    {"IsLatinExtended-A", 0x0100, 0x017F},
    {"IsLatinExtended-B", 0x0180, 0x024F},
    {"IsIPAExtensions", 0x0250, 0x02AF},
    {"IsGreek", 0x0370, 0x03FF},
    {"IsGreekandCoptic", 0x0370, 0x03FF},
    {"IsCyrillic", 0x0400, 0x04FF},
    {"IsArmenian", 0x0530, 0x058F},
    {"IsHebrew", 0x0590, 0x05FF},
    {"IsArabic", 0x0600, 0x06FF},
    {"IsDevanagari", 0x0900, 0x097F},
    {"IsThai", 0x0E00, 0x0E7F},
    {"IsGeneralPunctuation", 0x2000, 0x206F},
    {"IsCurrencySymbols", 0x20A0, 0x20CF},
    {"IsLetterlikeSymbols", 0x2100, 0x214F},
    {"IsArrows", 0x2190, 0x21FF},
    {"IsMathematicalOperators", 0x2200, 0x22FF},
    {"IsBoxDrawing", 0x2500, 0x257F},
    {"IsHiragana", 0x3040, 0x309F},
    {"IsKatakana", 0x30A0, 0x30FF},
    {"IsCJKUnifiedIdeographs", 0x4E00, 0x9FFF},
    {"IsHangulSyllables", 0xAC00, 0xD7AF},
    {"IsPrivateUse", 0xE000, 0xF8FF},
    {"IsHalfwidthandFullwidthForms", 0xFF00, 0xFFEF},
};

/* The general categories .NET accepts in \p{..}. */
static const char *const categories[] = {
    "L",  "Lu", "Ll", "Lt", "Lm", "Lo", "M",  "Mn", "Mc", "Me", "N",  "Nd", "Nl",
    "No", "Z",  "Zs", "Zl", "Zp", "C",  "Cc", "Cf", "Cs", "Co", "Cn", "P",  "Pc",
    "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S",  "Sm", "Sc", "Sk", "So",
};

static int is_category(const char *name, size_t len)
{
    size_t k;
    for (k = 0; k < sizeof categories / sizeof categories[0]; k++)
        if (strlen(categories[k]) == len && memcmp(categories[k], name, len) == 0) return 1;
    return 0;
}

static long block_of(const char *name, size_t len)
{
    size_t k;
    for (k = 0; k < sizeof blocks / sizeof blocks[0]; k++)
        if (strlen(blocks[k].name) == len && memcmp(blocks[k].name, name, len) == 0) return (long)k;
    return -1;
}

/* \p{Name} / \P{Name} at x->i, written to sb (inclass: inside [...]).  0 or -1. */
static int prop_escape(Xlat *x, StrBuf *sb, int inclass)
{
    int neg = x->p[x->i + 1] == 'P';
    size_t name, end;
    long b;
    x->i += 2;
    if (x->i >= x->len || x->p[x->i] != '{')
        return fail(x, x->i, "Incomplete \\p{X} character escape.");
    name = x->i + 1;
    for (end = name; end < x->len && x->p[end] != '}'; end++)
        ;
    if (end >= x->len) return fail(x, x->len, "Incomplete \\p{X} character escape.");
    x->i = end + 1;
    if (is_category(x->p + name, end - name)) {
        sb_printf(sb, "\\%c{%.*s}", neg ? 'P' : 'p', (int)(end - name), x->p + name);
        return 0;
    }
    b = block_of(x->p + name, end - name);
    if (b < 0 || (neg && inclass))
        return fail(x, x->i, "Unknown property '%.*s'.", (int)(end - name), x->p + name);
    sb_printf(sb,
              inclass ? "\\x{%X}-\\x{%X}"
              : neg   ? "[^\\x{%X}-\\x{%X}]"
                      : "[\\x{%X}-\\x{%X}]",
              blocks[b].lo, blocks[b].hi);
    return 0;
}

/* ------------------------------------------------------------------- character classes */

enum { ATOM_CHAR, ATOM_CLASS }; /* a class element is one character or a shorthand class */

/* One class element at x->i: a character (*cp) or a shorthand written to sb.  -1 on error. */
static int class_atom(Xlat *x, StrBuf *sb, uint32_t *cp, char *shorthand)
{
    size_t n;
    char c = x->p[x->i];
    if (c != '\\') {
        *cp = utf8_at(x->p, x->len, x->i, &n);
        x->i += n;
        return ATOM_CHAR;
    }
    if (x->i + 1 >= x->len) return fail(x, x->len, "Illegal \\ at end of pattern.");
    c = x->p[x->i + 1];
    *shorthand = c;
    if (in_set("dDwWsS", c)) {
        sb_printf(sb, "\\%c", c);
        x->i += 2;
        return ATOM_CLASS;
    }
    if (c == 'p' || c == 'P') return prop_escape(x, sb, 1) ? -1 : ATOM_CLASS;
    return char_escape(x, cp) ? -1 : ATOM_CHAR;
}

static int class_body(Xlat *x, StrBuf *sb);

/* "-[...]" ends a class: base minus the subtracted class, as a lookahead-guarded class. */
static int class_subtract(Xlat *x, StrBuf *sb)
{
    StrBuf sub = {0}, base = *sb;
    x->i++; /* the '-'; x->i is at '[' */
    if (class_body(x, &sub)) {
        sb_free(&sub);
        return -1;
    }
    if (x->i >= x->len || x->p[x->i] != ']') {
        sb_free(&sub);
        return fail(x, x->i, "A subtraction must be the last element in a character class.");
    }
    x->i++;
    *sb = (StrBuf){0};
    sb_puts(sb, "(?:(?!");
    sb_append(sb, sub.buf, sub.len);
    sb_puts(sb, ")");
    sb_append(sb, base.buf, base.len);
    sb_puts(sb, "])");
    sb_free(&sub);
    sb_free(&base);
    return 0;
}

/* After a character lo: a range "lo-hi", or just lo.  0 or -1. */
static int class_range(Xlat *x, StrBuf *sb, uint32_t lo)
{
    uint32_t hi = 0;
    char sh = 0;
    int k;
    if (x->i + 1 >= x->len || x->p[x->i] != '-' || x->p[x->i + 1] == ']' || x->p[x->i + 1] == '[') {
        put_literal(sb, lo);
        return 0;
    }
    x->i++;
    k = class_atom(x, sb, &hi, &sh);
    if (k < 0) return -1;
    if (k == ATOM_CLASS) return fail(x, x->i, "Cannot include class \\%c in character range.", sh);
    if (hi < lo) return fail(x, x->i, "[x-y] range in reverse order.");
    put_literal(sb, lo);
    sb_putc(sb, '-');
    put_literal(sb, hi);
    return 0;
}

/* class -> '[' ['^'] element { element } [ '-' class ] ']'  (x->i at '['), written to sb.
** A '-' right after a shorthand (\w-.) is a literal, as in .NET. */
static int class_body(Xlat *x, StrBuf *sb)
{
    int first = 1, k;
    uint32_t cp;
    char sh;
    x->i++;
    sb_putc(sb, '[');
    if (x->i < x->len && x->p[x->i] == '^') {
        sb_putc(sb, '^');
        x->i++;
    }
    for (;;) {
        if (x->i >= x->len) return fail(x, x->len, "Unterminated [] set.");
        if (x->p[x->i] == ']' && !first) {
            x->i++;
            sb_putc(sb, ']');
            return 0;
        }
        if (!first && x->p[x->i] == '-' && x->i + 1 < x->len && x->p[x->i + 1] == '[')
            return class_subtract(x, sb);
        first = 0;
        if ((k = class_atom(x, sb, &cp, &sh)) < 0) return -1;
        if (k == ATOM_CHAR && class_range(x, sb, cp)) return -1;
    }
}

static int xl_class(Xlat *x)
{
    StrBuf sb = {0};
    int rc = class_body(x, &sb);
    if (rc == 0) sb_append(&x->out, sb.buf, sb.len);
    sb_free(&sb);
    x->prev = PREV_ATOM;
    return rc;
}

/* ------------------------------------------------------------------------------ groups */

/* A capturing group opens: remember it (pass 1) and emit a plain PCRE2 group. */
static void open_capture(Xlat *x, const char *name, size_t nlen, long num)
{
    if (x->pass == 1) {
        Cap c = {name ? xstrndup(name, nlen) : NULL, num};
        ARRAY_PUSH(x->cap, x->ncap, x->capcap, c);
    }
    x->capseen++;
    emit(x, "(");
    push(x, x->flags);
}

/* (?<name>...) (?'name'...) (?<3>...): x->i at the '<' or '\''. */
static int named_group(Xlat *x)
{
    char close = x->p[x->i] == '<' ? '>' : '\'';
    size_t start = ++x->i;
    long num = -1;
    if (x->i < x->len && isdigit((unsigned char)x->p[x->i])) {
        for (num = 0; x->i < x->len && isdigit((unsigned char)x->p[x->i]); x->i++)
            num = num > 100000000 ? num : num * 10 + (x->p[x->i] - '0');
        if (num == 0) return fail(x, x->i, "Capture number cannot be zero.");
    } else {
        while (x->i < x->len && is_word_byte((unsigned char)x->p[x->i]))
            x->i++;
        if (x->i == start)
            return fail(x, x->i + 1,
                        "Invalid group name: Group names must begin with a word character.");
    }
    if (x->i < x->len && x->p[x->i] == '-')
        return fail(x, x->i + 1, "Balancing groups (?<name1-name2>...) are not supported.");
    if (x->i >= x->len || x->p[x->i] != close)
        return fail(x, x->i + 1, "Unrecognized grouping construct.");
    x->i++;
    open_capture(x, num < 0 ? x->p + start : NULL, x->i - 1 - start, num);
    return 0;
}

/* Inline options (?imnsx-imnsx) or (?imnsx-imnsx:...); x->i just after "(?".  n and x are
** done here (PCRE2 never sees them); i, m, s pass through. */
static int option_group(Xlat *x)
{
    unsigned fl = x->flags, bit;
    int off = 0;
    StrBuf on = {0}, offs = {0};
    for (; x->i < x->len && in_set("imnsx-", x->p[x->i]); x->i++) {
        char c = x->p[x->i];
        if (c == '-') {
            off = 1;
            continue;
        }
        bit = c == 'n' ? RX_EXPLICITCAPTURE : c == 'x' ? RX_IGNOREPATTERNWS : 0;
        fl = off ? fl & ~bit : fl | bit;
        if (!bit) sb_putc(off ? &offs : &on, c);
    }
    if (x->i >= x->len || (x->p[x->i] != ')' && x->p[x->i] != ':')) {
        sb_free(&on);
        sb_free(&offs);
        return fail(x, x->i + 1, "Unrecognized grouping construct.");
    }
    if (on.len || offs.len || x->p[x->i] == ':')
        sb_printf(&x->out, "(?%s%s%s%c", sb_str(&on), offs.len ? "-" : "", sb_str(&offs),
                  x->p[x->i]);
    sb_free(&on);
    sb_free(&offs);
    if (x->p[x->i++] == ':') {
        push(x, fl);
    } else {
        x->flags = fl;
        x->prev = PREV_NONE; /* (?i) is not something a quantifier can follow */
    }
    return 0;
}

/* (?(cond)yes|no): x->i at the inner '('.  A name or number of a group tests the group;
** anything else is an expression, which PCRE2 wants as a lookahead. */
static int conditional(Xlat *x)
{
    size_t s = x->i + 1, e = s;
    long k;
    if (s + 1 < x->len && x->p[s] == '?' && in_set("=!<", x->p[s + 1])) {
        emit(x, "(?");
        push(x, x->flags);
        return 0; /* the main loop opens the lookaround */
    }
    while (e < x->len && is_word_byte((unsigned char)x->p[e]))
        e++;
    if (e > s && e < x->len && x->p[e] == ')') {
        x->i = e + 1;
        k = x->pass == 2 ? slot_of_ref(x->re, x->p + s, e - s) : -1;
        if (x->pass == 2 && k <= 0 && isdigit((unsigned char)x->p[s]))
            return fail(x, e, "Conditional alternation refers to an undefined group number %.*s.",
                        (int)(e - s), x->p + s);
        if (k > 0)
            sb_printf(&x->out, "(?(%d)", x->re->slot[k].pg[0]);
        else
            sb_printf(&x->out, "(?(?=%.*s)", (int)(e - s), x->p + s);
        push(x, x->flags);
        return 0;
    }
    emit(x, "(?(?=");
    push(x, x->flags);
    push(x, x->flags);
    x->i++;
    return 0;
}

/* group -> '(' ['?' construct] regex ')'; x->i at '('. */
static int xl_open(Xlat *x)
{
    size_t e;
    const char *p = x->p;
    /* "(?)" is a group holding a quantifier that follows nothing, as .NET reads it */
    if (x->i + 1 >= x->len || p[x->i + 1] != '?' || (x->i + 2 < x->len && p[x->i + 2] == ')')) {
        x->i++;
        if (x->flags & RX_EXPLICITCAPTURE) {
            emit(x, "(?:");
            push(x, x->flags);
        } else {
            open_capture(x, NULL, 0, -1);
        }
        return 0;
    }
    x->i += 2;
    if (x->i >= x->len) return fail(x, x->i, "Unrecognized grouping construct.");
    switch (p[x->i]) {
    case ':':
    case '=':
    case '!':
    case '>':
        sb_printf(&x->out, "(?%c", p[x->i++]);
        push(x, x->flags);
        return 0;
    case '#':
        for (e = x->i; e < x->len && p[e] != ')'; e++)
            ;
        if (e >= x->len) return fail(x, x->len, "Unterminated (?#...) comment.");
        x->i = e + 1;
        return 0;
    case '<':
        if (x->i + 1 < x->len && (p[x->i + 1] == '=' || p[x->i + 1] == '!')) {
            sb_printf(&x->out, "(?<%c", p[x->i + 1]);
            x->i += 2;
            push(x, x->flags);
            return 0;
        }
        return named_group(x);
    case '\'':
        return named_group(x);
    case '(':
        return conditional(x);
    default:
        return option_group(x);
    }
}

static int xl_close(Xlat *x)
{
    if (x->depth == 0) return fail(x, x->i + 1, "Too many )'s.");
    x->i++;
    emit(x, ")");
    x->flags = x->stack[--x->depth];
    x->prev = PREV_ATOM;
    return 0;
}

/* ----------------------------------------------------------------------- back references */

/* \1 .. \99: x->i at the backslash.  A missing group above 9 falls back to octal, as .NET. */
static int backref_number(Xlat *x)
{
    size_t s = x->i + 1, e = s;
    long k;
    uint32_t cp;
    while (e < x->len && isdigit((unsigned char)x->p[e]))
        e++;
    if (x->pass == 1) {
        x->i = e;
        return 0;
    }
    k = slot_of_ref(x->re, x->p + s, e - s);
    if (k > 0) {
        x->i = e;
        emit_backref(x, k);
        return 0;
    }
    if (e - s == 1 || x->p[s] > '7')
        return fail(x, e, "Reference to undefined group number %.*s.", (int)(e - s), x->p + s);
    if (char_escape(x, &cp)) return -1;
    put_literal(&x->out, cp);
    return 0;
}

/* \k<name> \k'name' \k<3>: x->i at the backslash. */
static int backref_name(Xlat *x)
{
    size_t s = x->i + 3, e;
    char close;
    long k;
    if (x->i + 2 >= x->len || (x->p[x->i + 2] != '<' && x->p[x->i + 2] != '\''))
        return fail(x, x->i + 2, "Malformed \\k<...> named back reference.");
    close = x->p[x->i + 2] == '<' ? '>' : '\'';
    for (e = s; e < x->len && is_word_byte((unsigned char)x->p[e]); e++)
        ;
    if (e == s || e >= x->len || x->p[e] != close)
        return fail(x, e, "Malformed \\k<...> named back reference.");
    x->i = e + 1;
    if (x->pass == 1) return 0;
    k = slot_of_ref(x->re, x->p + s, e - s);
    if (k > 0) {
        emit_backref(x, k);
        return 0;
    }
    if (isdigit((unsigned char)x->p[s]))
        return fail(x, x->i, "Reference to undefined group number %.*s.", (int)(e - s), x->p + s);
    return fail(x, x->i, "Reference to undefined group name '%.*s'.", (int)(e - s), x->p + s);
}

/* .NET lets an anchor be quantified (^*); PCRE2 only a group, so wrap it when one follows. */
static void emit_anchor(Xlat *x, const char *a)
{
    int quantified = x->i < x->len && in_set("*+?{", x->p[x->i]);
    sb_printf(&x->out, quantified ? "(?:%s)" : "%s", a);
    x->prev = PREV_ATOM;
}

/* escape -> '\' ( digit+ | 'k' name | anchor | class | property | character ) */
static int xl_escape(Xlat *x)
{
    char c;
    uint32_t cp;
    x->prev = PREV_ATOM;
    if (x->i + 1 >= x->len) return fail(x, x->len, "Illegal \\ at end of pattern.");
    c = x->p[x->i + 1];
    if (c >= '1' && c <= '9') return backref_number(x);
    if (c == 'k') return backref_name(x);
    if (in_set("bBAGZz", c)) {
        char anchor[3] = {'\\', c, 0};
        x->i += 2;
        emit_anchor(x, anchor);
        return 0;
    }
    if (in_set("wWsSdD", c)) {
        sb_printf(&x->out, "\\%c", c);
        x->i += 2;
        return 0;
    }
    if (c == 'p' || c == 'P') return prop_escape(x, &x->out, 0);
    if (char_escape(x, &cp)) return -1;
    put_literal(&x->out, cp);
    return 0;
}

/* ------------------------------------------------------------------ quantifiers, main loop */

/* Length of a {n} {n,} {n,m} quantifier at x->i, or 0 when the '{' is a literal. */
static size_t brace_quant(const Xlat *x, long *lo, long *hi)
{
    size_t e = x->i + 1;
    const char *p = x->p;
    *lo = *hi = 0;
    if (e >= x->len || !isdigit((unsigned char)p[e])) return 0;
    for (; e < x->len && isdigit((unsigned char)p[e]); e++)
        *lo = *lo > 100000000 ? *lo : *lo * 10 + (p[e] - '0');
    *hi = *lo;
    if (e < x->len && p[e] == ',') {
        *hi = -1;
        for (e++; e < x->len && isdigit((unsigned char)p[e]); e++)
            *hi = (*hi < 0 ? 0 : *hi > 100000000 ? *hi : *hi * 10) + (p[e] - '0');
    }
    return e < x->len && p[e] == '}' ? e + 1 - x->i : 0;
}

/* quantifier -> ( '*' | '+' | '?' | '{' n [',' [m]] '}' ) ['?'] */
static int xl_quant(Xlat *x, size_t qlen)
{
    char q = x->p[x->i];
    if (x->prev == PREV_NONE) return fail(x, x->i + 1, "Quantifier '%c' following nothing.", q);
    if (x->prev == PREV_QUANT) return fail(x, x->i + 1, "Nested quantifier '%c'.", q);
    sb_append(&x->out, x->p + x->i, qlen);
    x->i += qlen;
    if (x->i < x->len && x->p[x->i] == '?') {
        sb_putc(&x->out, '?');
        x->i++;
    }
    x->prev = PREV_QUANT;
    return 0;
}

/* In IgnorePatternWhitespace mode: skip white space or a # comment; 1 if something was. */
static int skip_ws(Xlat *x)
{
    char c = x->p[x->i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        x->i++;
        return 1;
    }
    if (c != '#') return 0;
    while (x->i < x->len && x->p[x->i] != '\n')
        x->i++;
    return 1;
}

static int xl_step(Xlat *x)
{
    long lo, hi;
    size_t n;
    char c = x->p[x->i];
    if ((x->flags & RX_IGNOREPATTERNWS) && skip_ws(x)) return 0;
    switch (c) {
    case '\\':
        return xl_escape(x);
    case '[':
        return xl_class(x);
    case '(':
        return xl_open(x);
    case ')':
        return xl_close(x);
    case '*':
    case '+':
    case '?':
        return xl_quant(x, 1);
    case '|':
        emit(x, "|");
        x->i++;
        x->prev = PREV_NONE;
        return 0;
    case '{':
        if ((n = brace_quant(x, &lo, &hi)) == 0) break;
        if (hi >= 0 && hi < lo) return fail(x, x->i + n, "Illegal {x,y} with x > y.");
        return xl_quant(x, n);
    case '^':
    case '$':
        x->i++;
        emit_anchor(x, c == '^' ? "^" : "$");
        return 0;
    case '.':
        sb_putc(&x->out, c);
        x->i++;
        x->prev = PREV_ATOM;
        return 0;
    default:
        break;
    }
    put_literal(&x->out, utf8_at(x->p, x->len, x->i, &n));
    x->i += n;
    x->prev = PREV_ATOM;
    return 0;
}

/* One full pass over the pattern. */
static int xl_pass(Xlat *x, int pass, unsigned opts)
{
    x->pass = pass;
    x->i = 0;
    x->depth = 0;
    x->capseen = 0;
    x->prev = PREV_NONE;
    x->flags = opts & (RX_EXPLICITCAPTURE | RX_IGNOREPATTERNWS);
    sb_clear(&x->out);
    while (x->i < x->len && !x->err)
        if (xl_step(x)) return -1;
    if (!x->err && x->depth) return fail(x, x->len, "Not enough )'s.");
    return x->err ? -1 : 0;
}

/* ================================================================ numbering and compile == */

static int number_used(const Cap *cap, size_t ncap, const long *num, long n)
{
    size_t k;
    for (k = 0; k < ncap; k++)
        if (num[k] == n && (cap[k].name == NULL || cap[k].num >= 0)) return 1;
    return 0;
}

/* .NET numbers for the pass-1 groups: unnamed 1..k in order, explicit numbers as written,
** then each distinct name the next unused number.  Result in num[] (parallel to cap[]). */
static void assign_numbers(const Cap *cap, size_t ncap, long *num)
{
    long next = 1;
    size_t k, j;
    for (k = 0; k < ncap; k++)
        num[k] = cap[k].name ? -1 : cap[k].num >= 0 ? cap[k].num : next++;
    for (k = 0; k < ncap; k++) {
        if (!cap[k].name) continue;
        for (j = 0; j < k; j++)
            if (cap[j].name && strcmp(cap[j].name, cap[k].name) == 0) break;
        if (j < k) {
            num[k] = num[j];
            continue;
        }
        while (number_used(cap, ncap, num, next))
            next++;
        num[k] = next++;
    }
}

static int cmp_slot(const void *a, const void *b)
{
    const Slot *x = a, *y = b;
    return (x->number > y->number) - (x->number < y->number);
}

/* Build re->slot from the pass-1 groups. */
static void build_slots(Regex *re, const Cap *cap, size_t ncap)
{
    long *num = xmalloc(sizeof *num * (ncap + 1));
    size_t k, j;
    assign_numbers(cap, ncap, num);
    re->slot = xcalloc(ncap + 1, sizeof *re->slot);
    re->nslot = 1; /* slot 0: the whole match, no PCRE2 group list needed */
    for (k = 0; k < ncap; k++) {
        for (j = 1; j < re->nslot && re->slot[j].number != num[k]; j++)
            ;
        if (j == re->nslot) {
            re->slot[j].number = (int)num[k];
            re->slot[j].name = cap[k].name ? xstrdup(cap[k].name) : NULL;
            re->nslot++;
        }
        re->slot[j].pg = xrealloc(re->slot[j].pg, sizeof(int) * (re->slot[j].npg + 1));
        re->slot[j].pg[re->slot[j].npg++] = (int)k + 1;
    }
    qsort(re->slot + 1, re->nslot - 1, sizeof *re->slot, cmp_slot);
    free(num);
}

static void *pc_malloc(size_t n, void *data)
{
    (void)data;
    return xmalloc(n);
}

static void pc_free(void *p, void *data)
{
    (void)data;
    free(p);
}

/* PCRE2 options for the RX_* ones.  ALT_CIRCUMFLEX: .NET's multiline ^ also matches after a
** final newline.  MATCH_INVALID_UTF: bad UTF-8 input never crashes or errors. */
static uint32_t pcre_options(unsigned opts)
{
    uint32_t o = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_ALT_CIRCUMFLEX;
    if (opts & RX_IGNORECASE) o |= PCRE2_CASELESS;
    if (opts & RX_MULTILINE) o |= PCRE2_MULTILINE;
    if (opts & RX_SINGLELINE) o |= PCRE2_DOTALL;
    return o;
}

/* Hand the translated pattern to PCRE2.  0, or -1 with *err. */
static int pcre_compile(Regex *re, char **err)
{
    pcre2_general_context *gc = pcre2_general_context_create(pc_malloc, pc_free, NULL);
    pcre2_compile_context *cc = pcre2_compile_context_create(gc);
    int code;
    PCRE2_SIZE off;
    pcre2_set_newline(cc, PCRE2_NEWLINE_LF);
    re->code = pcre2_compile((PCRE2_SPTR)re->xlat, strlen(re->xlat), pcre_options(re->opts), &code,
                             &off, cc);
    pcre2_compile_context_free(cc);
    if (!re->code) {
        PCRE2_UCHAR msg[256];
        StrBuf sb = {0};
        pcre2_get_error_message(code, msg, sizeof msg);
        sb_printf(&sb, "Invalid pattern '%s' at offset %zu. %c%s.", re->pattern,
                  rx_utf16_index(re->pattern, re->plen), toupper(msg[0]), (const char *)msg + 1);
        *err = sb_take(&sb);
        pcre2_general_context_free(gc);
        return -1;
    }
    pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE); /* a failure just means no JIT */
    re->md = pcre2_match_data_create_from_pattern(re->code, gc);
    pcre2_general_context_free(gc);
    return 0;
}

static void xl_free(Xlat *x)
{
    size_t k;
    for (k = 0; k < x->ncap; k++)
        free(x->cap[k].name);
    free(x->cap);
    free(x->stack);
    sb_free(&x->out);
}

Regex *rx_compile(const char *pat, size_t len, unsigned opts, char **err)
{
    Regex *re = xcalloc(1, sizeof *re);
    Xlat x = {0};
    re->refs = 1;
    re->opts = opts & 0xFFFF;
    re->pattern = xstrndup(pat, len);
    re->plen = len;
    x.p = pat;
    x.len = len;
    x.re = re;
    if (xl_pass(&x, 1, opts) == 0) {
        build_slots(re, x.cap, x.ncap);
        xl_pass(&x, 2, opts);
    }
    if (x.err) {
        *err = x.err;
        xl_free(&x);
        rx_unref(re);
        return NULL;
    }
    re->xlat = sb_take(&x.out);
    xl_free(&x);
    if (pcre_compile(re, err)) {
        rx_unref(re);
        return NULL;
    }
    return re;
}

/* Atomic: a Match holding its Regex may be shared with a thread job (runtime/value.h). */
Regex *rx_ref(Regex *re)
{
    __atomic_fetch_add(&re->refs, 1, __ATOMIC_RELAXED);
    return re;
}

void rx_unref(Regex *re)
{
    size_t k;
    if (!re || __atomic_sub_fetch(&re->refs, 1, __ATOMIC_ACQ_REL) > 0) return;
    for (k = 0; k < re->nslot; k++) {
        free(re->slot[k].name);
        free(re->slot[k].pg);
    }
    free(re->slot);
    pcre2_match_data_free(re->md);
    pcre2_code_free(re->code);
    free(re->xlat);
    free(re->pattern);
    free(re);
}

unsigned rx_options(const Regex *re)
{
    return re->opts;
}

const char *rx_pattern(const Regex *re)
{
    return re->pattern;
}

const char *rx_translated(const Regex *re)
{
    return re->xlat ? re->xlat : "";
}

size_t rx_group_count(const Regex *re)
{
    return re->nslot;
}

int rx_group_number(const Regex *re, size_t slot)
{
    return slot < re->nslot ? re->slot[slot].number : -1;
}

const char *rx_group_name(const Regex *re, size_t slot)
{
    return slot < re->nslot ? re->slot[slot].name : NULL;
}

long rx_group_slot(const Regex *re, const char *name, size_t len)
{
    return slot_of_ref(re, name, len);
}

/* ==================================================================================== cache */

#define CACHE_SIZE 32 /* patterns kept per runspace; the least recently used one goes first */

struct RegexCache {
    Regex *e[CACHE_SIZE];
    unsigned long used[CACHE_SIZE]; /* clock value at the last hit */
    unsigned long clock;
};

RegexCache *rx_cache_new(void)
{
    return xcalloc(1, sizeof(RegexCache));
}

void rx_cache_free(RegexCache *c)
{
    size_t k;
    if (!c) return;
    for (k = 0; k < CACHE_SIZE; k++)
        rx_unref(c->e[k]);
    free(c);
}

Regex *rx_cache_get(RegexCache *c, const char *pat, size_t len, unsigned opts, char **err)
{
    size_t k, victim = 0;
    Regex *re;
    opts &= 0xFFFF;
    for (k = 0; k < CACHE_SIZE; k++) {
        re = c->e[k];
        if (re && re->opts == opts && re->plen == len && memcmp(re->pattern, pat, len) == 0) {
            c->used[k] = ++c->clock;
            return rx_ref(re);
        }
    }
    for (k = 0; k < CACHE_SIZE && c->e[victim]; k++)
        if (!c->e[k] || c->used[k] < c->used[victim]) victim = k;
    if (!(re = rx_compile(pat, len, opts, err))) return NULL;
    rx_unref(c->e[victim]);
    c->e[victim] = rx_ref(re);
    c->used[victim] = ++c->clock;
    return re;
}

/* ================================================================================= matching */

static void match_grow(RxMatch *m, size_t n)
{
    if (m->cap < n) {
        m->group = xrealloc(m->group, sizeof *m->group * n);
        m->cap = n;
    }
    m->ngroups = n;
}

/* Copy PCRE2's ovector into .NET slots (byte offsets; the caller converts to UTF-16 indexes
** with rx_utf16_index when it needs .NET's Index).  A group several PCRE2 groups share reports the one
** that matched last in the text (.NET: the last capture). */
static void match_fill(const Regex *re, pcre2_match_data *md, RxMatch *m, int rc)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    size_t k, j;
    match_grow(m, re->nslot);
    m->group[0].start = ov[0];
    m->group[0].end = ov[1];
    for (k = 1; k < re->nslot; k++) {
        RxSpan sp = {RX_NOPOS, RX_NOPOS};
        for (j = 0; j < re->slot[k].npg; j++) {
            int g = re->slot[k].pg[j];
            if (g < rc && ov[2 * g] != PCRE2_UNSET &&
                (sp.start == RX_NOPOS || ov[2 * g] >= sp.start))
                sp = (RxSpan){ov[2 * g], ov[2 * g + 1]};
        }
        m->group[k] = sp;
    }
}

static int match_error(int rc, char **err)
{
    PCRE2_UCHAR msg[256];
    StrBuf sb = {0};
    pcre2_get_error_message(rc, msg, sizeof msg);
    sb_printf(&sb, "The regular expression match failed: %s.", (const char *)msg);
    *err = sb_take(&sb);
    return -1;
}

/* A match buffer for one call.  The Regex keeps one spare, taken with an atomic exchange, so
** a [regex] used by one thread reuses it every time, and a [regex] shared with a thread job
** (runtime/value.h THREADS) stays safe: a thread that finds the spare taken makes its own,
** and whichever buffer comes back last is kept.  The compiled pattern itself is read-only
** while matching (PCRE2 allows concurrent matches on one pcre2_code). */
static pcre2_match_data *match_data_take(Regex *re)
{
    pcre2_match_data *md = __atomic_exchange_n(&re->md, NULL, __ATOMIC_ACQUIRE);
    return md ? md : pcre2_match_data_create_from_pattern(re->code, NULL);
}

static void match_data_give(Regex *re, pcre2_match_data *md)
{
    pcre2_match_data_free(__atomic_exchange_n(&re->md, md, __ATOMIC_ACQ_REL));
}

/* One left-to-right attempt from start. */
static int match_ltr(Regex *re, const char *s, size_t len, size_t start, RxMatch *m, char **err)
{
    int rc;
    if (start > len) return 0;
    pcre2_match_data *md = match_data_take(re);
    rc = pcre2_match(re->code, (PCRE2_SPTR)(s ? s : ""), len, start, 0, md, NULL);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT) /* the interpreter keeps its frames on the heap */
        rc = pcre2_match(re->code, (PCRE2_SPTR)(s ? s : ""), len, start, PCRE2_NO_JIT, md, NULL);
    if (rc >= 0) match_fill(re, md, m, rc == 0 ? (int)pcre2_get_ovector_count(md) : rc);
    match_data_give(re, md);
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc < 0) return match_error(rc, err);
    return 1;
}

/* .NET's next start: the end of the match, one character further if it was empty. */
static size_t next_start(const char *s, size_t len, const RxMatch *m)
{
    size_t e = m->group[0].end;
    if (e != m->group[0].start) return e;
    return e < len ? e + utf8_step(s, len, e) : len + 1;
}

void rx_iter_init(RxIter *it, Regex *re, const char *s, size_t len)
{
    *it = (RxIter){re, s, len, 0, 0};
}

int rx_iter_next(RxIter *it, RxMatch *m, char **err)
{
    int rc;
    if (it->done) return 0;
    rc = match_ltr(it->re, it->s, it->len, it->pos, m, err);
    if (rc <= 0) {
        it->done = 1;
        return rc;
    }
    it->pos = next_start(it->s, it->len, m);
    return 1;
}

int rx_match(Regex *re, const char *s, size_t len, size_t start, RxMatch *m, char **err)
{
    RxIter it;
    RxMatch tmp = {0};
    int rc, found = 0;
    if (!(re->opts & RX_RIGHTTOLEFT)) return match_ltr(re, s, len, start, m, err);
    rx_iter_init(&it, re, s, len);
    it.pos = start;
    while ((rc = rx_iter_next(&it, &tmp, err)) > 0) {
        match_grow(m, tmp.ngroups);
        memcpy(m->group, tmp.group, sizeof *tmp.group * tmp.ngroups);
        found = 1;
    }
    rx_match_free(&tmp);
    return rc < 0 ? -1 : found;
}

void rx_match_free(RxMatch *m)
{
    free(m->group);
    *m = (RxMatch){0};
}

/* All matches, for the right-to-left emulation.  Returns the count, or -1 (*err). */
static long match_all(Regex *re, const char *s, size_t len, RxMatch **out, char **err)
{
    RxIter it;
    RxMatch m = {0};
    size_t n = 0, cap = 0;
    int rc;
    *out = NULL;
    rx_iter_init(&it, re, s, len);
    while ((rc = rx_iter_next(&it, &m, err)) > 0) {
        ARRAY_PUSH(*out, n, cap, m);
        m = (RxMatch){0};
    }
    rx_match_free(&m);
    if (rc < 0) {
        while (n)
            rx_match_free(&(*out)[--n]);
        free(*out);
        *out = NULL;
        return -1;
    }
    return (long)n;
}

static void match_all_free(RxMatch *v, long n)
{
    while (n > 0)
        rx_match_free(&v[--n]);
    free(v);
}

/* ============================================================================ substitution */

enum { SP_TEXT, SP_GROUP, SP_LEFT, SP_RIGHT, SP_LAST, SP_INPUT };

typedef struct SubPart {
    int kind;
    size_t a, b; /* SP_TEXT: rep[a..b); SP_GROUP: slot a */
} SubPart;

typedef struct SubList {
    SubPart *v;
    size_t len, cap;
} SubList;

static void sub_add(SubList *l, int kind, size_t a, size_t b)
{
    SubPart p = {kind, a, b};
    if (kind == SP_TEXT && l->len && l->v[l->len - 1].kind == SP_TEXT && l->v[l->len - 1].b == a) {
        l->v[l->len - 1].b = b;
        return;
    }
    ARRAY_PUSH(l->v, l->len, l->cap, p);
}

/* "$..." at rep[i]: adds one part, returns the index after it.  Anything that is not a valid
** reference leaves a literal '$' (the rest is then read as text), as .NET's ScanDollar. */
static size_t sub_dollar(const Regex *re, const char *rep, size_t len, size_t i, SubList *l)
{
    static const char kinds[] = "&`'+_";
    static const int kind_of[] = {SP_GROUP, SP_LEFT, SP_RIGHT, SP_LAST, SP_INPUT};
    size_t s, e;
    long k;
    const char *q;
    if (i + 1 < len && rep[i + 1] == '{') {
        s = i + 2;
        for (e = s; e < len && is_word_byte((unsigned char)rep[e]); e++)
            ;
        if (e < len && rep[e] == '}' && (k = slot_of_ref(re, rep + s, e - s)) >= 0) {
            sub_add(l, SP_GROUP, (size_t)k, 0);
            return e + 1;
        }
    } else if (i + 1 < len && isdigit((unsigned char)rep[i + 1])) {
        for (e = i + 1; e < len && isdigit((unsigned char)rep[e]); e++)
            ;
        if ((k = slot_of_ref(re, rep + i + 1, e - i - 1)) >= 0) {
            sub_add(l, SP_GROUP, (size_t)k, 0);
            return e;
        }
    } else if (i + 1 < len && rep[i + 1] == '$') {
        sub_add(l, SP_TEXT, i, i + 1);
        return i + 2;
    } else if (i + 1 < len && rep[i + 1] && (q = strchr(kinds, rep[i + 1])) != NULL) {
        sub_add(l, kind_of[q - kinds], 0, 0);
        return i + 2;
    }
    sub_add(l, SP_TEXT, i, i + 1);
    return i + 1;
}

static void sub_parse(const Regex *re, const char *rep, size_t len, SubList *l)
{
    size_t i = 0, t;
    while (i < len) {
        if (rep[i] == '$') {
            i = sub_dollar(re, rep, len, i, l);
            continue;
        }
        for (t = i; t < len && rep[t] != '$'; t++)
            ;
        sub_add(l, SP_TEXT, i, t);
        i = t;
    }
}

static void put_span(StrBuf *out, const char *s, RxSpan sp)
{
    if (sp.start != RX_NOPOS) sb_append(out, s + sp.start, sp.end - sp.start);
}

static void sub_apply(const SubList *l, const RxMatch *m, const char *s, size_t len,
                      const char *rep, StrBuf *out)
{
    size_t k;
    for (k = 0; k < l->len; k++) {
        const SubPart *p = &l->v[k];
        switch (p->kind) {
        case SP_TEXT:
            sb_append(out, rep + p->a, p->b - p->a);
            break;
        case SP_GROUP:
            put_span(out, s, m->group[p->a]);
            break;
        case SP_LEFT:
            sb_append(out, s, m->group[0].start);
            break;
        case SP_RIGHT:
            sb_append(out, s + m->group[0].end, len - m->group[0].end);
            break;
        case SP_LAST:
            put_span(out, s, m->group[m->ngroups - 1]);
            break;
        case SP_INPUT:
            sb_append(out, s, len);
            break;
        }
    }
}

void rx_substitute(const Regex *re, const RxMatch *m, const char *s, size_t len, const char *rep,
                   size_t replen, StrBuf *out)
{
    SubList l = {0};
    sub_parse(re, rep, replen, &l);
    sub_apply(&l, m, s, len, rep, out);
    free(l.v);
}

/* Right-to-left replace with a count: only the last count matches change. */
static int replace_rtl(Regex *re, const char *s, size_t len, const SubList *l, const char *rep,
                       long count, StrBuf *out, char **err)
{
    RxMatch *v;
    long n = match_all(re, s, len, &v, err), first, k;
    size_t prev = 0;
    if (n < 0) return -1;
    first = count >= 0 && count < n ? n - count : 0;
    for (k = first; k < n; k++) {
        sb_append(out, s + prev, v[k].group[0].start - prev);
        sub_apply(l, &v[k], s, len, rep, out);
        prev = v[k].group[0].end;
    }
    sb_append(out, s + prev, len - prev);
    match_all_free(v, n);
    return 0;
}

int rx_replace(Regex *re, const char *s, size_t len, const char *rep, size_t replen, long count,
               StrBuf *out, char **err)
{
    SubList l = {0};
    RxIter it;
    RxMatch m = {0};
    size_t prev = 0;
    int rc = 0;
    sub_parse(re, rep, replen, &l);
    if (re->opts & RX_RIGHTTOLEFT) {
        rc = replace_rtl(re, s, len, &l, rep, count, out, err);
        free(l.v);
        return rc;
    }
    rx_iter_init(&it, re, s, len);
    while (count != 0 && (rc = rx_iter_next(&it, &m, err)) > 0) {
        sb_append(out, s + prev, m.group[0].start - prev);
        sub_apply(&l, &m, s, len, rep, out);
        prev = m.group[0].end;
        if (count > 0) count--;
    }
    sb_append(out, s + prev, len - prev);
    rx_match_free(&m);
    free(l.v);
    return rc < 0 ? -1 : 0;
}

/* =================================================================================== split */

static void span_add(RxSpanList *l, size_t a, size_t b)
{
    RxSpan sp = {a, b};
    ARRAY_PUSH(l->item, l->len, l->cap, sp);
}

static void spans_reverse(RxSpanList *l, size_t from)
{
    size_t a = from, b = l->len;
    while (b > a + 1) {
        RxSpan t = l->item[a];
        l->item[a++] = l->item[--b];
        l->item[b] = t;
    }
}

/* The captured groups of one delimiter match, in slot order (.NET Regex.Split). */
static void split_groups(const RxMatch *m, RxSpanList *out)
{
    size_t k;
    for (k = 1; k < m->ngroups; k++)
        if (m->group[k].start != RX_NOPOS) span_add(out, m->group[k].start, m->group[k].end);
}

/* RightToLeft Split: the last count-1 matches, walked from the right, then reversed. */
static int split_rtl(Regex *re, const char *s, size_t len, long count, RxSpanList *out, char **err)
{
    RxMatch *v;
    long n = match_all(re, s, len, &v, err), k, stop;
    size_t from = out->len, prev = len;
    if (n < 0) return -1;
    stop = count > 0 && count - 1 < n ? n - (count - 1) : 0;
    for (k = n - 1; k >= stop; k--) {
        span_add(out, v[k].group[0].end, prev);
        prev = v[k].group[0].start;
        split_groups(&v[k], out);
    }
    span_add(out, 0, prev);
    spans_reverse(out, from);
    match_all_free(v, n);
    return 0;
}

int rx_split(Regex *re, const char *s, size_t len, long count, RxSpanList *out, char **err)
{
    RxIter it;
    RxMatch m = {0};
    size_t prev = 0;
    long left = count > 0 ? count - 1 : -1;
    int rc = 0;
    if (re->opts & RX_RIGHTTOLEFT && count != 1) return split_rtl(re, s, len, count, out, err);
    rx_iter_init(&it, re, s, len);
    while (left != 0 && (rc = rx_iter_next(&it, &m, err)) > 0) {
        span_add(out, prev, m.group[0].start);
        prev = m.group[0].end;
        split_groups(&m, out);
        if (left > 0) left--;
    }
    rx_match_free(&m);
    if (rc < 0) return -1;
    span_add(out, prev, len);
    return 0;
}

int rx_ps_split(RegexCache *c, const char *s, size_t len, const char *delim, size_t dlen, long max,
                unsigned opts, RxSpanList *out, char **err)
{
    StrBuf pat = {0};
    Regex *re;
    int rc;
    if (opts & RX_PS_SIMPLEMATCH)
        rx_escape(delim, dlen, &pat);
    else
        sb_append(&pat, delim, dlen);
    opts &= ~(RX_PS_SIMPLEMATCH | RX_RIGHTTOLEFT);
    if (max < 0) {
        opts |= RX_RIGHTTOLEFT;
        max = -max;
    }
    re = rx_cache_get(c, sb_str(&pat), pat.len, opts, err);
    sb_free(&pat);
    if (!re) return -1;
    rc = rx_split(re, s, len, max, out, err);
    rx_unref(re);
    return rc;
}

/* Char.IsWhiteSpace, for the trim of unary -split. */
static int is_space_cp(uint32_t c)
{
    return (c >= 9 && c <= 13) || c == ' ' || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

void rx_ps_split_ws(RegexCache *c, const char *s, size_t len, RxSpanList *out)
{
    size_t a = 0, b = len, n, k, from = out->len;
    char *err = NULL;
    Regex *re;
    while (a < b && is_space_cp(utf8_at(s, len, a, &n)))
        a += n;
    while (b > a) { /* step back to the start of the last character */
        size_t p = b - 1;
        while (p > a && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        if (!is_space_cp(utf8_at(s, b, p, &n)) || p + n != b) break;
        b = p;
    }
    re = rx_cache_get(c, "\\s+", 3, RX_NONE, &err);
    if (!re || rx_split(re, s + a, b - a, 0, out, &err)) {
        free(err); /* cannot happen: the pattern is fixed and \s+ has no match limit issue */
        span_add(out, 0, b - a);
    }
    rx_unref(re);
    for (k = from; k < out->len; k++) {
        out->item[k].start += a;
        out->item[k].end += a;
    }
}

void rx_spans_free(RxSpanList *l)
{
    free(l->item);
    *l = (RxSpanList){0};
}

/* ================================================================== escape and unescape */

void rx_escape(const char *s, size_t len, StrBuf *out)
{
    static const char named[] = "\t\n\r\f";
    static const char letter[] = "tnrf";
    size_t i;
    const char *q;
    for (i = 0; i < len; i++) {
        char c = s[i];
        if (c && (q = strchr(named, c)) != NULL) {
            sb_putc(out, '\\');
            sb_putc(out, letter[q - named]);
            continue;
        }
        if (in_set("\\*+?|{[()^$.# ", c)) sb_putc(out, '\\');
        sb_putc(out, c);
    }
}

int rx_unescape(const char *s, size_t len, StrBuf *out, char **err)
{
    Xlat x = {0};
    uint32_t cp;
    x.p = s;
    x.len = len;
    while (x.i < len) {
        if (s[x.i] != '\\') {
            sb_putc(out, s[x.i++]);
            continue;
        }
        if (char_escape(&x, &cp)) {
            *err = x.err;
            return -1;
        }
        sb_put_utf8(out, cp);
    }
    return 0;
}
