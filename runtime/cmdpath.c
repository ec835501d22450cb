/*
** cmdpath: command-name resolution (see cmdpath.h).  The cache is a short array searched
** linearly: a runspace uses a few dozen external commands at most, and a hit is re-checked
** with one stat() so a deleted or replaced file is searched again instead of failing.
*/
#include "runtime/cmdpath.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/mem.h"
#include "runtime/strbuf.h"

#define CACHE_MAX 64 /* entries; the oldest is replaced round-robin when full */

typedef struct CacheEntry {
    char *name; /* command name as typed */
    char *path; /* absolute path it resolved to */
} CacheEntry;

struct CmdPath {
    char *path_var;              /* the PATH value the cache was filled under (NULL: none yet) */
    CacheEntry cache[CACHE_MAX]; /* first ncache used */
    int ncache;
    int next; /* slot replaced next once the cache is full */
};

CmdPath *cmdpath_new(void)
{
    return xcalloc(1, sizeof(CmdPath));
}

void cmdpath_clear(CmdPath *cp)
{
    for (int i = 0; i < cp->ncache; i++) {
        free(cp->cache[i].name);
        free(cp->cache[i].path);
        cp->cache[i].name = cp->cache[i].path = NULL;
    }
    cp->ncache = 0;
    cp->next = 0;
}

void cmdpath_free(CmdPath *cp)
{
    if (!cp) return;
    cmdpath_clear(cp);
    free(cp->path_var);
    free(cp);
}

const char *cmdpath_env_get(char *const *envp, const char *var)
{
    size_t n = strlen(var);
    for (; envp && *envp; envp++)
        if (strncmp(*envp, var, n) == 0 && (*envp)[n] == '=') return *envp + n + 1;
    return NULL;
}

/* 1 if path is a regular file, and *xok = 1 if we may execute it. */
static int is_file(const char *path, int *xok)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    *xok = access(path, X_OK) == 0;
    return 1;
}

static int is_exec(const char *path)
{
    int xok = 0;
    return is_file(path, &xok) && xok;
}

/* Append path segment seg[0..len) to sb, folding "." and ".." lexically (as PowerShell's
** provider paths do). */
static void put_segment(StrBuf *sb, const char *seg, size_t len)
{
    if (len == 0 || (len == 1 && seg[0] == '.')) return;
    if (len == 2 && seg[0] == '.' && seg[1] == '.') {
        while (sb->len > 0 && sb->buf[sb->len - 1] != '/')
            sb->len--;
        if (sb->len > 1) sb->len--; /* drop the '/' too, but keep the root */
        sb->buf[sb->len] = '\0';
        return;
    }
    if (sb->len == 0 || sb->buf[sb->len - 1] != '/') sb_putc(sb, '/');
    sb_append(sb, seg, len);
}

static void put_path(StrBuf *sb, const char *p)
{
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t len = slash ? (size_t)(slash - p) : strlen(p);
        put_segment(sb, p, len);
        p += len + (slash != NULL);
    }
}

/* A new absolute, normalized path for name taken against cwd. */
static char *absolute(const char *name, const char *cwd)
{
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, '/');
    if (name[0] != '/') {
        char here[4096];
        if (!cwd) cwd = getcwd(here, sizeof here) ? here : "/";
        put_path(&sb, cwd);
    }
    put_path(&sb, name);
    return sb_take(&sb);
}

static CmdPathResult resolve_path(const char *name, const char *cwd, char **out)
{
    char *full = absolute(name, cwd);
    int xok = 0;
    if (!is_file(full, &xok)) {
        free(full);
        return CMDPATH_NOT_FOUND;
    }
    *out = full;
    return xok ? CMDPATH_FOUND : CMDPATH_NOT_EXECUTABLE;
}

/* Drop the cache if PATH changed since it was filled. */
static void sync_path(CmdPath *cp, const char *path_var)
{
    if (cp->path_var && strcmp(cp->path_var, path_var) == 0) return;
    cmdpath_clear(cp);
    free(cp->path_var);
    cp->path_var = xstrdup(path_var);
}

static int cache_find(CmdPath *cp, const char *name)
{
    for (int i = 0; i < cp->ncache; i++)
        if (strcmp(cp->cache[i].name, name) == 0) return i;
    return -1;
}

static void cache_put(CmdPath *cp, const char *name, const char *path)
{
    int i = cache_find(cp, name);
    if (i < 0 && cp->ncache < CACHE_MAX)
        i = cp->ncache++;
    else if (i < 0) {
        i = cp->next;
        cp->next = (cp->next + 1) % CACHE_MAX;
    }
    free(cp->cache[i].name); /* NULL for a fresh slot */
    free(cp->cache[i].path);
    cp->cache[i].name = xstrdup(name);
    cp->cache[i].path = xstrdup(path);
}

/* Search the PATH directories; a hit in an absolute directory is cached. */
static CmdPathResult search(CmdPath *cp, const char *name, const char *cwd, const char *dirs,
                            char **out)
{
    StrBuf sb;
    sb_init(&sb);
    for (const char *d = dirs; *d;) {
        const char *colon = strchr(d, ':');
        size_t len = colon ? (size_t)(colon - d) : strlen(d);
        if (len > 0) {
            sb_clear(&sb);
            sb_append(&sb, d, len);
            sb_putc(&sb, '/');
            sb_puts(&sb, name);
            char *full = absolute(sb_str(&sb), cwd); /* relative entries: against cwd */
            if (is_exec(full)) {
                *out = full;
                if (d[0] == '/') cache_put(cp, name, full);
                sb_free(&sb);
                return CMDPATH_FOUND;
            }
            free(full);
        }
        d += len + (colon != NULL);
    }
    sb_free(&sb);
    return CMDPATH_NOT_FOUND;
}

CmdPathResult cmdpath_resolve(CmdPath *cp, const char *name, const char *cwd, const char *path_var,
                              char **out)
{
    *out = NULL;
    if (!name[0]) return CMDPATH_NOT_FOUND;
    if (strchr(name, '/')) return resolve_path(name, cwd, out);
    if (!path_var) path_var = "";
    sync_path(cp, path_var);
    int i = cache_find(cp, name);
    if (i >= 0 && is_exec(cp->cache[i].path)) {
        *out = xstrdup(cp->cache[i].path);
        return CMDPATH_FOUND;
    }
    return search(cp, name, cwd, path_var, out);
}
