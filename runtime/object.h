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
/* Remove note property name (1 when it was there). */
int object_remove_prop(Value v, const char *name, size_t len);
/* Number of note properties, and property i in order (borrowed), for either kind. */
size_t object_nprops(Value v);
void object_prop_peek(Value v, size_t i, const char **name, size_t *len, Value *val);
/* v plus a note property: PSCustomObjects and wrappers get it in place (the result is a new
 * reference to v); any other value is wrapped first.  Never fails. */
Value object_with_note(Value v, const char *name, size_t len, Value val);
Value object_wrap(Value base); /* a PSObject wrapper around base (itself if already one) */
/* A numeric command argument (takes num): wrapped with its source text as its string form
 * ("$p", [string]$p, -f, output) when that text differs from the number's own; else num. */
Value object_wrap_text(Value num, const char *text, size_t len);
const char *object_src_text(Value v); /* that text (borrowed), NULL for anything else */
/* A [switch] parameter's value: a SwitchParameter (GetType, -is [switch], an IsPresent
 * table when shown) that converts and tests as the Boolean it wraps.  New reference. */
Value object_wrap_switch(int present);
int object_is_switch(Value v);
/* A new PSObject wrapper around base whose note properties are those of the ordered Hashtable
 * notes (name -> value), which the wrapper shares (a new reference) and copies only when its
 * own properties change, so stamping the same notes on many values (job output) costs one
 * allocation per value.  notes must not change afterwards.  base must not be a wrapper. */
Value object_wrap_notes(Value base, Value notes);
/* [pscustomobject]@{...}: the keys in order; a PSTypeName key names the type instead. */
Value object_from_dict(Value h);
Value object_copy(Value v); /* $o.psobject.Copy(): a shallow copy (other values: v itself) */
/* .pstypenames: a PSCustomObject or wrapper keeps a live List[string] (so Insert(0, 'T')
 * sticks); other values get a new list of their type's names.  A new reference.
 * object_add_typename puts name first (PSTypeName). */
Value object_typenames(Value v);
void object_add_typename(Value v, const char *name, size_t len);

/* ---- script members (Add-Member -MemberType ScriptProperty/ScriptMethod) ----
 * A member keeps its script block and the runspace that created it; run executes sb there
 * with $this = self and the arguments: 0 and a new reference in *out, else nonzero (the
 * runspace keeps the error).  nargs -1 runs a ScriptProperty getter, whose errors give $null.  A
 * ScriptProperty is stored as a property (reading it runs the getter); a ScriptMethod goes to a
 * separate method table. */
typedef int (*ScriptRunFn)(void *runspace, Value sb, Value self, const Value *args, int nargs,
                           Value *out);
Value object_script_member(Value sb, int is_method, ScriptRunFn run, void *runspace);
int object_is_script_member(Value v, int *is_method);
int object_script_run(Value member, Value self, const Value *args, int nargs, Value *out);
/* Add a ScriptMethod member to a PSCustomObject or wrapper (0 for any other value). */
int object_add_method(Value v, const char *name, size_t len, Value member);
/* The ScriptMethod name of v or of a wrapper under it: 1 and a new reference in *member. */
int object_find_method(Value v, const char *name, size_t len, Value *member);

/* ---- type literals ---- */
Value typeref_new(TypeId id, int is_array);            /* [int] -> (TY_INT32, 0) */
Value typeref_new_named(const char *name, size_t len); /* a type psmini does not know */
/* A TypeRef with explicit .Name and .FullName ("List`1",
 * "System.Collections.Generic.List`1[[...]]"). */
Value typeref_new_names(const char *name, const char *full);
/* Parse a type literal's text: "int", "System.String[]", "ordered".  Unknown names give a
 * named TypeRef with id TY_OTHER. */
Value typeref_parse(const char *name, size_t len);
TypeId typeref_id(Value t);
int typeref_is_array(Value t);
const char *typeref_name(Value t);            /* .Name: "Int32", "Int32[]" */
const char *typeref_fullname(Value t);        /* .FullName: "System.Int32[]" */
void typeref_to_string(Value t, StrBuf *out); /* "$([int])" -> "int" */

#endif
