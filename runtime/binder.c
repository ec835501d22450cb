/*
** binder: pwsh's parameter binding with parameter sets (see binder.h).  Sets are bit masks:
** bind_plan_new turns the set names of a declaration into bits, so "the sets still valid" is
** one unsigned that each bound parameter narrows.  The order of the steps follows pwsh's
** ParameterBinderController: named arguments, positional arguments (default set first, then
** all sets; without coercion before with), leftovers, set resolution (one set left, else the
** default set, else the one set whose mandatory parameters are all bound), mandatory check;
** then per pipeline object the four pipeline stages.
*/
#include "runtime/binder.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/nettypes.h"
#include "runtime/object.h"
#include "runtime/regex.h"
#include "runtime/scope.h"

/* One compiled parameter. */
typedef struct CParam {
    const char *name;
    char **alias; /* owned copies */
    int nalias;
    TypeId type;
    int is_array;
    const BindType *ext;
    int is_switch;
    int common;
    unsigned mask;                  /* the sets it belongs to */
    short pos[BIND_MAXSETS];        /* position in each set, -1: named */
    unsigned char fl[BIND_MAXSETS]; /* BP_* in each set */
    unsigned byval, byprop;         /* the sets where it is ByValue / ByPropertyName */
    const ParamDecl *d;             /* validation (NULL for common parameters) */
} CParam;

struct BindPlan {
    const CmdDecl *d;
    CParam *p;
    int n, ndecl;
    const char *sets[BIND_MAXSETS]; /* borrowed from the declaration */
    int nsets;
    int order[BIND_MAXSETS]; /* syntax order: default set first */
    unsigned all;            /* every set */
    int defset;              /* -1: none */
    int *pipes, npipes;      /* the parameters taking pipeline input */
    int trivial;             /* pipes[0] is the only one: [object] ByValue in the only set, no
                                validation, not mandatory (bind_input's fast path) */
};

struct Binder {
    const BindPlan *p;
    Value *val;
    unsigned char *bound; /* 0, 1 command line, 2 pipeline */
    unsigned valid;       /* sets still possible */
    unsigned cl_valid;    /* ... after the command line (restored per pipeline object) */
    int set;              /* chosen set, -1 none yet */
    int piped;
    Value extra;            /* BD_SIMPLE leftovers: object[], or $null before any */
    const BindHooks *hooks; /* NULL: none */
    Value *delayed;         /* delay-bind script blocks per parameter, or NULL */
    BindArg *args;          /* during bind_args: the arguments (borrowed) */
    unsigned char *mark; /* during bind_args: 1 used, 2 positional leftover, 3 unknown -Name kept */
};

/* Binding outcome of one attempt. */
enum { B_OK = 0, B_SKIP = 1, B_ECONV = -1, B_EVALID = -2 };

/* ================================================================ common parameters ==== */

static const char *const actionpref_names[] = {"SilentlyContinue", "Stop",    "Continue", "Inquire",
                                               "Ignore",           "Suspend", "Break",    NULL};

const BindType bind_type_actionpref = {.name = "ActionPreference",
                                       .fullname = "System.Management.Automation.ActionPreference",
                                       .names = actionpref_names};

static int guid_is(Value v)
{
    return nettype_is("Guid", 4, v) == 1;
}

static int guid_convert(Value v, Value *out, ConvError *err)
{
    int rc = -1;
    return nettype_convert("Guid", 4, v, out, err, &rc) ? rc : -1;
}

const BindType bind_type_guid = {
    .name = "guid", .fullname = "System.Guid", .is = guid_is, .convert = guid_convert};

static int ref_is(Value v)
{
    return val_is(val_base(v), &cls_psreference);
}

/* A [ref] parameter takes only a [ref] argument: pwsh does not wrap a plain value. */
static int ref_convert(Value v, Value *out, ConvError *err)
{
    return conv_fail(err, "ReferenceTypeExpected", "Reference type is expected in argument.");
}

const BindType bind_type_ref = {.name = "ref",
                                .fullname = "System.Management.Automation.PSReference",
                                .is = ref_is,
                                .convert = ref_convert};

const BindType *bind_type_named(const char *name, size_t len)
{
    static const struct {
        const char *name;
        const BindType *type;
    } named[] = {{"guid", &bind_type_guid},
                 {"System.Guid", &bind_type_guid},
                 {"ref", &bind_type_ref},
                 {"System.Management.Automation.PSReference", &bind_type_ref}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strlen(named[i].name) == len && str_nicmp(name, named[i].name, len) == 0)
            return named[i].type;
    return NULL;
}

static const struct {
    const char *name, *alias;
    TypeId type;
    const BindType *ext;
} commons[] = {
    {"Verbose", "vb", TY_SWITCH, NULL},
    {"Debug", "db", TY_SWITCH, NULL},
    {"ErrorAction", "ea", TY_OBJECT, &bind_type_actionpref},
    {"WarningAction", "wa", TY_OBJECT, &bind_type_actionpref},
    {"InformationAction", "infa", TY_OBJECT, &bind_type_actionpref},
    {"ProgressAction", "proga", TY_OBJECT, &bind_type_actionpref},
    {"ErrorVariable", "ev", TY_STRING, NULL},
    {"WarningVariable", "wv", TY_STRING, NULL},
    {"InformationVariable", "iv", TY_STRING, NULL},
    {"OutVariable", "ov", TY_STRING, NULL},
    {"OutBuffer", "ob", TY_INT32, NULL},
    {"PipelineVariable", "pv", TY_STRING, NULL},
    {"WhatIf", "wi", TY_SWITCH, NULL}, /* these two only with SupportsShouldProcess */
    {"Confirm", "cf", TY_SWITCH, NULL},
};
#define NCOMMON_BASE 12

/* ================================================================ SwitchParameter ==== */

Value bind_switch(int present)
{
    return object_wrap_switch(present);
}

/* ================================================================ compiling ==== */

static int set_index(BindPlan *p, const char *name)
{
    for (int i = 0; i < p->nsets; i++)
        if (str_icmp(p->sets[i], name) == 0) return i;
    if (p->nsets == BIND_MAXSETS) return BIND_MAXSETS - 1;
    p->sets[p->nsets] = name;
    return p->nsets++;
}

static void collect_sets(BindPlan *p)
{
    const CmdDecl *d = p->d;
    if (d->default_set && str_icmp(d->default_set, BIND_ALLSETS) != 0) set_index(p, d->default_set);
    for (int i = 0; i < d->nparams; i++)
        for (int u = 0; u < BIND_MAXUSE && d->params[i].in[u].set; u++)
            if (str_icmp(d->params[i].in[u].set, BIND_ALLSETS) != 0)
                set_index(p, d->params[i].in[u].set);
    if (p->nsets == 0) p->sets[p->nsets++] = BIND_ALLSETS;
    p->all = p->nsets == 32 ? ~0u : (1u << p->nsets) - 1;
}

static void split_aliases(CParam *c, const char *aliases)
{
    const char *s = aliases;
    while (s && *s) {
        while (*s == ' ')
            s++;
        size_t len = strcspn(s, " ");
        if (len) {
            c->alias = xrealloc(c->alias, sizeof(char *) * (size_t)(c->nalias + 1));
            c->alias[c->nalias++] = xstrndup(s, len);
        }
        s += len;
    }
}

/* Apply one [Parameter()] use to the set(s) it names; explicit sets override __AllParameterSets. */
static void apply_use(BindPlan *p, CParam *c, const BindUse *u, int explicit_only)
{
    int all = str_icmp(u->set, BIND_ALLSETS) == 0;
    if (all == explicit_only) return;
    unsigned m = all ? p->all : 1u << set_index(p, u->set);
    for (int s = 0; s < p->nsets; s++) {
        if (!(m & (1u << s))) continue;
        c->pos[s] = (short)(u->pos1 - 1);
        c->fl[s] = (unsigned char)u->flags;
    }
    c->mask |= m;
}

