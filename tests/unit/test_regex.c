/*
** test_regex: the .NET regex bridge (runtime/regex.c) and wildcards (runtime/wildcard.c).
** Expected values come from PowerShell 7.5 / .NET behaviour and the about_Split,
** about_Wildcards, about_Comparison_Operators and about_Regular_Expressions examples.
** 2026-11-24, engine issue (regex task).
*/
#include "runtime/regex.h"
#include "runtime/wildcard.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "tests/unit/check.h"

static RegexCache *cache;
static char buf[4096]; /* the last helper result */

static const char *keep(StrBuf *sb)
{
    snprintf(buf, sizeof buf, "%s", sb_str(sb));
    sb_free(sb);
    return buf;
}

static const char *keep_err(char *err)
{
    snprintf(buf, sizeof buf, "ERR:%s", err);
    free(err);
    return buf;
}

/* The compile error for pat, or "OK". */
static const char *err_of(const char *pat, unsigned opts)
{
    char *err = NULL;
    Regex *re = rx_cache_get(cache, pat, strlen(pat), opts, &err);
    if (re) {
        rx_unref(re);
        return "OK";
    }
    snprintf(buf, sizeof buf, "%s", err);
    free(err);
    return buf;
}

/* Groups of the first match as "0=ab 1=b x=a" (unset groups: "1=-"), or "nomatch". */
static const char *groups(const char *s, const char *pat, unsigned opts)
{
    char *err = NULL;
    Regex *re = rx_cache_get(cache, pat, strlen(pat), opts, &err);
    RxMatch m = {0};
    StrBuf sb = {0};
    size_t k;
    int rc;
    if (!re) return keep_err(err);
    rc = rx_match(re, s, strlen(s), 0, &m, &err);
    if (rc < 0) {
        rx_unref(re);
        return keep_err(err);
    }
    if (rc == 0) sb_puts(&sb, "nomatch");
    for (k = 0; rc == 1 && k < m.ngroups; k++) {
        const char *name = rx_group_name(re, k);
        if (k) sb_putc(&sb, ' ');
        if (name)
            sb_puts(&sb, name);
        else
            sb_printf(&sb, "%d", rx_group_number(re, k));
        if (m.group[k].start == RX_NOPOS)
            sb_puts(&sb, "=-");
        else
            sb_printf(&sb, "=%.*s", (int)(m.group[k].end - m.group[k].start), s + m.group[k].start);
    }
    rx_match_free(&m);
    rx_unref(re);
    return keep(&sb);
}

static int ismatch(const char *s, const char *pat, unsigned opts)
{
    return strcmp(groups(s, pat, opts), "nomatch") != 0 && strncmp(buf, "ERR:", 4) != 0;
}

static const char *replace_n(const char *s, const char *pat, const char *rep, unsigned opts,
                             long count)
{
    char *err = NULL;
    Regex *re = rx_cache_get(cache, pat, strlen(pat), opts, &err);
    StrBuf sb = {0};
    if (!re) return keep_err(err);
    if (rx_replace(re, s, strlen(s), rep, strlen(rep), count, &sb, &err)) {
        rx_unref(re);
        sb_free(&sb);
        return keep_err(err);
    }
    rx_unref(re);
    return keep(&sb);
}

static const char *replace(const char *s, const char *pat, const char *rep)
{
    return replace_n(s, pat, rep, RX_IGNORECASE, -1);
}

static const char *join_spans(const char *s, RxSpanList *l)
{
    StrBuf sb = {0};
    size_t k;
    for (k = 0; k < l->len; k++) {
        if (k) sb_putc(&sb, '|');
        sb_append(&sb, s + l->item[k].start, l->item[k].end - l->item[k].start);
    }
    rx_spans_free(l);
    return keep(&sb);
}

/* PowerShell binary -split; pieces joined with '|'. */
static const char *split_x(const char *s, const char *delim, long max, unsigned opts)
{
    RxSpanList l = {0};
    char *err = NULL;
    if (rx_ps_split(cache, s, strlen(s), delim, strlen(delim), max, opts, &l, &err)) {
        rx_spans_free(&l);
        return keep_err(err);
    }
    return join_spans(s, &l);
}

static const char *split(const char *s, const char *delim)
{
    return split_x(s, delim, 0, RX_IGNORECASE);
}

static const char *usplit(const char *s)
{
    RxSpanList l = {0};
    rx_ps_split_ws(cache, s, strlen(s), &l);
    return join_spans(s, &l);
}

static const char *escape(const char *s)
{
    StrBuf sb = {0};
    rx_escape(s, strlen(s), &sb);
    return keep(&sb);
}

static const char *unescape(const char *s)
{
    StrBuf sb = {0};
    char *err = NULL;
    if (rx_unescape(s, strlen(s), &sb, &err)) {
        sb_free(&sb);
        return keep_err(err);
    }
    return keep(&sb);
}

static int like(const char *s, const char *pat)
{
    char *err = NULL;
    int r = wildcard_match(pat, strlen(pat), s, strlen(s), 1, &err);
    free(err);
    return r;
}

static int clike(const char *s, const char *pat)
{
    char *err = NULL;
    int r = wildcard_match(pat, strlen(pat), s, strlen(s), 0, &err);
    free(err);
    return r;
}

static const char *wc_regex(const char *pat)
{
    StrBuf sb = {0};
    char *err = NULL;
    if (wildcard_to_regex(pat, strlen(pat), &sb, &err)) {
        sb_free(&sb);
        return keep_err(err);
    }
    return keep(&sb);
}

/* ------------------------------------------------------------------------------- groups */

