/*
** enums: .NET enum types psmini knows ([System.DayOfWeek], [ConsoleColor], flags enums such
** as [System.IO.FileAttributes]).  Each type is a row of a table (add more there); a value is
** an immutable object whose class is the type's own ObjClass, so GetType().Name is the enum's
** name.  Names compare case-insensitively; flags enums print and parse "A, B".
*/
#ifndef PSM_RUNTIME_ENUMS_H
#define PSM_RUNTIME_ENUMS_H

#include <stdint.h>

#include "runtime/convert.h"
#include "runtime/value.h"

typedef struct EnumType EnumType;

/* The enum type named name (full, without "System.", or short when unambiguous). */
const EnumType *enum_find(const char *name, size_t len);
int val_is_enum(Value v);
const EnumType *enum_type_of(Value v); /* v must be an enum value */
int64_t enum_value(Value v);           /* the underlying number */
Value enum_make(const EnumType *t, int64_t v);
const char *enum_fullname(const EnumType *t);
/* [T]v: a name ("Monday", "Public, Abstract"), an array of names, a number or an enum.
 * Fails with pwsh's text (the list of valid names). */
int enum_convert(const EnumType *t, Value v, Value *out, ConvError *err);
/* [T]::Name: 1 and the value when name is a member. */
int enum_member(const EnumType *t, const char *name, size_t len, Value *out);
/* [T]::GetNames() / GetValues() style list: the member names as a new string[]-like array. */
Value enum_names(const EnumType *t);

#endif
