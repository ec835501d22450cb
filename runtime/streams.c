/*
** streams: InfoRecords for streams 3-6, their routing by preference and redirection, file
** redirection pipes, and the Out-Default / Out-Host / Out-String commands.
*/
#include "runtime/streams.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/array.h"
#include "runtime/eval.h"
#include "runtime/format.h"
#include "runtime/mem.h"
#include "runtime/runloc.h"

/* ================================================================ records ==== */

typedef struct InfoRec {
    Obj obj;
    int stream;
    int host;  /* a host write (inforec_new_host); 2: it did not end its line */
    Value msg; /* String */
} InfoRec;

static const char *const prefixes[7] = {NULL, NULL, NULL, "WARNING: ", "VERBOSE: ", "DEBUG: ", ""};

static void rec_free(Obj *o)
{
    val_unref(((InfoRec *)o)->msg);
}

static void rec_to_string(Value self, StrBuf *out)
{
    Value m = ((InfoRec *)self.as.o)->msg;
    sb_append(out, val_str_data(m), val_str_len(m));
}

static int rec_get_prop(Value self, const char *name, size_t len, Value *out)
{
    InfoRec *r = (InfoRec *)self.as.o;
    if (str_ieq_slice(name, len, "Message") ||
        (r->stream == STREAM_INFO && str_ieq_slice(name, len, "MessageData"))) {
        *out = val_ref(r->msg);
        return 1;
    }
    return 0;
}

static size_t rec_nprops(Value self)
{
    return 1;
}

static void rec_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = "Message";
    *len = 7;
    *val = ((InfoRec *)self.as.o)->msg;
}

#define INFO_CLASS(nm, full)                                                                       \
    {                                                                                              \
        .name = nm, .full_name = full, .type = TY_OTHER, .free = rec_free,                         \
        .to_string = rec_to_string, .get_prop = rec_get_prop, .nprops = rec_nprops,                \
        .prop_at = rec_prop_at                                                                     \
    }

/* One class per stream, for GetType().Name; index = stream - STREAM_WARN. */
static const ObjClass info_classes[4] = {
    INFO_CLASS("WarningRecord", "System.Management.Automation.WarningRecord"),
    INFO_CLASS("VerboseRecord", "System.Management.Automation.VerboseRecord"),
    INFO_CLASS("DebugRecord", "System.Management.Automation.DebugRecord"),
    INFO_CLASS("InformationRecord", "System.Management.Automation.InformationRecord"),
};
const ObjClass cls_inforecord =
    INFO_CLASS("InformationalRecord", "System.Management.Automation.InformationalRecord");

static int is_info(Value v)
{
    if (v.kind != VAL_OBJ) return 0;
    const ObjClass *c = v.as.o->cls;
    return c == &cls_inforecord || (c >= info_classes && c < info_classes + 4);
}

Value inforec_new(int stream, const char *msg)
{
    InfoRec *r = (InfoRec *)obj_alloc(&info_classes[stream - STREAM_WARN], sizeof(InfoRec));
    r->stream = stream;
    r->msg = val_str(msg);
    return val_obj_take(&r->obj);
}

Value inforec_new_host(const char *msg)
{
    Value v = inforec_new(STREAM_INFO, msg);
    ((InfoRec *)v.as.o)->host = 1;
    return v;
}

int inforec_is_host(Value v)
{
    return is_info(v) && ((InfoRec *)v.as.o)->host;
}

void inforec_set_nonewline(Value v)
{
    if (is_info(v)) ((InfoRec *)v.as.o)->host |= 2;
}

int inforec_nonewline(Value v)
{
    return is_info(v) && (((InfoRec *)v.as.o)->host & 2);
}

int inforec_stream(Value v)
{
    return is_info(v) ? ((InfoRec *)v.as.o)->stream : 0;
}

const char *inforec_message(Value v)
{
    return val_str_data(((InfoRec *)v.as.o)->msg);
}

