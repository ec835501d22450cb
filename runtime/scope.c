/*
** scope: three open-addressing hash tables (variables, functions, aliases) per scope.  Each
** slot points to a heap Var so addresses stay stable while the table grows.  A function call
** makes a scope and a handful of variables every time, so the first slots of the variable
** table live inside the Scope, a Var holds its name inline (one allocation each), and the
** automatic variables few bodies read ($PSBoundParameters, $args, $input) can be left
** pending, built on first use.
*/
#include "runtime/scope.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

struct Var {
    Obj obj; /* a Var is refcounted: a PSVariable may outlive its scope (scope_var_handle) */
    size_t len;
    uint32_t hash;
    unsigned flags; /* VF_* */
    Value val;      /* owned */
    Value type;     /* owned TypeRef, or $null */
    char name[];    /* len bytes and a NUL */
};

typedef struct Table {
    Var **slot; /* cap slots, NULL = empty (no deletions leave tombstones: see tab_remove) */
    size_t n, cap;
    Var **inl; /* the scope's own first slots (slot == inl while they suffice), or NULL */
} Table;

enum { INLINE_SLOTS = 8, MAX_PENDING = 4 };

/* A variable not built yet (scope_define_lazy). */
typedef struct Pending {
    const char *name; /* static */
    size_t len;
    ScopeLazyFn make;
    void *ctx;
} Pending;

struct Scope {
    Scope *parent;
    int is_script;
    int npending;
    Table vars, funcs, aliases;
    Var *vslot[INLINE_SLOTS];
    Pending pending[MAX_PENDING];
};

static void var_release(Obj *o)
{
    Var *v = (Var *)o;
    val_unref(v->val);
    val_unref(v->type);
}

/* Shared (runtime/value.h THREADS) when a PSVariable goes to a thread job: then its value is
 * read and written under the lock, and what it stores is shared too. */
static void var_share(Obj *o)
{
    val_share(((Var *)o)->val);
    val_share(((Var *)o)->type);
}

/* Not a pwsh type of its own: scripts see a Var through a PSVariable record. */
const ObjClass cls_var = {
    .name = "PSVariable",
    .full_name = "System.Management.Automation.PSVariable",
    .type = TY_OTHER,
    .free = var_release,
    .share = var_share,
};

static uint32_t name_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        h = (h ^ c) * 16777619u;
    }
    return h;
}

static int name_eq(const Var *v, const char *s, size_t len, uint32_t h)
{
    if (v->hash != h || v->len != len) return 0;
    for (size_t i = 0; i < len; i++) { /* inline: a hit compares the whole name every time */
        unsigned char a = (unsigned char)v->name[i], b = (unsigned char)s[i];
        if (a != b && ((a | 0x20) != (b | 0x20) || (a | 0x20) < 'a' || (a | 0x20) > 'z'))
            return 0;
    }
    return 1;
}

static Var *tab_find(const Table *t, const char *s, size_t len, uint32_t h)
{
    if (!t->cap) return NULL;
    for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        Var *v = t->slot[i];
        if (!v) return NULL;
        if (name_eq(v, s, len, h)) return v;
    }
}

static void tab_place(Table *t, Var *v)
{
    size_t i = v->hash & (t->cap - 1);
    while (t->slot[i])
        i = (i + 1) & (t->cap - 1);
    t->slot[i] = v;
}

static void slots_free(Table *t, Var **slot)
{
    if (slot != t->inl) free(slot);
}

static void tab_grow(Table *t)
{
    Table old = *t;
    t->cap = old.cap ? old.cap * 2 : 8;
    t->slot = xcalloc(t->cap, sizeof(Var *));
    for (size_t i = 0; i < old.cap; i++)
        if (old.slot[i]) tab_place(t, old.slot[i]);
    slots_free(t, old.slot);
}

static Var *var_alloc(const char *s, size_t len, uint32_t h)
{
    Var *v = xmalloc(sizeof(Var) + len + 1);
    v->obj = (Obj){.cls = &cls_var, .rc = 1};
    memcpy(v->name, s, len);
    v->name[len] = '\0';
    v->flags = 0;
    v->len = len;
    v->hash = h;
    v->val = val_null();
    v->type = val_null();
    return v;
}

