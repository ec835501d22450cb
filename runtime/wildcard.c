/*
** wildcard: PowerShell wildcards compiled to a flat element list (literal, '?', '*', set) and
** matched with the two-cursor algorithm that remembers only the last '*': a later '*' subsumes
** every earlier choice, so backtracking never nests and the worst case is pattern x text.
*/
#include "runtime/wildcard.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

enum { WC_CHAR, WC_ANY, WC_STAR, WC_SET };

typedef struct Range {
    uint32_t lo, hi;
} Range;

typedef struct Elem {
    int kind;
    uint32_t cp;  /* WC_CHAR: the character (folded when ignoring case) */
    size_t first; /* WC_SET: ranges[first .. first+n) */
    size_t n;
} Elem;

struct Wildcard {
    int icase;
    Elem *e;
    size_t ne, cape;
    Range *r;
    size_t nr, capr;
};

/* ------------------------------------------------------------------------ UTF-8, case */

static uint32_t decode(const char *s, size_t len, size_t i, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t want, k;
    uint32_t cp;
    *n = 1;
    if (u[0] < 0xC2 || u[0] > 0xF4) return u[0];
    want = u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
    if (len - i < want) return u[0];
    cp = u[0] & (0x3F >> (want - 1));
    for (k = 1; k < want; k++) {
        if ((u[k] & 0xC0) != 0x80) return u[0];
        cp = (cp << 6) | (u[k] & 0x3F);
    }
    *n = want;
    return cp;
}

/* Latin Extended-A pairs upper/lower as even/odd, except in 0x139-0x148 and 0x179-0x17E. */
static int latin_a_upper_is_odd(uint32_t c)
{
    return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
}

/* Simple culture-neutral lower case: ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic,
** full-width Latin. */
static uint32_t lower(uint32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x17E && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149)
        return (c & 1) == (uint32_t)latin_a_upper_is_odd(c) ? c + 1 : c;
    if (c == 0x178) return 0xFF;
    if ((c >= 0x391 && c <= 0x3AB && c != 0x3A2) || (c >= 0x410 && c <= 0x42F) ||
        (c >= 0xFF21 && c <= 0xFF3A))
        return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

