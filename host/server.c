/*
** server: the job server mode (see the header).  The protocol is jobs/wire.h; the job itself
** runs through jobs/jobrun.h, the same routine thread jobs use.
*/
#define _GNU_SOURCE
#include "host/server.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "cmdlets/registry.h"
#include "jobs/jobrun.h"
#include "jobs/serialize.h"
#include "jobs/wire.h"
#include "runtime/array.h"
#include "runtime/mem.h"

int server_wanted(int argc, char **argv)
{
    return argc >= 2 && strcmp(argv[1], "--job-server") == 0;
}

/* Die with the parent; refuse to run when it is already gone. */
static int bind_parent(int argc, char **argv)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (argc < 3) return 0;
    return (long)getppid() == atol(argv[2]) ? 0 : -1;
}

/* Move the wire off fds 0 and 1 and put /dev/null there.  Returns the transport. */
static Transport *take_stdio(void)
{
    int rfd = fcntl(0, F_DUPFD_CLOEXEC, 3);
    int wfd = fcntl(1, F_DUPFD_CLOEXEC, 3);
    int nul = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (rfd < 0 || wfd < 0 || nul < 0) return NULL;
    dup2(nul, 0);
    dup2(nul, 1);
    close(nul);
    return transport_fd_new(rfd, wfd, 0);
}

/* The next message (blocking).  1, or -1 when the parent is gone. */
static int next_msg(Transport *tr, WireMsg *m)
{
    for (;;) {
        int rc = transport_recv(tr, m);
        if (rc != 0) return rc;
        if (transport_wait(tr, -1) < 0) return -1;
    }
}

/* MSG_START, then the MSG_INPUT frames it announces.  0, or -1. */
static int read_start(Transport *tr, WireStart *s)
{
    WireMsg m;
    if (next_msg(tr, &m) < 0 || m.type != MSG_START || wire_get_start(&m, s) != 0) return -1;
    if (!s->more_input) return 0;
    Value input = val_is_array(s->input) ? val_ref(s->input) : arr_new(TY_OBJECT, 0);
    while (next_msg(tr, &m) > 0 && m.type == MSG_INPUT) {
        Value v;
        const char *err;
        if (wire_get_value(&m, &v, &err) == 0) arr_push_take(input, v);
    }
    val_unref(s->input);
    s->input = input;
    return 0;
}

/* ---- the sink: every record becomes a frame ----
** The job thread queues frames; a flusher thread writes what is queued within FLUSH_MS, so a
** record written just before the job blocks (a sleep, a native program) reaches the parent at
** once without a write(2) per record.  The transport is used under mu only. */

#define FLUSH_MS 2

typedef struct Out {
    Transport *tr;
    pthread_mutex_t mu;
    pthread_cond_t cond;
    int idle; /* the flusher sleeps until signalled */
    int done; /* the job ended: the flusher exits */
} Out;

static void out_send(Out *o, WireType type, const void *buf, size_t len)
{
    pthread_mutex_lock(&o->mu);
    transport_send(o->tr, type, buf, len);
    if (o->idle) {
        o->idle = 0;
        pthread_cond_signal(&o->cond);
    }
    pthread_mutex_unlock(&o->mu);
}

static void *flusher(void *arg)
{
    Out *o = arg;
    pthread_mutex_lock(&o->mu);
    while (!o->done) {
        if (transport_pending(o->tr) == 0) {
            o->idle = 1;
            pthread_cond_wait(&o->cond, &o->mu);
            continue;
        }
        transport_flush(o->tr);
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += FLUSH_MS * 1000000L;
        if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        pthread_cond_timedwait(&o->cond, &o->mu, &ts);
    }
    pthread_mutex_unlock(&o->mu);
    return NULL;
}

static void put_output(void *ctx, Value v)
{
    Out *o = ctx;
    StrBuf sb = {0};
    ser_put_value(&sb, v, SER_DEPTH_REMOTING);
    out_send(o, MSG_OUTPUT, sb.buf, sb.len);
    sb_free(&sb);
}

static void put_error(void *ctx, Value rec)
{
    WireError e;
    jobrun_error_from_rec(rec, &e);
    StrBuf sb = {0};
    wire_put_error(&sb, &e);
    out_send(ctx, MSG_ERROR, sb.buf, sb.len);
    sb_free(&sb);
    wire_error_free(&e);
}

static void put_text(void *ctx, WireType type, const char *msg)
{
    StrBuf sb = {0};
    wire_put_text(&sb, msg);
    out_send(ctx, type, sb.buf, sb.len);
    sb_free(&sb);
}

static void put_info(void *ctx, Value rec, int host)
{
    WireInfo in = {host ? WIRE_INFO_HOST : 0, -1, -1, rec};
    StrBuf sb = {0};
    wire_put_info(&sb, &in);
    out_send(ctx, MSG_INFORMATION, sb.buf, sb.len);
    sb_free(&sb);
}

static void put_state(Out *o, WireJobState st, Value reason)
{
    StrBuf sb = {0};
    WireError e;
    int has = st == WST_FAILED && !val_is_null(reason);
    if (has) jobrun_error_from_rec(reason, &e);
    wire_put_state(&sb, st, has ? &e : NULL);
    out_send(o, MSG_STATE, sb.buf, sb.len);
    sb_free(&sb);
    if (has) wire_error_free(&e);
}

/* Run the job with the flusher beside it; returns when every frame is written. */
static void serve(Transport *tr, const WireStart *s, Interp *I)
{
    Out o = {tr, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};
    pthread_t th;
    int threaded = pthread_create(&th, NULL, flusher, &o) == 0;
    put_state(&o, WST_RUNNING, val_null());
    JobSink sink = {&o, put_output, put_error, put_text, put_info};
    Value reason;
    WireJobState st = jobrun_exec(I, s, &sink, 1, &reason);
    put_state(&o, st, reason);
    val_unref(reason);
    pthread_mutex_lock(&o.mu);
    o.done = 1;
    pthread_cond_signal(&o.cond);
    pthread_mutex_unlock(&o.mu);
    if (threaded) pthread_join(th, NULL);
    transport_drain(tr);
}

int server_main(int argc, char **argv)
{
    if (bind_parent(argc, argv) != 0) return 1;
    signal(SIGPIPE, SIG_IGN);
    Transport *tr = take_stdio();
    if (!tr) return 1;
    WireStart s;
    /* The session is made before the job arrives: a server started ahead of need (jobrun's
     * warm server) then only runs the code. */
    Interp *I = interp_new();
    cmdlets_open_all(I);
    if (read_start(tr, &s) != 0) {
        interp_free(I);
        transport_close(tr);
        return 1;
    }
    serve(tr, &s, I);
    interp_free(I);
    transport_close(tr);
    wire_start_free(&s);
    return 0;
}
