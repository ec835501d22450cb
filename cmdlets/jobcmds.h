/*
** jobcmds: the job cmdlets (Start-Job, Get-Job, Receive-Job, Wait-Job, Stop-Job, Remove-Job,
** Start-ThreadJob, Invoke-Command) on top of jobs/jobrun.h, as one family table.  They are raw
** commands (CmdDef.params == NULL) that bind their arguments with runtime/binder.h, so each
** gets pwsh's parameter sets (Wait-Job $j binds -Job, Wait-Job 3 binds -Id).  Each runspace
** (Interp) owns one JobTable (Interp.jobs), created on first use.
*/
#ifndef PSM_CMDLETS_JOBCMDS_H
#define PSM_CMDLETS_JOBCMDS_H

#include "jobs/job.h"
#include "jobs/jobrun.h"
#include "runtime/binder.h"
#include "runtime/command.h"

extern const CmdDef jobcmds_table[]; /* the family, static data */
extern const int jobcmds_count;      /* its number of entries */

/* The parameter declaration (runtime/binder.h) a job cmdlet binds with, by cmdlet name
 * ("Get-Job", "Wait-Job", "Stop-Job", "Remove-Job", "Receive-Job", "Start-Job",
 * "Start-ThreadJob", "Invoke-Command"; case-insensitive), or NULL.  Static data. */
const CmdDecl *jobcmds_decl(const char *name);

/* Register the "Job" table view (idempotent). */
void jobcmds_register_views(void);

/* The job table of runspace I (Interp.jobs, created on first use; borrowed, lives as long as
 * the runspace, and longer while jobs of it are referenced). */
JobTable *jobcmds_table_of(Interp *I);
/* The same without creating one: NULL when no job cmdlet ran in I yet (the REPL's poll). */
JobTable *jobcmds_jobs(Interp *I);


/* For ForEach-Object -Parallel (cmdlets/parallel.c), the same pieces Start-ThreadJob uses:
 * the $using: values of script block sb looked up in the caller (*usings: dictionary or
 * $null; ST_THROW with pwsh's UsingVariableIsUndefined error), a thread job started in t in a
 * fresh runspace, and Receive-Job's delivery of j's records to c's streams. */
Status jobcmds_usings(CmdCtx *c, const char *cmdlet, Value sb, Value *usings);
Job *jobcmds_start_thread(JobTable *t, const JobRunSpec *s);
Status jobcmds_receive(CmdCtx *c, Job *j);

#endif
