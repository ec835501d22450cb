/*
** thread_backend: a ThreadJob run on a thread of this process, in its own runspace made by the
** host's factory on that thread.  Worker threads are kept for a while after a job, with the
** next job's runspace already made, so a burst of jobs starts neither threads nor runspaces.
** The start data's values ($using:, -ArgumentList, -InputObject) are shared with the job, not
** copied (runtime/value.h THREADS), as pwsh passes the same objects.  Each record the job
** writes is serialized and decoded again on the worker (a fresh value nothing else
** references) before job_deliver_take hands it over: the job's runspace, which its objects
** may refer to (script members), ends with the job.
** At most the table's throttle limit of jobs run at once; the others wait NotStarted.
*/
#ifndef PSM_JOBS_THREAD_BACKEND_H
#define PSM_JOBS_THREAD_BACKEND_H

#include <poll.h>
#include <stddef.h>

#include "jobs/jobrun.h"

/* Attach to ThreadJob j of table t; s's text is copied and its values are shared (val_share:
 * the caller keeps its own references). */
void thread_backend_attach(JobTable *t, Job *j, const WireStart *s, RunspaceFactory f, void *ctx);
/* Throttle limit for t (default 5); raising it starts queued jobs. */
void thread_backend_set_throttle(JobTable *t, int limit);
/* End the idle worker threads (and free the runspaces they made ahead of need); those running
 * a job's script are left alone.  Returns once they are gone (jobrun_shutdown calls it). */
void thread_backend_retire(void);
/* The wake-up fd written when a thread job finishes (POLLIN); drained by thread_backend_ack. */
int thread_backend_wake_fd(void);
void thread_backend_ack(void);

#endif
