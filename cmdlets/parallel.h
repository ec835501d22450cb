/*
** parallel: ForEach-Object -Parallel.  Each input object runs the script block as a thread job
** (jobs/jobrun.h, the machinery of Start-ThreadJob) in a fresh runspace, with $_ bound to the
** object and $using: values shared from the caller.  The jobs live in a table of their own, so
** Get-Job does not list them; their records reach the caller's streams as they arrive.
*/
#ifndef PSM_CMDLETS_PARALLEL_H
#define PSM_CMDLETS_PARALLEL_H

#include "runtime/command.h"

/* The indexes of ForEach-Object's parameters the parallel set reads. */
typedef struct ParallelParams {
    int block, throttle, timeout, asjob, input;
    int conflicts[4]; /* -Begin, -Process, -End, -MemberName: not with -Parallel */
} ParallelParams;

/* One phase of ForEach-Object -Parallel (c->priv holds the run between phases). */
Status parallel_foreach(CmdCtx *c, const ParallelParams *p);

#endif
