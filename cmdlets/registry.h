/*
** registry: the list of cmdlet families (Lua linit.c style).  Creating a runspace calls
** cmdlets_open_all, which registers every family's table with cmd_register, in order (a later
** family shadows an earlier one and the core built-ins of runtime/command.c).
*/
#ifndef PSM_CMDLETS_REGISTRY_H
#define PSM_CMDLETS_REGISTRY_H

#include "runtime/interp.h"

/* Register every family in I (and their formatting views).  Cannot fail. */
void cmdlets_open_all(Interp *I);

#endif
