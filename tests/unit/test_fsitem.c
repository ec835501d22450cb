/*
** test_fsitem: path helpers (Join/Split/Resolve/Test-Path), FileInfo/DirectoryInfo values
** and the Get-ChildItem walk on a temporary tree this test builds, and the Linux table view
** with injected owners and dates.  Issue: cmdlet cores "items" (file system), 2026-11-24.
*/
#include <dirent.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cmdlets/fsitem.h"
#include "cmdlets/paths.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/datefmt.h"
#include "runtime/format.h"
#include "runtime/mem.h"
#include "tests/unit/check.h"

static char root[64]; /* the temporary tree */

/* ======================================================================== helpers */

static int count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

/* root + "/" + rel, in a static buffer. */
static const char *at(const char *rel)
{
    static char buf[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s%s%s", root, *rel ? "/" : "", rel);
    return buf[k];
}

static void put_file(const char *rel, const char *text)
{
    FILE *f = fopen(at(rel), "w");
    fputs(text, f);
    fclose(f);
}

/* Set a fixed mtime/atime (seconds since the epoch) on rel, not following links. */
static void set_time(const char *rel, time_t t)
{
    struct timespec ts[2] = {{t, 0}, {t, 0}};
    utimensat(AT_FDCWD, at(rel), ts, AT_SYMLINK_NOFOLLOW);
}

static void build_tree(void)
{
    strcpy(root, "/tmp/psm_items_XXXXXX");
    if (!mkdtemp(root)) abort();
    put_file("b.txt", "hello");
    put_file("A.md", "# x\n");
    put_file("c.tar.gz", "");
    put_file(".hidden", "h");
    mkdir(at("sub"), 0755);
    put_file("sub/x.txt", "xx");
    mkdir(at("sub/deep"), 0755);
    put_file("sub/deep/y.log", "y");
    mkdir(at("Zdir"), 0755);
    put_file("Zdir/z.txt", "z");
    mkdir(at(".hdir"), 0755);
    put_file(".hdir/h.txt", "h");
    symlink("b.txt", at("link"));
    symlink("sub", at("dlink"));
    symlink("..", at("sub/back"));
    chmod(at("b.txt"), 0644);
}

static void rm_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            rm_tree(p);
        else
            unlink(p);
    }
    if (d) closedir(d);
    rmdir(dir);
}

/* Collects the relative paths of listed items, joined by ",". */
typedef struct Names {
    StrBuf sb;
    int limit; /* stop after this many (0: no limit) */
    int n;
} Names;

static int collect(void *ctx, Value item)
{
    Names *nm = ctx;
    const char *p = fsitem_path(item);
    size_t rl = strlen(root);
    if (nm->sb.len) sb_putc(&nm->sb, ',');
    sb_puts(&nm->sb, strncmp(p, root, rl) == 0 ? p + rl + (p[rl] == '/') : p);
    if (fsitem_is_dir(item)) sb_putc(&nm->sb, '/');
    return nm->limit && ++nm->n >= nm->limit;
}

static char got[4096];

/* Collects warnings as "text|", with the tree's path shown as <r>. */
static void warn(void *ctx, const char *msg)
{
    StrBuf *sb = ctx;
    const char *r = strstr(msg, root);
    if (r) {
        sb_append(sb, msg, (size_t)(r - msg));
        sb_puts(sb, "<r>");
        msg = r + strlen(root);
    }
    sb_puts(sb, msg);
    sb_putc(sb, '|');
}

/* The listing of rel with o, as "a,b/,c" (directories end in '/'). */
static const char *list(const char *rel, const FsListOpts *o)
{
    Names nm = {{0}, 0, 0};
    FsError err;
    int rc = fs_list(at(rel), o, collect, &nm, &err);
    snprintf(got, sizeof got, "%s%s", rc < 0 ? "ERR:" : "", rc < 0 ? err.msg : sb_str(&nm.sb));
    sb_free(&nm.sb);
    return got;
}

/* Property name of item as text (ToString of the value). */
static const char *prop(Value item, const char *name)
{
    Value v;
    if (!val_get_prop(item, name, strlen(name), &v)) return "(none)";
    StrBuf sb = {0};
    if (val_is_null(v))
        sb_puts(&sb, "(null)");
    else
        convert_append_scalar(v, &sb);
    snprintf(got, sizeof got, "%s", sb_str(&sb));
    sb_free(&sb);
    val_unref(v);
    return got;
}

static const char *split(const char *path, PathPart part)
{
    StrBuf sb = {0};
    FsError err;
    if (path_split(path, part, &sb, &err) != 0)
        snprintf(got, sizeof got, "ERR:%s", err.msg);
    else
        snprintf(got, sizeof got, "%s", sb_str(&sb));
    sb_free(&sb);
    return got;
}

