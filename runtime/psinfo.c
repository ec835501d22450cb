/*
** psinfo: .psobject, .pstypenames, .psbase and the script-member runner.  The views hold a
** reference to their target; property descriptions have pwsh's PSNoteProperty shape (Value,
** MemberType, IsSettable, IsGettable, TypeNameOfValue, Name, IsInstance).
*/
#include "runtime/psinfo.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/collections.h"
#include "runtime/eval.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/scriptblock.h"
#include "runtime/wildcard.h"

typedef struct ObjView {
    Obj obj;
    Value target;
} ObjView;

static void view_free(Obj *o)
{
    val_unref(((ObjView *)o)->target);
}

Value psinfo_target(Value v)
{
    if (val_is(v, &cls_psinfo) || val_is(v, &cls_psbase)) return ((ObjView *)v.as.o)->target;
    return v;
}

/* ---- property descriptions: PSNoteProperty, PSScriptProperty, PSProperty ----
 * A note or script property reads its value live from its object (and .Value = x writes
 * it back); an adapted property (a dictionary's Count ...) keeps the value it had. */

typedef struct ObjProp {
    Obj obj;
    Value target;   /* the object of a note/script property; $null for an adapted one */
    Value name;     /* String */
    Value fixed;    /* an adapted property's value */
    Value shown[7]; /* prop_at's borrowed values, refreshed on each read */
} ObjProp;

static const char *const prop_names[] = {
    "Value", "MemberType", "IsSettable", "IsGettable", "TypeNameOfValue", "Name", "IsInstance"};

static void prop_free(Obj *o)
{
    ObjProp *p = (ObjProp *)o;
    val_unref(p->target), val_unref(p->name), val_unref(p->fixed);
    for (int i = 0; i < 7; i++)
        val_unref(p->shown[i]);
}

static Value prop_value(ObjProp *p)
{
    Value v;
    if (val_is_null(p->target)) return val_ref(p->fixed);
    if (!val_get_prop(p->target, val_str_data(p->name), val_str_len(p->name), &v)) v = val_null();
    return v;
}

/* "NoteProperty" from the class name "PSNoteProperty" (PSProperty: "Property"). */
static Value prop_field(ObjProp *p, int i)
{
    Value v;
    switch (i) {
    case 0:
        return prop_value(p);
    case 1:
        return val_str(p->obj.cls->name + 2);
    case 4:
        v = prop_value(p);
        Value t = val_str(val_is_null(v) ? "System.Object" : val_type_fullname(v));
        val_unref(v);
        return t;
    case 5:
        return val_ref(p->name);
    case 2:
        return val_bool(!val_is_null(p->target) && strcmp(p->obj.cls->name, "PSNoteProperty") == 0);
    default:
        return val_bool(1);
    }
}

static int prop_get(Value self, const char *name, size_t len, Value *out)
{
    for (int i = 0; i < 7; i++)
        if (str_ieq_slice(name, len, prop_names[i]))
            return *out = prop_field((ObjProp *)self.as.o, i), 1;
    return 0;
}

static int prop_set(Value self, const char *name, size_t len, Value v)
{
    ObjProp *p = (ObjProp *)self.as.o;
    if (!str_ieq_slice(name, len, "Value") || val_is_null(p->target)) return 0;
    const ObjClass *c = val_class(p->target);
    return c && c->set_prop &&
           c->set_prop(p->target, val_str_data(p->name), val_str_len(p->name), v);
}

static size_t prop_nprops(Value self)
{
    return 7;
}

static void prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    ObjProp *p = (ObjProp *)self.as.o;
    val_unref(p->shown[i]);
    p->shown[i] = prop_field(p, (int)i);
    *name = prop_names[i];
    *len = strlen(prop_names[i]);
    *val = p->shown[i];
}

/* "a = 1" -- what a PSPropertyInfo's ToString shows is its definition; close enough. */
static void prop_str(Value self, StrBuf *out)
{
    ObjProp *p = (ObjProp *)self.as.o;
    Value v = prop_value(p);
    sb_printf(out, "%s=", val_str_data(p->name));
    convert_append_scalar(v, out);
    val_unref(v);
}

#define PROP_CLASS(id, nm)                                                                         \
    static const ObjClass id = {.name = nm,                                                        \
                                .full_name = "System.Management.Automation." nm,                   \
                                .type = TY_OTHER,                                                  \
                                .free = prop_free,                                                 \
                                .to_string = prop_str,                                             \
                                .get_prop = prop_get,                                              \
                                .set_prop = prop_set,                                              \
                                .nprops = prop_nprops,                                             \
                                .prop_at = prop_at};
