/*
** members_string: String and Char members.  The text is decoded once into UTF-16 code units
** (U16), the methods work on units exactly as .NET does (so indexes, lengths and surrogate
** pairs agree with pwsh), and the result is encoded back to UTF-8.
*/
#include "runtime/members_string.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/mem.h"

/* ---- UTF-16 buffers ---- */

typedef struct U16 {
    uint16_t *u;
    size_t len, cap;
} U16;

static void u16_put(U16 *b, uint16_t unit)
{
    ARRAY_PUSH(b->u, b->len, b->cap, unit);
}

static void u16_put_cp(U16 *b, uint32_t cp)
{
    if (cp > 0xFFFF) {
        cp -= 0x10000;
        u16_put(b, (uint16_t)(0xD800 + (cp >> 10)));
        u16_put(b, (uint16_t)(0xDC00 + (cp & 0x3FF)));
    } else {
        u16_put(b, (uint16_t)cp);
    }
}

static U16 u16_of_text(const char *s, size_t len)
{
    U16 b = {0};
    size_t n;
    for (size_t i = 0; i < len; i += n)
        u16_put_cp(&b, utf8_decode(s + i, len - i, &n));
    return b;
}

static U16 u16_of(Value s)
{
    return u16_of_text(val_str_data(s), val_str_len(s));
}

static void u16_append_utf8(StrBuf *sb, const uint16_t *u, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = u[i];
        if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] < 0xE000)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (u[++i] - 0xDC00);
        sb_put_utf8(sb, cp);
    }
}

static Value u16_str(const uint16_t *u, size_t n)
{
    StrBuf sb = {0};
    u16_append_utf8(&sb, u, n);
    return sb.len ? val_str_take_sb(&sb) : val_str_empty();
}

static void u16_free(U16 *b)
{
    free(b->u);
    b->u = NULL;
    b->len = b->cap = 0;
}

/* The argument as UTF-16 (a Char is one unit). */
static U16 arg_u16(MbrCall *k, int i)
{
    Value v = val_base(k->a[i]);
    if (v.kind == VAL_CHAR) {
        U16 b = {0};
        u16_put(&b, (uint16_t)v.as.u);
        return b;
    }
    Value s = mbr_str(k, i);
    U16 b = u16_of(s);
    val_unref(s);
    return b;
}

/* ---- character classes (an approximation of .NET's Unicode tables) ---- */

static uint32_t ch_upper(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;
    if (c == 0xFF) return 0x178;
    if (c == 0xB5) return 0x39C;
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x131) return 'I';
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c : c - 1;
        if (c == 0x17F) return 'S';
        if (c == 0x130 || c == 0x138 || c == 0x149 || c == 0x178) return c;
        return (c & 1) ? c - 1 : c;
    }
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 0x20;
    if (c == 0x3C2) return 0x3A3;
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;
    return c;
}

static uint32_t ch_lower(uint32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c == 0x130) return 'i';
    return uc_fold(c);
}

static int ch_space(uint32_t c)
{
    return (c >= 9 && c <= 13) || c == ' ' || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

static int ch_digit(uint32_t c)
{
    static const uint16_t zero[] = {'0', 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10};
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (c >= zero[i] && c <= zero[i] + 9u) return 1;
    return 0;
}

static int ch_upper_p(uint32_t c)
{
    return ch_lower(c) != c;
}

static int ch_lower_p(uint32_t c)
{
    return ch_upper(c) != c || c == 0xDF || (c >= 0x250 && c <= 0x2AF);
}

static int ch_letter(uint32_t c)
{
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    if (c == 0xAA || c == 0xB5 || c == 0xBA) return 1;
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return 0;
    if (c < 0x250) return 1;
    if (ch_upper_p(c) || ch_lower_p(c)) return 1;
    return (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) ||
           (c >= 0x3040 && c <= 0x30FF && c != 0x30FB) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7A3);
}

static int ch_punct(uint32_t c)
{
    if (c < 0x80) return strchr("!\"#%&'()*,-./:;?@[\\]_{}", (int)c) && c;
    return c == 0xA1 || c == 0xA7 || c == 0xAB || c == 0xB6 || c == 0xB7 || c == 0xBB ||
           c == 0xBF || (c >= 0x2010 && c <= 0x2027) || (c >= 0x3001 && c <= 0x3003);
}

