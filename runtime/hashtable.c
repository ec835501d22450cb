/*
** hashtable: entries kept in insertion order in a dense array; an open-addressed index of
** entry numbers (power-of-two size, at most half full) gives O(1) lookup.
*/
#include "runtime/hashtable.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/mem.h"

typedef struct Entry {
    Value key, val; /* owned */
    uint32_t hash;
} Entry;

typedef struct ObjHash {
    Obj obj;
    Entry *e; /* insertion order */
    size_t len, cap;
    int32_t *slot;       /* -1 empty, else an index into e */
    size_t nslot;        /* power of two, 0 before the first insert */
    TypeId ktype, vtype; /* Dictionary[K,V]: K and V (TY_OBJECT for the others) */
} ObjHash;

static ObjHash *as_ht(Value h)
{
    return (ObjHash *)h.as.o;
}

static void ht_free(Obj *o)
{
    ObjHash *h = (ObjHash *)o;
    for (size_t i = 0; i < h->len; i++) {
        val_unref(h->e[i].key);
        val_unref(h->e[i].val);
    }
    free(h->e);
    free(h->slot);
}

/* Marks every key and value (the table is already marked). */
static void ht_share(Obj *o)
{
    ObjHash *h = (ObjHash *)o;
    for (size_t i = 0; i < h->len; i++) {
        val_share(h->e[i].key);
        val_share(h->e[i].val);
    }
}

static int ht_prop(Value self, const char *name, size_t len, Value *out);
static int ht_setprop(Value self, const char *name, size_t len, Value v);

const ObjClass cls_hashtable = {
    .name = "Hashtable",
    .full_name = "System.Collections.Hashtable",
    .type = TY_HASHTABLE,
    .flags = CLS_DICTIONARY,
    .free = ht_free,
    .get_prop = ht_prop,
    .set_prop = ht_setprop,
    .share = ht_share,
};
const ObjClass cls_ordered = {
    .name = "OrderedDictionary",
    .full_name = "System.Collections.Specialized.OrderedDictionary",
    .type = TY_ORDERED,
    .flags = CLS_DICTIONARY,
    .free = ht_free,
    .get_prop = ht_prop,
    .set_prop = ht_setprop,
    .share = ht_share,
};

/* "System.Collections.Generic.Dictionary`2[System.String,System.Int32]" */
static void dict_str(Value self, StrBuf *out)
{
    ObjHash *h = as_ht(self);
    sb_printf(out, "%s[%s,%s]", self.as.o->cls->full_name, type_fullname(h->ktype),
              type_fullname(h->vtype));
}

/* Generic Dictionary[K,V].  Keys compare like the Hashtable's (case-insensitive strings),
 * where .NET's default comparer is ordinal: a known difference. */
const ObjClass cls_dictionary = {
    .name = "Dictionary`2",
    .full_name = "System.Collections.Generic.Dictionary`2",
    .type = TY_OTHER,
    .flags = CLS_DICTIONARY,
    .free = ht_free,
    .to_string = dict_str,
    .get_prop = ht_prop,
    .set_prop = ht_setprop,
    .share = ht_share,
};

Value ht_new(int ordered)
{
    return val_obj_take(obj_alloc(ordered ? &cls_ordered : &cls_hashtable, sizeof(ObjHash)));
}

Value ht_new_dict(TypeId ktype, TypeId vtype)
{
    ObjHash *h = (ObjHash *)obj_alloc(&cls_dictionary, sizeof(ObjHash));
    h->ktype = ktype < TY__COUNT ? ktype : TY_OBJECT;
    h->vtype = vtype < TY__COUNT ? vtype : TY_OBJECT;
    return val_obj_take(&h->obj);
}

int ht_dict_types(Value h, TypeId *ktype, TypeId *vtype)
{
    if (!val_is(h, &cls_dictionary)) return 0;
    *ktype = as_ht(h)->ktype;
    *vtype = as_ht(h)->vtype;
    return 1;
}

int ht_is(Value v)
{
    return val_is(v, &cls_hashtable) || val_is(v, &cls_ordered) || val_is(v, &cls_dictionary);
}

