/*
** collections: ArrayList, List`1, Collection`1 and Tuple, plus the [array]/[Tuple] statics.
** The list kinds are arrays (array.c's layout and free hook) with their own classes; a
** List[T] keeps T as the array's element type and converts what is added to it.
*/
#include "runtime/collections.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"

#define CORELIB                                                                                    \
    "System.Private.CoreLib, Version=9.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e"
#define SMA                                                                                        \
    "System.Management.Automation, Version=7.5.0.0, Culture=neutral, "                             \
    "PublicKeyToken=31bf3856ad364e35"

/* ---- the list classes ---- */

static int list_prop(Value self, const char *name, size_t len, Value *out)
{
    if (str_ieq_slice(name, len, "Count"))
        *out = val_int((int32_t)arr_len(self));
    else if (str_ieq_slice(name, len, "Capacity"))
        *out = val_int((int32_t)(arr_len(self) < 4 ? 4 : arr_len(self)));
    else if (str_ieq_slice(name, len, "IsSynchronized"))
        *out = val_bool(val_is_synchronized(self));
    else if (str_ieq_slice(name, len, "IsFixedSize") || str_ieq_slice(name, len, "IsReadOnly"))
        *out = val_bool(0);
    else
        return 0;
    return 1;
}

static void list_str(Value self, StrBuf *out);

/* The list kinds share the array layout and every hook; only their names differ. */
#define LIST_CLASS(var, short_name, long_name)                                                     \
    const ObjClass var = {                                                                         \
        .name = short_name,                                                                        \
        .full_name = long_name,                                                                    \
        .type = TY_ARRAY,                                                                          \
        .flags = CLS_ENUMERABLE | CLS_LIST,                                                        \
        .free = arr_free,                                                                          \
        .to_string = list_str,                                                                     \
        .get_prop = list_prop,                                                                     \
        .share = arr_share,                                                                        \
    }
LIST_CLASS(cls_arraylist, "ArrayList", "System.Collections.ArrayList");
LIST_CLASS(cls_list, "List`1", "System.Collections.Generic.List`1");
LIST_CLASS(cls_collection, "Collection`1", "System.Collections.ObjectModel.Collection`1");
/* HashSet[T]: the array layout again, kept free of duplicates by Add (a linear scan: the
 * sets scripts build are small). */
LIST_CLASS(cls_hashset, "HashSet`1", "System.Collections.Generic.HashSet`1");

int coll_is_hashset(Value v)
{
    return val_is(v, &cls_hashset);
}

int coll_is_list(Value v)
{
    return v.kind == VAL_OBJ && (v.as.o->cls->flags & CLS_LIST);
}

Value coll_list_new(const ObjClass *cls, TypeId elem)
{
    return arr_new_as(cls, cls == &cls_list || cls == &cls_hashset ? elem : TY_OBJECT, 0);
}

static int is_sma(TypeId t)
{
    return t == TY_PSOBJECT || t == TY_PSCUSTOMOBJECT || t == TY_SCRIPTBLOCK || t == TY_SWITCH;
}

/* The element type as ToString shows it: "System.String" (Collection`1 holds PSObjects). */
static TypeId list_elem(Value self)
{
    return val_is(self, &cls_collection) ? TY_PSOBJECT : arr_elem_type(self);
}

/* "System.Collections.Generic.List`1[System.String]": .NET's Type.ToString(). */
static void list_str(Value self, StrBuf *out)
{
    sb_puts(out, self.as.o->cls->full_name);
    if (val_is(self, &cls_arraylist)) return;
    sb_printf(out, "[%s]", type_fullname(list_elem(self)));
}

/* "[System.String, System.Private.CoreLib, ...]": an assembly-qualified generic argument. */
static void put_aqn(StrBuf *sb, const char *full, int sma)
{
    sb_printf(sb, "[%s, %s]", full, sma ? SMA : CORELIB);
}

/* ---- tuples ---- */

typedef struct ObjTuple {
    Obj obj;
    int n;
    Value items[7];
} ObjTuple;

static ObjTuple *as_tuple(Value v)
{
    return (ObjTuple *)v.as.o;
}

static void tuple_free(Obj *o)
{
    ObjTuple *t = (ObjTuple *)o;
    for (int i = 0; i < t->n; i++)
        val_unref(t->items[i]);
}