PROP_CLASS(cls_noteprop, "PSNoteProperty")
PROP_CLASS(cls_scriptprop, "PSScriptProperty")
PROP_CLASS(cls_adaptedprop, "PSProperty")
#undef PROP_CLASS

static Value prop_new(const ObjClass *cls, Value target, const char *name, size_t len, Value fixed)
{
    ObjProp *p = (ObjProp *)obj_alloc(cls, sizeof(ObjProp));
    p->target = val_ref(target);
    p->name = val_str_n(name, len);
    p->fixed = val_ref(fixed);
    return val_obj_take(&p->obj);
}

static int members_get(Value self, const char *name, size_t len, Value *out)
{
    if (!str_ieq_slice(name, len, "Count")) return 0;
    return *out = val_int((int32_t)arr_len(self)), 1;
}

/* .psobject.Properties: a list of the descriptions, indexable by name ($p['a']). */
const ObjClass cls_psmembers = {
    .name = "PSMemberInfoIntegratingCollection`1",
    .full_name = "System.Management.Automation.PSMemberInfoIntegratingCollection`1",
    .type = TY_ARRAY,
    .flags = CLS_ENUMERABLE | CLS_LIST,
    .free = arr_free,
    .get_prop = members_get,
};

static const char *const dict_props[] = {"IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys",
                                         "Values",     "SyncRoot",    "Count"};

static void push_adapted(Value list, const char *name, size_t len, Value v)
{
    arr_push_take(list, prop_new(&cls_adaptedprop, val_null(), name, len, v));
}

/* The properties of a value that has no note properties of its own. */
static void base_props(Value b, Value list)
{
    const ObjClass *c = val_class(b);
    if (ht_is(b)) {
        for (size_t i = 0; i < sizeof dict_props / sizeof dict_props[0]; i++) {
            Value v;
            ht_base_prop(b, dict_props[i], strlen(dict_props[i]), &v);
            push_adapted(list, dict_props[i], strlen(dict_props[i]), v);
            val_unref(v);
        }
    } else if (val_is_str(b)) {
        push_adapted(list, "Length", 6, val_int((int32_t)val_str_len16(b)));
    } else if (c && c->nprops && c->prop_at) {
        for (size_t i = 0; i < c->nprops(b); i++) {
            const char *name;
            size_t len;
            Value v;
            c->prop_at(b, i, &name, &len, &v);
            push_adapted(list, name, len, v);
        }
    }
}

/* .psobject.Properties: note and script properties first, then the base object's. */
static Value properties(Value v)
{
    Value list = arr_new_as(&cls_psmembers, TY_OBJECT, 4);
    size_t n = object_nprops(v);
    for (size_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value val;
        object_prop_peek(v, i, &name, &len, &val);
        const ObjClass *cls = object_is_script_member(val, NULL) ? &cls_scriptprop : &cls_noteprop;
        arr_push_take(list, prop_new(cls, v, name, len, val_null()));
    }
    if (!val_is(v, &cls_pscustomobject)) base_props(val_base(v), list);
    return list;
}

int psinfo_member_at(Value coll, Value key, Value *out)
{
    if (!val_is(coll, &cls_psmembers) || !val_is_str(key)) return 0;
    for (size_t i = 0; i < arr_len(coll); i++) {
        ObjProp *p = (ObjProp *)arr_peek(coll, i).as.o;
        if (str_icmp(val_str_data(p->name), val_str_data(key)) == 0)
            return *out = arr_get(coll, i), 1;
    }
    return *out = val_null(), 1;
}

/* Properties.Remove('name'): the note property leaves its object too. */
static int m_members_remove(MbrCall *k, Value self, Value *out)
{
    Value name = mbr_str(k, 0);
    for (size_t i = 0; i < arr_len(self); i++) {
        ObjProp *p = (ObjProp *)arr_peek(self, i).as.o;
        if (str_icmp(val_str_data(p->name), val_str_data(name)) != 0) continue;
        if (!val_is_null(p->target))
            object_remove_prop(p->target, val_str_data(name), val_str_len(name));
        arr_remove_at(self, i);
        break;
    }
    val_unref(name);
    return 0;
}

/* Properties.Match('pattern'): the descriptions whose names match the wildcard. */
static int m_members_match(MbrCall *k, Value self, Value *out)
{
    Value pat = mbr_str(k, 0);
    *out = arr_new(TY_OBJECT, 0);
    for (size_t i = 0; i < arr_len(self); i++) {
        ObjProp *p = (ObjProp *)arr_peek(self, i).as.o;
        char *err = NULL;
        if (wildcard_match(val_str_data(pat), val_str_len(pat), val_str_data(p->name),
                           val_str_len(p->name), 1, &err) == 1)
            arr_push(*out, arr_peek(self, i));
        free(err);
    }
    val_unref(pat);
    return 0;
}