static void test_groups(void)
{
    /* .NET numbers unnamed groups first, then named ones. */
    CHECK_STR(groups("ab", "(?<x>a)(b)", 0), "0=ab 1=b x=a");
    CHECK_STR(groups("abc", "(a)(?<n>b)(c)", 0), "0=abc 1=a 2=c n=b");
    CHECK_STR(groups("abc", "(?<n>a)(?<m>b)(c)", 0), "0=abc 1=c n=a m=b");
    CHECK_STR(groups("ab", "(?'q'a)(b)", 0), "0=ab 1=b q=a");
    CHECK_STR(groups("ab", "((a)(b))", 0), "0=ab 1=ab 2=a 3=b");
    /* explicit numbers; named groups skip numbers already taken */
    CHECK_STR(groups("ab", "(?<3>a)(b)", 0), "0=ab 1=b 3=a");
    CHECK_STR(groups("abc", "(?<2>a)(?<x>b)(c)", 0), "0=abc 1=c 2=a x=b");
    /* duplicate names are one group */
    CHECK_STR(groups("b", "(?<x>a)|(?<x>b)", 0), "0=b x=b");
    CHECK_STR(groups("a", "(?<x>a)|(?<x>b)", 0), "0=a x=a");
    /* groups that did not take part */
    CHECK_STR(groups("b", "(a)|(b)", 0), "0=b 1=- 2=b");
    CHECK_STR(groups("x", "(a)?x", 0), "0=x 1=-");
    /* explicit capture: option, inline (?n), and scoped (?n:) */
    CHECK_STR(groups("ab", "(a)(?<n>b)", RX_EXPLICITCAPTURE), "0=ab n=b");
    CHECK_STR(groups("ab", "(?n)(a)(?<n>b)", 0), "0=ab n=b");
    CHECK_STR(groups("ab", "(?n:(a))(b)", 0), "0=ab 1=b");
    CHECK_STR(groups("ab", "(?:a)(b)", 0), "0=ab 1=b");
    CHECK_STR(groups("abc", "b", 0), "0=b");
    CHECK_STR(groups("abc", "x", 0), "nomatch");
}

static void test_group_api(void)
{
    char *err = NULL;
    const char *pat = "(?<year>\\d{4})-(\\d\\d)";
    Regex *re = rx_compile(pat, strlen(pat), 0, &err);
    CHECK(re != NULL);
    if (!re) return;
    CHECK(rx_group_count(re) == 3);
    CHECK(rx_group_number(re, 2) == 2);
    CHECK_STR(rx_group_name(re, 2), "year");
    CHECK(rx_group_name(re, 1) == NULL);
    CHECK(rx_group_slot(re, "year", 4) == 2);
    CHECK(rx_group_slot(re, "1", 1) == 1);
    CHECK(rx_group_slot(re, "0", 1) == 0);
    CHECK(rx_group_slot(re, "9", 1) == -1);
    CHECK(rx_group_slot(re, "Year", 4) == -1); /* names are case-sensitive */
    CHECK_STR(rx_pattern(re), pat);
    rx_unref(re);
}

static void test_backrefs(void)
{
    CHECK(ismatch("abb", "(?<x>a)(b)\\1", 0));
    CHECK(!ismatch("aba", "^(?<x>a)(b)\\1$", 0));
    CHECK(ismatch("aba", "^(?<x>a)(b)\\2$", 0)); /* \2 is x in .NET */
    CHECK(ismatch("aba", "^(?<x>a)(b)\\k<x>$", 0));
    CHECK(ismatch("aba", "^(?<x>a)(b)\\k'x'$", 0));
    CHECK(ismatch("abab", "^(a)(b)\\k<1>\\k<2>$", 0));
    CHECK(ismatch("aA", "^(a)\\1$", RX_IGNORECASE));
    CHECK(!ismatch("aA", "^(a)\\1$", 0));
    CHECK_STR(groups("A", "\\101", 0), "0=A"); /* no group 101: octal */
}

/* ------------------------------------------------------------------ case and semantics */

static void test_case(void)
{
    CHECK(!ismatch("ABC", "b", 0));
    CHECK(ismatch("ABC", "b", RX_IGNORECASE));
    CHECK(ismatch("ABC", "(?i)b", 0));
    CHECK(!ismatch("ABC", "(?i:x)B(?-i)c", RX_IGNORECASE));
    CHECK(!ismatch("aBC", "(?-i)b", RX_IGNORECASE));
    CHECK(ismatch("\xc3\x84PFEL", "\xc3\xa4pfel", RX_IGNORECASE)); /* ÄPFEL / äpfel */
    CHECK(!ismatch("\xc3\x84PFEL", "\xc3\xa4pfel", 0));
    CHECK(ismatch("\xd0\x9c\xd0\x98\xd0\xa0", "\xd0\xbc\xd0\xb8\xd1\x80", RX_IGNORECASE)); /* МИР */
}

static void test_anchors(void)
{
    CHECK(ismatch("abc\n", "c$", 0)); /* $ before a final newline */
    CHECK(!ismatch("abc\nd", "c$", 0));
    CHECK(ismatch("abc\nd", "c$", RX_MULTILINE));
    CHECK(ismatch("ab\n", "b\\Z", 0));
    CHECK(!ismatch("ab\n", "b\\z", 0));
    CHECK(ismatch("ab", "\\Aab\\z", 0));
    CHECK(!ismatch("a\nb", "a.b", 0));
    CHECK(ismatch("a\nb", "a.b", RX_SINGLELINE));
    CHECK(ismatch("a\nb", "(?s)a.b", 0));
    CHECK(!ismatch("x\ny", "^y", 0));
    CHECK(ismatch("x\ny", "(?m)^y", 0));
    /* multiline ^ also matches after a final newline, as in .NET */
    CHECK_STR(replace_n("a\n", "^", "-", RX_MULTILINE, -1), "-a\n-");
    CHECK(ismatch("a b", "\\bb\\b", 0));
    CHECK(!ismatch("ab", "\\bb", 0));
}