static Var *tab_add(Table *t, const char *s, size_t len, uint32_t h)
{
    if ((t->n + 1) * 4 > t->cap * 3) tab_grow(t);
    Var *v = var_alloc(s, len, h);
    tab_place(t, v);
    t->n++;
    return v;
}

/* The table's reference goes; the Var itself lives on while a PSVariable holds it. */
static void var_free(Var *v)
{
    val_unref(val_obj_take(&v->obj));
}

/* Remove by rebuilding the table without the entry (removal is rare). */
static int tab_remove(Table *t, const char *s, size_t len)
{
    Var *v = tab_find(t, s, len, name_hash(s, len));
    if (!v) return 0;
    Table old = *t;
    t->slot = xcalloc(t->cap, sizeof(Var *));
    t->n = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slot[i] && old.slot[i] != v) tab_place(t, old.slot[i]), t->n++;
    slots_free(t, old.slot);
    var_free(v);
    return 1;
}

static void tab_free(Table *t)
{
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i]) var_free(t->slot[i]);
    slots_free(t, t->slot);
}

static Scope *scope_init(Scope *s, Scope *parent, int is_script)
{
    memset(s, 0, offsetof(Scope, vslot));
    memset(s->vslot, 0, sizeof s->vslot);
    s->parent = parent;
    s->is_script = is_script;
    s->vars.slot = s->vars.inl = s->vslot;
    s->vars.cap = INLINE_SLOTS;
    return s;
}

Scope *scope_new(Scope *parent, int is_script)
{
    return scope_init(xmalloc(sizeof(Scope)), parent, is_script);
}

static void scope_clear(Scope *s)
{
    tab_free(&s->vars);
    tab_free(&s->funcs);
    tab_free(&s->aliases);
}

void scope_free(Scope *s)
{
    if (!s) return;
    scope_clear(s);
    free(s);
}

Scope *scope_reuse(Scope **spare, Scope *parent, int is_script)
{
    Scope *s = *spare;
    if (!s) return scope_new(parent, is_script);
    *spare = NULL;
    return scope_init(s, parent, is_script);
}

/* Emptied first: releasing a value may run code that makes and recycles scopes itself.  The
 * spare is kept as a valid empty scope, so scope_free can release it with its runspace. */
void scope_recycle(Scope **spare, Scope *s)
{
    scope_clear(s);
    if (*spare) {
        free(s);
        return;
    }
    *spare = scope_init(s, NULL, 0);
}

Scope *scope_parent(const Scope *s)
{
    return s->parent;
}

int scope_is_script(const Scope *s)
{
    return s->is_script;
}

Scope *scope_script(Scope *s)
{
    while (!s->is_script && s->parent)
        s = s->parent;
    return s;
}

static Var *lookup_in(Table *(*pick)(Scope *), Scope *s, const char *name, size_t len)
{
    uint32_t h = name_hash(name, len);
    for (Scope *cur = s; cur; cur = cur->parent) {
        Var *v = tab_find(pick(cur), name, len, h);
        if (v && (cur == s || !(v->flags & VF_PRIVATE))) return v;
    }
    return NULL;
}

static Table *pick_funcs(Scope *s)
{
    return &s->funcs;
}

static Table *pick_aliases(Scope *s)
{
    return &s->aliases;
}

/* Build pending variable i of s now (its maker runs once). */
static Var *pending_make(Scope *s, int i, uint32_t h)
{
    Pending p = s->pending[i];
    s->pending[i] = s->pending[--s->npending];
    Var *v = tab_add(&s->vars, p.name, p.len, h);
    v->val = p.make(p.ctx);
    return v;
}

/* The pending variable name of s, built now; NULL when there is none. */
static __attribute__((noinline)) Var *pending_find(Scope *s, const char *name, size_t len,
                                                   uint32_t h)
{
    for (int i = 0; i < s->npending; i++)
        if (s->pending[i].len == len && str_nicmp(s->pending[i].name, name, len) == 0)
            return pending_make(s, i, h);
    return NULL;
}

/* The variable name of s, built first if it is pending; NULL when s has none.  Every
 * variable lookup runs this per scope, so the pending case stays out of line. */
