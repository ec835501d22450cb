/*
** native: external programs and native pipelines (see native.h).
**
** Children are started with posix_spawn (glibc uses clone(CLONE_VM|CLONE_VFORK), so starting
** one costs about what dash's vfork does, and exec failures come back as the return value).
** One poll() loop per run multiplexes the stdin we feed, the stdout/stderr pipes we read, the
** context's wake-up pipe (cancellation) and one pidfd per child (exit): feeding and reading
** never deadlock, and no SIGCHLD handler is needed.  Our pipe ends are non-blocking and
** close-on-exec; the children's ends are blocking and closed in the parent right after spawn.
*/
#define _GNU_SOURCE /* posix_spawn_file_actions_addchdir_np, pipe2, GNU strerror_r */
#include "runtime/native.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runtime/mem.h"
#include "runtime/strbuf.h"

#define READ_CHUNK   (64 * 1024)  /* bytes read per read() */
#define HIGH_WATER   (256 * 1024) /* queued stdin bytes above which native_feed waits */
#define NAP_MAX_MS   50           /* longest poll nap for children without a pidfd (old kernels) */
#define FEED_PUMP_MS 10           /* native_feed reads ready output at least this often */
#define FD_NULL      (-2)         /* child fd source: open /dev/null */
#define FD_INHERIT   (-1)         /* child fd source: leave the shell's fd */

struct NativeCtx {
    int wake[2];         /* self-pipe: native_cancel writes, the polling run reads */
    atomic_uint gen;     /* bumped by every native_cancel */
    atomic_int sig;      /* signal of the latest native_cancel */
    sigset_t sigdefault; /* signals reset to SIG_DFL in children */
    _Atomic int *stop;   /* the owner's pending-stop flag, checked after each spawn */
};

typedef struct Stream {
    int fd;      /* read end; -1 once at EOF/closed */
    int stage;   /* process the bytes come from */
    int is_err;  /* stderr (on_err) rather than stdout (on_out) */
    StrBuf part; /* an incomplete last line */
} Stream;

typedef struct Proc {
    pid_t pid;  /* 0 once reaped */
    int pidfd;  /* -1 if none (closed when reaped) */
    int status; /* exit status, 128+signal; -1 until reaped */
} Proc;

struct NativeRun {
    NativeCtx *ctx;
    NativeLineFn on_out, on_err;
    void *ud;
    NativePgrp pgrp;
    pid_t pgid;      /* group of a NATIVE_PG_NEW run */
    Proc *procs;     /* one per stage */
    int nprocs;      /* stages started so far */
    Stream *streams; /* the pipes we read */
    int nstreams;
    int in_fd;      /* write end of stages[0]'s stdin (NATIVE_IN_LINES), else -1 */
    StrBuf pending; /* queued stdin bytes; pend_off of them already written */
    size_t pend_off;
    int closing;               /* native_wait began: close stdin once pending is written */
    int canceled;              /* native_kill happened: output is dropped */
    int waited;                /* native_wait returned */
    int sigpipe_ign;           /* SIGPIPE was ignored at start: write() cannot raise it */
    unsigned gen;              /* ctx->gen already acted upon */
    struct timespec last_pump; /* when native_feed last looked at the output */
    struct pollfd *pfd;        /* poll set and what each entry is (see build_poll) */
    int *pwhat;
    char *buf; /* READ_CHUNK bytes (+1 for a NUL) */
};

/* ---- context ---------------------------------------------------------------------------- */

NativeCtx *native_ctx_new(void)
{
    NativeCtx *ctx = xcalloc(1, sizeof *ctx);
    if (pipe2(ctx->wake, O_CLOEXEC | O_NONBLOCK) != 0)
        abort(); /* out of fds at runspace creation: as fatal as out of memory */
    atomic_init(&ctx->gen, 0);
    atomic_init(&ctx->sig, SIGINT);
    static const int defaults[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGCHLD};
    sigemptyset(&ctx->sigdefault);
    for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
        sigaddset(&ctx->sigdefault, defaults[i]);
    return ctx;
}

void native_ctx_free(NativeCtx *ctx)
{
    if (!ctx) return;
    close(ctx->wake[0]);
    close(ctx->wake[1]);
    free(ctx);
}

void native_ctx_set_sigdefault(NativeCtx *ctx, const sigset_t *set)
{
    ctx->sigdefault = *set;
}

void native_ctx_set_stop_flag(NativeCtx *ctx, _Atomic int *flag)
{
    ctx->stop = flag;
}