static void test_syntax(void)
{
    CHECK_STR(groups("x a-b.c d", "[\\w-.]+", 0), "0=x");
    CHECK_STR(groups("a-b.c d", "[\\w-.]+", 0), "0=a-b.c");
    CHECK_STR(groups("foo@a-b.org", "@[\\w-.]+", 0), "0=@a-b.org");
    CHECK_STR(groups("xA", "\\u0041", 0), "0=A");
    CHECK_STR(groups("xA", "\\x41", 0), "0=A");
    CHECK_STR(groups("x\xf0\xaf\xa2\x94", "\\uD87E\\uDC94", 0),
              "0=\xf0\xaf\xa2\x94"); /* a surrogate pair */
    CHECK_STR(groups("caf\xc3\xa9", "\\u00e9", 0), "0=\xc3\xa9");
    CHECK_STR(groups("bcdaf", "[a-z-[aeiou]]+", 0), "0=bcd");
    CHECK_STR(groups("x0123", "[0-9-[02]]+", 0), "0=1");
    CHECK_STR(groups("abcDEF", "\\p{Lu}+", 0), "0=DEF");
    CHECK_STR(groups("abcDEF", "\\P{Ll}+", 0), "0=DEF");
    CHECK_STR(groups("abc \xce\xb1\xce\xb2\xce\xb3", "\\p{IsGreek}+", 0),
              "0=\xce\xb1\xce\xb2\xce\xb3");
    CHECK_STR(groups("x\xd9\xa1\xd9\xa2", "\\d+", 0),
              "0=\xd9\xa1\xd9\xa2"); /* Arabic-Indic digits */
    CHECK_STR(groups("abc", "(?x) a b # a comment (\n c", 0), "0=abc");
    CHECK_STR(groups("abc", "a b c", RX_IGNOREPATTERNWS), "0=abc");
    CHECK_STR(groups("a b", "a\\ b", RX_IGNOREPATTERNWS), "0=a b");
    CHECK_STR(groups("a b", "a[ ]b", RX_IGNOREPATTERNWS), "0=a b");
    CHECK_STR(groups("ab", "a(?#(comment)b", 0), "0=ab");
    CHECK(!ismatch("a\nb", "\\v", 0)); /* .NET \v is U+000B only */
    CHECK(ismatch("a\x0b"
                  "b",
                  "\\v", 0));
    CHECK(ismatch("a\nb", "\\cJ", 0));
    CHECK(ismatch("a\tb", "[\\t]", 0));
    CHECK(ismatch("a\bb", "[\\b]", 0));
    CHECK_STR(groups("a]b", "[]a]+", 0), "0=a]");
    CHECK_STR(groups("a[b", "[[]", 0), "0=[");
    CHECK_STR(groups("xaaay", "a{2}", 0), "0=aa");
    CHECK_STR(groups("xa{y", "a{", 0), "0=a{");
    CHECK_STR(groups("x{1}", "x{1", 0), "0=x{1");
    CHECK_STR(groups("x{1,}", "\\{1,}", 0), "0={1,}");
    CHECK_STR(groups("aaa", "a+?", 0), "0=a");
    CHECK_STR(groups("ab", "(?<=a)b", 0), "0=b");
    CHECK_STR(groups("aab", "(?>a+)b", 0), "0=aab");
    /* conditionals: on a group, and on an expression */
    CHECK_STR(groups("ab", "^(?<x>a)?(?(x)b|c)$", 0), "0=ab x=a");
    CHECK_STR(groups("c", "^(?<x>a)?(?(x)b|c)$", 0), "0=c x=-");
    CHECK_STR(groups("123", "^(?(\\d)\\d+|[a-z]+)$", 0), "0=123");
    CHECK_STR(groups("abc", "^(?(\\d)\\d+|[a-z]+)$", 0), "0=abc");
    CHECK_STR(groups("ab", "^(?(?=a)ab|cd)$", 0), "0=ab");
    /* .NET may quantify an anchor; PCRE2 needs it wrapped */
    CHECK_STR(groups("aaa", "^*a", 0), "0=a");
    CHECK_STR(groups("a b", "\\b+b", 0), "0=b");
    CHECK_STR(groups("a|b", "a\\|b", 0), "0=a|b");
}

/* The examples of about_Regular_Expressions (PowerShell 7.5 docs). */
static void test_docs_regex(void)
{
    unsigned ic = RX_IGNORECASE;
    CHECK(ismatch("book", "oo", ic));
    CHECK(ismatch("big", "b[iou]g", ic));
    CHECK(ismatch("42", "[0-9][0-9]", ic));
    CHECK(ismatch("Server-01", "Server-\\d\\d", ic));
    CHECK_STR(groups("Book", "\\w", ic), "0=B");
    CHECK(ismatch("a1\\ ", "....", ic));
    CHECK(ismatch(" - ", "\\s- ", ic));
    CHECK_STR(groups("ACCOUNT NAME:    Administrator", "ACCOUNT NAME:\\s*\\w*", ic),
              "0=ACCOUNT NAME:    Administrator");
    CHECK(ismatch("DC-01", "[A-Z]+-\\d\\d", ic));
    CHECK(ismatch("SERVER01", "[A-Z]+-?\\d\\d", ic));
    CHECK(ismatch("111-222-3333", "\\d{3}-\\d{3}-\\d{4}", ic));
    CHECK(!ismatch("fishing", "^fish$", ic));
    CHECK_STR(groups("3.141", "3\\.\\d{2,}", ic), "0=3.141");
    CHECK_STR(groups("The last logged on user was CONTOSO\\jsmith", "(.+was )(.+)", ic),
              "0=The last logged on user was CONTOSO\\jsmith 1=The last logged on user was  "
              "2=CONTOSO\\jsmith");
    CHECK_STR(groups("The last logged on user was CONTOSO\\jsmith",
                     "was (?<domain>.+)\\\\(?<user>.+)", ic),
              "0=was CONTOSO\\jsmith domain=CONTOSO user=jsmith");
    CHECK_STR(groups("Good Dog", "Dog", ic), "0=Dog");
    CHECK_STR(replace("John D. Smith", "(\\w+) (\\w+)\\. (\\w+)", "$1.$2.$3@contoso.com"),
              "John.D.Smith@contoso.com");
    CHECK_STR(replace("CONTOSO\\Administrator", "\\w+\\\\(?<user>\\w+)", "FABRIKAM\\${user}"),
              "FABRIKAM\\Administrator");
    CHECK_STR(replace("Gobble", "Gobble", "$& $&"), "Gobble Gobble");
    CHECK_STR(replace("Hello World", "(\\w+) \\w+", "$1 Universe"), "Hello Universe");
    CHECK_STR(replace("5.72", "(.+)", "$$$1"), "$5.72");
}

