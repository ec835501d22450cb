/*
** proc_backend: child jobs run by `psmini --job-server <ppid>` processes (see the header).
**
** Memory bound on the receiving side: a child whose Results queue holds read_cap records or
** more is not read until Receive-Job drains it; its server's WireWriter then spills to an
** unlinked temporary file, so nothing is lost and neither side grows without bound.  The
** price: such a job stays Running until its output is received (Wait-Job needs -Timeout or a
** Receive-Job).  The default cap (JOBRUN_READ_CAP records) is far above what scripts usually
** leave unread.
*/
#define _GNU_SOURCE
#include "jobs/proc_backend.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs/jobrun.h"
#include "jobs/serialize.h"
#include "runtime/members_kinds.h"
#include "runtime/mem.h"
#include "runtime/streams.h"

extern char **environ;

#define MSGS_PER_POLL 65536 /* fairness: at most this many records per job per poll */

typedef struct ProcRun {
    JobTable *table;             /* borrowed: the job's table (alive while the job is) */
    Job *job;                    /* borrowed: the job owns this run */
    StrBuf start;                /* the MSG_START payload */
    Value computer, runspace;    /* PSComputerName and RunspaceId notes, shared by all output */
    int show;                    /* PSShowComputerName */
    pid_t pid;                   /* 0 before spawn; the group leader */
    int pidfd;                   /* -1 when none */
    Transport *tr;               /* NULL once closed */
    int eof;                     /* the server's stdout ended */
    int reaped;                  /* waitid done */
    siginfo_t si;                /* how it ended */
    int final;                   /* a final MSG_STATE arrived */
    int blocked;                 /* not read: the Results queue is at the read cap */
    char **cmd;                  /* the server command (owned, NULL-terminated), NULL: local */
    struct ProcRun *prev, *next; /* the live-run registry */
} ProcRun;

static pthread_mutex_t reg_mu = PTHREAD_MUTEX_INITIALIZER;
static ProcRun *reg_head;
static char *exe_path;
static size_t read_cap = JOBRUN_READ_CAP;

void proc_backend_set_exe(const char *path)
{
    pthread_mutex_lock(&reg_mu);
    free(exe_path);
    exe_path = path ? xstrdup(path) : NULL;
    pthread_mutex_unlock(&reg_mu);
}

void proc_backend_set_read_cap(size_t records)
{
    read_cap = records;
}

size_t proc_backend_read_cap(void)
{
    return read_cap;
}

static void reg_add(ProcRun *r)
{
    pthread_mutex_lock(&reg_mu);
    r->next = reg_head;
    if (reg_head) reg_head->prev = r;
    reg_head = r;
    pthread_mutex_unlock(&reg_mu);
}

static void reg_del(ProcRun *r)
{
    pthread_mutex_lock(&reg_mu);
    if (r->prev)
        r->prev->next = r->next;
    else if (reg_head == r)
        reg_head = r->next;
    if (r->next) r->next->prev = r->prev;
    r->prev = r->next = NULL;
    pthread_mutex_unlock(&reg_mu);
}

/* ======================================================================== the process */

static int open_pidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    (void)pid;
    return -1;
#endif
}

