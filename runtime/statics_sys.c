/*
** statics_sys: [convert], [environment] and [System.IO.Path].  Paths are POSIX: '/' is the
** only separator and the only root; GetFullPath resolves . and .. lexically against
** MemberCtx.cwd (or getcwd()).  Environment changes go to the process environment.
*/
#include "runtime/statics_sys.h"

#include <ctype.h>
#include <stdio.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "runtime/array.h"
#include "runtime/decimal.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"

extern char **environ;

/* ---- [convert] ---- */

static int overflow(MbrCall *k, TypeId t)
{
    return mbr_exc(k, "OverflowException", "Value was either too large or too small for %s.",
                   mbr_overflow_noun(t));
}

static int bits_of(TypeId t)
{
    return t == TY_BYTE || t == TY_SBYTE     ? 8
           : t == TY_INT16 || t == TY_UINT16 ? 16
           : t == TY_INT64 || t == TY_UINT64 ? 64
                                             : 32;
}

/* Digits of s in base (2, 8, 16), two's complement in the type's width. */
static int parse_base(MbrCall *k, const char *s, int base, TypeId t, Value *out)
{
    uint64_t v = 0;
    int bits = bits_of(t), any = 0;
    if (base == 16 && s[0] == '0' && (s[1] | 32) == 'x') s += 2;
    for (; *s; s++, any = 1) {
        int d = isdigit((unsigned char)*s)   ? *s - '0'
                : isalpha((unsigned char)*s) ? (*s | 32) - 'a' + 10
                                             : 99;
        if (d >= base) {
            if (!any)
                return mbr_exc(k, "FormatException", "Could not find any recognizable digits.");
            return mbr_exc(k, "FormatException",
                           "Additional non-parsable characters are at the end of the string.");
        }
        if (bits == 64 && v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) return overflow(k, t);
        v = v * (uint64_t)base + (uint64_t)d;
        if (bits < 64 && v >> bits) return overflow(k, t);
    }
    if (!any)
        return mbr_exc(k, "ArgumentOutOfRangeException",
                       "Index was out of range. Must be non-negative and less than the size of the "
                       "collection. (Parameter 'startIndex')");
    int is_signed = t == TY_SBYTE || t == TY_INT16 || t == TY_INT32 || t == TY_INT64;
    if (is_signed && bits < 64 && (v >> (bits - 1))) v -= (uint64_t)1 << bits; /* sign-extend */
    *out = val_integer(type_val_kind(t), (int64_t)v);
    return 0;
}

/* ToInt32(value[, fromBase]) and friends: numbers round half to even, strings parse. */
static int to_int_generic(MbrCall *k, TypeId t, Value *out)
{
    Value v = val_base(k->a[0]);
    ConvError ce;
    if (val_is_null(v)) return *out = val_integer(type_val_kind(t), 0), 0;
    if (k->n == 2) {
        int32_t base;
        if (mbr_int(k, 1, &base)) return -1;
        if (base != 2 && base != 8 && base != 10 && base != 16)
            return mbr_exc(k, "ArgumentException", "Invalid Base.");
        Value s = mbr_str(k, 0);
        int rc = base == 10 ? convert_to(s, t, 0, out, &ce) ? overflow(k, t) : 0
                            : parse_base(k, val_str_data(s), base, t, out);
        val_unref(s);
        return rc;
    }
    if (val_is_str(v)) {
        Value n;
        if (convert_parse_number(val_str_data(v), val_str_len(v), &n) || !val_is_integer(n))
            return mbr_exc(k, "FormatException",
                           "The input string '%.300s' was not in a correct format.",
                           val_str_data(v));
    }
    if (v.kind == VAL_BOOL) return *out = val_integer(type_val_kind(t), v.as.b), 0;
    if (convert_to(v, t, 0, out, &ce)) {
        if (strstr(ce.msg, "overflow") || strstr(ce.msg, "too large") ||
            strstr(ce.msg, "too small"))
            return overflow(k, t);
        return mbr_exc(k, "InvalidCastException", "%s", ce.msg);
    }
    return 0;
}

