/*
** value: reference counting, the class-independent inspection functions, the type table,
** and the String class (UTF-8 bytes with a cached UTF-16 length).
*/
#include "runtime/value.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

/* ---- type table ---- */

#define X_TYNAME(id, name, full, acc) name,
#define X_TYFULL(id, name, full, acc) full,
#define X_TYACC(id, name, full, acc)  acc,
static const char *const ty_name[] = {TYPE_IDS(X_TYNAME)};
static const char *const ty_full[] = {TYPE_IDS(X_TYFULL)};
static const char *const ty_acc[] = {TYPE_IDS(X_TYACC)};

/* The type of each inline kind, in ValKind order. */
static const TypeId kind_type[] = {
    TY_NULL,   TY_NULL,   TY_BOOL,     TY_CHAR,     TY_SBYTE,  TY_BYTE,
    TY_INT16,  TY_UINT16, TY_INT32,    TY_UINT32,   TY_INT64,  TY_UINT64,
    TY_SINGLE, TY_DOUBLE, TY_DATETIME, TY_TIMESPAN, TY_OBJECT,
};

const char *type_name(TypeId t)
{
    return t < TY__COUNT ? ty_name[t] : "Object";
}

const char *type_fullname(TypeId t)
{
    return t < TY__COUNT ? ty_full[t] : "System.Object";
}

static int slice_is(const char *s, size_t len, const char *lit)
{
    return *lit && str_ieq_slice(s, len, lit);
}

/* "System.X" matches full names only; otherwise an accelerator ("int") or a Name ("Int32"). */
TypeId type_lookup(const char *name, size_t len)
{
    int full = len > 7 && str_nicmp(name, "System.", 7) == 0;
    for (int t = 0; t < TY_OTHER; t++) {
        if (t == TY_NULL) continue;
        if (full ? slice_is(name, len, ty_full[t])
                 : slice_is(name, len, ty_acc[t]) || slice_is(name, len, ty_name[t]))
            return (TypeId)t;
    }
    return TY_OTHER;
}

ValKind type_val_kind(TypeId t)
{
    for (int k = VAL_BOOL; k < VAL_OBJ; k++)
        if (kind_type[k] == t) return (ValKind)k;
    return VAL_OBJ;
}

/* ---- scalars, references ---- */

Value val_integer(ValKind k, int64_t i)
{
    Value v = val_make(k);
    v.as.i = i;
    return v;
}

Value val_single(float f)
{
    Value v = val_make(VAL_SINGLE);
    v.as.d = (double)f;
    return v;
}

Obj *obj_alloc(const ObjClass *cls, size_t size)
{
    Obj *o = xcalloc(1, size);
    o->cls = cls;
    o->rc = 1;
    return o;
}

void val_unref(Value v)
{
    if (v.kind != VAL_OBJ) return;
    Obj *o = v.as.o;
    if (o->shared ? __atomic_sub_fetch(&o->rc, 1, __ATOMIC_ACQ_REL) > 0 : --o->rc > 0) return;
    if (o->cls->free) o->cls->free(o);
    free(o);
}

uint32_t obj_refcount(const Obj *o)
{
    return o->shared ? __atomic_load_n(&o->rc, __ATOMIC_ACQUIRE) : o->rc;
}

/* ---- sharing between threads ---- */

/* One recursive lock for every shared object (the reason is in value.h). */
static pthread_once_t share_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t share_mu;

static void share_init(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&share_mu, &a);
    pthread_mutexattr_destroy(&a);
}

void obj_share_self(Obj *o)
{
    pthread_once(&share_once, share_init);
    o->shared = 1;
}

/* A kind without a share hook: what it shows as properties is what it holds. */
static void share_props(Value v)
{
    size_t n = v.as.o->cls->nprops(v);
    for (size_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value p;
        v.as.o->cls->prop_at(v, i, &name, &len, &p);
        val_share(p);
    }
}

void val_share(Value v)
{
    if (v.kind != VAL_OBJ || v.as.o->shared) return;
    Obj *o = v.as.o;
    pthread_once(&share_once, share_init);
    o->shared = 1; /* first, so a cycle ends here */
    if (o->cls->share)
        o->cls->share(o);
    else if (o->cls->nprops && o->cls->prop_at)
        share_props(v);
}

