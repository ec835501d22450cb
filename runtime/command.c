/*
** command: the parameter binder shared by cmdlets and script functions, the table of
** built-in commands, and the built-ins needed to exercise pipelines (the full cmdlet set
** lives in cmdlets/ later).  Each handler carries its usage line.
*/
#include "runtime/command.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/scriptblock.h"
#include "runtime/streams.h"

/* ================================================================ binder ==== */

static Status bind_fail(Interp *I, Node *site, const char *cmd, const char *id, const char *fmt,
                        ...) __attribute__((format(printf, 5, 6)));

static Status bind_fail(Interp *I, Node *site, const char *cmd, const char *id, const char *fmt,
                        ...)
{
    StrBuf sb = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    ErrInit e = {.msg = sb_str(&sb),
                 .id = id,
                 .exc = EXC_PARAMBIND,
                 .inner = EXC_PARAMBIND,
                 .cat = ERRCAT_INVALIDARGUMENT,
                 .command = cmd && *cmd ? cmd : NULL,
                 .prog = site ? I->prog : NULL,
                 .start = site ? site->start : 0,
                 .end = site ? site->end : 0};
    Value rec = errrec_new(&e);
    sb_free(&sb);
    return eval_throw_rec(I, rec, 0);
}

/* Index of the parameter named name (exact, alias, then unique prefix); -1 none, -2 ambiguous. */
static int match_param(const ParamSpec *p, int n, const char *name, size_t len)
{
    int found = -1;
    for (int i = 0; i < n; i++)
        if (str_ieq_slice(name, len, p[i].name) ||
            (p[i].alias && str_ieq_slice(name, len, p[i].alias)))
            return i;
    for (int i = 0; i < n; i++) {
        if (strlen(p[i].name) < len || str_nicmp(p[i].name, name, len) != 0) continue;
        if (found >= 0) return -2;
        found = i;
    }
    return found;
}

static Status bind_one(Interp *I, const ParamSpec *p, Value v, Value *out, Node *site,
                       const char *cmd)
{
    if (p->flags & PS_SWITCH) {
        *out = val_bool(convert_truthy(v));
        return ST_OK;
    }
    if (p->type == TY_OBJECT && !p->is_array) {
        *out = val_ref(v);
        return ST_OK;
    }
    ConvError ce;
    if (convert_to(v, p->type, p->is_array, out, &ce) == 0) return ST_OK;
    StrBuf t = {0};
    convert_append_scalar(v, &t);
    Status st =
        bind_fail(I, site, cmd, "ParameterArgumentTransformationError",
                  "Cannot process argument transformation on parameter '%s'. %s", p->name, ce.msg);
    sb_free(&t);
    return st;
}

typedef struct Binding {
    Interp *I;
    const ParamSpec *params;
    int nparams;
    BindArg *args;
    int nargs;
    Value *out;
    unsigned char *bound, *used;
    Value extra; /* object[] or $null (no leftovers allowed) */
    const char *cmd;
    Node *site;
} Binding;

static void push_extra_name(Binding *b, BindArg *a)
{
    StrBuf sb = {0};
    sb_printf(&sb, "-%.*s%s", (int)a->nlen, a->name, a->has_val ? ":" : "");
    arr_push_take(b->extra, val_str_take_sb(&sb));
    if (a->has_val) arr_push(b->extra, a->val);
}

/* The value of a bare -Name: the next unused positional argument. */
static int take_next(Binding *b, int i, Value *v)
{
    if (i + 1 >= b->nargs || b->args[i + 1].name || b->used[i + 1]) return 0;
    b->used[i + 1] = 1;
    *v = b->args[i + 1].val;
    return 1;
}

