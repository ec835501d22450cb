/*
** format: the Formatter.  One state machine per output stream: IDLE until the first
** non-scalar object picks a view, then TABLE, LIST or WIDE until fmt_end.  Table rows are kept
** as cell slices of one text buffer (no per-cell allocation) until the widths are fixed.
*/
#include "runtime/format.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/fmt_cell.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/wildcard.h"

#define MAX_TABLE_COLS 10    /* Format-Table shows at most this many property columns */
#define MAX_ENUM_DEPTH 16    /* nested collections enumerated before giving up */
#define DRAIN_AT       65536 /* pending output bytes that trigger a write */

typedef enum ColSize {
    SZ_AUTO,  /* from the data (and the label) */
    SZ_FIXED, /* given by the view or the column */
    SZ_SHARE  /* view width 0: shares the rest of the line */
} ColSize;

typedef struct Col {
    const char *label; /* borrowed from a FmtColumn or f->owned */
    size_t label_len, label_dw;
    const char *prop; /* property name, or NULL for a calculated column */
    size_t prop_len;
    FmtGetFn get;       /* calculated column */
    void *get_ctx;      /* its context */
    const char *format; /* FormatString or NULL */
    FmtAlign align;     /* resolved from the first row when FMT_ALIGN_AUTO */
    ColSize size;       /* how the width is chosen */
    size_t want;        /* fixed width, or the widest cell seen in the segment */
    size_t width;       /* laid-out width */
    int hidden;         /* dropped because the line is too narrow */
} Col;

typedef struct Cell {
    uint32_t off, len; /* text in f->data */
    uint32_t dw;       /* display width (widest line when wrapping) */
} Cell;

typedef enum ItemKind { IT_ROW, IT_TEXT, IT_GROUP } ItemKind;

typedef struct Item {
    uint8_t kind;  /* ItemKind */
    uint32_t a, b; /* IT_ROW: first cell; IT_TEXT/IT_GROUP: text offset and length in data */
} Item;

typedef enum FmtState { FS_IDLE, FS_TABLE, FS_LIST, FS_WIDE, FS_CUSTOM } FmtState;

struct Formatter {
    FmtOptions opt;
    FmtWriteFn write; /* where finished text goes */
    void *ctx;
    StrBuf out;          /* finished text not yet written */
    FmtState state;      /* which layout is running */
    const FmtView *view; /* the registered view in use, NULL when from properties */
    FmtCellMode mode;    /* cell text rules */
    int per_object;      /* list: each object shows its own properties */
    int aligned;         /* column alignment resolved (first row seen) */
    int frozen;          /* widths fixed and header written: rows stream */
    Col *cols;           /* current columns */
    size_t ncols, capcols;
    char **owned; /* property names copied for cols */
    size_t nowned, capowned;
    Item *items; /* buffered table rows and out-of-band text */
    size_t nitems, capitems;
    Cell *cells;
    size_t ncells, capcells;
    StrBuf data;           /* text of buffered cells and items */
    StrBuf tmp;            /* scratch */
    StrBuf group;          /* current group value */
    int have_group;        /* group holds a value */
    const FmtColumn *gcol; /* grouping in effect: -GroupBy, else the view's; NULL: none */
    int gindent;           /* spaces before the group label */
    FmtSlice *sl;          /* scratch line slices */
    size_t capsl;
    size_t *slstart; /* per column: first slice, count (wrapping) */
    size_t capslstart;
    FmtSlice *wsl; /* every column's slices of the row being wrapped */
    size_t capwsl;
    size_t nrows; /* rows waiting in the buffer */
};

/* ======================================================================== output */

static void drain(Formatter *f)
{
    if (f->out.len) {
        f->write(f->ctx, f->out.buf, f->out.len);
        sb_clear(&f->out);
    }
}

static void maybe_drain(Formatter *f)
{
    if (f->out.len >= DRAIN_AT) drain(f);
}

/* ======================================================================== columns */

static void clear_cols(Formatter *f)
{
    for (size_t i = 0; i < f->nowned; i++)
        free(f->owned[i]);
    f->nowned = 0;
    f->ncols = 0;
}

static const char *own(Formatter *f, const char *s, size_t len)
{
    char *p = xstrndup(s, len);
    ARRAY_PUSH(f->owned, f->nowned, f->capowned, p);
    return p;
}

