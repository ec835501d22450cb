/*
** paths: Join/Split/Resolve/Test-Path rules for the Linux FileSystem provider.  Paths are
** handled as lists of component slices; only path_resolve and path_test read directories.
*/
#include "cmdlets/paths.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "runtime/convert.h"
#include "runtime/mem.h"
#include "runtime/wildcard.h"

int fs_fail(FsError *err, const char *id, const char *category, const char *target, const char *fmt,
            ...)
{
    if (!err) return -1;
    err->id = id;
    err->category = category;
    snprintf(err->target, sizeof err->target, "%s", target ? target : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

int path_name_cmp(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    int r = convert_strcoll(a, la, b, lb, 0);
    if (!r) r = convert_strcoll(a, la, b, lb, 1);
    return r ? r : strcmp(a, b);
}

static int is_sep(char c)
{
    return c == '/' || c == '\\';
}

/* ======================================================================== components */

typedef struct Comp {
    const char *s;
    size_t len;
} Comp;

typedef struct Comps {
    Comp *v;
    size_t len, cap;
} Comps;

/* Split at separators, dropping empty components. */
static void comps_split(const char *p, Comps *c)
{
    while (*p) {
        while (is_sep(*p))
            p++;
        const char *start = p;
        while (*p && !is_sep(*p))
            p++;
        if (p > start) {
            Comp k = {start, (size_t)(p - start)};
            ARRAY_PUSH(c->v, c->len, c->cap, k);
        }
    }
}

static int comp_is(Comp k, const char *lit)
{
    return k.len == strlen(lit) && memcmp(k.s, lit, k.len) == 0;
}

/* Apply "." and ".." in place; abs: ".." at the root disappears. */
static void comps_fold(Comps *c, int abs)
{
    size_t o = 0;
    for (size_t i = 0; i < c->len; i++) {
        Comp k = c->v[i];
        if (comp_is(k, ".")) continue;
        if (comp_is(k, "..")) {
            if (o > 0 && !comp_is(c->v[o - 1], "..")) {
                o--;
                continue;
            }
            if (abs) continue;
        }
        c->v[o++] = k;
    }
    c->len = o;
}

static char *comps_join(const Comps *c, int abs)
{
    StrBuf sb = {0};
    if (abs) sb_putc(&sb, '/');
    for (size_t i = 0; i < c->len; i++) {
        if (i) sb_putc(&sb, '/');
        sb_append(&sb, c->v[i].s, c->v[i].len);
    }
    if (!sb.len) sb_putc(&sb, '.');
    return sb_take(&sb);
}

/* ======================================================================== join / normalise */

static void put_slashed(StrBuf *sb, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_putc(sb, is_sep(s[i]) ? '/' : s[i]);
}

char *path_join(const char *parent, const char *child)
{
    StrBuf sb = {0};
    size_t pl = strlen(parent);
    if (!*child || !pl) {
        put_slashed(&sb, pl ? parent : child, strlen(pl ? parent : child));
        return sb_take(&sb);
    }
    while (pl > 1 && is_sep(parent[pl - 1]))
        pl--;
    put_slashed(&sb, parent, pl);
    while (is_sep(*child))
        child++;
    if (!(sb.len == 1 && sb.buf[0] == '/')) sb_putc(&sb, '/');
    put_slashed(&sb, child, strlen(child));
    return sb_take(&sb);
}

char *path_join_all(const char *parent, const char *const *children, size_t n)
{
    char *acc = xstrdup(parent);
    for (size_t i = 0; i < n; i++) {
        char *next = path_join(acc, children[i]);
        free(acc);
        acc = next;
    }
    return acc;
}

char *path_normalize(const char *path)
{
    Comps c = {0};
    int abs = is_sep(path[0]);
    comps_split(path, &c);
    comps_fold(&c, abs);
    char *r = comps_join(&c, abs);
    free(c.v);
    return r;
}

char *path_expand_home(const char *path, const char *home)
{
    if (path[0] == '~' && (path[1] == 0 || is_sep(path[1])))
        return path[1] ? path_join(home, path + 2) : xstrdup(home);
    return xstrdup(path);
}

char *path_full(const char *cwd, const char *home, const char *path)
{
    char *p = path_expand_home(path, home);
    char *joined = is_sep(p[0]) ? xstrdup(p) : path_join(cwd, p);
    char *r = path_normalize(joined);
    free(p);
    free(joined);
    return r;
}

char *path_relative(const char *base, const char *target)
{
    Comps b = {0}, t = {0};
    char *nb = path_normalize(base), *nt = path_normalize(target);
    comps_split(nb, &b);
    comps_split(nt, &t);
    size_t k = 0;
    while (k < b.len && k < t.len && b.v[k].len == t.v[k].len &&
           memcmp(b.v[k].s, t.v[k].s, b.v[k].len) == 0)
        k++;
    StrBuf sb = {0};
    if (k == b.len) sb_putc(&sb, '.');
    for (size_t i = k; i < b.len; i++)
        sb_puts(&sb, i > k ? "/.." : "..");
    for (size_t i = k; i < t.len; i++) {
        sb_putc(&sb, '/');
        sb_append(&sb, t.v[i].s, t.v[i].len);
    }
    free(b.v);
    free(t.v);
    free(nb);
    free(nt);
    return sb_take(&sb);
}

/* ======================================================================== split */

/* Length of a drive qualifier "Name:" at the start (0 when none). */
static size_t qualifier_len(const char *p)
{
    size_t i = 0;
    while (p[i] && p[i] != ':' && !is_sep(p[i]))
        i++;
    return p[i] == ':' && i > 0 ? i + 1 : 0;
}

int path_is_absolute(const char *path)
{
    return is_sep(path[0]) || qualifier_len(path) > 0;
}

/* The leaf of path: [*start, *start + *len) after trailing separators are dropped. */
static void leaf_span(const char *path, size_t *start, size_t *len)
{
    size_t end = strlen(path);
    while (end > 0 && is_sep(path[end - 1]))
        end--;
    size_t s = end;
    while (s > 0 && !is_sep(path[s - 1]))
        s--;
    *start = s;
    *len = end - s;
}

static void split_parent(const char *path, StrBuf *out)
{
    size_t s, n;
    leaf_span(path, &s, &n);
    size_t end = s;
    while (end > 0 && is_sep(path[end - 1]))
        end--;
    if (end == 0 && s > 0 && n > 0) { /* "/a" -> "/" */
        sb_putc(out, '/');
        return;
    }
    put_slashed(out, path, end);
}

/* Index of the extension's '.' inside the leaf [s, s+n), or n when there is none. */
static size_t ext_at(const char *leaf, size_t n)
{
    for (size_t i = n; i > 0; i--)
        if (leaf[i - 1] == '.') return i - 1;
    return n;
}

int path_split(const char *path, PathPart part, StrBuf *out, FsError *err)
{
    size_t s, n, q = qualifier_len(path);
    leaf_span(path, &s, &n);
    switch (part) {
    case PATH_PARENT:
        split_parent(path, out);
        break;
    case PATH_LEAF:
        sb_append(out, path + s, n);
        break;
    case PATH_LEAFBASE:
        sb_append(out, path + s, ext_at(path + s, n));
        break;
    case PATH_EXTENSION: {
        size_t e = ext_at(path + s, n);
        sb_append(out, path + s + e, n - e);
        break;
    }
    case PATH_QUALIFIER:
        if (!q)
            return fs_fail(err,
                           "ParsePathFormatError,Microsoft.PowerShell.Commands.SplitPathCommand",
                           "InvalidArgument", path,
                           "Cannot parse path because path '%s' does not have a qualifier "
                           "specified.",
                           path);
        sb_append(out, path, q);
        break;
    case PATH_NOQUALIFIER:
        put_slashed(out, path + q, strlen(path + q));
        break;
    }
    return 0;
}

/* ======================================================================== resolve */

typedef struct Hits {
    char **v;
    size_t len, cap;
} Hits;

static int exists(const char *p)
{
    struct stat st;
    return lstat(p, &st) == 0;
}

static int cmp_names(const void *a, const void *b)
{
    return path_name_cmp(*(char *const *)a, *(char *const *)b);
}

/* Entries of dir matching the wildcard w, sorted; dot names only when dots is set. */
static void match_dir(const char *dir, const Wildcard *w, int dots, Hits *names)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *nm = e->d_name;
        if (!strcmp(nm, ".") || !strcmp(nm, "..")) continue;
        if (nm[0] == '.' && !dots) continue;
        if (wildcard_test(w, nm, strlen(nm)))
            ARRAY_PUSH(names->v, names->len, names->cap, xstrdup(nm));
    }
    closedir(d);
    if (names->len) qsort(names->v, names->len, sizeof *names->v, cmp_names);
}