static void spawn_attrs(posix_spawnattr_t *a)
{
    sigset_t none, dfl;
    sigemptyset(&none);
    sigemptyset(&dfl);
    static const int sigs[] = {SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGCHLD};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaddset(&dfl, sigs[i]);
    posix_spawnattr_init(a);
    posix_spawnattr_setflags(a, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                    POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(a, 0); /* its own group: Ctrl+C never reaches it */
    posix_spawnattr_setsigmask(a, &none);
    posix_spawnattr_setsigdefault(a, &dfl);
}

/* A started server process: its pid, pidfd and the parent's ends of its pipes. */
typedef struct Spawned {
    pid_t pid;
    int pidfd, rfd, wfd;
    uint64_t envhash; /* of the environment it inherited */
    char *exe;        /* the executable it runs (owned) */
} Spawned;

/* FNV-1a over the environment: a warm server is used only while the environment is unchanged. */
static uint64_t env_hash(void)
{
    uint64_t h = 14695981039346656037u;
    for (char **e = environ; e && *e; e++)
        for (const unsigned char *p = (const unsigned char *)*e;; p++) {
            h = (h ^ *p) * 1099511628211u;
            if (!*p) break;
        }
    return h;
}

static char *current_exe(void)
{
    pthread_mutex_lock(&reg_mu);
    char *exe = xstrdup(exe_path ? exe_path : "/proc/self/exe");
    pthread_mutex_unlock(&reg_mu);
    return exe;
}

/* Spawn a server with pipes on its stdin/stdout: 0, or an errno.  cmd: the command that
 * starts a server somewhere else (e.g. ssh host psmini --job-server; searched in PATH), or
 * NULL for this executable in job-server mode. */
static int spawn_proc(Spawned *sp, char *const *cmd)
{
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0) return errno;
    if (pipe2(out, O_CLOEXEC) != 0) {
        int e = errno;
        close(in[0]), close(in[1]);
        return e;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawnattr_t a;
    spawn_attrs(&a);
    char ppid[24];
    snprintf(ppid, sizeof ppid, "%ld", (long)getpid());
    sp->exe = current_exe();
    sp->envhash = env_hash();
    char *argv[] = {sp->exe, (char *)"--job-server", ppid, NULL};
    int rc = cmd ? posix_spawnp(&sp->pid, cmd[0], &fa, &a, cmd, environ)
                 : posix_spawn(&sp->pid, sp->exe, &fa, &a, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&a);
    close(in[0]), close(out[1]);
    if (rc != 0) {
        close(in[1]), close(out[0]);
        free(sp->exe);
        sp->exe = NULL;
        return rc;
    }
    setpgid(sp->pid, sp->pid); /* both sides, as dash does; EACCES after exec is fine */
    sp->pidfd = open_pidfd(sp->pid);
    sp->rfd = out[0];
    sp->wfd = in[1];
    return 0;
}

static void spawned_kill(Spawned *sp)
{
    if (sp->pid <= 0) return;
    kill(-sp->pid, SIGKILL);
    kill(sp->pid, SIGKILL);
    siginfo_t si;
    while (waitid(P_PID, (id_t)sp->pid, &si, WEXITED) != 0 && errno == EINTR)
        ;
    close(sp->rfd), close(sp->wfd);
    if (sp->pidfd >= 0) close(sp->pidfd);
    free(sp->exe);
    memset(sp, 0, sizeof *sp);
}

/*
** The fork server (host/server.c): one `psmini --job-server <pid> --fork-server` process
** which clones a job process on request (CLONE_PARENT: the clone is our child).  A job then
** costs a fork instead of exec and C start-up.  Spawned's
** rfd is its socket (wfd -1).  It is used only from the process's main thread (a death signal
** set in a job process follows the thread that spawned the server) and only while the
** executable and the environment are those it was started with; else it is replaced.
** Guarded by zyg_mu, which is held across a request and its reply.
*/
static pthread_mutex_t zyg_mu = PTHREAD_MUTEX_INITIALIZER;
static Spawned zyg;
static int zyg_on = 1;

static int on_main_thread(void)
{
    return (pid_t)syscall(SYS_gettid) == getpid();
}

/* Start the fork server: 0, or an errno.  zyg_mu held. */
static int zygote_start(void)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) return errno;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
    posix_spawnattr_t a;
    spawn_attrs(&a);
    char ppid[24];
    snprintf(ppid, sizeof ppid, "%ld", (long)getpid());
    Spawned sp = {0};
    sp.exe = current_exe();
    sp.envhash = env_hash();
    char *argv[] = {sp.exe, (char *)"--job-server", ppid, (char *)"--fork-server", NULL};
    int rc = posix_spawn(&sp.pid, sp.exe, &fa, &a, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&a);
    close(sv[1]);
    if (rc != 0) {
        close(sv[0]);
        free(sp.exe);
        return rc;
    }
    sp.pidfd = -1;
    sp.rfd = sv[0];
    sp.wfd = -1;
    zyg = sp;
    return 0;
}

/* The fork server, started or replaced as needed: 1 when one is there.  zyg_mu held. */
static int zygote_ready(void)
{
    if (zyg.pid > 0) {
        pthread_mutex_lock(&reg_mu);
        int fits = strcmp(zyg.exe, exe_path ? exe_path : "/proc/self/exe") == 0;
        pthread_mutex_unlock(&reg_mu);
        if (fits && zyg.envhash == env_hash()) return 1;
        spawned_kill(&zyg);
    }
    return zyg_on && zygote_start() == 0;
}

/* Hand the child's pipe ends to the fork server and read the new pid: > 0, or -1. */
static pid_t zygote_request(int child_in, int child_out)
{
    char byte = 'J';
    struct iovec iov = {&byte, 1};
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(2 * sizeof(int))];
    } u;
    memset(&u, 0, sizeof u);
    struct msghdr mh = {0};
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = u.buf;
    mh.msg_controllen = sizeof u.buf;
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(2 * sizeof(int));
    int fds[2] = {child_in, child_out};
    memcpy(CMSG_DATA(c), fds, sizeof fds);
    ssize_t n;
    while ((n = sendmsg(zyg.rfd, &mh, MSG_NOSIGNAL)) < 0 && errno == EINTR)
        ;
    if (n != 1) return -1;
    int32_t reply = 0;
    while ((n = recv(zyg.rfd, &reply, sizeof reply, 0)) < 0 && errno == EINTR)
        ;
    return n == (ssize_t)sizeof reply && reply > 0 ? (pid_t)reply : -1;
}

