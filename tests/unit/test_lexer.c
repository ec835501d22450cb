/*
** test_lexer: unit tests for lexer/lexer.c and lexer/token.c.  Each case scans a whole input
** in one mode and compares the token stream rendered as a compact string, e.g.
** "VAR($x) OP(=) NUM(1) NL EOF".  Flags: GENX = expandable bare word, PARAM: = -Name:,
** a trailing '!' = TF_INCOMPLETE, /c and /i = case-sensitive / -insensitive operator.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#include "runtime/arena.h"
#include "runtime/strbuf.h"
#include "tests/unit/check.h"

static char out[8192];

static void add(StrBuf *sb, const char *name, const Lexer *lx, const Token *t, int show)
{
    if (sb->len) sb_putc(sb, ' ');
    sb_puts(sb, name);
    if (show) {
        sb_putc(sb, '(');
        sb_append(sb, lex_source(lx) + t->start, t->end - t->start);
        sb_putc(sb, ')');
    }
}

static void render_tok(StrBuf *sb, const Lexer *lx, const Token *t)
{
    switch (t->kind) {
    case TOK_EOF:
        add(sb, "EOF", lx, t, 0);
        break;
    case TOK_ERROR:
        if (sb->len) sb_putc(sb, ' ');
        sb_printf(sb, "ERR(%s)", t->err_id);
        break;
    case TOK_NEWLINE:
        add(sb, "NL", lx, t, 0);
        break;
    case TOK_VARIABLE:
        add(sb, t->flags & TF_BRACED ? "BVAR" : "VAR", lx, t, 1);
        break;
    case TOK_SPLAT:
        add(sb, "SPLAT", lx, t, 1);
        break;
    case TOK_NUMBER:
        add(sb, "NUM", lx, t, 1);
        break;
    case TOK_STRING:
        add(sb, "STR", lx, t, 1);
        break;
    case TOK_XSTRING:
        add(sb, "XSTR", lx, t, 1);
        break;
    case TOK_HSTRING:
        add(sb, "HSTR", lx, t, 0);
        break;
    case TOK_XHSTRING:
        add(sb, "XHSTR", lx, t, 0);
        break;
    case TOK_GENERIC:
        add(sb, t->flags & TF_EXPANDABLE ? "GENX" : "GEN", lx, t, 1);
        break;
    case TOK_IDENT:
        add(sb, "ID", lx, t, 1);
        break;
    case TOK_PARAM:
        add(sb, t->flags & TF_COLON ? "PARAM:" : "PARAM", lx, t, 1);
        break;
    case TOK_LABEL:
        add(sb, "LABEL", lx, t, 1);
        break;
    case TOK_VERBATIM:
        add(sb, "VERB", lx, t, 1);
        break;
    case TOK_OP:
        add(sb, "OP", lx, t, 1);
        if (t->flags & TF_CASE_SENS) sb_puts(sb, "/c");
        if (t->flags & TF_CASE_INS) sb_puts(sb, "/i");
        break;
    case TOK_REDIR:
        if (sb->len) sb_putc(sb, ' ');
        sb_printf(sb, "REDIR(%d%s%s)", t->redir.stream, t->redir.append ? ",app" : "",
                  t->redir.merge ? ",merge" : "");
        break;
    default:
        add(sb, tok_name[t->kind], lx, t, 0);
        break;
    }
    if (t->flags & TF_INCOMPLETE) sb_putc(sb, '!');
}

/* Scan all of src (n bytes) in one mode and render the tokens. */
static const char *lexn(const char *src, size_t n, LexMode mode)
{
    Lexer *lx = lex_new(src, n);
    StrBuf sb = {0};
    uint32_t pos = 0;
    for (int i = 0; i < 200; i++) {
        Token t = lex_scan(lx, pos, mode);
        render_tok(&sb, lx, &t);
        if (t.kind == TOK_EOF) break;
        if (t.end <= pos) {
            sb_puts(&sb, " STUCK");
            break;
        }
        pos = t.end;
    }
    snprintf(out, sizeof out, "%s", sb_str(&sb));
    sb_free(&sb);
    lex_free(lx);
    return out;
}
#define E(src) lexn(src, strlen(src), LEX_EXPR)
#define C(src) lexn(src, strlen(src), LEX_COMMAND)

/* The first token of src, scanned in mode m. */
static Token first(const char *src, LexMode m)
{
    Lexer *lx = lex_new(src, strlen(src));
    Token t = lex_scan(lx, 0, m);
    lex_free(lx);
    return t;
}

/* A number literal's type and value, e.g. "INT32 1024" or "DOUBLE 1.5". */
static const char *num(const char *src)
{
    static const char *names[] = {"INT32",  "INT64",  "DOUBLE", "DECIMAL", "INT16", "UINT16",
                                  "UINT32", "UINT64", "SBYTE",  "BYTE",    "BIGINT"};
    Token t = first(src, LEX_EXPR);
    if (t.kind != TOK_NUMBER) {
        snprintf(out, sizeof out, "not a number: %s %s", tok_name[t.kind],
                 t.err_id ? t.err_id : "");
        return out;
    }
    switch (t.num.type) {
    case NUM_DOUBLE:
    case NUM_DECIMAL:
    case NUM_BIGINT:
        snprintf(out, sizeof out, "%s %.17g", names[t.num.type], t.num.v.d);
        break;
    case NUM_UINT16:
    case NUM_UINT32:
    case NUM_UINT64:
    case NUM_BYTE:
        snprintf(out, sizeof out, "%s %llu", names[t.num.type], (unsigned long long)t.num.v.u);
        break;
    default:
        snprintf(out, sizeof out, "%s %lld", names[t.num.type], (long long)t.num.v.i);
        break;
    }
    return out;
}

/* lex_text of the first token. */
static const char *text(const char *src, LexMode m)
{
    Lexer *lx = lex_new(src, strlen(src));
    Arena *a = arena_new();
    Token t = lex_scan(lx, 0, m);
    snprintf(out, sizeof out, "%s", lex_text(lx, &t, a));
    arena_free(a);
    lex_free(lx);
    return out;
}