static void add_col(Formatter *f, const FmtColumn *c, const char *prop, ColSize size)
{
    Col col = {0};
    col.prop = c->get ? NULL : prop;
    col.prop_len = col.prop ? strlen(col.prop) : 0;
    col.label = c->label ? c->label : prop ? prop : "";
    col.label_len = strlen(col.label);
    col.label_dw = fmtcell_width(col.label, col.label_len);
    col.get = c->get;
    col.get_ctx = c->get_ctx;
    col.format = c->format;
    col.align = c->align;
    col.size = f->opt.autosize ? SZ_AUTO : c->width > 0 ? SZ_FIXED : size;
    col.want = c->width > 0 ? (size_t)c->width : 0;
    ARRAY_PUSH(f->cols, f->ncols, f->capcols, col);
}

/* objects received from a job carry remoting notes (about_Remote_Output).  As pwsh's
 * HandleComputerNameProperties does for objects without a view, PSShowComputerName is never
 * shown, and PSComputerName only when PSShowComputerName is $true.  remote_show: -1 when v
 * has no PSShowComputerName note, else its value. */
static int remote_show(Value v)
{
    Value x;
    if (!val_get_prop(v, "PSShowComputerName", 18, &x)) return -1;
    int show = convert_truthy(x);
    val_unref(x);
    return show;
}

static int remote_hidden(const char *name, size_t len, int show)
{
    if (len == 18 && str_nicmp(name, "PSShowComputerName", 18) == 0) return 1;
    return !show && len == 14 && str_nicmp(name, "PSComputerName", 14) == 0;
}

/* The properties the formatter shows: the class's, less the hidden remoting notes. */
static size_t nprops(Value v)
{
    const ObjClass *c = val_class(v);
    size_t n = c && c->nprops && c->prop_at ? c->nprops(v) : 0, k = 0;
    int show = n ? remote_show(v) : -1;
    if (show < 0) return n;
    for (size_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value val;
        c->prop_at(v, i, &name, &len, &val);
        k += !remote_hidden(name, len, show);
    }
    return k;
}

static void prop_at(Value v, size_t i, const char **name, size_t *len, Value *val)
{
    const ObjClass *c = val_class(v);
    int show = remote_show(v);
    if (show < 0) {
        c->prop_at(v, i, name, len, val);
        return;
    }
    for (size_t j = 0, n = c->nprops(v); j < n; j++) {
        c->prop_at(v, j, name, len, val);
        if (!remote_hidden(*name, *len, show) && i-- == 0) return;
    }
}

/* Property columns from v itself (all of them, at most max). */
static void add_prop_cols(Formatter *f, Value v, const Wildcard *pat, size_t max)
{
    size_t n = nprops(v);
    for (size_t i = 0; i < n && f->ncols < max; i++) {
        const char *name;
        size_t len;
        Value val;
        prop_at(v, i, &name, &len, &val);
        if (pat && !wildcard_test(pat, name, len)) continue;
        FmtColumn c = {0};
        add_col(f, &c, own(f, name, len), SZ_AUTO);
    }
}

/* Columns from a FmtColumn list; wildcard property names expand against v. */
static void add_cols(Formatter *f, const FmtColumn *cs, size_t n, Value v, ColSize size)
{
    for (size_t i = 0; i < n; i++) {
        const char *p = cs[i].prop;
        if (!cs[i].get && p && wildcard_has_meta(p, strlen(p))) {
            Wildcard *w = wildcard_compile(p, strlen(p), 1, NULL);
            if (w) add_prop_cols(f, v, w, (size_t)-1);
            wildcard_free(w);
            continue;
        }
        add_col(f, &cs[i], p, size);
    }
}

/* The value of column c for obj: a new reference. */
static Value col_value(const Col *c, Value obj)
{
    if (c->get) return c->get(c->get_ctx, obj);
    Value out;
    if (c->prop && val_get_prop(obj, c->prop, c->prop_len, &out)) return out;
    return val_null();
}

/* ======================================================================== scalars */

/* Does b have a view that can show it?  A custom-control view (MatchInfo) serves Out-Default
 * only: Format-Table and friends fall back to the object itself. */
static int has_view(const Formatter *f, Value b)
{
    const FmtView *v = fmt_view_find(b, FMT_AUTO);
    return v && (v->shape != FMT_CUSTOM || f->opt.shape == FMT_AUTO);
}

/* Objects rendered by ToString, out of band: inline kinds, strings, decimals, and objects
 * without properties or a view.  TimeSpan is the one inline kind with a (list) view; a
 * DateTime lists its properties under Format-List only. */
static int is_scalar(const Formatter *f, Value b)
{
    if (b.kind == VAL_DATETIME) return f->opt.shape != FMT_LIST;
    if (b.kind == VAL_TIMESPAN) return !has_view(f, b);
    if (b.kind != VAL_OBJ || val_is_str(b) || val_type_id(b) == TY_DECIMAL) return 1;
    return nprops(b) == 0 && !has_view(f, b);
}

