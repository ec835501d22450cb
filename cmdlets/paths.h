/*
** paths: FileSystem-provider path rules on Linux as pwsh 7.5 applies them: Join-Path,
** Split-Path, Resolve-Path (wildcards, -Relative), Test-Path, `~` expansion and lexical
** normalisation of `.`/`..` (no disk access except where a function says it reads the disk).
** Backslashes are separators too, written back as '/'.  Returned strings are owned (xmalloc).
** Errors are FsError records carrying pwsh's message, FullyQualifiedErrorId and category.
*/
#ifndef PSM_CMDLETS_PATHS_H
#define PSM_CMDLETS_PATHS_H

#include <stddef.h>

#include "runtime/strbuf.h"

/* A failed file-system or process operation, as the cmdlet wrapper turns it into an
 * ErrorRecord.  id and category point to static strings. */
typedef struct FsError {
    const char *id;       /* FullyQualifiedErrorId, e.g. "PathNotFound,Microsoft...Command" */
    const char *category; /* ErrorCategory name, e.g. "ObjectNotFound" */
    char msg[512];        /* pwsh's message text */
    char target[512];     /* TargetObject: the path or name concerned ("" when none) */
} FsError;

/* Fill err (when not NULL) and return -1. */
int fs_fail(FsError *err, const char *id, const char *category, const char *target, const char *fmt,
            ...) __attribute__((format(printf, 5, 6)));

/* Name order used by listings and wildcard expansion: case-insensitive, ties broken by the
 * culture rule (lowercase first), then bytewise.  Cannot fail. */
int path_name_cmp(const char *a, const char *b);

/* ---- pure string functions ---- */
/* Join-Path parent child: one '/' between them ("a/" + "/b" -> "a/b"); an empty side gives
 * the other.  Owned result. */
char *path_join(const char *parent, const char *child);
/* Join-Path parent child -AdditionalChildPath more...: children joined left to right. */
char *path_join_all(const char *parent, const char *const *children, size_t n);

typedef enum PathPart {
    PATH_PARENT,     /* Split-Path (default) / -Parent: "/a/b" -> "/a", "/a" -> "/", "a" -> "" */
    PATH_LEAF,       /* -Leaf: "/a/b/" -> "b" */
    PATH_LEAFBASE,   /* -LeafBase: "x.tar.gz" -> "x.tar" */
    PATH_EXTENSION,  /* -Extension: "x.tar.gz" -> ".gz", "x" -> "" */
    PATH_QUALIFIER,  /* -Qualifier: "Env:/x" -> "Env:"; error when there is none */
    PATH_NOQUALIFIER /* -NoQualifier: "Env:/x" -> "/x" */
} PathPart;
/* Split-Path: append the part to out; 0, or -1 with err (ParsePathFormatError for a missing
 * qualifier). */
int path_split(const char *path, PathPart part, StrBuf *out, FsError *err);
/* Split-Path -IsAbsolute: rooted ("/x") or drive-qualified ("Env:x", "~" is not). */
int path_is_absolute(const char *path);
/* Collapse "//", "." and ".." lexically; ".." above "/" stays at "/", a relative path keeps
 * its leading ".."s; "" and "." give ".".  Owned. */
char *path_normalize(const char *path);
/* "~" and "~/rest" become home and home/rest; anything else is copied.  Owned. */
char *path_expand_home(const char *path, const char *home);
/* The absolute, normalised form of path seen from cwd (absolute), after `~` expansion. */
char *path_full(const char *cwd, const char *home, const char *path);
/* Resolve-Path -Relative: target (absolute) as seen from base (absolute): "./x", "../y/z",
 * "." for base itself.  Owned. */
char *path_relative(const char *base, const char *target);

/* ---- functions that read the disk ---- */
/* Options for path_resolve. */
enum {
    PATH_FORCE = 1,  /* -Force: wildcards also match hidden (dot) entries */
    PATH_LITERAL = 2 /* -LiteralPath: no wildcard expansion */
};
/* Resolve-Path: the existing absolute paths matching path (wildcards in any component), in
 * name order.  As in pwsh 7.5 a wildcard skips hidden (dot) entries without PATH_FORCE; a
 * literal component always matches.  Returns the count with *out an owned array of owned
 * strings (free with path_list_free), or -1 with err PathNotFound,
 * Microsoft.PowerShell.Commands.ResolvePathCommand when nothing matches. */
int path_resolve(const char *cwd, const char *home, const char *path, int flags, char ***out,
                 FsError *err);
void path_list_free(char **list, int n);

typedef enum PathType { PATHTYPE_ANY, PATHTYPE_LEAF, PATHTYPE_CONTAINER } PathType;
/* Test-Path [-PathType]: 1 when some item matching path exists (and is of that type: a
 * directory is a Container, anything else a Leaf).  Wildcards see hidden entries too;
 * flags takes PATH_LITERAL.  "" and blank paths give 0.  Cannot fail. */
int path_test(const char *cwd, const char *home, const char *path, int flags, PathType type);

#endif
