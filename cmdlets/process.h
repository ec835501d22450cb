/*
** process: the process cmdlets (Get-Process, Stop-Process) over the /proc cores of proc.h.
** Registering the family also registers the Process table view.
*/
#ifndef PSM_CMDLETS_PROCESS_H
#define PSM_CMDLETS_PROCESS_H

#include "runtime/command.h"

extern const CmdDef process_table[]; /* the family, static data */
extern const int process_count;      /* its number of entries */

/* Register the Process views (idempotent; cannot fail). */
void process_register_views(void);

#endif
