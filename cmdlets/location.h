/*
** location: the location and path cmdlets (Get-Location, Set-Location, Push-Location,
** Pop-Location, Join-Path, Split-Path, Resolve-Path, Test-Path).  The current location, the
** Set-Location history (cd - / cd +) and the Push-Location stack are the runspace's
** (runtime/runloc.h).
*/
#ifndef PSM_CMDLETS_LOCATION_H
#define PSM_CMDLETS_LOCATION_H

#include "runtime/command.h"

extern const CmdDef location_table[]; /* the family, static data */
extern const int location_count;      /* its number of entries */

/* The runspace's current location, absolute (owned copy of runloc_get). */
char *location_current(Interp *I);
/* The home directory for `~` ($HOME, else "/").  Borrowed. */
const char *location_home(void);

#endif
