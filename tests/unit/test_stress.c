/*
** test_stress: the fast versions of the parser stress cases (the slow ones are in
** tests/run-slow.sh).  Inputs are generated here at run time: 5,000 nesting levels of each
** bracket kind (a depth error, never a crash), long flat chains (no deep recursion), a 1 MB
** script (no errors, exact statement and line counts), NUL bytes and invalid UTF-8 (exact
** trees and positions).  Added 2026-11-24 for the stress issue.
*/
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#include "parser/parser.h"
#include "runtime/mem.h"
#include "runtime/strbuf.h"
#include "tests/unit/check.h"

/* The parser's id for nesting deeper than PARSE_MAX_DEPTH, and the lexer's for strings
 * nested in $( ) inside strings too deeply. */
#define DEPTH_ID  "ScriptTooDeeplyNested"
#define XDEPTH_ID "NestingTooDeep"

/* open x n, mid, close x n, as a NUL-terminated heap string. */
static char *nest(const char *open, const char *mid, const char *close, int n)
{
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < n; i++)
        sb_puts(&sb, open);
    sb_puts(&sb, mid);
    for (int i = 0; i < n; i++)
        sb_puts(&sb, close);
    return sb_take(&sb);
}

/* head x 1, then tail x n. */
static char *chain(const char *head, const char *tail, int n)
{
    return nest("", head, tail, n);
}

static Program *parse_str(const char *s)
{
    return parse_program(s, strlen(s), NULL);
}

/* Index of the first error with this id, or -1. */
static int find_error(const Program *p, const char *id)
{
    for (int i = 0; i < prog_nerrors(p); i++)
        if (strcmp(prog_error(p, i)->id, id) == 0) return i;
    return -1;
}

/* The dump must finish (no deep recursion) and say something. */
static size_t dump_len(const Program *p)
{
    StrBuf sb;
    sb_init(&sb);
    ast_dump(p, prog_root(p), &sb);
    size_t n = sb.len;
    sb_free(&sb);
    return n;
}

/* First top-level statement: scriptblock -> namedblock -> statements -> first. */
static const Node *first_stmt(const Program *p)
{
    const Node *blk = prog_root(p)->b;
    if (!blk || !blk->a) return NULL;
    return blk->a->a;
}

/* Depth of the deepest chain through a/b/c (iteratively, with an explicit stack). */
static int tree_depth(const Node *root)
{
    struct Item {
        const Node *n;
        int d;
    } *stack = NULL;
    size_t len = 0, cap = 0;
    int best = 0;
    struct Item it = {root, 1};
    ARRAY_PUSH(stack, len, cap, it);
    while (len) {
        it = stack[--len];
        if (it.d > best) best = it.d;
        if (it.n->next) ARRAY_PUSH(stack, len, cap, ((struct Item){it.n->next, it.d}));
        if (it.n->kind == AST_NUMBER) continue;
        const Node *kids[3] = {it.n->a, it.n->b, it.n->c};
        for (int k = 0; k < 3; k++)
            if (kids[k]) ARRAY_PUSH(stack, len, cap, ((struct Item){kids[k], it.d + 1}));
    }
    free(stack);
    return best;
}

/* Nodes in the tree (iteratively). */
static size_t count_nodes(const Node *root)
{
    const Node **stack = NULL;
    size_t len = 0, cap = 0, count = 0;
    ARRAY_PUSH(stack, len, cap, root);
    while (len) {
        const Node *n = stack[--len];
        count++;
        if (n->next) ARRAY_PUSH(stack, len, cap, n->next);
        if (n->kind == AST_NUMBER) continue;
        if (n->a) ARRAY_PUSH(stack, len, cap, n->a);
        if (n->b) ARRAY_PUSH(stack, len, cap, n->b);
        if (n->c) ARRAY_PUSH(stack, len, cap, n->c);
    }
    free(stack);
    return count;
}

/* Too deep: the depth error on line 1, not "incomplete"; no crash, the dump works. */
static void check_deep_id(const char *id, const char *open, const char *mid, const char *close,
                          int n)
{
    char *src = nest(open, mid, close, n);
    Program *p = parse_str(src);
    int i = find_error(p, id);
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK(prog_error(p, i)->span.line == 1);
        CHECK(prog_error(p, i)->incomplete == 0);
    }
    CHECK(!prog_incomplete(p));
    CHECK(dump_len(p) > 0);
    prog_unref(p);
    free(src);
}

static void check_too_deep(const char *open, const char *mid, const char *close, int n)
{
    check_deep_id(DEPTH_ID, open, mid, close, n);
}

