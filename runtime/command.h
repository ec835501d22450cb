/*
** command: the command table (cmdlets declared as data: {name, aliases, handler, params}),
** the cache of their binding plans (the binder is binder.c), and the handler context.
** A handler is called once per phase (CMD_BEGIN, CMD_PROCESS per input object, CMD_END) with
** c->phase set; it writes output with pipe_emit(c->I, c->out, v) and reports failures with
** cmd_error (terminating) or cmd_write_error (non-terminating).
*/
#ifndef PSM_RUNTIME_COMMAND_H
#define PSM_RUNTIME_COMMAND_H

#include <stddef.h>

#include "parser/ast.h"
#include "runtime/errrec.h"
#include "runtime/interp.h"
#include "runtime/pipeline.h"

enum {
    PS_SWITCH = 1 << 0,    /* [switch]: takes no value; never positional */
    PS_PIPELINE = 1 << 1,  /* ValueFromPipeline */
    PS_REMAINING = 1 << 2, /* ValueFromRemainingArguments: collects every leftover positional */
    PS_MANDATORY = 1 << 3,
    PS_ALLOWNULL = 1 << 4, /* [AllowNull()] [AllowEmptyCollection()]: a mandatory parameter may be
                              $null or @() (ConvertTo-Json -InputObject) */
    PS_BYPROP = 1 << 5, /* ValueFromPipelineByPropertyName (a FileInfo's PSPath to -LiteralPath) */
};

/* One declared parameter. */
typedef struct ParamSpec {
    const char *name;  /* "FilterScript" */
    const char *alias; /* one alias or NULL */
    TypeId type;       /* TY_OBJECT: no conversion */
    int is_array;      /* [type[]] */
    int position;      /* 0, 1, ...; -1: named only */
    unsigned flags;    /* PS_* */
} ParamSpec;

typedef enum CmdPhase { CMD_BEGIN, CMD_PROCESS, CMD_END } CmdPhase;

typedef struct CmdCtx CmdCtx;
typedef Status (*CmdHandler)(CmdCtx *c);

typedef struct CmdDef {
    const char *name;    /* "Where-Object" */
    const char *aliases; /* space separated: "? where" */
    CmdHandler handler;
    const ParamSpec *params; /* NULL: a raw command (natives): no binding, see CmdCtx.rawargs */
    int nparams;
} CmdDef;

struct CmdCtx {
    Interp *I;
    const CmdDef *def;
    CmdPhase phase;
    Value *arg;           /* arg[i]: bound value of params[i] ($null when unbound), owned */
    unsigned char *bound; /* bound[i]: 1 when params[i] was given */
    Value input;          /* CMD_PROCESS: the pipeline object (borrowed) */
    int has_input;        /* 0 for the one process call of a first pipeline element */
    Pipe *out;            /* downstream */
    Node *node;           /* the command's AST node (error sites) */
    Value state;          /* handler-owned value kept across phases ($null at start) */
    const char *name;     /* the command name as invoked (borrowed, valid for the stage) */
    Value rawargs;        /* raw commands only: every argument in order (object[]); a named one
                             as the string "-Name" or "-Name:" followed by its value */
    long count;           /* handler-owned counter */
    void *priv;           /* handler-owned C state, released with priv_free(priv) at the end */
    void (*priv_free)(void *priv);
};

/* One argument as written, before binding. */
typedef struct BindArg {
    const char *name; /* parameter name without '-', or NULL for a positional value */
    size_t nlen;
    Value val;    /* owned; $null for a bare -Name */
    int has_val;  /* -Name:value, or a positional value */
    Node *node;   /* for error sites (may be NULL) */
    int splat;    /* came from @hashtable: an explicit -Name wins over it */
    int dashdash; /* the "--" marker: passed on to native commands only */
} BindArg;

/* The binding plan of a cmdlet (params != NULL), compiled from its ParamSpec table on first
 * use and cached in the runspace (binder.h).  Cannot fail. */
const struct BindPlan *cmd_plan(Interp *I, const CmdDef *def);
/* A side table for eval_call.c's compiled param() blocks: the entry stored for key, or NULL.
 * cmd_cache_put stores val (the table calls release(val) when it drops the entry: at
 * cmd_cache_free, or when the table fills up).  key must not be stored yet. */
void *cmd_cache_get(Interp *I, const void *key);
void cmd_cache_put(Interp *I, const void *key, void *val, void (*release)(void *val));
void cmd_cache_free(Interp *I); /* at runspace end */

/* Add a family of commands to a runspace (cmdlets/ files: one `const CmdDef table[]` each;
 * the table must outlive the runspace).  Later families shadow earlier ones and the core
 * built-ins of command.c. */
void cmd_register(Interp *I, const CmdDef *table, int n);
/* Look up a command or alias, case-insensitively; NULL when none. */
const CmdDef *cmd_find(Interp *I, const char *name, size_t len);
/* Remove the built-in alias name from this runspace only (Remove-Alias, Remove-Item alias:):
 * cmd_find no longer matches it; the command keeps its own name.  Cannot fail. */
void cmd_alias_hide(Interp *I, const char *name, size_t len);

/* Store a terminating error built from the arguments in the interp; returns ST_THROW. */
Status cmd_error(CmdCtx *c, ExcKind exc, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Write a non-terminating error record (stream 2, $Error, -ErrorVariable).  Under
 * -ErrorAction Stop / $ErrorActionPreference = 'Stop' the record is kept instead and thrown
 * (script-terminating) as soon as the handler returns. */
void cmd_write_error(CmdCtx *c, Value rec);

#endif