void native_cancel(NativeCtx *ctx, int sig)
{
    int saved = errno; /* async-signal-safe: atomics and write() only */
    atomic_store(&ctx->sig, sig);
    atomic_fetch_add(&ctx->gen, 1);
    ssize_t n = write(ctx->wake[1], "", 1); /* a full pipe already means "wake up" */
    (void)n;
    errno = saved;
}

/* ---- messages --------------------------------------------------------------------------- */

char *native_msg_not_found(const char *name)
{
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb,
              "The term '%s' is not recognized as a name of a cmdlet, function, script file, or "
              "executable program.\nCheck the spelling of the name, or if a path was included, "
              "verify that the path is correct and try again.",
              name);
    return sb_take(&sb);
}

char *native_msg_start_failed(const char *name, const char *path, const char *cwd, int errnum)
{
    char ebuf[256], here[4096];
    const char *etext = strerror_r(errnum, ebuf, sizeof ebuf);
    if (!cwd) cwd = getcwd(here, sizeof here) ? here : "";
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb,
              "Program '%s' failed to run: An error occurred trying to start process '%s' with "
              "working directory '%s'. %s",
              name, path, cwd, etext);
    return sb_take(&sb);
}

void native_error_clear(NativeError *err)
{
    free(err->msg);
    err->msg = NULL;
    err->code = NATIVE_OK;
    err->stage = 0;
    err->errnum = 0;
}

/* ---- small helpers ---------------------------------------------------------------------- */

static void close_fd(int *fd)
{
    if (*fd >= 0) close(*fd);
    *fd = -1;
}

static void set_nonblock(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

/* A close-on-exec pipe; p[parent_end] is made non-blocking.  Aborts when out of fds is not
** an option here: returns -1 with errno set instead. */
static int make_pipe(int p[2], int parent_end)
{
    if (pipe2(p, O_CLOEXEC) != 0) return -1;
    set_nonblock(p[parent_end]);
    return 0;
}

static int decode_status(int st)
{
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return 255;
}

static int pidfd_for(pid_t pid)
{
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0); /* close-on-exec by definition */
#else
    (void)pid;
    return -1;
#endif
}

/* Reap p if it has ended (block: wait for it).  1 if reaped now or before. */
static int reap(Proc *p, int block)
{
    if (p->pid == 0) return 1;
    int st;
    pid_t got;
    do
        got = waitpid(p->pid, &st, block ? 0 : WNOHANG);
    while (got < 0 && errno == EINTR);
    if (got == 0) return 0;
    p->status = got == p->pid ? decode_status(st) : 255; /* ECHILD: someone else reaped it */
    p->pid = 0;
    close_fd(&p->pidfd);
    return 1;
}

/* ---- output: streams and line splitting ------------------------------------------------- */

/* Hand one line to its callback; line[len] must be writable (it becomes the NUL). */
static void emit(NativeRun *r, Stream *s, char *line, size_t len)
{
    if (len > 0 && line[len - 1] == '\r') len--;
    line[len] = '\0';
    NativeLineFn fn = s->is_err ? r->on_err : r->on_out;
    if (fn && !r->canceled) fn(r->ud, s->stage, line, len);
}

/* Split n bytes at p (writable) into lines; an unfinished tail waits in s->part. */
static void split_lines(NativeRun *r, Stream *s, char *p, size_t n)
{
    while (n > 0) {
        char *nl = memchr(p, '\n', n);
        if (!nl) {
            sb_append(&s->part, p, n);
            return;
        }
        size_t len = (size_t)(nl - p);
        if (s->part.len > 0) {
            sb_append(&s->part, p, len);
            emit(r, s, s->part.buf, s->part.len);
            sb_clear(&s->part);
        } else {
            emit(r, s, p, len);
        }
        n -= len + 1;
        p = nl + 1;
    }
}

/* End of a stream: a last line without "\n" still counts (but not its '\r' rule). */
static void end_stream(NativeRun *r, Stream *s)
{
    close_fd(&s->fd);
    if (s->part.len > 0 && !r->canceled) {
        NativeLineFn fn = s->is_err ? r->on_err : r->on_out;
        if (fn) fn(r->ud, s->stage, s->part.buf, s->part.len);
    }
    sb_free(&s->part);
}

/* One read from a readable stream. */
static void read_stream(NativeRun *r, Stream *s)
{
    ssize_t n = read(s->fd, r->buf, READ_CHUNK);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
    if (n <= 0)
        end_stream(r, s);
    else
        split_lines(r, s, r->buf, (size_t)n);
}