const MbrMethod mbr_psmembers_methods[] = {
    {"Remove", 1, 1, m_members_remove, "name"},
    {"Match", 1, 1, m_members_match, "matchName"},
    {NULL, 0, 0, NULL, NULL},
};

static int info_get(Value self, const char *name, size_t len, Value *out)
{
    Value t = psinfo_target(self);
    if (str_ieq_slice(name, len, "BaseObject"))
        *out = val_ref(val_base(t));
    else if (str_ieq_slice(name, len, "ImmediateBaseObject"))
        *out = val_ref(val_is(t, &cls_psobject) ? val_base(t) : t);
    else if (str_ieq_slice(name, len, "Properties") || str_ieq_slice(name, len, "Members"))
        *out = properties(t); /* Members: the properties only (no methods yet) */
    else if (str_ieq_slice(name, len, "TypeNames"))
        *out = object_typenames(t);
    else
        return 0;
    return 1;
}

static void info_str(Value self, StrBuf *out)
{
    convert_append_string(psinfo_target(self), NULL, out);
}

const ObjClass cls_psinfo = {
    .name = "PSObject",
    .full_name = "System.Management.Automation.PSObject",
    .type = TY_OTHER,
    .free = view_free,
    .to_string = info_str,
    .get_prop = info_get,
};

/* .psbase of a dictionary: its own properties, never its keys. */
static int base_get(Value self, const char *name, size_t len, Value *out)
{
    return ht_base_prop(psinfo_target(self), name, len, out);
}

const ObjClass cls_psbase = {
    .name = "Hashtable",
    .full_name = "System.Collections.Hashtable",
    .type = TY_OTHER,
    .free = view_free,
    .to_string = info_str,
    .get_prop = base_get,
};

static Value view_new(const ObjClass *cls, Value target)
{
    ObjView *v = (ObjView *)obj_alloc(cls, sizeof(ObjView));
    v->target = val_ref(target);
    return val_obj_take(&v->obj);
}

int psinfo_get(Value v, const char *name, size_t len, Value *out)
{
    if (len < 6 || str_nicmp(name, "ps", 2) != 0) return 0;
    if (str_ieq_slice(name, len, "psobject"))
        *out = view_new(&cls_psinfo, v);
    else if (str_ieq_slice(name, len, "pstypenames"))
        *out = object_typenames(v);
    else if (str_ieq_slice(name, len, "psbase"))
        *out = ht_is(val_base(v)) ? view_new(&cls_psbase, val_base(v)) : val_ref(val_base(v));
    else
        return 0;
    return 1;
}

static int m_copy(MbrCall *k, Value self, Value *out)
{
    *out = object_copy(psinfo_target(self));
    return 0;
}

const MbrMethod mbr_psinfo_methods[] = {
    {"Copy", 0, 0, m_copy, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- script members ---- */

/* Run sb with $this = self and args in runspace rs.  A getter (nargs < 0) swallows its
 * errors (as formatting does in pwsh) and gives $null. */
static int run_script(void *rs, Value sb, Value self, const Value *args, int nargs, Value *out)
{
    Interp *I = rs;
    int getter = nargs < 0, n = getter ? 0 : nargs;
    Value vars = ht_new(1), key = val_str("this");
    ht_set(vars, key, self);
    Value bound = scriptblock_with_closure(sb, vars);
    val_unref(key), val_unref(vars);
    BindArg *bargs = xcalloc((size_t)n + 1, sizeof(BindArg));
    for (int i = 0; i < n; i++)
        bargs[i].val = val_ref(args[i]), bargs[i].has_val = 1;
    Collector c;
    collector_init(&c);
    Status st = eval_invoke(I, bound, 0, bargs, n, val_null(), 0, &c.pipe);
    for (int i = 0; i < n; i++)
        val_unref(bargs[i].val);
    free(bargs);
    val_unref(bound);
    if (st) {
        collector_free(&c);
        if (getter && st == ST_THROW) eval_clear_error(I);
        return (int)st;
    }
    *out = collector_take(&c);
    if (out->kind == VAL_AUTONULL) *out = val_null();
    return 0;
}

Value psinfo_script_member(struct Interp *I, Value sb, int is_method)
{
    return object_script_member(sb, is_method, run_script, I);
}
