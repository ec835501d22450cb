/*
** object: PSCustomObject and the PSObject wrapper share one property store, an ordered
** Hashtable with string keys (case-insensitive, insertion order, O(1) lookup).  TypeRef keeps
** its display names precomputed so typeref_name can hand out borrowed strings.
*/
#include "runtime/object.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/collections.h"
#include "runtime/convert.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/nettypes.h"

typedef struct ObjCustom {
    Obj obj;
    Value base;      /* PSObject wrapper: the wrapped value; PSCustomObject: $null */
    Value props;     /* ordered Hashtable: name -> value (or a ScriptProperty member) */
    Value methods;   /* ordered Hashtable of ScriptMethod members, or $null */
    int cow;         /* props is shared with other wrappers (object_wrap_notes): copy to change */
    Value typenames; /* extra type names in front of the type's own (PSTypeName), or $null */
    char *text;      /* wrapper of a numeric command argument: its source text, or NULL */
    int is_switch;   /* wrapper of a [switch] parameter's Boolean: a SwitchParameter */
} ObjCustom;

static ObjCustom *as_custom(Value v)
{
    return (ObjCustom *)v.as.o;
}

/* c's note table, made its own before a change. */
static Value own_props(ObjCustom *c)
{
    if (c->cow) {
        Value p = ht_copy(c->props);
        val_unref(c->props);
        c->props = p;
        c->cow = 0;
    }
    return c->props;
}

static void custom_free(Obj *o)
{
    ObjCustom *c = (ObjCustom *)o;
    val_unref(c->base);
    val_unref(c->props);
    val_unref(c->methods);
    val_unref(c->typenames);
    free(c->text);
}

/* ---- script members ---- */

typedef struct ObjScript {
    Obj obj;
    Value sb;        /* the script block */
    int is_method;   /* ScriptMethod; else ScriptProperty (sb is the getter) */
    ScriptRunFn run; /* runs sb in the runspace that created the member */
    void *runspace;  /* as pwsh binds a script block to its session state */
    Value last;      /* the getter's last value (prop_at hands out a borrowed one) */
} ObjScript;

static void script_free(Obj *o)
{
    val_unref(((ObjScript *)o)->sb);
    val_unref(((ObjScript *)o)->last);
}

static void script_str(Value self, StrBuf *out)
{
    convert_append_scalar(((ObjScript *)self.as.o)->sb, out);
}

static void script_share(Obj *o)
{
    val_share(((ObjScript *)o)->sb);
    val_share(((ObjScript *)o)->last);
}

static const ObjClass cls_scriptmember = {
    .name = "PSScriptProperty",
    .full_name = "System.Management.Automation.PSScriptProperty",
    .type = TY_OTHER,
    .free = script_free,
    .to_string = script_str,
    .share = script_share,
};

Value object_script_member(Value sb, int is_method, ScriptRunFn run, void *runspace)
{
    ObjScript *m = (ObjScript *)obj_alloc(&cls_scriptmember, sizeof(ObjScript));
    m->sb = val_ref(sb);
    m->is_method = is_method;
    m->run = run;
    m->runspace = runspace;
    return val_obj_take(&m->obj);
}

int object_is_script_member(Value v, int *is_method)
{
    if (!val_is(v, &cls_scriptmember)) return 0;
    if (is_method) *is_method = ((ObjScript *)v.as.o)->is_method;
    return 1;
}

/*
** A script member runs in the runspace that created it.  Once its object is shared with a
** thread job (value.h) it could be called from another thread, or after that runspace is
** gone, so a shared script member does not run: it yields $null.  (pwsh would run it in its
** runspace; psmini has no cross-thread calls into a runspace.)
*/
int object_script_run(Value member, Value self, const Value *args, int nargs, Value *out)
{
    ObjScript *m = (ObjScript *)member.as.o;
    if (m->obj.shared) return *out = val_null(), 0;
    return m->run(m->runspace, m->sb, self, args, nargs, out);
}

/* A ScriptProperty's value: the getter's output ($null when it fails). */
static Value script_get(Value member, Value self)
{
    Value v;
    if (object_script_run(member, self, NULL, -1, &v)) return val_null(); /* -1: a getter */
    return v;
}

static int custom_get(Value self, const char *name, size_t len, Value *out)
{
    if (!ht_get_str(as_custom(self)->props, name, len, out)) return 0;
    if (val_is(*out, &cls_scriptmember)) {
        Value m = *out;
        *out = script_get(m, self);
        val_unref(m);
    }
    return 1;
}