/* Nesting well within the limit parses cleanly. */
static void check_fine(const char *open, const char *mid, const char *close, int n)
{
    char *src = nest(open, mid, close, n);
    Program *p = parse_str(src);
    CHECK(prog_nerrors(p) == 0);
    if (prog_nerrors(p)) fprintf(stderr, "  %s: %s\n", open, prog_error(p, 0)->msg);
    CHECK(dump_len(p) > 0);
    prog_unref(p);
    free(src);
}

static void test_nesting(void)
{
    check_too_deep("(", "1", ")", 5000);
    check_too_deep("{", "", "}", 5000);
    check_too_deep("@(", "1", ")", 5000);
    check_too_deep("$(", "1", ")", 5000);
    check_too_deep("@{a=", "1", "}", 5000);
    check_too_deep("(", "", "", 5000);
    check_too_deep("-not ", "$x", "", 5000);
    check_too_deep("[int] ", "1", "", 5000);
    check_too_deep("$a = ", "1", "", 5000);
    check_deep_id(XDEPTH_ID, "\"$(", "1", ")\"", 5000);
    check_deep_id(XDEPTH_ID, "@\"\n$(", "1", ")\n\"@", 5000);
    check_fine("(", "1", ")", 100);
    check_fine("{", "", "}", 100);
    check_fine("$(", "1", ")", 100);
    check_fine("\"$(", "1", ")\"", 100);
    check_fine("@\"\n$(", "1", ")\n\"@", 100);
}

/* Long chains: parsed by loops.  Left-associative ones make the tree as deep as the chain is
 * long, so they count against PARSE_MAX_DEPTH too: 900 terms parse, 5,000 are too deep. */
static void check_flat(const char *head, const char *tail, int n, int min_depth)
{
    char *src = chain(head, tail, n);
    Program *p = parse_str(src);
    CHECK(prog_nerrors(p) == 0);
    const Node *s = first_stmt(p);
    CHECK(s != NULL);
    if (s) CHECK(tree_depth(s) >= min_depth);
    CHECK(dump_len(p) > 0);
    prog_unref(p);
    free(src);
}

static void test_flat(void)
{
    check_flat("1", " + 1", 900, 900);
    check_flat("$a", ".b", 900, 900);
    check_flat("$a", "[0]", 900, 900);
    check_flat("a", " && a", 900, 900);
    check_too_deep("", "1", " + 1", 5000);
    check_too_deep("", "$a", ".b", 5000);
    check_too_deep("", "a", " && a", 5000);
    /* lists are flat: no limit */
    check_flat("a", " | a", 5000, 2);
    check_flat("$x = 1", ",1", 5000, 2);
    check_flat("Write-Output", " a", 5000, 2);
    check_flat("$x = 1", "; $x = 1", 5000, 1);
}

/* The tree stays within 64 nodes per source byte (the fuzzer's bound).  Regression
 * 2026-11-24 (tests/fuzz/crashes/README.md): each bare word with an unclosed "$({" re-parsed
 * the rest of the input, so 12 of them gave 34,812 nodes for 60 bytes. */
static void check_node_budget(const char *src)
{
    Program *p = parse_str(src);
    size_t nodes = count_nodes(prog_root(p)), budget = 64 * strlen(src) + 64;
    if (nodes > budget) fprintf(stderr, "  %zu nodes for %zu bytes\n", nodes, strlen(src));
    CHECK(nodes <= budget);
    CHECK(prog_nerrors(p) > 0);
    prog_unref(p);
}

static void test_budget(void)
{
    char *src = nest("a$({)", "", "", 12);
    check_node_budget(src);
    free(src);
    src = nest("\"$({)\"", "", "", 12);
    check_node_budget(src);
    free(src);
    src = nest("$({)", "", "", 12);
    check_node_budget(src);
    free(src);
}