static inline Var *local_var(Scope *s, const char *name, size_t len, uint32_t h)
{
    Var *v = tab_find(&s->vars, name, len, h);
    return v || !s->npending ? v : pending_find(s, name, len, h);
}

Var *scope_lookup(Scope *s, const char *name, size_t len)
{
    uint32_t h = name_hash(name, len);
    for (Scope *cur = s; cur; cur = cur->parent) {
        Var *v = local_var(cur, name, len, h);
        if (v && (cur == s || !(v->flags & VF_PRIVATE))) return v;
    }
    return NULL;
}

Var *scope_local(Scope *s, const char *name, size_t len)
{
    return local_var(s, name, len, name_hash(name, len));
}

Var *scope_define(Scope *s, const char *name, size_t len)
{
    uint32_t h = name_hash(name, len);
    Var *v = local_var(s, name, len, h);
    return v ? v : tab_add(&s->vars, name, len, h);
}

int scope_define_lazy(Scope *s, const char *name, ScopeLazyFn make, void *ctx)
{
    size_t len = strlen(name);
    for (size_t k = 0; k < s->vars.cap; k++) { /* a scan: cheaper than hashing the name */
        const Var *v = s->vars.slot[k];
        if (v && v->len == len && str_nicmp(v->name, name, len) == 0) return 0;
    }
    int i = 0;
    while (i < s->npending && str_icmp(s->pending[i].name, name) != 0)
        i++;
    if (i == MAX_PENDING) return 0;
    if (i == s->npending) s->npending++;
    s->pending[i] = (Pending){name, len, make, ctx};
    return 1;
}

int scope_remove(Scope *s, const char *name, size_t len)
{
    scope_local(s, name, len);
    return tab_remove(&s->vars, name, len);
}

/* The shared paths are out of line, so the common one needs no stack frame. */
static __attribute__((noinline)) Value shared_value(const Var *v)
{
    obj_lock(&v->obj);
    Value val = val_keep(v->val);
    obj_unlock(&v->obj);
    return val;
}

static __attribute__((noinline)) void shared_set(Var *v, Value val)
{
    val_share(val);
    obj_lock(&v->obj);
    Value old = v->val;
    v->val = val;
    obj_unlock(&v->obj);
    val_unref(old);
}

Value var_value(const Var *v)
{
    return v->obj.shared ? shared_value(v) : v->val;
}

void var_set(Var *v, Value val)
{
    var_set_take(v, val_ref(val));
}

void var_set_take(Var *v, Value val)
{
    if (v->obj.shared) {
        shared_set(v, val);
        return;
    }
    Value old = v->val;
    v->val = val;
    val_unref(old);
}

Value scope_var_handle(Var *v)
{
    return val_ref(val_obj_take(&v->obj));
}

Var *scope_var_of(Value h)
{
    return val_is(h, &cls_var) ? (Var *)h.as.o : NULL;
}

/* ---- [ref]: a PSReference, which reads and writes one variable ---- */

typedef struct Ref {
    Obj obj;
    Var *var; /* an owned reference (see scope_var_handle) */
} Ref;

static void ref_free(Obj *o)
{
    var_free(((Ref *)o)->var);
}

static void ref_share(Obj *o)
{
    val_share(val_obj_take(&((Ref *)o)->var->obj));
}

static int ref_get(Value self, const char *name, size_t len, Value *out)
{
    if (!str_ieq_slice(name, len, "Value")) return 0;
    *out = val_ref(var_value(((Ref *)self.as.o)->var));
    return 1;
}

/* A ReadOnly or Constant variable cannot be set through a reference: -1 (value.h). */
static int ref_set(Value self, const char *name, size_t len, Value v)
{
    Var *var = ((Ref *)self.as.o)->var;
    if (!str_ieq_slice(name, len, "Value")) return 0;
    if (var->flags & (VF_READONLY | VF_CONSTANT)) return -1;
    var_set(var, v);
    return 1;
}

Var *scope_ref_var(Value r)
{
    return val_is(r, &cls_psreference) ? ((Ref *)r.as.o)->var : NULL;
}

