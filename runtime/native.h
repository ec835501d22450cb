/*
** native: run external programs, alone or as a pipeline of them, for one runspace.
** Arguments arrive already expanded (pwsh 7.4 "Standard" passing on Unix: each string is one
** argv element, verbatim, empty strings included; no shell).  Native-to-native stages are
** joined by OS pipes, so bytes pass untouched.  Text crosses the boundary as lines: objects
** fed in become "line\n" (UTF-8 is the caller's business); output is split on "\n" (a "\r"
** before it is dropped, a last line without "\n" still counts) and each line is handed to a
** callback as soon as it is read, on the caller's thread, inside native_feed/poll/wait.
** (.NET's ReadLine would also end a line at a lone "\r"; the spec keeps it in the line.)
**
** No global state: a NativeCtx (one per runspace; a thread job is another runspace) holds a
** wake-up pipe for cancellation.  Children are watched through pidfds and poll(), and reaped
** one pid at a time with waitpid(pid, WNOHANG), so several runspaces may run natives in one
** process.  This module installs no signal handler.  What the host must guarantee instead:
**   - SIGCHLD is not SIG_IGN (the kernel would reap our children) and nobody calls
**     waitpid(-1) or wait(): a SIGCHLD handler, if any, only sets a flag (dash's onsig);
**   - fds 0, 1 and 2 are open (on /dev/null if nothing else), so pipe ends never land there;
**   - nothing about SIGPIPE: a write to a closed stdin blocks it in this thread around the
**     write and consumes it, so an ignored or a default SIGPIPE both work.
** Children start with an empty signal mask, with the signals of native_ctx_set_sigdefault
** (default: INT QUIT TSTP TTIN TTOU PIPE CHLD) reset to SIG_DFL, every fd close-on-exec except
** 0/1/2.  Exit status: the exit code, or 128+N for death by signal N, which is what .NET (and
** so pwsh's $LASTEXITCODE) reports on Linux.
*/
#ifndef PSM_RUNTIME_NATIVE_H
#define PSM_RUNTIME_NATIVE_H

#include <signal.h>
#include <stddef.h>

typedef struct NativeCtx NativeCtx; /* per runspace */
typedef struct NativeRun NativeRun; /* one started pipeline */

/* Result codes (NATIVE_OK = 0, so `if (rc) ...`). */
typedef enum NativeCode {
    NATIVE_OK,
    NATIVE_ENOTFOUND, /* program missing: message is pwsh's "The term 'x' is not recognized..." */
    NATIVE_ESPAWN,    /* exists but could not be started (EACCES, ENOEXEC, bad cwd, ...) */
    NATIVE_EPIPE,     /* native_feed: the program no longer reads its input (not an error) */
    NATIVE_ECANCELED, /* native_cancel/native_kill stopped the run */
} NativeCode;

/* Where a stdin comes from. */
typedef enum NativeIn {
    NATIVE_IN_INHERIT, /* the shell's own stdin (first native command of an interactive line) */
    NATIVE_IN_NULL,    /* /dev/null (jobs) */
    NATIVE_IN_LINES,   /* fed by native_feed, one line per object */
    NATIVE_IN_FD,      /* the caller's fd (dup'ed into the child; the caller keeps it) */
} NativeIn;

/* Where a stdout or stderr goes. */
typedef enum NativeOut {
    NATIVE_OUT_INHERIT, /* the shell's own fd: terminal passes through (less, vim) */
    NATIVE_OUT_NULL,    /* /dev/null (2>$null) */
    NATIVE_OUT_LINES,   /* read and split into lines for the callback */
    NATIVE_OUT_FD,      /* the caller's fd (the caller keeps it) */
} NativeOut;

/* Process group of the children. */
typedef enum NativePgrp {
    NATIVE_PG_SHELL, /* stay in the shell's group: the terminal's Ctrl+C reaches them (pwsh) */
    NATIVE_PG_NEW,   /* own group, led by the first process (jobs; give them NATIVE_IN_NULL:
                        a background group reading the terminal is stopped by SIGTTIN) */
} NativePgrp;

/* A line of output.  line[len] == '\0'; line is valid only during the call.  stage: index of
** the process it came from.  The callback may call native_kill on its run, and may start and
** finish other runs (nested pipelines), but must not feed, poll, wait or free its own run. */
typedef void (*NativeLineFn)(void *ud, int stage, const char *line, size_t len);

typedef struct NativeStage {
    const char *path;  /* executable (cmdpath_resolve's result); NULL: NATIVE_ENOTFOUND */
    char *const *argv; /* NULL-terminated; only read during native_start.  pwsh puts
                          the resolved path in argv[0] (.NET passes FileName = path) */
    const char *name;  /* name for error messages (NULL: argv[0]) */
    NativeOut err;     /* this stage's stderr */
    int err_fd;        /* for NATIVE_OUT_FD */
} NativeStage;