void obj_lock_shared(void)
{
    pthread_mutex_lock(&share_mu);
}

void obj_unlock_shared(void)
{
    pthread_mutex_unlock(&share_mu);
}

Value val_synchronize(Value v)
{
    if (v.kind != VAL_OBJ) return v;
    val_share(v);
    __atomic_store_n(&v.as.o->synced, 1, __ATOMIC_RELAXED);
    return val_ref(v);
}

int val_is_synchronized(Value v)
{
    return v.kind == VAL_OBJ && __atomic_load_n(&v.as.o->synced, __ATOMIC_RELAXED);
}

_Thread_local ValKeep val_kept;

Value val_keep(Value v)
{
    if (v.kind != VAL_OBJ || !v.as.o->shared) return v;
    ARRAY_PUSH(val_kept.items, val_kept.len, val_kept.cap, val_ref(v));
    return v;
}

void val_keep_drain(size_t mark)
{
    while (val_kept.len > mark)
        val_unref(val_kept.items[--val_kept.len]);
    if (mark == 0) {
        free(val_kept.items);
        val_kept = (ValKeep){0};
    }
}

const ObjClass *val_class(Value v)
{
    return v.kind == VAL_OBJ ? v.as.o->cls : NULL;
}

int val_is(Value v, const ObjClass *cls)
{
    return v.kind == VAL_OBJ && v.as.o->cls == cls;
}

int val_is_integer(Value v)
{
    return v.kind >= VAL_SBYTE && v.kind <= VAL_UINT64;
}

int val_is_number(Value v)
{
    if (v.kind >= VAL_SBYTE && v.kind <= VAL_DOUBLE) return 1;
    return v.kind == VAL_OBJ && v.as.o->cls->type == TY_DECIMAL;
}

int val_is_str(Value v)
{
    return v.kind == VAL_OBJ && v.as.o->cls == &cls_string;
}

int val_is_array(Value v)
{
    return v.kind == VAL_OBJ && v.as.o->cls->type == TY_ARRAY;
}

TypeId val_type_id(Value v)
{
    if (v.kind != VAL_OBJ) return kind_type[v.kind];
    return v.as.o->cls->type;
}

const char *val_type_name(Value v)
{
    v = val_base(v);
    if (val_is_null(v)) return "";
    return v.kind == VAL_OBJ ? v.as.o->cls->name : ty_name[kind_type[v.kind]];
}

const char *val_type_fullname(Value v)
{
    v = val_base(v);
    if (val_is_null(v)) return "";
    return v.kind == VAL_OBJ ? v.as.o->cls->full_name : ty_full[kind_type[v.kind]];
}

int val_identical(Value a, Value b)
{
    if (a.kind != b.kind) return 0;
    if (a.kind == VAL_SINGLE || a.kind == VAL_DOUBLE) return a.as.d == b.as.d;
    if (a.kind == VAL_BOOL) return a.as.b == b.as.b;
    if (a.kind == VAL_OBJ) return a.as.o == b.as.o;
    return a.as.u == b.as.u && a.aux == b.aux;
}

int val_get_prop(Value v, const char *name, size_t len, Value *out)
{
    const ObjClass *c = val_class(v);
    if (c && c->get_prop && c->get_prop(v, name, len, out)) return 1;
    Value b = val_base(v);
    if (b.kind == VAL_OBJ && b.as.o != v.as.o) {
        c = b.as.o->cls;
        return c->get_prop && c->get_prop(b, name, len, out);
    }
    return 0;
}

/* ---- strings ---- */

typedef struct ObjString {
    Obj obj;
    size_t len;   /* bytes */
    size_t len16; /* UTF-16 units, or SIZE_MAX until computed */
    char data[];  /* len bytes + NUL */
} ObjString;

static int str_prop(Value self, const char *name, size_t len, Value *out);

const ObjClass cls_string = {
    .name = "String",
    .full_name = "System.String",
    .type = TY_STRING,
    .flags = CLS_STRING,
    .get_prop = str_prop,
};

static ObjString *as_str(Value s)
{
    return (ObjString *)s.as.o;
}

