/*
** session: Get-Alias, Set-Alias, New-Alias, Get-Command, Get-Help and Get-History (see
** session.h).  The command set is read from the runspace's registered tables (searched last
** first, as cmd_find does) plus the core built-ins of runtime/command.c, found by name.
** User aliases live in the scopes' alias tables (runtime/scope.h) and are resolved by the
** evaluator before functions and cmdlets, as pwsh's command precedence says.
*/
#include "cmdlets/session.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmdlets/cmdutil.h"
#include "cmdlets/jobcmds.h"
#include "cmdlets/variables.h"
#include "runtime/array.h"
#include "runtime/binder.h"
#include "runtime/cmdpath.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/fmt_view.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/runloc.h"
#include "runtime/wildcard.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))

/* Hidden bookkeeping variables of the global scope (never listed by Get-Variable). */
#define HIDDEN_HISTORY "\x01" "History"

/* ============================================================ records ==== */

typedef struct Rec {
    Obj hdr;
    Value v[]; /* one per property of the class, owned */
} Rec;

static const RecClass *rec_class(Value self)
{
    return (const RecClass *)val_class(val_base(self));
}

void session_rec_free(Obj *o)
{
    const RecClass *rc = (const RecClass *)o->cls;
    for (size_t i = 0; i < rc->n; i++)
        val_unref(((Rec *)o)->v[i]);
}

void session_rec_share(Obj *o)
{
    const RecClass *rc = (const RecClass *)o->cls;
    for (size_t i = 0; i < rc->n; i++)
        val_share(((Rec *)o)->v[i]);
}

int session_rec_get_prop(Value self, const char *name, size_t len, Value *out)
{
    const RecClass *rc = rec_class(self);
    Rec *r = (Rec *)val_base(self).as.o;
    for (size_t i = 0; i < rc->n; i++)
        if (str_ieq_slice(name, len, rc->names[i])) return *out = val_ref(r->v[i]), 1;
    return 0;
}

size_t session_rec_nprops(Value self)
{
    return rec_class(self)->n;
}

void session_rec_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    const RecClass *rc = rec_class(self);
    *name = rc->names[i];
    *len = strlen(rc->names[i]);
    *val = ((Rec *)val_base(self).as.o)->v[i];
}

void session_rec_to_string(Value self, StrBuf *out)
{
    convert_append_string(((Rec *)val_base(self).as.o)->v[0], NULL, out);
}

Value session_rec_new(const RecClass *rc, const Value *vals)
{
    Rec *r = (Rec *)obj_alloc(&rc->cls, sizeof(Rec) + rc->n * sizeof(Value));
    for (size_t i = 0; i < rc->n; i++)
        r->v[i] = val_ref(vals[i]);
    return val_obj_take(&r->hdr);
}

Value session_rec_get(Value v, const RecClass *rc, size_t i)
{
    Value b = val_base(v);
    if (!val_is(b, &rc->cls) || i >= rc->n) return val_null();
    return ((Rec *)b.as.o)->v[i];
}

/* ============================================================= errors ==== */

/* A record with FullyQualifiedErrorId "<id>,Microsoft.PowerShell.Commands.<Verb><Noun>Command"
 * for the running cmdlet, the message from fmt and the target object target (or none). */
static Value make_error(CmdCtx *c, ExcKind exc, ErrCategory cat, const char *id, Value target,
                        const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static Value make_error(CmdCtx *c, ExcKind exc, ErrCategory cat, const char *id, Value target,
                        const char *fmt, ...)
{
    StrBuf m = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&m, fmt, ap);
    va_end(ap);
    Value rec = cmdutil_error_rec(c, exc, cat, id, target, sb_str(&m));
    sb_free(&m);
    return rec;
}

static void write_rec(CmdCtx *c, Value rec)
{
    cmd_write_error(c, rec);
    val_unref(rec);
}

/* ============================================================ helpers ==== */

static int wild(const char *pat, const char *s)
{
    return wildcard_match(pat, strlen(pat), s, strlen(s), 1, NULL) == 1;
}

/* 1 when s matches one of the patterns of list (string[] or a scalar; $null: none). */
static int wild_any(Value list, const char *s)
{
    for (size_t i = 0; i < cmdutil_count(list); i++) {
        Value p = convert_to_string(cmdutil_elem(list, i), NULL);
        int m = wild(val_str_data(p), s);
        val_unref(p);
        if (m) return 1;
    }
    return 0;
}

static int has_meta(const char *s)
{
    return wildcard_has_meta(s, strlen(s));
}

static Value global_get(Interp *I, const char *name)
{
    Var *v = scope_local(I->global, name, strlen(name));
    return v ? var_value(v) : val_null();
}

/* ========================================================== commands ==== */

/* The core built-ins of runtime/command.c: in no registered table, so found by name. */
static const char *const core_names[] = {"Write-Output",   "Write-Host", "ForEach-Object",
                                         "Where-Object",   "Out-Null",   "Measure-Object",
                                         "Write-Error"};

typedef struct DefList {
    const CmdDef **d;
    size_t len, cap;
} DefList;

/* Every command definition in lookup order (later families first, the core last).  A
 * definition shadowed by an earlier one of the same name is still listed: callers compare
 * with cmd_find. */
static void all_defs(Interp *I, DefList *out)
{
    for (int i = I->nfamilies; i-- > 0;)
        for (int k = 0; k < I->families[i].n; k++)
            ARRAY_PUSH(out->d, out->len, out->cap, &I->families[i].defs[k]);
    for (size_t i = 0; i < sizeof core_names / sizeof core_names[0]; i++) {
        const CmdDef *d = cmd_find(I, core_names[i], strlen(core_names[i]));
        size_t k = 0;
        while (k < out->len && out->d[k] != d)
            k++;
        if (d && k == out->len) ARRAY_PUSH(out->d, out->len, out->cap, d);
    }
}

static int visible(Interp *I, const CmdDef *d)
{
    return cmd_find(I, d->name, strlen(d->name)) == d;
}

/* Call fn for each alias token of d ("gci dir" -> "gci", "dir"). */
static void each_alias(const CmdDef *d, void (*fn)(void *ctx, const char *a, size_t n), void *ctx)
{
    for (const char *p = d->aliases; p && *p;) {
        size_t n = strcspn(p, " ");
        if (n) fn(ctx, p, n);
        p += n + strspn(p + n, " ");
    }
}

/* ---- the module each cmdlet belongs to (Source / ModuleName) ---- */
static const char *const core_cmds[] = {
    "ForEach-Object", "Where-Object", "Get-Command",   "Get-Help",     "Get-History",
    "Add-History",    "Clear-History", "Invoke-History", "Out-Null",   "Out-Default",
    "Out-Host",       "Start-Job",    "Get-Job",       "Receive-Job",  "Wait-Job",
    "Stop-Job",       "Remove-Job",   "Debug-Job",     "Get-Module",   "Import-Module",
    "Remove-Module",  "New-Module",   "Set-StrictMode", "Invoke-Command", "Exit-PSSession",
    "Enter-PSSession", "Get-PSSession", "New-PSSession", "Register-ArgumentCompleter",
    "Test-ModuleManifest", "New-ModuleManifest", "Get-PSHostProcessInfo"};
static const char *const management_nouns[] = {
    "Item",      "ChildItem", "Content",   "Location",  "Process",  "Path",
    "ItemProperty", "PSDrive", "PSProvider", "Service", "Computer", "TimeZone",
    "ItemPropertyValue"};

static const char *module_of(const char *name)
{
    for (size_t i = 0; i < sizeof core_cmds / sizeof core_cmds[0]; i++)
        if (!str_icmp(name, core_cmds[i])) return "Microsoft.PowerShell.Core";
    const char *noun = strchr(name, '-');
    for (size_t i = 0; noun && i < sizeof management_nouns / sizeof management_nouns[0]; i++)
        if (!str_icmp(noun + 1, management_nouns[i])) return "Microsoft.PowerShell.Management";
    return "Microsoft.PowerShell.Utility";
}