static Status bind_named(Binding *b, int i)
{
    BindArg *a = &b->args[i];
    int k = match_param(b->params, b->nparams, a->name, a->nlen);
    b->used[i] = 1;
    if (k == -2)
        return bind_fail(b->I, a->node, b->cmd, "AmbiguousParameter",
                         "Parameter cannot be processed because the parameter name '%.*s' is "
                         "ambiguous.",
                         (int)a->nlen, a->name);
    if (k < 0) {
        if (b->extra.kind == VAL_NULL)
            return bind_fail(b->I, a->node, b->cmd, "NamedParameterNotFound",
                             "A parameter cannot be found that matches parameter name '%.*s'.",
                             (int)a->nlen, a->name);
        push_extra_name(b, a);
        return ST_OK;
    }
    const ParamSpec *p = &b->params[k];
    Value v = a->val;
    if (b->bound[k])
        return bind_fail(b->I, a->node, b->cmd, "ParameterAlreadyBound",
                         "Cannot bind parameter because parameter '%s' is specified more than "
                         "once. To provide multiple values to parameters that can accept "
                         "multiple values, use the array syntax. For example, \"-parameter "
                         "value1,value2,value3\".",
                         p->name);
    if (!a->has_val && !(p->flags & PS_SWITCH) && !take_next(b, i, &v))
        return bind_fail(b->I, a->node, b->cmd, "MissingArgument",
                         "Missing an argument for parameter '%s'. Specify a parameter of type "
                         "'%s' and try again.",
                         p->name, type_fullname(p->type));
    if (!a->has_val && (p->flags & PS_SWITCH)) v = val_bool(1);
    b->bound[k] = 1;
    return bind_one(b->I, p, v, &b->out[k], a->node, b->cmd);
}

/* The unbound parameter with the lowest position >= 0, or -1. */
static int next_positional(Binding *b)
{
    int best = -1;
    for (int i = 0; i < b->nparams; i++) {
        const ParamSpec *p = &b->params[i];
        if (b->bound[i] || p->position < 0 || (p->flags & PS_SWITCH)) continue;
        if (best < 0 || p->position < b->params[best].position) best = i;
    }
    return best;
}

/* A ValueFromRemainingArguments parameter takes every leftover positional value. */
static Status bind_remaining(Binding *b, int k, int from)
{
    Value rest = arr_new(TY_OBJECT, 4);
    for (int i = from; i < b->nargs; i++)
        if (!b->used[i] && !b->args[i].name) arr_push(rest, b->args[i].val), b->used[i] = 1;
    Value v = arr_len(rest) == 1 ? arr_get(rest, 0) : val_ref(rest);
    val_unref(rest);
    b->bound[k] = 1;
    Status st = bind_one(b->I, &b->params[k], v, &b->out[k], b->site, b->cmd);
    val_unref(v);
    return st;
}

static Status bind_positional(Binding *b, int i)
{
    BindArg *a = &b->args[i];
    int k = next_positional(b);
    if (k >= 0 && (b->params[k].flags & PS_REMAINING)) return bind_remaining(b, k, i);
    b->used[i] = 1;
    if (k < 0) {
        if (b->extra.kind != VAL_NULL) {
            arr_push(b->extra, a->val);
            return ST_OK;
        }
        StrBuf t = {0};
        convert_append_string(a->val, NULL, &t);
        Status st = bind_fail(b->I, a->node, b->cmd, "PositionalParameterNotFound",
                              "A positional parameter cannot be found that accepts argument "
                              "'%s'.",
                              sb_str(&t));
        sb_free(&t);
        return st;
    }
    b->bound[k] = 1;
    return bind_one(b->I, &b->params[k], a->val, &b->out[k], a->node, b->cmd);
}

/* A splatted -Key whose parameter an explicit argument already bound is dropped. */
static int splat_bound(Binding *b, int i)
{
    int k = match_param(b->params, b->nparams, b->args[i].name, b->args[i].nlen);
    if (k < 0 || !b->bound[k]) return 0;
    b->used[i] = 1;
    return 1;
}

