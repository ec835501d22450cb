/*
** test_jobrt: the job runtime backends driven from C (jobs.md 1.5-1.8, 2, 4; job issue,
** 2026-11-24): process jobs (output values and order, errors, terminating errors re-reported,
** arguments, $using:, input, working directory, stop, kill -9 from outside, Invoke-Command
** -AsJob with a non-local name), thread jobs (output, failure, throttle) and fd/zombie hygiene.
** Process jobs need the psmini binary: $PSMINI (tests/run-all.sh sets it); without it those
** checks are skipped with a message.  JOBRT_MANY=N runs the N-job fd/zombie case (default 200;
** tests/run-slow.sh may pass 1000).
*/
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cmdlets/registry.h"
#include "jobs/job.h"
#include "jobs/jobrun.h"
#include "jobs/proc_backend.h"
#include "jobs/thread_backend.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/errrec.h"
#include "runtime/hashtable.h"
#include "runtime/members_kinds.h"
#include "runtime/mem.h"
#include "runtime/native.h"
#include "runtime/strbuf.h"
#include "tests/unit/check.h"

#define WAIT_MS 20000 /* generous: a loaded CI machine; never reached when things work */

static const char stream_letter[JOB_STREAM_COUNT] = {'O', 'E', 'P', 'V', 'D', 'W', 'I'};

/* Receive-Job's records as "O:1|E:bad|..." text. */
static void emit(void *ctx, Job *from, JobStream s, Value v)
{
    StrBuf *sb = ctx;
    sb_putc(sb, stream_letter[s]);
    sb_putc(sb, ':');
    if (errrec_is(v)) {
        sb_puts(sb, errrec_message(v));
    } else {
        Value t = convert_to_string(v, NULL);
        sb_puts(sb, val_str_data(t));
        val_unref(t);
    }
    sb_putc(sb, '|');
}

static char *receive(Job *j, unsigned flags)
{
    StrBuf sb = {0};
    job_receive(j, flags, emit, &sb);
    return sb_take(&sb);
}

#define CHECK_RECV(j, flags, want)                                                                 \
    do {                                                                                           \
        char *got_ = receive(j, flags);                                                            \
        CHECK_STR(got_, want);                                                                     \
        free(got_);                                                                                \
    } while (0)

static void drop(JobTable *t, Job *j)
{
    job_dispose(j);
    job_table_detach(t, j);
    job_unref(j);
}

static JobRunSpec spec(const char *script)
{
    JobRunSpec s = {0};
    s.script = script;
    s.args = val_null();
    s.usings = val_null();
    s.input = val_null();
    return s;
}

static Job *start_bg(JobTable *t, const char *script)
{
    JobRunSpec s = spec(script);
    return jobrun_start_background(t, &s);
}

static size_t count_fds(void)
{
    size_t n = 0;
    DIR *d = opendir("/proc/self/fd");
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.';
    if (d) closedir(d);
    return n;
}

/* 1 when this process has no child at all, running or zombie (nothing is reaped). */
static int no_children(void)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int rc = waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT);
    return rc != 0 && errno == ECHILD;
}

/* 1 once no process of group pgid is left (the killed members are reaped by init, which may
 * take a moment: poll for up to 10 s). */
static int group_gone(int pgid)
{
    for (int i = 0; i < 1000; i++) {
        if (kill(-pgid, 0) != 0 && errno == ESRCH) return 1;
        usleep(10000);
    }
    return 0;
}

/* ======================================================================== process jobs */

/* The binary answers --job-server (host/main.c dispatches to server_main). */
static int server_works(JobTable *t)
{
    Job *j = start_bg(t, "'probe'");
    int ok = jobrun_wait(t, j, WAIT_MS) && job_state(j) == JOB_COMPLETED;
    drop(t, j);
    return ok;
}

static void test_output_and_errors(JobTable *t)
{
    Job *j = start_bg(t, "1; 'two'; Write-Error 'bad'; 3");
    CHECK(job_kind(j) == JOB_KIND_BACKGROUND);
    CHECK(job_child_count(j) == 1);
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK(job_state(j) == JOB_COMPLETED);
    CHECK(job_state(job_child_at(j, 0)) == JOB_COMPLETED);
    CHECK_STR(job_location(job_child_at(j, 0)), "localhost");
    CHECK(job_stream_count(job_child_at(j, 0), JOB_ERROR) == 1);
    /* the notes of a received object */
    Job *c = job_child_at(j, 0);
    job_table_lock(t);
    CHECK(job_results_count(c) == 4);
    job_table_unlock(t);
    CHECK_RECV(j, JOB_RECV_KEEP, "O:1|O:two|E:bad|O:3|");
    CHECK_RECV(j, 0, "O:1|O:two|E:bad|O:3|");
    CHECK_RECV(j, 0, "");
    drop(t, j);
}