/* The -match / -replace examples of about_Comparison_Operators (PowerShell 7.5 docs). */
static void test_docs_operators(void)
{
    unsigned ic = RX_IGNORECASE;
    CHECK(ismatch("PowerShell", "shell", ic));
    CHECK(ismatch("PowerShell", "^Power\\w+", ic));
    CHECK(!ismatch("bag", "b[iou]g", ic));
    CHECK(!ismatch("Super PowerShell", "^Power\\w+", ic));
    CHECK(!ismatch("Power's hell", "^Power\\w+", ic));
    CHECK(ismatch("Rhell", "hell", ic) && ismatch("Chell", "hell", ic) &&
          !ismatch("Smell", "hell", ic));
    CHECK(ismatch("Big", "b[iou]g", ic) && !ismatch("Beg", "b[iou]g", ic));
    CHECK_STR(groups("<version>1.0.0</version>", "<version>(.*?)</version>", ic),
              "0=<version>1.0.0</version> 1=1.0.0");
    CHECK_STR(replace("notes.txt", "\\.txt$", ".log"), "notes.log");
    CHECK_STR(replace("book", "B", "C"), "Cook");
    CHECK_STR(replace_n("book", "B", "C", 0, -1), "book");
    CHECK_STR(replace("Contoso.local\\John.Doe",
                      "^(?<DomainName>[\\w-.]+)\\\\(?<Username>[\\w-.]+)$",
                      "${Username}@${DomainName}"),
              "John.Doe@Contoso.local");
    CHECK_STR(replace("5.72", "(.+)", "$ $1"), "$ 5.72");
    CHECK_STR(replace("5.72", "(.+)", "$$1"), "$1");
    CHECK_STR(replace("1.2", ",", ""), "1.2");
    CHECK_STR(replace("B1", "B", "a"), "a1");
}

/* ------------------------------------------------------------------------- bad patterns */

static void test_errors(void)
{
    CHECK_STR(err_of("(", 0), "Invalid pattern '(' at offset 1. Not enough )'s.");
    CHECK_STR(err_of("(a(b)", 0), "Invalid pattern '(a(b)' at offset 5. Not enough )'s.");
    CHECK_STR(err_of(")", 0), "Invalid pattern ')' at offset 1. Too many )'s.");
    CHECK_STR(err_of("[a", 0), "Invalid pattern '[a' at offset 2. Unterminated [] set.");
    CHECK_STR(err_of("*", 0), "Invalid pattern '*' at offset 1. Quantifier '*' following nothing.");
    CHECK_STR(err_of("a|?", 0),
              "Invalid pattern 'a|?' at offset 3. Quantifier '?' following nothing.");
    CHECK_STR(err_of("a**", 0), "Invalid pattern 'a**' at offset 3. Nested quantifier '*'.");
    CHECK_STR(err_of("a++", 0), "Invalid pattern 'a++' at offset 3. Nested quantifier '+'.");
    CHECK_STR(err_of("\\", 0), "Invalid pattern '\\' at offset 1. Illegal \\ at end of pattern.");
    CHECK_STR(err_of("\\q", 0),
              "Invalid pattern '\\q' at offset 2. Unrecognized escape sequence \\q.");
    CHECK_STR(err_of("\\K", 0),
              "Invalid pattern '\\K' at offset 2. Unrecognized escape sequence \\K.");
    CHECK_STR(err_of("[z-a]", 0),
              "Invalid pattern '[z-a]' at offset 4. [x-y] range in reverse order.");
    CHECK_STR(err_of("a{3,2}", 0),
              "Invalid pattern 'a{3,2}' at offset 6. Illegal {x,y} with x > y.");
    CHECK_STR(err_of("(a)\\2", 0),
              "Invalid pattern '(a)\\2' at offset 5. Reference to undefined group number 2.");
    CHECK_STR(err_of("\\k<nope>", 0),
              "Invalid pattern '\\k<nope>' at offset 8. Reference to undefined group name 'nope'.");
    CHECK_STR(err_of("\\k", 0),
              "Invalid pattern '\\k' at offset 2. Malformed \\k<...> named back reference.");
    CHECK_STR(err_of("\\x4", 0),
              "Invalid pattern '\\x4' at offset 2. Insufficient or invalid hexadecimal digits.");
    CHECK_STR(err_of("\\xG0", 0),
              "Invalid pattern '\\xG0' at offset 3. Insufficient or invalid hexadecimal digits.");
    CHECK_STR(err_of("\\u123", 0),
              "Invalid pattern '\\u123' at offset 2. Insufficient or invalid hexadecimal digits.");
    CHECK_STR(err_of("\\x{41}", 0),
              "Invalid pattern '\\x{41}' at offset 3. Insufficient or invalid hexadecimal digits.");
    CHECK_STR(err_of("\\u12g4", 0),
              "Invalid pattern '\\u12g4' at offset 5. Insufficient or invalid hexadecimal digits.");
    /* offsets from .NET's own parser tests (RegexParserTests) */
    CHECK_STR(err_of("(?)", 0),
              "Invalid pattern '(?)' at offset 2. Quantifier '?' following nothing.");
    CHECK_STR(err_of("(a)b)", 0), "Invalid pattern '(a)b)' at offset 5. Too many )'s.");
    CHECK_STR(err_of("[]", 0), "Invalid pattern '[]' at offset 2. Unterminated [] set.");
    CHECK_STR(err_of("[^]", 0), "Invalid pattern '[^]' at offset 3. Unterminated [] set.");
    CHECK_STR(err_of("[a-", 0), "Invalid pattern '[a-' at offset 3. Unterminated [] set.");
    CHECK_STR(err_of("[a-\\-]", 0),
              "Invalid pattern '[a-\\-]' at offset 5. [x-y] range in reverse order.");
    CHECK_STR(err_of("[a-\\A]", 0),
              "Invalid pattern '[a-\\A]' at offset 5. Unrecognized escape sequence \\A.");
    CHECK_STR(err_of("(?a)", 0),
              "Invalid pattern '(?a)' at offset 3. Unrecognized grouping construct.");
    CHECK_STR(err_of("\\8", 0),
              "Invalid pattern '\\8' at offset 2. Reference to undefined group number 8.");
    CHECK_STR(err_of("\\p{11}", 0),
              "Invalid pattern '\\p{11}' at offset 6. Unknown property '11'.");
    CHECK_STR(err_of("\\pB", 0),
              "Invalid pattern '\\pB' at offset 2. Incomplete \\p{X} character escape.");
    CHECK_STR(err_of("a{1}*", 0), "Invalid pattern 'a{1}*' at offset 5. Nested quantifier '*'.");
    CHECK_STR(err_of("a*{0}", 0), "Invalid pattern 'a*{0}' at offset 3. Nested quantifier '{'.");
    CHECK_STR(err_of("cat(?<->dog)", 0),
              "Invalid pattern 'cat(?<->dog)' at offset 7. Invalid group name: Group names must "
              "begin with a word character.");
    CHECK_STR(err_of("abc\\A{10}", 0), "OK");
    CHECK_STR(err_of("(?-i-i)(?i-)a{,}a{1,x}", 0), "OK");
    CHECK_STR(err_of("(?P<x>a)", 0),
              "Invalid pattern '(?P<x>a)' at offset 3. Unrecognized grouping construct.");
    CHECK_STR(
        err_of("[a-\\d]", 0),
        "Invalid pattern '[a-\\d]' at offset 5. Cannot include class \\d in character range.");
    CHECK_STR(err_of("\\p{Nope}", 0),
              "Invalid pattern '\\p{Nope}' at offset 8. Unknown property 'Nope'.");
    CHECK_STR(err_of("a(?#x", 0),
              "Invalid pattern 'a(?#x' at offset 5. Unterminated (?#...) comment.");
    CHECK_STR(err_of("(?<a-b>x)", 0), "Invalid pattern '(?<a-b>x)' at offset 5. Balancing groups "
                                      "(?<name1-name2>...) are not supported.");
    CHECK_STR(err_of("[a-z-[aeiou]x]", 0),
              "Invalid pattern '[a-z-[aeiou]x]' at offset 12. A subtraction must be the last "
              "element in a character class.");
    /* offsets count UTF-16 code units of the pattern */
    CHECK_STR(err_of("\xc3\xa9(", 0), "Invalid pattern '\xc3\xa9(' at offset 2. Not enough )'s.");
    /* variable-length lookbehind: PCRE2 10.43+ allows a bounded one; 10.42 (Debian 12) not */
#if PCRE2_MAJOR > 10 || PCRE2_MINOR >= 43
    CHECK_STR(err_of("a(?<=a+)b", 0), "OK");
#else
    CHECK_STR(err_of("a(?<=a+)b", 0),
              "Invalid pattern 'a(?<=a+)b' at offset 9. Lookbehind assertion is not fixed length.");
#endif
    CHECK_STR(err_of("(?<=ab|c)d", 0), "OK");
    CHECK_STR(err_of("(?i)(?m)(?s)(?x)(?n)a", 0), "OK");
    CHECK_STR(err_of("a{,3}", 0), "OK"); /* a literal in .NET */
    CHECK_STR(err_of("a(?i)*", 0),
              "Invalid pattern 'a(?i)*' at offset 6. Quantifier '*' following nothing.");
    CHECK_STR(err_of("(?(1)a|b)", 0), "Invalid pattern '(?(1)a|b)' at offset 4. Conditional "
                                      "alternation refers to an undefined group number 1.");
    CHECK_STR(err_of("a?\?\?", 0), "Invalid pattern 'a?\?\?' at offset 4. Nested quantifier '?'.");
    CHECK_STR(err_of("{2}", 0),
              "Invalid pattern '{2}' at offset 1. Quantifier '{' following nothing.");
    CHECK_STR(err_of("\\c", 0), "Invalid pattern '\\c' at offset 2. Missing control character.");
    CHECK_STR(err_of("(?<0>a)", 0),
              "Invalid pattern '(?<0>a)' at offset 4. Capture number cannot be zero.");
}