#define TO_INT(fname, t)                                                                           \
    static int fname(MbrCall *k, Value self, Value *out)                                           \
    {                                                                                              \
        return to_int_generic(k, t, out);                                                          \
    }
TO_INT(c_toint32, TY_INT32)
TO_INT(c_toint64, TY_INT64)
TO_INT(c_toint16, TY_INT16)
TO_INT(c_tobyte, TY_BYTE)
TO_INT(c_tosbyte, TY_SBYTE)
TO_INT(c_touint16, TY_UINT16)
TO_INT(c_touint32, TY_UINT32)
TO_INT(c_touint64, TY_UINT64)

/* ToString(value[, toBase | format]) */
static int c_tostring(MbrCall *k, Value self, Value *out)
{
    Value v = val_base(k->a[0]);
    StrBuf sb = {0};
    if (k->n == 2 && val_is_integer(v)) {
        int32_t base;
        if (mbr_int(k, 1, &base)) return -1;
        if (base != 2 && base != 8 && base != 10 && base != 16)
            return mbr_exc(k, "ArgumentException", "Invalid Base.");
        int bits = v.kind <= VAL_UINT16 && v.kind >= VAL_SBYTE   ? (v.kind <= VAL_BYTE ? 8 : 16)
                   : v.kind == VAL_INT64 || v.kind == VAL_UINT64 ? 64
                                                                 : 32;
        if (v.kind == VAL_SBYTE) bits = 16; /* .NET has no SByte overload: Int16 */
        uint64_t u = bits == 64 ? v.as.u : v.as.u & ((UINT64_C(1) << bits) - 1);
        char tmp[80];
        int n = 0, step = base == 16 ? 4 : base == 8 ? 3 : 1;
        if (base == 10) {
            convert_append_scalar(v, &sb);
        } else {
            do
                tmp[n++] = "0123456789abcdef"[u & (uint64_t)(base - 1)], u >>= step;
            while (u);
            while (n)
                sb_putc(&sb, tmp[--n]);
        }
        *out = val_str_take_sb(&sb);
        return 0;
    }
    if (val_is_null(v)) return *out = val_str_empty(), 0;
    Value f = k->n == 2 ? mbr_str(k, 1) : val_null();
    NfStatus st = mbr_format(v, k->n == 2 ? val_str_data(f) : NULL, &sb);
    val_unref(f);
    if (st != NF_OK) return sb_free(&sb), mbr_exc(k, "FormatException", "%s", nf_strerror(st));
    *out = val_str_take_sb(&sb);
    return 0;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int c_tobase64(MbrCall *k, Value self, Value *out)
{
    StrBuf in = {0}, sb = {0};
    if (mbr_bytes(k, 0, &in)) return sb_free(&in), -1;
    const unsigned char *p = (const unsigned char *)in.buf;
    for (size_t i = 0; i < in.len; i += 3) {
        uint32_t w = (uint32_t)p[i] << 16 | (i + 1 < in.len ? (uint32_t)p[i + 1] << 8 : 0) |
                     (i + 2 < in.len ? p[i + 2] : 0);
        sb_putc(&sb, b64[w >> 18]);
        sb_putc(&sb, b64[(w >> 12) & 63]);
        sb_putc(&sb, i + 1 < in.len ? b64[(w >> 6) & 63] : '=');
        sb_putc(&sb, i + 2 < in.len ? b64[w & 63] : '=');
    }
    sb_free(&in);
    *out = sb.len ? val_str_take_sb(&sb) : val_str_empty();
    return 0;
}

static int b64_bad(MbrCall *k)
{
    return mbr_exc(k, "FormatException",
                   "The input is not a valid Base-64 string as it contains a non-base 64 "
                   "character, more than two padding characters, or an illegal character among "
                   "the padding characters.");
}

static int c_frombase64(MbrCall *k, Value self, Value *out)
{
    Value s = mbr_str(k, 0);
    const char *p = val_str_data(s);
    uint32_t acc = 0;
    int nbits = 0, pad = 0, rc = 0;
    size_t nchars = 0;
    Value arr = arr_new(TY_BYTE, val_str_len(s));
    for (; *p && rc == 0; p++) {
        const char *d = strchr(b64, *p);
        if (isspace((unsigned char)*p)) continue;
        nchars++;
        if (*p == '=') {
            pad++;
            continue;
        }
        if (!d || !*p || pad) {
            rc = -1;
            break;
        }
        acc = acc << 6 | (uint32_t)(d - b64);
        nbits += 6;
        if (nbits >= 8) {
            nbits -= 8;
            arr_push(arr, val_integer(VAL_BYTE, (acc >> nbits) & 0xFF));
        }
    }
    val_unref(s);
    if (rc || nchars % 4 || pad > 2) {
        val_unref(arr);
        return b64_bad(k);
    }
    *out = arr;
    return 0;
}

static int c_tohex(MbrCall *k, Value self, Value *out)
{
    StrBuf in = {0}, sb = {0};
    if (mbr_bytes(k, 0, &in)) return sb_free(&in), -1;
    for (size_t i = 0; i < in.len; i++)
        sb_printf(&sb, "%02X", (unsigned char)in.buf[i]);
    sb_free(&in);
    *out = sb.len ? val_str_take_sb(&sb) : val_str_empty();
    return 0;
}

static int c_fromhex(MbrCall *k, Value self, Value *out)
{
    Value s = mbr_str(k, 0);
    const char *p = val_str_data(s);
    size_t n = val_str_len(s);
    Value arr = arr_new(TY_BYTE, n / 2);
    int ok = n % 2 == 0;
    for (size_t i = 0; ok && i < n; i += 2) {
        char tmp[3] = {p[i], p[i + 1], 0}, *end;
        long b = strtol(tmp, &end, 16);
        ok = *end == 0 && isxdigit((unsigned char)p[i]) && isxdigit((unsigned char)p[i + 1]);
        if (ok) arr_push(arr, val_integer(VAL_BYTE, b));
    }
    val_unref(s);
    if (!ok) {
        val_unref(arr);
        return mbr_exc(k, "FormatException",
                       n % 2 ? "The input is not a valid hex string as its "
                               "length is not a multiple of 2."
                             : "The input is not a valid hex string as "
                               "it contains a non-hex character.");
    }
    *out = arr;
    return 0;
}

/* ToBoolean(value): strings must say True/False; numbers are non-zero. */
static int c_toboolean(MbrCall *k, Value self, Value *out)
{
    Value v = val_base(k->a[0]);
    if (val_is_str(v)) {
        const char *p = val_str_data(v);
        while (isspace((unsigned char)*p))
            p++;
        size_t n = strlen(p);
        while (n && isspace((unsigned char)p[n - 1]))
            n--;
        if (str_ieq_slice(p, n, "True")) return *out = val_bool(1), 0;
        if (str_ieq_slice(p, n, "False")) return *out = val_bool(0), 0;
        return mbr_exc(k, "FormatException", "String '%s' was not recognized as a valid Boolean.",
                       val_str_data(v));
    }
    *out = val_bool(convert_truthy(v));
    return 0;
}

static int to_type(MbrCall *k, TypeId t, Value *out)
{
    ConvError ce;
    Value v = val_base(k->a[0]);
    if (val_is_null(v)) return *out = val_make(type_val_kind(t)), 0;
    if (convert_to(v, t, 0, out, &ce)) {
        const char *id = strstr(ce.msg, "format") ? "FormatException" : "InvalidCastException";
        return mbr_exc(k, id, "%s", ce.msg);
    }
    return 0;
}

static int c_todouble(MbrCall *k, Value self, Value *out)
{
    return to_type(k, TY_DOUBLE, out);
}

static int c_tosingle(MbrCall *k, Value self, Value *out)
{
    return to_type(k, TY_SINGLE, out);
}

static int c_todecimal(MbrCall *k, Value self, Value *out)
{
    if (val_is_null(k->a[0])) return *out = dec_value(dec_from_int64(0)), 0;
    return to_type(k, TY_DECIMAL, out);
}

static int c_tochar(MbrCall *k, Value self, Value *out)
{
    Value v = val_base(k->a[0]);
    if (val_is_str(v) && val_str_len16(v) != 1)
        return mbr_exc(k, "FormatException", "String must be exactly one character long.");
    if (val_is_integer(v) && (v.as.i < 0 || v.as.i > 0xFFFF)) return overflow(k, TY_CHAR);
    return to_type(k, TY_CHAR, out);
}

static int c_todatetime(MbrCall *k, Value self, Value *out)
{
    return to_type(k, TY_DATETIME, out);
}

const MbrMethod sys_convert_statics[] = {
    {"ToInt32", 1, 2, c_toint32, "value,fromBase"},
    {"ToInt64", 1, 2, c_toint64, "value,fromBase"},
    {"ToInt16", 1, 2, c_toint16, NULL},
    {"ToByte", 1, 2, c_tobyte, NULL},
    {"ToSByte", 1, 2, c_tosbyte, NULL},
    {"ToUInt16", 1, 2, c_touint16, NULL},
    {"ToUInt32", 1, 2, c_touint32, NULL},
    {"ToUInt64", 1, 2, c_touint64, NULL},
    {"ToString", 1, 2, c_tostring, "value,toBase"},
    {"ToBase64String", 1, 1, c_tobase64, NULL},
    {"FromBase64String", 1, 1, c_frombase64, NULL},
    {"ToHexString", 1, 1, c_tohex, NULL},
    {"FromHexString", 1, 1, c_fromhex, NULL},
    {"ToBoolean", 1, 1, c_toboolean, NULL},
    {"ToDouble", 1, 1, c_todouble, NULL},
    {"ToSingle", 1, 1, c_tosingle, NULL},
    {"ToDecimal", 1, 1, c_todecimal, NULL},
    {"ToChar", 1, 1, c_tochar, NULL},
    {"ToDateTime", 1, 1, c_todatetime, NULL},
    {NULL, 0, 0, NULL, NULL},
};

/* ---- [environment] ---- */

static Value cwd_value(MemberCtx *c)
{
    if (c && c->cwd) return val_str(c->cwd);
    char buf[4096];
    return val_str(getcwd(buf, sizeof buf) ? buf : "/");
}

static int e_getenv(MbrCall *k, Value self, Value *out)
{
    Value name = mbr_str(k, 0);
    const char *v = val_str_len(name) ? getenv(val_str_data(name)) : NULL;
    *out = v ? val_str(v) : val_null();
    val_unref(name);
    return 0;
}

/* SetEnvironmentVariable(name, value): $null or "" removes it. */
static int e_setenv(MbrCall *k, Value self, Value *out)
{
    Value name = mbr_str(k, 0);
    int rc = 0;
    if (val_str_len(name) == 0 || strchr(val_str_data(name), '=')) {
        rc = mbr_exc(k, "ArgumentException",
                     val_str_len(name) ? "Environment variable name "
                                         "cannot contain equal character. (Parameter 'variable')"
                                       : "String cannot be "
                                         "of zero length. (Parameter 'variable')");
    } else if (val_is_null(k->a[1]) ||
               (val_is_str(val_base(k->a[1])) && val_str_len(val_base(k->a[1])) == 0)) {
        unsetenv(val_str_data(name));
    } else {
        Value v = mbr_str(k, 1);
        setenv(val_str_data(name), val_str_data(v), 1);
        val_unref(v);
    }
    val_unref(name);
    return rc;
}

static int e_getenvs(MbrCall *k, Value self, Value *out)
{
    *out = ht_new(0);
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        Value key = val_str_n(*e, (size_t)(eq - *e)), val = val_str(eq + 1);
        ht_set(*out, key, val);
        val_unref(key);
        val_unref(val);
    }
    return 0;
}