static int ch_control(uint32_t c)
{
    return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

/* ---- String instance methods ---- */

/* Run f over self as UTF-16 and return the result as a String. */
static int map_units(Value self, uint32_t (*f)(uint32_t), Value *out)
{
    U16 s = u16_of(self);
    for (size_t i = 0; i < s.len; i++)
        s.u[i] = (uint16_t)f(s.u[i]);
    *out = u16_str(s.u, s.len);
    u16_free(&s);
    return 0;
}

static int m_upper(MbrCall *k, Value self, Value *out)
{
    return map_units(self, ch_upper, out);
}

static int m_lower(MbrCall *k, Value self, Value *out)
{
    return map_units(self, ch_lower, out);
}

/* The set of trim characters: the arguments' units, or white space when there are none. */
static int in_set(const U16 *set, uint16_t c)
{
    if (!set->len) return ch_space(c);
    for (size_t i = 0; i < set->len; i++)
        if (set->u[i] == c) return 1;
    return 0;
}

static U16 trim_set(MbrCall *k)
{
    U16 set = {0};
    for (int i = 0; i < k->n; i++) {
        Value v = val_base(k->a[i]);
        size_t n = val_is_array(v) ? arr_len(v) : 1;
        for (size_t j = 0; j < n; j++) {
            Value e = val_is_array(v) ? arr_peek(v, j) : v;
            Value s = convert_to_string(e, NULL);
            U16 t = e.kind == VAL_CHAR ? (U16){0} : u16_of(s);
            if (e.kind == VAL_CHAR) u16_put(&t, (uint16_t)e.as.u);
            for (size_t x = 0; x < t.len; x++)
                u16_put(&set, t.u[x]);
            u16_free(&t);
            val_unref(s);
        }
    }
    return set;
}

static int trim(MbrCall *k, Value self, Value *out, int start, int end)
{
    U16 s = u16_of(self), set = trim_set(k);
    size_t a = 0, b = s.len;
    int all = k->n > 0 && set.len == 0; /* Trim("") trims nothing */
    while (!all && start && a < b && in_set(&set, s.u[a]))
        a++;
    while (!all && end && b > a && in_set(&set, s.u[b - 1]))
        b--;
    *out = u16_str(s.u + a, b - a);
    u16_free(&s);
    u16_free(&set);
    return 0;
}

static int m_trim(MbrCall *k, Value self, Value *out)
{
    return trim(k, self, out, 1, 1);
}

static int m_trimstart(MbrCall *k, Value self, Value *out)
{
    return trim(k, self, out, 1, 0);
}

static int m_trimend(MbrCall *k, Value self, Value *out)
{
    return trim(k, self, out, 0, 1);
}

static int range_fail(MbrCall *k, const char *msg, const char *param)
{
    return mbr_exc(k, "ArgumentOutOfRangeException", "%s (Parameter '%s')", msg, param);
}

/* Substring(startIndex[, length]) */
static int m_substring(MbrCall *k, Value self, Value *out)
{
    int32_t st, n = 0;
    if (mbr_int(k, 0, &st) || (k->n > 1 && mbr_int(k, 1, &n))) return -1;
    U16 s = u16_of(self);
    int rc = 0;
    if (k->n < 2) n = (int32_t)s.len - st;
    if (st < 0)
        rc = range_fail(k, "StartIndex cannot be less than zero.", "startIndex");
    else if ((size_t)st > s.len)
        rc = range_fail(k, "startIndex cannot be larger than length of string.", "startIndex");
    else if (n < 0)
        rc = range_fail(k, "Length cannot be less than zero.", "length");
    else if ((size_t)st + (size_t)n > s.len)
        rc =
            range_fail(k, "Index and length must refer to a location within the string.", "length");
    else
        *out = u16_str(s.u + st, (size_t)n);
    u16_free(&s);
    return rc;
}

/* StringComparison names ("OrdinalIgnoreCase") or a Boolean ignoreCase among the arguments
 * from index `from`: 1 when they ask to ignore case.  *used counts the trailing arguments from
 * the first such option on (a culture after ignoreCase included). */
static int case_option(MbrCall *k, int from, int *used)
{
    int ic = 0;
    *used = 0;
    for (int i = from; i < k->n; i++) {
        Value v = val_base(k->a[i]);
        if (v.kind == VAL_BOOL) {
            ic = v.as.b;
            *used = k->n - i;
        } else if (val_is_str(v)) {
            const char *s = val_str_data(v);
            size_t n = val_str_len(v);
            if (strstr(s, "Culture") == NULL && strstr(s, "Ordinal") == NULL) continue;
            ic = n >= 10 && str_ieq_slice(s + n - 10, 10, "IgnoreCase");
            *used = k->n - i;
        }
    }
    return ic;
}

static int unit_eq(uint16_t a, uint16_t b, int ic)
{
    return a == b || (ic && ch_lower(a) == ch_lower(b));
}

static int match_at(const U16 *s, size_t i, const U16 *v, int ic)
{
    if (i + v->len > s->len) return 0;
    for (size_t j = 0; j < v->len; j++)
        if (!unit_eq(s->u[i + j], v->u[j], ic)) return 0;
    return 1;
}

static int null_arg(MbrCall *k, int i)
{
    if (!val_is_null(k->a[i])) return 0;
    return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'value')"), 1;
}

