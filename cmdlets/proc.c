/*
** proc: Process values from /proc/<pid>/{stat,status,cmdline,exe,fd,task}.  Memory figures
** follow .NET on Linux: WorkingSet64 = RSS, PagedMemorySize64 (PM) = VmSwap,
** PrivateMemorySize64 = VmData, NonpagedSystemMemorySize64 (NPM) = 0.
*/
#include "cmdlets/proc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "runtime/array.h"
#include "runtime/datefmt.h"
#include "runtime/fmt_view.h"
#include "runtime/mem.h"
#include "runtime/numfmt.h"
#include "runtime/wildcard.h"

typedef struct Proc {
    Obj obj;
    ProcInfo in;  /* strings owned */
    Value *cache; /* prop_at lends from here */
} Proc;

/* ======================================================================== reading /proc */

/* The whole of a small /proc file, NUL-terminated (owned), or NULL. */
static char *slurp(int pid, const char *what, size_t *len)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/%s", pid, what);
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    StrBuf sb = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_append(&sb, buf, n);
    fclose(f);
    if (len) *len = sb.len;
    return sb_take(&sb);
}

/* A "Key:   123 kB" line of /proc/<pid>/status, in bytes (0 when absent). */
static int64_t status_kb(const char *status, const char *key)
{
    size_t kl = strlen(key);
    const char *p = status;
    while (p && *p) {
        if (!strncmp(p, key, kl) && p[kl] == ':') return strtoll(p + kl + 1, NULL, 10) * 1024;
        p = strchr(p, '\n');
        if (p) p++;
    }
    return 0;
}

static int64_t boot_time_s(void)
{
    FILE *f = fopen("/proc/stat", "r");
    char line[256];
    int64_t bt = 0;
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "btime ", 6)) bt = strtoll(line + 6, NULL, 10);
    if (f) fclose(f);
    return bt;
}

static int count_dir(int pid, const char *what)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/%s", pid, what);
    DIR *d = opendir(path);
    if (!d) return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* Fields of /proc/<pid>/stat after "(comm) ", counted from the state letter (proc(5) numbers
 * them from 3). */
enum {
    F_PPID = 1,
    F_SESSION = 3,
    F_UTIME = 11,
    F_STIME = 12,
    F_THREADS = 17,
    F_START = 19,
    F_VSIZE = 20,
    F_RSS = 21,
    F__COUNT = 22
};

/* Split the numbers after the state letter into f[]; missing ones stay 0. */
static void stat_fields(const char *p, long long f[F__COUNT])
{
    for (int i = 0; i < F__COUNT && p; i++) {
        if (i > 0) f[i] = strtoll(p, NULL, 10);
        p = strchr(p, ' ');
        if (p) p++;
    }
}

/* Fill name and the numbers from /proc/<pid>/stat; -1 when unreadable. */
static int parse_stat(int pid, ProcInfo *in)
{
    char *s = slurp(pid, "stat", NULL);
    char *lp = s ? strchr(s, '(') : NULL, *rp = s ? strrchr(s, ')') : NULL;
    if (!lp || !rp || rp < lp || rp[1] != ' ') {
        free(s);
        return -1;
    }
    in->name = xstrndup(lp + 1, (size_t)(rp - lp - 1));
    long long f[F__COUNT] = {0};
    stat_fields(rp + 2, f);
    long hz = sysconf(_SC_CLK_TCK), page = sysconf(_SC_PAGESIZE);
    in->ppid = (int)f[F_PPID];
    in->sid = (int)f[F_SESSION];
    in->user_s = (double)f[F_UTIME] / (double)hz;
    in->system_s = (double)f[F_STIME] / (double)hz;
    in->nthreads = (int)f[F_THREADS];
    in->start_ns = (boot_time_s() * hz + f[F_START]) * (1000000000 / hz);
    in->vm = f[F_VSIZE];
    in->ws = f[F_RSS] * page;
    free(s);
    return 0;
}

static void read_cmdline(int pid, ProcInfo *in)
{
    size_t len = 0;
    char *s = slurp(pid, "cmdline", &len);
    while (len > 0 && s[len - 1] == 0)
        len--;
    for (size_t i = 0; i < len; i++)
        if (!s[i]) s[i] = ' ';
    if (s) s[len] = 0;
    in->cmdline = s && len ? s : NULL;
    if (!in->cmdline) free(s);
}

