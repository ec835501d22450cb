/*
** thread_backend: ThreadJobs on detached threads (see the header).
**
** Lifetime: a ThreadRun has two owners, the job (released by the backend's free hook) and the
** worker (or the throttle queue until a worker takes it).  The worker touches the job only
** while holding the table lock and then run->mu, and only when run->job is still set; the free
** hook clears run->job under the same two locks, in the same order, so a job that is removed
** while its thread runs simply stops receiving.  The run holds an owner reference on the
** table, so the table outlives it.
**
** Workers: a pool per table admits at most its throttle limit of runs; an admitted run goes to
** an idle worker (the r list) or to a new detached thread.  After a run a worker makes the next
** job's runspace (the spare) and waits IDLE_MS for a hand-over, then ends.  A worker counts as
** available from the moment it reports its job's end (nfinishing), so back-to-back jobs reuse
** it instead of starting threads.  Counters and lists are guarded by pool_mu.
*/
#define _GNU_SOURCE
#include "jobs/thread_backend.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "jobs/serialize.h"
#include "runtime/errrec.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/native.h"
#include "runtime/streams.h"

#define THROTTLE_DEFAULT 5

typedef struct ThreadRun ThreadRun;
struct ThreadRun {
    pthread_mutex_t mu; /* guards job, I, refs, stopped */
    int refs;           /* the job + the worker (or queue) */
    Job *job;           /* borrowed; NULL once the job let go */
    JobTable *table;    /* an owner reference, held by the worker side */
    WireStart start;    /* owned: copied strings, shared values (runtime/value.h) */
    RunspaceFactory factory;
    void *fctx;
    Interp *I;        /* the worker's runspace while the script runs */
    pthread_t worker; /* the thread running the script (valid while I is set) */
    pthread_cond_t unwound_cond; /* I went back to NULL: the script has ended (mu) */
    int stopped;      /* Stop-Job: do not start, deliver nothing more */
    pthread_cond_t replied_cond; /* a blocked Read-Host waits here (mu) */
    int replied;                 /* Receive-Job answered it (mu) */
    char *reply;                 /* the answer, owned; NULL: fail the read */
    int admitted;     /* holds a throttle slot (pool_mu) */
    int slot_freed;   /* Stop-Job gave the slot back before the worker ended (pool_mu) */
    ThreadRun *qnext; /* throttle queue link */
};

typedef struct Pool { /* thread jobs of one table */
    JobTable *table;  /* borrowed key */
    int limit, running;       /* running: admitted runs (on a worker or handed to one) */
    ThreadRun *qhead, *qtail; /* NotStarted jobs waiting for a slot, in start order */
    ThreadRun *rhead, *rtail; /* admitted runs handed to idle workers, not yet taken */
    int nidle, nready;        /* idle workers; runs on the r list */
    int nthreads, nscript;    /* live workers; those running a job's script */
    int nfinishing;           /* workers reporting a job's end: idle in a moment */
    int retire;               /* thread_backend_retire: workers leave once idle */
    pthread_cond_t cond;      /* idle workers wait here */
    struct Pool *next;
} Pool;

/* An idle worker keeps its thread and a runspace built ahead of need for this long, so a
 * burst of thread jobs costs neither a thread start nor a runspace construction per job. */
#define IDLE_MS 1000

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gone_cond = PTHREAD_COND_INITIALIZER; /* a worker ended */
static Pool *pools;
static pthread_once_t wake_once = PTHREAD_ONCE_INIT;
static int wake_fd = -1;

static void wake_init(void)
{
    wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

int thread_backend_wake_fd(void)
{
    pthread_once(&wake_once, wake_init);
    return wake_fd;
}

void thread_backend_ack(void)
{
    uint64_t n;
    if (thread_backend_wake_fd() >= 0 && read(wake_fd, &n, sizeof n) < 0) {
        /* nothing pending */
    }
}

static void wake(void)
{
    uint64_t one = 1;
    if (thread_backend_wake_fd() >= 0 && write(wake_fd, &one, sizeof one) < 0) {
        /* the counter is saturated: a wake-up is pending anyway */
    }
}

/* The pool of t (made on first use).  pool_mu held. */
static Pool *pool_of(JobTable *t)
{
    t = job_table_root(t); /* one throttle for the session, as pwsh's process-wide queue */
    for (Pool *p = pools; p; p = p->next)
        if (p->table == t) return p;
    Pool *p = xcalloc(1, sizeof *p);
    p->table = t;
    p->limit = THROTTLE_DEFAULT;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&p->cond, &ca);
    pthread_condattr_destroy(&ca);
    p->next = pools;
    pools = p;
    return p;
}