/* ================================================================ routing ==== */

static const char *const pref_vars[7] = {NULL,
                                         NULL,
                                         "ErrorActionPreference",
                                         "WarningPreference",
                                         "VerbosePreference",
                                         "DebugPreference",
                                         "InformationPreference"};

static int parse_pref(Value v, int dflt)
{
    static const char *const names[] = {"Continue", "SilentlyContinue", "Stop", "Ignore"};
    if (!val_is_str(v)) return dflt;
    for (int i = 0; i < 4; i++)
        if (str_icmp(val_str_data(v), names[i]) == 0) return i;
    if (str_icmp(val_str_data(v), "Inquire") == 0) return EA_CONTINUE;
    return dflt;
}

int stream_action(Interp *I, int stream)
{
    if (stream == STREAM_ERR) return eval_error_action(I);
    if (I->act[stream] >= 0) return I->act[stream];
    const char *name = pref_vars[stream];
    Var *v = scope_lookup(I->cur, name, strlen(name));
    int dflt = stream == STREAM_WARN ? EA_CONTINUE : EA_SILENT;
    return v ? parse_pref(var_value(v), dflt) : dflt;
}

static Status stopped(Interp *I, int stream, const char *msg, Node *site)
{
    static const char *const what[7] = {NULL,
                                        NULL,
                                        NULL,
                                        "WarningPreference",
                                        "VerbosePreference",
                                        "DebugPreference",
                                        "InformationPreference"};
    return eval_fail(I, site, EXC_RUNTIME, "ActionPreferenceStop",
                     "The running command stopped because the preference variable \"%s\" or "
                     "common parameter is set to Stop: %s",
                     what[stream], msg);
}

Status stream_write(Interp *I, int stream, Value msg, Node *site)
{
    int act = stream_action(I, stream);
    Value s = convert_to_string(msg, NULL);
    Status st = ST_OK;
    if (act != EA_IGNORE && I->sink[stream].kind != VAL_NULL) {
        Value r = inforec_new(stream, val_str_data(s));
        arr_push_take(I->sink[stream], r);
    }
    int keep = act == EA_CONTINUE || (stream == STREAM_INFO && act != EA_IGNORE);
    if (act == EA_STOP) {
        st = stopped(I, stream, val_str_data(s), site);
    } else if (keep && I->spipe[stream]) {
        Value r = inforec_new(stream, val_str_data(s));
        st = pipe_put(I, I->spipe[stream], r);
        val_unref(r);
    } else if (act == EA_CONTINUE) {
        StrBuf sb = {0};
        sb_printf(&sb, "%s%s\n", prefixes[stream], val_str_data(s));
        I->host_fn(I->host_ctx, sb.buf, sb.len);
        sb_free(&sb);
    }
    val_unref(s);
    return st;
}

Value stream_display(Interp *I, Value v)
{
    int k = inforec_stream(v);
    StrBuf sb = {0};
    if (k) {
        sb_printf(&sb, "%s%s", prefixes[k], inforec_message(v));
    } else if (errrec_is(v)) {
        eval_render_error(I, v, &sb);
        if (sb.len && sb.buf[sb.len - 1] == '\n') sb.len--;
    } else {
        return val_ref(v);
    }
    return val_str_take_sb(&sb);
}

/* ================================================================ files ==== */

typedef struct FilePipe {
    Pipe pipe;
    FILE *fp;
    Formatter *fmt;
} FilePipe;

static void file_write(void *ctx, const char *s, size_t len)
{
    fwrite(s, 1, len, ctx);
}

static Status file_put(Interp *I, Pipe *p, Value v)
{
    FilePipe *f = (FilePipe *)p;
    if (errrec_is(v) || inforec_stream(v)) {
        StrBuf sb = {0};
        if (errrec_is(v))
            eval_render_error(I, v, &sb);
        else
            sb_printf(&sb, "%s\n", inforec_message(v));
        fmt_flush(f->fmt);
        fwrite(sb.buf ? sb.buf : "", 1, sb.len, f->fp);
        sb_free(&sb);
        return ST_OK;
    }
    fmt_feed(f->fmt, v);
    return ST_OK;
}

