/*
** eval_stmt: statements, statement lists (where statement-terminating errors are reported
** and execution resumes, unless a try/trap is active), loops with labels, switch, try/catch/
** finally, trap, throw/return/exit/break/continue, and the error helpers.
*/
#include "runtime/eval.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/background.h"
#include "runtime/error.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/runloc.h"
#include "runtime/scriptblock.h"
#include "runtime/wildcard.h"

/* A pending stop request (Ctrl+C, Stop-Job; interp.h): one relaxed atomic load, cheap enough
 * for every statement and loop back-edge. */
#define STOP_REQUESTED(I) atomic_load_explicit(&(I)->stop_req, memory_order_relaxed)

/* ================================================================ errors ==== */

Status eval_throw_rec(Interp *I, Value rec, int fatal)
{
    val_unref(I->error);
    I->error = rec;
    I->error_fatal = fatal;
    return ST_THROW;
}

Status eval_fail(Interp *I, Node *site, ExcKind exc, const char *id, const char *fmt, ...)
{
    StrBuf sb = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    ErrInit e = {.msg = sb_str(&sb),
                 .id = id,
                 .exc = EXC_RUNTIME,
                 .inner = exc,
                 .cat = ERRCAT_INVALIDOPERATION,
                 .prog = site ? I->prog : NULL,
                 .start = site ? site->start : 0,
                 .end = site ? site->end : 0};
    if (exc == EXC_CMDNOTFOUND || exc == EXC_PARAMBIND || exc == EXC_CALLDEPTH || exc == EXC_METHOD)
        e.exc = exc;
    Value rec = errrec_new(&e);
    sb_free(&sb);
    return eval_throw_rec(I, rec, exc == EXC_CALLDEPTH);
}

Status eval_fail_conv(Interp *I, Node *site, const ConvError *ce)
{
    return eval_throw_rec(I, errrec_from_conv(ce, I->prog, site->start, site->end), 0);
}

void eval_clear_error(Interp *I)
{
    val_unref(I->error);
    I->error = val_null();
    I->error_fatal = 0;
}

#define MAX_ERRORS 256 /* $MaximumErrorCount: the oldest records are dropped */

/* Put rec first in $Error (newest first, as pwsh's ArrayList), dropping the oldest. */
static void remember(Interp *I, Value rec)
{
    arr_insert(I->errors, 0, rec);
    arr_truncate(I->errors, MAX_ERRORS);
}

ErrAction eval_error_action(Interp *I)
{
    static const char *const names[] = {"Continue", "SilentlyContinue", "Stop", "Ignore"};
    if (I->ea_override >= 0) return (ErrAction)I->ea_override;
    Var *v = scope_lookup(I->cur, "ErrorActionPreference", 21);
    if (!v || !val_is_str(var_value(v))) return EA_CONTINUE;
    for (int i = 0; i < 4; i++)
        if (str_icmp(val_str_data(var_value(v)), names[i]) == 0) return (ErrAction)i;
    return EA_CONTINUE;
}