/* A job process from the fork server: 0, or -1 (then the caller spawns one itself). */
static int zygote_spawn(Spawned *sp)
{
    if (!on_main_thread()) return -1;
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0) return -1;
    if (pipe2(out, O_CLOEXEC) != 0) {
        close(in[0]), close(in[1]);
        return -1;
    }
    pthread_mutex_lock(&zyg_mu);
    pid_t pid = zygote_ready() ? zygote_request(in[0], out[1]) : -1;
    if (pid < 0 && zyg.pid > 0) spawned_kill(&zyg); /* broken: the next job starts another */
    pthread_mutex_unlock(&zyg_mu);
    close(in[0]), close(out[1]);
    if (pid < 0) {
        close(in[1]), close(out[0]);
        return -1;
    }
    memset(sp, 0, sizeof *sp);
    sp->pid = pid;
    setpgid(pid, pid); /* both sides, as dash does */
    sp->pidfd = open_pidfd(pid);
    sp->rfd = out[0];
    sp->wfd = in[1];
    return 0;
}

void proc_backend_set_prewarm(int on)
{
    pthread_mutex_lock(&zyg_mu);
    zyg_on = on;
    if (!on) spawned_kill(&zyg);
    pthread_mutex_unlock(&zyg_mu);
}

/* Give r a server (from the fork server, or a new process): 0, or an errno. */
static int spawn_server(ProcRun *r)
{
    Spawned sp;
    if (r->cmd || zygote_spawn(&sp) != 0) {
        int e = spawn_proc(&sp, r->cmd);
        if (e) return e;
    }
    r->pid = sp.pid;
    r->pidfd = sp.pidfd;
    r->tr = transport_fd_new(sp.rfd, sp.wfd, 0);
    free(sp.exe);
    return 0;
}

/* Wait for the process (it was killed or has closed its stdout). */
static void reap(ProcRun *r, int block)
{
    if (r->reaped || r->pid <= 0) return;
    memset(&r->si, 0, sizeof r->si);
    int flags = WEXITED | (block ? 0 : WNOHANG);
    while (waitid(P_PID, (id_t)r->pid, &r->si, flags) != 0) {
        if (errno != EINTR) {
            r->reaped = 1; /* not ours any more (ECHILD): nothing to wait for */
            return;
        }
    }
    if (r->si.si_pid == r->pid) r->reaped = 1;
}

static void close_io(ProcRun *r)
{
    if (r->tr) transport_close(r->tr);
    r->tr = NULL;
    if (r->pidfd >= 0) close(r->pidfd);
    r->pidfd = -1;
}

/* SIGKILL the whole group and reap the leader. */
static void kill_group(ProcRun *r)
{
    if (r->pid <= 0 || r->reaped) return;
    kill(-r->pid, SIGKILL);
    kill(r->pid, SIGKILL);
    reap(r, 1);
}

/* ======================================================================== receiving */

static void deliver_text(Job *j, JobStream js, int stream, const WireMsg *m)
{
    char *s = NULL;
    if (wire_get_text(m, &s) != 0) return;
    job_deliver_take(j, js, inforec_new(stream, s));
    free(s);
}

static void deliver_info(Job *j, const WireMsg *m)
{
    WireInfo in;
    if (wire_get_info(m, &in) != 0) return;
    Value s = convert_to_string(in.data, NULL);
    const char *msg = val_str_data(s);
    Value r = in.flags & WIRE_INFO_HOST ? inforec_new_host(msg) : inforec_new(STREAM_INFO, msg);
    if (in.flags & WIRE_INFO_NONEWLINE) inforec_set_nonewline(r);
    job_deliver_take(j, JOB_INFORMATION, r);
    val_unref(s);
    val_unref(in.data);
}

static void deliver_error(Job *j, const WireMsg *m)
{
    WireError e;
    if (wire_get_error(m, &e) != 0) return;
    job_deliver_take(j, JOB_ERROR, jobrun_error_to_rec(&e));
    wire_error_free(&e);
}

