/*
** location: the location and path cmdlets (see location.h).  The location, the Set-Location
** history behind `cd -`/`cd +` and the Push-Location stack belong to the runspace
** (runtime/runloc.h).
*/
#include "cmdlets/location.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmdlets/cmdutil.h"
#include "cmdlets/drives.h"
#include "cmdlets/items.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/pathinfo.h"
#include "runtime/runloc.h"
#include "runtime/wildcard.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))

/* ============================================================ location ==== */

char *location_current(Interp *I)
{
    return runloc_display(I);
}

const char *location_home(void)
{
    const char *h = getenv("HOME");
    return h && *h ? h : "/";
}

/* ================================================================ helpers ==== */

static Status emit_str(CmdCtx *c, const char *s)
{
    Value v = val_str(s);
    Status st = pipe_put(c->I, c->out, v);
    val_unref(v);
    return st;
}

static Status emit_pathinfo(CmdCtx *c, const char *path)
{
    Value v = pathinfo_new(path);
    Status st = pipe_put(c->I, c->out, v);
    val_unref(v);
    return st;
}

/* Move the runspace to the container path stands for; 0, or -1 with err. */
static int change_to(CmdCtx *c, const char *path, int literal, FsError *err)
{
    char *q = drives_qualify(c->I, path);
    const char *drive = drives_root(q ? q : path);
    if (drive) {
        free(q);
        runloc_set_drive(c->I, drive);
        return 0;
    }
    if (q || drives_is(path)) { /* the drives are flat: no container below the root */
        int rc = fs_fail(err, "PathNotFound", "ObjectNotFound", q ? q : path,
                         "Cannot find path '%s' because it does not exist.", q ? q : path);
        free(q);
        return rc;
    }
    char **list;
    int n = items_expand(c, path, literal, 0, &list);
    if (n != 1) {
        if (n > 1) path_list_free(list, n);
        if (n > 1)
            return fs_fail(err, "PathResolvedToMultiple", "InvalidArgument", path,
                           "Cannot process argument because the value of argument \"path\" "
                           "is not valid. Change the value of the \"path\" argument and run "
                           "the operation again.");
        return fs_fail(err, "PathNotFound", "ObjectNotFound", path,
                       "Cannot find path '%s' because it does not exist.", path);
    }
    struct stat st;
    int rc = 0;
    if (stat(list[0], &st) != 0 || !S_ISDIR(st.st_mode))
        rc = fs_fail(err, "PathNotFound", "ObjectNotFound", list[0],
                     "Cannot find path '%s' because it does not exist.", list[0]);
    else if (runloc_set(c->I, list[0]) != 0)
        rc = fs_fail(err, "SetLocationPermissionDenied", "PermissionDenied", list[0],
                     "Access to the path '%s' is denied.", list[0]);
    path_list_free(list, n);
    return rc;
}

/* arg[i] as an owned path string when given on the command line or bound from the pipeline
 * object; NULL otherwise. */
static char *given_str(CmdCtx *c, int i)
{
    if (!items_given(c, i) || val_is_null(c->arg[i])) return NULL;
    return items_path_of(c->arg[i]);
}

/* ====================================================== Get-Location ==== */

