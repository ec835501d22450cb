/*
** fmt_view: the view registry (a small array searched in order; a handful of views exist,
** so a linear scan beats hashing) and the DictionaryEntry object kind.
*/
#include "runtime/fmt_view.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/convert.h"
#include "runtime/fmt_cell.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/members.h"

/* ======================================================================== DictionaryEntry */

typedef struct ObjEntry {
    Obj obj;
    Value key;
    Value val;
} ObjEntry;

static ObjEntry *as_entry(Value v)
{
    return (ObjEntry *)v.as.o;
}

static void entry_free(Obj *o)
{
    ObjEntry *e = (ObjEntry *)o;
    val_unref(e->key);
    val_unref(e->val);
}

/* Name (the alias PowerShell's type data adds), then Key and Value. */
static const char *const entry_props[] = {"Name", "Key", "Value"};

static Value entry_prop_value(Value self, size_t i)
{
    return i == 2 ? as_entry(self)->val : as_entry(self)->key;
}

static int entry_get(Value self, const char *name, size_t len, Value *out)
{
    for (size_t i = 0; i < 3; i++) {
        if (str_ieq_slice(name, len, entry_props[i])) {
            *out = val_ref(entry_prop_value(self, i));
            return 1;
        }
    }
    return 0;
}

static size_t entry_nprops(Value self)
{
    return 3;
}

static void entry_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = entry_props[i];
    *len = strlen(entry_props[i]);
    *val = entry_prop_value(self, i);
}

/* "[key, value]" as .NET's DictionaryEntry.ToString() (KeyValuePair style in .NET Core). */
static void entry_to_string(Value self, StrBuf *out)
{
    sb_putc(out, '[');
    convert_append_scalar(as_entry(self)->key, out);
    sb_puts(out, ", ");
    convert_append_scalar(as_entry(self)->val, out);
    sb_putc(out, ']');
}

const ObjClass cls_dictentry = {
    .name = "DictionaryEntry",
    .full_name = "System.Collections.DictionaryEntry",
    .type = TY_OTHER,
    .free = entry_free,
    .to_string = entry_to_string,
    .get_prop = entry_get,
    .nprops = entry_nprops,
    .prop_at = entry_prop_at,
};

Value dictentry_new(Value key, Value val)
{
    ObjEntry *e = (ObjEntry *)obj_alloc(&cls_dictentry, sizeof(ObjEntry));
    e->key = val_ref(key);
    e->val = val_ref(val);
    return val_obj_take(&e->obj);
}

Value dictentry_key(Value e)
{
    return as_entry(e)->key;
}

Value dictentry_value(Value e)
{
    return as_entry(e)->val;
}

/* ======================================================================== KeyValuePair */

/* What a generic Dictionary[K,V] enumerates into: properties Key and Value only (no Name
 * alias and no format view, so Out-Default makes its auto-sized "Key Value" table). */
static const char *const kvp_props[] = {"Key", "Value"};

static int kvp_get(Value self, const char *name, size_t len, Value *out)
{
    for (size_t i = 0; i < 2; i++)
        if (str_ieq_slice(name, len, kvp_props[i]))
            return *out = val_ref(i ? as_entry(self)->val : as_entry(self)->key), 1;
    return 0;
}

static size_t kvp_nprops(Value self)
{
    return 2;
}

static void kvp_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = kvp_props[i];
    *len = strlen(kvp_props[i]);
    *val = i ? as_entry(self)->val : as_entry(self)->key;
}

const ObjClass cls_kvpair = {
    .name = "KeyValuePair`2",
    .full_name = "System.Collections.Generic.KeyValuePair`2",
    .type = TY_OTHER,
    .free = entry_free,
    .to_string = entry_to_string,
    .get_prop = kvp_get,
    .nprops = kvp_nprops,
    .prop_at = kvp_prop_at,
};

Value dictentry_for(Value dict, Value key, Value val)
{
    TypeId k, v;
    if (!ht_dict_types(dict, &k, &v)) return dictentry_new(key, val);
    ObjEntry *e = (ObjEntry *)obj_alloc(&cls_kvpair, sizeof(ObjEntry));
    e->key = val_ref(key);
    e->val = val_ref(val);
    return val_obj_take(&e->obj);
}

/* ======================================================================== registry */

