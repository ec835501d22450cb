/*
** nettypes: .NET types that TypeId does not name but scripts cast to and call: BigInteger,
** Regex, Version, Guid (from bytes), the enums of enums.h and the exception types of
** errrec.h.  It gives casts ([regex]'a+'), -is tests, constructors and static members
** ([version]::new, [bigint]::Parse, [System.DayOfWeek]::Monday, [scriptblock]::Create) and
** the instance methods of the objects it makes.  Same conventions as members.h.
*/
#ifndef PSM_RUNTIME_NETTYPES_H
#define PSM_RUNTIME_NETTYPES_H

#include "runtime/members.h"

extern const ObjClass cls_regexobj, cls_version;

/* [T]v for a type literal named name (any spelling pwsh accepts: "regex", "System.Version",
 * "Numerics.BigInteger").  1: handled (0 or -1 in *rc, *out set on success); 0: not a type
 * of this module. */
int nettype_convert(const char *name, size_t len, Value v, Value *out, ConvError *err, int *rc);
/* v -is [name]: 1/0, or -1 when name is not a type of this module. */
int nettype_is(const char *name, size_t len, Value v);

/* [type]::name(args) and [type]::name: MEMBER_NOTFOUND when this module does not know it. */
int nettype_static_call(MemberCtx *c, const char *type, size_t tlen, const char *name, size_t nlen,
                        const Value *args, int nargs, Value *out, MemberError *err);
int nettype_static_get(MemberCtx *c, const char *type, size_t tlen, const char *name, size_t nlen,
                       Value *out);
/* self.name(args) for the objects of this module (Regex, Version, BigInteger, enums);
 * MEMBER_NOTFOUND for anything else. */
int nettype_call(MemberCtx *c, Value self, const char *name, size_t len, const Value *args,
                 int nargs, Value *out, MemberError *err);

/* Regex object helpers: the compiled pattern of a [regex] value (borrowed), NULL otherwise. */
Regex *nettype_regex(Value v);
/* Version ordering: -1/0/1 (a and b must be Versions). */
int nettype_version_cmp(Value a, Value b);

/* The .NET full name of a type of this module written name/len in any accepted spelling
 * ("DayOfWeek" -> "System.DayOfWeek", "regex", "ArgumentException"); NULL when unknown. */
const char *nettype_fullname(const char *name, size_t len);

/* Register the Version and Guid table views with fmt_view (once; thread-safe). */
void nettype_register_views(void);

#endif
