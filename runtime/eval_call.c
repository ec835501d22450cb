/*
** eval_call: pipelines of stages (push-based: all begins, the first element's objects pushed
** through the process steps one at a time, then all ends), command resolution (function ->
** cmdlet -> native hook), and script block / function invocation with parameter binding.
*/
#include "runtime/eval.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/binder.h"
#include "runtime/extcmd.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/runloc.h"
#include "runtime/scriptblock.h"
#include "runtime/streams.h"

typedef struct Stage Stage;
struct Stage {
    Pipe pipe; /* input side: put() runs process */
    Pipe *out; /* downstream */
    Status (*begin)(Interp *I, Stage *s);
    Status (*process)(Interp *I, Stage *s, Value v, int has_input);
    Status (*end)(Interp *I, Stage *s);
    void (*free)(Interp *I, Stage *s);
    Node *node;
    Pipe *err;      /* where this stage's error stream goes (2>&1, 2>$null); NULL: inherited */
    int ea;         /* -ErrorAction given to this command (ErrAction), or -1 */
    Pipe *rd[7];    /* streams 3..6 redirected (n>&1, n>file, n>$null); NULL: inherited */
    int act[7];     /* -WarningAction (3), -Verbose (4), -Debug (5), -InformationAction (6) */
    char *var[7];   /* -OutVariable (1), -ErrorVariable (2), -WarningVariable (3),
                       -InformationVariable (6) names (owned; a leading '+' appends) */
    Value got[7];   /* what those variables collect (object[]) */
    Pipe *files[8]; /* file redirections this stage owns */
    int nfiles;
    struct TeePipe *tee; /* -OutVariable, or NULL */
    char *pvname;        /* -PipelineVariable name (owned), or NULL */
    Scope *pvscope;      /* ... the scope it is set in (the pipeline's) */
    struct PvPipe *pv;   /* ... the pipe that sets it before passing each object on */
    int io; /* 1: redirections or stream parameters of its own; 0: none; -1: not known yet */
};

typedef struct TeePipe {
    Pipe pipe;
    Pipe *next;
    Value items; /* object[] */
} TeePipe;

/* -PipelineVariable: each object the stage writes is stored in the variable first. */
typedef struct PvPipe {
    Pipe pipe;
    Pipe *next;
    Scope *scope; /* looked up per object: Remove-Variable may drop the variable meanwhile */
    const char *name;
} PvPipe;

typedef enum Phase { PH_BEGIN, PH_PROCESS, PH_END } Phase;

/* A pending -ErrorAction Stop error becomes a script-terminating throw. */
static Status take_stop(Interp *I, Status st)
{
    Value rec = I->stop_pending;
    if (rec.kind == VAL_NULL) return st;
    I->stop_pending = val_null();
    if (st == ST_THROW) {
        val_unref(rec);
        return st;
    }
    return eval_throw_rec(I, rec, 1);
}

typedef struct IOSave {
    Pipe *err, *rd[7];
    int ea, act[7];
    Value sink[7];
} IOSave;

static void io_enter(Interp *I, Stage *s, IOSave *sv)
{
    sv->err = I->err_pipe;
    sv->ea = I->ea_override;
    memcpy(sv->rd, I->spipe, sizeof sv->rd);
    memcpy(sv->act, I->act, sizeof sv->act);
    memcpy(sv->sink, I->sink, sizeof sv->sink);
    if (s->err) I->err_pipe = s->err;
    if (s->ea >= 0) I->ea_override = s->ea;
    for (int i = 3; i < 7; i++) {
        if (s->rd[i]) I->spipe[i] = s->rd[i];
        if (s->act[i] >= 0) I->act[i] = s->act[i];
    }
    for (int i = 2; i < 7; i++)
        if (s->var[i]) I->sink[i] = s->got[i];
}

static void io_leave(Interp *I, IOSave *sv)
{
    I->err_pipe = sv->err;
    I->ea_override = sv->ea;
    memcpy(I->spipe, sv->rd, sizeof sv->rd);
    memcpy(I->act, sv->act, sizeof sv->act);
    memcpy(I->sink, sv->sink, sizeof sv->sink);
}

/* Does the stage change any stream setting io_enter installs?  (Fixed once it runs.) */
static int stage_has_io(const Stage *s)
{
    if (s->err || s->ea >= 0) return 1;
    for (int i = 2; i < 7; i++)
        if (s->var[i] || (i >= 3 && (s->rd[i] || s->act[i] >= 0))) return 1;
    return 0;
}

/* Run one phase of a stage with its redirections and common parameters in force.  Most
 * stages have none, and skip the save and restore (this runs for every object). */
static Status phase(Interp *I, Stage *s, Phase ph, Value v, int has_input)
{
    IOSave sv;
    if (s->io < 0) s->io = stage_has_io(s);
    if (s->io) io_enter(I, s, &sv);
    Status st = ph == PH_BEGIN     ? s->begin(I, s)
                : ph == PH_PROCESS ? s->process(I, s, v, has_input)
                                   : s->end(I, s);
    if (s->io) io_leave(I, &sv);
    return take_stop(I, st);
}

static Status stage_put(Interp *I, Pipe *p, Value v)
{
    return phase(I, (Stage *)p, PH_PROCESS, v, 1);
}

static Status no_phase(Interp *I, Stage *s)
{
    return ST_OK;
}

static void stage_init(Stage *s)
{
    for (int i = 0; i < 7; i++)
        s->act[i] = -1, s->got[i] = val_null();
    s->io = -1;
}

/* What every stage owns besides its own state: variable names, collectors, files, the tee. */
static void stage_release(Interp *I, Stage *s)
{
    for (int i = 0; i < 7; i++) {
        free(s->var[i]);
        val_unref(s->got[i]);
    }
    for (int i = 0; i < s->nfiles; i++)
        stream_file_close(I, s->files[i]);
    if (s->tee) {
        val_unref(s->tee->items);
        free(s->tee);
    }
    free(s->pvname);
    free(s->pv);
}

static Status tee_put(Interp *I, Pipe *p, Value v)
{
    TeePipe *t = (TeePipe *)p;
    arr_push(t->items, v);
    return pipe_put(I, t->next, v);
}

static Status pv_put(Interp *I, Pipe *p, Value v)
{
    PvPipe *pv = (PvPipe *)p;
    var_set(scope_define(pv->scope, pv->name, strlen(pv->name)), v);
    return pipe_put(I, pv->next, v);
}

/* -OutVariable: the stage's output passes through a tee that keeps a copy; -PipelineVariable:
 * through a pipe that sets the variable (defined now, $null until the first object). */
static Pipe *stage_out(Stage *s, Pipe *out)
{
    if (s->pvname) {
        scope_define(s->pvscope, s->pvname, strlen(s->pvname));
        s->pv = xcalloc(1, sizeof(PvPipe));
        *s->pv = (PvPipe){{pv_put}, out, s->pvscope, s->pvname};
        s->out = out = &s->pv->pipe;
    }
    if (!s->var[1]) return out;
    s->tee = xcalloc(1, sizeof(TeePipe));
    *s->tee = (TeePipe){{tee_put}, out, arr_new(TY_OBJECT, 0)};
    return s->out = &s->tee->pipe;
}

/* ================================================================ expression stage ==== */

static Status expr_process(Interp *I, Stage *s, Value v, int has_input)
{
    return has_input ? ST_OK : eval_expr_emit(I, s->node->a, s->out);
}

static void plain_free(Interp *I, Stage *s)
{
    stage_release(I, s);
    free(s);
}

static Stage *expr_stage(Node *n, Pipe *out)
{
    Stage *s = xcalloc(1, sizeof(Stage));
    *s = (Stage){{stage_put}, out, no_phase, expr_process, no_phase, plain_free, n, NULL, .ea = -1};
    stage_init(s);
    return s;
}

/* ================================================================ script blocks ==== */

/* A param() block compiled for the binder once per script-block node (cached in the runspace
 * by cmd_cache_put, keyed by the node) and shared by every call; refcounted, so a running
 * call keeps its declaration even when the cache lets it go. */