static const char *version_of(const char *module)
{
    return strcmp(module, "Microsoft.PowerShell.Core") ? "7.0.0.0" : "7.5.0.500";
}

/* Cmdlets declaring SupportsShouldProcess (-WhatIf, -Confirm in their syntax).  ParamSpec
 * cannot say so; this list goes when the tables move to binder.h's CmdDecl. */
static const char *const should_process[] = {
    "Set-Variable", "New-Variable", "Remove-Variable", "Clear-Variable", "Set-Alias",
    "New-Alias",    "New-Item",     "Remove-Item",     "Copy-Item",      "Move-Item",
    "Rename-Item",  "Set-Content",  "Add-Content",     "Clear-Content",  "Stop-Process",
    "Export-Csv",   "Out-File",     "Stop-Job",        "Remove-Job",     "Set-Item",
    "Clear-Item",   "Start-Job"};

static unsigned shouldprocess_flags(const char *name)
{
    for (size_t i = 0; i < sizeof should_process / sizeof should_process[0]; i++)
        if (!str_icmp(name, should_process[i])) return BD_SHOULDPROCESS;
    return 0;
}

/* The Get-Command -Syntax lines of d, one per parameter set, separated by blank lines. */
/* The declaration of a raw command that binds its arguments itself (the job cmdlets), or
 * NULL. */
static const CmdDecl *decl_of(const CmdDef *d)
{
    return d->params ? NULL : jobcmds_decl(d->name);
}

/* A cmdlet, as Get-Command and Get-Help see it: bound from ParamSpecs or from a declaration
 * (other raw commands are natives and the like). */
static int is_cmdlet(const CmdDef *d)
{
    return d->params || decl_of(d);
}

static void syntax_of(const CmdDef *d, StrBuf *out)
{
    if (!is_cmdlet(d)) {
        sb_puts(out, d->name);
        return;
    }
    const CmdDecl *decl = decl_of(d);
    DeclBuilder *b = decl ? NULL
                          : decl_from_specs(d->name, d->params, d->nparams,
                                            shouldprocess_flags(d->name));
    BindPlan *p = bind_plan_new(decl ? decl : decl_finish(b));
    for (int k = 0; k < bind_plan_nsets(p); k++) {
        if (k) sb_puts(out, "\n\n");
        bind_syntax_line(p, k, out);
    }
    bind_plan_free(p);
    if (b) decl_free(b);
}

/* ---- CommandInfo records ---- */
enum { CI_NAME, CI_TYPE, CI_DEFINITION, CI_SOURCE, CI_VERSION, CI_MODULE, CI_DISPLAY,
       CI_RESOLVED, CI_OPTIONS, CI_DESC };
static const char *const cmdlet_props[] = {"Name",    "CommandType", "Definition",
                                           "Source",  "Version",     "ModuleName",
                                           "Verb",    "Noun"};
static const char *const alias_props[] = {
    "Name",        "CommandType", "Definition", "Source",  "Version",
    "ModuleName",  "DisplayName", "ResolvedCommandName", "Options", "Description"};
static const char *const function_props[] = {"Name",   "CommandType", "Definition",
                                             "Source", "Version",     "ModuleName"};

static const char *const application_props[] = {"Name",   "CommandType", "Definition",
                                                "Source", "Version",     "Path",
                                                "Extension"};
static const RecClass cls_applicationinfo = SESSION_REC_CLASS(
    "ApplicationInfo", "System.Management.Automation.ApplicationInfo", application_props);
static const RecClass cls_cmdletinfo =
    SESSION_REC_CLASS("CmdletInfo", "System.Management.Automation.CmdletInfo", cmdlet_props);
static const RecClass cls_aliasinfo =
    SESSION_REC_CLASS("AliasInfo", "System.Management.Automation.AliasInfo", alias_props);
static const RecClass cls_functioninfo = SESSION_REC_CLASS(
    "FunctionInfo", "System.Management.Automation.FunctionInfo", function_props);

static Value release_all(Value r, Value *vals, size_t n)
{
    for (size_t i = 0; i < n; i++)
        val_unref(vals[i]);
    return r;
}

static Value cmdlet_info(const CmdDef *d)
{
    const char *mod = module_of(d->name), *dash = strchr(d->name, '-');
    StrBuf syn = {0};
    sb_putc(&syn, '\n');
    syntax_of(d, &syn);
    sb_putc(&syn, '\n');
    Value vals[8] = {val_str(d->name),
                     val_str("Cmdlet"),
                     val_str_take_sb(&syn),
                     val_str(mod),
                     val_str(version_of(mod)),
                     val_str(mod),
                     dash ? val_str_n(d->name, (size_t)(dash - d->name)) : val_str_empty(),
                     val_str(dash ? dash + 1 : "")};
    return release_all(session_rec_new(&cls_cmdletinfo, vals), vals, 8);
}

static Value alias_info(const char *name, size_t len, const char *target, unsigned flags)
{
    StrBuf disp = {0};
    sb_printf(&disp, "%.*s -> %s", (int)len, name, target);
    Value vals[10] = {val_str_n(name, len),   val_str("Alias"),
                      val_str(target),        val_str_empty(),
                      val_str_empty(),        val_str_empty(),
                      val_str_take_sb(&disp), val_str(target),
                      variables_options_string(flags), val_str_empty()};
    return release_all(session_rec_new(&cls_aliasinfo, vals), vals, 10);
}

static Value function_info(const char *name, Value sb)
{
    Value vals[6] = {val_str(name),
                     val_str("Function"),
                     convert_to_string(sb, NULL),
                     val_str_empty(),
                     val_str_empty(),
                     val_str_empty()};
    return release_all(session_rec_new(&cls_functioninfo, vals), vals, 6);
}

static Value application_info(const char *name, const char *path)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(slash ? slash : path, '.');
    Value vals[7] = {val_str(name), val_str("Application"), val_str(path),   val_str(path),
                     val_str("0.0.0.0"), val_str(path),     val_str(dot ? dot : "")};
    return release_all(session_rec_new(&cls_applicationinfo, vals), vals, 7);
}

/* The Name column of the CommandInfo view: an alias shows "gci -> Get-ChildItem". */
static Value col_name(void *ctx, Value obj)
{
    Value v;
    if (val_get_prop(obj, "DisplayName", 11, &v)) return v;
    return val_get_prop(obj, "Name", 4, &v) ? v : val_null();
}

static int is_command_info(Value v)
{
    const ObjClass *k = val_class(val_base(v));
    return k == &cls_cmdletinfo.cls || k == &cls_aliasinfo.cls || k == &cls_functioninfo.cls ||
           k == &cls_applicationinfo.cls;
}

static const FmtColumn cmd_cols[] = {
    {.label = "CommandType", .prop = "CommandType", .width = 15, .align = FMT_ALIGN_LEFT},
    {.label = "Name", .get = col_name, .width = 50, .align = FMT_ALIGN_LEFT},
    {.label = "Version", .prop = "Version", .width = 10, .align = FMT_ALIGN_LEFT},
    {.label = "Source", .prop = "Source", .align = FMT_ALIGN_LEFT},
};
static const FmtView cmd_view = {
    .name = "CommandInfo",
    .type_name = "System.Management.Automation.CommandInfo",
    .match = is_command_info,
    .shape = FMT_TABLE,
    .cols = cmd_cols,
    .ncols = sizeof cmd_cols / sizeof cmd_cols[0],
    .plain_values = 1,
};

/* =========================================================== aliases ==== */

/* One alias as Get-Alias lists it: a built-in one (a token of a CmdDef's alias string) or a
 * user alias of the scope chain (runtime/scope.h).  name and target are borrowed. */
typedef struct AliasEnt {
    const char *name;
    size_t len;
    const char *target; /* the command it stands for */
    unsigned flags;     /* VF_* options (a built-in alias: pwsh's, builtin_alias_opts) */
} AliasEnt;

