/*
** fsitem: FileInfo / DirectoryInfo objects, the Get-ChildItem walk and its table view.
** Properties come from one table of (name, kinds, getter); prop_at lends values from a
** per-item cache because the formatter borrows them.
*/
#define _GNU_SOURCE /* statx() for the birth time */
#include "cmdlets/fsitem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/array.h"
#include "runtime/datefmt.h"
#include "runtime/mem.h"
#include "runtime/wildcard.h"

#define PROVIDER "Microsoft.PowerShell.Core\\FileSystem"

typedef struct FsItem {
    Obj obj;
    char *full;                /* FullName, owned */
    char *parent;              /* parent directory ("" for "/"), owned */
    const char *name;          /* Name: the leaf inside full ("/" for the root) */
    char *user, *group, *link; /* owned; link NULL when not a symlink */
    FsStat st;                 /* strings in st are NOT used after creation */
    int is_dir;
    Value *cache; /* prop_at lends from here (lazily allocated) */
} FsItem;

/* ======================================================================== time and modes */

/* A .NET DateTime (ticks) from Unix nanoseconds: UTC, or local with the C library's zone. */
static Value time_value(int64_t ns, int local)
{
    int64_t utc = DT_UNIX_EPOCH_TICKS + ns / 100;
    if (!local) return val_datetime(utc, DT_UTC);
    int64_t off = (int64_t)dt_local_offset_min(utc) * 60 * DT_TICKS_PER_SECOND;
    return val_datetime(utc + off, DT_LOCAL);
}

