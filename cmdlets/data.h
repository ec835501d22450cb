/*
** data: the data cmdlets (ConvertTo-Json, ConvertFrom-Json, ConvertTo-Csv, ConvertFrom-Csv,
** Export-Csv, Import-Csv, Select-String) as one family table.  The JSON and CSV work is done
** by the pure cores in cmdlets/json.h and cmdlets/csv.h; this family adds the parameters,
** pipeline buffering, files, warnings and error records.
*/
#ifndef PSM_CMDLETS_DATA_H
#define PSM_CMDLETS_DATA_H

#include "runtime/command.h"

extern const CmdDef data_table[]; /* the family, static data */
extern const int data_count;      /* its number of entries */

#endif
