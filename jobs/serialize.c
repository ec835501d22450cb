/*
** serialize: Values to and from the tagged binary form described in serialize.h.  The encoder
** writes straight into the StrBuf (one reserve per item) because job output is dominated by
** small scalars; the decoder checks every length against the bytes that remain before it
** allocates, and bounds nesting with SER_MAX_NEST.
*/
#include "jobs/serialize.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/decimal.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/scriptblock.h"

/* Tags; ORDER MATTERS: the numbers are the wire format. */
enum {
    T_NULL,
    T_AUTONULL,
    T_FALSE,
    T_TRUE,
    T_CHAR,
    T_SBYTE,
    T_BYTE,
    T_INT16,
    T_UINT16,
    T_INT32,
    T_UINT32,
    T_INT64,
    T_UINT64,
    T_SINGLE,
    T_DOUBLE,
    T_DECIMAL,
    T_STRING,
    T_DATETIME,
    T_TIMESPAN,
    T_ARRAY,
    T_HASHTABLE,
    T_ORDERED,
    T_CUSTOM,
    T_WRAPPED,
    T_BAG,
    T__COUNT
};

#define DESER_PREFIX "Deserialized."

/* ======================== encoding ======================== */

/* Room for n more bytes; the caller writes them at out->buf + out->len and bumps len. */
static uint8_t *room(StrBuf *out, size_t n)
{
    if (out->len + n + 1 > out->cap) {
        size_t cap = out->cap ? out->cap : 64;
        while (cap < out->len + n + 1)
            cap *= 2;
        out->buf = xrealloc(out->buf, cap);
        out->cap = cap;
    }
    return (uint8_t *)out->buf + out->len;
}

/* LEB128: 7 bits per byte, low bits first, the high bit set on every byte but the last.
 * Returns the bytes written (1..10); p must have room for 10. */
static size_t uv_at(uint8_t *p, uint64_t u)
{
    size_t n = 0;
    while (u >= 0x80) {
        p[n++] = (uint8_t)(u | 0x80);
        u >>= 7;
    }
    p[n++] = (uint8_t)u;
    return n;
}

/* Zigzag keeps small negative numbers short: 0,-1,1,-2 -> 0,1,2,3. */
static uint64_t zigzag(int64_t i)
{
    return ((uint64_t)i << 1) ^ (uint64_t)(i >> 63);
}

/* Commit n bytes written after room() and keep the StrBuf NUL-terminated. */
static void finish(StrBuf *out, size_t n)
{
    out->len += n;
    out->buf[out->len] = '\0';
}

void ser_put_uv(StrBuf *out, uint64_t u)
{
    finish(out, uv_at(room(out, 10), u));
}

void ser_put_sv(StrBuf *out, int64_t i)
{
    ser_put_uv(out, zigzag(i));
}

static void put_byte(StrBuf *out, uint8_t b)
{
    *room(out, 1) = b;
    finish(out, 1);
}

/* Tag + unsigned varint in one reserve: the hot path for integers. */
static void put_tag_uv(StrBuf *out, uint8_t tag, uint64_t u)
{
    uint8_t *p = room(out, 11);
    p[0] = tag;
    finish(out, 1 + uv_at(p + 1, u));
}

void ser_put_str(StrBuf *out, const char *s, size_t len)
{
    ser_put_uv(out, len);
    if (len) {
        memcpy(room(out, len), s, len);
        finish(out, len);
    }
}

/* n bytes little-endian, independent of the host's byte order. */
static void put_fixed(StrBuf *out, uint64_t bits, size_t n)
{
    uint8_t *p = room(out, n);
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(bits >> (8 * i));
    finish(out, n);
}

/* Floats travel as their bits so NaN payloads, -0.0 and infinities survive exactly. */
static void put_double(StrBuf *out, uint8_t tag, double d)
{
    put_byte(out, tag);
    if (tag == T_SINGLE) {
        float f = (float)d;
        uint32_t bits;
        memcpy(&bits, &f, 4);
        put_fixed(out, bits, 4);
    } else {
        uint64_t bits;
        memcpy(&bits, &d, 8);
        put_fixed(out, bits, 8);
    }
}

