/*
** strbuilder: System.Text.StringBuilder (see strbuilder.h).  The text is UTF-8 in a StrBuf;
** Length counts code points.  Capacity follows .NET's chunked growth: a builder starts with 16
** (or what the constructor asked for), and text past the capacity adds a chunk as large as the
** text so far (at most 8000) or the overflow, whichever is larger; shrinking keeps it.
** A builder shared with a thread job (runtime/value.h THREADS) reads and changes its text only
** under obj_lock, which costs an unshared builder one test of its shared mark.  Arguments are
** converted before the lock is taken, so no script runs while it is held.
*/
#include "runtime/strbuilder.h"

#include <stdint.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/mem.h"
#include "runtime/numfmt.h"
#include "runtime/strbuf.h"

#define SB_DEFAULT_CAP 16
#define SB_MAX_CHUNK   8000
#define SB_MAX_CAP     INT32_MAX

typedef struct ObjSb {
    Obj obj;
    StrBuf text;
    int64_t len; /* in characters */
    int64_t cap; /* .NET Capacity */
} ObjSb;

static ObjSb *as_sb(Value v)
{
    return (ObjSb *)val_base(v).as.o;
}

static void sb_obj_free(Obj *o)
{
    sb_free(&((ObjSb *)o)->text);
}

static void sb_obj_str(Value self, StrBuf *out)
{
    ObjSb *b = as_sb(self);
    obj_lock(&b->obj);
    sb_append(out, sb_str(&b->text), b->text.len);
    obj_unlock(&b->obj);
}

/* ---- characters ---- */

static int64_t count_chars(const char *s, size_t n)
{
    int64_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* The byte offset of character i (the end when i >= the length). */
static size_t byte_at(const ObjSb *b, int64_t i)
{
    const char *s = sb_str(&b->text);
    size_t at = 0;
    for (int64_t c = 0; at < b->text.len; at++)
        if (((unsigned char)s[at] & 0xC0) != 0x80 && c++ == i) break;
    return at;
}

/* .NET's growth when the text reaches len characters. */
static void grow_to(ObjSb *b, int64_t len)
{
    if (len > b->cap) {
        int64_t chunk = b->cap < SB_MAX_CHUNK ? b->cap : SB_MAX_CHUNK;
        b->cap += len - b->cap > chunk ? len - b->cap : chunk;
        if (b->cap > SB_MAX_CAP) b->cap = SB_MAX_CAP;
    }
    b->len = len;
}

/* Replace the text by s (n bytes). */
static void set_text(ObjSb *b, const char *s, size_t n)
{
    StrBuf t = {0};
    sb_append(&t, s, n);
    sb_free(&b->text);
    b->text = t;
    grow_to(b, count_chars(s, n));
}

/* Put s (n bytes) at character position pos. */
static void insert_at(ObjSb *b, int64_t pos, const char *s, size_t n)
{
    size_t at = byte_at(b, pos);
    StrBuf t = {0};
    sb_append(&t, sb_str(&b->text), at);
    sb_append(&t, s, n);
    sb_append(&t, sb_str(&b->text) + at, b->text.len - at);
    set_text(b, t.buf ? t.buf : "", t.len);
    sb_free(&t);
}

static void append(ObjSb *b, const char *s, size_t n)
{
    sb_append(&b->text, s, n);
    grow_to(b, b->len + count_chars(s, n));
}

/* ---- the object ---- */

static const char *const sb_props[] = {"Capacity", "MaxCapacity", "Length"};

static Value prop_value(ObjSb *b, size_t i)
{
    return i == 0 ? val_int((int32_t)b->cap) : i == 1 ? val_int(SB_MAX_CAP) : val_int((int32_t)b->len);
}

static Value prop_locked(ObjSb *b, size_t i)
{
    obj_lock(&b->obj);
    Value v = prop_value(b, i);
    obj_unlock(&b->obj);
    return v;
}

static int sb_get(Value self, const char *name, size_t len, Value *out)
{
    for (size_t i = 0; i < 3; i++)
        if (str_ieq_slice(name, len, sb_props[i])) return *out = prop_locked(as_sb(self), i), 1;
    return 0;
}

/* Length = n truncates, or pads with NUL characters as .NET does. */
static void set_length(ObjSb *b, int64_t n)
{
    if (n <= b->len) {
        b->text.len = byte_at(b, n);
        if (b->text.buf) b->text.buf[b->text.len] = '\0';
        b->len = n;
        return;
    }
    while (b->len < n)
        append(b, "", 1);
}

static int sb_set(Value self, const char *name, size_t len, Value v)
{
    ObjSb *b = as_sb(self);
    Value n;
    if (!str_ieq_slice(name, len, "Length") && !str_ieq_slice(name, len, "Capacity")) return 0;
    if (convert_to(v, TY_INT32, 0, &n, NULL) != 0 || n.as.i < 0) return 0;
    obj_lock(&b->obj);
    if (str_ieq_slice(name, len, "Capacity")) {
        if (n.as.i >= b->len) b->cap = n.as.i;
    } else {
        set_length(b, n.as.i);
    }
    obj_unlock(&b->obj);
    return 1;
}

static size_t sb_nprops(Value self)
{
    return 3;
}

static void sb_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = sb_props[i];
    *len = strlen(sb_props[i]);
    *val = prop_locked(as_sb(self), i); /* an inline number: nothing to release */
}

