/*
** objects: the object cmdlets (see objects.h).  Each handler is called per phase (CMD_BEGIN,
** CMD_PROCESS per input, CMD_END); buffering cmdlets keep their items in c->state (object[])
** or in a C struct at c->priv.  Argument plumbing (the ParamSpec tables and the c->arg[]
** indexes, named by enums beside each table) is kept apart from the cmdlet logic so the move
** to the parameter-set binder (runtime/binder.c) only touches the tables.
*/
#include "cmdlets/objects.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmdlets/cmdutil.h"
#include "cmdlets/parallel.h"
#include "cmdlets/sortkey.h"
#include "runtime/array.h"
#include "runtime/collections.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/fmt_view.h"
#include "runtime/format.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/nettypes.h"
#include "runtime/numfmt.h"
#include "runtime/object.h"
#include "runtime/psinfo.h"
#include "runtime/regex.h"
#include "runtime/runloc.h"
#include "runtime/scriptblock.h"
#include "runtime/statics.h"
#include "runtime/wildcard.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))

/* ================================================================ helpers ==== */

static int is_sb(Value v)
{
    return val_is(v, &cls_scriptblock);
}

static int given(CmdCtx *c, int i)
{
    return c->bound[i];
}

/* c->state as a growing object[] of buffered inputs. */
static void buffer_push(CmdCtx *c, Value v)
{
    if (c->state.kind == VAL_NULL) c->state = arr_new(TY_OBJECT, 16);
    arr_push(c->state, v);
}

static size_t buffer_len(CmdCtx *c)
{
    return c->state.kind == VAL_NULL ? 0 : arr_len(c->state);
}

/* The pipeline object, or the -InputObject argument at index i taken as ONE object (pwsh does
 * not enumerate a direct -InputObject: `Measure-Object -InputObject 1,2` measures one array). */
typedef Status (*ItemFn)(CmdCtx *c, Value item);
static Status each_input(CmdCtx *c, int i, ItemFn fn)
{
    if (c->has_input) return fn(c, c->input);
    return c->bound[i] ? fn(c, c->arg[i]) : ST_OK;
}

/* The same, but a direct argument's elements one by one (-DifferenceObject 1,2,3). */
static Status each_element(CmdCtx *c, int i, ItemFn fn)
{
    if (c->has_input || !c->bound[i] || !val_is_array(c->arg[i])) return each_input(c, i, fn);
    Value v = c->arg[i];
    for (size_t k = 0; k < arr_len(v); k++) {
        Status st = fn(c, arr_peek(v, k));
        if (st) return st;
    }
    return ST_OK;
}

/* Parse the -Property array at arg index i into keys (owned, *n of them).  0, or ST_THROW. */
static Status parse_keys(CmdCtx *c, int i, SortKey **keys, size_t *n)
{
    *keys = NULL;
    *n = 0;
    if (!c->bound[i] || val_is_null(c->arg[i])) return ST_OK;
    Value p = c->arg[i];
    size_t cnt = val_is_array(p) ? arr_len(p) : 1;
    *keys = xcalloc(cnt ? cnt : 1, sizeof **keys);
    for (size_t k = 0; k < cnt; k++) {
        const char *msg;
        if (sortkey_parse(val_is_array(p) ? arr_peek(p, k) : p, &(*keys)[*n], &msg) != 0)
            return cmd_error(c, EXC_ARGUMENT, "DictionaryKeyIllegal", "%s", msg);
        (*n)++;
    }
    return ST_OK;
}

static void free_keys(SortKey *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sortkey_free(&keys[i]);
    free(keys);
}

/* ================================================================ records ==== */
/* Fixed-shape result objects (GroupInfo, GenericMeasureInfo, TextMeasureInfo): an ObjClass per
 * type so the formatter finds their views, with the property names as data. */

#define REC_MAX 8
typedef struct Rec {
    Obj obj;
    size_t n;
    const char *const *names;
    Value v[REC_MAX];
} Rec;

static void rec_free(Obj *o)
{
    Rec *r = (Rec *)o;
    for (size_t i = 0; i < r->n; i++)
        val_unref(r->v[i]);
}

static int rec_get(Value self, const char *name, size_t len, Value *out)
{
    Rec *r = (Rec *)self.as.o;
    for (size_t i = 0; i < r->n; i++)
        if (str_ieq_slice(name, len, r->names[i])) {
            *out = val_ref(r->v[i]);
            return 1;
        }
    return 0;
}

static size_t rec_nprops(Value self)
{
    return ((Rec *)self.as.o)->n;
}

static void rec_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    Rec *r = (Rec *)self.as.o;
    *name = r->names[i];
    *len = strlen(r->names[i]);
    *val = r->v[i];
}

#define REC_CLASS(var, nm, full)                                                                   \
    static const ObjClass var = {.name = nm,                                                       \
                                 .full_name = full,                                                \
                                 .type = TY_OTHER,                                                 \
                                 .free = rec_free,                                                 \
                                 .get_prop = rec_get,                                              \
                                 .nprops = rec_nprops,                                             \
                                 .prop_at = rec_prop_at}

REC_CLASS(cls_groupinfo, "GroupInfo", "Microsoft.PowerShell.Commands.GroupInfo");
REC_CLASS(cls_groupinfo_ne, "GroupInfoNoElement",
          "Microsoft.PowerShell.Commands.GroupInfoNoElement");
REC_CLASS(cls_measureinfo, "GenericMeasureInfo",
          "Microsoft.PowerShell.Commands.GenericMeasureInfo");
REC_CLASS(cls_textmeasure, "TextMeasureInfo", "Microsoft.PowerShell.Commands.TextMeasureInfo");

static const char *const group_names[] = {"Count", "Name", "Group", "Values"};
static const char *const measure_names[] = {"Count",   "Average",           "Sum",     "Maximum",
                                            "Minimum", "StandardDeviation", "Property"};
static const char *const text_names[] = {"Lines", "Words", "Characters", "Property"};

/* A record of cls taking the n values in v (consumed). */
static Value rec_new(const ObjClass *cls, const char *const *names, size_t n, Value *v)
{
    Rec *r = (Rec *)obj_alloc(cls, sizeof(Rec));
    r->n = n;
    r->names = names;
    for (size_t i = 0; i < n; i++)
        r->v[i] = v[i];
    return val_obj_take(&r->obj);
}

static const FmtColumn group_cols[] = {
    {.label = "Count", .prop = "Count", .width = 5, .align = FMT_ALIGN_RIGHT},
    {.label = "Name", .prop = "Name", .width = 25, .align = FMT_ALIGN_LEFT},
    {.label = "Group", .prop = "Group", .align = FMT_ALIGN_LEFT},
};

static const FmtView group_view = {
    .name = "GroupInfo",
    .type_name = "Microsoft.PowerShell.Commands.GroupInfo",
    .shape = FMT_TABLE,
    .cols = group_cols,
    .ncols = 3,
};

static const FmtView group_ne_view = {
    .name = "GroupInfoNoElement",
    .type_name = "Microsoft.PowerShell.Commands.GroupInfoNoElement",
    .shape = FMT_TABLE,
    .cols = group_cols,
    .ncols = 2,
};

void objects_register_views(void)
{
    nettype_register_views(); /* [version], [guid] (runtime/nettypes.c) */
    static int done;
    if (done) return;
    done = 1;
    fmt_view_register(&group_view);
    fmt_view_register(&group_ne_view);
}