static int tuple_prop(Value self, const char *name, size_t len, Value *out)
{
    ObjTuple *t = as_tuple(self);
    if (len == 5 && str_nicmp(name, "Item", 4) == 0 && name[4] >= '1' && name[4] < '1' + t->n) {
        *out = val_ref(t->items[name[4] - '1']);
        return 1;
    }
    if (str_ieq_slice(name, len, "Length")) return *out = val_int(t->n), 1;
    return 0;
}

static size_t tuple_nprops(Value self)
{
    return (size_t)as_tuple(self)->n;
}

static void tuple_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    static const char *const names[] = {"Item1", "Item2", "Item3", "Item4",
                                        "Item5", "Item6", "Item7"};
    *name = names[i];
    *len = 5;
    *val = as_tuple(self)->items[i];
}

/* "(1, test)" */
static void tuple_str(Value self, StrBuf *out)
{
    ObjTuple *t = as_tuple(self);
    sb_putc(out, '(');
    for (int i = 0; i < t->n; i++) {
        if (i) sb_puts(out, ", ");
        convert_append_scalar(t->items[i], out);
    }
    sb_putc(out, ')');
}

const ObjClass cls_tuple = {
    .name = "Tuple",
    .full_name = "System.Tuple",
    .type = TY_OTHER,
    .free = tuple_free,
    .to_string = tuple_str,
    .get_prop = tuple_prop,
    .nprops = tuple_nprops,
    .prop_at = tuple_prop_at,
};

static Value tuple_new(const Value *items, int n)
{
    ObjTuple *t = (ObjTuple *)obj_alloc(&cls_tuple, sizeof(ObjTuple));
    t->n = n;
    for (int i = 0; i < n; i++)
        t->items[i] = val_ref(items[i]);
    return val_obj_take(&t->obj);
}

int coll_tuple_at(Value t, int64_t i, Value *out)
{
    ObjTuple *p = as_tuple(t);
    if (i < 0) i += p->n;
    if (i < 0 || i >= p->n) return 0;
    *out = val_ref(p->items[i]);
    return 1;
}

static const char *elem_fullname(Value v)
{
    return val_is_null(v) ? "System.Object" : val_type_fullname(v);
}

int coll_type_of(Value v, Value *out)
{
    StrBuf full = {0}, name = {0};
    TypeId kt, vt;
    if (val_is(v, &cls_tuple)) {
        ObjTuple *t = as_tuple(v);
        sb_printf(&name, "Tuple`%d", t->n);
        sb_printf(&full, "System.Tuple`%d[", t->n);
        for (int i = 0; i < t->n; i++) {
            if (i) sb_putc(&full, ',');
            put_aqn(&full, elem_fullname(t->items[i]),
                    val_type_id(t->items[i]) == TY_PSCUSTOMOBJECT);
        }
        sb_putc(&full, ']');
    } else if (coll_is_list(v)) {
        sb_puts(&name, v.as.o->cls->name);
        sb_puts(&full, v.as.o->cls->full_name);
        if (!val_is(v, &cls_arraylist)) {
            TypeId e = list_elem(v);
            sb_putc(&full, '[');
            put_aqn(&full, type_fullname(e), is_sma(e));
            sb_putc(&full, ']');
        }
    } else if (ht_dict_types(v, &kt, &vt)) {
        sb_puts(&name, "Dictionary`2");
        sb_puts(&full, "System.Collections.Generic.Dictionary`2[");
        put_aqn(&full, type_fullname(kt), is_sma(kt));
        sb_putc(&full, ',');
        put_aqn(&full, type_fullname(vt), is_sma(vt));
        sb_putc(&full, ']');
    } else {
        return 0;
    }
    *out = typeref_new_names(sb_str(&name), sb_str(&full));
    sb_free(&full);
    sb_free(&name);
    return 1;
}

/* ---- type names ---- */

typedef enum CollKind {
    CK_NONE,
    CK_ARRAYLIST,
    CK_LIST,
    CK_COLLECTION,
    CK_HASHSET,
    CK_DICT,
    CK_MDARRAY, /* T[,] */
    CK_ARRAY,
    CK_TUPLE
} CollKind;