/* $o.Name = v: only an existing note property can be set (pwsh's PropertyNotFound
 * otherwise; a ScriptProperty without a setter cannot be set either). */
static int custom_set(Value self, const char *name, size_t len, Value v)
{
    Value old, b = as_custom(self)->base;
    if (!ht_get_str(as_custom(self)->props, name, len, &old)) { /* a wrapper: the base's */
        const ObjClass *c = val_is(self, &cls_psobject) ? val_class(b) : NULL;
        return c && c->set_prop && c->set_prop(b, name, len, v);
    }
    int script = val_is(old, &cls_scriptmember);
    val_unref(old);
    return !script && object_set_prop(self, name, len, v);
}

static size_t custom_nprops(Value self)
{
    return ht_count(as_custom(self)->props);
}

static void custom_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    object_prop_peek(self, i, name, len, val);
    if (val_is_shared(*val) && val_is(*val, &cls_scriptmember)) {
        *val = val_null(); /* see object_script_run */
    } else if (val_is(*val, &cls_scriptmember)) { /* computed now, kept until the next read */
        ObjScript *m = (ObjScript *)val->as.o;
        Value v = script_get(*val, self);
        val_unref(m->last);
        m->last = v;
        *val = v;
    }
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

/* The wrapper prints as its base value, or as the source text it remembers. */
static void wrapper_to_string(Value self, StrBuf *out)
{
    if (as_custom(self)->text)
        sb_puts(out, as_custom(self)->text);
    else
        convert_append_string(as_custom(self)->base, NULL, out);
}

static Value live_typenames(Value v);

/* Sharing (value.h): the member tables a shared object would make on first use are made now,
 * while one thread owns it, so its fields never change afterwards; the property store is a
 * Hashtable, which locks itself. */