static void put_scalar_line(Formatter *f, Value b, StrBuf *dst)
{
    fmtcell_append_display(b, dst);
    sb_putc(dst, '\n');
}

/* ======================================================================== lists */

static void list_line(Formatter *f, const char *label, size_t llen, size_t lw, Value val,
                      const char *format, StrBuf *dst)
{
    sb_clear(&f->tmp);
    fmtcell_append(val, FMT_CELL_PLAIN, f->opt.enum_limit, format, &f->tmp);
    size_t avail = 0;
    if (f->opt.list_width > 0)
        avail = (size_t)f->opt.list_width > lw + 3 ? (size_t)f->opt.list_width - lw - 3 : 1;
    size_t n = fmtcell_wrap(f->tmp.buf ? f->tmp.buf : "", f->tmp.len, avail, 0, &f->sl, &f->capsl);
    sb_append(dst, label, llen);
    fmtcell_spaces(dst, lw - fmtcell_width(label, llen));
    sb_puts(dst, " : ");
    for (size_t i = 0; i < n; i++) {
        if (i) fmtcell_spaces(dst, lw + 3);
        if (f->sl[i].len) sb_append(dst, f->tmp.buf + f->sl[i].off, f->sl[i].len);
        sb_putc(dst, '\n');
    }
}

/* One object's "Label : value" lines from its own properties, then a blank line. */
static void list_own_props(Formatter *f, Value v, StrBuf *dst)
{
    size_t n = nprops(v), lw = 0;
    const char *name;
    size_t len;
    Value val;
    for (size_t i = 0; i < n; i++) {
        prop_at(v, i, &name, &len, &val);
        size_t w = fmtcell_width(name, len);
        lw = w > lw ? w : lw;
    }
    for (size_t i = 0; i < n; i++) {
        prop_at(v, i, &name, &len, &val);
        list_line(f, name, len, lw, val, NULL, dst);
    }
    sb_putc(dst, '\n');
}

/* The same through the current columns. */
static void list_cols(Formatter *f, Value v, StrBuf *dst)
{
    size_t lw = 0;
    for (size_t i = 0; i < f->ncols; i++)
        lw = f->cols[i].label_dw > lw ? f->cols[i].label_dw : lw;
    for (size_t i = 0; i < f->ncols; i++) {
        Col *c = &f->cols[i];
        Value val = col_value(c, v);
        list_line(f, c->label, c->label_len, lw, val, c->format, dst);
        val_unref(val);
    }
    sb_putc(dst, '\n');
}

static void group_check(Formatter *f, Value v);

static void list_object(Formatter *f, Value v)
{
    group_check(f, v);
    if (f->per_object && f->opt.cols) {
        clear_cols(f);
        add_cols(f, f->opt.cols, f->opt.ncols, v, SZ_AUTO);
    }
    if (f->per_object && !f->opt.cols)
        list_own_props(f, v, &f->out);
    else
        list_cols(f, v, &f->out);
}

/* ======================================================================== buffering */

static void push_item(Formatter *f, ItemKind kind, uint32_t a, uint32_t b)
{
    Item it = {(uint8_t)kind, a, b};
    ARRAY_PUSH(f->items, f->nitems, f->capitems, it);
}

/* Out-of-band text while a table is open goes through the buffer to keep its place. */
static void oob_text(Formatter *f, const char *s, size_t len)
{
    if (f->nitems == 0) {
        sb_append(&f->out, s, len);
        return;
    }
    push_item(f, IT_TEXT, (uint32_t)f->data.len, (uint32_t)len);
    sb_append(&f->data, s, len);
}

static void oob_scalar(Formatter *f, Value b)
{
    sb_clear(&f->tmp);
    put_scalar_line(f, b, &f->tmp);
    oob_text(f, f->tmp.buf, f->tmp.len);
}

/* An object the current view does not fit: a list block of its own properties. */
static void oob_list(Formatter *f, Value v)
{
    StrBuf block = {0};
    sb_putc(&block, '\n');
    list_own_props(f, v, &block);
    oob_text(f, block.buf, block.len);
    sb_free(&block);
}

