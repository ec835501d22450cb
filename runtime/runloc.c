/*
** runloc: the runspace's location (see runloc.h).  Decision: the runspace that owns the
** process (the default for interp_new) keeps the process working directory in step with its
** location, so a child process, a relative fopen() in code that does not resolve paths yet,
** and the prompt all see the same directory as pwsh's $PWD.  Thread runspaces are detached
** by the job runner and keep their location here only.
*/
#include "runtime/runloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/pathinfo.h"
#include "runtime/strbuf.h"

typedef struct PathStack {
    char **items;
    size_t len, cap;
} PathStack;

struct RunLoc {
    char *cwd;               /* absolute and normalised, owned */
    char *drive;             /* a provider drive the location is on ("Env"), or NULL, owned */
    int owns_process;        /* chdir the process too */
    PathStack st[RLS_COUNT]; /* cd - history, cd + history, Push-Location stack */
    Value path_obj;          /* $ExecutionContext.SessionState.Path, or $null */
};

static void update_path_obj(RunLoc *l);

/* {SessionState = {Path = l->path_obj}}: the part of pwsh's EngineIntrinsics psmini has. */
static Value exec_context(RunLoc *l)
{
    Value ss = object_new_custom(), ec = object_new_custom();
    object_set_prop(ss, "Path", 4, l->path_obj);
    object_set_prop(ec, "SessionState", 12, ss);
    val_unref(ss);
    return ec;
}

RunLoc *runloc_new(Scope *global)
{
    RunLoc *l = xcalloc(1, sizeof *l);
    char *d = getcwd(NULL, 0);
    l->cwd = d ? d : xstrdup("/");
    l->owns_process = 1;
    l->path_obj = object_new_custom();
    update_path_obj(l);
    Var *v = scope_define(global, "ExecutionContext", 16);
    var_set_take(v, exec_context(l));
    var_set_flags(v, var_flags(v) | VF_CONSTANT);
    return l;
}

void runloc_free(RunLoc *l)
{
    if (!l) return;
    for (int k = 0; k < RLS_COUNT; k++) {
        while (l->st[k].len)
            free(l->st[k].items[--l->st[k].len]);
        free(l->st[k].items);
    }
    val_unref(l->path_obj);
    free(l->drive);
    free(l->cwd);
    free(l);
}

const char *runloc_get(Interp *I)
{
    return I->loc->cwd;
}

/* Append path to sb (which holds an absolute prefix), resolving . and .. segment by segment. */
static void put_segments(StrBuf *sb, const char *path)
{
    const char *p = path;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (sb->len > 1 && sb->buf[sb->len - 1] != '/')
                sb->len--;
            if (sb->len > 1) sb->len--; /* the slash before the dropped segment */
            sb->buf[sb->len] = 0;
        } else if (n && !(n == 1 && p[0] == '.')) {
            if (sb->len != 1) sb_putc(sb, '/');
            sb_append(sb, p, n);
        }
        p += n + (e != NULL);
    }
}

/* The absolute form of path against base (home for `~`), owned. */
static char *full_path(const char *base, const char *home, const char *path)
{
    StrBuf sb = {0};
    sb_putc(&sb, '/');
    if (path[0] == '~' && (path[1] == '/' || path[1] == 0)) {
        put_segments(&sb, home);
        path++;
    } else if (path[0] != '/') {
        put_segments(&sb, base);
    }
    put_segments(&sb, path);
    return sb_take(&sb);
}

char *runloc_full(Interp *I, const char *path)
{
    const char *home = getenv("HOME");
    return full_path(runloc_get(I), home && *home ? home : "/", path);
}

static char *display_of(const RunLoc *l)
{
    StrBuf sb = {0};
    if (l->drive)
        sb_printf(&sb, "%s:\\", l->drive);
    else
        sb_puts(&sb, l->cwd);
    return sb_take(&sb);
}

char *runloc_display(Interp *I)
{
    return display_of(I->loc);
}

const char *runloc_drive(Interp *I)
{
    return I->loc->drive;
}

static void update_path_obj(RunLoc *l)
{
    char *here = display_of(l);
    Value pi = pathinfo_new(here), fs = pathinfo_new(l->cwd);
    object_set_prop(l->path_obj, "CurrentLocation", 15, pi);
    object_set_prop(l->path_obj, "CurrentFileSystemLocation", 25, fs);
    val_unref(pi);
    val_unref(fs);
    free(here);
}

void runloc_set_drive(Interp *I, const char *drive)
{
    RunLoc *l = I->loc;
    free(l->drive);
    l->drive = xstrdup(drive);
    update_path_obj(l);
}

int runloc_set(Interp *I, const char *dir)
{
    RunLoc *l = I->loc;
    char *full = full_path(l->cwd, "/", dir);
    struct stat st;
    int rc = stat(full, &st);
    if (rc == 0 && !S_ISDIR(st.st_mode)) rc = -1, errno = ENOTDIR;
    if (rc == 0 && l->owns_process) rc = chdir(full);
    if (rc == 0 && !l->owns_process && access(full, X_OK) != 0) rc = -1; /* errno from access */
    if (rc != 0) {
        int e = errno;
        free(full);
        errno = e;
        return -1;
    }
    free(l->cwd);
    l->cwd = full;
    free(l->drive);
    l->drive = NULL;
    update_path_obj(l);
    return 0;
}

void runloc_detach(Interp *I)
{
    I->loc->owns_process = 0;
}

/* ---- stacks ---- */

void runloc_push(Interp *I, RunLocStack k, const char *path)
{
    PathStack *s = &I->loc->st[k];
    if (s->len == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->items = xrealloc(s->items, s->cap * sizeof *s->items);
    }
    s->items[s->len++] = xstrdup(path);
}

char *runloc_pop(Interp *I, RunLocStack k)
{
    PathStack *s = &I->loc->st[k];
    return s->len ? s->items[--s->len] : NULL;
}

void runloc_clear(Interp *I, RunLocStack k)
{
    PathStack *s = &I->loc->st[k];
    while (s->len)
        free(s->items[--s->len]);
}

size_t runloc_depth(Interp *I, RunLocStack k)
{
    return I->loc->st[k].len;
}

const char *runloc_peek(Interp *I, RunLocStack k, size_t i)
{
    PathStack *s = &I->loc->st[k];
    return i < s->len ? s->items[s->len - 1 - i] : NULL;
}
