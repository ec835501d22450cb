/*
** object: PSCustomObject and the PSObject wrapper share one property store, an ordered
** Hashtable with string keys (case-insensitive, insertion order, O(1) lookup).  TypeRef keeps
** its display names precomputed so typeref_name can hand out borrowed strings.
*/
#include "runtime/object.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/convert.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"

typedef struct ObjCustom {
    Obj obj;
    Value base;  /* PSObject wrapper: the wrapped value; PSCustomObject: $null */
    Value props; /* ordered Hashtable: name -> value */
} ObjCustom;

static ObjCustom *as_custom(Value v)
{
    return (ObjCustom *)v.as.o;
}

static void custom_free(Obj *o)
{
    ObjCustom *c = (ObjCustom *)o;
    val_unref(c->base);
    val_unref(c->props);
}

static int custom_get(Value self, const char *name, size_t len, Value *out)
{
    return ht_get_str(as_custom(self)->props, name, len, out);
}

static int custom_set(Value self, const char *name, size_t len, Value v)
{
    return object_set_prop(self, name, len, v);
}

static size_t custom_nprops(Value self)
{
    return ht_count(as_custom(self)->props);
}

static void custom_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    object_prop_peek(self, i, name, len, val);
}

/* "@{a=1; b=2}": each value by its own ToString, without enumerating collections. */
static void custom_to_string(Value self, StrBuf *out)
{
    size_t n = custom_nprops(self);
    if (n == 0) return;
    sb_puts(out, "@{");
    for (size_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value val;
        object_prop_peek(self, i, &name, &len, &val);
        if (i) sb_puts(out, "; ");
        sb_append(out, name, len);
        sb_putc(out, '=');
        convert_append_scalar(val, out);
    }
    sb_putc(out, '}');
}

/* The wrapper prints as its base value. */
static void wrapper_to_string(Value self, StrBuf *out)
{
    convert_append_string(as_custom(self)->base, NULL, out);
}

const ObjClass cls_pscustomobject = {
    .name = "PSCustomObject",
    .full_name = "System.Management.Automation.PSCustomObject",
    .type = TY_PSCUSTOMOBJECT,
    .free = custom_free,
    .to_string = custom_to_string,
    .get_prop = custom_get,
    .set_prop = custom_set,
    .nprops = custom_nprops,
    .prop_at = custom_prop_at,
};
const ObjClass cls_psobject = {
    .name = "PSObject",
    .full_name = "System.Management.Automation.PSObject",
    .type = TY_PSOBJECT,
    .free = custom_free,
    .to_string = wrapper_to_string,
    .get_prop = custom_get,
    .set_prop = custom_set,
    .nprops = custom_nprops,
    .prop_at = custom_prop_at,
};

Value val_base(Value v)
{
    while (v.kind == VAL_OBJ && v.as.o->cls == &cls_psobject)
        v = as_custom(v)->base;
    return v;
}

static Value custom_alloc(const ObjClass *cls, Value base)
{
    ObjCustom *c = (ObjCustom *)obj_alloc(cls, sizeof(ObjCustom));
    c->base = val_ref(base);
    c->props = ht_new(1);
    return val_obj_take(&c->obj);
}

Value object_new_custom(void)
{
    return custom_alloc(&cls_pscustomobject, val_null());
}

Value object_wrap(Value base)
{
    if (val_is(base, &cls_psobject)) return val_ref(base);
    return custom_alloc(&cls_psobject, base);
}

static int has_props(Value v)
{
    return val_is(v, &cls_pscustomobject) || val_is(v, &cls_psobject);
}

int object_set_prop(Value v, const char *name, size_t len, Value val)
{
    if (!has_props(v)) return 0;
    Value k = val_str_n(name, len);
    ht_set(as_custom(v)->props, k, val);
    val_unref(k);
    return 1;
}

size_t object_nprops(Value v)
{
    return has_props(v) ? ht_count(as_custom(v)->props) : 0;
}

void object_prop_peek(Value v, size_t i, const char **name, size_t *len, Value *val)
{
    Value k;
    ht_entry_peek(as_custom(v)->props, i, &k, val);
    *name = val_str_data(k);
    *len = val_str_len(k);
}

