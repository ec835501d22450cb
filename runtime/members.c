/*
** members: $x.Name and $x.Method() on built-in values.  Each receiver kind has a row in
** kinds[] {test, methods, props}; member_call tries the kind's table, then the methods every
** object has (ToString, GetType, Equals, GetHashCode).  Collections live here too: arrays are
** fixed-size like .NET arrays, hashtables get the IDictionary methods.
*/
#include "runtime/members.h"

#include <string.h>

#include "runtime/array.h"
#include "runtime/collections.h"
#include "runtime/decimal.h"
#include "runtime/fmt_view.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/members_kinds.h"
#include "runtime/members_string.h"
#include "runtime/members_time.h"
#include "runtime/members_util.h"
#include "runtime/object.h"
#include "runtime/psinfo.h"

/* ---- methods of every object ---- */

/* ToString([format]) */
static int m_tostring(MbrCall *k, Value self, Value *out)
{
    StrBuf sb = {0};
    Value f = k->n ? mbr_str(k, 0) : val_null();
    NfStatus st = mbr_format(self, k->n ? val_str_data(f) : NULL, &sb);
    val_unref(f);
    if (st != NF_OK) {
        sb_free(&sb);
        return mbr_exc(k, "FormatException", "%s", nf_strerror(st));
    }
    *out = val_str_take_sb(&sb);
    return 0;
}

static Value type_of(Value v)
{
    Value t;
    v = val_base(v);
    if (coll_type_of(v, &t)) return t;
    if (arr_rank(v) == 2) return typeref_new_names(v.as.o->cls->name, v.as.o->cls->full_name);
    if (val_is_array(v)) return typeref_new(arr_elem_type(v), 1);
    TypeId id = val_type_id(v);
    if (id == TY_TYPE) return typeref_new_named("System.RuntimeType", 18);
    if (id != TY_OTHER) return typeref_new(id, 0);
    const char *full = val_type_fullname(v);
    return typeref_new_named(full, strlen(full));
}

static int m_gettype(MbrCall *k, Value self, Value *out)
{
    *out = type_of(self);
    return 0;
}

static int m_equals(MbrCall *k, Value self, Value *out)
{
    *out = val_bool(mbr_equals(self, k->a[0]));
    return 0;
}

static int m_hash(MbrCall *k, Value self, Value *out)
{
    *out = val_int((int32_t)ht_key_hash(val_base(self)));
    return 0;
}

/* CompareTo(x): -1/0/1 like IComparable (the argument converts to self's type). */
static int m_compareto(MbrCall *k, Value self, Value *out)
{
    int cmp;
    ConvError ce;
    if (val_is_null(k->a[0])) return *out = val_int(1), 0;
    if (convert_compare(self, k->a[0], 1, &cmp, &ce))
        return mbr_exc(k, "ArgumentException", "Object must be of type %s.", val_type_name(self));
    *out = val_int(cmp < 0 ? -1 : cmp > 0);
    return 0;
}

