/*
** proc_backend: a child job run by a psmini process in job-server mode (Start-Job, &, local
** Invoke-Command -AsJob).  The child is cloned by the fork server (host/server.c), else
** posix_spawn'ed, in its own process group with pipes on its stdin/stdout, watched through a pidfd and reaped with waitid(P_PID) only: no SIGCHLD
** handler, no wait(-1).  Output arrives as wire.h frames, read without blocking; stop and
** dispose kill the whole process group.  A child that dies without reporting a final state
** leaves its job Failed with a Reason naming the signal or exit code.
*/
#ifndef PSM_JOBS_PROC_BACKEND_H
#define PSM_JOBS_PROC_BACKEND_H

#include <poll.h>
#include <stddef.h>

#include "jobs/job.h"
#include "jobs/wire.h"

/* Attach the backend to leaf job j of table t: at job_start it spawns the server and sends s
 * (serialized now; s stays the caller's).  computer is PSComputerName of the output (copied),
 * show PSShowComputerName. */
void proc_backend_attach(JobTable *t, Job *j, const WireStart *s, const char *computer, int show);
/* The same over another command's stdin/stdout: cmd (NULL-terminated, copied; cmd[0] searched
 * in PATH) starts a job server elsewhere, e.g. {"ssh", "-T", host, "psmini", "--job-server",
 * NULL}: the transport for remote computers.  Killing it ends the local end (ssh). */
void proc_backend_attach_cmd(JobTable *t, Job *j, const WireStart *s, const char *computer,
                             int show, const char *const *cmd);
/* Deliver what every live process job of t has ready, without blocking (main thread). */
void proc_backend_poll(JobTable *t);
/* Append pollfds of every running process job of t (up to max); returns the number needed. */
size_t proc_backend_fds(JobTable *t, struct pollfd *fds, size_t max);
/* Start job processes from the fork server (default on): one process cloned per job (no exec,
 * no C start-up).  Off kills it, and every job process is then spawned from scratch. */
void proc_backend_set_prewarm(int on);
/* SIGKILL every job process group still alive, and the fork server, and reap them. */
void proc_backend_kill_all(void);
void proc_backend_set_exe(const char *path); /* copied; default /proc/self/exe */
void proc_backend_set_read_cap(size_t records);
size_t proc_backend_read_cap(void);
/* Process id of j's server, or 0 (tests: kill -9 from outside). */
int proc_backend_pid(Job *j);

#endif