typedef struct FuncDecl {
    int rc;
    char *name;    /* the command name it was compiled for (error-id suffix) */
    Program *prog; /* keeps the nodes alive */
    DeclBuilder *db;
    BindPlan *plan;
    const CmdDecl *decl;
    Node **dflt;    /* per parameter: the default value expression, or NULL */
    Value *vscript; /* per parameter: the [ValidateScript()] block ($null when none) */
    int n;          /* declared parameters */
    int advanced;   /* [CmdletBinding()] or [Parameter()]: $PSCmdlet, common parameters */
} FuncDecl;

static void funcdecl_unref(void *p)
{
    FuncDecl *fd = p;
    if (!fd || --fd->rc > 0) return;
    for (int i = 0; i < fd->n; i++)
        val_unref(fd->vscript[i]);
    bind_plan_free(fd->plan);
    decl_free(fd->db);
    prog_unref(fd->prog);
    free(fd->vscript);
    free(fd->dflt);
    free(fd->name);
    free(fd);
}

/* An attribute argument: a constant expression (a bare name means $true); $null when it
 * cannot be evaluated. */
static Value attr_value(Interp *I, Node *e)
{
    Value v;
    if (!e) return val_bool(1);
    if (eval_expr(I, e, &v)) {
        val_unref(I->error);
        I->error = val_null();
        I->error_fatal = 0;
        return val_null();
    }
    return v.kind == VAL_AUTONULL ? val_null() : v;
}

static int attr_int(Interp *I, Node *e)
{
    Value v = attr_value(I, e), n;
    int r = convert_to(v, TY_INT32, 0, &n, NULL) == 0 ? (int)n.as.i : 0;
    val_unref(v);
    return r;
}

static double attr_double(Interp *I, Node *e)
{
    Value v = attr_value(I, e), n;
    double r = convert_to(v, TY_DOUBLE, 0, &n, NULL) == 0 ? n.as.d : 0;
    val_unref(v);
    return r;
}

static int attr_true(Interp *I, Node *e)
{
    Value v = attr_value(I, e);
    int r = convert_truthy(v);
    val_unref(v);
    return r;
}

/* The string value of an attribute argument (new reference, a String). */
static Value attr_string(Interp *I, Node *e)
{
    Value v = attr_value(I, e), s = convert_to_string(v, NULL);
    val_unref(v);
    return s;
}

static int is_attr(Node *at, const char *name)
{
    size_t n = strlen(name);
    if (str_icmp(at->str, name) == 0) return 1; /* [ValidateSetAttribute(...)] too */
    return at->len == n + 9 && str_nicmp(at->str, name, n) == 0 &&
           str_icmp(at->str + n, "Attribute") == 0;
}

/* [Parameter(Mandatory, Position = 0, ParameterSetName = 'x', ValueFromPipeline, ...)] */
static void decl_parameter(Interp *I, DeclBuilder *db, int i, Node *at)
{
    static const struct {
        const char *name;
        unsigned flag;
    } flags[] = {{"Mandatory", BP_MANDATORY},
                 {"ValueFromPipeline", BP_BYVALUE},
                 {"ValueFromPipelineByPropertyName", BP_BYPROP},
                 {"ValueFromRemainingArguments", BP_REMAINING}};
    unsigned fl = 0;
    int pos = -1;
    Value set = val_null();
    for (Node *na = at->b; na; na = na->next) {
        for (size_t k = 0; k < sizeof flags / sizeof *flags; k++)
            if (str_icmp(na->str, flags[k].name) == 0 && attr_true(I, na->a)) fl |= flags[k].flag;
        if (str_icmp(na->str, "Position") == 0) pos = attr_int(I, na->a);
        if (str_icmp(na->str, "ParameterSetName") == 0) val_unref(set), set = attr_string(I, na->a);
    }
    const char *sn = val_is_null(set) ? NULL : val_str_data(set);
    decl_use(db, i, sn && str_icmp(sn, BIND_ALLSETS) != 0 ? sn : NULL, pos, fl);
    val_unref(set);
}

/* The positional arguments of an attribute as strings, each passed to fn. */
static void attr_strings(Interp *I, Node *at, DeclBuilder *db, int i,
                         void (*fn)(DeclBuilder *, int, const char *))
{
    for (Node *a = at->a; a; a = a->next) {
        Value v = attr_value(I, a);
        size_t n = val_is_array(v) ? arr_len(v) : 1;
        for (size_t k = 0; k < n; k++) {
            Value s = convert_to_string(val_is_array(v) ? arr_peek(v, k) : v, NULL);
            fn(db, i, val_str_data(s));
            val_unref(s);
        }
        val_unref(v);
    }
}

static void validate_set(Interp *I, DeclBuilder *db, int i, Node *at)
{
    Value all = arr_new(TY_OBJECT, 4);
    for (Node *a = at->a; a; a = a->next) {
        Value v = attr_value(I, a);
        size_t n = val_is_array(v) ? arr_len(v) : 1;
        for (size_t k = 0; k < n; k++)
            arr_push_take(all, convert_to_string(val_is_array(v) ? arr_peek(v, k) : v, NULL));
        val_unref(v);
    }
    size_t n = arr_len(all);
    const char **names = xcalloc(n + 1, sizeof(char *));
    for (size_t k = 0; k < n; k++)
        names[k] = val_str_data(arr_peek(all, k));
    decl_validate_set(db, i, names, (int)n);
    for (Node *na = at->b; na; na = na->next)
        if (str_icmp(na->str, "IgnoreCase") == 0 && !attr_true(I, na->a))
            decl_validate_flags(db, i, BV_SET_CASE);
    free(names);
    val_unref(all);
}

static void validate_script(Interp *I, FuncDecl *fd, int i, Node *at)
{
    Node *e = at->a;
    if (!e) return;
    val_unref(fd->vscript[i]);
    fd->vscript[i] = attr_value(I, e);
    if (!val_is(fd->vscript[i], &cls_scriptblock)) return; /* not a block: nothing to run */
    Value text = convert_to_string(fd->vscript[i], NULL);  /* the text between the braces */
    decl_validate_script(fd->db, i, &fd->vscript[i], val_str_data(text));
    val_unref(text);
}

static void two_ints(Interp *I, Node *at, int *a, int *b)
{
    *a = at->a ? attr_int(I, at->a) : 0;
    *b = at->a && at->a->next ? attr_int(I, at->a->next) : 0;
}

/* One attribute of parameter i: validation and the no-argument flags come from tables. */
static void decl_attr(Interp *I, FuncDecl *fd, int i, Node *at, int *advanced)
{
    static const struct {
        const char *name;
        unsigned flag;
    } vflags[] = {
        {"ValidateNotNull", BV_NOTNULL},
        {"ValidateNotNullOrEmpty", BV_NOTNULLOREMPTY},
        {"ValidateNotNullOrWhiteSpace", BV_NOTNULLORWHITE},
        {"AllowNull", BV_ALLOWNULL},
        {"AllowEmptyString", BV_ALLOWEMPTYSTR},
        {"AllowEmptyCollection", BV_ALLOWEMPTYCOLL},
    };
    DeclBuilder *db = fd->db;
    int lo, hi;
    for (size_t k = 0; k < sizeof vflags / sizeof *vflags; k++)
        if (is_attr(at, vflags[k].name)) decl_validate_flags(db, i, vflags[k].flag);
    if (is_attr(at, "Parameter")) {
        decl_parameter(I, db, i, at);
        *advanced = 1;
    } else if (is_attr(at, "Alias")) {
        attr_strings(I, at, db, i, decl_alias);
    } else if (is_attr(at, "ValidateSet")) {
        validate_set(I, db, i, at);
    } else if (is_attr(at, "ValidateRange") && at->a && at->a->next) {
        decl_validate_range(db, i, attr_double(I, at->a), attr_double(I, at->a->next));
    } else if (is_attr(at, "ValidateCount")) {
        two_ints(I, at, &lo, &hi);
        decl_validate_count(db, i, lo, hi);
    } else if (is_attr(at, "ValidateLength")) {
        two_ints(I, at, &lo, &hi);
        decl_validate_length(db, i, lo, hi);
    } else if (is_attr(at, "ValidatePattern") && at->a) {
        Value s = attr_string(I, at->a);
        decl_validate_pattern(db, i, val_str_data(s));
        val_unref(s);
    } else if (is_attr(at, "ValidateScript")) {
        validate_script(I, fd, i, at);
    }
}

