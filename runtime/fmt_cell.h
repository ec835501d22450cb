/*
** fmt_cell: the text of one formatted value and the cell arithmetic the layouts share:
** table rules ("F" doubles, {a, b, c…} collections cut at $FormatEnumerationLimit), display
** width (East-Asian wide characters count 2), truncation with '…' and line wrapping.
** Everything appends to caller-owned StrBufs; nothing here allocates per call otherwise.
*/
#ifndef PSM_RUNTIME_FMT_CELL_H
#define PSM_RUNTIME_FMT_CELL_H

#include <stddef.h>

#include "runtime/fmt_view.h"
#include "runtime/strbuf.h"
#include "runtime/value.h"

typedef enum FmtCellMode {
    FMT_CELL_TABLE, /* doubles, singles and decimals as ToString("F") (PS 7.3+ tables) */
    FMT_CELL_PLAIN  /* plain ToString: G15 doubles (lists, the hashtable view) */
} FmtCellMode;

/* Append the display text of v: $null -> "", strings raw, numbers through format (a .NET
 * format string, NULL for none), arrays and dictionaries as "{a, b…}" showing at most
 * enum_limit items (negative: all), DateTimes by the en-US culture ("1/2/2026 3:04:05 PM"),
 * anything else by ToString.  Cannot fail. */
void fmtcell_append(Value v, FmtCellMode mode, int enum_limit, const char *format, StrBuf *out);
/* Append a scalar as Out-Default prints it on its own line: ToString(), except a DateTime,
 * which shows as the long date and time ("Tuesday, November 24, 2026 1:45:10 PM"), or only
 * the date or the time when v carries Get-Date's DisplayHint note. */
void fmtcell_append_display(Value v, StrBuf *out);
/* The DisplayHint note Get-Date puts on its DateTime ("Date", "Time", "DateTime"; borrowed),
 * or NULL when v is not such a wrapped DateTime. */
const char *fmtcell_display_hint(Value v);
/* 1 when a column whose first value is v defaults to right alignment (numbers, bool, char). */
int fmtcell_right_aligned(Value v);

/* Display width of UTF-8 text in terminal cells. */
size_t fmtcell_width(const char *s, size_t len);
/* Bytes of the longest prefix of s no wider than maxw cells; its width in *w. */
size_t fmtcell_prefix(const char *s, size_t len, size_t maxw, size_t *w);
/* Index of the first CR or LF in s, or len. */
size_t fmtcell_line_end(const char *s, size_t len);

/* Append s (dw cells wide) placed in a w-cell column: cut with '…' when too wide (the head
 * kept for left/center alignment, the tail for right; w < 2 just cuts), padded per align;
 * pad_right = 0 leaves out the padding after the text.  Returns the bytes appended that are
 * text rather than trailing padding (so callers can trim padding off line ends). */
size_t fmtcell_put(StrBuf *out, const char *s, size_t len, size_t dw, size_t w, FmtAlign align,
                   int pad_right);
void fmtcell_spaces(StrBuf *out, size_t n);

/* A line of wrapped text: bytes [off, off + len) of the source. */
typedef struct FmtSlice {
    size_t off, len;
} FmtSlice;
/* Split s at CR/LF, then into lines of at most w cells (w == 0: no limit), at spaces when
 * words is set (a word longer than w is split anyway), else exactly.  The slices go to
 * *lines (grown with xrealloc, caller frees); returns their number (at least 1). */
size_t fmtcell_wrap(const char *s, size_t len, size_t w, int words, FmtSlice **lines, size_t *cap);

#endif