/* The cell text of val for column c, stored in data. */
static void add_cell(Formatter *f, Col *c, Value val)
{
    size_t off = f->data.len;
    fmtcell_append(val, f->mode, f->opt.enum_limit, c->format, &f->data);
    size_t len = f->data.len - off;
    const char *s = f->data.buf ? f->data.buf + off : "";
    size_t end = fmtcell_line_end(s, len), dw;
    if (f->opt.wrap) {
        size_t n = fmtcell_wrap(s, len, 0, 0, &f->sl, &f->capsl);
        dw = 0;
        for (size_t i = 0; i < n; i++) {
            size_t w = fmtcell_width(s + f->sl[i].off, f->sl[i].len);
            dw = w > dw ? w : dw;
        }
    } else {
        if (end < len) { /* cut at the first line break */
            f->data.len = off + end;
            sb_append(&f->data, "\xE2\x80\xA6", 3);
            len = end + 3;
        }
        dw = fmtcell_width(f->data.buf + off, len);
    }
    Cell cell = {(uint32_t)off, (uint32_t)len, (uint32_t)dw};
    ARRAY_PUSH(f->cells, f->ncells, f->capcells, cell);
}

/* ======================================================================== table layout */

/* Widths for the rows of the segment starting at item i (up to the next group). */
static void measure(Formatter *f, size_t start)
{
    for (size_t k = 0; k < f->ncols; k++) {
        Col *c = &f->cols[k];
        if (c->size != SZ_FIXED) c->want = f->opt.hide_headers ? 0 : c->label_dw;
        c->hidden = 0;
    }
    for (size_t i = start; i < f->nitems; i++) {
        if (f->items[i].kind == IT_GROUP && i > start) break;
        if (f->items[i].kind != IT_ROW) continue;
        const Cell *row = &f->cells[f->items[i].a];
        for (size_t k = 0; k < f->ncols; k++)
            if (f->cols[k].size == SZ_AUTO && row[k].dw > f->cols[k].want)
                f->cols[k].want = row[k].dw;
    }
}

/* Shared columns split what the others leave; then the last columns shrink or go until the
 * line fits (ColumnWidthManager). */
static void layout(Formatter *f)
{
    size_t used = 0, nshare = 0, n = f->ncols;
    size_t screen = f->opt.width > 0 ? (size_t)f->opt.width : 120;
    for (size_t k = 0; k < n; k++) {
        if (f->cols[k].size == SZ_SHARE)
            nshare++;
        else
            used += f->cols[k].want;
        f->cols[k].width = f->cols[k].want;
    }
    used += n ? n - 1 : 0;
    size_t rest = screen > used ? screen - used : 0;
    for (size_t k = 0, s = 0; k < n; k++) {
        if (f->cols[k].size != SZ_SHARE) continue;
        s++;
        size_t share = rest / nshare + (s == nshare ? rest % nshare : 0);
        f->cols[k].width = share ? share : 1;
    }
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += f->cols[k].width + (k ? 1 : 0);
    for (size_t k = n; k-- > 0 && total > screen;) {
        size_t excess = total - screen;
        Col *c = &f->cols[k];
        if (c->width > excess) {
            c->width -= excess;
            total -= excess;
        } else {
            c->hidden = 1;
            total -= c->width + (k ? 1 : 0);
        }
    }
}

static size_t last_visible(const Formatter *f)
{
    size_t last = 0;
    for (size_t k = 0; k < f->ncols; k++)
        if (!f->cols[k].hidden) last = k;
    return last;
}

/* One line of cells: text[k] (len, dw) per column.  As pwsh's TableWriter, every column but
 * the last is padded to its width and the last (left-aligned) is not: a row whose last cells
 * are empty keeps the padding of the earlier ones and their separators ("x    " under "A    B").
 * upto: for a row wrapped over several lines, the last column with a line here; pwsh ends the
 * line with that column, its separator and padding trimmed.  LINE_WHOLE: every column. */
typedef struct LineCell {
    const char *s;
    size_t len, dw;
} LineCell;

#define LINE_WHOLE ((size_t)-1)

static void put_line(Formatter *f, const LineCell *cells, size_t upto)
{
    StrBuf *o = &f->out;
    size_t last = last_visible(f);
    int first = 1;
    for (size_t k = 0; k < f->ncols && k <= upto; k++) {
        const Col *c = &f->cols[k];
        if (c->hidden) continue;
        size_t mark = o->len;
        if (!first) sb_putc(o, ' ');
        first = 0;
        fmtcell_put(o, cells[k].s, cells[k].len, cells[k].dw, c->width, c->align, k != last);
        while (k == upto && o->len > mark && o->buf[o->len - 1] == ' ')
            o->len--;
    }
    sb_putc(o, '\n');
}

