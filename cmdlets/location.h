/*
** location: the location and path cmdlets (Get-Location, Set-Location, Push-Location,
** Pop-Location, Join-Path, Split-Path, Resolve-Path, Test-Path).  The current location is the
** process working directory (as $PWD and native commands see it); the Set-Location history
** (cd - / cd +) and the Push-Location stack are kept per runspace.
*/
#ifndef PSM_CMDLETS_LOCATION_H
#define PSM_CMDLETS_LOCATION_H

#include "runtime/command.h"

extern const CmdDef location_table[]; /* the family, static data */
extern const int location_count;      /* its number of entries */

/* SWAPPABLE: the runspace's current location, absolute (owned).  Today the process working
 * directory, as runtime/eval_expr.c's $PWD reads it; replace with the runspace API when one
 * exists.  Never fails ("/" when getcwd fails). */
char *location_current(Interp *I);
/* The home directory for `~` ($HOME, else "/").  Borrowed. */
const char *location_home(void);

#endif
