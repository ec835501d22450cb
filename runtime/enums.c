/*
** enums: the enum table and enum values.  An EnumType embeds its ObjClass first, so a value's
** class pointer leads back to its type.  Member lists are in .NET declaration order; ToString
** of a value with no exact name gives, for flags enums, the names of its bits in ascending
** value order ("ReadOnly, Hidden"), else the number.
*/
#include "runtime/enums.h"

#include <inttypes.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/mem.h"

typedef struct EnumMember {
    const char *name;
    int64_t value;
} EnumMember;

struct EnumType {
    ObjClass cls;      /* first: a value's class is its type */
    const char *alias; /* a short accepted name besides cls.name ("" when none) */
    int flags;         /* [Flags] enum */
    const EnumMember *members;
};

typedef struct ObjEnum {
    Obj obj;
    int64_t value;
} ObjEnum;

static void enum_str(Value self, StrBuf *out);
static int enum_equals(Value self, Value other);

#define ENUM_CLASS(n, f)                                                                           \
    {                                                                                              \
        .name = n, .full_name = f, .type = TY_OTHER, .to_string = enum_str, .equals = enum_equals  \
    }

static const EnumMember day_of_week[] = {{"Sunday", 0},    {"Monday", 1},   {"Tuesday", 2},
                                         {"Wednesday", 3}, {"Thursday", 4}, {"Friday", 5},
                                         {"Saturday", 6},  {NULL, 0}};
static const EnumMember console_color[] = {
    {"Black", 0},       {"DarkBlue", 1},   {"DarkGreen", 2}, {"DarkCyan", 3}, {"DarkRed", 4},
    {"DarkMagenta", 5}, {"DarkYellow", 6}, {"Gray", 7},      {"DarkGray", 8}, {"Blue", 9},
    {"Green", 10},      {"Cyan", 11},      {"Red", 12},      {"Magenta", 13}, {"Yellow", 14},
    {"White", 15},      {NULL, 0}};
static const EnumMember file_attributes[] = {{"ReadOnly", 1},
                                             {"Hidden", 2},
                                             {"System", 4},
                                             {"Directory", 16},
                                             {"Archive", 32},
                                             {"Device", 64},
                                             {"Normal", 128},
                                             {"Temporary", 256},
                                             {"SparseFile", 512},
                                             {"ReparsePoint", 1024},
                                             {"Compressed", 2048},
                                             {"Offline", 4096},
                                             {"NotContentIndexed", 8192},
                                             {"Encrypted", 16384},
                                             {"IntegrityStream", 32768},
                                             {"NoScrubData", 131072},
                                             {NULL, 0}};
static const EnumMember action_preference[] = {
    {"SilentlyContinue", 0}, {"Stop", 1},    {"Continue", 2}, {"Inquire", 3},
    {"Ignore", 4},           {"Suspend", 5}, {"Break", 6},    {NULL, 0}};
static const EnumMember platform_id[] = {{"Win32S", 0}, {"Win32Windows", 1}, {"Win32NT", 2},
                                         {"WinCE", 3},  {"Unix", 4},         {"Xbox", 5},
                                         {"MacOSX", 6}, {"Other", 7},        {NULL, 0}};
static const EnumMember type_attributes[] = {{"NotPublic", 0},
                                             {"AutoLayout", 0},
                                             {"AnsiClass", 0},
                                             {"Class", 0},
                                             {"Public", 1},
                                             {"NestedPublic", 2},
                                             {"NestedPrivate", 3},
                                             {"NestedFamily", 4},
                                             {"NestedAssembly", 5},
                                             {"NestedFamANDAssem", 6},
                                             {"NestedFamORAssem", 7},
                                             {"VisibilityMask", 7},
                                             {"SequentialLayout", 8},
                                             {"ExplicitLayout", 16},
                                             {"LayoutMask", 24},
                                             {"Interface", 32},
                                             {"ClassSemanticsMask", 32},
                                             {"Abstract", 128},
                                             {"Sealed", 256},
                                             {"SpecialName", 1024},
                                             {"RTSpecialName", 2048},
                                             {"Import", 4096},
                                             {"Serializable", 8192},
                                             {"WindowsRuntime", 16384},
                                             {"UnicodeClass", 65536},
                                             {"AutoClass", 131072},
                                             {"CustomFormatClass", 196608},
                                             {"StringFormatMask", 196608},
                                             {"HasSecurity", 262144},
                                             {"ReservedMask", 264192},
                                             {"BeforeFieldInit", 1048576},
                                             {"CustomFormatMask", 12582912},
                                             {NULL, 0}};
