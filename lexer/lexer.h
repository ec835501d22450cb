/*
** lexer: the mode-driven PowerShell tokenizer (language.md section 1).  There is no fixed
** token stream: the parser asks for "the token at byte offset pos, scanned in mode m" and
** re-scans when it changes its mind, so the lexer keeps no position of its own.  It never
** allocates per token and never prints; bad input comes back as TOK_ERROR tokens.
*/
#ifndef PSM_LEXER_LEXER_H
#define PSM_LEXER_LEXER_H

#include <stddef.h>
#include <stdint.h>

#include "lexer/token.h"
#include "runtime/arena.h"

typedef enum LexMode {
    LEX_EXPR,     /* operands and operators: 1+2, $a.b, -eq is an operator */
    LEX_COMMAND,  /* command names and arguments: bare words, -Param, redirections */
} LexMode;

typedef struct Lexer Lexer;

/* src must stay alive and unchanged while the lexer is used; it may hold NULs and invalid
 * UTF-8 (both become errors or ordinary characters, never crashes).  Never NULL. */
Lexer *lex_new(const char *src, size_t len);
void lex_free(Lexer *lx);
const char *lex_source(const Lexer *lx);
size_t lex_length(const Lexer *lx);

/*
** Scan one token starting at byte offset pos (pos <= length).  Skips blanks, comments and
** backtick line continuations first, but not newlines (TOK_NEWLINE; CRLF is one token).
** At the end returns TOK_EOF (TF_INCOMPLETE set if the input ended in a line continuation).
** Errors come back as TOK_ERROR with err_id/err_msg; TF_INCOMPLETE on those that only mean
** "the input ended too soon" (unterminated string, here-string, braced variable).  The token
** [start, end) is what the scan skips; [err_start, err_end) is where pwsh reports the error,
** often a part of it (a bad `u{...} escape, the '}' of "${}", a false here-string footer).
*/
Token lex_scan(Lexer *lx, uint32_t pos, LexMode mode);

/* Line and column (1-based; the column counts code points) for a byte range.  Cannot fail. */
SrcSpan lex_span(Lexer *lx, uint32_t start, uint32_t end);
/* Byte offsets of the start and end (excluding the newline) of the given 1-based line. */
void lex_line_bounds(Lexer *lx, uint32_t line, uint32_t *start, uint32_t *end);

/*
** Text of a token, unescaped, as a NUL-terminated copy in the arena:
**   TOK_STRING/TOK_HSTRING  the verbatim value ('' -> ')
**   TOK_XSTRING/XHSTRING    the value with escapes applied, ignoring expansions (use lex_expand)
**   TOK_GENERIC             the word with backtick escapes and embedded quotes resolved
**   TOK_PARAM               the name without '-' and ':'     TOK_LABEL  the name without ':'
**   TOK_IDENT, TOK_NUMBER, TOK_VERBATIM, others: the source text as written
*/
char *lex_text(Lexer *lx, const Token *t, Arena *a);

/* A variable token's parts: *scope gets the qualifier as written ("global", "env", "using",
 * "script", ... or NULL), the return value the name (unescaped for ${...}).  Arena copies. */
char *lex_var_name(Lexer *lx, const Token *t, Arena *a, char **scope);

/* Keyword of a GENERIC or IDENT token whose whole text is a keyword, else KW_NONE. */
KwKind lex_keyword(const Lexer *lx, const Token *t);

/* Pieces of an expandable string (TOK_XSTRING, TOK_XHSTRING, or TOK_GENERIC with
 * TF_EXPANDABLE).  TEXT pieces are unescaped text (arena copies).  VAR pieces span a variable
 * token in the source: lex_scan(lx, p.start, LEX_EXPR) yields it.  SUBEXPR pieces span a
 * "$(...)" in the source, starting at the '$': the parser parses it as a primary expression. */
typedef enum XPartKind { XP_TEXT, XP_VAR, XP_SUBEXPR } XPartKind;
typedef struct XPart {
    XPartKind kind;
    const char *text;    /* XP_TEXT */
    size_t len;          /* XP_TEXT: bytes in text */
    uint32_t start, end; /* source span of the piece */
} XPart;
/* Returns the number of parts, *out is an arena array.  Cannot fail. */
int lex_expand(Lexer *lx, const Token *t, Arena *a, XPart **out);

#endif