/* Owned-string check helper: compare and free. */
#define CHECK_OWN(expr, want)                                                                      \
    do {                                                                                           \
        char *s_ = (expr);                                                                         \
        CHECK_STR(s_, want);                                                                       \
        free(s_);                                                                                  \
    } while (0)

/* ======================================================================== paths */

static void test_join(void)
{
    CHECK_OWN(path_join("a", "b"), "a/b");
    CHECK_OWN(path_join("a/", "b"), "a/b");
    CHECK_OWN(path_join("a/", "/b"), "a/b");
    CHECK_OWN(path_join("a//", "//b"), "a/b");
    CHECK_OWN(path_join("/", "b"), "/b");
    CHECK_OWN(path_join("/", "/b"), "/b");
    CHECK_OWN(path_join("a\\b", "c"), "a/b/c");
    CHECK_OWN(path_join("a", ""), "a");
    CHECK_OWN(path_join("", "b"), "b");
    CHECK_OWN(path_join("/tmp", "x/y.txt"), "/tmp/x/y.txt");
    const char *more[] = {"b", "c/", "d"};
    CHECK_OWN(path_join_all("a", more, 3), "a/b/c/d");
    CHECK_OWN(path_join_all("a", more, 0), "a");
}

static void test_split(void)
{
    CHECK_STR(split("/a/b/c", PATH_PARENT), "/a/b");
    CHECK_STR(split("/a", PATH_PARENT), "/");
    CHECK_STR(split("a", PATH_PARENT), "");
    CHECK_STR(split("a/b", PATH_PARENT), "a");
    CHECK_STR(split("/a/b/", PATH_PARENT), "/a");
    CHECK_STR(split("./x", PATH_PARENT), ".");
    CHECK_STR(split("/a/b/c.txt", PATH_LEAF), "c.txt");
    CHECK_STR(split("/a/b/", PATH_LEAF), "b");
    CHECK_STR(split("c.txt", PATH_LEAF), "c.txt");
    CHECK_STR(split("/x/c.tar.gz", PATH_LEAFBASE), "c.tar");
    CHECK_STR(split("/x/c.tar.gz", PATH_EXTENSION), ".gz");
    CHECK_STR(split("/x/README", PATH_LEAFBASE), "README");
    CHECK_STR(split("/x/README", PATH_EXTENSION), "");
    CHECK_STR(split("/x/.bashrc", PATH_LEAFBASE), "");
    CHECK_STR(split("/x/.bashrc", PATH_EXTENSION), ".bashrc");
    CHECK_STR(split("Env:/Path", PATH_QUALIFIER), "Env:");
    CHECK_STR(split("Env:/Path", PATH_NOQUALIFIER), "/Path");
    CHECK_STR(split("/a/b", PATH_NOQUALIFIER), "/a/b");
    CHECK_STR(split("/a/b", PATH_QUALIFIER),
              "ERR:Cannot parse path because path '/a/b' does not have a qualifier specified.");
    StrBuf sb = {0};
    FsError err;
    CHECK(path_split("/a", PATH_QUALIFIER, &sb, &err) == -1);
    CHECK_STR(err.id, "ParsePathFormatError,Microsoft.PowerShell.Commands.SplitPathCommand");
    CHECK_STR(err.category, "InvalidArgument");
    CHECK_STR(err.target, "/a");
    sb_free(&sb);
    CHECK(path_is_absolute("/a"));
    CHECK(path_is_absolute("Env:Path"));
    CHECK(!path_is_absolute("a/b"));
    CHECK(!path_is_absolute("~/a"));
    CHECK(!path_is_absolute("./a"));
}

static void test_normalize(void)
{
    CHECK_OWN(path_normalize("/a/./b/../c"), "/a/c");
    CHECK_OWN(path_normalize("/../.."), "/");
    CHECK_OWN(path_normalize("/a//b/"), "/a/b");
    CHECK_OWN(path_normalize("a/../.."), "..");
    CHECK_OWN(path_normalize("../a/./b"), "../a/b");
    CHECK_OWN(path_normalize("."), ".");
    CHECK_OWN(path_normalize(""), ".");
    CHECK_OWN(path_normalize("a/b/../../"), ".");
    CHECK_OWN(path_normalize("/"), "/");
    CHECK_OWN(path_expand_home("~", "/home/u"), "/home/u");
    CHECK_OWN(path_expand_home("~/x", "/home/u"), "/home/u/x");
    CHECK_OWN(path_expand_home("~x", "/home/u"), "~x");
    CHECK_OWN(path_expand_home("a/~", "/home/u"), "a/~");
    CHECK_OWN(path_full("/w", "/h", "x/../y"), "/w/y");
    CHECK_OWN(path_full("/w", "/h", "~/d"), "/h/d");
    CHECK_OWN(path_full("/w", "/h", "/abs/./p"), "/abs/p");
    CHECK_OWN(path_full("/w/v", "/h", ".."), "/w");
    CHECK_OWN(path_full("/w", "/h", "."), "/w");
    CHECK_OWN(path_relative("/a/b", "/a/b/c.txt"), "./c.txt");
    CHECK_OWN(path_relative("/a/b", "/a/d/e"), "../d/e");
    CHECK_OWN(path_relative("/a/b", "/x"), "../../x");
    CHECK_OWN(path_relative("/a/b", "/a/b"), ".");
    CHECK_OWN(path_relative("/a/b", "/a"), "..");
    CHECK_OWN(path_relative("/", "/etc/passwd"), "./etc/passwd");
}

