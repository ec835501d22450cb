/*
** variables: Get-Variable, Set-Variable, New-Variable, Remove-Variable and Clear-Variable as
** one family table.  Variables live in the runspace's scopes (runtime/scope.h); -Scope takes
** Global, Script, Local or a number (0 = the current scope, 1 its parent ...).  ReadOnly and
** AllScope are kept as extra bits of the variable's flags and honoured by these cmdlets.
*/
#ifndef PSM_CMDLETS_VARIABLES_H
#define PSM_CMDLETS_VARIABLES_H

#include "runtime/command.h"

extern const CmdDef variables_table[]; /* the family, static data */
extern const int variables_count;      /* its number of entries */

/* The PSVariable class (Name, Description, Value, Visibility, Module, ModuleName, Options,
 * Attributes) and its `Name Value` table view registration (idempotent). */
extern const struct RecClass variables_psvariable;
void variables_register_views(void);

#endif