typedef struct CollType {
    CollKind kind;
    TypeId elem;  /* List[T]: T; Dictionary[K,V]: K */
    TypeId value; /* Dictionary[K,V]: V */
} CollType;

static TypeId type_arg(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '['))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == ']'))
        len--;
    TypeId t = type_lookup(s, len);
    return t == TY_OTHER ? TY_OBJECT : t;
}

/* "Dictionary[K, V]" after prefix: both ids (split at the first top-level comma). */
static int generic_args2(const char *s, size_t len, const char *prefix, TypeId *k, TypeId *v)
{
    size_t n = strlen(prefix), depth = 0, i;
    if (len < n + 2 || str_nicmp(s, prefix, n) != 0 || s[n] != '[' || s[len - 1] != ']') return 0;
    for (i = n + 1; i < len - 1; i++) {
        if (s[i] == '[') depth++;
        if (s[i] == ']') depth--;
        if (s[i] == ',' && depth == 0) break;
    }
    if (i >= len - 1) return 0;
    *k = type_arg(s + n + 1, i - n - 1);
    *v = type_arg(s + i + 1, len - i - 2);
    return 1;
}

/* "Name[T]" after prefix: T's id (unknown types hold as Object). */
static int generic_arg(const char *s, size_t len, const char *prefix, TypeId *elem)
{
    size_t n = strlen(prefix);
    if (len < n + 2 || str_nicmp(s, prefix, n) != 0 || s[n] != '[' || s[len - 1] != ']') return 0;
    *elem = type_arg(s + n + 1, len - n - 2);
    return 1;
}

/* Which collection type a type literal names ("System." is optional). */
static CollType coll_parse(const char *s, size_t len)
{
    CollType ct = {CK_NONE, TY_OBJECT, TY_OBJECT};
    if (len > 7 && str_nicmp(s, "System.", 7) == 0) s += 7, len -= 7;
    if (str_ieq_slice(s, len, "Collections.ArrayList"))
        ct.kind = CK_ARRAYLIST;
    else if (generic_arg(s, len, "Collections.Generic.List", &ct.elem))
        ct.kind = CK_LIST;
    else if (generic_arg(s, len, "Collections.ObjectModel.Collection", &ct.elem))
        ct.kind = CK_COLLECTION;
    else if (generic_arg(s, len, "Collections.Generic.HashSet", &ct.elem))
        ct.kind = CK_HASHSET;
    else if (generic_args2(s, len, "Collections.Generic.Dictionary", &ct.elem, &ct.value))
        ct.kind = CK_DICT;
    else if (str_ieq_slice(s, len, "Array"))
        ct.kind = CK_ARRAY;
    else if (len > 3 && memcmp(s + len - 3, "[,]", 3) == 0 && type_lookup(s, len - 3) != TY_OTHER)
        ct.kind = CK_MDARRAY, ct.elem = type_lookup(s, len - 3);
    else if (str_ieq_slice(s, len, "Tuple"))
        ct.kind = CK_TUPLE;
    return ct;
}

static const ObjClass *list_class(CollKind k)
{
    return k == CK_ARRAYLIST ? &cls_arraylist
           : k == CK_LIST    ? &cls_list
           : k == CK_HASHSET ? &cls_hashset
                             : &cls_collection;
}

static int find_item(Value self, Value x);

/* Append v (or each item of a collection v) to list, converted to its element type. */
static int list_fill(Value list, Value v, ConvError *err)
{
    v = val_base(v);
    size_t n = val_is_array(v) ? arr_len(v) : 1;
    TypeId e = arr_elem_type(list);
    for (size_t i = 0; i < n; i++) {
        Value x, item = val_is_array(v) ? arr_peek(v, i) : v;
        if (convert_to(item, e, 0, &x, err)) return -1;
        if (val_is(list, &cls_hashset) && find_item(list, x) >= 0)
            val_unref(x);
        else
            arr_push_take(list, x);
    }
    return 0;
}

