/*
** json: ConvertTo-Json's writer (pwsh's JsonObject.ProcessValue walk fused with Json.NET's
** indented writer) and ConvertFrom-Json's reader (Json.NET's lenient JsonTextReader rules,
** iterative, with its error messages, positions and paths).
*/
#include "cmdlets/json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/datefmt.h"
#include "runtime/decimal.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/numfmt.h"
#include "runtime/object.h"

void json_opts_init(JsonOpts *o)
{
    memset(o, 0, sizeof *o);
    o->depth = 2;
}

void json_error_init(JsonError *e)
{
    e->id = NULL;
    e->msg[0] = 0;
    e->warning[0] = 0;
}

/* ======================================================================================
** Writer
** ====================================================================================== */

typedef struct Writer {
    const JsonOpts *o;
    StrBuf *out;
    JsonError *err;
    int failed;
} Writer;

static void put_value(Writer *w, Value v, int depth, int level);

static void newline(Writer *w, int level)
{
    if (w->o->compress) return;
    sb_putc(w->out, '\n');
    for (int i = 0; i < level; i++)
        sb_puts(w->out, "  ");
}

/* \uXXXX with lowercase hex, as Json.NET writes it. */
static void put_u(StrBuf *out, uint32_t unit)
{
    sb_printf(out, "\\u%04x", (unsigned)unit);
}

/* How one code point is written: 0 as is, 1 a named escape (*named), 2 as \uXXXX. */
static int escape_of(uint32_t cp, JsonEscape esc, const char **named)
{
    static const char *const short_esc[] = {
        ['\b'] = "\\b", ['\t'] = "\\t", ['\n'] = "\\n", ['\f'] = "\\f", ['\r'] = "\\r"};
    if (cp < 0x20) {
        *named = cp < sizeof short_esc / sizeof *short_esc ? short_esc[cp] : NULL;
        return *named ? 1 : 2;
    }
    if (esc == JSON_ESC_HTML && cp < 0x80 && strchr("<>&'\"", (int)cp)) return 2;
    if (cp == '"' || cp == '\\') {
        *named = cp == '"' ? "\\\"" : "\\\\";
        return 1;
    }
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) return 2; /* always, as Json.NET does */
    return esc == JSON_ESC_NONASCII && cp >= 0x80 ? 2 : 0;
}