const ObjClass cls_strbuilder = {
    .name = "StringBuilder",
    .full_name = "System.Text.StringBuilder",
    .type = TY_OTHER,
    .free = sb_obj_free,
    .to_string = sb_obj_str,
    .get_prop = sb_get,
    .set_prop = sb_set,
    .nprops = sb_nprops,
    .prop_at = sb_prop_at,
};

static Value sb_new(const char *s, size_t n, int64_t cap)
{
    ObjSb *b = (ObjSb *)obj_alloc(&cls_strbuilder, sizeof(ObjSb));
    int64_t len = count_chars(s, n);
    b->cap = cap > len ? cap : len;
    sb_append(&b->text, s, n);
    b->len = len;
    return val_obj_take(&b->obj);
}

int strbuilder_conv(Value v, Value *out, ConvError *err)
{
    Value s = convert_to_string(v, NULL);
    *out = sb_new(val_str_data(s), val_str_len(s), SB_DEFAULT_CAP);
    val_unref(s);
    return 0;
}

int strbuilder_index(Value self, int64_t i, Value *out, ConvError *err)
{
    ObjSb *b = as_sb(self);
    obj_lock(&b->obj);
    if (i < 0 || i >= b->len) {
        obj_unlock(&b->obj);
        return conv_fail(err, "ArgumentOutOfRangeException",
                         "Index was out of range. Must be non-negative and less than the size of "
                         "the collection. (Parameter 'index')");
    }
    size_t at = byte_at(b, i), end = byte_at(b, i + 1);
    Value s = val_str_n(sb_str(&b->text) + at, end - at);
    obj_unlock(&b->obj);
    int rc = convert_to(s, TY_CHAR, 0, out, err);
    val_unref(s);
    return rc ? -1 : 1;
}

/* ---- constructors ---- */

static int range_fail(MbrCall *k, const char *param)
{
    return mbr_exc(k, "ArgumentOutOfRangeException", "%s", param);
}

/* new(), new(capacity), new(value), new(value, capacity) */
static int s_new(MbrCall *k, Value self, Value *out)
{
    int32_t cap = SB_DEFAULT_CAP;
    Value b = k->n ? val_base(k->a[0]) : val_null();
    if (k->n == 1 && val_is_number(b)) {
        if (mbr_int(k, 0, &cap)) return -1;
        if (cap < 0)
            return range_fail(k, "'capacity' must be greater than zero. (Parameter 'capacity')");
        *out = sb_new("", 0, cap);
        return 0;
    }
    if (k->n == 2 && mbr_int(k, 1, &cap)) return -1;
    Value s = k->n ? mbr_str(k, 0) : val_str("");
    *out = sb_new(val_str_data(s), val_str_len(s), cap);
    val_unref(s);
    return 0;
}