static uint32_t upper(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    if (c == 0xFF) return 0x178;
    if (c >= 0x101 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 &&
        c != 0x17F)
        return (c & 1) != (uint32_t)latin_a_upper_is_odd(c) ? c - 1 : c;
    if ((c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) || (c >= 0x430 && c <= 0x44F) ||
        (c >= 0xFF41 && c <= 0xFF5A))
        return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

/* ----------------------------------------------------------------------------- compiling */

static void add_elem(Wildcard *w, int kind, uint32_t cp)
{
    Elem e = {kind, cp, 0, 0};
    if (kind == WC_STAR && w->ne && w->e[w->ne - 1].kind == WC_STAR) return; /* "**" is "*" */
    ARRAY_PUSH(w->e, w->ne, w->cape, e);
}

/* One character of the pattern at *i, with a backtick escape resolved. */
static uint32_t next_char(const char *p, size_t len, size_t *i, int *escaped)
{
    size_t n;
    *escaped = 0;
    if (p[*i] == '`' && *i + 1 < len) {
        *escaped = 1;
        (*i)++;
    }
    uint32_t cp = decode(p, len, *i, &n);
    *i += n;
    return cp;
}

/* set -> '[' { char ['-' char] } ']'  with *i just after '['.  A ']' right after the '[' is
** a literal, as is an escaped '-' or ']'.  0, or -1 when unclosed or a range is reversed. */
static int parse_set(Wildcard *w, const char *p, size_t len, size_t *i)
{
    Elem e = {WC_SET, 0, w->nr, 0};
    int esc, first = 1;
    while (*i < len && (p[*i] != ']' || first)) {
        Range r;
        first = 0;
        r.lo = r.hi = next_char(p, len, i, &esc);
        if (*i + 1 < len && p[*i] == '-' && p[*i + 1] != ']') {
            (*i)++;
            r.hi = next_char(p, len, i, &esc);
            if (r.hi < r.lo) return -1;
        }
        ARRAY_PUSH(w->r, w->nr, w->capr, r);
        e.n++;
    }
    if (*i >= len) return -1;
    (*i)++;
    ARRAY_PUSH(w->e, w->ne, w->cape, e);
    return 0;
}

static char *bad_pattern(const char *pat, size_t len)
{
    StrBuf sb = {0};
    sb_puts(&sb, "The specified wildcard character pattern is not valid: ");
    sb_append(&sb, pat, len);
    return sb_take(&sb);
}

Wildcard *wildcard_compile(const char *pat, size_t len, int ignore_case, char **err)
{
    Wildcard *w = xcalloc(1, sizeof *w);
    size_t i = 0;
    int esc;
    w->icase = ignore_case;
    if (len == 1 && pat[0] == '`')
        return w; /* a lone escape character escapes nothing: the empty pattern */
    while (i < len) {
        char c = pat[i];
        if (c == '*' || c == '?') {
            add_elem(w, c == '*' ? WC_STAR : WC_ANY, 0);
            i++;
        } else if (c == '[') {
            i++;
            if (parse_set(w, pat, len, &i)) {
                *err = bad_pattern(pat, len);
                wildcard_free(w);
                return NULL;
            }
        } else {
            uint32_t cp = next_char(pat, len, &i, &esc);
            add_elem(w, WC_CHAR, ignore_case ? lower(cp) : cp);
        }
    }
    return w;
}

void wildcard_free(Wildcard *w)
{
    if (!w) return;
    free(w->e);
    free(w->r);
    free(w);
}

/* ------------------------------------------------------------------------------ matching */

static int in_set(const Wildcard *w, const Elem *e, uint32_t c)
{
    size_t k;
    uint32_t lc = lower(c), uc = upper(c);
    for (k = 0; k < e->n; k++) {
        const Range *r = &w->r[e->first + k];
        if (c >= r->lo && c <= r->hi) return 1;
        if (w->icase && ((lc >= r->lo && lc <= r->hi) || (uc >= r->lo && uc <= r->hi))) return 1;
    }
    return 0;
}

static int elem_matches(const Wildcard *w, const Elem *e, uint32_t c)
{
    switch (e->kind) {
    case WC_ANY:
        return 1;
    case WC_CHAR:
        return e->cp == (w->icase ? lower(c) : c);
    case WC_SET:
        return in_set(w, e, c);
    default:
        return 0;
    }
}

int wildcard_test(const Wildcard *w, const char *s, size_t len)
{
    size_t ti = 0, pi = 0, star_p = (size_t)-1, star_t = 0, n;
    while (ti < len) {
        if (pi < w->ne && w->e[pi].kind == WC_STAR) {
            star_p = pi++;
            star_t = ti;
            continue;
        }
        uint32_t c = decode(s, len, ti, &n);
        if (pi < w->ne && elem_matches(w, &w->e[pi], c)) {
            pi++;
            ti += n;
            continue;
        }
        if (star_p == (size_t)-1) return 0;
        pi = star_p + 1; /* let the last '*' eat one more character and retry */
        decode(s, len, star_t, &n);
        star_t += n;
        ti = star_t;
    }
    while (pi < w->ne && w->e[pi].kind == WC_STAR)
        pi++;
    return pi == w->ne;
}

int wildcard_match(const char *pat, size_t plen, const char *s, size_t slen, int ignore_case,
                   char **err)
{
    Wildcard *w = wildcard_compile(pat, plen, ignore_case, err);
    int r;
    if (!w) return -1;
    r = wildcard_test(w, s, slen);
    wildcard_free(w);
    return r;
}

/* ------------------------------------------------------------------------ other helpers */

int wildcard_has_meta(const char *pat, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) {
        if (pat[i] == '`')
            i++;
        else if (pat[i] == '*' || pat[i] == '?' || pat[i] == '[' || pat[i] == ']')
            return 1;
    }
    return 0;
}

void wildcard_unescape(const char *pat, size_t len, StrBuf *out)
{
    size_t i;
    for (i = 0; i < len; i++) {
        if (pat[i] == '`' && i + 1 < len) i++;
        sb_putc(out, pat[i]);
    }
}

/* One literal character for a .NET regex, escaped when it is punctuation. */
static void put_regex_char(StrBuf *out, uint32_t cp)
{
    if (cp < 0x80 && cp > 0x20 && !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') &&
        !(cp >= '0' && cp <= '9') && cp != '_')
        sb_putc(out, '\\');
    if (cp < 0x20 || cp == ' ')
        sb_printf(out, "\\u%04X", (unsigned)cp);
    else
        sb_put_utf8(out, cp);
}

static void set_to_regex(const Wildcard *w, const Elem *e, StrBuf *out)
{
    size_t k;
    sb_putc(out, '[');
    for (k = 0; k < e->n; k++) {
        const Range *r = &w->r[e->first + k];
        put_regex_char(out, r->lo);
        if (r->hi != r->lo) {
            sb_putc(out, '-');
            put_regex_char(out, r->hi);
        }
    }
    sb_putc(out, ']');
}

int wildcard_to_regex(const char *pat, size_t len, StrBuf *out, char **err)
{
    Wildcard *w = wildcard_compile(pat, len, 0, err);
    size_t k;
    if (!w) return -1;
    sb_puts(out, "(?s)\\A");
    for (k = 0; k < w->ne; k++) {
        const Elem *e = &w->e[k];
        if (e->kind == WC_STAR)
            sb_puts(out, ".*");
        else if (e->kind == WC_ANY)
            sb_putc(out, '.');
        else if (e->kind == WC_SET)
            set_to_regex(w, e, out);
        else
            put_regex_char(out, e->cp);
    }
    sb_puts(out, "\\z");
    wildcard_free(w);
    return 0;
}