/* ---- input: the queue we feed ----------------------------------------------------------- */

/* write() that cannot kill the shell with SIGPIPE: the signal is blocked in this thread
** around the call and, if the write raised it, consumed. */
static ssize_t write_quiet(NativeRun *r, int fd, const char *p, size_t n)
{
    if (r->sigpipe_ign) return write(fd, p, n);
    sigset_t pipeset, old;
    sigemptyset(&pipeset);
    sigaddset(&pipeset, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeset, &old);
    ssize_t w = write(fd, p, n);
    int e = errno;
    if (w < 0 && e == EPIPE && !sigismember(&old, SIGPIPE)) {
        struct timespec zero = {0, 0};
        sigtimedwait(&pipeset, NULL, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = e;
    return w;
}

static size_t pending_len(const NativeRun *r)
{
    return r->pending.len - r->pend_off;
}

static void drop_input(NativeRun *r)
{
    close_fd(&r->in_fd);
    sb_free(&r->pending);
    r->pend_off = 0;
}

/* Write as much queued input as the pipe takes now. */
static void write_pending(NativeRun *r)
{
    while (r->in_fd >= 0 && pending_len(r) > 0) {
        ssize_t w = write_quiet(r, r->in_fd, r->pending.buf + r->pend_off, pending_len(r));
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && errno == EAGAIN) return;
        if (w < 0) { /* EPIPE: the program stopped reading */
            drop_input(r);
            return;
        }
        r->pend_off += (size_t)w;
    }
    if (r->pend_off >= READ_CHUNK && r->pend_off >= pending_len(r)) { /* keep the queue small */
        memmove(r->pending.buf, r->pending.buf + r->pend_off, pending_len(r));
        r->pending.len = pending_len(r);
        r->pending.buf[r->pending.len] = '\0';
        r->pend_off = 0;
    } else if (r->pend_off > 0 && pending_len(r) == 0) {
        sb_clear(&r->pending);
        r->pend_off = 0;
    }
}

/* ---- the poll loop ---------------------------------------------------------------------- */

enum { W_WAKE, W_INPUT, W_STREAM, W_PROC }; /* pwhat = kind * 65536 + index */
enum { PUMP_ONCE, PUMP_INPUT, PUMP_ALL };   /* one round; until input drains; until the end */

static int live_procs(const NativeRun *r)
{
    int n = 0;
    for (int i = 0; i < r->nprocs; i++)
        n += r->procs[i].pid != 0;
    return n;
}

static int finished(const NativeRun *r)
{
    for (int i = 0; i < r->nstreams; i++)
        if (r->streams[i].fd >= 0) return 0;
    return r->in_fd < 0 && live_procs(r) == 0;
}

static void add_poll(NativeRun *r, int *n, int fd, short events, int what)
{
    r->pfd[*n].fd = fd;
    r->pfd[*n].events = events;
    r->pfd[*n].revents = 0;
    r->pwhat[*n] = what;
    (*n)++;
}

/* Fill the poll set; *no_pidfd = 1 if some live child has no pidfd. */
static int build_poll(NativeRun *r, int *no_pidfd)
{
    int n = 0;
    add_poll(r, &n, r->ctx->wake[0], POLLIN, W_WAKE << 16);
    if (r->in_fd >= 0 && pending_len(r) > 0) add_poll(r, &n, r->in_fd, POLLOUT, W_INPUT << 16);
    for (int i = 0; i < r->nstreams; i++)
        if (r->streams[i].fd >= 0) add_poll(r, &n, r->streams[i].fd, POLLIN, W_STREAM << 16 | i);
    *no_pidfd = 0;
    for (int i = 0; i < r->nprocs; i++) {
        if (r->procs[i].pid && r->procs[i].pidfd >= 0)
            add_poll(r, &n, r->procs[i].pidfd, POLLIN, W_PROC << 16 | i);
        else if (r->procs[i].pid)
            *no_pidfd = 1;
    }
    return n;
}

static void drain_wake(NativeCtx *ctx)
{
    char b[64];
    while (read(ctx->wake[0], b, sizeof b) > 0)
        ;
}

static void check_cancel(NativeRun *r)
{
    unsigned g = atomic_load(&r->ctx->gen);
    if (g == r->gen) return;
    r->gen = g;
    native_kill(r, atomic_load(&r->ctx->sig));
}

static void handle(NativeRun *r, const struct pollfd *p, int what)
{
    int kind = what >> 16, i = what & 0xffff;
    if (!p->revents) return;
    if (kind == W_WAKE)
        drain_wake(r->ctx);
    else if (kind == W_INPUT)
        write_pending(r);
    else if (kind == W_STREAM && r->streams[i].fd == p->fd)
        read_stream(r, &r->streams[i]);
    else if (kind == W_PROC)
        reap(&r->procs[i], 0);
}

/* Has the loop reached what mode waits for? */
static int pump_done(NativeRun *r, int mode)
{
    if (r->closing && r->in_fd >= 0 && pending_len(r) == 0)
        close_fd(&r->in_fd); /* the program sees end of input */
    if (mode == PUMP_INPUT) return r->in_fd < 0 || pending_len(r) < HIGH_WATER;
    return mode == PUMP_ALL && finished(r);
}

/* Run the poll loop for mode; wait: the timeout of a PUMP_ONCE round (ms, -1 = no limit). */
static void pump(NativeRun *r, int mode, int wait)
{
    int nap = 1; /* ms; doubles up to NAP_MAX_MS while a pidfd-less child runs */
    for (;;) {
        check_cancel(r);
        if (pump_done(r, mode)) return;
        int no_pidfd;
        int n = build_poll(r, &no_pidfd);
        int timeout = mode == PUMP_ONCE ? wait : -1;
        if (no_pidfd && (timeout < 0 || timeout > nap))
            timeout = nap; /* children without a pidfd are checked by waitpid below */
        nap = nap * 2 > NAP_MAX_MS ? NAP_MAX_MS : nap * 2;
        int got = poll(r->pfd, (nfds_t)n, timeout);
        if (got < 0 && errno != EINTR) abort(); /* EFAULT/EINVAL: a bug, not a runtime condition */
        for (int i = 0; got > 0 && i < n; i++)
            handle(r, &r->pfd[i], r->pwhat[i]);
        for (int i = 0; no_pidfd && i < r->nprocs; i++)
            if (r->procs[i].pidfd < 0) reap(&r->procs[i], 0);
        if (mode == PUMP_ONCE) return;
    }
}

/* ---- starting ---------------------------------------------------------------------------- */

/* The child-side fds of one stage: FD_INHERIT, FD_NULL or an fd to dup2; own[k] = 1 when the
** parent made that fd and closes it once the child has it. */
typedef struct ChildFds {
    int fd[3];
    int own[3];
} ChildFds;

static void close_child_fds(ChildFds *c)
{
    for (int k = 0; k < 3; k++)
        if (c->own[k]) close_fd(&c->fd[k]);
}

static void add_fd_action(posix_spawn_file_actions_t *fa, int src, int target)
{
    if (src == FD_NULL)
        posix_spawn_file_actions_addopen(fa, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY,
                                         0);
    else if (src >= 0)
        posix_spawn_file_actions_adddup2(fa, src, target);
}

/* 1 if a pipe end that should have been made here is missing (out of fds). */
static int missing_fd(const ChildFds *c)
{
    for (int k = 0; k < 3; k++)
        if (c->own[k] && c->fd[k] < 0) return 1;
    return 0;
}

/* posix_spawn one stage; returns 0 or an errno.  Both sides set the process group (dash):
** the child through POSIX_SPAWN_SETPGROUP, the parent with setpgid (errors ignored: the
** child may already have exec'd). */
static int spawn_one(NativeRun *r, const NativeSpec *s, int i, const ChildFds *c)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&at);
    for (int k = 0; k < 3; k++)
        add_fd_action(&fa, c->fd[k], k);
    if (s->cwd) posix_spawn_file_actions_addchdir_np(&fa, s->cwd);
    sigset_t none;
    sigemptyset(&none);
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    if (s->pgrp == NATIVE_PG_NEW) {
        flags |= POSIX_SPAWN_SETPGROUP;
        posix_spawnattr_setpgroup(&at, r->pgid);
    }
    posix_spawnattr_setflags(&at, flags);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setsigdefault(&at, &r->ctx->sigdefault);
    extern char **environ;
    pid_t pid = 0;
    int rc = posix_spawn(&pid, s->stages[i].path, &fa, &at, s->stages[i].argv,
                         s->envp ? s->envp : environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (rc != 0) return rc;
    if (s->pgrp == NATIVE_PG_NEW) {
        if (r->pgid == 0) r->pgid = pid;
        setpgid(pid, r->pgid);
    }
    r->procs[r->nprocs++] = (Proc){pid, pidfd_for(pid), -1};
    return 0;
}

