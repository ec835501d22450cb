/*
** eval_member: method calls and indexing.  Methods are a table per receiver kind
** {name, nargs min, handler}; the first row whose receiver test and name match runs.
*/
#include "runtime/eval.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/arith.h"
#include "runtime/array.h"
#include "runtime/collections.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/members.h"
#if EVAL_USE_MEMBERS
#include "runtime/statics.h"
#endif
#include "runtime/object.h"
#include "runtime/psinfo.h"
#include "runtime/runloc.h"
#include "runtime/scriptblock.h"
#include "runtime/strbuilder.h"

typedef Status (*MethodFn)(Interp *I, Node *n, Value self, Value *args, int nargs, Value *out);

typedef enum Recv { R_ANY, R_STR, R_HASH, R_ARRAY, R_SB, R_LIST } Recv;

typedef struct Method {
    Recv recv;
    const char *name;
    MethodFn fn;
} Method;

/* ---- string helpers ---- */

static Value arg_str(Value *args, int nargs, int i)
{
    return i < nargs ? convert_to_string(args[i], NULL) : val_str_empty();
}

static int arg_int(Value *args, int nargs, int i, int dflt)
{
    Value v;
    if (i >= nargs || convert_to(args[i], TY_INT32, 0, &v, NULL) != 0) return dflt;
    return (int)v.as.i;
}