/*
** Every public operation below holds the table's lock (a no-op unless it is shared: see
** value.h), and a shared table marks what it stores.  Static helpers assume the lock.
*/
#define LOCK(h)   obj_lock(&(h)->obj)
#define UNLOCK(h) obj_unlock(&(h)->obj)

size_t ht_count(Value hv)
{
    ObjHash *h = as_ht(hv);
    if (!h->obj.shared) return h->len;
    LOCK(h);
    size_t n = h->len;
    UNLOCK(h);
    return n;
}

/* ---- key identity ---- */

static uint32_t mix(uint32_t h, uint32_t x)
{
    return (h ^ x) * 16777619u;
}

/* The next folded code point of s[*i..len), ASCII without a decode: property and variable
 * names are nearly always ASCII, and these loops run on every member lookup. */
static uint32_t fold_next(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) return (*i)++, c >= 'A' && c <= 'Z' ? c + 32u : c;
    size_t n;
    uint32_t cp = uc_fold(utf8_decode(s + *i, len - *i, &n));
    *i += n;
    return cp;
}

/* A string key's hash from its bytes (the same as ht_key_hash of the string value). */
static uint32_t str_hash(const char *s, size_t len)
{
    uint32_t h = mix(2166136261u, VAL_OBJ);
    for (size_t i = 0; i < len;)
        h = mix(h, fold_next(s, len, &i));
    return h;
}

uint32_t ht_key_hash(Value k)
{
    k = val_base(k);
    uint32_t h = mix(2166136261u, k.kind);
    if (val_is_str(k)) return str_hash(val_str_data(k), val_str_len(k));
    if (k.kind == VAL_OBJ)
        return k.as.o->cls->equals ? mix(h, (uint32_t)(uintptr_t)k.as.o->cls)
                                   : mix(h, (uint32_t)((uintptr_t)k.as.o >> 4));
    if (k.kind == VAL_DOUBLE || k.kind == VAL_SINGLE) {
        double d = k.as.d == 0 ? 0 : k.as.d; /* -0.0 equals 0.0 */
        uint64_t u;
        memcpy(&u, &d, sizeof u);
        return mix(mix(h, (uint32_t)u), (uint32_t)(u >> 32));
    }
    return mix(mix(h, (uint32_t)k.as.u), (uint32_t)(k.as.u >> 32));
}

static int bytes_ieq(const char *s, size_t ls, const char *t, size_t lt)
{
    size_t i = 0, j = 0;
    while (i < ls && j < lt)
        if (fold_next(s, ls, &i) != fold_next(t, lt, &j)) return 0;
    return i == ls && j == lt;
}

static int str_ieq(Value a, Value b)
{
    return bytes_ieq(val_str_data(a), val_str_len(a), val_str_data(b), val_str_len(b));
}

int ht_key_equal(Value a, Value b)
{
    a = val_base(a);
    b = val_base(b);
    if (val_is_str(a) && val_is_str(b)) return str_ieq(a, b);
    if (a.kind == VAL_OBJ && b.kind == VAL_OBJ && a.as.o->cls->equals)
        return a.as.o->cls == b.as.o->cls && a.as.o->cls->equals(a, b);
    return val_identical(a, b);
}

/* ---- index ---- */

/* The slot holding key, or the empty slot where it would go. */
static size_t find_slot(ObjHash *h, Value key, uint32_t hash)
{
    size_t mask = h->nslot - 1, i = hash & mask;
    while (h->slot[i] >= 0) {
        Entry *e = &h->e[h->slot[i]];
        if (e->hash == hash && ht_key_equal(e->key, key)) return i;
        i = (i + 1) & mask;
    }
    return i;
}

static void reindex(ObjHash *h, size_t nslot)
{
    free(h->slot);
    h->nslot = nslot;
    h->slot = xmalloc(nslot * sizeof(int32_t));
    memset(h->slot, 0xFF, nslot * sizeof(int32_t));
    for (size_t i = 0; i < h->len; i++)
        h->slot[find_slot(h, h->e[i].key, h->e[i].hash)] = (int32_t)i;
}