int coll_convert(Value v, const char *type, size_t tlen, Value *out, ConvError *err)
{
    CollType ct = coll_parse(type, tlen);
    Value b = val_base(v);
    if (ct.kind == CK_MDARRAY && arr_rank(b) == 2 && arr_elem_type(b) == ct.elem)
        return *out = val_ref(b), 0;
    if (ct.kind != CK_ARRAYLIST && ct.kind != CK_LIST && ct.kind != CK_COLLECTION &&
        ct.kind != CK_HASHSET)
        return 1;
    if (val_is_null(v)) return *out = val_null(), 0;
    const ObjClass *cls = list_class(ct.kind);
    if (val_is(b, cls) && (ct.kind != CK_LIST || arr_elem_type(b) == ct.elem))
        return *out = val_ref(b), 0;
    Value list = coll_list_new(cls, ct.elem);
    if (list_fill(list, v, err)) return val_unref(list), -1;
    *out = list;
    return 0;
}

int coll_is_type(Value v, const char *type, size_t tlen)
{
    CollType ct = coll_parse(type, tlen);
    TypeId kt, vt;
    v = val_base(v);
    switch (ct.kind) {
    case CK_ARRAYLIST:
    case CK_COLLECTION:
        return val_is(v, list_class(ct.kind));
    case CK_LIST:
    case CK_HASHSET:
        return val_is(v, list_class(ct.kind)) && arr_elem_type(v) == ct.elem;
    case CK_DICT:
        return ht_dict_types(v, &kt, &vt) && kt == ct.elem && vt == ct.value;
    case CK_TUPLE:
        return val_is(v, &cls_tuple);
    case CK_MDARRAY:
        return arr_rank(v) == 2 && arr_elem_type(v) == ct.elem;
    default:
        return -1;
    }
}

/* ---- list methods ---- */

/* Argument i converted to the list's element type. */
static int item_arg(MbrCall *k, Value self, int i, Value *out)
{
    return mbr_arg(k, i, arr_elem_type(self), out);
}

static int find_item(Value self, Value x)
{
    for (size_t i = 0; i < arr_len(self); i++)
        if (mbr_equals(arr_peek(self, i), x)) return (int)i;
    return -1;
}

/* ArrayList.Add returns the new item's index; List<T>.Add and Collection<T>.Add are void. */
static int m_add(MbrCall *k, Value self, Value *out)
{
    Value x;
    if (item_arg(k, self, 0, &x)) return -1;
    arr_push_take(self, x);
    if (val_is(self, &cls_arraylist)) *out = val_int((int32_t)arr_len(self) - 1);
    return 0;
}

static int m_addrange(MbrCall *k, Value self, Value *out)
{
    ConvError ce;
    if (val_is_null(k->a[0]))
        return mbr_exc(k, "ArgumentNullException",
                       "Value cannot be null. (Parameter 'collection')");
    if (list_fill(self, k->a[0], &ce)) return mbr_exc(k, "InvalidCastException", "%s", ce.msg);
    return 0;
}

/* Remove: bool for List<T> and HashSet<T>, void for ArrayList and Collection<T>. */
static int m_remove(MbrCall *k, Value self, Value *out)
{
    Value x;
    if (item_arg(k, self, 0, &x)) return -1;
    int at = find_item(self, x);
    val_unref(x);
    if (at >= 0) arr_remove_at(self, (size_t)at);
    if (val_is(self, &cls_list) || val_is(self, &cls_hashset)) *out = val_bool(at >= 0);
    return 0;
}

static int bad_index(MbrCall *k)
{
    return mbr_exc(k, "ArgumentOutOfRangeException",
                   "Index was out of range. Must be non-negative and less than the size of the "
                   "collection. (Parameter 'index')");
}

static int m_removeat(MbrCall *k, Value self, Value *out)
{
    int32_t i;
    if (mbr_int(k, 0, &i)) return -1;
    if (i < 0 || (size_t)i >= arr_len(self)) return bad_index(k);
    arr_remove_at(self, (size_t)i);
    return 0;
}

static int m_insert(MbrCall *k, Value self, Value *out)
{
    int32_t i;
    Value x;
    if (mbr_int(k, 0, &i)) return -1;
    if (i < 0 || (size_t)i > arr_len(self))
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       val_is(self, &cls_arraylist)
                           ? "Insertion index was out of range. Must be non-negative and less "
                             "than or equal to size. (Parameter 'index')"
                           : "Index must be within the bounds of the List. (Parameter 'index')");
    if (item_arg(k, self, 1, &x)) return -1;
    arr_insert(self, (size_t)i, x);
    val_unref(x);
    return 0;
}