static void put_header(Formatter *f)
{
    if (f->opt.hide_headers) return;
    LineCell *lc = xmalloc(sizeof(LineCell) * (f->ncols ? f->ncols : 1));
    for (size_t k = 0; k < f->ncols; k++)
        lc[k] = (LineCell){f->cols[k].label, f->cols[k].label_len, f->cols[k].label_dw};
    put_line(f, lc, LINE_WHOLE);
    static const char dashes[] = "--------------------------------------------------------------"
                                 "------------------------------------------------------------";
    for (size_t k = 0; k < f->ncols; k++) {
        size_t d = f->cols[k].label_dw < f->cols[k].width ? f->cols[k].label_dw : f->cols[k].width;
        d = d < sizeof dashes - 1 ? d : sizeof dashes - 1;
        lc[k] = (LineCell){dashes, d, d};
    }
    put_line(f, lc, LINE_WHOLE);
    free(lc);
}

static void put_row_wrapped(Formatter *f, const Cell *row, LineCell *lc)
{
    size_t nsl = 0, lines = 1;
    if (f->capslstart < 2 * f->ncols) {
        f->capslstart = 2 * f->ncols;
        f->slstart = xrealloc(f->slstart, sizeof(size_t) * f->capslstart);
    }
    for (size_t k = 0; k < f->ncols; k++) {
        size_t n = fmtcell_wrap(f->data.buf + row[k].off, row[k].len, f->cols[k].width, 1, &f->sl,
                                &f->capsl);
        f->slstart[2 * k] = nsl;
        f->slstart[2 * k + 1] = n;
        for (size_t j = 0; j < n; j++)
            ARRAY_PUSH(f->wsl, nsl, f->capwsl, f->sl[j]);
        lines = n > lines && !f->cols[k].hidden ? n : lines;
    }
    for (size_t j = 0; j < lines; j++) {
        size_t upto = LINE_WHOLE;
        for (size_t k = 0; k < f->ncols; k++) {
            lc[k] = (LineCell){"", 0, 0};
            /* an empty cell still has its one (empty) line, as pwsh's GenerateLines */
            size_t n = f->slstart[2 * k + 1] ? f->slstart[2 * k + 1] : 1;
            if (lines > 1 && j < n && !f->cols[k].hidden) upto = k;
            if (j < f->slstart[2 * k + 1]) {
                FmtSlice s = f->wsl[f->slstart[2 * k] + j];
                const char *p = f->data.buf + row[k].off + s.off;
                lc[k] = (LineCell){p, s.len, fmtcell_width(p, s.len)};
            }
        }
        put_line(f, lc, upto);
    }
}

static void put_row(Formatter *f, const Cell *row)
{
    LineCell stack[16];
    LineCell *lc = f->ncols <= 16 ? stack : xmalloc(sizeof(LineCell) * f->ncols);
    if (f->opt.wrap) {
        put_row_wrapped(f, row, lc);
    } else {
        for (size_t k = 0; k < f->ncols; k++)
            lc[k] = (LineCell){f->data.buf + row[k].off, row[k].len, row[k].dw};
        put_line(f, lc, LINE_WHOLE);
    }
    if (lc != stack) free(lc);
}

/* Fix the widths for the segment at item i and write its opening. */
static void start_segment(Formatter *f, size_t i)
{
    measure(f, i);
    layout(f);
    const Item *it = &f->items[i];
    if (it->kind == IT_GROUP)
        sb_append(&f->out, f->data.buf + it->a, it->b);
    else
        sb_putc(&f->out, '\n');
    put_header(f);
    f->frozen = 1;
}

/* Write every buffered item, fixing widths where a segment starts. */
static void emit_pending(Formatter *f)
{
    for (size_t i = 0; i < f->nitems; i++) {
        const Item *it = &f->items[i];
        if (it->kind == IT_GROUP) f->frozen = 0;
        if (!f->frozen && it->kind != IT_TEXT) {
            start_segment(f, i);
            if (it->kind == IT_GROUP) continue;
        }
        if (it->kind == IT_ROW)
            put_row(f, &f->cells[it->a]);
        else
            sb_append(&f->out, f->data.buf + it->a, it->b);
        maybe_drain(f);
    }
    f->nitems = f->ncells = f->nrows = 0;
    sb_clear(&f->data);
}

/* ======================================================================== groups */

/* -GroupBy or the view's grouping: a changed value starts a new group, headed by
 * "<indent><label>: <value>" and a blank line (header text buffered for tables). */