void json_write_string(const char *s, size_t n, JsonEscape esc, StrBuf *out)
{
    sb_putc(out, '"');
    size_t i = 0;
    while (i < n) {
        size_t k;
        uint32_t cp = utf8_decode(s + i, n - i, &k);
        const char *named = NULL;
        int how = escape_of(cp, esc, &named);
        if (how == 0) {
            sb_append(out, s + i, k);
        } else if (how == 1) {
            sb_puts(out, named);
        } else if (cp >= 0x10000) { /* one escape per UTF-16 unit */
            put_u(out, 0xD800 + ((cp - 0x10000) >> 10));
            put_u(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            put_u(out, cp);
        }
        i += k;
    }
    sb_putc(out, '"');
}

static void put_str(Writer *w, const char *s, size_t n)
{
    json_write_string(s, n, w->o->escape, w->out);
}

/* Json.NET's EnsureDecimalPlace: "1" -> "1.0", but "1E+20" and "NaN" stay. */
static void ensure_decimal(StrBuf *out, size_t start)
{
    for (size_t i = start; i < out->len; i++)
        if (strchr(".eEN", out->buf[i]) || out->buf[i] == 'I') return;
    sb_puts(out, ".0");
}

/* Doubles and Singles: the round-trip string; NaN and infinities as JSON strings. */
static void put_real(Writer *w, Value v)
{
    double d = v.as.d;
    if (isnan(d) || isinf(d)) {
        sb_puts(w->out, isnan(d) ? "\"NaN\"" : d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        return;
    }
    size_t start = w->out->len;
    if (v.kind == VAL_SINGLE)
        nf_format_float(w->out, (float)d, "R", NF_INVARIANT);
    else
        nf_format_double(w->out, d, "R", NF_INVARIANT);
    ensure_decimal(w->out, start);
}

/* Json.NET IsoDateFormat with RoundtripKind: yyyy-MM-ddTHH:mm:ss[.FFFFFFF][Z|+hh:mm]. */
static void put_date(StrBuf *out, Value v)
{
    DtParts p;
    dt_from_ticks(v.as.i, &p);
    sb_printf(out, "\"%04d-%02d-%02dT%02d:%02d:%02d", p.year, p.month, p.day, p.hour, p.minute,
              p.second);
    if (p.frac) {
        char f[8];
        snprintf(f, sizeof f, "%07d", (int)p.frac);
        int n = 7;
        while (n > 0 && f[n - 1] == '0')
            n--;
        sb_putc(out, '.');
        sb_append(out, f, (size_t)n);
    }
    if (v.aux == DT_UTC) {
        sb_putc(out, 'Z');
    } else if (v.aux == DT_LOCAL) {
        int off = dt_local_offset_min(v.as.i);
        off = dt_local_offset_min(v.as.i - (int64_t)off * 60 * DT_TICKS_PER_SECOND);
        int a = off < 0 ? -off : off;
        sb_printf(out, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
    }
    sb_putc(out, '"');
}

static void put_integer(StrBuf *out, Value v)
{
    if (v.kind == VAL_UINT64 || v.kind == VAL_BYTE || v.kind == VAL_UINT16 || v.kind == VAL_UINT32)
        sb_printf(out, "%llu", (unsigned long long)v.as.u);
    else
        sb_printf(out, "%lld", (long long)v.as.i);
}

/* A char is written as a one-character string (Json.NET's WriteValue(char)). */
static void put_char(Writer *w, uint32_t unit)
{
    StrBuf t = {0};
    sb_put_utf8(&t, unit);
    put_str(w, t.buf, t.len);
    sb_free(&t);
}

/* Heap scalars: String, Decimal (Json.NET keeps the scale and adds ".0" to integers), and
 * anything else pwsh passes through as a string (System.Guid). */
static void put_obj_scalar(Writer *w, Value v)
{
    if (val_is_str(v)) {
        put_str(w, val_str_data(v), val_str_len(v));
    } else if (val_is_decimal(v)) {
        size_t start = w->out->len;
        dec_to_string(dec_of(v), w->out);
        ensure_decimal(w->out, start);
    } else {
        Value s = convert_to_string(v, NULL);
        put_str(w, val_str_data(s), val_str_len(s));
        val_unref(s);
    }
}

/* A value is_scalar() accepts. */
static void put_scalar(Writer *w, Value v)
{
    switch ((ValKind)v.kind) {
    case VAL_NULL:
    case VAL_AUTONULL:
        sb_puts(w->out, "null");
        break;
    case VAL_BOOL:
        sb_puts(w->out, v.as.b ? "true" : "false");
        break;
    case VAL_CHAR:
        put_char(w, (uint32_t)v.as.u);
        break;
    case VAL_SINGLE:
    case VAL_DOUBLE:
        put_real(w, v);
        break;
    case VAL_DATETIME:
        put_date(w->out, v);
        break;
    case VAL_OBJ:
        put_obj_scalar(w, v);
        break;
    case VAL_TIMESPAN:
        break; /* a property bag, never here */
    default:
        put_integer(w->out, v);
        break;
    }
}

/* One "name": value member; first tells whether a comma is needed. */
static void put_member(Writer *w, const char *name, size_t len, Value v, int *first, int depth,
                       int level)
{
    if (!*first) sb_putc(w->out, ',');
    *first = 0;
    newline(w, level + 1);
    put_str(w, name, len);
    sb_puts(w->out, w->o->compress ? ":" : ": ");
    put_value(w, v, depth + 1, level + 1);
}

static void close_obj(Writer *w, int first, int level)
{
    if (!first) newline(w, level);
    sb_putc(w->out, '}');
}

/* Note properties of a PSObject wrapper or PSCustomObject. */
static void put_notes(Writer *w, Value o, int *first, int depth, int level)
{
    size_t n = object_nprops(o);
    for (size_t i = 0; i < n && !w->failed; i++) {
        const char *name;
        size_t len;
        Value val;
        object_prop_peek(o, i, &name, &len, &val);
        put_member(w, name, len, val, first, depth, level);
    }
}

static int fail(Writer *w, const char *id, const char *msg)
{
    w->failed = 1;
    if (w->err) {
        w->err->id = id;
        snprintf(w->err->msg, sizeof w->err->msg, "%s", msg);
    }
    return -1;
}

/* Hashtable entries (string keys only), then the notes of the wrapper around it, if any. */
static void put_dict(Writer *w, Value h, Value wrapper, int depth, int level)
{
    int first = 1;
    sb_putc(w->out, '{');
    for (size_t i = 0; i < ht_count(h) && !w->failed; i++) {
        Value k, val;
        ht_entry_peek(h, i, &k, &val);
        if (!val_is_str(k)) {
            char m[256];
            snprintf(m, sizeof m,
                     "The type '%s' is not supported for serialization or deserialization of a "
                     "dictionary. Keys must be strings.",
                     val_type_fullname(h));
            fail(w, "NonStringKeyInDictionary", m);
            return;
        }
        put_member(w, val_str_data(k), val_str_len(k), val, &first, depth, level);
    }
    if (!val_is_null(wrapper)) put_notes(w, wrapper, &first, depth, level);
    close_obj(w, first, level);
}

static void put_array(Writer *w, Value a, int depth, int level)
{
    size_t n = arr_len(a);
    sb_putc(w->out, '[');
    for (size_t i = 0; i < n && !w->failed; i++) {
        if (i) sb_putc(w->out, ',');
        newline(w, level + 1);
        put_value(w, arr_peek(a, i), depth + 1, level + 1);
    }
    if (n) newline(w, level);
    sb_putc(w->out, ']');
}

/* TimeSpan's public properties, in .NET 9's declaration order (what pwsh 7.5 reflects). */
static void put_timespan(Writer *w, int64_t t, int depth, int level)
{
    const int64_t ms = 10000, sec = DT_TICKS_PER_SECOND, min = 60 * sec, hr = 60 * min;
    struct {
        const char *name;
        Value v;
    } p[] = {
        {"Ticks", val_long(t)},
        {"Days", val_int((int32_t)(t / DT_TICKS_PER_DAY))},
        {"Hours", val_int((int32_t)(t / hr % 24))},
        {"Milliseconds", val_int((int32_t)(t / ms % 1000))},
        {"Microseconds", val_int((int32_t)(t / 10 % 1000))},
        {"Nanoseconds", val_int((int32_t)(t % 10 * 100))},
        {"Minutes", val_int((int32_t)(t / min % 60))},
        {"Seconds", val_int((int32_t)(t / sec % 60))},
        {"TotalDays", val_double((double)t / (double)DT_TICKS_PER_DAY)},
        {"TotalHours", val_double((double)t / (double)hr)},
        {"TotalMilliseconds", val_double((double)t / (double)ms)},
        {"TotalMicroseconds", val_double((double)t / 10.0)},
        {"TotalNanoseconds", val_double((double)t * 100.0)},
        {"TotalMinutes", val_double((double)t / (double)min)},
        {"TotalSeconds", val_double((double)t / (double)sec)},
    };
    int first = 1;
    sb_putc(w->out, '{');
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        put_member(w, p[i].name, strlen(p[i].name), p[i].v, &first, depth, level);
    close_obj(w, first, level);
}

/* Any other object: its class's properties, or its ToString() when it has none. */
static void put_bag(Writer *w, Value v, int depth, int level)
{
    const ObjClass *c = val_class(v);
    if (!c || !c->nprops || !c->prop_at) {
        Value s = convert_to_string(v, NULL);
        put_str(w, val_str_data(s), val_str_len(s));
        val_unref(s);
        return;
    }
    int first = 1;
    sb_putc(w->out, '{');
    for (size_t i = 0; i < c->nprops(v) && !w->failed; i++) {
        const char *name;
        size_t len;
        Value val;
        c->prop_at(v, i, &name, &len, &val);
        put_member(w, name, len, val, &first, depth, level);
    }
    close_obj(w, first, level);
}

/* Past -Depth: the value's [string] conversion, and the warning (once). */
static void put_truncated(Writer *w, Value v)
{
    if (w->err && !w->err->warning[0])
        snprintf(w->err->warning, sizeof w->err->warning,
                 "Resulting JSON is truncated as serialization has exceeded the set depth of %d.",
                 w->o->depth);
    Value s = convert_to_string(v, NULL);
    put_str(w, val_str_data(s), val_str_len(s));
    val_unref(s);
}

/* Written without looking inside: everything but TimeSpans and non-string objects. */
static int is_scalar(Value v)
{
    if (v.kind == VAL_TIMESPAN) return 0;
    if (v.kind != VAL_OBJ) return 1;
    const ObjClass *c = val_class(v);
    return val_is_str(v) || val_is_decimal(v) || strcmp(c->full_name, "System.Guid") == 0;
}

/*
** A PSObject wrapper with notes around a scalar or an array: pwsh's AddPsProperties makes it
** {"value": base, note: ...}, base serialized at the wrapper's own depth (hence depth - 1 for
** the member).  Strings and dates drop their notes (pwsh 7.2+), as does a wrapper without any.
*/
static void put_wrapped(Writer *w, Value wrapper, Value base, int depth, int level)
{
    int first = 1;
    if (val_is_str(base) || base.kind == VAL_DATETIME || object_nprops(wrapper) == 0) {
        if (is_scalar(base))
            put_scalar(w, base);
        else
            put_array(w, base, depth, level);
        return;
    }
    sb_putc(w->out, '{');
    put_member(w, "value", 5, base, &first, depth - 1, level);
    put_notes(w, wrapper, &first, depth, level);
    close_obj(w, first, level);
}

/* pwsh's ProcessValue: scalars, then (within -Depth) dictionaries, arrays and property bags. */
static void put_value(Writer *w, Value v, int depth, int level)
{
    Value wrapper = val_null();
    if (val_is(v, &cls_psobject)) {
        wrapper = v;
        v = val_base(v);
    }
    if (is_scalar(v) && val_is_null(wrapper)) {
        put_scalar(w, v);
    } else if (is_scalar(v)) {
        put_wrapped(w, wrapper, v, depth, level);
    } else if (depth > w->o->depth) {
        put_truncated(w, v);
    } else if (v.kind == VAL_TIMESPAN) {
        put_timespan(w, v.as.i, depth, level);
    } else if (ht_is(v)) {
        put_dict(w, v, wrapper, depth, level);
    } else if (val_is_array(v)) {
        if (val_is_null(wrapper))
            put_array(w, v, depth, level);
        else
            put_wrapped(w, wrapper, v, depth, level);
    } else if (val_is(v, &cls_pscustomobject)) {
        int first = 1;
        sb_putc(w->out, '{');
        put_notes(w, v, &first, depth, level);
        if (!val_is_null(wrapper)) put_notes(w, wrapper, &first, depth, level);
        close_obj(w, first, level);
    } else {
        put_bag(w, v, depth, level);
    }
}

int json_write(Value v, const JsonOpts *o, StrBuf *out, JsonError *err)
{
    JsonOpts def;
    if (!o) {
        json_opts_init(&def);
        o = &def;
    }
    if (err) json_error_init(err);
    Writer w = {o, out, err, 0};
    if (o->as_array) {
        Value a = arr_from(&v, 1);
        put_value(&w, a, 0, 0);
        val_unref(a);
    } else {
        put_value(&w, v, 0, 0);
    }
    return w.failed ? -1 : 0;
}

/* ======================================================================================
** Reader: a state machine over an explicit stack of open containers.
** ====================================================================================== */

typedef struct Frame {
    Value box;     /* the PSCustomObject, ordered hashtable or object[] being filled */
    int is_obj;    /* 1: object, 0: array */
    char *key;     /* object: the last property name read (owned), NULL before the first */
    size_t keylen; /* its length */
    size_t count;  /* array: elements started so far */
} Frame;

typedef enum RdState { RD_VALUE, RD_KEY, RD_ELEM, RD_AFTER } RdState;

typedef struct Reader {
    const char *s;       /* the input */
    size_t n, pos;       /* its length and the read position */
    size_t line, lstart; /* line number (1-based) and the offset where that line starts */
    int as_ht, depth;    /* -AsHashtable, -Depth */
    int started;         /* a token was read (Json.NET reports line 0 before that) */
    Frame *stack;        /* open containers, innermost last */
    size_t len, cap;
    JsonError *err;
} Reader;

static int peekc(Reader *r)
{
    return r->pos < r->n ? (unsigned char)r->s[r->pos] : -1;
}

/* Json.NET's "Path 'a.b[2]'" of the current position. */
static void path_of(Reader *r, StrBuf *p)
{
    for (size_t i = 0; i < r->len; i++) {
        Frame *f = &r->stack[i];
        if (!f->is_obj) {
            if (f->count) sb_printf(p, "[%zu]", f->count - 1);
        } else if (f->key) {
            int plain = f->keylen > 0 && !strpbrk(f->key, " .[]()'\"/\\\t\r\n\f\b");
            if (plain) {
                if (p->len) sb_putc(p, '.');
                sb_append(p, f->key, f->keylen);
            } else {
                sb_puts(p, "['");
                sb_append(p, f->key, f->keylen);
                sb_puts(p, "']");
            }
        }
    }
}

/* Columns count characters (UTF-8 lead bytes), not bytes. */
static size_t column(Reader *r, size_t at)
{
    size_t c = 0;
    for (size_t i = r->lstart; i < at && i < r->n; i++)
        if (((unsigned char)r->s[i] & 0xC0) != 0x80) c++;
    return c;
}

/* Fill err with "Conversion from JSON failed with error: <what> Path '...', line L, position P."
 * for the character at offset `at`.  Returns -1. */
static int rd_fail_at(Reader *r, size_t at, const char *fmt, const char *arg)
{
    if (!r->err) return -1;
    char what[200];
    snprintf(what, sizeof what, fmt, arg);
    StrBuf p = {0};
    path_of(r, &p);
    size_t col = column(r, at);
    size_t line = (!r->started && col == 0) ? 0 : r->line;
    r->err->id = "System.ArgumentException";
    snprintf(r->err->msg, sizeof r->err->msg,
             "Conversion from JSON failed with error: %s Path '%s', line %zu, position %zu.", what,
             sb_str(&p), line, col);
    sb_free(&p);
    return -1;
}

static int rd_fail(Reader *r, const char *fmt, const char *arg)
{
    return rd_fail_at(r, r->pos, fmt, arg);
}

/* The character at the read position, for messages ("" at the end). */
static const char *cur_char(Reader *r, char buf[8])
{
    size_t k = 0;
    if (r->pos < r->n) utf8_decode(r->s + r->pos, r->n - r->pos, &k);
    memcpy(buf, r->s + r->pos, k);
    buf[k] = 0;
    return buf;
}

static int unexpected(Reader *r, const char *fmt)
{
    char c[8];
    if (r->pos >= r->n) return rd_fail(r, "Unexpected end when reading JSON.%s", "");
    return rd_fail(r, fmt, cur_char(r, c));
}

static void newline_at(Reader *r, size_t i)
{
    if (r->s[i] == '\r' && i + 1 < r->n && r->s[i + 1] == '\n') return; /* counted at '\n' */
    r->line++;
    r->lstart = i + 1;
}

/* Skip whitespace and comments.  -1 on an unterminated block comment. */
static int skip_ws(Reader *r)
{
    while (r->pos < r->n) {
        char c = r->s[r->pos];
        if (c == '\n' || c == '\r') {
            newline_at(r, r->pos++);
        } else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
            r->pos++;
        } else if (c == '/' && r->pos + 1 < r->n && r->s[r->pos + 1] == '/') {
            while (r->pos < r->n && r->s[r->pos] != '\n' && r->s[r->pos] != '\r')
                r->pos++;
        } else if (c == '/' && r->pos + 1 < r->n && r->s[r->pos + 1] == '*') {
            const char *e = NULL;
            for (size_t i = r->pos + 2; i + 1 < r->n && !e; i++)
                if (r->s[i] == '*' && r->s[i + 1] == '/') e = r->s + i;
            if (!e) {
                r->pos = r->n;
                return rd_fail(r, "Unexpected end while parsing comment.%s", "");
            }
            for (size_t i = r->pos; i < (size_t)(e - r->s); i++)
                if (r->s[i] == '\n' || r->s[i] == '\r') newline_at(r, i);
            r->pos = (size_t)(e - r->s) + 2;
        } else {
            return 0;
        }
    }
    return 0;
}

static int hex4(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int c = (unsigned char)s[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return 0;
        v = v * 16 + (uint32_t)d;
    }
    *out = v;
    return 1;
}

/* \uXXXX (pos at 'u'), joining a surrogate pair; a lone surrogate becomes U+FFFD. */
static int read_uescape(Reader *r, StrBuf *sb)
{
    uint32_t u, lo;
    if (r->pos + 5 > r->n) {
        r->pos = r->n;
        return rd_fail(r, "Unexpected end while parsing Unicode escape sequence.%s", "");
    }
    if (!hex4(r->s + r->pos + 1, &u)) {
        char bad[8];
        snprintf(bad, sizeof bad, "%.4s", r->s + r->pos + 1);
        return rd_fail(r, "Invalid Unicode escape sequence: \\u%s.", bad);
    }
    r->pos += 5;
    if (u >= 0xD800 && u < 0xDC00 && r->pos + 6 <= r->n && r->s[r->pos] == '\\' &&
        r->s[r->pos + 1] == 'u' && hex4(r->s + r->pos + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
        r->pos += 6;
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
    } else if (u >= 0xD800 && u < 0xE000) {
        u = 0xFFFD;
    }
    sb_put_utf8(sb, u);
    return 0;
}

/* One backslash escape (pos after the backslash). */
static int read_escape(Reader *r, StrBuf *sb)
{
    static const char from[] = "\"'\\/bfnrt", to[] = "\"'\\/\b\f\n\r\t";
    int c = peekc(r);
    const char *p = c > 0 ? strchr(from, c) : NULL;
    if (c == 'u') return read_uescape(r, sb);
    if (!p) {
        char bad[8];
        if (c < 0) return rd_fail(r, "Unterminated string. Expected delimiter: %s.", "\"");
        return rd_fail(r, "Bad JSON escape sequence: \\%s.", cur_char(r, bad));
    }
    sb_putc(sb, to[p - from]);
    r->pos++;
    return 0;
}

/* A string quoted with q (pos at the opening quote) into sb. */
static int read_string(Reader *r, StrBuf *sb)
{
    char q = r->s[r->pos++], qs[2] = {q, 0};
    for (;;) {
        if (r->pos >= r->n) return rd_fail(r, "Unterminated string. Expected delimiter: %s.", qs);
        char c = r->s[r->pos++];
        if (c == q) return 0;
        if (c == '\\') {
            if (read_escape(r, sb)) return -1;
        } else {
            if (c == '\n' || c == '\r') newline_at(r, r->pos - 1);
            sb_putc(sb, c);
        }
    }
}

/* ---- ISO 8601 dates (Json.NET's DateTimeParser: yyyy-MM-ddTHH:mm:ss[.f{1,7}][Z|+-hh[:mm]]) */

static int digits(const char *s, size_t n, size_t at, int k, int *out)
{
    int v = 0;
    if (at + (size_t)k > n) return 0;
    for (int i = 0; i < k; i++) {
        if (s[at + i] < '0' || s[at + i] > '9') return 0;
        v = v * 10 + (s[at + i] - '0');
    }
    *out = v;
    return 1;
}

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* The zone suffix at s[i..n): 0 none, 1 'Z', 2 an offset in *off (minutes); -1 malformed. */
static int parse_zone(const char *s, size_t n, size_t i, int *off)
{
    int h = 0, m = 0;
    if (i == n) return 0;
    if (s[i] == 'Z') return i + 1 == n ? 1 : -1;
    if ((s[i] != '+' && s[i] != '-') || !digits(s, n, i + 1, 2, &h)) return -1;
    size_t j = i + 3;
    if (j < n && s[j] == ':') j++;
    if (j < n && (!digits(s, n, j, 2, &m) || j + 2 != n)) return -1;
    if (h > 23 || m > 59) return -1;
    *off = (s[i] == '-' ? -1 : 1) * (h * 60 + m);
    return 2;
}

/* 1 and the DateTime when s[0..n) is an ISO date-time Json.NET would convert. */
static int parse_date(const char *s, size_t n, Value *out)
{
    DtParts p = {0};
    size_t i = 19;
    if (n < 19 || !digits(s, n, 0, 4, &p.year) || s[4] != '-' || !digits(s, n, 5, 2, &p.month) ||
        s[7] != '-' || !digits(s, n, 8, 2, &p.day) || s[10] != 'T' ||
        !digits(s, n, 11, 2, &p.hour) || s[13] != ':' || !digits(s, n, 14, 2, &p.minute) ||
        s[16] != ':' || !digits(s, n, 17, 2, &p.second))
        return 0;
    if (p.year < 1 || p.month < 1 || p.month > 12 || p.day < 1 ||
        p.day > days_in(p.year, p.month) || p.hour > 23 || p.minute > 59 || p.second > 59)
        return 0;
    if (i < n && s[i] == '.') {
        int k = 0, scale = 1000000;
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, k++, scale /= 10)
            if (k < 7) p.frac += (s[i] - '0') * scale; /* digits past 7 are dropped */
        if (k == 0) return 0;
    }
    int off = 0, z = parse_zone(s, n, i, &off);
    if (z < 0) return 0;
    int64_t t = dt_to_ticks(&p);
    if (z == 2) { /* an offset: the same instant in local time */
        int64_t utc = t - (int64_t)off * 60 * DT_TICKS_PER_SECOND;
        t = utc + (int64_t)dt_local_offset_min(utc) * 60 * DT_TICKS_PER_SECOND;
    }
    *out = val_datetime(t, z == 0 ? DT_UNSPECIFIED : z == 1 ? DT_UTC : DT_LOCAL);
    return 1;
}

/* ---- numbers and literals ---- */

/* -?digits[.digits][(e|E)[+-]digits] over the whole slice. */
static int number_ok(const char *s, size_t n, int *real)
{
    size_t i = 0, d;
    *real = 0;
    if (i < n && s[i] == '-') i++;
    for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
    }
    if (i == d) return 0;
    if (i < n && s[i] == '.') {
        *real = 1;
        for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
        }
        if (i == d) return 0;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        *real = 1;
        if (++i < n && (s[i] == '+' || s[i] == '-')) i++;
        for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
        }
        if (i == d) return 0;
    }
    return i == n;
}

