/*
** drives: Variable:, Env:, Function: and Alias: (see drives.h).  Each drive is a row of
** callbacks (its item names, one item, remove, set); the cmdlet entry points parse the path,
** match names against the pattern and call them.  Listings are sorted by name (pwsh's
** providers enumerate in hash order; a sorted list is what a user would expect to read).
*/
#include "cmdlets/drives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmdlets/items.h"
#include "cmdlets/paths.h"
#include "cmdlets/session.h"
#include "cmdlets/variables.h"
#include "parser/parser.h"
#include "runtime/convert.h"
#include "runtime/drivevar.h"
#include "runtime/eval.h"
#include "runtime/fmt_view.h"
#include "runtime/mem.h"
#include "runtime/runloc.h"
#include "runtime/scriptblock.h"
#include "runtime/wildcard.h"

extern char **environ;

typedef struct Names {
    char **v;
    size_t len, cap;
} Names;

typedef struct Drive {
    const char *name;                        /* as pwsh shows it in paths and messages */
    void (*names)(Interp *I, Names *out);    /* every item name, unsorted, no duplicates */
    Value (*item)(Interp *I, const char *n); /* the item, or $null when there is none */
    /* 0 when removed, 1 when there is no such item, -1 with err when it may not go */
    int (*remove)(CmdCtx *c, const char *n, int force, FsError *err);
    int (*set)(CmdCtx *c, const char *n, Value v, int force, FsError *err);
    Value (*content)(Interp *I, const char *n); /* Get-Content: the value ($null: none) */
} Drive;

/* ================================================================ names ==== */

static int has_name(const Names *l, const char *n)
{
    for (size_t i = 0; i < l->len; i++)
        if (!str_icmp(l->v[i], n)) return 1;
    return 0;
}

static void add_name(Names *l, const char *n)
{
    if (has_name(l, n)) return;
    char *copy = xstrdup(n);
    ARRAY_PUSH(l->v, l->len, l->cap, copy);
}

static void names_free(Names *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->v[i]);
    free(l->v);
}

static int by_name(const void *a, const void *b)
{
    return str_icmp(*(char *const *)a, *(char *const *)b);
}

/* Names of one scope's table as the current scope sees them (private ones only at home). */
typedef struct ScopeWalk {
    Names *out;
    int home; /* the scope walked is the current one */
} ScopeWalk;

static void walk_add(void *ctx, const Var *v)
{
    ScopeWalk *w = ctx;
    const char *n = var_name(v);
    if (n[0] == '\x01') return; /* the runspace's hidden bookkeeping */
    if (!w->home && (var_flags(v) & VF_PRIVATE)) return;
    add_name(w->out, n);
}

static void walk_scopes(Interp *I, void (*each)(Scope *, void (*)(void *, const Var *), void *),
                        Names *out)
{
    for (Scope *s = I->cur; s; s = scope_parent(s)) {
        ScopeWalk w = {out, s == I->cur};
        each(s, walk_add, &w);
    }
}

/* The scope holding the variable/function/alias the current scope sees, or NULL. */
static Scope *holder(Interp *I, Var *(*local)(Scope *, const char *, size_t), const char *n)
{
    for (Scope *s = I->cur; s; s = scope_parent(s)) {
        Var *v = local(s, n, strlen(n));
        if (v && (s == I->cur || !(var_flags(v) & VF_PRIVATE))) return s;
    }
    return NULL;
}

static int not_found(const Drive *d, const char *n, FsError *err)
{
    char target[600];
    snprintf(target, sizeof target, "%s:\\%s", d->name, n);
    return fs_fail(err, "PathNotFound", "ObjectNotFound", target,
                   "Cannot find path '%s' because it does not exist.", target);
}

/* ============================================================= Variable: ==== */

static void var_names(Interp *I, Names *out)
{
    walk_scopes(I, scope_each_var, out);
}

static Value var_item(Interp *I, const char *n)
{
    Var *v = scope_lookup(I->cur, n, strlen(n));
    return v ? variables_psvariable_new(v) : val_null();
}

