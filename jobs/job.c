/*
** job: job objects, their states and records, and the table core (Id counter, clock, GUIDs,
** lock).  See job.h.  The display side (ObjClass hooks, the table view) is in jobprops.c.
*/
#include "jobs/job.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "jobs/jobprops.h"
#include "jobs/jobpriv.h"
#include "jobs/jobtable.h"
#include "jobs/serialize.h"
#include "runtime/datefmt.h"
#include "runtime/mem.h"

/* ======================================================================== states */

#define X_NAME(id, name) name,
static const char *const state_names[] = {JOB_STATES(X_NAME)};
static const char *const stream_names[] = {JOB_STREAMS(X_NAME)};
#undef X_NAME

#define B(s)     (1u << (s))
#define FINISHED (B(JOB_COMPLETED) | B(JOB_FAILED) | B(JOB_STOPPED))
#define ENDS     (B(JOB_STOPPING) | B(JOB_STOPPED) | B(JOB_FAILED))

/* Allowed targets per state for a job that runs code (jobs.md 2.2); finished is final. */
static const unsigned allowed[JOB_STATE_COUNT] = {
    [JOB_NOTSTARTED] = B(JOB_RUNNING) | ENDS,
    [JOB_RUNNING] = FINISHED | B(JOB_STOPPING) | B(JOB_BLOCKED) | B(JOB_DISCONNECTED) |
                    B(JOB_ATBREAKPOINT) | B(JOB_SUSPENDING),
    [JOB_BLOCKED] = B(JOB_RUNNING) | ENDS,
    [JOB_SUSPENDED] = B(JOB_RUNNING) | ENDS,
    [JOB_DISCONNECTED] = B(JOB_RUNNING) | ENDS,
    [JOB_SUSPENDING] = B(JOB_SUSPENDED) | B(JOB_RUNNING) | ENDS,
    [JOB_STOPPING] = FINISHED,
    [JOB_ATBREAKPOINT] = B(JOB_RUNNING) | ENDS,
};

const char *job_state_name(JobState s)
{
    return (unsigned)s < JOB_STATE_COUNT ? state_names[s] : "";
}

const char *job_stream_name(JobStream s)
{
    return (unsigned)s < JOB_STREAM_COUNT ? stream_names[s] : "";
}

int job_state_parse(const char *s, size_t len, JobState *out)
{
    for (int i = 0; i < JOB_STATE_COUNT; i++) {
        if (str_ieq_slice(s, len, state_names[i])) {
            *out = (JobState)i;
            return 1;
        }
    }
    if (len == 0 || len > 2) return 0;
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        n = n * 10 + (s[i] - '0');
    }
    if (n >= JOB_STATE_COUNT) return 0;
    *out = (JobState)n;
    return 1;
}

int job_state_is_finished(JobState s)
{
    return (unsigned)s < JOB_STATE_COUNT && (FINISHED & B(s)) != 0;
}

int job_state_is_persistent(JobState s)
{
    return job_state_is_finished(s) || s == JOB_SUSPENDED || s == JOB_DISCONNECTED;
}

int job_transition_ok(JobState from, JobState to)
{
    if ((unsigned)from >= JOB_STATE_COUNT || (unsigned)to >= JOB_STATE_COUNT) return 0;
    return (allowed[from] & B(to)) != 0;
}

/* ======================================================================== the table core */

struct JobTable {
    pthread_mutex_t mu;  /* recursive: guards everything here and every job's data */
    pthread_cond_t cond; /* broadcast when gen changes */
    uint64_t gen;        /* bumped on every change */
    int last_id;         /* the last Id handed out */
    int owners;          /* runspaces holding the table */
    int refs;            /* owners + live jobs created from the table */
    JobClockFn clock;
    void *clock_ctx;
    JobGuidFn guid;
    void *guid_ctx;
    JobNotifyFn notify;
    void *notify_ctx;
    Job **jobs; /* top-level jobs, one reference each, sorted by Id */
    size_t njobs, capjobs;
    size_t nqueued;  /* parents with children waiting for a throttle slot */
    uint64_t rng[4]; /* the InstanceId generator (random_guid) */
    int rng_seeded;
    JobTable *ids; /* the table whose Id counter this one uses (a reference), or NULL */
};