/* "name=value;" for the notes of each received object. */
static void emit_notes(void *ctx, Job *from, JobStream s, Value v)
{
    static const char *const names[] = {"A", "PSComputerName", "PSShowComputerName"};
    StrBuf *sb = ctx;
    for (size_t i = 0; i < 3; i++) {
        Value p;
        if (!val_get_prop(v, names[i], strlen(names[i]), &p)) continue;
        Value t = convert_to_string(p, NULL);
        sb_printf(sb, "%s=%s;", names[i], val_str_data(t));
        val_unref(t);
        val_unref(p);
    }
    Value rs;
    if (val_get_prop(v, "RunspaceId", 10, &rs)) {
        Value t = convert_to_string(rs, NULL); /* a [guid] (jobs.md 4.2), not a string */
        sb_printf(sb, "RunspaceId:%s%zu;", val_is(rs, &cls_guid) ? "Guid" : "", val_str_len(t));
        val_unref(t);
        val_unref(rs);
    }
}

static void test_notes(JobTable *t)
{
    Job *j = start_bg(t, "[pscustomobject]@{A=1}; 2");
    CHECK(jobrun_wait(t, j, WAIT_MS));
    StrBuf sb = {0};
    job_receive(j, 0, emit_notes, &sb);
    CHECK_STR(sb_str(&sb),
              "A=1;PSComputerName=localhost;PSShowComputerName=False;RunspaceId:Guid36;"
              "PSComputerName=localhost;PSShowComputerName=False;RunspaceId:Guid36;");
    sb_free(&sb);
    drop(t, j);
}

/* "Stream=count;" for the non-empty collections of j, and its error's id and category. */
static char *stream_summary(JobTable *t, Job *j)
{
    StrBuf sb = {0};
    for (int s = 0; s < JOB_STREAM_COUNT; s++)
        if (job_stream_count(j, (JobStream)s))
            sb_printf(&sb, "%s=%zu;", job_stream_name((JobStream)s),
                      job_stream_count(j, (JobStream)s));
    return sb_take(&sb);
}

static void emit_error_ids(void *ctx, Job *from, JobStream s, Value v)
{
    if (s != JOB_ERROR || !errrec_is(v)) return;
    sb_printf(ctx, "%s/%s;", errrec_id(v), errrec_category(v));
}

static Job *start_tj(JobTable *t, const char *script);

/* A cmdlet from cmdlets/ (not built into the evaluator) works in both kinds of job. */
static void test_cmdlet_families(JobTable *t)
{
    Job *j = start_bg(t, "(Get-Location).Path");
    CHECK(jobrun_wait(t, j, WAIT_MS));
    char cwd[4096], want[4200];
    snprintf(want, sizeof want, "O:%s|", getcwd(cwd, sizeof cwd) ? cwd : "?");
    CHECK_RECV(j, 0, want);
    drop(t, j);
    j = start_tj(t, "(Get-Location).Path");
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK_RECV(j, 0, want);
    drop(t, j);
}

static const char streams_script[] =
    "Write-Warning 'w'; Write-Verbose 'v' -Verbose; Write-Host 'h'; Write-Debug 'd' -Debug; "
    "'o'; Write-Error 'e1'; nosuchcommand-jobrt";

static void check_streams(JobTable *t, Job *j, Job *leaf)
{
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK(job_state(j) == JOB_COMPLETED);
    char *sum = stream_summary(t, leaf);
    CHECK_STR(sum, "Output=1;Error=2;Verbose=1;Debug=1;Warning=1;Information=1;");
    free(sum);
    StrBuf sb = {0};
    job_receive(j, JOB_RECV_KEEP, emit_error_ids, &sb);
    CHECK_STR(sb_str(&sb), "Microsoft.PowerShell.Commands.WriteErrorException/NotSpecified;"
                           "CommandNotFoundException/ObjectNotFound;");
    sb_free(&sb);
}

