/*
** eval_expr: expressions.  eval_expr dispatches on the node kind to one eval_<kind> each;
** binary operators go through one table (bin_ops) from OpKind to an operator family.
** Every function returns a Status and leaves a new reference in *out on ST_OK.
*/
#include "runtime/eval.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/arith.h"
#include "runtime/array.h"
#include "runtime/bigint.h"
#include "runtime/decimal.h"
#include "runtime/drivevar.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/members_util.h"
#include "runtime/members.h"
#include "runtime/members_kinds.h"
#include "runtime/nettypes.h"
#if EVAL_USE_MEMBERS
#include "runtime/statics.h"
#endif
#include "runtime/numfmt.h"
#include "runtime/object.h"
#include "runtime/pathinfo.h"
#include "runtime/runloc.h"
#include "runtime/scriptblock.h"
#include "runtime/wildcard.h"

/* ---------------------------------------------------------------- variables ---- */

static int is_name(const char *s, size_t len, const char *lit)
{
    return str_ieq_slice(s, len, lit);
}

/* $Error: the runspace's list itself (newest first), so $Error.Clear() affects it. */
static Value error_list(Interp *I)
{
    return val_ref(I->errors);
}

/* $PWD: the runspace's current location (runtime/runloc.h). */
static Value current_dir(Interp *I)
{
    char *here = runloc_display(I);
    Value pi = pathinfo_new(here);
    free(here);
    return pi;
}

/* $true $false $null $? $Error $PWD; returns 1 when name is one of them. */
static int special_get(Interp *I, const char *name, size_t len, Value *out)
{
    switch (len) {
    case 1:
        if (name[0] != '?') return 0;
        *out = val_bool(I->last_ok);
        return 1;
    case 4:
        if (is_name(name, len, "true")) return *out = val_bool(1), 1;
        if (is_name(name, len, "null")) return *out = val_null(), 1;
        return 0;
    case 3:
        if (is_name(name, len, "PWD")) return *out = current_dir(I), 1;
        return 0;
    case 6:
        if (is_name(name, len, "PSItem")) return *out = eval_var_get(I, "_", 1), 1;
        return 0;
    case 12:
        if (is_name(name, len, "MyInvocation")) return *out = eval_my_invocation(I), 1;
        return 0;
    case 5:
        if (is_name(name, len, "false")) return *out = val_bool(0), 1;
        if (is_name(name, len, "Error")) return *out = error_list(I), 1;
        return 0;
    default:
        return 0;
    }
}

Value eval_var_get(Interp *I, const char *name, size_t len)
{
    Value v;
    if (special_get(I, name, len, &v)) return v;
    Var *var = scope_lookup(I->cur, name, len);
    return var ? val_ref(var_value(var)) : val_null();
}

void eval_var_set(Interp *I, const char *name, size_t len, Value v)
{
    var_set(scope_define(I->cur, name, len), v);
}

typedef enum Qual { Q_NONE, Q_GLOBAL, Q_SCRIPT, Q_LOCAL, Q_PRIVATE, Q_ENV, Q_OTHER } Qual;

static Qual qualifier(const Node *n)
{
    static const char *const names[] = {"global", "script", "local", "private", "env"};
    if (!n->b) return Q_NONE;
    for (int i = 0; i < 5; i++)
        if (str_icmp(n->b->str, names[i]) == 0) return (Qual)(i + 1);
    return Q_OTHER;
}

/* The scope a qualified name lives in (Q_NONE: NULL = dynamic lookup). */
static Scope *qual_scope(Interp *I, Qual q)
{
    switch (q) {
    case Q_GLOBAL:
        return I->global;
    case Q_SCRIPT:
        return scope_script(I->cur);
    case Q_LOCAL:
    case Q_PRIVATE:
        return I->cur;
    default:
        return NULL;
    }
}

/* $using:x reads only the job's $using: values (I->usings); outside a job block pwsh
 * fails with UsingWithoutInvokeCommand. */
static Status using_get(Interp *I, Node *n, Value *out)
{
    if (ht_is(I->usings)) { /* Start-Job collected every name: a miss is not expected */
        if (!ht_get_str(I->usings, n->str, n->len, out)) *out = val_null();
        return ST_OK;
    }
    return eval_fail(I, n, EXC_RUNTIME, "UsingWithoutInvokeCommand",
                     "A Using variable cannot be retrieved. A Using variable can be used only "
                     "with Invoke-Command, Start-Job, or InlineScript in the script workflow. "
                     "When it is used with Invoke-Command, the Using variable is valid only if "
                     "the script block is invoked on a remote computer.");
}

static Status eval_variable(Interp *I, Node *n, Value *out)
{
    Qual q = qualifier(n);
    if (q == Q_OTHER && str_icmp(n->b->str, "using") == 0) return using_get(I, n, out);
    if (q == Q_ENV) {
        const char *e = getenv(n->str);
        *out = e ? val_str(e) : val_null();
        return ST_OK;
    }
    if (q == Q_OTHER && drivevar_get(I, n->b->str, n->str, n->len, out))
        return ST_OK; /* ${function:f}, $alias:x */
    Scope *s = qual_scope(I, q);
    if (!s) {
        *out = eval_var_get(I, n->str, n->len);
        return ST_OK;
    }
    Var *v = scope_local(s, n->str, n->len);
    *out = v ? val_ref(var_value(v)) : val_null();
    return ST_OK;
}

/* ---------------------------------------------------------------- literals ---- */

static Status eval_number(Interp *I, Node *n, Value *out)
{
    const NumLit *l = &n->num;
    switch (l->type) {
    case NUM_INT32:
        *out = val_int((int32_t)l->v.i);
        break;
    case NUM_INT64:
        *out = val_long(l->v.i);
        break;
    case NUM_DOUBLE:
        *out = val_double(l->v.d);
        break;
    case NUM_BIGINT:
        *out = convert_numlit(l, n->str, n->len);
        break;
    case NUM_DECIMAL:
        if (convert_parse_number(n->str, n->len, out) != 0) *out = val_double(l->v.d);
        break;
    case NUM_INT16:
    case NUM_SBYTE:
        *out = val_integer(l->type == NUM_INT16 ? VAL_INT16 : VAL_SBYTE, l->v.i);
        break;
    case NUM_UINT16:
        *out = val_integer(VAL_UINT16, (int64_t)l->v.u);
        break;
    case NUM_BYTE:
        *out = val_integer(VAL_BYTE, (int64_t)l->v.u);
        break;
    case NUM_UINT32:
        *out = val_integer(VAL_UINT32, (int64_t)l->v.u);
        break;
    case NUM_UINT64:
        *out = val_ulong(l->v.u);
        break;
    }
    return ST_OK;
}

/* The current $OFS, or NULL for the default " " (borrowed from the variable). */
static const char *ofs(Interp *I)
{
    Var *v = scope_lookup(I->cur, "OFS", 3);
    if (!v || !val_is_str(var_value(v))) return NULL;
    return val_str_data(var_value(v));
}

static Status eval_expandable(Interp *I, Node *n, Value *out)
{
    StrBuf sb = {0};
    const char *sep = ofs(I);
    for (Node *p = n->a; p; p = p->next) {
        if (p->kind == AST_STRING) {
            sb_append(&sb, p->str, p->len);
            continue;
        }
        Value v;
        Status st = eval_expr(I, p, &v);
        if (st) {
            sb_free(&sb);
            return st;
        }
        Value rest;
        if (pipe_input_take(v, &rest)) val_unref(v), v = rest; /* "$input" consumes it */
        convert_append_string(v, sep, &sb);
        val_unref(v);
    }
    *out = val_str_take_sb(&sb);
    return ST_OK;
}

