/*
** csv: pwsh's ExportCsvHelper (columns from the first object, per-field quoting) and
** ImportCsvHelper (a lenient record parser: quotes only at the start of a field, "" escapes,
** newlines inside quotes, blank lines skipped, default "H<n>" names).
*/
#include "cmdlets/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/datefmt.h"
#include "runtime/decimal.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"

void csv_opts_init(CsvOpts *o)
{
    memset(o, 0, sizeof *o);
    o->delimiter = ',';
    o->quote = CSV_QUOTE_ALWAYS;
    o->culture = NF_EN_US;
}

/* The delimiter as UTF-8 bytes. */
typedef struct Delim {
    char b[5];
    size_t n;
} Delim;

static Delim delim_of(uint32_t cp)
{
    StrBuf sb = {0};
    Delim d;
    sb_put_utf8(&sb, cp ? cp : ',');
    d.n = sb.len < 4 ? sb.len : 4;
    memcpy(d.b, sb.buf, d.n);
    d.b[d.n] = 0;
    sb_free(&sb);
    return d;
}

static int has_delim(const char *s, size_t n, const Delim *d)
{
    for (size_t i = 0; i + d->n <= n; i++)
        if (memcmp(s + i, d->b, d->n) == 0) return 1;
    return 0;
}

/* ======================================================================================
** Writer
** ====================================================================================== */

struct CsvWriter {
    CsvQuote quote; /* -UseQuotes */
    char **qf;      /* -QuoteFields (owned copies), NULL when not given */
    size_t nqf;
    int include_type;  /* -IncludeTypeInformation */
    int no_header;     /* -NoHeader */
    NfCulture culture; /* DateTime cells */
    Delim delim;       /* the delimiter */
    char **cols;       /* column names (owned), valid once has_cols */
    size_t ncols, capcols;
    int has_cols; /* set by the first object or csv_writer_set_columns */
};

CsvWriter *csv_writer_new(const CsvOpts *o)
{
    CsvWriter *w = xcalloc(1, sizeof *w);
    w->quote = o->quote;
    w->include_type = o->include_type;
    w->no_header = o->no_header;
    w->culture = o->culture;
    w->delim = delim_of(o->delimiter);
    if (o->quote_fields) {
        w->qf = xcalloc(o->nquote_fields + 1, sizeof *w->qf);
        for (size_t i = 0; i < o->nquote_fields; i++)
            w->qf[i] = xstrdup(o->quote_fields[i]);
        w->nqf = o->nquote_fields;
    }
    return w;
}

static void free_cols(CsvWriter *w)
{
    for (size_t i = 0; i < w->ncols; i++)
        free(w->cols[i]);
    free(w->cols);
    w->cols = NULL;
    w->ncols = w->capcols = 0;
}

void csv_writer_free(CsvWriter *w)
{
    if (!w) return;
    free_cols(w);
    for (size_t i = 0; i < w->nqf; i++)
        free(w->qf[i]);
    free(w->qf);
    free(w);
}

/* Add a column unless one of that name (case-insensitively) exists. */
static void add_col(CsvWriter *w, const char *name, size_t len)
{
    for (size_t i = 0; i < w->ncols; i++)
        if (strlen(w->cols[i]) == len && str_nicmp(w->cols[i], name, len) == 0) return;
    ARRAY_PUSH(w->cols, w->ncols, w->capcols, xstrndup(name, len));
}

void csv_writer_set_columns(CsvWriter *w, const char *const *names, size_t n)
{
    free_cols(w);
    for (size_t i = 0; i < n; i++)
        ARRAY_PUSH(w->cols, w->ncols, w->capcols, xstrdup(names[i]));
    w->has_cols = 1;
}

size_t csv_writer_ncolumns(const CsvWriter *w)
{
    return w->ncols;
}

/* Hashtable keys, by their string form. */
static void cols_of_dict(CsvWriter *w, Value h)
{
    for (size_t i = 0; i < ht_count(h); i++) {
        Value k, v;
        ht_entry_peek(h, i, &k, &v);
        StrBuf sb = {0};
        convert_append_scalar(k, &sb);
        add_col(w, sb_str(&sb), sb.len);
        sb_free(&sb);
    }
}