static int e_cmdargs(MbrCall *k, Value self, Value *out)
{
    int n = k->c ? k->c->argc : 0;
    *out = arr_new(TY_STRING, (size_t)n);
    for (int i = 0; i < n && k->c->argv; i++)
        arr_push_take(*out, val_str(k->c->argv[i]));
    return 0;
}

/* ExpandEnvironmentVariables: %NAME% for set variables; others stay as written. */
static int e_expand(MbrCall *k, Value self, Value *out)
{
    Value s = mbr_str(k, 0);
    const char *p = val_str_data(s);
    StrBuf sb = {0};
    while (*p) {
        const char *e = *p == '%' ? strchr(p + 1, '%') : NULL;
        char *name = e ? xstrndup(p + 1, (size_t)(e - p - 1)) : NULL;
        const char *v = name && *name ? getenv(name) : NULL;
        free(name);
        if (v) {
            sb_puts(&sb, v);
            p = e + 1;
        } else {
            sb_putc(&sb, *p++);
        }
    }
    val_unref(s);
    *out = sb.len ? val_str_take_sb(&sb) : val_str_empty();
    return 0;
}

const MbrMethod sys_env_statics[] = {
    {"GetEnvironmentVariable", 1, 2, e_getenv, NULL},
    {"SetEnvironmentVariable", 2, 3, e_setenv, NULL},
    {"GetEnvironmentVariables", 0, 1, e_getenvs, NULL},
    {"GetCommandLineArgs", 0, 0, e_cmdargs, NULL},
    {"ExpandEnvironmentVariables", 1, 1, e_expand, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int p_newline(MemberCtx *c, Value self, Value *out)
{
    return *out = val_str("\n"), 1;
}

static int p_machinename(MemberCtx *c, Value self, Value *out)
{
    char buf[256] = "localhost";
    gethostname(buf, sizeof buf - 1);
    buf[sizeof buf - 1] = 0;
    char *dot = strchr(buf, '.');
    if (dot) *dot = 0;
    return *out = val_str(buf), 1;
}

static int p_username(MemberCtx *c, Value self, Value *out)
{
    struct passwd *pw = getpwuid(getuid());
    const char *u = pw ? pw->pw_name : getenv("USER");
    return *out = val_str(u ? u : ""), 1;
}

static int p_processors(MemberCtx *c, Value self, Value *out)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return *out = val_int((int32_t)(n > 0 ? n : 1)), 1;
}

static int p_curdir(MemberCtx *c, Value self, Value *out)
{
    return *out = cwd_value(c), 1;
}

static int p_is64(MemberCtx *c, Value self, Value *out)
{
    return *out = val_bool(sizeof(void *) == 8), 1;
}

static int p_osversion(MemberCtx *c, Value self, Value *out)
{
    struct utsname u;
    StrBuf sb = {0};
    sb_puts(&sb, "Unix ");
    if (uname(&u) == 0) {
        size_t n = strspn(u.release, "0123456789.");
        sb_append(&sb, u.release, n);
    }
    return *out = val_str_take_sb(&sb), 1;
}

static int p_pid(MemberCtx *c, Value self, Value *out)
{
    return *out = val_int((int32_t)getpid()), 1;
}

static int p_tickcount64(MemberCtx *c, Value self, Value *out)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return *out = val_long((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000), 1;
}

static int p_tickcount(MemberCtx *c, Value self, Value *out)
{
    p_tickcount64(c, self, out);
    *out = val_int((int32_t)(uint32_t)out->as.i);
    return 1;
}

static int p_userdomain(MemberCtx *c, Value self, Value *out)
{
    return p_machinename(c, self, out);
}

const MbrProp sys_env_sprops[] = {
    {"NewLine", p_newline},
    {"MachineName", p_machinename},
    {"UserName", p_username},
    {"UserDomainName", p_userdomain},
    {"ProcessorCount", p_processors},
    {"CurrentDirectory", p_curdir},
    {"Is64BitProcess", p_is64},
    {"Is64BitOperatingSystem", p_is64},
    {"OSVersion", p_osversion},
    {"ProcessId", p_pid},
    {"TickCount", p_tickcount},
    {"TickCount64", p_tickcount64},
    {NULL, NULL},
};

/* ---- [System.IO.Path] ---- */

/* The string argument, or NULL (with *out = $null) when it is $null: .NET returns null. */
static Value path_arg(MbrCall *k, int i)
{
    return val_is_null(k->a[i]) ? val_null() : mbr_str(k, i);
}

static int rooted(const char *p)
{
    return p[0] == '/';
}

/* Combine(paths...): a rooted part restarts the path. */
static int combine(MbrCall *k, Value *out, int reset_on_root)
{
    StrBuf sb = {0};
    size_t n = k->n;
    Value only = k->n == 1 ? val_base(k->a[0]) : val_null();
    if (val_is_array(only)) n = arr_len(only);
    for (size_t i = 0; i < n; i++) {
        Value e = val_is_array(only) ? arr_peek(only, i) : k->a[i];
        if (val_is_null(e)) {
            sb_free(&sb);
            return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'paths')");
        }
        Value s = convert_to_string(e, NULL);
        const char *p = val_str_data(s);
        if (*p) {
            if (reset_on_root && rooted(p)) sb_clear(&sb);
            if (sb.len && sb.buf[sb.len - 1] != '/' && p[0] != '/') sb_putc(&sb, '/');
            sb_puts(&sb, p);
        }
        val_unref(s);
    }
    *out = sb.len ? val_str_take_sb(&sb) : val_str_empty();
    return 0;
}

