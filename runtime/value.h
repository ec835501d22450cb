/*
** value: the run-time Value, a 16-byte tagged union passed by value.
**
** OWNERSHIP: arguments are borrowed; a returned Value is a new reference; storing one takes
** val_ref; every owned Value gets one val_unref; a function that consumes an argument is named
** *_take (and a *_peek accessor returns a borrowed view, valid until its container changes).
**
** Scalars (null, AutomationNull, bool, char, every integer width, Single, Double, DateTime,
** TimeSpan) live inline.  Everything else points to a refcounted Obj whose ObjClass names the
** pwsh type and carries hooks, so other modules (jobs, regex, errors) define their own object
** kinds without touching a central enum: embed Obj first, define a `const ObjClass` with
** designated initializers (unused hooks stay NULL, type = TY_OTHER), allocate with obj_alloc.
** Cycles leak (a hashtable holding itself is rare in scripts, and LSan stays precise for
** everything else).
**
** THREADS: an object is reachable from one thread only, unless it is marked shared.  A value
** handed to a thread job ($using:, -ArgumentList, -InputObject) is marked with val_share first,
** as are [hashtable]::Synchronized and [System.Collections.ArrayList]::Synchronized results, so
** reference types are the same object in the caller and the job, as in pwsh.  The mark is set by
** the one thread that can reach the object, before it is published, and never cleared; it
** spreads to everything the object holds (the class's share hook), and a shared container marks
** whatever is later stored into it, so a shared object never holds an unshared one.  Shared
** objects count references atomically (unshared ones keep plain increments: one predictable
** branch).  Their mutable state (hashtable and dictionary entries, array and list items,
** PSCustomObject properties, which live in a hashtable, and the value of a variable that a [ref]
** or PSVariable reaches) is touched only under obj_lock, one recursive process-wide lock:
** critical sections are a few hundred instructions, and one lock cannot deadlock when an
** operation on one shared object reads another (a key's Equals).  A *_peek of a shared container
** returns a value kept alive by the reading thread (val_keep) until the statement that read it
** ends, so a borrowed view stays valid while another thread replaces it.  Two threads writing
** one plain @{} may lose updates, as in .NET, but never corrupt memory.  Other object kinds do
** not change once made, so atomic counts are all they need; a kind without a share hook has what
** it holds marked through its properties (nprops/prop_at).  A script member (ScriptProperty,
** ScriptMethod) of a shared object yields $null instead of running (runtime/object.c).  Two kinds
** with mutable state of their own guard it themselves: a StringBuilder under obj_lock when
** shared, and a compiled [regex] by taking its spare match buffer atomically (runtime/regex.c).
**
** Decisions: Decimal is a heap object (96-bit mantissa + scale does not fit beside the tag);
** so is BigInteger ([bigint], the 'n' suffix: runtime/bigint.h); enums, Version and Regex
** objects live in runtime/enums.h and runtime/nettypes.h; a Char is one UTF-16 code unit;
** Single is kept as a double rounded to float precision; strings are UTF-8 (see val_str_len16
** for .Length).  Struct Obj is visible (not opaque) only so other modules can embed it.
*/
#ifndef PSM_RUNTIME_VALUE_H
#define PSM_RUNTIME_VALUE_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/strbuf.h"

/* Inline kinds.  VAL_OBJ means as.o points to a heap object. */
typedef enum ValKind {
    VAL_NULL,     /* $null */
    VAL_AUTONULL, /* AutomationNull: "nothing" (a command that wrote no output) */
    VAL_BOOL,     /* as.b: 0 or 1 */
    VAL_CHAR,     /* as.u: one UTF-16 code unit (System.Char) */
    VAL_SBYTE,    /* as.i */
    VAL_BYTE,     /* as.u */
    VAL_INT16,    /* as.i */
    VAL_UINT16,   /* as.u */
    VAL_INT32,    /* as.i */
    VAL_UINT32,   /* as.u */
    VAL_INT64,    /* as.i */
    VAL_UINT64,   /* as.u */
    VAL_SINGLE,   /* as.d holds the float value (stored as double, rounded to float) */
    VAL_DOUBLE,   /* as.d */
    VAL_DATETIME, /* as.i: .NET ticks (100 ns since 0001-01-01); aux: DateTimeKind 0/1/2 */
    VAL_TIMESPAN, /* as.i: ticks */
    VAL_OBJ       /* as.o */
} ValKind;

typedef struct Obj Obj;
typedef struct ObjClass ObjClass;