/* ---------------------------------------------------------------------------- replace */

static void test_replace(void)
{
    CHECK_STR(replace("abc", "", "-"), "-a-b-c-");
    CHECK_STR(replace("baaac", "a*", "-"), "-b--c-");
    CHECK_STR(replace("abc", "x*", "-"), "-a-b-c-");
    CHECK_STR(replace("ab", "a|", "-"), "--b-"); /* an empty match right after a non-empty one */
    CHECK_STR(replace("ab cd", "\\b", "|"), "|ab| |cd|");
    CHECK_STR(replace("abab", "(?=b)", "|"), "a|ba|b");
    CHECK_STR(replace("aa", "a*", "-"), "--");
    CHECK_STR(replace("a\xff"
                      "b",
                      ".", "x"),
              "x\xff"
              "x"); /* invalid bytes match nothing */
    CHECK_STR(replace("John Smith", "(\\w+) (\\w+)", "$2, $1"), "Smith, John");
    CHECK_STR(replace("John Smith", "(?<first>\\w+) (?<last>\\w+)", "${last}, ${first}"),
              "Smith, John");
    CHECK_STR(replace("ab", "(?<x>a)(b)", "$1$2"), "ba"); /* $1 is (b), $2 is x */
    CHECK_STR(replace("abc", "b", "$$"), "a$c");
    CHECK_STR(replace("abc", "b", "[$&]"), "a[b]c");
    CHECK_STR(replace("abc", "b", "[$0]"), "a[b]c");
    CHECK_STR(replace("abc", "b", "<$`>"), "a<a>c");
    CHECK_STR(replace("abc", "b", "<$'>"), "a<c>c");
    CHECK_STR(replace("ab", "(a)(b)", "$+"), "b");
    CHECK_STR(replace("ab", "(a)(x)?", "[$+]"), "[]b");
    CHECK_STR(replace("abc", "b", "$_"), "aabcc");
    CHECK_STR(replace("abc", "b", "$x"), "a$xc");
    CHECK_STR(replace("abc", "b", "$"), "a$c");
    CHECK_STR(replace("ab", "(a)", "$10"), "$10b");
    CHECK_STR(replace("ab", "(a)", "${1}0"), "a0b");
    CHECK_STR(replace("ab", "(a)", "$2"), "$2b");
    CHECK_STR(replace("ab", "(a)", "${nope}"), "${nope}b");
    CHECK_STR(replace("ab", "(a)", "${1"), "${1b");
    CHECK_STR(replace("b", "(a)|(b)", "[$1]"), "[]");
    CHECK_STR(replace("a", "a", "\\n"), "\\n"); /* backslash means nothing here */
    CHECK_STR(replace("Hello", "h", "J"), "Jello");
    CHECK_STR(replace_n("Hello", "h", "J", 0, -1), "Hello"); /* -creplace */
    CHECK_STR(replace_n("a-a-a", "-", "X", 0, 1), "aXa-a");
    CHECK_STR(replace_n("a-a-a", "-", "X", RX_RIGHTTOLEFT, 1), "a-aXa");
    CHECK_STR(replace_n("a-a-a", "-", "X", 0, 0), "a-a-a");
    CHECK_STR(replace("h\xc3\xa9llo w\xc3\xb6rld", "\xc3\xb6", "o"), "h\xc3\xa9llo world");
    CHECK_STR(replace("h\xc3\xa9", "", "-"), "-h-\xc3\xa9-");
    CHECK_STR(replace("\xf0\x9f\x98\x80x", ".", "<$&>"), "<\xf0\x9f\x98\x80><x>");
    CHECK_STR(replace("\xff\xfe", "", "-"), "-\xff-\xfe-"); /* invalid UTF-8 never crashes */
    CHECK_STR(replace("a\xff"
                      "b",
                      "b", "c"),
              "a\xff"
              "c");
    CHECK_STR(replace("2026-11-24", "(?<y>\\d+)-(?<m>\\d+)-(?<d>\\d+)", "${d}.${m}.${y}"),
              "24.11.2026");
    CHECK_STR(replace("x", "(", "y"), "ERR:Invalid pattern '(' at offset 1. Not enough )'s.");
}