/* A 1 MB script of realistic statements: no errors, exact counts. */
static void test_big_script(void)
{
    static const char *const unit =
        "function Get-Thing%d {\n"
        "    param([string] $Name, [int] $Count = %d)\n"
        "    $h = @{ Name = $Name; Tags = @('a', 'b') }   # a comment\n"
        "    foreach ($i in 1..$Count) { if ($i %% 2 -eq 0) { $h.Count += $i } }\n"
        "    Get-ChildItem -Path \"/data/$Name\" | Where-Object { $_.Length -gt 10 } | "
        "Sort-Object\n"
        "    $t = @\"\nReport $($h.Count) for $Name\n\"@\n"
        "}\n"
        "$r%d = Get-Thing%d -Name 'x' -Count %d\n";
    StrBuf sb;
    sb_init(&sb);
    int units = 0;
    while (sb.len < 1000000) {
        sb_printf(&sb, unit, units, units % 7, units, units, units % 5);
        units++;
    }
    Program *p = parse_program(sb.buf, sb.len, "big.ps1");
    CHECK(prog_nerrors(p) == 0);
    CHECK(ast_count(first_stmt(p)) == 2 * units);
    SrcSpan end = lex_span(prog_lexer(p), (uint32_t)sb.len, (uint32_t)sb.len);
    CHECK(end.line == (uint32_t)(10 * units + 1));
    CHECK(end.col == 1);
    prog_unref(p);

    sb_puts(&sb, "if ($x) {\n"); /* an error on the last line */
    p = parse_program(sb.buf, sb.len, "big.ps1");
    CHECK(prog_nerrors(p) == 1);
    CHECK(find_error(p, "MissingEndCurlyBrace") == 0);
    if (prog_nerrors(p)) CHECK(prog_error(p, 0)->span.line == (uint32_t)(10 * units + 1));
    CHECK(prog_incomplete(p));
    prog_unref(p);
    sb_free(&sb);
}

/* The string value of `$x = <literal>`: the assignment's right-hand side. */
static const Node *assigned(const Program *p)
{
    const Node *s = first_stmt(p);
    if (!s || s->kind != AST_ASSIGN || !s->b) return NULL;
    return s->b;
}

static void check_string_bytes(const char *src, size_t len, const char *want, size_t wlen)
{
    Program *p = parse_program(src, len, NULL);
    CHECK(prog_nerrors(p) == 0);
    const Node *v = assigned(p);
    CHECK(v != NULL && v->kind == AST_STRING);
    if (v && v->kind == AST_STRING) {
        if (v->len != wlen)
            fprintf(stderr, "  value of a %zu-byte script: %u bytes, want %zu\n", len, v->len,
                    wlen);
        CHECK(v->len == wlen);
        CHECK(v->len == wlen && memcmp(v->str, want, wlen) == 0);
    }
    prog_unref(p);
}

static void test_bytes(void)
{
    check_string_bytes("$x = 'a\0b'", 10, "a\0b", 3);
    /* Regression 2026-11-24 (tests/fuzz/crashes/README.md): '...' with '' and @'...'@ were
     * cut at the NUL (the parser took strlen() of lex_text()). */
    check_string_bytes("$x = 'it''s\0x'", 14, "it's\0x", 6);
    check_string_bytes("$x = @'\na\0b\n'@", 14, "a\0b", 3);
    check_string_bytes("$x = \"q`t\0r\"", 12, "q\t\0r", 4);
    check_string_bytes("$x = \"a\0b\"", 10, "a\0b", 3);
    check_string_bytes("$x = '\xff\xfe'", 9, "\xff\xfe", 2);
    check_string_bytes("$x = \"\xc3\x28\xed\xa0\x80\"", 12, "\xc3\x28\xed\xa0\x80", 5);

    /* Invalid UTF-8 in comments and words: no errors. */
    static const char bad[] = "# \xff\xfe\nWrite-Output \xc3\xc3 \xe2\x82 a\x80\xff"
                              "b\n";
    Program *p = parse_program(bad, sizeof bad - 1, NULL);
    CHECK(prog_nerrors(p) == 0);
    prog_unref(p);

    /* A NUL after an open parenthesis: the paren is still missing its ')'. */
    static const char nul[] = "$x = (1\0";
    p = parse_program(nul, sizeof nul - 1, NULL);
    CHECK(prog_nerrors(p) >= 1);
    CHECK(find_error(p, "MissingEndParenthesisInExpression") >= 0);
    prog_unref(p);
}

/* Columns count code points; each byte of an invalid sequence counts as one. */
static void test_columns(void)
{
    static const char src[] = "'\xc3\xa9\xe2\x9c\x93' + '\xff\xfe' +";
    Lexer *lx = lex_new(src, sizeof src - 1);
    SrcSpan s = lex_span(lx, 8, 9); /* the first '+' */
    CHECK(s.line == 1 && s.col == 6);
    s = lex_span(lx, 15, 16); /* the last '+' */
    CHECK(s.line == 1 && s.col == 13);
    lex_free(lx);
}

int main(void)
{
    test_nesting();
    test_flat();
    test_budget();
    test_big_script();
    test_bytes();
    test_columns();
    return check_done();
}
