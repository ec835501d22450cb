/*
** extcmd: one external program per pipeline stage (a raw command: see command.h).  The run is
** started lazily: at the first input object (stdin fed as lines) or, for the first element of a
** pipeline, in its single process step (stdin inherited).
*/
#include "runtime/extcmd.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/array.h"
#include "runtime/cmdpath.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/native.h"
#include "runtime/runloc.h"

typedef struct Ext {
    NativeRun *run;
    Interp *I;
    CmdCtx *c;
    Status st;     /* the first failure downstream of the output callback */
    int started;   /* 1 once native_start ran (even if it failed) */
    int absorbed;  /* run as a later stage of an earlier native's run: does nothing itself */
    CmdCtx **more; /* the native stages joined to this one by OS pipes, left to right */
    int nmore, cap_more;
} Ext;

static void ext_free(void *p)
{
    Ext *e = p;
    native_free(e->run);
    free(e->more);
    free(e);
}

static Ext *ext_of(CmdCtx *c)
{
    Ext *e = c->priv;
    if (!e) {
        e = xcalloc(1, sizeof *e);
        e->I = c->I;
        e->c = c;
        c->priv = e;
        c->priv_free = ext_free;
    }
    return e;
}

void extcmd_chain(CmdCtx *left, CmdCtx *right)
{
    Ext *l = ext_of(left), *r = ext_of(right);
    ARRAY_PUSH(l->more, l->nmore, l->cap_more, right);
    for (int i = 0; i < r->nmore; i++)
        ARRAY_PUSH(l->more, l->nmore, l->cap_more, r->more[i]);
    r->nmore = 0;
    r->absorbed = 1;
    left->out = right->out;
}

/* argv: the resolved path, then each argument (arrays expanded one level). */
static void push_arg(char ***argv, int *n, int *cap, Value v)
{
    Value s = convert_to_string(v, NULL);
    char *a = xstrdup(val_str_data(s));
    ARRAY_PUSH(*argv, *n, *cap, a);
    val_unref(s);
}

/* "-Name:" from the binder's raw form, to be glued to the value that follows (-Name:value). */
static int named_colon(Value v)
{
    size_t n = val_is_str(v) ? val_str_len(v) : 0;
    return n > 1 && val_str_data(v)[0] == '-' && val_str_data(v)[n - 1] == ':';
}

static char **build_argv(const char *path, Value raw)
{
    char **argv = NULL;
    int n = 0, cap = 0;
    char *p = xstrdup(path);
    ARRAY_PUSH(argv, n, cap, p);
    for (size_t i = 0; i < arr_len(raw); i++) {
        Value v = arr_peek(raw, i);
        if (named_colon(v) && i + 1 < arr_len(raw)) {
            Value next = convert_to_string(arr_peek(raw, ++i), NULL);
            Value both = val_str_cat(v, next);
            push_arg(&argv, &n, &cap, both);
            val_unref(both), val_unref(next);
        } else if (val_is_array(v)) {
            for (size_t j = 0; j < arr_len(v); j++)
                push_arg(&argv, &n, &cap, arr_peek(v, j));
        } else if (!val_is_null(v)) {
            push_arg(&argv, &n, &cap, v);
        }
    }
    char *end = NULL;
    ARRAY_PUSH(argv, n, cap, end);
    return argv;
}

static void free_argv(char **argv)
{
    for (char **a = argv; *a; a++)
        free(*a);
    free(argv);
}

static void on_out(void *ud, int stage, const char *line, size_t len)
{
    Ext *e = ud;
    if (e->st) return;
    Value s = val_str_n(line, len);
    e->st = pipe_put(e->I, e->c->out, s);
    val_unref(s);
    if (e->st && e->run) native_kill(e->run, SIGPIPE); /* downstream stopped: close it */
}

static void on_err(void *ud, int stage, const char *line, size_t len)
{
    Ext *e = ud;
    Interp *I = e->I;
    char *msg = xstrdup(line);
    ErrInit ei = {.msg = msg,
                  .id = "NativeCommandError",
                  .exc = EXC_RUNTIME,
                  .inner = EXC_RUNTIME,
                  .cat = ERRCAT_NOTSPECIFIED,
                  .command = e->c->name};
    Value rec = errrec_new(&ei);
    free(msg);
    if (I->err_pipe && !e->st) e->st = pipe_put(I, I->err_pipe, rec);
    val_unref(rec);
}

static Status start_failed(CmdCtx *c, NativeError *ne)
{
    Status st =
        cmd_error(c, ne->code == NATIVE_ENOTFOUND ? EXC_CMDNOTFOUND : EXC_RUNTIME,
                  ne->code == NATIVE_ENOTFOUND ? "CommandNotFoundException" : "NativeCommandFailed",
                  "%s", ne->msg ? ne->msg : "failed to start");
    native_error_clear(ne);
    return st;
}