static Status eval_hash_into(Interp *I, Node *n, Value h)
{
    for (Node *p = n->a; p; p = p->next) {
        Value k, v;
        Status st = eval_expr(I, p->a, &k);
        if (st) return st;
        st = eval_collect(I, p->b, &v);
        if (st) {
            val_unref(k);
            return st;
        }
        if (v.kind == VAL_AUTONULL) v = val_null();
        if (!ht_add(h, k, v)) {
            StrBuf ks = {0};
            convert_append_scalar(k, &ks);
            val_unref(k), val_unref(v);
            st = eval_fail(I, p->a, EXC_RUNTIME, "DuplicateKeyInHashLiteral",
                           "Duplicate keys '%s' are not allowed in hash literals.", sb_str(&ks));
            sb_free(&ks);
            return st;
        }
        val_unref(k), val_unref(v);
    }
    return ST_OK;
}

static Status eval_hash(Interp *I, Node *n, int ordered, Value *out)
{
    Value h = ht_new(ordered);
    Status st = eval_hash_into(I, n, h);
    if (st) return val_unref(h), st;
    *out = h;
    return ST_OK;
}

static Status eval_array(Interp *I, Node *n, Value *out)
{
    Value a = arr_new(TY_OBJECT, (size_t)ast_count(n->a));
    for (Node *e = n->a; e; e = e->next) {
        Value v;
        Status st = eval_expr(I, e, &v);
        if (st) return val_unref(a), st;
        arr_push_take(a, v.kind == VAL_AUTONULL ? val_null() : v);
    }
    *out = a;
    return ST_OK;
}

static Status eval_statements_value(Interp *I, Node *stmts, int always_array, Value *out)
{
    Collector c;
    collector_init(&c);
    Status st = eval_stmts(I, stmts, &c.pipe);
    if (st) {
        collector_free(&c);
        return st;
    }
    *out = always_array ? collector_take_array(&c) : collector_take(&c);
    return ST_OK;
}

static Status eval_paren(Interp *I, Node *n, Value *out)
{
    Node *c = n->a;
    if (c->kind == AST_ASSIGN) return eval_assign(I, c, out);
    if (c->kind >= AST_BINARY) return eval_expr(I, c, out);
    return eval_collect(I, c, out);
}

static Status eval_sbexpr(Interp *I, Node *n, Value *out)
{
    Node *sb = n->a;
    *out = scriptblock_new(I->prog, sb, sb->str, sb->str ? sb->len : 0);
    return ST_OK;
}

/* ---------------------------------------------------------------- casts ---- */

/* [ref]$x refers to the variable x itself, so $r.Value = v assigns $x (also from a thread job
 * the reference is passed to); [ref] of anything else, or of a variable not defined, holds
 * the value in a variable of its own; [ref] of a reference is that reference. */
static Status eval_ref(Interp *I, Node *e, Value *out)
{
    Qual q = e->kind == AST_VARIABLE ? qualifier(e) : Q_OTHER;
    if (q != Q_ENV && q != Q_OTHER) {
        Scope *s = qual_scope(I, q);
        Var *var = s ? scope_local(s, e->str, e->len) : scope_lookup(I->cur, e->str, e->len);
        if (var) return *out = scope_ref_new(var), ST_OK;
    }
    Value v;
    Status st = eval_expr(I, e, &v);
    if (st) return st;
    if (v.kind == VAL_AUTONULL) v = val_null();
    if (val_is(v, &cls_psreference)) return *out = v, ST_OK;
    *out = scope_ref_box(v);
    val_unref(v);
    return ST_OK;
}

static Status eval_convert(Interp *I, Node *n, Value *out)
{
    Node *t = n->a;
    if (t->len == 3 && str_nicmp(t->str, "ref", 3) == 0) return eval_ref(I, n->b, out);
    if (n->b->kind == AST_HASH && str_icmp(t->str, "ordered") == 0)
        return eval_hash(I, n->b, 1, out);
    Value v;
    Status st = eval_expr(I, n->b, &v);
    if (st) return st;
    if (v.kind == VAL_AUTONULL) v = val_null();
    if (val_is_array(v) && type_lookup(t->str, t->len) == TY_STRING) {
        *out = convert_to_string(v, ofs(I)); /* [string] joins with $OFS */
        val_unref(v);
        return ST_OK;
    }
    Value tr = typeref_parse(t->str, t->len);
    ConvError ce;
    int rc = convert_to_type(v, tr, out, &ce);
    val_unref(tr), val_unref(v);
    return rc ? eval_fail_conv(I, n, &ce) : ST_OK;
}

/* A type operand of -is/-as: a type literal, or a string naming one. */
static Status type_operand(Interp *I, Node *n, Value *out)
{
    Value v;
    Status st = eval_expr(I, n, &v);
    if (st) return st;
    if (val_is(v, &cls_typeref)) {
        *out = v;
        return ST_OK;
    }
    Value s = convert_to_string(v, NULL);
    *out = typeref_parse(val_str_data(s), val_str_len(s));
    val_unref(s), val_unref(v);
    return ST_OK;
}

/* ---------------------------------------------------------------- operators ---- */

typedef enum BinKind {
    BK_NONE,
    BK_ARITH,
    BK_CMP,
    BK_LOGIC,
    BK_LIKE,
    BK_MATCH,
    BK_REPLACE,
    BK_CONTAINS,
    BK_IN,
    BK_SPLIT,
    BK_JOIN,
    BK_IS,
    BK_AS,
    BK_FORMAT,
    BK_RANGE,
    BK_COALESCE
} BinKind;

typedef struct BinOp {
    uint8_t kind; /* BinKind */
    uint8_t sub;  /* ArithOp, CmpOp, or 0 -and / 1 -or / 2 -xor */
    uint8_t neg;  /* -notlike, -notmatch, -notcontains, -notin, -isnot */
} BinOp;

static const BinOp bin_ops[OP__COUNT] = {
    [OP_ADD] = {BK_ARITH, ARITH_ADD, 0},
    [OP_SUB] = {BK_ARITH, ARITH_SUB, 0},
    [OP_MUL] = {BK_ARITH, ARITH_MUL, 0},
    [OP_DIV] = {BK_ARITH, ARITH_DIV, 0},
    [OP_MOD] = {BK_ARITH, ARITH_MOD, 0},
    [OP_BAND] = {BK_ARITH, ARITH_BAND, 0},
    [OP_BOR] = {BK_ARITH, ARITH_BOR, 0},
    [OP_BXOR] = {BK_ARITH, ARITH_BXOR, 0},
    [OP_SHL] = {BK_ARITH, ARITH_SHL, 0},
    [OP_SHR] = {BK_ARITH, ARITH_SHR, 0},
    [OP_EQ] = {BK_CMP, CMP_EQ, 0},
    [OP_NE] = {BK_CMP, CMP_NE, 0},
    [OP_LT] = {BK_CMP, CMP_LT, 0},
    [OP_LE] = {BK_CMP, CMP_LE, 0},
    [OP_GT] = {BK_CMP, CMP_GT, 0},
    [OP_GE] = {BK_CMP, CMP_GE, 0},
    [OP_AND] = {BK_LOGIC, 0, 0},
    [OP_OR] = {BK_LOGIC, 1, 0},
    [OP_XOR] = {BK_LOGIC, 2, 0},
    [OP_LIKE] = {BK_LIKE, 0, 0},
    [OP_NOTLIKE] = {BK_LIKE, 0, 1},
    [OP_MATCH] = {BK_MATCH, 0, 0},
    [OP_NOTMATCH] = {BK_MATCH, 0, 1},
    [OP_REPLACE] = {BK_REPLACE, 0, 0},
    [OP_CONTAINS] = {BK_CONTAINS, 0, 0},
    [OP_NOTCONTAINS] = {BK_CONTAINS, 0, 1},
    [OP_IN] = {BK_IN, 0, 0},
    [OP_NOTIN] = {BK_IN, 0, 1},
    [OP_SPLIT] = {BK_SPLIT, 0, 0},
    [OP_JOIN] = {BK_JOIN, 0, 0},
    [OP_IS] = {BK_IS, 0, 0},
    [OP_ISNOT] = {BK_IS, 0, 1},
    [OP_AS] = {BK_AS, 0, 0},
    [OP_FORMAT] = {BK_FORMAT, 0, 0},
    [OP_RANGE] = {BK_RANGE, 0, 0},
    [OP_COALESCE] = {BK_COALESCE, 0, 0},
};