/* Inline kinds: tag and how the payload is written (0 none, 1 unsigned, 2 signed). */
static const struct {
    uint8_t tag, form;
} scalar_tags[] = {
    [VAL_NULL] = {T_NULL, 0},         [VAL_AUTONULL] = {T_AUTONULL, 0},
    [VAL_BOOL] = {T_FALSE, 0},        [VAL_CHAR] = {T_CHAR, 1},
    [VAL_SBYTE] = {T_SBYTE, 2},       [VAL_BYTE] = {T_BYTE, 1},
    [VAL_INT16] = {T_INT16, 2},       [VAL_UINT16] = {T_UINT16, 1},
    [VAL_INT32] = {T_INT32, 2},       [VAL_UINT32] = {T_UINT32, 1},
    [VAL_INT64] = {T_INT64, 2},       [VAL_UINT64] = {T_UINT64, 1},
    [VAL_SINGLE] = {T_SINGLE, 0},     [VAL_DOUBLE] = {T_DOUBLE, 0},
    [VAL_DATETIME] = {T_DATETIME, 0}, [VAL_TIMESPAN] = {T_TIMESPAN, 2},
};

static void put_scalar(StrBuf *out, Value v)
{
    uint8_t tag = scalar_tags[v.kind].tag;
    switch (v.kind) {
    case VAL_BOOL:
        put_byte(out, v.as.b ? T_TRUE : T_FALSE);
        return;
    case VAL_SINGLE:
    case VAL_DOUBLE:
        put_double(out, tag, v.as.d);
        return;
    case VAL_DATETIME:
        put_byte(out, T_DATETIME);
        put_byte(out, v.aux);
        ser_put_sv(out, v.as.i);
        return;
    default:
        break;
    }
    if (scalar_tags[v.kind].form == 0)
        put_byte(out, tag);
    else if (scalar_tags[v.kind].form == 1)
        put_tag_uv(out, tag, v.as.u);
    else
        put_tag_uv(out, tag, zigzag(v.as.i));
}