JobTable *job_table_new(void)
{
    JobTable *t = xcalloc(1, sizeof *t);
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&t->mu, &a);
    pthread_mutexattr_destroy(&a);
    pthread_cond_init(&t->cond, NULL);
    t->owners = t->refs = 1;
    return t;
}

void job_table_lock(JobTable *t)
{
    pthread_mutex_lock(&t->mu);
}

void job_table_unlock(JobTable *t)
{
    pthread_mutex_unlock(&t->mu);
}

JobTable *job_table_ref(JobTable *t)
{
    job_table_lock(t);
    t->owners++;
    t->refs++;
    job_table_unlock(t);
    return t;
}

/* Drop one reference (an owner's or a job's); frees the table at zero. */
static void table_release(JobTable *t)
{
    job_table_lock(t);
    int left = --t->refs;
    job_table_unlock(t);
    if (left) return;
    if (t->ids) table_release(t->ids);
    pthread_cond_destroy(&t->cond);
    pthread_mutex_destroy(&t->mu);
    free(t->jobs);
    free(t);
}

/* Two counts break the cycle table -> jobs -> table: the jobs' list dies with the last owner
 * (the runspaces), the struct itself with the last job, so a job held in a variable can still
 * lock its table after the session ended. */
void job_table_unref(JobTable *t)
{
    if (!t) return;
    job_table_lock(t);
    int last = --t->owners == 0;
    Job **jobs = last ? t->jobs : NULL;
    size_t n = last ? t->njobs : 0;
    if (last) {
        t->jobs = NULL;
        t->njobs = t->capjobs = 0;
    }
    job_table_unlock(t);
    for (size_t i = 0; i < n; i++) {
        job_stop(jobs[i]);
        job_unref(jobs[i]);
    }
    free(jobs);
    table_release(t);
}

void job_table_close(JobTable *t)
{
    if (!t) return;
    job_table_lock(t);
    size_t n = t->njobs;
    Job **jobs = n ? xmalloc(n * sizeof *jobs) : NULL;
    for (size_t i = 0; i < n; i++)
        jobs[i] = job_ref(t->jobs[i]);
    job_table_unlock(t);
    for (size_t i = 0; i < n; i++) {
        job_stop(jobs[i]);
        job_unref(jobs[i]);
    }
    free(jobs);
    job_table_unref(t);
}

void job_table_set_clock(JobTable *t, JobClockFn fn, void *ctx)
{
    t->clock = fn;
    t->clock_ctx = ctx;
}

void job_table_set_guid(JobTable *t, JobGuidFn fn, void *ctx)
{
    t->guid = fn;
    t->guid_ctx = ctx;
}

void job_table_set_notify(JobTable *t, JobNotifyFn fn, void *ctx)
{
    t->notify = fn;
    t->notify_ctx = ctx;
}

JobTable *job_table_new_linked(JobTable *src)
{
    JobTable *root = job_table_root(src);
    JobTable *t = job_table_new();
    job_table_lock(root);
    root->refs++;
    t->ids = root;
    job_table_unlock(root);
    t->clock = src->clock;
    t->clock_ctx = src->clock_ctx;
    t->guid = src->guid;
    t->guid_ctx = src->guid_ctx;
    return t;
}

JobTable *job_table_root(JobTable *t)
{
    return t->ids ? t->ids : t;
}

int job_table_next_id(JobTable *t)
{
    if (t->ids) return job_table_next_id(t->ids);
    job_table_lock(t);
    int id = ++t->last_id;
    job_table_unlock(t);
    return id;
}

uint64_t job_table_generation(JobTable *t)
{
    job_table_lock(t);
    uint64_t g = t->gen;
    job_table_unlock(t);
    return g;
}

uint64_t job_table_wait(JobTable *t, uint64_t seen, int timeout_ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    if (timeout_ms > 0) {
        until.tv_sec += timeout_ms / 1000;
        until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
    }
    job_table_lock(t);
    int rc = 0;
    while (t->gen == seen && rc != ETIMEDOUT && timeout_ms != 0) {
        if (timeout_ms < 0)
            rc = pthread_cond_wait(&t->cond, &t->mu);
        else
            rc = pthread_cond_timedwait(&t->cond, &t->mu, &until);
    }
    uint64_t g = t->gen;
    job_table_unlock(t);
    return g;
}