static void test_streams(JobTable *t)
{
    Job *j = start_bg(t, streams_script);
    check_streams(t, j, job_child_at(j, 0));
    drop(t, j);
}

static void test_args_usings_input(JobTable *t)
{
    JobRunSpec s = spec("param($a, $b) \"$a-$b-$using:x\"; $input | ForEach-Object { $_ * 2 }");
    Value items[2] = {val_int(5), val_str("six")};
    s.args = arr_from(items, 2);
    val_unref(items[1]);
    s.usings = ht_new(1);
    Value k = val_str("x"), u = val_str("used");
    ht_set(s.usings, k, u);
    val_unref(k);
    val_unref(u);
    Value in[2] = {val_int(1), val_int(2)};
    s.input = arr_from(in, 2);
    Job *j = jobrun_start_background(t, &s);
    val_unref(s.args);
    val_unref(s.usings);
    val_unref(s.input);
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK(job_state(j) == JOB_COMPLETED);
    CHECK_RECV(j, 0, "O:5-six-used|O:2|O:4|");
    drop(t, j);
}

/* The environment is the caller's at start time, even with a server started ahead of need. */
static void test_environment(JobTable *t)
{
    Job *j = start_bg(t, "1"); /* leaves a warm server behind */
    CHECK(jobrun_wait(t, j, WAIT_MS));
    drop(t, j);
    setenv("JOBRT_X", "changed", 1);
    j = start_bg(t, "$env:JOBRT_X");
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK_RECV(j, 0, "O:changed|");
    drop(t, j);
    unsetenv("JOBRT_X");
}

static void test_fresh_session_and_workdir(JobTable *t)
{
    JobRunSpec s = spec("\"[$secret]\"; pwd");
    s.workdir = "/tmp";
    s.init = "'init'";
    Job *j = jobrun_start_background(t, &s);
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK_RECV(j, 0, "O:init|O:[]|O:/tmp|");
    drop(t, j);
}

static void test_terminating(JobTable *t)
{
    Job *j = start_bg(t, "1; throw 'boom'; 2");
    CHECK(jobrun_wait(t, j, WAIT_MS));
    Job *c = job_child_at(j, 0);
    CHECK(job_state(c) == JOB_FAILED);
    CHECK(job_state(j) == JOB_FAILED);
    CHECK(errrec_is(job_reason(c)));
    if (errrec_is(job_reason(c))) CHECK_STR(errrec_message(job_reason(c)), "boom");
    CHECK(job_stream_count(c, JOB_ERROR) == 0);
    CHECK_RECV(j, 0, "O:1|E:boom|");
    CHECK_RECV(j, 0, "E:boom|"); /* re-reported on every read */
    drop(t, j);

    j = start_bg(t, "1 +"); /* the script does not parse */
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK(job_state(j) == JOB_FAILED);
    CHECK_RECV(j, 0, "E:You must provide a value expression following the '+' operator.|");
    drop(t, j);
}

static void test_stop(JobTable *t)
{
    Job *j = start_bg(t, "'started'; sleep 30");
    Job *c = job_child_at(j, 0);
    for (int i = 0; i < 400 && job_stream_count(c, JOB_OUTPUT) == 0; i++)
        jobrun_poll(t, 50);
    int pid = proc_backend_pid(c);
    CHECK(pid > 0);
    job_stop(j);
    CHECK(job_state(c) == JOB_STOPPED);
    CHECK(job_state(j) == JOB_STOPPED);
    CHECK(pid > 0 && group_gone(pid)); /* sleep died with its group */
    CHECK_RECV(j, 0, "O:started|");
    drop(t, j);
}

static void test_killed_from_outside(JobTable *t)
{
    Job *j = start_bg(t, "'up'; sleep 30");
    Job *c = job_child_at(j, 0);
    for (int i = 0; i < 400 && job_stream_count(c, JOB_OUTPUT) == 0; i++)
        jobrun_poll(t, 50);
    int pid = proc_backend_pid(c);
    CHECK(pid > 0);
    if (pid > 0) kill(-pid, SIGKILL);
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK(job_state(c) == JOB_FAILED);
    CHECK(job_state(j) == JOB_FAILED);
    Value r = job_reason(c);
    CHECK(errrec_is(r) && strstr(errrec_message(r), "terminated by signal 9 (SIGKILL)"));
    drop(t, j);
}