/* A pipe whose read end becomes a stream of the run; returns the write end (or -1). */
static int open_stream(NativeRun *r, int stage, int is_err)
{
    int p[2];
    if (make_pipe(p, 0) != 0) return -1;
    Stream *st = &r->streams[r->nstreams++];
    st->fd = p[0];
    st->stage = stage;
    st->is_err = is_err;
    sb_init(&st->part);
    return p[1];
}

/* Child fd for an output mode; *own = 1 when it is a pipe end made here. */
static int out_source(NativeRun *r, NativeOut mode, int fd, int stage, int is_err, int *own)
{
    static const int fixed[] = {[NATIVE_OUT_INHERIT] = FD_INHERIT, [NATIVE_OUT_NULL] = FD_NULL};
    *own = mode == NATIVE_OUT_LINES;
    if (mode == NATIVE_OUT_LINES) return open_stream(r, stage, is_err);
    return mode == NATIVE_OUT_FD ? fd : fixed[mode];
}

/* stdin of stage 0: may create the feeding pipe. */
static int in_source(NativeRun *r, const NativeSpec *s, int *own)
{
    static const int fixed[] = {[NATIVE_IN_INHERIT] = FD_INHERIT, [NATIVE_IN_NULL] = FD_NULL};
    int p[2];
    *own = s->in == NATIVE_IN_LINES;
    if (s->in == NATIVE_IN_FD) return s->in_fd;
    if (s->in != NATIVE_IN_LINES) return fixed[s->in];
    if (make_pipe(p, 1) != 0) return -1;
    r->in_fd = p[1];
    return p[0];
}