/* A change to j: bump the generation, wake waiters, tell the host.  Lock held. */
static void changed(JobTable *t, Job *j)
{
    t->gen++;
    pthread_cond_broadcast(&t->cond);
    if (t->notify) t->notify(t->notify_ctx, j);
}

/* Where j goes in the Id-sorted list, or -1 when it is there already.  Lock held. */
static long insert_at(const JobTable *t, const Job *j)
{
    if (t->njobs == 0 || t->jobs[t->njobs - 1]->id < j->id) return (long)t->njobs; /* usual */
    size_t at = t->njobs;
    for (size_t i = 0; i < t->njobs; i++) {
        if (t->jobs[i] == j) return -1;
        if (at == t->njobs && t->jobs[i]->id > j->id) at = i;
    }
    return (long)at;
}

void job_table_add(JobTable *t, Job *j)
{
    job_table_lock(t);
    long at = insert_at(t, j);
    if (at >= 0) {
        ARRAY_PUSH(t->jobs, t->njobs, t->capjobs, NULL);
        memmove(t->jobs + at + 1, t->jobs + at, (t->njobs - 1 - (size_t)at) * sizeof *t->jobs);
        t->jobs[at] = job_ref(j);
        changed(t, j);
    }
    job_table_unlock(t);
}

int job_table_detach(JobTable *t, Job *j)
{
    job_table_lock(t);
    int found = 0;
    for (size_t i = 0; i < t->njobs && !found; i++) {
        if (t->jobs[i] != j) continue;
        memmove(t->jobs + i, t->jobs + i + 1, (t->njobs - i - 1) * sizeof *t->jobs);
        t->njobs--;
        found = 1;
    }
    if (found && j->queued) { /* its waiting children will not start now */
        j->queued = 0;
        t->nqueued--;
    }
    if (found) changed(t, j);
    job_table_unlock(t);
    if (found) job_unref(j);
    return found;
}

size_t job_table_count(JobTable *t)
{
    job_table_lock(t);
    size_t n = t->njobs;
    job_table_unlock(t);
    return n;
}

Job *job_table_at(JobTable *t, size_t i)
{
    job_table_lock(t);
    Job *j = i < t->njobs ? t->jobs[i] : NULL;
    job_table_unlock(t);
    return j;
}

void job_table_poll(JobTable *t)
{
    for (size_t i = 0; i < job_table_count(t); i++) {
        Job *j = job_table_at(t, i);
        if (j) job_poll(j);
    }
}

/* The current time in local .NET ticks. */
static int64_t system_clock(void)
{
    DtParts p;
    dt_now(&p, 0);
    return dt_to_ticks(&p);
}

static int64_t table_now(JobTable *t)
{
    return t->clock ? t->clock(t->clock_ctx) : system_clock();
}

/* xoshiro256** over the table's state, seeded once from getrandom (the clock when that
 * fails): Guid.NewGuid needs unique, unpredictable-enough ids, not a syscall per job.  Lock
 * held. */
static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(JobTable *t)
{
    uint64_t *s = t->rng;
    if (!t->rng_seeded) {
        if (getrandom(s, sizeof t->rng, 0) != (ssize_t)sizeof t->rng) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            s[0] = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)(uintptr_t)t;
            s[1] = s[0] * 0x9E3779B97F4A7C15u + 1;
            s[2] = s[1] ^ 0xD1B54A32D192ED03u;
            s[3] = s[2] * 0x94D049BB133111EBu + 7;
        }
        t->rng_seeded = 1;
    }
    uint64_t r = rotl(s[1] * 5, 7) * 9, x = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= x;
    s[3] = rotl(s[3], 45);
    return r;
}