static void test_substitute(void)
{
    char *err = NULL;
    Regex *re = rx_compile("(\\d+)", 5, 0, &err);
    RxMatch m = {0};
    StrBuf sb = {0};
    const char *s = "ab12cd";
    CHECK(re != NULL);
    if (!re) return;
    CHECK(rx_match(re, s, 6, 0, &m, &err) == 1);
    rx_substitute(re, &m, s, 6, "<$1|$`|$'>", 10, &sb);
    CHECK_STR(sb_str(&sb), "<12|ab|cd>");
    CHECK(m.group[0].start == 2 && m.group[0].end == 4);
    CHECK(rx_match(re, s, 6, 4, &m, &err) == 0);
    rx_match_free(&m);
    sb_free(&sb);
    rx_unref(re);
}

/* Embedded NULs in pattern and input are ordinary characters. */
static void test_nul(void)
{
    char *err = NULL;
    Regex *re = rx_compile("a\0b", 3, 0, &err);
    RxMatch m = {0};
    CHECK(re && rx_match(re, "xa\0b", 4, 0, &m, &err) == 1 && m.group[0].start == 1);
    CHECK(re && rx_match(re, "xa\0c", 4, 0, &m, &err) == 0);
    rx_match_free(&m);
    rx_unref(re);
    re = rx_compile("\\\0", 2, 0, &err); /* backslash then NUL: a literal NUL */
    CHECK(re != NULL);
    rx_unref(re);
}

static void test_iter(void)
{
    char *err = NULL;
    Regex *re = rx_compile("\\d+", 3, 0, &err);
    RxIter it;
    RxMatch m = {0};
    const char *s = "a1b22c333";
    StrBuf sb = {0};
    int rc, n = 0;
    CHECK(re != NULL);
    if (!re) return;
    for (rx_iter_init(&it, re, s, strlen(s)); (rc = rx_iter_next(&it, &m, &err)) > 0; n++)
        sb_printf(&sb, "[%zu,%zu)", m.group[0].start, m.group[0].end);
    CHECK(rc == 0 && n == 3);
    CHECK_STR(sb_str(&sb), "[1,2)[3,5)[6,9)");
    CHECK(rx_match(re, s, strlen(s), 0, &m, &err) == 1 && m.group[0].start == 1);
    rx_unref(re);
    re = rx_compile("\\d+", 3, RX_RIGHTTOLEFT, &err); /* the last match */
    CHECK(re && rx_match(re, s, strlen(s), 0, &m, &err) == 1 && m.group[0].start == 6);
    rx_unref(re);
    rx_match_free(&m);
    sb_free(&sb);
    /* .NET Match.Index counts UTF-16 code units */
    CHECK(rx_utf16_index("\xc3\xa9\xf0\x9f\x98\x80x", 6) == 3);
    CHECK(rx_utf16_index("abc", 2) == 2);
}

/* ------------------------------------------------------------------------------ split */

static const char *planets = "Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune";

static void test_split_docs(void)
{
    CHECK_STR(split("a,b,c", ","), "a|b|c");
    CHECK_STR(split("Lastname:FirstName:Address", ":"), "Lastname|FirstName|Address");
    CHECK_STR(split("Lastname:FirstName:Address", "(:)"), "Lastname|:|FirstName|:|Address");
    CHECK_STR(split("Lastname/:/FirstName/:/Address", "/(:)/"), "Lastname|:|FirstName|:|Address");
    CHECK_STR(split_x(planets, ",", 5, RX_IGNORECASE),
              "Mercury|Venus|Earth|Mars|Jupiter,Saturn,Uranus,Neptune");
    CHECK_STR(split_x("a,b,c", ",", 3, RX_IGNORECASE), "a|b|c");
    CHECK_STR(split_x("1,2,3,4,5", ",", 3, RX_IGNORECASE), "1|2|3,4,5");
    CHECK_STR(split_x("Chocolate-Vanilla-Strawberry-Blueberry", "(-)", 3, RX_IGNORECASE),
              "Chocolate|-|Vanilla|-|Strawberry-Blueberry");
    CHECK_STR(split_x(planets, ",", -5, RX_IGNORECASE),
              "Mercury,Venus,Earth,Mars|Jupiter|Saturn|Uranus|Neptune");
    CHECK_STR(split(planets, ","), "Mercury|Venus|Earth|Mars|Jupiter|Saturn|Uranus|Neptune");
    CHECK_STR(split(planets, "er"), "M|cury,Venus,Earth,Mars,Jupit|,Saturn,Uranus,Neptune");
    CHECK_STR(split_x(planets, "N", 0, 0),
              "Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,|eptune");
    CHECK_STR(split(planets, "[et]"), "M|rcury,V|nus,|ar|h,Mars,Jupi||r,Sa|urn,Uranus,N|p|un|");
    CHECK_STR(split_x(planets, "[er]", 6, RX_IGNORECASE),
              "M||cu|y,V|nus,|arth,Mars,Jupiter,Saturn,Uranus,Neptune");
    CHECK_STR(split_x("a,b,c,d,e,f,g,h", ",", 3, RX_IGNORECASE), "a|b|c,d,e,f,g,h");
    CHECK_STR(split_x("a,b,c,d,e,f,g,h", ",", -3, RX_IGNORECASE), "a,b,c,d,e,f|g|h");
    CHECK_STR(split_x("a,b,c,d", ",", 3, RX_IGNORECASE), "a|b|c,d");
    CHECK_STR(split_x("1The first line.\n2The second line.\n3The third of three lines.", "^\\d", 0,
                      RX_IGNORECASE | RX_MULTILINE),
              "|The first line.\n|The second line.\n|The third of three lines.");
    CHECK_STR(split("This.is.a.test", "\\."), "This|is|a|test");
    CHECK_STR(split_x("This.is.a.test", ".", 0, RX_IGNORECASE | RX_PS_SIMPLEMATCH),
              "This|is|a|test");
    CHECK_STR(split("This.is.a.test", "."), "||||||||||||||");
    CHECK_STR(split("LastName, FirstName; Address, City, State, Zip", ";"),
              "LastName, FirstName| Address, City, State, Zip");
    CHECK_STR(usplit("red yellow blue green"), "red|yellow|blue|green");
    CHECK_STR(usplit("Windows PowerShell 2.0\nWindows PowerShell with remoting"),
              "Windows|PowerShell|2.0|Windows|PowerShell|with|remoting");
}

