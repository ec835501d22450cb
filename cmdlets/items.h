/*
** items: the item cmdlets (Get-ChildItem, Get-Item, New-Item, Remove-Item, Copy-Item,
** Move-Item, Rename-Item) over the file-system cores of fsitem.h and paths.h, plus the helpers
** the other file-system families share: walking -Path/-LiteralPath/pipeline input, wildcard
** expansion against the current location, and turning an FsError into an ErrorRecord.
*/
#ifndef PSM_CMDLETS_ITEMS_H
#define PSM_CMDLETS_ITEMS_H

#include "cmdlets/paths.h"
#include "runtime/command.h"

extern const CmdDef items_table[]; /* the family, static data */
extern const int items_count;      /* its number of entries */

/* Register the FileInfo/DirectoryInfo views (idempotent; cannot fail). */
void items_register_views(void);

/* A new ErrorRecord for err, raised by c's command: the id's command part is rewritten to
 * c's cmdlet ("PathNotFound,Microsoft.PowerShell.Commands.<VerbNoun>Command"), the target is
 * err->target.  Never fails. */
Value items_fs_record(CmdCtx *c, const FsError *err);
/* Write err as a non-terminating error of c. */
void items_write_error(CmdCtx *c, const FsError *err);
/* Raise err as a terminating error of c; returns ST_THROW. */
Status items_throw(CmdCtx *c, const FsError *err);

/* One path argument: literal = from -LiteralPath (no wildcard expansion). */
typedef Status (*ItemsPathFn)(CmdCtx *c, const char *path, int literal);
/* Call fn for each path given to c, from the command line or bound from the pipeline object
 * (the binder puts an item's PSPath in -LiteralPath, a string in -Path): each string of
 * arg[ilit] (literal) if given, else of arg[ipath] (wildcards); an index < 0 is absent.
 * Provider-qualified paths ("...\\FileSystem::/x") lose their provider part.  When neither
 * is given, dflt (NULL: none) is used once.  Stops at the first non-OK status. */
Status items_each_path(CmdCtx *c, int ipath, int ilit, const char *dflt, ItemsPathFn fn);
/* The path text of a value (owned): an item's FullName, else its string with any provider
 * qualifier ("Microsoft.PowerShell.Core\\FileSystem::") turned into its drive. */
char *items_path_of(Value v);
/* Parameter i has a value: from the command line, or bound from the current pipeline object
 * (the evaluator swaps that value into c->arg[i] for the process call); i < 0: no. */
int items_given(CmdCtx *c, int i);
/* The absolute paths path stands for: itself (made absolute, not checked) when literal or
 * free of wildcards, else the existing matches in name order (PATH_FORCE when force).
 * Returns the count (0 when a wildcard matches nothing) and *out (free with path_list_free). */
int items_expand(CmdCtx *c, const char *path, int literal, int force, char ***out);
/* path_full against the current location and home (owned). */
char *items_full(CmdCtx *c, const char *path);

#endif
