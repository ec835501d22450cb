/*
** drives: the runspace's non-file-system PowerShell drives, Variable:, Env:, Function: and
** Alias:, for the item cmdlets (Get-ChildItem, Get-Item, Test-Path, Remove-Item, Set-Item).
** A drive path is "<drive>:<name>" with an optional '/' or '\' after the colon; the name may
** be a wildcard pattern and is empty for the drive's root.  Items are the objects pwsh's
** providers give: PSVariable, DictionaryEntry (Name/Value), FunctionInfo and AliasInfo.
*/
#ifndef PSM_CMDLETS_DRIVES_H
#define PSM_CMDLETS_DRIVES_H

#include "runtime/command.h"

/* 1 when path starts with one of these drives (case-insensitive). */
int drives_is(const char *path);
/* The drive's name ("Env") when path is a drive root ("env:", "Env:\\"), else NULL. */
const char *drives_root(const char *path);
/* While the location is on a drive, a relative path qualified with it ("HOME" -> "Env:HOME";
 * owned); NULL when path stands as it is (the file system, or already drive-qualified). */
char *drives_qualify(Interp *I, const char *path);

/* Get-ChildItem: every item whose name matches (all for the root), sorted by name. */
Status drives_list(CmdCtx *c, const char *path, int literal);
/* Get-Item: the matching items; a literal name that does not exist is PathNotFound. */
Status drives_get(CmdCtx *c, const char *path, int literal);
/* Get-Content: the value of each matching item (a variable's value, an environment string,
 * a function's ScriptBlock, an alias's definition). */
Status drives_content(CmdCtx *c, const char *path, int literal);
/* Test-Path: 1 when the root or at least one matching item exists. */
int drives_test(CmdCtx *c, const char *path, int literal);
/* Remove-Item: remove the matching items (force: also ReadOnly variables). */
Status drives_remove(CmdCtx *c, const char *path, int literal, int force);
/* Set-Item: create or change the item name (Variable: in the current scope, Env:, Function:
 * from a ScriptBlock or its text, Alias: to a command name). */
Status drives_set(CmdCtx *c, const char *path, Value value, int force);

#endif