int proc_read(int pid, ProcInfo *out)
{
    memset(out, 0, sizeof *out);
    out->pid = pid;
    if (pid <= 0 || parse_stat(pid, out) != 0) return -1;
    char *st = slurp(pid, "status", NULL);
    out->pm = status_kb(st, "VmSwap");
    out->private_mem = status_kb(st, "VmData");
    out->peak_ws = status_kb(st, "VmHWM");
    out->peak_vm = status_kb(st, "VmPeak");
    free(st);
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/exe", pid);
    ssize_t n = readlink(path, buf, sizeof buf - 1);
    out->path = n > 0 ? xstrndup(buf, (size_t)n) : NULL;
    read_cmdline(pid, out);
    out->handles = count_dir(pid, "fd");
    return 0;
}

void proc_info_free(ProcInfo *in)
{
    free((char *)in->name);
    free((char *)in->path);
    free((char *)in->cmdline);
    in->name = in->path = in->cmdline = NULL;
}

/* ======================================================================== properties */

static const Proc *proc_of(Value v)
{
    Value b = val_base(v);
    return val_is(b, &cls_process) ? (const Proc *)b.as.o : NULL;
}

static Value str_or_null(const char *s)
{
    return s ? val_str(s) : val_null();
}

static Value seconds_ts(double s)
{
    return val_timespan((int64_t)(s * (double)DT_TICKS_PER_SECOND + 0.5));
}

static int alive(int pid)
{
    char *s = slurp(pid, "stat", NULL);
    const char *close = s ? strrchr(s, ')') : NULL;
    int ok = close && close[1] == ' ' && close[2] != 'Z' && close[2] != 'X';
    free(s);
    return ok;
}

/* Thread ids from /proc/<pid>/task, as Int32[]. */
static Value thread_ids(int pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", pid);
    Value arr = arr_new(TY_INT32, 4);
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (isdigit((unsigned char)e->d_name[0])) arr_push(arr, val_int(atoi(e->d_name)));
    if (d) closedir(d);
    return arr;
}

static Value start_time(const ProcInfo *in)
{
    int64_t utc = DT_UNIX_EPOCH_TICKS + in->start_ns / 100;
    int64_t off = (int64_t)dt_local_offset_min(utc) * 60 * DT_TICKS_PER_SECOND;
    return val_datetime(utc + off, DT_LOCAL);
}

typedef enum PropId {
    P_NAME,
    P_SI,
    P_HANDLES,
    P_VM,
    P_WS,
    P_PM,
    P_NPM,
    P_PATH,
    P_CMDLINE,
    P_PARENT,
    P_CPU,
    P_HANDLECOUNT,
    P_HASEXITED,
    P_ID,
    P_MACHINE,
    P_NPM64,
    P_PM64,
    P_PEAKVM,
    P_PEAKWS,
    P_PRIVATE,
    P_PNAME,
    P_PRIVTIME,
    P_SESSION,
    P_START,
    P_THREADS,
    P_TOTALTIME,
    P_USERTIME,
    P_VM64,
    P_WS64,
    P__COUNT
} PropId;

/* Display order follows `Get-Process -Id $PID | Format-List *`. */
static const char *const prop_names[P__COUNT] = {"Name",
                                                 "SI",
                                                 "Handles",
                                                 "VM",
                                                 "WS",
                                                 "PM",
                                                 "NPM",
                                                 "Path",
                                                 "CommandLine",
                                                 "Parent",
                                                 "CPU",
                                                 "HandleCount",
                                                 "HasExited",
                                                 "Id",
                                                 "MachineName",
                                                 "NonpagedSystemMemorySize64",
                                                 "PagedMemorySize64",
                                                 "PeakVirtualMemorySize64",
                                                 "PeakWorkingSet64",
                                                 "PrivateMemorySize64",
                                                 "ProcessName",
                                                 "PrivilegedProcessorTime",
                                                 "SessionId",
                                                 "StartTime",
                                                 "Threads",
                                                 "TotalProcessorTime",
                                                 "UserProcessorTime",
                                                 "VirtualMemorySize64",
                                                 "WorkingSet64"};

