/*
** variables: the *-Variable cmdlets (see variables.h).  Argument plumbing (ParamSpec tables,
** -Scope and -Option decoding) is kept apart from the logic (find, match, write), so the
** handlers stay a few lines each.  Names starting with \x01 are the runspace's hidden
** bookkeeping (session.c) and are never listed.
*/
#include "cmdlets/variables.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmdlets/cmdutil.h"
#include "cmdlets/session.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/fmt_view.h"
#include "runtime/mem.h"
#include "runtime/wildcard.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))


static const struct {
    const char *name;
    unsigned bits;
} options[] = {
    {"None", 0},
    {"ReadOnly", VF_READONLY},
    {"Constant", VF_CONSTANT},
    {"Private", VF_PRIVATE},
    {"AllScope", VF_ALLSCOPE},
    {"Unspecified", 0},
};
#define NOPTIONS (sizeof options / sizeof options[0])
#define OPT_MASK (VF_READONLY | VF_CONSTANT | VF_PRIVATE | VF_ALLSCOPE)

/* ======================================================== PSVariable ==== */

static const char *const psvar_names[] = {"Name",       "Description", "Value",
                                          "Visibility", "Module",      "ModuleName",
                                          "Options",    "Attributes"};

/*
** A PSVariable is live, as in pwsh: its Value slot holds the variable itself (a Var handle,
** runtime/scope.h), so (Get-Variable x).Value reads $x now and .Value = v assigns $x, also
** from a thread job the record was passed to.  A ReadOnly or Constant variable cannot be set
** this way.  The other properties are a snapshot taken when the record was made.
*/
enum { PSVAR_VALUE = 2 };

static Var *psvar_var(Value self)
{
    return scope_var_of(session_rec_get(self, &variables_psvariable, PSVAR_VALUE));
}

static int psvar_get(Value self, const char *name, size_t len, Value *out)
{
    Var *v = psvar_var(self);
    if (v && str_ieq_slice(name, len, "Value")) return *out = val_ref(var_value(v)), 1;
    return session_rec_get_prop(self, name, len, out);
}

static int psvar_set(Value self, const char *name, size_t len, Value val)
{
    Var *v = psvar_var(self);
    if (!v || !str_ieq_slice(name, len, "Value")) return 0;
    if (var_flags(v) & (VF_READONLY | VF_CONSTANT)) return -1; /* runtime/value.h */
    var_set(v, val);
    return 1;
}

static void psvar_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    session_rec_prop_at(self, i, name, len, val);
    Var *v = psvar_var(self);
    if (i == PSVAR_VALUE && v) *val = var_value(v);
}

const RecClass variables_psvariable = {{.name = "PSVariable",
                                        .full_name = "System.Management.Automation.PSVariable",
                                        .type = TY_OTHER,
                                        .free = session_rec_free,
                                        .to_string = session_rec_to_string,
                                        .get_prop = psvar_get,
                                        .set_prop = psvar_set,
                                        .nprops = session_rec_nprops,
                                        .prop_at = psvar_prop_at,
                                        .share = session_rec_share},
                                       psvar_names,
                                       sizeof psvar_names / sizeof psvar_names[0]};

/* "ReadOnly, AllScope", or "None": the flags enum's ToString. */
Value variables_options_string(unsigned flags)
{
    StrBuf sb = {0};
    for (size_t i = 1; i + 1 < NOPTIONS; i++) {
        if (!(flags & options[i].bits)) continue;
        if (sb.len) sb_puts(&sb, ", ");
        sb_puts(&sb, options[i].name);
    }
    if (!sb.len) sb_puts(&sb, "None");
    return val_str_take_sb(&sb);
}

static Value psvar_new(const Var *v)
{
    Value vals[8] = {val_str(var_name(v)),
                     val_str_empty(),
                     scope_var_handle((Var *)v),
                     val_str("Public"),
                     val_null(),
                     val_str_empty(),
                     variables_options_string(var_flags(v)),
                     arr_new(TY_OBJECT, 0)};
    Value r = session_rec_new(&variables_psvariable, vals);
    for (size_t i = 0; i < 8; i++)
        val_unref(vals[i]);
    return r;
}

Value variables_psvariable_new(const Var *v)
{
    return psvar_new(v);
}

