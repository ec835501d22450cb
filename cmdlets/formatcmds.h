/*
** formatcmds: Format-Table, Format-List and Format-Wide as one family table, over the
** formatting engine of runtime/format.h.  Design decision: pwsh's Format-* cmdlets emit
** FormatStartData/FormatEntryData objects that Out-Default renders later; psmini renders at
** once and emits the finished text as one String per line (blank lines included), at the
** screen width (120 when stdout is not a terminal).  Out-Default, Out-String and Out-File
** print strings one per line, so `Format-Table | Out-String`, `Format-List | Out-File x` and
** the console give pwsh's text byte for byte; `$x = Format-Table` holds those lines (an
** approximation: pwsh's $x holds format objects, and a later Out-String -Width cannot re-lay
** them out).  -Expand, -ShowError, -DisplayError, -Force and -RepeatHeader are accepted and
** ignored.
*/
#ifndef PSM_CMDLETS_FORMATCMDS_H
#define PSM_CMDLETS_FORMATCMDS_H

#include "runtime/command.h"

extern const CmdDef formatcmds_table[]; /* the family, static data */
extern const int formatcmds_count;      /* its number of entries */

#endif