static void test_remote(JobTable *t)
{
    static const char *const comps[] = {"localhost", "Server01", "127.0.0.1"};
    JobRunSpec s = spec("'hi'");
    s.computers = comps;
    s.ncomputers = 3;
    Job *j = jobrun_start_remote(t, &s);
    CHECK(job_kind(j) == JOB_KIND_REMOTE);
    CHECK(job_child_count(j) == 3);
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK_STR(job_location(job_child_at(j, 1)), "Server01");
    CHECK(job_state(job_child_at(j, 0)) == JOB_COMPLETED);
    CHECK(job_state(job_child_at(j, 1)) == JOB_FAILED);
    CHECK(job_state(job_child_at(j, 2)) == JOB_COMPLETED);
    CHECK(job_state(j) == JOB_FAILED);
    char *got = receive(j, 0);
    CHECK(strncmp(got, "O:hi|E:[Server01] Connecting to remote server Server01 failed", 61) == 0);
    CHECK(strstr(got, "|O:hi|") != NULL);
    free(got);
    drop(t, j);
}

/* A server reached through another command (how SSH will plug in): here sh execs psmini. */
static void test_command_transport(JobTable *t, const char *exe)
{
    const char *const cmd[] = {"sh", "-c", "exec \"$0\" --job-server", exe, NULL};
    static const char *const comps[] = {"viash"};
    JobSpec js = {JOB_KIND_REMOTE, NULL, "'via'", comps, 1};
    Job *j = job_new(t, &js);
    WireStart w = {0};
    w.name = (char *)"j";
    w.script = (char *)"'via ' + $args[0]";
    w.workdir = w.init = (char *)"";
    Value a = val_str("sh");
    w.args = arr_from(&a, 1);
    val_unref(a);
    w.usings = w.input = val_null();
    proc_backend_attach_cmd(t, job_child_at(j, 0), &w, "viash", 1, cmd);
    val_unref(w.args);
    job_table_add(t, j);
    job_start(j);
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK(job_state(j) == JOB_COMPLETED);
    StrBuf sb = {0};
    job_receive(j, JOB_RECV_KEEP, emit_notes, &sb);
    CHECK_STR(sb_str(&sb), "PSComputerName=viash;PSShowComputerName=True;RunspaceId:Guid36;");
    sb_free(&sb);
    CHECK_RECV(j, 0, "O:via sh|");
    drop(t, j);
}

static void test_many(JobTable *t, int n)
{
    jobrun_shutdown(); /* no idle warm server while counting */
    size_t fds = count_fds();
    Job **jobs = xcalloc((size_t)n, sizeof *jobs);
    for (int i = 0; i < n; i++)
        jobs[i] = start_bg(t, "$args.Count + 1");
    int ok = 1;
    for (int i = 0; i < n; i++)
        ok &= jobrun_wait(t, jobs[i], WAIT_MS * 3) && job_state(jobs[i]) == JOB_COMPLETED;
    CHECK(ok);
    size_t got = 0;
    for (int i = 0; i < n; i++) {
        char *s = receive(jobs[i], 0);
        got += strcmp(s, "O:1|") == 0;
        free(s);
        drop(t, jobs[i]);
    }
    CHECK(got == (size_t)n);
    free(jobs);
    jobrun_shutdown();
    CHECK(count_fds() == fds);
    CHECK(no_children());
}

/* Sums the integers received and checks they arrive in order. */
typedef struct Seq {
    int next, ok;
} Seq;

static void emit_seq(void *ctx, Job *from, JobStream s, Value v)
{
    Seq *q = ctx;
    Value b = val_base(v); /* under the PSComputerName... notes */
    if (s != JOB_OUTPUT || b.kind != VAL_INT32 || b.as.i != q->next) q->ok = 0;
    q->next++;
}

/* Past the read cap the parent stops reading (the child's writer holds the rest); receiving
 * lets it continue, and nothing is lost or reordered. */