static int p_combine(MbrCall *k, Value self, Value *out)
{
    return combine(k, out, 1);
}

static int p_join(MbrCall *k, Value self, Value *out)
{
    return combine(k, out, 0);
}

static const char *base_of(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int p_getfilename(MbrCall *k, Value self, Value *out)
{
    Value s = path_arg(k, 0);
    if (val_is_null(s)) return *out = s, 0;
    *out = val_str(base_of(val_str_data(s)));
    val_unref(s);
    return 0;
}

/* The extension's start in p (its '.'), or NULL. */
static const char *ext_of(const char *p)
{
    const char *b = base_of(p), *dot = strrchr(b, '.');
    return dot && dot[1] ? dot : NULL;
}

static int p_getfilenamenoext(MbrCall *k, Value self, Value *out)
{
    Value s = path_arg(k, 0);
    if (val_is_null(s)) return *out = s, 0;
    const char *b = base_of(val_str_data(s)), *dot = strrchr(b, '.');
    *out = dot ? val_str_n(b, (size_t)(dot - b)) : val_str(b);
    val_unref(s);
    return 0;
}

static int p_getextension(MbrCall *k, Value self, Value *out)
{
    Value s = path_arg(k, 0);
    if (val_is_null(s)) return *out = s, 0;
    const char *e = ext_of(val_str_data(s));
    *out = val_str(e ? e : "");
    val_unref(s);
    return 0;
}

static int p_hasextension(MbrCall *k, Value self, Value *out)
{
    Value s = path_arg(k, 0);
    *out = val_bool(!val_is_null(s) && ext_of(val_str_data(s)) != NULL);
    val_unref(s);
    return 0;
}

/* GetDirectoryName: everything before the last separator; $null for a root or "". */
static int p_getdirectoryname(MbrCall *k, Value self, Value *out)
{
    Value s = path_arg(k, 0);
    if (val_is_null(s)) return *out = s, 0;
    const char *p = val_str_data(s), *slash = strrchr(p, '/');
    size_t n = slash ? (size_t)(slash - p) : 0;
    while (n > 1 && p[n - 1] == '/')
        n--;
    if (!*p || strspn(p, "/") == strlen(p))
        *out = val_null();
    else
        *out = slash ? val_str_n(p, n ? n : 1) : val_str_empty();
    val_unref(s);
    return 0;
}

/* Lexical normalisation of an absolute path: collapse //, resolve . and .. */
static Value normalize(const char *abs)
{
    StrBuf sb = {0};
    const char *p = abs;
    int trailing = strlen(abs) > 1 && abs[strlen(abs) - 1] == '/';
    while (*p) {
        while (*p == '/')
            p++;
        size_t n = strcspn(p, "/");
        if (n == 0) break;
        if (n == 1 && p[0] == '.') {
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (sb.len && sb.buf[sb.len - 1] != '/')
                sb.len--;
            if (sb.len) sb.len--;
            if (sb.buf) sb.buf[sb.len] = 0;
        } else {
            sb_putc(&sb, '/');
            sb_append(&sb, p, n);
        }
        p += n;
    }
    if (!sb.len || trailing) sb_putc(&sb, '/');
    return val_str_take_sb(&sb);
}

static int p_getfullpath(MbrCall *k, Value self, Value *out)
{
    if (val_is_null(k->a[0]))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'path')");
    Value s = mbr_str(k, 0);
    if (val_str_len(s) == 0) {
        val_unref(s);
        return mbr_exc(k, "ArgumentException",
                       "The value cannot be an empty string. (Parameter 'path')");
    }
    Value base = k->n > 1 ? mbr_str(k, 1) : cwd_value(k->c);
    StrBuf sb = {0};
    if (!rooted(val_str_data(s))) {
        sb_puts(&sb, val_str_data(base));
        sb_putc(&sb, '/');
    }
    sb_puts(&sb, val_str_data(s));
    *out = normalize(sb_str(&sb));
    sb_free(&sb);
    val_unref(s);
    val_unref(base);
    return 0;
}

