/*
** fmt_cell: value -> cell text, display widths, '…' truncation and wrapping.
*/
#include "runtime/fmt_cell.h"

#include <string.h>
#include <strings.h>

#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/datefmt.h"
#include "runtime/decimal.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/members_util.h"
#include "runtime/numfmt.h"
#include "runtime/object.h"

#define ELLIPSIS     "\xE2\x80\xA6" /* U+2026 */
#define ELLIPSIS_LEN 3

/* ======================================================================== value text */

/* A number through a .NET format string; 0 when v is no number or the format is bad. */
static int put_number(Value v, const char *fmt, StrBuf *out)
{
    size_t mark = out->len;
    NfStatus st = NF_EFORMAT;
    if (val_is_integer(v) && mbr_is_unsigned((ValKind)v.kind))
        st = nf_format_uint(out, v.as.u, mbr_int_bytes((ValKind)v.kind), fmt, NF_EN_US);
    else if (val_is_integer(v))
        st = nf_format_int(out, v.as.i, mbr_int_bytes((ValKind)v.kind), fmt, NF_EN_US);
    else if (v.kind == VAL_DOUBLE)
        st = nf_format_double(out, v.as.d, fmt, NF_EN_US);
    else if (v.kind == VAL_SINGLE)
        st = nf_format_float(out, (float)v.as.d, fmt, NF_EN_US);
    else if (val_is_decimal(v)) {
        Decimal d = dec_of(v);
        NfDecimal nd = {d.lo, d.mid, d.hi, d.scale, d.neg};
        st = nf_format_decimal(out, &nd, fmt, NF_EN_US);
    }
    if (st != NF_OK) out->len = mark;
    return st == NF_OK;
}

/* A DateTime by the current culture's ToString() (en-US "G"): tables and lists show dates
 * that way, unlike "$d" and [string], which use the invariant culture. */
static void put_date(Value v, StrBuf *out)
{
    DtParts p;
    dt_from_ticks(v.as.i, &p);
    p.kind = (DtKind)v.aux;
    p.offset_min = 0;
    dt_format(out, &p, "G", NF_EN_US);
}

/* An object whose ToString would only name its type shows its display name instead: the
 * first of Name, Id, Key it has (MshObjectUtil's heuristic; `ChildJobs : {Job19}`). */
static int put_display_name(Value v, StrBuf *out)
{
    static const char *const names[] = {"Name", "Id", "Key"};
    const ObjClass *c = val_class(v);
    if (!c || c->to_string || !c->get_prop) return 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        Value p;
        if (c->get_prop(v, names[i], strlen(names[i]), &p)) {
            convert_append_scalar(val_base(p), out);
            val_unref(p);
            return 1;
        }
    }
    return 0;
}

/* One element inside "{...}": ToString, no recursion into nested collections. */
static void put_item(Value v, StrBuf *out)
{
    v = val_base(v);
    if (v.kind == VAL_DATETIME)
        put_date(v, out);
    else if (!put_display_name(v, out))
        convert_append_scalar(v, out);
}

static void put_dict_item(Value key, Value val, StrBuf *out)
{
    sb_putc(out, '[');
    put_item(key, out);
    sb_puts(out, ", ");
    put_item(val, out);
    sb_putc(out, ']');
}

/* "{a, b, c…}": at most limit items (negative: all), '…' when some were left out. */
static void put_collection(Value v, int limit, StrBuf *out)
{
    int dict = ht_is(v);
    size_t n = dict ? ht_count(v) : arr_len(v);
    size_t shown = (limit >= 0 && (size_t)limit < n) ? (size_t)limit : n;
    sb_putc(out, '{');
    for (size_t i = 0; i < shown; i++) {
        if (i) sb_puts(out, ", ");
        if (dict) {
            Value key, val;
            ht_entry_peek(v, i, &key, &val);
            put_dict_item(key, val, out);
        } else {
            put_item(arr_peek(v, i), out);
        }
    }
    if (shown < n) sb_append(out, ELLIPSIS, ELLIPSIS_LEN);
    sb_putc(out, '}');
}