static const MbrMethod any_methods[] = {
    {"ToString", 0, 2, m_tostring, NULL},
    {"GetType", 0, 0, m_gettype, NULL},
    {"Equals", 1, 1, m_equals, NULL},
    {"GetHashCode", 0, 0, m_hash, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static const MbrMethod comparable_methods[] = {
    {"CompareTo", 1, 1, m_compareto, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- arrays: fixed size, as in .NET ---- */

static int m_fixed(MbrCall *k, Value self, Value *out)
{
    return mbr_exc(k, "NotSupportedException", "Collection was of a fixed size.");
}

static int m_arr_indexof(MbrCall *k, Value self, Value *out)
{
    size_t n = arr_len(self);
    *out = val_int(-1);
    for (size_t i = 0; i < n; i++)
        if (mbr_equals(arr_peek(self, i), k->a[0])) return *out = val_int((int32_t)i), 0;
    return 0;
}

static int m_arr_contains(MbrCall *k, Value self, Value *out)
{
    Value i;
    m_arr_indexof(k, self, &i);
    *out = val_bool(i.as.i >= 0);
    return 0;
}

static int m_arr_clone(MbrCall *k, Value self, Value *out)
{
    size_t n = arr_len(self);
    *out = arr_new(arr_elem_type(self), n);
    for (size_t i = 0; i < n; i++)
        arr_push(*out, arr_peek(self, i));
    return 0;
}

/* IList.Clear on an array resets every element to its type's default. */
static int m_arr_clear(MbrCall *k, Value self, Value *out)
{
    TypeId t = arr_elem_type(self);
    Value dflt = val_null();
    if (t != TY_OBJECT && type_val_kind(t) != VAL_OBJ) dflt = val_make(type_val_kind(t));
    for (size_t i = 0; i < arr_len(self); i++)
        arr_set(self, i, dflt);
    return 0;
}

static int index_arg(MbrCall *k, int i, Value self, size_t *at)
{
    int32_t n;
    if (mbr_int(k, i, &n)) return -1;
    if (n < 0 || (size_t)n >= arr_len(self))
        return mbr_exc(k, "IndexOutOfRangeException", "Index was outside the bounds of the array.");
    *at = (size_t)n;
    return 0;
}

static int m_arr_getvalue(MbrCall *k, Value self, Value *out)
{
    size_t i;
    if (index_arg(k, 0, self, &i)) return -1;
    *out = arr_get(self, i);
    return 0;
}

static int m_arr_setvalue(MbrCall *k, Value self, Value *out)
{
    size_t i;
    Value v;
    ConvError ce;
    if (index_arg(k, 1, self, &i)) return -1;
    if (convert_to(k->a[0], arr_elem_type(self), 0, &v, &ce))
        return mbr_exc(k, "InvalidCastException", "%s", ce.msg);
    arr_set(self, i, v);
    val_unref(v);
    return 0;
}

/* GetLength(dimension) / GetUpperBound(dimension) */
static int m_arr_getlength(MbrCall *k, Value self, Value *out)
{
    int32_t d;
    if (mbr_int(k, 0, &d)) return -1;
    if (d < 0 || d >= arr_rank(self))
        return mbr_exc(k, "IndexOutOfRangeException", "Index was outside the bounds of the array.");
    int32_t n = (int32_t)arr_dim(self, d);
    *out = val_int(strcmp(k->method, "GetUpperBound") == 0 ? n - 1 : n);
    return 0;
}

static const MbrMethod array_methods[] = {
    {"GetLength", 1, 1, m_arr_getlength, "dimension"},
    {"GetUpperBound", 1, 1, m_arr_getlength, "dimension"},
    {"Add", 1, 1, m_fixed, NULL},
    {"Remove", 1, 1, m_fixed, NULL},
    {"RemoveAt", 1, 1, m_fixed, NULL},
    {"Insert", 2, 2, m_fixed, NULL},
    {"Clear", 0, 0, m_arr_clear, NULL},
    {"Contains", 1, 1, m_arr_contains, NULL},
    {"IndexOf", 1, 1, m_arr_indexof, NULL},
    {"Clone", 0, 0, m_arr_clone, NULL},
    {"GetValue", 1, 1, m_arr_getvalue, NULL},
    {"SetValue", 2, 2, m_arr_setvalue, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- hashtables ---- */

static int m_ht_containskey(MbrCall *k, Value self, Value *out)
{
    Value stored;
    *out = val_bool(ht_key_peek(self, k->a[0], &stored));
    return 0;
}

static int m_ht_containsvalue(MbrCall *k, Value self, Value *out)
{
    Value key, val;
    *out = val_bool(0);
    for (size_t i = 0; i < ht_count(self); i++) {
        ht_entry_peek(self, i, &key, &val);
        if (mbr_equals(val, k->a[1 - 1])) return *out = val_bool(1), 0;
    }
    return 0;
}

/* Dictionary[K,V].Add: the key and value converted to K and V first. */
static int m_dict_add(MbrCall *k, Value self, TypeId kt, TypeId vt)
{
    Value key, val, stored;
    if (val_is_null(k->a[0]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'key')");
    if (mbr_arg(k, 0, kt, &key)) return -1;
    if (mbr_arg(k, 1, vt, &val)) return val_unref(key), -1;
    int dup = ht_key_peek(self, key, &stored);
    if (!dup) ht_add(self, key, val);
    if (dup) {
        Value s = convert_to_string(key, NULL);
        mbr_exc(k, "ArgumentException", "An item with the same key has already been added. Key: %s",
                val_str_data(s));
        val_unref(s);
    }
    val_unref(key), val_unref(val);
    return dup ? -1 : 0;
}

static int m_ht_add(MbrCall *k, Value self, Value *out)
{
    Value stored;
    TypeId kt, vt;
    if (ht_dict_types(self, &kt, &vt)) return m_dict_add(k, self, kt, vt);
    if (val_is_null(k->a[0]))
        return mbr_exc(k, "ArgumentNullException", "Key cannot be null. (Parameter 'key')");
    if (!ht_key_peek(self, k->a[0], &stored)) return ht_add(self, k->a[0], k->a[1]), 0;
    Value a = convert_to_string(stored, NULL), b = convert_to_string(k->a[0], NULL);
    /* OrderedDictionary keeps a Hashtable inside, so both report Hashtable's message */
    mbr_exc(k, "ArgumentException",
            "Item has already been added. Key in dictionary: '%s'  Key being added: '%s'",
            val_str_data(a), val_str_data(b));
    val_unref(a);
    val_unref(b);
    return -1;
}

/* OrderedDictionary.Insert(index, key, value) */
static int m_od_insert(MbrCall *k, Value self, Value *out)
{
    int32_t i;
    if (!val_is(self, &cls_ordered)) return member_not_found(self, "Insert", 6, k->err), -1;
    if (mbr_int(k, 0, &i)) return -1;
    if (i < 0 || (size_t)i > ht_count(self))
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Specified argument was out of the range of valid values. (Parameter "
                       "'index')");
    if (val_is_null(k->a[1]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'key')");
    if (!ht_insert_at(self, (size_t)i, k->a[1], k->a[2]))
        return mbr_exc(k, "ArgumentException", "An item with the same key has already been added.");
    return 0;
}

/* OrderedDictionary.RemoveAt(index) */
static int m_od_removeat(MbrCall *k, Value self, Value *out)
{
    int32_t i;
    Value key, val;
    if (!val_is(self, &cls_ordered)) return member_not_found(self, "RemoveAt", 8, k->err), -1;
    if (mbr_int(k, 0, &i)) return -1;
    if (i < 0 || (size_t)i >= ht_count(self))
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Specified argument was out of the range of valid values. (Parameter "
                       "'index')");
    ht_entry_peek(self, (size_t)i, &key, &val);
    key = val_ref(key);
    ht_remove(self, key);
    val_unref(key);
    return 0;
}

/* Remove: Dictionary[K,V] says whether the key was there; the others are void. */
static int m_ht_remove(MbrCall *k, Value self, Value *out)
{
    int had = ht_remove(self, k->a[0]);
    if (val_is(self, &cls_dictionary)) *out = val_bool(had);
    return 0;
}

static int m_ht_clear(MbrCall *k, Value self, Value *out)
{
    ht_clear(self);
    return 0;
}

static int m_ht_clone(MbrCall *k, Value self, Value *out)
{
    *out = ht_copy(self);
    return 0;
}

/* System.Collections.DictionaryEntry: what enumerating a hashtable yields. */
typedef struct ObjEntry {
    Obj obj;
    Value key, val;
} ObjEntry;

static void entry_free(Obj *o)
{
    val_unref(((ObjEntry *)o)->key);
    val_unref(((ObjEntry *)o)->val);
}

static int entry_get(Value self, const char *name, size_t len, Value *out)
{
    ObjEntry *e = (ObjEntry *)self.as.o;
    if (str_ieq_slice(name, len, "Key") || str_ieq_slice(name, len, "Name"))
        return *out = val_ref(e->key), 1;
    if (str_ieq_slice(name, len, "Value")) return *out = val_ref(e->val), 1;
    return 0;
}

static size_t entry_nprops(Value self)
{
    return 2;
}

static void entry_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    ObjEntry *e = (ObjEntry *)self.as.o;
    *name = i ? "Value" : "Name";
    *len = strlen(*name);
    *val = i ? e->val : e->key;
}

static const ObjClass cls_entry = {
    .name = "DictionaryEntry",
    .full_name = "System.Collections.DictionaryEntry",
    .type = TY_OTHER,
    .free = entry_free,
    .get_prop = entry_get,
    .nprops = entry_nprops,
    .prop_at = entry_prop_at,
};

/* GetEnumerator(): the entries as DictionaryEntry objects, in order (an object[] stands in
 * for the enumerator: the pipeline enumerates it the same way). */
static int m_ht_enum(MbrCall *k, Value self, Value *out)
{
    size_t n = ht_count(self);
    *out = arr_new(TY_OBJECT, n);
    TypeId kt, vt;
    int generic = ht_dict_types(self, &kt, &vt); /* KeyValuePair entries */
    for (size_t i = 0; i < n; i++) {
        Value key, val;
        ht_entry_peek(self, i, &key, &val);
        if (generic) {
            arr_push_take(*out, dictentry_for(self, key, val));
            continue;
        }
        ObjEntry *e = (ObjEntry *)obj_alloc(&cls_entry, sizeof(ObjEntry));
        e->key = val_ref(key);
        e->val = val_ref(val);
        arr_push_take(*out, val_obj_take(&e->obj));
    }
    return 0;
}

static const MbrMethod hash_methods[] = {
    {"ContainsKey", 1, 1, m_ht_containskey, NULL},
    {"Contains", 1, 1, m_ht_containskey, NULL},
    {"ContainsValue", 1, 1, m_ht_containsvalue, NULL},
    {"Add", 2, 2, m_ht_add, NULL},
    {"Remove", 1, 1, m_ht_remove, NULL},
    {"Clear", 0, 0, m_ht_clear, NULL},
    {"Clone", 0, 0, m_ht_clone, NULL},
    {"GetEnumerator", 0, 0, m_ht_enum, NULL},
    {"Insert", 3, 3, m_od_insert, "index,key,value"},
    {"RemoveAt", 1, 1, m_od_removeat, "index"},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- type values ([int].Name ...) ---- */

static int p_type_namespace(MemberCtx *c, Value self, Value *out)
{
    const char *full = typeref_fullname(self), *dot = strrchr(full, '.');
    *out = dot ? val_str_n(full, (size_t)(dot - full)) : val_str_empty();
    return 1;
}

static int p_type_isarray(MemberCtx *c, Value self, Value *out)
{
    *out = val_bool(typeref_is_array(self));
    return 1;
}

static const MbrProp type_props[] = {
    {"Namespace", p_type_namespace},
    {"IsArray", p_type_isarray},
    {NULL, NULL},
};

static int m_type_tostring(MbrCall *k, Value self, Value *out)
{
    *out = val_str(typeref_fullname(self));
    return 0;
}

static const MbrMethod type_methods[] = {
    {"ToString", 0, 0, m_type_tostring, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- the receiver kinds ---- */

static int is_str(Value v)
{
    return val_is_str(v);
}
static int is_char(Value v)
{
    return v.kind == VAL_CHAR;
}
static int is_number(Value v)
{
    return val_is_number(v) || v.kind == VAL_BOOL || v.kind == VAL_CHAR;
}
static int is_date(Value v)
{
    return v.kind == VAL_DATETIME;
}
static int is_span(Value v)
{
    return v.kind == VAL_TIMESPAN;
}
static int is_hash(Value v)
{
    return ht_is(v);
}
static int is_type(Value v)
{
    return val_is(v, &cls_typeref);
}
static int is_guid(Value v)
{
    return val_is(v, &cls_guid);
}
static int is_match(Value v)
{
    return val_is(v, &cls_rxmatch);
}
static int is_group(Value v)
{
    return val_is(v, &cls_rxgroup);
}
static int is_encoding(Value v)
{
    return val_is(v, &cls_encoding);
}
static int is_tuple(Value v)
{
    return val_is(v, &cls_tuple);
}
static int is_psinfo(Value v)
{
    return val_is(v, &cls_psinfo);
}
static int is_psmembers(Value v)
{
    return val_is(v, &cls_psmembers);
}

static const struct Kind {
    int (*is)(Value b);
    const MbrMethod *methods; /* NULL: none of its own */
    const MbrProp *props;
} kinds[] = {
    {is_str, mbr_string_methods, NULL},
    {is_char, mbr_char_methods, NULL},
    {is_date, mbr_date_methods, mbr_date_props},
    {is_span, mbr_span_methods, mbr_span_props},
    {is_number, comparable_methods, NULL},
    {coll_is_hashset, mbr_hashset_methods, NULL},
    {is_psmembers, mbr_psmembers_methods, NULL},
    {coll_is_list, mbr_list_methods, NULL},
    {val_is_array, array_methods, NULL},
    {is_tuple, mbr_tuple_methods, NULL},
    {is_psinfo, mbr_psinfo_methods, NULL},
    {is_hash, hash_methods, NULL},
    {is_type, type_methods, type_props},
    {is_guid, mbr_guid_methods, NULL},
    {is_match, mbr_match_methods, NULL},
    {is_group, mbr_group_methods, NULL},
    {is_encoding, mbr_encoding_methods, NULL},
};

static const struct Kind *kind_of(Value b)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i].is(b)) return &kinds[i];
    return NULL;
}

static int is_count(const char *name, size_t len)
{
    return str_ieq_slice(name, len, "Count") || str_ieq_slice(name, len, "Length");
}

/* Member enumeration ($list.Name when the collection has no Name): each item's value,
 * collections flattened one level; items without the member add nothing, as in pwsh. */
static int member_enum(MemberCtx *c, Value arr, const char *name, size_t len, Value *out)
{
    Value r = arr_new(TY_OBJECT, 0);
    for (size_t i = 0; i < arr_len(arr); i++) {
        Value v, item = arr_peek(arr, i), b = val_base(item);
        /* a custom object or dictionary without it gives $null; other items nothing */
        if (member_get(c, item, name, len, &v, NULL) != MEMBER_OK) {
            if (val_is(b, &cls_pscustomobject) || ht_is(b)) arr_push(r, val_null());
            continue;
        }
        if (val_is_array(v))
            for (size_t j = 0; j < arr_len(v); j++)
                arr_push(r, arr_peek(v, j));
        else
            arr_push(r, v);
        val_unref(v);
    }
    size_t n = arr_len(r);
    *out = n == 0 ? val_null() : n == 1 ? arr_get(r, 0) : val_ref(r);
    val_unref(r);
    return MEMBER_OK;
}

int member_get(MemberCtx *c, Value self, const char *name, size_t len, Value *out, MemberError *err)
{
    if (val_is_null(self)) {
        if (!is_count(name, len)) return MEMBER_NOTFOUND;
        return *out = val_int(0), MEMBER_OK;
    }
    if (psinfo_get(self, name, len, out)) return MEMBER_OK;
    if (val_get_prop(self, name, len, out)) return MEMBER_OK;
    Value b = val_base(self);
    const struct Kind *k = kind_of(b);
    if (k && k->props && mbr_getprop(k->props, c, b, name, len, out) == MEMBER_OK) return MEMBER_OK;
    /* a collection without the property (List has no Length) enumerates its items */
    if (val_is_array(b)) return member_enum(c, b, name, len, out);
    if (is_count(name, len)) return *out = val_int(1), MEMBER_OK;
    return MEMBER_NOTFOUND;
}

int member_not_found(Value self, const char *name, size_t len, MemberError *err)
{
    if (!err) return MEMBER_NOTFOUND;
    if (val_is_null(self)) {
        conv_fail(err, "InvokeMethodOnNull",
                  "You cannot call a method on a null-valued expression.");
        return MEMBER_NOTFOUND;
    }
    conv_fail(err, "MethodNotFound",
              "Method invocation failed because [%s] does not contain a method named '%.*s'.",
              val_type_fullname(val_base(self)), (int)len, name);
    return MEMBER_NOTFOUND;
}

int member_call(MemberCtx *c, Value self, const char *name, size_t len, const Value *args,
                int nargs, Value *out, MemberError *err)
{
    MemberError scratch;
    if (!err) err = &scratch;
    if (val_is_null(self)) {
        member_not_found(self, name, len, err);
        return MEMBER_ERROR;
    }
    Value b = val_base(self);
    if (val_is(b, &cls_psbase)) b = psinfo_target(b); /* $h.psbase.Add(...) */
    const struct Kind *k = kind_of(b);
    int rc = MEMBER_NOTFOUND;
    if (k && k->methods) rc = mbr_dispatch(k->methods, c, b, name, len, args, nargs, out, err);
    if (rc == MEMBER_NOTFOUND)
        rc = mbr_dispatch(any_methods, c, b, name, len, args, nargs, out, err);
    if (rc == MEMBER_NOTFOUND) return member_not_found(self, name, len, err);
    return rc;
}
