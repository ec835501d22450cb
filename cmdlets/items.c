/*
** items: the item cmdlets (see items.h).  Argument plumbing (ParamSpec tables and the enums
** naming their c->arg[] indexes) sits beside each handler, apart from the file-system work,
** so moving to the parameter-set binder only touches the tables.  Disk changes use plain
** POSIX calls; failures become FsError records with pwsh's messages and ids.
*/
#include "cmdlets/items.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmdlets/cmdutil.h"
#include "cmdlets/drives.h"
#include "cmdlets/fsitem.h"
#include "cmdlets/location.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/wildcard.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))
/* -Path of most item cmdlets: ValueFromPipeline and ValueFromPipelineByPropertyName.  The
 * tables have one parameter set, so an item binds both its PSPath (-LiteralPath) and its text
 * (-Path); items_each_path takes -LiteralPath first, as pwsh's LiteralPath set would. */
#define PS_PATHIN (PS_PIPELINE | PS_BYPROP)

/* ================================================================ errors ==== */

/* ErrorCategory names the record type knows; the rest show as NotSpecified for now. */
static const struct {
    const char *name;
    ErrCategory cat;
    ExcKind exc;
} categories[] = {
    {"ObjectNotFound", ERRCAT_OBJECTNOTFOUND, EXC_EXCEPTION},
    {"InvalidArgument", ERRCAT_INVALIDARGUMENT, EXC_ARGUMENT},
    {"InvalidOperation", ERRCAT_INVALIDOPERATION, EXC_INVALIDOP},
    {"InvalidData", ERRCAT_INVALIDDATA, EXC_EXCEPTION},
    {"OperationStopped", ERRCAT_OPERATIONSTOPPED, EXC_EXCEPTION},
};

static size_t category_at(const char *name)
{
    for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++)
        if (name && strcmp(categories[i].name, name) == 0) return i;
    return (size_t)-1;
}

/* Exception types pwsh's providers throw for an error id, where the category alone does not
 * tell (PathNotFound is SessionState's ItemNotFoundException, caught by
 * catch [System.Management.Automation.ItemNotFoundException]). */
static const struct {
    const char *id;
    ExcKind exc;
} id_excs[] = {
    {"PathNotFound", EXC_ITEMNOTFOUND},
};

static ExcKind exc_of(const FsError *err, size_t k)
{
    size_t idlen = err->id ? strcspn(err->id, ",") : 0;
    for (size_t i = 0; i < sizeof id_excs / sizeof id_excs[0]; i++)
        if (idlen == strlen(id_excs[i].id) && strncmp(err->id, id_excs[i].id, idlen) == 0)
            return id_excs[i].exc;
    return k == (size_t)-1 ? EXC_EXCEPTION : categories[k].exc;
}

/* "<Id>,Microsoft.PowerShell.Commands.<VerbNoun>Command" for c's cmdlet. */
static void qualified_id(CmdCtx *c, const char *id, StrBuf *out)
{
    const char *comma = strchr(id, ',');
    sb_append(out, id, comma ? (size_t)(comma - id) : strlen(id));
    sb_puts(out, ",Microsoft.PowerShell.Commands.");
    for (const char *p = c->def->name; *p; p++)
        if (*p != '-') sb_putc(out, *p);
    sb_puts(out, "Command");
}

Value items_fs_record(CmdCtx *c, const FsError *err)
{
    StrBuf id = {0};
    qualified_id(c, err->id ? err->id : "NotSpecified", &id);
    size_t k = category_at(err->category);
    ErrInit e = {.msg = err->msg,
                 .id = sb_str(&id),
                 .exc = exc_of(err, k),
                 .cat = k == (size_t)-1 ? ERRCAT_NOTSPECIFIED : categories[k].cat,
                 .command = c->def->name,
                 .prog = c->node ? c->I->prog : NULL,
                 .start = c->node ? c->node->start : 0,
                 .end = c->node ? c->node->end : 0};
    e.inner = e.exc;
    Value rec = errrec_new(&e);
    sb_free(&id);
    if (err->target[0]) {
        Value t = val_str(err->target);
        errrec_set_target(rec, t);
        val_unref(t);
    }
    return rec;
}

void items_write_error(CmdCtx *c, const FsError *err)
{
    Value rec = items_fs_record(c, err);
    cmd_write_error(c, rec);
    val_unref(rec);
}

Status items_throw(CmdCtx *c, const FsError *err)
{
    return eval_throw_rec(c->I, items_fs_record(c, err), 0);
}

/* pwsh's "Cannot find path '<p>' because it does not exist." */
static void not_found(FsError *err, const char *path)
{
    fs_fail(err, "PathNotFound", "ObjectNotFound", path,
            "Cannot find path '%s' because it does not exist.", path);
}