/* lex_expand of the first token: T<text> V<var src> S<subexpr src>, '|' separated. */
static const char *expand(const char *src, LexMode m)
{
    Lexer *lx = lex_new(src, strlen(src));
    Arena *a = arena_new();
    Token t = lex_scan(lx, 0, m);
    XPart *parts;
    int n = lex_expand(lx, &t, a, &parts);
    StrBuf sb = {0};
    for (int i = 0; i < n; i++) {
        if (i) sb_putc(&sb, '|');
        if (parts[i].kind == XP_TEXT) {
            sb_putc(&sb, 'T');
            sb_append(&sb, parts[i].text, parts[i].len);
        } else {
            sb_putc(&sb, parts[i].kind == XP_VAR ? 'V' : 'S');
            sb_append(&sb, src + parts[i].start, parts[i].end - parts[i].start);
            /* a VAR piece must re-scan to exactly itself in expression mode */
            if (parts[i].kind == XP_VAR) {
                Token v = lex_scan(lx, parts[i].start, LEX_EXPR);
                if (v.end != parts[i].end) sb_puts(&sb, "<mismatch>");
            }
        }
    }
    snprintf(out, sizeof out, "%s", sb_str(&sb));
    sb_free(&sb);
    arena_free(a);
    lex_free(lx);
    return out;
}

/* lex_var_name of the first token: "scope:name" or "name". */
static const char *varname(const char *src, LexMode m)
{
    Lexer *lx = lex_new(src, strlen(src));
    Arena *a = arena_new();
    Token t = lex_scan(lx, 0, m);
    char *scope;
    char *name = lex_var_name(lx, &t, a, &scope);
    snprintf(out, sizeof out, "%s%s%s", scope ? scope : "", scope ? "|" : "", name);
    arena_free(a);
    lex_free(lx);
    return out;
}

/* err_msg of the first token (formatted messages live as long as the lexer). */
static const char *errmsg(const char *src, LexMode m)
{
    Lexer *lx = lex_new(src, strlen(src));
    Token t = lex_scan(lx, 0, m);
    snprintf(out, sizeof out, "%s", t.kind == TOK_ERROR ? t.err_msg : "(no error)");
    lex_free(lx);
    return out;
}

/* Token extent and pwsh's error extent of the first token at p: "tok a-b err c-d". */
static const char *errspan(const char *src, uint32_t p, LexMode m)
{
    Lexer *lx = lex_new(src, strlen(src));
    Token t = lex_scan(lx, p, m);
    if (t.kind == TOK_ERROR)
        snprintf(out, sizeof out, "tok %u-%u err %u-%u", (unsigned)t.start, (unsigned)t.end,
                 (unsigned)t.err_start, (unsigned)t.err_end);
    else
        snprintf(out, sizeof out, "(no error)");
    lex_free(lx);
    return out;
}

/* pwsh reports some lexical errors on a part of the token (tokenizer.cs ReportError with an
 * offset is one character; ReportIncompleteInput runs to the end of the input). */
static void test_error_extents(void)
{
    CHECK_STR(errspan("\"`u{}\"", 0, LEX_EXPR), "tok 0-6 err 1-5");         /* `u{} */
    CHECK_STR(errspan("\"`u00\"", 0, LEX_EXPR), "tok 0-6 err 1-3");         /* `u */
    CHECK_STR(errspan("\"`u{41 \"", 0, LEX_EXPR), "tok 0-8 err 6-7");       /* the blank */
    CHECK_STR(errspan("\"`u{000041 \"", 0, LEX_EXPR), "tok 0-12 err 10-11");
    CHECK_STR(errspan("\"`u{0000041}\"", 0, LEX_EXPR), "tok 0-13 err 10-11"); /* 7th digit */
    CHECK_STR(errspan("\"`u{110000}\"", 0, LEX_EXPR), "tok 0-12 err 4-10");   /* the digits */
    CHECK_STR(errspan("x \"a`u{}\"", 2, LEX_EXPR), "tok 2-9 err 4-8");
    CHECK_STR(errspan("@\"\n`u{}\n\"@", 0, LEX_EXPR), "tok 0-10 err 3-7");
    CHECK_STR(errspan("\"`u{\"", 0, LEX_EXPR), "tok 0-5 err 4-5"); /* the closing quote */
    CHECK_STR(errspan("\"`u{", 0, LEX_EXPR), "tok 0-4 err 0-4"); /* unterminated wins */
    CHECK_STR(errspan("echo `u{1", 5, LEX_COMMAND), "tok 5-9 err 9-9"); /* kept in bounds */
    CHECK_STR(errspan("${}", 0, LEX_EXPR), "tok 0-3 err 2-3");                 /* the '}' */
    CHECK_STR(errspan("${abc", 0, LEX_EXPR), "tok 0-5 err 1-5");               /* '{' to end */
    CHECK_STR(errspan("echo a${bc", 5, LEX_COMMAND), "tok 5-10 err 7-10");
    CHECK_STR(errmsg("${abc", LEX_EXPR),
              "${{variable}} reference starting is missing the closing '}}'.");
    CHECK_STR(errspan("@' \tx\nb\n'@", 0, LEX_EXPR), "tok 0-5 err 4-5");   /* the 'x' */
    CHECK_STR(errspan("@\"\nb\n  \"@\n", 0, LEX_EXPR), "tok 0-10 err 7-10"); /* quote to end */
    CHECK_STR(errspan("@'\nb\n '@\n '@x", 0, LEX_EXPR), "tok 0-13 err 6-13"); /* the first */
    CHECK_STR(errspan("'abc", 0, LEX_EXPR), "tok 0-4 err 0-4");               /* whole token */
    /* bare words scan escapes too (tokenizer.cs ScanGenericToken calls Backtick) */
    CHECK_STR(C("echo a`u{41}b"), "GEN(echo) GENX(a`u{41}b) EOF");
    CHECK_STR(C("echo a`u{}b c"), "GEN(echo) ERR(InvalidUnicodeEscapeSequence) GEN(c) EOF");
    CHECK_STR(C("echo a`u{4x c"), "GEN(echo) ERR(InvalidUnicodeEscapeSequence) GEN(c) EOF");
    CHECK_STR(C("echo `u c"), "GEN(echo) ERR(InvalidUnicodeEscapeSequence) GEN(c) EOF");
    CHECK_STR(errspan("echo a`u{}b", 5, LEX_COMMAND), "tok 5-11 err 6-10");
    CHECK_STR(errspan("echo a`u{110000}", 5, LEX_COMMAND), "tok 5-16 err 9-15");
}

static void test_basics(void)
{
    CHECK_STR(E(""), "EOF");
    CHECK_STR(E("   \t "), "EOF");
    CHECK_STR(E("$x = 1"), "VAR($x) OP(=) NUM(1) EOF");
    CHECK_STR(E("$x=1;$y\n"), "VAR($x) OP(=) NUM(1) ; VAR($y) NL EOF");
    CHECK_STR(E("a\r\nb\rc"), "ID(a) NL ID(b) NL ID(c) EOF");
    CHECK_STR(E("( ) { } [ ] @( @{ $( ,"), "( ) { } [ ] @( @{ $( , EOF");
    CHECK_STR(E("$a.b::c?.d?[0]"), "VAR($a) . ID(b) :: ID(c) ?. ID(d) ?[ NUM(0) ] EOF");
    CHECK_STR(E("$a ? 1 : 2"), "VAR($a) ? NUM(1) : NUM(2) EOF");
    CHECK_STR(E("a && b || c | d & e"), "ID(a) && ID(b) || ID(c) | ID(d) & ID(e) EOF");
    CHECK_STR(E("!$a"), "OP(!) VAR($a) EOF");
    CHECK_STR(E("foreach_1 _x"), "ID(foreach_1) ID(_x) EOF");
}

