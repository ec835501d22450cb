/*
** test_error: the ConciseView and PositionMessage layouts of runtime/error.c, on sites chosen
** by the test (byte ranges in a parsed program), so it does not depend on which errors the
** parser reports.  Expected texts follow pwsh 7.5 (PositionUtilities.VerboseMessage and the
** ConciseView script of PowerShellCore_format_ps1xml.cs).  2026-11-24, host issue.
*/
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/strbuf.h"
#include "tests/unit/check.h"

/* Render a view of src[start, end) (offsets found with strstr on the marker text). */
static char *view(const char *src, const char *file, const char *at, size_t n, const char *msg,
                  int color, int width)
{
    Program *p = parse_program(src, strlen(src), file);
    const char *hit = at ? strstr(src, at) : NULL; /* NULL: the end of the source */
    uint32_t start = hit ? (uint32_t)(hit - src) : (uint32_t)strlen(src);
    ErrorSite site = {p, start, start + (uint32_t)n};
    ErrorView v = {"ParserError", msg, &site, color, width};
    StrBuf sb = {0};
    error_format_view(&sb, &v);
    prog_unref(p);
    return sb_take(&sb);
}

static char *position(const char *src, const char *file, uint32_t start, uint32_t end)
{
    Program *p = parse_program(src, strlen(src), file);
    ErrorSite site = {p, start, end};
    StrBuf sb = {0};
    error_format_position(&sb, &site);
    prog_unref(p);
    return sb_take(&sb);
}

#define CHECK_VIEW(got, want)                                                                      \
    do {                                                                                           \
        char *g = (got);                                                                           \
        CHECK_STR(g, want);                                                                        \
        free(g);                                                                                   \
    } while (0)

static void test_file_layout(void)
{
    CHECK_VIEW(view("$a = 1\n$b = 2 +* 3\n", "/t/x.ps1", "*", 1, "Bad.", 0, 0),
               "ParserError: /t/x.ps1:2\n"
               "Line |\n"
               "   2 |  $b = 2 +* 3\n"
               "     |          ~\n"
               "     | Bad.\n");
    /* No file (-Command text, interactive input): "ParserError: " and a newline. */
    CHECK_VIEW(view("x y z", NULL, "y z", 3, "Msg.", 0, 0),
               "ParserError: \n"
               "Line |\n"
               "   1 |  x y z\n"
               "     |    ~~~\n"
               "     | Msg.\n");
}

static void test_spans(void)
{
    /* An empty span (end of input) still gets one '~', after the last character. */
    CHECK_VIEW(view("if ($x) {", NULL, NULL, 0, "M.", 0, 0),
               "ParserError: \nLine |\n   1 |  if ($x) {\n     |           ~\n     | M.\n");
    /* A span running onto later lines is underlined to the end of its first line. */
    CHECK_VIEW(view("a 'bc\nd\ne'", NULL, "'bc", 8, "M.", 0, 0),
               "ParserError: \nLine |\n   1 |  a 'bc\n     |    ~~~\n     | M.\n");
    /* An error on a blank line (pwsh's own view script fails there): one '~' at column 1. */
    CHECK_VIEW(view("a\n  \n", NULL, NULL, 0, "M.", 0, 0),
               "ParserError: \nLine |\n   3 |  \n     |  ~\n     | M.\n");
    /* Trailing blanks of the line are not shown; CRLF ends a line. */
    CHECK_VIEW(view("x\r\nab cd   \r\ny", NULL, "cd", 2, "M.", 0, 0),
               "ParserError: \nLine |\n   2 |  ab cd\n     |     ~~\n     | M.\n");
}

/* Lines come from the lexer's line table: a lone CR ends a line too, and rendering several
 * sites of one program in any order (the column cache moves backwards) gives the same text. */
static void test_line_table(void)
{
    CHECK_VIEW(view("a\rb\r\nc @@\rd", NULL, "@@", 2, "M.", 0, 0),
               "ParserError: \nLine |\n   3 |  c @@\n     |    ~~\n     | M.\n");
    const char *src = "one\ntwo x\nthree y\n";
    Program *p = parse_program(src, strlen(src), NULL);
    uint32_t at[3] = {16, 8, 16}; /* y, x, y again */
    const char *want[3] = {"At line:3 char:7\n+ three y\n+       ~",
                           "At line:2 char:5\n+ two x\n+     ~",
                           "At line:3 char:7\n+ three y\n+       ~"};
    for (int i = 0; i < 3; i++) {
        ErrorSite site = {p, at[i], at[i] + 1};
        StrBuf sb = {0};
        error_format_position(&sb, &site);
        CHECK_STR(sb_str(&sb), want[i]);
        sb_free(&sb);
    }
    prog_unref(p);
}