static int p_gettemppath(MbrCall *k, Value self, Value *out)
{
    const char *t = getenv("TMPDIR");
    StrBuf sb = {0};
    sb_puts(&sb, t && *t ? t : "/tmp/");
    if (sb.buf[sb.len - 1] != '/') sb_putc(&sb, '/');
    *out = val_str_take_sb(&sb);
    return 0;
}

/* GetTempFileName(): creates an empty file tmpXXXXXX.tmp in the temp directory. */
static int p_gettempfilename(MbrCall *k, Value self, Value *out)
{
    Value dir;
    p_gettemppath(k, self, &dir);
    StrBuf sb = {0};
    sb_printf(&sb, "%stmpXXXXXX.tmp", val_str_data(dir));
    val_unref(dir);
    int fd = mkstemps(sb.buf, 4);
    if (fd < 0) {
        sb_free(&sb);
        return mbr_exc(k, "IOException", "The file exists.");
    }
    close(fd);
    *out = val_str_take_sb(&sb);
    return 0;
}

static int p_changeextension(MbrCall *k, Value self, Value *out)
{
    Value s = path_arg(k, 0);
    if (val_is_null(s)) return *out = s, 0;
    const char *p = val_str_data(s), *b = base_of(p), *dot = strrchr(b, '.');
    StrBuf sb = {0};
    sb_append(&sb, p, dot ? (size_t)(dot - p) : strlen(p));
    if (!val_is_null(k->a[1])) {
        Value e = mbr_str(k, 1);
        if (val_str_data(e)[0] != '.') sb_putc(&sb, '.');
        sb_puts(&sb, val_str_data(e));
        val_unref(e);
    }
    val_unref(s);
    *out = sb.len ? val_str_take_sb(&sb) : val_str_empty();
    return 0;
}

