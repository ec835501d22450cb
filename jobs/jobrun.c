/*
** jobrun: starting jobs for the cmdlets, the host's polling, and jobrun_exec, which runs a job's
** script inside a runspace for both the job server and the thread backend.
**
** jobrun_exec reaches into the runspace (runtime/eval.h) for three things interp.h does not
** offer yet: the error and stream pipes (so errors and warnings arrive as records, not rendered
** text), the script scope (to define $using: values and the job's arguments), and the pending
** terminating error (the Failed reason).  See the report of the job issue for the hooks asked.
*/
#include "jobs/jobrun.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jobs/proc_backend.h"
#include "jobs/serialize.h"
#include "jobs/thread_backend.h"
#include "runtime/array.h"
#include "runtime/errrec.h"
#include "runtime/eval.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/native.h"
#include "runtime/runloc.h"
#include "runtime/scriptblock.h"
#include "runtime/streams.h"

/* ======================================================================== error records */

#define X_EXCNAME(id, n, f, p) f,
static const char *const exc_names[] = {EXC_KINDS(X_EXCNAME)};
#undef X_EXCNAME

void jobrun_error_from_rec(Value rec, WireError *e)
{
    memset(e, 0, sizeof *e);
    e->message = xstrdup(errrec_message(rec));
    e->id = xstrdup(errrec_id(rec));
    e->category = xstrdup(errrec_category(rec)); /* CategoryInfo is an object now */
    Value t = errrec_target(rec);
    e->target = xstrdup(val_is_str(t) ? val_str_data(t) : "");
    e->target_type = xstrdup(val_is_null(t) ? "" : val_type_name(t));
    e->exception = xstrdup(exc_names[errrec_exc(rec)]);
    e->position = xstrdup("");
    const char *cmd = errrec_command(rec);
    e->command = xstrdup(cmd ? cmd : "");
}

static int lookup(const char *const *names, int n, const char *s, int dflt)
{
    for (int i = 0; i < n; i++)
        if (s && strcmp(names[i], s) == 0) return i;
    return dflt;
}

Value jobrun_error_to_rec(const WireError *e)
{
    ErrInit in = {0};
    in.msg = e->message;
    in.id = e->id;
    in.exc = (ExcKind)lookup(exc_names, EXC__COUNT, e->exception, EXC_RUNTIME);
    in.inner = in.exc;
    if (!errrec_category_lookup(e->category, &in.cat)) in.cat = ERRCAT_NOTSPECIFIED;
    in.command = e->command && *e->command ? e->command : NULL;
    /* `throw 'x'` records have FQID == message and show "Exception:" in ConciseView */
    if (in.exc == EXC_RUNTIME && e->id && e->message && strcmp(e->id, e->message) == 0)
        in.reason = "Exception";
    Value rec = errrec_new(&in);
    if (e->target && *e->target) {
        Value t = val_str(e->target);
        errrec_set_target(rec, t);
        val_unref(t);
    }
    return rec;
}

/* A record for a job that could not run its code (parse error, missing process ...). */
static Value plain_error(const char *msg, const char *id)
{
    ErrInit in = {0};
    in.msg = msg;
    in.id = id;
    in.exc = in.inner = EXC_RUNTIME;
    return errrec_new(&in);
}

/* ======================================================================== jobrun_exec */

typedef struct ExecPipe {
    Pipe pipe;
    const JobSink *sink;
    int stream; /* STREAM_OUT, STREAM_ERR, STREAM_WARN ... */
} ExecPipe;

static const WireType text_types[7] = {
    [STREAM_WARN] = MSG_WARNING, [STREAM_VERBOSE] = MSG_VERBOSE, [STREAM_DEBUG] = MSG_DEBUG};

/* How an information record of the job reaches the receiver: host writes, and records the
 * job's preference showed, are shown there too. */
static int info_flags(Interp *I, Value v)
{
    int shown = inforec_is_host(v) || stream_action(I, STREAM_INFO) == EA_CONTINUE;
    return (shown ? JOBSINK_HOST : 0) | (inforec_nonewline(v) ? JOBSINK_NONEWLINE : 0);
}

