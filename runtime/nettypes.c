/*
** nettypes: one row per type in types[] (its spellings, a cast, an -is test, static and
** instance method tables).  Regex and Version objects live here; BigInteger, enums and
** exceptions are made by their own modules (bigint.c, enums.c, errrec.c).
*/
#include "runtime/nettypes.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/bigint.h"
#include "runtime/enums.h"
#include "runtime/errrec.h"
#include "runtime/fmt_view.h"
#include "runtime/mem.h"
#include "runtime/members_kinds.h"
#include "runtime/object.h"
#include "runtime/members_util.h"
#include "runtime/scriptblock.h"
#include "runtime/statics.h"
#include "runtime/strbuilder.h"

/* ================================================================ Regex ==== */

typedef struct ObjRegex {
    Obj obj;
    Regex *re;
} ObjRegex;

static void regex_free(Obj *o)
{
    rx_unref(((ObjRegex *)o)->re);
}

static void regex_str(Value self, StrBuf *out)
{
    sb_puts(out, rx_pattern(((ObjRegex *)self.as.o)->re));
}

static int regex_prop(Value self, const char *name, size_t len, Value *out)
{
    Regex *re = ((ObjRegex *)self.as.o)->re;
    if (str_ieq_slice(name, len, "Options")) {
        *out = enum_make(enum_find("RegexOptions", 12), rx_options(re));
        return 1;
    }
    if (str_ieq_slice(name, len, "RightToLeft")) {
        *out = val_bool((rx_options(re) & RX_RIGHTTOLEFT) != 0);
        return 1;
    }
    return 0;
}

const ObjClass cls_regexobj = {
    .name = "Regex",
    .full_name = "System.Text.RegularExpressions.Regex",
    .type = TY_OTHER,
    .free = regex_free,
    .to_string = regex_str,
    .get_prop = regex_prop,
};

Regex *nettype_regex(Value v)
{
    v = val_base(v);
    return val_is(v, &cls_regexobj) ? ((ObjRegex *)v.as.o)->re : NULL;
}

static Value regex_wrap(Regex *re) /* takes re */
{
    ObjRegex *r = (ObjRegex *)obj_alloc(&cls_regexobj, sizeof(ObjRegex));
    r->re = re;
    return val_obj_take(&r->obj);
}

/* [regex]'pattern' is new Regex(pattern): a bad pattern is the constructor's exception. */
static int regex_conv(Value v, Value *out, ConvError *err)
{
    if (nettype_regex(v)) return *out = val_ref(val_base(v)), 0;
    Value s = convert_to_string(v, NULL);
    char *e = NULL;
    Regex *re = rx_compile(val_str_data(s), val_str_len(s), 0, &e);
    if (re)
        *out = regex_wrap(re);
    else
        conv_fail(err, "InvalidCastParseTargetInvocation",
                  "Cannot convert value \"%s\" to type \"System.Text.RegularExpressions.Regex\". "
                  "Error: \"%s\"",
                  val_str_data(s), e);
    free(e);
    val_unref(s);
    return re ? 0 : -1;
}

/* new Regex(pattern[, options]) */
static int s_regex_new(MbrCall *k, Value self, Value *out)
{
    Value opts = val_null();
    ConvError ce;
    if (k->n > 1 && enum_convert(enum_find("RegexOptions", 12), k->a[1], &opts, &ce))
        return mbr_fail(k, "MethodArgumentConversionInvalidCastArgument",
                        "Cannot convert argument \"options\", with value: \"%s\", for \"new\" to "
                        "type \"System.Text.RegularExpressions.RegexOptions\": \"%s\"",
                        val_is_str(val_base(k->a[1])) ? val_str_data(val_base(k->a[1])) : "",
                        ce.msg);
    unsigned bits = k->n > 1 ? (unsigned)enum_value(opts) : 0;
    val_unref(opts);
    Value s = mbr_str(k, 0);
    char *e = NULL;
    Regex *re = rx_compile(val_str_data(s), val_str_len(s), bits, &e);
    val_unref(s);
    if (!re) {
        mbr_exc(k, "ArgumentException", "%s", e);
        free(e);
        return -1;
    }
    *out = regex_wrap(re);
    return 0;
}

/* Instance methods forward to the static ones with the pattern and options appended:
 * $re.Match(s) is [regex]::Match(s, pattern, options). */