static char type_char(unsigned m)
{
    static const struct {
        unsigned type;
        char c;
    } kinds[] = {{S_IFDIR, 'd'},  {S_IFLNK, 'l'}, {S_IFIFO, 'p'},
                 {S_IFSOCK, 's'}, {S_IFCHR, 'c'}, {S_IFBLK, 'b'}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if ((m & S_IFMT) == kinds[i].type) return kinds[i].c;
    return '-';
}

/* "drwxr-xr-x", with s/S t/T for setuid, setgid and sticky. */
static void unix_mode(unsigned m, char out[11])
{
    static const char rwx[] = "rwxrwxrwx";
    out[0] = type_char(m);
    for (int i = 0; i < 9; i++)
        out[1 + i] = (m & (1u << (8 - i))) ? rwx[i] : '-';
    static const struct {
        unsigned bit;
        int pos;
        char on, off;
    } special[] = {{S_ISUID, 3, 's', 'S'}, {S_ISGID, 6, 's', 'S'}, {S_ISVTX, 9, 't', 'T'}};
    for (size_t i = 0; i < 3; i++)
        if (m & special[i].bit)
            out[special[i].pos] = out[special[i].pos] == '-' ? special[i].off : special[i].on;
    out[10] = 0;
}

/* .NET on Unix: read-only when the write bit that applies to the current user is clear. */
static int is_readonly(const FsItem *it)
{
    unsigned m = it->st.mode;
    if (it->st.uid == (unsigned)geteuid()) return !(m & S_IWUSR);
    if (it->st.gid == (unsigned)getegid()) return !(m & S_IWGRP);
    return !(m & S_IWOTH);
}

static int is_link(const FsItem *it)
{
    return S_ISLNK(it->st.mode);
}

static int is_hidden(const FsItem *it)
{
    return it->name[0] == '.' && strcmp(it->name, "/") != 0;
}

/* FileAttributes flags in .NET's ToString order. */
static Value attributes(const FsItem *it)
{
    StrBuf sb = {0};
    const struct {
        int on;
        const char *name;
    } flags[] = {{it->is_dir ? 0 : is_readonly(it), "ReadOnly"},
                 {is_hidden(it), "Hidden"},
                 {it->is_dir, "Directory"},
                 {is_link(it), "ReparsePoint"}};
    for (size_t i = 0; i < 4; i++)
        if (flags[i].on) sb_printf(&sb, "%s%s", sb.len ? ", " : "", flags[i].name);
    if (!sb.len) sb_puts(&sb, "Normal");
    return val_str_take_sb(&sb);
}

/* pwsh's Mode: d|l, a, r, h, s. */
static Value mode_string(const FsItem *it)
{
    char m[6] = "-----";
    if (is_link(it))
        m[0] = 'l';
    else if (it->is_dir)
        m[0] = 'd';
    if (!it->is_dir && is_readonly(it)) m[2] = 'r';
    if (is_hidden(it)) m[3] = 'h';
    return val_str(m);
}

/* ======================================================================== names */

static size_t ext_start(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot ? (size_t)(dot - name) : strlen(name);
}

static Value provider_path(const char *p)
{
    StrBuf sb = {0};
    sb_printf(&sb, "%s::%s", PROVIDER, p);
    return val_str_take_sb(&sb);
}

static Value str_or_null(const char *s)
{
    return s ? val_str(s) : val_null();
}

/* NameString: "name -> target" for links. */
static Value name_string(const FsItem *it)
{
    if (!it->link) return val_str(it->name);
    StrBuf sb = {0};
    sb_printf(&sb, "%s -> %s", it->name, it->link);
    return val_str_take_sb(&sb);
}

static char *owner_name(const char *given, unsigned id, int is_group)
{
    if (given) return xstrdup(given);
    char buf[4096];
    if (is_group) {
        struct group g, *gp = NULL;
        if (getgrgid_r((gid_t)id, &g, buf, sizeof buf, &gp) == 0 && gp) return xstrdup(g.gr_name);
    } else {
        struct passwd p, *pp = NULL;
        if (getpwuid_r((uid_t)id, &p, buf, sizeof buf, &pp) == 0 && pp) return xstrdup(p.pw_name);
    }
    char num[24];
    snprintf(num, sizeof num, "%u", id);
    return xstrdup(num);
}

/* ======================================================================== properties */

static const FsItem *item_of(Value v)
{
    Value b = val_base(v);
    return (val_is(b, &cls_fileinfo) || val_is(b, &cls_dirinfo)) ? (const FsItem *)b.as.o : NULL;
}

static Value get_parent_item(const FsItem *it)
{
    return it->parent[0] ? fsitem_get(it->parent, NULL) : val_null();
}

static Value p_name(const FsItem *it)
{
    return val_str(it->name);
}
static Value p_full(const FsItem *it)
{
    return val_str(it->full);
}
static Value p_pspath(const FsItem *it)
{
    return provider_path(it->full);
}
static Value p_psparent(const FsItem *it)
{
    return it->parent[0] ? provider_path(it->parent) : val_str_empty();
}
static Value p_provider(const FsItem *it)
{
    return val_str(PROVIDER);
}
static Value p_drive(const FsItem *it)
{
    return val_str("/");
}
static Value p_container(const FsItem *it)
{
    return val_bool(it->is_dir);
}
static Value p_mode(const FsItem *it)
{
    return mode_string(it);
}
static Value p_ext(const FsItem *it)
{
    return val_str(it->name + ext_start(it->name));
}
static Value p_exists(const FsItem *it)
{
    return val_bool(1);
}
static Value p_length(const FsItem *it)
{
    return val_long(it->st.size);
}
static Value p_dirname(const FsItem *it)
{
    return val_str(it->parent);
}
static Value p_parent(const FsItem *it)
{
    return get_parent_item(it);
}
static Value p_root(const FsItem *it)
{
    return fsitem_get("/", NULL);
}
static Value p_readonly(const FsItem *it)
{
    return val_bool(is_readonly(it));
}
static Value p_attrs(const FsItem *it)
{
    return attributes(it);
}
static Value p_user(const FsItem *it)
{
    return val_str(it->user);
}
static Value p_group(const FsItem *it)
{
    return val_str(it->group);
}
static Value p_size(const FsItem *it)
{
    return val_long(it->st.size);
}
static Value p_link(const FsItem *it)
{
    return str_or_null(it->link);
}
static Value p_linktype(const FsItem *it)
{
    return is_link(it) ? val_str("SymbolicLink") : val_null();
}
static Value p_namestr(const FsItem *it)
{
    return name_string(it);
}
static Value p_mtime(const FsItem *it)
{
    return time_value(it->st.mtime_ns, 1);
}
static Value p_mtime_utc(const FsItem *it)
{
    return time_value(it->st.mtime_ns, 0);
}
static Value p_atime(const FsItem *it)
{
    return time_value(it->st.atime_ns, 1);
}
static Value p_atime_utc(const FsItem *it)
{
    return time_value(it->st.atime_ns, 0);
}

static Value p_basename(const FsItem *it)
{
    if (it->is_dir) return val_str(it->name);
    return val_str_n(it->name, ext_start(it->name));
}

/* .NET on Linux: the birth time when statx reports one, else the older of ctime and mtime. */
static int64_t birth_ns(const FsItem *it)
{
    if (it->st.btime_ns >= 0) return it->st.btime_ns;
    return it->st.ctime_ns < it->st.mtime_ns ? it->st.ctime_ns : it->st.mtime_ns;
}
static Value p_ctime(const FsItem *it)
{
    return time_value(birth_ns(it), 1);
}
static Value p_ctime_utc(const FsItem *it)
{
    return time_value(birth_ns(it), 0);
}

static Value p_unixmode(const FsItem *it)
{
    char m[11];
    unix_mode(it->st.mode, m);
    return val_str(m);
}

enum { K_FILE = 1, K_DIR = 2, K_ALL = 3 };

typedef struct Prop {
    const char *name;
    int kinds;
    Value (*get)(const FsItem *it);
} Prop;

/* Display order follows `Get-Item x | Format-List *` on Linux. */
static const Prop props[] = {
    {"PSPath", K_ALL, p_pspath},
    {"PSParentPath", K_ALL, p_psparent},
    {"PSChildName", K_ALL, p_name},
    {"PSDrive", K_ALL, p_drive},
    {"PSProvider", K_ALL, p_provider},
    {"PSIsContainer", K_ALL, p_container},
    {"Mode", K_ALL, p_mode},
    {"BaseName", K_ALL, p_basename},
    {"NameString", K_ALL, p_namestr},
    {"LinkType", K_ALL, p_linktype},
    {"Length", K_FILE, p_length},
    {"DirectoryName", K_FILE, p_dirname},
    {"Directory", K_FILE, p_parent},
    {"IsReadOnly", K_FILE, p_readonly},
    {"Parent", K_DIR, p_parent},
    {"Root", K_DIR, p_root},
    {"FullName", K_ALL, p_full},
    {"Extension", K_ALL, p_ext},
    {"Name", K_ALL, p_name},
    {"Exists", K_ALL, p_exists},
    {"CreationTime", K_ALL, p_ctime},
    {"CreationTimeUtc", K_ALL, p_ctime_utc},
    {"LastAccessTime", K_ALL, p_atime},
    {"LastAccessTimeUtc", K_ALL, p_atime_utc},
    {"LastWriteTime", K_ALL, p_mtime},
    {"LastWriteTimeUtc", K_ALL, p_mtime_utc},
    {"LinkTarget", K_ALL, p_link},
    {"Attributes", K_ALL, p_attrs},
    {"UnixMode", K_ALL, p_unixmode},
    {"User", K_ALL, p_user},
    {"Group", K_ALL, p_group},
    {"Size", K_ALL, p_size},
};
#define NPROPS (sizeof props / sizeof props[0])

static int kind_of(const FsItem *it)
{
    return it->is_dir ? K_DIR : K_FILE;
}

/* The i-th property that applies to it (index into props), or NPROPS. */
static size_t nth_prop(const FsItem *it, size_t i)
{
    for (size_t k = 0; k < NPROPS; k++)
        if ((props[k].kinds & kind_of(it)) && i-- == 0) return k;
    return NPROPS;
}

static int item_get(Value self, const char *name, size_t len, Value *out)
{
    const FsItem *it = item_of(self);
    for (size_t k = 0; k < NPROPS; k++) {
        if ((props[k].kinds & kind_of(it)) && str_ieq_slice(name, len, props[k].name)) {
            *out = props[k].get(it);
            return 1;
        }
    }
    return 0;
}

static size_t item_nprops(Value self)
{
    const FsItem *it = item_of(self);
    size_t n = 0;
    for (size_t k = 0; k < NPROPS; k++)
        n += (props[k].kinds & kind_of(it)) != 0;
    return n;
}

static void item_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    FsItem *it = (FsItem *)item_of(self);
    size_t k = nth_prop(it, i);
    if (!it->cache) it->cache = xcalloc(NPROPS, sizeof *it->cache);
    val_unref(it->cache[k]);
    it->cache[k] = props[k].get(it);
    *name = props[k].name;
    *len = strlen(props[k].name);
    *val = it->cache[k];
}