/* Properties from the class hooks (PSCustomObject notes, wrapper notes, other kinds). */
static void cols_of_props(CsvWriter *w, Value v)
{
    const ObjClass *c = val_class(v);
    if (!c || !c->nprops || !c->prop_at) return;
    for (size_t i = 0; i < c->nprops(v); i++) {
        const char *name;
        size_t len;
        Value val;
        c->prop_at(v, i, &name, &len, &val);
        add_col(w, name, len);
    }
}

/* DateTime's properties as pwsh 7.5 lists them: the DateTime script property, then .NET 9's
 * instance properties in declaration order. */
static const char *const date_props[] = {
    "DateTime", "Date",        "Day",         "DayOfWeek",  "DayOfYear", "Hour",
    "Kind",     "Millisecond", "Microsecond", "Nanosecond", "Minute",    "Month",
    "Second",   "Ticks",       "TimeOfDay",   "Year",
};
#define NDATE_PROPS (sizeof date_props / sizeof *date_props)

/* The value of DateTime property i of d: a new reference. */
static Value date_prop(Value d, size_t i, NfCulture cul)
{
    static const char *const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    static const char *const kinds[] = {"Unspecified", "Utc", "Local"};
    DtParts p;
    dt_from_ticks(d.as.i, &p);
    p.kind = (DtKind)d.aux;
    int64_t tod = d.as.i % DT_TICKS_PER_DAY;
    const int ints[] = {0,
                        0,
                        p.day,
                        0,
                        p.yday,
                        p.hour,
                        0,
                        p.frac / 10000,
                        p.frac / 10 % 1000,
                        p.frac % 10 * 100,
                        p.minute,
                        p.month,
                        p.second,
                        0,
                        0,
                        p.year};
    StrBuf sb = {0};
    switch (i) {
    case 0:
        dt_format_display(&sb, &p, cul);
        return val_str_take_sb(&sb);
    case 1:
        return val_datetime(d.as.i - tod, d.aux);
    case 3:
        return val_str(days[p.dow]);
    case 6:
        return val_str(kinds[d.aux < 3 ? d.aux : 0]);
    case 13:
        return val_long(d.as.i);
    case 14:
        return val_timespan(tod);
    default:
        return val_int(ints[i]);
    }
}

void csv_writer_columns_from(CsvWriter *w, Value obj)
{
    Value base = val_base(obj);
    free_cols(w);
    w->has_cols = 1;
    if (ht_is(base)) {
        cols_of_dict(w, base); /* pwsh 7.2+: keys first, and they win over same-named notes */
        if (val_is(obj, &cls_psobject)) cols_of_props(w, obj);
        return;
    }
    if (val_is(obj, &cls_psobject)) cols_of_props(w, obj); /* instance notes come first */
    if (val_is_str(base)) {
        add_col(w, "Length", 6);
    } else if (base.kind == VAL_DATETIME) {
        for (size_t i = 0; i < NDATE_PROPS; i++)
            add_col(w, date_props[i], strlen(date_props[i]));
    } else {
        cols_of_props(w, base);
    }
}

void csv_write_type(Value obj, StrBuf *out)
{
    sb_puts(out, "#TYPE ");
    sb_puts(out, val_type_fullname(val_base(obj)));
}

/* Does a field of column col with text s[0..n) go in quotes? */
static int wants_quotes(const CsvWriter *w, const char *col, const char *s, size_t n)
{
    if (w->qf) {
        for (size_t i = 0; i < w->nqf; i++)
            if (str_icmp(w->qf[i], col) == 0) return 1;
        return 0;
    }
    switch (w->quote) {
    case CSV_QUOTE_ALWAYS:
        return 1;
    case CSV_QUOTE_NEVER:
        return 0;
    case CSV_QUOTE_ASNEEDED:
        break;
    }
    return has_delim(s, n, &w->delim) || memchr(s, '"', n) || memchr(s, '\n', n) ||
           memchr(s, '\r', n);
}