static int regex_forward(MbrCall *k, Value self, Value *out)
{
    Regex *re = ((ObjRegex *)self.as.o)->re;
    Value a[4], pat = val_str(rx_pattern(re));
    int n = 0, replace = strcmp(k->method, "Replace") == 0;
    a[n++] = k->a[0];
    a[n++] = pat;
    if (replace) a[n++] = k->a[1];
    a[n++] = val_int((int32_t)rx_options(re));
    int rc = static_call(k->c, "Regex", 5, k->method, strlen(k->method), a, n, out, k->err);
    val_unref(pat);
    return rc == MEMBER_OK ? 0 : -1;
}

static int m_regex_groupnames(MbrCall *k, Value self, Value *out)
{
    Regex *re = ((ObjRegex *)self.as.o)->re;
    *out = arr_new(TY_STRING, rx_group_count(re));
    for (size_t i = 0; i < rx_group_count(re); i++) {
        const char *nm = rx_group_name(re, i);
        if (nm)
            arr_push_take(*out, val_str(nm));
        else {
            StrBuf sb;
            sb_init(&sb);
            sb_printf(&sb, "%d", rx_group_number(re, i));
            arr_push_take(*out, val_str_take_sb(&sb));
        }
    }
    return 0;
}

static const MbrMethod regex_methods[] = {
    {"Match", 1, 1, regex_forward, "input"},
    {"Matches", 1, 1, regex_forward, "input"},
    {"IsMatch", 1, 1, regex_forward, "input"},
    {"Replace", 2, 2, regex_forward, NULL},
    {"Split", 1, 1, regex_forward, "input"},
    {"GetGroupNames", 0, 0, m_regex_groupnames, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static const MbrMethod regex_statics[] = {
    {"new", 1, 2, s_regex_new, "pattern"},
    {NULL, 0, 0, NULL, NULL},
};

/* ================================================================ Version ==== */

typedef struct ObjVersion {
    Obj obj;
    int32_t part[4]; /* Major, Minor, Build, Revision; -1: not given */
} ObjVersion;

static const char *const version_parts[] = {"Major", "Minor", "Build", "Revision"};

static void version_str(Value self, StrBuf *out)
{
    const ObjVersion *v = (const ObjVersion *)self.as.o;
    for (int i = 0; i < 4 && v->part[i] >= 0; i++)
        sb_printf(out, i ? ".%d" : "%d", (int)v->part[i]);
}

static int version_prop(Value self, const char *name, size_t len, Value *out)
{
    const ObjVersion *v = (const ObjVersion *)self.as.o;
    for (int i = 0; i < 4; i++)
        if (str_ieq_slice(name, len, version_parts[i])) return *out = val_int(v->part[i]), 1;
    if (str_ieq_slice(name, len, "MajorRevision"))
        return *out = val_int(v->part[3] < 0 ? -1 : (int16_t)(v->part[3] >> 16)), 1;
    if (str_ieq_slice(name, len, "MinorRevision"))
        return *out = val_int(v->part[3] < 0 ? -1 : (int16_t)(v->part[3] & 0xFFFF)), 1;
    return 0;
}

int nettype_version_cmp(Value a, Value b)
{
    const ObjVersion *x = (const ObjVersion *)a.as.o, *y = (const ObjVersion *)b.as.o;
    for (int i = 0; i < 4; i++)
        if (x->part[i] != y->part[i]) return x->part[i] < y->part[i] ? -1 : 1;
    return 0;
}

static int version_equals(Value a, Value b)
{
    return val_is(b, &cls_version) && nettype_version_cmp(a, b) == 0;
}

/* Format-List order: .NET's declaration order of Version's properties. */
static const char *const version_all[] = {"Major",    "Minor",         "Build",
                                          "Revision", "MajorRevision", "MinorRevision"};

static size_t version_nprops(Value self)
{
    return 6;
}

static void version_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = version_all[i];
    *len = strlen(*name);
    version_prop(self, *name, *len, val); /* an Int32: nothing to release */
}

const ObjClass cls_version = {
    .name = "Version",
    .full_name = "System.Version",
    .type = TY_OTHER,
    .to_string = version_str,
    .get_prop = version_prop,
    .nprops = version_nprops,
    .prop_at = version_at,
    .equals = version_equals,
};

/* DotNetTypes.format.ps1xml's System.Version table: four columns 6, 6, 6 and 8 wide with no
 * alignment given.  pwsh right-aligns numbers only in tables it generates itself; a view's
 * column of undefined alignment is left-aligned (as Get-Job's Id column and Windows
 * PowerShell's "10     0      14393  0" show). */
static const FmtColumn version_cols[] = {
    {.label = "Major", .prop = "Major", .width = 6, .align = FMT_ALIGN_LEFT},
    {.label = "Minor", .prop = "Minor", .width = 6, .align = FMT_ALIGN_LEFT},
    {.label = "Build", .prop = "Build", .width = 6, .align = FMT_ALIGN_LEFT},
    {.label = "Revision", .prop = "Revision", .width = 8, .align = FMT_ALIGN_LEFT},
};

static const FmtView version_view = {
    .name = "System.Version",
    .type_name = "System.Version",
    .shape = FMT_TABLE,
    .cols = version_cols,
    .ncols = 4,
};

/* [guid] shows one column, Guid: types.ps1xml's ScriptProperty (the "D" string). */
static Value guid_cell(void *ctx, Value obj)
{
    return convert_to_string(obj, NULL);
}

static const FmtColumn guid_cols[] = {
    {.label = "Guid", .get = guid_cell, .align = FMT_ALIGN_LEFT},
};

static const FmtView guid_view = {
    .name = "System.Guid",
    .type_name = "System.Guid",
    .shape = FMT_TABLE,
    .cols = guid_cols,
    .ncols = 1,
};

/* Format-List shows the same ScriptProperty: "Guid : <the D string>". */
static const FmtView guid_list_view = {
    .name = "System.Guid",
    .type_name = "System.Guid",
    .shape = FMT_LIST,
    .cols = guid_cols,
    .ncols = 1,
};

static void register_views(void)
{
    fmt_view_register(&version_view);
    fmt_view_register(&guid_view);
    fmt_view_register(&guid_list_view);
}

void nettype_register_views(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, register_views);
}

