/*
** interp: runspace creation, the default sinks (stdout/stderr), and running a Program as a
** script: its root script block is dot-sourced into the persistent script scope, so a
** param() block binds the script's arguments and successive programs (REPL lines) share
** variables and functions.
*/
#define _GNU_SOURCE /* ppoll */
#include "runtime/interp.h"

#include <errno.h>
#include <poll.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <time.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "runtime/array.h"
#include "runtime/cmdpath.h"
#include "runtime/error.h"
#include "runtime/extcmd.h"
#include "runtime/native.h"
#include "runtime/format.h"
#include "runtime/hashtable.h"
#include "runtime/object.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/runloc.h"
#include "runtime/scriptblock.h"
#include "runtime/streams.h"

static void write_stdout(void *ctx, const char *s, size_t len)
{
    fwrite(s, 1, len, stdout);
}

/* Formatter options for output to fd (Out-Default, Out-Host): the screen width for tables and
 * lists, $FormatEnumerationLimit. */
void interp_fmt_options(Interp *I, FmtOptions *opt, int fd)
{
    fmt_options_init(opt);
    opt->width = opt->list_width = fmt_screen_width(fd);
    Value lim = eval_var_get(I, "FormatEnumerationLimit", 22);
    Value n;
    if (!val_is_null(lim) && convert_to(lim, TY_INT32, 0, &n, NULL) == 0)
        opt->enum_limit = (int)n.as.i;
    val_unref(lim);
}

/* The host's Out-Default: one Formatter per interp_run (made on first output). */
static void default_output(void *ctx, Value v)
{
    Interp *I = ctx;
    if (!I->fmt) {
        FmtOptions opt;
        interp_fmt_options(I, &opt, 1);
        I->fmt = fmt_new(&opt, write_stdout, NULL);
    }
    Value d = stream_display(I, v);
    fmt_feed(I->fmt, d);
    val_unref(d);
}

/* End of a top-level run: close the Out-Default stream (tables get their closing line). */
static void end_output(Interp *I)
{
    if (!I->fmt) return;
    fmt_end(I->fmt);
    fmt_free(I->fmt);
    I->fmt = NULL;
    fflush(stdout);
}

int interp_output_is_default(Interp *I)
{
    return I->out_fn == default_output;
}

void interp_flush_output(Interp *I)
{
    if (I->fmt) fmt_flush(I->fmt);
    fflush(stdout);
}

static void default_text(void *ctx, const char *text, size_t len)
{
    if (ctx == stderr) fflush(stdout); /* keep output and errors in order on a terminal */
    fwrite(text, 1, len, ctx);
    fflush(ctx);
}

/* System.Management.Automation.SemanticVersion, for $PSVersionTable.PSVersion. */
typedef struct SemVer {
    Obj obj;
    int part[3];
} SemVer;

static const char *const semver_props[] = {"Major", "Minor", "Patch", "PreReleaseLabel",
                                           "BuildLabel"};

static void semver_string(Value self, StrBuf *out)
{
    SemVer *v = (SemVer *)self.as.o;
    sb_printf(out, "%d.%d.%d", v->part[0], v->part[1], v->part[2]);
}

static Value semver_prop(SemVer *v, size_t i)
{
    return i < 3 ? val_int(v->part[i]) : val_null();
}

static int semver_get(Value self, const char *name, size_t len, Value *out)
{
    for (size_t i = 0; i < 5; i++)
        if (str_ieq_slice(name, len, semver_props[i]))
            return *out = semver_prop((SemVer *)self.as.o, i), 1;
    return 0;
}

static size_t semver_nprops(Value self)
{
    return 5;
}

static void semver_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = semver_props[i];
    *len = strlen(*name);
    *val = semver_prop((SemVer *)self.as.o, i);
}

static const ObjClass cls_semver = {.name = "SemanticVersion",
                                    .full_name = "System.Management.Automation.SemanticVersion",
                                    .type = TY_OTHER,
                                    .to_string = semver_string,
                                    .get_prop = semver_get,
                                    .nprops = semver_nprops,
                                    .prop_at = semver_at};

