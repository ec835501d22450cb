/*
** binder: pwsh's parameter binder with parameter sets, for cmdlets and script functions.
** A command is declared as data (CmdDecl: parameters with types, aliases, validation and their
** membership in parameter sets); bind_plan_new compiles it once; a Binder binds one
** invocation: the command-line arguments (named, positional, splatted), then each pipeline
** object (by value, then by property name; without coercion before with), choosing the
** parameter set as pwsh's ParameterBinderController does.  Failures are BindError records
** (pwsh's error id, message and category) that the caller turns into ErrorRecords.
** The binder never prints, never needs an Interp and never throws.
*/
#ifndef PSM_RUNTIME_BINDER_H
#define PSM_RUNTIME_BINDER_H

#include "runtime/command.h"
#include "runtime/convert.h"
#include "runtime/errrec.h"
#include "runtime/strbuf.h"
#include "runtime/value.h"

#define BIND_ALLSETS "__AllParameterSets" /* BindUse.set: the parameter is in every set */
#define BIND_MAXUSE  8                    /* [Parameter()] attributes per parameter */
#define BIND_MAXSETS 32                   /* parameter sets per command */
#define BIND_POS(n)  ((n) + 1)            /* BindUse.pos1 for Position=n (0 means named) */

/* Flags of one parameter's membership in one set ([Parameter(...)] arguments). */
enum {
    BP_MANDATORY = 1 << 0, /* Mandatory */
    BP_BYVALUE = 1 << 1,   /* ValueFromPipeline */
    BP_BYPROP = 1 << 2,    /* ValueFromPipelineByPropertyName */
    BP_REMAINING = 1 << 3, /* ValueFromRemainingArguments */
};

/* Argument validation flags (ParamDecl.vflags). */
enum {
    BV_NOTNULL = 1 << 0,        /* [ValidateNotNull()] */
    BV_NOTNULLOREMPTY = 1 << 1, /* [ValidateNotNullOrEmpty()] */
    BV_NOTNULLORWHITE = 1 << 2, /* [ValidateNotNullOrWhiteSpace()] */
    BV_SET_CASE = 1 << 3,       /* [ValidateSet(..., IgnoreCase=$false)] */
    BV_ALLOWNULL = 1 << 4,      /* [AllowNull()]: a mandatory parameter may be $null */
    BV_ALLOWEMPTYSTR = 1 << 5,  /* [AllowEmptyString()] */
    BV_ALLOWEMPTYCOLL = 1 << 6, /* [AllowEmptyCollection()] */
};

/* One [Parameter()] attribute: membership in a set.  A list ends at set == NULL; a parameter
 * with an empty list is in every set, named and optional. */
typedef struct BindUse {
    const char *set; /* set name, or BIND_ALLSETS */
    short pos1;      /* BIND_POS(n) for Position=n; 0: named only */
    unsigned flags;  /* BP_* */
} BindUse;

/* A type that TypeId does not name: a class from another module (Job, Guid) or an enum.
 * Enum values are bound as Strings holding the canonical name (see bind_enum_value). */
typedef struct BindType {
    const char *name;     /* spelling in syntax lines: "Job", "JobState", "guid" */
    const char *fullname; /* "System.Management.Automation.JobState" (error messages) */
    int (*is)(Value v);   /* already of this type (binding without coercion); NULL: never */
    /* Coercion: 0 and a new reference in *out, or -1 with *err.  NULL: only `is` values. */
    int (*convert)(Value v, Value *out, ConvError *err);
    const char *const *names; /* enums: the names in declaration order, NULL-terminated */
    const int *values;        /* enums: their numeric values (NULL: 0, 1, 2 ...) */
} BindType;

