/*
** output: Out-File as a family table.  The text is the formatter's (runtime/format.h), at
** -Width or the screen width (120 when stdout is not a terminal), transcoded to -Encoding
** (utf8NoBOM by default; utf8BOM, ascii, latin1, unicode, bigendianunicode, utf32,
** bigendianutf32) and written as it is produced.  Out-Default, Out-Host and Out-String stay
** the runtime's (runtime/streams.c); Tee-Object is the object family's (cmdlets/objects.c).
*/
#ifndef PSM_CMDLETS_OUTPUT_H
#define PSM_CMDLETS_OUTPUT_H

#include "runtime/command.h"

extern const CmdDef output_table[]; /* the family, static data */
extern const int output_count;      /* its number of entries */

#endif