static int var_remove(CmdCtx *c, const char *n, int force, FsError *err)
{
    Scope *s = holder(c->I, scope_local, n);
    Var *v = s ? scope_local(s, n, strlen(n)) : NULL;
    if (!v) return 1;
    unsigned f = var_flags(v);
    if ((f & VF_CONSTANT) || ((f & VF_READONLY) && !force))
        return fs_fail(err, "VariableNotRemovable", "WriteError", n,
                       "Cannot remove variable %s because it is constant or read-only. If the "
                       "variable is read-only, try the operation again specifying the Force "
                       "option.",
                       n);
    scope_remove(s, n, strlen(n));
    return 0;
}

static int var_set_item(CmdCtx *c, const char *n, Value v, int force, FsError *err)
{
    Var *var = scope_define(c->I->cur, n, strlen(n));
    unsigned f = var_flags(var);
    if ((f & VF_CONSTANT) || ((f & VF_READONLY) && !force))
        return fs_fail(err, "VariableNotWritable", "WriteError", n,
                       "Cannot overwrite variable %s because it is read-only or constant.", n);
    var_set(var, v);
    return 0;
}

static Value var_content(Interp *I, const char *n)
{
    Var *v = scope_lookup(I->cur, n, strlen(n));
    return v ? val_ref(var_value(v)) : val_null();
}

/* ================================================================== Env: ==== */

static void env_names(Interp *I, Names *out)
{
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e) continue;
        char *n = xstrndup(*e, (size_t)(eq - *e));
        add_name(out, n);
        free(n);
    }
}

static Value env_item(Interp *I, const char *n)
{
    const char *v = getenv(n);
    if (!v) return val_null();
    Value k = val_str(n), s = val_str(v);
    Value e = dictentry_new(k, s);
    val_unref(k);
    val_unref(s);
    return e;
}

static int env_remove(CmdCtx *c, const char *n, int force, FsError *err)
{
    if (!getenv(n)) return 1;
    unsetenv(n);
    return 0;
}

/* As $env:X = v: an empty or $null value removes the variable. */
static int env_set(CmdCtx *c, const char *n, Value v, int force, FsError *err)
{
    Value s = convert_to_string(v, NULL);
    if (val_is_null(v) || val_str_len(s) == 0)
        unsetenv(n);
    else
        setenv(n, val_str_data(s), 1);
    val_unref(s);
    return 0;
}

static Value env_content(Interp *I, const char *n)
{
    const char *v = getenv(n);
    return v ? val_str(v) : val_null();
}

/* ============================================================= Function: ==== */

static void func_names(Interp *I, Names *out)
{
    walk_scopes(I, scope_each_func, out);
}

static Value func_item(Interp *I, const char *n)
{
    Value sb = scope_func_lookup(I->cur, n, strlen(n), NULL);
    return val_is_null(sb) ? val_null() : session_function_info(n, sb);
}

static int func_remove(CmdCtx *c, const char *n, int force, FsError *err)
{
    for (Scope *s = c->I->cur; s; s = scope_parent(s))
        if (scope_func_remove(s, n, strlen(n))) return 0;
    return 1;
}

/* A ScriptBlock, or the text of one (parsed here). */
static int func_set(CmdCtx *c, const char *n, Value v, int force, FsError *err)
{
    Value base = val_base(v);
    if (val_is(base, &cls_scriptblock)) {
        scope_func_define(c->I->cur, n, strlen(n), base, 0);
        return 0;
    }
    Value text = convert_to_string(v, NULL);
    Program *p = parse_program(val_str_data(text), val_str_len(text), NULL);
    val_unref(text);
    int rc = 0;
    if (prog_nerrors(p)) {
        rc = fs_fail(err, "ParseException", "ParserError", n, "%s", prog_error(p, 0)->msg);
    } else {
        Value sb = scriptblock_new(p, prog_root(p), NULL, 0);
        scope_func_define(c->I->cur, n, strlen(n), sb, 0);
        val_unref(sb);
    }
    prog_unref(p);
    return rc;
}

