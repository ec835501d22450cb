/*
** command: the cache of compiled binding plans (the binder itself is binder.c), the table of
** built-in commands, and the built-ins needed to exercise pipelines (the full cmdlet set
** lives in cmdlets/ later).  Each handler carries its usage line.
*/
#include "runtime/command.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/binder.h"
#include "runtime/eval.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/scriptblock.h"
#include "runtime/streams.h"

/* ================================================================ plan cache ==== */

/* Compiled binding plans: one per CmdDef (CmdDef tables are const, so the plans live in this
 * side table, keyed by the CmdDef's address), and opaque entries per param() block for
 * eval_call.c.  Both are open-addressing tables; the script table is emptied when it fills,
 * so a runspace that keeps creating script blocks (Invoke-Expression in a loop) stays bounded.
 * Entries are released through their own function: a running function keeps a reference. */
typedef struct BindCache BindCache;

typedef struct PlanEnt {
    const CmdDef *def;
    DeclBuilder *db;
    BindPlan *plan;
} PlanEnt;

typedef struct ScriptEnt {
    const void *key;
    void *val;
    void (*release)(void *val);
} ScriptEnt;

struct BindCache {
    PlanEnt *plans;
    size_t nplans, capplans; /* capacity: a power of two */
    ScriptEnt *scripts;
    size_t nscripts, capscripts;
};

#define SCRIPT_CACHE_MAX 1024 /* script entries before the table is emptied */

static size_t hash_ptr(const void *p, size_t cap)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x & (cap - 1);
}

static BindCache *cache_of(Interp *I)
{
    if (!I->bind_cache) I->bind_cache = xcalloc(1, sizeof(BindCache));
    return I->bind_cache;
}

static void plans_grow(BindCache *bc)
{
    size_t cap = bc->capplans ? bc->capplans * 2 : 64;
    PlanEnt *t = xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < bc->capplans; i++) {
        if (!bc->plans[i].def) continue;
        size_t h = hash_ptr(bc->plans[i].def, cap);
        while (t[h].def)
            h = (h + 1) & (cap - 1);
        t[h] = bc->plans[i];
    }
    free(bc->plans);
    bc->plans = t;
    bc->capplans = cap;
}

/* The FullyQualifiedErrorId suffix of a cmdlet's binding errors: pwsh names the cmdlet's
 * class, which for the built-in cmdlets is the verb and noun run together:
 * Select-Object -> Microsoft.PowerShell.Commands.SelectObjectCommand. */
static void error_suffix(DeclBuilder *db, const char *name)
{
    StrBuf sb = {0};
    sb_puts(&sb, "Microsoft.PowerShell.Commands.");
    for (const char *p = name; *p; p++)
        if (*p != '-') sb_putc(&sb, *p);
    sb_puts(&sb, "Command");
    decl_error_suffix(db, sb_str(&sb));
    sb_free(&sb);
}

const BindPlan *cmd_plan(Interp *I, const CmdDef *def)
{
    BindCache *bc = cache_of(I);
    if ((bc->nplans + 1) * 2 > bc->capplans) plans_grow(bc);
    size_t h = hash_ptr(def, bc->capplans);
    while (bc->plans[h].def && bc->plans[h].def != def)
        h = (h + 1) & (bc->capplans - 1);
    PlanEnt *e = &bc->plans[h];
    if (e->def) return e->plan;
    e->def = def;
    e->db = decl_from_specs(def->name, def->params, def->nparams, 0);
    error_suffix(e->db, def->name);
    e->plan = bind_plan_new(decl_finish(e->db));
    bc->nplans++;
    return e->plan;
}

static void scripts_clear(BindCache *bc)
{
    for (size_t i = 0; i < bc->capscripts; i++)
        if (bc->scripts[i].key) bc->scripts[i].release(bc->scripts[i].val);
    memset(bc->scripts, 0, bc->capscripts * sizeof *bc->scripts);
    bc->nscripts = 0;
}