/* An errno failure on path as an IOException-style record. */
static void io_fail(FsError *err, const char *id, const char *path, int errnum)
{
    if (errnum == EACCES || errnum == EPERM)
        fs_fail(err, id, "PermissionDenied", path, "Access to the path '%s' is denied.", path);
    else if (errnum == ENOENT || errnum == ENOTDIR)
        fs_fail(err, id, "WriteError", path, "Could not find a part of the path '%s'.", path);
    else
        fs_fail(err, id, "WriteError", path, "%s : '%s'", strerror(errnum), path);
}

/* ================================================================ paths ==== */

char *items_full(CmdCtx *c, const char *path)
{
    char *cwd = location_current(c->I);
    char *full = path_full(cwd, location_home(), path);
    free(cwd);
    return full;
}

int items_expand(CmdCtx *c, const char *path, int literal, int force, char ***out)
{
    if (literal || !wildcard_has_meta(path, strlen(path))) {
        *out = xmalloc(sizeof **out);
        (*out)[0] = items_full(c, path);
        return 1;
    }
    char *cwd = location_current(c->I);
    FsError err;
    int n = path_resolve(cwd, location_home(), path, force ? PATH_FORCE : 0, out, &err);
    free(cwd);
    if (n < 0) *out = NULL;
    return n < 0 ? 0 : n;
}

/* Provider-qualified paths ("Microsoft.PowerShell.Core\\FileSystem::/tmp/x", an item's PSPath,
 * or the short "FileSystem::/tmp/x") name the drive the provider serves. */
static const struct {
    const char *provider, *drive;
} providers[] = {
    {"FileSystem", ""},        {"Environment", "Env:"}, {"Variable", "Variable:"},
    {"Function", "Function:"}, {"Alias", "Alias:"},
};

static char *unqualify(const char *p)
{
    const char *sep = strstr(p, "::");
    if (!sep) return xstrdup(p);
    const char *name = sep;
    while (name > p && name[-1] != '\\')
        name--;
    for (size_t i = 0; i < sizeof providers / sizeof *providers; i++) {
        if (strlen(providers[i].provider) != (size_t)(sep - name) ||
            str_nicmp(name, providers[i].provider, (size_t)(sep - name)) != 0)
            continue;
        StrBuf sb = {0};
        sb_printf(&sb, "%s%s", providers[i].drive, sep + 2);
        return sb_take(&sb);
    }
    return xstrdup(p);
}

/* The path text of one pipeline or argument value (owned). */
char *items_path_of(Value v)
{
    if (fsitem_is(v)) return xstrdup(fsitem_path(v));
    Value s = convert_to_string(v, NULL);
    char *p = unqualify(val_str_data(s));
    val_unref(s);
    return p;
}

static Status each_value(CmdCtx *c, Value v, int literal, ItemsPathFn fn)
{
    size_t n = val_is_array(v) ? arr_len(v) : 1;
    Status st = ST_OK;
    for (size_t i = 0; i < n && !st; i++) {
        char *p = items_path_of(val_is_array(v) ? arr_peek(v, i) : v);
        st = fn(c, p, literal);
        free(p);
    }
    return st;
}

int items_given(CmdCtx *c, int i)
{
    return i >= 0 && (c->bound[i] || (c->has_input && !val_is_null(c->arg[i])));
}

Status items_each_path(CmdCtx *c, int ipath, int ilit, const char *dflt, ItemsPathFn fn)
{
    if (items_given(c, ilit)) return each_value(c, c->arg[ilit], 1, fn);
    if (items_given(c, ipath) && !val_is_null(c->arg[ipath]))
        return each_value(c, c->arg[ipath], 0, fn);
    return dflt ? fn(c, dflt, 1) : ST_OK;
}

static int flag(CmdCtx *c, int i)
{
    return c->bound[i] && convert_truthy(c->arg[i]);
}

/* arg[i] as an owned string, or NULL when unbound/$null. */
static char *arg_str(CmdCtx *c, int i)
{
    if (!items_given(c, i) || val_is_null(c->arg[i])) return NULL;
    return items_path_of(c->arg[i]);
}

/* The strings of a string[] argument, borrowed from c->arg[i]; *n of them (NULL when none). */
static const char **arg_strs(CmdCtx *c, int i, size_t *n)
{
    *n = 0;
    if (!c->bound[i] || val_is_null(c->arg[i])) return NULL;
    Value v = c->arg[i];
    size_t cnt = val_is_array(v) ? arr_len(v) : 1;
    const char **out = xcalloc(cnt + 1, sizeof *out);
    for (size_t k = 0; k < cnt; k++) {
        Value e = val_is_array(v) ? arr_peek(v, k) : v;
        if (val_is_str(e)) out[(*n)++] = val_str_data(e);
    }
    return out;
}

/* ======================================================== Get-ChildItem ==== */

typedef struct GciRun {
    CmdCtx *c;
    Status st;
    const char *base; /* listed directory: -Name prints paths relative to it */
    int names;        /* -Name */
} GciRun;