/* IndexOf(value[, startIndex[, count]][, comparison]) */
static int m_indexof(MbrCall *k, Value self, Value *out)
{
    int used, ic = case_option(k, 1, &used);
    int nnum = k->n - 1 - used;
    int32_t st = 0, cnt = -1;
    if (null_arg(k, 0)) return -1;
    if ((nnum > 0 && mbr_int(k, 1, &st)) || (nnum > 1 && mbr_int(k, 2, &cnt))) return -1;
    U16 s = u16_of(self), v = arg_u16(k, 0);
    int rc = 0;
    if (st < 0 || (size_t)st > s.len) {
        rc = range_fail(k,
                        "Index was out of range. Must be non-negative and less than or equal to "
                        "the size of the collection.",
                        "startIndex");
    } else if (cnt != -1 && (cnt < 0 || (size_t)st + (size_t)cnt > s.len)) {
        rc = range_fail(k,
                        "Count must be positive and count must refer to a location within the "
                        "string/array/collection.",
                        "count");
    } else {
        size_t end = cnt == -1 ? s.len : (size_t)st + (size_t)cnt, i;
        *out = val_int(-1);
        for (i = (size_t)st; i + v.len <= end; i++)
            if (match_at(&s, i, &v, ic)) {
                *out = val_int((int32_t)i);
                break;
            }
    }
    u16_free(&s);
    u16_free(&v);
    return rc;
}

/* LastIndexOf(value[, startIndex[, count]][, comparison]): searches backward from startIndex. */
static int m_lastindexof(MbrCall *k, Value self, Value *out)
{
    int used, ic = case_option(k, 1, &used);
    int nnum = k->n - 1 - used;
    if (null_arg(k, 0)) return -1;
    U16 s = u16_of(self), v = arg_u16(k, 0);
    int32_t st = (int32_t)s.len - 1, cnt = -1;
    int rc = 0;
    if ((nnum > 0 && mbr_int(k, 1, &st)) || (nnum > 1 && mbr_int(k, 2, &cnt))) {
        rc = -1;
    } else if (s.len && (st < 0 || (size_t)st >= s.len)) {
        rc = range_fail(k,
                        "Index was out of range. Must be non-negative and less than the size of "
                        "the collection.",
                        "startIndex");
    } else {
        long lo = cnt < 0 ? 0 : (long)st - cnt + 1, i = (long)st - (long)v.len + 1;
        *out =
            val_int(v.len == 0 ? (int32_t)((size_t)st + 1 > s.len ? s.len : (size_t)st + 1) : -1);
        for (; v.len && i >= lo && i >= 0; i--)
            if (match_at(&s, (size_t)i, &v, ic)) {
                *out = val_int((int32_t)i);
                break;
            }
    }
    u16_free(&s);
    u16_free(&v);
    return rc;
}

/* IndexOfAny(char[] anyOf[, startIndex]) */
static int m_indexofany(MbrCall *k, Value self, Value *out)
{
    U16 s = u16_of(self), set = trim_set(k);
    *out = val_int(-1);
    for (size_t i = 0; i < s.len && set.len; i++)
        if (in_set(&set, s.u[i])) {
            *out = val_int((int32_t)i);
            break;
        }
    u16_free(&s);
    u16_free(&set);
    return 0;
}

static int affix(MbrCall *k, Value self, Value *out, int where) /* 0 start, 1 end, 2 any */
{
    int used, ic = case_option(k, 1, &used);
    if (null_arg(k, 0)) return -1;
    U16 s = u16_of(self), v = arg_u16(k, 0);
    int hit = 0;
    if (where == 0) hit = match_at(&s, 0, &v, ic);
    if (where == 1) hit = v.len <= s.len && match_at(&s, s.len - v.len, &v, ic);
    for (size_t i = 0; where == 2 && !hit && i + v.len <= s.len; i++)
        hit = match_at(&s, i, &v, ic);
    *out = val_bool(hit);
    u16_free(&s);
    u16_free(&v);
    return 0;
}

static int m_startswith(MbrCall *k, Value self, Value *out)
{
    return affix(k, self, out, 0);
}

static int m_endswith(MbrCall *k, Value self, Value *out)
{
    return affix(k, self, out, 1);
}

static int m_contains(MbrCall *k, Value self, Value *out)
{
    return affix(k, self, out, 2);
}