static void run_release(ThreadRun *r)
{
    pthread_mutex_lock(&r->mu);
    int last = --r->refs == 0;
    pthread_mutex_unlock(&r->mu);
    if (!last) return;
    wire_start_free(&r->start);
    free(r->reply);
    pthread_cond_destroy(&r->replied_cond);
    pthread_cond_destroy(&r->unwound_cond);
    pthread_mutex_destroy(&r->mu);
    free(r);
}

/* ======================================================================== the worker */

/* Call fn on the job with both locks held, unless it has let go or was stopped.  Consumes v,
 * which is marked shared first: the job, and so v, may be released on either thread. */
static void with_job(ThreadRun *r, JobStream s, Value v, int is_state, JobState st)
{
    val_share(v);
    job_table_lock(r->table);
    pthread_mutex_lock(&r->mu);
    if (!r->job || r->stopped)
        val_unref(v);
    else if (is_state)
        job_set_state_take(r->job, st, v);
    else if (job_stream_count(r->job, s) > 0)
        job_deliver_take(r->job, s, v);
    else if (job_deliver_take(r->job, s, v))
        wake(); /* the first unread record: Receive-Job -Wait streams a running job's output */
    pthread_mutex_unlock(&r->mu);
    job_table_unlock(r->table);
}

static Value copy_error(Value rec)
{
    WireError e;
    jobrun_error_from_rec(rec, &e);
    Value out = jobrun_error_to_rec(&e);
    wire_error_free(&e);
    return out;
}

/* Output goes to the caller as the job's own objects, as pwsh's ThreadJob hands them over
 * (no serialization, no PSComputerName or RunspaceId notes): with_job marks them shared. */
static void sink_output(void *ctx, Value v)
{
    with_job(ctx, JOB_OUTPUT, val_ref(v), 0, 0);
}

static void sink_error(void *ctx, Value rec)
{
    with_job(ctx, JOB_ERROR, copy_error(rec), 0, 0);
}

static void sink_text(void *ctx, WireType type, const char *msg)
{
    JobStream s = type == MSG_WARNING ? JOB_WARNING : type == MSG_VERBOSE ? JOB_VERBOSE : JOB_DEBUG;
    int stream = type == MSG_WARNING   ? STREAM_WARN
                 : type == MSG_VERBOSE ? STREAM_VERBOSE
                                       : STREAM_DEBUG;
    with_job(ctx, s, inforec_new(stream, msg), 0, 0);
}

static void sink_info(void *ctx, Value rec, int host)
{
    Value s = convert_to_string(rec, NULL);
    const char *msg = val_str_data(s);
    Value r = host ? inforec_new_host(msg) : inforec_new(STREAM_INFO, msg);
    if (host & JOBSINK_NONEWLINE) inforec_set_nonewline(r);
    with_job(ctx, JOB_INFORMATION, r, 0, 0);
    val_unref(s);
}

/* Read-Host in a thread job: Blocked until Receive-Job answers (thread_reply) or Stop-Job. */
static int sink_read(void *ctx, Interp *I, char **line)
{
    ThreadRun *r = ctx;
    with_job(r, 0, val_null(), 1, JOB_BLOCKED);
    wake();
    pthread_mutex_lock(&r->mu);
    while (!r->replied && !r->stopped && !interp_stopping(I))
        pthread_cond_wait(&r->replied_cond, &r->mu);
    int stopped = !r->replied;
    *line = r->reply;
    r->reply = NULL;
    r->replied = 0;
    pthread_mutex_unlock(&r->mu);
    if (stopped) return free(*line), *line = NULL, -1;
    with_job(r, 0, val_null(), 1, JOB_RUNNING);
    return *line != NULL;
}

static void launch(ThreadRun *r);

/* 1 when a queued run was let go (stopped, or its job freed) before it started. */
static int run_dead(ThreadRun *q)
{
    pthread_mutex_lock(&q->mu);
    int dead = q->stopped || !q->job;
    pthread_mutex_unlock(&q->mu);
    return dead;
}

static void run_drop(ThreadRun *q)
{
    JobTable *t = q->table;
    run_release(q);
    job_table_unref(t);
}

static void list_push(ThreadRun **head, ThreadRun **tail, ThreadRun *r)
{
    r->qnext = NULL;
    if (*tail)
        (*tail)->qnext = r;
    else
        *head = r;
    *tail = r;
}