/* Resolve-Path results relative to the tree, joined by ",". */
static const char *resolve_f(const char *pat, int flags)
{
    char **out;
    FsError err;
    int n = path_resolve(root, "/nohome", pat, flags, &out, &err);
    StrBuf sb = {0};
    if (n < 0) sb_printf(&sb, "ERR:%s|%s|%s", err.id, err.category, err.msg);
    for (int i = 0; i < n; i++) {
        if (i) sb_putc(&sb, ',');
        sb_puts(&sb, out[i] + strlen(root));
    }
    if (n >= 0) path_list_free(out, n);
    snprintf(got, sizeof got, "%s", sb_str(&sb));
    sb_free(&sb);
    return got;
}

static const char *resolve(const char *pat)
{
    return resolve_f(pat, 0);
}

static void test_resolve(void)
{
    CHECK_STR(resolve("b.txt"), "/b.txt");
    CHECK_STR(resolve("./sub/../b.txt"), "/b.txt");
    CHECK_STR(resolve("*.txt"), "/b.txt");
    CHECK_STR(resolve("*"), "/A.md,/b.txt,/c.tar.gz,/dlink,/link,/sub,/Zdir");
    /* pwsh 7.5 (Resolve-Path.md example 8): hidden items need -Force, even for ".h*" */
    CHECK_STR(resolve_f(".h*", PATH_FORCE), "/.hdir,/.hidden");
    CHECK_STR(resolve_f("*", PATH_FORCE), "/.hdir,/.hidden,/A.md,/b.txt,/c.tar.gz,/dlink,/link,"
                                          "/sub,/Zdir");
    CHECK(strncmp(resolve(".h*"), "ERR:PathNotFound", 16) == 0);
    CHECK_STR(resolve(".hidden"), "/.hidden"); /* a literal name always resolves */
    CHECK_STR(resolve(".hdir/*"), "/.hdir/h.txt");
    put_file("odd[1].txt", "");
    CHECK_STR(resolve_f("odd[1].txt", PATH_LITERAL), "/odd[1].txt");
    CHECK(strncmp(resolve("odd[1].txt"), "ERR:", 4) == 0); /* [1] is a set: odd1.txt */
    CHECK_STR(resolve("odd`[1`].txt"), "/odd[1].txt");
    CHECK_STR(resolve("odd*"), "/odd[1].txt");
    CHECK(path_test(root, "/h", "odd[1].txt", PATH_LITERAL, PATHTYPE_LEAF));
    CHECK(!path_test(root, "/h", "odd[1].txt", 0, PATHTYPE_ANY));
    CHECK(!path_test(root, "/h", "odd*", PATH_LITERAL, PATHTYPE_ANY));
    CHECK(path_test(root, "/h", ".h*", 0, PATHTYPE_CONTAINER));
    unlink(at("odd[1].txt"));
    CHECK_STR(resolve("*/*.txt"), "/dlink/x.txt,/sub/x.txt,/Zdir/z.txt");
    CHECK_STR(resolve("s?b/deep/*"), "/sub/deep/y.log");
    CHECK_STR(resolve("[ab]*"), "/A.md,/b.txt");
    static const char nf[] = "ERR:PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand|"
                             "ObjectNotFound|Cannot find path '";
    CHECK(strncmp(resolve("SUB"), nf, strlen(nf)) == 0); /* names are case-sensitive */
    CHECK(strstr(got, "/SUB' because it does not exist.") != NULL);
    CHECK(strncmp(resolve("nomatch*"), nf, strlen(nf)) == 0);
    CHECK(strstr(got, "/nomatch*' because it does not exist.") != NULL);
    CHECK_STR(resolve("link"), "/link");
    CHECK_STR(resolve("dlink/deep"), "/dlink/deep");
    CHECK(path_test(root, "/h", "b.txt", 0, PATHTYPE_ANY));
    CHECK(path_test(root, "/h", "b.txt", 0, PATHTYPE_LEAF));
    CHECK(!path_test(root, "/h", "b.txt", 0, PATHTYPE_CONTAINER));
    CHECK(path_test(root, "/h", "sub", 0, PATHTYPE_CONTAINER));
    CHECK(!path_test(root, "/h", "sub", 0, PATHTYPE_LEAF));
    CHECK(path_test(root, "/h", "dlink", 0, PATHTYPE_CONTAINER));
    CHECK(path_test(root, "/h", "*.md", 0, PATHTYPE_LEAF));
    CHECK(!path_test(root, "/h", "*.none", 0, PATHTYPE_ANY));
    CHECK(!path_test(root, "/h", "missing", 0, PATHTYPE_ANY));
    CHECK(!path_test(root, "/h", "", 0, PATHTYPE_ANY));
    CHECK(!path_test(root, "/h", "   ", 0, PATHTYPE_ANY));
    CHECK(path_test(root, root, "~/sub/x.txt", 0, PATHTYPE_LEAF));
    CHECK(path_test("/", "/h", root, 0, PATHTYPE_CONTAINER));
}