static const EnumMember regex_options[] = {{"None", 0},
                                           {"IgnoreCase", 1},
                                           {"Multiline", 2},
                                           {"ExplicitCapture", 4},
                                           {"Compiled", 8},
                                           {"Singleline", 16},
                                           {"IgnorePatternWhitespace", 32},
                                           {"RightToLeft", 64},
                                           {"ECMAScript", 256},
                                           {"CultureInvariant", 512},
                                           {"NonBacktracking", 1024},
                                           {NULL, 0}};
static const EnumMember split_options[] = {
    {"None", 0}, {"RemoveEmptyEntries", 1}, {"TrimEntries", 2}, {NULL, 0}};
static const EnumMember datetime_kind[] = {{"Unspecified", 0}, {"Utc", 1}, {"Local", 2}, {NULL, 0}};

static const EnumMember error_category[] = {{"NotSpecified", 0},
                                            {"OpenError", 1},
                                            {"CloseError", 2},
                                            {"DeviceError", 3},
                                            {"DeadlockDetected", 4},
                                            {"InvalidArgument", 5},
                                            {"InvalidData", 6},
                                            {"InvalidOperation", 7},
                                            {"InvalidResult", 8},
                                            {"InvalidType", 9},
                                            {"MetadataError", 10},
                                            {"NotImplemented", 11},
                                            {"NotInstalled", 12},
                                            {"ObjectNotFound", 13},
                                            {"OperationStopped", 14},
                                            {"OperationTimeout", 15},
                                            {"SyntaxError", 16},
                                            {"ParserError", 17},
                                            {"PermissionDenied", 18},
                                            {"ResourceBusy", 19},
                                            {"ResourceExists", 20},
                                            {"ResourceUnavailable", 21},
                                            {"ReadError", 22},
                                            {"WriteError", 23},
                                            {"FromStdErr", 24},
                                            {"SecurityError", 25},
                                            {"ProtocolError", 26},
                                            {"ConnectionError", 27},
                                            {"AuthenticationError", 28},
                                            {"LimitsExceeded", 29},
                                            {"QuotaExceeded", 30},
                                            {"NotEnabled", 31},
                                            {NULL, 0}};

static const EnumType enums[] = {
    {ENUM_CLASS("DayOfWeek", "System.DayOfWeek"), "", 0, day_of_week},
    {ENUM_CLASS("ConsoleColor", "System.ConsoleColor"), "", 0, console_color},
    {ENUM_CLASS("FileAttributes", "System.IO.FileAttributes"), "", 1, file_attributes},
    {ENUM_CLASS("ActionPreference", "System.Management.Automation.ActionPreference"), "", 0,
     action_preference},
    {ENUM_CLASS("PlatformID", "System.PlatformID"), "", 0, platform_id},
    {ENUM_CLASS("TypeAttributes", "System.Reflection.TypeAttributes"), "", 1, type_attributes},
    {ENUM_CLASS("RegexOptions", "System.Text.RegularExpressions.RegexOptions"), "", 1,
     regex_options},
    {ENUM_CLASS("StringSplitOptions", "System.StringSplitOptions"), "", 1, split_options},
    {ENUM_CLASS("DateTimeKind", "System.DateTimeKind"), "", 0, datetime_kind},
    {ENUM_CLASS("ErrorCategory", "System.Management.Automation.ErrorCategory"), "", 0,
     error_category},
};

/* "name" matches the full name, the full name without "System.", or the short name. */
static int name_matches(const EnumType *t, const char *name, size_t len)
{
    const char *full = t->cls.full_name;
    if (str_ieq_slice(name, len, full) || str_ieq_slice(name, len, t->cls.name)) return 1;
    return strncmp(full, "System.", 7) == 0 && str_ieq_slice(name, len, full + 7);
}

const EnumType *enum_find(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof enums / sizeof enums[0]; i++)
        if (name_matches(&enums[i], name, len)) return &enums[i];
    return NULL;
}

int val_is_enum(Value v)
{
    return v.kind == VAL_OBJ && v.as.o->cls->to_string == enum_str;
}

const EnumType *enum_type_of(Value v)
{
    return (const EnumType *)v.as.o->cls;
}

int64_t enum_value(Value v)
{
    return ((const ObjEnum *)v.as.o)->value;
}

const char *enum_fullname(const EnumType *t)
{
    return t->cls.full_name;
}

Value enum_make(const EnumType *t, int64_t v)
{
    ObjEnum *e = (ObjEnum *)obj_alloc(&t->cls, sizeof(ObjEnum));
    e->value = v;
    return val_obj_take(&e->obj);
}

static int enum_equals(Value self, Value other)
{
    return val_is_enum(other) && enum_type_of(other) == enum_type_of(self) &&
           enum_value(other) == enum_value(self);
}