Status cmd_bind(Interp *I, const ParamSpec *params, int nparams, BindArg *args, int nargs,
                Value *out, unsigned char *bound, Value *extra, const char *cmdname, Node *site)
{
    Binding b = {I,
                 params,
                 nparams,
                 args,
                 nargs,
                 out,
                 bound,
                 xcalloc((size_t)nargs + 1, 1),
                 extra ? arr_new(TY_OBJECT, 0) : val_null(),
                 cmdname,
                 site};
    for (int i = 0; i < nparams; i++)
        out[i] = val_null(), bound[i] = 0;
    Status st = ST_OK;
    for (int i = 0; i < nargs && !st; i++) /* explicit names first: they win over splats */
        if (args[i].name && !args[i].splat && !b.used[i]) st = bind_named(&b, i);
    for (int i = 0; i < nargs && !st; i++)
        if (args[i].name && args[i].splat && !b.used[i] && !splat_bound(&b, i))
            st = bind_named(&b, i);
    for (int i = 0; i < nargs && !st; i++)
        if (!args[i].name && !b.used[i]) st = bind_positional(&b, i);
    free(b.used);
    if (extra && !st)
        *extra = b.extra;
    else
        val_unref(b.extra);
    return st;
}

/* ================================================================ errors ==== */

static Value ctx_error(CmdCtx *c, ExcKind exc, const char *id, const char *msg)
{
    ErrInit e = {.msg = msg,
                 .id = id,
                 .exc = exc,
                 .inner = exc,
                 .cat = ERRCAT_NOTSPECIFIED,
                 .command = c->def->name,
                 .prog = c->node ? c->I->prog : NULL,
                 .start = c->node ? c->node->start : 0,
                 .end = c->node ? c->node->end : 0};
    return errrec_new(&e);
}

Status cmd_error(CmdCtx *c, ExcKind exc, const char *id, const char *fmt, ...)
{
    StrBuf sb = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    Value rec = ctx_error(c, exc, id, sb_str(&sb));
    sb_free(&sb);
    return eval_throw_rec(c->I, rec, 0);
}

void cmd_write_error(CmdCtx *c, Value rec)
{
    Interp *I = c->I;
    if (eval_error_action(I) == EA_STOP) {
        if (I->stop_pending.kind == VAL_NULL) I->stop_pending = val_ref(rec);
        return;
    }
    eval_report(I, rec);
}

/* ================================================================ built-ins ==== */

static Status emit(CmdCtx *c, Value v)
{
    return pipe_emit(c->I, c->out, v);
}

/* Write-Output [-InputObject] <Object[]> [-NoEnumerate] */
static const ParamSpec write_output_params[] = {
    {"InputObject", NULL, TY_OBJECT, 0, 0, PS_PIPELINE | PS_REMAINING},
    {"NoEnumerate", NULL, TY_SWITCH, 0, -1, PS_SWITCH},
};
static Status write_output(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (c->has_input) return pipe_put(c->I, c->out, c->input);
    if (!c->bound[0]) return ST_OK;
    if (convert_truthy(c->arg[1])) return pipe_put(c->I, c->out, c->arg[0]);
    return emit(c, c->arg[0]);
}

/* Write-Host [[-Object] <Object>] [-NoNewline] [-Separator <Object>] */
static const ParamSpec write_host_params[] = {
    {"Object", NULL, TY_OBJECT, 0, 0, PS_PIPELINE | PS_REMAINING},
    {"NoNewline", NULL, TY_SWITCH, 0, -1, PS_SWITCH},
    {"Separator", NULL, TY_STRING, 0, -1, 0},
};
static void host_append(Value v, const char *sep, StrBuf *sb)
{
    if (!val_is_array(v)) {
        convert_append_string(v, NULL, sb);
        return;
    }
    for (size_t i = 0; i < arr_len(v); i++) {
        if (i) sb_puts(sb, sep);
        host_append(arr_peek(v, i), sep, sb);
    }
}
static Status write_host(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    const char *sep = c->bound[2] ? val_str_data(c->arg[2]) : " ";
    StrBuf sb = {0};
    host_append(c->has_input ? c->input : c->arg[0], sep, &sb);
    Status st = ST_OK;
    if (c->I->spipe[STREAM_INFO]) { /* 6>&1, 6>$null, 6>file: an InformationRecord */
        Value r = inforec_new(STREAM_INFO, sb_str(&sb));
        st = pipe_put(c->I, c->I->spipe[STREAM_INFO], r);
        val_unref(r);
    } else {
        if (!convert_truthy(c->arg[1])) sb_putc(&sb, '\n');
        c->I->host_fn(c->I->host_ctx, sb.buf ? sb.buf : "", sb.len);
    }
    sb_free(&sb);
    return st;
}

