/*
** thread_backend: ThreadJobs on detached threads (see the header).
**
** Lifetime: a ThreadRun has two owners, the job (released by the backend's free hook) and the
** worker (or the throttle queue until a worker takes it).  The worker touches the job only
** while holding the table lock and then run->mu, and only when run->job is still set; the free
** hook clears run->job under the same two locks, in the same order, so a job that is removed
** while its thread runs simply stops receiving.  The worker holds an owner reference on the
** table, so the table outlives it.
*/
#define _GNU_SOURCE
#include "jobs/thread_backend.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
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
    StrBuf start;       /* the serialized WireStart */
    RunspaceFactory factory;
    void *fctx;
    Interp *I;        /* the worker's runspace while the script runs */
    int stopped;      /* Stop-Job: do not start, deliver nothing more */
    ThreadRun *qnext; /* throttle queue link */
};

typedef struct Pool { /* thread jobs of one table */
    JobTable *table;  /* borrowed key */
    int limit, running;
    ThreadRun *qhead, *qtail; /* NotStarted jobs, in start order */
    struct Pool *next;
} Pool;

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
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
    for (Pool *p = pools; p; p = p->next)
        if (p->table == t) return p;
    Pool *p = xcalloc(1, sizeof *p);
    p->table = t;
    p->limit = THROTTLE_DEFAULT;
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
    sb_free(&r->start);
    pthread_mutex_destroy(&r->mu);
    free(r);
}

/* ======================================================================== the worker */

/* Call fn on the job with both locks held, unless it has let go or was stopped.  Consumes v. */
static void with_job(ThreadRun *r, JobStream s, Value v, int is_state, JobState st)
{
    job_table_lock(r->table);
    pthread_mutex_lock(&r->mu);
    if (!r->job || r->stopped)
        val_unref(v);
    else if (is_state)
        job_set_state_take(r->job, st, v);
    else
        job_deliver_take(r->job, s, v);
    pthread_mutex_unlock(&r->mu);
    job_table_unlock(r->table);
}

/* A fresh deep copy of v made on this thread (nothing of the runspace is shared). */
static Value copy_value(Value v)
{
    StrBuf sb = {0};
    ser_put_value(&sb, v, SER_MAX_DEPTH);
    Value out;
    const char *err;
    if (ser_decode(sb.buf, sb.len, &out, &err) != 0) out = val_null();
    sb_free(&sb);
    return out;
}

static Value copy_error(Value rec)
{
    WireError e;
    jobrun_error_from_rec(rec, &e);
    Value out = jobrun_error_to_rec(&e);
    wire_error_free(&e);
    return out;
}

static void sink_output(void *ctx, Value v)
{
    with_job(ctx, JOB_OUTPUT, copy_value(v), 0, 0);
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
    with_job(ctx, JOB_INFORMATION, inforec_new(STREAM_INFO, val_str_data(s)), 0, 0);
    val_unref(s);
}

static void launch(ThreadRun *r);

/* One finished: start the next queued job of the pool, if any. */
static void pool_done(JobTable *t)
{
    ThreadRun *next = NULL;
    pthread_mutex_lock(&pool_mu);
    Pool *p = pool_of(t);
    p->running--;
    while (p->qhead && p->running < p->limit && !next) {
        ThreadRun *q = p->qhead;
        p->qhead = q->qnext;
        if (!p->qhead) p->qtail = NULL;
        pthread_mutex_lock(&q->mu);
        int dead = q->stopped || !q->job;
        pthread_mutex_unlock(&q->mu);
        if (dead) {
            job_table_unref(q->table);
            run_release(q);
            continue;
        }
        p->running++;
        next = q;
    }
    pthread_mutex_unlock(&pool_mu);
    if (next) launch(next);
}