static void put(Value h, const char *key, Value v)
{
    Value k = val_str(key);
    ht_set(h, k, v);
    val_unref(k);
    val_unref(v);
}

/* $PSVersionTable: psmini reports PowerShell 7.5.0 (the language level it follows). */
static Value version_table(void)
{
    SemVer *sv = (SemVer *)obj_alloc(&cls_semver, sizeof(SemVer));
    sv->part[0] = 7, sv->part[1] = 5, sv->part[2] = 0;
    struct utsname u;
    StrBuf os = {0};
    if (uname(&u) == 0) sb_printf(&os, "%s %s %s", u.sysname, u.release, u.version);
    Value h = ht_new(1);
    put(h, "PSVersion", val_obj_take(&sv->obj));
    put(h, "PSEdition", val_str("Core"));
    put(h, "GitCommitId", val_str("7.5.0"));
    put(h, "OS", val_str_take_sb(&os));
    put(h, "Platform", val_str("Unix"));
    put(h, "PSCompatibleVersions", val_str("1.0 2.0 3.0 4.0 5.0 5.1 6.0 7.0"));
    put(h, "PSRemotingProtocolVersion", val_str("2.3"));
    put(h, "SerializationVersion", val_str("1.1.0.1"));
    put(h, "WSManStackVersion", val_str("3.0"));
    return h;
}

/* $Host (minimal): Name, Version, InstanceId-less. */
static Value host_object(void)
{
    Value o = object_new_custom();
    Value n = val_str("ConsoleHost"), v = val_str("7.5.0"), c = val_str("en-US");
    object_set_prop(o, "Name", 4, n);
    object_set_prop(o, "Version", 7, v);
    object_set_prop(o, "CurrentCulture", 14, c);
    val_unref(n), val_unref(v), val_unref(c);
    return o;
}

/* $PSHOME: the folder holding the psmini executable. */
static Value pshome(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return val_str("");
    buf[n] = 0;
    char *slash = strrchr(buf, '/');
    if (slash) *slash = 0;
    return val_str(*buf ? buf : "/");
}

static void set_global(Interp *I, const char *name, Value v)
{
    var_set_take(scope_define(I->global, name, strlen(name)), v);
}

static void init_globals(Interp *I)
{
    const char *home = getenv("HOME");
    set_global(I, "ErrorActionPreference", val_str("Continue"));
    set_global(I, "WarningPreference", val_str("Continue"));
    set_global(I, "VerbosePreference", val_str("SilentlyContinue"));
    set_global(I, "DebugPreference", val_str("SilentlyContinue"));
    set_global(I, "InformationPreference", val_str("SilentlyContinue"));
    set_global(I, "FormatEnumerationLimit", val_int(4));
    set_global(I, "HOME", val_str(home ? home : ""));
    set_global(I, "PID", val_int((int32_t)getpid()));
    set_global(I, "IsLinux", val_bool(1));
    set_global(I, "IsWindows", val_bool(0));
    set_global(I, "IsMacOS", val_bool(0));
    set_global(I, "IsCoreCLR", val_bool(1));
    set_global(I, "PSEdition", val_str("Core"));
    set_global(I, "PSVersionTable", version_table());
    set_global(I, "Host", host_object());
    set_global(I, "PSHOME", pshome());
    set_global(I, "ShellId", val_str("Microsoft.PowerShell"));
    set_global(I, "ErrorView", val_str("ConciseView"));
    set_global(I, "MaximumHistoryCount", val_int(4096));
    set_global(I, "ProgressPreference", val_str("Continue"));
    set_global(I, "ConfirmPreference", val_str("High"));
    set_global(I, "WhatIfPreference", val_bool(0));
}