static Entry *lookup(ObjHash *h, Value key)
{
    if (!h->nslot) return NULL;
    int32_t i = h->slot[find_slot(h, key, ht_key_hash(key))];
    return i >= 0 ? &h->e[i] : NULL;
}

int ht_get(Value hv, Value key, Value *out)
{
    ObjHash *h = as_ht(hv);
    LOCK(h);
    Entry *e = lookup(h, key);
    if (e) *out = val_ref(e->val);
    UNLOCK(h);
    return e != NULL;
}

int ht_key_peek(Value hv, Value key, Value *stored)
{
    ObjHash *h = as_ht(hv);
    LOCK(h);
    Entry *e = lookup(h, key);
    if (e) *stored = val_keep(e->key);
    UNLOCK(h);
    return e != NULL;
}

/* The entry of a string key given as bytes: no string is made for the lookup. */
static Entry *lookup_str(ObjHash *h, const char *key, size_t len)
{
    if (!h->nslot) return NULL;
    uint32_t hash = str_hash(key, len);
    for (size_t mask = h->nslot - 1, i = hash & mask; h->slot[i] >= 0; i = (i + 1) & mask) {
        Entry *e = &h->e[h->slot[i]];
        Value k = val_base(e->key);
        if (e->hash == hash && val_is_str(k) && bytes_ieq(val_str_data(k), val_str_len(k), key, len))
            return e;
    }
    return NULL;
}

int ht_get_str(Value hv, const char *key, size_t len, Value *out)
{
    ObjHash *h = as_ht(hv);
    LOCK(h);
    Entry *e = lookup_str(h, key, len);
    if (e) *out = val_ref(e->val);
    UNLOCK(h);
    return e != NULL;
}

static void insert(ObjHash *h, Value key, Value val, uint32_t hash)
{
    if (h->obj.shared) val_share(key), val_share(val);
    if ((h->len + 1) * 2 > h->nslot) reindex(h, h->nslot ? h->nslot * 2 : 8);
    Entry e = {val_ref(key), val_ref(val), hash};
    ARRAY_PUSH(h->e, h->len, h->cap, e);
    h->slot[find_slot(h, key, hash)] = (int32_t)(h->len - 1);
}

/* Released values are unreferenced after the lock is let go: freeing one may run a free hook
 * that takes the lock again, and the critical section stays short. */
void ht_set(Value hv, Value key, Value val)
{
    ObjHash *h = as_ht(hv);
    LOCK(h);
    Entry *e = lookup(h, key);
    Value old = val_null();
    if (!e) {
        insert(h, key, val, ht_key_hash(key));
    } else {
        if (h->obj.shared) val_share(val);
        old = e->val;
        e->val = val_ref(val);
    }
    UNLOCK(h);
    val_unref(old);
}

int ht_add(Value hv, Value key, Value val)
{
    ObjHash *h = as_ht(hv);
    LOCK(h);
    int added = lookup(h, key) == NULL;
    if (added) insert(h, key, val, ht_key_hash(key));
    UNLOCK(h);
    return added;
}

static void move_last_to(ObjHash *h, size_t i)
{
    if (i >= h->len - 1) return;
    Entry e = h->e[h->len - 1];
    memmove(h->e + i + 1, h->e + i, (h->len - 1 - i) * sizeof(Entry));
    h->e[i] = e;
    reindex(h, h->nslot);
}

int ht_insert_at(Value hv, size_t i, Value key, Value val)
{
    ObjHash *h = as_ht(hv);
    LOCK(h);
    int added = lookup(h, key) == NULL;
    if (added) {
        insert(h, key, val, ht_key_hash(key));
        move_last_to(h, i);
    }
    UNLOCK(h);
    return added;
}

