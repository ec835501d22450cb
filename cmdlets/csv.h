/*
** csv: the pure cores of ConvertTo-Csv / Export-Csv (writer) and ConvertFrom-Csv / Import-Csv
** (reader), pwsh 7.5 rules.  The writer takes its columns from the FIRST object (note
** properties, or hashtable keys since 7.2) and writes each later object's values for those
** columns only ($null and missing properties as an empty, unquoted field).  The reader makes
** one PSCustomObject per record with ordered string properties.  Nothing prints: errors and
** warnings come back in a CsvError.
*/
#ifndef PSM_CMDLETS_CSV_H
#define PSM_CMDLETS_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/numfmt.h"
#include "runtime/strbuf.h"
#include "runtime/value.h"

/* -UseQuotes. */
typedef enum CsvQuote {
    CSV_QUOTE_ALWAYS,   /* every field in quotes, inner quotes doubled (the default) */
    CSV_QUOTE_ASNEEDED, /* only fields holding the delimiter, '"', CR or LF */
    CSV_QUOTE_NEVER     /* fields as they are */
} CsvQuote;

/* Options of both directions; csv_opts_init gives pwsh's defaults.  Arrays are borrowed. */
typedef struct CsvOpts {
    uint32_t delimiter;              /* -Delimiter: one character (code point), ',' by default */
    CsvQuote quote;                  /* -UseQuotes (writer) */
    const char *const *quote_fields; /* -QuoteFields (writer): only these columns are quoted, */
    size_t nquote_fields;            /*   case-insensitively; the rest are written as they are */
    int include_type;                /* -IncludeTypeInformation (writer): "#TYPE <FullName>" */
    int no_header;                   /* -NoHeader (writer) */
    NfCulture culture;               /* ToString() culture of DateTime cells (writer) */
    const char *const *header;       /* -Header (reader): column names; NULL: the first record */
    size_t nheader;
} CsvOpts;

/* A failure (id != NULL) or, after a successful csv_parse, a warning (warning[0] != 0). */
typedef struct CsvError {
    const char
        *id; /* FullyQualifiedErrorId, e.g. "AlreadyPresentPSMemberInfoInternalCollectionAdd" */
    char msg[512];     /* the message, e.g. The member "a" is already present. */
    char warning[200]; /* One or more headers weren't specified. Default names starting with
                          "H" have been used in place of any missing headers. */
} CsvError;

void csv_opts_init(CsvOpts *o); /* ',' Always, en-US; cannot fail */

/* ---- writer ---- */
typedef struct CsvWriter CsvWriter;

CsvWriter *csv_writer_new(const CsvOpts *o); /* copies what it needs from o; never NULL */
void csv_writer_free(CsvWriter *w);
/* Fix the columns (Export-Csv -Append reads them from the file); otherwise the first object
 * written decides.  names are copied. */
void csv_writer_set_columns(CsvWriter *w, const char *const *names, size_t n);
/* Take the columns from obj (its property names, or its keys for a hashtable).  Cannot fail. */
void csv_writer_columns_from(CsvWriter *w, Value obj);
size_t csv_writer_ncolumns(const CsvWriter *w);

/* "#TYPE System.Management.Automation.PSCustomObject" for obj (no newline). */
void csv_write_type(Value obj, StrBuf *out);
/* The header line for the columns, quoted per the options (no newline). */
void csv_write_header(const CsvWriter *w, StrBuf *out);
/* obj's values for the columns (no newline). */
void csv_write_row(const CsvWriter *w, Value obj, StrBuf *out);
/* Everything ConvertTo-Csv emits for one input object: on the first call the #TYPE line (if
 * asked) and the header (unless -NoHeader), then the row; each line is pushed onto the array
 * `lines` as a new String. */
void csv_write_object(CsvWriter *w, Value obj, Value lines);

/*
** Export-Csv -Append without -Force: 0 when obj has a property for every column, else -1 with
** err = "CannotAppendCsvWithMismatchedPropertyNames" and pwsh's message naming path and the
** first missing column.
*/
int csv_writer_check_append(const CsvWriter *w, Value obj, const char *path, CsvError *err);

/* ---- reader ---- */

/* The column names of existing CSV text (Export-Csv -Append reads them from the file): the
 * first record after an optional #TYPE line, as a new String[] (empty when there is none). */
Value csv_header_names(const char *s, size_t n, const CsvOpts *o);

/*
** ConvertFrom-Csv / Import-Csv over the whole text s[0..n) (the cmdlet joins its input lines
** with "\n").  A leading "#TYPE ..." line is consumed; before the header, blank lines and '#'
** comment lines are skipped ("#Fields: a,b" supplies the header, W3C style).  Records: quoted
** fields with "" escapes and embedded newlines, leading blanks of unquoted fields dropped,
** blank lines skipped.  Fewer values than columns: the rest are $null; more: ignored.  Empty
** header names become H1, H2, ... with a warning.  Returns 0 and a new object[] of
** PSCustomObjects in *out, or -1 with err set for duplicate column names.
*/
int csv_parse(const char *s, size_t n, const CsvOpts *o, Value *out, CsvError *err);

#endif