/* Expand components c[i..] below the existing path base, appending full paths to hits;
 * dots: wildcards match dot entries. */
static void expand(const char *base, const Comps *c, size_t i, int dots, Hits *hits)
{
    if (i == c->len) {
        if (exists(base)) ARRAY_PUSH(hits->v, hits->len, hits->cap, xstrdup(base));
        return;
    }
    Comp k = c->v[i];
    if (!wildcard_has_meta(k.s, k.len)) {
        StrBuf lit = {0};
        wildcard_unescape(k.s, k.len, &lit);
        char *next = path_join(base, sb_str(&lit));
        sb_free(&lit);
        expand(next, c, i + 1, dots, hits);
        free(next);
        return;
    }
    Wildcard *w = wildcard_compile(k.s, k.len, 1, NULL);
    if (!w) return;
    Hits names = {0};
    match_dir(base, w, dots, &names);
    wildcard_free(w);
    for (size_t j = 0; j < names.len; j++) {
        char *next = path_join(base, names.v[j]);
        expand(next, c, i + 1, dots, hits);
        free(next);
        free(names.v[j]);
    }
    free(names.v);
}

/* Expand path (already absolute and normalised) into hits. */
static void glob_full(const char *full, int flags, Hits *hits)
{
    if (flags & PATH_LITERAL) {
        if (exists(full)) ARRAY_PUSH(hits->v, hits->len, hits->cap, xstrdup(full));
        return;
    }
    Comps c = {0};
    comps_split(full, &c);
    expand("/", &c, 0, (flags & PATH_FORCE) != 0, hits);
    free(c.v);
}