static int gci_item(void *ctx, Value item)
{
    GciRun *r = ctx;
    if (!r->names) {
        r->st = pipe_put(r->c->I, r->c->out, item);
        return r->st != ST_OK;
    }
    const char *p = fsitem_path(item);
    size_t bl = strlen(r->base);
    if (strncmp(p, r->base, bl) == 0 && p[bl] == '/')
        p += bl + 1;
    else if (strcmp(r->base, "/") == 0 && p[0] == '/')
        p += 1;
    else if (strrchr(p, '/'))
        p = strrchr(p, '/') + 1;
    Value s = val_str(p);
    r->st = pipe_put(r->c->I, r->c->out, s);
    val_unref(s);
    return r->st != ST_OK;
}

static void gci_error(void *ctx, const FsError *err)
{
    items_write_error(((GciRun *)ctx)->c, err);
}

enum {
    GCI_PATH,
    GCI_FILTER,
    GCI_INCLUDE,
    GCI_EXCLUDE,
    GCI_RECURSE,
    GCI_DEPTH,
    GCI_FORCE,
    GCI_NAME,
    GCI_LITERAL,
    GCI_FILE,
    GCI_DIRECTORY,
    GCI_FOLLOW
};
static const ParamSpec gci_params[] = {
    [GCI_PATH] =
        {.name = "Path", .type = TY_STRING, .is_array = 1, .position = 0, .flags = PS_PATHIN},
    [GCI_FILTER] = {.name = "Filter", .type = TY_STRING, .position = 1},
    [GCI_INCLUDE] = {.name = "Include", .type = TY_STRING, .is_array = 1, .position = -1},
    [GCI_EXCLUDE] = {.name = "Exclude", .type = TY_STRING, .is_array = 1, .position = -1},
    [GCI_RECURSE] =
        {.name = "Recurse", .alias = "s", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GCI_DEPTH] = {.name = "Depth", .type = TY_INT32, .position = -1},
    [GCI_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GCI_NAME] = {.name = "Name", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GCI_LITERAL] = {.name = "LiteralPath",
                     .alias = "PSPath LP",
                     .type = TY_STRING,
                     .is_array = 1,
                     .position = -1,
                     .flags = PS_BYPROP},
    [GCI_FILE] =
        {.name = "File", .alias = "af", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GCI_DIRECTORY] =
        {.name = "Directory", .alias = "ad", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GCI_FOLLOW] = {.name = "FollowSymlink", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static void gci_opts(CmdCtx *c, FsListOpts *o)
{
    fs_list_opts_init(o);
    o->recurse = flag(c, GCI_RECURSE);
    if (c->bound[GCI_DEPTH]) {
        o->recurse = 1;
        o->depth = (int)c->arg[GCI_DEPTH].as.i;
    }
    char *f = arg_str(c, GCI_FILTER);
    o->filter = f; /* freed in gci_opts_free */
    o->include = arg_strs(c, GCI_INCLUDE, &o->ninclude);
    o->exclude = arg_strs(c, GCI_EXCLUDE, &o->nexclude);
    o->files_only = flag(c, GCI_FILE);
    o->dirs_only = flag(c, GCI_DIRECTORY);
    o->force = flag(c, GCI_FORCE);
    o->follow_symlinks = flag(c, GCI_FOLLOW);
    o->on_error = gci_error;
}

static void gci_opts_free(FsListOpts *o)
{
    free((char *)o->filter);
    free((void *)o->include);
    free((void *)o->exclude);
}

/* List one absolute path (a directory's children, or a file itself). */
static Status gci_one(CmdCtx *c, const char *full, int explicit_path)
{
    FsListOpts o;
    gci_opts(c, &o);
    GciRun r = {.c = c, .base = full, .names = flag(c, GCI_NAME)};
    o.err_ctx = &r;
    FsError err;
    if (fs_list(full, &o, gci_item, &r, &err) < 0 && explicit_path) items_write_error(c, &err);
    gci_opts_free(&o);
    return r.st;
}

/* 1 when name passes every -Include/-Exclude pattern of c. */
static int gci_wanted(CmdCtx *c, const char *name)
{
    size_t ni, nx;
    const char **inc = arg_strs(c, GCI_INCLUDE, &ni), **exc = arg_strs(c, GCI_EXCLUDE, &nx);
    int ok = ni == 0;
    for (size_t i = 0; i < ni && !ok; i++)
        ok = wildcard_match(inc[i], strlen(inc[i]), name, strlen(name), 1, NULL) == 1;
    for (size_t i = 0; i < nx && ok; i++)
        ok = wildcard_match(exc[i], strlen(exc[i]), name, strlen(name), 1, NULL) != 1;
    free((void *)inc);
    free((void *)exc);
    return ok;
}

/* pwsh's -Include/-Exclude without -Recurse: they filter the items the path itself names
 * (so `-Path dir -Include *.txt` gives nothing, `-Path dir/<star> -Include *.txt` the files). */
static Status gci_filtered(CmdCtx *c, const char *full)
{
    if (!gci_wanted(c, strrchr(full, '/') ? strrchr(full, '/') + 1 : full)) return ST_OK;
    FsError err;
    Value item = fsitem_get(full, &err);
    GciRun r = {.c = c, .base = fsitem_parent(item), .names = flag(c, GCI_NAME)};
    if (!val_is_null(item)) gci_item(&r, item);
    val_unref(item);
    return r.st;
}

/* -Recurse with a wildcard leaf ("./<star>.txt"): pwsh walks the parent with the leaf as a
 * filter (Get-ChildItem example 3).  Returns 1 when it handled the path. */
static int gci_recurse_leaf(CmdCtx *c, const char *path, int literal, Status *st)
{
    const char *slash = strrchr(path, '/');
    const char *leaf = slash ? slash + 1 : path;
    if (literal || !(flag(c, GCI_RECURSE) || c->bound[GCI_DEPTH]) ||
        !wildcard_has_meta(leaf, strlen(leaf)) || wildcard_has_meta(path, (size_t)(leaf - path)))
        return 0;
    char *parent = slash ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup(".");
    char *full = items_full(c, parent);
    FsListOpts o;
    gci_opts(c, &o);
    const char *inc[1] = {leaf};
    if (!o.filter)
        o.filter = xstrdup(leaf);
    else if (!o.ninclude) {
        free((void *)o.include);
        o.include = xmalloc(sizeof inc);
        ((const char **)o.include)[0] = leaf;
        o.ninclude = 1;
    }
    GciRun r = {.c = c, .base = full, .names = flag(c, GCI_NAME)};
    o.err_ctx = &r;
    FsError err;
    if (fs_list(full, &o, gci_item, &r, &err) < 0) items_write_error(c, &err);
    gci_opts_free(&o);
    free(parent);
    free(full);
    *st = r.st;
    return 1;
}

static Status gci_path(CmdCtx *c, const char *path, int literal)
{
    char *q = drives_qualify(c->I, path);
    if (q) {
        Status st = drives_list(c, q, literal);
        free(q);
        return st;
    }
    if (drives_is(path)) return drives_list(c, path, literal);
    Status rst;
    if (gci_recurse_leaf(c, path, literal, &rst)) return rst;
    char **list;
    int n = items_expand(c, path, literal, flag(c, GCI_FORCE), &list);
    int quirk = (c->bound[GCI_INCLUDE] || c->bound[GCI_EXCLUDE]) && !flag(c, GCI_RECURSE) &&
                !c->bound[GCI_DEPTH] && !literal && wildcard_has_meta(path, strlen(path));
    Status st = ST_OK;
    if (c->bound[GCI_INCLUDE] && !flag(c, GCI_RECURSE) && !c->bound[GCI_DEPTH] && !quirk)
        n = n > 0 ? (path_list_free(list, n), 0) : 0;
    for (int i = 0; i < n && !st; i++)
        st = quirk ? gci_filtered(c, list[i]) : gci_one(c, list[i], 1);
    if (n > 0) path_list_free(list, n);
    return st;
}

/* Get-ChildItem [[-Path] <string[]>] [[-Filter] <string>] [-Include <string[]>]
 *   [-Exclude <string[]>] [-Recurse] [-Depth <uint>] [-Force] [-Name] [-File] [-Directory]
 *   [-LiteralPath <string[]>] [-FollowSymlink] */
static Status get_child_item(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return items_each_path(c, GCI_PATH, GCI_LITERAL, ".", gci_path);
}

/* ============================================================= Get-Item ==== */

enum { GI_PATH, GI_LITERAL, GI_FORCE };
static const ParamSpec gi_params[] = {
    [GI_PATH] =
        {.name = "Path", .type = TY_STRING, .is_array = 1, .position = 0, .flags = PS_PATHIN},
    [GI_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath LP",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1,
                    .flags = PS_BYPROP},
    [GI_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static Status gi_path(CmdCtx *c, const char *path, int literal)
{
    char *q = drives_qualify(c->I, path);
    if (q) {
        Status st = drives_get(c, q, literal);
        free(q);
        return st;
    }
    if (drives_is(path)) return drives_get(c, path, literal);
    char **list;
    int n = items_expand(c, path, literal, flag(c, GI_FORCE), &list);
    Status st = ST_OK;
    for (int i = 0; i < n && !st; i++) {
        FsError err;
        Value item = fsitem_get(list[i], &err);
        if (val_is_null(item)) {
            items_write_error(c, &err);
            continue;
        }
        st = pipe_put(c->I, c->out, item);
        val_unref(item);
    }
    if (n > 0) path_list_free(list, n);
    return st;
}

/* Get-Item [-Path] <string[]> [-LiteralPath <string[]>] [-Force] */
static Status get_item(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return items_each_path(c, GI_PATH, GI_LITERAL, NULL, gi_path);
}

/* ============================================================= New-Item ==== */

/* mkdir -p: 0, or -1 with errno. */
static int make_dirs(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0) return S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
    char *parent = xstrdup(path);
    char *slash = strrchr(parent, '/');
    int rc = 0;
    if (slash && slash != parent) {
        *slash = '\0';
        rc = make_dirs(parent);
    }
    free(parent);
    if (rc == 0 && mkdir(path, 0777) != 0 && errno != EEXIST) rc = -1;
    return rc;
}

/* Write len bytes of text to path (truncating, or appending): 0, or -1 with errno. */
static int write_file(const char *path, const char *text, size_t len, int append)
{
    int fd = open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0666);
    if (fd < 0) return -1;
    while (len > 0) {
        ssize_t w = write(fd, text, len);
        if (w < 0) {
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        text += w;
        len -= (size_t)w;
    }
    return close(fd);
}

enum { NI_PATH, NI_TYPE, NI_NAME, NI_VALUE, NI_FORCE };
static const ParamSpec ni_params[] = {
    [NI_PATH] =
        {.name = "Path", .type = TY_STRING, .is_array = 1, .position = 0, .flags = PS_BYPROP},
    [NI_TYPE] = {.name = "ItemType",
                 .alias = "Type",
                 .type = TY_STRING,
                 .position = -1,
                 .flags = PS_BYPROP},
    [NI_NAME] = {.name = "Name", .type = TY_STRING, .position = -1, .flags = PS_BYPROP},
    [NI_VALUE] = {.name = "Value",
                  .alias = "Target",
                  .type = TY_OBJECT,
                  .position = -1,
                  .flags = PS_PIPELINE | PS_BYPROP},
    [NI_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

typedef enum NiKind { NI_FILE, NI_DIR, NI_LINK, NI_BAD } NiKind;

static NiKind ni_kind(CmdCtx *c)
{
    static const struct {
        const char *name;
        NiKind kind;
    } kinds[] = {{"File", NI_FILE}, {"Directory", NI_DIR}, {"SymbolicLink", NI_LINK}};
    char *t = arg_str(c, NI_TYPE);
    NiKind k = t ? NI_BAD : NI_FILE;
    for (size_t i = 0; t && i < sizeof kinds / sizeof kinds[0]; i++)
        if (str_nicmp(kinds[i].name, t, strlen(t)) == 0 && *t) k = kinds[i].kind;
    free(t);
    return k;
}

/* The -Value text (owned; "" when none). */
static char *ni_value(CmdCtx *c)
{
    Value v = c->arg[NI_VALUE];
    if (val_is_null(v)) return xstrdup("");
    Value s = convert_to_string(v, NULL);
    char *t = xstrdup(val_str_data(s));
    val_unref(s);
    return t;
}

static int ni_file(CmdCtx *c, const char *full, int force, FsError *err)
{
    struct stat st;
    if (stat(full, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return fs_fail(err, "NewItemIOError", "WriteError", full,
                           "Access to the path '%s' is denied.", full);
        if (!force)
            return fs_fail(err, "NewItemIOError", "WriteError", full,
                           "The file '%s' already exists.", full);
    }
    if (force) {
        char *parent = xstrdup(full);
        *strrchr(parent, '/') = '\0';
        if (*parent) make_dirs(parent);
        free(parent);
    }
    char *text = ni_value(c);
    int rc = write_file(full, text, strlen(text), 0);
    free(text);
    if (rc != 0) io_fail(err, "NewItemIOError", full, errno);
    return rc;
}

static int ni_dir(const char *full, int force, FsError *err)
{
    struct stat st;
    if (stat(full, &st) == 0 && !force)
        return fs_fail(err, S_ISDIR(st.st_mode) ? "DirectoryExist" : "NewItemIOError",
                       "ResourceExists", full, "An item with the specified name %s already exists.",
                       full);
    if (make_dirs(full) != 0) {
        io_fail(err, "NewItemIOError", full, errno);
        return -1;
    }
    return 0;
}

static int ni_link(CmdCtx *c, const char *full, int force, FsError *err)
{
    char *target = ni_value(c);
    if (force) unlink(full);
    int rc = symlink(target, full);
    free(target);
    if (rc != 0) io_fail(err, "NewItemIOError", full, errno);
    return rc;
}

static Status ni_path(CmdCtx *c, const char *path, int literal)
{
    char *name = arg_str(c, NI_NAME);
    char *joined = name ? path_join(path, name) : xstrdup(path);
    char *full = items_full(c, joined);
    int force = flag(c, NI_FORCE);
    FsError err;
    NiKind k = ni_kind(c);
    int rc = k == NI_DIR    ? ni_dir(full, force, &err)
             : k == NI_LINK ? ni_link(c, full, force, &err)
                            : ni_file(c, full, force, &err);
    Status st = ST_OK;
    if (rc != 0) {
        items_write_error(c, &err);
    } else {
        Value item = fsitem_get(full, &err);
        if (!val_is_null(item)) st = pipe_put(c->I, c->out, item);
        val_unref(item);
    }
    free(name);
    free(joined);
    free(full);
    return st;
}

/* New-Item [-Path] <string[]> [-ItemType <string>] [-Name <string>] [-Value <Object>] [-Force] */
static Status new_item(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (ni_kind(c) == NI_BAD) {
        FsError err;
        fs_fail(&err, "Argument", "InvalidArgument", "",
                "The type is not a known type for the file system. Only \"file\",\"directory\" or "
                "\"symboliclink\" can be specified.");
        return items_throw(c, &err);
    }
    return items_each_path(c, NI_PATH, -1, ".", ni_path);
}

/* ========================================================== Remove-Item ==== */

/* rm -r: 0, or -1 with errno (and *failed the path that failed, owned). */
static int remove_tree(const char *path, char **failed)
{
    struct stat st;
    if (lstat(path, &st) != 0) return (*failed = xstrdup(path), -1);
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (!d) return (*failed = xstrdup(path), -1);
        struct dirent *e;
        int rc = 0;
        while (rc == 0 && (e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            char *child = path_join(path, e->d_name);
            rc = remove_tree(child, failed);
            free(child);
        }
        closedir(d);
        if (rc != 0) return rc;
        return rmdir(path) == 0 ? 0 : (*failed = xstrdup(path), -1);
    }
    return unlink(path) == 0 ? 0 : (*failed = xstrdup(path), -1);
}

static int dir_has_children(const char *path)
{
    DIR *d = opendir(path);
    if (!d) return 0;
    struct dirent *e;
    int any = 0;
    while (!any && (e = readdir(d)) != NULL)
        any = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return any;
}

enum { RI_PATH, RI_LITERAL, RI_RECURSE, RI_FORCE };
static const ParamSpec ri_params[] = {
    [RI_PATH] =
        {.name = "Path", .type = TY_STRING, .is_array = 1, .position = 0, .flags = PS_PATHIN},
    [RI_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath LP",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1,
                    .flags = PS_BYPROP},
    [RI_RECURSE] =
        {.name = "Recurse", .alias = "r", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [RI_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static int ri_one(CmdCtx *c, const char *full, FsError *err)
{
    struct stat st;
    if (lstat(full, &st) != 0) return (not_found(err, full), -1);
    if (S_ISDIR(st.st_mode) && !flag(c, RI_RECURSE) && dir_has_children(full))
        return fs_fail(err, "DirectoryNotEmpty", "WriteError", full,
                       "The item at %s has children and the Recurse parameter was not "
                       "specified. If you continue, all children will be removed with the "
                       "item. Are you sure you want to continue?",
                       full);
    char *failed = NULL;
    if (remove_tree(full, &failed) == 0) return 0;
    int e = errno;
    io_fail(err, "RemoveFileSystemItemIOError", failed, e);
    free(failed);
    return -1;
}

static Status ri_path(CmdCtx *c, const char *path, int literal)
{
    char *q = drives_qualify(c->I, path);
    if (q) {
        Status st = drives_remove(c, q, literal, flag(c, RI_FORCE));
        free(q);
        return st;
    }
    if (drives_is(path)) return drives_remove(c, path, literal, flag(c, RI_FORCE));
    char **list;
    int n = items_expand(c, path, literal, flag(c, RI_FORCE), &list);
    for (int i = 0; i < n; i++) {
        FsError err;
        if (ri_one(c, list[i], &err) != 0) items_write_error(c, &err);
    }
    if (n > 0) path_list_free(list, n);
    return ST_OK;
}

/* Remove-Item [-Path] <string[]> [-LiteralPath <string[]>] [-Recurse] [-Force] */
static Status remove_item(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return items_each_path(c, RI_PATH, RI_LITERAL, NULL, ri_path);
}

/* ====================================================== Copy/Move-Item ==== */

/* Move-Item binds all but the last entry (it has no -Recurse). */
enum { CI_PATH, CI_DEST, CI_LITERAL, CI_FORCE, CI_PASSTHRU, CI_RECURSE };
static const ParamSpec ci_params[] = {
    [CI_PATH] =
        {.name = "Path", .type = TY_STRING, .is_array = 1, .position = 0, .flags = PS_PATHIN},
    [CI_DEST] = {.name = "Destination", .type = TY_STRING, .position = 1, .flags = PS_BYPROP},
    [CI_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath LP",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1,
                    .flags = PS_BYPROP},
    [CI_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [CI_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [CI_RECURSE] = {.name = "Recurse", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Where src goes: into dest when dest is an existing directory, else dest itself (owned). */
static char *target_of(CmdCtx *c, const char *src)
{
    char *dest = arg_str(c, CI_DEST);
    char *full = items_full(c, dest ? dest : ".");
    free(dest);
    if (!is_dir(full)) return full;
    const char *leaf = strrchr(src, '/');
    char *t = path_join(full, leaf ? leaf + 1 : src);
    free(full);
    return t;
}

static int copy_file(const char *src, const char *dst)
{
    struct stat st;
    int in = open(src, O_RDONLY);
    if (in < 0) return -1;
    fstat(in, &st);
    int out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777);
    if (out < 0) return (close(in), -1);
    char buf[65536];
    ssize_t r;
    int rc = 0;
    while (rc == 0 && (r = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, (size_t)r) != r) rc = -1;
    close(in);
    return close(out) != 0 ? -1 : rc;
}

static int copy_tree(const char *src, const char *dst, int recurse)
{
    if (!is_dir(src)) return copy_file(src, dst);
    if (mkdir(dst, 0777) != 0 && errno != EEXIST) return -1;
    if (!recurse) return 0;
    DIR *d = opendir(src);
    if (!d) return -1;
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char *s = path_join(src, e->d_name), *t = path_join(dst, e->d_name);
        rc = copy_tree(s, t, 1);
        free(s);
        free(t);
    }
    closedir(d);
    return rc;
}

static Status pass_thru(CmdCtx *c, const char *path)
{
    if (!flag(c, CI_PASSTHRU)) return ST_OK;
    FsError err;
    Value item = fsitem_get(path, &err);
    Status st = val_is_null(item) ? ST_OK : pipe_put(c->I, c->out, item);
    val_unref(item);
    return st;
}

typedef int (*TransferFn)(CmdCtx *c, const char *src, const char *dst, FsError *err);

static int do_copy(CmdCtx *c, const char *src, const char *dst, FsError *err)
{
    if (strcmp(src, dst) == 0)
        return fs_fail(err, "CopyError", "WriteError", src,
                       "Cannot overwrite the item %s with itself.", src);
    if (copy_tree(src, dst, flag(c, CI_RECURSE)) == 0) return 0;
    io_fail(err, "CopyDirectoryInfoItemIOError", dst, errno);
    return -1;
}

static int do_move(CmdCtx *c, const char *src, const char *dst, FsError *err)
{
    struct stat st;
    if (strcmp(src, dst) != 0 && lstat(dst, &st) == 0 && !flag(c, CI_FORCE))
        return fs_fail(err, "MoveFileInfoItemIOError", "WriteError", src,
                       "The file '%s' already exists.", dst); /* .NET's EEXIST text on Unix */
    if (rename(src, dst) == 0) return 0;
    io_fail(err, "MoveFileInfoItemIOError", src, errno);
    return -1;
}

static Status transfer_path(CmdCtx *c, const char *path, int literal, TransferFn fn)
{
    char **list;
    int n = items_expand(c, path, literal, flag(c, CI_FORCE), &list);
    Status st = ST_OK;
    for (int i = 0; i < n && !st; i++) {
        FsError err;
        struct stat sst;
        if (lstat(list[i], &sst) != 0) {
            not_found(&err, list[i]);
            items_write_error(c, &err);
            continue;
        }
        char *dst = target_of(c, list[i]);
        if (fn(c, list[i], dst, &err) != 0)
            items_write_error(c, &err);
        else
            st = pass_thru(c, dst);
        free(dst);
    }
    if (n > 0) path_list_free(list, n);
    return st;
}

static Status ci_path(CmdCtx *c, const char *path, int literal)
{
    return transfer_path(c, path, literal, do_copy);
}

static Status mi_path(CmdCtx *c, const char *path, int literal)
{
    return transfer_path(c, path, literal, do_move);
}

/* Copy-Item [-Path] <string[]> [[-Destination] <string>] [-Recurse] [-Force] [-PassThru]
 *   [-LiteralPath <string[]>] */
static Status copy_item(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return items_each_path(c, CI_PATH, CI_LITERAL, NULL, ci_path);
}

/* Move-Item [-Path] <string[]> [[-Destination] <string>] [-Force] [-PassThru]
 *   [-LiteralPath <string[]>] */
static Status move_item(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return items_each_path(c, CI_PATH, CI_LITERAL, NULL, mi_path);
}

/* ========================================================== Rename-Item ==== */

enum { RN_PATH, RN_NEWNAME, RN_LITERAL, RN_FORCE, RN_PASSTHRU };
static const ParamSpec rn_params[] = {
    [RN_PATH] = {.name = "Path", .type = TY_STRING, .position = 0, .flags = PS_PATHIN},
    [RN_NEWNAME] = {.name = "NewName",
                    .type = TY_STRING,
                    .position = 1,
                    .flags = PS_MANDATORY | PS_BYPROP},
    [RN_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath LP",
                    .type = TY_STRING,
                    .position = -1,
                    .flags = PS_BYPROP},
    [RN_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [RN_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static int rn_one(CmdCtx *c, const char *path, const char *full, char **dst, FsError *err)
{
    char *name = arg_str(c, RN_NEWNAME);
    struct stat st;
    int rc = 0;
    *dst = NULL;
    if (!name || !*name || strchr(name, '/'))
        rc = fs_fail(err, "Argument", "InvalidArgument", path,
                     "Cannot rename the specified target, because it represents a path or "
                     "device name.");
    else if (lstat(full, &st) != 0)
        rc = fs_fail(err, "InvalidOperation", "InvalidOperation", path,
                     "Cannot rename because item at '%s' does not exist.", path);
    if (rc == 0) {
        char *parent = xstrdup(full);
        *strrchr(parent, '/') = '\0';
        *dst = path_join(*parent ? parent : "/", name);
        free(parent);
        if (lstat(*dst, &st) == 0 && strcmp(*dst, full) != 0)
            rc = fs_fail(err, "RenameItemIOError", "WriteError", full,
                         "The file '%s' already exists.", *dst);
        else if (rename(full, *dst) != 0)
            rc = (io_fail(err, "RenameItemIOError", full, errno), -1);
    }
    free(name);
    return rc;
}

static Status rn_path(CmdCtx *c, const char *path, int literal)
{
    char **list;
    int n = items_expand(c, path, literal, flag(c, RN_FORCE), &list);
    Status st = ST_OK;
    for (int i = 0; i < n && !st; i++) {
        FsError err;
        char *dst;
        if (rn_one(c, path, list[i], &dst, &err) != 0) {
            items_write_error(c, &err);
        } else if (flag(c, RN_PASSTHRU)) {
            Value item = fsitem_get(dst, &err);
            if (!val_is_null(item)) st = pipe_put(c->I, c->out, item);
            val_unref(item);
        }
        free(dst);
    }
    if (n > 0) path_list_free(list, n);
    return st;
}

/* Rename-Item [-Path] <string> [-NewName] <string> [-Force] [-PassThru] [-LiteralPath <string>] */
static Status rename_item(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return items_each_path(c, RN_PATH, RN_LITERAL, NULL, rn_path);
}

/* ============================================================= Set-Item ==== */

enum { SI_PATH, SI_VALUE, SI_LITERAL, SI_FORCE, SI_PASSTHRU };
static const ParamSpec si_params[] = {
    [SI_PATH] = {.name = "Path", .type = TY_STRING, .is_array = 1, .position = 0},
    [SI_VALUE] = {.name = "Value", .type = TY_OBJECT, .position = 1, .flags = PS_PIPELINE},
    [SI_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1},
    [SI_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SI_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static Status si_one(CmdCtx *c, const char *path, int literal, Value value)
{
    if (!drives_is(path)) { /* pwsh's FileSystem provider has no Set-Item either */
        FsError err;
        fs_fail(&err, "NotSupported", "NotImplemented", path,
                "Provider operation stopped because the provider does not support this "
                "operation.");
        items_write_error(c, &err);
        return ST_OK;
    }
    Status st = drives_set(c, path, value, flag(c, SI_FORCE));
    return !st && flag(c, SI_PASSTHRU) ? drives_get(c, path, 1) : st;
}

/* Set-Item [-Path] <string[]> [[-Value] <Object>] [-Force] [-PassThru] [-LiteralPath <string[]>] */
static Status set_item(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    int literal = c->bound[SI_LITERAL];
    Value paths = c->arg[literal ? SI_LITERAL : SI_PATH];
    Value value = c->has_input ? c->input : c->arg[SI_VALUE];
    Status st = ST_OK;
    for (size_t i = 0; i < cmdutil_count(paths) && !st; i++) {
        char *p = items_path_of(cmdutil_elem(paths, i));
        st = si_one(c, p, literal, value);
        free(p);
    }
    return st;
}

/* ================================================================ table ==== */

void items_register_views(void)
{
    fsitem_register_views();
}

/* Aliases as pwsh 7.5 defines them on Linux: ls, cp, mv, rm, rmdir are left to the natives. */
const CmdDef items_table[] = {
    {"Get-ChildItem", "gci dir", get_child_item, gci_params, NPARAMS(gci_params)},
    {"Get-Item", "gi", get_item, gi_params, NPARAMS(gi_params)},
    {"New-Item", "ni", new_item, ni_params, NPARAMS(ni_params)},
    {"Remove-Item", "ri del erase rd", remove_item, ri_params, NPARAMS(ri_params)},
    {"Copy-Item", "cpi copy", copy_item, ci_params, NPARAMS(ci_params)},
    {"Move-Item", "mi move", move_item, ci_params, NPARAMS(ci_params) - 1},
    {"Rename-Item", "rni ren", rename_item, rn_params, NPARAMS(rn_params)},
    {"Set-Item", "si", set_item, si_params, NPARAMS(si_params)},
};
const int items_count = NPARAMS(items_table);