/* DotNetTypes.format.ps1xml: Name 30 wide, Value the rest of the line, both left. */
static const FmtColumn entry_table_cols[] = {
    {.label = "Name", .prop = "Name", .width = 30, .align = FMT_ALIGN_LEFT},
    {.label = "Value", .prop = "Value", .align = FMT_ALIGN_LEFT},
};
static const FmtColumn entry_list_cols[] = {
    {.label = "Name", .prop = "Name"},
    {.label = "Value", .prop = "Value"},
};
/* ---- System.TimeSpan: a list of its parts (DotNetTypes.format.ps1xml) ---- */

#define TS_MS   INT64_C(10000)
#define TS_SEC  (1000 * TS_MS)
#define TS_MIN  (60 * TS_SEC)
#define TS_HOUR (60 * TS_MIN)
#define TS_DAY  (24 * TS_HOUR)

/* ctx holds the divisor and the modulus of one part ("Hours": ticks / TS_HOUR % 24);
 * modulus 0 means none. */
typedef struct TsPart {
    int64_t div, mod;
} TsPart;

static Value ts_part(void *ctx, Value v)
{
    const TsPart *p = ctx;
    int64_t n = v.as.i / p->div;
    return val_int((int32_t)(p->mod ? n % p->mod : n));
}

static Value ts_ticks(void *ctx, Value v)
{
    return val_long(v.as.i);
}

static Value ts_total(void *ctx, Value v)
{
    return val_double((double)v.as.i / (double)*(const int64_t *)ctx);
}

static const TsPart ts_days = {TS_DAY, 0}, ts_hours = {TS_HOUR, 24}, ts_mins = {TS_MIN, 60},
                    ts_secs = {TS_SEC, 60}, ts_msecs = {TS_MS, 1000};
static const int64_t ts_per[] = {TS_DAY, TS_HOUR, TS_MIN, TS_SEC, TS_MS};

static const FmtColumn timespan_cols[] = {
    {.label = "Days", .get = ts_part, .get_ctx = (void *)&ts_days},
    {.label = "Hours", .get = ts_part, .get_ctx = (void *)&ts_hours},
    {.label = "Minutes", .get = ts_part, .get_ctx = (void *)&ts_mins},
    {.label = "Seconds", .get = ts_part, .get_ctx = (void *)&ts_secs},
    {.label = "Milliseconds", .get = ts_part, .get_ctx = (void *)&ts_msecs},
    {.label = "Ticks", .get = ts_ticks},
    {.label = "TotalDays", .get = ts_total, .get_ctx = (void *)&ts_per[0]},
    {.label = "TotalHours", .get = ts_total, .get_ctx = (void *)&ts_per[1]},
    {.label = "TotalMinutes", .get = ts_total, .get_ctx = (void *)&ts_per[2]},
    {.label = "TotalSeconds", .get = ts_total, .get_ctx = (void *)&ts_per[3]},
    {.label = "TotalMilliseconds", .get = ts_total, .get_ctx = (void *)&ts_per[4]},
};

static int is_timespan(Value v)
{
    return v.kind == VAL_TIMESPAN;
}

/* ---- System.DateTime: no list view in pwsh, so Format-List shows every property, in
 * .NET's declaration order, then the DateTime ScriptProperty of types.ps1xml ---- */
static Value dt_prop(void *ctx, Value v)
{
    const char *name = ctx;
    MemberCtx mc = {0};
    MemberError err;
    Value out;
    return member_get(&mc, v, name, strlen(name), &out, &err) == MEMBER_OK ? out : val_null();
}

#define DT_COL(n) {.label = n, .get = dt_prop, .get_ctx = (void *)n}
#define DT_COLS                                                                                    \
    DT_COL("Date"), DT_COL("Day"), DT_COL("DayOfWeek"), DT_COL("DayOfYear"), DT_COL("Hour"),       \
        DT_COL("Kind"), DT_COL("Millisecond"), DT_COL("Microsecond"), DT_COL("Nanosecond"),        \
        DT_COL("Minute"), DT_COL("Month"), DT_COL("Second"), DT_COL("Ticks"), DT_COL("TimeOfDay"), \
        DT_COL("Year"), DT_COL("DateTime")
static const FmtColumn datetime_cols[] = {DT_COLS};

static int is_datetime(Value v)
{
    return v.kind == VAL_DATETIME;
}

/* Get-Date's result: a DateTime wrapped with the DisplayHint note, which pwsh lists first. */
static const FmtColumn hinted_datetime_cols[] = {
    {.label = "DisplayHint", .get = dt_prop, .get_ctx = (void *)"DisplayHint"},
    DT_COLS,
};

static int is_hinted_datetime(Value v)
{
    return v.kind != VAL_DATETIME && fmtcell_display_hint(v) != NULL;
}

#undef DT_COLS
#undef DT_COL