static const FmtColumn psvar_cols[] = {
    {.label = "Name", .prop = "Name", .width = 30, .align = FMT_ALIGN_LEFT},
    {.label = "Value", .prop = "Value", .align = FMT_ALIGN_LEFT},
};
static const FmtView psvar_view = {
    .name = "PSVariable",
    .type_name = "System.Management.Automation.PSVariable",
    .shape = FMT_TABLE,
    .cols = psvar_cols,
    .ncols = 2,
    .plain_values = 1,
};

void variables_register_views(void)
{
    static int done;
    if (done) return;
    done = 1;
    fmt_view_register(&psvar_view);
}

/* ============================================================ errors ==== */

/* "<id>,Microsoft.PowerShell.Commands.<Verb><Noun>Command" for the running cmdlet. */
static void fqid(CmdCtx *c, const char *id, StrBuf *out)
{
    sb_printf(out, "%s,Microsoft.PowerShell.Commands.", id);
    for (const char *p = c->def->name; *p; p++)
        if (*p != '-') sb_putc(out, *p);
    sb_puts(out, "Command");
}

static Value make_error(CmdCtx *c, ExcKind exc, ErrCategory cat, const char *id, const char *msg,
                        const char *target)
{
    StrBuf f = {0};
    fqid(c, id, &f);
    ErrInit e = {.msg = msg,
                 .id = sb_str(&f),
                 .exc = exc,
                 .inner = exc,
                 .cat = cat,
                 .command = c->def->name,
                 .prog = c->node ? c->I->prog : NULL,
                 .start = c->node ? c->node->start : 0,
                 .end = c->node ? c->node->end : 0};
    Value rec = errrec_new(&e);
    sb_free(&f);
    if (target) {
        Value t = val_str(target);
        errrec_set_target(rec, t);
        val_unref(t);
    }
    return rec;
}

/* A non-terminating error about variable `name`; fmt has one %s for the name. */
static void write_err(CmdCtx *c, ErrCategory cat, const char *id, const char *fmt,
                      const char *name)
{
    StrBuf m = {0};
    sb_printf(&m, fmt, name);
    Value rec = make_error(c, EXC_RUNTIME, cat, id, sb_str(&m), name);
    sb_free(&m);
    cmd_write_error(c, rec);
    val_unref(rec);
}

/* A statement-terminating error with the cmdlet's FullyQualifiedErrorId; returns ST_THROW. */
static Status throw_err(CmdCtx *c, ExcKind exc, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static Status throw_err(CmdCtx *c, ExcKind exc, const char *id, const char *fmt, ...)
{
    StrBuf m = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&m, fmt, ap);
    va_end(ap);
    Value rec = make_error(c, exc, ERRCAT_INVALIDARGUMENT, id, sb_str(&m), NULL);
    sb_free(&m);
    return eval_throw_rec(c->I, rec, 0);
}

static const char MSG_NOTFOUND[] = "Cannot find a variable with the name '%s'.";
static const char MSG_NOTWRITABLE[] = "Cannot overwrite variable %s because it is read-only or "
                                      "constant.";
static const char MSG_NOTREMOVABLE[] =
    "Cannot remove variable %s because it is constant or read-only. If the variable is "
    "read-only, try the operation again specifying the Force option.";
static const char MSG_EXISTS[] = "A variable with name '%s' already exists.";

static void not_found(CmdCtx *c, const char *name)
{
    write_err(c, ERRCAT_OBJECTNOTFOUND, "VariableNotFound", MSG_NOTFOUND, name);
}

/* ================================================== argument decoding ==== */

/* -Scope: *out is the scope named (Global, Script, Local, Private or a number counted up
 * from the current scope), NULL when the parameter is not given.  ST_THROW when invalid. */
