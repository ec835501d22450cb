/*
** jobprops: how a Job looks to scripts and the formatter: one ObjClass per .NET job type
** (PSRemotingJob, PSRemotingChildJob, ThreadJob) with pwsh's Format-List property order,
** JobStateInfo (ToString = the state name), the Finished wait handle, and the "Job" table view
** (jobs.md 5).  The classes' hooks read the job under its table's lock.
*/
#ifndef PSM_JOBS_JOBPROPS_H
#define PSM_JOBS_JOBPROPS_H

#include "jobs/job.h"

const ObjClass *jobprops_class(JobKind kind); /* the class a job of that kind is made with */
void jobprops_clear_cache(Job *j);            /* drop the values lent by prop_at */

extern const ObjClass cls_jobstateinfo;
/* A JobStateInfo value {State, Reason}: reason borrowed; an ErrorRecord is shown as its
 * Exception (pwsh: Reason.Message), anything else is stored as a new reference. */
Value jobprops_state_info(JobState s, Value reason);

#endif