/* [type] of a parameter: TypeId, is_array; a type psmini does not know binds as [object]. */
static TypeId param_type(Node *p, int *is_array)
{
    *is_array = 0;
    for (Node *t = p->a; t; t = t->next) {
        if (t->kind != AST_TYPE) continue;
        size_t len = t->len;
        *is_array = len > 2 && t->str[len - 2] == '[' && t->str[len - 1] == ']';
        TypeId id = type_lookup(t->str, *is_array ? len - 2 : len);
        return id == TY_OTHER ? TY_OBJECT : id;
    }
    return TY_OBJECT;
}

/* A parameter type TypeId does not name but the binder does ([guid]), or NULL. */
static const BindType *param_ext(Node *p, int is_array)
{
    for (Node *t = p->a; t; t = t->next)
        if (t->kind == AST_TYPE) return bind_type_named(t->str, is_array ? t->len - 2 : t->len);
    return NULL;
}

/* [CmdletBinding(DefaultParameterSetName = 'x', PositionalBinding = $false, ...)] */
static unsigned decl_cmdletbinding(Interp *I, DeclBuilder *db, Node *pb, int *advanced)
{
    unsigned fl = 0;
    for (Node *at = pb ? pb->b : NULL; at; at = at->next) {
        if (at->kind != AST_ATTRIBUTE || !is_attr(at, "CmdletBinding")) continue;
        *advanced = 1;
        for (Node *na = at->b; na; na = na->next) {
            if (str_icmp(na->str, "PositionalBinding") == 0 && !attr_true(I, na->a))
                fl |= BD_NOPOSITIONAL;
            else if (str_icmp(na->str, "SupportsShouldProcess") == 0 && attr_true(I, na->a))
                fl |= BD_SHOULDPROCESS;
            else if (str_icmp(na->str, "DefaultParameterSetName") == 0) {
                Value s = attr_string(I, na->a);
                decl_default_set(db, val_str_data(s));
                val_unref(s);
            }
        }
    }
    return fl;
}

/* Compile the param() block of script-block node sb (attribute arguments are evaluated
 * now, once, in the block's program). */
static FuncDecl *funcdecl_new(Interp *I, Value sbv, const char *name)
{
    Node *pb = scriptblock_node(sbv)->a;
    FuncDecl *fd = xcalloc(1, sizeof *fd);
    fd->rc = 1;
    fd->name = xstrdup(name ? name : "");
    fd->prog = prog_ref(scriptblock_program(sbv));
    fd->n = pb ? ast_count(pb->a) : 0;
    fd->dflt = xcalloc((size_t)fd->n + 1, sizeof(Node *));
    fd->vscript = xcalloc((size_t)fd->n + 1, sizeof(Value));
    fd->db = decl_new(fd->name, BD_SCRIPT);
    Program *sp = I->prog;
    I->prog = fd->prog;
    unsigned fl = decl_cmdletbinding(I, fd->db, pb, &fd->advanced);
    int i = 0;
    for (Node *p = pb ? pb->a : NULL; p; p = p->next, i++) {
        int arr;
        TypeId t = param_type(p, &arr);
        decl_param(fd->db, p->str, t, arr, param_ext(p, arr));
        for (Node *at = p->a; at; at = at->next)
            if (at->kind == AST_ATTRIBUTE) decl_attr(I, fd, i, at, &fd->advanced);
        fd->dflt[i] = p->b;
    }
    I->prog = sp;
    decl_flags(fd->db, fl | (fd->advanced ? 0 : BD_SIMPLE));
    fd->decl = decl_finish(fd->db);
    fd->plan = bind_plan_new(fd->decl);
    return fd;
}

/* The compiled declaration of sb (a new reference), from the runspace's cache when it was
 * compiled for the same command name. */
static FuncDecl *funcdecl_get(Interp *I, Value sb, const char *name)
{
    const void *key = scriptblock_node(sb);
    FuncDecl *fd = cmd_cache_get(I, key);
    if (fd && str_icmp(fd->name, name ? name : "") == 0) return fd->rc++, fd;
    fd = funcdecl_new(I, sb, name);
    if (!cmd_cache_get(I, key)) fd->rc++, cmd_cache_put(I, key, fd, funcdecl_unref);
    return fd;
}

struct FuncStage {
    Stage st;
    Value sb;         /* the ScriptBlock (owned) */
    const char *name; /* command name for errors (borrowed from the AST) or NULL */
    int dot, entered, filter;
    int script;                              /* a .ps1 file: gets a script scope */
    int piped;                               /* not first in its pipeline (ExpectingInput) */
    Scope *scope;                            /* the invocation's scope (NULL until begin) */
    Node *blk_begin, *blk_process, *blk_end; /* STATEMENTS */
    Node *blk_clean;                         /* clean { }: always last, output discarded */
    FuncDecl *fd;                            /* the compiled param() block (a reference) */
    Binder *b;                               /* this invocation's binding */
    BindHooks hooks;                         /* ValidateScript and delay-bind, run by I */
    Value input; /* collected input for $input (object[], made at the first object), or $null */
    Program *site_prog;                      /* the caller's program (holds st.node), borrowed */
};
typedef struct FuncStage FuncStage;

/* Run one block of the script block in its scope and program. */
static Status run_block(Interp *I, FuncStage *f, Node *blk)
{
    if (!blk) return ST_OK;
    Scope *saved = I->cur;
    Program *sp = I->prog;
    FuncStage *running = I->running;
    I->cur = f->scope;
    I->prog = scriptblock_program(f->sb);
    I->running = f;
    Status st = eval_stmts(I, blk, f->st.out);
    I->running = running;
    I->cur = saved;
    I->prog = sp;
    if (st == ST_EXIT && f->script) { /* `exit N` ends only a script run by path */
        var_set_take(scope_define(I->global, "LASTEXITCODE", 12), val_int(I->exit_code));
        I->native_ok = I->exit_code == 0;
        st = ST_OK;
    }
    return st == ST_RETURN ? ST_OK : st;
}

/* ---- the binder's hooks: script blocks run with $_ = the value ---- */

static int take_error_text(Interp *I, Status st, char *why, size_t n)
{
    if (st != ST_THROW) return 0;
    snprintf(why, n, "%s", val_is(I->error, &cls_errorrecord) ? errrec_message(I->error) : "");
    val_unref(I->error);
    I->error = val_null();
    I->error_fatal = 0;
    return -1;
}

static int hook_validate(void *ctx, const void *script, Value arg, int *ok, char *why, size_t n)
{
    Interp *I = ctx;
    Collector col;
    collector_init(&col);
    Status st = eval_invoke_item(I, *(const Value *)script, arg, &col.pipe);
    Value r = collector_take(&col);
    *ok = convert_truthy(r);
    val_unref(r);
    return take_error_text(I, st, why, n);
}

static int hook_delay(void *ctx, Value script, Value input, Value *out, char *why, size_t n)
{
    Interp *I = ctx;
    Collector col;
    collector_init(&col);
    Status st = eval_invoke_item(I, script, input, &col.pipe);
    *out = collector_take(&col);
    if (out->kind == VAL_AUTONULL) *out = val_null();
    if (st != ST_THROW) return 0;
    val_unref(*out);
    *out = val_null();
    return take_error_text(I, st, why, n);
}

static int is_sb(Value v)
{
    return val_is(v, &cls_scriptblock);
}

static void hooks_init(Interp *I, BindHooks *h)
{
    *h = (BindHooks){I, hook_validate, hook_delay, is_sb};
}

/* A failed binding as pwsh reports it: a ParameterBindingException record. */
static Value bind_rec(Interp *I, const BindError *e, const char *cmd, Node *site)
{
    return bind_error_rec(e, I->prog, cmd && *cmd ? cmd : NULL, site);
}

/* ---- parameters as variables ---- */

/* The value of unbound parameter i: its default, else $null converted to its type ([int] 0,
 * [switch] $false, [string] ""). */