void eval_report(Interp *I, Value rec)
{
    ErrAction ea = eval_error_action(I);
    I->last_ok = 0;
    I->nreported++;
    if (ea == EA_IGNORE) return;
    if (I->sink[2].kind != VAL_NULL) arr_push(I->sink[2], rec);
    remember(I, rec);
    if (ea == EA_SILENT) return;
    if (I->err_pipe) {
        I->err_pipe->put(I, I->err_pipe, rec);
        return;
    }
    StrBuf sb = {0};
    eval_render_error(I, rec, &sb);
    I->err_fn(I->err_ctx, sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
}

void eval_render_error(Interp *I, Value rec, StrBuf *out)
{
    Program *p;
    uint32_t start, end;
    errrec_site(rec, &p, &start, &end);
    ErrorSite site = {p, start, end};
    ErrorView v = {errrec_reason(rec), errrec_message(rec), p && !I->err_oneline ? &site : NULL,
                   I->err_color && !I->err_pipe, 0};
    error_format_view(out, &v);
}

Status eval_enter(Interp *I, Node *site)
{
    if (STOP_REQUESTED(I)) return ST_STOP;
    char here;
    uintptr_t used = (uintptr_t)I->stack_base - (uintptr_t)&here;
    if (++I->depth > EVAL_MAX_DEPTH || used > I->stack_limit) {
        I->depth--;
        return eval_fail(I, site, EXC_CALLDEPTH, "CallDepthOverflow",
                         "The script failed due to call depth overflow.");
    }
    return ST_OK;
}

void eval_leave(Interp *I)
{
    I->depth--;
}

/* ================================================================ helpers ==== */

Status eval_collect(Interp *I, Node *n, Value *out)
{
    if (n->kind >= AST_BINARY) return eval_expr(I, n, out);
    if (n->kind == AST_ASSIGN) return eval_assign(I, n, out); /* while ($l = ...) */
    Collector c;
    collector_init(&c);
    Status st = eval_stmt(I, n, &c.pipe);
    if (st) return collector_free(&c), st;
    *out = collector_take(&c);
    return ST_OK;
}

/* A loop's condition runs once per iteration: what it reads from shared containers is let go
 * each time, not when the loop statement ends. */
static Status eval_cond(Interp *I, Node *n, int *truth)
{
    size_t kept = val_keep_mark();
    Value v;
    Status st = eval_collect(I, n, &v);
    if (!st) *truth = convert_truthy(v);
    if (!st) val_unref(v);
    val_keep_release(kept);
    return st;
}

/* What a loop does with its body's status. */
typedef enum LoopCtl { LC_NEXT, LC_STOP, LC_OUT } LoopCtl;

static LoopCtl jump_ctl(Interp *I, Status *st, const char *label)
{
    if (*st != ST_BREAK && *st != ST_CONTINUE) return *st ? LC_OUT : LC_NEXT;
    if (I->label && (!label || str_icmp(I->label, label) != 0)) return LC_OUT;
    free(I->label);
    I->label = NULL;
    LoopCtl c = *st == ST_BREAK ? LC_STOP : LC_NEXT;
    *st = ST_OK;
    return c;
}

/* The same, and every back-edge looks for a stop request (`while ($true) {}` has no statement
 * boundary to check at). */
static LoopCtl loop_ctl(Interp *I, Status *st, const char *label)
{
    LoopCtl c = jump_ctl(I, st, label);
    if (c != LC_NEXT || !STOP_REQUESTED(I)) return c;
    *st = ST_STOP;
    return LC_OUT;
}

/* $_ for switch clauses and catch blocks: set in the current scope, old value restored. */
static Value push_dollar(Interp *I, Value v)
{
    Var *var = scope_define(I->cur, "_", 1);
    Value old = val_ref(var_value(var));
    var_set(var, v);
    return old;
}

static void pop_dollar(Interp *I, Value old)
{
    var_set_take(scope_define(I->cur, "_", 1), old);
}

/* ================================================================ lists ==== */

static Node *find_trap(Value rec, Node *traps)
{
    for (Node *t = traps; t; t = t->next)
        if (t->a && errrec_matches(rec, t->a->str, t->a->len)) return t;
    for (Node *t = traps; t; t = t->next)
        if (!t->a) return t;
    return NULL;
}

/* A trap handles the pending error: ST_OK to resume, or the status to return. */
static Status run_trap(Interp *I, Node *trap, Pipe *out)
{
    Value rec = I->error;
    I->error = val_null();
    Value old = push_dollar(I, rec);
    Status st = eval_stmts(I, trap->b, out);
    pop_dollar(I, old);
    if (st == ST_CONTINUE || st == ST_OK) {
        if (st == ST_OK) eval_report(I, rec);
        free(I->label);
        I->label = NULL;
        val_unref(rec);
        return ST_OK;
    }
    if (st == ST_BREAK) return eval_throw_rec(I, rec, 1);
    val_unref(rec);
    return st;
}

/* Statement-terminating errors are reported here and the next statement runs, unless a try
 * or trap up the call stack wants them (language.md 5.4). */
static Status on_error(Interp *I, Node *stmts, Pipe *out)
{
    Node *trap = stmts->b ? find_trap(I->error, stmts->b) : NULL;
    if (trap) return run_trap(I, trap, out);
    if (I->error_fatal || I->try_depth > 0) return ST_THROW;
    if (eval_error_action(I) == EA_STOP) {
        I->error_fatal = 1;
        return ST_THROW;
    }
    Value rec = I->error;
    I->error = val_null();
    eval_report(I, rec);
    val_unref(rec);
    return ST_OK;
}

Status eval_stmts(Interp *I, Node *stmts, Pipe *out)
{
    if (!stmts) return ST_OK;
    int traps = stmts->b != NULL;
    I->try_depth += traps;
    Status st = ST_OK;
    for (Node *s = stmts->a; s; s = s->next) {
        unsigned long nerr = I->nreported;
        I->native_ok = 1;
        if (STOP_REQUESTED(I)) {
            st = ST_STOP;
            break;
        }
        size_t kept = val_keep_mark(); /* what a statement read from shared containers */
        st = eval_stmt(I, s, out);
        val_keep_release(kept);
        if (st == ST_THROW) st = on_error(I, stmts, out);
        if (st) break;
        I->last_ok = I->nreported == nerr && I->native_ok;
    }
    I->try_depth -= traps;
    return st;
}

/* ================================================================ control ==== */

static Status eval_if(Interp *I, Node *n, Pipe *out)
{
    for (Node *c = n->a; c; c = c->next) {
        int t;
        Status st = eval_cond(I, c->a, &t);
        if (st) return st;
        if (t) return eval_stmts(I, c->b, out);
    }
    return n->b ? eval_stmts(I, n->b, out) : ST_OK;
}

static Status eval_while(Interp *I, Node *n, Pipe *out)
{
    for (;;) {
        int t;
        Status st = eval_cond(I, n->a, &t);
        if (st || !t) return st;
        st = eval_stmts(I, n->c, out);
        LoopCtl c = loop_ctl(I, &st, n->str);
        if (c != LC_NEXT) return st;
    }
}

static Status eval_do(Interp *I, Node *n, Pipe *out, int until)
{
    for (;;) {
        Status st = eval_stmts(I, n->c, out);
        LoopCtl c = loop_ctl(I, &st, n->str);
        if (c != LC_NEXT) return st;
        int t;
        if ((st = eval_cond(I, n->a, &t))) return st;
        if (t == until) return ST_OK;
    }
}

static Status eval_for(Interp *I, Node *n, Pipe *out)
{
    Node *head = n->a;
    Status st = head->a ? eval_stmt(I, head->a, out) : ST_OK;
    while (!st) {
        int t = 1;
        if (head->b && ((st = eval_cond(I, head->b, &t)) || !t)) return st;
        st = eval_stmts(I, n->c, out);
        LoopCtl c = loop_ctl(I, &st, n->str);
        if (c != LC_NEXT) return st;
        if (n->b) st = eval_stmt(I, n->b, pipe_null());
    }
    return st;
}

/* $foreach: the loop's enumerator (Current; MoveNext is not supported). */
typedef struct LoopEnum {
    Obj obj;
    Value cur;   /* Current */
    Value items; /* the array being walked (object[]) or $null (ranges, scalars) */
    long pos;    /* index of Current in items; -1 before the first */
} LoopEnum;

static void enum_free(Obj *o)
{
    val_unref(((LoopEnum *)o)->cur);
    val_unref(((LoopEnum *)o)->items);
}

static int enum_get(Value self, const char *name, size_t len, Value *out)
{
    if (!str_ieq_slice(name, len, "Current")) return 0;
    *out = val_ref(((LoopEnum *)self.as.o)->cur);
    return 1;
}

static const ObjClass cls_loopenum = {.name = "SZArrayEnumerator",
                                      .full_name = "System.SZArrayEnumerator",
                                      .type = TY_OTHER,
                                      .free = enum_free,
                                      .get_prop = enum_get};

/* $foreach.MoveNext() / .Reset() (arrays only: a range or a scalar has nothing to skip). */
int eval_enum_method(Value obj, const char *name, size_t len, Value *out)
{
    if (!val_is(obj, &cls_loopenum)) return 0;
    LoopEnum *e = (LoopEnum *)obj.as.o;
    size_t n = val_is_array(e->items) ? arr_len(e->items) : 0;
    if (str_ieq_slice(name, len, "MoveNext")) {
        if (e->pos < (long)n) e->pos++;
        val_unref(e->cur);
        e->cur = e->pos < (long)n ? arr_get(e->items, (size_t)e->pos) : val_null();
        *out = val_bool(e->pos < (long)n);
        return 1;
    }
    if (str_ieq_slice(name, len, "Reset")) {
        e->pos = -1;
        val_unref(e->cur);
        e->cur = val_null();
        *out = val_autonull();
        return 1;
    }
    return 0;
}

/* Walk array v through enumerator e, so MoveNext/Reset in the body skip or restart. */
static Status enum_walk(Interp *I, LoopEnum *e, Value v,
                        LoopCtl (*step)(Interp *, Node *, void *, Value, Status *), Node *n,
                        void *ctx)
{
    Status st = ST_OK;
    Value keep = e ? e->items : val_null();
    if (!e) {
        for (size_t i = 0; i < arr_len(v) && !st; i++)
            if (step(I, n, ctx, arr_peek(v, i), &st) != LC_NEXT) break;
        return st;
    }
    e->items = val_ref(v);
    e->pos = -1;
    while (!st && ++e->pos < (long)arr_len(v))
        if (step(I, n, ctx, arr_peek(v, (size_t)e->pos), &st) != LC_NEXT) break;
    val_unref(e->items);
    e->items = keep;
    return st;
}

/* A new enumerator for $foreach (owned by the caller). */
static Value loop_enum(void)
{
    LoopEnum *e = (LoopEnum *)obj_alloc(&cls_loopenum, sizeof(LoopEnum));
    e->cur = val_null();
    e->items = val_null();
    e->pos = -1;
    return val_obj_take(&e->obj);
}

/* One foreach iteration: set the variable (and $foreach.Current), run the body. */
static LoopCtl foreach_step(Interp *I, Node *n, Var *var, Value item, Pipe *out, Status *st)
{
    var_set(var, item);
    LoopEnum *e = I->loop_enum;
    if (e) {
        val_unref(e->cur);
        e->cur = val_ref(item);
    }
    *st = eval_stmts(I, n->c, out);
    return loop_ctl(I, st, n->str);
}

static Status foreach_range(Interp *I, Node *n, Var *var, Pipe *out)
{
    int64_t lo, hi;
    int chars;
    Status st = eval_range_bounds(I, n->b, &lo, &hi, &chars);
    int64_t step = lo <= hi ? 1 : -1;
    for (int64_t i = lo; !st; i += step) {
        Value v = chars ? val_char((uint32_t)i) : val_int((int32_t)i);
        if (foreach_step(I, n, var, v, out, &st) != LC_NEXT || i == hi) break;
    }
    return st;
}

typedef struct ForeachCtx {
    Var *var;
    Pipe *out;
} ForeachCtx;

static LoopCtl foreach_walk_step(Interp *I, Node *n, void *ctx, Value item, Status *st)
{
    ForeachCtx *fc = ctx;
    return foreach_step(I, n, fc->var, item, fc->out, st);
}

static Status foreach_items(Interp *I, Node *n, Var *var, Pipe *out)
{
    Node *coll = n->b;
    if (coll->kind == AST_BINARY && coll->op == OP_RANGE) return foreach_range(I, n, var, out);
    Value v, rest;
    Status st = eval_collect(I, coll, &v);
    if (st || val_is_null(v)) return st;                   /* foreach over $null runs zero times */
    if (pipe_input_take(v, &rest)) val_unref(v), v = rest; /* foreach ($x in $input) */
    if (!val_is_array(v)) {
        foreach_step(I, n, var, v, out, &st);
    } else {
        ForeachCtx fc = {var, out};
        st = enum_walk(I, I->loop_enum, v, foreach_walk_step, n, &fc);
    }
    val_unref(v);
    return st;
}

static Status eval_foreach(Interp *I, Node *n, Pipe *out)
{
    struct LoopEnum *saved = I->loop_enum;
    Value e = loop_enum(), old = val_ref(var_value(scope_define(I->cur, "foreach", 7)));
    var_set(scope_define(I->cur, "foreach", 7), e);
    I->loop_enum = (LoopEnum *)e.as.o;
    Var *var = scope_define(I->cur, n->a->str, n->a->len);
    Status st = foreach_items(I, n, var, out);
    I->loop_enum = saved;
    var_set_take(scope_define(I->cur, "foreach", 7), old); /* the outer loop's, or $null */
    val_unref(e);
    return st;
}

/* ================================================================ switch ==== */

static int switch_regex(Interp *I, Node *sw, Value item, Value pat)
{
    Value p = convert_to_string(pat, NULL), s = convert_to_string(item, NULL);
    unsigned opts = (sw->flags & NF_CASESENS) ? RX_NONE : RX_IGNORECASE;
    char *err = NULL;
    Regex *re = rx_cache_get(I->rx, val_str_data(p), val_str_len(p), opts, &err);
    int hit = 0;
    if (re) {
        RxMatch m = {0};
        hit = rx_match(re, val_str_data(s), val_str_len(s), 0, &m, &err) > 0;
        if (hit) {
            Value h = ht_new(0);
            for (size_t i = m.ngroups; i-- > 0;) {
                if (m.group[i].start == RX_NOPOS) continue;
                const char *name = rx_group_name(re, i);
                Value k = name ? val_str(name) : val_int(rx_group_number(re, i));
                Value x = val_str_n(val_str_data(s) + m.group[i].start,
                                    m.group[i].end - m.group[i].start);
                ht_set(h, k, x);
                val_unref(k), val_unref(x);
            }
            eval_var_set(I, "Matches", 7, h);
            val_unref(h);
        }
        rx_match_free(&m);
        rx_unref(re);
    }
    free(err);
    val_unref(p), val_unref(s);
    return hit;
}

static int switch_wild(Node *sw, Value item, Value pat)
{
    Value p = convert_to_string(pat, NULL), s = convert_to_string(item, NULL);
    char *err = NULL;
    int hit = wildcard_match(val_str_data(p), val_str_len(p), val_str_data(s), val_str_len(s),
                             !(sw->flags & NF_CASESENS), &err) > 0;
    free(err);
    val_unref(p), val_unref(s);
    return hit;
}

/* Does clause condition c match item?  Script blocks are tested with $_ = item. */
static Status clause_test(Interp *I, Node *sw, Node *c, Value item, int *hit)
{
    Value pat;
    Status st = eval_expr(I, c, &pat);
    if (st) return st;
    int cs = (sw->flags & NF_CASESENS) != 0;
    if (val_is(pat, &cls_scriptblock)) {
        Collector col;
        collector_init(&col);
        st = eval_invoke_item(I, pat, item, &col.pipe);
        Value r = collector_take(&col);
        *hit = !st && convert_truthy(r);
        val_unref(r);
    } else if (sw->flags & NF_WILDCARD) {
        *hit = switch_wild(sw, item, pat);
    } else if (sw->flags & NF_REGEX) {
        *hit = switch_regex(I, sw, item, pat);
    } else if (val_is_str(item) || val_is_str(pat)) {
        Value a = convert_to_string(item, NULL), b = convert_to_string(pat, NULL);
        *hit = convert_equal(a, b, cs);
        val_unref(a), val_unref(b);
    } else {
        *hit = convert_equal(item, pat, cs);
    }
    val_unref(pat);
    return st;
}

/* A clause body ran with status st: break ends the switch, continue moves to the next item
 * (*done), a labelled break/continue for an outer loop passes through. */
static Status clause_done(Interp *I, Node *sw, Status st, int *stop, int *done)
{
    if (st != ST_BREAK && st != ST_CONTINUE) return st;
    Status kind = st;
    if (loop_ctl(I, &st, sw->str) == LC_OUT) return st;
    *stop = kind == ST_BREAK;
    *done = 1;
    return ST_OK;
}

/* Run the clauses for one subject item.  *stop: a break ended the whole switch. */
static Status switch_item(Interp *I, Node *sw, Value item, Pipe *out, int *stop)
{
    int any = 0, done = 0;
    for (Node *c = sw->b; c && !done; c = c->next) {
        int hit;
        Status st = clause_test(I, sw, c->a, item, &hit);
        if (st) return st;
        if (!hit) continue;
        any = 1;
        if ((st = clause_done(I, sw, eval_stmts(I, c->b, out), stop, &done))) return st;
    }
    if (!any && sw->c) return clause_done(I, sw, eval_stmts(I, sw->c, out), stop, &done);
    return ST_OK;
}

static Status switch_run(Interp *I, Node *n, Value item, Pipe *out, int *stop)
{
    LoopEnum *e = I->switch_enum;
    if (e) {
        val_unref(e->cur);
        e->cur = val_ref(item);
    }
    Value old = push_dollar(I, item);
    Status st = switch_item(I, n, item, out, stop);
    pop_dollar(I, old);
    return st;
}

/* switch -file: the file's lines (without "\n" or "\r\n") as an object[]. */
static Status switch_file(Interp *I, Node *n, Value *out)
{
    Value p;
    Status st = eval_expr(I, n->a, &p);
    if (st) return st;
    Value path = convert_to_string(p, NULL);
    val_unref(p);
    char *full = runloc_full(I, val_str_data(path)); /* the runspace's location */
    val_unref(path);
    FILE *fp = fopen(full, "rb");
    if (!fp)
        st = eval_fail(I, n->a, EXC_RUNTIME, "FileNotFound", "Could not find file '%s'.", full);
    free(full);
    if (!fp) return st;
    Value lines = arr_new(TY_OBJECT, 16);
    StrBuf line = {0};
    int ch;
    while ((ch = fgetc(fp)) != EOF) {
        if (ch != '\n') {
            sb_putc(&line, (char)ch);
            continue;
        }
        if (line.len && line.buf[line.len - 1] == '\r') line.len--;
        arr_push_take(lines, val_str_n(line.buf ? line.buf : "", line.len));
        sb_clear(&line);
    }
    if (line.len) arr_push_take(lines, val_str_n(line.buf, line.len));
    sb_free(&line);
    fclose(fp);
    *out = lines;
    return ST_OK;
}

static Status switch_subject(Interp *I, Node *n, Value *v)
{
    return (n->flags & NF_FILE) ? switch_file(I, n, v) : eval_collect(I, n->a, v);
}

static Status switch_values(Interp *I, Node *n, Pipe *out);

/* $switch is the enumerator of the running switch (Current), restored afterwards. */
static Status eval_switch(Interp *I, Node *n, Pipe *out)
{
    LoopEnum *saved = I->switch_enum;
    Value e = loop_enum(), old = val_ref(var_value(scope_define(I->cur, "switch", 6)));
    var_set(scope_define(I->cur, "switch", 6), e);
    I->switch_enum = (LoopEnum *)e.as.o;
    Status st = switch_values(I, n, out);
    I->switch_enum = saved;
    var_set_take(scope_define(I->cur, "switch", 6), old);
    val_unref(e);
    return st;
}

typedef struct SwitchCtx {
    Pipe *out;
    int *stop;
} SwitchCtx;

static LoopCtl switch_walk_step(Interp *I, Node *n, void *ctx, Value item, Status *st)
{
    SwitchCtx *sc = ctx;
    *st = switch_run(I, n, item, sc->out, sc->stop);
    return *st || *sc->stop ? LC_STOP : LC_NEXT;
}

static Status switch_values(Interp *I, Node *n, Pipe *out)
{
    Value v;
    Status st = switch_subject(I, n, &v);
    if (st || v.kind == VAL_AUTONULL) return st;
    int stop = 0;
    if (!val_is_array(v)) {
        st = switch_run(I, n, v, out, &stop);
    } else {
        SwitchCtx sc = {out, &stop};
        st = enum_walk(I, I->switch_enum, v, switch_walk_step, n, &sc);
    }
    val_unref(v);
    return st;
}

/* ================================================================ data ==== */

/* data [name] { ... }: the body's output, or assigned to $name.  The restricted language
 * (only literals, -SupportedCommand cmdlets) is not enforced. */
static Status eval_data(Interp *I, Node *n, Pipe *out)
{
    if (!n->str) return eval_stmts(I, n->b, out);
    Collector c;
    collector_init(&c);
    Status st = eval_stmts(I, n->b, &c.pipe);
    if (st) return collector_free(&c), st;
    Value v = collector_take(&c);
    eval_var_set(I, n->str, n->len, v.kind == VAL_AUTONULL ? val_null() : v);
    val_unref(v);
    return ST_OK;
}

/* ================================================================ try ==== */

/* The catch for the pending error.  A typed catch that matches the exception the error
 * wraps (FormatException inside MethodInvocationException) sees that inner exception as
 * $_.Exception, as pwsh's handler lookup does. */
static Node *find_catch(Interp *I, Node *catches)
{
    for (Node *c = catches; c; c = c->next) {
        if (!c->a) return c;
        for (Node *t = c->a; t; t = t->next) {
            if (!errrec_matches(I->error, t->str, t->len)) continue;
            Value inner = errrec_unwrap(I->error, t->str, t->len);
            if (!val_is_null(inner)) val_unref(I->error), I->error = inner;
            return c;
        }
    }
    return NULL;
}

static Status run_catch(Interp *I, Node *c, Pipe *out)
{
    Value rec = I->error, outer = I->catching;
    I->error = val_null();
    I->error_fatal = 0;
    I->catching = rec;
    Value old = push_dollar(I, rec);
    Status st = eval_stmts(I, c->b, out);
    pop_dollar(I, old);
    I->catching = outer;
    val_unref(rec);
    return st;
}

/* A stopping pipeline still runs finally blocks (about_Try_Catch_Finally: "A finally block
 * runs even if you use CTRL+C to stop the script"): the stop request is held back while the
 * block runs (a second Ctrl+C stops it), and so is an upstream stop in progress.  The block's
 * output is dropped, as pwsh's WriteObject fails in a stopping pipeline; Write-Host works. */
static Status finally_stopping(Interp *I, Node *fin)
{
    int held = atomic_exchange(&I->stop_req, 0);
    int claim = I->stop_claim;
    Pipe *owner = I->stop_owner;
    I->stop_claim = 0, I->stop_owner = NULL;
    Status fs = eval_stmts(I, fin, pipe_null());
    I->stop_claim = claim, I->stop_owner = owner;
    if (held) atomic_store(&I->stop_req, 1);
    return fs == ST_STOP ? ST_OK : fs; /* stopped again: the pending stop goes on */
}

/* finally runs whatever happened; a pending error/label/exit survives unless it fails. */
static Status run_finally(Interp *I, Node *fin, Pipe *out, Status st)
{
    Value err = I->error;
    int fatal = I->error_fatal, code = I->exit_code;
    char *label = I->label;
    I->error = val_null();
    I->label = NULL;
    Status fs = st == ST_STOP ? finally_stopping(I, fin) : eval_stmts(I, fin, out);
    if (fs) {
        val_unref(err);
        free(label);
        return fs;
    }
    I->error = err, I->error_fatal = fatal, I->exit_code = code, I->label = label;
    return st;
}

/* ST_STOP is not an error: no catch block sees it (pwsh does not let catch handle a
 * PipelineStoppedException), only the finally block runs. */
static Status eval_try(Interp *I, Node *n, Pipe *out)
{
    I->try_depth++;
    Status st = eval_stmts(I, n->a, out);
    I->try_depth--;
    if (st == ST_THROW) {
        Node *c = find_catch(I, n->b);
        if (c) st = run_catch(I, c, out);
    }
    return n->c ? run_finally(I, n->c, out, st) : st;
}

/* ================================================================ jumps ==== */

/* throw $exception ([System.ArgumentException]::new('m')): the record carries that exception
 * (catch [ArgumentException] and its bases match; $_.Exception is of its type).  The id is
 * the message, as for throw "text". */
static Status throw_exception(Interp *I, Node *n, Value v, ExcKind k, const char *msg)
{
    ErrInit e = {.msg = msg,
                 .id = msg,
                 .exc = k,
                 .inner = k,
                 .cat = ERRCAT_OPERATIONSTOPPED,
                 .prog = I->prog,
                 .start = n->start,
                 .end = n->end,
                 .reason = errrec_exc_name(k)};
    Value rec = errrec_new(&e);
    val_unref(v);
    return eval_throw_rec(I, rec, 1);
}

static Status eval_throw(Interp *I, Node *n)
{
    if (!n->a && I->catching.kind != VAL_NULL) return eval_throw_rec(I, val_ref(I->catching), 1);
    Value v = val_null();
    Status st = n->a ? eval_collect(I, n->a, &v) : ST_OK;
    if (st) return st;
    if (errrec_is(v)) return eval_throw_rec(I, v, 1);
    ExcKind xk;
    const char *xmsg;
    if (errrec_exception_info(val_base(v), &xk, &xmsg)) return throw_exception(I, n, v, xk, xmsg);
    Value s = n->a ? convert_to_string(v, NULL) : val_str("ScriptHalted");
    ErrInit e = {.msg = val_str_data(s),
                 .id = val_str_data(s),
                 .exc = EXC_RUNTIME,
                 .inner = EXC_RUNTIME,
                 .cat = ERRCAT_OPERATIONSTOPPED,
                 .prog = I->prog,
                 .start = n->start,
                 .end = n->end,
                 .reason = "Exception"};
    Value rec = errrec_new(&e);
    if (n->a) errrec_set_target(rec, v.kind == VAL_AUTONULL ? val_null() : v);
    val_unref(s), val_unref(v);
    return eval_throw_rec(I, rec, 1);
}

static Status eval_return(Interp *I, Node *n, Pipe *out)
{
    if (n->a) {
        Status st = eval_stmt(I, n->a, out);
        if (st) return st;
    }
    return ST_RETURN;
}

static Status eval_exit(Interp *I, Node *n)
{
    Value v = val_null(), c;
    Status st = n->a ? eval_collect(I, n->a, &v) : ST_OK;
    if (st) return st;
    I->exit_code = convert_to(v, TY_INT32, 0, &c, NULL) == 0 ? (int)c.as.i : 0;
    val_unref(v);
    return ST_EXIT;
}

static Status eval_jump(Interp *I, Node *n, Status kind)
{
    free(I->label);
    I->label = NULL;
    if (n->a) {
        Value v;
        Status st = eval_expr(I, n->a, &v);
        if (st) return st;
        Value s = convert_to_string(v, NULL);
        I->label = xstrdup(val_str_data(s));
        val_unref(s), val_unref(v);
    }
    return kind;
}

static Status eval_chain(Interp *I, Node *n, Pipe *out)
{
    Status st = eval_stmt(I, n->a, out);
    if (st == ST_THROW && !I->error_fatal && I->try_depth == 0) {
        Value rec = I->error;
        I->error = val_null();
        eval_report(I, rec);
        val_unref(rec);
        st = ST_OK;
    } else if (st) {
        return st;
    }
    if (st == ST_OK && (I->last_ok == (n->op == TOK_ANDAND))) return eval_stmt(I, n->b, out);
    return ST_OK;
}

static Status eval_stmt_pipeline(Interp *I, Node *n, Pipe *out)
{
    unsigned long nerr = I->nreported;
    I->native_ok = 1;
    Status st = eval_pipeline(I, n, out);
    I->last_ok = !st && I->nreported == nerr && I->native_ok;
    return st;
}

/* ================================================================ dispatch ==== */

Status eval_stmt(Interp *I, Node *n, Pipe *out)
{
    switch ((NodeKind)n->kind) {
    case AST_PIPELINE:
        return eval_stmt_pipeline(I, n, out);
    case AST_CHAIN:
        return eval_chain(I, n, out);
    case AST_ASSIGN:
        return eval_assign(I, n, NULL);
    case AST_IF:
        return eval_if(I, n, out);
    case AST_WHILE:
        return eval_while(I, n, out);
    case AST_DOWHILE:
        return eval_do(I, n, out, 0);
    case AST_DOUNTIL:
        return eval_do(I, n, out, 1);
    case AST_FOR:
        return eval_for(I, n, out);
    case AST_FOREACH:
        return eval_foreach(I, n, out);
    case AST_SWITCH:
        return eval_switch(I, n, out);
    case AST_TRY:
        return eval_try(I, n, out);
    case AST_FUNCTION:
        return eval_function_def(I, n);
    case AST_THROW:
        return eval_throw(I, n);
    case AST_RETURN:
        return eval_return(I, n, out);
    case AST_EXIT:
        return eval_exit(I, n);
    case AST_BREAK:
        return eval_jump(I, n, ST_BREAK);
    case AST_CONTINUE:
        return eval_jump(I, n, ST_CONTINUE);
    case AST_TRAP:
        return ST_OK; /* hoisted: handled by the enclosing statement list */
    case AST_STATEMENTS:
        return eval_stmts(I, n, out);
    case AST_UNARY:
    case AST_POSTFIX:
        if (n->op == OP_INC || n->op == OP_DEC) {
            Value v;
            Status st = eval_expr(I, n, &v);
            if (!st) val_unref(v);
            return st;
        }
        return eval_expr_emit(I, n, out);
    case AST_DATA:
        return eval_data(I, n, out);
    case AST_BACKGROUND:
        return background_run(I, n, out);
    case AST_ERROR:
        return eval_fail(I, n, EXC_RUNTIME, "NotSupported", "This statement is not supported yet.");
    default:
        return eval_expr_emit(I, n, out);
    }
}
