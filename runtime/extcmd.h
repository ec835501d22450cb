/*
** extcmd: external programs as pipeline stages, on top of runtime/native.h.  The runspace's
** default native hook (interp_new installs it): a name found by cmdpath_resolve becomes a raw
** command whose arguments are passed as pwsh 7.4 does (each argument one argv element, arrays
** expanded, everything else through convert_to_string), whose stdout lines flow downstream as
** strings (or go straight to the terminal when it is the last stage of a top-level pipeline),
** whose stdin receives the upstream objects as text lines, and whose stderr passes through or,
** under 2>&1, becomes NativeCommandError records.  $LASTEXITCODE and $? are set at the end.
*/
#ifndef PSM_RUNTIME_EXTCMD_H
#define PSM_RUNTIME_EXTCMD_H

#include "runtime/command.h"

/* The NativeLookup installed by interp_new. */
const CmdDef *extcmd_lookup(Interp *I, const char *name, size_t len);
/* 1 when d is the external-program command. */
int extcmd_is(const CmdDef *d);
/* Adjacent external programs (left | right): right joins left's run through an OS pipe, so
 * bytes pass untouched; left's output then goes where right's went, and right does nothing. */
void extcmd_chain(CmdCtx *left, CmdCtx *right);

#endif