static size_t ref_nprops(Value self)
{
    return 1;
}

static void ref_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = "Value";
    *len = 5;
    *val = var_value(((Ref *)self.as.o)->var);
}

const ObjClass cls_psreference = {
    .name = "PSReference",
    .full_name = "System.Management.Automation.PSReference",
    .type = TY_OTHER,
    .free = ref_free,
    .get_prop = ref_get,
    .set_prop = ref_set,
    .nprops = ref_nprops,
    .prop_at = ref_prop_at,
    .share = ref_share,
};

Value scope_ref_new(Var *v)
{
    Ref *r = (Ref *)obj_alloc(&cls_psreference, sizeof(Ref));
    scope_var_handle(v);
    r->var = v;
    return val_obj_take(&r->obj);
}

Value scope_ref_box(Value val)
{
    Ref *r = (Ref *)obj_alloc(&cls_psreference, sizeof(Ref));
    r->var = var_alloc("", 0, 0);
    var_set(r->var, val);
    return val_obj_take(&r->obj);
}

Value var_type(const Var *v)
{
    return v->type;
}

void var_set_type(Var *v, Value typeref)
{
    if (v->obj.shared) val_share(typeref);
    obj_lock(&v->obj);
    Value old = v->type;
    v->type = val_ref(typeref);
    obj_unlock(&v->obj);
    val_unref(old);
}

unsigned var_flags(const Var *v)
{
    return v->flags;
}

void var_set_flags(Var *v, unsigned flags)
{
    v->flags = flags;
}

const char *var_name(const Var *v)
{
    return v->name;
}

Value scope_func_lookup(Scope *s, const char *name, size_t len, unsigned *flags)
{
    Var *v = lookup_in(pick_funcs, s, name, len);
    if (flags) *flags = v ? v->flags : 0;
    return v ? v->val : val_null();
}

void scope_func_define(Scope *s, const char *name, size_t len, Value sb, unsigned flags)
{
    uint32_t h = name_hash(name, len);
    Var *v = tab_find(&s->funcs, name, len, h);
    if (!v) v = tab_add(&s->funcs, name, len, h);
    var_set(v, sb);
    v->flags = flags;
}

static void tab_each(const Table *t, void (*fn)(void *ctx, const Var *v), void *ctx)
{
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i]) fn(ctx, t->slot[i]);
}

void scope_each_var(Scope *s, void (*fn)(void *ctx, const Var *v), void *ctx)
{
    while (s->npending)
        pending_make(s, 0, name_hash(s->pending[0].name, s->pending[0].len));
    tab_each(&s->vars, fn, ctx);
}

int scope_func_remove(Scope *s, const char *name, size_t len)
{
    return tab_remove(&s->funcs, name, len);
}

void scope_each_func(Scope *s, void (*fn)(void *ctx, const Var *v), void *ctx)
{
    tab_each(&s->funcs, fn, ctx);
}

/* ---- aliases ---- */

Var *scope_alias_lookup(Scope *s, const char *name, size_t len)
{
    return lookup_in(pick_aliases, s, name, len);
}

Var *scope_alias_local(Scope *s, const char *name, size_t len)
{
    return tab_find(&s->aliases, name, len, name_hash(name, len));
}

void scope_alias_define(Scope *s, const char *name, size_t len, Value target, unsigned flags)
{
    uint32_t h = name_hash(name, len);
    Var *v = tab_find(&s->aliases, name, len, h);
    if (!v) v = tab_add(&s->aliases, name, len, h);
    var_set(v, target);
    v->flags = flags;
}

int scope_alias_remove(Scope *s, const char *name, size_t len)
{
    return tab_remove(&s->aliases, name, len);
}

void scope_each_alias(Scope *s, void (*fn)(void *ctx, const Var *v), void *ctx)
{
    tab_each(&s->aliases, fn, ctx);
}

Value scope_alias_resolve(Scope *s, Value name)
{
    Value cur = name;
    for (int i = 0; i < 64; i++) {
        Var *a = scope_alias_lookup(s, val_str_data(cur), val_str_len(cur));
        if (!a || !val_is_str(a->val)) break;
        cur = a->val;
    }
    return val_ref(cur);
}
