/*
** pathinfo: System.Management.Automation.PathInfo values, as $PWD and Get-Location,
** Push-Location/Pop-Location -PassThru and Resolve-Path produce them.  Properties Path and
** ProviderPath (both the path), Drive and Provider (their names: "Env" and
** "Microsoft.PowerShell.Core\Environment" for "Env:\", "/" and ...\FileSystem otherwise);
** the value prints as the path.
*/
#ifndef PSM_RUNTIME_PATHINFO_H
#define PSM_RUNTIME_PATHINFO_H

#include "runtime/value.h"

/* A new PathInfo for path (copied).  Never fails. */
Value pathinfo_new(const char *path);

#endif