Interp *interp_new(void)
{
    Interp *I = xcalloc(1, sizeof(Interp));
    I->global = scope_new(NULL, 1);
    I->script = scope_new(I->global, 1);
    I->cur = I->script;
    I->loc = runloc_new(I->global); /* location, $ExecutionContext */
    I->rx = rx_cache_new();
    I->error = val_null();
    I->catching = val_null();
    I->errors = arr_new(TY_OBJECT, 0);
    I->last_ok = 1;
    I->ea_override = -1;
    I->stop_pending = val_null();
    I->usings = val_null();
    for (int i = 0; i < 7; i++)
        I->act[i] = -1, I->sink[i] = val_null();
    cmd_register(I, stream_cmds, nstream_cmds);
    I->nctx = native_ctx_new();
    I->cmdpath = cmdpath_new();
    I->native = extcmd_lookup;
    interp_set_output(I, NULL, NULL);
    interp_set_errors(I, NULL, NULL);
    interp_set_host(I, NULL, NULL);
    init_globals(I);
    atomic_init(&I->stop_req, 0);
    I->stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK); /* -1: waits poll only the flag */
    return I;
}

void interp_free(Interp *I)
{
    if (!I) return;
    if (I->jobs_release) I->jobs_release(I->jobs); /* stops the runspace's unfinished jobs */
    scope_free(I->script);
    scope_free(I->global);
    scope_free(I->spare_scope);
    free(I->spare_func);
    end_output(I);
    rx_cache_free(I->rx);
    free(I->families);
    val_unref(I->error);
    val_unref(I->errors);
    val_unref(I->stop_pending);
    val_unref(I->usings);
    val_unref(I->gone_aliases);
    native_ctx_free(I->nctx);
    cmdpath_free(I->cmdpath);
    runloc_free(I->loc);
    cmd_cache_free(I); /* after the scopes: functions no longer use the plans */
    free(I->label);
    if (I->stop_fd >= 0) close(I->stop_fd);
    free(I);
}

/* ---- interrupts ---- */

void interp_request_stop(Interp *I)
{
    int saved = errno; /* async-signal-safe: an atomic store and write() only */
    atomic_store(&I->stop_req, 1);
    uint64_t one = 1;
    if (I->stop_fd >= 0 && write(I->stop_fd, &one, sizeof one) < 0) {
        /* the counter is saturated: the fd is readable anyway */
    }
    errno = saved;
}

int interp_stopping(Interp *I)
{
    return atomic_load_explicit(&I->stop_req, memory_order_relaxed);
}

static void drain_stop_fd(Interp *I)
{
    uint64_t n;
    if (I->stop_fd >= 0 && read(I->stop_fd, &n, sizeof n) < 0) {
        /* nothing pending */
    }
}

/* The flag first, then the fd: a request racing with this leaves the flag set, which every
 * wait checks before it polls. */
void interp_clear_stop(Interp *I)
{
    atomic_store(&I->stop_req, 0);
    drain_stop_fd(I);
}

int interp_stop_fd(Interp *I)
{
    return I->stop_fd;
}

static long long mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

Status interp_sleep(Interp *I, long long ns)
{
    const long long max = 1000000000000000000LL; /* ~31 years: no overflow below */
    long long end = mono_ns() + (ns <= 0 ? 0 : ns > max ? max : ns);
    for (;;) {
        if (interp_stopping(I)) return ST_STOP;
        long long left = end - mono_ns();
        if (left <= 0) return ST_OK;
        struct timespec ts = {(time_t)(left / 1000000000LL), (long)(left % 1000000000LL)};
        struct pollfd p = {I->stop_fd, POLLIN, 0};
        int got = ppoll(&p, I->stop_fd >= 0 ? 1 : 0, &ts, NULL); /* EINTR: look again */
        if (got > 0 && !interp_stopping(I)) drain_stop_fd(I);    /* a stale wake-up */
    }
}

void interp_set_output(Interp *I, OutputFn fn, void *ctx)
{
    I->out_fn = fn ? fn : default_output;
    I->out_ctx = fn ? ctx : I;
}