int ht_remove(Value hv, Value key)
{
    ObjHash *h = as_ht(hv);
    LOCK(h);
    Entry *e = lookup(h, key);
    Entry gone = {val_null(), val_null(), 0};
    if (e) {
        gone = *e;
        size_t i = (size_t)(e - h->e);
        memmove(e, e + 1, (h->len - i - 1) * sizeof(Entry));
        h->len--;
        reindex(h, h->nslot);
    }
    UNLOCK(h);
    val_unref(gone.key);
    val_unref(gone.val);
    return e != NULL;
}

void ht_clear(Value hv)
{
    ObjHash *h = as_ht(hv);
    LOCK(h);
    Entry *gone = h->e;
    size_t n = h->len;
    h->e = NULL;
    h->len = h->cap = 0;
    if (h->nslot) memset(h->slot, 0xFF, h->nslot * sizeof(int32_t));
    UNLOCK(h);
    for (size_t i = 0; i < n; i++) {
        val_unref(gone[i].key);
        val_unref(gone[i].val);
    }
    free(gone);
}

/* A shared table may shrink under the caller's loop: past the end, both are $null. */
void ht_entry_peek(Value hv, size_t i, Value *key, Value *val)
{
    ObjHash *h = as_ht(hv);
    if (!h->obj.shared) {
        *key = h->e[i].key;
        *val = h->e[i].val;
        return;
    }
    LOCK(h);
    *key = i < h->len ? val_keep(h->e[i].key) : val_null();
    *val = i < h->len ? val_keep(h->e[i].val) : val_null();
    UNLOCK(h);
}

Value ht_copy(Value hv)
{
    ObjHash *h = as_ht(hv);
    Value r = h->obj.cls == &cls_dictionary ? ht_new_dict(h->ktype, h->vtype)
                                            : ht_new(h->obj.cls == &cls_ordered);
    LOCK(h);
    for (size_t i = 0; i < h->len; i++)
        insert(as_ht(r), h->e[i].key, h->e[i].val, h->e[i].hash);
    UNLOCK(h);
    return r;
}

/* ---- member access: $h.key, then Count/Keys/Values ---- */

static Value column(ObjHash *h, int keys)
{
    LOCK(h);
    Value a = arr_new(TY_OBJECT, h->len);
    for (size_t i = 0; i < h->len; i++)
        arr_push(a, keys ? h->e[i].key : h->e[i].val);
    UNLOCK(h);
    return a;
}

static int ht_prop(Value self, const char *name, size_t len, Value *out)
{
    if (ht_get_str(self, name, len, out)) return 1;
    if (ht_digit_key(self, name, len, out)) return 1;
    return ht_base_prop(self, name, len, out);
}

/* $h.1: the member name of digits also finds the Int32 key 1 (pwsh parses it as a number). */
int ht_digit_key(Value self, const char *name, size_t len, Value *out)
{
    int32_t n = 0;
    if (len == 0 || len > 9) return 0;
    for (size_t i = 0; i < len; i++) {
        if (name[i] < '0' || name[i] > '9') return 0;
        n = n * 10 + (name[i] - '0');
    }
    return ht_get(self, val_int(n), out);
}

int ht_base_prop(Value self, const char *name, size_t len, Value *out)
{
    ObjHash *h = as_ht(self);
    if (str_ieq_slice(name, len, "IsSynchronized"))
        return *out = val_bool(val_is_synchronized(self)), 1;
    if (str_ieq_slice(name, len, "IsReadOnly") || str_ieq_slice(name, len, "IsFixedSize"))
        return *out = val_bool(0), 1;
    if (str_ieq_slice(name, len, "SyncRoot")) return *out = val_ref(self), 1;
    if (str_ieq_slice(name, len, "Count")) {
        *out = val_int((int32_t)ht_count(self));
        return 1;
    }
    if (str_ieq_slice(name, len, "Keys") || str_ieq_slice(name, len, "Values")) {
        *out = column(h, str_ieq_slice(name, len, "Keys"));
        return 1;
    }
    return 0;
}

static int ht_setprop(Value self, const char *name, size_t len, Value v)
{
    Value k = val_str_n(name, len);
    ht_set(self, k, v);
    val_unref(k);
    return 1;
}