/* The last declared name with exactly value v (.NET picks one of the aliases). */
static const char *exact_name(const EnumType *t, int64_t v)
{
    for (const EnumMember *m = t->members; m->name; m++)
        if (m->value == v) return m->name;
    return NULL;
}

/* Flags: the single-bit names that cover v, ascending; 0 when some bits have no name. */
static int flag_names(const EnumType *t, int64_t v, StrBuf *out)
{
    int64_t left = v;
    StrBuf sb;
    sb_init(&sb);
    for (int bit = 0; bit < 63; bit++) {
        int64_t b = (int64_t)1 << bit;
        if (!(v & b)) continue;
        const char *n = exact_name(t, b);
        if (!n) break;
        if (sb.len) sb_puts(&sb, ", ");
        sb_puts(&sb, n);
        left &= ~b;
    }
    int ok = left == 0;
    if (ok) sb_append(out, sb_str(&sb), sb.len);
    sb_free(&sb);
    return ok;
}

static void enum_str(Value self, StrBuf *out)
{
    const EnumType *t = enum_type_of(self);
    int64_t v = enum_value(self);
    const char *n = exact_name(t, v);
    if (n) {
        sb_puts(out, n);
        return;
    }
    if (t->flags && v > 0 && flag_names(t, v, out)) return;
    sb_printf(out, "%" PRId64, v);
}

int enum_member(const EnumType *t, const char *name, size_t len, Value *out)
{
    for (const EnumMember *m = t->members; m->name; m++)
        if (str_ieq_slice(name, len, m->name)) return *out = enum_make(t, m->value), 1;
    return 0;
}

Value enum_names(const EnumType *t)
{
    Value a = arr_new(TY_STRING, 8);
    for (const EnumMember *m = t->members; m->name; m++)
        arr_push_take(a, val_str(m->name));
    return a;
}

/* ---- conversion ---- */

static int fail_name(const EnumType *t, Value v, const char *word, size_t wlen, ConvError *err)
{
    StrBuf names, shown;
    sb_init(&names), sb_init(&shown);
    for (const EnumMember *m = t->members; m->name; m++) {
        if (names.len) sb_puts(&names, ", ");
        sb_puts(&names, m->name);
    }
    convert_append_string(v, NULL, &shown);
    conv_fail(err, "InvalidCastFromStringToEnum",
              "Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the "
              "identifier name %.*s to a valid enumerator name. Specify one of the following "
              "enumerator names and try again:\n%s\"",
              sb_str(&shown), t->cls.full_name, (int)wlen, word, sb_str(&names));
    sb_free(&names), sb_free(&shown);
    return -1;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* One name or number (trimmed), or a comma-separated list of them for flags enums (pwsh
 * accepts the list for any enum and ORs the values). */
static int parse_names(const EnumType *t, Value v, const char *s, size_t len, int64_t *acc,
                       ConvError *err)
{
    while (len) {
        const char *comma = memchr(s, ',', len);
        size_t n = comma ? (size_t)(comma - s) : len, k = n;
        const char *w = s;
        while (k && is_blank(*w))
            w++, k--;
        while (k && is_blank(w[k - 1]))
            k--;
        Value m, num;
        if (enum_member(t, w, k, &m)) {
            *acc |= enum_value(m);
            val_unref(m);
        } else if (k && convert_parse_number(w, k, &num) == 0 && val_is_integer(num)) {
            *acc |= num.as.i;
        } else {
            return fail_name(t, v, w, k, err);
        }
        if (!comma) break;
        s += n + 1, len -= n + 1;
    }
    return 0;
}

int enum_convert(const EnumType *t, Value v, Value *out, ConvError *err)
{
    v = val_base(v);
    if (val_is_enum(v)) return *out = enum_make(t, enum_value(v)), 0;
    if (val_is_integer(v)) return *out = enum_make(t, v.as.i), 0;
    int64_t acc = 0;
    if (val_is_str(v)) {
        if (parse_names(t, v, val_str_data(v), val_str_len(v), &acc, err)) return -1;
        return *out = enum_make(t, acc), 0;
    }
    if (val_is_array(v)) { /* [T]('A', 'B') ORs the members */
        for (size_t i = 0; i < arr_len(v); i++) {
            Value e;
            if (enum_convert(t, arr_peek(v, i), &e, err)) return -1;
            acc |= enum_value(e);
            val_unref(e);
        }
        return *out = enum_make(t, acc), 0;
    }
    Value n;
    if (convert_to(v, TY_INT64, 0, &n, err)) return -1;
    return *out = enum_make(t, n.as.i), 0;
}
