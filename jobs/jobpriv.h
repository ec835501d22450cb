/*
** jobpriv: the layout of a Job, shared by the two files that implement it (job.c: states,
** records, backends; jobprops.c: the ObjClass hooks and the view).  Nothing else includes it.
** Every field below the header is guarded by the owning table's mutex.
*/
#ifndef PSM_JOBS_JOBPRIV_H
#define PSM_JOBS_JOBPRIV_H

#include "jobs/job.h"

typedef struct ValVec { /* a growable list of owned Values */
    Value *items;
    size_t len, cap;
} ValVec;

typedef struct JobRecord { /* one entry of a child's Results queue */
    JobStream s;
    Value v; /* owned */
} JobRecord;

#define JOB_NPROPS 21 /* properties shown by Format-List (jobprops.c) */

struct Job {
    Obj obj;         /* header: the class names the .NET type */
    JobTable *table; /* the table the Id came from (a counted reference) */
    JobKind kind;
    int id;
    char *name; /* owned; "Job<Id>" when auto_name */
    int auto_name;
    char guid[37];  /* InstanceId */
    char *command;  /* owned, verbatim */
    char *location; /* owned */
    int status;     /* 1: StatusMessage is "" (children, ThreadJob); 0: $null */
    JobState state;
    Value reason;           /* JobStateInfo.Reason, owned; $null when none */
    int stop_requested;     /* Stop-Job was called on this job (parent rule 3) */
    int no_more_data;       /* parent: HasMoreData became false once, cached */
    int disposed;           /* Remove-Job: collections closed and cleared */
    int has_begin, has_end; /* PSBeginTime / PSEndTime set (each only once) */
    int64_t begin, end;     /* their ticks (local) */
    Job *parent;            /* borrowed; NULL for top-level kinds */
    Job **children;         /* one reference each */
    size_t nchildren, capchildren;
    ValVec streams[JOB_STREAM_COUNT]; /* the public Output, Error ... collections */
    JobRecord *results;               /* child: Results queue in arrival order */
    size_t nresults, capresults;
    Value note_computer, note_runspace; /* output notes added when read (job_output_view) */
    Value notes;                        /* the three notes as one table (ser_job_notes) */
    int note_show, has_notes;
    int throttle;  /* parent: children running at once (0: all); the rest wait NotStarted */
    int queued;    /* parent: some children wait for a slot (counted in the table) */
    int started;   /* leaf: its backend was started */
    const JobBackend *backend; /* NULL: none attached */
    void *backend_data;        /* owned through backend->free */
    Value pcache[JOB_NPROPS];  /* values lent out by prop_at (display only, main thread) */
};

/* Release what j owns (the ObjClass free hook calls this). */
void jobpriv_free(Job *j);

#endif