void *cmd_cache_get(Interp *I, const void *key)
{
    BindCache *bc = cache_of(I);
    if (!bc->capscripts) return NULL;
    for (size_t h = hash_ptr(key, bc->capscripts); bc->scripts[h].key;
         h = (h + 1) & (bc->capscripts - 1))
        if (bc->scripts[h].key == key) return bc->scripts[h].val;
    return NULL;
}

void cmd_cache_put(Interp *I, const void *key, void *val, void (*release)(void *val))
{
    BindCache *bc = cache_of(I);
    if (!bc->capscripts) {
        bc->capscripts = SCRIPT_CACHE_MAX * 2;
        bc->scripts = xcalloc(bc->capscripts, sizeof *bc->scripts);
    }
    if (bc->nscripts >= SCRIPT_CACHE_MAX) scripts_clear(bc);
    size_t h = hash_ptr(key, bc->capscripts);
    while (bc->scripts[h].key)
        h = (h + 1) & (bc->capscripts - 1);
    bc->scripts[h] = (ScriptEnt){key, val, release};
    bc->nscripts++;
}

void cmd_cache_free(Interp *I)
{
    BindCache *bc = I->bind_cache;
    if (!bc) return;
    for (size_t i = 0; i < bc->capplans; i++) {
        bind_plan_free(bc->plans[i].plan);
        decl_free(bc->plans[i].db);
    }
    if (bc->capscripts) scripts_clear(bc);
    free(bc->plans);
    free(bc->scripts);
    free(bc);
    I->bind_cache = NULL;
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
    /* The remaining arguments arrive as one object[]; a single one (`Write-Output 1,2,3`,
     * `Write-Output -NoEnumerate (,1)`) is the object itself, as in pwsh 7. */
    Value v = c->arg[0];
    if (val_is_array(v) && arr_len(v) == 1) v = arr_peek(v, 0);
    if (convert_truthy(c->arg[1])) return pipe_put(c->I, c->out, v);
    return emit(c, v);
}

/* Write-Host [[-Object] <Object>] [-NoNewline] [-Separator <Object>] */
static const ParamSpec write_host_params[] = {
    {"Object", "Msg Message", TY_OBJECT, 0, 0, PS_PIPELINE | PS_REMAINING},
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
        Value r = inforec_new_host(sb_str(&sb));
        if (convert_truthy(c->arg[1])) inforec_set_nonewline(r);
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

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))
static const CmdDef builtins[] = {
    {"Write-Output", "echo write", write_output, write_output_params, NPARAMS(write_output_params)},
    {"Write-Host", NULL, write_host, write_host_params, NPARAMS(write_host_params)},
    {"ForEach-Object", "% foreach", foreach_object, foreach_params, NPARAMS(foreach_params)},
    {"Where-Object", "? where", where_object, where_params, NPARAMS(where_params)},
    {"Out-Null", NULL, out_null, out_null_params, NPARAMS(out_null_params)},
    {"Measure-Object", "measure", measure_object, out_null_params, NPARAMS(out_null_params)},
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

static int alias_gone(Interp *I, const char *name, size_t len)
{
    Value v;
    if (val_is_null(I->gone_aliases) || !ht_get_str(I->gone_aliases, name, len, &v)) return 0;
    val_unref(v);
    return 1;
}

const CmdDef *cmd_find(Interp *I, const char *name, size_t len)
{
    const char *aliases;
    int gone = alias_gone(I, name, len);
    for (int i = I->nfamilies; i-- > 0;) {
        const CmdDef *d = find_in(I->families[i].defs, I->families[i].n, name, len);
        if (d && (!gone || str_ieq_slice(name, len, d->name))) return d;
    }
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
        aliases = gone ? NULL : builtins[i].aliases;
        if (str_ieq_slice(name, len, builtins[i].name) || alias_match(aliases, name, len))
            return &builtins[i];
    }
    return NULL;
}

void cmd_alias_hide(Interp *I, const char *name, size_t len)
{
    if (val_is_null(I->gone_aliases)) I->gone_aliases = ht_new(0);
    Value k = val_str_n(name, len);
    ht_set(I->gone_aliases, k, val_bool(1));
    val_unref(k);
}
