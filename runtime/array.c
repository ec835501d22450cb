/*
** array: growable Value vectors behind one ObjClass per element type.
*/
#include "runtime/array.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

typedef struct ObjArray {
    Obj obj;
    TypeId elem;       /* element type (TY_OBJECT for object[]) */
    size_t len;        /* items in use */
    size_t cap;        /* items allocated */
    Value *items;      /* owned references */
    size_t rows, cols; /* a rank-2 array T[,]: its dimensions (items are row-major) */
} ObjArray;

static ObjArray *as_arr(Value a)
{
    return (ObjArray *)a.as.o;
}

/* Releasing nested arrays ($a = ,$a in a loop builds 200000 levels) must not recurse: items
 * that are arrays go to a per-thread work list that the outermost arr_free drains. */
static _Thread_local struct {
    Value *items;
    size_t len, cap;
    int active;
} pending;

static void release(Value v)
{
    if (v.kind == VAL_OBJ && v.as.o->cls->free == arr_free && obj_refcount(v.as.o) == 1)
        ARRAY_PUSH(pending.items, pending.len, pending.cap, v);
    else
        val_unref(v);
}

void arr_free(Obj *o)
{
    ObjArray *a = (ObjArray *)o;
    for (size_t i = 0; i < a->len; i++)
        release(a->items[i]);
    free(a->items);
    if (pending.active) return;
    pending.active = 1;
    while (pending.len)
        val_unref(pending.items[--pending.len]);
    free(pending.items);
    pending.items = NULL;
    pending.cap = 0;
    pending.active = 0;
}

/*
** Sharing (value.h): every public function below holds the array's lock when it is shared, a
** shared array marks what it stores, and arr_peek keeps what it returns alive (val_keep).
** Items are released after the lock is let go.
*/
#define LOCK(p)   obj_lock(&(p)->obj)
#define UNLOCK(p) obj_unlock(&(p)->obj)

void arr_share(Obj *o)
{
    ObjArray *a = (ObjArray *)o;
    for (size_t i = 0; i < a->len; i++)
        val_share(a->items[i]);
}

/* Length, Count and LongLength; the evaluator handles methods. */
static int arr_prop(Value self, const char *name, size_t len, Value *out)
{
    if (!str_ieq_slice(name, len, "Length") && !str_ieq_slice(name, len, "Count") &&
        !str_ieq_slice(name, len, "LongLength") && !str_ieq_slice(name, len, "Rank"))
        return 0;
    if (str_ieq_slice(name, len, "Rank"))
        *out = val_int(1);
    else if (str_ieq_slice(name, len, "LongLength"))
        *out = val_long((int64_t)arr_len(self));
    else
        *out = val_int((int32_t)arr_len(self));
    return 1;
}

#define X_ARRCLS(id, nm, full, acc)                                                                \
    {.name = nm "[]",                                                                              \
     .full_name = full "[]",                                                                       \
     .type = TY_ARRAY,                                                                             \
     .flags = CLS_ENUMERABLE,                                                                      \
     .free = arr_free,                                                                             \
     .get_prop = arr_prop,                                                                         \
     .share = arr_share},
static const ObjClass array_classes[] = {TYPE_IDS(X_ARRCLS)};
#undef X_ARRCLS

/* T[,]: Rank 2; Length and Count are the number of elements. */
static int arr_prop2(Value self, const char *name, size_t len, Value *out)
{
    if (str_ieq_slice(name, len, "Rank")) return *out = val_int(2), 1;
    return arr_prop(self, name, len, out);
}

#define X_ARRCLS2(id, nm, full, acc)                                                               \
    {.name = nm "[,]",                                                                             \
     .full_name = full "[,]",                                                                      \
     .type = TY_ARRAY,                                                                             \
     .flags = CLS_ENUMERABLE,                                                                      \
     .free = arr_free,                                                                             \
     .get_prop = arr_prop2,                                                                        \
     .share = arr_share},
static const ObjClass array2_classes[] = {TYPE_IDS(X_ARRCLS2)};
#undef X_ARRCLS2

Value arr_new_2d(TypeId elem, size_t rows, size_t cols, Value fill)
{
    elem = elem < TY__COUNT ? elem : TY_OBJECT;
    Value a = arr_new_as(&array2_classes[elem], elem, rows * cols);
    for (size_t i = 0; i < rows * cols; i++)
        arr_push(a, fill);
    as_arr(a)->rows = rows;
    as_arr(a)->cols = cols;
    return a;
}

int arr_rank(Value a)
{
    return val_is_array(a) && a.as.o->cls->get_prop == arr_prop2 ? 2 : 1;
}

size_t arr_dim(Value a, int d)
{
    ObjArray *p = as_arr(a);
    if (arr_rank(a) == 1) return d == 0 ? p->len : 0;
    return d == 0 ? p->rows : d == 1 ? p->cols : 0;
}

int arr_md_index(Value a, Value idx, size_t *at)
{
    if (arr_rank(a) != 2 || !val_is_array(idx) || arr_len(idx) != 2) return 0;
    int64_t ij[2];
    for (int k = 0; k < 2; k++) {
        Value v = val_base(arr_peek(idx, (size_t)k));
        if (!val_is_integer(v)) return 0;
        ij[k] = v.as.i;
        if (ij[k] < 0 || (size_t)ij[k] >= arr_dim(a, k)) return 0;
    }
    *at = (size_t)ij[0] * as_arr(a)->cols + (size_t)ij[1];
    return 1;
}

