/*
** members: the ".NET-like surface" of values: instance properties and methods ($x.Name,
** $x.Method(args)) of strings, numbers, chars, dates, timespans, arrays, hashtables, custom
** objects, type values, GUIDs and regex matches.  Static members of type literals live in
** statics.h.  Independent of the evaluator: whatever it needs from the runspace comes in a
** MemberCtx of plain fields.  Errors are records (id + pwsh's message text), never printed.
** Return convention: MEMBER_OK and a new reference in *out; MEMBER_NOTFOUND when the member
** does not exist (err, when given, is filled with pwsh's MethodNotFound text for methods, so
** the evaluator can try member enumeration first and report it otherwise); MEMBER_ERROR with
** *err filled (a .NET exception wrapped as pwsh does, a bad argument count ...).
*/
#ifndef PSM_RUNTIME_MEMBERS_H
#define PSM_RUNTIME_MEMBERS_H

#include <stddef.h>

#include "runtime/convert.h"
#include "runtime/regex.h"
#include "runtime/value.h"

/* What members need from the runspace.  All fields may be NULL / 0. */
typedef struct MemberCtx {
    RegexCache *rx;          /* per-runspace regex cache; NULL compiles uncached */
    const char *cwd;         /* current location (GetFullPath, CurrentDirectory); NULL: getcwd() */
    const char *ofs;         /* $OFS for array-to-string; NULL means " " */
    int argc;                /* [environment]::GetCommandLineArgs() */
    const char *const *argv; /* NULL: an empty array */
} MemberCtx;

/* Same shape as ConvError: id is pwsh's FullyQualifiedErrorId, msg the message. */
typedef ConvError MemberError;

enum { MEMBER_ERROR = -1, MEMBER_OK = 0, MEMBER_NOTFOUND = 1 };

/* $self.Name.  Sees through PSObject wrappers; .Count / .Length are intrinsic (1 for a scalar,
 * 0 for $null).  MEMBER_NOTFOUND leaves err untouched (pwsh gives $null there). */
int member_get(MemberCtx *c, Value self, const char *name, size_t len, Value *out,
               MemberError *err);

/* $self.Name(args...).  args are borrowed.  A method on $null fails with InvokeMethodOnNull. */
int member_call(MemberCtx *c, Value self, const char *name, size_t len, const Value *args,
                int nargs, Value *out, MemberError *err);

/* pwsh's MethodNotFound error for a receiver (used by member_call and the evaluator). */
int member_not_found(Value self, const char *name, size_t len, MemberError *err);

#endif