typedef struct Value {
    uint8_t kind; /* ValKind */
    uint8_t aux;  /* VAL_DATETIME: Unspecified 0, Utc 1, Local 2; otherwise 0 */
    union {
        int b;
        int64_t i;
        uint64_t u;
        double d;
        Obj *o;
    } as;
} Value;

/* Every heap object starts with this header.  Modules defining their own kinds embed it as
 * the first member and allocate with obj_alloc. */
struct Obj {
    const ObjClass *cls; /* type name, free function, hooks */
    uint32_t rc;         /* reference count (atomic once shared) */
    uint8_t shared;      /* reachable from several threads (see THREADS above) */
    uint8_t synced;      /* made by a Synchronized() factory: IsSynchronized is True */
};

/*
** The .NET types psmini knows by id: X(id, Name, FullName, accelerator).  Used for type
** literals ([int]), casts, -is/-as, typed arrays (element type) and GetType().  Accelerators
** and both names are accepted by type_lookup, case-insensitively.
*/
#define TYPE_IDS(X)                                                                                \
    X(TY_OBJECT, "Object", "System.Object", "object")                                              \
    X(TY_BOOL, "Boolean", "System.Boolean", "bool")                                                \
    X(TY_CHAR, "Char", "System.Char", "char")                                                      \
    X(TY_SBYTE, "SByte", "System.SByte", "sbyte")                                                  \
    X(TY_BYTE, "Byte", "System.Byte", "byte")                                                      \
    X(TY_INT16, "Int16", "System.Int16", "short")                                                  \
    X(TY_UINT16, "UInt16", "System.UInt16", "ushort")                                              \
    X(TY_INT32, "Int32", "System.Int32", "int")                                                    \
    X(TY_UINT32, "UInt32", "System.UInt32", "uint")                                                \
    X(TY_INT64, "Int64", "System.Int64", "long")                                                   \
    X(TY_UINT64, "UInt64", "System.UInt64", "ulong")                                               \
    X(TY_SINGLE, "Single", "System.Single", "float")                                               \
    X(TY_DOUBLE, "Double", "System.Double", "double")                                              \
    X(TY_DECIMAL, "Decimal", "System.Decimal", "decimal")                                          \
    X(TY_STRING, "String", "System.String", "string")                                              \
    X(TY_DATETIME, "DateTime", "System.DateTime", "datetime")                                      \
    X(TY_TIMESPAN, "TimeSpan", "System.TimeSpan", "timespan")                                      \
    X(TY_ARRAY, "Array", "System.Array", "array")                                                  \
    X(TY_HASHTABLE, "Hashtable", "System.Collections.Hashtable", "hashtable")                      \
    X(TY_ORDERED, "OrderedDictionary", "System.Collections.Specialized.OrderedDictionary",         \
      "ordered")                                                                                   \
    X(TY_PSCUSTOMOBJECT, "PSCustomObject", "System.Management.Automation.PSCustomObject",          \
      "pscustomobject")                                                                            \
    X(TY_PSOBJECT, "PSObject", "System.Management.Automation.PSObject", "psobject")                \
    X(TY_SCRIPTBLOCK, "ScriptBlock", "System.Management.Automation.ScriptBlock", "scriptblock")    \
    X(TY_TYPE, "Type", "System.Type", "type")                                                      \
    X(TY_SWITCH, "SwitchParameter", "System.Management.Automation.SwitchParameter", "switch")      \
    X(TY_VOID, "Void", "System.Void", "void")                                                      \
    X(TY_NULL, "Null", "System.Management.Automation.Internal.AutomationNull", "")                 \
    X(TY_OTHER, "Object", "System.Object", "")

#define X_TYENUM(id, name, full, acc) id,
typedef enum TypeId { TYPE_IDS(X_TYENUM) TY__COUNT } TypeId;
#undef X_TYENUM

/* Class flags. */
enum {
    CLS_ENUMERABLE = 1 << 0, /* the pipeline and foreach enumerate it (arrays) */
    CLS_DICTIONARY = 1 << 1, /* hashtable-like: $h.key reads a key */
    CLS_STRING = 1 << 2,     /* the built-in String */
    CLS_LIST = 1 << 3,       /* a resizable array-layout collection: ArrayList, List`1 ... */
};