static Status param_default(Interp *I, FuncStage *f, int i, Value *out)
{
    const ParamDecl *pd = &f->fd->decl->params[i];
    Value v = val_null(), c;
    if (f->fd->dflt[i]) {
        Status st = eval_expr(I, f->fd->dflt[i], &v);
        if (st) return st;
        if (v.kind == VAL_AUTONULL) v = val_null();
    }
    if (pd->type == TY_SWITCH && !f->fd->dflt[i]) return *out = bind_switch(0), ST_OK;
    if (pd->type != TY_OBJECT && convert_to(v, pd->type, pd->is_array, &c, NULL) == 0)
        val_unref(v), v = c;
    else if (pd->type != TY_OBJECT && !f->fd->dflt[i])
        v = val_null();
    *out = v;
    return ST_OK;
}

static void put_prop(Value o, const char *name, Value v);

/* $PSCmdlet of an advanced function (basic): ParameterSetName and MyInvocation. */
static void set_pscmdlet(Interp *I, FuncStage *f)
{
    if (!f->fd->advanced) return;
    const char *set = bind_set(f->b);
    Value o = object_new_custom();
    FuncStage *running = I->running;
    I->running = f;
    put_prop(o, "ParameterSetName", val_str(set ? set : BIND_ALLSETS));
    put_prop(o, "MyInvocation", eval_my_invocation(I));
    I->running = running;
    var_set_take(scope_define(f->scope, "PSCmdlet", 8), o);
}

/* $PSBoundParameters, $args and $input of a call, made only if the body reads them (see
 * lazy_autovars). */
static Value lazy_bound(void *ctx)
{
    return bind_bound_params(((FuncStage *)ctx)->b);
}

static Value lazy_args(void *ctx)
{
    return val_ref(bind_extra(((FuncStage *)ctx)->b));
}

/* The objects collected for $input (made at the first one: most calls get none). */
static Value input_items(FuncStage *f)
{
    if (f->input.kind == VAL_NULL) f->input = arr_new(TY_OBJECT, 0);
    return f->input;
}

static Value lazy_input(void *ctx)
{
    return pipe_input_new(input_items(ctx));
}

/*
** Leave $PSBoundParameters and $args pending in a simple function's own scope: its binding
** does not change after the call is bound, so building them on first use gives the same
** values.  An advanced function rebinds per pipeline object, and a dot-sourced call shares
** the caller's scope, which outlives the call: both get them at once.  1 when left pending.
*/
static int lazy_autovars(FuncStage *f)
{
    if (f->dot || f->fd->advanced) return 0;
    if (!scope_define_lazy(f->scope, "PSBoundParameters", lazy_bound, f)) return 0;
    if (!scope_define_lazy(f->scope, "args", lazy_args, f))
        var_set(scope_define(f->scope, "args", 4), bind_extra(f->b));
    return 1;
}

/* Every declared parameter as a variable of the function's scope, $PSBoundParameters, $args
 * (a simple function's leftovers) and $PSCmdlet. */
static Status bind_params(Interp *I, FuncStage *f)
{
    Scope *saved = I->cur;
    Program *sp = I->prog;
    I->cur = f->scope;
    I->prog = scriptblock_program(f->sb);
    Status st = ST_OK;
    for (int i = 0; i < f->fd->n && !st; i++) {
        const char *name = f->fd->decl->params[i].name;
        Value v = val_null();
        if (bind_bound(f->b, i))
            v = val_ref(bind_value(f->b, i));
        else
            st = param_default(I, f, i, &v);
        if (!st) var_set_take(scope_define(f->scope, name, strlen(name)), v);
    }
    I->cur = saved;
    I->prog = sp;
    if (st) return st;
    if (lazy_autovars(f)) return ST_OK;
    var_set_take(scope_define(f->scope, "PSBoundParameters", 17), bind_bound_params(f->b));
    var_set(scope_define(f->scope, "args", 4), bind_extra(f->b));
    set_pscmdlet(I, f);
    return ST_OK;
}

/* GetNewClosure: the captured variables are defined in the block's new scope. */
static void closure_vars(Scope *s, Value vars)
{
    if (!ht_is(vars)) return;
    for (size_t i = 0; i < ht_count(vars); i++) {
        Value k, v;
        ht_entry_peek(vars, i, &k, &v);
        var_set(scope_define(s, val_str_data(k), val_str_len(k)), v);
    }
}

static Status func_begin(Interp *I, Stage *s)
{
    FuncStage *f = (FuncStage *)s;
    Status st = eval_enter(I, s->node);
    if (st) return st;
    f->entered = 1;
    f->scope = f->dot ? I->cur : scope_reuse(&I->spare_scope, I->cur, f->script);
    closure_vars(f->scope, scriptblock_closure(f->sb));
    if (f->script) eval_script_paths(f->scope, prog_file(scriptblock_program(f->sb)));
    if ((st = bind_params(I, f))) return st;
    return run_block(I, f, f->blk_begin);
}

/* A pipeline object that binds to no parameter is a non-terminating error (pwsh). */
static Status input_error(Interp *I, FuncStage *f, const BindError *e)
{
    Value rec = bind_rec(I, e, f->name, f->st.node);
    if (eval_error_action(I) == EA_STOP) return eval_throw_rec(I, rec, 1);
    eval_report(I, rec);
    val_unref(rec);
    return ST_OK;
}

/* $_ and, for an advanced function, the parameters bound from the object (every bound one
 * is set again: a delay-bind parameter changes with each object).  *skip: the object could
 * not be bound (its error is reported). */
static Status set_item(Interp *I, FuncStage *f, Value v, int *skip)
{
    var_set(scope_define(f->scope, "_", 1), v);
    if (!f->fd->advanced) return ST_OK;
    BindError e;
    if (bind_input(f->b, v, &e)) {
        *skip = 1;
        return input_error(I, f, &e);
    }
    for (int i = 0; i < f->fd->n; i++) {
        if (!bind_bound(f->b, i)) continue;
        const char *name = f->fd->decl->params[i].name;
        var_set(scope_define(f->scope, name, strlen(name)), bind_value(f->b, i));
    }
    var_set_take(scope_define(f->scope, "PSBoundParameters", 17), bind_bound_params(f->b));
    set_pscmdlet(I, f);
    return ST_OK;
}

static int has_param(FuncStage *f, const char *name)
{
    for (int i = 0; i < f->fd->n; i++)
        if (str_icmp(f->fd->decl->params[i].name, name) == 0) return 1;
    return 0;
}

static Status func_process(Interp *I, Stage *s, Value v, int has_input)
{
    FuncStage *f = (FuncStage *)s;
    int skip = 0;
    Status st = has_input ? set_item(I, f, v, &skip) : ST_OK;
    if (st || skip) return st;
    if (!f->blk_process) {
        if (has_input) arr_push(input_items(f), v);
        return ST_OK;
    }
    if (has_input) {
        Value one = arr_from(&v, 1);
        if (!has_param(f, "input")) /* a parameter named $Input wins */
            var_set_take(scope_define(f->scope, "input", 5), pipe_input_new(one));
        val_unref(one);
    }
    return run_block(I, f, f->blk_process);
}

static Status func_end(Interp *I, Stage *s)
{
    FuncStage *f = (FuncStage *)s;
    if (!f->blk_end) return ST_OK;
    if (!has_param(f, "input") && (f->dot || !scope_define_lazy(f->scope, "input", lazy_input, f)))
        var_set_take(scope_define(f->scope, "input", 5), pipe_input_new(input_items(f)));
    return run_block(I, f, f->blk_end);
}

/* clean { } runs even after a failure; whatever is pending (error, label, exit code) is kept,
 * and an error in clean itself is only reported. */
static void run_clean(Interp *I, FuncStage *f)
{
    Value err = I->error;
    int fatal = I->error_fatal, code = I->exit_code;
    char *label = I->label;
    I->error = val_null();
    I->label = NULL;
    f->st.out = pipe_null();
    Status st = run_block(I, f, f->blk_clean);
    if (st == ST_THROW) {
        Value rec = I->error;
        I->error = val_null();
        eval_report(I, rec);
        val_unref(rec);
    }
    val_unref(I->error);
    free(I->label);
    I->error = err, I->error_fatal = fatal, I->exit_code = code, I->label = label;
}