static Status exec_put(Interp *I, Pipe *p, Value v)
{
    ExecPipe *e = (ExecPipe *)p;
    const JobSink *k = e->sink;
    if (e->stream == STREAM_OUT)
        k->output(k->ctx, v);
    else if (e->stream == STREAM_ERR && errrec_is(v))
        k->error(k->ctx, v);
    else if (e->stream == STREAM_ERR)
        k->output(k->ctx, v); /* 2>&1 inside the job already merged it: keep it as data */
    else if (e->stream == STREAM_INFO) /* shown in the job: the receiver's host shows it too */
        k->info(k->ctx, v, info_flags(I, v));
    else
        k->text(k->ctx, text_types[e->stream], inforec_message(v));
    return ST_OK;
}

/* The runspace's own output sink: natives at the end of the job's pipeline are read as lines
 * (not given the process's stdout) because the sink is not the default one. */
static void exec_out(void *ctx, Value v)
{
    const JobSink *k = ctx;
    k->output(k->ctx, v);
}

static void exec_host(void *ctx, const char *text, size_t len)
{
    const JobSink *k = ctx;
    int nl = len && text[len - 1] == '\n';
    Value s = val_str_n(text, nl ? len - 1 : len);
    k->info(k->ctx, s, JOBSINK_HOST | (nl ? 0 : JOBSINK_NONEWLINE));
    val_unref(s);
}

/* Rendered errors only reach here when something bypasses the error pipe: keep them. */
static void exec_errtext(void *ctx, const char *text, size_t len)
{
    const JobSink *k = ctx;
    if (len && text[len - 1] == '\n') len--;
    char *s = xstrndup(text, len);
    Value rec = plain_error(s, s);
    k->error(k->ctx, rec);
    val_unref(rec);
    free(s);
}

static void define_global(Interp *I, const char *name, Value v)
{
    var_set(scope_define(I->global, name, strlen(name)), v);
}

/* The runspace's $using: table for the job block: the wire's "$using:x" keys as "x" (or
 * "script:x" ...), which is what a $using: reference names (eval_expr.c reads I->usings). */
static Value using_table(Value usings)
{
    Value t = ht_new(0);
    for (size_t i = 0; ht_is(usings) && i < ht_count(usings); i++) {
        Value k, v;
        ht_entry_peek(usings, i, &k, &v);
        if (!val_is_str(k)) continue;
        const char *name = val_str_data(k);
        if (*name == '$') name++;
        if (str_nicmp(name, "using:", 6) == 0) name += 6;
        Value key = val_str(name);
        ht_set(t, key, v);
        val_unref(key);
    }
    return t;
}

/* Run text in the script scope with output to out.  ST_THROW leaves the record in *reason. */
static Status run_text(Interp *I, const char *text, Pipe *out, Value *reason)
{
    Program *p = parse_program(text, strlen(text), NULL);
    if (prog_nerrors(p)) {
        const ParseError *pe = prog_error(p, 0);
        *reason = plain_error(pe->msg, pe->id);
        prog_unref(p);
        return ST_THROW;
    }
    Value sb = scriptblock_new(p, prog_root(p), NULL, 0);
    Program *saved = I->prog;
    Scope *cur = I->cur;
    I->prog = p;
    I->cur = I->script;
    Status st = eval_invoke(I, sb, 1, NULL, 0, val_null(), 0, out);
    I->cur = cur;
    I->prog = saved;
    val_unref(sb);
    prog_unref(p);
    if (st == ST_THROW) {
        *reason = I->error;
        I->error = val_null();
        if (!errrec_is(*reason)) {
            val_unref(*reason);
            *reason = plain_error("The job failed.", "JobFailed");
        }
    }
    free(I->label);
    I->label = NULL;
    return st;
}