static void group_check(Formatter *f, Value v)
{
    const FmtColumn *g = f->gcol;
    if (!g) return;
    Col gc = {0};
    gc.prop = g->get ? NULL : g->prop;
    gc.prop_len = gc.prop ? strlen(gc.prop) : 0;
    gc.get = g->get;
    gc.get_ctx = g->get_ctx;
    Value val = col_value(&gc, v);
    sb_clear(&f->tmp);
    fmtcell_append(val, FMT_CELL_PLAIN, f->opt.enum_limit, g->format, &f->tmp);
    val_unref(val);
    if (f->have_group && f->tmp.len == f->group.len &&
        memcmp(f->tmp.buf ? f->tmp.buf : "", f->group.buf ? f->group.buf : "", f->tmp.len) == 0)
        return;
    f->have_group = 1;
    sb_clear(&f->group);
    sb_append(&f->group, f->tmp.buf ? f->tmp.buf : "", f->tmp.len);
    const char *label = g->label ? g->label : g->prop ? g->prop : "";
    StrBuf *dst = f->state == FS_LIST ? &f->out : &f->data;
    size_t off = dst->len;
    sb_printf(dst, "%s%*s%s: %s\n\n", f->state == FS_LIST ? "" : "\n", f->gindent, "", label,
              sb_str(&f->group));
    if (f->state != FS_LIST) {
        push_item(f, IT_GROUP, (uint32_t)off, (uint32_t)(dst->len - off));
        f->frozen = 0;
    }
}

/* ======================================================================== tables */

static void table_row(Formatter *f, Value v)
{
    group_check(f, v);
    uint32_t first = (uint32_t)f->ncells;
    for (size_t k = 0; k < f->ncols; k++) {
        Col *c = &f->cols[k];
        Value val = col_value(c, v);
        if (!f->aligned && c->align == FMT_ALIGN_AUTO)
            c->align = fmtcell_right_aligned(val) ? FMT_ALIGN_RIGHT : FMT_ALIGN_LEFT;
        add_cell(f, c, val);
        val_unref(val);
    }
    f->aligned = 1;
    push_item(f, IT_ROW, first, 0);
    f->nrows++;
    if (f->frozen || (f->opt.buffer_limit && f->nrows >= f->opt.buffer_limit)) emit_pending(f);
}

/* ======================================================================== wide */

/* The property Format-Wide shows: Name, Id or Key when present, else the first one. */
static const char *wide_prop(Formatter *f, Value v)
{
    static const char *const names[] = {"Name", "Id", "Key"};
    for (size_t i = 0; i < 3; i++) {
        Value out;
        if (val_get_prop(v, names[i], strlen(names[i]), &out)) {
            val_unref(out);
            return names[i];
        }
    }
    if (nprops(v) == 0) return NULL;
    const char *name;
    size_t len;
    Value val;
    prop_at(v, 0, &name, &len, &val);
    return own(f, name, len);
}

static void wide_item(Formatter *f, Value v)
{
    group_check(f, v);
    Value b = val_base(v);
    Value val = is_scalar(f, b) ? val_ref(b) : col_value(&f->cols[0], v);
    add_cell(f, &f->cols[0], val);
    val_unref(val);
    push_item(f, IT_ROW, (uint32_t)f->ncells - 1, 0);
}

/* End the wide line under construction: trailing padding goes. */
static void wide_newline(Formatter *f, size_t *pos, size_t content)
{
    if (*pos == 0) return;
    f->out.len = content;
    sb_putc(&f->out, '\n');
    *pos = 0;
}

/* Items in slots of screen / n cells: -Column n, as many as fit with -AutoSize, else 2. */
static void wide_emit(Formatter *f)
{
    size_t screen = f->opt.width > 0 ? (size_t)f->opt.width : 120, maxw = 1;
    for (size_t i = 0; i < f->ncells; i++)
        maxw = f->cells[i].dw > maxw ? f->cells[i].dw : maxw;
    size_t n = f->opt.wide_columns > 0 ? (size_t)f->opt.wide_columns : 2;
    if (f->opt.autosize && f->opt.wide_columns <= 0)
        n = (screen + 1) / (maxw + 1) ? (screen + 1) / (maxw + 1) : 1;
    size_t slot = screen / n > 1 ? screen / n : 2, pos = 0, content = 0;
    if (f->opt.autosize && f->opt.wide_columns <= 0) slot = maxw + 1;
    sb_putc(&f->out, '\n');
    for (size_t i = 0; i < f->nitems; i++) {
        const Item *it = &f->items[i];
        if (it->kind != IT_ROW) { /* out-of-band text, or a group header */
            wide_newline(f, &pos, content);
            size_t skip = (it->kind == IT_GROUP && i == 0) ? 1 : 0; /* one blank line */
            sb_append(&f->out, f->data.buf + it->a + skip, it->b - skip);
            continue;
        }
        const Cell *c = &f->cells[it->a];
        if (pos == 0)
            content = f->out.len;
        else
            sb_putc(&f->out, ' ');
        size_t mark = f->out.len;
        size_t text =
            fmtcell_put(&f->out, f->data.buf + c->off, c->len, c->dw, slot - 1, FMT_ALIGN_LEFT, 1);
        if (c->len) content = mark + text;
        if (++pos == n) wide_newline(f, &pos, content);
    }
    wide_newline(f, &pos, content);
}