static void func_free(Interp *I, Stage *s)
{
    FuncStage *f = (FuncStage *)s;
    if (f->blk_clean && f->scope) run_clean(I, f);
    if (f->entered) eval_leave(I);
    if (f->scope && !f->dot) scope_recycle(&I->spare_scope, f->scope);
    bind_free(f->b);
    funcdecl_unref(f->fd);
    val_unref(f->sb);
    val_unref(f->input);
    stage_release(I, s);
    if (I->spare_func) free(f);
    else I->spare_func = f;
}

static void find_blocks(FuncStage *f, Node *sbnode)
{
    for (Node *b = sbnode->b; b; b = b->next) {
        if (b->op == KW_BEGIN)
            f->blk_begin = b->a;
        else if (b->op == KW_PROCESS)
            f->blk_process = b->a;
        else if (b->op == KW_END && f->filter && (b->flags & NF_UNNAMED))
            f->blk_process = b->a;
        else if (b->op == KW_END)
            f->blk_end = b->a;
        else if (b->op == KW_CLEAN)
            f->blk_clean = b->a;
    }
}

static void common_params(Interp *I, const BindPlan *p, const Binder *b, Stage *s);

/* Move the "--" markers to the end (the caller still releases them); returns the new count. */
static int strip_dashdash(BindArg *args, int nargs)
{
    int j = 0;
    for (int i = 0; i < nargs; i++)
        if (!args[i].dashdash) {
            BindArg t = args[j];
            args[j++] = args[i];
            args[i] = t;
        }
    return j;
}

/*
** A stage running script block sb with args bound now (args stay the caller's).  piped: the
** stage is not first in its pipeline, so pipeline parameters wait for the input.  A missing
** mandatory parameter is an error, not a prompt: psmini binds as `pwsh -NonInteractive` does
** (MissingMandatoryParameter), since a script cannot answer a prompt.
*/
static Status func_stage(Interp *I, Value sb, const char *name, int dot, int filter, BindArg *args,
                         int nargs, Node *site, int piped, Pipe *out, Stage **res)
{
    FuncStage *f = I->spare_func ? I->spare_func : xmalloc(sizeof(FuncStage));
    I->spare_func = NULL;
    memset(f, 0, sizeof(FuncStage));
    f->st = (Stage){{stage_put}, out,  func_begin, func_process, func_end,
                    func_free,   site, NULL,       .ea = -1};
    stage_init(&f->st);
    f->sb = val_ref(sb);
    f->name = name;
    f->site_prog = I->prog;
    f->dot = dot;
    f->filter = filter;
    f->piped = piped;
    f->input = val_null();
    find_blocks(f, scriptblock_node(sb));
    f->fd = funcdecl_get(I, sb, name);
    f->b = bind_new(f->fd->plan);
    hooks_init(I, &f->hooks);
    bind_set_hooks(f->b, &f->hooks);
    nargs = strip_dashdash(args, nargs);
    BindError e;
    if (bind_args(f->b, args, nargs, piped, &e)) {
        Value rec = bind_rec(I, &e, name, site);
        func_free(I, &f->st);
        return eval_throw_rec(I, rec, 0);
    }
    common_params(I, f->fd->plan, f->b, &f->st);
    f->st.out = stage_out(&f->st, out);
    *res = &f->st;
    return ST_OK;
}

/* Run a stage standing alone: begin, one process step, end. */
static Status run_alone(Interp *I, Stage *s, Value input, int has_input)
{
    Status st = s->begin(I, s);
    if (!st) st = s->process(I, s, input, has_input);
    if (!st) st = s->end(I, s);
    s->free(I, s);
    return st;
}

Status eval_invoke(Interp *I, Value sb, int dot, BindArg *args, int nargs, Value input,
                   int has_input, Pipe *out)
{
    Stage *s;
    Status st =
        func_stage(I, sb, NULL, dot, 0, args, nargs, scriptblock_node(sb), has_input, out, &s);
    return st ? st : run_alone(I, s, input, has_input);
}

/* The source line holding byte offset at in p (without its newline). */
static Value source_line(Program *p, uint32_t at)
{
    const char *src = p ? prog_source(p) : NULL;
    size_t len = src ? strlen(src) : 0;
    if (!src || at > len) return val_str("");
    size_t b = at, e = at;
    while (b > 0 && src[b - 1] != '\n')
        b--;
    while (e < len && src[e] != '\n')
        e++;
    return val_str_n(src + b, e - b);
}

static void put_prop(Value o, const char *name, Value v)
{
    object_set_prop(o, name, strlen(name), v);
    val_unref(v);
}

Value eval_my_invocation(Interp *I)
{
    FuncStage *f = I->running;
    Value inv = object_new_custom(), cmd = object_new_custom();
    const char *name = f && f->name ? f->name : "";
    const char *file = f ? prog_file(scriptblock_program(f->sb)) : prog_file(I->prog);
    put_prop(cmd, "Name", val_str(name));
    put_prop(inv, "MyCommand", cmd);
    put_prop(inv, "InvocationName", val_str(name));
    put_prop(inv, "ExpectingInput", val_bool(f && f->piped));
    put_prop(inv, "ScriptName", val_str(file ? file : ""));
    Node *site = f ? f->st.node : NULL;
    put_prop(inv, "Line", site ? source_line(f->site_prog, site->start) : val_str(""));
    put_prop(inv, "PSScriptRoot", eval_var_get(I, "PSScriptRoot", 12));
    put_prop(inv, "PSCommandPath", eval_var_get(I, "PSCommandPath", 13));
    return inv;
}

/* The body a ForEach-Object style call runs: process block, or the unnamed body. */
static Node *item_body(Node *sbnode)
{
    Node *end = NULL;
    for (Node *b = sbnode->b; b; b = b->next) {
        if (b->op == KW_PROCESS) return b->a;
        if (b->op == KW_END) end = b->a;
    }
    return end;
}

Status eval_invoke_item(Interp *I, Value sb, Value item, Pipe *out)
{
    Var *var = scope_define(I->cur, "_", 1);
    Value old = val_ref(var_value(var));
    var_set(var, item);
    Program *sp = I->prog;
    I->prog = scriptblock_program(sb);
    Status st = eval_stmts(I, item_body(scriptblock_node(sb)), out);
    I->prog = sp;
    var_set_take(scope_define(I->cur, "_", 1), old);
    return st == ST_RETURN ? ST_OK : st;
}

/* ================================================================ cmdlet stage ==== */

typedef struct CmdStage {
    Stage st;
    CmdCtx c;
    Binder *b;       /* the invocation's binding; NULL for raw commands */
    BindHooks hooks; /* delay-bind script blocks */
    int *pipes;      /* the pipeline parameters (PS_PIPELINE), whose values each object sets */
    int npipes;
    int swap; /* c->arg[pipes[i]] holds the object's bound value during the process call */
    int fast; /* the plan's trivial input (bind_plan_trivial_input): no binding per object */
} CmdStage;

static Status cmd_begin(Interp *I, Stage *s)
{
    CmdCtx *c = &((CmdStage *)s)->c;
    c->phase = CMD_BEGIN;
    return c->def->handler(c);
}

/* The object's bound pipeline values go to c->arg for this call (borrowed there; the
 * command-line values come back afterwards, so CMD_END sees the command line again). */
static void swap_in(CmdStage *cs, Value *saved)
{
    for (int i = 0; i < cs->npipes; i++) {
        int k = cs->pipes[i];
        saved[i] = cs->c.arg[k];
        if (bind_bound(cs->b, k)) cs->c.arg[k] = bind_value(cs->b, k);
    }
}

static void swap_out(CmdStage *cs, const Value *saved)
{
    for (int i = 0; i < cs->npipes; i++)
        cs->c.arg[cs->pipes[i]] = saved[i];
}

/* Bind one pipeline object; a failure (InputObjectNotBound, validation) is a non-terminating
 * error for this object only, as in pwsh.  1: call the handler. */
static int cmd_bind_input(CmdStage *cs, Value v)
{
    BindError e;
    if (!bind_input(cs->b, v, &e)) return 1;
    CmdCtx *c = &cs->c;
    Value rec = bind_error_rec(&e, c->I->prog, c->def->name, c->node);
    cmd_write_error(c, rec);
    val_unref(rec);
    return 0;
}