typedef struct AliasList {
    Interp *I;
    Scope *only; /* Get-Alias -Scope: that scope's aliases only (NULL: all the scope sees) */
    const CmdDef *cur;
    AliasEnt *a;
    size_t len, cap;
} AliasList;

static int listed(const AliasList *l, const char *a, size_t n)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->a[i].len == n && !str_nicmp(l->a[i].name, a, n)) return 1;
    return 0;
}

/* The options of pwsh 7.5's built-in aliases on Linux (InitialSessionState): the common
 * short forms are ReadOnly (the five pipeline ones also AllScope), the bash-like names cd,
 * dir, echo, copy, del, move, md are AllScope only.  An alias not listed (h, history, pwd, sls,
 * icm and the job and process short forms) has no options. */
static const struct {
    const char *name;
    unsigned flags;
} builtin_alias_opts[] = {
#define RO VF_READONLY
#define AS VF_ALLSCOPE
    {"%", RO | AS},  {"?", RO | AS}, {"foreach", RO | AS}, {"where", RO | AS}, {"select", RO | AS},
    {"cd", AS},      {"dir", AS},    {"echo", AS},         {"copy", AS},       {"del", AS},
    {"move", AS},    {"md", AS},     {"clc", RO},          {"cli", RO},        {"clp", RO},
    {"clv", RO},     {"cpi", RO},    {"cvpa", RO},         {"epal", RO},       {"epcsv", RO},
    {"fc", RO},      {"fl", RO},     {"ft", RO},           {"fw", RO},         {"gal", RO},
    {"gc", RO},      {"gci", RO},    {"gcm", RO},          {"gdr", RO},        {"gerr", RO},
    {"ghy", RO},     {"gi", RO},     {"gl", RO},           {"gm", RO},         {"gmo", RO},
    {"gp", RO},      {"gpv", RO},    {"group", RO},        {"gu", RO},         {"gv", RO},
    {"iex", RO},     {"ihy", RO},    {"ipal", RO},         {"ipcsv", RO},      {"ipmo", RO},
    {"measure", RO}, {"mi", RO},     {"mp", RO},           {"nal", RO},        {"ni", RO},
    {"nv", RO},      {"ri", RO},     {"rni", RO},          {"rnp", RO},        {"rp", RO},
    {"rv", RO},      {"rvpa", RO},   {"sal", RO},          {"si", RO},         {"sl", RO},
    {"sp", RO},      {"sv", RO},     {"clhy", RO},
#undef RO
#undef AS
};

static unsigned builtin_alias_flags(const char *a, size_t n)
{
    for (size_t i = 0; i < sizeof builtin_alias_opts / sizeof builtin_alias_opts[0]; i++)
        if (str_ieq_slice(a, n, builtin_alias_opts[i].name)) return builtin_alias_opts[i].flags;
    return 0;
}

static void add_alias(void *ctx, const char *a, size_t n)
{
    AliasList *l = ctx;
    if (cmd_find(l->I, a, n) != l->cur) return; /* shadowed by a later definition */
    if (listed(l, a, n)) return;
    AliasEnt e = {a, n, l->cur->name, builtin_alias_flags(a, n)};
    ARRAY_PUSH(l->a, l->len, l->cap, e);
}

/* A user alias of one scope, unless an inner scope's alias of that name came first. */
static void add_user_alias(void *ctx, const Var *v)
{
    AliasList *l = ctx;
    const char *n = var_name(v);
    if (listed(l, n, strlen(n)) || !val_is_str(var_value(v))) return;
    if (!l->only && scope_alias_lookup(l->I->cur, n, strlen(n)) != v) return; /* private */
    AliasEnt e = {n, strlen(n), val_str_data(var_value(v)), var_flags(v)};
    ARRAY_PUSH(l->a, l->len, l->cap, e);
}

static int by_alias(const void *x, const void *y)
{
    const AliasEnt *a = x, *b = y;
    size_t n = a->len < b->len ? a->len : b->len;
    int r = str_nicmp(a->name, b->name, n);
    return r ? r : (a->len > b->len) - (a->len < b->len);
}

/* Every alias the runspace sees from its current scope, sorted by name (l->a owned by the
 * caller): user aliases first (they shadow the built-in ones), innermost scope first.  With
 * l->only, that scope's own aliases (the built-in ones live in the global scope). */
static void all_aliases(Interp *I, AliasList *l)
{
    l->I = I;
    for (Scope *s = l->only ? l->only : I->cur; s; s = l->only ? NULL : scope_parent(s))
        scope_each_alias(s, add_user_alias, l);
    DefList d = {0};
    if (!l->only || l->only == I->global) all_defs(I, &d);
    for (size_t i = 0; i < d.len; i++) {
        l->cur = d.d[i];
        each_alias(d.d[i], add_alias, l);
    }
    free(d.d);
    if (l->len > 1) qsort(l->a, l->len, sizeof l->a[0], by_alias);
}

void session_each_alias(Interp *I, SessionAliasFn fn, void *ctx)
{
    AliasList l = {0};
    all_aliases(I, &l);
    for (size_t i = 0; i < l.len; i++)
        fn(ctx, l.a[i].name, l.a[i].len, l.a[i].target, l.a[i].flags);
    free(l.a);
}

Value session_alias_info(const char *name, size_t len, const char *target, unsigned flags)
{
    return alias_info(name, len, target, flags);
}

Value session_function_info(const char *name, Value sb)
{
    return function_info(name, sb);
}

static char *alias_name(const AliasEnt *e)
{
    char *s = xmalloc(e->len + 1);
    memcpy(s, e->name, e->len);
    s[e->len] = 0;
    return s;
}

static Status emit_alias(CmdCtx *c, const AliasEnt *e)
{
    Value r = alias_info(e->name, e->len, e->target, e->flags);
    Status st = pipe_put(c->I, c->out, r);
    val_unref(r);
    return st;
}

enum { GA_NAME, GA_EXCLUDE, GA_SCOPE, GA_DEFINITION };
static const ParamSpec ga_params[] = {
    [GA_NAME] = {.name = "Name", .type = TY_STRING, .is_array = 1, .position = 0,
                 .flags = PS_PIPELINE},
    [GA_EXCLUDE] = {.name = "Exclude", .type = TY_STRING, .is_array = 1, .position = -1},
    [GA_SCOPE] = {.name = "Scope", .type = TY_STRING, .position = -1},
    [GA_DEFINITION] = {.name = "Definition", .type = TY_STRING, .is_array = 1, .position = -1},
};

/* The aliases matching pattern by name (by_def 0) or by definition; an error for a literal
 * pattern that matches nothing. */
static Status get_alias_one(CmdCtx *c, const AliasList *l, Value pattern, int by_def)
{
    const char *pat = val_str_data(pattern);
    int found = 0;
    Status st = ST_OK;
    for (size_t i = 0; i < l->len && !st; i++) {
        char *name = alias_name(&l->a[i]);
        int m = wild(pat, by_def ? l->a[i].target : name) &&
                !wild_any(c->arg[GA_EXCLUDE], name);
        free(name);
        if (m) found = 1, st = emit_alias(c, &l->a[i]);
    }
    if (!found && !st && !has_meta(pat) && !wild_any(c->arg[GA_EXCLUDE], pat))
        write_rec(c, make_error(c, EXC_RUNTIME, ERRCAT_OBJECTNOTFOUND, "ItemNotFoundException",
                                pattern,
                                "This command cannot find a matching alias because an alias "
                                "with the %s '%s' does not exist.",
                                by_def ? "definition" : "name", pat));
    return st;
}

/* Get-Alias [[-Name] <string[]>] [-Exclude <string[]>] [-Scope <string>]
 * Get-Alias [-Definition <string[]>] [-Exclude <string[]>] [-Scope <string>] */