static void item_to_string(Value self, StrBuf *out)
{
    sb_puts(out, item_of(self)->full);
}

static void item_free(Obj *o)
{
    FsItem *it = (FsItem *)o;
    if (it->cache)
        for (size_t k = 0; k < NPROPS; k++)
            val_unref(it->cache[k]);
    free(it->cache);
    free(it->full);
    free(it->parent);
    free(it->user);
    free(it->group);
    free(it->link);
}

const ObjClass cls_fileinfo = {
    .name = "FileInfo",
    .full_name = "System.IO.FileInfo",
    .type = TY_OTHER,
    .free = item_free,
    .to_string = item_to_string,
    .get_prop = item_get,
    .nprops = item_nprops,
    .prop_at = item_prop_at,
};

const ObjClass cls_dirinfo = {
    .name = "DirectoryInfo",
    .full_name = "System.IO.DirectoryInfo",
    .type = TY_OTHER,
    .free = item_free,
    .to_string = item_to_string,
    .get_prop = item_get,
    .nprops = item_nprops,
    .prop_at = item_prop_at,
};

/* ======================================================================== construction */

static char *parent_of(const char *full)
{
    StrBuf sb = {0};
    if (strcmp(full, "/") != 0) path_split(full, PATH_PARENT, &sb, NULL);
    return sb_take(&sb);
}