/* A non-terminating error of this command at its site (TargetObject: target). */
static void write_err(CmdCtx *c, ExcKind exc, ErrCategory cat, const char *id, Value target,
                      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void write_err(CmdCtx *c, ExcKind exc, ErrCategory cat, const char *id, Value target,
                      const char *fmt, ...)
{
    StrBuf sb = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    Value rec = cmdutil_error_rec(c, exc, cat, id, target, sb_str(&sb));
    sb_free(&sb);
    cmd_write_error(c, rec);
    val_unref(rec);
}

/* ================================================================ ForEach-Object ==== */

/* ForEach-Object [-Process] <ScriptBlock[]> [-Begin <ScriptBlock>] [-End <ScriptBlock>]
 *                [-RemainingScripts <ScriptBlock[]>] [-InputObject <PSObject>]
 * ForEach-Object [-MemberName] <String> [-ArgumentList <Object[]>] [-InputObject <PSObject>]
 * ForEach-Object -Parallel <ScriptBlock> [-ThrottleLimit <Int32>] [-TimeoutSeconds <Int32>]
 *                [-AsJob] [-UseNewRunspace] [-InputObject <PSObject>] (cmdlets/parallel.c) */
enum {
    FE_PROCESS,
    FE_BEGIN,
    FE_END,
    FE_REMAINING,
    FE_MEMBER,
    FE_ARGS,
    FE_INPUT,
    FE_PARALLEL,
    FE_THROTTLE,
    FE_TIMEOUT,
    FE_ASJOB,
    FE_NEWRUNSPACE
};
static const ParamSpec foreach_params[] = {
    [FE_PROCESS] = {.name = "Process", .type = TY_OBJECT, .position = 0, .flags = PS_REMAINING},
    [FE_BEGIN] = {.name = "Begin", .type = TY_OBJECT, .position = -1},
    [FE_END] = {.name = "End", .type = TY_OBJECT, .position = -1},
    [FE_REMAINING] = {.name = "RemainingScripts", .type = TY_OBJECT, .is_array = 1, .position = -1},
    [FE_MEMBER] = {.name = "MemberName", .type = TY_STRING, .position = -1},
    [FE_ARGS] =
        {.name = "ArgumentList", .alias = "Args", .type = TY_OBJECT, .is_array = 1, .position = -1},
    [FE_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
    [FE_PARALLEL] = {.name = "Parallel", .type = TY_OBJECT, .position = -1},
    [FE_THROTTLE] = {.name = "ThrottleLimit", .type = TY_INT32, .position = -1},
    [FE_TIMEOUT] = {.name = "TimeoutSeconds", .type = TY_INT32, .position = -1},
    [FE_ASJOB] = {.name = "AsJob", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    /* every block runs in a fresh runspace already: accepted, nothing more to do */
    [FE_NEWRUNSPACE] =
        {.name = "UseNewRunspace", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static const ParallelParams foreach_parallel = {
    FE_PARALLEL, FE_THROTTLE, FE_TIMEOUT, FE_ASJOB, FE_INPUT,
    {FE_BEGIN, FE_PROCESS, FE_END, FE_MEMBER}};

/* The script blocks of -Process then -RemainingScripts, as one list (borrowed). */
typedef struct Blocks {
    Value v[64];
    size_t n;
} Blocks;

static void blocks_add(Blocks *b, Value v)
{
    if (!val_is_array(v)) {
        if (b->n < 64 && !val_is_null(v)) b->v[b->n++] = v;
        return;
    }
    for (size_t i = 0; i < arr_len(v) && b->n < 64; i++)
        b->v[b->n++] = arr_peek(v, i);
}

static Status run_block(CmdCtx *c, Value sb, Value item)
{
    if (!is_sb(sb)) return ST_OK;
    return eval_invoke_item(c->I, sb, item, c->out);
}

/* $_.name or $_.name(args...) for -MemberName. */
static Status foreach_member(CmdCtx *c, Value name, Value *args, int nargs)
{
    Value s = convert_to_string(name, NULL), v;
    Status st;
    if (nargs > 0 || (!sortkey_prop(c->I, c->input, val_str_data(s), val_str_len(s), &v) &&
                      !val_is_null(c->input) && !ht_is(val_base(c->input)))) {
        st = eval_method(c->I, c->node, c->input, val_str_data(s), val_str_len(s), args, nargs, &v);
        if (st && nargs == 0) {
            eval_clear_error(c->I);
            st = eval_member(c->I, c->input, val_str_data(s), val_str_len(s), &v);
        }
    } else {
        st = ST_OK;
    }
    val_unref(s);
    if (st) return st;
    st = pipe_emit(c->I, c->out, v);
    val_unref(v);
    return st;
}

static Status foreach_members(CmdCtx *c, const Blocks *b)
{
    if (!c->has_input) return ST_OK;
    if (given(c, FE_MEMBER)) {
        Value a = c->arg[FE_ARGS];
        size_t n = val_is_array(a) ? arr_len(a) : 0;
        Value args[32];
        for (size_t i = 0; i < n && i < 32; i++)
            args[i] = arr_peek(a, i);
        return foreach_member(c, c->arg[FE_MEMBER], args, (int)(n < 32 ? n : 32));
    }
    /* ForEach-Object Name arg1 arg2: the remaining positionals are the arguments */
    return foreach_member(c, b->v[0], (Value *)b->v + 1, (int)b->n - 1);
}

static Status foreach_object(CmdCtx *c)
{
    if (c->bound[FE_PARALLEL]) return parallel_foreach(c, &foreach_parallel);
    Blocks b; /* not zero-filled: this runs once per object */
    b.n = 0;
    blocks_add(&b, c->arg[FE_PROCESS]);
    blocks_add(&b, c->arg[FE_REMAINING]);
    if (given(c, FE_MEMBER) || (b.n && val_is_str(b.v[0])))
        return c->phase == CMD_PROCESS ? foreach_members(c, &b) : ST_OK;
    /* with positional blocks only: 2 are Begin, Process; 3 or more Begin, Process..., End */
    size_t first = 0, last = b.n;
    if (b.n >= 2 && !given(c, FE_BEGIN)) first = 1;
    if (b.n >= 3 && !given(c, FE_END)) last = b.n - 1;
    if (c->phase == CMD_BEGIN)
        return run_block(c,
                         given(c, FE_BEGIN) ? c->arg[FE_BEGIN]
                         : first            ? b.v[0]
                                            : val_null(),
                         val_null());
    if (c->phase == CMD_END)
        return run_block(c,
                         given(c, FE_END) ? c->arg[FE_END]
                         : last < b.n     ? b.v[b.n - 1]
                                          : val_null(),
                         val_null());
    Value item = c->has_input ? c->input : val_null();
    if (!c->has_input && given(c, FE_INPUT)) item = c->arg[FE_INPUT];
    for (size_t i = first; i < last; i++) {
        Status st = run_block(c, b.v[i], item);
        if (st) return st;
    }
    return ST_OK;
}

/* ================================================================ Where-Object ==== */

/* Where-Object [-FilterScript] <ScriptBlock> [-InputObject <PSObject>]
 * Where-Object [-Property] <String> [[-Value] <Object>] -EQ|-CEQ|-NE|...|-Is|-IsNot|-Not */
typedef enum {
    WO_EQ,
    WO_NE,
    WO_GT,
    WO_GE,
    WO_LT,
    WO_LE,
    WO_LIKE,
    WO_NOTLIKE,
    WO_MATCH,
    WO_NOTMATCH,
    WO_CONTAINS,
    WO_NOTCONTAINS,
    WO_IN,
    WO_NOTIN,
    WO_IS,
    WO_ISNOT,
    WO_NOT,
    WO_TRUE
} WhereOp;

/* The operator switches: {switch name, operator, case-sensitive}. */
static const struct {
    const char *name;
    WhereOp op;
    int cs;
} where_ops[] = {
    {"EQ", WO_EQ, 0},
    {"CEQ", WO_EQ, 1},
    {"NE", WO_NE, 0},
    {"CNE", WO_NE, 1},
    {"GT", WO_GT, 0},
    {"CGT", WO_GT, 1},
    {"GE", WO_GE, 0},
    {"CGE", WO_GE, 1},
    {"LT", WO_LT, 0},
    {"CLT", WO_LT, 1},
    {"LE", WO_LE, 0},
    {"CLE", WO_LE, 1},
    {"Like", WO_LIKE, 0},
    {"CLike", WO_LIKE, 1},
    {"NotLike", WO_NOTLIKE, 0},
    {"CNotLike", WO_NOTLIKE, 1},
    {"Match", WO_MATCH, 0},
    {"CMatch", WO_MATCH, 1},
    {"NotMatch", WO_NOTMATCH, 0},
    {"CNotMatch", WO_NOTMATCH, 1},
    {"Contains", WO_CONTAINS, 0},
    {"CContains", WO_CONTAINS, 1},
    {"NotContains", WO_NOTCONTAINS, 0},
    {"CNotContains", WO_NOTCONTAINS, 1},
    {"In", WO_IN, 0},
    {"CIn", WO_IN, 1},
    {"NotIn", WO_NOTIN, 0},
    {"CNotIn", WO_NOTIN, 1},
    {"Is", WO_IS, 0},
    {"IsNot", WO_ISNOT, 0},
    {"Not", WO_NOT, 0},
};
#define NWHERE_OPS (int)(sizeof where_ops / sizeof where_ops[0])

enum { WH_FILTER, WH_VALUE, WH_INPUT, WH_OPS };
static const ParamSpec where_params[] = {
    [WH_FILTER] = {.name = "FilterScript", .alias = "Property", .type = TY_OBJECT, .position = 0},
    [WH_VALUE] = {.name = "Value", .type = TY_OBJECT, .position = 1},
    [WH_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
    {.name = "EQ", .alias = "IEQ", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CEQ", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "NE", .alias = "INE", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CNE", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "GT", .alias = "IGT", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CGT", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "GE", .alias = "IGE", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CGE", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "LT", .alias = "ILT", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CLT", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "LE", .alias = "ILE", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CLE", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "Like", .alias = "ILike", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CLike", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "NotLike", .alias = "INotLike", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CNotLike", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "Match", .alias = "IMatch", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CMatch", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "NotMatch",
     .alias = "INotMatch",
     .type = TY_SWITCH,
     .position = -1,
     .flags = PS_SWITCH},
    {.name = "CNotMatch", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "Contains",
     .alias = "IContains",
     .type = TY_SWITCH,
     .position = -1,
     .flags = PS_SWITCH},
    {.name = "CContains", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "NotContains",
     .alias = "INotContains",
     .type = TY_SWITCH,
     .position = -1,
     .flags = PS_SWITCH},
    {.name = "CNotContains", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "In", .alias = "IIn", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CIn", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "NotIn", .alias = "INotIn", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "CNotIn", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "Is", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "IsNot", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    {.name = "Not", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* Which operator switch was given (index into where_ops), or -1. */
static int where_op_given(CmdCtx *c)
{
    for (int i = 0; i < NWHERE_OPS; i++)
        if (cmdutil_flag(c, WH_OPS + i)) return i;
    return -1;
}

static int where_like(Value a, Value b, int cs)
{
    Value sa = convert_to_string(a, NULL), sb = convert_to_string(b, NULL);
    int r = wildcard_match(val_str_data(sb), val_str_len(sb), val_str_data(sa), val_str_len(sa),
                           !cs, NULL);
    val_unref(sa);
    val_unref(sb);
    return r == 1;
}

static int where_match(CmdCtx *c, Value a, Value b, int cs)
{
    Value sa = convert_to_string(a, NULL), sb = convert_to_string(b, NULL);
    char *err = NULL;
    Regex *re = rx_cache_get(c->I->rx, val_str_data(sb), val_str_len(sb),
                             cs ? RX_NONE : RX_IGNORECASE, &err);
    int r = 0;
    if (re) {
        RxMatch m = {0};
        r = rx_match(re, val_str_data(sa), val_str_len(sa), 0, &m, &err) == 1;
        rx_match_free(&m);
        rx_unref(re);
    }
    free(err);
    val_unref(sa);
    val_unref(sb);
    return r;
}

static int where_is(Value a, Value b)
{
    Value t = b;
    if (!val_is(b, &cls_typeref)) {
        Value s = convert_to_string(b, NULL);
        const char *p = val_str_data(s);
        size_t len = val_str_len(s);
        if (len >= 2 && p[0] == '[' && p[len - 1] == ']') p++, len -= 2; /* -Is [int] */
        t = typeref_parse(p, len);
        val_unref(s);
    } else {
        val_ref(t);
    }
    int r = convert_is_type(a, t);
    val_unref(t);
    return r;
}

static int where_cmp(WhereOp op, Value a, Value b, int cs)
{
    static const CmpOp cmp[] = {CMP_EQ, CMP_NE, CMP_GT, CMP_GE, CMP_LT, CMP_LE};
    Value r;
    if (convert_cmp_op(cmp[op], a, b, cs, &r, NULL) != 0) return 0;
    int t = convert_truthy(r);
    val_unref(r);
    return t;
}

/* Does prop (the property's value) pass `prop -op value`? */
static int where_test(CmdCtx *c, WhereOp op, Value a, Value b, int cs)
{
    switch (op) {
    case WO_LIKE:
        return where_like(a, b, cs);
    case WO_NOTLIKE:
        return !where_like(a, b, cs);
    case WO_MATCH:
        return where_match(c, a, b, cs);
    case WO_NOTMATCH:
        return !where_match(c, a, b, cs);
    case WO_CONTAINS:
        return convert_contains(a, b, cs);
    case WO_NOTCONTAINS:
        return !convert_contains(a, b, cs);
    case WO_IN:
        return convert_contains(b, a, cs);
    case WO_NOTIN:
        return !convert_contains(b, a, cs);
    case WO_IS:
        return where_is(a, b);
    case WO_ISNOT:
        return !where_is(a, b);
    case WO_NOT:
        return !convert_truthy(a);
    case WO_TRUE:
        return convert_truthy(a);
    default:
        return where_cmp(op, a, b, cs);
    }
}

static Status where_simple(CmdCtx *c, Value item)
{
    int k = where_op_given(c);
    WhereOp op = k < 0 ? WO_TRUE : where_ops[k].op;
    Value name = convert_to_string(c->arg[WH_FILTER], NULL), v;
    sortkey_prop(c->I, item, val_str_data(name), val_str_len(name), &v);
    val_unref(name);
    int ok = where_test(c, op, v, c->arg[WH_VALUE], k < 0 ? 0 : where_ops[k].cs);
    val_unref(v);
    return ok ? pipe_put(c->I, c->out, item) : ST_OK;
}

/* What a filter script wrote, kept only as far as its truth needs: nothing is false, one
 * object is as true as itself, two or more are true (the rule for the array they make). */
typedef struct Verdict {
    Pipe pipe;
    int n;
    Value first; /* owned once n > 0 */
} Verdict;

static Status verdict_put(Interp *I, Pipe *self, Value v)
{
    Verdict *t = (Verdict *)self;
    if (t->n++ == 0) t->first = val_ref(v);
    return ST_OK;
}

static int verdict_true(Verdict *t)
{
    if (!t->n) return 0;
    int r = t->n > 1 || convert_truthy(t->first);
    val_unref(t->first);
    return r;
}

static Status where_item(CmdCtx *c, Value item)
{
    if (!is_sb(c->arg[WH_FILTER])) return where_simple(c, item);
    Verdict v = {{verdict_put}, 0, {0}};
    Status st = eval_invoke_item(c->I, c->arg[WH_FILTER], item, &v.pipe);
    if (verdict_true(&v) && !st) st = pipe_put(c->I, c->out, item);
    return st;
}

static Status where_object(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS || !given(c, WH_FILTER)) return ST_OK;
    return each_input(c, WH_INPUT, where_item);
}

/* ================================================================ Select-Object ==== */

/* Select-Object [[-Property] <Object[]>] [-ExcludeProperty <String[]>]
 *               [-ExpandProperty <String>] [-Unique] [-First <Int32>] [-Last <Int32>]
 *               [-Skip <Int32>] [-SkipLast <Int32>] [-Index <Int32[]>] [-InputObject <PSObject>] */
enum {
    SE_CI,
    SE_SKIPINDEX,
    SE_WAIT,
    SE_PROP,
    SE_EXCL,
    SE_EXPAND,
    SE_UNIQUE,
    SE_FIRST,
    SE_LAST,
    SE_SKIP,
    SE_SKIPLAST,
    SE_INDEX,
    SE_INPUT
};
static const ParamSpec select_params[] = {
    [SE_CI] = {.name = "CaseInsensitive", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SE_SKIPINDEX] = {.name = "SkipIndex", .type = TY_INT32, .is_array = 1, .position = -1},
    [SE_WAIT] = {.name = "Wait", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SE_PROP] = {.name = "Property", .type = TY_OBJECT, .is_array = 1, .position = 0},
    [SE_EXCL] = {.name = "ExcludeProperty", .type = TY_STRING, .is_array = 1, .position = -1},
    [SE_EXPAND] = {.name = "ExpandProperty", .type = TY_STRING, .position = -1},
    [SE_UNIQUE] = {.name = "Unique", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SE_FIRST] = {.name = "First", .type = TY_INT32, .position = -1},
    [SE_LAST] = {.name = "Last", .type = TY_INT32, .position = -1},
    [SE_SKIP] = {.name = "Skip", .type = TY_INT32, .position = -1},
    [SE_SKIPLAST] = {.name = "SkipLast", .type = TY_INT32, .position = -1},
    [SE_INDEX] = {.name = "Index", .type = TY_INT32, .is_array = 1, .position = -1},
    [SE_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
};

typedef struct Select {
    SortKey *keys; /* -Property */
    size_t nkeys;
    long emitted; /* objects passed on so far (-First) */
} Select;

static void select_free(void *p)
{
    Select *s = p;
    free_keys(s->keys, s->nkeys);
    free(s);
}

static long int_arg(CmdCtx *c, int i)
{
    return c->bound[i] ? (long)c->arg[i].as.i : 0;
}

static int excluded(CmdCtx *c, const char *name, size_t len)
{
    Value ex = c->arg[SE_EXCL];
    if (!c->bound[SE_EXCL] || !val_is_array(ex)) return 0;
    for (size_t i = 0; i < arr_len(ex); i++) {
        Value p = arr_peek(ex, i);
        if (wildcard_match(val_str_data(p), val_str_len(p), name, len, 1, NULL) == 1) return 1;
    }
    return 0;
}

/* Copy every property of in whose name matches the wildcard key into o. */
static void select_wild(CmdCtx *c, const SortKey *k, Value in, Value o)
{
    Value b = val_base(in);
    const ObjClass *cls = val_class(b);
    size_t n = object_nprops(in);
    int own = n > 0 || !cls || !cls->nprops;
    if (!own) n = cls->nprops(b);
    for (size_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value v;
        if (own)
            object_prop_peek(in, i, &name, &len, &v);
        else
            cls->prop_at(b, i, &name, &len, &v);
        if (wildcard_match(val_str_data(k->expr), val_str_len(k->expr), name, len, 1, NULL) == 1 &&
            !excluded(c, name, len))
            object_set_prop(o, name, len, v);
    }
}

/* The PSCustomObject of in's selected properties (*out new). */
static Status select_project(CmdCtx *c, Select *s, Value in, Value *out)
{
    Value o = object_new_custom();
    for (size_t i = 0; i < s->nkeys; i++) {
        const SortKey *k = &s->keys[i];
        if (k->wildcard) {
            select_wild(c, k, in, o);
            continue;
        }
        const char *name = sortkey_name(k);
        if (excluded(c, name, strlen(name))) continue;
        Value v;
        Status st = sortkey_eval(c->I, k, in, &v, NULL);
        if (st) {
            val_unref(o);
            return st;
        }
        object_set_prop(o, name, strlen(name), v);
        val_unref(v);
    }
    *out = o;
    return ST_OK;
}

/* Pass one selected object on: -ExpandProperty unrolls the property's value. */
/* -ExpandProperty with -Property: each expanded value gets the selected properties as
 * note properties (pwsh wraps it in a PSObject). */
static Status expand_one(CmdCtx *c, Value item, Value proj)
{
    Value o = val_ref(item);
    for (size_t i = 0; i < object_nprops(proj); i++) {
        const char *name;
        size_t len;
        Value pv;
        object_prop_peek(proj, i, &name, &len, &pv);
        Value r = object_with_note(o, name, len, pv);
        val_unref(o);
        o = r;
    }
    Status st = pipe_put(c->I, c->out, o);
    val_unref(o);
    return st;
}

static Status expand_with(CmdCtx *c, Value v, Value pv)
{
    Select *s = c->priv;
    if (!s->nkeys) return pipe_emit(c->I, c->out, pv);
    Value proj;
    Status st = select_project(c, s, v, &proj);
    if (st) return st;
    if (!val_is_array(pv)) {
        st = expand_one(c, pv, proj);
    } else {
        for (size_t i = 0; !st && i < arr_len(pv); i++)
            st = expand_one(c, arr_peek(pv, i), proj);
    }
    val_unref(proj);
    return st;
}

/* Pass one selected object on: -ExpandProperty unrolls the property's value. */
static Status select_send(CmdCtx *c, Value v)
{
    if (!given(c, SE_EXPAND)) return pipe_put(c->I, c->out, v);
    Value name = c->arg[SE_EXPAND], pv;
    if (!sortkey_prop(c->I, v, val_str_data(name), val_str_len(name), &pv)) {
        write_err(c, EXC_ARGUMENT, ERRCAT_INVALIDARGUMENT,
                  "ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand", v,
                  "Property \"%s\" cannot be found.", val_str_data(name));
        return ST_OK;
    }
    Status st = expand_with(c, v, pv);
    val_unref(pv);
    return st;
}

static int needs_buffer(CmdCtx *c)
{
    return given(c, SE_LAST) || given(c, SE_SKIPLAST) || cmdutil_flag(c, SE_UNIQUE);
}

static int index_wanted(CmdCtx *c, int param, long i)
{
    Value ix = c->arg[param];
    for (size_t k = 0; val_is_array(ix) && k < arr_len(ix); k++)
        if (arr_peek(ix, k).as.i == i) return 1;
    return 0;
}

static Status select_item(CmdCtx *c, Value in)
{
    Select *s = c->priv;
    long i = c->count++;
    if (given(c, SE_INDEX) && !index_wanted(c, SE_INDEX, i)) return ST_OK;
    if (given(c, SE_SKIPINDEX) && index_wanted(c, SE_SKIPINDEX, i)) return ST_OK;
    if (i < int_arg(c, SE_SKIP)) return ST_OK;
    if (given(c, SE_FIRST) && !given(c, SE_LAST) && s->emitted >= int_arg(c, SE_FIRST))
        return ST_OK;
    Value v = val_ref(in);
    if (s->nkeys && !given(c, SE_EXPAND)) {
        val_unref(v);
        Status st = select_project(c, s, in, &v);
        if (st) return st;
    }
    Status st = ST_OK;
    if (needs_buffer(c))
        buffer_push(c, v);
    else {
        s->emitted++;
        st = select_send(c, v);
    }
    val_unref(v);
    return st;
}

/* Objects equal for -Unique: scalars by -ceq, custom objects property by property. */
static int same_object(Value a, Value b, int cs)
{
    size_t n = object_nprops(a);
    if (n == 0 || n != object_nprops(b)) return convert_equal(val_base(a), val_base(b), cs);
    for (size_t i = 0; i < n; i++) {
        const char *na, *nb;
        size_t la, lb;
        Value va, vb;
        object_prop_peek(a, i, &na, &la, &va);
        object_prop_peek(b, i, &nb, &lb, &vb);
        if (la != lb || str_nicmp(na, nb, la) != 0 || !convert_equal(va, vb, cs)) return 0;
    }
    return 1;
}

static Status select_end(CmdCtx *c)
{
    size_t n = buffer_len(c), from = 0, to = n;
    if (given(c, SE_SKIPLAST))
        to = (size_t)int_arg(c, SE_SKIPLAST) > n ? 0 : n - (size_t)int_arg(c, SE_SKIPLAST);
    size_t first = given(c, SE_FIRST) ? (size_t)int_arg(c, SE_FIRST) : 0;
    if (given(c, SE_LAST) && (size_t)int_arg(c, SE_LAST) < to)
        from = to - (size_t)int_arg(c, SE_LAST);
    if (from < first) from = first;
    for (size_t i = 0; i < to; i++) {
        if (given(c, SE_LAST) && i >= first && i < from) continue;
        if (given(c, SE_FIRST) && !given(c, SE_LAST) && i >= first) break;
        Value v = arr_peek(c->state, i);
        int dup = 0;
        for (size_t k = 0; cmdutil_flag(c, SE_UNIQUE) && k < i && !dup; k++)
            dup = same_object(arr_peek(c->state, k), v, !cmdutil_flag(c, SE_CI));
        if (dup) continue;
        Status st = select_send(c, v);
        if (st) return st;
    }
    return ST_OK;
}

/* One past the largest -Index, or -1 when an index is negative (no early stop then). */
static long index_end(CmdCtx *c)
{
    Value ix = c->arg[SE_INDEX];
    long end = 0;
    for (size_t k = 0; val_is_array(ix) && k < arr_len(ix); k++) {
        long i = (long)arr_peek(ix, k).as.i;
        if (i < 0) return -1;
        if (i + 1 > end) end = i + 1;
    }
    return end;
}

/* pwsh's Select-Object stops the commands upstream (StopUpstreamCommandsException) once -First
 * has let its objects through (after -Skip) or the input is past the last -Index; -Wait keeps
 * them running.  c->count objects have arrived so far. */
static int select_done(CmdCtx *c)
{
    if (cmdutil_flag(c, SE_WAIT)) return 0;
    if (given(c, SE_INDEX)) {
        long end = index_end(c);
        return end >= 0 && c->count >= end;
    }
    if (!given(c, SE_FIRST) || given(c, SE_LAST) || given(c, SE_SKIPLAST)) return 0;
    long first = int_arg(c, SE_FIRST);
    return first > 0 && c->count - int_arg(c, SE_SKIP) >= first;
}

static Status select_process(CmdCtx *c)
{
    Status st = each_input(c, SE_INPUT, select_item);
    if (st || !c->has_input || !select_done(c)) return st; /* a first element has no upstream */
    return pipe_stop_upstream(c->I);
}

static Status select_object(CmdCtx *c)
{
    if (c->phase == CMD_BEGIN) {
        Select *s = xcalloc(1, sizeof *s);
        c->priv = s;
        c->priv_free = select_free;
        return parse_keys(c, SE_PROP, &s->keys, &s->nkeys);
    }
    if (c->phase == CMD_END) return select_end(c);
    return select_process(c);
}

/* ================================================================ Sort-Object ==== */

/* Sort-Object [[-Property] <Object[]>] [-Descending] [-Unique] [-CaseSensitive] [-Stable]
 *             [-Top <Int32>] [-Bottom <Int32>] [-InputObject <PSObject>] */
enum { SO_PROP, SO_DESC, SO_UNIQUE, SO_CS, SO_STABLE, SO_TOP, SO_BOTTOM, SO_INPUT, SO_CULTURE };
static const ParamSpec sort_params[] = {
    [SO_PROP] = {.name = "Property", .type = TY_OBJECT, .is_array = 1, .position = 0},
    [SO_DESC] = {.name = "Descending", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SO_UNIQUE] = {.name = "Unique", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SO_CS] = {.name = "CaseSensitive", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SO_STABLE] = {.name = "Stable", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SO_TOP] = {.name = "Top", .type = TY_INT32, .position = -1},
    [SO_BOTTOM] = {.name = "Bottom", .type = TY_INT32, .position = -1},
    [SO_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
    [SO_CULTURE] = {.name = "Culture", .type = TY_STRING, .position = -1}, /* accepted, ignored */
};

typedef struct SortRow {
    Value item; /* borrowed from the buffer */
    Value *keys;
} SortRow;

typedef struct SortCtx {
    const SortKey *keys;
    size_t nkeys; /* 0: the object itself is the one key */
    int desc, cs;
} SortCtx;

static int row_cmp(const SortCtx *sc, const SortRow *a, const SortRow *b)
{
    size_t n = sc->nkeys ? sc->nkeys : 1;
    for (size_t i = 0; i < n; i++) {
        int r = sortkey_compare(a->keys[i], b->keys[i], sc->cs);
        int desc = sc->nkeys && sc->keys[i].desc >= 0 ? sc->keys[i].desc : sc->desc;
        if (r) return desc ? -r : r;
    }
    return 0;
}

/* Stable merge sort of rows[0..n) using tmp (n rows). */
static void merge_sort(const SortCtx *sc, SortRow *rows, SortRow *tmp, size_t n)
{
    if (n < 2) return;
    size_t h = n / 2, i = 0, j = h, k = 0;
    merge_sort(sc, rows, tmp, h);
    merge_sort(sc, rows + h, tmp, n - h);
    if (row_cmp(sc, &rows[h - 1], &rows[h]) <= 0) return;
    while (i < h && j < n)
        tmp[k++] = row_cmp(sc, &rows[j], &rows[i]) < 0 ? rows[j++] : rows[i++];
    while (i < h)
        tmp[k++] = rows[i++];
    memcpy(rows, tmp, k * sizeof *rows);
}

static Status sort_keys_of(CmdCtx *c, const SortCtx *sc, SortRow *r)
{
    size_t n = sc->nkeys ? sc->nkeys : 1;
    r->keys = xmalloc(n * sizeof(Value));
    if (!sc->nkeys) {
        r->keys[0] = val_ref(r->item);
        return ST_OK;
    }
    for (size_t i = 0; i < n; i++)
        r->keys[i] = val_null();
    for (size_t i = 0; i < n; i++) {
        Status st = sortkey_eval(c->I, &sc->keys[i], r->item, &r->keys[i], NULL);
        if (st) return st;
    }
    return ST_OK;
}

static void free_rows(SortRow *rows, size_t nrows, size_t nkeys)
{
    for (size_t i = 0; i < nrows; i++) {
        for (size_t k = 0; rows[i].keys && k < (nkeys ? nkeys : 1); k++)
            val_unref(rows[i].keys[k]);
        free(rows[i].keys);
    }
    free(rows);
}

static Status sort_emit(CmdCtx *c, const SortCtx *sc, SortRow *rows, size_t n)
{
    size_t from = 0, to = n;
    if (given(c, SO_TOP) && (size_t)int_arg(c, SO_TOP) < n) to = (size_t)int_arg(c, SO_TOP);
    if (given(c, SO_BOTTOM) && (size_t)int_arg(c, SO_BOTTOM) < n)
        from = n - (size_t)int_arg(c, SO_BOTTOM);
    for (size_t i = from; i < to; i++) {
        if (cmdutil_flag(c, SO_UNIQUE) && i > from && row_cmp(sc, &rows[i - 1], &rows[i]) == 0)
            continue;
        Status st = pipe_put(c->I, c->out, rows[i].item);
        if (st) return st;
    }
    return ST_OK;
}

static Status sort_end(CmdCtx *c)
{
    SortCtx sc = {.desc = cmdutil_flag(c, SO_DESC), .cs = cmdutil_flag(c, SO_CS)};
    SortKey *keys;
    Status st = parse_keys(c, SO_PROP, &keys, &sc.nkeys);
    sc.keys = keys;
    size_t n = buffer_len(c);
    SortRow *rows = xcalloc(n ? n : 1, sizeof *rows);
    for (size_t i = 0; !st && i < n; i++) {
        rows[i].item = arr_peek(c->state, i);
        st = sort_keys_of(c, &sc, &rows[i]);
    }
    if (!st) {
        SortRow *tmp = xmalloc((n ? n : 1) * sizeof *tmp);
        merge_sort(&sc, rows, tmp, n);
        free(tmp);
        /* -Bottom: the last n in ascending order means sorting the other way first */
        st = sort_emit(c, &sc, rows, n);
    }
    free_rows(rows, n, sc.nkeys);
    free_keys(keys, sc.nkeys);
    return st;
}

static Status sort_item(CmdCtx *c, Value v)
{
    buffer_push(c, v);
    return ST_OK;
}

static Status sort_object(CmdCtx *c)
{
    if (c->phase == CMD_PROCESS) return each_input(c, SO_INPUT, sort_item);
    if (c->phase == CMD_END) return sort_end(c);
    return ST_OK;
}

/* ================================================================ Group-Object ==== */

/* Group-Object [[-Property] <Object[]>] [-NoElement] [-AsHashTable] [-AsString]
 *              [-CaseSensitive] [-InputObject <PSObject>] */
enum { GR_PROP, GR_NOELEM, GR_ASHASH, GR_ASSTRING, GR_CS, GR_INPUT, GR_CULTURE };
static const ParamSpec group_params[] = {
    [GR_PROP] = {.name = "Property", .type = TY_OBJECT, .is_array = 1, .position = 0},
    [GR_NOELEM] = {.name = "NoElement", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GR_ASHASH] = {.name = "AsHashTable",
                   .alias = "AHT",
                   .type = TY_SWITCH,
                   .position = -1,
                   .flags = PS_SWITCH},
    [GR_ASSTRING] = {.name = "AsString", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GR_CS] = {.name = "CaseSensitive", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GR_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
    [GR_CULTURE] = {.name = "Culture", .type = TY_STRING, .position = -1}, /* accepted, ignored */
};

typedef struct Group {
    Value name;   /* the key values joined with ", " */
    Value values; /* object[] of the key values */
    Value items;  /* object[] */
} Group;

typedef struct Grouper {
    SortKey *keys;
    size_t nkeys;
    Group *g;
    size_t len, cap;
    Value index; /* hashtable name -> group number (case-insensitive grouping) */
} Grouper;

static void grouper_free(void *p)
{
    Grouper *gr = p;
    free_keys(gr->keys, gr->nkeys);
    for (size_t i = 0; i < gr->len; i++) {
        val_unref(gr->g[i].name);
        val_unref(gr->g[i].values);
        val_unref(gr->g[i].items);
    }
    free(gr->g);
    val_unref(gr->index);
    free(gr);
}

/* The group index of name, or -1 (case-sensitive grouping scans; otherwise the hashtable). */
static long group_find(CmdCtx *c, Grouper *gr, Value name)
{
    if (!cmdutil_flag(c, GR_CS)) {
        Value ix;
        if (!ht_get(gr->index, name, &ix)) return -1;
        return (long)ix.as.i;
    }
    for (size_t i = 0; i < gr->len; i++)
        if (strcmp(val_str_data(gr->g[i].name), val_str_data(name)) == 0) return (long)i;
    return -1;
}

/* Evaluate the keys of item: values (object[]) and the joined name. */
static Status group_key(CmdCtx *c, Grouper *gr, Value item, Value *values, Value *name)
{
    *values = arr_new(TY_OBJECT, gr->nkeys ? gr->nkeys : 1);
    StrBuf sb = {0};
    for (size_t i = 0; i < (gr->nkeys ? gr->nkeys : 1); i++) {
        Value v = val_ref(item);
        if (gr->nkeys) {
            val_unref(v);
            Status st = sortkey_eval(c->I, &gr->keys[i], item, &v, NULL);
            if (st) {
                sb_free(&sb);
                val_unref(*values);
                return st;
            }
        }
        if (i) sb_puts(&sb, ", ");
        convert_append_string(v, NULL, &sb);
        arr_push_take(*values, v);
    }
    if (!sb.buf) sb_puts(&sb, "");
    *name = val_str_take_sb(&sb);
    return ST_OK;
}

static Status group_item(CmdCtx *c, Value item)
{
    Grouper *gr = c->priv;
    Value values, name;
    Status st = group_key(c, gr, item, &values, &name);
    if (st) return st;
    long k = group_find(c, gr, name);
    if (k < 0) {
        Group g = {name, values, arr_new(TY_OBJECT, 4)};
        k = (long)gr->len;
        ARRAY_PUSH(gr->g, gr->len, gr->cap, g);
        if (!cmdutil_flag(c, GR_CS)) ht_set(gr->index, name, val_long(k));
    } else {
        val_unref(name);
        val_unref(values);
    }
    arr_push(gr->g[k].items, item);
    return ST_OK;
}

/* pwsh 7 sorts the groups by their key values (stable). */
static int group_cmp(const Group *a, const Group *b, int cs)
{
    for (size_t i = 0; i < arr_len(a->values) && i < arr_len(b->values); i++) {
        int r = sortkey_compare(arr_peek(a->values, i), arr_peek(b->values, i), cs);
        if (r) return r;
    }
    return 0;
}

static void group_sort(Grouper *gr, int cs)
{
    for (size_t i = 1; i < gr->len; i++) { /* insertion sort: few groups, stable */
        Group g = gr->g[i];
        size_t j = i;
        for (; j > 0 && group_cmp(&gr->g[j - 1], &g, cs) > 0; j--)
            gr->g[j] = gr->g[j - 1];
        gr->g[j] = g;
    }
}

static Value group_info(CmdCtx *c, const Group *g)
{
    int noel = cmdutil_flag(c, GR_NOELEM);
    Value v[4] = {val_int((int32_t)arr_len(g->items)), val_ref(g->name),
                  noel ? val_null() : val_ref(g->items), val_ref(g->values)};
    return rec_new(noel ? &cls_groupinfo_ne : &cls_groupinfo, group_names, 4, v);
}

static Status group_hash(CmdCtx *c, Grouper *gr)
{
    Value h = ht_new(0);
    for (size_t i = 0; i < gr->len; i++) {
        Value key = gr->g[i].name;
        if (!cmdutil_flag(c, GR_ASSTRING) && arr_len(gr->g[i].values) == 1)
            key = arr_peek(gr->g[i].values, 0);
        ht_set(h, key, gr->g[i].items);
    }
    Status st = pipe_put(c->I, c->out, h);
    val_unref(h);
    return st;
}

static Status group_end(CmdCtx *c)
{
    Grouper *gr = c->priv;
    group_sort(gr, cmdutil_flag(c, GR_CS));
    if (cmdutil_flag(c, GR_ASHASH)) return gr->len ? group_hash(c, gr) : ST_OK;
    for (size_t i = 0; i < gr->len; i++) {
        Value gi = group_info(c, &gr->g[i]);
        Status st = pipe_put(c->I, c->out, gi);
        val_unref(gi);
        if (st) return st;
    }
    return ST_OK;
}

static Status group_object(CmdCtx *c)
{
    if (c->phase == CMD_BEGIN) {
        Grouper *gr = xcalloc(1, sizeof *gr);
        gr->index = ht_new(0);
        c->priv = gr;
        c->priv_free = grouper_free;
        return parse_keys(c, GR_PROP, &gr->keys, &gr->nkeys);
    }
    if (c->phase == CMD_END) return group_end(c);
    return each_input(c, GR_INPUT, group_item);
}

/* ================================================================ Measure-Object ==== */

/* Measure-Object [[-Property] <PSPropertyExpression[]>] [-Sum] [-Average] [-Maximum] [-Minimum]
 *                [-StandardDeviation] [-AllStats] [-InputObject <PSObject>]
 * Measure-Object [[-Property] ...] [-Line] [-Word] [-Character] [-IgnoreWhiteSpace] */
enum {
    ME_PROP,
    ME_SUM,
    ME_AVG,
    ME_MAX,
    ME_MIN,
    ME_STDDEV,
    ME_ALL,
    ME_LINE,
    ME_WORD,
    ME_CHAR,
    ME_IGNOREWS,
    ME_INPUT
};
static const ParamSpec measure_params[] = {
    [ME_PROP] = {.name = "Property", .type = TY_OBJECT, .is_array = 1, .position = 0},
    [ME_SUM] = {.name = "Sum", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [ME_AVG] = {.name = "Average", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [ME_MAX] = {.name = "Maximum", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [ME_MIN] = {.name = "Minimum", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [ME_STDDEV] = {.name = "StandardDeviation",
                   .type = TY_SWITCH,
                   .position = -1,
                   .flags = PS_SWITCH},
    [ME_ALL] = {.name = "AllStats", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [ME_LINE] = {.name = "Line", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [ME_WORD] = {.name = "Word", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [ME_CHAR] = {.name = "Character", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [ME_IGNOREWS] = {.name = "IgnoreWhiteSpace",
                     .type = TY_SWITCH,
                     .position = -1,
                     .flags = PS_SWITCH},
    [ME_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
};

typedef struct Stat {
    long count;
    double sum, mean, m2; /* Welford's running mean and sum of squared deviations */
    int numeric;          /* every value so far was a number */
    Value min, max;       /* owned; $null before the first value */
    long lines, words, chars;
} Stat;

typedef struct Measure {
    SortKey *keys;
    size_t nkeys;
    Stat *st;     /* one per plain key (or one), then one per property a wildcard matched */
    Value *names; /* names[i]: the Property of st[i] ($null: none) */
    size_t len, cap;
    int stats; /* a statistic was asked for; without one only the count is kept */
} Measure;

static void measure_free(void *p)
{
    Measure *m = p;
    for (size_t i = 0; i < m->len; i++) {
        val_unref(m->st[i].min);
        val_unref(m->st[i].max);
        val_unref(m->names[i]);
    }
    free(m->st);
    free(m->names);
    free_keys(m->keys, m->nkeys);
    free(m);
}

/* The stat named name (case-insensitive), created when missing. */
static Stat *measure_stat(Measure *m, const char *name, size_t len)
{
    for (size_t i = m->nkeys; i < m->len; i++)
        if (val_str_len(m->names[i]) == len && str_nicmp(val_str_data(m->names[i]), name, len) == 0)
            return &m->st[i];
    if (m->len == m->cap) {
        m->cap = GROW_CAPACITY(m->cap);
        m->st = xrealloc(m->st, m->cap * sizeof *m->st);
        m->names = xrealloc(m->names, m->cap * sizeof *m->names);
    }
    memset(&m->st[m->len], 0, sizeof *m->st);
    m->st[m->len].numeric = 1;
    m->names[m->len] = val_str_n(name, len);
    return &m->st[m->len++];
}

static int text_mode(CmdCtx *c)
{
    return cmdutil_flag(c, ME_LINE) || cmdutil_flag(c, ME_WORD) || cmdutil_flag(c, ME_CHAR);
}

static int is_space(uint32_t cp)
{
    return cp == ' ' || (cp >= 9 && cp <= 13) || cp == 0xA0 || cp == 0x85 || cp == 0x2028 ||
           cp == 0x3000;
}

static void measure_text(CmdCtx *c, Stat *s, Value v)
{
    Value str = convert_to_string(v, NULL);
    const char *p = val_str_data(str);
    size_t len = val_str_len(str), n;
    int inword = 0;
    if (len) s->lines++;
    for (size_t i = 0; i < len; i += n) {
        uint32_t cp = utf8_decode(p + i, len - i, &n);
        if (cp == '\n' && i + 1 < len) s->lines++;
        int sp = is_space(cp);
        if (!sp && !inword) s->words++;
        inword = !sp;
        if (!(sp && cmdutil_flag(c, ME_IGNOREWS))) s->chars += cp > 0xFFFF ? 2 : 1;
    }
    val_unref(str);
}

static void keep_extreme(Value *slot, Value v, int want)
{
    if (slot->kind == VAL_NULL || sortkey_compare(v, *slot, 0) * want > 0) {
        val_unref(*slot);
        *slot = val_ref(v);
    }
}

/* Add one value to s; a non-number under -Sum/-Average/-StandardDeviation is an error. */
static void measure_value(CmdCtx *c, Stat *s, Value v)
{
    if (text_mode(c)) {
        measure_text(c, s, v);
        return;
    }
    s->count++;
    if (!((Measure *)c->priv)->stats) return;
    Value num, b = val_base(v);
    int ok = val_is_str(b) ? convert_parse_number(val_str_data(b), val_str_len(b), &num)
                           : convert_to_number(b, TY_DOUBLE, &num, NULL);
    if (ok == 0 && !val_is_null(b)) {
        Value d;
        double x = convert_to(num, TY_DOUBLE, 0, &d, NULL) == 0 ? d.as.d : 0;
        val_unref(num);
        s->sum += x;
        double delta = x - s->mean;
        s->mean += delta / (double)s->count;
        s->m2 += delta * (x - s->mean);
    } else {
        if (ok == 0) val_unref(num);
        s->numeric = 0;
    }
    keep_extreme(&s->min, v, -1);
    keep_extreme(&s->max, v, 1);
}

/* Measure every property of item whose name matches the wildcard key k. */
static void measure_wild(CmdCtx *c, Measure *m, const SortKey *k, Value item)
{
    Value b = val_base(item);
    const ObjClass *cls = val_class(b);
    size_t n = object_nprops(item);
    int own = n > 0 || !cls || !cls->nprops;
    if (!own) n = cls->nprops(b);
    for (size_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value v;
        if (own)
            object_prop_peek(item, i, &name, &len, &v);
        else
            cls->prop_at(b, i, &name, &len, &v);
        if (wildcard_match(val_str_data(k->expr), val_str_len(k->expr), name, len, 1, NULL) == 1)
            measure_value(c, measure_stat(m, name, len), v);
    }
}

static Status measure_item(CmdCtx *c, Value item)
{
    Measure *m = c->priv;
    if (!m->nkeys) {
        if (!val_is_null(item) || text_mode(c)) measure_value(c, &m->st[0], item);
        return ST_OK;
    }
    for (size_t i = 0; i < m->nkeys; i++) {
        if (m->keys[i].wildcard) {
            measure_wild(c, m, &m->keys[i], item);
            continue;
        }
        Value v;
        int found;
        Status st = sortkey_eval(c->I, &m->keys[i], item, &v, &found);
        if (st) return st;
        if (found) measure_value(c, &m->st[i], v);
        val_unref(v);
    }
    return ST_OK;
}

static Value stat_extreme(const Stat *s, Value v)
{
    if (val_is_null(v)) return val_null();
    if (!s->numeric) return val_ref(v);
    Value d;
    if (convert_to(val_base(v), TY_DOUBLE, 0, &d, NULL) == 0) return d;
    return val_ref(v);
}

static Value measure_result(CmdCtx *c, const Stat *s, Value prop)
{
    int all = cmdutil_flag(c, ME_ALL);
    if (text_mode(c)) {
        Value v[4] = {cmdutil_flag(c, ME_LINE) ? val_int((int32_t)s->lines) : val_null(),
                      cmdutil_flag(c, ME_WORD) ? val_int((int32_t)s->words) : val_null(),
                      cmdutil_flag(c, ME_CHAR) ? val_int((int32_t)s->chars) : val_null(),
                      val_ref(prop)};
        return rec_new(&cls_textmeasure, text_names, 4, v);
    }
    double sd = s->count > 1 ? sqrt(s->m2 / (double)(s->count - 1)) : 0;
    Value v[7] = {
        val_int((int32_t)s->count),
        (all || cmdutil_flag(c, ME_AVG)) && s->count ? val_double(s->mean) : val_null(),
        all || cmdutil_flag(c, ME_SUM) ? val_double(s->sum) : val_null(),
        all || cmdutil_flag(c, ME_MAX) ? stat_extreme(s, s->max) : val_null(),
        all || cmdutil_flag(c, ME_MIN) ? stat_extreme(s, s->min) : val_null(),
        (all || cmdutil_flag(c, ME_STDDEV)) && s->count ? val_double(sd) : val_null(),
        val_ref(prop),
    };
    return rec_new(&cls_measureinfo, measure_names, 7, v);
}

static int wants_numbers(CmdCtx *c)
{
    return cmdutil_flag(c, ME_ALL) || cmdutil_flag(c, ME_SUM) || cmdutil_flag(c, ME_AVG) ||
           cmdutil_flag(c, ME_STDDEV);
}

static Status measure_end(CmdCtx *c)
{
    Measure *m = c->priv;
    for (size_t i = 0; i < m->len; i++) {
        Stat *s = &m->st[i];
        if (i < m->nkeys && m->keys[i].wildcard) continue;
        Value prop = val_ref(m->names[i]);
        if (m->nkeys && !s->count && !text_mode(c)) {
            write_err(c, EXC_ARGUMENT, ERRCAT_INVALIDARGUMENT,
                      "GenericMeasurePropertyNotFound,Microsoft.PowerShell.Commands."
                      "MeasureObjectCommand",
                      val_null(),
                      "The property \"%s\" cannot be found in the input for any "
                      "objects.",
                      val_str_data(prop));
            val_unref(prop);
            continue;
        }
        if (!s->numeric && wants_numbers(c)) {
            write_err(c, EXC_INVALIDOP, ERRCAT_INVALIDARGUMENT,
                      "NonNumericInputObject,Microsoft.PowerShell.Commands.MeasureObjectCommand",
                      s->max, "Input object \"%s\" is not numeric.",
                      val_is_str(s->max) ? val_str_data(s->max) : "");
            val_unref(prop);
            continue;
        }
        Value r = measure_result(c, s, prop);
        val_unref(prop);
        Status st = pipe_put(c->I, c->out, r);
        val_unref(r);
        if (st) return st;
    }
    return ST_OK;
}

static Status measure_object(CmdCtx *c)
{
    if (c->phase == CMD_BEGIN) {
        Measure *m = xcalloc(1, sizeof *m);
        c->priv = m;
        c->priv_free = measure_free;
        m->stats = wants_numbers(c) || cmdutil_flag(c, ME_MAX) || cmdutil_flag(c, ME_MIN);
        Status st = parse_keys(c, ME_PROP, &m->keys, &m->nkeys);
        for (size_t i = 0; i < (m->nkeys ? m->nkeys : 1); i++) {
            const char *name = m->nkeys ? sortkey_name(&m->keys[i]) : "";
            measure_stat(m, name, strlen(name));
            if (!m->nkeys) {
                val_unref(m->names[0]);
                m->names[0] = val_null();
            }
        }
        return st;
    }
    if (c->phase == CMD_END) return measure_end(c);
    return each_input(c, ME_INPUT, measure_item);
}

/* ================================================================ Compare-Object ==== */

/* Compare-Object [-ReferenceObject] <PSObject[]> [-DifferenceObject] <PSObject[]>
 *                [-SyncWindow <Int32>] [-Property <Object[]>] [-ExcludeDifferent]
 *                [-IncludeEqual] [-PassThru] [-CaseSensitive] */
enum { CO_REF, CO_DIFF, CO_SYNC, CO_PROP, CO_EXCLDIFF, CO_INCLEQ, CO_PASSTHRU, CO_CS };
static const ParamSpec compare_params[] = {
    [CO_REF] = {.name = "ReferenceObject",
                .type = TY_OBJECT,
                .is_array = 1,
                .position = 0,
                .flags = PS_MANDATORY},
    [CO_DIFF] = {.name = "DifferenceObject",
                 .type = TY_OBJECT,
                 .position = 1,
                 .flags = PS_PIPELINE | PS_MANDATORY},
    [CO_SYNC] = {.name = "SyncWindow", .type = TY_INT32, .position = -1},
    [CO_PROP] = {.name = "Property", .type = TY_OBJECT, .is_array = 1, .position = -1},
    [CO_EXCLDIFF] = {.name = "ExcludeDifferent",
                     .type = TY_SWITCH,
                     .position = -1,
                     .flags = PS_SWITCH},
    [CO_INCLEQ] = {.name = "IncludeEqual", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [CO_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [CO_CS] = {.name = "CaseSensitive", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

typedef struct Compare {
    SortKey *keys;
    size_t nkeys;
} Compare;

static void compare_free(void *p)
{
    Compare *m = p;
    free_keys(m->keys, m->nkeys);
    free(m);
}

/* Are a and b the same for Compare-Object (every -Property, or the objects themselves)? */
static int compare_same(CmdCtx *c, Compare *m, Value a, Value b)
{
    int cs = cmdutil_flag(c, CO_CS);
    if (!m->nkeys)
        return sortkey_compare(a, b, cs) == 0 && convert_equal(val_base(a), val_base(b), cs);
    for (size_t i = 0; i < m->nkeys; i++) {
        Value x, y;
        sortkey_eval(c->I, &m->keys[i], a, &x, NULL);
        sortkey_eval(c->I, &m->keys[i], b, &y, NULL);
        int eq = convert_equal(x, y, cs);
        val_unref(x);
        val_unref(y);
        if (!eq) return 0;
    }
    return 1;
}

static Status compare_out(CmdCtx *c, Compare *m, Value obj, const char *side)
{
    Value r;
    if (cmdutil_flag(c, CO_PASSTHRU)) {
        Value s = val_str(side);
        r = object_with_note(obj, "SideIndicator", 13, s);
        val_unref(s);
    } else {
        r = object_new_custom();
        if (!m->nkeys) object_set_prop(r, "InputObject", 11, obj);
        for (size_t i = 0; i < m->nkeys; i++) {
            Value v;
            sortkey_eval(c->I, &m->keys[i], obj, &v, NULL);
            const char *nm = sortkey_name(&m->keys[i]);
            object_set_prop(r, nm, strlen(nm), v);
            val_unref(v);
        }
        Value s = val_str(side);
        object_set_prop(r, "SideIndicator", 13, s);
        val_unref(s);
    }
    Status st = pipe_put(c->I, c->out, r);
    val_unref(r);
    return st;
}

static Status compare_end(CmdCtx *c)
{
    Compare *m = c->priv;
    Value ref = c->arg[CO_REF];
    size_t nref = val_is_array(ref) ? arr_len(ref) : 0, ndiff = buffer_len(c);
    unsigned char *used = xcalloc(nref ? nref : 1, 1);
    Status st = ST_OK;
    for (size_t i = 0; !st && i < ndiff; i++) {
        Value d = arr_peek(c->state, i);
        size_t k = 0;
        while (k < nref && (used[k] || !compare_same(c, m, arr_peek(ref, k), d)))
            k++;
        if (k < nref) {
            used[k] = 1;
            if (cmdutil_flag(c, CO_INCLEQ)) st = compare_out(c, m, d, "==");
        } else if (!cmdutil_flag(c, CO_EXCLDIFF)) {
            st = compare_out(c, m, d, "=>");
        }
    }
    for (size_t k = 0; !st && k < nref; k++)
        if (!used[k] && !cmdutil_flag(c, CO_EXCLDIFF))
            st = compare_out(c, m, arr_peek(ref, k), "<=");
    free(used);
    return st;
}

static Status compare_item(CmdCtx *c, Value v)
{
    buffer_push(c, v);
    return ST_OK;
}

static Status compare_object(CmdCtx *c)
{
    if (c->phase == CMD_BEGIN) {
        Compare *m = xcalloc(1, sizeof *m);
        c->priv = m;
        c->priv_free = compare_free;
        return parse_keys(c, CO_PROP, &m->keys, &m->nkeys);
    }
    if (c->phase == CMD_END) return compare_end(c);
    return each_element(c, CO_DIFF, compare_item);
}

/* ================================================================ Get-Unique ==== */

/* Get-Unique [-InputObject <PSObject>] [-AsString] [-OnType] [-CaseInsensitive] */
enum { GU_INPUT, GU_ASSTRING, GU_ONTYPE, GU_CI };
static const ParamSpec unique_params[] = {
    [GU_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
    [GU_ASSTRING] = {.name = "AsString", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GU_ONTYPE] = {.name = "OnType", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GU_CI] = {.name = "CaseInsensitive", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* Adjacent duplicates are dropped: c->state holds the last object passed on. */
static Status unique_item(CmdCtx *c, Value v)
{
    int dup = 0;
    if (c->count++) {
        if (cmdutil_flag(c, GU_ONTYPE)) {
            dup = strcmp(val_type_fullname(v), val_type_fullname(c->state)) == 0;
        } else {
            Value a = convert_to_string(c->state, NULL), b = convert_to_string(v, NULL);
            dup = cmdutil_flag(c, GU_CI) ? convert_strcoll(val_str_data(a), val_str_len(a),
                                                           val_str_data(b), val_str_len(b), 0) == 0
                                         : strcmp(val_str_data(a), val_str_data(b)) == 0;
            val_unref(a);
            val_unref(b);
        }
    }
    if (dup) return ST_OK;
    val_unref(c->state);
    c->state = val_ref(v);
    return pipe_put(c->I, c->out, v);
}

static Status get_unique(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return each_input(c, GU_INPUT, unique_item);
}

/* ================================================================ Join-String ==== */

/* Join-String [[-Property] <PSPropertyExpression>] [[-Separator] <String>]
 *             [-OutputPrefix <String>] [-OutputSuffix <String>] [-SingleQuote] [-DoubleQuote]
 *             [-FormatString <String>] [-InputObject <PSObject[]>] */
enum { JS_PROP, JS_SEP, JS_PREFIX, JS_SUFFIX, JS_SQ, JS_DQ, JS_FORMAT, JS_INPUT };
static const ParamSpec join_params[] = {
    [JS_PROP] = {.name = "Property", .type = TY_OBJECT, .position = 0},
    [JS_SEP] = {.name = "Separator", .type = TY_STRING, .position = 1},
    [JS_PREFIX] = {.name = "OutputPrefix", .alias = "op", .type = TY_STRING, .position = -1},
    [JS_SUFFIX] = {.name = "OutputSuffix", .alias = "os", .type = TY_STRING, .position = -1},
    [JS_SQ] = {.name = "SingleQuote", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [JS_DQ] = {.name = "DoubleQuote", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [JS_FORMAT] = {.name = "FormatString", .type = TY_STRING, .position = -1},
    [JS_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
};

static NfStatus join_arg(void *ctx, StrBuf *out, int index, const char *fmt, size_t fmtlen)
{
    Value v = *(Value *)ctx;
    if (fmt && val_is_integer(v)) return nf_format_int(out, v.as.i, 0, fmt, NF_INVARIANT);
    if (fmt && v.kind == VAL_DOUBLE) return nf_format_double(out, v.as.d, fmt, NF_INVARIANT);
    convert_append_string(v, NULL, out);
    return NF_OK;
}

static void join_one(CmdCtx *c, Value v, StrBuf *sb)
{
    const char *q = cmdutil_flag(c, JS_SQ) ? "'" : cmdutil_flag(c, JS_DQ) ? "\"" : "";
    sb_puts(sb, q);
    if (given(c, JS_FORMAT))
        nf_composite(sb, val_str_data(c->arg[JS_FORMAT]), 1, join_arg, &v);
    else
        convert_append_string(v, NULL, sb);
    sb_puts(sb, q);
}

static Status join_item(CmdCtx *c, Value v)
{
    Value val = val_ref(v);
    if (given(c, JS_PROP)) {
        SortKey k;
        const char *msg;
        val_unref(val);
        if (sortkey_parse(c->arg[JS_PROP], &k, &msg) != 0)
            return cmd_error(c, EXC_ARGUMENT, "DictionaryKeyIllegal", "%s", msg);
        Status st = sortkey_eval(c->I, &k, v, &val, NULL);
        sortkey_free(&k);
        if (st) return st;
    }
    buffer_push(c, val);
    val_unref(val);
    return ST_OK;
}

static Status join_end(CmdCtx *c)
{
    StrBuf sb = {0};
    sb_puts(&sb, given(c, JS_PREFIX) ? val_str_data(c->arg[JS_PREFIX]) : "");
    for (size_t i = 0; i < buffer_len(c); i++) {
        if (i && given(c, JS_SEP)) sb_puts(&sb, val_str_data(c->arg[JS_SEP]));
        join_one(c, arr_peek(c->state, i), &sb);
    }
    sb_puts(&sb, given(c, JS_SUFFIX) ? val_str_data(c->arg[JS_SUFFIX]) : "");
    Value s = val_str_take_sb(&sb);
    Status st = pipe_put(c->I, c->out, s);
    val_unref(s);
    return st;
}

static Status join_string(CmdCtx *c)
{
    if (c->phase == CMD_PROCESS) return each_input(c, JS_INPUT, join_item);
    return c->phase == CMD_END ? join_end(c) : ST_OK;
}

/* ================================================================ Tee-Object ==== */

/* Tee-Object [-FilePath] <String> [-Append] [-InputObject <PSObject>]
 * Tee-Object -Variable <String> [-InputObject <PSObject>] */
enum { TE_FILE, TE_APPEND, TE_VAR, TE_INPUT };
static const ParamSpec tee_params[] = {
    [TE_FILE] = {.name = "FilePath", .alias = "Path", .type = TY_STRING, .position = 0},
    [TE_APPEND] = {.name = "Append", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [TE_VAR] = {.name = "Variable", .type = TY_STRING, .position = -1},
    [TE_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
};

/* -FilePath, taken against the runspace's location (a thread job's own Set-Location), is
 * opened (created or truncated) in the begin phase, as pwsh's Tee-Object does through
 * Out-File: a file that cannot be opened fails before any object passes.  The text is
 * written at the end, formatted as one block. */
#define TEE_OPEN_ID "FileOpenFailure,Microsoft.PowerShell.Commands.TeeObjectCommand"
static void tee_close(void *f)
{
    fclose(f);
}

static Status tee_open(CmdCtx *c)
{
    char *full = runloc_full(c->I, val_str_data(c->arg[TE_FILE]));
    FILE *f = fopen(full, cmdutil_flag(c, TE_APPEND) ? "a" : "w");
    Status st = ST_OK;
    if (f) {
        c->priv = f;
        c->priv_free = tee_close;
    } else if (errno == EACCES || errno == EISDIR) {
        st = cmd_error(c, EXC_SYSTEM, TEE_OPEN_ID, "Access to the path '%s' is denied.", full);
    } else {
        st = cmd_error(c, EXC_SYSTEM, TEE_OPEN_ID, "Could not find a part of the path '%s'.", full);
    }
    free(full);
    return st;
}

static void tee_write(CmdCtx *c, Value all)
{
    FmtOptions opt;
    fmt_options_init(&opt);
    opt.width = 120;
    StrBuf sb = {0};
    size_t n = arr_len(all);
    Value *items = xmalloc((n ? n : 1) * sizeof(Value));
    for (size_t i = 0; i < n; i++)
        items[i] = arr_peek(all, i);
    fmt_values(&opt, items, n, &sb);
    free(items);
    fwrite(sb.buf ? sb.buf : "", 1, sb.len, c->priv);
    sb_free(&sb);
}

static Status tee_end(CmdCtx *c)
{
    Value all = c->state.kind == VAL_NULL ? arr_new(TY_OBJECT, 0) : val_ref(c->state);
    if (given(c, TE_VAR)) {
        Value v = arr_len(all) == 1 ? arr_get(all, 0) : val_ref(all);
        eval_var_set(c->I, val_str_data(c->arg[TE_VAR]), val_str_len(c->arg[TE_VAR]), v);
        val_unref(v);
    } else if (c->priv) {
        tee_write(c, all);
    }
    val_unref(all);
    return ST_OK;
}

static Status tee_item(CmdCtx *c, Value v)
{
    buffer_push(c, v);
    return pipe_put(c->I, c->out, v);
}

static Status tee_object(CmdCtx *c)
{
    if (c->phase == CMD_BEGIN && given(c, TE_FILE) && val_str_len(c->arg[TE_FILE]) == 0)
        return cmd_error(c, EXC_PARAMBIND,
                         "ParameterArgumentValidationErrorEmptyStringNotAllowed,"
                         "Microsoft.PowerShell.Commands.TeeObjectCommand",
                         "Cannot bind argument to parameter 'FilePath' because it is an empty "
                         "string.");
    if (c->phase == CMD_BEGIN && given(c, TE_FILE) && !given(c, TE_VAR)) return tee_open(c);
    if (c->phase == CMD_PROCESS) return each_input(c, TE_INPUT, tee_item);
    return c->phase == CMD_END ? tee_end(c) : ST_OK;
}

/* ================================================================ New-Object ==== */

/* New-Object [-TypeName] <String> [[-ArgumentList] <Object[]>] [-Property <IDictionary>] */
enum { NO_TYPE, NO_ARGS, NO_PROP };
static const ParamSpec new_params[] = {
    [NO_TYPE] = {.name = "TypeName", .type = TY_STRING, .position = 0, .flags = PS_MANDATORY},
    [NO_ARGS] =
        {.name = "ArgumentList", .alias = "Args", .type = TY_OBJECT, .is_array = 1, .position = 1},
    [NO_PROP] = {.name = "Property", .type = TY_OBJECT, .position = -1},
};

/* The type names New-Object can make, with their constructor. */
static Value make_custom(void)
{
    return object_new_custom();
}
static Value make_hashtable(void)
{
    return ht_new(0);
}
static Value make_ordered(void)
{
    return ht_new(1);
}
static const struct {
    const char *name;
    Value (*make)(void);
} new_types[] = {
    {"PSObject", make_custom},
    {"System.Management.Automation.PSObject", make_custom},
    {"PSCustomObject", make_custom},
    {"System.Management.Automation.PSCustomObject", make_custom},
    {"Hashtable", make_hashtable},
    {"System.Collections.Hashtable", make_hashtable},
    {"System.Collections.Specialized.OrderedDictionary", make_ordered},
};

/* Any other type: its static constructor, as [T]::new(args) runs it (pwsh's New-Object
 * binds -ArgumentList to the constructor the same way).  An unknown type is pwsh's
 * terminating TypeNotFound; a known type without a fitting constructor, or one that throws,
 * is reported with the constructor's own message (psmini's wording, not .NET's ".ctor"). */
static Status new_by_static(CmdCtx *c, const char *tn, Value *o)
{
    Value a = c->arg[NO_ARGS];
    size_t n = val_is_array(a) ? arr_len(a) : !val_is_null(a);
    Value *args = xcalloc(n + 1, sizeof(Value));
    for (size_t i = 0; i < n; i++)
        args[i] = val_is_array(a) ? arr_peek(a, i) : a;
    MemberCtx mc = {.rx = c->I->rx, .cwd = runloc_get(c->I)};
    MemberError err;
    int rc = static_call(&mc, tn, strlen(tn), "new", 3, args, (int)n, o, &err);
    free(args);
    if (rc == MEMBER_OK) return ST_OK;
    *o = val_null();
    if (rc == MEMBER_NOTFOUND && strcmp(err.id, "TypeNotFound") == 0)
        return cmdutil_fail(
            c, EXC_PSARGUMENT, ERRCAT_INVALIDTYPE, "TypeNotFound",
            "Cannot find type [%s]: verify that the assembly containing this type is loaded.", tn);
    if (rc == MEMBER_NOTFOUND)
        return cmdutil_fail(c, EXC_METHOD, ERRCAT_OBJECTNOTFOUND, "CannotFindAppropriateCtor",
                            "A constructor was not found. Cannot find an appropriate constructor "
                            "for type %s.",
                            tn);
    static const char call_new[] = "Exception calling \"new\"";
    const char *m = err.msg; /* pwsh names the constructor ".ctor" here */
    int ctor = strncmp(m, call_new, sizeof call_new - 1) == 0;
    return cmdutil_fail(c, EXC_METHOD, ERRCAT_INVALIDOPERATION, "ConstructorInvokedThrowException",
                        "%s%s", ctor ? "Exception calling \".ctor\"" : "",
                        ctor ? m + sizeof call_new - 1 : m);
}

static Status new_object(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    const char *tn = val_str_data(c->arg[NO_TYPE]);
    Value o = val_null();
    for (size_t i = 0; i < sizeof new_types / sizeof new_types[0] && val_is_null(o); i++)
        if (str_icmp(tn, new_types[i].name) == 0) o = new_types[i].make();
    if (val_is_null(o)) /* ArrayList, List[T] ... (runtime/collections.h) */
        coll_new_object(tn, strlen(tn), c->arg[NO_ARGS], &o);
    if (val_is_null(o)) {
        Status st = new_by_static(c, tn, &o);
        if (st) return st;
    }
    Value p = val_base(c->arg[NO_PROP]);
    for (size_t i = 0; ht_is(p) && i < ht_count(p); i++) {
        Value k, v;
        ht_entry_peek(p, i, &k, &v);
        if (ht_is(o)) {
            ht_set(o, k, v);
            continue;
        }
        Value ks = convert_to_string(k, NULL);
        object_set_prop(o, val_str_data(ks), val_str_len(ks), v);
        val_unref(ks);
    }
    Status st = pipe_put(c->I, c->out, o);
    val_unref(o);
    return st;
}

/* ================================================================ Add-Member ==== */

/* Add-Member [-MemberType] <PSMemberTypes> [-Name] <String> [[-Value] <Object>]
 *            [-InputObject <PSObject>] [-PassThru] [-Force]
 * Add-Member [-NotePropertyName] <String> [-NotePropertyValue] <Object> ...
 * Add-Member [-NotePropertyMembers] <IDictionary> ... */
enum {
    AM_TYPE,
    AM_NAME,
    AM_VALUE,
    AM_NPNAME,
    AM_NPVALUE,
    AM_NPMEMBERS,
    AM_INPUT,
    AM_PASSTHRU,
    AM_FORCE
};
static const ParamSpec addm_params[] = {
    [AM_TYPE] = {.name = "MemberType", .alias = "Type", .type = TY_OBJECT, .position = 0},
    [AM_NAME] = {.name = "Name", .type = TY_OBJECT, .position = 1},
    [AM_VALUE] = {.name = "Value", .type = TY_OBJECT, .position = 2},
    [AM_NPNAME] = {.name = "NotePropertyName", .type = TY_STRING, .position = -1},
    [AM_NPVALUE] = {.name = "NotePropertyValue", .type = TY_OBJECT, .position = -1},
    [AM_NPMEMBERS] = {.name = "NotePropertyMembers", .type = TY_OBJECT, .position = -1},
    [AM_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
    [AM_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [AM_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* Add one note property to *obj (replaced by the result, maybe a new wrapper). */
static int add_note(CmdCtx *c, Value *obj, Value name, Value val)
{
    Value s = convert_to_string(name, NULL), old;
    if (!cmdutil_flag(c, AM_FORCE) && val_get_prop(*obj, val_str_data(s), val_str_len(s), &old)) {
        val_unref(old);
        write_err(c, EXC_INVALIDOP, ERRCAT_INVALIDOPERATION,
                  "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand", *obj,
                  "Cannot add a member with the name \"%s\" because a member with that name "
                  "already exists. To overwrite the member anyway, add the Force parameter to "
                  "your command.",
                  val_str_data(s));
        val_unref(s);
        return 0;
    }
    Value r = object_with_note(*obj, val_str_data(s), val_str_len(s), val);
    val_unref(s);
    val_unref(*obj);
    *obj = r;
    return 1;
}

/* -MemberType ScriptProperty / ScriptMethod: -Value is the getter or the method body. */
static int add_script(CmdCtx *c, Value *obj, int is_method)
{
    Value sb = val_base(c->arg[AM_VALUE]);
    if (!val_is(sb, &cls_scriptblock)) {
        write_err(c, EXC_INVALIDOP, ERRCAT_INVALIDOPERATION,
                  "CannotConvertValueToScriptBlock,Microsoft.PowerShell.Commands."
                  "AddMemberCommand",
                  *obj, "The value of the Value parameter must be a script block.");
        return 0;
    }
    Value m = psinfo_script_member(c->I, sb, is_method);
    int ok;
    if (!is_method) {
        ok = add_note(c, obj, c->arg[AM_NAME], m);
    } else {
        Value s = convert_to_string(c->arg[AM_NAME], NULL);
        Value r = val_is(*obj, &cls_pscustomobject) || val_is(*obj, &cls_psobject)
                      ? val_ref(*obj)
                      : object_wrap(*obj);
        ok = object_add_method(r, val_str_data(s), val_str_len(s), m);
        val_unref(s);
        val_unref(*obj);
        *obj = r;
    }
    val_unref(m);
    return ok;
}

/* The (name, value) pairs to add, by parameter set. */
static int add_members(CmdCtx *c, Value *obj)
{
    Value t = c->arg[AM_TYPE];
    if (given(c, AM_NPMEMBERS) || ht_is(val_base(t))) {
        Value h = val_base(given(c, AM_NPMEMBERS) ? c->arg[AM_NPMEMBERS] : t);
        int ok = 1;
        for (size_t i = 0; ht_is(h) && i < ht_count(h) && ok; i++) {
            Value k, v;
            ht_entry_peek(h, i, &k, &v);
            ok = add_note(c, obj, k, v);
        }
        return ok;
    }
    if (given(c, AM_NPNAME)) return add_note(c, obj, c->arg[AM_NPNAME], c->arg[AM_NPVALUE]);
    Value ts = convert_to_string(t, NULL);
    int note = str_icmp(val_str_data(ts), "NoteProperty") == 0;
    int script = str_icmp(val_str_data(ts), "ScriptProperty") == 0 ? 1
                 : str_icmp(val_str_data(ts), "ScriptMethod") == 0 ? 2
                                                                   : 0;
    val_unref(ts);
    if (note) return add_note(c, obj, c->arg[AM_NAME], c->arg[AM_VALUE]);
    if (script) return add_script(c, obj, script == 2);
    /* Add-Member name value: the NotePropertyName set, positionally */
    return add_note(c, obj, t, c->arg[AM_NAME]);
}

static Status add_member(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (!c->has_input && !given(c, AM_INPUT)) return ST_OK;
    Value obj = val_ref(c->has_input ? c->input : c->arg[AM_INPUT]);
    Status st = ST_OK;
    if (add_members(c, &obj) && cmdutil_flag(c, AM_PASSTHRU)) st = pipe_put(c->I, c->out, obj);
    val_unref(obj);
    return st;
}

/* ================================================================ the family ==== */

const CmdDef objects_table[] = {
    {"ForEach-Object", "% foreach", foreach_object, foreach_params, NPARAMS(foreach_params)},
    {"Where-Object", "? where", where_object, where_params, NPARAMS(where_params)},
    {"Select-Object", "select", select_object, select_params, NPARAMS(select_params)},
    {"Sort-Object", NULL, sort_object, sort_params, NPARAMS(sort_params)},
    {"Group-Object", "group", group_object, group_params, NPARAMS(group_params)},
    {"Measure-Object", "measure", measure_object, measure_params, NPARAMS(measure_params)},
    {"Compare-Object", "compare", compare_object, compare_params, NPARAMS(compare_params)},
    {"Get-Unique", "gu", get_unique, unique_params, NPARAMS(unique_params)},
    {"Join-String", NULL, join_string, join_params, NPARAMS(join_params)},
    {"Tee-Object", NULL, tee_object, tee_params, NPARAMS(tee_params)},
    {"New-Object", NULL, new_object, new_params, NPARAMS(new_params)},
    {"Add-Member", NULL, add_member, addm_params, NPARAMS(addm_params)},
};
const int objects_count = NPARAMS(objects_table);
