/*
** test_proc: Process values from /proc for this test's own pid and a child it spawns
** (lookups by id and name wildcard, Stop-Process and pwsh's errors), and the pwsh 7 process
** table view with injected values (the Get-Process.md / about_Operators samples).
** Issue: cmdlet cores "items" (processes), 2026-11-24.
*/
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cmdlets/proc.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/format.h"
#include "runtime/mem.h"
#include "tests/unit/check.h"

static char got[4096];

static int count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* Property name of v as text. */
static const char *prop(Value v, const char *name)
{
    Value p;
    if (!val_get_prop(v, name, strlen(name), &p)) return "(none)";
    StrBuf sb = {0};
    if (val_is_null(p))
        sb_puts(&sb, "(null)");
    else
        convert_append_scalar(p, &sb);
    snprintf(got, sizeof got, "%s", sb_str(&sb));
    sb_free(&sb);
    val_unref(p);
    return got;
}

static Value propv(Value v, const char *name)
{
    Value p = val_null();
    val_get_prop(v, name, strlen(name), &p);
    return p;
}

static int64_t prop_int(Value v, const char *name)
{
    Value p = propv(v, name);
    int64_t r = val_is_integer(p) ? p.as.i : -999;
    val_unref(p);
    return r;
}

static void nap_ms(int ms)
{
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

/* Wait (up to ~3 s) until pid's comm is want: the child has exec'd. */
static int wait_comm(pid_t pid, const char *want)
{
    char path[64], buf[64];
    snprintf(path, sizeof path, "/proc/%d/comm", (int)pid);
    for (int i = 0; i < 300; i++) {
        FILE *f = fopen(path, "r");
        if (f) {
            int ok = fgets(buf, sizeof buf, f) && !strncmp(buf, want, strlen(want));
            fclose(f);
            if (ok) return 1;
        }
        nap_ms(10);
    }
    return 0;
}

static pid_t spawn_sleep(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sleep", "/bin/sleep", "30", (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* ======================================================================== own process */

static void test_self(void)
{
    FsError err;
    Value me = proc_get(getpid(), &err);
    CHECK(proc_is(me));
    CHECK(proc_pid(me) == getpid());
    CHECK_STR(val_type_name(me), "Process");
    CHECK_STR(val_type_fullname(me), "System.Diagnostics.Process");
    CHECK_STR(prop(me, "ProcessName"), "test_proc");
    CHECK_STR(prop(me, "Name"), "test_proc");
    CHECK(prop_int(me, "Id") == getpid());
    CHECK(prop_int(me, "SI") == getsid(0));
    CHECK(prop_int(me, "SessionId") == getsid(0));
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    CHECK_STR(prop(me, "Path"), exe);
    CHECK(strstr(prop(me, "CommandLine"), "test_proc") != NULL);
    CHECK_STR(prop(me, "HasExited"), "False");
    CHECK_STR(prop(me, "MachineName"), ".");
    CHECK(prop_int(me, "NPM") == 0);
    CHECK(prop_int(me, "NonpagedSystemMemorySize64") == 0);
    CHECK(prop_int(me, "WS") > 0);
    CHECK(prop_int(me, "WS") == prop_int(me, "WorkingSet64"));
    CHECK(prop_int(me, "VM") >= prop_int(me, "WS"));
    CHECK(prop_int(me, "PeakWorkingSet64") > 0);
    CHECK(prop_int(me, "PrivateMemorySize64") > 0);
    CHECK(prop_int(me, "PM") == prop_int(me, "PagedMemorySize64"));
    CHECK(prop_int(me, "Handles") >= 3);
    CHECK(prop_int(me, "Handles") == prop_int(me, "HandleCount"));
    Value cpu = propv(me, "CPU");
    CHECK(cpu.kind == VAL_DOUBLE && cpu.as.d >= 0 && cpu.as.d < 100);
    Value tpt = propv(me, "TotalProcessorTime");
    CHECK(tpt.kind == VAL_TIMESPAN && tpt.as.i >= 0);
    Value ut = propv(me, "UserProcessorTime"), st = propv(me, "PrivilegedProcessorTime");
    CHECK(ut.kind == VAL_TIMESPAN && st.kind == VAL_TIMESPAN);
    Value start = propv(me, "StartTime");
    CHECK(start.kind == VAL_DATETIME && start.aux == 2);
    /* started within the last hour (UTC test zone): .NET ticks of now */
    int64_t now = 621355968000000000LL + (int64_t)time(NULL) * 10000000LL;
    CHECK(start.as.i <= now + 20000000 && start.as.i > now - 36000000000LL);
    Value th = propv(me, "Threads");
    CHECK(val_is_array(th) && arr_len(th) == 1);
    CHECK(arr_len(th) == 1 && arr_peek(th, 0).as.i == getpid());
    val_unref(th);
    Value parent = propv(me, "Parent");
    CHECK(proc_is(parent) && proc_pid(parent) == getppid());
    val_unref(parent);
    CHECK_STR(prop(me, "NoSuchProperty"), "(none)");
    Value s = convert_to_string(me, NULL);
    CHECK_STR(val_str_data(s), "System.Diagnostics.Process (test_proc)");
    val_unref(s);
    /* Format-List * sees every property through the hooks */
    const ObjClass *c = val_class(me);
    CHECK(c->nprops(me) == 29);
    const char *nm;
    size_t len;
    Value pv;
    c->prop_at(me, 0, &nm, &len, &pv);
    CHECK_STR(nm, "Name");
    CHECK_STR(val_str_data(pv), "test_proc");
    c->prop_at(me, 13, &nm, &len, &pv);
    CHECK(len == 2 && !strncmp(nm, "Id", 2) && pv.as.i == getpid());
    c->prop_at(me, 13, &nm, &len, &pv);
    CHECK(pv.as.i == getpid());
    for (size_t i = 0; i < c->nprops(me); i++)
        c->prop_at(me, i, &nm, &len, &pv); /* all of them, once (no leaks under ASan) */
    val_unref(me);
    CHECK(!proc_is(val_int(3)) && proc_pid(val_null()) == -1);
}

static void test_lookup_errors(void)
{
    FsError err;
    Value v = proc_get(999999999, &err);
    CHECK(val_is_null(v));
    CHECK_STR(err.msg, "Cannot find a process with the process identifier 999999999.");
    CHECK_STR(err.id, "NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.GetProcessCommand");
    CHECK_STR(err.category, "ObjectNotFound");
    CHECK_STR(err.target, "999999999");
    CHECK(val_is_null(proc_get(0, &err)));
    CHECK(val_is_null(proc_get(-5, NULL)));
    Value arr = arr_new(TY_OBJECT, 0);
    CHECK(proc_find_name("no_such_process_xyz", arr, &err) == -1);
    CHECK_STR(err.msg, "Cannot find a process with the name \"no_such_process_xyz\". Verify the "
                       "process name and call the cmdlet again.");
    CHECK_STR(err.id, "NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand");
    CHECK_STR(err.category, "ObjectNotFound");
    CHECK_STR(err.target, "no_such_process_xyz");
    CHECK(proc_find_name("no_such_process*", arr, &err) == 0); /* a wildcard: no error */
    CHECK(proc_find_name("[abc", arr, &err) == -1);
    CHECK_STR(err.category, "InvalidArgument");
    CHECK(arr_len(arr) == 0);
    CHECK(proc_find_name("TEST_PROC", arr, &err) >= 1); /* names match without case */
    CHECK(arr_len(arr) >= 1 && proc_is(arr_peek(arr, 0)));
    val_unref(arr);
    CHECK(proc_stop_id(999999999, &err) == -1);
    CHECK_STR(err.id, "NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.StopProcessCommand");
    CHECK_STR(err.msg, "Cannot find a process with the process identifier 999999999.");
    CHECK(proc_stop(val_int(1), &err) == -1);
}

static void test_init(void)
{
    FsError err;
    Value init = proc_get(1, &err);
    CHECK(proc_pid(init) == 1);
    CHECK_STR(prop(init, "Parent"), "(null)"); /* ppid 0: no parent */
    CHECK(prop_int(init, "Threads") == -999); /* an array, not a number */
    Value th = propv(init, "Threads");
    CHECK(val_is_array(th) && arr_len(th) >= 1);
    val_unref(th);
    val_unref(init);
}

static void test_all(void)
{
    Value all = proc_all();
    size_t n = arr_len(all);
    CHECK(n >= 2);
    int sorted = 1, mine = 0;
    for (size_t i = 0; i < n; i++) {
        Value p = arr_peek(all, i);
        mine += proc_pid(p) == getpid();
        if (i == 0) continue;
        Value q = arr_peek(all, i - 1);
        Value a = propv(q, "ProcessName"), b = propv(p, "ProcessName");
        int r = path_name_cmp(val_str_data(a), val_str_data(b));
        if (r > 0 || (r == 0 && proc_pid(q) > proc_pid(p))) sorted = 0;
        val_unref(a);
        val_unref(b);
    }
    CHECK(sorted);
    CHECK(mine == 1);
    val_unref(all);
}

/* ======================================================================== a child */

static void test_child(void)
{
    pid_t kid = spawn_sleep();
    CHECK(kid > 0 && wait_comm(kid, "sleep"));
    FsError err;
    Value p = proc_get(kid, &err);
    CHECK(proc_pid(p) == kid);
    CHECK_STR(prop(p, "ProcessName"), "sleep");
    CHECK_STR(prop(p, "CommandLine"), "/bin/sleep 30");
    CHECK(prop_int(p, "Id") == kid);
    Value par = propv(p, "Parent");
    CHECK(proc_pid(par) == getpid());
    val_unref(par);
    CHECK_STR(prop(p, "HasExited"), "False");
    Value arr = arr_new(TY_OBJECT, 0);
    int found = proc_find_name("sl?ep", arr, &err), hit = 0;
    CHECK(found >= 1 && (size_t)found == arr_len(arr));
    for (size_t i = 0; i < arr_len(arr); i++)
        hit += proc_pid(arr_peek(arr, i)) == kid;
    CHECK(hit == 1);
    val_unref(arr);
    CHECK(proc_stop(p, &err) == 0);
    int status = 0;
    CHECK(waitpid(kid, &status, 0) == kid);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    CHECK_STR(prop(p, "HasExited"), "True");
    CHECK_STR(prop(p, "ProcessName"), "sleep"); /* the snapshot stays */
    CHECK(proc_stop(p, &err) == 0);             /* already gone: a no-op, as .NET */
    CHECK(val_is_null(proc_get(kid, &err)));
    char want[128];
    snprintf(want, sizeof want, "Cannot find a process with the process identifier %d.", (int)kid);
    CHECK_STR(err.msg, want);
    CHECK(proc_stop_id(kid, &err) == -1);
    val_unref(p);
}

/* Stop-Process on someone else's process: a helper that dropped to nobody tries to kill our
 * sleeping child and reports through its exit status (0: the right error). */
static int helper_try_kill(pid_t victim)
{
    if (setgid(65534) != 0 || setuid(65534) != 0 || getuid() != 65534) return 3;
    FsError err;
    if (proc_stop_id(victim, &err) != -1) return 4;
    char want[256];
    snprintf(want, sizeof want,
             "Cannot stop process \"sleep (%d)\" because of the following error: Operation not "
             "permitted",
             (int)victim);
    if (strcmp(err.msg, want) != 0) return 5;
    if (strcmp(err.id, "CouldNotStopProcess,Microsoft.PowerShell.Commands.StopProcessCommand"))
        return 6;
    snprintf(want, sizeof want, "sleep (%d)", (int)victim);
    return strcmp(err.category, "CloseError") || strcmp(err.target, want) ? 7 : 0;
}

static void test_denied(void)
{
    if (getuid() != 0) { /* as a normal user, pid 1 belongs to root */
        FsError err;
        CHECK(proc_stop_id(1, &err) == -1);
        CHECK_STR(err.id, "CouldNotStopProcess,Microsoft.PowerShell.Commands.StopProcessCommand");
        return;
    }
    pid_t kid = spawn_sleep();
    CHECK(wait_comm(kid, "sleep"));
    pid_t helper = fork();
    if (helper == 0) _exit(helper_try_kill(kid));
    int status = 0;
    CHECK(waitpid(helper, &status, 0) == helper);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(kill(kid, 0) == 0); /* still alive */
    FsError err;
    CHECK(proc_stop_id(kid, &err) == 0);
    CHECK(waitpid(kid, &status, 0) == kid && WIFSIGNALED(status));
}

/* ======================================================================== the view */

static Value fake(int pid, int sid, const char *name, double ws_mb, double pm_mb, double cpu)
{
    ProcInfo in;
    memset(&in, 0, sizeof in);
    in.pid = pid;
    in.sid = sid;
    in.name = name;
    in.ws = (int64_t)(ws_mb * 1048576.0 + 0.5);
    in.pm = (int64_t)(pm_mb * 1048576.0 + 0.5);
    in.user_s = cpu;
    return proc_from_info(&in);
}

static void test_view(void)
{
    proc_register_views();
    proc_register_views();
    Value v[4];
    /* about_Operators (background operator) sample, as pwsh prints it on Linux */
    v[0] = fake(6988, 988, "pwsh", 221.16, 0, 25.90);
    v[1] = fake(14845, 845, "pwsh", 140.12, 0, 29.87);
    FmtOptions opt;
    fmt_options_init(&opt);
    opt.width = 120;
    StrBuf out = {0};
    fmt_values(&opt, v, 2, &out);
    CHECK_STR(sb_str(&out), "\n"
                            " NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName\n"
                            " ------    -----      -----     ------      --  -- -----------\n"
                            "      0     0.00     221.16      25.90    6988 988 pwsh\n"
                            "      0     0.00     140.12      29.87   14845 845 pwsh\n"
                            "\n");
    sb_free(&out);
    /* thousands separators, a name with a space, a 4-digit session id cut to fit */
    v[2] = fake(11780, 1, "Memory Compression", 319.77, 1478.97, 1305.33);
    v[3] = fake(2, 1234, "kthreadd", 0, 0, 0);
    fmt_values(&opt, v + 2, 2, &out);
    CHECK_STR(sb_str(&out), "\n"
                            " NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName\n"
                            " ------    -----      -----     ------      --  -- -----------\n"
                            "      0 1,478.97     319.77   1,305.33   11780   1 Memory "
                            "Compression\n"
                            "      0     0.00       0.00       0.00       2 \xe2\x80\xa6"
                            "34 kthreadd\n"
                            "\n");
    sb_free(&out);
    for (int i = 0; i < 4; i++)
        val_unref(v[i]);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    int fds = count_fds();
    test_self();
    test_lookup_errors();
    test_init();
    test_all();
    test_child();
    test_denied();
    test_view();
    CHECK(count_fds() == fds); /* no descriptor leaks */
    return check_done();
}