/* A version-4 GUID: Guid.NewGuid().  Lock held. */
static void random_guid(JobTable *t, char out[37])
{
    unsigned char b[16];
    uint64_t hi = rng_next(t), lo = rng_next(t);
    memcpy(b, &hi, 8);
    memcpy(b + 8, &lo, 8);
    b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
    static const char hex[] = "0123456789abcdef";
    char *p = out;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) *p++ = '-';
        *p++ = hex[b[i] >> 4];
        *p++ = hex[b[i] & 15];
    }
    *p = '\0';
}

/* ======================================================================== jobs */

/* Per-kind data as a table (jobs.md 1.1). */
typedef struct KindInfo {
    const char *type_name; /* PSJobTypeName */
    int is_parent;         /* state derived from children; never runs code */
    int has_results;       /* Results queue (Receive-Job drains it, not the collections) */
} KindInfo;

static const KindInfo kinds[] = {
    [JOB_KIND_BACKGROUND] = {"BackgroundJob", 1, 0},
    [JOB_KIND_REMOTE] = {"RemoteJob", 1, 0},
    [JOB_KIND_CHILD] = {"", 0, 1},
    [JOB_KIND_THREAD] = {"ThreadJob", 0, 0},
};

/* ThreadJob receive order (ReceiveJob.cs WriteJobResults). */
static const JobStream thread_order[JOB_STREAM_COUNT] = {
    JOB_OUTPUT, JOB_ERROR, JOB_VERBOSE, JOB_DEBUG, JOB_WARNING, JOB_PROGRESS, JOB_INFORMATION};

/* Construct one job object (lock not needed: nobody sees it yet). */
static Job *job_alloc(JobTable *t, JobKind kind, const char *name, const char *command,
                      const char *loc)
{
    Job *j = (Job *)obj_alloc(jobprops_class(kind), sizeof *j);
    /* The table, and so the job, is reached from every runspace of the session, on their
     * threads: its count is atomic (runtime/value.h THREADS); its state is guarded by the
     * table's lock. */
    obj_share_self(&j->obj);
    j->table = t;
    job_table_lock(t);
    t->refs++;
    job_table_unlock(t);
    j->kind = kind;
    j->id = job_table_next_id(t);
    j->auto_name = !name || !*name;
    j->name = j->auto_name ? NULL : xstrdup(name);
    if (j->auto_name) {
        char buf[32];
        snprintf(buf, sizeof buf, "Job%d", j->id);
        j->name = xstrdup(buf);
    }
    job_table_lock(t);
    if (t->guid)
        t->guid(t->guid_ctx, j->guid);
    else
        random_guid(t, j->guid);
    job_table_unlock(t);
    j->guid[36] = '\0';
    j->command = xstrdup(command ? command : "");
    j->location = xstrdup(loc);
    j->reason = val_null();
    j->note_computer = j->note_runspace = j->notes = val_null();
    return j;
}

static void add_child(Job *p, Job *c)
{
    c->parent = p;
    ARRAY_PUSH(p->children, p->nchildren, p->capchildren, c);
}

/* The parent's Location: its children's joined with a bare comma. */
static char *joined_locations(const char *const *locs, size_t n)
{
    StrBuf sb = {0};
    for (size_t i = 0; i < n; i++) {
        if (i) sb_putc(&sb, ',');
        sb_puts(&sb, locs[i]);
    }
    return sb_take(&sb);
}

/* The parent is built first so it takes the lower Id (Job() increments the counter); a
 * PSRemotingJob sets itself Running in its constructor, so Start-Job never shows NotStarted. */
Job *job_new(JobTable *t, const JobSpec *spec)
{
    static const char *const local[] = {"localhost"};
    const char *const *locs = spec->kind == JOB_KIND_REMOTE ? spec->locs : local;
    size_t n = spec->kind == JOB_KIND_REMOTE ? spec->nlocs : 1;
    if (spec->kind == JOB_KIND_THREAD) {
        Job *j = job_alloc(t, JOB_KIND_THREAD, spec->name, spec->command, "PowerShell");
        j->status = 1;
        return j;
    }
    char *where = joined_locations(locs, n);
    Job *p = job_alloc(t, spec->kind, spec->name, spec->command, where);
    free(where);
    for (size_t i = 0; i < n; i++) {
        Job *c = job_alloc(t, JOB_KIND_CHILD, NULL, spec->command, locs[i]);
        c->status = 1;
        add_child(p, c);
    }
    p->state = JOB_RUNNING;
    p->begin = table_now(t);
    p->has_begin = 1;
    return p;
}