Status variables_scope_arg(CmdCtx *c, int i, Scope **out)
{
    *out = NULL;
    if (!c->bound[i] || val_is_null(c->arg[i])) return ST_OK;
    const char *s = val_str_data(c->arg[i]);
    Interp *I = c->I;
    if (!str_icmp(s, "Global")) return *out = I->global, ST_OK;
    if (!str_icmp(s, "Script")) return *out = scope_script(I->cur), ST_OK;
    if (!str_icmp(s, "Local") || !str_icmp(s, "Private")) return *out = I->cur, ST_OK;
    char *end;
    long n = strtol(s, &end, 10);
    if (*s && !*end && n >= 0) {
        Scope *sc = I->cur;
        while (n-- > 0 && sc)
            sc = scope_parent(sc);
        if (sc) return *out = sc, ST_OK;
        return throw_err(c, EXC_ARGUMENT, "ArgumentOutOfRange",
                         "The scope number '%s' exceeds the number of active scopes. (Parameter "
                         "'scopeID')\nActual value was %s.",
                         s, s);
    }
    return throw_err(c, EXC_ARGUMENT, "Argument",
                     "Cannot process argument because the value of parameter \"Scope\" is not "
                     "valid. Valid values are \"Global\", \"Local\", or \"Script\", or a number "
                     "relative to the current scope (0 through the number of scopes where 0 is "
                     "the current scope and 1 is its parent). Change the value of the \"Scope\" "
                     "parameter and run the operation again.");
}

static int option_bits(const char *tok, size_t len, unsigned *bits)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (str_ieq_slice(tok, len, options[i].name)) return *bits |= options[i].bits, 1;
    return 0;
}

/* -Option: a ScopedItemOptions value ("ReadOnly, Private" or an array of names). */
Status variables_option_arg(CmdCtx *c, int i, unsigned *out)
{
    *out = 0;
    for (size_t k = 0; k < cmdutil_count(c->arg[i]); k++) {
        Value s = convert_to_string(cmdutil_elem(c->arg[i], k), NULL);
        const char *p = val_str_data(s);
        while (*p) {
            size_t n = strcspn(p, ", ");
            if (n && !option_bits(p, n, out)) {
                Status st = throw_err(
                    c, EXC_PARAMBIND, "CannotConvertArgumentNoMessage",
                    "Cannot bind parameter 'Option'. Cannot convert value \"%s\" to type "
                    "\"System.Management.Automation.ScopedItemOptions\". Error: \"Unable to "
                    "match the identifier name %.*s to a valid enumerator name. Specify one of "
                    "the following enumerator names and try again:\nNone, ReadOnly, Constant, "
                    "Private, AllScope, Unspecified\"",
                    val_str_data(s), (int)n, p);
                val_unref(s);
                return st;
            }
            p += n + strspn(p + n, ", ");
        }
        val_unref(s);
    }
    return ST_OK;
}

/* ========================================================= variable sets ==== */

typedef struct VarList {
    const Var **v;
    size_t len, cap;
} VarList;

static int listed(const VarList *l, const char *name)
{
    for (size_t i = 0; i < l->len; i++)
        if (!str_icmp(var_name(l->v[i]), name)) return 1;
    return 0;
}

typedef struct Gather {
    VarList *l;
    int hide_private; /* a parent scope: its private variables are not visible */
} Gather;

static void gather_one(void *ctx, const Var *v)
{
    Gather *g = ctx;
    if (var_name(v)[0] == '\x01' || listed(g->l, var_name(v))) return;
    if (g->hide_private && (var_flags(v) & VF_PRIVATE)) return;
    ARRAY_PUSH(g->l->v, g->l->len, g->l->cap, v);
}

/* The variables of scope s only, or (s NULL) every variable visible from the current
 * scope, the nearest definition of each name. */
static void gather(Interp *I, Scope *s, VarList *l)
{
    Gather g = {l, 0};
    if (s) {
        scope_each_var(s, gather_one, &g);
        return;
    }
    for (Scope *sc = I->cur; sc; sc = scope_parent(sc), g.hide_private = 1)
        scope_each_var(sc, gather_one, &g);
}

static int by_name(const void *a, const void *b)
{
    return str_icmp(var_name(*(const Var *const *)a), var_name(*(const Var *const *)b));
}

/* 1 when name matches any pattern of the string[] list (a $null list matches nothing). */
static int match_any(Value list, const char *name)
{
    for (size_t i = 0; i < cmdutil_count(list); i++) {
        Value p = cmdutil_elem(list, i);
        if (!val_is_str(p)) continue;
        if (wildcard_match(val_str_data(p), val_str_len(p), name, strlen(name), 1, NULL) == 1)
            return 1;
    }
    return 0;
}

typedef struct Filter {
    Value pattern;          /* one -Name entry (String) */
    Value include, exclude; /* string[] or $null */
} Filter;

