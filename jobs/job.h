/*
** job: the job object model (jobs.md 1, 2, 5).  A Job is a refcounted Obj (so Get-Job output
** formats through the registered "Job" table view and Format-List shows pwsh's property order);
** kinds are the Start-Job/& parent and its one child, the Invoke-Command -AsJob parent and its
** per-computer children, and the childless ThreadJob.  States follow the JobState enum and the
** transition table of 2.2; a parent's state is derived from its children (2.3).  Backends
** (process, thread, remote) plug in through JobBackend and feed jobs with job_deliver and
** job_set_state.  Every Job belongs to a JobTable, which owns the one Id counter, the clock and
** the GUID source (injectable for tests) and a recursive mutex: thread backends may call
** job_deliver/job_set_state from their own thread, handing over values nothing else touches.
*/
#ifndef PSM_JOBS_JOB_H
#define PSM_JOBS_JOB_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/value.h"

/* X(id, Name): pwsh's System.Management.Automation.JobState, in enum-value order (0..10). */
#define JOB_STATES(X)                                                                              \
    X(JOB_NOTSTARTED, "NotStarted")                                                                \
    X(JOB_RUNNING, "Running")                                                                      \
    X(JOB_COMPLETED, "Completed")                                                                  \
    X(JOB_FAILED, "Failed")                                                                        \
    X(JOB_STOPPED, "Stopped")                                                                      \
    X(JOB_BLOCKED, "Blocked")                                                                      \
    X(JOB_SUSPENDED, "Suspended")                                                                  \
    X(JOB_DISCONNECTED, "Disconnected")                                                            \
    X(JOB_SUSPENDING, "Suspending")                                                                \
    X(JOB_STOPPING, "Stopping")                                                                    \
    X(JOB_ATBREAKPOINT, "AtBreakpoint")

#define X_JOBSTATE(id, name) id,
typedef enum JobState { JOB_STATES(X_JOBSTATE) JOB_STATE_COUNT } JobState;
#undef X_JOBSTATE

/* The record streams, in Format-List order (Output, Error, Progress, Verbose, ...). */
#define JOB_STREAMS(X)                                                                             \
    X(JOB_OUTPUT, "Output")                                                                        \
    X(JOB_ERROR, "Error")                                                                          \
    X(JOB_PROGRESS, "Progress")                                                                    \
    X(JOB_VERBOSE, "Verbose")                                                                      \
    X(JOB_DEBUG, "Debug")                                                                          \
    X(JOB_WARNING, "Warning")                                                                      \
    X(JOB_INFORMATION, "Information")

#define X_JOBSTREAM(id, name) id,
typedef enum JobStream { JOB_STREAMS(X_JOBSTREAM) JOB_STREAM_COUNT } JobStream;
#undef X_JOBSTREAM

typedef enum JobKind {
    JOB_KIND_BACKGROUND, /* Start-Job / & parent: PSRemotingJob "BackgroundJob", one child */
    JOB_KIND_REMOTE,     /* Invoke-Command -AsJob parent: PSRemotingJob "RemoteJob" */
    JOB_KIND_CHILD,      /* PSRemotingChildJob: runs the code, holds the Results queue */
    JOB_KIND_THREAD      /* Start-ThreadJob: ThreadJob "ThreadJob", no children */
} JobKind;

typedef struct Job Job;
typedef struct JobTable JobTable;

/* ---- JobState (cannot fail) ---- */
const char *job_state_name(JobState s); /* "NotStarted"; "" when out of range */
/* Case-insensitive name, or the enum's numeric value as text ("2"): 1 and *out, else 0. */
int job_state_parse(const char *s, size_t len, JobState *out);
int job_state_is_finished(JobState s);   /* Completed, Failed, Stopped */
int job_state_is_persistent(JobState s); /* finished, Suspended, Disconnected (Wait-Job) */
/* 1 when a running job (child or ThreadJob) may go from -> to (jobs.md 2.2). */
int job_transition_ok(JobState from, JobState to);
const char *job_stream_name(JobStream s); /* "Output" ... */

/* ---- the table: Id counter, clock, GUIDs, lock, and the session's top-level jobs ---- */

/* Returns .NET ticks (local time) for PSBeginTime/PSEndTime. */
typedef int64_t (*JobClockFn)(void *ctx);
/* Writes a GUID string of 36 characters plus NUL into out. */
typedef void (*JobGuidFn)(void *ctx, char out[37]);
/* Called (lock held, from any thread) after every state change or delivered record. */
typedef void (*JobNotifyFn)(void *ctx, Job *job);

JobTable *job_table_new(void); /* one owner reference; never fails */
/* Another owner of t.  Thread-safe. */
JobTable *job_table_ref(JobTable *t);
/* Drop an owner.  The last owner stops every unfinished job and releases the list; the memory
 * goes when the last job created from the table is gone too.  Thread-safe; NULL is fine. */
