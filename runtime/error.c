/*
** error: ConciseView and PositionMessage rendering (see error.h).  The excerpt logic follows
** pwsh's PositionUtilities.VerboseMessage: the source line of the error's start, trimmed at
** the end, tabs expanded to 4 spaces, cut to 69 columns around the error; ConciseView then
** frames that excerpt with "Line |" and "|" gutters.  Columns count code points.
*/
#include "runtime/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

#define MAX_LINE 69      /* pwsh's maxLineLength for the excerpt */
#define RAW_BYTE 0x110000u /* code point slot for an invalid UTF-8 byte (written back raw) */

/* The excerpt shown under an error: one source line and the run of '~' under the error. */
typedef struct Excerpt {
    uint32_t line, col;  /* 1-based line and column (code points) of the error's start */
    uint32_t *cp;        /* the shown text, as code points (xmalloc'd; NULL when blank) */
    int n;               /* code points in cp */
    int pre_dots;        /* text was cut on the left: shown as "… " */
    int post_dots;       /* text was cut on the right: shown as " …" */
    int before;          /* columns before the first '~' (not counting the "… ") */
    int tildes;          /* length of the '~' run, at least 1 */
} Excerpt;

/* Decode one UTF-8 sequence at s[0..n); *cp gets the code point, returns bytes used (>= 1). */
static int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    int len = s[0] < 0x80 ? 1 : (s[0] >> 5) == 6 ? 2 : (s[0] >> 4) == 14 ? 3 : (s[0] >> 3) == 30 ? 4 : 0;
    if (len == 0 || (size_t)len > n) {
        *cp = RAW_BYTE + s[0];
        return 1;
    }
    uint32_t c = len == 1 ? s[0] : (uint32_t)(s[0] & (0x7f >> len));
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *cp = RAW_BYTE + s[0];
            return 1;
        }
        c = (c << 6) | (s[i] & 0x3f);
    }
    *cp = c;
    return len;
}

static void put_cp(StrBuf *sb, uint32_t c)
{
    if (c >= RAW_BYTE)
        sb_putc(sb, (char)(c - RAW_BYTE));
    else
        sb_put_utf8(sb, c);
}

/* .NET String.TrimEnd() whitespace (the common members of char.IsWhiteSpace). */
static int is_space(uint32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
           c == 0x205f || c == 0x3000;
}

/* Byte range [*ls, *le) of the line holding offset off, and its 1-based number.  A line ends
 * at LF, CR or CRLF (language.md 1.8).  The lexer's line table makes this O(log n), so
 * rendering many errors does not rescan a big file for each one. */
static uint32_t find_line(Lexer *lx, uint32_t off, size_t *ls, size_t *le)
{
    uint32_t line = lex_span(lx, off, off).line, start, end;
    lex_line_bounds(lx, line, &start, &end);
    *ls = start;
    *le = end;
    return line;
}

/* Decode src[from, to) into x->cp (appending); returns the number of code points added. */
static int decode_range(Excerpt *x, int *cap, const char *src, size_t from, size_t to)
{
    int added = 0;
    while (from < to) {
        uint32_t c;
        from += (size_t)utf8_decode((const unsigned char *)src + from, to - from, &c);
        if (x->n >= *cap) {
            *cap = GROW_CAPACITY(*cap);
            x->cp = xrealloc(x->cp, sizeof(*x->cp) * (size_t)*cap);
        }
        x->cp[x->n++] = c;
        added++;
    }
    return added;
}

/* Replace each tab by 4 spaces, keeping before/tildes on the same characters. */
static void expand_tabs(Excerpt *x, int *len_err)
{
    int ntabs = 0, before = 0, err = 0;
    for (int i = 0; i < x->n; i++)
        ntabs += x->cp[i] == '\t';
    if (ntabs == 0)
        return;
    uint32_t *out = xmalloc(sizeof(*out) * (size_t)(x->n + 3 * ntabs));
    int m = 0;
    for (int i = 0; i < x->n; i++) {
        int w = x->cp[i] == '\t' ? 4 : 1;
        for (int k = 0; k < w; k++)
            out[m++] = x->cp[i] == '\t' ? ' ' : x->cp[i];
        if (i < x->before)
            before += w;
        else if (i < x->before + *len_err)
            err += w;
    }
    free(x->cp);
    x->cp = out;
    x->n = m;
    x->before = before;
    *len_err = err;
}

/* Cut a line longer than MAX_LINE around the error, as VerboseMessage does: up to 12
 * columns of context before, 8 after, then widen to fill MAX_LINE (prefix first). */
