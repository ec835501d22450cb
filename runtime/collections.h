/*
** collections: the .NET collection types scripts build: System.Collections.ArrayList,
** List[T], Collection[PSObject] (what .ForEach() and .Where() return) and Tuple.  The list
** kinds share the array layout (array.h) and carry CLS_LIST, so enumeration, indexing, -join
** and Out-Default treat them as arrays; they differ in their type names, their members (Add;
** no Length, so $list.Length enumerates the items) and in being resizable.
** Also here: the static members of [array], [Tuple] and the collection types (::new).
*/
#ifndef PSM_RUNTIME_COLLECTIONS_H
#define PSM_RUNTIME_COLLECTIONS_H

#include "runtime/members_util.h"

extern const ObjClass cls_arraylist, cls_list, cls_collection, cls_hashset, cls_tuple;

int coll_is_list(Value v);    /* ArrayList, List`1, Collection`1 or HashSet`1 */
int coll_is_hashset(Value v); /* HashSet[T]: a list kind whose Add skips duplicates */
Value coll_list_new(const ObjClass *cls, TypeId elem); /* empty; elem: List[T]'s T */
/* GetType() of a collection kind (list or tuple): 1 and a new TypeRef in *out. */
int coll_type_of(Value v, Value *out);
/* [T]v where T names a collection type ("System.Collections.Generic.List[string]"): 0 and
 * *out, -1 with *err; 1 when T is not one of them. */
int coll_convert(Value v, const char *type, size_t tlen, Value *out, ConvError *err);
/* v -is [T] for a collection type T: 0 or 1; -1 when T is not one of them. */
int coll_is_type(Value v, const char *type, size_t tlen);
/* [T]::Method(args) for [array], [Tuple] and the collection types (::new()).  MEMBER_NOTFOUND
 * with err untouched when the type is not one of them. */
int coll_static_call(MemberCtx *c, const char *type, size_t tlen, const char *name, size_t nlen,
                     const Value *args, int nargs, Value *out, MemberError *err);
/* New-Object T [-ArgumentList args] (arglist: $null, one value or an array): 1 and a new
 * value when T is a collection type. */
int coll_new_object(const char *type, size_t tlen, Value arglist, Value *out);
/* $tuple[i] (negative counts from the end): 1 and a new reference when i is in range. */
int coll_tuple_at(Value t, int64_t i, Value *out);

extern const MbrMethod mbr_list_methods[];    /* instance methods of the list kinds */
extern const MbrMethod mbr_hashset_methods[]; /* HashSet's (its row comes first) */
extern const MbrMethod mbr_tuple_methods[];

#endif