void fmtcell_append(Value v, FmtCellMode mode, int enum_limit, const char *format, StrBuf *out)
{
    v = val_base(v);
    if (val_is_null(v)) return;
    if (val_is_str(v)) {
        sb_append(out, val_str_data(v), val_str_len(v));
        return;
    }
    if (val_is_array(v) || ht_is(v)) {
        put_collection(v, enum_limit, out);
        return;
    }
    if (format && *format && put_number(v, format, out)) return;
    if (mode == FMT_CELL_TABLE && (v.kind == VAL_DOUBLE || v.kind == VAL_SINGLE))
        if (put_number(v, "F", out)) return;
    if (mode == FMT_CELL_TABLE && val_is_decimal(v) && put_number(v, "F", out)) return;
    put_item(v, out);
}

const char *fmtcell_display_hint(Value v)
{
    if (v.kind == VAL_DATETIME || val_base(v).kind != VAL_DATETIME) return NULL;
    size_t n = object_nprops(v);
    for (size_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value val;
        object_prop_peek(v, i, &name, &len, &val);
        if (len == 11 && strncasecmp(name, "DisplayHint", 11) == 0 && val_is_str(val))
            return val_str_data(val);
    }
    return NULL;
}

void fmtcell_append_display(Value v, StrBuf *out)
{
    Value b = val_base(v);
    if (b.kind != VAL_DATETIME) {
        convert_append_scalar(b, out);
        return;
    }
    DtParts p;
    dt_from_ticks(b.as.i, &p);
    p.kind = (DtKind)b.aux;
    p.offset_min = 0;
    const char *hint = b.kind == v.kind ? NULL : fmtcell_display_hint(v);
    if (hint && strcasecmp(hint, "Date") == 0)
        dt_format(out, &p, "D", NF_EN_US);
    else if (hint && strcasecmp(hint, "Time") == 0)
        dt_format(out, &p, "T", NF_EN_US);
    else
        dt_format_display(out, &p, NF_EN_US);
}

int fmtcell_right_aligned(Value v)
{
    v = val_base(v);
    return val_is_number(v) || v.kind == VAL_BOOL || v.kind == VAL_CHAR;
}

/* ======================================================================== widths */

/* Code point ranges two cells wide (East Asian Wide/Fullwidth, main blocks and emoji). */
static const uint32_t wide_ranges[][2] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},
    {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};
/* Combining marks and zero-width characters take no cell. */
static const uint32_t zero_ranges[][2] = {
    {0x0300, 0x036F}, {0x200B, 0x200F}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF},
};

static int in_ranges(uint32_t cp, const uint32_t (*r)[2], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cp >= r[i][0] && cp <= r[i][1]) return 1;
    return 0;
}

static size_t cp_width(uint32_t cp)
{
    if (cp < 0x300) return 1;
    if (in_ranges(cp, zero_ranges, sizeof zero_ranges / sizeof zero_ranges[0])) return 0;
    return in_ranges(cp, wide_ranges, sizeof wide_ranges / sizeof wide_ranges[0]) ? 2 : 1;
}

size_t fmtcell_width(const char *s, size_t len)
{
    size_t w = 0, i = 0;
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            w++;
            i++;
            continue;
        }
        size_t n;
        w += cp_width(utf8_decode(s + i, len - i, &n));
        i += n;
    }
    return w;
}

size_t fmtcell_prefix(const char *s, size_t len, size_t maxw, size_t *w)
{
    size_t used = 0, i = 0;
    while (i < len) {
        size_t n = 1, cw = 1;
        if ((unsigned char)s[i] >= 0x80) cw = cp_width(utf8_decode(s + i, len - i, &n));
        if (used + cw > maxw) break;
        used += cw;
        i += n;
    }
    *w = used;
    return i;
}

/* Start of the longest suffix of s no wider than maxw cells; its width in *w. */
static size_t suffix_start(const char *s, size_t len, size_t maxw, size_t *w)
{
    size_t used = 0, i = len;
    while (i > 0) {
        size_t j = i - 1;
        while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
            j--;
        size_t cw = fmtcell_width(s + j, i - j);
        if (used + cw > maxw) break;
        used += cw;
        i = j;
    }
    *w = used;
    return i;
}

