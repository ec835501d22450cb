/*
** members_string: instance methods of System.String and System.Char, and the static members
** of [string] and [char].  Indexes and lengths are UTF-16 code units, as in .NET, over the
** UTF-8 text psmini stores.  Tables for members.c / statics.c.
*/
#ifndef PSM_RUNTIME_MEMBERS_STRING_H
#define PSM_RUNTIME_MEMBERS_STRING_H

#include "runtime/members_util.h"

extern const MbrMethod mbr_string_methods[]; /* "abc".Substring(1) ... */
extern const MbrMethod mbr_char_methods[];   /* ([char]'a').CompareTo('b') ... */
extern const MbrMethod mbr_string_statics[]; /* [string]::Join ... */
extern const MbrMethod mbr_char_statics[];   /* [char]::IsDigit ... */
extern const MbrProp mbr_string_sprops[];    /* [string]::Empty */

#endif
