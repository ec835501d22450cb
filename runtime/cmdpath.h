/*
** cmdpath: resolve a command name to an executable file the way pwsh does on Linux.  A name
** containing '/' is a path (relative names are taken against the runspace's location, which
** the caller passes in: it need not be the process cwd); any other name is searched in the
** directories of $PATH (the value the caller passes, from the runspace's environment), and only
** executable regular files match.  A small cache per CmdPath (one per runspace) remembers
** PATH hits; it is dropped whenever the PATH value changes.  No global state.
*/
#ifndef PSM_RUNTIME_CMDPATH_H
#define PSM_RUNTIME_CMDPATH_H

typedef struct CmdPath CmdPath;

typedef enum CmdPathResult {
    CMDPATH_FOUND,          /* *out is the absolute path of an executable regular file */
    CMDPATH_NOT_FOUND,      /* no such command: pwsh's "The term 'x' is not recognized..." */
    CMDPATH_NOT_EXECUTABLE, /* a path ('/' in the name) to a regular file without execute bit */
} CmdPathResult;

/* A new, empty resolver.  Cannot fail.  Free with cmdpath_free. */
CmdPath *cmdpath_new(void);
void cmdpath_free(CmdPath *cp); /* NULL is fine */

/* Resolve name.  cwd: the runspace's current location (absolute; NULL = process cwd).
** path_var: the value of $env:PATH (NULL or "" = nothing is searched).  On CMDPATH_FOUND and
** CMDPATH_NOT_EXECUTABLE *out receives a new absolute path (caller frees); otherwise *out is
** NULL.  Empty PATH entries are skipped (pwsh never searches the current directory); relative
** entries are taken against cwd and their hits are not cached. */
CmdPathResult cmdpath_resolve(CmdPath *cp, const char *name, const char *cwd, const char *path_var,
                              char **out);

/* Forget every cached hit (e.g. after files were moved).  Cannot fail. */
void cmdpath_clear(CmdPath *cp);

/* The value of variable var in a NULL-terminated "NAME=value" array, or NULL.  Borrowed. */
const char *cmdpath_env_get(char *const *envp, const char *var);

#endif