/* Int64 when it fits, else Double (Json.NET would make a BigInteger). */
static Value make_number(const char *s, size_t n, int real)
{
    Value v;
    if (!real) {
        int neg = s[0] == '-';
        uint64_t m = 0, lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
        size_t i;
        for (i = (size_t)neg; i < n && m <= (lim - (uint64_t)(s[i] - '0')) / 10; i++)
            m = m * 10 + (uint64_t)(s[i] - '0');
        if (i == n) return val_long(neg ? (int64_t)(0 - m) : (int64_t)m);
    }
    if (convert_parse_number(s, n, &v) == 0 && v.kind == VAL_DOUBLE) return v;
    if (v.kind == VAL_OBJ || val_is_integer(v)) {
        Value d;
        if (convert_to(v, TY_DOUBLE, 0, &d, NULL) == 0) {
            val_unref(v);
            return d;
        }
        val_unref(v);
    }
    return val_double(strtod(s, NULL));
}

static int is_word_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || c == '-' || c == '+' || c == '.' || c >= 0x80;
}

/* Json.NET's radix integers: "0x1F" (hex) and "017" (octal), as Convert.ToInt64(s, base),
 * which reads up to 64 bits as two's complement.  0 when malformed. */
static int radix_number(const char *s, size_t n, Value *out)
{
    int hex = n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    unsigned base = hex ? 16 : 8, bits = hex ? 4 : 3;
    uint64_t v = 0;
    size_t i = hex ? 2 : 1, nd = 0;
    for (; i < n; i++, nd++) {
        int c = (unsigned char)s[i], d = -1;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        if (d < 0 || (unsigned)d >= base || (v >> (64 - bits)) != 0) return 0;
        v = v * base + (uint64_t)d;
    }
    *out = val_long((int64_t)v);
    return nd > 0;
}

