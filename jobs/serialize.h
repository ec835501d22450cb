/*
** serialize: the compact binary form in which Values cross a process (later SSH) boundary,
** the stand-in for pwsh's CLIXML.  Encoding appends to a StrBuf; decoding reads from a bounded
** cursor and never trusts the bytes: truncation, bad tags and huge lengths give an error
** (SerReader.err), never a crash, and every count is checked against the bytes that remain
** before anything is allocated for it, so memory stays proportional to the input.
**
** FORMAT.  A value is one tag byte followed by its body.  Integers in bodies are LEB128
** varints ("uv": unsigned, 7 bits per byte, low first, at most 10 bytes); signed ones are
** zigzag-mapped first ("sv").  A string is uv byte-length + UTF-8 bytes (no NUL).
**   NULL, AUTONULL, FALSE, TRUE            no body
**   CHAR uv | BYTE uv | UINT16 uv | UINT32 uv | UINT64 uv
**   SBYTE sv | INT16 sv | INT32 sv | INT64 sv
**   SINGLE 4 bytes, DOUBLE 8 bytes         IEEE-754 bits, little-endian
**   DECIMAL uv lo, uv mid, uv hi, byte scale (0..28), byte neg (0/1)
**   STRING str                              (script blocks are sent as their text: 4.2)
**   DATETIME byte kind (0..2), sv ticks  |  TIMESPAN sv ticks
**   ARRAY uv elem-TypeId, uv n, n values   (typed arrays keep their element type)
**   HASHTABLE / ORDERED uv n, n × (key value)
**   CUSTOM uv ntn, ntn × str type name, uv n, n × (str name, value)   PSCustomObject
**   WRAPPED value base, uv n, n × (str name, value)   a PSObject wrapper with note properties
**   BAG uv ntn, ntn × str type name, str ToString, uv n, n × (str name, value)
** A BAG is any other object (ErrorRecord, TypeRef, future .NET-like kinds): its type names
** are sent as they are, and the *receiver* prefixes "Deserialized." (pwsh does the same).
**
** DEPTH (jobs.md 4.2: 1 for remoting).  A property bag, PSCustomObject or wrapper is written
** when depth >= 1, a collection (array, hashtable) when depth >= 0; otherwise the value is
** written as its ToString() string.  Members and elements are written with depth - 1.  So at
** depth 1 a top-level object keeps its properties, a property holding a list keeps its
** elements (as pwsh's remote DependentServices lists), and anything deeper becomes a string.
**
** ROUND TRIP (pwsh, then psmini).  Primitives, strings, DateTime and TimeSpan come back as
** themselves.  Collections: pwsh returns every list (object[], Int32[] ...) as an ArrayList and
** every dictionary as a Hashtable; psmini has no ArrayList, so arrays keep their exact type
** (Object[] / Int32[]) and [ordered] stays OrderedDictionary.  A PSCustomObject comes back as a
** PSCustomObject (GetType() is PSCustomObject in pwsh too), whose pstypenames pwsh renames to
** Deserialized.System.Management.Automation.PSCustomObject, Deserialized.System.Object
** (PowerShell-Docs issue #10843); psmini does the same with the pstypenames it sends (so
** a PSTypeName 'X' comes back as Deserialized.X first).  Every other object comes back as a
** property bag whose GetType() is PSCustomObject (as in pwsh) and whose type names are
** "Deserialized.<name>" (ser_typename; .pstypenames does not show them yet: runtime/object.c
** has no hook for them); its ToString() is the sender's.  ScriptProperties are not carried
** (pwsh neither).
*/
#ifndef PSM_JOBS_SERIALIZE_H
#define PSM_JOBS_SERIALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/strbuf.h"
#include "runtime/value.h"

#define SER_DEPTH_REMOTING 1  /* pwsh's SerializationDepthForRemoting */
#define SER_MAX_DEPTH      30 /* encoding clamps depth to this (a cycle still terminates) */
#define SER_MAX_NEST                                                                               \
    64 /* decoding refuses deeper nesting (stack safety); a value                                  \
          encoded at SER_MAX_DEPTH nests at most 2 * 31 + 1 levels */

/* ---- encoding (cannot fail; appends to out) ---- */
/* v at the given depth (clamped to SER_MAX_DEPTH). */
void ser_put_value(StrBuf *out, Value v, int depth);
void ser_put_uv(StrBuf *out, uint64_t u);                 /* unsigned varint */
void ser_put_sv(StrBuf *out, int64_t i);                  /* zigzag varint */
void ser_put_str(StrBuf *out, const char *s, size_t len); /* uv length + bytes */

/* ---- decoding ---- */
/* A read cursor over one buffer.  Visible so it can live on the stack; touch it only through
 * ser_reader_init and ser_get_*.  After an error, err stays set and every later call fails. */
typedef struct SerReader {
    const uint8_t *p;   /* next byte */
    const uint8_t *end; /* one past the last byte */
    const char *err;    /* NULL, or what went wrong (static text) */
} SerReader;

void ser_reader_init(SerReader *r, const void *buf, size_t len);
/* Each returns 0 on success and -1 (r->err set) on malformed or truncated input. */
int ser_get_value(SerReader *r, Value *out); /* *out is a new reference */
int ser_get_uv(SerReader *r, uint64_t *u);
int ser_get_sv(SerReader *r, int64_t *i);
int ser_get_byte(SerReader *r, uint8_t *b);
/* A count of items that take at least one byte each: never more than the bytes that remain,
 * which bounds what a decoder allocates for it. */
int ser_get_count(SerReader *r, uint64_t *n);
/* A string slice borrowed from the buffer (not NUL-terminated). */
int ser_get_str(SerReader *r, const char **s, size_t *len);
/* A string as a new xmalloc'd NUL-terminated copy (caller frees). */
int ser_get_cstr(SerReader *r, char **s);
/* 1 when every byte has been consumed. */
int ser_at_end(const SerReader *r);

/* One whole buffer holding exactly one value: 0 and a new reference, or -1 and *err. */
int ser_decode(const void *buf, size_t len, Value *out, const char **err);

/* ---- deserialized property bags ---- */
extern const ObjClass cls_deserialized;
int ser_is_bag(Value v);
size_t ser_ntypenames(Value bag);              /* 0 for anything that is not a bag */
const char *ser_typename(Value bag, size_t i); /* "Deserialized.System.Object"; borrowed */

/* The three notes a received job output object carries (jobs.md 4.2): PSComputerName,
 * RunspaceId and PSShowComputerName, replacing any that came with it.  computer and
 * runspace_id are borrowed Strings, shared by every object of a job (no copy per object).
 * Bags and PSCustomObjects get the notes in place; any other value is wrapped.  Returns a new
 * reference. */
Value ser_add_job_notes(Value v, Value computer, Value runspace_id, int show);
/* The same in two steps, for a job that stamps the notes on every object it hands out:
 * ser_job_notes builds the three notes once (an ordered Hashtable, a new reference) and
 * ser_stamp_job_notes puts them on v.  A plain value is wrapped with a copy of the table that
 * keeps the keys' hashes, so the per-object cost is one wrapper and one small table, with no
 * key hashed or looked up. */
Value ser_job_notes(Value computer, Value runspace_id, int show);
Value ser_stamp_job_notes(Value v, Value notes);

#endif