static int m_indexof(MbrCall *k, Value self, Value *out)
{
    Value x;
    if (item_arg(k, self, 0, &x)) return -1;
    *out = val_int(find_item(self, x));
    val_unref(x);
    return 0;
}

static int m_contains(MbrCall *k, Value self, Value *out)
{
    Value x;
    if (item_arg(k, self, 0, &x)) return -1;
    *out = val_bool(find_item(self, x) >= 0);
    val_unref(x);
    return 0;
}

static int m_clear(MbrCall *k, Value self, Value *out)
{
    arr_truncate(self, 0);
    return 0;
}

/* .NET's default comparer: $null first, numbers by value, strings by culture (lowercase
 * before uppercase on ties). */
static int cmp_items(const void *pa, const void *pb)
{
    Value a = *(const Value *)pa, b = *(const Value *)pb;
    int c = 0;
    if (val_is_null(a) || val_is_null(b)) return val_is_null(b) - val_is_null(a);
    if (convert_compare(a, b, 1, &c, NULL)) return 0;
    return c;
}

/* Sort the items of a (any array layout) in place. */
static void sort_items(Value a)
{
    size_t n = arr_len(a);
    Value *tmp = xmalloc((n ? n : 1) * sizeof(Value));
    for (size_t i = 0; i < n; i++)
        tmp[i] = val_ref(arr_peek(a, i));
    qsort(tmp, n, sizeof(Value), cmp_items);
    for (size_t i = 0; i < n; i++) {
        arr_set(a, i, tmp[i]);
        val_unref(tmp[i]);
    }
    free(tmp);
}

static int m_sort(MbrCall *k, Value self, Value *out)
{
    sort_items(self);
    return 0;
}

static int m_reverse(MbrCall *k, Value self, Value *out)
{
    arr_reverse(self);
    return 0;
}

static int m_toarray(MbrCall *k, Value self, Value *out)
{
    size_t n = arr_len(self);
    *out = arr_new(val_is(self, &cls_list) ? arr_elem_type(self) : TY_OBJECT, n);
    for (size_t i = 0; i < n; i++)
        arr_push(*out, arr_peek(self, i));
    return 0;
}

static int m_getrange(MbrCall *k, Value self, Value *out)
{
    int32_t at, n;
    if (mbr_int(k, 0, &at) || mbr_int(k, 1, &n)) return -1;
    if (at < 0 || n < 0 || (size_t)at + (size_t)n > arr_len(self))
        return mbr_exc(k, "ArgumentException",
                       "Offset and length were out of bounds for the array or count is greater "
                       "than the number of elements from index to the end of the source "
                       "collection.");
    *out = coll_list_new(self.as.o->cls, arr_elem_type(self));
    for (int32_t i = 0; i < n; i++)
        arr_push(*out, arr_peek(self, (size_t)(at + i)));
    return 0;
}

static int m_list_tostring(MbrCall *k, Value self, Value *out)
{
    StrBuf sb = {0};
    list_str(self, &sb);
    *out = val_str_take_sb(&sb);
    return 0;
}

