/*
** strbuilder: System.Text.StringBuilder.  A mutable string with .NET's members (Append,
** AppendLine, AppendFormat, Insert, Remove, Replace, Clear, ToString, Length, Capacity,
** MaxCapacity, the Chars indexer) and .NET's capacity growth, so Out-Default's
** "Capacity MaxCapacity Length" table shows what pwsh shows.  Positions and lengths count
** characters (code points): the same as .NET's UTF-16 units outside the astral planes.
*/
#ifndef PSM_RUNTIME_STRBUILDER_H
#define PSM_RUNTIME_STRBUILDER_H

#include "runtime/members_util.h"

extern const ObjClass cls_strbuilder;
extern const MbrMethod strbuilder_statics[]; /* ::new(), ::new(capacity), ::new(value[, cap]) */
extern const MbrMethod strbuilder_methods[];

/* [System.Text.StringBuilder]v: a new builder holding v's string.  0 (cannot fail). */
int strbuilder_conv(Value v, Value *out, ConvError *err);
/* $sb[i]: 1 and the character at i in *out; -1 with err for an index out of range. */
int strbuilder_index(Value sb, int64_t i, Value *out, ConvError *err);

#endif
