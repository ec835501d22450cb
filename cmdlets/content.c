/*
** content: Get-Content, Set-Content, Add-Content (see content.h).  A file is read whole into
** memory and cut into lines (or -Delimiter sections); writers gather every value first and
** write once at the end, so `Get-Content f | Set-Content f` reads before it truncates.
*/
#include "cmdlets/content.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
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

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))

/* The whole file in sb; 0, or -1 with err. */
static int read_all(const char *path, StrBuf *sb, FsError *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return fs_fail(err, "PathNotFound", "ObjectNotFound", path,
                       "Cannot find path '%s' because it does not exist.", path);
    if (S_ISDIR(st.st_mode))
        return fs_fail(err, "GetContentReaderUnauthorizedAccessError", "PermissionDenied", path,
                       "Unable to get content because it is a directory: '%s'. Please use "
                       "'Get-ChildItem' instead.",
                       path);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return fs_fail(err, "GetContentReaderUnauthorizedAccessError", "PermissionDenied", path,
                       "Access to the path '%s' is denied.", path);
    char buf[65536];
    ssize_t r;
    while ((r = read(fd, buf, sizeof buf)) > 0)
        sb_append(sb, buf, (size_t)r);
    close(fd);
    return 0;
}

/* ========================================================== Get-Content ==== */

enum {
    GC_PATH,
    GC_LITERAL,
    GC_TOTAL,
    GC_TAIL,
    GC_RAW,
    GC_DELIM,
    GC_READCOUNT,
    GC_ENCODING,
    GC_HEAD /* TotalCount's second alias (ParamSpec holds one) */
};
static const ParamSpec gc_params[] = {
    [GC_PATH] =
        {.name = "Path", .type = TY_STRING, .is_array = 1, .position = 0, .flags = PS_BYPROP},
    [GC_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath LP",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1,
                    .flags = PS_BYPROP},
    [GC_TOTAL] = {.name = "TotalCount", .alias = "First", .type = TY_INT64, .position = -1},
    [GC_TAIL] = {.name = "Tail", .alias = "Last", .type = TY_INT32, .position = -1},
    [GC_RAW] = {.name = "Raw", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GC_DELIM] = {.name = "Delimiter", .type = TY_STRING, .position = -1},
    [GC_READCOUNT] = {.name = "ReadCount", .type = TY_INT64, .position = -1},
    [GC_ENCODING] = {.name = "Encoding", .type = TY_STRING, .position = -1},
    [GC_HEAD] = {.name = "Head", .type = TY_INT64, .position = -1},
};

/* One line or section: [start, start+len). */
typedef struct Piece {
    size_t start, len;
} Piece;

/* Cut text into lines (or sections ended by delim, which pwsh 6+ drops as it drops the
 * newline: PowerShell PR #3706).  Owned array. */
static Piece *cut(const char *s, size_t n, const char *delim, size_t *count)
{
    size_t cap = 16, k = 0, i = 0, dl = delim ? strlen(delim) : 0;
    Piece *p = xmalloc(cap * sizeof *p);
    while (i < n) {
        size_t j = i, next;
        if (delim) {
            const char *hit = dl ? strstr(s + i, delim) : NULL; /* s is NUL-terminated */
            j = hit ? (size_t)(hit - s) : n;
            next = hit ? j + dl : n;
        } else {
            while (j < n && s[j] != '\n' && s[j] != '\r')
                j++;
            next = j < n && s[j] == '\r' && j + 1 < n && s[j + 1] == '\n' ? j + 2 : j + 1;
        }
        if (k == cap) p = xrealloc(p, (cap *= 2) * sizeof *p);
        p[k++] = (Piece){i, j - i};
        i = next;
    }
    *count = k;
    return p;
}

typedef struct GcOut {
    CmdCtx *c;
    Value batch;    /* -ReadCount > 1 or 0: lines gathered into object[] */
    long readcount; /* 1: one string at a time */
} GcOut;

static Status gc_put(GcOut *o, const char *s, size_t len)
{
    Value v = val_str_n(s, len);
    Status st = ST_OK;
    if (o->readcount == 1) {
        st = pipe_put(o->c->I, o->c->out, v);
    } else {
        if (o->batch.kind == VAL_NULL) o->batch = arr_new(TY_OBJECT, 16);
        arr_push(o->batch, v);
        if (o->readcount > 0 && (long)arr_len(o->batch) >= o->readcount) {
            st = pipe_put(o->c->I, o->c->out, o->batch);
            val_unref(o->batch);
            o->batch = val_null();
        }
    }
    val_unref(v);
    return st;
}

static Status gc_flush(GcOut *o)
{
    if (o->batch.kind == VAL_NULL) return ST_OK;
    Status st = pipe_put(o->c->I, o->c->out, o->batch);
    val_unref(o->batch);
    o->batch = val_null();
    return st;
}