static void compile_param(BindPlan *p, CParam *c, const ParamDecl *d)
{
    c->name = d->name;
    split_aliases(c, d->aliases);
    c->type = d->type;
    c->is_array = d->is_array;
    c->ext = d->ext;
    c->is_switch = d->type == TY_SWITCH && !d->ext;
    c->d = d;
    for (int s = 0; s < BIND_MAXSETS; s++)
        c->pos[s] = -1;
    if (!d->in[0].set) c->mask = p->all;
    for (int u = 0; u < BIND_MAXUSE && d->in[u].set; u++)
        apply_use(p, c, &d->in[u], 0);
    for (int u = 0; u < BIND_MAXUSE && d->in[u].set; u++)
        apply_use(p, c, &d->in[u], 1);
    for (int s = 0; s < p->nsets; s++) {
        if (!(c->mask & (1u << s))) continue;
        if (c->fl[s] & BP_BYVALUE) c->byval |= 1u << s;
        if (c->fl[s] & BP_BYPROP) c->byprop |= 1u << s;
    }
}

static int has_validation(const ParamDecl *d)
{
    return d->vflags || d->vset || d->range.on || d->count.on || d->pattern || d->length.on ||
           d->vscript;
}

/* The pipeline parameters, and whether bind_input may take its fast path. */
static void collect_pipes(BindPlan *p)
{
    p->pipes = xcalloc((size_t)p->ndecl + 1, sizeof(int));
    for (int i = 0; i < p->ndecl; i++)
        if (p->p[i].byval | p->p[i].byprop) p->pipes[p->npipes++] = i;
    if (p->npipes != 1 || p->nsets != 1) return;
    const CParam *c = &p->p[p->pipes[0]];
    p->trivial = !c->byprop && c->type == TY_OBJECT && !c->is_array && !c->ext &&
                 !(c->fl[0] & BP_MANDATORY) && !has_validation(c->d);
}

static void compile_common(BindPlan *p, CParam *c, int k)
{
    c->name = commons[k].name;
    split_aliases(c, commons[k].alias);
    c->type = commons[k].type;
    c->ext = commons[k].ext;
    c->is_switch = commons[k].type == TY_SWITCH;
    c->common = 1;
    c->mask = p->all;
    for (int s = 0; s < BIND_MAXSETS; s++)
        c->pos[s] = -1;
}

static void order_sets(BindPlan *p)
{
    int n = 0;
    if (p->defset >= 0) p->order[n++] = p->defset;
    for (int s = 0; s < p->nsets; s++)
        if (s != p->defset) p->order[n++] = s;
}

BindPlan *bind_plan_new(const CmdDecl *d)
{
    BindPlan *p = xcalloc(1, sizeof *p);
    p->d = d;
    collect_sets(p);
    p->defset = -1;
    if (d->default_set)
        for (int s = 0; s < p->nsets; s++)
            if (str_icmp(p->sets[s], d->default_set) == 0) p->defset = s;
    int ncommon =
        (d->flags & BD_SIMPLE) ? 0 : NCOMMON_BASE + ((d->flags & BD_SHOULDPROCESS) ? 2 : 0);
    p->ndecl = d->nparams;
    p->n = d->nparams + ncommon;
    p->p = xcalloc((size_t)p->n + 1, sizeof(CParam));
    for (int i = 0; i < d->nparams; i++)
        compile_param(p, &p->p[i], &d->params[i]);
    for (int k = 0; k < ncommon; k++)
        compile_common(p, &p->p[d->nparams + k], k);
    order_sets(p);
    collect_pipes(p);
    return p;
}

void bind_plan_free(BindPlan *p)
{
    if (!p) return;
    for (int i = 0; i < p->n; i++) {
        for (int a = 0; a < p->p[i].nalias; a++)
            free(p->p[i].alias[a]);
        free(p->p[i].alias);
    }
    free(p->p);
    free(p->pipes);
    free(p);
}

int bind_plan_takes_input(const BindPlan *p)
{
    return p->npipes > 0;
}

int bind_plan_trivial_input(const BindPlan *p)
{
    return p->trivial;
}

int bind_plan_nparams(const BindPlan *p)
{
    return p->n;
}

const char *bind_plan_name(const BindPlan *p, int i)
{
    return p->p[i].name;
}

int bind_plan_is_common(const BindPlan *p, int i)
{
    return p->p[i].common;
}

static int names_param(const CParam *c, const char *s, size_t len)
{
    if (str_ieq_slice(s, len, c->name)) return 1;
    for (int a = 0; a < c->nalias; a++)
        if (str_ieq_slice(s, len, c->alias[a])) return 1;
    return 0;
}

int bind_plan_find(const BindPlan *p, const char *name)
{
    for (int i = 0; i < p->n; i++)
        if (names_param(&p->p[i], name, strlen(name))) return i;
    return -1;
}

int bind_plan_complete(const BindPlan *p, const char *prefix, size_t len, int *out, int max)
{
    int n = 0;
    for (int i = 0; i < p->n && n < max; i++)
        if (strlen(p->p[i].name) >= len && str_nicmp(p->p[i].name, prefix, len) == 0) out[n++] = i;
    return n;
}

int bind_plan_nsets(const BindPlan *p)
{
    return p->nsets;
}

const char *bind_plan_set(const BindPlan *p, int k)
{
    return p->sets[p->order[k]];
}

/* ================================================================ syntax lines ==== */

static const struct {
    TypeId t;
    const char *spelling;
} type_spellings[] = {
    {TY_OBJECT, "Object"},       {TY_BOOL, "bool"},         {TY_CHAR, "char"},
    {TY_BYTE, "byte"},           {TY_INT16, "short"},       {TY_INT32, "int"},
    {TY_UINT32, "uint"},         {TY_INT64, "long"},        {TY_UINT64, "ulong"},
    {TY_SINGLE, "float"},        {TY_DOUBLE, "double"},     {TY_DECIMAL, "decimal"},
    {TY_STRING, "string"},       {TY_DATETIME, "datetime"}, {TY_TIMESPAN, "timespan"},
    {TY_HASHTABLE, "hashtable"}, {TY_PSOBJECT, "psobject"}, {TY_SCRIPTBLOCK, "scriptblock"},
};

static void put_type(const CParam *c, StrBuf *out)
{
    const char *t = c->ext ? c->ext->name : type_name(c->type);
    for (size_t i = 0; !c->ext && i < sizeof type_spellings / sizeof *type_spellings; i++)
        if (type_spellings[i].t == c->type) t = type_spellings[i].spelling;
    sb_printf(out, "<%s%s>", t, c->is_array ? "[]" : "");
}

static void put_param(const CParam *c, int s, StrBuf *out)
{
    int mand = (c->fl[s] & BP_MANDATORY) != 0, pos = c->pos[s] >= 0 && !c->is_switch;
    sb_puts(out, " ");
    if (!mand) sb_puts(out, "[");
    if (pos) sb_puts(out, "[");
    sb_printf(out, "-%s", c->name);
    if (pos) sb_puts(out, "]");
    if (!c->is_switch) sb_puts(out, " "), put_type(c, out);
    if (!mand) sb_puts(out, "]");
}

/* Positional parameters by position, then named mandatory, then named optional. */
void bind_syntax_line(const BindPlan *p, int k, StrBuf *out)
{
    int s = p->order[k];
    sb_puts(out, p->d->name);
    for (int pos = 0; pos < 256; pos++)
        for (int i = 0; i < p->ndecl; i++)
            if ((p->p[i].mask & (1u << s)) && !p->p[i].is_switch && p->p[i].pos[s] == pos)
                put_param(&p->p[i], s, out);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < p->ndecl; i++) {
            const CParam *c = &p->p[i];
            if (!(c->mask & (1u << s)) || (c->pos[s] >= 0 && !c->is_switch)) continue;
            if (((c->fl[s] & BP_MANDATORY) != 0) == (pass == 0)) put_param(c, s, out);
        }
    if (p->d->flags & BD_SIMPLE) return;
    if (p->d->flags & BD_SHOULDPROCESS) sb_puts(out, " [-WhatIf] [-Confirm]");
    sb_puts(out, " [<CommonParameters>]");
}

/* ================================================================ errors ==== */

static int fail(const Binder *b, BindError *e, Node *node, const char *id, ErrCategory cat,
                const char *param, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

static int fail(const Binder *b, BindError *e, Node *node, const char *id, ErrCategory cat,
                const char *param, const char *fmt, ...)
{
    const CmdDecl *d = b->p->d;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    snprintf(e->id, sizeof e->id, "%s", id);
    snprintf(e->fqid, sizeof e->fqid, "%s,%s", id, d->errsuffix ? d->errsuffix : d->name);
    snprintf(e->param, sizeof e->param, "%s", param ? param : "");
    e->cat = cat;
    e->node = node;
    return -1;
}

/* The value as text for messages (ToString, arrays joined with spaces). */
static char *show(Value v)
{
    StrBuf sb = {0};
    convert_append_string(v, NULL, &sb);
    return sb_take(&sb);
}

static const char *full_type(const CParam *c, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s", c->ext ? c->ext->fullname : type_fullname(c->type),
             c->is_array ? "[]" : "");
    return buf;
}

