/*
** wildcard: PowerShell wildcard patterns (-like, switch -wildcard): '*' any run, '?' exactly one
** code point, [abc] sets and [a-z] ranges, a backtick makes the next character literal.  The
** whole string must match.  Matching is UTF-8 aware and runs in O(pattern * text) time at worst
** (no exponential backtracking).  Case folding is simple and culture-neutral.
*/
#ifndef PSM_RUNTIME_WILDCARD_H
#define PSM_RUNTIME_WILDCARD_H

#include <stddef.h>

#include "runtime/strbuf.h"

typedef struct Wildcard Wildcard;

/* Compile pat[0..len).  Returns an owned pattern, or NULL with *err set to an owned message
** ("The specified wildcard character pattern is not valid: [abc") for an unclosed '['. */
Wildcard *wildcard_compile(const char *pat, size_t len, int ignore_case, char **err);
void wildcard_free(Wildcard *w); /* NULL is fine */
/* 1 when all of s[0..len) matches, else 0.  Cannot fail. */
int wildcard_test(const Wildcard *w, const char *s, size_t len);

/* Compile, test, free: 1 match, 0 no match, -1 bad pattern (*err owned). */
int wildcard_match(const char *pat, size_t plen, const char *s, size_t slen, int ignore_case,
                   char **err);

/* 1 when pat has an unescaped * ? [ or ] (WildcardPattern.ContainsWildcardCharacters). */
int wildcard_has_meta(const char *pat, size_t len);

/* Append the literal text of pat with its backtick escapes removed (WildcardPattern.Unescape). */
void wildcard_unescape(const char *pat, size_t len, StrBuf *out);

/* Append an equivalent .NET regex, anchored at both ends ("(?s)\Aa.*\z" for "a*"); the
** caller adds RX_IGNORECASE if wanted.  0, or -1 with *err for an unclosed '['. */
int wildcard_to_regex(const char *pat, size_t len, StrBuf *out, char **err);

#endif