/* ToString() of v as a STRING value: what a too-deep object becomes. */
static void put_as_string(StrBuf *out, Value v)
{
    StrBuf sb = {0};
    convert_append_scalar(v, &sb);
    put_byte(out, T_STRING);
    ser_put_str(out, sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
}

/* The note properties of a PSCustomObject or wrapper, in their order; values one level down. */
static void put_props(StrBuf *out, Value v, int depth)
{
    size_t n = object_nprops(v);
    ser_put_uv(out, n);
    for (size_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value val;
        object_prop_peek(v, i, &name, &len, &val);
        ser_put_str(out, name, len);
        ser_put_value(out, val, depth - 1);
    }
}

/* The element type goes first so Int32[] comes back as Int32[], not Object[]. */
static void put_array(StrBuf *out, Value a, int depth)
{
    size_t n = arr_len(a);
    put_byte(out, T_ARRAY);
    ser_put_uv(out, (uint64_t)arr_elem_type(a));
    ser_put_uv(out, n);
    for (size_t i = 0; i < n; i++)
        ser_put_value(out, arr_peek(a, i), depth - 1);
}

/* Entries in insertion order; keys keep their type (1 and "1" are different keys). */
static void put_hashtable(StrBuf *out, Value h, int depth)
{
    size_t n = ht_count(h);
    put_byte(out, val_is(h, &cls_ordered) ? T_ORDERED : T_HASHTABLE);
    ser_put_uv(out, n);
    for (size_t i = 0; i < n; i++) {
        Value k, v;
        ht_entry_peek(h, i, &k, &v);
        ser_put_value(out, k, depth - 1);
        ser_put_value(out, v, depth - 1);
    }
}

/* The type names a bag carries: a received bag keeps its own (prefix stripped, so a second
 * hop does not stack prefixes); anything else sends its class name then System.Object. */
static void put_typenames(StrBuf *out, Value v);

/* Properties of a foreign object through its class hooks (borrowed names and values). */
static void put_class_props(StrBuf *out, Value v, int depth)
{
    const ObjClass *c = val_class(v);
    size_t n = c->nprops && c->prop_at ? c->nprops(v) : 0;
    ser_put_uv(out, n);
    for (size_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value val;
        c->prop_at(v, i, &name, &len, &val);
        ser_put_str(out, name, len);
        ser_put_value(out, val, depth - 1);
    }
}

/* Any other object: type names, its ToString() now (the receiver cannot call it later: a
 * bag has no methods), then whatever properties its class enumerates. */
static void put_bag(StrBuf *out, Value v, int depth)
{
    StrBuf sb = {0};
    put_byte(out, T_BAG);
    put_typenames(out, v);
    convert_append_scalar(v, &sb);
    ser_put_str(out, sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
    put_class_props(out, v, depth);
}

static void put_one_name(StrBuf *out, const char *name);

/* A PSCustomObject's pstypenames ([pscustomobject]@{PSTypeName='X'} has X first). */
static void put_custom_names(StrBuf *out, Value v)
{
    Value names = object_typenames(v);
    ser_put_uv(out, arr_len(names));
    for (size_t i = 0; i < arr_len(names); i++) {
        Value n = arr_peek(names, i);
        put_one_name(out, val_is_str(n) ? val_str_data(n) : "");
    }
    val_unref(names);
}

/* Collections get one more level than objects (see DEPTH in serialize.h). */
static int is_collection(Value v)
{
    return val_is_array(v) || ht_is(v);
}

void ser_put_value(StrBuf *out, Value v, int depth)
{
    if (depth > SER_MAX_DEPTH) depth = SER_MAX_DEPTH;
    if (v.kind != VAL_OBJ) {
        put_scalar(out, v);
        return;
    }
    if (val_is_str(v)) {
        put_byte(out, T_STRING);
        ser_put_str(out, val_str_data(v), val_str_len(v));
    } else if (val_is_decimal(v)) {
        Decimal d = dec_of(v);
        put_byte(out, T_DECIMAL);
        ser_put_uv(out, d.lo);
        ser_put_uv(out, d.mid);
        ser_put_uv(out, d.hi);
        put_byte(out, d.scale);
        put_byte(out, d.neg);
    } else if (val_is(v, &cls_scriptblock)) {
        put_byte(out, T_STRING);
        ser_put_str(out, scriptblock_text(v), strlen(scriptblock_text(v)));
    } else if (val_is(v, &cls_psobject) && depth <= 0) {
        ser_put_value(out, val_base(v), depth); /* too deep for notes: the base alone */
    } else if (depth < 0 || (depth == 0 && !is_collection(v))) {
        put_as_string(out, v);
    } else if (val_is_array(v)) {
        put_array(out, v, depth);
    } else if (ht_is(v)) {
        put_hashtable(out, v, depth);
    } else if (val_is(v, &cls_pscustomobject)) {
        put_byte(out, T_CUSTOM);
        put_custom_names(out, v);
        put_props(out, v, depth);
    } else if (val_is(v, &cls_psobject)) {
        /* The wrapper is transparent: its base keeps the wrapper's depth. */
        put_byte(out, T_WRAPPED);
        ser_put_value(out, val_base(v), depth);
        put_props(out, v, depth);
    } else {
        put_bag(out, v, depth);
    }
}

/* ======================== deserialized bags ======================== */

typedef struct ObjBag {
    Obj obj;
    char **names; /* type names, "Deserialized." included */
    size_t nnames;
    char *text;  /* ToString() as the sender computed it */
    Value props; /* ordered Hashtable: name -> value */
} ObjBag;

static ObjBag *as_bag(Value v)
{
    return (ObjBag *)v.as.o;
}

static void bag_free(Obj *o)
{
    ObjBag *b = (ObjBag *)o;
    for (size_t i = 0; i < b->nnames; i++)
        free(b->names[i]);
    free(b->names);
    free(b->text);
    val_unref(b->props);
}

/* "$bag" prints what the sender's object printed. */
static void bag_to_string(Value self, StrBuf *out)
{
    sb_puts(out, as_bag(self)->text);
}

static int bag_get(Value self, const char *name, size_t len, Value *out)
{
    return ht_get_str(as_bag(self)->props, name, len, out);
}

/* Bags accept new notes (PSComputerName ...) like a PSCustomObject; existing names keep
 * their position. */
static int bag_set(Value self, const char *name, size_t len, Value v)
{
    Value k = val_str_n(name, len);
    ht_set(as_bag(self)->props, k, v);
    val_unref(k);
    return 1;
}

static size_t bag_nprops(Value self)
{
    return ht_count(as_bag(self)->props);
}

static void bag_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    Value k;
    ht_entry_peek(as_bag(self)->props, i, &k, val);
    *name = val_str_data(k);
    *len = val_str_len(k);
}

/* GetType() of a deserialized object is PSCustomObject in pwsh; the type names tell it apart. */
const ObjClass cls_deserialized = {
    .name = "PSCustomObject",
    .full_name = "System.Management.Automation.PSCustomObject",
    .type = TY_OTHER,
    .free = bag_free,
    .to_string = bag_to_string,
    .get_prop = bag_get,
    .set_prop = bag_set,
    .nprops = bag_nprops,
    .prop_at = bag_prop_at,
};

int ser_is_bag(Value v)
{
    return val_is(v, &cls_deserialized);
}

size_t ser_ntypenames(Value bag)
{
    return ser_is_bag(bag) ? as_bag(bag)->nnames : 0;
}

const char *ser_typename(Value bag, size_t i)
{
    return i < ser_ntypenames(bag) ? as_bag(bag)->names[i] : "";
}

static void put_one_name(StrBuf *out, const char *name)
{
    size_t plen = sizeof DESER_PREFIX - 1;
    if (strncmp(name, DESER_PREFIX, plen) == 0) name += plen;
    ser_put_str(out, name, strlen(name));
}

static void put_typenames(StrBuf *out, Value v)
{
    if (ser_is_bag(v)) {
        ObjBag *b = as_bag(v);
        ser_put_uv(out, b->nnames);
        for (size_t i = 0; i < b->nnames; i++)
            put_one_name(out, b->names[i]);
        return;
    }
    const char *full = val_class(v)->full_name;
    int is_object = strcmp(full, "System.Object") == 0;
    ser_put_uv(out, is_object ? 1 : 2);
    put_one_name(out, full);
    if (!is_object) put_one_name(out, "System.Object");
}

static void set_note(Value v, const char *name, Value val)
{
    if (ser_is_bag(v))
        bag_set(v, name, strlen(name), val);
    else
        object_set_prop(v, name, strlen(name), val);
}

Value ser_job_notes(Value computer, Value runspace_id, int show)
{
    Value h = ht_new(1);
    Value show_v = val_bool(show);
    const char *names[] = {"PSComputerName", "RunspaceId", "PSShowComputerName"};
    Value vals[] = {computer, runspace_id, show_v};
    for (size_t i = 0; i < 3; i++) {
        Value k = val_str(names[i]);
        ht_set(h, k, vals[i]);
        val_unref(k);
    }
    return h;
}

Value ser_stamp_job_notes(Value v, Value notes)
{
    if (!ser_is_bag(v) && !val_is(v, &cls_pscustomobject) && !val_is(v, &cls_psobject))
        return object_wrap_notes(v, notes);
    for (size_t i = 0; i < ht_count(notes); i++) {
        Value k, val;
        ht_entry_peek(notes, i, &k, &val);
        set_note(v, val_str_data(k), val);
    }
    return val_ref(v);
}

Value ser_add_job_notes(Value v, Value computer, Value runspace_id, int show)
{
    Value notes = ser_job_notes(computer, runspace_id, show);
    Value r = ser_stamp_job_notes(v, notes);
    val_unref(notes);
    return r;
}

/* ======================== decoding ======================== */

void ser_reader_init(SerReader *r, const void *buf, size_t len)
{
    r->p = buf;
    r->end = r->p + len;
    r->err = NULL;
}

/* Record the first error only: later failures are consequences of it. */
static int fail(SerReader *r, const char *msg)
{
    if (!r->err) r->err = msg;
    return -1;
}

int ser_at_end(const SerReader *r)
{
    return r->p == r->end;
}

int ser_get_byte(SerReader *r, uint8_t *b)
{
    if (r->err) return -1;
    if (r->p >= r->end) return fail(r, "truncated input");
    *b = *r->p++;
    return 0;
}

int ser_get_uv(SerReader *r, uint64_t *u)
{
    uint64_t x = 0;
    if (r->err) return -1;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        if (r->p >= r->end) return fail(r, "truncated varint");
        uint8_t b = *r->p++;
        if (shift == 63 && b > 1) return fail(r, "varint overflow");
        x |= (uint64_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            *u = x;
            return 0;
        }
    }
    return fail(r, "varint overflow");
}