/* $function:n and $alias:n give the content of those two drives. */
static Value func_content(Interp *I, const char *n)
{
    Value v;
    drivevar_get(I, "function", n, strlen(n), &v);
    return v;
}

/* ================================================================ Alias: ==== */

typedef struct AliasFind {
    Names *names;     /* collect every name, or */
    const char *want; /* look for this one */
    Value found;      /* its AliasInfo */
} AliasFind;

static void alias_seen(void *ctx, const char *name, size_t len, const char *target, unsigned flags)
{
    AliasFind *f = ctx;
    char *n = xstrndup(name, len);
    if (f->names)
        add_name(f->names, n);
    else if (val_is_null(f->found) && !str_icmp(n, f->want))
        f->found = session_alias_info(name, len, target, flags);
    free(n);
}

static void alias_names(Interp *I, Names *out)
{
    AliasFind f = {out, NULL, val_null()};
    session_each_alias(I, alias_seen, &f);
}

static Value alias_item(Interp *I, const char *n)
{
    AliasFind f = {NULL, n, val_null()};
    session_each_alias(I, alias_seen, &f);
    return f.found;
}

/* A user alias first; else a built-in one, for this runspace only. */
static int alias_remove(CmdCtx *c, const char *n, int force, FsError *err)
{
    for (Scope *s = c->I->cur; s; s = scope_parent(s))
        if (scope_alias_remove(s, n, strlen(n))) return 0;
    int r = session_alias_remove_builtin(c->I, n, force);
    if (r != 0) return r == 1 ? 0 : 1;
    return fs_fail(err, "AliasNotRemovable", "WriteError", n,
                   "Alias was not removed because alias %s is constant or read-only.", n);
}

static int alias_set(CmdCtx *c, const char *n, Value v, int force, FsError *err)
{
    Value s = convert_to_string(v, NULL);
    scope_alias_define(c->I->cur, n, strlen(n), s, 0);
    val_unref(s);
    return 0;
}

static Value alias_content(Interp *I, const char *n)
{
    Value v;
    drivevar_get(I, "alias", n, strlen(n), &v);
    return v;
}

static const Drive drives[] = {
    {"Variable", var_names, var_item, var_remove, var_set_item, var_content},
    {"Env", env_names, env_item, env_remove, env_set, env_content},
    {"Function", func_names, func_item, func_remove, func_set, func_content},
    {"Alias", alias_names, alias_item, alias_remove, alias_set, alias_content},
};

/* ================================================================ paths ==== */

/* The drive path names, with *rest pointing at the item part; NULL for other paths. */
static const Drive *drive_of(const char *path, const char **rest)
{
    const char *colon = strchr(path, ':');
    if (!colon) return NULL;
    for (size_t i = 0; i < sizeof drives / sizeof drives[0]; i++) {
        size_t n = strlen(drives[i].name);
        if ((size_t)(colon - path) != n || str_nicmp(path, drives[i].name, n) != 0) continue;
        *rest = colon + 1 + (colon[1] == '/' || colon[1] == '\\');
        return &drives[i];
    }
    return NULL;
}

int drives_is(const char *path)
{
    const char *rest;
    return drive_of(path, &rest) != NULL;
}

const char *drives_root(const char *path)
{
    const char *rest;
    const Drive *d = drive_of(path, &rest);
    return d && !*rest ? d->name : NULL;
}

/* "." and "" name the drive itself, and so does ".." (the parent of a drive's root is the
 * root, as in pwsh); the drives are flat: there is nothing below an item. */
char *drives_qualify(Interp *I, const char *path)
{
    const char *drive = runloc_drive(I);
    if (!drive || drives_is(path) || path[0] == '/' || path[0] == '~') return NULL;
    static const char *const root[] = {"", ".", "./", ".\\", "..", "../", "..\\"};
    int here = 0;
    for (size_t i = 0; i < sizeof root / sizeof root[0]; i++)
        here |= !strcmp(path, root[i]);
    StrBuf sb = {0};
    sb_printf(&sb, "%s:%s%s", drive, here ? "" : "\\", here ? "" : path);
    return sb_take(&sb);
}