/* Replace(old, new[, ignoreCase | comparison]) */
static int m_replace(MbrCall *k, Value self, Value *out)
{
    int used, ic = case_option(k, 2, &used);
    if (val_is_null(k->a[0]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'oldValue')");
    U16 s = u16_of(self), o = arg_u16(k, 0), r = {0};
    if (!val_is_null(k->a[1])) r = arg_u16(k, 1);
    int rc = 0;
    if (o.len == 0) {
        rc = mbr_exc(k, "ArgumentException",
                     "The value cannot be an empty string. (Parameter 'oldValue')");
    } else {
        U16 res = {0};
        for (size_t i = 0; i < s.len;) {
            if (match_at(&s, i, &o, ic)) {
                for (size_t j = 0; j < r.len; j++)
                    u16_put(&res, r.u[j]);
                i += o.len;
            } else {
                u16_put(&res, s.u[i++]);
            }
        }
        *out = u16_str(res.u, res.len);
        u16_free(&res);
    }
    u16_free(&s);
    u16_free(&o);
    u16_free(&r);
    return rc;
}

/* PadLeft/PadRight(totalWidth[, paddingChar]) */
static int pad(MbrCall *k, Value self, Value *out, int left)
{
    int32_t w;
    uint32_t ch = ' ';
    if (mbr_int(k, 0, &w) || (k->n > 1 && mbr_char(k, 1, &ch))) return -1;
    if (w < 0) return range_fail(k, "Non-negative number required.", "totalWidth");
    U16 s = u16_of(self), res = {0};
    size_t fill = (size_t)w > s.len ? (size_t)w - s.len : 0;
    for (size_t i = 0; left && i < fill; i++)
        u16_put(&res, (uint16_t)ch);
    for (size_t i = 0; i < s.len; i++)
        u16_put(&res, s.u[i]);
    for (size_t i = 0; !left && i < fill; i++)
        u16_put(&res, (uint16_t)ch);
    *out = u16_str(res.u, res.len);
    u16_free(&s);
    u16_free(&res);
    return 0;
}

static int m_padleft(MbrCall *k, Value self, Value *out)
{
    return pad(k, self, out, 1);
}

static int m_padright(MbrCall *k, Value self, Value *out)
{
    return pad(k, self, out, 0);
}

/* Insert(startIndex, value) */
static int m_insert(MbrCall *k, Value self, Value *out)
{
    int32_t at;
    if (mbr_int(k, 0, &at)) return -1;
    if (val_is_null(k->a[1]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'value')");
    U16 s = u16_of(self), v = arg_u16(k, 1), res = {0};
    int rc = 0;
    if (at < 0 || (size_t)at > s.len) {
        rc =
            range_fail(k, "Specified argument was out of the range of valid values.", "startIndex");
    } else {
        for (size_t i = 0; i < (size_t)at; i++)
            u16_put(&res, s.u[i]);
        for (size_t i = 0; i < v.len; i++)
            u16_put(&res, v.u[i]);
        for (size_t i = (size_t)at; i < s.len; i++)
            u16_put(&res, s.u[i]);
        *out = u16_str(res.u, res.len);
    }
    u16_free(&s);
    u16_free(&v);
    u16_free(&res);
    return rc;
}

/* Remove(startIndex[, count]) */
static int m_remove(MbrCall *k, Value self, Value *out)
{
    int32_t at, cnt = 0;
    if (mbr_int(k, 0, &at) || (k->n > 1 && mbr_int(k, 1, &cnt))) return -1;
    U16 s = u16_of(self);
    int rc = 0;
    if (k->n < 2) cnt = (int32_t)s.len - at;
    if (at < 0)
        rc = range_fail(k, "StartIndex cannot be less than zero.", "startIndex");
    else if (k->n < 2 && (size_t)at >= s.len)
        rc = range_fail(k, "startIndex must be less than length of string.", "startIndex");
    else if (cnt < 0)
        rc = range_fail(k, "Count cannot be less than zero.", "count");
    else if ((size_t)at + (size_t)cnt > s.len)
        rc = range_fail(k, "Index and count must refer to a location within the string.", "count");
    if (rc == 0) {
        U16 res = {0};
        for (size_t i = 0; i < s.len; i++)
            if (i < (size_t)at || i >= (size_t)at + (size_t)cnt) u16_put(&res, s.u[i]);
        *out = u16_str(res.u, res.len);
        u16_free(&res);
    }
    u16_free(&s);
    return rc;
}

/* ToCharArray([startIndex, length]) */
static int m_tochararray(MbrCall *k, Value self, Value *out)
{
    int32_t st = 0, n = -1;
    if (k->n == 2 && (mbr_int(k, 0, &st) || mbr_int(k, 1, &n))) return -1;
    U16 s = u16_of(self);
    if (n < 0 && k->n < 2) n = (int32_t)s.len;
    if (st < 0 || n < 0 || (size_t)st + (size_t)n > s.len) {
        u16_free(&s);
        return range_fail(k,
                          "Index was out of range. Must be non-negative and less than the size "
                          "of the collection.",
                          "startIndex");
    }
    *out = arr_new(TY_CHAR, (size_t)n);
    for (size_t i = 0; i < (size_t)n; i++)
        arr_push(*out, val_char(s.u[st + i]));
    u16_free(&s);
    return 0;
}

/* Chars(index) */
static int m_chars(MbrCall *k, Value self, Value *out)
{
    int32_t i;
    uint32_t unit;
    if (mbr_int(k, 0, &i)) return -1;
    if (i < 0 || !val_str_unit_at(self, (size_t)i, &unit))
        return mbr_exc(k, "IndexOutOfRangeException", "Index was outside the bounds of the array.");
    *out = val_char(unit);
    return 0;
}

/* ---- Split ---- */

enum { SPLIT_REMOVE_EMPTY = 1, SPLIT_TRIM = 2 };

static int split_options(Value v)
{
    v = val_base(v);
    if (val_is_str(v)) {
        const char *s = val_str_data(v);
        return (strstr(s, "RemoveEmptyEntries") ? SPLIT_REMOVE_EMPTY : 0) |
               (strstr(s, "TrimEntries") ? SPLIT_TRIM : 0);
    }
    Value n;
    return convert_to(v, TY_INT32, 0, &n, NULL) == 0 ? (int)n.as.i : 0;
}

typedef struct Seps {
    U16 *item; /* each separator (one unit for a char) */
    size_t len, cap;
} Seps;

static void seps_add_value(Seps *sp, Value e)
{
    e = val_base(e);
    U16 t = {0};
    if (e.kind == VAL_CHAR) {
        u16_put(&t, (uint16_t)e.as.u);
    } else {
        Value s = convert_to_string(e, NULL);
        t = u16_of(s);
        val_unref(s);
    }
    ARRAY_PUSH(sp->item, sp->len, sp->cap, t);
}

static void seps_free(Seps *sp)
{
    for (size_t i = 0; i < sp->len; i++)
        u16_free(&sp->item[i]);
    free(sp->item);
}

/* The separator at s[i] (its length), or 0.  No separators: white space. */
static size_t sep_at(const Seps *sp, const U16 *s, size_t i, int ws)
{
    if (ws) return ch_space(s->u[i]) ? 1 : 0;
    for (size_t j = 0; j < sp->len; j++)
        if (sp->item[j].len && match_at(s, i, &sp->item[j], 0)) return sp->item[j].len;
    return 0;
}

static void split_push(Value arr, const U16 *s, size_t a, size_t b, int opts)
{
    while ((opts & SPLIT_TRIM) && a < b && ch_space(s->u[a]))
        a++;
    while ((opts & SPLIT_TRIM) && b > a && ch_space(s->u[b - 1]))
        b--;
    if ((opts & SPLIT_REMOVE_EMPTY) && a == b) return;
    arr_push_take(arr, u16_str(s->u + a, b - a));
}

static Value split_run(const U16 *s, const Seps *sp, int ws, long count, int opts)
{
    Value arr = arr_new(TY_STRING, 4);
    size_t start = 0;
    if (count == 0) return arr;
    for (size_t i = 0; i < s->len && count != 1;) {
        size_t n = sep_at(sp, s, i, ws);
        if (!n) {
            i++;
            continue;
        }
        size_t before = arr_len(arr);
        split_push(arr, s, start, i, opts);
        if (arr_len(arr) > before && count > 0 && (long)arr_len(arr) == count - 1) {
            start = i + n;
            break;
        }
        i += n;
        start = i;
    }
    if (count != 0) split_push(arr, s, start, s->len, opts);
    return arr;
}

/* Is v a StringSplitOptions value given by name? */
static int is_options_name(Value v)
{
    v = val_base(v);
    if (!val_is_str(v)) return 0;
    const char *s = val_str_data(v);
    return str_icmp(s, "None") == 0 || split_options(v) != 0;
}

/* Split([separator...][, count][, options]): a string separator splits on the whole string
 * (.NET Core's Split(string)), chars or several arguments split on any of them, none splits
 * on white space. */
static int m_split(MbrCall *k, Value self, Value *out)
{
    Seps sp = {0};
    int opts = 0, nsep = k->n;
    int32_t count = -1;
    if (k->n >= 2 && is_options_name(k->a[k->n - 1])) opts = split_options(k->a[--nsep]);
    if (nsep >= 2 && val_is_integer(val_base(k->a[1]))) {
        if (mbr_int(k, 1, &count)) return -1;
        if (count < 0) return range_fail(k, "Count cannot be less than zero.", "count");
        nsep = 1;
    }
    for (int i = 0; i < nsep; i++) {
        Value v = val_base(k->a[i]);
        if (val_is_array(v))
            for (size_t j = 0; j < arr_len(v); j++)
                seps_add_value(&sp, arr_peek(v, j));
        else if (!val_is_null(v))
            seps_add_value(&sp, v);
    }
    U16 s = u16_of(self);
    *out = split_run(&s, &sp, sp.len == 0, count, opts);
    u16_free(&s);
    seps_free(&sp);
    return 0;
}

/* CompareTo(string): culture order (convert_strcoll), -1/0/1; $null sorts first. */
static int m_str_compareto(MbrCall *k, Value self, Value *out)
{
    if (val_is_null(k->a[0])) return *out = val_int(1), 0;
    Value b = mbr_str(k, 0);
    int c =
        convert_strcoll(val_str_data(self), val_str_len(self), val_str_data(b), val_str_len(b), 1);
    val_unref(b);
    *out = val_int(c < 0 ? -1 : c > 0);
    return 0;
}

static int str_eq(Value a, Value b, int ic)
{
    if (!ic)
        return val_str_len(a) == val_str_len(b) &&
               memcmp(val_str_data(a), val_str_data(b), val_str_len(a)) == 0;
    return convert_strcoll(val_str_data(a), val_str_len(a), val_str_data(b), val_str_len(b), 0) ==
           0;
}

/* Equals(value[, comparison]) */
static int m_str_equals(MbrCall *k, Value self, Value *out)
{
    int used, ic = case_option(k, 1, &used);
    Value b = val_base(k->a[0]);
    *out = val_bool(val_is_str(b) && str_eq(self, b, ic));
    return 0;
}

static int m_normalize(MbrCall *k, Value self, Value *out)
{
    *out = val_ref(self);
    return 0;
}

const MbrMethod mbr_string_methods[] = {
    {"ToUpper", 0, 1, m_upper, NULL},
    {"ToLower", 0, 1, m_lower, NULL},
    {"ToUpperInvariant", 0, 0, m_upper, NULL},
    {"ToLowerInvariant", 0, 0, m_lower, NULL},
    {"Trim", 0, 64, m_trim, NULL},
    {"TrimStart", 0, 64, m_trimstart, NULL},
    {"TrimEnd", 0, 64, m_trimend, NULL},
    {"Split", 0, 64, m_split, "separator,count,options"},
    {"Replace", 2, 4, m_replace, NULL},
    {"Substring", 1, 2, m_substring, "startIndex,length"},
    {"IndexOf", 1, 4, m_indexof, "value,startIndex,count"},
    {"LastIndexOf", 1, 4, m_lastindexof, "value,startIndex,count"},
    {"IndexOfAny", 1, 3, m_indexofany, NULL},
    {"StartsWith", 1, 3, m_startswith, NULL},
    {"EndsWith", 1, 3, m_endswith, NULL},
    {"Contains", 1, 2, m_contains, NULL},
    {"PadLeft", 1, 2, m_padleft, "totalWidth,paddingChar"},
    {"PadRight", 1, 2, m_padright, "totalWidth,paddingChar"},
    {"Insert", 2, 2, m_insert, "startIndex,value"},
    {"Remove", 1, 2, m_remove, "startIndex,count"},
    {"ToCharArray", 0, 2, m_tochararray, "startIndex,length"},
    {"Chars", 1, 1, m_chars, "index"},
    {"CompareTo", 1, 1, m_str_compareto, NULL},
    {"Equals", 1, 2, m_str_equals, NULL},
    {"Normalize", 0, 1, m_normalize, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- Char instance methods ---- */

static int m_char_compareto(MbrCall *k, Value self, Value *out)
{
    uint32_t c;
    if (val_is_null(k->a[0])) return *out = val_int(1), 0;
    if (mbr_char(k, 0, &c)) return -1;
    *out = val_int((int32_t)self.as.u - (int32_t)c);
    return 0;
}

const MbrMethod mbr_char_methods[] = {
    {"CompareTo", 1, 1, m_char_compareto, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- [string] statics ---- */

/* The values after the first `from` arguments: one array argument stands for its elements
 * (params object[]). */
static size_t rest_count(MbrCall *k, int from)
{
    Value v = k->n == from + 1 ? val_base(k->a[from]) : val_null();
    return val_is_array(v) ? arr_len(v) : (size_t)(k->n - from);
}

static Value rest_at(MbrCall *k, int from, size_t i)
{
    Value v = k->n == from + 1 ? val_base(k->a[from]) : val_null();
    return val_is_array(v) ? arr_peek(v, i) : k->a[from + (int)i];
}

static void append_scalar(Value v, StrBuf *sb)
{
    if (!val_is_null(v)) convert_append_scalar(v, sb);
}

/* Join(separator, values...) */
static int s_join(MbrCall *k, Value self, Value *out)
{
    StrBuf sb = {0};
    Value sep = val_is_null(k->a[0]) ? val_str_empty() : mbr_str(k, 0);
    size_t n = rest_count(k, 1);
    for (size_t i = 0; i < n; i++) {
        if (i) sb_append(&sb, val_str_data(sep), val_str_len(sep));
        append_scalar(rest_at(k, 1, i), &sb);
    }
    val_unref(sep);
    *out = val_str_take_sb(&sb);
    return 0;
}

/* Concat(values...) */
static int s_concat(MbrCall *k, Value self, Value *out)
{
    StrBuf sb = {0};
    size_t n = rest_count(k, 0);
    for (size_t i = 0; i < n; i++)
        append_scalar(rest_at(k, 0, i), &sb);
    *out = val_str_take_sb(&sb);
    return 0;
}

static int s_isnullorempty(MbrCall *k, Value self, Value *out)
{
    Value v = val_base(k->a[0]);
    *out = val_bool(val_is_null(v) || (val_is_str(v) && val_str_len(v) == 0));
    return 0;
}

static int s_isnullorwhitespace(MbrCall *k, Value self, Value *out)
{
    if (val_is_null(k->a[0])) return *out = val_bool(1), 0;
    U16 s = arg_u16(k, 0);
    int blank = 1;
    for (size_t i = 0; i < s.len && blank; i++)
        blank = ch_space(s.u[i]);
    u16_free(&s);
    *out = val_bool(blank);
    return 0;
}

typedef struct FmtArgs {
    MbrCall *k;
} FmtArgs;

static NfStatus fmt_arg(void *ctx, StrBuf *out, int index, const char *fmt, size_t fmtlen)
{
    MbrCall *k = ((FmtArgs *)ctx)->k;
    if (index < 0 || (size_t)index >= rest_count(k, 1)) return NF_EINDEX;
    Value v = rest_at(k, 1, (size_t)index);
    if (val_is_null(v)) return NF_OK;
    return mbr_format(v, fmt, out);
}

/* Format(format, args...) */
static int s_format(MbrCall *k, Value self, Value *out)
{
    if (val_is_null(k->a[0]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'format')");
    StrBuf sb = {0};
    Value f = mbr_str(k, 0);
    FmtArgs fa = {k};
    NfStatus st = nf_composite(&sb, val_str_data(f), (int)rest_count(k, 1), fmt_arg, &fa);
    val_unref(f);
    if (st != NF_OK) {
        sb_free(&sb);
        return mbr_exc(k, "FormatException", "%s", nf_strerror(st));
    }
    *out = val_str_take_sb(&sb);
    return 0;
}

/* Compare(a, b[, ignoreCase | comparison]) */
static int s_compare(MbrCall *k, Value self, Value *out)
{
    int used, ic = case_option(k, 2, &used);
    int na = val_is_null(k->a[0]), nb = val_is_null(k->a[1]);
    if (na || nb) return *out = val_int(na && nb ? 0 : na ? -1 : 1), 0;
    Value a = mbr_str(k, 0), b = mbr_str(k, 1);
    int c = convert_strcoll(val_str_data(a), val_str_len(a), val_str_data(b), val_str_len(b), !ic);
    val_unref(a);
    val_unref(b);
    *out = val_int(c < 0 ? -1 : c > 0);
    return 0;
}

/* CompareOrdinal(a, b): the difference of the first differing UTF-16 units. */
static int s_compareordinal(MbrCall *k, Value self, Value *out)
{
    U16 a = arg_u16(k, 0), b = arg_u16(k, 1);
    size_t i = 0;
    while (i < a.len && i < b.len && a.u[i] == b.u[i])
        i++;
    int32_t d = i < a.len && i < b.len ? (int32_t)a.u[i] - (int32_t)b.u[i]
                                       : (int32_t)a.len - (int32_t)b.len;
    *out = val_int(d);
    u16_free(&a);
    u16_free(&b);
    return 0;
}

/* Equals(a, b[, comparison]) */
static int s_equals(MbrCall *k, Value self, Value *out)
{
    int used, ic = case_option(k, 2, &used);
    Value a = val_base(k->a[0]), b = val_base(k->a[1]);
    if (val_is_null(a) || val_is_null(b))
        return *out = val_bool(val_is_null(a) && val_is_null(b)), 0;
    a = mbr_str(k, 0);
    b = mbr_str(k, 1);
    *out = val_bool(str_eq(a, b, ic));
    val_unref(a);
    val_unref(b);
    return 0;
}

/* new(char, count) | new(char[]) */
static int s_string_new(MbrCall *k, Value self, Value *out)
{
    U16 res = {0};
    if (k->n == 2) {
        uint32_t c;
        int32_t n;
        if (mbr_char(k, 0, &c) || mbr_int(k, 1, &n)) return -1;
        if (n < 0)
            return mbr_exc(k, "ArgumentOutOfRangeException",
                           "Non-negative number required. (Parameter 'count')");
        for (int32_t i = 0; i < n; i++)
            u16_put(&res, (uint16_t)c);
    } else {
        res = trim_set(k);
    }
    *out = u16_str(res.u, res.len);
    u16_free(&res);
    return 0;
}

const MbrMethod mbr_string_statics[] = {
    {"new", 1, 2, s_string_new, "c,count"},
    {"Join", 1, 1024, s_join, NULL},
    {"Concat", 0, 1024, s_concat, NULL},
    {"IsNullOrEmpty", 1, 1, s_isnullorempty, NULL},
    {"IsNullOrWhiteSpace", 1, 1, s_isnullorwhitespace, NULL},
    {"Format", 1, 1024, s_format, NULL},
    {"Compare", 2, 3, s_compare, NULL},
    {"CompareOrdinal", 2, 2, s_compareordinal, NULL},
    {"Equals", 2, 3, s_equals, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int p_empty(MemberCtx *c, Value self, Value *out)
{
    *out = val_str_empty();
    return 1;
}

const MbrProp mbr_string_sprops[] = {
    {"Empty", p_empty},
    {NULL, NULL},
};

/* ---- [char] statics ---- */

/* The char argument: (c) or (string, index). */
static int char_arg(MbrCall *k, uint32_t *c)
{
    if (k->n == 1) return mbr_char(k, 0, c);
    int32_t i;
    if (mbr_int(k, 1, &i)) return -1;
    Value s = mbr_str(k, 0);
    int ok = i >= 0 && val_str_unit_at(s, (size_t)i, c);
    val_unref(s);
    if (!ok)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Index was out of range. Must be non-negative and less than the size of the "
                       "collection. (Parameter 'index')");
    return 0;
}

static int char_test(MbrCall *k, Value *out, int (*test)(uint32_t))
{
    uint32_t c;
    if (char_arg(k, &c)) return -1;
    *out = val_bool(test(c));
    return 0;
}

static int ch_letter_or_digit(uint32_t c)
{
    return ch_letter(c) || ch_digit(c);
}

static int ch_number(uint32_t c)
{
    return ch_digit(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0xBC && c <= 0xBE);
}

static int ch_symbol(uint32_t c)
{
    return c && c < 0x80 && strchr("$+<=>^`|~", (int)c);
}

static int ch_surrogate(uint32_t c)
{
    return c >= 0xD800 && c <= 0xDFFF;
}

#define CHAR_TEST(fname, test)                                                                     \
    static int fname(MbrCall *k, Value self, Value *out)                                           \
    {                                                                                              \
        return char_test(k, out, test);                                                            \
    }
CHAR_TEST(c_isdigit, ch_digit)
CHAR_TEST(c_isletter, ch_letter)
CHAR_TEST(c_isupper, ch_upper_p)
CHAR_TEST(c_islower, ch_lower_p)
CHAR_TEST(c_iswhitespace, ch_space)
CHAR_TEST(c_isletterordigit, ch_letter_or_digit)
CHAR_TEST(c_ispunctuation, ch_punct)
CHAR_TEST(c_iscontrol, ch_control)
CHAR_TEST(c_isnumber, ch_number)
CHAR_TEST(c_issymbol, ch_symbol)
CHAR_TEST(c_issurrogate, ch_surrogate)

static int c_toupper(MbrCall *k, Value self, Value *out)
{
    uint32_t c;
    if (mbr_char(k, 0, &c)) return -1;
    *out = val_char(ch_upper(c));
    return 0;
}

static int c_tolower(MbrCall *k, Value self, Value *out)
{
    uint32_t c;
    if (mbr_char(k, 0, &c)) return -1;
    *out = val_char(ch_lower(c));
    return 0;
}

/* ConvertFromUtf32(utf32): the code point as a string (a surrogate pair above U+FFFF). */
static int c_fromutf32(MbrCall *k, Value self, Value *out)
{
    int32_t cp;
    if (mbr_int(k, 0, &cp)) return -1;
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and "
                       "should not include surrogate codepoint values (0x00d800 ~ 0x00dfff). "
                       "(Parameter 'utf32')");
    StrBuf sb = {0};
    sb_put_utf8(&sb, (uint32_t)cp);
    *out = val_str_take_sb(&sb);
    return 0;
}

/* ConvertToUtf32(string, index) or (highSurrogate, lowSurrogate) */
static int c_toutf32(MbrCall *k, Value self, Value *out)
{
    uint32_t hi, lo = 0;
    int pair = val_base(k->a[0]).kind == VAL_CHAR;
    if (pair ? mbr_char(k, 0, &hi) || mbr_char(k, 1, &lo) : char_arg(k, &hi)) return -1;
    if (!pair && hi >= 0xD800 && hi < 0xDC00) {
        int32_t i;
        Value s = mbr_str(k, 0);
        mbr_int(k, 1, &i);
        if (!val_str_unit_at(s, (size_t)i + 1, &lo)) lo = 0;
        val_unref(s);
    }
    if (hi >= 0xD800 && hi < 0xDC00 && lo >= 0xDC00 && lo < 0xE000)
        return *out = val_int((int32_t)(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))), 0;
    if (ch_surrogate(hi))
        return mbr_exc(k, "ArgumentException",
                       "Found a high surrogate char without a following "
                       "low surrogate at index: %d. The input may not be in this encoding, or may "
                       "not contain valid surrogate pairs.",
                       0);
    *out = val_int((int32_t)hi);
    return 0;
}

const MbrMethod mbr_char_statics[] = {
    {"IsDigit", 1, 2, c_isdigit, "c"},
    {"IsLetter", 1, 2, c_isletter, "c"},
    {"IsUpper", 1, 2, c_isupper, NULL},
    {"IsLower", 1, 2, c_islower, NULL},
    {"IsWhiteSpace", 1, 2, c_iswhitespace, NULL},
    {"IsLetterOrDigit", 1, 2, c_isletterordigit, NULL},
    {"IsPunctuation", 1, 2, c_ispunctuation, NULL},
    {"IsControl", 1, 2, c_iscontrol, NULL},
    {"IsNumber", 1, 2, c_isnumber, NULL},
    {"IsSymbol", 1, 2, c_issymbol, NULL},
    {"IsSurrogate", 1, 2, c_issurrogate, NULL},
    {"ToUpper", 1, 1, c_toupper, NULL},
    {"ToLower", 1, 1, c_tolower, NULL},
    {"ConvertFromUtf32", 1, 1, c_fromutf32, "utf32"},
    {"ConvertToUtf32", 2, 2, c_toutf32, NULL},
    {NULL, 0, 0, NULL, NULL},
};
