/*
** sortkey: the property keys shared by the object cmdlets (Sort-Object, Group-Object,
** Select-Object, Measure-Object, Compare-Object): a key is a property name (maybe a wildcard),
** a script block run with $_ set, or a calculated-property hashtable
** @{Name/Label=..; Expression=..; Descending=..}.  Plus the one value ordering they all use.
*/
#ifndef PSM_CMDLETS_SORTKEY_H
#define PSM_CMDLETS_SORTKEY_H

#include "runtime/interp.h"
#include "runtime/value.h"

typedef struct SortKey {
    Value expr;   /* String (property name) or ScriptBlock, owned */
    Value name;   /* output name (String) or $null: derived from expr, owned */
    int desc;     /* -1: not given; 0 ascending; 1 descending (hashtable Descending/Ascending) */
    int wildcard; /* expr is a string holding wildcard characters */
} SortKey;

/* Parse one -Property element into *k.  Returns 0, or -1 with *msg (static text) naming the
 * problem (an unknown or missing hashtable key).  On failure *k holds nothing to free. */
int sortkey_parse(Value spec, SortKey *k, const char **msg);
void sortkey_free(SortKey *k);
/* The key's display name: the Name/Label, the property name, or the script block's text
 * (borrowed, valid as long as k). */
const char *sortkey_name(const SortKey *k);

/* Evaluate the key on obj: *out a new reference ($null when the property is missing).
 * *found (may be NULL) says whether the property exists.  ST_THROW from a script block. */
Status sortkey_eval(Interp *I, const SortKey *k, Value obj, Value *out, int *found);

/* Read property name of obj (hashtable keys included): 1 and a new reference when present,
 * else 0 and $null.  Errors from getters are swallowed (as pwsh's property reads do). */
int sortkey_prop(Interp *I, Value obj, const char *name, size_t len, Value *out);

/* The ordering of Sort-Object: $null first, then numbers/strings/dates by convert_compare,
 * falling back to the string forms when the values are not comparable.  Cannot fail. */
int sortkey_compare(Value a, Value b, int cs);

#endif