static int passes(const Filter *f, const char *name)
{
    const char *p = val_str_data(f->pattern);
    if (wildcard_match(p, strlen(p), name, strlen(name), 1, NULL) != 1) return 0;
    if (!val_is_null(f->include) && !match_any(f->include, name)) return 0;
    return !match_any(f->exclude, name);
}

/* The variables of `all` passing f, sorted by name (borrowed pointers). */
static void select_vars(const VarList *all, const Filter *f, VarList *out)
{
    for (size_t i = 0; i < all->len; i++)
        if (passes(f, var_name(all->v[i]))) ARRAY_PUSH(out->v, out->len, out->cap, all->v[i]);
    if (out->len > 1) qsort(out->v, out->len, sizeof out->v[0], by_name);
}

static int has_meta(Value pattern)
{
    return wildcard_has_meta(val_str_data(pattern), val_str_len(pattern));
}

/* The literal name of a pattern without wildcards (backticks removed), owned. */
static char *literal(Value pattern)
{
    StrBuf sb = {0};
    wildcard_unescape(val_str_data(pattern), val_str_len(pattern), &sb);
    return sb_take(&sb);
}

/* Where name's nearest visible definition lives, or NULL. */
static Scope *holder(Interp *I, const char *name)
{
    size_t len = strlen(name);
    for (Scope *s = I->cur; s; s = scope_parent(s)) {
        Var *v = scope_local(s, name, len);
        if (v && (s == I->cur || !(var_flags(v) & VF_PRIVATE))) return s;
    }
    return NULL;
}

static Status emit_var(CmdCtx *c, const Var *v)
{
    Value r = psvar_new(v);
    Status st = pipe_put(c->I, c->out, r);
    val_unref(r);
    return st;
}

/* ====================================================== Get-Variable ==== */

enum { GV_NAME, GV_VALUEONLY, GV_INCLUDE, GV_EXCLUDE, GV_SCOPE };
static const ParamSpec gv_params[] = {
    [GV_NAME] = {.name = "Name", .type = TY_STRING, .is_array = 1, .position = 0,
                 .flags = PS_PIPELINE},
    [GV_VALUEONLY] = {.name = "ValueOnly", .type = TY_SWITCH, .position = -1,
                      .flags = PS_SWITCH},
    [GV_INCLUDE] = {.name = "Include", .type = TY_STRING, .is_array = 1, .position = -1},
    [GV_EXCLUDE] = {.name = "Exclude", .type = TY_STRING, .is_array = 1, .position = -1},
    [GV_SCOPE] = {.name = "Scope", .type = TY_STRING, .position = -1},
};

static Status get_one(CmdCtx *c, const VarList *all, Value pattern)
{
    Filter f = {pattern, c->arg[GV_INCLUDE], c->arg[GV_EXCLUDE]};
    VarList sel = {0};
    select_vars(all, &f, &sel);
    Status st = ST_OK;
    for (size_t i = 0; i < sel.len && !st; i++)
        st = cmdutil_flag(c, GV_VALUEONLY) ? pipe_put(c->I, c->out, var_value(sel.v[i]))
                                           : emit_var(c, sel.v[i]);
    if (!sel.len && !has_meta(pattern)) { /* a literal name excluded on purpose is no error */
        char *name = literal(pattern);
        if (!match_any(f.exclude, name)) not_found(c, name);
        free(name);
    }
    free(sel.v);
    return st;
}

/* Get-Variable [[-Name] <string[]>] [-ValueOnly] [-Include <string[]>] [-Exclude <string[]>]
 *              [-Scope <string>] */
static Status get_variable(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    Value names = c->has_input ? c->input : c->arg[GV_NAME];
    Scope *s;
    Status st = variables_scope_arg(c, GV_SCOPE, &s);
    if (st) return st;
    VarList all = {0};
    gather(c->I, s, &all);
    Value star = val_str("*");
    if (val_is_null(names)) names = star;
    for (size_t i = 0; i < cmdutil_count(names) && !st; i++) {
        Value p = convert_to_string(cmdutil_elem(names, i), NULL);
        st = get_one(c, &all, p);
        val_unref(p);
    }
    val_unref(star);
    free(all.v);
    return st;
}

/* =================================================== writing variables ==== */

