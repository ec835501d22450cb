/*
** proc: System.Diagnostics.Process values read from /proc (a snapshot taken when made; only
** HasExited and Threads look again), Get-Process lookups by name wildcard or id with pwsh's
** errors, Stop-Process (SIGKILL, as .NET's Process.Kill on Unix), and the pwsh 7 table view
** `NPM(K) PM(M) WS(M) CPU(s) Id SI ProcessName`.
*/
#ifndef PSM_CMDLETS_PROC_H
#define PSM_CMDLETS_PROC_H

#include <stddef.h>
#include <stdint.h>

#include "cmdlets/paths.h"
#include "runtime/value.h"

extern const ObjClass cls_process;

/* What a Process value is made from (strings are copied). */
typedef struct ProcInfo {
    int pid, ppid, sid;      /* Id, parent id, SessionId (SI) */
    const char *name;        /* ProcessName (the kernel's comm) */
    const char *path;        /* Path (/proc/pid/exe), NULL when unreadable */
    const char *cmdline;     /* CommandLine, arguments joined by spaces; NULL when none */
    double user_s, system_s; /* processor time in seconds (CPU is their sum) */
    int64_t ws, peak_ws;     /* WorkingSet64 (RSS) and PeakWorkingSet64, bytes */
    int64_t vm, peak_vm;     /* VirtualMemorySize64, PeakVirtualMemorySize64 */
    int64_t pm;              /* PagedMemorySize64 (VmSwap on Linux): PM */
    int64_t private_mem;     /* PrivateMemorySize64 (VmData) */
    int64_t start_ns;        /* StartTime, ns since the Unix epoch (UTC) */
    int nthreads;            /* number of threads */
    int handles;             /* Handles: open file descriptors (0 when unreadable) */
} ProcInfo;

/* A Process value from info.  Never fails. */
Value proc_from_info(const ProcInfo *info);
/* Read /proc/<pid>: 0 and *out (strings owned by the caller: free with proc_info_free), or
 * -1 when there is no such process. */
int proc_read(int pid, ProcInfo *out);
void proc_info_free(ProcInfo *info);

int proc_is(Value v);  /* a Process value (seen through wrappers) */
int proc_pid(Value v); /* its Id; -1 when not a Process */

/* Get-Process: every process, sorted by ProcessName (case-insensitive) then Id.  A new
 * object[]. */
Value proc_all(void);
/* Get-Process -Id pid: the process, or $null with err (NoProcessFoundForGivenId,
 * Microsoft.PowerShell.Commands.GetProcessCommand). */
Value proc_get(int pid, FsError *err);
/* Get-Process -Name pattern: append the matching processes (in Get-Process order) to arr (an
 * object[]); returns how many.  A pattern without wildcards that matches nothing sets err
 * (NoProcessFoundForGivenName) and returns -1; a bad wildcard returns -1 too. */
int proc_find_name(const char *pattern, Value arr, FsError *err);
/* Stop-Process: SIGKILL the process.  0 (also when it has already exited, as .NET's Kill);
 * or -1 with err CouldNotStopProcess (CloseError) when the kernel refuses. */
int proc_stop(Value proc, FsError *err);
/* Stop-Process -Id pid (NoProcessFoundForGivenId,...StopProcessCommand when missing). */
int proc_stop_id(int pid, FsError *err);

/* Register the Process table view.  Idempotent. */
void proc_register_views(void);

#endif