static Status arith(Interp *I, Node *n, ArithOp op, Value a, Value b, Value *out)
{
    /* Int32/Int64 +/- Int32 without overflow: the common loop case (overflow widens as
     * arith_binary decides). */
    if ((op == ARITH_ADD || op == ARITH_SUB) && (a.kind == VAL_INT32 || a.kind == VAL_INT64) &&
        b.kind == VAL_INT32) {
        int64_t r;
        int over = op == ARITH_ADD ? __builtin_add_overflow(a.as.i, b.as.i, &r)
                                   : __builtin_sub_overflow(a.as.i, b.as.i, &r);
        if (!over && a.kind == VAL_INT32 && r >= INT32_MIN && r <= INT32_MAX) {
            *out = val_int((int32_t)r);
            return ST_OK;
        }
        if (!over && a.kind == VAL_INT64) { /* no signed overflow (UB): the slow path widens */
            *out = val_long(r);
            return ST_OK;
        }
    }
    if ((op == ARITH_ADD || op == ARITH_SUB) && a.kind == VAL_DOUBLE && b.kind == VAL_INT32) {
        *out = val_double(op == ARITH_ADD ? a.as.d + (double)b.as.i : a.as.d - (double)b.as.i);
        return ST_OK;
    }
    ConvError ce;
    const char *sep = val_is_str(a) ? ofs(I) : NULL;
    if (arith_binary(op, a, b, sep, out, &ce)) return eval_fail_conv(I, n, &ce);
    return ST_OK;
}

/* A per-element string test used by -like and -match on scalars and collections. */
typedef int (*StrTest)(Interp *I, void *ctx, Value s, int scalar);

static int test_one(Interp *I, StrTest t, void *ctx, Value v, int scalar)
{
    Value s = convert_to_string(v, NULL);
    int r = t(I, ctx, s, scalar);
    val_unref(s);
    return r;
}

/* A scalar gives a Boolean; a collection the elements that pass (language.md 6.3). */
static Value filter(Interp *I, Value lhs, StrTest t, void *ctx, int neg)
{
    if (!val_is_array(lhs)) return val_bool(test_one(I, t, ctx, lhs, 1) != neg);
    Value r = arr_new(TY_OBJECT, 0);
    for (size_t i = 0; i < arr_len(lhs); i++)
        if (test_one(I, t, ctx, arr_peek(lhs, i), 0) != neg) arr_push(r, arr_peek(lhs, i));
    return r;
}

/* -like on a collection: pwsh's LikeOperator collects the elements' strings, not the
 * elements (1, 12 -like '1*' gives two Strings). */
static Value filter_strings(Interp *I, Value lhs, StrTest t, void *ctx, int neg)
{
    if (!val_is_array(lhs)) return val_bool(test_one(I, t, ctx, lhs, 1) != neg);
    Value r = arr_new(TY_OBJECT, 0);
    for (size_t i = 0; i < arr_len(lhs); i++) {
        Value s = convert_to_string(arr_peek(lhs, i), NULL);
        if (t(I, ctx, s, 0) != neg) arr_push(r, s);
        val_unref(s);
    }
    return r;
}

static int like_test(Interp *I, void *ctx, Value s, int scalar)
{
    return wildcard_test(ctx, val_str_data(s), val_str_len(s));
}

static Status op_like(Interp *I, Node *n, Value a, Value b, int neg, Value *out)
{
    int cs = n->flags & NF_CASESENS;
    Value p = convert_to_string(b, NULL);
    char *err = NULL;
    Wildcard *w = wildcard_compile(val_str_data(p), val_str_len(p), !cs, &err);
    val_unref(p);
    if (!w) {
        Status st = eval_fail(I, n, EXC_ARGUMENT, "WildcardPatternException", "%s", err);
        free(err);
        return st;
    }
    *out = filter_strings(I, a, like_test, w, neg);
    wildcard_free(w);
    return ST_OK;
}

/* Fill $Matches from a successful scalar match. */
static void set_matches(Interp *I, Regex *re, RxMatch *m, Value s)
{
    Value h = ht_new(0);
    const char *base = val_str_data(s);
    for (size_t i = m->ngroups; i-- > 0;) {
        RxSpan g = m->group[i];
        if (g.start == RX_NOPOS) continue;
        const char *name = rx_group_name(re, i);
        Value k = name ? val_str(name) : val_int(rx_group_number(re, i));
        Value v = val_str_n(base + g.start, g.end - g.start);
        ht_set(h, k, v);
        val_unref(k), val_unref(v);
    }
    eval_var_set(I, "Matches", 7, h);
    val_unref(h);
}

typedef struct MatchCtx {
    Regex *re;
    char *err;
} MatchCtx;

static int match_test(Interp *I, void *ctx, Value s, int scalar)
{
    MatchCtx *mc = ctx;
    RxMatch m = {0};
    int r = rx_match(mc->re, val_str_data(s), val_str_len(s), 0, &m, &mc->err);
    if (r > 0 && scalar) set_matches(I, mc->re, &m, s);
    rx_match_free(&m);
    return r > 0;
}

static Status regex_of(Interp *I, Node *n, Value pat, unsigned opts, Regex **re)
{
    if (nettype_regex(pat)) /* a [regex] object keeps its own options */
        return *re = rx_ref(nettype_regex(pat)), ST_OK;
    Value p = convert_to_string(pat, NULL);
    char *err = NULL;
    *re = rx_cache_get(I->rx, val_str_data(p), val_str_len(p), opts, &err);
    val_unref(p);
    if (*re) return ST_OK;
    Status st = eval_fail(I, n, EXC_ARGUMENT, "InvalidRegularExpression", "%s", err);
    free(err);
    return st;
}

static unsigned case_opts(Node *n)
{
    return (n->flags & NF_CASESENS) ? RX_NONE : RX_IGNORECASE;
}

static Status op_match(Interp *I, Node *n, Value a, Value b, int neg, Value *out)
{
    MatchCtx mc = {NULL, NULL};
    Status st = regex_of(I, n, b, case_opts(n), &mc.re);
    if (st) return st;
    *out = filter(I, a, match_test, &mc, neg);
    rx_unref(mc.re);
    free(mc.err);
    return ST_OK;
}

static Value replace_one(Regex *re, Value v, Value rep)
{
    Value s = convert_to_string(v, NULL);
    StrBuf sb = {0};
    char *err = NULL;
    if (rx_replace(re, val_str_data(s), val_str_len(s), val_str_data(rep), val_str_len(rep), -1,
                   &sb, &err) != 0) {
        free(err);
        sb_free(&sb);
        return s;
    }
    val_unref(s);
    return val_str_take_sb(&sb);
}

/* One match's replacement from a script block: $_ is the Match object; the output is joined
 * like [string] would. */
static Status replace_call(Interp *I, Value sb, Regex *re, Value s, RxMatch *m, StrBuf *out)
{
    Value match = mkinds_match_new(re, val_str_data(s), val_str_len(s), m), r;
    Collector c;
    collector_init(&c);
    Status st = eval_invoke_item(I, sb, match, &c.pipe);
    val_unref(match);
    if (st) return collector_free(&c), st;
    r = collector_take(&c);
    convert_append_string(r, ofs(I), out);
    val_unref(r);
    return ST_OK;
}

/* s with every match replaced by the script block's result. */
static Status replace_sb(Interp *I, Regex *re, Value v, Value sb, Value *out)
{
    Value s = convert_to_string(v, NULL);
    StrBuf acc = {0};
    RxIter it;
    RxMatch m = {0};
    char *err = NULL;
    size_t at = 0;
    Status st = ST_OK;
    rx_iter_init(&it, re, val_str_data(s), val_str_len(s));
    while (!st && rx_iter_next(&it, &m, &err) > 0) {
        sb_append(&acc, val_str_data(s) + at, m.group[0].start - at);
        st = replace_call(I, sb, re, s, &m, &acc);
        at = m.group[0].end;
    }
    free(err);
    rx_match_free(&m);
    sb_append(&acc, val_str_data(s) + at, val_str_len(s) - at);
    val_unref(s);
    if (st) return sb_free(&acc), st;
    *out = val_str_take_sb(&acc);
    return ST_OK;
}

