/*
** utility: the utility cmdlets (Get-Date, New-TimeSpan, New-Guid, Get-Random, Measure-Command,
** Start-Sleep, Invoke-Expression, Read-Host, Write-Host) as one family table.  Registering it
** shadows the core Write-Host of runtime/command.c.  Get-Random's generator state is per
** thread (one runspace per thread), never shared between runspaces.
*/
#ifndef PSM_CMDLETS_UTILITY_H
#define PSM_CMDLETS_UTILITY_H

#include "runtime/command.h"

extern const CmdDef utility_table[]; /* the family, static data */
extern const int utility_count;      /* its number of entries */

#endif
