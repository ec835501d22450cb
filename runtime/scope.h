/*
** scope: the variable, function and alias tables of one scope, chained to the calling scope
** (language.md 7: dynamic scoping).  Names compare ASCII-case-insensitively.  A Var stays at
** the same address for its scope's lifetime, so callers may hold a Var * across statements
** of that scope.  Values stored here are owned references.
*/
#ifndef PSM_RUNTIME_SCOPE_H
#define PSM_RUNTIME_SCOPE_H

#include <stddef.h>

#include "runtime/value.h"

typedef struct Scope Scope;
typedef struct Var Var;

enum {
    VF_PRIVATE = 1 << 0,  /* $private:x: invisible to child scopes */
    VF_CONSTANT = 1 << 1, /* $true, $false, $null */
    VF_FILTER = 1 << 2,   /* functions: defined with 'filter' */
    VF_READONLY = 1 << 8, /* -Option ReadOnly: only Remove-Variable/Set-* -Force change it */
    VF_ALLSCOPE = 1 << 9, /* -Option AllScope (kept and listed; not copied into new scopes) */
};

Scope *scope_new(Scope *parent, int is_script); /* never NULL */
void scope_free(Scope *s);                      /* releases every value; NULL is fine */
/* Function calls make and drop a scope each: scope_recycle empties s and keeps it in *spare
 * (a field of the runspace) when that is free, else frees it; scope_reuse hands it out again
 * as a new scope, or makes one. */
Scope *scope_reuse(Scope **spare, Scope *parent, int is_script);
void scope_recycle(Scope **spare, Scope *s);
Scope *scope_parent(const Scope *s);
int scope_is_script(const Scope *s);
/* The nearest script scope at or above s (the global scope when there is none). */
Scope *scope_script(Scope *s);

/* ---- variables ---- */
/* Dynamic lookup from s up the chain; private variables are seen only in their own scope. */
Var *scope_lookup(Scope *s, const char *name, size_t len);
Var *scope_local(Scope *s, const char *name, size_t len);  /* s only; NULL when absent */
Var *scope_define(Scope *s, const char *name, size_t len); /* find or create ($null) in s */
int scope_remove(Scope *s, const char *name, size_t len);  /* 1 when removed */
/*
** A variable of s built on first use: the first lookup, define, remove or listing that reaches
** it calls make(ctx) (a new reference) and stores the result as an ordinary variable.  For
** automatic variables that most scopes never read; ctx must outlive s or the first use.  name
** is a static string.  Returns 0, doing nothing, when s already has a variable of that name
** (or no room for another pending one): the caller then sets it at once.
*/
typedef Value (*ScopeLazyFn)(void *ctx);
int scope_define_lazy(Scope *s, const char *name, ScopeLazyFn make, void *ctx);

/* A Var as a Value (a new reference) that keeps it alive after its scope ends or it is
 * removed: what a PSVariable holds, so (Get-Variable x).Value reads and writes $x itself. */
extern const ObjClass cls_var;
Value scope_var_handle(Var *v);
Var *scope_var_of(Value h); /* the Var of a handle (borrowed), or NULL */
Var *scope_ref_var(Value r); /* the Var a [ref] to a variable writes (borrowed), or NULL */
/* [ref]: a PSReference whose Value reads and writes v ([ref]$x), or a variable of its own
 * holding val ([ref]5).  New references. */
extern const ObjClass cls_psreference;
Value scope_ref_new(Var *v);
Value scope_ref_box(Value val);

Value var_value(const Var *v);        /* borrowed */
void var_set(Var *v, Value val);      /* stores a new reference, releases the old value */
void var_set_take(Var *v, Value val); /* the same, consuming val */
Value var_type(const Var *v);         /* type constraint (TypeRef) or $null, borrowed */
void var_set_type(Var *v, Value typeref);
unsigned var_flags(const Var *v);
void var_set_flags(Var *v, unsigned flags);
const char *var_name(const Var *v);
/* Call fn for every variable defined in s itself (not its parents), in no set order. */
void scope_each_var(Scope *s, void (*fn)(void *ctx, const Var *v), void *ctx);

/* ---- functions (a ScriptBlock value per name) ---- */
/* Dynamic lookup; returns the ScriptBlock borrowed (or $null) and its VF_* flags. */
Value scope_func_lookup(Scope *s, const char *name, size_t len, unsigned *flags);
void scope_func_define(Scope *s, const char *name, size_t len, Value sb, unsigned flags);
int scope_func_remove(Scope *s, const char *name, size_t len); /* s only; 1 when removed */
/* Call fn for every function defined in s itself (var_value: the ScriptBlock). */
void scope_each_func(Scope *s, void (*fn)(void *ctx, const Var *v), void *ctx);

/* ---- aliases (the target command name, a string, per alias name) ---- */
/* Dynamic lookup like variables (Private ones are seen in their own scope only). */
Var *scope_alias_lookup(Scope *s, const char *name, size_t len);
Var *scope_alias_local(Scope *s, const char *name, size_t len); /* s only; NULL when absent */
void scope_alias_define(Scope *s, const char *name, size_t len, Value target, unsigned flags);
int scope_alias_remove(Scope *s, const char *name, size_t len); /* s only; 1 when removed */
void scope_each_alias(Scope *s, void (*fn)(void *ctx, const Var *v), void *ctx);
/* The command name reached by following aliases from name (a string); name itself when it is
 * no alias.  Stops after 64 steps (an alias loop).  New reference. */
Value scope_alias_resolve(Scope *s, Value name);

#endif
