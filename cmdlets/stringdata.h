/*
** stringdata: ConvertFrom-StringData, "name = value" lines to a Hashtable.  Registered in
** data.c's table (data_table) so the family list stays unchanged.
*/
#ifndef PSM_CMDLETS_STRINGDATA_H
#define PSM_CMDLETS_STRINGDATA_H

#include "runtime/command.h"

enum { STRINGDATA_NPARAMS = 2 };
extern const ParamSpec stringdata_params[STRINGDATA_NPARAMS];
Status stringdata_convert(CmdCtx *c);

#endif
