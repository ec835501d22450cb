/*
** interp: runspace creation, the default sinks (stdout/stderr), and running a Program as a
** script: its root script block is dot-sourced into the persistent script scope, so a
** param() block binds the script's arguments and successive programs (REPL lines) share
** variables and functions.
*/
#include "runtime/interp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "runtime/array.h"
#include "runtime/error.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/scriptblock.h"

/* Until the formatter is plugged in: scalars one per line; $null shows nothing. */
static void default_output(void *ctx, Value v)
{
    if (val_is_null(v)) return;
    Value s = convert_to_string(v, NULL);
    fwrite(val_str_data(s), 1, val_str_len(s), stdout);
    fputc('\n', stdout);
    val_unref(s);
}

static void default_text(void *ctx, const char *text, size_t len)
{
    if (ctx == stderr) fflush(stdout); /* keep output and errors in order on a terminal */
    fwrite(text, 1, len, ctx);
    fflush(ctx);
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
    set_global(I, "FormatEnumerationLimit", val_int(4));
    set_global(I, "HOME", val_str(home ? home : ""));
    set_global(I, "PID", val_int((int32_t)getpid()));
    set_global(I, "IsLinux", val_bool(1));
    set_global(I, "IsWindows", val_bool(0));
    set_global(I, "IsMacOS", val_bool(0));
}

Interp *interp_new(void)
{
    Interp *I = xcalloc(1, sizeof(Interp));
    I->global = scope_new(NULL, 1);
    I->script = scope_new(I->global, 1);
    I->cur = I->script;
    I->rx = rx_cache_new();
    I->error = val_null();
    I->catching = val_null();
    I->errors = arr_new(TY_OBJECT, 0);
    I->last_ok = 1;
    I->ea_override = -1;
    interp_set_output(I, NULL, NULL);
    interp_set_errors(I, NULL, NULL);
    interp_set_host(I, NULL, NULL);
    init_globals(I);
    return I;
}

void interp_free(Interp *I)
{
    if (!I) return;
    scope_free(I->script);
    scope_free(I->global);
    rx_cache_free(I->rx);
    free(I->families);
    val_unref(I->error);
    val_unref(I->errors);
    free(I->label);
    free(I);
}

void interp_set_output(Interp *I, OutputFn fn, void *ctx)
{
    I->out_fn = fn ? fn : default_output;
    I->out_ctx = ctx;
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

/* The exit code for a finished run. */
static int finish(Interp *I, Status st)
{
    free(I->label);
    I->label = NULL;
    if (st == ST_EXIT) return I->exit_code & 255;
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
    Status st = eval_invoke(I, sb, 1, a, nargs, val_null(), 0, &hp.pipe);
    I->cur = cur;
    I->prog = saved;
    for (int i = 0; i < nargs; i++)
        val_unref(a[i].val);
    free(a);
    val_unref(sb);
    if (!outer) I->stack_base = NULL;
    return finish(I, st);
}
