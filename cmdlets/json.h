/*
** json: the pure cores of ConvertTo-Json and ConvertFrom-Json (pwsh 7.5, Newtonsoft Json.NET
** layout and reader rules).  Values in, text out and back; nothing prints.  Failures fill a
** JsonError with pwsh's FullyQualifiedErrorId and message; a warning (depth truncation,
** ConvertTo-Json) comes back in the same record while the call still succeeds.
** Both directions are bounded: the writer recurses at most o->depth + 1 levels (the cmdlet
** validates -Depth 0..100), the reader uses an explicit stack (no recursion), so deeply nested
** input cannot overflow the C stack.
** For the cmdlet wrappers: ConvertTo-Json collects its pipeline input and passes one value
** (several inputs: an object[] of them; -AsArray then adds no second level, so pass as_array
** only for a single input).  ConvertFrom-Json parses its first input string alone; when that
** works each further string is parsed on its own, otherwise all of them joined with "\n" are
** parsed once; a top-level object[] is enumerated unless -NoEnumerate.
*/
#ifndef PSM_CMDLETS_JSON_H
#define PSM_CMDLETS_JSON_H

#include <stddef.h>

#include "runtime/strbuf.h"
#include "runtime/value.h"

/* -EscapeHandling (Newtonsoft StringEscapeHandling). */
typedef enum JsonEscape {
    JSON_ESC_DEFAULT,  /* control characters, '"' and '\' only */
    JSON_ESC_NONASCII, /* also every non-ASCII UTF-16 unit as \uXXXX */
    JSON_ESC_HTML      /* also < > & ' " as \u003c \u003e \u0026 \u0027 \u0022 */
} JsonEscape;

/* ConvertTo-Json switches.  json_opts_init gives pwsh's defaults. */
typedef struct JsonOpts {
    int depth;            /* -Depth (default 2): deeper values become their ToString() */
    int compress;         /* -Compress: no whitespace at all */
    int enums_as_strings; /* -EnumsAsStrings (psmini has no enum values yet: accepted, no effect) */
    int as_array;         /* -AsArray: wrap the value in a one-element array */
    JsonEscape escape;    /* -EscapeHandling */
} JsonOpts;

/* A failure (id != NULL) or, after a successful json_write, a warning (warning[0] != 0). */
typedef struct JsonError {
    const char *id;    /* FullyQualifiedErrorId, e.g. "System.ArgumentException"; NULL: none */
    char msg[4096];    /* the exception message (room for a 1024-deep Json.NET path) */
    char warning[160]; /* "Resulting JSON is truncated as serialization has exceeded the set
                          depth of 2." (ConvertTo-Json's WriteWarning), else "" */
} JsonError;

void json_opts_init(JsonOpts *o); /* depth 2, everything else off; cannot fail */
void json_error_init(JsonError *e);

/*
** ConvertTo-Json of one value: appends the JSON text (no trailing newline) to out.  o NULL
** means the defaults.  Returns 0 on success (err->warning may be set), -1 with err->id set
** when the value cannot be serialized (a dictionary key that is not a string:
** "NonStringKeyInDictionary"); out may then hold partial text.  v is borrowed.
*/
int json_write(Value v, const JsonOpts *o, StrBuf *out, JsonError *err);

/* The JSON string literal for s (quotes included) under the given escape handling.  Cannot
 * fail. */
void json_write_string(const char *s, size_t n, JsonEscape esc, StrBuf *out);

/*
** ConvertFrom-Json of the text s[0..n): objects become PSCustomObjects (as_hashtable: ordered
** hashtables), arrays object[], integers Int64 (Double past Int64: psmini has no BigInteger),
** reals Double, ISO 8601 date-time strings DateTime (Kind Unspecified, Utc for 'Z', Local for an
** offset, converted to local time), true/false/null.  Accepts what Json.NET accepts: // and
** block comments, single-quoted strings, unquoted property names, trailing commas, NaN and
** Infinity.  Blank input gives AutomationNull (the cmdlet writes nothing).  depth <= 0 means
** 1024.  Returns 0 and a new reference in *out, or -1 with err set (*out untouched):
** "Conversion from JSON failed with error: <Json.NET message>. Path '...', line L, position P."
*/
int json_parse(const char *s, size_t n, int as_hashtable, int depth, Value *out, JsonError *err);

#endif