static int p_ispathrooted(MbrCall *k, Value self, Value *out)
{
    Value s = path_arg(k, 0);
    *out = val_bool(!val_is_null(s) && rooted(val_str_data(s)));
    val_unref(s);
    return 0;
}

static int p_getpathroot(MbrCall *k, Value self, Value *out)
{
    Value s = path_arg(k, 0);
    if (val_is_null(s)) return *out = s, 0;
    *out = rooted(val_str_data(s)) ? val_str("/") : val_str_empty();
    val_unref(s);
    return 0;
}

/* Eight random characters, a dot, three more (a-z, 0-5: base 32 like .NET). */
static int p_randomfilename(MbrCall *k, Value self, Value *out)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz012345";
    unsigned char r[11];
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got = f ? fread(r, 1, sizeof r, f) : 0;
    if (f) fclose(f);
    for (size_t i = got; i < sizeof r; i++)
        r[i] = (unsigned char)rand();
    char name[13];
    for (int i = 0, j = 0; i < 12; i++)
        name[i] = i == 8 ? '.' : alphabet[r[j++] & 31];
    name[12] = 0;
    *out = val_str(name);
    return 0;
}

static int p_endsinsep(MbrCall *k, Value self, Value *out)
{
    Value s = path_arg(k, 0);
    size_t n = val_is_null(s) ? 0 : val_str_len(s);
    *out = val_bool(n && val_str_data(s)[n - 1] == '/');
    val_unref(s);
    return 0;
}