Value fsitem_from_stat(const char *full_path, const FsStat *st)
{
    int dir = S_ISDIR(st->mode) || (S_ISLNK(st->mode) && st->target_is_dir);
    FsItem *it = (FsItem *)obj_alloc(dir ? &cls_dirinfo : &cls_fileinfo, sizeof *it);
    it->full = xstrdup(full_path);
    it->parent = parent_of(full_path);
    const char *slash = strrchr(it->full, '/');
    it->name = slash && slash[1] ? slash + 1 : it->full;
    it->st = *st;
    it->user = owner_name(st->user, st->uid, 0);
    it->group = owner_name(st->group, st->gid, 1);
    it->link = st->link_target ? xstrdup(st->link_target) : NULL;
    it->st.user = it->st.group = it->st.link_target = NULL;
    it->is_dir = dir;
    return val_obj_take(&it->obj);
}

static int64_t ts_ns(struct timespec t)
{
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static int64_t statx_birth(const char *path)
{
#ifdef STATX_BTIME
    struct statx sx;
    if (statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_BTIME, &sx) == 0 &&
        (sx.stx_mask & STATX_BTIME))
        return (int64_t)sx.stx_btime.tv_sec * 1000000000 + sx.stx_btime.tv_nsec;
#endif
    return -1;
}

