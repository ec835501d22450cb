/*
** members_kinds: Guid and the regex result kinds.  A Match and its Groups share one MData
** (input copy, spans, the Regex) through a plain refcount, so no Value cycle exists: a Match
** owns its GroupCollection, the collection owns its Groups, and each Group owns only MData.
** Each group caches its property Values (Success, Name, Index, Length, Value) at creation so
** prop_at can lend them for display.
*/
#include "runtime/members_kinds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/mem.h"

/* ---- Guid ---- */

typedef struct ObjGuid {
    Obj obj;
    uint8_t b[16]; /* in display order */
} ObjGuid;

static void guid_hex(const uint8_t *b, char fmt, StrBuf *out)
{
    static const char hex[] = "0123456789abcdef";
    int dashes = fmt != 'N';
    if (fmt == 'B') sb_putc(out, '{');
    if (fmt == 'P') sb_putc(out, '(');
    for (int i = 0; i < 16; i++) {
        if (dashes && (i == 4 || i == 6 || i == 8 || i == 10)) sb_putc(out, '-');
        sb_putc(out, hex[b[i] >> 4]);
        sb_putc(out, hex[b[i] & 15]);
    }
    if (fmt == 'B') sb_putc(out, '}');
    if (fmt == 'P') sb_putc(out, ')');
}

static void guid_to_string(Value self, StrBuf *out)
{
    guid_hex(((ObjGuid *)self.as.o)->b, 'D', out);
}

static int guid_equals(Value a, Value b)
{
    return memcmp(((ObjGuid *)a.as.o)->b, ((ObjGuid *)b.as.o)->b, 16) == 0;
}

static int guid_prop(Value self, const char *name, size_t len, Value *out)
{
    ObjGuid *g = (ObjGuid *)self.as.o;
    if (str_ieq_slice(name, len, "Guid")) { /* types.ps1xml ScriptProperty: ToString() */
        StrBuf sb = {0};
        guid_hex(g->b, 'D', &sb);
        return *out = val_str_take_sb(&sb), 1;
    }
    if (str_ieq_slice(name, len, "Version")) return *out = val_int(g->b[6] >> 4), 1;
    if (str_ieq_slice(name, len, "Variant")) return *out = val_int(g->b[8] >> 4), 1;
    return 0;
}

const ObjClass cls_guid = {
    .name = "Guid",
    .full_name = "System.Guid",
    .type = TY_OTHER,
    .to_string = guid_to_string,
    .get_prop = guid_prop,
    .equals = guid_equals,
};

static Value guid_from(const uint8_t *b)
{
    ObjGuid *g = (ObjGuid *)obj_alloc(&cls_guid, sizeof(ObjGuid));
    memcpy(g->b, b, 16);
    return val_obj_take(&g->obj);
}

Value mkinds_guid_new(void)
{
    uint8_t b[16];
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got = f ? fread(b, 1, 16, f) : 0;
    if (f) fclose(f);
    for (size_t i = got; i < 16; i++)
        b[i] = (uint8_t)(rand() & 0xFF);
    b[6] = (uint8_t)((b[6] & 0x0F) | 0x40); /* version 4 */
    b[8] = (uint8_t)((b[8] & 0x3F) | 0x80); /* RFC 4122 variant */
    return guid_from(b);
}

Value mkinds_guid_empty(void)
{
    static const uint8_t zero[16];
    return guid_from(zero);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)(c | 32);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int mkinds_guid_parse(const char *s, size_t len, Value *out)
{
    uint8_t b[16];
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 38 && ((s[0] == '{' && s[37] == '}') || (s[0] == '(' && s[37] == ')')))
        s++, len -= 2;
    int dashes = len == 36;
    if (len != 36 && len != 32) return 0;
    for (size_t i = 0, at = 0; i < 16; i++) {
        if (dashes && (i == 4 || i == 6 || i == 8 || i == 10) && s[at++] != '-') return 0;
        int hi = hexval(s[at]), lo = hexval(s[at + 1]);
        if (hi < 0 || lo < 0) return 0;
        b[i] = (uint8_t)(hi << 4 | lo);
        at += 2;
    }
    *out = guid_from(b);
    return 1;
}

/* Guid.ToString([format]): D (default), N, B, P. */
static int m_guid_tostring(MbrCall *k, Value self, Value *out)
{
    char f = 'D';
    if (k->n) {
        Value s = mbr_str(k, 0);
        const char *p = val_str_data(s);
        f = (char)(p[0] & ~32);
        int ok = val_str_len(s) == 0 || (val_str_len(s) == 1 && strchr("DNBP", f));
        if (val_str_len(s) == 0) f = 'D';
        val_unref(s);
        if (!ok)
            return mbr_exc(k, "FormatException",
                           "Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", "
                           "\"B\", \"b\", \"X\" or \"x\".");
    }
    StrBuf sb = {0};
    guid_hex(((ObjGuid *)self.as.o)->b, f, &sb);
    *out = val_str_take_sb(&sb);
    return 0;
}