Job *job_ref(Job *j)
{
    val_ref(val_obj_take(&j->obj)); /* atomic when the job object is shared (value.h) */
    return j;
}

void job_unref(Job *j)
{
    if (j) val_unref(val_obj_take(&j->obj));
}

Value job_value(Job *j)
{
    return val_obj_take(&job_ref(j)->obj);
}

static void clear_results(Job *j)
{
    for (size_t i = 0; i < j->nresults; i++)
        val_unref(j->results[i].v);
    j->nresults = 0;
}

static void clear_vec(ValVec *vv)
{
    for (size_t i = 0; i < vv->len; i++)
        val_unref(vv->items[i]);
    vv->len = 0;
}

static void clear_records(Job *j)
{
    clear_results(j);
    for (int s = 0; s < JOB_STREAM_COUNT; s++)
        clear_vec(&j->streams[s]);
}

static void release_backend(Job *j)
{
    if (j->backend && j->backend->free) j->backend->free(j->backend_data);
    j->backend = NULL;
    j->backend_data = NULL;
}

/* ObjClass free hook (jobprops.c): children are owned by their parent. */
void jobpriv_free(Job *j)
{
    for (size_t i = 0; i < j->nchildren; i++)
        job_unref(j->children[i]);
    free(j->children);
    release_backend(j);
    clear_records(j);
    free(j->results);
    for (int s = 0; s < JOB_STREAM_COUNT; s++)
        free(j->streams[s].items);
    val_unref(j->reason);
    val_unref(j->note_computer);
    val_unref(j->note_runspace);
    val_unref(j->notes);
    jobprops_clear_cache(j);
    free(j->name);
    free(j->command);
    free(j->location);
    table_release(j->table);
}

/* ---- reading ---- */

int job_id(const Job *j)
{
    return j->id;
}

const char *job_name(const Job *j)
{
    return j->name;
}

void job_set_name(Job *j, const char *name)
{
    job_table_lock(j->table);
    free(j->name);
    j->auto_name = !name || !*name;
    if (j->auto_name) {
        char buf[32];
        snprintf(buf, sizeof buf, "Job%d", j->id);
        j->name = xstrdup(buf);
    } else {
        j->name = xstrdup(name);
    }
    job_table_unlock(j->table);
}

const char *job_instance_id(const Job *j)
{
    return j->guid;
}

JobKind job_kind(const Job *j)
{
    return j->kind;
}

const char *job_type_name(const Job *j)
{
    return kinds[j->kind].type_name;
}

const char *job_command(const Job *j)
{
    return j->command;
}

const char *job_location(const Job *j)
{
    return j->location;
}

JobState job_state(Job *j)
{
    job_table_lock(j->table);
    JobState s = j->state;
    job_table_unlock(j->table);
    return s;
}

Value job_reason(Job *j)
{
    return j->reason;
}

int job_stop_requested(Job *j)
{
    return j->stop_requested;
}

int job_begin_time(Job *j, int64_t *ticks)
{
    if (j->has_begin) *ticks = j->begin;
    return j->has_begin;
}

int job_end_time(Job *j, int64_t *ticks)
{
    if (j->has_end) *ticks = j->end;
    return j->has_end;
}

size_t job_child_count(const Job *j)
{
    return j->nchildren;
}

Job *job_child_at(const Job *j, size_t i)
{
    return i < j->nchildren ? j->children[i] : NULL;
}

Job *job_parent(const Job *j)
{
    return j->parent;
}

size_t job_stream_count(Job *j, JobStream s)
{
    job_table_lock(j->table);
    size_t n = (unsigned)s < JOB_STREAM_COUNT ? j->streams[s].len : 0;
    job_table_unlock(j->table);
    return n;
}

size_t job_results_count(Job *j)
{
    job_table_lock(j->table);
    size_t n = j->nresults;
    job_table_unlock(j->table);
    return n;
}

int job_disposed(Job *j)
{
    return j->disposed;
}

