/*
** session: the session cmdlets that describe the runspace itself: Get-Alias, Set-Alias,
** New-Alias, Get-Command, Get-Help and Get-History, as one family table; plus the small
** record objects (PSVariable, AliasInfo, CmdletInfo, HistoryInfo) they and variables.c emit,
** and the REPL's history hook.  Objects are snapshots: changing one does not change the
** runspace.
*/
#ifndef PSM_CMDLETS_SESSION_H
#define PSM_CMDLETS_SESSION_H

#include <stddef.h>

#include "runtime/command.h"

extern const CmdDef session_table[]; /* the family, static data */
extern const int session_count;      /* its number of entries */

/* Register the table views of the session objects (CommandInfo, PSVariable, HistoryInfo).
 * Idempotent; call at start-up. */
void session_register_views(void);

/* A record object: a class with a fixed, ordered list of read-only properties.  Embed the
 * ObjClass first; `names` lists the properties in display order.  Define one with
 * SESSION_REC_CLASS, which fills the hooks below (ToString is property 0, the Name). */
typedef struct RecClass {
    ObjClass cls;
    const char *const *names;
    size_t n;
} RecClass;
#define SESSION_REC_CLASS(nm, full, props)                                                         \
    {{.name = nm,                                                                                  \
      .full_name = full,                                                                           \
      .type = TY_OTHER,                                                                            \
      .free = session_rec_free,                                                                    \
      .to_string = session_rec_to_string,                                                          \
      .get_prop = session_rec_get_prop,                                                            \
      .nprops = session_rec_nprops,                                                                \
      .prop_at = session_rec_prop_at,                                                              \
      .share = session_rec_share},                                                                 \
     props,                                                                                        \
     sizeof props / sizeof props[0]}
/* The hooks SESSION_REC_CLASS installs (ObjClass contracts, value.h). */
void session_rec_free(Obj *o);
void session_rec_to_string(Value self, StrBuf *out);
int session_rec_get_prop(Value self, const char *name, size_t len, Value *out);
size_t session_rec_nprops(Value self);
void session_rec_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val);
void session_rec_share(Obj *o); /* marks every property value (runtime/value.h THREADS) */
/* A new record of class rc holding new references to vals[0..rc->n).  Never fails. */
Value session_rec_new(const RecClass *rc, const Value *vals);
/* Property i of record v (borrowed), or $null when v is not of class rc. */
Value session_rec_get(Value v, const RecClass *rc, size_t i);

/* The AliasInfo and FunctionInfo records (as Get-Alias / Get-Command give them); flags: the
 * alias's VF_* options. */
Value session_alias_info(const char *name, size_t len, const char *target, unsigned flags);
Value session_function_info(const char *name, Value sb);
/* Call fn for every alias the runspace sees from its current scope (user and built-in),
 * sorted by name.  name[len] is not necessarily '\0'. */
typedef void (*SessionAliasFn)(void *ctx, const char *name, size_t len, const char *target,
                               unsigned flags);
void session_each_alias(Interp *I, SessionAliasFn fn, void *ctx);
/* Remove the built-in alias name from this runspace: 1 done, 0 refused (ReadOnly and no
 * force), -1 when name is no built-in alias here. */
int session_alias_remove_builtin(Interp *I, const char *name, int force);

/* The history hook for the REPL (host/repl.c): record one executed command line with its
 * start and end times (DateTime ticks, local).  Ids count from 1 per runspace.  Cannot fail. */
void session_history_add(Interp *I, const char *line, int64_t start_ticks, int64_t end_ticks);

#endif