/*
** A heap object kind.  All hooks are optional (NULL).  get_prop returns 1 and a new reference
** in *out when the object has the property; set_prop returns 0 when it cannot be set, and -1
** when the property is the value of a ReadOnly or Constant variable (a [ref], a PSVariable).
** prop_at enumerates properties in display order (borrowed name and value).
*/
struct ObjClass {
    const char *name;      /* GetType().Name, e.g. "Int32[]", "Hashtable" */
    const char *full_name; /* GetType().FullName, e.g. "System.Collections.Hashtable" */
    TypeId type;           /* the id for -is/casts; TY_OTHER for kinds from other modules */
    unsigned flags;        /* CLS_* */
    void (*free)(Obj *o);  /* release what o owns (not o itself); NULL when nothing */
    void (*to_string)(Value self, StrBuf *out); /* NULL: full_name */
    int (*get_prop)(Value self, const char *name, size_t len, Value *out);
    int (*set_prop)(Value self, const char *name, size_t len, Value v);
    size_t (*nprops)(Value self);
    void (*prop_at)(Value self, size_t i, const char **name, size_t *len, Value *val);
    int (*equals)(Value self, Value other); /* NULL: reference identity */
    void (*share)(Obj *o); /* val_share each value o holds (NULL: see THREADS above) */
};

/* ---- inline constructors (cannot fail) ---- */
static inline Value val_make(ValKind k)
{
    Value v;
    v.kind = (uint8_t)k;
    v.aux = 0;
    v.as.u = 0;
    return v;
}
static inline Value val_null(void)
{
    return val_make(VAL_NULL);
}
static inline Value val_autonull(void)
{
    return val_make(VAL_AUTONULL);
}
static inline Value val_bool(int b)
{
    Value v = val_make(VAL_BOOL);
    v.as.b = b != 0;
    return v;
}
static inline Value val_int(int32_t i)
{
    Value v = val_make(VAL_INT32);
    v.as.i = i;
    return v;
}
static inline Value val_long(int64_t i)
{
    Value v = val_make(VAL_INT64);
    v.as.i = i;
    return v;
}
static inline Value val_ulong(uint64_t u)
{
    Value v = val_make(VAL_UINT64);
    v.as.u = u;
    return v;
}
static inline Value val_double(double d)
{
    Value v = val_make(VAL_DOUBLE);
    v.as.d = d;
    return v;
}
static inline Value val_char(uint32_t unit)
{
    Value v = val_make(VAL_CHAR);
    v.as.u = unit & 0xFFFF;
    return v;
}
static inline Value val_datetime(int64_t ticks, int kind)
{
    Value v = val_make(VAL_DATETIME);
    v.as.i = ticks;
    v.aux = (uint8_t)kind;
    return v;
}
static inline Value val_timespan(int64_t ticks)
{
    Value v = val_make(VAL_TIMESPAN);
    v.as.i = ticks;
    return v;
}
/* Any integer kind (VAL_SBYTE..VAL_UINT64) from a value the caller knows fits. */
Value val_integer(ValKind k, int64_t i);
Value val_single(float f);

/* ---- references ---- */
static inline Value val_ref(Value v)
{
    if (v.kind != VAL_OBJ) return v;
    if (v.as.o->shared)
        __atomic_fetch_add(&v.as.o->rc, 1, __ATOMIC_RELAXED);
    else
        v.as.o->rc++;
    return v;
}
void val_unref(Value v); /* frees the object at zero; scalars: no-op */

/* ---- sharing between threads (see THREADS above) ---- */
/* Mark v and everything it holds shared.  Call it on the thread that owns v, before v
 * becomes reachable from another thread.  Scalars: no-op. */
void val_share(Value v);
/* Mark o alone, whatever it holds: for kinds that guard their own contents with a lock of
 * their own (jobs, under their table's lock). */
void obj_share_self(Obj *o);
static inline int val_is_shared(Value v)
{
    return v.kind == VAL_OBJ && v.as.o->shared;
}
/* [hashtable]::Synchronized(v), [System.Collections.ArrayList]::Synchronized(v): v itself
 * (a new reference), shared and reporting IsSynchronized True.  pwsh returns a wrapper whose
 * every call takes the table's lock; a shared object already behaves so, and the caller's
 * original reference then reports IsSynchronized True as well (a harmless difference). */
Value val_synchronize(Value v);
int val_is_synchronized(Value v);
/* The lock of shared objects (recursive).  Unshared objects need none: these do nothing. */
void obj_lock_shared(void);
void obj_unlock_shared(void);
static inline void obj_lock(const Obj *o)
{
    if (o->shared) obj_lock_shared();
}
static inline void obj_unlock(const Obj *o)
{
    if (o->shared) obj_unlock_shared();
}
/* Keep a borrowed value of a shared container alive on this thread until the statement that
 * read it ends (val_keep_release); returns v.  Unshared values are returned as they are. */
