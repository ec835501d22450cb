/*
** parser: recursive descent from source text to a Program (AST + parse errors), one function
** per grammar rule (language.md section 2).  The parser drives the lexer's mode.  It never
** prints and never fails: errors are collected (with panic-mode recovery at the next statement
** terminator) and the tree may contain AST_ERROR nodes.  Nesting deeper than PARSE_MAX_DEPTH
** is an error, not a stack overflow.
*/
#ifndef PSM_PARSER_PARSER_H
#define PSM_PARSER_PARSER_H

#include <stddef.h>

#include "lexer/lexer.h"
#include "parser/ast.h"

#define PARSE_MAX_DEPTH 1000

typedef struct ParseError {
    SrcSpan span;        /* the offending text (the '~' marker goes under it) */
    const char *id;      /* pwsh's error id, e.g. "MissingEndCurlyBrace" */
    const char *msg;     /* pwsh's message text, e.g. "Missing closing '}' in statement block or type definition." */
    int incomplete;      /* 1 if the error only means the input ended too soon */
} ParseError;

/*
** A Program owns everything parsed from one source: a copy of the text, the lexer, the
** arena with all nodes, and the errors.  Refcounted, because script blocks made from it
** (values at run time) keep it alive.
*/
typedef struct Program Program;

/* Parse a whole script.  file is the path for messages (NULL for command-line text).
 * Never NULL; check prog_nerrors(). */
Program *parse_program(const char *src, size_t len, const char *file);
Program *prog_ref(Program *p);          /* returns p */
void prog_unref(Program *p);            /* frees at zero; NULL is fine */

Node *prog_root(const Program *p);      /* AST_SCRIPTBLOCK, never NULL */
int prog_nerrors(const Program *p);
const ParseError *prog_error(const Program *p, int i);
/* True when the input is unfinished rather than wrong: every error is "incomplete" (or the
 * text ends in a line continuation).  The interactive loop then asks for more lines. */
int prog_incomplete(const Program *p);
const char *prog_file(const Program *p); /* may be NULL */
Lexer *prog_lexer(const Program *p);    /* for lex_span() and source lines in messages */
Arena *prog_arena(const Program *p);

/* ---- Program construction, used only by parser.c (the struct lives in ast.c) ---- */
/* A Program holding a NUL-terminated copy of src, a lexer over that copy and an empty arena. */
Program *prog_new(const char *src, size_t len, const char *file);
/* Install the parse result: root, the errors (takes ownership of the xmalloc'd array), and
 * whether the text ends in a line continuation (counts as incomplete input). */
void prog_finish(Program *p, Node *root, ParseError *errs, int nerrs, int continued);
/* The NUL-terminated source copy owned by p. */
const char *prog_source(const Program *p);

/* Write the tree as S-expressions (one top-level statement per line) to out; the format is
 * described in ast_dump.c and used by the parser tests. */
struct StrBuf;
void ast_dump(const Program *p, const Node *n, struct StrBuf *out);

#endif