static const FmtView builtin_views[] = {
    {.name = "DateTime",
     .type_name = "System.DateTime",
     .match = is_hinted_datetime,
     .match_notes = 1,
     .shape = FMT_LIST,
     .cols = hinted_datetime_cols,
     .ncols = sizeof hinted_datetime_cols / sizeof hinted_datetime_cols[0]},
    {.name = "DateTime",
     .type_name = "System.DateTime",
     .match = is_datetime,
     .shape = FMT_LIST,
     .cols = datetime_cols,
     .ncols = sizeof datetime_cols / sizeof datetime_cols[0]},
    {.name = "TimeSpan",
     .type_name = "System.TimeSpan",
     .match = is_timespan,
     .shape = FMT_LIST,
     .cols = timespan_cols,
     .ncols = 11,
     .plain_values = 1},
    {.name = "Dictionary",
     .type_name = "System.Collections.DictionaryEntry",
     .shape = FMT_TABLE,
     .cols = entry_table_cols,
     .ncols = 2,
     .plain_values = 1},
    {.name = "Dictionary",
     .type_name = "System.Collections.DictionaryEntry",
     .shape = FMT_LIST,
     .cols = entry_list_cols,
     .ncols = 2,
     .plain_values = 1},
    /* PowerShellCore_format_ps1xml.cs: a custom control showing $_.ToEmphasizedString($PWD),
     * which is ToString() ("path:line:text", context lines marked "> ") without VT output. */
    {.name = "MatchInfo",
     .type_name = "Microsoft.PowerShell.Commands.MatchInfo",
     .shape = FMT_CUSTOM},
};

/* The registered views: process-wide, like the type tables, because views are static data.
 * Families register from their one-time set-up, which may run on any thread while other
 * runspaces format: writers take the lock and append into fixed slots (nothing moves), then
 * publish the count; readers load the count and scan without a lock. */
#define MAX_VIEWS 64
static const FmtView *views[MAX_VIEWS];
static _Atomic size_t nviews;
static pthread_mutex_t views_lock = PTHREAD_MUTEX_INITIALIZER;

void fmt_view_register(const FmtView *view)
{
    pthread_mutex_lock(&views_lock);
    size_t n = atomic_load_explicit(&nviews, memory_order_relaxed);
    if (n == MAX_VIEWS) abort(); /* a build-time table grew past the slots: raise MAX_VIEWS */
    views[n] = view;
    atomic_store_explicit(&nviews, n + 1, memory_order_release);
    pthread_mutex_unlock(&views_lock);
}

int fmt_view_matches(const FmtView *view, Value v)
{
    if (view->match && view->match_notes) return view->match(v);
    v = val_base(v);
    if (view->match) return view->match(v);
    if (val_is_null(v) || !view->type_name) return 0;
    return str_icmp(view->type_name, val_type_fullname(v)) == 0 ||
           str_icmp(view->type_name, val_type_name(v)) == 0;
}

/* Does view fit: the shape (FMT_AUTO: any), the name when given, and the object. */
static int fits(const FmtView *view, Value v, FmtShape shape, const char *name)
{
    if (shape != FMT_AUTO && view->shape != shape) return 0;
    if (name && (!view->name || str_icmp(view->name, name) != 0)) return 0;
    return fmt_view_matches(view, v);
}

/* Registered views in order, then the built-ins: the first view for a type is its default,
 * later ones are alternates picked by name (as in format.ps1xml). */
static const FmtView *search(Value v, FmtShape shape, const char *name)
{
    size_t n = atomic_load_explicit(&nviews, memory_order_acquire);
    for (size_t i = 0; i < n; i++)
        if (fits(views[i], v, shape, name)) return views[i];
    size_t nb = sizeof(builtin_views) / sizeof(builtin_views[0]);
    for (size_t i = 0; i < nb; i++)
        if (fits(&builtin_views[i], v, shape, name)) return &builtin_views[i];
    return NULL;
}

static const FmtView *find_shape(Value v, FmtShape shape)
{
    return search(v, shape, NULL);
}

const FmtView *fmt_view_find_named(Value v, FmtShape shape, const char *name)
{
    return search(v, shape, name);
}

const FmtView *fmt_view_find(Value v, FmtShape shape)
{
    if (shape != FMT_AUTO) return find_shape(v, shape);
    static const FmtShape order[] = {FMT_TABLE, FMT_LIST, FMT_WIDE, FMT_CUSTOM};
    for (size_t i = 0; i < 4; i++) {
        const FmtView *view = find_shape(v, order[i]);
        if (view) return view;
    }
    return NULL;
}
