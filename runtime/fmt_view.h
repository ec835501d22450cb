/*
** fmt_view: formatting views as data.  A view maps a type name to a shape (table, list, wide)
** and a column list; modules register theirs at start-up (jobs, processes, files, error
** records ...) and the formatter looks them up by the object's type.  Built in: the
** DictionaryEntry table (Name 30 wide, Value taking the rest of the line) and list views, the
** TimeSpan list (Days ... TotalMilliseconds) and the DateTime list (Format-List only).
** Also home of DictionaryEntry itself, the item a hashtable enumerates into for display, and
** of KeyValuePair, what a generic Dictionary[K,V] enumerates into (no view: "Key Value").
*/
#ifndef PSM_RUNTIME_FMT_VIEW_H
#define PSM_RUNTIME_FMT_VIEW_H

#include <stddef.h>

#include "runtime/value.h"

typedef enum FmtShape {
    FMT_AUTO,  /* Out-Default: a registered view, else table (<= 4 properties) or list */
    FMT_TABLE, /* Format-Table */
    FMT_LIST,  /* Format-List */
    FMT_WIDE,  /* Format-Wide */
    FMT_CUSTOM /* a custom control: each object's ToString lines (MatchInfo) */
} FmtShape;

typedef enum FmtAlign {
    FMT_ALIGN_AUTO, /* from the first object's value: numbers, bool, char right; rest left */
    FMT_ALIGN_LEFT,
    FMT_ALIGN_CENTER,
    FMT_ALIGN_RIGHT
} FmtAlign;

/* A calculated column's value for obj (borrowed): a new reference, $null on failure. */
typedef Value (*FmtGetFn)(void *ctx, Value obj);

/* One column of a view, or of an explicit -Property list.  Strings are borrowed: they must
 * outlive every formatter using the column (static data for views). */
typedef struct FmtColumn {
    const char *label;  /* header text; NULL: the property name */
    const char *prop;   /* property to read; may hold wildcards ("*": all); NULL when get set */
    FmtGetFn get;       /* calculated value; NULL: read prop */
    void *get_ctx;      /* passed to get */
    int width;          /* fixed width; 0: computed (in a view: shares the rest of the line) */
    FmtAlign align;     /* FMT_ALIGN_AUTO: from the first value */
    const char *format; /* .NET FormatString applied to numbers ("N2"); NULL: none */
} FmtColumn;

typedef struct FmtView {
    const char *name;      /* view name, e.g. "Job" */
    const char *type_name; /* GetType().FullName or .Name it applies to (case-insensitive) */
    int (*match)(Value v); /* optional test instead of type_name (type families); NULL: none */
    FmtShape shape;        /* FMT_TABLE, FMT_LIST, FMT_WIDE or FMT_CUSTOM (no columns) */
    const FmtColumn *cols; /* borrowed; static data */
    size_t ncols;
    int plain_values; /* 1: cells use plain ToString (no "F" doubles), as the hashtable view */
    /* The view's GroupBy (used when no -GroupBy is given), NULL: none.  Its header line is
     * group_indent spaces, the label, ": " and the value; group_indent 0 means 3, the
     * "   {0}: " of an auto-generated group label (the FileSystem views use 4). */
    const FmtColumn *group_by;
    int group_indent;
    int match_notes; /* match sees the object with its note properties, not its base */
} FmtView;

/* Register a view (kept by pointer: static storage).  For a given type and shape the first
 * registered view is the default and later ones are alternates chosen by name (-View);
 * registered views win over the built-ins.  Not thread-safe: register at start-up.  Cannot
 * fail. */
void fmt_view_register(const FmtView *view);
/* The view for v in that shape (FMT_AUTO: any shape, table first), or NULL.  Sees through
 * PSObject wrappers.  Cannot fail. */
const FmtView *fmt_view_find(Value v, FmtShape shape);
/* The view named name (case-insensitive) that applies to v in that shape (FMT_AUTO: any),
 * or NULL: Format-Table -View. */
const FmtView *fmt_view_find_named(Value v, FmtShape shape, const char *name);
/* 1 when the view applies to v. */
int fmt_view_matches(const FmtView *view, Value v);

/* ---- System.Collections.DictionaryEntry (properties Name, Key, Value; "[k, v]") ---- */
extern const ObjClass cls_dictentry;
Value dictentry_new(Value key, Value val); /* stores new references; never fails */
Value dictentry_key(Value e);              /* borrowed */
Value dictentry_value(Value e);            /* borrowed */
/* ---- System.Collections.Generic.KeyValuePair`2 (properties Key, Value; "[k, v]") ---- */
extern const ObjClass cls_kvpair;
/* The entry dict enumerates into: a KeyValuePair for a generic Dictionary[K,V], else a
 * DictionaryEntry (Hashtable, OrderedDictionary).  New reference; never fails. */
Value dictentry_for(Value dict, Value key, Value val);

#endif
