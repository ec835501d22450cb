/*
** fsitem: System.IO.FileInfo / DirectoryInfo values as pwsh 7.5 shows them on Linux (Name,
** FullName, Length, LastWriteTime, UnixMode, User, Group, Size, Mode, Attributes, PS* notes
** ...), the directory walk behind Get-ChildItem (-Recurse/-Depth/-Filter/-Include/-Exclude/
** -File/-Directory/-Force) and the "childrenWithUnixStat" table view.  An item is a snapshot
** of lstat() taken when it was made; it never touches the disk again.
*/
#ifndef PSM_CMDLETS_FSITEM_H
#define PSM_CMDLETS_FSITEM_H

#include <stddef.h>
#include <stdint.h>

#include "cmdlets/paths.h"
#include "runtime/fmt_view.h"
#include "runtime/value.h"

extern const ObjClass cls_fileinfo, cls_dirinfo;

/* What an item is made from (lstat of the path itself, plus the link's target). */
typedef struct FsStat {
    unsigned mode;            /* st_mode: type and permission bits */
    int64_t size;             /* st_size in bytes */
    int64_t mtime_ns;         /* last write, ns since the Unix epoch (UTC) */
    int64_t atime_ns;         /* last access */
    int64_t ctime_ns;         /* status change */
    int64_t btime_ns;         /* birth time; < 0 when the file system does not record it */
    unsigned uid, gid;        /* owner ids */
    const char *user, *group; /* owner names; NULL: looked up from uid/gid (or the number) */
    const char *link_target;  /* readlink() text for a symlink, else NULL */
    int target_is_dir;        /* symlink to a directory: the item is a DirectoryInfo */
} FsStat;

/* A FileInfo or DirectoryInfo for full_path (absolute, normalised) from st (copied).  A
 * directory, or a symlink to one, gives a DirectoryInfo.  Never fails. */
Value fsitem_from_stat(const char *full_path, const FsStat *st);
/* Get-Item: the item at full_path from the disk, or $null and err (PathNotFound,
 * Microsoft.PowerShell.Commands.GetItemCommand, "Cannot find path '...' because it does not
 * exist."). */
Value fsitem_get(const char *full_path, FsError *err);

int fsitem_is(Value v);             /* a FileInfo or DirectoryInfo (seen through wrappers) */
int fsitem_is_dir(Value v);         /* a DirectoryInfo */
const char *fsitem_path(Value v);   /* FullName, borrowed; NULL when not an item */
const char *fsitem_parent(Value v); /* parent directory path, borrowed; "" for "/" */

/* ---- the walk ---- */
typedef int (*FsItemFn)(void *ctx, Value item);         /* item borrowed; return nonzero to stop */
typedef void (*FsErrFn)(void *ctx, const FsError *err); /* a non-terminating error */
typedef void (*FsWarnFn)(void *ctx, const char *msg);   /* a warning (Write-Warning text) */

typedef struct FsListOpts {
    int recurse;                /* -Recurse */
    int depth;                  /* -Depth: levels below the start to descend; < 0 unlimited */
    const char *filter;         /* -Filter: wildcard on names, NULL for none */
    const char *const *include; /* -Include wildcards on names (any must match) */
    size_t ninclude;
    const char *const *exclude; /* -Exclude wildcards on names (none may match) */
    size_t nexclude;
    int files_only;      /* -File */
    int dirs_only;       /* -Directory */
    int force;           /* -Force: show (and enter) dot entries */
    int follow_symlinks; /* -FollowSymlink: enter linked directories; a directory already
                            visited once (by any route) is skipped with a warning */
    FsErrFn on_error;    /* unreadable subdirectories etc.; NULL: ignored */
    FsWarnFn on_warning; /* "Skip already-visited directory /x."; NULL: ignored */
    void *err_ctx;       /* passed to on_error and on_warning */
} FsListOpts;

void fs_list_opts_init(FsListOpts *o); /* everything off, depth -1 */

/*
** Get-ChildItem path: a directory's entries (directories first, then files, each in name
** order, as pwsh's CurrentCultureIgnoreCase sort), then with -Recurse each subdirectory's
** listing in that order (pwsh recurses in readdir order; sorting keeps output stable); a file
** path gives the file itself.  path must be absolute and normalised (path_full); a path with
** wildcards is the wrapper's job (path_resolve, then list each match).  Filters decide what is
** emitted, not where the walk goes; hidden (dot) entries are neither emitted nor entered
** without force.  Returns 0, 1 when fn stopped it, or -1 with err (PathNotFound,
** Microsoft.PowerShell.Commands.GetChildItemCommand) when path does not exist; a bad wildcard
** gives -1 too (InvalidArgument).  Unreadable subdirectories go to on_error
** (DirUnauthorizedAccessError, PermissionDenied: "Access to the path '/x' is denied.").
*/
int fs_list(const char *path, const FsListOpts *o, FsItemFn fn, void *ctx, FsError *err);

/* ---- formatting ---- */
/* Register the Linux table view (UnixMode User Group LastWriteTime Size Name).  Idempotent. */
void fsitem_register_views(void);
/* The -GroupBy column Get-ChildItem output uses: label "Directory", value the parent path. */
const FmtColumn *fsitem_group_column(void);

#endif