Value val_keep(Value v);
/* The evaluator brackets each statement: mark before, release after (this thread only). */
typedef struct ValKeep {
    Value *items;
    size_t len, cap;
} ValKeep;
extern _Thread_local ValKeep val_kept; /* per thread, like the stack it mirrors */
void val_keep_drain(size_t mark);
static inline size_t val_keep_mark(void)
{
    return val_kept.len;
}
static inline void val_keep_release(size_t mark)
{
    if (val_kept.len > mark) val_keep_drain(mark);
}
/* The current reference count (atomic read for shared objects). */
uint32_t obj_refcount(const Obj *o);

/* A fresh object of cls with refcount 1; size includes the Obj header; zeroed.  Never NULL. */
Obj *obj_alloc(const ObjClass *cls, size_t size);
static inline Value val_obj_take(Obj *o) /* wraps o, taking its reference */
{
    Value v = val_make(VAL_OBJ);
    v.as.o = o;
    return v;
}

/* ---- inspection (cannot fail) ---- */
static inline int val_is_null(Value v) /* $null or AutomationNull */
{
    return v.kind == VAL_NULL || v.kind == VAL_AUTONULL;
}
const ObjClass *val_class(Value v);       /* NULL for inline kinds */
int val_is(Value v, const ObjClass *cls); /* heap object of exactly that class */
int val_is_integer(Value v);              /* SByte..UInt64 */
int val_is_number(Value v);               /* integers, Single, Double, Decimal */
int val_is_str(Value v);
int val_is_array(Value v);              /* any Array class (object[] or typed) */
TypeId val_type_id(Value v);            /* of v itself (no unwrapping); TY_OTHER: foreign */
const char *val_type_name(Value v);     /* GetType().Name of val_base(v); "" for $null */
const char *val_type_fullname(Value v); /* GetType().FullName */
/* Same object, or equal scalars of the same kind (reference equality for objects). */
int val_identical(Value a, Value b);
/* Unwrap a PSObject note-property wrapper: the base value (borrowed); v itself otherwise. */
Value val_base(Value v);
/* Property lookup through the class hook, seeing through PSObject wrappers.  Returns 1 and a
 * new reference in *out when found. */
int val_get_prop(Value v, const char *name, size_t len, Value *out);

/* ---- type table ---- */
const char *type_name(TypeId t);     /* "Int32" */
const char *type_fullname(TypeId t); /* "System.Int32" */
/* Look up a type literal's text ("int", "System.Int32", "Int32", "string[]" is NOT handled
 * here: strip "[]" first).  Case-insensitive.  TY_OTHER when unknown. */
TypeId type_lookup(const char *name, size_t len);
ValKind type_val_kind(TypeId t); /* inline kind for scalar ids, VAL_OBJ otherwise */

/* ---- strings (class cls_string) ---- */
extern const ObjClass cls_string;
Value val_str(const char *s);               /* copies a C string */
Value val_str_n(const char *s, size_t len); /* copies len bytes (may hold NULs) */
Value val_str_take_sb(StrBuf *sb);          /* consumes sb's text (sb is freed and reset) */
Value val_str_cat(Value a, Value b);        /* both must be strings */
Value val_str_empty(void);                  /* "" */
const char *val_str_data(Value s);          /* NUL-terminated UTF-8, borrowed from s */
size_t val_str_len(Value s);                /* bytes */
/* .Length as pwsh reports it: UTF-16 code units (a code point above U+FFFF counts 2; invalid
 * UTF-8 bytes count 1 each).  Computed on first use and cached. */
size_t val_str_len16(Value s);
/* The UTF-16 code unit at index i ($s[i]): 1 and *unit, or 0 when i >= val_str_len16.  A code
 * point above U+FFFF yields its high then its low surrogate.  O(i). */
int val_str_unit_at(Value s, size_t i, uint32_t *unit);

/* Case folding shared by hashtables and comparisons: ASCII, Latin-1, Latin Extended-A,
 * Greek and Cyrillic basic letters (an approximation of .NET's invariant ToLower). */
uint32_t uc_fold(uint32_t cp);
/* Decode one UTF-8 code point at s (len > 0); sets *n to the bytes used (1 for bad bytes,
 * which decode as themselves). */
uint32_t utf8_decode(const char *s, size_t len, size_t *n);

#endif
