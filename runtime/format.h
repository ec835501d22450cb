/*
** format: the formatting engine behind Out-Default, Format-Table/-List/-Wide and Out-String
** (language.md 8).  A Formatter is fed one Value at a time and hands finished text to a write
** callback.  Collections are enumerated (hashtables into DictionaryEntry items), scalars print
** out of band, and the first other object picks the view: a registered one (fmt_view.h), else
** a table (<= 4 properties) or a list.  Later objects reuse the first object's columns.
** Table widths come from buffered rows: the buffer is released by fmt_flush (the host's
** ~300 ms timer, or when buffer_limit rows are waiting) or fmt_end; after that rows stream
** with the widths fixed.  Output is plain text (no ANSI styling).
** Host use: Out-Default sets width = list_width = fmt_screen_width(1); Out-String keeps
** list_width 0 (lists never wrap) and takes -Width as width.  Cells follow the en-US culture
** (language.md 8.2): "F" doubles in tables, dates as "1/2/2026 3:04:05 PM".
*/
#ifndef PSM_RUNTIME_FORMAT_H
#define PSM_RUNTIME_FORMAT_H

#include <stddef.h>

#include "runtime/fmt_view.h"
#include "runtime/strbuf.h"
#include "runtime/value.h"

typedef struct Formatter Formatter;

/* Receives finished text: whole lines, each ending in "\n". */
typedef void (*FmtWriteFn)(void *ctx, const char *s, size_t len);

typedef struct FmtOptions {
    FmtShape shape;            /* FMT_AUTO for Out-Default */
    int width;                 /* table/wide line width; <= 0: fmt_screen_width(1) */
    int list_width;            /* list line width for wrapping values; <= 0: unlimited */
    int enum_limit;            /* $FormatEnumerationLimit (default 4); negative: unlimited */
    int autosize;              /* -AutoSize: widths from the data even where a view fixes them */
    int wrap;                  /* -Wrap: wrap long cells instead of cutting them with '…' */
    int hide_headers;          /* -HideTableHeaders */
    int wide_columns;          /* Format-Wide -Column; 0: 2, or as many as fit with autosize */
    const FmtColumn *cols;     /* -Property columns, borrowed until fmt_free; NULL: default */
    size_t ncols;              /* number of cols */
    const FmtColumn *group_by; /* -GroupBy, borrowed; NULL: none */
    const char *view;          /* -View: a registered view's name, borrowed; NULL: default */
    size_t buffer_limit;       /* table rows buffered before widths freeze; 0: no limit */
} FmtOptions;

/* Defaults: FMT_AUTO, width from the terminal (120 when not one), lists unlimited, limit 4. */
void fmt_options_init(FmtOptions *opt);

/* A formatter writing through write(ctx, ...).  opt is copied (its arrays stay borrowed). */
Formatter *fmt_new(const FmtOptions *opt, FmtWriteFn write, void *ctx);
/* Format one value (borrowed).  Text may be held back while table widths are open. */
void fmt_feed(Formatter *f, Value v);
/* Fix table widths from what is buffered and write it out; later rows stream.  Idempotent. */
void fmt_flush(Formatter *f);
/* End of the stream: flush and write the closing blank line.  Further feeds start afresh. */
void fmt_end(Formatter *f);
void fmt_free(Formatter *f); /* NULL is fine; does not call fmt_end */

/* Whole-stream helper (Out-String): format vals[0..n) and append the text to out. */
void fmt_values(const FmtOptions *opt, const Value *vals, size_t n, StrBuf *out);

/* Line width for output on fd: the terminal's columns - 1 when fd is a terminal, else 120. */
int fmt_screen_width(int fd);

#endif
