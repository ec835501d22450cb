/*
** regex: .NET-flavoured regular expressions on PCRE2 (8-bit, UTF mode).  A .NET pattern is
** translated (group renumbering, \uXXXX, [\w-.], class subtraction, (?n) ...) and compiled;
** compiled patterns live in a per-runspace RegexCache (no global mutable state).  Text is UTF-8
** (const char *, size_t); every offset in this API is a byte offset.  Errors come back as an
** owned message string in .NET's words ("Invalid pattern '(' at offset 1. Not enough )'s.").
*/
#ifndef PSM_RUNTIME_REGEX_H
#define PSM_RUNTIME_REGEX_H

#include <stddef.h>

#include "runtime/strbuf.h"

/* RegexOptions, with .NET's values so a [RegexOptions] number maps straight across. */
enum {
    RX_NONE = 0,
    RX_IGNORECASE = 1,
    RX_MULTILINE = 2,
    RX_EXPLICITCAPTURE = 4,
    RX_COMPILED = 8, /* accepted, ignored (the JIT is always tried) */
    RX_SINGLELINE = 16,
    RX_IGNOREPATTERNWS = 32,
    RX_RIGHTTOLEFT = 64,      /* emulated: the last matches found left to right */
    RX_ECMASCRIPT = 256,      /* accepted, ignored */
    RX_CULTUREINVARIANT = 512 /* accepted: folding is culture-neutral anyway */
};

/* -split option, outside the RegexOptions range: the delimiter is literal text. */
#define RX_PS_SIMPLEMATCH 0x10000u

#define RX_NOPOS ((size_t)-1) /* RxSpan.start of a group that did not participate */

typedef struct Regex Regex;
typedef struct RegexCache RegexCache;

typedef struct RxSpan {
    size_t start; /* byte offset, RX_NOPOS when the group did not take part */
    size_t end;   /* one past the last byte */
} RxSpan;

/* One match.  group[i] is .NET group slot i: slots are ordered by group number, slot 0 is the
** whole match.  An all-zero RxMatch is valid; rx_* calls grow it; rx_match_free releases it. */
typedef struct RxMatch {
    size_t ngroups; /* slots filled by the last successful match */
    size_t cap;     /* slots allocated */
    RxSpan *group;
} RxMatch;

/* A list of spans into one input string (-split results).  All-zero is a valid empty list. */
typedef struct RxSpanList {
    RxSpan *item;
    size_t len, cap;
} RxSpanList;

/* Walks the successive matches of one input, with .NET's empty-match stepping. */
typedef struct RxIter {
    Regex *re;     /* borrowed */
    const char *s; /* borrowed input */
    size_t len;
    size_t pos; /* where the next attempt starts */
    int done;
} RxIter;

/* --- compiling and caching ------------------------------------------------------------------ */

RegexCache *rx_cache_new(void);    /* never NULL; one per runspace / thread job */
void rx_cache_free(RegexCache *c); /* drops the cache's references; NULL is fine */

/* Compile (or find in the cache) pattern pat[0..len) with RX_* options.  Returns a new
** reference (release with rx_unref), or NULL with *err set to an owned .NET-style message. */
Regex *rx_cache_get(RegexCache *c, const char *pat, size_t len, unsigned opts, char **err);
Regex *rx_compile(const char *pat, size_t len, unsigned opts, char **err); /* uncached */
Regex *rx_ref(Regex *re);
void rx_unref(Regex *re); /* NULL is fine */

unsigned rx_options(const Regex *re);
const char *rx_pattern(const Regex *re);    /* the original .NET pattern, NUL-terminated */
const char *rx_translated(const Regex *re); /* the PCRE2 pattern actually compiled (debug) */

/* Groups, in .NET order: slot 0 is the whole match; unnamed groups come first, then named. */
size_t rx_group_count(const Regex *re);                  /* number of slots, at least 1 */
int rx_group_number(const Regex *re, size_t slot);       /* the .NET group number of a slot */
const char *rx_group_name(const Regex *re, size_t slot); /* NULL for a numbered group */
/* The slot of a group given by name, or by number written in decimal; -1 when none. */
long rx_group_slot(const Regex *re, const char *name, size_t len);

/* --- matching -------------------------------------------------------------------------------- */

/* Search s[0..len) from byte offset start.  1 = found (m filled), 0 = no match, -1 = matching
** failed (match limit; *err set, owned).  With RX_RIGHTTOLEFT, gives the last match instead. */
int rx_match(Regex *re, const char *s, size_t len, size_t start, RxMatch *m, char **err);
void rx_match_free(RxMatch *m);

/* for (rx_iter_init(&it, re, s, len); (rc = rx_iter_next(&it, &m, &err)) > 0;) ...
** An empty match bumps the next start one character on; a non-empty one does not (.NET). */
void rx_iter_init(RxIter *it, Regex *re, const char *s, size_t len);
int rx_iter_next(RxIter *it, RxMatch *m, char **err); /* 1 / 0 = no more / -1 = error */

/* --- replace, split, escape -------------------------------------------------------------- */

/* Append to out the .NET substitution rep[0..replen) for match m of s ($1 ${name} $$ $& $` $'
** $+ $_; a reference to a missing group is copied literally).  Cannot fail. */
void rx_substitute(const Regex *re, const RxMatch *m, const char *s, size_t len, const char *rep,
                   size_t replen, StrBuf *out);
/* Append s with the first count matches (count < 0: all) replaced by rep.  0 or -1 (*err). */
int rx_replace(Regex *re, const char *s, size_t len, const char *rep, size_t replen, long count,
               StrBuf *out, char **err);

/* .NET Regex.Split: pieces and captured groups as spans of s, appended to out.  count <= 0
** means all; otherwise at most count pieces (captures don't count).  0 or -1 (*err). */
int rx_split(Regex *re, const char *s, size_t len, long count, RxSpanList *out, char **err);
/* PowerShell binary -split: delimiter delim (regex, or literal with RX_PS_SIMPLEMATCH), max
** pieces (0 all, < 0 from the right), RX_* options (the caller adds RX_IGNORECASE for -split
** and -isplit).  Appends spans of s to out.  0 or -1 (*err: bad pattern). */
int rx_ps_split(RegexCache *c, const char *s, size_t len, const char *delim, size_t dlen, long max,
                unsigned opts, RxSpanList *out, char **err);
/* Unary -split: trim white space, then split on \s+.  Cannot fail. */
void rx_ps_split_ws(RegexCache *c, const char *s, size_t len, RxSpanList *out);
void rx_spans_free(RxSpanList *l);

/* [regex]::Escape: \ * + ? | { [ ( ) ^ $ . # and white space ('\t' -> "\t" etc.). */
void rx_escape(const char *s, size_t len, StrBuf *out);
/* [regex]::Unescape.  0, or -1 with *err (e.g. "Unrecognized escape sequence \q."). */
int rx_unescape(const char *s, size_t len, StrBuf *out, char **err);

/* The UTF-16 code-unit index of byte offset off in s (.NET's Match.Index).  Cannot fail. */
size_t rx_utf16_index(const char *s, size_t off);

#endif