static void test_operators(void)
{
    CHECK_STR(E("1+2-3*4/5%6"),
              "NUM(1) OP(+) NUM(2) OP(-) NUM(3) OP(*) NUM(4) OP(/) NUM(5) OP(%) NUM(6) EOF");
    CHECK_STR(E("$a += 1; $a -= 1; $a *= 2; $a /= 2; $a %= 2"),
              "VAR($a) OP(+=) NUM(1) ; VAR($a) OP(-=) NUM(1) ; VAR($a) OP(*=) NUM(2) ; "
              "VAR($a) OP(/=) NUM(2) ; VAR($a) OP(%=) NUM(2) EOF");
    CHECK_STR(E("$a ?\?= $b ?? $c"), "VAR($a) OP(?\?=) VAR($b) OP(?\?) VAR($c) EOF");
    CHECK_STR(E("$i++ + ++$i - --$j"),
              "VAR($i) OP(++) OP(+) OP(++) VAR($i) OP(-) OP(--) VAR($j) EOF");
    CHECK_STR(E("1..10"), "NUM(1) OP(..) NUM(10) EOF");
    CHECK_STR(E("$a -eq 1 -ceq 2 -ieq 3"),
              "VAR($a) OP(-eq) NUM(1) OP(-ceq)/c NUM(2) OP(-ieq)/i NUM(3) EOF");
    CHECK_STR(E("-not $a -and -bnot 1"), "OP(-not) VAR($a) OP(-and) OP(-bnot) NUM(1) EOF");
    CHECK_STR(E("$a -is $b -isnot $c -in $d -notin $e -cnotin $f"),
              "VAR($a) OP(-is) VAR($b) OP(-isnot) VAR($c) OP(-in) VAR($d) OP(-notin) VAR($e) "
              "OP(-cnotin)/c VAR($f) EOF");
    CHECK_STR(
        E("-split $a -isplit 'x' -CSPLIT 'y' -join ','"),
        "OP(-split) VAR($a) OP(-isplit)/i STR('x') OP(-CSPLIT)/c STR('y') OP(-join) STR(',') EOF");
    CHECK_STR(E("$a -creplace 'a','b' -f 1 -shl 2 -bxor 3"),
              "VAR($a) OP(-creplace)/c STR('a') , STR('b') OP(-f) NUM(1) OP(-shl) NUM(2) OP(-bxor) "
              "NUM(3) EOF");
    /* -cjoin and -iis do not exist: join and is have no case variants */
    CHECK_STR(E("$a -cjoin 1"), "VAR($a) ERR(UnexpectedToken) NUM(1) EOF");
    CHECK_STR(E("1 -foo 2"), "NUM(1) ERR(UnexpectedToken) NUM(2) EOF");
    CHECK_STR(errmsg("-foo", LEX_EXPR), "Unexpected token '-foo' in expression or statement.");
    /* en-dash and em-dash count as '-' */
    CHECK_STR(E("1 \xE2\x80\x93"
                "eq 1 \xE2\x80\x94 2"),
              "NUM(1) OP(\xE2\x80\x93"
              "eq) NUM(1) OP(\xE2\x80\x94) NUM(2) EOF");
    Token t = first("-ilike", LEX_EXPR);
    CHECK(t.kind == TOK_OP && t.op == OP_LIKE && t.flags == TF_CASE_INS);
    t = first("-notcontains", LEX_EXPR);
    CHECK(t.kind == TOK_OP && t.op == OP_NOTCONTAINS && t.flags == 0);
    t = first("?\?=", LEX_EXPR);
    CHECK(t.kind == TOK_OP && t.op == OP_COALESCE_ASSIGN);
}

static void test_tables(void)
{
    CHECK_STR(tok_name[TOK_PIPE], "|");
    CHECK_STR(tok_name[TOK_EOF], "end of input");
    CHECK_STR(op_info[OP_EQ].text, "-eq");
    CHECK(op_info[OP_EQ].flags == (OPF_DASH | OPF_CASE) && op_info[OP_EQ].prec == PREC_CMP);
    CHECK_STR(op_info[OP_COALESCE_ASSIGN].text, "?\?=");
    CHECK(op_info[OP_MUL].prec == PREC_MUL && op_info[OP_NOT].prec == 0);
    CHECK(kw_text[KW_NONE] == NULL);
    CHECK_STR(kw_text[KW_IF], "if");
    CHECK_STR(kw_text[KW_WHILE], "while");
    CHECK_STR(kw_text[KW_BEGIN], "begin");
}