static Status get_alias(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    int by_def = c->bound[GA_DEFINITION];
    Value pats = by_def ? c->arg[GA_DEFINITION] : c->has_input ? c->input : c->arg[GA_NAME];
    AliasList l = {0};
    Status st = variables_scope_arg(c, GA_SCOPE, &l.only);
    if (st) return st;
    all_aliases(c->I, &l);
    Value star = val_str("*");
    if (val_is_null(pats)) pats = star;
    for (size_t i = 0; i < cmdutil_count(pats) && !st; i++) {
        Value p = convert_to_string(cmdutil_elem(pats, i), NULL);
        st = get_alias_one(c, &l, p, by_def);
        val_unref(p);
    }
    val_unref(star);
    free(l.a);
    return st;
}

enum { SA_NAME, SA_VALUE, SA_DESC, SA_OPTION, SA_PASSTHRU, SA_SCOPE, SA_FORCE };
static const ParamSpec sa_params[] = {
    [SA_NAME] = {.name = "Name", .type = TY_STRING, .position = 0, .flags = PS_MANDATORY},
    [SA_VALUE] = {.name = "Value", .type = TY_STRING, .position = 1, .flags = PS_MANDATORY},
    [SA_DESC] = {.name = "Description", .type = TY_STRING, .position = -1},
    [SA_OPTION] = {.name = "Option", .type = TY_OBJECT, .position = -1},
    [SA_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SA_SCOPE] = {.name = "Scope", .type = TY_STRING, .position = -1},
    [SA_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* 1 when name is a built-in alias the runspace still has. */
static int is_builtin_alias(Interp *I, const char *name)
{
    const CmdDef *d = cmd_find(I, name, strlen(name));
    return d && str_icmp(d->name, name) != 0;
}

/* 1 when name is an alias (a user alias or a built-in one) in the runspace. */
static int is_alias(Interp *I, const char *name)
{
    return scope_alias_lookup(I->cur, name, strlen(name)) || is_builtin_alias(I, name);
}

/* A built-in alias that may not be changed or removed without -Force (ReadOnly). */
static int builtin_alias_locked(Interp *I, const char *name)
{
    return is_builtin_alias(I, name) &&
           (builtin_alias_flags(name, strlen(name)) & (VF_READONLY | VF_CONSTANT));
}

/* The built-in aliases live in the global scope, and the AllScope ones in every scope too:
 * only there does a new alias of that name meet the built-in one's options. */
static int builtin_alias_here(Interp *I, Scope *s, const char *name)
{
    return s == I->global || (builtin_alias_flags(name, strlen(name)) & VF_ALLSCOPE);
}

int session_alias_remove_builtin(Interp *I, const char *name, int force)
{
    if (!is_builtin_alias(I, name)) return -1;
    if (builtin_alias_locked(I, name) && !force) return 0;
    cmd_alias_hide(I, name, strlen(name));
    return 1;
}

/* The error for an alias that may not be (re)defined; always returns ST_OK. */
static Status alias_refused(CmdCtx *c, const char *id, const char *fmt)
{
    Value namev = c->arg[SA_NAME];
    write_rec(c, make_error(c, EXC_RUNTIME, ERRCAT_INVALIDOPERATION, id, namev, fmt,
                            val_str_data(namev)));
    return ST_OK;
}

/* -Scope and -Option as the scope to define in (default: the current one) and VF_* bits. */
static Status alias_where(CmdCtx *c, Scope **s, unsigned *opts)
{
    *opts = 0;
    Status st = variables_scope_arg(c, SA_SCOPE, s);
    if (!st && c->bound[SA_OPTION]) st = variables_option_arg(c, SA_OPTION, opts);
    if (st) return st;
    if (!*s) *s = c->I->cur;
    if (c->bound[SA_SCOPE] && !str_icmp(val_str_data(c->arg[SA_SCOPE]), "Private"))
        *opts |= VF_PRIVATE;
    return ST_OK;
}

/* Make name an alias of target in the scope -Scope names (pwsh: the local scope by default).
 * The target is kept as a name and resolved when the alias runs: a cmdlet, a function, a
 * program path or another alias. */
static Status alias_generic(CmdCtx *c, int is_new)
{
    if (c->phase != CMD_END) return ST_OK;
    Interp *I = c->I;
    const char *name = val_str_data(c->arg[SA_NAME]);
    Scope *s;
    unsigned opts;
    Status st = alias_where(c, &s, &opts);
    if (st) return st;
    int force = cmdutil_flag(c, SA_FORCE);
    Var *old = scope_alias_local(s, name, strlen(name));
    if (is_new && !force && is_alias(I, name))
        return alias_refused(c, "AliasAlreadyExists",
                             "The alias is not allowed, because an alias with the name '%s' "
                             "already exists.");
    if ((old && ((var_flags(old) & VF_CONSTANT) || ((var_flags(old) & VF_READONLY) && !force))) ||
        (!old && !force && builtin_alias_here(I, s, name) && builtin_alias_locked(I, name)))
        return alias_refused(c, "AliasNotWritable",
                             "Alias is not writeable because alias %s is read-only or constant "
                             "and cannot be written to.");
    scope_alias_define(s, name, strlen(name), c->arg[SA_VALUE], opts);
    if (!cmdutil_flag(c, SA_PASSTHRU)) return ST_OK;
    Value r = alias_info(name, strlen(name), val_str_data(c->arg[SA_VALUE]), opts);
    st = pipe_put(I, c->out, r);
    val_unref(r);
    return st;
}

/* Set-Alias [-Name] <string> [-Value] <string> [-Description <string>]
 *           [-Option <ScopedItemOptions>] [-PassThru] [-Scope <string>] [-Force] */
static Status set_alias(CmdCtx *c)
{
    return alias_generic(c, 0);
}

/* New-Alias [-Name] <string> [-Value] <string> [-Description <string>]
 *           [-Option <ScopedItemOptions>] [-PassThru] [-Scope <string>] [-Force] */
static Status new_alias(CmdCtx *c)
{
    return alias_generic(c, 1);
}

enum { RA_NAME, RA_SCOPE, RA_FORCE };
static const ParamSpec ra_params[] = {
    [RA_NAME] = {.name = "Name", .type = TY_STRING, .is_array = 1, .position = 0,
                 .flags = PS_MANDATORY | PS_PIPELINE},
    [RA_SCOPE] = {.name = "Scope", .type = TY_STRING, .position = -1},
    [RA_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* The scope holding the user alias name as the current scope sees it (with -Scope: that
 * scope only), or NULL. */
static Scope *alias_holder(Interp *I, Scope *only, const char *name)
{
    for (Scope *s = only ? only : I->cur; s; s = only ? NULL : scope_parent(s)) {
        Var *v = scope_alias_local(s, name, strlen(name));
        if (v && (s == I->cur || s == only || !(var_flags(v) & VF_PRIVATE))) return s;
    }
    return NULL;
}

static void remove_one_alias(CmdCtx *c, Scope *only, Value namev)
{
    const char *name = val_str_data(namev);
    Scope *s = alias_holder(c->I, only, name);
    Var *a = s ? scope_alias_local(s, name, strlen(name)) : NULL;
    int r = a || (only && only != c->I->global)
                ? -1
                : session_alias_remove_builtin(c->I, name, cmdutil_flag(c, RA_FORCE));
    if (r == 1) return;
    if (!a && r == 0) {
        write_rec(c, make_error(c, EXC_RUNTIME, ERRCAT_INVALIDOPERATION, "AliasNotRemovable", namev,
                                "Alias was not removed because alias %s is constant or "
                                "read-only.",
                                name));
        return;
    }
    if (!a) {
        write_rec(c, make_error(c, EXC_RUNTIME, ERRCAT_OBJECTNOTFOUND, "ItemNotFoundException",
                                namev,
                                "This command cannot find a matching alias because an alias "
                                "with the name '%s' does not exist.",
                                name));
        return;
    }
    unsigned f = var_flags(a);
    if ((f & VF_CONSTANT) || ((f & VF_READONLY) && !cmdutil_flag(c, RA_FORCE))) {
        write_rec(c, make_error(c, EXC_RUNTIME, ERRCAT_INVALIDOPERATION, "AliasNotRemovable", namev,
                                "Alias was not removed because alias %s is constant or "
                                "read-only.",
                                name));
        return;
    }
    scope_alias_remove(s, name, strlen(name));
}

/* Remove-Alias [-Name] <string[]> [-Scope <string>] [-Force]
 * A built-in alias is removed from this runspace only (a new runspace has it again). */
static Status remove_alias(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    Scope *only;
    Status st = variables_scope_arg(c, RA_SCOPE, &only);
    if (st) return st;
    Value names = c->has_input ? c->input : c->arg[RA_NAME];
    for (size_t i = 0; i < cmdutil_count(names); i++) {
        Value n = convert_to_string(cmdutil_elem(names, i), NULL);
        remove_one_alias(c, only, n);
        val_unref(n);
    }
    return ST_OK;
}

/* ======================================================= Get-Command ==== */

enum { GC_NAME, GC_ARGS, GC_VERB, GC_NOUN, GC_MODULE, GC_TYPE, GC_TOTAL, GC_SYNTAX, GC_ALL };
static const ParamSpec gc_params[] = {
    [GC_NAME] = {.name = "Name", .type = TY_STRING, .is_array = 1, .position = 0,
                 .flags = PS_PIPELINE},
    [GC_ARGS] = {.name = "ArgumentList", .alias = "Args", .type = TY_OBJECT, .is_array = 1,
                 .position = 1, .flags = PS_REMAINING},
    [GC_VERB] = {.name = "Verb", .type = TY_STRING, .is_array = 1, .position = -1},
    [GC_NOUN] = {.name = "Noun", .type = TY_STRING, .is_array = 1, .position = -1},
    [GC_MODULE] = {.name = "Module", .type = TY_STRING, .is_array = 1, .position = -1},
    [GC_TYPE] = {.name = "CommandType", .alias = "Type", .type = TY_OBJECT, .position = -1},
    [GC_TOTAL] = {.name = "TotalCount", .type = TY_INT32, .position = -1},
    [GC_SYNTAX] = {.name = "Syntax", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GC_ALL] = {.name = "All", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static Status get_command(CmdCtx *c);

/* CommandTypes flags, in pwsh's order (also the order Get-Command lists them). */
enum { CT_ALIAS = 1, CT_FUNCTION = 2, CT_FILTER = 4, CT_CMDLET = 8, CT_APPLICATION = 32,
       CT_ALL = 0xff };
static const struct {
    const char *name;
    unsigned bits;
} cmd_types[] = {
    {"Alias", CT_ALIAS},           {"Function", CT_FUNCTION}, {"Filter", CT_FILTER},
    {"Cmdlet", CT_CMDLET},         {"ExternalScript", 16},    {"Application", CT_APPLICATION},
    {"Script", 64},                {"Configuration", 256},    {"All", CT_ALL},
};

/* -CommandType: names separated by commas or given as an array; 0 with an error thrown. */
static Status type_arg(CmdCtx *c, unsigned *out)
{
    *out = c->bound[GC_TYPE] ? 0 : CT_ALL;
    for (size_t i = 0; c->bound[GC_TYPE] && i < cmdutil_count(c->arg[GC_TYPE]); i++) {
        Value s = convert_to_string(cmdutil_elem(c->arg[GC_TYPE], i), NULL);
        for (const char *p = val_str_data(s); *p;) {
            size_t n = strcspn(p, ", "), k = 0;
            while (n && k < sizeof cmd_types / sizeof cmd_types[0] &&
                   !str_ieq_slice(p, n, cmd_types[k].name))
                k++;
            if (n && k == sizeof cmd_types / sizeof cmd_types[0]) {
                Status st = eval_throw_rec(c->I, make_error(
                    c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "CannotConvertArgumentNoMessage",
                    val_null(),
                    "Cannot bind parameter 'CommandType'. Cannot convert value \"%.*s\" to type "
                    "\"System.Management.Automation.CommandTypes\". Error: \"Unable to match the "
                    "identifier name %.*s to a valid enumerator name. Specify one of the "
                    "following enumerator names and try again:\nAlias, Function, Filter, Cmdlet, "
                    "ExternalScript, Application, Script, Configuration, All\"",
                    (int)n, p, (int)n, p), 0);
                val_unref(s);
                return st;
            }
            if (n) *out |= cmd_types[k].bits;
            p += n + strspn(p + n, ", ");
        }
        val_unref(s);
    }
    return ST_OK;
}

/* One candidate of Get-Command's result. */
typedef struct Found {
    unsigned type; /* CT_* */
    char *name;    /* owned */
    Value info;    /* the CommandInfo record, owned */
} Found;

typedef struct FoundList {
    Found *f;
    size_t len, cap;
} FoundList;

static void found_add(FoundList *l, unsigned type, const char *name, Value info)
{
    Found f = {type, xstrdup(name), info};
    ARRAY_PUSH(l->f, l->len, l->cap, f);
}

static int by_type_name(const void *x, const void *y)
{
    const Found *a = x, *b = y;
    if (a->type != b->type) return a->type < b->type ? -1 : 1;
    return str_icmp(a->name, b->name);
}

/* -Verb/-Noun/-Module filters of a cmdlet or function name (aliases never pass -Verb/-Noun). */
static int passes_parts(CmdCtx *c, const char *name, unsigned type)
{
    if (c->def->handler != get_command) return 1; /* Get-Help's listing: no such filters */
    const char *dash = strchr(name, '-');
    int want_parts = c->bound[GC_VERB] || c->bound[GC_NOUN];
    if (want_parts && (type == CT_ALIAS || !dash)) return 0;
    if (c->bound[GC_MODULE] && (type != CT_CMDLET || !wild_any(c->arg[GC_MODULE],
                                                                module_of(name))))
        return 0;
    if (c->bound[GC_NOUN] && !wild_any(c->arg[GC_NOUN], dash + 1)) return 0;
    if (!c->bound[GC_VERB]) return 1;
    char *verb = xstrdup(name);
    verb[dash - name] = 0;
    int ok = wild_any(c->arg[GC_VERB], verb);
    free(verb);
    return ok;
}

/* Every command of the wanted types matching pattern (NULL: every name). */
static void find_commands(CmdCtx *c, const char *pattern, unsigned types, FoundList *out)
{
    Interp *I = c->I;
    if (types & CT_ALIAS) {
        AliasList l = {0};
        all_aliases(I, &l);
        for (size_t i = 0; i < l.len; i++) {
            char *n = alias_name(&l.a[i]);
            if ((!pattern || wild(pattern, n)) && passes_parts(c, n, CT_ALIAS))
                found_add(out, CT_ALIAS, n, alias_info(l.a[i].name, l.a[i].len, l.a[i].target,
                                                       l.a[i].flags));
            free(n);
        }
        free(l.a);
    }
    unsigned fflags = 0;
    Value fn = pattern && !has_meta(pattern)
                   ? scope_func_lookup(I->cur, pattern, strlen(pattern), &fflags)
                   : val_null();
    unsigned ftype = (fflags & VF_FILTER) ? CT_FILTER : CT_FUNCTION;
    if (!val_is_null(fn) && (types & ftype) && passes_parts(c, pattern, ftype))
        found_add(out, ftype, pattern, function_info(pattern, fn));
    if (!(types & CT_CMDLET)) return;
    DefList d = {0};
    all_defs(I, &d);
    for (size_t i = 0; i < d.len; i++)
        if (is_cmdlet(d.d[i]) && visible(I, d.d[i]) && (!pattern || wild(pattern, d.d[i]->name)) &&
            passes_parts(c, d.d[i]->name, CT_CMDLET))
            found_add(out, CT_CMDLET, d.d[i]->name, cmdlet_info(d.d[i]));
    free(d.d);
}

/* A literal name found on $PATH: an external program (the first hit, as it would run). */
static void find_application(Interp *I, const char *name, FoundList *out)
{
    CmdPath *cp = cmdpath_new();
    char *path = NULL;
    if (cmdpath_resolve(cp, name, runloc_get(I), getenv("PATH"), &path) == CMDPATH_FOUND) {
        const char *base = strrchr(path, '/');
        found_add(out, CT_APPLICATION, base ? base + 1 : path,
                  application_info(base ? base + 1 : path, path));
    }
    free(path);
    cmdpath_free(cp);
}

/* One -Name entry: a pattern lists every match; a literal name gives the command that would
 * run (the first by precedence: alias, function, cmdlet, program), or all of them with -All. */
static void find_name(CmdCtx *c, const char *name, unsigned types, FoundList *out)
{
    size_t from = out->len;
    find_commands(c, name, types, out);
    if (has_meta(name)) {
        /* A name such as '?' or '%' that is itself a command means that command, not every
         * one-letter name (pwsh: Get-Command ? gives the Where-Object alias only). */
        size_t k = from;
        for (size_t i = from; i < out->len; i++)
            if (!str_icmp(out->f[i].name, name)) k++;
        if (k == from) return;
        k = from;
        for (size_t i = from; i < out->len; i++) {
            if (str_icmp(out->f[i].name, name) != 0) {
                free(out->f[i].name);
                val_unref(out->f[i].info);
            } else {
                out->f[k++] = out->f[i];
            }
        }
        out->len = k;
        return;
    }
    if ((types & CT_APPLICATION) && (out->len == from || cmdutil_flag(c, GC_ALL)))
        find_application(c->I, name, out);
    if (cmdutil_flag(c, GC_ALL) || out->len - from < 2) return;
    size_t best = from;
    for (size_t i = from + 1; i < out->len; i++)
        if (out->f[i].type < out->f[best].type) best = i;
    Found keep = out->f[best];
    for (size_t i = from; i < out->len; i++)
        if (i != best) free(out->f[i].name), val_unref(out->f[i].info);
    out->f[from] = keep;
    out->len = from + 1;
}

/* -Syntax: the syntax text of one command. */
static Value syntax_value(Interp *I, const Found *f)
{
    StrBuf sb = {0};
    if (f->type == CT_ALIAS) {
        Value t = session_rec_get(f->info, &cls_aliasinfo, CI_DEFINITION);
        const CmdDef *d = cmd_find(I, val_str_data(t), val_str_len(t));
        sb_printf(&sb, "%s (alias) -> %s\n\n", f->name, val_str_data(t));
        if (d) syntax_of(d, &sb);
        sb_putc(&sb, '\n');
    } else if (f->type == CT_CMDLET) {
        sb_putc(&sb, '\n');
        syntax_of(cmd_find(I, f->name, strlen(f->name)), &sb);
        sb_putc(&sb, '\n');
    } else if (f->type == CT_APPLICATION) {
        sb_printf(&sb, "%s\n", f->name);
    } else {
        sb_printf(&sb, "\n%s \n", f->name);
    }
    return val_str_take_sb(&sb);
}

static Status emit_found(CmdCtx *c, FoundList *l)
{
    Status st = ST_OK;
    size_t limit = l->len;
    if (c->bound[GC_TOTAL] && c->arg[GC_TOTAL].as.i >= 0 &&
        (size_t)c->arg[GC_TOTAL].as.i < limit)
        limit = (size_t)c->arg[GC_TOTAL].as.i;
    for (size_t i = 0; i < limit && !st; i++) {
        Value v = cmdutil_flag(c, GC_SYNTAX) ? syntax_value(c->I, &l->f[i]) : val_ref(l->f[i].info);
        st = pipe_put(c->I, c->out, v);
        val_unref(v);
    }
    return st;
}

static void not_recognized(CmdCtx *c, Value name)
{
    write_rec(c, make_error(c, EXC_CMDNOTFOUND, ERRCAT_OBJECTNOTFOUND,
                            "CommandNotFoundException", name,
                            "The term '%s' is not recognized as a name of a cmdlet, function, "
                            "script file, or executable program.\nCheck the spelling of the "
                            "name, or if a path was included, verify that the path is correct "
                            "and try again.",
                            val_str_data(name)));
}

/* Get-Command [[-Name] <string[]>] [[-ArgumentList] <Object[]>] [-Module <string[]>]
 *             [-CommandType <CommandTypes>] [-TotalCount <int>] [-Syntax] [-All]
 * Get-Command [[-ArgumentList] <Object[]>] [-Verb <string[]>] [-Noun <string[]>]
 *             [-Module <string[]>] [-TotalCount <int>] [-Syntax] [-All] */
static Status get_command(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    unsigned types;
    Status st = type_arg(c, &types);
    if (st) return st;
    Value names = c->has_input ? c->input : c->arg[GC_NAME];
    FoundList l = {0};
    if (val_is_null(names)) find_commands(c, NULL, types, &l);
    for (size_t i = 0; i < cmdutil_count(names); i++) {
        Value p = convert_to_string(cmdutil_elem(names, i), NULL);
        size_t before = l.len;
        find_name(c, val_str_data(p), types, &l);
        if (l.len == before && !has_meta(val_str_data(p))) not_recognized(c, p);
        val_unref(p);
    }
    if (l.len > 1) qsort(l.f, l.len, sizeof l.f[0], by_type_name);
    st = emit_found(c, &l);
    for (size_t i = 0; i < l.len; i++)
        free(l.f[i].name), val_unref(l.f[i].info);
    free(l.f);
    return st;
}

/* ========================================================== Get-Help ==== */

/* One-line synopses (the first line of each cmdlet's pwsh 7.5 help), by cmdlet name. */
static const struct {
    const char *name, *synopsis;
} synopses[] = {
    {"Add-Content", "Adds content to the specified items, such as adding words to a file."},
    {"Add-Member", "Adds custom properties and methods to an instance of a PowerShell object."},
    {"Clear-Content", "Deletes the contents of an item, but does not delete the item."},
    {"Clear-Host", "Clears the display in the host program."},
    {"Clear-Variable", "Deletes the value of a variable."},
    {"Compare-Object", "Compares two sets of objects."},
    {"ConvertFrom-Csv", "Converts object properties in character-separated value (CSV) format "
                        "into CSV versions of the original objects."},
    {"ConvertFrom-Json", "Converts a JSON-formatted string to a custom object or a hash table."},
    {"ConvertFrom-StringData", "Converts a string containing one or more key and value pairs "
                               "to a hash table."},
    {"ConvertTo-Csv", "Converts .NET objects into a series of character-separated value (CSV) "
                      "strings."},
    {"ConvertTo-Json", "Converts an object to a JSON-formatted string."},
    {"Copy-Item", "Copies an item from one location to another."},
    {"Export-Csv", "Converts objects into a series of character-separated value (CSV) strings "
                   "and saves the strings to a file."},
    {"ForEach-Object", "Performs an operation against each item in a collection of input "
                       "objects."},
    {"Format-List", "Formats the output as a list of properties in which each property appears "
                    "on a new line."},
    {"Format-Table", "Formats the output as a table."},
    {"Format-Wide", "Formats objects as a wide table that displays only one property of each "
                    "object."},
    {"Get-Alias", "Gets the aliases for the current session."},
    {"Get-ChildItem", "Gets the items and child items in one or more specified locations."},
    {"Get-Command", "Gets all commands."},
    {"Get-Content", "Gets the content of the item at the specified location."},
    {"Get-Date", "Gets the current date and time."},
    {"Get-Help", "Displays information about PowerShell commands and concepts."},
    {"Get-History", "Gets a list of the commands entered during the current session."},
    {"Get-Item", "Gets the item at the specified location."},
    {"Get-Job", "Gets PowerShell background jobs that are running in the current session."},
    {"Get-Location", "Gets information about the current working location or a location "
                     "stack."},
    {"Get-Member", "Gets the properties and methods of objects."},
    {"Get-Process", "Gets the processes that are running on the local computer."},
    {"Get-Random", "Gets a random number, or selects objects randomly from a collection."},
    {"Get-Unique", "Returns unique items from a sorted list."},
    {"Get-Variable", "Gets the variables in the current console."},
    {"Group-Object", "Groups objects that contain the same value for specified properties."},
    {"Import-Csv", "Creates table-like custom objects from the items in a character-separated "
                   "value (CSV) file."},
    {"Invoke-Command", "Runs commands on local and remote computers."},
    {"Invoke-Expression", "Runs commands or expressions on the local computer."},
    {"Join-Path", "Combines a path and a child path into a single path."},
    {"Join-String", "Combines objects from the pipeline into a single string."},
    {"Measure-Command", "Measures the time it takes to run script blocks and cmdlets."},
    {"Measure-Object", "Calculates the numeric properties of objects, and the characters, "
                       "words, and lines in string objects, such as files of text."},
    {"Move-Item", "Moves an item from one location to another."},
    {"New-Alias", "Creates a new alias."},
    {"New-Guid", "Creates a GUID."},
    {"New-Item", "Creates a new item."},
    {"New-Object", "Creates an instance of a Microsoft .NET Framework or COM object."},
    {"New-TimeSpan", "Creates a TimeSpan object."},
    {"New-Variable", "Creates a new variable."},
    {"Out-Default", "Sends the output to the default formatter and to the default output "
                    "cmdlet."},
    {"Out-File", "Sends output to a file."},
    {"Out-Host", "Sends output to the command line."},
    {"Out-Null", "Hides the output instead of sending it down the pipeline or displaying it."},
    {"Out-String", "Outputs input objects as a string."},
    {"Pop-Location", "Changes the current location to the location most recently pushed onto "
                     "the stack."},
    {"Push-Location", "Adds the current location to the top of a location stack."},
    {"Read-Host", "Reads a line of input from the console."},
    {"Receive-Job", "Gets the results of the PowerShell background jobs in the current "
                    "session."},
    {"Remove-Alias", "Remove an alias from the current session."},
    {"Remove-Item", "Deletes the specified items."},
    {"Remove-Job", "Deletes a PowerShell background job."},
    {"Remove-Variable", "Deletes a variable and its value."},
    {"Rename-Item", "Renames an item in a PowerShell provider namespace."},
    {"Resolve-Path", "Resolves the wildcard characters in a path, and displays the path "
                     "contents."},
    {"Select-Object", "Selects objects or object properties."},
    {"Select-String", "Finds text in strings and files."},
    {"Set-Alias", "Creates or changes an alias for a cmdlet or other command in the current "
                  "PowerShell session."},
    {"Set-Content", "Writes new content or replaces existing content in a file."},
    {"Set-Item", "Changes the value of an item to the value specified in the command."},
    {"Set-Location", "Sets the current working location to a specified location."},
    {"Set-Variable", "Sets the value of a variable. Creates the variable if one with the "
                     "requested name does not exist."},
    {"Sort-Object", "Sorts objects by property values."},
    {"Split-Path", "Returns the specified part of a path."},
    {"Start-Job", "Starts a PowerShell background job."},
    {"Start-Sleep", "Suspends the activity in a script or session for the specified period of "
                    "time."},
    {"Stop-Job", "Stops a PowerShell background job."},
    {"Stop-Process", "Stops one or more running processes."},
    {"Tee-Object", "Saves command output in a file or variable and also sends it down the "
                   "pipeline."},
    {"Test-Path", "Determines whether all elements of a path exist."},
    {"Wait-Job", "Waits until one or all of the PowerShell jobs running in the session are in "
                 "a terminating state."},
    {"Where-Object", "Selects objects from a collection based on their property values."},
    {"Write-Debug", "Writes a debug message to the console."},
    {"Write-Error", "Writes an object to the error stream."},
    {"Write-Host", "Writes customized output to a host."},
    {"Write-Information", "Specifies how PowerShell handles information stream data for a "
                          "command."},
    {"Write-Output", "Writes the specified objects to the pipeline."},
    {"Write-Progress", "Displays a progress bar within a PowerShell command window."},
    {"Write-Verbose", "Writes text to the verbose message stream."},
    {"Write-Warning", "Writes a warning message."},
};

static const char *synopsis_of(const char *name)
{
    for (size_t i = 0; i < sizeof synopses / sizeof synopses[0]; i++)
        if (!str_icmp(synopses[i].name, name)) return synopses[i].synopsis;
    return NULL;
}

enum { GH_NAME, GH_PATH, GH_CATEGORY, GH_FULL, GH_DETAILED, GH_EXAMPLES, GH_PARAMETER,
       GH_ONLINE };
static const ParamSpec gh_params[] = {
    [GH_NAME] = {.name = "Name", .type = TY_STRING, .position = 0},
    [GH_PATH] = {.name = "Path", .type = TY_STRING, .position = -1},
    [GH_CATEGORY] = {.name = "Category", .type = TY_STRING, .is_array = 1, .position = -1},
    [GH_FULL] = {.name = "Full", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GH_DETAILED] = {.name = "Detailed", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GH_EXAMPLES] = {.name = "Examples", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GH_PARAMETER] = {.name = "Parameter", .type = TY_STRING, .is_array = 1, .position = -1},
    [GH_ONLINE] = {.name = "Online", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* The ALIASES section: every alias resolving to a->def, one per line. */
static void aliases_of(Interp *I, const CmdDef *def, StrBuf *out)
{
    AliasList l = {0};
    all_aliases(I, &l);
    int n = 0;
    for (size_t i = 0; i < l.len; i++)
        if (!str_icmp(l.a[i].target, def->name))
            sb_printf(out, "    %.*s\n", (int)l.a[i].len, l.a[i].name), n++;
    if (!n) sb_puts(out, "    None\n");
    free(l.a);
}

/* The partial help pwsh shows for a cmdlet whose help files are not installed, with the
 * synopsis from the table above. */
static Value cmdlet_help(Interp *I, const CmdDef *d)
{
    StrBuf sb = {0}, syn = {0};
    sb_printf(&sb, "\nNAME\n    %s\n\n", d->name);
    const char *s = synopsis_of(d->name);
    if (s) sb_printf(&sb, "SYNOPSIS\n    %s\n\n\n", s);
    syntax_of(d, &syn);
    sb_puts(&sb, "SYNTAX\n    ");
    for (const char *p = sb_str(&syn); *p; p++) {
        sb_putc(&sb, *p);
        if (*p == '\n' && p[1] != '\n') sb_puts(&sb, "    ");
    }
    sb_free(&syn);
    sb_puts(&sb, "\n\n\nALIASES\n");
    aliases_of(I, d, &sb);
    sb_printf(&sb,
              "\n\nREMARKS\n    Get-Help cannot find the Help files for this cmdlet on this "
              "computer. It is displaying only partial help.\n        -- To download and "
              "install Help files for the module that includes this cmdlet, use Update-Help.\n"
              "        -- To view the Help topic for this cmdlet online, type: \"Get-Help %s "
              "-Online\".\n",
              d->name);
    return val_str_take_sb(&sb);
}

static Value function_help(const char *name)
{
    StrBuf sb = {0};
    sb_printf(&sb,
              "\nNAME\n    %s\n\nSYNTAX\n    %s \n\n\nALIASES\n    None\n\n\nREMARKS\n    "
              "None\n",
              name, name);
    return val_str_take_sb(&sb);
}

/* Get-Help with a wildcard: one Name/Category/Module/Synopsis object per matching cmdlet. */
static Status help_list(CmdCtx *c, const char *pattern)
{
    FoundList l = {0};
    find_commands(c, pattern, CT_CMDLET, &l);
    if (l.len > 1) qsort(l.f, l.len, sizeof l.f[0], by_type_name);
    Status st = ST_OK;
    for (size_t i = 0; i < l.len; i++) {
        const char *syn = synopsis_of(l.f[i].name);
        Value o = object_new_custom();
        Value vals[4] = {val_str(l.f[i].name), val_str("Cmdlet"), val_str(module_of(l.f[i].name)),
                         val_str(syn ? syn : "")};
        static const char *const names[] = {"Name", "Category", "Module", "Synopsis"};
        for (size_t k = 0; k < 4; k++)
            object_set_prop(o, names[k], strlen(names[k]), vals[k]), val_unref(vals[k]);
        if (!st) st = pipe_put(c->I, c->out, o);
        val_unref(o);
        free(l.f[i].name), val_unref(l.f[i].info);
    }
    free(l.f);
    return st;
}

/* Get-Help [[-Name] <string>] [-Path <string>] [-Category <string[]>] [-Full] [-Detailed]
 *          [-Examples] [-Parameter <string[]>] [-Online] */
static Status get_help(CmdCtx *c)
{
    if (c->phase != CMD_END) return ST_OK;
    const char *name = c->bound[GH_NAME] ? val_str_data(c->arg[GH_NAME]) : "Get-Help";
    if (has_meta(name)) return help_list(c, name);
    const CmdDef *d = cmd_find(c->I, name, strlen(name));
    unsigned fl;
    Value fn = scope_func_lookup(c->I->cur, name, strlen(name), &fl);
    Value text = !val_is_null(fn)      ? function_help(name)
                 : d && is_cmdlet(d)   ? cmdlet_help(c->I, d)
                                       : val_null();
    if (val_is_null(text)) {
        write_rec(c, make_error(c, EXC_RUNTIME, ERRCAT_OBJECTNOTFOUND, "HelpNotFound",
                                c->arg[GH_NAME],
                                "Get-Help could not find %s in a help file in this session. To "
                                "download updated help topics type: \"Update-Help\". To get "
                                "help online, search for the help topic in the TechNet library "
                                "at https:/go.microsoft.com/fwlink/?LinkID=107116.",
                                name));
        return ST_OK;
    }
    Status st = pipe_put(c->I, c->out, text);
    val_unref(text);
    return st;
}

/* ======================================================= Get-History ==== */

static const char *const history_props[] = {"Id",
                                            "CommandLine",
                                            "ExecutionStatus",
                                            "StartExecutionTime",
                                            "EndExecutionTime",
                                            "Duration"};
static const RecClass cls_historyinfo = SESSION_REC_CLASS(
    "HistoryInfo", "Microsoft.PowerShell.Commands.HistoryInfo", history_props);

void session_history_add(Interp *I, const char *line, int64_t start_ticks, int64_t end_ticks)
{
    Var *v = scope_define(I->global, HIDDEN_HISTORY, strlen(HIDDEN_HISTORY));
    if (!val_is_array(var_value(v))) var_set_take(v, arr_new(TY_OBJECT, 16));
    Value list = var_value(v);
    Value vals[6] = {val_long((int64_t)arr_len(list) + 1),
                     val_str(line),
                     val_str("Completed"),
                     val_datetime(start_ticks, 2),
                     val_datetime(end_ticks, 2),
                     val_timespan(end_ticks - start_ticks)};
    arr_push_take(list, release_all(session_rec_new(&cls_historyinfo, vals), vals, 6));
}

/* The Duration column: s.fff, m:ss.fff, h:mm:ss, or hours:mm:ss from 10 hours on. */
static Value col_duration(void *ctx, Value obj)
{
    Value d = session_rec_get(obj, &cls_historyinfo, 5);
    int64_t t = d.kind == VAL_TIMESPAN ? d.as.i : 0;
    int64_t ms = t / 10000 % 1000, s = t / 10000000 % 60, m = t / 600000000 % 60;
    int64_t h = t / INT64_C(36000000000);
    StrBuf sb = {0};
    if (h >= 1)
        sb_printf(&sb, "%lld:%02lld:%02lld", (long long)h, (long long)m, (long long)s);
    else if (m >= 1)
        sb_printf(&sb, "%lld:%02lld.%03lld", (long long)m, (long long)s, (long long)ms);
    else
        sb_printf(&sb, "%lld.%03lld", (long long)s, (long long)ms);
    return val_str_take_sb(&sb);
}

static const FmtColumn history_cols[] = {
    {.label = "Id", .prop = "Id", .width = 4, .align = FMT_ALIGN_RIGHT},
    {.label = "Duration", .get = col_duration, .width = 12, .align = FMT_ALIGN_RIGHT},
    {.label = "CommandLine", .prop = "CommandLine", .align = FMT_ALIGN_LEFT},
};
static const FmtView history_view = {
    .name = "history",
    .type_name = "Microsoft.PowerShell.Commands.HistoryInfo",
    .shape = FMT_TABLE,
    .cols = history_cols,
    .ncols = sizeof history_cols / sizeof history_cols[0],
    .plain_values = 1,
};

enum { GHI_ID, GHI_COUNT };
static const ParamSpec ghi_params[] = {
    [GHI_ID] = {.name = "Id", .type = TY_INT64, .is_array = 1, .position = 0,
                .flags = PS_PIPELINE},
    [GHI_COUNT] = {.name = "Count", .type = TY_INT32, .position = 1},
};

static Status history_by_id(CmdCtx *c, Value list, Value ids)
{
    Status st = ST_OK;
    for (size_t i = 0; i < cmdutil_count(ids) && !st; i++) {
        Value idv = cmdutil_elem(ids, i);
        int64_t id = idv.as.i;
        if (id >= 1 && val_is_array(list) && (size_t)id <= arr_len(list)) {
            st = pipe_put(c->I, c->out, arr_peek(list, (size_t)id - 1));
            continue;
        }
        write_rec(c, make_error(c, EXC_ARGUMENT, ERRCAT_OBJECTNOTFOUND,
                                "GetHistoryNoHistoryForId", idv,
                                "Cannot locate history for Id %lld.", (long long)id));
    }
    return st;
}

/* Get-History [[-Id] <long[]>] [[-Count] <int>] */
static Status get_history(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    Value list = global_get(c->I, HIDDEN_HISTORY);
    size_t n = val_is_array(list) ? arr_len(list) : 0;
    if (c->bound[GHI_ID] || c->has_input)
        return history_by_id(c, list, c->has_input ? c->input : c->arg[GHI_ID]);
    size_t want = c->bound[GHI_COUNT] ? (size_t)c->arg[GHI_COUNT].as.i : 4096;
    Status st = ST_OK;
    for (size_t i = n > want ? n - want : 0; i < n && !st; i++)
        st = pipe_put(c->I, c->out, arr_peek(list, i));
    return st;
}

/* ============================================================= table ==== */

void session_register_views(void)
{
    static int done;
    if (done) return;
    done = 1;
    fmt_view_register(&cmd_view);
    fmt_view_register(&history_view);
    variables_register_views();
}

/* Aliases as pwsh 7.5 defines them on Linux (h and history included; none shadows a
 * native command). */
const CmdDef session_table[] = {
    {"Get-Alias", "gal", get_alias, ga_params, NPARAMS(ga_params)},
    {"Set-Alias", "sal", set_alias, sa_params, NPARAMS(sa_params)},
    {"New-Alias", "nal", new_alias, sa_params, NPARAMS(sa_params)},
    {"Remove-Alias", "ral", remove_alias, ra_params, NPARAMS(ra_params)},
    {"Get-Command", "gcm", get_command, gc_params, NPARAMS(gc_params)},
    {"Get-Help", NULL, get_help, gh_params, NPARAMS(gh_params)},
    {"Get-History", "ghy h history", get_history, ghi_params, NPARAMS(ghi_params)},
};
const int session_count = NPARAMS(session_table);
