/*
** objects: the object cmdlets (ForEach-Object, Where-Object, Select-Object, Sort-Object,
** Group-Object, Measure-Object, Compare-Object, Get-Unique, Join-String, Tee-Object,
** New-Object, Add-Member) as one family table.  Registering it shadows the core
** ForEach/Where/Measure-Object of runtime/command.c.  Also registers the GroupInfo views.
*/
#ifndef PSM_CMDLETS_OBJECTS_H
#define PSM_CMDLETS_OBJECTS_H

#include "runtime/command.h"

extern const CmdDef objects_table[]; /* the family, static data */
extern const int objects_count;      /* its number of entries */

/* Register the formatting views of GroupInfo (idempotent; cannot fail). */
void objects_register_views(void);

#endif