/* ======================================================================== custom */

/* A custom control's entry: the object's ToString lines, each cut to the line width at
 * spaces as ComplexWriter does (an approximation of its word wrap; Out-String: no limit). */
static void custom_entry(Formatter *f, Value v)
{
    sb_clear(&f->tmp);
    fmtcell_append_display(v, &f->tmp);
    size_t w = f->opt.list_width > 0 ? (size_t)f->opt.list_width : 0;
    size_t n = fmtcell_wrap(f->tmp.buf, f->tmp.len, w, 1, &f->sl, &f->capsl);
    for (size_t i = 0; i < n; i++) {
        sb_append(&f->out, f->tmp.buf + f->sl[i].off, f->sl[i].len);
        sb_putc(&f->out, '\n');
    }
}

/* ======================================================================== start */

static void start_table(Formatter *f, Value v, const FmtView *view)
{
    f->state = FS_TABLE;
    if (f->opt.cols)
        add_cols(f, f->opt.cols, f->opt.ncols, v, SZ_AUTO);
    else if (view) /* a view without widths is sized from the data, as pwsh's cache does */
        add_cols(f, view->cols, view->ncols, v,
                 view->ncols && view->cols[0].width > 0 ? SZ_SHARE : SZ_AUTO);
    else
        add_prop_cols(f, v, NULL, f->opt.shape == FMT_TABLE ? MAX_TABLE_COLS : (size_t)-1);
}

static void start_list(Formatter *f, Value v, const FmtView *view)
{
    f->state = FS_LIST;
    f->mode = FMT_CELL_PLAIN;
    if (view)
        add_cols(f, view->cols, view->ncols, v, SZ_AUTO);
    else if (f->opt.shape == FMT_LIST)
        f->per_object = 1;
    else
        add_prop_cols(f, v, NULL, (size_t)-1);
    sb_putc(&f->out, '\n');
}

static void start_wide(Formatter *f, Value v, const FmtView *view)
{
    f->state = FS_WIDE;
    if (f->opt.cols) {
        add_cols(f, f->opt.cols, 1, v, SZ_AUTO);
    } else if (view && view->ncols) {
        add_cols(f, view->cols, 1, v, SZ_AUTO);
    } else {
        FmtColumn c = {0};
        add_col(f, &c, val_is_null(v) ? NULL : wide_prop(f, v), SZ_AUTO);
    }
}

static void start_custom(Formatter *f)
{
    f->state = FS_CUSTOM;
    sb_putc(&f->out, '\n');
}

/* The first object picks the layout (language.md 8.1 rule 4). */
static void start(Formatter *f, Value v)
{
    FmtShape shape = f->opt.shape;
    const FmtView *view = NULL;
    if (f->opt.view) view = fmt_view_find_named(v, shape, f->opt.view);
    if (!f->opt.cols && !view) view = fmt_view_find(v, shape);
    f->view = view;
    f->mode = view && view->plain_values ? FMT_CELL_PLAIN : FMT_CELL_TABLE;
    f->aligned = f->frozen = f->per_object = f->have_group = 0;
    f->gcol = f->opt.group_by;
    f->gindent = 3;
    if (!f->gcol && view && view->group_by) {
        f->gcol = view->group_by;
        f->gindent = view->group_indent > 0 ? view->group_indent : 3;
    }
    if (view)
        shape = view->shape;
    else if (shape == FMT_AUTO)
        shape = (f->opt.cols ? f->opt.ncols : nprops(v)) <= 4 ? FMT_TABLE : FMT_LIST;
    if (shape == FMT_TABLE)
        start_table(f, v, view);
    else if (shape == FMT_LIST)
        start_list(f, v, view);
    else if (shape == FMT_CUSTOM)
        start_custom(f);
    else
        start_wide(f, v, view);
}

/* ======================================================================== feeding */

/* A list view's entries for other types are registered as list views of the same name (the
 * FileSystem "children" list has one for files and one for directories, as pwsh's
 * EntrySelectedBy): an object of such a type switches the columns.  1 when switched. */