/* Fill *fs from the disk; the link text goes to *link (owned).  -1 when path is missing. */
static int read_stat(const char *path, FsStat *fs, char **link)
{
    struct stat st, tst;
    if (lstat(path, &st) != 0) return -1;
    memset(fs, 0, sizeof *fs);
    fs->mode = st.st_mode;
    fs->size = st.st_size;
    fs->mtime_ns = ts_ns(st.st_mtim);
    fs->atime_ns = ts_ns(st.st_atim);
    fs->ctime_ns = ts_ns(st.st_ctim);
    fs->btime_ns = statx_birth(path);
    fs->uid = st.st_uid;
    fs->gid = st.st_gid;
    *link = NULL;
    if (S_ISLNK(st.st_mode)) {
        char buf[4096];
        ssize_t n = readlink(path, buf, sizeof buf - 1);
        *link = xstrndup(buf, n > 0 ? (size_t)n : 0);
        fs->link_target = *link;
        fs->target_is_dir = stat(path, &tst) == 0 && S_ISDIR(tst.st_mode);
    }
    return 0;
}

static Value item_from_disk(const char *path)
{
    FsStat fs;
    char *link;
    if (read_stat(path, &fs, &link) != 0) return val_null();
    Value v = fsitem_from_stat(path, &fs);
    free(link);
    return v;
}

Value fsitem_get(const char *full_path, FsError *err)
{
    Value v = item_from_disk(full_path);
    if (val_is_null(v))
        fs_fail(err, "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand", "ObjectNotFound",
                full_path, "Cannot find path '%s' because it does not exist.", full_path);
    return v;
}

int fsitem_is(Value v)
{
    return item_of(v) != NULL;
}

int fsitem_is_dir(Value v)
{
    const FsItem *it = item_of(v);
    return it && it->is_dir;
}

const char *fsitem_path(Value v)
{
    const FsItem *it = item_of(v);
    return it ? it->full : NULL;
}

const char *fsitem_parent(Value v)
{
    const FsItem *it = item_of(v);
    return it ? it->parent : NULL;
}

/* ======================================================================== the walk */

typedef struct DevIno {
    dev_t dev;
    ino_t ino;
} DevIno;

typedef struct Walk {
    const FsListOpts *o;
    Wildcard *filter;      /* NULL: none */
    Wildcard **inc, **exc; /* compiled -Include / -Exclude */
    FsItemFn fn;
    void *ctx;
    DevIno *open; /* directories being walked; with -FollowSymlink every one visited */
    size_t nopen, capopen;
    int stopped;
} Walk;

void fs_list_opts_init(FsListOpts *o)
{
    memset(o, 0, sizeof *o);
    o->depth = -1;
}

static int any_match(Wildcard *const *w, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (wildcard_test(w[i], name, strlen(name))) return 1;
    return 0;
}

/* 1 when the filters let item through. */
static int wanted(const Walk *w, const FsItem *it)
{
    const FsListOpts *o = w->o;
    if ((o->files_only && it->is_dir) || (o->dirs_only && !it->is_dir)) return 0;
    if (w->filter && !wildcard_test(w->filter, it->name, strlen(it->name))) return 0;
    if (o->ninclude && !any_match(w->inc, o->ninclude, it->name)) return 0;
    return !any_match(w->exc, o->nexclude, it->name);
}

static int emit(Walk *w, Value v)
{
    if (w->stopped || !wanted(w, (const FsItem *)v.as.o)) return 0;
    if (w->fn(w->ctx, v)) w->stopped = 1;
    return w->stopped;
}

/* Directories first, then files; each in name order. */
static int cmp_items(const void *a, const void *b)
{
    const FsItem *x = (const FsItem *)((const Value *)a)->as.o;
    const FsItem *y = (const FsItem *)((const Value *)b)->as.o;
    if (x->is_dir != y->is_dir) return x->is_dir ? -1 : 1;
    return path_name_cmp(x->name, y->name);
}