/* One declared parameter.  Designated initializers; zero fields mean "not used". */
typedef struct ParamDecl {
    const char *name;    /* "IncludeChildJob" */
    const char *aliases; /* space separated, or NULL */
    TypeId type;         /* TY_OBJECT: any value, no conversion; TY_SWITCH: a [switch] */
    int is_array;        /* [type[]] */
    const BindType *ext; /* a type outside TypeId; overrides type (still `is_array`) */
    BindUse in[BIND_MAXUSE];
    unsigned vflags;         /* BV_* */
    const char *const *vset; /* [ValidateSet()] values, NULL-terminated */
    struct {
        int on;
        double min, max;
    } range; /* [ValidateRange(min, max)] */
    struct {
        int on, min, max;
    } count;             /* [ValidateCount(min, max)] */
    const char *pattern; /* [ValidatePattern()] (case-insensitive, as pwsh's default) */
    struct {
        int on, min, max;
    } length;                 /* [ValidateLength(min, max)] */
    const void *vscript;      /* [ValidateScript()]: opaque to the binder, run by BindHooks */
    const char *vscript_text; /* its text between the braces (error messages) */
} ParamDecl;

/* Command flags. */
enum {
    BD_SCRIPT = 1 << 0,        /* a script function: conversion failures are reported as
                                  ParameterArgumentTransformationError */
    BD_SIMPLE = 1 << 1,        /* no [CmdletBinding()]/[Parameter()]: no common parameters,
                                  unknown names and extra arguments go to bind_extra ($args) */
    BD_SHOULDPROCESS = 1 << 2, /* SupportsShouldProcess: adds -WhatIf and -Confirm */
    BD_NOPOSITIONAL = 1 << 3,  /* PositionalBinding=$false (decl_finish only) */
};

typedef struct CmdDecl {
    const char *name;      /* "Get-Job" */
    const char *errsuffix; /* FullyQualifiedErrorId suffix ("Microsoft.PowerShell.Commands.
                              GetJobCommand"); NULL: the command name */
    const ParamDecl *params;
    int nparams;
    const char *default_set; /* DefaultParameterSetName, or NULL */
    unsigned flags;          /* BD_* */
} CmdDecl;

/* A binding failure, as pwsh reports it. */
typedef struct BindError {
    char id[64];     /* "NamedParameterNotFound" */
    char fqid[256];  /* "NamedParameterNotFound,Microsoft.PowerShell.Commands.GetJobCommand" */
    char msg[1024];  /* the message text */
    ErrCategory cat; /* InvalidArgument, or InvalidData for validation failures */
    char param[64];  /* the parameter concerned, "" when none */
    Node *node;      /* the argument's node (error site), NULL: the command */
} BindError;

/* ---- compiled declarations ---- */
typedef struct BindPlan BindPlan;
/* Compile a declaration (which must outlive the plan).  Never fails: more than BIND_MAXSETS
 * sets are folded into the last one. */
BindPlan *bind_plan_new(const CmdDecl *d);
void bind_plan_free(BindPlan *p); /* NULL is fine */
/* Parameters: the declared ones (0..d->nparams-1, same indexes), then the common parameters
 * (Verbose Debug ErrorAction ... and WhatIf Confirm), unless BD_SIMPLE. */
int bind_plan_nparams(const BindPlan *p);
const char *bind_plan_name(const BindPlan *p, int i); /* "ErrorAction" */
int bind_plan_is_common(const BindPlan *p, int i);
int bind_plan_find(const BindPlan *p, const char *name); /* exact name or alias; -1 none */
/* Tab completion: the indexes of the parameters whose name starts with prefix[0..len)
 * (case-insensitive), declared ones first, at most max of them; returns how many. */
int bind_plan_complete(const BindPlan *p, const char *prefix, size_t len, int *out, int max);
int bind_plan_nsets(const BindPlan *p); /* at least 1 */
/* Set names in syntax order (the default set first); "__AllParameterSets" when none. */
const char *bind_plan_set(const BindPlan *p, int k);
/* The Get-Command -Syntax line of set k (syntax order), appended to out:
 * "Get-Job [[-Id] <int[]>] [-IncludeChildJob] ... [<CommonParameters>]". */
void bind_syntax_line(const BindPlan *p, int k, StrBuf *out);

