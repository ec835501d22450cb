/*
** runloc: the runspace's current location (an absolute, normalised file-system path), its
** Set-Location history (cd - / cd +) and its Push-Location stack.  Every path resolution
** takes the location from here, never from getcwd().  The process working directory follows
** the location only for a runspace that owns the process (the shell's main runspace and a
** process job's server): so child processes, relative library calls and the prompt agree.
** A thread job's runspace is detached and never calls chdir.
*/
#ifndef PSM_RUNTIME_RUNLOC_H
#define PSM_RUNTIME_RUNLOC_H

#include <stddef.h>

#include "runtime/interp.h"
#include "runtime/scope.h"
#include "runtime/value.h"

typedef struct RunLoc RunLoc;

/* Called by interp_new / interp_free: the location starts at the process working directory
 * ("/" when unknown) and the runspace owns the process until runloc_detach.  runloc_new also
 * defines $ExecutionContext in global (SessionState.Path.CurrentLocation follows the location). */
RunLoc *runloc_new(Scope *global);
void runloc_free(RunLoc *l); /* NULL is fine */

/* The current location, borrowed: valid until the next runloc_set on I. */
const char *runloc_get(Interp *I);
/* Move to dir (absolute; normalised here).  Returns 0, or -1 with errno (ENOENT, ENOTDIR,
 * EACCES ...) and the location unchanged.  An owning runspace also chdirs the process. */
int runloc_set(Interp *I, const char *dir);
/* The location on a provider drive (Set-Location Env:): drive is its name as pwsh spells it
 * ("Env").  runloc_get keeps the last file-system directory, where native programs start
 * (pwsh's process directory stays on the file system too); runloc_set leaves the drive. */
void runloc_set_drive(Interp *I, const char *drive);
const char *runloc_drive(Interp *I); /* borrowed, NULL on the file system */
/* The location as Get-Location and $PWD show it: "Env:\" on a drive, else runloc_get (owned). */
char *runloc_display(Interp *I);
/* From now on I never changes the process working directory (thread runspaces). */
void runloc_detach(Interp *I);
/* path taken against the location (`~` is $HOME), with . and .. removed lexically (owned). */
char *runloc_full(Interp *I, const char *path);

/* The location stacks. */
typedef enum RunLocStack { RLS_BACK, RLS_FWD, RLS_PUSHED, RLS_COUNT } RunLocStack;
void runloc_push(Interp *I, RunLocStack k, const char *path);
char *runloc_pop(Interp *I, RunLocStack k); /* owned, NULL when empty */
void runloc_clear(Interp *I, RunLocStack k);
size_t runloc_depth(Interp *I, RunLocStack k);
const char *runloc_peek(Interp *I, RunLocStack k, size_t i); /* 0 = the top; borrowed */

#endif
