/*
** getmember: Get-Member.  Emits one MemberDefinition (TypeName, Name, MemberType, Definition)
** per member of each distinct input type, sorted by MemberType then Name, and registers
** pwsh's "memberinfo" view: a table grouped by TypeName ("   TypeName: System.String").
** Member lists are data: the .NET members psmini implements, with pwsh's signatures.
*/
#ifndef PSM_CMDLETS_GETMEMBER_H
#define PSM_CMDLETS_GETMEMBER_H

#include "runtime/command.h"

extern const CmdDef getmember_table[]; /* the family, static data */
extern const int getmember_count;      /* its number of entries */

/* Register the MemberDefinition view (idempotent; cannot fail). */
void getmember_register_views(void);

#endif