static ThreadRun *list_pop(ThreadRun **head, ThreadRun **tail)
{
    ThreadRun *r = *head;
    if (!r) return NULL;
    *head = r->qnext;
    if (!*head) *tail = NULL;
    r->qnext = NULL;
    return r;
}

/*
** Admit queued runs while the limit allows: each goes to an idle worker (the r list) or, with
** none left, onto *launch (a new thread, started by the caller outside the lock); dead ones go
** onto *dead.  pool_mu held.
*/
static void admit(Pool *p, ThreadRun **launch_list, ThreadRun **dead)
{
    while (p->qhead && p->running < p->limit) {
        ThreadRun *q = list_pop(&p->qhead, &p->qtail);
        if (run_dead(q)) {
            q->qnext = *dead;
            *dead = q;
            continue;
        }
        p->running++;
        q->admitted = 1;
        if (p->nready < p->nidle + p->nfinishing) {
            list_push(&p->rhead, &p->rtail, q);
            p->nready++;
            pthread_cond_signal(&p->cond);
        } else {
            q->qnext = *launch_list;
            *launch_list = q;
        }
    }
}

/* Start what admit collected (pool_mu not held). */
static void admit_finish(ThreadRun *launch_list, ThreadRun *dead)
{
    while (dead) {
        ThreadRun *n = dead->qnext;
        run_drop(dead);
        dead = n;
    }
    while (launch_list) {
        ThreadRun *n = launch_list->qnext;
        launch(launch_list);
        launch_list = n;
    }
}

/* The worker is about to report its job's end: from now on a new job is handed to it rather
 * than to a new thread (run_ended takes it). */
static void mark_finishing(Pool *p)
{
    pthread_mutex_lock(&pool_mu);
    p->nfinishing++;
    pthread_mutex_unlock(&pool_mu);
}

/* Run r's script in I (which this call frees) and report its end. */
static void execute(Pool *p, ThreadRun *r, Interp *I)
{
    Value reason = val_null();
    if (!I->jobs) { /* a table of its own, with the session's one Id counter */
        I->jobs = job_table_new_linked(r->table);
        I->jobs_release = job_table_close;
    }
    pthread_mutex_lock(&r->mu);
    r->I = I;
    r->worker = pthread_self();
    if (r->stopped) interp_request_stop(I); /* Stop-Job came while the runspace was made */
    pthread_mutex_unlock(&r->mu);
    JobSink sink = {r, sink_output, sink_error, sink_text, sink_info, sink_read};
    WireJobState st = jobrun_exec(I, &r->start, &sink, 0, &reason);
    pthread_mutex_lock(&r->mu);
    r->I = NULL;
    pthread_cond_broadcast(&r->unwound_cond);
    pthread_mutex_unlock(&r->mu);
    val_keep_release(0); /* what the job read from shared values outside its statements */
    Value fresh = errrec_is(reason) ? copy_error(reason) : val_null();
    val_unref(reason);
    mark_finishing(p);
    with_job(r, 0, fresh, 1, st == WST_FAILED ? JOB_FAILED : JOB_COMPLETED);
    wake();
    interp_free(I); /* after the wake-up: the caller goes on meanwhile */
}

/* One run on this worker; *spare is a runspace made ahead by r's factory, or NULL. */
static void serve_run(Pool *p, ThreadRun *r, Interp **spare)
{
    with_job(r, 0, val_null(), 1, JOB_RUNNING);
    if (run_dead(r)) {
        mark_finishing(p);
        wake();
        return;
    }
    Interp *I = *spare ? *spare : r->factory(r->fctx);
    *spare = NULL;
    execute(p, r, I);
}

/* Take a handed-over run, if any (counted as running a script from now on).  pool_mu held. */
static ThreadRun *take_ready(Pool *p)
{
    ThreadRun *r = list_pop(&p->rhead, &p->rtail);
    if (!r) return NULL;
    p->nready--;
    p->nidle--;
    p->nscript++;
    return r;
}

/* A run has ended on this worker: the worker counts as idle from now on (so the next job is
 * handed to it rather than to a new thread), and takes a run that already waits.  *retiring:
 * idle workers should leave. */
static ThreadRun *run_ended(Pool *p, ThreadRun *done, int *retiring)
{
    ThreadRun *launch_list = NULL, *dead = NULL;
    pthread_mutex_lock(&pool_mu);
    if (!done->slot_freed) { /* else Stop-Job gave it back (free_slot): only one of the two may */
        done->slot_freed = 1;
        p->running--;
    }
    p->nscript--;
    p->nfinishing--;
    p->nidle++;
    admit(p, &launch_list, &dead);
    ThreadRun *r = take_ready(p);
    *retiring = p->retire;
    pthread_mutex_unlock(&pool_mu);
    admit_finish(launch_list, dead);
    return r;
}