static void test_read_cap(JobTable *t)
{
    size_t old = jobrun_read_cap();
    jobrun_set_read_cap(100);
    Job *j = start_bg(t, "1..5000");
    Job *c = job_child_at(j, 0);
    CHECK(!jobrun_wait(t, j, 300)); /* cannot finish: its final state is behind the cap */
    CHECK(job_results_count(c) == 100);
    Seq q = {1, 1};
    int rounds = 0;
    while (!job_state_is_finished(job_state(j)) && rounds++ < 10000) {
        job_receive(j, 0, emit_seq, &q);
        jobrun_poll(t, 0);
    }
    job_receive(j, 0, emit_seq, &q);
    CHECK(job_state(j) == JOB_COMPLETED);
    CHECK(q.ok && q.next == 5001);
    if (!(q.ok && q.next == 5001))
        fprintf(stderr, "read cap: ok=%d next=%d rounds=%d\n", q.ok, q.next, rounds);
    jobrun_set_read_cap(old);
    drop(t, j);
}

static void test_remove_running(JobTable *t)
{
    jobrun_set_prewarm(0);
    size_t fds = count_fds();
    Job *j = start_bg(t, "sleep 30");
    drop(t, j); /* Remove-Job -Force: the group is killed and reaped */
    jobrun_set_prewarm(1);
    CHECK(count_fds() == fds);
    CHECK(no_children());
}

/* 1 when /proc/<pid>/cmdline has the argument arg. */
static int cmdline_has(int pid, const char *arg)
{
    char path[64], buf[4096];
    snprintf(path, sizeof path, "/proc/%d/cmdline", pid);
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f) fclose(f);
    buf[n] = '\0';
    for (size_t i = 0; i < n; i += strlen(buf + i) + 1)
        if (strcmp(buf + i, arg) == 0) return 1;
    return 0;
}

/* Job processes are cloned by the fork server (2026-11-24, issue 5): each is still this
 * process's own child (waitable) in a process group of its own; with pre-warming off they are
 * spawned from scratch instead. */
static void test_fork_server(JobTable *t)
{
    for (int warm = 1; warm >= 0; warm--) {
        jobrun_set_prewarm(warm);
        Job *j = start_bg(t, "'up'; Start-Sleep 30");
        Job *c = job_child_at(j, 0);
        for (int i = 0; i < 2000 && job_stream_count(c, JOB_OUTPUT) == 0; i++)
            jobrun_poll(t, 10);
        int pid = proc_backend_pid(c);
        CHECK(pid > 0 && getpgid(pid) == pid);
        siginfo_t si;
        memset(&si, 0, sizeof si);
        CHECK(waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == 0);
        CHECK(cmdline_has(pid, "--fork-server") == warm);
        drop(t, j);
        CHECK(group_gone(pid));
    }
    jobrun_set_prewarm(1);
}

/* ======================================================================== thread jobs */

/* The host's factory: a runspace with every cmdlet family. */
static Interp *factory(void *ctx)
{
    (void)ctx;
    Interp *I = interp_new();
    cmdlets_open_all(I);
    return I;
}

static Job *start_tj(JobTable *t, const char *script)
{
    JobRunSpec s = spec(script);
    return jobrun_start_thread(t, &s, factory, NULL);
}

static void test_thread(JobTable *t)
{
    JobRunSpec s = spec("param($p) 1..3; \"p=$p\"; Write-Error 'oops'; $input");
    Value a = val_str("arg");
    s.args = arr_from(&a, 1);
    val_unref(a);
    Value in = val_int(7);
    s.input = arr_from(&in, 1);
    s.init = "'init'";
    Job *j = jobrun_start_thread(t, &s, factory, NULL);
    val_unref(s.args);
    val_unref(s.input);
    CHECK(job_kind(j) == JOB_KIND_THREAD);
    CHECK_STR(job_type_name(j), "ThreadJob");
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK(job_state(j) == JOB_COMPLETED);
    CHECK_RECV(j, 0, "O:init|O:1|O:2|O:3|O:p=arg|O:7|E:oops|");
    drop(t, j);

    j = start_tj(t, "'a'; throw 'tboom'");
    CHECK(jobrun_wait(t, j, WAIT_MS));
    CHECK(job_state(j) == JOB_FAILED);
    CHECK(errrec_is(job_reason(j)));
    CHECK_RECV(j, 0, "O:a|E:tboom|");
    drop(t, j);
}

static void test_thread_streams(JobTable *t)
{
    Job *j = start_tj(t, streams_script);
    check_streams(t, j, j);
    drop(t, j);
}

/* Stop-Job on a thread job blocked in a native program: Stopped at once, the program is
 * killed (native_cancel) so the thread ends; its wake-up says so. */