static Status op_replace_sb(Interp *I, Regex *re, Value a, Value sb, Value *out)
{
    if (!val_is_array(a)) return replace_sb(I, re, a, sb, out);
    *out = arr_new(TY_OBJECT, arr_len(a));
    for (size_t i = 0; i < arr_len(a); i++) {
        Value r;
        Status st = replace_sb(I, re, arr_peek(a, i), sb, &r);
        if (st) return val_unref(*out), st;
        arr_push_take(*out, r);
    }
    return ST_OK;
}

static Status op_replace(Interp *I, Node *n, Value a, Value b, Value *out)
{
    Value pat = b, rep = val_null();
    if (val_is_array(b)) {
        pat = arr_len(b) ? arr_peek(b, 0) : val_null();
        rep = arr_len(b) > 1 ? arr_peek(b, 1) : val_null();
    }
    Regex *re;
    Status st = regex_of(I, n, pat, case_opts(n), &re);
    if (st) return st;
    if (val_is(val_base(rep), &cls_scriptblock)) {
        st = op_replace_sb(I, re, a, val_base(rep), out);
        rx_unref(re);
        return st;
    }
    Value r = convert_to_string(rep, NULL);
    if (!val_is_array(a)) {
        *out = replace_one(re, a, r);
    } else {
        *out = arr_new(TY_OBJECT, arr_len(a));
        for (size_t i = 0; i < arr_len(a); i++)
            arr_push_take(*out, replace_one(re, arr_peek(a, i), r));
    }
    val_unref(r);
    rx_unref(re);
    return ST_OK;
}

static void push_spans(Value out, Value s, RxSpanList *l)
{
    for (size_t i = 0; i < l->len; i++)
        arr_push_take(
            out, val_str_n(val_str_data(s) + l->item[i].start, l->item[i].end - l->item[i].start));
    rx_spans_free(l);
}

/* -split options given as a string: "SimpleMatch, IgnoreCase ..." (names case-insensitive),
 * or as a number (a [System.Management.Automation.SplitOptions] value). */
static unsigned split_opts(Value v, unsigned opts)
{
    static const struct {
        const char *name;
        unsigned bit;
    } names[] = {{"SimpleMatch", RX_PS_SIMPLEMATCH},
                 {"RegexMatch", 0},
                 {"CultureInvariant", RX_CULTUREINVARIANT},
                 {"IgnorePatternWhitespace", RX_IGNOREPATTERNWS},
                 {"Multiline", RX_MULTILINE},
                 {"Singleline", RX_SINGLELINE},
                 {"IgnoreCase", RX_IGNORECASE},
                 {"ExplicitCapture", RX_EXPLICITCAPTURE}};
    Value num; /* names[] is in SplitOptions bit order: SimpleMatch = 1, RegexMatch = 2, ... */
    if (val_is_integer(val_base(v)) && convert_to(v, TY_INT32, 0, &num, NULL) == 0) {
        for (int i = 0; i < 8; i++)
            if (num.as.i & (1 << i)) opts |= names[i].bit;
        return opts;
    }
    Value s = convert_to_string(v, NULL);
    const char *t = val_str_data(s);
    while (*t) {
        while (*t == ' ' || *t == ',')
            t++;
        size_t len = strcspn(t, ", ");
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (len && str_ieq_slice(t, len, names[i].name)) opts |= names[i].bit;
        t += len;
    }
    val_unref(s);
    return opts;
}

/* -split { script block }: each character (as $_) for which the block is true is a delimiter;
 * max > 0 limits the number of pieces. */
static Status split_sb(Interp *I, Value sb, Value s, long max, Value r)
{
    const char *p = val_str_data(s);
    size_t len = val_str_len(s), at = 0, used;
    long pieces = 1;
    for (size_t i = 0; i < len && (max <= 0 || pieces < max); i += used) {
        uint32_t cp = utf8_decode(p + i, len - i, &used);
        Value ch = cp <= 0xFFFF ? val_char(cp) : val_str_n(p + i, used), res;
        Collector c;
        collector_init(&c);
        Status st = eval_invoke_item(I, sb, ch, &c.pipe);
        val_unref(ch);
        if (st) return collector_free(&c), st;
        res = collector_take(&c);
        int hit = convert_truthy(res);
        val_unref(res);
        if (!hit) continue;
        arr_push_take(r, val_str_n(p + at, i - at));
        at = i + used;
        pieces++;
    }
    arr_push_take(r, val_str_n(p + at, len - at));
    return ST_OK;
}

static Status split_one(Interp *I, Node *n, Value s, Value delim, long max, unsigned opts, Value r)
{
    if (val_is(val_base(delim), &cls_scriptblock)) return split_sb(I, val_base(delim), s, max, r);
    Value d = convert_to_string(delim, NULL);
    RxSpanList l = {0};
    char *err = NULL;
    int rc = rx_ps_split(I->rx, val_str_data(s), val_str_len(s), val_str_data(d), val_str_len(d),
                         max, opts, &l, &err);
    val_unref(d);
    if (rc) {
        Status st = eval_fail(I, n, EXC_ARGUMENT, "InvalidRegularExpression", "%s", err);
        free(err);
        return st;
    }
    push_spans(r, s, &l);
    return ST_OK;
}

/* a -split delim | delim, max | delim, max, options: the result is a string[]. */
static Status op_split(Interp *I, Node *n, Value a, Value b, Value *out)
{
    Value delim = b;
    long max = 0;
    unsigned opts = case_opts(n);
    if (val_is_array(b) && arr_len(b) > 0) {
        delim = arr_peek(b, 0);
        Value m;
        if (arr_len(b) > 1 && convert_to(arr_peek(b, 1), TY_INT32, 0, &m, NULL) == 0)
            max = (long)m.as.i;
        if (arr_len(b) > 2) opts = split_opts(arr_peek(b, 2), opts);
    }
    Value r = arr_new(TY_STRING, 0);
    size_t n_in = val_is_array(a) ? arr_len(a) : 1;
    for (size_t i = 0; i < n_in; i++) {
        Value s = convert_to_string(val_is_array(a) ? arr_peek(a, i) : a, NULL);
        Status st = split_one(I, n, s, delim, max, opts, r);
        val_unref(s);
        if (st) return val_unref(r), st;
    }
    *out = r;
    return ST_OK;
}

static Value join(Value a, Value sep)
{
    StrBuf sb = {0};
    Value s = convert_to_string(sep, NULL);
    size_t n = val_is_array(a) ? arr_len(a) : 1;
    for (size_t i = 0; i < n; i++) {
        if (i) sb_append(&sb, val_str_data(s), val_str_len(s));
        convert_append_scalar(val_is_array(a) ? arr_peek(a, i) : a, &sb);
    }
    val_unref(s);
    return val_str_take_sb(&sb);
}

static Status make_range(Interp *I, Node *n, Value a, Value b, int64_t *lo, int64_t *hi,
                         int *chars);

static Status op_range(Interp *I, Node *n, Value a, Value b, Value *out)
{
    int64_t lo, hi;
    int chars;
    Status st = make_range(I, n, a, b, &lo, &hi, &chars);
    if (st) return st;
    int64_t step = lo <= hi ? 1 : -1;
    Value r = arr_new(TY_OBJECT, (size_t)((hi - lo) * step + 1));
    for (int64_t i = lo;; i += step) {
        arr_push_take(r, chars ? val_char((uint32_t)i) : val_int((int32_t)i));
        if (i == hi) break;
    }
    *out = r;
    return ST_OK;
}

static int single_char(Value v, int64_t *c)
{
    if (v.kind == VAL_CHAR) return *c = (int64_t)v.as.u, 1;
    if (!val_is_str(v)) return 0;
    size_t used;
    if (val_str_len(v) == 0) return 0;
    uint32_t cp = utf8_decode(val_str_data(v), val_str_len(v), &used);
    if (used != val_str_len(v) || cp > 0xFFFF) return 0;
    *c = cp;
    return 1;
}