typedef struct NativeSpec {
    const NativeStage *stages; /* nstages >= 1, left to right */
    int nstages;
    const char *cwd;   /* the runspace's location (NULL: process cwd) */
    char *const *envp; /* "NAME=value" array (NULL: the process environment) */
    NativeIn in;       /* stdin of stages[0] */
    int in_fd;
    NativeOut out; /* stdout of the last stage */
    int out_fd;
    NativePgrp pgrp;
    NativeLineFn on_out; /* for NATIVE_OUT_LINES on stdout */
    NativeLineFn on_err; /* for NATIVE_OUT_LINES on a stage's stderr */
    void *ud;            /* passed to both callbacks */
} NativeSpec;

/* An error for the evaluator to wrap in an ErrorRecord.  Free msg with native_error_clear. */
typedef struct NativeError {
    NativeCode code;
    int stage;  /* which stage failed to start */
    int errnum; /* errno of the failure (0 if none) */
    char *msg;  /* pwsh-style message, owned; NULL when code == NATIVE_OK */
} NativeError;

/* A context for one runspace.  Cannot fail (aborts if the wake-up pipe cannot be made). */
NativeCtx *native_ctx_new(void);
/* Frees the context.  Every run started from it must have been freed first. */
void native_ctx_free(NativeCtx *ctx);
/* Signals reset to SIG_DFL in children started from now on (copied). */
void native_ctx_set_sigdefault(NativeCtx *ctx, const sigset_t *set);
/* the owner's pending-stop flag (a runspace's stop request, borrowed; NULL: none).  A
** run that finds it set once its programs are spawned kills them at once with SIGKILL: the
** stop came just before the spawn, which native_cancel (runs started later are not affected)
** cannot see. */
void native_ctx_set_stop_flag(NativeCtx *ctx, _Atomic int *flag);

/* Start the pipeline described by spec.  On success returns the run (the caller must end it
** with native_wait and/or native_free).  *err is always overwritten (NATIVE_OK on success).
** On failure returns NULL and fills *err; stages that had already started are killed and
** reaped, and no fd is left open. */
NativeRun *native_start(NativeCtx *ctx, const NativeSpec *spec, NativeError *err);

/* Feed one line (len bytes, a "\n" is added) to the stdin of a NATIVE_IN_LINES run.  Does not
** wait for the program to read it unless a lot is queued; meanwhile delivers output lines.
** Returns NATIVE_OK, NATIVE_EPIPE (input closed by the program: the line and later ones are
** dropped) or NATIVE_ECANCELED. */
NativeCode native_feed(NativeRun *run, const char *line, size_t len);

/* One round of the loop: wait at most timeout_ms (0: not at all, -1: no limit) for something
** to happen (output, input room, an exit, a cancel), then deliver whatever is ready.  For
** callers that interleave other work (job backends).  Returns at once when the run is over. */
void native_poll(NativeRun *run, int timeout_ms);

/* Close stdin (after the queued input is written), deliver all output until every stream
** ends, and reap every process.  *status = the last stage's exit status (for $LASTEXITCODE;
** $? is status == 0).  Returns NATIVE_OK or NATIVE_ECANCELED.  Call at most once. */
NativeCode native_wait(NativeRun *run, int *status);

/* Exit status of stage i after native_wait (-1 if not reaped). */
int native_stage_status(const NativeRun *run, int i);

/* Process group of a NATIVE_PG_NEW run (0 otherwise), e.g. for the host's tcsetpgrp. */
int native_pgid(const NativeRun *run);

/* From the run's own thread (e.g. inside a callback): send sig to every live process of the
** run (its group for NATIVE_PG_NEW) and stop delivering output.  native_wait then reaps and
** returns NATIVE_ECANCELED. */
void native_kill(NativeRun *run, int sig);

/* From any thread or a signal handler (async-signal-safe): ask every run of ctx that is
** running now to stop; its own thread sends sig as in native_kill.  Calling it again (e.g.
** with SIGKILL) signals again.  Runs started later are not affected. */
void native_cancel(NativeCtx *ctx, int sig);

/* End a run: if native_wait was not called, kill (SIGKILL) and reap first.  NULL is fine. */
void native_free(NativeRun *run);

/* Messages, as new strings the caller frees. */
char *native_msg_not_found(const char *name); /* "The term 'name' is not recognized ..." */
/* "Program 'name' failed to run: An error occurred trying to start process 'path' with
** working directory 'cwd'. <strerror(errnum)>" */
char *native_msg_start_failed(const char *name, const char *path, const char *cwd, int errnum);
void native_error_clear(NativeError *err); /* frees msg; err is NATIVE_OK again */

#endif