/* number -> '-'? digits ['.' digits] [exponent] | 0x hex | 0 octal */
static int read_number(Reader *r, size_t st, Value *out)
{
    const char *s = r->s + st;
    size_t n = r->pos - st;
    int real;
    if (n > 1 && s[0] == '0' && s[1] != '.' && s[1] != 'e' && s[1] != 'E') {
        if (radix_number(s, n, out)) return 0;
    } else if (number_ok(s, n, &real)) {
        *out = make_number(s, n, real);
        return 0;
    }
    char *t = xstrndup(s, n);
    int radix = n > 1 && s[0] == '0' && s[1] != '.' && s[1] != 'e' && s[1] != 'E';
    rd_fail_at(r, st,
               radix ? "Input string '%s' is not a valid integer."
                     : "Input string '%s' is not a valid number.",
               t);
    free(t);
    return -1;
}

/* A bare word: null, undefined, true, false, NaN, Infinity, -Infinity or a number. */
static int read_word(Reader *r, Value *out)
{
    static const struct {
        const char *w;
        ValKind kind;
        double d; /* VAL_BOOL: 0/1; VAL_DOUBLE: the value */
    } words[] = {{"null", VAL_NULL, 0},
                 {"undefined", VAL_NULL, 0},
                 {"true", VAL_BOOL, 1},
                 {"false", VAL_BOOL, 0},
                 {"NaN", VAL_DOUBLE, NAN},
                 {"Infinity", VAL_DOUBLE, HUGE_VAL},
                 {"-Infinity", VAL_DOUBLE, -HUGE_VAL}};
    size_t st = r->pos;
    while (r->pos < r->n && is_word_char((unsigned char)r->s[r->pos]))
        r->pos++;
    const char *s = r->s + st;
    size_t n = r->pos - st;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        if (strlen(words[i].w) != n || memcmp(words[i].w, s, n) != 0) continue;
        if (words[i].kind == VAL_NULL)
            *out = val_null();
        else if (words[i].kind == VAL_BOOL)
            *out = val_bool(words[i].d != 0);
        else
            *out = val_double(words[i].d);
        return 0;
    }
    if (n && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9'))) return read_number(r, st, out);
    r->pos = st;
    if (n && (s[0] == 't' || s[0] == 'f')) return rd_fail(r, "Error parsing boolean value.%s", "");
    if (n && (s[0] == 'n' || s[0] == 'N')) return rd_fail(r, "Error parsing null value.%s", "");
    return unexpected(r, "Unexpected character encountered while parsing value: %s.");
}