/* ======================================================================== listing */

static void test_list(void)
{
    FsListOpts o;
    fs_list_opts_init(&o);
    CHECK(o.depth == -1 && !o.recurse && !o.force);
    CHECK_STR(list("", &o), "dlink/,sub/,Zdir/,A.md,b.txt,c.tar.gz,link");
    o.force = 1;
    CHECK_STR(list("", &o), ".hdir/,dlink/,sub/,Zdir/,.hidden,A.md,b.txt,c.tar.gz,link");
    o.force = 0;
    o.recurse = 1;
    CHECK_STR(list("", &o), "dlink/,sub/,Zdir/,A.md,b.txt,c.tar.gz,link,"
                            "sub/back/,sub/deep/,sub/x.txt,sub/deep/y.log,Zdir/z.txt");
    o.force = 1;
    CHECK_STR(list("", &o), ".hdir/,dlink/,sub/,Zdir/,.hidden,A.md,b.txt,c.tar.gz,link,"
                            ".hdir/h.txt,sub/back/,sub/deep/,sub/x.txt,sub/deep/y.log,Zdir/z.txt");
    o.force = 0;
    o.filter = "*.txt";
    CHECK_STR(list("", &o), "b.txt,sub/x.txt,Zdir/z.txt");
    o.filter = "*.TXT";
    CHECK_STR(list("", &o), "b.txt,sub/x.txt,Zdir/z.txt");
    o.filter = NULL;
    o.files_only = 1;
    CHECK_STR(list("", &o), "A.md,b.txt,c.tar.gz,link,sub/x.txt,sub/deep/y.log,Zdir/z.txt");
    o.files_only = 0;
    o.dirs_only = 1;
    CHECK_STR(list("", &o), "dlink/,sub/,Zdir/,sub/back/,sub/deep/");
    o.dirs_only = 0;
    o.depth = 0;
    CHECK_STR(list("", &o), "dlink/,sub/,Zdir/,A.md,b.txt,c.tar.gz,link");
    o.depth = 1;
    CHECK_STR(list("", &o), "dlink/,sub/,Zdir/,A.md,b.txt,c.tar.gz,link,"
                            "sub/back/,sub/deep/,sub/x.txt,Zdir/z.txt");
    o.depth = -1;
    const char *inc[] = {"*.txt", "*.log"};
    o.include = inc;
    o.ninclude = 2;
    CHECK_STR(list("", &o), "b.txt,sub/x.txt,sub/deep/y.log,Zdir/z.txt");
    const char *exc[] = {"x*", "Z*"};
    o.exclude = exc;
    o.nexclude = 2;
    CHECK_STR(list("", &o), "b.txt,sub/deep/y.log"); /* z.txt matches Z* (no case) */
    exc[1] = "Zdir";
    CHECK_STR(list("", &o), "b.txt,sub/deep/y.log,Zdir/z.txt"); /* Zdir's items still come */
    o.include = NULL;
    o.ninclude = 0;
    const char *exc2[] = {"*.txt"};
    o.exclude = exc2;
    o.nexclude = 1;
    o.recurse = 0;
    CHECK_STR(list("", &o), "dlink/,sub/,Zdir/,A.md,c.tar.gz,link");
    o.exclude = NULL;
    o.nexclude = 0;
    CHECK_STR(list("sub", &o), "sub/back/,sub/deep/,sub/x.txt");
    CHECK_STR(list("sub/deep", &o), "sub/deep/y.log");
}