static int writable(const Var *v, int force)
{
    unsigned f = var_flags(v);
    return !(f & VF_CONSTANT) && (force || !(f & VF_READONLY));
}

typedef struct SetReq {
    Value value;   /* the new value */
    int has_value; /* -Value given (else an existing value is kept) */
    int has_opts;  /* -Option given */
    unsigned opts; /* its bits */
    int force, passthru;
} SetReq;

/* Store r in v (checked writable by the caller) and pass it on when asked. */
static Status apply(CmdCtx *c, Var *v, const SetReq *r)
{
    if (r->has_value) var_set(v, r->value);
    if (r->has_opts) var_set_flags(v, (var_flags(v) & ~(unsigned)OPT_MASK) | r->opts);
    return r->passthru ? emit_var(c, v) : ST_OK;
}

/* Set-Variable on one name (literal, or a pattern over the existing variables of s). */
static Status set_in(CmdCtx *c, Scope *s, Value pattern, Value exclude, const SetReq *r)
{
    if (!has_meta(pattern)) {
        char *name = literal(pattern);
        Var *v = scope_local(s, name, strlen(name));
        Status st = ST_OK;
        if (v && !writable(v, r->force))
            write_err(c, ERRCAT_INVALIDOPERATION, "VariableNotWritable", MSG_NOTWRITABLE, name);
        else if (!match_any(exclude, name))
            st = apply(c, v ? v : scope_define(s, name, strlen(name)), r);
        free(name);
        return st;
    }
    VarList all = {0}, sel = {0};
    gather(c->I, s, &all);
    Filter f = {pattern, val_null(), exclude};
    select_vars(&all, &f, &sel);
    Status st = ST_OK;
    for (size_t i = 0; i < sel.len && !st; i++) {
        Var *v = (Var *)sel.v[i];
        if (writable(v, r->force))
            st = apply(c, v, r);
        else
            write_err(c, ERRCAT_INVALIDOPERATION, "VariableNotWritable", MSG_NOTWRITABLE,
                      var_name(v));
    }
    free(all.v);
    free(sel.v);
    return st;
}

enum { SV_NAME, SV_VALUE, SV_INCLUDE, SV_EXCLUDE, SV_DESC, SV_OPTION, SV_FORCE, SV_VISIBILITY,
       SV_PASSTHRU, SV_SCOPE };
static const ParamSpec sv_params[] = {
    [SV_NAME] = {.name = "Name", .type = TY_STRING, .is_array = 1, .position = 0,
                 .flags = PS_MANDATORY},
    [SV_VALUE] = {.name = "Value", .type = TY_OBJECT, .position = 1, .flags = PS_PIPELINE},
    [SV_INCLUDE] = {.name = "Include", .type = TY_STRING, .is_array = 1, .position = -1},
    [SV_EXCLUDE] = {.name = "Exclude", .type = TY_STRING, .is_array = 1, .position = -1},
    [SV_DESC] = {.name = "Description", .type = TY_STRING, .position = -1},
    [SV_OPTION] = {.name = "Option", .type = TY_OBJECT, .position = -1},
    [SV_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SV_VISIBILITY] = {.name = "Visibility", .type = TY_STRING, .position = -1},
    [SV_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SV_SCOPE] = {.name = "Scope", .type = TY_STRING, .position = -1},
};

/* Set-Variable [-Name] <string[]> [[-Value] <Object>] [-Include <string[]>]
 *              [-Exclude <string[]>] [-Description <string>] [-Option <ScopedItemOptions>]
 *              [-Force] [-Visibility <SessionStateEntryVisibility>] [-PassThru]
 *              [-Scope <string>] */
