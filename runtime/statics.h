/*
** statics: static members of type literals, [T]::Name and [T]::Method(args): [math], [string],
** [char], the number types, [datetime], [timespan], [guid], [regex], [convert],
** [environment] and [System.IO.Path].  Type names are case-insensitive and "System." is
** optional.  Same return convention and MemberCtx as members.h.
*/
#ifndef PSM_RUNTIME_STATICS_H
#define PSM_RUNTIME_STATICS_H

#include "runtime/members.h"

/* Does psmini know static members of this type ("math", "System.IO.Path", "int")? */
int static_type_known(const char *type, size_t tlen);

/* [type]::name.  MEMBER_NOTFOUND for an unknown type or property (err untouched). */
int static_get(MemberCtx *c, const char *type, size_t tlen, const char *name, size_t nlen,
               Value *out, MemberError *err);

/* [type]::name(args).  MEMBER_NOTFOUND with err set: "Unable to find type [x]." (TypeNotFound)
 * or pwsh's MethodNotFound text; MEMBER_ERROR for a bad count or a wrapped .NET exception. */
int static_call(MemberCtx *c, const char *type, size_t tlen, const char *name, size_t nlen,
                const Value *args, int nargs, Value *out, MemberError *err);

#endif