static void put_field(const CsvWriter *w, const char *col, const char *s, size_t n, StrBuf *out)
{
    if (!wants_quotes(w, col, s, n)) {
        sb_append(out, s, n);
        return;
    }
    sb_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') sb_putc(out, '"');
        sb_putc(out, s[i]);
    }
    sb_putc(out, '"');
}

void csv_write_header(const CsvWriter *w, StrBuf *out)
{
    for (size_t i = 0; i < w->ncols; i++) {
        if (i) sb_append(out, w->delim.b, w->delim.n);
        put_field(w, w->cols[i], w->cols[i], strlen(w->cols[i]), out);
    }
}

/* The value of column `name` of obj: 1 and a new reference, or 0 when it has none. */
static int cell_value(const CsvWriter *w, Value obj, const char *name, Value *out)
{
    Value base = val_base(obj);
    size_t len = strlen(name);
    if (ht_is(base) && ht_get_str(base, name, len, out)) return 1;
    if (val_is(obj, &cls_psobject) && val_get_prop(obj, name, len, out)) return 1;
    for (size_t i = 0; base.kind == VAL_DATETIME && i < NDATE_PROPS; i++)
        if (str_icmp(date_props[i], name) == 0) {
            *out = date_prop(base, i, w->culture);
            return 1;
        }
    if (val_is_str(base) && str_icmp(name, "Length") == 0) {
        *out = val_int((int32_t)val_str_len16(base));
        return 1;
    }
    if (ht_is(base) && !val_is(obj, &cls_psobject)) return 0; /* keys only */
    return val_get_prop(obj, name, len, out);
}

/* .NET ToString() of a cell (not PowerShell's [string]: doubles round-trip, dates by culture). */
static void cell_string(const CsvWriter *w, Value v, StrBuf *out)
{
    v = val_base(v);
    if (v.kind == VAL_DOUBLE) {
        nf_format_double(out, v.as.d, NULL, w->culture);
    } else if (v.kind == VAL_SINGLE) {
        nf_format_float(out, (float)v.as.d, NULL, w->culture);
    } else if (v.kind == VAL_DATETIME) {
        DtParts p;
        dt_from_ticks(v.as.i, &p);
        p.kind = (DtKind)v.aux;
        dt_format(out, &p, NULL, w->culture);
    } else {
        convert_append_scalar(v, out);
    }
}

void csv_write_row(const CsvWriter *w, Value obj, StrBuf *out)
{
    StrBuf cell = {0};
    for (size_t i = 0; i < w->ncols; i++) {
        Value v;
        if (i) sb_append(out, w->delim.b, w->delim.n);
        if (!cell_value(w, obj, w->cols[i], &v)) continue;
        if (!val_is_null(v)) {
            sb_clear(&cell);
            cell_string(w, v, &cell);
            put_field(w, w->cols[i], cell.buf ? cell.buf : "", cell.len, out);
        }
        val_unref(v);
    }
    sb_free(&cell);
}

int csv_writer_check_append(const CsvWriter *w, Value obj, const char *path, CsvError *err)
{
    for (size_t i = 0; i < w->ncols; i++) {
        Value v;
        if (cell_value(w, obj, w->cols[i], &v)) {
            val_unref(v);
            continue;
        }
        if (err) {
            err->id = "CannotAppendCsvWithMismatchedPropertyNames";
            snprintf(err->msg, sizeof err->msg,
                     "Cannot append CSV content to the following file: %s. The appended object "
                     "does not have a property that corresponds to the following column: %s. To "
                     "continue with mismatched properties, add the -Force parameter, and then "
                     "retry the command.",
                     path, w->cols[i]);
        }
        return -1;
    }
    return 0;
}

static void push_line(Value lines, StrBuf *sb)
{
    arr_push_take(lines, val_str_take_sb(sb));
}