static void deliver_output(ProcRun *r, const WireMsg *m)
{
    Value v;
    const char *err;
    if (wire_get_value(m, &v, &err) != 0) return;
    job_deliver_take(r->job, JOB_OUTPUT, v); /* the notes come when it is read */
}

static void apply_state(ProcRun *r, const WireMsg *m)
{
    WireJobState st;
    WireError e;
    int has = 0;
    if (wire_get_state(m, &st, &e, &has) != 0) return;
    Value reason = has ? jobrun_error_to_rec(&e) : val_null();
    if (has) wire_error_free(&e);
    if (st != WST_RUNNING && st != WST_BLOCKED) r->final = 1;
    job_set_state_take(r->job, (JobState)st, reason);
}

static void handle(ProcRun *r, const WireMsg *m)
{
    switch (m->type) {
    case MSG_OUTPUT:
        deliver_output(r, m);
        break;
    case MSG_ERROR:
        deliver_error(r->job, m);
        break;
    case MSG_WARNING:
        deliver_text(r->job, JOB_WARNING, STREAM_WARN, m);
        break;
    case MSG_VERBOSE:
        deliver_text(r->job, JOB_VERBOSE, STREAM_VERBOSE, m);
        break;
    case MSG_DEBUG:
        deliver_text(r->job, JOB_DEBUG, STREAM_DEBUG, m);
        break;
    case MSG_INFORMATION:
        deliver_info(r->job, m);
        break;
    case MSG_STATE:
        apply_state(r, m);
        break;
    default: /* progress and anything newer: not kept yet */
        break;
    }
}

/* The reason of a server that died without saying how its job ended. */
static Value death_reason(const ProcRun *r)
{
    char msg[256];
    if (r->si.si_code == CLD_KILLED || r->si.si_code == CLD_DUMPED)
        snprintf(msg, sizeof msg,
                 "The background job process (PID %ld) was terminated by signal %d (SIG%s).",
                 (long)r->pid, r->si.si_status, sigabbrev_np(r->si.si_status));
    else
        snprintf(msg, sizeof msg,
                 "The background job process (PID %ld) exited unexpectedly with exit code %d.",
                 (long)r->pid, r->si.si_status);
    WireError e = {
        msg, (char *)"JobProcessExited", (char *)"OperationStopped", NULL, NULL, NULL, NULL, NULL};
    return jobrun_error_to_rec(&e);
}

/* End of the server's output: reap it (once it has exited) and settle the job's state. */
static void finish(ProcRun *r)
{
    reap(r, 0);
    if (!r->reaped) return;
    close_io(r);
    reg_del(r); /* nothing left to poll or kill */
    if (r->final) return;
    if (job_stop_requested(r->job)) {
        job_set_state(r->job, JOB_STOPPED, val_null());
        return;
    }
    Value reason = death_reason(r);
    job_set_state_take(r->job, JOB_FAILED, reason);
}

static void proc_poll(Job *job, void *data)
{
    ProcRun *r = data;
    if (!r->tr) return;
    size_t cap = read_cap;
    int n = 0;
    while (!r->eof && n < MSGS_PER_POLL && (!cap || job_results_count(job) < cap)) {
        WireMsg m;
        int rc = transport_recv(r->tr, &m);
        if (rc == 0) break;
        if (rc < 0) {
            r->eof = 1;
            break;
        }
        handle(r, &m);
        n++;
    }
    r->blocked = cap && job_results_count(job) >= cap;
    if (!r->eof) transport_flush(r->tr);
    if (r->eof) finish(r);
}

/* ======================================================================== the backend */

static int proc_start(Job *job, void *data)
{
    ProcRun *r = data;
    int e = spawn_server(r);
    if (e) {
        char msg[512];
        snprintf(msg, sizeof msg, "Could not start the background job process: %s.", strerror(e));
        WireError we = {msg,
                        (char *)"JobProcessStartFailed",
                        (char *)"InvalidOperation",
                        NULL,
                        NULL,
                        NULL,
                        NULL,
                        NULL};
        job_set_state(job, JOB_RUNNING, val_null());
        job_set_state_take(job, JOB_FAILED, jobrun_error_to_rec(&we));
        return -1;
    }
    reg_add(r);
    job_set_state(job, JOB_RUNNING, val_null());
    transport_send(r->tr, MSG_START, r->start.buf, r->start.len);
    transport_flush(r->tr);
    return 0;
}

static void proc_stop(Job *job, void *data)
{
    ProcRun *r = data;
    kill_group(r);
    close_io(r);
    reg_del(r);
    job_set_state(job, JOB_STOPPED, val_null());
}

