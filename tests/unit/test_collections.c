/*
** test_collections: the collection kinds (runtime/collections.c: ArrayList, List[T],
** Collection`1, Tuple, Dictionary[K,V]), the [array]/[Tuple] statics, OrderedDictionary
** Insert/RemoveAt, and the intrinsic members of runtime/psinfo.c (.psobject, .pstypenames,
** .psbase).  Expected results and messages are pwsh 7.5 / .NET 9's.
** 2026-11-24, engine issue 3 (collections and object members).
*/
#include "runtime/collections.h"

#include <stdarg.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/members.h"
#include "runtime/object.h"
#include "runtime/psinfo.h"
#include "tests/unit/check.h"

static MemberCtx ctx;
static char buf[4096]; /* the last helper result */

/* "[a|b]" for collections, "$null", else the [string] form; typed adds "Name:". */
static void render(Value v, StrBuf *sb)
{
    if (val_is_array(v)) {
        sb_putc(sb, '[');
        for (size_t i = 0; i < arr_len(v); i++) {
            if (i) sb_putc(sb, '|');
            render(arr_peek(v, i), sb);
        }
        sb_putc(sb, ']');
        return;
    }
    if (val_is_null(v)) {
        sb_puts(sb, "$null");
        return;
    }
    convert_append_string(v, NULL, sb);
}

static const char *keep(Value v, int typed)
{
    StrBuf sb = {0};
    if (typed) sb_printf(&sb, "%s:", val_is_null(v) ? "null" : val_type_name(v));
    render(v, &sb);
    snprintf(buf, sizeof buf, "%s", sb_str(&sb));
    sb_free(&sb);
    return buf;
}

/* self.name(args...): the typed result, or "ERR:<id>:<message>".  Consumes the args. */
static const char *callv(Value self, const char *name, int n, ...)
{
    Value args[8], out;
    MemberError err;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    int rc = member_call(&ctx, self, name, strlen(name), args, n, &out, &err);
    for (int i = 0; i < n; i++)
        val_unref(args[i]);
    if (rc != MEMBER_OK) {
        snprintf(buf, sizeof buf, "ERR:%s:%s", err.id, err.msg);
        return buf;
    }
    keep(out, 1);
    val_unref(out);
    return buf;
}

/* [type]::name(args...) like callv; the new value in *made when made is not NULL. */
static const char *scall(const char *type, const char *name, Value *made, int n, ...)
{
    Value args[8], out;
    MemberError err;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    int rc = coll_static_call(&ctx, type, strlen(type), name, strlen(name), args, n, &out, &err);
    for (int i = 0; i < n; i++)
        val_unref(args[i]);
    if (rc != MEMBER_OK) {
        snprintf(buf, sizeof buf, "ERR:%s:%s", err.id, err.msg);
        return buf;
    }
    keep(out, 1);
    if (made)
        *made = out;
    else
        val_unref(out);
    return buf;
}

static const char *get(Value self, const char *name)
{
    Value out;
    if (member_get(&ctx, self, name, strlen(name), &out, NULL) != MEMBER_OK) return "NOTFOUND";
    keep(out, 1);
    val_unref(out);
    return buf;
}

/* self.GetType().<which> */
static const char *type_prop(Value self, const char *which)
{
    Value t, out;
    MemberError err;
    if (member_call(&ctx, self, "GetType", 7, NULL, 0, &t, &err) != MEMBER_OK) return "ERR";
    member_get(&ctx, t, which, strlen(which), &out, NULL);
    keep(out, 0);
    val_unref(out), val_unref(t);
    return buf;
}