/* Where this stage's stdout goes: the terminal itself when nothing captures it. */
static NativeOut out_mode(Interp *I, CmdCtx *c)
{
    return c->out == I->host_pipe && I->host_pipe && interp_output_is_default(I)
               ? NATIVE_OUT_INHERIT
               : NATIVE_OUT_LINES;
}

/* The NativeStage of command c (its argv and path are freed by free_stage). */
static void make_stage(Interp *I, CmdCtx *c, NativeStage *stg)
{
    char *path = NULL;
    if (cmdpath_resolve(I->cmdpath, c->name, runloc_get(I), getenv("PATH"), &path) !=
        CMDPATH_FOUND) {
        free(path);
        path = NULL;
    }
    *stg = (NativeStage){path, build_argv(path ? path : c->name, c->rawargs), c->name,
                         NATIVE_OUT_INHERIT, -1};
    if (I->err_pipe) stg->err = I->err_pipe == pipe_null() ? NATIVE_OUT_NULL : NATIVE_OUT_LINES;
}

static void free_stage(NativeStage *stg)
{
    free_argv((char **)stg->argv);
    free((char *)stg->path);
}

static Status ext_start(CmdCtx *c, Ext *e, NativeIn in)
{
    Interp *I = c->I;
    e->started = 1;
    int n = 1 + e->nmore;
    NativeStage *stg = xcalloc((size_t)n, sizeof(NativeStage));
    make_stage(I, c, &stg[0]);
    for (int i = 0; i < e->nmore; i++)
        make_stage(I, e->more[i], &stg[i + 1]);
    NativeSpec sp = {.stages = stg,
                     .nstages = n,
                     .cwd = runloc_get(I),
                     .in = in,
                     .in_fd = -1,
                     .out = out_mode(I, c),
                     .out_fd = -1,
                     .pgrp = NATIVE_PG_SHELL,
                     .on_out = on_out,
                     .on_err = on_err,
                     .ud = e};
    if (I->thread_rs) { /* a thread job's programs never touch the terminal (eval.h) */
        sp.pgrp = NATIVE_PG_NEW;
        if (in == NATIVE_IN_INHERIT) sp.in = NATIVE_IN_NULL;
    }
    if (sp.out == NATIVE_OUT_INHERIT || stg[0].err == NATIVE_OUT_INHERIT) interp_flush_output(I);
    NativeError ne;
    e->run = native_start(I->nctx, &sp, &ne);
    for (int i = 0; i < n; i++)
        free_stage(&stg[i]);
    free(stg);
    return e->run ? ST_OK : start_failed(c, &ne);
}

static Status ext_finish(CmdCtx *c, Ext *e)
{
    int status = 0;
    if (e->run) native_wait(e->run, &status);
    native_free(e->run);
    e->run = NULL;
    Interp *I = c->I;
    var_set_take(scope_define(I->global, "LASTEXITCODE", 12), val_int(status));
    I->native_ok = status == 0;
    return e->st;
}

static Status ext_feed(CmdCtx *c, Ext *e)
{
    Value s = convert_to_string(c->input, NULL);
    NativeCode rc = native_feed(e->run, val_str_data(s), val_str_len(s));
    val_unref(s);
    (void)rc; /* EPIPE: the program stopped reading; later lines are dropped */
    return e->st;
}

static Status ext_handler(CmdCtx *c)
{
    Ext *e = ext_of(c);
    if (e->absorbed) return ST_OK;
    Status st = ST_OK;
    if (c->phase == CMD_PROCESS && !c->has_input) {
        st = ext_start(c, e, NATIVE_IN_INHERIT);
        return st ? st : ext_finish(c, e);
    }
    if (c->phase == CMD_PROCESS) {
        if (!e->started && (st = ext_start(c, e, NATIVE_IN_LINES))) return st;
        return e->run ? ext_feed(c, e) : ST_OK;
    }
    if (c->phase != CMD_END || (e->started && !e->run)) return ST_OK;
    if (!e->started && (st = ext_start(c, e, NATIVE_IN_LINES))) return st;
    return ext_finish(c, e);
}

static const CmdDef ext_def = {"native", NULL, ext_handler, NULL, 0};

int extcmd_is(const CmdDef *d)
{
    return d == &ext_def;
}

const CmdDef *extcmd_lookup(Interp *I, const char *name, size_t len)
{
    char *n = xstrdup(name), *path = NULL;
    n[len] = 0;
    CmdPathResult r = cmdpath_resolve(I->cmdpath, n, runloc_get(I), getenv("PATH"), &path);
    free(path);
    free(n);
    return r == CMDPATH_FOUND ? &ext_def : NULL;
}