int ser_get_sv(SerReader *r, int64_t *i)
{
    uint64_t u;
    if (ser_get_uv(r, &u)) return -1;
    *i = (int64_t)(u >> 1) ^ -(int64_t)(u & 1);
    return 0;
}

int ser_get_count(SerReader *r, uint64_t *n)
{
    if (ser_get_uv(r, n)) return -1;
    if (*n > (uint64_t)(r->end - r->p)) return fail(r, "count exceeds input");
    return 0;
}

int ser_get_str(SerReader *r, const char **s, size_t *len)
{
    uint64_t n;
    if (ser_get_count(r, &n)) return -1;
    *s = (const char *)r->p;
    *len = (size_t)n;
    r->p += n;
    return 0;
}

int ser_get_cstr(SerReader *r, char **s)
{
    const char *p;
    size_t len;
    if (ser_get_str(r, &p, &len)) return -1;
    *s = xstrndup(p, len);
    return 0;
}

/* n little-endian bytes (the counterpart of put_fixed). */
static int get_fixed(SerReader *r, size_t n, uint64_t *bits)
{
    if (r->err) return -1;
    if ((size_t)(r->end - r->p) < n) return fail(r, "truncated number");
    *bits = 0;
    for (size_t i = 0; i < n; i++)
        *bits |= (uint64_t)r->p[i] << (8 * i);
    r->p += n;
    return 0;
}