static Value version_make(const int32_t part[4])
{
    ObjVersion *v = (ObjVersion *)obj_alloc(&cls_version, sizeof(ObjVersion));
    memcpy(v->part, part, sizeof v->part);
    return val_obj_take(&v->obj);
}

/* "major.minor[.build[.revision]]", each a non-negative Int32 (white space around parts
 * allowed, as Int32.Parse does).  0 when malformed. */
static int version_parse(const char *s, size_t len, int32_t part[4])
{
    int n = 0;
    part[0] = part[1] = part[2] = part[3] = -1;
    for (size_t i = 0; i <= len; n++) {
        if (n == 4) return 0;
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        long long x = 0;
        size_t start = i;
        while (i < len && s[i] >= '0' && s[i] <= '9' && x <= INT32_MAX)
            x = x * 10 + (s[i++] - '0');
        if (i == start || x > INT32_MAX) return 0;
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        part[n] = (int32_t)x;
        if (i < len && s[i] != '.') return 0;
        i++;
    }
    return n >= 2;
}

static int version_conv(Value v, Value *out, ConvError *err)
{
    v = val_base(v);
    if (val_is(v, &cls_version)) return *out = val_ref(v), 0;
    Value s = convert_to_string(v, NULL);
    int32_t part[4];
    int ok = version_parse(val_str_data(s), val_str_len(s), part);
    if (ok)
        *out = version_make(part);
    else
        conv_fail(err, "InvalidCastParseTargetInvocation",
                  "Cannot convert value \"%s\" to type \"System.Version\". Error: \"Version "
                  "string portion was too short or too long. (Parameter 'input')\"",
                  val_str_data(s));
    val_unref(s);
    return ok ? 0 : -1;
}

/* new Version(string) or new Version(major, minor[, build[, revision]]) */
static int s_version_new(MbrCall *k, Value self, Value *out)
{
    if (k->n == 0) {
        int32_t zero[4] = {0, 0, -1, -1};
        return *out = version_make(zero), 0;
    }
    if (k->n == 1) {
        if (version_conv(k->a[0], out, k->err) == 0) return 0;
        return mbr_exc(k, "ArgumentException",
                       "Version string portion was too short or too long. (Parameter 'input')");
    }
    int32_t part[4] = {-1, -1, -1, -1};
    for (int i = 0; i < k->n; i++) {
        if (mbr_int(k, i, &part[i])) return -1;
        if (part[i] < 0)
            return mbr_exc(k, "ArgumentOutOfRangeException",
                           "Version's parameters must be greater than or equal to zero. "
                           "(Parameter '%s')",
                           i == 0   ? "major"
                           : i == 1 ? "minor"
                           : i == 2 ? "build"
                                    : "revision");
    }
    *out = version_make(part);
    return 0;
}