static void walk_error(const Walk *w, const char *path, int e)
{
    FsError err;
    if (!w->o->on_error) return;
    if (e == EACCES || e == EPERM)
        fs_fail(&err,
                "DirUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetChildItemCommand",
                "PermissionDenied", path, "Access to the path '%s' is denied.", path);
    else
        fs_fail(&err, "DirIOError,Microsoft.PowerShell.Commands.GetChildItemCommand", "ReadError",
                path, "%s", strerror(e));
    w->o->on_error(w->o->err_ctx, &err);
}

/* The entries of dir as items (unsorted) appended to *items; -1 with errno when unreadable. */
static int read_entries(const Walk *w, const char *dir, Value **items, size_t *n, size_t *cap)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *nm = e->d_name;
        if (!strcmp(nm, ".") || !strcmp(nm, "..")) continue;
        if (nm[0] == '.' && !w->o->force) continue;
        char *full = path_join(dir, nm);
        Value v = item_from_disk(full);
        free(full);
        if (!val_is_null(v)) ARRAY_PUSH(*items, *n, *cap, v);
    }
    closedir(d);
    return 0;
}

/* Enter dir: 0 when it is already open (or, with -FollowSymlink, was visited before, which
 * pwsh reports as a warning and skips). */
static int open_push(Walk *w, const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0) return 0;
    for (size_t i = 0; i < w->nopen; i++) {
        if (w->open[i].dev != st.st_dev || w->open[i].ino != st.st_ino) continue;
        if (w->o->follow_symlinks && w->o->on_warning) {
            char msg[600];
            snprintf(msg, sizeof msg, "Skip already-visited directory %s.", dir);
            w->o->on_warning(w->o->err_ctx, msg);
        }
        return 0;
    }
    DevIno di = {st.st_dev, st.st_ino};
    ARRAY_PUSH(w->open, w->nopen, w->capopen, di);
    return 1;
}

/* Leave a directory: forgotten, unless -FollowSymlink remembers every visit (InodeTracker). */
static void open_pop(Walk *w)
{
    if (!w->o->follow_symlinks) w->nopen--;
}

static int descend_ok(const Walk *w, const FsItem *it, int level)
{
    if (!w->o->recurse || !it->is_dir) return 0;
    if (w->o->depth >= 0 && level >= w->o->depth) return 0;
    return !is_link(it) || w->o->follow_symlinks;
}

static void walk_dir(Walk *w, const char *dir, int level)
{
    Value *items = NULL;
    size_t n = 0, cap = 0;
    if (!open_push(w, dir)) return; /* a symlink loop or a second visit */
    if (read_entries(w, dir, &items, &n, &cap) != 0) {
        walk_error(w, dir, errno);
        open_pop(w);
        return;
    }
    if (n) qsort(items, n, sizeof *items, cmp_items);
    for (size_t i = 0; i < n && !w->stopped; i++)
        emit(w, items[i]);
    for (size_t i = 0; i < n && !w->stopped; i++) {
        const FsItem *it = (const FsItem *)items[i].as.o;
        if (descend_ok(w, it, level)) walk_dir(w, it->full, level + 1);
    }
    for (size_t i = 0; i < n; i++)
        val_unref(items[i]);
    free(items);
    open_pop(w);
}

/* Compile the -Filter/-Include/-Exclude patterns; -1 with err for a bad one. */
static Wildcard *compile_one(const char *pat, FsError *err, int *bad)
{
    char *msg = NULL;
    Wildcard *wc = wildcard_compile(pat, strlen(pat), 1, &msg);
    if (!wc) {
        fs_fail(err, "WildcardPatternException,Microsoft.PowerShell.Commands.GetChildItemCommand",
                "InvalidArgument", pat, "%s", msg ? msg : "bad pattern");
        free(msg);
        *bad = 1;
    }
    return wc;
}