/* Range of each integer kind, for rejecting out-of-range payloads. */
static int int_fits(ValKind k, int64_t i, uint64_t u)
{
    switch (k) {
    case VAL_CHAR:
    case VAL_UINT16:
        return u <= 0xFFFF;
    case VAL_BYTE:
        return u <= 0xFF;
    case VAL_UINT32:
        return u <= 0xFFFFFFFFu;
    case VAL_SBYTE:
        return i >= -128 && i <= 127;
    case VAL_INT16:
        return i >= -32768 && i <= 32767;
    case VAL_INT32:
        return i >= INT32_MIN && i <= INT32_MAX;
    default:
        return 1;
    }
}

/* An integer body of kind k; a value that does not fit the kind is corrupt input, not a
 * silently truncated number. */
static int get_int(SerReader *r, ValKind k, int is_signed, Value *out)
{
    uint64_t u;
    int64_t i = 0;
    if (is_signed ? ser_get_sv(r, &i) : ser_get_uv(r, &u)) return -1;
    if (is_signed) u = (uint64_t)i;
    if (!int_fits(k, i, u)) return fail(r, "integer out of range");
    *out = val_make(k);
    out->as.u = u;
    return 0;
}

static int get_float(SerReader *r, int single, Value *out)
{
    uint64_t bits;
    if (get_fixed(r, single ? 4 : 8, &bits)) return -1;
    if (single) {
        uint32_t b32 = (uint32_t)bits;
        float f;
        memcpy(&f, &b32, 4);
        *out = val_single(f);
    } else {
        double d;
        memcpy(&d, &bits, 8);
        *out = val_double(d);
    }
    return 0;
}

/* Each word must fit 32 bits and the scale .NET's 0..28, or dec_* could misbehave. */
static int get_decimal(SerReader *r, Value *out)
{
    uint64_t w[3];
    uint8_t scale, neg;
    for (int i = 0; i < 3; i++)
        if (ser_get_uv(r, &w[i])) return -1;
    if (ser_get_byte(r, &scale) || ser_get_byte(r, &neg)) return -1;
    if (w[0] > 0xFFFFFFFFu || w[1] > 0xFFFFFFFFu || w[2] > 0xFFFFFFFFu || scale > 28 || neg > 1)
        return fail(r, "bad decimal");
    Decimal d = {(uint32_t)w[0], (uint32_t)w[1], (uint32_t)w[2], scale, neg};
    *out = dec_value(d);
    return 0;
}

static int get_datetime(SerReader *r, Value *out)
{
    uint8_t kind;
    int64_t ticks;
    if (ser_get_byte(r, &kind) || ser_get_sv(r, &ticks)) return -1;
    if (kind > 2) return fail(r, "bad DateTimeKind");
    *out = val_datetime(ticks, kind);
    return 0;
}

static int get_string(SerReader *r, Value *out)
{
    const char *s;
    size_t len;
    if (ser_get_str(r, &s, &len)) return -1;
    *out = val_str_n(s, len);
    return 0;
}

static int get_nested(SerReader *r, Value *out, int nest);