static void execute(ThreadRun *r)
{
    Interp *I = r->factory(r->fctx);
    WireStart ws;
    WireMsg m = {MSG_START, (const uint8_t *)r->start.buf, r->start.len};
    Value reason = val_null();
    WireJobState st = WST_FAILED;
    if (wire_get_start(&m, &ws) == 0) {
        pthread_mutex_lock(&r->mu);
        r->I = I;
        pthread_mutex_unlock(&r->mu);
        JobSink sink = {r, sink_output, sink_error, sink_text, sink_info};
        st = jobrun_exec(I, &ws, &sink, 0, &reason);
        pthread_mutex_lock(&r->mu);
        r->I = NULL;
        pthread_mutex_unlock(&r->mu);
        wire_start_free(&ws);
    }
    Value fresh = errrec_is(reason) ? copy_error(reason) : val_null();
    val_unref(reason);
    interp_free(I);
    with_job(r, 0, fresh, 1, st == WST_FAILED ? JOB_FAILED : JOB_COMPLETED);
}

static void *worker(void *arg)
{
    ThreadRun *r = arg;
    with_job(r, 0, val_null(), 1, JOB_RUNNING);
    pthread_mutex_lock(&r->mu);
    int go = !r->stopped && r->job;
    pthread_mutex_unlock(&r->mu);
    if (go) execute(r);
    JobTable *t = r->table;
    pool_done(t);
    wake();
    run_release(r);
    job_table_unref(t);
    return NULL;
}

static void launch(ThreadRun *r)
{
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&a, (size_t)8 << 20);
    pthread_t tid;
    if (pthread_create(&tid, &a, worker, r) != 0) {
        /* no thread: the job fails at once */
        Value rec = val_null();
        with_job(r, 0, rec, 1, JOB_FAILED);
        pool_done(r->table);
        JobTable *t = r->table;
        run_release(r);
        job_table_unref(t);
    }
    pthread_attr_destroy(&a);
}

/* ======================================================================== the backend */

static int thread_start(Job *job, void *data)
{
    ThreadRun *r = data;
    int now = 0;
    pthread_mutex_lock(&pool_mu);
    Pool *p = pool_of(r->table);
    if (p->running < p->limit) {
        p->running++;
        now = 1;
    } else {
        if (p->qtail)
            p->qtail->qnext = r;
        else
            p->qhead = r;
        p->qtail = r;
    }
    pthread_mutex_unlock(&pool_mu);
    if (now) launch(r);
    return 0;
}

/* Stopped first (under both locks, so the worker's final state cannot win the race), then
 * the running native programs are cancelled; pure script keeps running to its end, delivering
 * nothing (the evaluator has no interrupt hook yet). */
static void thread_stop(Job *job, void *data)
{
    ThreadRun *r = data;
    job_table_lock(r->table);
    pthread_mutex_lock(&r->mu);
    r->stopped = 1;
    job_set_state(job, JOB_STOPPED, val_null());
    if (r->I && r->I->nctx) native_cancel(r->I->nctx, SIGKILL);
    pthread_mutex_unlock(&r->mu);
    job_table_unlock(r->table);
}

static void thread_free(void *data)
{
    ThreadRun *r = data;
    JobTable *t = r->table;
    job_table_lock(t);
    pthread_mutex_lock(&r->mu);
    r->job = NULL;
    r->stopped = 1;
    if (r->I && r->I->nctx) native_cancel(r->I->nctx, SIGKILL);
    pthread_mutex_unlock(&r->mu);
    job_table_unlock(t);
    run_release(r);
}

static const JobBackend thread_backend = {"thread", thread_start, NULL, thread_stop, thread_free};

void thread_backend_attach(JobTable *t, Job *j, const WireStart *s, RunspaceFactory f, void *ctx)
{
    ThreadRun *r = xcalloc(1, sizeof *r);
    pthread_mutex_init(&r->mu, NULL);
    r->refs = 2;
    r->job = j;
    r->table = job_table_ref(t);
    wire_put_start(&r->start, s);
    r->factory = f;
    r->fctx = ctx;
    job_attach(j, &thread_backend, r);
}

void thread_backend_set_throttle(JobTable *t, int limit)
{
    if (limit < 1) limit = 1;
    pthread_mutex_lock(&pool_mu);
    Pool *p = pool_of(t);
    p->limit = limit;
    p->running++; /* pool_done below gives it back and starts what now fits */
    pthread_mutex_unlock(&pool_mu);
    pool_done(t);
}