void job_table_unref(JobTable *t);
/* The runspace that owns t ends: every unfinished job in it stops now (a thread job's
 * script unwinds and its native programs die before this returns), whoever else still holds
 * the table -- a running thread job keeps an owner reference, so job_table_unref alone would
 * leave it running past the shell's exit.  Then drops the runspace's owner reference. */
void job_table_close(JobTable *t);
/* A table for another runspace of the same session (a thread job's): its own job list, so
 * Get-Job there sees only the jobs started there, but Ids from src's counter, as pwsh's job
 * Ids come from one process-wide counter; src's clock and GUID source.  One owner reference;
 * the Id counter's table is kept alive as long as this one. */
JobTable *job_table_new_linked(JobTable *src);
/* The table whose Id counter t uses: t itself unless t was made by job_table_new_linked.
 * Borrowed. */
JobTable *job_table_root(JobTable *t);
void job_table_set_clock(JobTable *t, JobClockFn fn, void *ctx); /* NULL: the system clock */
void job_table_set_guid(JobTable *t, JobGuidFn fn, void *ctx);   /* NULL: random v4 GUIDs */
void job_table_set_notify(JobTable *t, JobNotifyFn fn, void *ctx);
void job_table_lock(JobTable *t); /* the recursive table mutex, for multi-step readers */
void job_table_unlock(JobTable *t);
int job_table_next_id(JobTable *t); /* 1, 2, 3 ... never reused.  Thread-safe. */
/* Counter bumped on every change; job_table_wait blocks until it differs from seen or
 * timeout_ms passes (< 0: forever).  Returns the current generation. */
uint64_t job_table_generation(JobTable *t);
uint64_t job_table_wait(JobTable *t, uint64_t seen, int timeout_ms);

/* Add a top-level job (stores a reference; kept sorted by Id; a second add is ignored). */
void job_table_add(JobTable *t, Job *j);
/* Take j out of the list (drops the table's reference); 1 when it was there.  Does not stop
 * or dispose j: see job_table_remove in jobtable.h for Remove-Job's rules. */
int job_table_detach(JobTable *t, Job *j);
size_t job_table_count(JobTable *t);
Job *job_table_at(JobTable *t, size_t i); /* borrowed, i < count, sorted by Id */
/* Poll every job's backend once (the host's main loop). */
void job_table_poll(JobTable *t);

/* ---- creating jobs ---- */
typedef struct JobSpec {
    JobKind kind;            /* BACKGROUND, REMOTE or THREAD */
    const char *name;        /* -Name; NULL or "": "Job<Id>" */
    const char *command;     /* Command text, kept verbatim (inner whitespace and all) */
    const char *const *locs; /* REMOTE: one child per location, in order */
    size_t nlocs;            /* BACKGROUND ignores locs: one child at "localhost" */
} JobSpec;

/* A new job (one reference) with Ids taken parent first, then children.  A BACKGROUND or
 * REMOTE parent is Running at once (PSBeginTime set); children and ThreadJobs start
 * NotStarted.  Not added to the table (job_table_add).  Never fails. */
Job *job_new(JobTable *t, const JobSpec *spec);
Job *job_ref(Job *j);
void job_unref(Job *j);       /* NULL is fine */
Value job_value(Job *j);      /* a new reference as a Value */
Job *job_from_value(Value v); /* borrowed, seeing through PSObject wrappers; NULL if no job */
int job_value_is(Value v);    /* the view's type test (any job kind) */

/* ---- reading (main thread; the state and counts are read under the lock, so a backend
 * thread may be delivering meanwhile; strings are borrowed until the job changes) ---- */
int job_id(const Job *j);
const char *job_name(const Job *j);
void job_set_name(Job *j, const char *name); /* NULL or "": back to "Job<Id>" */
const char *job_instance_id(const Job *j);   /* "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" */
JobKind job_kind(const Job *j);
const char *job_type_name(const Job *j); /* PSJobTypeName: "BackgroundJob", "" for children */
const char *job_command(const Job *j);
const char *job_location(const Job *j);
JobState job_state(Job *j);
/* JobStateInfo.Reason: borrowed, $null when none; stable once the job is finished (a backend
 * sets it with the final state). */
Value job_reason(Job *j);
int job_has_more_data(Job *j);
int job_stop_requested(Job *j); /* Stop-Job was called on this job itself */
/* PSBeginTime / PSEndTime: 1 and the ticks when set, else 0. */
int job_begin_time(Job *j, int64_t *ticks);
int job_end_time(Job *j, int64_t *ticks);
size_t job_child_count(const Job *j);
Job *job_child_at(const Job *j, size_t i); /* borrowed */
Job *job_parent(const Job *j);             /* borrowed; NULL for top-level kinds */
/* Number of records in the public collection of stream s (never drained for children). */
size_t job_stream_count(Job *j, JobStream s);
size_t job_results_count(Job *j); /* child: the Results queue; others: 0 */
int job_disposed(Job *j);         /* removed by Remove-Job: collections closed and cleared */