static void truncate_line(Excerpt *x, int *len_err)
{
    int total_pre = x->before, pre = total_pre < 12 ? total_pre : 12;
    int total_suf = x->n - *len_err - x->before, suf = total_suf < 8 ? total_suf : 8;
    int cand = pre + *len_err + suf;
    if (cand >= MAX_LINE) {
        if (pre + *len_err >= MAX_LINE)
            *len_err = MAX_LINE - pre;
        x->post_dots = 1;
    } else {
        int avail = total_pre - pre;
        if (avail > 0) {
            pre += avail < MAX_LINE - cand ? avail : MAX_LINE - cand;
            cand = pre + *len_err + suf;
        }
        if (cand < MAX_LINE && total_suf > 0)
            suf += total_suf < MAX_LINE - cand ? total_suf : MAX_LINE - cand;
        x->post_dots = suf < total_suf;
    }
    x->pre_dots = pre < total_pre;
    int from = x->before - pre > 0 ? x->before - pre : 0;
    memmove(x->cp, x->cp + from, sizeof(*x->cp) * MAX_LINE);
    x->n = MAX_LINE;
    x->before = x->before < pre ? x->before : pre;
    if (*len_err > MAX_LINE - x->before)
        *len_err = MAX_LINE - x->before;
}

/* Build the excerpt for a site.  Always fills line/col; cp is NULL for a blank line. */
static void excerpt_make(Excerpt *x, const ErrorSite *site)
{
    Lexer *lx = prog_lexer(site->prog);
    const char *src = lex_source(lx);
    size_t len = lex_length(lx), ls, le, es, ee;
    int cap = 0;
    memset(x, 0, sizeof(*x));
    x->line = find_line(lx, site->start, &ls, &le);
    uint32_t start = site->start > len ? (uint32_t)len : site->start;
    uint32_t end = site->end < start ? start : site->end > len ? (uint32_t)len : site->end;
    x->before = decode_range(x, &cap, src, ls, start);
    x->col = (uint32_t)x->before + 1;
    decode_range(x, &cap, src, start, le);
    while (x->n > 0 && is_space(x->cp[x->n - 1]))
        x->n--;
    uint32_t end_line = find_line(lx, end, &es, &ee);
    int len_err;
    if (end_line == x->line && end <= ee) {
        Excerpt tmp = {0};
        int tcap = 0;
        len_err = decode_range(&tmp, &tcap, src, start, end);
        free(tmp.cp);
    } else {
        len_err = x->n - x->before;
    }
    if (x->before > x->n)
        x->before = x->n;
    if (len_err > x->n - x->before)
        len_err = x->n - x->before > 0 ? x->n - x->before : 0;
    if (x->n == 0) {
        free(x->cp);
        x->cp = NULL;
        x->tildes = 1;
        return;
    }
    expand_tabs(x, &len_err);
    if (x->n > MAX_LINE)
        truncate_line(x, &len_err);
    x->tildes = len_err > 0 ? len_err : 1; /* a span at end of input still gets one '~' */
}

/* Append the shown text of the excerpt; with colour, on/off go around code points [a, b). */
static void put_text(StrBuf *out, const Excerpt *x, int a, int b, const char *on, const char *off)
{
    int open = 0;
    if (x->pre_dots)
        sb_puts(out, "\xe2\x80\xa6 ");
    for (int i = 0; i < x->n; i++) {
        if (i == a && on) {
            sb_puts(out, on);
            open = 1;
        }
        put_cp(out, x->cp[i]);
        if (i + 1 == b && open) {
            sb_puts(out, off);
            open = 0;
        }
    }
    if (open)
        sb_puts(out, off);
    if (x->post_dots)
        sb_puts(out, " \xe2\x80\xa6");
}

static void put_run(StrBuf *out, char c, int n)
{
    for (int i = 0; i < n; i++)
        sb_putc(out, c);
}

void error_format_position(StrBuf *out, const ErrorSite *site)
{
    Excerpt x;
    const char *file = prog_file(site->prog);
    excerpt_make(&x, site);
    sb_printf(out, "At %s:%u char:%u", file ? file : "line", x.line, x.col);
    if (x.cp) {
        sb_puts(out, "\n+ ");
        put_text(out, &x, -1, -1, NULL, NULL);
        sb_puts(out, "\n+ ");
        put_run(out, ' ', x.before + (x.pre_dots ? 2 : 0));
        put_run(out, '~', x.tildes);
    }
    free(x.cp);
}

/* Colour codes for one record: all "" when colour is off. */
typedef struct Palette {
    const char *err, *accent, *reset;
} Palette;

static Palette palette(int color)
{
    Palette p = {"", "", ""};
    if (color) {
        p.err = ERR_COLOR_ERROR;
        p.accent = ERR_COLOR_ACCENT;
        p.reset = ERR_COLOR_RESET;
    }
    return p;
}

/* "Line |", the numbered source line and the '~' line.  gutter = extra spaces when the line
 * number is wider than 4 digits. */