const MbrMethod strbuilder_statics[] = {
    {"new", 0, 2, s_new, "value,capacity"},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- methods: each that .NET chains returns the builder itself ---- */

static int self_out(Value self, Value *out)
{
    *out = val_ref(self);
    return 0;
}

/* Append(value) and Append(char, repeatCount) */
static int m_append(MbrCall *k, Value self, Value *out)
{
    ObjSb *b = as_sb(self);
    Value s = mbr_str(k, 0);
    int32_t times = 1;
    if (k->n == 2 && mbr_int(k, 1, &times)) return val_unref(s), -1;
    if (times < 0)
        return val_unref(s), range_fail(k, "Count cannot be less than zero. (Parameter 'repeatCount')");
    obj_lock(&b->obj);
    for (int32_t i = 0; i < times; i++)
        append(b, val_str_data(s), val_str_len(s));
    obj_unlock(&b->obj);
    val_unref(s);
    return self_out(self, out);
}

static int m_appendline(MbrCall *k, Value self, Value *out)
{
    ObjSb *b = as_sb(self);
    Value s = k->n ? mbr_str(k, 0) : val_str("");
    obj_lock(&b->obj);
    append(b, val_str_data(s), val_str_len(s));
    append(b, "\n", 1); /* Environment.NewLine */
    obj_unlock(&b->obj);
    val_unref(s);
    return self_out(self, out);
}

typedef struct FmtCtx {
    MbrCall *k;
} FmtCtx;

/* Argument index+1 of AppendFormat(format, args...), or of its one object[] argument. */
static NfStatus fmt_arg(void *ctx, StrBuf *out, int index, const char *fmt, size_t fmtlen)
{
    MbrCall *k = ((FmtCtx *)ctx)->k;
    Value list = k->n == 2 && val_is_array(val_base(k->a[1])) ? val_base(k->a[1]) : val_null();
    size_t n = val_is_null(list) ? (size_t)k->n - 1 : arr_len(list);
    if (index < 0 || (size_t)index >= n) return NF_EINDEX;
    Value v = val_is_null(list) ? k->a[index + 1] : arr_peek(list, (size_t)index);
    if (val_is_null(v)) return NF_OK;
    char f[64];
    size_t fl = fmtlen < sizeof f - 1 ? fmtlen : sizeof f - 1;
    if (fmt) memcpy(f, fmt, fl), f[fl] = '\0';
    return mbr_format(v, fmt ? f : NULL, out);
}

static int m_appendformat(MbrCall *k, Value self, Value *out)
{
    StrBuf sb = {0};
    Value f = mbr_str(k, 0);
    FmtCtx fc = {k};
    NfStatus st = nf_composite(&sb, val_str_data(f), k->n - 1, fmt_arg, &fc);
    val_unref(f);
    if (st != NF_OK) {
        sb_free(&sb);
        return mbr_exc(k, "FormatException", "%s", nf_strerror(st));
    }
    ObjSb *b = as_sb(self);
    obj_lock(&b->obj);
    append(b, sb_str(&sb), sb.len);
    obj_unlock(&b->obj);
    sb_free(&sb);
    return self_out(self, out);
}

/* Insert(index, value) */
static int m_insert(MbrCall *k, Value self, Value *out)
{
    ObjSb *b = as_sb(self);
    int32_t at;
    if (mbr_int(k, 0, &at)) return -1;
    Value s = mbr_str(k, 1);
    obj_lock(&b->obj);
    int ok = at >= 0 && at <= b->len;
    if (ok) insert_at(b, at, val_str_data(s), val_str_len(s));
    obj_unlock(&b->obj);
    val_unref(s);
    if (!ok)
        return range_fail(k, "Index was out of range. Must be non-negative and less than or "
                             "equal to the size of the collection. (Parameter 'index')");
    return self_out(self, out);
}

static void remove_range(ObjSb *b, int64_t at, int64_t n)
{
    size_t from = byte_at(b, at), to = byte_at(b, at + n);
    StrBuf t = {0};
    sb_append(&t, sb_str(&b->text), from);
    sb_append(&t, sb_str(&b->text) + to, b->text.len - to);
    sb_free(&b->text);
    b->text = t;
    b->len -= n;
}

/* Remove(startIndex, length) */
static int m_remove(MbrCall *k, Value self, Value *out)
{
    ObjSb *b = as_sb(self);
    int32_t at, n;
    if (mbr_int(k, 0, &at) || mbr_int(k, 1, &n)) return -1;
    if (n < 0) return range_fail(k, "Length cannot be less than zero. (Parameter 'length')");
    if (at < 0) return range_fail(k, "StartIndex cannot be less than zero. (Parameter 'startIndex')");
    obj_lock(&b->obj);
    int ok = (int64_t)at + n <= b->len;
    if (ok) remove_range(b, at, n);
    obj_unlock(&b->obj);
    if (!ok)
        return range_fail(k, "Index was out of range. Must be non-negative and less than the "
                             "size of the collection. (Parameter 'length')");
    return self_out(self, out);
}

static const char *find(const char *s, size_t n, const char *w, size_t wl)
{
    for (size_t i = 0; i + wl <= n; i++)
        if (memcmp(s + i, w, wl) == 0) return s + i;
    return NULL;
}

/* Replace(oldValue, newValue): every occurrence, ordinal. */
static int m_replace(MbrCall *k, Value self, Value *out)
{
    ObjSb *b = as_sb(self);
    Value from = mbr_str(k, 0), to = mbr_str(k, 1);
    size_t fl = val_str_len(from);
    if (fl == 0) {
        val_unref(from), val_unref(to);
        return mbr_exc(k, "ArgumentException",
                       "The value cannot be an empty string. (Parameter 'oldValue')");
    }
    StrBuf t = {0};
    obj_lock(&b->obj);
    const char *s = sb_str(&b->text), *end = s + b->text.len;
    while (s < end) {
        const char *hit = find(s, (size_t)(end - s), val_str_data(from), fl);
        if (!hit) break;
        sb_append(&t, s, (size_t)(hit - s));
        sb_append(&t, val_str_data(to), val_str_len(to));
        s = hit + fl;
    }
    sb_append(&t, s, (size_t)(end - s));
    set_text(b, t.buf ? t.buf : "", t.len);
    obj_unlock(&b->obj);
    sb_free(&t);
    val_unref(from), val_unref(to);
    return self_out(self, out);
}

static int m_clear(MbrCall *k, Value self, Value *out)
{
    ObjSb *b = as_sb(self);
    obj_lock(&b->obj);
    sb_clear(&b->text);
    b->len = 0;
    obj_unlock(&b->obj);
    return self_out(self, out);
}

/* ToString() and ToString(startIndex, length) */
static int m_tostring(MbrCall *k, Value self, Value *out)
{
    ObjSb *b = as_sb(self);
    int32_t at = 0, n = 0;
    if (k->n && (mbr_int(k, 0, &at) || (k->n == 2 && mbr_int(k, 1, &n)))) return -1;
    obj_lock(&b->obj);
    if (k->n == 0) n = (int32_t)b->len;
    int ok = at >= 0 && n >= 0 && (int64_t)at + n <= b->len;
    if (ok) {
        size_t from = k->n ? byte_at(b, at) : 0, to = k->n ? byte_at(b, at + n) : b->text.len;
        *out = val_str_n(sb_str(&b->text) + from, to - from);
    }
    obj_unlock(&b->obj);
    if (!ok)
        return range_fail(k, "Index was out of range. Must be non-negative and less than the "
                             "size of the collection. (Parameter 'chunkLength')");
    return 0;
}

static int m_ensurecapacity(MbrCall *k, Value self, Value *out)
{
    ObjSb *b = as_sb(self);
    int32_t cap;
    if (mbr_int(k, 0, &cap)) return -1;
    obj_lock(&b->obj);
    if (cap > b->cap) b->cap = cap;
    *out = val_int((int32_t)b->cap);
    obj_unlock(&b->obj);
    return 0;
}

const MbrMethod strbuilder_methods[] = {
    {"Append", 1, 2, m_append, "value,repeatCount"},
    {"AppendLine", 0, 1, m_appendline, "value"},
    {"AppendFormat", 1, 1024, m_appendformat, "format,args"},
    {"Insert", 2, 2, m_insert, "index,value"},
    {"Remove", 2, 2, m_remove, "startIndex,length"},
    {"Replace", 2, 2, m_replace, "oldValue,newValue"},
    {"Clear", 0, 0, m_clear, NULL},
    {"ToString", 0, 2, m_tostring, "startIndex,length"},
    {"EnsureCapacity", 1, 1, m_ensurecapacity, "capacity"},
    {NULL, 0, 0, NULL, NULL},
};