/* ---- containers ---- */

static int push(Reader *r, int is_obj)
{
    r->pos++;
    if (r->len >= (size_t)r->depth) {
        char d[24];
        snprintf(d, sizeof d, "%d", r->depth);
        return rd_fail(r, "The reader's MaxDepth of %s has been exceeded.", d);
    }
    Frame f = {val_null(), is_obj, NULL, 0, 0};
    if (!is_obj)
        f.box = arr_new(TY_OBJECT, 0);
    else
        f.box = r->as_ht ? ht_new(1) : object_new_custom();
    ARRAY_PUSH(r->stack, r->len, r->cap, f);
    return 0;
}

static Value pop(Reader *r)
{
    Frame *f = &r->stack[--r->len];
    free(f->key);
    return f->box;
}

/* Store v (consumed) into the innermost container under its pending key. */
static int store(Reader *r, Value v)
{
    Frame *f = &r->stack[r->len - 1];
    if (!f->is_obj) {
        arr_push_take(f->box, v);
        return 0;
    }
    if (r->as_ht) {
        Value k = val_str_n(f->key, f->keylen);
        ht_set(f->box, k, v);
        val_unref(k);
    } else {
        object_set_prop(f->box, f->key, f->keylen, v);
    }
    val_unref(v);
    return 0;
}