static void test_variables(void)
{
    CHECK_STR(E("$_ $$ $^ $? $1 $a? $a?.b"),
              "VAR($_) VAR($$) VAR($^) VAR($?) VAR($1) VAR($a?) VAR($a?) . ID(b) EOF");
    CHECK_STR(E("$global:x $env:PATH $using:v $c:foo"),
              "VAR($global:x) VAR($env:PATH) VAR($using:v) VAR($c:foo) EOF");
    CHECK_STR(E("$a::b"), "VAR($a) :: ID(b) EOF");
    CHECK_STR(E("${a b}.c"), "BVAR(${a b}) . ID(c) EOF");
    CHECK_STR(E("${a`}b}"), "BVAR(${a`}b}) EOF");
    CHECK_STR(E("${env:ProgramFiles(x86)}"), "BVAR(${env:ProgramFiles(x86)}) EOF");
    CHECK_STR(E("${abc"), "ERR(IncompleteDollarVariableReference)! EOF");
    CHECK_STR(E("${}"), "ERR(EmptyVariableReference) EOF");
    CHECK_STR(E("$HOME: "), "ERR(InvalidVariableReferenceWithDrive) EOF");
    CHECK_STR(E("$\xC3\xA9t\xC3\xA9=1"), "VAR($\xC3\xA9t\xC3\xA9) OP(=) NUM(1) EOF");
    CHECK_STR(varname("$x", LEX_EXPR), "x");
    CHECK_STR(varname("$script:a", LEX_EXPR), "script|a");
    CHECK_STR(varname("$local:a", LEX_EXPR), "local|a");
    CHECK_STR(varname("$private:a", LEX_EXPR), "private|a");
    CHECK_STR(varname("$function:f", LEX_EXPR), "function|f");
    CHECK_STR(varname("$variable:v", LEX_EXPR), "variable|v");
    CHECK_STR(varname("${c:\\tmp\\x.txt}", LEX_EXPR), "c|\\tmp\\x.txt");
    CHECK_STR(varname("$_", LEX_EXPR), "_");
    CHECK_STR(varname("$global:x", LEX_EXPR), "global|x");
    CHECK_STR(varname("$env:PATH", LEX_EXPR), "env|PATH");
    CHECK_STR(varname("${a`}b}", LEX_EXPR), "a}b");
    CHECK_STR(varname("${env:Program Files}", LEX_EXPR), "env|Program Files");
    CHECK_STR(varname("$$", LEX_EXPR), "$");
    CHECK_STR(varname("$?", LEX_EXPR), "?");
    CHECK_STR(varname("$^", LEX_EXPR), "^");
    CHECK_STR(varname("@using:p", LEX_COMMAND), "using|p");
    /* $using: may carry a scope, unbraced too: one variable, named like the braced form */
    CHECK_STR(E("$using:global:x $USING:script:y $using:x::z"),
              "VAR($using:global:x) VAR($USING:script:y) VAR($using:x) :: ID(z) EOF");
    CHECK_STR(C("f $using:script:x"), "GEN(f) VAR($using:script:x) EOF");
    CHECK_STR(varname("$using:global:x", LEX_EXPR), "using|global:x");
    CHECK_STR(varname("${using:global:x}", LEX_EXPR), "using|global:x");
    CHECK_STR(varname("$using:script:x", LEX_COMMAND), "using|script:x");
    CHECK_STR(varname("@args", LEX_COMMAND), "args");
    /* splatting: only as a command argument */
    CHECK_STR(C("f @args @using:x"), "GEN(f) SPLAT(@args) SPLAT(@using:x) EOF");
    CHECK_STR(E("@args"), "ERR(SplattingNotPermitted) EOF");
    CHECK_STR(errmsg("@a", LEX_EXPR),
              "The splatting operator '@' cannot be used to reference variables in an expression. "
              "'@a' can be used only as an argument to a command. To reference variables in an "
              "expression use '$a'.");
    CHECK_STR(E("@ x"), "ERR(UnrecognizedToken) ID(x) EOF");
}

static void test_numbers(void)
{
    CHECK_STR(num("123"), "INT32 123");
    CHECK_STR(num("2147483647"), "INT32 2147483647");
    CHECK_STR(num("2147483648"), "INT64 2147483648");
    CHECK_STR(num("9223372036854775808"), "DECIMAL 9.2233720368547758e+18");
    CHECK_STR(num("100000000000000000000000000000"), "DOUBLE 9.9999999999999991e+28");
    CHECK_STR(num("1.5"), "DOUBLE 1.5");
    CHECK_STR(num(".5"), "DOUBLE 0.5");
    CHECK_STR(num("1."), "DOUBLE 1");
    CHECK_STR(num("1e3"), "DOUBLE 1000");
    CHECK_STR(num("1.5E-2"), "DOUBLE 0.014999999999999999");
    CHECK_STR(num("0x1F"), "INT32 31");
    CHECK_STR(num("0x1e2D"), "INT32 7725");
    CHECK_STR(num("0b1011"), "INT32 11");
    CHECK_STR(num("0B101"), "INT32 5");
    CHECK_STR(num("0X1f"), "INT32 31");
    CHECK_STR(num("0xffL"), "INT64 255");
    CHECK_STR(num("1e400"), "not a number: error BadNumericConstant");
    CHECK_STR(num("0xFFFFFFFF"), "INT32 -1");
    CHECK_STR(num("0x80000000"), "INT32 -2147483648");
    CHECK_STR(num("0xFFFF"), "INT32 65535");
    CHECK_STR(num("0x100000000"), "INT64 4294967296");
    CHECK_STR(num("0xFFFFFFFFFFFFFFFF"), "INT64 -1");
    CHECK_STR(num("0b11111111"), "INT32 -1");
    CHECK_STR(num("0b1111111111111111"), "INT32 -1");
    CHECK_STR(num("0b011111111"), "INT32 255");
    CHECK_STR(num("0b1111111111111111111111111111111111111111"), "INT64 -1");
    CHECK_STR(num("0b1000000000000000000000000000000000000000"), "INT64 -549755813888");
    CHECK_STR(num("0x7FFFFFFFFFFFFFFF"), "INT64 9223372036854775807");
    CHECK_STR(E("0x1FFFFFFFFFFFFFFFF"), "ERR(BadNumericConstant) EOF");
    CHECK_STR(num("0x1FFFFFFFFFFFFFFFFn"), "BIGINT 3.6893488147419103e+19");
    CHECK_STR(num("0xFFFFFFFFkb"), "INT32 -1024");
    CHECK_STR(num("0xFFFFs"), "INT16 -1");
    CHECK_STR(num("0xFFy"), "SBYTE -1");
    CHECK_STR(num("0x7Fy"), "SBYTE 127");
    CHECK_STR(num("0xFFFFFFFFFFFFFFFFl"), "INT64 -1");
    CHECK_STR(num("0xFFFFFFFFu"), "UINT32 4294967295");
    CHECK_STR(num("10l"), "INT64 10");
    CHECK_STR(num("10L"), "INT64 10");
    CHECK_STR(num("10u"), "UINT32 10");
    CHECK_STR(num("5000000000u"), "UINT64 5000000000");
    CHECK_STR(num("10ul"), "UINT64 10");
    CHECK_STR(num("10us"), "UINT16 10");
    CHECK_STR(num("10uy"), "BYTE 10");
    CHECK_STR(num("10s"), "INT16 10");
    CHECK_STR(num("10y"), "SBYTE 10");
    CHECK_STR(num("10d"), "DECIMAL 10");
    CHECK_STR(num("1.30dmb"), "DECIMAL 1363148.8");
    CHECK_STR(num("10n"), "BIGINT 10");
    CHECK_STR(num("1kb"), "INT32 1024");
    CHECK_STR(num("1KB"), "INT32 1024");
    CHECK_STR(num("2mb"), "INT32 2097152");
    CHECK_STR(num("1gb"), "INT32 1073741824");
    CHECK_STR(num("1tb"), "INT64 1099511627776");
    CHECK_STR(num("1pb"), "INT64 1125899906842624");
    CHECK_STR(num("100Lgb"), "INT64 107374182400");
    CHECK_STR(num("0x10Gb"), "INT64 17179869184");
    CHECK_STR(num("1.4e23tb"), "DOUBLE 1.5393162788864001e+35");
    CHECK_STR(num("2.5l"), "INT64 2");
    CHECK_STR(num("3.5l"), "INT64 4");
    CHECK_STR(num("3.72y"), "SBYTE 4");
    CHECK_STR(num("1.5.GetType"), "DOUBLE 1.5");
    /* malformed with a valid shape: an error; invalid shape: a bare word */
    CHECK_STR(E("1usgb"), "ERR(BadNumericConstant) EOF");
    CHECK_STR(errmsg("1usgb", LEX_EXPR), "The numeric constant 1usgb is not valid.");
    CHECK_STR(E("0xFFFFy"), "ERR(BadNumericConstant) EOF");
    CHECK_STR(E("128y"), "ERR(BadNumericConstant) EOF");
    CHECK_STR(E("99999999999999999999l"), "ERR(BadNumericConstant) EOF");
    CHECK_STR(C("1gbus"), "GEN(1gbus) EOF");
    CHECK_STR(C("77z"), "GEN(77z) EOF");
    CHECK_STR(C("1_6 80x"), "GEN(1_6) GEN(80x) EOF");
    CHECK_STR(E("77z"), "GEN(77z) EOF");
    /* where numbers end */
    CHECK_STR(E("1+2"), "NUM(1) OP(+) NUM(2) EOF");
    CHECK_STR(C("1+2"), "GEN(1+2) EOF");
    CHECK_STR(C("7 1,2"), "NUM(7) NUM(1) , NUM(2) EOF");
    CHECK_STR(C("1..3"), "GEN(1..3) EOF");
    CHECK_STR(E("$a[1]"), "VAR($a) [ NUM(1) ] EOF");
    CHECK_STR(E("(1)"), "( NUM(1) ) EOF");
    CHECK_STR(E("2uL.GetType()"), "NUM(2uL) . ID(GetType) ( ) EOF");
    CHECK_STR(E("-12"), "OP(-) NUM(12) EOF");
    CHECK_STR(C("-5"), "GEN(-5) EOF");
}