void csv_write_object(CsvWriter *w, Value obj, Value lines)
{
    StrBuf sb = {0};
    if (!w->has_cols) {
        csv_writer_columns_from(w, obj);
        if (w->include_type) {
            csv_write_type(obj, &sb);
            push_line(lines, &sb);
        }
        if (!w->no_header) {
            csv_write_header(w, &sb);
            push_line(lines, &sb);
        }
    }
    csv_write_row(w, obj, &sb);
    push_line(lines, &sb);
}

/* ======================================================================================
** Reader
** ====================================================================================== */

/* The fields of one record; texts may hold NULs, so lengths are kept beside them. */
typedef struct Fields {
    char **v;      /* field texts (owned, NUL-terminated) */
    size_t *lens;  /* their lengths in bytes */
    size_t n, cap; /* fields used / allocated */
} Fields;

/* The reader's position in the text.  Records end at LF, CR or CRLF outside quotes. */
typedef struct Scan {
    const char *s; /* the whole input */
    size_t n, pos; /* its length, the read position */
    Delim d;       /* the delimiter's UTF-8 bytes */
} Scan;

static void fields_clear(Fields *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i]);
    f->n = 0;
}

static void fields_free(Fields *f)
{
    fields_clear(f);
    free(f->v);
    free(f->lens);
}

static void fields_add(Fields *f, StrBuf *sb)
{
    if (f->n >= f->cap) {
        f->cap = GROW_CAPACITY(f->cap);
        f->v = xrealloc(f->v, f->cap * sizeof *f->v);
        f->lens = xrealloc(f->lens, f->cap * sizeof *f->lens);
    }
    f->lens[f->n] = sb->len;
    f->v[f->n++] = sb_take(sb);
}

static int at_delim(const Scan *sc)
{
    return sc->pos + sc->d.n <= sc->n && memcmp(sc->s + sc->pos, sc->d.b, sc->d.n) == 0;
}

/* A line break at pos: its length (1 or 2), else 0. */
static size_t at_newline(const Scan *sc)
{
    if (sc->pos >= sc->n) return 0;
    if (sc->s[sc->pos] == '\r') return sc->pos + 1 < sc->n && sc->s[sc->pos + 1] == '\n' ? 2 : 1;
    return sc->s[sc->pos] == '\n';
}

/* After a closing quote: text up to the next delimiter or line end, blanks dropped. */
static void after_quote(Scan *sc, StrBuf *cur)
{
    while (sc->pos < sc->n && !at_delim(sc) && !at_newline(sc)) {
        char c = sc->s[sc->pos++];
        if (c != ' ' && c != '\t') sb_putc(cur, c);
    }
}

/* A quoted field's body (pos after the opening quote) up to the closing quote. */
static void quoted(Scan *sc, StrBuf *cur)
{
    while (sc->pos < sc->n) {
        char c = sc->s[sc->pos++];
        if (c != '"') {
            sb_putc(cur, c);
        } else if (sc->pos < sc->n && sc->s[sc->pos] == '"') {
            sb_putc(cur, '"');
            sc->pos++;
        } else {
            after_quote(sc, cur);
            return;
        }
    }
}

/* record -> field { delim field } newline.  Returns 0 at the end of the input. */
static int next_record(Scan *sc, Fields *f)
{
    StrBuf cur = {0};
    fields_clear(f);
    if (sc->pos >= sc->n) return 0;
    for (;;) {
        size_t nl;
        while (sc->pos < sc->n && cur.len == 0 && (sc->s[sc->pos] == ' ' || sc->s[sc->pos] == '\t'))
            sc->pos++; /* leading blanks of a field */
        if (sc->pos < sc->n && sc->s[sc->pos] == '"' && cur.len == 0) {
            sc->pos++;
            quoted(sc, &cur);
        }
        while (sc->pos < sc->n && !at_delim(sc) && !at_newline(sc))
            sb_putc(&cur, sc->s[sc->pos++]);
        fields_add(f, &cur);
        if (at_delim(sc)) {
            sc->pos += sc->d.n;
            continue;
        }
        nl = at_newline(sc);
        sc->pos += nl;
        return 1;
    }
}

static int blank_record(const Fields *f)
{
    return f->n == 1 && f->lens[0] == 0;
}