static Status cmd_process(Interp *I, Stage *s, Value v, int has_input)
{
    CmdStage *cs = (CmdStage *)s;
    CmdCtx *c = &cs->c;
    if (has_input && cs->npipes && !cs->fast && !cmd_bind_input(cs, v)) return ST_OK;
    Value saved[16];
    int swap = has_input && cs->swap && cs->npipes <= 16;
    if (swap) swap_in(cs, saved);
    c->phase = CMD_PROCESS;
    c->input = v;
    c->has_input = has_input;
    Status st = c->def->handler(c);
    c->input = val_null();
    if (swap) swap_out(cs, saved);
    return st;
}

static Status cmd_end(Interp *I, Stage *s)
{
    CmdCtx *c = &((CmdStage *)s)->c;
    c->phase = CMD_END;
    return c->def->handler(c);
}

static void cmd_free(Interp *I, Stage *s)
{
    CmdStage *cs = (CmdStage *)s;
    CmdCtx *c = &cs->c;
    for (int i = 0; c->arg && i < c->def->nparams; i++)
        val_unref(c->arg[i]);
    free(c->arg);
    free(c->bound);
    val_unref(c->state);
    val_unref(c->rawargs);
    free((char *)c->name);
    if (c->priv_free) c->priv_free(c->priv);
    bind_free(cs->b);
    free(cs->pipes);
    stage_release(I, s);
    free(s);
}

/* Arguments of a raw command, as written: "-Name" / "-Name:" strings and values. */
static Value raw_args(BindArg *args, int nargs)
{
    Value a = arr_new(TY_OBJECT, (size_t)nargs);
    for (int i = 0; i < nargs; i++) {
        if (args[i].name) {
            StrBuf sb = {0};
            sb_printf(&sb, "-%.*s%s", (int)args[i].nlen, args[i].name, args[i].has_val ? ":" : "");
            arr_push_take(a, val_str_take_sb(&sb));
            if (!args[i].has_val) continue;
        }
        arr_push(a, args[i].val);
    }
    return a;
}

/* What each common parameter (as the binder names it) sets on the stage: the stream whose
 * action it overrides, or the variable slot it fills (-1: neither); sw: a switch. */
static const struct {
    const char *name;
    signed char stream, slot, sw;
} common[] = {
    {"ErrorAction", 2, -1, 0},
    {"WarningAction", 3, -1, 0},
    {"InformationAction", 6, -1, 0},
    {"ErrorVariable", -1, 2, 0},
    {"WarningVariable", -1, 3, 0},
    {"InformationVariable", -1, 6, 0},
    {"OutVariable", -1, 1, 0},
    {"Verbose", 4, -1, 1},
    {"Debug", 5, -1, 1},
    {"PipelineVariable", -1, 0, 0},
};

static int parse_action(Value v)
{
    static const char *const names[] = {"Continue", "SilentlyContinue", "Stop", "Ignore"};
    Value s = convert_to_string(v, NULL);
    int r = -1;
    for (int i = 0; i < 4; i++)
        if (str_icmp(val_str_data(s), names[i]) == 0) r = i;
    val_unref(s);
    return r;
}

static void common_apply(Interp *I, Stage *s, int k, Value v)
{
    int stream = common[k].stream, slot = common[k].slot;
    Value n = convert_to_string(v, NULL);
    if (common[k].sw) {
        s->act[stream] = convert_truthy(v) ? EA_CONTINUE : EA_SILENT;
    } else if (stream == 2) {
        s->ea = parse_action(v);
    } else if (stream > 0) {
        s->act[stream] = parse_action(v);
    } else if (slot > 0) {
        free(s->var[slot]);
        s->var[slot] = xstrdup(val_str_data(n));
        val_unref(s->got[slot]);
        s->got[slot] = arr_new(TY_OBJECT, 0);
    } else if (slot == 0) { /* -PipelineVariable: set in the scope the pipeline runs in */
        free(s->pvname);
        s->pvname = xstrdup(val_str_data(n));
        s->pvscope = I->cur;
    }
    val_unref(n);
}

/* Apply the common parameters the binder bound (-ErrorAction, -OutVariable, ...) to stage s. */
static void common_params(Interp *I, const BindPlan *p, const Binder *b, Stage *s)
{
    for (int i = bind_plan_nparams(p); i-- > 0;) {
        if (!bind_plan_is_common(p, i)) break; /* the common ones come last */
        if (!bind_bound(b, i)) continue;
        for (size_t k = 0; k < sizeof common / sizeof *common; k++)
            if (str_icmp(bind_plan_name(p, i), common[k].name) == 0)
                common_apply(I, s, (int)k, bind_value(b, i));
    }
}

/* The pipeline parameters of a cmdlet (PS_PIPELINE, PS_BYPROP); swap unless the only one is
 * a plain [object].  A cmdlet declaring none gets its objects unbound in c->input. */
static void cmd_pipes(CmdStage *cs, const CmdDef *def)
{
    cs->pipes = xcalloc((size_t)def->nparams + 1, sizeof(int));
    for (int i = 0; i < def->nparams; i++)
        if (def->params[i].flags & (PS_PIPELINE | PS_BYPROP)) cs->pipes[cs->npipes++] = i;
    const ParamSpec *p = cs->npipes == 1 ? &def->params[cs->pipes[0]] : NULL;
    cs->swap = cs->npipes > 1 || (p && (p->type != TY_OBJECT || p->is_array));
    cs->fast = bind_plan_trivial_input(cmd_plan(cs->c.I, def)) && !cs->c.bound[cs->pipes[0]];
}

/* Bind a cmdlet's arguments through its cached plan; c->arg/c->bound get the command-line
 * values, and each pipeline object is bound again in cmd_process. */
static Status cmd_bind_args(Interp *I, CmdStage *cs, BindArg *args, int nargs, int piped)
{
    CmdCtx *c = &cs->c;
    const CmdDef *def = c->def;
    const BindPlan *plan = cmd_plan(I, def);
    cs->b = bind_new(plan);
    hooks_init(I, &cs->hooks);
    bind_set_hooks(cs->b, &cs->hooks);
    c->arg = xcalloc((size_t)def->nparams + 1, sizeof(Value));
    c->bound = xcalloc((size_t)def->nparams + 1, 1);
    BindError e;
    if (bind_args(cs->b, args, strip_dashdash(args, nargs), piped, &e))
        return eval_throw_rec(I, bind_error_rec(&e, I->prog, def->name, c->node), 0);
    bind_export(cs->b, c->arg, c->bound);
    common_params(I, plan, cs->b, &cs->st);
    cmd_pipes(cs, def);
    return ST_OK;
}

static Status cmdlet_stage(Interp *I, const CmdDef *def, const char *name, BindArg *args, int nargs,
                           Node *site, int piped, Pipe *out, Stage **res)
{
    CmdStage *cs = xcalloc(1, sizeof(CmdStage));
    cs->st =
        (Stage){{stage_put}, out, cmd_begin, cmd_process, cmd_end, cmd_free, site, NULL, .ea = -1};
    stage_init(&cs->st);
    CmdCtx *c = &cs->c;
    c->I = I;
    c->def = def;
    c->out = out;
    c->node = site;
    c->state = val_null();
    c->input = val_null();
    c->name = xstrdup(name);
    c->rawargs = val_null();
    if (!def->params) {
        c->rawargs = raw_args(args, nargs);
        *res = &cs->st;
        return ST_OK;
    }
    Status st = cmd_bind_args(I, cs, args, nargs, piped);
    if (st) {
        cmd_free(I, &cs->st);
        return st;
    }
    c->out = stage_out(&cs->st, out);
    *res = &cs->st;
    return ST_OK;
}

/* ================================================================ arguments ==== */

typedef struct ArgList {
    BindArg *item;
    int len, cap;
    Value names; /* splatted key strings the items' names point into (object[] or $null) */
    int piped;   /* the command is not first in its pipeline */
} ArgList;

static void args_push(ArgList *l, const char *name, size_t nlen, Value v, int has, Node *n)
{
    BindArg a = {name, nlen, v, has, n, 0, 0};
    ARRAY_PUSH(l->item, l->len, l->cap, a);
}

