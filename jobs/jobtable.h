/*
** jobtable: the job-selection rules shared by the job cmdlets (jobs.md 3.0, 3.3), Remove-Job's
** refusal rules (3.7) and the catalogue of their errors (6).  Errors come back as JobError
** (id, category, message, target); nothing here prints.  Built on the public job.h API.
*/
#ifndef PSM_JOBS_JOBTABLE_H
#define PSM_JOBS_JOBTABLE_H

#include <stddef.h>
#include <stdint.h>

#include "jobs/job.h"
#include "runtime/value.h"

/* A list of jobs, one reference each, without duplicates.  All-zero is a valid empty list. */
typedef struct JobList {
    Job **items;
    size_t len, cap;
} JobList;

void job_list_push(JobList *l, Job *j); /* adds a reference unless j is already there */
void job_list_free(JobList *l);         /* drops the references; l is empty again */
void job_list_sort(JobList *l);         /* by Id ascending (Get-Job's final order) */

/* A non-terminating error for the cmdlet to write. */
typedef struct JobError {
    const char *id;       /* ErrorId, e.g. "JobWithSpecifiedSessionNotFound" (static) */
    const char *category; /* "ObjectNotFound", "InvalidOperation" ... (static) */
    char *message;        /* owned */
    Value target;         /* TargetObject, owned ($null when none) */
} JobError;

void job_error_clear(JobError *e); /* frees message and target; e is zeroed */
/* "<id>,Microsoft.PowerShell.Commands.<Verb><Noun>Command" for cmdlet "Get-Job"; caller frees. */
char *job_error_fqid(const JobError *e, const char *cmdlet);
/* The ErrorRecord (runtime/errrec.h) for e raised by cmdlet: a new reference. */
Value job_error_record(const JobError *e, const char *cmdlet);
/* The same at the command's site (prog referenced; NULL: none), so a script shows pwsh's
 * ConciseView "Get-Job: /path/x.ps1:3" with its "Line |" block. */
struct Program;
Value job_error_record_at(const JobError *e, const char *cmdlet, struct Program *prog,
                          uint32_t start, uint32_t end);

/* ---- selection (3.0); each appends to out ---- */
void job_select_all(JobTable *t, JobList *out); /* every top-level job, by Id */
/* The job (top-level first, then children, recursively) with that Id; borrowed or NULL. */
Job *job_table_find_id(JobTable *t, int id);
/* 1 when found; 0 with *err = JobWithSpecifiedSessionNotFound. */
int job_select_id(JobTable *t, int id, JobList *out, JobError *err);
/* Case-insensitive wildcard match on Name over top-level jobs and (children != 0) their
 * children recursively.  0 with *err = JobWithSpecifiedNameNotFound when a pattern without
 * wildcards matched nothing; a wildcard that matches nothing is not an error. */
int job_select_name(JobTable *t, const char *pat, int children, JobList *out, JobError *err);
/* 1 when found (children searched too); 0 with *err = JobWithSpecifiedInstanceIdNotFound. */
int job_select_instance_id(JobTable *t, const char *guid, JobList *out, JobError *err);
void job_select_state(JobTable *t, JobState s, JobList *out); /* top-level jobs only */
/* Top-level jobs whose trimmed Command equals the trimmed pattern (case-insensitively) or
 * matches it as a wildcard. */
void job_select_command(JobTable *t, const char *pat, JobList *out);
/* Receive-Job -Location: children of j (recursively) whose Location equals one of locs. */
void job_select_location(Job *j, const char *const *locs, size_t n, JobList *out);

/* ---- Get-Job's filters (3.3 steps 2-5), in place ---- */
/* Append each listed job's children (only those in state *only when only != NULL). */
void job_list_add_children(JobList *l, const JobState *only);
void job_list_keep_more_data(JobList *l, int want); /* -HasMoreData */
/* -Before/-After: keep jobs with a PSEndTime strictly before / after (has_* says which). */
void job_list_keep_ended(JobList *l, int has_before, int64_t before, int has_after, int64_t after);
void job_list_keep_newest(JobList *l, size_t n); /* -Newest n by PSEndTime */

/* ---- Remove-Job (3.7) ---- */
typedef enum JobRemoveBy {
    JOB_RM_ID,         /* -Id */
    JOB_RM_JOB,        /* -Job (or pipeline) */
    JOB_RM_NAME,       /* -Name */
    JOB_RM_INSTANCEID, /* -InstanceId */
    JOB_RM_STATE,      /* -State: no finished check, no -Force */
    JOB_RM_COMMAND     /* -Command: no finished check, no -Force */
} JobRemoveBy;

int job_remove_has_force(JobRemoveBy by); /* -Force exists in that parameter set */
/* Remove j from the table: a child job is refused (CannotRemoveJob; with force it is stopped
 * first); an unfinished job is refused (JobObjectNotFinishedCannotBeRemoved) when the set checks
 * and force is 0; otherwise j is stopped, disposed and detached.  1 removed, 0 with *err. */
int job_table_remove(JobTable *t, Job *j, JobRemoveBy by, int force, JobError *err);

/* ShouldProcess targets: Stop-Job ("... associated with a job that has an ID of "<Id>".") and
 * Remove-Job ("... with the job ...").  Caller frees. */
char *job_stop_target(Job *j);
char *job_remove_target(Job *j);

/* ---- Wait-Job (3.5) ---- */
typedef enum JobWait {
    JOB_WAIT_DEADLOCK = -1, /* BlockedJobsDeadlockWithWaitJob (terminating) */
    JOB_WAIT_PENDING = 0,   /* keep waiting */
    JOB_WAIT_DONE = 1       /* stop waiting and write the done jobs */
} JobWait;

/* j counts as done: finished, or (without force) any persistent state. */
int job_wait_is_done(Job *j, int force);
/* Wait-Job's condition over jobs[0..n) in supplied order: without any, all done (Blocked jobs
 * deadlock); with any, one done (*first = the first done in supplied order; all Blocked
 * deadlock).  No jobs: done at once.  *first is set only for JOB_WAIT_DONE with any. */
JobWait job_wait_check(Job *const *jobs, size_t n, int any, int force, size_t *first);
/* 1 when the wait ended with some job Suspended or Disconnected (JOB_MSG_WAIT_SUSPENDED). */
int job_wait_warns(Job *const *jobs, size_t n);

/* ---- fixed messages of Receive-Job and Wait-Job (6) ---- */
typedef enum JobMsg {
    JOB_MSG_WAIT_KEEP, /* -Wait -Keep together */
    JOB_MSG_AUTOREMOVE_NOWAIT,
    JOB_MSG_WRITEEVENTS_NOWAIT,
    JOB_MSG_WRITEJOB_NOWAIT,
    JOB_MSG_FORCE_NOWAIT,
    JOB_MSG_COMPUTERNAME,   /* -ComputerName on a non-remoting job */
    JOB_MSG_SESSION,        /* -Session on a non-remoting job */
    JOB_MSG_WAIT_DEADLOCK,  /* Wait-Job on Blocked jobs (terminating) */
    JOB_MSG_WAIT_SUSPENDED, /* warning: the wait ended on Suspended/Disconnected */
    JOB_MSG_COUNT
} JobMsg;
const char *job_msg_text(JobMsg m); /* the message (static) */
const char *job_msg_id(JobMsg m);   /* its ErrorId ("" for the warning) */

#endif