static void test_strings(void)
{
    CHECK_STR(E("'a''b' 'c'"), "STR('a''b') STR('c') EOF");
    CHECK_STR(text("'a''b`n'", LEX_EXPR), "a'b`n");
    CHECK_STR(E("\"a\"\"b\" \"`\"x\""), "XSTR(\"a\"\"b\") XSTR(\"`\"x\") EOF");
    CHECK_STR(text("\"a\"\"b\"", LEX_EXPR), "a\"b");
    CHECK_STR(text("\"`0`a`b`e`f`n`r`t`v`$`q``\"", LEX_EXPR), "\0");
    {
        Lexer *lx = lex_new("\"`a`b`e`f`n`r`t`v`$`q``\"", 24);
        Arena *a = arena_new();
        Token t = lex_scan(lx, 0, LEX_EXPR);
        CHECK(strcmp(lex_text(lx, &t, a), "\a\b\033\f\n\r\t\v$q`") == 0);
        arena_free(a);
        lex_free(lx);
    }
    CHECK_STR(text("\"`u{41}`u{e9}`u{1F600}\"", LEX_EXPR), "A\xC3\xA9\xF0\x9F\x98\x80");
    CHECK_STR(E("\"`u00\""), "ERR(InvalidUnicodeEscapeSequence) EOF"); /* pwsh: needs '{' */
    CHECK_STR(E("\"`u{}\""), "ERR(InvalidUnicodeEscapeSequence) EOF");
    CHECK_STR(E("\"`u{1234567}\""), "ERR(TooManyDigitsInUnicodeEscapeSequence) EOF");
    CHECK_STR(E("\"`u{110000}\""), "ERR(InvalidUnicodeEscapeSequenceValue) EOF");
    /* a non-hex character before six digits is "not valid"; after six, "missing '}'" */
    CHECK_STR(E("\"`u{41\""), "ERR(InvalidUnicodeEscapeSequence) EOF");
    CHECK_STR(E("\"`u{000041\""), "ERR(MissingUnicodeEscapeSequenceTerminator) EOF");
    /* unterminated */
    CHECK_STR(E("'abc"), "ERR(TerminatorExpectedAtEndOfString)! EOF");
    CHECK_STR(errmsg("'abc", LEX_EXPR), "The string is missing the terminator: '.");
    CHECK_STR(E("\"abc"), "ERR(TerminatorExpectedAtEndOfString)! EOF");
    CHECK_STR(errmsg("\"abc", LEX_EXPR), "The string is missing the terminator: \".");
    CHECK_STR(E("\"$(1\""), "ERR(TerminatorExpectedAtEndOfString)! EOF");
    /* $( ) inside strings: parentheses counted, nested strings/comments/escapes skipped */
    CHECK_STR(E("\"a$(\"b)\" + ')')c\" 1"), "XSTR(\"a$(\"b)\" + ')')c\") NUM(1) EOF");
    CHECK_STR(E("\"$( (1) # )\n)\" 2"), "XSTR(\"$( (1) # )\n)\") NUM(2) EOF");
    CHECK_STR(E("\"$( <# ) #> `) )\" 3"), "XSTR(\"$( <# ) #> `) )\") NUM(3) EOF");
    CHECK_STR(E("\"$(\"$(\"$(1)\")\")\" 4"), "XSTR(\"$(\"$(\"$(1)\")\")\") NUM(4) EOF");
    CHECK_STR(E("\"${a\"b}\""), "XSTR(\"${a\"b}\") EOF");
    /* typographic quotes are quotes */
    CHECK_STR(E("\xE2\x80\x98q\xE2\x80\x99 \xE2\x80\x9C"
                "d\xE2\x80\x9D"),
              "STR(\xE2\x80\x98q\xE2\x80\x99) XSTR(\xE2\x80\x9C"
              "d\xE2\x80\x9D) EOF");
    CHECK_STR(text("\xE2\x80\x98it\xE2\x80\x99\xE2\x80\x99s\xE2\x80\x99", LEX_EXPR),
              "it\xE2\x80\x99s");
    CHECK_STR(text("\xE2\x80\x9C"
                   "d\xE2\x80\x9D",
                   LEX_EXPR),
              "d");
}