/* A typed array of a scalar type must hold exactly that kind. */
static int elem_ok(TypeId t, Value v)
{
    ValKind k = type_val_kind(t);
    if (t == TY_STRING) return val_is_null(v) || val_is_str(v);
    if (k == VAL_OBJ) return 1;
    return v.kind == k;
}

/* On any error the partial array is released: the caller never sees half a value. */
static int get_array(SerReader *r, Value *out, int nest)
{
    uint64_t t, n;
    if (ser_get_uv(r, &t) || ser_get_count(r, &n)) return -1;
    if (t >= TY__COUNT || t == TY_VOID || t == TY_NULL) return fail(r, "bad array type");
    Value a = arr_new((TypeId)t, n < 1024 ? (size_t)n : 1024); /* grows as elements arrive */
    for (uint64_t i = 0; i < n; i++) {
        Value v;
        if (get_nested(r, &v, nest)) break;
        if (!elem_ok((TypeId)t, v)) {
            val_unref(v);
            fail(r, "array element of the wrong type");
            break;
        }
        arr_push_take(a, v);
    }
    if (r->err) {
        val_unref(a);
        return -1;
    }
    *out = a;
    return 0;
}

/* A $null key cannot exist in a .NET dictionary, so it marks corrupt input. */
static int get_hashtable(SerReader *r, int ordered, Value *out, int nest)
{
    uint64_t n;
    if (ser_get_count(r, &n)) return -1;
    Value h = ht_new(ordered);
    for (uint64_t i = 0; i < n; i++) {
        Value k, v;
        if (get_nested(r, &k, nest)) break;
        if (get_nested(r, &v, nest)) {
            val_unref(k);
            break;
        }
        if (val_is_null(k))
            fail(r, "null hashtable key");
        else
            ht_set(h, k, v);
        val_unref(k);
        val_unref(v);
        if (r->err) break;
    }
    if (r->err) {
        val_unref(h);
        return -1;
    }
    *out = h;
    return 0;
}

/* n × (name, value) into obj through set (object_set_prop or bag_set). */
static int get_props(SerReader *r, Value obj, int nest, int bag)
{
    uint64_t n;
    if (ser_get_count(r, &n)) return -1;
    for (uint64_t i = 0; i < n; i++) {
        const char *name;
        size_t len;
        Value v;
        if (ser_get_str(r, &name, &len) || get_nested(r, &v, nest)) return -1;
        if (bag)
            bag_set(obj, name, len, v);
        else
            object_set_prop(obj, name, len, v);
        val_unref(v);
    }
    return 0;
}

/* A PSCustomObject comes back as one (see ROUND TRIP in serialize.h). */
/* The sender's type names, each prefixed "Deserialized." as pwsh's deserializer does:
 * Deserialized.System.Management.Automation.PSCustomObject, Deserialized.System.Object. */
static int get_custom_names(SerReader *r, Value o)
{
    uint64_t n;
    if (ser_get_count(r, &n)) return -1;
    Value names = object_typenames(o); /* the object's live list */
    arr_truncate(names, 0);
    int rc = 0;
    for (uint64_t i = 0; i < n && !rc; i++) {
        const char *s;
        size_t len;
        if ((rc = ser_get_str(r, &s, &len)) != 0) break;
        StrBuf sb = {0};
        sb_puts(&sb, DESER_PREFIX);
        sb_append(&sb, s, len);
        arr_push_take(names, val_str_n(sb_str(&sb), sb.len));
        sb_free(&sb);
    }
    val_unref(names);
    return rc;
}

static int get_custom(SerReader *r, Value *out, int nest)
{
    Value o = object_new_custom();
    if (get_custom_names(r, o) || get_props(r, o, nest, 0)) {
        val_unref(o);
        return -1;
    }
    *out = o;
    return 0;
}

static int get_wrapped(SerReader *r, Value *out, int nest)
{
    Value base;
    if (get_nested(r, &base, nest)) return -1;
    /* object_wrap on a PSCustomObject would nest oddly: notes go onto it directly. */
    Value w = val_is(base, &cls_pscustomobject) ? val_ref(base) : object_wrap(base);
    val_unref(base);
    if (get_props(r, w, nest, 0)) {
        val_unref(w);
        return -1;
    }
    *out = w;
    return 0;
}