static Value prop_value(const ProcInfo *in, PropId id)
{
    switch (id) {
    case P_NAME:
    case P_PNAME:
        return val_str(in->name);
    case P_SI:
    case P_SESSION:
        return val_int(in->sid);
    case P_HANDLES:
    case P_HANDLECOUNT:
        return val_int(in->handles);
    case P_VM:
    case P_VM64:
        return val_long(in->vm);
    case P_WS:
    case P_WS64:
        return val_long(in->ws);
    case P_PM:
    case P_PM64:
        return val_long(in->pm);
    case P_NPM:
    case P_NPM64:
        return val_long(0);
    case P_PATH:
        return str_or_null(in->path);
    case P_CMDLINE:
        return str_or_null(in->cmdline);
    case P_PARENT:
        return in->ppid > 0 ? proc_get(in->ppid, NULL) : val_null();
    case P_CPU:
        return val_double(in->user_s + in->system_s);
    case P_HASEXITED:
        return val_bool(!alive(in->pid));
    case P_ID:
        return val_int(in->pid);
    case P_MACHINE:
        return val_str(".");
    case P_PEAKVM:
        return val_long(in->peak_vm);
    case P_PEAKWS:
        return val_long(in->peak_ws);
    case P_PRIVATE:
        return val_long(in->private_mem);
    case P_PRIVTIME:
        return seconds_ts(in->system_s);
    case P_START:
        return start_time(in);
    case P_THREADS:
        return thread_ids(in->pid);
    case P_TOTALTIME:
        return seconds_ts(in->user_s + in->system_s);
    case P_USERTIME:
        return seconds_ts(in->user_s);
    case P__COUNT:
        break;
    }
    return val_null();
}

static int proc_get_prop(Value self, const char *name, size_t len, Value *out)
{
    const Proc *p = proc_of(self);
    for (int i = 0; i < P__COUNT; i++) {
        if (str_ieq_slice(name, len, prop_names[i])) {
            *out = prop_value(&p->in, (PropId)i);
            return 1;
        }
    }
    return 0;
}

static size_t proc_nprops(Value self)
{
    return P__COUNT;
}

static void proc_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    Proc *p = (Proc *)proc_of(self);
    if (!p->cache) p->cache = xcalloc(P__COUNT, sizeof *p->cache);
    val_unref(p->cache[i]);
    p->cache[i] = prop_value(&p->in, (PropId)i);
    *name = prop_names[i];
    *len = strlen(prop_names[i]);
    *val = p->cache[i];
}

static void proc_to_string(Value self, StrBuf *out)
{
    sb_printf(out, "System.Diagnostics.Process (%s)", proc_of(self)->in.name);
}

static void proc_free(Obj *o)
{
    Proc *p = (Proc *)o;
    if (p->cache)
        for (int i = 0; i < P__COUNT; i++)
            val_unref(p->cache[i]);
    free(p->cache);
    proc_info_free(&p->in);
}

const ObjClass cls_process = {
    .name = "Process",
    .full_name = "System.Diagnostics.Process",
    .type = TY_OTHER,
    .free = proc_free,
    .to_string = proc_to_string,
    .get_prop = proc_get_prop,
    .nprops = proc_nprops,
    .prop_at = proc_prop_at,
};

/* ======================================================================== lookups */

Value proc_from_info(const ProcInfo *info)
{
    Proc *p = (Proc *)obj_alloc(&cls_process, sizeof *p);
    p->in = *info;
    p->in.name = xstrdup(info->name ? info->name : "");
    p->in.path = info->path ? xstrdup(info->path) : NULL;
    p->in.cmdline = info->cmdline ? xstrdup(info->cmdline) : NULL;
    return val_obj_take(&p->obj);
}

static Value from_pid(int pid)
{
    ProcInfo in;
    if (proc_read(pid, &in) != 0) return val_null();
    Value v = proc_from_info(&in);
    proc_info_free(&in);
    return v;
}

int proc_is(Value v)
{
    return proc_of(v) != NULL;
}

int proc_pid(Value v)
{
    const Proc *p = proc_of(v);
    return p ? p->in.pid : -1;
}

static int cmp_procs(const void *a, const void *b)
{
    const Proc *x = proc_of(*(const Value *)a), *y = proc_of(*(const Value *)b);
    int r = path_name_cmp(x->in.name, y->in.name);
    return r ? r : (x->in.pid > y->in.pid) - (x->in.pid < y->in.pid);
}

Value proc_all(void)
{
    Value *v = NULL;
    size_t n = 0, cap = 0;
    DIR *d = opendir("/proc");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (!isdigit((unsigned char)e->d_name[0])) continue;
        Value p = from_pid(atoi(e->d_name));
        if (!val_is_null(p)) ARRAY_PUSH(v, n, cap, p);
    }
    if (d) closedir(d);
    if (n) qsort(v, n, sizeof *v, cmp_procs);
    Value arr = arr_new(TY_OBJECT, n);
    for (size_t i = 0; i < n; i++)
        arr_push_take(arr, v[i]);
    free(v);
    return arr;
}

static const char ID_GET[] =
    "NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.GetProcessCommand";
static const char ID_STOP[] =
    "NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.StopProcessCommand";

static int no_id(int pid, const char *id, FsError *err)
{
    char target[24];
    snprintf(target, sizeof target, "%d", pid);
    return fs_fail(err, id, "ObjectNotFound", target,
                   "Cannot find a process with the process identifier %d.", pid);
}