const MbrMethod mbr_list_methods[] = {
    {"Add", 1, 1, m_add, "item"},
    {"AddRange", 1, 1, m_addrange, "collection"},
    {"Remove", 1, 1, m_remove, "item"},
    {"RemoveAt", 1, 1, m_removeat, "index"},
    {"Insert", 2, 2, m_insert, "index,item"},
    {"IndexOf", 1, 1, m_indexof, "item"},
    {"Contains", 1, 1, m_contains, "item"},
    {"Clear", 0, 0, m_clear, NULL},
    {"Sort", 0, 0, m_sort, NULL},
    {"Reverse", 0, 0, m_reverse, NULL},
    {"ToArray", 0, 0, m_toarray, NULL},
    {"GetRange", 2, 2, m_getrange, "index,count"},
    {"ToString", 0, 0, m_list_tostring, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* HashSet.Add / Remove say whether the set changed. */
static int m_set_add(MbrCall *k, Value self, Value *out)
{
    Value x;
    if (item_arg(k, self, 0, &x)) return -1;
    int had = find_item(self, x) >= 0;
    if (!had) arr_push(self, x);
    val_unref(x);
    *out = val_bool(!had);
    return 0;
}

static int m_set_union(MbrCall *k, Value self, Value *out)
{
    return m_addrange(k, self, out);
}

const MbrMethod mbr_hashset_methods[] = {
    {"Add", 1, 1, m_set_add, "item"},   {"UnionWith", 1, 1, m_set_union, "other"},
    {"Remove", 1, 1, m_remove, "item"}, {"Contains", 1, 1, m_contains, "item"},
    {"Clear", 0, 0, m_clear, NULL},     {"ToString", 0, 0, m_list_tostring, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int m_tuple_tostring(MbrCall *k, Value self, Value *out)
{
    StrBuf sb = {0};
    tuple_str(self, &sb);
    *out = val_str_take_sb(&sb);
    return 0;
}

const MbrMethod mbr_tuple_methods[] = {
    {"ToString", 0, 0, m_tuple_tostring, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- statics ---- */

/* Argument 0 as an array: -1 (ArgumentNullException) when it is $null or not an array. */
static int array_arg(MbrCall *k, Value *arr)
{
    *arr = val_base(k->a[0]);
    if (val_is_array(*arr)) return 0;
    if (val_is_null(*arr))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'array')");
    return mbr_fail(k, "MethodArgumentConversionInvalidCastArgument",
                    "Cannot convert argument \"array\", with value: \"%s\", for \"%s\" to type "
                    "\"System.Array\".",
                    val_type_fullname(*arr), k->method);
}

/* [array]::IndexOf(array, value[, startIndex]) */
static int s_indexof(MbrCall *k, Value self, Value *out)
{
    Value arr;
    int32_t from = 0;
    if (array_arg(k, &arr) || (k->n > 2 && mbr_int(k, 2, &from))) return -1;
    if (from < 0 || (size_t)from > arr_len(arr))
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Index was out of range. Must be non-negative and less than the size of "
                       "the collection. (Parameter 'startIndex')");
    *out = val_int(-1);
    for (size_t i = (size_t)from; i < arr_len(arr); i++)
        if (mbr_equals(arr_peek(arr, i), k->a[1])) return *out = val_int((int32_t)i), 0;
    return 0;
}

static int s_lastindexof(MbrCall *k, Value self, Value *out)
{
    Value arr;
    if (array_arg(k, &arr)) return -1;
    *out = val_int(-1);
    for (size_t i = arr_len(arr); i-- > 0;)
        if (mbr_equals(arr_peek(arr, i), k->a[1])) return *out = val_int((int32_t)i), 0;
    return 0;
}

static int s_reverse(MbrCall *k, Value self, Value *out)
{
    Value arr;
    if (array_arg(k, &arr)) return -1;
    arr_reverse(arr);
    return 0;
}

static int s_sort(MbrCall *k, Value self, Value *out)
{
    Value arr;
    if (array_arg(k, &arr)) return -1;
    sort_items(arr);
    return 0;
}

static int s_empty(MbrCall *k, Value self, Value *out)
{
    *out = arr_new(TY_OBJECT, 0);
    return 0;
}

static const MbrMethod array_statics[] = {
    {"IndexOf", 2, 3, s_indexof, "array,value,startIndex"},
    {"LastIndexOf", 2, 2, s_lastindexof, "array,value"},
    {"Reverse", 1, 1, s_reverse, "array"},
    {"Sort", 1, 1, s_sort, "array"},
    {"Empty", 0, 0, s_empty, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int s_tuple_create(MbrCall *k, Value self, Value *out)
{
    *out = tuple_new(k->a, k->n);
    return 0;
}

static const MbrMethod tuple_statics[] = {
    {"Create", 1, 7, s_tuple_create, "item1"},
    {NULL, 0, 0, NULL, NULL},
};

/* ::new() / ::new(capacity) / ::new(collection).  self carries the CollType. */
static int s_list_new(MbrCall *k, Value self, Value *out)
{
    CollType *ct = (CollType *)(uintptr_t)self.as.u;
    if (ct->kind == CK_DICT) return *out = ht_new_dict(ct->elem, ct->value), 0;
    Value list = coll_list_new(list_class(ct->kind), ct->elem);
    Value a = k->n ? val_base(k->a[0]) : val_null();
    ConvError ce;
    if (k->n && val_is_integer(a)) {
        if (a.as.i < 0) {
            val_unref(list);
            return mbr_exc(k, "ArgumentOutOfRangeException",
                           "Non-negative number required. (Parameter 'capacity')");
        }
    } else if (k->n && list_fill(list, a, &ce)) {
        val_unref(list);
        return mbr_exc(k, "InvalidCastException", "%s", ce.msg);
    }
    *out = list;
    return 0;
}

/* [T[,]]::new(rows, cols): every element T's default ($null, 0, False ...). */
static int s_md_new(MbrCall *k, Value self, Value *out)
{
    CollType *ct = (CollType *)(uintptr_t)self.as.u;
    int32_t r, c;
    if (mbr_int(k, 0, &r) || mbr_int(k, 1, &c)) return -1;
    if (r < 0 || c < 0)
        return mbr_exc(k, "OverflowException", "Arithmetic operation resulted in an overflow.");
    ValKind vk = type_val_kind(ct->elem);
    Value fill = ct->elem != TY_OBJECT && vk != VAL_OBJ ? val_make(vk) : val_null();
    *out = arr_new_2d(ct->elem, (size_t)r, (size_t)c, fill);
    return 0;
}

static const MbrMethod md_statics[] = {
    {"new", 2, 2, s_md_new, "lengths"},
    {NULL, 0, 0, NULL, NULL},
};

/* [System.Collections.ArrayList]::Synchronized(list): the list itself, marked shared so
 * thread jobs and the caller use it under its lock (value.h); IsSynchronized is then True. */
static int s_list_synchronized(MbrCall *k, Value self, Value *out)
{
    CollType *ct = (CollType *)(uintptr_t)self.as.u;
    Value list = val_base(k->a[0]);
    if (ct->kind != CK_ARRAYLIST)
        return mbr_fail(k, "MethodNotFound",
                        "Method invocation failed because [%s] does not contain a method named "
                        "'Synchronized'.",
                        list_class(ct->kind)->full_name);
    if (!coll_is_list(list) && !val_is_array(list))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'list')");
    *out = val_synchronize(list);
    return 0;
}

static const MbrMethod list_statics[] = {
    {"new", 0, 1, s_list_new, "collection"},
    {"Synchronized", 1, 1, s_list_synchronized, "list"},
    {NULL, 0, 0, NULL, NULL},
};

int coll_static_call(MemberCtx *c, const char *type, size_t tlen, const char *name, size_t nlen,
                     const Value *args, int nargs, Value *out, MemberError *err)
{
    CollType ct = coll_parse(type, tlen);
    const MbrMethod *t = ct.kind == CK_ARRAY     ? array_statics
                         : ct.kind == CK_TUPLE   ? tuple_statics
                         : ct.kind == CK_MDARRAY ? md_statics
                         : ct.kind != CK_NONE    ? list_statics
                                                 : NULL;
    if (!t) return MEMBER_NOTFOUND;
    /* static handlers have no receiver: self carries a pointer to the parsed type instead
     * (the static tables of statics.c pass the TypeId the same way) */
    Value self = val_make(VAL_UINT64);
    self.as.u = (uint64_t)(uintptr_t)&ct;
    MemberError scratch;
    int rc = mbr_dispatch(t, c, self, name, nlen, args, nargs, out, err ? err : &scratch);
    if (rc == MEMBER_NOTFOUND && err)
        conv_fail(err, "MethodNotFound",
                  "Method invocation failed because [%.*s] does not contain a method named "
                  "'%.*s'.",
                  (int)tlen, type, (int)nlen, name);
    return rc;
}

int coll_new_object(const char *type, size_t tlen, Value arglist, Value *out)
{
    CollType ct = coll_parse(type, tlen);
    if (ct.kind == CK_NONE || ct.kind == CK_ARRAY || ct.kind == CK_TUPLE) return 0;
    MemberError err;
    Value a = val_base(arglist);
    int n = val_is_null(a) ? 0 : val_is_array(a) ? (int)arr_len(a) : 1;
    Value *args = xcalloc((size_t)n + 1, sizeof(Value));
    for (int i = 0; i < n; i++)
        args[i] = val_is_array(a) ? arr_peek(a, (size_t)i) : a;
    int rc = coll_static_call(NULL, type, tlen, "new", 3, args, n, out, &err);
    free(args);
    return rc == MEMBER_OK;
}