static void test_split_rules(void)
{
    CHECK_STR(split("abc", ""), "|a|b|c|");
    CHECK_STR(split(",a,", ","), "|a|");
    CHECK_STR(split("", ","), "");
    CHECK_STR(split("abc", ","), "abc");
    CHECK_STR(split_x("a,b,c,d", ",", 2, RX_IGNORECASE), "a|b,c,d");
    CHECK_STR(split_x("a,b,c,d", ",", -2, RX_IGNORECASE), "a,b,c|d");
    CHECK_STR(split_x("a,b,c", ",", 1, RX_IGNORECASE), "a,b,c");
    CHECK_STR(split_x("a,b,c", ",", -1, RX_IGNORECASE), "a,b,c");
    CHECK_STR(split_x("a,b", ",", 10, RX_IGNORECASE), "a|b");
    CHECK_STR(split_x("a-b-c", "(-)", -2, RX_IGNORECASE), "a-b|-|c");
    CHECK_STR(split("aXbxc", "x"), "a|b|c");
    CHECK_STR(split_x("aXbxc", "x", 0, 0), "aXb|c"); /* -csplit */
    CHECK_STR(split_x("aXbxc", "x", 0, RX_IGNORECASE | RX_PS_SIMPLEMATCH), "a|b|c");
    CHECK_STR(split_x("a.b*c", "*", 0, RX_PS_SIMPLEMATCH), "a.b|c");
    CHECK_STR(split_x("a1b2c", "(\\d)", 0, RX_EXPLICITCAPTURE), "a|b|c");
    CHECK_STR(split_x("a1b2c", "(?<d>\\d)", 0, RX_EXPLICITCAPTURE), "a|1|b|2|c");
    CHECK_STR(split_x("a b", "a b", 0, RX_IGNOREPATTERNWS), "a b");
    CHECK_STR(split_x("a\nb", "a.b", 0, RX_SINGLELINE), "|");
    CHECK_STR(split("a1b", "(x)?1"), "a|b"); /* a group that did not take part adds nothing */
    CHECK_STR(split("h\xc3\xa9llo", ""), "|h|\xc3\xa9|l|l|o|");
    CHECK_STR(split("\xce\xb1,\xce\xb2", ","), "\xce\xb1|\xce\xb2");
    CHECK_STR(split("x", "("), "ERR:Invalid pattern '(' at offset 1. Not enough )'s.");
    CHECK_STR(usplit("  a  b\t\tc  "), "a|b|c");
    CHECK_STR(usplit(""), "");
    CHECK_STR(usplit("   "), "");
    CHECK_STR(usplit("\xc2\xa0x\xc2\xa0y\xc2\xa0"), "x|y"); /* NBSP is white space */
}

static void test_split_api(void)
{
    char *err = NULL;
    Regex *re = rx_compile(",", 1, 0, &err);
    RxSpanList l = {0};
    CHECK(re && rx_split(re, "a,b,c", 5, 2, &l, &err) == 0);
    CHECK_STR(join_spans("a,b,c", &l), "a|b,c");
    CHECK(re && rx_split(re, "a,b,c", 5, 0, &l, &err) == 0);
    CHECK(l.len == 3);
    rx_spans_free(&l);
    rx_unref(re);
}

/* ---------------------------------------------------------------------- escape, cache */

static void test_escape(void)
{
    CHECK_STR(escape("3.\\d{2,}"), "3\\.\\\\d\\{2,}");
    CHECK_STR(escape("a b\tc#"), "a\\ b\\tc\\#");
    CHECK_STR(escape("]}"), "]}");
    CHECK_STR(escape("*+?|[()^$"), "\\*\\+\\?\\|\\[\\(\\)\\^\\$");
    CHECK_STR(escape("\n\r\f"), "\\n\\r\\f");
    CHECK_STR(escape("caf\xc3\xa9"), "caf\xc3\xa9");
    CHECK_STR(unescape("\\t\\u0041\\.\\\\"), "\tA.\\");
    CHECK_STR(unescape("a\\x41\\n"), "aA\n");
    CHECK_STR(unescape("\\u00e9"), "\xc3\xa9");
    CHECK_STR(unescape("\\q"),
              "ERR:Invalid pattern '\\q' at offset 2. Unrecognized escape sequence \\q.");
    CHECK_STR(unescape("x\\"),
              "ERR:Invalid pattern 'x\\' at offset 2. Illegal \\ at end of pattern.");
    /* escaping makes any text match itself */
    CHECK(ismatch("a+b(c)[d]", escape("a+b(c)[d]"), 0));
    CHECK(ismatch("x.y",
                  "^"
                  "x\\.y"
                  "$",
                  0));
}

static void test_cache(void)
{
    char *err = NULL;
    RegexCache *c = rx_cache_new();
    Regex *a = rx_cache_get(c, "a+", 2, 0, &err);
    Regex *b = rx_cache_get(c, "a+", 2, 0, &err);
    Regex *d = rx_cache_get(c, "a+", 2, RX_IGNORECASE, &err);
    char pat[16];
    int k;
    CHECK(a != NULL && a == b);
    CHECK(d != NULL && d != a);
    CHECK(rx_options(d) == RX_IGNORECASE);
    for (k = 0; k < 100; k++) { /* overflow the cache: old entries are evicted, not leaked */
        Regex *r;
        snprintf(pat, sizeof pat, "x%d", k);
        r = rx_cache_get(c, pat, strlen(pat), 0, &err);
        rx_unref(r);
    }
    CHECK(rx_cache_get(c, "(", 1, 0, &err) == NULL && err != NULL);
    free(err);
    rx_unref(a);
    rx_unref(b);
    rx_cache_free(c);
    CHECK(ismatch("aa", rx_pattern(d), 0)); /* d outlives its cache */
    rx_unref(d);
}