Value proc_get(int pid, FsError *err)
{
    Value v = from_pid(pid);
    if (val_is_null(v)) no_id(pid, ID_GET, err);
    return v;
}

int proc_find_name(const char *pattern, Value arr, FsError *err)
{
    char *msg = NULL;
    Wildcard *w = wildcard_compile(pattern, strlen(pattern), 1, &msg);
    if (!w) {
        fs_fail(err, "WildcardPatternException,Microsoft.PowerShell.Commands.GetProcessCommand",
                "InvalidArgument", pattern, "%s", msg ? msg : "");
        free(msg);
        return -1;
    }
    Value all = proc_all();
    int found = 0;
    for (size_t i = 0; i < arr_len(all); i++) {
        const char *nm = proc_of(arr_peek(all, i))->in.name;
        if (wildcard_test(w, nm, strlen(nm))) {
            arr_push(arr, arr_peek(all, i));
            found++;
        }
    }
    val_unref(all);
    wildcard_free(w);
    if (!found && !wildcard_has_meta(pattern, strlen(pattern)))
        return fs_fail(err,
                       "NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand",
                       "ObjectNotFound", pattern,
                       "Cannot find a process with the name \"%s\". Verify the process name and "
                       "call the cmdlet again.",
                       pattern);
    return found;
}

static int kill_pid(int pid, const char *name, FsError *err)
{
    if (kill((pid_t)pid, SIGKILL) == 0 || errno == ESRCH) return 0;
    char target[300];
    snprintf(target, sizeof target, "%s (%d)", name, pid);
    return fs_fail(err, "CouldNotStopProcess,Microsoft.PowerShell.Commands.StopProcessCommand",
                   "CloseError", target,
                   "Cannot stop process \"%s\" because of the following error: %s", target,
                   strerror(errno));
}

int proc_stop(Value proc, FsError *err)
{
    const Proc *p = proc_of(proc);
    if (!p) return fs_fail(err, "InvalidArgument", "InvalidArgument", "", "Not a process.");
    return kill_pid(p->in.pid, p->in.name, err);
}

int proc_stop_id(int pid, FsError *err)
{
    Value v = from_pid(pid);
    if (val_is_null(v)) return no_id(pid, ID_STOP, err);
    int rc = proc_stop(v, err);
    val_unref(v);
    return rc;
}

/* ======================================================================== the view */

static Value fmt_n2(double d)
{
    StrBuf sb = {0};
    nf_format_double(&sb, d, "N2", NF_EN_US);
    return val_str_take_sb(&sb);
}

/* NPM(K): [long]($_.NPM / 1024) */
static Value col_npm(void *ctx, Value obj)
{
    return proc_is(obj) ? val_long(0) : val_null();
}

/* PM(M) and WS(M): "{0:N2}" -f [float]($_.PM / 1MB) */
static Value col_pm(void *ctx, Value obj)
{
    const Proc *p = proc_of(obj);
    return p ? fmt_n2((float)((double)p->in.pm / 1048576.0)) : val_null();
}

static Value col_ws(void *ctx, Value obj)
{
    const Proc *p = proc_of(obj);
    return p ? fmt_n2((float)((double)p->in.ws / 1048576.0)) : val_null();
}

/* CPU(s): $_.CPU.ToString("N") */
static Value col_cpu(void *ctx, Value obj)
{
    const Proc *p = proc_of(obj);
    return p ? fmt_n2(p->in.user_s + p->in.system_s) : val_null();
}

static const FmtColumn proc_cols[] = {
    {.label = "NPM(K)", .get = col_npm, .width = 7, .align = FMT_ALIGN_RIGHT},
    {.label = "PM(M)", .get = col_pm, .width = 8, .align = FMT_ALIGN_RIGHT},
    {.label = "WS(M)", .get = col_ws, .width = 10, .align = FMT_ALIGN_RIGHT},
    {.label = "CPU(s)", .get = col_cpu, .width = 10, .align = FMT_ALIGN_RIGHT},
    {.label = "Id", .prop = "Id", .width = 7, .align = FMT_ALIGN_RIGHT},
    {.label = "SI", .prop = "SI", .width = 3, .align = FMT_ALIGN_RIGHT},
    {.label = "ProcessName", .prop = "ProcessName", .align = FMT_ALIGN_LEFT},
};

static const FmtView proc_view = {
    .name = "process",
    .type_name = "System.Diagnostics.Process",
    .shape = FMT_TABLE,
    .cols = proc_cols,
    .ncols = sizeof proc_cols / sizeof proc_cols[0],
};

void proc_register_views(void)
{
    static int done;
    if (done) return;
    done = 1;
    fmt_view_register(&proc_view);
}