static int numeric_str(Value v)
{
    Value t;
    if (!val_is_str(v) || convert_parse_number(val_str_data(v), val_str_len(v), &t) != 0) return 0;
    val_unref(t);
    return 1;
}

/* a..b: Int32 ends, or a char range when both ends are single characters ('a'..'e'). */
static Status make_range(Interp *I, Node *n, Value a, Value b, int64_t *lo, int64_t *hi, int *chars)
{
    int64_t ca, cb;
    *chars = 0;
    if (single_char(a, &ca) && single_char(b, &cb) && !(numeric_str(a) && numeric_str(b))) {
        *lo = ca, *hi = cb, *chars = 1;
        return ST_OK;
    }
    Value x, y;
    ConvError ce;
    if (convert_to(a, TY_INT32, 0, &x, &ce) || convert_to(b, TY_INT32, 0, &y, &ce))
        return eval_fail_conv(I, n, &ce);
    *lo = x.as.i;
    *hi = y.as.i;
    return ST_OK;
}

/* -f: one argument of the composite format. */
typedef struct FmtCtx {
    Value args;
} FmtCtx;

static NfStatus fmt_arg(void *ctx, StrBuf *out, int index, const char *fmt, size_t fmtlen)
{
    FmtCtx *f = ctx;
    if (index < 0 || (size_t)index >= arr_len(f->args)) return NF_EINDEX;
    Value v = val_base(arr_peek(f->args, (size_t)index));
    if (val_is_bigint(v)) return (NfStatus)bigint_format(v, fmt, out);
    return mbr_format(v, fmt, out); /* what v.ToString(fmt) gives: numbers, dates, timespans */
}

static Status op_format(Interp *I, Node *n, Value a, Value b, Value *out)
{
    FmtCtx f = {val_is_array(b) ? val_ref(b) : arr_from(&b, 1)};
    Value s = convert_to_string(a, NULL);
    StrBuf sb = {0};
    NfStatus rc = nf_composite(&sb, val_str_data(s), (int)arr_len(f.args), fmt_arg, &f);
    val_unref(s), val_unref(f.args);
    if (rc != NF_OK) {
        sb_free(&sb);
        return eval_fail(I, n, EXC_FORMAT, "FormatError", "Error formatting a string: %s.",
                         nf_strerror(rc));
    }
    *out = val_str_take_sb(&sb);
    return ST_OK;
}

static Status op_cmp(Interp *I, Node *n, CmpOp op, Value a, Value b, Value *out)
{
    ConvError ce;
    if (convert_cmp_op(op, a, b, (n->flags & NF_CASESENS) != 0, out, &ce))
        return eval_fail_conv(I, n, &ce);
    return ST_OK;
}

/* Operators whose right side is always evaluated: a and b are both ready. */
static Status binary_values(Interp *I, Node *n, const BinOp *o, Value a, Value b, Value *out)
{
    int cs = (n->flags & NF_CASESENS) != 0;
    switch ((BinKind)o->kind) {
    case BK_ARITH:
        return arith(I, n, (ArithOp)o->sub, a, b, out);
    case BK_CMP:
        return op_cmp(I, n, (CmpOp)o->sub, a, b, out);
    case BK_LIKE:
        return op_like(I, n, a, b, o->neg, out);
    case BK_MATCH:
        return op_match(I, n, a, b, o->neg, out);
    case BK_REPLACE:
        return op_replace(I, n, a, b, out);
    case BK_CONTAINS:
        return *out = val_bool(convert_contains(a, b, cs) != o->neg), ST_OK;
    case BK_IN:
        return *out = val_bool(convert_contains(b, a, cs) != o->neg), ST_OK;
    case BK_SPLIT:
        return op_split(I, n, a, b, out);
    case BK_JOIN:
        return *out = join(a, b), ST_OK;
    case BK_FORMAT:
        return op_format(I, n, a, b, out);
    case BK_RANGE:
        return op_range(I, n, a, b, out);
    default:
        return *out = val_null(), ST_OK;
    }
}

static Status eval_logic(Interp *I, Node *n, int which, Value *out)
{
    Value a, b;
    Status st = eval_expr(I, n->a, &a);
    if (st) return st;
    int x = convert_truthy(a);
    val_unref(a);
    if ((which == 0 && !x) || (which == 1 && x)) return *out = val_bool(x), ST_OK;
    if ((st = eval_expr(I, n->b, &b))) return st;
    int y = convert_truthy(b);
    val_unref(b);
    *out = val_bool(which == 2 ? x != y : y);
    return ST_OK;
}

static Status eval_type_op(Interp *I, Node *n, const BinOp *o, Value *out)
{
    Value a, t;
    Status st = eval_expr(I, n->a, &a);
    if (st) return st;
    if ((st = type_operand(I, n->b, &t))) return val_unref(a), st;
    if (a.kind == VAL_AUTONULL) a = val_null();
    if (o->kind == BK_AS)
        *out = convert_as(a, t);
    else
        *out = val_bool(convert_is_type(a, t) != o->neg);
    val_unref(a), val_unref(t);
    return ST_OK;
}

static Status eval_binary(Interp *I, Node *n, Value *out)
{
    const BinOp *o = &bin_ops[n->op];
    if (o->kind == BK_LOGIC) return eval_logic(I, n, o->sub, out);
    if (o->kind == BK_IS || o->kind == BK_AS) return eval_type_op(I, n, o, out);
    Value a, b;
    Status st = eval_expr(I, n->a, &a);
    if (st) return st;
    if (a.kind == VAL_AUTONULL) a = val_null();
    if (o->kind == BK_COALESCE) {
        if (!val_is_null(a)) return *out = a, ST_OK;
        return eval_expr(I, n->b, out);
    }
    if ((st = eval_expr(I, n->b, &b))) return val_unref(a), st;
    if (b.kind == VAL_AUTONULL) b = val_null();
    st = binary_values(I, n, o, a, b, out);
    val_unref(a), val_unref(b);
    return st;
}

/* ---------------------------------------------------------------- unary ---- */

static Status incdec(Interp *I, Node *n, Node *target, int delta, int post, Value *out);

static Status eval_unary(Interp *I, Node *n, Value *out)
{
    if (n->op == OP_INC || n->op == OP_DEC)
        return incdec(I, n, n->a, n->op == OP_INC ? 1 : -1, 0, out);
    Value a;
    Status st = eval_expr(I, n->a, &a);
    if (st) return st;
    if (a.kind == VAL_AUTONULL) a = val_null();
    ConvError ce;
    int rc = 0;
    switch (n->op) {
    case OP_SUB:
        rc = arith_negate(a, out, &ce);
        break;
    case OP_ADD:
        rc = convert_to_number(a, TY_INT32, out, &ce);
        break;
    case OP_NOT:
    case OP_BANG:
        *out = val_bool(!convert_truthy(a));
        break;
    case OP_BNOT:
        rc = arith_bnot(a, out, &ce);
        break;
    case OP_JOIN: {
        Value e = val_str_empty();
        *out = join(a, e);
        val_unref(e);
        break;
    }
    case OP_SPLIT: {
        Value r = arr_new(TY_STRING, 0), s = convert_to_string(a, NULL);
        RxSpanList l = {0};
        rx_ps_split_ws(I->rx, val_str_data(s), val_str_len(s), &l);
        push_spans(r, s, &l);
        val_unref(s);
        *out = r;
        break;
    }
    default:
        *out = val_null();
    }
    val_unref(a);
    return rc ? eval_fail_conv(I, n, &ce) : ST_OK;
}

static Status eval_postfix(Interp *I, Node *n, Value *out)
{
    return incdec(I, n, n->a, n->op == OP_INC ? 1 : -1, 1, out);
}