/* The .NET exception FileStream throws for errno err. */
static ExcKind open_exc(int err)
{
    if (err == ENOENT || err == ENOTDIR) return EXC_DIRNOTFOUND;
    return err == EACCES || err == EPERM || err == EISDIR ? EXC_UNAUTHORIZED : EXC_IO;
}

/* A redirection target that cannot be opened: pwsh's Out-File error (redirections run Out-File),
 * statement-terminating.  pwsh's category is OpenError, which errrec.h does not have yet. */
static Status open_failed(Interp *I, const char *full, int err, Node *site)
{
    StrBuf msg = {0};
    ExcKind k = open_exc(err);
    if (k == EXC_DIRNOTFOUND)
        sb_printf(&msg, "Could not find a part of the path '%s'.", full);
    else if (k == EXC_UNAUTHORIZED)
        sb_printf(&msg, "Access to the path '%s' is denied.", full);
    else
        sb_printf(&msg, "%s : '%s'", strerror(err), full);
    ErrInit e = {.msg = sb_str(&msg),
                 .id = "FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand",
                 .exc = k,
                 .inner = k,
                 .cat = ERRCAT_NOTSPECIFIED,
                 .command = "Out-File",
                 .prog = site ? I->prog : NULL,
                 .start = site ? site->start : 0,
                 .end = site ? site->end : 0};
    Value rec = errrec_new(&e), t = val_str(full);
    errrec_set_target(rec, t);
    val_unref(t);
    sb_free(&msg);
    return eval_throw_rec(I, rec, 0);
}

/* path is taken against the runspace's location (a thread job's redirections go to its
 * own Set-Location, never the process directory). */
Pipe *stream_file_open(Interp *I, const char *path, int append, Node *site, Status *st)
{
    char *full = runloc_full(I, path);
    FILE *fp = fopen(full, append ? "ab" : "wb");
    *st = ST_OK;
    if (!fp) {
        *st = open_failed(I, full, errno, site);
        free(full);
        return NULL;
    }
    free(full);
    FilePipe *f = xcalloc(1, sizeof *f);
    f->pipe.put = file_put;
    f->fp = fp;
    FmtOptions opt;
    fmt_options_init(&opt);
    opt.width = 120;
    f->fmt = fmt_new(&opt, file_write, fp);
    return &f->pipe;
}

void stream_file_close(Interp *I, Pipe *p)
{
    if (!p) return;
    FilePipe *f = (FilePipe *)p;
    fmt_end(f->fmt);
    fmt_free(f->fmt);
    fclose(f->fp);
    free(f);
}

/* ================================================================ commands ==== */

/* Write-Warning [-Message] <String> (and Write-Verbose, Write-Debug) */
static const ParamSpec msg_params[] = {
    {"Message", "Msg", TY_STRING, 0, 0, PS_PIPELINE},
};

static Status write_stream(CmdCtx *c, int stream)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    Value m = c->has_input && !c->bound[0] ? c->input : c->arg[0];
    return stream_write(c->I, stream, m, c->node);
}

static Status write_warning(CmdCtx *c)
{
    return write_stream(c, STREAM_WARN);
}

static Status write_verbose(CmdCtx *c)
{
    return write_stream(c, STREAM_VERBOSE);
}

static Status write_debug(CmdCtx *c)
{
    return write_stream(c, STREAM_DEBUG);
}

/* Write-Information [-MessageData] <Object> [[-Tags] <String[]>] */
static const ParamSpec info_params[] = {
    {"MessageData", "Msg", TY_OBJECT, 0, 0, PS_PIPELINE},
    {"Tags", NULL, TY_STRING, 1, 1, 0},
};