/* The job's code: a script block value called with the arguments, fed the input objects. */
static Status run_job(Interp *I, const WireStart *s, Pipe *out, Value *reason)
{
    Program *p = parse_program(s->script, strlen(s->script), NULL);
    if (prog_nerrors(p)) {
        const ParseError *pe = prog_error(p, 0);
        *reason = plain_error(pe->msg, pe->id);
        prog_unref(p);
        return ST_THROW;
    }
    Value sb = scriptblock_new(p, prog_root(p), s->script, strlen(s->script));
    prog_unref(p);
    Value args = val_is_array(s->args) ? val_ref(s->args) : arr_new(TY_OBJECT, 0);
    define_global(I, "__psmJobBlock", sb);
    define_global(I, "__psmJobArgs", args);
    define_global(I, "__psmJobInput", s->input);
    val_unref(sb);
    val_unref(args);
    int has_input = val_is_array(s->input) && (arr_len(s->input) > 0 || s->more_input);
    const char *wrap = has_input ? "$__psmJobInput | & $__psmJobBlock @__psmJobArgs"
                                 : "& $__psmJobBlock @__psmJobArgs";
    return run_text(I, wrap, out, reason);
}

/* -InitializationScript.  A Start-Job (process) runspace fails to open, as pwsh's server
 * does, when the script throws or leaves anything in $Error, even a silenced or caught
 * error: the reason is "Running startup script threw an error: <newest $Error>."  A thread
 * job's init script is just the first part of its pipeline: only a throw fails it.  No
 * $using: table is set yet, so $using: here is UsingWithoutInvokeCommand (pwsh #4530). */
static Status run_init(Interp *I, const char *init, Pipe *out, int thread, Value *reason)
{
    size_t nerr = arr_len(I->errors);
    Status st = run_text(I, init, out, reason);
    if (thread || (st != ST_THROW && arr_len(I->errors) == nerr)) return st;
    StrBuf m = {0};
    Value last = st == ST_THROW ? *reason : arr_peek(I->errors, 0);
    sb_printf(&m, "Running startup script threw an error: %s.",
              errrec_is(last) ? errrec_message(last) : "");
    Value rec = plain_error(sb_str(&m), "StartupScriptThrewTerminatingError");
    sb_free(&m);
    if (st == ST_THROW) val_unref(*reason);
    *reason = rec;
    return ST_THROW;
}

WireJobState jobrun_exec(Interp *I, const WireStart *s, const JobSink *sink, int chdir_ok,
                         Value *reason)
{
    char base;
    ExecPipe pipes[7];
    for (int i = 0; i < 7; i++)
        pipes[i] = (ExecPipe){{exec_put}, sink, i};
    *reason = val_null();
    I->stack_base = &base;
    I->stack_limit = (size_t)2 << 20;
    I->err_pipe = &pipes[STREAM_ERR].pipe;
    /* Information too: pwsh writes every Write-Information record to the job's Information
     * stream (unless Ignore); the preference only decides whether it is shown. */
    for (int i = STREAM_WARN; i <= STREAM_INFO; i++)
        I->spipe[i] = &pipes[i].pipe;
    I->host_pipe = &pipes[STREAM_OUT].pipe;
    interp_set_output(I, exec_out, (void *)sink);
    interp_set_host(I, exec_host, (void *)sink);
    if (sink->read) interp_set_read(I, sink->read, sink->ctx);
    interp_set_errors(I, exec_errtext, (void *)sink);
    if (!chdir_ok) runloc_detach(I); /* a thread runspace never moves the process */
    I->thread_rs = !chdir_ok;        /* nor gives its natives the terminal (eval.h) */
    if (!chdir_ok) native_ctx_set_stop_flag(I->nctx, &I->stop_req); /* Stop-Job vs a spawn */
    if (s->workdir && *s->workdir && runloc_set(I, s->workdir) != 0) {
        char msg[512];
        snprintf(msg, sizeof msg, "Cannot find path '%s' because it does not exist.", s->workdir);
        *reason = plain_error(msg, "PathNotFound");
        return WST_FAILED;
    }
    Status st = ST_OK;
    if (s->init && *s->init) st = run_init(I, s->init, &pipes[STREAM_OUT].pipe, !chdir_ok, reason);
    if (st != ST_THROW) {
        I->usings = using_table(s->usings);
        st = run_job(I, s, &pipes[STREAM_OUT].pipe, reason);
        val_unref(I->usings);
        I->usings = val_null();
    }
    I->err_pipe = NULL;
    memset(I->spipe, 0, sizeof I->spipe);
    I->host_pipe = NULL;
    I->stack_base = NULL;
    return st == ST_THROW ? WST_FAILED : WST_COMPLETED;
}