static int p_trimendsep(MbrCall *k, Value self, Value *out)
{
    Value s = path_arg(k, 0);
    if (val_is_null(s)) return *out = s, 0;
    size_t n = val_str_len(s);
    if (n > 1 && val_str_data(s)[n - 1] == '/')
        *out = val_str_n(val_str_data(s), n - 1), val_unref(s);
    else
        *out = s;
    return 0;
}

const MbrMethod sys_path_statics[] = {
    {"Combine", 1, 64, p_combine, NULL},
    {"Join", 1, 64, p_join, NULL},
    {"GetFileName", 1, 1, p_getfilename, NULL},
    {"GetFileNameWithoutExtension", 1, 1, p_getfilenamenoext, NULL},
    {"GetExtension", 1, 1, p_getextension, NULL},
    {"HasExtension", 1, 1, p_hasextension, NULL},
    {"GetDirectoryName", 1, 1, p_getdirectoryname, NULL},
    {"GetFullPath", 1, 2, p_getfullpath, NULL},
    {"GetTempPath", 0, 0, p_gettemppath, NULL},
    {"GetTempFileName", 0, 0, p_gettempfilename, NULL},
    {"ChangeExtension", 2, 2, p_changeextension, NULL},
    {"IsPathRooted", 1, 1, p_ispathrooted, NULL},
    {"GetPathRoot", 1, 1, p_getpathroot, NULL},
    {"GetRandomFileName", 0, 0, p_randomfilename, NULL},
    {"EndsInDirectorySeparator", 1, 1, p_endsinsep, NULL},
    {"TrimEndingDirectorySeparator", 1, 1, p_trimendsep, NULL},
    {NULL, 0, 0, NULL, NULL},
};

static int p_dirsep(MemberCtx *c, Value self, Value *out)
{
    return *out = val_char('/'), 1;
}

static int p_pathsep(MemberCtx *c, Value self, Value *out)
{
    return *out = val_char(':'), 1;
}

const MbrProp sys_path_sprops[] = {
    {"DirectorySeparatorChar", p_dirsep},
    {"AltDirectorySeparatorChar", p_dirsep},
    {"VolumeSeparatorChar", p_dirsep},
    {"PathSeparator", p_pathsep},
    {NULL, NULL},
};