/* A script function's [switch] value: the Boolean wrapped in a PSObject with an IsPresent
 * note, so $s.IsPresent works while -eq, if, casts and formatting all see the Boolean.  C
 * cmdlets keep getting plain Booleans. */
Value bind_switch(int present); /* new reference */

/* The ActionPreference enum (type of -ErrorAction and friends). */
extern const BindType bind_type_actionpref;
/* System.Guid: a Guid binds as it is (so it picks the parameter set whose parameter is a
 * [guid] before any coercion is tried); a string converts as [guid]'...' does. */
extern const BindType bind_type_guid;
extern const BindType bind_type_ref; /* [ref] parameters: a PSReference argument only */
/* The BindType of a type literal TypeId does not name ("guid", "System.Guid"), or NULL. */
const BindType *bind_type_named(const char *name, size_t len);
/* The numeric value of an enum-typed bound value (a String holding a name); -1 if none. */
int bind_enum_value(const BindType *t, Value v);

/* ---- one invocation ---- */
typedef struct Binder Binder;
Binder *bind_new(const BindPlan *p); /* p must outlive the binder */
/*
** What the binder cannot do itself, it asks its caller: running PowerShell.  Both return 0 on
** success; -1 with a message in why[0..n) when the script failed.
**   validate: [ValidateScript()] on one value: *ok = the script's result was true.
**   delay: a delay-bind script block (a ScriptBlock given on the command line to a parameter
**          that takes pipeline input and is neither [scriptblock] nor [object]) run with
**          $_ = input; *out a new reference.
** Without hooks, ValidateScript passes and delay-binding is off.
*/
typedef struct BindHooks {
    void *ctx;
    int (*validate)(void *ctx, const void *script, Value arg, int *ok, char *why, size_t n);
    int (*delay)(void *ctx, Value script, Value input, Value *out, char *why, size_t n);
    int (*is_script)(Value v); /* v is a ScriptBlock (delay-binding candidates) */
} BindHooks;
void bind_set_hooks(Binder *b, const BindHooks *h); /* h must outlive the binder */
/* The plan has pipeline parameters (ByValue or ByPropertyName in some set). */
int bind_plan_takes_input(const BindPlan *p);
/* Its only pipeline parameter is a plain [object] ByValue one in its only set, without
 * validation: bind_input would bind every object to it unchanged, so a caller that reads the
 * object itself may skip bind_input while that parameter is not bound on the command line. */
int bind_plan_trivial_input(const BindPlan *p);
void bind_free(Binder *b); /* releases every bound value; NULL is fine */
/*
** Bind the command-line arguments (borrowed; BindArg as in command.h: explicit names win
** over splatted ones).  piped: pipeline input will follow (bind_input), so set resolution and
** the mandatory check wait for it.  Returns 0, or -1 with *err filled.  Call once.
*/
int bind_args(Binder *b, BindArg *args, int nargs, int piped, BindError *err);
/*
** Bind one pipeline object (borrowed): first the bindings of the previous object are undone,
** then ByValue without coercion, ByPropertyName without coercion, ByValue with coercion,
** ByPropertyName with coercion (default set first at each stage); then the set is resolved and
** mandatory parameters checked.  -1 with *err (InputObjectNotBound, ...) for this object only.
*/
int bind_input(Binder *b, Value obj, BindError *err);

Value bind_value(const Binder *b, int i); /* borrowed; $null when unbound */
int bind_bound(const Binder *b, int i);   /* 0 unbound, 1 command line, 2 pipeline */
/* ParameterSetName: the set chosen; with pipeline input pending, the tentative one (the only
 * set left, else the default set; NULL when undecided), settled again by each bind_input. */
const char *bind_set(const Binder *b);
Value bind_extra(Binder *b); /* BD_SIMPLE leftovers as object[] (borrowed) */
/* Value.aux of the "-Name" / "-Name:" strings that bind_extra and ValueFromRemainingArguments
 * keep for an unknown parameter: splatting @args passes them on as parameter names again
 * (pwsh marks them the same way), while a '-x' string written by the user stays a value. */