/* ThreadJob: any collection but Information holds something (TJ HasMoreData). */
static int thread_more(const Job *j)
{
    for (int s = 0; s < JOB_STREAM_COUNT; s++)
        if (s != JOB_INFORMATION && j->streams[s].len) return 1;
    return 0;
}

/* jobs.md 2.4, per kind.  Lock held.  A child's queue counts as "more data" while it is open,
 * i.e. until the job finishes, even when empty; a finished parent asks its children once they
 * are all drained and then remembers the answer false, as PSRemotingJob does. */
static int more_data(Job *j)
{
    if (j->kind == JOB_KIND_THREAD) return thread_more(j);
    if (j->kind == JOB_KIND_CHILD) return !job_state_is_finished(j->state) || j->nresults > 0;
    if (!job_state_is_finished(j->state)) return 1;
    if (j->no_more_data) return 0;
    for (size_t i = 0; i < j->nchildren; i++)
        if (more_data(j->children[i])) return 1;
    j->no_more_data = 1; /* cached false forever */
    return 0;
}

int job_has_more_data(Job *j)
{
    job_table_lock(j->table);
    int m = more_data(j);
    job_table_unlock(j->table);
    return m;
}

/* ======================================================================== state changes */

/* Apply a state and its timestamps.  Lock held. */
static void enter_state(Job *j, JobState to)
{
    j->state = to;
    if (to == JOB_RUNNING && !j->has_begin) {
        j->begin = table_now(j->table);
        j->has_begin = 1;
    }
    if (job_state_is_finished(to) && !j->has_end) {
        j->end = table_now(j->table);
        j->has_end = 1;
    }
    changed(j->table, j);
}

/* A PSRemotingJob parent's state from its children (jobs.md 2.3): Blocked and AtBreakpoint win
 * while any child is in them; once every child is finished or disconnected, Disconnected beats
 * Failed beats the parent's own stop request beats Completed.  A parent without children
 * (nothing to wait for) stays Running. */
static JobState derive(const Job *p)
{
    size_t blocked = 0, brk = 0, done = 0, disc = 0, failed = 0;
    for (size_t i = 0; i < p->nchildren; i++) {
        JobState s = p->children[i]->state;
        blocked += s == JOB_BLOCKED;
        brk += s == JOB_ATBREAKPOINT;
        done += job_state_is_finished(s);
        disc += s == JOB_DISCONNECTED;
        failed += s == JOB_FAILED;
    }
    if (blocked) return JOB_BLOCKED;
    if (brk) return JOB_ATBREAKPOINT;
    if (p->nchildren == 0 || done + disc < p->nchildren) return JOB_RUNNING;
    if (disc) return JOB_DISCONNECTED;
    if (failed) return JOB_FAILED;
    return p->stop_requested ? JOB_STOPPED : JOB_COMPLETED;
}

static void rederive(Job *p)
{
    if (!p || job_state_is_finished(p->state)) return;
    JobState s = derive(p);
    if (s != p->state) enter_state(p, s);
}

/* A parent is refused: its state only ever comes from derive().  A rejected transition leaves
 * everything as it was (the reason is dropped). */
int job_set_state_take(Job *j, JobState to, Value reason)
{
    if (kinds[j->kind].is_parent) {
        val_unref(reason);
        return 0;
    }
    job_table_lock(j->table);
    int ok = job_transition_ok(j->state, to);
    if (ok && !val_is_null(reason)) {
        val_unref(j->reason);
        j->reason = reason;
    } else {
        val_unref(reason);
    }
    if (ok) {
        enter_state(j, to);
        rederive(j->parent);
    }
    job_table_unlock(j->table);
    return ok;
}

int job_set_state(Job *j, JobState to, Value reason)
{
    return job_set_state_take(j, to, val_ref(reason));
}

/* The second reference (Results queue) is taken under the lock, before any other thread can see
 * v, so a worker thread's fresh value never has its count touched by two threads at once. */
