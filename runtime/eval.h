/*
** eval: the tree-walking evaluator.  One eval_<kind> per AST kind (eval_expr.c: expressions,
** eval_stmt.c: statements, eval_call.c: pipelines, commands, functions and script blocks);
** every step returns a Status.  A terminating error is an ErrorRecord stored in I->error
** with ST_THROW; break/continue carry an optional label in I->label.
** This header also holds struct Interp: it is shared by the runtime modules that make up the
** runspace (interp, eval*, command) and by nothing else (host code sees only interp.h).
*/
#ifndef PSM_RUNTIME_EVAL_H
#define PSM_RUNTIME_EVAL_H

#include "parser/parser.h"
#include "runtime/command.h"
#include "runtime/errrec.h"
#include "runtime/interp.h"
#include "runtime/pipeline.h"
#include "runtime/regex.h"
#include "runtime/scope.h"

/* Route member access and method calls through runtime/members.c (the .NET surface); what it
 * does not know falls back to the small tables in eval_member.c.  Build with
 * -DEVAL_USE_MEMBERS=0 to use only those.  members.c returns $null for void methods; the
 * evaluator turns a $null method result into AutomationNull (no output). */
#ifndef EVAL_USE_MEMBERS
#define EVAL_USE_MEMBERS 1
#endif

#define EVAL_MAX_DEPTH                                                                             \
    2000 /* script call depth (pwsh's own limit is deeper; we keep the C                           \
            stack use below stack_limit, which is what really matters) */

typedef struct CmdFamily {
    const CmdDef *defs; /* a registered table (cmd_register) */
    int n;
} CmdFamily;

struct Interp {
    Scope *global, *script, *cur; /* scope chain: cur is where unqualified writes go */
    RegexCache *rx;
    Program *prog;   /* program owning the nodes being evaluated (error sites, { } values) */
    Value error;     /* the pending terminating error (ST_THROW), owned, else $null */
    int error_fatal; /* 1: script-terminating (throw); 0: statement-terminating */
    Value errors;    /* $Error entries, oldest first (object[]) */
    char *label;     /* pending break/continue label (owned) or NULL */
    int exit_code;   /* ST_EXIT */
    int depth;       /* script/function call depth */
    int try_depth;   /* enclosing try blocks at run time (dynamic) */
    int last_ok;     /* $? */
    unsigned long nreported; /* errors reported so far (for $? of a statement) */
    Value catching;          /* the ErrorRecord of the innermost running catch block ($null) */
    const char *stack_base;  /* an address near the bottom of the C stack */
    size_t stack_limit;      /* bytes of C stack the evaluator may use */
    CmdFamily *families;     /* registered command tables, searched last first */
    int nfamilies, cap_families;
    Value gone_aliases;      /* built-in aliases removed here (name -> $true), or $null */
    int err_oneline, err_color;   /* error view: one-line "Reason: msg" form; VT colours */
    NativeLookup native;          /* native-command hook or NULL */
    int ea_override;              /* -ErrorAction of the running command (ErrAction), or -1 */
    Pipe *err_pipe;               /* error stream redirected (2>&1, 2>$null), or NULL: rendered */
    Pipe *spipe[7];               /* streams 3..6 redirected (3>&1, 4>file ...), or NULL: host */
    int act[7];                   /* -WarningAction/-Verbose/... of the running command, or -1 */
    Value sink[7];                /* -ErrorVariable (2), -WarningVariable (3), -InformationVariable
                                     (6) collectors of the running command (object[]) or $null */
    Value stop_pending;           /* a non-terminating error under -ErrorAction Stop, or $null */
    struct Formatter *fmt;        /* the default sink's Out-Default stream, or NULL */
    Pipe *host_pipe;              /* the top-level pipeline's end (interp_run), or NULL */
    struct NativeCtx *nctx;       /* external programs (runtime/native.h) */
    struct CmdPath *cmdpath;      /* their PATH lookups */
    int native_ok;                /* exit status 0 of the last external program ($?) */
    struct FuncStage *running;    /* the innermost function/script block running, or NULL */
    struct FuncStage *spare_func; /* one finished call's memory, reused by the next call */
    Scope *spare_scope;           /* one finished call's scope, emptied (scope_recycle) */
    struct LoopEnum *loop_enum;   /* $foreach of the innermost running foreach loop, or NULL */
    struct LoopEnum *switch_enum; /* $switch of the innermost running switch, or NULL */
    OutputFn out_fn;
    void *out_ctx;
    TextFn err_fn, host_fn;
    void *err_ctx, *host_ctx;
    ReadFn read_fn; /* Read-Host's input (interp_set_read); NULL: stdin */
    void *read_ctx;
    /* Interrupts (interp.h): stop_req is set by interp_request_stop from any thread or a
     * signal handler; stop_fd (an eventfd) is readable while it is set.  stop_claim/stop_owner:
     * a Select-Object asked its upstream to stop (pipe_stop_upstream); stop_owner is its input
     * pipe once known, where the pipeline resumes with the end blocks (runtime/pipeline.h). */
    _Atomic int stop_req;
    int stop_fd;
    int stop_claim;
    Pipe *stop_owner;
    /* compiled parameter-binding plans, per CmdDef and per param() block (command.c
     * cmd_plan / cmd_cache_*); NULL until the first command runs. */
    struct BindCache *bind_cache;
    /* the current location, its history and the Push-Location stack (runtime/runloc.h). */
    struct RunLoc *loc;
    /* the runspace's job table (jobs/job.h), made by the job cmdlets on first use (a thread
     * job's runspace shares its parent's); interp_free drops it through jobs_release, so the
     * runtime does not depend on jobs/. */
    struct JobTable *jobs;
    void (*jobs_release)(struct JobTable *t);
    /* a thread job's runspace (set by jobrun_exec): native programs it starts get their
     * own process group (the terminal's Ctrl+C does not reach them; Stop-Job kills the group)
     * and stdin from /dev/null unless piped.  0 (calloc) for every other runspace. */
    int thread_rs;
    /* the $using: values of the job block being run (set by jobrun_exec): a hashtable
     * "x" / "script:x" -> value, read only by $using: references (eval_expr.c); $null
     * elsewhere, where $using:x is pwsh's UsingWithoutInvokeCommand error. */
    Value usings;
};

