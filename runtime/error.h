/*
** error: the one place that turns errors into text, in pwsh 7's ConciseView layout.
** Nothing here prints or exits: every function appends to a StrBuf and the caller writes it.
** Parse errors are rendered now; runtime ErrorRecords (next issue) fill an ErrorView the same
** way (reason = command name, msg, a site in a Program) and share the layout code.
*/
#ifndef PSM_RUNTIME_ERROR_H
#define PSM_RUNTIME_ERROR_H

#include <stdint.h>

#include "parser/parser.h"
#include "runtime/strbuf.h"

/* VT sequences used when colour is on ($PSStyle.Formatting.Error / ErrorAccent / Reset). */
#define ERR_COLOR_ERROR "\x1b[31;1m"
#define ERR_COLOR_ACCENT "\x1b[36;1m"
#define ERR_COLOR_RESET "\x1b[0m"

/* Where an error happened: a byte range [start, end) of a Program's source. */
typedef struct ErrorSite {
    const Program *prog; /* source text and file name (prog_file may be NULL) */
    uint32_t start, end; /* byte offsets; end == start is fine (one '~' is drawn) */
} ErrorSite;

/* One error as ConciseView shows it. */
typedef struct ErrorView {
    const char *reason; /* text before the colon: "ParserError", "Get-Item", "Exception" */
    const char *msg;    /* the message; newlines and tabs become spaces in the block form */
    const ErrorSite *site; /* NULL: the one-line form "reason: msg" */
    int color;          /* 1: VT colour sequences (only when stderr is a terminal) */
    int width;          /* wrap the message at this many columns; 0: never wrap */
} ErrorView;

/*
** Append one error record, ending with a newline.  With a site:
**     ParserError: /path/to/script.ps1:3        (or "ParserError: " when there is no file)
**     Line |
**        3 |  if ($x {
**          |         ~
**          | Missing closing ')' after expression in 'if' statement.
** Cannot fail.
*/
void error_format_view(StrBuf *out, const ErrorView *v);

/* Append a parse error of p as a "ParserError" record (error_format_view).  Cannot fail. */
void error_format_parse(StrBuf *out, const Program *p, const ParseError *e, int color);

/*
** Append what pwsh prints for a script that does not parse: one ParserError record for the
** FIRST error only (pwsh's ParseException keeps all errors, but ConciseView renders its
** InvocationInfo, which points at the first).  Nothing is appended when p has no errors.
*/
void error_format_program(StrBuf *out, const Program *p, int color);

/*
** Append pwsh's InvocationInfo.PositionMessage for a site (NormalView, "At line:1 char:5"):
**     At /path/x.ps1:3 char:8          ("At line:3 char:8" without a file)
**     + if ($x {
**     +        ~
** No trailing newline.  Tabs become 4 spaces; lines longer than 69 columns are cut around
** the error with "… " / " …".  Cannot fail.
*/
void error_format_position(StrBuf *out, const ErrorSite *site);

#endif