static void test_tabs_and_unicode(void)
{
    /* Each tab becomes four spaces, before and inside the span. */
    CHECK_VIEW(view("\tif\t@@ y", NULL, "if\t@", 4, "M.", 0, 0),
               "ParserError: \nLine |\n   1 |      if    @@ y\n     |      ~~~~~~~\n     | M.\n");
    /* Columns count characters, not bytes. */
    CHECK_VIEW(view("'\xc3\xa9t\xc3\xa9' +* 1", NULL, "*", 1, "M.", 0, 0),
               "ParserError: \nLine |\n   1 |  '\xc3\xa9t\xc3\xa9' +* 1\n     |         ~\n"
               "     | M.\n");
}

static void test_line_numbers(void)
{
    char src[20000];
    size_t n = 0;
    for (int i = 1; i < 12345; i++)
        src[n++] = '\n';
    strcpy(src + n, "a @@ b");
    CHECK_VIEW(view(src, "/s.ps1", "@@", 2, "M.", 0, 0),
               "ParserError: /s.ps1:12345\n"
               " Line |\n"
               "12345 |  a @@ b\n"
               "      |    ~~\n"
               "      | M.\n");
}

static void test_long_lines(void)
{
    /* pwsh cuts lines longer than 69 columns around the error with "… " and " …". */
    char src[300];
    memset(src, 'a', 80);
    strcpy(src + 80, " @@ ");
    memset(src + 84, 'b', 30);
    src[114] = '\0';
    CHECK_VIEW(view(src, NULL, "@@", 2, "M.", 0, 0),
               "ParserError: \nLine |\n   1 |  \xe2\x80\xa6 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
               "aaaaaaaaaaaaaaa @@ bbbbbbb \xe2\x80\xa6\n     |  "
               "                                                             ~~\n     | M.\n");
    /* Error near the start: no "… " on the left. */
    memset(src, 'c', 100);
    memcpy(src, "x @@ ", 5);
    src[100] = '\0';
    char *got = view(src, NULL, "@@", 2, "M.", 0, 0);
    CHECK(strstr(got, "   1 |  x @@ cccc") != NULL);
    CHECK(strstr(got, "cccc \xe2\x80\xa6\n     |    ~~\n") != NULL);
    free(got);
}

static void test_message(void)
{
    /* Newlines and tabs in the message become spaces. */
    CHECK_VIEW(view("a", NULL, "a", 1, "one\ntwo\tthree", 0, 0),
               "ParserError: \nLine |\n   1 |  a\n     |  ~\n     | one two three\n");
    /* With a window width, the message wraps at spaces under the gutter. */
    CHECK_VIEW(view("a", NULL, "a", 1, "aaaa bbbb cccc dddd", 0, 18),
               "ParserError: \nLine |\n   1 |  a\n     |  ~\n     | aaaa bbbb\n     | cccc dddd\n");
}

static void test_color(void)
{
    CHECK_VIEW(view("x @@ y", "/f.ps1", "@@", 2, "M.", 1, 0),
               "\x1b[31;1mParserError: \x1b[0m/f.ps1:1\n"
               "\x1b[36;1mLine |\n"
               "\x1b[36;1m   1 | \x1b[0m x \x1b[36;1m@@\x1b[0m y\n"
               "\x1b[36;1m     | \x1b[31;1m   ~~\n"
               "\x1b[31;1m\x1b[36;1m     | \x1b[31;1mM.\n\x1b[0m");
}

static void test_one_line_and_position(void)
{
    StrBuf sb = {0};
    ErrorView v = {"Get-Item", "Cannot find path.", NULL, 0, 0};
    error_format_view(&sb, &v);
    CHECK_STR(sb_str(&sb), "Get-Item: Cannot find path.\n");
    sb_free(&sb);
    char *got = position("$a = 1\n$b =\t+* 3", "/p.ps1", 13, 14);
    CHECK_STR(got, "At /p.ps1:2 char:7\n+ $b =    +* 3\n+          ~");
    free(got);
    got = position("x y", NULL, 2, 3);
    CHECK_STR(got, "At line:1 char:3\n+ x y\n+   ~");
    free(got);
}

int main(void)
{
    test_file_layout();
    test_spans();
    test_line_table();
    test_tabs_and_unicode();
    test_line_numbers();
    test_long_lines();
    test_message();
    test_color();
    test_one_line_and_position();
    return check_done();
}