/* ------------------------------------------------------------------------- wildcards */

static void test_wildcard_docs(void)
{
    CHECK(like("aA", "a*") && like("ag", "a*") && like("Apple", "a*"));
    CHECK(!like("banana", "a*"));
    CHECK(like("an", "?n") && like("in", "?n") && like("on", "?n"));
    CHECK(!like("ran", "?n"));
    CHECK(like("book", "[a-l]ook") && like("cook", "[a-l]ook") && like("look", "[a-l]ook"));
    CHECK(!like("took", "[a-l]ook"));
    CHECK(like("book", "[bc]ook") && like("cook", "[bc]ook"));
    CHECK(!like("hook", "[bc]ook"));
    CHECK(like("12*4", "12`*4"));
    CHECK(!like("1234", "12`*4"));
    CHECK(like("say hello? ok", "*hello`?*"));
    CHECK(!like("hello", "*hello`?*"));
    CHECK(like("PowerShell", "*shell"));
    CHECK(!like("Server", "*shell"));
    CHECK(like("PowerShell", "Power*"));
    CHECK(like("PowerShell", "Power?hell") && like("PowerShell", "Power[p-w]hell"));
    CHECK(!like("PowerShell", "shell"));
}

static void test_wildcard_rules(void)
{
    char *err = NULL;
    CHECK(like("ABC", "a*") && !clike("ABC", "a*"));
    CHECK(clike("abc", "a*"));
    CHECK(like("", "") && !like("a", "") && like("", "*") && !like("", "?"));
    CHECK(like("abc", "abc") && !like("abcd", "abc") && !like("ab", "abc"));
    CHECK(like("a\nb", "a*b") && like("a\nb", "a?b"));
    CHECK(like("\xc3\xa9", "?") && !like("\xc3\xa9", "??")); /* ? is one code point */
    CHECK(like("\xe6\x97\xa5\xe6\x9c\xac", "??"));
    CHECK(like("\xc3\x84PFEL", "\xc3\xa4pfel") && !clike("\xc3\x84PFEL", "\xc3\xa4pfel"));
    CHECK(like("\xd0\x9c\xd0\x98\xd0\xa0", "\xd0\xbc*")); /* МИР -like м* */
    CHECK(like("b", "[A-C]") && like("B", "[a-c]") && !clike("B", "[a-c]"));
    CHECK(like("-", "[a-]") && like("-", "[-a]") && like("a", "[a-]"));
    CHECK(like("*", "[*]") && like("]x", "`]x") && like("x`", "x`"));
    CHECK(like("a*b", "a`*b") && !like("axb", "a`*b"));
    CHECK(like("]", "[]a]") && like("a", "[]a]") && !like("b", "[]a]"));
    CHECK(like("-", "[a`-c]") && !like("b", "[a`-c]"));
    CHECK(like("]", "[`]]"));
    CHECK(like("", "`") && !like("`", "`"));
    CHECK(wildcard_match("[]", 2, "a", 1, 1, &err) == -1);
    free(err);
    CHECK(wildcard_match("[z-a]", 5, "a", 1, 1, &err) == -1);
    CHECK_STR(err, "The specified wildcard character pattern is not valid: [z-a]");
    free(err);
    CHECK(like("abcabd", "*ab?") && like("mississippi", "*iss*ss*"));
    CHECK(!like("mississippi", "*iss*ss*x"));
    /* many stars against a long miss: the answer, quickly (the algorithm is not exponential) */
    CHECK(!like("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "*a*a*a*a*a*a*a*a*a*a*a*c"));
    CHECK(like("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", "*a*a*a*a*a*a*a*a*a*a*a*c"));
    CHECK(wildcard_match("[abc", 4, "a", 1, 1, &err) == -1);
    CHECK_STR(err, "The specified wildcard character pattern is not valid: [abc");
    free(err);
}

static void test_wildcard_helpers(void)
{
    StrBuf sb = {0};
    char *err = NULL;
    Wildcard *w = wildcard_compile("*.txt", 5, 1, &err);
    CHECK(w && wildcard_test(w, "a.TXT", 5) && !wildcard_test(w, "a.txt.bak", 9));
    wildcard_free(w);
    CHECK(!wildcard_has_meta("abc", 3));
    CHECK(wildcard_has_meta("a*", 2) && wildcard_has_meta("a?", 2));
    CHECK(wildcard_has_meta("[a", 2) && wildcard_has_meta("a]", 2));
    CHECK(!wildcard_has_meta("a`*", 3));
    wildcard_unescape("a`*b``c", 7, &sb);
    CHECK_STR(sb_str(&sb), "a*b`c");
    sb_free(&sb);
    CHECK_STR(wc_regex("a*b?[c-d]"), "(?s)\\Aa.*b.[c-d]\\z");
    CHECK_STR(wc_regex("1.5`*"), "(?s)\\A1\\.5\\*\\z");
    CHECK_STR(wc_regex("a b"), "(?s)\\Aa\\u0020b\\z");
    CHECK_STR(wc_regex("[x"), "ERR:The specified wildcard character pattern is not valid: [x");
    CHECK(ismatch("aXXbYc", wc_regex("a*b?[c-d]"), 0));
    CHECK(!ismatch("aXXbYcz", wc_regex("a*b?[c-d]"), 0));
    CHECK(ismatch("A\nB", wc_regex("a*b"), RX_IGNORECASE));
    CHECK_STR(wc_regex("[]x]"), "(?s)\\A[\\]x]\\z");
    CHECK(ismatch("]", wc_regex("[]x]"), 0));
}

int main(void)
{
    cache = rx_cache_new();
    test_groups();
    test_group_api();
    test_backrefs();
    test_case();
    test_anchors();
    test_syntax();
    test_docs_regex();
    test_docs_operators();
    test_errors();
    test_replace();
    test_substitute();
    test_iter();
    test_nul();
    test_split_docs();
    test_split_rules();
    test_split_api();
    test_escape();
    test_cache();
    test_wildcard_docs();
    test_wildcard_rules();
    test_wildcard_helpers();
    rx_cache_free(cache);
    return check_done();
}