static Status write_information(CmdCtx *c)
{
    return write_stream(c, STREAM_INFO);
}

/* Write-Progress [[-Activity] <String>] [[-Status] <String>] [[-Id] <Int32>]
 *                [-PercentComplete <Int32>] [-SecondsRemaining <Int32>]
 *                [-CurrentOperation <String>] [-ParentId <Int32>] [-Completed]
 *                [-SourceId <Int32>] */
enum {
    WP_ACTIVITY,
    WP_STATUS,
    WP_ID,
    WP_PERCENT,
    WP_SECONDS,
    WP_CURRENT,
    WP_PARENT,
    WP_COMPLETED,
    WP_SOURCE
};
static const ParamSpec progress_params[] = {
    [WP_ACTIVITY] = {"Activity", NULL, TY_STRING, 0, 0, 0},
    [WP_STATUS] = {"Status", NULL, TY_STRING, 0, 1, 0},
    [WP_ID] = {"Id", NULL, TY_INT32, 0, 2, 0},
    [WP_PERCENT] = {"PercentComplete", NULL, TY_INT32, 0, -1, 0},
    [WP_SECONDS] = {"SecondsRemaining", NULL, TY_INT32, 0, -1, 0},
    [WP_CURRENT] = {"CurrentOperation", NULL, TY_STRING, 0, -1, 0},
    [WP_PARENT] = {"ParentId", NULL, TY_INT32, 0, -1, 0},
    [WP_COMPLETED] = {"Completed", NULL, TY_SWITCH, 0, -1, PS_SWITCH},
    [WP_SOURCE] = {"SourceId", NULL, TY_INT32, 0, -1, 0},
};

#define VALIDATION_ID                                                                              \
    "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.WriteProgressCommand"

/* [ValidateRange(lo, hi)] of parameter i, with pwsh's message. */
static Status progress_range(CmdCtx *c, int i, int64_t lo, int64_t hi)
{
    if (!c->bound[i]) return ST_OK;
    int64_t n = c->arg[i].as.i;
    const char *name = progress_params[i].name;
    if (n < lo)
        return cmd_error(c, EXC_PARAMBIND, VALIDATION_ID,
                         "Cannot validate argument on parameter '%s'. The %lld argument is less "
                         "than the minimum allowed range of %lld. Supply an argument that is "
                         "greater than or equal to %lld and then try the command again.",
                         name, (long long)n, (long long)lo, (long long)lo);
    if (n > hi)
        return cmd_error(c, EXC_PARAMBIND, VALIDATION_ID,
                         "Cannot validate argument on parameter '%s'. The %lld argument is "
                         "greater than the maximum allowed range of %lld. Supply an argument "
                         "that is less than or equal to %lld and then try the command again.",
                         name, (long long)n, (long long)hi, (long long)hi);
    return ST_OK;
}

/* [ValidateNotNullOrEmpty] of the string parameter i. */
static Status progress_not_empty(CmdCtx *c, int i)
{
    if (!c->bound[i] || (val_is_str(c->arg[i]) && val_str_len(c->arg[i]) > 0)) return ST_OK;
    return cmd_error(c, EXC_PARAMBIND, VALIDATION_ID,
                     "Cannot validate argument on parameter '%s'. The argument is null or empty. "
                     "Provide an argument that is not null or empty, and then try the command "
                     "again.",
                     progress_params[i].name);
}

static const char *progress_str(CmdCtx *c, int i)
{
    return c->bound[i] && val_is_str(c->arg[i]) ? val_str_data(c->arg[i]) : "";
}

/* pwsh 7's minimal view (ProgressNode.RenderMinimal), plain of its exact VT choreography:
 * "<Activity> [<status ... (time)>]" in $PSStyle.Progress.Style (bold yellow), the bar part up
 * to PercentComplete in reverse video, at most 120 cells ($PSStyle.Progress.MaxWidth) wide.
 * Drawn on the cursor's line, which it leaves where it was; -Completed erases it. */