void interp_set_errors(Interp *I, TextFn fn, void *ctx)
{
    I->err_fn = fn ? fn : default_text;
    I->err_ctx = fn ? ctx : stderr;
}

void interp_set_host(Interp *I, TextFn fn, void *ctx)
{
    I->host_fn = fn ? fn : default_text;
    I->host_ctx = fn ? ctx : stdout;
}

void interp_set_read(Interp *I, ReadFn fn, void *ctx)
{
    I->read_fn = fn;
    I->read_ctx = ctx;
}

void interp_set_error_style(Interp *I, int oneline, int color)
{
    I->err_oneline = oneline;
    I->err_color = color;
}

void interp_set_native(Interp *I, NativeLookup fn)
{
    I->native = fn;
}

typedef struct HostPipe {
    Pipe pipe;
    Interp *I;
} HostPipe;

static Status host_put(Interp *I, Pipe *p, Value v)
{
    I->out_fn(I->out_ctx, v);
    return ST_OK;
}

/* C stack the evaluator may use: half the soft limit (8 MB when unlimited or unknown). */
static size_t stack_budget(void)
{
    struct rlimit rl;
    size_t lim = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur < (rlim_t)(64u << 20))
        lim = (size_t)rl.rlim_cur;
    return lim / 2;
}

static void report_parse(Interp *I, Program *p)
{
    StrBuf sb = {0};
    error_format_program(&sb, p, 0);
    I->err_fn(I->err_ctx, sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
}

static BindArg *script_args(char **args, int nargs)
{
    BindArg *a = xcalloc((size_t)nargs + 1, sizeof(BindArg));
    for (int i = 0; i < nargs; i++)
        a[i].val = val_str(args[i]), a[i].has_val = 1;
    return a;
}

/* The exit code for a finished run.  A stopped run (Ctrl+C) prints nothing, as in pwsh, and
 * counts as failed: $? is False and the process exit status is 1 (pwsh's exit status after a
 * Ctrl+C-stopped -Command is not documented; 1 is what "did not succeed" gives there). */
static int finish(Interp *I, Status st)
{
    free(I->label);
    I->label = NULL;
    if (st == ST_EXIT) return I->exit_code & 255;
    if (st == ST_STOP) {
        I->last_ok = 0;
        return 1;
    }
    if (st != ST_THROW) return 0;
    Value rec = I->error;
    I->error = val_null();
    if (errrec_is(rec)) eval_report(I, rec);
    val_unref(rec);
    return 1;
}

int interp_run(Interp *I, Program *p, char **args, int nargs)
{
    if (prog_nerrors(p)) {
        report_parse(I, p);
        return 1;
    }
    char base;
    int outer = I->stack_base != NULL;
    if (!outer) {
        I->stack_base = &base;
        I->stack_limit = stack_budget();
    }
    eval_script_paths(I->script, prog_file(p));
    Node *root = prog_root(p);
    Value sb = scriptblock_new(p, root, NULL, 0);
    BindArg *a = script_args(args, nargs);
    Program *saved = I->prog;
    Scope *cur = I->cur;
    I->prog = p;
    I->cur = I->script;
    HostPipe hp = {{host_put}, I};
    Pipe *saved_host = I->host_pipe;
    if (!outer) I->host_pipe = &hp.pipe;
    Status st = eval_invoke(I, sb, 1, a, nargs, val_null(), 0, &hp.pipe);
    I->cur = cur;
    I->prog = saved;
    I->host_pipe = saved_host;
    for (int i = 0; i < nargs; i++)
        val_unref(a[i].val);
    free(a);
    val_unref(sb);
    int rc = finish(I, st);
    if (!outer) {
        I->stack_base = NULL;
        end_output(I);
        if (st == ST_STOP) interp_clear_stop(I); /* the request is used up */
        I->stop_claim = 0, I->stop_owner = NULL;
    }
    return rc;
}