/* Emit the pieces of text as -TotalCount/-Tail select them. */
static Status gc_emit(CmdCtx *c, const char *text, size_t n)
{
    char *delim = cmdutil_arg_str(c, GC_DELIM);
    size_t count;
    Piece *p = cut(text, n, delim, &count);
    size_t from = 0, to = count;
    int total = c->bound[GC_HEAD] ? GC_HEAD : GC_TOTAL;
    if (c->bound[total] && c->arg[total].as.i >= 0 && (uint64_t)c->arg[total].as.i < count)
        to = (size_t)c->arg[total].as.i;
    if (c->bound[GC_TAIL] && c->arg[GC_TAIL].as.i >= 0 && (uint64_t)c->arg[GC_TAIL].as.i < count)
        from = count - (size_t)c->arg[GC_TAIL].as.i;
    GcOut o = {.c = c, .batch = val_null(), .readcount = 1};
    if (c->bound[GC_READCOUNT]) o.readcount = (long)c->arg[GC_READCOUNT].as.i;
    if (o.readcount < 0) o.readcount = 1;
    Status st = ST_OK;
    for (size_t i = from; i < to && !st; i++)
        st = gc_put(&o, text + p[i].start, p[i].len);
    if (!st) st = gc_flush(&o);
    val_unref(o.batch);
    free(p);
    free(delim);
    return st;
}

static Status gc_file(CmdCtx *c, const char *full)
{
    StrBuf sb = {0};
    FsError err;
    Status st = ST_OK;
    if (read_all(full, &sb, &err) != 0) {
        items_write_error(c, &err);
    } else {
        const char *text = sb_str(&sb);
        size_t n = sb.len;
        if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) text += 3, n -= 3;
        if (cmdutil_flag(c, GC_RAW)) {
            Value v = val_str_n(text, n);
            if (n > 0) st = pipe_put(c->I, c->out, v);
            val_unref(v);
        } else {
            st = gc_emit(c, text, n);
        }
    }
    sb_free(&sb);
    return st;
}

static Status gc_path(CmdCtx *c, const char *path, int literal)
{
    char *q = drives_qualify(c->I, path);
    if (q) {
        Status st = drives_content(c, q, literal);
        free(q);
        return st;
    }
    if (drives_is(path)) return drives_content(c, path, literal);
    char **list;
    int n = items_expand(c, path, literal, 0, &list);
    Status st = ST_OK;
    for (int i = 0; i < n && !st; i++)
        st = gc_file(c, list[i]);
    if (n > 0) path_list_free(list, n);
    return st;
}

/* Get-Content [-Path] <string[]> [-TotalCount <long>] [-Tail <int>] [-Raw]
 *   [-Delimiter <string>] [-ReadCount <long>] [-Encoding <Encoding>] [-LiteralPath <string[]>] */
static Status get_content(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    if ((c->bound[GC_TOTAL] || c->bound[GC_HEAD]) && c->bound[GC_TAIL])
        return cmd_error(c, EXC_INVALIDOP,
                         "TailAndHeadCannotCoexist,Microsoft.PowerShell.Commands.GetContentCommand",
                         "The parameters TotalCount and Tail cannot be used together. Please "
                         "specify only one of these parameters.");
    return items_each_path(c, GC_PATH, GC_LITERAL, NULL, gc_path);
}

/* ==================================================== Set/Add-Content ==== */

enum { SC_PATH, SC_VALUE, SC_LITERAL, SC_NONEWLINE, SC_ENCODING, SC_FORCE, SC_PASSTHRU };
static const ParamSpec sc_params[] = {
    [SC_PATH] =
        {.name = "Path", .type = TY_STRING, .is_array = 1, .position = 0, .flags = PS_BYPROP},
    [SC_VALUE] = {.name = "Value",
                  .type = TY_OBJECT,
                  .is_array = 1,
                  .position = 1,
                  .flags = PS_PIPELINE | PS_BYPROP},
    [SC_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath LP",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1,
                    .flags = PS_BYPROP},
    [SC_NONEWLINE] = {.name = "NoNewline", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SC_ENCODING] = {.name = "Encoding", .type = TY_STRING, .position = -1},
    [SC_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SC_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* The text gathered for one target as written (a pipeline object may name its own path, and
 * pwsh keeps one writer per path until the end, so values for the same path accumulate). */
typedef struct ScTarget {
    char *path;  /* owned */
    int literal; /* from -LiteralPath */
    StrBuf text; /* everything to write */
} ScTarget;

typedef struct ScState {
    ScTarget *t;
    size_t n, cap;
    int append;  /* Add-Content */
    Value value; /* the value being gathered (borrowed, during one process call) */
} ScState;

static void sc_free(void *p)
{
    ScState *s = p;
    for (size_t i = 0; i < s->n; i++) {
        free(s->t[i].path);
        sb_free(&s->t[i].text);
    }
    free(s->t);
    free(s);
}

static ScState *sc_state(CmdCtx *c)
{
    if (!c->priv) {
        c->priv = xcalloc(1, sizeof(ScState));
        c->priv_free = sc_free;
    }
    return c->priv;
}

static ScTarget *sc_target(ScState *s, const char *path, int literal)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->t[i].literal == literal && strcmp(s->t[i].path, path) == 0) return &s->t[i];
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 4;
        s->t = xrealloc(s->t, s->cap * sizeof *s->t);
    }
    s->t[s->n] = (ScTarget){.path = xstrdup(path), .literal = literal};
    return &s->t[s->n++];
}