int path_resolve(const char *cwd, const char *home, const char *path, int flags, char ***out,
                 FsError *err)
{
    char *full = path_full(cwd, home, path);
    Hits hits = {0};
    glob_full(full, flags, &hits);
    *out = NULL;
    if (!hits.len) {
        fs_fail(err, "PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand",
                "ObjectNotFound", full, "Cannot find path '%s' because it does not exist.", full);
        free(full);
        return -1;
    }
    free(full);
    *out = hits.v;
    return (int)hits.len;
}

void path_list_free(char **list, int n)
{
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

static int type_ok(const char *p, PathType type)
{
    struct stat st;
    if (stat(p, &st) != 0 && lstat(p, &st) != 0) return 0;
    if (type == PATHTYPE_ANY) return 1;
    return (type == PATHTYPE_CONTAINER) == (S_ISDIR(st.st_mode) != 0);
}

int path_test(const char *cwd, const char *home, const char *path, int flags, PathType type)
{
    const char *p = path;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p) return 0;
    char *full = path_full(cwd, home, path);
    Hits hits = {0};
    glob_full(full, flags | PATH_FORCE, &hits);
    int ok = 0;
    for (size_t i = 0; i < hits.len; i++) {
        ok = ok || type_ok(hits.v[i], type);
        free(hits.v[i]);
    }
    free(hits.v);
    free(full);
    return ok;
}