static void test_here_strings(void)
{
    CHECK_STR(E("@'\na\n'@ 1"), "HSTR NUM(1) EOF");
    CHECK_STR(text("@'\n$a `n\nb\n'@", LEX_EXPR), "$a `n\nb");
    CHECK_STR(text("@'  \r\nx\r\n'@", LEX_EXPR), "x");
    CHECK_STR(text("@\"\n\"@", LEX_EXPR), "");
    CHECK_STR(text("@'\n\n'@", LEX_EXPR), "");
    CHECK_STR(text("@\"\n\"a\" `t ''\n\"@", LEX_EXPR), "\"a\" \t ''");
    CHECK_STR(E("@\"\n \"@\n\"@\n"), "XHSTR NL EOF");
    CHECK_STR(E("@\"x\n\"@"), "ERR(UnexpectedCharactersAfterHereStringHeader) NL "
                              "ERR(TerminatorExpectedAtEndOfString)! EOF");
    CHECK_STR(E("@\"\"@"), "ERR(UnexpectedCharactersAfterHereStringHeader) EOF");
    CHECK_STR(E("@\"\nabc\n"), "ERR(TerminatorExpectedAtEndOfString)! EOF");
    CHECK_STR(errmsg("@\"\nabc\n", LEX_EXPR), "The string is missing the terminator: \"@.");
    CHECK_STR(errmsg("@'\nabc", LEX_EXPR), "The string is missing the terminator: '@.");
    CHECK_STR(E("@'"), "ERR(TerminatorExpectedAtEndOfString)! EOF");
    CHECK_STR(E("@'\nabc\n  '@\n"), "ERR(WhitespaceBeforeHereStringFooter)! EOF");
    CHECK_STR(expand("@\"\n$a \"$b\" $(1)\n\"@", LEX_EXPR), "V$a|T \"|V$b|T\" |S$(1)");
    /* a here-string inside $( ) inside a string */
    CHECK_STR(E("\"$(@\"\n)\n\"@)\" 5"), "XSTR(\"$(@\"\n)\n\"@)\") NUM(5) EOF");
}

static void test_expand(void)
{
    CHECK_STR(expand("\"a $b c\"", LEX_EXPR), "Ta |V$b|T c");
    CHECK_STR(expand("\"$a.b $a[0]\"", LEX_EXPR), "V$a|T.b |V$a|T[0]");
    CHECK_STR(expand("\"costs $5.00\"", LEX_EXPR), "Tcosts |V$5|T.00");
    CHECK_STR(expand("\"$env:PATH;${x y}$global:z\"", LEX_EXPR),
              "V$env:PATH|T;|V${x y}|V$global:z");
    CHECK_STR(expand("\"`$a $ $( 1 + (2) ) x\"", LEX_EXPR), "T$a $ |S$( 1 + (2) )|T x");
    CHECK_STR(expand("\"a`tb\"\"c\"", LEX_EXPR), "Ta\tb\"c");
    CHECK_STR(expand("\"$a::b\"", LEX_EXPR), "V$a|T::b");
    CHECK_STR(expand("\"$a?\"", LEX_EXPR), "V$a?");
    CHECK_STR(expand("\"\"", LEX_EXPR), "");
    CHECK_STR(expand("\"$$ $? $^ $_\"", LEX_EXPR), "V$$|T |V$?|T |V$^|T |V$_");
    CHECK_STR(expand("a$(2)", LEX_COMMAND), "Ta|S$(2)");
    CHECK_STR(expand("a\"$b c\"'$d'", LEX_COMMAND), "Ta|V$b|T c$d");
    CHECK_STR(expand("$HOME\\foo", LEX_COMMAND), "V$HOME|T\\foo");
    CHECK_STR(expand("a`$b`n", LEX_COMMAND), "Ta$b\n");
    /* XP_TEXT spans */
    {
        const char *src = "\"ab$x\"";
        Lexer *lx = lex_new(src, strlen(src));
        Arena *a = arena_new();
        Token t = lex_scan(lx, 0, LEX_EXPR);
        XPart *p;
        CHECK(lex_expand(lx, &t, a, &p) == 2);
        CHECK(p[0].kind == XP_TEXT && p[0].start == 1 && p[0].end == 3 && p[0].len == 2);
        CHECK(p[1].kind == XP_VAR && p[1].start == 3 && p[1].end == 5);
        arena_free(a);
        lex_free(lx);
    }
}

static void test_command_mode(void)
{
    CHECK_STR(C("Get-ChildItem -Path . -Recurse:$false"),
              "GEN(Get-ChildItem) PARAM(-Path) . PARAM:(-Recurse:) VAR($false) EOF");
    CHECK_STR(C("echo a-b.c=d x#y #z"), "GEN(echo) GEN(a-b.c=d) GEN(x#y) EOF");
    CHECK_STR(C("echo a,b;c|d&e"), "GEN(echo) GEN(a) , GEN(b) ; GEN(c) | GEN(d) & GEN(e) EOF");
    CHECK_STR(C("echo a$a $a+2 $HOME\\foo $HOME.Length-more $a[0]"),
              "GEN(echo) GENX(a$a) GENX($a+2) GENX($HOME\\foo) VAR($HOME) GEN(.Length-more) "
              "VAR($a) GEN([0]) EOF");
    CHECK_STR(C("echo $- $"), "GEN(echo) GENX($-) GENX($) EOF");
    CHECK_STR(C("echo a'$a b' a\"x y\" `$x a` b"),
              "GEN(echo) GENX(a'$a b') GENX(a\"x y\") GENX(`$x) GENX(a` b) EOF");
    CHECK_STR(C("echo a$(1 + 2)b c"), "GEN(echo) GENX(a$(1 + 2)b) GEN(c) EOF");
    CHECK_STR(C("echo $(1)x"), "GEN(echo) $( NUM(1) ) GEN(x) EOF");
    CHECK_STR(C("echo a$(1"), "GEN(echo) ERR(MissingEndParenthesisInSubexpression)! EOF");
    CHECK_STR(C("echo a\"$(1"), "GEN(echo) ERR(TerminatorExpectedAtEndOfString)! EOF");
    CHECK_STR(C("echo a${b"), "GEN(echo) ERR(IncompleteDollarVariableReference)! EOF");
    CHECK_STR(C("echo 'a'b"), "GEN(echo) STR('a') GEN(b) EOF");
    CHECK_STR(C("echo a'b"), "GEN(echo) ERR(TerminatorExpectedAtEndOfString)! EOF");
    CHECK_STR(text("a'b c'\"d`te\"`n", LEX_COMMAND), "ab cd\te\n");
    CHECK_STR(text("plain", LEX_COMMAND), "plain");
    CHECK_STR(C("echo a`u{41}b}"), "GEN(echo) GENX(a`u{41}b) } EOF");
    CHECK_STR(text("a`u{41}b", LEX_COMMAND), "aAb");
    CHECK_STR(text("0x1F", LEX_EXPR), "0x1F");
    CHECK_STR(text("Foo_1", LEX_EXPR), "Foo_1");
    CHECK_STR(text("--% a b", LEX_COMMAND), "--% a b");
    CHECK_STR(text("$a", LEX_COMMAND), "$a");
    /* parameters */
    CHECK_STR(C("-a -Name: -_x -?"), "PARAM(-a) PARAM:(-Name:) PARAM(-_x) PARAM(-?) EOF");
    CHECK_STR(C("-a:b -x.y -p(1)"),
              "PARAM:(-a:) GEN(b) PARAM(-x) GEN(.y) PARAM(-p) ( NUM(1) ) EOF");
    CHECK_STR(C("-a'b' - -1"), "GENX(-a'b') GEN(-) GEN(-1) EOF");
    CHECK_STR(C("\xE2\x80\x93Path x"), "PARAM(\xE2\x80\x93Path) GEN(x) EOF");
    CHECK_STR(text("-Name:", LEX_COMMAND), "Name");
    CHECK_STR(text("\xE2\x80\x94Name", LEX_COMMAND), "Name");
    CHECK_STR(C("echo -- -x"), "GEN(echo) -- PARAM(-x) EOF");
    CHECK_STR(C("echo --x"), "GEN(echo) GEN(--x) EOF");
    CHECK_STR(C("cmd --% a \"b|c\" %X% | more\nnext"),
              "GEN(cmd) VERB(--% a \"b|c\" %X% ) | GEN(more) NL GEN(next) EOF");
    CHECK_STR(C("cmd --% a && b"), "GEN(cmd) VERB(--% a ) && GEN(b) EOF");
    /* labels, dot-source, call */
    CHECK_STR(C(":outer while"), "LABEL(:outer) GEN(while) EOF");
    CHECK_STR(text(":outer", LEX_COMMAND), "outer");
    CHECK_STR(C(". .\\x.ps1; & $f"), ". GEN(.\\x.ps1) ; & VAR($f) EOF");
    CHECK_STR(C("% { $_ } ? x"), "GEN(%) { VAR($_) } GEN(?) GEN(x) EOF");
    CHECK_STR(C("echo *.txt [int] = +x"), "GEN(echo) GEN(*.txt) GEN([int]) GEN(=) GEN(+x) EOF");
    CHECK_STR(C("if(1){}"), "GEN(if) ( NUM(1) ) { } EOF");
    CHECK_STR(C(". { 1 } && b || c"), ". { NUM(1) } && GEN(b) || GEN(c) EOF");
    CHECK_STR(C("a@(1) b@"), "GEN(a@) ( NUM(1) ) GEN(b@) EOF");
    CHECK_STR(C("cd ..; cd ~/x"), "GEN(cd) GEN(..) ; GEN(cd) GEN(~/x) EOF");
    CHECK_STR(C("CMD /CECHO :$AB"), "GEN(CMD) GEN(/CECHO) GENX(:$AB) EOF");
    CHECK_STR(E("`2"), "GENX(`2) EOF");
}