/* Column names: copies of the given names, "H<n>" for empty ones (*defaulted set). */
static char **make_names(const char *const *names, const size_t *lens, size_t n, int *defaulted)
{
    char **out = xcalloc(n + 1, sizeof *out);
    int next = 1;
    for (size_t i = 0; i < n; i++) {
        size_t len = lens ? lens[i] : strlen(names[i]);
        if (len == 0) {
            char h[24];
            snprintf(h, sizeof h, "H%d", next++);
            out[i] = xstrdup(h);
            *defaulted = 1;
        } else {
            out[i] = xstrndup(names[i], len);
        }
    }
    return out;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* pwsh rejects a header naming the same column twice (case-insensitively). */
static int check_names(char **names, size_t n, CsvError *err)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++)
            if (str_icmp(names[i], names[j]) == 0) {
                if (err) {
                    err->id = "AlreadyPresentPSMemberInfoInternalCollectionAdd";
                    snprintf(err->msg, sizeof err->msg, "The member \"%s\" is already present.",
                             names[i]);
                }
                return -1;
            }
    return 0;
}

/* Skip the #TYPE line, blank lines and comments; the header fields (or none) in f. */
static int read_header(Scan *sc, Fields *f)
{
    if (sc->pos < sc->n && sc->s[sc->pos] == '#') { /* "#TYPE ..." (any '#' line) */
        while (sc->pos < sc->n && !at_newline(sc))
            sc->pos++;
        sc->pos += at_newline(sc);
    }
    while (next_record(sc, f)) {
        if (blank_record(f)) continue;
        if (f->lens[0] >= 9 && strncmp(f->v[0], "#Fields: ", 9) == 0) {
            memmove(f->v[0], f->v[0] + 9, f->lens[0] - 8);
            f->lens[0] -= 9;
            return 1;
        }
        if (f->lens[0] && f->v[0][0] == '#') continue;
        return 1;
    }
    return 0;
}

/* One PSCustomObject from a record: strings, $null past the record's end. */
static Value make_row(char **names, size_t ncols, const Fields *f)
{
    Value o = object_new_custom();
    for (size_t i = 0; i < ncols; i++) {
        Value v = i < f->n ? val_str_n(f->v[i], f->lens[i]) : val_null();
        object_set_prop(o, names[i], strlen(names[i]), v);
        val_unref(v);
    }
    return o;
}

Value csv_header_names(const char *s, size_t n, const CsvOpts *o)
{
    Scan sc = {s, n, 0, delim_of(o->delimiter)};
    Fields f = {0};
    Value names = arr_new(TY_STRING, 0);
    if (read_header(&sc, &f))
        for (size_t i = 0; i < f.n; i++)
            arr_push_take(names, val_str_n(f.v[i], f.lens[i]));
    fields_free(&f);
    return names;
}

int csv_parse(const char *s, size_t n, const CsvOpts *o, Value *out, CsvError *err)
{
    Scan sc = {s, n, 0, delim_of(o->delimiter)};
    Fields f = {0};
    char **names;
    size_t ncols;
    int defaulted = 0;
    if (err) {
        err->id = NULL;
        err->msg[0] = err->warning[0] = 0;
    }
    if (o->header) {
        names = make_names(o->header, NULL, o->nheader, &defaulted);
        ncols = o->nheader;
    } else if (read_header(&sc, &f)) {
        names = make_names((const char *const *)f.v, f.lens, f.n, &defaulted);
        ncols = f.n;
    } else {
        names = NULL;
        ncols = 0;
    }
    if (check_names(names, ncols, err)) {
        free_names(names, ncols);
        fields_free(&f);
        return -1;
    }
    if (defaulted && err)
        snprintf(err->warning, sizeof err->warning,
                 "One or more headers weren't specified. Default names starting with \"H\" have "
                 "been used in place of any missing headers.");
    Value rows = arr_new(TY_OBJECT, 0);
    while (ncols && next_record(&sc, &f))
        if (!blank_record(&f)) arr_push_take(rows, make_row(names, ncols, &f));
    free_names(names, ncols);
    fields_free(&f);
    *out = rows;
    return 0;
}