static void test_list_edges(void)
{
    FsListOpts o;
    fs_list_opts_init(&o);
    /* a file path lists the file itself, subject to the filters */
    Names nm = {{0}, 0, 0};
    FsError err;
    CHECK(fs_list(at("b.txt"), &o, collect, &nm, &err) == 0);
    CHECK_STR(sb_str(&nm.sb), "b.txt");
    sb_free(&nm.sb);
    o.filter = "*.md";
    nm = (Names){{0}, 0, 0};
    CHECK(fs_list(at("b.txt"), &o, collect, &nm, &err) == 0);
    CHECK_STR(sb_str(&nm.sb), "");
    sb_free(&nm.sb);
    o.filter = NULL;
    /* missing path: a terminating PathNotFound */
    CHECK(fs_list(at("nope"), &o, collect, &nm, &err) == -1);
    CHECK_STR(err.id, "PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand");
    CHECK_STR(err.category, "ObjectNotFound");
    char want[256];
    snprintf(want, sizeof want, "Cannot find path '%s/nope' because it does not exist.", root);
    CHECK_STR(err.msg, want);
    CHECK_STR(err.target, at("nope"));
    /* a bad wildcard */
    o.filter = "[ab";
    CHECK(fs_list(at(""), &o, collect, &nm, &err) == -1);
    CHECK_STR(err.category, "InvalidArgument");
    CHECK_STR(err.msg, "The specified wildcard character pattern is not valid: [ab");
    o.filter = NULL;
    /* the callback stops the walk */
    nm = (Names){{0}, 2, 0};
    o.recurse = 1;
    CHECK(fs_list(at(""), &o, collect, &nm, &err) == 1);
    CHECK_STR(sb_str(&nm.sb), "dlink/,sub/");
    sb_free(&nm.sb);
    /* -FollowSymlink: every directory is entered once, by whichever route comes first
     * (dlink before sub); later routes are skipped with a warning */
    StrBuf warns = {0};
    o.follow_symlinks = 1;
    o.on_warning = warn;
    o.err_ctx = &warns;
    CHECK_STR(list("", &o), "dlink/,sub/,Zdir/,A.md,b.txt,c.tar.gz,link,"
                            "dlink/back/,dlink/deep/,dlink/x.txt,dlink/deep/y.log,Zdir/z.txt");
    CHECK_STR(sb_str(&warns), "Skip already-visited directory <r>/dlink/back.|"
                              "Skip already-visited directory <r>/sub.|");
    sb_clear(&warns);
    CHECK_STR(list("sub", &o), "sub/back/,sub/deep/,sub/x.txt,sub/back/dlink/,sub/back/sub/,"
                               "sub/back/Zdir/,sub/back/A.md,sub/back/b.txt,sub/back/c.tar.gz,"
                               "sub/back/link,sub/back/Zdir/z.txt,sub/deep/y.log");
    CHECK_STR(sb_str(&warns), "Skip already-visited directory <r>/sub/back/dlink.|"
                              "Skip already-visited directory <r>/sub/back/sub.|");
    sb_clear(&warns);
    /* without it, links are listed but never entered: no warnings */
    o.follow_symlinks = 0;
    CHECK_STR(list("", &o), "dlink/,sub/,Zdir/,A.md,b.txt,c.tar.gz,link,"
                            "sub/back/,sub/deep/,sub/x.txt,sub/deep/y.log,Zdir/z.txt");
    CHECK_STR(sb_str(&warns), "");
    sb_free(&warns);
}

/* ======================================================================== permissions */

static void keep_error(void *ctx, const FsError *e)
{
    FsError *dst = ctx;
    if (!dst->id) *dst = *e;
}

/* A tree with an unreadable directory, walked by a user the permissions apply to; returns 0
 * when every expectation holds, else the number of the first that failed. */
static int denied_walk(void)
{
    char dir[64] = "/tmp/psm_items_nb_XXXXXX", p[128], want[256];
    if (!mkdtemp(dir)) return 1;
    snprintf(p, sizeof p, "%s/locked", dir);
    mkdir(p, 0755);
    chmod(p, 0);
    FsListOpts o;
    fs_list_opts_init(&o);
    o.recurse = 1;
    FsError e = {0}, err;
    o.on_error = keep_error;
    o.err_ctx = &e;
    Names nm = {{0}, 0, 0};
    int rc = 0;
    snprintf(want, sizeof want, "%s/", p); /* listed (collect shows it in full) */
    if (fs_list(dir, &o, collect, &nm, &err) != 0) rc = 2;
    if (!rc && strcmp(sb_str(&nm.sb), want)) rc = 3;
    if (!rc && !e.id) rc = 4;
    snprintf(want, sizeof want, "Access to the path '%s' is denied.", p);
    if (!rc && strcmp(e.msg, want)) rc = 5;
    if (!rc && strcmp(e.id, "DirUnauthorizedAccessError,"
                            "Microsoft.PowerShell.Commands.GetChildItemCommand"))
        rc = 6;
    if (!rc && (strcmp(e.category, "PermissionDenied") || strcmp(e.target, p))) rc = 7;
    e.id = NULL; /* the directory itself unreadable: an error, not a failure */
    if (!rc && (fs_list(p, &o, collect, &nm, &err) != 0 || !e.id)) rc = 8;
    sb_free(&nm.sb);
    chmod(p, 0755);
    rmdir(p);
    rmdir(dir);
    return rc;
}