static void custom_share(Obj *o)
{
    ObjCustom *c = (ObjCustom *)o;
    if (val_is_null(c->methods)) c->methods = ht_new(1);
    live_typenames(val_obj_take(o));
    val_share(c->base);
    val_share(own_props(c));
    val_share(c->methods);
    val_share(c->typenames);
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
    .share = custom_share,
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
    .share = custom_share,
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

/* Only when the text differs from the number's own string ("0x1a", "1kb", "1.50", not "1"),
 * as pwsh does: an ordinary argument stays a plain number and costs nothing more. */
Value object_wrap_text(Value num, const char *text, size_t len)
{
    char buf[24];
    if (num.kind == VAL_INT32) {
        int n = snprintf(buf, sizeof buf, "%d", (int)num.as.i);
        if ((size_t)n == len && memcmp(buf, text, len) == 0) return num;
    } else {
        StrBuf sb = {0};
        convert_append_scalar(num, &sb);
        int same = sb.len == len && memcmp(sb_str(&sb), text, len) == 0;
        sb_free(&sb);
        if (same) return num;
    }
    Value w = custom_alloc(&cls_psobject, num);
    val_unref(num);
    as_custom(w)->text = xstrndup(text, len);
    return w;
}

Value object_wrap_switch(int present)
{
    Value w = custom_alloc(&cls_psobject, val_bool(present));
    as_custom(w)->is_switch = 1;
    object_set_prop(w, "IsPresent", 9, val_bool(present));
    return w;
}

int object_is_switch(Value v)
{
    return val_is(v, &cls_psobject) && as_custom(v)->is_switch;
}

const char *object_src_text(Value v)
{
    return val_is(v, &cls_psobject) ? as_custom(v)->text : NULL;
}

Value object_wrap_notes(Value base, Value notes)
{
    ObjCustom *c = (ObjCustom *)obj_alloc(&cls_psobject, sizeof(ObjCustom));
    c->base = val_ref(base);
    c->props = val_ref(notes);
    c->cow = 1;
    return val_obj_take(&c->obj);
}

static int has_props(Value v)
{
    return val_is(v, &cls_pscustomobject) || val_is(v, &cls_psobject);
}

int object_set_prop(Value v, const char *name, size_t len, Value val)
{
    if (!has_props(v)) return 0;
    Value k = val_str_n(name, len);
    ht_set(own_props(as_custom(v)), k, val);
    val_unref(k);
    return 1;
}

int object_remove_prop(Value v, const char *name, size_t len)
{
    if (!has_props(v)) return 0;
    Value k = val_str_n(name, len);
    int r = ht_remove(own_props(as_custom(v)), k);
    val_unref(k);
    return r;
}

size_t object_nprops(Value v)
{
    return has_props(v) ? ht_count(as_custom(v)->props) : 0;
}

void object_prop_peek(Value v, size_t i, const char **name, size_t *len, Value *val)
{
    Value k;
    ht_entry_peek(as_custom(v)->props, i, &k, val);
    if (!val_is_str(k)) { /* a shared object lost the property meanwhile */
        *name = "";
        *len = 0;
        return;
    }
    *name = val_str_data(k);
    *len = val_str_len(k);
}

int object_add_method(Value v, const char *name, size_t len, Value member)
{
    if (!has_props(v)) return 0;
    ObjCustom *c = as_custom(v);
    if (val_is_null(c->methods)) c->methods = ht_new(1);
    Value k = val_str_n(name, len);
    ht_set(c->methods, k, member);
    val_unref(k);
    return 1;
}

int object_find_method(Value v, const char *name, size_t len, Value *member)
{
    for (; has_props(v); v = as_custom(v)->base) {
        ObjCustom *c = as_custom(v);
        if (!val_is_null(c->methods) && ht_get_str(c->methods, name, len, member)) return 1;
    }
    return 0;
}

static void push_name(Value list, const char *name)
{
    Value s = val_str(name);
    arr_push_take(list, s);
}

/* The type's own names, most derived first: System.Int32, System.ValueType, System.Object. */
static void own_typenames(Value b, Value list)
{
    if (val_is_null(b)) return;
    push_name(list, val_type_fullname(b));
    if (val_is_array(b) && !coll_is_list(b))
        push_name(list, "System.Array");
    else if (b.kind != VAL_OBJ || val_type_id(b) == TY_DECIMAL)
        push_name(list, "System.ValueType");
    if (strcmp(val_type_fullname(b), "System.Object") != 0) push_name(list, "System.Object");
}

/* The list a PSCustomObject or wrapper keeps (made on first use), borrowed. */
static Value live_typenames(Value v)
{
    ObjCustom *c = as_custom(v);
    if (val_is_null(c->typenames)) {
        c->typenames = coll_list_new(&cls_list, TY_STRING);
        own_typenames(val_is(v, &cls_psobject) ? val_base(v) : v, c->typenames);
    }
    return c->typenames;
}

void object_add_typename(Value v, const char *name, size_t len)
{
    if (!has_props(v)) return;
    Value s = val_str_n(name, len);
    arr_insert(live_typenames(v), 0, s);
    val_unref(s);
}

Value object_typenames(Value v)
{
    if (has_props(v)) return val_ref(live_typenames(v));
    Value list = coll_list_new(&cls_list, TY_STRING);
    own_typenames(val_base(v), list);
    return list;
}

Value object_copy(Value v)
{
    if (!has_props(v)) return val_ref(v);
    ObjCustom *c = as_custom(v);
    Value r = custom_alloc(v.as.o->cls, c->base);
    ObjCustom *d = as_custom(r);
    val_unref(d->props);
    d->props = ht_copy(c->props);
    d->methods = val_is_null(c->methods) ? val_null() : ht_copy(c->methods);
    if (!val_is_null(c->typenames)) {
        d->typenames = coll_list_new(&cls_list, TY_STRING);
        for (size_t i = 0; i < arr_len(c->typenames); i++)
            arr_push(d->typenames, arr_peek(c->typenames, i));
    }
    return r;
}

Value object_from_dict(Value h)
{
    Value o = object_new_custom();
    for (size_t i = 0; i < ht_count(h); i++) {
        Value k, x;
        ht_entry_peek(h, i, &k, &x);
        Value ks = convert_to_string(k, NULL);
        if (str_icmp(val_str_data(ks), "PSTypeName") == 0) { /* a type name, not a property */
            Value tn = convert_to_string(x, NULL);
            object_add_typename(o, val_str_data(tn), val_str_len(tn));
            val_unref(tn);
        } else {
            object_set_prop(o, val_str_data(ks), val_str_len(ks), x);
        }
        val_unref(ks);
    }
    return o;
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
    const char *known = nettype_fullname(name, len); /* [DayOfWeek] is System.DayOfWeek */
    char *full = known ? xstrdup(known) : xstrndup(name, len);
    const char *dot = strrchr(full, '.');
    Value t = type_alloc(TY_OTHER, 0, dot ? dot + 1 : full, full, full);
    free(full);
    return t;
}

Value typeref_new_names(const char *name, const char *full)
{
    return type_alloc(TY_OTHER, 0, name, full, full);
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
