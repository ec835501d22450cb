/*
** cmdutil: small helpers shared by the cmdlet family files: reading switch and string
** arguments, treating a value as a list, and building this command's error records (with the
** fully qualified "Id,Microsoft.PowerShell.Commands.<Verb><Noun>Command" ErrorId).
*/
#ifndef PSM_CMDLETS_CMDUTIL_H
#define PSM_CMDLETS_CMDUTIL_H

#include <stddef.h>

#include "runtime/command.h"
#include "runtime/errrec.h"

/* 1 when parameter i is bound and true (a switch given). */
int cmdutil_flag(CmdCtx *c, int i);
/* Parameter i as a string (owned), NULL when unbound or $null. */
char *cmdutil_arg_str(CmdCtx *c, int i);
/* The number of items in v: 0 for $null, the length of an array, else 1. */
size_t cmdutil_count(Value v);
/* Item i of v (borrowed): the array element, or v itself when not an array. */
Value cmdutil_elem(Value v, size_t i);

/* A new error record of this command at its site with message msg.  id is qualified with the
 * command's name unless it already holds a ','; target is set unless it is $null. */
Value cmdutil_error_rec(CmdCtx *c, ExcKind exc, ErrCategory cat, const char *id, Value target,
                        const char *msg);
/* Throw a terminating error of this command (message from fmt); returns ST_THROW. */
Status cmdutil_fail(CmdCtx *c, ExcKind exc, ErrCategory cat, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* An enum-typed argument i given by name (or number): *out = its index in names (-1 when the
 * parameter was not given), or ST_THROW with the binder's CannotConvertArgumentNoMessage
 * error listing the names. */
Status cmdutil_enum_arg(CmdCtx *c, int i, const char *const *names, int n, const char *type,
                        int *out);
/* The binder does not enforce [Parameter(Mandatory)] yet: pwsh (non-interactive) reports the
 * missing ones.  Pipeline-bound parameters are only missing when no input arrives (pipe = 1:
 * the PROCESS call of a first pipeline element). */
Status cmdutil_check_mandatory(CmdCtx *c, int pipe);

#endif