static Status set_variable(CmdCtx *c)
{
    /* piped values are collected (one value stays a scalar) and stored at the end */
    if (c->phase == CMD_PROCESS && c->has_input) {
        if (val_is_null(c->state)) c->state = arr_new(TY_OBJECT, 4);
        arr_push(c->state, c->input);
    }
    if (c->phase != CMD_END) return ST_OK;
    int piped = !val_is_null(c->state);
    Value collected = !piped ? val_null()
                      : arr_len(c->state) == 1 ? arr_get(c->state, 0)
                                               : val_ref(c->state);
    SetReq r = {.value = piped ? collected : c->arg[SV_VALUE],
                .has_value = piped || c->bound[SV_VALUE],
                .has_opts = c->bound[SV_OPTION],
                .force = cmdutil_flag(c, SV_FORCE),
                .passthru = cmdutil_flag(c, SV_PASSTHRU)};
    Scope *s;
    Status st = variables_scope_arg(c, SV_SCOPE, &s);
    if (!st && r.has_opts) st = variables_option_arg(c, SV_OPTION, &r.opts);
    if (!r.has_value && !r.has_opts && !st) r.has_value = 1; /* Set-Variable x: $x = $null */
    for (size_t i = 0; i < cmdutil_count(c->arg[SV_NAME]) && !st; i++)
        st = set_in(c, s ? s : c->I->cur, cmdutil_elem(c->arg[SV_NAME], i), c->arg[SV_EXCLUDE], &r);
    val_unref(collected);
    return st;
}

/* ====================================================== New-Variable ==== */