static NativeRun *run_new(NativeCtx *ctx, const NativeSpec *s)
{
    NativeRun *r = xcalloc(1, sizeof *r);
    int n = s->nstages;
    r->ctx = ctx;
    r->on_out = s->on_out;
    r->on_err = s->on_err;
    r->ud = s->ud;
    r->pgrp = s->pgrp;
    r->in_fd = -1;
    r->procs = xcalloc((size_t)n, sizeof(Proc));
    r->streams = xcalloc((size_t)n + 1, sizeof(Stream));
    r->pfd = xcalloc((size_t)(2 * n + 3), sizeof(struct pollfd));
    r->pwhat = xcalloc((size_t)(2 * n + 3), sizeof(int));
    r->buf = xmalloc(READ_CHUNK + 1);
    r->gen = atomic_load(&ctx->gen);
    struct sigaction sa;
    sigaction(SIGPIPE, NULL, &sa);
    r->sigpipe_ign = sa.sa_handler == SIG_IGN;
    sb_init(&r->pending);
    clock_gettime(CLOCK_MONOTONIC, &r->last_pump);
    return r;
}

/* Fill *err for a stage that could not start. */
static void start_error(const NativeSpec *s, int i, int errnum, NativeError *err)
{
    const NativeStage *st = &s->stages[i];
    const char *name = st->name ? st->name : st->argv[0];
    int missing = errnum == ENOENT && (!st->path || access(st->path, F_OK) != 0);
    err->code = missing ? NATIVE_ENOTFOUND : NATIVE_ESPAWN;
    err->stage = i;
    err->errnum = errnum;
    err->msg = missing ? native_msg_not_found(name)
                       : native_msg_start_failed(name, st->path ? st->path : name, s->cwd, errnum);
}

/* Start stage i with stdin *next_in; leaves the next stage's stdin in *next_in. */
static int start_stage(NativeRun *r, const NativeSpec *s, int i, int *next_in, int *next_own)
{
    ChildFds c = {{*next_in, FD_INHERIT, FD_INHERIT}, {*next_own, 0, 0}};
    const NativeStage *st = &s->stages[i];
    int p[2], rc = 0;
    *next_in = -1;
    *next_own = 0;
    if (i < s->nstages - 1 && pipe2(p, O_CLOEXEC) == 0) { /* bytes flow stage to stage */
        c.fd[1] = p[1], c.own[1] = 1;
        *next_in = p[0], *next_own = 1;
    } else if (i < s->nstages - 1) {
        rc = errno;
    } else {
        c.fd[1] = out_source(r, s->out, s->out_fd, i, 0, &c.own[1]);
    }
    c.fd[2] = out_source(r, st->err, st->err_fd, i, 1, &c.own[2]);
    if (!rc && missing_fd(&c)) rc = EMFILE;
    if (!rc) rc = st->path ? spawn_one(r, s, i, &c) : ENOENT;
    close_child_fds(&c);
    return rc;
}