static int m_version_compare(MbrCall *k, Value self, Value *out)
{
    Value o = val_base(k->a[0]);
    if (val_is_null(o)) return *out = val_int(1), 0;
    if (!val_is(o, &cls_version))
        return mbr_exc(k, "ArgumentException", "Object must be of type Version.");
    *out = val_int(nettype_version_cmp(self, o));
    return 0;
}

static int m_version_tostring(MbrCall *k, Value self, Value *out)
{
    const ObjVersion *v = (const ObjVersion *)self.as.o;
    int32_t n = 4;
    if (k->n && mbr_int(k, 0, &n)) return -1;
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < n && i < 4 && v->part[i] >= 0; i++)
        sb_printf(&sb, i ? ".%d" : "%d", (int)v->part[i]);
    *out = val_str_take_sb(&sb);
    return 0;
}

static const MbrMethod version_methods[] = {
    {"CompareTo", 1, 1, m_version_compare, NULL},
    {"ToString", 0, 1, m_version_tostring, "fieldCount"},
    {NULL, 0, 0, NULL, NULL},
};

static const MbrMethod version_statics[] = {
    {"new", 0, 4, s_version_new, "version"},
    {"Parse", 1, 1, s_version_new, "input"},
    {NULL, 0, 0, NULL, NULL},
};

/* ================================================================ BigInteger ==== */

static int bigint_conv(Value v, Value *out, ConvError *err)
{
    v = val_base(v);
    if (val_is_str(v)) {
        if (bigint_parse(val_str_data(v), val_str_len(v), out) == 0) return 0;
        Value n; /* pwsh converts through its number parser first: "1e3", "0x10" */
        if (convert_parse_number(val_str_data(v), val_str_len(v), &n) == 0) {
            int rc = bigint_from_value(n, out);
            val_unref(n);
            if (rc == 0) return 0;
        }
        return conv_fail(err, "InvalidCastParseTargetInvocation",
                         "Cannot convert value \"%s\" to type \"System.Numerics.BigInteger\". "
                         "Error: \"The value could not be parsed.\"",
                         val_str_data(v));
    }
    if (val_is_enum(v)) return *out = bigint_from_int64(enum_value(v)), 0;
    if (val_is_null(v)) return *out = bigint_from_int64(0), 0;
    if (bigint_from_value(v, out) == 0) return 0;
    return conv_fail(err, "ConvertToFinalInvalidCastException",
                     "Cannot convert the \"%s\" value of type \"%s\" to type "
                     "\"System.Numerics.BigInteger\".",
                     val_type_fullname(v), val_type_fullname(v));
}

static int big_arg(MbrCall *k, int i, Value *out)
{
    ConvError e;
    if (bigint_conv(k->a[i], out, &e) == 0) return 0;
    return mbr_exc(k, "FormatException", "The value could not be parsed.");
}

static int s_big_new(MbrCall *k, Value self, Value *out)
{
    return big_arg(k, 0, out);
}

static int s_big_pow(MbrCall *k, Value self, Value *out)
{
    Value b;
    int32_t e;
    if (big_arg(k, 0, &b)) return -1;
    if (mbr_int(k, 1, &e)) return val_unref(b), -1;
    if (e < 0) {
        val_unref(b);
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "The number must be greater than or equal to zero. (Parameter 'exponent')");
    }
    Value r = bigint_from_int64(1);
    for (int32_t i = 0; i < e; i++) {
        Value t = bigint_mul(r, b);
        val_unref(r);
        r = t;
    }
    val_unref(b);
    *out = r;
    return 0;
}

static int s_big_abs(MbrCall *k, Value self, Value *out)
{
    Value b;
    if (big_arg(k, 0, &b)) return -1;
    *out = bigint_sign(b) < 0 ? bigint_neg(b) : val_ref(b);
    val_unref(b);
    return 0;
}

