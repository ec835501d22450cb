/*
** jobcmds: the job cmdlets (Start-Job, Get-Job, Receive-Job, Wait-Job, Stop-Job, Remove-Job,
** Start-ThreadJob, Invoke-Command) on top of jobs/jobrun.h, as one family table.  They are raw
** commands (CmdDef.params == NULL) that bind their arguments with runtime/binder.h, so each
** gets pwsh's parameter sets (Wait-Job $j binds -Job, Wait-Job 3 binds -Id).  Each runspace
** (Interp) owns one JobTable, created on first use.
*/
#ifndef PSM_CMDLETS_JOBCMDS_H
#define PSM_CMDLETS_JOBCMDS_H

#include "jobs/job.h"
#include "runtime/command.h"

extern const CmdDef jobcmds_table[]; /* the family, static data */
extern const int jobcmds_count;      /* its number of entries */

/* Register the "Job" table view (idempotent). */
void jobcmds_register_views(void);

/* The job table of runspace I (created on first use; borrowed, lives as long as the process). */
JobTable *jobcmds_table_of(Interp *I);
/* The job table of the runspace most recently given one on the calling thread, or NULL when
 * no job cmdlet ran there yet (the REPL polls it before each prompt). */
JobTable *jobcmds_thread_table(void);

#endif