/* Wait idle up to IDLE_MS for a hand-over: the run, or NULL when the worker should end. */
static ThreadRun *wait_run(Pool *p)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += IDLE_MS / 1000;
    until.tv_nsec += (long)(IDLE_MS % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) until.tv_sec++, until.tv_nsec -= 1000000000L;
    pthread_mutex_lock(&pool_mu);
    int timed_out = 0;
    while (!p->rhead && !p->retire && !timed_out)
        timed_out = pthread_cond_timedwait(&p->cond, &pool_mu, &until) != 0;
    ThreadRun *r = take_ready(p);
    if (!r) p->nidle--;
    pthread_mutex_unlock(&pool_mu);
    return r;
}

/* A worker thread: runs jobs of one pool until it has been idle for IDLE_MS (or is retired).
 * Launched with its first run already counted in nthreads and nscript. */
static void *worker(void *arg)
{
    ThreadRun *r = arg;
    pthread_mutex_lock(&pool_mu);
    Pool *p = pool_of(r->table);
    pthread_mutex_unlock(&pool_mu);
    Interp *spare = NULL;
    while (r) {
        serve_run(p, r, &spare);
        RunspaceFactory f = r->factory;
        void *fctx = r->fctx;
        int retiring;
        ThreadRun *done = r;
        r = run_ended(p, done, &retiring);
        run_drop(done);
        if (!r && !spare && !retiring) spare = f(fctx); /* the next job's runspace, made idle */
        if (!r) r = wait_run(p);
        if (r && spare && (r->factory != f || r->fctx != fctx)) {
            interp_free(spare);
            spare = NULL;
        }
    }
    interp_free(spare);
    pthread_mutex_lock(&pool_mu);
    p->nthreads--;
    pthread_cond_broadcast(&gone_cond);
    pthread_mutex_unlock(&pool_mu);
    return NULL;
}

static void launch(ThreadRun *r)
{
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, (size_t)8 << 20);
    pthread_t tid;
    pthread_mutex_lock(&pool_mu);
    Pool *p = pool_of(r->table);
    p->nthreads++;
    p->nscript++;
    pthread_mutex_unlock(&pool_mu);
    if (pthread_create(&tid, &a, worker, r) != 0) {
        /* no thread: the job fails at once */
        with_job(r, 0, val_null(), 1, JOB_FAILED);
        ThreadRun *launch_list = NULL, *dead = NULL;
        pthread_mutex_lock(&pool_mu);
        p->nthreads--;
        p->nscript--;
        p->running--;
        admit(p, &launch_list, &dead);
        pthread_mutex_unlock(&pool_mu);
        wake();
        run_drop(r);
        admit_finish(launch_list, dead);
    }
    pthread_attr_destroy(&a);
}

/* ======================================================================== the backend */

static int thread_start(Job *job, void *data)
{
    ThreadRun *r = data;
    ThreadRun *launch_list = NULL, *dead = NULL;
    pthread_mutex_lock(&pool_mu);
    Pool *p = pool_of(r->table);
    list_push(&p->qhead, &p->qtail, r);
    admit(p, &launch_list, &dead);
    pthread_mutex_unlock(&pool_mu);
    admit_finish(launch_list, dead);
    return 0;
}

/* Stop-Job gives a running job's throttle slot back at once and admits the next queued job
 * before it returns, rather than when the stopped script has unwound: the stopped job
 * delivers nothing more, so only its thread is still busy for a moment. */
static void free_slot(ThreadRun *r)
{
    ThreadRun *launch_list = NULL, *dead = NULL;
    pthread_mutex_lock(&pool_mu);
    Pool *p = pool_of(r->table);
    if (r->admitted && !r->slot_freed) {
        r->slot_freed = 1;
        p->running--;
        admit(p, &launch_list, &dead);
    }
    pthread_mutex_unlock(&pool_mu);
    admit_finish(launch_list, dead);
}

/* Stop-Job is synchronous: it returns once the script has unwound, so the native programs
 * the job started are gone too (the worker kills their groups as it unwinds) -- also when
 * the shell exits right after, which would otherwise leave them running.  The wait is
 * bounded: a script stuck where no stop check reaches it does not hang the caller.  A job
 * stopping itself does not wait for itself. */