static void progress_draw(CmdCtx *c)
{
    if (c->bound[WP_COMPLETED] && convert_truthy(c->arg[WP_COMPLETED])) {
        fputs("\0337\r\033[2K\0338", stderr);
        fflush(stderr);
        return;
    }
    const char *act = progress_str(c, WP_ACTIVITY), *status = progress_str(c, WP_STATUS);
    size_t width = (size_t)fmt_screen_width(2) + 1, alen = strlen(act);
    width = width > 120 ? 120 : width;
    size_t bar = width > alen + 3 ? width - alen - 3 : 0;
    StrBuf txt = {0}, line = {0};
    sb_puts(&txt, status);
    int64_t secs = c->bound[WP_SECONDS] ? c->arg[WP_SECONDS].as.i : -1;
    if (secs >= 0)
        sb_printf(&txt, " (%02lld:%02lld:%02lld)", (long long)(secs / 3600),
                  (long long)(secs / 60 % 60), (long long)(secs % 60));
    if (txt.len > bar) txt.len = bar;
    while (txt.len < bar)
        sb_putc(&txt, ' ');
    int64_t pct = c->bound[WP_PERCENT] ? c->arg[WP_PERCENT].as.i : -1;
    size_t on = pct > 0 ? (size_t)pct * bar / 100 : 0;
    sb_printf(&line, "\0337\r\033[2K%s\033[33;1m%s [\033[7m",
              c->bound[WP_PARENT] && c->arg[WP_PARENT].as.i >= 0 ? "  " : "", act);
    sb_append(&line, txt.buf ? txt.buf : "", on);
    sb_puts(&line, "\033[27m");
    sb_append(&line, txt.buf ? txt.buf + on : "", txt.len - on);
    sb_puts(&line, "]\033[0m\0338");
    fwrite(line.buf, 1, line.len, stderr);
    fflush(stderr);
    sb_free(&txt);
    sb_free(&line);
}

static Status write_progress(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    Status st = progress_not_empty(c, WP_ACTIVITY);
    if (!st) st = progress_not_empty(c, WP_STATUS);
    if (!st) st = progress_range(c, WP_ID, 0, INT32_MAX);
    if (!st) st = progress_range(c, WP_PERCENT, -1, 100);
    if (!st) st = progress_range(c, WP_PARENT, -1, INT32_MAX);
    if (st) return st;
    Var *v = scope_lookup(c->I->cur, "ProgressPreference", 18);
    if (v && parse_pref(var_value(v), EA_CONTINUE) != EA_CONTINUE) return ST_OK;
    if (isatty(2)) progress_draw(c); /* a progress bar is for a person watching: none in logs */
    return ST_OK;
}

/* Out-Default / Out-Host [-InputObject <PSObject>] [-Paging] */
static const ParamSpec out_host_params[] = {
    {"InputObject", NULL, TY_OBJECT, 0, -1, PS_PIPELINE},
    {"Paging", NULL, TY_SWITCH, 0, -1, PS_SWITCH},
};

static void free_fmt(void *p)
{
    fmt_free(p);
}

static void stdout_write(void *ctx, const char *s, size_t len)
{
    fwrite(s, 1, len, stdout);
}

static Status out_host(CmdCtx *c)
{
    if (!c->priv) {
        FmtOptions opt;
        interp_fmt_options(c->I, &opt, 1);
        c->priv = fmt_new(&opt, stdout_write, NULL);
        c->priv_free = free_fmt;
    }
    if (c->phase == CMD_PROCESS && (c->has_input || c->bound[0])) {
        Value d = stream_display(c->I, c->has_input ? c->input : c->arg[0]);
        fmt_feed(c->priv, d);
        val_unref(d);
    } else if (c->phase == CMD_END) {
        fmt_end(c->priv);
        fflush(stdout);
    }
    return ST_OK;
}