static ObjString *str_alloc(size_t len)
{
    ObjString *s = (ObjString *)obj_alloc(&cls_string, sizeof(ObjString) + len + 1);
    s->len = len;
    s->len16 = SIZE_MAX;
    return s;
}

Value val_str_n(const char *s, size_t len)
{
    ObjString *o = str_alloc(len);
    if (len) memcpy(o->data, s, len);
    o->data[len] = '\0';
    return val_obj_take(&o->obj);
}

Value val_str(const char *s)
{
    return val_str_n(s, strlen(s));
}

Value val_str_empty(void)
{
    return val_str_n("", 0);
}

Value val_str_take_sb(StrBuf *sb)
{
    Value v = val_str_n(sb->buf ? sb->buf : "", sb->len);
    sb_free(sb);
    return v;
}

Value val_str_cat(Value a, Value b)
{
    ObjString *x = as_str(a), *y = as_str(b);
    ObjString *o = str_alloc(x->len + y->len);
    memcpy(o->data, x->data, x->len);
    memcpy(o->data + x->len, y->data, y->len);
    o->data[o->len] = '\0';
    return val_obj_take(&o->obj);
}

const char *val_str_data(Value s)
{
    return as_str(s)->data;
}

size_t val_str_len(Value s)
{
    return as_str(s)->len;
}

uint32_t utf8_decode(const char *s, size_t len, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s;
    int need = u[0] >= 0xF0 && u[0] < 0xF5   ? 3
               : u[0] >= 0xE0                ? 2
               : u[0] >= 0xC2 && u[0] < 0xE0 ? 1
                                             : 0;
    if (u[0] < 0x80 || need == 0 || (size_t)need >= len) {
        *n = 1;
        return u[0];
    }
    uint32_t cp = u[0] & (0x3F >> need);
    for (int i = 1; i <= need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *n = 1;
            return u[0];
        }
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    *n = (size_t)need + 1;
    return cp;
}

size_t val_str_len16(Value s)
{
    ObjString *o = as_str(s);
    /* A shared string's cache may be filled by two threads at once: both store the same. */
    size_t cached = __atomic_load_n(&o->len16, __ATOMIC_RELAXED);
    if (cached != SIZE_MAX) return cached;
    size_t units = 0, n;
    for (size_t i = 0; i < o->len; i += n)
        units += utf8_decode(o->data + i, o->len - i, &n) > 0xFFFF ? 2 : 1;
    __atomic_store_n(&o->len16, units, __ATOMIC_RELAXED);
    return units;
}

/* "Length", the one property of a String. */
static int str_prop(Value self, const char *name, size_t len, Value *out)
{
    if (!str_ieq_slice(name, len, "Length")) return 0;
    *out = val_int((int32_t)val_str_len16(self));
    return 1;
}

int val_str_unit_at(Value s, size_t i, uint32_t *unit)
{
    ObjString *o = as_str(s);
    size_t at = 0, n;
    for (size_t b = 0; b < o->len; b += n) {
        uint32_t cp = utf8_decode(o->data + b, o->len - b, &n);
        if (cp <= 0xFFFF) {
            if (at++ == i) return *unit = cp, 1;
            continue;
        }
        if (at++ == i) return *unit = 0xD800 + ((cp - 0x10000) >> 10), 1;
        if (at++ == i) return *unit = 0xDC00 + ((cp - 0x10000) & 0x3FF), 1;
    }
    return 0;
}

/* Letters whose lowercase is cp + 1 when (cp & 1) == parity, in [lo, hi]. */
static const struct {
    uint32_t lo, hi, parity;
} fold_pairs[] = {
    {0x100, 0x12F, 0}, {0x132, 0x137, 0}, {0x139, 0x148, 1}, {0x14A, 0x177, 0}, {0x179, 0x17E, 1}};

uint32_t uc_fold(uint32_t cp)
{
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) ||
        (cp >= 0x410 && cp <= 0x42F))
        return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    for (size_t i = 0; i < sizeof fold_pairs / sizeof fold_pairs[0]; i++)
        if (cp >= fold_pairs[i].lo && cp <= fold_pairs[i].hi && (cp & 1) == fold_pairs[i].parity)
            return cp + 1;
    return cp;
}