const ObjClass *arr_class(TypeId elem)
{
    return &array_classes[elem < TY__COUNT ? elem : TY_OBJECT];
}

Value arr_new(TypeId elem, size_t cap)
{
    return arr_new_as(arr_class(elem), elem, cap);
}

Value arr_new_as(const ObjClass *cls, TypeId elem, size_t cap)
{
    ObjArray *a = (ObjArray *)obj_alloc(cls, sizeof(ObjArray));
    a->elem = elem < TY__COUNT ? elem : TY_OBJECT;
    a->cap = cap;
    a->items = cap ? xmalloc(cap * sizeof(Value)) : NULL;
    return val_obj_take(&a->obj);
}

Value arr_from(const Value *items, size_t n)
{
    Value a = arr_new(TY_OBJECT, n);
    for (size_t i = 0; i < n; i++)
        arr_push(a, items[i]);
    return a;
}

size_t arr_len(Value a)
{
    ObjArray *o = as_arr(a);
    if (!o->obj.shared) return o->len;
    LOCK(o);
    size_t n = o->len;
    UNLOCK(o);
    return n;
}

TypeId arr_elem_type(Value a)
{
    return as_arr(a)->elem;
}

/* A shared list may shrink under the caller's loop: past the end it reads $null. */
Value arr_peek(Value a, size_t i)
{
    ObjArray *o = as_arr(a);
    if (!o->obj.shared) return o->items[i];
    LOCK(o);
    Value v = i < o->len ? val_keep(o->items[i]) : val_null();
    UNLOCK(o);
    return v;
}

Value arr_get(Value a, size_t i)
{
    ObjArray *o = as_arr(a);
    LOCK(o);
    Value v = i < o->len ? val_ref(o->items[i]) : val_null();
    UNLOCK(o);
    return v;
}

void arr_push_take(Value a, Value v)
{
    ObjArray *o = as_arr(a);
    if (!o->obj.shared) {
        ARRAY_PUSH(o->items, o->len, o->cap, v);
        return;
    }
    val_share(v);
    LOCK(o);
    ARRAY_PUSH(o->items, o->len, o->cap, v);
    UNLOCK(o);
}

void arr_push(Value a, Value v)
{
    arr_push_take(a, val_ref(v));
}

/* i past the end (a shared list shrunk meanwhile): nothing is stored. */
void arr_set(Value a, size_t i, Value v)
{
    ObjArray *o = as_arr(a);
    if (o->obj.shared) val_share(v);
    LOCK(o);
    Value old = val_null();
    if (i < o->len) {
        old = o->items[i];
        o->items[i] = val_ref(v);
    }
    UNLOCK(o);
    val_unref(old);
}

static void push_all(Value r, Value a)
{
    ObjArray *o = as_arr(a);
    LOCK(o);
    for (size_t i = 0; i < o->len; i++)
        arr_push(r, o->items[i]);
    UNLOCK(o);
}

Value arr_concat(Value a, Value b)
{
    size_t nb = val_is_array(b) ? arr_len(b) : 1;
    Value r = arr_new(TY_OBJECT, arr_len(a) + nb);
    push_all(r, a);
    if (val_is_array(b))
        push_all(r, b);
    else
        arr_push(r, b);
    return r;
}

void arr_insert(Value a, size_t i, Value v)
{
    ObjArray *p = as_arr(a);
    LOCK(p);
    arr_push(a, v); /* grows; then rotate the new item into place */
    Value last = p->items[p->len - 1];
    if (i < p->len) {
        memmove(p->items + i + 1, p->items + i, (p->len - 1 - i) * sizeof(Value));
        p->items[i] = last;
    }
    UNLOCK(p);
}

void arr_truncate(Value a, size_t n)
{
    ObjArray *p = as_arr(a);
    if (!p->obj.shared) {
        while (p->len > n)
            val_unref(p->items[--p->len]);
        return;
    }
    LOCK(p);
    size_t len = p->len > n ? p->len - n : 0;
    Value *gone = len ? xmalloc(len * sizeof(Value)) : NULL;
    if (len) memcpy(gone, p->items + n, len * sizeof(Value));
    if (len) p->len = n;
    UNLOCK(p);
    for (size_t i = 0; i < len; i++)
        val_unref(gone[i]);
    free(gone);
}

void arr_reverse(Value a)
{
    ObjArray *p = as_arr(a);
    LOCK(p);
    for (size_t i = 0, j = p->len; i + 1 < j; i++, j--) {
        Value t = p->items[i];
        p->items[i] = p->items[j - 1];
        p->items[j - 1] = t;
    }
    UNLOCK(p);
}

void arr_remove_at(Value a, size_t i)
{
    ObjArray *p = as_arr(a);
    LOCK(p);
    Value gone = val_null();
    if (i < p->len) {
        gone = p->items[i];
        memmove(p->items + i, p->items + i + 1, (p->len - i - 1) * sizeof(Value));
        p->len--;
    }
    UNLOCK(p);
    val_unref(gone);
}