/* Formatter options for Out-Default/Out-Host writing to fd (interp.c). */
struct FmtOptions;
void interp_fmt_options(Interp *I, struct FmtOptions *opt, int fd);
/* 1 when the output sink is the default Out-Default on stdout. */
int interp_output_is_default(Interp *I);

/* ---- statements (eval_stmt.c) ---- */
Status eval_stmts(Interp *I, Node *stmts, Pipe *out); /* AST_STATEMENTS (NULL: nothing) */
Status eval_stmt(Interp *I, Node *n, Pipe *out);
/* Run a statement and collect its output (5.2): AutomationNull, one object or object[]. */
Status eval_collect(Interp *I, Node *n, Value *out);

/* ---- expressions (eval_expr.c) ---- */
Status eval_expr(Interp *I, Node *n, Value *out); /* *out: a new reference */
/* Write an expression's value to out; ranges stream lazily (no array is built). */
Status eval_expr_emit(Interp *I, Node *n, Pipe *out);
/* The ends of a range expression a..b (Int32, or chars when *chars). */
Status eval_range_bounds(Interp *I, Node *n, int64_t *lo, int64_t *hi, int *chars);
/* Assignment (AST_ASSIGN); the assigned value in *result when result is not NULL. */
Status eval_assign(Interp *I, Node *n, Value *result);
Value eval_var_get(Interp *I, const char *name, size_t len);         /* new reference ($null) */
void eval_var_set(Interp *I, const char *name, size_t len, Value v); /* current scope */
/* Member access and method calls used by eval_expr and the cmdlets. */
Status eval_member(Interp *I, Value obj, const char *name, size_t len, Value *out);

/* ---- methods and indexing (eval_member.c) ---- */
/* obj.name(args): string, hashtable, array, script block and common methods. */
Status eval_method(Interp *I, Node *site, Value obj, const char *name, size_t len, Value *args,
                   int nargs, Value *out);
/* obj[idx]: arrays (negative indexes, slices), strings, hashtables, scalars. */
Status eval_index_value(Interp *I, Node *site, Value obj, Value idx, Value *out);

/* ---- calls (eval_call.c) ---- */
Status eval_pipeline(Interp *I, Node *n, Pipe *out); /* AST_PIPELINE */
Status eval_function_def(Interp *I, Node *n);        /* AST_FUNCTION */
/* Invoke script block sb once: dot = run in the current scope; args bound to its param();
 * input/has_input: one pipeline object for its process block.  Output to out. */
Status eval_invoke(Interp *I, Value sb, int dot, BindArg *args, int nargs, Value input,
                   int has_input, Pipe *out);
/* The same with a value for $_ (ForEach-Object, Where-Object): dot-sourced, $_ restored. */
Status eval_invoke_item(Interp *I, Value sb, Value item, Pipe *out);

/* $MyInvocation of the running function or script (basic: MyCommand.Name, InvocationName,
 * ScriptName, Line, PSScriptRoot, PSCommandPath). */
Value eval_my_invocation(Interp *I);

/* Set $PSCommandPath and $PSScriptRoot (absolute) in s for a script file (NULL: nothing). */
void eval_script_paths(Scope *s, const char *file);

/* $foreach/$switch MoveNext() and Reset(): 1 (and *out) when obj is such an enumerator. */
int eval_enum_method(Value obj, const char *name, size_t len, Value *out);

/* ---- errors (eval_stmt.c) ---- */
/* Store a new terminating error at node site; returns ST_THROW. */
Status eval_fail(Interp *I, Node *site, ExcKind exc, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
Status eval_fail_conv(Interp *I, Node *site, const ConvError *ce);
Status eval_throw_rec(Interp *I, Value rec, int fatal); /* takes rec */
/* $ErrorActionPreference, as seen from the current scope. */
typedef enum ErrAction { EA_CONTINUE, EA_SILENT, EA_STOP, EA_IGNORE } ErrAction;
ErrAction eval_error_action(Interp *I);
/* Render rec to the error sink and append it to $Error (non-terminating errors), as
 * $ErrorActionPreference says (SilentlyContinue: $Error only; Ignore: neither). */
void eval_report(Interp *I, Value rec);
void eval_clear_error(Interp *I);
/* The error view of rec as eval_report would show it (ending in a newline). */
void eval_render_error(Interp *I, Value rec, StrBuf *out);
/* Call-depth guard around every function/script block invocation. */
Status eval_enter(Interp *I, Node *site);
void eval_leave(Interp *I);

#endif