static void test_denied(void)
{
    if (getuid() != 0) {
        CHECK(denied_walk() == 0);
        return;
    }
    pid_t kid = fork(); /* root reads everything: walk as nobody */
    if (kid == 0) {
        if (setgid(65534) != 0 || setuid(65534) != 0) _exit(90);
        _exit(denied_walk());
    }
    int status = 0;
    CHECK(waitpid(kid, &status, 0) == kid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* ======================================================================== items */

static void test_file_item(void)
{
    set_time("b.txt", 1795527910); /* 2026-11-24 13:45:10 UTC */
    FsError err;
    Value f = fsitem_get(at("b.txt"), &err);
    CHECK(fsitem_is(f) && !fsitem_is_dir(f));
    CHECK_STR(val_type_name(f), "FileInfo");
    CHECK_STR(val_type_fullname(f), "System.IO.FileInfo");
    CHECK_STR(prop(f, "Name"), "b.txt");
    CHECK_STR(prop(f, "name"), "b.txt");
    CHECK_STR(prop(f, "FullName"), at("b.txt"));
    CHECK_STR(prop(f, "Extension"), ".txt");
    CHECK_STR(prop(f, "BaseName"), "b");
    CHECK_STR(prop(f, "Length"), "5");
    CHECK_STR(prop(f, "Size"), "5");
    CHECK_STR(prop(f, "DirectoryName"), root);
    CHECK_STR(prop(f, "Directory"), root);
    CHECK_STR(prop(f, "Exists"), "True");
    CHECK_STR(prop(f, "PSIsContainer"), "False");
    CHECK_STR(prop(f, "PSChildName"), "b.txt");
    char want[256];
    snprintf(want, sizeof want, "Microsoft.PowerShell.Core\\FileSystem::%s", root);
    CHECK_STR(prop(f, "PSParentPath"), want);
    snprintf(want, sizeof want, "Microsoft.PowerShell.Core\\FileSystem::%s/b.txt", root);
    CHECK_STR(prop(f, "PSPath"), want);
    CHECK_STR(prop(f, "PSProvider"), "Microsoft.PowerShell.Core\\FileSystem");
    CHECK_STR(prop(f, "UnixMode"), "-rw-r--r--");
    CHECK_STR(prop(f, "Mode"), "-----");
    CHECK_STR(prop(f, "Attributes"), "Normal");
    CHECK_STR(prop(f, "IsReadOnly"), "False");
    CHECK_STR(prop(f, "LinkTarget"), "(null)");
    CHECK_STR(prop(f, "LinkType"), "(null)");
    CHECK_STR(prop(f, "LastWriteTimeUtc"), "11/24/2026 13:45:10");
    CHECK_STR(prop(f, "LastWriteTime"), "11/24/2026 13:45:10"); /* TZ=UTC */
    CHECK_STR(prop(f, "LastAccessTimeUtc"), "11/24/2026 13:45:10");
    CHECK_STR(prop(f, "Parent"), "(none)"); /* files have Directory, not Parent */
    CHECK_STR(prop(f, "Nope"), "(none)");
    struct passwd *pw = getpwuid(getuid());
    CHECK_STR(prop(f, "User"), pw ? pw->pw_name : "?");
    Value t;
    CHECK(val_get_prop(f, "LastWriteTime", 13, &t) && t.kind == VAL_DATETIME && t.aux == 2);
    Value s = convert_to_string(f, NULL);
    CHECK_STR(val_str_data(s), at("b.txt"));
    val_unref(s);
    Value d;
    CHECK(val_get_prop(f, "Directory", 9, &d) && fsitem_is_dir(d));
    CHECK_STR(prop(d, "Name"), root + 5);
    val_unref(d);
    /* enumeration through the class hooks (what Format-List * sees) */
    const ObjClass *c = val_class(f);
    CHECK(c->nprops(f) == 30);
    const char *nm;
    size_t len;
    Value pv;
    c->prop_at(f, 0, &nm, &len, &pv);
    CHECK_STR(nm, "PSPath");
    c->prop_at(f, 10, &nm, &len, &pv);
    CHECK(len == 6 && !strncmp(nm, "Length", 6) && pv.kind == VAL_INT64 && pv.as.i == 5);
    c->prop_at(f, 10, &nm, &len, &pv); /* again: the lent value is replaced, not leaked */
    CHECK(pv.as.i == 5);
    val_unref(f);
    chmod(at("b.txt"), 0444);
    f = fsitem_get(at("b.txt"), &err);
    CHECK_STR(prop(f, "Attributes"), "ReadOnly");
    CHECK_STR(prop(f, "Mode"), "--r--");
    CHECK_STR(prop(f, "IsReadOnly"), "True");
    CHECK_STR(prop(f, "UnixMode"), "-r--r--r--");
    val_unref(f);
    chmod(at("b.txt"), 0644);
}

static void test_other_items(void)
{
    FsError err;
    Value v = fsitem_get(at("c.tar.gz"), &err);
    CHECK_STR(prop(v, "BaseName"), "c.tar");
    CHECK_STR(prop(v, "Extension"), ".gz");
    CHECK_STR(prop(v, "Length"), "0");
    val_unref(v);
    v = fsitem_get(at(".hidden"), &err);
    CHECK_STR(prop(v, "BaseName"), "");
    CHECK_STR(prop(v, "Extension"), ".hidden");
    CHECK_STR(prop(v, "Attributes"), "Hidden");
    CHECK_STR(prop(v, "Mode"), "---h-");
    val_unref(v);
    v = fsitem_get(at("sub"), &err);
    CHECK(fsitem_is_dir(v));
    CHECK_STR(val_type_name(v), "DirectoryInfo");
    CHECK_STR(val_type_fullname(v), "System.IO.DirectoryInfo");
    CHECK_STR(prop(v, "Mode"), "d----");
    CHECK_STR(prop(v, "Attributes"), "Directory");
    CHECK_STR(prop(v, "UnixMode"), "drwxr-xr-x");
    CHECK_STR(prop(v, "PSIsContainer"), "True");
    CHECK_STR(prop(v, "Parent"), root);
    CHECK_STR(prop(v, "Root"), "/");
    CHECK_STR(prop(v, "BaseName"), "sub");
    CHECK_STR(prop(v, "Length"), "(none)");
    CHECK(val_class(v)->nprops(v) == 28);
    CHECK_STR(fsitem_parent(v), root);
    val_unref(v);
    v = fsitem_get(at(".hdir"), &err);
    CHECK_STR(prop(v, "Attributes"), "Hidden, Directory");
    CHECK_STR(prop(v, "Mode"), "d--h-");
    val_unref(v);
    v = fsitem_get(at("link"), &err);
    CHECK(!fsitem_is_dir(v));
    CHECK_STR(prop(v, "Mode"), "l----");
    CHECK_STR(prop(v, "Attributes"), "ReparsePoint");
    CHECK_STR(prop(v, "UnixMode"), "lrwxrwxrwx");
    CHECK_STR(prop(v, "LinkTarget"), "b.txt");
    CHECK_STR(prop(v, "LinkType"), "SymbolicLink");
    CHECK_STR(prop(v, "NameString"), "link -> b.txt");
    val_unref(v);
    v = fsitem_get(at("dlink"), &err);
    CHECK(fsitem_is_dir(v));
    CHECK_STR(prop(v, "Attributes"), "Directory, ReparsePoint");
    CHECK_STR(prop(v, "Mode"), "l----");
    val_unref(v);
    symlink("nowhere", at("dangle")); /* a dangling link is a FileInfo */
    v = fsitem_get(at("dangle"), &err);
    CHECK(fsitem_is(v) && !fsitem_is_dir(v));
    CHECK_STR(prop(v, "Mode"), "l----");
    CHECK_STR(prop(v, "LinkTarget"), "nowhere");
    CHECK_STR(prop(v, "Length"), "7");
    val_unref(v);
    FsListOpts o;
    fs_list_opts_init(&o);
    o.recurse = 1;
    o.follow_symlinks = 1;
    o.files_only = 1;
    o.filter = "d*";
    CHECK_STR(list("", &o), "dangle");
    unlink(at("dangle"));
    v = fsitem_get("/", &err);
    CHECK_STR(prop(v, "Name"), "/");
    CHECK_STR(prop(v, "FullName"), "/");
    CHECK_STR(prop(v, "Parent"), "(null)");
    CHECK_STR(prop(v, "PSParentPath"), "");
    CHECK_STR(fsitem_parent(v), "");
    val_unref(v);
    v = fsitem_get(at("missing"), &err);
    CHECK(val_is_null(v));
    CHECK_STR(err.id, "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand");
    CHECK_STR(err.category, "ObjectNotFound");
    CHECK(strstr(err.msg, "/missing' because it does not exist.") != NULL);
    CHECK(!fsitem_is(val_int(1)) && !fsitem_is_dir(val_null()));
    CHECK(fsitem_path(val_null()) == NULL && fsitem_parent(val_int(3)) == NULL);
}

/* A fake stat for the view tests. */
static FsStat fake(unsigned mode, int64_t size, int64_t mtime_s, const char *user,
                   const char *group)
{
    FsStat st;
    memset(&st, 0, sizeof st);
    st.mode = mode;
    st.size = size;
    st.mtime_ns = st.atime_ns = st.ctime_ns = mtime_s * 1000000000;
    st.btime_ns = -1;
    st.user = user;
    st.group = group;
    return st;
}

static void test_injected(void)
{
    FsStat st = fake(S_IFREG | 04755, 12, 1795527910, "alice", "staff");
    Value v = fsitem_from_stat("/srv/app/run.sh", &st);
    CHECK_STR(prop(v, "UnixMode"), "-rwsr-xr-x");
    CHECK_STR(prop(v, "User"), "alice");
    CHECK_STR(prop(v, "Group"), "staff");
    CHECK_STR(prop(v, "DirectoryName"), "/srv/app");
    CHECK_STR(prop(v, "CreationTime"), "11/24/2026 13:45:10");
    val_unref(v);
    st = fake(S_IFDIR | 01777, 4096, 1795527910, NULL, NULL);
    st.uid = 4242424;
    st.gid = 4242425;
    st.ctime_ns = 1000000000;
    st.btime_ns = 2000000000;
    v = fsitem_from_stat("/tmp", &st);
    CHECK_STR(prop(v, "UnixMode"), "drwxrwxrwt");
    CHECK_STR(prop(v, "User"), "4242424"); /* no such user: the number */
    CHECK_STR(prop(v, "Group"), "4242425");
    CHECK_STR(prop(v, "CreationTimeUtc"), "01/01/1970 00:00:02"); /* the birth time */
    val_unref(v);
    st = fake(S_IFREG | 02640, 1, 0, "u", "g");
    st.ctime_ns = 5000000000;
    st.mtime_ns = 7000000000;
    v = fsitem_from_stat("/x", &st);
    CHECK_STR(prop(v, "UnixMode"), "-rw-r-S---");
    CHECK_STR(prop(v, "CreationTimeUtc"), "01/01/1970 00:00:05"); /* min(ctime, mtime) */
    val_unref(v);
    st = fake(S_IFIFO | 0600, 0, 0, "u", "g");
    v = fsitem_from_stat("/p", &st);
    CHECK_STR(prop(v, "UnixMode"), "prw-------");
    val_unref(v);
}

/* ======================================================================== the view */

static void test_view(void)
{
    fsitem_register_views();
    fsitem_register_views(); /* idempotent */
    FsStat a = fake(S_IFDIR | 0755, 4096, 1795527910, "alice", "staff");
    FsStat b = fake(S_IFREG | 0644, 1234567, 1762004700, "root", "root"); /* 2025-11-01 13:45 */
    FsStat c = fake(S_IFLNK | 0777, 5, 1795527910, "bob", "wheel");
    c.link_target = "b.txt";
    FsStat d = fake(S_IFREG | 0600, 0, 1795527910, "averyveryverylongname", "g");
    Value vals[5];
    vals[0] = fsitem_from_stat("/data/docs", &a);
    vals[1] = fsitem_from_stat("/data/b.txt", &b);
    vals[2] = fsitem_from_stat("/data/cur", &c);
    vals[3] = fsitem_from_stat("/data/docs/n", &d);
    vals[4] = fsitem_from_stat("/", &a);
    FmtOptions opt;
    fmt_options_init(&opt);
    opt.width = 120;
    opt.group_by = fsitem_group_column();
    StrBuf out = {0};
    fmt_values(&opt, vals, 4, &out);
    CHECK_STR(sb_str(&out),
              "\n"
              "   Directory: /data\n"
              "\n"
              "UnixMode         User Group         LastWriteTime         Size Name\n"
              "--------         ---- -----         -------------         ---- ----\n"
              "drwxr-xr-x      alice staff      11/24/2026 13:45         4096 docs\n"
              "-rw-r--r--       root root        11/1/2025 13:45      1234567 b.txt\n"
              "lrwxrwxrwx        bob wheel      11/24/2026 13:45            5 cur -> b.txt\n"
              "\n"
              "   Directory: /data/docs\n"
              "\n"
              "UnixMode         User Group         LastWriteTime         Size Name\n"
              "--------         ---- -----         -------------         ---- ----\n"
              "-rw------- \xe2\x80\xa6"
              "ylongname g          11/24/2026 13:45            0 n\n"
              "\n");
    sb_free(&out);
    /* without -GroupBy the view's own grouping shows (4 spaces; the root has no parent) */
    opt.group_by = NULL;
    fmt_values(&opt, vals + 4, 1, &out);
    CHECK_STR(sb_str(&out), "\n"
                            "    Directory: \n"
                            "\n"
                            "UnixMode         User Group         LastWriteTime         Size Name\n"
                            "--------         ---- -----         -------------         ---- ----\n"
                            "drwxr-xr-x      alice staff      11/24/2026 13:45         4096 /\n"
                            "\n");
    sb_free(&out);
    const FmtColumn *g = fsitem_group_column();
    CHECK_STR(g->label, "Directory");
    Value pv = g->get(g->get_ctx, vals[3]);
    CHECK_STR(val_str_data(pv), "/data/docs");
    val_unref(pv);
    for (int i = 0; i < 5; i++)
        val_unref(vals[i]);
}

int main(void)
{
    setenv("TZ", "UTC", 1);
    tzset();
    int fds = count_fds();
    test_join();
    test_split();
    test_normalize();
    test_injected();
    test_view();
    build_tree();
    test_resolve();
    test_list();
    test_list_edges();
    test_denied();
    test_file_item();
    test_other_items();
    rm_tree(root);
    CHECK(access(root, F_OK) != 0);
    CHECK(count_fds() == fds); /* no descriptor leaks */
    return check_done();
}
