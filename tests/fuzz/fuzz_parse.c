/*
** fuzz_parse: libFuzzer target for the lexer and parser.  Each input is parsed whole
** (parse_program, prog_incomplete, every error with lex_span, ast_dump into a StrBuf, a
** walk over every node), then lexed token by token from offset 0 to the end in both modes.
** Any broken invariant calls abort() so the fuzzer records the input as a crash:
**   - every token starts at or after the scan offset, ends within the source, and advances
**     (only TOK_EOF may be empty, and it ends the scan);
**   - every parse error and every node span lies within the source, ids/messages are set;
**   - node kinds are valid and every node string is NUL-terminated at its len.
** Built by `make fuzz` with clang -fsanitize=fuzzer,address,undefined (see the Makefile).
** -DFUZZ_LEX_ONLY builds a lexer-only target (no parser objects needed).
** FUZZ_IGNORE (environment) lists known, already reported failures to tolerate so a long run
** can find new ones: "inverted-span" accepts node spans with start > end (both still in bounds);
** "subexpr-blowup" skips parsing inputs with more than 6 "$(" and allows 2^n times more nodes
** for n of them (the parser re-parses the rest of the input for each unclosed "$({" in a bare
** word: tests/fuzz/crashes/README.md).
*/
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#ifndef FUZZ_LEX_ONLY
#include "parser/parser.h"
#endif
#include "runtime/arena.h"
#include "runtime/mem.h"
#include "runtime/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort (a libFuzzer crash) when an invariant does not hold, naming it. */
#define need(cond) need_at((cond), __LINE__, #cond)
static void need_at(int ok, int line, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_parse.c:%d: invariant failed: %s\n", line, what);
        abort();
    }
}

/* Positions inside a source of len bytes (a macro, so a failure names the caller's line). */
#define check_range(start, end, len)                                                               \
    do {                                                                                           \
        need((start) <= (end));                                                                    \
        need((end) <= (len));                                                                      \
    } while (0)

/* Exercise the text helpers on one token; their output must stay in bounds. */
static void check_token_text(Lexer *lx, const Token *t, Arena *a, size_t len)
{
    char *scope = NULL;
    XPart *parts = NULL;

    need(lex_text(lx, t, a) != NULL);
    if (t->kind == TOK_VARIABLE || t->kind == TOK_SPLAT)
        need(lex_var_name(lx, t, a, &scope) != NULL);
    if (t->kind == TOK_GENERIC || t->kind == TOK_IDENT)
        need((unsigned)lex_keyword(lx, t) < KW__COUNT);
    if (t->kind == TOK_XSTRING || t->kind == TOK_XHSTRING ||
        (t->kind == TOK_GENERIC && (t->flags & TF_EXPANDABLE))) {
        int n = lex_expand(lx, t, a, &parts);
        need(n >= 0);
        for (int i = 0; i < n; i++) {
            need(parts[i].kind == XP_TEXT || parts[i].kind == XP_VAR ||
                 parts[i].kind == XP_SUBEXPR);
            check_range(parts[i].start, parts[i].end, len);
            if (parts[i].kind == XP_TEXT) need(parts[i].text != NULL || parts[i].len == 0);
        }
    }
}

/* One token's invariants relative to the offset it was scanned from. */
static void check_token(Lexer *lx, const Token *t, uint32_t pos, size_t len)
{
    need((unsigned)t->kind < TOK__COUNT);
    need(t->start >= pos);
    check_range(t->start, t->end, len);
    if (t->kind == TOK_OP) need(t->op < OP__COUNT);
    if (t->kind == TOK_ERROR) need(t->err_id != NULL && t->err_msg != NULL);
    SrcSpan sp = lex_span(lx, t->start, t->end);
    need(sp.line >= 1 && sp.col >= 1);
}