static int walk_compile(Walk *w, FsError *err)
{
    const FsListOpts *o = w->o;
    int bad = 0;
    w->inc = xcalloc(o->ninclude + 1, sizeof *w->inc);
    w->exc = xcalloc(o->nexclude + 1, sizeof *w->exc);
    if (o->filter) w->filter = compile_one(o->filter, err, &bad);
    for (size_t i = 0; i < o->ninclude && !bad; i++)
        w->inc[i] = compile_one(o->include[i], err, &bad);
    for (size_t i = 0; i < o->nexclude && !bad; i++)
        w->exc[i] = compile_one(o->exclude[i], err, &bad);
    return bad ? -1 : 0;
}

static void walk_free(Walk *w)
{
    wildcard_free(w->filter);
    for (size_t i = 0; i < w->o->ninclude; i++)
        wildcard_free(w->inc[i]);
    for (size_t i = 0; i < w->o->nexclude; i++)
        wildcard_free(w->exc[i]);
    free(w->inc);
    free(w->exc);
    free(w->open);
}

int fs_list(const char *path, const FsListOpts *o, FsItemFn fn, void *ctx, FsError *err)
{
    Walk w = {.o = o, .fn = fn, .ctx = ctx};
    Value top = item_from_disk(path);
    if (val_is_null(top))
        return fs_fail(err, "PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand",
                       "ObjectNotFound", path, "Cannot find path '%s' because it does not exist.",
                       path);
    int rc = walk_compile(&w, err);
    if (rc == 0 && fsitem_is_dir(top))
        walk_dir(&w, path, 0);
    else if (rc == 0)
        emit(&w, top);
    val_unref(top);
    walk_free(&w);
    return rc ? rc : w.stopped;
}

/* ======================================================================== the view */

/* LastWriteTime as the view shows it: '{0:d} {0:HH}:{0:mm}' in en-US. */
static Value view_time(void *ctx, Value obj)
{
    const FsItem *it = item_of(obj);
    if (!it) return val_null();
    Value t = time_value(it->st.mtime_ns, 1);
    DtParts p;
    memset(&p, 0, sizeof p);
    dt_from_ticks(t.as.i, &p);
    StrBuf sb = {0};
    dt_format(&sb, &p, "M/d/yyyy HH:mm", NF_EN_US);
    return val_str_take_sb(&sb);
}

static Value view_parent(void *ctx, Value obj)
{
    const FsItem *it = item_of(obj);
    return it ? val_str(it->parent) : val_null();
}

/* childrenWithUnixStat (pwsh 7.3+, PowerShell/PowerShell#18183): fixed widths 10/10/10/16/12. */
static const FmtColumn unix_cols[] = {
    {.label = "UnixMode", .prop = "UnixMode", .width = 10, .align = FMT_ALIGN_LEFT},
    {.label = "User", .prop = "User", .width = 10, .align = FMT_ALIGN_RIGHT},
    {.label = "Group", .prop = "Group", .width = 10, .align = FMT_ALIGN_LEFT},
    {.label = "LastWriteTime", .get = view_time, .width = 16, .align = FMT_ALIGN_RIGHT},
    {.label = "Size", .prop = "Size", .width = 12, .align = FMT_ALIGN_RIGHT},
    {.label = "Name", .prop = "NameString", .align = FMT_ALIGN_LEFT},
};

static int view_match(Value v)
{
    return fsitem_is(v);
}

static const FmtColumn group_col = {.label = "Directory", .get = view_parent};

/* A FileSystem view: GroupBy PSParentPath through FileSystemTypes-GroupingFormat, the header
 * "    Directory: <path>" before each directory's items. */
#define FS_VIEW(nm, tn, m, sh, c)                                                                  \
    {.name = nm,                                                                                   \
     .type_name = tn,                                                                              \
     .match = m,                                                                                   \
     .shape = sh,                                                                                  \
     .cols = c,                                                                                    \
     .ncols = sizeof c / sizeof c[0],                                                              \
     .group_by = &group_col,                                                                       \
     .group_indent = 4}