enum { NV_NAME, NV_VALUE, NV_DESC, NV_OPTION, NV_VISIBILITY, NV_FORCE, NV_PASSTHRU, NV_SCOPE };
static const ParamSpec nv_params[] = {
    [NV_NAME] = {.name = "Name", .type = TY_STRING, .position = 0, .flags = PS_MANDATORY},
    [NV_VALUE] = {.name = "Value", .type = TY_OBJECT, .position = 1, .flags = PS_PIPELINE},
    [NV_DESC] = {.name = "Description", .type = TY_STRING, .position = -1},
    [NV_OPTION] = {.name = "Option", .type = TY_OBJECT, .position = -1},
    [NV_VISIBILITY] = {.name = "Visibility", .type = TY_STRING, .position = -1},
    [NV_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [NV_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [NV_SCOPE] = {.name = "Scope", .type = TY_STRING, .position = -1},
};

/* New-Variable [-Name] <string> [[-Value] <Object>] [-Description <string>]
 *              [-Option <ScopedItemOptions>] [-Visibility <SessionStateEntryVisibility>]
 *              [-Force] [-PassThru] [-Scope <string>] */
static Status new_variable(CmdCtx *c)
{
    if (c->phase == CMD_BEGIN || (c->phase == CMD_END && c->count)) return ST_OK;
    if (c->phase == CMD_PROCESS && !c->has_input) return ST_OK;
    c->count++;
    SetReq r = {.value = c->phase == CMD_PROCESS ? c->input : c->arg[NV_VALUE],
                .has_value = 1,
                .has_opts = 1,
                .force = cmdutil_flag(c, NV_FORCE),
                .passthru = cmdutil_flag(c, NV_PASSTHRU)};
    Scope *s;
    Status st = variables_scope_arg(c, NV_SCOPE, &s);
    if (!st) st = variables_option_arg(c, NV_OPTION, &r.opts);
    if (st) return st;
    const char *name = val_str_data(c->arg[NV_NAME]);
    s = s ? s : c->I->cur;
    Var *v = scope_local(s, name, strlen(name));
    if (v && (!r.force || !writable(v, 1))) {
        int exists = !r.force;
        write_err(c, ERRCAT_INVALIDOPERATION, exists ? "VariableAlreadyExists"
                                                     : "VariableNotWritable",
                  exists ? MSG_EXISTS : MSG_NOTWRITABLE, name);
        return ST_OK;
    }
    return apply(c, v ? v : scope_define(s, name, strlen(name)), &r);
}

/* ============================================ Remove- and Clear-Variable ==== */

/* Remove- and Clear-Variable share their first parameters; -Scope (and -PassThru) follow. */
enum { RV_NAME, RV_INCLUDE, RV_EXCLUDE, RV_FORCE, RV_SCOPE };
enum { CLV_PASSTHRU = RV_FORCE + 1, CLV_SCOPE };
#define RV_COMMON                                                                                  \
    [RV_NAME] = {.name = "Name", .type = TY_STRING, .is_array = 1, .position = 0,                  \
                 .flags = PS_MANDATORY},                                                           \
    [RV_INCLUDE] = {.name = "Include", .type = TY_STRING, .is_array = 1, .position = -1},          \
    [RV_EXCLUDE] = {.name = "Exclude", .type = TY_STRING, .is_array = 1, .position = -1},          \
    [RV_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH}
static const ParamSpec rv_params[] = {
    RV_COMMON,
    [RV_SCOPE] = {.name = "Scope", .type = TY_STRING, .position = -1},
};
static const ParamSpec clv_params[] = {
    RV_COMMON,
    [CLV_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [CLV_SCOPE] = {.name = "Scope", .type = TY_STRING, .position = -1},
};

/* What Remove-/Clear-Variable do to one variable of scope s. */
typedef Status (*VarAction)(CmdCtx *c, Scope *s, Var *v);

static Status remove_one(CmdCtx *c, Scope *s, Var *v)
{
    if (!writable(v, cmdutil_flag(c, RV_FORCE))) {
        write_err(c, ERRCAT_INVALIDOPERATION, "VariableNotRemovable", MSG_NOTREMOVABLE,
                  var_name(v));
        return ST_OK;
    }
    char *name = xstrdup(var_name(v));
    scope_remove(s, name, strlen(name));
    free(name);
    return ST_OK;
}

static Status clear_one(CmdCtx *c, Scope *s, Var *v)
{
    if (!writable(v, cmdutil_flag(c, RV_FORCE))) {
        write_err(c, ERRCAT_INVALIDOPERATION, "VariableNotWritable", MSG_NOTWRITABLE,
                  var_name(v));
        return ST_OK;
    }
    var_set(v, val_null());
    return cmdutil_flag(c, CLV_PASSTHRU) ? emit_var(c, v) : ST_OK;
}

/* One -Name entry: a literal name acts on its nearest visible definition (or on scope s),
 * a pattern on the matching variables of s (the current scope by default). */
static Status act_on(CmdCtx *c, Scope *s, Value pattern, VarAction fn)
{
    Filter f = {pattern, c->arg[RV_INCLUDE], c->arg[RV_EXCLUDE]};
    if (!has_meta(pattern)) {
        char *name = literal(pattern);
        Scope *at = s ? s : holder(c->I, name);
        Var *v = at ? scope_local(at, name, strlen(name)) : NULL;
        Status st = ST_OK;
        if (!v)
            not_found(c, name);
        else if (passes(&f, name))
            st = fn(c, at, v);
        free(name);
        return st;
    }
    VarList all = {0}, sel = {0};
    gather(c->I, s ? s : c->I->cur, &all);
    select_vars(&all, &f, &sel);
    Status st = ST_OK;
    for (size_t i = 0; i < sel.len && !st; i++)
        st = fn(c, s ? s : c->I->cur, (Var *)sel.v[i]);
    free(all.v);
    free(sel.v);
    return st;
}

static Status var_action_generic(CmdCtx *c, VarAction fn, int scope_index)
{
    if (c->phase != CMD_END) return ST_OK;
    Scope *s;
    Status st = variables_scope_arg(c, scope_index, &s);
    for (size_t i = 0; i < cmdutil_count(c->arg[RV_NAME]) && !st; i++)
        st = act_on(c, s, cmdutil_elem(c->arg[RV_NAME], i), fn);
    return st;
}

/* Remove-Variable [-Name] <string[]> [-Include <string[]>] [-Exclude <string[]>] [-Force]
 *                 [-Scope <string>] */
static Status remove_variable(CmdCtx *c)
{
    return var_action_generic(c, remove_one, RV_SCOPE);
}

/* Clear-Variable [-Name] <string[]> [-Include <string[]>] [-Exclude <string[]>] [-Force]
 *                [-PassThru] [-Scope <string>] */
static Status clear_variable(CmdCtx *c)
{
    return var_action_generic(c, clear_one, CLV_SCOPE);
}

/* Aliases as pwsh 7.5 defines them on Linux (none of these shadows a native command). */
const CmdDef variables_table[] = {
    {"Get-Variable", "gv", get_variable, gv_params, NPARAMS(gv_params)},
    {"Set-Variable", "set sv", set_variable, sv_params, NPARAMS(sv_params)},
    {"New-Variable", "nv", new_variable, nv_params, NPARAMS(nv_params)},
    {"Remove-Variable", "rv", remove_variable, rv_params, NPARAMS(rv_params)},
    {"Clear-Variable", "clv", clear_variable, clv_params, NPARAMS(clv_params)},
};
const int variables_count = NPARAMS(variables_table);