/* The names of d matching pattern (every name for ""), sorted.  A literal pattern (or one
 * without wildcards) matches its own name exactly. */
static void matches(Interp *I, const Drive *d, const char *pat, int literal, Names *out)
{
    Names all = {0};
    d->names(I, &all);
    char *err = NULL;
    Wildcard *w = !literal && wildcard_has_meta(pat, strlen(pat))
                      ? wildcard_compile(pat, strlen(pat), 1, &err)
                      : NULL;
    StrBuf lit = {0};
    if (!literal) wildcard_unescape(pat, strlen(pat), &lit);
    const char *exact = literal ? pat : sb_str(&lit);
    for (size_t i = 0; i < all.len && !err; i++) {
        const char *n = all.v[i];
        int m = !*pat || (w ? wildcard_test(w, n, strlen(n)) : !str_icmp(n, exact));
        if (m) add_name(out, n);
    }
    wildcard_free(w);
    free(err); /* a bad pattern matches nothing */
    sb_free(&lit);
    names_free(&all);
    if (out->len > 1) qsort(out->v, out->len, sizeof out->v[0], by_name);
}

/* Emit the items (or contents) of the matching names; a literal name that matches nothing
 * is an error. */
static Status emit_matches(CmdCtx *c, const char *path, int literal, int missing_error, int content)
{
    const char *pat;
    const Drive *d = drive_of(path, &pat);
    Names l = {0};
    matches(c->I, d, pat, literal, &l);
    Status st = ST_OK;
    for (size_t i = 0; i < l.len && !st; i++) {
        Value item = content ? d->content(c->I, l.v[i]) : d->item(c->I, l.v[i]);
        if (!val_is_null(item)) st = pipe_put(c->I, c->out, item);
        val_unref(item);
    }
    if (!l.len && missing_error && (literal || !wildcard_has_meta(pat, strlen(pat)))) {
        FsError err;
        not_found(d, pat, &err);
        items_write_error(c, &err);
    }
    names_free(&l);
    return st;
}

/* The drive itself ("Function:") lists what it holds, possibly nothing: psmini defines no
 * built-in functions (its prompt is part of the host), so a session without functions of
 * its own has an empty Function: drive, which is no error. */
Status drives_list(CmdCtx *c, const char *path, int literal)
{
    const char *pat;
    drive_of(path, &pat);
    return emit_matches(c, path, literal, *pat != 0, 0);
}

Status drives_get(CmdCtx *c, const char *path, int literal)
{
    const char *pat;
    drive_of(path, &pat);
    return emit_matches(c, path, literal, *pat != 0, 0);
}

Status drives_content(CmdCtx *c, const char *path, int literal)
{
    return emit_matches(c, path, literal, 1, 1);
}

int drives_test(CmdCtx *c, const char *path, int literal)
{
    const char *pat;
    const Drive *d = drive_of(path, &pat);
    if (!*pat) return 1;
    Names l = {0};
    matches(c->I, d, pat, literal, &l);
    int found = l.len > 0;
    names_free(&l);
    return found;
}

Status drives_remove(CmdCtx *c, const char *path, int literal, int force)
{
    const char *pat;
    const Drive *d = drive_of(path, &pat);
    Names l = {0};
    matches(c->I, d, pat, literal, &l);
    FsError err;
    for (size_t i = 0; i < l.len; i++) {
        int rc = d->remove(c, l.v[i], force, &err);
        if (rc > 0) not_found(d, l.v[i], &err);
        if (rc) items_write_error(c, &err);
    }
    if (!l.len && (literal || !wildcard_has_meta(pat, strlen(pat)))) {
        not_found(d, pat, &err);
        items_write_error(c, &err);
    }
    names_free(&l);
    return ST_OK;
}

Status drives_set(CmdCtx *c, const char *path, Value value, int force)
{
    const char *name;
    const Drive *d = drive_of(path, &name);
    FsError err;
    if (d->set(c, name, value, force, &err) != 0) items_write_error(c, &err);
    return ST_OK;
}