static const MbrMethod bigint_statics[] = {
    {"new", 1, 1, s_big_new, "value"}, {"Parse", 1, 1, s_big_new, "value"},
    {"Pow", 2, 2, s_big_pow, NULL},    {"Abs", 1, 1, s_big_abs, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int m_big_compare(MbrCall *k, Value self, Value *out)
{
    Value b;
    if (big_arg(k, 0, &b)) return -1;
    *out = val_int(bigint_cmp(self, b));
    val_unref(b);
    return 0;
}

/* ToString([format]) */
static int m_big_tostring(MbrCall *k, Value self, Value *out)
{
    Value f = k->n ? mbr_str(k, 0) : val_null();
    StrBuf sb;
    sb_init(&sb);
    int st = bigint_format(self, k->n ? val_str_data(f) : NULL, &sb);
    val_unref(f);
    if (st != NF_OK) {
        sb_free(&sb);
        return mbr_exc(k, "FormatException", "%s", nf_strerror((NfStatus)st));
    }
    *out = val_str_take_sb(&sb);
    return 0;
}

static const MbrMethod bigint_methods[] = {
    {"CompareTo", 1, 1, m_big_compare, NULL},
    {"ToString", 0, 1, m_big_tostring, "format"},
    {NULL, 0, 0, NULL, NULL},
};

/* ================================================================ Guid ==== */

/* [guid]'...' parses; new Guid(byte[16]) reads .NET's mixed-endian layout. */
static int guid_conv(Value v, Value *out, ConvError *err)
{
    v = val_base(v);
    if (val_is(v, &cls_guid)) return *out = val_ref(v), 0;
    Value s = convert_to_string(v, NULL);
    int ok = mkinds_guid_parse(val_str_data(s), val_str_len(s), out);
    if (!ok)
        conv_fail(err, "InvalidCastParseTargetInvocation",
                  "Cannot convert value \"%s\" to type \"System.Guid\". Error: \"Unrecognized "
                  "Guid format.\"",
                  val_str_data(s));
    val_unref(s);
    return ok ? 0 : -1;
}

static int s_guid_bytes(MbrCall *k, Value self, Value *out)
{
    static const int order[16] = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
    StrBuf b, hex;
    sb_init(&b), sb_init(&hex);
    if (mbr_bytes(k, 0, &b)) return sb_free(&b), -1;
    if (b.len != 16) {
        sb_free(&b);
        return mbr_exc(k, "ArgumentException",
                       "Byte array for Guid must be exactly 16 bytes long. (Parameter 'b')");
    }
    for (int i = 0; i < 16; i++)
        sb_printf(&hex, "%02x", (unsigned char)sb_str(&b)[order[i]]);
    mkinds_guid_parse(sb_str(&hex), hex.len, out);
    sb_free(&b), sb_free(&hex);
    return 0;
}

static const MbrMethod guid_byte_statics[] = {
    {"new", 1, 1, s_guid_bytes, "b"},
    {NULL, 0, 0, NULL, NULL},
};

/* ================================================================ ScriptBlock ==== */

static int scriptblock_conv(Value v, Value *out, ConvError *err);

static int s_sb_create(MbrCall *k, Value self, Value *out)
{
    if (scriptblock_conv(k->a[0], out, k->err) == 0) return 0;
    return mbr_exc(k, "ParseException", "%s", k->err->msg);
}

static const MbrMethod scriptblock_statics[] = {
    {"Create", 1, 1, s_sb_create, "script"},
    {NULL, 0, 0, NULL, NULL},
};

/* [scriptblock]::Create('text'): a syntax error fails with the parser's first message.  (A
 * cast [scriptblock]'text' is not allowed in pwsh: convert_to refuses it.) */
static int scriptblock_conv(Value v, Value *out, ConvError *err)
{
    v = val_base(v);
    if (val_is(v, &cls_scriptblock)) return *out = val_ref(v), 0;
    Value s = convert_to_string(v, NULL);
    Program *p = parse_program(val_str_data(s), val_str_len(s), NULL);
    int ok = prog_nerrors(p) == 0;
    if (ok)
        *out = scriptblock_new(p, prog_root(p), val_str_data(s), val_str_len(s));
    else
        conv_fail(err, "ParseException", "%s", prog_error(p, 0)->msg);
    prog_unref(p);
    val_unref(s);
    return ok ? 0 : -1;
}

/* ================================================================ System.Enum ==== */

/* Argument i as an enum type ([DayOfWeek] or its name); NULL after an exception. */
static const EnumType *enum_arg(MbrCall *k, int i)
{
    Value t = val_base(k->a[i]);
    Value s = val_is(t, &cls_typeref) ? val_str(typeref_fullname(t)) : mbr_str(k, i);
    const EnumType *e = enum_find(val_str_data(s), val_str_len(s));
    val_unref(s);
    if (!e)
        mbr_exc(k, "ArgumentException", "Type provided must be an Enum. (Parameter 'enumType')");
    return e;
}

static int s_enum_names(MbrCall *k, Value self, Value *out)
{
    const EnumType *e = enum_arg(k, 0);
    if (!e) return -1;
    *out = enum_names(e);
    return 0;
}

static int s_enum_values(MbrCall *k, Value self, Value *out)
{
    const EnumType *e = enum_arg(k, 0);
    if (!e) return -1;
    Value names = enum_names(e);
    *out = arr_new(TY_OBJECT, arr_len(names));
    for (size_t i = 0; i < arr_len(names); i++) {
        Value v, n = arr_peek(names, i);
        if (enum_member(e, val_str_data(n), val_str_len(n), &v)) arr_push_take(*out, v);
    }
    val_unref(names);
    return 0;
}

/* Parse(type, value[, ignoreCase]): names always match case-insensitively here. */
static int s_enum_parse(MbrCall *k, Value self, Value *out)
{
    const EnumType *e = enum_arg(k, 0);
    ConvError ce;
    if (!e) return -1;
    if (enum_convert(e, k->a[1], out, &ce) == 0) return 0;
    Value s = mbr_str(k, 1);
    mbr_exc(k, "ArgumentException", "Requested value '%s' was not found.", val_str_data(s));
    val_unref(s);
    return -1;
}

static int s_enum_isdefined(MbrCall *k, Value self, Value *out)
{
    const EnumType *e = enum_arg(k, 0);
    if (!e) return -1;
    Value v, a = val_base(k->a[1]);
    int ok = val_is_str(a) ? enum_member(e, val_str_data(a), val_str_len(a), &v) : 0;
    if (ok) val_unref(v);
    if (!val_is_str(a)) { /* a number: defined when some member has that value */
        Value names = enum_names(e), num;
        ConvError ce;
        if (convert_to(a, TY_INT64, 0, &num, &ce) == 0)
            for (size_t i = 0; i < arr_len(names) && !ok; i++) {
                Value n = arr_peek(names, i);
                enum_member(e, val_str_data(n), val_str_len(n), &v);
                ok = enum_value(v) == num.as.i;
                val_unref(v);
            }
        val_unref(names);
    }
    *out = val_bool(ok);
    return 0;
}

static const MbrMethod enum_statics[] = {
    {"GetNames", 1, 1, s_enum_names, "enumType"},
    {"GetValues", 1, 1, s_enum_values, "enumType"},
    {"Parse", 2, 3, s_enum_parse, "enumType,value,ignoreCase"},
    {"IsDefined", 2, 2, s_enum_isdefined, "enumType,value"},
    {NULL, 0, 0, NULL, NULL},
};

static int enum_conv_refuse(Value v, Value *out, ConvError *err)
{
    return conv_fail(err, "ConvertToFinalInvalidCastException",
                     "Cannot convert the \"%s\" value of type \"%s\" to type \"System.Enum\".",
                     val_type_fullname(val_base(v)), val_type_fullname(val_base(v)));
}

static int is_any_enum(Value v)
{
    return val_is_enum(v);
}

/* ================================================================ the table ==== */

typedef struct NetType {
    const char *names[4]; /* accepted spellings (case-insensitive), NULL-padded */
    const ObjClass *cls;  /* instances (for -is), NULL: is_fn decides */
    int (*is_fn)(Value v);
    int (*conv)(Value v, Value *out, ConvError *err);
    const MbrMethod *statics, *methods;
} NetType;

static const NetType types[] = {
    {{"bigint", "System.Numerics.BigInteger", "Numerics.BigInteger", NULL},
     &cls_bigint,
     NULL,
     bigint_conv,
     bigint_statics,
     bigint_methods},
    {{"regex", "System.Text.RegularExpressions.Regex", "Text.RegularExpressions.Regex", NULL},
     &cls_regexobj,
     NULL,
     regex_conv,
     regex_statics,
     regex_methods},
    {{"version", "System.Version", NULL, NULL},
     &cls_version,
     NULL,
     version_conv,
     version_statics,
     version_methods},
    {{"guid", "System.Guid", NULL, NULL}, &cls_guid, NULL, guid_conv, guid_byte_statics, NULL},
    {{"scriptblock", "System.Management.Automation.ScriptBlock",
      "Management.Automation.ScriptBlock", NULL},
     &cls_scriptblock,
     NULL,
     scriptblock_conv,
     scriptblock_statics,
     NULL},
    {{"enum", "System.Enum", NULL, NULL}, NULL, is_any_enum, enum_conv_refuse, enum_statics, NULL},
    {{"Text.StringBuilder", "System.Text.StringBuilder", NULL, NULL},
     &cls_strbuilder,
     NULL,
     strbuilder_conv,
     strbuilder_statics,
     strbuilder_methods},
};

static const NetType *find_type(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        for (int j = 0; j < 4 && types[i].names[j]; j++)
            if (str_ieq_slice(name, len, types[i].names[j])) return &types[i];
    return NULL;
}

const char *nettype_fullname(const char *name, size_t len)
{
    const NetType *t = find_type(name, len);
    if (t) return t->names[1]; /* the second spelling is always the full name */
    const EnumType *e = enum_find(name, len);
    if (e) return enum_fullname(e);
    ExcKind k;
    return errrec_exc_lookup(name, len, &k) ? errrec_exc_fullname(k) : NULL;
}

static int exc_conv_fail(ConvError *err, Value v, const char *full)
{
    return conv_fail(err, "ConvertToFinalInvalidCastException",
                     "Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".",
                     val_type_fullname(v), val_type_fullname(v), full);
}

int nettype_convert(const char *name, size_t len, Value v, Value *out, ConvError *err, int *rc)
{
    const NetType *t = find_type(name, len);
    if (t) return *rc = t->conv(v, out, err), 1;
    const EnumType *e = enum_find(name, len);
    if (e) return *rc = enum_convert(e, v, out, err), 1;
    ExcKind k, vk;
    const char *msg;
    if (!errrec_exc_lookup(name, len, &k)) return 0;
    Value b = val_base(v);
    if (errrec_exception_info(b, &vk, &msg) && errrec_kind_is(vk, name, len))
        return *rc = 0, *out = val_ref(b), 1;
    *rc = exc_conv_fail(err, b, errrec_exc_fullname(k));
    return 1;
}

int nettype_is(const char *name, size_t len, Value v)
{
    v = val_base(v);
    const NetType *t = find_type(name, len);
    if (t) return t->cls ? val_is(v, t->cls) : t->is_fn(v);
    const EnumType *e = enum_find(name, len);
    if (e) return val_is_enum(v) && enum_type_of(v) == e;
    ExcKind k;
    if (!errrec_exc_lookup(name, len, &k)) return -1;
    ExcKind vk;
    const char *msg;
    if (!errrec_exception_info(v, &vk, &msg)) return 0;
    return errrec_kind_is(vk, name, len);
}

/* ---- statics ---- */

/* .NET's message for an exception made without one; others say "Exception of type '<full
 * name>' was thrown." */
static const struct {
    ExcKind kind;
    const char *msg;
} default_msgs[] = {
    {EXC_SYSTEM, "System error."},
    {EXC_ARITH, "Overflow or underflow in the arithmetic operation."},
    {EXC_DIVZERO, "Attempted to divide by zero."},
    {EXC_OVERFLOW, "Arithmetic operation resulted in an overflow."},
    {EXC_INVALIDCAST, "Specified cast is not valid."},
    {EXC_FORMAT, "One of the identified items was in an invalid format."},
    {EXC_ARGUMENT, "Value does not fall within the expected range."},
    {EXC_INVALIDOP, "Operation is not valid due to the current state of the object."},
    {EXC_NOTSUPPORTED, "Specified method is not supported."},
    {EXC_NULLREF, "Object reference not set to an instance of an object."},
    {EXC_INDEXRANGE, "Index was outside the bounds of the array."},
    {EXC_NOTIMPL, "The method or operation is not implemented."},
    {EXC_TIMEOUT, "The operation has timed out."},
    {EXC_UNAUTHORIZED, "Attempted to perform an unauthorized operation."},
    {EXC_KEYNOTFOUND, "The given key was not present in the dictionary."},
    {EXC_IO, "I/O error occurred."},
    {EXC_FILENOTFOUND, "Unable to find the specified file."},
    {EXC_DIRNOTFOUND, "Attempted to access a path that is not on the disk."},
    {EXC_APPLICATION, "Error in the application."},
};

static void default_msg(ExcKind k, StrBuf *out)
{
    for (size_t i = 0; i < sizeof default_msgs / sizeof default_msgs[0]; i++)
        if (default_msgs[i].kind == k) {
            sb_puts(out, default_msgs[i].msg);
            return;
        }
    sb_printf(out, "Exception of type '%s' was thrown.", errrec_exc_fullname(k));
}

/* new Exception([message]): ArgumentNullException and ArgumentOutOfRangeException take the
 * parameter name instead, as in .NET. */
static int exc_new_call(ExcKind k, const Value *args, int nargs, Value *out)
{
    StrBuf sb;
    sb_init(&sb);
    Value s = nargs ? convert_to_string(args[0], NULL) : val_str_empty();
    const char *a = val_str_data(s);
    if (k == EXC_ARGNULL)
        sb_printf(&sb, nargs ? "Value cannot be null. (Parameter '%s')" : "Value cannot be null.",
                  a);
    else if (k == EXC_ARGRANGE)
        sb_printf(&sb,
                  nargs ? "Specified argument was out of the range of valid values. (Parameter "
                          "'%s')"
                        : "Specified argument was out of the range of valid values.",
                  a);
    else if (nargs)
        sb_puts(&sb, a);
    else
        default_msg(k, &sb);
    *out = errrec_exception_new(k, sb_str(&sb));
    sb_free(&sb);
    val_unref(s);
    return MEMBER_OK;
}

/* Only the names starting with "System." need it stripped: "DayOfWeek" vs "System.DayOfWeek". */
int nettype_static_call(MemberCtx *c, const char *type, size_t tlen, const char *name, size_t nlen,
                        const Value *args, int nargs, Value *out, MemberError *err)
{
    const NetType *t = find_type(type, tlen);
    if (t && t->statics) {
        if (t->cls == &cls_guid && (nargs != 1 || !val_is_array(val_base(args[0]))))
            return MEMBER_NOTFOUND; /* the other Guid constructors live in members_kinds.c */
        return mbr_dispatch(t->statics, c, val_null(), name, nlen, args, nargs, out, err);
    }
    ExcKind k;
    if (str_ieq_slice(name, nlen, "new") && nargs <= 2 && errrec_exc_lookup(type, tlen, &k))
        return exc_new_call(k, args, nargs, out);
    return MEMBER_NOTFOUND;
}

int nettype_static_get(MemberCtx *c, const char *type, size_t tlen, const char *name, size_t nlen,
                       Value *out)
{
    const EnumType *e = enum_find(type, tlen);
    if (e && enum_member(e, name, nlen, out)) return MEMBER_OK;
    return MEMBER_NOTFOUND;
}

/* ---- instance methods ---- */

static int m_enum_hasflag(MbrCall *k, Value self, Value *out)
{
    Value f;
    ConvError e;
    if (enum_convert(enum_type_of(self), k->a[0], &f, &e))
        return mbr_exc(k, "ArgumentException", "%s", e.msg);
    *out = val_bool((enum_value(self) & enum_value(f)) == enum_value(f));
    val_unref(f);
    return 0;
}

static const MbrMethod enum_methods[] = {
    {"HasFlag", 1, 1, m_enum_hasflag, "flag"},
    {NULL, 0, 0, NULL, NULL},
};

int nettype_call(MemberCtx *c, Value self, const char *name, size_t len, const Value *args,
                 int nargs, Value *out, MemberError *err)
{
    self = val_base(self);
    if (self.kind != VAL_OBJ) return MEMBER_NOTFOUND;
    if (val_is_enum(self))
        return mbr_dispatch(enum_methods, c, self, name, len, args, nargs, out, err);
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (types[i].methods && types[i].cls && val_is(self, types[i].cls))
            return mbr_dispatch(types[i].methods, c, self, name, len, args, nargs, out, err);
    return MEMBER_NOTFOUND;
}
