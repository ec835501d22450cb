/*
** psinfo: the intrinsic members every value has: .psobject (a view with BaseObject,
** Properties, Members, TypeNames and Copy()), .pstypenames and .psbase (a dictionary's own
** properties, which keys of the same name hide); and the runner of script members
** (Add-Member ScriptProperty/ScriptMethod), the one part that needs the evaluator.
*/
#ifndef PSM_RUNTIME_PSINFO_H
#define PSM_RUNTIME_PSINFO_H

#include "runtime/members_util.h"

struct Interp;

extern const ObjClass cls_psinfo, cls_psbase, cls_psmembers;

/* $v.psobject / .pstypenames / .psbase: 1 and a new reference; 0 for any other name. */
int psinfo_get(Value v, const char *name, size_t len, Value *out);
/* What a .psobject or .psbase view stands for (borrowed); v itself for other values. */
Value psinfo_target(Value v);
extern const MbrMethod mbr_psinfo_methods[];    /* .psobject.Copy() */
extern const MbrMethod mbr_psmembers_methods[]; /* .psobject.Properties.Remove/Match */
/* $o.psobject.Properties['name']: 1 (and the description or $null) when coll is that
 * collection and key a string; 0 otherwise. */
int psinfo_member_at(Value coll, Value key, Value *out);

/* A ScriptProperty (getter) or ScriptMethod member running sb in runspace I with $this. */
Value psinfo_script_member(struct Interp *I, Value sb, int is_method);

#endif