size_t fmtcell_line_end(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n' || s[i] == '\r') return i;
    return len;
}

/* ======================================================================== placing */

void fmtcell_spaces(StrBuf *out, size_t n)
{
    static const char blanks[] = "                                ";
    while (n > 0) {
        size_t k = n < sizeof blanks - 1 ? n : sizeof blanks - 1;
        sb_append(out, blanks, k);
        n -= k;
    }
}

/* Cut s to w cells with '…' (w >= 2) or plainly (w < 2); the kept part's width in *dw. */
static void put_cut(StrBuf *out, const char *s, size_t len, size_t w, FmtAlign align, size_t *dw)
{
    size_t kept;
    if (w < 2) {
        sb_append(out, s, fmtcell_prefix(s, len, w, &kept));
    } else if (align == FMT_ALIGN_RIGHT) {
        size_t start = suffix_start(s, len, w - 1, &kept);
        sb_append(out, ELLIPSIS, ELLIPSIS_LEN);
        sb_append(out, s + start, len - start);
        kept++;
    } else {
        sb_append(out, s, fmtcell_prefix(s, len, w - 1, &kept));
        sb_append(out, ELLIPSIS, ELLIPSIS_LEN);
        kept++;
    }
    *dw = kept;
}

size_t fmtcell_put(StrBuf *out, const char *s, size_t len, size_t dw, size_t w, FmtAlign align,
                   int pad_right)
{
    size_t start = out->len;
    if (dw > w) {
        size_t mark = out->len;
        put_cut(out, s, len, w, align, &dw);
        if (dw < w && align == FMT_ALIGN_RIGHT) { /* a wide char left a gap: pad in front */
            StrBuf tmp = {0};
            sb_append(&tmp, out->buf + mark, out->len - mark);
            out->len = mark;
            fmtcell_spaces(out, w - dw);
            sb_append(out, tmp.buf, tmp.len);
            sb_free(&tmp);
            return out->len - start;
        }
    } else {
        size_t gap = w - dw;
        size_t before = align == FMT_ALIGN_RIGHT ? gap : align == FMT_ALIGN_CENTER ? gap / 2 : 0;
        fmtcell_spaces(out, before);
        sb_append(out, s, len);
    }
    size_t text = out->len - start;
    if (pad_right && dw < w && align != FMT_ALIGN_RIGHT)
        fmtcell_spaces(out, align == FMT_ALIGN_CENTER ? (w - dw) - (w - dw) / 2 : w - dw);
    return text;
}

/* ======================================================================== wrapping */

static void push_slice(FmtSlice **lines, size_t *n, size_t *cap, size_t off, size_t len)
{
    FmtSlice sl = {off, len};
    ARRAY_PUSH(*lines, *n, *cap, sl);
}

/* Break one physical line [off, off+len) into pieces of at most w cells. */
static void wrap_line(const char *s, size_t off, size_t len, size_t w, int words, FmtSlice **lines,
                      size_t *n, size_t *cap)
{
    while (w > 0 && fmtcell_width(s + off, len) > w) {
        size_t used, p = fmtcell_prefix(s + off, len, w, &used);
        size_t next = p;
        if (p == 0) p = next = 1; /* a character wider than the column: take it anyway */
        if (words && s[off + p] != ' ') {
            size_t sp = p;
            while (sp > 0 && s[off + sp - 1] != ' ')
                sp--;
            if (sp > 1) p = sp - 1, next = sp;
        } else if (words) {
            next = p + 1; /* the space at the break is dropped */
        }
        push_slice(lines, n, cap, off, p);
        off += next;
        len -= next;
    }
    push_slice(lines, n, cap, off, len);
}

size_t fmtcell_wrap(const char *s, size_t len, size_t w, int words, FmtSlice **lines, size_t *cap)
{
    size_t n = 0, off = 0;
    for (;;) {
        size_t end = off + fmtcell_line_end(s + off, len - off);
        wrap_line(s, off, end - off, w, words, lines, &n, cap);
        if (end == len) break;
        off = end + ((s[end] == '\r' && end + 1 < len && s[end + 1] == '\n') ? 2 : 1);
    }
    return n;
}