/* Out-String [-InputObject <PSObject>] [-Width <int>] [-Stream] [-NoNewline] */
static const ParamSpec out_string_params[] = {
    {"InputObject", NULL, TY_OBJECT, 0, -1, PS_PIPELINE},
    {"Width", NULL, TY_INT32, 0, -1, 0},
    {"Stream", NULL, TY_SWITCH, 0, -1, PS_SWITCH},
    {"NoNewline", NULL, TY_SWITCH, 0, -1, PS_SWITCH},
};

static void sb_write(void *ctx, const char *s, size_t len)
{
    sb_append(ctx, s, len);
}

typedef struct OutStr {
    Formatter *fmt;
    StrBuf text;
} OutStr;

static void free_outstr(void *p)
{
    OutStr *o = p;
    fmt_free(o->fmt);
    sb_free(&o->text);
    free(o);
}

/* -Stream: every finished line is one string downstream. */
static Status emit_lines(CmdCtx *c, OutStr *o)
{
    size_t start = 0;
    Status st = ST_OK;
    for (size_t i = 0; i < o->text.len && !st; i++) {
        if (o->text.buf[i] != '\n') continue;
        Value line = val_str_n(o->text.buf + start, i - start);
        st = pipe_put(c->I, c->out, line);
        val_unref(line);
        start = i + 1;
    }
    if (start) {
        memmove(o->text.buf, o->text.buf + start, o->text.len - start);
        o->text.len -= start;
    }
    return st;
}

static Status out_string_end(CmdCtx *c, OutStr *o)
{
    fmt_end(o->fmt);
    if (convert_truthy(c->arg[2])) return emit_lines(c, o);
    StrBuf res = {0};
    if (convert_truthy(c->arg[3])) {
        for (size_t i = 0; i < o->text.len; i++)
            if (o->text.buf[i] != '\n') sb_putc(&res, o->text.buf[i]);
    } else {
        sb_append(&res, o->text.buf ? o->text.buf : "", o->text.len);
    }
    Value s = val_str_take_sb(&res);
    Status st = pipe_put(c->I, c->out, s);
    val_unref(s);
    return st;
}

static Status out_string(CmdCtx *c)
{
    OutStr *o = c->priv;
    if (!o) {
        o = xcalloc(1, sizeof *o);
        FmtOptions opt;
        interp_fmt_options(c->I, &opt, 1);
        opt.list_width = 0;
        if (c->bound[1]) opt.width = (int)c->arg[1].as.i;
        o->fmt = fmt_new(&opt, sb_write, &o->text);
        c->priv = o;
        c->priv_free = free_outstr;
    }
    if (c->phase == CMD_END) return out_string_end(c, o);
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (c->has_input || c->bound[0]) {
        Value d = stream_display(c->I, c->has_input ? c->input : c->arg[0]);
        fmt_feed(o->fmt, d);
        val_unref(d);
    }
    return convert_truthy(c->arg[2]) ? emit_lines(c, o) : ST_OK;
}

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))
const CmdDef stream_cmds[] = {
    {"Write-Warning", NULL, write_warning, msg_params, NPARAMS(msg_params)},
    {"Write-Verbose", NULL, write_verbose, msg_params, NPARAMS(msg_params)},
    {"Write-Debug", NULL, write_debug, msg_params, NPARAMS(msg_params)},
    {"Write-Information", NULL, write_information, info_params, NPARAMS(info_params)},
    {"Write-Progress", NULL, write_progress, progress_params, NPARAMS(progress_params)},
    {"Out-Default", NULL, out_host, out_host_params, NPARAMS(out_host_params)},
    {"Out-Host", "oh", out_host, out_host_params, NPARAMS(out_host_params)},
    {"Out-String", NULL, out_string, out_string_params, NPARAMS(out_string_params)},
};
const int nstream_cmds = NPARAMS(stream_cmds);