enum { GL_STACK };
static const ParamSpec gl_params[] = {
    [GL_STACK] = {.name = "Stack", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* Get-Location [-Stack] */
static Status get_location(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (cmdutil_flag(c, GL_STACK)) {
        Status st = ST_OK;
        for (size_t i = 0; i < runloc_depth(c->I, RLS_PUSHED) && !st; i++)
            st = emit_pathinfo(c, runloc_peek(c->I, RLS_PUSHED, i));
        return st;
    }
    char *cwd = location_current(c->I);
    Status st = emit_pathinfo(c, cwd);
    free(cwd);
    return st;
}

/* ====================================================== Set-Location ==== */

enum { SL_PATH, SL_LITERAL, SL_PASSTHRU };
static const ParamSpec sl_params[] = {
    [SL_PATH] = {.name = "Path",
                 .type = TY_STRING,
                 .position = 0,
                 .flags = PS_PIPELINE | PS_BYPROP},
    [SL_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath LP",
                    .type = TY_STRING,
                    .position = -1,
                    .flags = PS_BYPROP},
    [SL_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* cd - / cd +: move through the history; 0, or -1 with err when it is exhausted. */
static int sl_history(CmdCtx *c, int back, FsError *err)
{
    char *to = runloc_pop(c->I, back ? RLS_BACK : RLS_FWD);
    if (!to)
        return fs_fail(err, "InvalidOperation", "InvalidOperation", "",
                       "There is no location history left to navigate %s.",
                       back ? "backwards" : "forwards");
    char *here = location_current(c->I);
    int rc = change_to(c, to, 1, err);
    if (rc == 0) runloc_push(c->I, back ? RLS_FWD : RLS_BACK, here);
    free(here);
    free(to);
    return rc;
}

/* Change location to path (NULL: home), recording the history.  0 or -1 with err. */
static int sl_go(CmdCtx *c, const char *path, int literal, FsError *err)
{
    if (path && !literal && (strcmp(path, "-") == 0 || strcmp(path, "+") == 0))
        return sl_history(c, path[0] == '-', err);
    char *here = location_current(c->I);
    int rc = change_to(c, path ? path : location_home(), path ? literal : 1, err);
    if (rc == 0) {
        runloc_push(c->I, RLS_BACK, here);
        runloc_clear(c->I, RLS_FWD);
    }
    free(here);
    return rc;
}

static Status sl_done(CmdCtx *c, int rc, FsError *err, int passthru)
{
    if (rc != 0) {
        items_write_error(c, err); /* pwsh's SetLocationCommand uses WriteError */
        return ST_OK;
    }
    if (!passthru) return ST_OK;
    char *cwd = location_current(c->I);
    Status st = emit_pathinfo(c, cwd);
    free(cwd);
    return st;
}

/* Set-Location [[-Path] <string>] [-LiteralPath <string>] [-PassThru] */
static Status set_location(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    FsError err;
    int literal = items_given(c, SL_LITERAL);
    char *path = given_str(c, literal ? SL_LITERAL : SL_PATH);
    int rc = sl_go(c, path, literal, &err);
    free(path);
    return sl_done(c, rc, &err, cmdutil_flag(c, SL_PASSTHRU));
}

/* Push-Location [[-Path] <string>] [-LiteralPath <string>] [-PassThru] */
static Status push_location(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    FsError err;
    int literal = items_given(c, SL_LITERAL);
    char *path = given_str(c, literal ? SL_LITERAL : SL_PATH);
    char *here = location_current(c->I);
    int rc = path ? sl_go(c, path, literal, &err) : 0;
    if (rc == 0) runloc_push(c->I, RLS_PUSHED, here);
    free(here);
    free(path);
    return sl_done(c, rc, &err, cmdutil_flag(c, SL_PASSTHRU));
}

enum { PL_PASSTHRU };
static const ParamSpec pl_params[] = {
    [PL_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* Pop-Location [-PassThru] */
static Status pop_location(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    char *to = runloc_pop(c->I, RLS_PUSHED);
    if (!to) return ST_OK; /* pwsh: an empty default stack is not an error */
    FsError err;
    int rc = sl_go(c, to, 1, &err);
    free(to);
    return sl_done(c, rc, &err, cmdutil_flag(c, PL_PASSTHRU));
}

/* ============================================================ Join-Path ==== */

enum { JP_PATH, JP_CHILD, JP_MORE, JP_RESOLVE };
static const ParamSpec jp_params[] = {
    [JP_PATH] = {.name = "Path",
                 .alias = "PSPath",
                 .type = TY_STRING,
                 .is_array = 1,
                 .position = 0,
                 .flags = PS_PIPELINE | PS_BYPROP},
    [JP_CHILD] = {.name = "ChildPath", .type = TY_STRING, .position = 1, .flags = PS_BYPROP},
    [JP_MORE] = {.name = "AdditionalChildPath",
                 .type = TY_STRING,
                 .is_array = 1,
                 .position = 2,
                 .flags = PS_REMAINING},
    [JP_RESOLVE] = {.name = "Resolve", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static Status resolve_emit(CmdCtx *c, const char *path, int as_string);

static Status jp_path(CmdCtx *c, const char *path, int literal)
{
    Value more = c->arg[JP_MORE];
    size_t n = c->bound[JP_MORE] && val_is_array(more) ? arr_len(more) : 0;
    const char **kids = xcalloc(n + 2, sizeof *kids);
    char *child = given_str(c, JP_CHILD);
    size_t k = 0;
    kids[k++] = child ? child : "";
    for (size_t i = 0; i < n; i++)
        if (val_is_str(arr_peek(more, i))) kids[k++] = val_str_data(arr_peek(more, i));
    if (c->bound[JP_MORE] && val_is_str(more)) kids[k++] = val_str_data(more);
    char *joined = path_join_all(path, kids, k);
    Status st = cmdutil_flag(c, JP_RESOLVE) ? resolve_emit(c, joined, 1) : emit_str(c, joined);
    free(joined);
    free(child);
    free((void *)kids);
    return st;
}

/* Join-Path [-Path] <string[]> [[-ChildPath] <string>] [[-AdditionalChildPath] <string[]>]
 *   [-Resolve] */
static Status join_path(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return items_each_path(c, JP_PATH, -1, NULL, jp_path);
}

/* ========================================================== Split-Path ==== */

enum {
    SP_PATH,
    SP_PARENT,
    SP_LEAF,
    SP_LEAFBASE,
    SP_EXT,
    SP_QUAL,
    SP_NOQUAL,
    SP_ABS,
    SP_LITERAL,
    SP_RESOLVE
};
static const ParamSpec sp_params[] = {
    [SP_PATH] = {.name = "Path",
                 .type = TY_STRING,
                 .is_array = 1,
                 .position = 0,
                 .flags = PS_PIPELINE | PS_BYPROP},
    [SP_PARENT] = {.name = "Parent", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SP_LEAF] = {.name = "Leaf", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SP_LEAFBASE] = {.name = "LeafBase", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SP_EXT] = {.name = "Extension", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SP_QUAL] = {.name = "Qualifier", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SP_NOQUAL] = {.name = "NoQualifier", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SP_ABS] = {.name = "IsAbsolute", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SP_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath LP",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1,
                    .flags = PS_BYPROP},
    [SP_RESOLVE] = {.name = "Resolve", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static const struct {
    int arg;
    PathPart part;
} split_parts[] = {
    {SP_LEAF, PATH_LEAF},      {SP_LEAFBASE, PATH_LEAFBASE},  {SP_EXT, PATH_EXTENSION},
    {SP_QUAL, PATH_QUALIFIER}, {SP_NOQUAL, PATH_NOQUALIFIER}, {SP_PARENT, PATH_PARENT},
};

static Status sp_one(CmdCtx *c, const char *path);

/* -Resolve: split each existing path path stands for (PathNotFound when none). */
static Status sp_resolved(CmdCtx *c, const char *path, int literal)
{
    char *cwd = location_current(c->I);
    char **list;
    FsError err;
    int n = path_resolve(cwd, location_home(), path, literal ? PATH_LITERAL : 0, &list, &err);
    free(cwd);
    if (n < 0) items_write_error(c, &err);
    Status st = ST_OK;
    for (int i = 0; i < n && !st; i++)
        st = sp_one(c, list[i]);
    if (n > 0) path_list_free(list, n);
    return st;
}

static Status sp_path(CmdCtx *c, const char *path, int literal)
{
    return cmdutil_flag(c, SP_RESOLVE) ? sp_resolved(c, path, literal) : sp_one(c, path);
}

static Status sp_one(CmdCtx *c, const char *path)
{
    if (cmdutil_flag(c, SP_ABS)) {
        Value b = val_bool(path_is_absolute(path));
        return pipe_put(c->I, c->out, b);
    }
    PathPart part = PATH_PARENT;
    for (size_t i = 0; i < sizeof split_parts / sizeof split_parts[0]; i++)
        if (cmdutil_flag(c, split_parts[i].arg)) {
            part = split_parts[i].part;
            break;
        }
    StrBuf sb = {0};
    FsError err;
    Status st = ST_OK;
    if (path_split(path, part, &sb, &err) != 0)
        items_write_error(c, &err);
    else
        st = emit_str(c, sb_str(&sb));
    sb_free(&sb);
    return st;
}

/* Split-Path [-Path] <string[]> [-Parent | -Leaf | -LeafBase | -Extension | -Qualifier |
 *   -NoQualifier | -IsAbsolute] [-Resolve] [-LiteralPath <string[]>] */
static Status split_path(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return items_each_path(c, SP_PATH, SP_LITERAL, NULL, sp_path);
}

/* ======================================================== Resolve-Path ==== */

enum { RP_PATH, RP_LITERAL, RP_RELATIVE, RP_BASE, RP_FORCE };
static const ParamSpec rp_params[] = {
    [RP_PATH] = {.name = "Path",
                 .type = TY_STRING,
                 .is_array = 1,
                 .position = 0,
                 .flags = PS_PIPELINE | PS_BYPROP},
    [RP_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath LP",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1,
                    .flags = PS_BYPROP},
    [RP_RELATIVE] = {.name = "Relative", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [RP_BASE] = {.name = "RelativeBasePath", .type = TY_STRING, .position = -1},
    [RP_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* Emit the paths path resolves to (strings, or PathInfo), or its PathNotFound error.  Used
 * by Resolve-Path (its own arguments) and Join-Path -Resolve (as_string). */
static Status resolve_emit(CmdCtx *c, const char *path, int as_string)
{
    int is_rp = c->def->params == rp_params;
    char *cwd = location_current(c->I);
    char *base = is_rp ? cmdutil_arg_str(c, RP_BASE) : NULL;
    char *basefull = base ? path_full(cwd, location_home(), base) : NULL;
    int flags = (is_rp && items_given(c, RP_LITERAL) ? PATH_LITERAL : 0) |
                (is_rp && cmdutil_flag(c, RP_FORCE) ? PATH_FORCE : 0);
    char **list;
    FsError err;
    int n = path_resolve(basefull ? basefull : cwd, location_home(), path, flags, &list, &err);
    Status st = ST_OK;
    if (n < 0) items_write_error(c, &err);
    for (int i = 0; i < n && !st; i++) {
        if (is_rp && cmdutil_flag(c, RP_RELATIVE)) {
            char *rel = path_relative(basefull ? basefull : cwd, list[i]);
            st = emit_str(c, rel);
            free(rel);
        } else {
            st = as_string ? emit_str(c, list[i]) : emit_pathinfo(c, list[i]);
        }
    }
    if (n > 0) path_list_free(list, n);
    free(cwd);
    free(base);
    free(basefull);
    return st;
}

static Status rp_path(CmdCtx *c, const char *path, int literal)
{
    return resolve_emit(c, path, 0);
}

/* Resolve-Path [-Path] <string[]> [-LiteralPath <string[]>] [-Relative]
 *   [-RelativeBasePath <string>] [-Force] */
static Status resolve_path(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return items_each_path(c, RP_PATH, RP_LITERAL, NULL, rp_path);
}

/* ============================================================ Test-Path ==== */

enum { TP_PATH, TP_LITERAL, TP_TYPE, TP_VALID };
static const ParamSpec tp_params[] = {
    [TP_PATH] = {.name = "Path",
                 .type = TY_STRING,
                 .is_array = 1,
                 .position = 0,
                 .flags = PS_PIPELINE | PS_BYPROP},
    [TP_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath LP",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1,
                    .flags = PS_BYPROP},
    [TP_TYPE] = {.name = "PathType", .alias = "Type", .type = TY_STRING, .position = -1},
    [TP_VALID] = {.name = "IsValid", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static const struct {
    const char *name;
    PathType type;
} path_types[] = {
    {"Any", PATHTYPE_ANY}, {"Container", PATHTYPE_CONTAINER}, {"Leaf", PATHTYPE_LEAF}};

static Status tp_path(CmdCtx *c, const char *path, int literal)
{
    char *q = drives_qualify(c->I, path);
    if (q) {
        Status st = tp_path(c, q, literal);
        free(q);
        return st;
    }
    int ok;
    if (drives_is(path)) {
        ok = drives_test(c, path, literal);
    } else if (cmdutil_flag(c, TP_VALID)) {
        ok = *path != '\0' && strspn(path, " \t") != strlen(path);
    } else {
        char *t = cmdutil_arg_str(c, TP_TYPE);
        PathType type = PATHTYPE_ANY;
        for (size_t i = 0; t && i < sizeof path_types / sizeof path_types[0]; i++)
            if (str_icmp(t, path_types[i].name) == 0) type = path_types[i].type;
        free(t);
        char *cwd = location_current(c->I);
        ok = path_test(cwd, location_home(), path, literal ? PATH_LITERAL : 0, type);
        free(cwd);
    }
    return pipe_put(c->I, c->out, val_bool(ok));
}

/* Test-Path [-Path] <string[]> [-LiteralPath <string[]>] [-PathType <TestPathType>] [-IsValid] */
static Status test_path(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return items_each_path(c, TP_PATH, TP_LITERAL, NULL, tp_path);
}

/* ================================================================ table ==== */

/* Aliases as pwsh 7.5 defines them on Linux. */
const CmdDef location_table[] = {
    {"Get-Location", "gl pwd", get_location, gl_params, NPARAMS(gl_params)},
    {"Set-Location", "sl cd chdir", set_location, sl_params, NPARAMS(sl_params)},
    {"Push-Location", "pushd", push_location, sl_params, NPARAMS(sl_params)},
    {"Pop-Location", "popd", pop_location, pl_params, NPARAMS(pl_params)},
    {"Join-Path", NULL, join_path, jp_params, NPARAMS(jp_params)},
    {"Split-Path", NULL, split_path, sp_params, NPARAMS(sp_params)},
    {"Resolve-Path", "rvpa", resolve_path, rp_params, NPARAMS(rp_params)},
    {"Test-Path", NULL, test_path, tp_params, NPARAMS(tp_params)},
};
const int location_count = NPARAMS(location_table);