static void args_free(ArgList *l)
{
    for (int i = 0; i < l->len; i++)
        val_unref(l->item[i].val);
    free(l->item);
    val_unref(l->names);
}

/* A "-Name" / "-Name:" element of a splatted $args (BIND_ARGNAME_AUX) is a parameter name
 * again, "-Name:" taking the next element as its value; 1 when *i was such an element. */
static int splat_name(ArgList *l, Value arr, size_t *i, Node *n)
{
    Value e = arr_peek(arr, *i);
    if (e.aux != BIND_ARGNAME_AUX || !val_is_str(e) || val_str_len(e) < 2) return 0;
    const char *s = val_str_data(e) + 1;
    size_t len = val_str_len(e) - 1;
    int colon = s[len - 1] == ':' && *i + 1 < arr_len(arr);
    if (l->names.kind == VAL_NULL) l->names = arr_new(TY_OBJECT, 4);
    arr_push(l->names, e); /* keeps the name alive for the binder */
    if (colon)
        args_push(l, s, len - 1, arr_get(arr, ++*i), 1, n);
    else
        args_push(l, s, len, val_null(), 0, n);
    return 1;
}

/* @h: each key becomes -Key:Value (explicit arguments win over these); @a: each element a
 * positional value. */
static void splat(ArgList *l, Value v, Node *n)
{
    if (ht_is(v)) {
        if (l->names.kind == VAL_NULL) l->names = arr_new(TY_OBJECT, 4);
        for (size_t i = 0; i < ht_count(v); i++) {
            Value k, x;
            ht_entry_peek(v, i, &k, &x);
            Value ks = convert_to_string(k, NULL);
            arr_push_take(l->names, ks); /* keeps the name alive for the binder */
            args_push(l, val_str_data(ks), val_str_len(ks), val_ref(x), 1, n);
            l->item[l->len - 1].splat = 1;
        }
    } else if (val_is_array(v)) {
        for (size_t i = 0; i < arr_len(v); i++)
            if (!splat_name(l, v, &i, n)) args_push(l, NULL, 0, arr_get(v, i), 1, n);
    } else if (!val_is_null(v)) {
        args_push(l, NULL, 0, val_ref(v), 1, n);
    }
}

/* An Int32 literal written as its own decimal form ("42", not "042" or "0x2a"): the common
 * argument, which object_wrap_text would leave unwrapped; told without formatting it. */
static int plain_decimal(Value v, const char *s, size_t len)
{
    if (v.kind != VAL_INT32 || len == 0 || len > 9 || (s[0] == '0' && len > 1)) return 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static Status eval_arg(Interp *I, Node *e, ArgList *l)
{
    Value v;
    if (e->kind == AST_CMDPARAM) {
        if (!e->a) {
            args_push(l, e->str, e->len, val_null(), 0, e);
            return ST_OK;
        }
        Status st = eval_expr(I, e->a, &v);
        if (st) return st;
        args_push(l, e->str, e->len, v.kind == VAL_AUTONULL ? val_null() : v, 1, e);
        return ST_OK;
    }
    if (e->kind == AST_DASHDASH) {
        args_push(l, NULL, 0, val_str("--"), 1, e);
        l->item[l->len - 1].dashdash = 1;
        return ST_OK;
    }
    if (e->kind == AST_REDIRECT) return ST_OK;
    Status st = eval_expr(I, e, &v);
    if (st) return st;
    if (e->kind == AST_VARIABLE && (e->flags & NF_SPLAT)) {
        splat(l, v, e);
        val_unref(v);
        return ST_OK;
    }
    if (e->kind == AST_NUMBER && (e->flags & NF_ORIGTEXT) && !plain_decimal(v, e->str, e->len))
        v = object_wrap_text(v, e->str, e->len);
    args_push(l, NULL, 0, v.kind == VAL_AUTONULL ? val_null() : v, 1, e);
    return ST_OK;
}

/* ================================================================ resolution ==== */

static Status not_found(Interp *I, Node *site, const char *name)
{
    StrBuf sb = {0};
    sb_printf(&sb,
              "The term '%s' is not recognized as a name of a cmdlet, function, script file, "
              "or executable program.\nCheck the spelling of the name, or if a path was "
              "included, verify that the path is correct and try again.",
              name);
    ErrInit e = {.msg = sb_str(&sb),
                 .id = "CommandNotFoundException",
                 .exc = EXC_CMDNOTFOUND,
                 .inner = EXC_CMDNOTFOUND,
                 .cat = ERRCAT_OBJECTNOTFOUND,
                 .command = name,
                 .prog = I->prog,
                 .start = site->start,
                 .end = site->end};
    Value rec = errrec_new(&e);
    Value t = val_str(name);
    errrec_set_target(rec, t);
    val_unref(t);
    sb_free(&sb);
    return eval_throw_rec(I, rec, 0);
}

void eval_script_paths(Scope *s, const char *file)
{
    if (!file) return;
    char *full = realpath(file, NULL);
    const char *path = full ? full : file;
    const char *slash = strrchr(path, '/');
    var_set_take(scope_define(s, "PSCommandPath", 13), val_str(path));
    Value root = slash ? val_str_n(path, slash == path ? 1 : (size_t)(slash - path)) : val_str("");
    var_set_take(scope_define(s, "PSScriptRoot", 12), root);
    free(full);
}

static int is_script_path(const char *name, size_t len)
{
    return len > 4 && str_ieq_slice(name + len - 4, 4, ".ps1") && memchr(name, '/', len);
}

/* The first parse error of a script run by path (statement-terminating, like a command that
 * cannot be resolved). */
static Status script_parse_error(Interp *I, Program *p)
{
    const ParseError *e = prog_error(p, 0);
    ErrInit ei = {.msg = e->msg,
                  .id = e->id,
                  .exc = EXC_RUNTIME,
                  .inner = EXC_RUNTIME,
                  .cat = ERRCAT_INVALIDDATA,
                  .prog = p,
                  .start = e->span.start,
                  .end = e->span.end,
                  .reason = "ParserError"};
    return eval_throw_rec(I, errrec_new(&ei), 0);
}

/* A .ps1 file run by path: parsed now, run in a new script scope (or dot-sourced).
 * *found = 0 when there is no such file. */
static Status script_stage(Interp *I, Node *cmd, const char *path, ArgList *args, Pipe *out,
                           Stage **res, int *found)
{
    char *full = runloc_full(I, path); /* ./x.ps1 is relative to the runspace location */
    FILE *fp = fopen(full, "rb");
    *found = fp != NULL;
    if (!fp) {
        free(full);
        return ST_OK;
    }
    StrBuf text = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sb_append(&text, buf, n);
    fclose(fp);
    /* the program's file is the full path, as pwsh shows it in errors, and so that
     * $PSScriptRoot (eval_script_paths) does not depend on the process directory. */
    Program *p = parse_program(text.buf ? text.buf : "", text.len, full);
    free(full);
    sb_free(&text);
    Status st = prog_nerrors(p) ? script_parse_error(I, p) : ST_OK;
    if (!st) {
        Value sb = scriptblock_new(p, prog_root(p), NULL, 0);
        st = func_stage(I, sb, NULL, cmd->op == TOK_DOT, 0, args->item, args->len, cmd, args->piped,
                        out, res);
        if (!st) ((FuncStage *)*res)->script = 1;
        val_unref(sb);
    }
    prog_unref(p);
    return st;
}

/* Build the stage for command name (a string) or script block. */
static Status resolve(Interp *I, Node *cmd, Value target, ArgList *args, Pipe *out, Stage **res)
{
    int dot = cmd->op == TOK_DOT;
    if (val_is(target, &cls_scriptblock))
        return func_stage(I, target, NULL, dot, 0, args->item, args->len, cmd, args->piped, out,
                          res);
    Value s0 = convert_to_string(target, NULL);
    Value s = scope_alias_resolve(I->cur, s0); /* user aliases come first, as in pwsh */
    val_unref(s0);
    const char *name = val_str_data(s);
    unsigned flags;
    Value fn = scope_func_lookup(I->cur, name, val_str_len(s), &flags);
    const CmdDef *def;
    Status st = ST_OK;
    int found = 0;
    if (fn.kind != VAL_NULL) {
        st =
            func_stage(I, fn, cmd->a->kind == AST_STRING ? cmd->a->str : NULL, dot,
                       (flags & VF_FILTER) != 0, args->item, args->len, cmd, args->piped, out, res);
    } else if ((def = cmd_find(I, name, val_str_len(s)))) {
        st = cmdlet_stage(I, def, name, args->item, args->len, cmd, args->piped, out, res);
    } else if (is_script_path(name, val_str_len(s)) &&
               ((st = script_stage(I, cmd, name, args, out, res, &found)) || found)) {
        /* ran (or failed to parse) a script file */
    } else if (I->native && (def = I->native(I, name, val_str_len(s)))) {
        st = cmdlet_stage(I, def, name, args->item, args->len, cmd, args->piped, out, res);
    } else {
        st = not_found(I, cmd->a, name);
    }
    val_unref(s);
    return st;
}

static Status command_stage(Interp *I, Node *cmd, int piped, Pipe *out, Stage **res)
{
    Value target;
    Node *name = cmd->a;
    Status st = name->kind == AST_STRING ? (target = val_str_n(name->str, name->len), ST_OK)
                                         : eval_expr(I, name, &target);
    if (st) return st;
    ArgList l = {NULL, 0, 0, val_null(), piped};
    for (Node *e = name->next; e && !st; e = e->next)
        st = eval_arg(I, e, &l);
    if (!st) st = resolve(I, cmd, target, &l, out, res);
    args_free(&l);
    val_unref(target);
    return st;
}

/* ================================================================ pipelines ==== */

static void free_stages(Interp *I, Stage **s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i]) s[i]->free(I, s[i]);
}