/* ======================================================================== starting jobs */

/* The start message for s; values borrowed. */
static WireStart wire_start_of(const JobRunSpec *s, const char *name)
{
    WireStart w = {0};
    w.name = (char *)(name ? name : "");
    w.script = (char *)(s->script ? s->script : "");
    w.workdir = (char *)(s->workdir ? s->workdir : "");
    w.init = (char *)(s->init ? s->init : "");
    w.args = s->args;
    w.usings = s->usings;
    w.input = s->input;
    return w;
}

/* The caller's location when none was given (process jobs start there). */
static char *default_workdir(const JobRunSpec *s)
{
    if (s->workdir) return xstrdup(s->workdir);
    char buf[4096];
    return xstrdup(getcwd(buf, sizeof buf) ? buf : "");
}

Job *jobrun_start_background(JobTable *t, const JobRunSpec *s)
{
    JobSpec js = {JOB_KIND_BACKGROUND, s->name, s->command ? s->command : s->script, NULL, 0};
    Job *j = job_new(t, &js);
    char *wd = default_workdir(s);
    WireStart w = wire_start_of(s, job_name(j));
    w.workdir = wd;
    proc_backend_attach(t, job_child_at(j, 0), &w, "localhost", 0);
    free(wd);
    job_table_add(t, j);
    job_start(j);
    return j;
}

Job *jobrun_start_thread(JobTable *t, const JobRunSpec *s, RunspaceFactory f, void *ctx)
{
    JobSpec js = {JOB_KIND_THREAD, s->name, s->command ? s->command : s->script, NULL, 0};
    Job *j = job_new(t, &js);
    WireStart w = wire_start_of(s, job_name(j));
    w.workdir = (char *)""; /* one process, one cwd: thread jobs share the caller's */
    thread_backend_attach(t, j, &w, f, ctx);
    job_table_add(t, j);
    job_start(j);
    return j;
}

int jobrun_is_local(const char *name)
{
    static const char *const locals[] = {"localhost", ".", "127.0.0.1", "::1"};
    for (size_t i = 0; i < sizeof locals / sizeof *locals; i++)
        if (str_icmp(name, locals[i]) == 0) return 1;
    char host[256];
    if (gethostname(host, sizeof host) != 0) return 0;
    host[sizeof host - 1] = '\0';
    return str_icmp(name, host) == 0;
}

/* A child for a computer we cannot reach: it fails when started. */
typedef struct Unreachable {
    char *computer;
} Unreachable;

static int unreachable_start(Job *job, void *data)
{
    Unreachable *u = data;
    char msg[1024];
    snprintf(msg, sizeof msg,
             "[%s] Connecting to remote server %s failed with the following error message : "
             "psmini has no remoting transport for non-local computers yet (SSH is planned). "
             "For more information, see the about_Remote_Troubleshooting Help topic.",
             u->computer, u->computer);
    Value rec = plain_error(msg, "PSSessionStateBroken");
    job_set_state(job, JOB_RUNNING, val_null());
    job_set_state(job, JOB_FAILED, rec);
    val_unref(rec);
    return -1;
}

static void unreachable_free(void *data)
{
    Unreachable *u = data;
    free(u->computer);
    free(u);
}

static const JobBackend unreachable_backend = {"unreachable", unreachable_start, NULL, NULL,
                                               unreachable_free, NULL};