static int list_entry_switch(Formatter *f, Value v)
{
    const FmtView *w = f->state == FS_LIST ? fmt_view_find(v, FMT_LIST) : NULL;
    if (!w || !w->name || !f->view->name || str_icmp(w->name, f->view->name) != 0) return 0;
    clear_cols(f);
    add_cols(f, w->cols, w->ncols, v, SZ_AUTO);
    f->view = w;
    return 1;
}

static void object(Formatter *f, Value v)
{
    if (f->state == FS_IDLE) start(f, v);
    if (f->view && !fmt_view_matches(f->view, v) && !list_entry_switch(f, v)) {
        if (f->state == FS_LIST)
            list_own_props(f, v, &f->out);
        else
            oob_list(f, v);
        return;
    }
    if (f->state == FS_TABLE)
        table_row(f, v);
    else if (f->state == FS_LIST)
        list_object(f, v);
    else if (f->state == FS_CUSTOM)
        custom_entry(f, v);
    else
        wide_item(f, v);
}

static void feed(Formatter *f, Value v, int depth)
{
    Value b = val_base(v);
    if (val_is_null(b)) return;
    if (depth < MAX_ENUM_DEPTH && val_is_array(b)) {
        for (size_t i = 0; i < arr_len(b); i++)
            feed(f, arr_peek(b, i), depth + 1);
        return;
    }
    if (object_src_text(v)) { /* a numeric command argument shows as written: 0x1a */
        Value s = val_str(object_src_text(v));
        feed(f, s, depth);
        val_unref(s);
        return;
    }
    if (ht_is(b)) {
        for (size_t i = 0; i < ht_count(b); i++) {
            Value key, val;
            ht_entry_peek(b, i, &key, &val);
            Value e = dictentry_for(b, key, val);
            object(f, e);
            val_unref(e);
        }
        return;
    }
    if (f->state == FS_WIDE || (f->state == FS_IDLE && f->opt.shape == FMT_WIDE) ||
        !is_scalar(f, b) || object_is_switch(v)) { /* a SwitchParameter: IsPresent */
        object(f, v);
        return;
    }
    if (f->state == FS_TABLE || f->state == FS_WIDE)
        oob_scalar(f, v);
    else
        put_scalar_line(f, v, &f->out);
}

void fmt_feed(Formatter *f, Value v)
{
    feed(f, v, 0);
    maybe_drain(f);
    if (f->state != FS_TABLE || f->frozen) drain(f);
}

void fmt_flush(Formatter *f)
{
    if (f->state == FS_TABLE) emit_pending(f);
    drain(f);
}

void fmt_end(Formatter *f)
{
    if (f->state == FS_TABLE) {
        emit_pending(f);
        sb_putc(&f->out, '\n');
    } else if (f->state == FS_WIDE) {
        wide_emit(f);
        sb_putc(&f->out, '\n');
    } else if (f->state == FS_CUSTOM) {
        sb_putc(&f->out, '\n');
    }
    f->state = FS_IDLE;
    f->view = NULL;
    f->nitems = f->ncells = f->nrows = 0;
    sb_clear(&f->data);
    clear_cols(f);
    drain(f);
}

/* ======================================================================== lifetime */

void fmt_options_init(FmtOptions *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->shape = FMT_AUTO;
    opt->enum_limit = 4;
}

Formatter *fmt_new(const FmtOptions *opt, FmtWriteFn write, void *ctx)
{
    Formatter *f = xcalloc(1, sizeof *f);
    f->opt = *opt;
    if (f->opt.width <= 0) f->opt.width = fmt_screen_width(1);
    f->write = write;
    f->ctx = ctx;
    sb_putc(&f->data, 0); /* buffers always have storage: cells may point at empty text */
    sb_clear(&f->data);
    sb_putc(&f->tmp, 0);
    sb_clear(&f->tmp);
    return f;
}

void fmt_free(Formatter *f)
{
    if (!f) return;
    clear_cols(f);
    free(f->owned);
    free(f->cols);
    free(f->items);
    free(f->cells);
    free(f->sl);
    free(f->slstart);
    free(f->wsl);
    sb_free(&f->out);
    sb_free(&f->data);
    sb_free(&f->tmp);
    sb_free(&f->group);
    free(f);
}

static void write_sb(void *ctx, const char *s, size_t len)
{
    sb_append((StrBuf *)ctx, s, len);
}

void fmt_values(const FmtOptions *opt, const Value *vals, size_t n, StrBuf *out)
{
    Formatter *f = fmt_new(opt, write_sb, out);
    for (size_t i = 0; i < n; i++)
        fmt_feed(f, vals[i]);
    fmt_end(f);
    fmt_free(f);
}

int fmt_screen_width(int fd)
{
    struct winsize ws;
    if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 1) return ws.ws_col - 1;
    return 120;
}
