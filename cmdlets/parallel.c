#include "cmdlets/parallel.h"
#include <poll.h>
#include <stdlib.h>
#include <time.h>
#include "cmdlets/cmdutil.h"
#include "cmdlets/jobcmds.h"
#include "cmdlets/location.h"
#include "runtime/array.h"
#include "runtime/interp.h"
#include "runtime/mem.h"
#include "runtime/scriptblock.h"

/* One ForEach-Object -Parallel run: its private job table and the jobs not yet drained. */
typedef struct Par {
    JobTable *t;
    Job **jobs;
    size_t n, cap;
    char *script;
    Value usings;
    int64_t deadline; /* monotonic ms; 0: no -TimeoutSeconds */
    int timed_out;
} Par;

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void par_stop_all(Par *p)
{
    for (size_t i = 0; i < p->n; i++)
        if (!job_state_is_finished(job_state(p->jobs[i]))) job_stop(p->jobs[i]);
}

static void par_free(void *priv)
{
    Par *p = priv;
    par_stop_all(p);
    for (size_t i = 0; i < p->n; i++)
        job_unref(p->jobs[i]);
    free(p->jobs);
    free(p->script);
    val_unref(p->usings);
    job_table_close(p->t);
    free(p);
}

static int int_arg(CmdCtx *c, int i, int dflt)
{
    if (!c->bound[i]) return dflt;
    Value v = c->arg[i];
    return v.kind == VAL_INT32 ? v.as.i : dflt;
}

static Status par_check_set(CmdCtx *c, const ParallelParams *pp)
{
    for (int i = 0; i < 4; i++)
        if (c->bound[pp->conflicts[i]])
            return cmdutil_fail(
                c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "AmbiguousParameterSet",
                "Parameter set cannot be resolved using the specified named parameters. "
                "One or more parameters issued cannot be used together or an insufficient "
                "number of parameters were provided.");
    /* -AsJob's PSTaskJob (a parent with a child job per input object) is not built yet: say
     * so rather than run the blocks some other way. */
    if (cmdutil_flag(c, pp->asjob))
        return cmdutil_fail(c, EXC_NOTSUPPORTED, ERRCAT_INVALIDOPERATION, "NotSupported",
                            "ForEach-Object -Parallel -AsJob is not supported yet.");
    int limit = int_arg(c, pp->throttle, 5);
    if (limit < 1)
        return cmdutil_fail(c, EXC_PARAMBIND, ERRCAT_INVALIDDATA,
                            "ParameterArgumentValidationError",
                            "Cannot validate argument on parameter 'ThrottleLimit'. The %d "
                            "argument is less than the minimum allowed range of 1. Supply an "
                            "argument that is greater than or equal to 1 and then try the "
                            "command again.",
                            limit);
    return ST_OK;
}

static Status par_open(CmdCtx *c, const ParallelParams *pp)
{
    Status st = par_check_set(c, pp);
    if (st) return st;
    Value sb = c->arg[pp->block];
    if (!val_is(sb, &cls_scriptblock))
        return cmdutil_fail(c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT,
                            "ParameterArgumentTransformationError",
                            "Cannot bind parameter 'Parallel'. The argument is not a script "
                            "block.");
    Value usings = val_null();
    st = jobcmds_usings(c, "ForEach-Object", sb, &usings);
    if (st) return st;
    Par *p = xcalloc(1, sizeof *p);
    p->t = job_table_new_linked(jobcmds_table_of(c->I));
    jobrun_set_throttle(p->t, int_arg(c, pp->throttle, 5));
    p->script = xstrdup(scriptblock_text(sb));
    p->usings = usings;
    int secs = int_arg(c, pp->timeout, 0);
    if (secs > 0) p->deadline = now_ms() + (int64_t)secs * 1000;
    c->priv = p;
    c->priv_free = par_free;
    return ST_OK;
}

static Status par_start(CmdCtx *c, Par *p, Value item)
{
    Value input = arr_new(TY_OBJECT, 1);
    arr_push(input, item);
    char *wd = location_current(c->I);
    JobRunSpec s = {0};
    s.command = p->script;
    s.script = p->script;
    s.workdir = wd;
    s.usings = p->usings;
    s.input = input;
    Job *j = jobcmds_start_thread(p->t, &s);
    free(wd);
    val_unref(input);
    /* kept out of the table's list: Get-Job in the caller never sees these jobs */
    job_table_detach(p->t, j);
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->jobs = xrealloc(p->jobs, p->cap * sizeof *p->jobs);
    }
    p->jobs[p->n++] = j;
    return ST_OK;
}

/* Hand on what every job has produced so far; finished jobs are dropped once drained. */
static Status par_drain(CmdCtx *c, Par *p)
{
    jobrun_poll(p->t, 0);
    size_t keep = 0;
    Status st = ST_OK;
    for (size_t i = 0; i < p->n; i++) {
        Job *j = p->jobs[i];
        int done = job_state_is_finished(job_state(j));
        if (!st) st = jobcmds_receive(c, j);
        if (done && !st) {
            job_unref(j);
            continue;
        }
        p->jobs[keep++] = j;
    }
    p->n = keep;
    return st;
}

/* -TimeoutSeconds passed: the blocks still running are stopped and the command ends with
 * pwsh's PipelineStopped error (non-terminating); later input is not run. */
static Status par_timeout(CmdCtx *c, Par *p)
{
    p->timed_out = 1;
    par_stop_all(p);
    Status st = par_drain(c, p);
    Value rec = cmdutil_error_rec(c, EXC_INVALIDOP, ERRCAT_OPERATIONSTOPPED, "PipelineStopped",
                                  val_null(), "The pipeline has been stopped.");
    cmd_write_error(c, rec);
    val_unref(rec);
    return st;
}

static Status par_finish(CmdCtx *c, Par *p)
{
    Status st = ST_OK;
    while (!st && p->n && !p->timed_out) {
        int wait = 100;
        if (p->deadline) {
            int64_t left = p->deadline - now_ms();
            if (left <= 0) return par_timeout(c, p);
            if (left < wait) wait = (int)left;
        }
        jobrun_poll_stop(p->t, wait, interp_stop_fd(c->I));
        if (interp_stopping(c->I)) {
            par_stop_all(p);
            return ST_STOP;
        }
        st = par_drain(c, p);
    }
    return st;
}

Status parallel_foreach(CmdCtx *c, const ParallelParams *pp)
{
    if (!c->priv) {
        Status st = par_open(c, pp);
        if (st) return st;
    }
    Par *p = c->priv;
    if (p->timed_out) return ST_OK;
    if (c->phase == CMD_END) return par_finish(c, p);
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (p->deadline && now_ms() >= p->deadline) return par_timeout(c, p);
    Value item = c->has_input ? c->input : val_null();
    if (!c->has_input) {
        if (!c->bound[pp->input]) return ST_OK;
        item = c->arg[pp->input];
    }
    Status st = par_start(c, p, item);
    return st ? st : par_drain(c, p);
}