/* Output notes (PSComputerName, RunspaceId, PSShowComputerName) of a child job's output: they
 * are added to each output record when it is read (Receive-Job, the Output collection), not
 * when it arrives, so a record nobody read yet costs only its value.  computer and runspace
 * are borrowed (stored as new references).  Main thread, before the job starts. */
void job_set_output_notes(Job *j, Value computer, Value runspace, int show);
/* Output record v of j as a reader sees it (with j's notes, if any): a new reference. */
Value job_output_view(Job *j, Value v);

/* ---- backends ---- */
/*
** A backend runs one leaf job (a child or a ThreadJob).  All hooks are optional.  start begins
** the work (0, or -1 after it has set the job Failed); poll delivers what has arrived without
** blocking; stop asks the work to end and must lead to job_set_state(Stopped) (at once for
** synchronous backends); free releases data when the job is freed or disposed, and must end
** any work still running (kill the process, join the thread).  start, poll and stop run on the
** main thread; a backend's own thread may only use the *_take delivery functions.
*/
typedef struct JobBackend {
    const char *name;
    int (*start)(Job *job, void *data);
    void (*poll)(Job *job, void *data);
    void (*stop)(Job *job, void *data);
    void (*free)(void *data);
    /* The answer to the job's blocked Read-Host: the line, or NULL to fail the read. */
    void (*reply)(Job *job, void *data, const char *line);
} JobBackend;

/* Attach be (static) with its data (owned by the job from now on) to a leaf job. */
void job_attach(Job *j, const JobBackend *be, void *data);
void *job_backend_data(Job *j);
/* Start a leaf job's backend, or every child of a parent (at most its throttle limit at once):
 * 0, or -1 when one failed. */
int job_start(Job *j);
/* Invoke-Command -ThrottleLimit: parent p runs at most limit children at once (0: all); the
 * others stay NotStarted until job_table_start_queued finds a slot.  Before job_start. */
void job_set_throttle(Job *p, int limit);
/* Start the children that wait for a slot of their parent's throttle limit (main loop). */
void job_table_start_queued(JobTable *t);
void job_poll(Job *j); /* recursive; no-op without a backend */
/* Stop-Job: finished jobs are left alone; otherwise marks the stop request, then a parent stops
 * each child and a leaf calls its backend's stop (without one it goes Stopped at once). */
void job_stop(Job *j);

/* A state change from the backend (or the tests): 1 when applied, 0 when the transition is
 * not allowed (2.2) or j is a parent (whose state is derived).  reason (borrowed, may be $null)
 * becomes JobStateInfo.Reason.  Sets PSBeginTime/PSEndTime once, closes the collections on a
 * finished state and re-derives the parent's state. */
int job_set_state(Job *j, JobState to, Value reason);
/* One record from the job's stream s (borrowed; the job stores a reference).  A child keeps it
 * in its Results queue and in the public collection; a ThreadJob in the collection.  0 when j
 * is a parent or already finished (collections closed). */
int job_deliver(Job *j, JobStream s, Value v);
/* The forms another thread uses: they consume reason / v (released when refused), which must
 * be values no other thread references (refcounts are not atomic), e.g. freshly deserialized
 * ones.  The borrowing forms above are for the main thread only. */
int job_set_state_take(Job *j, JobState to, Value reason);
int job_deliver_take(Job *j, JobStream s, Value v);

/* ---- Receive-Job ---- */
enum {
    JOB_RECV_KEEP = 1 << 0,     /* -Keep: copy instead of drain */
    JOB_RECV_NORECURSE = 1 << 1, /* -NoRecurse: the job's own data only */
    JOB_RECV_NOREASON = 1 << 2   /* not the failure reason (Receive-Job -Wait's early reads) */
};
/* Gets one record: from is the job that produced it, v borrowed for the call. */
typedef void (*JobEmitFn)(void *ctx, Job *from, JobStream s, Value v);
/*
** What Receive-Job writes for j (jobs.md 2.5, 4.4): a parent recurses into its children in
** order (unless NORECURSE), then its own data; a child gives its Results queue in arrival
** order; a ThreadJob its collections in the order Output, Error, Verbose, Debug, Warning,
** Progress, Information.  Without KEEP the records are taken out first, so emit may call back
** into the job.  After its data, a Failed job with a Reason emits that reason on JOB_ERROR,
** on every read (unless NOREASON).  Returns the number of records emitted.
*/
size_t job_receive(Job *j, unsigned flags, JobEmitFn emit, void *ctx);

/* Answer every Blocked leaf of j (j itself or its children) with line, or fail their reads
 * (line NULL).  Returns the number of jobs answered.  Main thread. */
size_t job_reply(Job *j, const char *line);
/* 1 when j or one of its children is Blocked. */
int job_is_blocked(Job *j);
/* Remove-Job's disposal: stop when unfinished, close and clear every collection and the
 * Results queue (children too) and release the backends. */
void job_dispose(Job *j);

/* Register the "Job" table view with the format engine (once; thread-safe). */
void job_register_views(void);

#endif