/* ================================================================ conversion ==== */

int bind_enum_value(const BindType *t, Value v)
{
    if (!t->names || !val_is_str(v)) return -1;
    for (int i = 0; t->names[i]; i++)
        if (str_icmp(t->names[i], val_str_data(v)) == 0) return t->values ? t->values[i] : i;
    return -1;
}

static int enum_fail(const BindType *t, Value v, ConvError *ce)
{
    StrBuf names = {0};
    for (int i = 0; t->names[i]; i++)
        sb_printf(&names, "%s%s", i ? ", " : "", t->names[i]);
    char *s = show(v);
    conv_fail(ce, "InvalidCastFromStringToEnum",
              "Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the "
              "identifier name %s to a valid enumerator name. Specify one of the following "
              "enumerator names and try again:\n%s\"",
              s, t->fullname, s, sb_str(&names));
    free(s);
    sb_free(&names);
    return -1;
}

/* An enum from a name (case-insensitive, surrounding blanks ignored) or a defined number. */
static int enum_convert(const BindType *t, Value v, Value *out, ConvError *ce)
{
    Value num;
    if (val_is_str(v)) {
        const char *s = val_str_data(v);
        size_t len = val_str_len(v);
        while (len && isspace((unsigned char)*s))
            s++, len--;
        while (len && isspace((unsigned char)s[len - 1]))
            len--;
        for (int i = 0; t->names[i]; i++)
            if (str_ieq_slice(s, len, t->names[i])) return *out = val_str(t->names[i]), 0;
        if (convert_parse_number(s, len, &num) != 0) return enum_fail(t, v, ce);
        v = num;
    }
    if (!val_is_integer(v)) return enum_fail(t, v, ce);
    for (int i = 0; t->names[i]; i++)
        if ((t->values ? t->values[i] : i) == v.as.i) return *out = val_str(t->names[i]), 0;
    return enum_fail(t, v, ce);
}

static int ext_convert(const BindType *t, Value v, int coerce, Value *out, ConvError *ce)
{
    if (t->is && t->is(v)) return *out = val_ref(v), B_OK;
    if (!coerce) return B_SKIP;
    if (t->names) return enum_convert(t, v, out, ce);
    if (t->convert) return t->convert(v, out, ce);
    char *s = show(v);
    conv_fail(ce, "ConvertToFinalInvalidCastException",
              "Cannot convert the \"%s\" value of type \"%s\" to type \"%s\".", s,
              val_is_null(v) ? "null" : val_type_fullname(v), t->fullname);
    free(s);
    return B_ECONV;
}

/* Already of the declared (element) type: bindable without coercion. */
static int is_type(TypeId t, Value v)
{
    if (t == TY_OBJECT || t == TY_PSOBJECT) return 1;
    if (t == TY_STRING) return val_is_str(v);
    if (t == TY_HASHTABLE) return ht_is(v);
    return !val_is_null(v) && val_type_id(v) == t;
}

static int boolish(const CParam *c)
{
    return c->is_switch || (!c->ext && c->type == TY_BOOL);
}

/* [bool] and [switch] parameters take Booleans, numbers and $null only (pwsh refuses "false",
 * which would otherwise be truthy). */
static int conv_bool(const CParam *c, Value v, int coerce, Value *out, ConvError *ce)
{
    v = val_base(v); /* a SwitchParameter passed on (@PSBoundParameters) */
    if (!coerce && v.kind != VAL_BOOL) return B_SKIP;
    if (v.kind == VAL_BOOL || val_is_null(v) || val_is_number(v))
        return *out = val_bool(convert_truthy(v)), B_OK;
    conv_fail(ce, "BoolArgument",
              "Cannot convert value \"%s\" to type \"%s\". Boolean parameters accept only Boolean "
              "values and numbers, such as $True, $False, 1 or 0.",
              val_type_fullname(v),
              c->is_switch ? "System.Management.Automation.SwitchParameter" : "System.Boolean");
    return B_ECONV;
}

/* One element to the declared element type.  B_OK (new reference in *out), B_SKIP, B_ECONV. */
static int conv_scalar(const CParam *c, Value v, int coerce, Value *out, ConvError *ce)
{
    if (boolish(c)) return conv_bool(c, v, coerce, out, ce);
    if (c->ext) return ext_convert(c->ext, v, coerce, out, ce);
    if (is_type(c->type, v)) return *out = val_ref(v), B_OK;
    if (!coerce) return B_SKIP;
    return convert_to(v, c->type, 0, out, ce) == 0 ? B_OK : B_ECONV;
}

static int conv_array(const CParam *c, Value v, int coerce, Value *out, ConvError *ce)
{
    if (val_is_null(v)) return coerce || c->type == TY_OBJECT ? (*out = val_null(), B_OK) : B_SKIP;
    size_t n = val_is_array(v) ? arr_len(v) : 1;
    Value a = arr_new(c->ext || c->is_switch ? TY_OBJECT : c->type, n);
    for (size_t i = 0; i < n; i++) {
        Value e, item = val_is_array(v) ? arr_peek(v, i) : v;
        int rc = conv_scalar(c, item, coerce, &e, ce);
        if (rc != B_OK) return val_unref(a), rc;
        arr_push_take(a, e);
    }
    *out = a;
    return B_OK;
}

/* An array given to a scalar parameter: one element is unwrapped, a simple function's
 * [string] joins them; otherwise pwsh's CannotConvertArgument. */
static int conv_from_array(const Binder *b, const CParam *c, Value v, int coerce, Value *out,
                           ConvError *ce)
{
    if (arr_len(v) == 1) return conv_scalar(c, arr_peek(v, 0), coerce, out, ce);
    if (!coerce) return B_SKIP;
    if ((b->p->d->flags & BD_SIMPLE) && c->type == TY_STRING && !c->ext)
        return *out = convert_to_string(v, NULL), B_OK;
    char tb[128];
    if (b->p->d->flags & BD_SCRIPT) /* a transformation error, pwsh's terse text */
        return conv_fail(ce, "ArrayToScalar", "Cannot convert value to type %s.",
                         full_type(c, tb, sizeof tb)),
               B_ECONV;
    conv_fail(ce, "CannotConvertArgument",
              "Cannot convert '%s' to the type '%s' required by parameter '%s'. Specified "
              "method is not supported.",
              val_type_fullname(v), full_type(c, tb, sizeof tb), c->name);
    return B_ECONV;
}

static int conv_arg(const Binder *b, const CParam *c, Value v, int coerce, Value *out,
                    ConvError *ce)
{
    int plain = !c->ext && (c->type == TY_OBJECT || c->type == TY_PSOBJECT);
    /* a numeric argument keeps its source text for [object] and [string]; any other type
     * converts from the number it is */
    if (!plain && (c->ext || c->type != TY_STRING) && object_src_text(v)) v = val_base(v);
    if (c->is_array) return conv_array(c, v, coerce, out, ce);
    if (val_is_array(v) && !boolish(c) && (c->ext || !plain))
        return conv_from_array(b, c, v, coerce, out, ce);
    return conv_scalar(c, v, coerce, out, ce);
}

/* ================================================================ validation ==== */