static int s_newguid(MbrCall *k, Value self, Value *out)
{
    *out = mkinds_guid_new();
    return 0;
}

static int s_guid_parse(MbrCall *k, Value self, Value *out)
{
    Value s = mbr_str(k, 0);
    int ok = mkinds_guid_parse(val_str_data(s), val_str_len(s), out);
    val_unref(s);
    if (!ok) return mbr_exc(k, "FormatException", "Unrecognized Guid format.");
    return 0;
}

/* new() is Guid.Empty; new(string) parses. */
static int s_guid_new(MbrCall *k, Value self, Value *out)
{
    if (k->n == 0) return *out = mkinds_guid_empty(), 0;
    return s_guid_parse(k, self, out);
}

const MbrMethod mbr_guid_statics[] = {
    {"new", 0, 1, s_guid_new, NULL},
    {"NewGuid", 0, 0, s_newguid, NULL},
    {"Parse", 1, 1, s_guid_parse, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int p_guid_empty(MemberCtx *c, Value self, Value *out)
{
    *out = mkinds_guid_empty();
    return 1;
}

const MbrProp mbr_guid_sprops[] = {
    {"Empty", p_guid_empty},
    {NULL, NULL},
};

/* ---- regex results ---- */

typedef struct MData {
    int rc;
    char *text; /* a copy of the input */
    size_t len;
    Regex *re; /* may be NULL */
    size_t n;  /* group slots */
    RxSpan *g;
} MData;

/* Atomic: a Match and its groups may be shared with a thread job (runtime/value.h THREADS)
 * and released on different threads. */
static void mdata_unref(MData *d)
{
    if (__atomic_sub_fetch(&d->rc, 1, __ATOMIC_ACQ_REL)) return;
    free(d->text);
    free(d->g);
    rx_unref(d->re);
    free(d);
}

enum { GP_SUCCESS, GP_NAME, GP_INDEX, GP_LENGTH, GP_VALUE, GP_GROUPS, GP__COUNT };
static const char *const gp_names[] = {"Success", "Name", "Index", "Length", "Value", "Groups"};

typedef struct ObjGroup {
    Obj obj;
    MData *d;
    size_t slot;
    Value prop[GP__COUNT]; /* cached; prop[GP_GROUPS] only for a Match */
} ObjGroup;

typedef struct ObjGroups {
    Obj obj;
    Value items; /* object[] of Group objects, by slot */
    MData *d;
} ObjGroups;

static ObjGroup *as_group(Value v)
{
    return (ObjGroup *)v.as.o;
}

static void group_free(Obj *o)
{
    ObjGroup *g = (ObjGroup *)o;
    for (int i = 0; i < GP__COUNT; i++)
        val_unref(g->prop[i]);
    mdata_unref(g->d);
}

static size_t group_nprops(Value self)
{
    return val_is(self, &cls_rxmatch) ? GP__COUNT : GP__COUNT - 1;
}

/* Display order of pwsh's Match view: Groups first for a Match. */
static void group_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    size_t p = val_is(self, &cls_rxmatch) ? (i == 0 ? GP_GROUPS : i - 1) : i;
    *name = gp_names[p];
    *len = strlen(*name);
    *val = as_group(self)->prop[p];
}

static Value captures_of(Value self)
{
    Value a = arr_new(TY_OBJECT, 1);
    if (convert_truthy(as_group(self)->prop[GP_SUCCESS])) arr_push(a, self);
    return a;
}

static int group_get(Value self, const char *name, size_t len, Value *out)
{
    for (size_t i = 0; i < group_nprops(self); i++)
        if (str_ieq_slice(name, len, gp_names[i]))
            return *out = val_ref(as_group(self)->prop[i]), 1;
    if (str_ieq_slice(name, len, "Captures")) return *out = captures_of(self), 1;
    return 0;
}

static void group_to_string(Value self, StrBuf *out)
{
    Value v = as_group(self)->prop[GP_VALUE];
    sb_append(out, val_str_data(v), val_str_len(v));
}

const ObjClass cls_rxgroup = {
    .name = "Group",
    .full_name = "System.Text.RegularExpressions.Group",
    .type = TY_OTHER,
    .free = group_free,
    .to_string = group_to_string,
    .get_prop = group_get,
    .nprops = group_nprops,
    .prop_at = group_prop_at,
};

const ObjClass cls_rxmatch = {
    .name = "Match",
    .full_name = "System.Text.RegularExpressions.Match",
    .type = TY_OTHER,
    .free = group_free,
    .to_string = group_to_string,
    .get_prop = group_get,
    .nprops = group_nprops,
    .prop_at = group_prop_at,
};

static void groups_free(Obj *o)
{
    ObjGroups *g = (ObjGroups *)o;
    val_unref(g->items);
    mdata_unref(g->d);
}

static int groups_lookup(ObjGroups *g, const char *name, size_t len, Value *out)
{
    long slot = g->d->re ? rx_group_slot(g->d->re, name, len) : -1;
    if (slot < 0 && len == 1 && name[0] == '0') slot = 0;
    if (slot < 0 || (size_t)slot >= arr_len(g->items)) return 0;
    *out = arr_get(g->items, (size_t)slot);
    return 1;
}

static int groups_get(Value self, const char *name, size_t len, Value *out)
{
    ObjGroups *g = (ObjGroups *)self.as.o;
    if (str_ieq_slice(name, len, "Count")) return *out = val_int((int32_t)arr_len(g->items)), 1;
    return groups_lookup(g, name, len, out);
}

static void groups_share(Obj *o)
{
    val_share(((ObjGroups *)o)->items);
}

const ObjClass cls_rxgroups = {
    .name = "GroupCollection",
    .full_name = "System.Text.RegularExpressions.GroupCollection",
    .type = TY_OTHER,
    .free = groups_free,
    .get_prop = groups_get,
    .share = groups_share,
};

/* The name of a slot as .NET shows it: the group's name, or its number. */
static Value slot_name(MData *d, size_t slot)
{
    const char *nm = d->re ? rx_group_name(d->re, slot) : NULL;
    char num[24];
    if (nm) return val_str(nm);
    snprintf(num, sizeof num, "%d", d->re ? rx_group_number(d->re, slot) : (int)slot);
    return val_str(num);
}

static Value group_new(const ObjClass *cls, MData *d, size_t slot)
{
    ObjGroup *g = (ObjGroup *)obj_alloc(cls, sizeof(ObjGroup));
    RxSpan sp = slot < d->n ? d->g[slot] : (RxSpan){RX_NOPOS, RX_NOPOS};
    int ok = sp.start != RX_NOPOS;
    g->d = d;
    __atomic_fetch_add(&d->rc, 1, __ATOMIC_RELAXED);
    g->slot = slot;
    g->prop[GP_SUCCESS] = val_bool(ok);
    g->prop[GP_NAME] = slot_name(d, slot);
    g->prop[GP_INDEX] = val_int(ok ? (int32_t)rx_utf16_index(d->text, sp.start) : 0);
    g->prop[GP_VALUE] = ok ? val_str_n(d->text + sp.start, sp.end - sp.start) : val_str_empty();
    g->prop[GP_LENGTH] = val_int(ok ? (int32_t)val_str_len16(g->prop[GP_VALUE]) : 0);
    g->prop[GP_GROUPS] = val_null();
    return val_obj_take(&g->obj);
}

static Value groups_new(MData *d, size_t nslots)
{
    ObjGroups *c = (ObjGroups *)obj_alloc(&cls_rxgroups, sizeof(ObjGroups));
    c->d = d;
    __atomic_fetch_add(&d->rc, 1, __ATOMIC_RELAXED);
    c->items = arr_new(TY_OBJECT, nslots);
    for (size_t i = 0; i < nslots; i++)
        arr_push_take(c->items, group_new(&cls_rxgroup, d, i));
    return val_obj_take(&c->obj);
}

Value mkinds_match_new(Regex *re, const char *s, size_t len, const RxMatch *m)
{
    MData *d = xcalloc(1, sizeof(MData));
    size_t nslots = re ? rx_group_count(re) : 1;
    d->rc = 1;
    d->text = xstrndup(s, len);
    d->len = len;
    d->re = re ? rx_ref(re) : NULL;
    d->n = nslots;
    d->g = xmalloc(sizeof(RxSpan) * nslots);
    for (size_t i = 0; i < nslots; i++)
        d->g[i] = m && i < m->ngroups ? m->group[i] : (RxSpan){RX_NOPOS, RX_NOPOS};
    Value v = group_new(&cls_rxmatch, d, 0);
    as_group(v)->prop[GP_GROUPS] = groups_new(d, nslots);
    mdata_unref(d);
    return v;
}

int mkinds_group_at(Value match, Value key, Value *out)
{
    Value coll = val_base(match);
    if (val_is(coll, &cls_rxmatch)) coll = as_group(coll)->prop[GP_GROUPS];
    if (!val_is(coll, &cls_rxgroups)) return 0;
    ObjGroups *g = (ObjGroups *)coll.as.o;
    key = val_base(key);
    if (val_is_integer(key)) {
        char num[24];
        snprintf(num, sizeof num, "%lld", (long long)key.as.i);
        return groups_lookup(g, num, strlen(num), out);
    }
    Value s = convert_to_string(key, NULL);
    int ok = groups_lookup(g, val_str_data(s), val_str_len(s), out);
    val_unref(s);
    return ok;
}

Value mkinds_groups_items(Value coll)
{
    coll = val_base(coll);
    if (val_is(coll, &cls_rxmatch)) coll = as_group(coll)->prop[GP_GROUPS];
    if (!val_is(coll, &cls_rxgroups)) return val_null();
    return val_ref(((ObjGroups *)coll.as.o)->items);
}

/* ---- Match methods ---- */

/* NextMatch(): the next match after this one (an empty match steps one character). */
static int m_nextmatch(MbrCall *k, Value self, Value *out)
{
    MData *d = as_group(self)->d;
    RxMatch m = {0};
    char *e = NULL;
    if (!d->re || d->g[0].start == RX_NOPOS)
        return *out = mkinds_match_new(d->re, d->text, d->len, NULL), 0;
    size_t pos = d->g[0].end;
    if (d->g[0].end == d->g[0].start) {
        size_t n;
        if (pos >= d->len) return *out = mkinds_match_new(d->re, d->text, d->len, NULL), 0;
        utf8_decode(d->text + pos, d->len - pos, &n);
        pos += n;
    }
    int rc = rx_match(d->re, d->text, d->len, pos, &m, &e);
    if (rc < 0) {
        mbr_exc(k, "RegexMatchTimeoutException", "%s", e);
        free(e);
        return -1;
    }
    *out = mkinds_match_new(d->re, d->text, d->len, rc ? &m : NULL);
    rx_match_free(&m);
    return 0;
}

/* Result(replacement): the substitution pattern expanded for this match. */
static int m_result(MbrCall *k, Value self, Value *out)
{
    MData *d = as_group(self)->d;
    Value rep = mbr_str(k, 0);
    StrBuf sb = {0};
    RxMatch m = {d->n, d->n, d->g};
    if (d->re) rx_substitute(d->re, &m, d->text, d->len, val_str_data(rep), val_str_len(rep), &sb);
    val_unref(rep);
    *out = val_str_take_sb(&sb);
    return 0;
}

static int m_group_tostring(MbrCall *k, Value self, Value *out)
{
    *out = val_ref(as_group(self)->prop[GP_VALUE]);
    return 0;
}

const MbrMethod mbr_guid_methods[] = {
    {"ToString", 0, 2, m_guid_tostring, NULL},
    {NULL, 0, 0, NULL, NULL},
};

const MbrMethod mbr_match_methods[] = {
    {"ToString", 0, 0, m_group_tostring, NULL},
    {"NextMatch", 0, 0, m_nextmatch, NULL},
    {"Result", 1, 1, m_result, NULL},
    {NULL, 0, 0, NULL, NULL},
};

const MbrMethod mbr_group_methods[] = {
    {"ToString", 0, 0, m_group_tostring, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- [regex] statics ---- */

/* RegexOptions from a number or names ("IgnoreCase, Multiline"). */
static int regex_options(MbrCall *k, int i, unsigned *opts)
{
    static const struct {
        const char *name;
        unsigned v;
    } names[] = {
        {"None", RX_NONE},
        {"IgnoreCase", RX_IGNORECASE},
        {"Multiline", RX_MULTILINE},
        {"ExplicitCapture", RX_EXPLICITCAPTURE},
        {"Compiled", RX_COMPILED},
        {"Singleline", RX_SINGLELINE},
        {"IgnorePatternWhitespace", RX_IGNOREPATTERNWS},
        {"RightToLeft", RX_RIGHTTOLEFT},
        {"ECMAScript", RX_ECMASCRIPT},
        {"CultureInvariant", RX_CULTUREINVARIANT},
    };
    *opts = 0;
    if (i >= k->n) return 0;
    Value v = val_base(k->a[i]);
    if (!val_is_str(v)) {
        int32_t n;
        if (mbr_int(k, i, &n)) return -1;
        return *opts = (unsigned)n, 0;
    }
    const char *p = val_str_data(v);
    while (*p) {
        size_t n = strcspn(p, ", ");
        size_t j = 0;
        for (; n && j < sizeof names / sizeof names[0]; j++)
            if (str_ieq_slice(p, n, names[j].name)) break;
        if (n && j == sizeof names / sizeof names[0])
            return mbr_fail(k, "MethodArgumentConversionInvalidCastArgument",
                            "Cannot convert argument \"options\", with value: \"%s\", for \"%s\" "
                            "to type \"System.Text.RegularExpressions.RegexOptions\": \"Cannot "
                            "convert value \"%s\" to type "
                            "\"System.Text.RegularExpressions.RegexOptions\".\"",
                            val_str_data(v), k->method, val_str_data(v));
        if (n) *opts |= names[j].v;
        p += n;
        p += strspn(p, ", ");
    }
    return 0;
}

/* Compile argument pi with the options in argument oi; NULL after mbr_exc. */
static Regex *regex_arg(MbrCall *k, int pi, int oi)
{
    unsigned opts;
    char *e = NULL;
    if (val_is_null(k->a[pi])) {
        mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'pattern')");
        return NULL;
    }
    if (regex_options(k, oi, &opts)) return NULL;
    Value p = mbr_str(k, pi);
    Regex *re = k->c && k->c->rx ? rx_cache_get(k->c->rx, val_str_data(p), val_str_len(p), opts, &e)
                                 : rx_compile(val_str_data(p), val_str_len(p), opts, &e);
    val_unref(p);
    if (!re) {
        mbr_exc(k, "ArgumentException", "%s", e);
        free(e);
    }
    return re;
}

static int match_fail(MbrCall *k, char *e)
{
    mbr_exc(k, "RegexMatchTimeoutException", "%s", e);
    free(e);
    return -1;
}

/* Match(input, pattern[, options]) */
static int s_rx_match(MbrCall *k, Value self, Value *out)
{
    Regex *re = regex_arg(k, 1, 2);
    if (!re) return -1;
    Value s = mbr_str(k, 0);
    RxMatch m = {0};
    char *e = NULL;
    int rc = rx_match(re, val_str_data(s), val_str_len(s), 0, &m, &e);
    if (rc >= 0) *out = mkinds_match_new(re, val_str_data(s), val_str_len(s), rc ? &m : NULL);
    rx_match_free(&m);
    rx_unref(re);
    val_unref(s);
    return rc < 0 ? match_fail(k, e) : 0;
}

/* Matches(input, pattern[, options]): an object[] of Match objects. */
static int s_rx_matches(MbrCall *k, Value self, Value *out)
{
    Regex *re = regex_arg(k, 1, 2);
    if (!re) return -1;
    Value s = mbr_str(k, 0);
    RxIter it;
    RxMatch m = {0};
    char *e = NULL;
    int rc;
    *out = arr_new(TY_OBJECT, 4);
    for (rx_iter_init(&it, re, val_str_data(s), val_str_len(s));
         (rc = rx_iter_next(&it, &m, &e)) > 0;)
        arr_push_take(*out, mkinds_match_new(re, val_str_data(s), val_str_len(s), &m));
    rx_match_free(&m);
    rx_unref(re);
    val_unref(s);
    if (rc < 0) {
        val_unref(*out);
        *out = val_null();
        return match_fail(k, e);
    }
    return 0;
}

static int s_rx_ismatch(MbrCall *k, Value self, Value *out)
{
    Regex *re = regex_arg(k, 1, 2);
    if (!re) return -1;
    Value s = mbr_str(k, 0);
    RxMatch m = {0};
    char *e = NULL;
    int rc = rx_match(re, val_str_data(s), val_str_len(s), 0, &m, &e);
    rx_match_free(&m);
    rx_unref(re);
    val_unref(s);
    if (rc < 0) return match_fail(k, e);
    *out = val_bool(rc);
    return 0;
}

/* Replace(input, pattern, replacement[, options]) */
static int s_rx_replace(MbrCall *k, Value self, Value *out)
{
    Regex *re = regex_arg(k, 1, 3);
    if (!re) return -1;
    Value s = mbr_str(k, 0), r = val_is_null(k->a[2]) ? val_str_empty() : mbr_str(k, 2);
    StrBuf sb = {0};
    char *e = NULL;
    int rc = rx_replace(re, val_str_data(s), val_str_len(s), val_str_data(r), val_str_len(r), -1,
                        &sb, &e);
    rx_unref(re);
    val_unref(s);
    val_unref(r);
    if (rc < 0) return sb_free(&sb), match_fail(k, e);
    *out = val_str_take_sb(&sb);
    return 0;
}

/* Split(input, pattern[, options]): a String[]. */
static int s_rx_split(MbrCall *k, Value self, Value *out)
{
    Regex *re = regex_arg(k, 1, 2);
    if (!re) return -1;
    Value s = mbr_str(k, 0);
    RxSpanList l = {0};
    char *e = NULL;
    int rc = rx_split(re, val_str_data(s), val_str_len(s), 0, &l, &e);
    if (rc == 0) {
        *out = arr_new(TY_STRING, l.len);
        for (size_t i = 0; i < l.len; i++)
            arr_push_take(*out, val_str_n(val_str_data(s) + l.item[i].start,
                                          l.item[i].end - l.item[i].start));
    }
    rx_spans_free(&l);
    rx_unref(re);
    val_unref(s);
    return rc < 0 ? match_fail(k, e) : 0;
}

static int s_rx_escape(MbrCall *k, Value self, Value *out)
{
    if (val_is_null(k->a[0]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'str')");
    Value s = mbr_str(k, 0);
    StrBuf sb = {0};
    rx_escape(val_str_data(s), val_str_len(s), &sb);
    val_unref(s);
    *out = val_str_take_sb(&sb);
    return 0;
}

static int s_rx_unescape(MbrCall *k, Value self, Value *out)
{
    Value s = mbr_str(k, 0);
    StrBuf sb = {0};
    char *e = NULL;
    int rc = rx_unescape(val_str_data(s), val_str_len(s), &sb, &e);
    val_unref(s);
    if (rc < 0) {
        sb_free(&sb);
        mbr_exc(k, "RegexParseException", "%s", e);
        free(e);
        return -1;
    }
    *out = val_str_take_sb(&sb);
    return 0;
}

const MbrMethod mbr_regex_statics[] = {
    {"Match", 2, 3, s_rx_match, NULL},       {"Matches", 2, 3, s_rx_matches, NULL},
    {"IsMatch", 2, 3, s_rx_ismatch, NULL},   {"Replace", 3, 4, s_rx_replace, NULL},
    {"Split", 2, 3, s_rx_split, NULL},       {"Escape", 1, 1, s_rx_escape, NULL},
    {"Unescape", 1, 1, s_rx_unescape, NULL}, {NULL, 0, 0, NULL, NULL},
};

/* ---- System.Text.Encoding ---- */

typedef enum EncKind {
    ENC_UTF8,
    ENC_ASCII,
    ENC_UTF16LE,
    ENC_UTF16BE,
    ENC_UTF32,
    ENC_LATIN1
} EncKind;

static const struct EncInfo {
    const char *prop; /* [Text.Encoding]::<prop> */
    const char *type; /* ToString() */
    const char *web, *display;
    int codepage;
    const char *preamble; /* BOM bytes */
    size_t npre;
} encs[] = {
    {"UTF8", "System.Text.UTF8Encoding+UTF8EncodingSealed", "utf-8", "Unicode (UTF-8)", 65001,
     "\xEF\xBB\xBF", 3},
    {"ASCII", "System.Text.ASCIIEncoding+ASCIIEncodingSealed", "us-ascii", "US-ASCII", 20127, "",
     0},
    {"Unicode", "System.Text.UnicodeEncoding", "utf-16", "Unicode", 1200, "\xFF\xFE", 2},
    {"BigEndianUnicode", "System.Text.UnicodeEncoding", "utf-16BE", "Unicode (Big-Endian)", 1201,
     "\xFE\xFF", 2},
    {"UTF32", "System.Text.UTF32Encoding", "utf-32", "Unicode (UTF-32)", 12000, "\xFF\xFE\x00\x00",
     4},
    {"Latin1", "System.Text.Latin1Encoding", "iso-8859-1", "Western European (ISO)", 28591, "", 0},
};

typedef struct ObjEncoding {
    Obj obj;
    EncKind kind;
} ObjEncoding;

static EncKind enc_of(Value v)
{
    return ((ObjEncoding *)v.as.o)->kind;
}

static void enc_to_string(Value self, StrBuf *out)
{
    sb_puts(out, encs[enc_of(self)].type);
}

static int enc_prop(Value self, const char *name, size_t len, Value *out)
{
    const struct EncInfo *e = &encs[enc_of(self)];
    if (str_ieq_slice(name, len, "WebName") || str_ieq_slice(name, len, "BodyName") ||
        str_ieq_slice(name, len, "HeaderName"))
        return *out = val_str(e->web), 1;
    if (str_ieq_slice(name, len, "EncodingName")) return *out = val_str(e->display), 1;
    if (str_ieq_slice(name, len, "CodePage")) return *out = val_int(e->codepage), 1;
    return 0;
}

const ObjClass cls_encoding = {
    .name = "Encoding",
    .full_name = "System.Text.Encoding",
    .type = TY_OTHER,
    .to_string = enc_to_string,
    .get_prop = enc_prop,
};

static Value enc_new(EncKind kind)
{
    ObjEncoding *e = (ObjEncoding *)obj_alloc(&cls_encoding, sizeof(ObjEncoding));
    e->kind = kind;
    return val_obj_take(&e->obj);
}

static void put_unit16(StrBuf *sb, uint32_t u, int be)
{
    sb_putc(sb, (char)(be ? u >> 8 : u & 0xFF));
    sb_putc(sb, (char)(be ? u & 0xFF : u >> 8));
}

/* Encode one code point. */
static void enc_put(StrBuf *sb, EncKind k, uint32_t cp)
{
    switch (k) {
    case ENC_UTF8:
        sb_put_utf8(sb, cp);
        break;
    case ENC_ASCII:
    case ENC_LATIN1:
        sb_putc(sb, (char)(cp <= (k == ENC_ASCII ? 0x7Fu : 0xFFu) ? cp : '?'));
        break;
    case ENC_UTF16LE:
    case ENC_UTF16BE:
        if (cp > 0xFFFF) {
            put_unit16(sb, 0xD800 + ((cp - 0x10000) >> 10), k == ENC_UTF16BE);
            cp = 0xDC00 + ((cp - 0x10000) & 0x3FF);
        }
        put_unit16(sb, cp, k == ENC_UTF16BE);
        break;
    case ENC_UTF32:
        for (int i = 0; i < 4; i++)
            sb_putc(sb, (char)((cp >> (8 * i)) & 0xFF));
        break;
    }
}

/* Decode bytes b[0..n) to UTF-8 text; malformed input becomes U+FFFD as in .NET. */
static void enc_decode(StrBuf *sb, EncKind k, const unsigned char *b, size_t n)
{
    size_t i = 0, used;
    while (i < n) {
        uint32_t cp;
        if (k == ENC_UTF8) {
            cp = utf8_decode((const char *)b + i, n - i, &used);
            if (used == 1 && b[i] >= 0x80) cp = 0xFFFD;
        } else if (k == ENC_ASCII || k == ENC_LATIN1) {
            cp = k == ENC_ASCII && b[i] > 0x7F ? 0xFFFD : b[i], used = 1;
        } else if (k == ENC_UTF32) {
            used = n - i < 4 ? n - i : 4;
            cp = used < 4 ? 0xFFFD
                          : (uint32_t)b[i] | (uint32_t)b[i + 1] << 8 | (uint32_t)b[i + 2] << 16 |
                                (uint32_t)b[i + 3] << 24;
        } else {
            int be = k == ENC_UTF16BE;
            used = n - i < 2 ? 1 : 2;
            cp = used < 2 ? 0xFFFD
                 : be     ? (uint32_t)b[i] << 8 | b[i + 1]
                          : (uint32_t)b[i + 1] << 8 | b[i];
            if (cp >= 0xD800 && cp < 0xDC00 && i + 3 < n) {
                uint32_t lo =
                    be ? (uint32_t)b[i + 2] << 8 | b[i + 3] : (uint32_t)b[i + 3] << 8 | b[i + 2];
                if (lo >= 0xDC00 && lo < 0xE000)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00), used = 4;
            }
            if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;
        }
        sb_put_utf8(sb, cp > 0x10FFFF ? 0xFFFD : cp);
        i += used;
    }
}

static Value bytes_value(const StrBuf *sb)
{
    Value a = arr_new(TY_BYTE, sb->len);
    for (size_t i = 0; i < sb->len; i++)
        arr_push(a, val_integer(VAL_BYTE, (unsigned char)sb->buf[i]));
    return a;
}

/* GetBytes(string | char[]) */
static int m_enc_getbytes(MbrCall *k, Value self, Value *out)
{
    if (val_is_null(k->a[0]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 's')");
    Value v = val_base(k->a[0]), s = val_null();
    StrBuf text = {0}, sb = {0};
    if (val_is_array(v))
        for (size_t i = 0; i < arr_len(v); i++)
            convert_append_scalar(arr_peek(v, i), &text);
    else
        s = mbr_str(k, 0), sb_append(&text, val_str_data(s), val_str_len(s));
    val_unref(s);
    for (size_t i = 0, n; i < text.len; i += n)
        enc_put(&sb, enc_of(self), utf8_decode(text.buf + i, text.len - i, &n));
    *out = bytes_value(&sb);
    sb_free(&text);
    sb_free(&sb);
    return 0;
}

/* GetString(bytes[, index, count]) */
static int m_enc_getstring(MbrCall *k, Value self, Value *out)
{
    StrBuf in = {0}, sb = {0};
    int32_t at = 0, cnt = -1;
    if (mbr_bytes(k, 0, &in) || (k->n == 3 && (mbr_int(k, 1, &at) || mbr_int(k, 2, &cnt))))
        return sb_free(&in), -1;
    if (cnt < 0 && k->n < 3) cnt = (int32_t)in.len;
    if (at < 0 || cnt < 0 || (size_t)at + (size_t)cnt > in.len) {
        sb_free(&in);
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Index and count must refer to a location within the buffer. (Parameter "
                       "'bytes')");
    }
    enc_decode(&sb, enc_of(self), (const unsigned char *)in.buf + at, (size_t)cnt);
    sb_free(&in);
    *out = sb.len ? val_str_take_sb(&sb) : val_str_empty();
    return 0;
}

static int m_enc_bytecount(MbrCall *k, Value self, Value *out)
{
    Value b;
    if (m_enc_getbytes(k, self, &b)) return -1;
    *out = val_int((int32_t)arr_len(b));
    val_unref(b);
    return 0;
}

static int m_enc_preamble(MbrCall *k, Value self, Value *out)
{
    const struct EncInfo *e = &encs[enc_of(self)];
    StrBuf sb = {0};
    sb_append(&sb, e->preamble, e->npre);
    *out = bytes_value(&sb);
    sb_free(&sb);
    return 0;
}

const MbrMethod mbr_encoding_methods[] = {
    {"GetBytes", 1, 1, m_enc_getbytes, NULL},
    {"GetString", 1, 3, m_enc_getstring, NULL},
    {"GetByteCount", 1, 1, m_enc_bytecount, NULL},
    {"GetPreamble", 0, 0, m_enc_preamble, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int enc_named(const char *name, size_t len, Value *out)
{
    static const struct {
        const char *name;
        EncKind k;
    } names[] = {
        {"utf-8", ENC_UTF8},        {"utf8", ENC_UTF8},        {"us-ascii", ENC_ASCII},
        {"ascii", ENC_ASCII},       {"utf-16", ENC_UTF16LE},   {"unicode", ENC_UTF16LE},
        {"utf-16le", ENC_UTF16LE},  {"utf-16be", ENC_UTF16BE}, {"utf-32", ENC_UTF32},
        {"iso-8859-1", ENC_LATIN1}, {"latin1", ENC_LATIN1},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (str_ieq_slice(name, len, names[i].name)) return *out = enc_new(names[i].k), 1;
    for (size_t i = 0; i < sizeof encs / sizeof encs[0]; i++)
        if ((size_t)atoi(name) == (size_t)encs[i].codepage && len)
            return *out = enc_new((EncKind)i), 1;
    return 0;
}

/* GetEncoding(name | codepage) */
static int s_getencoding(MbrCall *k, Value self, Value *out)
{
    Value s = mbr_str(k, 0);
    int ok = enc_named(val_str_data(s), val_str_len(s), out);
    if (!ok)
        mbr_exc(k, "ArgumentException",
                "'%s' is not a supported encoding name. For information on defining a custom "
                "encoding, see the documentation for the Encoding.RegisterProvider method. "
                "(Parameter 'name')",
                val_str_data(s));
    val_unref(s);
    return ok ? 0 : -1;
}

const MbrMethod mbr_encoding_statics[] = {
    {"GetEncoding", 1, 1, s_getencoding, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int p_encoding(MemberCtx *c, Value self, Value *out, EncKind k)
{
    *out = enc_new(k);
    return 1;
}

#define ENC_PROP(fname, kind)                                                                      \
    static int fname(MemberCtx *c, Value self, Value *out)                                         \
    {                                                                                              \
        return p_encoding(c, self, out, kind);                                                     \
    }
ENC_PROP(p_enc_utf8, ENC_UTF8)
ENC_PROP(p_enc_ascii, ENC_ASCII)
ENC_PROP(p_enc_unicode, ENC_UTF16LE)
ENC_PROP(p_enc_be, ENC_UTF16BE)
ENC_PROP(p_enc_utf32, ENC_UTF32)
ENC_PROP(p_enc_latin1, ENC_LATIN1)

const MbrProp mbr_encoding_sprops[] = {
    {"UTF8", p_enc_utf8},           {"Default", p_enc_utf8},
    {"ASCII", p_enc_ascii},         {"Unicode", p_enc_unicode},
    {"BigEndianUnicode", p_enc_be}, {"UTF32", p_enc_utf32},
    {"Latin1", p_enc_latin1},       {NULL, NULL},
};
