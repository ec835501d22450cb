/*
** content: the content cmdlets (Get-Content, Set-Content, Add-Content) for files.  Text is
** UTF-8 (a BOM is skipped when read, written only for -Encoding utf8BOM); lines end in "\n"
** as pwsh writes them on Linux, and ReadLine's "\n", "\r\n" and "\r" all end a line on input.
*/
#ifndef PSM_CMDLETS_CONTENT_H
#define PSM_CMDLETS_CONTENT_H

#include "runtime/command.h"

extern const CmdDef content_table[]; /* the family, static data */
extern const int content_count;      /* its number of entries */

#endif