static Value bag_new(void)
{
    ObjBag *b = (ObjBag *)obj_alloc(&cls_deserialized, sizeof(ObjBag));
    b->props = ht_new(1);
    b->text = xstrdup("");
    return val_obj_take(&b->obj);
}

/* The receiver adds the prefix, so the sender never needs to know it is talking to pwsh-like
 * peers; nnames counts only the names filled, for bag_free after an error. */
static int get_bag_names(SerReader *r, ObjBag *b)
{
    uint64_t n;
    if (ser_get_count(r, &n)) return -1;
    b->names = xcalloc(n ? (size_t)n : 1, sizeof(char *));
    for (; b->nnames < n; b->nnames++) {
        const char *s;
        size_t len;
        if (ser_get_str(r, &s, &len)) return -1;
        StrBuf sb = {0};
        sb_puts(&sb, DESER_PREFIX);
        sb_append(&sb, s, len);
        b->names[b->nnames] = sb_take(&sb);
    }
    return 0;
}

static int get_bag(SerReader *r, Value *out, int nest)
{
    Value v = bag_new();
    ObjBag *b = as_bag(v);
    char *text = NULL;
    if (get_bag_names(r, b) || ser_get_cstr(r, &text) || get_props(r, v, nest, 1)) {
        free(text);
        val_unref(v);
        return -1;
    }
    free(b->text);
    b->text = text;
    *out = v;
    return 0;
}

/* Tags whose body is an integer: the kind and whether it is zigzag-signed. */
static const struct {
    uint8_t kind, is_signed;
} int_tags[T__COUNT] = {
    [T_CHAR] = {VAL_CHAR, 0},         [T_SBYTE] = {VAL_SBYTE, 1},   [T_BYTE] = {VAL_BYTE, 0},
    [T_INT16] = {VAL_INT16, 1},       [T_UINT16] = {VAL_UINT16, 0}, [T_INT32] = {VAL_INT32, 1},
    [T_UINT32] = {VAL_UINT32, 0},     [T_INT64] = {VAL_INT64, 1},   [T_UINT64] = {VAL_UINT64, 0},
    [T_TIMESPAN] = {VAL_TIMESPAN, 1},
};

/* One value at nesting level nest; containers pass nest + 1 to their items so a hostile
 * buffer of nested arrays stops at SER_MAX_NEST instead of exhausting the C stack. */
static int get_nested(SerReader *r, Value *out, int nest)
{
    uint8_t tag;
    if (nest >= SER_MAX_NEST) return fail(r, "nesting too deep");
    if (ser_get_byte(r, &tag)) return -1;
    if (tag >= T__COUNT) return fail(r, "unknown tag");
    if (int_tags[tag].kind) return get_int(r, int_tags[tag].kind, int_tags[tag].is_signed, out);
    switch (tag) {
    case T_NULL:
        *out = val_null();
        return 0;
    case T_AUTONULL:
        *out = val_autonull();
        return 0;
    case T_FALSE:
        *out = val_bool(0);
        return 0;
    case T_TRUE:
        *out = val_bool(1);
        return 0;
    case T_SINGLE:
        return get_float(r, 1, out);
    case T_DOUBLE:
        return get_float(r, 0, out);
    case T_DECIMAL:
        return get_decimal(r, out);
    case T_STRING:
        return get_string(r, out);
    case T_DATETIME:
        return get_datetime(r, out);
    case T_ARRAY:
        return get_array(r, out, nest + 1);
    case T_HASHTABLE:
        return get_hashtable(r, 0, out, nest + 1);
    case T_ORDERED:
        return get_hashtable(r, 1, out, nest + 1);
    case T_CUSTOM:
        return get_custom(r, out, nest + 1);
    case T_WRAPPED:
        return get_wrapped(r, out, nest + 1);
    default:
        return get_bag(r, out, nest + 1);
    }
}

int ser_get_value(SerReader *r, Value *out)
{
    if (r->err) return -1;
    return get_nested(r, out, 0);
}

int ser_decode(const void *buf, size_t len, Value *out, const char **err)
{
    SerReader r;
    ser_reader_init(&r, buf, len);
    if (ser_get_value(&r, out) == 0 && !ser_at_end(&r)) {
        val_unref(*out);
        fail(&r, "trailing bytes after value");
    }
    if (err) *err = r.err;
    return r.err ? -1 : 0;
}