/* ForEach-Object [-Process] <ScriptBlock[]> [-Begin <ScriptBlock>] [-End <ScriptBlock>]
 *                [-MemberName] <String> (a string first argument) */
static const ParamSpec foreach_params[] = {
    {"Process", NULL, TY_OBJECT, 0, 0, PS_REMAINING},
    {"Begin", NULL, TY_OBJECT, 0, -1, 0},
    {"End", NULL, TY_OBJECT, 0, -1, 0},
    {"InputObject", NULL, TY_OBJECT, 0, -1, PS_PIPELINE},
};
static int is_sb(Value v)
{
    return val_is(v, &cls_scriptblock);
}
/* Script block i of -Process (a single block or an array of them); $null when none. */
static Value proc_block(CmdCtx *c, size_t i)
{
    Value p = c->arg[0];
    if (!val_is_array(p)) return i == 0 ? p : val_null();
    return i < arr_len(p) ? arr_peek(p, i) : val_null();
}
static size_t nproc(CmdCtx *c)
{
    return val_is_array(c->arg[0]) ? arr_len(c->arg[0]) : c->bound[0];
}
static Status run_block_item(CmdCtx *c, Value sb, Value item)
{
    if (!is_sb(sb)) return ST_OK;
    return eval_invoke_item(c->I, sb, item, c->out);
}
static Status foreach_member(CmdCtx *c, Value name)
{
    Value s = convert_to_string(name, NULL), v;
    Status st = eval_member(c->I, c->input, val_str_data(s), val_str_len(s), &v);
    val_unref(s);
    if (st) return st;
    st = emit(c, v);
    val_unref(v);
    return st;
}
static Status foreach_object(CmdCtx *c)
{
    size_t n = nproc(c);
    /* three or more positional blocks: the first is -Begin and the last -End */
    size_t first = n >= 3 && !c->bound[1] ? 1 : 0, last = n >= 3 && !c->bound[2] ? n - 1 : n;
    if (n == 2 && !c->bound[1]) first = 1;
    Value item = c->has_input ? c->input : val_null();
    if (c->phase == CMD_BEGIN)
        return run_block_item(c,
                              c->bound[1] ? c->arg[1]
                              : first     ? proc_block(c, 0)
                                          : val_null(),
                              val_null());
    if (c->phase == CMD_END)
        return run_block_item(c,
                              c->bound[2] ? c->arg[2]
                              : last < n  ? proc_block(c, n - 1)
                                          : val_null(),
                              val_null());
    if (n == 1 && val_is_str(proc_block(c, 0)))
        return c->has_input ? foreach_member(c, proc_block(c, 0)) : ST_OK;
    for (size_t i = first; i < last; i++) {
        Status st = run_block_item(c, proc_block(c, i), item);
        if (st) return st;
    }
    return ST_OK;
}

/* Where-Object [-FilterScript] <ScriptBlock> */
static const ParamSpec where_params[] = {
    {"FilterScript", NULL, TY_OBJECT, 0, 0, 0},
    {"InputObject", NULL, TY_OBJECT, 0, -1, PS_PIPELINE},
};
static Status where_object(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS || !c->has_input || !is_sb(c->arg[0])) return ST_OK;
    Collector col;
    collector_init(&col);
    Status st = eval_invoke_item(c->I, c->arg[0], c->input, &col.pipe);
    Value r = collector_take(&col);
    if (!st && convert_truthy(r)) st = pipe_put(c->I, c->out, c->input);
    val_unref(r);
    return st;
}