int job_deliver_take(Job *j, JobStream s, Value v)
{
    if (kinds[j->kind].is_parent || (unsigned)s >= JOB_STREAM_COUNT) {
        val_unref(v);
        return 0;
    }
    job_table_lock(j->table);
    int ok = !job_state_is_finished(j->state) && !j->disposed;
    if (ok) {
        if (kinds[j->kind].has_results) {
            JobRecord r = {s, val_ref(v)};
            ARRAY_PUSH(j->results, j->nresults, j->capresults, r);
        }
        ARRAY_PUSH(j->streams[s].items, j->streams[s].len, j->streams[s].cap, v);
        changed(j->table, j);
    } else {
        val_unref(v);
    }
    job_table_unlock(j->table);
    return ok;
}

int job_deliver(Job *j, JobStream s, Value v)
{
    return job_deliver_take(j, s, val_ref(v));
}

void job_set_output_notes(Job *j, Value computer, Value runspace, int show)
{
    val_unref(j->note_computer);
    val_unref(j->note_runspace);
    j->note_computer = val_ref(computer);
    j->note_runspace = val_ref(runspace);
    j->note_show = show;
    j->has_notes = 1;
    val_unref(j->notes);
    j->notes = ser_job_notes(computer, runspace, show);
}

Value job_output_view(Job *j, Value v)
{
    if (!j->has_notes) return val_ref(v);
    return ser_stamp_job_notes(v, j->notes);
}

/* ======================================================================== backends */

void job_attach(Job *j, const JobBackend *be, void *data)
{
    release_backend(j);
    j->backend = be;
    j->backend_data = data;
}

void *job_backend_data(Job *j)
{
    return j->backend_data;
}

void job_set_throttle(Job *p, int limit)
{
    p->throttle = limit > 0 ? limit : 0;
}

/* Start p's waiting children while fewer than its limit run: 0, or -1 when one failed to
 * start.  *left = children still waiting. */
static int start_children(Job *p, size_t *left)
{
    size_t running = 0, waiting = 0;
    int rc = 0;
    for (size_t i = 0; i < p->nchildren; i++) {
        Job *c = p->children[i];
        running += c->started && !job_state_is_finished(job_state(c));
    }
    for (size_t i = 0; i < p->nchildren; i++) {
        Job *c = p->children[i];
        if (c->started || job_state(c) != JOB_NOTSTARTED) continue;
        if (p->throttle && running >= (size_t)p->throttle) {
            waiting++;
            continue;
        }
        if (job_start(c)) rc = -1;
        running += !job_state_is_finished(job_state(c));
    }
    *left = waiting;
    return rc;
}

int job_start(Job *j)
{
    int rc = 0;
    if (j->nchildren) {
        size_t left;
        rc = start_children(j, &left);
        if (left && !j->queued) {
            job_table_lock(j->table);
            j->queued = 1;
            j->table->nqueued++;
            job_table_unlock(j->table);
        }
    }
    j->started = 1;
    if (j->backend && j->backend->start && j->backend->start(j, j->backend_data)) rc = -1;
    return rc;
}

void job_table_start_queued(JobTable *t)
{
    job_table_lock(t);
    if (!t->nqueued) {
        job_table_unlock(t);
        return;
    }
    JobList l = {0};
    for (size_t i = 0; i < t->njobs; i++)
        if (t->jobs[i]->queued) job_list_push(&l, t->jobs[i]);
    job_table_unlock(t);
    for (size_t i = 0; i < l.len; i++) {
        Job *p = l.items[i];
        size_t left;
        start_children(p, &left);
        job_table_lock(t);
        if (!left && p->queued) {
            p->queued = 0;
            t->nqueued--;
        }
        job_table_unlock(t);
    }
    job_list_free(&l);
}

void job_poll(Job *j)
{
    for (size_t i = 0; i < j->nchildren; i++)
        job_poll(j->children[i]);
    if (j->backend && j->backend->poll) j->backend->poll(j, j->backend_data);
}

/* The flag is set before the children stop so that, when the last child reports Stopped, the
 * derivation (rule 3 of 2.3) sees it; a child stopped on its own leaves its parent Completed. */