/* property name: a quoted string or a bare identifier, then ':'. */
static int read_key(Reader *r)
{
    Frame *f = &r->stack[r->len - 1];
    StrBuf k = {0};
    int c = peekc(r);
    if (c == '"' || c == '\'') {
        if (read_string(r, &k)) goto bad;
    } else if (c >= 0 && (c == '_' || c == '$' || c >= 0x80 || (c >= 'a' && c <= 'z') ||
                          (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        while (r->pos < r->n && is_word_char((unsigned char)r->s[r->pos]) && r->s[r->pos] != '.')
            sb_putc(&k, r->s[r->pos++]);
    } else {
        unexpected(r, "Invalid property identifier character: %s.");
        goto bad;
    }
    free(f->key);
    f->keylen = k.len;
    f->key = sb_take(&k);
    if (skip_ws(r)) return -1;
    if (peekc(r) != ':')
        return unexpected(r, "Invalid character after parsing property name. Expected ':' but "
                             "got: %s.");
    r->pos++;
    if (f->keylen == 0 && !r->as_ht) {
        r->err->id = "EmptyKeyInJsonString";
        snprintf(r->err->msg, sizeof r->err->msg,
                 "The provided JSON includes a property whose name is an empty string, this is "
                 "only supported using the -AsHashTable switch.");
        return -1;
    }
    return 0;
bad:
    sb_free(&k);
    return -1;
}

/* One scalar or the opening of a container.  *done: a complete value is in *v. */
static int read_value(Reader *r, Value *v, int *done, RdState *next)
{
    int c = peekc(r);
    Frame *up = r->len && !r->stack[r->len - 1].is_obj ? &r->stack[r->len - 1] : NULL;
    *done = 0;
    if (c == '{' || c == '[') { /* Json.NET counts a container when it opens */
        if (up) up->count++;
        r->started = 1;
        *next = c == '{' ? RD_KEY : RD_ELEM;
        return push(r, c == '{');
    }
    if (c == '"' || c == '\'') {
        StrBuf sb = {0};
        if (read_string(r, &sb)) {
            sb_free(&sb);
            return -1;
        }
        if (!parse_date(sb_str(&sb), sb.len, v)) *v = val_str_take_sb(&sb);
        sb_free(&sb);
    } else if (c < 0) {
        return unexpected(r, "%s");
    } else if (read_word(r, v)) {
        return -1;
    }
    if (up) up->count++; /* and a scalar once it is read */
    r->started = 1;
    *done = 1;
    *next = RD_AFTER;
    return 0;
}

/* After a value inside a container: ',' or the closing bracket. *closed: a finished
 * container is in *v. */
static int read_after(Reader *r, Value *v, int *closed, RdState *next)
{
    Frame *f = &r->stack[r->len - 1];
    int c = peekc(r), end = f->is_obj ? '}' : ']';
    *closed = 0;
    if (c == ',') {
        r->pos++;
        *next = f->is_obj ? RD_KEY : RD_ELEM;
    } else if (c == end) {
        r->pos++;
        *v = pop(r);
        *closed = 1;
    } else {
        return unexpected(r, "After parsing a value an unexpected character was encountered: %s.");
    }
    return 0;
}

/* The main loop: returns 0 with the finished top-level value in *out. */
static int run(Reader *r, Value *out)
{
    RdState st = RD_VALUE;
    Value v = val_null();
    for (;;) {
        int have = 0;
        if (skip_ws(r)) return -1;
        int c = peekc(r);
        if (st == RD_KEY && c == '}') {
            r->pos++;
            v = pop(r);
            have = 1;
        } else if (st == RD_ELEM && c == ']') {
            r->pos++;
            v = pop(r);
            have = 1;
        } else if (st == RD_KEY) {
            if (read_key(r)) return -1;
            st = RD_VALUE;
        } else if (st == RD_VALUE || st == RD_ELEM) {
            if (read_value(r, &v, &have, &st)) return -1;
        } else if (read_after(r, &v, &have, &st)) {
            return -1;
        }
        if (!have) continue;
        if (r->len == 0) {
            *out = v;
            return 0;
        }
        store(r, v);
        st = RD_AFTER;
    }
}

int json_parse(const char *s, size_t n, int as_hashtable, int depth, Value *out, JsonError *err)
{
    JsonError dummy;
    Reader r = {
        s, n, 0, 1, 0, as_hashtable, depth > 0 ? depth : 1024, 0, NULL, 0, 0, err ? err : &dummy};
    json_error_init(r.err);
    Value v = val_null();
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) r.pos = r.lstart = 3; /* a UTF-8 BOM */
    if (skip_ws(&r)) goto fail;
    if (r.pos >= n) {
        *out = val_autonull();
        return 0;
    }
    if (run(&r, &v)) goto fail;
    if (skip_ws(&r)) {
        val_unref(v);
        goto fail;
    }
    if (r.pos < n) {
        val_unref(v);
        unexpected(&r, "Additional text encountered after finished reading JSON content: %s.");
        goto fail;
    }
    free(r.stack);
    *out = v;
    return 0;
fail:
    while (r.len)
        val_unref(pop(&r));
    free(r.stack);
    return -1;
}