Value object_with_note(Value v, const char *name, size_t len, Value val)
{
    Value r = has_props(v) ? val_ref(v) : object_wrap(v);
    object_set_prop(r, name, len, val);
    return r;
}

/* ---- TypeRef ---- */

typedef struct ObjType {
    Obj obj;
    TypeId id;    /* TY_OTHER for unknown names */
    int is_array; /* [int[]] */
    char *name;   /* "Int32[]" */
    char *full;   /* "System.Int32[]" */
    char *text;   /* what "$t" prints: "int", "int[]" */
} ObjType;

static ObjType *as_type(Value t)
{
    return (ObjType *)t.as.o;
}

static void type_free(Obj *o)
{
    ObjType *t = (ObjType *)o;
    free(t->name);
    free(t->full);
    free(t->text);
}

static int type_get(Value self, const char *name, size_t len, Value *out)
{
    if (str_ieq_slice(name, len, "Name"))
        *out = val_str(as_type(self)->name);
    else if (str_ieq_slice(name, len, "FullName"))
        *out = val_str(as_type(self)->full);
    else
        return 0;
    return 1;
}

static int type_equals(Value a, Value b)
{
    return strcmp(as_type(a)->full, as_type(b)->full) == 0;
}

static void type_str(Value self, StrBuf *out)
{
    sb_puts(out, as_type(self)->text);
}

const ObjClass cls_typeref = {
    .name = "RuntimeType",
    .full_name = "System.RuntimeType",
    .type = TY_TYPE,
    .free = type_free,
    .to_string = type_str,
    .get_prop = type_get,
    .equals = type_equals,
};

static char *with_suffix(const char *s, size_t len, int is_array)
{
    char *r = xmalloc(len + 3);
    memcpy(r, s, len);
    memcpy(r + len, is_array ? "[]" : "", is_array ? 3 : 1);
    return r;
}

static Value type_alloc(TypeId id, int is_array, const char *name, const char *full,
                        const char *text)
{
    ObjType *t = (ObjType *)obj_alloc(&cls_typeref, sizeof(ObjType));
    t->id = id;
    t->is_array = is_array;
    t->name = with_suffix(name, strlen(name), is_array);
    t->full = with_suffix(full, strlen(full), is_array);
    t->text = with_suffix(text, strlen(text), is_array);
    return val_obj_take(&t->obj);
}

/* The accelerator when the type has one ("int"), else the full name. */
static const char *display(TypeId id)
{
    static const char *const acc[] = {
#define X_ACC(i, n, f, a) a,
        TYPE_IDS(X_ACC)
#undef X_ACC
    };
    return acc[id][0] ? acc[id] : type_fullname(id);
}

Value typeref_new(TypeId id, int is_array)
{
    return type_alloc(id, is_array, type_name(id), type_fullname(id), display(id));
}

Value typeref_new_named(const char *name, size_t len)
{
    char *full = xstrndup(name, len);
    const char *dot = strrchr(full, '.');
    Value t = type_alloc(TY_OTHER, 0, dot ? dot + 1 : full, full, full);
    free(full);
    return t;
}

Value typeref_parse(const char *name, size_t len)
{
    int is_array = len > 2 && name[len - 2] == '[' && name[len - 1] == ']';
    size_t n = is_array ? len - 2 : len;
    TypeId id = type_lookup(name, n);
    if (id != TY_OTHER) return typeref_new(id, is_array);
    Value t = typeref_new_named(name, n);
    if (is_array) {
        ObjType *o = as_type(t);
        char *a = with_suffix(o->name, strlen(o->name), 1),
             *b = with_suffix(o->full, strlen(o->full), 1);
        free(o->name);
        free(o->full);
        free(o->text);
        o->name = a;
        o->full = b;
        o->text = xstrdup(b);
        o->is_array = 1;
    }
    return t;
}

TypeId typeref_id(Value t)
{
    return as_type(t)->id;
}

int typeref_is_array(Value t)
{
    return as_type(t)->is_array;
}

const char *typeref_name(Value t)
{
    return as_type(t)->name;
}

const char *typeref_fullname(Value t)
{
    return as_type(t)->full;
}

void typeref_to_string(Value t, StrBuf *out)
{
    type_str(t, out);
}