void job_stop(Job *j)
{
    if (job_state_is_finished(job_state(j))) return;
    job_table_lock(j->table);
    j->stop_requested = 1;
    job_table_unlock(j->table);
    for (size_t i = 0; i < j->nchildren; i++)
        job_stop(j->children[i]);
    if (kinds[j->kind].is_parent) {
        job_table_lock(j->table);
        rederive(j);
        job_table_unlock(j->table);
    } else if (j->backend && j->backend->stop) {
        j->backend->stop(j, j->backend_data);
    } else {
        job_set_state(j, JOB_STOPPED, val_null());
    }
}

size_t job_reply(Job *j, const char *line)
{
    size_t n = 0;
    for (size_t i = 0; i < j->nchildren; i++)
        n += job_reply(j->children[i], line);
    if (j->backend && j->backend->reply && job_state(j) == JOB_BLOCKED) {
        j->backend->reply(j, j->backend_data, line);
        job_set_state(j, JOB_RUNNING, val_null()); /* answered: a Wait-Job now waits for it */
        n++;
    }
    return n;
}

int job_is_blocked(Job *j)
{
    if (job_state(j) == JOB_BLOCKED) return 1;
    for (size_t i = 0; i < j->nchildren; i++)
        if (job_is_blocked(j->children[i])) return 1;
    return 0;
}

void job_dispose(Job *j)
{
    job_stop(j);
    for (size_t i = 0; i < j->nchildren; i++)
        job_dispose(j->children[i]);
    job_table_lock(j->table);
    j->disposed = 1;
    clear_records(j);
    release_backend(j);
    changed(j->table, j);
    job_table_unlock(j->table);
}

/* ======================================================================== Receive-Job */

/* Take (or copy) the records Receive-Job reads from a leaf job.  Lock held. */
static JobRecord *take_records(Job *j, int keep, size_t *n)
{
    JobRecord *out = NULL;
    size_t len = 0, cap = 0;
    if (kinds[j->kind].has_results) {
        for (size_t i = 0; i < j->nresults; i++) {
            JobRecord r = {j->results[i].s, val_ref(j->results[i].v)};
            ARRAY_PUSH(out, len, cap, r);
        }
        if (!keep) clear_results(j);
    } else if (!kinds[j->kind].is_parent) {
        for (int k = 0; k < JOB_STREAM_COUNT; k++) {
            ValVec *vv = &j->streams[thread_order[k]];
            for (size_t i = 0; i < vv->len; i++) {
                JobRecord r = {thread_order[k], val_ref(vv->items[i])};
                ARRAY_PUSH(out, len, cap, r);
            }
            if (!keep) clear_vec(vv);
        }
    }
    *n = len;
    return out;
}

/* One job's own data, then its failure reason (WriteReasonError runs on every read, even after
 * the data was drained).  The records are taken under the lock and emitted outside it, so the
 * emit callback may call back into the job or block on the pipeline. */
static size_t receive_own(Job *j, unsigned flags, JobEmitFn emit, void *ctx)
{
    size_t n;
    int keep = (flags & JOB_RECV_KEEP) != 0, why = !(flags & JOB_RECV_NOREASON);
    job_table_lock(j->table);
    JobRecord *recs = take_records(j, keep, &n);
    Value reason = why && j->state == JOB_FAILED ? val_ref(j->reason) : val_null();
    if (n && !keep) changed(j->table, j);
    job_table_unlock(j->table);
    for (size_t i = 0; i < n; i++) {
        Value v = recs[i].s == JOB_OUTPUT ? job_output_view(j, recs[i].v) : val_ref(recs[i].v);
        emit(ctx, j, recs[i].s, v);
        val_unref(v);
        val_unref(recs[i].v);
    }
    free(recs);
    if (val_is_null(reason)) return n;
    emit(ctx, j, JOB_ERROR, reason);
    val_unref(reason);
    return n + 1;
}

/* Children first, in ChildJobs order, then the job itself (ReceiveJob's recursive helper); the
 * parent of a Start-Job has no data of its own, so -NoRecurse on it yields nothing. */
size_t job_receive(Job *j, unsigned flags, JobEmitFn emit, void *ctx)
{
    size_t n = 0;
    if (!(flags & JOB_RECV_NORECURSE)) {
        for (size_t i = 0; i < j->nchildren; i++)
            n += job_receive(j->children[i], flags, emit, ctx);
    }
    return n + receive_own(j, flags, emit, ctx);
}