static void test_redirections(void)
{
    CHECK_STR(C("a > f >> g 2> h 3>> i *> j *>> k"),
              "GEN(a) REDIR(1) GEN(f) REDIR(1,app) GEN(g) REDIR(2) GEN(h) REDIR(3,app) GEN(i) "
              "REDIR(0) GEN(j) REDIR(0,app) GEN(k) EOF");
    CHECK_STR(C("a 2>&1 *>&1 6>&1"), "GEN(a) REDIR(2,merge) REDIR(0,merge) REDIR(6,merge) EOF");
    CHECK_STR(C("a 1>&2"), "GEN(a) ERR(RedirectionNotSupported) EOF");
    CHECK_STR(errmsg("2>&3", LEX_COMMAND), "The '2>&3' operator is reserved for future use.");
    CHECK_STR(C("a < b"), "GEN(a) ERR(RedirectionNotSupported) GEN(b) EOF");
    CHECK_STR(errmsg("<", LEX_COMMAND), "The '<' operator is reserved for future use.");
    CHECK_STR(E("'x' > f"), "STR('x') REDIR(1) ID(f) EOF");
    CHECK_STR(E("2>1"), "REDIR(2) NUM(1) EOF");
    CHECK_STR(C("a 7>x"), "GEN(a) GEN(7>x) EOF");
}

static void test_comments_continuation(void)
{
    CHECK_STR(E("1 # c\n2"), "NUM(1) NL NUM(2) EOF");
    CHECK_STR(E("1 <# a\n# b #> + 2"), "NUM(1) OP(+) NUM(2) EOF");
    CHECK_STR(E("$a<#x#>.b"), "VAR($a) . ID(b) EOF");
    CHECK_STR(E("1 <# open"), "NUM(1) ERR(MissingTerminatorMultiLineComment)! EOF");
    CHECK_STR(errmsg("<# x", LEX_EXPR),
              "The terminator '#>' is missing from the multiline comment.");
    CHECK_STR(E("1 `\n+ 2"), "NUM(1) OP(+) NUM(2) EOF");
    CHECK_STR(E("1 `\r\n+ 2"), "NUM(1) OP(+) NUM(2) EOF");
    CHECK_STR(C("a `\n b"), "GEN(a) GEN(b) EOF");
    CHECK_STR(C("a` \nb"), "GENX(a` ) NL GEN(b) EOF");
    CHECK_STR(C("a`\nb"), "GEN(a) GEN(b) EOF");
    CHECK_STR(E("1 `"), "NUM(1) EOF!");
    CHECK_STR(C("abc`"), "GEN(abc) EOF!");
    CHECK_STR(E("1\xC2\xA0+\xC2\x85"
                "2"),
              "NUM(1) OP(+) NUM(2) EOF");
    CHECK_STR(C("a\xC2\xA0"
                "b"),
              "GEN(a) GEN(b) EOF");
    CHECK_STR(C("\xEF\xBB\xBF"
                "echo\xE2\x80\x83x\xE2\x80\xAFy"),
              "GEN(echo) GEN(x) GEN(y) EOF");
    CHECK_STR(E("$a\xC2\xA0-eq\xC2\xA0"
                "1"),
              "VAR($a) OP(-eq) NUM(1) EOF");
}

static void test_keywords(void)
{
    const char *src = "IF if-x foreach Function $if 'if' elseif";
    Lexer *lx = lex_new(src, strlen(src));
    uint32_t pos = 0;
    StrBuf sb = {0};
    for (;;) {
        Token t = lex_scan(lx, pos, LEX_COMMAND);
        if (t.kind == TOK_EOF) break;
        KwKind k = lex_keyword(lx, &t);
        sb_printf(&sb, "%s ", k ? kw_text[k] : "-");
        pos = t.end;
    }
    CHECK_STR(sb_str(&sb), "if - foreach function - - elseif ");
    sb_free(&sb);
    Token t = lex_scan(lx, 0, LEX_EXPR);
    CHECK(t.kind == TOK_IDENT && lex_keyword(lx, &t) == KW_IF);
    lex_free(lx);
}

