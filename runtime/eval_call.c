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
#include "runtime/extcmd.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"
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
};

typedef struct TeePipe {
    Pipe pipe;
    Pipe *next;
    Value items; /* object[] */
} TeePipe;

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

/* Run one phase of a stage with its redirections and common parameters in force. */
static Status phase(Interp *I, Stage *s, Phase ph, Value v, int has_input)
{
    IOSave sv;
    io_enter(I, s, &sv);
    Status st = ph == PH_BEGIN     ? s->begin(I, s)
                : ph == PH_PROCESS ? s->process(I, s, v, has_input)
                                   : s->end(I, s);
    io_leave(I, &sv);
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
}

static Status tee_put(Interp *I, Pipe *p, Value v)
{
    TeePipe *t = (TeePipe *)p;
    arr_push(t->items, v);
    return pipe_put(I, t->next, v);
}

/* -OutVariable: the stage's output passes through a tee that keeps a copy. */
static Pipe *stage_out(Stage *s, Pipe *out)
{
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

/* Parameters of a script block, read from its param() block. */
typedef struct ParamList {
    int advanced; /* [CmdletBinding()] or a [Parameter()]: no $args, common parameters */
    ParamSpec *spec;
    Node **dflt; /* default value expressions (NULL when none) */
    int n;
} ParamList;

static void attr_param(Node *attr, ParamSpec *p, int *explicit_pos)
{
    for (Node *na = attr->b; na; na = na->next) {
        if (str_icmp(na->str, "Position") == 0 && na->a && na->a->kind == AST_NUMBER) {
            p->position = (int)na->a->num.v.i;
            *explicit_pos = 1;
        } else if (str_icmp(na->str, "ValueFromPipeline") == 0) {
            p->flags |= PS_PIPELINE;
        } else if (str_icmp(na->str, "Mandatory") == 0) {
            p->flags |= PS_MANDATORY;
        } else if (str_icmp(na->str, "ValueFromRemainingArguments") == 0) {
            p->flags |= PS_REMAINING;
        }
    }
}

static void param_type(Node *t, ParamSpec *p)
{
    size_t len = t->len;
    p->is_array = len > 2 && t->str[len - 2] == '[';
    TypeId id = type_lookup(t->str, p->is_array ? len - 2 : len);
    if (id == TY_SWITCH) p->flags |= PS_SWITCH;
    p->type = id == TY_OTHER ? TY_OBJECT : id;
}

static void params_of(Node *sb, ParamList *pl)
{
    Node *pb = sb->a;
    pl->n = pb ? ast_count(pb->a) : 0;
    pl->spec = xcalloc((size_t)pl->n + 1, sizeof(ParamSpec));
    pl->dflt = xcalloc((size_t)pl->n + 1, sizeof(Node *));
    for (Node *at = pb ? pb->b : NULL; at; at = at->next)
        if (at->kind == AST_ATTRIBUTE && str_icmp(at->str, "CmdletBinding") == 0) pl->advanced = 1;
    int i = 0, explicit_pos = 0;
    for (Node *p = pb ? pb->a : NULL; p; p = p->next, i++) {
        ParamSpec *ps = &pl->spec[i];
        *ps = (ParamSpec){p->str, NULL, TY_OBJECT, 0, -1, 0};
        for (Node *at = p->a; at; at = at->next) {
            if (at->kind == AST_TYPE)
                param_type(at, ps);
            else if (at->kind == AST_ATTRIBUTE && str_icmp(at->str, "Parameter") == 0)
                attr_param(at, ps, &explicit_pos), pl->advanced = 1;
            else if (at->kind == AST_ATTRIBUTE && str_icmp(at->str, "Alias") == 0 && at->a &&
                     at->a->kind == AST_STRING)
                ps->alias = at->a->str;
        }
        pl->dflt[i] = p->b;
    }
    for (i = 0; i < pl->n && !explicit_pos; i++)
        if (!(pl->spec[i].flags & PS_SWITCH)) pl->spec[i].position = i;
}

static void params_free(ParamList *pl)
{
    free(pl->spec);
    free(pl->dflt);
}

struct FuncStage {
    Stage st;
    Value sb;         /* the ScriptBlock (owned) */
    const char *name; /* command name for errors (borrowed from the AST) or NULL */
    int dot, entered, filter;
    int script;                              /* a .ps1 file: gets a script scope */
    Scope *scope;                            /* the invocation's scope (NULL until begin) */
    Node *blk_begin, *blk_process, *blk_end; /* STATEMENTS */
    Node *blk_clean;                         /* clean { }: always last, output discarded */
    ParamList pl;
    Value *vals; /* bound parameter values (owned), per pl.spec */
    unsigned char *bound;
    Value extra;        /* leftover arguments: $args (owned) */
    Value input;        /* collected input for $input (object[]) */
    Program *site_prog; /* the caller's program (holds st.node), borrowed */
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

static Status bind_defaults(Interp *I, FuncStage *f, Value *vals, unsigned char *bound)
{
    Scope *saved = I->cur;
    Program *sp = I->prog;
    I->cur = f->scope;
    I->prog = scriptblock_program(f->sb);
    Status st = ST_OK;
    Value bp = ht_new(0);
    for (int i = 0; i < f->pl.n && !st; i++) {
        ParamSpec *ps = &f->pl.spec[i];
        Value v = vals[i];
        if (bound[i]) {
            Value k = val_str(ps->name);
            ht_set(bp, k, v);
            val_unref(k);
        } else if (f->pl.dflt[i]) {
            if ((st = eval_expr(I, f->pl.dflt[i], &v))) break;
            Value c;
            if (ps->type != TY_OBJECT && convert_to(v, ps->type, ps->is_array, &c, NULL) == 0)
                val_unref(v), v = c;
        } else if (ps->type != TY_OBJECT && convert_to(v, ps->type, ps->is_array, &v, NULL)) {
            v = val_null();
        }
        eval_var_set(I, ps->name, strlen(ps->name), v.kind == VAL_AUTONULL ? val_null() : v);
        if (!bound[i]) val_unref(v);
    }
    if (!st) eval_var_set(I, "PSBoundParameters", 17, bp);
    val_unref(bp);
    I->cur = saved;
    I->prog = sp;
    return st;
}

static Status bind_params(Interp *I, FuncStage *f)
{
    Status st = bind_defaults(I, f, f->vals, f->bound);
    if (!st) var_set(scope_define(f->scope, "args", 4), f->extra);
    return st;
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
    f->scope = f->dot ? I->cur : scope_new(I->cur, f->script);
    closure_vars(f->scope, scriptblock_closure(f->sb));
    if (f->script) eval_script_paths(f->scope, prog_file(scriptblock_program(f->sb)));
    if ((st = bind_params(I, f))) return st;
    return run_block(I, f, f->blk_begin);
}

/* $_ and pipeline-bound parameters for one input object. */
static void set_item(Interp *I, FuncStage *f, Value v)
{
    var_set(scope_define(f->scope, "_", 1), v);
    for (int i = 0; i < f->pl.n; i++) {
        ParamSpec *ps = &f->pl.spec[i];
        if (!(ps->flags & PS_PIPELINE)) continue;
        Value c;
        if (convert_to(v, ps->type, ps->is_array, &c, NULL) == 0)
            var_set_take(scope_define(f->scope, ps->name, strlen(ps->name)), c);
    }
}

static int has_param(FuncStage *f, const char *name)
{
    for (int i = 0; i < f->pl.n; i++)
        if (str_icmp(f->pl.spec[i].name, name) == 0) return 1;
    return 0;
}

static Status func_process(Interp *I, Stage *s, Value v, int has_input)
{
    FuncStage *f = (FuncStage *)s;
    if (!f->blk_process) {
        if (has_input) arr_push(f->input, v);
        return ST_OK;
    }
    if (has_input) {
        set_item(I, f, v);
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
    if (!has_param(f, "input"))
        var_set_take(scope_define(f->scope, "input", 5), pipe_input_new(f->input));
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
    if (f->scope && !f->dot) scope_free(f->scope);
    for (int i = 0; i < f->pl.n; i++)
        val_unref(f->vals[i]);
    free(f->vals);
    free(f->bound);
    val_unref(f->extra);
    params_free(&f->pl);
    val_unref(f->sb);
    val_unref(f->input);
    stage_release(I, s);
    free(f);
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

static int common_params(BindArg *args, int nargs, Stage *s);

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

/* A stage running script block sb with args bound now (args stay the caller's). */
static Status func_stage(Interp *I, Value sb, const char *name, int dot, int filter, BindArg *args,
                         int nargs, Node *site, Pipe *out, Stage **res)
{
    FuncStage *f = xcalloc(1, sizeof(FuncStage));
    f->st = (Stage){{stage_put}, out,  func_begin, func_process, func_end,
                    func_free,   site, NULL,       .ea = -1};
    stage_init(&f->st);
    f->sb = val_ref(sb);
    f->name = name;
    f->site_prog = I->prog;
    f->dot = dot;
    f->filter = filter;
    f->input = arr_new(TY_OBJECT, 0);
    f->extra = val_null();
    Node *n = scriptblock_node(sb);
    params_of(n, &f->pl);
    find_blocks(f, n);
    f->vals = xcalloc((size_t)f->pl.n + 1, sizeof(Value));
    f->bound = xcalloc((size_t)f->pl.n + 1, 1);
    nargs = strip_dashdash(args, nargs);
    if (f->pl.advanced) nargs = common_params(args, nargs, &f->st);
    f->st.out = stage_out(&f->st, out);
    Status st = cmd_bind(I, f->pl.spec, f->pl.n, args, nargs, f->vals, f->bound,
                         f->pl.advanced ? NULL : &f->extra, name ? name : "", site);
    if (st) {
        func_free(I, &f->st);
        return st;
    }
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
    Status st = func_stage(I, sb, NULL, dot, 0, args, nargs, scriptblock_node(sb), out, &s);
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
} CmdStage;

static Status cmd_begin(Interp *I, Stage *s)
{
    CmdCtx *c = &((CmdStage *)s)->c;
    c->phase = CMD_BEGIN;
    return c->def->handler(c);
}

static Status cmd_process(Interp *I, Stage *s, Value v, int has_input)
{
    CmdCtx *c = &((CmdStage *)s)->c;
    c->phase = CMD_PROCESS;
    c->input = v;
    c->has_input = has_input;
    Status st = c->def->handler(c);
    c->input = val_null();
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
    CmdCtx *c = &((CmdStage *)s)->c;
    for (int i = 0; i < c->def->nparams; i++)
        val_unref(c->arg[i]);
    free(c->arg);
    free(c->bound);
    val_unref(c->state);
    val_unref(c->rawargs);
    free((char *)c->name);
    if (c->priv_free) c->priv_free(c->priv);
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

/* The common parameters every cmdlet accepts: X(name, alias, is switch). */
static const struct {
    const char *name, *alias;
    int sw;
} common[] = {
    {"ErrorAction", "ea", 0},         {"WarningAction", "wa", 0}, {"InformationAction", "infa", 0},
    {"ProgressAction", "proga", 0},   {"ErrorVariable", "ev", 0}, {"WarningVariable", "wv", 0},
    {"InformationVariable", "iv", 0}, {"OutVariable", "ov", 0},   {"OutBuffer", "ob", 0},
    {"PipelineVariable", "pv", 0},    {"Verbose", "vb", 1},       {"Debug", "db", 1},
};

static int common_index(const BindArg *a)
{
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
        if (str_ieq_slice(a->name, a->nlen, common[i].name) ||
            str_ieq_slice(a->name, a->nlen, common[i].alias))
            return (int)i;
    return -1;
}

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

/* Which stream's action / variable each common parameter sets: {action stream, var slot}. */
static const signed char common_slot[][2] = {
    {2, -1}, {3, -1}, {6, -1},  {-1, -1}, {-1, 2}, {-1, 3},
    {-1, 6}, {-1, 1}, {-1, -1}, {-1, -1}, {4, -1}, {5, -1},
};

static void common_apply(Stage *s, int k, Value v, int has_val)
{
    int stream = common_slot[k][0], slot = common_slot[k][1];
    if (common[k].sw) {
        s->act[stream] = !has_val || convert_truthy(v) ? EA_CONTINUE : EA_SILENT;
    } else if (stream == 2) {
        s->ea = parse_action(v);
    } else if (stream > 0) {
        s->act[stream] = parse_action(v);
    } else if (slot > 0) {
        Value n = convert_to_string(v, NULL);
        free(s->var[slot]);
        s->var[slot] = xstrdup(val_str_data(n));
        val_unref(s->got[slot]);
        s->got[slot] = arr_new(TY_OBJECT, 0);
        val_unref(n);
    }
}

/* Take the common parameters out of args and apply them to stage s; returns the new count.
 * The removed entries' values are released by the caller's args_free, so they are moved to
 * the end rather than freed here. */
static int common_params(BindArg *args, int nargs, Stage *s)
{
    int j = 0;
    BindArg *moved = xcalloc((size_t)nargs + 1, sizeof(BindArg));
    int nmoved = 0;
    for (int i = 0; i < nargs; i++) {
        int k = args[i].name ? common_index(&args[i]) : -1;
        if (k < 0) {
            args[j++] = args[i];
            continue;
        }
        Value v = args[i].val;
        int has = args[i].has_val;
        moved[nmoved++] = args[i];
        if (!has && !common[k].sw && i + 1 < nargs && !args[i + 1].name)
            v = args[i + 1].val, has = 1, moved[nmoved++] = args[++i];
        common_apply(s, k, v, has);
    }
    for (int i = 0; i < nmoved; i++)
        args[j + i] = moved[i];
    free(moved);
    return j;
}

static Status cmdlet_stage(Interp *I, const CmdDef *def, const char *name, BindArg *args, int nargs,
                           Node *site, Pipe *out, Stage **res)
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
    c->arg = xcalloc((size_t)def->nparams + 1, sizeof(Value));
    c->bound = xcalloc((size_t)def->nparams + 1, 1);
    nargs = strip_dashdash(args, nargs);
    nargs = common_params(args, nargs, &cs->st);
    c->out = stage_out(&cs->st, out);
    Status st = cmd_bind(I, def->params, def->nparams, args, nargs, c->arg, c->bound, NULL,
                         def->name, site);
    if (st) {
        cmd_free(I, &cs->st);
        return st;
    }
    *res = &cs->st;
    return ST_OK;
}

/* ================================================================ arguments ==== */

typedef struct ArgList {
    BindArg *item;
    int len, cap;
    Value names; /* splatted key strings the items' names point into (object[] or $null) */
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
            args_push(l, NULL, 0, arr_get(v, i), 1, n);
    } else if (!val_is_null(v)) {
        args_push(l, NULL, 0, val_ref(v), 1, n);
    }
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
    FILE *fp = fopen(path, "rb");
    *found = fp != NULL;
    if (!fp) return ST_OK;
    StrBuf text = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sb_append(&text, buf, n);
    fclose(fp);
    Program *p = parse_program(text.buf ? text.buf : "", text.len, path);
    sb_free(&text);
    Status st = prog_nerrors(p) ? script_parse_error(I, p) : ST_OK;
    if (!st) {
        Value sb = scriptblock_new(p, prog_root(p), NULL, 0);
        st = func_stage(I, sb, NULL, cmd->op == TOK_DOT, 0, args->item, args->len, cmd, out, res);
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
        return func_stage(I, target, NULL, dot, 0, args->item, args->len, cmd, out, res);
    Value s = convert_to_string(target, NULL);
    const char *name = val_str_data(s);
    unsigned flags;
    Value fn = scope_func_lookup(I->cur, name, val_str_len(s), &flags);
    const CmdDef *def;
    Status st = ST_OK;
    int found = 0;
    if (fn.kind != VAL_NULL) {
        st = func_stage(I, fn, cmd->a->kind == AST_STRING ? cmd->a->str : NULL, dot,
                        (flags & VF_FILTER) != 0, args->item, args->len, cmd, out, res);
    } else if ((def = cmd_find(I, name, val_str_len(s)))) {
        st = cmdlet_stage(I, def, name, args->item, args->len, cmd, out, res);
    } else if (is_script_path(name, val_str_len(s)) &&
               ((st = script_stage(I, cmd, name, args, out, res, &found)) || found)) {
        /* ran (or failed to parse) a script file */
    } else if (I->native && (def = I->native(I, name, val_str_len(s)))) {
        st = cmdlet_stage(I, def, name, args->item, args->len, cmd, out, res);
    } else {
        st = not_found(I, cmd->a, name);
    }
    val_unref(s);
    return st;
}

static Status command_stage(Interp *I, Node *cmd, Pipe *out, Stage **res)
{
    Value target;
    Node *name = cmd->a;
    Status st = name->kind == AST_STRING ? (target = val_str_n(name->str, name->len), ST_OK)
                                         : eval_expr(I, name, &target);
    if (st) return st;
    ArgList l = {NULL, 0, 0, val_null()};
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
    free(s);
}

static Status run_stages(Interp *I, Stage **s, int n)
{
    Status st = ST_OK;
    for (int i = 0; i < n && !st; i++)
        st = phase(I, s[i], PH_BEGIN, val_null(), 0);
    if (!st) st = phase(I, s[0], PH_PROCESS, val_null(), 0);
    for (int i = 0; i < n && !st; i++)
        st = phase(I, s[i], PH_END, val_null(), 0);
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
static Status element_stage(Interp *I, Node *e, Pipe *down, Stage **res)
{
    Stage io;
    memset(&io, 0, sizeof io);
    stage_init(&io);
    Pipe *out = down;
    Status st = redirects(I, e->kind == AST_CMDEXPR ? e->b : e->a, &out, &io);
    if (!st && e->kind == AST_CMDEXPR)
        *res = expr_stage(e, out);
    else if (!st)
        st = command_stage(I, e, out, res);
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
    int k = ast_count(n->a), i = k;
    Stage **s = xcalloc((size_t)k, sizeof(Stage *));
    Node **elem = xcalloc((size_t)k, sizeof(Node *));
    Status st = ST_OK;
    for (Node *e = n->a; e; e = e->next)
        elem[k - i--] = e;
    Pipe *down = out;
    for (i = k - 1; i >= 0 && !st; i--) {
        st = element_stage(I, elem[i], down, &s[i]);
        if (!st) down = &s[i]->pipe;
    }
    free(elem);
    if (!st) join_natives(s, k);
    if (!st) st = run_stages(I, s, k);
    for (i = 0; i < k; i++)
        if (s[i]) set_common_vars(I, s[i]);
    free_stages(I, s, k);
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