static Value strs(int n, ...)
{
    Value a = arr_new(TY_OBJECT, (size_t)n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        arr_push_take(a, val_str(va_arg(ap, const char *)));
    va_end(ap);
    return a;
}

static void test_arraylist(void)
{
    Value l;
    CHECK_STR(scall("System.Collections.ArrayList", "new", &l, 0), "ArrayList:[]");
    CHECK_STR(callv(l, "Add", 1, val_str("a")), "Int32:0");
    CHECK_STR(callv(l, "Add", 1, val_int(2)), "Int32:1");
    CHECK_STR(callv(l, "Insert", 2, val_int(1), val_str("b")), "null:$null");
    CHECK_STR(keep(l, 0), "[a|b|2]");
    CHECK_STR(get(l, "Count"), "Int32:3");
    CHECK_STR(callv(l, "Remove", 1, val_int(2)), "null:$null"); /* void for ArrayList */
    CHECK_STR(callv(l, "IndexOf", 1, val_str("b")), "Int32:1");
    CHECK_STR(callv(l, "Contains", 1, val_str("B")), "Boolean:False"); /* Object.Equals */
    CHECK_STR(callv(l, "RemoveAt", 1, val_int(5)),
              "ERR:ArgumentOutOfRangeException:Exception calling \"RemoveAt\" with \"1\" "
              "argument(s): \"Index was out of range. Must be non-negative and less than the "
              "size of the collection. (Parameter 'index')\"");
    CHECK_STR(callv(l, "ToString", 0), "String:System.Collections.ArrayList");
    CHECK_STR(type_prop(l, "Name"), "ArrayList");
    CHECK_STR(type_prop(l, "FullName"), "System.Collections.ArrayList");
    CHECK_STR(get(l, "Length"), "Object[]:[1|1]"); /* no Length: enumerates [a, b] */
    CHECK(coll_is_list(l) && val_is_array(l));
    val_unref(l);
}

static void test_generic_list(void)
{
    Value l;
    CHECK_STR(scall("System.Collections.Generic.List[string]", "new", &l, 0), "List`1:[]");
    CHECK_STR(callv(l, "Add", 1, val_int(7)), "null:$null"); /* void, converted to String */
    CHECK_STR(keep(arr_peek(l, 0), 1), "String:7");
    CHECK_STR(callv(l, "AddRange", 1, strs(2, "b", "a")), "null:$null");
    CHECK_STR(callv(l, "Sort", 0), "null:$null");
    CHECK_STR(keep(l, 0), "[7|a|b]");
    CHECK_STR(callv(l, "Remove", 1, val_str("a")), "Boolean:True");
    CHECK_STR(callv(l, "Remove", 1, val_str("zz")), "Boolean:False");
    CHECK_STR(callv(l, "ToArray", 0), "String[]:[7|b]");
    CHECK_STR(callv(l, "ToString", 0), "String:System.Collections.Generic.List`1[System.String]");
    CHECK_STR(type_prop(l, "Name"), "List`1");
    CHECK_STR(type_prop(l, "FullName"),
              "System.Collections.Generic.List`1[[System.String, System.Private.CoreLib, "
              "Version=9.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e]]");
    CHECK_STR(get(l, "Length"), "Object[]:[1|1]");
    val_unref(l);

    CHECK_STR(scall("Collections.Generic.List[int]", "new", &l, 0), "List`1:[]");
    CHECK_STR(callv(l, "Add", 1, val_str("x")),
              "ERR:MethodArgumentConversionInvalidCastArgument:Cannot convert argument \"item\", "
              "with value: \"x\", for \"Add\" to type \"System.Int32\": \"Cannot convert value "
              "\"x\" to type \"System.Int32\". Error: \"The input string 'x' was not in a "
              "correct format.\"\"");
    CHECK_STR(callv(l, "Insert", 2, val_int(3), val_int(1)),
              "ERR:ArgumentOutOfRangeException:Exception calling \"Insert\" with \"2\" "
              "argument(s): \"Index must be within the bounds of the List. (Parameter "
              "'index')\"");
    val_unref(l);
}

static void test_convert(void)
{
    Value src = strs(3, "1", "2", "3"), out;
    const char *t = "System.Collections.Generic.List[int]";
    CHECK(coll_convert(src, t, strlen(t), &out, NULL) == 0);
    CHECK_STR(keep(arr_peek(out, 2), 1), "Int32:3");
    CHECK(coll_is_type(out, t, strlen(t)) == 1);
    CHECK(coll_is_type(out, "Collections.ArrayList", 21) == 0);
    CHECK(coll_is_type(out, "String", 6) == -1);
    val_unref(out);
    CHECK(coll_convert(src, "System.String", 13, &out, NULL) == 1); /* not ours */
    CHECK(coll_convert(val_null(), t, strlen(t), &out, NULL) == 0 && val_is_null(out));
    Value one = arr_from(&src, 1); /* New-Object ... -ArgumentList (,$src) */
    CHECK(coll_new_object("System.Collections.ArrayList", 28, one, &out));
    CHECK_STR(keep(out, 1), "ArrayList:[1|2|3]");
    val_unref(out), val_unref(one);
    CHECK(!coll_new_object("System.Collections.ArrayList", 28, src, &out)); /* no 3-arg ctor */
    val_unref(src);
}

static void test_array_statics(void)
{
    Value a = strs(3, "a", "b", "c");
    CHECK_STR(scall("array", "IndexOf", NULL, 2, val_ref(a), val_str("b")), "Int32:1");
    CHECK_STR(scall("System.Array", "IndexOf", NULL, 2, val_ref(a), val_str("B")), "Int32:-1");
    CHECK_STR(scall("Array", "Reverse", NULL, 1, val_ref(a)), "null:$null");
    CHECK_STR(keep(a, 0), "[c|b|a]");
    CHECK_STR(scall("Array", "Sort", NULL, 1, val_ref(a)), "null:$null");
    CHECK_STR(keep(a, 0), "[a|b|c]");
    CHECK_STR(scall("Array", "IndexOf", NULL, 2, val_null(), val_int(1)),
              "ERR:ArgumentNullException:Exception calling \"IndexOf\" with \"2\" argument(s): "
              "\"Value cannot be null. (Parameter 'array')\"");
    CHECK_STR(scall("Array", "Nope", NULL, 0),
              "ERR:MethodNotFound:Method invocation failed because [Array] does not contain a "
              "method named 'Nope'.");
    val_unref(a);
}

static void test_tuple(void)
{
    Value t, v;
    CHECK_STR(scall("Tuple", "Create", &t, 2, val_int(1), val_str("test")), "Tuple:(1, test)");
    CHECK(coll_tuple_at(t, -1, &v));
    CHECK_STR(keep(v, 1), "String:test");
    val_unref(v);
    CHECK(!coll_tuple_at(t, 2, &v));
    CHECK_STR(get(t, "Item1"), "Int32:1");
    CHECK_STR(type_prop(t, "Name"), "Tuple`2");
    val_unref(t);
}

static void test_dictionary(void)
{
    Value d;
    const char *t = "Collections.Generic.Dictionary[string, int]";
    CHECK_STR(scall(t, "new", &d, 0), "Dictionary`2:System.Collections.Generic.Dictionary`2"
                                      "[System.String,System.Int32]");
    CHECK_STR(callv(d, "Add", 2, val_str("a"), val_str("5")), "null:$null");
    Value k = val_str("a"), got;
    CHECK(ht_get(d, k, &got) && got.kind == VAL_INT32 && got.as.i == 5);
    val_unref(k);
    CHECK_STR(callv(d, "Add", 2, val_str("a"), val_int(1)),
              "ERR:ArgumentException:Exception calling \"Add\" with \"2\" argument(s): \"An item "
              "with the same key has already been added. Key: a\"");
    CHECK_STR(callv(d, "Remove", 1, val_str("zz")), "Boolean:False");
    CHECK_STR(get(d, "Count"), "Int32:1");
    CHECK_STR(type_prop(d, "Name"), "Dictionary`2");
    CHECK(coll_is_type(d, t, strlen(t)) == 1);
    val_unref(d);
}

static void test_ordered(void)
{
    Value h = ht_new(1), k, v;
    ht_set(h, k = val_str("a"), val_int(1)), val_unref(k);
    ht_set(h, k = val_str("c"), val_int(3)), val_unref(k);
    CHECK_STR(callv(h, "Insert", 3, val_int(1), val_str("b"), val_int(2)), "null:$null");
    CHECK_STR(get(h, "Keys"), "Object[]:[a|b|c]");
    Value got;
    k = val_str("c");
    CHECK(ht_get(h, k, &got) && got.as.i == 3); /* the index was rebuilt */
    val_unref(k);
    CHECK_STR(callv(h, "RemoveAt", 1, val_int(0)), "null:$null");
    CHECK_STR(get(h, "Keys"), "Object[]:[b|c]");
    CHECK_STR(callv(h, "Insert", 3, val_int(0), val_str("B"), val_int(0)),
              "ERR:ArgumentException:Exception calling \"Insert\" with \"3\" argument(s): \"An "
              "item with the same key has already been added.\"");
    val_unref(h);
    h = ht_new(0);
    CHECK_STR(callv(h, "Insert", 3, val_int(0), val_str("x"), val_int(0)),
              "ERR:MethodNotFound:Method invocation failed because "
              "[System.Collections.Hashtable] does not contain a method named 'Insert'.");
    ht_set(h, val_int(1), k = val_str("one")), val_unref(k);
    ht_set(h, k = val_str("Count"), v = val_str("key")), val_unref(k), val_unref(v);
    CHECK_STR(get(h, "1"), "String:one"); /* $h.1 */
    CHECK_STR(get(h, "Count"), "String:key");
    Value base;
    CHECK(member_get(&ctx, h, "psbase", 6, &base, NULL) == MEMBER_OK);
    CHECK_STR(get(base, "Count"), "Int32:2");
    CHECK_STR(get(base, "Keys"), "Object[]:[1|Count]");
    val_unref(base);
    val_unref(h);
}

static void test_psinfo(void)
{
    CHECK_STR(get(val_int(5), "pstypenames"),
              "List`1:[System.Int32|System.ValueType|System.Object]");
    Value s = val_str("x");
    CHECK_STR(get(s, "pstypenames"), "List`1:[System.String|System.Object]");
    val_unref(s);
    Value h = ht_new(1), k, v;
    ht_set(h, k = val_str("PSTypeName"), v = val_str("My.Type")), val_unref(k), val_unref(v);
    ht_set(h, k = val_str("b"), val_int(1)), val_unref(k);
    ht_set(h, k = val_str("a"), val_int(2)), val_unref(k);
    Value o = object_from_dict(h), info;
    CHECK(object_nprops(o) == 2);
    CHECK(member_get(&ctx, o, "psobject", 8, &info, NULL) == MEMBER_OK);
    CHECK_STR(get(info, "TypeNames"),
              "List`1:[My.Type|System.Management.Automation.PSCustomObject|System.Object]");
    Value props;
    CHECK(member_get(&ctx, info, "Properties", 10, &props, NULL) == MEMBER_OK);
    CHECK_STR(get(props, "Name"), "Object[]:[b|a]");
    CHECK_STR(get(props, "MemberType"), "Object[]:[NoteProperty|NoteProperty]");
    CHECK_STR(get(props, "Count"), "Int32:2");
    Value key = val_str("A"), pa;
    CHECK(psinfo_member_at(props, key, &pa)); /* Properties['A']: case-insensitive */
    CHECK_STR(get(pa, "Value"), "Int32:2");
    CHECK(val_class(pa)->set_prop(pa, "Value", 5, val_int(8))); /* writes through */
    CHECK_STR(get(o, "a"), "Int32:8");
    CHECK_STR(callv(props, "Remove", 1, val_str("b")), "null:$null");
    CHECK(object_nprops(o) == 1);
    val_unref(pa), val_unref(key), val_unref(props);
    CHECK_STR(get(info, "BaseObject"), "PSCustomObject:@{a=8}");
    Value copy;
    CHECK(member_call(&ctx, info, "Copy", 4, NULL, 0, &copy, NULL) == MEMBER_OK);
    CHECK(copy.as.o != o.as.o);
    object_set_prop(copy, "a", 1, val_int(9));
    CHECK_STR(get(o, "a"), "Int32:8"); /* the copy is independent */
    val_unref(copy), val_unref(info), val_unref(o), val_unref(h);
}

/* Member enumeration: custom objects without the property give $null, other items nothing. */
static void test_member_enum(void)
{
    Value a = arr_new(TY_OBJECT, 3), o = object_new_custom();
    object_set_prop(o, "n", 1, val_int(1));
    arr_push(a, o);
    arr_push_take(a, object_new_custom());
    arr_push_take(a, val_str("s"));
    CHECK_STR(get(a, "n"), "Object[]:[1|$null]");
    CHECK_STR(get(a, "Missing"), "Object[]:[$null|$null]");
    val_unref(o), val_unref(a);
    a = strs(2, "a", "b");
    CHECK_STR(get(a, "Missing"), "null:$null");
    val_unref(a);
}

static void test_hashset(void)
{
    Value h;
    CHECK_STR(scall("System.Collections.Generic.HashSet[string]", "new", &h, 0), "HashSet`1:[]");
    CHECK_STR(callv(h, "Add", 1, val_str("a")), "Boolean:True");
    CHECK_STR(callv(h, "Add", 1, val_str("a")), "Boolean:False");
    CHECK_STR(callv(h, "UnionWith", 1, strs(2, "b", "a")), "null:$null");
    CHECK_STR(keep(h, 0), "[a|b]");
    CHECK_STR(callv(h, "Remove", 1, val_str("a")), "Boolean:True");
    CHECK_STR(callv(h, "Contains", 1, val_str("b")), "Boolean:True");
    CHECK_STR(type_prop(h, "Name"), "HashSet`1");
    val_unref(h);
}

/* T[,]: row-major storage, Rank 2, GetLength, $a[i, j], the "Int32[,]" type name. */
static void test_rank2(void)
{
    Value a, idx = arr_new(TY_OBJECT, 2);
    CHECK_STR(scall("int[,]", "new", &a, 2, val_int(2), val_int(3)), "Int32[,]:[0|0|0|0|0|0]");
    CHECK_STR(get(a, "Rank"), "Int32:2");
    CHECK_STR(get(a, "Length"), "Int32:6");
    CHECK_STR(callv(a, "GetLength", 1, val_int(0)), "Int32:2");
    CHECK_STR(callv(a, "GetUpperBound", 1, val_int(1)), "Int32:2");
    CHECK_STR(type_prop(a, "FullName"), "System.Int32[,]");
    size_t at;
    arr_push_take(idx, val_int(1)), arr_push_take(idx, val_int(2));
    CHECK(arr_md_index(a, idx, &at) && at == 5);
    arr_set(idx, 1, val_int(3));
    CHECK(!arr_md_index(a, idx, &at)); /* out of range */
    CHECK(arr_rank(a) == 2 && arr_rank(idx) == 1 && arr_dim(a, 1) == 3);
    val_unref(a);
    arr_set(idx, 1, val_int(2)); /* New-Object 'System.String[,]' 1, 2 */
    arr_set(idx, 0, val_int(1));
    CHECK(coll_new_object("System.String[,]", 16, idx, &a));
    CHECK_STR(keep(a, 1), "String[,]:[$null|$null]");
    val_unref(a), val_unref(idx);
    CHECK_STR(scall("string[,]", "new", &a, 2, val_int(1), val_int(1)), "String[,]:[$null]");
    val_unref(a);
}

int main(void)
{
    test_arraylist();
    test_generic_list();
    test_convert();
    test_array_statics();
    test_tuple();
    test_dictionary();
    test_ordered();
    test_psinfo();
    test_member_enum();
    test_hashset();
    test_rank2();
    return check_done();
}