static void test_spans(void)
{
    const char *src = "a\nbc d\r\n\xC3\xA9x y\rz";
    Lexer *lx = lex_new(src, strlen(src));
    SrcSpan sp = lex_span(lx, 0, 1);
    CHECK(sp.line == 1 && sp.col == 1 && sp.start == 0 && sp.end == 1);
    sp = lex_span(lx, 5, 6); /* d */
    CHECK(sp.line == 2 && sp.col == 4);
    sp = lex_span(lx, 12, 13); /* y: after a 2-byte character */
    CHECK(sp.line == 3 && sp.col == 4);
    sp = lex_span(lx, 10, 11); /* x, going backwards on the same line */
    CHECK(sp.line == 3 && sp.col == 2);
    sp = lex_span(lx, 14, 15); /* z after a lone CR */
    CHECK(sp.line == 4 && sp.col == 1);
    sp = lex_span(lx, 2, 3);
    CHECK(sp.line == 2 && sp.col == 1);
    sp = lex_span(lx, 15, 15); /* end of input */
    CHECK(sp.line == 4 && sp.col == 2);
    sp = lex_span(lx, 7, 7); /* the LF of a CRLF belongs to line 2 */
    CHECK(sp.line == 2 && sp.col == 6);
    uint32_t s, e;
    lex_line_bounds(lx, 2, &s, &e);
    CHECK(s == 2 && e == 6);
    lex_line_bounds(lx, 3, &s, &e);
    CHECK(s == 8 && e == 13);
    lex_line_bounds(lx, 4, &s, &e);
    CHECK(s == 14 && e == 15);
    lex_line_bounds(lx, 9, &s, &e);
    CHECK(s == 15 && e == 15);
    lex_line_bounds(lx, 0, &s, &e);
    CHECK(s == 15 && e == 15);
    lex_free(lx);
    lx = lex_new("a\rb\rc\r", 6); /* old Mac line ends */
    sp = lex_span(lx, 4, 5);
    CHECK(sp.line == 3 && sp.col == 1);
    sp = lex_span(lx, 6, 6);
    CHECK(sp.line == 4 && sp.col == 1);
    lex_line_bounds(lx, 2, &s, &e);
    CHECK(s == 2 && e == 3);
    lex_line_bounds(lx, 4, &s, &e); /* the empty line after the last CR */
    CHECK(s == 6 && e == 6);
    lex_free(lx);
    lx = lex_new("\r\n\n\r\nab\n", 8); /* empty lines of each kind, read from the table */
    lex_line_bounds(lx, 1, &s, &e);
    CHECK(s == 0 && e == 0);
    lex_line_bounds(lx, 2, &s, &e);
    CHECK(s == 2 && e == 2);
    lex_line_bounds(lx, 3, &s, &e);
    CHECK(s == 3 && e == 3);
    lex_line_bounds(lx, 4, &s, &e);
    CHECK(s == 5 && e == 7);
    lex_line_bounds(lx, 5, &s, &e);
    CHECK(s == 8 && e == 8);
    lex_free(lx);
}

static void test_robustness(void)
{
    /* NUL bytes: an error token of one byte in code, an ordinary character in strings */
    CHECK_STR(lexn("1\0002", 3, LEX_EXPR), "NUM(1) ERR(UnrecognizedToken) NUM(2) EOF");
    CHECK_STR(lexn("a\0b", 3, LEX_COMMAND), "GEN(a) ERR(UnrecognizedToken) GEN(b) EOF");
    {
        Lexer *lx = lex_new("'a\0b'", 5);
        Token t = lex_scan(lx, 0, LEX_EXPR);
        CHECK(t.kind == TOK_STRING && t.end == 5);
        lex_free(lx);
    }
    /* invalid UTF-8 is word characters; truncated sequences never read past the end */
    CHECK_STR(C("a\xFF\xFE b"), "GEN(a\xFF\xFE) GEN(b) EOF");
    CHECK_STR(E("$\x80\x80 \xC3"), "VAR($\x80\x80) ID(\xC3) EOF");
    CHECK_STR(lexn("\"\xE2\x80", 3, LEX_EXPR), "ERR(TerminatorExpectedAtEndOfString)! EOF");
    CHECK_STR(lexn("\xE2\x80", 2, LEX_COMMAND), "GEN(\xE2\x80) EOF");
    CHECK_STR(lexn("\xE2", 1, LEX_EXPR), "ID(\xE2) EOF");
    /* deep nesting of $( " inside a string is an error, not a crash */
    {
        size_t n = 0, depth = 3000;
        char *src = malloc(depth * 3 + 4);
        for (size_t i = 0; i < depth; i++) {
            src[n++] = '"';
            src[n++] = '$';
            src[n++] = '(';
        }
        Lexer *lx = lex_new(src, n);
        Token t = lex_scan(lx, 0, LEX_EXPR);
        CHECK(t.kind == TOK_ERROR && strcmp(t.err_id, "NestingTooDeep") == 0);
        lex_free(lx);
        free(src);
    }
    /* every position of a messy input scans without getting stuck, in both modes */
    {
        const char *src = "$a`\"'@\"\n\"@ <# #> -x: 0x 1e 1.e ${ `u{ \xE2\x80\x9C $( @' ?? --% ";
        uint32_t len = (uint32_t)strlen(src);
        Lexer *lx = lex_new(src, len);
        int ok = 1;
        for (uint32_t p = 0; p <= len; p++) {
            for (int m = 0; m < 2; m++) {
                Token t = lex_scan(lx, p, (LexMode)m);
                if (t.end > len || (t.kind != TOK_EOF && t.end <= p) || t.start < p) ok = 0;
            }
        }
        CHECK(ok);
        lex_free(lx);
    }
    /* a long input: scanning stays linear (a quadratic lexer would time out here) */
    {
        size_t n = 4 << 20;
        char *src = malloc(n);
        for (size_t i = 0; i < n; i++)
            src[i] = "$x = \"a$(1)\" + 0x1F # c\n"[i % 25];
        Lexer *lx = lex_new(src, n);
        uint32_t pos = 0;
        long count = 0;
        for (;;) {
            Token t = lex_scan(lx, pos, LEX_EXPR);
            if (t.kind == TOK_EOF) break;
            pos = t.end;
            count++;
        }
        CHECK(count > 500000);
        SrcSpan sp = lex_span(lx, (uint32_t)(n - 1), (uint32_t)n);
        CHECK(sp.line == (n - 1) / 25 + 1);
        lex_free(lx);
        free(src);
    }
}

int main(void)
{
    test_basics();
    test_operators();
    test_tables();
    test_variables();
    test_numbers();
    test_strings();
    test_here_strings();
    test_expand();
    test_command_mode();
    test_redirections();
    test_comments_continuation();
    test_keywords();
    test_spans();
    test_robustness();
    test_error_extents();
    return check_done();
}
