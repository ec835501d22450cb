/*
** drivevar: variable syntax on the Function: and Alias: drives ($function:f, ${alias:gci}),
** read and assigned by the evaluator.  ($env:x is the evaluator's own; $variable:x is an
** ordinary variable.)
*/
#ifndef PSM_RUNTIME_DRIVEVAR_H
#define PSM_RUNTIME_DRIVEVAR_H

#include <stddef.h>

#include "runtime/interp.h"
#include "runtime/value.h"

/* $<drive>:<name> as seen from the current scope: the function's ScriptBlock, or the
 * alias's definition (a user alias's target, or the command a built-in alias names).  *out
 * is a new reference ($null when there is none).  Returns 0 for any other drive. */
int drivevar_get(Interp *I, const char *drive, const char *name, size_t len, Value *out);
/* $function:f = {...} (a ScriptBlock; $null removes the function) and $alias:x = 'Cmd' in the
 * current scope.  Returns 0 for any other drive (the caller assigns a variable). */
int drivevar_set(Interp *I, const char *drive, const char *name, size_t len, Value v);

#endif