static Status eval_comma(Interp *I, Node *n, Value *out)
{
    Value v;
    Status st = eval_expr(I, n->a, &v);
    if (st) return st;
    if (v.kind == VAL_AUTONULL) v = val_null();
    *out = arr_from(&v, 1);
    val_unref(v);
    return ST_OK;
}

static Status eval_ternary(Interp *I, Node *n, Value *out)
{
    Value c;
    Status st = eval_expr(I, n->a, &c);
    if (st) return st;
    int t = convert_truthy(c);
    val_unref(c);
    return eval_expr(I, t ? n->b : n->c, out);
}

/* ---------------------------------------------------------------- members ---- */

/* The member name of a MEMBER/INVOKE node: a literal, or any expression's string. */
static Status member_name(Interp *I, Node *b, Value *name)
{
    if (b->kind == AST_STRING) {
        *name = val_str_n(b->str, b->len);
        return ST_OK;
    }
    Value v;
    Status st = eval_expr(I, b, &v);
    if (st) return st;
    *name = convert_to_string(v, NULL);
    val_unref(v);
    return ST_OK;
}

/* [type]::Member (static properties). */
static Status static_member(Interp *I, Node *n, Value type, const char *name, size_t len,
                            Value *out)
{
    if (!val_is(type, &cls_typeref)) return *out = val_null(), ST_OK;
#if EVAL_USE_MEMBERS
    MemberCtx mc = {.rx = I->rx, .cwd = runloc_get(I)};
    MemberError err;
    const char *full = typeref_fullname(type);
    int rc = static_get(&mc, full, strlen(full), name, len, out, &err);
    if (rc == MEMBER_OK) return ST_OK;
    if (rc == MEMBER_ERROR) return eval_fail(I, n, EXC_RUNTIME, err.id, "%s", err.msg);
#endif
    TypeId t = typeref_id(type);
    int max = str_ieq_slice(name, len, "MaxValue");
    if (!max && !str_ieq_slice(name, len, "MinValue")) return *out = val_null(), ST_OK;
    switch (t) {
    case TY_INT32:
        return *out = val_int(max ? INT32_MAX : INT32_MIN), ST_OK;
    case TY_INT64:
        return *out = val_long(max ? INT64_MAX : INT64_MIN), ST_OK;
    case TY_BYTE:
        return *out = val_integer(VAL_BYTE, max ? 255 : 0), ST_OK;
    case TY_DOUBLE:
        return *out = val_double(max ? 1.7976931348623157e308 : -1.7976931348623157e308), ST_OK;
    default:
        return *out = val_null(), ST_OK;
    }
}

static Status eval_member_node(Interp *I, Node *n, Value *out)
{
    Value obj, name;
    Status st = eval_expr(I, n->a, &obj);
    if (st) return st;
    if ((st = member_name(I, n->b, &name))) return val_unref(obj), st;
    if (n->flags & NF_STATIC)
        st = static_member(I, n, obj, val_str_data(name), val_str_len(name), out);
    else if ((n->flags & NF_NULLCOND) && val_is_null(obj))
        *out = val_null();
    else
        st = eval_member(I, obj, val_str_data(name), val_str_len(name), out);
    val_unref(obj), val_unref(name);
    return st;
}

static Status member_enum(Interp *I, Value arr, const char *name, size_t len, Value *out)
{
    Collector c;
    collector_init(&c);
    for (size_t i = 0; i < arr_len(arr); i++) {
        Value v;
        Status st = eval_member(I, arr_peek(arr, i), name, len, &v);
        if (!st) st = pipe_emit(I, &c.pipe, v);
        val_unref(v);
        if (st) return collector_free(&c), st;
    }
    *out = collector_take(&c);
    if (out->kind == VAL_AUTONULL) *out = val_null();
    return ST_OK;
}

Status eval_member(Interp *I, Value obj, const char *name, size_t len, Value *out)
{
    if (val_is_str(val_base(obj)) && str_ieq_slice(name, len, "Length"))
        return *out = val_int((int32_t)val_str_len16(val_base(obj))), ST_OK;
#if EVAL_USE_MEMBERS
    MemberCtx mc = {.rx = I->rx, .cwd = runloc_get(I)};
    MemberError err;
    int rc = member_get(&mc, obj, name, len, out, &err);
    if (rc == MEMBER_OK) return ST_OK;
    if (rc == MEMBER_ERROR) return eval_fail(I, NULL, EXC_RUNTIME, err.id, "%s", err.msg);
#else
    if (val_is_null(obj)) {
        int cnt = str_ieq_slice(name, len, "Count") || str_ieq_slice(name, len, "Length");
        return *out = cnt ? val_int(0) : val_null(), ST_OK;
    }
    if (val_get_prop(obj, name, len, out)) return ST_OK;
#endif
    if (val_is_array(obj)) return member_enum(I, obj, name, len, out);
#if !EVAL_USE_MEMBERS
    if (str_ieq_slice(name, len, "Count") || str_ieq_slice(name, len, "Length"))
        return *out = val_int(1), ST_OK;
#endif
    *out = val_null();
    return ST_OK;
}

static Status eval_args(Interp *I, Node *list, Value **args, int *nargs)
{
    int n = ast_count(list), i = 0;
    *args = xcalloc((size_t)n + 1, sizeof(Value));
    *nargs = 0;
    for (Node *e = list; e; e = e->next, i++) {
        Status st = eval_expr(I, e, &(*args)[i]);
        if (st) {
            for (int j = 0; j < i; j++)
                val_unref((*args)[j]);
            free(*args);
            return st;
        }
        if ((*args)[i].kind == VAL_AUTONULL) (*args)[i] = val_null();
    }
    *nargs = n;
    return ST_OK;
}

/* Not a Status the evaluator returns: nettype_method's "not an object of nettypes.h". */
#define ST_NOTMINE ((Status)-1)

/* Methods of the objects of nettypes.h (Regex, Version, BigInteger, enums); a .NET exception
 * is wrapped as MethodInvocationException, as eval_method does. */
static Status nettype_method(Interp *I, Node *n, Value obj, const char *name, size_t len,
                             Value *args, int nargs, Value *out)
{
    if (n->flags & NF_STATIC) return ST_NOTMINE;
    MemberCtx mc = {.rx = I->rx, .cwd = runloc_get(I)};
    MemberError err;
    int rc = nettype_call(&mc, obj, name, len, args, nargs, out, &err);
    if (rc == MEMBER_NOTFOUND) return ST_NOTMINE;
    if (rc == MEMBER_OK) return ST_OK;
    ErrInit e = {.msg = err.msg,
                 .id = err.id,
                 .exc = EXC_METHOD,
                 .inner = EXC_METHOD,
                 .cat = ERRCAT_NOTSPECIFIED,
                 .prog = I->prog,
                 .start = n->start,
                 .end = n->end};
    return eval_throw_rec(I, errrec_new(&e), 0);
}

static Status eval_invoke_node(Interp *I, Node *n, Value *out)
{
    Value obj, name, *args;
    int nargs;
    Status st = eval_expr(I, n->a, &obj);
    if (st) return st;
    if ((st = member_name(I, n->b, &name))) return val_unref(obj), st;
    if ((n->flags & NF_NULLCOND) && val_is_null(obj)) {
        val_unref(name);
        return *out = val_null(), ST_OK;
    }
    if (!(st = eval_args(I, n->c, &args, &nargs))) {
        st = nettype_method(I, n, obj, val_str_data(name), val_str_len(name), args, nargs, out);
        if (st == ST_NOTMINE)
            st = eval_method(I, n, obj, val_str_data(name), val_str_len(name), args, nargs, out);
        for (int i = 0; i < nargs; i++)
            val_unref(args[i]);
        free(args);
    }
    val_unref(obj), val_unref(name);
    return st;
}

static Status eval_index(Interp *I, Node *n, Value *out)
{
    Value obj, idx;
    Status st = eval_expr(I, n->a, &obj);
    if (st) return st;
    if ((n->flags & NF_NULLCOND) && val_is_null(obj)) return *out = val_null(), ST_OK;
    if ((st = eval_expr(I, n->b, &idx))) return val_unref(obj), st;
    Value b = val_base(obj);
    if (val_is(b, &cls_rxgroups) && !val_is_array(idx)) {
        /* $m.Groups[1], $m.Groups['name'] */
        if (!mkinds_group_at(b, idx, out)) *out = val_null();
    } else {
        st = eval_index_value(I, n, obj, idx, out);
    }
    val_unref(obj), val_unref(idx);
    return st;
}