static void put_block(StrBuf *out, const Excerpt *x, const Palette *c, int gutter)
{
    char num[16];
    int w = snprintf(num, sizeof num, "%u", x->line);
    int shown = (x->pre_dots ? 2 : 0) + x->before; /* index of the first '~' in the text */
    sb_printf(out, "%s%*sLine |\n", c->accent, gutter, "");
    sb_printf(out, "%s%*s%s | %s ", c->accent, w < 4 ? 4 - w : 0, "", num, c->reset);
    if (x->cp && *c->accent && x->tildes < x->n + (x->pre_dots ? 2 : 0) + (x->post_dots ? 2 : 0))
        put_text(out, x, shown - (x->pre_dots ? 2 : 0), x->before + x->tildes, c->accent, c->reset);
    else if (x->cp)
        put_text(out, x, -1, -1, NULL, NULL);
    sb_printf(out, "\n%s%*s     | %s ", c->accent, gutter, "", c->err);
    put_run(out, ' ', shown);
    put_run(out, '~', x->tildes);
    sb_putc(out, '\n');
}

/* The message with newlines and tabs turned into spaces (ConciseView does this). */
static char *flat_message(const char *msg)
{
    char *m = xstrdup(msg ? msg : "");
    size_t j = 0;
    for (size_t i = 0; m[i]; i++) {
        if (m[i] == '\r' && m[i + 1] == '\n')
            continue; /* CRLF is one space */
        m[j++] = (m[i] == '\n' || m[i] == '\r' || m[i] == '\t') ? ' ' : m[i];
    }
    m[j] = '\0';
    return m;
}

/* Length of the longest head of s[0, n) that fits in limit bytes, cut at its last
 * whitespace (ConciseView's Get-TruncatedString).  Never splits a UTF-8 sequence. */
static size_t cut_at_space(const char *s, size_t n, size_t limit)
{
    if (n <= limit)
        return n;
    size_t k = limit;
    while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
        k--;
    for (size_t i = k; i > 0; i--)
        if (s[i - 1] == ' ')
            return i - 1;
    return k;
}

static const char *skip_spaces(const char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

/* Message lines after the gutter, wrapped at width like ConciseView (prefix = the gutter). */
static void put_message(StrBuf *out, const char *msg, const char *prefix, size_t plen, int width)
{
    size_t n = strlen(msg), w = (size_t)width;
    if (width <= 0 || plen + n <= w) {
        sb_printf(out, "%s%s\n", prefix, msg);
        return;
    }
    size_t k = cut_at_space(msg, n, w > plen ? w - plen : 1);
    if (k == 0)
        k = n < w ? n : w;
    sb_puts(out, prefix);
    sb_append(out, msg, k);
    sb_putc(out, '\n');
    const char *rest = skip_spaces(msg + k);
    while (*rest && strlen(rest) + plen > w) {
        size_t r = cut_at_space(rest, strlen(rest), w - plen);
        if (r == 0)
            break;
        sb_puts(out, prefix);
        sb_append(out, rest, r);
        sb_putc(out, '\n');
        rest = skip_spaces(rest + r);
    }
    sb_printf(out, "%s%s\n", prefix, rest);
}

void error_format_view(StrBuf *out, const ErrorView *v)
{
    Palette c = palette(v->color);
    if (!v->site) {
        sb_printf(out, "%s%s: %s%s\n", c.err, v->reason, v->msg ? v->msg : "", c.reset);
        return;
    }
    Excerpt x;
    excerpt_make(&x, v->site);
    const char *file = prog_file(v->site->prog);
    char num[16];
    int w = snprintf(num, sizeof num, "%u", x.line), gutter = w > 4 ? w - 4 : 0;
    sb_printf(out, "%s%s: ", c.err, v->reason);
    if (file)
        sb_printf(out, "%s%s:%u", c.reset, file, x.line);
    sb_putc(out, '\n');
    put_block(out, &x, &c, gutter);
    StrBuf prefix = {0};
    sb_printf(&prefix, "%s%*s     | %s", c.accent, gutter, "", c.err);
    char *msg = flat_message(v->msg);
    sb_puts(out, c.err);
    put_message(out, msg, sb_str(&prefix), (size_t)gutter + 7, v->width);
    sb_puts(out, c.reset);
    free(msg);
    sb_free(&prefix);
    free(x.cp);
}

void error_format_parse(StrBuf *out, const Program *p, const ParseError *e, int color)
{
    ErrorSite site = {p, e->span.start, e->span.end};
    ErrorView v = {"ParserError", e->msg, &site, color, 0};
    error_format_view(out, &v);
}

void error_format_program(StrBuf *out, const Program *p, int color)
{
    if (prog_nerrors(p) > 0)
        error_format_parse(out, p, prog_error(p, 0), color);
}
