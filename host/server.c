/*
** server: the job server mode (see the header).  The protocol is jobs/wire.h; the job itself
** runs through jobs/jobrun.h, the same routine thread jobs use.
*/
#define _GNU_SOURCE
#include "host/server.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
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
    unsigned f = (host & JOBSINK_HOST ? WIRE_INFO_HOST : 0) |
                 (host & JOBSINK_NONEWLINE ? WIRE_INFO_NONEWLINE : 0);
    WireInfo in = {f, -1, -1, rec};
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

/* Read-Host in the job: the job is Blocked (the parent is told) until the parent's
 * MSG_HOST_REPLY comes, which Receive-Job sends (jobcmds.c).  Stop-Job ends the process. */
static int server_read(void *ctx, Interp *I, char **line)
{
    Out *o = ctx;
    int rfd, wfd, rc = 0, done = 0;
    put_state(o, WST_BLOCKED, val_null());
    transport_fds(o->tr, &rfd, &wfd);
    while (!done) {
        WireMsg m;
        pthread_mutex_lock(&o->mu); /* the flusher writes on the same transport */
        int got = transport_recv(o->tr, &m);
        if (got > 0 && m.type == MSG_HOST_REPLY) {
            done = 1;
            rc = m.len > 0 && wire_get_text(&m, line) == 0;
        }
        pthread_mutex_unlock(&o->mu);
        if (got < 0) break; /* the shell is gone: no answer will come */
        struct pollfd pf = {rfd, POLLIN, 0};
        if (!got && poll(&pf, 1, -1) < 0 && errno != EINTR) break;
    }
    put_state(o, WST_RUNNING, val_null());
    return rc;
}

/* Run the job with the flusher beside it; returns when every frame is written. */
static void serve(Transport *tr, const WireStart *s, Interp *I)
{
    Out o = {tr, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};
    pthread_t th;
    int threaded = pthread_create(&th, NULL, flusher, &o) == 0;
    put_state(&o, WST_RUNNING, val_null());
    JobSink sink = {&o, put_output, put_error, put_text, put_info, server_read};
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

/* One job on the wire tr with the runspace I (made ahead of the job): the process's work. */
static int run_one(Transport *tr, Interp *I)
{
    WireStart s;
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

/* ---- the fork server ----
** `psmini --job-server <ppid> --fork-server`, stdin a SOCK_SEQPACKET socket: for every
** request (one byte carrying the two pipe ends of a job in SCM_RIGHTS) it clones itself with
** CLONE_PARENT, so the job process is the shell's own child (waitid, pidfd and setpgid work as
** for a spawned one) and starts without exec or C start-up (in a VM, glibc's CPU probing at
** start-up alone traps to the hypervisor dozens of times).  The reply is the
** child's pid (or -errno).  It ends when the shell closes the socket. */

/* Receive one request: 1 and fds[0..1] (read end, write end), 0 at end of stream, -1 on error. */
static int zygote_recv(int sock, int fds[2])
{
    char byte;
    struct iovec iov = {&byte, 1};
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(2 * sizeof(int))];
    } u;
    struct msghdr mh = {0};
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = u.buf;
    mh.msg_controllen = sizeof u.buf;
    ssize_t n;
    while ((n = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR)
        ;
    if (n <= 0) return n == 0 ? 0 : -1;
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    if (!c || c->cmsg_type != SCM_RIGHTS || c->cmsg_len != CMSG_LEN(2 * sizeof(int))) return -1;
    memcpy(fds, CMSG_DATA(c), 2 * sizeof(int));
    return 1;
}

/*
** fork(2) with the shell as the parent.  glibc has no wrapper for CLONE_PARENT, so this is the
** raw system call used like fork: the child runs on a copy of this stack.  That is safe here
** because the fork server is single-threaded (no lock can be held by another thread) and the
** child only relies on what fork would give it; glibc's cached thread id in the child still
** names this process, which matters only to recursive-mutex ownership, consistent within the
** child.
*/
static pid_t clone_sibling(void)
{
    return (pid_t)syscall(SYS_clone, (unsigned long)(CLONE_PARENT | SIGCHLD), NULL, NULL, NULL,
                          0UL);
}

/* The job process made by the fork server: its own group, dies with the shell.  Its runspace
 * is made here, not inherited from the fork server: a runspace holds what belongs to one
 * process ($PID, its wake-up pipe and eventfd), which clones must not share. */
static int zygote_child(int sock, const int fds[2], long ppid)
{
    close(sock);
    setpgid(0, 0); /* the shell does it too: whichever runs first */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if ((long)getppid() != ppid) _exit(1);
    Transport *tr = transport_fd_new(fds[0], fds[1], 0);
    Interp *I = interp_new();
    cmdlets_open_all(I);
    return run_one(tr, I);
}

static int zygote_main(long ppid)
{
    int sock = fcntl(0, F_DUPFD_CLOEXEC, 3);
    int nul = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (sock < 0 || nul < 0) return 1;
    dup2(nul, 0);
    dup2(nul, 1);
    close(nul);
    /* One runspace made and dropped: the clones start with the heap and the command tables'
     * pages already touched once. */
    interp_free(interp_new());
    int fds[2];
    while (zygote_recv(sock, fds) > 0) {
        pid_t pid = clone_sibling();
        if (pid == 0) return zygote_child(sock, fds, ppid);
        int32_t reply = pid > 0 ? (int32_t)pid : -(int32_t)errno;
        close(fds[0]);
        close(fds[1]);
        if (send(sock, &reply, sizeof reply, MSG_NOSIGNAL) != (ssize_t)sizeof reply) break;
    }
    close(sock);
    return 0;
}

int server_main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    /* The fork server needs no death signal: the shell's end of its socket closes with it. */
    if (argc >= 4 && strcmp(argv[3], "--fork-server") == 0) return zygote_main(atol(argv[2]));
    if (bind_parent(argc, argv) != 0) return 1;
    Transport *tr = take_stdio();
    if (!tr) return 1;
    /* The session is made before the job arrives (it is the work a job process does before
     * its code runs). */
    Interp *I = interp_new();
    cmdlets_open_all(I);
    return run_one(tr, I);
}