/* Out-Null [-InputObject <PSObject>] */
static const ParamSpec out_null_params[] = {
    {"InputObject", NULL, TY_OBJECT, 0, -1, PS_PIPELINE},
};
static Status out_null(CmdCtx *c)
{
    return ST_OK;
}

/* Measure-Object [-InputObject <PSObject>] (Count only for now) */
static Status measure_object(CmdCtx *c)
{
    if (c->phase == CMD_PROCESS && c->has_input) c->count++;
    if (c->phase != CMD_END) return ST_OK;
    static const char *const props[] = {"Count",   "Average", "Sum",
                                        "Maximum", "Minimum", "Property"};
    Value o = object_new_custom();
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++)
        object_set_prop(o, props[i], strlen(props[i]), i ? val_null() : val_int((int32_t)c->count));
    Status st = pipe_put(c->I, c->out, o);
    val_unref(o);
    return st;
}

/* Write-Error [-Message] <String> */
static const ParamSpec write_error_params[] = {
    {"Message", NULL, TY_STRING, 0, 0, 0},
    {"InputObject", NULL, TY_OBJECT, 0, -1, PS_PIPELINE},
};
static Status write_error(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    Value msg = c->bound[0] ? val_ref(c->arg[0]) : convert_to_string(c->input, NULL);
    Value rec = ctx_error(c, EXC_WRITEERROR, "Microsoft.PowerShell.Commands.WriteErrorException",
                          val_str_data(msg));
    val_unref(msg);
    if (eval_error_action(c->I) == EA_STOP) return eval_throw_rec(c->I, rec, 1);
    cmd_write_error(c, rec);
    val_unref(rec);
    return ST_OK;
}

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))
static const CmdDef builtins[] = {
    {"Write-Output", "echo write", write_output, write_output_params, NPARAMS(write_output_params)},
    {"Write-Host", NULL, write_host, write_host_params, NPARAMS(write_host_params)},
    {"ForEach-Object", "% foreach", foreach_object, foreach_params, NPARAMS(foreach_params)},
    {"Where-Object", "? where", where_object, where_params, NPARAMS(where_params)},
    {"Out-Null", NULL, out_null, out_null_params, NPARAMS(out_null_params)},
    {"Measure-Object", "measure", measure_object, out_null_params, NPARAMS(out_null_params)},
    {"Write-Error", NULL, write_error, write_error_params, NPARAMS(write_error_params)},
};

static int alias_match(const char *aliases, const char *name, size_t len)
{
    for (const char *p = aliases; p && *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == len && str_nicmp(p, name, len) == 0) return 1;
        p = e ? e + 1 : NULL;
    }
    return 0;
}

static const CmdDef *find_in(const CmdDef *t, int n, const char *name, size_t len)
{
    for (int i = 0; i < n; i++)
        if (str_ieq_slice(name, len, t[i].name) || alias_match(t[i].aliases, name, len))
            return &t[i];
    return NULL;
}

void cmd_register(Interp *I, const CmdDef *table, int n)
{
    CmdFamily f = {table, n};
    ARRAY_PUSH(I->families, I->nfamilies, I->cap_families, f);
}

const CmdDef *cmd_find(Interp *I, const char *name, size_t len)
{
    for (int i = I->nfamilies; i-- > 0;) {
        const CmdDef *d = find_in(I->families[i].defs, I->families[i].n, name, len);
        if (d) return d;
    }
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (str_ieq_slice(name, len, builtins[i].name) ||
            alias_match(builtins[i].aliases, name, len))
            return &builtins[i];
    return NULL;
}
