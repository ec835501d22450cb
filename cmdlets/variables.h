/*
** variables: Get-Variable, Set-Variable, New-Variable, Remove-Variable and Clear-Variable as
** one family table.  Variables live in the runspace's scopes (runtime/scope.h); -Scope takes
** Global, Script, Local or a number (0 = the current scope, 1 its parent ...).  ReadOnly and
** AllScope are kept as extra bits of the variable's flags and honoured by these cmdlets.
*/
#ifndef PSM_CMDLETS_VARIABLES_H
#define PSM_CMDLETS_VARIABLES_H

#include "runtime/command.h"
#include "runtime/scope.h"

extern const CmdDef variables_table[]; /* the family, static data */
extern const int variables_count;      /* its number of entries */

/* The PSVariable class (Name, Description, Value, Visibility, Module, ModuleName, Options,
 * Attributes) and its `Name Value` table view registration (idempotent). */
extern const struct RecClass variables_psvariable;
void variables_register_views(void);
/* ScopedItemOptions bits (VF_*) as their enum's text: "ReadOnly, Private", or "None". */
Value variables_options_string(unsigned flags);
/* A PSVariable record for v (a snapshot).  New reference. */
Value variables_psvariable_new(const Var *v);

/* -Scope argument i of c: Global, Script, Local/Private or a number; *out NULL when the
 * argument is not given.  ST_THROW with pwsh's error for a bad value.  (Also Set-Alias.) */
Status variables_scope_arg(CmdCtx *c, int i, Scope **out);
/* -Option argument i of c: ScopedItemOptions names as VF_* bits (runtime/scope.h). */
Status variables_option_arg(CmdCtx *c, int i, unsigned *out);

#endif