static Value str_case(Value s, int upper)
{
    StrBuf sb = {0};
    const char *p = val_str_data(s);
    for (size_t i = 0; i < val_str_len(s); i++) {
        char c = p[i];
        if (upper && c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        else if (!upper && c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        sb_putc(&sb, c);
    }
    return val_str_take_sb(&sb);
}

static Status m_upper(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    *out = str_case(s, 1);
    return ST_OK;
}

static Status m_lower(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    *out = str_case(s, 0);
    return ST_OK;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int in_set(char c, Value set)
{
    if (set.kind == VAL_NULL) return is_ws(c);
    return memchr(val_str_data(set), c, val_str_len(set)) != NULL;
}

static Value trim(Value s, Value *a, int na, int left, int right)
{
    Value set = na ? convert_to_string(a[0], NULL) : val_null();
    const char *p = val_str_data(s);
    size_t b = 0, e = val_str_len(s);
    while (left && b < e && in_set(p[b], set))
        b++;
    while (right && e > b && in_set(p[e - 1], set))
        e--;
    val_unref(set);
    return val_str_n(p + b, e - b);
}

static Status m_trim(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    return *out = trim(s, a, na, 1, 1), ST_OK;
}

static Status m_trimstart(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    return *out = trim(s, a, na, 1, 0), ST_OK;
}

static Status m_trimend(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    return *out = trim(s, a, na, 0, 1), ST_OK;
}

/* Byte offset of needle in s at or after from, or -1 (ordinal). */
static long find(Value s, Value needle, size_t from)
{
    size_t n = val_str_len(needle), len = val_str_len(s);
    const char *p = val_str_data(s), *q = val_str_data(needle);
    for (size_t i = from; i + n <= len; i++)
        if (memcmp(p + i, q, n) == 0) return (long)i;
    return -1;
}

static Status m_contains(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    Value x = arg_str(a, na, 0);
    *out = val_bool(find(s, x, 0) >= 0);
    val_unref(x);
    return ST_OK;
}

static Status m_indexof(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    Value x = arg_str(a, na, 0);
    *out = val_int((int32_t)find(s, x, (size_t)arg_int(a, na, 1, 0)));
    val_unref(x);
    return ST_OK;
}

static Status m_starts(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    Value x = arg_str(a, na, 0);
    size_t k = val_str_len(x);
    *out = val_bool(k <= val_str_len(s) && memcmp(val_str_data(s), val_str_data(x), k) == 0);
    val_unref(x);
    return ST_OK;
}

static Status m_ends(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    Value x = arg_str(a, na, 0);
    size_t k = val_str_len(x), len = val_str_len(s);
    *out = val_bool(k <= len && memcmp(val_str_data(s) + len - k, val_str_data(x), k) == 0);
    val_unref(x);
    return ST_OK;
}

static Status m_substring(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    long len = (long)val_str_len(s), from = arg_int(a, na, 0, 0);
    long cnt = na > 1 ? arg_int(a, na, 1, 0) : len - from;
    if (from < 0 || cnt < 0 || from + cnt > len)
        return eval_fail(I, n, EXC_METHOD, "ArgumentOutOfRangeException",
                         "Exception calling \"Substring\" with \"%d\" argument(s): \"Index and "
                         "length must refer to a location within the string. (Parameter "
                         "'length')\"",
                         na);
    *out = val_str_n(val_str_data(s) + from, (size_t)cnt);
    return ST_OK;
}

static Status m_replace(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    Value x = arg_str(a, na, 0), y = arg_str(a, na, 1);
    StrBuf sb = {0};
    size_t pos = 0;
    long at;
    while (val_str_len(x) && (at = find(s, x, pos)) >= 0) {
        sb_append(&sb, val_str_data(s) + pos, (size_t)at - pos);
        sb_append(&sb, val_str_data(y), val_str_len(y));
        pos = (size_t)at + val_str_len(x);
    }
    sb_append(&sb, val_str_data(s) + pos, val_str_len(s) - pos);
    val_unref(x), val_unref(y);
    *out = val_str_take_sb(&sb);
    return ST_OK;
}

/* String.Split(chars): every character of the argument is a separator. */
static Status m_split(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    Value sep = na ? convert_to_string(a[0], NULL) : val_str(" ");
    Value r = arr_new(TY_STRING, 4);
    const char *p = val_str_data(s);
    size_t start = 0, len = val_str_len(s);
    for (size_t i = 0; i <= len; i++) {
        if (i < len && !memchr(val_str_data(sep), p[i], val_str_len(sep))) continue;
        arr_push_take(r, val_str_n(p + start, i - start));
        start = i + 1;
    }
    val_unref(sep);
    *out = r;
    return ST_OK;
}

static Status pad(Value s, Value *a, int na, int left, Value *out)
{
    long width = arg_int(a, na, 0, 0), len = (long)val_str_len16(s);
    Value c = na > 1 ? convert_to_string(a[1], NULL) : val_str(" ");
    StrBuf sb = {0};
    if (!left) sb_append(&sb, val_str_data(s), val_str_len(s));
    for (long i = len; i < width; i++)
        sb_append(&sb, val_str_data(c), val_str_len(c) ? 1 : 0);
    if (left) sb_append(&sb, val_str_data(s), val_str_len(s));
    val_unref(c);
    *out = val_str_take_sb(&sb);
    return ST_OK;
}

static Status m_padleft(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    return pad(s, a, na, 1, out);
}

static Status m_padright(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    return pad(s, a, na, 0, out);
}

/* ---- any receiver ---- */

static Status m_tostring(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    *out = convert_to_string(s, NULL);
    return ST_OK;
}

static Status m_gettype(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    Value b = val_base(s);
    TypeId t = val_type_id(b);
    if (val_is_array(b))
        *out = typeref_new(arr_elem_type(b), 1);
    else if (t != TY_OTHER)
        *out = typeref_new(t, 0);
    else
        *out = typeref_new_named(val_type_fullname(b), strlen(val_type_fullname(b)));
    return ST_OK;
}

static Status m_equals(Interp *I, Node *n, Value s, Value *a, int na, Value *out)
{
    *out = val_bool(na && convert_equal(s, a[0], 1));
    return ST_OK;
}

/* ---- hashtables ---- */

static Status m_containskey(Interp *I, Node *n, Value h, Value *a, int na, Value *out)
{
    Value v;
    int found = na && ht_get(h, a[0], &v);
    if (found) val_unref(v);
    *out = val_bool(found);
    return ST_OK;
}

static Status m_htadd(Interp *I, Node *n, Value h, Value *a, int na, Value *out)
{
    if (na < 2)
        return eval_fail(I, n, EXC_METHOD, "MethodCountCouldNotFindBest",
                         "Cannot find an overload for \"Add\" and the argument count: \"%d\".", na);
    if (!ht_add(h, a[0], a[1])) {
        StrBuf k = {0};
        convert_append_scalar(a[0], &k);
        Status st = eval_fail(I, n, EXC_METHOD, "ArgumentException",
                              "Exception calling \"Add\" with \"2\" argument(s): \"Item has "
                              "already been added. Key in dictionary: '%s'  Key being added: "
                              "'%s'\"",
                              sb_str(&k), sb_str(&k));
        sb_free(&k);
        return st;
    }
    *out = val_autonull();
    return ST_OK;
}

static Status m_htremove(Interp *I, Node *n, Value h, Value *a, int na, Value *out)
{
    if (na) ht_remove(h, a[0]);
    *out = val_autonull();
    return ST_OK;
}

/* ---- arrays ---- */

static Status m_arrcontains(Interp *I, Node *n, Value arr, Value *a, int na, Value *out)
{
    *out = val_bool(na && convert_contains(arr, a[0], 1));
    return ST_OK;
}

/* Run the .Where() condition for item: 1 when it is truthy. */
static Status where_test(Interp *I, Value sb, Value item, int *ok)
{
    Collector t;
    collector_init(&t);
    Status st = eval_invoke_item(I, sb, item, &t.pipe);
    Value r = collector_take(&t);
    *ok = !st && convert_truthy(r);
    val_unref(r);
    return st;
}

/* The items of arr in a new Collection`1[PSObject], what .ForEach() and .Where() return. */
static Value to_collection(Value arr)
{
    Value r = coll_list_new(&cls_collection, TY_OBJECT);
    for (size_t i = 0; i < arr_len(arr); i++)
        arr_push(r, arr_peek(arr, i));
    return r;
}

/* .ForEach({ ... }): the block once per item with $_ set. */
static Status foreach_sb(Interp *I, Value arr, Value sb, Value *out)
{
    Collector c;
    collector_init(&c);
    for (size_t i = 0; i < arr_len(arr); i++) {
        Status st = eval_invoke_item(I, sb, arr_peek(arr, i), &c.pipe);
        if (st) return collector_free(&c), st;
    }
    Value all = collector_take_array(&c);
    *out = to_collection(all);
    val_unref(all);
    return ST_OK;
}

/* .ForEach('Name', value): an item having property Name gets it set (no output).  0 when the
 * item has no such property (then Name is a method to call). */
static int foreach_set(Value item, Value name, Value *a, int na)
{
    Value old;
    if (!val_get_prop(item, val_str_data(name), val_str_len(name), &old)) return 0;
    val_unref(old);
    const ObjClass *c = val_class(item);
    Value v = na == 2 ? a[1] : val_null();
    if (na > 2) v = arr_from(a + 1, (size_t)(na - 1));
    if (c && c->set_prop) c->set_prop(item, val_str_data(name), val_str_len(name), v);
    if (na > 2) val_unref(v);
    return 1;
}

/* .ForEach('Name') reads a property; .ForEach('Name', args) calls a method; .ForEach([type])
 * converts every item. */
static Status foreach_member(Interp *I, Node *n, Value arr, Value *a, int na, Value *out)
{
    Value r = arr_new(TY_OBJECT, arr_len(arr));
    Value name = convert_to_string(a[0], NULL);
    Status st = ST_OK;
    for (size_t i = 0; i < arr_len(arr) && !st; i++) {
        Value item = arr_peek(arr, i), v;
        ConvError ce;
        if (val_is(a[0], &cls_typeref))
            st = convert_to_type(item, a[0], &v, &ce) ? eval_fail_conv(I, n, &ce) : ST_OK;
        else if (na > 1 && foreach_set(item, name, a, na))
            continue;
        else if (na > 1)
            st = eval_method(I, n, item, val_str_data(name), val_str_len(name), a + 1, na - 1, &v);
        else
            st = eval_member(I, item, val_str_data(name), val_str_len(name), &v);
        if (!st && na == 1 && val_is_null(v) && !val_is_null(item)) { /* a method name */
            if (eval_method(I, n, item, val_str_data(name), val_str_len(name), NULL, 0, &v))
                eval_clear_error(I), v = val_null();
        }
        if (st) break;
        if (v.kind != VAL_AUTONULL) arr_push(r, v);
        val_unref(v);
    }
    val_unref(name);
    if (st) return val_unref(r), st;
    *out = to_collection(r);
    val_unref(r);
    return ST_OK;
}

static Status m_foreach(Interp *I, Node *n, Value arr, Value *a, int na, Value *out)
{
    if (!na) return *out = arr_new(TY_OBJECT, 0), ST_OK;
    if (val_is(a[0], &cls_scriptblock)) return foreach_sb(I, arr, a[0], out);
    return foreach_member(I, n, arr, a, na, out);
}

typedef enum WhereMode { W_DEFAULT, W_FIRST, W_LAST, W_SKIPUNTIL, W_UNTIL, W_SPLIT } WhereMode;

static int where_mode(Value v)
{
    static const char *const names[] = {"Default", "First", "Last", "SkipUntil", "Until", "Split"};
    if (val_is_integer(v)) return (int)v.as.i;
    Value s = convert_to_string(v, NULL);
    int m = -1;
    for (int i = 0; i < 6; i++)
        if (str_icmp(val_str_data(s), names[i]) == 0) m = i;
    val_unref(s);
    return m;
}

typedef struct WhereRun {
    WhereMode mode;
    size_t limit;    /* 0: no limit */
    Value hit, rest; /* object[]: selected items; Split's second collection */
    int started;     /* SkipUntil/Until: the condition was met once */
} WhereRun;

/* One item; returns 1 when the scan can stop. */
static int where_take(WhereRun *w, Value item, int ok)
{
    size_t n = arr_len(w->hit);
    switch (w->mode) {
    case W_LAST:
        if (ok) arr_push(w->hit, item);
        return 0;
    case W_SKIPUNTIL:
        if (ok) w->started = 1;
        if (w->started) arr_push(w->hit, item);
        return w->limit && arr_len(w->hit) >= w->limit;
    case W_UNTIL:
        if (ok) return 1;
        arr_push(w->hit, item);
        return w->limit && arr_len(w->hit) >= w->limit;
    case W_SPLIT:
        arr_push(ok && (!w->limit || n < w->limit) ? w->hit : w->rest, item);
        return 0;
    default:
        if (ok) arr_push(w->hit, item);
        return w->limit && arr_len(w->hit) >= w->limit;
    }
}

/* Last N: keep the tail of hit. */
static Value where_result(WhereRun *w)
{
    if (w->mode == W_SPLIT) {
        Value both[2] = {w->hit, w->rest};
        return arr_from(both, 2);
    }
    if (w->mode == W_LAST) {
        size_t n = arr_len(w->hit), k = w->limit ? w->limit : 1, from = n > k ? n - k : 0;
        Value r = arr_new(TY_OBJECT, k);
        for (size_t i = from; i < n; i++)
            arr_push(r, arr_peek(w->hit, i));
        return r;
    }
    return val_ref(w->hit);
}

static Status m_where(Interp *I, Node *n, Value arr, Value *a, int na, Value *out)
{
    if (!na || !val_is(a[0], &cls_scriptblock)) return *out = arr_new(TY_OBJECT, 0), ST_OK;
    WhereRun w = {W_DEFAULT, 0, arr_new(TY_OBJECT, 0), arr_new(TY_OBJECT, 0), 0};
    Value lim;
    if (na > 1) w.mode = (WhereMode)where_mode(a[1]);
    if (na > 2 && convert_to(a[2], TY_INT32, 0, &lim, NULL) == 0 && lim.as.i > 0)
        w.limit = (size_t)lim.as.i;
    if (w.mode == W_FIRST && !w.limit) w.limit = 1;
    Status st = ST_OK;
    if ((int)w.mode < 0 || w.mode > W_SPLIT)
        st = eval_fail(I, n, EXC_ARGUMENT, "MethodArgumentConversionInvalidCastArgument",
                       "Cannot convert the mode argument to type \"System.Management.Automation."
                       "WhereOperatorSelectionMode\".");
    for (size_t i = 0; i < arr_len(arr) && !st; i++) {
        int ok = 0;
        Value item = arr_peek(arr, i);
        if (!w.started || w.mode != W_SKIPUNTIL) st = where_test(I, a[0], item, &ok);
        if (!st && where_take(&w, item, ok)) break;
    }
    if (!st) {
        Value r = where_result(&w);
        *out = w.mode == W_SPLIT ? val_ref(r) : to_collection(r);
        val_unref(r);
    }
    val_unref(w.hit), val_unref(w.rest);
    return st;
}

/* .ForEach() and .Where() on a scalar see a one-item collection. */
static Status m_foreach_any(Interp *I, Node *n, Value obj, Value *a, int na, Value *out)
{
    Value one = arr_from(&obj, 1);
    Status st = m_foreach(I, n, one, a, na, out);
    val_unref(one);
    return st;
}

static Status m_where_any(Interp *I, Node *n, Value obj, Value *a, int na, Value *out)
{
    Value one = arr_from(&obj, 1);
    Status st = m_where(I, n, one, a, na, out);
    val_unref(one);
    return st;
}

/* ---- script blocks ---- */

static Status sb_call(Interp *I, Value sb, Value *a, int na, int as_is, Value *out)
{
    BindArg *args = xcalloc((size_t)na + 1, sizeof(BindArg));
    for (int i = 0; i < na; i++)
        args[i].val = val_ref(a[i]), args[i].has_val = 1;
    Collector c;
    collector_init(&c);
    Status st = eval_invoke(I, sb, 0, args, na, val_null(), 0, &c.pipe);
    for (int i = 0; i < na; i++)
        val_unref(args[i].val);
    free(args);
    if (st) return collector_free(&c), st;
    *out = as_is ? collector_take(&c) : collector_take_array(&c);
    if (out->kind == VAL_AUTONULL) *out = val_null();
    return ST_OK;
}

static void capture(void *ctx, const Var *v)
{
    const char *name = var_name(v);
    if (strcmp(name, "_") == 0 || strcmp(name, "args") == 0 || strcmp(name, "input") == 0) return;
    Value k = val_str(name);
    ht_set(*(Value *)ctx, k, var_value(v));
    val_unref(k);
}

/* $sb.GetNewClosure(): a copy bound to the values of the current scope's variables. */
static Status m_closure(Interp *I, Node *n, Value sb, Value *a, int na, Value *out)
{
    Value vars = ht_new(1);
    for (Scope *s = I->cur; s; s = scope_parent(s)) {
        if (s == I->global) break;
        Value more = ht_new(1);
        scope_each_var(s, capture, &more);
        for (size_t i = 0; i < ht_count(more); i++) { /* inner scopes win */
            Value k, v, old;
            ht_entry_peek(more, i, &k, &v);
            if (!ht_get(vars, k, &old))
                ht_set(vars, k, v);
            else
                val_unref(old);
        }
        val_unref(more);
    }
    *out = scriptblock_with_closure(sb, vars);
    val_unref(vars);
    return ST_OK;
}

static Status m_invoke(Interp *I, Node *n, Value sb, Value *a, int na, Value *out)
{
    return sb_call(I, sb, a, na, 0, out);
}

static Status m_invoke_asis(Interp *I, Node *n, Value sb, Value *a, int na, Value *out)
{
    return sb_call(I, sb, a, na, 1, out);
}

static Status m_getenum(Interp *I, Node *n, Value h, Value *a, int na, Value *out)
{
    Value r = arr_new(TY_OBJECT, ht_count(h));
    for (size_t i = 0; i < ht_count(h); i++) {
        Value k, v, e = object_new_custom();
        ht_entry_peek(h, i, &k, &v);
        object_set_prop(e, "Key", 3, k);
        object_set_prop(e, "Value", 5, v);
        arr_push_take(r, e);
    }
    *out = r;
    return ST_OK;
}

/* ---- List[T] methods taking a predicate: the script block gets the item as $args[0]
 * (or its first parameter), as a [Predicate[T]] made from a script block does in pwsh ---- */

typedef enum PredOp { P_FINDALL, P_FIND, P_FINDINDEX, P_EXISTS, P_TRUEFORALL, P_REMOVEALL } PredOp;
static const char *const pred_names[] = {"FindAll", "Find",       "FindIndex",
                                         "Exists",  "TrueForAll", "RemoveAll"};

/* default(T) for Find without a match: 0 / False for value types, else $null. */
static Value default_of(TypeId t)
{
    ValKind k = type_val_kind(t);
    return t != TY_OBJECT && k != VAL_OBJ ? val_make(k) : val_null();
}

static Status predicate(Interp *I, Node *n, Value sb, Value item, int *ok)
{
    Value r;
    Status st = sb_call(I, sb, &item, 1, 1, &r);
    if (st) return st;
    *ok = convert_truthy(r);
    val_unref(r);
    return ST_OK;
}

static Status method_exc(Interp *I, Node *n, const MemberError *err);

/* pwsh's message for a match argument that is not a script block. */
static Status bad_predicate(Interp *I, Node *n, Value l, Value arg, PredOp op)
{
    Value s = convert_to_string(arg, NULL);
    const char *t = type_fullname(arr_elem_type(l));
    MemberError err;
    conv_fail(&err, "MethodArgumentConversionInvalidCastArgument",
              "Cannot convert argument \"match\", with value: \"%.100s\", for \"%s\" to type "
              "\"System.Predicate`1[%s]\": \"Cannot convert the \"%.100s\" value of type \"%s\" to "
              "type \"System.Predicate`1[%s]\".\"",
              val_str_data(s), pred_names[op], t, val_str_data(s), val_type_fullname(arg), t);
    val_unref(s);
    return method_exc(I, n, &err);
}

static Status list_pred(Interp *I, Node *n, Value l, Value *a, int na, PredOp op, Value *out)
{
    if (na != 1)
        return eval_fail(I, n, EXC_METHOD, "MethodCountCouldNotFindBest",
                         "Cannot find an overload for \"%s\" and the argument count: \"%d\".",
                         pred_names[op], na);
    if (!val_is(a[0], &cls_scriptblock)) return bad_predicate(I, n, l, a[0], op);
    Value hits = coll_list_new(&cls_list, arr_elem_type(l));
    Status st = ST_OK;
    int found = -1, all = 1;
    for (size_t i = 0; i < arr_len(l) && !st; i++) {
        int ok = 0;
        Value item = val_ref(arr_peek(l, i));
        st = predicate(I, n, a[0], item, &ok);
        if (!st && ok) arr_push(hits, item);
        if (!st && ok && found < 0) found = (int)i;
        all &= ok;
        val_unref(item);
        if (found >= 0 && (op == P_FIND || op == P_FINDINDEX || op == P_EXISTS)) break;
        if (!ok && op == P_TRUEFORALL) break;
    }
    if (st) return val_unref(hits), st;
    if (op == P_REMOVEALL) /* keep the others, in order */
        for (size_t i = arr_len(l); i-- > 0;)
            for (size_t k = 0; k < arr_len(hits); k++)
                if (val_identical(arr_peek(l, i), arr_peek(hits, k))) {
                    arr_remove_at(l, i);
                    break;
                }
    switch (op) {
    case P_FINDALL:
        *out = val_ref(hits);
        break;
    case P_FIND:
        *out = found >= 0 ? arr_get(hits, 0) : default_of(arr_elem_type(l));
        break;
    case P_FINDINDEX:
        *out = val_int(found);
        break;
    case P_EXISTS:
        *out = val_bool(found >= 0);
        break;
    case P_TRUEFORALL:
        *out = val_bool(all);
        break;
    default:
        *out = val_int((int32_t)arr_len(hits));
        break;
    }
    val_unref(hits);
    return ST_OK;
}

static Status m_findall(Interp *I, Node *n, Value l, Value *a, int na, Value *out)
{
    return list_pred(I, n, l, a, na, P_FINDALL, out);
}
static Status m_find(Interp *I, Node *n, Value l, Value *a, int na, Value *out)
{
    return list_pred(I, n, l, a, na, P_FIND, out);
}
static Status m_findindex(Interp *I, Node *n, Value l, Value *a, int na, Value *out)
{
    return list_pred(I, n, l, a, na, P_FINDINDEX, out);
}
static Status m_exists(Interp *I, Node *n, Value l, Value *a, int na, Value *out)
{
    return list_pred(I, n, l, a, na, P_EXISTS, out);
}
static Status m_trueforall(Interp *I, Node *n, Value l, Value *a, int na, Value *out)
{
    return list_pred(I, n, l, a, na, P_TRUEFORALL, out);
}
static Status m_removeall(Interp *I, Node *n, Value l, Value *a, int na, Value *out)
{
    return list_pred(I, n, l, a, na, P_REMOVEALL, out);
}

/* Methods that need the evaluator: tried before runtime/members.c. */
static const Method eval_methods[] = {
    {R_ARRAY, "ForEach", m_foreach},    {R_ARRAY, "Where", m_where},
    {R_ANY, "ForEach", m_foreach_any},  {R_ANY, "Where", m_where_any},
    {R_SB, "Invoke", m_invoke},         {R_SB, "InvokeReturnAsIs", m_invoke_asis},
    {R_SB, "GetNewClosure", m_closure}, {R_LIST, "FindAll", m_findall},
    {R_LIST, "Find", m_find},           {R_LIST, "FindIndex", m_findindex},
    {R_LIST, "Exists", m_exists},       {R_LIST, "TrueForAll", m_trueforall},
    {R_LIST, "RemoveAll", m_removeall},
};

/* Fallbacks for what runtime/members.c does not (yet) provide. */
static const Method methods[] = {
    {R_HASH, "GetEnumerator", m_getenum},
    {R_STR, "ToUpper", m_upper},
    {R_STR, "ToUpperInvariant", m_upper},
    {R_STR, "ToLower", m_lower},
    {R_STR, "ToLowerInvariant", m_lower},
    {R_STR, "Trim", m_trim},
    {R_STR, "TrimStart", m_trimstart},
    {R_STR, "TrimEnd", m_trimend},
    {R_STR, "Contains", m_contains},
    {R_STR, "IndexOf", m_indexof},
    {R_STR, "StartsWith", m_starts},
    {R_STR, "EndsWith", m_ends},
    {R_STR, "Substring", m_substring},
    {R_STR, "Replace", m_replace},
    {R_STR, "Split", m_split},
    {R_STR, "PadLeft", m_padleft},
    {R_STR, "PadRight", m_padright},
    {R_HASH, "ContainsKey", m_containskey},
    {R_HASH, "Contains", m_containskey},
    {R_HASH, "Add", m_htadd},
    {R_HASH, "Remove", m_htremove},
    {R_ARRAY, "Contains", m_arrcontains},
    {R_ANY, "ToString", m_tostring},
    {R_ANY, "GetType", m_gettype},
    {R_ANY, "Equals", m_equals},
};

static int recv_ok(Recv r, Value v)
{
    switch (r) {
    case R_STR:
        return val_is_str(v);
    case R_HASH:
        return ht_is(v);
    case R_ARRAY:
        return val_is_array(v);
    case R_LIST:
        return val_is(v, &cls_list);
    case R_SB:
        return val_is(v, &cls_scriptblock);
    default:
        return 1;
    }
}

static Status static_method(Interp *I, Node *n, Value type, const char *name, size_t len,
                            Value *args, int nargs, Value *out);

static const Method *find_method(const Method *t, size_t n, Value b, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (str_ieq_slice(name, len, t[i].name) && recv_ok(t[i].recv, b)) return &t[i];
    return NULL;
}

/* A method that does not exist on an array is called on each element. */
static Status method_enum(Interp *I, Node *n, Value arr, const char *name, size_t len, Value *args,
                          int nargs, Value *out)
{
    Collector c;
    collector_init(&c);
    for (size_t i = 0; i < arr_len(arr); i++) {
        Value r;
        Status st = eval_method(I, n, arr_peek(arr, i), name, len, args, nargs, &r);
        if (!st) st = pipe_emit(I, &c.pipe, r), val_unref(r);
        if (st) return collector_free(&c), st;
    }
    *out = collector_take(&c);
    return ST_OK;
}

/* A .NET exception from a method: MethodInvocationException, category NotSpecified. */
static Status method_exc(Interp *I, Node *n, const MemberError *err)
{
    ErrInit e = {.msg = err->msg,
                 .id = err->id,
                 .exc = EXC_METHOD,
                 .inner = EXC_METHOD,
                 .cat = ERRCAT_NOTSPECIFIED,
                 .prog = I->prog,
                 .start = n->start,
                 .end = n->end};
    if (strcmp(err->id, "MethodNotFound") == 0 || strcmp(err->id, "InvokeMethodOnNull") == 0)
        e.cat = ERRCAT_INVALIDOPERATION;
    return eval_throw_rec(I, errrec_new(&e), 0);
}

/* $Error is an ArrayList in pwsh: Clear(), RemoveAt(i), Insert(i, v), Add(v) change the
 * runspace's list.  Returns 1 when name was one of them. */
static int error_list_method(Interp *I, Value list, const char *name, size_t len, Value *args,
                             int nargs, Value *out)
{
    Value n;
    *out = val_autonull();
    if (str_ieq_slice(name, len, "Clear") && nargs == 0) {
        arr_truncate(list, 0);
    } else if (str_ieq_slice(name, len, "Add") && nargs == 1) {
        arr_push(list, args[0]);
        *out = val_int((int32_t)arr_len(list) - 1);
    } else if (str_ieq_slice(name, len, "RemoveAt") && nargs == 1 &&
               convert_to(args[0], TY_INT32, 0, &n, NULL) == 0) {
        if (n.as.i >= 0) arr_remove_at(list, (size_t)n.as.i);
    } else if (str_ieq_slice(name, len, "Insert") && nargs == 2 &&
               convert_to(args[0], TY_INT32, 0, &n, NULL) == 0) {
        if (n.as.i >= 0) arr_insert(list, (size_t)n.as.i, args[1]);
    } else {
        return 0;
    }
    return 1;
}

Status eval_method(Interp *I, Node *n, Value obj, const char *name, size_t len, Value *args,
                   int nargs, Value *out)
{
    if (obj.kind == VAL_OBJ && I->errors.kind == VAL_OBJ && obj.as.o == I->errors.as.o &&
        error_list_method(I, obj, name, len, args, nargs, out))
        return ST_OK;
    if (nargs == 0 && eval_enum_method(obj, name, len, out)) return ST_OK;
    if (nargs == 0 && pipe_input_method(obj, name, len, out)) return ST_OK;
    if (val_is_null(obj))
        return eval_fail(I, n, EXC_RUNTIME, "InvokeMethodOnNull",
                         "You cannot call a method on a null-valued expression.");
    Value sm; /* Add-Member -MemberType ScriptMethod */
    if (object_is_switch(obj) && str_ieq_slice(name, len, "ToBool"))
        return *out = val_bool(convert_truthy(obj)), ST_OK;
    if (object_is_switch(obj) && str_ieq_slice(name, len, "GetType"))
        return *out = typeref_new(TY_SWITCH, 0), ST_OK;
    if (object_find_method(obj, name, len, &sm)) {
        int st = object_script_run(sm, obj, args, nargs, out);
        val_unref(sm);
        return (Status)st;
    }
    Value b = val_base(obj);
    if ((n->flags & NF_STATIC) && val_is(b, &cls_typeref))
        return static_method(I, n, b, name, len, args, nargs, out);
    const Method *m =
        find_method(eval_methods, sizeof eval_methods / sizeof eval_methods[0], b, name, len);
    if (m) return m->fn(I, n, b, args, nargs, out);
    MemberError err;
#if EVAL_USE_MEMBERS
    MemberCtx mc = {.rx = I->rx, .cwd = runloc_get(I)};
    int rc = member_call(&mc, b, name, len, args, nargs, out, &err);
    /* members.c leaves $null for void methods ($h.Add(...)): they produce no output */
    if (rc == MEMBER_OK && out->kind == VAL_NULL) *out = val_autonull();
    if (rc == MEMBER_OK) return ST_OK;
    if (rc == MEMBER_ERROR) return method_exc(I, n, &err);
#else
    conv_fail(&err, "MethodNotFound",
              "Method invocation failed because [%s] does not contain a method named '%.*s'.",
              val_type_fullname(b), (int)len, name);
#endif
    m = find_method(methods, sizeof methods / sizeof methods[0], b, name, len);
    if (m) return m->fn(I, n, b, args, nargs, out);
    if (val_is_array(b) && arr_len(b) > 0) return method_enum(I, n, b, name, len, args, nargs, out);
    return method_exc(I, n, &err);
}

/* ---------------------------------------------------------------- static ---- */

#include <math.h>

static double num_arg(Value *a, int na, int i)
{
    Value d;
    if (i >= na || convert_to(a[i], TY_DOUBLE, 0, &d, NULL) != 0) return 0;
    return d.as.d;
}

/* [math]::Round(x[, digits]) with banker's rounding (MidpointRounding.ToEven). */
static Status s_round(Interp *I, Node *n, Value *a, int na, Value *out)
{
    double x = num_arg(a, na, 0), p = pow(10, na > 1 ? num_arg(a, na, 1) : 0);
    *out = val_double(nearbyint(x * p) / p);
    return ST_OK;
}

static Status s_floor(Interp *I, Node *n, Value *a, int na, Value *out)
{
    return *out = val_double(floor(num_arg(a, na, 0))), ST_OK;
}

static Status s_ceiling(Interp *I, Node *n, Value *a, int na, Value *out)
{
    return *out = val_double(ceil(num_arg(a, na, 0))), ST_OK;
}

static Status s_sqrt(Interp *I, Node *n, Value *a, int na, Value *out)
{
    return *out = val_double(sqrt(num_arg(a, na, 0))), ST_OK;
}

static Status s_pow(Interp *I, Node *n, Value *a, int na, Value *out)
{
    return *out = val_double(pow(num_arg(a, na, 0), num_arg(a, na, 1))), ST_OK;
}

/* Max/Min/Abs keep the argument's own type (they are overloaded per type in .NET). */
static Status s_minmax(Value *a, int na, int max, Value *out)
{
    int c = 0;
    if (na < 2) return *out = na ? val_ref(a[0]) : val_null(), ST_OK;
    convert_compare(a[0], a[1], 0, &c, NULL);
    *out = val_ref((c >= 0) == max ? a[0] : a[1]);
    return ST_OK;
}

static Status s_max(Interp *I, Node *n, Value *a, int na, Value *out)
{
    return s_minmax(a, na, 1, out);
}

static Status s_min(Interp *I, Node *n, Value *a, int na, Value *out)
{
    return s_minmax(a, na, 0, out);
}

static Status s_abs(Interp *I, Node *n, Value *a, int na, Value *out)
{
    Value zero = val_int(0);
    int c = 0;
    if (!na) return *out = val_null(), ST_OK;
    convert_compare(a[0], zero, 0, &c, NULL);
    if (c >= 0) return *out = val_ref(a[0]), ST_OK;
    ConvError ce;
    if (arith_negate(a[0], out, &ce)) return eval_fail_conv(I, n, &ce);
    return ST_OK;
}

static Status s_join(Interp *I, Node *n, Value *a, int na, Value *out)
{
    Value sep = arg_str(a, na, 0);
    StrBuf sb = {0};
    for (int i = 1; i < na; i++) {
        Value v = a[i];
        size_t cnt = val_is_array(v) ? arr_len(v) : 1;
        for (size_t k = 0; k < cnt; k++) {
            if (sb.len || i > 1 || k) sb_append(&sb, val_str_data(sep), val_str_len(sep));
            convert_append_scalar(val_is_array(v) ? arr_peek(v, k) : v, &sb);
        }
    }
    val_unref(sep);
    *out = val_str_take_sb(&sb);
    return ST_OK;
}

static Status s_isnullorempty(Interp *I, Node *n, Value *a, int na, Value *out)
{
    Value s = arg_str(a, na, 0);
    *out = val_bool(val_str_len(s) == 0);
    val_unref(s);
    return ST_OK;
}

static Status s_isnullorwhitespace(Interp *I, Node *n, Value *a, int na, Value *out)
{
    Value s = arg_str(a, na, 0);
    int blank = 1;
    for (size_t i = 0; i < val_str_len(s); i++)
        blank &= is_ws(val_str_data(s)[i]);
    *out = val_bool(blank);
    val_unref(s);
    return ST_OK;
}

typedef Status (*StaticFn)(Interp *I, Node *n, Value *args, int nargs, Value *out);

static const struct {
    const char *type, *name;
    StaticFn fn;
} statics[] = {
    {"Math", "Round", s_round},
    {"Math", "Floor", s_floor},
    {"Math", "Ceiling", s_ceiling},
    {"Math", "Sqrt", s_sqrt},
    {"Math", "Pow", s_pow},
    {"Math", "Max", s_max},
    {"Math", "Min", s_min},
    {"Math", "Abs", s_abs},
    {"String", "Join", s_join},
    {"String", "IsNullOrEmpty", s_isnullorempty},
    {"String", "IsNullOrWhiteSpace", s_isnullorwhitespace},
};

/* [type]::Method(args) */
static Status static_method(Interp *I, Node *n, Value type, const char *name, size_t len,
                            Value *args, int nargs, Value *out)
{
    const char *tn = typeref_name(type);
#if EVAL_USE_MEMBERS
    MemberCtx mc = {.rx = I->rx, .cwd = runloc_get(I)};
    MemberError err;
    const char *full = typeref_fullname(type);
    int rc = coll_static_call(&mc, full, strlen(full), name, len, args, nargs, out, &err);
    if (rc == MEMBER_NOTFOUND)
        rc = static_call(&mc, full, strlen(full), name, len, args, nargs, out, &err);
    if (rc == MEMBER_OK) return ST_OK;
    if (rc == MEMBER_ERROR) return method_exc(I, n, &err);
#endif
    for (size_t i = 0; i < sizeof statics / sizeof statics[0]; i++)
        if (str_icmp(tn, statics[i].type) == 0 && str_ieq_slice(name, len, statics[i].name))
            return statics[i].fn(I, n, args, nargs, out);
    return eval_fail(I, n, EXC_METHOD, "MethodNotFound",
                     "Method invocation failed because [%s] does not contain a method named "
                     "'%.*s'.",
                     typeref_fullname(type), (int)len, name);
}

/* ---------------------------------------------------------------- indexing ---- */

/* The UTF-16 unit at index i of s (code points above U+FFFF count as two units). */
static int str_at(Value s, int64_t i, Value *out)
{
    int64_t len = (int64_t)val_str_len16(s);
    if (i < 0) i += len;
    if (i < 0 || i >= len) return 0;
    const char *p = val_str_data(s);
    size_t n = val_str_len(s), off = 0, used;
    for (int64_t k = 0; off < n; off += used) {
        uint32_t cp = utf8_decode(p + off, n - off, &used);
        int units = cp > 0xFFFF ? 2 : 1;
        if (i < k + units) {
            *out = val_char(units == 1 ? cp
                                       : (i == k ? 0xD800 + ((cp - 0x10000) >> 10)
                                                 : 0xDC00 + ((cp - 0x10000) & 0x3FF)));
            return 1;
        }
        k += units;
    }
    return 0;
}

/* One element; 0 when there is none (out of range).  An OrderedDictionary indexed by an
 * Int32 reads by position (its this[int] overload), unless by_key ($d[[object]1]). */
static int index_one(Value obj, Value idx, int by_key, Value *out)
{
    if (val_is(obj, &cls_ordered) && idx.kind == VAL_INT32 && !by_key) {
        int64_t i = idx.as.i;
        if (i < 0 || (size_t)i >= ht_count(obj)) return 0;
        Value k, v;
        ht_entry_peek(obj, (size_t)i, &k, &v);
        return *out = val_ref(v), 1;
    }
    if (ht_is(obj)) return ht_get(obj, idx, out) ? 1 : (*out = val_null(), 1);
    if (psinfo_member_at(obj, idx, out)) return 1; /* $o.psobject.Properties['a'] */
    Value iv;
    if (convert_to(idx, TY_INT32, 0, &iv, NULL) != 0) return 0;
    int64_t i = iv.as.i;
    if (val_is_array(obj)) {
        int64_t len = (int64_t)arr_len(obj);
        if (i < 0) i += len;
        if (i < 0 || i >= len) return 0;
        *out = arr_get(obj, (size_t)i);
        return 1;
    }
    if (val_is_str(obj)) return str_at(obj, i, out);
    if (val_is(obj, &cls_tuple)) return coll_tuple_at(obj, i, out);
    if (val_is(obj, &cls_strbuilder)) return strbuilder_index(obj, i, out, NULL) == 1;
    if (i == 0 || i == -1) return *out = val_ref(obj), 1;
    return 0;
}

Status eval_index_value(Interp *I, Node *n, Value obj, Value idx, Value *out)
{
    if (val_is_null(obj))
        return eval_fail(I, n, EXC_RUNTIME, "NullArray", "Cannot index into a null array.");
    obj = val_base(obj);
    /* [object]1 picks the dictionary's key overload, as pwsh's binder does */
    Node *ix = n && n->kind == AST_INDEX ? n->b : NULL;
    int by_key = ix && ix->kind == AST_CONVERT && ix->a && ix->a->str &&
                 str_ieq_slice(ix->a->str, ix->a->len, "object");
    size_t at;
    if (arr_rank(obj) == 2) /* $a[i, j] */
        return *out = arr_md_index(obj, idx, &at) ? arr_get(obj, at) : val_null(), ST_OK;
    if (!val_is_array(idx)) {
        if (!index_one(obj, idx, by_key, out)) *out = val_null();
        return ST_OK;
    }
    Value r = arr_new(TY_OBJECT, arr_len(idx));
    for (size_t i = 0; i < arr_len(idx); i++) {
        Value v;
        if (index_one(obj, arr_peek(idx, i), by_key, &v)) arr_push_take(r, v);
    }
    *out = r;
    return ST_OK;
}