/* ---------------------------------------------------------------- dispatch ---- */

Status eval_expr(Interp *I, Node *n, Value *out)
{
    switch ((NodeKind)n->kind) {
    case AST_NUMBER:
        return eval_number(I, n, out);
    case AST_STRING:
        return *out = val_str_n(n->str, n->len), ST_OK;
    case AST_EXPANDABLE:
        return eval_expandable(I, n, out);
    case AST_VARIABLE:
        return eval_variable(I, n, out);
    case AST_BINARY:
        return eval_binary(I, n, out);
    case AST_UNARY:
        return eval_unary(I, n, out);
    case AST_POSTFIX:
        return eval_postfix(I, n, out);
    case AST_COMMA:
        return eval_comma(I, n, out);
    case AST_CONVERT:
        return eval_convert(I, n, out);
    case AST_TYPE:
        return *out = typeref_parse(n->str, n->len), ST_OK;
    case AST_MEMBER:
        return eval_member_node(I, n, out);
    case AST_INVOKE:
        return eval_invoke_node(I, n, out);
    case AST_INDEX:
        return eval_index(I, n, out);
    case AST_ARRAY:
        return eval_array(I, n, out);
    case AST_ARRAYEXPR:
        return eval_statements_value(I, n->a, 1, out);
    case AST_SUBEXPR:
        return eval_statements_value(I, n->a, 0, out);
    case AST_PAREN:
        return eval_paren(I, n, out);
    case AST_HASH:
        return eval_hash(I, n, 0, out);
    case AST_SBEXPR:
        return eval_sbexpr(I, n, out);
    case AST_TERNARY:
        return eval_ternary(I, n, out);
    case AST_ASSIGN:
        return eval_assign(I, n, out);
    default:
        return eval_collect(I, n, out);
    }
}

Status eval_range_bounds(Interp *I, Node *n, int64_t *lo, int64_t *hi, int *chars)
{
    Value a, b;
    Status st = eval_expr(I, n->a, &a);
    if (st) return st;
    if ((st = eval_expr(I, n->b, &b))) return val_unref(a), st;
    st = make_range(I, n, a, b, lo, hi, chars);
    val_unref(a), val_unref(b);
    return st;
}

/* A range written to a pipe streams one Int32 at a time (10M elements, constant memory). */
Status eval_expr_emit(Interp *I, Node *n, Pipe *out)
{
    if (n->kind != AST_BINARY || n->op != OP_RANGE) {
        Value v;
        Status st = eval_expr(I, n, &v);
        if (st) return st;
        st = pipe_emit(I, out, v);
        val_unref(v);
        return st;
    }
    int64_t lo, hi;
    int chars;
    Status st = eval_range_bounds(I, n, &lo, &hi, &chars);
    int64_t step = lo <= hi ? 1 : -1;
    for (int64_t i = lo; !st; i += step) {
        st = pipe_put(I, out, chars ? val_char((uint32_t)i) : val_int((int32_t)i));
        if (i == hi) break;
    }
    return st;
}

/* ================================================================ assignment ==== */

static Status assign_to(Interp *I, Node *lhs, Value v);

/* The variable an assignment writes (created in the right scope). */
static Var *target_var(Interp *I, Node *n)
{
    Scope *s = qual_scope(I, qualifier(n));
    Var *v = scope_define(s ? s : I->cur, n->str, n->len);
    if (qualifier(n) == Q_PRIVATE) var_set_flags(v, var_flags(v) | VF_PRIVATE);
    return v;
}

/* $true, $false and the like are constants. */
static int is_constant(Node *n)
{
    static const struct {
        const char *name;
        size_t len;
    } names[] = {{"true", 4},    {"false", 5},   {"PID", 3},       {"HOME", 4},     {"PSHOME", 6},
                 {"IsLinux", 7}, {"IsMacOS", 7}, {"IsWindows", 9}, {"IsCoreCLR", 9}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) /* lengths first: hot path */
        if (n->len == names[i].len && str_nicmp(n->str, names[i].name, n->len) == 0) return 1;
    return 0;
}

static Status set_var(Interp *I, Node *n, Value v)
{
    if (n->len == 4 && is_name(n->str, n->len, "null")) return ST_OK;
    if (qualifier(n) == Q_NONE && is_constant(n))
        return eval_fail(I, n, EXC_RUNTIME, "VariableNotWritable",
                         "Cannot overwrite variable %.*s because it is read-only or constant.",
                         (int)n->len, n->str);
    if (qualifier(n) == Q_ENV && val_is_null(v)) {
        unsetenv(n->str);
        return ST_OK;
    }
    if (qualifier(n) == Q_ENV) {
        Value s = convert_to_string(v, NULL);
        if (val_str_len(s)) /* as in pwsh, '' removes the variable (Test-Path env:x) */
            setenv(n->str, val_str_data(s), 1);
        else
            unsetenv(n->str);
        val_unref(s);
        return ST_OK;
    }
    if (qualifier(n) == Q_OTHER && drivevar_set(I, n->b->str, n->str, n->len, v))
        return ST_OK; /* $function:f = {...} */
    Var *var = target_var(I, n);
    if (var_flags(var) & (VF_READONLY | VF_CONSTANT)) /* New-Variable -Option ReadOnly */
        return eval_fail(I, n, EXC_RUNTIME, "VariableNotWritable",
                         "Cannot overwrite variable %s because it is read-only or constant.",
                         var_name(var));
    Value t = var_type(var);
    if (t.kind == VAL_NULL) {
        var_set(var, v);
        return ST_OK;
    }
    Value c;
    ConvError ce;
    if (convert_to_type(v, t, &c, &ce)) return eval_fail_conv(I, n, &ce);
    var_set_take(var, c);
    return ST_OK;
}

static Status set_typed_var(Interp *I, Node *n, Value v)
{
    Value t = typeref_parse(n->a->str, n->a->len), c;
    ConvError ce;
    if (convert_to_type(v, t, &c, &ce)) {
        val_unref(t);
        return eval_fail_conv(I, n, &ce);
    }
    Var *var = target_var(I, n->b);
    var_set_type(var, t);
    var_set_take(var, c);
    val_unref(t);
    return ST_OK;
}

/* $ref.Value = v or (Get-Variable x).Value = v on a ReadOnly or Constant variable: the
 * PSVariable setter's error, not wrapped (the [ref] reaches the same setter). */
static Status fail_not_writable(Interp *I, Node *n, Value obj)
{
    Var *var = scope_ref_var(obj);
    Value nm = val_null();
    const ObjClass *c = val_class(obj);
    if (!var && c->get_prop) c->get_prop(obj, "Name", 4, &nm);
    StrBuf sb = {0};
    sb_printf(&sb, "Cannot overwrite variable %s because it is read-only or constant.",
              var ? var_name(var) : val_is_str(nm) ? val_str_data(nm) : "");
    ErrInit e = {.msg = sb_str(&sb), .id = "VariableNotWritable", .exc = EXC_SSUNAUTH,
                 .inner = EXC_SSUNAUTH, .cat = ERRCAT_WRITEERROR, .prog = I->prog,
                 .start = n->start, .end = n->end};
    Value rec = errrec_new(&e);
    sb_free(&sb);
    val_unref(nm);
    return eval_throw_rec(I, rec, 0);
}

static Status set_member(Interp *I, Node *n, Value v)
{
    Value obj, name;
    Status st = eval_expr(I, n->a, &obj);
    if (st) return st;
    if ((st = member_name(I, n->b, &name))) return val_unref(obj), st;
    const ObjClass *c = val_class(obj);
    int rc = c && c->set_prop ? c->set_prop(obj, val_str_data(name), val_str_len(name), v) : 0;
    if (rc < 0)
        st = fail_not_writable(I, n, obj);
    else if (!rc)
        st = eval_fail(I, n, EXC_RUNTIME, "PropertyNotFound",
                       "The property '%s' cannot be found on this object. Verify that the "
                       "property exists and can be set.",
                       val_str_data(name));
    val_unref(obj), val_unref(name);
    return st;
}