static Status run_stages(Interp *I, Stage **s, int n)
{
    Status st = ST_OK;
    for (int i = 0; i < n && !st; i++)
        st = phase(I, s[i], PH_BEGIN, val_null(), 0);
    if (!st) st = phase(I, s[0], PH_PROCESS, val_null(), 0);
    for (int i = 0; i < n && (!st || st == ST_STOP); i++) /* upstream stop: pipeline.h */
        if (pipe_stop_resumes(I, &st, &s[i]->pipe)) st = phase(I, s[i], PH_END, val_null(), 0);
    return st;
}

static int is_null_target(Node *t)
{
    return t && t->kind == AST_VARIABLE && str_icmp(t->str, "null") == 0;
}

/* A file redirection target: its path as a string. */
static Status redirect_file(Interp *I, Node *e, int append, Pipe **res, Stage *owner)
{
    Value t;
    Status st = eval_expr(I, e->a, &t);
    if (st) return st;
    Value s = convert_to_string(t, NULL);
    val_unref(t);
    *res = stream_file_open(I, val_str_data(s), append, e, &st);
    val_unref(s);
    if (*res) owner->files[owner->nfiles++] = *res;
    return st;
}

/* Redirections of one pipeline element, applied to stage s before it is built: output and
 * files first, then n>&1 merges into the (possibly redirected) output.  *out: the stage's
 * output pipe. */
static Status redirects(Interp *I, Node *e, Pipe **out, Stage *s)
{
    for (Node *r = e; r; r = r->next) {
        if (r->kind != AST_REDIRECT || (r->flags & NF_MERGE)) continue;
        Pipe *p = pipe_null();
        if (!is_null_target(r->a) && s->nfiles < 8) {
            Status st = redirect_file(I, r, (r->flags & NF_APPEND) != 0, &p, s);
            if (st) return st;
        }
        if (r->op <= 1) *out = p;
        if (r->op == 0 || r->op == 2) s->err = p;
        for (int k = 3; k < 7; k++)
            if (r->op == 0 || r->op == k) s->rd[k] = p;
    }
    for (Node *r = e; r; r = r->next) {
        if (r->kind != AST_REDIRECT || !(r->flags & NF_MERGE)) continue;
        if (r->op == 0 || r->op == 2) s->err = *out;
        for (int k = 3; k < 7; k++)
            if (r->op == 0 || r->op == k) s->rd[k] = *out;
    }
    return ST_OK;
}

static CmdCtx *native_ctx(Stage *s)
{
    if (s->begin != cmd_begin) return NULL;
    CmdCtx *c = &((CmdStage *)s)->c;
    return extcmd_is(c->def) && !s->tee ? c : NULL;
}

/* native | native: one run with OS pipes between the programs (right to left, so a chain of
 * three ends up in the first). */
static void join_natives(Stage **s, int k)
{
    for (int i = k - 2; i >= 0; i--) {
        CmdCtx *l = native_ctx(s[i]), *r = native_ctx(s[i + 1]);
        if (l && r && !s[i]->nfiles && !s[i + 1]->nfiles) extcmd_chain(l, r);
    }
}

/* Store what -OutVariable/-ErrorVariable/... collected ("+name" appends). */
static void set_common_vars(Interp *I, Stage *s)
{
    for (int i = 1; i < 7; i++) {
        if (!s->var[i]) continue;
        const char *name = s->var[i];
        Value got = i == 1 ? s->tee->items : s->got[i];
        Value v = val_ref(got);
        if (*name == '+') {
            Value old = eval_var_get(I, name + 1, strlen(name + 1));
            val_unref(v);
            v = val_is_null(old) ? val_ref(got) : arr_concat(old, got);
            val_unref(old);
            name++;
        }
        eval_var_set(I, name, strlen(name), v);
        val_unref(v);
    }
}

/* The stage a pipeline element runs as, with its redirections. */
static Status element_stage(Interp *I, Node *e, int piped, Pipe *down, Stage **res)
{
    Stage io;
    memset(&io, 0, sizeof io);
    stage_init(&io);
    Pipe *out = down;
    Status st = redirects(I, e->kind == AST_CMDEXPR ? e->b : e->a, &out, &io);
    if (!st && e->kind == AST_CMDEXPR)
        *res = expr_stage(e, out);
    else if (!st)
        st = command_stage(I, e, piped, out, res);
    if (st) {
        stage_release(I, &io);
        return st;
    }
    Stage *s = *res;
    s->err = io.err;
    memcpy(s->rd, io.rd, sizeof io.rd);
    memcpy(s->files, io.files, sizeof io.files);
    s->nfiles = io.nfiles;
    return ST_OK;
}

Status eval_pipeline(Interp *I, Node *n, Pipe *out)
{
    enum { SHORT = 8 }; /* most pipelines: no allocation for the stage lists */
    Stage *s_short[SHORT] = {0};
    Node *elem_short[SHORT];
    int k = ast_count(n->a), i = k;
    Stage **s = k <= SHORT ? s_short : xcalloc((size_t)k, sizeof(Stage *));
    Node **elem = k <= SHORT ? elem_short : xcalloc((size_t)k, sizeof(Node *));
    Status st = ST_OK;
    for (Node *e = n->a; e; e = e->next)
        elem[k - i--] = e;
    Pipe *down = out;
    for (i = k - 1; i >= 0 && !st; i--) {
        st = element_stage(I, elem[i], i > 0, down, &s[i]);
        if (!st) down = &s[i]->pipe;
    }
    if (elem != elem_short) free(elem);
    if (!st) join_natives(s, k);
    if (!st) st = run_stages(I, s, k);
    for (i = 0; i < k; i++)
        if (s[i]) set_common_vars(I, s[i]);
    free_stages(I, s, k);
    if (s != s_short) free(s);
    return st;
}

/* ================================================================ functions ==== */

Status eval_function_def(Interp *I, Node *n)
{
    Node *sb = n->a;
    Value v = scriptblock_new(I->prog, sb, sb->str, sb->str ? sb->len : 0);
    const char *name = n->str;
    size_t len = n->len;
    Scope *s = I->cur;
    const char *colon = memchr(name, ':', len);
    if (colon) {
        size_t ql = (size_t)(colon - name);
        if (ql == 6 && str_nicmp(name, "global", 6) == 0)
            s = I->global;
        else if (ql == 6 && str_nicmp(name, "script", 6) == 0)
            s = scope_script(I->cur);
        len -= ql + 1;
        name = colon + 1;
    }
    scope_func_define(s, name, len, v, (n->flags & NF_FILTER) ? VF_FILTER : 0);
    val_unref(v);
    return ST_OK;
}
