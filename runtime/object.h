/*
** object: PSCustomObject (ordered, case-insensitive note properties), the PSObject wrapper
** that lets any value carry extra note properties (PSComputerName on job output), and TypeRef,
** the value of a type literal such as [int] or [string[]].
** A wrapper is transparent: val_base() unwraps it, and GetType()/conversions see the base.
*/
#ifndef PSM_RUNTIME_OBJECT_H
#define PSM_RUNTIME_OBJECT_H

#include "runtime/value.h"

extern const ObjClass cls_pscustomobject, cls_psobject, cls_typeref;

Value object_new_custom(void); /* [pscustomobject]@{} with no properties */
/* Set (add or replace) note property name on a PSCustomObject or PSObject wrapper; returns 0
 * when v is neither.  An existing property keeps its position. */
int object_set_prop(Value v, const char *name, size_t len, Value val);
/* Number of note properties, and property i in order (borrowed), for either kind. */
size_t object_nprops(Value v);
void object_prop_peek(Value v, size_t i, const char **name, size_t *len, Value *val);
/* v plus a note property: PSCustomObjects and wrappers get it in place (the result is a new
 * reference to v); any other value is wrapped first.  Never fails. */
Value object_with_note(Value v, const char *name, size_t len, Value val);
Value object_wrap(Value base); /* a PSObject wrapper around base (itself if already one) */

/* ---- type literals ---- */
Value typeref_new(TypeId id, int is_array);            /* [int] -> (TY_INT32, 0) */
Value typeref_new_named(const char *name, size_t len); /* a type psmini does not know */
/* Parse a type literal's text: "int", "System.String[]", "ordered".  Unknown names give a
 * named TypeRef with id TY_OTHER. */
Value typeref_parse(const char *name, size_t len);
TypeId typeref_id(Value t);
int typeref_is_array(Value t);
const char *typeref_name(Value t);            /* .Name: "Int32", "Int32[]" */
const char *typeref_fullname(Value t);        /* .FullName: "System.Int32[]" */
void typeref_to_string(Value t, StrBuf *out); /* "$([int])" -> "int" */

#endif