static void proc_free(void *data)
{
    ProcRun *r = data;
    kill_group(r);
    close_io(r);
    if (r->pid > 0) reg_del(r);
    sb_free(&r->start);
    for (size_t i = 0; r->cmd && r->cmd[i]; i++)
        free(r->cmd[i]);
    free(r->cmd);
    val_unref(r->computer);
    val_unref(r->runspace);
    free(r);
}

/* The answer to the server's blocked Read-Host (host/server.c): the line, or no payload. */
static void proc_reply(Job *job, void *data, const char *line)
{
    ProcRun *r = data;
    if (!r->tr) return;
    StrBuf sb = {0};
    if (line) wire_put_text(&sb, line);
    transport_send(r->tr, MSG_HOST_REPLY, sb.buf, sb.len);
    transport_flush(r->tr);
    sb_free(&sb);
}

static const JobBackend proc_backend = {"process", proc_start, proc_poll,
                                        proc_stop, proc_free,  proc_reply};

void proc_backend_attach_cmd(JobTable *t, Job *j, const WireStart *s, const char *computer,
                             int show, const char *const *cmd)
{
    proc_backend_attach(t, j, s, computer, show);
    ProcRun *r = job_backend_data(j);
    size_t n = 0;
    while (cmd[n])
        n++;
    r->cmd = xcalloc(n + 1, sizeof *r->cmd);
    for (size_t i = 0; i < n; i++)
        r->cmd[i] = xstrdup(cmd[i]);
}

void proc_backend_attach(JobTable *t, Job *j, const WireStart *s, const char *computer, int show)
{
    ProcRun *r = xcalloc(1, sizeof *r);
    r->table = t;
    r->job = j;
    r->pidfd = -1;
    r->show = show;
    wire_put_start(&r->start, s);
    r->computer = val_str(computer);
    r->runspace = mkinds_guid_new(); /* the [guid] RunspaceId of the job's own runspace */
    job_set_output_notes(j, r->computer, r->runspace, show);
    job_attach(j, &proc_backend, r);
}

size_t proc_backend_fds(JobTable *t, struct pollfd *fds, size_t max)
{
    size_t n = 0;
    pthread_mutex_lock(&reg_mu);
    for (ProcRun *r = reg_head; r; r = r->next) {
        if (r->table != t || !r->tr) continue;
        int rfd, wfd;
        transport_fds(r->tr, &rfd, &wfd);
        int fd = r->eof ? r->pidfd : rfd; /* no job lock here: reg_mu may be taken under it */
        if (fd < 0 || (r->blocked && !r->eof)) continue;
        short ev = POLLIN;
        if (n < max) fds[n] = (struct pollfd){fd, ev, 0};
        n++;
        if (!r->eof && transport_pending(r->tr) > 0) {
            if (n < max) fds[n] = (struct pollfd){wfd, POLLOUT, 0};
            n++;
        }
    }
    pthread_mutex_unlock(&reg_mu);
    return n;
}

/* The registry holds the runs still worth polling (a run leaves it once its process is
 * reaped), so this costs what is live, not every job ever started.  The jobs are referenced
 * while polled: a poll may settle a state, and nothing here holds reg_mu meanwhile. */
void proc_backend_poll(JobTable *t)
{
    Job *small[32], **jobs = small;
    size_t n = 0, cap = 32;
    pthread_mutex_lock(&reg_mu);
    for (ProcRun *r = reg_head; r; r = r->next) {
        if (r->table != t) continue;
        if (n == cap) {
            Job **bigger = xmalloc(2 * cap * sizeof *bigger);
            memcpy(bigger, jobs, n * sizeof *jobs);
            if (jobs != small) free(jobs);
            jobs = bigger;
            cap *= 2;
        }
        jobs[n++] = job_ref(r->job);
    }
    pthread_mutex_unlock(&reg_mu);
    for (size_t i = 0; i < n; i++) {
        job_poll(jobs[i]);
        job_unref(jobs[i]);
    }
    if (jobs != small) free(jobs);
}

void proc_backend_kill_all(void)
{
    pthread_mutex_lock(&zyg_mu);
    spawned_kill(&zyg);
    pthread_mutex_unlock(&zyg_mu);
    pthread_mutex_lock(&reg_mu);
    for (ProcRun *r = reg_head; r; r = r->next)
        kill_group(r);
    pthread_mutex_unlock(&reg_mu);
}

int proc_backend_pid(Job *j)
{
    int pid = 0;
    pthread_mutex_lock(&reg_mu);
    for (ProcRun *r = reg_head; r; r = r->next)
        if (r->job == j && !r->reaped) pid = (int)r->pid;
    pthread_mutex_unlock(&reg_mu);
    return pid;
}