NativeRun *native_start(NativeCtx *ctx, const NativeSpec *spec, NativeError *err)
{
    *err = (NativeError){NATIVE_OK, 0, 0, NULL};
    NativeRun *r = run_new(ctx, spec);
    int own = 0, in = in_source(r, spec, &own), rc = 0;
    if (own && in < 0) rc = errno;
    for (int i = 0; !rc && i < spec->nstages; i++) {
        rc = start_stage(r, spec, i, &in, &own);
        if (rc) {
            start_error(spec, i, rc, err);
            if (own) close_fd(&in);
        }
    }
    if (rc && !err->msg) start_error(spec, 0, rc, err);
    if (rc) {
        native_free(r); /* kills and reaps the stages already started */
        return NULL;
    }
    /* A stop requested before run_new took its gen (Stop-Job racing the spawn) would be lost:
     * the owner's flag is still set, so the new group goes at once. */
    if (ctx->stop && atomic_load(ctx->stop)) native_kill(r, SIGKILL);
    return r;
}

/* ---- running ----------------------------------------------------------------------------- */

static long ms_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - t0->tv_sec) * 1000 + (now.tv_nsec - t0->tv_nsec) / 1000000;
}

NativeCode native_feed(NativeRun *run, const char *line, size_t len)
{
    check_cancel(run);
    if (run->canceled) return NATIVE_ECANCELED;
    if (run->in_fd < 0) return NATIVE_EPIPE;
    sb_append(&run->pending, line, len);
    sb_putc(&run->pending, '\n');
    write_pending(run);
    if (pending_len(run) >= HIGH_WATER)
        pump(run, PUMP_INPUT, -1);
    else if (run->nstreams > 0 && ms_since(&run->last_pump) >= FEED_PUMP_MS) {
        pump(run, PUMP_ONCE, 0); /* keep output streaming while input trickles in */
        clock_gettime(CLOCK_MONOTONIC, &run->last_pump);
    }
    if (run->canceled) return NATIVE_ECANCELED;
    return run->in_fd < 0 ? NATIVE_EPIPE : NATIVE_OK;
}

void native_poll(NativeRun *run, int timeout_ms)
{
    write_pending(run);
    if (!finished(run)) pump(run, PUMP_ONCE, timeout_ms);
}

NativeCode native_wait(NativeRun *run, int *status)
{
    run->closing = 1;
    pump(run, PUMP_ALL, -1);
    run->waited = 1;
    *status = run->nprocs > 0 ? run->procs[run->nprocs - 1].status : -1;
    return run->canceled ? NATIVE_ECANCELED : NATIVE_OK;
}

int native_stage_status(const NativeRun *run, int i)
{
    return i >= 0 && i < run->nprocs ? run->procs[i].status : -1;
}

int native_pgid(const NativeRun *run)
{
    return run->pgid;
}

/* Send sig to the run's live processes: the whole group for NATIVE_PG_NEW (grandchildren
** too), else each child (the shell's own group must be spared). */
static void signal_procs(NativeRun *run, int sig)
{
    if (live_procs(run) == 0) return; /* the pids (and the group id) may be reused by now */
    if (run->pgrp == NATIVE_PG_NEW && run->pgid > 0) {
        kill(-run->pgid, sig);
        return;
    }
    for (int i = 0; i < run->nprocs; i++)
        if (run->procs[i].pid) kill(run->procs[i].pid, sig);
}

void native_kill(NativeRun *run, int sig)
{
    run->canceled = 1;
    signal_procs(run, sig); /* before closing pipes, so the status tells sig, not SIGPIPE */
    drop_input(run);
    for (int i = 0; i < run->nstreams; i++) /* output is dropped: do not wait for its EOF */
        end_stream(run, &run->streams[i]);
}

void native_free(NativeRun *run)
{
    if (!run) return;
    if (!run->waited && live_procs(run) > 0) native_kill(run, SIGKILL);
    drop_input(run);
    for (int i = 0; i < run->nstreams; i++) {
        close_fd(&run->streams[i].fd);
        sb_free(&run->streams[i].part);
    }
    for (int i = 0; i < run->nprocs; i++)
        reap(&run->procs[i], 1);
    free(run->procs);
    free(run->streams);
    free(run->pfd);
    free(run->pwhat);
    free(run->buf);
    free(run);
}