#define UNWIND_WAIT_MS 3000
static void wait_unwound(ThreadRun *r)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += UNWIND_WAIT_MS / 1000;
    pthread_mutex_lock(&r->mu);
    while (r->I && !pthread_equal(r->worker, pthread_self()))
        if (pthread_cond_timedwait(&r->unwound_cond, &r->mu, &until) != 0) break;
    pthread_mutex_unlock(&r->mu);
}

/* Stopped first (under both locks, so the worker's final state cannot win the race), then
 * the running native programs are cancelled and the runspace is asked to stop (its script
 * unwinds at the next statement or loop iteration, finally blocks run, nothing is delivered). */
static void thread_stop(Job *job, void *data)
{
    ThreadRun *r = data;
    job_table_lock(r->table);
    pthread_mutex_lock(&r->mu);
    r->stopped = 1;
    pthread_cond_broadcast(&r->replied_cond);
    job_set_state(job, JOB_STOPPED, val_null());
    if (r->I) interp_request_stop(r->I);
    if (r->I && r->I->nctx) native_cancel(r->I->nctx, SIGKILL);
    pthread_mutex_unlock(&r->mu);
    job_table_unlock(r->table);
    free_slot(r);
    wait_unwound(r);
}

static void thread_free(void *data)
{
    ThreadRun *r = data;
    JobTable *t = r->table;
    job_table_lock(t);
    pthread_mutex_lock(&r->mu);
    r->job = NULL;
    r->stopped = 1;
    pthread_cond_broadcast(&r->replied_cond);
    if (r->I) interp_request_stop(r->I);
    if (r->I && r->I->nctx) native_cancel(r->I->nctx, SIGKILL);
    pthread_mutex_unlock(&r->mu);
    job_table_unlock(t);
    run_release(r);
}

static void thread_reply(Job *job, void *data, const char *line)
{
    ThreadRun *r = data;
    pthread_mutex_lock(&r->mu);
    free(r->reply);
    r->reply = line ? xstrdup(line) : NULL;
    r->replied = 1;
    pthread_cond_broadcast(&r->replied_cond);
    pthread_mutex_unlock(&r->mu);
}

static const JobBackend thread_backend = {"thread",    thread_start, NULL,
                                          thread_stop, thread_free,  thread_reply};

static char *dup_or_empty(const char *s)
{
    return xstrdup(s ? s : "");
}

/* The start data for the worker: text copied, values shared rather than copied, so reference
 * types ($using:, -ArgumentList, -InputObject) are the caller's objects, as in pwsh. */
static void start_copy(WireStart *d, const WireStart *s)
{
    d->name = dup_or_empty(s->name);
    d->script = dup_or_empty(s->script);
    d->workdir = dup_or_empty(s->workdir);
    d->init = dup_or_empty(s->init);
    Value *dv[] = {&d->args, &d->usings, &d->input};
    const Value sv[] = {s->args, s->usings, s->input};
    for (size_t i = 0; i < 3; i++) {
        val_share(sv[i]);
        *dv[i] = val_ref(sv[i]);
    }
    d->more_input = s->more_input;
}

void thread_backend_attach(JobTable *t, Job *j, const WireStart *s, RunspaceFactory f, void *ctx)
{
    ThreadRun *r = xcalloc(1, sizeof *r);
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->replied_cond, NULL);
    pthread_cond_init(&r->unwound_cond, NULL);
    r->refs = 2;
    r->job = j;
    r->table = job_table_ref(t);
    start_copy(&r->start, s);
    r->factory = f;
    r->fctx = ctx;
    job_attach(j, &thread_backend, r);
}

void thread_backend_set_throttle(JobTable *t, int limit)
{
    if (limit < 1) limit = 1;
    ThreadRun *launch_list = NULL, *dead = NULL;
    pthread_mutex_lock(&pool_mu);
    Pool *p = pool_of(t);
    p->limit = limit;
    admit(p, &launch_list, &dead);
    pthread_mutex_unlock(&pool_mu);
    admit_finish(launch_list, dead);
}

/* Workers running a script keep going (they end with the process); every other one leaves,
 * freeing its spare runspace, before this returns. */
void thread_backend_retire(void)
{
    pthread_mutex_lock(&pool_mu);
    for (Pool *p = pools; p; p = p->next) {
        p->retire = 1;
        pthread_cond_broadcast(&p->cond);
    }
    for (;;) {
        int left = 0;
        for (Pool *p = pools; p; p = p->next)
            left += p->nthreads - p->nscript + p->nfinishing;
        if (!left) break;
        pthread_cond_wait(&gone_cond, &pool_mu);
    }
    for (Pool *p = pools; p; p = p->next)
        p->retire = 0;
    pthread_mutex_unlock(&pool_mu);
}
