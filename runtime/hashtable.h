/*
** hashtable: @{} (Hashtable) and [ordered]@{} (OrderedDictionary), one structure with two
** class names.  String keys compare case-insensitively (uc_fold); other keys compare like
** .NET Equals (same type and value: 1 and 1L are different keys).  Both keep insertion order,
** a documented improvement over pwsh's Hashtable, whose order is unspecified.  Lookup is O(1)
** (open addressing over an insertion-ordered entry array); removal is O(n).
*/
#ifndef PSM_RUNTIME_HASHTABLE_H
#define PSM_RUNTIME_HASHTABLE_H

#include "runtime/value.h"

extern const ObjClass cls_hashtable, cls_ordered, cls_dictionary;

Value ht_new(int ordered); /* empty; never fails */
/* An empty generic Dictionary[K,V] (same structure; its Add converts to K and V). */
Value ht_new_dict(TypeId ktype, TypeId vtype);
int ht_dict_types(Value h, TypeId *ktype, TypeId *vtype); /* 1 for a Dictionary[K,V] */
int ht_is(Value v); /* Hashtable, OrderedDictionary or Dictionary[K,V] */
size_t ht_count(Value h);
/* 1 and a new reference in *out when key is present, else 0 (and *out untouched). */
int ht_get(Value h, Value key, Value *out);
int ht_get_str(Value h, const char *key, size_t len, Value *out);
void ht_set(Value h, Value key, Value val); /* insert or replace; an existing key keeps its place */
int ht_add(Value h, Value key, Value val);  /* 0 (nothing stored) when key exists */
int ht_remove(Value h, Value key);          /* 1 when something was removed */
/* OrderedDictionary.Insert: the new entry at position i (i >= count appends); 0 when key
 * exists (nothing stored). */
int ht_insert_at(Value h, size_t i, Value key, Value val);
void ht_clear(Value h); /* removes every entry; the class stays */
/* 1 and the stored key equal to key (borrowed: it may differ in case) when present. */
int ht_key_peek(Value h, Value key, Value *stored);
/* Entry i in insertion order (i < ht_count), borrowed. */
void ht_entry_peek(Value h, size_t i, Value *key, Value *val);
Value ht_copy(Value h); /* shallow copy with the same class */
/* .NET Equals/GetHashCode for keys, also used by -contains style lookups. */
int ht_key_equal(Value a, Value b);
uint32_t ht_key_hash(Value k);
/* The dictionary's own properties (Count, Keys, Values, IsReadOnly ...), which keys of the
 * same name hide from $h.Name but not from $h.psbase.Name: 1 and a new reference. */
int ht_base_prop(Value h, const char *name, size_t len, Value *out);
/* $h.1: a member name of digits finds the Int32 key (after the string key). */
int ht_digit_key(Value h, const char *name, size_t len, Value *out);

#endif