static void test_thread_stop(JobTable *t)
{
    char fifo[64];
    snprintf(fifo, sizeof fifo, "/tmp/jobrt-fifo2-%ld", (long)getpid());
    unlink(fifo);
    CHECK(mkfifo(fifo, 0600) == 0);
    char script[128];
    snprintf(script, sizeof script, "'before'; cat %s; 'after'", fifo);
    Job *j = start_tj(t, script);
    /* cat is running once the FIFO has a reader: a writer may then open it without blocking
     * (a stop that came before the program started would not reach it: native_cancel acts on
     * running programs only) */
    int wfd = -1;
    for (int i = 0; i < 2000 && wfd < 0; i++) {
        wfd = open(fifo, O_WRONLY | O_NONBLOCK);
        if (wfd < 0) jobrun_poll(t, 10);
    }
    CHECK(wfd >= 0);
    CHECK(job_state(j) == JOB_RUNNING);
    thread_backend_ack();
    job_stop(j);
    CHECK(job_state(j) == JOB_STOPPED);
    if (job_state(j) != JOB_STOPPED) {
        char *r = receive(j, JOB_RECV_KEEP);
        fprintf(stderr, "thread stop: state %s, records %s\n", job_state_name(job_state(j)), r);
        free(r);
    }
    struct pollfd pfd = {thread_backend_wake_fd(), POLLIN, 0};
    CHECK(poll(&pfd, 1, WAIT_MS) == 1); /* the worker finished */
    CHECK_RECV(j, 0, "O:before|");
    drop(t, j);
    if (wfd >= 0) close(wfd);
    unlink(fifo);
}

/* Stop-Job racing a spawn (2026-11-24): a stop requested before native_start took its
 * cancel generation is still pending in the runspace's flag, so the new group dies at once
 * instead of running to its end (native_cancel only reaches runs already started). */
static void run_sh(NativeCtx *ctx, const char *code, NativeCode want, int want_status)
{
    char *argv[] = {"sh", "-c", (char *)code, NULL};
    NativeStage st = {.path = "/bin/sh", .argv = argv, .err = NATIVE_OUT_NULL};
    NativeSpec sp = {.stages = &st,
                     .nstages = 1,
                     .in = NATIVE_IN_NULL,
                     .out = NATIVE_OUT_NULL,
                     .pgrp = NATIVE_PG_NEW};
    NativeError err;
    NativeRun *r = native_start(ctx, &sp, &err);
    int status = -1;
    CHECK(r && native_wait(r, &status) == want);
    CHECK(status == want_status);
    native_free(r);
}

static void test_stop_before_spawn(void)
{
    NativeCtx *ctx = native_ctx_new();
    _Atomic int stop = 1;
    native_ctx_set_stop_flag(ctx, &stop);
    run_sh(ctx, "sleep 30", NATIVE_ECANCELED, 128 + SIGKILL);
    stop = 0; /* the runspace cleared its stop: programs run again */
    run_sh(ctx, "exit 3", NATIVE_OK, 3);
    native_ctx_free(ctx);
}

/* Stop-Job on a thread job in a pure-script loop: the runspace is interrupted
 * (interp_request_stop), so the worker finishes and says so on the wake-up fd (2026-11-24). */
static void test_thread_stop_script(JobTable *t)
{
    Job *j = start_tj(t, "'spinning'; while ($true) { }");
    for (int i = 0; i < 2000 && job_stream_count(j, JOB_OUTPUT) == 0; i++)
        jobrun_poll(t, 10);
    CHECK(job_state(j) == JOB_RUNNING);
    thread_backend_ack();
    job_stop(j);
    CHECK(job_state(j) == JOB_STOPPED);
    struct pollfd pfd = {thread_backend_wake_fd(), POLLIN, 0};
    CHECK(poll(&pfd, 1, WAIT_MS) == 1); /* the worker left the loop */
    CHECK_RECV(j, 0, "O:spinning|");
    drop(t, j);
}

/* Threads in this process (/proc/self/task). */
static size_t count_threads(void)
{
    size_t n = 0;
    DIR *d = opendir("/proc/self/task");
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.';
    if (d) closedir(d);
    return n;
}

/* 1 once this process is back to n threads (an ended thread leaves /proc/self/task a moment
 * after it returned: poll for up to 10 s, as group_gone does). */