/* Append the current value (each element of a collection) to path's text. */
static Status sc_gather(CmdCtx *c, const char *path, int literal)
{
    ScState *s = sc_state(c);
    ScTarget *t = sc_target(s, path, literal);
    Value v = s->value;
    size_t n = val_is_array(v) ? arr_len(v) : 1;
    for (size_t i = 0; i < n; i++) {
        Value e = val_is_array(v) ? arr_peek(v, i) : v;
        Value str = convert_to_string(e, NULL);
        sb_append(&t->text, val_str_data(str), val_str_len(str));
        val_unref(str);
        if (!cmdutil_flag(c, SC_NONEWLINE)) sb_putc(&t->text, '\n');
    }
    return ST_OK;
}

static Status sc_write(CmdCtx *c, const char *full, const StrBuf *text)
{
    ScState *s = sc_state(c);
    char *enc = cmdutil_arg_str(c, SC_ENCODING);
    int bom = enc && str_icmp(enc, "utf8BOM") == 0 && !s->append;
    free(enc);
    int fd = open(full, O_WRONLY | O_CREAT | (s->append ? O_APPEND : O_TRUNC), 0666);
    FsError err;
    if (fd < 0) {
        int e = errno;
        if (e == ENOENT || e == ENOTDIR)
            fs_fail(&err, "GetContentWriterDirectoryNotFoundError", "ObjectNotFound", full,
                    "Could not find a part of the path '%s'.", full);
        else
            fs_fail(&err, "GetContentWriterUnauthorizedAccessError", "PermissionDenied", full,
                    "Access to the path '%s' is denied.", full);
        items_write_error(c, &err);
        return ST_OK;
    }
    int ok = !bom || write(fd, "\xEF\xBB\xBF", 3) == 3;
    ok = ok && write(fd, sb_str(text), text->len) == (ssize_t)text->len;
    close(fd);
    if (!ok) {
        fs_fail(&err, "GetContentWriterIOError", "WriteError", full, "%s", strerror(errno));
        items_write_error(c, &err);
    }
    return ST_OK;
}

static Status sc_flush(CmdCtx *c, const ScTarget *t)
{
    char **list;
    int n = items_expand(c, t->path, t->literal, cmdutil_flag(c, SC_FORCE), &list);
    Status st = ST_OK;
    for (int i = 0; i < n && !st; i++) {
        st = sc_write(c, list[i], &t->text);
        if (!st && cmdutil_flag(c, SC_PASSTHRU)) {
            Value v = val_str_n(sb_str(&t->text), t->text.len);
            st = pipe_put(c->I, c->out, v);
            val_unref(v);
        }
    }
    if (n > 0) path_list_free(list, n);
    return st;
}

/* Each process call adds its -Value to the text of each of its paths (from the command line
 * or the pipeline object); the files are written at the end. */
static Status content_generic(CmdCtx *c, int append)
{
    ScState *s = sc_state(c);
    s->append = append;
    if (c->phase == CMD_PROCESS) {
        if (!items_given(c, SC_VALUE)) return ST_OK;
        s->value = c->arg[SC_VALUE];
        Status st = items_each_path(c, SC_PATH, SC_LITERAL, NULL, sc_gather);
        s->value = val_null();
        return st;
    }
    if (c->phase != CMD_END) return ST_OK;
    Status st = ST_OK;
    if (s->n == 0) { /* no value came: the command-line paths are still created or emptied */
        s->value = arr_new(TY_OBJECT, 0);
        st = items_each_path(c, SC_PATH, SC_LITERAL, NULL, sc_gather);
        val_unref(s->value);
        s->value = val_null();
    }
    for (size_t i = 0; i < s->n && !st; i++)
        st = sc_flush(c, &s->t[i]);
    return st;
}

/* Set-Content [-Path] <string[]> [-Value] <Object[]> [-NoNewline] [-Encoding <Encoding>]
 *   [-Force] [-PassThru] [-LiteralPath <string[]>] */
static Status set_content(CmdCtx *c)
{
    return content_generic(c, 0);
}

/* Add-Content [-Path] <string[]> [-Value] <Object[]> [-NoNewline] [-Encoding <Encoding>]
 *   [-Force] [-PassThru] [-LiteralPath <string[]>] */
static Status add_content(CmdCtx *c)
{
    return content_generic(c, 1);
}

/* ================================================================ table ==== */

/* Aliases as pwsh 7.5 defines them on Linux: cat and ac are Windows-only, sc was removed. */
const CmdDef content_table[] = {
    {"Get-Content", "gc type", get_content, gc_params, NPARAMS(gc_params)},
    {"Set-Content", NULL, set_content, sc_params, NPARAMS(sc_params)},
    {"Add-Content", NULL, add_content, sc_params, NPARAMS(sc_params)},
};
const int content_count = NPARAMS(content_table);