static const FmtView unix_view =
    FS_VIEW("childrenWithUnixStat", "System.IO.FileInfo", view_match, FMT_TABLE, unix_cols);

static int view_match_file(Value v)
{
    return fsitem_is(v) && !fsitem_is_dir(v);
}

static int view_match_dir(Value v)
{
    return fsitem_is_dir(v);
}

static Value view_target(void *ctx, Value obj)
{
    const FsItem *it = item_of(obj);
    return it ? p_link(it) : val_null();
}

/* VersionInfo ([FileVersionInfo]::GetVersionInfo($this.FullName)) as its ToString shows it;
 * on Linux every field but the file name is empty or False. */
static Value view_version(void *ctx, Value obj)
{
    static const char *const fields[] = {
        "InternalName:     ", "OriginalFilename: ", "FileVersion:      ",
        "FileDescription:  ", "Product:          ", "ProductVersion:   "};
    static const char *const flags[] = {
        "Debug:            ", "Patched:          ", "PreRelease:       ", "PrivateBuild:     ",
        "SpecialBuild:     "};
    const FsItem *it = item_of(obj);
    if (!it) return val_null();
    StrBuf sb = {0};
    sb_printf(&sb, "File:             %s\n", it->full);
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        sb_printf(&sb, "%s\n", fields[i]);
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
        sb_printf(&sb, "%sFalse\n", flags[i]);
    sb_puts(&sb, "Language:         \n");
    return val_str_take_sb(&sb);
}

/* Format-Wide's entry: the Name, in brackets for a directory. */
static Value view_wide_name(void *ctx, Value obj)
{
    const FsItem *it = item_of(obj);
    if (!it) return val_null();
    Value name = p_name(it);
    if (!fsitem_is_dir(obj)) return name;
    StrBuf sb = {0};
    sb_printf(&sb, "[%s]", val_str_data(name));
    val_unref(name);
    return val_str_take_sb(&sb);
}

/* The "children" list view: one entry for FileInfo, one for DirectoryInfo; both are named
 * "children" so that a list of mixed items switches between them object by object. */
static const FmtColumn list_file_cols[] = {
    {.prop = "Name"},
    {.prop = "Length"},
    {.prop = "CreationTime"},
    {.prop = "LastWriteTime"},
    {.prop = "LastAccessTime"},
    {.prop = "Mode"},
    {.prop = "LinkType"},
    {.label = "Target", .get = view_target},
    {.label = "VersionInfo", .get = view_version},
};
static const FmtColumn list_dir_cols[] = {
    {.prop = "Name"},
    {.prop = "CreationTime"},
    {.prop = "LastWriteTime"},
    {.prop = "LastAccessTime"},
    {.prop = "Mode"},
    {.prop = "LinkType"},
    {.label = "Target", .get = view_target},
};
static const FmtView list_file_view =
    FS_VIEW("children", "System.IO.FileInfo", view_match_file, FMT_LIST, list_file_cols);
static const FmtView list_dir_view =
    FS_VIEW("children", "System.IO.DirectoryInfo", view_match_dir, FMT_LIST, list_dir_cols);

static const FmtColumn wide_cols[] = {{.label = "Name", .get = view_wide_name}};
static const FmtView wide_view =
    FS_VIEW("children", "System.IO.FileInfo", view_match, FMT_WIDE, wide_cols);

void fsitem_register_views(void)
{
    static int done;
    if (done) return;
    done = 1;
    fmt_view_register(&unix_view);
    fmt_view_register(&list_file_view);
    fmt_view_register(&list_dir_view);
    fmt_view_register(&wide_view);
}

const FmtColumn *fsitem_group_column(void)
{
    return &group_col;
}