/* Scan from 0 to the end in one mode: every token must advance, so at most len+1 tokens. */
static void lex_all(Lexer *lx, size_t len, LexMode mode)
{
    Arena *a = arena_new();
    uint32_t pos = 0;
    size_t ntok = 0;

    for (;;) {
        Token t = lex_scan(lx, pos, mode);
        check_token(lx, &t, pos, len);
        if (t.kind == TOK_EOF) break;
        need(t.end > pos);
        need(++ntok <= len);
        check_token_text(lx, &t, a, len);
        pos = t.end;
    }
    arena_free(a);
}

#ifndef FUZZ_LEX_ONLY
/* Every error: span in bounds, id and message set, lex_span agrees with the span. */
static void check_errors(const Program *p, size_t len)
{
    Lexer *lx = prog_lexer(p);
    int n = prog_nerrors(p);

    need(n >= 0);
    for (int i = 0; i < n; i++) {
        const ParseError *e = prog_error(p, i);
        need(e != NULL && e->id != NULL && e->msg != NULL);
        check_range(e->span.start, e->span.end, len);
        SrcSpan sp = lex_span(lx, e->span.start, e->span.end);
        need(sp.line >= 1 && sp.col >= 1);
        uint32_t ls, le;
        lex_line_bounds(lx, sp.line, &ls, &le);
        check_range(ls, le, len);
    }
    (void)prog_incomplete(p);
}

/* True when FUZZ_IGNORE names this known issue. */
static int ignoring(const char *issue)
{
    const char *env = getenv("FUZZ_IGNORE");
    return env && strstr(env, issue) != NULL;
}

/* Occurrences of "$(" in the input. */
static size_t count_subexpr(const char *src, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i + 1 < len; i++)
        n += src[i] == '$' && src[i + 1] == '(';
    return n;
}

/* Visit every node with an explicit stack (no recursion: the tree may be 1000 deep).  At most
 * 64 nodes per source byte, times slack (1 unless a known blow-up is being ignored). */
static void check_tree(const Node *root, size_t len, size_t slack)
{
    const Node **stack = NULL;
    size_t n = 0, cap = 0, visited = 0;
    int inverted_ok = ignoring("inverted-span");

    ARRAY_PUSH(stack, n, cap, root);
    while (n > 0) {
        const Node *x = stack[--n];
        need(++visited <= (64 * len + 64) * slack); /* a cycle would loop forever */
        need(x->kind < AST__COUNT);
        if (inverted_ok && x->start > x->end)
            need(x->start <= len);
        else
            check_range(x->start, x->end, len);
        if (x->str) need(x->str[x->len] == '\0');
        if (x->next) ARRAY_PUSH(stack, n, cap, x->next);
        if (x->kind == AST_NUMBER) continue; /* the union holds num, not children */
        if (x->a) ARRAY_PUSH(stack, n, cap, x->a);
        if (x->b) ARRAY_PUSH(stack, n, cap, x->b);
        if (x->c) ARRAY_PUSH(stack, n, cap, x->c);
    }
    free(stack);
}

/* Parse, check errors and tree, dump, and release through an extra reference. */
static void parse_all(const char *src, size_t size)
{
    size_t slack = 1;
    if (ignoring("subexpr-blowup")) {
        size_t nsub = count_subexpr(src, size);
        if (nsub > 6) return;
        slack = (size_t)1 << nsub;
    }
    Program *p = parse_program(src, size, NULL);
    need(p != NULL);
    Node *root = prog_root(p);
    need(root != NULL && root->kind == AST_SCRIPTBLOCK);
    check_errors(p, size);
    check_tree(root, size, slack);

    StrBuf sb;
    sb_init(&sb);
    ast_dump(p, root, &sb);
    need(strlen(sb_str(&sb)) <= sb.len);
    sb_free(&sb);

    prog_unref(prog_ref(p));
    prog_unref(p);
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    if (size > UINT32_MAX / 2) return 0;
#ifndef FUZZ_LEX_ONLY
    parse_all(src, size);
#endif

    Lexer *lx = lex_new(src, size);
    need(lex_length(lx) == size);
    lex_all(lx, size, LEX_EXPR);
    lex_all(lx, size, LEX_COMMAND);
    lex_free(lx);
    return 0;
}