static Status set_element(Interp *I, Node *n, Value obj, Value idx, Value v)
{
    if (ht_is(obj)) {
        ht_set(obj, idx, v);
        return ST_OK;
    }
    if (!val_is_array(obj))
        return eval_fail(I, n, EXC_RUNTIME, "CannotIndex",
                         "Unable to index into an object of type %s.", val_type_fullname(obj));
    Value i32, c;
    ConvError ce;
    if (arr_rank(obj) == 2) { /* $a[i, j] = v on a T[,] */
        size_t at;
        if (!arr_md_index(obj, idx, &at))
            return eval_fail(I, n, EXC_RUNTIME, "IndexOutOfRange",
                             "Index was outside the bounds of the array.");
        if (convert_to(v, arr_elem_type(obj), 0, &c, &ce)) return eval_fail_conv(I, n, &ce);
        arr_set(obj, at, c);
        val_unref(c);
        return ST_OK;
    }
    if (convert_to(idx, TY_INT32, 0, &i32, &ce)) return eval_fail_conv(I, n, &ce);
    int64_t i = i32.as.i, len = (int64_t)arr_len(obj);
    if (i < 0) i += len;
    if (i < 0 || i >= len)
        return eval_fail(I, n, EXC_RUNTIME, "IndexOutOfRange",
                         "Index was outside the bounds of the array.");
    if (convert_to(v, arr_elem_type(obj), 0, &c, &ce)) return eval_fail_conv(I, n, &ce);
    arr_set(obj, (size_t)i, c);
    val_unref(c);
    return ST_OK;
}

static Status set_index(Interp *I, Node *n, Value v)
{
    Value obj, idx;
    Status st = eval_expr(I, n->a, &obj);
    if (st) return st;
    if (val_is_null(obj)) {
        val_unref(obj);
        return eval_fail(I, n, EXC_RUNTIME, "NullArray", "Cannot index into a null array.");
    }
    if (!(st = eval_expr(I, n->b, &idx))) {
        st = set_element(I, n, obj, idx, v);
        val_unref(idx);
    }
    val_unref(obj);
    return st;
}

/* $a, $b, $c = 1, 2, 3, 4: the last target takes the rest. */
static Status set_multi(Interp *I, Node *n, Value v)
{
    int nt = ast_count(n->a), i = 0;
    size_t nv = val_is_array(v) ? arr_len(v) : 1;
    for (Node *t = n->a; t; t = t->next, i++) {
        Value x;
        if (!val_is_array(v))
            x = i == 0 ? val_ref(v) : val_null();
        else if (i < nt - 1 || nv <= (size_t)nt)
            x = (size_t)i < nv ? arr_get(v, (size_t)i) : val_null();
        else {
            x = arr_new(TY_OBJECT, nv - (size_t)i);
            for (size_t k = (size_t)i; k < nv; k++)
                arr_push(x, arr_peek(v, k));
        }
        Status st = assign_to(I, t, x);
        val_unref(x);
        if (st) return st;
    }
    return ST_OK;
}

static Status assign_to(Interp *I, Node *lhs, Value v)
{
    switch (lhs->kind) {
    case AST_VARIABLE:
        return set_var(I, lhs, v);
    case AST_CONVERT:
        if (lhs->b->kind == AST_VARIABLE) return set_typed_var(I, lhs, v);
        break;
    case AST_MEMBER:
        return set_member(I, lhs, v);
    case AST_INDEX:
        return set_index(I, lhs, v);
    case AST_ARRAY:
        return set_multi(I, lhs, v);
    case AST_PAREN:
        return assign_to(I, lhs->a, v);
    default:
        break;
    }
    return eval_fail(I, lhs, EXC_RUNTIME, "InvalidLeftHandSide",
                     "The assignment expression is not valid. The input to an assignment "
                     "operator must be an object that is able to accept assignments, such as a "
                     "variable or a property.");
}

/* The current value of a compound-assignment target: plain variables are read from the
 * current scope only (language.md 6.7). */
static Status read_target(Interp *I, Node *lhs, Value *out)
{
    if (lhs->kind == AST_CONVERT && lhs->b->kind == AST_VARIABLE) lhs = lhs->b;
    if (lhs->kind != AST_VARIABLE || qualifier(lhs) != Q_NONE) return eval_expr(I, lhs, out);
    Var *v = scope_local(I->cur, lhs->str, lhs->len);
    *out = v ? val_ref(var_value(v)) : val_null();
    return ST_OK;
}

static const int8_t compound_op[OP__COUNT] = {
    [OP_ADD_ASSIGN] = ARITH_ADD + 1, [OP_SUB_ASSIGN] = ARITH_SUB + 1,
    [OP_MUL_ASSIGN] = ARITH_MUL + 1, [OP_DIV_ASSIGN] = ARITH_DIV + 1,
    [OP_MOD_ASSIGN] = ARITH_MOD + 1,
};

static Status compound(Interp *I, Node *n, Value rhs, Value *nv)
{
    Value cur;
    Status st = read_target(I, n->a, &cur);
    if (st) return st;
    if (n->op == OP_COALESCE_ASSIGN) {
        if (!val_is_null(cur)) return *nv = cur, ST_RETURN; /* nothing to assign */
        val_unref(cur);
        *nv = val_ref(rhs);
        return ST_OK;
    }
    st = arith(I, n, (ArithOp)(compound_op[n->op] - 1), cur, rhs, nv);
    val_unref(cur);
    return st;
}

/* $name op= rhs on a plain, untyped variable: one lookup, no copy (the hot loop case). */
static int compound_fast(Interp *I, Node *n, Value rhs, Value *result, Status *st)
{
    Node *t = n->a;
    if (t->kind != AST_VARIABLE || t->b || !compound_op[n->op] || is_constant(t) ||
        (t->len == 4 && is_name(t->str, t->len, "null")))
        return 0;
    Var *var = scope_define(I->cur, t->str, t->len);
    if (var_type(var).kind != VAL_NULL) return 0;
    Value nv;
    *st = arith(I, n, (ArithOp)(compound_op[n->op] - 1), var_value(var), rhs, &nv);
    if (*st) return 1;
    if (result) *result = val_ref(nv);
    var_set_take(var, nv);
    return 1;
}

Status eval_assign(Interp *I, Node *n, Value *result)
{
    Value rhs, v;
    Status st = eval_collect(I, n->b, &rhs);
    if (st) return st;
    if (rhs.kind == VAL_AUTONULL) rhs = val_null();
    if (n->op != OP_ASSIGN && compound_fast(I, n, rhs, result, &st)) {
        val_unref(rhs);
        return st;
    }
    if (n->op == OP_ASSIGN) {
        v = rhs;
    } else {
        st = compound(I, n, rhs, &v);
        val_unref(rhs);
        if (st == ST_RETURN) {
            if (result)
                *result = v;
            else
                val_unref(v);
            return ST_OK;
        }
        if (st) return st;
    }
    st = assign_to(I, n->a, v);
    if (!st && result) *result = val_ref(v);
    val_unref(v);
    return st;
}

/* ++/-- on a variable, property or element. */
static Status incdec(Interp *I, Node *n, Node *target, int delta, int post, Value *out)
{
    Value cur, nv, one = val_int(delta);
    Status st = read_target(I, target, &cur);
    if (st) return st;
    if (cur.kind == VAL_AUTONULL) cur = val_null();
    if ((st = arith(I, n, ARITH_ADD, cur, one, &nv))) return val_unref(cur), st;
    st = assign_to(I, target, nv);
    if (!st && out) *out = post ? val_ref(cur) : val_ref(nv);
    val_unref(cur), val_unref(nv);
    return st;
}