static int threads_back(size_t n)
{
    for (int i = 0; i < 1000; i++) {
        if (count_threads() == n) return 1;
        usleep(10000);
    }
    return 0;
}

/* Worker threads stay for the next job, with its runspace made ahead (2026-11-24): a burst of
 * jobs reuses them; jobrun_shutdown ends the idle ones and frees their runspaces. */
static void test_thread_reuse(JobTable *t)
{
    jobrun_shutdown();
    CHECK(threads_back(1)); /* no worker left from the cases before: the main thread only */
    size_t fds = count_fds(), threads = count_threads();
    int ok = 1;
    for (int i = 0; i < 50; i++) {
        Job *j = start_tj(t, "$args.Count + 7");
        ok &= jobrun_wait(t, j, WAIT_MS) && job_state(j) == JOB_COMPLETED;
        char *r = receive(j, 0);
        ok &= strcmp(r, "O:7|") == 0;
        free(r);
        drop(t, j);
    }
    CHECK(ok);
    CHECK(count_threads() <= threads + 2); /* one worker served them (two at most) */
    jobrun_shutdown(); /* returns once they have let go; the kernel may list them a moment */
    CHECK(threads_back(threads));
    CHECK(count_fds() == fds);
}

static void test_throttle(JobTable *t)
{
    char fifo[64];
    snprintf(fifo, sizeof fifo, "/tmp/jobrt-fifo-%ld", (long)getpid());
    unlink(fifo);
    CHECK(mkfifo(fifo, 0600) == 0);
    char script[128];
    snprintf(script, sizeof script, "cat %s", fifo);
    jobrun_set_throttle(t, 1);
    Job *a = start_tj(t, script);
    Job *b = start_tj(t, "'b'");
    for (int i = 0; i < 400 && job_state(a) != JOB_RUNNING; i++)
        jobrun_poll(t, 10);
    CHECK(job_state(a) == JOB_RUNNING);
    CHECK(job_state(b) == JOB_NOTSTARTED); /* queued behind the limit of 1 */
    int fd = open(fifo, O_WRONLY);
    CHECK(fd >= 0 && write(fd, "x\n", 2) == 2);
    if (fd >= 0) close(fd);
    CHECK(jobrun_wait(t, a, WAIT_MS) && jobrun_wait(t, b, WAIT_MS));
    CHECK_RECV(a, 0, "O:x|");
    CHECK_RECV(b, 0, "O:b|");
    jobrun_set_throttle(t, 5);
    drop(t, a);
    drop(t, b);
    unlink(fifo);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* JOBRT_TRACE=1: how long each case took (on stderr; never asserted). */
#define RUN(call)                                                                                  \
    do {                                                                                           \
        double t0_ = now_s();                                                                      \
        call;                                                                                      \
        if (getenv("JOBRT_TRACE")) fprintf(stderr, "%-40s %.3f s\n", #call, now_s() - t0_);        \
    } while (0)

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    JobTable *t = job_table_new();
    RUN(test_thread(t));
    RUN(test_thread_streams(t));
    RUN(test_thread_stop(t));
    RUN(test_thread_stop_script(t));
    RUN(test_stop_before_spawn());
    RUN(test_throttle(t));
    RUN(test_thread_reuse(t));
    const char *exe = getenv("PSMINI");
    if (!exe || !*exe) {
        fprintf(stderr, "test_jobrt: PSMINI is not set: process job checks skipped\n");
    } else if (jobrun_set_exe(exe), !server_works(t)) {
        fprintf(stderr,
                "test_jobrt: %s does not run --job-server (host/main.c lacks the "
                "dispatch): process job checks skipped\n",
                exe);
    } else {
        RUN(test_output_and_errors(t));
        RUN(test_notes(t));
        RUN(test_streams(t));
        RUN(test_cmdlet_families(t));
        RUN(test_args_usings_input(t));
        RUN(test_fresh_session_and_workdir(t));
        RUN(test_environment(t));
        RUN(test_terminating(t));
        RUN(test_stop(t));
        RUN(test_killed_from_outside(t));
        RUN(test_remote(t));
        RUN(test_remove_running(t));
        RUN(test_fork_server(t));
        RUN(test_read_cap(t));
        RUN(test_command_transport(t, exe));
        const char *many = getenv("JOBRT_MANY");
        RUN(test_many(t, many ? atoi(many) : 200));
    }
    job_table_unref(t);
    return check_done();
}