Job *jobrun_start_remote(JobTable *t, const JobRunSpec *s)
{
    JobSpec js = {JOB_KIND_REMOTE, s->name, s->command ? s->command : s->script, s->computers,
                  s->ncomputers};
    Job *j = job_new(t, &js);
    char *wd = default_workdir(s);
    WireStart w = wire_start_of(s, job_name(j));
    w.workdir = wd;
    for (size_t i = 0; i < job_child_count(j) && i < s->ncomputers; i++) {
        Job *c = job_child_at(j, i);
        if (jobrun_is_local(s->computers[i])) {
            proc_backend_attach(t, c, &w, s->computers[i], !s->hide_computer);
        } else {
            Unreachable *u = xcalloc(1, sizeof *u);
            u->computer = xstrdup(s->computers[i]);
            job_attach(c, &unreachable_backend, u);
        }
    }
    free(wd);
    job_set_throttle(j, s->throttle > 0 ? s->throttle : 32); /* pwsh's default */
    job_table_add(t, j);
    job_start(j);
    return j;
}

void jobrun_set_throttle(JobTable *t, int limit)
{
    thread_backend_set_throttle(t, limit);
}

/* ======================================================================== the host's loop */

size_t jobrun_fds(JobTable *t, struct pollfd *fds, size_t max)
{
    size_t n = 0;
    if (max > 0) fds[0] = (struct pollfd){thread_backend_wake_fd(), POLLIN, 0};
    n = 1;
    n += proc_backend_fds(t, max > n ? fds + n : NULL, max > n ? max - n : 0);
    return n;
}

void jobrun_poll(JobTable *t, int timeout_ms)
{
    jobrun_poll_stop(t, timeout_ms, -1);
}

void jobrun_poll_stop(JobTable *t, int timeout_ms, int stop_fd)
{
    uint64_t gen = job_table_generation(t);
    proc_backend_poll(t); /* what is ready now; also re-arms jobs a Receive-Job has drained */
    if (timeout_ms != 0 && job_table_generation(t) == gen) {
        struct pollfd small[64];
        size_t need = jobrun_fds(t, small + 1, 63) + 1; /* [0]: stop_fd (ignored when < 0) */
        struct pollfd *fds = small;
        if (need > 64) {
            fds = xmalloc(need * sizeof *fds);
            jobrun_fds(t, fds + 1, need - 1);
        }
        fds[0] = (struct pollfd){stop_fd, POLLIN, 0};
        while (poll(fds, need, timeout_ms) < 0 && errno == EINTR)
            ;
        if (fds != small) free(fds);
    }
    thread_backend_ack();
    proc_backend_poll(t);
    job_table_start_queued(t); /* Invoke-Command -ThrottleLimit: a slot may have freed */
}

/* 1 when j and every child are finished. */
static int all_finished(Job *j)
{
    if (!job_state_is_finished(job_state(j))) return 0;
    for (size_t i = 0; i < job_child_count(j); i++)
        if (!all_finished(job_child_at(j, i))) return 0;
    return 1;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int jobrun_wait(JobTable *t, Job *j, int timeout_ms)
{
    long long end = timeout_ms < 0 ? 0 : now_ms() + timeout_ms;
    proc_backend_poll(t);
    while (!all_finished(j)) {
        int left = 100;
        if (timeout_ms >= 0) {
            long long rem = end - now_ms();
            if (rem <= 0) return 0;
            if (rem < left) left = (int)rem;
        }
        jobrun_poll(t, left);
    }
    return 1;
}

void jobrun_shutdown(void)
{
    proc_backend_kill_all();
    thread_backend_retire();
}

void jobrun_set_prewarm(int on)
{
    proc_backend_set_prewarm(on);
}

void jobrun_set_exe(const char *path)
{
    proc_backend_set_exe(path);
}

void jobrun_set_read_cap(size_t records)
{
    proc_backend_set_read_cap(records);
}

size_t jobrun_read_cap(void)
{
    return proc_backend_read_cap();
}
