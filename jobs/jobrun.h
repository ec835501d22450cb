/*
** jobrun: the glue the job cmdlets call.  It starts background jobs (Start-Job, &: a child
** psmini process per job, proc_backend), thread jobs (Start-ThreadJob: a runspace on a thread
** of this process, thread_backend) and Invoke-Command -AsJob jobs (one child per computer; the
** local names run like Start-Job), polls them without blocking, and stops and waits for them.
** It also holds jobrun_exec, the one routine that runs a job's script in a runspace, shared by
** the job server (host/server.c) and the thread backend.  Values reach a process job as
** serialize.h bytes; a thread job shares the caller's objects (runtime/value.h THREADS).
*/
#ifndef PSM_JOBS_JOBRUN_H
#define PSM_JOBS_JOBRUN_H

#include <poll.h>
#include <stddef.h>

#include "jobs/job.h"
#include "jobs/wire.h"
#include "runtime/interp.h"

/* Makes a fresh runspace with every cmdlet (the host's interp_new plus its families).  Called
 * on the thread job's own thread; the Interp is freed there with interp_free. */
typedef Interp *(*RunspaceFactory)(void *ctx);

/* What to run.  Values are borrowed: serialized during the start call (process jobs) or
 * marked shared and referenced (thread jobs). */
typedef struct JobRunSpec {
    const char *name;             /* -Name; NULL: "Job<Id>" */
    const char *command;          /* the Command property (script block text as written) */
    const char *script;           /* the code to run (script block text, or -FilePath's contents) */
    const char *init;             /* -InitializationScript text, or NULL */
    const char *workdir;          /* -WorkingDirectory; NULL: the caller's location (process cwd) */
    Value args;                   /* -ArgumentList: object[] or $null */
    Value usings;                 /* "$using:" values: OrderedDictionary name -> value, or $null */
    Value input;                  /* -InputObject / pipeline input: object[] or $null (no input) */
    const char *const *computers; /* Invoke-Command -AsJob: target names, in order */
    size_t ncomputers;
    int throttle;      /* Invoke-Command -ThrottleLimit: children at once (0: 32) */
    int hide_computer; /* Invoke-Command -HideComputerName: PSShowComputerName $false */
} JobRunSpec;

/* ---- starting (each returns a new reference to a job already added to t) ---- */
/* Start-Job / &: a BackgroundJob parent with one child running in a new process.  A spawn
 * failure leaves the child Failed with a Reason (the parent derives Failed). */
Job *jobrun_start_background(JobTable *t, const JobRunSpec *s);
/* Start-ThreadJob: a ThreadJob, Running at once or NotStarted while the table's throttle limit
 * of running thread jobs is reached.  s->workdir is ignored: threads share the process's
 * working directory (there is no per-runspace location yet). */
Job *jobrun_start_thread(JobTable *t, const JobRunSpec *s, RunspaceFactory f, void *ctx);
/* Invoke-Command -AsJob: a RemoteJob parent with one child per computer (s->computers, in
 * order).  localhost, ".", 127.0.0.1, ::1 and this host's name run in a local process; any
 * other name gives its child Failed with a remoting error (no SSH transport yet). */
Job *jobrun_start_remote(JobTable *t, const JobRunSpec *s);
/* 1 when name designates this machine (case-insensitive). */
int jobrun_is_local(const char *name);

/* Thread jobs running at once per table (Start-ThreadJob -ThrottleLimit; default 5).  Raising
 * it starts queued jobs. */
void jobrun_set_throttle(JobTable *t, int limit);

/* ---- the host's loop ---- */
/* Deliver whatever every job of t has ready, waiting up to timeout_ms (0: not at all, -1: until
 * something happens) when nothing was ready.  Never blocks on a full pipe.  The REPL calls it
 * before each prompt and while readline waits (with jobrun_fds); Wait-Job/Receive-Job -Wait
 * loop on it (or use jobrun_wait).  Main thread of the table's runspace only. */
void jobrun_poll(JobTable *t, int timeout_ms);
/* The same, also waking when stop_fd (interp_stop_fd: Ctrl+C, Stop-Job) is readable; -1: none. */
void jobrun_poll_stop(JobTable *t, int timeout_ms, int stop_fd);
/* The fds to add to a poll set (POLLIN on each, POLLOUT too when events says so): up to max
 * entries written, the number needed returned.  Valid until the next jobrun_* call. */
size_t jobrun_fds(JobTable *t, struct pollfd *fds, size_t max);
/* Wait until j (and its children) are finished or timeout_ms passes (< 0: forever), delivering
 * output meanwhile.  1 when finished. */
int jobrun_wait(JobTable *t, Job *j, int timeout_ms);
/* End every job process this process started (SIGKILL to their groups) and the fork server,
 * and reap them: the host calls it at exit.  Thread jobs end with the process. */
void jobrun_shutdown(void);
/* Process jobs come from a fork server (default on): one `psmini --job-server <pid>
 * --fork-server` process that clones itself per job, so a job starts without exec or C
 * start-up.  It is replaced when the environment or
 * the executable changed since it started, and used from the process's main thread only.  Off
 * kills it: every job process is then spawned from scratch. */
void jobrun_set_prewarm(int on);
/* The executable started for process jobs (default /proc/self/exe); copied. */
void jobrun_set_exe(const char *path);

/* Results a child job may hold before its process is no longer read (its server's writer then
 * spills to an unlinked temporary file, so nothing is lost and the shell's memory stays
 * bounded).  Such a job stays Running until a Receive-Job drains it and jobrun_poll reads on:
 * Wait-Job on it returns only at its -Timeout.  Default JOBRUN_READ_CAP; 0: no limit. */
#define JOBRUN_READ_CAP ((size_t)1 << 20)
void jobrun_set_read_cap(size_t records);
size_t jobrun_read_cap(void);

/* ---- running a job in a runspace (server side, thread side) ---- */
/* Where jobrun_exec sends the job's records.  Values are borrowed for the call. */
enum { JOBSINK_HOST = 1, JOBSINK_NONEWLINE = 2 };

typedef struct JobSink {
    void *ctx;
    void (*output)(void *ctx, Value v);
    void (*error)(void *ctx, Value rec);                     /* an ErrorRecord (non-terminating) */
    void (*text)(void *ctx, WireType type, const char *msg); /* warning/verbose/debug */
    /* An Information record, or host text (host: JOBSINK_HOST, plus JOBSINK_NONEWLINE when the
     * text did not end a line: Write-Host -NoNewline, Read-Host's prompt). */
    void (*info)(void *ctx, Value rec, int host);
    /* Read-Host in the job (optional): as ReadFn (interp.h); the job is Blocked meanwhile. */
    int (*read)(void *ctx, Interp *I, char **line);
} JobSink;

/*
** Run s in I: $using: values are defined, -InitializationScript runs first (its output is the
** job's), then the script with args bound and the input objects as pipeline input.  Returns
** WST_COMPLETED, or WST_FAILED with *reason = the terminating ErrorRecord (a new reference).
** Changes the process working directory to s->workdir when chdir_ok (process jobs only).
*/
WireJobState jobrun_exec(Interp *I, const WireStart *s, const JobSink *sink, int chdir_ok,
                         Value *reason);

/* ErrorRecord <-> wire form.  jobrun_error_from_rec fills owned strings (wire_error_free). */
void jobrun_error_from_rec(Value rec, WireError *e);
Value jobrun_error_to_rec(const WireError *e); /* a new ErrorRecord */

#endif