static int vfail(const Binder *b, BindError *e, Node *node, const CParam *c, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static int vfail(const Binder *b, BindError *e, Node *node, const CParam *c, const char *fmt, ...)
{
    char why[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    fail(b, e, node, "ParameterArgumentValidationError", ERRCAT_INVALIDDATA, c->name,
         "Cannot validate argument on parameter '%s'. %s", c->name, why);
    return B_EVALID;
}

static int is_blank(Value v)
{
    if (val_is_null(v)) return 1;
    if (!val_is_str(v)) return 0;
    for (const char *s = val_str_data(v); *s; s++)
        if (!isspace((unsigned char)*s)) return 0;
    return 1;
}

static int check_nulls(const Binder *b, const CParam *c, Value v, Node *node, BindError *e)
{
    unsigned f = c->d->vflags;
    int empty = val_is_null(v) || (val_is_str(v) && val_str_len(v) == 0);
    if ((f & BV_NOTNULL) && val_is_null(v))
        return vfail(b, e, node, c,
                     "The argument is null. Provide a valid value for the argument, and then try "
                     "running the command again.");
    if ((f & BV_NOTNULLOREMPTY) && empty)
        return vfail(b, e, node, c,
                     "The argument is null or empty. Provide an argument that is not null or "
                     "empty, and then try the command again.");
    if ((f & BV_NOTNULLORWHITE) && is_blank(v))
        return vfail(b, e, node, c,
                     "The argument is null, empty, or consists of only white-space characters. "
                     "Provide an argument that contains non white-space characters, and then try "
                     "the command again.");
    if ((f & (BV_NOTNULLOREMPTY | BV_NOTNULLORWHITE)) && val_is_array(v) && arr_len(v) == 0)
        return vfail(b, e, node, c,
                     "The argument is null, empty, or an element of the argument collection "
                     "contains a null value. Supply a collection that does not contain any null "
                     "values and then try the command again.");
    return B_OK;
}

static int check_set(const Binder *b, const CParam *c, Value v, Node *node, BindError *e)
{
    char *s = show(v);
    int cs = (c->d->vflags & BV_SET_CASE) != 0, ok = 0;
    StrBuf set = {0};
    for (int i = 0; c->d->vset[i]; i++) {
        sb_printf(&set, "%s%s", i ? "," : "", c->d->vset[i]);
        if (cs ? strcmp(s, c->d->vset[i]) == 0 : str_icmp(s, c->d->vset[i]) == 0) ok = 1;
    }
    int rc = ok ? B_OK
                : vfail(b, e, node, c,
                        "The argument \"%s\" does not belong to the set \"%s\" specified by the "
                        "ValidateSet attribute. Supply an argument that is in the set and then try "
                        "the command again.",
                        s, sb_str(&set));
    free(s);
    sb_free(&set);
    return rc;
}

static int check_range(const Binder *b, const CParam *c, Value v, Node *node, BindError *e)
{
    Value num;
    ConvError ce;
    if (convert_to(v, TY_DOUBLE, 0, &num, &ce) != 0) return B_OK;
    double x = num.as.d, lo = c->d->range.min, hi = c->d->range.max;
    if (x >= lo && x <= hi) return B_OK;
    char *s = show(v);
    int rc = x < lo ? vfail(b, e, node, c,
                            "The %s argument is less than the minimum allowed range of %.15g. "
                            "Supply an argument that is greater than or equal to %.15g and then "
                            "try the command again.",
                            s, lo, lo)
                    : vfail(b, e, node, c,
                            "The %s argument is greater than the maximum allowed range of %.15g. "
                            "Supply an argument that is less than or equal to %.15g and then try "
                            "the command again.",
                            s, hi, hi);
    free(s);
    return rc;
}

static int check_pattern(const Binder *b, const CParam *c, Value v, Node *node, BindError *e)
{
    const char *pat = c->d->pattern;
    char *err = NULL, *s = show(v);
    Regex *re = rx_compile(pat, strlen(pat), RX_IGNORECASE, &err);
    RxMatch m = {0};
    int found = re ? rx_match(re, s, strlen(s), 0, &m, &err) : 0;
    rx_match_free(&m);
    rx_unref(re);
    free(err);
    int rc = found == 1 ? B_OK
                        : vfail(b, e, node, c,
                                "The argument \"%s\" does not match the \"%s\" pattern. Supply an "
                                "argument that matches \"%s\" and try the command again.",
                                s, pat, pat);
    free(s);
    return rc;
}

static int check_count(const Binder *b, const CParam *c, Value v, Node *node, BindError *e)
{
    int n = val_is_null(v) ? 0 : val_is_array(v) ? (int)arr_len(v) : 1;
    int lo = c->d->count.min, hi = c->d->count.max;
    if (n >= lo && n <= hi) return B_OK;
    if (lo == hi)
        return vfail(b, e, node, c,
                     "The parameter requires exactly %d value(s) - %d value(s) were provided.", lo,
                     n);
    return vfail(b, e, node, c,
                 "The parameter requires at least %d value(s) and no more than %d value(s) - %d "
                 "value(s) were provided.",
                 lo, hi, n);
}

/* [ValidateLength()]: the string's length (pwsh's ValidateLength*Failure texts). */
static int check_length(const Binder *b, const CParam *c, Value v, Node *node, BindError *e)
{
    Value sv = convert_to_string(v, NULL);
    int n = (int)val_str_len(sv);
    val_unref(sv);
    if (n > c->d->length.max)
        return vfail(b, e, node, c,
                     "The character length of the %d argument is too long. Shorten the character "
                     "length of the argument so it is fewer than or equal to \"%d\" characters, "
                     "and then try the command again.",
                     n, c->d->length.max);
    if (n < c->d->length.min)
        return vfail(b, e, node, c,
                     "The character length (%d) of the argument is too short. Specify an argument "
                     "with a length that is greater than or equal to \"%d\", and then try the "
                     "command again.",
                     n, c->d->length.min);
    return B_OK;
}

/* [ValidateScript()] through the caller's hook. */
static int check_script(const Binder *b, const CParam *c, Value v, Node *node, BindError *e)
{
    char why[512] = "";
    int ok = 1;
    if (!b->hooks || !b->hooks->validate) return B_OK;
    if (b->hooks->validate(b->hooks->ctx, c->d->vscript, v, &ok, why, sizeof why) != 0)
        return vfail(b, e, node, c, "%s", why);
    if (ok) return B_OK;
    char *s = show(v);
    int rc = vfail(b, e, node, c,
                   "The \"%s\" validation script for the argument with value \"%s\" did not "
                   "return a result of True. Determine why the validation script failed, and then "
                   "try the command again.",
                   c->d->vscript_text ? c->d->vscript_text : "", s);
    free(s);
    return rc;
}

static int check_element(const Binder *b, const CParam *c, Value v, Node *node, BindError *e)
{
    const ParamDecl *d = c->d;
    int rc = B_OK;
    if (d->vset && !val_is_null(v)) rc = check_set(b, c, v, node, e);
    if (!rc && d->range.on && !val_is_null(v)) rc = check_range(b, c, v, node, e);
    if (!rc && d->pattern && !val_is_null(v)) rc = check_pattern(b, c, v, node, e);
    if (!rc && d->length.on && !val_is_null(v)) rc = check_length(b, c, v, node, e);
    if (!rc && d->vscript) rc = check_script(b, c, v, node, e);
    return rc;
}

static int mandatory_now(const Binder *b, const CParam *c)
{
    for (int s = 0; s < b->p->nsets; s++)
        if ((b->valid & c->mask & (1u << s)) && (c->fl[s] & BP_MANDATORY)) return 1;
    return 0;
}

static int nfail(const Binder *b, BindError *e, Node *node, const CParam *c, const char *idtail,
                 const char *what)
{
    char id[64];
    snprintf(id, sizeof id, "ParameterArgumentValidationError%s", idtail);
    fail(b, e, node, id, ERRCAT_INVALIDDATA, c->name,
         "Cannot bind argument to parameter '%s' because it is %s.", c->name, what);
    return B_EVALID;
}

/* A mandatory parameter refuses $null, "" and @() unless [AllowNull()] and friends say so. */
static int check_mandatory(const Binder *b, const CParam *c, Value v, Node *node, BindError *e)
{
    unsigned f = c->d->vflags;
    if (!mandatory_now(b, c) || c->is_switch) return B_OK;
    if (val_is_null(v) && !(f & BV_ALLOWNULL))
        return nfail(b, e, node, c, "NullNotAllowed", "null");
    if (val_is_str(v) && val_str_len(v) == 0 && !(f & (BV_ALLOWEMPTYSTR | BV_ALLOWNULL)))
        return nfail(b, e, node, c, "EmptyStringNotAllowed", "an empty string");
    if (!val_is_array(v)) return B_OK;
    if (arr_len(v) == 0 && !(f & BV_ALLOWEMPTYCOLL))
        return nfail(b, e, node, c, "EmptyArrayNotAllowed", "an empty array");
    for (size_t i = 0; i < arr_len(v) && !val_is_array(arr_peek(v, i)); i++) {
        int rc = check_mandatory(b, c, arr_peek(v, i), node, e);
        if (rc) return rc;
    }
    return B_OK;
}

/* The declared validation attributes, on the converted value (elements one by one). */
static int validate(const Binder *b, const CParam *c, Value v, Node *node, BindError *e)
{
    if (!c->d) return B_OK;
    int rc = check_mandatory(b, c, v, node, e);
    if (!rc) rc = check_nulls(b, c, v, node, e);
    if (!rc && c->d->count.on) rc = check_count(b, c, v, node, e);
    if (rc || !(c->d->vset || c->d->range.on || c->d->pattern || c->d->length.on || c->d->vscript))
        return rc;
    if (!val_is_array(v)) return check_element(b, c, v, node, e);
    for (size_t i = 0; i < arr_len(v) && !rc; i++)
        rc = check_element(b, c, arr_peek(v, i), node, e);
    return rc;
}

/* ================================================================ binding one parameter ==== */

static int conv_error(const Binder *b, const CParam *c, const ConvError *ce, Node *node,
                      BindError *e)
{
    if (strcmp(ce->id, "CannotConvertArgument") == 0)
        fail(b, e, node, ce->id, ERRCAT_INVALIDARGUMENT, c->name, "%s", ce->msg);
    else if ((b->p->d->flags & BD_SCRIPT) || strcmp(ce->id, "BoolArgument") == 0)
        fail(b, e, node, "ParameterArgumentTransformationError", ERRCAT_INVALIDDATA, c->name,
             "Cannot process argument transformation on parameter '%s'. %s", c->name, ce->msg);
    else
        fail(b, e, node, "CannotConvertArgumentNoMessage", ERRCAT_INVALIDARGUMENT, c->name,
             "Cannot bind parameter '%s'. %s", c->name, ce->msg);
    return B_ECONV;
}

/* Convert, validate and store v as parameter k (how: 1 command line, 2 pipeline), narrowing
 * the valid sets.  B_OK, B_SKIP (not of the type, no coercion), B_ECONV or B_EVALID (*e). */
static int bind_param(Binder *b, int k, Value v, int coerce, int how, Node *node, BindError *e)
{
    const CParam *c = &b->p->p[k];
    ConvError ce; /* not zero-filled: this runs for every argument */
    ce.id = "";
    ce.msg[0] = '\0';
    Value out;
    int rc = conv_arg(b, c, v, coerce, &out, &ce);
    if (rc == B_SKIP) return B_SKIP;
    if (rc != B_OK) return conv_error(b, c, &ce, node, e);
    rc = validate(b, c, out, node, e);
    if (rc) return val_unref(out), rc;
    if (c->is_switch && !c->common && (b->p->d->flags & BD_SCRIPT) && out.kind == VAL_BOOL)
        out = bind_switch(out.as.b);
    b->val[k] = out;
    b->bound[k] = (unsigned char)how;
    b->valid &= c->mask;
    return B_OK;
}

/* ================================================================ named arguments ==== */

/* The parameter named s: exact name or alias, else a unique prefix.  -1 none, -2 ambiguous
 * (with the candidates' list in *cands). */
static int match_param(const BindPlan *p, const char *s, size_t len, StrBuf *cands)
{
    int found = -1, n = 0;
    for (int i = 0; i < p->n; i++)
        if (names_param(&p->p[i], s, len)) return i;
    for (int i = 0; i < p->n; i++) {
        const CParam *c = &p->p[i];
        int hit = strlen(c->name) >= len && str_nicmp(c->name, s, len) == 0;
        for (int a = 0; a < c->nalias && !hit; a++)
            hit = strlen(c->alias[a]) >= len && str_nicmp(c->alias[a], s, len) == 0;
        if (!hit) continue;
        sb_printf(cands, " -%s", c->name);
        found = i, n++;
    }
    return n > 1 ? -2 : found;
}

/* An unknown -Name[:value] kept as arguments: the string "-Name" or "-Name:", then the value. */
static void push_named(Value arr, const BindArg *a)
{
    StrBuf sb = {0};
    sb_printf(&sb, "-%.*s%s", (int)a->nlen, a->name, a->has_val ? ":" : "");
    Value name = val_str_take_sb(&sb);
    name.aux = BIND_ARGNAME_AUX;
    arr_push_take(arr, name);
    if (a->has_val) arr_push(arr, a->val);
}

/* A bare -Name takes the next argument when that is a positional value. */
static int take_next(BindArg *args, int nargs, int i, unsigned char *used, Value *v)
{
    if (i + 1 >= nargs || args[i + 1].name || used[i + 1]) return 0;
    used[i + 1] = 1;
    *v = args[i + 1].val;
    return 1;
}

static int remaining_param(const Binder *b);
static int delay_candidate(const Binder *b, const CParam *c, Value v);
static int delay_bind(Binder *b, int k, Value v, Node *node, BindError *e);

static int unknown_name(Binder *b, const BindArg *a, int k, StrBuf *cands, BindError *e)
{
    if (k == -2)
        return fail(b, e, a->node, "AmbiguousParameter", ERRCAT_INVALIDARGUMENT, NULL,
                    "Parameter cannot be processed because the parameter name '%.*s' is "
                    "ambiguous. Possible matches include:%s.",
                    (int)a->nlen, a->name, sb_str(cands));
    if ((b->p->d->flags & BD_SIMPLE) || remaining_param(b) >= 0)
        return b->mark[a - b->args] = 3, 0; /* kept for $args / ValueFromRemainingArguments */
    return fail(b, e, a->node, "NamedParameterNotFound", ERRCAT_INVALIDARGUMENT, NULL,
                "A parameter cannot be found that matches parameter name '%.*s'.", (int)a->nlen,
                a->name);
}

static int ambiguous_set(const Binder *b, Node *node, BindError *e)
{
    return fail(b, e, node, "AmbiguousParameterSet", ERRCAT_INVALIDARGUMENT, NULL,
                "Parameter set cannot be resolved using the specified named parameters. One or "
                "more parameters issued cannot be used together or an insufficient number of "
                "parameters were provided.");
}

static int bind_named(Binder *b, BindArg *args, int nargs, int i, unsigned char *used, BindError *e)
{
    BindArg *a = &args[i];
    StrBuf cands = {0};
    int k = match_param(b->p, a->name, a->nlen, &cands);
    used[i] = 1;
    if (k < 0) {
        int rc = unknown_name(b, a, k, &cands, e);
        sb_free(&cands);
        return rc;
    }
    sb_free(&cands);
    const CParam *c = &b->p->p[k];
    char tb[128];
    Value v = a->val;
    if (b->bound[k])
        return fail(b, e, a->node, "ParameterAlreadyBound", ERRCAT_INVALIDARGUMENT, c->name,
                    "Cannot bind parameter because parameter '%s' is specified more than once. "
                    "To provide multiple values to parameters that can accept multiple values, "
                    "use the array syntax. For example, \"-parameter value1,value2,value3\".",
                    c->name);
    if (!a->has_val && c->is_switch)
        v = val_bool(1);
    else if (!a->has_val && !take_next(args, nargs, i, used, &v))
        return fail(b, e, a->node, "MissingArgument", ERRCAT_INVALIDARGUMENT, c->name,
                    "Missing an argument for parameter '%s'. Specify a parameter of type '%s' "
                    "and try again.",
                    c->name, full_type(c, tb, sizeof tb));
    if (!(c->mask & b->valid)) return ambiguous_set(b, a->node, e);
    if (delay_candidate(b, c, v)) return delay_bind(b, k, v, a->node, e);
    return bind_param(b, k, v, 1, 1, a->node, e) ? -1 : 0;
}

/* A ScriptBlock given to a pipeline parameter that is neither [scriptblock] nor [object]. */
static int delay_candidate(const Binder *b, const CParam *c, Value v)
{
    if (!b->hooks || !b->hooks->delay || !b->hooks->is_script || !b->hooks->is_script(v)) return 0;
    if (!(c->byval | c->byprop) || c->ext) return 0;
    return c->type != TY_OBJECT && c->type != TY_PSOBJECT && c->type != TY_SCRIPTBLOCK;
}

/* pwsh treats the parameter as bound and runs the block for each input object (bind_input);
 * without input that is ScriptBlockArgumentNoInput. */
static int delay_bind(Binder *b, int k, Value v, Node *node, BindError *e)
{
    const CParam *c = &b->p->p[k];
    if (!b->piped)
        return fail(b, e, node, "ScriptBlockArgumentNoInput", ERRCAT_INVALIDARGUMENT, c->name,
                    "Cannot evaluate parameter '%s' because its argument is specified as a script "
                    "block and there is no input. A script block cannot be evaluated without "
                    "input.",
                    c->name);
    if (!b->delayed) b->delayed = xcalloc((size_t)b->p->n + 1, sizeof(Value));
    b->delayed[k] = val_ref(v);
    b->val[k] = val_ref(v);
    b->bound[k] = 1;
    b->valid &= c->mask;
    return 0;
}

/* Per input object: each delay-bind block's result is bound to its parameter.  Returns how
 * many (they count as bound from the pipeline), or -1. */
static int run_delayed(Binder *b, Value obj, BindError *e)
{
    int n = 0;
    for (int k = 0; b->delayed && k < b->p->ndecl; k++) {
        if (val_is_null(b->delayed[k])) continue;
        char why[512] = "";
        Value r;
        const CParam *c = &b->p->p[k];
        if (b->hooks->delay(b->hooks->ctx, b->delayed[k], obj, &r, why, sizeof why) != 0)
            return fail(b, e, NULL, "ScriptBlockArgumentInvocationFailed", ERRCAT_INVALIDARGUMENT,
                        c->name, "Cannot process argument transformation on parameter '%s'. %s",
                        c->name, why);
        val_unref(b->val[k]);
        b->val[k] = val_null();
        int rc = bind_param(b, k, r, 1, 1, NULL, e);
        val_unref(r);
        if (rc) return -1;
        n++;
    }
    return n;
}

/* A splatted -Key whose parameter an explicit argument already bound is dropped. */
static int splat_overridden(const Binder *b, const BindArg *a)
{
    StrBuf cands = {0};
    int k = match_param(b->p, a->name, a->nlen, &cands);
    sb_free(&cands);
    return k >= 0 && b->bound[k];
}

/* ================================================================ positional arguments ==== */

/* In some set of mask, parameter c sits at position pos. */
static int at_position(const CParam *c, unsigned mask, int pos)
{
    for (int s = 0; s < BIND_MAXSETS; s++)
        if ((mask & c->mask & (1u << s)) && c->pos[s] == pos && !(c->fl[s] & BP_REMAINING))
            return 1;
    return 0;
}

static int positional(const Binder *b, int k)
{
    const CParam *c = &b->p->p[k];
    return !b->bound[k] && !c->is_switch && !c->common;
}

/* The lowest position above after among the unbound parameters of the valid sets; -1 none. */
static int next_position(const Binder *b, int after)
{
    int best = -1;
    for (int k = 0; k < b->p->ndecl; k++) {
        const CParam *c = &b->p->p[k];
        if (!positional(b, k)) continue;
        for (int s = 0; s < b->p->nsets; s++)
            if ((b->valid & c->mask & (1u << s)) && c->pos[s] > after &&
                !(c->fl[s] & BP_REMAINING) && (best < 0 || c->pos[s] < best))
                best = c->pos[s];
    }
    return best;
}

/* Try the parameters at pos within mask.  1 bound, 0 none (the last conversion failure kept
 * in *last), -1 error (validation; conversion for script functions, whose parameter types
 * are argument transformations that pwsh throws at once). */
static int try_position(Binder *b, const BindArg *a, int pos, unsigned mask, int coerce,
                        BindError *last, BindError *e)
{
    for (int k = 0; k < b->p->ndecl; k++) {
        if (!positional(b, k) || !at_position(&b->p->p[k], mask & b->valid, pos)) continue;
        if (delay_candidate(b, &b->p->p[k], a->val)) /* a delay-bind block given by position */
            return delay_bind(b, k, a->val, a->node, e) ? -1 : 1;
        BindError tmp;
        int rc = bind_param(b, k, a->val, coerce, 1, a->node, &tmp);
        if (rc == B_OK) return 1;
        if (rc == B_EVALID || (rc == B_ECONV && (b->p->d->flags & BD_SCRIPT))) return *e = tmp, -1;
        if (rc == B_ECONV) *last = tmp;
    }
    return 0;
}

/* pwsh's order: default set without coercion, all sets without, default with, all with.
 * 0 bound, 1 nobody at pos takes the argument, -1 error. */
static int bind_at(Binder *b, const BindArg *a, int pos, BindError *last, BindError *e)
{
    unsigned def = b->p->defset >= 0 ? 1u << b->p->defset : 0;
    last->id[0] = 0; /* like pwsh, only the failure at the latest position is remembered */
    for (int coerce = 0; coerce < 2; coerce++) {
        int rc = (def & b->valid) ? try_position(b, a, pos, def, coerce, last, e) : 0;
        if (!rc) rc = try_position(b, a, pos, b->p->all, coerce, last, e);
        if (rc) return rc > 0 ? 0 : -1;
    }
    return 1;
}

static int remaining_param(const Binder *b)
{
    for (int k = 0; k < b->p->ndecl; k++) {
        const CParam *c = &b->p->p[k];
        for (int s = 0; s < b->p->nsets; s++)
            if (!b->bound[k] && (b->valid & c->mask & (1u << s)) && (c->fl[s] & BP_REMAINING))
                return k;
    }
    return -1;
}

/* The arguments left over (mark 2: positional, 3: unknown -Name) in the order written. */
static Value collect(const Binder *b, BindArg *args, int nargs)
{
    Value arr = arr_new(TY_OBJECT, 4);
    for (int i = 0; i < nargs; i++)
        if (b->mark[i] == 3)
            push_named(arr, &args[i]);
        else if (b->mark[i] == 2)
            arr_push(arr, args[i].val);
    return arr;
}

/* Leftovers go to ValueFromRemainingArguments, or a simple function's $args; otherwise they
 * are an error: NamedParameterNotFound, the last positional conversion failure, or
 * PositionalParameterNotFound. */
static int leftovers(Binder *b, BindArg *args, int nargs, const BindError *last, BindError *e)
{
    int first = 0, k = remaining_param(b), rc = 0;
    while (first < nargs && b->mark[first] < 2)
        first++;
    if (first == nargs) return 0;
    if (k >= 0 || (b->p->d->flags & BD_SIMPLE)) {
        Value rest = collect(b, args, nargs);
        if (k >= 0)
            rc = bind_param(b, k, rest, 1, 1, args[first].node, e) ? -1 : 0;
        else
            val_unref(b->extra), b->extra = val_ref(rest);
        val_unref(rest);
        return rc;
    }
    const BindArg *a = &args[first];
    if (b->mark[first] == 3)
        return fail(b, e, a->node, "NamedParameterNotFound", ERRCAT_INVALIDARGUMENT, NULL,
                    "A parameter cannot be found that matches parameter name '%.*s'.", (int)a->nlen,
                    a->name);
    if (last->id[0]) return *e = *last, -1;
    char *s_ = show(a->val);
    fail(b, e, a->node, "PositionalParameterNotFound", ERRCAT_INVALIDARGUMENT, NULL,
         "A positional parameter cannot be found that accepts argument '%s'.", s_);
    free(s_);
    return -1;
}

/* Each position (ascending, among the sets still valid) takes the next positional argument;
 * an argument no parameter at its position accepts is left over (mark 2) and the next position
 * takes the next argument, as pwsh does.  *last: the latest positional conversion failure. */
static int bind_positionals(Binder *b, BindArg *args, const int *pa, int npa, BindError *last,
                            BindError *e)
{
    int i = 0, pos = -1, rc = 0;
    while (i < npa && rc >= 0 && (pos = next_position(b, pos)) >= 0) {
        rc = bind_at(b, &args[pa[i]], pos, last, e);
        if (rc > 0) b->mark[pa[i]] = 2;
        i++;
    }
    while (i < npa && rc >= 0)
        b->mark[pa[i++]] = 2;
    return rc < 0 ? -1 : 0;
}

/* ================================================================ set resolution ==== */

static int missing_in(const Binder *b, int s, int final, StrBuf *names)
{
    int n = 0;
    for (int k = 0; k < b->p->ndecl; k++) {
        const CParam *c = &b->p->p[k];
        if (b->bound[k] || !(c->mask & (1u << s)) || !(c->fl[s] & BP_MANDATORY)) continue;
        if (!final && (c->fl[s] & (BP_BYVALUE | BP_BYPROP))) continue;
        if (names) sb_printf(names, " %s", c->name); /* pwsh: " Name" per parameter */
        n++;
    }
    return n;
}

/* One valid set left, else the default set, else the only set with its mandatory parameters
 * all bound. */
static int choose_set(const Binder *b)
{
    unsigned v = b->valid;
    int only = -1, nsat = 0;
    if (v && !(v & (v - 1))) {
        for (int s = 0; s < b->p->nsets; s++)
            if (v == 1u << s) return s;
    }
    if (b->p->defset >= 0 && (v & (1u << b->p->defset))) return b->p->defset;
    for (int s = 0; s < b->p->nsets; s++)
        if ((v & (1u << s)) && missing_in(b, s, 1, NULL) == 0) only = s, nsat++;
    return nsat == 1 ? only : -1;
}

/* final = 0: before pipeline input; only a set already decided by the arguments is checked,
 * and its pipeline parameters are left to the input. */
static int resolve(Binder *b, int final, BindError *e)
{
    if (!final && (b->valid & (b->valid - 1))) return 0;
    b->set = choose_set(b);
    if (b->set < 0) return final ? ambiguous_set(b, NULL, e) : 0;
    StrBuf names = {0};
    int rc = 0;
    if (!missing_in(b, b->set, final, &names))
        rc = 0;
    else if (b->piped && final) /* after an input object */
        rc = fail(b, e, NULL, "InputObjectMissingMandatory", ERRCAT_INVALIDARGUMENT, NULL,
                  "The input object cannot be bound because it did not contain the information "
                  "required to bind all mandatory parameters: %s",
                  sb_str(&names));
    else
        rc = fail(b, e, NULL, "MissingMandatoryParameter", ERRCAT_INVALIDARGUMENT, NULL,
                  "Cannot process command because of one or more missing mandatory parameters:%s.",
                  sb_str(&names));
    sb_free(&names);
    return rc;
}

/* ================================================================ invocation ==== */

/* One allocation per invocation: the Binder, then its val[] and bound[] arrays. */
Binder *bind_new(const BindPlan *p)
{
    size_t n = (size_t)p->n + 1;
    Binder *b = xcalloc(1, sizeof *b + n * sizeof(Value) + n);
    b->p = p;
    b->val = (Value *)(b + 1);
    b->bound = (unsigned char *)(b->val + n);
    b->valid = b->cl_valid = p->all;
    b->set = -1;
    b->extra = val_null(); /* made when asked for: most calls leave nothing over */
    return b;
}

void bind_free(Binder *b)
{
    if (!b) return;
    for (int i = 0; i < b->p->n; i++) {
        val_unref(b->val[i]);
        if (b->delayed) val_unref(b->delayed[i]);
    }
    free(b->delayed);
    val_unref(b->extra);
    free(b);
}

static int bind_names(Binder *b, BindArg *args, int nargs, unsigned char *used, BindError *e)
{
    for (int i = 0; i < nargs; i++) /* explicit names first: they win over splats */
        if (args[i].name && !args[i].splat && !used[i] && bind_named(b, args, nargs, i, used, e))
            return -1;
    for (int i = 0; i < nargs; i++) {
        if (!args[i].name || !args[i].splat || used[i]) continue;
        if (splat_overridden(b, &args[i])) {
            used[i] = 1;
            continue;
        }
        if (bind_named(b, args, nargs, i, used, e)) return -1;
    }
    return 0;
}

int bind_args(Binder *b, BindArg *args, int nargs, int piped, BindError *e)
{
    enum { FEW = 16 }; /* the usual command line: its work arrays on the stack */
    unsigned char used_few[FEW] = {0};
    int pa_few[FEW];
    unsigned char *used = nargs < FEW ? used_few : xcalloc((size_t)nargs + 1, 1);
    int *pa = nargs < FEW ? pa_few : xcalloc((size_t)nargs + 1, sizeof(int)), npa = 0;
    b->piped = piped;
    b->args = args;
    b->mark = used;
    BindError last;
    last.id[0] = 0;
    int rc = bind_names(b, args, nargs, used, e);
    for (int i = 0; i < nargs && !rc; i++)
        if (!args[i].name && !used[i]) pa[npa++] = i;
    if (!rc) rc = bind_positionals(b, args, pa, npa, &last, e);
    if (!rc) rc = leftovers(b, args, nargs, &last, e);
    b->cl_valid = b->valid;
    if (!rc) rc = resolve(b, !piped, e);
    if (piped) b->set = choose_set(b); /* tentative (pwsh names the default set); input decides */
    b->args = NULL;
    b->mark = NULL;
    if (used != used_few) free(used);
    if (pa != pa_few) free(pa);
    return rc;
}

/* Undo the previous object's pipeline bindings. */
static void restore(Binder *b)
{
    for (int i = 0; i < b->p->npipes; i++) {
        int k = b->p->pipes[i];
        if (b->bound[k] == 2) val_unref(b->val[k]), b->val[k] = val_null(), b->bound[k] = 0;
    }
    b->valid = b->cl_valid;
    b->set = -1;
}

static int takes_pipe(const CParam *c, unsigned mask, int byprop)
{
    return (mask & (byprop ? c->byprop : c->byval)) != 0;
}

/* The property of obj named like parameter c (name, then aliases): 1 and a new reference. */
static int prop_for(const CParam *c, Value obj, Value *out)
{
    if (val_is_null(obj)) return 0;
    if (val_get_prop(obj, c->name, strlen(c->name), out)) return 1;
    for (int a = 0; a < c->nalias; a++)
        if (val_get_prop(obj, c->alias[a], strlen(c->alias[a]), out)) return 1;
    return 0;
}

/* One pipeline stage within mask: number of parameters bound, or -1 (validation failure, or
 * parameters of different sets bound from one object).  As in pwsh, the candidates are the
 * parameters of the sets valid when the stage starts. */
static int pipe_stage(Binder *b, Value obj, int byprop, int coerce, unsigned mask, BindError *e)
{
    int n = 0;
    mask &= b->valid;
    for (int i = 0; i < b->p->npipes; i++) {
        int k = b->p->pipes[i];
        const CParam *c = &b->p->p[k];
        if (b->bound[k] || !takes_pipe(c, mask, byprop)) continue;
        Value v = val_null();
        if (byprop && !prop_for(c, obj, &v)) continue;
        BindError tmp;
        int rc = bind_param(b, k, byprop ? v : obj, coerce, 2, NULL, &tmp);
        val_unref(v);
        if (rc == B_EVALID) return *e = tmp, -1;
        if (rc == B_OK) n++;
    }
    return n && !b->valid ? ambiguous_set(b, NULL, e) : n;
}

int bind_input(Binder *b, Value obj, BindError *e)
{
    static const struct {
        int byprop, coerce;
    } stages[] = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
    unsigned def = b->p->defset >= 0 ? 1u << b->p->defset : 0;
    int any = 0;
    restore(b);
    if (b->p->trivial && !b->bound[b->p->pipes[0]]) { /* the common [object] InputObject */
        b->val[b->p->pipes[0]] = val_ref(obj);
        b->bound[b->p->pipes[0]] = 2;
        b->set = 0;
        return 0;
    }
    if ((any = run_delayed(b, obj, e)) < 0) return -1;
    for (size_t i = 0; i < sizeof stages / sizeof *stages; i++) {
        int n =
            (def & b->valid) ? pipe_stage(b, obj, stages[i].byprop, stages[i].coerce, def, e) : 0;
        if (n == 0) n = pipe_stage(b, obj, stages[i].byprop, stages[i].coerce, b->p->all & ~def, e);
        if (n < 0) return -1;
        any += n;
    }
    if (!any)
        return fail(b, e, NULL, "InputObjectNotBound", ERRCAT_INVALIDARGUMENT, NULL,
                    "The input object cannot be bound to any parameters for the command either "
                    "because the command does not take pipeline input or the input and its "
                    "properties do not match any of the parameters that take pipeline input.");
    return resolve(b, 1, e);
}

void bind_set_hooks(Binder *b, const BindHooks *h)
{
    b->hooks = h;
}

Value bind_value(const Binder *b, int i)
{
    return b->val[i];
}

int bind_bound(const Binder *b, int i)
{
    return b->bound[i];
}

const char *bind_set(const Binder *b)
{
    return b->set >= 0 ? b->p->sets[b->set] : NULL;
}

Value bind_extra(Binder *b)
{
    if (b->extra.kind == VAL_NULL) b->extra = arr_new(TY_OBJECT, 0);
    return b->extra;
}

void bind_export(const Binder *b, Value *out, unsigned char *bound)
{
    for (int i = 0; i < b->p->ndecl; i++)
        out[i] = val_ref(b->val[i]), bound[i] = b->bound[i] != 0;
}

Value bind_bound_params(const Binder *b)
{
    Value h = ht_new(1);
    for (int i = 0; i < b->p->n; i++) {
        if (!b->bound[i]) continue;
        Value key = val_str(b->p->p[i].name);
        ht_set(h, key, b->val[i]);
        val_unref(key);
    }
    return h;
}

/* ================================================================ run-time declarations ==== */

struct DeclBuilder {
    CmdDecl d;
    ParamDecl *ps;
    int n, cap;
    void **own; /* every string and array allocated for the declaration */
    int nown, capown;
    int any_pos;
};

static void *keep(DeclBuilder *b, void *p)
{
    ARRAY_PUSH(b->own, b->nown, b->capown, p);
    return p;
}

DeclBuilder *decl_new(const char *name, unsigned flags)
{
    DeclBuilder *b = xcalloc(1, sizeof *b);
    b->d.name = keep(b, xstrdup(name));
    b->d.flags = flags;
    return b;
}

int decl_param(DeclBuilder *b, const char *name, TypeId type, int is_array, const BindType *ext)
{
    ParamDecl p;
    memset(&p, 0, sizeof p);
    p.name = keep(b, xstrdup(name));
    p.type = type;
    p.is_array = is_array;
    p.ext = ext;
    ARRAY_PUSH(b->ps, b->n, b->cap, p);
    return b->n - 1;
}

void decl_alias(DeclBuilder *b, int i, const char *alias)
{
    StrBuf sb = {0};
    const char *old = b->ps[i].aliases;
    sb_printf(&sb, "%s%s%s", old ? old : "", old ? " " : "", alias);
    b->ps[i].aliases = keep(b, sb_take(&sb));
}

void decl_use(DeclBuilder *b, int i, const char *set, int position, unsigned flags)
{
    BindUse *u = b->ps[i].in;
    int n = 0;
    while (n < BIND_MAXUSE && u[n].set)
        n++;
    if (n == BIND_MAXUSE) n--; /* more attributes than room: the last one wins */
    u[n].set = set ? keep(b, xstrdup(set)) : BIND_ALLSETS;
    u[n].pos1 = (short)(position >= 0 ? position + 1 : 0);
    u[n].flags = flags;
    if (position >= 0) b->any_pos = 1;
}

void decl_validate_flags(DeclBuilder *b, int i, unsigned vflags)
{
    b->ps[i].vflags |= vflags;
}

void decl_validate_set(DeclBuilder *b, int i, const char *const *values, int n)
{
    const char **set = keep(b, xcalloc((size_t)n + 1, sizeof(char *)));
    for (int k = 0; k < n; k++)
        set[k] = keep(b, xstrdup(values[k]));
    b->ps[i].vset = set;
}

void decl_validate_range(DeclBuilder *b, int i, double min, double max)
{
    b->ps[i].range.on = 1;
    b->ps[i].range.min = min;
    b->ps[i].range.max = max;
}

void decl_validate_count(DeclBuilder *b, int i, int min, int max)
{
    b->ps[i].count.on = 1;
    b->ps[i].count.min = min;
    b->ps[i].count.max = max;
}

void decl_validate_pattern(DeclBuilder *b, int i, const char *pattern)
{
    b->ps[i].pattern = keep(b, xstrdup(pattern));
}

void decl_validate_length(DeclBuilder *b, int i, int min, int max)
{
    b->ps[i].length.on = 1;
    b->ps[i].length.min = min;
    b->ps[i].length.max = max;
}

void decl_validate_script(DeclBuilder *b, int i, const void *script, const char *text)
{
    b->ps[i].vscript = script;
    b->ps[i].vscript_text = text ? keep(b, xstrdup(text)) : NULL;
}

void decl_error_suffix(DeclBuilder *b, const char *suffix)
{
    b->d.errsuffix = keep(b, xstrdup(suffix));
}

void decl_flags(DeclBuilder *b, unsigned flags)
{
    b->d.flags |= flags;
}

void decl_default_set(DeclBuilder *b, const char *set)
{
    b->d.default_set = keep(b, xstrdup(set));
}

/* pwsh's implicit positions: every non-switch parameter, in declaration order. */
static void implicit_positions(DeclBuilder *b)
{
    int pos = 0;
    for (int i = 0; i < b->n; i++) {
        ParamDecl *p = &b->ps[i];
        if (p->type == TY_SWITCH && !p->ext) continue;
        if (!p->in[0].set) p->in[0].set = BIND_ALLSETS;
        for (int u = 0; u < BIND_MAXUSE && p->in[u].set; u++)
            p->in[u].pos1 = (short)(pos + 1);
        pos++;
    }
}

const CmdDecl *decl_finish(DeclBuilder *b)
{
    if (!b->any_pos && !(b->d.flags & BD_NOPOSITIONAL)) {
        implicit_positions(b);
        b->any_pos = 1;
    }
    b->d.params = b->ps;
    b->d.nparams = b->n;
    return &b->d;
}

void decl_free(DeclBuilder *b)
{
    if (!b) return;
    for (int i = 0; i < b->nown; i++)
        free(b->own[i]);
    free(b->own);
    free(b->ps);
    free(b);
}

/* ================================================================ bridges ==== */

DeclBuilder *decl_from_specs(const char *name, const ParamSpec *ps, int n, unsigned flags)
{
    static const struct {
        unsigned ps, bp;
    } map[] = {{PS_PIPELINE, BP_BYVALUE},
               {PS_REMAINING, BP_REMAINING},
               {PS_MANDATORY, BP_MANDATORY},
               {PS_BYPROP, BP_BYPROP}};
    DeclBuilder *b = decl_new(name, flags);
    for (int i = 0; i < n; i++) {
        unsigned bp = 0;
        for (size_t m = 0; m < sizeof map / sizeof *map; m++)
            if (ps[i].flags & map[m].ps) bp |= map[m].bp;
        TypeId t = (ps[i].flags & PS_SWITCH) ? TY_SWITCH : ps[i].type;
        int k = decl_param(b, ps[i].name, t, ps[i].is_array, NULL);
        if (ps[i].alias) decl_alias(b, k, ps[i].alias);
        decl_use(b, k, NULL, ps[i].position, bp);
        if (ps[i].flags & PS_ALLOWNULL)
            decl_validate_flags(b, k, BV_ALLOWNULL | BV_ALLOWEMPTYCOLL | BV_ALLOWEMPTYSTR);
    }
    b->any_pos = 1; /* positions are explicit in a ParamSpec table */
    return b;
}

int bind_specs(const ParamSpec *params, int nparams, BindArg *args, int nargs, Value *out,
               unsigned char *bound, Value *extra, const char *cmdname, BindError *e)
{
    DeclBuilder *db =
        decl_from_specs(cmdname ? cmdname : "", params, nparams, extra ? BD_SIMPLE | BD_SCRIPT : 0);
    BindPlan *p = bind_plan_new(decl_finish(db));
    Binder *b = bind_new(p);
    int rc = bind_args(b, args, nargs, 0, e);
    for (int i = 0; i < nparams; i++)
        out[i] = val_null(), bound[i] = 0;
    if (!rc) bind_export(b, out, bound);
    if (!rc && extra) *extra = val_ref(bind_extra(b));
    bind_free(b);
    bind_plan_free(p);
    decl_free(db);
    return rc;
}

Value bind_error_rec(const BindError *e, Program *prog, const char *command, Node *site)
{
    Node *at = e->node ? e->node : site;
    ErrInit init = {.msg = e->msg,
                    .id = e->fqid,
                    .exc = EXC_PARAMBIND,
                    .inner = EXC_PARAMBIND,
                    .cat = e->cat,
                    .command = command,
                    .prog = at ? prog : NULL,
                    .start = at ? at->start : 0,
                    .end = at ? at->end : 0};
    return errrec_new(&init);
}