#define BIND_ARGNAME_AUX 1
/* Copy the declared parameters' values (new references) and bound flags into out[]/bound[]
 * (d->nparams entries each), the shape of CmdCtx.arg / CmdCtx.bound. */
void bind_export(const Binder *b, Value *out, unsigned char *bound);
/* $PSBoundParameters: an ordered dictionary of the bound parameters (new reference). */
Value bind_bound_params(const Binder *b);

/* ---- building a declaration at run time (script functions' param() blocks) ---- */
typedef struct DeclBuilder DeclBuilder;
/* name: the function name (also the error-id suffix); flags: BD_* (BD_SCRIPT for functions,
 * plus BD_SIMPLE when there is neither [CmdletBinding()] nor [Parameter()]) */
DeclBuilder *decl_new(const char *name, unsigned flags);
/* Add a parameter; returns its index.  type TY_SWITCH for [switch]; ext may be NULL. */
int decl_param(DeclBuilder *b, const char *name, TypeId type, int is_array, const BindType *ext);
void decl_alias(DeclBuilder *b, int i, const char *alias);
/* One [Parameter()] attribute: set NULL for BIND_ALLSETS; position -1 when not given. */
void decl_use(DeclBuilder *b, int i, const char *set, int position, unsigned flags);
void decl_validate_flags(DeclBuilder *b, int i, unsigned vflags);
void decl_validate_set(DeclBuilder *b, int i, const char *const *values, int n);
void decl_validate_range(DeclBuilder *b, int i, double min, double max);
void decl_validate_count(DeclBuilder *b, int i, int min, int max);
void decl_validate_pattern(DeclBuilder *b, int i, const char *pattern);
void decl_validate_length(DeclBuilder *b, int i, int min, int max);
/* script: opaque (kept as is, handed to BindHooks.validate); text: copied */
void decl_validate_script(DeclBuilder *b, int i, const void *script, const char *text);
void decl_default_set(DeclBuilder *b, const char *set);
void decl_flags(DeclBuilder *b, unsigned flags); /* adds BD_* flags (before decl_finish) */
void decl_error_suffix(DeclBuilder *b, const char *suffix); /* CmdDecl.errsuffix (copied) */
/* The declaration, with pwsh's implicit positions applied: when no parameter gave a
 * Position and BD_NOPOSITIONAL is not set, every non-switch parameter is positional in
 * declaration order.  Valid until decl_free; call after the last decl_* change. */
const CmdDecl *decl_finish(DeclBuilder *b);
void decl_free(DeclBuilder *b); /* NULL is fine */

/* ---- bridges to command.c ---- */
/* A declaration from command.h's simple ParamSpec table: one set, positions as given
 * (position -1: named), PS_SWITCH/PS_PIPELINE/PS_REMAINING/PS_MANDATORY mapped to their BP_
 * counterparts, PS_ALLOWNULL to the BV_ALLOW* flags.  flags: BD_* (not BD_SCRIPT for C cmdlets). */
DeclBuilder *decl_from_specs(const char *name, const ParamSpec *ps, int n, unsigned flags);
/* One-shot binding of args to a ParamSpec table (compiles a plan per call: for tests and
 * tools; the evaluator binds through cmd_plan's cached plans instead).  out[i]/bound[i]
 * receive new references / flags.  extra != NULL: leftovers and unknown names are allowed
 * and returned there (object[], new reference; a simple function's $args), else they are
 * errors and the common parameters are accepted.  Returns 0, or -1 with *e (turn it into an
 * ErrorRecord with bind_error_rec). */
int bind_specs(const ParamSpec *params, int nparams, BindArg *args, int nargs, Value *out,
               unsigned char *bound, Value *extra, const char *cmdname, BindError *e);
/* The ErrorRecord (ParameterBindingException, FullyQualifiedErrorId = e->fqid) for a binding
 * failure, located at the failing argument's node, else at site (may be NULL).  New reference. */
Value bind_error_rec(const BindError *e, Program *prog, const char *command, Node *site);

#endif
