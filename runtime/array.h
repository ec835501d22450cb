/*
** array: .NET arrays, object[] and typed arrays (Int32[], String[] ...).  One ObjClass per
** element type, so GetType().Name is "Int32[]".  The array stores Values; a typed array relies
** on its writers to convert elements first (convert_to does), and arr_* never convert.
** Unlike .NET arrays these can grow (arr_push), which builders use; scripts see fixed arrays
** because '+' always makes a new one.
*/
#ifndef PSM_RUNTIME_ARRAY_H
#define PSM_RUNTIME_ARRAY_H

#include "runtime/value.h"

const ObjClass *arr_class(TypeId elem);       /* the class of elem[] (TY_OBJECT: Object[]) */
Value arr_new(TypeId elem, size_t cap);       /* empty array with room for cap; never fails */
Value arr_from(const Value *items, size_t n); /* object[] holding new refs to items */
size_t arr_len(Value a);
TypeId arr_elem_type(Value a);
Value arr_peek(Value a, size_t i);           /* borrowed; i < arr_len */
Value arr_get(Value a, size_t i);            /* new reference; $null when out of range */
void arr_push(Value a, Value v);             /* appends a new reference to v */
void arr_push_take(Value a, Value v);        /* appends, consuming v */
void arr_set(Value a, size_t i, Value v);    /* i < arr_len; stores a new ref, releases the old */
Value arr_concat(Value a, Value b);          /* new object[]: a's items then b's (or b itself) */
void arr_insert(Value a, size_t i, Value v); /* stores a new ref at i (i > len: appends) */
void arr_truncate(Value a, size_t n);        /* drops the items from n on */
void arr_remove_at(Value a, size_t i);       /* i >= len: nothing */
void arr_reverse(Value a);                   /* in place */
/* Collection kinds that share the array layout (ArrayList, List`1 ...; see collections.h):
 * a new empty one of class cls, whose free hook must be arr_free. */
Value arr_new_as(const ObjClass *cls, TypeId elem, size_t cap);
void arr_free(Obj *o);
void arr_share(Obj *o); /* the share hook of array-layout classes (value.h) */

/* Rank-2 arrays T[,] (class "Int32[,]"): items are stored row-major, so enumeration and '+'
 * see them flattened, as in pwsh.  arr_new_2d fills every element with fill. */
Value arr_new_2d(TypeId elem, size_t rows, size_t cols, Value fill);
int arr_rank(Value a);          /* 2 for T[,]; 1 for other arrays (and non-arrays) */
size_t arr_dim(Value a, int d); /* GetLength(d); 0 for a dimension it does not have */
/* $a[i, j]: 1 and the row-major position in *at when idx is two integers in range. */
int arr_md_index(Value a, Value idx, size_t *at);

#endif
