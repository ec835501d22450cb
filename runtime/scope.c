/*
** scope: three open-addressing hash tables (variables, functions, aliases) per scope.  Each
** slot points to a heap Var so addresses stay stable while the table grows.
*/
#include "runtime/scope.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

struct Var {
    char *name;
    size_t len;
    uint32_t hash;
    unsigned flags; /* VF_* */
    Value val;      /* owned */
    Value type;     /* owned TypeRef, or $null */
};

typedef struct Table {
    Var **slot; /* cap slots, NULL = empty (no deletions leave tombstones: see tab_remove) */
    size_t n, cap;
} Table;

struct Scope {
    Scope *parent;
    int is_script;
    Table vars, funcs, aliases;
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
    return v->hash == h && v->len == len && str_nicmp(v->name, s, len) == 0;
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

static void tab_grow(Table *t)
{
    Table old = *t;
    t->cap = old.cap ? old.cap * 2 : 8;
    t->slot = xcalloc(t->cap, sizeof(Var *));
    for (size_t i = 0; i < old.cap; i++)
        if (old.slot[i]) tab_place(t, old.slot[i]);
    free(old.slot);
}

static Var *tab_add(Table *t, const char *s, size_t len, uint32_t h)
{
    if ((t->n + 1) * 4 > t->cap * 3) tab_grow(t);
    Var *v = xcalloc(1, sizeof(Var));
    v->name = xstrndup(s, len);
    v->len = len;
    v->hash = h;
    v->val = val_null();
    v->type = val_null();
    tab_place(t, v);
    t->n++;
    return v;
}

static void var_free(Var *v)
{
    val_unref(v->val);
    val_unref(v->type);
    free(v->name);
    free(v);
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
    free(old.slot);
    var_free(v);
    return 1;
}

static void tab_free(Table *t)
{
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i]) var_free(t->slot[i]);
    free(t->slot);
}

Scope *scope_new(Scope *parent, int is_script)
{
    Scope *s = xcalloc(1, sizeof(Scope));
    s->parent = parent;
    s->is_script = is_script;
    return s;
}

void scope_free(Scope *s)
{
    if (!s) return;
    tab_free(&s->vars);
    tab_free(&s->funcs);
    tab_free(&s->aliases);
    free(s);
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

static Table *pick_vars(Scope *s)
{
    return &s->vars;
}

static Table *pick_funcs(Scope *s)
{
    return &s->funcs;
}

static Table *pick_aliases(Scope *s)
{
    return &s->aliases;
}

Var *scope_lookup(Scope *s, const char *name, size_t len)
{
    return lookup_in(pick_vars, s, name, len);
}

Var *scope_local(Scope *s, const char *name, size_t len)
{
    return tab_find(&s->vars, name, len, name_hash(name, len));
}

Var *scope_define(Scope *s, const char *name, size_t len)
{
    uint32_t h = name_hash(name, len);
    Var *v = tab_find(&s->vars, name, len, h);
    return v ? v : tab_add(&s->vars, name, len, h);
}

int scope_remove(Scope *s, const char *name, size_t len)
{
    return tab_remove(&s->vars, name, len);
}

Value var_value(const Var *v)
{
    return v->val;
}

void var_set(Var *v, Value val)
{
    var_set_take(v, val_ref(val));
}

void var_set_take(Var *v, Value val)
{
    Value old = v->val;
    v->val = val;
    val_unref(old);
}

Value var_type(const Var *v)
{
    return v->type;
}

void var_set_type(Var *v, Value typeref)
{
    Value old = v->type;
    v->type = val_ref(typeref);
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
